"""Stage: the reviewer's dashboard, a static HTML report under ``review/``.

Not under ``site/``: the report shows drafts and unpublished articles, and ``site/`` is what gets uploaded.

One page per language and article puts German and translation side by side,
entry by entry in catalog order (which is document order; a sentence repeated
in the article is one entry, listed once with all its source lines). Each row
shows its state, where a draft came from, what the author changed since the
review (a word diff of ``#| msgid`` against ``msgid``), QA findings with the
catalog line they point at, and glossary hints. The index sums it all up.

The pages are plain files with relative links, so they open from disk. The
"needs attention" filter is CSS (``#attention:target``); the small script only
adds keyboard navigation. Model first (frozen dataclasses, no I/O), then
``render_report`` returns text per file, and ``write_review`` alone writes.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

import polib
from babel import Locale, UnknownLocaleError
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .bidi import mark_directions
from .catalog import (HAND, MACHINE, REUSED, REVIEWED, STALE, UNTRANSLATED, Notes, decode_po, key, parse_po, provenance,
                      restore_sign_offs, review_state, signed_off)
from .check import ERROR, WARNING, Finding, check_catalog, german_copies, msgid_line, waiver_advice
from .config import Config
from .drift import Templates
from .errors import VerlagError, contain, stage
from .extract_article import last_extract
from .extracted import changed_since_extract
from .fsutil import code_digest, digest_bytes, file_bytes, LinkedFolders, load_state, read_bytes, relpath, save_state, \
    write_if_changed
from .limits import CATALOG, REPORT_PAGE
from .glossary import HINT_PREFIX, Glossary, load_glossary
from .markup import scan
from .published import PlannedPages, SitePages
from .rawhtml import german_blocks, german_words
from .segment import reference_labels, refused_at
from .sources import Article, read_sources
from .states import percent_reviewed
from .uistrings import DEFAULT_THEME

STATES = (REVIEWED, MACHINE, REUSED, HAND, STALE, UNTRANSLATED)
TEMPLATES = DEFAULT_THEME / "review"
ASSETS = ("review.css", "review.js")
REPORT_DIR = Path("review")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
MAX_DIFF = 90_000  # tokens of the old text times tokens of the new (two blocks of 150 words): larger, no word diff

Diff = tuple[tuple[str, str], ...]


def word_diff(old: str, new: str) -> Diff:
    """What changed from ``old`` to ``new``, word by word: ("equal" | "delete" | "insert", text) runs.

    Whitespace and punctuation are tokens of their own, so "7 Grad." -> "8 Grad."
    marks the number alone and a changed comma does not swallow its word. Texts longer than ``MAX_DIFF``
    allows are shown as all deleted and all inserted: difflib takes cubic time on long texts with
    repeated tokens, and a ``#| msgid`` is the reviewer's file to write.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(a) * len(b) > MAX_DIFF:  # difflib's matching is cubic on such texts: 2,000 words took four minutes
        return tuple((op, text) for op, text in (("delete", old), ("insert", new)) if text)
    runs: list[list[str]] = []

    def add(op: str, tokens: list[str]) -> None:
        if not tokens:
            return
        if runs and runs[-1][0] == op:
            runs[-1][1] += "".join(tokens)
        else:
            runs.append([op, "".join(tokens)])

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return tuple((op, text) for op, text in runs)


@dataclass(frozen=True)
class Row:
    """One catalog entry as the reviewer sees it."""

    number: int  # 1-based position on the page, the anchor ``#s<number>``
    context: str | None
    german: str
    translation: str
    state: str
    kind: str  # the block note of the entry: "paragraph, block 3, sentence 2 of 4"
    origin: str  # where a draft came from: "mt: deepl", "tm: 93% from ..."; "" when unknown
    po_line: int  # the msgid line in the catalog, where an editor should jump
    sources: tuple[str, ...]  # "source_de/slug.md:14" for every occurrence
    notes: tuple[str, ...] = ()  # further ``#.`` comments (link labels, ...)
    diff: Diff = ()  # stale entries: old German -> new German
    # a stale entry's translation: "signed" off for the old German, a "draft" nobody signed off (or edited since),
    # "" when no record says which (a catalog of an older verlag, a tool that dropped the record)
    stale: str = ""
    findings: tuple = ()  # check.Finding objects for this entry
    hints: tuple = ()  # glossary.Term objects found in the German, with something to say for this language
    words: int = 0  # German words, as ``verlag status`` counts them

    @property
    def engine(self) -> str:
        """The engine name of a machine draft (``mt: deepl`` -> ``deepl``); the whole origin otherwise."""
        return self.origin.removeprefix("mt: ")

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def advice(self) -> tuple[str, str]:
        """How to settle the row's first error if the translation is right (``check.waiver_advice``)."""
        return waiver_advice(next(f.check for f in self.findings if f.severity == ERROR))

    @property
    def attention(self) -> bool:
        """Anything a reviewer still has to look at: not reviewed, or a QA finding."""
        return self.state != REVIEWED or bool(self.findings)


@dataclass(frozen=True)
class Tally:
    """Counts for a progress bar: segments and German words per state, QA findings, attention."""

    segments: dict = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    words: dict = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    errors: int = 0
    warnings: int = 0
    attention: int = 0
    german_words: int = 0  # words of the article's HTML blocks shown in German (``rawhtml.german_words``)
    # signed-off segments with a check error: counted as reviewed, yet the build holds them back and readers see
    # their German (``editions``' QA gate), which a "100 % reviewed" alone would hide (fresh-user trial 20)
    held: int = 0

    @classmethod
    def of(cls, rows, loose=(), german_words: int = 0) -> Tally:
        segments, words = dict.fromkeys(STATES, 0), dict.fromkeys(STATES, 0)
        for row in rows:
            segments[row.state] += 1
            words[row.state] += row.words
        findings = [f for row in rows for f in row.findings] + list(loose)
        errors = sum(f.severity == ERROR for f in findings)
        held = sum(row.state == REVIEWED and row.errors > 0 for row in rows)
        return cls(segments, words, errors, len(findings) - errors, sum(r.attention for r in rows), german_words,
                   held)

    def __add__(self, other: Tally) -> Tally:
        return Tally({s: self.segments[s] + other.segments[s] for s in STATES},
                     {s: self.words[s] + other.words[s] for s in STATES},
                     self.errors + other.errors, self.warnings + other.warnings,
                     self.attention + other.attention, self.german_words + other.german_words,
                     self.held + other.held)

    @property
    def total_words(self) -> int:
        """The page's German words as ``verlag status`` counts them: its segments' and its HTML blocks'."""
        return sum(self.words.values()) + self.german_words

    @property
    def total_segments(self) -> int:
        return sum(self.segments.values())

    @property
    def percent_reviewed(self) -> float:
        """Reviewed share of ``total_words`` (``states.percent_reviewed``, as ``verlag status`` has it)."""
        return percent_reviewed(self.words[REVIEWED], self.total_words)

    def shares(self) -> list[tuple[str, float]]:
        """(state, percent of words) for the bar, in state order, zero-width states left out."""
        total = self.total_words
        return [(s, round(100.0 * self.words[s] / total, 2)) for s in STATES if total and self.words[s]]

    @property
    def german_share(self) -> float:
        """The percent of ``total_words`` in HTML blocks shown in German, for the bar."""
        return round(100.0 * self.german_words / self.total_words, 2) if self.german_words else 0.0


@dataclass(frozen=True)
class Page:
    """One article in one language."""

    lang: str
    slug: str
    title: str  # German title
    source_ref: str
    po_ref: str
    rows: tuple[Row, ...] = ()
    loose: tuple = ()  # findings that belong to no entry (header, obsolete entries)
    labels: frozenset = frozenset()  # link reference labels, to tell markup from prose
    tally: Tally = field(default_factory=Tally)
    translated_title: str = ""
    missing: bool = False  # no catalog yet
    refused: str = ""  # no catalog, and extract refuses the German: where (``segment.refused_at``)
    problem: VerlagError | None = None  # the catalog could not be read
    obsolete: int = 0
    unchanged: bool = False  # inputs as at the last run: the page on disk is current, only the index needs it
    german_changed: bool = False  # the German was edited since the last extract (``extracted``)
    outdated: str = ""  # the catalog's msgids are not its template's German (``drift``): what is wrong

    @property
    def href(self) -> str:
        return f"{self.lang}/{self.slug}.html"

    @property
    def older_than_german(self) -> bool:
        """Whether the catalog is older than its German (either reason): the index flags the article."""
        return self.german_changed or bool(self.outdated)

    def summary(self) -> dict:
        """What the index needs of this page on a later run that skips it (JSON)."""
        return {"tally": asdict(self.tally), "translated_title": self.translated_title, "missing": self.missing,
                "refused": self.refused, "german_changed": self.german_changed, "outdated": self.outdated}


def build_page(article: Article, po: polib.POFile | None, lang: str, po_ref: str, findings=(),
               glossary: Glossary = Glossary(), labels: frozenset = frozenset(), text: str | None = None) -> Page:
    """The page model of one catalog.

    ``findings`` are attached to their entry by key, else by line; ``text`` (the
    catalog as read) gives each entry's msgid line, the line ``verlag check`` names.
    """
    base = dict(lang=lang, slug=article.slug, title=article.title, source_ref=article.ref, po_ref=po_ref,
                labels=labels)
    if po is None:
        return Page(**base, missing=True, refused=refused_at(article))
    lines = text.split("\n") if text is not None else []
    entries = [e for e in po if not e.obsolete]
    places = {key(e): msgid_line(lines, e.linenum) if lines else e.linenum for e in entries}
    by_line = {line: k for k, line in places.items()}
    attached: dict = {}
    loose = []
    for finding in findings:
        where = finding.key if finding.key in places else by_line.get(finding.line)
        if where is None:
            loose.append(finding)
        else:
            attached.setdefault(where, []).append(finding)
    copies = german_copies(entries, lang, glossary, labels)  # reviewed German prose: untranslated, as the site shows it
    rows = tuple(_row(n, entry, places[key(entry)], attached.get(key(entry), ()), glossary, lang, copies)
                 for n, entry in enumerate(entries, 1))
    title = next((r.translation for r in rows if r.context == "title" and r.translation), "")
    tally = Tally.of(rows, loose, german_words(german_blocks(article)))
    return Page(**base, rows=rows, loose=tuple(loose), tally=tally, translated_title=title,
                obsolete=len(po) - len(entries))


def _row(number: int, entry: polib.POEntry, line: int, findings, glossary: Glossary, lang: str,
         copies=frozenset()) -> Row:
    state = review_state(entry, copies)
    origins = provenance(entry)
    comments = [c for c in (entry.comment or "").splitlines() if c and not c.startswith(HINT_PREFIX)]
    return Row(
        number=number, context=entry.msgctxt, german=entry.msgid, translation=entry.msgstr, state=state,
        kind=comments[0] if comments else "", origin=origins[-1] if origins else "", po_line=line,
        sources=tuple(f"{path}:{n}" if n else path for path, n in entry.occurrences),
        notes=tuple(comments[1:]),
        diff=word_diff(entry.previous_msgid, entry.msgid) if state == STALE else (),
        stale=_stale_kind(entry) if state == STALE else "",
        findings=tuple(sorted(findings, key=lambda f: (f.severity != ERROR, f.check))),
        hints=tuple(t for t in glossary.find(entry.msgid) if t.hint(lang)),
        words=len(entry.msgid.split()))


def _stale_kind(entry: polib.POEntry) -> str:
    """``Row.stale`` of a stale entry, by its ``previous msgid`` record (``catalog.Notes``)."""
    if signed_off(entry):
        return "signed"
    notes = Notes.of(entry)
    return "draft" if notes.carried or notes.reviewed else ""


@dataclass
class ReviewResult:
    pages: list[Page] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[VerlagError] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        return sum(p.unchanged for p in self.pages)


def make_page(config: Config, article: Article, lang: str, glossary: Glossary, labels: frozenset,
              pages: SitePages, templates: Templates | None = None, german_changed: bool = False) -> Page:
    """Read and check one catalog and model its page, as ``verlag check`` checks it (``pages``: the site's
    published pages, ``published.SitePages``); an unreadable catalog becomes a page that says so.
    ``german_changed``: the German was edited since the last extract; ``templates``: to tell a catalog whose
    msgids are not its template's German (``drift``). Either is said at the top of the page."""
    path = config.po_path(lang, article.slug)
    ref = relpath(path, config.root)
    try:
        data = file_bytes(path, CATALOG, ref)
        text = decode_po(data, ref)  # read once: parsed, and the checks name its lines
        po = parse_po(text, ref)
        # a sign-off mark a tool dropped (msgmerge of an older copy) is shown as the next extract gives it back
        restore_sign_offs(po, lambda: last_extract(config, lang, article.slug, data))
    except FileNotFoundError:
        return build_page(article, None, lang, ref, labels=labels)
    except VerlagError as exc:
        return Page(lang, article.slug, article.title, article.ref, ref, labels=labels, problem=exc)
    with stage(article.ref, f"checking {ref}"):
        findings = check_catalog(po, ref, lang, article.slug, glossary, labels, text, config.source_language,
                                  site_url=config.site_url, published=pages, renamed=pages.renamed,
                                  languages=config.languages)
    page = build_page(article, po, lang, ref, [*findings, *tag_findings(article, po, lang)], glossary, labels, text)
    drift = (templates.drift(article.slug, po, lambda: last_extract(config, lang, article.slug, data))
             if templates is not None else None)
    return replace(page, german_changed=german_changed, outdated=drift.message(article.ref) if drift else "")


def tag_findings(article: Article, po: polib.POFile, lang: str) -> list[Finding]:
    """``check``'s ``template-tag`` warnings of the German ``article`` (file and line of each tag), each keyed to the
    entry of ``po`` whose msgid holds the tag: the reviewer sees on its row that the tag is the author's to rewrite,
    not to translate. A tag no msgid holds (in an HTML block) is left to ``check`` and ``build``."""
    from .segment import template_tag_warning, template_tags

    entries = [(" ".join(e.msgid.split()), key(e)) for e in po if not e.obsolete]
    found = []
    for line, tag, kind in template_tags(article):
        held = next((k for msgid, k in entries if " ".join(tag.split()) in msgid), None)
        if held is not None:
            found.append(Finding(article.ref, line, "template-tag", WARNING, template_tag_warning(tag, kind), lang,
                                 article.slug, held))
    return found


STATE_FILE = "review.json"


def _fingerprint(config: Config, article: Article, lang: str, glossary: Glossary, catalog: bytes | None,
                 pages: SitePages, template: bytes | None, german_changed: bool) -> str:
    """What one page shows: source, catalog, the article's .pot (``drift``), whether the German changed since
    the last extract, glossary, verlag's code and templates, the languages it links,
    what its QA findings read (``[site] base_url``, which of the site's pages the catalog names are published);
    and the page file as last written (a deleted or edited page is written again). ``catalog``: its bytes as
    read before the page was made, so a save during the run makes the next run redo the page."""
    out = config.root / REPORT_DIR / f"{lang}/{article.slug}.html"
    return digest_bytes(catalog, template, _page_bytes(out), *(read_bytes(p) for p in sorted(TEMPLATES.iterdir())),
                        extra=f"{code_digest()}|{article.digest}|{german_changed}|{glossary.digest}|{config.name}|"
                              f"{config.source_language}|{','.join(config.languages)}|{config.site_url}|"
                              f"{pages.key(catalog)}")


def _page_bytes(path: Path) -> bytes | None:
    """A page of the report as it is now, for ``_fingerprint``; None, as for a page deleted (it is made again), for
    one over ``limits.REPORT_PAGE`` (never read) or no file (a named pipe: ``write_if_changed`` names it)."""
    try:
        return read_bytes(path, REPORT_PAGE)
    except (OSError, VerlagError):
        return None


STATE_LABELS = {REVIEWED: "Reviewed", MACHINE: "Machine draft", REUSED: "Reused draft", HAND: "Hand draft",
                STALE: "Stale", UNTRANSLATED: "Untranslated"}
STATE_HELP = {
    REVIEWED: "signed off by a reviewer (not fuzzy)",
    MACHINE: "a draft (fuzzy) an engine made, as it came (its mt: line names it), not yet checked; the pages say "
             "\"made by machine\"",
    REUSED: "a draft (fuzzy) the translation memory gave, as it came (its tm: line names the article it came from and "
            "how close its German was): a person's earlier translation of the same or a similar sentence, not yet "
            "checked here; the pages say \"reused from earlier translations\", not \"made by machine\"",
    HAND: "fuzzy text no engine is known to have made, not yet checked: one verlag import --translation-of could not "
          "align with confidence, a machine draft edited and left fuzzy, or fuzzy text with no mt: line (typed in an "
          "editor and marked unsure, your own reopened, another tool's); the pages say \"not yet checked by a "
          "person\", not \"made by machine\"",
    STALE: "the German changed after it was translated (signed off or still a draft); the diff shows how",
    UNTRANSLATED: "no translation yet, or a signed-off translation that is the German prose as it is; readers see "
                  "the German",
}


@functools.lru_cache(maxsize=8192)
def _pieces(text: str, labels: frozenset) -> tuple[tuple[bool, str], ...]:
    """Markup and prose of a text; cached because every language's page shows the same German."""
    return tuple(scan(text, labels))


def language_name(code: str) -> str:
    """"French (français)": the report speaks English, the language names itself too."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    english, own = locale.get_display_name("en"), locale.get_display_name()
    return english if english == own else f"{english} ({own})"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(STATES=STATES, STATE_LABELS=STATE_LABELS, STATE_HELP=STATE_HELP, pieces=_pieces,
                       language=language_name)
    env.filters["pct"] = lambda value: f"{value:g}"
    return env


def render_report(pages: list[Page], project: str, languages: list[str], partial: bool = False,
                  all_languages: list[str] | None = None) -> dict[str, str]:
    """Every file of the report as text, keyed by its path under ``review/``.

    ``languages`` are those on the index; an article page links its other
    languages out of ``all_languages`` (a partial run links them all the same).
    """
    env = _environment()
    by_lang = {lang: [p for p in pages if p.lang == lang] for lang in languages}
    totals = {lang: sum((p.tally for p in mine), Tally()) for lang, mine in by_lang.items()}
    problems = [p for p in pages if p.problem]
    # the report's own words are English (left to right): Arabic or Hebrew in it gets dir="rtl"
    files = {"index.html": mark_directions(env.get_template("index.html").render(
        project=project, by_lang=by_lang, totals=totals, problems=problems, partial=partial, root=""), "ltr")}
    article_template = env.get_template("article.html")
    for page in (p for p in pages if not p.unchanged):
        others = [lang for lang in all_languages or languages if lang != page.lang]
        files[page.href] = mark_directions(
            article_template.render(project=project, page=page, others=others, root="../"), "ltr")
    for asset in ASSETS:
        files[asset] = (TEMPLATES / asset).read_text(encoding="utf-8")
    return files


def write_review(config: Config, languages=None, slugs=None, progress=None) -> ReviewResult:
    """Write the report; only changed files are written, pages of removed articles and languages go.

    A page whose inputs are unchanged since the last run is not read, checked
    or rendered again (content hash in ``.verlag/review.json``); the index
    takes its numbers from there. Nothing outside ``review/`` is
    touched but that record: the site build owns ``site/``.
    """
    out = config.root / REPORT_DIR
    if out.is_symlink():
        raise VerlagError(f"a symbolic link (to {os.readlink(out)}), not a folder: review removes the pages of a "
                          "language verlag.toml no longer lists, which through a link would be files elsewhere; "
                          "remove it (review makes the folder)", REPORT_DIR.name)
    sources = read_sources(config)
    result = ReviewResult(errors=sources.errors_about(slugs))
    articles = sources.articles
    languages = list(languages or config.languages)
    chosen = [a for a in articles if not slugs or a.slug in slugs]
    try:
        glossary = load_glossary(config.translations_dir, config.root)
    except VerlagError as exc:  # still write the report; the terminology part is missing and we say why
        result.errors.append(exc)
        glossary = Glossary()
    state = load_state(config.state_dir / STATE_FILE)
    pages = PlannedPages(config, sources, glossary)  # as the build will publish them
    catalogs: dict[tuple[str, str], bytes | None] = {}  # (lang, slug) -> the catalog's bytes before its page
    changed = changed_since_extract(config, chosen)
    templates = Templates(config)
    pots: dict[str, bytes | None] = {}  # slug -> its template's bytes, read once for all its languages
    for article in chosen:
        if progress:
            progress(article)
        labels = None
        pot_path = config.pot_path(article.slug)
        try:  # as a catalog: a named pipe never opened, a file over ``limits.CATALOG`` never read
            pots[article.slug] = read_bytes(pot_path, CATALOG, relpath(pot_path, config.root))
        except VerlagError as exc:  # that article's pages are not made; the others are
            result.errors.append(exc)
            continue
        for lang in languages:
            known = state.get(f"{lang}/{article.slug}", {})
            path = config.po_path(lang, article.slug)
            try:  # larger than ``limits.CATALOG``, or no file (a named pipe): never read, that page's error
                catalogs[(lang, article.slug)] = read_bytes(path, CATALOG, relpath(path, config.root))
            except VerlagError as exc:
                result.errors.append(exc)
                continue
            if known.get("print") == _fingerprint(config, article, lang, glossary, catalogs[(lang, article.slug)],
                                                  pages, pots[article.slug], article.slug in changed):
                result.pages.append(_remembered(config, article, lang, known))
                continue
            with contain(article.ref, f"reviewing {lang}", result.errors) as outcome:
                labels = reference_labels(article) if labels is None else labels
                page = make_page(config, article, lang, glossary, labels, pages, templates, article.slug in changed)
            if outcome.failed:
                continue
            result.pages.append(page)
            if page.problem:
                result.errors.append(page.problem)
    said = set(map(str, result.errors))  # a linked page whose edition failed, as the build names its article
    result.errors += [failure for failure in pages.failures if str(failure) not in said]
    partial = len(chosen) < len(articles) or languages != list(config.languages)
    files = render_report(result.pages, config.name, languages, partial, list(config.languages))
    through_link = LinkedFolders(out, REPORT_DIR.name, "the report's pages", "pages",
                                 lambda error: result.errors.append(error))

    for rel, text in files.items():
        if not through_link(rel) and write_if_changed(out / rel, text):
            result.written.append(relpath(out / rel, config.root))
    result.removed = _remove_gone(config, out, {a.slug for a in articles} | sources.unreadable,
                                  lambda folder: through_link(f"{folder}/"))
    by_slug = {a.slug: a for a in articles}
    for page in result.pages:
        if not page.problem:
            state[f"{page.lang}/{page.slug}"] = {
                "print": _fingerprint(config, by_slug[page.slug], page.lang, glossary, catalogs[(page.lang, page.slug)],
                                      pages, pots[page.slug], page.slug in changed),
                **page.summary()}
    kept = {k: v for k, v in state.items()
            if k.split("/")[0] in config.languages and k.split("/")[-1] in by_slug}
    save_state(config.state_dir / STATE_FILE, kept)
    templates.save()
    return result


def _remembered(config: Config, article: Article, lang: str, known: dict) -> Page:
    """An unchanged page as the index needs it, from the last run's summary."""
    ref = relpath(config.po_path(lang, article.slug), config.root)
    t = known["tally"]
    return Page(lang, article.slug, article.title, article.ref, ref,
                tally=Tally(t["segments"], t["words"], t["errors"], t["warnings"], t["attention"],
                            t.get("german_words", 0), t.get("held", 0)),
                translated_title=known["translated_title"], missing=known["missing"],
                refused=known.get("refused", ""), unchanged=True,
                german_changed=known.get("german_changed", False), outdated=known.get("outdated", ""))


def _remove_gone(config: Config, out: Path, slugs: set[str], linked: Callable[[str], bool]) -> list[str]:
    """Pages whose article or language no longer exists; other files are left alone, and so is every file of a
    folder of ``out`` for which ``linked`` (its name) is true: a symbolic link to a folder elsewhere."""
    removed = []
    for lang_dir in sorted(p for p in out.glob("*") if p.is_dir()):
        if linked(lang_dir.name):
            continue
        for page in sorted(lang_dir.glob("*.html")):
            if lang_dir.name not in config.languages or page.stem not in slugs:
                page.unlink()
                removed.append(relpath(page, config.root))
        if not any(lang_dir.iterdir()):
            lang_dir.rmdir()
    return removed

"""Progress per language and article, in segments and German words, with the QA findings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .catalog import (HAND, MACHINE, REUSED, REVIEWED, STALE, UNTRANSLATED, decode_po, key, load_po, older_copy,
                      older_copy_message, restore_sign_offs, review_state, stale_sign_off, stale_sign_off_message,
                      waiting_rivals)
from .committed import lost_sign_offs
from .check import (ERROR, Finding, check_catalog, german_copies, header_findings, image_variant_findings,
                    legal_page_findings, msgid_line, obsolete_msgid_line, pseudo_draft_findings, tm_difference_findings,
                    site_catalog_findings)
from .config import Config
from .doccache import german_keys
from .drift import Templates
from .errors import VerlagError, contain, lines_said
from .extract_article import last_extract
from .extracted import changed_since_extract, moved_since_extract
from .fsutil import NotAFile, code_digest, digest_bytes, load_state, relpath, save_state
from .glossary import load_glossary
from .orphans import find_orphans, unreadable
from .practice import unfilled
from .published import PlannedPages
from .rawhtml import german_blocks, german_words
from .restore import pending, pending_message
from .segment import reference_labels, refused_at
from .sources import Sources, read_sources
from .states import percent_reviewed
from .textchanged import outdated

STATES = (UNTRANSLATED, MACHINE, REUSED, HAND, STALE, REVIEWED)
STATE_FILE = "status.json"  # QA counts per catalog, keyed by content hash


@dataclass
class Progress:
    lang: str
    slug: str | None  # None: the total of a language
    segments: dict
    words: dict
    missing: bool = False  # no catalog yet: run extract
    # missing or empty, and extract restores it from its copy (``restore.pending``): what ``restore`` says of it
    restore: str = ""
    # no catalog, and extract refuses the German (nesting too deep, too many '['): "file:line" of its error
    refused: str = ""
    unreadable: str = ""  # the catalog cannot be read: "file:line" (the error names why); counted nowhere
    draft: bool = False  # the article says ``draft: true``, or is scheduled: translated, not published
    scheduled: str = ""  # the day (ISO 8601) an article dated after today waits for (``schedule``), else ""
    legal: bool = False  # a page of ``[site] legal``: only reviewed translations are published, whatever the policy
    unfilled: bool = False  # the German (no draft) still holds init's placeholders: published in no language
    # the catalog's msgids are not its template's German (``drift``): what is wrong, to say below the table
    outdated: str = ""
    german_changed: bool = False  # the German changed since extract made the template (``extracted``)
    # the German file moved since extract made the template (``extracted.moved_since_extract``): the file the
    # template names, else ""
    moved_from: str = ""
    # stale entries signed off with their ``#| msgid`` kept (``catalog.stale_sign_off``), counted as stale: (the
    # catalog line of each msgid, the msgid)
    stale_sign_offs: list = field(default_factory=list)
    # what to say of each of them, in their order (``catalog.stale_sign_off_message``; not in the JSON)
    sign_off_messages: list = field(default_factory=list)
    # sign-offs the last git commit holds that the file lost (``committed.lost_sign_offs``): "line: what to say"
    # below the table, counted as one of check's warnings (not in the JSON)
    lost_sign_offs: str = ""
    # obsolete entries keeping the translation of a changed sentence's old German that did not go live
    # (``catalog.waiting_rivals``): (the catalog line of each ``#~ msgid``, its msgid), counted as check's
    # ``rival-translation`` warnings and said below the table: a choice a reviewer has to make
    rivals: list = field(default_factory=list)
    german: int = 0  # HTML blocks of the original with text readers of this edition see in German
    german_words: int = 0  # their words: never in a catalog, so never reviewed
    # the German body changed after the article's medical review (``textchanged.outdated``, check's review-outdated):
    # {"path", "line" (of last_reviewed), "changed" (ISO day), "message"}, the same in each language's row; else None
    review_outdated: dict | None = None
    errors: int = 0  # QA findings (verlag check)
    # what keeps the next build from publishing it (``not_published``, the build's figures, segments held back by
    # check errors counted as not translated): "[publish] min_translated (69.2 % translated, 80 needed)"
    held: str = ""
    warnings: int = 0
    catalogs: int = field(default=1, repr=False)
    unreadable_count: int = field(default=0, repr=False)  # of a total: its unreadable catalogs

    @property
    def total_words(self) -> int:
        """The German words of the page: its segments' and those of the HTML blocks shown in German."""
        return sum(self.words.values()) + self.german_words

    @property
    def percent_reviewed(self) -> float:
        """Reviewed words of ``total_words`` in percent: a page that shows German HTML blocks is not 100."""
        return percent_reviewed(self.words[REVIEWED], self.total_words)

    def as_dict(self) -> dict:
        data = {**asdict(self), "percent_reviewed": self.percent_reviewed}
        del data["catalogs"], data["unreadable_count"], data["sign_off_messages"], data["lost_sign_offs"]
        if self.slug is None:
            del data["slug"], data["missing"], data["draft"], data["legal"], data["unfilled"], data["outdated"]
            del data["scheduled"]
            del data["german_changed"], data["moved_from"], data["held"], data["stale_sign_offs"]
            del data["review_outdated"]
            del data["rivals"]
            data["articles"], data["unreadable"] = self.catalogs, self.unreadable_count
        if self.slug is None or not self.restore:
            del data["restore"]
        if self.slug is None or not self.refused:
            del data["refused"]
        if self.slug is not None and not self.unreadable:
            del data["unreadable"]
        return data


def collect_status(config: Config, languages: list[str] | None = None, qa: bool = True, progress=None,
                   sources: Sources | None = None,
                   slugs: list[str] | None = None) -> tuple[list[Progress], list[VerlagError]]:
    """One row per language and article (those of ``slugs``, else all: ``--article``, with only their sources'
    problems); ``qa`` also counts the findings of ``verlag check``; ``progress()`` is called per article;
    ``sources``: the project's, when the caller has read them.

    An HTML block of the original with text a reader sees (``rawhtml.german_blocks``) is never
    extracted: every translated page shows it in German, so it counts in ``german`` and its words in
    the total of every language's row, and such a page is never 100 % reviewed.

    The QA counts of a catalog are cached by the hash of everything they
    depend on (catalog, article, glossary, verlag's code), so a status after
    a small edit re-checks only the catalogs that changed.
    """
    rows: list[Progress] = []
    sources = sources or read_sources(config)
    errors: list[VerlagError] = sources.errors_about(slugs)
    articles = [a for a in sources.articles if not slugs or a.slug in slugs]
    glossary = load_glossary(config.translations_dir, config.root)  # also for the German copies (below)
    labels: dict[str, frozenset] = {}
    cache = load_state(config.state_dir / STATE_FILE) if qa else {}
    pages = PlannedPages(config, sources, glossary) if qa else None  # as the build will publish them
    # what else decides whether the build publishes a translation (``not_published``)
    settings = json.dumps([config.section("publish"), config.section("site").get("legal")], sort_keys=True,
                          default=str)
    fresh: dict[str, list] = {}
    templates = Templates(config)
    changed = changed_since_extract(config, articles)
    moved = moved_since_extract(config, [a for a in articles if a.slug not in changed])
    lost = {(found.lang, found.slug): f"{found.line}: {found.message}"
            for found in lost_sign_offs(config, languages, [a.slug for a in articles])}
    for article in articles:
        if progress:
            progress()
        blocks = german_blocks(article)
        first = len(rows)
        refused: str | None = None  # ``Progress.refused``, once a language has no catalog
        for lang in languages or config.languages:
            path = config.po_path(lang, article.slug)
            ref = relpath(path, config.root)
            if (copy := pending(config, lang, article.slug)) is not None:  # counted once extract has restored it
                rows.append(Progress(lang, article.slug, dict.fromkeys(STATES, 0), dict.fromkeys(STATES, 0),
                                     missing=True, restore=pending_message(ref, copy), draft=article.draft,
                                     scheduled=_day(article), german_changed=article.slug in changed,
                                     moved_from=moved.get(article.slug, "")))
                continue
            try:
                data, po = load_po(path, ref)
                if po is not None:  # a record a tool dropped, as the next extract gives it back
                    restore_sign_offs(po, lambda: last_extract(config, lang, article.slug, data))
            except VerlagError as exc:  # a row still: a language must not vanish while its catalog is broken
                errors.append(exc)
                rows.append(Progress(lang, article.slug, dict.fromkeys(STATES, 0), dict.fromkeys(STATES, 0),
                                     draft=article.draft, scheduled=_day(article),
                                     unreadable=f"{exc.path}:{exc.line}" if exc.line else str(exc.path),
                                     german_changed=article.slug in changed,
                                     moved_from=moved.get(article.slug, "")))
                continue
            segments = dict.fromkeys(STATES, 0)
            words = dict.fromkeys(STATES, 0)
            row_stale_sign_offs: list = []
            sign_off_messages: list[str] = []
            if po is not None and article.slug not in labels:
                labels[article.slug] = reference_labels(article)
            # signed-off German prose counts as untranslated, as the edition shows it (``check.german_copies``)
            copies = german_copies(po, lang, glossary, labels[article.slug]) if po is not None else frozenset()
            try:
                drift = (templates.drift(article.slug, po, lambda: last_extract(config, lang, article.slug, data))
                         if po is not None else None)
            except NotAFile as exc:  # a named pipe or a link out of the project in the template's place: named once
                errors += [exc] if str(exc) not in map(str, errors) else []
                drift = None
            lines = german = None
            for entry in (po or []):
                if entry.obsolete or drift and key(entry) not in drift.german and key(entry) not in drift.standing:
                    continue  # German the page no longer has (one that lost its msgctxt counts where extract puts it)
                if stale_sign_off(entry):
                    lines = lines or decode_po(data, ref).split("\n")
                    if german is None:
                        german = german_keys(config, article)
                    row_stale_sign_offs.append((msgid_line(lines, entry.linenum), entry.msgid))
                    sign_off_messages.append(stale_sign_off_message(entry, german))
                state = review_state(entry, copies)
                segments[state] += 1
                words[state] += len(entry.msgid.split())
            for _, msgid in drift.missing if drift else ():  # the German the page shows as it is
                segments[UNTRANSLATED] += 1
                words[UNTRANSLATED] += len(msgid.split())
            # an older copy's entries where the last extract left a person's translation: said as extract will do,
            # before the drift it explains (its translations of the German before the author changed it)
            older = (older_copy(po, lambda: last_extract(config, lang, article.slug, data),
                                *((drift.missing, drift.german) if drift else ()))
                     if po is not None else [])
            rivals = waiting_rivals(po) if po is not None else []
            if rivals:
                lines = lines or decode_po(data, ref).split("\n")
            row = Progress(lang, article.slug, segments, words, missing=po is None, draft=article.draft,
                           scheduled=_day(article),
                           legal=config.legal_page(article.slug),
                           unfilled=not article.draft and bool(unfilled(article)),
                           german=len(blocks), german_words=german_words(blocks),
                           outdated=older_copy_message(ref, older, decode_po(data, ref)) if older
                           else drift.message(article.ref) if drift else "",
                           german_changed=article.slug in changed, moved_from=moved.get(article.slug, ""),
                           stale_sign_offs=row_stale_sign_offs,
                           sign_off_messages=sign_off_messages, lost_sign_offs=lost.get((lang, article.slug), ""),
                           rivals=[(obsolete_msgid_line(lines, gone.linenum), gone.msgid) for gone, _ in rivals])
            if qa and po is not None:
                name = f"{lang}/{article.slug}"
                digest = digest_bytes(data, extra=f"{code_digest()}|{glossary.digest}|{article.digest}|"
                                                  f"{config.source_language}|{config.site_url}|{pages.key(data)}|"
                                                  f"{settings}")
                counts = cache.get(name)
                if not (isinstance(counts, list) and len(counts) == 4 and counts[0] == digest
                        and isinstance(counts[3], (str, type(None)))):
                    with contain(article.ref, f"checking {ref}", errors) as outcome:
                        findings = check_catalog(po, ref, lang, article.slug, glossary, labels[article.slug],
                                                 source_lang=config.source_language, site_url=config.site_url,
                                                 published=pages, renamed=pages.renamed,
                                                 languages=config.languages)
                        # ``check``'s ``catalog-header``: of the file as read, cached with the entries' findings
                        findings += header_findings(po, ref, lang, article.slug, decode_po(data, ref))
                    if outcome.failed:
                        rows.append(row)  # progress is known; the QA counts are not
                        continue
                    errors_found = sum(f.severity == ERROR for f in findings)
                    counts = [digest, errors_found, len(findings) - errors_found, None]  # held: asked below
                fresh[name] = counts
                # ``check``'s warnings that depend on verlag.toml's [publish] and [site] legal (``settings``)
                row.errors, row.warnings = counts[1], counts[2] + len(legal_page_findings(
                    config, po, ref, lang, article.slug)) + len(pseudo_draft_findings(
                        config, po, ref, lang, article.slug, published=pages)) + len(tm_difference_findings(
                        config, po, ref, lang, article.slug, published=pages))
                if drift:  # ``check``'s ``catalog-outdated``: one per entry that lost its msgctxt, one for the rest
                    named = len(drift.unmarked_messages(po))
                    row.warnings += named + bool(drift.without_unmarked() if named else drift)
                row.warnings += bool(older)  # ``check``'s ``catalog-outdated`` of an older copy (``older_copy``)
                row.warnings += bool(row.lost_sign_offs)  # ``check``'s ``sign-off-lost``
                row.warnings += len(row.rivals)  # ``check``'s ``rival-translation``
                # the build's figures, where its own do not settle it: fully reviewed without check errors is
                # published; one showing nothing translated (all empty, machine drafts under unreviewed = "source",
                # signed-off pseudo text) is marked with the build's words ("nothing translated yet": trial 16 read
                # an unmarked row of empties as published); an unfilled page, published in no language, is marked
                # so (build names it so, not among the translations it holds back)
                # (made in memory, the figures cached with the QA counts: a status after a small edit makes only
                # the editions whose catalog changed)
                if counts[3] is None and not row.unfilled and (row.errors or row.percent_reviewed < 100):
                    failed: list[VerlagError] = []  # making its edition failed: as the build says it, once
                    with contain(article.ref, "building the editions", failed):
                        counts[3] = not_published(pages, lang, article.slug)
                    errors += [e for e in failed if str(e) not in set(map(str, errors))]
                row.held = "" if row.unfilled else counts[3] or ""
            if po is None:  # no catalog: where extract refuses the German, which running it again does not mend
                refused = refused_at(article) if refused is None else refused
                row.refused = refused
            rows.append(row)
        if found := outdated(config, article):  # the German's, said in each of its languages' rows
            said = {"path": article.ref, "line": found.line, "changed": found.changed.isoformat(),
                    "message": found.message}
            for row in rows[first:]:
                row.review_outdated = said
    if qa:  # an image variant made from an older German image is a warning of its article, as in ``check``
        by_row = {(r.lang, r.slug): r for r in rows}
        for finding in image_variant_findings(config, sources, list(languages or config.languages), slugs, errors):
            if (finding.lang, finding.slug) in by_row:
                by_row[finding.lang, finding.slug].warnings += 1
    if pages is not None:  # a linked page whose edition failed: the build names its article so, and goes on
        errors += [failure for failure in pages.failures if str(failure) not in set(map(str, errors))]
    templates.save()
    order = list(languages or config.languages)
    rows.sort(key=lambda row: order.index(row.lang))  # per language, articles in order (a stable sort)
    if qa:
        known = {a.slug for a in sources.articles}  # every article's: one asked about alone keeps the others'
        kept = {k: v for k, v in cache.items() if k.partition("/")[2] in known and k.partition("/")[0] in config.languages}
        try:
            save_state(config.state_dir / STATE_FILE, {**kept, **fresh})
        except OSError:
            pass  # a read-only checkout: status still works, only the next one is slower
    return rows, errors


def site_findings(config: Config, languages: list[str] | None = None) -> tuple[list[Finding], list[VerlagError]]:
    """``check``'s findings of each language's ``site.po`` (``check.site_catalog_findings``: a plural message with a
    form left empty, a placeholder lost, …), which has no row of its own: ``status`` says them below the table and
    counts them in their language's total; with the errors of a site.po that cannot be read."""
    found: list[Finding] = []
    errors: list[VerlagError] = []
    for lang in languages or config.languages:
        try:
            found += site_catalog_findings(config, lang)
        except VerlagError as exc:
            errors.append(exc)
    return found, errors


def not_published(pages: PlannedPages, lang: str, slug: str) -> str:
    """Why the next build keeps the ``lang`` translation of ``slug`` off the site (``PlannedPages.held_back``,
    the build's own figures, held-back segments counted as not translated; for one showing nothing translated
    ``PlannedPages.not_shown``, the build's words), "" when it publishes it or its edition cannot be made
    (``check`` and ``build`` name that)."""
    try:
        return pages.held_back((lang, slug)) or pages.not_shown((lang, slug))
    except VerlagError:
        return ""


def totals(rows: list[Progress], site: list[Finding] = ()) -> list[Progress]:
    """One row per language: the sums over its articles, its QA counts with those of its ``site.po`` (``site``:
    ``site_findings``)."""
    out = []
    for lang in dict.fromkeys(r.lang for r in rows):
        mine = [r for r in rows if r.lang == lang]
        theirs = [f.severity == ERROR for f in site if f.lang == lang]
        out.append(Progress(lang, None, {s: sum(r.segments[s] for r in mine) for s in STATES},
                            {s: sum(r.words[s] for r in mine) for s in STATES},
                            german=sum(r.german for r in mine), german_words=sum(r.german_words for r in mine),
                            errors=sum(r.errors for r in mine) + sum(theirs),
                            warnings=sum(r.warnings for r in mine) + len(theirs) - sum(theirs),
                            catalogs=sum(not r.missing and not r.unreadable for r in mine),
                            missing=all(r.missing for r in mine),  # before the first extract: no figures to sum
                            unreadable_count=sum(bool(r.unreadable) for r in mine)))
    return out


def kept_catalogs(config: Config, languages: list[str] | None = None,
                  sources: Sources | None = None) -> tuple[list[str], list[VerlagError]]:
    """The catalogs (paths relative to the project) in ``languages`` (None: all) whose article is gone:
    kept by ``extract``, which says so once (``orphans``); listed here on every run. With them, why those
    that cannot be read cannot (``orphans.unreadable``): errors, as they were while the article existed."""
    sources = sources or read_sources(config)
    found = find_orphans(config, {a.slug for a in sources.articles} | sources.unreadable)
    paths = [path for lang in languages or config.languages for path in found[lang]]
    return [relpath(path, config.root) for path in paths], unreadable(config, paths)


def as_json(rows: list[Progress], site: list[Finding] = ()) -> dict:
    """The JSON of ``verlag status``: the rows, the totals and the findings of the site.po files (``site``)."""
    return {"articles": [r.as_dict() for r in rows], "languages": [t.as_dict() for t in totals(rows, site)],
            "site": [f.as_dict() for f in site]}


def rivals_message(rivals: list[tuple[int, str]]) -> str:
    """What ``status`` says below the table of a catalog with ``Progress.rivals`` (not empty), after its path."""
    count = len(rivals)
    return (f"{rivals[0][0]}: {count} choice{'s' * (count != 1)} between two translations waiting: "
            f"{'obsolete entries (#~) keep' if count != 1 else 'an obsolete entry (#~) keeps'} the translation of "
            f"changed German that did not go live, beside the one that did ({lines_said(rivals)}): choose one, "
            f"then delete the #~ entry; verlag check names {'each' if count != 1 else 'it'} with the live entry "
            "[rival-translation]")


def _missing(row: Progress, rows: list[Progress]) -> str:
    """What the table says of ``row`` without a catalog to count: an article's, or its language's total when none
    of that language's articles has one; the total says which of them extract restores from its copies."""
    mine = [r for r in rows if r.lang == row.lang and r.slug is not None] if row.slug is None else [row]
    back = sum(bool(r.restore) for r in mine)
    if row.refused:
        return f"(no catalog: extract refuses its German at {row.refused})"
    if not back:
        return "(no catalog: run verlag extract)"
    if back == len(mine):
        return ("(missing or empty: verlag extract restores it from its copy)" if back == 1 else
                f"(missing or empty: verlag extract restores all {back} from its copies)")
    return f"(no catalog: verlag extract restores {back} from its copies, makes {len(mine) - back})"


def _day(article) -> str:
    """``Progress.scheduled`` of ``article``."""
    return article.scheduled.isoformat() if article.scheduled is not None else ""


def format_table(rows: list[Progress], totals_only: bool = False, site: list[Finding] = ()) -> str:
    """The table ``verlag status`` prints; slugs whole (an imported ``x-2`` must not look like ``x``).
    ``totals_only`` (``status -q``): each language's total without its articles' rows; the marks they explain
    (draft, outdated …) are then not explained either. ``site``: the site.po findings, counted in the totals."""
    def name(r: Progress) -> str:
        marks = ", ".join(mark for mark, shown in ((f"scheduled for {r.scheduled}", bool(r.scheduled)),
                                                   ("draft", r.draft and not r.scheduled),
                                                   ("legal", r.legal), ("unfilled", r.unfilled),
                                                   ("outdated", bool(r.outdated)),
                                                   ("German changed since extract", r.german_changed),
                                                   ("moved since extract", bool(r.moved_from)),
                                                   ("not published", bool(r.held)))
                          if shown and not (mark == "legal" and r.draft))
        if r.slug is None:
            return f"= total ({r.unreadable_count} unreadable, not counted)" if r.unreadable_count else "= total"
        return f"{r.slug} ({marks})" if marks else r.slug

    listed = [] if totals_only else rows
    width = max([32, *(len(name(r)) for r in listed)])
    head = (f"{'lang':<5} {'article':<{width}} {'reviewed':>9} {'machine':>8} {'reused':>6} {'hand':>5} {'stale':>6} "
            f"{'empty':>6} {'German':>6} {'words reviewed':>20} {'QA':>9}")
    lines = [head, "-" * len(head)]
    total = {t.lang: t for t in totals(rows, site)}
    for lang in dict.fromkeys(r.lang for r in rows):
        for r in [*(r for r in rows if r.lang == lang and not totals_only), total[lang]]:
            if r.restore:
                lines.append(f"{lang:<5} {name(r):<{width}} ({r.restore.partition(': ')[2]})")
                continue
            if r.missing:
                lines.append(f"{lang:<5} {name(r):<{width}} {_missing(r, rows):>58}")
                continue
            if r.unreadable:
                lines.append(f"{lang:<5} {r.slug:<{width}} (unreadable: {r.unreadable}, see the error below)")
                continue
            s, w = r.segments, r.words
            qa = f"{r.errors}E {r.warnings}W" if r.errors or r.warnings else "ok"
            lines.append(f"{lang:<5} {name(r):<{width}} {s[REVIEWED]:>9} {s[MACHINE]:>8} {s[REUSED]:>6} {s[HAND]:>5} "
                         f"{s[STALE]:>6} {s[UNTRANSLATED]:>6} {r.german:>6} {w[REVIEWED]:>6}/{r.total_words:<6} "
                         f"{'    ?' if r.unreadable_count else f'{r.percent_reviewed:5.1f}'}% "
                         f"{qa:>9}")
    lines.append("segments per state (hand = not checked yet, and no engine is known to have made it: imported, an "
                 "engine's draft a person edited (left fuzzy, or signed off and reopened), or fuzzy with no mt: line "
                 "(typed in an editor, your own reopened, another tool's); machine = an engine's draft as it came (its "
                 "mt: line), the only text the pages say was made by machine; reused = the translation memory's "
                 "draft as it came (its tm: line): a person's earlier translation of the same or a similar sentence, "
                 "not checked here yet, which the pages say was reused from earlier translations); words are German "
                 "words; % = words reviewed; QA = errors (E) and warnings (W) from verlag check"
                 + (": a segment with an error is held back, its German shown, even where it counts as reviewed"
                    if any(r.errors for r in listed) else ""))
    lines.append("empty = untranslated, a draft that is the German as it is, or signed off as the German prose it is "
                 "(check's [unchanged]): readers see it in German")
    lines.append("German = HTML blocks of the original that translated pages show in German (never extracted; "
                 "see verlag check): their words count as not reviewed")
    if any(r.legal for r in listed):
        lines.append("legal = a page of [site] legal: only its reviewed translations are published, machine drafts "
                     "never, whatever [publish] unreviewed says; the rest shows in German")
    if any(r.outdated for r in listed):
        lines.append("outdated = the catalog's msgids are not the German of the article's template (the warning says "
                     "why): its segments without an entry count as empty; run verlag extract")
    if any(r.german_changed for r in listed):
        lines.append("German changed since extract = the German source was edited after the last verlag extract: the "
                     "figures are of the German before; run verlag extract")
    if any(r.moved_from for r in listed):
        lines.append("moved since extract = the German file moved after the last verlag extract (into or out of "
                     "source_de/seiten/): the catalogs name the old file; run verlag extract")
    if held := [r for r in listed if r.held]:
        why: dict[str, list[str]] = {}  # the build's reason -> its pages, as the build lists them
        for r in held:
            reason = r.held + (": segments held back by check errors count as not translated; run verlag check"
                               if r.errors else "")
            why.setdefault(reason, []).append(f"{r.lang}/{r.slug}")
        lines.append("not published = the next verlag build holds it back: "
                     + "; ".join(f"{', '.join(pages)}: {reason}" for reason, pages in why.items()))
        if any("% translated" in r.held for r in held):  # trial 14: "4.0%" in the row, "63.4 % translated" here
            lines.append("% translated = the page's words readers get in a translation, reviewed or a draft the page "
                         "shows (the build's figure for [publish] min_translated); the table's % counts reviewed "
                         "words only")
    if any(r.unfilled for r in listed):
        lines.append("unfilled = the German page still holds init's [[AUSFÜLLEN: …]] placeholders, or the example "
                     "lines verlag new wrote: published in no language until they are filled in (verlag check "
                     "names each)")
    return "\n".join(lines)

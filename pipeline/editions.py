"""Stage: translated Markdown editions, the German original with only its text replaced.

Reviewed entries always publish. Drafts of the current German (fuzzy, no previous msgid: machine
or hand drafts) publish only under ``unreviewed = "machine"``, and never on a legal page
(``Config.unreviewed_for``); otherwise, like untranslated ones, they fall back to the German text. A
translation of an older German (fuzzy with a previous msgid, STALE) falls back under every policy: it says
what the German said before, and a reader of a health text must not take it for the text as it is now. A
segment with a QA error (``verlag check``) falls back too, whatever its state.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Container, Mapping

from . import doccache
from .config import Config, lookup
from .errors import VerlagError, contain, stage
from .fsutil import (NotAFile, combine_digests, code_digest, LinkedFolders, load_state, names_ending, read_bytes,
                     relpath, save_state, write_if_changed)
from .glossary import Glossary, load_glossary
from .limits import CATALOG, EDITION
from .lock import clock, held_since
from .practice import translator_names, unfilled
from .published import PlannedPages, SitePages
from .sources import (FALLBACK_CLOSE, FALLBACK_OPEN, HELD_MARK, RESERVED, STALE_MARK, UNCHECKED_MARK, Article, Sources,
                      known_text, read_sources, split_front_matter)
from .statrecord import StatRecord
from .textchanged import after_review

if TYPE_CHECKING:
    import polib

    from .segment import Document, Segment

# The catalogs, the QA checks, segmentation and the process pool (0.2 s to import) are imported where an
# edition is made, so a build that finds every article unchanged by its fingerprint never loads them.

# The marks of German passages in ``Edition.marked`` (FALLBACK_OPEN … UNCHECKED_MARK, RESERVED) are defined in
# ``sources``, which refuses a source holding one, and imported above: reading the sources loads no editions stage.
_WITHOUT_RESERVED = dict.fromkeys(map(ord, RESERVED))  # ``str.translate``: a translation's copies of them go
FRONT_CONTEXTS = {"title": "title", "summary": "summary", "tag": "tags"}

@dataclass(frozen=True)
class Edition:
    """One article in one language: its Markdown and what each segment showed.

    ``edition_record`` stores what the site needs beside the Markdown
    (``editions/<lang>/<slug>.json``, the German original included), so the
    site is built from this stage's output and never reads catalogs.
    """

    lang: str
    slug: str
    text: str
    shown: Counter  # state -> segments; "fallback": shown in German; "machine_shown": unreviewed machine text
    # shown, "pseudo_shown" of it the pseudo engine's layout test (only where there is one);
    # "hand_shown": unreviewed hand translation shown (``catalog.hand_draft``), only where there is
    # one; "reused_shown": unreviewed translation memory drafts shown (``catalog.reused_draft``; not in
    # "machine_shown"), only where there is one; "stale_fallback": out-of-date translations, shown in German (never
    # in translation), not held back (also in "fallback"); "unchecked_fallback": drafts (machine or hand, no
    # pseudo text) shown in German, only where there is one (also in "fallback"); "qa": held back by a QA error
    # (also in "fallback");
    # "german_copy": signed-off msgstrs that are their German prose (``check.german_copy``; also in "fallback");
    # "stale_signed": out-of-date translations a reviewer signed off for the German before the author's edit
    # (``catalog.signed_off``), only where there is one: the mark of a withdrawn translation (``site._noticed``)
    marked: str = ""  # the body as published, fallback segments between FALLBACK_OPEN and FALLBACK_CLOSE
    # title, summary, tags as published; german_tags: the positions of the tags shown in German
    front: dict = field(default_factory=dict, compare=False)
    front_fallback: frozenset[str] = frozenset()  # front-matter keys shown (partly) in German
    words: Counter = field(default_factory=Counter)  # state -> German words, as `verlag status` counts
    words_shown: int = 0  # German words of the segments shown in the edition's language (not in German)
    german_words: int = 0  # German words of the HTML blocks every edition shows in German (never reviewed)
    translator: str | None = None  # who answers for the translation, name only (``credited``)
    translated_by_hand: bool = False  # ``translator`` made most of the text shown (a hand translation), not checked it
    # distinct German segments the catalog has no entry for at all: a catalog saved from before the German changed
    # (an editor's older buffer) or not merged since; shown in German until ``extract`` runs
    unmatched: int = 0
    # entries of an older copy of the catalog put back where the last extract left a person's translation
    # (``catalog.older_copy``): shown as the copy has them until ``extract`` brings those translations back
    older: int = 0
    # translation memory drafts shown whose ``tm:`` line names German that differs (``check``'s ``tm-difference``):
    # not in ``shown``, which the record keeps, so the records stay as they were
    tm_differs: int = 0


def make_edition(doc: Document, po: polib.POFile | None, lang: str, unreviewed: str,
                 blocked: frozenset = frozenset(), german: int | None = None, named: str | None = None,
                 copies: frozenset = frozenset(), changed: dict | None = None) -> Edition:
    """``blocked``: keys of segments with a QA error (``check.blocked_keys``); they fall back to German.
    ``changed``: ``changed_since(doc, po, lang)``, when the caller has it.
    ``copies``: keys of reviewed entries whose msgstr is their German prose as it is (``check.german_copies``):
    shown as German (``lang="de"``, counted in "fallback" and "german_copy", not in ``words_shown``, their words
    as untranslated in ``words``), their msgstr still spliced into the Markdown; and of drafts whose msgstr is
    their German as it is: untranslated, as a ``copy`` draft (``entry_state(entry, copies)``). The words
    of the article's HTML blocks with text are counted as ``verlag status`` counts them (``rawhtml.german_words``);
    ``german``: that count, when the caller has it (the same for every language of the article). ``named``: the
    language's ``[site.translator]`` (``credited``)."""
    from .catalog import (MACHINE, REVIEWED, STALE, TM_DIFFERS, UNTRANSLATED, entry_state, hand_draft,
                          hand_translator, key, machine_draft, reused_draft, signed_off)
    from .pseudo import is_pseudo
    from .rawhtml import german_blocks, german_words

    entries = {key(e): e for e in po if not e.obsolete} if po is not None else {}
    unmatched = {s.key for s in doc.segments if s.key not in entries} if po is not None else set()
    if unmatched:
        entries.update(changed_since(doc, po, lang, unmatched) if changed is None else changed)
        # German put back as it was signed off is shown in translation: no segment the page shows in German
        unmatched -= {k for k in unmatched if entry_state(entries.get(k)) == REVIEWED}
    shown: Counter = Counter()
    words: Counter = Counter()
    words_shown = 0
    hands: Counter = Counter()  # hand translator's name -> segments shown in their text; None: anyone else's
    chosen: dict[Segment, str | None] = {}
    reasons: dict[Segment, str] = {}  # a translated segment shown in German -> its mark after FALLBACK_OPEN
    copied: set[Segment] = set()  # segments whose signed-off msgstr is their German prose (``copies``)
    tm_differs = 0  # of the reused drafts shown, those made for a different German sentence (``Edition.tm_differs``)

    def decide(segment: Segment) -> str | None:
        nonlocal words_shown, tm_differs
        entry = entries.get(segment.key)
        state = entry_state(entry)
        if state == MACHINE and segment.key in copies:  # a draft of the German unchanged: a ``copy`` draft's state
            state = UNTRANSLATED
        shown[state] += 1
        if state == MACHINE and not entry.fuzzy:  # signed-off pseudo text: no translation (``entry_state``)
            shown["pseudo_signed"] += 1  # only where there is one: the records of other pages stay as they were
        count = len(segment.text.split())
        # a German copy's words as not reviewed, as ``verlag status`` (``entry_state(entry, copies)``, not asked again)
        words[UNTRANSLATED if state == REVIEWED and segment.key in copies else state] += count
        if state == REVIEWED or (state == MACHINE and unreviewed == "machine"):
            if state == REVIEWED and segment.key in copies and segment.key not in blocked:
                copied.add(segment)  # German on the page, like untranslated text (no reason mark: not translated)
                shown["german_copy"] += 1
                shown["fallback"] += 1
                return entry.msgstr
            if segment.key not in blocked:
                hand = state == MACHINE and hand_draft(entry)
                reused = state == MACHINE and not hand and reused_draft(entry)
                shown["machine_shown"] += state == MACHINE and not hand and not reused
                if state == MACHINE and not hand and not reused and is_pseudo(entry.msgstr, entry.msgid):
                    shown["pseudo_shown"] += 1  # only where there is one: the records of other pages stay as they were
                if hand:  # only where there is one: the records of other pages stay as they were
                    shown["hand_shown"] += 1
                if reused:  # the same
                    shown["reused_shown"] += 1
                    tm_differs += TM_DIFFERS in (machine_draft(entry) or "")
                words_shown += count
                hands[hand_translator(entry)] += 1
                return entry.msgstr
            shown["qa"] += 1
            reasons[segment] = HELD_MARK
        elif state == STALE:
            reasons[segment] = STALE_MARK
            shown["stale_fallback"] += 1
            if signed_off(entry):  # only where there is one: the records of other pages stay as they were
                shown["stale_signed"] += 1
        elif state == MACHINE and not is_pseudo(entry.msgstr, entry.msgid):  # translated, not checked: not "not
            reasons[segment] = UNCHECKED_MARK  # translated yet" (pseudo text, a layout test, is no translation)
            shown["unchecked_fallback"] += 1
        shown["fallback"] += 1
        return None

    def translate(segment: Segment) -> str | None:
        try:  # one hash of the segment per look-up (equal segments share a decision, and are counted once)
            return chosen[segment]
        except KeyError:
            value = chosen[segment] = decide(segment)
            return value

    front: dict = {"tags": [], "german_tags": []}
    front_fallback: set[str] = set()

    def mark(segment: Segment) -> str | None:
        value = translate(segment)
        if value is not None and any(char in value for char in RESERVED):  # read as marks on the page, they would
            value = value.translate(_WITHOUT_RESERVED)  # label the words after them German or drop a passage
        german_shown = value is None or segment in copied
        field_name = FRONT_CONTEXTS.get(segment.context)
        if field_name:
            if german_shown:
                front_fallback.add(field_name)
            shown_value = segment.text if value is None else value.strip()
            if field_name == "tags":
                if german_shown:  # each tag carries its own language: the list is not German as a whole
                    front["german_tags"].append(len(front["tags"]))
                front["tags"].append(shown_value)
            else:
                front[field_name] = shown_value
            return None  # the front matter is cut off ``marked`` below: the German's, not dumped again as YAML
        if not german_shown or segment.kind == "link title":  # an attribute value cannot carry lang
            return value
        return FALLBACK_OPEN + reasons.get(segment, "") + segment.text + FALLBACK_CLOSE  # a copy's msgstr is it

    text, marked = doc.renders(translate, mark)  # one walk: most segments fill both alike
    _, _, body_start = split_front_matter(marked)
    return Edition(lang, doc.article.slug, text, shown, marked[body_start:], front, frozenset(front_fallback), words,
                   words_shown, german_words(german_blocks(doc.article)) if german is None else german,
                   *credited(po, hands, named),
                   unmatched=len(unmatched), tm_differs=tm_differs)


def changed_since(doc: Document, po: polib.POFile, lang: str,
                  unmatched: set[tuple] | None = None) -> dict[tuple, polib.POEntry]:
    """The entries ``extract`` would make stale or reviewed for the German segments that ``po``, not merged since
    the author changed them, has no entry for: ``catalog.merge`` in memory, only those entries kept. So a changed
    sentence is "updated in the original" on the page before ``extract`` as after it, never shown translated, and
    German put back exactly as a translation was signed off for (a stale entry's previous msgid, an obsolete
    entry's msgid) shows that translation, reviewed, as it will after ``extract``; the caller checks those as
    ``verlag check`` will (``catalog_edition``). Every other state of the merge (a draft of other German) stays
    untranslated: nothing unchecked reaches a page. ``unmatched``: the keys of those segments, when the caller has
    them (``make_edition`` does), so they are worked out once per catalog."""
    from .catalog import REVIEWED, STALE, build_pot, entry_state, key, merge

    if unmatched is None:
        have = {key(e) for e in po if not e.obsolete}
        unmatched = {s.key for s in doc.segments if s.key not in have}
    if not unmatched:
        return {}
    merged, _ = merge(po, build_pot(doc, "", ""), lang)
    return {key(e): e for e in merged
            if not e.obsolete and key(e) in unmatched and entry_state(e) in (STALE, REVIEWED)}


def credited(po: polib.POFile | None, hands: Counter, named: str | None = None) -> tuple[str | None, bool]:
    """Who the byline names, and whether as the one who made the text rather than checked it: the hand
    translator whose text (``catalog.hand_translator``) is more than half of the segments shown translated
    (``hands``: name, or None for text of no recorded hand translator -> segments), True; else the language's
    ``[site.translator]`` (``named``; "" names nobody), else the catalog's ``Last-Translator``
    (``translator_name``), False. So a reviewer who saved the catalog after signing off one entry of an
    imported hand translation is not credited with all of it, nor a Weblate admin who fixed one word with a
    language whose reviewer the author named; and a hand translator is never called a mere checker of her
    own text ("Translated by", not "Translation partly checked by")."""
    name, count = max(((n, c) for n, c in hands.items() if n), key=lambda item: item[1], default=(None, 0))
    if name and 2 * count > sum(hands.values()):
        return name, True
    return ((named or None) if named is not None else translator_name(po)), False


def translator_name(po: polib.POFile | None) -> str | None:
    """The name in a catalog's ``Last-Translator`` header (GNU gettext manual, 'Header Entry'), its
    ``<e-mail>`` dropped; None when the header is absent, empty or still xgettext's placeholder."""
    header = (po.metadata.get("Last-Translator", "") if po is not None else "").partition("<")[0].strip()
    return header if header and header != "FULL NAME" else None


def source_edition(article: Article, lang: str) -> Edition:
    """The German original as an edition of its own, for the site."""
    meta = article.meta
    front = {"title": meta["title"], "summary": meta.get("summary"), "tags": list(meta.get("tags") or [])}
    return Edition(lang, article.slug, article.text, Counter(), article.body, front)


def edition_record(edition: Edition, article: Article, unreviewed: str, review_changed: dt.date | None = None) -> str:
    """What the site needs of one edition, as JSON beside the edition's Markdown. ``review_changed``: the day the
    German body changed after its medical review (``textchanged.after_review``), which the page names beside it."""
    meta = article.meta
    record = {
        "lang": edition.lang, "slug": edition.slug, "source": article.ref,
        "title": edition.front.get("title") or meta["title"], "summary": edition.front.get("summary"),
        "tags": edition.front.get("tags", []), "front_fallback": sorted(edition.front_fallback),
        "german_tags": edition.front.get("german_tags", []),
        "draft": bool(meta.get("draft")), "author": meta.get("author"), "date": _iso(meta.get("date")),
        "updated": _iso(meta.get("updated")),
        "page": article.page, "reviewed_by": meta.get("reviewed_by"), "last_reviewed": _iso(meta.get("last_reviewed")),
        **({"review_changed": review_changed.isoformat()} if review_changed else {}),
        "translator": edition.translator,
        **({"translator_hand": True} if edition.translated_by_hand else {}),  # other pages' records stay as they were
        "unreviewed": unreviewed, "segments": dict(sorted(edition.shown.items())),
        "words": dict(sorted(edition.words.items())), "words_shown": edition.words_shown,
        "german_words": edition.german_words, "body": edition.marked,
    }
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def record_path(config: Config, lang: str, slug: str) -> Path:
    return config.editions_dir / lang / f"{slug}.json"


@dataclass
class BuildResult:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # "lang/slug" of each edition made (not kept): names, not the editions, so a build's memory does not grow with
    # their text; a list, as the shared peer benchmark's tools/verlag_editions.py counts it with len()
    editions: list[str] = field(default_factory=list)
    skipped: int = 0  # articles whose sources, catalogs and editions are unchanged since the last build
    errors: list[VerlagError] = field(default_factory=list)
    held: dict[str, int] = field(default_factory=dict)  # "lang/slug" -> segments held back by QA errors
    # "lang/slug" -> German segments its catalog has no entry for (``Edition.unmatched``), said on every build
    unmatched: dict[str, int] = field(default_factory=dict)
    # "lang/slug" -> entries of an older copy of its catalog (``Edition.older``), said on every build
    older: dict[str, int] = field(default_factory=dict)
    # "lang/slug" -> translation memory drafts from a different German sentence shown (``Edition.tm_differs``)
    tm_differs: dict[str, int] = field(default_factory=dict)


STATE_FILE = "build.json"
LINKS_FILE = "catalog-links.json"  # per catalog digest: what ``SitePages.key`` reads in it (``SitePages.findings``)
FILES_RECORD = "edition-stat.json"  # the stat record of the files under editions/ (``edition_files``)


def edition_files(config: Config) -> StatRecord:
    """The SHA-256 of the files under editions/ ("en/x.md", "de/x.json") by their stat while it is the one recorded
    when they were last hashed (``statrecord``), so a build with nothing changed reads no edition: the editions
    stage compares its Markdown and records by digest, the site stage takes a record's fields by its digest."""
    return StatRecord(config.state_dir, config.editions_dir, held_since(config), FILES_RECORD, EDITION)


def _links_key(config: Config) -> str:
    """What ``SitePages.findings`` depend on besides a catalog's bytes: verlag's code and the site's address."""
    return f"{code_digest()}|{config.site_url}"


def _fingerprint(config: Config, article: Article, lang: str, glossary_digest: str, catalog: bytes | None,
                 pages: SitePages, written: tuple[bytes | None, ...]) -> str:
    """What one edition depends on: source, catalog, policy, glossary (QA), which of the site's pages the
    catalog names by address are published and the slugs of the ``<name>.md`` files it links (QA:
    ``published.SitePages.key``); and the edition file as last written.

    ``catalog``: the catalog's bytes the edition was made from (or is compared with), never the file as it
    is after the edition was written: a reviewer's save in between must make the next build redo it.
    ``written``: the SHA-256 of the edition's Markdown, its record and the German record (None for an absent file),
    as this build just wrote them (``_digests``) or as they are on disk (``_on_disk``).
    """
    digest = None if catalog is None else hashlib.sha256(catalog).digest()
    return _combined(config, article, lang, glossary_digest, digest, pages.key(catalog), written)


def _digests(*data: bytes | None) -> tuple[bytes | None, ...]:
    return tuple(None if d is None else hashlib.sha256(d).digest() for d in data)


def _on_disk(config: Config, article: Article, lang: str, files: StatRecord) -> tuple[bytes | None, ...]:
    """The SHA-256 of the ``lang`` edition's Markdown, its record and the German record as they are on disk, from
    ``files`` (``edition_files``); raises ``OSError`` as reading raises it."""
    slug = article.slug
    return tuple(files.digest(name) for name in (f"{lang}/{slug}.md", f"{lang}/{slug}.json",
                                                 f"{config.source_language}/{slug}.json"))


def _combined(config: Config, article: Article, lang: str, glossary_digest: str, catalog: bytes | None, key: str,
              written: tuple[bytes | None, ...]) -> str:
    """``_fingerprint`` from the catalog's SHA-256 (None: no catalog) and its ``SitePages.key``."""
    # article.page: moved into seiten/ or out; site_url: the QA gate's foreign-target and link-target read it;
    # timezone: the zone of the record's times written without one; an undated article's day: its file's
    # modification day (``sources.read_article``), in no byte of the source
    day = article.meta.get("date") if article.undated else None
    policy = config.unreviewed_for(lang, article.slug)
    translators = config.section("site", "translator")
    named = translators.get(lookup(translators, lang))  # the byline's name ([site.translator], or its fallback's)
    return combine_digests(catalog, *written,
                           extra=f"{code_digest()}|{config.segmentation}|{policy}|{article.digest}|"
                                 f"{glossary_digest}|{article.ref}|{article.page}|{config.site_url}|{key}"
                                 f"|{named!r}|{config.timezone}|{day}|{after_review(config, article)}")


def _fingerprint_before(config: Config, article: Article, lang: str, glossary_digest: str, pages: SitePages,
                        catalogs: StatRecord, known: dict, found: dict, files: StatRecord) -> str:
    """``_fingerprint`` of the catalog and edition files as they are before the build: the catalog's digest from
    ``catalogs`` and the editions' from ``files`` (each read and hashed only when its stat changed since it was
    last hashed: ``statrecord``), and what ``SitePages.key`` reads in the catalog from ``known`` by its digest
    (``LINKS_FILE``); ``found``: where this build puts what it used, for the next one. A catalog without either,
    or one that cannot be read (raising ``OSError`` as ``read_bytes`` does), is read. One over ``limits.CATALOG``
    is not: its fingerprint is "", which no build records, so the article's build reports it (``contain``)."""
    try:
        written = _on_disk(config, article, lang, files)  # a named pipe at an edition's place: ``NotAFile``
        return _fingerprint_of(config, article, lang, glossary_digest, pages, catalogs, known, found, written)
    except VerlagError:
        return ""


def _fingerprint_of(config: Config, article: Article, lang: str, glossary_digest: str, pages: SitePages,
                    catalogs: StatRecord, known: dict, found: dict, written: tuple) -> str:
    try:
        digest = catalogs.digest(config.po_name(lang, article.slug))
    except OSError:
        return _fingerprint(config, article, lang, glossary_digest, read_bytes(config.po_path(lang, article.slug),
                                                                               CATALOG), pages, written)
    name = digest.hex() if digest is not None else "-"
    findings = known.get(name)
    if not (isinstance(findings, list) and len(findings) == 3 and isinstance(findings[1], list)
            and isinstance(findings[2], list) and all(isinstance(n, str) for n in findings[1])
            and all(isinstance(p, str) for p in findings[2]) and isinstance(findings[0], list)
            and all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in findings[0])):
        data = read_bytes(config.po_path(lang, article.slug), CATALOG)
        if (None if data is None else hashlib.sha256(data).digest()) != digest:  # saved since the stat
            return _fingerprint(config, article, lang, glossary_digest, data, pages, written)
        findings = list(pages.findings(data))
    found[name] = findings
    return _combined(config, article, lang, glossary_digest, digest, pages.key_of(*findings), written)


def _fingerprint_made(config: Config, article: Article, lang: str, glossary_digest: str, catalog: bytes | None,
                      pages: SitePages, found: dict, written: tuple[bytes | None, ...]) -> str:
    """``_fingerprint`` of an edition just made from ``catalog``, taking what ``SitePages.key`` reads in it from
    ``found`` (``_fingerprint_before``'s findings by the catalog's digest) when the build looked at these bytes
    before: the value is the same, and scanning every catalog's strings again cost the parent 0.4 s of CPU in a
    cold build at N = 500, taken from the cores the pool's workers need (bench/HISTORY.md, "Branch pf1")."""
    digest = None if catalog is None else hashlib.sha256(catalog).digest()
    findings = found.get(digest.hex() if digest is not None else "-")
    key = pages.key_of(*findings) if findings is not None else pages.key(catalog)
    return _combined(config, article, lang, glossary_digest, digest, key, written)


def build_editions(config: Config, progress=None, jobs: int | None = None,
                   sources: Sources | None = None, files: StatRecord | None = None) -> BuildResult:
    """Write every edition whose inputs changed; unchanged articles are skipped by content hash.

    Segmentation comes from ``extract``'s cache (``doccache``). The changed
    articles' editions are made by ``jobs`` worker processes (``pool``; None:
    the CPU cores) and written in document order, the same bytes for any
    ``jobs``.

    An article that cannot be read, segmented, checked or rebuilt is reported
    in ``errors`` and keeps the editions it had; the others are still built.
    ``sources``: ``read_sources(config)`` when the caller has it (``verlag build`` hands the same to the
    site stage), else read here. ``files``: ``edition_files(config)``, which the caller saves (``verlag build``
    hands it to the site stage too); None: made here and saved at the end, keeping the entries not looked up.
    The files this build wrote are recorded in it from their bytes read again once the file system's clock has
    passed their writes (``StatRecord.confirm``), so the next build only stats them.

    The QA gate counts a page of the site published as ``verlag check`` does (``published.PlannedPages``): as this
    build publishes it, from the sources and catalogs as they are, never from the records of the last build. So a
    fresh clone and an incremental build make the same site, a link to a page published or withdrawn in this very
    build is shown or held back by it (a chain d -> b -> c settles in one build), and pages each published only
    through the other's link are published by neither, as check says. An edition is made again when a page its
    catalog names by address moves (its fingerprint holds the answers).
    """
    if config.editions_dir.is_symlink():
        raise VerlagError(f"a symbolic link (to {os.readlink(config.editions_dir)}), not a folder: build removes "
                          "the editions of a language verlag.toml no longer lists, which through a link would be "
                          "files elsewhere; remove it (build makes the folder)", config.editions_dir.name)
    sources = read_sources(config) if sources is None else sources
    own, files = files is None, edition_files(config) if files is None else files
    result = BuildResult(errors=list(sources.errors))
    wrote: list[str] = []  # the files under editions/ this build wrote ("en/x.md"), for ``files.confirm``
    through_link = LinkedFolders(config.editions_dir, config.editions_dir.name, "editions", "editions",
                                 lambda error: result.errors.append(error))

    def write(path: Path, data: str | bytes) -> bool:
        """``write_if_changed``; a named pipe, socket or device in the file's place is left as it is and
        named in ``result.errors``, and so is a folder that is a symbolic link (``through_link``): the article's
        other files are written, and the other articles'."""
        if through_link(path.relative_to(config.editions_dir).as_posix()):
            return False
        try:
            changed = write_if_changed(path, data, durable=False)
        except NotAFile as exc:
            kind = exc.message.partition(", not a file")[0]
            result.errors.append(VerlagError(f"{kind}, not a file: verlag writes an edition's file here; remove it",
                                             relpath(path, config.root)))
            return False
        if changed:
            wrote.append(path.relative_to(config.editions_dir).as_posix())
            return True
        return False

    translator_names(config)  # a mistake in [site.translator] stops the build at its line, before any edition
    glossary = load_glossary(config.translations_dir, config.root)
    state = load_state(config.state_dir / STATE_FILE)
    fresh: dict = {}
    kept = set(sources.unreadable)  # failed articles: their editions stay as they were
    # a page still holding init's placeholders is published in no language (the site stage names each): no
    # translated edition either, only its German record, by which the site knows the page is there
    gaps = [a for a in sources.articles if not a.draft and unfilled(a)]
    articles = [a for a in sources.articles if a.draft or not unfilled(a)]  # not ``in gaps``: == compares the texts
    for article in [*sources.german_only, *gaps]:
        with contain(article.ref, "writing its German record", result.errors):
            write(record_path(config, config.source_language, article.slug),
                  edition_record(source_edition(article, config.source_language), article, "source",
                                 after_review(config, article)))
    # as this build publishes them, as check's QA gate counts them; their answers are made here, not in the workers
    pages = PlannedPages(config, sources, glossary)
    catalogs = StatRecord(config.state_dir, config.translations_dir, held_since(config), limit=CATALOG)
    links = load_state(config.state_dir / LINKS_FILE)
    known = links.get("catalogs") if links.get("key") == _links_key(config) else None
    known, found = known if isinstance(known, dict) else {}, {}
    fingerprints = {article.slug: {lang: _fingerprint_before(config, article, lang, glossary.digest, pages, catalogs,
                                                             known, found, files)
                                   for lang in config.languages} for article in articles}
    catalogs.save(others=True)
    if found != known:
        save_state(config.state_dir / LINKS_FILE, {"key": _links_key(config), "catalogs": found})
    # per language: a sign-off in one catalog makes that language's edition again, not its other languages'
    todo = {a.slug: langs for a in articles
            if (langs := tuple(lang for lang, fingerprint in fingerprints[a.slug].items()
                               if state.get(f"{lang}/{a.slug}") != fingerprint))}
    changed = [a for a in articles if a.slug in todo]
    made: dict = {}
    if changed:
        from .pool import map_articles

        made = map_articles(functools.partial(_pooled_editions, glossary=glossary, pages=pages, todo=todo), config,
                            changed, jobs)
    for article in articles:
        if progress:
            progress(article)
        keys = {lang: f"{lang}/{article.slug}" for lang in config.languages}
        prints = fingerprints[article.slug]
        for lang in config.languages:
            if lang in todo.get(article.slug, ()):
                continue
            fresh[keys[lang]] = prints[lang]
            if held := state.get(f"held:{keys[lang]}"):
                result.held[keys[lang]] = fresh[f"held:{keys[lang]}"] = held
            if unmatched := state.get(f"unmatched:{keys[lang]}"):
                result.unmatched[keys[lang]] = fresh[f"unmatched:{keys[lang]}"] = unmatched
            if older := state.get(f"older:{keys[lang]}"):
                result.older[keys[lang]] = fresh[f"older:{keys[lang]}"] = older
            if tm_differs := state.get(f"tm_differs:{keys[lang]}"):
                result.tm_differs[keys[lang]] = fresh[f"tm_differs:{keys[lang]}"] = tm_differs
        if article.slug not in todo:
            result.skipped += 1
            continue
        pooled = made.get(article.slug)
        with contain(article.ref, "building the editions", result.errors) as outcome:
            if pooled is None:
                with stage(article.ref, "segmenting"):
                    doc = doccache.document(config, article)
                editions = _article_editions(config, article, doc, glossary, pages, result, todo[article.slug])
                source_record = edition_record(source_edition(article, config.source_language), article,
                                               "source", after_review(config, article)).encode("utf-8")
            else:
                editions, text, source_record = pooled
                known_text(article, text)
        if outcome.failed:
            kept.add(article.slug)
            continue
        source = config.source_language
        write(record_path(config, source, article.slug), source_record)
        for edition, data in editions:
            lang = edition.lang
            result.editions.append(keys[lang])
            if edition.shown["qa"]:
                result.held[keys[lang]] = fresh[f"held:{keys[lang]}"] = edition.shown["qa"]
            if edition.unmatched:
                result.unmatched[keys[lang]] = fresh[f"unmatched:{keys[lang]}"] = edition.unmatched
            if edition.older:
                result.older[keys[lang]] = fresh[f"older:{keys[lang]}"] = edition.older
            if edition.tm_differs:
                result.tm_differs[keys[lang]] = fresh[f"tm_differs:{keys[lang]}"] = edition.tm_differs
            out = config.editions_dir / lang / f"{article.slug}.md"
            text = edition.text.encode("utf-8")
            record = edition_record(edition, article, config.unreviewed_for(lang, article.slug),
                                    after_review(config, article)).encode("utf-8")
            if write(out, text):
                result.written.append(relpath(out, config.root))
            write(record_path(config, lang, article.slug), record)
            fresh[keys[lang]] = _fingerprint_made(config, article, lang, glossary.digest, data, pages, found,
                                                  _digests(text, record, source_record))
    slugs = {a.slug for a in articles} | kept
    german = slugs | {a.slug for a in [*sources.german_only, *gaps]}
    for lang_dir in sorted(p for p in config.editions_dir.glob("*") if p.is_dir()):
        if through_link(f"{lang_dir.name}/"):  # the folder itself: one elsewhere holds no edition of ours
            continue
        current = set() if lang_dir.name not in (*config.languages, config.source_language) \
            else german if lang_dir.name == config.source_language else slugs
        names = [*names_ending(lang_dir, ".md"), *names_ending(lang_dir, ".json")]  # no path object per edition
        for stale in sorted(lang_dir / name for name in names if os.path.splitext(name)[0] not in current):
            stale.unlink()
            result.removed.append(relpath(stale, config.root))
    doccache.prune(config, slugs | {a.slug for a in gaps})
    files.confirm(wrote, lambda: clock(config))
    if own:
        files.save(others=True)
    save_state(config.state_dir / STATE_FILE, fresh)
    return result


def _pooled_editions(config: Config, article: Article, glossary: Glossary, pages: SitePages,
                     todo: Mapping[str, tuple[str, ...]]) -> tuple[list[tuple[Edition, bytes | None]], str, bytes]:
    """``_article_editions`` in a worker process, of the languages ``todo`` names for the article, with the
    German text the worker read (``sources.known_text``) and the German record as UTF-8: the parent, which
    writes them, then neither reads, hashes and uncomments the source again nor dumps its record, alone
    while the workers run (bench/HISTORY.md, "Branch pf3"). Raises on any problem, so the stage redoes and
    reports it."""
    problems = BuildResult()
    editions = _article_editions(config, article, doccache.document(config, article), glossary, pages, problems,
                                 todo[article.slug])
    if problems.errors:
        raise problems.errors[0]
    source = source_edition(article, config.source_language)
    record = edition_record(source, article, "source", after_review(config, article))
    return editions, article.text, record.encode("utf-8")


def _article_editions(config: Config, article: Article, doc: Document, glossary: Glossary, pages: SitePages,
                      result: BuildResult, languages: tuple[str, ...]) -> list[tuple[Edition, bytes | None]]:
    """One article's editions in ``languages``, made in memory, each with the catalog bytes it was made from (None: no
    catalog): nothing is written until every language succeeded. The QA gate checks as ``verlag check`` does
    (``pages``: the site's pages as the last build published them).

    A catalog that cannot be read is reported in ``result.errors`` and its language left out.
    """
    from .rawhtml import german_blocks, german_words

    german = german_words(german_blocks(article))  # a parse of the article: once, not per language
    editions = []
    for lang in languages:
        try:
            editions.append(catalog_edition(config, article, doc, lang, glossary, pages, german, pages.renamed))
        except VerlagError as exc:
            result.errors.append(exc)
    return editions


def catalog_edition(config: Config, article: Article, doc: Document, lang: str, glossary: Glossary,
                    pages: Container[tuple[str, str]], german: int,
                    renamed: Mapping[str, str] | None = None) -> tuple[Edition, bytes | None]:
    """The ``lang`` edition of ``article`` made in memory from its catalog as it is now, with the catalog's bytes
    (None: no catalog). Segments with an error of ``verlag check`` fall back to German (the QA gate; ``pages``: the
    (lang, slug) of the site's pages its link-target check counts as published). ``german``: the words of the
    article's HTML blocks (``rawhtml.german_words``); ``renamed``: ``check_catalog``'s. Raises ``VerlagError`` for
    a catalog that cannot be read. An older copy of the catalog put back (``catalog.older_copy``, asked only where
    ``catalog.may_hold_older_copy``) is counted in the edition's ``older``."""
    from .catalog import load_po, may_hold_older_copy, older_copy, restore_sign_offs
    from .check import blocked_keys, check_catalog, english_drafts, german_copies
    from .extract_article import last_extract, record_path
    from .fsutil import state_bytes

    path = config.po_path(lang, article.slug)
    ref = relpath(path, config.root)
    data, po = load_po(path, ref)
    if po is not None:  # a record a tool dropped (msgmerge of an older copy), as the next extract gives it back
        restore_sign_offs(po, lambda: last_extract(config, lang, article.slug, data))
    blocked = copies = frozenset()
    changed = None
    if po is not None:
        changed = changed_since(doc, po, lang)
        # a sign-off of German put back before extract is checked as check will check it once extract wrote it
        restored = [e for e in changed.values() if not e.fuzzy]
        with stage(article.ref, f"checking {ref}"):
            findings = check_catalog([*po, *restored] if restored else po, ref, lang, article.slug, glossary,
                                     doc.labels, source_lang=config.source_language, errors_only=True,
                                     site_url=config.site_url, published=pages, renamed=renamed,
                                     languages=config.languages,
                                     english=functools.partial(english_drafts, config, article.slug)
                                     if lang.split("-")[0] != "en" else None)
        blocked = blocked_keys(findings)
        copies = german_copies([*po, *restored] if restored else po, lang, glossary, doc.labels)
    edition = make_edition(doc, po, lang, config.unreviewed_for(lang, article.slug), blocked, german,
                           translator_names(config).get(lang), copies, changed)
    if po is not None and (record := state_bytes(record_path(config, lang, article.slug))) != data \
            and may_hold_older_copy(po, record):
        edition = replace(edition, older=len(older_copy(po, lambda: last_extract(config, lang, article.slug, data))))
    return edition, data

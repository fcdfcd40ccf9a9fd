"""Stage: fill empty catalog entries through the engine chain, marked fuzzy with their origin.

Only empty entries are touched, and with ``redo`` machine drafts nobody edited
(``catalog.machine_draft``): nothing a reviewer wrote is overwritten.
Engines are tried in order; each gets what the ones before it left empty.
Network engines (``services``) stream their answers, and every catalog an
answer lands in is written (atomically) right away, so an interrupted or
killed run keeps everything that came back before. A failing engine leaves
its segments to the next engine and says why in the summary. So does an answer
that is the German as it is (``check.german_unchanged``: an engine's way of not
translating a language pair it lacks, an error or a short text): it is no draft.

Catalogs are read, drafted and written a batch at a time (whole catalogs, up
to ``BATCH_ENTRIES`` entries), so memory holds one batch, not every
catalog of the project. What needs the whole set does not need the catalogs
held: the translation memory is an SQLite index refreshed from every catalog
before the first draft is written (``tm``), and an identical sentence in two
batches is sent to a network engine once, the second batch finding its answer
in the MT cache (``mtcache``).
"""

from __future__ import annotations

import functools
import gc
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

import polib

from .catalog import (Notes, bring_back_older_copy, catalog_bytes, decode_po, key, load_po, machine_draft,
                      older_copy_kept, origin_engine, po_from_bytes, reopened_warning, restore_sign_offs,
                      set_provenance, stale_sign_offs, stamp_after)
from .config import Config, unknown_slugs
from .conflicts import MergeConflict
from .engines import CopyEngine, Engine, Request, Result, Surroundings
from .errors import EngineUnavailable, VerlagError, contain
from .extract_article import last_extract
from .fsutil import read_bytes, relpath, rewrite, settled
from .glossary import Glossary, load_glossary
from .invisible import without_hints
from .limits import CATALOG
from .segment import reference_labels
from .sources import PLACEHOLDER_RE, Article, read_sources

FLUSH_SECONDS = 0.5
BATCH_ENTRIES = 5_000  # entries (of whole catalogs) read before a batch is drafted: about 12 MiB held
# a catalog's note (``#.``) as segment.py writes it; a block number of more than 9 digits (one of thousands, which
# Python's int does not convert, in a catalog that came with a project) is none
_BLOCK = re.compile(r"block (\d{1,9}), sentence \d+ of \d+")
_PROSE = re.compile(r"^(?!link title)[^,]+, block (\d{1,9})(?:, sentence \d+ of \d+)?$")  # not table cells, titles
# The draft line ``importer.render_markdown`` writes for a WordPress post only its editors could read: while an
# article carries it, none of its text goes to an engine (an import before ``--private`` wrote no translate: false).
PRIVATE_DRAFT_RE = re.compile(r"^draft:\s*true\s*#\s*private in WordPress\b", re.M)
GERMAN_BACK = "returned the German unchanged"  # the reason an engine's answer is not taken (``GermanBack``)
# An answer longer than this many times its German, and ``RUNAWAY_SLACK`` characters, is no translation: a service in
# a loop (a model repeating its last word up to its limit) answered a sentence with megabytes, which the catalog got
# as a draft, until it was more than ``limits.CATALOG`` and no command read it. A real one is at most about twice
# its German's length (a short "z. B." becomes "for example").
RUNAWAY, RUNAWAY_SLACK = 8, 200
LONG_ANSWER = f"answered with more than {RUNAWAY} times the length of its German (a service in a loop?)"


@dataclass
class Catalog:
    lang: str
    slug: str
    path: object
    po: polib.POFile
    labels: frozenset[str]
    dirty: bool = False
    ref: str = ""  # the path as messages name it
    read_as: bytes = b""  # the file as read or last written here: anything else means someone else saved it
    drafts: dict = field(default_factory=dict)  # catalog key -> Result: what this run filled
    by: dict = field(default_factory=dict)  # catalog key -> (engine, whether it replaced a machine draft)
    standing: set = field(default_factory=set)  # the keys of drafts in the file as this run last wrote it
    redo: bool = False  # machine drafts are work too, not only empty entries
    # the catalog as the last extract left it, for its bytes now (``extract_article.last_extract``): records a tool
    # dropped are given back from it (``catalog.restore_sign_offs``)
    last_written: Callable[[bytes | None], polib.POFile | None] = lambda data: None
    gone: str = ""  # why the file could not take this run's drafts at the last write: deleted or emptied (``_write``)
    failed: VerlagError | None = None  # why the last write failed; each write is tried anew (``_save``)
    around: dict | None = None  # block number (None: no block) -> its Surroundings (``_surroundings``)
    wrote: bool = False  # this run wrote the file: ``StatRecord.confirm`` records it (``_confirm``)
    would_write: bool = False  # a dry run drafts (or would ask a service for) some of its entries: a run writes it
    # its entries signed off in bulk, fuzzy again as read (``catalog.stale_sign_offs``): (line, msgid), said once
    # the file is written
    reopened: list = field(default_factory=list)
    # the msgid lines of entries an older copy of the catalog made machine drafts again, given back the
    # translation the last extract left (``catalog.bring_back_older_copy``), said once the file is written
    reverted: list = field(default_factory=list)
    # with ``redo``: the keys of machine drafts the QA gate holds back (``check.blocked_keys``: a number or a link
    # lost, another language), whose answers the MT cache is not asked for (``Request.fresh``)
    flawed: frozenset = frozenset()
    # the untouched machine drafts of the article's English catalog by key (``Request.english``), read when first
    # asked; None for an English catalog or a project without English
    english: Callable[[], dict] | None = None

    def open_entries(self) -> list[polib.POEntry]:
        return [e for e in self.po if _open(e, self.redo)]


def _open(entry: polib.POEntry, redo: bool) -> bool:
    """Whether a run may (re)draft the entry: empty, or with ``redo`` an untouched machine draft."""
    return not entry.obsolete and (not entry.msgstr or redo and machine_draft(entry) is not None)


@dataclass
class Work:
    """The catalogs a run may draft, named but not yet read: ``batches`` reads them as the run goes.

    While reading, it counts per language the entries to draft (``todo``) and, while that is
    still 0, the machine drafts nobody edited by engine (``drafted``: what ``redo`` would replace); without
    ``redo``, the drafts among them that are their German as it is (``check.german_copies``, an engine's answer
    of the German unchanged from before ``pretranslate`` refused such answers) are counted in ``german`` instead.
    """

    config: Config
    languages: list[str]
    articles: list[Article]
    redo: bool = False
    errors: list[VerlagError] = field(default_factory=list)
    todo: Counter = field(default_factory=Counter)  # lang -> entries to draft in the catalogs read
    read: Counter = field(default_factory=Counter)  # lang -> catalogs read (none: no count of its empty entries)
    drafted: dict = field(default_factory=dict)  # lang -> Counter(engine -> untouched machine drafts)
    german: dict = field(default_factory=dict)  # lang -> Counter(engine -> untouched drafts of the German unchanged)
    labels: dict = field(default_factory=dict)  # slug -> the article's link reference labels
    private: list[Article] = field(default_factory=list)  # left out: still marked private (``PRIVATE_DRAFT_RE``)
    glossary: Glossary = field(default_factory=Glossary)  # read by ``collect``, given out by ``read_glossary``
    unread: VerlagError | None = None  # why the glossary could not be read: said at its first use

    @property
    def size(self) -> int:
        """The catalogs to read: one per language and article."""
        return len(self.languages) * len(self.articles)

    def batches(self, lang: str) -> Iterator[list[Catalog]]:
        """The readable catalogs of ``lang`` in article order, in batches of whole catalogs of at least
        ``BATCH_ENTRIES`` entries (the last: what is left). Unreadable ones go to ``errors``."""
        batch: list[Catalog] = []
        size = 0
        for article in self.articles:
            catalog = self._read(lang, article)
            if catalog is None:
                continue
            batch.append(catalog)
            size += len(catalog.po)
            if size >= BATCH_ENTRIES:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _read(self, lang: str, article: Article) -> Catalog | None:
        path = self.config.po_path(lang, article.slug)
        ref = relpath(path, self.config.root)
        try:
            data, po = load_po(path, ref)
            last_written = functools.partial(last_extract, self.config, lang, article.slug)
            reverted = []
            if po is not None:  # a record a tool dropped, as extract gives it back (a sign-off by hand told by it)
                restore_sign_offs(po, lambda: last_written(data))
                reverted = bring_back_older_copy(po, lambda: last_written(data), lambda: decode_po(data, ref))
        except VerlagError as exc:
            self.errors.append(exc)
            return None
        if po is None:
            self._missing(ref, article)
            return None
        if article.slug not in self.labels:
            with contain(article.ref, "reading its link labels", self.errors) as outcome:
                self.labels[article.slug] = reference_labels(article)
            if outcome.failed:
                return None
        catalog = Catalog(lang, article.slug, path, po, self.labels[article.slug], ref=ref, read_as=data,
                          redo=self.redo, last_written=last_written, reverted=reverted,
                          reopened=[(line, e.msgid) for line, e in stale_sign_offs(po, data)])
        if lang.split("-")[0].lower() != "en":
            catalog.english = functools.cache(functools.partial(_english_drafts, self.config, article.slug))
        if self.redo:
            catalog.flawed = self._flawed(catalog)
        self.todo[lang] += len(catalog.open_entries())
        self.read[lang] += 1
        if not self.todo[lang]:
            copies = self._german_drafts(po, lang, catalog.labels) if not self.redo else frozenset()
            for entry in po:
                if not entry.obsolete and (origin := machine_draft(entry)):
                    counts = self.german if key(entry) in copies else self.drafted
                    counts.setdefault(lang, Counter())[origin_engine(origin)] += 1
        return catalog

    def _flawed(self, catalog: Catalog) -> frozenset:
        """The keys of ``catalog``'s untouched machine drafts with an error of ``check`` (an edition's QA gate shows
        the German in their place): ``redo`` asks the service again for them, as the MT cache would only give back
        the answer that made them (a dose or a link dropped, another language)."""
        from .check import blocked_keys, check_catalog

        drafts = {key(e) for e in catalog.po if not e.obsolete and machine_draft(e) is not None}
        if not drafts:
            return frozenset()
        findings = check_catalog(catalog.po, catalog.ref, catalog.lang, catalog.slug, self.glossary, catalog.labels,
                                 source_lang=self.config.source_language, errors_only=True,
                                 site_url=self.config.site_url, languages=self.config.languages)
        return blocked_keys(findings) & drafts

    def _missing(self, ref: str, article: Article) -> None:
        """Says why ``ref``, the article's catalog in one language, is not there: the German file's own error at
        its line where ``extract`` refuses it (nesting too deep, a block over a parse limit: running extract again
        makes no catalog), once for all languages and in extract's words, so ``publish`` says it once; else that
        extract has not been run since the article was written."""
        from .doccache import document  # only for a catalog that is not there: a run with every catalog reads none

        refused: list[VerlagError] = []
        with contain(article.ref, "segmenting", refused):
            document(self.config, article)
        if not refused:
            self.errors.append(VerlagError("no catalog yet; run 'verlag extract' first", ref))
        elif str(refused[0]) not in map(str, self.errors):
            self.errors.append(refused[0])

    def read_glossary(self) -> Glossary:
        """The project's glossary (``collect`` read it), asked for where it is used (a catalog with nothing to
        draft, an engine's answer equal to its German); one that could not be read is an error in ``errors`` at
        its first use (once), and every term then counts as a word to translate."""
        if self.unread is not None:
            self.errors.append(self.unread)
            self.unread = None
        return self.glossary

    def _german_drafts(self, po: polib.POFile, lang: str, labels: frozenset[str]) -> frozenset:
        """The keys of ``po``'s drafts that are their German as it is (``check.german_copies``), read with the
        glossary's do-not-translate terms (``read_glossary``)."""
        from .check import german_copies

        return german_copies((e for e in po if e.fuzzy), lang, self.read_glossary(), labels)


@dataclass
class PretranslateResult:
    filled: Counter = field(default_factory=Counter)  # (lang, engine) -> entries
    replaced: Counter = field(default_factory=Counter)  # (lang, engine) -> machine drafts among filled
    same: Counter = field(default_factory=Counter)  # (lang, engine) -> machine drafts drafted again as they were
    remaining: Counter = field(default_factory=Counter)  # lang -> entries still empty (not: drafts to redo)
    failed: dict = field(default_factory=dict)  # engine -> Counter(reason -> segments)
    returned: dict = field(default_factory=dict)  # engine -> [(catalog ref, msgid)] of its ``GERMAN_BACK`` answers
    unavailable: dict = field(default_factory=dict)  # engine -> reason (stopped for this run)
    # engine -> the kind of failure (``polite`` causes) that stopped it, or, while it was not stopped, its first
    causes: dict = field(default_factory=dict)
    warned: Counter = field(default_factory=Counter)  # engine -> drafts whose markup could not be verified
    emptied: Counter = field(default_factory=Counter)  # lang -> machine drafts in another language emptied
    # lang -> entries not sent, as they hold init's [[AUSFÜLLEN: …]] placeholders (``sources.PLACEHOLDER_RE``)
    unfilled: Counter = field(default_factory=Counter)
    # engine -> [(catalog ref, msgid, check's message)] of its drafts whose numbers differ from the German's
    numbers: dict = field(default_factory=dict)
    planned: dict = field(default_factory=dict)  # dry run: (lang, engine) -> [Planned]
    planned_keys: dict = field(default_factory=dict)  # dry run: (lang, engine) -> the request keys planned so far
    # engine -> (requests, characters of German that came back translated, segments from cache, tries: the HTTP
    # exchanges of the requests, retries included)
    sent: dict = field(default_factory=dict)
    errors: list[VerlagError] = field(default_factory=list)
    # "file: message": a damaged MT cache set aside, an entry signed off in bulk written back fuzzy
    warnings: list[str] = field(default_factory=list)
    todo: int = 0  # entries the run could draft, in the catalogs it read
    interrupted: bool = False  # by Ctrl-C: the catalogs after the batch then drafted were not read

    @property
    def nothing_done(self) -> bool:
        """There was work, an engine failed, and not one entry could be filled.

        An engine that worked but had nothing to offer (the memory without a
        match) is not a failure.
        """
        return (self.todo > 0 and not self.filled and not self.same and not self.planned
                and bool(self.failed or self.unavailable))


class GermanBack:
    """Tells an engine's answer that is the entry's German as it is, with words to translate
    (``check.german_unchanged``, the glossary's do-not-translate terms as ``check`` reads them): such an answer
    is not taken as a draft. ``glossary`` gives the run's glossary (``Work.read_glossary``), asked for at the first
    answer equal to its German."""

    def __init__(self, config: Config, glossary: Callable[[], Glossary]):
        self.config, self.glossary = config, glossary

    def __call__(self, catalog: Catalog, entry: polib.POEntry, text: str) -> bool:
        german, text = without_hints(entry.msgid), without_hints(text)  # the German as sent (``protect.mask``)
        if text.strip() != german.strip():  # most answers: ``check`` is not even imported
            return False
        from .check import PLAIN_CONTEXTS, Context, german_unchanged

        ctx = Context(catalog.lang, self.glossary(), catalog.labels, self.config.source_language,
                      plain=entry.msgctxt in PLAIN_CONTEXTS)
        return german_unchanged(german, text, ctx)


def collect(config: Config, languages: list[str], slugs: list[str] | None = None, redo: bool = False) -> Work:
    """The catalogs of ``slugs`` (all articles: None) in ``languages``, to be read by ``Work.batches``;
    ``redo``: their untouched machine drafts are to be drafted again. An article whose draft line says it was
    private in WordPress (``PRIVATE_DRAFT_RE``) is left out (``Work.private``). The glossary is read here, once:
    one git left conflicted (``conflicts.MergeConflict``) raises it, as it stops extract and build, before any
    catalog is read or written; another problem is said where it is used (``Work.read_glossary``). An unknown
    slug raises VerlagError."""
    sources = read_sources(config)
    articles = [a for a in sources.articles if not slugs or a.slug in slugs]
    if slugs:
        missing = sorted(set(slugs) - {a.slug for a in articles} - sources.unreadable)
        if missing:
            from .orphans import renamed_advice

            files = {**dict.fromkeys(sources.unreadable), **{a.slug: a.ref for a in sources.articles}}
            raise VerlagError(unknown_slugs(missing, sorted(files), relpath(config.source_dir, config.root) + "/",
                                            renamed_advice(config, missing, files)))
    private = [a for a in articles if PRIVATE_DRAFT_RE.search(a.front)]
    work = Work(config, list(languages), [a for a in articles if a not in private], redo,
                sources.errors_about(slugs), private=private)
    try:
        work.glossary = load_glossary(config.translations_dir, config.root)
    except MergeConflict:
        raise
    except VerlagError as exc:
        work.unread = exc
    return work


def pretranslate(config: Config, engines: list[Engine], languages: list[str], slugs: list[str] | None = None,
                 progress=None, dry_run: bool = False, max_chars: int | None = None,
                 work: Work | None = None) -> PretranslateResult:
    """Run the chain over the empty entries of the catalogs (``work``, if already collected), a batch of
    catalogs at a time (``Work.batches``): each batch is read, drafted by every engine in turn and written
    before the next is read. ``progress()`` is called per catalog done. A KeyboardInterrupt ends the run
    with everything so far saved; the catalogs after that batch are not read.

    What lives for the whole run (the sources read by ``collect``) is kept out of the cyclic garbage
    collector's full collections (``gc.freeze``), which otherwise walk it again every few batches
    (10.4 of 90.6 s of CPU at 10,000 articles, 2.6 s frozen); the batches are collected as usual.
    """
    work = work if work is not None else collect(config, languages, slugs)
    result = PretranslateResult()
    budget = cache = None
    if any(getattr(e, "remote", False) for e in engines):  # the network stack loads only when needed
        from .mtcache import open_cache
        from .services import Budget

        budget = Budget(max_chars)
        cache = open_cache(config.state_dir)
    drafting: list[VerlagError] = []  # engines' failures, after the catalogs' own problems
    german_back = GermanBack(config, work.read_glossary)
    failed: list[VerlagError] = []  # writes that failed
    lost: list[VerlagError] = []  # drafts of catalogs deleted or emptied meanwhile
    wrote: list = []  # the paths of the catalogs written
    try:
        gc.freeze()
        for lang in work.languages:
            for batch in work.batches(lang):
                try:
                    _draft(batch, engines, lang, config, cache, budget, result, dry_run, drafting, german_back)
                finally:
                    _save(batch, dry_run)
                    failed += [c.failed for c in batch if c.failed]
                    lost += [_lost(c) for c in batch if c.gone and c.drafts]
                    wrote += [c.path for c in batch if c.wrote]
                    # a bulk sign-off this run wrote back fuzzy is said, as extract says it; a dry run says what
                    # the run would write back
                    result.warnings += [reopened_warning(c.ref, line, msgid) for c in batch
                                        if c.wrote or dry_run and c.would_write for line, msgid in c.reopened]
                    result.warnings += [older_copy_kept(c.ref, c.reverted) for c in batch
                                        if c.reverted and (c.wrote or dry_run and c.would_write)]
                    _count(batch, lang, result, config.source_language)
                    for _ in batch if progress else ():
                        progress()
                    batch.clear()  # read no further catalog while this batch is held
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        gc.unfreeze()  # first: a failure below must not leave the collector frozen
        _confirm(config, wrote)
        result.todo = sum(work.todo.values())
        result.errors = [*work.errors, *drafting, *failed, *lost]
        if cache:
            cache.close()
            result.warnings += cache.warnings
        for engine in engines:
            result.warnings += _dropped(config, engine)
            if getattr(engine, "remote", False) and (engine.requests_sent or engine.cached):
                result.sent[engine.name] = (engine.requests_sent, engine.chars_translated, engine.cached,
                                            getattr(engine, "tries", engine.requests_sent))
    return result


def _dropped(config: Config, engine: Engine) -> list[str]:
    """What the run said of an engine's answers in the MT cache that read as another language than the one asked
    for (``services.ServiceEngine.dropped``, ``draftlang``): stored before the language test or by a service
    answering wrongly then, they are dropped from the cache, and their text was asked again."""
    dropped = getattr(engine, "dropped", None)
    if not dropped:
        return []
    from .counts import counted
    from .mtcache import FILE_NAME
    from .stopwords import language_name

    ref = relpath(config.state_dir / FILE_NAME, config.root)
    return [f"{ref}: {counted(count, 'answer')} of {engine.name} read as {language_name(rival)}, not "
            f"{language_name(target)}: dropped from the cache and asked again (stored before verlag judged an "
            "answer's language, or answered so then)" for (target, rival), count in sorted(dropped.items())]


def _draft(batch: list[Catalog], engines: list[Engine], lang: str, config: Config, cache, budget,
           result: PretranslateResult, dry_run: bool, errors: list[VerlagError], german_back: GermanBack) -> None:
    """One batch of catalogs of ``lang`` through the chain: each engine gets what the ones before it left,
    an answer that is the German as it is (``german_back``) among it."""
    todo = [(c, e) for c in batch for e in c.open_entries()]
    # init's placeholders: their German is still to be written, and a service would only mangle them
    sent = [item for item in todo if not ("[[" in item[1].msgid and PLACEHOLDER_RE.search(item[1].msgid))]
    if len(sent) < len(todo):
        result.unfilled[lang] += len(todo) - len(sent)
        todo = sent
    for engine in engines:
        if not todo:
            break
        if engine.name in result.unavailable:  # counted as left over, not asked again
            result.failed.setdefault(engine.name, Counter())[result.unavailable[engine.name]] += len(todo)
            continue
        requests = [_request(c, e) for c, e in todo]
        if getattr(engine, "remote", False):
            if dry_run:  # each network engine in turn: at most what the local ones before it leave
                for catalog, _ in todo:
                    catalog.would_write = True
                keys = result.planned_keys.setdefault((lang, engine.name), set())
                result.planned.setdefault((lang, engine.name), []).extend(
                    engine.plan(requests, config.source_language, lang, cache, keys))
                continue
            filled = _stream(engine, requests, todo, batch, config, lang, cache, budget, result, german_back)
        else:
            try:
                answers = _local_answers(engine, requests, todo, config.source_language, lang, errors)
            except EngineUnavailable as exc:
                result.unavailable[engine.name] = str(exc)
                result.failed.setdefault(engine.name, Counter())[str(exc)] += len(todo)
                continue
            filled = _apply(engine.name, todo, range(len(todo)), answers, lang, result, dry_run, german_back)
            _save(batch, dry_run)
        todo = [item for n, item in enumerate(todo) if n not in filled]


def _english_drafts(config: Config, slug: str) -> dict:
    """The untouched machine drafts of ``slug``'s catalog in the project's English by key, as ``check`` reads them
    (``check.english_drafts``); none where the project has no English or the catalog cannot be read (``check``
    says why). The QA stage is loaded only when a request asks."""
    from .check import english_drafts

    return english_drafts(config, slug)[1]


def _request(catalog: Catalog, entry: polib.POEntry) -> Request:
    note = _note(entry)
    match = _BLOCK.search(note)
    block = f"{catalog.slug}#{match.group(1)}" if match else ""
    return Request(entry.msgid, entry.msgctxt, catalog.slug, catalog.labels, block, _surroundings(catalog, note),
                   key(entry) in catalog.flawed, catalog.english().get(key(entry), "") if catalog.english else "")


def _note(entry: polib.POEntry) -> str:
    return (entry.comment or "").splitlines()[0] if entry.comment else ""


def _surroundings(catalog: Catalog, note: str) -> Surroundings:
    """The title, the segment's own block and the blocks before and after it, from every entry of the
    catalog (translated or not): the context engines such as ``deepl`` and ``llm`` send along."""
    if catalog.around is None:
        title = without_hints(next((e.msgid for e in catalog.po if e.msgctxt == "title" and not e.obsolete), ""))
        blocks: dict[int, str] = {}
        for entry in catalog.po:
            if not entry.obsolete and (match := _PROSE.match(_note(entry))):
                number = int(match.group(1))
                german = without_hints(entry.msgid)  # sent as context as the segments are (``protect.mask``)
                blocks[number] = f"{blocks[number]} {german}" if number in blocks else german
        texts = [blocks[n] for n in sorted(blocks)]
        catalog.around = {n: Surroundings(title, texts[i], texts[i - 1] if i else "",
                                          texts[i + 1] if i + 1 < len(texts) else "")
                          for i, n in enumerate(sorted(blocks))}
        catalog.around[None] = Surroundings(title)
    match = _PROSE.match(note)
    return catalog.around[int(match.group(1)) if match else None]


def _stream(engine, requests, todo, batch, config, lang, cache, budget, result, german_back) -> set[int]:
    """Apply answers as they arrive; dirty catalogs are written at most every FLUSH_SECONDS (the cache
    already holds every answer, so a crash in between costs no request), and once more at the end."""
    filled: set[int] = set()
    flushed = time.monotonic()
    for group in engine.stream(requests, config.source_language, lang, cache=cache, budget=budget):
        new: set[int] = set()
        for outcome in group:
            new |= _apply(engine.name, todo, outcome.indices, outcome.results, lang, result, False, german_back)
            _empty_refused(engine.name, todo, outcome)
            if outcome.error:
                failed = result.failed.setdefault(engine.name, Counter())
                failed[outcome.error] += len(outcome.indices)
                if outcome.fatal and engine.name not in result.unavailable:
                    result.unavailable[engine.name] = outcome.error
                    result.causes[engine.name] = outcome.cause  # what stopped it, over what failed before
                elif not outcome.fatal:
                    result.causes.setdefault(engine.name, outcome.cause)
        filled |= new
        if time.monotonic() - flushed >= FLUSH_SECONDS:
            _save(batch, False)
            flushed = time.monotonic()
    _save(batch, False)
    return filled


def _empty_refused(name: str, todo, outcome) -> None:
    """With ``redo``: empty the machine drafts that are word for word an answer refused as another language
    (``Outcome.refused``): that answer stored before this verlag told it, which would otherwise stay, published
    under ``unreviewed = "machine"`` until a person saw it; the entry is empty for the next engine or a person."""
    for n, refused in zip(outcome.indices, outcome.refused):
        catalog, entry = todo[n]
        if refused is not None and entry.msgstr == refused.text and machine_draft(entry) is not None:
            catalog.by[key(entry)] = (name, True)
            catalog.drafts[key(entry)] = Result("", refused.origin)
            _empty(entry)
            catalog.dirty = True


def _empty(entry: polib.POEntry) -> None:
    """An untouched machine draft made empty: no text, no fuzzy flag, no origin or draft fingerprint."""
    entry.msgstr = ""
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    notes = Notes.of(entry)
    notes.origins, notes.drafted = [], None
    notes.store(entry)


def _local_answers(engine: Engine, requests: list[Request], todo, source: str, lang: str,
                   errors: list[VerlagError]) -> list:
    """A local engine's answers for one language's batch, one per request (None: no answer).

    Should the engine raise on the batch, it is asked again catalog by catalog, so a failure
    leaves only that catalog's entries empty; each failure is one error in ``errors``. ``VerlagError``
    and ``EngineUnavailable`` (the engine can do nothing this run) are raised.
    """
    try:
        return list(engine.translate(requests, source, lang))
    except (VerlagError, EngineUnavailable):
        raise
    except Exception:  # noqa: BLE001 - isolated below, per catalog
        answers: list = [None] * len(requests)
        per_catalog: dict[str, list[int]] = {}
        for n, (catalog, _) in enumerate(todo):
            per_catalog.setdefault(catalog.ref, []).append(n)
        for ref, indices in per_catalog.items():
            with contain(ref, f"drafting with {engine.name}", errors):
                for n, answer in zip(indices, engine.translate([requests[n] for n in indices], source, lang)):
                    answers[n] = answer
        return answers


def _apply(name, todo, indices, answers, lang, result, dry_run, german_back) -> set[int]:
    """Fill the entries ``todo[n]`` of ``indices`` with ``answers``; returns the indices filled. No answer, an empty
    one and, but from the ``copy`` engine or a reviewer's signed-off text (``Result.reviewed``, a ``tm`` match), one
    that is the German as it is (``german_back``: counted in ``result.failed`` as ``GERMAN_BACK``) and one many times
    longer than the German (``RUNAWAY``: counted as ``LONG_ANSWER``) leave the entry to the next engine."""
    filled: set[int] = set()
    for n, answer in zip(indices, answers):
        if answer is None or not answer.text.strip():
            continue
        catalog, entry = todo[n]
        if name != CopyEngine.name and not answer.reviewed and german_back(catalog, entry, answer.text):
            result.failed.setdefault(name, Counter())[GERMAN_BACK] += 1
            result.returned.setdefault(name, []).append((catalog.ref, entry.msgid))
            continue
        if len(answer.text) > RUNAWAY * len(entry.msgid) + RUNAWAY_SLACK:
            result.failed.setdefault(name, Counter())[LONG_ANSWER] += 1
            continue
        filled.add(n)
        if _unchanged(entry, answer):  # a machine draft the engine drafts again as it is: nothing to write
            result.same[(lang, name)] += 1
            continue
        if dry_run:  # counted now: nothing is written
            catalog.would_write = True
            result.replaced[(lang, name)] += bool(entry.msgstr)
            if "check the markup" in answer.origin:
                result.warned[name] += 1
            result.filled[(lang, name)] += 1
            continue
        catalog.by[key(entry)] = (name, bool(entry.msgstr))
        _fill(entry, answer)
        catalog.drafts[key(entry)] = answer
        catalog.dirty = True
    return filled


def _count(batch: list[Catalog], lang: str, result: PretranslateResult, source_lang: str = "de") -> None:
    """Count the batch's drafts once its last write is done: drafted is what stands in the file as this run
    last wrote it (``Catalog.standing``), never an answer a failed write (a reviewer's save that does not parse)
    or a deleted catalog kept out; such an answer's entry is counted still empty, as the file has it."""
    for catalog in batch:
        for k in catalog.standing:
            name, replaced = catalog.by[k]
            if not catalog.drafts[k].text:  # a draft in another language emptied (``_empty_refused``)
                result.emptied[lang] += 1
                continue
            result.filled[(lang, name)] += 1
            result.replaced[(lang, name)] += replaced
            if "check the markup" in catalog.drafts[k].origin:
                result.warned[name] += 1
        _lost_numbers(catalog, lang, result, source_lang)
        unwritten = {k for k in catalog.drafts if k not in catalog.standing}
        result.remaining[lang] += sum(1 for e in catalog.po if not e.obsolete and (
            not e.msgstr or unwritten and key(e) in unwritten and e.msgstr == catalog.drafts[key(e)].text))


def _lost_numbers(catalog: Catalog, lang: str, result: PretranslateResult, source_lang: str) -> None:
    """The drafts of a network engine this run wrote whose numbers or units differ from their German's (``check``'s
    ``numbers``: a dose dropped), each with its catalog, in ``result.numbers``: the summary names them, as ``check``
    would only later; the pages show the German in their place. A run with no such draft does not import
    ``check``."""
    written = [k for k in catalog.standing if catalog.by[k][0] not in (CopyEngine.name, "tm", "pseudo")]
    if not written:
        return
    from .check import PLAIN_CONTEXTS, Context, check_numbers

    ctx = Context(lang, labels=catalog.labels, source_lang=source_lang)
    entries = {key(e): e for e in catalog.po if not e.obsolete}
    for k in written:
        entry = entries.get(k)
        if entry is not None:
            said = list(check_numbers(entry, replace(ctx, plain=entry.msgctxt in PLAIN_CONTEXTS)))
            if said:
                result.numbers.setdefault(catalog.by[k][0], []).append((catalog.ref, entry.msgid, said[0]))


def _unchanged(entry: polib.POEntry, answer: Result) -> bool:
    """Whether ``answer`` leaves ``entry`` (a machine draft ``redo`` drafts again) as it is: text, flags and
    records; a catalog whose drafts all come back so is not written, not even its ``PO-Revision-Date``."""
    if entry.msgstr != answer.text:
        return False
    probe = polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, flags=list(entry.flags), tcomment=entry.tcomment)
    _fill(probe, answer)
    return probe.flags == entry.flags and probe.tcomment == entry.tcomment


def _fill(entry: polib.POEntry, answer: Result) -> None:
    entry.msgstr = answer.text
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    set_provenance(entry, answer.origin)


def _save(batch: list[Catalog], dry_run: bool) -> None:
    """Write every catalog of the batch with drafts not yet written. Each write is decided on the file as it is then: a
    catalog that was missing, emptied or unparseable at an earlier write (a reviewer's in-place save) takes
    the drafts once it is back, and only what still stands at the batch's last write is reported."""
    if dry_run:
        return
    for catalog in batch:
        if catalog.dirty:
            catalog.gone, catalog.failed = "", None
            try:
                _write(catalog)
                catalog.wrote = catalog.wrote or not catalog.gone
            except VerlagError as exc:
                catalog.failed = exc
            catalog.dirty = bool(catalog.gone or catalog.failed)  # tried again at the next write


def _confirm(config: Config, paths: list) -> None:
    """Record the catalogs this run wrote in the stat record (``statrecord``), hashed again from their bytes once
    the clock has passed their writes, as ``extract`` records its own: the next ``extract`` or ``build`` only
    stats them instead of reading and hashing every catalog again. A reviewer's save in the tick of the write is
    in the bytes read, so it is still seen."""
    if not paths:
        return
    from functools import partial

    from .lock import clock, held_since
    from .statrecord import StatRecord

    record = StatRecord(config.state_dir, config.translations_dir, held_since(config))
    record.confirm([Path(p).relative_to(config.translations_dir).as_posix() for p in paths], partial(clock, config))
    record.save(others=True)


def _lost(catalog: Catalog) -> VerlagError:
    """The error for a catalog deleted or emptied while the run drafted it: its drafts are not lost with it.
    A network engine's answers are in the MT cache (``mtcache``), a local engine's cost nothing, so
    ``extract`` and a rerun give them back without asking a service again."""
    return VerlagError(f"{catalog.gone} while pretranslate ran: its drafts of this run ({len(catalog.drafts)}) are "
                       "not written; 'verlag extract', then 'verlag pretranslate' puts them in without asking a "
                       "service again (a service's answers are kept in the MT cache)", catalog.ref)


def _write(catalog: Catalog) -> None:
    """Write the drafts by compare-and-swap (``fsutil.rewrite``): if a reviewer saved the catalog
    meanwhile, their file wins and the drafts only fill what is still empty in it, or with ``redo`` still
    an untouched machine draft (a run against slow services can take minutes). A catalog deleted or
    emptied for good meanwhile (a crash, a cut-short save) is left as it is, and ``catalog.gone`` says
    which (``_lost``). A saved file that lacks entries this run read may be an in-place save
    caught half-way that still parses: it is taken only once it has settled (then it is what the
    reviewer saved; ``extract`` restores the entries), never written back while it may still be growing. Raises VerlagError, writing nothing, when the saved
    file does not parse."""

    standing: set = set()

    def update(data: bytes | None) -> bytes | None:
        if data is None:
            catalog.gone = "deleted" if read_bytes(catalog.path) is None else "emptied (a crash or a save cut short?)"
            return None
        if data != catalog.read_as:
            fresh = po_from_bytes(data, catalog.ref)
            restore_sign_offs(fresh, lambda: catalog.last_written(data))
            catalog.reverted = bring_back_older_copy(fresh, lambda: catalog.last_written(data),
                                                     lambda: decode_po(data, catalog.ref))
            missing = _active_keys(catalog.po) - _active_keys(fresh)
            if missing and settled(catalog.path) != data:  # still being written: ``rewrite`` reads it again
                raise VerlagError(f"saved meanwhile without {len(missing)} of its entries (half-written?); "
                                  "drafts not written, run 'verlag pretranslate' again", catalog.ref)
            catalog.po, catalog.read_as = fresh, data
            catalog.reopened = [(line, e.msgid) for line, e in stale_sign_offs(fresh, data)]
        entries = {key(e): e for e in catalog.po if not e.obsolete}
        for k, answer in catalog.drafts.items():
            entry = entries.get(k)
            if entry is not None and _open(entry, catalog.redo):
                _fill(entry, answer) if answer.text else _empty(entry)
        standing.clear()
        standing.update(k for k, answer in catalog.drafts.items()
                        if (entry := entries.get(k)) is not None and entry.msgstr == answer.text)
        record = catalog.last_written(data)  # None: the catalog is still the bytes extract left, its date theirs
        catalog.po.metadata["PO-Revision-Date"] = stamp_after(
            catalog.po.metadata.get("PO-Revision-Date"), record.metadata.get("PO-Revision-Date") if record else None)
        return catalog_bytes(catalog.po, data)

    catalog.read_as = rewrite(catalog.path, update, limit=CATALOG, ref=catalog.ref) or b""
    catalog.standing = set() if catalog.gone else standing


def _active_keys(po: polib.POFile) -> set:
    return {key(e) for e in po if not e.obsolete}

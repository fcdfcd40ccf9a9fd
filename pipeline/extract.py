"""Stage: German sources -> ``.pot`` templates -> merged ``.po`` catalogs per language.

Every catalog that cannot be read is reported with file and line and left
untouched; the others are still updated. Writes are atomic and happen only
when the content changed. Articles whose source and catalogs are unchanged
since the last run are skipped by content hash.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath

from . import LazyPattern, doccache, extracted, textchanged
from .config import CONFIG_NAME, Config
from .errors import VerlagError, contain
from .fsutil import code_digest, combine_digests, digest_bytes, file_bytes, load_state, names_ending, relpath, save_state
from .glossary import Glossary, load_glossary
from .limits import CATALOG
from .lock import clock, held_since
from .orphans import Orphan, carry_over, find_orphans, prune_records, report, wanting
from . import schedule
from .sources import Article, front_matter_warnings, read_sources, updated_behind
from .statrecord import StatRecord
from .tagwarnings import TagWarnings

# The work on a changed article (``extract_article``: segmentation, catalogs, raw HTML) and the process pool,
# 0.2 s to import, are imported where an article is extracted, so a run that finds every article unchanged by
# its fingerprint never loads them.

STATE_FILE = "extract.json"
SAID_FILE = "html-blocks.json"  # per article: the German text (sha256) whose HTML-block warnings were said
SEGMENTATION_FILE = "segmentation.json"  # verlag.toml's segmentation at the last run: a switch is said and handled


@dataclass
class ExtractResult:
    written: list[str] = field(default_factory=list)  # templates and catalogs written, new ones too
    created: set[str] = field(default_factory=set)  # those of ``written`` that were not there before
    restored: set[str] = field(default_factory=set)  # those of ``written`` made again from extract's copy (``restore``)
    # those of ``written`` whose entries are as they were, laid out otherwise before (``catalog.same_entries``: a
    # GNU tool's rewrite): their layout restored
    relaid: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)  # templates of deleted articles
    why_removed: dict[str, str] = field(default_factory=dict)  # template path -> why, where not "its article is gone"
    skipped: int = 0  # articles not merged again: nothing they depend on changed since the last run
    current: int = 0  # articles merged again (no record of the last run, e.g. a fresh clone) with nothing to write
    # articles with a problem in ``errors``: their source unreadable, or a template or catalog of theirs left as it was
    failed: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)  # kept catalogs with something new to say
    # lang -> fuzzy / redraft / unstarted / new / remade / obsolete / typo / restored / revived / recopied /
    # returned (``_counts``)
    changes: dict[str, Counter] = field(default_factory=dict)
    # article ref -> German sentences that changed, are new or are gone: (kind, line or None, msgid);
    # the German is the same for every language, so each sentence is listed once
    sentences: dict[str, list[tuple[str, int | None, str]]] = field(default_factory=dict)
    # article ref -> how many of its German sentences only moved (a list reordered): no translation changes, but
    # every edition shows the new order (``extract_article.moved_sentences``)
    moved: dict[str, int] = field(default_factory=dict)
    errors: list[VerlagError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "file:line: message"
    notes: list[str] = field(default_factory=list)  # "file: message": done as it should be, said once
    # reviewed obsolete entries a tool purged from a catalog, kept in the translation memory (``tm.keep``):
    # (lang, slug, [(msgctxt, msgid, msgstr)])
    purged: list[tuple[str, str, list[tuple[str | None, str, str]]]] = field(default_factory=list)


def _fingerprint(config: Config, article: Article, glossary: Glossary, files: list[bytes | None]) -> str:
    """Everything an article's catalogs depend on, hashed; ``files``: the bytes of its template and of each
    language's catalog (``config.languages`` order) as this run left them, never as someone saved them
    afterwards."""
    return digest_bytes(*files, extra=_depends(config, article, glossary))


def _fingerprint_before(config: Config, article: Article, glossary: Glossary, files: StatRecord) -> str | None:
    """``_fingerprint`` of the template and catalogs as they are before the run, their digests taken from
    ``files`` (read and hashed only when their stat changed since they were last hashed); None when one of
    them cannot be read (a folder in its place, a symlink loop, no permission, over ``limits.CATALOG``): the
    article is extracted, and its merge reports the file within the article (``contain``) while the other
    articles go on."""
    try:
        return combine_digests(*map(files.digest, _names(config, article)), extra=_depends(config, article, glossary))
    except (OSError, VerlagError):
        return None


def _names(config: Config, article: Article) -> list[str]:
    """The article's template and catalogs by their paths under ``translations/`` (``StatRecord``'s keys)."""
    return [config.pot_name(article.slug), *(config.po_name(lang, article.slug) for lang in config.languages)]


def _depends(config: Config, article: Article, glossary: Glossary) -> str:
    """What an article's catalogs depend on besides their own bytes. The German file's path is one: the template's
    and catalogs' ``#:`` references name it, so a file moved (``source_de/seiten/``) with the same bytes is
    extracted again, and the next article to take its old path finds the catalogs naming where it is now."""
    return (f"{code_digest()}|{config.segmentation}|{config.source_language}|{config.name}|{article.digest}|"
            f"{glossary.digest}|{article.ref}")


def extract(config: Config, progress=None, keep_typo_fixes: bool = False, jobs: int | None = None) -> ExtractResult:
    """Update every template and catalog from the German sources.

    ``keep_typo_fixes``: reviewed translations of sentences the author changed
    only trivially stay reviewed (see ``typos.is_typo_fix``) instead of going
    back to review. ``jobs``: worker processes that segment the changed
    articles, make their templates and merge them into their catalogs as
    found (``extract_article.prepare_in_worker``, ``pool.map_articles``; None: the CPU cores); this
    process swaps every file in, in document order, merging again only a
    catalog saved since a worker read it: the same bytes for any value.

    An article that cannot be read, segmented or merged is reported in
    ``errors``; its template and catalogs stay as they were and every other
    article is still extracted.

    Warnings: the doubtful front matter of every article on every run (``sources.front_matter_warnings``);
    an article's HTML blocks that stay German (``rawhtml.german_blocks``) only when its German text changed
    since they were last said (or was never seen), not when only a catalog changed; ``check`` says both on
    every run. A medical review the German body changed after (``textchanged.outdated``) on every run too.
    """
    sources = read_sources(config, remember=True)
    articles = sources.articles
    glossary = load_glossary(config.translations_dir, config.root)
    result = ExtractResult(errors=list(sources.errors),
                           failed=len(sources.unreadable - {a.slug for a in [*articles, *sources.german_only]}))
    state = load_state(config.state_dir / STATE_FILE)
    fresh: dict[str, str] = {}
    said, told = load_state(config.state_dir / SAID_FILE), {}
    tags = TagWarnings(config.state_dir)
    slugs = {a.slug for a in articles} | sources.unreadable
    paused = {a.slug: a.ref for a in sources.german_only}
    orphans = find_orphans(config, slugs)
    kept = carry_over(config, orphans, slugs, paused)  # first: the catalogs it brings translations to are merged as found
    renaming: dict[str, dict[str, Path]] = {}
    if new := wanting(config, articles, orphans, paused):  # a kept catalog, an article without one: renamed?
        from .renaming import plan

        renaming, notes, warnings = plan(config, new, orphans, paused, slugs)
        result.notes += notes
        result.warnings += warnings
    _record_earlier_names(config, slugs, result)  # before the fingerprints: the article is extracted again, once
    files = StatRecord(config.state_dir, config.translations_dir, held_since(config), limit=CATALOG)
    prints = {a.slug: _fingerprint_before(config, a, glossary, files) for a in articles}
    changed = [a for a in articles if prints[a.slug] is None or state.get(a.slug) != prints[a.slug]]
    segmented = load_state(config.state_dir / SEGMENTATION_FILE)
    was = segmented.get("segmentation") if segmented else segmentation_of_templates(config)
    resegmented = was not in (None, config.segmentation)
    if resegmented:
        now = config.segmentation
        carried = ("a block's reviewed sentence translations are offered, joined in order, as a fuzzy suggestion, "
                   "and the sentence entries" if now == "block" else "the block entries")
        result.warnings.append(f'{CONFIG_NAME}: segmentation changed from "{was}" to "{now}": every article\'s '
                               f"entries are made again, one per {now}; {carried} are kept as obsolete (#~): "
                               f'setting segmentation back to "{was}" restores them as they were')
    made: dict = {}
    if changed:
        from .extract_article import extract_article, planned_renames, prepare_in_worker
        from .pool import map_articles

        made = map_articles(partial(prepare_in_worker, glossary=glossary, keep_typo_fixes=keep_typo_fixes,
                                    resegmented=resegmented, planned=planned_renames(renaming)), config, changed, jobs)
    day = schedule.today(config.zone)  # the site's day, as the schedule's: one for every warning of this run
    clean = config.section("site").get("german_html") == "clean"  # raw HTML the pages leave out: ``left_out``
    for article in articles:
        if progress:
            progress(article)
        result.warnings += [f"{article.ref}:{line}: {message}" for line, message in front_matter_warnings(article, day)]
        result.warnings += [f"{article.ref}:{line}: {message}"
                            for line, message in tags.of(article)]
        if said.get(article.slug) != article.digest:  # as make repeats a warning only when the file is compiled again
            from .rawhtml import html_block_warnings, left_out
            from .refusedlinks import refused_links

            result.warnings += [f"{article.ref}:{line}: {message}" for line, message in html_block_warnings(article)]
            result.warnings += [f"{article.ref}:{line}: {message}"
                                for line, message in left_out(article, config.site_url, clean)]
            result.warnings += [f"{article.ref}:{line}: {message}"
                                for line, message in refused_links(article.body, article.body_line)]
        told[article.slug] = article.digest
        fingerprint = prints[article.slug]
        if fingerprint is not None and state.get(article.slug) == fingerprint:
            result.skipped += 1
            fresh[article.slug] = fingerprint
            continue
        written = len(result.written)
        with contain(article.ref, "extracting", result.errors) as outcome:
            used = extract_article(config, article, made.get(article.slug), orphans, result, glossary,
                                   keep_typo_fixes, resegmented, renaming)
        if outcome.failed or used is None:
            result.failed += 1
        else:
            fresh[article.slug] = _fingerprint(config, article, glossary, used)
            result.current += len(result.written) == written
            listed = result.sentences.get(article.ref, [])
            edits = sum(kind in ("changed", "new", "removed") for kind, _, _ in listed)
            moved = 0 if edits else result.moved.get(article.ref, 0)
            if (edits or moved) and (behind := updated_behind(article, edits or moved, day, moved=bool(moved))):
                result.notes.append(f"{article.ref}:{behind[0]}: {behind[1]}")
    # on every run, the templates written: the day the German body changed after its medical review
    result.warnings += [f"{article.ref}:{found[0]}: {found[1]}" for article in articles
                        if (found := textchanged.outdated(config, article))]
    merged = set(result.written)  # and, once, what carry_over wrote and no merge wrote again
    result.written += sorted({o.renamed_to for o in kept if o.carried and o.renamed_to not in merged})
    result.orphans = report(config, kept, result.renamed, slugs)
    for pot in [config.templates_dir / name for name in names_ending(config.templates_dir, ".pot")
                if name[:-4] not in slugs]:
        original = _template_copied(config, pot)
        pot.unlink()
        result.removed.append(relpath(pot, config.root))
        moved = next((PurePosixPath(new).stem for old, new in result.renamed if PurePosixPath(old).stem == pot.stem), None)
        if original is not None:
            result.why_removed[result.removed[-1]] = (f"looks like a copy of {original}, the template of the same "
                                                      "article, which extract writes: nothing is lost")
        elif pot.stem in paused:
            result.why_removed[result.removed[-1]] = f"{paused[pot.stem]} says translate: false"
        elif moved:
            result.why_removed[result.removed[-1]] = f"its article was renamed to {moved}"
    if result.purged:
        _keep_purged(config, result)
    doccache.prune(config, slugs)
    prune_records(config, slugs)
    extracted.record(config, (a for a in articles if a.slug in fresh), slugs)
    if result.written:
        files.confirm([name for article in changed for name in _names(config, article)], partial(clock, config))
    files.save()
    tags.save()
    segmentation = {"segmentation": config.segmentation}
    for name, now, before in ((STATE_FILE, fresh, state), (SAID_FILE, told, said),
                              (SEGMENTATION_FILE, segmentation, segmented)):
        if now != before:  # a no-op run neither encodes nor compares them (2 ms at 500 articles)
            save_state(config.state_dir / name, now)
    return result


def _record_earlier_names(config: Config, slugs: set[str], result: ExtractResult) -> None:
    """Record in each article's template the renames only this checkout's ``.verlag/`` knows
    (``orphans.unrecorded_renames``: made by a verlag from before templates recorded them), said once, as a note
    to commit it: until then a fresh clone (a CI deploy) made no page at the old addresses."""
    from .orphans import unrecorded_renames

    for slug, olds in unrecorded_renames(config, slugs).items():
        from .extract_article import record_earlier_names

        ref = relpath(config.pot_path(slug), config.root)
        with contain(ref, "recording a rename", result.errors) as outcome:
            written = record_earlier_names(config, slug, olds)
        if not outcome.failed and written is not None:
            result.written.append(written)
            result.notes.append(f"{written}: the rename from {', '.join(olds)}, which only this checkout's .verlag/ "
                                f"knew (an earlier verlag recorded renames there alone), is recorded in its header "
                                f"(X-Verlag-Renamed-From) now: commit it, and a fresh clone (CI, another computer) "
                                f"keeps the old {'address' if len(olds) == 1 else 'addresses'} too")


def _keep_purged(config: Config, result: ExtractResult) -> None:
    """Put the reviewed translations a tool purged from their catalogs (``result.purged``) into the translation
    memory (``tm.keep``); a damaged index is said as an error, the catalogs are written all the same."""
    from .tm import keep

    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for lang, slug, entries in result.purged:
        with contain(relpath(config.state_dir / "tm.sqlite", config.root), "keeping purged translations",
                     result.errors):
            keep(config, lang, slug, entries, stamp)


def _template_copied(config: Config, pot: Path) -> str | None:
    """The template (relative to the project) of which the template ``pot``, whose article is gone, is a copy saved
    beside it (``tee (1).pot``: ``orphans.copy_of``); None for another, or one that cannot be read."""
    from .catalog import read_po
    from .orphans import copy_of

    rel = relpath(pot, config.root)
    try:
        return copy_of(config, rel, read_po(pot, rel))
    except (OSError, VerlagError):
        return None


_SENTENCE_NOTE = LazyPattern(r"^#\. .*, sentence \d+ of \d+$", re.M)  # segment.py's note on a block's sentence
# The kinds of block (the ``#.`` note's first part) that segmentation = "sentence" cuts into sentences
_CUT_INTO_SENTENCES = frozenset({"paragraph", "heading", "list item", "block quote", "footnote"})


def segmentation_of_templates(config: Config) -> str | None:
    """The ``segmentation`` the templates in translations/templates/ were made with, for a project extracted
    before verlag recorded it (``SEGMENTATION_FILE``): "sentence" when an entry is one sentence of several in
    its block (its ``#.`` note says so), "block" when none is and some entry of a kind sentence mode cuts
    (a paragraph, heading, list item, quote or footnote; not a table cell or title) holds several sentences; None
    when there are no templates or every block is one sentence (both ways give the same entries)."""
    templates = sorted(config.templates_dir.glob("*.pot"))
    texts = [text for path in templates if (text := _read_text(path))]
    if any(_SENTENCE_NOTE.search(text) for text in texts):
        return "sentence"
    from .pofile import parse
    from .sentences import segment_spans

    for text in texts:
        try:
            entries = parse(text)
        except (OSError, ValueError):  # damaged: made again from its source, it tells nothing
            continue
        if any(entry.comment.partition(",")[0] in _CUT_INTO_SENTENCES
               and len(segment_spans(entry.msgid, config.source_language)) > 1 for entry in entries if entry.msgid):
            return "block"
    return None


def _read_text(path: Path) -> str:
    try:
        return file_bytes(path, CATALOG).decode("utf-8")
    except (OSError, UnicodeDecodeError, VerlagError):  # no template this can learn from
        return ""



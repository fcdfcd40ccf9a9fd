"""Part of the site stage: the published addresses of a renamed article lead on to its new page.

When the author renames ``source_de/alt.md`` to ``neu.md`` (or changes its ``slug:``), ``extract`` moves the
catalogs along and records the rename (``orphans.RENAMES_FILE``: old slug -> new slug); a file renamed as it was
(``git mv``: the same text) is known by its digest too, which each build records (``ORIGINALS``), and one renamed
and edited by its title (``TITLES``) when that is unchanged and neither an other article that went nor another
new one has it, so also an article without catalogs (``translate: false``), or one built without ``extract`` in
between. Readers' bookmarks, search
engines and other sites still link ``/de/alt/`` and each translation's ``/en/alt/``: the site keeps every such
address a build published as a redirect to the article's page in that language (the original's while that
edition is not published), made by ``redirects`` exactly as for an ``aliases:`` entry (meta refresh page,
``_redirects``, ``.htaccess``).

``extract``, which writes committed files, also records each rename it finds in the renamed article's template, a
header field ``FIELD`` (``X-Verlag-Renamed-From: alt`` in ``translations/templates/neu.pot``, every earlier slug
of the article, oldest first: ``a b`` in ``c.pot``), kept by every later extract and carried along by a further
rename; ``.verlag/`` is git-ignored, so only this record makes the same redirects in a fresh clone (CI, a second
computer) as on the author's. The oldest slug recorded names the article's feed entries (``feed_names``: an Atom
entry's id never changes, RFC 4287 4.2.6). A rename only the build found (``moved_files``: no catalogs moved
along), or one a verlag before this record saw, has none: the build says what a fresh clone lacks.

The site records what it made (``RECORD`` in ``site.json``: old slug -> the slug it leads to and the languages
whose address it keeps), so the addresses stay in every later build and follow further renames (``a`` -> ``b``
-> ``c``: both ``/de/a/`` and ``/de/b/`` lead to ``c``). A new article that takes an old name wins: its page is
at that address, the redirect is dropped, and the build says so once.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import LazyPattern
from .config import Config
from .fsutil import load_state, names_ending, regular, save_state
from .poheader import header_value

if TYPE_CHECKING:
    from .sources import Sources

RECORD = "renamed"  # site.json: old slug -> {"to": slug it led to, "langs": [languages whose address it keeps]}
# RECORD again, alone ({RECORD: …}), beside site.json: what ``orphans.renamed_articles`` reads of the site, so the
# editions stage's QA gate, which needs it for every catalog's page key, does not parse all of site.json (20 ms)
RECORD_FILE = "site-renamed.json"
ORIGINALS = "originals"  # site.json: slug of each published German original -> its ``Article.digest``
TITLES = "original_titles"  # site.json: slug of each published German original -> its German title
_PAGE_FILE = LazyPattern(r"([^/]+)/([^/]+)/index\.html")
FIELD = "X-Verlag-Renamed-From"  # a template's header: the article's earlier slugs, oldest first, space-separated
_HEAD = 4096  # a template's header ends well before (``textchanged._HEAD``)
TEMPLATES_FILE = "renamed-templates.json"  # .verlag/: ``committed``'s answer, by the templates folder's stat


@dataclass(frozen=True)
class Renamed:
    """The published address of ``old`` in each of ``langs`` leads to the article ``to`` (a slug there is now)."""

    old: str
    to: str
    langs: tuple[str, ...]
    committed: bool = False  # the rename is in ``to``'s template (``FIELD``): a fresh clone keeps the address too
    # ``langs`` are every language: the rename is known from ``to``'s template alone, and no build of this checkout
    # recorded which addresses of ``old`` it published (a fresh clone); the site keeps those its editions have now
    guessed: bool = False


def renamed_addresses(config: Config, state: Mapping, sources: Sources, gone_key: str
                      ) -> tuple[list[Renamed], list[Renamed], list[Renamed]]:
    """``resolve`` for the project's German ``sources`` now and the site's ``state`` as the last build left it
    (``site.load_site_state``; ``gone_key``: its record of the addresses builds took down), with extract's record
    of the renames and the files renamed as they were (``moved_files``), in the languages of ``config``."""
    from .orphans import RENAMES_FILE

    every = [*sources.articles, *sources.german_only]
    current = {a.slug for a in every} | sources.unreadable
    recorded, originals, titles = state.get(RECORD), state.get(ORIGINALS), state.get(TITLES)
    languages = (config.source_language, *config.languages)
    kept = {old: slug for slug, olds in committed(config).items() if slug in current for old in olds}
    before = published_before(state, gone_key, current, languages)
    # a rename the templates record whose old addresses no build here published knows no more of them than the
    # slug: the site narrows them to its editions (``site._renamed``), so that no language a reader never had an
    # address in gets one (a French translation never published made /fr/alt/ -> /de/neu/)
    guessed = {old for old in kept if old not in before}
    for old in guessed:
        before[old] = set(languages)
    return resolve({**kept, **load_state(config.state_dir / RENAMES_FILE)},
                   recorded if isinstance(recorded, dict) else {}, before, current,
                   moved_files(originals if isinstance(originals, dict) else {}, {a.slug: a.digest for a in every},
                               titles if isinstance(titles, dict) else {}, {a.slug: a.title for a in every}), kept,
                   guessed)


def chain_of(head: bytes) -> tuple[str, ...]:
    """The earlier slugs ``FIELD`` names in a template's first bytes ``head``, oldest first; only names of a slug's
    form (``sources.SLUG_RE``: an address is made of each), each once; none without the field."""
    from .sources import SLUG_RE

    value = header_value(head[:_HEAD], FIELD)  # its lines joined: a long record GNU's layout wraps (trial 22)
    names = value.split() if value else []
    return tuple(dict.fromkeys(name for name in names if SLUG_RE.fullmatch(name)))


def renamed_from(slug: str, earlier: Iterable[str | None], olds: Iterable[str | None]) -> str | None:
    """The ``FIELD`` value for the template of ``slug``, renamed now from the articles ``olds`` whose templates'
    text was ``earlier`` (None for none): each one's own record, then its slug (None: only the record); its own
    slug left out (renamed back). None when there is nothing to record."""
    names: list[str] = []
    for text, old in zip(earlier, olds):
        names += [*chain_of((text or "").encode("utf-8")), *([old] if old else [])]
    kept = [name for name in dict.fromkeys(names) if name != slug]
    return " ".join(kept) or None


def field_of(text: str | None) -> str | None:
    """The ``FIELD`` value of the template text ``text`` as it is to be kept (``chain_of``); None without one."""
    names = chain_of(text.encode("utf-8")) if text else ()
    return " ".join(names) or None


def committed(config: Config) -> dict[str, tuple[str, ...]]:
    """Slug -> earlier slugs (oldest first) of every template under ``config.templates_dir`` with ``FIELD``: the
    renames a fresh clone knows. Read from each template's first bytes; remembered in ``.verlag/`` (``TEMPLATES_FILE``)
    by the folder's modification and change times, which every template extract or git writes (a new file, renamed
    into place) moves, so a no-op build reads no template. Recorded only when the folder changed before this run took
    the lock (``statrecord.recordable``); a template edited in place by hand is read once the folder changes."""
    from .lock import held_since
    from .statrecord import recordable

    folder = config.templates_dir
    try:
        st = os.stat(folder)
    except OSError:  # no templates yet
        return {}
    key = [st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
    cached = load_state(config.state_dir / TEMPLATES_FILE)
    found = cached.get("renamed")
    if cached.get("key") == key and isinstance(found, dict) and all(
            isinstance(olds, list) and all(isinstance(o, str) for o in olds) for olds in found.values()):
        return {slug: tuple(olds) for slug, olds in found.items()}
    found = {}
    for name in names_ending(folder, ".pot"):
        path = folder / name
        try:
            regular(path)  # a named pipe is never opened: that waits for a writer
            with open(path, "rb") as file:
                olds = chain_of(file.read(_HEAD))
        except OSError:  # unreadable: extract names it
            continue
        if olds:
            found[name[:-4]] = olds
    if recordable(st.st_ctime_ns, held_since(config)):
        save_state(config.state_dir / TEMPLATES_FILE, {"key": key, "renamed": {s: list(o) for s, o in found.items()}})
    return found


def feed_names(recorded: Mapping[str, Sequence[str]], current: Container[str]) -> dict[str, str]:
    """Slug -> the slug whose address names its feed entries (Atom ``<id>``), for each article whose template
    records earlier slugs (``committed``): the oldest one no source has now (a new article that took the name has
    the id of its own address). An article never renamed keeps its own address, as its subscribers know it."""
    names = {}
    for slug, olds in recorded.items():
        first = next((old for old in olds if old not in current), None)
        if first is not None:
            names[slug] = first
    return names


def link_names(kept: Iterable[Renamed], published: Container[str]) -> dict[str, str]:
    """Old slug -> slug of each rename in ``kept`` (``renamed_addresses``' first list) whose article is among the
    ``published`` slugs: for ``redirects.old_names``, so that a link other articles still have to the old file
    (``alt.md``, ``alt.md#abschnitt``) leads to the renamed article's page in the reader's language."""
    return {r.old: r.to for r in kept if r.to in published}


def published_before(state: Mapping, gone_key: str, current: Collection[str],
                     languages: Sequence[str]) -> dict[str, set[str]]:
    """Slug -> which of ``languages`` had an address of it a build published, for the slugs no source has now
    (``current``) and those a rename kept (``RECORD``): the pages of the last build (``state``'s ``pages``), the
    addresses earlier builds took down (``state[gone_key]``), those a rename kept. The slugs are those of the last
    build's originals (``ORIGINALS``; of its pages in a state without that record), not every page's: a build
    looks up only what went. Only names of a slug's form (``sources.SLUG_RE``) are taken: an address is made of
    each, and the state file is no source to trust with a path."""
    from .sources import SLUG_RE

    pages = state.get("pages") if isinstance(state.get("pages"), dict) else {}
    originals, recorded = state.get(ORIGINALS), state.get(RECORD)
    recorded = recorded if isinstance(recorded, dict) else {}
    names = set(originals) if isinstance(originals, dict) else \
        {match[2] for rel in pages if (match := _PAGE_FILE.fullmatch(rel)) is not None}
    found: dict[str, set[str]] = {}
    for slug in names - set(current) | set(recorded):
        if isinstance(slug, str) and SLUG_RE.fullmatch(slug):
            langs = {lang for lang in languages if f"{lang}/{slug}/index.html" in pages}
            if langs:
                found[slug] = langs
    for key in (gone_key, RECORD):
        record = state.get(key)
        for slug, value in (record.items() if isinstance(record, dict) else ()):
            langs = value.get("langs") if isinstance(value, dict) else value
            if isinstance(slug, str) and SLUG_RE.fullmatch(slug) and isinstance(langs, list):
                found.setdefault(slug, set()).update(lang for lang in langs if lang in languages)
    return found


def moved_files(originals: Mapping, digests: Mapping[str, str], titles_before: Mapping | None = None,
                titles: Mapping[str, str] | None = None) -> dict[str, str]:
    """Old slug -> new slug of each published German original (``originals``: ``ORIGINALS`` as the last build
    left it) whose slug no source has now while one source with a slug new since holds its very text (``digests``:
    slug -> ``Article.digest`` of every German source now): a file renamed and nothing else. Of the others, one
    whose title (``titles_before``: ``TITLES`` as the last build left it) is that of one source new since and not
    taken so (``titles``: slug -> title of every German source now), while no other original that went had it and
    no article still there has it (a title several articles share, "Häufige Fragen", is boilerplate, no sign of the
    same article: trial 24): a file renamed and edited, its title kept. Two candidates are never told apart by
    guess: neither is taken."""
    if all(old in digests for old in originals):  # the common build: no original went
        return {}
    by_digest: dict[str, list[str]] = {}
    for slug, digest in digests.items():
        if slug not in originals:
            by_digest.setdefault(digest, []).append(slug)
    moved = {old: by_digest[digest][0] for old, digest in originals.items()
             if old not in digests and isinstance(digest, str) and len(by_digest.get(digest, ())) == 1}
    gone: dict[str, list[str]] = {}  # title -> the originals that went with it, not found by their text
    for old in originals:
        title = (titles_before or {}).get(old)
        if old not in digests and old not in moved and isinstance(title, str):
            gone.setdefault(title, []).append(old)
    taken = set(moved.values())
    kept = {title for slug, title in (titles or {}).items() if slug in originals}  # of the articles still there
    by_title: dict[str, list[str]] = {}
    for slug, title in (titles or {}).items():
        if slug not in originals and slug not in taken and title in gone and title not in kept:
            by_title.setdefault(title, []).append(slug)
    moved.update((olds[0], by_title[title][0]) for title, olds in gone.items()
                 if len(olds) == 1 and len(by_title.get(title, ())) == 1)
    return moved


def resolve(renames: Mapping, recorded: Mapping, before: Mapping[str, Collection[str]],
            current: Collection[str], moved: Mapping[str, str] | None = None,
            committed: Mapping[str, str] | None = None, guessed: Container[str] = ()
            ) -> tuple[list[Renamed], list[Renamed], list[Renamed]]:
    """Which published addresses lead where, which an article took back, and which wait for their article.

    ``renames``: extract's record (old slug -> new slug, ``orphans.RENAMES_FILE``); ``recorded``: ``RECORD`` as
    the last build left it; ``before``: ``published_before``; ``current``: the slugs of every German source now
    (published, draft or unreadable); ``moved``: ``moved_files``; ``committed``: old slug -> slug of the renames
    the templates record (``committed``), whose kept addresses are marked so, and ``guessed`` those of them whose
    ``before`` is every language, no build having recorded their addresses (``Renamed.guessed``). An old slug that
    is no source's now leads to the article its renames end at, through any later renames (the last build's answer
    first: extract forgets a rename once its old name is an article's again); none when the chain ends at no source
    (deleted) or loops.
    Returns the addresses kept (sorted by old slug); those the last build kept whose old slug a source has now
    (that source's page wins); and those the last build kept whose article is no source now (deleted, or renamed
    in a way no record tells): recorded still, they lead to it again should it come back."""
    def next_of(slug: str) -> str | None:
        entry = recorded.get(slug)
        target = entry.get("to") if isinstance(entry, dict) else None
        target = target if isinstance(target, str) else renames.get(slug, (moved or {}).get(slug))
        return target if isinstance(target, str) else None

    kept, taken, waiting = [], [], []
    for old in sorted(before):
        if old in current:
            entry = recorded.get(old)
            if isinstance(entry, dict) and isinstance(entry.get("to"), str) and entry["to"] in current:
                taken.append(Renamed(old, entry["to"], tuple(sorted(before[old]))))
            continue
        seen, slug = {old}, next_of(old)
        while slug is not None and slug not in current and slug not in seen:
            seen.add(slug)
            slug = next_of(slug)
        if slug is not None and slug in current and slug not in seen:
            kept.append(Renamed(old, slug, tuple(sorted(before[old])), (committed or {}).get(old) == slug,
                                old in guessed))
        elif isinstance(entry := recorded.get(old), dict) and isinstance(entry.get("to"), str):
            waiting.append(Renamed(old, entry["to"], tuple(sorted(before[old]))))
    return kept, taken, waiting


def record(kept: Sequence[Renamed]) -> dict[str, dict]:
    """``kept`` as ``RECORD`` for the next build."""
    return {r.old: {"to": r.to, "langs": list(r.langs)} for r in kept}

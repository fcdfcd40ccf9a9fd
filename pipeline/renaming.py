"""Part of the extract stage: which kept catalog of a gone article belongs to which new one (a renamed article).

A German file renamed (``alt.md`` -> ``neu.md``) leaves catalogs under the old slug and an article without any;
``extract`` moves them along (``extract_article``) when this module says they are the same article. The evidence
is the German they share that no other article has: the title and the body sentences. German that other articles'
templates (or other kept catalogs) have too (a closing call to action, a disclaimer, a shared heading) is
boilerplate, evidence of nothing: trial 24's ``magnesium.md`` was deleted and its reviewed catalog, its addresses
and its feed id went to an unrelated ``eisen.md`` that shared only ``**Haben Sie Fragen?** [Rufen Sie uns an]``.

An article takes a catalog when at least half of its own German (boilerplate left out) is in it, the catalog fits
no other new article about as well and no other kept catalog fits the article about as well (a translated one is
preferred to an empty one, which tells them apart, as a reviewer would). Two that fit about equally are never
told apart by file name or order: neither is moved, and extract says so, naming both and how to move one by hand;
so it does of a catalog whose only overlap with a new article is boilerplate. Decided once per run for every
article, before any is extracted, so the answer is the same in any order.
"""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import VerlagError, excerpt
from .fsutil import read_bytes, relpath
from .limits import CATALOG
from .sources import Article

HALF = 0.5  # of an article's own German a catalog must hold to be taken for its renamed one
ABOUT = 0.1  # two fits closer than this are about equal: neither is taken

Key = tuple[str | None, str]


@dataclass(frozen=True)
class _Kept:
    """A kept catalog: its path, the (msgctxt, msgid) keys of its entries in use, whether any is translated."""

    path: Path
    keys: frozenset[Key]
    translated: bool


def plan(config: Config, wanting: dict[str, list[Article]], orphans: dict[str, list[Path]],
         paused: Iterable[str], slugs: Iterable[str]) -> tuple[dict[str, dict[str, Path]], list[str], list[str]]:
    """(language -> article slug -> the kept catalog its catalog is made from, as the same article renamed;
    notes; warnings). ``wanting``: language -> the articles with no catalog there (``orphans.wanting``);
    ``orphans``: language -> kept catalogs (``orphans.find_orphans``); ``paused``: slugs of the articles that say
    ``translate: false``, whose catalogs are theirs; ``slugs``: every article there is."""
    from .catalog import key

    paused = set(paused)
    fresh = _fresh_keys(config, {a.slug: a for articles in wanting.values() for a in articles}.values())
    templates = dict(fresh)
    for slug in set(slugs) - set(fresh):
        if (found := _template_keys(config, slug)) is not None:
            templates[slug] = found
    taken: dict[str, dict[str, Path]] = {}
    notes: list[str] = []
    warnings: list[str] = []
    by_slug = {a.slug: a for articles in wanting.values() for a in articles}
    for lang, articles in wanting.items():
        kept: list[_Kept] = []
        others: list[frozenset[Key]] = []  # paused articles' catalogs: German of articles there are
        for path in orphans.get(lang, []):
            po = _read(config, path)
            if po is None:
                continue
            entries = [e for e in po if not e.obsolete and e.msgid]
            keys = frozenset(key(e) for e in entries)
            if path.stem in paused:
                others.append(keys)
            else:
                kept.append(_Kept(path, keys, any(e.msgstr or any(e.msgstr_plural.values()) for e in entries)))
        new = [a for a in articles if a.slug in fresh]
        if not kept or not new:
            continue
        # in how many articles' German (templates, kept and paused catalogs) each key is: 2 is the pair's alone
        owners = Counter(k for keys in [*templates.values(), *(c.keys for c in kept), *others] for k in keys)
        fits: dict[tuple[Path, str], float] = {}
        for catalog in kept:
            for article in new:
                wanted = fresh[article.slug]
                own = [k for k in wanted if owners[k] - (k in catalog.keys) == 1]
                shared = [k for k in own if k in catalog.keys]
                if shared and len(shared) / len(own) >= HALF:
                    fits[catalog.path, article.slug] = len(shared) / len(own)
        decided = _match(fits, {c.path: c.translated for c in kept})
        taken[lang] = {slug: path for path, slug in decided.items()}
        for catalog in kept:
            if catalog.path in decided:
                continue
            fitting = [slug for (path, slug) in fits if path == catalog.path]
            rivals = sorted((s for s in fitting if s not in taken[lang]), key=lambda s: by_slug[s].ref)
            if len(rivals) > 1:
                warnings.append(_tie(config, catalog.path, [by_slug[s] for s in rivals]))
            elif not fitting:  # what the old rule (half of an article's entries in the catalog) took: say why not
                near = [a for a in new if a.slug not in taken[lang]
                        and len(fresh[a.slug] & catalog.keys) >= HALF * len(fresh[a.slug])]
                if near:
                    common = sorted({k for a in near for k in fresh[a.slug] & catalog.keys},
                                    key=lambda k: (-owners[k], k[1]))
                    notes.append(_boilerplate(config, catalog.path, near, common[0][1]))
        for article in new:
            rivals = sorted((path for (path, slug) in fits if slug == article.slug and path not in decided), key=str)
            if article.slug not in taken[lang] and len(rivals) > 1:
                warnings.append(_tie_of_catalogs(config, article, rivals))
    return taken, notes, warnings


def _match(fits: dict[tuple[Path, str], float], translated: dict[Path, bool]) -> dict[Path, str]:
    """Kept catalog -> the article it goes to: each pair that is the clear best of both the catalog (of the
    articles it fits) and the article (of the catalogs that fit it; of two that fit about equally, a translated
    one before an empty one)."""
    decided: dict[Path, str] = {}
    while open_fits := {(p, s): fit for (p, s), fit in fits.items() if p not in decided and s not in decided.values()}:
        found = {}  # the pairs clear now; those taken leave the others fewer rivals
        for path in sorted({p for p, _ in open_fits}):
            slug = _best({s: fit for (p, s), fit in open_fits.items() if p == path}, {})
            if slug is not None and _best({p: fit for (p, s), fit in open_fits.items() if s == slug},
                                          translated) == path:
                found[path] = slug
        if not found:
            break
        decided.update(found)
    return decided


def _best(fits: dict, preferred: dict) -> object | None:
    """The one of ``fits`` (option -> fit) that fits clearly best, or of those within ``ABOUT`` of the best the one
    ``preferred`` marks (a translated catalog), if only one is; else None: no guess."""
    top = max(fits.values())
    close = [option for option, fit in fits.items() if top - fit < ABOUT]
    if len(close) > 1:
        close = [option for option in close if preferred.get(option)]
    return close[0] if len(close) == 1 else None


def _by_hand(config: Config, path: Path, articles: Sequence[Article]) -> str:
    """How the author moves the kept catalog ``path`` to one of ``articles`` by hand."""
    old = relpath(path, config.root)
    new = relpath(config.po_path(path.parent.name, articles[0].slug), config.root)
    return (f"if {'one' if len(articles) > 1 else 'it'} is {path.stem}.md renamed, move the catalog over the one "
            f"extract made ({'e.g. ' if len(articles) > 1 else ''}mv {shlex.quote(old)} {shlex.quote(new)}), run "
            f"verlag extract and add 'aliases: [{path.stem}]' to its front matter for the old addresses")


def _tie(config: Config, path: Path, articles: Sequence[Article]) -> str:
    """What extract says of a kept catalog that two or more new articles fit about equally."""
    return (f"{relpath(path, config.root)}: not moved along: {' and '.join(a.ref for a in articles)} fit it about "
            "equally, and verlag does not tell them apart by guess: it is kept as a deleted article's catalog, each "
            "new article gets one of its own; " + _by_hand(config, path, articles))


def _tie_of_catalogs(config: Config, article: Article, paths: Sequence[Path]) -> str:
    """What extract says of a new article that two or more kept catalogs fit about equally."""
    names = " and ".join(relpath(p, config.root) for p in paths)
    return (f"{article.ref}: {names} fit it about equally, and verlag does not tell them apart by guess: neither "
            f"is moved along, the article gets a catalog of its own; {_by_hand(config, paths[0], [article])}")


def _boilerplate(config: Config, path: Path, articles: Sequence[Article], sample: str) -> str:
    """What extract says of a kept catalog whose only overlap with the new ``articles`` is German other articles
    have too."""
    many = len(articles) > 1
    return (f"{relpath(path, config.root)}: not moved to {' or '.join(a.ref for a in articles)}: "
            f"{'they share' if many else 'it shares'} only German other articles have too ({excerpt(sample)!r} …: "
            f"boilerplate, no sign of the same article), so {'each' if many else 'it'} gets a catalog of its own, "
            "where verlag pretranslate offers that German's reviewed translations from the translation memory; "
            + _by_hand(config, path, articles))


def _fresh_keys(config: Config, articles: Iterable[Article]) -> dict[str, frozenset[Key]]:
    """Slug -> the keys of each article's template as this run makes it (one that cannot be segmented is left
    out: extract names it)."""
    from . import doccache
    from .catalog import build_pot, key

    found = {}
    for article in articles:
        try:
            found[article.slug] = frozenset(key(e) for e in build_pot(doccache.document(config, article),
                                                                      config.name, ""))
        except VerlagError:
            continue
    return found


def _template_keys(config: Config, slug: str) -> frozenset[Key] | None:
    """The keys of the template of the article ``slug`` on disk (None: none, or one that cannot be read)."""
    from .pofile import keys

    path = config.pot_path(slug)
    try:
        data = read_bytes(path, CATALOG, relpath(path, config.root))
        return None if data is None else frozenset(keys(data.decode("utf-8")))
    except (OSError, ValueError, VerlagError):
        return None


def _read(config: Config, path: Path):
    """The kept catalog at ``path``, None when it cannot be read (``orphans`` names it)."""
    from .catalog import po_from_bytes

    try:
        return po_from_bytes(read_bytes(path, CATALOG, relpath(path, config.root)), relpath(path, config.root))
    except (OSError, VerlagError):
        return None

"""The addresses of an imported Hugo site besides its pages', which the articles' ``aliases`` do not keep.

Hugo also served, in each of its languages (``HugoLanguages.prefix``), the site's and each section's feed
(``/index.xml``, ``/posts/index.xml``), each section's list (``/posts/``), each taxonomy's and term's list and
feed (``/tags/``, ``/tags/nacken/``, ``/tags/nacken/index.xml``) and the files of ``static/`` at their path
(but ``robots.txt``, ``favicon.ico`` and ``sitemap.xml``, which the new site writes itself)
(https://gohugo.io/content-management/urls/, https://gohugo.io/content-management/taxonomies/,
https://gohugo.io/templates/rss/). verlag redirects only an article's old addresses, so these answer 404 after
the move: ``old_addresses`` names each with where its content is now (the language's feed or home page, an
image's copy), for the import's summary and a rule on the host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .importer import IMAGES_DIR

# Hugo's taxonomies where the config sets none (https://gohugo.io/content-management/taxonomies/#default-taxonomies).
DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}


@dataclass(frozen=True)
class OldAddress:
    """An old site path (``/en/index.xml``) and the path of the new site that has its content now
    (``/en/feed.xml``), None where nothing does (a static file not imported)."""

    path: str
    now: str | None


def old_addresses(root: Path, pages: Iterable[tuple[Path, str | None]], source_dir: Path,
                  new_path: Callable[..., str], source_language: str, languages: Iterable[str]) -> list[OldAddress]:
    """The addresses of the Hugo site at ``root`` that no article keeps, in order. ``pages``: each imported page's
    file with its Hugo language (None: the German pages); a static file leads to its copy in ``source_dir``'s
    ``bilder/`` (the same bytes, copied by this import or an earlier one); ``new_path``: ``site.Urls.path`` of the
    new site; a Hugo language the project does not publish leads to the German (``source_language``) pages."""
    from .importer_folder import hugo_languages, hugo_page, hugo_settings
    from .importer_markdown import read_front

    hugo = hugo_languages(root)
    settings = hugo_settings(root)
    base = re.sub(r"^[a-z]+://[^/]+", "", str(settings.get("baseurl") or "")).rstrip("/")
    taxonomies = settings.get("taxonomies")
    taxonomies = {str(k): str(v) for k, v in taxonomies.items()} if isinstance(taxonomies, dict) else \
        DEFAULT_TAXONOMIES
    published = {source_language.lower(), *(lang.lower() for lang in languages)}
    found: dict[str, str | None] = {}
    for file, lang in pages:
        where, front = hugo_page(file), {str(k).lower(): v for k, v in read_front(file).items()}
        if where is None or front.get("draft") is True:  # a draft had no address, nor lists it showed in
            continue
        lang = (lang or (source_language if hugo.configured else None))
        prefix = base + hugo.prefix(lang)
        shown = lang.lower() if lang and lang.lower() in published else source_language
        feed, index = new_path("feed", lang=shown), new_path("index", lang=shown)
        found.setdefault(prefix + "/index.xml", feed)
        rel = file.absolute().relative_to(where[0])
        if len(rel.parts) > 1:
            found.setdefault(f"{prefix}/{rel.parts[0]}/", index)
            found.setdefault(f"{prefix}/{rel.parts[0]}/index.xml", feed)
        for plural in taxonomies.values():  # a page names its terms under the taxonomy's plural
            terms = front.get(plural.lower())
            terms = [terms] if isinstance(terms, str) else terms if isinstance(terms, list) else []
            for term in (t for t in terms if isinstance(t, str) and t.strip()):
                found.setdefault(f"{prefix}/{plural}/", index)
                found.setdefault(f"{prefix}/{plural}/{_urlize(term)}/", index)
                found.setdefault(f"{prefix}/{plural}/{_urlize(term)}/index.xml", feed)
    copies: dict[int, list[Path]] = {}  # by size: a static file is read only when a copy has its size
    for copy in sorted((source_dir / IMAGES_DIR).iterdir()) if (source_dir / IMAGES_DIR).is_dir() else ():
        if copy.is_file():
            copies.setdefault(copy.stat().st_size, []).append(copy)
    static, own = root / "static", {new_path(kind) for kind in ("robots", "favicon", "sitemap")}
    for file in sorted(static.rglob("*")) if static.is_dir() and static.resolve().is_relative_to(root.resolve()) \
            else ():  # a static/ symlinked out of the site: its files are no part of it
        old = f"{base}/{file.relative_to(static).as_posix()}"
        if file.is_file() and old not in own and not any(p.startswith(".") for p in file.relative_to(static).parts):
            try:
                same = copies.get(file.stat().st_size, [])
                data = file.read_bytes() if same else b""
                name = next((f"{IMAGES_DIR}/{copy.name}" for copy in same if copy.read_bytes() == data), None)
            except OSError:  # unreadable: named as not imported, which it was not
                name = None
            found.setdefault(old, new_path("media", name=name) if name else None)
    return [OldAddress(path, now) for path, now in found.items()]


def _urlize(term: str) -> str:
    """A taxonomy term as Hugo's ``urlize`` writes it in an address: lower case, spaces as hyphens."""
    return re.sub(r"[^\w\-.]", "", re.sub(r"\s+", "-", term.strip().lower()))

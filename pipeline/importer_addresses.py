"""The addresses of an imported Hugo or Jekyll site or WordPress blog besides its pages', which the articles'
``aliases`` do not keep.

Hugo also served, in each of its languages (``HugoLanguages.prefix``), the site's and each section's feed
(``/index.xml``, ``/posts/index.xml``), each section's list (``/posts/``), each taxonomy's and term's list and
feed (``/tags/``, ``/tags/nacken/``, ``/tags/nacken/index.xml``) and the files of ``static/`` at their path
(but ``robots.txt``, ``favicon.ico`` and ``sitemap.xml``, which the new site writes itself)
(https://gohugo.io/content-management/urls/, https://gohugo.io/content-management/taxonomies/,
https://gohugo.io/templates/rss/). verlag redirects only an article's old addresses, so these answer 404 after
the move: ``old_addresses`` names each with where its content is now (the language's feed or home page, an
image's copy), for the import's summary and a rule on the host.

A Jekyll site served only what its config and files made (``jekyll_addresses``): jekyll-feed's feed
(``/feed.xml``, https://github.com/jekyll/jekyll-feed), a feed template at its top (``atom.xml``),
jekyll-paginate's pages (``/page2/``, https://jekyllrb.com/docs/pagination/), jekyll-archives' tag, category
and date lists (``/tag/nacken/``, https://github.com/jekyll/jekyll-archives/blob/master/docs/configuration.md)
and its own list pages at its top (``tags.md``, ``categories.html``). A WordPress blog with pretty permalinks
(https://wordpress.org/documentation/article/customize-permalinks/) served its feed (``/feed/``), each category's
and tag's list and feed (``/category/tee/``, ``/tag/nacken/feed/``), each author's (``/author/anna/``, its feed
and further pages), its date archives (``/2024/``, ``/2024/05/``) and the home page's further pages (``/page/2/``,
10 posts a page unless its settings, which the export does not hold, said otherwise): ``wordpress_addresses``
takes them from the export's published posts, a multilingual blog's (Polylang, WPML) in each language's folder
(``/en/feed/``, https://polylang.pro/doc/url-modifications/). Plain permalinks' addresses are queries
(``/?feed=rss2``), which no static host can redirect.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Mapping

from .errors import VerlagError
from .fsutil import file_bytes
from .importer import IMAGES_DIR
from .limits import MEDIA
from .urlparts import NO_ADDRESS, split_url

# Hugo's taxonomies where the config sets none (https://gohugo.io/content-management/taxonomies/#default-taxonomies).
DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}
WP_PER_PAGE = 10  # WordPress's posts_per_page unless its Reading settings say otherwise (not in the export)
# jekyll-archives' default permalinks of each kind it may be enabled for.
JEKYLL_ARCHIVES = {"year": "/:year/", "month": "/:year/:month/", "day": "/:year/:month/:day/", "tags": "/tag/:name/",
                   "categories": "/category/:name/"}
# A Jekyll site's own page at its top that lists posts (its file name or permalink): leads to the home page.
JEKYLL_LIST_PAGES = frozenset({"tags", "categories", "archive", "archives", "archiv", "kategorien", "schlagworte",
                               "blog", "posts"})
FEED_TEMPLATES = ("feed.xml", "atom.xml", "rss.xml")  # a Jekyll site's own feed at its top (a Liquid template)


@dataclass(frozen=True)
class OldAddress:
    """An old site path (``/en/index.xml``) and the path of the new site that has its content now
    (``/en/feed.xml``), None where nothing does (a static file not imported), and a ``note`` on it where the
    summary says more."""

    path: str
    now: str | None
    note: str | None = None  # why it leads where it does, for the import's summary


def old_addresses(root: Path, pages: Iterable[tuple[Path, str | None]], source_dir: Path,
                  new_path: Callable[..., str], source_language: str, languages: Iterable[str],
                  language_map: Mapping[str, str] = MappingProxyType({}),
                  copied: Mapping[Path, Path] = MappingProxyType({})) -> list[OldAddress]:
    """The addresses of the Hugo site at ``root`` that no article keeps, in order. ``pages``: each imported page's
    file with its Hugo language (None: the German pages); a static file leads to its copy in ``source_dir``'s
    ``bilder/`` (the same bytes, copied by this import or an earlier one); ``new_path``: ``site.Urls.path`` of the
    new site; a Hugo language the project does not publish leads to the German (``source_language``) pages, one
    that is another of the project's languages (``language_map``, Hugo's ``en`` -> ``en-GB``) to that one's.
    ``copied``: the files this import copies (-> their copy in ``bilder/``), which a dry run names as the real run
    does, though it copied nothing (trial 38: it said "not imported" of an image the real run copied)."""
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
        shown = language_map.get(lang.lower()) if lang and lang.lower() in language_map else \
            lang.lower() if lang and lang.lower() in published else source_language
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
            if (planned := copied.get(file.absolute())) is not None:
                found.setdefault(old, new_path("media", name=f"{IMAGES_DIR}/{planned.name}"))
                continue
            try:
                same = copies.get(file.stat().st_size, [])
                data = file_bytes(file, MEDIA) if same else b""
                name = next((f"{IMAGES_DIR}/{copy.name}" for copy in same if file_bytes(copy, MEDIA) == data), None)
            except (OSError, VerlagError):  # unreadable, too large: named as not imported, which it was not
                name = None
            found.setdefault(old, new_path("media", name=name) if name else None)
    return [OldAddress(path, now) for path, now in found.items()]


def _urlize(term: str) -> str:
    """A taxonomy term as Hugo's ``urlize`` writes it in an address: lower case, spaces as hyphens."""
    return re.sub(r"[^\w\-.]", "", re.sub(r"\s+", "-", term.strip().lower()))


def jekyll_addresses(root: Path, posts: Iterable[Path], new_path: Callable[..., str],
                     source_language: str) -> list[OldAddress]:
    """The addresses of the Jekyll site at ``root`` besides its posts' (see the module's text), each with the new
    site's German (``source_language``) feed or home page, in order. ``posts``: its files imported (a draft's
    terms had no list); ``new_path``: ``site.Urls.path`` of the new site."""
    from .importer_folder import jekyll_root
    from .importer_markdown import POST_NAME_RE, read_front

    settings = (jekyll_root(root / "_config.yml") or (root, {}))[1]
    base = (split_url(str(settings.get("baseurl") or "")) or NO_ADDRESS).path.rstrip("/")
    plugins = {str(p) for key in ("plugins", "gems") for p in _listed(settings.get(key))}
    feed, index = new_path("feed", lang=source_language), new_path("index", lang=source_language)
    found: dict[str, str] = {}
    if "jekyll-feed" in plugins:
        path = settings.get("feed").get("path") if isinstance(settings.get("feed"), dict) else None
        found[f"{base}/{str(path or 'feed.xml').lstrip('/')}"] = feed
    for name in FEED_TEMPLATES:
        if (root / name).is_file():
            found.setdefault(f"{base}/{name}", feed)
    pretty = str(settings.get("permalink") or "") == "pretty"
    for page in sorted(root.glob("*")):
        if page.suffix.lower() in (".md", ".markdown", ".html") and page.is_file():
            own = str(read_front(page).get("permalink") or "")
            if page.stem.lower() in JEKYLL_LIST_PAGES or own.strip("/").rpartition("/")[2] in JEKYLL_LIST_PAGES:
                found.setdefault(base + (own if own.startswith("/") else f"/{page.stem}/" if pretty
                                         else f"/{page.stem}.html"), index)
    published = []
    for post in posts:
        front = {str(k).lower(): v for k, v in read_front(post).items()}
        if "_drafts" not in post.parts and front.get("published") is not False:
            published.append((post, front))
    per_page = settings.get("paginate")
    if "jekyll-paginate" in plugins and isinstance(per_page, int) and per_page > 0:
        pattern = str(settings.get("paginate_path") or "/page:num/")
        for number in range(2, math.ceil(len(published) / per_page) + 1):
            found.setdefault(base + pattern.replace(":num", str(number)), index)
    archives = settings.get("jekyll-archives") if "jekyll-archives" in plugins else None
    if isinstance(archives, dict):
        enabled = archives.get("enabled")
        enabled = set(JEKYLL_ARCHIVES) if enabled in ("all", True) else {str(e) for e in _listed(enabled)}
        links = {**JEKYLL_ARCHIVES, **(archives.get("permalinks") if isinstance(archives.get("permalinks"), dict)
                                       else {})}
        for post, front in published:
            named = POST_NAME_RE.match(post.stem)
            day = named.group(1, 2, 3) if named else None
            values = {kind: [w for v in _listed(front.get(kind)) for w in str(v).split()]  # Jekyll splits a string
                      for kind in ("tags", "categories")}
            for kind in sorted(enabled & set(JEKYLL_ARCHIVES)):
                link = str(links[kind])
                if kind in values:
                    for term in values[kind]:
                        found.setdefault(base + link.replace(":name", _urlize(str(term))), index)
                elif day:
                    found.setdefault(base + link.replace(":year", day[0]).replace(":month", day[1])
                                     .replace(":day", day[2]), index)
    return [OldAddress(path, now) for path, now in found.items()]


def wordpress_addresses(data: bytes, new_path: Callable[..., str], source_language: str,
                        languages: Iterable[str] = (), private: bool = False,
                        chosen: Mapping[str, str] = MappingProxyType({})) -> list[OldAddress]:
    """The addresses of the WordPress blog whose export (WXR) is ``data`` besides its posts' and pages' (see the
    module's text), each with the new site's feed or home page, in order; none for an export without a published
    post, or one whose posts had plain permalinks (``?p=140``). A multilingual blog (Polylang, WPML:
    ``importer_html.wxr_language``) served each language's posts, feed and lists in its folder (``/en/feed/``,
    ``/en/category/tea/``): those lead to that language's feed or home page when it is one of ``languages``,
    else to the German (``source_language``) ones; a language on a domain of its own (Polylang's
    ``en.example.de``) alike, its addresses there given whole (``https://en.example.de/feed/``): no rule of the new
    site answers another host. An address
    that listed only password-protected posts says so (``OldAddress.note``): left out of the import, or with
    ``private`` (``--private``) imported as drafts the site does not publish. ``chosen``: a blog's language ->
    the project's (``--language-map``), where it names several (``importer_translations.project_language``)."""
    from .importer_html import _children, _text, polylang_groups, wxr_language, wxr_tree
    from .importer_translations import project_language

    try:
        channel = next(iter(_children(wxr_tree(data, Path()).root, "channel")), None)
    except VerlagError:  # read_wxr names it
        return []
    if channel is None:
        return []
    # an address urlsplit cannot read (``urlparts``) is none: the blog's or the post's lists are not known by it
    home = split_url(_text(channel, "base_blog_url") or _text(channel, "link")) or NO_ADDRESS
    base = home.path.rstrip("/")
    posts = [item for item in _children(channel, "item")
             if _text(item, "post_type") == "post" and _text(item, "status") == "publish"]
    if not posts or any((split_url(_text(item, "link")) or NO_ADDRESS).query for item in posts):
        return []
    described, _ = polylang_groups(channel, Path())  # read_wxr names a broken one
    # where a language's lists were ("" and "/en" below the blog's address, "https://en.example.de/blog" on a
    # domain of its own) -> (the language its lists lead to, its posts)
    folders: dict[str, tuple[str, list]] = {base: (source_language, [])}
    for item in posts:
        link, code = split_url(_text(item, "link")) or NO_ADDRESS, wxr_language(item, described)
        own_host = bool(link.netloc and home.netloc and link.netloc.lower() != home.netloc.lower())
        rest = link.path[len(base):] if link.path.startswith(base) else link.path
        folder = f"/{code}" if code and not own_host and rest.lower().startswith(f"/{code.lower()}/") else ""
        mapped = project_language(code, languages, chosen) if folder or own_host else None
        lang = mapped if isinstance(mapped, str) else source_language
        where = f"{link.scheme or home.scheme or 'https'}://{link.netloc.lower()}" if own_host else ""
        folders.setdefault(where + base + folder, (lang, []))[1].append(item)
    found: dict[str, tuple[str, list]] = {}
    for folder, (lang, listed) in folders.items():
        if listed:
            _wordpress_lists(found, folder, listed, new_path("feed", lang=lang), new_path("index", lang=lang))
    return [OldAddress(path, now, _left_out(items, private)) for path, (now, items) in found.items()]


def _wordpress_lists(found: dict[str, tuple[str, list]], prefix: str, posts: list, feed: str, index: str) -> None:
    """Add to ``found`` (address -> (its new path, the posts it listed)) the feed and lists of the WordPress blog
    (or one language's folder of it) at ``prefix`` that its published ``posts`` show, ``feed`` and ``index`` the
    new site's paths the feeds and lists lead to."""
    from .importer_html import _children, _text

    def add(path: str, now: str, items: list) -> None:
        found.setdefault(path, (now, []))[1].extend(items)

    newest = sorted(posts, key=lambda item: _text(item, "post_date"), reverse=True)
    add(f"{prefix}/feed/", feed, posts)
    for number in range(2, math.ceil(len(posts) / WP_PER_PAGE) + 1):
        add(f"{prefix}/page/{number}/", index, newest[(number - 1) * WP_PER_PAGE:number * WP_PER_PAGE])
    for item in posts:
        for term in _children(item, "category"):
            kind = {"category": "category", "post_tag": "tag"}.get(term.get("domain"))
            if kind and term.get("nicename"):
                add(f"{prefix}/{kind}/{term.get('nicename')}/", index, [item])
                add(f"{prefix}/{kind}/{term.get('nicename')}/feed/", feed, [item])
    written: dict[str, list] = {}  # each author's published posts, by the nicename of their archive's address
    for item in newest:
        if name := _nicename(_text(item, "creator")):
            written.setdefault(name, []).append(item)
    for name, items in written.items():
        add(f"{prefix}/author/{name}/", index, items[:WP_PER_PAGE])
        add(f"{prefix}/author/{name}/feed/", feed, items)
        for number in range(2, math.ceil(len(items) / WP_PER_PAGE) + 1):
            add(f"{prefix}/author/{name}/page/{number}/", index, items[(number - 1) * WP_PER_PAGE:number * WP_PER_PAGE])
    months: dict[str, list] = {}
    for item in posts:
        if re.fullmatch(r"\d{4}-\d{2}", month := _text(item, "post_date")[:7]):
            months.setdefault(month, []).append(item)
    for month in sorted(months):
        add(f"{prefix}/{month[:4]}/", index, months[month])
        add(f"{prefix}/{month[:4]}/{month[5:7]}/", index, months[month])


def _left_out(items: list, private: bool = False) -> str | None:
    """Why an old list address leads to the home page though the posts it listed are not there: all ``items``
    were password-protected (WordPress listed them; the import leaves them out, with ``private`` brings them in as
    drafts, which the site does not publish); None otherwise."""
    from html import unescape

    from .importer_html import _text

    if not items or not all(_text(item, "post_password") for item in items):
        return None
    titles = list(dict.fromkeys(unescape(_text(item, "title")) or _text(item, "post_id") for item in items))
    what = ("only password-protected posts, imported with --private as German-only drafts the site does not "
            "publish" if private else "only posts left out, password-protected")
    return f"it listed {what}: {'; '.join(titles)}; a reader finds the other posts on the home page"


def _nicename(login: str) -> str:
    """The ``user_nicename`` WordPress gives the user ``login`` (the export holds only the login), which names their
    archive ``/author/<nicename>/``: ``sanitize_title``'s reading, lower case, "." and spaces as "-", other
    characters but letters, digits, "_" and "-" dropped (https://developer.wordpress.org/reference/functions/
    sanitize_title_with_dashes/); "" for none."""
    name = re.sub(r"[^a-z0-9_\-]", "", re.sub(r"[.\s]+", "-", login.strip().lower()))
    return re.sub(r"-+", "-", name).strip("-")


def _listed(value) -> list:
    """A config or front-matter value that is one item or a list of them, as a list."""
    return value if isinstance(value, list) else [value] if isinstance(value, (str, int)) and value != "" else []

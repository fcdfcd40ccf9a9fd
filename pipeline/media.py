"""Local files the German articles reference (images, PDFs): found in the sources, copied into the site.

An author writes ``![Brennnessel](bilder/brennnessel.jpg)`` or
``[Merkblatt](dateien/merkblatt.pdf)`` relative to ``source_de/``, as their
editor previews it. Pages live at ``site/<lang>/<slug>/``, so the site stage
copies each referenced file once to ``site/media/<path in source_de>`` and
the render stage points every edition's ``src``/``href`` there.

Only what the German original references is copied: a translation reaches
the same files through the same (unchanged) paths and nothing else. A path
that leaves ``source_de/`` (``../``, or a symlink pointing out) is refused
with an error: the build must never publish the project's other files. A path
starting with ``/`` is a URL on the web server, not a file of the article, and
is left alone; so is any URL with a scheme (never fetched). A referenced file
that does not exist is a warning: the page keeps the link, which would 404.

A file may have language variants beside it, ``bilder/schema.en.png`` for
``bilder/schema.png``: the edition in that language shows the variant, every
other edition the original. Both are copied (``variants``).
"""

from __future__ import annotations

import os
import posixpath
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Container, Iterable, Iterator, Mapping, Sequence
from urllib.parse import quote, unquote

from .errors import VerlagError
from .fsutil import IsAFolder, NotAFile, code_digest, file_bytes, regular
from .limits import HEAVY_IMAGE, IMAGE_SUFFIXES, MEDIA, size_text
from .sources import Article, normalization
from .urlparts import NO_ADDRESS, site_host, split_url
from .variants import language_variant

if TYPE_CHECKING:
    from .config import Config
    from .doccache import StoredLinks
    from .fragments import PageIds
    from .segment import Document


@dataclass(frozen=True)
class Media:
    """What the site copies: per article slug, the referenced files (path in source_de/ -> file)."""

    files: dict[str, dict[str, Path]]
    warnings: tuple[str, ...] = ()
    scanned: dict = field(default_factory=dict, compare=False)  # slug -> [digest, ``_cached``'s parts]: the cache
    errors: tuple[VerlagError, ...] = ()  # references that leave source_dir: those files are not published
    asks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug -> the files of the site's media/ its
    # root-relative links and images name (``/media/bilder/x.png`` -> bilder/x.png), in order
    copied: frozenset[str] = frozenset()  # every file the site's media/ holds after the build, as a path in source_de/
    # (file, line, slug, message) of each reference to a file whose name differs only in case from another's
    # (``case_clashes``); among ``warnings`` too
    clashes: tuple[tuple[str, int, str, str], ...] = ()
    # (file, line, slug, message) at the first reference to each image over ``limits.HEAVY_IMAGE``; among ``warnings``
    heavy: tuple[tuple[str, int, str, str], ...] = ()
    # (file, line, slug, message) of each reference to a file of source_dir that is not there; among ``warnings``
    missing: tuple[tuple[str, int, str, str], ...] = ()

    def all(self) -> dict[str, Path]:
        return {rel: path for refs in self.files.values() for rel, path in refs.items()}

    def key(self, slug: str) -> list[str]:
        """What an article's rendered HTML depends on here: the files it may point to, and whether each file of
        the site's media/ its root-relative links name is there (a link to one that is not is shown as text)."""
        return [*sorted(self.files.get(slug, {})),
                *(f"/{name} {'copied' if name in self.copied else 'missing'}" for name in self.asks.get(slug, ()))]

    def for_language(self, slug: str, rel: str, lang: str) -> str | None:
        """The file an edition in ``lang`` shows for ``rel`` (a path the German original references): its
        language variant when there is one, else ``rel``; None when the article references no such file."""
        mine = self.files.get(slug, {})
        if rel not in mine:
            return None
        variant = language_variant(rel, lang)
        return variant if variant in mine else rel


def outdated_variants(media: Media, languages: Iterable[str],
                      stale: set[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(slug, lang, variant, original) for each variant in ``stale`` (``stale_originals``) that an article uses
    beside its original, per article, file and language."""
    languages = tuple(languages)
    return [(slug, lang, language_variant(rel, lang), rel)
            for slug, mine in sorted(media.files.items()) for rel in sorted(mine) for lang in languages
            if (lang, unicodedata.normalize("NFC", rel)) in stale and language_variant(rel, lang) in mine]


WEB = ("http://", "https://")  # a URL starting so has a scheme (RFC 3986 3.1): no file of source_de/


def file_path(url: str) -> str | None:
    """The path in source_de/ that a relative URL names (fragment and query dropped, %-escapes decoded),
    or None for what is no local file: URLs with a scheme or host (also one ``urlsplit`` cannot read, ``urlparts``:
    ``//[::1/x.png``), site paths (``/...``), folders, fragments, and Markdown files (links to other articles,
    which the render stage handles).

    The result may start with ``../``: the caller decides what that means.
    """
    if url.startswith(WEB):  # most references; urlsplit's answer for them, without its cost
        return None
    parts = split_url(url)
    if parts is None:
        return None
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path or path.startswith("/") or path.endswith("/") \
            or path.endswith(".md"):
        return None
    return posixpath.normpath(path)


def linked_article(url: str) -> str | None:
    """The slug a relative link to another article names (``zecken.md``, ``../source_de/zecken.md#x``), else None
    (also for an address ``urlsplit`` cannot read, ``//[::1/x.md``)."""
    if url.startswith(WEB):
        return None
    parts = split_url(url)
    if parts is None:
        return None
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path.endswith(".md"):
        return None
    return posixpath.basename(path).removesuffix(".md")


def on_site(path: str, base_path: str) -> str:
    """The path a site-root-relative ``path`` names on a site served under ``base_path`` (``Urls.base_path``): as
    written where it lies there already (or the site is at the host's root), else below it: the author writes the
    site's own addresses from the site's root (``/media/bilder/tee.png``, ``/de/feed.xml``), which under
    ``base_url = "https://example.org/praxis/"`` are ``/praxis/media/bilder/tee.png`` and ``/praxis/de/feed.xml``."""
    if base_path == "/" or path.startswith(base_path):
        return path
    if path == base_path.rstrip("/"):
        return base_path
    return base_path + path.lstrip("/")


def own_site_path(url: str, host: str, base_path: str = "/") -> str | None:
    """The site-root-relative form (path, query and fragment) of ``url``, a full http or https URL on the new
    site's own host ``host`` (``urlparts.site_host`` of base_url's: lower case, without ``www.``, so that both forms
    of the host are the site, as ``redirects.old_hosts`` counts them) below ``base_path``; None for any other URL
    ("" ``host``: none), and for one outside ``base_path``, a page of the host the site does not hold. An old blog
    on the new site's domain (the usual move) left such addresses in the articles: once the new site replaces it,
    they are asked of the new site, which must have a page, file or redirect there."""
    if not host or not url[:12].lower().startswith(WEB) or host not in url.lower():
        return None
    parts = split_url(url)
    if parts is None or parts.scheme.lower() not in ("http", "https") or site_host(parts.netloc) != host \
            or not (parts.path or "/").startswith(base_path) and (parts.path or "/") != base_path.rstrip("/"):
        return None
    return ((parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            + (f"#{parts.fragment}" if parts.fragment else ""))


def web_addresses(article: Article) -> list[tuple[str, int]]:
    """(address, file line) of each full http or https URL in the raw HTML of ``article``'s body
    (``rawhtml.html_addresses``, as ``old-site`` reads them: ``<img src>``, ``<a href>``, each ``srcset`` candidate
    of ``<img>`` and ``<source>``), for ``judged_addresses``; none, and no parse, for a body without one."""
    if "://" not in article.body or "<" not in article.body:
        return []
    from .rawhtml import html_addresses  # markdown-it: not loaded by 'extract'

    return [(url, line) for url, line in html_addresses(article.body, article.body_line) if url.startswith(WEB)]


def html_file_references(article: Article) -> list[tuple[str, int]]:
    """(address, file line) of each file of source_de/ the raw HTML of ``article``'s body shows as an image or
    media (``rawhtml.html_files``: ``<img src="tasse.png">``): copied and pointed to as a Markdown image's file
    is, and missing, too large or leaving source_de/ alike; none, and no parse, for a body without such a tag."""
    if "<" not in article.body:
        return []
    from .rawhtml import html_files  # markdown-it: not loaded by 'extract'

    return [(url, line) for url, line in html_files(article.body, article.body_line) if file_path(url) is not None]


def judged_addresses(refs: Iterable[Sequence], html: Iterable[Sequence], own_host: str,
                     base_path: str = "/") -> list[tuple[str, int, bool]]:
    """(address, file line, in raw HTML) of each address of an article that ``article_link_problem`` judges, in
    document order: its Markdown links and images, ``refs`` (``references``), and of its raw HTML's full URLs,
    ``html`` (``web_addresses``), those on the new site's own host (``own_site_path``). An old blog's import keeps
    its HTML where Markdown cannot say it (a ``<figure>``, a ``<picture>``), and its ``wp-content/uploads``
    addresses there die with the old site as a Markdown image's do: check and build say both alike."""
    found = [(str(url), int(line), False) for url, line in refs]
    own = [(str(url), int(line), True) for url, line in html
           if own_host and own_site_path(str(url), own_host, base_path) is not None]
    return sorted([*found, *own], key=lambda ref: ref[1]) if own else found


UPLOADS = "/wp-content/uploads/"  # where WordPress keeps a blog's files (its Media Library), which --uploads copies


def unfilled_link_problem(url: str, ref: str) -> str:
    """What ``check`` and ``build`` say of a link ``url`` to the page ``ref`` (``source_de/seiten/impressum.md``)
    that still holds ``init``'s ``[[AUSFÜLLEN: …]]`` placeholders: the build leaves it out until they are filled."""
    return (f"{url!r}: {ref} still holds init's [[AUSFÜLLEN: …]] placeholders or verlag new's example lines: build "
            "leaves that page out until they are filled in, and the pages show the link's text without the link")


def article_link_problem(url: str, slugs: Container[str], renamed: Container[str],
                         served: Callable[[str], bool] | None = None,
                         made: Callable[[str], bool] = lambda path: False,
                         copies: Callable[[str], object] = lambda path: None,
                         unfilled: Mapping[str, str] = MappingProxyType({}), base_path: str = "/",
                         own_host: str = "", html: bool = False) -> str | None:
    """What is wrong with ``url`` as a link to another article (``zecken.md``) or, given ``served``, to a path
    of the site (``/2022/09/15/zecken.html``), or None: fine, or no such link.

    ``slugs``: the published articles; ``renamed``: old names and addresses that lead to one
    (``redirects.old_names``); ``served``: whether a site-root-relative path may be answered other than
    by an article (``site.Urls.serves``). A root-relative link leads somewhere when one of these does: the
    render stage resolves its exact old address, and its last segment as an article's name; where none does, an
    article page's address in a language folder (``/de/gibt-es-nicht/``) and a path in a folder whose every file
    the build makes (``made``: the site's static/, ``/static/preise.pdf``) are shown as their text (an image as its
    alt text) without the link, any other path is kept (the host may answer it); ``copies``: not None for a path
    in the site's media/ folder, where the build copies the files articles reference (``site.Urls.media_name``),
    which ``served`` says no article does, so that the problem names what to do. ``unfilled``: slug -> German
    file of the pages left out for their placeholders (``practice.unfilled_errors``): a link to one says so.
    ``base_path``: ``site.Urls.base_path``; a root-relative path outside it names the path below it
    (``on_site``), which ``served``, ``made`` and ``copies`` are asked of and the problem names. ``own_host``:
    the new site's host (``own_site_path``), whose full URLs below ``base_path`` are judged as that path, which the
    pages link as written; ``html``: ``url`` is raw HTML's (``judged_addresses``), which the advice is for.
    """
    target = linked_article(url)
    if target is None:
        if served is None:
            return None
        path = own_site_path(url, own_host, base_path) if url.startswith(WEB) else None
        if path is not None:
            return _own_url_problem(url, path, slugs, renamed, served, made, copies, base_path, html)
        return _site_path_problem(url, slugs, renamed, served, made, copies, base_path)
    if target in slugs or target in renamed:
        return None
    if target in unfilled:
        return unfilled_link_problem(url, unfilled[target])
    return (f"{url!r}: no published article {target!r} (a draft, or no such file: renamed or deleted? link to its "
            "new file, or list its old address under the renamed article's aliases:); the pages show the link's text "
            "without the link")


def stored_references(config: Config, article: Article) -> list[tuple[str, int]]:
    """``references`` of a German original, from the blocks its segmentation kept (``doccache.stored_links``)
    when ``extract`` or the editions stage segmented these bytes, else from a parse of its body; in a worker
    (``pool.map_articles``) or in the parent."""
    from .doccache import stored_links

    return references(article, stored_links(config, article))


def _site_path_problem(url: str, slugs: Container[str], renamed: Container[str],
                       served: Callable[[str], bool], made: Callable[[str], bool],
                       copies: Callable[[str], object], base_path: str = "/") -> str | None:
    """``article_link_problem`` for a site-root-relative ``url`` (``/alt/pfad/``); None for any other URL, before
    an import statement's lookup (13,000 links at 500 articles, nearly all of them web addresses). Judged as the
    path it names on the site (``on_site``), which the message names where it differs from ``url``; what the site
    has under the name, and what to write instead, it says too."""
    if not url.startswith("/") or url.startswith("//"):
        return None
    from .redirects import old_path

    path = (split_url(url) or NO_ADDRESS).path
    full = on_site(path, base_path)
    name = path.rstrip("/").rpartition("/")[2]
    if served(full) or old_path(path) in renamed or old_path(full) in renamed or name in slugs or name in renamed:
        return None
    at = "this address" if full == path else full
    if served(full.rstrip("/") + "/index.html"):  # what is below it is served: an article page's address in a
        # language folder (``site.Urls.page_address``), which only an article answers; the render drops the link
        return (f"{url!r}: the site has no page at {at} (no article of that name, no old address under an "
                "article's aliases:; link an article by its file, other.md, which leads to its page in each language); "
                "the pages show the link's text without the link")
    if made(full):
        return (f"{url!r}: the site has no file at {at} (the theme's static/ has none of this name: save a "
                "download or image into source_de/ and reference it from there); the pages show the link's text, an "
                "image's alt text, without it")
    if copies(full) is not None:
        return (f"{url!r}: the site has no file at {at} (its media/ holds only the files articles "
                "reference in source_de/, and none does this one: save it into source_de/ and reference it from "
                "there, as bilder/x.png); the pages show the link's text, an image's alt text, without it")
    rel = unquote(full[len(base_path):])
    media = f"{base_path}media/{quote(rel)}"
    if posixpath.splitext(name)[1].lower() not in ("", ".html", ".htm", ".php", ".asp", ".aspx"):
        if served(media):
            instead = (f"; the site has {rel} at {media}, a file of source_de/ an article references: write "
                       f"{rel}, its path in source_de/")
        else:
            instead = (f"; a file of source_de/ is referenced by its path there ({rel}), which the site publishes "
                       f"at {media}")
    else:
        instead = "; link an article by its file, other.md"
    if full != path:
        instead += f"; an address of the host outside {base_path} is written as a full URL (https://…{path})"
    return (f"{url!r}: the site has no page or file at {at} (no article of that name, no old address "
            f"under an article's aliases:, nothing verlag publishes there{instead}); the link is kept and readers "
            "would get 'not found'")


def _own_url_problem(url: str, path: str, slugs: Container[str], renamed: Container[str],
                     served: Callable[[str], bool], made: Callable[[str], bool],
                     copies: Callable[[str], object], base_path: str, html: bool = False) -> str | None:
    """``article_link_problem`` for ``url``, a full URL on the new site's own host, whose root-relative form is
    ``path`` (``own_site_path``): judged as that path, and, where the site will have nothing there, said with what
    settles it: an old blog's upload imported with ``--uploads`` (or saved into source_de/), a page's address sent
    on by a line of redirects.txt (``moved.read_moved``) or the link written to an article's file. The pages keep
    the link as written, so readers of every edition would get 'not found'. For raw HTML's (``html``) the file
    of source_de/ or the article's file is written as Markdown: the build publishes and rewrites no address of raw
    HTML, and ``--uploads`` names such a line rather than rewriting it (``importer.localized``)."""
    if _site_path_problem(path, slugs, renamed, served, made, copies, base_path) is None:
        return None
    address = (split_url(path) or NO_ADDRESS).path
    name = address.rstrip("/").rpartition("/")[2]
    if posixpath.splitext(name)[1].lower() not in ("", ".html", ".htm", ".php", ".asp", ".aspx") and html:
        instead = ("import the WordPress export again with --uploads DIR, a copy of the old blog's wp-content/uploads "
                   "folder, which copies the file into source_de/bilder/, or save it into source_de/ yourself; then "
                   if UPLOADS in address else "save the file into source_de/ and ")
        instead += ("write it as a Markdown image or link, ![description](bilder/x.jpg), in place of the raw HTML "
                    "(the site publishes no file of source_de/ that raw HTML names)")
    elif posixpath.splitext(name)[1].lower() not in ("", ".html", ".htm", ".php", ".asp", ".aspx"):
        instead = ("import the WordPress export again with --uploads DIR, a copy of the old blog's wp-content/uploads "
                   "folder, which copies the file into source_de/bilder/ and rewrites this address; or save it into "
                   "source_de/ and reference it from there" if UPLOADS in address else
                   "save the file into source_de/ and reference it from there (bilder/x.png)")
    elif html:
        instead = (f"send the address on with a line of redirects.txt ('{address} {base_path}de/other/ 301'), or "
                   "write the link in Markdown to an article's file, [text](other.md)")
    else:
        instead = ("link an article by its file, other.md, or send the address on with a line of redirects.txt "
                   f"('{address} {base_path}de/other/ 301')")
    host = (split_url(url) or NO_ADDRESS).netloc.lower()
    return (f"{url!r}: an address on this site's own host ({host}), where the new site will have no page or file at "
            f"{address} once it replaces the old one (no article, alias, redirects.txt line or published file "
            f"there): {instead}; the link is kept and readers would get 'not found'")


def _inline_children(article: Article, doc: Document | StoredLinks | None = None) -> Iterator[tuple[int, Any]]:
    """(1-based file line, inline child token) of every block of the article's body that may hold a link or
    image, a soft or hard break moving the line on. ``doc``: see ``references``; without one the body is parsed
    (``segment.article_tokens``, which raises ``VerlagError`` for a block its guards refuse)."""
    from .segment import article_tokens, link_blocks, may_link  # markdown-it: not loaded by 'extract'

    blocks = link_blocks(doc) if doc is not None else None
    if blocks is None:
        blocks = [(token.map[0], token.children) for token in article_tokens(article, {}, may_link)
                  if token.type == "inline" and token.map is not None and token.children]
    for start, children in blocks:
        line = article.body_line + start
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            else:
                yield line, child


def references(article: Article, doc: Document | StoredLinks | None = None) -> list[tuple[str, int]]:
    """Every image source and link target in the article's body, with its 1-based file line.

    ``doc``: the article's segmentation (``doccache.stored``, or its links alone: ``doccache.stored_links``)
    when there is one: the blocks that may hold a link are then read from it (``segment.link_blocks``) and
    the body is not parsed again.
    """
    found = []
    for line, child in _inline_children(article, doc):
        if child.type == "image" and child.attrs.get("src"):
            found.append((str(child.attrs["src"]), line))
        elif child.type == "link_open" and child.attrs.get("href"):
            found.append((str(child.attrs["href"]), line))
    return found


def images_without_alt(article: Article) -> list[tuple[int, str]]:
    """(1-based file line, source) of each CommonMark image of the article's body whose alt text (the image
    token's ``content``, its description as plain text) is blank: a reader who cannot see it, by a screen reader
    or with images off, gets nothing from it (WCAG 2.2, 1.1.1 Non-text Content), and its sentence's catalog entry
    holds nothing to translate. The import names such images (``importer``); this says it of the article as it is
    now, for ``check``'s ``image-alt``. Raw HTML ``<img>`` is not read here. An article markdown-it cannot read
    (``segment``'s guards: 300,000 '[' in a block) has none: its error is said where it is parsed for pages."""
    try:
        return [(line, str(child.attrs.get("src") or "")) for line, child in _inline_children(article)
                if child.type == "image" and not child.content.strip()]
    except VerlagError:
        return []


def unscanned(articles: Iterable[Article], cache: dict | None) -> list[Article]:
    """The articles whose references ``cache`` (a previous ``Media.scanned``) does not hold, in order."""
    return [article for article in articles if _cached(article, cache) is None]


def _spellings(source_dir: Path, rel: str, listings: dict[str, list[str]]) -> list[str]:
    """The paths in ``source_dir`` that name ``rel`` whatever the Unicode normalization of either side (NFC
    compare of the names in each folder): an image saved with a decomposed name (NFD ``bäume.png``, as macOS's
    HFS+ and many zip tools store it) for the composed ``bilder/bäume.png`` an author typed, which the file system
    calls another name. ``rel`` itself when it is ASCII (no normalization changes it); more than one where two names
    differ only in their normalization. ``listings``: each folder's names, read once per caller."""
    if rel.isascii():
        return [rel]
    found = [""]
    for part in rel.split("/"):
        want = unicodedata.normalize("NFC", part)
        step = []
        for base in found:
            if base not in listings:
                try:
                    listings[base] = os.listdir(source_dir / base)
                except OSError:  # no such folder, or not one
                    listings[base] = []
            step += [posixpath.join(base, name) if base else name for name in listings[base]
                     if unicodedata.normalize("NFC", name) == want]
        found = step
    return found or [rel]


def _is_file(path: Path) -> bool:
    """``path.is_file()``, false for a name longer than the system takes (``ENAMETOOLONG``, which ``is_file``
    raises): no file has it, and a reference naming it is missing, not the build's end."""
    try:
        return path.is_file()
    except OSError:
        return False


def running_svg(path: Path, rel: str) -> str | None:
    """What is wrong with publishing the file ``rel`` (``path``, within ``limits.MEDIA``) when it is an SVG that runs
    code when its address is opened (``inline_images.SVG_RUNS_RE``): a reader following a link to it, or sent there,
    runs it as the site's own page; None otherwise (also for a file that cannot be read: its copy says so)."""
    from .inline_images import SVG_RUNS_RE

    if not rel.lower().endswith(".svg"):
        return None
    try:
        data = file_bytes(path, MEDIA)
    except (OSError, VerlagError):
        return None
    if not SVG_RUNS_RE.search(data):
        return None
    return ("an SVG that runs a script when its address is opened (a <script>, an event handler such as onload=, a "
            "javascript: address or HTML in a <foreignObject>), which a reader's browser would run as the site's "
            "own page; not published: save it without the script (or as a PNG)")


def _heavy_image(rel: str, size: int) -> str | None:
    """What is wrong with publishing the image ``rel`` (a path in source_de/) of ``size`` bytes: over
    ``limits.HEAVY_IMAGE`` (a camera's photo), which every reader of the page downloads whole; None otherwise."""
    if size <= HEAVY_IMAGE or not rel.lower().endswith(IMAGE_SUFFIXES):
        return None
    return (f"an image of {size_text(size)}, which every reader of the page downloads whole (on a phone, over its "
            "data plan): save it at most 2000 pixels wide (a JPEG or WebP of a few hundred KB) and show that")


def _twins_problem(what: str, names: list[str], source_dir: Path) -> str:
    """Why ``what`` (a reference, or its language variant), which names the files ``names`` of ``source_dir`` whose
    names differ only in their Unicode normalization, publishes none of them."""
    listed = " and ".join(f"{source_dir.name}/{name} ({normalization(name)})"
                          for name in sorted(names, key=lambda name: normalization(name) != "NFC"))
    return (f"{what} names {len(names)} files, {listed}, whose names differ only in their Unicode normalization "
            "(one saved on a Mac or from a zip file): which one is meant cannot be told, so neither is published; "
            "delete the other")


def saved_names(source_dir: Path, rel: str) -> list[str]:
    """The paths in ``source_dir`` that name ``rel`` (a path in it, as a setting or reference writes it) whatever
    the Unicode normalization of either (``_spellings``); ``[rel]`` when none does."""
    return _spellings(source_dir, rel, {})


def _folded(rel: str) -> str:
    """A path as a file system or web host that ignores case compares it (APFS, NTFS, IIS): NFC, casefolded."""
    return unicodedata.normalize("NFC", rel).casefold()


def case_clashes(where: Mapping[str, list[tuple[str, int, str, str]]]) -> list[tuple[str, int, str, str]]:
    """(file, line, slug, message) at each reference (``where``: path in source_de/ -> (file, line, slug, url) of
    each) to a file published to the site's media/ whose path differs from another's only in case (``Foto.png``,
    ``foto.png``): on a web host or a checkout (macOS, Windows) that ignores case they are one file, one
    overwriting the other, and a page shows the other image."""
    by_folded: dict[str, list[str]] = {}
    for rel in sorted(where):
        by_folded.setdefault(_folded(rel), []).append(rel)
    found = []
    for same in by_folded.values():
        for rel in same if len(same) > 1 else ():
            others = " and ".join(f"media/{other}" for other in same if other != rel)
            found += [(ref, line, slug, f"{url!r}: media/{rel} and {others} differ only in case: on a web host or a "
                                        "checkout that ignores case (macOS, Windows) they are one file, one "
                                        "overwriting the other, and a page shows the wrong one; rename one of them")
                      for ref, line, slug, url in where[rel]]
    return found


def _cached(article: Article, cache: dict | None) -> list | None:
    """[references, in-page links its body has no id for, its raw HTML's full URLs (``web_addresses``)] of
    ``article`` as ``cache`` holds them for its bytes, or None. A fifth part, once a link from another article asked
    for them, holds its ids (``_ids``)."""
    old = (cache or {}).get(article.slug)
    return old[1:4] if isinstance(old, list) and len(old) in (4, 5) and old[0] == _scan_digest(article) \
        and all(isinstance(part, list) for part in old[1:]) else None


def _ids(article: Article, cache: dict | None, scanned: dict) -> list[list[str]] | None:
    """``fragments.target_ids`` of ``article``, from ``cache`` while its bytes are those it was read from, kept in
    ``scanned`` (this build's cache): a link into it is judged on every build, as its headings may change
    without the linking article."""
    from .fragments import target_ids

    old = (cache or {}).get(article.slug)
    ids = old[4] if _cached(article, cache) is not None and len(old) == 5 and len(old[4]) == 2 else None
    ids = target_ids(article) if ids is None else ids
    if ids is not None and len(scanned.get(article.slug, ())) == 4:
        scanned[article.slug].append(ids)
    return ids


def _scan_digest(article: Article) -> str:
    return f"{code_digest()}:{article.digest}"


def collect_media(source_dir: Path, articles: Iterable[Article], cache: dict | None = None,
                  languages: Iterable[str] = (),
                  scan: Callable[[Article], list[tuple[str, int]]] = references,
                  renamed: Mapping[str, str] | None = None, served: Callable[[str], bool] | None = None,
                  kept: Iterable[str] = (), theme: Sequence[Path] = (),
                  made: Callable[[str], bool] = lambda path: False,
                  copies: Callable[[str], str | None] = lambda path: None, copied: Iterable[str] = (),
                  previous: Iterable[str] = (), keeping: bool = False,
                  unfilled: Mapping[str, str] = MappingProxyType({}),
                  settings: Mapping[str, tuple[str, int]] = MappingProxyType({}), base_path: str = "/",
                  own_host: str = "") -> Media:
    """The local files each article references, and their variants for ``languages`` beside them; ``errors``
    for paths leaving source_dir or holding a NUL byte (``%00``), files over ``limits.MEDIA`` and SVGs that run a
    script (``running_svg``) (not published), and for an article whose body ``scan`` cannot parse (a VerlagError:
    nesting too deep), which is left out so that one bad article leaves every stage its say about the others;
    warnings for missing ones, for
    links to no published article, for in-page links to no element of their page (``fragments.dangling``) and
    for links to an article's file whose fragment names nothing on its page (``fragments.missing_in``).

    ``cache`` is a previous result's ``scanned``: an unchanged article is not parsed again; ``scan``
    finds the references of the others (``references``, or the same answers worked out elsewhere).
    ``renamed``: ``redirects.old_names(articles)`` when the caller has it (worked out here when None);
    ``served``: as for ``article_link_problem`` (None: root-relative links are not judged); ``kept``: the slugs
    of articles not among ``articles`` whose pages the site keeps as the last build made them (their source cannot
    be read now): a link to one works. ``theme``: the folders of the site's templates (``uistrings.theme_dirs``),
    whose ids an in-page link may name (``fragments.page_ids``; read only for a link the body has no id for).
    ``made``: as for ``article_link_problem``; ``copies``: the file of the site's media/ folder a root-relative
    path asks for (``site.Urls.media_name``), else None: a link or image there is judged once every article's files
    are known, ``served`` then called with them (``copied``: ``served(path, copied)``), ``copied`` holding the
    files the site copies there besides (``site_image``), so one that no article references is warned of.
    ``previous``: the files of media/ the last build published, which the site keeps while a page is kept as the
    last build made it (``keeping``: a source cannot be read now; or a reference here is refused, an error).
    The result's ``copied`` holds them all; ``asks`` what each article's root-relative links name there.
    ``unfilled``: as for ``article_link_problem``. ``settings``: the files of the site's media/ a setting names
    (``site.site_image_places``: path in source_de/ -> (verlag.toml, the setting's line)), which clash in case
    (``case_clashes``) with the articles' files as theirs do, warned of at that line too. ``base_path``: as for
    ``article_link_problem``; a root-relative link it warns of is judged once the files are known, so that the
    warning can name the file of media/ the site has under its name. ``own_host``: as for ``article_link_problem``:
    a full URL on the site's own host is judged as its root-relative path.
    """
    from .fragments import into_articles, leading_nowhere, missing_in, page_ids, page_template, unmatched
    from .redirects import file_slug, old_names  # here: 'extract' imports this module only to record the variants

    root = source_dir.resolve()
    files: dict[str, dict[str, Path]] = {}
    errors: list[VerlagError] = []
    warnings: list[str] = []
    scanned: dict = {}
    articles = list(articles)
    languages = tuple(languages)
    slugs = {article.slug for article in articles} | set(kept)
    templates: dict[str, PageIds] = {}  # template name -> its ``page_ids``
    renamed = old_names(articles) if renamed is None else renamed
    asked: list[tuple[str, int, str, bool]] = []  # links and images to the site's media/: judged once known
    asks: dict[str, list[str]] = {}
    into: list[tuple[str, int, str, str]] = []  # (file, line, link, slug) of links into an article with a fragment
    listings: dict[str, list[str]] = {}  # folder of source_dir -> its names (``_spellings``)
    where: dict[str, list[tuple[str, int, str, str]]] = {}  # published file -> (file, line, slug, url) naming it
    heavy: list[tuple[str, int, str, str]] = []
    missing: list[tuple[str, int, str, str]] = []
    said: set[tuple[str, int, str, str]] = set()  # ``missing`` as a set
    for article in articles:
        mine = files.setdefault(article.slug, {})
        refs, nowhere, html = _cached(article, cache) or (None, None, None)
        if refs is None:
            try:
                refs = [list(ref) for ref in scan(article)]
                if pasted := html_file_references(article):
                    refs = sorted([*refs, *(list(ref) for ref in pasted)], key=lambda ref: ref[1])
            except VerlagError as exc:  # nesting too deep: this article is left out, the others are looked at
                errors.append(exc if exc.path is not None else VerlagError(exc.message, article.ref, exc.line))
                continue
            nowhere = [list(found) for found in unmatched(article, refs)]  # renders the page only for a '#' link
            html = [list(found) for found in web_addresses(article)]  # judged on the own host of each build
        scanned[article.slug] = [_scan_digest(article), refs, nowhere, html]
        if nowhere:  # the templates' ids, which may change without the article: asked on every build
            template = page_template(article)
            if template not in templates:
                templates[template] = page_ids(theme, template)
            warnings += [f"{article.ref}:{line}: {message}"
                         for line, message in leading_nowhere(nowhere, templates[template])]
        into += [(article.ref, line, url, slug)
                  for line, url, slug in into_articles(refs, lambda name: file_slug(renamed, name))]
        for url, line, raw in judged_addresses(refs, html, own_host, base_path):
            # nearly all of them (13,000 at 500 articles): no file, no article, no site path; but one on the site's
            # own host, whose root-relative path is judged as such a link's
            site = own_site_path(url, own_host, base_path) if url.startswith(WEB) else url
            if site is None:
                continue
            rel = file_path(url)
            if rel is None:
                name = copies((split_url(site) or NO_ADDRESS).path) if site.startswith("/") \
                    and not site.startswith("//") else None
                if name is not None:
                    asks.setdefault(article.slug, []).append(name)
                if served is not None and name is not None:
                    asked.append((article.ref, line, url, raw))
                elif problem := article_link_problem(url, slugs, renamed, served, made, unfilled=unfilled,
                                                     base_path=base_path, own_host=own_host, html=raw):
                    if served is not None and site.startswith("/"):  # again with the files of media/ known
                        asked.append((article.ref, line, url, raw))
                    else:
                        warnings.append(f"{article.ref}:{line}: {problem}")
                continue
            if "\0" in rel:  # %00: no file system has such a name (and Python's path calls raise ValueError)
                errors.append(VerlagError(f"{url!r} names no file: a file name holds no NUL byte (%00); the page "
                                          "would show a broken image or a dead link: correct the path", article.ref,
                                          line))
                continue
            on_disk = _spellings(source_dir, rel, listings) if not rel.startswith("../") else [rel]
            if len(on_disk) > 1:
                errors.append(VerlagError(_twins_problem(repr(url), on_disk, source_dir), article.ref, line))
                continue
            path = source_dir / on_disk[0]
            if rel == ".." or rel.startswith("../"):
                errors.append(VerlagError(f"{url!r} leaves {source_dir.name}/; only files inside it are "
                                          "published (move the file there)", article.ref, line))
                continue
            try:
                inside = path.resolve().is_relative_to(root)
            except (OSError, RuntimeError):  # a symlink loop
                inside = False
            if not inside:
                errors.append(VerlagError(f"{url!r} is a symlink that leads out of {source_dir.name}/; only "
                                          "files inside it are published", article.ref, line))
            elif not _is_file(path):
                if posixpath.basename(rel) in slugs:  # [Text](zecken-im-garten): a link to that article
                    continue
                what = f"no such file in {source_dir.name}/"
                try:
                    regular(path, f"{source_dir.name}/{rel}")
                except IsAFolder:  # no file to publish: a link that would not work, warned of as an absent one is
                    what = f"a folder of {source_dir.name}/, not a file"
                except NotAFile as exc:  # a named pipe, socket or device: named at the link, never opened
                    errors.append(VerlagError(str(exc), article.ref, line))
                    continue
                except OSError:  # absent: a link that would not work
                    pass
                absent = (article.ref, line, article.slug, f"{url!r}: {what}; the page keeps the address, which "
                          "answers 'not found': readers get a broken image (its alt text) or a dead link; add the "
                          "file or correct the path")
                if absent not in said:  # an image and a link to it on one line: said once
                    said.add(absent)
                    missing.append(absent)
                    warnings.append(f"{article.ref}:{line}: {absent[3]}")
            else:
                for found in (rel, *(language_variant(rel, lang) for lang in languages)):
                    spelt = [rel] if found == rel else _spellings(source_dir, found, listings)
                    if len(spelt) > 1:  # a variant saved twice: one picked would be the one this machine lists first
                        errors.append(VerlagError(_twins_problem(f"{url!r} (its variant {found})", spelt, source_dir),
                                                  article.ref, line))
                        continue
                    disk = path if found == rel else source_dir / spelt[0]
                    if found != rel and not (_is_file(disk) and disk.resolve().is_relative_to(root)):
                        continue
                    size = disk.stat().st_size
                    if (problem := MEDIA.problem(size)) or (problem := running_svg(disk, found)):
                        errors.append(VerlagError(f"{source_dir.name}/{found}: {problem}", article.ref, line))
                    else:
                        if found not in where and (problem := _heavy_image(found, size)):  # at its first reference
                            heavy.append((article.ref, line, article.slug, f"{source_dir.name}/{found}: {problem}"))
                            warnings.append(f"{article.ref}:{line}: {heavy[-1][3]}")
                        mine[found] = disk  # published under the name the page links
                        where.setdefault(found, []).append((article.ref, line, article.slug, url))
    names = frozenset({rel for refs in files.values() for rel in refs} | set(copied)
                      | (set(previous) if keeping or errors else set()))
    by_slug = {article.slug: article for article in articles}
    for ref, line, url, slug in into:
        target = by_slug.get(slug)  # a link to no published article: article_link_problem said so
        ids = _ids(target, cache, scanned) if target is not None else None
        if ids is None:
            continue
        template = page_template(target)
        if template not in templates:
            templates[template] = page_ids(theme, template)
        if problem := missing_in(url, slug, ids, templates[template]):
            warnings.append(f"{ref}:{line}: {problem}")
    for ref, line, url, html in asked:
        if problem := article_link_problem(url, slugs, renamed, lambda path: served(path, names), made, copies,
                                           unfilled=unfilled, base_path=base_path, own_host=own_host, html=html):
            warnings.append(f"{ref}:{line}: {problem}")
    for rel, (ref, line) in settings.items():
        where.setdefault(rel, []).append((ref, line, "", rel))
    clashes = case_clashes(where)
    warnings += [f"{ref}:{line}: {message}" for ref, line, _, message in clashes]
    # an image and a link to the same refused file on one line are one problem there, said once
    errors = list({str(error): error for error in errors}.values())
    return Media(files, tuple(warnings), scanned, tuple(errors), {slug: tuple(found) for slug, found in asks.items()},
                 names, tuple(clashes), tuple(heavy), tuple(missing))

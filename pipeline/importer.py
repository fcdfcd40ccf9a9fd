"""``verlag import``: bring an existing blog in as German sources (``source_de/<slug>.md``).

Readers turn what a browser or a blog system hands out into ``ImportedArticle``s
(no file is written there): a saved HTML page (``importer_html.read_page``), a
WordPress export (WXR, ``importer_html.read_wxr``), an RSS/Atom feed
(``importer_html.read_feed``), a Hugo or Jekyll Markdown file (``importer_markdown``) or text copied
from a page (``importer_text``).
``render_markdown`` makes the text of the source file; ``place`` decides where
each one goes without ever overwriting an existing article; ``write_placed``
writes it and copies the images. Each article's old address goes into the
front-matter key ``aliases`` (Hugo's name for the URLs that redirect to a page).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import heapq
import os
import re
import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple
from urllib.parse import unquote, urljoin

import yaml

from .counts import counted
from .errors import ManyErrors, VerlagError, shown_path
from .fsutil import file_bytes, load_state, relpath, save_state, windows_reserved, write_if_changed
from .inline_images import SVG_ACTIVE, SVG_ACTIVE_RE, InlineImage
from .limits import IMPORTED, MEDIA, SOURCE, Limit, size_text
from .rawhtml import markup_tags, runs, shown_text, without_tags
from .scaffold import LEGAL_SLUGS, ascii_slug, title_slug, untouched_template
from .sources import ORIGIN_RE, PAGES_DIR, PLACEHOLDER_RE, QUERY_ALIAS_RE, RESERVED_SLUGS, likely_slug, normalise, \
    source_text, split_front_matter
from .urlparts import BROKEN_HOST, NO_ADDRESS, site_host, split_url, url_host

KINDS = ("html", "wxr", "feed", "markdown", "text")
MARKDOWN_SUFFIXES = (".md", ".markdown")  # without front matter too, where a '# ' heading gives the title
IMAGES_DIR = "bilder"  # source_de/bilder/: where imported local images go (README "Images and files")
# What the summary says is missing ('date' has a line of its own: the author must add it).
MISSING = {"author": "author", "summary": "summary", "tags": "tags", "aliases": "old address (no redirect)"}
# Files that are none of the importable kinds: their first bytes (PNG, JPEG, GIF, PDF, ZIP/Office, WebP).
CONTROL_RE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # in no text file (ESC, 0x1b, may be)
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"RIFF")
# A page's or feed's declaration of UTF-16 (``<meta charset>``, the XML declaration's ``encoding``), found in its text
# once read as UTF-16, and rewritten to UTF-8 when its bytes are.
UTF16_DECLARED_RE = re.compile(r"""(<meta\b[^>]*?charset\s*=\s*["']?|<\?xml\b[^>]*?encoding\s*=\s*["'])"""
                               r"(?:utf-?16(?:-?[lb]e)?|ucs-?2|unicode)\b", re.I)
# How far into a page or feed its encoding is declared: an XML declaration comes first, <meta charset> within the
# first 1024 bytes (HTML Living Standard 13.2.3.2, "prescan"); 4096 characters leave room for a long <head>.
DECLARATION_HEAD = 4096
TEXT_KEYS = ("title", "summary", "tags")  # front-matter values that are text a reader sees
FRONT_KEYS = ("title", "author", "date", "updated", "summary", "tags", "reviewed_by", "last_reviewed", "draft",
              "translate", "aliases")
# After a shortcode or template tag kept as text: extract and check name each at its line of the written article.
TAG_ADVICE = "rewrite in Markdown ('verlag check' names each at its line of the article)"
# After a tag kept as text that check does not name (``segment.template_tag_kind`` knows none: "[toc]").
HAND_ADVICE = "replace it by hand"
TAGS_KEPT = "shortcodes or template tags kept as text"  # the start of the note naming them (importer_markdown)
# A link or image destination (CommonMark 0.31 section 6.3) after "](" or in a link reference definition:
# "<…>" (spaces allowed, "<" and ">" backslash-escaped) or a run without spaces and with balanced parentheses.
DESTINATION_RE = re.compile(r"(\]\([ \t]*\n?[ \t]*|^[ ]{0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*\n?[ \t]*)"
                            r"(<(?:[^<>\n\\]|\\.)*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)", re.M)
# A destination written with Jekyll's Liquid (https://jekyllrb.com/docs/liquid/tags/#links): ``{% post_url
# 2023-11-12-abendroutine %}``, ``{% link _posts/2023-10-04-linden-tee.md %}``, either or a path after
# ``{{ site.url }}``/``{{ site.baseurl }}``, or a path given to the ``relative_url``/``absolute_url`` filter
# (https://jekyllrb.com/docs/liquid/filters/); group 3 the tag, 4 its argument, 5 the filter's path, 6 the rest (a
# path or #fragment).
LIQUID_DESTINATION_RE = re.compile(DESTINATION_RE.pattern.split("(<")[0] +
                                   r"((?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})*)"
                                   r"(?:\{%-?\s*(post_url|link)\s+([^\s%]+)\s*-?%\})?"
                                   r"(?:\{\{-?\s*[\"']([^\"'\s]*)[\"']\s*\|\s*(?:relative|absolute)_url\s*-?\}\})?"
                                   r"((?:[^\s()\\]|\\.)*)", re.M)
# A destination written with Hugo's ``ref`` or ``relref`` shortcode (https://gohugo.io/shortcodes/ref/): ``{{< ref
# "posts/tee.md" >}}``, ``{{% relref "/posts/tee" %}}``, ``{{< ref path="tee" >}}``, ``{{< ref "#anchor" >}}``;
# groups 3, 4 or 5 the page's path (in "", in `` or bare), 6 a #fragment after the shortcode. Its other parameters
# (``lang``, ``outputFormat``) take far less than the 200 characters searched for its end: searched to the end of
# the line, a line of unclosed ones took quadratic time (240 KB: minutes).
HUGO_REF_DESTINATION_RE = re.compile(DESTINATION_RE.pattern.split("(<")[0] +
                                     r"\{\{([<%])-?\s*(?:rel)?ref\s+(?:path\s*=\s*)?(?:\"([^\"\n]*)\"|`([^`\n]*)`|([^\s\"`%>]+))"
                                     r"[^\n]{0,200}?-?\s{0,20}[>%]\}\}(#(?:[^\s()\\]|\\.)*)?", re.M)


@dataclass(frozen=True)
class ImportedArticle:
    """One article read from an outside source, ready to become ``source_de/<slug>.md``.

    ``meta``: front-matter values in the order written (``FRONT_KEYS``): ``title`` (str), ``author``
    (str, or a list of str for several people), ``date`` and ``updated`` (``dt.date`` or aware ``dt.datetime``),
    ``summary`` (str), ``tags``
    (list of str), ``draft`` (always True: the author publishes by deleting it), ``aliases`` (list of
    the article's old absolute URLs). ``body``: CommonMark; local images are referenced as
    ``bilder/<name>`` (``image_destination``) and listed in ``images`` (each file to copy, or an inline image's
    bytes, ``inline_images.InlineImage``, -> its ``<name>``, one name per distinct file: ``local_name``). ``notes``: what was recognised
    or guessed and what was not, one line each, for the printed summary. ``source``: ``file[:line]``
    for messages. ``page``: a standalone page (WordPress page): goes to ``source_de/seiten/``.
    ``home``: the old site's own address from its config (Hugo ``baseURL``, Jekyll ``url`` + ``baseurl``), whose
    full URLs ``relink`` reads as site paths. ``origin``: the source file within the old site's folder and that
    site (``content/posts/tee.md of https://example.org/``), written as a YAML comment (``ORIGIN_RE``) so that a
    second import knows the article whatever the author changed in its front matter. ``unpublished``: why the
    old blog never published it (``draft = true`` in Hugo, WordPress status draft), None for a published
    article; ``render_markdown`` says it beside ``draft: true``, so the author who deletes that line to publish
    the imports sees which of them were never finished. ``queries``: the queries that addressed it on the old
    site's ``home`` (WordPress's plain permalinks, ``p=140``, ``page_id=7``): ``relink`` makes the links between
    imported posts written so lead to its file (its published ``<link>`` among them is an alias too). ``remote_images``: the
    addresses of the images it shows that stay on the old blog's server (WordPress's ``wp-content/uploads/``).
    ``private``: only the old blog's logged-in editors could read it (WordPress status private): ``translate:
    false`` (no catalogs, so no translation service ever sees its text), and ``verlag import`` leaves it out
    unless asked (``--private``). ``linked``: the post's language code as the blog's multilingual plugin gave it
    (``de``, ``en``) and the key its translations share (``importer_html.wxr_link``), None for a post of no group.
    ``file_key``: the SHA-256 of the file that held this article alone (``read_import``), by which ``record_key``
    knows one without ``origin`` or old address: by its text, as a file used again for other text is another one.
    ``alias_languages``: the ``aliases`` that were its translations' old addresses (a multilingual blog's) -> their
    language, written after each (``render_markdown``) so the site redirects it to that language's page.
    ``uploaded``: the images and files of a WordPress post that ``--uploads`` holds, each with the address an import
    without that option wrote for it (the old blog's), so a second import with it rewrites those in the article the
    first one wrote (``localized``).
    """

    slug: str
    meta: dict
    body: str
    images: dict[Path | InlineImage, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    source: str = ""
    page: bool = False
    unpublished: str | None = None
    home: str | None = None  # the old site's own address (its config's base URL): a full URL on it is a site path
    origin: str | None = None  # the file in the old site it came from (``content/posts/tee.md of https://…/``)
    queries: tuple[str, ...] = ()  # its old addresses by query, which only links use (WordPress's ``p=140``)
    remote_images: tuple[str, ...] = ()  # images of the old blog's own server it shows (``stay_remote``)
    private: bool = False  # readable to the old blog's editors only: German only, imported on request
    linked: tuple[str, str] | None = None  # (its language, its group): Polylang's or WPML's link to its translations
    file_key: str | None = None  # the file that held it alone (copied text, a saved page) by its bytes' SHA-256
    alias_languages: dict[str, str] = field(default_factory=dict)  # a translation's old address -> its language
    uploaded: tuple[tuple[str, Path], ...] = ()  # (old address an import without --uploads wrote, its copy there)


PROTECTED = "password-protected in WordPress"  # an ``unpublished`` reason: public address, text behind a password


def never_public(unpublished: str) -> str:
    """Why the old blog's readers never saw an article (``ImportedArticle.unpublished``), as the draft line says."""
    return f"{unpublished}: only readers given its password saw it" if unpublished == PROTECTED \
        else f"{unpublished}: never published there"


def plain_spaces(title: str, author: str | list[str] | None, tags: list[str] | None,
                 notes: list[str]) -> tuple[str, str | list[str] | None, list[str] | None]:
    """``title``, ``author`` and ``tags`` with each run of white space (a no-break space, U+00A0, a narrow or thin
    one, U+202F, U+2009, …) as one plain space, stripped; a note names the fields that had another space than a
    plain one."""
    def plain(value: str) -> str:
        return " ".join(value.split())

    authors = author if isinstance(author, list) else [author] if author else []
    changed = [name for name, values in (("title", [title]), ("author", authors),
                                         ("tags", tags or []))
               if any(re.search(r"[^\S \n]", value) for value in values)]
    if changed:
        notes.append(f"{', '.join(changed)}: no-break and other special spaces written as plain spaces (front "
                     "matter is plain text)")
    if isinstance(author, list):
        return plain(title), [plain(name) for name in author], tags and [tag for tag in map(plain, tags) if tag]
    return plain(title), author and plain(author), tags and [tag for tag in map(plain, tags) if tag]


def new_article(title: str, body: str, source: str, *, author: str | list[str] | None = None, date=None, updated=None,
                summary: str | None = None, tags: list[str] | None = None, aliases: list[str] | None = None,
                images: dict[Path | InlineImage, str] | None = None, notes: list[str] | None = None,
                page: bool = False, slug: str | None = None, unpublished: str | None = None,
                home: str | None = None, origin: str | None = None, queries: tuple[str, ...] = (),
                remote_images: tuple[str, ...] = (), private: bool = False,
                linked: tuple[str, str] | None = None, reviewed_by: str | dict | None = None,
                last_reviewed=None, uploaded: tuple[tuple[str, Path], ...] = ()) -> ImportedArticle:
    """An ``ImportedArticle`` with its slug made from ``slug`` (the source's own, e.g. Hugo's ``slug``) or
    else ``title`` (``scaffold.slugify``: ä → ae, ß → ss) and ``draft: true``; empty values are left out of
    the front matter; a ``slug`` with no letter or digit (``"!!!"``) is noted and the title names the file.
    An old address that is the old site's home page (no path, no query) is left out and noted: it is no article's
    own, and build refuses an alias at the new home page; so is one that is no web address (``javascript:…``, a
    feed entry's link), which build refuses too. An old address with a fragment or with a query other than ``key=value`` pairs (``sources.QUERY_ALIAS_RE``) is
    left out and noted: no host's rules match it; so is one that ``urlsplit`` cannot read (``urlparts``); one by
    such a query (WordPress's plain permalink ``/?p=140``) is
    kept, noted with the hosts whose rules answer it (``redirects``; ``queries`` keeps such addresses for links). ``unpublished``: see
    ``ImportedArticle``; such an article had no public address, so ``aliases`` are left out (and noted).
    ``private``, ``linked``: see ``ImportedArticle``. ``reviewed_by``, ``last_reviewed``: the medical review a
    Markdown source states in verlag's own front-matter keys (README, "The author's workflow"), kept as written
    (``extract`` checks them at their lines). A no-break or other special space (U+00A0, U+202F, U+2009, …) in
    the title, the author's name or a tag, as text copied from a web page carries them, is a plain space
    (``plain_spaces``, noted): front matter is plain text, and a name typed again later would be another one."""
    notes = list(notes or [])
    title, author, tags = plain_spaces(title, author, tags, notes)
    if unpublished and unpublished.startswith("scheduled"):  # finished, waiting for its day (Hugo, WordPress)
        notes.append(f"{never_public(unpublished)}; once you have checked it, delete 'draft: true': the site "
                     "publishes it from its date on (a build on or after that day)")
    elif unpublished:
        notes.append(f"{never_public(unpublished)}; keep 'draft: true' until it is finished")
        if aliases:
            notes.append(f"old address {', '.join(aliases)} not kept: a draft had no public address to redirect")
            aliases = []
    kept, queried = [], []
    for alias in dict.fromkeys(aliases or []):
        parts = split_url(alias)
        if parts is None:
            notes.append(f"old address {alias} not kept: it {BROKEN_HOST}")
        elif parts.scheme not in ("", "http", "https"):
            notes.append(f"old address {alias} not kept: no web address ({parts.scheme}:) answers a reader")
        elif parts.path in ("", "/") and not parts.query:
            notes.append(f"old address {alias} not kept: the old site's home page, not this article's own; the new "
                         "site's home page answers it")
        elif parts.fragment or (parts.query and not QUERY_ALIAS_RE.fullmatch(parts.query)):
            part = f"?{parts.query}" if parts.query else f"#{parts.fragment}"
            notes.append(f"old address {alias} cannot be redirected by a static host ({part}): add a rule for "
                         f"'{part}' on the server, or put the post's pretty permalink under 'aliases:'")
        else:
            kept.append(alias)
            if parts.query:
                queried.append(alias)
    if queried:
        one = len(queried) == 1
        notes.append(f"old address{'' if one else 'es'} {', '.join(queried)} {'is' if one else 'are'} answered "
                     "by the rules of site/_redirects (Netlify) and site/.htaccess (Apache with mod_rewrite); "
                     "Cloudflare Pages and plain web space match no query: there it shows the page at its path")
    meta = {"title": title, "author": author, "date": date, "updated": updated, "summary": summary,
            "tags": tags, "reviewed_by": reviewed_by, "last_reviewed": last_reviewed, "draft": True,
            "translate": False if private else None, "aliases": kept}
    meta = {key: meta[key] for key in FRONT_KEYS if meta[key] not in (None, "", [])}
    if slug and not ascii_slug(slug):
        notes.append(f"slug {slug!r} has no letter or digit to name a file: named from the title")
    named = ascii_slug(slug or "") or title_slug(title)
    if (marks := markup_tags(title)) and runs(title):
        marked, title = title, shown_text(title) or without_tags(title)
        meta["title"] = title
        notes.append(f"title: {title} (its markup left out of {marked!r}: a title is plain text, and "
                     f"{', '.join(marks)} would run where a feed reader or theme shows it as HTML)")
    elif marks:
        notes.append(f"title: {', '.join(marks)} in the title, which is plain text: the site shows it as typed, "
                     f"escaped (verlag check names it); write the words only. The file is named from the words a "
                     f"reader sees: {named}.md")
    return ImportedArticle(named, meta, body, dict(images or {}), notes, source,
                           page, unpublished, home, origin, tuple(queries), tuple(remote_images), private, linked,
                           uploaded=tuple(uploaded))


class ImageNames(dict):
    """An article's images (a resolved path, or an inline image's bytes) -> their names under ``bilder/``, as
    ``local_name`` gives them, with the names given (``taken``) and, for each name an image asked for, the number
    the next image of that name tries first (``next_number``): naming 4,000 images called ``bild.png`` built the
    set of names and tried ``-2``, ``-3``, … again for each. Names are only ever added."""

    def __init__(self, names: dict[Path | InlineImage, str] | None = None) -> None:
        super().__init__(names or {})
        self.taken: set[str] = set(self.values())
        self.next_number: dict[str, int] = {}

    def __setitem__(self, file: Path | InlineImage, name: str) -> None:
        super().__setitem__(file, name)
        self.taken.add(name)


def local_name(names: ImageNames, file: Path | InlineImage, own: str | None = None) -> str:
    """The name ``file`` (a resolved path, or an inline image's bytes) has under ``bilder/`` in its article: ``own``
    (given: the name it had before a browser numbered it), else its own file name, or ``<stem>-2<suffix>``,
    ``-3``, … when another file of the same article has that name already (``names``: ``ImageNames``) (a Hugo bundle's ``karte.png`` and
    ``static/img/karte.png``). A name Windows cannot hold (``fsutil.windows_reserved``) loses its final dots and
    spaces (``foto.png.``: ``foto.png``) or, a device's name before its first dot (``con.png``, ``Nul.jpg``,
    ``com1.tar.gz``), gets the ``-2`` there (``con-2.png``, ``com1-2.tar.gz``), so the project can be checked out
    there. Remembered in ``names`` (file -> name)."""
    if file not in names:
        first = (own or file.name).rstrip(". ") or "bild"
        head, tail = Path(first).stem, Path(first).suffix
        if windows_reserved(first):  # a device's name before the first dot: the number goes after that name
            head, dot, rest = first.partition(".")
            head, tail = head.rstrip(" "), dot + rest
        n = names.next_number.get(first, 1)
        name = first if n == 1 else f"{head}-{n}{tail}"
        while name in names.taken or windows_reserved(name):
            n += 1
            name = f"{head}-{n}{tail}"
        names.next_number[first] = n + 1
        names[file] = name
    return names[file]


def image_destination(name: str) -> str:
    """The CommonMark link destination (0.31 section 6.3) of ``bilder/<name>`` as written in an article: in
    ``<…>`` when the name holds a space, a parenthesis or another character a plain destination cannot hold
    (``<bilder/Blüte groß.png>``)."""
    target = f"{IMAGES_DIR}/{name}"
    if not re.search(r"[\s()<>\\]", target):
        return target
    return "<" + re.sub(r"([<>\\])", r"\\\1", target) + ">"


def rewrite_destinations(body: str, names: dict[str, str]) -> str:
    """``body`` (CommonMark) with each inline link or image destination and each link reference definition's
    destination, in either form (``DESTINATION_RE``), that reads as an address of ``names`` written as
    ``image_destination`` of that address's name. An address is compared as markdown-it reads it: backslash
    escapes and entities resolved, then ``normalizeLink`` (percent-encoded), so ``<Blüte groß.png>`` and
    ``Blüte%20groß.png`` are the same address."""
    from markdown_it.common.normalize_url import normalizeLink
    from markdown_it.common.utils import unescapeAll

    wanted = {normalizeLink(address): name for address, name in names.items()}

    def swap(match: re.Match) -> str:
        written = match.group(2)
        name = wanted.get(normalizeLink(unescapeAll(written[1:-1] if written.startswith("<") else written)))
        return match.group(1) + image_destination(name) if name else match.group(0)

    return DESTINATION_RE.sub(swap, body) if wanted else body


# An id an old page's anchor may give: no white space (HTML's ids have none), no quote or angle bracket to escape.
ANCHOR_ID_RE = re.compile(r"[^\s\"'<>&]+")
ANCHOR_BLOCK_RE = re.compile(f'<div id="({ANCHOR_ID_RE.pattern})"></div>')  # ``anchor_block``'s, a line of its own
ANCHORS_KEPT = "anchors kept as an empty <div id> above their heading or block, where links and shared addresses lead"


def anchor_block(anchor: str) -> str | None:
    """The HTML block that keeps the id ``anchor`` the old blog gave a heading or another block (a WordPress
    heading's ``id`` or ``<a id>``, a paragraph's, list's or table's ``id``, a Hugo heading's ``{#id}``):
    ``<div id="…"></div>``, to stand on its own lines above it; None where ``anchor`` is no id. verlag's
    CommonMark has no attribute syntax for an id, and its heading ids are made from the German text (every
    edition keeps them, README "heading ids"); an HTML block is carried into every edition unchanged and is no
    catalog entry, so links to the old fragment (``buero.md#uebungen``, an address a reader shared that the
    redirect brings to the new page) find it in every language, and the ``fragment`` check counts it.
    ``settled_anchors`` then takes out those the page's own ids make needless or would repeat."""
    return f'<div id="{anchor}"></div>' if ANCHOR_ID_RE.fullmatch(anchor) else None


def settled_anchors(body: str, kept: dict[str, str]) -> tuple[str, list[str]]:
    """(``body`` without the anchor blocks it needs not or must not hold, its notes: ``ANCHORS_KEPT`` naming those
    left, if any, then one for each block it must not hold) of
    the CommonMark ``body`` holding ``anchor_block``'s block for each id of ``kept`` (id -> the text of what it
    marked). A block right above the heading whose id verlag gives (``render.heading_ids``, with the ``-1``
    verlag adds to a repeated heading) is that id already: taken out, unsaid. One whose id verlag gives another
    heading, or another anchor above has, would repeat an id on the page (a link leads to the first): taken out
    and named with where links to it lead now. Only blocks of ``kept`` at the top level are looked at: an
    author's own ``<div id>`` in a Markdown file stays as written."""
    from .render import heading_ids

    if not kept:
        return body, []
    lines = body.split("\n")
    given = heading_ids(body)
    at_line = dict(given)
    headings = {found: line for line, found in reversed(given)}  # the first heading of each id
    drop, notes, seen = set(), [], set()
    for number, line in enumerate(lines):
        match = ANCHOR_BLOCK_RE.fullmatch(line)
        if not match or match[1] not in kept:
            continue
        anchor = match[1]
        below = next((n for n in range(number + 1, len(lines)) if lines[n].strip()), None)
        if at_line.get(below) == anchor:
            drop.add(number)
        elif anchor in headings or anchor in seen:
            drop.add(number)
            heading = lines[headings[anchor]].lstrip("#").strip() if anchor in headings else None
            notes.append(f"anchor #{anchor} ({kept[anchor]}) not kept: "
                         + (f"verlag gives that id to the heading {heading!r}, where links to it lead now"
                            if heading is not None else "an anchor above has that id, where links to it lead now"))
        seen.add(anchor)
    if not drop:
        return body, _kept_note(body, kept) + notes
    out = []
    for number, line in enumerate(lines):
        if number in drop or (number - 1 in drop and not line.strip()):
            continue
        out.append(line)
    settled = "\n".join(out)
    return settled, _kept_note(settled, kept) + notes


def _kept_note(body: str, kept: dict[str, str]) -> list[str]:
    """The ``ANCHORS_KEPT`` note naming each anchor of ``kept`` whose block ``body`` holds, with what it marked; []
    for none."""
    left = {found[1] for found in ANCHOR_BLOCK_RE.finditer(body)}
    named = [f"#{anchor} ({text})" for anchor, text in kept.items() if anchor in left]
    return [f"{ANCHORS_KEPT}: " + ", ".join(named)] if named else []


def legal_slug(title: str, address: str | None) -> str | None:
    """The slug of a legal page (``scaffold.LEGAL_SLUGS``: ``impressum``, ``datenschutzerklaerung``,
    ``privacy-policy``, …) that a page's title, or a part of it beside the site's name ("Impressum | Praxis
    Sommer"), or the last part of its ``address`` (a URL, a path or a slug) names; None for any other page."""
    last = unquote((split_url(address or "") or NO_ADDRESS).path).rstrip("/").rsplit("/", 1)[-1]
    title = shown_text(title)
    candidates = [title, *re.split(r"\s+[|–—·:-]\s+", title), Path(last).stem]
    return next((slug for slug in map(ascii_slug, candidates) if slug in LEGAL_SLUGS), None)


def completed(article: ImportedArticle, author: str | None, site_url: str | None = None) -> ImportedArticle:
    """``article`` with ``author`` (verlag.toml's) where the source names none (a legal page, one of
    ``scaffold.LEGAL_SLUGS``, gets none, its source's left out and noted: the page is the practice's, no writer's,
    and shows no byline), the summary's lines
    for what is still missing: ``no date found`` and ``not found: …`` (``MISSING``), and one for each place
    whose raw HTML or image runs code or loads from another host than the site's (``site_url``, verlag.toml's
    ``base_url``) and the old blog's (``article.home``) (``rawhtml.active_html``), which the site would publish as
    written; the notes of embeds made links name their lines (``_embeds_at_lines``), as those
    do, in the file as written. Invisible line-break hints copied from web pages (``invisible.HINTS``: soft
    hyphens, zero-width spaces) are dropped from the text and counted in a note: a reader never sees them, but
    a word retyped without them would be a changed sentence to every translation; the notes quote the text
    without them too."""
    from .invisible import count_hints, without_hints
    from .rawhtml import active_html

    article = dataclasses.replace(article, notes=[without_hints(note) for note in article.notes])
    hints = count_hints(article.body) + sum(count_hints(str(v)) for k, v in article.meta.items() if k in TEXT_KEYS)
    if hints:
        meta = {k: ([without_hints(t) for t in v] if isinstance(v, list) else without_hints(v)) if k in TEXT_KEYS
                else v for k, v in article.meta.items()}
        article = dataclasses.replace(article, meta=meta, body=without_hints(article.body), notes=[
            *article.notes, f"dropped {counted(hints, 'invisible hyphenation hint')} (soft hyphens U+00AD, "
            "zero-width spaces U+200B, word joiners U+2060, as web pages carry them): a reader never sees them"])
    meta = dict(article.meta)
    legal = article.page and article.slug in LEGAL_SLUGS
    if legal and "author" in meta:
        names = meta.pop("author")
        note = f"author left out: {', '.join(names) if isinstance(names, list) else names} (a legal page has no byline)"
        article = dataclasses.replace(article, meta=dict(meta), notes=[*article.notes, note])
    if "author" not in meta and author and not legal:
        meta = {key: author if key == "author" else meta[key] for key in FRONT_KEYS
                if key in meta or key == "author"}
    text = render_markdown(dataclasses.replace(article, meta=meta))  # as written: the lines the notes name
    head = text.index("\n---\n") + 5
    notes = [*_embeds_at_lines(article.notes, text, head),
             *(f"line {line} runs code or loads from another host: {', '.join(found)}"
               for line, found in active_html(text[head:], text.count("\n", 0, head) + 1,
                                              tuple(url for url in (article.home, site_url) if url)))]
    if meta != article.meta:
        why = "the source's was left out" if any(n.startswith("author left out: ") for n in notes) else \
            "the source names none"
        notes.append(f"author: {author} from verlag.toml ({why})")
    if "date" not in meta:
        notes.append("no date found: add 'date: YYYY-MM-DD' before publishing")
    missing = [MISSING[key] for key in MISSING if key not in meta and not (legal and key == "author")]
    notes += [f"not found: {', '.join(missing)}"] if missing else []
    return dataclasses.replace(article, meta=meta, notes=notes)


# ``completed``'s notes that name a line of the file written: raw HTML that runs code, an embed made a link
WRITTEN_LINE_NOTE_RE = re.compile(r"^line (\d+)(?= runs code or loads from another host: |: (?:embed|embedded page) "
                                  r"kept as a link: )")


def with_front_matter_of(notes: list[str], before: ImportedArticle, after: ImportedArticle) -> list[str]:
    """``notes`` of ``before`` (``completed``'s, which name lines of its written file: ``WRITTEN_LINE_NOTE_RE``)
    with those lines moved by the lines ``after``'s front matter has more (a translation's old addresses added to
    its ``aliases``), so each still names the line it is about in the file as written."""
    def head(article: ImportedArticle) -> int:
        text = render_markdown(article)
        return text.count("\n", 0, text.index("\n---\n") + 5)

    moved = head(after) - head(before)
    return [WRITTEN_LINE_NOTE_RE.sub(lambda match: f"line {int(match.group(1)) + moved}", note) for note in notes] \
        if moved else notes


def without_final_colon(text: str) -> str:
    """``text`` that a note quotes before its own ": advice" (``left out (widget text?): Folgen Sie uns auf: add it
    by hand``) without a colon of its own at its end, which doubled the note's (``auf:: add``)."""
    return text.rstrip().removesuffix(":").rstrip()


def in_written_file(note: str, name: str) -> str:
    """``note`` with a line of the written file ``name`` (``completed``: raw HTML that runs code or loads from
    another host, an ``<iframe>`` made a link) named by that file, as ``check`` names it
    (``holunder-im-herbst.md:17 runs code …``, ``dehnen.md:8: embed kept as a link: …``), not as ``line 17``, which
    under ``wrote … (from blog-feed.xml:2)`` read as a line of the feed, and under ``wrote … (from
    content/posts/tee.md)`` as one of the Hugo file, as the notes of its figures are; any other note as it is."""
    return WRITTEN_LINE_NOTE_RE.sub(lambda match: f"{name}:{match.group(1)}", note)


EMBED_NOTE_RE = re.compile(r"^(?:embed|embedded page) kept as a link: (\S+)")  # ``importer_html.iframe_link``'s


def _embeds_at_lines(notes: list[str], text: str, head: int) -> list[str]:
    """``notes`` with each note of an ``<iframe>`` made a link (``EMBED_NOTE_RE``) led by the line of the written
    ``text`` (its body from ``head``) that links its address, the first not named yet: the author finds it there."""
    lines = text[head:].split("\n")
    first, taken, out = text.count("\n", 0, head) + 1, set(), []
    for note in notes:
        match = EMBED_NOTE_RE.match(note)
        at = next((n for n, line in enumerate(lines) if n not in taken and match and match.group(1) in line), None)
        if at is not None:
            taken.add(at)
            note = f"line {first + at}: {note}"
        out.append(note)
    return out


def language_of(article: ImportedArticle, source_language: str, languages: list[str]) -> str | None:
    """The one of the project's ``languages`` other than ``source_language`` that ``article``'s title and text read
    as (``align.reads_as``), None for the source language or one that cannot be told."""
    from .align import reads_as

    words = [w.lower() for w in re.findall(r"[^\W\d_]+", f"{article.meta['title']}\n{article.body}")]
    return reads_as(words, source_language, languages)


def foreign(article: ImportedArticle, source_language: str, languages: list[str]) -> VerlagError | None:
    """An error naming ``article``'s source when its title and text read as another of the project's
    ``languages`` than ``source_language`` (``align.reads_as``: a translation, say ``tee.en.md`` or an English
    saved page in a folder of sources), None when they read as the source language or cannot be told. Such a
    text imported as a German original would be listed as German and translated from English."""
    from babel import Locale

    lang = language_of(article, source_language, languages)
    if lang is None:
        return None
    path, _, line = article.source.rpartition(":")
    where = (path, int(line)) if path and line.isdigit() else (article.source, None)
    name = lambda code: Locale.parse(code.replace("-", "_")).english_name or code  # noqa: E731
    return VerlagError(f"reads as {name(lang)}, not {name(source_language)}: not imported as an "
                       f"original; a translation of an article is brought in with verlag import --translation-of "
                       f"SLUG --lang {lang} {shlex.quote(where[0])}", *where)


INLINE_IMAGE_RE = re.compile(rb"data:image/[^\s\"'<>()]*")  # a picture pasted into a page: its bytes in base64


def too_large(limit: Limit, data: bytes, ref) -> None:
    """Raise ``VerlagError`` naming ``ref`` (file or file:line, no line) when ``data`` (a page, a post, an
    article's Markdown) is over ``limit``; where inline images (``data:`` addresses) make a megabyte of it or
    more, the message says how much and how many, and how to keep them: a picture pasted inline is the usual
    cause, and lxml's parser drops an attribute over 10 MB, with the rest of its page, without a word."""
    if len(data) <= limit.bytes:
        return
    images = [len(m.group()) for m in INLINE_IMAGE_RE.finditer(data)]
    if sum(images) < 1 << 20:
        limit.check(len(data), ref)
    raise VerlagError(f"{size_text(len(data))} is more than verlag reads of {limit.what} ({size_text(limit.bytes)}); "
                      f"{size_text(sum(images))} of it {'is' if len(images) == 1 else 'are'} "
                      f"{counted(len(images), 'inline image')} (a data: address): save "
                      f"{'it' if len(images) == 1 else 'each'} as an image file beside the post and refer to it by "
                      "its name", ref)


def utf16_as_utf8(path: Path, data: bytes) -> tuple[bytes, str | None]:
    """(``data`` as UTF-8, the note saying it was UTF-16) for a file saved in UTF-16: with a byte order mark (a
    page, a text saved as "Unicode" by Notepad or Word), or without one where its first characters are ASCII, so a
    NUL beside each, and its text declares UTF-16 (``UTF16_DECLARED_RE``); a declaration of UTF-16 is rewritten to
    UTF-8, which the bytes are then. Any other ``data`` as it is, with None. Raises ``VerlagError`` at the line
    where such a file is no UTF-16."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec, why = ("utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"), "its byte order mark"
        data = data[2:]
    elif len(data) >= 2 and (data[0] == 0) != (data[1] == 0):
        codec, why = ("utf-16-be" if data[0] == 0 else "utf-16-le"), "its <meta charset>"
        if not UTF16_DECLARED_RE.search(data[:DECLARATION_HEAD].decode(codec, "replace")):
            return data, None
    else:
        return data, None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].decode(codec, "replace").count("\n") + 1
        raise VerlagError(f"read as UTF-16 ({why}), yet not UTF-16 from here on: save it as UTF-8", path, line) \
            from None
    head = text[:DECLARATION_HEAD]  # where a declaration is: searched whole, the pattern was quadratic in "<meta "
    return (UTF16_DECLARED_RE.sub(r"\1utf-8", head, count=2) + text[DECLARATION_HEAD:]).encode("utf-8"), \
        f"encoding: read as UTF-16 ({why})"


def detect_kind(path: Path, data: bytes) -> str:
    """``wxr``, ``feed``, ``html``, ``markdown`` (front matter between ``---`` or ``+++`` lines, the whole
    file read for its closing line, or an ``.md`` file with a level-1 heading) or ``text`` from the first 4 KiB of
    a file (its suffix does not count otherwise: saved exports are often called ``.xml`` or ``.txt``; only an
    ``.html``/``.htm`` file that is none of the others is HTML, not text, a fragment copied without its ``<div>``
    too). Raises ``VerlagError`` for an image,
    PDF or other binary file (``BINARY_MAGIC``, or a control character in a file that does not start with markup:
    a page's stray control byte makes no binary file, as the MIME Sniffing standard looks for HTML's tags first,
    https://mimesniff.spec.whatwg.org/#identifying-a-resource-with-an-unknown-mime-type), and for XML of another
    kind."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(BINARY_MAGIC) or (CONTROL_RE.search(data[:4096]) and not head.startswith(b"<")):
        raise VerlagError("not a saved page, WordPress export, feed or text file verlag can import "
                          "(it is binary, e.g. an image or PDF)", path, 1)
    if b"wordpress.org/export/" in data[:65536].lower():
        return "wxr"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if b"<html" in head or b"<body" in head:
        return "html"
    if head.startswith(b"<"):
        from .importer_text import html_fragment  # importer_text imports this module

        if html_fragment(data):
            return "html"
    if head.startswith(b"<?xml"):
        raise VerlagError("an XML file that is neither a WordPress export (WXR) nor an RSS/Atom feed", path, 1)
    if head.startswith((b"---", b"+++")) or path.suffix.lower() in MARKDOWN_SUFFIXES:
        from .importer_markdown import front_matter_fence, markdown_title

        text = normalise(data.decode("utf-8", "replace"))
        if front_matter_fence(text) or (path.suffix.lower() in MARKDOWN_SUFFIXES and markdown_title(text)):
            return "markdown"
    return "html" if path.suffix.lower() in (".html", ".htm") else "text"


def read_import(path: Path, *, year: int | None = None, kind: str | None = None, author: str | None = None,
                uploads: Path | None = None, zone: dt.tzinfo | None = None, site_url: str | None = None,
                bundle: bool = False) -> tuple[list[ImportedArticle], list[VerlagError]]:
    """(the articles, the problems) of one source file (a folder's files: ``importer_folder.import_files``).

    ``kind``: one of ``KINDS``, or None to detect it (``detect_kind``); a file in UTF-16 is read as that
    (``utf16_as_utf8``). ``year``: the year for
    German dates written without one ("3. März") in pasted text. ``author``: verlag.toml's, for articles
    whose source names none (``completed``). ``uploads``: a copy of a WordPress blog's ``wp-content/uploads/``
    folder, where an export's images are taken from (``importer_html.read_wxr``). ``zone``: verlag.toml's
    ``timezone``, the zone of a time a saved page, a feed, a WordPress post's ``updated`` or a Markdown file outside
    a site with its own states without one (else a saved page's gives only the day, the others are UTC). ``site_url``: verlag.toml's
    ``base_url``, whose images are no other host's (``completed``). ``bundle``: the file is a page bundle's
    ``index.md``, imported as its folder (``importer_folder.import_files``). A problem is a
    ``VerlagError`` naming the file and line of
    bad input: a file that cannot be read gives no article, an item of an export or feed that cannot be
    imported (a WordPress post without a title) is left out and the other items are returned.
    """
    from . import importer_html, importer_markdown, importer_text

    articles: list[ImportedArticle] = []
    errors: list[VerlagError] = []
    utf16 = None
    try:
        data, utf16 = utf16_as_utf8(path, file_bytes(path, IMPORTED))
        found = kind or detect_kind(path, data)
        if found == "html" and importer_text.wrapped_text(data):
            found = "text"  # an HTML wrapper around copied text (no <p>, no <h2>): its lines are the blocks
        if found == "text":
            articles.append(importer_text.read_text(path, data, year))
        elif found == "markdown":
            articles.append(importer_markdown.read_markdown(path, data, zone, bundle=bundle))
        elif found == "html":
            articles.extend(importer_html.read_page(path, data, zone))
        else:
            items, skipped = importer_html.read_wxr(path, data, uploads, zone) if found == "wxr" else \
                importer_html.read_feed(path, data, zone)
            articles.extend(items)
            errors.extend(skipped)
        if found in ("text", "markdown", "html") and len(articles) == 1:  # the file holds this article alone
            articles = [dataclasses.replace(articles[0], file_key=f"sha256:{hashlib.sha256(data).hexdigest()}")]
    except VerlagError as exc:
        if exc.path is None:  # found in the file's HTML (``importer_html.parse_html``)
            exc.path = path
        errors.extend(exc.errors if isinstance(exc, ManyErrors) else [exc])
    except OSError as exc:  # unreadable: the system's words
        errors.append(VerlagError(exc.strerror or str(exc), path))
    if utf16:
        articles = [dataclasses.replace(a, notes=[*a.notes[:1], utf16, *a.notes[1:]]) for a in articles]
    done = []
    for article in (completed(article, author, site_url) for article in articles):
        try:  # what extract would refuse is not written
            too_large(SOURCE, render_markdown(article).encode("utf-8"), article.source)
        except VerlagError as exc:
            errors.append(exc)
        else:
            done.append(article)
    return done, errors


def stay_remote(placed: list[Placed], folder: str, uploads: Path | None = None) -> list[tuple[str, str]]:
    """(export file, warning) for each source whose written articles show images that stay on the old blog's server
    (``ImportedArticle.remote_images``), one for all of them: the site loses them when that server is shut down.
    ``folder``: the name of the project's source folder (``source_de``), where ``--uploads`` copies them to;
    ``uploads``: the folder ``--uploads`` gave, which lacked them (each is named in its article's notes), so the
    warning does not advise the option."""
    by_file: dict[str, list[ImportedArticle]] = {}
    for p in placed:
        if p.article.remote_images and not p.imported_as:
            by_file.setdefault(p.article.source.rpartition(":")[0] or p.article.source, []).append(p.article)
    warnings = []
    for file, articles in by_file.items():
        images = len({url for article in articles for url in article.remote_images})
        home = (articles[0].home or "").rstrip("/")
        where = (f"{counted(images, 'image')} of {counted(len(articles), 'article')} "
                 f"{'stays' if images == 1 else 'stay'} on the old blog's server ({home}/wp-content/uploads/…)")
        them = "it" if images == 1 else "them"
        warnings.append((file, f"{where}, not being in {shown_path(uploads)}: the site loses {them} when that server "
                         "is shut down" if uploads is not None else
                         f"{where}: the site loses {them} when that server is shut down; import with --uploads DIR, "
                         f"a copy of the blog's wp-content/uploads folder, to copy {them} into {folder}/{IMAGES_DIR}/"))
    return warnings


def render_markdown(article: ImportedArticle) -> str:
    """The exact text of ``source_de/<slug>.md``: YAML front matter in ``FRONT_KEYS`` order (dates as
    YAML dates or timestamps, the forms ``sources.read_date`` reads; ``tags`` and several authors as one ``[a, b]``
    line,
    ``aliases`` one per line), then the CommonMark body. The ``draft`` line of an article its old blog
    never published says so in a YAML comment (``draft: true  # a draft in Hugo too: …``), and the front matter
    ends with the article's ``origin`` as one (``# imported from content/posts/tee.md of https://…/``). An alias
    that was a translation's old address (``alias_languages``) is followed by one naming its language
    (``sources.ALIAS_LANGUAGE_RE``), which the site stage reads (``Article.alias_languages``)."""
    def dumped(key: str, value) -> str:
        if key != "aliases" or not article.alias_languages:
            flow = isinstance(value, list) and key in ("tags", "author")  # one [a, b] line
            return yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=flow and None, width=1 << 16)
        lines = [yaml.safe_dump([alias], allow_unicode=True, width=1 << 16).rstrip("\n") for alias in value]
        return "aliases:\n" + "".join(
            line + (f"  # {lang}: the old address of its {lang} translation" if lang else "") + "\n"
            for line, lang in zip(lines, (article.alias_languages.get(alias) for alias in value)))

    front = "".join(dumped(key, value) for key, value in article.meta.items())
    if article.unpublished:
        front = front.replace("draft: true\n", f"draft: true  # {never_public(article.unpublished)}\n", 1)
    if article.origin:
        front += f"# imported from {article.origin}\n"
    return f"---\n{front}---\n{article.body.strip()}\n"


@dataclass(frozen=True)
class Placed:
    """Where an imported article goes: ``path`` (its source file), the article with its final slug and
    image references, the images to copy (source, target), and what happened to its name."""

    article: ImportedArticle
    path: Path
    text: str
    images: list[tuple[Path | InlineImage, Path]]
    renamed_from: str | None = None  # the slug it would have had, when that one was taken
    imported_as: Path | None = None  # the existing article it was imported as before: nothing to write
    replaces_template: bool = False  # ``path`` is init's legal page as init wrote it, placeholders only
    unfilled_holder: Path | None = None  # the page keeping its slug, which still holds [[AUSFÜLLEN: ...]]
    kept_catalogs: tuple[Path, ...] = ()  # a deleted article's catalogs, which kept it from ``renamed_from``
    unreadable: tuple[VerlagError, ...] = ()  # its images that cannot be read (not copied), each naming its file


def place(articles: list[ImportedArticle], source_dir: Path,
          kept: Callable[[str], list[Path]] = lambda slug: []) -> list[Placed]:
    """Choose each article's file without overwriting anything.

    An article imported before is skipped (``imported_as``): an existing article in ``source_dir`` or
    ``source_dir/seiten`` came from the same file of the same old site (``origin``), shares one of its old
    addresses (``aliases``) or has the same ``title`` and ``date`` (also after the author edited it, corrected
    its aliases or removed ``draft: true``), or the same ``title`` and most of its text where the source has no
    date (the author may have added it since, ``_dated_since``); an article of this run is the same as an earlier
    one of the run by origin or old address, or by title and date when it has no old address. An undated one whose
    title alone an article has is imported, its notes naming that article. Otherwise a slug
    already used there (a file's name or its ``slug:``), earlier in this run, reserved, or one whose catalogs a
    deleted article left (``kept``: slug -> those catalogs, ``scaffold.kept_catalogs``; their header and
    translator credit are another article's, as for ``verlag new``) gets ``-2``, ``-3``, …, and so does one Windows
    keeps for a device (``con``, ``aux``: ``fsutil.windows_reserved``), which no file or folder there may have.
    An image goes to
    ``source_dir/bilder/<name>``; a different file already there makes it ``<stem>-2<suffix>`` (a name no other
    image of the article has) and the body's references follow. An image that cannot be read is not copied
    (``unreadable``, naming it); the article and the other images are.

    The exception: an imported page (a WordPress page) whose slug is that of a legal page ``verlag init`` wrote
    and nobody touched since (``scaffold.untouched_template``: nothing but ``[[AUSFÜLLEN: ...]]`` placeholders),
    or a common slug of that page elsewhere (``scaffold.LEGAL_SLUGS``: ``datenschutzerklaerung``,
    ``privacy-policy``, ``imprint``, …), replaces it (``replaces_template``): the old blog's Impressum is the
    practice's, the template is none. It takes the template's slug, so the footer's links (``[site] legal``)
    stay; its old address stays in ``aliases``. A page edited since keeps its slug, and when it still holds
    placeholders the newcomer names it (``unfilled_holder``) so the author merges the two (not a template an
    earlier article of the run takes the place of: that holds none then).
    """
    existing = [p for folder in (source_dir, source_dir / PAGES_DIR) for p in sorted(folder.glob("*.md"))]
    templates = {p.stem: p for p in existing if p.parent.name == PAGES_DIR and untouched_template(p)}
    claims = [(p, {p.stem, likely_slug(p)}) for p in existing]  # each file's slugs, read once per run
    taken = {slug for _, slugs in claims for slug in slugs}
    taken.update(RESERVED_SLUGS)
    known = _Known()  # each file's ``_Identity``
    for p in existing:
        if p not in templates.values():
            known.add(p, _identity(p), before_run=True)
    targets = _ImageTargets(source_dir / IMAGES_DIR)
    next_number: dict[str, int] = {}  # a slug -> the number its next namesake tries first (all below are taken)
    placed: list[Placed] = []
    replaced: set[Path] = set()  # templates an article of this run takes the place of: no placeholders are left
    for article in articles:
        folder = source_dir / PAGES_DIR if article.page else source_dir
        mine = _Identity.of(article)
        before = known.imported_as(article, mine)
        if before is not None:
            placed.append(Placed(article, before, render_markdown(article), [], None, before))
            continue
        namesake = known.namesake(mine)
        if namesake is not None:
            article = dataclasses.replace(article, notes=[
                *article.notes, f"{namesake.parent.name}/{namesake.name} has this title but other text: imported "
                "as another article (delete it if it is the same one)"])
        article, images, unreadable = _place_images(article, source_dir, targets)
        legal = LEGAL_SLUGS.get(article.slug, article.slug) if article.page else article.slug
        if article.page and legal in templates:
            path = templates.pop(legal)
            replaced.add(path)
            article = dataclasses.replace(article, slug=legal)
            known.add(path, mine)
            placed.append(Placed(article, path, render_markdown(article), images, replaces_template=True,
                                 unreadable=unreadable))
            continue
        orphaned = () if article.slug in taken else tuple(kept(article.slug))
        n = next_number.get(article.slug, 1)
        slug = article.slug if n == 1 else f"{article.slug}-{n}"
        while slug in taken or kept(slug) or windows_reserved(slug):
            n += 1
            slug = f"{article.slug}-{n}"
        next_number[article.slug] = n + 1
        final = dataclasses.replace(article, slug=slug)
        path = folder / f"{slug}.md"
        taken.add(slug)
        known.add(path, mine)
        holder = next((p for p, slugs in claims if {article.slug, legal} & slugs and p not in replaced
                       and _unfilled(p)), None)
        placed.append(Placed(final, path, render_markdown(final), images,
                             article.slug if slug != article.slug else None,
                             unfilled_holder=holder if slug != article.slug or legal != article.slug else None,
                             kept_catalogs=orphaned, unreadable=unreadable))
    return placed


def _unfilled(path: Path) -> bool:
    """Whether the source at ``path`` still holds one of init's ``[[AUSFÜLLEN: ...]]`` placeholders."""
    try:
        return PLACEHOLDER_RE.search(file_bytes(path, SOURCE).decode("utf-8", errors="replace")) is not None
    except (OSError, VerlagError):  # unreadable, too large or no file (a named pipe, never opened)
        return False


def relink(placed: list[Placed], counted: set[int] | None = None) -> tuple[list[Placed], Counter]:
    """(``placed`` with the links between its articles rewritten, how many were by the kind of their target:
    ``"post"`` or ``"page"``, so the summary names what they lead to): a link or image in one
    imported body whose destination is another imported article's old address (an ``aliases`` entry: the
    post's or page's ``<link>`` or permalink) becomes that article's source file (``other-slug.md``, its ``#fragment``
    kept), which every stage resolves to the page in the reader's language. An address matches as a full
    URL on the old host (an alias's, or the site's own address from its config, ``ImportedArticle.home``), as
    a root-relative path, or as a relative one (``../linde/``) that leads there from the linking article's old
    addresses (from each that leads anywhere, to the same article), with or without its final ``/`` or ``index.html``
    (``_old_key``); a destination is read as markdown-it reads it (``DESTINATION_RE``: inline links and link
    reference definitions, ``<…>`` or plain, backslash escapes and entities resolved). Jekyll's own links to a
    post are resolved alike (``LIQUID_DESTINATION_RE``): ``{% post_url 2023-11-12-abendroutine %}`` (the post's
    file name without its suffix), ``{% link _posts/2023-10-04-linden-tee.md %}`` (its path in the site) and a
    path after ``{{ site.url }}``/``{{ site.baseurl }}`` or given to ``relative_url`` (the site's ``baseurl``,
    ``ImportedArticle.home``); so are Hugo's ``ref``/``relref`` shortcodes (``HUGO_REF_DESTINATION_RE``, looked up as
    ``_hugo_target``). One of these leading to no imported article stays as written and is named in the article's
    notes at its line of the file written (``bad.md:15: …``), where the author rewrites it. A page
    (``seiten/``) is a target like a post; addresses two articles share are none; links to anything else stay as
    written. Links by query (WordPress's plain permalinks ``/?p=41``, ``?page_id=7``, ``index.php?p=41``, also as a
    full URL on the old host) lead to the article or page whose ``queries`` on that ``home`` hold it. A host and
    its ``www.`` form are one site (``site_host``). Links are written relative to the linking file
    (``seiten/ueber.md``, ``../holunder.md``). ``counted``: the indices of ``placed`` whose rewritten links the
    count counts (None: all), so that a summary counts only what it writes. An address ``urlsplit`` cannot read
    (``urlparts``) leads nowhere and stays as written."""
    hosts = {url_host(p.article.home) for p in placed if p.article.home}
    found: dict[str, set[Path]] = {}
    for p in placed:
        for alias in p.article.meta.get("aliases", []):
            parts = split_url(alias) or NO_ADDRESS
            hosts.add(site_host(parts.netloc))
            if not parts.query:  # one by query (a shortlink, ``?p=41``) is among its ``queries``
                found.setdefault(_old_key(alias), set()).add(p.path)
    targets = {key: paths.pop() for key, paths in found.items() if len(paths) == 1}
    files = {Path(p.article.source).absolute(): p.path for p in placed if not p.article.page}
    by_query: dict[tuple[str, str, str], set[Path]] = {}
    for p in placed:
        for query in p.article.queries if p.article.home else ():
            home = split_url(p.article.home) or NO_ADDRESS
            by_query.setdefault((site_host(home.netloc), _query_path(home.path), query), set()).add(p.path)
    queried = {key: paths.pop() for key, paths in by_query.items() if len(paths) == 1}
    count: Counter = Counter()
    if not targets and not files and not queried and not any("{{" in p.article.body or "{%" in p.article.body
                                                              for p in placed):  # no link, and no tag to name
        return placed, count
    hugo_pages = _hugo_pages(files) if any(HUGO_REF_DESTINATION_RE.search(p.article.body) for p in placed) else {}
    from markdown_it.common.utils import unescapeAll

    pages = {p.path for p in placed if p.article.page}

    def liquid(source: Path, article: ImportedArticle, match: re.Match, unresolved: list[tuple[int, str]]) -> str:
        """A Jekyll link (``LIQUID_DESTINATION_RE``) to an imported post: its file; anything else as written, and
        named in ``unresolved`` (the body's line it starts on, counted from 0, and its text) when it is Liquid."""
        prefix, tag, argument, filtered, rest = match[2], match[3], match[4], match[5], match[6]
        if not prefix and not tag and filtered is None:
            return match[0]
        if tag:
            name = argument if tag == "link" else f"{argument}.md"
            target = next((path for file, path in files.items() if file.as_posix().endswith("/" + name)
                           or (tag == "post_url" and "_posts" in file.parts and file.stem == Path(argument).name)),
                          None)
            if target is None or (rest and not rest.startswith("#")):
                unresolved.append((match.string.count("\n", 0, match.start(2)), match[0][len(match[1]):]))
                return match[0]
            count["page" if target in pages else "post"] += 1
            return match[1] + Path(os.path.relpath(target, source.parent)).as_posix() + rest
        base = (split_url(article.home) or NO_ADDRESS).path.rstrip("/") if article.home else ""
        url = re.sub(r"\{\{-?\s*site\.url\s*-?\}\}", "", prefix)
        url = re.sub(r"\{\{-?\s*site\.baseurl\s*-?\}\}", base, url)
        url += (base + "/" + filtered.lstrip("/") if filtered is not None else "") + rest
        parts = split_url(url)
        target = targets.get(_old_key(url)) if url.startswith("/") and parts is not None and not parts.query else None
        if target is None:
            unresolved.append((match.string.count("\n", 0, match.start(2)), match[0][len(match[1]):]))
            return match[0]
        count["page" if target in pages else "post"] += 1
        link = Path(os.path.relpath(target, source.parent)).as_posix()
        return match[1] + link + (f"#{parts.fragment}" if parts.fragment else "")

    def hugo(source: Path, article: ImportedArticle, match: re.Match, unresolved: list[tuple[int, str]]) -> str:
        """A Hugo ``ref``/``relref`` link (``HUGO_REF_DESTINATION_RE``) to an imported page: its file; one to no
        imported page stays as written and is named in ``unresolved``."""
        written = next(g for g in match.groups()[2:5] if g is not None)
        path, _, fragment = (written + (match[6] or "")).partition("#")
        if not path.strip():  # "#anchor": a place on the same page
            return match[1] + "#" + fragment
        target = _hugo_target(path, Path(article.source).absolute(), hugo_pages)
        if target is None:
            unresolved.append((match.string.count("\n", 0, match.start(2)), written))
            return match[0]
        count["page" if target in pages else "post"] += 1
        link = Path(os.path.relpath(target, source.parent)).as_posix()
        return match[1] + link + (f"#{fragment}" if fragment else "")

    def replace(source: Path, article: ImportedArticle, match: re.Match) -> str:
        written = match[2]
        url = unescapeAll(written[1:-1] if written.startswith("<") else written)
        parts = split_url(url)
        if parts is None:
            return match[0]
        if not parts.scheme and not parts.netloc and parts.path and not url.startswith("/"):
            # relative to the page's old address (Hugo's ``[Linde](../linde/)``), as the old site's readers followed it
            found = {targets.get(_old_key(urljoin(alias, url))) for alias in article.meta.get("aliases", [])
                     if (old := split_url(alias)) is not None and not old.query} - {None}
            target = found.pop() if len(found) == 1 else None
            if target is None:
                return match[0]
            count["page" if target in pages else "post"] += 1
            link = Path(os.path.relpath(target, source.parent)).as_posix()
            return match[1] + link + (f"#{parts.fragment}" if parts.fragment else "")
        if parts.scheme not in ("", "http", "https") or (parts.netloc and site_host(parts.netloc) not in hosts):
            return match[0]
        if parts.query:
            host, path = site_host(parts.netloc), _query_path(parts.path)
            target = next((file for (home, root, query), file in queried.items() if query == parts.query
                           and host in ("", home) and (path == root or not parts.path)), None)
        else:
            target = targets.get(_old_key(url)) if parts.netloc or url.startswith("/") else None
        if target is None:
            return match[0]
        count["page" if target in pages else "post"] += 1
        link = Path(os.path.relpath(target, source.parent)).as_posix()
        return match[1] + link + (f"#{parts.fragment}" if parts.fragment else "")

    out = []
    for index, p in enumerate(placed):
        before = dict(count)
        body, liquids, refs = p.article.body, [], []
        if not p.imported_as:
            body = DESTINATION_RE.sub(lambda m, path=p.path, article=p.article: replace(path, article, m), body) \
                if targets or queried else body
            body = LIQUID_DESTINATION_RE.sub(lambda m, path=p.path, article=p.article:
                                             liquid(path, article, m, liquids), body)
            body = HUGO_REF_DESTINATION_RE.sub(lambda m, path=p.path, article=p.article:
                                               hugo(path, article, m, refs), body)
        if body != p.article.body or liquids or refs:
            from .segment import TEMPLATE_TAG_RE

            notes = [note for note in p.article.notes if TEMPLATE_TAG_RE.search(body)
                     or not note.startswith(TAGS_KEPT)]  # the Liquid or Hugo links were the template tags
            article = dataclasses.replace(p.article, body=body, notes=notes)
            text = render_markdown(article)
            # the written file's line of the body's first (rewriting keeps the body's lines: no destination rewritten
            # holds a line break)
            first = text.count("\n", 0, text.index("\n---\n") + 5) + 1
            notes += [f"{p.path.name}:{first + line}: link {written} kept as Liquid text: it "
                      "leads to no post or file this import brought in: import that post with the site, or link its "
                      "file (other-slug.md), a file saved into source_de/ or a full address"
                      for line, written in liquids]
            notes += [f"{p.path.name}:{first + line}: link to {ref!r} (Hugo's ref shortcode) "
                      "leads to no imported article: link its file (other-slug.md) or its full address instead"
                      for line, ref in refs]
            article = dataclasses.replace(article, notes=notes)
            p = dataclasses.replace(p, article=article, text=text)
        if counted is not None and index not in counted:  # its links are not written now
            count.clear()
            count.update(before)
        out.append(p)
    return out, count


def _hugo_pages(files: dict[Path, Path]) -> dict[str, Path]:
    """The imported articles of a Hugo site (``files``: source file -> article file) by the path Hugo's ``ref``
    looks them up by: below the content folder, without suffix and ``.<lang>``, a leaf bundle by its folder
    (``posts/tee``); "" for a page of no Hugo site."""
    from .importer_folder import hugo_page

    out: dict[str, Path] = {}
    for file, path in files.items():
        found = hugo_page(file) if file.suffix.lower() in (".md", ".markdown") else None
        if found is not None:
            out[_hugo_key(file.relative_to(found[0]).as_posix())] = path
    return out


def _hugo_key(path: str) -> str:
    """A Hugo page's path as ``ref`` names it, without leading or final ``/``, suffix, ``.<lang>`` (Hugo's
    translation by file name) and a bundle's ``index``: ``/posts/tee.en.md`` and ``posts/tee/`` are ``posts/tee``."""
    path = re.sub(r"\.(?:md|markdown)$", "", path.strip().strip("/"), flags=re.I)
    path = re.sub(r"\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*$", "", path)
    return re.sub(r"(?:^|/)_?index$", "", path)


def _hugo_target(written: str, source: Path, pages: dict[str, Path]) -> Path | None:
    """The article file a Hugo ``ref`` to ``written`` from the page ``source`` leads to, as Hugo looks it up
    (https://gohugo.io/methods/site/getpage/): from the content folder when it starts with ``/``, else beside the
    page first, then from the content folder, then by its name where one page alone has it; None for none."""
    import posixpath

    from .importer_folder import hugo_page

    key = _hugo_key(written)
    if written.strip().startswith("/"):
        return pages.get(key)
    found = hugo_page(source)
    here = posixpath.dirname(source.relative_to(found[0]).as_posix()) if found else ""
    beside = posixpath.normpath(posixpath.join(here, key)) if here else key
    if beside in pages or key in pages:
        return pages.get(beside) or pages[key]
    named = [path for page, path in pages.items() if page.rpartition("/")[2] == key]
    return named[0] if len(named) == 1 else None


def _query_path(path: str) -> str:
    """The path of an address by query as WordPress answers it: %-decoded, without ``index.php`` and the final
    ``/`` (``/blog/index.php?p=3`` is ``/blog/?p=3``)."""
    return unquote(path).removesuffix("index.php").rstrip("/")


def _old_key(url: str) -> str:
    """The %-decoded path of an old address without ``#fragment``, final ``index.html`` and ``/``."""
    path = unquote((split_url(url) or NO_ADDRESS).path)
    return path.removesuffix("index.html").rstrip("/") or "/"


def _paths(aliases) -> set[str]:
    """The paths of old addresses (``/post/x``, trailing slash dropped), with the query and host of one that has a
    query (a WordPress shortlink, ``blog.example/?p=51``): what a redirect matches; ``?p=51`` names a post of one
    blog only, so two blogs' posts 51 are two articles."""
    if not isinstance(aliases, list):
        return set()
    return {(site_host(parts.netloc) if parts.query else "") + (parts.path.rstrip("/") or "/")
            + (f"?{parts.query}" if parts.query else "")
            for parts in (split_url(a) for a in aliases if isinstance(a, str)) if parts is not None}


class _Identity(NamedTuple):
    """What tells that an article was imported before (``place``): its old addresses' paths (``_paths``), its
    (title, date) and its ``origin`` (``ORIGIN_RE`` in a written file)."""

    addresses: set[str]
    title_date: tuple
    origin: str | None
    paragraphs: frozenset[str]  # the body's blocks (``_paragraphs``)

    @classmethod
    def of(cls, article: ImportedArticle) -> _Identity:
        return cls(_paths(article.meta.get("aliases", [])), (article.meta["title"], article.meta.get("date")),
                   article.origin, _paragraphs(article.body))


class _Known:
    """The articles ``place`` knows (the source folder's, then this run's), indexed once per run by what
    ``imported_as`` and ``namesake`` compare (origin, old address, title, title and date), so that each new article
    is compared with the few that share one of those, not with every article (a blog of 2,000 posts titled "Tee"
    compared each with all before it). Their answers are those of a scan of all, in the order they were added."""

    def __init__(self) -> None:
        self.identity: dict[Path, _Identity] = {}
        self.order: dict[Path, int] = {}
        self.before_run: set[Path] = set()
        self.by_origin: dict[str, list[Path]] = {}
        self.by_address: dict[str, list[Path]] = {}
        self.by_title: dict[object, list[Path]] = {}
        self.by_title_before: dict[object, list[Path]] = {}  # the source folder's files only
        self.by_title_date: dict[tuple, list[Path]] = {}
        self.by_block: dict[tuple, list[Path]] = {}  # an undated one's (title, block): ``_same_text`` needs one
        self.unhashable: list[Path] = []  # a title or date YAML read as a list or mapping: compared with each

    def add(self, path: Path, identity: _Identity, before_run: bool = False) -> None:
        """Know ``identity`` as that of ``path`` (replacing an earlier one, which keeps its place in the order);
        ``before_run``: a file of the source folder, which ``imported_as`` also finds by title (``_dated_since``)."""
        again = path in self.identity
        self.identity[path] = identity
        self.order.setdefault(path, len(self.order))
        if before_run:
            self.before_run.add(path)
        if not again:
            self._index(path)
            return
        for index in (self.by_origin, self.by_address, self.by_title, self.by_title_before, self.by_title_date,
                      self.by_block):
            index.clear()
        self.unhashable.clear()
        for known in self.identity:
            self._index(known)

    def _index(self, path: Path) -> None:
        """Add ``path`` at the end of the lists its identity belongs in (each list stays in the order added)."""
        identity = self.identity[path]
        if identity.origin is not None:
            self.by_origin.setdefault(identity.origin, []).append(path)
        for address in identity.addresses:
            self.by_address.setdefault(address, []).append(path)
        try:
            self.by_title.setdefault(identity.title_date[0], []).append(path)
            if path in self.before_run:
                self.by_title_before.setdefault(identity.title_date[0], []).append(path)
            self.by_title_date.setdefault(identity.title_date, []).append(path)
            if identity.title_date[1] is None:
                for block in identity.paragraphs:
                    self.by_block.setdefault((identity.title_date[0], block), []).append(path)
        except TypeError:
            self.unhashable.append(path)

    def _first(self, lists: list[list[Path]], test) -> Path | None:
        """The earliest added path of ``lists`` (each in the order added) whose identity passes ``test``."""
        for p in heapq.merge(*lists, key=self.order.__getitem__):
            if test(p, self.identity[p]):
                return p
        return None

    def imported_as(self, article: ImportedArticle, mine: _Identity) -> Path | None:
        """The first known file ``article`` (``mine``: its identity) was imported as (see ``place``): the same
        origin, a shared old address (when the article has ``aliases``, else the same title and date), or, for a
        file of the source folder, the same title and date or title and text (``_dated_since``); None: a new one."""
        def same(p: Path, was: _Identity) -> bool:
            return ((article.origin is not None and was.origin == article.origin)
                    or (was.addresses & mine.addresses if "aliases" in article.meta else _same_title_date(was, mine))
                    or (p in self.before_run and (_same_title_date(was, mine) or _dated_since(was, mine))))

        try:
            lists = [self.unhashable, self.by_title_before.get(mine.title_date[0], [])]
            if "aliases" not in article.meta and (mine.title_date[1] is not None or not mine.paragraphs):
                lists.append(self.by_title_date.get(mine.title_date, []))
            elif "aliases" not in article.meta:  # undated: the same text shares at least one block
                lists += [self.by_block.get((mine.title_date[0], block), []) for block in mine.paragraphs]
        except TypeError:
            return self._first([list(self.identity)], same)
        if article.origin is not None:
            lists.append(self.by_origin.get(article.origin, []))
        if "aliases" in article.meta:
            lists += [self.by_address.get(address, []) for address in mine.addresses]
        return self._first(lists, same)

    def namesake(self, mine: _Identity) -> Path | None:
        """The first known file with the title of ``mine`` where ``mine`` states no date; else None."""
        if mine.title_date[1] is not None:
            return None
        try:
            titled = self.by_title.get(mine.title_date[0], [])
        except TypeError:
            titled = list(self.identity)
        return self._first([self.unhashable, titled], lambda p, was: was.title_date[0] == mine.title_date[0])


def _paragraphs(body: str) -> frozenset[str]:
    """The blocks of a Markdown ``body`` (split at blank lines), their white space squashed."""
    return frozenset(" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", body) if block.strip())


def _same_text(was: _Identity, mine: _Identity) -> bool:
    """Whether at least half of ``mine``'s blocks are in ``was`` (a body the author may have edited since)."""
    return 2 * len(mine.paragraphs & was.paragraphs) >= len(mine.paragraphs)


def _same_title_date(was: _Identity, mine: _Identity) -> bool:
    """Whether ``was`` and ``mine`` have the same title and date; where neither states a date, the same text too
    (``_same_text``): many articles are called "Fazit" or "Rezept"."""
    return was.title_date == mine.title_date and (mine.title_date[1] is not None or _same_text(was, mine))


def _dated_since(was: _Identity, mine: _Identity) -> bool:
    """Whether ``mine``, an article whose source states no date, has the title and text (``_same_text``) of
    ``was``, a file in the source folder that has a date now: the one imported before, where the author added the
    date the import asked for."""
    return mine.title_date[1] is None and was.title_date[0] == mine.title_date[0] and _same_text(was, mine)


def _identity(path: Path) -> _Identity:
    """The ``_Identity`` of an existing source file; a file that does not parse has neither addresses nor title
    and date."""
    text = normalise(source_text(path))
    front, _, body_start = split_front_matter(text)
    origin = ORIGIN_RE.search(front or "")
    try:
        meta = yaml.safe_load(front) if front else {}
    except (yaml.YAMLError, ValueError):
        meta = {}
    meta = meta if isinstance(meta, dict) else {}
    return _Identity(_paths(meta.get("aliases", [])), (meta.get("title"), meta.get("date")),
                     origin[1].strip() if origin else None, _paragraphs(text[body_start:]))


def _place_images(article: ImportedArticle, source_dir: Path, targets: _ImageTargets,
                  ) -> tuple[ImportedArticle, list[tuple[Path | InlineImage, Path]], tuple[VerlagError, ...]]:
    """(article with its image references renamed where another article's image has the name, [(image file,
    target)], an error naming each image that cannot be read, or is an SVG that runs or loads something when its
    file is opened, ``inline_images.SVG_ACTIVE_RE``, as an inline one is refused). ``targets``: the run's files
    under ``bilder/``."""
    copies, renamed, mine, unreadable = [], {}, set(article.images.values()), []
    for image, name in article.images.items():
        try:
            data = image.data if isinstance(image, InlineImage) else file_bytes(image, MEDIA)
        except OSError as exc:
            unreadable.append(VerlagError(f"image of {article.source}: {exc.strerror or exc}; not copied: copy it to "
                                          f"{source_dir.name}/{IMAGES_DIR}/{name} yourself", image))
            continue
        except VerlagError as exc:
            unreadable.append(VerlagError(f"image of {article.source}: {exc.message}; not copied", image))
            continue
        if Path(name).suffix.lower() in (".svg", ".svgz") and SVG_ACTIVE_RE.search(data):
            unreadable.append(VerlagError(f"image of {article.source}: {SVG_ACTIVE}; not copied: the site would "
                                          "publish it, and a reader opening its address runs it as the site's own",
                                          image))
            continue
        target = targets.claim(name, data, mine)
        mine.add(target.name)
        if target.name != name:
            renamed[f"{IMAGES_DIR}/{name}"] = target.name
        copies.append((image, target))
    return dataclasses.replace(article, body=rewrite_destinations(article.body, renamed)), copies, tuple(unreadable)


class _ImageTargets:
    """The files of one run's images in ``folder`` (``source_dir/bilder/``). An image named ``name`` goes to the
    first of ``name``, ``<stem>-2<suffix>``, ``-3``, … that holds its bytes already (an earlier image of the run, or
    a file there before: one copy for both) or is free, skipping the names of the article's other images; a file
    that holds other bytes is never overwritten. For each name the number below which every target is taken
    (``first_free``) and, below it, the numbers holding each content are kept, so that a run of n images of one
    name (a WordPress export's thousands of ``image.jpg``) costs about n look-ups and stats, where trying ``-2``,
    ``-3``, … from the start for each cost n²/2."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.claimed: dict[Path, bytes] = {}  # this run's targets -> the bytes going there
        self.digests: dict[Path, bytes] = {}  # this run's targets -> the SHA-256 of those bytes
        self.first_free: dict[str, int] = {}  # name -> the number below which each target is claimed or a file
        self.free_below: dict[str, list[int]] = {}  # name -> free numbers below it, skipped as another image's name
        self.held: dict[str, dict[bytes, list[int]]] = {}  # name -> SHA-256 -> numbers below it holding those bytes
        self.unread: dict[str, dict[int, list[int]]] = {}  # name -> size -> numbers below it of a file not read yet

    def _target(self, name: str, n: int) -> Path:
        path = Path(name)
        return self.folder / (name if n == 1 else f"{path.stem}-{n}{path.suffix}")

    def claim(self, name: str, data: bytes, mine: set[str]) -> Path:
        """The target of ``data``, an image named ``name`` whose article's other images have the names ``mine``
        (none of which it takes but its own), claimed for it."""
        digest = hashlib.sha256(data).digest()
        held, unread = self.held.setdefault(name, {}), self.unread.setdefault(name, {})
        for n in unread.pop(len(data), ()):  # files there before of its size: read once, each
            try:
                found = hashlib.sha256(file_bytes(self._target(name, n), MEDIA)).digest()
            except (OSError, VerlagError):  # unreadable: never overwritten, never the same
                continue
            held.setdefault(found, []).append(n)
        usable = lambda n: n == 1 or self._target(name, n).name not in mine  # noqa: E731
        below = [n for n in held.get(digest, ()) if usable(n) and self.claimed.get(self._target(name, n), data) == data]
        below += [n for n in self.free_below.get(name, ()) if usable(n)
                  and self.claimed.get(self._target(name, n), data) == data]
        first = self.first_free.get(name, 1)
        n = min(below) if below else first
        while not below:
            target = self._target(name, n)
            if usable(n) and (self.claimed[target] == data if target in self.claimed else not self._other(target, data)):
                break
            n += 1
        target = self._target(name, n)
        self.claimed[target], self.digests[target] = data, digest
        while True:  # the numbers from ``first`` on that are taken now, or were skipped as another image's name
            at = self._target(name, first)
            if at in self.claimed:
                held.setdefault(self.digests[at], []).append(first)
            elif at.is_file():
                unread.setdefault(at.stat().st_size, []).append(first)
            elif first < n:
                self.free_below.setdefault(name, []).append(first)
            else:
                break
            first += 1
        self.first_free[name] = first
        return target

    @staticmethod
    def _other(target: Path, data: bytes) -> bool:
        """Whether ``target`` is a file that holds other bytes than ``data`` (or cannot be read)."""
        if not target.is_file():
            return False
        try:
            return target.stat().st_size != len(data) or file_bytes(target, MEDIA) != data
        except (OSError, VerlagError):
            return True


def wikilinked(placed: list[Placed], titles: Callable[[], dict[str, str]]) -> list[Placed]:
    """``placed`` with each wikilink of an imported note (``[[Title]]``, Obsidian's) a link to the file of the
    article with that title, among ``titles()`` (title -> slug: the project's articles, asked for only when a
    note holds a wikilink: reading the project's sources is the import's dearest step) and the imported ones, or
    its text where there is none (``notesyntax.link_wikilinks``), each noted."""
    from .notesyntax import WIKILINK_RE, link_wikilinks

    slugs = None
    out = []
    for p in placed:
        head = p.text.find("\n---\n") + 5
        if p.imported_as or not WIKILINK_RE.search(p.text, head):
            out.append(p)
            continue
        if slugs is None:
            slugs = {**titles(), **{q.article.meta["title"]: q.article.slug for q in placed if not q.imported_as}}
        body, notes = link_wikilinks(p.text[head:], slugs)
        out.append(dataclasses.replace(p, text=p.text[:head] + body,
                                       article=dataclasses.replace(p.article, notes=[*p.article.notes, *notes])))
    return out


IMPORTED_RECORD = "imported.json"  # in ``.verlag/``: what each import wrote, by ``record_key``


def record_key(article: ImportedArticle) -> str | None:
    """What names ``article`` among the imports of its old site, read from the source alone (what the author does
    to the file written for it changes nothing): its ``origin`` (a Hugo or Jekyll site's file, a WordPress post's
    id on the blog's address), else its first old address (a saved page's or a feed entry's), else the bytes of
    the file it was read from when that held it alone (copied text, a Markdown file: ``file_key``); None for a
    feed entry without an address."""
    if article.origin:
        return article.origin
    aliases = article.meta.get("aliases")
    if aliases:
        return aliases[0]
    return article.file_key


def imported_before(state_dir: Path) -> dict[str, str]:
    """The articles earlier imports wrote: the ``record_key`` of each -> the project-relative path of the source
    file written for it (``.verlag/imported.json``; none without it, as in a fresh clone)."""
    known = load_state(state_dir / IMPORTED_RECORD).get("articles")
    return {k: v for k, v in known.items() if isinstance(v, str)} if isinstance(known, dict) else {}


def remember_imported(state_dir: Path, root: Path, placed: list[Placed], known: dict[str, str]) -> None:
    """Add the articles of ``placed`` (written now, or found imported before) to ``known`` (``imported_before``),
    each by its ``record_key``, and store it, so the next import of the site leaves out one the author deleted
    since."""
    keyed = ((record_key(p.article), p) for p in placed)
    fresh = {**known, **{key: relpath(p.imported_as or p.path, root) for key, p in keyed if key}}
    if fresh != known:
        save_state(state_dir / IMPORTED_RECORD, {"articles": fresh})


def write_placed(placed: Placed) -> None:
    """Write the article's source file and copy its images (atomically, ``fsutil.write_if_changed``).
    Never replaces an existing article: ``place`` chose a free name or init's untouched legal page
    (``replaces_template``); do not call it for ``imported_as``."""
    for image, target in placed.images:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(target, image.data if isinstance(image, InlineImage) else file_bytes(image, MEDIA))
    placed.path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(placed.path, placed.text)


def outside_path(alias: str, base_path: str) -> bool:
    """Whether the old address ``alias`` (an item of ``aliases``: a URL, a path or a bare slug) is a path outside
    ``base_path``, the path of ``[site] base_url`` (``site.Urls.base_path``): the new site's redirects answer
    only below it, so ``build`` refuses it (``redirects.collect``). A bare slug lies in every language's folder,
    and an address that is none is ``build``'s to name."""
    from .sources import _read_alias

    read = _read_alias(alias)
    return isinstance(read, tuple) and read[0].startswith("/") and not read[0].startswith(base_path)


def other_hosts(placements: list[Placed], site_url: str, redirected: bool = False) -> list[str]:
    """The hosts other than ``site_url``'s whose old addresses the ``placements`` written now keep
    (``redirects.other_hosts``): of each full URL under an article's ``aliases``, and the old site's own
    (``ImportedArticle.home``, which the article's ``# imported from`` comment records for ``check``,
    ``redirects.kept_hosts``) of an article that keeps one; of every article's with ``redirected`` (its other
    addresses were added to redirects.txt). The new site's redirects (``_redirects``, ``.htaccess``, its redirect
    pages) answer the requests that reach its host alone: an old address of another host leads there only once
    that host is pointed at the new site."""
    from .redirects import other_hosts as hosts_of

    urls: list[str] = []
    for p in placements:
        aliases = p.article.meta.get("aliases") or []
        urls += [*(a for a in aliases if isinstance(a, str)),
                 *([p.article.home] if p.article.home and (aliases or redirected) else [])]
    return hosts_of(urls, site_url)


def within_base(placements: list[Placed], urls, source_language: str,
                languages: list[str]) -> tuple[list[Placed], list[tuple[str, str]]]:
    """``placements`` with the old addresses outside the new site's path (``outside_path``; a project whose
    ``base_url`` is ``https://example.org/praxis/`` answers nothing at ``/posts/holunder/``) left out of each
    article's ``aliases``, as written, with the line of its file each note names moved with them; and those
    addresses, each with the full address of the page that has its content now (``urls``: ``site.Urls``; a
    translation's old address, ``alias_languages``, that of its language's page, one of ``languages``) for a rule
    on the old host's server, which alone can send them on. ``build`` would refuse each at its line and exit 2. The
    article's note on such an address says so instead. An article imported before is not written, and neither is
    its list."""
    kept, beyond = [], []
    for p in placements:
        aliases = p.article.meta.get("aliases", [])
        outside = [alias for alias in aliases if outside_path(alias, urls.base_path)] if not p.imported_as else []
        if not outside:
            kept.append(p)
            continue
        for alias in outside:
            tag = p.article.alias_languages.get(alias, "").lower()
            lang = next((code for code in languages if code.lower() == tag), source_language)
            beyond.append((alias, urls.absolute("article", lang, p.article.slug)))
        rest = [alias for alias in aliases if alias not in outside]
        meta = {key: rest if key == "aliases" else p.article.meta[key] for key in p.article.meta
                if key != "aliases" or rest}
        notes = [next((f"old address {alias}: outside the new site's path {urls.base_path}, not kept (a rule on "
                       "the old host's server sends it on: see below)" for alias in outside
                       if note.startswith((f"old address {alias}:", f"old address {alias} "))), note)
                 for note in p.article.notes]  # it said how the address was found, or that it was kept
        article = dataclasses.replace(p.article, meta=meta, notes=notes, alias_languages={
            alias: lang for alias, lang in p.article.alias_languages.items() if alias in rest})
        article = dataclasses.replace(article, notes=with_front_matter_of(notes, p.article, article))
        head = render_markdown(article)
        head = head[:head.index("\n---\n") + 5]
        kept.append(dataclasses.replace(p, article=article, text=head + p.text[p.text.index("\n---\n") + 5:]))
    return kept, beyond


@dataclass(frozen=True)
class Localized:
    """What ``--uploads`` changes in an article an earlier import wrote without it (``localized``): ``path`` (its
    file), ``text`` (the file with its links to the old blog's copies rewritten; None where nothing is rewritten),
    ``images`` (file in the uploads folder, target in ``bilder/``) to copy, ``lines`` (of the file) rewritten,
    ``notes`` (what to do by hand) and ``unreadable`` (images not copied, each naming its file)."""

    placed: Placed
    path: Path
    text: str | None
    images: list[tuple[Path, Path]]
    lines: list[int]
    notes: list[str]
    unreadable: tuple[VerlagError, ...] = ()


def localize_all(placed: list[Placed], source_dir: Path) -> list[Localized]:
    """``localized`` for each article of ``placed`` imported before (``imported_as``) that shows an image or links a
    file of the old blog that ``--uploads`` holds (``ImportedArticle.uploaded``), with the run's one set of targets in
    ``bilder/`` (the articles written before it hold theirs already: call it after writing them)."""
    targets = _ImageTargets(source_dir / IMAGES_DIR)
    done = (localized(p, source_dir, targets) for p in placed if p.imported_as and p.article.uploaded)
    return [d for d in done if d is not None and (d.text is not None or d.notes or d.unreadable)]


def localized(placed: Placed, source_dir: Path, targets: _ImageTargets) -> Localized | None:
    """The article an earlier import wrote for ``placed`` (``imported_as``), without ``--uploads``, with each image
    and file link of its body that still leads to the old blog's copy of a file the uploads folder holds
    (``ImportedArticle.uploaded``) leading to that file in ``bilder/`` (``rewrite_destinations``), as an import with
    that option writes it. Only those destinations change: whatever else the author edited since stays as they
    wrote it, and an image they took out or pointed elsewhere is left alone. Where the address is still in the
    article in another form (an ``<img src>`` the author wrote), the file is copied and a note says which line to
    change by hand; a 1×1 pixel image (a spacer or tracking pixel) is not copied and its line named. None when the
    file cannot be read as UTF-8 (the author's to fix; ``extract`` names it)."""
    from markdown_it.common.normalize_url import normalizeLink
    from markdown_it.common.utils import unescapeAll

    from .inline_images import SPACER, one_pixel

    path = placed.imported_as
    try:
        text = file_bytes(path, SOURCE).decode("utf-8")
    except (OSError, VerlagError, UnicodeDecodeError):
        return None
    _, _, start = split_front_matter(text)
    body = text[start:]
    line_of = lambda at: text.count("\n", 0, start + at) + 1  # noqa: E731
    written: dict[str, list[int]] = {}  # each destination of the body, as markdown-it reads it -> its lines
    for match in DESTINATION_RE.finditer(body):
        address = match.group(2)
        address = normalizeLink(unescapeAll(address[1:-1] if address.startswith("<") else address))
        written.setdefault(address, []).append(line_of(match.start(2)))
    by_file: dict[Path, list[str]] = {}
    for address, file in placed.article.uploaded:
        by_file.setdefault(file, []).append(address)
    notes, wanted, names, copies = [], {}, ImageNames(), []
    for file, addresses in by_file.items():
        linked = sorted({n for a in addresses for n in written.get(normalizeLink(a), ())})
        elsewhere = sorted({line_of(m.start()) for a in addresses for m in re.finditer(re.escape(a), body)}
                           - set(linked))
        if not linked and not elsewhere:  # taken out or pointed elsewhere by the author: theirs
            continue
        if one_pixel(file):
            notes.append(f"image {shown_path(file.name)} not copied: {SPACER}; delete it at line "
                         f"{', '.join(map(str, linked + elsewhere))} by hand")
            continue
        mini = ImportedArticle(placed.article.slug, {}, "", {file: local_name(names, file)},
                               source=placed.article.source)
        _, copied, unreadable = _place_images(mini, source_dir, targets)
        if unreadable:
            return Localized(placed, path, None, [], [], notes, unreadable)
        target = copied[0][1]
        copies += copied
        wanted.update({a: target.name for a in addresses})
        for line in elsewhere:
            notes.append(f"line {line} still shows {addresses[0]} (not as a Markdown image or link): write "
                         f"{image_destination(target.name)} there by hand, the copy of {shown_path(file.name)}")
    after = text[:start] + rewrite_destinations(body, wanted)
    lines = [n for n, (a, b) in enumerate(zip(text.split("\n"), after.split("\n")), 1) if a != b]
    return Localized(placed, path, after if lines else None, copies, lines, notes)


def write_localized(done: Localized) -> int:
    """Copy the images of ``done`` (``localized``) into ``bilder/`` and write its article's new text; returns how
    many files that changed (an image copied before is one no more)."""
    changed = 0
    for image, target in done.images:
        target.parent.mkdir(parents=True, exist_ok=True)
        changed += write_if_changed(target, file_bytes(image, MEDIA))
    return changed + (done.text is not None and write_if_changed(done.path, done.text))

"""Readers for ``verlag import`` whose articles are HTML: saved pages, WordPress exports (WXR), RSS/Atom feeds.

The article's HTML becomes CommonMark through markdownify (ATX headings, ``-``
bullets, ``*``/``**`` emphasis, backslash hard breaks, ``<sup>``/``<sub>`` kept as
inline raw HTML); the result is read back with verlag's own parser
(``segment.commonmark_parser``) and its text compared with the HTML's, so what is
written is what ``extract`` reads. A saved page's
main content is found by trafilatura (navigation, cookie banners, share and
comment widgets left out). WXR is read with lxml, its internal entities expanded, no DTD or
other file read and no network (WordPress eXtended RSS 1.2, as Tools → Export writes it); feeds with
feedparser (RSS 2.0, Atom 1.0; Wix publishes ``/blog-feed.xml``).
"""

from __future__ import annotations

import copy
import datetime as dt
import email.utils
import itertools
import json
import re
from html import escape, unescape
from pathlib import Path, PurePosixPath
from typing import Callable, NamedTuple
from urllib.parse import quote, unquote, urljoin
from xml.sax import SAXParseException

import feedparser
import markdownify
import trafilatura
from lxml import etree, html as lxml_html
from markdown_it.common.normalize_url import validateLink

from .counts import counted
from .errors import VerlagError, shown_path
from .importer import (HAND_ADVICE, IMAGES_DIR, PROTECTED, TAG_ADVICE, ImageNames, ImportedArticle, anchor_block,
                       image_destination, legal_slug, local_name, new_article, settled_anchors, title_slug, too_large,
                       without_final_colon)
from .inline_images import SPACER, InlineImage, inline_image, one_pixel
from .invisible import without_hints
from .limits import PAGE, size_text
from .media import UPLOADS
from .scaffold import ascii_slug
from .segment import commonmark_parser, template_tag_kind
from .urlparts import BROKEN_HOST, C0_OR_SPACE, NO_ADDRESS, as_browser_reads, split_url, url_host

# Superscript and subscript have no Markdown: they stay inline raw HTML (CommonMark 6.6), kept on every page.
MARKDOWN_STYLE = {"heading_style": "ATX", "bullets": "-", "strong_em_symbol": "*", "newline_style": "BACKSLASH",
                  "sup_symbol": "<sup>", "sub_symbol": "<sub>",
                  "table_infer_header": True}  # a table without <th> (Wix's): its first row heads it, not an empty row
WP_DEFAULT_CATEGORIES = ("uncategorized", "allgemein")  # WordPress's default category, not a real topic
WP_ARTICLE_TYPES = ("post", "page")
# A saved page's file that is a page itself (a frame, another page the browser saved): a link to it is no file to copy.
SAVED_PAGES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
# A shortcode's attributes hold no square brackets (https://codex.wordpress.org/Shortcode_API), and captions do not
# nest: searched for the "]" from each "[" (and the name tried at each length), or for "[/caption]" from each
# "[caption]", a post of unclosed ones took quadratic time (120 KB of "[a ": minutes).
SHORTCODE_RE = re.compile(r"\[(/?)([a-z_][\w-]*+)([^\[\]]*+)\]")
SHORTCODE_ONLY_RE = re.compile(r"\[[a-z_][\w-]*+[^\[\]]*+\]")
# A gallery's images: ``ids`` (``include`` before WordPress 3.5), else those attached to the post ``id`` (the own
# post's by default), https://developer.wordpress.org/reference/functions/gallery_shortcode/.
GALLERY_IDS_RE = re.compile(r"""\b(?:ids|include)\s*=\s*["']?([\d,\s]+)["']?""")
GALLERY_POST_RE = re.compile(r"""\bid\s*=\s*["']?(\d+)""")
CAPTION_RE = re.compile(r"\[caption\b([^\[\]]*+)\]((?:(?!\[/?caption\b).)*+)\[/caption\]", re.S)
CAPTION_ATTR_RE = re.compile(r"""\bcaption\s*=\s*(?:"([^"]*)"|'([^']*)')""")  # WordPress before 3.4
CAPTIONED_RE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", re.S)  # the image, the text
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CONTENT_BLOCKS = ("p", "li", "blockquote", "pre", "td", "th", *HEADINGS)
CONTAINERS = ("body", "main", "article", "section", "div")  # what can hold a whole article
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr")
WIX_BLURRED_RE = re.compile(r"^(https?://static\.wixstatic\.com/media/[^/?#]+)/v1/[^?#]*\bblur_\d")
MAX_UTC_OFFSET = dt.timedelta(hours=14)  # Kiribati's; a blog's local time never lies farther from UTC
SHORT_TEXT = 25  # letters: shorter text must be a whole block of trafilatura's to stay (see _prune)
ALWAYS_KEPT = (*HEADINGS, "figure", "img", "picture")  # what trafilatura drops from page-builder markup
WIX_LIST_ITEM_HOOK = "post-list-item"  # a post's teaser in Wix's list of posts (the blog's page, a category)
WIX_BYLINE_HOOK = "post-metadata"  # Wix's byline: user-name, time-ago, time-to-read
BYLINE_LEVELS = 2  # how far up from the byline its author's name may stand (``_byline_name``)
WIDGET_HOOKS = ("post-metadata", "post-footer", "share-buttons", "post-social-counters", "like-button",
                "comments", "recent-posts")  # Wix widgets (``data-hook``) that are never article text
PROSE_WORDS = 5  # a dropped block with this many words is named in the summary
# a theme's byline as a line of text: "Veröffentlicht am 15. Jan. 2025 von Anna Berger", "Von Anna Berger am 3. Mai 2024"
PUBLISHED_RE = re.compile(r"^(?:(?:(?:veröffentlicht|geschrieben)\s+)?von\s+(?P<name>\S.*?)\s+am\s+(?P<on>\S.*)"
                          r"|(?:veröffentlicht|erschienen|geschrieben|gepostet)(?:\s+am)?\s+(?P<date>\S.*?)"
                          r"(?:\s+von\s+(?P<by>\S.*))?)$", re.I)
# WordPress themes' byline (``_entry_meta``): Underscores' entry-meta and its posted-on and byline spans, Divi's
# post-meta, Hybrid's entry-byline; not one in a sidebar's, menu's or comment's list of posts
BYLINE_CLASSES = ("entry-meta", "post-meta", "entry-byline", "byline", "posted-on")
OUTSIDE_ARTICLE = "not(ancestor::aside or ancestor::nav or ancestor::*[@id='comments'])"
ENTRY_META_XPATH = ("//*[" + " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
                                         for name in BYLINE_CLASSES) + f"][{OUTSIDE_ARTICLE}]")
# Underscores' footer of a post's categories and tags (``_entry_footer``): these classes only
ENTRY_FOOTER_XPATH = ("//footer[contains(concat(' ', normalize-space(@class), ' '), ' entry-footer ')]"
                      f"[{OUTSIDE_ARTICLE}]")
FOOTER_LINKS = frozenset({"cat-links", "tags-links", "comments-link", "edit-link"})
# the text of such a footer beside its links: nothing, a separator, or a label ("Kategorien:", "Veröffentlicht in")
FOOTER_LABEL_RE = re.compile(r"[,·|/]?\s*(?:\w+(?:\s+\w+)?\s*:?)?\s*[,·|/]?")
TEXT_BEGINS = (*HEADINGS, "ul", "ol", "table", "blockquote", "pre")  # after one of these no byline follows
BLOCK_TAGS = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr)"
BLOCK_TAG_RE = re.compile(rf"</?{BLOCK_TAGS}\b", re.I)
BLOCK_START_RE = re.compile(rf"(<{BLOCK_TAGS}\b)", re.I)  # wpautop: a blank line before each block's start …
BLOCK_END_RE = re.compile(rf"(</{BLOCK_TAGS}>|<hr\b[^>]*>)", re.I)  # … and after its end
# These three read no further than where the next one could start (a <pre> holds no <pre>, a block delimiter's
# attributes no "<!--": WordPress writes "<" in them as \u003c): from each "<pre", "<!-- wp:" or "<!--more" of a
# run without its end they read to the end of the post, so 40 KB of one held 'verlag import' for a second or two,
# a post of 8 MB for hours.
PRE_RE = re.compile(r"<pre\b(?:(?!<pre\b).)*?</pre>", re.I | re.S)  # wpautop leaves the lines of <pre> as they are
PRE_MARK = "\x00"  # where a <pre> stood while the rest is split (XML 1.0 has no NUL character)
WP_BLOCK_RE = re.compile(r"<!--\s+/?wp:[a-z][\w/-]*(?:(?!<!--).)*?-->", re.S)  # block editor delimiters
WP_BLOCK_CLOSE_RE = re.compile(r"<!--\s+/wp:")  # a block's closing delimiter
MORE_RE = re.compile(r"<!--(?:more\b[^<>]*?|noteaser)-->")  # the excerpt cut, no content
# markdownify's backslash before an underscore between two letters or digits (``page\_id``): such an underscore
# can neither open nor close emphasis (CommonMark 0.31 section 6.2), so the escape is noise that would reach the
# catalog's msgid; the read-back below still checks the text.
INTRAWORD_ESCAPE_RE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")
# What CommonMark reads as the start of another block where a paragraph's text begins (an ordered or bullet list
# item, an ATX heading, a block quote): escaped there alone, so "Am 3. Tag" inside a line keeps its plain "3."
LIST_NUMBER_START_RE = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")
MARK_START_RE = re.compile(r"^(\s*)([-+](?=\s|$)|#{1,6}(?=\s|$)|>)")
FRAGMENT_HEAD_RE = re.compile(rb"<(?:html|head|body|meta)\b", re.I)  # a document, not a fragment of one
MORE_LINE_RE = re.compile(rf"^[ \t]*{MORE_RE.pattern}[ \t]*$", re.M)
FOOTNOTE_MARK = "\ue000{}\ue001"  # a footnote reference while the rest is written (``footnotes``); private use
FOOTNOTE_MARK_RE = re.compile("\ue000(\\d+)\ue001")


# What the HTML parser keeps (``&#1;``, ``&#27;``) and XML, so lxml when it sets a text or attribute, refuses (XML 1.0,
# 2.2 Characters): an import that changed such an element (a lazy image, a bold heading, an iframe made a link) failed.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters in a page's bytes, raw or as a character reference (``&#1;``, ``&#x1B;``)
_NOT_XML_IN_PAGE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01])|[xX]0*(?:[0-8bBcCeEfF]|1[\da-fA-F]));")
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "data", "poster", "cite"})


def parse_html(html: str | bytes, document: bool = False):
    """An HTML fragment (in a ``<div>``) or ``document`` as lxml reads it, without the characters XML refuses
    (``_NOT_XML``): %-encoded in an address (``URL_ATTRIBUTES``, ``data-*``), as a browser sends them (WHATWG URL:
    C0 controls are percent-encoded; those before and after it stripped, so ``&#1;javascript:`` stays a script), left out of other attributes and text (a form feed is a space). Raises ``VerlagError`` (line in
    ``html``, no file) where elements are nested more than libxml2's HTML parser reads (255): it drops the
    rest of the document from there, so the text after would be lost without a word."""
    parser = lxml_html.HTMLParser()
    tree = lxml_html.document_fromstring(html, parser) if document else \
        lxml_html.fragment_fromstring(html, create_parent="div", parser=parser)
    deep = next((e for e in parser.error_log if e.message.startswith("Excessive depth")), None)
    if deep is not None:
        raise VerlagError("HTML nested more than 255 elements deep: the HTML parser reads nothing below that, so "
                          "the text from there on would be lost; not imported (copy the text into a .txt file and "
                          "import that)", None, deep.line)
    for element in tree.iter():
        for name, value in element.attrib.items():
            if _NOT_XML.search(value):
                address = name in URL_ATTRIBUTES or name.startswith("data-")
                value = value.strip(C0_OR_SPACE) if address else value  # stripped, as a browser does, not encoded
                element.set(name, _NOT_XML.sub(lambda m: quote(m.group()) if address else "", value))
        for part in ("text", "tail"):
            if _NOT_XML.search(getattr(element, part) or ""):  # a form feed is HTML's white space
                setattr(element, part, _NOT_XML.sub("", getattr(element, part).replace("\f", " ")))
    return tree


def _flatten_wrappers(tree) -> None:
    """Unwrap each ``<div>`` that is the only thing in a ``<div>`` (no text before or after it): the same Markdown
    (a block in a block is one block), but markdownify looks up every element's ancestors for a ``<pre>``, so a
    page builder's chains of wrappers (lxml reads 255 deep) cost time in their depth for every element: 400 blocks
    250 deep took 15 s, a page near ``limits.IMPORTED`` hours."""
    for div in list(tree.iter("div")):
        parent = div.getparent()
        if parent is not None and parent.tag == "div" and len(parent) == 1 and not (parent.text or "").strip() \
                and not (div.tail or "").strip():
            div.drop_tag()


def html_to_markdown(html: str, base: Path | None = None, *, uploads: Path | None = None,
                     remote: list[str] | None = None,
                     address: str | None = None, uploaded: list[tuple[str, Path]] | None = None,
                     anchors: bool = False) -> tuple[str, dict[Path | InlineImage, str], list[str]]:
    """(CommonMark, local image files -> their names, notes) for an HTML fragment or document (str).

    HTML over ``limits.PAGE`` is not parsed: ``VerlagError`` without a file (for a WordPress post or a feed entry
    its caller names the file and line).

    An ``<img src>`` that names an existing file relative to ``base`` (the folder of a saved page) is
    listed and referenced as ``bilder/<name>`` (see ``_local_file``; ``importer.local_name``: one name per
    distinct file, ``importer.image_destination``); other images keep their address
    (noted), but those of a saved page that are not there (``_missing_image``: left out, their alt text kept as
    text, noted; a relative one elsewhere is noted as not found, it has no old address): a root-relative one is
    made absolute
    on the old ``address`` (a saved page's ``<base>``, canonical or ``og:url``; a WordPress post's blog, a feed
    entry's link), which the new site's host would not answer. Given ``remote`` (a WordPress post's), an image
    of the blog's ``wp-content/uploads/`` is taken from ``uploads`` (a copy of that folder) like a local file,
    and where that has none (noted when ``uploads`` is given) its address (root-relative: on ``address``) is
    appended to ``remote`` instead of a note: the export warns once for all of them; a link to a file there
    (the full-size image, a PDF) is copied alike, and each such file is appended to ``uploaded`` (given) with the
    address an import without ``uploads`` wrote for it, which a second import with them rewrites in the article
    it wrote then (``importer.localized``). An inline image (a ``data:`` address) is saved as a file of
    ``bilder/`` named by its content (``inline_images.inline_image``) and referenced so; one
    that is no image, or an SVG that could run a script, is left out; noted either way. A spacer or tracking pixel
    is left out, noted (``inline_images.SPACER``): an image the page shows at most 1×1 pixels (``_shown_one_pixel``),
    a file or inline image of 1×1 pixels (``inline_images.one_pixel``). The
    Markdown is written plainly first; if verlag's parser would read a different text from it (a
    line starting with "1." or "#"), it is written again with the marks escaped where a text starts
    (``_BlockStartEscaper``), then with markdownify's full escaping, and if that still differs the
    difference is noted.
    An ``address`` urlsplit cannot read (``urlparts``) is none.
    An anchor (the ``id`` of a heading, a paragraph, a list or its item, a table …, an ``<a id>`` in one) is kept
    above its heading or block (``_Converter.convert_hN``, ``_Converter.process_tag``) where the page links to it,
    and with ``anchors`` (a WordPress export's, whose ids its author set as the block's "HTML anchor") every one
    but those a word processor generated (``GENERATED_ID_RE``): the ids a saved page's site generated (Wix's
    ``viewer-b7k3``) nobody linked; ``importer.settled_anchors`` then takes out those the page's ids repeat.
    Raises ``VerlagError`` without a file for HTML nested deeper than it can be read (``parse_html``).
    """
    too_large(PAGE, html.encode("utf-8"), None)
    tree = parse_html(html)
    address = address if address is None or split_url(address) is not None else None
    images = ImageNames()
    gallery = _gallery_images(tree)
    notes: list[str] = unlazy(tree) + unreadable_addresses(tree) + _galleries_without_alt(tree) \
        + left_out_embeds(tree) + embed_captions(tree) + styled_emphasis(tree) + bold_headings(tree) \
        + _file_buttons(tree) + word_lists(tree) + br_paragraphs(tree) + refused_links(tree)
    _quote_attributions(tree)
    for element, attribute in [*((a, "href") for a in tree.iter("a")), *((img, "src") for img in tree.iter("img"))]:
        if element.get(attribute):
            element.set(attribute, _destination(element.get(attribute)))
    for img in list(tree.iter("img")):
        src = img.get("src", "")
        if _shown_one_pixel(img):
            img.drop_tree()
            notes.append(f"{_named(src)} not kept: {SPACER}")
            continue
        local = _local_file(src, base)
        upload = _upload_path(src) if remote is not None else None
        if upload is not None:
            local = _local_file(upload, uploads)
            if local is not None and uploaded is not None:
                on_host = _root_relative(src) and (split_url(address or "") or NO_ADDRESS).scheme in ("http", "https")
                uploaded.append((_destination(urljoin(address, src)) if on_host else src, local))
            if local is None:
                if uploads is not None:
                    notes.append(f"image not in {shown_path(uploads)}: {shown_path(upload)} (left at its old address)")
                if _root_relative(src) and (split_url(address or "") or NO_ADDRESS).scheme in ("http", "https"):
                    img.set("src", _destination(urljoin(address, src)))  # the new site's host has no such path
                remote.append(img.get("src"))
                continue
        if local is not None and one_pixel(local):
            img.drop_tree()
            notes.append(f"image ({shown_path(local.name)}) not kept: {SPACER}")
            continue
        if local is not None:
            local = _unblurred(img, local, notes)
        if isinstance(local, str):  # a blurred placeholder saved alone: the full image's address
            img.set("src", local)
        elif local is not None:
            img.set("src", image_destination(local_name(images, local, _unnumbered(local))))
        elif src.startswith("data:"):  # its bytes in the address: kilobytes of base64 in a note helped no one
            saved = inline_image(src)
            kind = src[5:].partition(";")[0].partition(",")[0] or "no type"
            alt = f", {img.get('alt')!r}" if (img.get("alt") or "").strip() else ""
            if isinstance(saved, InlineImage):
                img.set("src", image_destination(local_name(images, saved)))
                notes.append(f"inline image ({kind}, {size_text(len(saved.data))}{alt}) saved as "
                             f"{IMAGES_DIR}/{images[saved]}")
            else:
                img.drop_tree()
                notes.append(f"inline image ({kind}, {size_text(len(src))}{alt}) not kept: {saved}")
        elif src and base is not None and not (split_url(src) or NO_ADDRESS).scheme and not src.startswith("//"):
            notes.append(_missing_image(img, src, address))
        elif _root_relative(src) and (split_url(address or "") or NO_ADDRESS).scheme in ("http", "https"):
            notes.append(_missing_image(img, src, address))  # a post's or feed entry's: on its old site's host
        elif src and not (split_url(src) or NO_ADDRESS).scheme and not src.startswith("/"):  # relative to no folder or
            # address known
            notes.append(f"image not found: {unquote(src)} (a relative address, and the source names no folder or "
                         "address it is relative to): save it into bilder/ and link it from there")
        elif src:
            notes.append(f"image left at its old address: {src}")
    notes += _images_without_alt(tree, gallery)
    for link in tree.iter("a") if uploads is not None and remote is not None else ():
        upload = _upload_path(link.get("href", ""))  # "Link to: Media File": the full-size image, a PDF
        local = _local_file(upload, uploads) if upload else None
        if local is not None:
            if uploaded is not None:
                uploaded.append((link.get("href"), local))
            link.set("href", image_destination(local_name(images, local)))
    notes += _saved_links(tree, base, images)
    _flatten_wrappers(tree)
    _collapse_spaces(tree)
    notes_at = footnotes(_plugin_footnotes(tree))
    cleaned = lxml_html.tostring(tree, encoding="unicode")
    expected = "".join(_shown(tree).split())  # block boundaries add whitespace; the letters must agree
    linked = {unquote(a.get("href", "")[1:]) for a in tree.iter("a") if a.get("href", "").startswith("#")}
    for converter in (_Converter(**MARKDOWN_STYLE), _BlockStartEscaper(**MARKDOWN_STYLE),
                      _Converter(escape_misc=True, **MARKDOWN_STYLE)):
        converter.wanted = lambda anchor: anchor in linked or (anchors and not GENERATED_ID_RE.fullmatch(anchor))
        markdown = converter.convert(cleaned).strip()
        markdown = INTRAWORD_ESCAPE_RE.sub("_", re.sub(r"\n{3,}", "\n\n", markdown))
        rendered = lxml_html.fragment_fromstring(commonmark_parser().render(markdown), create_parent="div")
        if "".join(rendered.text_content().split()) == expected:
            break
    else:
        notes.append("the Markdown may read differently from the page: compare the two")
    markdown, anchor_notes = settled_anchors(markdown, converter.anchors)
    notes += anchor_notes
    if notes_at:
        converter = markdownify.MarkdownConverter(**MARKDOWN_STYLE)
        markdown = FOOTNOTE_MARK_RE.sub(lambda m: f"[^{m[1]}]", markdown) + "\n\n" + "\n".join(
            f"[^{label}]: " + re.sub(r"\n(?=.)", "\n    ", re.sub(r"\n{3,}", "\n\n", converter.convert(
                lxml_html.tostring(item, encoding="unicode")).strip()))
            for label, item in notes_at)
    return markdown + "\n", images, list(dict.fromkeys(notes))


def _saved_links(tree, base: Path | None, images: ImageNames) -> list[str]:
    """Point each link of ``tree`` (a page saved in the folder ``base``) to a file the browser saved beside it (its
    ``…_files/`` folder: a PDF, the full-size image a thumbnail links) at that file's copy in ``bilder/``, listed in
    ``images`` as an image is (``importer.local_name``): the site publishes it, where the link to the saved folder
    led nowhere. A link to a page saved there (an ``.html`` frame), which the site does not publish, and one into
    a ``…_files/`` folder whose file the browser did not save stay as written; the notes name each."""
    notes = []
    for link in tree.iter("a") if base is not None else ():
        href = link.get("href", "")
        local = _local_file(href, base)
        path = PurePosixPath(unquote((split_url(href) or NO_ADDRESS).path))
        saved = any(part.endswith("_files") for part in path.parts[:-1])
        if local is not None and local.suffix.lower() not in SAVED_PAGES:
            link.set("href", image_destination(local_name(images, local)))
        elif local is not None and saved:
            notes.append(f"link kept as written, to a page saved with this one: {unquote(href)} (the site does not "
                         "publish it, so the link leads nowhere there): link its old address instead, or import it "
                         "by itself if it is an article")
        elif saved and not (split_url(href) or NO_ADDRESS).scheme and not href.startswith(("/", "#")):
            notes.append(f"link kept as written, to a file not found: {unquote(href)} (no such file in the saved "
                         "page's folder): save it into bilder/ and link it from there")
    return notes


def _shown_one_pixel(img) -> bool:
    """Whether the page shows ``img`` at most 1×1 pixels: ``width`` and ``height`` both given, each a number of at
    most 1 (``1``, ``0``, ``1px``), as a tracking pixel is written (``<img src="https://…/p.gif" width="1"
    height="1">``) whatever its file holds."""
    sizes = [re.fullmatch(r"\s*(\d+(?:\.\d*)?)\s*(?:px)?\s*", img.get(name) or "") for name in ("width", "height")]
    return all(size and float(size[1]) <= 1 for size in sizes)


def _quote_attributions(tree) -> None:
    """Make each ``<cite>`` that is a quote's own child (WordPress's quote and pullquote blocks: ``<blockquote><p>…
    </p><cite>Maren Koch</cite></blockquote>``) the quote's last paragraph, led by a dash (``> — Maren Koch``): as
    readers saw it, the quote's attribution, not a second quoted paragraph. A ``<cite>`` inside a paragraph (the
    title of a work) stays as it is."""
    for cite in list(tree.iter("cite")):
        parent = cite.getparent()
        if parent is not None and parent.tag == "blockquote" and _words(cite.text_content()):
            cite.tag = "p"
            cite.text = "— " + (cite.text or "").lstrip()


def refused_links(tree) -> list[str]:
    """Unwrap each ``<a>`` of ``tree`` whose address markdown-it refuses to link (its ``validateLink``:
    ``javascript:``, ``vbscript:``, ``file:``, ``data:`` other than a GIF, PNG, JPEG or WebP image), keeping its
    text; one note for each names the address and the text. Written as Markdown, such a link is no link: the page
    and its search excerpt would show ``[Rezept ansehen](javascript:alert(3))`` as text. The address is judged as
    a browser reads it (``urlparts.as_browser_reads``: ``jav&#x09;ascript:`` is ``javascript:``); shown with each
    control character as the reference a page writes it with (``jav&#x09;ascript:``), which a note cannot show."""
    notes = []
    for link in list(tree.iter("a")):
        href = link.get("href")
        if href is None or validateLink(as_browser_reads(href)):
            continue
        shown = href if len(href) <= 60 else f"{href[:57]}…"
        shown = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"&#x{ord(m.group()):02X};", shown)
        notes.append(f"link left out, its text kept: {shown} ({_words(link.text_content())!r}): an address that "
                     "runs code or reads the reader's files, which pages do not link")
        link.drop_tag()
    return notes


def unreadable_addresses(tree) -> list[str]:
    """Leave out of ``tree`` each address ``urlsplit`` cannot read (``urlparts.BROKEN_HOST``: ``https://[::1/x``,
    which no browser opens either): an ``<a>`` is unwrapped, its text kept; an ``<img>`` is dropped; another
    element's ``href`` or ``src`` is removed. One note for each names the address. The import read every address
    with urlsplit, and one such address stopped the whole import with an internal error."""
    notes = []
    for element in list(tree.iter()):
        for name in ("href", "src"):
            value = element.get(name) if isinstance(element.tag, str) else None
            if value is None or split_url(value) is not None:
                continue
            shown = value if len(value) <= 60 else f"{value[:57]}…"
            if element.tag == "a":
                notes.append(f"link left out, its text kept: {shown} ({_words(element.text_content())!r}): it "
                             f"{BROKEN_HOST}")
                element.drop_tag()
            elif element.tag == "img":
                notes.append(f"image not kept: {shown}: it {BROKEN_HOST}")
                element.drop_tree()
            else:
                notes.append(f"{element.tag} address left out: {shown}: it {BROKEN_HOST}")
                del element.attrib[name]
            break
    return notes


def _missing_image(img, src: str, address: str | None) -> str:
    """The note on an ``img`` of a saved page whose ``src`` (a path) names no file beside the page, or on a
    root-relative one of a WordPress post or feed entry. A root-relative one (``/wp-content/uploads/…``) would ask
    the new site's host, broken from the first build: given the old http(s) ``address`` (the page's, the blog's
    or the entry's), ``img`` is pointed at that host instead and the note says so; else, and for a relative one,
    the note says the image was not found (the browser did not save it) and ``img`` is left out, its alt text kept
    as text in its place: written, it would be a broken image on every language's page. The name the note
    suggests is decoded, its line breaks written ``\n`` (``errors.shown_path``)."""
    if src.startswith("/") and (split_url(address or "") or NO_ADDRESS).scheme in ("http", "https"):
        img.set("src", _destination(urljoin(address, src)))
        return (f"image left at its old address: {img.get('src')} (written {src}, a path on the old site's host): "
                "save it into bilder/ if the old site will go")
    where = "on the page's old host, which the page does not name" if src.startswith("/") else \
        "no such file in the saved page's folder"
    alt = _words(img.get("alt") or "")
    img.tail = (alt + " " if alt and img.tail and not img.tail[0].isspace() else alt) + (img.tail or "")
    img.drop_tree()
    kept = f", its alt text {alt!r} kept as text" if alt else ""
    name = shown_path(PurePosixPath(unquote((split_url(src) or NO_ADDRESS).path)).name)
    return (f"image not found: {src} ({where}): left out{kept}; save it into bilder/ and add it there "
            f"(![{alt or '…'}](bilder/{name}))")


def _root_relative(src: str) -> bool:
    """Whether ``src`` is a path on the host of the page it is on (``/bilder/x.png``, not ``//host/x.png``)."""
    return src.startswith("/") and not src.startswith("//")


def _named(src: str) -> str:
    """An ``<img src>`` as a note names it: an inline image by its type and size (its base64 helps no one)."""
    if src.startswith("data:"):
        return f"inline image ({src[5:].partition(';')[0].partition(',')[0] or 'no type'}, {size_text(len(src))})"
    return f"image ({src or 'no address'})"


# The class of a gallery's element: WordPress's [gallery] as it renders it, the block editor's gallery block (its
# <ul> before WordPress 5.9), Jetpack's tiled gallery; ``_expand_shortcodes`` marks a [gallery] of an export so too.
GALLERY_CLASSES = ("gallery", "wp-block-gallery", "blocks-gallery-grid", "tiled-gallery")


def _gallery_images(tree) -> set:
    """The ``<img>`` elements of ``tree``'s galleries (``GALLERY_CLASSES``)."""
    test = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in GALLERY_CLASSES)
    return {img for gallery in tree.xpath(f"//*[{test}]") for img in gallery.iter("img")}


def _galleries_without_alt(tree) -> list[str]:
    """A note counting the images of ``tree``'s galleries (``_gallery_images``) without alt text (none: no note):
    a gallery is where an author skips the descriptions, and a reader who cannot see them gets nothing."""
    bare = {img for img in _gallery_images(tree) if not (img.get("alt") or "").strip()}
    return [f"gallery: {counted(len(bare), 'image')} without alt text: describe {'it' if len(bare) == 1 else 'each'} "
            "in its ![…]"] if bare else []


def _images_without_alt(tree, gallery: set) -> list[str]:
    """A note naming the images of ``tree`` without alt text, by the address each is written at (none: no note);
    those of a gallery (``gallery``) are counted apart (``_galleries_without_alt``). A reader who cannot see an
    image gets nothing from one (a WordPress post's featured image, whose attachment has none), and its entry in the
    catalogs holds nothing to translate: the author describes it in its ``![…]``."""
    return without_alt_note([unquote(img.get("src", "")) for img in tree.iter("img")
                             if img not in gallery and img.get("src") and not (img.get("alt") or "").strip()])


def without_alt_note(bare: list[str]) -> list[str]:
    """The note naming the images without alt text at the addresses ``bare`` (one for each image, in order; none:
    no note), as every import says it (``_images_without_alt``, ``importer_markdown.images_without_alt``)."""
    if not bare:
        return []
    return [f"{counted(len(bare), 'image')} without alt text: {', '.join(dict.fromkeys(bare))}: describe "
            f"{'it' if len(bare) == 1 else 'each'} in its ![…] (a reader who cannot see it gets nothing)"]


def _file_buttons(tree) -> list[str]:
    """Take out of ``tree`` the download button of each WordPress file block (``wp-block-file__button``) that links
    the file another link of the block links (the file's name): written beside it, the two links ran together
    ("Rezept als PDFHerunterladen") and the button's label became a sentence to translate. Noted, each."""
    notes = []
    for button in tree.xpath("//a[contains(concat(' ', normalize-space(@class), ' '), ' wp-block-file__button ')]"):
        parent = button.getparent()
        if any(a is not button and a.get("href") == button.get("href") for a in parent.iter("a")):
            notes.append(f"left out: the file block's button {_words(button.text_content())!r} (it links the file "
                         "the text before it links)")
            button.drop_tree()
    return notes


def _plugin_footnotes(tree):
    """``tree`` with the footnotes of WordPress's footnote plugins as a saved page shows them made the hand-made
    footnotes ``footnotes`` reads: Easy Footnotes' (a reference ``<a href="#easy-footnote-bottom-1-7">`` to an empty
    ``<span>`` in an item of the notes' ``<ol>``, whose link back leads to an empty ``<span>`` before the reference;
    its "Notes:" heading goes with the list) and Modern Footnotes' (a ``<sup class="modern-footnotes-footnote">``
    followed by its note in a tooltip ``<span class="modern-footnotes-footnote__note">``; its optional list at the
    end repeats them and goes)."""
    by_id = {e.get("id"): e for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    for link in list(tree.iter("a")):
        key = link.get("href", "").partition("#")[2]
        target = by_id.get(key) if key.startswith("easy-footnote-bottom-") else None
        item = next(target.iterancestors("li"), None) if target is not None else None
        back = next((a for a in item.iter("a") if a.get("href", "").startswith("#easy-footnote-")), None) \
            if item is not None else None
        if back is None or item.get("id"):
            continue
        anchor = by_id.pop(back.get("href")[1:], None)
        if anchor is not None and anchor.getparent() is not None and not anchor.text_content().strip():
            _drop_keeping_tail(anchor)
        _drop_keeping_tail(target)
        item.set("id", key)
        link.set("href", f"#{key}")
        link.set("id", back.get("href")[1:])
    for title in tree.xpath("//*[contains(@class, 'easy-footnote-title')]"):
        following = title.getnext()
        if following is None or "easy-footnotes-wrapper" not in following.get("class", ""):
            continue
        _drop_keeping_tail(title)
    tooltips = []
    for sup in list(tree.xpath("//sup[contains(@class, 'modern-footnotes-footnote')]")):
        note = sup.getnext()
        if note is None or "modern-footnotes-footnote__note" not in note.get("class", "") or (sup.tail or "").strip():
            continue
        key = f"modern-footnote-{len(tooltips) + 1}"
        for child in list(sup):
            sup.remove(child)
        link = lxml_html.Element("a", href=f"#{key}", id=f"{key}-link")
        link.text, sup.text = str(len(tooltips) + 1), None
        sup.append(link)
        tooltips.append((key, note))
        _drop_keeping_tail(note)
    if tooltips:
        for listed in tree.xpath("//ul[contains(@class, 'modern-footnotes-list')]"):
            _drop_keeping_tail(listed)
        ol = lxml_html.Element("ol")
        for key, note in tooltips:
            item = lxml_html.Element("li", id=key)
            item.text, note.tail = note.text, None
            for child in list(note):
                item.append(child)
            back = lxml_html.Element("a", href=f"#{key}-link")
            back.text = "↩"
            item.append(back)
            ol.append(item)
        tree.append(ol)
    return tree


def footnotes(tree) -> list[tuple[str, object]]:
    """Footnotes made by hand, as WordPress posts have them: a link to a list item of an ``<ol>`` (``<sup><a
    href="#fn1" id="ref1">1</a></sup>``) whose item links back to it (``<li id="fn1">… <a href="#ref1">↩</a>``).
    Their ids would be lost in Markdown, so the links led nowhere; CommonMark footnotes (``[^1]``, ``[^1]: …``)
    make their anchors on every page, in every language. Each reference (with its ``<sup>``) becomes
    ``FOOTNOTE_MARK`` in ``tree``, each note's item leaves its list (the list too, once empty) without its links
    back; returns (label, the item as a ``<div>``) in the order of the references."""
    by_id = {e.get("id"): e for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    found: dict[int, tuple[str, object]] = {}
    for link in list(tree.iter("a")):
        item = by_id.get(link.get("href", "")[1:]) if link.get("href", "").startswith("#") else None
        if item is None or item.tag != "li" or item.getparent() is None or item.getparent().tag != "ol":
            continue
        sup = link.getparent()
        ref = sup if sup is not None and sup.tag == "sup" and len(sup) == 1 and not (sup.text or "").strip() \
            and not (link.tail or "").strip() else link
        backs = [a for a in item.iter("a") if a.get("href", "")[1:] in {link.get("id"), ref.get("id")} - {None}
                 and a.get("href", "").startswith("#")]
        if not backs and id(item) not in found:
            continue
        if id(item) not in found:
            for back in backs:
                _drop_keeping_tail(back)
            found[id(item)] = (str(len(found) + 1), item)
        _drop_keeping_tail(ref, FOOTNOTE_MARK.format(found[id(item)][0]))
    for _, item in found.values():
        ol = item.getparent()
        if ol is None:
            continue
        _drop_keeping_tail(item)
        item.tag, item.tail = "div", None
        item.attrib.clear()
        if not len(ol) and not (ol.text or "").strip():
            _drop_keeping_tail(ol)
    return list(found.values())


def _drop_keeping_tail(element, text: str = "") -> None:
    """Take ``element`` out of its parent, ``text`` and the text after it left where it stood (lxml's
    ``drop_tree``, which joins the tail to what stood before)."""
    element.tail = text + (element.tail or "")
    element.drop_tree()


SPACE_RUN_RE = re.compile(r"[\t ]{2,}")


def _collapse_spaces(tree) -> None:
    """Each run of spaces and tabs in ``tree``'s text outside ``<pre>`` as one space, as markdownify writes it:
    its regex for a line break among spaces (``[\t \r\n]*[\r\n]``) tried a run again from each of its spaces,
    quadratic (a paragraph of 200,000 spaces took an hour)."""
    kept = {element for pre in tree.iter("pre") for element in pre.iter()}
    for element in tree.iter():
        if element.text and element not in kept:
            element.text = SPACE_RUN_RE.sub(" ", element.text)
        if element.tail and element.getparent() not in kept:
            element.tail = SPACE_RUN_RE.sub(" ", element.tail)


class PostList(VerlagError):
    """A page that lists posts (``_teasers``), not an article: an error when named by itself, left out and named
    when a folder holds it (a mirrored blog's category, archive and further pages, ``page/2/``). ``what``: which
    list, in words."""

    def __init__(self, posts: int, path: Path, line: int | None, links: tuple[str, ...] = ()):
        self.what = f"a list of {posts} posts (the blog's page, a category's or an archive)"
        shown = ", ".join(links[:POSTS_NAMED]) + (f" and {len(links) - POSTS_NAMED} more"
                                                  if len(links) > POSTS_NAMED else "")
        super().__init__(f"{self.what}, no article: import each post's own page"
                         + (f", saved from its address ({shown})" if links else ""), path, line)


POSTS_NAMED = 10  # the posts' addresses a list of posts names, so the author can save and import each one


# Blocks whose id, or whose items' and text's ids, an anchor above them keeps (``_Converter.process_tag``); the
# containers that keep their own id only; what a block inside which leaves its anchors to that outer block.
ANCHOR_BLOCKS = frozenset({"p", "ul", "ol", "dl", "table", "blockquote", "pre", "figure"})
ANCHOR_CONTAINERS = frozenset({"div", "section", "article", "aside", "main", "header", "footer"})
ANCHOR_OUTSIDE = frozenset({*ANCHOR_BLOCKS, "li", "_inline", "_noformat", *HEADINGS})
# Ids a word processor writes into what an author pastes, which nobody set as an anchor: Word's bookmarks
# (``<a name="_GoBack">``, ``_Toc…`` of its table of contents, ``_Hlk…``, ``_Ref…``), Google Docs's
# ``<b id="docs-internal-guid-…">``, and WordPress's own of a captioned image its page showed (``attachment_12``,
# ``caption-attachment-12``, in HTML pasted from the page). Kept only where the page links to one.
GENERATED_ID_RE = re.compile(r"_(?:GoBack|Toc\d+|Hlk\d+|Ref\d+)|docs-internal-guid-[\w-]+"
                             r"|(?:caption-)?attachment[_-]\d+")


def _anchor_of(element) -> str | None:
    """The anchor an element of markdownify's tree gives: its ``id``, an ``<a>``'s ``name``; None for none."""
    anchor = element.get("id") or (element.get("name") if element.name == "a" else None)
    return str(anchor).strip() or None if anchor else None


class _Converter(markdownify.MarkdownConverter):
    """markdownify, a ``<pre>``'s blank lines at its start and end stripped by ``str`` methods: its regex
    ``[ \n]*$`` tried a run of spaces inside again from each of them (quadratic: 200,000 took an hour)."""

    def __init__(self, **options):
        super().__init__(**options, strip_pre=None)
        self.anchors: dict[str, str] = {}  # id -> the text it marked, of each anchor kept (``_anchored``)
        self.wanted: Callable[[str], bool] = lambda anchor: False  # which of them to keep

    def convert_hN(self, n, el, text, parent_tags):
        """The heading, and above it the anchor the old page gave it (``_anchored``): its ``id``
        (Gutenberg's "HTML anchor", ``<h2 id="uebungen">``), else the ``id`` or ``name`` of an element inside it
        (``<a id="trinken"></a>``, a TOC plugin's ``<span id="…">``)."""
        heading = super().convert_hN(n, el, text, parent_tags)
        if "_inline" in parent_tags or not heading.strip():
            return heading
        inside = [_anchor_of(d) for d in el.find_all(True) if not d.get("href")]
        anchor = next((a for a in [_anchor_of(el), *inside] if a), None)
        return self._anchored([(anchor, el)] if anchor else [], heading)

    def process_tag(self, node, parent_tags=None):
        """The block ``node`` converted, and above it the anchors the old page gave it or what it holds
        (``_anchored``), as a heading's: a paragraph's ``id`` (``<p id="quelle">``, a WordPress block's "HTML
        anchor"), an ``<a id>`` in it (not a link's own id: a footnote reference's is its note's way back), a list
        item's or table cell's (above its list or table: CommonMark has no block inside an item a link could land
        on without changing the list); a ``<div>`` or ``<section>``
        keeps its own id only (the blocks in it are converted as blocks of their own). A block inside another
        (a paragraph in a list item, a quote) leaves its anchors to the outer one."""
        text = super().process_tag(node, parent_tags)
        if (node.name not in ANCHOR_BLOCKS and node.name not in ANCHOR_CONTAINERS) or not text.strip() \
                or not ANCHOR_OUTSIDE.isdisjoint(parent_tags or ()):
            return text
        inside = [] if node.name in ANCHOR_CONTAINERS else [
            d for d in node.find_all(True)
            if d.name not in HEADINGS and d.find_parent(HEADINGS) is None and not d.get("href")]
        return self._anchored([(anchor, d) for d in [node, *inside] if (anchor := _anchor_of(d))], text)

    def _anchored(self, found: list, block: str) -> str:
        """``block`` (converted Markdown) with above it the HTML block (``importer.anchor_block``) of each id of
        ``found`` ((id, the element that has it)) that is wanted and no anchor kept already, noted in
        ``anchors``."""
        kept = []
        for anchor, element in found:
            made = anchor_block(anchor) if self.wanted(anchor) and anchor not in self.anchors else None
            if made:
                shown = " ".join(element.get_text(" ").split())
                self.anchors[anchor] = shown if len(shown) <= 40 else f"{shown[:39]}…"
                kept.append(made)
        return "".join(f"\n\n{made}" for made in kept) + f"\n\n{block.lstrip(chr(10))}" if kept else block

    def convert_pre(self, el, text, parent_tags):
        lead = text[:len(text) - len(text.lstrip(" \n"))]
        return super().convert_pre(el, text[lead.rfind("\n") + 1:].rstrip(" \n"), parent_tags)


class _BlockStartEscaper(_Converter):
    """markdownify that escapes a list number's "." or ")", a "-", "+", "#" or ">" only at the start of a text
    (``LIST_NUMBER_START_RE``, ``MARK_START_RE``), where CommonMark would read another block: markdownify's full
    ``escape_misc`` escapes them and "&", "[", "|" … anywhere, which the catalog's msgid would carry."""

    def escape(self, text, parent_tags):
        text = super().escape(text, parent_tags)
        return MARK_START_RE.sub(r"\1\\\2", LIST_NUMBER_START_RE.sub(r"\1\\\2", text))


_UNSAFE_IN_DESTINATION = re.compile(r"[\s()<>\\]")


def _destination(address: str) -> str:
    """``address`` (an href or src) as markdownify may write it between ``(`` and ``)``: with a ``<``, ``>``,
    backslash, white space or unbalanced parenthesis, which would end the destination and let the rest of the
    attribute be read as Markdown or raw HTML (CommonMark 0.31 section 6.3), each of those %-encoded; else as it is
    (``Tee_(Getränk)``)."""
    depth = 0
    for char in address:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            break
    if depth == 0 and not re.search(r"[\s<>\\]", address):
        return address
    return _UNSAFE_IN_DESTINATION.sub(lambda m: quote(m.group(), safe=""), address)


BOLD_RE = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\s*(?:!important\s*)?(?:;|$)", re.I)
ITALIC_RE = re.compile(r"(?:^|;)\s*font-style\s*:\s*(?:italic|oblique)\s*(?:!important\s*)?(?:;|$)", re.I)


def styled_emphasis(tree) -> list[str]:
    """Turn each ``<span>`` whose inline style makes it bold (``font-weight: bold`` or 600-900) or italic
    (``font-style: italic``), as Wix and other page builders write emphasis, into ``<strong>``/``<em>`` in
    ``tree``, so it becomes ``**…**``/``*…*`` as ``<b>`` does; a note counts them (none: no note)."""
    found = 0
    for span in list(tree.iter("span")):
        style = span.get("style", "")
        bold, italic = BOLD_RE.search(style), ITALIC_RE.search(style)
        if not (bold or italic) or not span.text_content().strip():
            continue
        found += 1
        span.tag = "strong" if bold else "em"
        span.attrib.pop("style")
        if bold and italic:  # <strong><em>…</em></strong>: ***…***
            inner = lxml_html.Element("em")
            inner.text, span.text = span.text, None
            for child in list(span):
                inner.append(child)
            span.append(inner)
    return [f"bold or italic from the page's inline styles (<span style=\"font-weight:bold\">) written as "
            f"**…**/*…*: {counted(found, 'place')}"] if found else []


def bold_headings(tree) -> list[str]:
    """Unwrap the ``<strong>``/``<b>`` that holds a heading's whole text (``<h2><strong>Dehnen</strong></h2>``,
    as Wix's styled spans and WordPress's editor write them): a heading is bold already, and ``## **Dehnen**``
    would put ``**`` into the entry a reviewer and a hand translation must match. Bold around part of a heading
    stays. A note counts them (none: no note)."""
    found = 0
    for heading in tree.iter(*HEADINGS):
        text = heading.text_content().strip()
        bold = [child for child in heading.iter("strong", "b") if child.text_content().strip() == text]
        if text and bold:
            found += 1
            for element in bold:
                element.drop_tag()
    return [f"bold around a whole heading left out (headings are bold already): {counted(found, 'heading')}"] \
        if found else []


# Word's "Save as Web Page" and text pasted from Word: a list item is a paragraph of class MsoListParagraph (also
# …CxSpFirst/Middle/Last, MsoListBullet, MsoListNumber) or styled ``mso-list:l0 level1 lfo1``, its bullet or number
# typed out before the text, in a ``<span style="mso-list:Ignore">`` (a "·" in Symbol, "o" in Courier New, "§" in
# Wingdings) or, pasted, as plain text ("•&nbsp;&nbsp;&nbsp;Tee").
WORD_ITEM_CLASS_RE = re.compile(r"^MsoList(?:Paragraph|Bullet|Number)", re.I)
WORD_LEVEL_RE = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d{1,9})(?!\d)", re.I)  # no level has more digits
WORD_MARKER_RE = re.compile(r"^[\s\u00a0]*(?:[•·o§▪■●◦Øü–-]|(\d{1,9})[.)]|([a-zA-Z]|[ivxIVX]{1,5})[.)])"
                            r"(?:[\s\u00a0]+|$)")


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _marker_number(marker: str) -> tuple[int, bool]:
    """(the number, whether it was written in letters) of a Word list marker's digits, letter ("c" is 3) or roman
    numeral ("iv" is 4; a lone "i", "v" or "x" is read as roman, as a lettered list seldom gets that far)."""
    if marker.isdigit():
        return int(marker), False
    lower = marker.lower()
    if set(lower) <= set(_ROMAN):
        values = [_ROMAN[c] for c in lower]
        return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0])), True
    return ord(lower) - ord("a") + 1, True


def _word_marker(p) -> tuple[str, int | None, bool] | None:
    """("ul" or "ol", the first number or None, whether it was written in letters or roman numerals) of a Word list
    paragraph ``p`` whose marker is taken out of it (its ``mso-list:Ignore`` span, else its leading "•", "1.",
    "a)" …), or None for any other paragraph (``p`` as it was)."""
    if not (WORD_ITEM_CLASS_RE.match(p.get("class", "")) or WORD_LEVEL_RE.search(p.get("style", ""))):
        return None
    ignored = next((span for span in p.iter("span") if re.search(r"mso-list\s*:\s*ignore", span.get("style", ""),
                                                                  re.I)), None)
    if ignored is not None:
        marker = WORD_MARKER_RE.match(ignored.text_content() + " ")
        _drop_keeping_tail(ignored)
    else:
        marker = WORD_MARKER_RE.match(p.text or "")
        if marker is None:
            return None
        p.text = p.text[marker.end():]
    p.text = (p.text or "").lstrip(" \t\n\u00a0")
    if marker is not None and (marker[1] or marker[2]):
        return ("ol", *_marker_number(marker[1] or marker[2]))
    return "ul", None, False


def _list_element(kind: str, start: int | None):
    """A new ``<ul>`` or ``<ol>``, the latter with ``start`` where it does not begin at 1."""
    element = lxml_html.Element(kind)
    if kind == "ol" and start != 1:
        element.set("start", str(start))
    return element


def word_lists(tree) -> list[str]:
    """Make each run of Word's list paragraphs in ``tree`` (``WORD_ITEM_CLASS_RE``, ``WORD_LEVEL_RE``: "Save as Web
    Page", text pasted from Word) a ``<ul>`` or ``<ol>`` (a number before the first item's text: from that number),
    its ``level2`` items a list inside the item before: they were paragraphs whose text began with "•   ", a
    marker the catalog's msgid carried. A list numbered with letters or roman numerals ("a)", "iv.") is numbered
    with digits from the same place: CommonMark's ordered list markers are digits only (spec 0.31, 5.2), so a
    note says so, for the author to check a "see b)" in the text. A note counts the lists (none: no note)."""
    items = [(p, found) for p in list(tree.iter("p")) if (found := _word_marker(p)) is not None]
    made = lettered = 0
    previous = None
    stack: list[tuple[int, object]] = []
    for p, (kind, start, in_letters) in items:
        level = int(m[1]) if (m := WORD_LEVEL_RE.search(p.get("style", ""))) else 1
        joined = previous is not None and p.getprevious() is previous and not (previous.tail or "").strip()
        if not joined or (level <= stack[0][0] and stack[0][1].tag != kind):
            stack = []
        while stack and stack[-1][0] > level:
            stack.pop()
        if stack and stack[-1][0] < level and len(stack[-1][1]):
            sub = _list_element(kind, start)
            stack[-1][1][-1].append(sub)
            stack.append((level, sub))
            lettered += in_letters
        elif not stack:
            root = _list_element(kind, start)
            p.addprevious(root)
            stack = [(level, root)]
            made += 1
            lettered += in_letters
        item = lxml_html.Element("li")
        item.text = p.text
        for child in list(p):
            item.append(child)
        stack[-1][1].append(item)
        root_list = stack[0][1]
        root_list.tail, p.tail = p.tail, None
        previous = root_list
        p.getparent().remove(p)
    notes = [f"Word's list paragraphs (MsoListParagraph) written as Markdown lists: {counted(made, 'list')}"] \
        if made else []
    if lettered:
        notes.append(f"numbered with letters or roman numerals (a), b) / i., ii.) in Word, numbered 1., 2. here "
                     f"(Markdown numbers lists only with digits): {counted(lettered, 'list')}; check any 'see b)' "
                     "in the text")
    return notes


# A tag in a paragraph's HTML (``br_paragraphs``): its slash, its name; a void element opens nothing to close.
_INLINE_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w-]*)\b[^<>]*?(/?)>")
_VOID = frozenset({"br", "img", "wbr", "input", "hr", "area", "source", "embed", "col", "meta", "link"})
_PSEUDO_ITEM_RE = re.compile(r"^((?:\s|&nbsp;|&#160;|\xa0|<[^<>]*>)*)[-–•·*][ \t\xa0]+(?=\S)")


def br_paragraphs(tree) -> list[str]:
    """Split each ``<p>`` whose lines a site builder ended with ``<br><br>`` (Jimdo, old CMS editors: one paragraph
    element for the whole text) into a paragraph for each run of lines between them, and make a run of two or more
    of its lines that start with "- " or "• " (a list typed by hand) a ``<ul>``: written as they were, they were one
    paragraph of hard breaks whose "- " lines Markdown had to escape (trial 38). The inline elements open at a
    split (a ``<span style>``, a ``<strong>``) are closed before it and opened again after it. A note counts the
    paragraphs so split (none: no note)."""
    split = 0
    for p in list(tree.iter("p")):
        if next(itertools.islice(p.iter("br"), 1, None), None) is None:  # one line break or none: nothing to split
            continue
        inner = (lxml_html.tostring(p, encoding="unicode", with_tail=False).split(">", 1)[1]
                 .rsplit("</p>", 1)[0])
        lines, breaks = _html_lines(inner)
        if not any(n > 1 for n in breaks) and sum(bool(_PSEUDO_ITEM_RE.match(line)) for line in lines) < 2:
            continue
        blocks: list[list[str]] = [[]]
        for index, line in enumerate(lines):
            if index and breaks[index - 1] > 1:
                blocks.append([])
            blocks[-1].append(line)
        out = []
        for block in blocks:
            block = [line for line in block if lxml_html.fragment_fromstring(line or " ", create_parent="div")
                     .text_content().strip(" \t\n\xa0")]
            run: list[str] = []
            text: list[str] = []

            def flush_text() -> None:
                if text:
                    out.append("<p>" + "<br>".join(text) + "</p>")
                    text.clear()

            for at, line in enumerate(block + [""]):
                item = _PSEUDO_ITEM_RE.match(line) if at < len(block) else None
                if item:
                    run.append(_PSEUDO_ITEM_RE.sub(r"\1", line, count=1))
                    continue
                if len(run) >= 2:
                    flush_text()
                    out.append("<ul>" + "".join(f"<li>{entry}</li>" for entry in run) + "</ul>")
                else:
                    text.extend(run)  # one "- " line is text
                run = []
                if at < len(block):
                    text.append(line)
            flush_text()
        made = lxml_html.fragments_fromstring("".join(out))
        if not made or isinstance(made[0], str):
            continue
        for name, value in p.attrib.items():
            made[0].set(name, value)
        made[-1].tail = p.tail
        for element in made:
            p.addprevious(element)
        p.getparent().remove(p)
        split += 1
    return [f"lines a site builder separated with two line breaks (<br><br>) read as paragraphs, lines starting "
            f"with '- ' as lists: {counted(split, 'paragraph')} of the page"] if split else []


def _html_lines(inner: str) -> tuple[list[str], list[int]]:
    """(the lines of a paragraph's inner HTML, split at each run of ``<br>``, each with the inline elements open
    there closed at its end and opened again at the next line's start; the number of ``<br>`` after each line but
    the last)."""
    lines: list[str] = []
    breaks: list[int] = []
    stack: list[tuple[str, str]] = []  # the elements open: (name, opening tag)
    current, at, pending = "", 0, 0  # pending: the <br> since the last line ended, 0 while one is written

    def blank(text: str) -> bool:
        return not text.replace("&nbsp;", "").replace("&#160;", "").replace("\xa0", "").strip()

    def end_line() -> str:
        lines.append(current + "".join(f"</{name}>" for name, _ in reversed(stack)))
        return "".join(opening for _, opening in stack)

    for tag in _INLINE_TAG_RE.finditer(inner):
        between, at = inner[at:tag.start()], tag.end()
        name = tag.group(2).lower()
        if name == "br" and pending and blank(between):
            pending += 1
            continue
        if pending and (name != "br" or not blank(between)):
            breaks.append(pending)
            pending = 0
        if name == "br":
            current += between
            current = end_line()
            pending = 1
            continue
        current += between + tag.group(0)
        if tag.group(1):
            if stack and stack[-1][0] == name:
                stack.pop()
        elif name not in _VOID and not tag.group(3):
            stack.append((name, tag.group(0)))
    if pending:
        breaks.append(pending)
    lines.append(current + inner[at:])
    return lines, breaks


EMBEDS = ("script", "iframe", "object", "embed", "form")  # what Markdown cannot carry and a reader saw or ran


# An embedded player's address -> the video's own page: YouTube (also its no-cookie host) and Vimeo (an unlisted
# video's page needs the player's "h" key: vimeo.com/ID/KEY).
PLAYER_RES = ((re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", re.I),
               "https://www.youtube.com/watch?v="),
              (re.compile(r"^(?:https?:)?//player\.vimeo\.com/video/(\d+)(?:\?(?:[^#]*&)?h=(\w+))?", re.I),
               "https://vimeo.com/"))
# A player's title attribute that names the player, not the video (YouTube's and Vimeo's defaults).
# Matched in full against the title stripped (``\s*`` at its ends too took time growing with the square of a run
# of spaces).
PLAYER_TITLE_RE = re.compile(r"(?:(?:youtube|vimeo)?[\s_-]*(?:video[\s_-]*)?player|embedded (?:content|video)|video)?",
                             re.I)


def _video_page(src: str) -> str:
    """The page of the video an ``<iframe src>`` plays (``PLAYER_RES``), else ``src`` with a scheme."""
    for pattern, page in PLAYER_RES:
        match = pattern.match(src)
        if match:
            return page + "/".join(part for part in match.groups() if part)
    return f"https:{src}" if src.startswith("//") else src


def iframe_link(src: str, title: str | None) -> tuple[str, str | None, str]:
    """(the address a link instead of an ``<iframe src>`` leads to, its text, the note saying so) for an iframe
    with a web address: a YouTube or Vimeo player's video page (``PLAYER_RES``), else the embedded page itself (a
    map, a booking widget), which opens in the browser as it did in the frame. Its text is the iframe's ``title``
    where that names what it shows (not the player, ``PLAYER_TITLE_RE``), else None (the address is its text) and
    the note asks the author for one. The new page loads nothing from the provider before the reader follows the
    link: no consent needed for it. A control character (``_NOT_XML``) is left out of the text, %-encoded in the
    address."""
    from .rawhtml import web_host

    src = _NOT_XML.sub(lambda m: quote(m.group()), src.strip())
    page, host = _video_page(src), web_host(src)
    label = " ".join(_NOT_XML.sub("", title or "").split())
    label = label if label and not PLAYER_TITLE_RE.fullmatch(label) else None
    if any(pattern.match(src) for pattern, _ in PLAYER_RES):
        return page, label, (f"embed kept as a link: {page} (an <iframe> from {host}: a page loads nothing from it "
                             "until the reader follows the link)")
    return page, label, (f"embedded page kept as a link: {page}" + (f" named {label!r}" if label else "")
                         + f" (an <iframe> from {host} showed it inside the page: the new page loads nothing from it "
                         + "until the reader follows the link" + ("" if label else "; its text is the address: "
                         "write what it shows instead, a map or a booking form") + ")")


def left_out_embeds(tree) -> list[str]:
    """Notes naming each script, embedded page, plug-in or form of ``tree`` (an lxml element), which are taken
    out of it here (their text after them stays): Markdown carries none, and markdownify dropped a script
    unsaid and kept an ``<iframe>``'s fallback text, which no browser shows. An inline script has no address,
    so its note advises no link. An ``<iframe>`` with a web address (a YouTube or Vimeo player, a map) becomes
    a link instead (``iframe_link``); one the text links already (WordPress's embed block beside its player) is
    only left out."""
    from .rawhtml import web_host

    notes = []
    linked = {a.get("href") for a in tree.iter("a")}
    for element in list(tree.iter(*EMBEDS)):
        address = element.get("src") or element.get("data") or element.get("action")
        host = web_host(address or "")
        if element.tag == "iframe" and host:
            page, label, note = iframe_link(address, element.get("title"))
            if page in linked:
                notes.append(f"left out: <iframe> from {host}: the text links {page} already")
                element.drop_tree()
                continue
            link = lxml_html.Element("a", href=page)
            link.text = label or page
            link.tail = element.tail
            element.getparent().replace(element, link)
            linked.add(page)
            notes.append(note)
            continue
        if element.tag == "script" and not address:  # nothing to link to
            notes.append("left out: an inline script (tracking or counter code?): Markdown carries no script")
        else:
            notes.append(f"left out: <{element.tag}>" + (f" from {host}" if host else "")
                         + " (Markdown carries no script, embed or form): add a link to it if it belongs")
        element.drop_tree()
    return notes


def embed_captions(tree) -> list[str]:
    """Make the caption of each embed of ``tree`` the text of the link it became (WordPress's embed block, a
    ``<figure>`` of the video's address and a ``<figcaption>``; a saved page's player ``<iframe>`` beside one, made a
    link by ``left_out_embeds``), noted: the caption says what the reader gets behind the link, which the bare
    address did not, and stays with it as an image's caption stays with the image. Only a figure whose one link
    reads as its address and holds no image, and a caption without a link of its own, which a link cannot hold;
    any other figure is left as it is (its caption a paragraph below)."""
    notes = []
    for caption in list(tree.iter("figcaption")):
        figure = caption.getparent()
        links = [a for a in figure.iter("a") if caption not in a.iterancestors()] if figure.tag == "figure" else []
        if len(links) != 1 or next(caption.iter("a"), None) is not None or next(figure.iter("img"), None) is not None:
            continue
        link, text = links[0], _words(caption.text_content())
        if not text or _words(link.text_content()) != link.get("href"):
            continue
        for child in list(link):
            link.remove(child)
        link.text = caption.text
        for child in list(caption):
            link.append(child)
        _drop_keeping_tail(caption)
        notes.append(f"embed {link.get('href')} kept as a link named by its caption: {text}")
    return notes


def unlazy(tree) -> list[str]:
    """Lazy-loaded images of ``tree`` (an lxml element, changed in place) as the reader saw them, and notes.

    Lazy-loading scripts (lazysizes, WP Rocket, a3 Lazy Load, Jetpack) put a placeholder in ``src`` (usually
    a ``data:`` URI, an empty SVG of the image's size) and the real address in ``data-src``,
    ``data-lazy-src`` or ``data-original``, or its sizes in ``data-srcset``; a ``<noscript>`` copy of the
    image follows for browsers without JavaScript. Wix shows a blurred copy of the image, 147 pixels wide
    (``…/v1/fill/w_147,…,blur_2,…/x.jpg``), until it scrolls into view: its full image is ``data-pin-media``,
    else Wix's original (the address before ``/v1/``). The real address becomes ``src`` (from ``data-srcset``
    the widest candidate, https://html.spec.whatwg.org/multipage/images.html#srcset-attributes), a
    ``<noscript>`` whose images are then already there is removed, one whose image is the only real copy of a
    placeholder replaces it, and a placeholder left without any real address is removed and noted."""
    notes: list[str] = []
    for img in tree.iter("img"):
        wix = WIX_BLURRED_RE.match(img.get("src", ""))
        if wix:
            pin = img.get("data-pin-media", "")
            img.set("src", pin if pin.startswith(wix[1] + "/") and not WIX_BLURRED_RE.match(pin) else wix[1])
            notes.append(f"image: a blurred placeholder (Wix) replaced by the full image: {img.get('src')}")
    left = _real(list(tree.iter("img")))
    for noscript in list(tree.iter("noscript")):
        copies = list(noscript.iter("img"))
        before = noscript.getprevious()
        if len(copies) == 1 and any(before is img for img in left):
            before.set("src", copies[0].get("src", ""))
            left = [img for img in left if img is not before]
        shown = {img.get("src") for img in tree.iter("img") if noscript not in img.iterancestors()}
        if copies and all(img.get("src") in shown for img in copies):
            noscript.drop_tree()
    for img in left:
        notes.append(f"image not kept: a lazy-loading placeholder without the image's address "
                     f"({(img.get('alt') or 'no alt text')}): add it by hand")
        img.drop_tree()
    return notes


# A Wix media file as a browser saves it (the last part of its address, Chrome adding "(1)" to a second one).
WIX_MEDIA_NAME_RE = re.compile(r"^([\w-]+~mv2[\w-]*?)(?: ?\(\d+\))?(\.\w+)$")
WIX_MEDIA = "https://static.wixstatic.com/media/"
WIX_BLURRED_WIDTH = 147  # pixels: Wix's blurred placeholder where the page states no width for the image


def _unblurred(img, local: Path, notes: list[str]) -> Path | str:
    """The file, or else the address, of the full image for ``img`` whose ``src`` is ``local``, a file the browser
    saved beside the page: ``local`` itself unless it is Wix's blurred placeholder (``unlazy``), saved because the
    page was saved before the image loaded. That is a Wix image (its ``data-pin-media`` on Wix's media host, or a
    Wix media file name, ``WIX_MEDIA_NAME_RE``) less than half as wide as the page states it (``w_`` of
    ``data-pin-media``, its ``width``), or at most ``WIX_BLURRED_WIDTH`` pixels where none is stated. Then the
    widest file of the same image saved beside it (Chrome's ``name(1).png``; none that links elsewhere, which
    ``_local_file`` would not take either) is taken where it is wider, else
    the full image's address (``data-pin-media``, else Wix's original); noted either way."""
    pin = img.get("data-pin-media", "")
    pin = pin if pin.startswith(WIX_MEDIA) and not WIX_BLURRED_RE.match(pin) else ""
    named = WIX_MEDIA_NAME_RE.match(local.name)
    if not (pin or named):
        return local
    width = _pixels(local)
    # at most 9 digits: a width of thousands is none Python's int reads (nor any image's)
    stated = re.search(r"[/,]w_(\d{1,9})(?!\d)", pin) \
        or re.fullmatch(r"\s*(\d{1,9})\s*(?:px)?\s*", img.get("width", ""))
    stated = int(stated.group(1)) if stated else 0
    if width <= 0 or (width * 2 > stated if stated else width > WIX_BLURRED_WIDTH):
        return local
    blurred = f"{local.name} is Wix's blurred placeholder ({width} pixels wide"
    if named:
        same = [f for f in local.parent.iterdir() if (m := WIX_MEDIA_NAME_RE.match(f.name))
                and m.groups() == named.groups() and f.is_file() and f.resolve().parent == local.parent]
        full = max(same, key=_pixels)
        if _pixels(full) > width:
            notes.append(f"image: {blurred}, the page states {stated or 'more'}): the full image saved beside it taken "
                         f"instead, {full.name}")
            return full
    original = pin or WIX_MEDIA + named.group(1) + named.group(2)
    notes.append(f"image: {blurred}; the page was saved before the image loaded): the article shows the full image "
                 f"at its address, {original}: save it into {IMAGES_DIR}/ beside the article and refer to it there")
    return original


def _unnumbered(file: Path) -> str | None:
    """The name of a Wix media file without the number a browser added to a second download of the same name
    (Chrome's and Firefox's ``x~mv2(1).png``, ``x~mv2 (1).png``, ``WIX_MEDIA_NAME_RE``), where the file of that name
    lies beside it (the blurred placeholder saved first); None for any other file. Wix's own names never hold one."""
    named = WIX_MEDIA_NAME_RE.match(file.name)
    plain = named.group(1) + named.group(2) if named else None
    return plain if plain and plain != file.name and (file.parent / plain).is_file() else None


def _pixels(path: Path) -> int:
    """The width in pixels of the image file ``path`` (its header read), -1 when it is none ``imagesize`` reads."""
    import imagesize

    try:
        return imagesize.get(path)[0]
    except (OSError, ValueError):
        return -1


def _upload_path(src: str) -> str | None:
    """The path below WordPress's uploads folder of an image address on the blog (``https://blog.example/wp-content/
    uploads/2023/06/x.jpg`` or ``/wp-content/uploads/…``: ``2023/06/x.jpg``, %-escapes kept), None for another."""
    parts = split_url(src) or NO_ADDRESS
    _, found, rest = parts.path.partition(UPLOADS)
    return rest if found and rest and not parts.query else None


def _lazy_source(img) -> str | None:
    """The real address of a lazy-loaded image: ``data-src`` and its like, else the widest of ``data-srcset``."""
    for name in ("data-src", "data-lazy-src", "data-original", "data-orig-file"):
        if img.get(name, "").strip() and not img.get(name).startswith("data:"):
            return img.get(name).strip()
    candidates = [c.split() for name in ("data-srcset", "data-lazy-srcset") for c in img.get(name, "").split(",")
                  if c.strip()]
    if not candidates:
        return None
    width = lambda c: int(c[1][:-1]) if len(c) > 1 and re.fullmatch(r"\d{1,9}w", c[1]) else 0  # noqa: E731
    return max(candidates, key=width)[0]


def _real(imgs: list) -> list:
    """Give each placeholder of ``imgs`` (no ``src`` or a ``data:`` one) its real address where it has one; the
    ``data:`` placeholders of lazy loading left without one."""
    left = []
    for img in imgs:
        if not img.get("src", "").strip() or img.get("src", "").startswith("data:"):
            source = _lazy_source(img)
            if source:
                img.set("src", source)
            elif img.get("src", "").startswith("data:") and (
                    any(k.startswith("data-") for k in img.attrib) or "lazy" in img.get("class", "")):
                left.append(img)
    return left


def _words(text: str) -> str:
    return " ".join(text.split())


def _local_file(src: str, base: Path | None) -> Path | None:
    """The file an ``<img src>`` names in the saved page's folder, or None: an address, no such file (also a name
    no file can have: a NUL byte, ``a%00b.png``, or longer than the system takes), or a path that leads out of that
    folder (a page cannot make verlag copy and publish other files)."""
    parts = split_url(src) or NO_ADDRESS
    if base is None or not src or parts.scheme or parts.netloc or src.startswith("/"):
        return None
    try:
        path = (base / unquote(parts.path)).resolve()
        return path if path.is_file() and path.is_relative_to(base.resolve()) else None
    except (OSError, ValueError):  # ValueError: a NUL byte; OSError: a name too long (ENAMETOOLONG)
        return None


UNTITLED_WORDS = 8  # a WordPress post without a title is titled by this many of its first words


# The end of a text before a tag that closes an attribute and the tag it was in ('"><img …>' typed into a title to
# break out of the attribute a theme writes it in): the rest of an injection, no word of the text.
_BROKEN_OUT_RE = re.compile(r"""["']\s*/?>(?=\s*$)""")


def _summary(html: str | None, notes: list[str]) -> str:
    """The summary of an HTML snippet (an excerpt, a page's description, a feed entry's teaser): its words, as
    ``_plain`` gives them, the code of a ``<script>`` left out whole; where it held markup, noted as a title's is,
    so a summary that lost words or a script says so."""
    plain = _plain(html)
    if html and re.search(r"<\s*[A-Za-z/!]", html):
        code = " and the code of its <script>" if re.search(r"<\s*script\b", html, re.I) else ""
        notes.append(f"summary: {plain} (its markup{code} left out of {_words(html)!r}: a summary is plain text)")
    return plain


def _plain(html: str | None) -> str:
    """The words of an HTML snippet (a summary or excerpt) a browser shows, whitespace folded: the code of a
    ``<script>`` or ``<style>`` in it is no text, and the words of two blocks (paragraphs, list items, a ``<br>``)
    stay apart."""
    if not html or not html.strip():
        return ""
    node = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in node.iterdescendants():  # 'Schlaf "><img …>': the rest of an attribute broken out of, no word
        previous = element.getprevious()
        before = previous.tail if previous is not None else element.getparent().text
        if before and _BROKEN_OUT_RE.search(before):
            if previous is not None:
                previous.tail = _BROKEN_OUT_RE.sub("", before)
            else:
                element.getparent().text = _BROKEN_OUT_RE.sub("", before)
    etree.strip_elements(node, "script", "style", with_tail=False)
    for element in node.iter(*_BREAKING):  # a block ends its words: "Satz.</p><p>Klick" is "Satz. Klick"
        element.tail = " " + (element.tail or "")
    return _words(node.text_content())


# the elements a browser shows as blocks (display: block, list-item or a table's, by the HTML standard's rendering
# rules: https://html.spec.whatwg.org/multipage/rendering.html#flow-content-3), and the line break
_BREAKING = ("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
             "pre", "table", "tr", "td", "th", "figure", "figcaption", "section", "article", "aside", "header",
             "footer", "hr")


def _day(value: str | None) -> dt.date | None:
    """The calendar day at the start of an ISO 8601 date or timestamp, or None."""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return dt.date.fromisoformat(match.group(0)) if match else None


def _stated_time(doc, day: dt.date | None, meta_property: str, ld_key: str, time_tags: bool = False,
                 zone: dt.tzinfo | None = None) -> tuple[dt.datetime | dt.date | None, str]:
    """(moment, where the page states it): the moment the page states for ``day`` with its time and UTC offset,
    as the WXR and feed readers keep it: the first ISO 8601 timestamp with both (``2025-04-14T08:00:00+02:00``)
    on that day from the ``meta_property`` meta tag (Open Graph ``article:published_time``), schema.org
    JSON-LD's ``ld_key`` (``datePublished``), and with ``time_tags`` HTML's ``<time datetime>``; any day's when
    ``day`` is None. ``day`` itself, "the page", when none is stated (a date without time or zone gives no moment:
    none is invented); with ``zone`` (verlag.toml's ``timezone``) a timestamp without offset is a moment in that
    zone."""
    stated = [*((v, meta_property) for v in doc.xpath(f"//meta[@property='{meta_property}']/@content")),
              *((v, f"its JSON-LD {ld_key}") for v in _json_ld(doc, ld_key)),
              *((v, "<time datetime>") for v in (doc.xpath("//time/@datetime") if time_tags else []))]
    for value, where in stated:
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            continue
        if moment.tzinfo is None and zone is not None and len(value.strip()) > 10:
            moment = moment.replace(tzinfo=zone)
        if moment.tzinfo is not None and (day is None or moment.date() == day):
            return moment.replace(microsecond=0), where
    return day, "the page"


def _json_ld_objects(doc):
    """Every object of the page's JSON-LD (``<script type="application/ld+json">``), also inside ``@graph``, lists
    and nested objects, in document order; a script that is not JSON, or nested deeper than JSON's decoder
    recurses (``RecursionError``), is skipped. Walked with a stack of its own: no depth is too deep."""
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        try:
            stack = [json.loads(script)]
        except (ValueError, RecursionError):
            continue
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                yield node
                stack.extend(reversed(node.values()))
            elif isinstance(node, list):
                stack.extend(reversed(node))


def _json_ld(doc, key: str) -> list[str]:
    """Every string value of ``key`` in the page's JSON-LD objects (``_json_ld_objects``), in document order."""
    return [node[key] for node in _json_ld_objects(doc) if isinstance(node.get(key), str)]


ARTICLE_TYPES = ("Article", "BlogPosting", "NewsArticle", "MedicalWebPage", "MedicalScholarlyArticle")
# A link to a tag's page: rel-tag (https://microformats.org/wiki/rel-tag; WordPress's the_tags() writes it) or Wix's
# address of a tag (``…/blog/tags/holunder``).
TAG_LINK_XPATH = ("//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ') or contains(@href, '/blog/tags/')]"
                  "[not(ancestor::aside) and not(ancestor::*[contains(@class, 'tag-cloud') or contains(@class, "
                  "'tagcloud') or @data-hook='recent-posts' or @data-hook='comments'])]")


def _page_tags(doc) -> list[str]:
    """The tags a saved page gives its post beyond the ``article:tag`` meta tags trafilatura reads: the
    ``keywords`` of its JSON-LD article (schema.org ``Article``/``BlogPosting``: a comma-separated text or a list,
    as Wix writes it), then the text of each link to a tag's page (``TAG_LINK_XPATH``: rel-tag, Wix's
    ``/blog/tags/…``), not one of a sidebar, a tag cloud, or another post's teaser or a comment; whitespace folded."""
    found: list[str] = []
    for node in _json_ld_objects(doc):
        kinds = node.get("@type") if isinstance(node.get("@type"), list) else [node.get("@type")]
        keywords = node.get("keywords") if any(kind in ARTICLE_TYPES for kind in kinds) else None
        for value in keywords.split(",") if isinstance(keywords, str) else \
                keywords if isinstance(keywords, list) else ():
            if isinstance(value, str):
                found.append(_words(value))
    found += [_words(link.text_content()) for link in doc.xpath(TAG_LINK_XPATH)]
    return [tag.lstrip("#") for tag in found if tag.lstrip("#")]


def _later(updated, date):
    """``updated`` when it falls on a later day than ``date`` (a re-save on the same day is no update)."""
    day = lambda m: m.date() if isinstance(m, dt.datetime) else m  # noqa: E731
    return updated if updated is not None and date is not None and day(updated) > day(date) else None


# A declared encoding where the HTML standard's prescan looks for one (its first 1024 bytes): <meta charset>, or
# the http-equiv Content-Type's charset (https://html.spec.whatwg.org/#prescan-a-byte-stream-to-determine-its-encoding)
DECLARED_CHARSET_RE = re.compile(rb"<meta[^>]*charset\s*=\s*[\"']?\s*([^\"'\s;>]*)", re.I)
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


# The Encoding Standard's names for ISO-8859-1/Latin-1/ASCII and ISO-8859-15 (webencodings): a page declaring one of
# them whose non-ASCII bytes all form UTF-8 sequences was written as UTF-8 (two or more of these letters in a row that
# happen to be a UTF-8 sequence, "Ã¤", do not occur in German text).
_SINGLE_BYTE_WESTERN = frozenset({"windows-1252", "iso-8859-15"})


def _utf8_beyond_ascii(data: bytes) -> bool:
    """Whether ``data`` holds a byte above 127 and all of it decodes as UTF-8."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _sniffed(path: Path, data: bytes) -> tuple[bytes, list[str]]:
    """(the saved page's bytes as UTF-8, the notes saying which encoding was assumed), read in the encoding the
    HTML standard's sniffing gives (https://html.spec.whatwg.org/#determining-the-character-encoding), as a browser
    showed the page: a BOM; else the first encoding declared in its first 1024 bytes that the Encoding Standard
    knows (``webencodings``; ``utf-7`` or a typo is skipped), UTF-16 declared there read as UTF-8 (bytes that
    declare it are not UTF-16) and x-user-defined as Windows-1252; else UTF-8 when all of it is, else
    Windows-1252, the standard's default for a German page. libxml2 and trafilatura then read the same text: each
    took a declaration its own way (UTF-16 stopped the import, UTF-7 cut the text at its first umlaut).

    Raises ``VerlagError`` for an encoding declared that browsers read as nothing (the Encoding Standard's
    "replacement": ISO-2022-KR, HZ), and at the first line that is not UTF-8 of an undeclared page when another is
    (``importer_text.UTF8_IN_1252_RE``: a paragraph pasted in from elsewhere), which either reading would turn
    into "fÃ¼r" or "f�r"."""
    import webencodings

    from .importer_text import UTF8_IN_1252_RE

    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace").encode("utf-8"), []
    skipped = []
    for declared in DECLARED_CHARSET_RE.finditer(data[:1024]):
        label = declared.group(1).decode("ascii", "replace")
        encoding = webencodings.lookup(label)
        if encoding is None:
            skipped.append(label)
        elif encoding.name == "replacement":
            raise VerlagError(f"declares the encoding {label}, which browsers show as a single � (HTML standard: "
                              "the replacement encoding): save the page as UTF-8 and import that", path,
                              data.count(b"\n", 0, declared.start()) + 1)
        elif encoding.name in _SINGLE_BYTE_WESTERN and _utf8_beyond_ascii(data):
            return data, [f"encoding: {label} declared, but the page is UTF-8 throughout (its server said UTF-8, "
                          "which a browser takes over the page's own declaration); read as UTF-8"]
        else:
            codec = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "cp1252"}.get(
                encoding.name, encoding.codec_info.name)
            return data.decode(codec, "replace").encode("utf-8"), []
    ignored = [f"encoding: {label!r} declared is none a browser knows; ignored" for label in skipped]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    else:
        return data, [*ignored, "encoding: none declared; read as UTF-8 (all of the page is)"]
    if utf8 := UTF8_IN_1252_RE.search(data):
        pasted = data.count(b"\n", 0, utf8.start()) + 1
        raise VerlagError(f"no encoding declared and not UTF-8, yet line {pasted} is UTF-8 (text of two encodings "
                          "pasted together): correct the lines of one in an editor and save the page as UTF-8",
                          path, line)
    return data.decode("cp1252", "replace").encode("utf-8"), [
        *ignored, f"encoding: none declared; read as Windows-1252 (line {line} is not UTF-8; the HTML standard's "
                  "default for a German page): check its umlauts"]


# The mark of the web Chrome, Edge and Internet Explorer write atop a page they save: the address it came from
# (its length in four digits, then the address).
SAVED_FROM_RE = re.compile(rb"<!--\s*saved from url=\(\d{4}\)(https?://[!-~]+?)\s*-->")


def _base_only(doc) -> bool:
    """Whether trafilatura's address of the page (``og:url``, ``twitter:url``, ``rel=canonical``, then ``<base href>``,
    then the ``x-default`` alternate) can only be its ``<base href>``: that names where the page's relative
    addresses start (a theme's ``https://praxis.example/`` on every page), not the page."""
    return bool(doc.xpath("//head//base/@href")) and not doc.xpath(
        "//head//link[@rel='canonical' or (@rel='alternate' and @hreflang='x-default')]"
        " | //head//meta[@property='og:url' or @name='twitter:url']")


def read_page(path: Path, data: bytes, zone: dt.tzinfo | None = None) -> list[ImportedArticle]:
    """A saved web page (``.html`` as a browser's "Save page as" writes it) as one article.

    trafilatura finds the article's text and metadata (title, author, ``article:published_time`` or the
    visible date, description as summary, tags, with those of the JSON-LD and the tag links, ``_page_tags``, ``rel=canonical``/``og:url`` as the old address, never its ``<base href>`` (``_base_only``), else the address
    a browser marked the saved page with, ``SAVED_FROM_RE``);
    ``article:modified_time`` is ``updated``. Both keep the time and UTC offset where the page states them
    (``_stated_time``: the meta tag, JSON-LD, ``<time datetime>``; a time without one is in ``zone``, verlag.toml's
    ``timezone``, where that is set), else they are the day. trafilatura's
    own output drops headings, figures and captions in page-builder markup (Jimdo's ``j-blogarticle``,
    Wix's ``post-description``), so it only locates the content: the innermost element holding all of
    that text (``_main_node``) is converted with its own headings, images and captions, minus the blocks
    trafilatura left out as widgets (``_prune``; each is noted but a widget's known words, ``_furniture``), or the
    whole element where that would lose most of its text (``_kept_text``). Wix's
    byline gives the author and, when trafilatura found no date, the date (``_byline``); it and the
    counter/share widgets are removed first (``_drop_widgets``), and so is a theme's byline written as the
    article's first text (``_leading_byline``), which gives them where Wix's does not. A heading or image of that element
    missing from the Markdown is noted. An Impressum or privacy notice (``importer.legal_slug``) is a page
    (``source_de/seiten/``) named by that slug, which ``importer.place`` puts in the place of init's untouched
    template as it does a WordPress page's, with no author (``importer.completed``). A
    page that declares no encoding is read as UTF-8 where it is that (``_sniffed``), else as Windows-1252, and says
    which. Raises ``VerlagError`` when no article text is found, for
    a page of two encodings (``_sniffed``) and for one over ``limits.PAGE``, not parsed.
    """
    too_large(PAGE, data, path)
    data, sniffed = _sniffed(path, data)
    if not FRAGMENT_HEAD_RE.search(data[:4096]):  # a fragment copied from a page's source, wrapped
        # in an <article>, as trafilatura looks for one (loose in <body>, its headings and lists were dropped)
        data = (b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><article>' + data
                + b"</article></body></html>")
    else:  # the first declaration is the one libxml2 and trafilatura read the page in
        data = b'<meta charset="utf-8">' + data
    try:
        doc = parse_html(data, document=True)
    except VerlagError as exc:
        raise VerlagError(exc.message, path, exc.line) from None
    teasers = _teasers(doc)
    if teasers:
        saved = SAVED_FROM_RE.search(data[:4096])
        base = doc.xpath("string((//head//link[@rel='canonical']/@href | //head//meta[@property='og:url']/@content"
                         " | //head//base/@href)[1])").strip() or (saved.group(1).decode("ascii") if saved else "")
        links = [urljoin(base, a.get("href", "").strip()) if base else a.get("href", "").strip()
                 for item in teasers for a in _title_links(item)[:1]]
        raise PostList(len(teasers), path, teasers[0].sourceline, tuple(dict.fromkeys(link for link in links if link)))
    if _NOT_XML_IN_PAGE.search(data):  # trafilatura's own reading of the page would find no text at all
        data = b"<!DOCTYPE html>" + lxml_html.tostring(doc, encoding="utf-8")
    content = trafilatura.extract(data, output_format="html", include_images=True, include_links=True,
                                  include_formatting=True, include_comments=False, include_tables=True)
    meta = trafilatura.extract_metadata(_without_inline_code(doc) if _INLINE_CODE_RE.search(data) else data)
    if not content or meta is None or not meta.title:
        raise VerlagError("no article found in this page (is it the page of one blog post?)", path, 1)
    title = _own_title(meta.title, doc, meta.sitename, meta.url)
    lazy = unlazy(doc)
    captions = _wix_figures(doc)
    modified = doc.xpath("string(//meta[@property='article:modified_time']/@content)")
    day = _day(meta.date)  # read before the page is pruned: a <time> may stand outside the article's text
    date, date_from = _stated_time(doc, day, "article:published_time", "datePublished", time_tags=True, zone=zone) \
        if day else (None, "")
    updated, _ = _stated_time(doc, _day(modified), "article:modified_time", "dateModified", zone=zone)
    byline, notes = _byline(doc)
    page_tags = _page_tags(doc)  # before the widgets go: Wix lists a post's tags in its footer
    url = meta.url if not _base_only(doc) else None
    saved = None if url else SAVED_FROM_RE.search(data[:4096])
    if saved:  # the page names no address of its own: the one the browser saved it from
        url = saved.group(1).decode("ascii")
        notes.append(f"old address {url}: from the mark the browser wrote when it saved the page (saved from url)")
    dropped: list[str] = []
    others: list[str] = []
    widgets = _drop_widgets(doc, dropped, others)
    legal = legal_slug(meta.title, url)
    slug = legal or _wix_post_slug(url)
    if slug and not legal and ascii_slug(slug) != title_slug(title):
        notes.append(f"slug {ascii_slug(slug)!r} from its old address {url}, as the old blog named it")
    entry_meta = _entry_meta(doc, notes, legal)
    gone = [*entry_meta.pop("text", []), *_entry_footer(doc, notes)]  # trafilatura may join them to other text
    blocks = [b for b in _blocks(content) if b not in widgets]
    for text in gone:
        blocks = [b.replace(text, "", 1) for b in blocks]
    blocks = [b for b in blocks if b]
    outer = _blocks(content, outer=True)
    node = _main_node(doc, blocks)
    for key, value in (*entry_meta.items(), *_leading_byline(node, title, notes).items()):  # Wix's comes first
        byline.setdefault(key, value)
    node = _kept_text(node, blocks, outer, _whole_page(content), dropped, notes)
    title_heading = _title_heading(node, title)
    if title_heading is not None:
        title_heading.drop_tree()
    # before lxml writes the HTML out: it %-encodes a tab or line ending in an href (``jav%09ascript:``), which no
    # browser reads as a scheme, and the link the page ran as script would stay, a dead one
    notes += refused_links(node)
    body, images, more = html_to_markdown(lxml_html.tostring(node, encoding="unicode"), path.parent,
                                          address=next(iter(doc.xpath("//base/@href")), None) or url)
    if byline.get("date") and date is None:
        date = byline["date"]
        notes.append(f"date: {date.isoformat()} from the byline")
    elif isinstance(date, dt.datetime) and byline.get("date") not in (None, date.date()):
        date = _shown_day(date, date_from, byline, zone, notes)
    elif _utc(date) and zone is not None and byline.get("date") in (None, date.astimezone(zone).date()):
        date = date.astimezone(zone)  # as a feed's time in UTC: the day the blog showed in its zone
        notes.append(f"date: {date.isoformat()} from {date_from}, in verlag.toml's timezone ({date_from} states it "
                     "in UTC)")
    elif date is not None:
        notes.append(f"date: {date.isoformat()} from {date_from}")
    if _utc(updated) and zone is not None:
        updated = updated.astimezone(zone)
    stated = _as_written(meta.author, unescape(data.decode("utf-8", "replace")))
    # a theme's marked byline before trafilatura's reading of it ("Veröffentlicht" of a <p class="byline">)
    author = entry_meta.get("author") or stated or byline.get("author")
    if author and author != stated and not legal:  # a legal page's is left out (``importer.completed``)
        notes.append(f"author (the byline's): {author}")
    named = next((_words(m) for m in doc.xpath("//meta[@name='author']/@content") if _words(m)), None)
    if not author and named:  # trafilatura read no name from it: markup, a link, a list of words
        shown = named if len(named) <= 60 else f"{named[:57]}…"
        notes.append(f"author left out: {shown!r} of <meta name=\"author\"> is no name "
                     f"({'it holds markup' if re.search(r'[<>]', named) else 'trafilatura read none from it'})")
    described = next((d for d in doc.xpath("//meta[@name='description']/@content | "
                                           "//meta[@property='og:description']/@content") if d.strip()), "")
    summary = _summary(described, notes) if re.search(r"<\s*[A-Za-z/!]", described) else meta.description
    notes = [f"title: {title}" + (f" (the site's name left out of {meta.title!r})" if title != meta.title else ""),
             *sniffed, *notes,
             *(t if isinstance(t, _Code) else
               f"left out (widget text?): {without_final_colon(t)}: add it by hand if it belongs" for t in dropped),
             *others, *lazy, *captions, *more, *_lost(node, body, more)]
    tags = [t for t in (meta.tags or []) + (meta.categories or []) + page_tags if t]
    if legal:
        notes.insert(1, f"a legal page ({legal}): goes to seiten/, not among the articles")
    return [new_article(title, body, str(path), author=author, date=date,
                        updated=_later(updated, date), summary=summary, tags=list(dict.fromkeys(tags)),
                        aliases=[url] if url else None, images=images, notes=notes,
                        page=legal is not None, slug=slug)]


WIX_FIGURE_HOOK = "figure-IMAGE"  # Wix's image block in a post: the image's viewer, then its caption
WIX_CAPTION_HOOK = "imageViewerCaption"  # the caption's own mark, where Wix writes one


def _wix_figures(doc) -> list[str]:
    """Each image block of a saved Wix post (``data-hook="figure-IMAGE"``, a ``<div>`` or ``<figure>``: the
    image's viewer, then a ``<span>`` of its caption, ``data-hook="imageViewerCaption"`` where Wix marks it) as
    the ``<figure>`` and ``<figcaption>`` it is, and the summary's line naming the captions. trafilatura leaves such a caption out of
    the text, so it was pruned and named as "widget text?", though the author wrote it under the image
    ("Lavendel blüht von Juni bis August"); a figure always stays (``ALWAYS_KEPT``), and its caption becomes
    the paragraph below the image, as a WordPress image's does."""
    kept = []
    for figure in doc.xpath(f"//*[@data-hook='{WIX_FIGURE_HOOK}'][.//img]"):
        caption = next(iter(figure.xpath(f".//*[@data-hook='{WIX_CAPTION_HOOK}']")), None)
        if caption is None:  # unmarked: the text after the viewer that holds the image
            caption = next((c for c in figure if isinstance(c.tag, str) and not c.xpath(".//img")
                            and _words(_shown(c)) and any(v.xpath(".//img") for v in c.itersiblings(preceding=True))),
                           None)
        figure.tag = "figure"
        if caption is not None and _words(_shown(caption)):
            caption.tag = "figcaption"
            kept.append(_words(_shown(caption)))
    return [f"image captions kept as the paragraph below their image: {'; '.join(kept)}"] if kept else []


def _utc(moment) -> bool:
    """Whether ``moment`` is a time stated in UTC (``Z``, ``+00:00``): how Wix states every post's time, and
    WordPress's SEO plugins many, whatever zone the blog showed its readers (``_feed_time`` reads a feed's so)."""
    return isinstance(moment, dt.datetime) and moment.utcoffset() == dt.timedelta(0)


WIX_POST_RE = re.compile(r"/post/[^/]+/?$")  # a Wix blog post's address: /post/<slug>, on the site's own path


def _wix_post_slug(url: str | None) -> str | None:
    """The slug a saved page's own address (its canonical or ``og:url``, else the "saved from url" mark) gives
    where it is a Wix blog post's (``…/post/holunder-im-herbst``, ``WIX_POST_RE``), as a Wix feed entry's gives it
    (``_address_slug``); None for any other address, whose page is named by its title."""
    parts = split_url(url or "")
    return _address_slug(url) if parts is not None and WIX_POST_RE.search(parts.path) else None


def _shown_day(moment: dt.datetime, source: str, byline: dict, zone: dt.tzinfo | None,
               notes: list[str]) -> dt.datetime | dt.date:
    """The date of a page whose stated time ``moment`` (from ``source``) falls on another day than its byline shows
    (Wix states every time in UTC and shows the site's day: 00:30 in Berlin is 22:30 UTC the day before):
    ``moment`` in ``zone`` (verlag.toml's ``timezone``) where that is the byline's day, else the byline's day
    itself; noted either way."""
    shown = byline["date"]
    if zone is not None and moment.astimezone(zone).date() == shown:
        notes.append(f"date: {moment.astimezone(zone).isoformat()} from {source}, in verlag.toml's timezone (the "
                     f"byline shows {byline['shown']})")
        return moment.astimezone(zone)
    notes.append(f"date: {shown.isoformat()} from the byline ({byline['shown']}): {source} {moment.isoformat()} "
                 f"falls on the day {'before' if moment.date() < shown else 'after'} in "
                 f"{zone or moment.tzname() or 'its offset'}")
    return shown


def _teasers(doc) -> list:
    """The teasers of a page that lists posts (a blog's home page, a category, an archive, saved beside the posts):
    its ``<article>`` elements, or Wix's ``data-hook="post-list-item"`` blocks, two or more, none inside another,
    each headed by a link to its post (an ``<h1>``-``<h3>`` whose text is a link's, the link in it or around it,
    ``_title_links``); none for any other page: a post's own ``<article>`` is headed by its title, not a link, and
    one a theme links all the same is the page's own address (``rel=canonical``, ``og:url``) or says it is an
    article (``og:type``)."""
    if doc.xpath("string(//meta[@property='og:type']/@content)").strip() == "article":
        return []
    own = {address.strip().rstrip("/") for address in doc.xpath("//link[@rel='canonical']/@href | "
                                                                  "//meta[@property='og:url']/@content")}
    for found in ([a for a in doc.iter("article") if not any(p.tag == "article" for p in a.iterancestors())],
                  doc.xpath(f"//*[@data-hook='{WIX_LIST_ITEM_HOOK}']"), _bare_title_links(doc)):
        links = {a.get("href", "").strip().rstrip("/") for item in found for a in _title_links(item)}
        if len(found) >= 2 and all(_title_links(item) for item in found) and not own & links:
            return found
    return []


def _bare_title_links(doc) -> list:
    """The items of a list of posts that are their titles' links alone, two or more side by side in an element that
    holds nothing else (Wix's ``data-hook="post-list"`` of ``<a href="/post/a"><h2>Erster Beitrag</h2></a>``: it
    was imported as an article whose text was ``[## Erster Beitrag](/post/a)…``, its "##" visible, trial 34), on a
    page with no paragraph of text outside them (a post's "related posts" so written leave it an article)."""
    for element in doc.iter():
        items = [child for child in element if isinstance(child.tag, str)]
        if len(items) < 2 or (element.text or "").strip() or any((child.tail or "").strip() for child in items):
            continue
        if not all(len(_title_links(child)) == 1 and _words(child.text_content()) ==
                   _words(_title_links(child)[0].text_content()) for child in items):
            continue
        if not any(_words(p.text_content()) and not any(a is element for a in p.iterancestors())
                   for p in doc.iter("p")):
            return items
        return []
    return []


def _title_links(item) -> list:
    """The links of ``item`` (a teaser?) whose text is that of a heading (``<h1>``-``<h3>``) in or around them."""
    found = []
    for heading in item.iter("h1", "h2", "h3"):
        text = _words(heading.text_content())
        found += [a for a in [*heading.iter("a"), *heading.iterancestors("a")]
                  if text and a.get("href") and _words(a.text_content()) == text]
    return found


TITLE_PARTS_RE = re.compile(r"^(.*?\S)\s+[|–—·:-]\s+(\S.*)$")  # "Impressum | Praxis Sommer": page, site


# a <script> or <style> in the page's body, whose code trafilatura's metadata reads as text of the heading or byline
# around it (trial 24: the title "Salbei alert(3)gegen Halsweh" from "<h1>Salbei <script>alert(3)</script>gegen")
_INLINE_CODE_RE = re.compile(rb"<body\b.*?<(?:script|style)\b", re.I | re.S)


def _without_inline_code(doc) -> bytes:
    """The page ``doc`` as bytes without the ``<script>`` and ``<style>`` elements of its body (``CODE_TAGS``), the
    text around each kept: what a browser shows of it, for trafilatura's metadata (title, author, date), which reads
    an element's text with its code. JSON-LD (``application/ld+json``), which it reads the metadata from, stays."""
    shown = copy.deepcopy(doc)
    for body in shown.iter("body"):
        for element in list(body.iter(*CODE_TAGS)):
            if element.tag == "script" and "ld+json" in (element.get("type") or "").lower():
                continue
            element.drop_tree()
    return b"<!DOCTYPE html>" + lxml_html.tostring(shown, encoding="utf-8")


def _own_title(title: str, doc, sitename: str | None, url: str | None) -> str:
    """The page's own title without the site's name that a ``<title>`` or ``og:title`` adds before or after it
    ("Impressum | Praxis Sommer", "Praxis Sommer – Impressum"): a part is the site's name when it is the page's
    ``og:site_name``, trafilatura's ``sitename`` or its address's host ("praxis-sommer.example"), compared as slugs,
    or when the other part is the page's ``<h1>``. Any other title is kept whole: "Leber - unterschätzt" is one."""
    host = url_host(url or "")
    names = {ascii_slug(name) for name in (sitename, doc.xpath("string(//meta[@property='og:site_name']/@content)"),
                                            host.rsplit(".", 1)[0] if "." in host else host) if name}
    names.discard("")
    headings = {_words(_shown(h)) for h in doc.iter("h1")}
    for parts in (TITLE_PARTS_RE.match(title), re.match(r"^(.*\S)\s+[|–—·:-]\s+(\S.*?)$", title)):
        if parts is None:
            continue
        for own, other in ((parts[1], parts[2]), (parts[2], parts[1])):
            if ascii_slug(other) in names or own in headings:
                return own
    return title


def _as_written(author: str | None, page: str) -> str | None:
    """trafilatura's ``author`` as the page writes it: its ``normalize_authors`` drops the dots of titles
    ("Dr. med. Petra Nord" becomes "Dr med Petra Nord"), so each name (trafilatura joins several with "; ") is
    looked up in the ``page``'s text (HTML with entities decoded) with a dot allowed after every word; a name
    not found stays as trafilatura gave it."""
    if not author:
        return author
    names = []
    for name in author.split("; "):
        words = name.split()
        pattern = r"\.?\s*".join(re.escape(word) for word in words)
        found = re.search(rf"(?<![\w.]){pattern}(?!\w)", page) if words else None
        names.append(" ".join(found.group(0).split()) if found else name)
    return "; ".join(names)


def _squash(text: str) -> str:
    """``text`` without any whitespace and invisible line-break hints (``invisible.HINTS``): block boundaries
    add or drop spaces, trafilatura drops the soft hyphens of "Kürbis&shy;kernen", the letters stay."""
    return without_hints("".join(text.split()))


CODE_TAGS = ("script", "style")  # elements whose text is code a browser runs or applies, never shows
_SHOWN_TEXT = etree.XPath(".//text()[not(" + " or ".join(f"ancestor::{tag}" for tag in CODE_TAGS) + ")]")


def _shown(element) -> str:
    """The text of ``element`` that a browser shows (``text_content()`` but the code of a ``<script>`` or
    ``<style>`` in it, ``CODE_TAGS``): trafilatura's blocks never hold that code, so the page's elements are
    matched to them by this text; by ``text_content()`` a paragraph with an inline ``<script>`` ("gern.
    <script>track()</script> Jetzt") matched none of them and was dropped as widget text in fragments, and with it
    no element held all of the article, so the page's menus and footer were named as widget text too."""
    return "".join(_SHOWN_TEXT(element))


def _blocks(content: str, outer: bool = False) -> list[str]:
    """The squashed texts of the blocks (paragraphs, items, headings, cells) of trafilatura's HTML;
    with ``outer`` only those inside no other block (an item's ``<p>`` is not counted twice, so the
    items of a ``<li><p>`` list stay one run of text)."""
    found = lxml_html.fragment_fromstring(content, create_parent="div").iter(*CONTENT_BLOCKS)
    if outer:
        found = [b for b in found if not any(a.tag in CONTENT_BLOCKS for a in b.iterancestors())]
    return [text for text in (_squash(block.text_content()) for block in found) if text]


def _byline(doc) -> tuple[dict, list[str]]:
    """({"author": …, "date": …, "shown": the date as written}, notes) from Wix's post metadata (``data-hook``
    user-name, time-ago; the reading time, time-to-read, is dropped: verlag computes its own). A date is read as the pasted-text
    reader reads it (``importer_text.german_date``); one without a year ("5. März") is not used."""
    from .importer_text import german_date  # importer_text imports this module

    found: dict = {}
    notes: list[str] = []
    for meta in doc.xpath(f"//*[@data-hook='{WIX_BYLINE_HOOK}']")[:1]:
        name = _byline_name(meta)
        if name:
            found["author"] = name
        written = _words(meta.xpath("string(.//*[@data-hook='time-ago'])"))
        day = german_date(written) if written else None
        if day and day[2]:
            try:
                found["date"], found["shown"] = dt.date(day[2], day[1], day[0]), written
            except ValueError:
                notes.append(f"the byline's date is not a date: {written}")
        reading = _words(meta.xpath("string(.//*[@data-hook='time-to-read'])"))
        if reading:
            notes.append(f"dropped the reading time: {reading}")
    return found, notes


def _leading_byline(node, title: str, notes: list[str]) -> dict:
    """{"author": …, "date": …, "shown": …} of a byline a theme writes as the article's first text, under its title
    (``<p class="meta">Veröffentlicht am 15. Jan. 2025 von Anna Berger</p>``, ``_text_byline``), removed from
    ``node`` and named in ``notes`` before pruning (trafilatura may leave it out: not widget text to add by hand);
    empty where the article's first text is none: it stays text."""
    title_heading = _title_heading(node, title)
    skipped = set(title_heading.iter()) if title_heading is not None else set()
    for element in node.iter():
        if element in skipped:
            continue
        if element.tag in TEXT_BEGINS:
            return {}
        if element.tag not in ("p", "div", "address") or element is node \
                or any(e.tag in ("p", "div", "address", "figure", *TEXT_BEGINS) for e in element.iterdescendants()) \
                or not _words(element.text_content()):
            continue
        found = _text_byline(_words(element.text_content()))
        if found:
            notes.append(f"left out the byline: {_words(element.text_content())}")
            _drop_keeping_tail(element)
        return found
    return {}


def _entry_meta(doc, notes: list[str], legal: str | None = None) -> dict:
    """{"author": …, "date": …, "shown": …, "text": the squashed text of each} of the post's byline as WordPress
    themes mark it (``ENTRY_META_XPATH``: ``<div class="entry-meta">`` under the title, Underscores' ``posted-on``
    and ``byline`` spans, ``post-meta``, ``entry-byline``, ``byline``; every one outside a sidebar or menu, the
    outermost of nested ones), removed from ``doc`` and named in ``notes`` before the article is located, so that
    it is left out however long the post (trafilatura keeps it in a short one's text, not in a long one's); the
    date is its ``<time datetime>``'s, the author its ``author``/``fn`` link's, else both as ``_text_byline``
    reads the text, the first element's first. An element that names neither stays. On a ``legal`` page (an
    Impressum, ``importer.legal_slug``) it is the theme's, no byline: left out and named as such, its author and date not
    taken (only "text")."""
    elements = doc.xpath(ENTRY_META_XPATH)
    byline: dict = {}
    texts, written = [], []
    for element in (e for e in elements if not any(a in elements for a in e.iterancestors())):
        words = _words(element.text_content())
        found = _text_byline(words) if words else {}
        stamp = element.xpath("string((.//time[contains(@class, 'published')] | .//time)[1]/@datetime)")
        try:
            found["date"], found["shown"] = dt.date.fromisoformat(stamp[:10]), stamp[:10]
        except ValueError:
            pass
        names = element.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')"
                              " or @rel='author'] | .//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]")
        if names and _words(names[0].text_content()):
            found["author"] = _words(names[0].text_content())
        if not found:
            continue
        for key, value in found.items():
            byline.setdefault(key, value)
        written.append(words)
        texts.append(_squash(words))
        _drop_keeping_tail(element)
    if not texts:
        return {}
    if legal:
        notes.append(f"left out the theme's date and author line (a legal page has no byline): {' '.join(written)}")
        return {"text": texts}
    notes.append(f"left out the byline: {' '.join(written)}")
    return {**byline, "text": texts}


def _entry_footer(doc, notes: list[str]) -> list[str]:
    """The squashed text of each ``<footer class="entry-footer">`` under a post that holds its categories and tags
    alone (``FOOTER_LINKS``: Underscores' ``cat-links``, ``tags-links``, the comments and edit links; or links
    with WordPress's ``rel="category tag"`` or ``rel="tag"`` after a label of their own, "Kategorien:"
    (``FOOTER_LABEL_RE``); nothing else), removed from ``doc`` and named in ``notes``: theme furniture, not
    article text (its tags are read from the page's metadata)."""
    texts = []
    for footer in doc.xpath(ENTRY_FOOTER_XPATH):
        parts = list(footer)
        own = [footer.text or "", *(p.tail or "" for p in parts)]
        if not parts or any(not FOOTER_LINKS & set((p.get("class") or "").split()) and
                            not (p.tag == "a" and {"tag", "category"} & set((p.get("rel") or "").split()))
                            for p in parts) or \
                not all(FOOTER_LABEL_RE.fullmatch(_words(text)) for text in own):
            continue
        words = re.sub(r" ([,;])", r"\1", _words(" ".join(footer.itertext())))  # "Tee, Winter", not "Tee , Winter"
        notes.append(f"left out the categories and tags under the post: {words}")
        texts.append(_squash(words))
        _drop_keeping_tail(footer)
    return texts


def _text_byline(text: str) -> dict:
    """{"author": …, "date": …, "shown": the date as written} of ``text`` when it is a byline and nothing else:
    "Veröffentlicht am 15. Jan. 2025 von Anna Berger", "Von Anna Berger am 3. Mai 2024" (``PUBLISHED_RE``), also
    as items split as the pasted-text reader splits a byline ("Von Anna Berger · 3. Mai 2024 · 4 Min. Lesezeit",
    ``importer_text.BYLINE_SEPARATOR_RE``): dates with a year, a name after "Von" (``importer_text._by``), a reading
    time; else empty (a sentence that names a date stays text)."""
    from .importer_text import BYLINE_SEPARATOR_RE, READING_TIME_RE, _by, german_date

    items = []
    for part in filter(None, BYLINE_SEPARATOR_RE.split(text)):
        match = PUBLISHED_RE.match(part)
        name = match and (match.group("by") or match.group("name"))
        items += [match.group("date") or match.group("on"), *([f"Von {name}"] if name else [])] if match else [part]
    found: dict = {}
    for item in items:
        day = german_date(item)
        if day and day[2] and "date" not in found:
            try:
                found["date"], found["shown"] = dt.date(day[2], day[1], day[0]), item
            except ValueError:
                return {}
        elif _by(item) and "author" not in found:
            found["author"] = _by(item)
        elif not READING_TIME_RE.match(item):
            return {}
    return found


def _byline_name(meta) -> str:
    """The author's name of Wix's byline ``meta``: its ``user-name``, else the one beside it in the post's header
    (``post-header``: the name stands next to the metadata in some templates), never one in a related post's or
    a comment's widget."""
    scope = meta
    for _ in range(BYLINE_LEVELS + 1):
        names = [n for n in scope.xpath(".//*[@data-hook='user-name']")
                 if not any(a.get("data-hook") in WIDGET_HOOKS and a is not meta for a in n.iterancestors())]
        if names:
            return _words(names[0].text_content())
        if scope.get("data-hook") == "post-header" or scope.getparent() is None:
            break
        scope = scope.getparent()
    return ""


def _drop_widgets(doc, dropped: list[str], others: list[str] | None = None) -> set[str]:
    """Remove the page's byline and counter/share widgets from ``doc``; the squashed texts removed.

    Recognised by structure: a Wix ``data-hook`` of ``WIDGET_HOOKS``, or an element of two or more
    children that are each only widget words as the pasted-text reader knows them ("12 Aufrufe",
    "0 Kommentare", "Gefällt mir", "Teilen", ``importer_text.WIDGET_RE``) or a reading time, but a table's row
    (a plan of "x" marks is no share bar of X, once Twitter); also two or more such children that end an element
    after its other text (Wix's "12 Aufrufe" and "0 Kommentare" after the post's body, inside ``<article>``),
    which are removed alone. A paragraph of
    ``PROSE_WORDS`` words or more inside a removed widget (an author box in Wix's post footer) is appended to
    ``dropped``, as ``_prune`` names what it leaves out; readers' comments are not the author's text, nor the
    teasers of other posts (Wix's "Aktuelle Beiträge": headings that are links), which one note in ``others``
    names by their titles instead."""
    from .importer_text import READING_TIME_RE, WIDGET_RE

    others = [] if others is None else others

    def widget_words(element) -> bool:
        text = _words(_shown(element))
        return bool(text) and bool(WIDGET_RE.match(text) or READING_TIME_RE.match(text))

    removed: set[str] = set()
    for element in list(doc.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        parts = [c for c in element if isinstance(c.tag, str)]
        if (element.get("data-hook") in WIDGET_HOOKS
                or (len(parts) >= 2 and element.tag not in TABLE_PARTS and not (element.text or "").strip()
                    and all(widget_words(c) and not (c.tail or "").strip() for c in parts))):
            text = _squash(_shown(element))
            if text:
                removed.add(text)
            linked = [h for h in element.iter(*HEADINGS) if _words(h.text_content()) and any(
                a.get("href") and _words(a.text_content()) == _words(h.text_content()) for a in h.iter("a"))]
            if linked:
                label = next((_words(h.text_content()) for h in element.iter(*HEADINGS)
                              if h not in linked and _words(h.text_content())), "")
                others.append(f"left out: the page's list of other posts{f' ({label})' if label else ''}: "
                              + "; ".join(_words(h.text_content()) for h in linked))
            elif element.get("data-hook") != "comments":
                dropped.extend(prose for prose in (_words(p.text_content())
                                                   for p in element.iter("p", "li", "blockquote"))
                               if len(prose.split()) >= PROSE_WORDS)
            element.drop_tree()
            continue
        counters = list(itertools.takewhile(lambda c: widget_words(c) and not (c.tail or "").strip(), parts[::-1]))
        if element.tag not in TABLE_PARTS and 2 <= len(counters) < len(parts):
            for counter in counters:
                removed.add(_squash(_shown(counter)))
                counter.drop_tree()
    return removed


def _main_node(doc, blocks: list[str]):
    """The innermost container (``CONTAINERS``) of ``doc`` whose text holds every one of ``blocks``."""
    found = doc.body if doc.body is not None else doc
    for element in found.iter():
        if element.tag in CONTAINERS and _holds_all(_squash(_shown(element)), blocks):
            found = element  # document order: each later match lies inside the one before
    return found


def _holds_all(text: str, blocks: list[str]) -> bool:
    """Whether each of ``blocks`` is in ``text``: looked for in their order first, each after the one before, in
    time linear in ``text`` (a page's table of 4,000 rows, a block per cell, took 11 s looked for one by one);
    else one by one."""
    at = 0
    for block in blocks:
        at = text.find(block, at)
        if at < 0:
            return all(block in text for block in blocks)
        at += len(block)
    return True


class _Runs:
    """The outermost blocks of trafilatura's output (``_blocks``, ``outer``), to tell whether an element's blocks
    are a run of them (``holds``)."""

    def __init__(self, outer: list[str]):
        self.outer, self.at = outer, {}
        for n, text in enumerate(outer):
            self.at.setdefault(text, []).append(n)

    def holds(self, element) -> bool:
        """Whether ``element``'s outermost blocks (``CONTENT_BLOCKS``, squashed, the empty ones left out) are two
        or more of trafilatura's in a row, in its order: a table of "x" marks or a list of short answers."""
        own = [text for b in element.iterdescendants(*CONTENT_BLOCKS)
               if not _inside_block(b, element) and (text := _squash(_shown(b)))]
        return len(own) >= 2 and any(self.outer[n:n + len(own)] == own for n in self.at.get(own[0], ()))


def _inside_block(block, element) -> bool:
    """Whether ``block`` lies in another block (``CONTENT_BLOCKS``) inside ``element``: an item's ``<p>``."""
    parent = block.getparent()
    while parent is not None and parent is not element:
        if parent.tag in CONTENT_BLOCKS:
            return True
        parent = parent.getparent()
    return False


class _Code(str):
    """The summary's note on a ``<script>`` or ``<style>`` that ``_prune`` left out."""


def _prune(node, blocks: set[str], kept: str, dropped: list[str] | None = None, runs: _Runs | None = None,
           short: int = SHORT_TEXT):
    """``node`` without the child blocks whose text trafilatura left out (share buttons, bylines, comment
    forms): a child stays when its text is one of ``blocks`` or, from ``short`` characters on (``SHORT_TEXT``), part
    of ``kept`` (all blocks, squashed); a short "Teilen" inside a sentence does not keep a share
    button. A child whose blocks are ``runs`` of trafilatura's stays whole however short (a table of one-letter
    cells, a list of "ja", "nein"). Headings, figures, images and embedded pages (``_players``) always stay; a
    child left with only those loses its loose text (the "·" between a byline's dropped parts), except that a child left with only
    headings, whose other text was all left out, goes with them: the heading of a related-posts box or of
    the comments heads no text of the article. A dropped child with a letter or digit (not a widget's known
    words, ``_furniture``: a short paragraph of the article's is no less its text), and each
    heading dropped so, is added to ``dropped`` (whitespace folded), for the summary; a ``<script>`` or
    ``<style>`` with code is added as ``_Code``, which the summary names as code, not as text to add by hand."""
    def keeps(text: str) -> bool:
        return text in blocks or (len(text) >= short and text in kept)

    for child in list(node):
        if not isinstance(child.tag, str):
            child.drop_tree()
            continue
        if child.tag in ("script", "style"):
            code = _words(child.text_content())
            if dropped is not None and code:
                dropped.append(_Code(f"left out a <{child.tag}> (code of the page, no text of the article): "
                                     f"{code if len(code) <= 80 else code[:77] + '…'}"))
            child.drop_tree()
            continue
        text = _squash(_shown(child))
        if child.tag in ALWAYS_KEPT or keeps(text) or (not text and child.xpath(".//img")) or _players(child) \
                or (runs is not None and runs.holds(child)):
            continue
        beside_headings = text != _squash("".join(h.text_content() for h in child.iter(*HEADINGS)))
        at = len(dropped) if dropped is not None else 0
        _prune(child, blocks, kept, dropped, runs, short)
        if beside_headings and _only_headings(child):  # "Das könnte Sie auch interessieren", "2 Kommentare"
            if dropped is not None:
                dropped[at:at] = [f"heading {_words(h.text_content())} (its section was left out)"
                                  for h in child.iter(*HEADINGS) if _words(h.text_content())]
            child.drop_tree()
        elif not any(e.tag in ALWAYS_KEPT for e in child.iterdescendants()) and not _players(child):
            words = _words(_shown(child))
            if dropped is not None and any(c.isalnum() for c in words) and not _furniture(words):
                dropped.append(words if len(words) <= 80 else words[:77] + "…")
            child.drop_tree()
        elif not keeps(_squash(_shown(child))):
            child.text = None
            for grandchild in child:
                grandchild.tail = None
    return node


def _furniture(text: str) -> bool:
    """Whether ``text`` is a widget's words as the pasted-text reader knows them ("Teilen", "12 Aufrufe", a reading
    time, a cookie button): left out without a word, as any other text left out is named."""
    from .importer_text import CONSENT_BUTTON_RE, READING_TIME_RE, WIDGET_RE

    return bool(WIDGET_RE.match(text) or READING_TIME_RE.match(text) or CONSENT_BUTTON_RE.match(text))


def _whole_page(content: str) -> bool:
    """Whether trafilatura's HTML ``content`` is its last resort, the page's whole text as one paragraph of
    lines (its baseline joins every text of ``<body>`` with a newline): it found no main content."""
    found = [p for p in lxml_html.fragment_fromstring(content, create_parent="div").iter(*CONTENT_BLOCKS)
             if _squash(p.text_content())]
    return len(found) == 1 and found[0].tag == "p" and "\n" in found[0].text_content().strip()


def _kept_text(node, blocks: list[str], outer: list[str], whole_page: bool, dropped: list[str], notes: list[str]):
    """``node`` pruned (``_prune``) of what trafilatura left out, unless that would lose the article's text: where
    trafilatura found no main content on a short page it gives the page's whole text as one block of lines
    (its baseline's last resort, ``whole_page``), a line per text of the page, which no child's text equals: a
    child stays where its text is in it, however short; and where the pruned
    ``node`` keeps less than half of trafilatura's text, the page's text could not be told from its furniture.
    Then ``node`` is kept whole and a note in ``notes`` says so (a page of a heading and two short paragraphs was
    imported as an empty article without a word). ``dropped`` gets what pruning named only when it is used."""
    kept = "".join(outer)
    whole, at = copy.deepcopy(node), len(dropped)
    pruned = _prune(node, set(blocks), kept, dropped, _Runs(outer), short=1 if whole_page else SHORT_TEXT)
    if len(_squash(_shown(pruned))) * 2 >= len(_squash(kept)) \
            or len(_squash(_shown(whole))) <= len(_squash(_shown(pruned))):
        if whole_page:
            notes.append("a short page whose article could not be told from the rest: all of its text kept: "
                         "delete what does not belong (menus, footer, buttons)")
        return pruned
    del dropped[at:]
    notes.append(f"the article's text could not be told from the page around it: all of the page's "
                 f"<{whole.tag}> kept ({counted(len(' '.join(whole.itertext()).split()), 'word')}): delete what "
                 "does not belong (menus, footer, buttons)")
    return whole


def _players(element) -> bool:
    """Whether ``element`` is or holds an ``<iframe>`` with a web address (a video player, a map, a booking
    widget): trafilatura drops every iframe, and ``left_out_embeds`` makes it a link, which README promises."""
    from .rawhtml import web_host

    return any(web_host(frame.get("src") or "") for frame in element.iter("iframe"))


def _only_headings(element) -> bool:
    """Whether the pruned ``element`` holds headings and nothing else: no image, figure or text of its own."""
    headings = list(element.iter(*HEADINGS))
    return bool(headings) and not any(e.tag in ("figure", "img", "picture") for e in element.iter()) and \
        _squash(_shown(element)) == _squash("".join(h.text_content() for h in headings))


def _title_heading(node, title: str):
    """The first ``<h1>`` of ``node`` when it repeats the title (the front matter has it), or None."""
    heading = next(node.iter("h1"), None)
    if heading is None:
        return None
    text = _words(_shown(heading))
    return heading if text and (text == title.strip() or title.startswith(text + " ")) else None


def _lost(node, markdown: str, notes: list[str] | tuple[str, ...] = ()) -> list[str]:
    """A note for each heading and image of ``node`` that the Markdown does not have, but an image ``notes`` (of
    ``html_to_markdown``) name as not found, left out, and one whose address is unreadable (which
    ``unreadable_addresses`` names), and a spacer or tracking pixel they name as not kept (one line for it, not a
    second one asking to add it by hand)."""
    def key(img) -> tuple[str, str]:  # a Wix image's full copy for its placeholder (``_unblurred``) is the same
        name = Path(unquote((split_url(img.get("src", "")) or NO_ADDRESS).path)).name
        wix = WIX_MEDIA_NAME_RE.match(name)
        return img.get("alt") or "", wix.group(1) + wix.group(2) if wix else name

    rendered = lxml_html.fragment_fromstring(commonmark_parser().render(markdown), create_parent="div")
    headings = {_words(h.text_content()) for h in rendered.iter(*HEADINGS)}
    images = {key(i) for i in rendered.iter("img")}
    lost = [f"heading not kept: {_words(_shown(h))}: add it by hand" for h in node.iter(*HEADINGS)
            if _words(_shown(h)) not in headings]
    missing = {note.partition(": ")[2].partition(" (")[0] for note in notes if note.startswith("image not found: ")}
    spacers = {note[len("image ("):-len(f") not kept: {SPACER}")] for note in notes
               if note.startswith("image (") and note.endswith(f") not kept: {SPACER}")}  # left out, said so
    for img in node.iter("img"):  # an inline image is saved or named by ``html_to_markdown``
        src = img.get("src", "")
        if split_url(src) is not None and key(img) not in images and not src.startswith("data:") \
                and _destination(src) not in missing and not {_destination(src), key(img)[1]} & spacers:
            lost.append(f"image not kept: {src}: add it by hand")
    return lost


def _children(element, name: str) -> list:
    return [c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _text(element, name: str, namespace: str = "") -> str:
    """Text of the first child ``name`` whose namespace contains ``namespace``, or ""."""
    for child in _children(element, name):
        if namespace in (etree.QName(child).namespace or ""):
            return (child.text or "").strip()
    return ""


def read_wxr(path: Path, data: bytes, uploads: Path | None = None,
             zone: dt.tzinfo | None = None) -> tuple[list[ImportedArticle], list[VerlagError]]:
    """Every post and page of a WordPress export (WXR) with status publish, draft, pending, private or
    future, and a ``VerlagError`` at the line of each one left out (a post without title and text): one such
    post does not keep the others out. A post without a title (WordPress shows "(no title)") is titled by its
    first ``UNTITLED_WORDS`` words and noted, so the author gives it one and loses none.

    Title, author (display name from ``wp:author``) and term names are HTML-decoded (WordPress stores them escaped,
    ``Tee &amp; Kaffee``, ``&#8211;``), as the content is; the title is plain text (``_plain``: its markup left out,
    noted) and a display name with markup is no author (noted, as a saved page's <meta name="author">);
    ``wp:post_date`` (the blog's local time, see ``_wp_date``), ``wp:post_modified`` as ``updated`` when on a later
    day, a time where the date is one (``_wp_times``; ``zone``: verlag.toml's ``timezone``), categories and tags (not the default "Uncategorized"), the excerpt as summary, ``<link>`` and the shortlink
    (``_shortlink``, ``?p=41``) of a published item as its old addresses, its ``wp:post_name`` (``_post_name``) as
    its slug, its ``wp:post_id`` on the blog's address as its ``origin`` (``WordPress post 41 of
    https://blog.example/``), which tells a later import of the blog that it was imported, also when the author
    renamed or deleted its file.
    Body HTML: paragraphs from blank lines and line breaks (``<br>``, a CommonMark hard break) from
    single newlines where WordPress's classic editor left them out (its ``wpautop``), ``[gallery ids=…]``
    as the attachments' images (``_expand_shortcodes``), ``[caption]`` as a figure (``_figures``): the image, then
    its caption as a paragraph of its own; the featured image first (``_featured``).
    A private post (only the blog's logged-in editors could read it) or a password-protected one (only readers
    given its ``wp:post_password``) is ``private`` (German only: ``translate: false``). An old address with a query (plain permalinks, ``?p=140``) is kept and noted with the hosts that redirect it (``new_article``). An
    image of the blog's ``wp-content/uploads/`` is copied from ``uploads`` (a copy of that folder) where it is
    there; the ones that are not are each article's ``remote_images`` (``html_to_markdown``).
    Raises ``VerlagError`` with the line of malformed XML (an error on the file's last line but extra content after
    the document is the file ending inside an element: said to look cut off, nothing of it is imported), and when
    the export holds no post or page.
    """
    root, removed = wxr_tree(data, path)
    channel = next(iter(_children(root, "channel")), None)
    if channel is None:
        raise VerlagError("no <channel> in this WordPress export", path, root.sourceline)
    home = _text(channel, "base_blog_url") or _text(channel, "link") or None
    authors = {_text(a, "author_login"): unescape(_text(a, "author_display_name"))
               for a in _children(channel, "author")}
    items = _children(channel, "item")
    # the lines of each item, up to the next one's, to name a removed character in the post it was in
    ends = {id(item): following.sourceline for item, following in zip(items, items[1:])}
    attachments = {_text(i, "post_id"): i for i in items if _text(i, "post_type") == "attachment"}
    reusable = {_text(i, "post_id"): i for i in items if _text(i, "post_type") == "wp_block"}
    described, errors = polylang_groups(channel, path)
    articles = []
    nameless: set[str] = set()  # the logins without a <wp:author>, said once
    for item in items:
        kind, status = _text(item, "post_type"), _text(item, "status")
        if kind not in WP_ARTICLE_TYPES or status not in ("publish", "draft", "pending", "private", "future"):
            continue
        ref = f"{path}:{item.sourceline}"
        title = _plain(_text(item, "title"))  # HTML as WordPress shows it: ``<em>`` and its like are no title text
        marked = _words(unescape(_text(item, "title")))
        embeds: list[str] = []
        shown = _reusable_blocks(_text(item, "encoded", "/content/"), reusable, embeds)
        shown = _shortcode_footnotes(_core_footnotes(shown, _postmeta(item, "footnotes"), embeds), embeds)
        content, notes = _expand_shortcodes(_autop(_embeds(_figures(shown), embeds)), attachments,
                                            _text(item, "post_id"))
        notes += embeds
        if not title:  # WordPress publishes it as "(no title)": its first words name it until the author does
            words = _plain(content).split()
            if not words:
                errors.append(VerlagError(f"a WordPress {kind} without a title or text (WordPress lists it as "
                                          "'(no title)'): nothing to import", path, item.sourceline))
                continue
            title = " ".join(words[:UNTITLED_WORDS]) + (" …" if len(words) > UNTITLED_WORDS else "")
            notes.append(f"no title in WordPress (it lists the {kind} as '(no title)'): titled by its first words; "
                         "give it a title of its own")
        content = _featured(item, items, content, notes)
        if pages := len(NEXTPAGE_RE.findall(content)):  # WordPress showed each part on a page of its own
            notes.append(f"{pages + 1} pages of the post (split by <!--nextpage-->) joined into one article: give "
                         "each part a heading where readers need to find it")
        remote: list[str] = []
        uploaded: list[tuple[str, Path]] = []
        try:
            body, images, more = html_to_markdown(content, uploads=uploads, remote=remote, address=home,
                                                  uploaded=uploaded, anchors=True)
        except VerlagError as exc:  # this post's: the others are imported
            errors.append(VerlagError(exc.message, path, item.sourceline))
            continue
        login = _text(item, "creator")
        date, updated = _wp_times(item, notes, zone)
        named = [_words(unescape(c.text or "")) for c in _children(item, "category")
                 if c.get("domain") in ("category", "post_tag") and c.get("nicename") not in WP_DEFAULT_CATEGORIES]
        marked_tags = [tag for tag in named if re.search(r"[<>]", tag)]
        tags = [tag for tag in (_plain(tag) if tag in marked_tags else tag for tag in named)
                if tag]  # a name's markup is no word of it, as a title's
        if marked_tags:
            notes.append("tags: their markup left out of " + ", ".join(map(repr, marked_tags))
                         + ": a category or tag is plain text")
        protected = bool(_text(item, "post_password"))
        published = status == "publish" and not protected
        link = _text(item, "link")
        slug = _post_name(_text(item, "post_name"), notes)
        author = authors.get(login)
        if login and login not in authors:  # a login is no name to print: verlag.toml's author (``completed``)
            if login not in nameless:
                notes.append(f"author: the login {login!r} of <dc:creator> has no <wp:author> in this export to give "
                             "its name, and a login is none to print: its posts get verlag.toml's author")
            nameless.add(login)
            login = ""
        if author and re.search(r"[<>]", author):  # as a saved page's <meta name="author">: markup is no name
            notes.append(f"author left out: {author!r} of the export's <wp:author_display_name> is no name "
                         "(it holds markup)")
            author, login = None, ""
        notes = [f"WordPress {kind}, status {status}" + (f", published at {link}" if published else ""),
                 f"title: {title}" + (f" (its markup left out of {marked!r}: a title is plain text)"
                                      if marked != title else ""), *notes, *more]
        inside = [(line, char) for line, char in removed
                  if item.sourceline <= line and (id(item) not in ends or line < ends[id(item)])]
        if inside:
            notes.append(forbidden_note(path, inside))
        post_id = _text(item, "post_id")
        aliases = [link, _shortlink(home, kind, post_id)] if published else []
        articles.append(new_article(title, body, ref, author=author or login or None, date=date,
                                    updated=updated, summary=_summary(_text(item, "encoded", "/excerpt/"), notes)
                                    or _seo_description(item, notes),
                                    tags=list(dict.fromkeys(t for t in tags if t)),
                                    aliases=[a for a in dict.fromkeys(aliases) if a], images=images, notes=notes,
                                    page=kind == "page", slug=slug, home=home, queries=_queries(item, kind),
                                    origin=f"WordPress {kind} {post_id} of {home.rstrip('/')}/"
                                    if home and post_id.isdigit() else None,
                                    remote_images=tuple(remote), private=status == "private" or protected,
                                    linked=wxr_link(item, described), uploaded=tuple(uploaded),
                                    unpublished=None if published else PROTECTED if protected else
                                    f"scheduled in WordPress for {date.isoformat()[:10]}" if status == "future" and date
                                    else f"{status} in WordPress"))
    if not articles and not errors:
        raise VerlagError("no posts or pages in this WordPress export", path, channel.sourceline)
    return articles, errors


# An entity declared in the DOCTYPE's internal subset as an outside file or address (``SYSTEM``/``PUBLIC``)
_OUTSIDE_ENTITY = re.compile(rb"<!ENTITY\s+([^\s%>]+)\s+(SYSTEM|PUBLIC)\s+(\"[^\"]*\"|'[^']*')")


# The characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets) that a UTF-8 export holds as bytes of their
# own: the C0 controls but tab, line feed and carriage return, and U+FFFE and U+FFFF.
_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def _without_forbidden(data: bytes) -> tuple[bytes, list[tuple[int, str]]]:
    """``data`` (an XML file in UTF-8, as WordPress writes it) without the characters XML 1.0 forbids
    (``_FORBIDDEN``), and (line, ``U+000B``) of each removed. WordPress stores what an author pasted from a word
    processor or PDF (a vertical tab for Word's line break, a form feed) and its export writes it unchanged into a
    CDATA section, where libxml2 stops at it ("CData section not finished"), and so the whole export was refused
    for one invisible character. None of them is a line break, so every line keeps its number. A file in UTF-16
    (its BOM) is left as it is: its bytes are no such characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or not _FORBIDDEN.search(data):
        return data, []
    found, line, at = [], 1, 0
    for match in _FORBIDDEN.finditer(data):
        line += data.count(b"\n", at, match.start())
        at = match.start()
        found.append((line, f"U+{ord(match.group().decode('utf-8')):04X}"))
    return _FORBIDDEN.sub(b"", data), found


def forbidden_note(path: Path, found: list[tuple[int, str]]) -> str:
    """The summary's line for the characters ``_without_forbidden`` removed (``found``) from one post of the
    export or one entry of the feed at ``path``: each character once, with the lines it stood on."""
    lines: dict[str, list[int]] = {}
    for line, char in found:
        lines.setdefault(char, [])
        if line not in lines[char]:
            lines[char].append(line)
    return ("removed invisible control characters XML 1.0 forbids (they made the export unreadable): "
            + "; ".join(f"{char} at {path}:{', '.join(map(str, at))}" for char, at in lines.items()))


class WxrTree(NamedTuple):
    """What ``wxr_tree`` read of a WordPress export."""

    root: etree._Element  # the export's <rss> element
    removed: list[tuple[int, str]]  # (line, character) of each character XML 1.0 forbids, removed before reading


def wxr_tree(data: bytes, path: Path) -> WxrTree:
    """The root element of the WordPress export ``data``, its internal entities (``<!ENTITY y "und Baldrian">`` in
    a DOCTYPE, which WordPress never writes but a hand-edited file may hold) expanded where they stand.

    Read with entities left unexpanded, lxml gave an element's text up to the first reference only: ``Schlaf &y;
    gut`` became the title ``Schlaf``, without a word. An entity that names an outside file or address (``SYSTEM
    "file:///etc/passwd"``) is never read (no DTD loaded, no network): the file is refused, naming it, as is one
    whose entities expand to far more text than the file holds (libxml2's amplification limit: the "billion laughs").
    Raises ``VerlagError`` with the line of malformed XML (an error on the file's last line but extra content after
    the document is the file ending inside an element: said to look cut off). Characters XML 1.0 forbids are
    removed first (``_without_forbidden``), each (line, character) returned with the root as ``removed``.
    """
    data, removed = _without_forbidden(data)
    # huge_tree: a post over libxml2's 10 MB of text (a photo pasted inline) made the whole export "not well-formed";
    # it is that post's error now (``html_to_markdown``). No DTD is read; libxml2 bounds what entities expand to.
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=True)
    try:
        return WxrTree(etree.fromstring(data, parser), removed)
    except etree.XMLSyntaxError as exc:
        problem = re.sub(r", line \d+, column \d+$", "", exc.msg).partition("\n")[0]  # lxml appends the text
        outside = {m[1].decode("utf-8", "replace"): m for m in _OUTSIDE_ENTITY.finditer(data)}
        undefined = re.match(r"Entity '([^']+)' not defined", problem)
        if undefined and undefined[1] in outside:
            raise _outside_entity(data, outside[undefined[1]], path, exc.lineno) from None
        if "amplification" in problem:
            raise VerlagError("the entities of its <!DOCTYPE …> expand to far more text than the file holds (an "
                              "entity expansion, the 'billion laughs' attack; WordPress writes no <!DOCTYPE>): export "
                              "the blog again; nothing was imported", path, exc.lineno) from None
        reference = re.match(r"xmlParseCharRef: invalid xmlChar value (\d+)", problem)
        if reference:  # a character reference (&#11;) to a character XML 1.0 forbids: no WordPress export has one
            problem = (f"the character reference to U+{int(reference[1]):04X} (&#{reference[1]};), a control "
                       "character XML 1.0 forbids: delete the reference from the file")
        if exc.code != etree.ErrorTypes.ERR_DOCUMENT_END and _at_end(data, exc.lineno):
            problem += ("; the file ends inside an element: the export looks cut off (a download or copy that "
                        "stopped early): export it again (Tools → Export) and import the new file")
        raise VerlagError(f"not well-formed XML at column {exc.position[1]}: {problem}", path, exc.lineno) from None


def _outside_entity(data: bytes, found: re.Match, path: Path, line: int) -> VerlagError:
    """The ``VerlagError`` at ``line`` for an XML file that uses the entity ``found`` (``_OUTSIDE_ENTITY``) declares
    as an outside file or address."""
    declared = data.count(b"\n", 0, found.start()) + 1
    return VerlagError(f"the entity &{found[1].decode('utf-8', 'replace')}; stands for an outside file or address "
                       f"({found[2].decode()} {found[3].decode('utf-8', 'replace')}, declared at line {declared}), "
                       "which verlag never reads (a file that names one may try to read your files; WordPress and "
                       "blog platforms write no <!DOCTYPE>): remove the <!DOCTYPE …> and each &name; from the file, "
                       "or export it again; nothing was imported", path, line)


def _at_end(data: bytes, line: int) -> bool:
    """Whether an XML parser's error at ``line`` of ``data`` is at its end (the last line with text, or after it):
    where a file cut off inside an element fails."""
    return line >= data.rstrip().count(b"\n") + 1


def wxr_link(item, described: dict[str, tuple[str, str]] | None = None) -> tuple[str, str] | None:
    """(language code, group key) of a post a multilingual plugin links to its translations, None for one it does not:
    Polylang gives each post a ``language`` term (its slug the code) and one ``post_translations`` term its
    translations share (``pll_…``), whose description maps each language to a post id (``described``:
    ``polylang_groups``, read first: Polylang itself reads it), WPML's Export and Import
    the post meta ``_wpml_import_language_code`` and ``_wpml_import_translation_group``
    (https://wpml.org/documentation/related-projects/wpml-export-and-import/)."""
    if described and _text(item, "post_id") in described:
        return described[_text(item, "post_id")]
    terms = {term.get("domain"): term.get("nicename") or "" for term in _children(item, "category")}
    if terms.get("language") and terms.get("post_translations"):
        return terms["language"], f"polylang:{terms['post_translations']}"
    lang, group = _postmeta(item, "_wpml_import_language_code"), _postmeta(item, "_wpml_import_translation_group")
    return (lang, f"wpml:{group}") if lang and group else None


def polylang_groups(channel, path: Path) -> tuple[dict[str, tuple[str, str]], list[VerlagError]]:
    """(post id -> (its language code, its group key as ``wxr_link`` gives it), the problems) of the WXR
    ``channel``'s Polylang ``post_translations`` terms (an export of "All content" lists them): each one's
    description is the PHP array of a post id for each language code (``a:2:{s:2:"de";i:102;s:2:"en";i:202;}``,
    ``phpserialized``). One that is not is a ``VerlagError`` at its line of ``path`` saying why, and its posts are
    linked by the term they carry."""
    from .phpserialized import read_serialized

    found: dict[str, tuple[str, str]] = {}
    errors = []
    for term in _children(channel, "term"):
        if _text(term, "term_taxonomy") != "post_translations":
            continue
        slug = _text(term, "term_slug")
        try:
            value = read_serialized(_text(term, "term_description"))
            if not isinstance(value, dict) or not all(isinstance(code, str) and type(number) is int
                                                      for code, number in value.items()):
                raise ValueError("not a language code for each post id")
        except ValueError as exc:
            errors.append(VerlagError(f"Polylang's post_translations term {slug}: its description is not the PHP "
                                      f"array of a post id for each language code it writes ({exc}): its posts are "
                                      "linked by the term they carry", path, term.sourceline))
            continue
        for code, number in value.items():
            found[str(number)] = (code, f"polylang:{slug}")
    return found, errors


def wxr_language(item, described: dict[str, tuple[str, str]] | None = None) -> str:
    """The language code a multilingual plugin gives a WordPress post (Polylang's, ``described`` by its
    ``polylang_groups`` or its ``language`` term, WPML's ``_wpml_import_language_code``, see ``wxr_link``), ""
    for none."""
    if described and _text(item, "post_id") in described:
        return described[_text(item, "post_id")][0]
    code = next((term.get("nicename") or "" for term in _children(item, "category")
                 if term.get("domain") == "language"), "")
    return code or _postmeta(item, "_wpml_import_language_code")


def _queries(item, kind: str) -> tuple[str, ...]:
    """The plain permalinks of a WordPress post or page by its ``wp:post_id``, as queries on the blog's address:
    ``p=41`` (any post or page), ``page_id=7`` (a page),
    https://wordpress.org/documentation/article/customize-permalinks/."""
    post_id = _text(item, "post_id")
    if not post_id.isdigit():
        return ()
    return (f"p={post_id}",) + ((f"page_id={post_id}",) if kind == "page" else ())


def _shortlink(home: str | None, kind: str, post_id: str) -> str | None:
    """The address WordPress gives a published post or page by its ``wp:post_id`` on the blog's ``home``, whatever
    its permalinks: ``https://blog.example/?p=41`` for a post, ``…/?page_id=7`` for a page (``wp_get_shortlink``,
    which themes put in every page's ``<link rel="shortlink">`` and share buttons use); None without either."""
    if not home or not post_id.isdigit():
        return None
    return f"{home.rstrip('/')}/?{'page_id' if kind == 'page' else 'p'}={post_id}"


def _post_name(name: str, notes: list[str]) -> str | None:
    """The slug WordPress gave a post (``wp:post_name``, the last part of its pretty permalink) as text: WordPress
    stores letters beyond ASCII percent-encoded UTF-8 (``kr%c3%a4uter``, ``sanitize_title_with_dashes``), which
    ``importer.new_article`` then spells as ``kraeuter``. None for a draft's empty name and for one that is not
    percent-encoded UTF-8 (noted: the title names the file)."""
    try:
        return unquote(name, errors="strict") or None
    except UnicodeDecodeError:
        notes.append(f"slug {name!r} (wp:post_name) is not percent-encoded UTF-8: named from the title")
        return None


# The search snippet an SEO plugin stores as a post's postmeta, by plugin: Yoast SEO, Rank Math, All in One SEO
# before version 4 (which keeps it in a table of its own, not in the export)
SEO_DESCRIPTIONS = (("_yoast_wpseo_metadesc", "Yoast SEO"), ("rank_math_description", "Rank Math"),
                    ("_aioseop_description", "All in One SEO"))
SEO_VARIABLE_RE = re.compile(r"%%?[a-z_]+%%?")  # Yoast's "%%title%%", Rank Math's "%excerpt%": filled in by the plugin


def _seo_description(item, notes: list[str]) -> str:
    """The summary of a post without an excerpt: the meta description an SEO plugin (``SEO_DESCRIPTIONS``) keeps
    for it, the one search engines show under its title (a post without an excerpt reported "not found: summary",
    its description in the export, trial 34), noted with where it came from; "" when there is none, or it is made of
    the plugin's variables, which only the plugin fills in (noted)."""
    for key, plugin in SEO_DESCRIPTIONS:
        written = _postmeta(item, key)
        if not written.strip():
            continue
        if SEO_VARIABLE_RE.search(written):
            notes.append(f"summary: not the {plugin} meta description ({key}) {_words(written)!r}: it holds the "
                         "plugin's variables, filled in only by the plugin")
            continue
        plain = _summary(written, notes)
        if plain:
            notes.append(f"summary: the {plugin} meta description ({key}), the post having no excerpt")
            return plain
    return ""


def _postmeta(item, key: str) -> str:
    """The ``wp:meta_value`` of ``item``'s ``wp:postmeta`` whose ``wp:meta_key`` is ``key``, or ""."""
    return next((_text(meta, "meta_value") for meta in _children(item, "postmeta") if _text(meta, "meta_key") == key),
                "")


def _featured(item, items: list, content: str, notes: list[str]) -> str:
    """``content`` with the post's featured image (``_thumbnail_id``, the attachment WordPress themes show above
    the post, https://developer.wordpress.org/reference/functions/get_the_post_thumbnail/) as its first
    paragraph, with the attachment's alt text (``_wp_attachment_image_alt``), noted; as it is when the post has
    none, its attachment is not in the export, or its body shows that image already."""
    wanted = _postmeta(item, "_thumbnail_id")
    if not wanted:
        return content
    attachment = next((i for i in items if _text(i, "post_id") == wanted and _text(i, "post_type") == "attachment"),
                      None)
    url = _text(attachment, "attachment_url") if attachment is not None else ""
    if not url:
        notes.append(f"featured image not kept: attachment {wanted} is not in the export: add it by hand")
        return content
    if url in content:
        return content
    notes.append(f"featured image put at the top: {url}")
    alt = unescape(_postmeta(attachment, "_wp_attachment_image_alt"))
    return f'<p><img src="{escape(url)}" alt="{escape(alt)}"></p>\n\n{content}'


def _wp_date(local: str, gmt: str) -> dt.datetime | dt.date | None:
    """A WXR ``wp:post_date`` ("2025-03-03 08:15:00", the blog's local time) with the blog's UTC offset
    (``local`` minus ``wp:post_date_gmt``), so it stays on the day the blog showed; its day when the GMT
    time is missing (drafts have zeros) or lies farther from it than any UTC offset (a migration plug-in's); the
    GMT time in UTC without a local one; None without either. Raises ``ValueError`` for one that is no date."""
    known = lambda value: bool(value) and not value.startswith("0000")  # noqa: E731
    if not known(local):
        return dt.datetime.fromisoformat(gmt).replace(tzinfo=dt.timezone.utc) if known(gmt) else None
    moment = dt.datetime.fromisoformat(local)
    if not known(gmt):
        return moment.date()
    offset = moment - dt.datetime.fromisoformat(gmt)
    return moment.replace(tzinfo=dt.timezone(offset)) if abs(offset) <= MAX_UTC_OFFSET else moment.date()


def _wp_time(item, local: str, gmt: str, notes: list[str]) -> dt.datetime | dt.date | None:
    """``_wp_date`` of ``item``'s fields ``local`` and ``gmt``; None, noted, where they are no date."""
    try:
        return _wp_date(_text(item, local), _text(item, gmt))
    except ValueError:
        notes.append(f"wp:{local} {_text(item, local) or _text(item, gmt)!r} is no date: add 'date: YYYY-MM-DD' by hand"
                     if local == "post_date" else f"wp:{local} {_text(item, local)!r} is no date: not used")
        return None


def _wp_times(item, notes: list[str], zone: dt.tzinfo | None) -> tuple:
    """(``date``, ``updated``) of a WXR ``item``: its ``wp:post_date`` and its ``wp:post_modified`` where that falls
    on a later day (``_later``), both in one form, as front matter writes them. A time's ``updated`` is a time too:
    a ``wp:post_modified`` without its GMT time (an export written by hand or by a plug-in) is read in ``zone``
    (verlag.toml's ``timezone``), else at the date's offset, instead of becoming its day alone; a day's
    ``updated`` (a draft's date, whose GMT time WordPress leaves at zeros) is its day."""
    date = _wp_time(item, "post_date", "post_date_gmt", notes)
    updated = _wp_time(item, "post_modified", "post_modified_gmt", notes)
    if isinstance(date, dt.datetime) and updated is not None and not isinstance(updated, dt.datetime):
        updated = dt.datetime.fromisoformat(_text(item, "post_modified")).replace(tzinfo=zone or date.tzinfo)
    elif date is not None and not isinstance(date, dt.datetime) and isinstance(updated, dt.datetime):
        updated = updated.date()
    return date, _later(updated, date)


REUSABLE_RE = re.compile(r"<!--\s+wp:block\s+(\{[^{}]*\})\s*/-->")  # the block editor's reusable block


def _reusable_blocks(content: str, blocks: dict, notes: list[str], within: tuple[str, ...] = ()) -> str:
    """``content`` with each reusable block (``<!-- wp:block {"ref":300} /-->``, a "synced pattern" since
    WordPress 6.3) replaced by the content of its ``wp_block`` item of the export (``blocks``, by
    ``wp:post_id``), as WordPress shows it, one inside it too; noted. One the export lacks (Tools → Export →
    "Posts" leaves them out) is left out and named with its id, as is one inside itself (``within``: the blocks
    being shown), which WordPress does not show either."""
    def replace(match: re.Match) -> str:
        try:
            ref = str(json.loads(match.group(1)).get("ref", ""))
        except (ValueError, AttributeError):
            ref = ""
        item = blocks.get(ref)
        if item is None:
            notes.append(f"reusable block {ref or match.group(1)} not imported: it is not in this export (Tools → "
                         'Export → "Posts" leaves them out): export "All content" and import again, or copy its '
                         "text in by hand")
            return ""
        if ref in within:
            notes.append(f"reusable block {ref} left out inside itself (WordPress does not show it there either)")
            return ""
        notes.append(f"reusable block {ref} ({_words(unescape(_text(item, 'title')))}) shown where it stood")
        return _reusable_blocks(_text(item, "encoded", "/content/"), blocks, notes, (*within, ref))

    return REUSABLE_RE.sub(replace, content)


WP_FOOTNOTES_RE = re.compile(r"<!--\s+wp:footnotes\b[^>]*?/-->")
# The footnote shortcodes of Easy Footnotes (``[efn_note]``) and Modern Footnotes (``[mfn]``, ``[modern_footnote]``):
# each holds its note where the text refers to it. Read as CAPTION_RE is: up to the next such tag, no further.
NOTE_SHORTCODE_RE = re.compile(r"\[(efn_note|mfn|modern_footnote)\b[^\[\]]*+\]"
                               r"((?:(?!\[/?(?:efn_note|mfn|modern_footnote)\b).)*+)\[/\1\]", re.S)


def _note_list(notes: list[tuple[str, str]]) -> str:
    """``notes`` ((id, HTML)) as the list of hand-made footnotes ``footnotes`` reads: an ``<ol>`` of items with
    those ids, each linking back to ``<id>-link``, the id its reference has."""
    return "<ol>" + "".join(f'<li id="{escape(key)}">{html} <a href="#{escape(key)}-link">↩</a></li>'
                            for key, html in notes) + "</ol>"


def _core_footnotes(content: str, meta: str, notes: list[str]) -> str:
    """``content`` with the footnotes block of WordPress 6.3 and later (``<!-- wp:footnotes /-->``) as the list
    WordPress renders in its place (``render_block_core_footnotes``) from the post meta ``footnotes`` (``meta``: JSON,
    ``[{"id": …, "content": …}]``), whose references stand in the text as ``<sup data-fn="ID" class="fn"><a
    href="#ID" id="ID-link">1</a></sup>``: ``footnotes`` makes them CommonMark footnotes; noted. Meta that is not
    such a list is named and the block left out: its references then lead nowhere, which ``check`` names."""
    if not WP_FOOTNOTES_RE.search(content):
        return content
    try:
        found = json.loads(meta) if meta else []
        if not isinstance(found, list) or not all(isinstance(n, dict) and isinstance(n.get("id"), str)
                                                  and isinstance(n.get("content"), str) for n in found):
            raise ValueError
    except (ValueError, RecursionError):
        notes.append("the footnotes block's notes (post meta 'footnotes') are not the list of notes WordPress "
                     "writes: left out; copy them in by hand")
        return WP_FOOTNOTES_RE.sub("", content)
    if found:
        notes.append(f"footnotes: {counted(len(found), 'footnote')} of WordPress's footnotes block as Markdown "
                     "footnotes")
    return WP_FOOTNOTES_RE.sub(lambda _: _note_list([(n["id"], n["content"]) for n in found]) if found else "",
                               content, count=1)


def _shortcode_footnotes(content: str, notes: list[str]) -> str:
    """``content`` with each footnote shortcode (``NOTE_SHORTCODE_RE``) as a reference to a note of the list
    added at its end, as the plugin shows it, which ``footnotes`` then makes CommonMark footnotes; noted."""
    found: list[tuple[str, str]] = []
    names: list[str] = []

    def reference(match: re.Match) -> str:
        key = f"wp-footnote-{len(found) + 1}"
        found.append((key, match.group(2).strip()))
        names.append(match.group(1))
        return f'<sup><a href="#{key}" id="{key}-link">{len(found)}</a></sup>'

    content = NOTE_SHORTCODE_RE.sub(reference, content)
    if not found:
        return content
    kinds = ", ".join(f"[{name}]" for name in dict.fromkeys(names))
    notes.append(f"footnotes: {counted(len(found), 'footnote')} ({kinds}) as Markdown footnotes")
    return f"{content}\n\n{_note_list(found)}"


def _figures(content: str) -> str:
    """``[caption …]<img …> Text[/caption]`` as ``<figure><img …><figcaption>Text</figcaption></figure>``, the
    HTML WordPress itself renders it as (``img_caption_shortcode``), so its image and caption become two
    paragraphs as a saved page's figure does; the caption may also be the older ``caption="…"`` attribute.
    A caption shortcode that holds no image is left for ``_expand_shortcodes`` (unwrapped)."""
    def replace(match: re.Match) -> str:
        image = CAPTIONED_RE.match(match.group(2))
        if image is None:
            return match.group(0)
        attribute = CAPTION_ATTR_RE.search(match.group(1))
        text = image.group(2).strip() or (next(filter(None, attribute.groups()), "") if attribute else "")
        return f"<figure>{image.group(1)}" + (f"<figcaption>{text}</figcaption>" if text else "") + "</figure>"

    return CAPTION_RE.sub(replace, content)


EMBED_SHORTCODE_RE = re.compile(r"\[embed\b[^\]]*\]\s*(https?://[^\s<>\"\[]+)\s*\[/embed\]", re.I)
EMBED_LINE_RE = re.compile(r"^([ \t]*(?:<p(?: [^>]*)?>[ \t]*)?)(https?://[^\s<>\"]+)([ \t]*(?:</p>[ \t]*)?)$",
                           re.I | re.M)


def _embeds(content: str, notes: list[str]) -> str:
    """``content`` with each URL WordPress embeds (a video, a post of another site: a URL alone on its line or in
    its own ``<p>``, the block editor's embed block holds it so too, and ``[embed]URL[/embed]``;
    ``WP_Embed::autoembed``, https://wordpress.org/documentation/article/embeds/) as a link to it, noted:
    a static page cannot ask the provider for the player, and a bare URL is no link in CommonMark."""
    def link(match: re.Match) -> str:
        url = match.group(2)
        notes.append(f"embed kept as a link: {unescape(url)} (WordPress showed it embedded)")
        return f'{match.group(1)}<a href="{url}">{url}</a>{match.group(3)}'

    return EMBED_LINE_RE.sub(link, EMBED_SHORTCODE_RE.sub(lambda m: f"\n{m.group(1)}\n", content))


def _autop(content: str) -> str:
    """The post's HTML as WordPress renders ``post_content`` (``the_content``).

    Block editor content (``<!-- wp:… -->`` delimiters) is HTML already: WordPress strips the delimiters
    and runs no ``wpautop`` on it (``do_blocks``). Text outside every block (a post begun in the classic editor and
    continued in the block editor) is the classic editor's, which the block editor opens as a Classic block with
    ``autop`` applied (Gutenberg's parser, ``normalizeRawBlock``): it gets ``_classic_autop``, so its paragraphs and
    line breaks stay and a block after it (an image's ``<figure>``) is not glued to its last paragraph."""
    if not WP_BLOCK_RE.search(content):
        return _classic_autop(content)
    html, depth, start = [], 0, 0
    for delimiter in WP_BLOCK_RE.finditer(content):
        between = content[start:delimiter.start()]
        html.append(_classic_autop(between) if depth == 0 else between)
        if WP_BLOCK_CLOSE_RE.match(delimiter.group(0)):
            depth = max(depth - 1, 0)
        elif not delimiter.group(0).endswith("/-->"):  # a void block (``<!-- wp:footnotes /-->``) holds nothing
            depth += 1
        start = delimiter.end()
    html.append(_classic_autop(content[start:]) if depth == 0 else content[start:])
    return MORE_RE.sub("", "\n".join(part for part in html if part))


NEXTPAGE_RE = re.compile(r"<!--\s*nextpage\s*-->")  # a post's page break (the block editor's holds it too)


def _classic_autop(content: str) -> str:
    """The classic editor's text ``content`` as WordPress's ``wpautop`` renders it.

    The classic editor's text keeps paragraphs as blank lines
    and line breaks as single newlines: as ``wpautop`` does, every block element (``BLOCK_TAGS``) gets a
    blank line before its start and after its end, so the text between blocks is a paragraph of its own,
    each chunk between blank lines that holds no block tag and is not one shortcode on its own
    becomes a ``<p>`` with a ``<br>`` (a CommonMark hard break) for each newline, a shortcode alone a ``<div>``
    (a block of its own, which ``[gallery …]`` fills with paragraphs), and ``<pre>`` keeps its lines. The ``<!--more-->`` excerpt cut is no content: on a line of its own it ends
    the paragraph (WordPress leaves an empty line there), elsewhere it is dropped."""
    content = MORE_RE.sub("", MORE_LINE_RE.sub("", content))
    kept = PRE_RE.findall(content)
    content = PRE_RE.sub(f"\n\n{PRE_MARK}\n\n", content)
    content = BLOCK_END_RE.sub("\\1\n\n", BLOCK_START_RE.sub("\n\n\\1", content))
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", content) if chunk.strip()]
    html = "\n".join(chunk if BLOCK_TAG_RE.search(chunk) or chunk == PRE_MARK
                     else f"<div>{chunk}</div>" if SHORTCODE_ONLY_RE.fullmatch(chunk)  # a block, may become several
                     else "<p>" + "<br>".join(line.strip() for line in chunk.split("\n")) + "</p>"
                     for chunk in chunks)
    return re.sub(PRE_MARK, lambda _: kept.pop(0), html)


def _expand_shortcodes(content: str, attachments: dict, post_id: str) -> tuple[str, list[str]]:
    """``[gallery …]`` as the images of its attachments (``GALLERY_IDS_RE``; ``attachments``: the export's
    attachment items by ``wp:post_id``; ``post_id``: the post's own), each described by its
    ``_wp_attachment_image_alt``, in a ``<div class="gallery">`` as WordPress renders it (``html_to_markdown``
    counts those without one), ``[caption]…[/caption]`` as its content; other shortcodes stay as text and are
    noted: to be rewritten in Markdown where ``verlag check`` will name them (``segment.template_tag_kind``), else
    by hand. A gallery image whose attachment the export lacks (Tools → Export → "Posts" leaves out all of them)
    is named with its id and what to do, never dropped unsaid."""
    notes: list[str] = []

    def replace(match: re.Match) -> str:
        closing, name, attributes = match.groups()
        if name == "gallery" and not closing:
            ids = GALLERY_IDS_RE.search(attributes)
            if ids:
                wanted = [i.strip() for i in ids.group(1).split(",") if i.strip()]
            else:
                parent = GALLERY_POST_RE.search(attributes)
                parent = parent.group(1) if parent else post_id
                wanted = [key for key, item in attachments.items() if _text(item, "post_parent") == parent]
            found = [attachments[i] for i in wanted if i in attachments]
            missing = [i for i in wanted if i not in attachments]
            shortcode = match.group(0)
            if not found:
                what = (f"{'attachment' if len(missing) == 1 else 'attachments'} {', '.join(missing)} "
                        f"{'is' if len(missing) == 1 else 'are'} not in this export" if missing else
                        "no image of the post is in this export")
                notes.append(f'{shortcode} not imported: {what} (Tools → Export → "Posts" leaves them out): '
                             'export "All content" and import again, or add the images by hand')
                return ""
            if missing:
                notes.append(f"{shortcode}: {'attachment' if len(missing) == 1 else 'attachments'} "
                             f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in this export, its "
                             'other images are: export "All content" and import again, or add them by hand')
            images = [(_text(item, "attachment_url"), unescape(_postmeta(item, "_wp_attachment_image_alt")))
                      for item in found]
            return '<div class="gallery">' + "".join(f'<p><img src="{escape(url)}" alt="{escape(alt)}"></p>'
                                                     for url, alt in images) + "</div>"
        if name == "caption":
            return ""
        if not closing:
            advice = TAG_ADVICE if template_tag_kind(match.group(0)) else HAND_ADVICE
            notes.append(f"shortcode [{name}] left as text: {advice}")
        return match.group(0)

    return SHORTCODE_RE.sub(replace, content), notes


def read_feed(path: Path, data: bytes,
              zone: dt.tzinfo | None = None) -> tuple[list[ImportedArticle], list[VerlagError]]:
    """Every entry of an RSS 2.0 or Atom 1.0 feed file (e.g. a Wix blog's ``blog-feed.xml``), and a
    ``VerlagError`` at the line of each entry left out (one without a title).

    Title, author, published and updated time, categories as tags, the entry's link as its old address and
    the last part of that as its slug (``_address_slug``: Wix's ``/post/holunder-im-herbst``), as a WordPress post's
    ``wp:post_name`` is; its ``<enclosure>`` image (``_enclosed_image``: the cover Wix's blog showed above the post)
    at the top of the text; the body from ``content:encoded``/``<content>``, converted as a WordPress post's is (``html_to_markdown``: an
    ``<iframe>`` a link, a script or form named as left out; feedparser's own sanitizer would drop those unsaid),
    else the description (noted: feeds often carry
    only a teaser), which is the summary when there is a full content too; a time without a zone is in ``zone``
    (verlag.toml's ``timezone``), else UTC. Characters XML 1.0 forbids are removed and named by the entry they stood
    in (``_without_forbidden``), as a WordPress export's are. Entities its DOCTYPE declares are expanded as a
    WordPress export's are (``wxr_tree``: one naming an outside file, or ones that explode, refuse the file). Raises ``VerlagError`` for
    a file feedparser reads no entries from, and for one that ends inside an element (cut off: feedparser reads
    the entries up to there, the last one without the rest of its text; none is imported).
    """
    data, removed = _without_forbidden(data)  # feedparser fell back to its loose reading, and lxml refused the text
    if re.search(rb"<!ENTITY\s", data):  # feedparser left "&y;" as text, and an outside entity's as "&x": read as WXR
        data = etree.tostring(wxr_tree(data, path).root, encoding="utf-8", xml_declaration=True)
    feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=True)  # html_to_markdown's to clean
    problem = feed.get("bozo_exception")
    if isinstance(problem, SAXParseException) and problem.getMessage() != "junk after document element" \
            and _at_end(data, problem.getLineNumber()):
        raise VerlagError(f"not well-formed XML at column {problem.getColumnNumber() + 1}: {problem.getMessage()}; "
                          "the file ends inside an element: the feed looks cut off (a download or copy that stopped "
                          "early): save it again and import the new file", path, problem.getLineNumber())
    if not feed.entries:
        problem = feed.get("bozo_exception")
        line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else 1
        raise VerlagError(f"no entries in this feed{': ' + str(problem) if problem else ''}", path, line)
    starts = [data.count(b"\n", 0, m.start()) + 1 for m in re.finditer(rb"<(item|entry)[\s>]", data)]
    articles, errors = [], []
    for number, entry in enumerate(feed.entries):
        line = starts[number] if number < len(starts) else 1
        title = _plain(entry.get("title"))
        if not title:
            errors.append(VerlagError("a feed entry without a title: copy it by hand", path, line))
            continue
        content = entry.get("content", [{}])[0].get("value", "")
        notes = [f"title: {title}"]
        inside = [(at, char) for at, char in removed
                  if line <= at and (number + 1 >= len(starts) or at < starts[number + 1])]
        if inside:
            notes.append(forbidden_note(path, inside))
        if not content:
            content = entry.get("summary", "")
            notes.append("the feed has only the description of this entry: compare it with the page")
        content = _enclosed_image(entry, title, content, notes)
        link = entry.get("link")
        slug = _address_slug(link)
        if slug and ascii_slug(slug) != title_slug(title):
            notes.append(f"slug {ascii_slug(slug)!r} from its old address {link}, as the old blog named it")
        try:
            body, images, more = html_to_markdown(content, address=entry.get("link") or feed.feed.get("link"))
        except VerlagError as exc:  # this entry's: the others are imported
            errors.append(VerlagError(exc.message, path, line))
            continue
        date = _feed_time(entry, "published", zone)
        updated = _feed_time(entry, "updated", zone) if "updated" in entry.keys() else None  # not feedparser's
        author = entry.get("author") or feed.feed.get("author")  # Atom: the feed's author is each entry's
        articles.append(new_article(title, body, f"{path}:{line}", author=author,
                                    date=date or updated, updated=_later(updated, date),
                                    summary=_summary(entry.get("summary"), notes) if entry.get("content") else None,
                                    tags=[t.term for t in entry.get("tags", []) if t.get("term")],
                                    aliases=[link] if link else None, images=images, notes=notes + more,
                                    slug=slug))
    return articles, errors


def _address_slug(link: str | None) -> str | None:
    """The last part of a feed entry's old address as the slug that names its file (Wix's ``/post/holunder-im-herbst``,
    WordPress's ``/2024/03/tee/``, Blogger's ``tee.html`` without its extension): the name the author gave the
    post there, kept as a WordPress post's ``wp:post_name`` is. None where the address has none (``/?p=12``, a part
    of digits alone, ``index.html``), it is no web address (``javascript:alert(1)``, ``data:…``) or it is not
    percent-encoded UTF-8: the title names the file then."""
    parts = split_url(link or "") or NO_ADDRESS
    if parts.scheme not in ("", "http", "https"):
        return None
    last = next((part for part in reversed(parts.path.split("/")) if part), "")
    try:
        last = re.sub(r"\.(html?|php|aspx?)$", "", unquote(last, errors="strict"), flags=re.I)
    except UnicodeDecodeError:
        return None
    return last if re.search(r"[^\W\d_]", last) and last.lower() != "index" else None


def _same_image(one: str, other: str) -> bool:
    """Whether two image addresses show one image: the same address without its query, or the same file of Wix's
    media (``static.wixstatic.com/media/x~mv2.jpg``) in any size Wix made of it (``…/v1/fill/w_740,…/x~mv2.jpg``)."""
    def key(url: str) -> str:
        parts = split_url(url)
        if parts is None:  # an address urlsplit refuses (``urlparts``) is only the same as itself
            return url
        return re.sub(r"^(/media/[^/]+)/v1/.*", r"\1", parts.path) if parts.netloc == "static.wixstatic.com" \
            else f"{parts.netloc}{parts.path}"
    return key(one) == key(other)


def _enclosed_image(entry, title: str, content: str, notes: list[str]) -> str:
    """``content`` with the image of a feed ``entry``'s ``<enclosure>`` (its cover, which Wix's blog showed above the
    post) as its first paragraph, described by ``title`` as a Hugo post's cover is (noted: move it or describe it
    better); as it is when the entry has none or its text shows that image already (Wix's in another size)."""
    url = next((e.get("href") for e in entry.get("enclosures", []) if e.get("href") and (
        (e.get("type") or "").startswith("image/")
        or re.search(r"\.(jpe?g|png|gif|webp|avif)$", (split_url(e["href"]) or NO_ADDRESS).path, re.I))), None)
    shown = re.findall(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", content, re.I)
    if url is None or any(_same_image(url, unescape(src)) for src in shown):
        return content
    notes.append(f"cover image {url} (the feed's <enclosure>) put at the top of the text, described by the title: "
                 "as the old blog showed it; move it or describe it better")
    return f'<p><img src="{escape(url)}" alt="{escape(title)}"></p>\n\n{content}'


def _feed_time(entry, key: str, zone: dt.tzinfo | None = None) -> dt.datetime | None:
    """The entry's ``published``/``updated`` time as written, with its own UTC offset: RFC 822 (RSS,
    ``email.utils.parsedate_to_datetime``) or ISO 8601 (Atom); feedparser's UTC reading only when neither
    parses. A time without a zone (RFC 822 "-0000": zone unknown) is in ``zone``, else UTC. A time in UTC
    ("GMT", "+0000", "Z": how Wix and WordPress write every post's) is the same moment on ``zone``'s clock:
    the day the old blog showed its readers (Wix's 22:30 GMT on 12 October was the 13th in Berlin)."""
    raw = entry.get(key) or ""
    try:
        moment = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        try:
            moment = dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            parsed = entry.get(f"{key}_parsed")
            moment = dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc) if parsed else None
            if moment is None:
                return None
    if not moment.tzinfo:
        return moment.replace(tzinfo=zone or dt.timezone.utc)
    return moment.astimezone(zone) if zone and moment.utcoffset() == dt.timedelta(0) else moment

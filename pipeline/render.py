"""Stage: one edition's Markdown -> an HTML fragment, through Python-Markdown's extension API.

Python-Markdown parses (tables, footnotes, attribute lists, heading ids that
work in every script), after ``mdcompat`` has given it the block structure
CommonMark sees (list nesting, code blocks: what segmentation read); three
tree processors then do verlag's part:

- segments shown in German inside a translation (marked by the editions stage
  with FALLBACK_OPEN/CLOSE) become ``<span lang="de">``, or ``lang="de"`` on
  the whole block when all of it fell back (WCAG 3.1.2);
- links to another article (its German source file or its slug) point to the
  same edition of that article; images and links to files the German original
  references (``bilder/x.jpg``, relative to ``source_de/``) point to the site's
  copy of that file (``media``), in every edition;
- in a translation, nothing the German original does not have gets through:
  raw HTML is shown as text, event handlers and other unknown attributes are
  dropped, ``javascript:``-style URLs are neutralised. The German original is
  the author's own and trusted; what it contains is the allowance.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.toc import TocExtension, slugify_unicode
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .editions import FALLBACK_CLOSE, FALLBACK_OPEN
from . import mdcompat

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote"}
SAFE_ATTRS = {"href", "src", "alt", "title", "id", "class", "lang", "dir", "colspan", "rowspan", "start",
              "rel", "width", "height", "loading"}
URL_ATTRS = {"href", "src", "cite", "action", "formaction", "poster", "srcset", "xlink:href"}
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
ENTITY_RE = re.compile(r"^&(#\d+|#[xX][0-9a-fA-F]+|\w+);$")
SENTINELS_RE = re.compile(f"([{FALLBACK_OPEN}{FALLBACK_CLOSE}])")
TOUCHING_RE = re.compile(f"{FALLBACK_CLOSE}([ \t]*\n?[ \t]*){FALLBACK_OPEN}")  # neighbours in one block


@dataclass(frozen=True)
class Allowance:
    """What a translation may contain beyond plain Markdown: the German original's raw HTML and attributes."""

    raw: frozenset[str] = frozenset()
    attrs: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Rendered:
    html: str
    allowance: Allowance  # what this text contains (for a German original: what its translations may use)


def render(text: str, links: Callable[[str], str | None] = lambda slug: None,
           allowance: Allowance | None = None, backlink_title: str = "", source_lang: str = "de",
           files: Callable[[str], str | None] = lambda url: None) -> Rendered:
    """Markdown -> HTML. ``allowance`` None trusts the text (the German original); otherwise it limits it.

    ``links`` maps an article slug, ``files`` an image or link URL, to the URL it is published at (or None).
    """
    ext = _VerlagExtension(links, allowance, source_lang, files)
    md = markdown.Markdown(extensions=[
        "tables", "attr_list", "sane_lists", ext,  # sane_lists: ordered lists keep their start
        FootnoteExtension(BACKLINK_TITLE=backlink_title or "↩ %d", SEPARATOR="-"),
        TocExtension(slugify=slugify_unicode, toc_depth="2-6"),
    ], output_format="html")
    body = md.convert(TOUCHING_RE.sub(r"\1", text))
    return Rendered(body, Allowance(frozenset(ext.raw_seen), frozenset(ext.attrs_seen)))


class _VerlagExtension(Extension):
    def __init__(self, links, allowance: Allowance | None, source_lang: str, files):
        super().__init__()
        self.links = links
        self.files = files
        self.source_lang = source_lang
        self.allowance = allowance
        self.raw_seen: set[str] = set()
        self.attrs_seen: set[tuple[str, str]] = set()
        self.code_stash: set[int] = set()  # code blocks rendered (and escaped) by CommonMarkBlocks

    def extendMarkdown(self, md):
        mdcompat.register(md, self.code_stash)
        # Priorities: after inline parsing (20) and before attribute lists (8) and heading ids (5),
        # so both see text without markers; the safety pass runs after them.
        md.treeprocessors.register(_FallbackLang(md, self.source_lang), "verlag-fallback-lang", 12)
        md.treeprocessors.register(_ArticleLinks(md, self.links), "verlag-links", 11)
        md.treeprocessors.register(_LocalFiles(md, self.files), "verlag-files", 10)
        md.treeprocessors.register(_Attributes(md, self), "verlag-attributes", 3)
        md.postprocessors.register(_RawHtml(md, self), "verlag-raw-html", 35)


class _FallbackLang(Treeprocessor):
    def __init__(self, md, lang: str):
        super().__init__(md)
        self.lang = lang

    def run(self, root):
        for node in list(root.iter()):
            _wrap(node, self.lang)
            for name, value in node.attrib.items():
                if FALLBACK_OPEN in value or FALLBACK_CLOSE in value:
                    node.set(name, SENTINELS_RE.sub("", value))


def _wrap(el: etree.Element, lang: str) -> None:
    """Turn marker ranges in one element's own text and its children's tails into ``lang`` (the original's)."""
    texts = [el.text or ""] + [child.tail or "" for child in el]
    joined = "".join(texts)
    if FALLBACK_OPEN not in joined and FALLBACK_CLOSE not in joined:
        return
    stripped = joined.strip()
    if (el.tag in BLOCK_TAGS and stripped.startswith(FALLBACK_OPEN) and stripped.endswith(FALLBACK_CLOSE)
            and joined.count(FALLBACK_OPEN) == 1 and joined.count(FALLBACK_CLOSE) == 1):
        el.set("lang", lang)
        el.text = SENTINELS_RE.sub("", el.text or "") or None
        for child in el:
            child.tail = SENTINELS_RE.sub("", child.tail or "") or None
        return
    pieces: list = [el.text or ""]
    for child in list(el):
        pieces += [child, child.tail or ""]
        el.remove(child)
        child.tail = None
    el.text = None
    span = None

    def add_text(container: etree.Element, text: str) -> None:
        if len(container):
            container[-1].tail = (container[-1].tail or "") + text
        else:
            container.text = (container.text or "") + text

    for piece in pieces:
        if not isinstance(piece, str):
            (span if span is not None else el).append(piece)
            continue
        for part in SENTINELS_RE.split(piece):
            if part == FALLBACK_OPEN:
                if span is None:
                    span = etree.SubElement(el, "span", {"lang": lang})
            elif part == FALLBACK_CLOSE:
                span = None
            elif part:
                add_text(span if span is not None else el, part)


class _ArticleLinks(Treeprocessor):
    """``[Text](zecken-im-garten.md)``, ``../source_de/zecken-im-garten.md`` or ``zecken-im-garten/``
    -> the same edition's page of that article."""

    def __init__(self, md, links):
        super().__init__(md)
        self.links = links

    def run(self, root):
        for a in root.iter("a"):
            href = a.get("href", "")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            name = parts.path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".md")
            target = self.links(name)
            if target:
                a.set("href", target + (f"#{parts.fragment}" if parts.fragment else ""))


class _LocalFiles(Treeprocessor):
    """``<img src>`` and ``<a href>`` naming a file the site copied -> that copy's URL (query and fragment kept)."""

    def __init__(self, md, files):
        super().__init__(md)
        self.files = files

    def run(self, root):
        for node in root.iter():
            name = {"img": "src", "a": "href"}.get(node.tag)
            value = node.get(name) if name else None
            if not value:
                continue
            target = self.files(value)
            if target:
                parts = urlsplit(value)
                node.set(name, target + (f"?{parts.query}" if parts.query else "")
                         + (f"#{parts.fragment}" if parts.fragment else ""))


def safe_url(value: str) -> bool:
    """True for relative, http(s), mailto and tel URLs, however obfuscated the scheme is."""
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value))
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", plain)
    return not scheme or scheme.group(1).lower() in SAFE_SCHEMES


class _Attributes(Treeprocessor):
    def __init__(self, md, ext: _VerlagExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root):
        allowance = self.ext.allowance
        for node in root.iter():
            for name, value in list(node.attrib.items()):
                pair = (name.lower(), value)
                self.ext.attrs_seen.add(pair)
                if allowance is None or pair in allowance.attrs:
                    continue
                if pair[0] not in SAFE_ATTRS:
                    del node.attrib[name]
                elif pair[0] in URL_ATTRS and not safe_url(value):
                    node.set(name, "#")


class _RawHtml(Postprocessor):
    """Raw HTML of a translation that the German original does not have is shown as text."""

    def __init__(self, md, ext: _VerlagExtension):
        super().__init__(md)
        self.ext = ext
        self.seen = 0  # Python-Markdown runs postprocessors again on pieces (heading ids): look once

    def run(self, text):
        stash = self.md.htmlStash.rawHtmlBlocks
        for i in range(self.seen, len(stash)):
            block = stash[i]
            if not isinstance(block, str) or i in self.ext.code_stash:
                continue
            self.ext.raw_seen.add(block)
            allowance = self.ext.allowance
            if allowance is not None and block not in allowance.raw and not ENTITY_RE.match(block):
                stash[i] = html.escape(block)
        self.seen = len(stash)
        return text

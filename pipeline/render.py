"""Stage: one edition's Markdown -> its article body as an HTML fragment, with the parser that segments.

Pages are rendered by markdown-it-py with verlag's one dialect
(``segment.commonmark_parser``: CommonMark 0.31 + tables + footnotes), so a
page shows exactly what segmentation, the QA checks, the catalogs and every
CommonMark editor (GitHub, VS Code, Obsidian) read. verlag's part is done by
core rules on markdown-it's token stream; markdown-it's own renderer then
writes the HTML:

- segments shown in German inside a translation (marked by the editions
  stage with FALLBACK_OPEN/CLOSE) become ``<span lang="de">``, or ``lang="de"``
  on the block when all of its text fell back (WCAG 3.1.2, technique H58),
  with ``data-pagefind-ignore`` (left out of that language's search index)
  and a ``title`` saying why: not translated yet, (STALE_MARK) changed in
  the original since it was translated, (HELD_MARK) its translation held
  back by the QA gate, or (UNCHECKED_MARK) its translation a draft not checked yet;
  The markers are invisible to CommonMark's flanking rules, so emphasis pairs
  exactly as in the unmarked text;
- links to another article (its German source file or its slug) point to the
  same edition of that article; images and links to files the German original
  references (``bilder/x.jpg``, relative to ``source_de/``) point to the
  site's copy of that file (``media``), in every edition;
- h2-h6 get ids that work in every script (mdit-py-plugins ``anchors``, with
  Python-Markdown's ``slugify_unicode`` rule, so existing ``#anchors`` stay);
  a translation's headings get the ids of the German headings at the same
  places (a translation changes only the text of its blocks, never their
  order): a fragment the author wrote (``#abschnitt``,
  ``brennnessel.md#zubereitung``) finds its heading in every edition, and
  when a link falls back to the German page. Docusaurus gives explicit
  heading ids for the same reason ("you might want to change or translate
  the text without updating the existing ID"); Hugo derives each language's
  ids from its own heading text, so fragments break in translations unless
  the author writes ``{#id}``;
- a translation carries only what its German original has (``Allowance``):
  each piece of raw HTML (an HTML block, an inline tag, or an element whose
  content the browser reads as raw text, such as ``<script>…</script>``,
  with that content) must equal one of the original's byte for byte, else it
  is shown as text (a raw-text element the original leaves open is closed
  right after it; an inline start tag may differ only in its ``title`` and
  ``alt`` text, which a translator translates: ``rawhtml.retitled``), an
  HTML block's text (never extracted, so German) marked ``lang="de"``, with
  ``data-pagefind-ignore`` (``rawhtml.mark_language``); a link or image URL with a scheme other than
  http(s), mailto or tel must be one the original uses.
  Then nh3 (ammonia) cleans the HTML with only the elements and attributes
  markdown-it itself writes, the original's raw HTML standing aside as
  placeholders and put back verbatim (its ``lang`` marks with it).

The German original is the author's own and trusted; it is published as
markdown-it renders it.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core.normalize import normalize
from markdown_it.token import Token

from .comments import drop_emptied
from .editions import FALLBACK_CLOSE, FALLBACK_OPEN, HELD_MARK, STALE_MARK, UNCHECKED_MARK
from .media import WEB, linked_article
from .rawhtml import is_own, mark_language, own_hosts, readable_text, retitled, web_host, with_files
from .redirects import old_path
from .segment import MAX_NESTING, DispatchInline, InlineState, commonmark_parser, may_link
from .urlparts import NO_ADDRESS, split_url

__all__ = ["Allowance", "Rendered", "render", "safe_url", "sanitized", "MAX_NESTING"]

REASONS = STALE_MARK + HELD_MARK + UNCHECKED_MARK  # why a translated passage is shown in German (none: not translated yet)
SENTINELS = FALLBACK_OPEN + FALLBACK_CLOSE + REASONS
SENTINELS_RE = re.compile(f"([{SENTINELS}])")
TOUCHING_RE = re.compile(f"{FALLBACK_CLOSE}([ \t]*\n?[ \t]*){FALLBACK_OPEN}([{REASONS}]?)")  # neighbours in one block
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Elements whose content an HTML parser reads as text up to their end tag (HTML Living Standard 13.2.5).
RAW_TEXT_RE = re.compile(r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\s/>])",
                         re.I)
# The elements and attributes markdown-it writes for CommonMark, tables and footnotes, plus verlag's own.
MARKDOWN_TAGS = frozenset("""a blockquote br code em h1 h2 h3 h4 h5 h6 hr img li ol p pre section span strong sup
                             table tbody td th thead tr ul""".split())
MARKDOWN_ATTRIBUTES = {"*": {"lang", "title", "data-pagefind-ignore"},
                       "a": {"href", "hreflang", "title", "id", "class", "aria-label"},
                       "img": {"src", "alt", "title"}, "ol": {"start", "class"}, "li": {"id", "class"},
                       "code": {"class"}, "section": {"class"}, "hr": {"class"}, "sup": {"class"},
                       "th": {"style"}, "td": {"style"}, **{f"h{n}": {"id"} for n in range(1, 7)}}
# ``[site] german_html = "clean"``: the elements and attributes of plain HTML (nh3's defaults), markdown-it's, and
# the practice's own media files and responsive images (a ``src``, ``poster`` or ``srcset`` image of another host
# is left out by ``_container``)
MEDIA_ATTRIBUTES = {"video": {"src", "poster", "controls", "width", "height", "preload", "loop", "muted", "playsinline"},
                    "audio": {"src", "controls", "preload", "loop", "muted"}, "picture": set(),
                    "source": {"src", "type", "media", "srcset", "sizes", "width", "height"},
                    "img": {"srcset", "sizes", "loading", "decoding"},
                    "track": {"src", "kind", "srclang", "label", "default"}, "details": {"open"}, "time": {"datetime"}}
BOX_ATTRIBUTES = {"div": {"role", "tabindex", "aria-labelledby"}}  # a table's scroll box (``_scroll_boxes``)
CONTAINED_TAGS = frozenset(nh3.ALLOWED_TAGS | MARKDOWN_TAGS | MEDIA_ATTRIBUTES.keys() | {"tfoot"})
CONTAINED_ATTRIBUTES = {tag: {*nh3.ALLOWED_ATTRIBUTES.get(tag, ()), *MARKDOWN_ATTRIBUTES.get(tag, ()),
                              *MEDIA_ATTRIBUTES.get(tag, ()), *BOX_ATTRIBUTES.get(tag, ())}
                        for tag in {*nh3.ALLOWED_ATTRIBUTES, *MARKDOWN_ATTRIBUTES, *MEDIA_ATTRIBUTES,
                                    *BOX_ATTRIBUTES}} | {"*": {*MARKDOWN_ATTRIBUTES["*"], "class", "id", "dir"}}
BOX_MARK = "\ue012{}\ue013"  # where a Markdown table's scroll box opens ({} the render's nonce) and closes (nonce/)
# A box's opening mark (any nonce of ``secrets.token_hex(8)``: one pattern, compiled once, where a pattern of the
# render's own nonce was compiled for each page with a table) before its table's head
BOX_OPENING_RE = re.compile("\ue012([0-9a-f]{16})\ue013(<table>\\s*)<thead>")
# An element's id attribute: the literal first, the word boundary before it checked after (``\bid="`` first was
# tried at every character of the body)
ID_ATTRIBUTE_RE = re.compile(r'id="(?<!\wid=")([^"]*)"')


@dataclass(frozen=True)
class Allowance:
    """What a translation may contain beyond Markdown: the German original's raw HTML and URLs.

    ``raw``: every piece of raw HTML as markdown-it renders it (an HTML
    block, an inline tag, or a raw-text element with its content);
    ``urls``: every link and image destination, as written.
    """

    raw: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rendered:
    html: str
    allowance: Allowance  # what this text contains (for a German original: what its translations may use)
    german: bool = False  # a translation shows text of the original's HTML blocks (never extracted: German)
    ids: tuple[str, ...] = ()  # the ids of the h2-h6 headings, in document order


@dataclass
class _Job:
    """One render call's settings and findings, handed to the core rules through markdown-it's ``env``."""

    links: Callable[[str], tuple[str, str | None] | None]
    files: Callable[[str], str | None]
    allowance: Allowance | None
    source_lang: str
    backlink_title: str
    fallback_hint: str = ""
    stale_hint: str = ""
    held_hint: str = ""
    unchecked_hint: str = ""
    link_note: tuple[str, str] = ("", "")  # ``render``'s ``link_note``
    heading_ids: tuple[str, ...] | None = None  # the original's heading ids, for a translation's headings
    no_break: bool = False  # the typography of ``source_lang`` and ``lang`` for text in them (``nobreak``)
    lang: str = ""  # the language of a translation's own text ("": the text is the original)
    ids: tuple[str, ...] = ()  # the heading ids given
    raw: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    stash: dict[str, str] = field(default_factory=dict)  # placeholder -> the original's raw HTML
    german: bool = False  # an HTML block with text a reader sees was kept (``Rendered.german``)
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    marked: bool = True  # the text holds a fallback marker (``_MarkedInline``)
    unlink: bool = False  # a link to an article's file that ``links`` finds no page for loses its <a> (``_urls``)
    nowhere: Callable[[str], bool] = lambda path: False  # ``render``'s ``nowhere``
    site_address: Callable[[str], str | None] = lambda path: None  # ``render``'s ``site_address``


def render(text: str, links: Callable[[str], tuple[str, str | None] | None] | None = None,
           allowance: Allowance | None = None, backlink_title: str = "", source_lang: str = "de",
           files: Callable[[str], str | None] = lambda url: None, fallback_hint: str = "",
           stale_hint: str = "", heading_ids: tuple[str, ...] | None = None, held_hint: str = "",
           no_break: bool = False, lang: str = "", nowhere: Callable[[str], bool] = lambda path: False,
           unchecked_hint: str = "", link_note: tuple[str, str] = ("", ""),
           site_address: Callable[[str], str | None] = lambda path: None) -> Rendered:
    """An edition's Markdown body (str, fallback segments between the editions stage's markers) -> HTML.

    ``allowance`` None trusts the text (the German original); otherwise the
    text may contain only the raw HTML and unusual URLs listed there.
    ``links`` maps the last part of a link's path (a slug or old name, or ``<file name>.md`` for a link to an
    article's file) or a root-relative link's old address (``redirects.old_path``) to the URL of the article's page
    and, when that page is in another language than the text, its language (the link gets it as ``hreflang``), or
    None (then a link to an article's file, ``<name>.md``, is shown as its text without the link: it would lead
    to a 404; without ``links`` every such link is kept as written); ``files`` maps an image or link URL to the URL
    it is published at (or None); an ``http://`` or ``https://`` URL is no file of source_de/ and no article
    (``media.file_path``): it is kept as written, ``files`` is not asked. ``backlink_title``
    labels footnote back-references (``aria-label``). ``fallback_hint`` is the ``title`` (the accessible description,
    HTML-AAM 4.1.1) of every passage shown in ``source_lang``, so readers and screen readers learn why
    it is in another language; ``stale_hint`` that of a passage whose German changed after it was
    translated (the editions stage's STALE_MARK); ``held_hint`` that of a passage whose translation the QA
    gate held back (HELD_MARK); ``unchecked_hint`` that of a passage whose translation is a draft nobody
    checked (UNCHECKED_MARK). ``link_note``: (text, its BCP 47 tag), what a link to a page in another language
    (one ``links`` gives a language) says of it at the end of its text, as W3C i18n's "Indicating the language of
    a link destination" advises: "(German)" in the reader's language; ("", ""): nothing. ``heading_ids``: the
    German original's ``Rendered.ids``; a translation's h2-h6 headings get them in order (when it has as many
    headings; else their own).
    ``no_break``: text in ``source_lang`` when that is German (all of an original's, the passages a translation
    shows in it) gets ``nobreak.no_break``'s unbreakable spaces in its text nodes (never in code, raw HTML, a URL
    or an attribute), so "5 mg" and "3. Oktober" never part at a line end; a translation's own text, when ``lang``
    (its BCP 47 tag) is French, gets ``nobreak.french_spaces`` there, so "?" and "»" never start a line.
    ``nowhere``: whether a root-relative link's path that ``links`` finds no page for is an address the site
    will not have (``site._BodyPlan.nowhere``); with ``links``, such a link is shown as its text without the link.
    ``site_address``: the address a root-relative path outside the site's base path is written as, when it names
    something the site has below it (``/media/bilder/tee.png`` -> ``/praxis/media/bilder/tee.png``;
    ``site._BodyPlan.address``), else None: the link or image is kept as written.
    Raises ``VerlagError`` (line relative to
    ``text``) when lists and quotes nest deeper than markdown-it parses
    (``MAX_NESTING`` container levels): that text would be lost silently.
    """
    md = _parser()
    job = _Job(links or (lambda slug: None), files, allowance, source_lang, backlink_title, fallback_hint, stale_hint,
               held_hint, unchecked_hint, link_note, heading_ids, no_break, lang)
    text = TOUCHING_RE.sub(_join_touching, text)
    job.marked = SENTINELS_RE.search(text) is not None
    job.unlink = links is not None
    job.nowhere = nowhere
    job.site_address = site_address
    body = md.render(text, {"verlag": job})
    if allowance is not None:
        body = _clean(body, allowance, job)
    body = _scroll_boxes(body, job)
    return Rendered(body, Allowance(frozenset(job.raw), frozenset(job.urls)), job.german, job.ids)


def _join_touching(match: re.Match) -> str:
    """Two fallback ranges with only spaces (and one line end) between them as one range, when both are of
    one kind (the same reason mark, or none): the range before ends at the match, so its opening is the last
    before."""
    opening = match.string.rfind(FALLBACK_OPEN, 0, match.start())
    before = match.string[opening + 1:opening + 2]
    same = (before if before in REASONS else "") == match.group(2)
    return match.group(1) if same else match.group()


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = commonmark_parser(_Renderer)
    inline = _MarkedInline()
    inline.ruler, inline.ruler2 = md.inline.ruler, md.inline.ruler2
    md.inline = inline
    md.core.ruler.at("normalize", _normalize)
    md.core.ruler.push("anchor", _anchors)
    for name, rule in (("verlag_fallback", _fallback), ("verlag_comments", drop_emptied), ("verlag_raw_html", _raw_html),
                       ("verlag_urls", _urls)):
        md.core.ruler.before("anchor", name, rule)
    md.core.ruler.after("anchor", "verlag_heading_ids", _heading_ids)
    md.core.ruler.after("verlag_heading_ids", "verlag_typography", _typography)  # the ids are of the text as written
    footnote_anchor = md.renderer.rules["footnote_anchor"]

    def labelled_anchor(self, tokens, idx, options, env):
        title = env["verlag"].backlink_title
        out = footnote_anchor(tokens, idx, options, env)
        return out.replace(' class="footnote-backref"', f' class="footnote-backref" aria-label="{html.escape(title)}"',
                           1) if title else out

    md.add_render_rule("footnote_anchor", labelled_anchor)
    md.add_render_rule("table_open", _marked_table)
    md.add_render_rule("table_close", _marked_table)
    return md


def _marked_table(self, tokens, idx, options, env) -> str:
    """A Markdown table's opening or closing tag, with the mark ``_scroll_boxes`` makes its scroll box of before
    or after it (a mark of this render's nonce: no text can forge it, and it passes ``_clean`` as text)."""
    tag = self.renderToken(tokens, idx, options, env)
    nonce = env["verlag"].nonce
    return BOX_MARK.format(nonce) + tag if tokens[idx].nesting == 1 else tag + BOX_MARK.format(nonce + "/")


def _scroll_boxes(body: str, job: _Job) -> str:
    """``body`` with each Markdown table in a box of its own that scrolls sideways, so a table wider than a phone
    never makes the page scroll as a whole (only the table moves, shadows at its edges show there is more:
    style.css): ``<div class="table-scroll" role="region" tabindex="0" aria-labelledby>``, focusable so a
    keyboard can scroll it (WCAG 2.1.1), a region named by the table's header row, which gets the id
    ("table-1", one no other element of the body has), so a screen reader says what the box holds (WCAG 1.3.1,
    4.1.2). An author's own HTML table is left as it was written."""
    opening = BOX_MARK.format(job.nonce)
    if opening not in body:
        return body
    taken = set(ID_ATTRIBUTE_RE.findall(body))
    names = (name for name in (f"table-{n}" for n in range(1, len(taken) + body.count(opening) + 1))
             if name not in taken)

    def box(match: re.Match) -> str:
        if match.group(1) != job.nonce:  # not this render's mark: text as it was
            return match.group()
        name = next(names)
        return (f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{name}">'
                f'{match.group(2)}<thead id="{name}">')

    body = BOX_OPENING_RE.sub(box, body)
    return body.replace(BOX_MARK.format(job.nonce + "/"), "</div>\n")


class _Renderer(RendererHTML):
    """markdown-it's HTML renderer, its token loops and its writer of plain tags (``renderToken``) with fewer
    steps: the same bytes (``tests/test_render.py`` compares it with ``RendererHTML`` on every CommonMark example)."""

    def render(self, tokens, options, env) -> str:
        rules, out = self.rules, []
        for i, token in enumerate(tokens):
            if token.type == "inline":
                if token.children:
                    out.append(self.renderInline(token.children, options, env))
            else:
                rule = rules.get(token.type)
                out.append(rule(tokens, i, options, env) if rule else self.renderToken(tokens, i, options, env))
        return "".join(out)

    def renderInline(self, tokens, options, env) -> str:
        rules = self.rules
        return "".join([rule(tokens, i, options, env) if (rule := rules.get(token.type))
                        else self.renderToken(tokens, i, options, env) for i, token in enumerate(tokens)])

    def renderToken(self, tokens, idx, options, env) -> str:
        token = tokens[idx]
        if token.hidden:
            return ""
        nesting = token.nesting
        if nesting == -1:
            head = "</"
        elif token.block and idx and tokens[idx - 1].hidden:  # a block after a tight list's hidden paragraph
            head = "\n<"
        else:
            head = "<"
        attributes = self.renderAttrs(token) if token.attrs else ""
        slash = " /" if nesting == 0 and options["xhtmlOut"] else ""
        end = ">"
        if token.block:
            end = ">\n"
            if nesting == 1 and idx + 1 < len(tokens):
                following = tokens[idx + 1]
                if following.type == "inline" or following.hidden \
                        or (following.nesting == -1 and following.tag == token.tag):
                    end = ">"
        return f"{head}{token.tag}{attributes}{slash}{end}"


def _normalize(state) -> None:
    """markdown-it's ``normalize`` (CR LF and CR to LF, NUL to U+FFFD) when the text has CR or NUL: an edition's
    text has neither, and the rule's two regex passes copied it whole."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


def _heading_ids(state) -> None:
    """After ``anchors``: give h2-h6 the original's ids (``_Job.heading_ids``) where their number matches;
    record the ids given (``Rendered.ids``)."""
    job: _Job = state.env["verlag"]
    headings = [t for t in state.tokens if t.type == "heading_open" and t.tag in ("h2", "h3", "h4", "h5", "h6")]
    if job.heading_ids is not None and len(job.heading_ids) == len(headings):
        for token, wanted in zip(headings, job.heading_ids):
            token.attrSet("id", wanted)
    job.ids = tuple(str(t.attrGet("id")) for t in headings)


HEADINGS_WITH_IDS = ("h2", "h3", "h4", "h5", "h6")


def _anchors(state) -> None:
    """An id for each heading of levels 2 to 6 without one (``heading_open``'s ``id``), made by ``slugify`` from
    its text and code spans, a repeat given ``-1``, ``-2``, … (the first not taken), as mdit-py-plugins'
    ``anchors_plugin`` gives them; its ids (those a heading has already are reserved first, and kept). The
    plugin tries each suffix from ``-1`` again for every repeat, so an article of 16,000 headings "Tee" cost
    each of its pages 54 s of CPU; here a repeat starts from the suffix its text's last one took (those below
    are taken, and stay so), so the time is linear in the headings."""
    tokens = state.tokens
    taken = {str(given) for token in tokens if token.type == "heading_open" and (given := token.attrGet("id"))}
    following: dict[str, int] = {}  # a slug taken by a heading -> the suffix its next repeat tries first
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.tag not in HEADINGS_WITH_IDS or token.attrGet("id"):
            continue
        base = slugify("".join(child.content for child in tokens[index + 1].children or ()
                               if child.type in ("text", "code_inline")))
        slug, suffix = base, following.get(base, 1)
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        following[base] = suffix
        taken.add(slug)
        token.attrSet("id", slug)


def heading_ids(text: str) -> list[tuple[int, str]]:
    """(line of ``text``, from 0; id) of each h2-h6 heading of the German Markdown ``text``, the ids ``render``
    gives them (``_anchors``: a repeated heading's ``-1``, ``-2``, …): what an importer that keeps an old page's
    anchors compares them with, so no anchor repeats an id the page has already."""
    job = _Job(lambda slug: None, lambda url: None, None, "de", "")
    job.marked = SENTINELS_RE.search(text) is not None
    return [(token.map[0] if token.map else 0, str(token.attrGet("id")))
            for token in _parser().parse(text, {"verlag": job})
            if token.type == "heading_open" and token.tag in HEADINGS_WITH_IDS]


def slugify(title: str) -> str:
    """A heading's id: Python-Markdown's ``slugify_unicode`` (word characters of any script, lower case, ``-``)."""
    value = re.sub(r"[^\w\s-]", "", title).strip().lower()
    return re.sub(r"[-\s]+", "-", value) or "section"


class _MarkedState(InlineState):
    """Inline state that judges emphasis delimiters as if the fallback markers were not there.

    A marker sits where a segment began or ended, next to whitespace or the
    edge of the block in the unmarked text; counted as a character it would
    change CommonMark's left/right-flanking test (``**Achtung:**`` at the end
    of a German heading would stay literal in a translation).
    """

    def scanDelims(self, start: int, canSplitWord: bool):
        src, end = self.src, start
        while end < self.posMax and src[end] == src[start]:
            end += 1
        before, after = start, end
        while before > 0 and src[before - 1] in SENTINELS:
            before -= 1
        while after < self.posMax and src[after] in SENTINELS:
            after += 1
        if before == start and after == end:
            return super().scanDelims(start, canSplitWord)
        saved = self.posMax
        self.src = src[:before] + src[start:end] + src[after:]
        self.posMax = saved - (start - before) - (after - end)
        try:
            return super().scanDelims(before, canSplitWord)
        finally:
            self.src, self.posMax = src, saved


class _MarkedInline(DispatchInline):
    """verlag's inline parser (``segment.DispatchInline``: rules dispatched by character) with ``_MarkedState``
    for a text with fallback markers (a block is looked at only when its page's text has one): the same tokens."""

    def parse(self, src, md, env, tokens):
        if self.plain(src, tokens):
            return tokens
        job = env.get("verlag")
        marked = (job is None or job.marked) and SENTINELS_RE.search(src) is not None
        state = (_MarkedState if marked else InlineState)(src, md, env, tokens)
        self.tokenize(state)
        self.postprocess(state)
        return state.tokens

# --------------------------------------------------------------------------
# Core rules
# --------------------------------------------------------------------------

def _fallback(state) -> None:
    """Marker ranges -> ``lang`` on the block or a ``<span lang>``; markers left elsewhere are dropped."""
    src = state.src
    if FALLBACK_OPEN not in src and FALLBACK_CLOSE not in src and "&#" not in src:  # no marker, none written as a
        return  # character reference: nothing to mark (a German original)
    job = state.env["verlag"]
    # data-pagefind-ignore: the German shown in a translation is not indexed as that language's text, so its search
    # never matches German words nor shows them in an excerpt (https://pagefind.app/docs/indexing/)
    kinds = {reason: {"lang": job.source_lang, **({"title": hint} if hint else {}), "data-pagefind-ignore": ""}
             for reason, hint in (("", job.fallback_hint), (STALE_MARK, job.stale_hint), (HELD_MARK, job.held_hint),
                                  (UNCHECKED_MARK, job.unchecked_hint))}
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        texts = "".join(c.content for c in token.children if c.type == "text")
        if FALLBACK_OPEN not in texts and FALLBACK_CLOSE not in texts:
            continue
        holder = _whole_block(tokens, i, texts)
        if holder is not None:
            for name, value in kinds[texts[1:2] if texts[1:2] in REASONS else ""].items():
                holder.attrSet(name, value)
            token.children = [_strip(c) for c in token.children]
        else:
            token.children = _runs(_spans(token.children, kinds), job.source_lang)


def _typography(state) -> None:
    """The typography of each language in the text of every inline run, a link's text included: unbreakable spaces
    (``nobreak.no_break``) in German text, all of the original's, a translation's blocks shown in German (``lang``
    on the block, ``_fallback``) and its ``<span lang>``; French spaces (``nobreak.french_spaces``) in the rest of a
    French translation. An image's alt text, code spans and raw HTML are no text tokens of the run: kept as
    written."""
    from .nobreak import FRENCH, GERMAN, french_spaces, no_break

    job: _Job = state.env["verlag"]
    german_rules = job.source_lang.split("-")[0] in GERMAN
    french_rules = job.allowance is not None and job.lang.split("-")[0] in FRENCH
    if not job.no_break or not (german_rules or french_rules):
        return
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        holder = tokens[i - 2] if tokens[i - 1].hidden and i > 1 else tokens[i - 1]
        german = job.allowance is None or holder.attrGet("lang") == job.source_lang
        inside = 0  # fallback spans open around the child
        for child in token.children:
            inside += (child.type == "fallback_open") - (child.type == "fallback_close")
            if child.type != "text":
                continue
            if german or inside:
                if german_rules:
                    child.content = no_break(child.content)
            elif french_rules:
                child.content = french_spaces(child.content)


def _whole_block(tokens: list[Token], i: int, texts: str) -> Token | None:
    """The open token of the element whose text is one fallback range (None: the range is part of it)."""
    if texts.count(FALLBACK_OPEN) != 1 or texts.count(FALLBACK_CLOSE) != 1:
        return None
    children = tokens[i].children
    first, last = children[0], children[-1]
    if not (first.type == "text" and first.content.startswith(FALLBACK_OPEN)
            and last.type == "text" and last.content.endswith(FALLBACK_CLOSE)):
        return None
    holder = tokens[i - 1]
    if holder.type == "paragraph_open" and holder.hidden:  # a tight list item: its <li> shows the text
        alone = tokens[i - 2].type == "list_item_open" and tokens[i + 2].type == "list_item_close"
        return tokens[i - 2] if alone else None
    return holder


def _strip(token: Token) -> Token:
    token.content = SENTINELS_RE.sub("", token.content)
    if token.children:
        token.children = [_strip(c) for c in token.children]
    return token


def _spans(children: list[Token], kinds: dict[str, dict[str, str]]) -> list[Token]:
    """Split text at the markers into ``<span lang title>`` ranges (``kinds``: their attributes by the reason
    mark the range opens with, "" for none), closing a span before its parent element ends."""
    out: list[Token] = []
    depth, opened = 0, None  # opened: the depth at which the current span began
    for child in children:
        if child.type == "text" and SENTINELS_RE.search(child.content):
            for part in SENTINELS_RE.split(child.content):
                if part == FALLBACK_OPEN and opened is None:
                    out.append(Token("fallback_open", "span", 1, attrs=dict(kinds[""])))
                    opened = depth
                elif part in REASONS and out and out[-1].type == "fallback_open":
                    out[-1].attrs = dict(kinds[part])
                elif part == FALLBACK_CLOSE and opened == depth:
                    out.append(Token("fallback_close", "span", -1))
                    opened = None
                elif part not in SENTINELS:
                    out.append(Token("text", "", 0, content=part))
            continue
        if child.nesting == -1:
            if opened == depth:
                out.append(Token("fallback_close", "span", -1))
                opened = None
            depth -= 1
        out.append(_strip(child))
        depth += child.nesting == 1
    if opened is not None:
        out.append(Token("fallback_close", "span", -1))
    return out


def _runs(children: list[Token], source_lang: str) -> list[Token]:
    """``children`` with each run of neighbouring fallback spans (two or more, only white space between them: a
    sentence held back, then one not translated) inside one more ``<span lang>``, each span keeping its own
    ``title``. In a right-to-left page every element with ``dir`` is a bidi isolate (HTML, "Bidirectional text":
    ``[dir] { unicode-bidi: isolate }``), and isolates side by side are ordered right to left: the German
    sentences read last first. The run's one element lays them out in German order (W3C Internationalization,
    "Inline markup and bidirectional text in HTML": wrap the whole run of opposite-direction text)."""
    out: list[Token] = []
    i = 0
    while i < len(children):
        if children[i].type != "fallback_open":
            out.append(children[i])
            i += 1
            continue
        end, spans, j = i, 0, i  # end: past the last span of the run so far
        while j < len(children) and children[j].type == "fallback_open":
            j = next(k for k in range(j, len(children)) if children[k].type == "fallback_close") + 1
            end, spans = j, spans + 1
            while j < len(children) and (children[j].type == "softbreak" or children[j].type == "text"
                                         and not children[j].content.strip()):
                j += 1
        if spans > 1:
            out.append(Token("fallback_open", "span", 1, attrs={"lang": source_lang, "data-pagefind-ignore": ""}))
            out.extend(children[i:end])
            out.append(Token("fallback_close", "span", -1))
        else:
            out.extend(children[i:end])
        i = end
    return out


def _raw_html(state) -> None:
    """Collect the raw HTML; in a translation, keep only the original's (as placeholders) and show the rest as text.
    The images and media a kept piece shows from source_de/ (``<img src="tasse.png">``) point to the site's copy
    (``rawhtml.with_files``), as a Markdown image's do: the page's address ``/de/tee/tasse.png`` answers 'not found'."""
    job: _Job = state.env["verlag"]
    for index, token in enumerate(state.tokens):
        if token.type == "html_block":
            if not _judge(job, [token], token.content, state.tokens, index) and job.allowance is None:
                token.content = with_files(token.content, job.files)  # replaced one for one
        elif token.type == "inline" and token.children and "<" in token.content:  # an inline tag starts so
            children = token.children
            i = 0
            while i < len(children):
                if children[i].type != "html_inline":
                    i += 1
                    continue
                j = _unit_end(children, i)
                unit = state.md.renderer.renderInline(children[i:j], state.md.options, state.env)
                if _judge(job, children[i:j], unit, children, i):
                    i += 1
                    continue
                if job.allowance is None:
                    for child in children[i:j]:
                        if child.type == "html_inline":
                            child.content = with_files(child.content, job.files)
                i = j


def _unit_end(children: list[Token], i: int) -> int:
    """Where a piece of inline raw HTML ends: after its tag, or after the end tag of a raw-text element."""
    opened = RAW_TEXT_RE.match(children[i].content)
    if opened:
        end = re.compile(rf"</{opened.group(1)}[\s>]", re.I)
        for j in range(i + 1, len(children)):
            if children[j].type == "html_inline" and end.match(children[j].content):
                return j + 1
    return i + 1


def _judge(job: _Job, unit: list[Token], rendered: str, siblings: list[Token], start: int) -> bool:
    """Record a piece of raw HTML; in a translation, True: the original has it, an inline start tag perhaps
    with its ``title``/``alt`` text translated (now one placeholder at ``siblings[start]``), False: its tags
    were made text."""
    job.raw.add(rendered)
    if job.allowance is None:
        return False
    kept = rendered if rendered in job.allowance.raw else \
        retitled(rendered, job.allowance.raw) if unit[0].type == "html_inline" else None
    if kept is not None:
        placeholder = f"\ue010{job.nonce}-{len(job.stash)}\ue011"
        left_open = _open_raw_text(kept)
        if unit[0].type == "html_block":
            kept = mark_language(rendered, job.source_lang, unsearched=True)
            job.german = job.german or bool(readable_text(rendered))
        job.stash[placeholder] = with_files(kept, job.files) + (f"</{left_open}>" if left_open else "")
        siblings[start:start + len(unit)] = [Token(unit[0].type, "", 0, content=placeholder)]
        return True
    for token in unit:
        if token.type in ("html_block", "html_inline"):
            token.type = "text"
    return False


def _open_raw_text(rendered: str) -> str | None:
    """The script, style, iframe … element a piece of HTML leaves open (None: none).

    The browser would read everything after it as that element's content; in
    a translation the original's piece is closed right after it, so nothing
    the translation says can become script or style.
    """
    opened = list(RAW_TEXT_RE.finditer(rendered))
    if not opened:
        return None
    last = opened[-1]
    return None if re.search(rf"</{last.group(1)}[\s>]", rendered[last.end():], re.I) else last.group(1)


_URL_ATTRIBUTE = {"link_open": "href", "image": "src"}  # the token types with a destination, and its attribute


def _urls(state) -> None:
    """Collect destinations; links to articles and copied files -> their pages; unusual schemes in a translation ->
    ``#``; a link to an article's file (``<name>.md``) that no published article answers to (a draft, a deleted one),
    or to a root-relative address ``nowhere`` knows the site will not have -> its text without the link, an image
    there -> its alt text: the browser would get a 404 (``check``'s ``article-link`` warns of it)."""
    job: _Job = state.env["verlag"]
    for token in state.tokens:
        if token.type != "inline" or not token.children or not may_link(token.content):
            continue
        unlinked: list[Token] = []
        noted: list[Token] = []  # links to a page in another language, which ``link_note`` names
        for child in token.children:
            name = _URL_ATTRIBUTE.get(child.type)
            value = child.attrGet(name) if name else None
            if value is None:
                continue
            job.urls.add(value)
            if job.allowance is not None and not safe_url(value) and value not in job.allowance.urls:
                child.attrSet(name, "#")
                continue
            if value.startswith(WEB):  # most destinations: no file of source_de/ and no article, kept as written
                continue
            parts = split_url(value) or NO_ADDRESS
            target = job.files(value)
            if target:
                child.attrSet(name, target + (f"?{parts.query}" if parts.query else "")
                              + (f"#{parts.fragment}" if parts.fragment else ""))
            elif name == "href" and not parts.scheme and not parts.netloc and parts.path:
                page = (parts.path.startswith("/") and job.links(old_path(parts.path))
                        or job.links(unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])))  # tee-k%C3%A4se.md
                if page:
                    child.attrSet(name, page[0] + (f"#{parts.fragment}" if parts.fragment else ""))
                    if page[1]:  # the German page, from a translation (W3C i18n: the destination's language)
                        child.attrSet("hreflang", page[1])
                        if job.link_note[0] and child.type == "link_open":
                            noted.append(child)
                elif job.unlink and child.type == "link_open" and (
                        linked_article(value) is not None
                        or value.startswith("/") and not value.startswith("//") and job.nowhere(parts.path)):
                    unlinked.append(child)
                elif value.startswith("/") and not value.startswith("//"):
                    _rebase(child, name, parts, job)
            elif name == "src" and value.startswith("/") and not value.startswith("//") and not parts.scheme:
                if job.unlink and job.nowhere(parts.path):
                    unlinked.append(child)
                else:
                    _rebase(child, name, parts, job)
        if noted:
            token.children = _noted(token.children, noted, job.link_note)
        if unlinked:
            token.children = _unlinked(token.children, unlinked)


def _rebase(child: Token, name: str, parts, job: _Job) -> None:
    """Write a root-relative destination the site has below its base path with that path (``site_address``), so
    that it leads there on every page and in the feed; any other is kept as written."""
    address = job.site_address(parts.path)
    if address is not None:
        child.attrSet(name, address + (f"?{parts.query}" if parts.query else "")
                      + (f"#{parts.fragment}" if parts.fragment else ""))


def _noted(children: list[Token], links: list[Token], note: tuple[str, str]) -> list[Token]:
    """``children`` with a ``<span lang>`` of ``note`` (text, language) before the ``link_close`` of each
    ``link_open`` of ``links``: inside the link, so a list of the page's links (a screen reader's) says it too; a
    space before it unless the note starts with a wide character (Chinese and Japanese set none: "（德语）"); out of
    the search index (``data-pagefind-ignore``)."""
    from unicodedata import east_asian_width

    out: list[Token] = []
    noting = False
    marked = {id(link) for link in links}
    text, lang = note
    for child in children:
        if noting and child.type == "link_close":
            opened = Token("link_note_open", "span", 1)
            opened.attrSet("lang", lang)
            opened.attrSet("data-pagefind-ignore", "")  # no word of the article's: a search for "German" skips it
            spaced = "" if east_asian_width(text[0]) in "WF" else " "
            out += [opened, Token("text", "", 0, content=spaced + text), Token("link_note_close", "span", -1)]
            noting = False
        noting = noting or id(child) in marked
        out.append(child)
    return out


def _unlinked(children: list[Token], links: list[Token]) -> list[Token]:
    """``children`` without the ``link_open`` tokens ``links`` and the ``link_close`` of each (links do not nest in
    CommonMark: the next one), their text kept; an ``image`` token among ``links`` -> its alt text's tokens."""
    out: list[Token] = []
    dropping = False
    dropped = {id(link) for link in links}
    for child in children:
        if child.type == "image" and id(child) in dropped:
            out.extend(child.children or ())
        elif id(child) in dropped:
            dropping = True
        elif dropping and child.type == "link_close":
            dropping = False
        else:
            out.append(child)
    return out


def safe_url(value: str) -> bool:
    """True for relative, http(s), mailto and tel URLs, however obfuscated the scheme is."""
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value))
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", plain)
    return not scheme or scheme.group(1).lower() in SAFE_SCHEMES


@lru_cache(maxsize=64)
def _cleaner(schemes: frozenset[str]) -> nh3.Cleaner:
    """nh3's sanitiser for markdown-it's output, built once per set of allowed URL schemes."""
    return nh3.Cleaner(tags=set(MARKDOWN_TAGS), attributes=MARKDOWN_ATTRIBUTES, url_schemes=set(schemes),
                       link_rel=None, filter_style_properties={"text-align"})


def _clean(body: str, allowance: Allowance, job: _Job) -> str:
    """nh3 over a translation's HTML: markdown-it's elements and attributes only, then the original's raw HTML back."""
    schemes = set(SAFE_SCHEMES)
    for url in allowance.urls:
        scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
        if scheme:
            schemes.add(scheme.group(1).lower())
    cleaned = _cleaner(frozenset(schemes)).clean(body)
    if not job.stash:
        return cleaned
    return re.sub(f"\ue010{job.nonce}-\\d+\ue011", lambda m: job.stash.get(m.group(0), ""), cleaned)


def sanitized(body: str, site_url: str) -> str:
    """An article body (HTML, str) as ``[site] german_html = "clean"`` publishes it: nh3 keeps the elements and
    attributes of plain HTML, of markdown-it and of video and audio only, so no script, style, embedded page or
    plug-in, form, event handler or address of a scheme but http(s), mailto and tel is left, and an image, media
    file or poster from a host other than ``site_url``'s (the reader's browser would fetch it unasked) loses its
    ``src`` or ``poster``, and its candidate in a ``srcset``."""
    return _container(own_hosts((site_url,))).clean(body)


@lru_cache(maxsize=8)
def _container(own: frozenset[str]) -> nh3.Cleaner:
    """The cleaner of ``sanitized`` for the site's host ``own`` (``rawhtml.own_hosts``: ``www.`` or not, one site)."""
    def here(url: str) -> bool:
        """An http(s) address on the own host, or a relative one (no scheme: ``data:``, ``javascript:``)."""
        host = web_host(url)
        return is_own(host, own) if host is not None else ":" not in url.split("/", 1)[0]

    def fetched_here(element: str, attribute: str, value: str) -> str | None:
        if attribute == "srcset":  # "url 1x, url 2x": the candidates on the own host (or relative)
            kept = [c.strip() for c in value.split(",") if c.split() and here(c.split()[0])]
            return ", ".join(kept) or None
        if attribute not in ("src", "poster") or is_own(web_host(value), own):
            return value
        return None

    return nh3.Cleaner(tags=set(CONTAINED_TAGS), attributes=CONTAINED_ATTRIBUTES, url_schemes=set(SAFE_SCHEMES),
                       link_rel=None, filter_style_properties={"text-align"}, attribute_filter=fetched_here,
                       strip_comments=False)

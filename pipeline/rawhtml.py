"""German text in raw HTML blocks: named for the author, marked as German on translated pages.

A CommonMark HTML block (spec 0.31, 4.6: ``<div class="hinweis">Bitte …</div>``,
``<details><summary>…``) is passed through as it is written; verlag does not cut
its text into segments, as mdpo's md2po does not (it reads only its own
``<!-- mdpo-… -->`` commands there). The text a reader sees in such a block,
and its ``title`` and ``alt`` attributes, therefore stay German in every
edition. ``extract`` and ``check`` name each such block with its line
(``german_blocks``), and a translated page marks it ``lang="de"``
(``mark_language``; WCAG 2.2 SC 3.1.2 Language of Parts, technique H58), so a
screen reader reads it with German rules instead of announcing German as English,
and ``data-pagefind-ignore``, so the page's search index, in its language, leaves
it out.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser

from markdown_it.common.html_blocks import block_names

from .errors import VerlagError
from .markup import without_code_spans
from .segment import article_tokens, block_tokens
from .sources import Article
from .urlparts import NO_ADDRESS, as_browser_reads, site_host, split_url

__all__ = ["IMAGE_FROM", "active_html", "active_message", "element_tags", "german_blocks", "html_addresses",
           "html_files", "html_block_warnings", "left_out", "mark_language", "markup_tags", "readable_text", "retitled",
           "runs", "shown_text", "stays_german", "text_attributes", "with_files", "without_tags"]

TEXT_ATTRIBUTES = ("title", "alt")  # attribute values a reader gets as text (tooltip, image description)
# Elements whose content is no text for the reader; void elements, which have no content or end tag;
# RCDATA elements (HTML Living Standard 13.1.2.2), whose content is text even where it looks like tags.
NOT_TEXT = frozenset({"script", "style", "template"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
RCDATA = frozenset({"textarea", "title"})
_HTML_BLOCK_START = re.compile(r"^ {0,3}<[A-Za-z/!?]", re.M)  # where an HTML block can begin (spec 4.6)
_TAG_NAME = re.compile(r"<[^\s/>]+")
_TAG = re.compile(r"<[^>]*>")
# An open tag of CommonMark raw HTML (spec 0.31, 6.6), read attribute by attribute, so that ``title=`` inside
# another attribute's value is never taken for an attribute. Whitespace there is spaces, tabs and line endings
# only, never Python's Unicode ``\s``: a browser separates attributes at ASCII whitespace alone (HTML Living
# Standard 13.2.5.32-38), so a no-break space before ``title=`` leaves it inside the unquoted value before it,
# and a translation's value written there would become attributes. Unquoted values exclude controls and space
# as markdown-it's HTML rule does, so none spans a form feed, where a browser ends the value.
_SPACE = "[ \t\r\n]"
_ATTRIBUTE = rf"""({_SPACE}+)([A-Za-z_:][A-Za-z0-9_.:-]*)(?:({_SPACE}*={_SPACE}*)([^"'=<>`\x00-\x20\x7f]+|'[^']*'|"[^"]*"))?"""
_TAG_OPENING = re.compile(r"<[A-Za-z][A-Za-z0-9-]*")
_NEXT_ATTRIBUTE = re.compile(_ATTRIBUTE)
_OPEN_TAG = re.compile(rf"<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*{_SPACE}*/?>")


EMBEDS = frozenset({"iframe", "frame", "object", "embed", "applet", "portal"})  # another page or plug-in inside
_FETCHED = ("src", "poster", "data", "background")  # attributes whose address a browser loads without a click
_ADDRESSES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href"})
_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:https?:|[/\\]{2})[^\s"')]+)""", re.I)
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SCRIPT_SCHEME = re.compile(r"(javascript|vbscript):", re.I)
_NO_URL_SPACE = re.compile(r"[\x00-\x20]")  # a browser strips them from an address before reading its scheme
# Where ``active_html`` can find something, read on the open tags of the article's text (few, and found by one
# fast search): the parse is skipped elsewhere
_MAYBE_REMOTE = re.compile(r"//|https?:", re.I)  # in a body with a Markdown image that may load from a host
_START_TAG = re.compile(r"<[A-Za-z][^<>]*")
_MAYBE_ACTIVE = re.compile(r"""<(?:script|i?frame|object|embed|applet|portal|base|meta|link|style)\b|\son[a-z]+\s*="""
                           r"""|(?:java|vb)script:|url\(|(?:src|srcset|poster|data|background)\s*=\s*["']?[^"'>]*"""
                           r"""(?:[/\\]{2}|https?:)""", re.I)


def _maybe_active(tag: str) -> bool:
    """Whether the open tag ``tag`` may hold something ``_Active`` names: read as written, and where it has a character
    reference or a tab or line ending, as a browser reads its attribute values (``href="&#x6A;avascript:…"``,
    ``java&Tab;script:``: the references decoded, a tab or line ending inside an address dropped)."""
    return bool(_MAYBE_ACTIVE.search(tag)) or any(c in tag for c in "&\t\n\r") \
        and bool(_MAYBE_ACTIVE.search(_NO_URL_SPACE.sub("", html.unescape(tag))))


class _Element:
    __slots__ = ("tag", "at", "declared", "closed")

    def __init__(self, tag: str, at: int, declared: str | None, closed: bool):
        self.tag = tag
        self.at = at  # where ``lang`` goes: right after the tag's name in its start tag
        self.declared = declared  # the ``lang`` the author wrote on it, None: none
        self.closed = closed  # ends inside the fragment (or is void): a mark on it covers nothing after


_UNFINISHED = re.compile(r"<[!?/a-zA-Z]")  # what an HTML parser at the end of its input takes as no text


def read_whole(parser: HTMLParser, fragment: str) -> None:
    """``parser.feed(fragment)`` and ``close()``, reading what is left unfinished at the end as HTML5 does: a
    comment runs to the end, an unfinished tag or declaration is dropped. Python's own ``close()`` (before
    3.12.11 and 3.13.5, gh-135462) reads such a rest again from each of its ``<``: a German HTML block of
    20,000 characters of ``<a `` took 5 s, 40,000 took 24 s. Raises what ``feed`` raises."""
    parser.feed(fragment)
    rest = parser.rawdata
    if rest.startswith("<!--"):
        parser.handle_comment(rest[4:])
        parser.rawdata = ""
    elif _UNFINISHED.match(rest):
        parser.rawdata = ""
    parser.close()


class _Reader(HTMLParser):
    """Walks an HTML fragment: its readable text, and the elements whose start tag gets ``lang``.

    Each piece of text is marked on the innermost element around it that ends inside the fragment (an
    element a block leaves open also holds the Markdown after the block, translated text), unless an
    element around it is marked already or has the author's own ``lang``. ``failed``: Python's parser gave
    up on the fragment (it raises on some malformed declarations); then nothing is marked.
    """

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]  # offset of each line
        self.stack: list[_Element] = []
        self.text: list[str] = []
        self.data = False  # some of ``text`` is an element's content, not only title and alt values
        self.attributes: list[tuple[str, str, str]] = []  # (tag, title or alt, value) of ``text``
        self.held: list[tuple[_Element, ...]] = []  # per piece of text: the elements around it, outermost first
        self.declaring: list[_Element] = []  # the elements the author wrote a ``lang`` on
        self.failed = False
        try:
            read_whole(self, source)
        except (AssertionError, ValueError):  # e.g. "unknown status keyword 'x' in marked section"
            self.failed = True

    @property
    def marks(self) -> set[int]:
        """Offsets in the fragment where `` lang="…"`` is inserted."""
        marked: set[int] = set()
        for around in [] if self.failed else self.held:
            closed = [element for element in around if element.closed]
            if closed and not any(element.at in marked for element in closed):
                marked.add(closed[-1].at)
        return marked

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def declared_in(self, lang: str) -> set[int]:
        """Where the start tag of each element the author declared in ``lang`` (its primary subtag) and that ends
        inside the fragment takes an attribute (none when ``failed``)."""
        primary = lang.split("-")[0].lower()
        return set() if self.failed else {element.at for element in self.declaring if element.closed
                                          and element.declared.split("-")[0].strip().lower() == primary}

    def _declared(self) -> bool:
        return any(element.declared is not None for element in self.stack)

    def _hold(self, text: str, around: tuple[_Element, ...]) -> None:
        self.text.append(text)
        self.held.append(around)

    def handle_starttag(self, tag, attrs):
        written = self.get_starttag_text() or ""
        declared = next((value or "" for name, value in attrs if name == "lang"), None)
        element = _Element(tag, self._offset() + _TAG_NAME.match(written).end(), declared, tag in VOID)
        if declared is not None:
            self.declaring.append(element)
        shown = [(name, value) for name, value in attrs if name in TEXT_ATTRIBUTES and value and value.strip()]
        if shown and element.declared is None and not self._declared():
            for name, value in shown:
                self.attributes.append((tag, name, value))
                self._hold(value, (*self.stack, element))
        if tag not in VOID:
            self.stack.append(element)
            if tag in RCDATA:
                self.set_cdata_mode(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop().closed = True

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                for element in self.stack[depth:]:
                    element.closed = True
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not data.strip() or self._declared() or any(element.tag in NOT_TEXT for element in self.stack):
            return
        self.data = True
        self._hold(data, tuple(self.stack))


def readable_text(fragment: str) -> str:
    """The text a reader gets from an HTML fragment (str) in no language its author declared: its text
    outside script and style, and its ``title`` and ``alt`` values, unless in an element with a ``lang``
    attribute (the author's ``<div lang="de">`` says the text stays German on purpose), whitespace
    collapsed; "" when there is none (markup, a comment). A fragment Python's HTML parser gives up on
    counts with its tags taken out."""
    reader = _Reader(fragment)
    text = html.unescape(_without_tags(fragment)) if reader.failed else " ".join(reader.text)
    return " ".join(text.split())


_MENTIONED_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)>")  # "<details>": a tag named, no attributes
_LOOSE_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")  # a tag as an HTML parser finds one in text
_LOOSE_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")


def markup_tags(text: str) -> list[str]:
    """The tags (``<script>``, ``</b>``, each once, as found) in plain text such as a title that a browser would
    read as HTML: found as a browser finds a tag, not as CommonMark's raw HTML only ("<img src=x
    onerror=alert('a')>", a quote in an unquoted value, is none to CommonMark). [] when every tag is an element
    named as a subject, a lone ``<details>`` without attributes and without its end tag (not a void element,
    ``<br>``): a word of the title, not markup."""
    if "<" not in text:
        return []
    pieces = [m.group() for m in _LOOSE_TAG.finditer(text)]
    ends = {m.group(2).lower() for piece in pieces if (m := _LOOSE_NAME.match(piece)) and m.group(1)}
    if all((named := _MENTIONED_TAG.fullmatch(piece)) and named.group(1).lower() not in VOID | ends
           for piece in pieces):
        return []
    return list(dict.fromkeys(f"<{m.group(1)}{m.group(2).lower()}>" for piece in pieces
                              if (m := _LOOSE_NAME.match(piece))))


# The elements of HTML (HTML Living Standard 4, with those CommonMark's HTML blocks name) and the SVG and MathML roots
# a browser reads inside HTML: a translated "<Ein Überblick>" ("<An overview>") names none of them
HTML_ELEMENTS = frozenset(block_names) | frozenset("""a abbr audio b bdi bdo br button canvas cite code data datalist
    del dfn em embed i iframe img input ins kbd label map mark math meter noscript object output picture portal
    progress q rp rt ruby s samp script select slot small span strong style sub sup svg template textarea time u var
    video wbr image""".split())


def element_tags(text: str) -> Counter:
    """Each tag of plain ``text`` (a title, summary or tag) that a browser would read as an element of HTML,
    counted (``<script>``, ``</script>``; found as ``markup_tags`` finds them, a quote in an unquoted value
    too), and how many of its '<' open no such tag (``"<"``: "3 < 5", "<Ein Überblick>")."""
    found: Counter = Counter()
    if "<" not in text:
        return found
    for piece in _LOOSE_TAG.finditer(text):
        name = _LOOSE_NAME.match(piece.group())
        if name and name.group(2).lower() in HTML_ELEMENTS:
            found[f"<{name.group(1)}{name.group(2).lower()}>"] += 1
    spare = text.count("<") - sum(found.values())
    if spare > 0:
        found["<"] = spare
    return found


class _Shown(HTMLParser):
    """The text of an HTML fragment outside script, style and template elements (``NOT_TEXT``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in NOT_TEXT:
            self.hidden += 1
            self.set_cdata_mode(tag)
        elif tag == "br" or tag in block_names:  # a line break, a block: words on either side stay apart
            self.text.append(" ")

    def handle_endtag(self, tag):
        if tag in NOT_TEXT and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def runs(text: str) -> bool:
    """Whether ``text`` holds a tag a browser would act on, read as HTML (``_maybe_active``: a script, an event
    handler, a ``javascript:`` address, a remote source): a feed reader or a theme that shows a title as HTML."""
    return any(_maybe_active(m.group()) for m in _LOOSE_TAG.finditer(text)) if "<" in text else False


def shown_text(text: str) -> str:
    """``text`` (a title from an old blog) as a reader sees it where it is read as HTML: tags dropped, character
    references decoded, a script's or style's content dropped whole, white space collapsed; so a file name made
    of it is made of words ("Ihre Gesundheitsdaten <script>alert(1)</script> bei uns" named the file
    ihre-gesundheitsdaten-script-alert-1-script-bei-uns.md, fresh-user trial 26). A text holding no markup
    (``markup_tags``: "Die <details>-Falle" names an element) only has its references decoded."""
    if not markup_tags(text):
        return html.unescape(text)
    reader = _Shown()
    try:
        read_whole(reader, text)
    except (AssertionError, ValueError):  # a declaration Python's parser gives up on: its tags taken out
        return without_tags(text)
    return " ".join("".join(reader.text).split())


def without_tags(text: str) -> str:
    """``text`` with its tags taken out (not their content), character references decoded, white space
    collapsed."""
    return " ".join(html.unescape(_without_tags(text)).split())


def _without_tags(fragment: str) -> str:
    """``_TAG.sub(" ", fragment)`` in linear time: only the part up to the last ">" is searched, where every
    "<" has a ">" after it. Searched whole, each "<" of a rest without ">" was tried to the end (quadratic: a
    fragment of 16,000 "<a" took 0.2 s, the time growing fourfold with each doubling)."""
    end = fragment.rfind(">") + 1
    return _TAG.sub(" ", fragment[:end]) + fragment[end:]


def mark_language(fragment: str, lang: str, unsearched: bool = False) -> str:
    """``fragment`` (HTML, str) with ``lang="<lang>"`` (BCP 47) right after the tag name of each element
    that holds text or a ``title``/``alt`` value and ends inside the fragment, unless an element around it
    has a ``lang`` or is marked. Nothing else changes, so the elements and attribute values stay the
    original's: text in an element the fragment leaves open, or outside every element (``</div>`` then
    text), has nothing that could carry the mark without also covering what follows, and stays as written.

    ``unsearched``: each marked element, and each the author wrote in ``lang`` (``<p lang="de">``) that ends
    inside the fragment, also gets ``data-pagefind-ignore``, so a translated page's search index, which Pagefind
    makes in the page's language, holds none of the German (https://pagefind.app/docs/indexing/)."""
    reader = _Reader(fragment)
    marks = reader.marks
    ignore = " data-pagefind-ignore" if unsearched else ""
    inserts = {at: f' lang="{lang}"{ignore}' for at in marks}
    if unsearched:
        inserts.update((at, ignore) for at in reader.declared_in(lang) - marks)
    out, done = [], 0
    for at in sorted(inserts):
        out += [fragment[done:at], inserts[at]]
        done = at
    return "".join(out) + fragment[done:]


def _quoted(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "…"


def stays_german(fragment: str) -> str:
    """What ``extract`` and ``check`` say about an HTML block (its source, str) with text a reader gets: the
    text is in no catalog, so no reviewer can translate it; what the author can do about it. A block whose
    only such text is ``alt`` or ``title`` values gets them named for what they are (an image description,
    a tooltip) and the Markdown that has them translated."""
    reader = _Reader(fragment)
    if reader.failed or reader.data:
        return (f'HTML block with text ("{_quoted(readable_text(fragment))}") is not translated: it is in no '
                'catalog, so no reviewer can translate it, and translated pages show it in German, marked lang="de"; '
                'write it in Markdown to have it translated (or lang="de" on its element to keep it German without '
                'this warning)')
    tag, name, value = reader.attributes[0]
    what = "image description" if name == "alt" else "tooltip"
    if tag == "img":
        how = 'write the image in Markdown, ![description](file.jpg "tooltip"): its description and tooltip are translated'
    elif tag in block_names:  # CommonMark's HTML block names (spec 4.6, type 6): always a block, never a sentence
        how = f"only the text of Markdown is translated: say it in the text instead, or drop the {name}"
    else:
        how = (f"write text before the <{tag}> on its line: then it is part of a paragraph, and its {name} part of the "
               "sentence the reviewer translates")
    return (f'{what} {name}="{_quoted(value)}" of the <{tag}> in an HTML block is not translated: it is in no '
            f'catalog, so no reviewer can translate it, and translated pages give it in German, marked lang="de"; '
            f'{how} (or add lang="de" to the <{tag}> to keep it German without this warning)')


def german_blocks(article: Article) -> list[tuple[int, str]]:
    """(line of the file, readable text) of each HTML block of the article's body that has text a reader
    sees, in document order: that text is not extracted, it stays German in every translation. Code
    blocks are no HTML blocks; the body is read as segmentation reads it (``segment.article_tokens``;
    none when it cannot be parsed)."""
    return [(line, text) for line, text, _ in _german_blocks(article)]


def html_block_warnings(article: Article) -> list[tuple[int, str]]:
    """(line, ``stays_german`` message) of each of ``german_blocks``, for ``extract`` and ``check``."""
    return [(line, stays_german(source)) for line, _, source in _german_blocks(article)]


def _german_blocks(article: Article) -> list[tuple[int, str, str]]:
    """``german_blocks`` with each block's source."""
    if not _HTML_BLOCK_START.search(article.body):
        return []
    try:
        tokens = article_tokens(article, {})
    except VerlagError:  # nesting too deep: segmenting the article says so, at its file and line
        return []
    found = []
    for token in tokens:
        if token.type == "html_block" and token.map:
            text = readable_text(token.content)
            if text:
                found.append((article.body_line + token.map[0], text, token.content))
    return found


def german_words(blocks: list[tuple[int, str]]) -> int:
    """The German words of ``german_blocks``' texts (whitespace-separated, as every word count of verlag): never
    in a catalog, so never reviewed. ``verlag status`` and the site (``[publish] min_reviewed``, a translator
    named as the only one who checked a page) count them alike."""
    return sum(len(text.split()) for _, text in blocks)


def _text_values(tag: str) -> list[tuple[int, int]]:
    """Where the quoted ``title`` and ``alt`` values of ``tag`` (an open tag, ``_OPEN_TAG``) are, quotes included."""
    spans, pos = [], _TAG_OPENING.match(tag).end()
    while match := _NEXT_ATTRIBUTE.match(tag, pos):
        value = match.group(4)
        if value and value[0] in "\"'" and match.group(2).lower() in TEXT_ATTRIBUTES:
            spans.append(match.span(4))
        pos = match.end()
    return spans


def _with_values(tag: str, spans: list[tuple[int, int]], values: list[str]) -> str:
    """``tag`` with the values at ``spans`` replaced by ``values`` (escaped already), in double quotes."""
    pieces, last = [], 0
    for (start, end), value in zip(spans, values):
        pieces += [tag[last:start], f'"{value}"']
        last = end
    return "".join(pieces) + tag[last:]


def _shape(tag: str) -> str | None:
    """``tag`` with its ``title``/``alt`` values emptied; None when it is no open tag or has none."""
    if not _OPEN_TAG.fullmatch(tag):
        return None
    spans = _text_values(tag)
    return _with_values(tag, spans, [""] * len(spans)) if spans else None


def text_attributes(text: str) -> list[str]:
    """The ``title`` and ``alt`` values (unescaped) of the open tags of inline HTML in ``text`` (a segment,
    Markdown with raw HTML), in order; code spans are not HTML."""
    if "<" not in text:
        return []
    text = without_code_spans(text, " ")
    return [html.unescape(tag[start + 1:end - 1]) for tag in (m.group(0) for m in _OPEN_TAG.finditer(text))
            for start, end in _text_values(tag)]


def retitled(tag: str, allowed: frozenset[str]) -> str | None:
    """A translation's open tag (str) that is one of the original's ``allowed`` tags but for the quoted values
    of its ``title`` and ``alt`` attributes, the text a reader gets (a tooltip, an image description), which a
    translator translates: that original tag, written as the author wrote it, with the translation's values
    (escaped again, quoted with ``"``); None when no allowed tag matches so. Attributes are read as CommonMark
    reads an open tag (spec 0.31, 6.6), one after the other, and nothing but those values comes from the
    translation, so it can add no attribute, element or URL."""
    shape = _shape(tag)
    original = _shapes(allowed).get(shape) if shape is not None else None
    if original is None:
        return None
    values = [html.escape(html.unescape(tag[start + 1:end - 1])) for start, end in _text_values(tag)]
    return _with_values(original, _text_values(original), values)


@lru_cache(maxsize=64)
def _shapes(allowed: frozenset[str]) -> dict[str, str]:
    """Each allowed open tag with ``title``/``alt`` values, keyed by its text with those values emptied."""
    return {shape: tag for tag in allowed if (shape := _shape(tag)) is not None}


def web_host(url: str) -> str | None:
    """The host (lower case) a browser fetches ``url`` from where a page at an http(s) address names it: that of an
    http(s) address or a scheme-relative one (``//host/…``); None for a path on the page's own host or another
    scheme. Read as the WHATWG URL Standard reads it (https://url.spec.whatwg.org/#url-parsing), not as urlsplit:
    leading and trailing C0 controls and spaces and every tab and newline are dropped, a backslash is a slash, and
    any number of slashes may come before the host, so ``\\\\host/x.png``, ``/\\host/x.png``, ``///host/x.png``
    and ``http:host/x.png`` all name ``host`` (the last on an https page; on an http page
    it is a path, taken for a host here all the same)."""
    url = as_browser_reads(url).replace("\\", "/")
    scheme = _URL_SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in ("http", "https") or not scheme and not url.startswith("//"):
        return None
    authority = re.split(r"[/?#]", url[scheme.end() if scheme else 0:].lstrip("/"), maxsplit=1)[0]
    host = (split_url("//" + authority) or NO_ADDRESS).hostname  # none: "http://[x", which a browser refuses too
    return host.lower() if host else None


def own_hosts(site_urls: Iterable[str]) -> frozenset[str]:
    """The hosts of ``site_urls`` as one site each (``sources.site_host``: ``www.example.org`` and ``example.org`` are
    the one site, as their owners serve them and as verlag counts an old blog's host), for ``is_own``."""
    return frozenset(site_host(host) for host in map(web_host, site_urls) if host)


def is_own(host: str | None, own: frozenset[str]) -> bool:
    """Whether ``host`` (``web_host``'s answer: None for a path on the page's own host) is one of ``own``
    (``own_hosts``), ``www.`` or not."""
    return host is None or site_host(host) in own


class _Active(HTMLParser):
    """What an HTML fragment makes a reader's browser run or fetch by itself (``found``, one phrase each):
    scripts, embedded pages and plug-ins, event handlers, ``javascript:`` addresses, ``<base>``, a refresh,
    and resources (images, media, style sheets, fonts) from a host other than those of ``own`` (the site's)."""

    def __init__(self, own: frozenset[str]):
        super().__init__(convert_charrefs=True)
        self.own = own
        self.found: list[str] = []
        self.in_style = False

    def _host(self, url: str) -> str | None:
        host = web_host(url)
        return None if is_own(host, self.own) else host

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        source = self._host(values.get("src") or values.get("data") or "")
        if tag == "script" or tag in EMBEDS:
            self.found.append(f"<{tag}>" + (f" from {source}" if source else ""))
        elif tag == "base":
            self.found.append("<base>")
        elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append('<meta http-equiv="refresh">')
        else:
            urls = [values[name] for name in _FETCHED if name in values]
            urls += [candidate.split()[0] for candidate in values.get("srcset", "").split(",") if candidate.split()]
            urls += [values.get("href", "")] if tag == "link" else []
            urls += _CSS_URL.findall(values.get("style", ""))
            self.found += [f"<{tag}> from {host}" for host in dict.fromkeys(filter(None, map(self._host, urls)))]
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            elif name in _ADDRESSES and (scheme := _SCRIPT_SCHEME.match(
                    as_browser_reads(value or ""))):  # "java script:" has none
                self.found.append(f"a {scheme.group(1).lower()}: address on <{tag}>")
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.found += [f"<style> from {host}" for host in filter(None, map(self._host, _CSS_URL.findall(data)))]


IMAGE_FROM = "image from "  # ``active_html``'s item for a Markdown image on another host: "image from other.example"


def active_html(body: str, body_line: int, site_url: str | tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """(line of the file, what it does) of each HTML block, and each block with inline HTML or images, of
    ``body`` (an article's Markdown, its first line the file's ``body_line``) that makes a reader's browser
    run a script, show another page or plug-in, or load anything from a host other than ``site_url``'s
    (``[site] base_url``, or each of several: an imported blog's own address too; a Markdown image
    ``![…](https://other.example/x.png)`` too), in document order.
    verlag publishes the German original's raw HTML as written and every translation repeats it, so this is
    the author's to know: third-party content loaded without the reader's consent (GDPR), or code from
    someone else. None when the body cannot be parsed."""
    if not ("![" in body and _MAYBE_REMOTE.search(body)) \
            and not any(map(_maybe_active, _START_TAG.findall(body))):
        return []
    try:
        tokens = block_tokens(body, {}, lambda content: "<" in content or "![" in content)
    except VerlagError:  # nesting too deep: segmenting the article says so, at its file and line
        return []
    found = []
    own = own_hosts((site_url,) if isinstance(site_url, str) else site_url)
    for token in tokens:
        images = []
        if token.type == "html_block":
            fragment = token.content
        elif token.type == "inline" and token.children:
            fragment = " ".join(child.content for child in token.children if child.type == "html_inline")
            images = [f"{IMAGE_FROM}{host}" for child in token.children if child.type == "image"
                      and not is_own(host := web_host(str(child.attrGet("src") or "")), own)]
        else:
            continue
        reader = _Active(own)
        try:
            read_whole(reader, fragment)
        except (AssertionError, ValueError):  # a declaration Python's parser gives up on: what it read counts
            pass
        if (reader.found or images) and token.map:
            found.append((body_line + token.map[0], list(dict.fromkeys(reader.found + images))))
    return found


class _Addresses(HTMLParser):
    """The addresses an HTML fragment's tags name (``_ADDRESSES``, each ``srcset`` candidate) with the 1-based
    line of the fragment their tag starts on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name in _ADDRESSES and value and value.strip():
                self.found.append((value.strip(), line))
            elif name == "srcset" and value:
                self.found += [(c.split()[0], line) for c in value.split(",") if c.split()]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


MEDIA_ELEMENTS = frozenset({"img", "source", "video", "audio", "track"})  # whose file a browser fetches to show
_MEDIA_FILES = ("src", "poster", "srcset")  # their attributes naming such a file (``srcset``: candidates)
_MAYBE_MEDIA = re.compile(r"<(?:img|source|video|audio|track)[\s/>]", re.I)


class _MediaFiles(HTMLParser):
    """The addresses of the files an HTML fragment's images, media and their sources show (``MEDIA_ELEMENTS``'
    ``src``, ``poster`` and each ``srcset`` candidate), with the 1-based line of the fragment their tag starts on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in MEDIA_ELEMENTS:
            return
        line = self.getpos()[0]
        for name, value in attrs:
            if name == "srcset" and value:
                self.found += [(c.split()[0], line) for c in value.split(",") if c.split()]
            elif name in _MEDIA_FILES and value and value.strip():
                self.found.append((value.strip(), line))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def html_files(body: str, body_line: int) -> list[tuple[str, int]]:
    """(address, line of the file) of each file the raw HTML of ``body`` shows as an image, video or audio
    (``<img src>``, ``srcset``, ``<video poster>``, ``<source src>``): an author pastes ``<img src="tasse.png"
    width="300">`` for what Markdown cannot say, and the site copies such a file as it does a Markdown image's
    (``media.collect_media``) and points the tag there (``with_files``). Empty, without a parse, for a body
    without such a tag."""
    if not _MAYBE_MEDIA.search(body):
        return []
    return html_addresses(body, body_line, _MediaFiles)


def with_files(fragment: str, files) -> str:
    """``fragment`` (raw HTML as written) with each ``src``, ``poster`` and ``srcset`` candidate of its images,
    media and sources (``MEDIA_ELEMENTS``) that ``files`` (address -> the address the site publishes it at, or
    None) knows written as that address, in double quotes; the rest of it byte for byte."""
    if not _MAYBE_MEDIA.search(fragment):
        return fragment

    def address(value: str) -> str:
        target = files(value.strip())
        if not target:
            return value
        parts = split_url(value.strip()) or NO_ADDRESS  # its query and fragment kept, as a Markdown image's are
        return target + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    def tag(match: re.Match) -> str:
        written = match.group(0)
        if _TAG_OPENING.match(written).group(0)[1:].lower() not in MEDIA_ELEMENTS:
            return written
        spans, values, pos = [], [], _TAG_OPENING.match(written).end()
        while found := _NEXT_ATTRIBUTE.match(written, pos):
            pos = found.end()
            name, value = found.group(2).lower(), found.group(4)
            if name not in _MEDIA_FILES or not value:
                continue
            plain = html.unescape(value[1:-1] if value[0] in "\"'" else value)
            if name == "srcset":
                shown = ", ".join(" ".join([address(c.split()[0]), *c.split()[1:]]) for c in plain.split(",")
                                  if c.split())
            else:
                shown = address(plain)
            if shown != plain:
                spans.append(found.span(4))
                values.append(html.escape(shown))
        return _with_values(written, spans, values) if spans else written

    return _OPEN_TAG.sub(tag, fragment)


def html_addresses(body: str, body_line: int, reader: type[HTMLParser] | None = None) -> list[tuple[str, int]]:
    """(address, line of the file) of each ``src``, ``href``, ``srcset`` candidate and other address attribute
    (``_ADDRESSES``) in the raw HTML of ``body`` (an article's Markdown, its first line the file's ``body_line``):
    HTML blocks and inline HTML, in document order. Markdown's own links and images are ``media.references``';
    these are the ones only a browser reads. Empty when the body has no tag or cannot be parsed. ``reader``: the
    parser that finds them in each piece (``_MediaFiles``: only those ``html_files`` reads)."""
    if not _START_TAG.search(body):
        return []
    try:
        tokens = block_tokens(body, {}, lambda content: "<" in content)
    except VerlagError:  # nesting too deep: segmenting the article says so, at its file and line
        return []
    found: list[tuple[str, int]] = []
    for token in tokens:
        if token.map is None:
            continue
        start = body_line + token.map[0]
        if token.type == "html_block":
            pieces = [(token.content, start)]
        elif token.type == "inline" and token.children:
            pieces, line = [], start
            for child in token.children:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "html_inline":
                    pieces.append((child.content, line))
        else:
            continue
        for fragment, line in pieces:
            parser = (reader or _Addresses)()
            try:
                parser.feed(fragment)
                parser.close()
            except (AssertionError, ValueError):  # a declaration Python's parser gives up on: what it read counts
                pass
            found += [(url, line + offset - 1) for url, offset in parser.found]
    return found


def left_out(article: Article, site_url: str | tuple[str, ...], clean: bool) -> list[tuple[int, str]]:
    """(line of the file, ``active_message``) of each of the article's ``active_html`` findings when ``clean``
    (``[site] german_html = "clean"``: nh3 takes it out of every edition, an ``<iframe srcdoc=…>`` with its text,
    ``render.sanitized``), for ``extract`` and ``build`` as for ``check``'s ``active-html``; none without ``clean``,
    where the page publishes it as written."""
    if not clean:
        return []
    return [(line, active_message(found, clean)) for line, found in active_html(article.body, article.body_line,
                                                                                 site_url)]


def active_message(found: list[str], clean: bool = False) -> str:
    """What ``check`` says about raw HTML that does what ``found`` (``active_html``) lists; ``clean``: the project
    sets ``[site] german_html = "clean"``, so the site leaves it out instead of publishing it."""
    if clean:
        return f"the page runs code or loads from another host: {', '.join(found)}; [site] german_html = \"clean\" " \
               "leaves it out of every edition"
    return (f"the page runs code or loads from another host: {', '.join(found)}; verlag publishes it as written, in "
            "every language, and readers' browsers run or fetch it without their consent (for third-party "
            "content, GDPR): remove it, link to the content instead, or set [site] german_html = \"clean\"")

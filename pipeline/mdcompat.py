"""Give Python-Markdown the block structure CommonMark sees (render stage).

Sources are CommonMark (segmentation reads them with markdown-it-py), the site
renders with Python-Markdown, and the two disagree on container blocks:
CommonMark nests by a list item's content column (2 for ``- ``, 3 for ``1. ``),
Python-Markdown by four spaces per level, ends blocks only at blank lines and
knows no fenced code. Rather than guess structure, ``CommonMarkBlocks`` parses
the same lines with markdown-it-py and rewrites only what Python-Markdown reads
differently:

- inside list items, content columns become Python-Markdown's four spaces per
  level (blockquote markers in between are kept, lazy continuation lines are
  left as they are);
- code blocks, fenced or indented, are rendered from markdown-it's tokens and
  stashed, so their lines never reach Python-Markdown's block parser (so is
  the raw HTML of a block inside a list item, for the raw-HTML filter);
- blank lines go where CommonMark ends a block without one, ``N)`` markers
  become ``N.``, setext headings one ATX line, thematic breaks ``***``,
  paragraph text that would pass for a list marker is escaped, and adjacent
  lists get a separator that ``_ListsAsParsed`` removes again; it also gives
  each list CommonMark's tight or loose spacing.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .segment import markdown_parser

MARKER_RE = re.compile(r"( {0,3})([-+*]|\d{1,9}[.)])( *)")
QUOTE_RE = re.compile(r" {0,3}> ?")
NOT_AN_ITEM_RE = re.compile(r"( *\d*)([-+*.)])(?= |$)")  # paragraph text Python-Markdown would take for an item
LEVEL = "    "  # Python-Markdown's indentation per nesting level (tab_length)


@dataclass
class _Container:
    item: bool  # a list item, else a blockquote
    first: int
    previous: _Container | None = None  # the item before it in the same list
    content: int = 0  # an item's content column, relative to where its container's content starts
    emitted: int = 0  # where its first line went in the output
    spread: bool = False  # a blank line came after its first line (Python-Markdown then dedents its blocks)


@dataclass
class _Line:
    chain: list[_Container] = field(default_factory=list)
    code: str | None = None  # the rendered code block (or raw HTML in a list item) that starts on this line
    raw: bool = False  # ``code`` is the author's HTML: the raw-HTML filter judges it like any other
    heading: str | None = None  # a setext heading, rewritten as one ATX line
    in_code: bool = False  # a later line of a code block or heading (it went into its first line)
    text: str = ""  # "first" or "more": a paragraph's first or a later line
    hr: bool = False
    blank_before: bool = False
    blank_after: bool = False
    separate: bool = False  # a list right after another one in the same container


def register(md, trusted: set[int]) -> None:
    """Install the preprocessor (after whitespace normalisation, 30, before raw HTML blocks, 20)."""
    blocks = CommonMarkBlocks(md, trusted)
    md.preprocessors.register(blocks, "verlag-commonmark-blocks", 25)
    md.treeprocessors.register(_ListsAsParsed(md, blocks), "verlag-commonmark-lists", 25)


class CommonMarkBlocks(Preprocessor):
    """Rewrite list indentation and code blocks so Python-Markdown builds CommonMark's block tree.

    ``trusted`` collects the stash indexes of the code blocks it renders, for
    the raw-HTML filter to let through (their text is escaped here).
    """

    def __init__(self, md, trusted: set[int]):
        super().__init__(md)
        self.trusted = trusted
        self.separators: set[str] = set()
        self.tight: list[bool] = []  # per list outside footnotes, in document order

    def run(self, lines: list[str]) -> list[str]:
        info, self.tight = _analyse(lines)
        out: list[str] = []
        after_code = False
        for number, line in enumerate(lines):
            entry = info[number]
            if entry.in_code:
                out += [""] if entry.blank_after else []
                continue
            opening = [c for c in entry.chain if c.item and c.first == number]
            if entry.separate:
                # Python-Markdown joins adjacent lists; a paragraph of its own between them keeps them apart.
                enclosing = [c for c in entry.chain if c.first != number]
                for container in enclosing:
                    container.spread = True
                margin = _reindent(line, number, enclosing)[0]
                placeholder = self.md.htmlStash.store("")
                self.separators.add(placeholder)
                out += [margin.rstrip(), margin + placeholder, margin.rstrip()]
            previous = opening[0].previous if opening else None
            if out and out[-1].strip() and line.strip() and (
                    entry.blank_before or after_code or (entry.code is not None and not opening)
                    or (previous and any(not s.strip() for s in out[previous.emitted:]))):
                # Python-Markdown ends a block only at a blank line (and a previous item with a blank
                # line in it would swallow this one). Tight lists stay tight: _ListsAsParsed sees to it.
                enclosing = [c for c in entry.chain if c.first != number]
                out.append(_reindent(line, number, enclosing)[0].rstrip())
                for container in enclosing:
                    container.spread = True
            for container in opening:
                container.emitted = len(out)
            prefix, rest = _reindent(line, number, entry.chain)
            if not rest.strip() and entry.code is None and not opening:
                for container in entry.chain:
                    container.spread = True
            if (entry.text == "first" or entry.text == "more" and any(c.item for c in entry.chain)) \
                    and NOT_AN_ITEM_RE.match(rest):
                rest = NOT_AN_ITEM_RE.sub(r"\1\\\2", rest, count=1)  # inside an item it looks at every line
            if entry.hr:
                rest = "***"  # "- - -" with wide gaps: Python-Markdown allows two spaces, CommonMark any
            if entry.heading is not None:
                rest = entry.heading
            after_code = entry.code is not None
            if after_code:
                if not entry.raw:
                    self.trusted.add(self.md.htmlStash.html_counter)
                rest = self.md.htmlStash.store(entry.code)
            out.append(prefix + rest)
            if entry.blank_after:
                out.append("")
        return out


class _ListsAsParsed(Treeprocessor):
    """Drop the list separators and give each list CommonMark's spacing.

    Python-Markdown decides per item whether its text is a paragraph;
    CommonMark decides per list (tight or loose). When both found the same
    lists, markdown-it's decision is applied to Python-Markdown's tree.
    """

    def __init__(self, md, blocks: CommonMarkBlocks):
        super().__init__(md)
        self.blocks = blocks

    def run(self, root):
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "p" and (child.text or "").strip() in self.blocks.separators and not len(child):
                    parent.remove(child)
        lists = [el for el in _body(root) if el.tag in ("ul", "ol")]
        if len(lists) != len(self.blocks.tight):
            return
        for element, tight in zip(lists, self.blocks.tight):
            for item in element.findall("li"):
                if tight:
                    _unwrap_paragraphs(item)
                elif (item.text or "").strip():
                    paragraph = etree.Element("p")
                    paragraph.text, item.text = item.text.strip(), None
                    item.insert(0, paragraph)


def _body(root):
    """Elements in document order, without the footnotes Python-Markdown appends."""
    for element in root:
        if element.tag == "div" and element.get("class") == "footnote":
            continue
        yield from element.iter()


def _unwrap_paragraphs(item) -> None:
    for index, child in reversed(list(enumerate(item))):
        if child.tag != "p":
            continue
        text = (child.text or "") + (child.tail or "")
        for grandchild in reversed(list(child)):
            item.insert(index, grandchild)
        item.remove(child)
        if index:
            item[index - 1].tail = (item[index - 1].tail or "") + text
        else:
            item.text = (item.text or "") + text


def _analyse(lines: list[str]) -> tuple[list[_Line], list[bool]]:
    """Map each line to its containers (outermost first) and code blocks, from markdown-it's tokens;
    list whether each list is tight.

    Footnote bodies are skipped: both dialects indent them by four spaces.
    """
    info = [_Line() for _ in lines]
    tight: list[bool] = []
    open_lists: list[tuple[int, int]] = []  # (index in tight, level)
    footnote = 0
    lists: list[list[_Container]] = []
    setext: tuple[int, int] | None = None  # (first line, level) of the setext heading being read
    list_before: dict[int, bool] = {}  # per nesting level: the previous block there is a list
    for token in markdown_parser().parse("\n".join(lines) + "\n"):
        if token.type in ("footnote_open", "footnote_close"):
            footnote += token.nesting
        if footnote:
            continue
        if token.nesting != -1:
            is_list = token.type in ("bullet_list_open", "ordered_list_open")
            if is_list and list_before.get(token.level):
                info[token.map[0]].separate = True
            list_before = {level: v for level, v in list_before.items() if level < token.level}
            list_before[token.level] = is_list
        if token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            open_lists.pop()
        if token.type == "paragraph_open" and open_lists and token.level == open_lists[-1][1] + 2:
            tight[open_lists[-1][0]] = tight[open_lists[-1][0]] and token.hidden
        if token.map is None:
            continue
        first, end = token.map[0], min(token.map[1], len(lines))
        if token.type in ("list_item_open", "blockquote_open"):
            item = token.type == "list_item_open"
            container = _Container(item, first, lists[-1][-1] if item and lists[-1] else None)
            if item:
                lists[-1].append(container)
            for number in range(first, end):
                info[number].chain.append(container)
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([])
            open_lists.append((len(tight), token.level))
            tight.append(True)
            if token.level == 0:
                info[first].blank_before = True
                info[end - 1].blank_after = end < len(lines) and bool(lines[end].strip())
        elif token.type in ("fence", "code_block") or (
                token.type == "html_block" and any(c.item for c in info[first].chain)):
            # Python-Markdown finds raw HTML blocks only at the left margin, so not in an item.
            info[first].raw = token.type == "html_block"
            info[first].code = token.content.rstrip("\n") if info[first].raw else _code_html(token)
            for number in range(first + 1, end):
                info[number].in_code = True
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            # Python-Markdown finds a setext heading only at the start of a block, and reads a "---"
            # underline anywhere as a thematic break; an ATX heading it finds anywhere. A closing "#"
            # keeps a "#" that ends the text.
            setext = (first, int(token.tag[1]))
            for number in range(first + 1, end):
                info[number].in_code = True
        elif token.type == "inline" and setext and setext[0] == first:
            info[first].heading = f"{'#' * setext[1]} {token.content.replace(chr(10), ' ')} #"
            setext = None
        elif token.type == "paragraph_open":
            info[first].text = "first"
            for number in range(first + 1, end):
                info[number].text = "more"
        elif token.type == "hr":
            info[first].hr = True
    return info, tight


def _code_html(token) -> str:
    language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
    attrs = f' class="language-{html.escape(language)}"' if language else ""
    return f"<pre><code{attrs}>{html.escape(token.content, quote=False)}</code></pre>"


def _reindent(line: str, number: int, chain: list[_Container]) -> tuple[str, str]:
    """Split a line into its rewritten container prefix and the rest.

    On a continuation line each enclosing item's content column becomes four
    spaces and each blockquote marker stays, except for the innermost item
    before its first blank line: Python-Markdown keeps those lines of an item
    as they are, so there its content column becomes nothing (a nested item's
    marker line still needs its four spaces per level). The first line
    where a container opens records the item's content column (relative to its
    container's content) and keeps its markers, except for Python-Markdown's
    needs.
    """
    prefix, pos, nested = "", 0, False
    innermost = -1 if any(c.item and c.first == number for c in chain) else max(
        (i for i, c in enumerate(chain) if c.item), default=-1)
    for depth, container in enumerate(chain):
        if container.first == number:
            if container.item:
                match = MARKER_RE.match(line, pos)
                if not match:
                    break  # not where markdown-it saw it: leave the line to Python-Markdown
                lead, marker, spaces = match.groups()
                rest = line[match.end():]
                after = len(spaces) if rest and 1 <= len(spaces) <= 4 else 1
                container.content = len(lead) + len(marker) + after
                if marker[0].isdigit():
                    marker = f"{int(marker[:-1])}."  # Python-Markdown knows no "1)" and keeps "003" as start
                elif marker == "-" and not rest.strip():
                    marker = "*"  # "- " alone under a line is a setext underline to Python-Markdown
                prefix += ("" if nested else lead) + marker + (line[match.end(2):match.end(2) + after] or " ")
                pos = match.end(2) + after
                nested = True
                continue
            match = QUOTE_RE.match(line, pos)
        elif container.item:
            indent = len(line) - pos - len(line[pos:].lstrip(" "))
            if not line[pos:].strip() or indent < container.content:
                break  # a blank or lazy continuation line
            prefix += "" if depth == innermost and not container.spread else LEVEL
            pos += container.content
            nested = True
            continue
        else:
            match = QUOTE_RE.match(line, pos)
        if not match:
            break  # a lazy continuation line
        prefix += match.group(0).lstrip(" ")
        pos = match.end()
    return prefix, line[pos:]

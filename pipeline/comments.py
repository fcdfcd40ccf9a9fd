"""The author's HTML comments (``<!-- Notiz für mich … -->``): read by nobody but the author.

A comment in a German article is a note to self. Hugo's renderer (goldmark
without ``unsafe``) leaves comments out of its pages; verlag goes further and
takes their text out when the article is read, so no catalog msgid, no
translation service, no edition and no page ever carries it. The file itself
is never changed. What is kept is CommonMark's reading of the article: the
same blocks on the same lines (``#:`` references and messages stay right).

Comments are found by markdown-it (CommonMark 0.31, 6.6 raw HTML and 4.6
HTML blocks of kind 2), so ``<!--`` in a code span or code block is code and
stays as written; so does a comment inside ``<script>``, ``<style>``,
``<pre>`` or ``<textarea>`` (kind 1 HTML blocks, whose content is the page's).
"""

from __future__ import annotations

import re

__all__ = ["drop_emptied", "without_comments"]

_RAW_BLOCK = re.compile(r"\s*<(?:script|pre|style|textarea)[\s>]", re.I)
_EMPTIED = re.compile(r"<!--[\s.]*-->")  # what ``without_comments`` leaves of a comment: its lines, no text


def without_comments(text: str, body_start: int) -> str:
    """``text`` (a whole source file, normalised) with the text of every HTML comment in its body (from
    ``body_start``) taken out.

    A comment alone on its line(s) or inside an HTML block becomes an empty one (``<!---->``; over several lines
    each keeps the container marks at its start, ``>`` of a block quote, and holds a ``.`` or the ``-->``): the blocks stay
    what they were. A
    comment within a line of a paragraph, heading or table cell is removed with the spaces before it (or after
    it, at the start of a line), so ``Satz <!-- x --> weiter`` reads ``Satz weiter``; one that runs over
    several lines becomes an empty one as above. Returns ``text`` itself when its body has no ``<!--``.
    Raises ``VerlagError`` where segmentation would (nesting deeper than verlag reads).
    """
    if "<!--" not in text[body_start:]:
        return text
    from .segment import markdown_parser  # segment reads sources, which calls this

    body = text[body_start:]
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int, bool]] = []  # (start, end, removed whole) in ``body``
    for token in markdown_parser().parse(body, {}):
        if not token.map:
            continue
        a, b = starts[token.map[0]], starts[min(token.map[1], len(lines))] - 1
        if token.type == "html_block" and not _RAW_BLOCK.match(token.content):
            spans.extend(_block_comments(body, a, b))
        elif token.type == "inline" and token.children and "<!--" in token.content:
            spans.extend(_inline_comments(body, a, b, token.children))
    out, last = [], 0
    for start, end, whole in sorted(spans):
        if start < last:
            continue
        if whole and "\n" not in body[start:end]:
            before = len(body[last:start]) - len(body[last:start].rstrip(" \t"))
            line_start = start - before == 0 or body[start - before - 1] == "\n"
            after = len(body[end:]) - len(body[end:].lstrip(" \t")) if line_start else 0
            out.append(body[last:start - before])
            last = end + after
            continue
        out.append(body[last:start] + "<!--" + "".join(_kept_marks(body, start, end)) + "-->")
        last = end
    return text[:body_start] + "".join(out) + body[last:]


def drop_emptied(state) -> None:
    """markdown-it core rule: the comments ``without_comments`` emptied leave nothing in the HTML. An HTML block
    of them alone goes (its place in the document kept: the blocks around it stay apart, as CommonMark read
    them), one inside another HTML block is cut out of it (not from a ``<script>``, ``<pre>``, ``<style>`` or
    ``<textarea>`` block, whose content is the page's), and an inline one over several lines goes too."""
    tokens = state.tokens
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.type == "html_block" and "<!--" in token.content and not _RAW_BLOCK.match(token.content):
            token.content = _EMPTIED.sub("", token.content)
            if not token.content.strip():
                del tokens[index]
        elif token.type == "inline" and token.children and "<!--" in token.content:
            token.children = [child for child in token.children
                              if not (child.type == "html_inline" and _EMPTIED.fullmatch(child.content))]


def _block_comments(body: str, a: int, b: int) -> list[tuple[int, int, bool]]:
    """Where the comments of an HTML block (``body[a:b]``) are; one left open runs to the block's end, as
    CommonMark's kind 2 block and HTML5 read it. One pass (a search from each ``<!--`` to the end was quadratic)."""
    found, at = [], body.find("<!--", a, b)
    while at >= 0:
        end = body.find("-->", at + 4, b)
        end = b if end < 0 else end + 3
        found.append((at, end, False))
        at = body.find("<!--", end, b)
    return found


def _inline_comments(body: str, a: int, b: int, children) -> list[tuple[int, int, bool]]:
    """Where the inline comments of a block (lines ``body[a:b]``) are, found in order after the code spans
    before them, so a comment-like code span earlier in the block is not taken for one."""
    found, cursor = [], a
    for child in children:
        if child.type == "code_inline":
            at = body.find(child.content, cursor, b)
            cursor = at + len(child.content) if at >= 0 else cursor
        elif child.type == "html_inline" and child.content.startswith("<!--"):
            pattern = r"\n[ \t>]*".join(re.escape(part) for part in child.content.split("\n"))
            match = re.compile(pattern).search(body, cursor, b)
            if match:
                found.append((match.start(), match.end(), True))
                cursor = match.end()
    return found


def _kept_marks(body: str, start: int, end: int) -> list[str]:
    """The line breaks within ``body[start:end]`` (a comment), each with the container marks (``>``, spaces)
    that open its next line, and a ``.`` on each but the last (which holds ``-->``): a blank line would end an HTML
    block such as ``<div>``."""
    parts = body[start:end].split("\n")[1:]
    return ["\n" + re.match(r"[ \t>]*", part).group(0) + ("." if n < len(parts) - 1 else "")
            for n, part in enumerate(parts)]

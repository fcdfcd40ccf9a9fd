"""German text in raw HTML blocks: named for the author, marked as German on translated pages.

A CommonMark HTML block (spec 0.31, 4.6: ``<div class="hinweis">Bitte …</div>``,
``<details><summary>…``) is passed through as it is written; verlag does not cut
its text into segments, as mdpo's md2po does not (it reads only its own
``<!-- mdpo-… -->`` commands there). The text a reader sees in such a block,
and its ``title`` and ``alt`` attributes, therefore stay German in every
edition. ``extract`` and ``check`` name each such block with its line
(``german_blocks``), and a translated page marks it ``lang="de"``
(``mark_language``; WCAG 2.2 SC 3.1.2 Language of Parts, technique H58), so a
screen reader reads it with German rules instead of announcing German as English.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .segment import block_tokens
from .sources import Article

__all__ = ["german_blocks", "mark_language", "readable_text", "stays_german"]

TEXT_ATTRIBUTES = ("title", "alt")  # attribute values a reader gets as text (tooltip, image description)
# Elements whose content is no text for the reader; void elements, which have no content or end tag.
NOT_TEXT = frozenset({"script", "style", "template"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HTML_BLOCK_START = re.compile(r"^ {0,3}<[A-Za-z/!?]", re.M)  # where an HTML block can begin (spec 4.6)


class _Reader(HTMLParser):
    """Walks an HTML fragment: its readable text, and where ``lang`` must go to mark it."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]  # offset of each line
        # [open element, its start tag's end, lang written by the author, lang added here]
        self.stack: list[list] = []
        self.text: list[str] = []
        self.marks: set[int] = set()  # offsets of start-tag ends that get the lang attribute
        self.feed(source)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _declared(self) -> bool:
        """Is the text here in an element whose language the author wrote (``lang``)?"""
        return any(element[2] for element in self.stack)

    def _covered(self) -> bool:
        return any(element[2] or element[3] for element in self.stack)

    def _mark(self, element: list) -> None:
        self.marks.add(element[1])
        element[3] = True

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        text = self.get_starttag_text() or ""
        end = start + len(text) - (2 if text.endswith("/>") else 1)  # where an attribute can be added
        element = [tag, end, any(name == "lang" for name, _ in attrs), False]
        shown = [value for name, value in attrs if name in TEXT_ATTRIBUTES and value and value.strip()]
        if shown and not element[2] and not self._declared():
            self.text += shown
            if not self._covered():
                self._mark(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not data.strip() or self._declared() or any(element[0] in NOT_TEXT for element in self.stack):
            return
        self.text.append(data)
        if self.stack and not self._covered():
            self._mark(self.stack[-1])


def readable_text(fragment: str) -> str:
    """The text a reader gets from an HTML fragment (str) in no language its author declared: its text
    outside script and style, and its ``title`` and ``alt`` values, unless in an element with a ``lang``
    attribute (the author's ``<div lang="de">`` says the text stays German on purpose), whitespace
    collapsed; "" when there is none (markup, a comment)."""
    return " ".join(" ".join(_Reader(fragment).text).split())


def mark_language(fragment: str, lang: str) -> str:
    """``fragment`` (HTML, str) with ``lang="<lang>"`` (BCP 47) on each element that holds text or a
    ``title``/``alt`` value and has no ``lang`` itself or on an enclosing element. Nothing else changes,
    so the elements stay those of the original: text outside every element (a block that only closes one,
    ``</div>`` then text) has nothing to carry the mark and stays as written."""
    out, done = [], 0
    for at in sorted(_Reader(fragment).marks):
        out += [fragment[done:at], f' lang="{lang}"']
        done = at
    return "".join(out) + fragment[done:]


def stays_german(text: str) -> str:
    """What ``extract`` and ``check`` say about an HTML block whose readable text is ``text``."""
    shown = text if len(text) <= 50 else text[:47] + "…"
    return (f'HTML block with text ("{shown}") is not translated: translated pages show it in German, marked '
            'lang="de"; write it in Markdown to have it translated (or lang="de" on its element to keep it German '
            'without this warning)')


def german_blocks(article: Article) -> list[tuple[int, str]]:
    """(line of the file, readable text) of each HTML block of the article's body that has text a reader
    sees, in document order: that text is not extracted, it stays German in every translation. Code
    blocks are no HTML blocks; the body is read as segmentation reads it (``segment.block_tokens``)."""
    if not _HTML_BLOCK_START.search(article.body):
        return []
    found = []
    for token in block_tokens(article.body, {}):
        if token.type == "html_block" and token.map:
            text = readable_text(token.content)
            if text:
                found.append((article.body_line + token.map[0], text))
    return found

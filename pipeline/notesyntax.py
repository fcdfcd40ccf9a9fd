"""Note-app syntax that CommonMark does not have, as Obsidian and Typora notes carry it: ``==highlight==``,
``[[wikilink]]`` (also ``[[Title|text]]``, ``![[embed]]``), task-list boxes (``- [x] done``), a link or image
whose address holds spaces (``![Melisse](bilder/Melisse im Glas.png)``, which Typora shows and CommonMark reads as
text), and a level-1 heading in the body, which on verlag's pages stands beside the title's own ``<h1>``.

``import`` converts what has a CommonMark or HTML equivalent (``convert``, ``link_wikilinks``); ``check`` names
what is left in a source at its line (``findings``). Code spans and code blocks are left alone: there such text is
meant literally.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from .errors import VerlagError
from .markup import code_spans
from .segment import block_tokens
from .sources import PLACEHOLDER_RE

_OPENING = re.compile(r"(?<![=\\])==(?=[^\s=])")
_CLOSING = re.compile(r"(?<=[^\s=])==(?!=)")
WIKILINK_RE = re.compile(r"(!?)\[\[([^\[\]|#\n]*)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\]")
TASK_RE = re.compile(r"\[([ xX])\][ \t]")  # at the start of a list item's text
_ITEM_TASK_RE = re.compile(r"^([ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\](?=[ \t])")
BOXES = {" ": "☐", "x": "☑", "X": "☑"}  # U+2610, U+2611: a box a reader sees as one, without a form field
# A link or image whose destination holds white space outside <…>: CommonMark reads no link there (0.31 section 6.3),
# the page shows the Markdown; a backslash-escaped bracket opens or closes none. Possessive runs: each "](" scans to
# the next parenthesis at most, linear in a line.
UNBRACKETED_RE = re.compile(r"(?<!\\)(!?)\[([^\[\]\n]*+)(?<!\\)\]\(([^()<>\n]*+)\)")
# An Obsidian callout's or a GitHub alert's first line in a block quote: "> [!tip] Tipp der Woche", "> [!NOTE]"
# (https://help.obsidian.md/callouts, GitHub's alerts); ``-``/``+`` folds it.
CALLOUT_RE = re.compile(r"\[!([A-Za-z][\w-]*)\][+-]?(?:[ \t]+([^\n]*))?")
_HINT = re.compile(r"==|\[\[|^\[[ xX]\]|\]\([^()<>\n]*+\)|\[!")


def highlights(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ``==highlight==`` of ``text`` in order, equals signs included: an opening ``==``
    before a character that is no space or ``=``, up to the first closing one on its line after one that is.
    One pass over the openings, the closing ones found by bisection: the lazy regex ``==(.+?)==`` this replaces
    searched from each ``==`` to the end of its line (a 40 KB line of ``==a `` took 7 s, 1 MB hours)."""
    closing = [m.start() for m in _CLOSING.finditer(text)]
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    found: list[tuple[int, int]] = []
    done = 0
    for opening in _OPENING.finditer(text):
        start = opening.start()
        if start < done:
            continue
        n = bisect.bisect_left(closing, start + 3)
        line_end = breaks[i] if (i := bisect.bisect_left(breaks, start)) < len(breaks) else len(text)
        if n < len(closing) and closing[n] < line_end:
            done = closing[n] + 2
            found.append((start, done))
    return found


def _same(a: str, b: str) -> bool:
    """Two titles that read the same (case, spacing and Unicode form aside)."""
    fold = lambda s: " ".join(unicodedata.normalize("NFC", s).casefold().split())  # noqa: E731
    return fold(a) == fold(b)


def _prose(token) -> str:
    """An inline token's text as written, code spans as blanks (their text is meant literally)."""
    return "".join("\n" if c.type in ("softbreak", "hardbreak")
                   else c.content if c.type in ("text", "text_special", "html_inline") else " " for c in token.children)


def findings(body: str, first_line: int, title: str) -> list[tuple[int, str]]:
    """(line, warning) for each piece of note-app syntax left in ``body`` (CommonMark whose first line is line
    ``first_line`` of its file) and for each level-1 heading in it (the page's title, ``title``, is its h1)."""
    found: list[tuple[int, str]] = []
    try:
        tokens = block_tokens(body, {}, lambda content: _HINT.search(content) is not None)
    except VerlagError:  # a block markdown-it cannot read in reasonable time: extract and build name it
        return []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and token.map:
            text = tokens[index + 1].content
            found.append((first_line + token.map[0], (
                f"level-1 heading {text!r} repeats the title, which the page already shows as its h1: delete it"
                if _same(text, title) else f"level-1 heading {text!r}: the page's title is already its h1, so "
                "the page would have two; make it a section heading (## …)")))
        if token.type != "inline" or not token.map or token.children is None:
            continue
        prose = _prose(token)
        line = lambda start: first_line + token.map[0] + prose.count("\n", 0, start)  # noqa: E731,B023
        for start, end in highlights(prose):
            text = prose[start + 2:end - 2]
            found.append((line(start), f"=={text}== is a highlight of Obsidian or Typora, not Markdown: "
                          f"the page shows the equals signs; write <mark>{text}</mark>, or **{text}**"))
        for match in WIKILINK_RE.finditer(prose):
            if PLACEHOLDER_RE.fullmatch(match[0]):  # init's [[AUSFÜLLEN: …]]: the unfilled check names it
                continue
            found.append((line(match.start()), f"{match[0]} is a wikilink of Obsidian, not Markdown: the page shows "
                          "the brackets; write a link to the article's file, [Text](slug.md), or the text alone"))
        plain = "".join(" " * len(c.content) if c.type == "text_special" and c.markup.startswith("\\") else
                        c.content if c.type in ("text", "text_special") else "\n" if c.type in ("softbreak", "hardbreak")
                        else " " for c in token.children)  # an escaped "\[" opens no link
        for match in UNBRACKETED_RE.finditer(plain):
            target = match[3].strip()
            if not _spaced(target):
                continue
            kind = "an image" if match[1] else "a link"
            found.append((line(match.start()), f"{match[0]} is not {kind} in Markdown: its address holds spaces, so "
                          f"the page shows the text as it is; write {match[1]}[{match[2]}](<{target}>), or each space "
                          "as %20"))
        if index >= 2 and tokens[index - 2].type == "blockquote_open" and (callout := CALLOUT_RE.match(prose)):
            title = (callout[2] or "").strip()
            found.append((line(0), f"{callout[0].strip()} starts a callout of Obsidian (an alert on GitHub), which "
                          f"CommonMark does not have: the page shows [!{callout[1]}] as text" +
                          (" and runs its title into the text below it; write the title in bold as a paragraph of "
                           f"its own, > **{title}**, then a line > alone" if title else
                           f"; delete [!{callout[1]}], or write a title in bold instead, > **…**")))
        if index >= 2 and tokens[index - 2].type == "list_item_open" and TASK_RE.match(prose):
            found.append((line(0), f"{prose[:3]} starts a task-list item (Obsidian, GitHub), which CommonMark does "
                          f"not have: the page shows the brackets; write {BOXES[prose[1]]} instead, or nothing"))
    return sorted(found)


def _outside_code(line: str, change) -> str:
    """``change`` applied to the parts of ``line`` outside code spans."""
    out, last = [], 0
    for start, end in code_spans(line):
        out += [change(line[last:start]), line[start:end]]
        last = end
    return "".join(out) + change(line[last:])


def _prose_lines(body: str) -> tuple[set[int], list]:
    """(the 0-based lines of ``body`` that hold prose, its block tokens)."""
    tokens = block_tokens(body, {})
    lines: set[int] = set()
    for token in tokens:
        if token.type == "inline" and token.map:
            lines.update(range(*token.map))
    return lines, tokens


def convert(body: str, title: str) -> tuple[str, list[str]]:
    """(``body`` with what has a CommonMark or HTML equivalent converted, notes saying what): ``==x==`` becomes
    ``<mark>x</mark>``, a task-list box ``[x]``/``[ ]`` the sign ☑/☐, and a level-1 heading that repeats
    ``title`` is dropped. Wikilinks need the project's articles: ``link_wikilinks``. A body markdown-it
    refuses (``segment.block_tokens``: too many brackets) is returned as it is, for extract to name."""
    try:
        prose, tokens = _prose_lines(body)
    except VerlagError:
        return body, []
    lines = body.split("\n")
    drop: set[int] = set()
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and token.map and _same(tokens[index + 1].content, title):
            drop.update(range(*token.map))
            break
    counts = {"mark": 0, "task": 0}

    def mark(text: str) -> str:
        out, last = [], 0
        for start, end in highlights(text):
            out += [text[last:start], "<mark>", text[start + 2:end - 2], "</mark>"]
            last = end
        counts["mark"] += len(out) // 4
        return "".join(out) + text[last:]

    for n in sorted(prose - drop):
        line = _outside_code(lines[n], mark)
        boxed = _ITEM_TASK_RE.sub(lambda m: m[1] + BOXES[m[2]], line)
        counts["task"] += boxed != line
        lines[n] = boxed
    kept = [line for n, line in enumerate(lines) if n not in drop]
    notes = [what for shown, what in (
        (drop, "level-1 heading repeating the title dropped (the page shows the title as its h1)"),
        (counts["mark"], f"==highlight== written as <mark>…</mark>: {counts['mark']}"),
        (counts["task"], f"task-list boxes [x]/[ ] written as ☑/☐: {counts['task']}")) if shown]
    return "\n".join(kept).lstrip("\n"), notes


def _spaced(target: str) -> bool:
    """Whether a link's ``target`` holds white space and is no template tag (Hugo's ``{{< ref "x.md" >}}``,
    Jekyll's ``{% post_url … %}``: the import relinks those, check names them as template tags)."""
    return any(ch.isspace() for ch in target) and "{{" not in target and "{%" not in target


def bracketed(body: str) -> tuple[str, list[str]]:
    """(``body`` with each link or image whose address holds spaces, which CommonMark reads as text (Typora shows
    ``![x](bilder/Melisse im Glas.png)`` as an image), written with the address in ``<…>``, notes naming each): an
    import never writes Markdown the page shows as text. One CommonMark reads as a link (a title after its address)
    and code are left alone; a body markdown-it refuses is returned as it is."""
    from .segment import commonmark_parser

    notes: list[str] = []

    def fix(match: re.Match) -> str:
        target = match[3].strip()
        if not _spaced(target) or any(
                child.type in ("image", "link_open") for token in commonmark_parser().parseInline(match[0])
                for child in token.children or ()):
            return match[0]
        notes.append(f"{'image' if match[1] else 'link'} address with spaces written in <…>, as CommonMark reads "
                     f"it: {target}")
        return f"{match[1]}[{match[2]}](<{target}>)"

    return _in_prose(body, UNBRACKETED_RE, fix), notes


def _in_prose(body: str, pattern: re.Pattern, replace) -> str:
    """``body`` with ``pattern.sub(replace, …)`` on its prose lines outside code (``_prose_lines``,
    ``_outside_code``); a body markdown-it refuses is returned as it is."""
    try:
        prose, _ = _prose_lines(body)
    except VerlagError:
        return body
    lines = body.split("\n")
    for n in sorted(prose):
        lines[n] = _outside_code(lines[n], lambda text: pattern.sub(replace, text))
    return "\n".join(lines)


def link_wikilinks(body: str, slugs: dict[str, str]) -> tuple[str, list[str]]:
    """(``body`` with each ``[[Title]]``/``[[Title|text]]`` a link to the article's file, ``[text](slug.md)``,
    where ``slugs`` (title -> slug of the project's articles) has that title, else its text alone; notes
    naming each). An embed (``![[file]]``) stays: check names it. A body markdown-it refuses stays as it is."""
    notes: list[str] = []

    def link(match: re.Match) -> str:
        if match[1] or PLACEHOLDER_RE.fullmatch(match[0]):
            return match[0]
        target, text = match[2].strip(), (match[4] or match[2]).strip()
        slug = next((s for t, s in slugs.items() if _same(t, target)), None)
        notes.append(f"wikilink {match[0]} " + (f"written as a link to {slug}.md" if slug else
                                                "written as its text (no article has that title)"))
        return f"[{text}]({slug}.md)" if slug else text

    return _in_prose(body, WIKILINK_RE, link), notes

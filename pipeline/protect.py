"""Markup protection: what leaves for a translation service is prose plus numbered tags.

Services translate prose; they do not know Markdown. Before a text leaves,
every piece of inline markup (``markup.scan``: emphasis delimiters, link
brackets with their destinations, code spans, HTML, entities, URLs,
placeholders) and every hard line break becomes a tag the services are
known to keep: a pair ``<gN>…</gN>`` around what markup encloses (emphasis,
link text, inline HTML elements), so the words inside can move as a unit,
and ``<xN/>`` for everything else. After the answer comes back the tags are
put back by number, wherever the service moved them.

A result is accepted only when every tag came back exactly once (pairs in
order) and the Markdown parses to the same markup as the German; the only
repairs are the ones that cannot change meaning: tags written with odd
spacing or case (``< X3 / >``) and spaces a service put just inside a pair
whose German had none (``** fett **`` does not parse as emphasis).
Everything else is reported, so the reviewer sees a warning instead of
silently broken markup: a tag that names no piece, and text left in the answer's
prose that looks like a tag (``<x2``, ``x2/>``, ``&lt;x2/&gt;``, ``＜x2/＞``) and
is not in the German's.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .invisible import without_hints
from .markup import analyse, scan

# a placeholder as a service may return it; its number of at most 9 digits (``mask`` makes no more, and a service
# answering one of thousands, which Python's int does not convert, sends text)
TAG = re.compile(r"<\s*(/?)\s*([gx])\s*(\d{1,9})\s*(/?)\s*>", re.I)
# what is left of a tag a service broke or escaped: its start with a number, or a number with its end (looked for in
# the prose between the tags restored, NFKC-folded and its character references decoded)
_LEFTOVER = re.compile(r"<\s*/?\s*[gx]\s*\d{1,9}\s*/?\s*>?|[gx]\s*\d{1,9}\s*/?\s*>", re.I)
_HTML_OPEN = re.compile(r"^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>$")
_HTML_CLOSE = re.compile(r"^</([A-Za-z][A-Za-z0-9-]*)\s*>$")
_BREAK = re.compile(r"(?:\\|[ \t]*)\n")
_DELIMITERS = frozenset("*_~")


@dataclass(frozen=True)
class Piece:
    """The markup behind tag number N: ``close`` is set for a pair."""

    open: str
    close: str | None = None
    inner_space: tuple[bool, bool] = (False, False)  # the German had space just inside the pair


@dataclass(frozen=True)
class Masked:
    text: str  # what the service sees
    pieces: dict[int, Piece]
    next_id: int  # first free tag number (units of several sentences number on)


def mask(text: str, labels: frozenset[str] = frozenset(), xml: bool = False, first: int = 1) -> Masked:
    """Replace markup and hard breaks by numbered tags; ``xml`` escapes the prose for XML-aware services. The
    prose goes without its invisible line-break hints (``invisible.HINTS``: "Kopf\\u00adschmerzen" from a web
    page), so a service sees the word, and the MT cache holds one answer for the text with or without them.

    A shortcut or collapsed reference link (``[Leber]``, ``[Leber][]``: its text is its label) goes out as a pair
    around its text and comes back as a full reference with the German label, ``[liver][Leber]`` (CommonMark 6.3),
    so the service translates the link's words and the link still finds its definition; a label holding markup
    stays one tag, as it is."""
    items: list[tuple[bool, str]] = []
    for is_markup, piece in _with_full_references(scan(text, labels), text, labels):
        if is_markup:
            items.append((True, piece))
            continue
        pos = 0
        for m in _BREAK.finditer(piece):
            items.append((False, piece[pos:m.start()]))
            items.append((True, m.group()))
            pos = m.end()
        items.append((False, piece[pos:]))
    pairs = _pairs(items)
    closes = {c: o for o, c in pairs.items()}
    pieces: dict[int, Piece] = {}
    ids: dict[int, int] = {}
    out: list[str] = []
    number = first
    for i, (is_markup, piece) in enumerate(items):
        if not is_markup:
            piece = without_hints(piece)
            out.append(html.escape(piece, quote=False) if xml else piece)
        elif i in pairs:
            inner = "".join(p for _, p in items[i + 1:pairs[i]])
            pieces[number] = Piece(piece, items[pairs[i]][1], (inner[:1].isspace(), inner[-1:].isspace()))
            ids[i] = number
            out.append(f"<g{number}>")
            number += 1
        elif i in closes:
            out.append(f"</g{ids[closes[i]]}>")
        else:
            pieces[number] = Piece(piece)
            out.append(f"<x{number}/>")
            number += 1
    return Masked("".join(out), pieces, number)


def _with_full_references(pieces: list[tuple[bool, str]], text: str, labels: frozenset[str]):
    """``scan``'s pieces with each shortcut or collapsed reference of plain words split into ``[`` (``![``), its
    words as prose and ``][words]``, the full reference's close that ``_pairs`` pairs with the opener."""
    shortcuts = analyse(text, labels).shortcuts if labels and "[" in text else ()
    if not shortcuts:
        yield from pieces
        return
    pos = 0
    for is_markup, piece in pieces:
        start, pos = pos, pos + len(piece)
        inside = [(a, b) for a, b in shortcuts if start <= a and b <= pos] if is_markup else ()
        at = start
        for a, b in inside:
            link = text[a:b]
            opener = "![" if link.startswith("!") else "["
            words = link[len(opener):].removesuffix("[]")[:-1]
            if not words.strip() or any(m for m, _ in scan(words)) or "[" in words or "]" in words:
                continue  # markup or brackets in the label: the link stays as it is, one tag
            if a > at:
                yield True, text[at:a]
            yield True, opener
            yield False, words
            yield True, f"][{words}]"
            at = b
        if at < pos:
            yield is_markup, text[at:pos]


def _full_references(text: str, labels: frozenset[str]) -> str:
    """``text`` with its shortcut and collapsed references of plain words written as full ones."""
    return "".join(p for _, p in _with_full_references(scan(text, labels), text, labels)) \
        if labels and "[" in text else text


def _pairs(items: list[tuple[bool, str]]) -> dict[int, int]:
    """Markup that encloses prose: link text, emphasis, inline HTML elements (properly nested only)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, (is_markup, piece) in enumerate(items):
        if not is_markup:
            continue
        top = items[stack[-1]][1] if stack else None
        if piece in ("[", "!["):
            stack.append(i)
        elif piece.startswith("]") and top in ("[", "!["):
            pairs[stack.pop()] = i
        elif set(piece) <= _DELIMITERS:
            if top == piece:
                pairs[stack.pop()] = i
            else:
                stack.append(i)
        elif (close := _HTML_CLOSE.match(piece)) and top and (opener := _HTML_OPEN.match(top)) \
                and opener.group(1).lower() == close.group(1).lower():
            pairs[stack.pop()] = i
        elif _HTML_OPEN.match(piece) and not piece.endswith("/>"):
            stack.append(i)
    return pairs


def restore(answer: str, masked: Masked, xml: bool = False) -> tuple[str, list[str]]:
    """Put the markup back into a service's answer; returns (text, problems) — no problems means proven. A tag that
    names no piece is dropped and named; what looks like a broken or escaped tag in the answer's prose, more often
    than in the German's, is named (``_LEFTOVER``), so neither reaches a catalog unremarked."""
    problems: list[str] = []
    answer = _tighten_pairs(answer, masked.pieces)
    seen: Counter = Counter()
    order: dict[tuple[int, str], int] = {}
    out: list[str] = []
    pos = 0
    for m in TAG.finditer(answer):
        prose = answer[pos:m.start()]
        out.append(html.unescape(prose) if xml else prose)
        pos = m.end()
        closing, kind, number = bool(m.group(1)), m.group(2).lower(), int(m.group(3))
        piece = masked.pieces.get(number)
        role = "close" if closing else "open"
        if piece is None or (kind == "x") != (piece.close is None) or (closing and piece.close is None):
            problems.append(f"unknown tag {m.group()!r} dropped")
            continue
        seen[(number, role)] += 1
        order[(number, role)] = len(out)
        out.append(piece.close if closing else piece.open)
    tail = answer[pos:]
    out.append(html.unescape(tail) if xml else tail)
    prose = TAG.sub(" ", answer)
    left = _leftovers(prose) - _leftovers(TAG.sub(" ", masked.text))
    problems += [f"placeholder {text!r} left in the text" for text in left]
    for number, piece in masked.pieces.items():
        for role, text in (("open", piece.open), ("close", piece.close)):
            if text is None:
                continue
            count = seen[(number, role)]
            if count == 0:
                problems.append(f"lost {_show(text)}")
            elif count > 1:
                problems.append(f"repeated {_show(text)}")
        if piece.close is not None and seen[(number, "open")] == seen[(number, "close")] == 1 \
                and order[(number, "close")] < order[(number, "open")]:
            problems.append(f"{_show(piece.open)}…{_show(piece.close)} out of order")
    return "".join(out), problems


def _leftovers(prose: str) -> Counter:
    """The pieces of ``prose`` that look like a broken or escaped tag (``_LEFTOVER``)."""
    if prose.isascii() and not any(c in prose for c in "<>&"):
        return Counter()
    return Counter(m.group() for m in _LEFTOVER.finditer(unicodedata.normalize("NFKC", html.unescape(prose))))


def _tighten_pairs(answer: str, pieces: dict[int, Piece]) -> str:
    """Drop spaces a service put just inside a pair whose German had none there."""

    def inner_open(m: re.Match) -> str:
        piece = pieces.get(int(m.group(1)))
        return m.group(0) if piece is None or piece.inner_space[0] else m.group(0).rstrip()

    def inner_close(m: re.Match) -> str:
        piece = pieces.get(int(m.group(1)))
        return m.group(0) if piece is None or piece.inner_space[1] else m.group(0).lstrip()

    answer = re.sub(r"<\s*g\s*(\d{1,9})\s*>[ \t]+", inner_open, answer, flags=re.I)  # as TAG's numbers
    return re.sub(r"[ \t]+<\s*/\s*g\s*(\d{1,9})\s*>", inner_close, answer, flags=re.I)


def markup_difference(source: str, result: str, labels: frozenset[str] = frozenset()) -> list[str]:
    """Whether ``result`` has the same Markdown markup as ``source`` (empty list: it has).

    Compared as a multiset of markup characters, because adjacent pieces
    merge differently when words move (``**[`` vs ``[**``); a shortcut reference and the full one ``mask`` makes
    of it (``[Leber]``, ``[liver][Leber]``) are the same link.
    """
    source, result = _full_references(source, labels), _full_references(result, labels)
    if _markup(source, labels) == _markup(result, labels):
        return []
    pieces = [p for m, p in scan(source, labels) if m] + _BREAK.findall(source)
    lost = [f"lost {_show(p)}" for p in dict.fromkeys(pieces) if result.count(p) < source.count(p)]
    return lost or ["markup changed"]


def _markup(text: str, labels: frozenset[str]) -> Counter:
    counts = Counter("".join(p for m, p in scan(text, labels) if m))
    counts.update("\n" * len(_BREAK.findall(text)))
    return counts


def _show(text: str) -> str:
    text = text.replace("\n", "⏎")
    return f"“{text if len(text) <= 30 else text[:27] + '…'}”"

"""Inline Markdown, told apart from the prose around it.

Two users share one scan. The sentence splitter must never cut inside markup
(``analyse``: atomic units and protected regions); engines and checks must
change prose only and keep every piece of markup (``scan``: markup and prose
pieces whose concatenation is the text again). Markup here: backslash
escapes, code spans, autolinks, inline HTML, entities, bare URLs and e-mail
addresses, link and image brackets with their destinations (a link title is
prose), footnote references, emphasis delimiters that really pair under
CommonMark's flanking rules, and placeholders such as ``{name}`` or ``%s``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from markdown_it.common.utils import normalizeReference

from . import LazyPattern

__all__ = ["ACADEMIC_DEGREES", "EMPTY_COUNTER", "Markup", "NO_PROSE", "Parts", "TITLE", "analyse", "code_spans",
           "parts", "scan", "title_span", "without_code_spans"]

Span = tuple[int, int]

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_INLINE_HTML = frozenset(
    """
    a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp
    small span strong sub sup time u var
    """.split()
)

# --------------------------------------------------------------------------
# Markup patterns (CommonMark 0.31, slightly simplified)
# --------------------------------------------------------------------------

_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_HTML_TAG = re.compile(
    r"<(?P<open>[A-Za-z][A-Za-z0-9-]*)"
    r"(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*(?P<selfclose>/?)>"
    r"|</(?P<close>[A-Za-z][A-Za-z0-9-]*)\s*>"
    r"|<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>",
    re.DOTALL,
)
_WEB_ADDRESS = r"(?<![\w@])(?:[A-Za-z][A-Za-z0-9+.-]{1,20}://|www\.|https?:)[^\s<>`\[\]]*"
_BARE_URL = re.compile(_WEB_ADDRESS + r"|(?<![\w.+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# ``_BARE_URL`` for a text without "@", where its e-mail alternative cannot match: the same matches in half the
# time (that alternative ran over every word up to its end, looking for the "@")
_WEB_URL = re.compile(_WEB_ADDRESS)
_BARE_URL_HINT = re.compile(r"://|www\.|https?:|@")  # in every ``_BARE_URL`` match: a text without one has none
# What ``analyse`` can find besides code spans: a text without any of it holds code spans or no markup at all
# (a character class first, which the regex engine skips to: ``[\\<*_~\[\]&{%@]|://|www\.|https?:`` tried its
# four alternatives at every character)
_BEYOND_CODE = re.compile(r"[\\<*_~\[\]&{%@:wh](?:(?<=[\\<*_~\[\]&{%@])|(?<=:)//|(?<=w)ww\.|(?<=h)ttps?:)")
_MAX_LINK_TAIL = 2000
MAX_LABEL = 999  # the longest link label, in characters between the brackets (CommonMark 0.31 section 6.3)
_URL_TRAILING = frozenset(".,:;!?\"'*_~)]")
_BACKTICK_RUN = re.compile(r"`+")
_PAREN_STOP = re.compile(r"[\\()]")
# The only characters at which ``analyse`` acts (besides the start of a bare URL); the scan jumps between them.
_STOP = re.compile(r"[\\`<*_~\[\]]")
_ENTITY_OR_PLACEHOLDER = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\{\{[^{}]*\}\}|\{[A-Za-z_][A-Za-z0-9_]*\}|%(?:\([A-Za-z_]+\))?[sdif]"
)
# ``(destination "title")`` as CommonMark accepts it; anything else after ``]`` is no inline link.
_INLINE_TAIL = re.compile(r"""\(\s*(?:<(?:\\.|[^<>\\\n])*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)"""
                          r"""(?:\s+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?\s*\)""")
# A link title in any of its three quotings; the text inside is group 1, 2 or 3 (see ``title_span``).
TITLE = r"""(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|\(((?:\\.|[^()\\])*)\))"""
_LINK_TITLE = re.compile(rf"\s+{TITLE}\s*\)$")


class Markup(NamedTuple):
    """What ``analyse`` found; a named tuple, made for every text the sentence splitter and the checks read."""

    atomic: list[Span]  # units nothing may enter: code spans, autolinks, HTML tags, URLs, link tails
    protected: list[Span]  # regions no sentence boundary may cut: links, paired HTML, emphasis
    marks: list[Span]  # every piece of markup a translation has to keep
    shortcuts: list[Span]  # ``[label]`` / ``[label][]`` links, whose text is their label


def analyse(text: str, labels: frozenset[str] = frozenset()) -> Markup:
    """One left-to-right scan in the spirit of CommonMark.

    ``labels`` are the document's link reference definitions (normalised):
    in a shortcut ``[label]`` or collapsed ``[label][]`` reference the link
    text *is* the label, so all of it is markup that a translation keeps.

    Backslash escapes, code spans (matching backtick run lengths), autolinks,
    raw HTML and bare URLs are atomic; links and images with their
    destinations, footnote and reference brackets, paired inline HTML
    elements and emphasis runs (flanking rules) are protected as a whole.
    """
    if not _BEYOND_CODE.search(text):  # a third of the texts the QA gate reads: only code spans, found apart
        spans = code_spans(text)
        return Markup(spans, list(spans), list(spans), [])
    return _analyse(text, labels)


def _analyse(text: str, labels: frozenset[str]) -> Markup:
    """``analyse``'s scan of a text, whatever its markup."""
    n = len(text)
    atomic: list[Span] = []
    protected: list[Span] = []
    # each scan below runs only on a text holding a character its matches need (most texts have none)
    marks: list[Span] = [m.span() for m in _ENTITY_OR_PLACEHOLDER.finditer(text)] \
        if "&" in text or "{" in text or "%" in text else []
    tails: set[Span] = set()
    shortcuts: list[Span] = []
    runs: list[list] = []
    brackets: list[int] = []
    html_open: dict[str, list[int]] = {}

    backtick_runs: dict[int, list[int]] = {}
    for m in _BACKTICK_RUN.finditer(text) if "`" in text else ():
        backtick_runs.setdefault(len(m.group()), []).append(m.start())
    urls = [m for m in map(_trim_url, (_BARE_URL if "@" in text else _WEB_URL).finditer(text)) if m] \
        if _BARE_URL_HINT.search(text) else []
    u = 0
    closers: dict[str, int] = {}
    stop_at = -1  # the first stop character after the last search's start: searched again only once passed

    i = 0
    while i < n:
        while u < len(urls) and urls[u][0] < i:
            u += 1
        if u < len(urls) and urls[u][0] == i:
            atomic.append(urls[u])
            i = urls[u][1]
            continue
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ASCII_PUNCT:
            marks.append((i, i + 2))
            i += 2
            continue
        if ch == "`":
            j = i
            while j < n and text[j] == "`":
                j += 1
            closing = _next_run(backtick_runs.get(j - i, []), j)
            if closing is not None:
                atomic.append((i, closing + j - i))
                i = closing + j - i
            else:
                i = j
            continue
        if ch == "<":
            m = _AUTOLINK.match(text, i) or (None if _unclosed(text, i, closers) else _HTML_TAG.match(text, i))
            if m:
                atomic.append(m.span())
                _pair_html(m, html_open, protected)
                i = m.end()
                continue
        if ch in "*_~":
            j = i
            while j < n and text[j] == ch:
                j += 1
            runs.append(_delimiter_run(text, ch, i, j))
            i = j
            continue
        if ch == "[":
            brackets.append(i - 1 if i and text[i - 1] == "!" else i)
        elif ch == "]" and brackets:
            opener = brackets.pop()
            after = _link_tail(text, i + 1)
            written = text[text.index("[", opener) + 1:i]
            # only a document with definitions has labels; a label is at most 999 characters (CommonMark 6.3):
            # normalising every bracket's text made nested brackets quadratic ("[![" * 20,000: 25 s)
            label = normalizeReference(written) if labels and len(written) <= MAX_LABEL else None
            if after > i + 1 and not (text.startswith("[]", i + 1) and label in labels):
                atomic.append((i + 1, after))
                tails.add((i + 1, after))
                marks.append((opener, text.index("[", opener) + 1))
                marks.extend(_tail_marks(text, i, after))
            elif text.startswith("[^", opener):
                marks.append((opener, i + 1))
            elif label in labels:
                shortcuts.append((opener, max(after, i + 1)))
                marks.append(shortcuts[-1])
            protected.append((opener, after))
            i = after
            continue
        if stop_at <= i:  # searching on from each of many URLs with no stop after them was quadratic
            stop = _STOP.search(text, i + 1)
            stop_at = stop.start() if stop else n
        i = min(stop_at, urls[u][0] if u < len(urls) else n)

    emphasis, delimiters = _emphasis(runs)
    marks.extend(span for span in atomic if span not in tails)
    marks.extend(delimiters)
    protected.extend(atomic)
    protected.extend(emphasis)
    return Markup(atomic, _merge(protected), _merge(marks), shortcuts)


def scan(text: str, labels: frozenset[str] = frozenset()) -> list[tuple[bool, str]]:
    """Split ``text`` into (is_markup, piece); prose may be translated freely, markup must survive."""
    pieces: list[tuple[bool, str]] = []
    pos = 0
    for a, b in analyse(text, labels).marks:
        if a > pos:
            pieces.append((False, text[pos:a]))
        if pieces and pieces[-1][0] and a == pos:
            pieces[-1] = (True, pieces[-1][1] + text[a:b])
        else:
            pieces.append((True, text[a:b]))
        pos = b
    if pos < len(text):
        pieces.append((False, text[pos:]))
    return pieces


def _tail_marks(text: str, close: int, after: int) -> list[Span]:
    """``](destination`` of a link is markup; a title inside it is prose for the reviewer."""
    title = _LINK_TITLE.search(text[:after], close + 2) if text[close + 1] == "(" else None
    if not title:
        return [(close, after)]
    start, end = title_span(title)
    return [(close, start), (end, after)]


def title_span(match: re.Match) -> Span:
    """Where the text of a title matched with ``TITLE`` lies, whichever quoting it used."""
    group = next(g for g in (1, 2, 3) if match.group(g) is not None)
    return match.span(group)


def _trim_url(m: re.Match) -> Span | None:
    a, b = m.span()
    url = m.group()
    while url and url[-1] in _URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
        b -= 1
    return (a, b) if b - a > 4 else None


def code_spans(text: str) -> list[Span]:
    """(start, end) of each code span of ``text`` (a segment, str), backticks included, in order: a backtick run
    up to the next run of the same length (CommonMark 0.31 section 6.1; a run without one is literal). In
    O(n log n): the lazy regex ``(`+).*?\\1`` this replaces took cubic time on a long run of backticks (8,000 in
    6 s; a 100 KB msgstr of them in hours)."""
    if "`" not in text:
        return []
    runs = [(m.start(), m.end()) for m in _BACKTICK_RUN.finditer(text)]
    starts: dict[int, list[int]] = {}
    for start, end in runs:
        starts.setdefault(end - start, []).append(start)
    spans: list[Span] = []
    done = 0
    for start, end in runs:
        closing = _next_run(starts[end - start], end) if start >= done else None
        if closing is not None:
            done = closing + end - start
            spans.append((start, done))
    return spans


def without_code_spans(text: str, by: str) -> str:
    """``text`` with each of its ``code_spans`` replaced by ``by``."""
    pieces, last = [], 0
    for start, end in code_spans(text):
        pieces += [text[last:start], by]
        last = end
    return "".join(pieces) + text[last:]


# The HTML constructs of ``_HTML_TAG`` that run to a closing string (comment, processing instruction, CDATA).
_CLOSED_BY = (("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"))


def _unclosed(text: str, i: int, last: dict[str, int]) -> bool:
    """Whether ``text`` at ``i`` opens a comment, processing instruction or CDATA section whose closing string
    comes nowhere after it: then it is no HTML, and ``_HTML_TAG``'s ``.*?`` would look through the rest of the
    text for it, at every such opening (quadratic in "<!--<!--…"). ``last``: where each closing string last
    occurs, found once per text."""
    for opening, closing in _CLOSED_BY:
        if text.startswith(opening, i):
            if closing not in last:
                last[closing] = text.rfind(closing)
            return last[closing] < i + len(opening)
    return False


def _next_run(starts: list[int], after: int) -> int | None:
    k = bisect.bisect_left(starts, after)
    return starts[k] if k < len(starts) else None


def _pair_html(m: re.Match, html_open: dict[str, list[int]], protected: list[Span]) -> None:
    if m.re is not _HTML_TAG:
        return
    name = m.group("open")
    if name and not m.group("selfclose") and name.lower() in _INLINE_HTML:
        html_open.setdefault(name.lower(), []).append(m.start())
        return
    name = m.group("close")
    if name and html_open.get(name.lower()):
        protected.append((html_open[name.lower()].pop(), m.end()))


def _link_tail(text: str, i: int) -> int:
    """End of a link's ``(destination "title")`` or ``[label]`` after ``]``.

    The look-ahead is capped (CommonMark caps labels at 999 characters) so
    that unclosed brackets cannot make the scan quadratic.
    """
    n = min(len(text), i + _MAX_LINK_TAIL)
    if i >= n or text[i] not in "([":
        return i
    if text[i] == "[":
        j = i + 1
        while j < n and text[j] not in "[]":
            j += 2 if text[j] == "\\" else 1
        return j + 1 if j < n and text[j] == "]" else i  # a label holds no unescaped bracket
    depth = 0
    j = i
    while stop := _PAREN_STOP.search(text, j, n):  # from one backslash or parenthesis to the next
        j = stop.start()
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == "(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return j + 1 if _INLINE_TAIL.fullmatch(text, i, j + 1) else i
        j += 1
    return i


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _delimiter_run(text: str, ch: str, a: int, b: int) -> list:
    prev = text[a - 1] if a > 0 else " "
    nxt = text[b] if b < len(text) else " "
    prev_ws, nxt_ws = prev.isspace(), nxt.isspace()
    prev_p, nxt_p = _is_punct(prev), _is_punct(nxt)
    left = not nxt_ws and (not nxt_p or prev_ws or prev_p)
    right = not prev_ws and (not prev_p or nxt_ws or nxt_p)
    if ch == "_":
        can_open = left and (not right or prev_p)
        can_close = right and (not left or nxt_p)
    else:
        can_open, can_close = left, right
    return [ch, a, b, b - a, can_open, can_close]


def _emphasis(runs: list[list]) -> tuple[list[Span], list[Span]]:
    """Match delimiter runs like CommonMark's process_emphasis: (emphasised regions, delimiters used).

    ``bottom`` remembers, per kind of closer, how far down the stack a
    search already failed, which keeps the matching linear.
    """
    regions: list[Span] = []
    used: list[Span] = []
    stack: list[list] = []
    bottom: dict[tuple, int] = {}
    for run in runs:
        ch, a, b, _, can_open, can_close = run
        key = (ch, can_open, (b - a) % 3)
        while can_close and run[3] > 0:
            k = len(stack) - 1
            floor = bottom.get(key, 0)
            while k >= floor and not _can_pair(stack[k], run):
                k -= 1
            if k < floor:
                bottom[key] = len(stack)
                break
            opener = stack[k]
            use = 2 if opener[3] >= 2 and run[3] >= 2 else 1
            inner = opener[1] + opener[3]  # delimiters are used from the inside out
            used.append((inner - use, inner))
            start = b - run[3]
            used.append((start, start + use))
            opener[3] -= use
            run[3] -= use
            regions.append((opener[1], b))
            del stack[k + 1 :]
            if opener[3] == 0:
                stack.pop()
            for other in bottom:
                bottom[other] = min(bottom[other], len(stack))
        if run[3] > 0 and can_open:
            stack.append(run)
    return regions, used


def _can_pair(opener: list, closer: list) -> bool:
    if opener[0] != closer[0] or opener[3] == 0:
        return False
    both = closer[4] or opener[5]
    lo, lc = opener[2] - opener[1], closer[2] - closer[1]
    return not (both and (lo + lc) % 3 == 0 and not (lo % 3 == 0 and lc % 3 == 0))


def _merge(regions: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for a, b in sorted(regions):
        if merged and a < merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# --------------------------------------------------------------------------
# A text's markup counted by kind, and its prose (``parts``)
# --------------------------------------------------------------------------

EMPTY_COUNTER: Counter = Counter()  # shared by every text without markup; a cached Parts is never changed
# The abbreviations of academic degrees after a title ("Dr. med.", "Dr. rer. nat.")
ACADEMIC_DEGREES = "med|dent|vet|rer|nat|phil|jur|habil|pharm|univ"
# In a text's prose (``parts``): an e-mail address, a URL or a domain name (praxis@praxis-sommer.example,
# www.example.org), or an academic degree's abbreviation in a name ("Dr. med. Anna Berger", "Dr. rer. nat."): lower
# case, no prose; read by the QA checks (``check.german_prose``) and the drafts' language test (``draftlang``)
NO_PROSE = LazyPattern(rf"\S+@\S+|(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+|\b(?:{ACADEMIC_DEGREES})\.")


class Parts(NamedTuple):
    """A text's inline markup as the checks compare it, and its prose (``parts``), which the alignment of an
    imported translation and the draft-language guard read too: it lives here, not with the checks, so they need
    not load the QA stage. A named tuple, not a frozen dataclass: one is made for every msgid and msgstr the QA gate
    reads, and a frozen dataclass sets each of its nine fields through ``object.__setattr__``."""

    prose: str  # the text with every piece of markup replaced by one space
    bare: str  # the text with every piece of markup removed (for spacing rules)
    kinds: Counter  # kind of inline markup -> count
    exact: Counter  # pieces that must survive verbatim: code spans, footnote refs, placeholders
    targets: Counter  # (link|image, destination)
    urls: Counter  # bare URLs, autolinks, e-mail addresses
    html: Counter  # raw HTML tags, normalised
    addresses: tuple[str, ...]  # every link destination, image source, URL and raw-HTML address
    tags: frozenset[str] = frozenset()  # the raw HTML pieces as written (the page keeps only the original's)


_AUTOLINK_PIECE = re.compile(r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>")
_HTML_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)|<!--")
_HTML_URL = re.compile(r"""\b(?:href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*"""
                       r"""("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


_MARKUP_CHARS = re.compile(r"[*_~`\[\]<>&{}%\\@]|www\.|://|https?:")  # no markup without one of these


@lru_cache(maxsize=4096)
def parts(text: str, labels: frozenset[str] = frozenset()) -> Parts:
    """The inline markup of ``text`` (``markup.analyse`` with the article's link ``labels``), counted by kind.

    Cached per (text, labels): each check asks for the same text's parts, and one catalog's
    texts are asked for by every check. The result is shared, so its counters are read-only
    (a kind of markup the text does not have is the one shared empty ``Counter``).
    """
    if not _MARKUP_CHARS.search(text):
        return Parts(text, text, EMPTY_COUNTER, EMPTY_COUNTER, EMPTY_COUNTER, EMPTY_COUNTER, EMPTY_COUNTER, ())
    marks = analyse(text, labels).marks
    kinds = exact = targets = urls = html = EMPTY_COUNTER
    tags: set[str] = set()
    prose: list[str] = []
    pos = 0
    openers: list[str] = []
    for a, b in marks:
        prose.append(text[pos:a])
        prose.append(" ")
        pos = b
        piece = text[a:b]
        first = piece[0]
        if first == "\\" and len(piece) == 2:
            continue
        if first == "`":
            kinds = kinds or Counter()
            exact = exact or Counter()
            kinds["code span"] += 1
            exact[piece] += 1
        elif piece.startswith("[^"):
            kinds = kinds or Counter()
            exact = exact or Counter()
            kinds["footnote reference"] += 1
            exact[piece] += 1
        elif piece in ("[", "!["):
            openers.append("image" if piece == "![" else "link")
        elif first == "[" or piece.startswith("!["):  # a link or image by its label alone: [label], [label][]
            kind = "image" if first == "!" else "link"
            kinds = kinds or Counter()
            targets = targets or Counter()
            kinds[kind] += 1
            targets[(kind, "[" + piece.strip("[]!").lower() + "]")] += 1
        elif first == "]":
            kind = openers.pop() if openers else "link"
            kinds = kinds or Counter()
            targets = targets or Counter()
            kinds[kind] += 1
            targets[(kind, _destination(piece))] += 1
        elif first == "<" and _AUTOLINK_PIECE.fullmatch(piece):
            urls = urls or Counter()
            urls[piece.strip("<>")] += 1
        elif first == "<":
            tags.add(piece)
            html = html or Counter()
            for m in _HTML_NAME.finditer(piece):
                html[f"<{m.group(1)}{m.group(2).lower()}>" if m.group(2) else "<!-- -->"] += 1
        elif first in "&{%":
            if first != "&":
                kinds = kinds or Counter()
                exact = exact or Counter()
                kinds["placeholder"] += 1
                exact[piece] += 1
        elif first in "*_~" and set(piece) <= _DELIMITERS:
            kinds = kinds or Counter()
            kinds["strikethrough" if first == "~" else "strong emphasis" if len(piece) == 2 else "emphasis"] += 1
        elif first in "\"')":
            continue  # the end of a link title
        else:
            urls = urls or Counter()
            urls[piece] += 1
    prose.append(text[pos:])
    for kind in ("emphasis", "strong emphasis", "strikethrough") if kinds else ():
        if kinds[kind]:
            kinds[kind] //= 2  # counted per delimiter, reported per pair
    addresses = [dest for _, dest in targets] + list(urls)
    if html:
        addresses += [m.group(1).strip("\"'") for m in _HTML_URL.finditer(text)]
    return Parts("".join(prose), "".join(prose[::2]), kinds, exact, targets, urls, html, tuple(addresses),
                 frozenset(tags))


_DELIMITERS = frozenset("*_~")


def _destination(tail: str) -> str:
    """``](dest "title`` -> dest; ``][label]`` -> [label]."""
    rest = tail[1:].strip()
    if rest.startswith("["):
        return "[" + rest.strip("[]").lower() + "]"
    rest = rest.lstrip("(").strip()
    if rest.startswith("<"):
        return rest[1:rest.find(">")] if ">" in rest else rest
    return _WHITESPACE.split(rest.removesuffix(")"), maxsplit=1)[0]


_WHITESPACE = re.compile(r"\s")

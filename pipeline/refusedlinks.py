"""The links and images of a German article whose address markdown-it refuses to link (its ``validateLink``:
``javascript:``, ``vbscript:``, ``file:``, ``data:`` other than a GIF, PNG, JPEG or WebP image): the page and its
search excerpt show their Markdown as text (``[Rezept ansehen](javascript:alert(3))``), without a word from the
parser. ``check`` (``refused-link``), ``extract`` and ``build`` name each at its line, however it is written: CommonMark
decodes character references and backslash escapes in a destination (``&#106;avascript:``, ``java&#x73;cript:``,
``javascript&colon;``), and markdown-it refuses what they spell."""

from __future__ import annotations

import re

from markdown_it.common.normalize_url import validateLink
from markdown_it.common.utils import unescapeAll

from .errors import VerlagError
from .segment import commonmark_parser

_SCHEME_RE = re.compile(r"(?:javascript|vbscript|file|data):", re.I)  # the line of an address not found as written
# Looked for first in the lowered text, by plain substring search: the pattern above with re.I over every article of
# an update took 1.3 G instructions of the parent (0.16 s of CPU at N = 500) to find none.
_SCHEMES = ("javascript:", "vbscript:", "file:", "data:")


def _plain(text: str) -> str:
    """``text`` lowered, its character references and backslash escapes decoded as CommonMark decodes a link
    destination's: where an address is found as markdown-it read it."""
    return unescapeAll(text).lower() if "&" in text or "\\" in text else text.lower()


# a colon as CommonMark reads one in a destination: itself, or a character reference to it
_COLON = re.compile(r":|&colon;|&#0*58;|&#[xX]0*3[aA];")
_SPELLED = 120  # characters before a colon that may spell a scheme: 10 letters as references of up to 10 characters


def _spelled(body: str) -> bool:
    """Whether ``body`` may spell a refused scheme with character references or backslash escapes: a colon with
    ``&`` or ``\\`` in the ``_SPELLED`` characters before it, whose text there, decoded, ends in a scheme. Each
    colon's window is decoded alone: decoding and lowering the whole text of every article cost 2 % of a cold
    extract's instructions, nearly always to find none."""
    for match in _COLON.finditer(body):
        window = body[max(0, match.start() - _SPELLED):match.end()]
        if ("&" in window or "\\" in window) and _plain(window).endswith(_SCHEMES):
            return True
    return False


# What CommonMark decodes in a destination, one decoded character each: a character reference, a backslash escape
_ENCODED_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\\[!-/:-@\[-`{-~]|.",
                         re.S)


def _as_written(line: str, address: str) -> str:
    """The text of ``line`` (as the file holds it) that CommonMark decodes to ``address`` (``&#106;avascript:``
    for ``javascript:``, so the author finds it); ``address`` itself where it is written so or not found."""
    decoded, starts = [], []  # each decoded character, and where its text starts in ``line``
    for match in _ENCODED_RE.finditer(line):
        piece = _plain(match.group())
        decoded.append(piece)
        starts += [match.start()] * len(piece)
    at = "".join(decoded).find(address.lower())
    if at < 0:
        return address
    ends = starts[at + len(address):]
    return line[starts[at]:ends[0] if ends else len(line)]


def refused_links(body: str, body_line: int) -> list[tuple[int, str]]:
    """(line of the file, message) for each address of ``body`` (an article's text, its first line the file's
    ``body_line``) that markdown-it refused as a link's or image's destination, in the order written. A body
    nested too deep to parse has none here: segmenting it says so."""
    lowered = body.lower()
    if not any(scheme in lowered for scheme in _SCHEMES) and not (("&" in body or "\\" in body) and _spelled(body)):
        return []
    refused: list[str] = []
    md = commonmark_parser()
    md.validateLink = lambda url: validateLink(url) or bool(refused.append(url))
    try:
        md.parse(body, {})
    except VerlagError:
        return []
    written = body.split("\n")
    lines, found, after = [_plain(line) for line in written], {}, {}
    for url in refused:  # the same address again: its next line (an image's is tried as a link too: no line more)
        start = url.lower().split("\n")[0]  # a decoded &#10; ends the line it is found on
        at = next((n for n in range(after.get(url, 0), len(lines)) if start in lines[n]), None)
        if at is None and url in after:
            continue
        at = next((n for n, line in enumerate(lines) if _SCHEME_RE.search(line)), 0) if at is None else at
        after[url] = at + 1
        found.setdefault((body_line + at, url, _as_written(written[at], start)), None)
    return [(line, f"the page shows this link as text, not as a link: its address {shown}"
                   + (f" ({url} once decoded)" if shown.lower() != url.lower() else "")
                   + " runs code or reads the reader's files, which markdown-it does not link (javascript:, "
                   "vbscript:, file:, data: other than an image): remove the link, keep its text")
            for line, url, shown in sorted(found)]

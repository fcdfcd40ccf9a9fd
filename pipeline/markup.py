"""Tell inline Markdown apart from the prose around it.

Engines must change prose only: code spans, link destinations, URLs, HTML,
entities, escapes, emphasis delimiters and placeholders pass through
untouched. ``scan`` cuts a msgid into ``(is_markup, text)`` pieces whose
concatenation is the msgid again.
"""

from __future__ import annotations

import re

_PATTERNS = [
    r"\\[!-/:-@\[-`{-~]",  # backslash escape
    r"(?P<ticks>`+)[\s\S]*?(?<!`)(?P=ticks)(?!`)",  # code span
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>",  # autolink
    r"<!--[\s\S]*?-->|</[A-Za-z][A-Za-z0-9-]*\s*>"  # inline HTML: comment, closing tag
    r"|<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>",
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",  # entity
    r"\[\^[^\]\s]+\]",  # footnote reference
    r"!?\[",  # link / image opener
    r"\]\((?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?=\s*(?:\"|'|\(|\)))",  # link closer + destination
    r"\]\[[^\]]*\]",  # reference link closer
    r"\]",
    r"(?<=\S)\s+\"(?=[^\"]*\"\))|(?<=\S)\s+'(?=[^']*'\))",  # space and quote opening a link title
    r"[\"'](?=\))|\)",
    r"\*+|_+|~~",  # emphasis delimiters
    r"https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"']|www\.[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"']",  # bare URL
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # e-mail
    r"\{\{[^{}]*\}\}|\{[A-Za-z_][A-Za-z0-9_]*\}|%(?:\([A-Za-z_]+\))?[sdif]",  # placeholders
]
_TOKEN = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def scan(text: str) -> list[tuple[bool, str]]:
    """Split ``text`` into (is_markup, piece); prose pieces may be translated freely."""
    pieces: list[tuple[bool, str]] = []
    pos = 0
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token == "]" and not depth:
            continue  # a lone bracket is prose
        if token in ("[", "!["):
            depth += 1
        elif token.startswith("]"):
            depth = max(depth - 1, 0)
        elif token in (")", "\"", "'") and not _closes_link(text, match.start()):
            continue
        if match.start() > pos:
            pieces.append((False, text[pos:match.start()]))
        pieces.append((True, token))
        pos = match.end()
    if pos < len(text):
        pieces.append((False, text[pos:]))
    return _merge(pieces)


def _closes_link(text: str, at: int) -> bool:
    """A ')' or title quote is markup only when it belongs to an inline link's destination part."""
    opener = text.rfind("](", 0, at)
    return opener != -1 and ")" not in text[opener + 2:at].replace("\\)", "")


def _merge(pieces: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    merged: list[tuple[bool, str]] = []
    for kind, piece in pieces:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + piece)
        else:
            merged.append((kind, piece))
    return merged


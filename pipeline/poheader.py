"""One field of a PO catalog's header, read from its first bytes without parsing the catalog (nor loading polib):
what the build asks of every template on a cold run (``renames.chain_of``, ``textchanged``), where a parse would
cost more than the answer. The header entry's msgstr is read with its string lines joined, as gettext reads it,
so a field GNU's 79-column layout wrapped over two lines (``pofile.field``) reads as one (GNU gettext manual,
"The Format of PO Files", "Filling in the Header Entry")."""

from __future__ import annotations

import re

from . import LazyPattern

# The header entry's msgstr: its string lines, however they are wrapped (GNU breaks a field longer than a line)
_HEADER_MSGSTR_RE = LazyPattern(rb'^msgid ""\r?\nmsgstr ""\r?\n((?:"[^\n]*"\r?\n?)*)', re.M)
_STRING_LINE_RE = LazyPattern(rb'^"(.*)"\r?$', re.M)


def header_value(head: bytes, name: str) -> str | None:
    """The value of the header field ``name`` in a catalog's first bytes ``head`` (UTF-8), read from the header
    entry's msgstr with its string lines joined, so a field GNU's layout wrapped over two lines (a value longer than
    the line, ``pofile.field``) reads as written; None when the header has no such field. Only the escapes a header value
    holds in practice (``\\n`` ending a field, ``\\"``, ``\\\\``) are undone (GNU gettext manual, "The Format of
    PO Files"), without parsing the catalog."""
    header = _HEADER_MSGSTR_RE.search(head)
    if header is None:
        return None
    text = b"".join(_STRING_LINE_RE.findall(header.group(1))).decode("utf-8", "replace")
    prefix = f"{name}:"
    for line in text.split("\\n"):
        if line.startswith(prefix):
            return line[len(prefix):].strip().replace('\\"', '"').replace("\\\\", "\\")
    return None

"""Which way a language's text runs, and the ``dir`` an element in another language needs on a page.

HTML's ``dir`` is inherited and ``lang`` says nothing about direction: a German sentence in an Arabic
page is laid out as right-to-left text, and its full stop lands before its first word (".Zecken sind
aktiv"; Unicode Bidirectional Algorithm, UAX #9). An element with ``dir`` is also a bidi isolate, so the
text around it keeps its own order (HTML, "The dir attribute"; CSS Writing Modes, ``unicode-bidi``).
"""

from __future__ import annotations

import re
from functools import lru_cache

# a raw-text element or comment (nothing in it is a tag; one left open runs to the end, as in HTML5, so that an
# unclosed one is matched once, not searched to the end from each of its kind), or one start tag carrying lang
_TAG_WITH_LANG = re.compile(r"<(script|style|title|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)"
                            r"|<[a-zA-Z][\w-]*(?=\s)[^<>]*?\slang=\"([^\"]*)\"[^<>]*>", re.S | re.I)
_HAS_DIR = re.compile(r"\sdir=", re.I)


@lru_cache(maxsize=None)
def text_direction(code: str) -> str | None:
    """``"rtl"`` or ``"ltr"`` for a BCP 47 tag, from CLDR's character order (Babel); None for a tag CLDR
    does not know (``x-klingon``, ``""``), whose direction nobody can tell."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def mark_directions(html: str, direction: str) -> str:
    """``html`` (a page or fragment whose text runs ``direction``) with ``dir`` added to each start tag whose
    ``lang`` runs the other way and that has no ``dir`` of its own; tags inside ``<script>``, ``<style>``,
    ``<title>``, ``<textarea>`` and comments are left alone, as are languages CLDR does not know."""
    def mark(match: re.Match) -> str:
        tag, code = match.group(0), match.group(2)
        if code is None or _HAS_DIR.search(tag):
            return tag
        other = text_direction(code)
        if other is None or other == direction:
            return tag
        return f'{tag[:-2]} dir="{other}"/>' if tag.endswith("/>") else f'{tag[:-1]} dir="{other}">'

    return _TAG_WITH_LANG.sub(mark, html) if "lang=" in html and _may_turn(html, direction) else html


def _may_turn(html: str, direction: str) -> bool:
    """Whether a ``lang="…"`` in ``html`` may name a language CLDR runs the other way than ``direction``; when
    none does, ``mark_directions`` would change no tag and its tag-by-tag scan (~0.3 ms a page, most of the
    cost on a site whose languages all run one way) is skipped. Looked for in the UTF-8 bytes lowered (ASCII
    only, so every place lines up with the text): every place ``_TAG_WITH_LANG`` could read a ``lang`` in any
    letter case, after any space (a non-ASCII character counts as one), comments and scripts included."""
    data = html.encode("utf-8", "surrogatepass")
    lowered = data.lower()
    at = lowered.find(b'lang="')
    while at != -1:
        start = at + 6
        end = data.find(b'"', start)
        if end == -1:  # no value ends here: no tag after this reads a lang either
            return False
        before = data[at - 1] if at else 0x21
        if (before >= 0x80 or chr(before).isspace()) and text_direction(
                data[start:end].decode("utf-8", "surrogatepass")) not in (None, direction):
            return True
        at = lowered.find(b'lang="', start)
    return False

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

    return _TAG_WITH_LANG.sub(mark, html) if "lang=" in html else html

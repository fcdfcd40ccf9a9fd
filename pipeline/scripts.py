"""Writing systems as the checks need them: which scripts write words without spaces between them, and how
long a text is in Latin letters' worth.

Chinese, Japanese and Thai run their words together (Korean writes its particles onto the noun), so a check
that looks for a word boundary finds none there: a glossary term or a unit name is a substring of the running
text. Their characters also carry more than a Latin letter does, so a correct translation has fewer of them.
"""

from __future__ import annotations

# Han ideographs (with extensions and compatibility forms), kana (with the prolonged sound mark and half-width
# katakana), Hangul, Thai, Lao, Khmer and Myanmar: a regex character class body
UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3005\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
            "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f"
            "\U00020000-\U0003134f")

# Latin letters one character of the script is worth, fitted (bench/length_weights.py) to the 65,617 messages
# that Debian's catalogs (/usr/share/locale/*/LC_MESSAGES) translate into German and into ja, zh_CN, zh_TW, ko or
# th, from 40 characters of German up: the ratio to the German then has about the median of fr, pl and en_GB
# (0.95), and correct translations below half the German's length fall from ja 55 %, zh 88 %, ko 55 %, th 4 %
# to 0.4 %, 0.6–0.8 %, 1.0 %, 0.6 % (fr 0.3 %, pl 0.9 %). Any other character counts 1.
WEIGHTS = ((0x4E00, 0x9FFF, 4.25), (0x3400, 0x4DBF, 4.25), (0xF900, 0xFAFF, 4.25), (0x20000, 0x3134F, 4.25),
           (0x3040, 0x30FF, 1.75), (0x31F0, 0x31FF, 1.75), (0xFF66, 0xFF9F, 1.75),
           (0xAC00, 0xD7AF, 2.75), (0x1100, 0x11FF, 2.75), (0x3130, 0x318F, 2.75),
           (0x0E00, 0x0E7F, 1.3))


def unspaced(ch: str) -> bool:
    """Whether the character ``ch`` belongs to a script written without spaces between words (``UNSPACED``)."""
    o = ord(ch)
    return (0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1100 <= o <= 0x11FF or 0x1780 <= o <= 0x17FF
            or o == 0x3005 or 0x3040 <= o <= 0x30FF or 0x3130 <= o <= 0x318F or 0x31F0 <= o <= 0x31FF
            or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xA960 <= o <= 0xA97F or 0xAC00 <= o <= 0xD7FF
            or 0xF900 <= o <= 0xFAFF or 0xFF66 <= o <= 0xFF9F or 0x20000 <= o <= 0x3134F)


def latin_length(text: str) -> float:
    """The length of ``text`` in Latin letters' worth: each character counts its script's weight (``WEIGHTS``),
    so a Japanese sentence compares with the German it translates as a French one does."""
    if not text or max(text) < "\u0e00":  # no character of a weighted script (most texts: C speed)
        return len(text)
    total = 0.0
    for ch in text:
        o = ord(ch)
        if o < 0x0E00:
            total += 1
            continue
        total += next((w for a, b, w in WEIGHTS if a <= o <= b), 1.0)
    return total

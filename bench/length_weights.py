#!/usr/bin/env python
"""How long correct translations into scripts without spaces are against their German: the data behind
``pipeline/scripts.py``'s ``WEIGHTS`` (the length check).

    python bench/length_weights.py [LOCALE_DIR]

Reads every gettext catalog (``*.mo``) that LOCALE_DIR (default ``/usr/share/locale``, Debian's) has for
German and for ja, zh_CN, zh_TW, ko, th and, to compare, fr, pl, en_GB; pairs the translations of one msgid,
from 40 characters of German up (placeholders and markup taken out), and prints per language the median
ratio of the translation's length to the German's and the share below 0.5 and above 2 (the length check's
range), counted in characters and in ``latin_length``. Then fits one weight per script (Han, kana, Hangul,
Thai) so that the weighted ratios of all five languages come closest (least squares of the logarithm) to the
median of fr, pl and en_GB.
"""

from __future__ import annotations

import math
import re
import statistics
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.scripts import latin_length  # noqa: E402

CJK = ("ja", "zh_CN", "zh_TW", "ko", "th")
LATIN = ("fr", "pl", "en_GB")
MARKUP = re.compile(r"%[-+ #0-9.*]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|&[a-z]+;|_(?=\w)|\\n|~")
SCRIPTS = (("han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))),
           ("kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))),
           ("hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))), ("thai", ((0x0E00, 0x0E7F),)))


def clean(text: str) -> str:
    return " ".join(MARKUP.sub(" ", text).split())


def catalogs(root: Path, lang: str) -> dict[tuple, str]:
    found = {}
    for path in sorted((root / lang / "LC_MESSAGES").glob("*.mo")):
        try:
            entries = polib.mofile(str(path))
        except (OSError, ValueError):
            continue
        for entry in entries:
            if entry.msgstr and not entry.msgid_plural:
                found[(path.name, entry.msgctxt, entry.msgid)] = clean(entry.msgstr)
    return found


def script(ch: str) -> str:
    o = ord(ch)
    return next((name for name, spans in SCRIPTS if any(a <= o <= b for a, b in spans)), "other")


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/locale")
    german = {k: clean(v) for k, v in catalogs(root, "de").items()}
    pairs = {}
    for lang in (*CJK, *LATIN):
        pairs[lang] = [(german[k], text) for k, text in catalogs(root, lang).items()
                       if k in german and len(german[k]) >= 40 and text and text != german[k]]
    print("lang     pairs  median   <0.5   >2.0   weighted: median   <0.5   >2.0")
    for lang, found in pairs.items():
        plain = [len(t) / len(g) for g, t in found]
        weighted = [latin_length(t) / len(g) for g, t in found]
        row = [f"{statistics.median(r):6.3f} {100 * sum(x < .5 for x in r) / len(r):5.1f}% "
               f"{100 * sum(x > 2 for x in r) / len(r):5.2f}%" for r in (plain, weighted)]
        print(f"{lang:6} {len(found):7}  {row[0]}             {row[1]}")
    target = statistics.median(len(t) / len(g) for lang in LATIN for g, t in pairs[lang])
    counts = []
    for lang in CJK:
        for g, t in pairs[lang]:
            by = {}
            for ch in t:
                by[script(ch)] = by.get(script(ch), 0) + 1
            counts.append((len(g), by))

    def loss(weights):
        return sum((math.log(sum(n * weights.get(s, 1) for s, n in by.items()) / g) - math.log(target)) ** 2
                   for g, by in counts)

    weights = {"han": 2.0, "kana": 1.5, "hangul": 1.5, "thai": 1.0}
    for _ in range(3):
        for name in weights:
            weights[name] = min((x / 20 for x in range(10, 100)), key=lambda w: loss({**weights, name: w}))
    print(f"target median {target:.3f}; fitted weights: {weights}")


if __name__ == "__main__":
    main()

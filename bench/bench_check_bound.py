#!/usr/bin/env python
"""False alarms and recall of the number-to-unit checks on real translations: the system's gettext catalogs.

    python bench/bench_check_bound.py [--langs en,fr,ja,...] [--locale-dir /usr/share/locale] [--show 5]

Pairs every German message of ``LOCALE_DIR/de/LC_MESSAGES/*.mo`` with the same message in another language's
catalog of that domain (for ``en``, the msgid itself), as ``bench_check_words.py`` does, and keeps the pairs in
which both texts bind a number to a unit (``check.bound_numbers``: "5 Sekunden", "30 days", "100 %"). On each:

moved         ``check_numbers``' "numbers moved to another unit" error: translations made and shipped by each
              program's translators, so each is a false alarm (or, rarely, a real mistake: printed to be read)
order         ``number-order`` warnings on the same pairs, as false alarms or clauses a language reorders
recall        planted errors: in every pair without a finding of ``numbers`` whose translation binds two different whole numbers, the two
              are swapped (the first occurrence of each); a swap across units must give the error, a swap within
              one unit at least the warning

With ``--source en`` the source is each message's English msgid, against its translation in each language.

Prints one line per language, then the totals and the CPU seconds.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import polib  # noqa: E402

from bench_check_words import load  # noqa: E402
from pipeline.check import Context, _bound_pairs, check_number_order, check_numbers  # noqa: E402

LANGS = "en,fr,uk,pl,ar,ru,es,it,pt,nl,tr,ro,fa,ja,zh_CN"


def findings(german: str, translation: str, ctx: Context) -> tuple[list[str], list[str]]:
    entry = polib.POEntry(msgid=german, msgstr=translation)
    moved = [m for m in check_numbers(entry, ctx) if m.startswith("numbers moved")]
    return moved, list(check_number_order(entry, ctx))


def plant(translation: str, target: list) -> tuple[str, bool] | None:
    """``translation`` with the first two different whole numbers it binds swapped (``_bound_pairs``), and whether
    they measure different kinds; None where it binds fewer."""
    written = [(p.shown.partition(" ")[0], p.kind) for p in target]
    first = next(((v, kind) for v, kind in written if v.isdigit()), None)
    second = next(((v, kind) for v, kind in written if v.isdigit() and first and v != first[0]), None)
    if second is None:
        return None
    a, b = first[0], second[0]
    spots = [re.search(rf"(?<!\d){v}(?!\d)", translation) for v in (a, b)]
    if None in spots:
        return None
    (sa, ea), (sb, eb) = sorted((m.span() for m in spots))
    text = translation[:sa] + translation[sb:eb] + translation[ea:sb] + translation[sa:ea] + translation[eb:]
    return text, first[1] != second[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--langs", default=LANGS)
    parser.add_argument("--locale-dir", type=Path, default=Path("/usr/share/locale"))
    parser.add_argument("--source", default="de", choices=("de", "en"),
                        help="en: the programs' English msgid against each language's msgstr, as the source")
    parser.add_argument("--show", type=int, default=5, help="findings and missed plants printed per language")
    args = parser.parse_args()
    start = time.process_time()
    german = load(args.locale_dir, "de") if args.source == "de" else {}
    german = {key: text for key, text in german.items() if re.search(r"\d", text)}
    totals = [0, 0, 0, 0, 0, 0]
    for lang in args.langs.split(","):
        code = lang.split("_")[0]
        if args.source == "en":
            pairs = [(key[2], text) for key, text in load(args.locale_dir, lang).items() if re.search(r"\d", key[2])]
        elif lang == "en":
            pairs = [(text, key[2]) for key, text in german.items()]
        else:
            other = load(args.locale_dir, lang)
            pairs = [(text, other[key]) for key, text in german.items() if key in other]
        ctx = Context(code, plain=True, source_lang=args.source)
        bound, ordered, moved, order, tried, missed = 0, 0, [], [], 0, []
        for source, translation in pairs:
            src, tgt = _bound_pairs(polib.POEntry(msgid=source, msgstr=translation), ctx)
            if not src:
                continue
            bound += 1
            if any(len([q for q in src if q.kind == p.kind]) > 1 for p in src):
                ordered += 1
            entry = polib.POEntry(msgid=source, msgstr=translation)
            other = [m for m in check_numbers(entry, ctx) if not m.startswith("numbers moved")]
            error, warning = findings(source, translation, ctx)
            moved += [(source, translation, m) for m in error]
            order += [(source, translation, m) for m in warning]
            if other or error or warning or (planted := plant(translation, tgt)) is None:
                continue
            tried += 1
            error, warning = findings(source, planted[0], ctx)
            if not (error if planted[1] else error or warning):
                missed.append((source, planted[0]))
        caught = tried - len(missed)
        print(f"{lang:6} {len(pairs):6} pairs with digits, {bound:5} binding a unit ({ordered} twice): {len(moved):3} moved "
              f"errors, "
              f"{len(order):3} order warnings; recall {caught}/{tried}" + (f" = {caught / tried:.1%}" if tried else ""))
        for kind, found in (("moved", moved), ("order", order)):
            for source, translation, message in found[:args.show]:
                print(f"    {kind:6} DE {source[:150]!r}\n           TR {translation[:150]!r}\n           -> {message}")
        for source, planted in missed[:args.show]:
            print(f"    missed DE {source[:150]!r}\n           TR {planted[:150]!r}")
        totals = [totals[0] + bound, totals[1] + len(moved), totals[2] + len(order), totals[3] + caught,
                  totals[4] + tried, totals[5] + ordered]
    bound, moved, order, caught, tried, ordered = totals
    print(f"total  {bound} pairs binding a unit ({ordered} twice): {moved} moved errors, {order} order warnings; recall {caught}/{tried}"
          + (f" = {caught / tried:.1%}" if tried else "") + f"  ({time.process_time() - start:.1f} s CPU)")


if __name__ == "__main__":
    main()

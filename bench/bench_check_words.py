#!/usr/bin/env python
"""False alarms and recall of the ``number-words`` check on real translations: the system's gettext catalogs.

    python bench/bench_check_words.py [--langs en,fr,uk,...] [--locale-dir /usr/share/locale] [--show 5]

Pairs every German message of ``LOCALE_DIR/de/LC_MESSAGES/*.mo`` with the same message (domain, msgctxt,
msgid) in another language's catalog of that domain (for ``en``, the msgid itself: the programs' English),
plural forms left out, and runs ``check.check_number_words`` on each pair as plain text.

false alarms  findings on these pairs: translations made and shipped by each program's translators, so each
              finding is a false alarm (or, rarely, a real mistake: they are printed to be read)
recall        planted errors: in every silent pair whose translation says a number in words that a German
              number word also says, that word is replaced by the shortest word of the next value the
              check reads in the language, 1 skipped ("two" -> "three", "zero" -> "two", "مرتين" -> "ثلاثة"), and the
              check must fire on the changed pair

Prints one line per language, then the totals and the CPU seconds. Needs the German catalogs (Debian's
``locales`` and the programs' own, as on a desktop install).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import polib  # noqa: E402

from pipeline.check import Context, check_number_words  # noqa: E402
from pipeline.numberwords import _SPELLED, _spelled_pattern, german_quantities, quantities  # noqa: E402

LANGS = "en,fr,uk,pl,ar,ru,es,it,pt,nl,tr,ro,fa,ja,zh_CN"


def load(locale_dir: Path, lang: str) -> dict[tuple[str, str | None, str], str]:
    """(domain, msgctxt, msgid) -> msgstr of every translated singular message of ``lang``'s catalogs."""
    messages = {}
    for path in sorted((locale_dir / lang / "LC_MESSAGES").glob("*.mo")):
        try:
            mo = polib.mofile(str(path))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        for entry in mo:
            if entry.msgstr and not entry.msgid_plural:
                messages[(path.name, entry.msgctxt, entry.msgid)] = entry.msgstr
    return messages


def next_words(lang: str) -> dict[str, str]:
    """Value -> a word ``lang`` spells the next value of ``_SPELLED`` but 1 with (the shortest, then first in
    alphabetical order: a word of the right value if not always of the right gender or case)."""
    _, values = _spelled_pattern(lang)
    by_value: dict[str, str] = {}
    for word, value in sorted(values.items(), key=lambda pair: (len(pair[0]), pair[0])):
        by_value.setdefault(value, word)
    steps = [str(n) for n in _SPELLED if n != 1]  # a 1 counts only beside a unit or rate: 0 becomes 2
    following = {value: by_value.get(steps[i + 1]) for i, value in enumerate(steps[:-1])}
    return {value: word for value, word in following.items() if word}


def plant(german: str, translation: str, lang: str, following: dict[str, str]) -> str | None:
    """``translation`` with its first number word that a German number word also says replaced by the word of the
    next value, or None where it has none."""
    said = {value for _, _, values in german_quantities(german, lang.split("_")[0]) for value in values}
    for word, value, _ in quantities(translation, lang):
        if value in said and value in following:
            pattern = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])")
            changed = pattern.sub(following[value], translation, count=1)
            if changed != translation:
                return changed
    return None


def fires(german: str, translation: str, ctx: Context) -> list[str]:
    return list(check_number_words(polib.POEntry(msgid=german, msgstr=translation), ctx))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--langs", default=LANGS)
    parser.add_argument("--locale-dir", type=Path, default=Path("/usr/share/locale"))
    parser.add_argument("--show", type=int, default=5, help="false alarms and missed plants printed per language")
    args = parser.parse_args()
    start = time.process_time()
    german = load(args.locale_dir, "de")
    totals = [0, 0, 0, 0]
    for lang in args.langs.split(","):
        code = lang.split("_")[0]
        if lang == "en":
            pairs = [(text, key[2]) for key, text in german.items()]
        else:
            other = load(args.locale_dir, lang)
            pairs = [(text, other[key]) for key, text in german.items() if key in other]
        ctx = Context(code, plain=True)
        following = next_words(code)
        alarms, tried, missed = [], 0, []
        for source, translation in pairs:
            if found := fires(source, translation, ctx):
                alarms.append((source, translation, found[0]))
                continue
            planted = plant(source, translation, code, following) if german_quantities(source, code) else None
            if planted is not None:
                tried += 1
                if not fires(source, planted, ctx):
                    missed.append((source, planted))
        caught = tried - len(missed)
        print(f"{lang:6} {len(pairs):7} pairs  {len(alarms):3} false alarms  recall {caught}/{tried}"
              + (f" = {caught / tried:.1%}" if tried else ""))
        for source, translation, message in alarms[:args.show]:
            print(f"    alarm  DE {source[:150]!r}\n           TR {translation[:150]!r}\n           -> {message}")
        for source, planted in missed[:args.show]:
            print(f"    missed DE {source[:150]!r}\n           TR {planted[:150]!r}")
        totals = [totals[0] + len(pairs), totals[1] + len(alarms), totals[2] + caught, totals[3] + tried]
    pairs, alarms, caught, tried = totals
    print(f"total  {pairs:7} pairs  {alarms:3} false alarms  recall {caught}/{tried}"
          + (f" = {caught / tried:.1%}" if tried else "") + f"  ({time.process_time() - start:.1f} s CPU)")


if __name__ == "__main__":
    main()

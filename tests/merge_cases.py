"""Random catalogs and the German edited after them, for comparing merges: ``tests/test_greedy.py`` merges each
with two matchers, ``bench/compare_merge.py`` with two versions of verlag's code. Only ``polib`` and
``pipeline.catalog``'s ``parse_po`` are used, which every version has."""

from __future__ import annotations

import random

import polib

from pipeline import catalog

WORDS = ("Dosis Tablette morgens abends vor nach dem Essen Wasser Tee Arzt fragen täglich zweimal mg ml Kind "
         "Erwachsene").split()


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"Dosis {rng.randint(1, 30)}: {rng.choice([5, 10, 15, 20])} mg {' '.join(rng.choices(WORDS, k=3))}."
    return " ".join(rng.choices(WORDS, k=rng.randint(2, 8))).capitalize() + "."


def reworded(rng: random.Random, text: str) -> str:
    words, kind = text[:-1].split(" "), rng.random()
    if kind < 0.3 and len(words) > 2:
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    elif kind < 0.5:
        words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
    elif kind < 0.6 and len(words) > 3:
        del words[rng.randrange(len(words))]
    elif kind < 0.7:
        rng.shuffle(words)
    elif kind < 0.85:
        return text[:-1] + "!"  # a typo fix (keep_typo_fixes)
    return " ".join(words) + "."


def catalogs(seed: int) -> tuple[polib.POFile, polib.POFile, float, bool]:
    """An old catalog (signed off, stale, fuzzy, empty and obsolete entries; rows alike but for a number, duplicates)
    and a template of its German edited: sentences reworded, deleted, split, joined, moved, added, a title."""
    rng = random.Random(seed)
    german = [sentence(rng) for _ in range(rng.randint(1, 30))]
    if rng.random() < 0.5:
        german += [german[0]] * 2 + [f"Dosis {i}: 5 mg morgens." for i in range(rng.randint(0, 15))]
    german = list(dict.fromkeys(german))
    old = polib.POFile()
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for text in german:
        entry = polib.POEntry(msgid=text, msgstr="" if rng.random() < 0.15 else f"EN {text.upper()}")
        if entry.msgstr and rng.random() < 0.3:
            entry.flags = ["fuzzy"]
            entry.previous_msgid = reworded(rng, text) if rng.random() < 0.7 else None
        old.append(entry)
    old.extend(polib.POEntry(msgid=text, msgstr=f"EN old {text}", obsolete=True)
               for text in dict.fromkeys(sentence(rng) for _ in range(rng.randint(0, 5))) if text not in german)
    if rng.random() < 0.3:
        old.append(polib.POEntry(msgid=german[0], msgctxt="title", msgstr="Title"))
    new: list[str] = []
    for text in german:
        kind, words = rng.random(), text[:-1].split(" ")
        if kind < 0.15:
            continue
        if kind < 0.55:
            new.append(reworded(rng, text))
        elif kind < 0.62 and len(words) > 3:
            new += [" ".join(words[:len(words) // 2]) + ".", " ".join(words[len(words) // 2:]).capitalize() + "."]
        elif kind < 0.7 and new:
            new[-1] += " " + text
        else:
            new.append(text)
    if rng.random() < 0.3:
        rng.shuffle(new)
    new += [sentence(rng) for _ in range(rng.randint(0, 4))] + new[:rng.randint(0, 3)]
    pot = polib.POFile()
    pot.header = "Template for Dosierung"
    pot.metadata = {"Project-Id-Version": "test", "POT-Creation-Date": "2026-05-26 00:00+0000", "X-Generator": "test"}
    if new and rng.random() < 0.3:
        pot.append(polib.POEntry(msgid=new[0], msgctxt="title"))
    pot.extend(polib.POEntry(msgid=text) for text in dict.fromkeys(new))
    return catalog.parse_po(str(old), "old.po"), pot, rng.choice([60.0, 60.0, 40.0, 80.0]), rng.random() < 0.5


def merged(seed: int) -> tuple[str, list, list]:
    """The catalog ``catalog.merge`` makes of case ``seed`` (rendered), its splits and its joins (German only)."""
    old, pot, threshold, typo_fixes = catalogs(seed)
    po, report = catalog.merge(old, pot, "en", threshold=threshold, keep_typo_fixes=typo_fixes)
    return (catalog.render(po), [(old.msgid, [e.msgid for e in run]) for old, run in report.splits],
            [(e.msgid, [p.msgid for p in parts]) for e, parts in report.joins])

#!/usr/bin/env python
"""Benchmark extract and build on a generated content project of N German articles.

    python bench/bench_extract.py [--sizes 10,100,500] [--langs 3] [--mem separate|inline|off]
                                  [--profile N] [--keep]

For each N a content project is generated in a temp dir (N articles of ~800
words, seeded, so every run sees the same text) and these phases are timed
in-process, one after the other on the same project:

  1 extract cold        no templates or catalogs yet
  2 extract no-op       nothing changed: articles are skipped by content hash
  3 extract 5% edited   5 % of the sentences rewritten, all files re-saved
  6 pretranslate copy   fills every empty entry (so the editions have content)
  4 build cold          editions/<lang>/<slug>.md written for the first time
  5 build no-op         nothing changed

Memory: ``--mem separate`` (default) times a clean pass and then repeats the
whole sequence on a fresh copy under tracemalloc, so tracemalloc's overhead
does not leak into the timings; ``inline`` measures both in one pass (faster,
timings inflated); ``off`` skips it. ``--profile N`` runs cProfile over the
same sequence for N articles and prints the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import pstats
import random
import resource
import shutil
import sys
import tempfile
import textwrap
import time
import tracemalloc
from pathlib import Path

from pipeline.config import load_config
from pipeline.editions import build_editions
from pipeline.engines import get_engine
from pipeline.extract import extract
from pipeline.pretranslate import pretranslate

ALL_LANGS = ["en", "fr", "it", "es"]
SEED = 20260526
WORDS_PER_ARTICLE = 800
EDIT_RATE = 0.05

# --------------------------------------------------------------------------- vocabulary

SUBJECTS = [  # (nominative, singular) written lowercase; capitalised at a sentence start
    "der Körper", "das Immunsystem", "eine warme Tasse Tee", "regelmäßige Bewegung", "die Leber",
    "ein kurzer Spaziergang", "die Ernährung", "ein Fußbad am Abend", "die Atmung", "frische Luft",
    "ein fester Tagesrhythmus", "die Darmflora", "eine Tasse Melissentee", "das Nervensystem",
    "eine ausgewogene Mahlzeit", "der Stoffwechsel", "eine Tinktur aus Ringelblume", "die Haut",
    "ein Leberwickel", "die Wechseldusche", "ein ruhiger Abend", "der Kreislauf", "eine Kneipp-Anwendung",
    "das Bindegewebe", "ein Glas lauwarmes Wasser", "die Schilddrüse", "eine Massage", "der Schlaf",
]
OBJECTS = [  # accusative
    "die Verdauung", "den Kreislauf", "das Immunsystem", "die Leber", "den Schlaf", "die Haut",
    "das Nervensystem", "die Abwehrkräfte", "den Blutzucker", "die Durchblutung", "die Muskulatur",
    "den Rücken", "die Gelenke", "die Konzentration", "das Wohlbefinden", "die Regeneration",
    "den Säure-Basen-Haushalt", "die Schleimhäute", "den Energiehaushalt", "die innere Ruhe",
]
VERBS = [  # (3rd person singular, for main and subordinate clauses)
    "stärkt", "entlastet", "beruhigt", "unterstützt", "fördert", "reguliert", "schützt", "belebt",
    "harmonisiert", "stabilisiert", "entspannt", "kräftigt", "aktiviert", "pflegt",
]
TAILS = [
    "", "", "", " im Herbst", " bei regelmäßiger Anwendung", " nach ca. drei Wochen",
    ", wie Dr. med. {name} betont", ", z. B. nach einer Erkältung", " – vor allem am Morgen",
    " schon nach wenigen Tagen", " auf *sanfte* Weise", " spürbar", " bzw. unterstützt sie",
    " in der kalten Jahreszeit", " ca. zwei Stunden nach dem Essen", " u. a. bei Stress",
]
SUB_TAILS = ["", "", " im Herbst", " spürbar", " schon nach wenigen Tagen", " bei regelmäßiger Anwendung",
             " ca. zwei Stunden nach dem Essen", " u. a. bei Stress"]
NAMES = ["Berger", "Hoffmann", "Schäfer", "Krüger", "Wagner", "Zimmermann", "Lehmann", "Brandt",
         "Vogel", "Hartmann", "Winkler", "Lorenz"]
CITIES = ["Freiburg", "München", "Leipzig", "Kassel", "Bremen", "Heidelberg", "Rostock", "Ulm",
          "Konstanz", "Erfurt"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
HERBS = ["Melisse", "Lavendel", "Passionsblume", "Baldrian", "Hopfen", "Mariendistel", "Löwenzahn",
         "Brennnessel", "Schafgarbe", "Kamille", "Pfefferminze", "Thymian", "Salbei", "Ingwer",
         "Artischocke", "Ringelblume", "Johanniskraut", "Holunder"]
CONDITIONS = ["Schlafstörungen", "Rückenschmerzen", "Verdauungsbeschwerden", "Kopfschmerzen",
              "innerer Unruhe", "Erschöpfung", "Erkältungen", "Hautproblemen", "Nackenverspannungen",
              "Blähungen", "Frühjahrsmüdigkeit", "kalten Füßen", "Heuschnupfen"]
ACTIVITIES = ["täglich ca. 20 Minuten spazieren geht", "abends auf den Bildschirm verzichtet",
              "morgens ein Glas warmes Wasser trinkt", "regelmäßig Pausen einlegt",
              "einmal pro Woche in die Sauna geht", "bewusst langsam isst", "vor dem Frühstück kurz dehnt",
              "den Tag mit einer Atemübung beginnt", "ausreichend trinkt", "früh zu Bett geht",
              "Zucker und Weißmehl reduziert", "bei Wind und Wetter nach draußen geht"]
BENEFITS = ["schläft oft besser", "fühlt sich meist ausgeglichener", "hat mehr Energie am Tag",
            "bemerkt bald weniger Beschwerden", "verdaut leichter", "bleibt seltener krank",
            "kommt besser durch den Winter", "ist weniger gestresst", "wacht erholter auf"]
ADVICE = ["ausreichend Wasser zu trinken", "schwere Mahlzeiten am Abend zu meiden",
          "sich täglich an der frischen Luft zu bewegen", "Ihre Beschwerden zu notieren",
          "bei anhaltenden Schmerzen ärztlichen Rat einzuholen", "die Anwendung nicht zu übertreiben",
          "auf Ihr Bauchgefühl zu hören", "Tees nicht länger als sechs Wochen am Stück zu trinken",
          "Bitterstoffe vor dem Essen einzunehmen", "das Schlafzimmer kühl zu halten"]
ADJECTIVES = ["bewährt", "wirksam", "einfach", "angenehm", "wohltuend", "unterschätzt", "beliebt",
              "vielseitig", "mild", "wertvoll"]
TOPICS = [("Leberwickel", "leberwickel"), ("Bitterstoffe", "bitterstoffe"), ("Heilpflanzen im Garten",
          "heilpflanzen-garten"), ("Kneipp-Anwendungen", "kneipp"), ("gesunden Schlaf", "schlaf"),
          ("Entgiftung", "entgiftung"), ("die Darmgesundheit", "darm"), ("Atemübungen", "atem")]
OPENERS = ["Kennen Sie das?", "Das klingt einfach, ist aber wirkungsvoll.", "Probieren Sie es aus!",
           "Geduld zahlt sich hier aus.", "Jeder Mensch reagiert anders."]
HEADINGS = ["Warum {herb} so {adj} ist", "Was bei {cond} hilft", "{herb} richtig anwenden",
            "Der Alltag mit {cond}", "Kleine Schritte, große Wirkung", "Was die Forschung über {herb} sagt",
            "Tipps aus meiner Praxis", "Wann Sie zum Arzt gehen sollten", "{herb} und {herb2} im Vergleich",
            "So gelingt die Umstellung", "Häufige Fragen zu {cond}"]
TITLES = ["{herb} bei {cond}", "Natürlich bei {cond}: was wirklich hilft", "Mein Ratgeber zu {herb}",
          "Hilfe bei {cond}? Denk an {herb}!", "Was {herb} für {obj} tut"]
TAGS = ["Leber", "Rücken", "Schlaf", "Kräuter", "TCM", "Ernährung", "Entspannung", "Winter", "Darm",
        "Haut", "Bewegung", "Immunsystem"]
EXTRA_CLAUSES = [", was viele unterschätzen", " – das zeigt die Erfahrung", ", zumindest bei den meisten",
                 ", auch wenn es anfangs ungewohnt ist", ", sagt Dr. med. Lorenz", ", ca. drei Mal täglich"]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Generates one article. ``rng`` decides the text; ``edit_rng`` only the 5 % edits, so the
    unedited text is the same with and without edits."""

    def __init__(self, rng: random.Random, edit_rng: random.Random | None, rate: float):
        self.rng, self.edit_rng, self.rate = rng, edit_rng, rate
        self.sentences = 0
        self.edited = 0

    def pick(self, seq):
        return self.rng.choice(seq)

    def fill(self, template: str, rng: random.Random | None = None) -> str:
        r = rng or self.rng
        herb, herb2 = r.sample(HERBS, 2)
        return template.format(name=r.choice(NAMES), herb=herb, herb2=herb2, cond=r.choice(CONDITIONS),
                               adj=r.choice(ADJECTIVES), obj=r.choice(OBJECTS))

    def _make(self, r: random.Random) -> str:
        kind = r.randrange(12)
        subj, obj, verb = r.choice(SUBJECTS), r.choice(OBJECTS), r.choice(VERBS)
        tail = r.choice(TAILS).format(name=r.choice(NAMES))
        if kind <= 2:
            text = f"{cap(subj)} {verb} {obj}{tail}."
        elif kind == 3:
            text = f"In meiner Praxis erlebe ich oft, dass {subj} {obj}{r.choice(SUB_TAILS)} {verb}."
        elif kind == 4:
            text = f"Wer {r.choice(ACTIVITIES)}, {r.choice(BENEFITS)}."
        elif kind == 5:
            text = (f"Laut Dr. med. {r.choice(NAMES)} aus {r.choice(CITIES)} zeigt eine Studie vom "
                    f"{r.randint(2, 28)}. {r.choice(MONTHS)} {r.randint(2015, 2025)}, dass {subj} {obj} {verb}.")
        elif kind == 6:
            text = f"Achten Sie {r.choice(['vor allem', 'unbedingt', 'ruhig', 'stets'])} darauf, {r.choice(ADVICE)}."
        elif kind == 7:
            text = (f"Bei {r.choice(CONDITIONS)} empfehle ich z. B. *{r.choice(HERBS)}* oder "
                    f"{r.choice(HERBS)}, ca. {r.randint(2, 4)} Tassen am Tag.")
        elif kind == 8:
            title, slug = r.choice(TOPICS)
            text = f"Mehr dazu lesen Sie in meinem Beitrag über [{title}](https://example.org/{slug}/)."
        elif kind == 9:
            text = f"**Wichtig:** {cap(r.choice(ADVICE)).replace(' zu ', ' ', 1)} entlastet {obj} mehr, als man denkt."
        elif kind == 10:
            text = f"Besonders {r.choice(ADJECTIVES)} ist {r.choice(HERBS)}, denn die Pflanze {verb} {obj}{tail}."
        else:
            text = r.choice(OPENERS)
        return text

    def _edit(self, text: str) -> str:
        e = self.edit_rng
        if e.random() < 0.5:  # a small change: the merge should find a fuzzy match
            return text[:-1] + e.choice(EXTRA_CLAUSES) + text[-1]
        return self._make(e)  # a rewritten sentence

    def sentence(self) -> str:
        text = self._make(self.rng)
        self.sentences += 1
        if self.edit_rng is not None and self.edit_rng.random() < self.rate:
            self.edited += 1
            text = self._edit(text)
        return text

    def paragraph(self, lo: int, hi: int) -> str:
        text = " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))
        if self.rng.random() < 0.5:  # half the paragraphs hard-wrapped, as editors do
            text = "\n".join(textwrap.wrap(text, 78, break_long_words=False, break_on_hyphens=False))
        return text

    def bullets(self, nested: bool) -> str:
        items = []
        for i in range(self.rng.randint(3, 5)):
            items.append(f"- **{self.pick(HERBS)}** – {self.sentence()}")
            if nested and i == 1:
                items.extend(f"  - {self.sentence()}" for _ in range(2))
        return "\n".join(items)

    def numbered(self) -> str:
        return "\n".join(f"{i}. {self.sentence()}" for i in range(1, self.rng.randint(3, 5) + 1))

    def table(self) -> str:
        rows = ["| Pflanze | Wirkung | Dosierung |", "|---|---|---|"]
        for _ in range(self.rng.randint(3, 5)):
            rows.append(f"| {self.pick(HERBS)} | {cap(self.pick(VERBS))} {self.pick(OBJECTS)} | "
                        f"ca. {self.rng.randint(1, 4)} g, {self.rng.randint(2, 3)}× täglich |")
        return "\n".join(rows)

    def article(self, index: int) -> str:
        r = self.rng
        title = self.fill(r.choice(TITLES)) + f" (Teil {index + 1})"
        date = dt.date(2024, 1, 1) + dt.timedelta(days=index)
        tags = ", ".join(r.sample(TAGS, r.randint(1, 3)))
        front = (f"---\ntitle: \"{title}\"\nauthor: Anna Berger\ndate: {date.isoformat()}\n"
                 f"summary: \"{self.sentence()}\"\ntags: [{tags}]\n---\n")
        blocks = [self.paragraph(4, 6)]
        features = ["bullets-nested", "table", "numbered", "paragraphs", "bullets", "paragraphs"]
        section = 0
        while True:
            words = sum(len(b.split()) for b in blocks)
            if words >= WORDS_PER_ARTICLE:
                break
            feature = features[section % len(features)]
            blocks.append("## " + self.fill(r.choice(HEADINGS)))
            blocks.append(self.paragraph(3, 6))
            if feature == "bullets-nested":
                blocks.append(self.bullets(nested=True))
            elif feature == "bullets":
                blocks.append(self.bullets(nested=False))
            elif feature == "numbered":
                blocks.append(self.numbered())
            elif feature == "table":
                blocks.append(self.table())
                blocks.append(self.paragraph(2, 3))
            else:
                blocks.append(self.paragraph(3, 5))
            section += 1
        return front + "\n" + "\n\n".join(blocks) + "\n"


def write_project(root: Path, n: int, langs: int, edited: bool) -> tuple[int, int]:
    """Write (or rewrite) the project; return (sentences, sentences edited)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "verlag.toml").write_text(
        f'name = "Bench {n}"\nsource_language = "de"\nlanguages = {ALL_LANGS[:langs]!r}\n'
        'segmentation = "sentence"\n\n[publish]\nunreviewed = "machine"  # drafts show in editions\n\n'
        '[pretranslate]\nengines = ["copy"]\n'.replace("'", '"'), encoding="utf-8")
    src = root / "source_de"
    src.mkdir(exist_ok=True)
    total = edits = 0
    for i in range(n):
        w = Writer(random.Random(SEED * 100003 + i), random.Random(SEED + 7 * i + 1) if edited else None,
                   EDIT_RATE)
        (src / f"artikel-{i:04d}.md").write_text(w.article(i), encoding="utf-8")
        total += w.sentences
        edits += w.edited
    return total, edits


# --------------------------------------------------------------------------- measurement

def measure(fn, mem: bool):
    """Run fn once; return (result, seconds, tracemalloc peak bytes or None)."""
    gc.collect()
    if mem:
        tracemalloc.start()
        tracemalloc.reset_peak()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    peak = None
    if mem:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, seconds, peak


def run_sequence(root: Path, n: int, langs: int, mem: bool) -> list[dict]:
    """The six phases on a fresh project; one row per phase."""
    write_project(root, n, langs, edited=False)
    rows = []

    def phase(label, fn, detail):
        config = load_config(root)  # a fresh config each phase, outside the timing
        result, seconds, peak = measure(lambda: fn(config), mem)
        rows.append({"phase": label, "s": seconds, "peak": peak, "detail": detail(result)})

    ex_detail = lambda r: f"{len(r.written)} written, {r.skipped} skipped" + (f", {len(r.errors)} ERR" if r.errors else "")
    bd_detail = lambda r: f"{len(r.written)} written" + (f", {len(r.errors)} ERR" if r.errors else "")
    phase("1 extract cold", extract, ex_detail)
    phase("2 extract no-op", extract, ex_detail)
    sentences, edits = write_project(root, n, langs, edited=True)
    phase("3 extract 5% edit", extract,
          lambda r: ex_detail(r) + f" ({edits}/{sentences} sent.)")
    phase("6 pretranslate copy",
          lambda c: pretranslate(c, [get_engine("copy", c)], list(c.languages)),
          lambda r: f"{sum(r.filled.values())} filled" + (f", {len(r.errors)} ERR" if r.errors else ""))
    phase("4 build cold", build_editions, bd_detail)
    phase("5 build no-op", build_editions, bd_detail)
    return rows


def warm_up(base: Path, langs: int) -> None:
    """Imports, parser construction and other one-time costs, so N=10 is not charged for them."""
    run_sequence(base / "warmup", 2, langs, mem=False)


def fmt_mib(b):
    return "-" if b is None else f"{b / 2**20:8.1f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,500", help="comma-separated article counts")
    ap.add_argument("--langs", type=int, default=3, choices=range(1, len(ALL_LANGS) + 1),
                    help="number of target languages (first L of en,fr,it,es)")
    ap.add_argument("--mem", choices=["separate", "inline", "off"], default="separate")
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile the sequence for N articles")
    ap.add_argument("--top", type=int, default=15, help="rows of the profile to print")
    ap.add_argument("--keep", action="store_true", help="keep the generated projects and print where")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    base = Path(tempfile.mkdtemp(prefix="verlag-bench-"))
    try:
        warm_up(base, args.langs)
        print(f"verlag bench: {args.langs} languages ({', '.join(ALL_LANGS[:args.langs])}), "
              f"~{WORDS_PER_ARTICLE} words/article, Python {sys.version.split()[0]}, mem={args.mem}")
        head = f"{'N':>5} {'phase':<20} {'seconds':>9} {'s/100 art':>10} {'peak MiB':>9}  detail"
        print(head)
        print("-" * len(head))
        for n in sizes:
            rows = run_sequence(base / f"n{n}", n, args.langs, mem=args.mem == "inline")
            if args.mem == "separate":
                mem_rows = run_sequence(base / f"n{n}-mem", n, args.langs, mem=True)
                for row, mrow in zip(rows, mem_rows):
                    row["peak"] = mrow["peak"]
            for row in sorted(rows, key=lambda r: r["phase"]):
                print(f"{n:>5} {row['phase']:<20} {row['s']:9.3f} {row['s'] * 100 / n:10.3f} "
                      f"{fmt_mib(row['peak']):>9}  {row['detail']}", flush=True)
            if not args.keep:
                for d in (base / f"n{n}", base / f"n{n}-mem"):
                    shutil.rmtree(d, ignore_errors=True)
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            run_sequence(base / f"profile{args.profile}", args.profile, args.langs, mem=False)
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.top)
            print(f"\ncProfile, N={args.profile} (all six phases plus generation), by cumulative time:")
            print(out.getvalue())
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rss_mib = rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB on Linux
        print(f"ru_maxrss at end: {rss_mib:.1f} MiB")
    finally:
        if args.keep:
            print(f"projects kept in {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

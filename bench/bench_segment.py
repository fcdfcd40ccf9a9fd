#!/usr/bin/env python
"""Benchmark sentence segmentation of one long paragraph against the same sentences as paragraphs.

    python bench/bench_segment.py [--sizes 1000,4000,16000]

For each N an article is written to a temp dir twice: once with N short German
sentences (abbreviations, ordinals, dates) in one paragraph, once with every
sentence a paragraph of its own. ``segment_article`` (markup analysis, pysbd,
German rules) is timed on both. The time per sentence should not grow with N:
a paragraph costs what its sentences cost (issue 18).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.segment import segment_article  # noqa: E402
from pipeline.sources import read_article  # noqa: E402

SENTENCES = [
    "Dr. Meier misst am 26. Mai den Blutdruck.",
    "Der Wert liegt bei ca. 120 mmHg, d. h. im Normalbereich.",
    "Im 3. Jahrhundert kannte man **Schafgarbe** u. a. als Wundkraut.",
    "Siehe [die Übersicht](https://example.org/tee) bzw. Tab. 2.",
    "Warum hilft das?",
    "Sie hat einen B.A. und die Lizenz B(asic).",
]


def article(count: int, separator: str, folder: Path):
    body = separator.join(SENTENCES[i % len(SENTENCES)] for i in range(count))
    path = folder / "lang.md"
    path.write_text(f"---\ntitle: Lang\ndate: 2026-05-26\n---\n{body}\n", encoding="utf-8")
    return read_article(path, "source_de/lang.md")


def timed(count: int, separator: str, folder: Path) -> tuple[float, int]:
    source = article(count, separator, folder)
    start = time.perf_counter()
    doc = segment_article(source)
    return time.perf_counter() - start, len(doc.segments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000", help="sentence counts, comma-separated")
    args = parser.parse_args()
    print(f"{'sentences':>9}  {'one paragraph':>14}  {'per sentence':>12}  {'paragraphs':>11}  {'segments':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for count in (int(n) for n in args.sizes.split(",")):
            one, segments = timed(count, " ", Path(tmp))
            many, _ = timed(count, "\n\n", Path(tmp))
            print(f"{count:>9}  {one:>12.2f} s  {1000 * one / count:>9.3f} ms  {many:>9.2f} s  {segments:>8}")


if __name__ == "__main__":
    main()

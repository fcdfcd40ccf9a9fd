#!/usr/bin/env python
"""Benchmark reading a catalog: ``pofile.parse`` against ``polib.pofile``, and ``catalog.parse_po`` as verlag reads.

    python bench/bench_po_reader.py [--sizes 100,1000,10000] [--repeat 5]

For each N a catalog of N entries in verlag's own layout (translator records, extracted comment,
reference, flags, a wrapped msgid and msgstr, every third entry stale with ``#| msgid``, a few obsolete)
is rendered once, then read ``--repeat`` times by each reader; the best CPU time of this process (wall
time on a shared machine mostly measures the neighbours) is printed with the time
per entry, which should not grow with N (linear reading). Both readers return the same objects
(tests/test_po_reader.py proves it), so the ratio is the whole story.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.catalog import parse_po  # noqa: E402
from pipeline.pofile import parse, render_po  # noqa: E402

SENTENCE = ("Die Schafgarbe wächst an Wegrändern und auf mageren Wiesen; im 3. Jahrhundert kannte man sie "
            "u. a. als Wundkraut, heute trinkt man sie als Tee.")


def catalog(count: int) -> str:
    po = polib.POFile()
    po.header = "Translation (en) of “Schafgarbe” (source_de/schafgarbe.md)."
    po.metadata = {"Project-Id-Version": "bench schafgarbe", "Language": "en",
                   "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for n in range(count):
        msgid = f"{n}. {SENTENCE}"
        entry = polib.POEntry(msgid=msgid, msgstr=msgid.upper(), comment=f"paragraph, block {n}",
                              occurrences=[("source_de/schafgarbe.md", str(n + 5))], flags=["fuzzy", "markdown-text"],
                              tcomment="mt: copy\ndraft 1a2b3c4d", obsolete=n % 50 == 49)
        if n % 3 == 0 and not entry.obsolete:
            entry.previous_msgid = msgid[:-1] + "!"
        po.append(entry)
    return render_po(po)


def best(read, text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        read(text)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="entry counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="reads per reader and size; the best is shown")
    args = parser.parse_args()
    print(f"{'entries':>8}  {'KiB':>6}  {'polib.pofile':>12}  {'pofile.parse':>12}  {'ratio':>5}  "
          f"{'per entry':>9}  {'parse_po':>9}")
    for count in (int(n) for n in args.sizes.split(",")):
        text = catalog(count)
        slow = best(polib.pofile, text, args.repeat)
        fast = best(parse, text, args.repeat)
        verlag = best(lambda t: parse_po(t, "translations/en/schafgarbe.po"), text, args.repeat)
        print(f"{count:>8}  {len(text.encode()) // 1024:>6}  {slow:>10.3f} s  {fast:>10.3f} s  {slow / fast:>5.1f}  "
              f"{1e6 * fast / count:>6.1f} µs  {verlag:>7.3f} s")


if __name__ == "__main__":
    main()

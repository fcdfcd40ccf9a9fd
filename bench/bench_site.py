#!/usr/bin/env python
"""Benchmark `verlag build` (editions + site) on a generated project of N articles.

    python bench/bench_site.py [--articles 500] [--langs 3] [--keep]

The project comes from bench_extract's seeded generator (~800 words per
article, German + ``--langs`` target languages), is extracted and
pre-translated with the ``copy`` engine (not timed), then these builds run
in-process, one after the other:

  cold          editions and site written for the first time
  no-op         nothing changed: no file is written
  one edit      one sentence of one article changed (after `extract`)

Each build is timed; then the cold build is repeated on a fresh copy under
tracemalloc for its peak of Python allocations. The peak RSS of the whole
process is printed at the end.
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import write_project  # noqa: E402

from pipeline.config import load_config  # noqa: E402
from pipeline.editions import build_editions  # noqa: E402
from pipeline.engines import get_engine  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.pretranslate import pretranslate  # noqa: E402
from pipeline.site import build_site  # noqa: E402


def build(root: Path) -> tuple[int, int]:
    """`verlag build`: editions, then the site; return (edition files, site files) written."""
    config = load_config(root)
    editions = build_editions(config)
    site = build_site(config)
    assert not editions.errors, editions.errors
    return len(editions.written), len(site.written)


def timed(label: str, root: Path) -> None:
    gc.collect()
    start = time.perf_counter()
    editions, site = build(root)
    print(f"{label:<10} {time.perf_counter() - start:8.2f} s   {editions:5d} editions, {site:5d} site files written",
          flush=True)


def prepare(root: Path, articles: int, langs: int) -> None:
    write_project(root, articles, langs, edited=False)
    config = load_config(root)
    extract(config)
    pretranslate(config, [get_engine("copy", config)], list(config.languages))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500, help="number of generated articles")
    ap.add_argument("--langs", type=int, default=3, choices=range(1, 5), help="target languages besides German")
    ap.add_argument("--keep", action="store_true", help="keep the generated project and print where")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="verlag-bench-site-"))
    root = base / "blog"
    try:
        print(f"{args.articles} articles x {args.langs + 1} languages; preparing (extract, pretranslate) ...",
              flush=True)
        prepare(root, args.articles, args.langs)
        shutil.copytree(root, base / "pristine")
        timed("cold", root)
        timed("no-op", root)
        source = root / "source_de" / "artikel-0000.md"
        text = source.read_text(encoding="utf-8")
        paragraph = text.index("\n\n", text.index("\n---\n")) + 2
        source.write_text(text[:paragraph] + "Dieser Satz ist neu. " + text[paragraph:], encoding="utf-8")
        extract(load_config(root))
        timed("one edit", root)
        gc.collect()
        tracemalloc.start()
        build(base / "pristine")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"cold build, tracemalloc peak: {peak / 2**20:.0f} MiB")
        print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    finally:
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Benchmark `verlag build` (editions + site) on a generated project of N articles.

    python bench/bench_site.py [--articles 500] [--langs 3] [--jobs N] [--keep]

The project comes from bench_extract's seeded generator (~800 words per
article, German + ``--langs`` target languages), is extracted and
pre-translated with the ``pseudo`` engine (not timed; a ``copy`` draft is untranslated, so an edition of
copies would not be published and the site would hold the German pages only), then these builds run
in-process, one after the other:

  cold          editions and site written for the first time
  no-op         nothing changed: no file is written
  one edit      one sentence of one article changed (after `extract`)

Each build is timed (editions and site separately, wall; CPU of this process
and its pool workers together); ``--jobs`` is the stages' ``--jobs`` (default:
the CPU cores). Then the cold build is repeated on a fresh copy in a process
of its own, whose peak RSS is the memory figure.
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sys
import tempfile
import time
import subprocess
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import write_project  # noqa: E402

from pipeline.config import load_config  # noqa: E402
from pipeline.editions import build_editions  # noqa: E402
from pipeline.engines import get_engine  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.pretranslate import pretranslate  # noqa: E402
from pipeline.site import build_site  # noqa: E402


def build(root: Path, jobs: int | None = None) -> tuple[float, float, float, float, int, int]:
    """`verlag build`: editions, then the site; return both stages' wall and CPU seconds and files written."""
    config = load_config(root)
    start, cpu = time.perf_counter(), _cpu()
    editions = build_editions(config, None, jobs)
    middle, cpu_middle = time.perf_counter(), _cpu()
    site = build_site(config, jobs)
    assert not editions.errors, editions.errors
    return (middle - start, time.perf_counter() - middle, cpu_middle - cpu, _cpu() - cpu_middle,
            len(editions.written), len(site.written))


def _cpu() -> float:
    """User + system seconds of this process and of its children that ended (the pool's workers)."""
    return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF,
                                                                        resource.RUSAGE_CHILDREN)))


def timed(label: str, root: Path, jobs: int | None) -> None:
    gc.collect()
    editions_s, site_s, editions_cpu, site_cpu, editions, site = build(root, jobs)
    print(f"{label:<10} {editions_s + site_s:8.2f} s  (editions {editions_s:6.2f} s, {editions_cpu:6.2f} s CPU; "
          f"site {site_s:6.2f} s, {site_cpu:6.2f} s CPU)  {editions:5d} editions, {site:5d} site files written",
          flush=True)


def prepare(root: Path, articles: int, langs: int) -> None:
    write_project(root, articles, langs, edited=False)
    config = load_config(root)
    extract(config)
    pretranslate(config, [get_engine("pseudo", config)], list(config.languages))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500, help="number of generated articles")
    ap.add_argument("--langs", type=int, default=3, choices=range(1, 5), help="target languages besides German")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: the CPU cores)")
    ap.add_argument("--keep", action="store_true", help="keep the generated project and print where")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="verlag-bench-site-"))
    root = base / "blog"
    try:
        print(f"{args.articles} articles x {args.langs + 1} languages; preparing (extract, pretranslate) ...",
              flush=True)
        prepare(root, args.articles, args.langs)
        shutil.copytree(root, base / "pristine")
        timed("cold", root, args.jobs)
        timed("no-op", root, args.jobs)
        source = root / "source_de" / "artikel-0000.md"
        text = source.read_text(encoding="utf-8")
        paragraph = text.index("\n\n", text.index("\n---\n")) + 2
        source.write_text(text[:paragraph] + "Dieser Satz ist neu. " + text[paragraph:], encoding="utf-8")
        extract(load_config(root))
        timed("one edit", root, args.jobs)
        subprocess.run([sys.executable, "-c", "import sys, pathlib; from bench_site import build; "
                        "build(pathlib.Path(sys.argv[1]), None if sys.argv[2] == 'None' else int(sys.argv[2]))",
                        str(base / "pristine"), str(args.jobs)], cwd=Path(__file__).parent, check=True)
        print(f"cold build in a process of its own, peak RSS: "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")
        print(f"this process (preparation and the three builds), peak RSS: "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    finally:
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Benchmark ``verlag check`` and ``verlag status`` on a generated content project of N German articles.

    python bench/bench_check.py [--sizes 10,100,500] [--langs 2]

Uses the article generator of ``bench_extract.py`` (seeded, ~800 words per
article), extracts, fills every entry with the ``pseudo`` engine (so every
entry has a translation that differs from the German, keeps all markup and
every check runs on it) and times, in-process:

  check        run_checks over every catalog
  status cold  collect_status with the QA counts (what ``verlag status`` does), no cache yet
  status warm  the same again: QA counts come from the content-hash cache in .verlag/
  status 1%    after 1 % of the catalogs changed
  status -qa   collect_status without QA counts, for comparison
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import ALL_LANGS, write_project  # noqa: E402

from pipeline.check import run_checks  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.engines import get_engine  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.pretranslate import pretranslate  # noqa: E402
from pipeline.status import collect_status  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,500", help="comma-separated article counts")
    ap.add_argument("--langs", type=int, default=2, choices=range(1, len(ALL_LANGS) + 1),
                    help="number of target languages (first L of en,fr,it,es)")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="verlag-bench-check-"))
    try:
        print(f"verlag check/status bench: {args.langs} languages, Python {sys.version.split()[0]}")
        head = f"{'N':>5} {'phase':<11} {'seconds':>8} {'s/100 art':>10}  detail"
        print(head)
        print("-" * len(head))
        for n in (int(s) for s in args.sizes.split(",") if s.strip()):
            root = base / f"n{n}"
            write_project(root, n, args.langs, edited=False)
            config = load_config(root)
            extract(config)
            pretranslate(config, [get_engine("pseudo", config)], list(config.languages))
            (findings, _), s = timed(lambda: run_checks(load_config(root)))
            entries = len({(f.path, f.line) for f in findings})
            print(f"{n:>5} {'check':<11} {s:8.2f} {s * 100 / n:10.2f}  {len(findings)} findings in {entries} entries")
            for label in ("status cold", "status warm", "status 1%"):
                if label == "status 1%":
                    for path in sorted((root / "translations" / ALL_LANGS[0]).glob("*.po"))[:max(1, n // 100)]:
                        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
                (rows, _), s = timed(lambda: collect_status(load_config(root)))
                print(f"{n:>5} {label:<11} {s:8.2f} {s * 100 / n:10.2f}  {len(rows)} rows", flush=True)
            (rows, _), s = timed(lambda: collect_status(load_config(root), qa=False))
            print(f"{n:>5} {'status -qa':<11} {s:8.2f} {s * 100 / n:10.2f}  {len(rows)} rows", flush=True)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

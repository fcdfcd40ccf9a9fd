#!/usr/bin/env python
"""Benchmark the translation memory on a generated project of N reviewed articles.

    python bench/bench_tm.py [--sizes 100,500] [--langs 3]

The articles come from bench_extract's seeded generator; every entry is
marked reviewed (the German copied as the translation). Timed in-process:

  index cold        the SQLite index built from every catalog
  index no-op       nothing changed: a hash per catalog, nothing parsed
  index 1 changed   one catalog re-reviewed
  tm new article    ``pretranslate --engine tm`` for one new, unreviewed article
                    (the generator's vocabulary is shared, so fuzzy matches abound)
  tm export         every reviewed pair to a TMX file
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

from bench_extract import ALL_LANGS, Writer, write_project  # the same folder

from pipeline.config import load_config
from pipeline.engines import get_engine
from pipeline.extract import extract
from pipeline.pretranslate import pretranslate
from pipeline.tm import Memory, export_tmx


def review_everything(root: Path) -> int:
    """Copy drafts, then drop the fuzzy flags and origins: a fully reviewed project."""
    config = load_config(root)
    pretranslate(config, [get_engine("copy", config)], list(config.languages))
    entries = 0
    for path in (root / "translations").glob("*/*.po"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^# mt: copy\n", "", text.replace("#, fuzzy, markdown-text", "#, markdown-text"), flags=re.M)
        entries += text.count("\nmsgid ") - 1
        path.write_text(text, encoding="utf-8")
    return entries


def timed(label: str, fn) -> None:
    start = time.perf_counter()
    detail = fn()
    print(f"  {label:<18} {time.perf_counter() - start:8.2f} s   {detail}")


def refresh(root: Path) -> str:
    config = load_config(root)
    memory = Memory.open(config)
    try:
        errors = memory.refresh(config)
        units = memory.db.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        return f"{units} units" + (f", {len(errors)} ERR" if errors else "")
    finally:
        memory.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,500", help="comma-separated article counts")
    ap.add_argument("--langs", type=int, default=3, help="target languages")
    args = ap.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "project"
            write_project(root, n, args.langs, edited=False)
            extract(load_config(root))
            entries = review_everything(root)
            print(f"N = {n} articles, {args.langs} languages, {entries} reviewed entries")
            timed("index cold", lambda: refresh(root))
            timed("index no-op", lambda: refresh(root))
            po = root / "translations" / ALL_LANGS[0] / "artikel-0000.po"
            po.write_text(po.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "~', 1), encoding="utf-8")
            timed("index 1 changed", lambda: refresh(root))

            new = Writer(random.Random(4242), None, 0).article(n)
            (root / "source_de" / "neu.md").write_text(new, encoding="utf-8")
            extract(load_config(root))

            def new_article():
                config = load_config(root)
                result = pretranslate(config, [get_engine("tm", config)], list(config.languages), ["neu"])
                filled = sum(result.filled.values())
                return f"{filled} filled, {sum(result.remaining.values())} left"

            timed("tm new article", new_article)
            timed("tm export", lambda: "{} translations".format(
                sum(export_tmx(load_config(root), Path(tmp) / "all.tmx")[0].values())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The editions stage's work per article, in one process: CPU seconds of the whole and of its parts.

    python bench/bench_editions.py PROJECT

PROJECT: a content project whose catalogs are filled (the peer corpus of ``bench_jobs.sh``, after its
``extract`` and ``pretranslate --engine pseudo``). Every article's editions are made in memory as a ``-j 1``
build's serial path makes them (``editions._article_editions`` on ``doccache.document``), nothing written; one
article first, untimed, so imports and first compilations are not counted. Prints the total and the CPU spent in
``doccache.document``, ``catalog.load_po``, ``check.check_catalog`` and ``editions.make_edition``. Another
checkout's code: ``PYTHONPATH=DIR`` (a ``git archive``), run from outside this checkout.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline import catalog, check, doccache, editions
from pipeline.config import load_config
from pipeline.glossary import load_glossary
from pipeline.published import PlannedPages
from pipeline.sources import read_sources

spent: dict[str, float] = {}


def timed(name: str, function):
    def wrapped(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return wrapped


def main(root: Path) -> None:
    config = load_config(root)
    sources = read_sources(config)
    glossary = load_glossary(config.translations_dir, config.root)
    pages = PlannedPages(config, sources, glossary)
    check.check_catalog = timed("check_catalog", check.check_catalog)
    editions.make_edition = timed("make_edition", editions.make_edition)
    catalog.load_po = timed("load_po", catalog.load_po)
    document = timed("doccache", doccache.document)
    first, *rest = sources.articles
    editions._article_editions(config, first, doccache.document(config, first), glossary, pages,
                               editions.BuildResult(), tuple(config.languages))
    spent.clear()
    result = editions.BuildResult()
    start = time.process_time()
    for article in rest:
        editions._article_editions(config, article, document(config, article), glossary, pages, result,
                                   tuple(config.languages))
    print(f"total {time.process_time() - start:.2f} s CPU,", ", ".join(f"{k} {v:.2f}" for k, v in sorted(spent.items())),
          f"({len(rest)} articles, {len(result.errors)} errors)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

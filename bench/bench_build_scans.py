#!/usr/bin/env python
"""CPU seconds of two scans of a cold ``verlag build``, in one process, on a project after ``extract``.

    python bench/bench_build_scans.py PROJECT [--rounds 3]

PROJECT: a content project whose ``extract`` (and ``pretranslate``) ran with
this verlag, such as the peer corpus filled by ``pretranslate --engine pseudo``
(bench/HISTORY.md "The website"). Printed per round, in CPU seconds (``time.process_time``):

  links parse   the German originals' links and images by a parse of each article (``media.references``)
  links stored  the same as the build finds them (``media.stored_references``: the links of the segmentation
                ``extract`` stored, read from its file, ``doccache.stored_links``), and whether equal
  qa gate       ``check_catalog(..., errors_only=True)`` over every article's catalog per language, the
                editions stage's QA gate, and the number of findings
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline import doccache  # noqa: E402
from pipeline.catalog import load_po  # noqa: E402
from pipeline.check import check_catalog  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.glossary import load_glossary  # noqa: E402
from pipeline.media import references, stored_references  # noqa: E402
from pipeline.sources import read_sources  # noqa: E402


def cpu(fn):
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    config = load_config(args.project)
    articles = read_sources(config).articles
    docs = [doccache.stored(config, article) for article in articles]
    glossary = load_glossary(config.translations_dir, config.root)
    catalogs = [(lang, article.slug, doc.labels if doc else frozenset(), load_po(config.po_path(lang, article.slug),
                                                                               article.slug)[1])
                for article, doc in zip(articles, docs) for lang in config.languages]
    print(f"{len(articles)} articles, {sum(doc is not None for doc in docs)} segmentations stored, "
          f"{sum(po is not None for *_, po in catalogs)} catalogs")
    for _ in range(args.rounds):
        parsed, parse_s = cpu(lambda: [references(article) for article in articles])
        stored, stored_s = cpu(lambda: [stored_references(config, article) for article in articles])
        findings, gate_s = cpu(lambda: [check_catalog(po, slug, lang, slug, glossary, labels, errors_only=True,
                                                      source_lang=config.source_language, site_url=config.site_url)
                                        for lang, slug, labels, po in catalogs if po is not None])
        print(f"links parse {parse_s:.2f} s  links stored {stored_s:.2f} s (equal: {parsed == stored})  "
              f"qa gate {gate_s:.2f} s ({sum(map(len, findings))} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

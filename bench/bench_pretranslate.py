#!/usr/bin/env python
"""Benchmark pretranslate against a loopback LibreTranslate or language model with a fixed latency per request.

    python bench/bench_pretranslate.py [--engine libre|llm] [--segments 2000] [--latency 0.1]
                                       [--concurrency 4] [--rate 10] [--batch-chars 2000]
    python bench/bench_pretranslate.py --engine llm --segments 500 --latency 0.3

Generates a content project of German articles (paragraphs of 1-4 sentences
with inline markup) with about ``--segments`` empty English entries, starts
the test suite's fake service (``tests/mtserver.py``) on 127.0.0.1 with
``--latency`` seconds per request, and runs ``pretranslate --engine libre``
(or ``llm``: its Chat Completions endpoint, one request per block) twice
in-process. Printed per run: wall time, requests, characters sent,
and the lower bound the settings imply:

    bound = max(ceil(requests / concurrency) * latency, (requests - 1) / rate)

(batching decides the number of requests; concurrency and the rate limit
how fast they can go). The cold run's wall time should be within 1.25 × the
bound (printed as a ratio); the second run must send zero requests.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from mtserver import FakeService  # noqa: E402

from pipeline.config import load_config  # noqa: E402
from pipeline.engines import get_engine  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.pretranslate import pretranslate  # noqa: E402

WORDS = ("Leber Rücken Schlaf Tee Körper Abend Morgen Bewegung Wärme Ruhe Atmung Garten Zecke Haut "
         "Ernährung Wasser Kräuter Spaziergang Rhythmus Stoffwechsel").split()
URLS = {"libre": "", "llm": "v1"}
VERBS = "braucht stärkt beruhigt fördert entlastet schützt begleitet unterstützt".split()


def sentence(rng: random.Random, n: int) -> str:
    a, b, c = rng.sample(WORDS, 3)
    text = f"Die {a} {rng.choice(VERBS)} am {b} den {c} Nummer {n}"
    if n % 5 == 0:
        text += f" mit **{rng.choice(WORDS)}**"
    if n % 7 == 0:
        text += f", siehe [{rng.choice(WORDS)}](https://example.org/{n})"
    if n % 11 == 0:
        text += f" und `code-{n}`"
    return text + "."


def write_project(root: Path, segments: int, url: str, args) -> None:
    rng = random.Random(20260526)
    (root / "source_de").mkdir(parents=True)
    model = 'model = "bench"\n' if args.engine == "llm" else ""
    (root / "verlag.toml").write_text(
        f'name = "Bench"\nlanguages = ["en"]\n\n[engines.{args.engine}]\nurl = "{url}/{URLS[args.engine]}"\n{model}'
        f"concurrency = {args.concurrency}\nrate = {args.rate}\nbatch_chars = {args.batch_chars}\n",
        encoding="utf-8")
    per_article = 100
    n = 0
    for a in range(math.ceil(segments / per_article)):
        if n + a >= segments:
            break
        paragraphs = []
        count = 1  # the title
        while count < per_article and n + a + 1 < segments:
            size = min(rng.randint(1, 4), per_article - count, segments - n - a - 1)
            paragraphs.append(" ".join(sentence(rng, n + i) for i in range(size)))
            n += size
            count += size
        body = "\n\n".join(paragraphs)
        (root / "source_de" / f"artikel-{a:03}.md").write_text(
            f"---\ntitle: Artikel {a}\ndate: 2026-05-26\n---\n{body}\n", encoding="utf-8")


def run(config, svc: FakeService, engine: str) -> dict:
    svc.log.clear()
    start = time.perf_counter()
    result = pretranslate(config, [get_engine(engine, config)], ["en"])
    wall = time.perf_counter() - start
    return {"wall": wall, "requests": len(svc.log), "chars": sum(e["chars"] for e in svc.log),
            "filled": sum(result.filled.values()), "empty": result.remaining["en"], "max_active": svc.max_active}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=sorted(URLS), default="libre")
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--batch-chars", type=int, default=2000)
    args = parser.parse_args(argv)
    os.environ["NO_PROXY"] = "127.0.0.1"
    os.environ.pop("LIBRE_API_KEY", None)
    os.environ.pop("OPENAI_API_KEY", None)
    svc = FakeService()
    svc.latency = args.latency
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_project(root, args.segments, svc.url, args)
        config = load_config(root)
        extract(config)
        print(f"{args.engine}: about {args.segments} segments, latency {args.latency * 1000:.0f} ms, "
              f"concurrency {args.concurrency}, "
              f"rate {args.rate:g}/s, batch_chars {args.batch_chars}")
        for label in ("cold", "rerun"):
            r = run(config, svc, args.engine)
            bound = max(math.ceil(r["requests"] / args.concurrency) * args.latency,
                        (r["requests"] - 1) / args.rate if r["requests"] else 0.0)
            print(f"{label:5}: {r['wall']:6.2f} s wall, {r['requests']:4} requests, {r['chars']:7,} characters, "
                  f"bound {bound:5.2f} s ({r['wall'] / bound if bound else 0:.2f} × bound), {r['filled']} segments "
                  f"filled, {r['empty']} empty, max {r['max_active']} concurrent")
    svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

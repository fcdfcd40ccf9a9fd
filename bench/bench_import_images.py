"""Placing a WordPress-sized run of same-named images: CPU seconds of ``importer.place`` and a digest of what it chose.

    python bench/bench_import_images.py [--sizes 2000,8000] [--before 100]

For each N, N articles of one image each, every image called ``image.jpg`` (a WordPress export's uploads: one
``image.jpg`` per month folder, each other bytes), and 1 in 10 showing the image of the article before it (the
same bytes: one copy for both). ``--before`` images called ``image.jpg``, ``image-2.jpg``, … are in
``source_de/bilder/`` already, from an earlier import of another blog, each other bytes than any of the run's.
Prints the CPU seconds of ``place`` (nothing written) and the SHA-256 of every article's text and image targets,
which must be the same for two versions of the code. Another checkout's code: ``PYTHONPATH=DIR`` (a ``git
archive``), run from outside this checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

from pipeline import importer


def run(n: int, before: int, folder: Path) -> tuple[float, str]:
    """(CPU seconds of ``place`` for ``n`` articles, the digest of what it placed) in ``folder``."""
    uploads, source = folder / "uploads", folder / "source_de"
    (source / "bilder").mkdir(parents=True)
    for k in range(1, before + 1):
        (source / "bilder" / ("image.jpg" if k == 1 else f"image-{k}.jpg")).write_bytes(b"\xff\xd8\xffalt %d" % k)
    articles = []
    for i in range(n):
        image = uploads / f"{2010 + i // 12}" / f"{i % 12 + 1:02d}" / "image.jpg"
        image.parent.mkdir(parents=True, exist_ok=True)
        image.write_bytes(b"\xff\xd8\xff" + (b"bild %d " % (i - 1 if i % 10 == 9 else i)) * 40)
        articles.append(importer.new_article(f"Beitrag {i}", "![Bild](bilder/image.jpg)\n", f"export.xml:{i}",
                                             date=None, origin=f"post {i} of bench", images={image: "image.jpg"}))
    start = time.process_time()
    placed = importer.place(articles, source)
    spent = time.process_time() - start
    digest = hashlib.sha256()
    for p in placed:
        digest.update(p.text.encode() + b"\0" + "\0".join(str(t.relative_to(folder)) for _, t in p.images).encode())
    return spent, digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--before", type=int, default=100)
    args = parser.parse_args()
    for n in map(int, args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            spent, digest = run(n, args.before, Path(tmp))
        print(f"N = {n:6d}: place {spent:7.2f} s CPU, placed {digest}", flush=True)


if __name__ == "__main__":
    main()

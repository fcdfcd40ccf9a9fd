#!/usr/bin/env python
"""CPU seconds of ``verlag check`` when translations link the site's pages by address (``published.PlannedPages``).

    python bench/bench_planned_pages.py [--sizes 50,100,200] [--code DIR]

Per N, a project with N short articles, every entry reviewed, at ``min_reviewed = 100``, and one overview article
("alle") whose English catalog links each of them by its address (``/blog/en/a001/``), itself linked so by a start
page checked first: the overview is published only while all those links are shown, so deciding whether the start
page's link is shown decides every linked page. Runs ``verlag check`` in a
process of its own (``--code``: another checkout or ``git archive``, run with this interpreter) and prints its CPU
seconds (user + sys) and their ratio to N / N0 times the first size's: 1.0 is linear, N / N0 quadratic.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent.parent


def write_project(root: Path, n: int, code: Path) -> None:
    """The project of the module's text, extracted and with every entry reviewed."""
    (root / "source_de").mkdir(parents=True)
    (root / "verlag.toml").write_text('name = "bench"\nsource_language = "de"\nlanguages = ["en"]\n'
                                      '[site]\nbase_url = "https://praxis.example/blog/"\n'
                                      '[publish]\nmin_reviewed = 100\n', encoding="utf-8")
    slugs = [f"a{i:03d}" for i in range(1, n + 1)]
    for slug in slugs:
        (root / "source_de" / f"{slug}.md").write_text(f"---\ntitle: Thema {slug}\ndate: 2026-05-26\n---\n"
                                                      f"Der Text über {slug} ist kurz.\n", encoding="utf-8")
    body = "".join(f"- Lies [über {slug}]({slug}.md).\n" for slug in slugs)
    (root / "source_de/alle.md").write_text(f"---\ntitle: Alle\ndate: 2026-05-26\n---\n{body}", encoding="utf-8")
    (root / "source_de/0start.md").write_text("---\ntitle: Start\ndate: 2026-05-26\n---\n"
                                              "Lies [über alle](alle.md).\n", encoding="utf-8")
    slugs.append("alle")
    verlag(code, root, "extract", "-q")
    for path in (root / "translations/en").glob("*.po"):
        if path.name == "site.po":
            continue
        po = polib.pofile(str(path))
        for entry in po:
            text = entry.msgid.replace("Lies [über ", "Read [about ").replace("Der Text über", "The text on")
            text = text.replace("ist kurz", "is short").replace("Thema", "Topic").replace("Alle", "All")
            text = text.replace("Start", "Home")
            for slug in slugs:
                text = text.replace(f"]({slug}.md)", f"](/blog/en/{slug}/)")
            entry.msgstr = text
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
        po.save()


def verlag(code: Path, root: Path, *args: str) -> float:
    """Run ``verlag`` of ``code`` in ``root``; the CPU seconds of that process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import cli; "
                    "sys.argv = ['verlag', *sys.argv[2:]]; cli.main()", str(code), *args],
                   cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="50,100,200", help="comma-separated numbers of linked articles")
    ap.add_argument("--code", type=Path, default=HERE, help="the verlag checkout to run (default: this one)")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="verlag-bench-planned-"))
    first = None
    try:
        print(f"{'N':>5} {'check CPU s':>12} {'vs linear':>10}")
        for n in (int(s) for s in args.sizes.split(",") if s.strip()):
            root = base / f"n{n}"
            write_project(root, n, args.code)
            seconds = verlag(args.code, root, "check")
            first = first or (n, seconds)
            print(f"{n:>5} {seconds:12.2f} {seconds / (first[1] * n / first[0]):10.2f}", flush=True)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

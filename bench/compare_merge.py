"""Merge the random catalogs of ``tests/merge_cases.py`` with two versions of verlag's code; say where they differ.

usage: .venv/bin/python bench/compare_merge.py BEFORE_COMMIT [AFTER_COMMIT] [--seeds N]

Each version is exported (``git archive``; without AFTER_COMMIT the work tree as it is) to a scratch folder and
merges cases 0 to N-1 (default 5000) in a process of its own, its ``pipeline`` first on ``sys.path``; the cases are
made by this checkout's ``tests/merge_cases.py`` for both. A change of the merge that should keep its results
(``greedy.pairs`` for the sort of every pair) must give the same catalog byte for byte, the same splits and joins.
Prints the seeds whose results differ (none: exit 0) and how many cases had splits, joins and fuzzy entries.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export(version: str, into: Path) -> None:
    if version == "worktree":
        files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                               check=True, capture_output=True).stdout
        archive = subprocess.run(["tar", "-c", "--null", "-T", "-"], cwd=ROOT, input=files, check=True,
                                 capture_output=True).stdout
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", version], check=True, capture_output=True).stdout
    into.mkdir()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def results(code: Path, seeds: int) -> list[str]:
    done = subprocess.run([sys.executable, __file__, "--worker", str(code), "--seeds", str(seeds)], check=True,
                          capture_output=True, text=True)
    return done.stdout.splitlines()


def worker(code: str, seeds: int) -> None:
    sys.path[:0] = [code, str(ROOT / "tests")]
    from merge_cases import merged

    assert sys.modules["pipeline"].__file__.startswith(code), sys.modules["pipeline"].__file__
    for seed in range(seeds):
        text, splits, joins = merged(seed)
        digest = hashlib.sha256(repr((text, splits, joins)).encode()).hexdigest()[:16]
        print(seed, digest, bool(splits), bool(joins), "#, fuzzy" in text)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("versions", nargs="*")
    parser.add_argument("--seeds", type=int, default=5000)
    parser.add_argument("--worker")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.seeds)
        return 0
    if not 1 <= len(args.versions) <= 2:
        parser.error("give BEFORE_COMMIT and, optionally, AFTER_COMMIT")
    versions = [*args.versions, "worktree"][:2]
    with tempfile.TemporaryDirectory() as scratch:
        lines = []
        for n, version in enumerate(versions):
            export(version, Path(scratch, str(n)))
            lines.append(results(Path(scratch, str(n)), args.seeds))
    differ = [before.split()[0] for before, after in zip(*lines) if before != after]
    cases = [line.split() for line in lines[1]]
    print(f"{len(cases)} cases: {sum(c[2] == 'True' for c in cases)} with splits, "
          f"{sum(c[3] == 'True' for c in cases)} with joins, {sum(c[4] == 'True' for c in cases)} with fuzzy entries; "
          f"{len(differ)} differ between {versions[0]} and {versions[1]}"
          + (f": seeds {' '.join(differ)}" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Issue 14's linearity run: every step of a generated project at several N, CPU, wall and peak RSS per process.

    python bench/bench_linearity.py [--sizes 500,10000] [--code DIR] [--workdir DIR] [--nice 5] [--keep]
                                    [--skip "pretranslate copy"]

For each N a project is written by ``bench_extract.write_project`` (one target
language, ~800 words an article, seeded), and these ``verlag`` commands run
one after the other, each in a process of its own:

  extract cold, extract no-op,
  pretranslate --engine copy   (on a copy of the extracted project, then deleted),
  pretranslate --engine pseudo (the project the build uses: pseudo drafts are published,
                                so the build makes two pages per article; copy drafts are not),
  build -q cold, build -q no-op,
  update: extract after 5 % of the sentences were rewritten and every source re-saved
          (on a copy made after pretranslate, as the shared peer benchmark does).

CPU is user + system of verlag and of every process it started (``wait4``).
Peak RSS is told apart per process: verlag itself (``getrusage`` RUSAGE_SELF in
the process, at exit), its pool workers and Pagefind (``VmHWM`` of each process
in ``/proc``, read every 0.2 s while the step runs; the largest of each kind).
``--code`` runs the verlag code of another checkout or ``git archive`` (put
ahead of this checkout's on ``sys.path``), with this interpreter's packages.
The last column compares each step with N times its figure at the first size
(CPU), the goal being at most 1.2. ``--skip`` leaves out steps no later step
needs (``pretranslate copy``, ``build no-op``, ``extract no-op``), to spend a
long N = 10,000 run on the others.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from bench_extract import write_project  # noqa: E402 - bench/ is put on the path above

# Runs in the measured process: verlag's command line, then its own peak RSS and CPU into the file
# named by VERLAG_BENCH_SELF (ru_maxrss is KiB on Linux).
RUNNER = """
import atexit, json, os, resource, sys
sys.path.insert(0, sys.argv[1])
def report():
    own = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["VERLAG_BENCH_SELF"], "w") as out:
        json.dump({"rss": own.ru_maxrss * 1024, "cpu": own.ru_utime + own.ru_stime}, out)
atexit.register(report)
sys.argv = ["verlag", *sys.argv[2:]]
import cli
cli.main()
"""


# Steps whose project no later step uses.
OPTIONAL = ("build no-op", "extract no-op", "pretranslate copy")


def _descendants(pid: int) -> list[int]:
    """The processes below ``pid`` now (``/proc/<pid>/task/*/children``)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def _peak(pid: int) -> tuple[str, int] | None:
    """(command name, peak RSS in bytes) of a running process; None once it is gone."""
    try:
        comm = Path(f"/proc/{pid}/comm").read_text().strip()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return comm, int(line.split()[1]) * 1024
    return None


def run_step(code: Path, project: Path, args: list[str], nice: int) -> dict:
    """One verlag command in ``project``: wall and CPU seconds, peak RSS of verlag, its workers and Pagefind."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as own_file:
        own_path = own_file.name
    env = {**os.environ, "VERLAG_BENCH_SELF": own_path}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = ["nice", "-n", str(nice), sys.executable, "-c", RUNNER, str(code), *args]
    peaks: dict[str, int] = {}
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            for pid in _descendants(process.pid):  # ``nice`` execs verlag's Python: its pid is the process's
                seen = _peak(pid)
                if seen:
                    kind = "pagefind" if "pagefind" in seen[0] else "worker"
                    peaks[kind] = max(peaks.get(kind, 0), seen[1])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    own = json.loads(Path(own_path).read_text() or "{}") if Path(own_path).stat().st_size else {}
    os.unlink(own_path)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"verlag {' '.join(args)} failed in {project}:\n{stderr}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": own.get("rss", 0), **peaks}


def mib(value: int | None) -> str:
    return f"{value / 2**20:,.0f}" if value else "-"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="500,10000", help="comma-separated article counts; the first is the base")
    ap.add_argument("--code", type=Path, default=HERE.parent, help="the verlag checkout to run (default: this one)")
    ap.add_argument("--workdir", type=Path, help="where the projects go (default: a new temp dir)")
    ap.add_argument("--nice", type=int, default=5, help="niceness of the measured commands")
    ap.add_argument("--keep", action="store_true", help="keep the projects")
    ap.add_argument("--skip", action="append", default=[], choices=sorted(OPTIONAL),
                    help="leave out this step (repeatable)")
    ap.add_argument("--keep-extracted", action="store_true",
                    help="keep a copy of each project as extracted (n<N>-extracted), to time other code on")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="verlag-linearity-"))
    work.mkdir(parents=True, exist_ok=True)
    code = args.code.resolve()
    print(f"verlag linearity: code {code}, 1 language, nice {args.nice}, work in {work}", flush=True)
    head = f"{'N':>6} {'step':<22} {'wall s':>8} {'CPU s':>8} {'verlag MiB':>11} {'worker MiB':>11} " \
           f"{'Pagefind MiB':>13} {'CPU / (N/N0 x N0)':>18}"
    print(head)
    print("-" * len(head), flush=True)
    base: dict[str, tuple[int, float]] = {}
    for n in sizes:
        root = work / f"n{n}"
        write_project(root, n, 1, edited=False)

        def step(label: str, project: Path, *verlag_args: str) -> None:
            figures = run_step(code, project, list(verlag_args), args.nice)
            first = base.setdefault(label, (n, figures["cpu"]))
            ratio = figures["cpu"] / (first[1] * n / first[0])
            print(f"{n:>6} {label:<22} {figures['wall']:8.1f} {figures['cpu']:8.1f} {mib(figures['rss']):>11} "
                  f"{mib(figures.get('worker')):>11} {mib(figures.get('pagefind')):>13} {ratio:18.2f}", flush=True)

        step("extract cold", root, "extract")
        if "extract no-op" not in args.skip:
            step("extract no-op", root, "extract")
        if args.keep_extracted:
            shutil.copytree(root, work / f"n{n}-extracted", symlinks=True)
        if "pretranslate copy" not in args.skip:
            copied = work / f"n{n}-copy"
            shutil.copytree(root, copied, symlinks=True)
            step("pretranslate copy", copied, "pretranslate", "--engine", "copy", "--lang", "en")
            shutil.rmtree(copied)
        step("pretranslate pseudo", root, "pretranslate", "--engine", "pseudo", "--lang", "en")
        edited = work / f"n{n}-edited"
        shutil.copytree(root, edited, symlinks=True)
        step("build cold", root, "build", "-q")
        if "build no-op" not in args.skip:
            step("build no-op", root, "build", "-q")
        if not args.keep:
            shutil.rmtree(root)
        write_project(edited, n, 1, edited=True)
        step("update (5 % edited)", edited, "extract")
        if not args.keep:
            shutil.rmtree(edited)
    if not args.keep and not args.workdir:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

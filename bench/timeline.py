"""Where a verlag command's time goes: its stages' start and end and the life and CPU of every process it started.

usage: (cd PROJECT && python /path/to/bench/timeline.py build -q -j 2)

Runs the command in this process with the stage functions of the build wrapped to stamp the time
(``build_editions``, the pools' ``map_articles``, ``site_outputs``, ``_list_pages``, ``index_site``, each Pagefind
run's start and the moment its output was collected) while a thread reads ``/proc`` every 0.1 s: the CPU of this
process and of its children (pool workers, Pagefind), each child's first and last moment with CPU, and the cores
busy per tenth of a second. Printed to stderr after the command's own output: the stamps, the children, and per
interval between two stamps the core-seconds of the cores it may run on left idle there. On a loaded machine "idle" is
also the time other processes took: read it at low load, or read the children's CPU, which the load does not hide.
"""
import atexit
import functools
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
START = time.monotonic()
CORES = len(os.sched_getaffinity(0))
TICK = os.sysconf("SC_CLK_TCK")
stamps: list[tuple[float, str]] = []
busy: list[tuple[float, float]] = []  # (seconds since START, cores busy in the tenth of a second before)
children: dict[int, list] = {}  # pid -> [name, first seen with CPU, last seen with CPU, CPU seconds]


def stamp(name: str) -> None:
    stamps.append((time.monotonic() - START, name))


def _cpu(pid: int) -> int | None:
    """User and system clock ticks of ``pid`` (all its threads), None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as file:
                found += [int(child) for child in file.read().split()]
    except OSError:
        pass
    return found


def _sample() -> None:
    last: dict[int, int] = {}
    total = before = 0
    then = time.monotonic()
    while True:
        time.sleep(0.1)
        pids = [os.getpid()]
        for pid in pids:  # grows as it goes: children of children
            pids += _children(pid)
        now = time.monotonic()
        for pid in pids:
            ticks = _cpu(pid)
            if ticks is None or ticks <= last.get(pid, 0):
                continue
            total += ticks - last.get(pid, 0)
            last[pid] = ticks
            if pid != os.getpid():
                if pid not in children:
                    try:
                        name = Path(open(f"/proc/{pid}/cmdline").read().split("\0")[0]).name
                    except OSError:
                        name = "?"
                    children[pid] = [name, now - START, now - START, 0.0]
                children[pid][2:] = [now - START, ticks / TICK]
        busy.append((now - START, (total - before) / TICK / (now - then)))
        before, then = total, now


def _wrap(owner, name: str) -> None:
    real = getattr(owner, name)

    @functools.wraps(real)
    def stamped(*args, **kwargs):
        stamp(f"{name} start")
        try:
            return real(*args, **kwargs)
        finally:
            stamp(f"{name} end")

    setattr(owner, name, stamped)


class _Popen(subprocess.Popen):
    """A Pagefind run stamped at its start and when its output was collected (``search._run`` waits in order)."""

    def __init__(self, args, *rest, **kwargs):
        self.part = args[args.index("--glob") + 1] if "--glob" in args else "whole site"
        stamp(f"pagefind {self.part} start")
        super().__init__(args, *rest, **kwargs)

    def communicate(self, *args, **kwargs):
        out = super().communicate(*args, **kwargs)
        stamp(f"pagefind {self.part} collected")
        return out


def _report() -> None:
    end = time.monotonic() - START
    out = sys.stderr
    print(f"wall {end:.2f} s", file=out)
    for at, name in stamps:
        print(f"{at:8.2f}  {name}", file=out)
    for pid, (name, first, last, cpu) in sorted(children.items(), key=lambda item: item[1][1]):
        print(f"child {pid} {name}: {first:.2f}-{last:.2f} s, {cpu:.2f} s CPU", file=out)
    marks = sorted(stamps) + [(end, "exit")]
    for (at, name), (until, _) in zip(marks, marks[1:]):
        tenths = [cores for t, cores in busy if at <= t < until]
        if tenths:
            idle = sum(max(0.0, CORES - cores) * 0.1 for cores in tenths)
            print(f"{at:8.2f}-{until:8.2f}  after {name}: {idle:.2f} idle core-seconds", file=out)


def main() -> None:
    from pipeline import editions, pool, site

    for owner, name in ((editions, "build_editions"), (site, "build_site"), (pool, "map_articles"),
                        (site, "site_outputs"), (site, "_list_pages"), (site, "index_site")):
        _wrap(owner, name)  # before ``cli`` imports them where a command runs
    subprocess.Popen = _Popen
    threading.Thread(target=_sample, daemon=True).start()
    atexit.register(_report)
    import cli

    cli.main(sys.argv[1:], prog_name="verlag")


if __name__ == "__main__":
    main()

"""Run one verlag command and print its wall time and the CPU seconds of the main process and of its workers.

usage: (cd PROJECT && python /path/to/bench/rusage.py extract [options])

``/usr/bin/time`` adds the workers' CPU to the main process's; this tells
them apart (``getrusage`` RUSAGE_SELF and RUSAGE_CHILDREN at exit), which
shows whether the main process or the pool bounds a run with ``--jobs``.
The figures go to stderr, after the command's own output.
"""
import atexit
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
START = time.monotonic()


def _report() -> None:
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"wall {time.monotonic() - START:.1f} s, CPU main process {own.ru_utime + own.ru_stime:.1f} s, "
          f"workers {workers.ru_utime + workers.ru_stime:.1f} s", file=sys.stderr)


atexit.register(_report)
sys.argv = ["verlag", *sys.argv[1:]]
import cli  # noqa: E402 - after the clock starts, as a verlag process would

cli.main()

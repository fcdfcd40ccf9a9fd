"""Where a verlag command's own CPU goes, sampled: every 2 ms of the process's CPU (``ITIMER_PROF``, user and system)
the Python stack is read, and the CPU spent since the last sample is added to each function on it (inclusive) and to
the one on top (exclusive).

usage: (cd PROJECT && python /path/to/bench/sample_cpu.py [--top N] build -q -j 1)

cProfile times every call, which inflates code of many small calls against code that spends its time inside one C
call (a regex, nh3, SQLite, a file's creation): its figures for a cold build summed to 83 s where the build took 19 s
of CPU. A sample costs one signal handler per 2 ms. A signal that arrives inside a C call is handled when the call
returns, by then in the frame that made it: each sample is weighted by the CPU since the previous one, so the total is
the command's CPU and a long C call counts for its caller. Only this process is sampled: the itimer is not inherited
by the pool's forked workers nor by Pagefind (use ``-j 1``; ``bench/timeline.py`` gives the children's CPU).
"""
import collections
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
INTERVAL = 0.002
inclusive: collections.Counter = collections.Counter()
exclusive: collections.Counter = collections.Counter()
last = [0.0]


def _name(frame) -> str:
    code = frame.f_code
    return f"{'/'.join(code.co_filename.rsplit('/', 2)[-2:])}:{code.co_name}"


def _sample(signum, frame) -> None:
    now = time.process_time()
    spent, last[0] = now - last[0], now
    exclusive[_name(frame)] += spent
    for name in {_name(f) for f in _frames(frame)}:
        inclusive[name] += spent


def _frames(frame):
    while frame is not None:
        yield frame
        frame = frame.f_back


def main() -> None:
    args = sys.argv[1:]
    top = 40
    if args[:1] == ["--top"]:
        top, args = int(args[1]), args[2:]
    import verlag

    sys.argv = ["verlag", *args]
    signal.signal(signal.SIGPROF, _sample)
    last[0] = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    try:
        verlag.main()
    except SystemExit:
        pass
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(exclusive.values())
    out = sys.stderr
    print(f"\n{total:.2f} s of this process's CPU sampled", file=out)
    for title, counts in (("inclusive", inclusive), ("exclusive", exclusive)):
        print(f"{title}:", file=out)
        for name, spent in counts.most_common(top):
            print(f"  {spent:7.2f} s {100 * spent / total:5.1f} %  {name}", file=out)


if __name__ == "__main__":
    main()

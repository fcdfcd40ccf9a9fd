"""The build's own process (not its workers, not Pagefind): its CPU (user and system, ``getrusage``) and wall time
of a `build -q -j 2` in all, in ``site_outputs`` (the bodies pool; and the part of it before that pool starts,
``_pooled``: the reference scan's pool and what the parent alone does after it), between it and ``index_site``
(site/en/ written while Pagefind's English run waits) and in ``index_site``'s ``written`` (the rest written). Under a
load of 10 the wall clock is the other processes'; the parent's own system time per phase still shows what the writes cost.

usage: (cd PROJECT && PYTHONPATH=/path/to/checkout python /path/to/bench/parent_cpu.py)   (the checkout measured)
"""
import functools
import resource
import sys
import time

import pipeline.search as search
import pipeline.site as site

marks: dict[str, tuple[float, float, float]] = {}  # name -> (user s, system s, monotonic s)


def mark(name: str) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    marks[name] = (usage.ru_utime, usage.ru_stime, time.monotonic())


def site_outputs(*args, **kwargs):
    mark("site_outputs start")
    try:
        return real_outputs(*args, **kwargs)
    finally:
        mark("site_outputs end")


def pooled(*args, **kwargs):
    mark("bodies pool start")
    return real_pooled(*args, **kwargs)


def index_site(site_dir, scratch, folders=(), jobs=1, written=None):
    mark("index_site start")

    def rest():
        mark("rest start")
        try:
            return written()
        finally:
            mark("rest end")
    return real_index(site_dir, scratch, folders, jobs, rest if written is not None else None)


def span(start: str, end: str) -> str:
    if start not in marks or end not in marks:
        return "not run"
    (u0, s0, t0), (u1, s1, t1) = marks[start], marks[end]
    return f"{u1 - u0:.2f} user {s1 - s0:.2f} sys ({t1 - t0:.2f} s wall)"


real_outputs, real_index, real_pooled = site.site_outputs, search.index_site, site._pooled
site._pooled = pooled
site.site_outputs = functools.wraps(real_outputs)(site_outputs)
site.index_site = index_site
from verlag import main  # noqa: E402

sys.argv = ["verlag", "build", "-q", "-j", "2"]
mark("start")
try:
    main()
except SystemExit:
    pass
mark("exit")
print(f"parent: whole {span('start', 'exit')} | site_outputs {span('site_outputs start', 'site_outputs end')} | "
      f"before the bodies pool {span('site_outputs start', 'bodies pool start')} | "
      f"en written {span('site_outputs end', 'index_site start')} | rest {span('rest start', 'rest end')}",
      file=sys.stderr)

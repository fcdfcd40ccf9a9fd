"""Per-article work in a process pool (``--jobs``), merged back in document order.

The stages call ``map_articles`` for the articles they are about to process
and then walk the articles in document order as a serial run does, taking
each result from the pool as soon as the workers have it, so the stage's own
work (merging, writing) overlaps theirs; ``--jobs`` never changes an output
byte. An article whose work raised in a worker has no result: the stage does
it again in its own process, where the failure is contained and reported
(file, line, cause) exactly as in a serial run.
"""

from __future__ import annotations

import ctypes
import gc
import itertools
import multiprocessing
import os
import signal
import sys
import weakref
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from typing import Callable, Iterator, TypeVar

from . import GC_YOUNG_THRESHOLD
from .config import CONFINED, Config
from .fsutil import confine
from .lock import release_in_forked_child
from .sources import Article

T = TypeVar("T")


def default_jobs() -> int:
    """Worker processes by default: the CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_articles(work: Callable[[Config, Article], T], config: Config, articles: list[Article],
                 jobs: int | None) -> Results:
    """``work(config, article)`` for each article in ``jobs`` worker processes (None: ``default_jobs()``).

    Returns the results as they come, to be taken by slug (``Results.get``) in
    the order of ``articles``; ``work`` must be a module-level function (or a
    ``functools.partial`` of one) and its result picklable. With one job, or
    fewer than two articles, nothing is done and every answer is None: the
    stage's serial path does the work.

    The first article is worked here, before the workers are forked: the modules ``work`` imports where it
    runs, the regexes it compiles and the parsers it caches are then loaded once and shared by every worker,
    not once per worker (the editions stage's workers each imported 178 modules at N = 500;
    bench/HISTORY.md, "Branch i14build4").
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(articles) < 2:
        return Results([], iter(()), None)
    first = _run(work, config, articles[0])
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(articles) - 1), initializer=_start_worker,
                               initargs=(os.getpid(), work, config, articles), mp_context=_start_method())
    answers = itertools.chain([first], pool.map(_attempt, range(1, len(articles)), chunksize=8))
    return Results(articles, answers, pool)


def _start_method():
    """The workers are forks of this process on Linux (``_start_worker``: they share its heap, check that it
    is their parent, and print its warnings through the handlers it set up), whatever the process-wide
    default is: Python 3.14 starts them from a fork server there (What's New in 3.14, multiprocessing),
    whose workers have the server for their parent and so ended at once, leaving every article to the stage's
    serial path. Elsewhere None: the platform's default (spawn on macOS, where fork is unsafe)."""
    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


_PR_SET_PDEATHSIG = 1  # prctl(2)
WORKER_GC_THRESHOLD = GC_YOUNG_THRESHOLD  # allocations between a worker's young collections (CPython's: 700)


# a worker's ``work``, ``config`` and the articles it is given by their index
_task: tuple[Callable[[Config, Article], object], Config, list[Article]] | None = None


def _start_worker(parent: int, work: Callable[[Config, Article], T], config: Config, articles: list[Article]) -> None:
    """A worker takes ``work``, ``config`` and the articles once, not with every chunk of articles: a stage's
    ``work`` may carry what grows with the site (the site stage's ``_BodyPlan`` names every published page), and
    sent with each chunk of 8 articles it cost time quadratic in their number. The chunks name the articles by
    their index: a forked worker has them already (a cold extract at N = 500 pickled 4.7 MB of article text in
    this process's feeder thread, for the workers to unpickle).

    A worker lets go of the project lock its fork copied and ends with the verlag that started it
    (Linux: prctl PR_SET_PDEATHSIG; elsewhere it exits when its pipe closes, as before): a verlag killed
    with kill -9 must leave neither a held lock nor idle workers behind.

    Its cyclic garbage collector (https://docs.python.org/3/library/gc.html) leaves alone what the fork
    copied (``gc.freeze``: the parent's objects live as long as the worker) and runs a young collection
    after ``WORKER_GC_THRESHOLD`` allocations instead of 700: the Markdown tokens, catalog entries and
    segments a worker makes are freed by reference counting, and the collections that walked them and
    the copied heap took 4.5 s of a cold build's 40 s of CPU at N = 500, 0.8 s after (bench/HISTORY.md,
    "The website")."""
    global _task
    _task = (work, config, articles)
    confine(config.root, *CONFINED)  # a fork has it already; one spawned (macOS) starts without
    release_in_forked_child()
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, 10, 10)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


class Results:
    """The pool's answers by slug, each waited for only when the stage asks for it."""

    def __init__(self, articles: list[Article], answers: Iterator[tuple | None], pool: ProcessPoolExecutor | None):
        self._pending = iter([a.slug for a in articles])
        self._asked = {a.slug for a in articles}
        self._answers = answers
        self._ready: dict[str, tuple | None] = {}
        self._pool = pool
        if pool is not None:  # a stage that stops early (an exception) leaves no workers behind
            self._done = weakref.finalize(self, pool.shutdown, wait=False, cancel_futures=True)

    def get(self, slug: str):
        """The result of ``work`` for this article, or None (not submitted, or its work raised).

        Blocks until the workers have answered for every article submitted before it.
        """
        if slug not in self._asked:
            return None
        while slug not in self._ready:
            try:
                answer = next(self._answers)
            except (BrokenExecutor, StopIteration):  # a worker died: the stage does the rest itself
                answer = None
            self._ready[next(self._pending)] = answer
        self._asked.discard(slug)
        if not self._asked and self._pool is not None:
            self._done.detach()
            self._pool.shutdown()
        answer = self._ready.pop(slug)
        return answer[0] if answer is not None else None


def _attempt(index: int) -> tuple | None:
    """In a worker: ``_run`` with the worker's ``_task``, for its article at ``index``."""
    work, config, articles = _task
    return _run(work, config, articles[index])


def _run(work: Callable[[Config, Article], object], config: Config, article: Article) -> tuple | None:
    """``(work(config, article),)``; None when it raised."""
    try:
        return (work(config, article),)
    except Exception:  # done again, contained and reported, by the stage's serial path
        return None

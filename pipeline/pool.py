"""Per-article work in a process pool (``--jobs``), merged back in document order.

The stages call ``map_articles`` for the articles they are about to process
and then walk the articles in document order as a serial run does, taking
each result from the pool; so ``--jobs`` never changes an output byte. An
article whose work raised in a worker is simply absent from the answer: the
stage does it again in its own process, where the failure is contained and
reported (file, line, cause) exactly as in a serial run.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, TypeVar

from .config import Config
from .sources import Article

T = TypeVar("T")


def default_jobs() -> int:
    """Worker processes by default: the CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_articles(work: Callable[[Config, Article], T], config: Config, articles: list[Article],
                 jobs: int | None) -> dict[str, T]:
    """``work(config, article)`` for each article in ``jobs`` worker processes (None: ``default_jobs()``).

    Returns slug -> result for the articles whose work returned; ``work`` must
    be a module-level function (or a ``functools.partial`` of one) and its
    result picklable. With one job, or fewer than two articles, nothing is
    done and the answer is empty: the stage's serial path does the work.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(articles) < 2:
        return {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(articles))) as pool:
        answers = pool.map(_attempt, [work] * len(articles), [config] * len(articles), articles, chunksize=8)
        return {article.slug: answer[0] for article, answer in zip(articles, answers) if answer is not None}


def _attempt(work: Callable[[Config, Article], T], config: Config, article: Article) -> tuple[T] | None:
    try:
        return (work(config, article),)
    except Exception:  # done again, contained and reported, by the stage's serial path
        return None

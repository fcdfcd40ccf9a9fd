"""The process pool hands results back by slug as the stage walks its articles, and never loses an article."""

from __future__ import annotations

import os

from pipeline.config import load_config
from pipeline.pool import map_articles
from pipeline.sources import read_sources

from conftest import article


def _pid_and_title(config, art):
    return os.getpid(), art.meta["title"]


def _dies_on_zwei(config, art):
    if art.slug == "zwei":
        os._exit(1)  # the worker process dies, as when the kernel kills it for memory
    return art.slug


def _articles(project):
    for slug in ("eins", "zwei", "drei", "vier"):
        project.write(f"source_de/{slug}.md", article(slug.title(), "Ein Satz.\n"))
    config = load_config(project.root)
    return config, sorted(read_sources(config).articles, key=lambda a: a.slug)


def test_results_by_slug_from_worker_processes(project):
    config, articles = _articles(project)
    results = map_articles(_pid_and_title, config, articles[:3], 2)
    assert results.get(articles[3].slug) is None  # not submitted
    answers = [results.get(a.slug) for a in articles[:3]]
    assert [title for _, title in answers] == [a.meta["title"] for a in articles[:3]]
    assert os.getpid() not in {pid for pid, _ in answers}
    assert results.get(articles[0].slug) is None  # each result is handed out once


def test_one_job_or_a_dead_worker_leaves_the_work_to_the_stage(project):
    config, articles = _articles(project)
    assert [map_articles(_pid_and_title, config, articles, 1).get(a.slug) for a in articles] == [None] * 4
    results = map_articles(_dies_on_zwei, config, articles, 2)
    answers = {a.slug: results.get(a.slug) for a in articles}
    assert answers["zwei"] is None
    assert set(answers.values()) <= {None, "drei", "eins", "vier"}  # whatever finished before the death counts

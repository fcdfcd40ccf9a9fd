"""The process pool hands results back by slug as the stage walks its articles, and never loses an article."""

from __future__ import annotations

import functools
import gc
import json
import os

import pipeline.editions
import pipeline.extract_article
import pipeline.site
import pipeline.sources
from pipeline import GC_YOUNG_THRESHOLD
from pipeline.config import load_config
from pipeline.pool import WORKER_GC_THRESHOLD, map_articles
from pipeline.sources import read_sources

from conftest import WALL, article


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
    assert answers[0][0] == os.getpid()  # the first article warms this process up before the fork
    assert os.getpid() not in {pid for pid, _ in answers[1:]}
    assert results.get(articles[0].slug) is None  # each result is handed out once


class _Unsent:
    """An article that cannot be pickled: to be worked on by a worker, it must reach it by the fork."""

    def __init__(self, article):
        self.slug, self.meta = article.slug, article.meta

    def __reduce_ex__(self, protocol):
        raise TypeError(f"{self.slug} was pickled for a worker")


def test_workers_take_their_articles_from_the_fork_not_through_the_pipe(project):
    """The chunks name the articles by index: a cold extract at N = 500 pickled 4.7 MB of article text for workers
    that had the articles already (bench/HISTORY.md, "Branch ex2")."""
    config, articles = _articles(project)
    results = map_articles(_pid_and_title, config, [_Unsent(a) for a in articles], 2)
    answers = [results.get(a.slug) for a in articles]
    assert [title for _, title in answers] == [a.meta["title"] for a in articles]
    assert os.getpid() not in {pid for pid, _ in answers[1:]}


def test_workers_are_forks_also_where_python_starts_them_from_a_fork_server(project, request):
    """Python 3.14 makes "forkserver" the default start method on Linux; set here for the process, as a
    program may set it. The workers must still be this process's forks, or they end at once (their parent is
    the server) and every article is done again, serially, by the stage."""
    import multiprocessing

    previous = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("forkserver", force=True)
    request.addfinalizer(lambda: multiprocessing.set_start_method(previous, force=True))
    config, articles = _articles(project)
    results = map_articles(_pid_and_title, config, articles, 2)
    answers = [results.get(a.slug) for a in articles]
    assert None not in answers
    assert [title for _, title in answers] == [a.meta["title"] for a in articles]
    assert os.getpid() not in {pid for pid, _ in answers[1:]}


class _Counted:
    """A stage's plan stand-in that counts how often the parent pickles it."""

    sent = 0

    def __reduce__(self):
        _Counted.sent += 1
        return _Counted, ()


def _with_plan(plan, config, art):
    return art.slug


def test_a_stages_work_goes_to_each_worker_once_not_with_every_chunk(project):
    """The site stage's work carries a plan naming every page: sent with each chunk of 8 articles it cost
    time quadratic in their number."""
    for n in range(40):
        project.write(f"source_de/a{n:02d}.md", article(f"A {n}", "Ein Satz.\n"))
    config = load_config(project.root)
    articles = sorted(read_sources(config).articles, key=lambda a: a.slug)
    _Counted.sent = 0
    results = map_articles(functools.partial(_with_plan, _Counted()), config, articles, 2)
    assert [results.get(a.slug) for a in articles] == [a.slug for a in articles]
    assert _Counted.sent <= 2  # at most once per worker (none when forked); 5 chunks were sent


def _collector(config, art):
    return gc.get_threshold()[0], gc.get_freeze_count()


def test_workers_collect_garbage_less_often_and_never_walk_the_heap_their_fork_copied(project):
    config, articles = _articles(project)
    threshold, frozen_here = gc.get_threshold(), gc.get_freeze_count()  # (a command run in this process froze)
    results = map_articles(_collector, config, articles, 2)
    answers = [results.get(a.slug) for a in articles][1:]  # the first is worked in this process
    assert {young for young, _ in answers} == {WORKER_GC_THRESHOLD}
    assert min(frozen for _, frozen in answers) > max(10_000, frozen_here)  # the parent's modules, config, articles...
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == frozen_here  # the parent's collector as it was


def test_a_build_collects_garbage_as_rarely_as_the_workers_and_gives_the_collector_back(project, monkeypatch):
    _articles(project)
    project.run("extract")
    seen = []
    for module, name in ((pipeline.editions, "build_editions"), (pipeline.site, "build_site")):
        def watched(*args, _stage=getattr(module, name), _name=name, **kwargs):
            seen.append((_name, gc.get_threshold()[0]))
            return _stage(*args, **kwargs)
        monkeypatch.setattr(module, name, watched)
    threshold = gc.get_threshold()
    project.run("build", "-q", "-j", "1")
    assert seen == [("build_editions", GC_YOUNG_THRESHOLD), ("build_site", GC_YOUNG_THRESHOLD)]
    assert gc.get_threshold() == threshold  # the next command of this process collects as before
    assert WORKER_GC_THRESHOLD == GC_YOUNG_THRESHOLD > threshold[0]


def test_an_extract_collects_garbage_as_rarely_as_the_workers_and_gives_the_collector_back(project, monkeypatch):
    """With ``-j 1`` the process segments every article itself: at CPython's young threshold a cold extract of the
    peer corpus (N = 500) spent 0.26 s of its CPU in 906 collections (bench/HISTORY.md, "Branch ex2")."""
    _articles(project)
    seen = []

    def watched(*args, _stage=pipeline.extract_article.extract_article, **kwargs):
        seen.append(gc.get_threshold()[0])
        return _stage(*args, **kwargs)

    monkeypatch.setattr(pipeline.extract_article, "extract_article", watched)
    threshold = gc.get_threshold()
    project.run("extract", "-q", "-j", "1")
    assert seen and set(seen) == {GC_YOUNG_THRESHOLD}
    assert gc.get_threshold() == threshold  # the next command of this process collects as before


def test_one_job_or_a_dead_worker_leaves_the_work_to_the_stage(project):
    config, articles = _articles(project)
    assert [map_articles(_pid_and_title, config, articles, 1).get(a.slug) for a in articles] == [None] * 4
    results = map_articles(_dies_on_zwei, config, articles, 2)
    answers = {a.slug: results.get(a.slug) for a in articles}
    assert answers["zwei"] is None
    assert set(answers.values()) <= {None, "drei", "eins", "vier"}  # whatever finished before the death counts


def _sleep_then_slug(config, art):
    import multiprocessing
    import time

    if multiprocessing.parent_process() is not None:  # in a worker (the first article is worked in the parent)
        time.sleep(30)
    return art.slug


def _was_loaded(name, config, art):
    """Whether the module ``name`` had been imported in this process when the work began; imports it."""
    import importlib
    import sys

    loaded = name in sys.modules
    importlib.import_module(name)
    return loaded


def test_workers_start_from_a_parent_that_loaded_what_the_work_imports(project, tmp_path, monkeypatch):
    """Each editions worker imported 178 modules (the QA checks, markdown-it, Babel...) and compiled their
    regexes itself: with two jobs, twice the work of one. The first article is worked in the parent before
    the fork, so the workers share what it loaded."""
    (tmp_path / "lazily_imported_by_work.py").write_text("LOADED = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for n in range(12):
        project.write(f"source_de/a{n:02d}.md", article(f"A {n}", "Ein Satz.\n"))
    config = load_config(project.root)
    articles = sorted(read_sources(config).articles, key=lambda a: a.slug)
    results = map_articles(functools.partial(_was_loaded, "lazily_imported_by_work"), config, articles, 2)
    answers = [results.get(a.slug) for a in articles]
    assert answers == [False] + [True] * 11


def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None


def test_workers_of_a_verlag_killed_with_kill_9_end_and_leave_the_lock_free(project, tmp_path):
    # A build killed mid-pool left its workers asleep for ever, holding the project lock (flock belongs to
    # the open file, which a fork shares): every later verlag waited on it.
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    from pipeline.lock import project_lock

    _articles(project)
    started = tmp_path / "started"
    code = textwrap.dedent(f"""
        import sys; sys.path[:0] = {sys.path[:3]!r}
        from pathlib import Path
        from pipeline.config import load_config
        from pipeline.lock import project_lock
        from pipeline.pool import map_articles
        from pipeline.sources import read_sources
        from test_pool import _sleep_then_slug
        config = load_config(Path({str(project.root)!r}))
        with project_lock(config):
            results = map_articles(_sleep_then_slug, config, read_sources(config).articles, 2)
            Path({str(started)!r}).write_text("")
            results.get("drei")
    """)
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=os.path.dirname(__file__))
    deadline = time.monotonic() + WALL
    workers: list[int] = []
    while time.monotonic() < deadline and not (started.exists() and len(workers) == 2):
        time.sleep(0.1)
        workers = [int(p) for p in os.listdir("/proc") if p.isdigit() and _parent_of(int(p)) == parent.pid]
    assert started.exists() and len(workers) == 2
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + WALL
    while time.monotonic() < deadline and any(_parent_of(w) is not None for w in workers):
        time.sleep(0.1)
    assert all(_parent_of(w) is None for w in workers), "the workers ended with their verlag"
    with project_lock(load_config(project.root), wait=False):  # raises if anyone still holds it
        pass


def test_a_build_with_workers_reads_each_german_source_in_the_worker_only(project, monkeypatch):
    """An editions worker hands back the German text it read (and the German record it made): the parent read,
    hashed and uncommented each source again, alone while the workers ran (bench/HISTORY.md, "Branch pf3")."""
    for n in range(6):
        project.write(f"source_de/a{n:02d}.md", article(f"A {n}", f"Satz {n}.<!-- nur für uns -->\n\nNoch einer.\n"))
    project.run("extract", "-q")
    parent, read = os.getpid(), []

    def counted(path, *args, _read=pipeline.sources.file_bytes):
        if os.getpid() == parent:
            read.append(path.name)
        return _read(path, *args)

    monkeypatch.setattr(pipeline.sources, "file_bytes", counted)
    project.run("build", "-q", "-j", "2")
    assert len(read) <= 1, read  # the first article, worked here before the fork
    for n in range(6):
        record = json.loads((project.root / f"editions/de/a{n:02d}.json").read_text("utf-8"))
        assert record["body"] == f"Satz {n}.\n\nNoch einer.\n"  # the worker's text: the comment taken out
        page = (project.root / f"site/de/a{n:02d}/index.html").read_text("utf-8")
        assert f"Satz {n}." in page and "nur für uns" not in page

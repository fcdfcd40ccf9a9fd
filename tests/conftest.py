"""Shared fixtures: throwaway content projects, the CLI, GNU msgfmt."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Callable

import polib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from cli import main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def need_corpus(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"test data ../shared/corpus/{name} is absent (the shared folder beside the checkout)")
    return path


# The peer benchmark's 500 generated articles (``../shared/peer-bench/run_peers.sh`` makes them)
PEER_CORPUS = Path(os.environ.get("VERLAG_PEER_CORPUS", Path.home() / ".cache/peer-bench/work/corpus/n500-none/src"))


def need_peer_corpus() -> list[Path]:
    """The peer corpus's articles; the test is skipped, naming the folder, where it was not made."""
    if not PEER_CORPUS.is_dir():
        pytest.skip(f"peer corpus {PEER_CORPUS} is absent (../shared/peer-bench/run_peers.sh makes it; "
                    "VERLAG_PEER_CORPUS names another)")
    return sorted(PEER_CORPUS.glob("*.md"))


def article(title: str, body: str, **meta) -> str:
    lines = [f"title: {title}", "date: 2026-05-26"] + [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + textwrap.dedent(body).lstrip("\n")


class Project:
    def __init__(self, root: Path):
        self.root = root
        self.runner = CliRunner()

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def run(self, *args: str, code: int = 0):
        result = self.runner.invoke(main, ["-C", str(self.root), *args], catch_exceptions=False)
        assert result.exit_code == code, f"exit {result.exit_code}, expected {code}:\n{result.output}"
        return result

    def snapshot(self) -> dict[str, bytes]:
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted(self.root.rglob("*")) if p.is_file() and ".verlag" not in p.parts}


def adopt_example(project: Project) -> None:
    """What an author does who keeps ``init``'s example article as a first post: deletes its draft line."""
    path = project.root / "source_de/willkommen.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")


def finish_new_article(path: Path) -> None:
    """What an author does with an article ``verlag new`` wrote at ``path`` before publishing it: writes over its
    example lines (while they stand, the article is held back as a placeholder holds a page) and deletes its draft
    line."""
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    text = text.replace("Einleitung: Worum geht es, und für wen?", "Worum es geht.").replace(
        "## Erste Überschrift", "## Zuerst")
    path.write_text(text, encoding="utf-8")


def fill_in_legal_pages(root: Path) -> None:
    """What an author does before publishing: replaces ``init``'s ``[[AUSFÜLLEN: …]]`` placeholders in the
    Impressum and privacy notice of the project at ``root`` (a page still holding one is left out of the site)."""
    for path in (root / "source_de/seiten").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\[\[AUSFÜLLEN: ([^\]]*)\]\]", r"(\1)", text), encoding="utf-8")


def give_base_url(root: Path, url: str = "https://praxis.example/") -> None:
    """What an author does before publishing: sets ``[site] base_url`` in the verlag.toml at ``root`` to the site's
    real address (``publish`` stops on none, init's placeholder or a local one)."""
    path = root / "verlag.toml"
    text = path.read_text(encoding="utf-8")
    if re.search(r"(?m)^base_url\s*=", text):
        text = re.sub(r"(?m)^base_url\s*=.*$", f'base_url = "{url}"', text, count=1)
    elif re.search(r"(?m)^\[site\]\s*$", text):
        text = re.sub(r"(?m)^\[site\]\s*$", f'[site]\nbase_url = "{url}"', text, count=1)
    else:
        text = text.rstrip("\n") + f'\n\n[site]\nbase_url = "{url}"\n'
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path):
    """An empty content project with German sources and en + fr catalogs."""
    p = Project(tmp_path)
    p.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en", "fr"]\n')
    return p


@pytest.fixture(autouse=True)
def fixed_dates(monkeypatch):
    """Reproducible catalog dates (SOURCE_DATE_EPOCH, as reproducible builds do)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path_factory):
    """A cache folder of the test's own (``XDG_CACHE_HOME``), so no build writes into the real home's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


def review(project: Project, lang: str, slug: str, translations: dict, *, sign_off: bool = True,
           silence: tuple[str, ...] = (), date: str | None = None) -> Path:
    """Act as the reviewer in a text editor: write translations keyed by msgid or (msgctxt, msgid).

    ``sign_off`` removes the fuzzy flag and, on a stale entry, its ``#|`` lines and verlag's ``previous msgid``
    record, as README tells a text editor's user (the entry counts as reviewed; ``#|`` kept, or the record under an
    unchanged translation, is a bulk sign-off, ``catalog.stale_sign_off``); ``silence`` adds
    ``# ignore-<check id>`` comment lines; ``date`` sets the catalog's PO-Revision-Date.
    """
    path = project.root / f"translations/{lang}/{slug}.po"
    po = polib.pofile(str(path))
    for key, msgstr in translations.items():
        context, msgid = key if isinstance(key, tuple) else (None, key)
        entry = po.find(msgid, msgctxt=context)
        assert entry is not None, (lang, slug, key)
        entry.msgstr = msgstr
        if sign_off and entry.fuzzy:
            entry.flags.remove("fuzzy")
            if entry.previous_msgid is not None:
                entry.tcomment = "\n".join(line for line in (entry.tcomment or "").split("\n")
                                           if not line.startswith("previous msg"))
            entry.previous_msgid = entry.previous_msgctxt = None
        entry.tcomment = "\n".join([*filter(None, [entry.tcomment]), *(f"ignore-{check}" for check in silence)])
    if date:
        po.metadata["PO-Revision-Date"] = date
    po.save(str(path))
    return path


def sign_off_all(project: Project, lang: str) -> None:
    """Act as a reviewer who accepts every draft of ``lang`` as it is (a ``copy`` draft is untranslated until
    then): each article's catalog loses its fuzzy flags."""
    for path in (project.root / "translations" / lang).glob("*.po"):
        if path.name == "site.po":
            continue
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgstr and entry.fuzzy:
                entry.flags.remove("fuzzy")
        po.save(str(path))


def malform_sqlite(path: Path) -> None:
    """Damage a SQLite file past its first page (as a disk or a killed copy can): it opens, its schema reads, and
    the first statement that reads a table fails with "database disk image is malformed"."""
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file itself, nothing in a -wal beside it
    db.close()
    data = path.read_bytes()
    assert len(data) > 4096, f"{path} has only its first page"
    path.write_bytes(data[:4096] + b"A" * (len(data) - 4096))


def msgfmt_check(path: Path) -> None:
    """GNU msgfmt --check must accept the catalog."""
    assert shutil.which("msgfmt"), "GNU gettext (msgfmt) is required: apt-get install gettext"
    proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, f"msgfmt --check {path}:\n{proc.stderr}"


# A bound for a hang, not for speed: a test waiting on a process, a server or a condition gives up after WALL
# seconds of wall-clock time. On the shared 2-core machine at load 35 a one-article build took 71 s of wall-clock
# time for 1.3 s of CPU. A runaway (a quadratic cost) is CPU, and a run in a process of its own is bounded by that
# instead (``cpu_bound``), which the machine's other work does not count against it.
WALL = 1800


def cpu_bound(seconds: int):
    """A ``preexec_fn`` that limits the child's CPU time to ``seconds`` (RLIMIT_CPU: the kernel stops it with
    SIGXCPU past the bound)."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def interruptible() -> None:
    """``preexec_fn`` for a child a test sends SIGINT: the signal at its default action, as a terminal's Ctrl-C
    finds it. A test run started in the background by a shell without job control inherits SIGINT ignored
    (POSIX, "Asynchronous Lists"); Python then installs no ``KeyboardInterrupt`` handler, and the child would
    never see the interrupt the test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def serving(root: Path, *args: str):
    """``verlag -C root serve --port 0 *args`` (a free port) until the generator is closed; yields its address,
    ``http://127.0.0.1:PORT``. For fixtures: ``yield from serving(root)``."""
    verlag = str(Path(sys.executable).with_name("verlag"))
    proc = subprocess.Popen([verlag, "-C", str(root), "serve", "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = ""
    for line in proc.stdout:
        if line.startswith("serving"):
            break
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, f"verlag serve did not start: {line!r}"
    try:
        yield f"http://127.0.0.1:{match.group(1)}"
    finally:
        proc.terminate()
        proc.wait(timeout=WALL)


def least_cpu(small: Callable[[], object], large: Callable[[], object], repeats: int = 5) -> tuple[float, float]:
    """The least CPU time (``time.process_time``: this process's own, however busy the machine) of ``repeats`` calls
    of ``small`` and of ``large``, for a test that compares the cost of two sizes of one work (linear: 8 times the
    input, about 8 times the time; quadratic: 64). One call of each comes first, unmeasured (imports, compiled
    regexes, warm caches); then the two alternate, so a change in the machine's load falls on both. A preemption
    or a cache another process emptied only ever adds to a call, so the least of each is the work's own cost. The
    cyclic garbage collector is off during each call: its full passes walk every live object, so the large call's
    passes cost more than in proportion (the measured ratio of linear work went from 10.7 to 7.3 for 8 times the
    input) and a linear work could look quadratic on a loaded machine. Returns (small's seconds, large's seconds)."""
    import gc
    import time

    small(), large()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for work, spent in ((small, times[0]), (large, times[1])):
            gc.collect()
            gc.disable()
            try:
                start = time.process_time()
                work()
                spent.append(time.process_time() - start)
            finally:
                gc.enable()
    return min(times[0]), min(times[1])


def copy_shipped_project(dest: Path) -> Project:
    """The repository's own content project (settings, sources, catalogs) in a folder of its own."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "verlag.toml", dest / "verlag.toml")
    shutil.copytree(REPO / "source_de", dest / "source_de")
    shutil.copytree(REPO / "translations", dest / "translations")
    return Project(dest)


CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1280,1600")
ARTIFACTS = REPO / "tests" / "artifacts"  # screenshots for a person to look at (git-ignored)


@pytest.fixture(scope="session")
def browser():
    """One real headless Chromium for the session (Selenium + the system chromedriver); its console
    log is readable with ``browser.get_log("browser")``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for tool in ("chromium", "chromedriver"):
        assert shutil.which(tool), f"{tool} is required: apt-get install chromium chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    yield driver
    driver.quit()


# Hypothesis: examples it once found failing are kept in the repository (tests/.hypothesis) and tried first
# on every run. "ci" (the default) keeps the whole suite well under 10 minutes; "long" is for a run by hand:
#   python -m pytest tests/test_robustness.py --hypothesis-profile=long
HYPOTHESIS_DB = DirectoryBasedExampleDatabase(str(REPO / "tests" / ".hypothesis"))
# "ci" reports a failure as found (and stores it) without shrinking it, which can take many minutes for a
# whole-pipeline example; "long" shrinks it to the smallest article that still fails.
settings.register_profile("ci", max_examples=60, deadline=None, database=HYPOTHESIS_DB, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=2000, phases=list(Phase))
settings.load_profile("ci")


def assert_finds_as(pattern, alternation, text: str, step: int = 1) -> None:
    """``pattern`` (a regex rewritten to start with one character class, which the regex engine skips to: perfX)
    finds in ``text`` the spans ``alternation``, the regex it replaces, finds: all of them, and the first from every
    ``step``-th position."""
    import re

    assert re._parser.parse(pattern.pattern)[0][0] == re._parser.IN  # what the engine skips to
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in alternation.finditer(text)]
    for start in range(0, len(text) + 1, step):
        found, expected = pattern.search(text, start), alternation.search(text, start)
        assert (found and found.span()) == (expected and expected.span())


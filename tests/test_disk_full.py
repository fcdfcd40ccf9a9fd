"""A full disk: each command names the file it could not write and says the disk is full, exit 2; a cache that
cannot be written is no fault of the cache's. Run on a small tmpfs of the test's own, filled to the last byte
(skipped where the test may not mount one: it needs root, or CAP_SYS_ADMIN)."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import Project, article
from pipeline import search
from pipeline.fsutil import write_state
from pipeline.sqlitedb import Database

FULL = "No space left on device: the disk is full; free some space, then run the command again"


@pytest.fixture
def disk(tmp_path: Path):
    """A 4 MB tmpfs at ``tmp_path/disk``, unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(disk: Path) -> None:
    """Write into ``disk`` until it is full, to the last byte."""
    fd = os.open(disk / "fill", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


def on(disk: Path) -> Project:
    project = Project(disk / "p")
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt im Winter.\n"))
    return project


@pytest.mark.parametrize("command", [["extract"], ["build"], ["pretranslate", "--engine", "copy"]])
def test_a_full_disk_met_at_the_lock_names_the_lock_file(disk: Path, command: list[str]):
    """Fresh-user trial: every writing command said only "error: No space left on device" (the project lock's pid
    written into .verlag/lock, where a full disk is met first)."""
    project = on(disk)
    project.run("extract")
    fill(disk)
    result = project.run(*command, code=2)
    assert result.output.strip() == f"error: .verlag/lock: {FULL}"


def test_a_cache_that_cannot_be_written_on_a_full_disk_is_not_to_be_removed(disk: Path, caplog):
    """Fresh-user trial: the warning ended "remove it", as of a damaged cache; the cache is not at fault."""
    (disk / ".verlag").mkdir()
    fill(disk)
    with caplog.at_level(logging.WARNING):
        write_state(disk / ".verlag/stat.json", "x" * 100_000)
    assert [r.getMessage() for r in caplog.records] == [
        ".verlag/stat.json: No space left on device; verlag does without this cache and the others it cannot write "
        "in this run (their work is done again): the disk is full; free some space"]


def test_caches_that_cannot_be_written_on_a_full_disk_are_said_in_one_line(disk: Path, caplog):
    """A build on a full disk said a warning for each of its compiled templates (``.verlag/jinja/*.cache``), a
    dozen lines of the same advice above the error: one line names the first cache and says the others fail too."""
    (disk / ".verlag/jinja").mkdir(parents=True)
    fill(disk)
    with caplog.at_level(logging.WARNING):
        for name in ("jinja/__jinja2_a.cache", "jinja/__jinja2_b.cache", "stat.json"):
            write_state(disk / ".verlag" / name, "x" * 100_000)
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [".verlag/jinja/__jinja2_a.cache"]


def test_sqlite_s_database_or_disk_is_full_is_a_full_disk_naming_the_file(disk: Path):
    """Fresh-user trial: build stopped with "internal error: sqlite3.OperationalError: database or disk is full"."""
    store = Database(disk / ".verlag/site-bodies.sqlite", lambda db: db.execute("CREATE TABLE t (b BLOB)"), root=disk)
    store.use(lambda db: db.execute("INSERT INTO t VALUES (zeroblob(1000))"))
    fill(disk)
    with pytest.raises(OSError) as raised:
        store.use(lambda db: (db.execute("INSERT INTO t VALUES (zeroblob(1000000))"), db.commit()))
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, ".verlag/site-bodies.sqlite")
    store.close()
    with pytest.raises(sqlite3.OperationalError):  # any other problem of SQLite's as it is
        store.use(lambda db: db.execute("SELECT nothing FROM nowhere"))


def test_pagefind_on_a_full_disk_is_said_to_be_out_of_space(disk: Path, monkeypatch):
    """Fresh-user trial: Pagefind exits 0 having written its index cut short, which build called "an index that is
    not the JSON object it writes; run build again", as often as it was run."""
    project = on(disk)
    project.run("extract")
    start = search._start

    def full_first(*args, **kwargs):  # the site's pages are written: the disk fills as Pagefind starts
        fill(disk)
        return start(*args, **kwargs)

    monkeypatch.setattr(search, "_start", full_first)
    result = project.run("build", code=2)
    assert ("error: site/pagefind/pagefind-entry.json: search: Pagefind could not write its index: the disk is "
            "full; free some space, then run 'verlag build' again") in result.output

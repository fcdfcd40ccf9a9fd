"""Sentence spans of blocks shared by every article and process: ``.verlag/segments/splits.sqlite``.

``sentences.SplitMemo`` keeps the spans of one article's blocks in that article's cache file (``doccache``),
so an edited article runs pySBD only on its changed blocks. A block that another article also holds (a
repeated notice, a licence paragraph, an article copied under a new name) would still be split once per
article, and, with ``--jobs``, once per worker process that meets it. This store holds the spans of every
block pySBD had to split, by the block's digest, in one SQLite file (stdlib ``sqlite3``, WAL) that the worker
processes read and fill while they run. It is valid for one ``sentences.splitter_version`` (verlag's code,
pySBD's version, the language): opened under another, it is emptied first; under one version it grows with the
distinct blocks split. It is regenerable: written without fsync; a damaged file, met on opening it or by any
later statement, is deleted (with its ``-wal`` and ``-shm`` files) and started afresh (``sqlitedb.REBUILD``),
and any other SQLite error only turns the store off for the process, never stops segmentation. A store another
process keeps locked is done without after ``LOCK_SECONDS``: it saves pySBD runs, it is worth no wait. Spans
are read and written only while the file holds this process's version (in the same statement or transaction),
so two verlag versions running at once never take or leave spans of the other's code.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .sqlitedb import REBUILD, Database

FILE_NAME = "splits.sqlite"
LOCK_SECONDS = 0.5  # SQLite's busy timeout: the longest any open or write waits for another process's lock

_SCHEMA = ("CREATE TABLE IF NOT EXISTS meta (version TEXT NOT NULL)",
           "CREATE TABLE IF NOT EXISTS spans (digest TEXT PRIMARY KEY, spans TEXT NOT NULL) WITHOUT ROWID")


class SplitStore:
    """The shared spans of one ``splitter_version``; one per process (``open_store``): a SQLite connection must
    not cross a fork."""

    def __init__(self, path: Path, version: str):
        self.version = version
        self.met: dict[str, list] = {}  # what this process read or wrote: a repeat costs no query
        # a damaged file (on opening it or in any later statement) is deleted and started afresh
        self.file: Database | None = Database(path, self._setup, REBUILD, timeout=LOCK_SECONDS, isolation_level=None)
        try:
            self.file.connection
        except (OSError, sqlite3.Error):  # locked or unreadable: this process does without it
            self.file = None

    def _setup(self, db: sqlite3.Connection) -> None:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("BEGIN IMMEDIATE")
        for statement in _SCHEMA:
            db.execute(statement)
        found = db.execute("SELECT version FROM meta").fetchall()
        if found != [(self.version,)]:
            db.execute("DELETE FROM spans")
            db.execute("DELETE FROM meta")
            db.execute("INSERT INTO meta VALUES (?)", (self.version,))
        db.execute("COMMIT")

    def get(self, digest: str) -> list | None:
        """The spans stored for the block with this digest (JSON lists, to be checked by the caller), or None;
        None too once another version has taken the file over."""
        if digest in self.met or self.file is None:
            return self.met.get(digest)
        try:
            row = self.file.use(lambda db: db.execute(
                "SELECT spans FROM spans WHERE digest = ? AND (SELECT version FROM meta) = ?",
                (digest, self.version)).fetchone())
        except (OSError, sqlite3.Error):
            self._close()
            return None
        if row is None:
            return None
        try:
            self.met[digest] = json.loads(row[0])
        except ValueError:
            return None
        return self.met[digest]

    def put(self, found: dict[str, tuple[tuple[int, int], ...]]) -> None:
        """Store the spans of blocks just split (digest -> spans), in one transaction with the check that the file
        still holds this process's version; when another version has taken it over (emptied and stamped it),
        nothing is stored and this process does without the store."""
        self.met.update((digest, [list(span) for span in spans]) for digest, spans in found.items())
        if self.file is None or not found:
            return

        def put(db: sqlite3.Connection) -> bool:
            db.execute("BEGIN IMMEDIATE")
            if db.execute("SELECT version FROM meta").fetchall() != [(self.version,)]:
                return False
            db.executemany("INSERT OR IGNORE INTO spans VALUES (?, ?)",
                           [(digest, json.dumps(spans)) for digest, spans in found.items()])
            db.execute("COMMIT")
            return True

        try:
            if not self.file.use(put):
                self._close()
        except (OSError, sqlite3.Error):
            self._close()

    def _close(self) -> None:
        """Do without the store from now on (an open transaction is rolled back: nothing of it is kept)."""
        file, self.file = self.file, None
        try:
            file.close()
        except sqlite3.Error:
            pass


_OPEN: dict[tuple[int, Path, str], SplitStore] = {}


def open_store(folder: Path, version: str) -> SplitStore:
    """This process's store in ``folder`` for ``version`` (opened once per process)."""
    key = (os.getpid(), folder, version)
    if key not in _OPEN:
        _OPEN[key] = SplitStore(folder / FILE_NAME, version)
    return _OPEN[key]

"""The SQLite files under ``.verlag/`` (stdlib ``sqlite3``) and what a damaged one does.

A file can be damaged in ways SQLite notices only when a page is read: its header is sound, so it opens,
and a later statement fails with ``sqlite3.DatabaseError`` ("database disk image is malformed",
https://www.sqlite.org/howtocorrupt.html). ``Database`` runs every statement of a store through ``use``,
so such a file is handled where it is met, not only when it is opened; so is a file whose tables are not verlag's
(SQLite's plain SQL error, ``SQLITE_ERROR``, for verlag's own statements: "no such column", "cannot modify
translations because it is a view"). Any other ``sqlite3.OperationalError``
(locked, unwritable, disk full) is no damage: a new file would not cure it, and it is raised as it is, a full
disk as the ``OSError`` (ENOSPC) naming the file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Callable, TypeVar

from .errors import VerlagError
from .fsutil import NotAFile, regular, relpath

T = TypeVar("T")

# What ``Database`` does with a damaged file: REBUILD deletes it (a cache of what verlag makes again), SET_ASIDE
# renames it to <name>.damaged (a cache of what costs something to get again: keep it for a person to look at),
# REFUSE raises ``VerlagError`` (it holds what verlag cannot make again).
REBUILD, SET_ASIDE, REFUSE = "rebuild", "set aside", "refuse"


class Database:
    """One SQLite file, opened on first use with ``setup(connection)`` (schema, pragmas; run again on a new
    file). ``damaged``: ``REBUILD``, ``SET_ASIDE`` or ``REFUSE``; ``advice``: the message of a refused file,
    ``{problem}`` in it replaced with SQLite's. A replaced file is said in ``warnings`` ("<file>: ...");
    ``root``: the folder messages name the file from. The connection is one process's: ``close`` it before the
    process forks (sqlite.org: "carry an open SQLite database across a fork() ... Don't do that"); the next use
    opens it again."""

    def __init__(self, path: Path, setup: Callable[[sqlite3.Connection], None], damaged: str = REBUILD,
                 advice: str = "", root: Path | None = None, **connect):
        self.path = path
        self.setup = setup
        self.damaged = damaged
        self.advice = advice
        self.root = root or path.parent
        self.connect = connect  # sqlite3.connect's timeout, isolation_level
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None

    @property
    def connection(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                self._replace(self._damage(exc))
                self._db = self._open()
        return self._db

    def use(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work(connection)``; when it meets a damaged file, that is replaced (``damaged``) and ``work`` runs
        once more on the new, empty one. Raises ``VerlagError`` for a refused file, ``sqlite3.Error`` for the
        rest."""
        try:
            return work(self.connection)
        except sqlite3.DatabaseError as exc:
            self._replace(self._damage(exc))
            return work(self.connection)

    def _damage(self, exc: sqlite3.DatabaseError) -> sqlite3.DatabaseError:
        """``exc`` when it says the file is damaged, else raised as ``_full`` gives it. Damage is what SQLite
        finds in the file, and SQLite's plain SQL error (``SQLITE_ERROR``) from verlag's own statements: the file's
        tables are not the ones they were written for (a view or a table of other columns in one's place, as in a
        file that came with someone's project folder)."""
        if isinstance(exc, sqlite3.OperationalError) and getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_ERROR:
            raise self._full(exc) from None
        return exc

    def _full(self, exc: sqlite3.OperationalError) -> Exception:
        """``exc`` as raised on: SQLite's "database or disk is full" (``SQLITE_FULL``) as the ``OSError`` of a full
        disk naming the file (the command says so, and what to do), any other as it is."""
        if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_FULL:
            return exc
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), relpath(self.path, self.root))

    def close(self) -> None:
        """Let the connection go (an open transaction is rolled back); the next use opens the file again."""
        db, self._db = self._db, None
        if db is not None:
            db.close()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            regular(self.path)
        except IsADirectoryError:  # a folder (``fsutil.IsAFolder``, a NotAFile too): sqlite3 cannot open it, kept
            pass
        except NotAFile as exc:  # SQLite reports "disk I/O error", which a new file cures: no database, damaged
            raise sqlite3.DatabaseError(exc.message.partition(":")[0]) from None
        except OSError:  # absent (made now), or a folder, no permission: sqlite3 says it cannot open it
            pass
        db = sqlite3.connect(self.path, **self.connect)
        try:
            self.setup(db)
        except BaseException:
            db.close()
            raise
        return db

    def _replace(self, exc: sqlite3.DatabaseError) -> None:
        name = relpath(self.path, self.root)
        try:
            self.close()
        except sqlite3.Error:
            self._db = None
        if self.damaged == REFUSE:
            raise VerlagError(self.advice.format(problem=exc), name) from None
        if self.damaged == SET_ASIDE:
            self.path.replace(self.path.with_name(self.path.name + ".damaged"))
        for part in (self.path, *(self.path.with_name(self.path.name + end) for end in ("-wal", "-shm", "-journal"))):
            part.unlink(missing_ok=True)  # its WAL, index and journal belong to it, not to a new file
        kept = f"kept as {self.path.name}.damaged" if self.damaged == SET_ASIDE else "deleted"
        self.warnings.append(f"{name}: damaged ({exc}); {kept}, a new one made")

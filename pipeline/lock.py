"""One writing verlag per project at a time: an advisory lock on ``.verlag/lock``.

Commands that write catalogs, editions or the site (extract, pretranslate,
build, publish, review, tm import, serve's rebuilds) hold the lock while they
run; read-only ones (check, status) never take it. The lock is ``flock(2)``
on a file that also holds the owner's pid for the message, so a process
killed with ``kill -9`` releases it with its last file descriptor and a stale
pid in the file means nothing. Holding the lock also makes every temp file
verlag left behind in the project (``fsutil.TEMP_RE``) provably stale: the
run that made it is gone, so it is removed before any work starts.

Editors and Weblate do not take this lock; catalog writes stay safe against
them by compare-and-swap (``fsutil.swap_in``).
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .config import Config
from .errors import VerlagError
from .fsutil import remove_stale_temp_files

LOCK_NAME = "lock"
_held: dict[Path, int] = {}  # lock file -> depth: `publish` runs extract, pretranslate and build under one lock
_fds: dict[Path, int] = {}  # lock file -> the descriptor holding its flock


def lock_path(config: Config) -> Path:
    return config.state_dir / LOCK_NAME


def holder(path: Path) -> str:
    """The pid written by the process holding the lock, or "?" if it has not written it yet."""
    try:
        return path.read_text(encoding="ascii").strip() or "?"
    except (OSError, UnicodeDecodeError):
        return "?"


@contextmanager
def project_lock(config: Config, wait: bool = True,
                 waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the project lock for the ``with`` block (re-entrant within one process).

    ``wait``: block until the other verlag finishes (``waiting(pid)`` is called once
    first, to say so); otherwise raise VerlagError "another verlag is running on this
    project (pid N)". On acquiring, stale temp files are removed from ``translations/``,
    ``editions/``, ``site/`` and ``.verlag/``. Raises OSError when ``.verlag/`` cannot
    be created.
    """
    path = lock_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path = path.resolve()
    if _held.get(path):
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = holder(path)
            if not wait:
                raise VerlagError(f"another verlag is running on this project (pid {pid}); "
                                  "run again when it has finished, or leave out --no-wait to wait") from None
            if waiting:
                waiting(pid)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        for folder in (config.translations_dir, config.editions_dir, config.site_dir, config.state_dir):
            remove_stale_temp_files(folder)
        _held[path], _fds[path] = 1, fd
        try:
            yield
        finally:
            del _held[path], _fds[path]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)


def release_in_forked_child() -> None:
    """In a process forked while a lock was held (a pool worker): close its copies of the lock descriptors.

    flock(2) locks belong to the open file, which a fork shares: a worker left behind by a verlag killed
    with kill -9 would otherwise hold the project lock until it ends, and every later run would wait.
    The parent's lock is unaffected (it holds its own descriptor).
    """
    for fd in _fds.values():
        os.close(fd)
    _fds.clear()
    _held.clear()

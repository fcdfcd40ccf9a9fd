"""One writing verlag per project at a time: an advisory lock on ``.verlag/lock``.

Commands that write catalogs, editions or the site (extract, pretranslate,
build, publish, review, tm import, serve's rebuilds) hold the lock while they
run; read-only ones (check, status) never take it. The lock is ``flock(2)``
on a file that also holds the owner's pid and command for the message (``Holder``: a
``build`` that waited says it waited for ``verlag serve``), so a process
killed with ``kill -9`` releases it with its last file descriptor and a stale
pid in the file means nothing. Holding the lock also makes every temp file
verlag left behind in the project (``fsutil.TEMP_RE``) provably stale: the
run that made it is gone, so it is removed before any work starts. That
sweep walks every folder of ``translations/``, ``editions/``, ``site/`` and
``.verlag/`` (1,000 folders at 500 articles), so it is made only when
``.verlag/no-temp-files`` is missing: the holder that made a temp file first
removed it, and puts it back after sweeping again when it gives the lock
back (a killed pool worker's temp file goes then). A new project, or one
a killed run left, has none.

Editors and Weblate do not take this lock; catalog writes stay safe against
them by compare-and-swap (``fsutil.swap_in``).
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from .config import Config
from .errors import VerlagError, shown_path
from .fsutil import IsAFolder, NotAFile, expect_temp_files, regular, remove_stale_temp_files

LOCK_NAME = "lock"
SWEPT_NAME = "no-temp-files"  # in .verlag/: no temp file of verlag's is left in the project
_held: dict[Path, int] = {}  # lock file -> depth: `publish` runs extract, pretranslate and build under one lock
_fds: dict[Path, int] = {}  # lock file -> the descriptor holding its flock
_since: dict[Path, int] = {}  # lock file -> its change time (ns) as this process wrote its pid there
_lines: dict[Path, bytes] = {}  # lock file -> what this process wrote there: its pid and command (``Holder``)


def lock_path(config: Config) -> Path:
    return config.state_dir / LOCK_NAME


class Holder(NamedTuple):
    """Who holds the lock, as its lock file says: written as ``<pid> <command>``, one line."""

    pid: str  # "?" when it has not written it yet
    command: str  # "verlag serve"; "" when it wrote none (a holder that is no command line: a test's, a script's)

    def __str__(self) -> str:
        """As the lock's messages name it in parentheses: ``verlag serve, pid 970``, or ``pid 970``."""
        return f"{self.command}, pid {self.pid}" if self.command else f"pid {self.pid}"


def holder(path: Path) -> Holder:
    """The process holding the lock as it wrote itself into the lock file; pid "?" if it has not written yet."""
    try:
        regular(path)  # a named pipe in its place is never opened
        with open(path, "rb") as fh:
            line = fh.read(128).decode("ascii")  # the rest of a huge file is never read
    except (OSError, UnicodeDecodeError):
        return Holder("?", "")
    pid, _, command = line.strip().partition(" ")
    return Holder(pid or "?", " ".join(command.split()))


@contextmanager
def project_lock(config: Config, wait: bool = True, waiting: Callable[[Holder], None] | None = None,
                 command: str = "") -> Iterator[None]:
    """Hold the project lock for the ``with`` block (re-entrant within one process).

    ``wait``: block until the other verlag finishes (``waiting(holder)`` is called once
    first, to say so); otherwise raise VerlagError "another verlag is running on this
    project (verlag serve, pid N)". ``command``: what this process is, for another's
    message ("verlag build"; ASCII). On acquiring, stale temp files are removed from ``translations/``,
    ``editions/``, ``site/`` and ``.verlag/`` unless ``SWEPT_NAME`` says there are none;
    on releasing, when this holder made temp files, again. Raises OSError when
    ``.verlag/`` cannot be created.
    """
    path = lock_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _held.get(path.resolve()):
        _held[path.resolve()] += 1
        try:
            yield
        finally:
            _held[path.resolve()] -= 1
        return
    ref = path.relative_to(config.root).as_posix()
    fd = _open_lock_file(path, ref)
    path = path.resolve()
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(path)
            if not wait:
                raise VerlagError(f"another verlag is running on this project ({who}); "
                                  "run again when it has finished, or leave out --no-wait to wait") from None
            if waiting:
                waiting(who)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        line = f"{os.getpid()} {command}".strip().encode("ascii") + b"\n"
        try:
            os.pwrite(fd, line, 0)
        except OSError as exc:  # a full disk is met here first: say which file, as any other write does
            raise OSError(exc.errno, exc.strerror, ref) from None
        _since[path] = os.fstat(fd).st_ctime_ns
        swept = path.with_name(SWEPT_NAME)
        if not swept.exists():
            _sweep(config, swept)
        _held[path], _fds[path], _lines[path] = 1, fd, line
        expect_temp_files(swept)
        try:
            yield
        finally:
            expect_temp_files(None)
            del _held[path], _fds[path], _since[path], _lines[path]
            try:
                if not swept.exists():  # this run made temp files
                    _sweep(config, swept)
            finally:
                os.ftruncate(fd, 0)
    finally:
        os.close(fd)


def _open_lock_file(path: Path, ref: str) -> int:
    """A descriptor of the lock file at ``path`` (made when missing), after ``_replace_no_file`` (which names it
    ``ref``, ".verlag/lock", as every message names a file of the project); both while holding
    a ``flock`` on its folder, ``.verlag/``, so no other verlag makes or replaces the lock file in between: one that
    had seen a named pipe there removed another's new lock file, and the two then held locks on two files."""
    folder = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX)  # held for a few system calls: released as ``folder`` is closed
        except OSError:  # NFS emulates flock with byte-range locks, which a folder cannot take: as before, unguarded
            pass
        _replace_no_file(path, ref)  # a symbolic link goes, never what it names
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    finally:
        os.close(folder)


def _replace_no_file(path: Path, ref: str) -> None:
    """Remove a named pipe, socket or device at the lock file's ``path``, with a warning: ``flock(2)`` refuses it
    ("Invalid argument") and no verlag can hold it, so every writing command failed; a new lock file is made. A
    symbolic link goes too, said: the holder empties the lock file and writes its pid, into whatever it names.
    ``ref``: the file as the warnings name it (".verlag/lock"; never the resolved ``path``, which is where a link
    leads). A folder there is refused (``VerlagError``), never removed."""
    from . import logger

    if path.is_symlink():
        logger(__name__).warning(f"{shown_path(ref)}: a symbolic link (to {shown_path(os.readlink(path))}); replaced "
                                 "by a new lock file")
        path.unlink()
        return
    try:
        regular(path)
    except IsAFolder:  # what it holds is someone's: never removed, and "replaced by a new lock file" was untrue
        raise VerlagError("a folder, not a file: verlag keeps its lock file here; move the folder away (or remove "
                          "it)", ref) from None
    except NotAFile as exc:
        logger(__name__).warning(f"{shown_path(ref)}: {exc.message.partition(':')[0]}; replaced by a new lock file")
        path.unlink(missing_ok=True)
    except FileNotFoundError:
        pass


def held_since(config: Config) -> int | None:
    """When this process took the project lock, on the file system's own clock (the lock file's change time in
    ns as the pid was written); None when it does not hold it. Everything the run reads comes after it
    (``statrecord``: a file changed since may have been read between two saves of one clock tick)."""
    return _since.get(lock_path(config).resolve())


def clock(config: Config) -> int | None:
    """The file system's time now (ns): the lock file's change time after this process wrote its pid there again;
    None when it does not hold the lock. Read after a run's writes, it is later than every change they made once
    it differs from the newest one's change time (``statrecord.StatRecord.confirm``)."""
    fd = _fds.get(lock_path(config).resolve())
    if fd is None:
        return None
    os.pwrite(fd, _lines[lock_path(config).resolve()], 0)
    return os.fstat(fd).st_ctime_ns


def _sweep(config: Config, swept: Path) -> None:
    """Remove verlag's temp files from the folders it writes, then record that there are none (in a file of its
    own: a symbolic link there is replaced, so no file is made or touched where it points). An ``editions/`` that is
    a symbolic link is not looked into: verlag writes no edition there (``editions.build_editions`` refuses it), and
    the folder it names (a project unpacked with ``editions`` -> the home folder) is no folder of the project."""
    editions = [] if config.editions_dir.is_symlink() else [config.editions_dir]
    for folder in (config.translations_dir, *editions, config.site_dir, config.state_dir):
        remove_stale_temp_files(folder)
    if swept.is_symlink():
        swept.unlink()
    swept.touch()


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
    _since.clear()
    _lines.clear()

"""The only place that writes files: atomically, and only when content changed."""

from __future__ import annotations

import errno
import functools
import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import Callable, Iterable

from . import LazyPattern
from .errors import DISK_FULL, VerlagError, shown_path
from .limits import STATE, Limit


def write_if_changed(path: Path, text: str | bytes, durable: bool = True) -> bool:
    """Write ``text`` (str as UTF-8, or bytes) to ``path`` via temp file + rename; False if it was already there.

    A reader (or a crash) never sees a half-written catalog, and unchanged
    files keep their mtime so incremental tools and git stay quiet.
    ``durable`` (the default) also fsyncs the data before the rename, so a
    power cut cannot leave an empty file where a reviewer's work was; outputs
    verlag can regenerate (``.pot`` templates, ``editions/``, ``site/``,
    caches) pass ``False`` and keep only the atomic rename. The file
    gets the permissions a plain ``open(path, "w")`` would give it: a new one
    0666 minus the umask (0644 under umask 022), a rewritten one keeps its
    mode; new folders get 0777 minus the umask (0755). A web server running as
    another user, ``rsync -a`` and shared checkouts can read what verlag writes.
    Raises ``OSError`` when the folder is not writable, ``NotAFile`` when a named pipe, socket or device is
    where the file goes (left as it is). A file of another size is replaced unread: whatever was put in the
    place of a page (a log, a disk image) is never read whole.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        found = regular(path)
    except FileNotFoundError:
        found = None
    if found is not None and found.st_size == len(data) and read_bytes(path) == data:
        return False
    _replace(path, data, durable, stat.S_IMODE(found.st_mode) if found is not None else NEW)
    return True


def write_new(path: Path, data: bytes) -> bool:
    """Put ``data`` at ``path``, known to be absent (in a folder ``Folders`` just made), as ``write_if_changed``
    puts a new file there (temp file + rename, not fsynced) without its look at the file there; returns True."""
    _replace(path, data, False, NEW)
    return True


def _replace(path: Path, data: bytes, durable: bool, mode: int | None = None) -> None:
    """Put ``data`` at ``path`` atomically: a ``_temp_copy`` renamed over it (removed if the rename fails)."""
    tmp = _temp_copy(path, data, durable, mode)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _named(exc, path) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


NEW = -1  # ``_temp_copy``'s ``mode`` for a file known to be absent: the mode a plain ``open(path, "w")`` gives


def _temp_copy(path: Path, data: bytes, durable: bool = True, mode: int | None = None) -> Path:
    """``data`` in a new temp file beside ``path``, fsynced when ``durable`` (named so ``TEMP_RE`` finds it);
    the marker ``expect_temp_files`` named is removed first. ``mode``: the permission bits ``path`` has (``NEW``:
    none, it is absent; None: looked up). The temp file is created as ``open(path, "w")`` creates a file (0666
    minus the umask, the kernel applies it) and given ``path``'s own bits when it has a file; its folders are
    made only when missing. A site's pages are written this way by the thousand: with ``write_if_changed``'s
    ``stat``, 5 system calls a new file (``strace -c``), against 15 with ``tempfile.mkstemp``, a ``mkdir`` of the
    folder there, the umask read and set back, ``fchmod`` and ``os.fdopen``'s ``fstat`` and ``ioctl``."""
    global _no_temp_files
    if _no_temp_files is not None:
        _no_temp_files.unlink(missing_ok=True)
        _no_temp_files = None
    if mode is None:
        mode = _mode_for(path)
    try:
        fd, tmp = _create_temp(path)
    except OSError as exc:
        raise _named(exc, path) from exc
    try:
        try:
            if mode != NEW:
                os.fchmod(fd, mode)  # before the data: a private file's content is never readable by others
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _named(exc, path) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _named(exc: OSError, path: Path) -> OSError:
    """``exc``, raised for the temp file beside ``path`` (``/proc/.x.tmx.x6m1el8k.tmp``), naming ``path``: the
    file the person asked for, which a message about it names; one without an errno as it is."""
    if exc.errno is None or exc.filename == str(path):
        return exc
    return type(exc)(exc.errno, exc.strerror, str(path))


_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"  # those of ``tempfile.mkstemp``'s names
_names = None  # the random.Random that names temp files; seeded anew in a forked worker


def _create_temp(path: Path) -> tuple[int, str]:
    """A new, empty temp file beside ``path``, opened for writing (``O_EXCL``: never one that exists), as
    ``tempfile.mkstemp`` names them; its folders made first when missing. Returns its descriptor and name."""
    global _names
    if _names is None:
        import random

        _names = random.Random()
        if hasattr(os, "register_at_fork"):  # a forked worker must not draw the names its parent draws
            os.register_at_fork(after_in_child=_names.seed)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(10000):  # as many names as mkstemp tries
        tmp = f"{path.parent}/.{path.name}.{''.join(_names.choices(_NAME_CHARS, k=8))}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if path.parent.is_dir():
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(errno.EEXIST, "no unused temp file name", str(path.parent))


# ``.<name>.<8 random characters>.tmp``, as ``_create_temp`` names the temp files above
TEMP_RE = LazyPattern(r"^\..+\.[a-z0-9_]{8}\.tmp$")
_no_temp_files: Path | None = None  # the marker ``_temp_copy`` removes before its next temp file


def expect_temp_files(marker: Path | None) -> None:
    """Have the next temp file this process (or a worker forked from it) makes remove ``marker`` first; None:
    forget it. ``lock.project_lock`` passes a file that exists only while no temp file of verlag's can be
    left in the project: a run killed after its first temp file was made has removed it (a file's removal
    and the next one's creation in the same file system reach the disk in that order on journaling file
    systems, so a power cut cannot undo the one and keep the other)."""
    global _no_temp_files
    _no_temp_files = marker


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete verlag's temp files under ``folder`` (left by a run killed mid-write); return them.

    Only safe while holding the project lock (``lock.project_lock``): then no
    other verlag is writing, and every such file is stale.
    """
    removed = []
    for parent, _, names in os.walk(folder):
        for name in names:
            if TEMP_RE.match(name):
                stale = Path(parent, name)
                stale.unlink(missing_ok=True)
                removed.append(stale)
    return removed


SWAP_PATIENCE = 10.0  # seconds of re-merging before a file that never stops changing is reported
SWAP_PAUSE = 0.25  # the longest back-off between two tries, in seconds
SETTLE_SECONDS = 0.05  # how long a file must stay the same to count as completely saved


def rewrite(path: Path, update: Callable[[bytes | None], bytes | None],
            durable: Callable[[bytes], bool] | None = None, limit: Limit | None = None,
            ref: str | None = None) -> bytes | None:
    """Compare-and-swap: replace ``path`` with ``update(current bytes)`` unless someone saved it meanwhile.

    ``update`` gets the file's bytes (None when absent) and returns the new
    content, or None to leave the file as it is. When the file changed between
    reading and replacing it (a reviewer saving in Poedit, atomically or in
    place), ``update`` runs again on what is there now, so a merge made by
    ``update`` keeps the reviewer's save. A VerlagError from ``update`` on a
    file that is still being written is retried on the finished file.
    Returns the bytes now in ``path`` as this call left them (what an output
    made from them was made from). A file that stays empty through
    ``settled``'s patience is no save in progress but a file emptied (a crash
    before its data reached the disk): ``update`` gets None for it, as for a
    missing file, and its empty bytes are what the swap expects to replace.
    ``durable(data)``: must ``data``, what ``update`` just returned, be
    fsynced before it replaces the file (None: always)? Only content verlag
    can make again from the sources may skip it (see ``extract``: a catalog
    it creates from the template, no translation in it). After a save that
    beat it, the next try waits a random pause, doubling up to ``SWAP_PAUSE``,
    so a busy machine or an editor saving in bursts still lets it through.
    Raises VerlagError from ``update``, or when the file kept changing for
    ``SWAP_PATIENCE`` seconds; either way a save this call had swapped out is
    put back first, so the reviewer's bytes are what the file holds. ``limit``:
    a file larger is VerlagError naming ``ref`` (else ``path``), never read.
    """
    current = read_bytes(path, limit, ref)
    if current == b"":  # caught between an in-place save's truncation and its write
        current = settled(path, limit=limit, ref=ref)
    there = current  # what ``path`` holds as far as this call knows
    deadline, pause = time.monotonic() + SWAP_PATIENCE, 0.001
    while True:
        try:
            data = update(None if current == b"" else current)
        except VerlagError:
            if there != current:  # a save swapped out just now that cannot be merged: it goes back
                _put_back(path, there, current, limit, ref)
                raise
            later = settled(path, limit=limit, ref=ref)
            if later == current:
                raise
            current = there = later
            continue
        if data is None or data == there:
            return there
        found, there = swap_in(path, there, data, durable is None or durable(data), limit, ref)
        if found is None:
            return data
        current = found
        if time.monotonic() > deadline:
            _put_back(path, there, current, limit, ref)
            raise _kept_changing(path, "wrote")
        if there == current:  # the save is in the file, none of verlag's bytes: back off, then read it again
            import random  # only a run that met a save pays for it

            time.sleep(random.uniform(0, pause))
            pause = min(2 * pause, SWAP_PAUSE)
            current = there = read_bytes(path, limit, ref)
            if current == b"":
                current = there = settled(path, limit=limit, ref=ref)


def _put_back(path: Path, there: bytes | None, current: bytes | None, limit: Limit | None = None,
              ref: str | None = None) -> None:
    """Give up on ``path``, which holds ``there``: a reviewer's save ``current`` that ``rewrite`` swapped out
    goes back where its editor expects it, and so does any save that swap displaces in turn. ``limit``, ``ref``:
    as for ``swap_in``: a save found in ``path`` larger than ``limit`` is ``VerlagError``, left there unread."""
    while there != current:
        found, there = swap_in(path, there, current, True, limit, ref)
        current = there if found is None else found


def swap_in(path: Path, expected: bytes | None, data: bytes, durable: bool = True, limit: Limit | None = None,
            ref: str | None = None) -> tuple[bytes | None, bytes | None]:
    """Put ``data`` into ``path`` if it still holds ``expected`` (None: absent); atomically where the OS can,
    and fsynced first when ``durable``. ``limit``, ``ref``: as for ``file_bytes``; a save found in its place
    that is larger is ``VerlagError`` naming ``ref`` (else ``path``), left in place unread.

    Returns (None, data) when swapped; otherwise (the bytes found instead, the
    bytes ``path`` holds now). On Linux the swap is
    ``renameat2(RENAME_EXCHANGE)``: the new file and the old one trade places
    in one step and the file taken out is compared with ``expected``; if a save
    slipped in just before, ``path`` holds ``data`` and that save is returned,
    for the caller to merge and swap in again: it is never lost. Elsewhere the
    check directly precedes ``os.replace``.
    """
    tmp = _temp_copy(path, data, durable)
    try:
        before = _identity(path)
        found = read_bytes(path, limit, ref)
        if found == b"":  # an in-place save between truncating and writing: what it saves is what counts
            found = settled(path, limit=limit, ref=ref)
        if found != expected:
            return found, found
        if expected is None:
            try:
                os.link(tmp, path)  # creates, or fails if someone else created it meanwhile
            except FileExistsError:
                found = settled(path, limit=limit, ref=ref)
                return found, found
            return None, data
        if not _exchange(tmp, path):
            os.replace(tmp, path)
            return None, data
        named = ref or str(path)  # the file taken out is named as the one it was
        try:
            if _identity(tmp) == before and read_bytes(tmp, limit, named) == expected:
                return None, data  # untouched since it was compared: no save was under way
            displaced = settled(tmp, limit=limit, ref=named)  # an in-place save may still be writing into it
        except VerlagError as exc:  # it never stopped, or is over the limit: back where its editor expects it
            _exchange(tmp, path)
            raise (_kept_changing(path, "wrote") if exc.path == tmp else exc) from None
        return (None, data) if displaced == expected else (displaced, data)
    finally:
        tmp.unlink(missing_ok=True)


def remove_unchanged(path: Path, expected: bytes, limit: Limit | None = None, ref: str | None = None) -> bytes | None:
    """Delete ``path`` if it still holds ``expected`` (what the caller read and has put elsewhere); otherwise leave
    it, with the bytes someone saved there meanwhile, and return those (None: removed, or already gone). The
    compare-and-delete of ``swap_in``: the file is first renamed aside in one step, so a save that lands
    after the look is never deleted unseen, then compared there (its inode, size and time unchanged since the look:
    no in-place save wrote into it) and put back when it is not ``expected`` (unless a newer save took the
    place meanwhile: that one stays). ``limit``, ``ref``: as for ``file_bytes``. Raises ``VerlagError`` for a file
    over ``limit``, not a regular file (``NotAFile``) or a save that kept changing (``settled``), and ``OSError``
    where it cannot be read, moved aside or put back: the caller reports either, as the file stands."""
    before = _identity(path)
    found = read_bytes(path, limit, ref)
    if found is None:
        return None
    if found != expected:
        return found
    aside = _temp_copy(path, b"", False, NEW)  # a name of verlag's temp files: a run killed here leaves none
    try:
        try:
            os.replace(path, aside)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _named(exc, path) from exc
        named = ref or str(path)
        if _identity(aside) == before and read_bytes(aside, limit, named) == expected:
            return None
        displaced = settled(aside, limit=limit, ref=named)  # an in-place save may still be writing into it
        if displaced == expected:
            return None
        try:
            os.link(aside, path)  # back where its editor expects it, unless a newer save is there now
        except FileExistsError:
            return read_bytes(path, limit, ref)
        except OSError:  # a file system without hard links: put back by a rename, the place being free
            if path.exists():
                return read_bytes(path, limit, ref)
            os.replace(aside, path)
        return displaced
    finally:
        aside.unlink(missing_ok=True)


def read_parsed(path: Path, parse: Callable[[bytes], object], limit: Limit | None = None,
                ref: str | None = None) -> tuple[bytes | None, object]:
    """The file's bytes and ``parse(bytes)`` of exactly those bytes ((None, None) when absent).

    A file caught half-written by an in-place save usually does not parse: then
    it is read again once it has settled, and only an error on the finished
    file is raised (whatever ``parse`` raises). ``limit``, ``ref``: as for ``file_bytes``.
    """
    data = read_bytes(path, limit, ref)
    waited = data == b""
    if waited:  # caught between an in-place save's truncation and its write
        data = settled(path, limit=limit, ref=ref)
    try:
        return data, None if data is None else parse(data)
    except VerlagError:
        if waited and data == b"":  # it stayed empty through the wait: no save is coming
            raise
        later = settled(path, limit=limit, ref=ref)
        if later == data:
            raise
        return later, None if later is None else parse(later)


def settled(path: Path, patience: float = 2.0, limit: Limit | None = None, ref: str | None = None) -> bytes | None:
    """The file's bytes once they stop changing for ``SETTLE_SECONDS`` (waiting at most ``patience`` s).

    An empty file counts as still being written: an in-place save truncates
    first and writes after, and a busy machine may pause the editor in between.
    Empty bytes are returned only for a file that stayed empty all along; one
    caught empty at the end of a patience full of saves is read again until
    that save's bytes arrive (VerlagError "kept changing" if they never do), so
    a save's empty instant never passes for an emptied file. ``limit``, ``ref``: as for ``file_bytes``.
    """
    data = read_bytes(path, limit, ref)
    saving = data not in (b"", None)
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        time.sleep(SETTLE_SECONDS)
        again = read_bytes(path, limit, ref)
        if again == data and again != b"":
            return data
        saving = saving or again not in (b"", None)
        data = again
    if data == b"" and saving:  # caught in a save's empty instant: its bytes follow within milliseconds
        deadline = time.monotonic() + patience
        while data == b"" and time.monotonic() < deadline:
            time.sleep(0.001)
            data = read_bytes(path, limit, ref)
        if data == b"":
            raise _kept_changing(path, "read")
    return data


def _kept_changing(path: Path, did: str) -> VerlagError:
    return VerlagError(f"the file kept changing while verlag {did} it; run again when it is saved", path)


def _identity(path: Path) -> tuple[int, int, int] | None:
    """Inode, size and modification time (ns) of ``path``: a write or truncation sets the modification
    time, so the same identity and bytes mean no in-place save touched the file (the change time is
    left out: the exchange itself sets it)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def read_bytes(path: Path | str, limit: Limit | None = None, ref: str | None = None) -> bytes | None:
    """The file's bytes, None when it does not exist (``file_bytes``, with its ``limit`` and ``ref``)."""
    try:
        return file_bytes(path, limit, ref)
    except FileNotFoundError:
        return None


# os.open's flags for file_bytes; O_NONBLOCK: a named pipe put in a regular file's place after the ``os.stat``
# still cannot make the open wait for a writer (on a regular file it changes nothing)
_READING = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotAFile(VerlagError, OSError):
    """A named pipe, socket or device where verlag reads a file. Never opened: reading a named pipe waits for a
    writer that never comes, a device may never end. A ``VerlagError`` naming the file for the callers that
    report one file's problem and go on with the others, and an ``OSError`` (``strerror``, ``filename``) for
    those that treat a file they cannot read as unreadable."""

    def __init__(self, message: str, path: Path | str):
        VerlagError.__init__(self, message, path)
        self.strerror, self.filename = message, str(path)


class IsAFolder(NotAFile, IsADirectoryError):
    """A folder where verlag reads a file (a catalog named ``tee.po`` made a folder by a tool, an unpacked
    archive, or a container's bind mount of a file that was not there): a ``NotAFile``, so the callers that report
    one file's problem go on with the others (as an ``IsADirectoryError`` alone it stopped check, build and status
    at the first), and an ``IsADirectoryError`` for those that treat a folder as unreadable. A caller that must
    treat a folder otherwise than a named pipe (skip it, walk into it) catches ``IsAFolder`` first. Its message
    names it as a folder, with the fix (``strerror``: the name alone, for the callers that add their own);
    it starts "a folder, not a file" as a ``NotAFile``'s starts "a named pipe (FIFO), not a file"."""

    def __init__(self, path: Path | str, ref: Path | str | None = None):
        super().__init__(FOLDER_NOT_FILE, ref or path)
        self.strerror, self.errno = "a folder, not a file", errno.EISDIR


FOLDER_NOT_FILE = ("a folder, not a file: verlag needs a file here; move the folder away (or rename it) and put the "
                   "file in its place")


class LeadsOut(NotAFile):
    """A file at a ``confine``d place of the project that is a symbolic link leading out of it: never read, never
    written through or replaced. A ``NotAFile``: whatever a caller does with a named pipe in a file's place it
    does with this one: the catalogs' callers name it and go on with the other articles; the glossary's and
    ``redirects.txt``'s let it stop the command (exit 2)."""


# a confined place (absolute: a folder or a file) -> its project (absolute, and resolved)
_CONFINED: dict[str, tuple[str, Path]] = {}


def confine(root: Path, *places: str) -> None:
    """Have every read and write of a file at or below ``root``/``place`` (each of ``places``, "/"-separated:
    ``translations``, ``redirects.txt``) that is a symbolic link leading out of ``root`` (the project) refused
    with ``LeadsOut`` (``regular``): a project folder that came from someone else with ``translations/en/tee.po``
    or ``translations/glossary.csv`` -> ``~/.ssh/id_rsa`` would have verlag read that file, carry what it parses
    into the files it writes, show it in messages and send it to a translation service. A link inside the project
    is followed; only a link pays for the check (``regular`` asks ``lstat`` where it asked ``stat``)."""
    for place in places:
        _CONFINED[os.path.abspath(root / place)] = os.path.abspath(root), root.resolve()


def _stays_inside(path: Path | str) -> None:
    """Raise ``LeadsOut`` naming ``path`` as in its project ("translations/en/tee.po", whatever ``ref`` a caller
    gave: some name catalogs by their place in ``translations/``) when ``path``, a symbolic link at or below a
    ``confine``d place, leads out of its project. A dangling link or a loop passes: the ``stat`` after says
    what it is."""
    where = os.path.abspath(path)
    for place, (root, resolved) in _CONFINED.items():
        if where == place or where.startswith(place + os.sep):
            try:
                target = Path(path).resolve(strict=True)
            except (OSError, RuntimeError):
                return
            if not target.is_relative_to(resolved):
                raise LeadsOut(f"a symbolic link (to {os.readlink(path)}) leading out of the project: verlag "
                               "reads and writes the project's files only in its own folders, never through such "
                               "a link; remove it, or copy the file into the project in its place",
                               Path(os.path.relpath(where, root)).as_posix())


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"))


def regular(path: Path | str, ref: Path | str | None = None) -> os.stat_result:
    """``os.stat(path)`` (a symlink followed) of a regular file, asked before anything opens it. Raises
    ``IsAFolder`` for a folder, ``NotAFile`` naming ``ref`` (else ``path``) for anything else that
    is no regular file, ``LeadsOut`` for a symbolic link leading out of a ``confine``d place's project,
    ``OSError`` (``FileNotFoundError``, ...) as ``os.stat`` does."""
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        if _CONFINED:
            _stays_inside(path)
        st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsAFolder(path, ref)
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "no regular file")
        raise NotAFile(f"{kind}, not a file: verlag reads only files (a symlink to one works); put the file "
                       "itself here", ref or path)
    return st


def file_bytes(path: Path | str, limit: Limit | None = None, ref: str | None = None) -> bytes:
    """``path.read_bytes()`` in six system calls (stat, open, fstat, two reads, close) instead of nine: the
    buffered reader ``Path.read_bytes`` goes through also asks whether the file is a terminal and where it
    stands. Raises ``OSError`` as ``Path.read_bytes`` does (``IsAFolder``, an ``IsADirectoryError``, for a folder),
    and ``NotAFile`` (``regular``) for a named pipe, socket or device, which is never opened.
    ``limit``: a file larger is ``VerlagError`` naming ``ref`` (else ``path``), raised before it is read (or
    once it grew past the limit while read)."""
    regular(path, ref)
    fd = os.open(path, _READING)
    try:
        size = os.fstat(fd).st_size
        if limit is not None:
            limit.check(size, ref or path)
        data = os.read(fd, size + 1)  # the whole file; the next read finds its end
        while more := os.read(fd, 1 << 20):  # it grew since the fstat
            data += more
            if limit is not None:
                limit.check(len(data), ref or path)
    except OSError as exc:  # EISDIR comes from the read, which names no file
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    finally:
        os.close(fd)
    return data


_RENAME_EXCHANGE, _AT_FDCWD = 2, -100


@functools.cache
def _renameat2():
    """libc's ``renameat2`` (None where it has none)."""
    import ctypes

    return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2, glibc >= 2.28); False where that is not supported."""
    import ctypes

    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _mode_for(path: Path) -> int:
    """Permission bits for new content at ``path``: the file's own, else ``NEW`` (0666 minus the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return NEW


# The names Windows keeps for its devices, whatever the case and the extension (``con.png``, ``Nul.tar.gz``):
# no file or folder there may have one, so a clone of a project holding one fails on Windows
# (https://learn.microsoft.com/windows/win32/fileio/naming-a-file).
WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT")
                                                            for n in "0123456789\u00b9\u00b2\u00b3")})


def windows_reserved(name: str) -> bool:
    """Whether Windows cannot hold a file or folder named ``name`` (one path segment): a device's name
    (``WINDOWS_DEVICES``) before its first dot, spaces before the dot aside (``CON .png``), or a name ending in a
    dot or a space, which Windows drops (``foto.png.`` would become another file's ``foto.png``)."""
    return name.split(".", 1)[0].rstrip(" ").upper() in WINDOWS_DEVICES or name.endswith((".", " "))


def contained(rel: str) -> bool:
    """Whether ``rel`` (a "/"-separated path an output folder's files are keyed by) names a file inside that
    folder, read as written: not absolute, no empty, ``.`` or ``..`` segment, no NUL. Such a key
    comes from sources (an alias) or from a state file a project folder brought along; refusing it by its
    letters needs no look at the disk."""
    return bool(rel) and "\0" not in rel and all(segment not in ("", ".", "..") for segment in rel.split("/"))


def linked_folder(root: Path, rel: str, seen: dict[str, bool]) -> str | None:
    """The first folder ``rel`` (a "/"-separated file path below ``root``) lies in that is a symbolic link
    ("de" of "de/tee/index.html", else "de/tee"), or None. A file written or removed there would be one outside
    ``root``, wherever the link points: a project folder that came with ``site/de`` -> ``~`` had build write
    pages into the home folder. ``root`` itself may be a link (where the user chose to keep the folder); a
    missing folder is none (it is made as a folder). ``seen`` keeps each folder's answer for the next file:
    one ``lstat`` per folder a run."""
    folder = ""
    for name in rel.split("/")[:-1]:
        folder = f"{folder}/{name}" if folder else name
        if folder not in seen:
            try:
                seen[folder] = stat.S_ISLNK(os.lstat(root / folder).st_mode)
            except OSError:  # missing, or below a file: nothing is written through it
                seen[folder] = False
        if seen[folder]:
            return folder
    return None


class LinkedFolders:
    """Asks, for each file a stage writes or removes below ``root`` (shown as ``shown``: "site", "editions"),
    whether it lies in a folder that is a symbolic link (``linked_folder``), and reports each such link once through
    ``report`` as a ``VerlagError`` saying that verlag writes and removes ``what`` only in folders of ``shown``/ itself
    and that its ``kept`` are written once it is removed. One ``lstat`` per folder a run."""

    def __init__(self, root: Path, shown: str, what: str, kept: str, report: Callable[[VerlagError], None]):
        self.root, self.shown, self.what, self.kept, self.report = root, shown, what, kept, report
        self.seen: dict[str, bool] = {}
        self.named: set[str] = set()

    def __call__(self, rel: str) -> bool:
        """Whether ``root``/``rel`` lies in a folder that is a symbolic link, reported the first time."""
        link = linked_folder(self.root, rel, self.seen)
        if link is not None and link not in self.named:
            self.named.add(link)
            self.report(VerlagError(
                f"a symbolic link (to {os.readlink(self.root / link)}), not a folder: verlag writes and removes "
                f"{self.what} only in folders of {self.shown}/ itself, never through a link; remove it (its "
                f"{self.kept} are written then)", f"{self.shown}/{link}"))
        return link is not None


class Folders:
    """The folders below ``root`` that files of a stage go into, made ahead of the files (``make``), and the new
    files in them put into temp files ahead (``stage``), renamed into place when the stage writes (``place``): a
    site's page folders and pages get their inodes while the workers render, not in the parent's write after them,
    where making a thousand folders and files was most of the time a translation's Pagefind run waited. A folder in
    or below a symbolic link is never made (``linked_folder``, whose ``seen`` this shares: the stage's
    ``LinkedFolders`` says so when it writes); nor is one where a file or anything else is in the way (the write
    says what). ``undo`` removes the temp files and the folders made again, when the files are not written after
    all; a run killed before leaves temp files the next run sweeps (``remove_stale_temp_files``)."""

    def __init__(self, root: Path, seen: dict[str, bool]):
        self.root, self.seen = root, seen
        self.made: list[Path] = []  # in the order made: a folder before the folders in it
        self.new: set[str] = set()  # the folders made (relative to ``root``): their files are known to be absent
        self._done: set[str] = set()  # folders made or found
        self.staged: dict[str, tuple[Path, bytes]] = {}  # file -> its temp file and the bytes put there

    def make(self, rel: str) -> None:
        """Make the missing folders of ``rel`` (a "/"-separated file path below ``root``), ``root`` too."""
        folder = rel.rpartition("/")[0]
        if folder in self._done or not contained(rel) or linked_folder(self.root, rel, self.seen) is not None:
            return
        if not self._done:
            if not self._mkdir(self.root, ""):
                return
            self._done.add("")
        parts = folder.split("/")
        for end in range(1, len(parts) + 1):
            name = "/".join(parts[:end])
            if name not in self._done:
                if not self._mkdir(self.root / name, name):
                    return
                self._done.add(name)

    def _mkdir(self, path: Path, name: str) -> bool:
        """Make ``path`` (``name`` below ``root``); True when it is a folder now."""
        try:
            os.mkdir(path)
        except FileExistsError:
            return path.is_dir()
        except OSError:  # its parent missing (``root``'s), not writable: the write makes it or says why
            return False
        self.made.append(path)
        self.new.add(name)
        return True

    def fresh(self, rel: str) -> bool:
        """Whether ``rel`` lies in a folder ``make`` made: no file can be there (the project lock is held)."""
        return rel.rpartition("/")[0] in self.new

    def stage(self, rel: str, data: bytes) -> None:
        """Put ``data``, the new file ``rel`` in a folder ``make`` made, into a temp file beside it (not fsynced);
        nothing when its folder was there before, or the temp file cannot be made (the write tries, and says why)."""
        if self.fresh(rel) and rel not in self.staged:
            try:
                self.staged[rel] = (_temp_copy(self.root / rel, data, False, NEW), data)
            except OSError:
                pass

    def place(self, rel: str, data: bytes) -> bool:
        """Rename the temp file ``stage`` made for ``rel`` into place when it holds ``data`` (the very bytes object):
        True; False when there is none (removed when it holds other bytes). Raises ``OSError`` naming ``rel``'s file
        when the rename fails (the temp file removed)."""
        tmp, staged = self.staged.pop(rel, (None, None))
        if tmp is None or staged is not data:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            return False
        try:
            os.replace(tmp, self.root / rel)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _named(exc, self.root / rel) from exc
        return True

    def unstage(self) -> None:
        """Remove the temp files ``stage`` made that were not placed."""
        for tmp, _ in self.staged.values():
            tmp.unlink(missing_ok=True)
        self.staged = {}

    def unused(self, rels: Iterable[str]) -> None:
        """Remove again the folders ``make`` made for the files ``rels`` (not written after all: a page that
        failed) and the folders above them it made, as far as they are empty."""
        for rel in rels:
            folder = rel.rpartition("/")[0]
            while folder in self.new:
                try:
                    (self.root / folder).rmdir()
                except OSError:  # another file is written there
                    break
                self.new.discard(folder)
                self._done.discard(folder)
                if not folder:
                    break
                folder = folder.rpartition("/")[0]

    def undo(self) -> None:
        """Remove the temp files ``stage`` made that were not placed and the folders ``make`` made that are empty
        then, the deepest first."""
        self.unstage()
        for path in reversed(self.made):
            try:
                path.rmdir()
            except OSError:
                pass
        self.made, self.new, self._done = [], set(), set()


def relpath(path: Path, root: Path) -> str:
    """Path as the user sees it in messages: relative to the project when possible, else ``path`` as given.
    A symlink loop (RuntimeError before Python 3.13, OSError after) cannot be resolved, and a symlink leading
    out of the project resolves outside it: either is named as found."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def digest_bytes(*contents: bytes | None, extra: str = "") -> str:
    """One hash over ``extra`` and each file's bytes (None: the file is absent), passed as they were read:
    the bytes an output was really made from, not the file as it may be by the time the output is written."""
    return combine_digests(*(None if data is None else hashlib.sha256(data).digest() for data in contents), extra=extra)


def combine_digests(*digests: bytes | None, extra: str = "") -> str:
    """``digest_bytes`` of files by their SHA-256 digests (32 bytes each; None: the file is absent), e.g. as
    ``statrecord.StatRecord`` knows them without reading the files."""
    h = hashlib.sha256(extra.encode("utf-8"))
    for digest in digests:
        h.update(b"-" if digest is None else digest)
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of verlag's own code: a cached result is only valid for the code that made it. Its files are listed
    by name (``names_ending``) and read with ``file_bytes``: ``Path.glob`` and ``Path.read_bytes`` of the 96 files
    cost every run 0.8 ms more (bench/HISTORY.md, "Branch noopU")."""
    folder = Path(__file__).parent
    h = hashlib.sha256()
    for name in names_ending(folder, ".py"):
        h.update(file_bytes(folder / name))
    return h.hexdigest()[:16]


def state_bytes(path: Path) -> bytes | None:
    """The bytes of one of verlag's own files in ``.verlag/`` (a cache it makes again), None when it is absent or
    cannot be used: a named pipe, socket, device or folder in its place (never opened), one over
    ``limits.STATE`` (not read), one that cannot be read. Each but an absent one is said once per process as a
    warning (``logging``, printed by the CLI as ``warning: …``); ``write_state`` puts a file in its place."""
    try:
        return file_bytes(path, STATE)
    except FileNotFoundError:
        return None
    except OSError as exc:  # NotAFile among them
        _state_warning(path, exc)
    except VerlagError as exc:  # over the limit
        _state_warning(path, exc.message)
    return None


def write_state(path: Path, text: str | bytes) -> None:
    """Store one of verlag's own files in ``.verlag/`` unless it holds ``text`` already; not fsynced (losing it
    only means the next run redoes the work). Whatever ``state_bytes`` could not use is replaced (a named pipe,
    an oversized file); one that cannot be written (``OSError``: a folder in its place, no permission) is a
    warning, as in ``state_bytes``, never a failed command."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if state_bytes(path) == data:
        return
    try:
        _replace(path, data, durable=False)
    except OSError as exc:
        _state_warning(path, exc)


def load_state(path: Path) -> dict:
    """A JSON cache of fingerprints (a ``.verlag/`` state file, UTF-8); a missing or damaged one just means
    'redo everything' (also JSON nested too deep for the decoder, or a number too long to convert: a
    ``RecursionError``, a ``ValueError``). One that cannot be used (``state_bytes``: a named pipe or a folder in
    its place, no permission, too large) or is not UTF-8 is no cache either, said once per process as a warning."""
    data = state_bytes(path)
    try:
        state = json.loads(data.decode("utf-8")) if data is not None else {}
    except RecursionError:
        return {}
    except UnicodeError as exc:  # UnicodeError before ValueError, its base
        _state_warning(path, f"not UTF-8 ({exc})")
        return {}
    except ValueError:  # json.JSONDecodeError, and int's limit on digits
        return {}
    return state if isinstance(state, dict) else {}


def save_state(path: Path, state: dict) -> None:
    """Store a fingerprint cache (``write_state``: not fsynced, replacing what ``load_state`` could not use, a
    warning when it cannot be written)."""
    write_state(path, json.dumps(state, indent=1, sort_keys=True) + "\n")


_WARNED: set[Path] = set()


def _state_warning(path: Path, reason: str | OSError) -> None:
    """Say once per process that the cache ``path`` cannot be used, and why (``reason``): remove it, or, when the
    disk is full (``errors.DISK_FULL``), free some space (the file is not at fault then). A full disk fails every
    cache the command writes after it (a build's dozen of ``.verlag/jinja/*.cache``): said once per ``.verlag/``
    folder, for them all."""
    full = isinstance(reason, OSError) and reason.errno in DISK_FULL
    key = _state_folder(path) if full else path
    if key not in _WARNED:
        _WARNED.add(key)
        from . import logger

        text = (reason.strerror or str(reason)) if isinstance(reason, OSError) else reason
        logger(__name__).warning(f"{shown_path(_state_name(path))}: {text}; " + (
            "verlag does without this cache and the others it cannot write in this run (their work is done "
            "again): the disk is full; free some space" if full else
            "verlag does without this cache (its work is done again): remove it"))


def _state_folder(path: Path) -> Path:
    """The ``.verlag/`` folder (``config.STATE_NAME``) holding the cache ``path``; else its folder."""
    from .config import STATE_NAME

    parts = path.parts
    if STATE_NAME not in parts:
        return path.parent
    return Path(*parts[:len(parts) - parts[::-1].index(STATE_NAME)])


def _state_name(path: Path) -> str:
    """``path`` as messages name a project's file: from the project folder, the one holding ``.verlag/``
    (``config.STATE_NAME``, where every cache is kept), e.g. ``.verlag/extract.json``; else as given."""
    from .config import STATE_NAME

    parts = path.parts
    if STATE_NAME not in parts:
        return str(path)
    return Path(*parts[len(parts) - 1 - parts[::-1].index(STATE_NAME):]).as_posix()


def remove_empty_parents(path: Path, root: Path) -> None:
    """Remove the folders above a deleted ``path`` that are empty now, up to (not including) ``root``:
    a deleted article leaves no folder a web server would list."""
    folder = path.parent
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): the folders above are not empty either
            return
        folder = folder.parent


def names_ending(folder: Path, suffix: str) -> list[str]:
    """The names in ``folder`` that end with ``suffix``, sorted, as ``Path.glob("*" + suffix)`` finds them
    (none when ``folder`` is missing, no folder or not readable), without a path object per entry: the
    1,000 catalogs and 500 templates a no-op ``extract`` lists at N = 500. Raises other ``OSError``s."""
    try:
        return sorted(name for name in os.listdir(folder) if name.endswith(suffix))
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.EACCES, errno.EPERM):
            return []
        raise

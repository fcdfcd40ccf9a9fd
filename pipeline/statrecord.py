"""The SHA-256 of files verlag read before and nobody changed since, from their ``stat`` instead of their bytes.

git's index does the same (Documentation/technical/racy-git.txt): a file whose size, modification time,
inode and change time are the ones recorded when it was hashed still has the bytes it had, so a no-op
``extract`` stats its 1,000 catalogs at N = 500 articles (2 ms) instead of reading and hashing their 23 MB
(24 ms). The change time (ctime) is in the record because no program can set it on a local file system (sshfs
reports the modification time in its place: README "No-op reruns"): an editor or
``cp -p`` that puts back the old modification time still moves it.

Racily clean files (git's term): two saves within one tick of the file system's clock (a second on some
file systems, a few milliseconds on others) leave the same times; if verlag hashed the file between them,
its record would match the second save's file. So a file is recorded only when its change time is older
than ``moment``, a time the file system itself gave before this run read anything (``lock.held_since``:
the lock file's change time as the run wrote its pid there); a file changed since is hashed again on every
run until a later run starts after its change. A run without such a moment records nothing. The files a run
wrote itself are such files: it hashes them again at its end, once the clock has passed their writes
(``confirm``), so the first rerun after a cold ``extract`` only stats its 1,000 catalogs, as later ones do.
The moment is taken in ``.verlag/``; the catalogs may lie on a file system with coarser times (whole seconds,
FAT's two): a change time in whole hundredths of a second counts as one, and must be older than the moment by
``COARSE_SLACK`` (the fine times of ext4, XFS, Btrfs and tmpfs are almost never such a multiple).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Callable

from .errors import VerlagError
from .fsutil import load_state, read_bytes, save_state
from .limits import Limit

FILE = "stat.json"
COARSE = 10**7  # ns: a change time that is a multiple of this comes from a file system with coarse times
COARSE_SLACK = 2 * 10**9  # ns: the coarsest times in use (FAT's modification times, two seconds)
TICK_WAIT = 0.02  # s: the longest wait for a fine clock to pass a run's last write (a tick is 1 to 10 ms)


def recordable(ctime_ns: int, moment: int | None) -> bool:
    """Whether a file whose change time is ``ctime_ns`` may be recorded by a run that started at ``moment`` (None:
    nothing is recorded): it changed before the run read anything, by the margin of a coarse clock where its
    time looks like one (the module's docstring)."""
    return moment is not None and ctime_ns < moment - (COARSE_SLACK if ctime_ns % COARSE == 0 else 0)


class StatRecord:
    """Digests of the files under ``folder``, by their path relative to it, taken from ``.verlag/stat.json`` while
    each file's stat is the recorded one.

    ``moment``: the file system's time (ns) before this run read anything, None when there is none: then
    nothing new is recorded. A missing, damaged or foreign entry only means hashing the file again. ``file``: the
    state file under ``state_dir`` (one per folder: the names are relative to it). ``limit``: the largest file
    hashed (``limits``), checked by its stat before it is read. ``shown``: the folder as messages name it
    ("translations": a template in a folder's place is "translations/templates/x.pot", not the project's own
    ``templates/``); None: a file is named as inside the folder.
    """

    def __init__(self, state_dir: Path, folder: Path, moment: int | None, file: str = FILE,
                 limit: Limit | None = None, shown: str | None = None):
        self.path = state_dir / file
        self.folder = os.fspath(folder)
        self.shown = shown
        self.moment = moment
        self.limit = limit
        stored = load_state(self.path).get("files")
        self.known: dict = stored if isinstance(stored, dict) else {}
        self.fresh: dict[str, list] = {}

    def digest(self, name: str) -> bytes | None:
        """The SHA-256 (32 bytes) of the file ``name`` ("templates/x.pot") under the folder, None when it does not
        exist; from the record when its stat is the recorded one, else read and hashed (and recorded when it
        changed before ``moment``). Raises ``OSError`` as reading raises it (a folder in its place, no permission),
        ``VerlagError`` for a file over the ``limit`` (not read)."""
        path = f"{self.folder}/{name}"
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        signature = [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]
        entry = self.fresh.get(name) or self.known.get(name)  # fresh: hashed earlier in this run (``confirm``)
        if isinstance(entry, list) and len(entry) == 5 and entry[:4] == signature and isinstance(entry[4], str):
            try:
                digest = bytes.fromhex(entry[4])
            except ValueError:
                digest = b""
            if len(digest) == 32:
                self.fresh[name] = entry
                return digest
        # after the stat: a save in between changes the stat the next run compares
        data = read_bytes(path, self.limit, name if self.shown is None else f"{self.shown}/{name}")
        if data is None:
            return None
        digest = hashlib.sha256(data).digest()
        if recordable(st.st_ctime_ns, self.moment):
            self.fresh[name] = [*signature, digest.hex()]
        return digest

    def confirm(self, names: list[str], clock: Callable[[], int | None]) -> None:
        """Record the files ``names`` ("en/x.po") this run wrote, hashed again once the file system's clock
        (``clock``: its time now, ns; None: none) has passed their change: the reading the next run would make of
        each file it finds changed after this run started, done while the files are fresh in the page cache, so
        that run only stats them. The bytes are read, never taken as written: a save by someone else in the
        tick of verlag's write leaves the stat verlag's write left, and only its bytes show it. A file the
        clock has not passed yet (it waits up to ``TICK_WAIT`` for a fine clock, not for a coarse one) is left
        for the next run to hash; one that cannot be read, too."""
        changed = []
        for name in names:
            self.fresh.pop(name, None)  # looked up before this run wrote it
            try:
                changed.append(os.stat(f"{self.folder}/{name}").st_ctime_ns)
            except OSError:
                pass
        if not changed:
            return
        newest, waited = max(changed), 0.0
        moment = clock()
        while moment is not None and moment <= newest and newest % COARSE and waited < TICK_WAIT:
            time.sleep(0.001)
            waited += 0.001
            moment = clock()
        if moment is None:
            return
        self.moment = moment
        for name in names:
            try:
                self.digest(name)
            except (OSError, VerlagError):
                pass

    def save(self, others: bool = False) -> None:
        """Keep the entries of the files looked up this time (written only when they changed; not fsynced);
        ``others``: and the entries of the files not looked up (``build`` looks up the catalogs, not the
        templates; ``extract`` looks up both and leaves out deleted files)."""
        files = {**self.known, **self.fresh} if others else self.fresh
        if files != self.known:
            save_state(self.path, {"files": files})

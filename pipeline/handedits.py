"""Part of the site stage: the files under site/ someone changed by hand since the build that wrote them.

A build renders a page again only when one of its inputs changed; a typo fixed directly in
``site/de/x/index.html`` would stay until then, and go with the next change of the article. So the build records
each file as it left it (``.verlag/site-stat.json``): its size, modification and change time and the SHA-256 of
its bytes. A file whose stat is the recorded one is as the build left it, known without reading it (a no-op build
reads no page); one whose stat differs is read and hashed, and only a file with other bytes counts as changed: a
copied project (``cp -r``: new times, the same bytes) renders nothing again. The change time is in the record
because no program can set it: an editor or ``cp -p`` that puts the old modification time back still moves it
(``statrecord`` reasons the same way). A file without a record (built by an older verlag, or the state file lost)
is taken as the build left it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping

from .fsutil import load_state, read_bytes, save_state

FILE = "site-stat.json"


def digest(data: bytes) -> str:
    """What the record keeps of a file's bytes: the first 128 bits of their SHA-256, in hex."""
    return hashlib.sha256(data).hexdigest()[:32]


class SiteFiles:
    """The files under ``site_dir`` by their path relative to it ("de/x/index.html"), each looked up once per build
    with one ``stat`` (and read only when it differs from the record of the last build, ``state_dir``'s ``FILE``)."""

    def __init__(self, state_dir, site_dir):
        self.path = state_dir / FILE
        self.folder = os.fspath(site_dir)
        stored = load_state(self.path).get("files")
        self.known: dict = stored if isinstance(stored, dict) else {}
        self.seen: dict[str, list | None] = {}  # rel -> its stat now, [size, mtime, ctime]; None: no such file
        self.checked: dict[str, str] = {}  # rel -> the digest of its bytes, where they were read
        self.changed: set[str] = set()  # looked up and found changed by hand

    def _look(self, rel: str) -> list | None:
        if rel not in self.seen:
            try:
                st = os.stat(f"{self.folder}/{rel}")
            except OSError:
                st = None
            self.seen[rel] = (None if st is None or not stat.S_ISREG(st.st_mode)
                              else [st.st_size, st.st_mtime_ns, st.st_ctime_ns])
        return self.seen[rel]

    def _read(self, rel: str) -> bytes | None:
        try:
            return read_bytes(f"{self.folder}/{rel}")
        except OSError:  # unreadable: taken as changed, and written again where the build can
            return None

    def _recorded(self, rel: str) -> list | None:
        entry = self.known.get(rel)
        return entry if isinstance(entry, list) and len(entry) == 4 and isinstance(entry[3], str) else None

    def exists(self, rel: str) -> bool:
        """Whether site/``rel`` is a file."""
        return self._look(rel) is not None

    def intact(self, rel: str) -> bool:
        """Whether site/``rel`` is a file with the bytes the last build left there (or one it has no record of):
        by its stat, else by its bytes; a file with other bytes is added to ``changed``."""
        now = self._look(rel)
        if now is None:
            return False
        before = self._recorded(rel)
        if before is None or before[:3] == now:
            return True
        if rel not in self.checked:
            data = self._read(rel)
            self.checked[rel] = "" if data is None else digest(data)
        if self.checked[rel] != before[3]:
            self.changed.add(rel)
            return False
        return True

    def save(self, names: Iterable[str], made: Mapping[str, str]) -> None:
        """Record the files ``names`` as this build leaves them; ``made``: the digest of the bytes this build wrote,
        or found there already, by file. A file not there is left out; one neither made nor read yet is read once
        (the first build after an older verlag's)."""
        files = {}
        for rel in names:
            if rel in made:
                self.seen.pop(rel, None)
            now = self._look(rel)
            if now is None:
                continue
            before = self._recorded(rel)
            if rel in made:
                files[rel] = [*now, made[rel]]
            elif rel in self.checked:
                files[rel] = [*now, self.checked[rel]]
            elif before is not None and before[:3] == now:
                files[rel] = before
            else:
                data = self._read(rel)
                if data is not None:
                    files[rel] = [*now, digest(data)]
        if files != self.known:
            save_state(self.path, {"files": files})

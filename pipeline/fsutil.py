"""The only place that writes files: atomically, and only when content changed."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write ``text`` (str as UTF-8, or bytes) to ``path`` via temp file + rename; False if it was already there.

    A reader (or a crash) never sees a half-written catalog, and unchanged
    files keep their mtime so incremental tools and git stay quiet. The file
    gets the permissions a plain ``open(path, "w")`` would give it: a new one
    0666 minus the umask (0644 under umask 022), a rewritten one keeps its
    mode; new folders get 0777 minus the umask (0755). A web server running as
    another user, ``rsync -a`` and shared checkouts can read what verlag writes.
    Raises ``OSError`` when the folder is not writable.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))  # mkstemp makes 0600 whatever the umask
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _mode_for(path: Path) -> int:
    """Permission bits for new content at ``path``: the file's own, else 0666 minus the process umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)  # the only portable way to read it (pip does the same)
        os.umask(umask)
        return 0o666 & ~umask


def relpath(path: Path, root: Path) -> str:
    """Path as the user sees it in messages: relative to the project when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def digest_files(*paths: Path, extra: str = "") -> str:
    """One hash over ``extra`` and the bytes of each file (a missing file counts as absent)."""
    h = hashlib.sha256(extra.encode("utf-8"))
    for path in paths:
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except FileNotFoundError:
            h.update(b"-")
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of verlag's own code: a cached result is only valid for the code that made it."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def load_state(path: Path) -> dict:
    """A JSON cache of fingerprints; a missing or damaged one just means 'redo everything'."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save_state(path: Path, state: dict) -> None:
    write_if_changed(path, json.dumps(state, indent=1, sort_keys=True) + "\n")


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

"""Whether two paths an article's German wrote (an image's, a linked file's) name one file, renamed as it was.

An author who renames ``bilder/bruecke.png`` to ``bilder/uebung-bruecke.png`` (``git mv``) and writes the new path
into ``![…](bilder/…)`` changed no word: the page shows the same picture. Its alt text's reviewed translations went
back to review and the medical review counted as outdated (trial 35). The file is the same where the new path holds
the very bytes the old one did: the old file still on disk (a copy), or, gone, as git last recorded it (``HEAD`` for
a rename not yet committed, the commit that removed it for one committed). A project that is no git work tree, or a
machine without ``git``, knows a gone file's bytes no more: the path counts as changed, as before.
"""

from __future__ import annotations

import filecmp
import posixpath
import shutil
import subprocess
from pathlib import Path

from .fsutil import regular
from .limits import MEDIA

_TIMEOUT = 30  # seconds for one git call; a git that hangs (a lock, a network file system) is no git


def same_file(source_dir: Path, old: str, new: str) -> bool:
    """Whether ``new`` (a path in ``source_dir``, as ``media.file_path`` gives it) holds the bytes ``old`` held: the
    same file renamed or copied. False for a path leaving ``source_dir``, for a new path that is no regular file
    within ``limits.MEDIA``, and where the old bytes cannot be known."""
    if old == new or any(p.startswith("../") or p == ".." or "\0" in p for p in (old, new)):
        return False
    new_path = source_dir / new
    try:
        if regular(new_path).st_size > MEDIA.bytes:
            return False
    except OSError:
        return False
    old_path = source_dir / old
    try:
        regular(old_path)
    except FileNotFoundError:
        committed = _committed_blob(source_dir, old)
        return committed is not None and committed == _blob(source_dir, new)
    except OSError:
        return False
    try:
        return filecmp.cmp(old_path, new_path, shallow=False)
    except OSError:
        return False


def _git(cwd: Path, *args: str) -> str | None:
    """``git args`` run in ``cwd``: its output, None when it fails (no work tree, no commit, no git) or hangs."""
    if shutil.which("git") is None:
        return None
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _committed_blob(source_dir: Path, rel: str) -> str | None:
    """The object id of the last bytes git committed at ``rel`` (relative to ``source_dir``): those of the last
    commit that changed it, or, where that commit removed it, those it removed; None where git has none."""
    out = _git(source_dir, "log", "-1", "--format=", "--raw", "--no-abbrev", "--no-renames", "HEAD", "--",
               f":(literal){posixpath.normpath(rel)}")
    line = next((line for line in (out or "").splitlines() if line.startswith(":")), None)
    if line is None:
        return None
    fields = line.split("\t", 1)[0].split()
    if len(fields) < 5:
        return None
    src, dst = fields[2], fields[3]
    blob = src if set(dst) == {"0"} else dst
    return None if set(blob) == {"0"} else blob


def _blob(source_dir: Path, rel: str) -> str | None:
    """The object id git gives the bytes at ``rel`` now (``git hash-object``, in the repository's hash)."""
    out = _git(source_dir, "hash-object", "--", rel)
    return (out or "").strip() or None

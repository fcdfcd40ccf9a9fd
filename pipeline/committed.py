"""Sign-offs the last git commit holds that the working catalogs lost: ``check``'s and ``status``'s safety net.

verlag's own record of a catalog (``.verlag/``, what ``extract`` last left) cannot know a sign-off made in a text
editor and committed before any ``extract`` ran; only git does (fresh-user trial 19: ``git show HEAD~1:… > …`` of
such a catalog took back four sign-offs and no command said so). Where the project is a git work tree, the
catalogs that differ from their ``HEAD`` version (one ``git diff`` call) are compared with it (``git show``, for
those alone). A project that is no git work tree, or a machine without ``git``, gets nothing from here, silently.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib

from .catalog import MACHINE, REVIEWED, _older_header, decode_po, key, msgid_line, parse_po, review_state
from .config import Config
from .errors import VerlagError
from .fsutil import relpath

CHECK_ID = "sign-off-lost"
_TIMEOUT = 30  # seconds for one git call; a git that hangs (a lock, a network file system) is no git


@dataclass(frozen=True)
class LostSignOffs:
    """A catalog (``ref``, project-relative) with ``count`` entries ``HEAD`` has signed off that it does not; ``line``
    is the msgid line of the first, ``entry_key`` its (msgctxt, msgid)."""

    ref: str
    line: int
    count: int
    lang: str
    slug: str
    entry_key: tuple[str | None, str]

    @property
    def message(self) -> str:
        many = self.count != 1
        return (f"{self.count} translation{'s' * many} signed off in the last commit (HEAD) {'are' if many else 'is'}"
                f" not signed off here (an older copy put back?): `git diff HEAD -- {self.ref}` shows "
                f"{'them' if many else 'it'}; `git checkout HEAD -- {self.ref}` brings {'them' if many else 'it'} "
                "back")

    def __str__(self) -> str:
        return f"{self.ref}:{self.line}: {self.message}"


def lost_sign_offs(config: Config, languages: list[str] | None = None,
                   slugs: list[str] | None = None) -> list[LostSignOffs]:
    """The catalogs under ``translations/`` (of ``languages``, ``slugs``: all when None) whose working file lost
    sign-offs their ``HEAD`` version has, in path order; empty where git is not there or the project is no work
    tree, has no commit, or a catalog (either version) does not parse (``check`` names a damaged file itself)."""
    if shutil.which("git") is None:
        return []
    changed = _git(config.root, "diff", "--name-only", "-z", "--relative", "HEAD", "--",
                   relpath(config.translations_dir, config.root))
    found = []
    for name in sorted(filter(None, (changed or b"").decode("utf-8", "replace").split("\0"))):
        path = config.root / name
        if path.suffix != ".po" or path.parent.parent != config.translations_dir or not path.is_file() \
                or languages and path.parent.name not in languages or slugs and path.stem not in slugs:
            continue
        committed = _git(config.root, "show", f"HEAD:./{Path(name).as_posix()}")
        if committed is None:
            continue
        ref = relpath(path, config.root)
        try:
            text = decode_po(path.read_bytes(), ref)
            lost, copy = lost_in(parse_po(text, ref), parse_po(decode_po(committed, ref), ref))
        except (OSError, VerlagError):
            continue
        if lost and (copy or _committed_before(config.root, name)):
            found.append(LostSignOffs(ref, msgid_line(text.split("\n"), lost[0].linenum), len(lost),
                                      path.parent.name, path.stem, key(lost[0])))
    return found


def lost_in(po: polib.POFile, committed: polib.POFile) -> tuple[list[polib.POEntry], bool]:
    """The active entries of ``po`` whose German (msgctxt, msgid) ``committed`` has signed off (``_signed_off``)
    while ``po`` does not, in file order, and whether ``po`` shows itself an older copy.

    The judgement is ``catalog``'s older-copy rule (``_emptied_in_copy``, ``_stale_again``, ``_older_header``): a
    reviewer takes a sign-off back on purpose by emptying the msgstr or adding ``#, fuzzy`` (no ``#|``), so those
    alone say nothing. A copy shows itself by an entry a reviewer never makes from a sign-off (a ``#| msgid``
    under the same German, which only extract and msgmerge write; an engine's untouched draft) or by a header
    older than the committed one (another template, an earlier ``PO-Revision-Date``); then every lost sign-off is
    the copy's. Where it shows neither, ``lost_sign_offs`` asks git whether the file is an earlier commit's."""
    signed = {key(e): e for e in committed if not e.obsolete and _signed_off(e)}
    lost = [e for e in po if not e.obsolete and key(e) in signed and not _signed_off(e)]
    copy = _older_header(po.metadata, committed) or any(
        e.previous_msgid is not None or e.msgstr and review_state(e) == MACHINE for e in lost)
    return lost, copy


def _signed_off(entry: polib.POEntry) -> bool:
    """A person's sign-off: reviewed (translated, not fuzzy) with no ``#| msgid`` of German that changed since."""
    return review_state(entry) == REVIEWED and entry.previous_msgid is None


def _committed_before(root: Path, name: str) -> bool:
    """Whether the file ``name`` (relative to ``root``) is byte for byte a version of it an earlier commit holds:
    a catalog whose sign-offs were all taken back (emptied, made fuzzy) at once, by the very bytes of a commit from
    before them, is that commit's copy put back (``git show HEAD~1:… > …``), no reviewer's step."""
    blob = _git(root, "hash-object", "--", name)
    history = _git(root, "log", "--format=", "--raw", "--no-abbrev", "--no-renames", "HEAD", "--", name)
    return bool(blob and blob.strip()) and history is not None and blob.strip().decode() in history.decode()


def _git(root: Path, *args: str) -> bytes | None:
    """``git -C root args``'s output, None when it fails (no work tree, no ``HEAD``, no such path) or hangs."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=_TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None

"""Sign-offs the last git commit holds that the working catalogs lost: ``check``'s and ``status``'s safety net.

verlag's own record of a catalog (``.verlag/``, what ``extract`` last left) cannot know a sign-off made in a text
editor and committed before any ``extract`` ran; only git does (fresh-user trial 19: ``git show HEAD~1:… > …`` of
such a catalog took back four sign-offs and no command said so). Where the project is a git work tree, the
catalogs that differ from their ``HEAD`` version (one ``git diff`` call) are compared with it (one ``git cat-file
--batch`` for those alone). A project that is no git work tree, or a machine without ``git``, gets nothing from
here, silently.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Container

import polib

from .catalog import (MACHINE, REUSED, REVIEWED, decode_po, entry_line, key, older_header, parse_po,
                      review_state)
from .config import Config
from .errors import VerlagError
from .fsutil import relpath

CHECK_ID = "sign-off-lost"
_HEADER = re.compile(r'^msgid ""\nmsgstr ""\n', re.M)  # the header entry: msgid "" with no continuation line
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
    names = [name for name in sorted(filter(None, (changed or b"").decode("utf-8", "replace").split("\0")))
             if (path := config.root / name).suffix == ".po" and path.parent.parent == config.translations_dir
             and "\n" not in name and path.is_file() and (not languages or path.parent.name in languages)
             and (not slugs or path.stem in slugs)]
    found = []
    for name, committed in zip(names, _committed(config.root, names)):
        path = config.root / name
        if committed is None:
            continue
        ref = relpath(path, config.root)
        try:
            text, old = decode_po(path.read_bytes(), ref), decode_po(committed, ref)
            if not _signed_off_gone(old, text):
                continue
            lost, copy = lost_in(parse_po(text, ref), parse_po(old, ref), lambda: _template_keys(config, path.stem))
        except (OSError, VerlagError):
            continue
        if lost and (copy or _committed_before(config.root, name)):
            found.append(LostSignOffs(ref, entry_line(text.split("\n"), lost[0]), len(lost),
                                      path.parent.name, path.stem, key(lost[0])))
    return found


def lost_in(po: polib.POFile, committed: polib.POFile,
            german: Callable[[], Container[tuple]] = frozenset) -> tuple[list[polib.POEntry], bool]:
    """The active entries of ``po`` whose German (msgctxt, msgid) ``committed`` has signed off (``_signed_off``)
    while ``po`` does not, in file order, and whether ``po`` shows itself an older copy. An obsolete entry (``#~``)
    of such German counts too where ``po`` has no active one and the article's template still has that German
    (``german()``, its keys, asked only then): extract made it obsolete for German the author removed, so with the
    German there it is a copy's from while the sentence was deleted (trial 32), which the next ``extract`` revives
    in place of the sign-off.

    The judgement is ``catalog``'s older-copy rule (``_emptied_in_copy``, ``_stale_again``, ``older_header``): a
    reviewer takes a sign-off back on purpose by emptying the msgstr or adding ``#, fuzzy`` (no ``#|``), so those
    alone say nothing. A copy shows itself by an entry a reviewer never makes from a sign-off (a ``#| msgid``
    under the same German, which only extract and msgmerge write; an engine's untouched draft) or by a header
    older than the committed one (another template, an earlier ``PO-Revision-Date``); then every lost sign-off is
    the copy's. Where it shows neither, ``lost_sign_offs`` asks git whether the file is an earlier commit's."""
    signed = {key(e): e for e in committed if not e.obsolete and _signed_off(e)}
    lost = [e for e in po if not e.obsolete and key(e) in signed and not _signed_off(e)]
    live = {key(e) for e in po if not e.obsolete}
    retired = [e for e in po if e.obsolete and key(e) in signed and key(e) not in live]
    if retired:
        keys = german()
        lost += [e for e in retired if key(e) in keys]
    copy = older_header(po.metadata, committed) or any(
        e.previous_msgid is not None or e.msgstr and review_state(e) in (MACHINE, REUSED) for e in lost)
    return lost, copy


def _template_keys(config: Config, slug: str) -> frozenset[tuple]:
    """The (msgctxt, msgid) keys of the article's template on disk (the German of the last ``extract``); empty
    when there is none or it cannot be read."""
    from .pofile import keys

    try:
        return frozenset(keys(config.pot_path(slug).read_text(encoding="utf-8")))
    except (OSError, ValueError, UnicodeDecodeError):
        return frozenset()


def _signed_off_gone(committed: str, text: str) -> bool:
    """Whether an entry of ``committed`` (a catalog's text) that may be signed off is not in ``text`` as it is:
    only then can ``lost_in`` find anything, so the two are parsed (what this costs) only then. Entries are the
    blocks between blank lines, as gettext and polib write them; an entry with a fuzzy flag or an empty msgstr
    as its last line, obsolete (``#~``) or the header is no sign-off; anything else may be."""
    kept = {block.strip("\n") for block in text.split("\n\n")}
    return any(block not in kept and not _no_sign_off(block) for block in
               (block.strip("\n") for block in committed.split("\n\n")))


def _no_sign_off(block: str) -> bool:
    """Whether an entry's text (``_signed_off_gone``) surely holds no sign-off."""
    lines = block.split("\n")
    return (not block or all(line.startswith("#~") or not line.strip() for line in lines)
            or any(line.startswith("#,") and "fuzzy" in line for line in lines)
            or lines[-1] == 'msgstr ""' or bool(_HEADER.search(block)))


def _signed_off(entry: polib.POEntry) -> bool:
    """A person's sign-off: reviewed (translated, not fuzzy) with no ``#| msgid`` of German that changed since."""
    return review_state(entry) == REVIEWED and entry.previous_msgid is None


def _committed(root: Path, names: list[str]) -> list[bytes | None]:
    """The bytes ``HEAD`` holds of each file of ``names`` (relative to ``root``), None where it has none, read by
    one ``git cat-file --batch`` (a ``git show`` each costs a process per catalog: 1.5 s of CPU for 500)."""
    if not names:
        return []
    ask = "".join(f"HEAD:./{Path(name).as_posix()}\n" for name in names).encode("utf-8")
    out = _git(root, "cat-file", "--batch", stdin=ask)
    found: list[bytes | None] = []
    at = 0
    for _ in names:
        end = (out or b"").find(b"\n", at)
        head = (out or b"")[at:end].split() if end >= 0 else []
        if len(head) != 3 or head[1] != b"blob" or not head[2].isdigit():
            found.append(None)
            at = end + 1 if end >= 0 else len(out or b"")
            continue
        size = int(head[2])
        found.append(out[end + 1:end + 1 + size])
        at = end + 1 + size + 1
    return found


def _committed_before(root: Path, name: str) -> bool:
    """Whether the file ``name`` (relative to ``root``) is byte for byte a version of it an earlier commit holds:
    a catalog whose sign-offs were all taken back (emptied, made fuzzy) at once, by the very bytes of a commit from
    before them, is that commit's copy put back (``git show HEAD~1:… > …``), no reviewer's step."""
    blob = _git(root, "hash-object", "--", name)
    history = _git(root, "log", "--format=", "--raw", "--no-abbrev", "--no-renames", "HEAD", "--", name)
    return bool(blob and blob.strip()) and history is not None and blob.strip().decode() in history.decode()


def _git(root: Path, *args: str, stdin: bytes = b"") -> bytes | None:
    """``git -C root args``'s output (given ``stdin``), None when it fails (no work tree, no ``HEAD``, no such
    path) or hangs."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=_TIMEOUT, input=stdin)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None

"""Part of the site stage: the files under site/ someone changed by hand since the build that wrote them.

A build renders a page again only when one of its inputs changed; a typo fixed directly in
``site/de/x/index.html`` would stay until then, and go with the next change of the article. So the build keeps the
digest of the bytes it left in each file (``.verlag/site-made.json``) and compares it with the digest of the bytes
there now, which a ``statrecord.StatRecord`` over site/ (``.verlag/site-stat.json``) takes from the file's stat
while it is the recorded one: a no-op build reads no page. The record follows git's racily-clean rule: a file
changed after the build started is vouched for only by its bytes, read again once the clock has passed the
build's writes, so a hand edit in the clock tick of the build's own write, to the same size, is found too. Only
a file with other bytes counts as changed: a copied project (``cp -r``: new times, the same bytes) renders
nothing again. A file the build has no digest of (built by an older verlag, the state file lost, or another
program's file in a folder site/ was linked to) is taken as the build left it for what is rendered again, but is
never said to be changed by hand: one with other bytes is ``unrecorded``, and the build says it replaced it. The
digests hold for the folder they were taken in: ``site`` linked anew (or a folder of its own replaced by a link) has
none of them.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from functools import partial

from . import lock
from .config import Config
from .errors import VerlagError
from .fsutil import load_state, save_state
from .limits import SITE_PAGE
from .statrecord import StatRecord

FILE = "site-stat.json"  # the stat record of the files under site/
MADE_FILE = "site-made.json"  # the digest of the bytes the last build left in each file


def digest(data: bytes) -> str:
    """What the build keeps of a file's bytes: the first 128 bits of their SHA-256, in hex."""
    return hashlib.sha256(data).hexdigest()[:32]


def site_link(folder) -> str | None:
    """Where ``site`` leads when it is a symbolic link, as the link says it (a copied project's link says the same);
    None for a folder of its own. What a build records of the files under site/ (these digests, and the list of
    files ``site.build_site`` removes from) holds only while this is what it was when they were taken."""
    try:
        return os.readlink(folder)
    except OSError:
        return None


class SiteFiles:
    """The files under ``config.site_dir`` by their path relative to it ("de/x/index.html"), each compared with
    what the last build left there by its stat (and read only when the stat record cannot vouch for it)."""

    def __init__(self, config: Config):
        self.config = config
        self.files = StatRecord(config.state_dir, config.site_dir, lock.held_since(config), FILE, SITE_PAGE)
        self.made_path = config.state_dir / MADE_FILE
        state = load_state(self.made_path)
        stored = state.get("files")
        self.link = state.get("link")  # where site/ led when the digests were taken; none: a folder of its own
        self.made: dict = stored if isinstance(stored, dict) and self.link == site_link(config.site_dir) else {}
        self.now: dict[str, str | None] = {}  # rel -> the digest of its bytes now; None: no file; "": unreadable
        self.changed: set[str] = set()  # looked up and found changed by hand
        self.unrecorded: set[str] = set()  # looked up, a file there of which no build here kept a digest

    def _now(self, rel: str) -> str | None:
        if rel not in self.now:
            try:
                found = self.files.digest(rel)
                self.now[rel] = None if found is None else found.hex()[:32]
            except (OSError, VerlagError):  # a folder in its place, unreadable, over ``limits.SITE_PAGE`` (not
                # read): changed, written again where the build can (a file of another size is replaced unread)
                self.now[rel] = "" if self.exists(rel) else None
        return self.now[rel]

    def exists(self, rel: str) -> bool:
        """Whether site/``rel`` is a file."""
        try:
            return stat.S_ISREG(os.stat(f"{self.files.folder}/{rel}").st_mode)
        except OSError:
            return False

    def intact(self, rel: str) -> bool:
        """Whether site/``rel`` is a file with the bytes the last build left there (or one it has no digest of); a
        file with other bytes is added to ``changed``."""
        now = self._now(rel)
        if now is None:
            return False
        before = self.made.get(rel)
        if not isinstance(before, str):
            self.unrecorded.add(rel)
            return True
        if now == before:
            return True
        self.changed.add(rel)
        return False

    def save(self, names: Iterable[str], made: Mapping[str, str]) -> None:
        """Keep the files ``names`` as this build leaves them; ``made``: the digest of the bytes this build wrote,
        or found there already, by file. Those files are hashed again once the file system's clock has passed
        the writes (``StatRecord.confirm``), so the next build only stats them. A file not there is left out;
        one neither made nor with a digest from an earlier build is taken as it is (read once)."""
        self.files.confirm(list(made), partial(lock.clock, self.config))
        kept = {}
        for rel in names:
            if rel in made:
                kept[rel] = made[rel]
            elif isinstance(before := self.made.get(rel), str):
                if self._now(rel) is not None:
                    kept[rel] = before
            elif now := self._now(rel):  # not one that cannot be read: it has no digest to keep
                kept[rel] = now
        self.files.save()
        link = site_link(self.config.site_dir)
        if kept != self.made or self.link != link:
            save_state(self.made_path, {"files": kept} if link is None else {"link": link, "files": kept})

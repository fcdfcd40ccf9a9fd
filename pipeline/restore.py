"""A catalog deleted or emptied while its article is still there, brought back from extract's copy of it.

``extract`` keeps each catalog as it last left it (``extract_article.record_path``, in ``.verlag/extracted/``).
A catalog that is missing, or empty (``: > gut.po``, an editor that crashed before it wrote), while the German
article still has its slug, is made again from that copy, not from the template alone: the copy is merged with
the template as the catalog would have been, so its reviewed entries stay reviewed, fuzzy ones fuzzy, obsolete
ones kept (DESIGN: nothing a reviewer wrote is ever deleted silently). Without a copy (a fresh clone, a
``.verlag/`` deleted) or with one holding no translation, the catalog is made from the template as before.
A catalog deleted together with its article has nothing to come back to: ``orphans.prune_records`` drops its copy.

``status``, ``check`` and ``build`` say what the next ``extract`` will do with such a catalog (``pending``).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from .config import Config
from .errors import VerlagError
from .fsutil import relpath, state_bytes


@dataclass(frozen=True)
class Copy:
    """Extract's copy of a catalog: where it is (``ref``, relative to the project), its bytes, and how many
    entries it holds with a translation: reviewed, fuzzy, obsolete (``#~``)."""

    ref: str
    data: bytes
    reviewed: int
    fuzzy: int
    obsolete: int

    def counts(self) -> str:
        """``3 entries (2 reviewed, 1 fuzzy)``: what comes back, the obsolete ones apart."""
        parts = [f"{n} {what}" for n, what in ((self.reviewed, "reviewed"), (self.fuzzy, "fuzzy"),
                                              (self.obsolete, "obsolete")) if n]
        total = self.reviewed + self.fuzzy + self.obsolete
        return f"{total} entr{'y' if total == 1 else 'ies'} ({', '.join(parts)})"


def record_copy(config: Config, lang: str, slug: str) -> Copy | None:
    """Extract's copy of the article ``slug``'s catalog in ``lang``, when it holds a translation (a reviewed,
    fuzzy or obsolete entry with a msgstr); None when there is none, it holds none, or it cannot be read (a
    damaged cache is no source to restore from)."""
    from .catalog import entry_state, po_from_bytes
    from .extract_article import record_path
    from .states import REVIEWED

    path = record_path(config, lang, slug)
    data = state_bytes(path)
    if not data:
        return None
    ref = relpath(path, config.root)
    try:
        po = po_from_bytes(data, ref)
    except (VerlagError, UnicodeDecodeError):
        return None
    translated = [e for e in po if e.msgid and (e.msgstr or any(e.msgstr_plural.values()))]
    reviewed = sum(not e.obsolete and entry_state(e) == REVIEWED for e in translated)
    obsolete = sum(e.obsolete for e in translated)
    fuzzy = len(translated) - reviewed - obsolete
    if not translated:
        return None
    return Copy(ref, data, reviewed, fuzzy, obsolete)


def pending(config: Config, lang: str, slug: str) -> Copy | None:
    """For a command that only reads: the copy the next ``extract`` restores the article's catalog in ``lang``
    from (``record_copy``), when that catalog is missing or an empty file; None otherwise. Told by the file's
    stat: a catalog that is there is not read (a no-op ``build`` reads none)."""
    try:
        found = os.stat(config.po_path(lang, slug))
    except FileNotFoundError:
        found = None
    except OSError:
        return None
    if found is not None and not (stat.S_ISREG(found.st_mode) and found.st_size == 0):
        return None
    return record_copy(config, lang, slug)


def restored_message(po_ref: str, copy: Copy, done: bool = True) -> str:
    """What ``extract`` says of a catalog it restored from ``copy``; not ``done``, what ``extract --check``
    says of it, its trial run having written nothing: what ``extract`` will do."""
    return (f"{po_ref}: missing or empty (deleted, or a save cut short?): "
            + (f"restored from {copy.ref}" if done else f"verlag extract will restore it from {copy.ref}")
            + f", the catalog as the last verlag extract left it: {copy.counts()} "
            + ("back as they were; to start it over instead, delete both files and run verlag extract again" if done
               else "to come back as they were; to start it over instead, delete both files before it runs"))


def pending_message(po_ref: str, copy: Copy) -> str:
    """What ``status``, ``check`` and ``build`` say of a missing or empty catalog ``extract`` will restore."""
    return (f"{po_ref}: missing or empty: verlag extract restores it from {copy.ref} (the catalog as the last "
            f"verlag extract left it): {copy.counts()}")

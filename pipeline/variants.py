"""Language variants of the German files the articles reference: ``bilder/schema.en.png`` beside
``bilder/schema.png`` (mkdocs-static-i18n's naming; Sphinx's ``figure_language_filename`` does the same), the
edition in that language showing the variant (``media``), and the record of which German bytes each was made from.

That record is ``translations/<lang>/variants.sha256`` (``sha256sum`` lines, paths relative to ``source_de/``, so
``sha256sum -c`` run there reads it too): the original's and the variant's SHA-256 as they were when the variant was
last made or signed off. Content, not modification times, which ``git clone``, ``cp`` and unpacking set arbitrarily.
Kept by every ``extract``, which loads this module and not ``media`` (its dataclass and link checks: 6.2 M
instructions of a no-op extract at N = 500; bench/HISTORY.md, "Branch noopU").
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import unicodedata
from pathlib import Path
from typing import Iterable

from .errors import VerlagError
from .fsutil import contained, file_bytes, write_if_changed
from .limits import MEDIA, VARIANTS
from .sources import PAGES_DIR


def language_variant(rel: str, lang: str) -> str:
    """``bilder/schema.png`` -> ``bilder/schema.en.png``: where a file's version for ``lang`` lives."""
    stem, ext = posixpath.splitext(rel)
    return f"{stem}.{lang}{ext}"


RECORD = "variants.sha256"
RECORD_HEADER = ("# The German files (paths in source_de/) the language variants beside them were made from,\n"
                 "# and those variants, as sha256sum writes them; kept by 'verlag extract'. To sign a variant off\n"
                 "# without changing it, delete the line of its German file and run 'verlag extract'.\n")


def read_record(path: Path) -> dict[str, str]:
    """A ``variants.sha256`` as {path in source_de/: hex SHA-256}; {} when absent. Lines that are no
    ``<64 hex digits>  <path>`` (comments, damage) are skipped: a lost line only means no warning. A path that
    is no file of source_de/ as written (``fsutil.contained``: ``../x``, ``/etc/x``; a record edited by hand or
    brought in with a project folder) is skipped with a warning naming its line: only source_de/'s files are
    compared. A named pipe (never opened) or a record over ``limits.VARIANTS`` (not read) is said and read as
    no record."""
    ref = "/".join(path.parts[-3:])  # translations/<lang>/variants.sha256, as the project names it
    try:
        data = file_bytes(path, VARIANTS, ref)
    except FileNotFoundError:
        return {}
    except VerlagError as exc:  # a named pipe (``NotAFile``), or too large
        from . import logger

        logger(__name__).warning(str(exc))
        return {}
    found = {}
    for number, raw in enumerate(data.splitlines(), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:  # damage, or a comment saved in another encoding
            continue
        digest, _, rel = line.partition("  ")
        rel = rel.removeprefix("*")
        if len(digest) == 64 and all(c in "0123456789abcdef" for c in digest) and rel:
            if not contained(rel):
                from . import logger

                logger(__name__).warning(f"{ref}:{number}: {rel!r} is no file of source_de/ (it leads out of "
                                         "it): left out; delete the line, 'verlag extract' records the variants")
                continue
            found[rel] = digest
    return found


def _sha256(path: Path) -> str | None:
    """The SHA-256 (hex) of a German file or its language variant; None for one over ``limits.MEDIA`` (not read:
    the build names it where an article shows it), a named pipe or one that cannot be read."""
    try:
        return hashlib.sha256(file_bytes(path, MEDIA)).hexdigest()
    except (OSError, VerlagError):
        return None


def stale_originals(source_dir: Path, languages: Iterable[str], translations_dir: Path) -> set[tuple[str, str]]:
    """(lang, German file in ``source_dir``) for every language variant that is still the one recorded in
    ``translations/<lang>/variants.sha256`` while its German original no longer is: the German file changed
    after the variant was made from it, so the variant may not show that yet. A variant changed since
    (remade), or one with no record yet, is taken as made from the German file as it is. Reads only the
    recorded files: no article is parsed. The German file is named composed (NFC), as a reference names it,
    whichever normalization its name and its variant's have on disk (``_spelt``)."""
    found = set()
    for lang in languages:
        record = read_record(translations_dir / lang / RECORD)
        spelt = _spelt(record)
        for rel, digest in record.items():
            variant = spelt.get(unicodedata.normalize("NFC", language_variant(rel, lang)))
            if variant is None:
                continue
            original, made = source_dir / rel, source_dir / variant
            if original.is_file() and made.is_file() \
                    and record[variant] == _sha256(made) and (now := _sha256(original)) and digest != now:
                found.add((lang, unicodedata.normalize("NFC", rel)))
    return found


def _spelt(names: Iterable[str]) -> dict[str, str]:
    """Each path in ``names`` under its composed (NFC) form: a name saved decomposed (NFD ``bäume.en.png``, as
    macOS's HFS+ and many zip tools store it) is the variant of a composed ``bäume.png``, and a reference's
    composed ``bilder/bäume.png`` names a decomposed file. Two names of one form (saved both ways) are left out:
    which is meant cannot be told (``collect_media`` names both); neither is taken for the variant."""
    spelt: dict[str, str | None] = {}
    for name in names:
        composed = unicodedata.normalize("NFC", name)
        spelt[composed] = name if composed not in spelt else None
    return {composed: name for composed, name in spelt.items() if name is not None}


def source_tree(source_dir: Path) -> list[Path]:
    """Every path under ``source_dir``, folders too, as ``Path.rglob`` finds them (not through a symlinked folder),
    but the ``.md`` files of ``source_dir`` itself and of its ``seiten/``, the articles and pages, which both users
    pass over: the one walk of source_de/ ``extract`` makes, for ``record_variants`` (no ``.md`` file) and
    ``sources.unread_sources`` (no ``.md`` file of those two folders). A no-op extract at N = 500 made and looked at
    500 paths for nothing (2.5 ms; bench/HISTORY.md, "Branch noopU")."""
    top = os.fspath(source_dir)
    read = (top, os.path.join(top, PAGES_DIR))
    tree = []
    for folder, dirs, names in os.walk(top):
        tree += [Path(folder, name) for name in dirs]
        tree += [Path(folder, name) for name in names
                 if folder not in read or not name.endswith(".md") or name == ".md"]  # ".md" has no suffix
    return tree


def record_variants(source_dir: Path, translations_dir: Path, languages: Iterable[str],
                    tree: Iterable[Path] | None = None) -> list[Path]:
    """Bring every ``translations/<lang>/variants.sha256`` up to date with the variants in ``source_dir``
    (any file ``x.<lang>.ext`` beside an ``x.ext``, whatever the Unicode normalization of either name: each is
    recorded as saved, for ``sha256sum -c``); returns the files written or removed.

    A variant that is new, or changed since its record, was made from the German file as it is now: both
    are recorded afresh. An unchanged variant keeps the German digest it was made from, so a German edit
    stays visible to ``stale_originals`` until the variant is remade or signed off (its German line
    deleted by hand). Written atomically and only when changed; a language without variants has no file.
    Raises ``OSError`` when translations/ is not writable. ``tree``: ``source_tree(source_dir)`` when the caller
    has it (else listed here).
    """
    root = source_dir.resolve()
    tree = source_dir.rglob("*") if tree is None else tree
    files = sorted(p for p in tree if p.suffix != ".md" and p.is_file())  # no stat per article
    present = {p.relative_to(source_dir).as_posix(): p for p in files if p.resolve().is_relative_to(root)}
    spelt = _spelt(present)
    changed = []
    for lang in languages:
        path = translations_dir / lang / RECORD
        old = read_record(path)
        new: dict[str, str] = {}
        for rel, original in present.items():
            variant = spelt.get(unicodedata.normalize("NFC", language_variant(rel, lang)))
            if variant is None:
                continue
            made = _sha256(present[variant])
            kept = old.get(variant) == made and rel in old
            german = old[rel] if kept else _sha256(original)
            if made is None or german is None:  # unreadable or too large: not recorded
                continue
            new[rel], new[variant] = german, made
        if new:
            text = RECORD_HEADER + "".join(f"{digest}  {rel}\n" for rel, digest in sorted(new.items()))
            if write_if_changed(path, text):
                changed.append(path)
        elif path.exists():
            path.unlink()
            changed.append(path)
    return changed

"""Durability where it matters: catalogs a reviewer edits are fsynced, regenerable outputs are not."""

from __future__ import annotations

import os

import polib
import pytest

from pipeline import fsutil

from conftest import article


def _record_fsync(monkeypatch, root) -> list[str]:
    """The files fsynced from now on, as project paths (a temp file ".<name>.<random>.tmp" counts as <name>)."""
    synced: list[str] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        tmp = os.readlink(f"/proc/self/fd/{fd}")
        synced.append(os.path.relpath(os.path.join(os.path.dirname(tmp), os.path.basename(tmp)[1:].rsplit(".", 2)[0]),
                                      root))
        real_fsync(fd)

    monkeypatch.setattr(fsutil.os, "fsync", recording)
    return synced


def test_only_catalogs_that_hold_work_are_fsynced(project, monkeypatch):
    synced = _record_fsync(monkeypatch, project.root)
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Noch ein Satz.\n"))
    project.run("extract", "--jobs", "1")
    # eins.po made from the template alone holds no translation: the next extract makes it again
    assert sorted(synced) == ["translations/de/site.po", "translations/en/site.po", "translations/fr/site.po"]
    synced.clear()
    project.run("build", "--jobs", "1")
    assert synced == []
    assert (project.root / "editions/en/eins.md").is_file() and (project.root / "site").is_dir()

    path = project.root / "translations/en/eins.po"
    po = polib.pofile(str(path))
    po.find("Eins").msgstr = "One"
    po.find("Ein Satz.").msgstr = "One sentence."
    po.save(str(path))
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Ein neuer Satz.\n"))
    synced.clear()
    project.run("extract", "--jobs", "1")
    assert sorted(synced) == ["translations/en/eins.po", "translations/fr/eins.po"]  # merged into a catalog

    (project.root / "source_de/eins.md").rename(project.root / "source_de/zwei.md")
    synced.clear()
    project.run("extract", "--jobs", "1")
    # renamed from eins.po, translation and all, and the French one with nothing translated too: its old file is
    # deleted, so the one copy of its header is the new file
    assert sorted(synced) == ["translations/en/zwei.po", "translations/fr/zwei.po"]
    assert polib.pofile(str(project.root / "translations/en/zwei.po")).find("Ein Satz.").msgstr == "One sentence."


def test_a_catalog_emptied_by_a_crash_is_made_again(project):
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Noch ein Satz.\n"))
    project.run("extract", "--jobs", "1")
    path = project.root / "translations/en/eins.po"
    made = path.read_bytes()
    path.write_bytes(b"")  # what a power cut can leave of a file written without fsync
    project.run("extract", "--jobs", "1")
    assert path.read_bytes() == made


def test_an_empty_catalog_is_waited_for_once_per_read(project, monkeypatch):
    from pipeline import fsutil
    from pipeline.catalog import load_po
    from pipeline.errors import VerlagError

    path = project.root / "translations/en/leer.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    waits = []
    real = fsutil.settled
    monkeypatch.setattr(fsutil, "settled",
                        lambda p, patience=0.2, **limit: waits.append(p) or real(p, patience, **limit))
    with pytest.raises(VerlagError, match="catalog is empty"):
        load_po(path, "translations/en/leer.po")
    assert len(waits) == 1, "one wait tells an emptied file from a save in progress"

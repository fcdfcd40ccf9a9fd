"""Durability where it matters: catalogs a reviewer edits are fsynced, regenerable outputs are not."""

from __future__ import annotations

import os

from pipeline import fsutil

from conftest import article


def test_only_po_catalogs_are_fsynced(project, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(fsutil.os, "fsync", recording)
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Noch ein Satz.\n"))
    project.run("extract", "--jobs", "1")
    targets = sorted(os.path.relpath(os.path.join(os.path.dirname(p), os.path.basename(p)[1:].rsplit(".", 2)[0]),
                                     project.root) for p in synced)  # temp files are ".<name>.<random>.tmp"
    assert targets == ["translations/de/site.po", "translations/en/eins.po", "translations/en/site.po",
                       "translations/fr/eins.po", "translations/fr/site.po"]
    synced.clear()
    project.run("build", "--jobs", "1")
    assert synced == []
    assert (project.root / "editions/en/eins.md").is_file() and (project.root / "site").is_dir()

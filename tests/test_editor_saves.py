"""A catalog a reviewer saved in Poedit or Weblate and `extract` run with no German change: the file stays as saved.

Poedit and Weblate write their own name into the header's ``X-Generator`` on every save (Weblate also a
``Report-Msgid-Bugs-To`` field where verlag has none) and wrap at their own width (Poedit 79 columns, Weblate 77);
Poedit keeps a Windows catalog's CRLF. An ``extract`` that changes none of the entries must not write the file
again to put verlag's name back: the reviewer's editor would see the file changed under it, and ``git diff`` a
change of nobody's. When the German changed, the catalog is written, in verlag's layout and with its name.
"""

from __future__ import annotations

import os

import polib
import pytest

from conftest import article, msgfmt_check

LEBER = article("Leber", """
    Die Leber arbeitet nachts, und wer morgens mit Rückenschmerzen aufwacht, sollte z. B. an eine überlastete
    Leber denken, bevor er zum Orthopäden geht und sich Spritzen geben lässt.

    Trinken Sie genug Wasser. Essen Sie am Abend leicht und früh, damit die Leber in der Nacht ihre eigentliche
    Arbeit tun kann und nicht noch mit dem Abendessen beschäftigt ist.
    """)
WATER = "Trinken Sie genug Wasser."

# (tool, the width it wraps at, its X-Generator, CRLF line ends, fields it adds to the header)
TOOLS = {
    "poedit": (79, "Poedit 3.4.2", False, {}),
    "poedit-windows": (79, "Poedit 3.4.2", True, {"X-Poedit-SourceCharset": "UTF-8"}),
    "weblate": (77, "Weblate 5.8", False, {"Report-Msgid-Bugs-To": ""}),
}


@pytest.fixture
def leber(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    return project


def save_in(tool: str, path, edit=None) -> bytes:
    """Act as ``tool`` saving the catalog at ``path``: its header fields, its wrapping, its line ends; ``edit``
    changes the entries first. Returns the bytes saved."""
    width, generator, crlf, extra = TOOLS[tool]
    po = polib.pofile(str(path), wrapwidth=width)
    po.wrapwidth = width
    meta = dict(po.metadata)
    first = {"Project-Id-Version": meta.pop("Project-Id-Version")}
    po.metadata = {**first, **extra, **meta}  # Weblate's Report-Msgid-Bugs-To goes second, as gettext puts it
    po.metadata.update({"X-Generator": generator, "PO-Revision-Date": "2026-06-01 10:00+0200",
                        "Last-Translator": "Rita Reviewer <rita@example.org>"})
    if edit is not None:
        edit(po)
    data = po.__unicode__().encode("utf-8")
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    path.write_bytes(data)
    return data


def edit_a_draft(po: polib.POFile) -> None:
    """The reviewer improves a machine draft and leaves it fuzzy (Poedit's "needs work")."""
    po.find(WATER).msgstr = "Drink plenty of water."


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("edit", [None, edit_a_draft], ids=["saved", "draft edited"])
def test_extract_leaves_a_catalog_a_reviewer_saved_byte_for_byte_when_the_german_did_not_change(leber, tool, edit):
    path = leber.root / "translations/en/leber.po"
    saved = save_in(tool, path, edit)
    before = os.stat(path)
    result = leber.run("extract")
    assert path.read_bytes() == saved, f"the reviewer's save is left as it is: {result.output}"
    assert (os.stat(path).st_ino, os.stat(path).st_mtime_ns) == (before.st_ino, before.st_mtime_ns), \
        "not even written again with the same bytes"
    assert "0 files changed" in result.output
    assert leber.run("extract").output == result.output, "and the next extract is as quiet"
    msgfmt_check(path)


def test_extract_leaves_a_site_catalog_weblate_saved_with_a_field_of_its_own(leber):
    path = leber.root / "translations/fr/site.po"
    saved = save_in("weblate", path)
    leber.run("extract")
    assert path.read_bytes() == saved


@pytest.mark.parametrize("tool", TOOLS)
def test_a_german_change_writes_the_catalog_in_verlags_layout_with_the_reviewers_work_and_fields(leber, tool):
    path = leber.root / "translations/en/leber.po"
    save_in(tool, path, edit_a_draft)
    leber.write("source_de/leber.md", LEBER + "\nSchlafen Sie gut.\n")
    leber.run("extract")
    data = path.read_bytes()
    po = polib.pofile(data.decode("utf-8"))
    assert po.find("Schlafen Sie gut.") is not None
    assert po.find(WATER).msgstr == "Drink plenty of water.", "the reviewer's text is kept"
    assert po.metadata["X-Generator"].startswith("verlag "), "written by verlag: its name, as it says"
    assert po.metadata["Last-Translator"] == "Rita Reviewer <rita@example.org>"
    for name, value in TOOLS[tool][3].items():
        assert po.metadata[name] == value, "the tool's own header fields stay"
    assert (data.count(b"\r\n") == data.count(b"\n")) == TOOLS[tool][2], "and its line ends"
    msgfmt_check(path)


def test_a_save_that_lands_while_extract_merges_is_left_as_saved(leber, monkeypatch):
    """The reviewer saves in Poedit, the author's extract reads that save, and while it merges the reviewer
    saves again (a second edit): the file holds the second save byte for byte afterwards, not a copy of it that
    extract wrote over the file the reviewer's editor has open."""
    import pipeline.catalog

    path = leber.root / "translations/en/leber.po"
    save_in("poedit", path)
    leber.write("source_de/leber.md", LEBER + "\n")  # the German file changed, its text did not: merged again
    second = []
    real = pipeline.catalog.catalog_bytes

    def merged_while_saving(po, previous):
        if not second and previous is not None and b"Rita Reviewer" in previous and b"Essen Sie" in previous:
            second.append(save_in("poedit", path, edit_a_draft))
        return real(po, previous)

    monkeypatch.setattr(pipeline.catalog, "catalog_bytes", merged_while_saving)
    leber.run("extract")
    assert second, "the reviewer saved while extract merged"
    assert path.read_bytes() == second[0]
    assert polib.pofile(str(path)).find(WATER).msgstr == "Drink plenty of water."


@pytest.mark.parametrize("mode", ["atomic", "inplace"])
def test_a_file_removed_only_while_unchanged_keeps_a_save_that_lands_after_the_look(tmp_path, monkeypatch, mode):
    """``fsutil.remove_unchanged`` (a renamed article's old catalog, once moved): a save that lands between its
    look at the file and its removal, by a temp file renamed over it (Poedit) or written into it in place (a
    text editor), is put back where it was and returned; an unchanged file is removed; no temp file is left."""
    from pipeline import fsutil

    path = tmp_path / "schlaf.po"
    path.write_bytes(b"read\n")
    assert fsutil.remove_unchanged(path, b"read\n") is None and not path.exists()
    path.write_bytes(b"read\n")
    real = fsutil._temp_copy

    def saved_meanwhile(target, *rest):
        if target == path:
            if mode == "atomic":
                (tmp_path / "poedit.tmp").write_bytes(b"saved\n")
                os.replace(tmp_path / "poedit.tmp", path)
            else:
                with open(path, "r+b") as fh:
                    fh.truncate(0)
                    fh.write(b"saved\n")
        return real(target, *rest)

    monkeypatch.setattr(fsutil, "_temp_copy", saved_meanwhile)
    assert fsutil.remove_unchanged(path, b"read\n") == b"saved\n"
    assert path.read_bytes() == b"saved\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schlaf.po"]

"""Catalogs as Windows editors save them (Notepad: a UTF-8 byte-order mark), and status with a broken one."""

from __future__ import annotations

import json

import polib

from conftest import article, msgfmt_check, review

BOM = "\ufeff".encode("utf-8")
LEBER_PLAIN = article("Leber", "Die Leber arbeitet nachts. Sie braucht Ruhe.\n")


def test_a_catalog_notepad_saved_with_a_bom_is_read_and_written_back_without_it_said_once(project):
    """polib reads past a BOM and GNU msgfmt refuses it: verlag reads the reviewer's work and writes the catalog
    back without the BOM, with one note saying why."""
    project.write("source_de/leber.md", LEBER_PLAIN)
    project.run("extract")
    path = review(project, "fr", "leber", {"Die Leber arbeitet nachts.": "Le foie travaille la nuit."})
    path.write_bytes(BOM + path.read_bytes().replace(b"\n", b"\r\n"))
    assert polib.pofile(str(path)).find("Die Leber arbeitet nachts.").msgstr  # what polib reads, verlag reads
    rows = json.loads(project.run("status", "--format", "json").output)["articles"]
    assert [r["segments"]["reviewed"] for r in rows if r["lang"] == "fr"] == [1]
    out = project.run("extract").output
    assert "note: translations/fr/leber.po: written back without its byte-order mark (BOM)" in out
    data = path.read_bytes()
    assert not data.startswith(BOM) and data.count(b"\r\n") == data.count(b"\n")  # its CRLF kept
    msgfmt_check(path)
    assert polib.pofile(str(path)).find("Die Leber arbeitet nachts.").msgstr == "Le foie travaille la nuit."
    assert "byte-order mark" not in project.run("extract").output  # said once


def test_a_notepad_saved_catalog_renamed_with_its_article_keeps_its_crlf_and_says_its_bom_dropped(project):
    """Trial 13, finding 6: after the German file was renamed, extract wrote the renamed catalog with LF and
    without a note for the BOM it dropped, while a plain edit kept CRLF and said so."""
    project.write("source_de/leber.md", LEBER_PLAIN)
    project.run("extract")
    path = review(project, "fr", "leber", {"Die Leber arbeitet nachts.": "Le foie travaille la nuit."})
    path.write_bytes(BOM + path.read_bytes().replace(b"\n", b"\r\n"))
    (project.root / "source_de/leber.md").rename(project.root / "source_de/leber-nachts.md")
    out = project.run("extract").output
    assert "renamed translations/fr/leber.po -> translations/fr/leber-nachts.po" in out
    assert "note: translations/fr/leber-nachts.po: written back without its byte-order mark (BOM)" in out
    renamed = project.root / "translations/fr/leber-nachts.po"
    data = renamed.read_bytes()
    assert not data.startswith(BOM) and data.count(b"\r\n") == data.count(b"\n") > 0  # its CRLF kept
    msgfmt_check(renamed)
    assert polib.pofile(str(renamed)).find("Die Leber arbeitet nachts.").msgstr == "Le foie travaille la nuit."


def test_status_shows_an_unreadable_catalog_as_a_row_naming_file_and_line(project):
    """A catalog that cannot be read keeps its language in status: a row marked unreadable with file:line and
    the language's total, which says that one catalog is not counted; the other languages are counted."""
    project.write("source_de/leber.md", LEBER_PLAIN)
    project.run("extract")
    path = project.root / "translations/fr/leber.po"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = "kaputt " + lines[2]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = project.run("status", code=2)
    rows = [line for line in result.output.splitlines() if line.startswith("fr ")]
    assert rows[0].split()[1] == "leber" and "unreadable: translations/fr/leber.po:3" in rows[0]
    assert "= total (1 unreadable, not counted)" in rows[1] and "?%" in rows[1]
    assert "error: translations/fr/leber.po:3: cannot read catalog" in result.output
    data = json.loads(project.run("status", "--format", "json", code=2).output.split("\nerror:")[0])
    fr = [r for r in data["articles"] if r["lang"] == "fr"]
    assert fr[0]["unreadable"] == "translations/fr/leber.po:3"
    assert [t["unreadable"] for t in data["languages"]] == [0, 1]
    assert "unreadable" not in [r for r in data["articles"] if r["lang"] == "en"][0]

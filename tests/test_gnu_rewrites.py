"""What extract says after GNU gettext tools (msgcat, msguniq, msgattrib) rewrote catalogs: each file it writes is
named with what it did there, the counts match the lines, and what changed without a change of an entry (line
ends, verlag's own flags) is said as such."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib

from conftest import Project, article, msgfmt_check, review

BODY = "Endlich ist es warm. Zecken warten im Gras.\n\nSie mögen es feucht.\n"
PO = "translations/en/zecken.po"


def gnu(*command: str) -> None:
    assert shutil.which(command[0]), f"GNU gettext ({command[0]}) is required: apt-get install gettext"
    subprocess.run(command, check=True, capture_output=True)


def reviewed(project: Project) -> Path:
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    path = review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Endlich ist es warm.": "Warm at last.",
                                             "Zecken warten im Gras.": "Ticks wait in the grass."})
    project.run("extract")
    return path


def test_a_windows_catalog_through_msgcat_on_linux_is_written_with_one_line_end_and_said_once(project: Project):
    """A CRLF catalog through GNU msgcat on Linux keeps CR only on its comment lines; extract writes one kind of
    line end (LF, most lines'), and says so once, naming the file, so a diff of every line is explained."""
    path = reviewed(project)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert "line ends" not in project.run("extract").output  # CRLF throughout: kept, nothing to say
    gnu("msgcat", "-o", str(path), str(path))
    data = path.read_bytes()
    crlf, lines = data.count(b"\r\n"), data.count(b"\n")
    assert 0 < crlf < lines  # mixed, as GNU leaves it

    result = project.run("extract")
    assert b"\r" not in path.read_bytes()
    msgfmt_check(path)
    assert (f"note: {PO}: written with LF line ends throughout: it had both ({crlf} of its "
            f"{lines} lines ended in CRLF, the others in LF;") in result.output
    assert f"'git diff --ignore-cr-at-eol {PO}' shows the rest" in result.output
    assert result.output.count("line ends throughout") == 1
    assert "line ends" not in project.run("extract").output


def test_catalogs_msguniq_and_msgcat_rewrote_are_said_as_layout_restored_and_counted_apart(project: Project):
    """``msguniq`` and ``msgcat`` over every catalog drop verlag's ``markdown-text`` flags and nothing a reviewer
    wrote: extract writes them back, each named as "layout restored" and counted apart from the catalog it really
    updated, so every file the summary counts is named with what happened to it."""
    reviewed(project)
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    catalogs = sorted((project.root / "translations").glob("[ef][nr]/*.po"))
    assert [p.relative_to(project.root).as_posix() for p in catalogs] == [
        "translations/en/leber.po", "translations/en/site.po", PO, "translations/fr/leber.po",
        "translations/fr/site.po", "translations/fr/zecken.po"]
    flagged = [path for path in catalogs if "markdown-text" in path.read_text(encoding="utf-8")]
    for path in catalogs:
        gnu("msguniq" if "/en/" in path.as_posix() else "msgcat", "-o", str(path), str(path))
        assert "markdown-text" not in path.read_text(encoding="utf-8")
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet vor allem nachts.\n"))

    result = project.run("extract")
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith(("updated ", "layout restored "))] == [
        "updated translations/templates/leber.pot", "updated translations/en/leber.po",
        "updated translations/fr/leber.po", f"layout restored {PO}", "layout restored translations/fr/zecken.po"]
    assert "extract: 5 files changed (3 updated, 2 layout restored), 0 articles unchanged" in lines
    assert ("note: 2 catalogs held their entries as before, laid out otherwise (as GNU msgcat, msguniq or "
            "msgattrib lay them out: wrapping, line ends, blank lines, verlag's flags such as markdown-text): back "
            "in verlag's layout (layout restored); no German, translation or state changed") in lines
    for path in flagged:
        assert "markdown-text" in path.read_text(encoding="utf-8")
    for path in catalogs:
        msgfmt_check(path)


def test_a_removed_sentence_put_back_with_an_untouched_copy_draft_is_said_still_to_translate(project: Project):
    """The obsolete entry of a removed sentence held the ``copy`` engine's draft (the German as it is, untouched):
    put back, the sentence is still to translate, not "translation taken back"."""
    reviewed(project)
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    draft = polib.pofile(str(project.root / PO)).find("Sie mögen es feucht.")
    assert draft.msgstr == "Sie mögen es feucht." and draft.fuzzy
    project.write("source_de/zecken.md", article("Zecken", BODY.replace("\nSie mögen es feucht.\n", "")))
    project.run("extract")
    project.write("source_de/zecken.md", article("Zecken", BODY))

    result = project.run("extract")
    assert "translation taken back" not in result.output
    assert ("en: 1 removed sentence put back, still to translate (its obsolete entry held the copy engine's draft "
            "of the German, untouched: taken back as that draft, no translation)") in result.output

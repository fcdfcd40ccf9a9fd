"""QA checks on correct translations into other scripts and locales, and on catalogs the gettext tools merged
(fresh-user trial with en, fr and ar editions): a right translation is never held back, a broken one always is.
"""

from __future__ import annotations

import subprocess

import polib
import pytest

from pipeline.check import CHECKS, check_catalog

from conftest import article, review

BY_ID = {c.id: c for c in CHECKS}


def findings(german: str, translation: str, lang: str, *check_ids: str, fuzzy: bool = False, glossary=None):
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation, flags=["fuzzy"] if fuzzy else []))
    kwargs = {"glossary": glossary} if glossary is not None else {}
    return [f.message for f in check_catalog(po, "x.po", lang, "x", checks=[BY_ID[c] for c in check_ids],
                                             **kwargs)]


def test_msgcat_conflict_markers_signed_off_are_an_error_that_holds_the_sentence_back(project):
    """msgcat of two versions of a catalog writes both translations under '#-#-#-#-#  file  #-#-#-#-#' lines;
    msgattrib --clear-fuzzy signs them off. The sentence must not reach readers, markers and all."""
    rest = {"Zecken leben im hohen Gras am Waldrand.": "Ticks live in the tall grass at the edge of the woods.",
            "Suchen Sie sich abends gründlich ab.": "Check your body thoroughly in the evening."}
    project.write("source_de/zecken.md", article("Zecken", " ".join(rest) + "\n\nTragen Sie lange, helle Kleidung.\n"))
    project.run("extract")
    old = project.root / "old.po"
    path = review(project, "en", "zecken", {("title", "Zecken"): "Ticks", **rest, "Tragen Sie lange, helle Kleidung.":
                                            "Wear long, light-coloured clothing."})
    old.write_bytes(path.read_bytes())
    review(project, "en", "zecken", {"Tragen Sie lange, helle Kleidung.": "Wear long, pale clothes."})
    subprocess.run(["msgcat", str(path), str(old), "-o", str(path)], check=True)
    subprocess.run(["msgattrib", "--clear-fuzzy", str(path), "-o", str(path)], check=True)
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    text = path.read_text(encoding="utf-8")
    line = text.split("\n").index('msgid "Tragen Sie lange, helle Kleidung."') + 1
    result = project.run("check", "--lang", "en", code=1)
    assert (f"error: translations/en/zecken.po:{line}: msgcat's conflict markers: 2 versions of this translation "
            "merged into one (zecken.po (Test zecken), old.po (Test zecken)); keep one and delete the '#-#-#-#-#' "
            "lines [merge-conflict]") in result.output
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 50\n")
    assert "en/zecken: 1 segment held back by QA errors" in project.run("build").output
    page = project.read("site/en/zecken/index.html")
    assert "#-#-#" not in page and "Wear long" not in page and "Tragen Sie lange, helle Kleidung." in page
    assert "Ticks live in the tall grass" in page

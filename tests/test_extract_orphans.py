"""Kept catalogs of gone articles: a reviewer's save to the old name after a rename, and the warnings."""

from __future__ import annotations

import json
import re
import subprocess

import polib
import pytest

from conftest import Project, article, msgfmt_check, review
from test_extract_check import commit, git

SCHLAF = article("Schlaf", "Schlaf heilt viel. Abends hilft Tee. Morgens hilft Licht.\n")


def renamed(project: Project) -> bytes:
    """schlaf.md reviewed in part in English, then renamed to schlafen.md and extracted; returns the old
    catalog's bytes as a reviewer's editor still holds them."""
    project.write("source_de/schlaf.md", SCHLAF)
    project.run("extract")
    review(project, "en", "schlaf", {("title", "Schlaf"): "Sleep", "Schlaf heilt viel.": "Sleep heals a lot."})
    held = (project.root / "translations/en/schlaf.po").read_bytes()
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    result = project.run("extract")
    assert "renamed translations/en/schlaf.po -> translations/en/schlafen.po" in result.output
    return held


def entry(project: Project, slug: str, msgid: str) -> polib.POEntry:
    return polib.pofile(project.read(f"translations/en/{slug}.po")).find(msgid)


def test_a_catalog_reviewed_in_one_entry_of_many_is_renamed_with_its_article(project: Project):
    """One sign-off of four entries (no drafts): the catalog moved with its article only when half of its entries
    had a translation, so the rename made new empty catalogs and the reviewed entry showed in German (trial10)."""
    project.write("source_de/schlaf.md", SCHLAF)
    project.run("extract")
    review(project, "en", "schlaf", {"Schlaf heilt viel.": "Sleep heals a lot."})
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    result = project.run("extract")
    assert "renamed translations/en/schlaf.po -> translations/en/schlafen.po" in result.output, result.output
    assert entry(project, "schlafen", "Schlaf heilt viel.").msgstr == "Sleep heals a lot."
    assert not entry(project, "schlafen", "Schlaf heilt viel.").fuzzy
    assert not (project.root / "translations/en/schlaf.po").exists()


def test_a_catalog_with_nothing_translated_is_renamed_with_its_article_too(project: Project):
    """Trial 16: after a rename the English catalog moved, the Ukrainian one with no translation yet stayed behind;
    the next extract then called it "renamed … and it was saved again", though nobody had touched it."""
    project.write("source_de/schlaf.md", SCHLAF)
    project.run("extract")
    review(project, "en", "schlaf", {"Schlaf heilt viel.": "Sleep heals a lot."})
    french = polib.pofile(str(project.root / "translations/fr/schlaf.po"))
    assert not any(e.msgstr for e in french)
    french.metadata["Language-Team"] = "Équipe française <fr@example.org>"
    french.save()
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    result = project.run("extract")
    for lang in ("en", "fr"):
        assert f"renamed translations/{lang}/schlaf.po -> translations/{lang}/schlafen.po" in result.output
        assert not (project.root / f"translations/{lang}/schlaf.po").exists()
    assert "warning" not in result.output, result.output
    moved = polib.pofile(project.read("translations/fr/schlafen.po"))
    assert moved.metadata["Language-Team"] == "Équipe française <fr@example.org>"
    assert {e.msgid for e in moved} == {"Schlaf", "Schlaf heilt viel.", "Abends hilft Tee.", "Morgens hilft Licht."}
    msgfmt_check(project.root / "translations/fr/schlafen.po")
    assert "schlaf.po" not in project.run("extract").output


def test_a_save_to_the_old_catalog_after_a_rename_is_brought_over_for_review(project: Project):
    held = renamed(project)
    review(project, "en", "schlafen", {"Morgens hilft Licht.": "Light helps in the morning."})
    (project.root / "translations/en/schlaf.po").write_bytes(held)  # the reviewer's editor saves the old file
    review(project, "en", "schlaf", {"Abends hilft Tee.": "Tea helps in the evening.",
                                     "Schlaf heilt viel.": "Sleep heals much.",
                                     "Morgens hilft Licht.": "Morning light helps."})
    result = project.run("extract")
    carried = entry(project, "schlafen", "Abends hilft Tee.")
    assert (carried.msgstr, carried.fuzzy) == ("Tea helps in the evening.", True)
    assert "tm: 100% from schlaf" in carried.tcomment.splitlines()
    # reviewed translations in the renamed article's catalog are never overwritten
    assert entry(project, "schlafen", "Schlaf heilt viel.").msgstr == "Sleep heals a lot."
    assert entry(project, "schlafen", "Morgens hilft Licht.").msgstr == "Light helps in the morning."
    assert ("warning: translations/en/schlaf.po: saved again under the article's old name (a Poedit window left "
            "open, a Weblate commit, a git merge?) after extract had moved it to translations/en/schlafen.po with its "
            "renamed article; 1 of its translations brought over to translations/en/schlafen.po as fuzzy, for "
            "review; 2 of its reviewed translations differ from the ones a reviewer wrote in translations/en/schlafen.po"
            ) in result.output
    assert "then delete translations/en/schlaf.po" in result.output
    msgfmt_check(project.root / "translations/en/schlafen.po")
    again = project.run("extract")
    assert "schlaf.po" not in again.output  # said once, until something changes
    assert entry(project, "schlafen", "Abends hilft Tee.").msgstr == "Tea helps in the evening."


def test_status_of_an_old_catalog_saved_after_a_rename_gives_only_the_rename_advice(project: Project):
    """Trial: status said to restore the old German file (making the article twice) while extract said the
    catalog belongs to the renamed article; status names where its translations go, as extract does."""
    held = renamed(project)
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    extract = project.run("extract").output
    status = project.run("status").output
    assert "moved it to translations/en/schlafen.po" in extract and "restore" not in extract
    assert ("kept: translations/en/schlaf.po: saved under the old name of a renamed article, whose catalog is now "
            "translations/en/schlafen.po; verlag extract brings over the reviewed translations "
            "translations/en/schlafen.po lacks (fuzzy, for review) and says what differs; then delete "
            "translations/en/schlaf.po") in status
    assert "restore" not in status and "no German article" not in status


def test_an_old_catalog_saved_unchanged_after_a_rename_only_asks_to_be_deleted(project: Project):
    held = renamed(project)
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    result = project.run("extract")
    assert ("translations/en/schlafen.po has each of its reviewed translations the German still uses: delete "
            "translations/en/schlaf.po") in result.output
    assert entry(project, "schlafen", "Schlaf heilt viel.").msgstr == "Sleep heals a lot."


def test_a_deleted_article_s_catalog_is_reported_once_per_change(project: Project):
    project.write("source_de/alt.md", article("Alt", "Ein Satz.\n"))
    project.write("source_de/bleibt.md", article("Bleibt", "Noch ein Satz.\n"))
    project.run("extract")
    (project.root / "source_de/alt.md").unlink()
    warning = "warning: translations/en/alt.po: no German article has this slug any more ("
    assert warning in project.run("extract").output
    assert warning not in project.run("extract").output
    # status lists it on every run, in text and JSON
    assert "kept: translations/en/alt.po: no German article has this slug any more" in project.run("status").output
    listed = json.loads(project.run("status", "--format", "json").output)["kept_catalogs"]
    assert listed == ["translations/en/alt.po", "translations/fr/alt.po"]
    review(project, "en", "alt", {"Ein Satz.": "A sentence."})  # saved again: worth saying again
    assert warning in project.run("extract").output


def test_a_symlink_loop_by_a_catalog_s_name_is_said_and_every_article_still_extracted(project: Project):
    """``ln -s gone.po gone.po`` in a language folder is no catalog of an article: it is said, as a kept
    catalog that cannot be read, on every run, with no "internal error", and the run records its work (the
    next one is a no-op)."""
    project.write("source_de/bleibt.md", article("Bleibt", "Noch ein Satz.\n"))
    project.run("extract")
    (project.root / "translations/en/gone.po").symlink_to("gone.po")
    project.write("source_de/bleibt.md", article("Bleibt", "Ein neuer Satz.\n"))
    warning = "warning: translations/en/gone.po: cannot read catalog: Too many levels of symbolic links; no German"
    result = project.run("extract")
    assert "updated translations/en/bleibt.po" in result.output and warning in result.output
    assert 'msgid "Ein neuer Satz."' in project.read("translations/en/bleibt.po")
    again = project.run("extract")
    assert "extract: 0 files changed, 1 article unchanged" in again.output and warning in again.output


def test_a_damaged_old_catalog_after_a_rename_is_kept_as_it_is(project: Project):
    renamed(project)
    (project.root / "translations/en/schlaf.po").write_text('msgid "kaputt\n', encoding="utf-8")
    before = project.read("translations/en/schlafen.po")
    result = project.run("extract")
    assert ("no German article has this slug any more, and a catalog that cannot be read serves nothing"
            in result.output)
    assert project.read("translations/en/schlafen.po") == before
    assert project.read("translations/en/schlaf.po") == 'msgid "kaputt\n'


def test_a_reviewer_s_edit_of_a_brought_over_translation_stays(project: Project):
    held = renamed(project)
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    review(project, "en", "schlaf", {"Abends hilft Tee.": "Tea helps in the evening."})
    result = project.run("extract")
    assert "extract: 1 file changed (1 updated)" in result.output  # the catalog carry-over wrote is counted
    assert entry(project, "schlafen", "Abends hilft Tee.").msgstr == "Tea helps in the evening."
    review(project, "en", "schlafen", {"Abends hilft Tee.": "A cup of tea helps in the evening."}, sign_off=False)
    said = project.run("extract").output
    assert ("1 of its reviewed translations differs from the ones a reviewer wrote in translations/en/schlafen.po"
            ) in said
    assert "extract: 0 files changed" in said
    project.run("extract")  # the orphan is still there: every extract looks at it again
    edited = entry(project, "schlafen", "Abends hilft Tee.")
    assert (edited.msgstr, edited.fuzzy) == ("A cup of tea helps in the evening.", True)


def test_a_brought_over_translation_whose_german_changes_is_carried_as_fuzzy_not_redrafted(project: Project):
    """A translation brought over is a person's, not an untouched machine draft: when the German changed in
    the same run, it is carried with the previous msgid, as it is in a catalog saved in place."""
    held = renamed(project)
    project.write("source_de/schlafen.md", SCHLAF.replace("Abends hilft Tee.", "Abends hilft warmer Tee."))
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    review(project, "en", "schlaf", {"Abends hilft Tee.": "Tea helps in the evening."})
    result = project.run("extract")
    assert "1 of its translations brought over to translations/en/schlafen.po" in result.output
    assert "draft again" not in result.output
    carried = entry(project, "schlafen", "Abends hilft warmer Tee.")
    assert (carried.msgstr, carried.fuzzy, carried.previous_msgid) == (
        "Tea helps in the evening.", True, "Abends hilft Tee.")
    assert "tm: 100% from schlaf" in carried.tcomment.splitlines()
    msgfmt_check(project.root / "translations/en/schlafen.po")


def test_a_brought_over_translation_equal_to_its_german_is_no_machine_draft(project: Project):
    """A person's translation that is the German as written (a drug name, a number) carries no draft
    fingerprint, and must not be taken for an untouched ``copy`` draft that ``--redo-drafts`` replaces."""
    held = renamed(project)
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    review(project, "en", "schlaf", {"Abends hilft Tee.": "Abends hilft Tee."})
    project.run("extract")
    result = project.run("pretranslate", "--engine", "pseudo", "--redo-drafts", "--lang", "en")
    assert "replacing machine drafts" not in result.output
    carried = entry(project, "schlafen", "Abends hilft Tee.")
    assert (carried.msgstr, carried.fuzzy) == ("Abends hilft Tee.", True)


def test_a_new_article_under_a_renamed_article_s_old_slug_ends_the_rename(project: Project):
    renamed(project)  # schlaf -> schlafen
    # no catalog is kept (orphaned) in this run: the rename is forgotten all the same
    project.write("source_de/schlaf.md", article("Schlaf", "Ein ganz neuer Artikel. Abends hilft Tee.\n"))
    project.run("extract")
    review(project, "en", "schlaf", {"Abends hilft Tee.": "Tea in the evening helps."})
    before = project.read("translations/en/schlafen.po")
    (project.root / "source_de/schlaf.md").unlink()  # the new article goes: its catalog is no rename's leftover
    result = project.run("extract")
    assert "warning: translations/en/schlaf.po: no German article has this slug any more (its 1" in result.output
    assert project.read("translations/en/schlafen.po") == before


def test_a_deleted_article_s_catalog_that_cannot_be_read_is_still_an_error(project: Project):
    """A catalog broken while its article existed was an error of every command; once the article is deleted
    it is still one (file and line) for ``status`` and ``check``, and no command calls it a source of the
    translation memory, which cannot read it."""
    project.write("source_de/alt.md", article("Alt", "Ein Satz.\n"))
    project.write("source_de/bleibt.md", article("Bleibt", "Noch ein Satz.\n"))
    project.run("extract")
    path = review(project, "en", "alt", {"Ein Satz.": "A sentence."})
    lines = path.read_text(encoding="utf-8").split("\n")
    broken = lines.index('msgstr "A sentence."') + 1
    lines[broken - 1] = 'msgstr "A sentence.'
    path.write_text("\n".join(lines), encoding="utf-8")
    (project.root / "source_de/alt.md").unlink()
    error = f"error: translations/en/alt.po:{broken}: cannot read catalog"
    extracted = project.run("extract")
    assert f"warning: translations/en/alt.po:{broken}: cannot read catalog" in extracted.output
    assert "en/alt.po: no German article has this slug any more (its 1 reviewed" not in extracted.output
    status = project.run("status", code=2)
    assert error in status.output
    assert ("kept: translations/en/alt.po: no German article has this slug any more; it cannot be read"
            in status.output)
    assert "kept: translations/fr/alt.po: no German article has this slug any more (no reviewed translation" \
        in status.output
    assert error in project.run("check", code=2).output
    assert path.read_text(encoding="utf-8").split("\n")[broken - 1] == 'msgstr "A sentence.'  # left as it was


def test_translate_false_keeps_the_catalogs_as_the_article_s_own_and_never_advises_deleting_them(project: Project):
    """An article set to ``translate: false`` is there, untranslated: its catalogs are kept for the day it is
    translated again, and nothing calls it deleted (whoever deleted them would lose the reviewed translations)."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt gut.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt gut.": "Tea warms well."})
    project.write("source_de/tee.md", "---\ntitle: Tee\ntranslate: false\n---\n\nTee wärmt gut.\n")
    result = project.run("extract")
    assert "removed translations/templates/tee.pot (source_de/tee.md says translate: false)" in result.output
    assert ("warning: translations/en/tee.po: not used while source_de/tee.md says translate: false; kept as it "
            "is: its reviewed translations come back into use") in result.output
    status = project.run("status").output
    assert "kept: translations/en/tee.po: not used while source_de/tee.md says translate: false" in status
    for said in (result.output, status):
        assert "no German article has this slug" not in said and "delete" not in said and "is gone" not in said
    project.write("source_de/tee.md", article("Tee", "Tee wärmt gut.\n"))  # translated again: nothing was lost
    project.run("extract")
    assert entry(project, "tee", "Tee wärmt gut.").msgstr == "Tea warms well."
    msgfmt_check(project.root / "translations/en/tee.po")


def test_a_renamed_article_s_template_is_said_to_be_renamed_not_gone(project: Project):
    project.write("source_de/schlaf.md", SCHLAF)
    project.run("extract")
    review(project, "en", "schlaf", {("title", "Schlaf"): "Sleep", "Schlaf heilt viel.": "Sleep heals a lot."})
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    result = project.run("extract")
    assert "renamed translations/en/schlaf.po -> translations/en/schlafen.po" in result.output
    assert "removed translations/templates/schlaf.pot (its article was renamed to schlafen)" in result.output
    assert "its article is gone" not in result.output


def records(project: Project) -> set[str]:
    """extract's copies of the catalogs it last wrote (``.verlag/extracted/<lang>/<slug>.catalog``)."""
    folder = project.root / ".verlag/extracted"
    return {p.relative_to(folder).as_posix() for p in folder.glob("*/*.catalog")}


def test_extracts_copy_of_a_catalog_goes_with_the_catalog_of_a_renamed_or_deleted_article(project: Project):
    """A renamed article's catalog moves along, and so does extract's copy of it. A deleted article's catalog is
    kept (an orphan, for the translation memory and an article that comes back), and so is its copy, until the
    reviewer deletes the catalog: then the copy goes too."""
    project.write("source_de/schlaf.md", SCHLAF)
    project.run("extract")
    review(project, "en", "schlaf", {("title", "Schlaf"): "Sleep", "Schlaf heilt viel.": "Sleep heals a lot."})
    project.run("extract")
    assert {"en/schlaf.catalog", "fr/schlaf.catalog"} <= records(project)
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    assert "renamed translations/en/schlaf.po -> translations/en/schlafen.po" in project.run("extract").output
    assert "en/schlafen.catalog" in records(project) and "en/schlaf.catalog" not in records(project)
    assert "fr/schlafen.catalog" in records(project) and "fr/schlaf.catalog" not in records(project)  # empty too
    (project.root / "source_de/schlafen.md").unlink()
    result = project.run("extract")
    assert "translations/en/schlafen.po: no German article has this slug any more (" in result.output
    assert "en/schlafen.catalog" in records(project)
    (project.root / "translations/en/schlafen.po").unlink()
    project.run("extract")
    assert "en/schlafen.catalog" not in records(project) and "fr/schlafen.catalog" in records(project)


def test_status_counts_a_deleted_articles_reviewed_translations_and_says_how_to_bring_them_back_or_drop_them(
        project: Project):
    """Trial 11, finding 9: after the article was deleted only extract mentioned the reviewed translations its
    catalog keeps; status said "delete it when done", not what it holds nor how to get the article back."""
    project.write("source_de/alt.md", article("Alt", "Ein Satz. Noch einer.\n"))
    project.run("extract")
    review(project, "en", "alt", {("title", "Alt"): "Old", "Ein Satz.": "A sentence."})
    (project.root / "source_de/alt.md").unlink()
    project.run("extract")
    status = project.run("status").output
    assert ("kept: translations/en/alt.po: no German article has this slug any more (its 2 reviewed translations "
            "still serve the translation memory); to bring them back restore source_de/alt.md (from git: git "
            "restore --staged --worktree source_de/alt.md while its deletion is not committed; once it is, git "
            'checkout "$(git rev-list -n 1 HEAD -- source_de/alt.md)~1" -- source_de/alt.md) and run verlag '
            "extract; to drop them delete translations/en/alt.po") in status
    assert ("kept: translations/fr/alt.po: no German article has this slug any more (no reviewed translation in "
            "it): delete it") in status


@pytest.mark.parametrize("committed", [False, True])
def test_the_git_commands_said_of_a_deleted_articles_catalog_bring_the_article_back(project: Project, committed: bool):
    """Fresh-user trial 5: after ``git rm`` of an article (committed or only staged) extract and status said to
    restore it with ``git restore source_de/x.md``, which git refuses then (the index no longer holds the file:
    "pathspec did not match"). The commands they give now bring it back in either case, and with it its catalog's
    reviewed translations."""
    text = article("Alt", "Ein Satz. Noch einer.\n")
    project.write("source_de/alt.md", text)
    project.run("extract")
    review(project, "en", "alt", {("title", "Alt"): "Old", "Ein Satz.": "A sentence."})
    assert git("init", "-q", cwd=project.root).returncode == 0
    commit(project, "alt")
    assert git("rm", "-q", "source_de/alt.md", cwd=project.root).returncode == 0
    if committed:
        assert git("commit", "-q", "-m", "alt deleted", cwd=project.root).returncode == 0
    assert git("restore", "source_de/alt.md", cwd=project.root).returncode != 0  # the advice given before
    extract = project.run("extract").output
    said = re.search(r"from git: (git restore .*?) while its deletion is not committed; once it is, "
                     r"(git checkout .*?)\) and run verlag extract", extract)
    assert said and said.group(0) in project.run("status").output, extract
    shell = subprocess.run(["bash", "-c", said.group(2 if committed else 1)], cwd=project.root, capture_output=True,
                           text=True)
    assert shell.returncode == 0, shell.stderr
    assert project.read("source_de/alt.md") == text
    project.run("extract")
    assert "kept: " not in project.run("status").output
    assert polib.pofile(str(project.root / "translations/en/alt.po")).find("Ein Satz.").msgstr == "A sentence."


def test_status_asks_whether_an_article_no_extract_read_yet_is_the_renamed_one_before_advising_a_restore(
        project: Project):
    """Trial 22: the author renamed an article, built without extract and pushed; in the fresh clone status said to
    restore the "deleted" old file, which would make the article twice, when extract would move the catalog along.
    A German file with no template yet is named as the likely new name, with extract first; extract then moves it."""
    project.write("source_de/alt.md", article("Alt", "Ein Satz. Noch einer.\n"))
    project.run("extract")
    review(project, "en", "alt", {("title", "Alt"): "Old", "Ein Satz.": "A sentence."})
    (project.root / "source_de/alt.md").rename(project.root / "source_de/neu.md")
    status = project.run("status").output
    assert ("kept: translations/en/alt.po: no German article has this slug any more (its 2 reviewed translations "
            "still serve the translation memory); renamed to source_de/neu.md (no verlag extract has read it yet)? run "
            "verlag extract, which moves the catalog along with its article; if not: to bring them back restore "
            "source_de/alt.md") in status, status
    assert ("en: not published (verlag extract has not read this German article yet: run it; it also moves a "
            "renamed article's catalog along): neu") in project.run("build").output
    assert "renamed translations/en/alt.po -> translations/en/neu.po" in project.run("extract").output
    assert "kept:" not in project.run("status").output
    assert "has not read this German article" not in project.run("build").output


def test_extract_and_status_say_the_same_of_a_deleted_articles_catalog_that_holds_only_drafts(project: Project):
    """Trial 13, finding 5: of a deleted article's catalog holding only copy drafts extract said "kept (its
    reviewed translations still serve the translation memory)" while status said "(no reviewed translation in
    it): delete it"; the memory takes reviewed translations only, so status was right."""
    project.write("source_de/tee.md", article("Tee", "Ein Satz über Tee.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    review(project, "en", "tee", {"Ein Satz über Tee.": "A sentence about tea."})
    (project.root / "source_de/tee.md").unlink()
    extract = project.run("extract").output
    status = project.run("status").output
    drafts = "translations/fr/tee.po: no German article has this slug any more (no reviewed translation in it): delete it"
    assert f"warning: {drafts}" in extract and f"kept: {drafts}" in status
    reviewed = ("translations/en/tee.po: no German article has this slug any more (its 1 reviewed translation still "
                "serves the translation memory); to bring it back restore source_de/tee.md")
    assert f"warning: {reviewed}" in extract and f"kept: {reviewed}" in status
    msgfmt_check(project.root / "translations/fr/tee.po")


def test_an_old_catalog_s_retranslation_of_german_changed_after_the_rename_is_brought_over_too(project: Project):
    """Trial: a buffer of the old catalog saved after the rename and an edit of one sentence holds two retranslated
    entries; the one of the changed German was neither counted nor carried, so "1 of its reviewed translations
    differs … then delete" lost it. It goes to the changed sentence, fuzzy with the old German as previous msgid,
    while that holds the copy extract carried; one a reviewer edited there since is kept and counted."""
    held = renamed(project)
    project.write("source_de/schlafen.md", SCHLAF.replace("Schlaf heilt viel.", "Schlaf heilt sehr viel."))
    project.run("extract")
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    review(project, "en", "schlaf", {"Schlaf heilt viel.": "Sleep heals so much.", ("title", "Schlaf"): "Sleeping"})
    result = project.run("extract")
    assert ("1 of its translations brought over to translations/en/schlafen.po as fuzzy, for review; 1 of its "
            "reviewed translations differs") in result.output, result.output
    carried = entry(project, "schlafen", "Schlaf heilt sehr viel.")
    assert (carried.msgstr, carried.fuzzy, carried.previous_msgid) == (
        "Sleep heals so much.", True, "Schlaf heilt viel.")
    msgfmt_check(project.root / "translations/en/schlafen.po")

    review(project, "en", "schlafen", {"Schlaf heilt sehr viel.": "Sleep heals very much."}, sign_off=False)
    review(project, "en", "schlaf", {"Schlaf heilt viel.": "Sleep heals a great deal."})
    result = project.run("extract")
    assert "2 of its reviewed translations differ from the ones a reviewer wrote" in result.output, result.output
    assert entry(project, "schlafen", "Schlaf heilt sehr viel.").msgstr == "Sleep heals very much."


def test_an_old_catalog_s_plural_entry_is_brought_over_as_its_first_form_fuzzy_and_named(project: Project):
    """A tool (or a reviewer) gave a sentence of the old-name catalog plural forms (msgid_plural) and translated
    both: extract merges such an entry as its first form, fuzzy; after a rename it was not brought over at all.
    It is now, the same way, and the warning names the old catalog's line."""
    held = renamed(project).decode("utf-8")
    single = 'msgid "Abends hilft Tee."\nmsgstr ""'
    assert single in held
    text = held.replace(single, 'msgid "Abends hilft Tee."\nmsgid_plural "Abends helfen Tees."\n'
                                'msgstr[0] "Tea helps in the evening."\nmsgstr[1] "Teas help in the evening."')
    old = project.root / "translations/en/schlaf.po"
    old.write_text(text, encoding="utf-8")
    msgfmt_check(old)
    line = text.split("\n").index('msgid "Abends hilft Tee."') + 1

    result = project.run("extract")
    carried = entry(project, "schlafen", "Abends hilft Tee.")
    assert (carried.msgstr, carried.fuzzy, carried.msgid_plural) == ("Tea helps in the evening.", True, "")
    assert "tm: 100% from schlaf" in carried.tcomment.splitlines()
    assert "1 of its translations brought over to translations/en/schlafen.po as fuzzy" in result.output
    assert (f"translations/en/schlaf.po:{line}: 'Abends hilft Tee.' has plural forms (msgid_plural), which no "
            "sentence of an article uses: its first form 'Tea helps in the evening.' brought over as the msgstr, "
            "fuzzy: check it; the other forms dropped: 'Teas help in the evening.'") in result.output
    msgfmt_check(project.root / "translations/en/schlafen.po")


def test_a_brought_over_retranslation_of_changed_german_says_where_it_came_from(project: Project):
    """A retranslation of German changed after the rename, brought over to the changed sentence, had no
    ``tm: 100% from <old slug>`` line, which every other translation brought over has (README: the provenance
    of a text): the reviewer could not tell it from the copy extract carried. It has that line, in place of the
    old entry's own."""
    held = renamed(project)
    project.write("source_de/schlafen.md", SCHLAF.replace("Schlaf heilt viel.", "Schlaf heilt sehr viel."))
    project.run("extract")
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    review(project, "en", "schlaf", {"Schlaf heilt viel.": "Sleep heals so much."})
    project.run("extract")
    carried = entry(project, "schlafen", "Schlaf heilt sehr viel.")
    assert (carried.msgstr, carried.fuzzy, carried.previous_msgid) == (
        "Sleep heals so much.", True, "Schlaf heilt viel.")
    assert [line for line in carried.tcomment.splitlines() if line.startswith(("tm:", "mt:"))] == [
        "tm: 100% from schlaf"]
    msgfmt_check(project.root / "translations/en/schlafen.po")


def test_extract_check_says_what_extract_will_bring_over_from_a_save_to_the_old_catalog(project: Project):
    """extract --check said extract's own words of a save to a renamed article's old catalog, "1 of its
    translations brought over to …", though it brings nothing over; it says extract will, and extract says it did."""
    held = renamed(project)
    (project.root / "translations/en/schlaf.po").write_bytes(held)
    review(project, "en", "schlaf", {"Abends hilft Tee.": "Tea helps in the evening."})
    checked = project.run("extract", "--check", code=1).output
    will = [line for line in checked.splitlines() if "saved again under the article's old name" in line]
    assert len(will) == 1 and ("1 of its translations will be brought over by verlag extract to "
                               "translations/en/schlafen.po as fuzzy, for review") in will[0], checked
    assert " of its translations brought over to " not in will[0]
    said = [line for line in project.run("extract").output.splitlines()
            if "saved again under the article's old name" in line]
    assert said == [will[0].replace(" of its translations will be brought over by verlag extract to ",
                                    " of its translations brought over to ")]
    assert entry(project, "schlafen", "Abends hilft Tee.").msgstr == "Tea helps in the evening."


@pytest.mark.parametrize("name", ["tee (1).po", "tee.fr.po", "tee copy.po"])
def test_a_reviewers_copy_beside_a_catalog_is_named_a_copy_not_a_deleted_article(project: Project, name: str):
    """Fresh-user trial: a reviewer's second save beside the real catalog (a file manager's copy, a PO editor's
    "save as") was called a deleted article's catalog, with advice to restore source_de/tee (1).md from git, a
    file that never existed. Its header names the article tee: it is a copy of tee.po, to compare and delete."""
    project.write("source_de/tee.md", article("Tee", "Ein Satz über Tee.\n"))
    project.run("extract")
    review(project, "fr", "tee", {"Ein Satz über Tee.": "Une phrase sur le thé."})
    copy = project.root / "translations/fr" / name
    copy.write_bytes((project.root / "translations/fr/tee.po").read_bytes())
    extract = project.run("extract").output
    status = project.run("status").output
    said = (f"translations/fr/{name}: looks like a copy of translations/fr/tee.po (it translates the same article), "
            "not a deleted article's catalog: verlag reads only translations/fr/tee.po; compare the two and bring "
            f"into translations/fr/tee.po what is newer in translations/fr/{name} (open both, or msgcat "
            f"--use-first '{'translations/fr/' + name}' translations/fr/tee.po), then delete "
            f"translations/fr/{name}").replace("'translations/fr/tee.fr.po'", "translations/fr/tee.fr.po")
    assert f"warning: {said}" in extract and f"kept: {said}" in status
    assert "restore" not in extract + status


def test_a_copy_of_a_template_beside_it_is_removed_as_a_copy_not_as_a_deleted_articles(project: Project):
    """``translations/templates/tee (1).pot`` (a file manager's copy) was removed "(its article is gone)", which
    sent the author looking for a deleted article; a catalog's copy is named a copy. extract writes the
    template again, so the copy is removed (nothing lost) and named as one; a template of a deleted article is
    still removed as that."""
    project.write("source_de/tee.md", article("Tee", "Ein Satz über Tee.\n"))
    project.write("source_de/igel.md", article("Igel", "Ein Satz über Igel.\n"))
    project.run("extract")
    templates = project.root / "translations/templates"
    (templates / "tee (1).pot").write_bytes((templates / "tee.pot").read_bytes())
    (project.root / "source_de/igel.md").unlink()
    out = project.run("extract").output
    assert ("removed translations/templates/tee (1).pot (looks like a copy of translations/templates/tee.pot, the "
            "template of the same article, which extract writes: nothing is lost)") in out, out
    assert "removed translations/templates/igel.pot (its article is gone)" in out, out
    assert sorted(p.name for p in templates.iterdir()) == ["tee.pot"]


def test_a_deleted_page_of_seiten_leaves_extract_working_and_its_catalogs_named(project: Project):
    """A page of source_de/seiten/ deleted (the practice writes its own Impressum elsewhere): its kept catalogs'
    references name source_de/seiten/impressum.md, whose folder no copy's name can hold; reading them as a copy's
    stopped the whole extract with "internal error: ValueError: Invalid name 'seiten/impressum.pot'", every
    article's catalogs unwritten."""
    project.write("source_de/seiten/impressum.md", article("Impressum", "Praxis Berger, Hauptstraße 1, Berlin.\n"))
    project.write("source_de/tee.md", SCHLAF.replace("Schlaf", "Tee"))
    project.run("extract")
    (project.root / "source_de/seiten/impressum.md").unlink()
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    result = project.run("extract")
    assert "internal error" not in result.output
    assert "created translations/en/milz.po" in result.output
    assert "removed translations/templates/impressum.pot (its article is gone)" in result.output
    msgfmt_check(project.root / "translations/en/milz.po")


def test_a_save_to_the_old_catalog_while_extract_moves_it_is_left_named_and_brought_over_by_the_next(
        project: Project, monkeypatch):
    """The reviewer saves schlaf.po in their editor in the moment after extract read it to move it along with its
    renamed article (schlaf.md -> schlafen.md): extract deleted it after writing schlafen.po from what it had read,
    and the save was gone with no word. Now the save stays where the editor put it, extract names the file and
    says to run it again (exit 2), and the next extract brings the saved translation over for review."""
    import pipeline.extract_article as extract_article

    project.write("source_de/schlaf.md", SCHLAF)
    project.run("extract")
    review(project, "en", "schlaf", {"Schlaf heilt viel.": "Sleep heals a lot."})
    old = project.root / "translations/en/schlaf.po"
    saved = []
    real = extract_article._renamed_from

    def read_then_saved(path, config):
        found = real(path, config)
        if path == old and not saved:
            po = polib.pofile(str(old))
            po.find("Abends hilft Tee.").msgstr = "Tea helps in the evening."
            tmp = old.with_name("schlaf.po.poedit")
            tmp.write_bytes(po.__unicode__().encode("utf-8"))
            tmp.replace(old)  # as Poedit saves: a temp file renamed over the catalog
            saved.append(old.read_bytes())
        return found

    monkeypatch.setattr(extract_article, "_renamed_from", read_then_saved)
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    result = project.run("extract", code=2)
    assert saved, result.output
    assert old.read_bytes() == saved[0], "the reviewer's save is where their editor put it"
    assert ("error: translations/en/schlaf.po: saved while extract moved it to translations/en/schlafen.po (its "
            "article was renamed): left as it is, with the save, which translations/en/schlafen.po does not have "
            "yet; run 'verlag extract' again to bring it over") in result.output
    assert "Traceback" not in result.output
    assert entry(project, "schlafen", "Schlaf heilt viel.").msgstr == "Sleep heals a lot.", "the move itself is done"
    assert not (project.root / "translations/fr/schlaf.po").exists(), "and the unsaved catalogs are moved"
    project.run("extract")
    carried = entry(project, "schlafen", "Abends hilft Tee.")
    assert (carried.msgstr, carried.fuzzy) == ("Tea helps in the evening.", True)
    msgfmt_check(project.root / "translations/en/schlafen.po")

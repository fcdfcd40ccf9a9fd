"""A reviewer's work through merges of catalogs: git merges that keep both sides, ``msgcat`` of two versions,
GNU tools that write part of a catalog. Nothing a reviewer wrote is lost or silently made obsolete, every
catalog passes ``msgfmt --check``, and the CLI says what it did."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from conftest import Project, article, msgfmt_check, review
from pipeline.catalog import Notes, fingerprint

OLD = "Mit dem Frühling kommen auch die Zecken zurück."
NEW = "Mit dem Frühling kommen auch die Zecken wieder zurück."
BODY = f"Endlich ist es warm.\n\n{OLD} Sie warten im Gras.\n"
PO = "translations/en/zecken.po"


def gnu(*command: str) -> None:
    assert shutil.which(command[0]), f"GNU gettext ({command[0]}) is required: apt-get install gettext"
    subprocess.run(command, check=True, capture_output=True)


def entries(project: Project) -> polib.POFile:
    return polib.pofile(str(project.root / PO))


def reviewed_project(project: Project) -> Path:
    """One article, its English catalog signed off sentence by sentence, extracted again (verlag's record made)."""
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    path = review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Endlich ist es warm.": "Warm at last.",
                                             OLD: "Spring brings the ticks back.",
                                             "Sie warten im Gras.": "They wait in the grass."})
    project.run("extract")
    return path


def author_changes_the_sentence(project: Project) -> None:
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))
    project.run("extract")


def reviewers_copy_and_authors_change(project: Project) -> tuple[Path, Path]:
    """The reviewed project's catalog, and ``theirs.po``: a reviewer's copy of it that retranslates the sentence,
    made before the author changes that sentence's German and extracts."""
    path = reviewed_project(project)
    theirs = project.root / "theirs.po"
    theirs.write_text(path.read_text(encoding="utf-8").replace('msgstr "Spring brings the ticks back."',
                                                               'msgstr "Spring, however, brings the ticks back."'),
                      encoding="utf-8")
    author_changes_the_sentence(project)
    return path, theirs


def test_a_reviewers_newer_translation_of_the_old_german_joined_by_msgcat_goes_live_not_obsolete(project: Project):
    """The reviewer retranslates the sentence on an old copy of the catalog while the author changes its German
    and extracts; ``msgcat`` joins both files. The reviewer's newer text becomes the changed sentence's (fuzzy,
    the old German as previous msgid), not an obsolete entry; the copy extract had carried there goes."""
    path, theirs = reviewers_copy_and_authors_change(project)
    gnu("msgcat", "-o", str(path), str(path), str(theirs))
    msgfmt_check(path)

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEW)
    assert live.msgstr == "Spring, however, brings the ticks back." and live.fuzzy and live.previous_msgid == OLD
    assert Notes.of(live).reviewed == fingerprint(live.msgstr)  # the reviewer signed that text off
    assert not [e for e in po if e.obsolete]  # the older text was extract's copy: replaced, nothing left over
    assert "no sentence of" not in result.output
    text = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(text, 1) if line == f'msgid "{NEW}"')  # the changed sentence, as written
    assert (f"warning: {PO}:{at}: " in result.output and "'Spring, however, brings the ticks back.', the newer one, is now "
            "the changed sentence's" in result.output and "'Spring brings the ticks back.' was the copy" in result.output)
    status = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"][0]
    assert status["segments"]["stale"] == 1

    # the author puts the German back: the reviewer's newer text is reviewed again, not the old one
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    back = entries(project).find(OLD)
    assert back.msgstr == "Spring, however, brings the ticks back." and not back.fuzzy


def test_a_git_merge_that_keeps_both_sides_keeps_the_reviewers_newer_text_live(project: Project):
    """The same through git: the reviewer's branch and the author's extract conflict, the conflict is resolved by
    keeping both sides (the markers deleted)."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = reviewed_project(project)

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=project.root,
                       check=True, capture_output=True)

    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "base")
    git("checkout", "-q", "-b", "reviewer")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Spring brings the ticks back."',
                                                             'msgstr "Spring, however, brings the ticks back."'),
                    encoding="utf-8")
    git("commit", "-qam", "review")
    git("checkout", "-q", "main")
    author_changes_the_sentence(project)
    git("commit", "-qam", "author")
    merge = subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "merge", "reviewer"],
                           cwd=project.root, capture_output=True, text=True)
    assert merge.returncode != 0 and "CONFLICT" in merge.stdout
    both = [line for line in path.read_text(encoding="utf-8").split("\n")
            if not line.startswith(("<<<<<<< ", "=======", ">>>>>>> "))]
    path.write_text("\n".join(both), encoding="utf-8")
    msgfmt_check(path)

    project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(NEW)
    assert live.msgstr == "Spring, however, brings the ticks back." and live.fuzzy and live.previous_msgid == OLD


def test_two_edited_translations_of_the_old_german_keep_the_signed_off_one_live_and_the_other_findable(
        project: Project):
    """The live fuzzy entry was edited after extract carried it (no longer the signed-off copy, nor what extract
    wrote), and a signed-off translation of the old German comes back with the merge: verlag cannot tell which
    is newer. The signed-off one goes live (fuzzy, previous msgid kept), the other stays as an obsolete fuzzy
    entry of the old German, and extract says so; nothing is dropped."""
    path, theirs = reviewers_copy_and_authors_change(project)
    ours = entries(project)
    ours.find(NEW).msgstr = "Spring brings the ticks back again."  # edited, left fuzzy
    ours.save(str(path))
    gnu("msgcat", "-o", str(path), str(path), str(theirs))

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEW)
    assert live.msgstr == "Spring, however, brings the ticks back." and live.fuzzy and live.previous_msgid == OLD
    (kept,) = [e for e in po if e.obsolete]
    assert (kept.msgid, kept.msgstr, kept.fuzzy) == (OLD, "Spring brings the ticks back again.", True)
    assert "the signed-off 'Spring, however, brings the ticks back.' is now the changed sentence's" in result.output
    assert "is kept as an obsolete entry (#~) of the old German: choose one" in result.output
    assert "no sentence of" not in result.output
    # named at the #~ entry's line in the catalog as extract wrote it, not at the line the rival had before
    text = path.read_text(encoding="utf-8").split("\n")
    gone = next(n for n, line in enumerate(text, 1) if line == f'#~ msgid "{OLD}"')
    assert f"warning: {PO}:{gone}: two translations of '{OLD}'" in result.output, result.output
    again = project.run("extract")
    assert "two translations" not in again.output and entries(project).find(NEW).msgstr == live.msgstr


def test_check_and_status_keep_saying_a_choice_between_two_translations_waits_until_the_entry_is_deleted(
        project: Project):
    """extract warns once of the translation of the old German it kept as an obsolete entry beside the one that
    went live; a reviewer who missed that warning never learned a choice waited. ``check`` warns at the ``#~``
    entry's line on every run, naming the live entry; ``status`` counts it per catalog among the warnings and says
    it below the table, also once the live entry is signed off; deleting the ``#~`` entry ends both."""
    path, theirs = reviewers_copy_and_authors_change(project)
    ours = entries(project)
    ours.find(NEW).msgstr = "Spring brings the ticks back again."
    ours.save(str(path))
    gnu("msgcat", "-o", str(path), str(path), str(theirs))
    assert "choose one" in project.run("extract").output

    text = path.read_text(encoding="utf-8").split("\n")
    gone = next(n for n, line in enumerate(text, 1) if line == f'#~ msgid "{OLD}"')
    live = next(n for n, line in enumerate(text, 1) if line == f'msgid "{NEW}"')
    found = json.loads(project.run("check", "--lang", "en", "--format", "json").output)
    (rival,) = [f for f in found if f["check"] == "rival-translation"]
    assert (rival["path"], rival["line"], rival["severity"], rival["msgid"]) == (PO, gone, "warning", OLD)
    assert (f"'Spring, however, brings the ticks back.' is the translation of its changed sentence '{NEW}' at "
            f"line {live}, fuzzy (the page shows the German there until one is signed off); choose one") \
        in rival["message"]
    assert "'Spring brings the ticks back again.'" in rival["message"] and "delete this #~ entry" in rival["message"]

    result = project.run("status", "--lang", "en")
    assert (f"warning: {PO}:{gone}: 1 choice between two translations waiting: an obsolete entry (#~) keeps"
            in result.output), result.output
    row = json.loads(project.run("status", "--lang", "en", "--format", "json").output)["articles"][0]
    assert row["rivals"] == [[gone, OLD]]
    warnings = sum(f["severity"] == "warning" for f in found)
    assert row["warnings"] == warnings

    review(project, "en", "zecken", {NEW: "Spring brings the ticks back again."})  # signed off, the #~ left
    again = json.loads(project.run("check", "--lang", "en", "--format", "json").output)
    (rival,) = [f for f in again if f["check"] == "rival-translation"]
    assert f"went live in its changed sentence '{NEW}' at line" in rival["message"]
    assert "1 choice between two translations waiting" in project.run("status", "--lang", "en").output

    po = entries(project)
    po.remove(po.find(OLD, include_obsolete_entries=True))  # chosen: the #~ entry deleted
    po.save(str(path))
    assert "rival-translation" not in project.run("check", "--lang", "en").output
    assert "choice" not in project.run("status", "--lang", "en").output
    assert json.loads(project.run("status", "--lang", "en", "--format", "json").output)["articles"][0]["rivals"] == []


def test_reviewed_entries_msgattrib_only_fuzzy_dropped_come_back_and_a_kept_entry_is_never_overwritten(
        project: Project):
    """``msgattrib --clear-fuzzy --only-fuzzy`` writes the fuzzy entries only: the reviewed translations vanish.
    extract brings them back as they were, reviewed, says how many and how git shows them; an entry the
    reviewer kept, emptied or retranslated, keeps what the reviewer left there."""
    project.write("source_de/zecken.md", article("Zecken", BODY + "\nZecken mögen es feucht. Im Winter ruhen sie.\n"))
    project.run("extract")
    path = review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Endlich ist es warm.": "Warm at last.",
                                             OLD: "Spring brings the ticks back.",
                                             "Sie warten im Gras.": "They wait in the grass."})
    po = entries(project)
    draft = po.find("Zecken mögen es feucht.")
    draft.msgstr, draft.flags = "Ticks like it damp.", ["fuzzy", *draft.flags]  # not checked yet
    po.save(str(path))
    project.run("extract")
    gnu("msgattrib", "--clear-fuzzy", "--only-fuzzy", "-o", str(path), str(path))
    po = entries(project)
    assert po.find(OLD) is None and po.find("Zecken mögen es feucht.").msgstr == "Ticks like it damp."
    # the reviewer meant these two: one retranslated, one emptied (kept as entries)
    for msgid, msgstr in (("Endlich ist es warm.", "Finally, warmth."), ("Sie warten im Gras.", "")):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["markdown-text"]))
    po.save(str(path))

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    assert po.find(OLD).msgstr == "Spring brings the ticks back." and not po.find(OLD).fuzzy
    assert po.find("Zecken", msgctxt="title").msgstr == "Ticks" and not po.find("Zecken", msgctxt="title").fuzzy
    assert po.find("Endlich ist es warm.").msgstr == "Finally, warmth."
    assert po.find("Sie warten im Gras.").msgstr == ""
    assert po.find("Zecken mögen es feucht.").msgstr == "Ticks like it damp."  # signed off by msgattrib
    assert (f"warning: {PO}: 2 translations of German the article still has had gone from the catalog"
            in result.output)
    assert f"'git diff {PO}' shows them" in result.output
    # the sentence nobody had translated ("Im Winter ruhen sie.", dropped as well) is no new German
    assert "1 new" not in result.output and "back to review" not in result.output
    assert "en: 1 entry of German the article had before, deleted from the catalog, made again untranslated" in \
        result.output
    assert "gone from the catalog" not in project.run("extract").output


def test_reviewed_obsolete_entries_msgattrib_only_fuzzy_dropped_come_back_to_the_catalog(project: Project):
    """``msgattrib --only-fuzzy --clear-fuzzy`` also deletes the reviewed ``#~`` entries: they were the reviewer's
    work, deleted along with live entries (no purge asked for), so extract puts them back in the catalog with the
    live ones, names both in one warning and blames no ``--no-obsolete`` purge; nothing is counted new."""
    project.write("source_de/zecken.md", article("Zecken", BODY + "\nZecken mögen es feucht. Im Winter ruhen sie.\n"
                                                                 "\nAlpha ist weg. Beta ist weg.\n"))
    project.run("extract")
    path = review(project, "en", "zecken", {("title", "Zecken"): "Ticks", OLD: "Spring brings the ticks back.",
                                             "Alpha ist weg.": "Alpha is gone.", "Beta ist weg.": "Beta is gone."})
    po = entries(project)
    draft = po.find("Zecken mögen es feucht.")
    draft.msgstr, draft.flags = "Ticks like it damp.", ["fuzzy", *draft.flags]
    po.save(str(path))
    project.run("extract")
    project.write("source_de/zecken.md", article("Zecken", BODY + "\nZecken mögen es feucht. Im Winter ruhen sie.\n"))
    project.run("extract")
    assert len([e for e in entries(project) if e.obsolete]) == 2
    gnu("msgattrib", "--only-fuzzy", "--clear-fuzzy", "-o", str(path), str(path))
    assert "#~" not in path.read_text(encoding="utf-8")

    check = project.run("check", "--lang", "en").output  # before extract: the cause named as extract names it
    assert "[catalog-outdated]" in check and "older buffer" not in check and "saved from before" not in check
    assert (f"{PO}:1: the catalog does not match the German of source_de/zecken.md: 5 of its segments have no "
            "entry (first: 'Zecken'), so the page shows them in German; its X-Verlag-Template names this German, "
            "so those entries went from it since (entries deleted, e.g. by msgattrib --only-fuzzy or a save of part "
            "of the file); verlag extract brings back the translations the last extract left there;") in check

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    gone = {e.msgid: e for e in po if e.obsolete}
    assert {k: (e.msgstr, e.fuzzy) for k, e in gone.items()} == {"Alpha ist weg.": ("Alpha is gone.", False),
                                                                 "Beta ist weg.": ("Beta is gone.", False)}
    assert po.find(OLD).msgstr == "Spring brings the ticks back." and not po.find(OLD).fuzzy
    assert "--no-obsolete" not in result.output and "Purge" not in result.output and "purged" not in result.output
    assert (f"warning: {PO}: 2 translations of German the article still has and 2 reviewed obsolete entries (#~, "
            "German the article no longer has: 'Alpha ist weg.'; 'Beta ist weg.') had gone from the catalog "
            "(entries deleted, e.g. by msgattrib --only-fuzzy") in result.output
    assert not re.search(r"^en: .*\bnew\b", result.output, re.M)  # the untranslated entries deleted: not new
    assert "en: 3 entries of German the article had before, deleted from the catalog, made again untranslated" in \
        result.output
    assert "gone from the catalog" not in project.run("extract").output


def test_a_catalog_saved_from_before_the_german_changed_is_named_by_status_check_and_build(project: Project):
    """An editor saves a buffer opened before the author's change and extract (a retranslated sentence in it);
    then no extract. status, check and build say the catalog does not match the German and to run extract;
    status no longer counts the page as fully reviewed. extract then makes the sentence fuzzy with the
    reviewer's newer text, and the warnings go."""
    path = reviewed_project(project)
    buffer = path.read_text(encoding="utf-8").replace('msgstr "Spring brings the ticks back."',
                                                      'msgstr "Spring, however, brings the ticks back."')
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nunreviewed = "machine"\n')
    author_changes_the_sentence(project)
    path.write_text(buffer, encoding="utf-8")
    msgfmt_check(path)

    status = project.run("status", "--lang", "en")
    assert f"warning: {PO}: the catalog does not match the German of source_de/zecken.md: 1 of its segments has " \
        "no entry" in status.output and "run verlag extract" in status.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["untranslated"] == 1 and row["percent_reviewed"] < 100 and row["warnings"] == 1
    assert row["outdated"]
    check = project.run("check", "--lang", "en")
    assert f"warning: {PO}:1: the catalog does not match the German" in check.output
    assert "[catalog-outdated]" in check.output
    build = project.run("build")
    assert f"warning: {PO} does not match the German: 1 segment of the article has no entry" in build.output
    assert "does not match the German" in project.run("build").output  # said again while it lasts

    project.run("extract")
    live = entries(project).find(NEW)
    assert live.msgstr == "Spring, however, brings the ticks back." and live.fuzzy and live.previous_msgid == OLD
    for command in ("status", "check", "build"):
        assert "does not match the German" not in project.run(command).output


@pytest.mark.parametrize("record", ["kept", "deleted"])
def test_an_unreviewed_draft_carried_to_the_changed_sentence_is_known_as_extracts_copy_by_its_fingerprint(
        project: Project, record: str):
    """The old German had an unchecked draft (fuzzy): no sign-off fingerprint names it, but extract records the
    fingerprint of the draft it carried to the changed sentence (``previous msgid, draft``), so the reviewer's
    signed-off text of the old German replaces that copy, with verlag's record of the catalog or without it (a
    fresh clone)."""
    path = reviewed_project(project)
    draft = entries(project)
    draft.find(OLD).msgstr, draft.find(OLD).flags = "Spring brings ticks.", ["fuzzy", "markdown-text"]
    draft.save(str(path))
    project.run("extract")
    theirs = project.root / "theirs.po"
    theirs.write_text(path.read_text(encoding="utf-8").replace('msgstr "Spring brings ticks."',
                                                               'msgstr "Spring, however, brings the ticks back."')
                      .replace("#, fuzzy, markdown-text\nmsgid \"Mit", "#, markdown-text\nmsgid \"Mit"),
                      encoding="utf-8")
    author_changes_the_sentence(project)
    assert entries(project).find(NEW).msgstr == "Spring brings ticks."
    assert Notes.of(entries(project).find(NEW)).carried == fingerprint("Spring brings ticks.")
    gnu("msgcat", "-o", str(path), str(path), str(theirs))
    if record == "deleted":
        shutil.rmtree(project.root / ".verlag")

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEW)
    assert live.msgstr == "Spring, however, brings the ticks back." and live.fuzzy and live.previous_msgid == OLD
    assert [e for e in po if e.obsolete] == [] and "the newer one, is now the changed sentence's" in result.output


@pytest.mark.parametrize("extract_since", [True, False])
def test_an_older_copy_merged_in_never_replaces_the_reviewers_later_text_of_the_changed_sentence(
        project: Project, extract_since: bool):
    """A reviewer retranslates the changed sentence (left fuzzy), with or without an extract since; then an old
    download of the catalog, made before the author's change, is joined with ``msgcat``. Its text of the old German
    is the very one extract carried into the changed sentence (its ``previous msgid, reviewed`` fingerprint): the
    older copy. The reviewer's later text stays live, and the warning says which was the older one."""
    path = reviewed_project(project)
    old = project.root / "old.po"
    shutil.copy(path, old)
    author_changes_the_sentence(project)
    ours = entries(project)
    ours.find(NEW).msgstr = "Spring brings the ticks back again."  # retranslated, left fuzzy
    ours.save(str(path))
    if extract_since:
        project.run("extract")
    gnu("msgcat", "-o", str(path), str(path), str(old))

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEW)
    assert live.msgstr == "Spring brings the ticks back again." and live.fuzzy and live.previous_msgid == OLD
    assert not [e for e in po if e.obsolete]
    assert ("'Spring brings the ticks back.', the text the changed sentence had before it was retranslated, came "
            "back with an older copy of the catalog" in result.output)
    assert "two translations" not in project.run("extract").output


def test_german_edited_without_extract_is_named_by_status_and_check_until_extract(project: Project):
    """The author edits the German and runs no extract: the catalogs still match their (old) template, so only
    extract's record of the German it made the template from tells. status marks the article's rows and says
    to run extract, check warns (``german-changed``); after extract both are quiet again."""
    reviewed_project(project)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))

    status = project.run("status", "--lang", "en")
    assert "zecken (German changed since extract)" in status.output
    assert ("warning: source_de/zecken.md: the German changed since the last verlag extract" in status.output
            and "run verlag extract" in status.output)
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["german_changed"] is True
    check = project.run("check", "--lang", "en")
    assert "warning: source_de/zecken.md:1: the German changed since the last verlag extract" in check.output
    assert "[german-changed]" in check.output

    project.run("extract")
    for command in ("status", "check"):
        assert "since the last verlag extract" not in project.run(command).output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["german_changed"] is False


def test_a_new_date_or_updated_line_is_no_german_changed_sentence(project: Project):
    """A fresh-user trial: changing only ``date:`` (or adding ``updated:``, which moves every line below it) made
    check warn that the article's "new and changed sentences" were in no catalog ([german-changed]) and status mark
    it, though no sentence changed and nothing awaits review; with the record of extract and, as in a fresh clone,
    without it (the template's header). A sentence changed after that is named again."""
    reviewed_project(project)
    dated = article("Zecken", BODY).replace("date: 2026-05-26\n", "date: 2026-06-01\nupdated: 2026-06-02\n")
    project.write("source_de/zecken.md", dated)
    for record in (True, False):
        if not record:
            (project.root / ".verlag/extracted-german.json").unlink()
        assert "[german-changed]" not in project.run("check", "--lang", "en").output
        status = project.run("status", "--lang", "en").output
        assert "German changed" not in status and "since the last verlag extract" not in status, status
        (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
        assert row["german_changed"] is False
    project.write("source_de/zecken.md", dated.replace(OLD, NEW))
    assert ("warning: source_de/zecken.md:1: the German changed since the last verlag extract"
            in project.run("check", "--lang", "en").output)


def git(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=project.root,
                          capture_output=True, text=True)


def keep_both_sides(path: Path) -> None:
    """Resolve a git conflict as a reviewer in a text editor does who wants to lose nothing: delete the markers."""
    text = path.read_text(encoding="utf-8")
    assert "<<<<<<< " in text
    path.write_text("\n".join(line for line in text.split("\n")
                              if not line.startswith(("<<<<<<< ", "=======", ">>>>>>> "))), encoding="utf-8")


UNTRANSLATED = "Spring brings the ticks back."  # the reviewer's translation of OLD, which had none


@pytest.mark.parametrize("how", ["git", "msgcat"])
def test_a_translation_of_an_empty_entry_merged_in_goes_to_the_sentence_the_author_changed(project: Project,
                                                                                             how: str):
    """Fresh-user trial: the reviewer translates a sentence nobody had translated on her branch (signed off) while
    the author changes its German and extracts, which leaves the changed sentence empty with no ``#|`` naming the
    old German. A merge that keeps both sides (git's, without verlag's driver or with an older one; ``msgcat``)
    has her entry of the old German beside the empty one, and extract made hers obsolete (``#~``). It came with
    the merge (the template the catalog was last merged with has no such German): extract gives it to the changed
    sentence, fuzzy with the old German as ``#| msgid``, as if translated before the change, and says so."""
    if how == "git" and not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    path = project.root / PO
    assert entries(project).find(OLD).msgstr == ""
    translated = path.read_text(encoding="utf-8").replace(f'msgid "{OLD}"\nmsgstr ""',
                                                          f'msgid "{OLD}"\nmsgstr "{UNTRANSLATED}"')
    if how == "git":
        (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
        for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"],
                     ["checkout", "-q", "-b", "reviewer"]):
            assert git(project, *step).returncode == 0
        path.write_text(translated, encoding="utf-8")
        assert git(project, "commit", "-qam", "translated").returncode == 0
        assert git(project, "checkout", "-q", "main").returncode == 0
        author_changes_the_sentence(project)
        assert git(project, "commit", "-qam", "author").returncode == 0
        merge = git(project, "merge", "reviewer")
        assert merge.returncode != 0 and "CONFLICT" in merge.stdout
        keep_both_sides(path)
    else:
        theirs = project.root / "theirs.po"
        theirs.write_text(translated, encoding="utf-8")
        author_changes_the_sentence(project)
        gnu("msgcat", "-o", str(path), str(path), str(theirs))
    msgfmt_check(path)
    merged = entries(project)
    assert merged.find(OLD).msgstr == UNTRANSLATED and merged.find(NEW).msgstr == ""

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    assert po.find(OLD, include_obsolete_entries=True) is None
    live = po.find(NEW)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == (UNTRANSLATED, True, OLD)
    assert Notes.of(live).reviewed == fingerprint(UNTRANSLATED)
    assert "obsolete" not in result.output
    text = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(text, 1) if line == f'msgid "{NEW}"')  # where the translation went
    assert (f"{PO}:{at}: " in result.output and f"'{OLD}' came into the catalog with a merge and is no sentence of "
            f"source_de/zecken.md: its translation '{UNTRANSLATED}' goes to '{NEW}', the sentence most like it, which "
            "had none (fuzzy" in result.output)
    status = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"][0]
    assert status["segments"]["stale"] == 1
    assert "German changed since this translation was made" in project.run("check", "--lang", "en").output


CARRIED = "Spring brings ticks."  # the reviewer's rewrite of the old German's machine draft, not signed off
LATER = "Spring brings the ticks back again."  # the reviewer's text of the changed sentence


def reviewed_draft_carried_and_rewritten(project: Project) -> Path:
    """The old German's ``copy`` draft, rewritten by the reviewer and left fuzzy (no sign-off fingerprint names it);
    the author changes that German and extracts, which carries the draft to the changed sentence; the reviewer
    rewrites it there (fuzzy again) and an extract runs since, so verlag's record holds the reviewer's text."""
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    path = review(project, "en", "zecken", {OLD: CARRIED}, sign_off=False)
    project.run("extract")
    return path


def rewrite_the_carried_draft(project: Project, path: Path) -> None:
    author_changes_the_sentence(project)
    live = entries(project).find(NEW)
    assert live.msgstr == CARRIED and live.fuzzy and live.previous_msgid == OLD
    review(project, "en", "zecken", {NEW: LATER}, sign_off=False)
    project.run("extract")


def assert_the_reviewers_later_text_is_live(project: Project, path: Path, result) -> None:
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEW)
    assert live.msgstr == LATER and live.fuzzy and live.previous_msgid == OLD, result.output
    assert LATER not in [e.msgstr for e in po if e.obsolete]
    assert f"'{CARRIED}', the text the changed sentence had before it was retranslated, came back with an older " \
        "copy of the catalog" in result.output
    assert "two translations" not in project.run("extract").output


def test_the_reviewers_rewrite_of_a_carried_draft_outlives_an_older_copy_joined_by_msgcat_use_first(
        project: Project):
    """``msgcat --use-first`` of the catalog and a download made before the author's change: the download's
    text of the old German is the draft extract carried into the changed sentence, older than the reviewer's
    rewrite there. verlag's record alone cannot tell (an extract since kept the rewrite in it)."""
    path = reviewed_draft_carried_and_rewritten(project)
    old = project.root / "old.po"
    shutil.copy(path, old)
    rewrite_the_carried_draft(project, path)
    gnu("msgcat", "--use-first", "-o", str(path), str(path), str(old))
    msgfmt_check(path)

    assert_the_reviewers_later_text_is_live(project, path, project.run("extract"))


def test_the_reviewers_rewrite_of_a_carried_draft_outlives_a_git_merge_of_an_older_branch(project: Project):
    """A second reviewer's branch, made before the author's change, only adds a flag to the old German's entry
    (Weblate's ``max-length``); the merge conflicts with the author's change and the rewrite there, and is resolved
    by keeping both sides. The branch's text of the old German is older than the rewrite: the rewrite stays live,
    with the flag."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = reviewed_draft_carried_and_rewritten(project)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"],
                 ["checkout", "-q", "-b", "second-reviewer"]):
        assert git(project, *step).returncode == 0
    po = entries(project)
    po.find(OLD).flags.append("max-length:80")
    po.save(str(path))
    assert git(project, "commit", "-qam", "a flag").returncode == 0
    assert git(project, "checkout", "-q", "main").returncode == 0
    rewrite_the_carried_draft(project, path)
    assert git(project, "commit", "-qam", "author and reviewer").returncode == 0
    merge = git(project, "merge", "second-reviewer")
    assert merge.returncode != 0 and "CONFLICT" in merge.stdout
    keep_both_sides(path)
    msgfmt_check(path)

    result = project.run("extract")
    assert_the_reviewers_later_text_is_live(project, path, result)
    assert "max-length:80" in entries(project).find(NEW).flags


def test_a_carried_draft_signed_off_on_an_older_copy_is_no_older_copy_and_neither_text_is_dropped(
        project: Project):
    """The download made before the author's change has the draft signed off there (a second reviewer): an edit
    too, not the copy extract carried. Both were edited since: the signed-off text goes live (fuzzy), the
    reviewer's rewrite stays as an obsolete entry of the old German, and the warning says to choose one."""
    path = reviewed_draft_carried_and_rewritten(project)
    old = project.root / "old.po"
    signed = polib.pofile(str(path))
    signed.find(OLD).flags.remove("fuzzy")
    signed.save(str(old))
    rewrite_the_carried_draft(project, path)
    gnu("msgcat", "--use-first", "-o", str(path), str(path), str(old))

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEW)
    assert live.msgstr == CARRIED and live.fuzzy and live.previous_msgid == OLD
    assert [(e.msgid, e.msgstr, e.fuzzy) for e in po if e.obsolete] == [(OLD, LATER, True)]
    assert "choose one" in result.output


def test_a_fresh_clone_sees_german_edited_since_the_committed_template_was_made(project: Project, tmp_path_factory):
    """The author commits a German edit without running extract; a fresh clone (CI, the reviewer's laptop) has no
    ``.verlag/``, only the committed files. The template's header names the German it was made from, so status and
    check there say the German changed since the last extract, and name no article whose template is current."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    reviewed_project(project)
    project.write("source_de/linde.md", article("Linde", "Die Linde blüht im Juni.\n"))
    project.run("extract")
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        assert git(project, *step).returncode == 0
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))
    assert git(project, "commit", "-qam", "German only").returncode == 0
    clone = Project(tmp_path_factory.mktemp("clone") / "praxis")
    assert subprocess.run(["git", "clone", "-q", str(project.root), str(clone.root)]).returncode == 0
    assert not (clone.root / ".verlag").exists()

    status = clone.run("status", "--lang", "en")
    assert "zecken (German changed since extract)" in status.output
    assert "linde (German changed" not in status.output
    assert "warning: source_de/zecken.md: the German changed since the last verlag extract" in status.output
    check = clone.run("check", "--lang", "en")
    assert "warning: source_de/zecken.md:1: the German changed since the last verlag extract" in check.output
    assert "source_de/linde.md:1: the German changed" not in check.output

    clone.run("extract")
    for command in ("status", "check"):
        assert "since the last verlag extract" not in clone.run(command).output


def test_build_says_whether_the_german_changed_or_the_catalog_is_older_than_the_last_extract(project: Project):
    """Both leave German segments without an entry, which the page shows in German; the advice differs. German
    edited since the last extract: run extract. A catalog older than the last extract (an old copy put back): its
    versions are in git, and extract brings it up to the German."""
    path = reviewed_project(project)
    before = path.read_text(encoding="utf-8")
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))
    build = project.run("build")
    assert (f"warning: {PO} does not match the German: 1 segment of the article has no entry in it: "
            "source_de/zecken.md changed since the last verlag extract" in build.output)
    assert "older than the last verlag extract" not in build.output

    project.run("extract")
    path.write_text(before, encoding="utf-8")  # the reviewer's copy from before, saved over the catalog
    build = project.run("build")
    assert (f"warning: {PO} does not match the German: 1 segment of the article has no entry in it: the catalog is "
            "older than the last verlag extract" in build.output)
    assert f"git log -p {PO}" in build.output and "changed since the last verlag extract" not in build.output


def test_a_pull_of_german_and_templates_extracted_elsewhere_is_not_german_changed_since_extract(
        project: Project, tmp_path_factory):
    """A second machine that extracted once pulls the author's German edit together with the template and
    catalogs the author's extract made: its own record names the German before, but the template names the German
    it now has, so status and check say nothing of German changed since the last extract."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    reviewed_project(project)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        assert git(project, *step).returncode == 0
    laptop = Project(tmp_path_factory.mktemp("laptop") / "praxis")
    assert subprocess.run(["git", "clone", "-q", str(project.root), str(laptop.root)]).returncode == 0
    laptop.run("extract")
    author_changes_the_sentence(project)
    assert git(project, "commit", "-qam", "German and its extract").returncode == 0
    assert subprocess.run(["git", "pull", "-q"], cwd=laptop.root).returncode == 0

    assert "German changed" not in laptop.run("status", "--lang", "en").output
    assert "german-changed" not in laptop.run("check", "--lang", "en").output


def test_an_older_copy_joined_in_is_named_as_one_by_status_before_extract(project: Project):
    """``msgcat`` joins an older download into the catalog: every segment still has its entry, one entry is of
    German the article no longer has. status says that, and names the older copy as the likely cause, not a page
    that shows segments in German."""
    path = reviewed_project(project)
    old = project.root / "old.po"
    shutil.copy(path, old)
    author_changes_the_sentence(project)
    gnu("msgcat", "--use-first", "-o", str(path), str(path), str(old))

    status = project.run("status", "--lang", "en")
    assert (f"warning: {PO}: the catalog does not match the German of source_de/zecken.md: 1 entry is German it no "
            "longer has; was an older copy joined in (msgcat, a git merge that kept both sides)? run verlag extract"
            in status.output)
    assert "0 of its segments" not in status.output and "first: ''" not in status.output


@pytest.mark.parametrize("extract_since", [True, False])
def test_a_sign_off_lost_to_msgmerge_of_an_older_copy_comes_back_when_the_author_restores_the_german(
        project: Project, extract_since: bool):
    """The reviewer keeps a copy of the signed-off catalog; the author changes the sentence and extracts; the
    reviewer fixes another entry in her copy and merges it with ``msgmerge --previous``, which writes the changed
    sentence fuzzy with ``#| msgid`` but without verlag's ``previous msgid, reviewed`` record. The translation is
    still the one signed off for that German (the record of the last extract names it), so when the author puts
    the German back exactly, with or without an extract between, the entry is reviewed again, and the build before
    that extract shows it."""
    path = reviewed_project(project)
    old = project.root / "old.po"
    shutil.copy(path, old)
    author_changes_the_sentence(project)
    old.write_text(old.read_text(encoding="utf-8").replace('msgstr "They wait in the grass."',
                                                           'msgstr "They lie in wait in the grass."'),
                   encoding="utf-8")
    gnu("msgmerge", "-q", "--previous", "-o", str(path), str(old),
        str(project.root / "translations/templates/zecken.pot"))
    if extract_since:
        project.run("extract")
        assert Notes.of(entries(project).find(NEW)).reviewed == fingerprint("Spring brings the ticks back.")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    built = project.run("build").output  # before extract: the page shows the sign-off extract will restore
    assert "Spring brings the ticks back." in project.read("site/en/zecken/index.html"), built
    assert f"warning: {PO} does not match the German" not in built, built

    result = project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(OLD)
    assert live.msgstr == "Spring brings the ticks back." and not live.fuzzy and live.previous_msgid is None
    assert "changed: " not in result.output
    assert entries(project).find("Sie warten im Gras.").msgstr == "They lie in wait in the grass."


def review_row(project: Project, german: str) -> str:
    """The text of the review report's row (``<article class="seg …">``) that shows ``german``, tags removed."""
    from lxml import html

    page = html.fromstring(project.read("review/en/zecken.html"))
    (row,) = [a for a in page.xpath('//article[contains(@class, "seg")]') if german in a.text_content()]
    return re.sub(r"\.po:\d+", ".po", " ".join(row.text_content().split()))  # its catalog line aside


def _an_unsigned_draft_and_its_copy(project: Project, path: Path) -> Path:
    """A reviewer's translation of "Endlich ist es warm." left fuzzy (not signed off) in ``path``, extracted; a
    copy of the catalog as it is then (old.po, what the reviewer keeps) is returned."""
    review(project, "en", "zecken", {"Endlich ist es warm.": "Warm, finally."}, sign_off=False)
    po = polib.pofile(str(path))
    po.find("Endlich ist es warm.").flags.append("fuzzy")
    po.save(str(path))
    project.run("extract")
    old = project.root / "old.po"
    shutil.copy(path, old)
    return old


def test_the_review_report_tells_a_stale_sign_off_from_a_stale_draft_as_extract_will_record_it(project: Project):
    """Two sentences the author changed: one a reviewer had signed off, the other a draft nobody signed off. The
    report said 'Written for the reviewed German' of both. It says which was signed off, and it says so already
    after the reviewer ran ``msgmerge --previous`` with an older copy (which drops verlag's 'previous msgid,
    reviewed' record) and before any extract, as the next extract will record it (from its copy of the catalog)."""
    path = reviewed_project(project)
    old = _an_unsigned_draft_and_its_copy(project, path)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW).replace("warm.", "endlich warm.")))
    project.run("extract")
    project.run("review", "--lang", "en")
    signed, draft = review_row(project, "Spring brings the ticks back."), review_row(project, "Warm, finally.")
    assert "Signed off for the German before it changed: check it against the change" in signed, signed
    assert "not signed off" not in signed
    assert "A draft for the German before it changed, not signed off: check it against the change" in draft, draft
    assert "Signed off" not in draft and "reviewed German" not in draft
    gnu("msgmerge", "-q", "--previous", "-o", str(path), str(old),
        str(project.root / "translations/templates/zecken.pot"))
    msgfmt_check(path)
    assert "previous msgid, reviewed" not in path.read_text(encoding="utf-8")

    project.run("review", "--lang", "en")
    assert review_row(project, "Spring brings the ticks back.") == signed
    project.run("extract")
    assert Notes.of(entries(project).find(NEW)).reviewed == fingerprint("Spring brings the ticks back.")
    project.run("review", "--lang", "en")
    assert review_row(project, "Spring brings the ticks back.") == signed


def test_a_stale_draft_that_msgmerge_of_an_older_copy_made_plain_fuzzy_stays_stale(project: Project):
    """A reviewer's unsigned translation (fuzzy) of a sentence the author then changed is stale: fuzzy, the German
    it was made for as previous msgid. ``msgmerge --previous`` with the reviewer's older copy, in which the entry was
    already fuzzy, writes it without ``#| msgid`` and without verlag's record: it read as a current draft (the
    review labelled it 'Machine draft', status counted it so, and ``[publish] unreviewed = "machine"`` showed
    readers the translation of the old German). While the catalog as extract last left it had that very text
    stale, the previous German comes back: in review and status at once, in the file at the next extract."""
    path = reviewed_project(project)
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nunreviewed = "machine"\n')
    old = _an_unsigned_draft_and_its_copy(project, path)
    changed = "Endlich ist es richtig warm."
    project.write("source_de/zecken.md", article("Zecken", BODY.replace("Endlich ist es warm.", changed)))
    project.run("extract")
    assert entries(project).find(changed).previous_msgid == "Endlich ist es warm."
    counted = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"][0]["segments"]
    gnu("msgmerge", "-q", "--previous", "-o", str(path), str(old),
        str(project.root / "translations/templates/zecken.pot"))
    msgfmt_check(path)
    assert entries(project).find(changed).previous_msgid is None  # what msgmerge wrote

    assert json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"][0][
        "segments"] == counted and counted["stale"] == 1
    project.run("review", "--lang", "en")
    assert "A draft for the German before it changed, not signed off" in review_row(project, "Warm, finally.")
    project.run("build")
    edition = project.read("editions/en/zecken.md")
    assert "Warm, finally." not in edition and "Endlich ist es richtig warm." in edition, edition
    project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(changed)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == ("Warm, finally.", True, "Endlich ist es warm.")


@pytest.mark.parametrize("drafted", [False, True])
def test_a_reviewers_title_and_tag_without_msgctxt_joined_by_msgcat_go_to_the_title_and_the_tag(project: Project,
                                                                                               drafted: bool):
    """A reviewer's small file holds the article's title and a tag without ``msgctxt`` and is joined with
    ``msgcat --use-first``. That German is no sentence of the article, but it is exactly the German of one title
    and one tag entry, which hold only extract's empty entries or ``copy`` drafts: the translations go there,
    signed off as the reviewer left them, and the warning names the catalog's line. Nothing goes obsolete."""
    project.write("source_de/zecken.md", article("Zecken", BODY, tags="[Garten]"))
    project.run("extract")
    if drafted:
        project.run("pretranslate", "--engine", "copy")
    path = project.root / PO
    small = project.root / "review.po"
    small.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Zecken"\nmsgstr "Ticks"\n\n'
                     'msgid "Garten"\nmsgstr "Garden"\n', encoding="utf-8")
    gnu("msgcat", "--use-first", "-o", str(path), str(small), str(path))
    lines = path.read_text(encoding="utf-8").split("\n")
    title_line, tag_line = lines.index('msgid "Zecken"') + 1, lines.index('msgid "Garten"') + 1
    checked = project.run("check", "--lang", "en").output
    assert (f"warning: {PO}:{title_line}: 'Zecken' has no msgctxt, and it is the German of the article's title: "
            'verlag extract makes it the translation of the article\'s title (msgctxt "title"), reviewed as it is; '
            'give it msgctxt "title" to be sure [catalog-outdated]') in checked, checked
    assert f"warning: {PO}:{tag_line}: 'Garten' has no msgctxt, and it is the German of the article's tag" in checked
    assert f"{PO}:1:" not in checked and "German it no longer has" not in checked
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["warnings"] == checked.count("warning: ")

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    title, tag = po.find("Zecken", msgctxt="title"), po.find("Garten", msgctxt="tag")
    assert (title.msgstr, title.fuzzy, tag.msgstr, tag.fuzzy) == ("Ticks", False, "Garden", False)
    assert not [e for e in po if e.obsolete] and po.find("Zecken", msgctxt=None) is None
    assert (f"{PO}:{title_line}: 'Zecken' has no msgctxt: taken as the translation of the article's title "
            '(msgctxt "title"), reviewed as it was') in result.output
    assert "is no sentence of" not in result.output


@pytest.mark.parametrize("record", ["kept", "deleted"])
def test_a_catalog_whose_msgctxt_a_tool_removed_is_counted_and_extracted_as_the_entries_they_are(project: Project,
                                                                                                  record: str):
    """A tool saves the catalog without its msgctxt lines (the title, the summary and a tag, all signed off).
    Before extract, status counts those translations where extract will put them (it counted them as empty, and
    said the catalog was 'saved from before the German changed'), check names each at its line and no segment as
    missing; extract gives each to its entry, reviewed, and does not list the title, summary and tag as the
    author's new German (it did where no copy of the catalog in .verlag/ had them: a fresh clone)."""
    project.write("source_de/zecken.md", article("Zecken", BODY, tags="[Garten]", summary="Über Zecken."))
    project.run("extract")
    path = review(project, "en", "zecken", {("title", "Zecken"): "Ticks", ("tag", "Garten"): "Garden",
                                             ("summary", "Über Zecken."): "About ticks.",
                                             "Endlich ist es warm.": "Warm at last."})
    project.run("extract")

    def counts() -> dict:
        return json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"][0]["segments"]

    before = counts()
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgctxt = None
    po.save(str(path))
    msgfmt_check(path)

    assert counts() == before and before["reviewed"] == 4
    status = project.run("status", "--lang", "en").output
    assert "have no entry" not in status and "or its msgctxt removed by a tool? run verlag extract" in status, status
    checked = project.run("check", "--lang", "en").output
    assert checked.count("has no msgctxt, and it is the German of the article's") == 3, checked
    assert f"{PO}:1:" not in checked and "have no entry" not in checked
    if record == "deleted":
        shutil.rmtree(project.root / ".verlag")
    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    assert [(po.find(m, msgctxt=c).msgstr, po.find(m, msgctxt=c).fuzzy) for c, m in
            (("title", "Zecken"), ("tag", "Garten"), ("summary", "Über Zecken."))] == \
        [("Ticks", False), ("Garden", False), ("About ticks.", False)]
    assert " new" not in result.output, result.output
    assert counts() == before


def test_a_catalog_restored_from_git_older_than_the_german_is_named_and_its_changed_sentences_go_back_to_review(
        project: Project):
    """The reviewer restores the catalog of two commits ago (``git checkout HEAD~2 -- …``), made before the author
    changed a sentence, and runs extract; status before extract says the catalog is older than the German (its
    ``X-Verlag-Template`` names an earlier template). Where the last extract left the changed sentence only the
    older translation, carried (stale), it takes it back as fuzzy, with the German it was written for as previous
    msgid, never reviewed, and extract does not call it an edit of the author's."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = reviewed_project(project)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "reviewed"]):
        assert git(project, *step).returncode == 0
    author_changes_the_sentence(project)
    assert git(project, "commit", "-qam", "author").returncode == 0
    review(project, "en", "zecken", {"Sie warten im Gras.": "They wait in the grass, hidden."})
    project.run("extract")
    assert git(project, "commit", "-qam", "review").returncode == 0
    assert git(project, "checkout", "HEAD~2", "--", PO).returncode == 0

    status = project.run("status", "--lang", "en")
    assert (f"warning: {PO}: the catalog does not match the German of source_de/zecken.md: 1 of its segments has no "
            "entry" in status.output)
    assert "the catalog is older than the German: its X-Verlag-Template names an earlier template" in status.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 3 and row["segments"]["untranslated"] == 1

    result = project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(NEW)
    assert live.msgstr == "Spring brings the ticks back." and live.fuzzy and live.previous_msgid == OLD
    assert (f"warning: {PO} is older than the German: 1 translation was made for German that source_de/zecken.md "
            "had changed before the last verlag extract" in result.output)
    assert f"source_de/zecken.md:7: {NEW!r}; 'git diff HEAD {PO}'" in result.output
    assert "changed: Mit dem Frühling" not in result.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 3 and row["segments"]["stale"] == 1 and not row["outdated"]
    assert "older than the German" not in project.run("extract").output


def test_a_restored_catalog_whose_machine_draft_is_of_the_old_german_gets_the_reviewed_text_the_last_extract_had(
        project: Project):
    """At HEAD~2 the catalog held only an engine's draft of the sentence; the author changed it (the draft went
    obsolete), the reviewer translated the new German and signed it off. Restoring the catalog of HEAD~2 brings
    back the untouched draft of the old German. extract gives the sentence back the reviewed translation the last
    extract left for exactly this German, reviewed as it was (it is no stale text), instead of leaving it empty
    for pretranslate with the reviewer's text only in git; the warning says so. Nothing goes to review that was
    reviewed for this German, and the old draft stays findable as an obsolete entry."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    drafted = entries(project).find(OLD).msgstr
    assert drafted and entries(project).find(OLD).fuzzy
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "drafted"]):
        assert git(project, *step).returncode == 0
    author_changes_the_sentence(project)
    assert entries(project).find(NEW).msgstr == ""
    assert git(project, "commit", "-qam", "author").returncode == 0
    path = review(project, "en", "zecken", {NEW: "Spring brings the ticks back again."})
    project.run("extract")
    assert git(project, "commit", "-qam", "review").returncode == 0
    assert git(project, "checkout", "HEAD~2", "--", PO).returncode == 0

    result = project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(NEW)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == ("Spring brings the ticks back again.", False, None)
    assert [e.msgstr for e in entries(project) if e.obsolete and e.msgid == OLD] == [drafted]
    assert (f"warning: {PO} is older than the German: source_de/zecken.md:7: {NEW!r} had only an untouched machine "
            "draft of the German before it: the translation the last verlag extract left for this German, 'Spring "
            "brings the ticks back again.', is back as it was (reviewed)") in result.output, result.output
    assert "to draft again" not in result.output and "had gone from the catalog" not in result.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 1 and not row["outdated"]
    assert project.run("extract").output.endswith("extract: 0 files changed, 1 article unchanged\n")


def test_a_restored_catalog_whose_draft_a_reviewer_signed_off_before_the_german_changed_keeps_the_sign_off_fuzzy(
        project: Project):
    """Trial 32: the reviewer signed off the ``copy`` draft of the sentence, the author changed the German (the
    sign-off went stale, fuzzy, the old German as ``#| msgid``), and the catalog from before the sign-off was put
    back (``git checkout HEAD~2``). Its untouched draft of the old German was taken for a newer rival of the stale
    translation: the German draft went live and the reviewer's text was gone, not even as ``#~``. An engine's
    untouched draft never beats a person's text: the sign-off stays, stale, and the draft goes obsolete."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    assert (entries(project).find(OLD).msgstr, entries(project).find(OLD).fuzzy) == (OLD, True)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "drafted"]):
        assert git(project, *step).returncode == 0
    path = review(project, "en", "zecken", {OLD: "Spring brings the ticks back."})
    project.run("extract")
    assert git(project, "commit", "-qam", "review").returncode == 0
    author_changes_the_sentence(project)
    assert git(project, "commit", "-qam", "author").returncode == 0
    assert git(project, "checkout", "HEAD~2", "--", PO).returncode == 0

    result = project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(NEW)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == ("Spring brings the ticks back.", True, OLD), \
        result.output
    assert [(e.msgstr, e.fuzzy) for e in entries(project) if e.obsolete and e.msgid == OLD] == [(OLD, True)]
    assert (f"warning: {PO} is older than the German: source_de/zecken.md:7: {NEW!r} had only an untouched machine "
            "draft of the German before it: the translation the last verlag extract left for this German, 'Spring "
            "brings the ticks back.', is back as it was (fuzzy); the draft is kept as an obsolete entry (#~)") \
        in result.output, result.output
    assert "two translations" not in result.output and "the newer one" not in result.output
    assert project.run("extract").output.endswith("extract: 0 files changed, 1 article unchanged\n")


def put_back_and_retranslated(project: Project) -> Path:
    """Trial 32: the reviewed project in git; the author deletes a signed-off sentence (extract makes it ``#~``),
    committed; puts it back (extract takes the ``#~`` translation live again) and the reviewer retranslates it,
    signed off, extracted, committed. Then the catalog of the commit from while the sentence was deleted is put
    back (``git checkout HEAD~1``): it holds the sentence only as ``#~``, with the text the reviewer replaced."""
    path = reviewed_project(project)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "reviewed"]):
        assert git(project, *step).returncode == 0
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(f" {GRASS}", "")))
    project.run("extract")
    assert [(e.msgstr, e.obsolete) for e in entries(project) if e.msgid == GRASS] == \
        [("They wait in the grass.", True)]
    assert git(project, "commit", "-qam", "deleted").returncode == 0
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    review(project, "en", "zecken", {GRASS: "They lie in wait in the grass."})
    project.run("extract")
    assert git(project, "commit", "-qam", "put back and retranslated").returncode == 0
    assert git(project, "checkout", "HEAD~1", "--", PO).returncode == 0
    return path


@pytest.mark.parametrize("how", ["copy", "msgmerge"])


def test_an_older_copy_holding_german_put_back_since_as_obsolete_does_not_revive_the_text_replaced_since(
        project: Project, how: str):
    """Trial 32: extract took the older copy's ``#~`` translation live again, as German put back by the author
    ("put back: …"), and the reviewer's newer sign-off was gone from the catalog without a word; so did
    ``msgmerge --previous`` of the copy with the template, which revives the ``#~`` entry itself. The copy's header
    names a template without that German, while the last extract left it live with a person's translation: that
    translation is back as it was, and the older text is named as dropped (a ``#~`` of the same German would make
    msgfmt fail). check names the copy before extract, and, where the file holds the sign-off only as ``#~``, the
    sign-off the last commit has as lost."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = put_back_and_retranslated(project)
    if how == "msgmerge":
        old = project.root / "old.po"
        shutil.move(path, old)
        gnu("msgmerge", "--previous", "-q", "-o", str(path), str(old),
            str(project.root / "translations/templates/zecken.pot"))
        old.unlink()
        assert (entries(project).find(GRASS).msgstr, entries(project).find(GRASS).fuzzy) == \
            ("They wait in the grass.", False)
    (line,) = [n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
               if text in (f'#~ msgid "{GRASS}"', f'msgid "{GRASS}"')]
    checked = project.run("check", "--lang", "en").output
    assert (f"warning: {PO}:{line}: an older copy of the catalog (an old download, a file from an earlier commit "
            f"copied in?): 1 entry (line {line}) holds what was there before a person's translation that the last "
            "verlag extract left for the same German (a machine draft, the translation of the German before it "
            "changed, or an obsolete entry (#~) of German put back since, or one a tool revived; first: "
            f"'{GRASS}', where it left 'They lie in wait in the grass.')") in checked, checked
    assert (f"warning: {PO}:{line}: 1 translation signed off in the last commit (HEAD) is not signed off here"
            in checked) == (how == "copy"), checked
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert "where it left 'They lie in wait in the grass.'" in row["outdated"], row["outdated"]

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(GRASS)
    assert (live.msgstr, live.fuzzy, live.obsolete) == ("They lie in wait in the grass.", False, False), result.output
    assert [e.msgstr for e in po if e.msgid == GRASS] == ["They lie in wait in the grass."]
    assert f"warning: {PO} is an older copy of the catalog" in result.output, result.output
    assert (f"'{GRASS}' -> 'They lie in wait in the grass.'; 1 of them the copy held only as an obsolete entry (#~, "
            "or revived by a tool such as msgmerge), from before the author put its German back; the older text "
            "dropped (an obsolete entry of the same German would make msgfmt fail): 'They wait in the grass.'") \
        in result.output, result.output
    assert "put back:" not in result.output
    assert not git(project, "diff", "--stat", "HEAD", "--", PO).stdout
    assert project.run("extract").output.endswith("extract: 0 files changed, 1 article unchanged\n")


@pytest.mark.parametrize("signed", [False, True])
def test_an_obsolete_draft_a_reviewer_revived_by_hand_is_said_so_and_loses_the_engines_lines(
        project: Project, signed: bool):
    """Trial 32: the author changed a sentence that had only a ``copy`` draft (it went ``#~``); the reviewer
    removed the ``#~`` of that entry and typed a translation of the old German into it. extract said the entry
    "came into the catalog with a merge", and the changed sentence took the text with the draft's ``# mt: copy``
    and ``# draft …`` lines, as if an engine had written what a person typed. It says what happened, and the
    text goes on without the engine's lines (fuzzy, the old German as previous msgid)."""
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    author_changes_the_sentence(project)
    path = project.root / PO
    text = path.read_text(encoding="utf-8")
    obsolete = f'#, fuzzy, markdown-text\n#~ msgid "{OLD}"\n#~ msgstr "{OLD}"'
    assert obsolete in text and entries(project).find(NEW).msgstr == ""
    typed = "Spring brings the ticks back."
    path.write_text(text.replace(obsolete, f'#, {"" if signed else "fuzzy, "}markdown-text\nmsgid "{OLD}"\n'
                                           f'msgstr "{typed}"'), encoding="utf-8")
    assert "# mt: copy\n# draft " in path.read_text(encoding="utf-8")
    checked = project.run("check", "--lang", "en").output
    assert "German it no longer has; was an obsolete entry (#~) brought back in the catalog by hand (its #~ " \
        "removed)? run verlag extract" in checked, checked

    result = project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(NEW)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == (typed, True, OLD), result.output
    assert [line for line in live.tcomment.split("\n") if not line.startswith("previous msgid")] == [], live.tcomment
    assert (f"warning: {PO}:{msgid_lines(path, [NEW])[0]}: {OLD!r} was an obsolete entry (#~) brought back in the "
            f"catalog (its #~ removed) and is no sentence of source_de/zecken.md: its translation {typed!r} goes to "
            f"{NEW!r}") in result.output, result.output
    assert "with a merge" not in result.output
    assert not [e for e in entries(project) if e.obsolete]


WARM, GRASS = "Endlich ist es warm.", "Sie warten im Gras."


def drafted_then_signed_off(project: Project) -> tuple[Path, dict]:
    """One article drafted by the ``copy`` engine and committed, one draft edited but left fuzzy (a person's
    draft); then the reviewer rewrites two drafts and signs the edited one off as it is (their editor sets a later
    PO-Revision-Date), extract records it, committed. Returns the catalog and the signed-off texts."""
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    path = review(project, "en", "zecken", {OLD: "Spring brings the ticks back."}, sign_off=False,
                  date="2026-03-01 10:00+0100")
    project.run("extract")
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "drafted"]):
        assert git(project, *step).returncode == 0
    signed = {WARM: "Warm at last.", GRASS: "They wait in the grass.", OLD: "Spring brings the ticks back."}
    review(project, "en", "zecken", signed, date="2026-03-02 10:00+0100")
    project.run("extract")
    assert all(not entries(project).find(msgid).fuzzy for msgid in signed)
    assert git(project, "commit", "-qam", "review").returncode == 0
    return path, signed


def test_an_older_copy_of_the_catalog_copied_over_it_does_not_take_back_the_sign_offs(project: Project):
    """Fresh-user trial 14: the reviewer's older download, its untouched ``copy`` drafts and a person's draft not
    yet signed off, copied over the catalog where those were signed off since. extract said nothing of it, and
    the drafts were back, fuzzy: the page showed German where translations had been signed off. A draft that
    stands where the last extract left a person's translation of the same German, in a catalog whose
    PO-Revision-Date is earlier than that extract's, is the older copy's: each translation comes back as it was,
    reviewed, and the warning names the catalog, the count and examples."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path, signed = drafted_then_signed_off(project)
    assert git(project, "checkout", "HEAD~1", "--", PO).returncode == 0
    assert entries(project).find(WARM).fuzzy and entries(project).find(OLD).fuzzy
    lines = ", ".join(map(str, msgid_lines(path, signed)))
    told = ("an older copy of the catalog (an old download, a file from an earlier commit copied in?): 3 entries "
            f"(lines {lines}) hold what was there before a person's translation that the last verlag extract "
            "left for the same German (a machine draft, or the translation of the German before it changed; first: "
            "'Endlich ist es warm.', where it left 'Warm at last.'), so the page "
            "no longer shows that translation; verlag extract brings those translations back as the last extract "
            "left them")
    checked = project.run("check", "--lang", "en").output
    assert f"warning: {PO}:" in checked and told in checked and "[catalog-outdated]" in checked, checked
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert told in row["outdated"]
    assert f"warning: {PO}: {told}" in project.run("status", "--lang", "en").output

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    assert {msgid: (po.find(msgid).msgstr, po.find(msgid).fuzzy) for msgid in signed} == \
        {msgid: (text, False) for msgid, text in signed.items()}
    assert not [e for e in po if e.obsolete]
    assert (f"warning: {PO} is an older copy of the catalog (an old download, a file from an earlier commit copied "
            "in?): 3 entries held older text (a machine draft, or a translation of earlier German) where the last "
            "verlag extract left a person's translation of the German as it is: those translations are back as they "
            "were (3 signed off): source_de/zecken.md:") in result.output, result.output
    assert "3 machine drafts of the same German dropped" in result.output
    assert "'Endlich ist es warm.' -> 'Warm at last.'" in result.output and f"'git diff {PO}'" in result.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 3
    committed = polib.pofile(git(project, "show", f"HEAD:{PO}").stdout)  # each entry as it was committed
    assert [(e.msgid, e.msgstr, e.flags, e.tcomment) for e in po] == \
        [(e.msgid, e.msgstr, e.flags, e.tcomment) for e in committed]


def test_an_older_copy_with_a_translation_of_the_german_before_keeps_the_newer_sign_off_live(project: Project):
    """Fresh-user trial 14's dosage sentence: the older copy holds a reviewed translation of the German before the
    author's change ("3 x täglich 10 mg"), where the last extract left the reviewer's signed-off translation of the
    German as it is ("2 x täglich 20 mg"). extract took the old text back to review, fuzzy, and the newer
    sign-off was only in git. It is live again, signed off, and the older translation is kept as an obsolete
    entry of its German: both a person's, neither lost."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = reviewed_project(project)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "reviewed"]):
        assert git(project, *step).returncode == 0
    author_changes_the_sentence(project)
    review(project, "en", "zecken", {NEW: "Spring brings the ticks back again."})
    project.run("extract")
    assert git(project, "commit", "-qam", "changed and signed off").returncode == 0
    assert git(project, "checkout", "HEAD~1", "--", PO).returncode == 0

    result = project.run("extract")
    msgfmt_check(path)
    live = entries(project).find(NEW)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == ("Spring brings the ticks back again.", False, None)
    assert [(e.msgstr, e.obsolete) for e in entries(project) if e.msgid == OLD] == \
        [("Spring brings the ticks back.", True)]
    assert f"warning: {PO} is an older copy of the catalog" in result.output, result.output
    assert "1 translation of the German before the author changed it kept as obsolete entries (#~)" in result.output
    assert "is older than the German" not in result.output


def test_check_and_status_name_an_older_copy_with_a_translation_of_the_german_before_as_extract_restores_it(
        project: Project):
    """keepT/gitT leftover: the older copy above (a translation of the German before the author's change where
    the last extract left a sign-off of the German as it is), before any extract. extract restores it as an older
    copy (``_left_for_changed``), but check and status judged older copies by their drafts alone
    (``_left_newer``) and did not name it as one. They name it as extract will restore it, at its line."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = reviewed_project(project)
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "reviewed"]):
        assert git(project, *step).returncode == 0
    author_changes_the_sentence(project)
    review(project, "en", "zecken", {NEW: "Spring brings the ticks back again."})
    project.run("extract")
    assert git(project, "commit", "-qam", "changed and signed off").returncode == 0
    assert git(project, "checkout", "HEAD~1", "--", PO).returncode == 0
    (line,) = msgid_lines(path, [OLD])
    told = ("an older copy of the catalog (an old download, a file from an earlier commit copied in?): 1 entry "
            f"(line {line}) holds what was there before a person's translation that the last verlag extract left for "
            "the same German (a machine draft, or the translation of the German before it changed; first: "
            f"'{OLD}', where it left 'Spring brings the ticks back again.')")
    checked = project.run("check", "--lang", "en").output
    assert any(said.startswith(f"warning: {PO}:{line}: {told}") and said.endswith("[catalog-outdated]")
               for said in checked.splitlines()), checked
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert told in row["outdated"], row["outdated"]


def test_a_translation_emptied_and_drafted_again_is_the_reviewers_choice_not_an_older_copy(project: Project):
    """A reviewer takes a signed-off translation back by emptying its msgstr, as README says, and pretranslate
    drafts it again before the next extract: an untouched draft where the last extract left a person's
    translation, but in the catalog that extract wrote (same template, same PO-Revision-Date). It stays a draft."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path, signed = drafted_then_signed_off(project)
    review(project, "en", "zecken", {WARM: ""})
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    assert entries(project).find(WARM).msgstr == WARM and entries(project).find(WARM).fuzzy
    result = project.run("extract")
    msgfmt_check(path)
    entry = entries(project).find(WARM)
    assert (entry.msgstr, entry.fuzzy) == (WARM, True)
    assert "older copy" not in result.output


def msgid_lines(path: Path, msgids) -> list[int]:
    """The lines of the catalog at ``path`` where the entries of ``msgids`` have their msgid, in file order."""
    wanted = {f'msgid "{msgid}"' for msgid in msgids}
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line in wanted]


RETRANSLATED = {"Endlich ist es warm.": "Warm at last.", OLD: "Spring brings the ticks back.",
                "Sie warten im Gras.": "They wait in the grass."}


def rewritten_in_a_text_editor(project: Project) -> Path:
    """Fresh-user trial 15: ``copy`` drafts committed; the reviewer rewrites three of them and signs them off in a
    text editor (no header field changes, not even PO-Revision-Date), extract records the sign-offs (``rewritten
    by hand from mt: copy``), committed; then the catalog of the commit before is put back as ``git show
    HEAD~1:… > …`` does (a merge resolved with the old side, a backup, a sync tool do the same)."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    path = project.root / PO
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "drafted"]):
        assert git(project, *step).returncode == 0
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    review(project, "en", "zecken", RETRANSLATED)
    assert path.read_text(encoding="utf-8").split("\n\n")[0] == header  # a text editor's sign-off
    project.run("extract")
    assert "# rewritten by hand from mt: copy" in path.read_text(encoding="utf-8")
    assert git(project, "commit", "-qam", "extract after sign-off").returncode == 0
    older = git(project, "show", f"HEAD~1:{PO}")
    assert older.returncode == 0
    path.write_text(older.stdout, encoding="utf-8")
    assert all(entries(project).find(msgid).fuzzy for msgid in RETRANSLATED)
    return path


def test_an_older_copy_with_the_same_header_put_back_does_not_take_back_sign_offs_made_in_a_text_editor(
        project: Project):
    """Fresh-user trial 15: the copy from before the sign-off has the very header the last extract left (a text
    editor's sign-off changes none), so keepR's older header did not tell it, and extract, check and status said
    nothing while three signed-off translations went back to ``copy`` drafts (German on the page). Each entry is
    back exactly at the draft its record says it was rewritten from: check and status name the catalog, the
    lines and the remedy before extract; extract brings the sign-offs back as committed and says so; GNU msgfmt
    --check takes the catalog; nothing else changes."""
    path = rewritten_in_a_text_editor(project)
    lines = msgid_lines(path, RETRANSLATED)
    told = (f"an older copy of the catalog (an old download, a file from an earlier commit copied in?): 3 entries "
            f"(lines {', '.join(map(str, lines))}) hold what was there before a person's translation that the "
            "last verlag extract left for the same German (a machine draft, or the translation of the German before "
            "it changed; first: 'Endlich ist es warm.', where it left 'Warm at last.'), so the page no longer shows that translation; verlag extract brings those translations back as "
            f"the last extract left them; 'git diff {PO}' shows what the copy changed. To take a translation back on "
            "purpose, empty its msgstr")
    checked = project.run("check", "--lang", "en").output  # a warning: exit 0, as README's check table says
    assert f"warning: {PO}:{lines[0]}: {told} [catalog-outdated]" in checked, checked
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["outdated"] == told
    assert f"warning: {PO}: {told}" in project.run("status", "--lang", "en").output

    result = project.run("extract")
    msgfmt_check(path)
    assert (f"warning: {PO} is an older copy of the catalog (an old download, a file from an earlier commit copied "
            "in?): 3 entries held older text") in result.output, result.output
    assert "back as they were (3 signed off): source_de/zecken.md:" in result.output
    assert "3 machine drafts of the same German dropped" in result.output
    assert path.read_text(encoding="utf-8") == git(project, "show", f"HEAD:{PO}").stdout  # as signed off
    assert git(project, "status", "--porcelain").stdout == ""
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 3 and not row["outdated"]
    assert "older copy" not in project.run("check", "--lang", "en").output
    assert project.run("extract").output.endswith("extract: 0 files changed, 1 article unchanged\n")


def test_an_older_copy_with_stale_translations_put_back_does_not_take_back_their_new_sign_offs(project: Project):
    """Fresh-user trial 17: the author changed a reviewed sentence (extract made it stale: fuzzy, ``#| msgid``),
    the reviewer retranslated it and signed off in a text editor, extract ran, committed; the catalog of the commit
    before put back still held the stale entry, and status, check and ``extract --check`` called everything up to
    date while extract kept the old translation of the old German. ``#| msgid`` lines are extract's alone and a
    sign-off removes them: a stale entry of German the record has signed off is an older copy's. check names it,
    extract brings the sign-off back and says what it dropped, msgfmt --check takes the catalog."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    review(project, "en", "zecken", RETRANSLATED | {("title", "Zecken"): "Ticks"})
    project.run("extract")
    path = project.root / PO
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "reviewed"]):
        assert git(project, *step).returncode == 0
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))
    project.run("extract")
    stale = entries(project).find(NEW)
    assert stale.fuzzy and stale.previous_msgid == OLD and stale.msgstr == "Spring brings the ticks back."
    assert git(project, "commit", "-qam", "German changed").returncode == 0
    review(project, "en", "zecken", {NEW: "Spring brings the ticks back again."})
    project.run("extract")
    assert git(project, "commit", "-qam", "signed off").returncode == 0
    signed = path.read_text(encoding="utf-8")
    path.write_text(git(project, "show", f"HEAD~1:{PO}").stdout, encoding="utf-8")
    assert entries(project).find(NEW).previous_msgid == OLD

    checked = project.run("check", "--lang", "en").output
    assert f"warning: {PO}:" in checked and "an older copy of the catalog" in checked \
        and "where it left 'Spring brings the ticks back again.'" in checked, checked
    assert "an older copy of the catalog" in project.run("status", "--lang", "en").output
    result = project.run("extract")
    msgfmt_check(path)
    assert "back as it was (1 signed off)" in result.output, result.output
    assert "1 translation of the German before it changed dropped" in result.output
    assert path.read_text(encoding="utf-8") == signed
    assert "older copy" not in project.run("check", "--lang", "en").output


def test_pretranslate_before_extract_gives_an_older_copys_sign_offs_back_before_it_stamps_the_catalog(
        project: Project, monkeypatch: pytest.MonkeyPatch):
    """The older copy of trial 15 with an empty entry, and pretranslate run before extract: it drafted the empty
    entry and stamped PO-Revision-Date, after which the copy's header was newer than the record and no command
    could tell the copy any more; the next extract kept the drafts, silently. pretranslate gives the sign-offs
    back first, as extract does, and says so at the catalog's lines; its own draft goes in; msgfmt --check takes
    the catalog, and extract has nothing left to say of it."""
    path = rewritten_in_a_text_editor(project)
    review(project, "en", "zecken", {("title", "Zecken"): ""})
    lines = msgid_lines(path, RETRANSLATED)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780086400")  # a day after the record's PO-Revision-Date
    result = project.run("pretranslate", "--engine", "copy", "--lang", "en")
    msgfmt_check(path)
    assert (f"warning: {PO}:{lines[0]}: an older copy of the catalog (an old download, a file from an earlier commit "
            f"copied in?): 3 entries (lines {', '.join(map(str, lines))}) held a machine draft (or the translation of "
            "the German before it changed) where the last verlag extract left a person's translation of the same German: those translations are back as the last "
            "extract left them") in result.output, result.output
    po = entries(project)
    assert {msgid: (po.find(msgid).msgstr, po.find(msgid).fuzzy) for msgid in RETRANSLATED} == \
        {msgid: (text, False) for msgid, text in RETRANSLATED.items()}
    assert (po.find("Zecken", msgctxt="title").msgstr, po.find("Zecken", msgctxt="title").fuzzy) == ("Zecken", True)
    assert "older copy" not in project.run("extract").output
    assert {msgid: entries(project).find(msgid).msgstr for msgid in RETRANSLATED} == RETRANSLATED


ADDED = {"Zecken übertragen Krankheiten.": "Ticks carry diseases.", "Ein Arzt entfernt sie.": "A doctor removes them."}


def drafts_and_empties_signed_off(project: Project) -> Path:
    """Fresh-user trial 17: three ``copy`` drafts and two sentences the author added since, still empty, committed;
    the reviewer translates all five and signs them off in a text editor (no header field changes), extract records
    it, committed. Returns the catalog; nothing put back yet."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    project.write("source_de/zecken.md", article("Zecken", BODY + "\n" + " ".join(ADDED) + "\n"))
    project.run("extract")
    path = project.root / PO
    assert [entries(project).find(msgid).msgstr for msgid in ADDED] == ["", ""]
    (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "drafted"]):
        assert git(project, *step).returncode == 0
    review(project, "en", "zecken", RETRANSLATED | ADDED)
    project.run("extract")
    assert git(project, "commit", "-qam", "signed off").returncode == 0
    return path


def test_an_older_copys_empty_entries_get_their_sign_offs_back_with_its_drafts(project: Project):
    """Fresh-user trial 17: the catalog of the commit before the sign-off put back (``git show HEAD~1:… > …``) held
    three ``copy`` drafts and two empty entries where the last extract left five sign-offs. Three came back, the
    two empty ones stayed empty with only a warning: an emptied msgstr is also how a reviewer takes a translation
    back. The file is an older copy by its drafts, so its empty entries are that copy's too: check and status name
    all five before extract, extract brings all five back and says so, the catalog is the committed one again and
    passes msgfmt --check."""
    path = drafts_and_empties_signed_off(project)
    path.write_text(git(project, "show", f"HEAD~1:{PO}").stdout, encoding="utf-8")
    lines = msgid_lines(path, RETRANSLATED | ADDED)
    told = (f"an older copy of the catalog (an old download, a file from an earlier commit copied in?): 5 entries "
            f"(lines {', '.join(map(str, lines))}) hold what was there before a person's translation that the "
            "last verlag extract left for the same German (a machine draft, or the translation of the German before "
            "it changed, or nothing: 2 of them empty, as the copy had them before the sign-off; in a catalog without "
            "an older copy's drafts an emptied msgstr is a translation taken back, and stays empty; first: 'Endlich "
            "ist es warm.', where it left 'Warm at last.')")
    checked = project.run("check", "--lang", "en").output
    assert f"warning: {PO}:{lines[0]}: {told}" in checked, checked
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["outdated"].startswith(told)
    assert f"warning: {PO}: {told}" in project.run("status", "--lang", "en").output

    result = project.run("extract")
    msgfmt_check(path)
    assert (f"warning: {PO} is an older copy of the catalog (an old download, a file from an earlier commit copied "
            "in?): 5 entries held older text (a machine draft, a translation of earlier German, or nothing) where "
            "the last verlag extract left a person's translation of the German as it is: those translations are "
            "back as they were (5 signed off): ") in result.output, result.output
    assert ("3 machine drafts of the same German dropped (verlag pretranslate makes a draft again; an obsolete "
            "entry of the same German would make msgfmt fail); 2 entries the copy held empty, as before the "
            "sign-off, given their translations back too (in a catalog without an older copy's drafts an emptied "
            "msgstr is a translation taken back, and stays empty)") in result.output
    assert path.read_text(encoding="utf-8") == git(project, "show", f"HEAD:{PO}").stdout
    assert git(project, "status", "--porcelain").stdout == ""
    assert sorted(p.name for p in path.parent.iterdir()) == ["site.po", "zecken.po"]  # no temporary file left
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 5 and not row["outdated"]


def test_a_translation_taken_back_in_a_catalog_that_is_no_older_copy_stays_empty(project: Project):
    """The other side of trial 17's verdict: the reviewer empties a signed-off translation on purpose (README) in
    the catalog extract left, no older copy's draft beside it. check, status and extract say nothing of an older
    copy, the entry stays empty, msgfmt --check takes the catalog."""
    path = drafts_and_empties_signed_off(project)
    review(project, "en", "zecken", {WARM: "", "Ein Arzt entfernt sie.": ""})
    for command in (("check", "--lang", "en"), ("status", "--lang", "en")):
        assert "older copy" not in project.run(*command).output
    result = project.run("extract")
    msgfmt_check(path)
    assert "older copy" not in result.output, result.output
    po = entries(project)
    assert (po.find(WARM).msgstr, po.find("Ein Arzt entfernt sie.").msgstr) == ("", "")
    assert po.find(OLD).msgstr == RETRANSLATED[OLD] and not po.find(OLD).fuzzy


def test_pretranslate_before_extract_gives_an_older_copys_empty_entries_their_sign_offs_back_not_drafts(
        project: Project):
    """Trial 17's older copy, and pretranslate run before extract: it drafted the copy's two empty entries (and
    stamped PO-Revision-Date, after which no command could tell the copy), so the two sign-offs were lost for
    good. It gives all five back first, as extract does, says so at their lines, and drafts only what the last
    extract left empty (the title, emptied in the copy too); msgfmt --check takes the catalog."""
    path = drafts_and_empties_signed_off(project)
    path.write_text(git(project, "show", f"HEAD~1:{PO}").stdout, encoding="utf-8")
    review(project, "en", "zecken", {("title", "Zecken"): ""})
    lines = msgid_lines(path, RETRANSLATED | ADDED)
    result = project.run("pretranslate", "--engine", "copy", "--lang", "en")
    msgfmt_check(path)
    assert (f"warning: {PO}:{lines[0]}: an older copy of the catalog (an old download, a file from an earlier commit "
            f"copied in?): 5 entries (lines {', '.join(map(str, lines))}) held a machine draft (or the translation "
            "of the German before it changed, or nothing: 2 of them empty, as the copy had them before the "
            "sign-off;") in result.output, result.output
    po = entries(project)
    assert {msgid: (po.find(msgid).msgstr, po.find(msgid).fuzzy) for msgid in RETRANSLATED | ADDED} == \
        {msgid: (text, False) for msgid, text in (RETRANSLATED | ADDED).items()}
    assert (po.find("Zecken", msgctxt="title").msgstr, po.find("Zecken", msgctxt="title").fuzzy) == ("Zecken", True)
    assert "older copy" not in project.run("extract").output
    assert {msgid: entries(project).find(msgid).msgstr for msgid in ADDED} == ADDED


def test_build_before_extract_names_an_older_copy_put_back_on_every_build_until_extract(project: Project):
    """Trial 17's older copy put back and ``build`` run without extract: check and status named it, build said
    nothing while the page showed the copy's drafts and empty entries where five sign-offs had been. build says
    it on every build (an unchanged article's too) until extract brings the translations back."""
    path = drafts_and_empties_signed_off(project)
    path.write_text(git(project, "show", f"HEAD~1:{PO}").stdout, encoding="utf-8")
    told = (f"warning: {PO}: an older copy of the catalog (an old download, a file from an earlier commit copied "
            "in?): 5 entries hold what was there before a person's translation that the last verlag extract left "
            "for the same German, and the page shows them so; run verlag extract: it brings those translations "
            f"back (verlag check names the lines; 'git diff {PO}' shows what the copy changed)")
    assert told in project.run("build").output
    again = project.run("build").output
    assert told in again and "1 article unchanged" in again, again
    project.run("extract")
    msgfmt_check(path)
    assert "older copy" not in project.run("build").output


def test_build_names_an_older_copy_a_po_editor_saved_after_the_last_extract(project: Project):
    """keepT leftover: the reviewer signs off two ``copy`` drafts as they are, extract records it; then her PO
    editor saves an older download over the catalog (the drafts back, fuzzy, under a later PO-Revision-Date).
    check named it (the record's ``draft <fingerprint>, signed off`` names each draft's text), build said nothing
    while the page showed German: it asked only of a header as old as the record's. build names it as it names
    the others, until extract brings the sign-offs back."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project.write("source_de/zecken.md", article("Zecken", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    path = project.root / PO
    drafted = path.read_text(encoding="utf-8")
    drafts = {msgid: entries(project).find(msgid).msgstr for msgid in (WARM, GRASS)}
    review(project, "en", "zecken", drafts, date="2026-03-02 10:00+0100")
    project.run("extract")
    assert all(not entries(project).find(msgid).fuzzy for msgid in drafts)
    stamp = re.search(r'"PO-Revision-Date: [^"]*"', drafted).group()
    saved = drafted.replace(stamp, r'"PO-Revision-Date: 2026-04-01 09:00+0200\n"')
    assert saved != drafted
    path.write_text(saved, encoding="utf-8")
    assert "[catalog-outdated]" in project.run("check", "--lang", "en").output
    told = (f"warning: {PO}: an older copy of the catalog (an old download, a file from an earlier commit copied "
            "in?): 2 entries hold what was there before a person's translation that the last verlag extract left "
            "for the same German, and the page shows them so; run verlag extract: it brings those translations "
            f"back (verlag check names the lines; 'git diff {PO}' shows what the copy changed)")
    assert told in project.run("build").output
    assert told in project.run("build").output
    project.run("extract")
    msgfmt_check(path)
    assert all(not entries(project).find(msgid).fuzzy for msgid in drafts)
    assert "older copy" not in project.run("build").output


def test_a_git_merge_of_a_branch_that_took_a_translation_back_is_no_older_copy(project: Project):
    """verlag's merge driver (as ``verlag init`` sets it up) merges a branch made after trial 17's sign-offs, on which
    the author changed a sentence and extracted (the catalog's header names that branch's template, not the one
    this clone's record has) and the reviewer took a translation back by emptying it, while this branch signed
    off the title. The merged catalog holds no older copy's entry: the emptied translation stays empty, every
    other sign-off stays, nothing is called an older copy, msgfmt --check takes the catalog."""
    from test_merge_driver import driver
    from pipeline.scaffold import GITATTRIBUTES

    path = drafts_and_empties_signed_off(project)
    (project.root / ".gitattributes").write_text(GITATTRIBUTES, encoding="utf-8")
    assert git(project, "config", "merge.verlag.driver", driver()).returncode == 0
    for step in (["add", "-A"], ["commit", "-qm", "merge driver"], ["checkout", "-qb", "takeback"]):
        assert git(project, *step).returncode == 0, step
    taken = "Ein Arzt entfernt sie."
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(WARM, "Endlich ist es richtig warm.") + "\n"
                                                 + " ".join(ADDED) + "\n"))
    project.run("extract")
    review(project, "en", "zecken", {taken: ""})
    assert git(project, "commit", "-qam", "taken back").returncode == 0
    assert git(project, "checkout", "-q", "main").returncode == 0
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks"})
    project.run("extract")
    assert git(project, "commit", "-qam", "title signed off").returncode == 0
    merged = git(project, "merge", "-q", "--no-edit", "takeback")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    msgfmt_check(path)
    for command in (("check", "--lang", "en"), ("status", "--lang", "en")):
        assert "older copy" not in project.run(*command).output
    result = project.run("extract")
    msgfmt_check(path)
    assert "older copy" not in result.output, result.output
    po = entries(project)
    assert po.find(taken).msgstr == ""
    assert (po.find("Zecken", msgctxt="title").msgstr, po.find("Zecken", msgctxt="title").fuzzy) == ("Ticks", False)
    assert {msgid: (po.find(msgid).msgstr, po.find(msgid).fuzzy) for msgid in (OLD, GRASS, *ADDED) if msgid != taken} \
        == {msgid: ((RETRANSLATED | ADDED)[msgid], False) for msgid in (OLD, GRASS, *ADDED) if msgid != taken}


def test_a_reviewers_own_fuzzy_flag_or_emptied_translation_after_the_sign_off_is_no_older_copy(
        project: Project, monkeypatch: pytest.MonkeyPatch):
    """The deliberate steps a reviewer takes forward are kept, after the older copy of trial 15 was caught: a
    sign-off taken back with ``#, fuzzy`` in a text editor keeps the reviewer's text and its ``rewritten by
    hand`` line (no draft), so it stays fuzzy; a translation emptied and drafted again by a later pretranslate
    (which stamps PO-Revision-Date) stays the draft. Neither is named as an older copy by check, status or
    extract, and the catalog passes msgfmt --check."""
    path = rewritten_in_a_text_editor(project)
    assert f"warning: {PO} is an older copy of the catalog" in project.run("extract").output
    assert not entries(project).find(OLD).fuzzy
    text = path.read_text(encoding="utf-8")
    signed = f'#, markdown-text\nmsgid "{OLD}"'
    assert signed in text
    path.write_text(text.replace(signed, f'#, fuzzy, markdown-text\nmsgid "{OLD}"'), encoding="utf-8")
    review(project, "en", "zecken", {"Sie warten im Gras.": ""})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780086400")  # pretranslate a day later
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    for command in (("check", "--lang", "en"), ("status", "--lang", "en")):
        assert "older copy" not in project.run(*command).output
    result = project.run("extract")
    msgfmt_check(path)
    assert "older copy" not in result.output, result.output
    po = entries(project)
    refuzzed, redrafted = po.find(OLD), po.find("Sie warten im Gras.")
    assert (refuzzed.msgstr, refuzzed.fuzzy) == ("Spring brings the ticks back.", True)
    assert "rewritten by hand from mt: copy" in refuzzed.tcomment
    assert (redrafted.msgstr, redrafted.fuzzy) == ("Sie warten im Gras.", True)
    assert (po.find("Endlich ist es warm.").msgstr, po.find("Endlich ist es warm.").fuzzy) == ("Warm at last.", False)


def test_a_translation_emptied_and_drafted_again_in_the_same_minute_is_the_reviewers_choice_not_an_older_copy(
        project: Project):
    """A sign-off taken back (emptied) and drafted again by pretranslate within the minute of the catalog's
    PO-Revision-Date (a quick session, or SOURCE_DATE_EPOCH set for reproducible runs): pretranslate's stamp was that
    very date, the header the one the last extract left, so the untouched draft read as trial 15's older copy and
    extract put the sign-off back over the reviewer's choice. pretranslate stamps a date after both the catalog's
    and the last extract's: the draft stays, nothing is called an older copy, and the catalog passes msgfmt
    --check."""
    path = rewritten_in_a_text_editor(project)
    assert f"warning: {PO} is an older copy of the catalog" in project.run("extract").output
    date = entries(project).metadata["PO-Revision-Date"]
    review(project, "en", "zecken", {GRASS: ""})
    project.run("pretranslate", "--engine", "copy", "--lang", "en")  # SOURCE_DATE_EPOCH: the catalog's minute
    assert entries(project).metadata["PO-Revision-Date"] > date
    for command in (("check", "--lang", "en"), ("status", "--lang", "en")):
        assert "older copy" not in project.run(*command).output
    result = project.run("extract")
    msgfmt_check(path)
    assert "older copy" not in result.output, result.output
    redrafted = entries(project).find(GRASS)
    assert (redrafted.msgstr, redrafted.fuzzy) == (GRASS, True)
    assert entries(project).find(WARM).msgstr == "Warm at last."


def test_build_names_both_when_the_german_changed_and_the_catalog_is_older_than_the_last_extract(project: Project):
    """An old copy of the catalog saved over it (older than the last extract) and then a German edit without extract:
    the page shows German for both reasons, and build names both, with the advice for each."""
    path = reviewed_project(project)
    before = path.read_text(encoding="utf-8")
    author_changes_the_sentence(project)
    path.write_text(before, encoding="utf-8")
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW).replace("warm.", "endlich warm.")))

    build = project.run("build")
    assert (f"warning: {PO} does not match the German: 2 segments of the article have no entry in it: "
            "source_de/zecken.md changed since the last verlag extract, and the catalog is older than that extract"
            in build.output)
    assert f"git log -p {PO}" in build.output and "run verlag extract" in build.output


WINTER = "Im Winter ruhen sie unter dem Laub."


def weblate_header(path: Path) -> None:
    """What Weblate writes into a catalog's header when it commits a translation: its own generator, team, date and
    translator, the fields in its order; the entries as they were."""
    po = polib.pofile(str(path))
    kept = {k: v for k, v in po.metadata.items() if k not in ("Last-Translator", "Language-Team", "X-Generator")}
    po.metadata = {"Project-Id-Version": kept.pop("Project-Id-Version"), "Report-Msgid-Bugs-To": "",
                   "POT-Creation-Date": kept.pop("POT-Creation-Date"), "PO-Revision-Date": "2026-06-02 09:14+0000",
                   "Last-Translator": "Jane Doe <jane@example.org>",
                   "Language-Team": "English <https://weblate.example/projects/praxis/zecken/en/>", **kept,
                   "X-Generator": "Weblate 5.8"}
    po.save(str(path))


@pytest.mark.parametrize("tool", ["msgmerge --previous", "msgmerge", "msgcat --width", "weblate header"])
def test_nothing_a_reviewers_tool_writes_loses_a_sign_off_through_extract(project: Project, tool: str):
    """A catalog with every kind of sign-off verlag records (reviewed entries, a stale one signed off for the German
    before, a rewritten machine draft) goes through a tool reviewers use, for real: msgmerge with the template (as
    Weblate and Lokalize update a catalog; with and without --previous), a Poedit-style rewrap (msgcat --width), a
    Weblate commit's header. The next extract leaves every entry in the state it had, status counts the same, and
    msgfmt --check passes at each step."""
    path = reviewed_project(project)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW) + f"\n{WINTER}\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    review(project, "en", "zecken", {WINTER: "In winter they rest under the leaves."})
    project.run("extract")
    assert "# rewritten by hand from mt: copy\n" in path.read_text(encoding="utf-8")

    def states(raw: bool = True) -> dict:  # raw: ``#| msgid`` as the file has it; else verlag's record of it
        return {(e.msgctxt, e.msgid): (e.msgstr, e.fuzzy, e.previous_msgid if raw else Notes.of(e).previous_msgid,
                                       Notes.of(e).reviewed, Notes.of(e).rewritten)
                for e in entries(project) if not e.obsolete}

    def counts() -> dict:
        return json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"][0]["segments"]

    before, counted_before = states(), counts()
    assert counted_before["reviewed"] == 4 and counted_before["stale"] == 1
    assert before[(None, NEW)][1:4] == (True, OLD, fingerprint("Spring brings the ticks back."))
    pot = str(project.root / "translations/templates/zecken.pot")
    if tool.startswith("msgmerge"):
        gnu("msgmerge", "--quiet", *(["--previous"] if "previous" in tool else []), "-o", str(path), str(path), pot)
    elif tool == "msgcat --width":
        gnu("msgcat", "--width=38", "-o", str(path), str(path))
    else:
        weblate_header(path)
    msgfmt_check(path)
    assert states(raw=False) == before and counts() == counted_before  # read as it was, before extract

    result = project.run("extract")
    msgfmt_check(path)
    assert states() == before and counts() == counted_before, result.output
    assert "back to review" not in result.output and "older than" not in result.output
    assert project.run("extract").output.endswith("extract: 0 files changed, 1 article unchanged\n")


def msgid_line_of(path: Path, msgid: str) -> int:
    """The catalog line of ``msgid "<msgid>"``."""
    return path.read_text(encoding="utf-8").split("\n").index(f'msgid "{msgid}"') + 1


def test_a_stale_entry_signed_off_in_bulk_with_its_previous_msgid_kept_is_named_and_never_published(
        project: Project):
    """msgattrib --clear-fuzzy signs off every entry, the stale one too, and keeps its #| msgid (the German the
    translation was made for): nobody read it against the new German. status, check and review name it at its
    line; build shows the German there, not the old sentence's translation as reviewed; extract makes it fuzzy
    again and says so. Signed off as Poedit and Weblate do it (the #| lines go with the flag), it is reviewed."""
    path = reviewed_project(project)
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    author_changes_the_sentence(project)
    assert entries(project).find(NEW).fuzzy
    gnu("msgattrib", "--clear-fuzzy", "-o", str(path), str(path))
    msgfmt_check(path)
    cleared = entries(project).find(NEW)
    assert not cleared.fuzzy and cleared.previous_msgid == OLD  # what GNU's tool leaves
    line = msgid_line_of(path, NEW)
    where = f"{PO}:{line}: "

    project.run("build")
    english = project.read("site/en/zecken/index.html")
    assert "Spring brings the ticks back." not in english and NEW in english

    check = project.run("check", "--lang", "en")
    assert f"warning: {where}signed off with the German it was translated for still its previous msgid" \
        in check.output, check.output
    status = project.run("status", "--lang", "en")
    assert f"warning: {where}'{NEW}': signed off with the German it was translated for" in status.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["stale"] == 1 and row["segments"]["reviewed"] == 3
    assert row["stale_sign_offs"] == [[line, NEW]]
    project.run("review", "--lang", "en")
    page = (project.root / "review/en/zecken.html").read_text(encoding="utf-8")
    assert "signed off with the German it was translated for still its previous msgid" in page
    assert f"{PO}:{line}" in page

    extract = project.run("extract")
    assert f"warning: {where}'{NEW}' was signed off with the German it was translated for still its previous " \
        "msgid (#| msgid, or verlag's '# previous msgid' line" in extract.output, extract.output
    msgfmt_check(path)
    again = entries(project).find(NEW)
    assert again.fuzzy and again.previous_msgid == OLD and again.msgstr == "Spring brings the ticks back."
    assert "signed off with the German" not in project.run("check", "--lang", "en").output

    # the reviewer signs it off as Poedit does: the flag and the #| lines go, verlag's record stays, Poedit names
    # itself in the header
    text = path.read_text(encoding="utf-8")
    text = text.replace(f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"',
                        f'#, markdown-text\nmsgid "{NEW}"')
    text = re.sub(r'"X-Generator: [^"]*\\n"', lambda _: '"X-Generator: Poedit 3.4.2\\n"', text)
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    assert not entries(project).find(NEW).fuzzy
    assert "signed off with the German" not in project.run("check", "--lang", "en").output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 4 and row["stale_sign_offs"] == []
    project.run("build")
    assert "Spring brings the ticks back." in project.read("site/en/zecken/index.html")


def test_a_stale_entry_whose_translation_the_reviewer_edited_is_signed_off_though_its_previous_msgid_stays(
        project: Project):
    """Fresh-user trial 5: in a text editor the reviewer rewrote the translation of a changed sentence for the new
    German and deleted ``fuzzy``, leaving the ``#|`` lines and verlag's ``previous msgid`` record; extract called it a
    bulk sign-off "that read nothing" and made it fuzzy again. The text is no longer the one the record names: a
    person wrote it, so it is signed off, as check, status and extract agree. Unchanged, it stays a bulk sign-off."""
    path = reviewed_project(project)
    author_changes_the_sentence(project)
    text = path.read_text(encoding="utf-8")
    stale = f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"\nmsgstr "Spring brings the ticks back."'
    assert text.count(stale) == 1 and "# previous msgid, reviewed " in text
    path.write_text(text.replace(stale, f'#, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"\n'
                                        'msgstr "Spring brings the ticks back again."'), encoding="utf-8")
    msgfmt_check(path)
    assert "signed off with the German" not in project.run("check", "--lang", "en").output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 4 and row["stale_sign_offs"] == []
    extract = project.run("extract")
    assert "signed off with the German" not in extract.output, extract.output
    msgfmt_check(path)
    entry = entries(project).find(NEW)
    assert not entry.fuzzy and entry.previous_msgid is None and entry.msgstr == "Spring brings the ticks back again."
    assert "previous msgid" not in (entry.tcomment or "")

    # the same without the edit: the translation the record names, signed off as it was, read against nothing
    newer = NEW.replace("wieder ", "erneut ")
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, newer)))
    project.run("extract")
    text = path.read_text(encoding="utf-8")
    stale = (f'#, fuzzy, markdown-text\n#| msgid "{NEW}"\nmsgid "{newer}"')
    assert text.count(stale) == 1
    path.write_text(text.replace(stale, stale.replace("fuzzy, ", "")), encoding="utf-8")
    extract = project.run("extract")
    assert "signed off with the German it was translated for still its previous msgid" in extract.output
    assert entries(project).find(newer).fuzzy


@pytest.mark.parametrize("edited", [True, False], ids=["edited", "unchanged"])
def test_a_stale_entry_signed_off_without_verlags_record_is_told_by_the_last_extracts_copy(project: Project,
                                                                                         edited: bool):
    """A tool or a merge dropped verlag's ``previous msgid`` record of a changed sentence; the reviewer then rewrote
    its translation in a text editor and deleted ``fuzzy``, the ``#|`` lines left. check, status, review,
    pretranslate and extract called that a bulk sign-off that read nothing and kept it stale: the catalog alone
    cannot tell an edit, but the copy the last extract left (``.verlag/``) names the translation it carried, and
    this one is not it, so a person signed it off. Signed off unchanged, it stays stale, its record back."""
    path = reviewed_project(project)
    author_changes_the_sentence(project)
    text = path.read_text(encoding="utf-8")
    stale = f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"\nmsgstr "Spring brings the ticks back."'
    assert text.count(stale) == 1
    text = re.sub(r"# previous msgid, reviewed [0-9a-f]{8}: [^\n]*\n", "", text)  # the record dropped
    assert "# previous msgid" not in text
    translation = "Spring brings the ticks back again." if edited else "Spring brings the ticks back."
    text = text.replace(stale, f'#, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"\nmsgstr "{translation}"')
    text = text.replace('msgctxt "title"\nmsgid "Zecken"\nmsgstr "Ticks"', 'msgctxt "title"\nmsgid "Zecken"\nmsgstr ""')
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    bulk = "signed off with the German it was translated for still its previous msgid"
    assert (bulk in project.run("check", "--lang", "en").output) is not edited
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert (row["segments"]["reviewed"], row["segments"]["stale"]) == ((3, 0) if edited else (2, 1))
    project.run("review", "--lang", "en")
    page = (project.root / "review/en/zecken.html").read_text(encoding="utf-8")
    assert (bulk in page) is not edited
    assert edited or "Signed off for the German before it changed" in page  # the record given back

    said = project.run("pretranslate", "--engine", "copy", "--lang", "en").output  # fills the title: writes
    assert (bulk in said) is not edited, said
    msgfmt_check(path)
    assert entries(project).find(NEW).fuzzy is not edited
    said = project.run("extract").output
    msgfmt_check(path)
    entry = entries(project).find(NEW)
    assert (entry.fuzzy, entry.msgstr) == (not edited, translation)
    assert (entry.previous_msgid, Notes.of(entry).reviewed) == (
        (None, None) if edited else (OLD, fingerprint("Spring brings the ticks back.")))


def test_an_ignore_stale_line_silences_the_stale_warning_but_never_that_a_bulk_sign_off_did_not_count(
        project: Project):
    """``# ignore-stale`` accepts that a translation is out of date (README: it silences that check's finding). It
    also hid that a later bulk sign-off of the entry did not count, so check and the review report said nothing while
    the page showed the German; that is a finding of its own now, which no ignore-* line waives."""
    path = reviewed_project(project)
    author_changes_the_sentence(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'#, fuzzy, markdown-text\n#| msgid "{OLD}"',
                                 f'# ignore-stale\n#, fuzzy, markdown-text\n#| msgid "{OLD}"'), encoding="utf-8")
    assert "[stale]" not in project.run("check", "--lang", "en").output  # accepted: silenced
    gnu("msgattrib", "--clear-fuzzy", "-o", str(path), str(path))
    where = f"{PO}:{msgid_line_of(path, NEW)}: "
    check = project.run("check", "--lang", "en")
    assert f"warning: {where}signed off with the German it was translated for still its previous msgid" \
        in check.output, check.output
    assert "[stale]" not in check.output and "[stale-sign-off]" in check.output
    project.run("review", "--lang", "en")
    assert "signed off with the German it was translated for still its previous msgid" in (
        project.root / "review/en/zecken.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["pretranslate", "import"])
def test_pretranslate_and_import_say_so_when_they_write_a_bulk_sign_off_back_fuzzy(project: Project, command: str):
    """A stale entry signed off in bulk (msgattrib --clear-fuzzy keeps its #| msgid) is read as fuzzy again; a
    pretranslate or an import that writes the catalog writes it so. They did that without a word (only extract said
    it), so a reviewer saw their sign-off undone in git and nothing said why; they say it as extract does."""
    path = reviewed_project(project)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW) + "\nSie mögen feuchte Wärme.\n"))
    project.run("extract")
    gnu("msgattrib", "--clear-fuzzy", "-o", str(path), str(path))
    cleared = entries(project).find(NEW)
    assert not cleared.fuzzy and cleared.previous_msgid == OLD
    line = msgid_line_of(path, NEW)
    if command == "pretranslate":
        result = project.run("pretranslate", "--engine", "pseudo")
    else:
        english = project.write("zecken.en.md", "---\ntitle: Ticks\n---\nWarm at last.\n\nSpring brings the ticks "
                                                "back again. They wait in the grass.\n\nThey like damp warmth.\n")
        result = project.run("import", "--translation-of", "zecken", "--lang", "en", str(english))
    msgfmt_check(path)
    entry = entries(project).find(NEW)
    assert entry.fuzzy and entry.previous_msgid == OLD and entry.msgstr == "Spring brings the ticks back."
    assert entries(project).find("Sie mögen feuchte Wärme.").msgstr  # the run wrote the catalog
    assert (f"warning: {PO}:{line}: '{NEW}' was signed off with the German it was translated for still its previous "
            "msgid (#| msgid, or verlag's '# previous msgid' line under a translation nobody changed): a bulk sign-off "
            "(msgattrib --clear-fuzzy, a script) that read nothing? Back to review, fuzzy, as it was") \
        in result.output, result.output


def test_pretranslate_dry_run_says_the_bulk_sign_off_the_run_would_write_back_fuzzy_and_writes_nothing(
        project: Project):
    """``pretranslate --dry-run`` said nothing of a bulk sign-off the run it previews writes back fuzzy: the
    warning came only with the real run, after the reviewer's sign-off was undone in the file. The dry run says
    it as the run does, and writes nothing; a dry run that would not write the catalog does not say it."""
    path = reviewed_project(project)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW) + "\nSie mögen feuchte Wärme.\n"))
    project.run("extract")
    gnu("msgattrib", "--clear-fuzzy", "-o", str(path), str(path))
    line = msgid_line_of(path, NEW)
    warning = (f"warning: {PO}:{line}: '{NEW}' was signed off with the German it was translated for still its "
               "previous msgid (#| msgid, or verlag's '# previous msgid' line under a translation nobody changed): a "
               "bulk sign-off (msgattrib --clear-fuzzy, a script) that read nothing? Back to review, fuzzy, as it was")
    before = project.snapshot()
    dry = project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--dry-run").output
    assert "en: 1 entry would be drafted by pseudo" in dry and warning in dry, dry
    assert project.snapshot() == before
    assert not entries(project).find(NEW).fuzzy  # as the reviewer left it: nothing written

    real = project.run("pretranslate", "--engine", "pseudo", "--lang", "en").output
    said = [[x for x in output.splitlines() if x.startswith("warning:")] for output in (dry, real)]
    assert said[0] == said[1] and len(said[0]) == 1 and said[0][0].startswith(warning)
    msgfmt_check(path)
    assert entries(project).find(NEW).fuzzy
    gnu("msgattrib", "--clear-fuzzy", "-o", str(path), str(path))  # signed off in bulk again, nothing left to draft
    assert warning not in project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--dry-run").output


def test_a_stale_entry_signed_off_in_bulk_with_its_previous_msgid_cleared_too_is_never_published(project: Project):
    """Trial 16: ``msgattrib --clear-fuzzy --clear-previous`` takes the flag and the #| lines, which leaves what a
    Poedit sign-off leaves, but in a catalog no PO editor saved (its X-Generator still verlag's) and with the very
    translation verlag's ``previous msgid, reviewed`` record names for the older German: "A ligament injury often
    needs a splint" went live as reviewed for "almost never needs surgery". It stays stale, named at its line, and
    extract makes it fuzzy again. A reviewer who edits the translation, or deletes verlag's record line too in a
    text editor, signs it off."""
    path = reviewed_project(project)
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    author_changes_the_sentence(project)
    gnu("msgattrib", "--clear-fuzzy", "--clear-previous", "-o", str(path), str(path))
    msgfmt_check(path)
    assert "#| msgid" not in path.read_text(encoding="utf-8")
    line = msgid_line_of(path, NEW)

    project.run("build")
    english = project.read("site/en/zecken/index.html")
    assert "Spring brings the ticks back." not in english and NEW in english
    check = project.run("check", "--lang", "en")
    assert f"warning: {PO}:{line}: signed off with the German it was translated for" in check.output, check.output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["stale"] == 1 and row["stale_sign_offs"] == [[line, NEW]]
    extract = project.run("extract")
    assert f"warning: {PO}:{line}: '{NEW}' was signed off with the German it was translated for" in extract.output
    msgfmt_check(path)
    again = entries(project).find(NEW)
    assert again.fuzzy and again.previous_msgid == OLD and again.msgstr == "Spring brings the ticks back."

    # in a text editor: the flag, the #| lines and verlag's record line deleted by hand
    text = path.read_text(encoding="utf-8")
    record = next(line for line in text.split("\n") if line.startswith("# previous msgid, reviewed "))
    text = text.replace(record + "\n", "").replace(f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"',
                                                   f'#, markdown-text\nmsgid "{NEW}"')
    assert f'#, markdown-text\nmsgid "{NEW}"' in text and "# previous msgid" not in text
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    assert "signed off with the German" not in project.run("check", "--lang", "en").output
    project.run("build")
    assert "Spring brings the ticks back." in project.read("site/en/zecken/index.html")


def test_a_stale_entry_approved_in_lokalize_is_signed_off_though_its_previous_msgid_stays(project: Project):
    """Lokalize's "Approved" removes only the fuzzy flag (``CatalogItem::unsetFuzzy``): the #| msgid stays. In a
    catalog Lokalize saved (its X-Generator header) that is a person's sign-off of the new German: published as
    reviewed, named nowhere as a bulk sign-off, and extract drops the #| lines. (It was held stale: approving it
    again in Lokalize kept the lines again, so a Lokalize reviewer could never sign off a changed sentence.)"""
    path = reviewed_project(project)
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    author_changes_the_sentence(project)
    text = path.read_text(encoding="utf-8")
    assert f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"' in text
    text = text.replace(f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"',
                        f'#, markdown-text\n#| msgid "{OLD}"\nmsgid "{NEW}"')  # Approved, as Lokalize writes it
    text = re.sub(r'"X-Generator: [^"]*\\n"', lambda _: '"X-Generator: Lokalize 23.08.5\\n"', text)
    assert "X-Generator: Lokalize" in text
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    assert "signed off with the German" not in project.run("check", "--lang", "en").output
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 4 and row["stale_sign_offs"] == []
    project.run("build")
    assert "Spring brings the ticks back." in project.read("site/en/zecken/index.html")
    assert "signed off with the German" not in project.run("extract").output
    msgfmt_check(path)
    entry = entries(project).find(NEW)
    assert not entry.fuzzy and entry.previous_msgid is None and entry.msgstr == "Spring brings the ticks back."


# three edits of OLD, each like the one before (a translation is carried along), the last unlike OLD
EDITS = ["Mit dem warmen Frühling kommen leider auch die Zecken in die Gärten zurück.",
         "Im warmen Frühling sitzen leider auch die Zecken wieder in den Gärten.",
         "Im warmen Frühjahr sitzen leider viele Zecken wieder in den Gärten und Wiesen."]


@pytest.mark.parametrize("edits", [[NEW], EDITS], ids=["one edit", "three edits"])
def test_german_put_back_exactly_as_it_was_signed_off_is_published_reviewed_before_and_after_extract(
        project: Project, edits: list[str]):
    """The author changes a reviewed sentence (once, or three times, extracting each time: the entry stays stale
    with the German it was signed off for as previous msgid), then puts the German back exactly. The build before
    extract publishes the signed-off translation, as extract will make it reviewed again; extract does, also when
    the last edit is unlike the German put back (no fuzzy match between them)."""
    path = reviewed_project(project)
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    for text in edits:
        project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, text)))
        project.run("extract")
    stale = entries(project).find(edits[-1])
    assert stale.fuzzy and stale.previous_msgid == OLD and stale.msgstr == "Spring brings the ticks back."
    project.run("build")
    assert "Spring brings the ticks back." not in project.read("site/en/zecken/index.html")

    project.write("source_de/zecken.md", article("Zecken", BODY))  # the German put back, no extract yet
    build = project.run("build")
    assert "Spring brings the ticks back." in project.read("site/en/zecken/index.html"), build.output
    assert f"warning: {PO} does not match the German" not in build.output

    project.run("extract")
    msgfmt_check(path)
    back = entries(project).find(OLD)
    assert back.msgstr == "Spring brings the ticks back." and not back.fuzzy and back.previous_msgid is None
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 4 and row["segments"]["stale"] == 0
    project.run("build")
    assert "Spring brings the ticks back." in project.read("site/en/zecken/index.html")


def test_a_sign_off_of_german_put_back_is_checked_before_the_build_shows_it(project: Project):
    """The glossary forbade the signed-off wording while the sentence was changed (a stale entry gets no errors):
    the build before extract holds the restored sign-off back, as check will once extract wrote it."""
    reviewed_project(project)
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    author_changes_the_sentence(project)
    project.write("translations/glossary.csv", "source,en,en_forbidden\nFrühling,springtime,spring\n")
    project.write("source_de/zecken.md", article("Zecken", BODY))  # the German put back, no extract yet
    build = project.run("build")
    assert "Spring brings the ticks back." not in project.read("site/en/zecken/index.html")
    assert "en/zecken: 1 segment held back by QA errors; run verlag check" in build.output, build.output


def test_a_plural_entry_a_tool_made_keeps_the_reviewers_text_fuzzy_and_check_reports_it(project):
    """A tool turns sentences into plural entries (``msgid_plural``, ``msgstr[n]``; ``msgfmt --check`` passes): one
    as it was, one that also got a msgctxt, one obsolete. ``check`` reports each live one at its msgid line, and
    extract keeps each first form as the sentence's msgstr, fuzzy, naming the catalog's line, instead of writing
    an empty msgstr and dropping the text without an obsolete copy."""
    path = reviewed_project(project)
    text = path.read_text(encoding="utf-8")
    for german, english, context in (("Sie warten im Gras.", "They wait in the grass.", ""),
                                     ("Endlich ist es warm.", "Warm at last.", 'msgctxt "tool"\n')):
        text = text.replace(f'msgid "{german}"\nmsgstr "{english}"',
                            f'{context}msgid "{german}"\nmsgid_plural "{german[:-1]}n."\n'
                            f'msgstr[0] "{english}"\nmsgstr[1] "{english[:-1]}s."')
    text += '\n#~ msgid "Ganz alt."\n#~ msgid_plural "Ganz alte."\n#~ msgstr[0] ""\n#~ msgstr[1] "All old."\n'
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    lines = text.split("\n")
    grass, warm = (lines.index(f'msgid "{german}"') + 1 for german in ("Sie warten im Gras.", "Endlich ist es warm."))
    old = lines.index('#~ msgid "Ganz alt."') + 1

    result = project.run("check", "--lang", "en")
    for line in (grass, warm):
        assert re.search(rf"{re.escape(PO)}:{line}: .*plural forms \(msgid_plural", result.output), result.output
    assert "[plural]" in result.output

    result = project.run("extract")
    for line, german, kept in ((grass, "Sie warten im Gras.", "They wait in the grass."),
                               (warm, "Endlich ist es warm.", "Warm at last."),
                               (old, "Ganz alt.", "All old.")):
        assert re.search(rf"warning: {re.escape(PO)}:{line}: '{re.escape(german)}'.* has plural forms \(msgid_plural\)"
                         rf".*its first form '{re.escape(kept)}' kept as the msgstr, fuzzy", result.output), \
            result.output
    po = entries(project)
    live = po.find("Sie warten im Gras.")
    assert live.msgstr == "They wait in the grass." and live.fuzzy and not live.msgid_plural
    warm_entry = po.find("Endlich ist es warm.")
    assert warm_entry.msgctxt is None and warm_entry.msgstr == "Warm at last." and warm_entry.fuzzy
    gone = po.find("Ganz alt.", include_obsolete_entries=True)
    assert gone.obsolete and gone.msgstr == "All old."
    assert not any(e.msgid_plural for e in po)
    msgfmt_check(path)


def test_a_msgctxt_a_tool_added_or_changed_is_named_as_such_and_set_back(project):
    """A tool adds a msgctxt to a sentence's entry and changes the title's: the German is the same, so neither
    ``check`` ("saved from before the German changed?") nor ``extract`` ("msgid edited … 'X' set back to the
    German 'X'") may say the msgid changed. They name the msgctxt, and extract sets it back, translation and
    state kept."""
    path = reviewed_project(project)
    reviewed = path.read_text(encoding="utf-8")
    text = reviewed.replace('msgid "Sie warten im Gras."', 'msgctxt "tool"\nmsgid "Sie warten im Gras."')
    text = text.replace('msgctxt "title"\nmsgid "Zecken"', 'msgctxt "Titel"\nmsgid "Zecken"')
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    lines = text.split("\n")
    grass, title = (lines.index(f'msgid "{german}"') + 1 for german in ("Sie warten im Gras.", "Zecken"))

    result = project.run("check", "--lang", "en")
    assert ("2 entries have another msgctxt than the German's (first: 'Zecken', msgctxt \"Titel\" where the German "
            "has msgctxt \"title\")") in result.output
    assert "was a msgctxt added, changed or removed by a tool?" in result.output
    assert "saved from before the German changed" not in result.output

    result = project.run("extract")
    assert "msgid edited in the catalog" not in result.output and "changed: " not in result.output
    assert (f"warning: {PO}:{grass}: msgctxt 'tool' added to 'Sie warten im Gras.' in the catalog, not in "
            "source_de/zecken.md: removed, its translation and state kept") in result.output
    assert (f"warning: {PO}:{title}: msgctxt of 'Zecken' changed in the catalog to 'Titel', not in "
            "source_de/zecken.md: set back to 'title', its translation and state kept") in result.output
    assert path.read_text(encoding="utf-8") == reviewed
    msgfmt_check(path)


def test_a_sentence_deleted_and_put_back_edited_gets_its_obsolete_translation_back_fuzzy(project):
    """The author deletes a sentence (its reviewed translation goes obsolete, #~) and later puts it back reworded:
    it came back empty, though the translation was right there and GNU msgmerge would fuzzy-match it. It takes
    that translation for review, fuzzy with the old German as previous msgid, and the obsolete entry goes."""
    path = reviewed_project(project)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(f"{OLD} ", "")))
    project.run("extract")
    assert entries(project).find(OLD, include_obsolete_entries=True).obsolete
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))
    project.run("extract")
    po = entries(project)
    back = po.find(NEW)
    assert (back.msgstr, back.fuzzy, back.previous_msgid) == ("Spring brings the ticks back.", True, OLD)
    assert po.find(OLD, include_obsolete_entries=True) is None
    msgfmt_check(path)


def without_template_header(text: str) -> str:
    """``text``, a catalog, as a person or a tool that writes its own header leaves it: no X-Verlag-Template."""
    lines = [line for line in text.split("\n") if not line.startswith('"X-Verlag-Template: ')]
    assert len(lines) == text.count("\n")
    return "\n".join(lines)


def test_a_msgid_or_msgctxt_edited_in_a_catalog_without_verlags_header_is_named_as_such_and_set_back(project):
    """A tool that writes its own header (no X-Verlag-Template) saves a catalog in which a reviewer fixed a
    msgid's punctuation and the tool added a msgctxt; the German did not change since the last extract. Extract said
    the catalog was older than the German and put both back to review; it names the edits and sets them back,
    translations and state kept."""
    path = reviewed_project(project)
    reviewed = path.read_text(encoding="utf-8")
    text = without_template_header(reviewed)
    text = text.replace('msgid "Sie warten im Gras."', 'msgid "Sie warten im Gras ."')
    text = text.replace('msgid "Endlich ist es warm."', 'msgctxt "tool"\nmsgid "Endlich ist es warm."')
    path.write_text(text, encoding="utf-8")
    msgfmt_check(path)
    lines = text.split("\n")
    grass, warm = (lines.index(f'msgid "{german}"') + 1
                   for german in ("Sie warten im Gras .", "Endlich ist es warm."))

    result = project.run("extract")
    assert "older than the German" not in result.output and "changed: " not in result.output
    assert (f"warning: {PO}:{grass}: msgid edited in the catalog, not in source_de/zecken.md: 'Sie warten im "
            "Gras .' set back to the German 'Sie warten im Gras.', its translation and state kept") in result.output
    assert (f"warning: {PO}:{warm}: msgctxt 'tool' added to 'Endlich ist es warm.' in the catalog, not in "
            "source_de/zecken.md: removed, its translation and state kept") in result.output
    assert path.read_text(encoding="utf-8") == reviewed
    msgfmt_check(path)


def test_a_msgid_edited_with_its_translation_in_a_catalog_without_verlags_header_gets_a_true_reason(project):
    """Without X-Verlag-Template, a msgid edited together with its msgstr cannot be told from a catalog saved
    before a change of the German: extract puts it back to review and says both, never that the German had
    changed before the last extract (it did not)."""
    path = reviewed_project(project)
    text = without_template_header(path.read_text(encoding="utf-8"))
    text = text.replace('msgid "Sie warten im Gras."\nmsgstr "They wait in the grass."',
                        'msgid "Sie warten im Grase."\nmsgstr "They wait in the tall grass."')
    path.write_text(text, encoding="utf-8")

    result = project.run("extract")
    assert "older than the German" not in result.output and "had changed" not in result.output
    assert (f"warning: {PO}: 1 translation was made for German source_de/zecken.md did not have at the last verlag "
            "extract (a msgid edited in the catalog, or a catalog from before a change of the German? it has no "
            "X-Verlag-Template header to tell): back to review, fuzzy, the msgid it was made for as previous msgid: "
            "source_de/zecken.md:7: 'Sie warten im Gras.'") in result.output
    entry = entries(project).find("Sie warten im Gras.")
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == ("They wait in the tall grass.", True,
                                                                "Sie warten im Grase.")
    msgfmt_check(path)


@pytest.mark.parametrize("header", [True, False])
def test_check_and_status_name_a_msgid_edited_around_its_translation_as_extract_will(project, header: bool):
    """A msgid edited in the catalog around the translation the last extract left at that German: with
    X-Verlag-Template, or without it (a tool's own header) where verlag's record tells, ``extract`` sets it back.
    ``check`` and ``status`` say that beforehand; they asked whether the catalog was 'saved from before the German
    changed', which it was not."""
    path = reviewed_project(project)
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgid "Sie warten im Gras."', 'msgid "Sie warten im Gras ."')
    path.write_text(text if header else without_template_header(text), encoding="utf-8")
    said = ("was a msgid edited in the catalog, not in the article? verlag extract sets it back to the German, its "
            "translation and state kept")
    for command in ("check", "status"):
        output = project.run(command).output
        assert said in output and "saved from before the German changed" not in output, (command, output)
    assert "msgid edited in the catalog, not in source_de/zecken.md: 'Sie warten im Gras .' set back to the German" \
        in project.run("extract").output
    msgfmt_check(path)


def test_check_and_status_give_extracts_reason_for_a_msgid_edited_with_its_translation_without_the_header(
        project):
    """Without X-Verlag-Template, a msgid edited together with its msgstr cannot be told from a catalog saved
    before a change of the German: ``check`` and ``status`` say so, in extract's words, instead of asserting the
    older copy."""
    path = reviewed_project(project)
    text = without_template_header(path.read_text(encoding="utf-8"))
    path.write_text(text.replace('msgid "Sie warten im Gras."\nmsgstr "They wait in the grass."',
                                 'msgid "Sie warten im Grase."\nmsgstr "They wait in the tall grass."'),
                    encoding="utf-8")
    said = ("was a msgid edited in the catalog, or is it a catalog from before a change of the German? it has no "
            "X-Verlag-Template header to tell, so verlag extract puts such a translation back to review, fuzzy")
    for command in ("check", "status"):
        output = project.run(command).output
        assert said in output and "saved from before the German changed" not in output, (command, output)
    assert "it has no X-Verlag-Template header to tell): back to review, fuzzy" in project.run("extract").output
    msgfmt_check(path)


def reviewed_draft_and_obsolete(project: Project) -> tuple[Path, bytes]:
    """The reviewed project after the author dropped 'Sie warten im Gras.' (its reviewed translation obsolete now)
    and a reviewer wrote a draft, fuzzy, of a new sentence; extracted again: the catalog's bytes as extract left
    them."""
    path = reviewed_project(project)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(" Sie warten im Gras.", "")
                                                 + "\nIm Winter ruhen sie.\n"))
    project.run("extract")
    po = entries(project)
    draft = po.find("Im Winter ruhen sie.")
    draft.msgstr, draft.flags = "They rest in winter.", ["fuzzy", *draft.flags]
    po.save(str(path))
    project.run("extract")
    return path, path.read_bytes()


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_deleted_or_emptied_catalog_comes_back_from_extracts_copy_in_its_states(project: Project, how: str):
    """A catalog deleted (``rm``) or emptied (``: > file``) while its article is there: status, check and build
    say that extract restores it from its copy in .verlag/extracted/, and extract does, reviewed entries reviewed,
    the draft fuzzy, the obsolete one kept, and says so; a second extract has nothing to restore."""
    path, before = reviewed_draft_and_obsolete(project)
    path.unlink() if how == "deleted" else path.write_bytes(b"")
    copy = ".verlag/extracted/en/zecken.catalog"
    said = f"missing or empty: verlag extract restores it from {copy}"
    counts = "5 entries (3 reviewed, 1 fuzzy, 1 obsolete)"
    shown = project.run("status").output
    assert f"{said} (the catalog as the last verlag extract left it): {counts}" in shown
    total = next(line for line in shown.splitlines() if line.startswith("en ") and "= total" in line)
    assert total.split("= total")[1].strip() == "(missing or empty: verlag extract restores it from its copy)"
    assert f"warning: {PO}:1: {said}" in project.run("check").output
    if how == "deleted":
        assert f"en: not published ({PO}: {said}" in project.run("build").output
    checked = project.run("extract", "--check", code=1).output
    assert f"{PO}: out of date with the German: {said}" in checked
    assert (f"warning: {PO}: missing or empty (deleted, or a save cut short?): verlag extract will restore it from "
            f"{copy}, the catalog as the last verlag extract left it: {counts} to come back as they were; to start "
            "it over instead, delete both files before it runs\n") in checked and "restored from" not in checked

    result = project.run("extract")
    assert f"restored {PO}\n" in result.output and "created" not in result.output
    assert (f"warning: {PO}: missing or empty (deleted, or a save cut short?): restored from {copy}, the catalog as "
            f"the last verlag extract left it: {counts} back as they were") in result.output
    assert "1 restored" in result.output
    msgfmt_check(path)
    assert path.read_bytes() == before
    po = entries(project)
    assert po.find(OLD).msgstr == "Spring brings the ticks back." and not po.find(OLD).fuzzy
    assert po.find("Zecken", msgctxt="title").msgstr == "Ticks"
    assert po.find("Im Winter ruhen sie.").fuzzy
    gone = po.find("Sie warten im Gras.", include_obsolete_entries=True)
    assert gone.obsolete and gone.msgstr == "They wait in the grass."
    assert "extract: 0 files changed" in project.run("extract").output


def test_a_catalog_deleted_with_its_article_does_not_come_back_when_the_slug_is_used_again(project: Project):
    """The catalog deleted on purpose together with its German file: extract drops its copy, and a new article
    of that slug later starts from its template, nothing restored."""
    path, _ = reviewed_draft_and_obsolete(project)
    (project.root / "source_de/zecken.md").unlink()
    path.unlink()
    (project.root / "translations/fr/zecken.po").unlink()
    assert "restore" not in project.run("extract").output
    assert not (project.root / ".verlag/extracted/en/zecken.catalog").exists()
    project.write("source_de/zecken.md", article("Zecken", "Ganz neu.\n"))
    result = project.run("extract")
    assert f"created {PO}" in result.output and "restore" not in result.output
    assert not any(e.msgstr for e in entries(project))


# what extract --check says of two translations of changed German -> what extract then says it did
RIVALS_WILL = {
    " will be the changed sentence's after verlag extract (fuzzy, the old German as previous msgid); ":
        " is now the changed sentence's (fuzzy, the old German as previous msgid); ",
    " is the copy the last extract carried there": " was the copy the last extract had carried there",
    " will be kept by verlag extract as an obsolete entry (#~) of the old German: choose one":
        " is kept as an obsolete entry (#~) of the old German: choose one",
}


@pytest.mark.parametrize("kind", ["newer", "reviewed"])
def test_extract_check_says_in_the_future_what_extract_does_with_two_translations_of_changed_german(
        project: Project, kind: str):
    """extract --check ran extract on a copy and said its warnings of two translations of the changed German word
    for word: "'…', the newer one, is now the changed sentence's", "'…' was the copy", "… is kept as an obsolete
    entry", though it changes nothing. It says what extract will do; extract, the same words but the tense."""
    path, theirs = reviewers_copy_and_authors_change(project)
    if kind == "reviewed":  # the live entry edited after extract carried it: neither text is the older one
        ours = entries(project)
        ours.find(NEW).msgstr = "Spring brings the ticks back again."
        ours.save(str(path))
    gnu("msgcat", "-o", str(path), str(path), str(theirs))
    msgfmt_check(path)
    will = [line for line in project.run("extract", "--check", code=1).output.splitlines()
            if line.startswith("warning: ")]
    assert len(will) == 1 and "two translations of" in will[0], will
    assert all(past not in will[0] for past in RIVALS_WILL.values()), will[0]
    assert sum(future in will[0] for future in RIVALS_WILL) == 2, will[0]
    said = [line for line in project.run("extract").output.splitlines() if line.startswith("warning: ")]
    done = will[0]
    for future, past in RIVALS_WILL.items():
        done = done.replace(future, past)
    assert [done] == said
    msgfmt_check(path)


NEWER = "Mit dem Frühling kommen leider auch die Zecken wieder zurück."
SIGNED = "Spring brings the ticks back again."  # the reviewer's sign-off of NEW, made while the author wrote NEWER


@pytest.mark.parametrize("how", ["msgcat", "git"])
def test_a_sign_off_of_german_in_between_goes_to_the_sentence_the_author_changed_again(project: Project, how: str):
    """The sentence was stale already (NEW, ``#| msgid`` OLD) when the reviewer signed it off on a branch (or a copy
    joined with ``msgcat``) while the author changed it again (NEWER, still ``#| msgid`` OLD) and extracted. The
    reviewer's sign-off names neither German of the live entry; it was made obsolete, and the changed sentence kept
    the text of OLD. It is the changed sentence's now: fuzzy, the German it was signed off for as previous msgid."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    path = reviewed_project(project)
    author_changes_the_sentence(project)
    if how == "git":
        (project.root / ".gitignore").write_text(".verlag/\n", encoding="utf-8")
        (project.root / ".gitattributes").write_text("*.po merge=verlag\n", encoding="utf-8")
        verlag = Path(sys.executable).parent / "verlag"
        git(project, "init", "-q", "-b", "main")
        git(project, "config", "merge.verlag.driver", f"{shlex.quote(str(verlag))} merge-catalogs %O %A %B %P")
        git(project, "add", "-A")
        git(project, "commit", "-qm", "base")
        git(project, "checkout", "-q", "-b", "reviewer")
    stale = path.read_bytes()
    review(project, "en", "zecken", {NEW: SIGNED})
    theirs = project.root / "theirs.po"
    if how == "git":
        assert git(project, "commit", "-qam", "review").returncode == 0
        assert git(project, "checkout", "-q", "main").returncode == 0
    else:
        shutil.copyfile(path, theirs)
        path.write_bytes(stale)
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEWER)))
    project.run("extract")
    assert entries(project).find(NEWER).previous_msgid == OLD
    if how == "git":
        assert git(project, "commit", "-qam", "author").returncode == 0
        merged = git(project, "merge", "-q", "reviewer", "-m", "merge")
        assert merged.returncode == 0, merged.stdout + merged.stderr
    else:
        gnu("msgcat", "--use-first", "-o", str(path), str(path), str(theirs))
    msgfmt_check(path)

    result = project.run("extract")
    msgfmt_check(path)
    po = entries(project)
    live = po.find(NEWER)
    assert live.msgstr == SIGNED and live.fuzzy and live.previous_msgid == NEW
    assert Notes.of(live).reviewed == fingerprint(SIGNED)
    assert not [e for e in po if e.obsolete]  # the text of OLD was extract's copy, which the reviewer replaced
    assert "no sentence of" not in result.output
    assert f"'{SIGNED}', the newer one, is now the changed sentence's" in result.output

    # the author puts back the German the reviewer signed off: reviewed again
    project.write("source_de/zecken.md", article("Zecken", BODY.replace(OLD, NEW)))
    project.run("extract")
    back = entries(project).find(NEW)
    assert back.msgstr == SIGNED and not back.fuzzy


def test_a_bulk_sign_off_whose_german_the_author_put_back_is_said_to_be_reviewed_again_only(project: Project):
    """A stale entry signed off as GNU's manual says (fuzzy and ``#|`` deleted, verlag's ``previous msgid`` line left
    under the unchanged translation): a bulk sign-off to verlag. The author then puts the German back as it was:
    extract makes the entry reviewed again and says only that, not also that it went back to review, fuzzy."""
    path = reviewed_project(project)
    author_changes_the_sentence(project)
    text = path.read_text(encoding="utf-8")
    old = f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\n'
    assert text.count(old) == 1 and f'# previous msgid, reviewed {fingerprint("Spring brings the ticks back.")}' in text
    path.write_text(text.replace(old, "#, markdown-text\n"), encoding="utf-8")
    project.write("source_de/zecken.md", article("Zecken", BODY))

    result = project.run("extract")
    msgfmt_check(path)
    back = entries(project).find(OLD)
    assert back.msgstr == "Spring brings the ticks back." and not back.fuzzy and back.previous_msgid is None
    assert "reviewed again" in result.output
    assert "Back to review" not in result.output and "bulk sign-off" not in result.output, result.output


def test_check_and_status_say_extract_makes_a_bulk_sign_off_of_german_put_back_reviewed_again(project: Project):
    """The GNU manual's sign-off of a stale entry (fuzzy and ``#|`` deleted, verlag's ``previous msgid`` line left
    under the unchanged translation), then the author puts the German back as it was, no extract yet: ``check`` and
    ``status`` say what extract will do, reviewed again, not that it makes the entry fuzzy again; extract does."""
    path = reviewed_project(project)
    author_changes_the_sentence(project)
    text = path.read_text(encoding="utf-8")
    old = f'#, fuzzy, markdown-text\n#| msgid "{OLD}"\n'
    assert text.count(old) == 1
    path.write_text(text.replace(old, "#, markdown-text\n"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(f'msgid "{NEW}"') + 1
    said = [line for line in project.run("check").output.splitlines() if "stale-sign-off" in line]
    assert len(said) == 1 and "verlag extract makes it fuzzy again" in said[0], said  # the German still changed

    project.write("source_de/zecken.md", article("Zecken", BODY))
    for command in ("check", "status"):
        output = project.run(command).output
        said = [one for one in output.splitlines() if f"{PO}:{line}: " in one and "bulk sign-off" in one]
        assert len(said) == 1, output
        assert ("The German is back at the text it was translated for: verlag extract makes it reviewed again, as "
                "it was; nothing for you to do") in said[0], said
        assert "fuzzy again" not in said[0] and "stays out of date" not in said[0]
    project.run("extract")
    msgfmt_check(path)
    back = entries(project).find(OLD)
    assert back.msgstr == "Spring brings the ticks back." and not back.fuzzy and back.previous_msgid is None


TABLE = "| Gruppe | Dosis |\n|---|---|\n| Senioren | 1.000 I.E. |\n\nEin Satz hier.\n"


def test_a_msgid_replaced_by_its_translation_gets_its_german_back_the_translation_fuzzy(project):
    """Trial 29: a reviewer types the translation over a table cell's msgid as well as into its msgstr. Extract
    said "new: Senioren" and "the text changed … set updated" though the author touched nothing, made the
    translation obsolete under the typed msgid and left the real entry empty. The entry's #: and #. lines still
    name that cell: its German comes back with the reviewer's text as its translation, fuzzy (paired by place,
    not by text), a warning naming the catalog line, and no word of new German."""
    project.write("source_de/tab.md", article("Tabelle", TABLE))
    project.run("extract")
    path = project.root / "translations/en/tab.po"
    text = path.read_text(encoding="utf-8").replace('msgid "Senioren"\nmsgstr ""',
                                                    'msgid "Older adults"\nmsgstr "Older adults"')
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index('msgid "Older adults"') + 1

    result = project.run("extract")
    assert result.exit_code == 0, result.output
    assert (f"warning: translations/en/tab.po:{line}: msgid replaced in the catalog, not in source_de/tab.md: "
            "'Older adults' set back to the German 'Senioren'") in result.output, result.output
    assert "new: " not in result.output and "the text changed" not in result.output, result.output
    assert "is no sentence of" not in result.output, result.output
    po = polib.pofile(str(path))
    cell = po.find("Senioren")
    assert (cell.msgstr, cell.fuzzy, cell.previous_msgid) == ("Older adults", True, None)
    assert po.find("Older adults", include_obsolete_entries=True) is None
    msgfmt_check(path)


def test_check_names_a_msgid_replaced_by_its_translation_as_extract_will_set_it_back(project):
    """Trial 30: before that extract, check said "[unchanged] translation is identical to the German text" of the
    typed text (no German) and guessed a catalog "saved from before the German changed (an editor's older
    buffer…)", though X-Verlag-Template names the template. It finds the entry by extract's rule (the sentence its
    #: and #. lines name) and says what extract will do; no German copy is named."""
    project.write("source_de/tab.md", article("Tabelle", TABLE))
    project.run("extract")
    path = project.root / "translations/en/tab.po"
    typed = "Older adults and seniors"
    path.write_text(path.read_text(encoding="utf-8").replace('msgid "Senioren"\nmsgstr ""',
                                                             f'msgid "{typed}"\nmsgstr "{typed}"'), encoding="utf-8")

    output = project.run("check").output
    assert "[unchanged]" not in output, output
    said = [line for line in output.splitlines() if "[catalog-outdated]" in line]
    assert len(said) == 1, output
    assert (f"1 entry has a msgid that is not the German its #: and #. lines name (first: {typed!r} where the "
            "German is 'Senioren'), so the page shows it in German; was a translation typed over the msgid as well "
            "as into msgstr? verlag extract sets the msgid back to the German, the text kept as its translation, "
            "fuzzy for you to check;") in said[0], said
    assert "older buffer" not in said[0] and "German it no longer has" not in said[0], said

    assert "msgid replaced in the catalog" in project.run("extract").output
    assert "[catalog-outdated]" not in project.run("check").output


def test_a_sentence_missing_from_the_catalog_is_not_reported_as_new_german(project):
    """A catalog that lost an untranslated entry (a reviewer deleted it) gets it back from the template, but the
    author changed nothing: extract says no "new:" sentence and no "the text changed … set updated"."""
    project.write("source_de/tab.md", article("Tabelle", TABLE))
    project.run("extract")
    path = project.root / "translations/en/tab.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("#. paragraph, block 2")], encoding="utf-8")

    result = project.run("extract")
    assert result.exit_code == 0, result.output
    assert "new: " not in result.output and "the text changed" not in result.output, result.output
    assert polib.pofile(str(path)).find("Ein Satz hier.") is not None

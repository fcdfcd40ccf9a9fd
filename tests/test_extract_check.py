"""``verlag extract --check``, the CI gate: a reviewer's committed sign-offs pass, German the catalogs are not up
to date with fails, naming each file and why, and nothing in the project is written. Real git repositories,
catalogs checked with ``msgfmt --check``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import polib

from conftest import Project, article, copy_shipped_project, msgfmt_check, review, sign_off_all

BODY = ("Ein warmer Tee hilft vielen Menschen beim Einschlafen. Melisse schmeckt mild und frisch.\n\n"
        "Kamille ist ein bekanntes Hausmittel gegen Unruhe.\n")
CATALOGS = ("translations/en/tee.po", "translations/fr/tee.po")


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    assert shutil.which("git"), "git is required"
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


def commit(project: Project, message: str) -> None:
    for args in (("add", "-A"), ("commit", "-q", "-m", message)):
        assert git(*args, cwd=project.root).returncode == 0


def drafted_repository(project: Project) -> None:
    """One article, extracted and drafted by the pseudo engine, committed (``.verlag/`` ignored, as init's)."""
    project.write(".gitignore", ".verlag/\n")
    project.write("source_de/tee.md", article("Tee am Abend", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    assert git("init", "-q", cwd=project.root).returncode == 0
    commit(project, "drafts")


def reviewed_repository(project: Project) -> None:
    """``drafted_repository``, then a reviewer's commit: one draft signed off as it was, one rewritten and signed
    off, in a text editor (the fuzzy flag deleted)."""
    drafted_repository(project)
    drafts = polib.pofile(str(project.root / CATALOGS[0]))
    review(project, "en", "tee", {"Ein warmer Tee hilft vielen Menschen beim Einschlafen.": drafts.find(
        "Ein warmer Tee hilft vielen Menschen beim Einschlafen.").msgstr,
        "Melisse schmeckt mild und frisch.": "Lemon balm tastes mild and fresh."})
    msgfmt_check(project.root / CATALOGS[0])
    commit(project, "review")


def state(project: Project) -> dict[str, bytes]:
    """Every file of the project but git's, .verlag/ too, with its bytes."""
    return {p.relative_to(project.root).as_posix(): p.read_bytes() for p in sorted(project.root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(project.root).parts}


def test_a_reviewers_sign_offs_pass_the_gate_that_extract_and_git_diff_fail(project: Project, tmp_path: Path):
    """Signed-off drafts, one as it was and one rewritten, committed: extract would only record the sign-offs in
    its comments, so ``extract --check`` exits 0 and writes nothing, also in a fresh clone without .verlag/;
    ``extract`` itself still records them (and so fails ``git diff --exit-code``, the gate README showed)."""
    reviewed_repository(project)
    before = state(project)

    result = project.run("extract", "--check")
    assert result.output == ("extract --check: translations/ up to date with the German (1 catalog with sign-offs "
                             "the next verlag extract records in its comments: no change of the German)\n")
    assert state(project) == before  # nothing written, not even the lock or a record in .verlag/

    clone = tmp_path / "clone"
    assert git("clone", "-q", str(project.root), str(clone), cwd=tmp_path).returncode == 0
    assert not (clone / ".verlag").exists()
    Project(clone).run("extract", "--check")

    project.run("extract")
    assert git("diff", "--exit-code", "translations/", cwd=project.root).returncode == 1
    po = polib.pofile(str(project.root / CATALOGS[0]))
    assert po.find("Ein warmer Tee hilft vielen Menschen beim Einschlafen.").tcomment.endswith(", signed off")
    assert po.find("Melisse schmeckt mild und frisch.").tcomment == "rewritten by hand from mt: pseudo"
    msgfmt_check(project.root / CATALOGS[0])
    project.run("extract", "--check")


def test_german_the_catalogs_are_not_up_to_date_with_fails_the_gate_naming_each_file_and_why(project: Project):
    """The author changes one sentence, adds one and deletes one, and commits without extract: exit 1, each
    template and catalog named with its new, changed and removed entries, nothing written. After extract and a
    commit, the gate passes."""
    reviewed_repository(project)
    project.write("source_de/tee.md", article("Tee am Abend", BODY.replace("mild und frisch", "sehr mild und frisch")
                                              .replace("Kamille ist ein bekanntes Hausmittel gegen Unruhe.",
                                                       "Pfefferminze weckt am Morgen auf.")))
    commit(project, "German")
    before = state(project)

    result = project.run("extract", "--check", code=1)
    assert result.output.splitlines() == [
        # the German sentences, as extract lists them
        "source_de/tee.md: removed: Kamille ist ein bekanntes Hausmittel gegen Unruhe.",
        "source_de/tee.md:5: changed: Melisse schmeckt sehr mild und frisch.",
        "source_de/tee.md:7: new: Pfefferminze weckt am Morgen auf.",
        "translations/en/tee.po: out of date with the German: 1 new, 1 changed, 1 no longer in the German "
        "(obsolete)",
        # the French pseudo drafts nobody touched go obsolete: the changed sentence waits empty for pretranslate
        "translations/fr/tee.po: out of date with the German: 2 new, 2 no longer in the German (obsolete)",
        "translations/templates/tee.pot: out of date with the German: 2 new, 2 removed",
        "extract --check: 3 files out of date with the German; run verlag extract and commit translations/"]
    assert state(project) == before

    project.run("extract")
    for path in CATALOGS:
        msgfmt_check(project.root / path)
    changed = polib.pofile(str(project.root / CATALOGS[0])).find("Melisse schmeckt sehr mild und frisch.")
    assert changed.fuzzy and changed.previous_msgid == "Melisse schmeckt mild und frisch."
    commit(project, "extract")
    project.run("extract", "--check")


def test_a_changed_sentence_signed_off_in_poedit_passes_the_gate(project: Project):
    """The author changes a reviewed sentence and extracts (fuzzy, the old German as ``#| msgid`` and verlag's
    ``previous msgid, reviewed …`` line); the reviewer signs it off in Poedit, which drops the flag and the ``#|``
    lines, keeps translator comments and writes its own X-Generator. extract would drop the record and write its
    header: bookkeeping, exit 0."""
    reviewed_repository(project)
    project.write("source_de/tee.md", article("Tee am Abend", BODY.replace("mild und frisch", "sehr mild und frisch")))
    project.run("extract")
    commit(project, "German")
    path = project.root / CATALOGS[0]
    po = polib.pofile(str(path))
    entry = po.find("Melisse schmeckt sehr mild und frisch.")
    assert entry.fuzzy and entry.previous_msgid == "Melisse schmeckt mild und frisch."
    assert 'previous msgid, reviewed' in entry.tcomment
    entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    entry.msgstr = "Lemon balm tastes very mild and fresh."
    po.metadata["X-Generator"] = "Poedit 3.4.2"
    po.save(str(path))
    msgfmt_check(path)
    commit(project, "review in Poedit")

    assert project.run("extract", "--check").output.startswith("extract --check: translations/ up to date with the "
                                                               "German (1 catalog with sign-offs")
    project.run("extract")
    assert "previous msgid" not in polib.pofile(str(path)).find("Melisse schmeckt sehr mild und frisch.").tcomment
    assert git("diff", "--quiet", "translations/", cwd=project.root).returncode == 1


def test_a_sign_off_in_bulk_that_extract_reopens_fails_the_gate_with_extracts_warning(project: Project):
    """``msgattrib --clear-fuzzy`` on a catalog with a changed sentence signs it off with its ``#| msgid`` still
    there: extract makes it fuzzy again, which is more than its records, so the gate says so, and warns of the
    entry at its line as extract then does, saying what extract will do where extract says what it did."""
    reviewed_repository(project)
    project.write("source_de/tee.md", article("Tee am Abend", BODY.replace("mild und frisch", "sehr mild und frisch")))
    project.run("extract")
    path = project.root / CATALOGS[0]
    assert shutil.which("msgattrib"), "GNU gettext (msgattrib) is required"
    subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(path), str(path)], check=True, capture_output=True)
    msgfmt_check(path)
    commit(project, "bulk sign-off")

    result = project.run("extract", "--check", code=1)
    assert "translations/en/tee.po: out of date with the German: 1 back to review (fuzzy)\n" in result.output
    said = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    line = path.read_text(encoding="utf-8").splitlines().index('msgid "Melisse schmeckt sehr mild und frisch."') + 1
    assert len(said) == 1 and said[0].startswith(f"warning: {CATALOGS[0]}:{line}: 'Melisse schmeckt sehr mild und "
                                                 "frisch.' was signed off with the German it was translated for")
    warned = [line for line in project.run("extract").output.splitlines() if line.startswith("warning: ")]
    assert "Back to review" not in said[0] and "verlag extract puts it back to review, fuzzy, as it was: " in said[0]
    assert warned == [said[0].replace("verlag extract puts it back to review", "Back to review")]
    assert polib.pofile(str(path)).find("Melisse schmeckt sehr mild und frisch.").fuzzy
    msgfmt_check(path)


def test_a_damaged_catalog_is_named_with_its_line_exit_2_and_the_others_are_still_checked(project: Project):
    """A catalog with git's conflict markers: its file and line, exit 2, no traceback; the other article's
    changed German is still listed, and nothing is written."""
    reviewed_repository(project)
    project.write("source_de/zweiter.md", article("Zweiter", "Ein Satz.\n"))
    project.run("extract")
    commit(project, "second")
    path = project.root / CATALOGS[0]
    text = path.read_text(encoding="utf-8")
    broken = text.replace('msgstr "Lemon balm tastes mild and fresh."',
                          '<<<<<<< HEAD\nmsgstr "Lemon balm tastes mild and fresh."\n=======\nmsgstr "Balm."\n'
                          '>>>>>>> review')
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    project.write("source_de/zweiter.md", article("Zweiter", "Ein anderer Satz.\n"))
    before = state(project)

    result = project.run("extract", "--check", code=2)
    line = broken.splitlines().index("<<<<<<< HEAD") + 1
    assert f"error: {CATALOGS[0]}:{line}: " in result.output
    assert "Traceback" not in result.output
    assert "translations/fr/zweiter.po: out of date with the German: 1 new, 1 no longer in the German" \
        in result.output
    assert CATALOGS[0] + ": out of date" not in result.output
    assert "extract --check: 1 file with problems left out" in result.output
    assert state(project) == before


def test_the_shipped_catalogs_pass_the_gate_also_once_their_french_drafts_are_signed_off(tmp_path: Path):
    """The repository's own project is committed up to date with its German; signing off every French draft in
    bulk (no changed sentence among them) leaves it so."""
    project = copy_shipped_project(tmp_path / "shipped")
    assert project.run("extract", "--check").output.startswith("extract --check: translations/ up to date")
    sign_off_all(project, "fr")
    for path in sorted((project.root / "translations/fr").glob("*.po")):
        msgfmt_check(path)
    result = project.run("extract", "--check")
    assert result.output.endswith("catalogs with sign-offs the next verlag extract records in its comments: no "
                                  "change of the German)\n"), result.output


def test_german_files_named_like_verlags_caches_are_checked_as_any_other(project: Project):
    """A file in source_de/ named as a lock or a SQLite cache in .verlag/ (which the copy leaves out there) and
    its English variant: recorded by extract in variants.sha256, and the gate passes."""
    drafted_repository(project)
    for name in ("daten.sqlite", "daten.en.sqlite"):
        (project.root / "source_de" / name).write_bytes(name.encode("ascii"))
    project.run("extract")
    assert "daten.en.sqlite" in project.read("translations/en/variants.sha256")
    commit(project, "a file and its variant")
    project.run("extract", "--check")


def test_the_gate_says_what_extract_will_do_with_entries_a_tool_changed_where_extract_says_what_it_did(
        project: Project):
    """A msgid edited in the catalog, a msgctxt a tool added and plural forms a tool gave a sentence: extract sets
    each back and says so in the past tense; extract --check, which changes nothing, said the same words ("set back",
    "removed", "kept as the msgstr", "the other forms dropped"). It says what extract will do, and extract still
    says, word for word but the tense, what it did."""
    reviewed_repository(project)
    path = project.root / CATALOGS[0]
    text = path.read_text(encoding="utf-8")
    edited = (text.replace('msgid "Melisse schmeckt mild und frisch."', 'msgid "Melisse schmeckt mild."')
              .replace('\nmsgid "Kamille ist', '\nmsgctxt "tool"\nmsgid "Kamille ist'))
    assert edited.count("\n") == text.count("\n") + 1
    path.write_text(edited, encoding="utf-8")
    fr = project.root / CATALOGS[1]
    fr.write_text(re.sub(r'(msgid "Kamille ist ein bekanntes Hausmittel gegen Unruhe."\n)msgstr (".*")\n',
                         r'\1msgid_plural "Kamillen."\nmsgstr[0] \2\nmsgstr[1] "Pas."\n',
                         fr.read_text(encoding="utf-8")), encoding="utf-8")
    assert "msgid_plural" in fr.read_text(encoding="utf-8")
    msgfmt_check(path)
    msgfmt_check(fr)
    commit(project, "a tool's edits")

    will = [line for line in project.run("extract", "--check", code=1).output.splitlines()
            if line.startswith("warning: ")]
    said = [line for line in project.run("extract").output.splitlines() if line.startswith("warning: ")]
    assert len(will) == len(said) == 3
    tense = {" will be set back by verlag extract to the German ": " set back to the German ",
             ": verlag extract removes it, its translation": ": removed, its translation",
             "uses: verlag extract keeps its first form ": "uses: its first form ",
             "' as the msgstr": "' kept as the msgstr",
             "; the other forms will be dropped: ": "; the other forms dropped: "}
    for future, past in tense.items():
        assert any(future in line for line in will) and not any(past in line for line in will), future
    done = []
    for line in will:
        for future, past in tense.items():
            line = line.replace(future, past)
        done.append(line)
    assert done == said
    msgfmt_check(path)
    msgfmt_check(fr)


def test_the_gate_says_what_extract_will_do_with_a_site_po_plural_left_half_translated(project: Project):
    """A site.po plural message with a form left empty: extract marks it fuzzy and says "marked fuzzy"; extract
    --check, which changes nothing, said "marked fuzzy" too. It says extract will; extract says it did."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["fr"]\n')
    project.write("source_de/tee.md", article("Tee", "Ingwer wärmt von innen.\n"))
    project.run("extract")
    path = project.root / "translations/fr/site.po"
    text = path.read_text(encoding="utf-8")
    form = 'msgstr[1] "%(count)s articles"'
    assert text.count(form) == 1
    path.write_text(text.replace(form, 'msgstr[1] ""'), encoding="utf-8")
    will = [line for line in project.run("extract", "--check", code=1).output.splitlines()
            if line.startswith("warning: ")]
    assert len(will) == 1 and "translations/fr/site.po: '%(count)s article': msgstr[1] not translated" in will[0]
    assert "): verlag extract marks it fuzzy, as GNU msgfmt --check refuses " in will[0]
    assert "): marked fuzzy" not in will[0]
    said = [line for line in project.run("extract").output.splitlines() if line.startswith("warning: ")]
    assert said == [will[0].replace("): verlag extract marks it fuzzy, as GNU msgfmt --check refuses ",
                                    "): marked fuzzy, as GNU msgfmt --check refuses ")]
    assert polib.pofile(str(path)).find("%(count)s article").fuzzy
    msgfmt_check(path)



def test_a_reviewers_translation_of_the_old_german_that_extract_takes_into_the_changed_sentence_is_said_so(
        project: Project):
    """A reviewer's retranslation of a sentence, made on a copy from before the author changed it, is joined into
    the catalog with ``msgcat`` and committed: extract takes it into the changed sentence (fuzzy), so the gate says
    that, not that it goes obsolete ("no longer in the German") nor that obsolete entries differ; after extract
    the gate passes."""
    reviewed_repository(project)
    path = project.root / CATALOGS[0]
    theirs = project.root / "theirs.po"
    theirs.write_text(path.read_text(encoding="utf-8").replace('msgstr "Lemon balm tastes mild and fresh."',
                                                               'msgstr "Lemon balm tastes gentle and fresh."'),
                      encoding="utf-8")
    project.write("source_de/tee.md", article("Tee am Abend", BODY.replace("mild und frisch", "sehr mild und frisch")))
    project.run("extract")
    assert shutil.which("msgcat"), "GNU gettext (msgcat) is required"
    subprocess.run(["msgcat", "-o", str(path), str(path), str(theirs)], check=True, capture_output=True)
    theirs.unlink()
    msgfmt_check(path)
    commit(project, "joined")
    before = state(project)

    result = project.run("extract", "--check", code=1)
    assert (f"{CATALOGS[0]}: out of date with the German: 1 translation of the old German taken into its changed "
            "sentence (fuzzy)\n") in result.output, result.output
    assert "obsolete" not in result.output.split(f"{CATALOGS[0]}: out of date")[1]
    assert state(project) == before
    assert "the newer one, is now the changed sentence's" in project.run("extract").output
    live = polib.pofile(str(path)).find("Melisse schmeckt sehr mild und frisch.")
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == ("Lemon balm tastes gentle and fresh.", True,
                                                              "Melisse schmeckt mild und frisch.")
    assert not polib.pofile(str(path)).obsolete_entries()
    msgfmt_check(path)
    commit(project, "extract")
    project.run("extract", "--check")


def test_a_catalog_in_cp1252_is_said_to_be_written_in_utf8_not_out_of_date_with_the_german(project: Project):
    """A reviewer's tool saved the catalog in CP1252, its header saying so (``msgconv --to-code=CP1252``), the German
    unchanged: extract --check says extract writes it in UTF-8, not that it is out of date with the German; after
    extract (which says the same in its note) the gate passes."""
    reviewed_repository(project)
    review(project, "en", "tee", {"Kamille ist ein bekanntes Hausmittel gegen Unruhe.":
                                  "Chamomile — a well-known home remedy for restlessness."})
    project.run("extract")
    commit(project, "reviewed")
    path = project.root / CATALOGS[0]
    assert shutil.which("msgconv"), "GNU gettext (msgconv) is required"
    subprocess.run(["msgconv", "--to-code=CP1252", "-o", str(path), str(path)], check=True, capture_output=True)
    assert b"\x97" in path.read_bytes() and b"charset=CP1252" in path.read_bytes()
    msgfmt_check(path)
    commit(project, "CP1252")
    before = state(project)

    result = project.run("extract", "--check", code=1)
    assert result.output.splitlines()[-2:] == [
        f"{CATALOGS[0]}: extract writes it in UTF-8, its header's charset UTF-8 (it says CP1252): verlag writes "
        "every catalog in UTF-8, its translations kept",
        "extract --check: 1 file extract writes in UTF-8; run verlag extract and commit translations/"], result.output
    assert "out of date with the German" not in result.output
    assert state(project) == before
    assert "written back in UTF-8" in project.run("extract").output
    msgfmt_check(path)
    commit(project, "extract")
    project.run("extract", "--check")


def test_an_article_moved_into_seiten_without_extract_is_said_by_check_and_status(project: Project):
    """Fresh-user trial: the author turns an article into a page (``mv source_de/tee.md source_de/seiten/``) and
    forgets ``extract``. Its sentences are the same, so plain ``check`` and ``status`` said nothing, while the
    template and catalogs still named source_de/tee.md and ``extract --check`` failed in CI. Both say, at the German
    file, that the file moved and the catalogs are out of date, naming the file they name; after extract, nothing."""
    drafted_repository(project)
    assert "moved" not in project.run("check").output
    (project.root / "source_de/seiten").mkdir()
    (project.root / "source_de/tee.md").rename(project.root / "source_de/seiten/tee.md")
    project.run("extract", "--check", code=1)
    told = ("warning: source_de/seiten/tee.md:1: the file moved since the last verlag extract (its template and "
            "catalogs name source_de/tee.md; it is a page now): the catalogs are out of date; run verlag extract")
    checked = project.run("check").output
    # its own id: a waiver or --format json reader of a changed text is not one of a moved file
    assert told in checked and "[german-moved]" in checked and "[german-changed]" not in checked, checked
    status = project.run("status")
    assert "tee (moved since extract" in status.output, status.output
    assert told.replace(":1:", ":") in status.output, status.output
    rows = json.loads(project.run("status", "--format", "json").output)["articles"]
    assert {row["moved_from"] for row in rows} == {"source_de/tee.md"}
    project.run("extract")
    project.run("extract", "--check")
    assert "moved" not in project.run("check").output
    assert "moved" not in project.run("status").output
    # renamed in its folder, its slug kept: moved too, but no page now
    text = project.read("source_de/seiten/tee.md").replace("title:", "slug: tee\ntitle:", 1)
    (project.root / "source_de/seiten/tee.md").unlink()
    project.write("source_de/seiten/abendtee.md", text)
    project.run("extract")
    (project.root / "source_de/seiten/abendtee.md").rename(project.root / "source_de/seiten/gruen.md")
    assert ("warning: source_de/seiten/gruen.md:1: the file moved since the last verlag extract (its template and "
            "catalogs name source_de/seiten/abendtee.md): the catalogs are out of date") in project.run("check").output

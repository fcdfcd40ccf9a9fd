"""``check`` and ``status`` in a git work tree: sign-offs the last commit holds that a catalog put back lost
(``pipeline.committed``; fresh-user trial 19: a sign-off in a text editor, committed before any ``extract`` ran,
taken back by ``git show HEAD~1:… > …`` while every command stayed silent)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib

from conftest import Project, article, msgfmt_check, review

PO = "translations/en/zecken.po"
SIGNED = {("title", "Zecken"): "Ticks", "Endlich ist es warm.": "Warm at last.",
          "Sie warten im Gras.": "They wait in the grass.", "Die Zecken sind zurück.": "The ticks are back."}
LOST = re.compile(r"^warning: translations/en/zecken\.po:(\d+): (\d+) translations? signed off in the last "
                  r"commit \(HEAD\) (?:are|is) not signed off here \(an older copy put back\?\): `git diff HEAD -- "
                  r"translations/en/zecken\.po` shows (?:them|it); `git checkout HEAD -- translations/en/zecken\.po` "
                  r"brings (?:them|it) back( \[sign-off-lost\])?$", re.M)


def git(project: Project, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=project.root,
                          check=True, capture_output=True, text=True).stdout


def signed_off_and_committed(project: Project, init: bool = True) -> Path:
    """An article extracted and committed with its empty catalog, then signed off in a text editor (no extract
    since) and committed: the trial's project."""
    project.write("source_de/zecken.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im Gras. "
                                                 "Die Zecken sind zurück.\n"))
    project.run("extract")
    if init:
        project.write(".gitignore", ".verlag/\n")
        git(project, "init", "-q", "-b", "main")
        git(project, "add", "-A")
        git(project, "commit", "-qm", "article")
    path = review(project, "en", "zecken", SIGNED)
    if init:
        git(project, "commit", "-qam", "review: sign off")
    return path


def msgid_line_of(path: Path, msgid: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(f'msgid "{msgid}"') + 1


def test_an_older_copy_put_back_from_git_is_said_by_check_and_status_with_the_way_back(project: Project):
    path = signed_off_and_committed(project)
    path.write_text(git(project, "show", f"HEAD~1:{PO}"), encoding="utf-8")
    project.run("extract")  # says nothing of it: verlag's own record never saw the sign-offs
    msgfmt_check(path)
    said = LOST.findall(project.run("check").output)
    assert said == [(str(msgid_line_of(path, "Zecken")), "4", " [sign-off-lost]")]
    assert [m[:2] for m in LOST.findall(project.run("status").output)] == [said[0][:2]]
    git(project, "checkout", "HEAD", "--", PO)  # the way back the warning names
    assert "[sign-off-lost]" not in project.run("check").output
    assert polib.pofile(str(path)).percent_translated() == 100


def test_an_older_header_or_a_stale_entry_under_the_same_german_shows_a_copy(project: Project):
    path = signed_off_and_committed(project)
    text = path.read_text(encoding="utf-8")
    older = re.sub(r'"PO-Revision-Date: [^"]*"', '"PO-Revision-Date: 2020-01-01 10:00+0000\\\\n"', text)
    path.write_text(older.replace('msgstr "Warm at last."', 'msgstr ""'), encoding="utf-8")
    msgfmt_check(path)
    assert [m[1] for m in LOST.findall(project.run("check").output)] == ["1"]
    stale = text.replace('msgid "Sie warten im Gras."\nmsgstr "They wait in the grass."',
                         '#, fuzzy\n#| msgid "Sie warten auf der Wiese."\nmsgid "Sie warten im Gras."\n'
                         'msgstr "They wait on the meadow."')
    path.write_text(stale.replace('msgstr "Ticks"', 'msgstr ""'), encoding="utf-8")
    msgfmt_check(path)
    found = LOST.findall(project.run("check").output)
    assert [m[:2] for m in found] == [(str(msgid_line_of(path, "Zecken")), "2")]


def test_a_reviewer_taking_sign_offs_back_on_purpose_is_not_warned(project: Project):
    path = signed_off_and_committed(project)
    text = path.read_text(encoding="utf-8").replace('msgstr "Warm at last."', 'msgstr ""')
    path.write_text(text.replace('msgid "Sie warten im Gras."', '#, fuzzy\nmsgid "Sie warten im Gras."'),
                    encoding="utf-8")
    msgfmt_check(path)
    assert "sign-off-lost" not in project.run("check").output
    assert "signed off in the last commit" not in project.run("status").output


def test_a_project_without_git_or_without_the_git_binary_says_nothing_new(project: Project, tmp_path: Path,
                                                                         monkeypatch):
    path = signed_off_and_committed(project)
    path.write_text(git(project, "show", f"HEAD~1:{PO}"), encoding="utf-8")
    assert LOST.search(project.run("check").output)
    with monkeypatch.context() as no_git:  # git is not installed: as before, silently
        no_git.setenv("PATH", str(tmp_path / "no-such-bin"))
        assert "[sign-off-lost]" not in project.run("check").output
        assert "signed off in the last commit" not in project.run("status").output
    plain = Project(tmp_path / "plain")  # no git work tree: the same steps, a copy of the file kept by hand
    plain.write("verlag.toml", project.read("verlag.toml"))
    plain.write("source_de/zecken.md", project.read("source_de/zecken.md"))
    plain.run("extract")
    before = (plain.root / PO).read_bytes()
    review(plain, "en", "zecken", SIGNED)
    (plain.root / PO).write_bytes(before)
    check, status = plain.run("check").output, plain.run("status").output
    assert "[sign-off-lost]" not in check and "HEAD" not in check + status


def test_the_authors_change_extracted_after_the_commit_is_no_lost_sign_off(project: Project):
    path = signed_off_and_committed(project)
    project.write("source_de/zecken.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im hohen Gras. "
                                                 "Die Zecken sind zurück.\n"))
    project.run("extract")  # another template, the changed sentence stale under its new German
    assert "#| msgid" in path.read_text(encoding="utf-8")
    msgfmt_check(path)
    assert "[sign-off-lost]" not in project.run("check").output


def test_each_changed_catalog_is_compared_with_its_own_committed_version(project: Project):
    path = signed_off_and_committed(project)
    french = review(project, "fr", "zecken", SIGNED)  # the same sign-offs in French, committed too
    git(project, "commit", "-qam", "review: French")
    french.write_text(git(project, "show", "HEAD~2:translations/fr/zecken.po"), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + '\n#, fuzzy\nmsgid "Neu."\nmsgstr "New."\n',
                    encoding="utf-8")  # changed too, its sign-offs kept
    msgfmt_check(french)
    msgfmt_check(path)
    said = [line for line in project.run("check").output.splitlines() if "[sign-off-lost]" in line]
    assert len(said) == 1 and said[0].startswith("warning: translations/fr/zecken.po:")
    assert " 4 translations signed off in the last commit (HEAD) " in said[0]


def test_a_sentence_the_author_removed_and_extracted_is_no_lost_sign_off_but_a_copy_from_then_put_back_is(
        project: Project):
    """Trial 32: a catalog put back from a commit while a signed-off sentence was deleted holds it as ``#~`` alone,
    and the next extract revives that text over the sign-off the German has since; ``check`` said nothing. Such an
    obsolete entry counts as a lost sign-off while the template has its German; the author's own removal,
    extracted (the template without it), is none."""
    path = signed_off_and_committed(project)
    project.run("extract")
    project.write("source_de/zecken.md", article("Zecken", "Endlich ist es warm.\n\nDie Zecken sind zurück.\n"))
    project.run("extract")
    assert '#~ msgid "Sie warten im Gras."' in path.read_text(encoding="utf-8")
    assert "[sign-off-lost]" not in project.run("check").output
    git(project, "commit", "-qam", "author: sentence removed")
    project.write("source_de/zecken.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im Gras. "
                                                 "Die Zecken sind zurück.\n"))
    project.run("extract")
    review(project, "en", "zecken", {"Sie warten im Gras.": "They lie in wait in the grass."})
    project.run("extract")
    git(project, "commit", "-qam", "author: put back; review")
    path.write_text(git(project, "show", f"HEAD~1:{PO}"), encoding="utf-8")
    msgfmt_check(path)
    (found,) = LOST.findall(project.run("check").output)
    assert found[:2] == (str(path.read_text(encoding="utf-8").split("\n").index('#~ msgid "Sie warten im Gras."')
                             + 1), "1")

"""The commands as the author and reviewer use them."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import tomllib

import click
import lxml.html
import polib
import pytest

from cli import main
from pipeline.catalog import fingerprint
from pipeline.scaffold import slugify

from mtserver import FakeService

from conftest import (REPO, WALL, Project, article, copy_shipped_project, fill_in_legal_pages, give_base_url,
                      interruptible, msgfmt_check, review, sign_off_all)

LEBER = article("Leber", "Die Leber arbeitet nachts. Sie braucht Ruhe.\n\n## Tipps\n\n- Tee trinken\n",
                summary="Über die Leber.", tags="[Leber]")
REVIEW = "back to review (fuzzy, the old German shown as previous msgid)"  # extract's words per language


def test_every_command_and_option_has_help_text():
    for name, command in main.commands.items():
        assert command.help, f"verlag {name} has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"verlag {name} {param.opts[0]} has no help text"


REPORTING = ("extract", "pretranslate", "check", "status", "build", "publish", "review")  # what a script runs


def test_q_means_the_same_for_every_command_that_reports_its_work(project):
    """``-q``/``--quiet`` is taken by every command that reports what it did or found (a script passes it to all):
    it leaves out the lines per file, article or text and keeps the summary, counts, warnings and errors.
    ``status -q`` prints each language's total, not each article's row; ``publish -q`` extracts as ``extract -q``;
    ``pretranslate --dry-run -q`` says what it would send, not each text (``test_llm``); ``check -q`` and
    ``review -q`` have nothing of the kind to leave out (every finding counts) and print what they print without it."""
    for name in REPORTING:
        options = {opt for param in main.commands[name].params for opt in getattr(param, "opts", ())}
        assert {"-q", "--quiet"} <= options, f"verlag {name} does not take -q"
    project.write("source_de/leber.md", LEBER)
    project.write("source_de/linde.md", article("Linde", "Die Linde blüht im Juni.\n"))
    project.run("extract", "-q")
    table = project.run("status", "--lang", "en", "-q").output
    assert "en    = total" in table and "leber" not in table and "linde" not in table
    json_out = project.run("status", "--format", "json", "-q").output  # JSON is for scripts: all of it
    assert json_out == project.run("status", "--format", "json").output
    assert project.run("check", "-q", code=0).output == project.run("check").output
    project.run("review")
    assert project.run("review", "-q").output == project.run("review").output
    project.write("source_de/linde.md", article("Linde", "Die Linde blüht im Juli.\n"))
    give_base_url(project.root)
    published = project.run("publish", "-q").output
    assert "new: Die Linde" not in published and "updated translations/en/linde.po" not in published
    assert ("en: 0 changed sentences back to review (fuzzy, the old German shown as previous msgid), 1 changed "
            "sentence still to translate (nothing was translated to keep), 0 new") in published
    assert "build: " in published


def test_q_is_taken_by_init_new_import_serve_and_tm_too_with_the_same_meaning(tmp_path):
    """A script passes -q to every command: ``init``, ``new``, ``import``, ``serve`` and ``tm`` take it too. ``init -q``
    and ``import -q`` leave out the line per file created or article written (and a dry run's Markdown, the notes on
    what was converted, counted, and the German sentences a translation left unmatched), keeping the summary lines; ``new``, ``serve`` and ``tm`` print
    nothing of that kind, so they print the same."""
    commands = {name: command for name, command in main.commands.items() if name != "tm"}
    commands.update({f"tm {name}": command for name, command in main.commands["tm"].commands.items()})
    for name, command in commands.items():
        options = {opt for param in command.params for opt in getattr(param, "opts", ())}
        assert {"-q", "--quiet"} <= options, f"verlag {name} does not take -q"
    quiet, loud = Project(tmp_path / "quiet"), Project(tmp_path / "loud")
    said = quiet.run("init", "-q").output
    made = re.search(r"^init: (\d+) files created in ", said, re.M)
    assert made and not re.search("^created ", said, re.M) and "next: " in said, said
    assert len(re.findall("^created ", loud.run("init").output, re.M)) == int(made[1]) > 3
    assert quiet.run("new", "-q", "Ein Titel").output == loud.run("new", "Ein Titel").output
    pasted = tmp_path / "zecken.txt"
    pasted.write_text("Zecken im Garten\n\nSie warten im hohen Gras auf Wirte. Im Winter ruhen sie.\n",
                      encoding="utf-8")
    dry = quiet.run("import", "-q", "--dry-run", str(pasted)).output
    assert dry == ("import: 1 article would be written as a draft ('draft: true')\n"  # the summary alone, and that
                   # there are notes: an image without alt text, a shortcode left as text (trial14 missed them under -q)
                   "import: 3 notes on what was converted not listed (-q; without it they are, and 'verlag check' "
                   "names what needs fixing at its line)\n"), dry
    assert "Sie warten" in loud.run("import", "--dry-run", str(pasted)).output
    written = quiet.run("import", "-q", str(pasted)).output
    assert "wrote " not in written and "import: 1 article written as a draft" in written, written
    assert "wrote source_de/zecken-im-garten.md" in loud.run("import", str(pasted)).output
    for project in (quiet, loud):
        adopted = project.root / "source_de/zecken-im-garten.md"
        adopted.write_text(adopted.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
        project.run("extract", "-q")
    translation = tmp_path / "ticks.md"
    translation.write_text("# Ticks in the garden\n\nThey wait in tall grass for hosts.\n", encoding="utf-8")
    aligned = quiet.run("import", "-q", "--force", "--lang", "en", "--translation-of", "zecken-im-garten",
                        str(translation)).output
    assert "unmatched German" not in aligned and "1 German and 0 en sentences unmatched" in aligned, aligned
    assert "unmatched German: " in loud.run("import", "--force", "--lang", "en", "--translation-of",
                                            "zecken-im-garten", str(translation)).output
    assert (quiet.run("tm", "export", "-q", str(tmp_path / "q.tmx")).output.replace("q.tmx", "")
            == loud.run("tm", "export", str(tmp_path / "l.tmx")).output.replace("l.tmx", ""))
    assert quiet.run("tm", "import", "-q", str(tmp_path / "q.tmx")).output.startswith("tm import: ")


def test_init_scaffolds_a_project_that_works_end_to_end(tmp_path):
    p = Project(tmp_path / "blog")
    p.run("init")
    assert (p.root / "verlag.toml").exists() and list((p.root / "source_de").glob("*.md"))
    fill_in_legal_pages(p.root)
    p.run("extract")
    p.run("pretranslate", "--engine", "copy")
    p.run("build")
    assert list((p.root / "editions" / "en").glob("*.md"))


def test_init_inside_a_project_says_it_makes_a_project_of_its_own(tmp_path):
    """Fresh-user trial: ``verlag init`` run in a folder of a project made a project nested in it without a word;
    verlag run there then worked on the new one."""
    outer = Project(tmp_path / "blog")
    assert "warning" not in outer.run("init").output
    inner = Project(tmp_path / "blog/entwurf")
    result = inner.run("init")
    assert (f"warning: {inner.root}/ is inside the project {outer.root.resolve()}/ (its verlag.toml): this is a new "
            "project of its own, and verlag run in it works on it, not on") in result.stderr
    assert (inner.root / "verlag.toml").is_file()


def test_init_refuses_a_directory_with_content(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = Project(tmp_path).run("init", code=2)
    assert "not empty" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("title, slug", [
    ("Müde? Öfter Übungen für Rücken & Füße", "muede-oefter-uebungen-fuer-ruecken-fuesse"),
    ("Straße im Süden – ÄRGER", "strasse-im-sueden-aerger"),
    ("Café crème", "cafe-creme"),
])
def test_slugs_transliterate_german(title, slug):
    assert slugify(title) == slug


def test_new_creates_unique_articles_with_front_matter(project):
    assert project.root.is_absolute()  # -C /abs/dir: the file is named inside the project, as every command does
    assert "created source_de/zecken-im-garten.md\n" in project.run("new", "Zecken im Garten").output
    project.run("new", "Zecken im Garten")
    text = project.read("source_de/zecken-im-garten-2.md")
    assert text.startswith("---\ntitle: Zecken im Garten\n")
    assert "date: " in text
    project.run("extract")


def test_new_makes_the_slug_of_the_words_a_reader_sees_of_a_title_with_markup(project):
    """``verlag new "<b>Tee</b> am Abend"`` named the file b-tee-b-am-abend.md (and the address so), of the raw
    title; the slug is made of the words a reader sees of it, as an imported title's is (``title_slug``). The title
    is kept as typed; a title of markup alone still gets a made-up name, said."""
    assert project.run("new", "<b>Tee</b> am Abend").output.startswith("created source_de/tee-am-abend.md\n")
    assert "\ntitle: <b>Tee</b> am Abend\n" in project.read("source_de/tee-am-abend.md")
    assert not (project.root / "source_de/b-tee-b-am-abend.md").exists()
    assert project.run("new", "Tee &amp; Zimt <script>alert(1)</script>").output.startswith(
        "created source_de/tee-zimt.md\n")
    assert project.run("new", "Tee am Abend").output.startswith(
        "created source_de/tee-am-abend-2.md (the slug 'tee-am-abend' is source_de/tee-am-abend.md's)\n")


def test_pretranslate_before_the_first_extract_says_only_what_to_run_first(project):
    """On a fresh project pretranslate printed "en: 0 entries still empty" before its "no catalog yet" errors: no
    catalog was read, so nothing was counted; only the errors are said now, each naming what to run."""
    project.write("source_de/leber.md", LEBER)
    result = project.run("pretranslate", "--engine", "copy", code=2)
    assert "still empty" not in result.output, result.output
    assert "error: translations/en/leber.po: no catalog yet; run 'verlag extract' first" in result.output
    project.run("extract")
    assert "en: 0 entries still empty" in project.run("pretranslate", "--engine", "copy").output


def test_new_takes_a_title_starting_with_a_dash_and_a_space_and_says_where_one_without_goes(project):
    """``verlag new "- Strich am Anfang"`` failed with click's "No such option '- '": no option holds a space, so
    it is the title now, before or after ``-q``; ``-Strich`` may be an option, and the error says to write
    ``--`` before it."""
    assert "created source_de/strich-am-anfang.md\n" in project.run("new", "- Strich am Anfang").output
    assert project.read("source_de/strich-am-anfang.md").startswith("---\ntitle: '- Strich am Anfang'\n")
    project.run("new", "- Zweiter Strich", "-q")
    assert (project.root / "source_de/zweiter-strich.md").is_file()
    refused = project.run("new", "-Strich", code=2)
    assert ('No such option \'-S\': a title starting with "-" goes after --: verlag new -- "-Strich am Anfang"'
            in refused.output), refused.output
    assert not (project.root / "source_de/strich.md").exists()
    project.run("new", "--", "-Strich")
    assert project.read("source_de/strich.md").startswith("---\ntitle: -Strich\n")


def test_new_and_import_run_inside_source_de_name_files_from_there_as_git_does(project, tmp_path_factory,
                                                                               monkeypatch):
    """Run inside source_de/ (the project found above, as git finds its repository), new said "created
    source_de/tee.md" and import "wrote source_de/kaffee.md (from ../alt/kaffee.md)": a path that does not exist
    from there, beside one that does. Each file is named from the folder verlag ran in, as git names paths; with
    -C, from that folder, as git -C does."""
    from click.testing import CliRunner

    project.write("source_de/seiten/impressum.md", article("Impressum", "Angaben.\n"))
    old = tmp_path_factory.mktemp("alt")
    (old / "kaffee.md").write_text(article("Kaffee", "Kaffee weckt.\n"), encoding="utf-8")

    def run(folder: str, *args: str) -> str:
        monkeypatch.chdir(project.root / folder)
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    assert run("source_de", "new", "Tee").startswith("created tee.md\n")
    assert (project.root / "source_de/tee.md").is_file()
    assert run("source_de/seiten", "new", "Tee").startswith("created ../tee-2.md (the slug 'tee' is ../tee.md's)\n")
    assert run("source_de/seiten", "new", "Impressum").startswith(
        "created ../impressum-2.md (the slug 'impressum' is impressum.md's)\n")
    assert run("source_de", "import", str(old / "kaffee.md")).startswith(f"wrote kaffee.md (from {old}/kaffee.md)\n")
    assert run("source_de", "import", str(old / "kaffee.md")).startswith(
        f"skipped {old}/kaffee.md: already imported as kaffee.md\n")
    assert run("source_de/seiten", "-C", "../..", "new", "Tee").startswith(
        "created source_de/tee-3.md (the slug 'tee' is source_de/tee.md's)\n")
    assert sorted(p.name for p in (project.root / "source_de").glob("*.md")) == \
        ["impressum-2.md", "kaffee.md", "tee-2.md", "tee-3.md", "tee.md"]


def test_new_says_a_file_name_is_made_up_when_the_title_has_no_letter_or_digit_and_never_overwrites_it(project):
    """``new "!!!"`` wrote source_de/artikel.md without a word: the author learnt of the name only from the
    listing. ``new`` says the name is made up and how to choose one; a second such title gets its own file."""
    made_up = "a made-up name: the title has no letter or digit to make one of; rename source_de/{} to choose " \
              "the article's file name and address"
    assert project.run("new", "!!!").output.startswith(
        f"created source_de/artikel.md ({made_up.format('artikel.md')})\n")
    text = project.read("source_de/artikel.md")
    assert project.run("new", "???").output.startswith(
        f"created source_de/artikel-2.md ({made_up.format('artikel-2.md')}; the slug 'artikel' is "
        "source_de/artikel.md's)\n")
    assert project.read("source_de/artikel.md") == text and "title: '!!!'" in text
    assert "\ntitle: ???\n" in project.read("source_de/artikel-2.md")
    assert project.run("new", "Artikel").output.startswith(
        "created source_de/artikel-3.md (the slug 'artikel' is source_de/artikel.md's)\n")


def test_c_pointing_into_the_project_finds_it_above_as_git_c_does(project, monkeypatch):
    """``verlag -C source_de build`` said "no verlag.toml here", though verlag run inside source_de/ found the project
    above. -C looks upward too, as ``git -C`` does; files are named from the -C folder, as if verlag ran there."""
    from click.testing import CliRunner

    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    (project.root / "source_de/seiten").mkdir()
    monkeypatch.chdir(project.root)
    for args in (["-C", "source_de"], ["-C", str(project.root / "source_de/seiten")]):
        result = CliRunner().invoke(main, [*args, "extract"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert (project.root / "translations/en/tee.po").is_file() and not (project.root / "source_de/translations").exists()
    result = CliRunner().invoke(main, ["-C", "source_de", "new", "Zimt"], catch_exceptions=False)
    assert result.exit_code == 0 and result.output.startswith("created zimt.md\n"), result.output
    assert (project.root / "source_de/zimt.md").is_file()


@pytest.mark.parametrize("given", [True, False])
def test_no_project_found_names_where_verlag_looked_and_stops_at_home(tmp_path, monkeypatch, given):
    """Without a verlag.toml in the folder or above, the message said "no verlag.toml here" of a folder it had
    looked above, and the search went on past the home folder: a stray verlag.toml in /tmp or / would be taken
    for the user's project. It stops at $HOME and names it; -C DIR that is no folder is named as that."""
    from click.testing import CliRunner

    home, work = tmp_path / "home", tmp_path / "home/blog/source_de"
    work.mkdir(parents=True)
    (tmp_path / "verlag.toml").write_text('name = "Fremd"\n', encoding="utf-8")  # above home: not the user's
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work if not given else tmp_path)
    result = CliRunner().invoke(main, [*(["-C", str(work)] if given else []), "status"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.output == (f"error: {work if given else '.'}: no verlag.toml in this folder or any above it up to "
                             f"{home.resolve()}; run 'verlag init' to start a project here, or pass -C with the "
                             "project's folder\n")
    result = CliRunner().invoke(main, ["-C", str(work / "nix"), "status"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (2, f"error: {work / 'nix'}: no such folder (given with -C)\n")


@pytest.mark.parametrize("title", ["Aux", "NUL", "com3", "Lpt9"])
def test_new_does_not_name_a_file_as_windows_names_a_device(project, title):
    """A title whose slug is a Windows device's name (aux, nul, com3, lpt9) made source_de/aux.md: a clone of the
    project failed on Windows. The slug gets -2, as a taken one does, and the reason is said."""
    slug = title.lower()
    assert project.run("new", title).output.startswith(
        f"created source_de/{slug}-2.md (the slug '{slug}' is a name Windows keeps for a device: no file or folder "
        "there may have it)\n")
    assert [p.name for p in (project.root / "source_de").iterdir()] == [f"{slug}-2.md"]


def test_pretranslate_fills_only_empty_entries_and_marks_them_fuzzy(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night."})
    result = project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    assert "en: 6 entries drafted by pseudo" in result.output
    po = polib.pofile(str(path))
    assert po.find("Die Leber arbeitet nachts.").msgstr == "The liver works at night."
    assert not po.find("Die Leber arbeitet nachts.").fuzzy
    drafted = po.find("Sie braucht Ruhe.")
    assert drafted.fuzzy and drafted.msgstr != drafted.msgid and "mt: pseudo" in drafted.tcomment
    assert not (project.root / "translations/fr/leber.po").read_text(encoding="utf-8").count("mt: pseudo")
    msgfmt_check(path)


def test_unreviewed_text_is_published_only_when_the_policy_says_machine(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    project.run("build")
    assert project.read("editions/en/leber.md") == LEBER
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "source"\n'
                  '[publish.fr]\nunreviewed = "machine"\n')
    project.run("build")
    assert project.read("editions/en/leber.md") == LEBER
    assert "Dííéé Léébéér áárbééíítéét" in project.read("editions/fr/leber.md")


def test_publish_refuses_pseudo_drafts_readers_would_get_and_check_warns_where_they_are(project):
    """``build`` shows fuzzy pseudo drafts under ``unreviewed = "machine"`` (the engine is a layout test), but
    ``publish`` must not put them on a public site by accident: it stops before the build, exit 2, naming the
    catalog; ``check`` warns at the first pseudo draft's line; under ``"source"`` neither says anything."""
    project.write("source_de/leber.md", LEBER)
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "source"\n'
                  '[publish.fr]\nunreviewed = "machine"\n')
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    text = project.read("translations/fr/leber.po").split("\n")
    line = text.index('msgid "Leber"') + 1
    found = [f for f in json.loads(project.run("check", "--format", "json").output)
             if f["check"] == "pseudo-draft"]
    assert [(f["path"], f["line"], f["lang"]) for f in found] == [("translations/fr/leber.po", line, "fr")]
    give_base_url(project.root)
    result = project.run("publish", code=2)
    assert f"error: translations/fr/leber.po:{line}: " in result.output and "pseudo draft" in result.output
    assert "stopped before the build, nothing published" in result.output
    assert not (project.root / "site").exists()
    project.run("build")  # build shows them: layouts can be looked at
    assert "Dííéé Léébéér áárbééíítéét" in project.read("editions/fr/leber.md")
    project.write("verlag.toml", project.read("verlag.toml").replace('[publish.fr]\nunreviewed = "machine"\n', ""))
    assert "pseudo-draft" not in project.run("check").output


def test_pseudo_drafts_of_a_draft_article_are_no_warning_of_check_nor_a_stop_of_publish(project):
    """Trial 9: a ``draft: true`` article's pseudo drafts were said to be "shown to readers" ([pseudo-draft])
    and ``publish`` stopped on them, though the site leaves draft articles out; once it is no draft, they are."""
    project.write("source_de/leber.md", LEBER.replace("date: 2026-05-26\n", "date: 2026-05-26\ndraft: true\n"))
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\n')
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    assert "Léébéér" in project.read("translations/fr/leber.po")
    assert "pseudo" not in project.run("check").output
    give_base_url(project.root)
    project.write("source_de/linde.md", article("Linde", "Die Linde blüht.\n", translate="false"))  # one published
    result = project.run("publish")
    assert "pseudo draft" not in result.output and "stopped" not in result.output
    assert (project.root / "site").is_dir() and not (project.root / "site/fr/leber").exists()
    project.write("source_de/leber.md", LEBER)
    assert "[pseudo-draft]" in project.run("check").output
    assert "stopped before the build" in project.run("publish", code=2).output


def finding_lines(output: str) -> list[str]:
    """The lines of check's findings in ``output``: ``severity: file:line: message [check]``."""
    return [line for line in output.splitlines() if re.fullmatch(r"(error|warning): \S+:\d+: .* \[[a-z-]+\]", line)]


def test_publish_names_each_of_checks_findings_as_check_does_once_and_exits_0_for_warnings_alone(project):
    """A fresh-user trial: publish printed only "check: 0 errors, 3 warnings", so a new image without alt text
    (``image-alt``) passed unnoticed at the last gate before upload. It lists each finding as check does (file:line,
    message, check), the error that holds a segment back too, each once: a front-matter warning extract says as well
    is not said again without its check's name. Exit status 0: nothing stops it."""
    project.write("source_de/linde.md", article("Linde", "Die Linde blüht seit 12 Jahren.\n\n![](bilder/linde.png)\n",
                                                sumary="Über Linden."))
    project.run("extract")
    review(project, "en", "linde", {"Die Linde blüht seit 12 Jahren.": "The linden has bloomed for 13 years."})
    give_base_url(project.root)
    published = project.run("publish").output.splitlines()
    checked = finding_lines(project.run("check", code=1).output)
    assert {line.rpartition(" [")[2] for line in checked} >= {"image-alt]", "numbers]", "front-matter]"}, checked
    for line in checked:
        assert published.count(line) == 1, (line, published)
        assert line.rpartition(" [")[0] not in published, line  # not said again without its check's name
    assert finding_lines("\n".join(published)) == sorted(  # the author's before the catalogs', errors first in each
        checked, key=lambda line: (line.split(": ")[1].split(":")[0].endswith(".po"), not line.startswith("error")))
    assert "check: 1 error, " in "\n".join(published) and "not listed here" not in "\n".join(published)


def test_publish_lists_the_first_findings_and_says_how_to_see_the_rest(project):
    """Many findings (an imported blog's images without alt text): the first ``FINDINGS_LISTED``, the author's first,
    then how many more and where to see them all."""
    from cli import FINDINGS_LISTED

    images = "\n\n".join(f"![](bilder/foto{i}.png)" for i in range(FINDINGS_LISTED))
    project.write("source_de/linde.md", article("Linde", f"Die Linde blüht seit 12 Jahren.\n\n{images}\n"))
    project.run("extract")
    review(project, "en", "linde", {"Die Linde blüht seit 12 Jahren.": "The linden has bloomed for 13 years."})
    give_base_url(project.root)
    published = project.run("publish").output
    checked = finding_lines(project.run("check", code=1).output)
    assert len(checked) > FINDINGS_LISTED
    listed = finding_lines(published)
    assert len(listed) == FINDINGS_LISTED and listed[0].startswith("warning: source_de/linde.md:")  # the author's
    assert set(listed) <= set(checked)
    assert (f"check: {len(checked) - FINDINGS_LISTED} more not listed here (1 error, "  # the catalog's, after
            f"{len(checked) - FINDINGS_LISTED - 1} warnings): 'verlag check' lists them all") in published.splitlines()


def test_publish_lists_the_german_pages_script_and_template_tag_however_many_reviewer_errors_come_first(project):
    """Trial 40 #2: 20 errors of a reviewer's catalog filled publish's list; the German page's pasted ``<script>``
    (``active-html``: it runs in every language) and the ``{{ … }}`` tag publish exits 2 for were among "66 more
    not listed here", and the last line named only the file. The author's findings come before the catalogs' of
    the same severity, and those two kinds are listed wherever they fall."""
    from cli import FINDINGS_LISTED

    n = FINDINGS_LISTED + 2
    sentences = [f"Nehmen Sie {i} Tropfen am Tag." for i in range(1, n + 1)]
    body = "\n\n".join(sentences)
    project.write("source_de/linde.md", article("Linde", f"{body}\n\n<script>alert(1)</script>\n\nZiel: {{{{ 7*7 }}}}\n"))
    project.run("extract")
    review(project, "en", "linde", {s: f"Take {i + 10} drops a day." for i, s in enumerate(sentences, 1)})
    give_base_url(project.root)
    published = project.run("publish", code=2).output
    listed = finding_lines(published)
    assert sum("[numbers]" in line for line in listed) < n  # reviewer's errors beyond the first 20 are counted
    script = next(line for line in finding_lines(project.run("check", code=1).output) if "[active-html]" in line)
    assert script in listed
    tags = [line for line in listed if "[template-tag]" in line]
    assert tags and tags[0].startswith("error: source_de/linde.md:")
    assert listed.index(tags[0]) < next(i for i, line in enumerate(listed) if "[numbers]" in line)


def test_publish_ends_with_exit_2_when_a_published_page_shows_a_shortcode_as_text(project):
    """Trial 12: an imported WordPress post's ``[contact-form-7 …]`` (the old blog's booking form) was shown on the
    live page as text, a warning among many, and ``publish`` exited 0, so a deploy script uploaded it. The site is
    built (every other article goes all the way) and publish ends with exit status 2, naming the tag's line; a
    draft's tag stops nothing, since the site leaves drafts out."""
    tag = '[contact-form-7 id="45" title="Terminanfrage"]'
    project.write("source_de/termin.md", article("Termin", f"Buchen Sie hier.\n\n{tag}\n"))
    project.write("source_de/linde.md", article("Linde", "Die Linde blüht.\n"))
    project.write("source_de/entwurf.md", article("Entwurf", f"Noch nicht fertig.\n\n{tag}\n", draft="true"))
    give_base_url(project.root)
    result = project.run("publish", code=2)
    line = project.read("source_de/termin.md").split("\n").index(tag) + 1
    assert f"error: source_de/termin.md:{line}: WordPress shortcode {tag} is not Markdown" in result.output
    assert "error: source_de/entwurf.md" not in result.output
    assert ("publish: site/ built, but 1 published page would show a shortcode or template tag as text "
            "(source_de/termin.md): do not upload it yet") in result.output
    assert (project.root / "site/de/linde/index.html").is_file()
    project.write("source_de/termin.md", article("Termin", "Buchen Sie hier.\n\nTelefon: 0761 123456\n"))
    assert "do not upload" not in project.run("publish").output


def test_a_template_tag_in_a_shown_front_matter_field_is_named_at_its_line_as_one_in_the_body(project):
    """Trial 40 #2: ``title: "Zecken {{ site.title }}"`` and ``{{ 7*7 }}`` in the summary were published in the
    ``<h1>``, ``<title>`` and the feed with no finding, where the same tag in the body is check's ``template-tag``
    error and stops publish. A tag in a field the pages show (title, summary, tags, author, the reviewer's name
    and qualification) is that finding too, at the field's line, saying the field is plain text."""
    project.write("source_de/zecken.md", "---\ntitle: \"Zecken {{ site.title }}\"\ndate: 2026-05-26\n"
                  "summary: \"Was tun? {{ 7*7 }}\"\nreviewed_by:\n  name: Dr. Vogt\n"
                  "  qualification: \"{% include arzt.html %}\"\ntags: [Garten]\n---\nZecken sitzen im Gras.\n")
    give_base_url(project.root)
    extracted = project.run("extract").output
    assert "source_de/zecken.md:2: title: Liquid output (Jekyll) {{ site.title }} in a field of the front matter" \
        in extracted, extracted
    checked = finding_lines(project.run("check", code=1).output)
    said = [line for line in checked if line.endswith("[template-tag]")]
    assert [line.split(" ", 2)[:2] for line in said] == [["error:", "source_de/zecken.md:2:"],
                                                          ["error:", "source_de/zecken.md:4:"],
                                                          ["error:", "source_de/zecken.md:7:"]], said
    assert "summary: Liquid output (Jekyll) {{ 7*7 }} in a field of the front matter, which is plain text" in said[1]
    assert "reviewed_by: qualification: Liquid tag (Jekyll) {% include arzt.html %}" in said[2]
    published = project.run("publish", code=2).output
    assert "would show a shortcode or template tag as text (source_de/zecken.md)" in published, published


def test_publish_names_each_shortcode_once_with_its_line_and_the_fix(project):
    """A fresh-user trial: publish named each shortcode line of a published page three times (extract's warning,
    the build's warning, the gate's error). Once now: the error that stops publish, with file:line, the fix and
    check's name for it; a draft's tag once, as the warning it is."""
    wordpress, hugo = '[contact-form-7 id="45" title="Terminanfrage"]', "{{< youtube abc123 >}}"
    project.write("source_de/termin.md", article("Termin", f"Buchen Sie hier.\n\n{wordpress}\n\n{hugo}\n"))
    project.write("source_de/entwurf.md", article("Entwurf", f"Noch nicht fertig.\n\n{hugo}\n", draft="true"))
    give_base_url(project.root)
    lines = project.run("publish", code=2).output.splitlines()
    text = project.read("source_de/termin.md").split("\n")
    fix = "is not Markdown: the pages would show it as text; write what it stands for in Markdown"
    for tag, kind in ((wordpress, "WordPress shortcode"), (hugo, "Hugo shortcode")):
        where = f"source_de/termin.md:{text.index(tag) + 1}:"
        said = [line for line in lines if where in line]
        assert len(said) == 1 and said[0].startswith(f"error: {where} {kind} {tag} {fix}"), said
        assert said[0].endswith(" [template-tag]"), said
    drafted = [line for line in lines if "source_de/entwurf.md:" in line]
    assert len(drafted) == 1 and drafted[0].startswith("warning: source_de/entwurf.md:"), drafted
    assert drafted[0].endswith(" [template-tag]"), drafted


def test_publish_counts_a_published_pages_shortcode_as_an_error_before_its_summary_and_ends_on_it(project):
    """A fresh-user trial: publish said "check: 0 errors, 1 warning", then stopped with exit 2 on the
    ``[contact-form-7 …]`` of a published page, an error listed after the build. The tag of a page the site
    publishes in German is listed with check's errors, before every warning, and counted as one in check's summary
    line; a draft's stays a warning; the last line says why the run failed, also when another problem (a legal page
    with a placeholder) ends it."""
    tag = '[contact-form-7 id="45" title="Terminanfrage"]'
    project.write("source_de/termin.md", article("Termin", f"Buchen Sie hier.\n\n{tag}\n"))
    project.write("source_de/entwurf.md", article("Entwurf", f"Noch nicht fertig.\n\n{tag}\n", draft="true"))
    give_base_url(project.root)
    lines = project.run("publish", code=2).output.splitlines()
    findings = finding_lines("\n".join(lines))
    error = next(i for i, line in enumerate(lines) if line.startswith("error: source_de/termin.md:"))
    summary = next(i for i, line in enumerate(lines) if line.startswith("check: "))
    assert lines[summary] == "check: 1 error, 1 warning in 2 places in the German sources", lines
    assert findings[0] == lines[error] and findings[1].startswith("warning: source_de/entwurf.md:"), findings
    assert error < summary and len(findings) == 2, lines
    assert lines[-1].startswith("publish: site/ built, but 1 published page would show a shortcode or template "
                                "tag as text (source_de/termin.md)"), lines
    project.write("source_de/impressum.md", article("Impressum", "[[AUSFÜLLEN: Name der Praxis]]\n"))
    lines = project.run("publish", code=2).output.splitlines()
    assert "check: 2 errors, 1 warning in 3 places in the German sources" in lines[next(
        i for i, line in enumerate(lines) if line.startswith("check: "))], lines
    assert lines[-1].startswith("publish: everything else done; no editions written and not published until their "
                                "placeholders are filled in: source_de/impressum.md; 1 published page would show a "
                                "shortcode or template tag as text (source_de/termin.md)"), lines


@pytest.mark.parametrize("url, said", [
    (None, "[site] base_url is not set, so the site's address is http://localhost:8000/"),
    ("http://localhost:8000/", "is the stand-in address verlag init wrote"),
    ("http://127.0.0.1:8080/praxis/", "is an address on this computer or network (127.0.0.1)"),
    ("https://[::1]/", "is an address on this computer or network (::1)"),
    ("https://praxis.local/", "is an address on this computer or network (praxis.local)"),
])
def test_publish_stops_on_a_base_url_nobody_reaches_and_build_and_check_warn_of_it(project, url, said):
    """Trial 11: publish exited 0 with init's base_url = "http://localhost:8000/": canonical, hreflang, sitemap and
    robots.txt pointed at localhost, and neither build nor check said a word. publish stops at verlag.toml's line
    before doing anything (exit 2); build and check warn at the same line of such an address (none at all: build's
    note says publish stops); a real address passes."""
    project.write("verlag.toml", project.read("verlag.toml") + (f'[site]\nbase_url = "{url}"\n' if url else ""))
    project.write("source_de/leber.md", LEBER)
    line = 5 if url else 3
    said = said if url is None else f'[site] base_url = "{url}" {said}'
    stopped = project.run("publish", code=2).output
    assert f"error: verlag.toml:{line}: {said}" in stopped and "publish: stopped, nothing done" in stopped, stopped
    assert not (project.root / "site").exists() and not (project.root / "translations").exists()
    checked = project.run("check").output
    project.run("extract")
    built = project.run("build").output
    if url is None:  # a verlag.toml without [site], as a test or a try-out has it: build's note, publish stops
        assert "base_url" not in checked, checked
        assert "note: no [site] base_url in verlag.toml: canonical and hreflang URLs use http://localhost:8000/; " \
               "verlag publish stops until it is set" in built, built
    else:
        assert f"warning: verlag.toml:{line}: {said}" in checked and "[base-url]" in checked, checked
        assert f"warning: verlag.toml:{line}: {said}" in built, built
    give_base_url(project.root)
    for command in ("check", "build", "publish"):
        assert "base_url" not in project.run(command).output
    assert "https://praxis.example/de/leber/" in project.read("site/sitemap.xml")


def test_reviewed_text_is_published_and_a_second_build_writes_nothing(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {"Tipps": "Tips", ("title", "Leber"): "The liver"})
    project.run("build")
    edition = project.read("editions/en/leber.md")
    assert "## Tips\n" in edition and "title: The liver\n" in edition and "Die Leber arbeitet" in edition
    before = {p: p.stat().st_mtime_ns for p in (project.root / "editions").rglob("*.md")}
    assert "0 written" in project.run("build").output
    assert before == {p: p.stat().st_mtime_ns for p in (project.root / "editions").rglob("*.md")}


def test_status_counts_segments_and_words_per_state(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {"Tipps": "Tips"})
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--article", "leber")
    rows = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    (row,) = rows
    assert row["segments"] == {"untranslated": 0, "machine": 6, "reused": 0, "hand": 0, "stale": 0, "reviewed": 1}
    assert row["words"]["reviewed"] == 1 and row["percent_reviewed"] == pytest.approx(100 / 15, abs=0.1)
    text = project.run("status").output
    assert "leber" in text and "= total" in text


def test_status_article_counts_only_that_article_and_keeps_the_others_cached(project):
    """``status`` had no ``--article``, which check, review and pretranslate take: a reviewer asking about one
    article read the whole table. Now its rows and each language's total are that article's alone (the site.po
    findings and kept catalogs, about no article, are left to the full status, as check leaves them), and the
    QA counts cached for the other articles are kept for the next full status."""
    project.write("source_de/leber.md", LEBER)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--article", "leber")
    everything = json.loads(project.run("status", "--format", "json").output)
    cached = json.loads(project.read(".verlag/status.json"))
    one = json.loads(project.run("status", "--format", "json", "--article", "tee").output)
    assert {(r["lang"], r["slug"]) for r in one["articles"]} == {("en", "tee"), ("fr", "tee")}
    mine = [r for r in everything["articles"] if r["slug"] == "tee"]
    assert one["articles"] == mine
    assert [t["segments"] for t in one["languages"]] == [r["segments"] for r in mine]
    assert json.loads(project.read(".verlag/status.json")) == cached
    text = project.run("status", "--article", "tee", "--lang", "en").output
    assert "tee" in text and "leber" not in text, text


def _reviewed_but_for_an_html_block(project: Project) -> None:
    """An article whose entries are all reviewed in English and whose HTML block (5 words) stays German."""
    project.write("source_de/zecke.md", article("Zecke", """\
        Die Zecke sticht.

        <div class="hinweis">
        Suchen Sie sich abends ab.
        </div>
        """))
    project.run("extract")
    review(project, "en", "zecke", {("title", "Zecke"): "Tick", "Die Zecke sticht.": "The tick bites."})


def test_status_never_calls_a_page_with_german_html_blocks_complete(project):
    """Every entry reviewed, but the page still shows the original's HTML block in German (render marks it
    lang="de" under the notice): status counts the block and its words, and the page is not 100 %."""
    _reviewed_but_for_an_html_block(project)
    data = json.loads(project.run("status", "--format", "json", "--lang", "en").output)
    (row,) = data["articles"]
    assert row["segments"]["reviewed"] == 2 and row["german"] == 1 and row["german_words"] == 5
    assert row["percent_reviewed"] == pytest.approx(100 * 4 / 9, abs=0.1)
    assert data["languages"][0]["german"] == 1
    line = next(x for x in project.run("status", "--lang", "en").output.splitlines() if x.startswith("en    zecke"))
    # below [publish] min_translated (80) as the build counts it: marked as the build will hold it back
    assert line.split()[1:13] == ["zecke", "(not", "published)", "2", "0", "0", "0", "0", "0", "1", "4/9", "44.4%"]


@pytest.mark.parametrize(("minimum", "published"), [(50, False), (40, True)])
def test_min_reviewed_counts_german_html_block_words_as_status_does(project, minimum, published):
    """Every entry reviewed, but the page shows the original's HTML block in German: 4 of 9 words reviewed for
    ``verlag status`` and for the build's gate alike (the gate counted 4 of 4 and published it at 50 %)."""
    project.write("verlag.toml", project.read("verlag.toml")
                  + f"\n[publish]\nmin_reviewed = {minimum}\nmin_translated = 0\n")  # min_reviewed decides
    _reviewed_but_for_an_html_block(project)
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["percent_reviewed"] == pytest.approx(100 * 4 / 9, abs=0.1)
    assert (row["held"] == "[publish] min_reviewed (44.4 % reviewed, 50 needed)") != published
    output = project.run("build").output
    assert (project.root / "site/en/zecke/index.html").exists() == published
    assert ("not published (below [publish] min_translated or min_reviewed): zecke (44.4 % reviewed, 50 needed)"
            in output) != published  # the figure the author needs, as status shows it
    if published:  # not fully reviewed: the translator is not named as the page's only author
        page = lxml.html.parse(str(project.root / "site/en/zecke/index.html")).getroot()
        data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
        assert "translator" not in json.dumps(data)


@pytest.mark.parametrize(("minimum", "published"), [(80, False), (50, False), (40, True)])
def test_min_translated_counts_german_html_block_words_as_not_in_the_language(project, minimum, published):
    """Every entry reviewed, but the page shows the original's HTML block in German: 4 of 9 words are in
    English, so ``min_translated`` 50 holds the page back as ``min_reviewed`` does (the gate divided by the
    segments' 4 words alone and published a mostly German page as a translation)."""
    project.write("verlag.toml", project.read("verlag.toml") + f"\n[publish]\nmin_translated = {minimum}\n")
    _reviewed_but_for_an_html_block(project)
    output = project.run("build").output
    assert (project.root / "site/en/zecke/index.html").exists() == published
    assert (f"not published (below [publish] min_translated or min_reviewed): zecke (44.4 % translated, {minimum} "
            "needed)" in output) != published
    assert ('hreflang="en"' in project.read("site/sitemap.xml")) == published


def test_a_catalog_saved_with_crlf_keeps_its_line_ends_through_extract_pretranslate_and_import(project):
    """A reviewer's Windows editor saved the catalogs with CRLF: verlag reads them and writes them back
    with CRLF (as Poedit keeps a catalog's line ends), and leaves them alone when nothing changed."""
    def crlf(path):
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        return path.read_bytes()

    def only_crlf(path):
        data = path.read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 10, path
        msgfmt_check(path)

    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    fr, en, site = (project.root / f"translations/{p}.po" for p in ("fr/leber", "en/leber", "fr/site"))
    saved = [crlf(path) for path in (fr, en, site)]
    assert "updated translations" not in project.run("extract").output
    assert [path.read_bytes() for path in (fr, en, site)] == saved
    project.write("source_de/leber.md", LEBER + "\nEin neuer Satz.\n")
    assert "updated translations/fr/leber.po" in project.run("extract").output
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    assert polib.pofile(str(fr)).find("Ein neuer Satz.").msgstr  # drafted
    project.write("leber.en.md", "---\ntitle: Liver\n---\nThe liver works at night. It needs rest.\n\n"
                                 "## Tips\n\n- Drink tea\n\nA new sentence.\n")
    project.run("import", "--lang", "en", "--translation-of", "leber", str(project.root / "leber.en.md"))
    assert "The liver works at night." in en.read_text(encoding="utf-8")
    for path in (fr, en, site):
        only_crlf(path)
    rows = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert rows[0]["segments"]["untranslated"] < 3


def test_extract_says_created_for_the_files_it_made_and_updated_for_those_it_changed(project):
    """A first extract makes the template and catalogs: 'created', not 'updated', which would tell the author
    that a catalog (and a reviewer's work in it) was there before."""
    project.write("source_de/leber.md", LEBER)
    first = project.run("extract").output.splitlines()
    files = [f"translations/{name}" for name in ("templates/leber.pot", "en/leber.po", "fr/leber.po", "de/site.po",
                                                  "en/site.po", "fr/site.po")]
    for name in files:
        assert any(line.startswith(f"created {name}") for line in first), (name, first)
    assert not [line for line in first if line.startswith("updated ")]
    assert "extract: 6 files changed (6 created), 0 articles unchanged" in first
    project.write("source_de/leber.md", LEBER + "\nEin neuer Satz.\n")
    (project.root / "translations/fr/leber.po").unlink()
    again = project.run("extract").output.splitlines()
    assert "created translations/fr/leber.po" in again
    assert {"updated translations/templates/leber.pot", "updated translations/en/leber.po"} <= set(again)
    assert "extract: 3 files changed (1 created, 2 updated), 0 articles unchanged" in again


def test_extract_quiet_prints_as_little_as_build_quiet_the_summary_and_warnings(project):
    """``-q`` means the same for ``extract`` and ``build``: no line per file written (1,002 of them for 500
    articles), the summary line still there and saying how many files changed."""
    project.write("source_de/leber.md", LEBER)
    project.write("source_de/niere.md", article("Niere", "Die Niere filtert.\n", sumary="Tippfehler"))
    first = project.run("extract", "-q")
    assert [line for line in first.output.splitlines() if not line.startswith("warning: ")] == [
        "extract: 9 files changed (9 created), 0 articles unchanged"]
    assert "sumary: unknown front-matter key" in first.output
    project.write("source_de/leber.md", LEBER + "\nNeu.\n")
    again = project.run("extract", "-q").output.splitlines()
    assert "updated translations/en/leber.po" not in again
    assert "extract: 3 files changed (3 updated), 1 article unchanged" in again
    assert [line for line in project.run("build", "-q").output.splitlines() if line.startswith("wrote ")] == []


def test_extract_summary_writes_every_count_alike():
    from collections import Counter

    from cli import extract_summary

    assert extract_summary(Counter(created=1002, updated=1), 1000) == \
        "extract: 1,003 files changed (1,002 created, 1 updated), 1,000 articles unchanged"
    assert extract_summary(Counter(), 1) == "extract: 0 files changed, 1 article unchanged"


def test_counts_in_messages_agree_in_number_and_extract_counts_every_file_it_updated(project):
    project.write("source_de/leber.md", LEBER)
    first = project.run("extract").output
    created = [line for line in first.splitlines() if line.startswith("created ")]
    assert any("site.po" in line for line in created)
    assert f"extract: {len(created)} files changed ({len(created)} created), 0 articles unchanged" in first
    project.write("translations/en/leber.po", project.read("translations/en/leber.po") + "\n")
    relaid = project.run("extract").output  # a blank line added: the entries as they were, the layout put back
    assert "layout restored translations/en/leber.po" in relaid
    assert "extract: 1 file changed (1 layout restored), 0 articles unchanged" in relaid
    assert "extract: 0 files changed, 1 article unchanged" in project.run("extract").output
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    review(project, "en", "leber", {"Tipps": "Tips"})
    project.write("source_de/leber.md", LEBER.replace("## Tipps", "## Gute Tipps") + "\nNeu.\n")
    assert f"en: 1 changed sentence {REVIEW}, 1 new, 0 no longer used" in project.run("extract").output
    drafted = project.run("pretranslate", "--engine", "copy", "--lang", "en").output
    assert "en: 1 entry drafted by copy" in drafted and "en: 0 entries still empty" in drafted
    assert "build: 2 editions made, 2 written, 0 articles unchanged" in project.run("build").output
    assert "build: 0 editions made, 0 written, 1 article unchanged; site: 0 files written" in project.run("build").output


def test_a_sign_off_of_the_draft_readers_saw_is_summed_up_as_editions_checked_and_unchanged(project):
    """The reviewer signs off a fuzzy draft that ``unreviewed = "machine"`` already published: the editions come
    out as they were, and the build said "2 editions made, 0 written", as if it had failed to write them. It says
    the edition was checked and is unchanged, with and without ``-q`` (the French one, whose catalog did not
    change, is not made again)."""
    import polib

    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    path = str(project.root / "translations/en/leber.po")
    po = polib.pofile(path)
    for msgid, draft in (("Leber", "Liver"), ("Die Leber arbeitet nachts.", "The liver works at night.")):
        po.find(msgid).msgstr, po.find(msgid).flags = draft, ["fuzzy"]  # a draft, published as machine text
    po.save(path)
    assert "build: 2 editions made, 2 written, 0 articles unchanged" in project.run("build").output
    for msgid, flags in (("Leber", "-q"), ("Die Leber arbeitet nachts.", "")):
        po = polib.pofile(path)
        po.find(msgid).flags.remove("fuzzy")  # signed off as drafted
        po.save(path)
        out = project.run("build", *filter(None, [flags])).output
        assert "build: 1 edition checked, unchanged, 0 articles unchanged; site: " in out, out  # only en's


def test_a_sign_off_in_one_language_makes_only_that_languages_edition_again(project):
    """A reviewer signs off one entry of the English catalog: the build makes the English edition again, not the
    French one of the same article, whose catalog did not change (it made both, "2 editions made, 1 written")."""
    project.write("source_de/leber.md", LEBER)
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    assert "build: 4 editions made, 4 written, 0 articles unchanged" in project.run("build").output
    review(project, "en", "leber", {"Tipps": "Tips"})
    assert "build: 1 edition made, 1 written, 1 article unchanged" in project.run("build").output
    for jobs, tips, spleen in (("1", "Hints", "La rate est petite."), ("2", "Advice", "La rate est minuscule.")):
        review(project, "en", "leber", {"Tipps": tips})  # in this process, then in worker processes
        review(project, "fr", "milz", {"Die Milz ist klein.": spleen})
        made = project.run("build", "--jobs", jobs).output
        assert "build: 2 editions made, 2 written, 0 articles unchanged" in made, made
    assert "build: 0 editions made, 0 written, 2 articles unchanged" in project.run("build").output
    project.run("extract")  # records the rewrites signed off ("rewritten by hand from mt: pseudo"): no text changed
    assert "build: 2 editions checked, unchanged, 0 articles unchanged" in project.run("build").output
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    project.run("extract")
    assert "build: 2 editions made, 2 written, 1 article unchanged" in project.run("build").output


def test_build_skips_unchanged_articles_and_redoes_what_changed(project):
    project.write("source_de/leber.md", LEBER)
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    assert "4 written, 0 articles unchanged" in project.run("build").output
    assert "0 editions made, 0 written, 2 articles unchanged" in project.run("build").output
    project.write("source_de/milz.md", article("Milz", "Die Milz ist sehr klein.\n"))
    project.run("extract")
    assert "2 editions made, 2 written, 1 article unchanged" in project.run("build").output
    (project.root / "editions/fr/leber.md").unlink()
    assert "1 written" in project.run("build").output
    assert project.read("editions/fr/leber.md") == LEBER
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\n')
    assert "4 written" in project.run("build").output


def test_a_template_keeps_crlf_line_ends_like_its_catalogs(project):
    """A checkout with CRLF line ends (git's core.autocrlf on Windows): the .pot is written back with them
    when its German changes, and made again with its catalogs' line ends when it was deleted."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    files = [project.root / p for p in ("translations/templates/leber.pot", "translations/en/leber.po",
                                        "translations/fr/leber.po")]
    for path in files:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert "extract: 0 files changed" in project.run("extract").output
    project.write("source_de/leber.md", LEBER + "\nEin neuer Satz.\n")
    assert "updated translations/templates/leber.pot" in project.run("extract").output
    files[0].unlink()
    project.run("extract")
    for path in files:
        data = path.read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 10, path
    msgfmt_check(files[0])
    assert "extract: 0 files changed" in project.run("extract").output


def test_extract_tells_the_author_what_went_back_to_review(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    for lang in ("en", "fr"):  # the reviewer signs the drafts off
        po = polib.pofile(str(project.root / f"translations/{lang}/leber.po"))
        review(project, lang, "leber", {(e.msgctxt, e.msgid): e.msgstr for e in po if e.msgstr})
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe. Und Wasser."))
    output = project.run("extract").output
    assert f"en: 1 changed sentence {REVIEW}, 1 new, 0 no longer used" in output
    assert f"fr: 1 changed sentence {REVIEW}, 1 new, 0 no longer used" in output


def test_a_sentence_changed_where_one_language_had_no_translation_is_listed_as_changed_once(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    output = project.run("extract").output
    assert re.findall(r"^source_de/leber\.md:\d+: (\w+): Sie braucht viel Ruhe\.$", output, re.M) == ["changed"]
    assert f"en: 1 changed sentence {REVIEW}, 0 new, 0 no longer used" in output
    # nothing there to carry: still a changed sentence, not a new one
    assert (f"fr: 0 changed sentences {REVIEW}, 1 changed sentence still to translate (nothing was translated to "
            "keep), 0 new, 0 no longer used") in output


def test_a_sentence_changed_where_no_language_had_a_translation_is_changed_not_new(project):
    """Nothing translated yet anywhere: an edited sentence was listed and counted as new, though README keeps
    "new" for German the article did not have; a sentence added beside it is new."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe. Trinken Sie Tee."))
    output = project.run("extract").output
    assert re.findall(r"^source_de/leber\.md:\d+: (\w+): (.*)$", output, re.M) == [
        ("changed", "Sie braucht viel Ruhe."), ("new", "Trinken Sie Tee.")]
    for lang in ("en", "fr"):
        assert (f"{lang}: 0 changed sentences {REVIEW}, 1 changed sentence still to translate (nothing was "
                "translated to keep), 1 new, 0 no longer used (kept as obsolete)") in output
        msgfmt_check(project.root / f"translations/{lang}/leber.po")
        po = polib.pofile(str(project.root / f"translations/{lang}/leber.po"))
        assert po.find("Sie braucht viel Ruhe.").msgstr == "" and po.find("Sie braucht Ruhe.") is None


def test_a_sentence_changed_back_where_another_language_had_no_translation_is_listed_once_as_restored(project):
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    project.run("extract")
    project.write("source_de/leber.md", LEBER)
    output = project.run("extract").output
    assert re.findall(r"^source_de/leber\.md:\d+: (\w+): (.*)$", output, re.M) == [
        ("restored", "Sie braucht Ruhe.")]
    assert "en: 1 sentence changed back to its reviewed German, reviewed again" in output
    assert (f"fr: 0 changed sentences {REVIEW}, 1 changed sentence still to translate (nothing was translated to "
            "keep), 0 new, 0 no longer used") in output


def test_a_removed_sentence_put_back_takes_its_translation_back_in_its_state_and_says_so(project):
    """Deleted, a sentence's translation is kept as an obsolete entry; put back, it is live again as it was
    (reviewed in en, a machine draft in fr), and extract and ``extract --check`` say so like any other change."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    project.run("extract")
    project.write("source_de/leber.md", LEBER.replace(" Sie braucht Ruhe.", ""))
    assert "en: 0 changed sentences" in project.run("extract").output  # 1 no longer used (kept as obsolete)
    project.write("source_de/leber.md", LEBER)

    gate = project.run("extract", "--check", code=1).output
    assert "translations/en/leber.po: out of date with the German: 1 put back (its obsolete translation live " \
           "again)" in gate
    output = project.run("extract").output
    assert re.findall(r"^source_de/leber\.md:\d+: ([\w ]+): Sie braucht Ruhe\.$", output, re.M) == ["put back"]
    for lang in ("en", "fr"):
        assert (f"{lang}: 1 removed sentence put back, translation taken back from the obsolete entry (reviewed "
                "or not, as it was)") in output
    assert REVIEW not in output  # nothing went back to review, nothing is new
    msgfmt_check(project.root / "translations/en/leber.po")
    en = polib.pofile(str(project.root / "translations/en/leber.po")).find("Sie braucht Ruhe.")
    assert en.msgstr == "It needs rest." and not en.fuzzy and not en.obsolete
    msgfmt_check(project.root / "translations/fr/leber.po")
    fr = polib.pofile(str(project.root / "translations/fr/leber.po")).find("Sie braucht Ruhe.")
    assert fr.msgstr and fr.fuzzy and not fr.obsolete and "mt: pseudo" in fr.tcomment
    assert "extract --check: translations/ up to date" in project.run("extract", "--check").output


def test_a_removed_sentence_put_back_that_had_no_translation_is_not_counted_new(project):
    """Put back, a sentence reviewed in en and never translated in fr (no obsolete entry kept it there) is no new
    German in fr either: extract counts it as a removed sentence put back, still to translate."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    project.run("extract")
    project.write("source_de/leber.md", LEBER.replace(" Sie braucht Ruhe.", ""))
    project.run("extract")
    project.write("source_de/leber.md", LEBER)
    output = project.run("extract").output
    assert "en: 1 removed sentence put back, translation taken back from the obsolete entry" in output
    assert "fr: 1 removed sentence put back, still to translate (no translation of it to take back)" in output
    assert not re.search(r"^fr: .*\b1 new\b", output, re.M), output
    fr = polib.pofile(str(project.root / "translations/fr/leber.po")).find("Sie braucht Ruhe.")
    assert fr.msgstr == "" and not fr.obsolete
    msgfmt_check(project.root / "translations/fr/leber.po")


def test_a_machine_draft_of_changed_german_is_drafted_again_not_sent_to_review(project):
    """Nobody checked the draft: it goes obsolete, the new German is empty until pretranslate drafts it."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    output = project.run("extract").output
    # per language what became of the work: no review lost, the draft kept as obsolete, nothing new or gone
    assert (f"en: 0 changed sentences {REVIEW}, 1 changed sentence to draft again (an untouched machine draft of "
            "the old German, kept as obsolete; run verlag pretranslate), 0 new, 0 no longer used") in output
    # the German is listed once, as what it is: a changed sentence, neither new nor removed
    assert re.search(r"^source_de/leber\.md:\d+: changed: Sie braucht viel Ruhe\.$", output, re.M)
    assert ": new: " not in output and ": removed: " not in output
    po = polib.pofile(str(project.root / "translations/en/leber.po"))
    assert po.find("Sie braucht viel Ruhe.").msgstr == "" and po.find("Sie braucht Ruhe.", include_obsolete_entries=True).obsolete
    project.run("pretranslate", "--engine", "copy")
    entry = polib.pofile(str(project.root / "translations/en/leber.po")).find("Sie braucht viel Ruhe.")
    assert entry.msgstr == "Sie braucht viel Ruhe." and entry.fuzzy and entry.previous_msgid is None


def test_extract_lists_the_changed_sentences_of_one_paragraph_in_the_order_of_the_german(project):
    """Fresh-user trial 5: both sentences of a paragraph changed, the second less than the first, and extract listed
    the second first (the merge pairs the likest German first). On one line they are listed as the German has
    them, a new sentence before a changed one after it too."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night.",
                                    "Sie braucht Ruhe.": "It needs rest."})
    paragraph = "Die Leber arbeitet nachts. Sie braucht Ruhe."
    project.write("source_de/leber.md",
                  LEBER.replace(paragraph, "Die Leber arbeitet vor allem in der Nacht. Sie braucht viel Ruhe."))
    output = project.run("extract").output
    listed = re.findall(r"^source_de/leber\.md:\d+: (\w+): (.*)$", output, re.M)
    assert listed == [("changed", "Die Leber arbeitet vor allem in der Nacht."),
                      ("changed", "Sie braucht viel Ruhe.")], output
    project.write("source_de/leber.md", LEBER.replace(paragraph, "Abends wird es still. Sie braucht sehr viel Ruhe."))
    output = project.run("extract").output
    listed = re.findall(r"^source_de/leber\.md:\d+: (\w+): (.*)$", output, re.M)
    assert listed == [("new", "Abends wird es still."), ("changed", "Sie braucht sehr viel Ruhe.")], output


def test_a_signed_off_draft_keeps_its_origin_but_is_never_machine_text_again(project):
    """Signed off, a draft is the reviewer's translation: the next extract keeps '# mt: pseudo' as its origin
    and, while the text is the engine's byte for byte, its draft fingerprint marked 'signed off' (the evidence
    that nobody edited it; an edited one has them replaced by 'rewritten by hand from mt: pseudo'); reopened
    ('Needs work' in Poedit: fuzzy again),
    --redo-drafts leaves it alone and an author's edit sends it back to review instead of retiring it."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    path = project.root / "translations/en/leber.po"
    drafted = polib.pofile(str(path)).find("Sie braucht Ruhe.").msgstr
    review(project, "en", "leber", {"Sie braucht Ruhe.": drafted, "Tipps": "Tips"})
    project.run("extract")
    text = path.read_text(encoding="utf-8")
    block = text[:text.index('msgid "Sie braucht Ruhe."')].rsplit("\n\n", 1)[1]
    assert f"# mt: pseudo\n# draft {fingerprint(drafted)}, signed off\n" in block and "fuzzy" not in block
    edited = text[:text.index('msgid "Tipps"')].rsplit("\n\n", 1)[1]
    assert edited.startswith("# rewritten by hand from mt: pseudo\n") and "draft" not in edited
    project.run("extract")
    assert path.read_text(encoding="utf-8") == text
    msgfmt_check(path)
    path.write_text(text.replace('#, markdown-text\nmsgid "Sie braucht Ruhe."',
                                 '#, fuzzy, markdown-text\nmsgid "Sie braucht Ruhe."'), encoding="utf-8")
    project.run("pretranslate", "--engine", "copy", "--redo-drafts", "--lang", "en")
    assert polib.pofile(str(path)).find("Sie braucht Ruhe.").msgstr == drafted
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    project.run("extract")
    entry = polib.pofile(str(path)).find("Sie braucht viel Ruhe.")
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (drafted, True, "Sie braucht Ruhe.")


def test_a_reader_that_stops_reading_is_no_error(tmp_path):
    """`verlag status | head -1`: the pipe closes early; no 'error: Broken pipe', exit 0."""
    project = copy_shipped_project(tmp_path / "blog")
    proc = subprocess.Popen([sys.executable, str(REPO / "cli.py"), "-C", str(project.root), "status"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    proc.stdout.close()  # before the first line is written
    assert proc.wait(timeout=WALL) == 0
    assert proc.stderr.read() == b""


# A sitecustomize for the test's own PYTHONPATH: the import of click (the first thing ``cli`` loads) says it has
# started, by creating the file named in the environment, then takes up to a minute: a Ctrl-C lands in it. It waits
# in slices, as a real import runs bytecode: a signal that lands after Python last looked for one and before a
# sleep starts is acted on only when that sleep ends (one time.sleep(60) failed the test 1 time in about 160 under
# load, the test waiting 30 s).
SLOW_CLICK = """
import importlib.abc, os, sys, time

class SlowClick(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            open(os.environ["VERLAG_TEST_IMPORTING"], "w").close()
            for _ in range(6000):
                time.sleep(0.01)
        return None

sys.meta_path.insert(0, SlowClick())
"""


@pytest.mark.parametrize("how", ["script", "module"])
def test_ctrl_c_while_python_loads_verlag_exits_130_without_a_traceback(project, tmp_path, how):
    """SIGINT to the process group while Python is still importing verlag's command line (click here, held
    up by the sitecustomize above): "interrupted" and exit 130 as for Ctrl-C in a command, no traceback; for
    the console script pyproject.toml names (run as pip's script runs it) and for ``python -m verlag``."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_CLICK, encoding="utf-8")
    importing = tmp_path / "importing"
    if how == "script":
        module, function = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
            "scripts"]["verlag"].split(":")
        command = [sys.executable, "-c", f"import sys\nfrom {module} import {function}\nsys.exit({function}())"]
    else:
        command = [sys.executable, "-m", "verlag"]
    proc = subprocess.Popen([*command, "-C", str(project.root), "status"], cwd=tmp_path, start_new_session=True,
                            preexec_fn=interruptible,
                            env={**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{REPO}",
                                 "VERLAG_TEST_IMPORTING": str(importing)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + WALL
    while not importing.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "ended or never imported click"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=WALL)
    assert (proc.returncode, out, err) == (130, "", "interrupted\n")

def test_python_m_verlag_in_a_folder_with_a_cli_py_of_its_own_runs_verlag(project):
    """``python -m verlag`` inside a content project that holds its own ``cli.py`` and ``pipeline.py`` (a
    helper script of the blog's): verlag's modules still come from verlag, as for the console script, instead
    of an ImportError traceback."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.write("cli.py", "raise SystemExit('the blog's own cli.py')\n")
    project.write("pipeline.py", "raise SystemExit('the blog's own pipeline.py')\n")
    proc = subprocess.run([sys.executable, "-m", "verlag", "extract"], cwd=project.root, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stderr
    assert "created translations/en/leber.po" in proc.stdout


def test_status_shows_long_slugs_whole(project):
    """An imported copy ``…-2`` must be told from its original: no slug is cut, drafts included."""
    long = "knieschmerzen-beim-treppensteigen-was-die-kniescheibe-verraet"
    project.write(f"source_de/{long}.md", article("Knie", "Ein Satz.\n"))
    project.write(f"source_de/{long}-2.md", article("Knie", "Ein Satz.\n", draft="true"))
    project.run("extract")
    lines = project.run("status", "--lang", "en").output.splitlines()
    assert any(line.split()[1:2] == [long] for line in lines)
    assert any(f" {long}-2 (draft) " in line for line in lines)
    assert len({len(line) for line in lines[:1] + [x for x in lines if x.startswith("en ")]}) == 1  # aligned


@pytest.mark.parametrize("command", [["pretranslate", "--engine", "pseudo", "--lang", "fr"], ["extract"], ["status"],
                                     ["check"], ["build"], ["review"]])
def test_ctrl_c_while_a_command_reads_the_project_exits_130_and_damages_nothing(project, command, tmp_path_factory):
    """SIGINT to the process group, as a terminal's Ctrl-C sends it, while the command is stuck reading an article
    (a disk that does not answer: verlag's read of it blocks on a named pipe nobody writes to; verlag itself never
    opens one, ``tests/test_special_files.py``): exit 130 as ``--help`` says, never click's "Aborted!" and 1."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    before = project.snapshot()
    project.write("source_de/zz-langsam.md", article("Langsam", "Die Platte antwortet nicht.\n"))
    pipe = tmp_path_factory.mktemp("platte") / "langsam"
    os.mkfifo(pipe)
    stuck = ("import os, sys\nfrom pipeline import fsutil\nreal = fsutil.regular\n"
             "def regular(path, ref=None):\n"
             "    if str(path).endswith('zz-langsam.md'):\n"
             # a with block: an interrupt the eval loop notices while a dropped file object is finalized is
             # cleared there (CPython's io finalizer ignores errors outside -X dev), and the command went on
             f"        with open({str(pipe)!r}, 'rb') as stuck:\n"
             "            stuck.read()\n"
             "    return real(path, ref)\n"
             "fsutil.regular = regular\nfrom cli import main\nmain()\n")
    proc = subprocess.Popen([sys.executable, "-c", stuck, "-C", str(project.root), *command],
                            env={**os.environ, "PYTHONPATH": str(REPO)}, start_new_session=True,
                            preexec_fn=interruptible, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + WALL
    while True:  # a writer can open the pipe once the command has opened it to read: it is waiting in read()
        try:
            writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, "ended or never read the article"
            time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    os.close(writer)  # a read of the pipe after the interrupt gets an empty file, not a wait for ever
    _, err = proc.communicate(timeout=WALL)
    assert proc.returncode == 130, err
    assert "Aborted!" not in err and "Traceback" not in err
    pipe.unlink()
    (project.root / "source_de/zz-langsam.md").unlink()
    after = project.snapshot()
    assert {k: v for k, v in after.items() if k in before} == {k: v for k, v in before.items() if k in after}
    for catalog in (project.root / "translations").rglob("*.po"):
        msgfmt_check(catalog)


def _copy_drafted_leber(project) -> None:
    """LEBER in English only, drafted by the ``copy`` engine; drafts shown as "machine", any share published."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n'
                                 '[publish]\nmin_translated = 0\nunreviewed = "machine"\n')
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")


def _a_persons_text_on_the_page(project, hand: int,
                                notice: str = "Parts of this translation have not yet been checked by a person.") -> None:
    """``status`` counts ``hand`` hand drafts and no machine text, and the built page says (parts of) it are not
    checked yet (``notice``), never that a machine made them."""
    rows = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert rows[0]["segments"]["hand"] == hand and rows[0]["segments"]["machine"] == 0
    project.run("build", "--quiet")
    page = (project.root / "site/en/leber/index.html").read_text(encoding="utf-8")
    assert "The liver works at night." in page and "made by machine" not in page
    assert notice in page


def test_a_draft_a_reviewer_overwrote_and_left_fuzzy_is_a_persons_not_the_machines(project):
    """The reviewer writes their English over two ``copy`` drafts and leaves them fuzzy: their ``draft``
    fingerprints no longer match, so ``status`` counts them as hand drafts (not machine), and under
    ``unreviewed = "machine"`` the page says that it is not checked yet (no sentence of it is), not that a machine
    made it."""
    _copy_drafted_leber(project)
    review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night.",
                                    "Sie braucht Ruhe.": "It needs rest."}, sign_off=False)
    path = project.root / "translations/en/leber.po"
    msgfmt_check(path)
    _a_persons_text_on_the_page(project, hand=2, notice="This translation has not yet been checked by a person.")


def test_a_reviewers_rewrite_signed_off_and_reopened_is_a_persons_not_the_machines(project):
    """The reviewer rewrites a ``copy`` draft and signs it off; the next extract writes the catalog back; then it
    is reopened (fuzzy again, Poedit's "needs work"). The text is still the reviewer's: ``status`` counts a hand
    draft, and under ``unreviewed = "machine"`` the page never says a machine made it."""
    _copy_drafted_leber(project)
    sign_off_all(project, "en")
    path = review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night."})
    project.run("extract")
    po = polib.pofile(str(path))
    po.find("Die Leber arbeitet nachts.").flags.insert(0, "fuzzy")
    po.save(str(path))
    msgfmt_check(path)
    _a_persons_text_on_the_page(project, hand=1)


def test_a_persons_own_translation_signed_off_and_reopened_is_not_called_machine_text_by_page_status_or_review(
        project):
    """A reviewer's own translation (no engine drafted it, so no ``mt:`` line), signed off, reopened with a changed
    text and a note of theirs: nothing says a machine made it, so under ``unreviewed = "machine"`` the page says
    only that it is not checked yet (it said "made by machine", of a person's text: trial 18), and status and the
    review report count it as a hand draft, as the page calls it."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n'
                                 '[publish]\nmin_translated = 0\nunreviewed = "machine"\n')
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works by night."})
    project.run("extract")
    po = polib.pofile(str(path))
    entry = po.find("Die Leber arbeitet nachts.")
    assert not entry.tcomment and not entry.fuzzy
    entry.flags.insert(0, "fuzzy")
    entry.msgstr, entry.tcomment = "The liver works at night.", "Better 'at night'? Asking the author."
    for other in po:  # every other entry signed off: the reopened one is the page's only unchecked text
        if other is not entry and not other.msgstr:
            other.msgstr = f"[{other.msgid}]"
        if other is not entry and "fuzzy" in other.flags:
            other.flags.remove("fuzzy")
    po.save(str(path))
    msgfmt_check(path)
    project.run("build")
    page = project.read("site/en/leber/index.html")
    assert "The liver works at night." in page
    assert "Parts of this translation have not yet been checked by a person." in page and "by machine" not in page
    project.run("review", "--lang", "en")
    html = project.read("review/en/leber.html")
    row = next(r for r in html.split('<article class="seg')[1:] if "Die Leber arbeitet nachts." in r)
    assert "Hand draft" in row and "Machine draft" not in row
    (status,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert status["segments"]["hand"] == 1 and status["segments"]["machine"] == 0


INGWER = article("Ingwerwickel", "Ein warmer Ingwerwickel hilft. Bei Schwangerschaft fragen Sie vorher Ihre "
                 "Ärztin.\n\nSie brauchen eine Wärmflasche.\n")
INGWER_EN = {"Ingwerwickel": "Ginger compress", "Ein warmer Ingwerwickel hilft.": "A warm ginger compress helps.",
             "Bei Schwangerschaft fragen Sie vorher Ihre Ärztin.": "If you are pregnant, ask your doctor first."}


def _typed_in_an_editor(path, translations: dict, unsure: str) -> None:
    """A reviewer's text editor: each ``msgstr ""`` after a msgid filled in by hand, and the entry of ``unsure``
    marked fuzzy in its flag line (trial 18's script: raw text, no PO library)."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    for german, english in translations.items():
        (i,) = [i for i, b in enumerate(blocks) if f'\nmsgid "{german}"\nmsgstr ""' in f"\n{b}"]
        blocks[i] = blocks[i].replace('msgstr ""', f'msgstr "{english}"')
        if german == unsure:
            assert blocks[i].count("\n#, ") == 1
            blocks[i] = blocks[i].replace("\n#, ", "\n#, fuzzy, ")
    path.write_text("\n\n".join(blocks), encoding="utf-8")


def test_a_translation_typed_in_an_editor_and_marked_unsure_is_not_said_to_be_made_by_machine(project):
    """Trial 18: a reviewer typed the English in a text editor and marked one sentence fuzzy (unsure); no engine
    ran. Under ``unreviewed = "machine"`` the page said "Parts of this translation were made by machine", status
    counted the sentence as machine and the review report labelled it "Machine draft": false of a person's text on
    a health site. Nothing says a machine made it: the page says it is not checked yet, status and the report call
    it a hand draft, and ``publish`` names the page as showing unchecked text. An engine's draft added later is
    still announced as made by machine."""
    with FakeService() as service:
        project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n'
                      '[publish]\nmin_translated = 0\nunreviewed = "machine"\n\n'
                      f'[engines.libre]\nurl = "{service.url}/"\n')
        project.write("source_de/ingwer.md", INGWER)
        project.run("extract")
        path = project.root / "translations/en/ingwer.po"
        unsure = "Bei Schwangerschaft fragen Sie vorher Ihre Ärztin."
        _typed_in_an_editor(path, INGWER_EN, unsure)
        msgfmt_check(path)
        (entry,) = [e for e in polib.pofile(str(path)) if e.fuzzy]
        assert entry.msgid == unsure and not entry.tcomment

        def told() -> tuple[str, dict, str]:
            project.run("build", "--quiet")
            page = lxml.html.fromstring(project.read("site/en/ingwer/index.html"))
            notice = page.xpath('string(//aside[contains(@class, "notice-translation")])')
            (status,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
            project.run("review", "--lang", "en")
            rows = project.read("review/en/ingwer.html").split('<article class="seg')[1:]
            return notice, status["segments"], next(r for r in rows if unsure in r)

        notice, counts, row = told()
        assert "If you are pregnant, ask your doctor first." in project.read("site/en/ingwer/index.html")
        assert "Parts of this translation have not yet been checked by a person." in notice
        assert "machine" not in notice
        assert (counts["hand"], counts["machine"]) == (1, 0)
        assert "Hand draft" in row and "Machine draft" not in row

        project.run("pretranslate", "--engine", "libre", "--lang", "en")  # drafts the one sentence left empty
        assert "# mt: libre" in path.read_text(encoding="utf-8")
        notice, counts, row = told()
        assert "Parts of this translation were made by machine and have not yet been checked by a person." in notice
        assert (counts["hand"], counts["machine"]) == (1, 1)
        assert "Hand draft" in row
        give_base_url(project.root)
        assert ("en: 1 article published, 1 with unreviewed machine text, 1 with unreviewed text no engine is known "
                "to have made") in project.run("publish").output


def test_a_rewritten_draft_signed_off_loses_its_machine_records_on_the_next_extract(project):
    """A reviewer writes English over a ``copy`` draft and signs it off. Poedit and Weblate show translator comments:
    ``# mt: copy`` and a draft fingerprint over reviewed English say the German was copied. The next extract puts
    ``# rewritten by hand from mt: copy`` in their place (once: a second extract writes nothing); status counts it
    reviewed, ``pretranslate --redo-drafts`` leaves it, and reopened it is a person's text, not a machine's. A draft
    signed off as the engine wrote it keeps both records, the evidence that it was accepted unedited."""
    _copy_drafted_leber(project)
    path = review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night.",
                                           ("title", "Leber"): "Leber"})
    project.run("extract")
    text = path.read_text(encoding="utf-8")
    rewritten = text[:text.index('msgid "Die Leber arbeitet nachts."')].rsplit("\n\n", 1)[1]
    assert rewritten.startswith("# rewritten by hand from mt: copy\n#. ") and "draft" not in rewritten
    title = text[:text.index('msgid "Leber"')].rsplit("\n\n", 1)[1]
    assert title.startswith(f"# mt: copy\n# draft {fingerprint('Leber')}, signed off\n")
    msgfmt_check(path)
    project.run("extract")
    assert path.read_text(encoding="utf-8") == text
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["reviewed"] == 2 and row["segments"]["machine"] == 0

    project.run("pretranslate", "--engine", "pseudo", "--redo-drafts", "--lang", "en")
    assert polib.pofile(str(path)).find("Die Leber arbeitet nachts.").msgstr == "The liver works at night."
    po = polib.pofile(str(path))
    po.find("Die Leber arbeitet nachts.").flags.insert(0, "fuzzy")
    po.save(str(path))
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["hand"] == 1


def test_a_msgid_the_reviewer_edited_in_the_catalog_is_set_back_not_reported_as_the_authors_change(project):
    """A slip in a text editor changes a msgid ("Ruhe" -> "Ruhee"): the German did not change, so extract
    tells the reviewer where (the catalog's line) and sets the msgid back, translation and state kept, instead
    of telling the author she changed a sentence and sending it back to review."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    reviewed = path.read_text(encoding="utf-8")
    path.write_text(reviewed.replace('msgid "Sie braucht Ruhe."', 'msgid "Sie braucht Ruhee."'), encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index('msgid "Sie braucht Ruhee."') + 1
    result = project.run("extract")
    assert (f"warning: translations/en/leber.po:{line}: msgid edited in the catalog, not in source_de/leber.md: "
            "'Sie braucht Ruhee.' set back to the German 'Sie braucht Ruhe.'") in result.output
    assert "changed: " not in result.output and "back to review" not in result.output
    assert path.read_text(encoding="utf-8") == reviewed
    msgfmt_check(path)


def test_a_message_quoting_a_sentence_shows_its_spaces_as_they_are(project):
    """The German has a doubled space ("Sie  braucht Ruhe.") that a reviewer's editor took out of the msgid: the
    warning quoted both as 'Sie braucht Ruhe.' (every run of spaces made one), so it seemed to set a msgid back
    to itself. Now each is quoted as it is, and one over 60 characters is cut there with its spaces kept."""
    long = "Sie  braucht Ruhe, viel Ruhe, am besten in der Nacht und am frühen Morgen."
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie  braucht Ruhe. " + long))
    project.run("extract")
    path = review(project, "en", "leber", {"Sie  braucht Ruhe.": "It needs rest.", long: "Rest, much rest."})
    po = polib.pofile(str(path))
    for german in ("Sie  braucht Ruhe.", long):
        po.find(german).msgid = german.replace("  ", " ")
    po.save(str(path))
    result = project.run("extract")
    assert ("'Sie braucht Ruhe.' set back to the German 'Sie  braucht Ruhe.', its translation and state kept"
            in result.output), result.output
    assert ("'Sie braucht Ruhe, viel Ruhe, am besten in der Nacht und am …' set back to the German "
            "'Sie  braucht Ruhe, viel Ruhe, am besten in der Nacht und am…'") in result.output, result.output


def test_an_old_copy_merged_with_msgcat_is_reported_as_the_catalogs_entry_not_the_authors_removal(project):
    """A reviewer merges an old download into the catalog with ``msgcat``: the sentence the author reworded
    earlier comes back as an active entry. The German did not change in this run, so extract names the
    catalog and what happened to the entry, never "source_de/leber.md: removed:" as if the author had just
    deleted it."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    old_copy = project.root / "old-copy.po"
    old_copy.write_bytes(path.read_bytes())
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    assert "changed: Sie braucht viel Ruhe." in project.run("extract").output
    subprocess.run(["msgcat", str(path), str(old_copy), "-o", str(path)], check=True, capture_output=True)
    assert ("warning: translations/en/leber.po: 'Sie braucht Ruhe.' is no sentence of source_de/leber.md "
            "(it came back into the catalog, not from the German): verlag extract makes it obsolete (#~), its "
            "translation kept") in project.run("extract", "--check", code=1).output
    result = project.run("extract")
    assert "removed: " not in result.output
    assert ("warning: translations/en/leber.po: 'Sie braucht Ruhe.' is no sentence of source_de/leber.md "
            "(it came back into the catalog, not from the German): made obsolete (#~), its translation kept"
            ) in result.output
    assert polib.pofile(str(path)).find("Sie braucht Ruhe.", include_obsolete_entries=True).obsolete
    msgfmt_check(path)


def test_a_catalog_older_than_the_template_keeps_the_authors_change_under_reproducible_dates(project):
    """The reviewer saves the catalog they downloaded before the author reworded a sentence over the one
    ``extract`` merged (dates fixed by SOURCE_DATE_EPOCH, so the template's date cannot tell the two catalogs
    apart). Its old msgid is the author's earlier German, not a slip: the entry goes back to review with the
    old German as previous msgid, and the old translation is not published as reviewed for the new German."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    downloaded = path.read_text(encoding="utf-8")
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    project.run("extract")
    path.write_text(downloaded, encoding="utf-8")  # the reviewer's copy, made for the older German
    result = project.run("extract")
    assert "msgid edited in the catalog" not in result.output
    entry = polib.pofile(str(path)).find("Sie braucht viel Ruhe.")
    assert entry.fuzzy and entry.previous_msgid == "Sie braucht Ruhe." and entry.msgstr == "It needs rest."
    msgfmt_check(path)


def test_redo_drafts_whose_drafts_come_back_as_they_were_writes_nothing_and_counts_only_what_changed(project,
                                                                                                  monkeypatch):
    """``--redo-drafts`` with an engine that drafts the same text again wrote every catalog anew, its only change the
    PO-Revision-Date, and said every entry was drafted, replacing machine drafts. A catalog whose entries did not
    change is not written; the count says what changed, and what came back as it was."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    path = project.root / "translations/en/leber.po"
    before = path.read_bytes()
    drafts = sum(1 for e in polib.pofile(str(path)) if e.msgstr)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # a later run: a write would date the catalog anew
    said = project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--redo-drafts").output
    assert path.read_bytes() == before
    assert "drafted by" not in said and "replacing" not in said, said
    assert f"en: {drafts} machine drafts came back from pseudo as they were: not written again" in said, said

    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    project.run("extract")
    said = project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--redo-drafts").output
    assert "en: 1 entry drafted by pseudo\n" in said and "replacing" not in said, said
    assert f"en: {drafts - 1} machine drafts came back from pseudo as they were" in said, said
    msgfmt_check(path)
    entry = polib.pofile(str(path)).find("Sie braucht viel Ruhe.")
    assert entry.msgstr and entry.fuzzy

def test_a_draft_that_replaced_signed_off_pseudo_text_is_an_untouched_machine_draft(project):
    """Pseudo text signed off in bulk (``draft …, signed off``) is replaced by ``pretranslate --redo-drafts``; the
    new draft is the engine's, nobody signed it off: it says so, a second ``--redo-drafts`` replaces it again, and
    when the author changes the German it is retired (the new German waits for a draft), not sent back to review
    as if a person had checked it."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    sign_off_all(project, "en")
    project.run("extract")
    path = project.root / "translations/en/leber.po"
    assert "draft " + fingerprint(polib.pofile(str(path)).find("Sie braucht Ruhe.").msgstr) + ", signed off" in \
        path.read_text(encoding="utf-8")
    project.run("pretranslate", "--engine", "copy", "--lang", "en", "--redo-drafts")
    entry = polib.pofile(str(path)).find("Sie braucht Ruhe.")
    assert entry.fuzzy and entry.tcomment.split("\n") == ["mt: copy", f"draft {fingerprint('Sie braucht Ruhe.')}"]
    assert "came back from copy as" in project.run("pretranslate", "--engine", "copy", "--lang", "en",
                                                   "--redo-drafts").output  # asked again: the same text
    project.write("source_de/leber.md", LEBER.replace("Sie braucht Ruhe.", "Sie braucht viel Ruhe."))
    result = project.run("extract")
    assert f"en: 0 changed sentences {REVIEW}, 1 changed sentence to draft again" in result.output
    entry = polib.pofile(str(path)).find("Sie braucht viel Ruhe.")
    assert entry.msgstr == "" and entry.previous_msgid is None
    msgfmt_check(path)


@pytest.mark.parametrize("start, switch", [("sentence", "block"), ("block", "sentence")])
def test_a_project_from_before_the_segmentation_record_has_its_switch_noticed_too(project, start, switch):
    """A project extracted by a verlag that did not record ``segmentation`` in .verlag/ (no
    segmentation.json): its templates tell how they were cut, so the first switch is still said and handled
    as one (no German edit the author never made is listed, the old entries are kept for a switch back)."""
    toml = project.read("verlag.toml") + f'segmentation = "{start}"\n'
    project.write("verlag.toml", toml)
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    (project.root / ".verlag/segmentation.json").unlink()
    project.write("verlag.toml", toml.replace(start, switch))
    result = project.run("extract")
    assert f'warning: verlag.toml: segmentation changed from "{start}" to "{switch}"' in result.output
    assert not re.search(r"^source_de/leber\.md:\d*:? ?(changed|removed|new):", result.output, re.M)


def test_a_project_of_one_sentence_blocks_without_the_record_switches_silently(project):
    """Where every block is one sentence, both ways cut the same entries: nothing to say, nothing changes. A
    table cell of two sentences is one entry either way: no sign of blocks."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n\n## Tipps\n\n"
                                                "| Rat |\n|---|\n| Tee trinken. Früh schlafen. |\n"))
    project.run("extract")
    before = project.read("translations/en/leber.po")
    toml = project.read("verlag.toml")
    for setting in ("sentence", "block"):
        (project.root / ".verlag/segmentation.json").unlink()
        project.write("verlag.toml", toml + f'segmentation = "{setting}"\n')
        assert "segmentation changed" not in project.run("extract").output
        assert project.read("translations/en/leber.po") == before


def test_joined_sentence_translations_take_no_space_in_chinese_and_japanese(project):
    """A block's reviewed sentences offered as one suggestion are joined as the language writes sentences:
    「…。…。」 without a space in Chinese and Japanese (a space there is a stray character in the text)."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["ja", "zh-Hant", "en"]'))
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    sentences = {"ja": ("肝臓は夜に働きます。", "休息が必要です。"), "zh-Hant": ("肝臟在夜間工作。", "它需要休息。"),
                 "en": ("The liver works at night.", "It needs rest.")}
    for lang, (first, second) in sentences.items():
        review(project, lang, "leber", {"Die Leber arbeitet nachts.": first, "Sie braucht Ruhe.": second})
    project.write("verlag.toml", project.read("verlag.toml") + 'segmentation = "block"\n')
    project.run("extract")
    for lang, (first, second) in sentences.items():
        path = project.root / f"translations/{lang}/leber.po"
        block = polib.pofile(str(path)).find("Die Leber arbeitet nachts. Sie braucht Ruhe.")
        assert block.fuzzy and block.msgstr == (f"{first} {second}" if lang == "en" else first + second), lang
        msgfmt_check(path)


def test_switching_segmentation_to_block_warns_carries_joined_suggestions_and_switching_back_restores(project):
    """``segmentation = "block"`` in a project with reviewed sentences (fresh-user trial 17): extract says what the
    switch does, reports no German edit the author never made, offers each paragraph its reviewed sentences'
    translations joined in order as a fuzzy suggestion, and keeps the sentences as obsolete entries, so
    switching back makes them reviewed again exactly as they were."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night.",
                                           "Sie braucht Ruhe.": "It needs rest."})
    reviewed = {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.msgstr and not e.fuzzy}
    toml = project.read("verlag.toml")
    project.write("verlag.toml", toml.replace('source_language = "de"\n',
                                              'source_language = "de"\nsegmentation = "block"\n'))
    result = project.run("extract")
    assert ('warning: verlag.toml: segmentation changed from "sentence" to "block": every article\'s entries are '
            "made again, one per block; a block's reviewed sentence translations are offered, joined in order, as "
            "a fuzzy suggestion, and the sentence entries are kept as obsolete (#~): setting segmentation back to "
            '"sentence" restores them as they were') in result.output
    assert not re.search(r"^source_de/leber\.md:\d*:? ?(changed|removed|new):", result.output, re.M)
    block = polib.pofile(str(path)).find("Die Leber arbeitet nachts. Sie braucht Ruhe.")
    assert block.fuzzy and block.msgstr == "The liver works at night. It needs rest."
    msgfmt_check(path)
    project.write("verlag.toml", toml)
    result = project.run("extract")
    assert 'segmentation changed from "block" to "sentence"' in result.output
    assert not re.search(r"^source_de/leber\.md:\d*:? ?(changed|removed|new):", result.output, re.M)
    back = {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.msgstr and not e.fuzzy}
    assert back == reviewed
    msgfmt_check(path)


def test_a_fresh_clone_whose_only_hard_breaks_stand_inside_sentences_is_read_as_sentence_mode(project):
    """Without ``.verlag/segmentation.json`` the templates tell the setting: an address or a sentence broken by
    a hard break is one entry in sentence mode too, no sign of blocks, so nothing changes and nothing is said."""
    project.write("source_de/praxis.md", article("Praxis", "Praxis Lindenhof  \nAm Anger 4  \n79100 Freiburg\n\n"
                                                          "Wir sind am Montag\\\ngeschlossen.\n"))
    project.run("extract")
    before = project.read("translations/en/praxis.po")
    (project.root / ".verlag/segmentation.json").unlink()
    assert "segmentation changed" not in project.run("extract").output
    assert project.read("translations/en/praxis.po") == before


def test_a_translation_typed_into_a_template_is_warned_of_before_extract_makes_it_again(project: Project):
    """Fresh-user trial: a reviewer filled a msgstr of translations/templates/tee.pot; extract made the template
    again from the German and the translation was gone without a word."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    project.run("extract")
    pot = project.root / "translations/templates/tee.pot"
    text = pot.read_text(encoding="utf-8")
    typed = text.replace('msgid "Tee beruhigt."\nmsgstr ""', 'msgid "Tee beruhigt."\nmsgstr "Tea calms."')
    assert typed != text
    pot.write_text(typed, encoding="utf-8")
    line = typed.split("\n").index('msgstr "Tea calms."') + 1
    result = project.run("extract")
    assert (f"warning: translations/templates/tee.pot:{line}: a translation typed into the template "
            "('Tea calms.') is dropped: templates hold no translations, verlag makes them again from the German; "
            "put it into the language's catalog (translations/en/tee.po or translations/fr/tee.po)") in result.output
    assert pot.read_text(encoding="utf-8") == text
    assert "warning" not in project.run("extract").output


@pytest.mark.parametrize("command", [["check"], ["review"], ["pretranslate", "--engine", "copy"], ["status"]])
def test_an_unknown_article_slug_suggests_the_closest(project: Project, command: list[str]):
    """Fresh-user trial: ``--article tea`` said only "no article with slug 'tea'" beside the article tee."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/zecken.md", article("Zecken", "Zecken stechen.\n"))
    project.run("extract")
    result = project.run(*command, "--article", "tea", code=2)
    assert "no article with slug" in result.output and "did you mean 'tee'?" in result.output
    assert "did you mean" not in project.run(*command, "--article", "xyzzy", code=2).output
    several = project.run(*command, "--article", "tea", "--article", "xyzzy", "--article", "zeken", code=2).output
    assert ("'tea' (did you mean 'tee'?)" in several and "'zeken' (did you mean 'zecken'?)" in several
            and "'tea' (did you mean 'tee'?), 'xyzzy', 'zeken'" in several), several  # each typo named, not the first alone or none


@pytest.mark.parametrize("command", [["check"], ["review"], ["pretranslate", "--engine", "copy"], ["status"]])
def test_an_article_slug_verlag_recorded_as_renamed_names_the_new_file(project: Project, command: list[str]):
    """Trial 35: ``--article sturz``, the name the author had known the article by, said only "no article with slug
    'sturz' in source_de/" although extract had recorded its rename to sturzprophylaxe.md; it names the new file and
    the option to use, and says so when the new name is gone too."""
    project.write("source_de/sturz.md", article("Sturz", "Stürze sind häufig.\n"))
    project.write("source_de/knie.md", article("Knie", "Das Knie trägt.\n"))
    project.run("extract")
    (project.root / "source_de/sturz.md").rename(project.root / "source_de/sturzprophylaxe.md")
    project.run("extract")
    said = project.run(*command, "--article", "sturz", code=2).output
    assert ("no article with slug 'sturz' (renamed to source_de/sturzprophylaxe.md: use --article sturzprophylaxe) "
            "in source_de/") in said, said
    (project.root / "source_de/sturzprophylaxe.md").rename(project.root / "source_de/praevention.md")
    (project.root / "source_de/knie.md").rename(project.root / "source_de/kniegelenk.md")
    project.run("extract")
    said = project.run(*command, "--article", "sturz", "--article", "knie", code=2).output
    assert "'sturz' (renamed to source_de/praevention.md: use --article praevention)" in said, said
    assert "'knie' (renamed to source_de/kniegelenk.md: use --article kniegelenk)" in said, said
    (project.root / "source_de/praevention.md").unlink()
    project.run("extract")
    said = project.run(*command, "--article", "sturz", code=2).output
    assert "'sturz' (renamed to praevention, which no article has now either: deleted, or renamed since)" in said


def test_publish_says_of_a_translation_the_authors_edit_withdrew_what_build_says(project):
    """Trial 19: publish's summary counted a published English page the author's edit had withdrawn among those "not
    translated enough yet", as if readers had never had it, while build said it was published and that its address
    now shows a page saying so. publish says it as build does, apart from the article never translated."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts. Sie braucht Ruhe.\n"))
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Die Leber arbeitet nachts.":
                                    "The liver works at night.", "Sie braucht Ruhe.": "It needs rest."})
    give_base_url(project.root)
    assert "en: 1 article published, 1 not published (not translated enough yet)" in \
        project.run("publish").output.splitlines()
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet meist nachts. Sie braucht viel Ruhe.\n"))
    project.run("extract")
    said = ("its address shows a page saying it is not available at the moment, with a link to the original, until "
            "it is published again")
    assert f"en: 0 articles published, 1 not published (not translated enough yet), 1 not published ({said})" in \
        project.run("publish").output.splitlines()
    assert f"leber (10.0 % translated, 80 needed; {said})" in project.run("build").output


def test_a_translation_of_a_msgid_the_reviewer_reworded_in_the_catalog_goes_back_to_review(project):
    """Fresh-user trial 23 #6: a reviewer added words to a msgid ("… (z. B. Lachs)"), translated and signed off
    that text; extract set the German back and kept the translation reviewed, so the page named salmon where the
    German names none, and status and check said nothing. A translation made around a reworded msgid goes back to
    review now, the edited text as its previous msgid; a typo-sized slip keeps its state (the test above)."""
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    path = review(project, "en", "leber", {"Sie braucht Ruhe.": "It needs rest."})
    text = path.read_text(encoding="utf-8")
    edited = text.replace('msgid "Sie braucht Ruhe."\nmsgstr "It needs rest."',
                          'msgid "Sie braucht Ruhe (z. B. Schlaf)."\nmsgstr "It needs rest (e.g. sleep)."')
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    line = edited.split("\n").index('msgid "Sie braucht Ruhe (z. B. Schlaf)."') + 1
    result = project.run("extract")
    assert (f"warning: translations/en/leber.po:{line}: msgid edited in the catalog, not in source_de/leber.md: "
            "'Sie braucht Ruhe (z. B. Schlaf).' set back to the German 'Sie braucht Ruhe.', its translation, which "
            "may translate the edited text, back to review (fuzzy, the edited text as previous msgid)") \
        in result.output, result.output
    entry = polib.pofile(str(path)).find("Sie braucht Ruhe.")
    assert entry.msgstr == "It needs rest (e.g. sleep)." and entry.fuzzy
    assert entry.previous_msgid == "Sie braucht Ruhe (z. B. Schlaf)."
    msgfmt_check(path)
    (row,) = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    assert row["segments"]["stale"] == 1 and row["segments"]["reviewed"] == 0, row

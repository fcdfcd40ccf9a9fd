"""Catalogs that went through the reviewer's own tools lose nothing that decides what readers see.

Reviewers save in Poedit, run GNU ``msgcat``/``msguniq``/``msgattrib``/``msgmerge``
or let Weblate (translate-toolkit) commit. Each of these drops unknown flags or
regenerates ``#.`` comments; verlag's records live in translator comments, which
all of them keep (``catalog.Notes``). Poedit cannot run here; its save drops
unknown flags and keeps translator comments exactly as ``msgcat`` does.

One project is built once: a reviewed article with a suppressed finding, machine
(``mt:``) and translation-memory (``tm:``) drafts, a stale entry with ``#|``, a
reviewer's comment, a glossary hint and obsolete entries. Each tool rewrites every
catalog and template, ``verlag extract`` runs, and the catalogs and templates (dates
included), ``check``, ``status``, the review report and the built page must be exactly
what they were before.
"""

from __future__ import annotations

import difflib
import gettext
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from translate.storage import po as ttk_po

from cli import main
from pipeline.catalog import fingerprint, parse_po, plural_forms

from conftest import REPO, Project, article, copy_shipped_project, msgfmt_check, review

STALE_BEFORE = "Legen Sie sich abends mit einer Wärmflasche auf die rechte Seite."
SUPPRESSED = "Bleiben Sie dort 30 Minuten liegen."
QUELLE = article("Quelle", "Die Leber arbeitet vor allem nachts.\n")
ZIEL = article("Wärme für den Rücken", f"""\
    Verspannungen im Rücken lösen sich oft durch Wärme. {STALE_BEFORE} {SUPPRESSED}

    Die Leber arbeitet vor allem nachts. Trinken Sie danach ein Glas warmes Wasser.

    Dieser Absatz fällt später weg. Er hat zwei Sätze.
    """, summary="Wie Wärme den Rücken entspannt.")
REVIEWED = {
    ("title", "Wärme für den Rücken"): "Warmth for the back",
    "Verspannungen im Rücken lösen sich oft durch Wärme.": "Tension in the back often eases with warmth.",
    STALE_BEFORE: "In the evening, lie on your right side with a hot-water bottle.",
    SUPPRESSED: "Stay there for half an hour.",  # numbers: "30" is missing, and the reviewer accepts that
    "Dieser Absatz fällt später weg.": "This paragraph goes away later.",
    "Er hat zwei Sätze.": "It has two sentences.",
}


def cli(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=False)
    return result.exit_code, result.output


def outputs(root: Path) -> dict[str, object]:
    """What the reviewer and the reader see: check, status, the review report and the English page."""
    seen: dict[str, object] = {"check": cli(root, "check", "--format", "json"),
                               "status": cli(root, "status", "--format", "json")}
    assert cli(root, "review")[0] == 0
    seen["review"] = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                      for p in sorted((root / "review").rglob("*.html"))}
    assert cli(root, "build", "--quiet")[0] == 0
    seen["page"] = (root / "site/en/ziel/index.html").read_text(encoding="utf-8")
    return seen


def catalogs(root: Path) -> dict[str, bytes]:
    """Every catalog and template, as bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "translations").rglob("*.po*"))}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory):
    """The project after the reviewer's and the author's work, with its catalogs and outputs."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1780000000")  # as the autouse fixed_dates, which is per test
        return _baseline(Project(tmp_path_factory.mktemp("baseline")))


def _baseline(project: Project):
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en", "fr"]\n'
                                 '[publish]\nmin_translated = 0\n')  # partly translated editions are built too
    project.write("translations/glossary.csv", "source,en,fr\nWärmflasche,hot-water bottle,bouillotte\n")
    project.write("source_de/quelle.md", QUELLE)
    project.write("source_de/ziel.md", ZIEL)
    project.run("extract")
    review(project, "en", "quelle", {("title", "Quelle"): "Source",
                                      "Die Leber arbeitet vor allem nachts.": "The liver works mainly at night."})
    path = review(project, "en", "ziel", REVIEWED)
    po = polib.pofile(str(path))
    po.find(SUPPRESSED).tcomment = "Half an hour reads better here; agreed with the author.\nignore-numbers"
    po.save(str(path))
    project.run("pretranslate", "--engine", "tm", "--lang", "en", "--article", "ziel")
    project.run("pretranslate", "--engine", "pseudo")
    project.write("source_de/ziel.md", ZIEL.replace("die rechte Seite", "die linke Seite").replace(
        "\nDieser Absatz fällt später weg. Er hat zwei Sätze.\n", "").replace("für den Rücken", "für Ihren Rücken"))
    project.run("extract")
    return project, catalogs(project.root), outputs(project.root)


def test_the_baseline_holds_every_record_worth_keeping(baseline):
    project, files, seen = baseline
    text = files["translations/en/ziel.po"].decode()
    entries = {e.msgid: e for e in polib.pofile(text)}
    assert "ignore-numbers" in entries[SUPPRESSED].tcomment and not entries[SUPPRESSED].fuzzy
    assert "tm: 100% from quelle" in entries["Die Leber arbeitet vor allem nachts."].tcomment
    assert "mt: pseudo" in entries["Trinken Sie danach ein Glas warmes Wasser."].tcomment
    stale = entries[STALE_BEFORE.replace("rechte", "linke")]
    assert stale.fuzzy and stale.previous_msgid == STALE_BEFORE
    title = entries["Wärme für Ihren Rücken"]
    assert title.fuzzy and (title.previous_msgctxt, title.previous_msgid) == ("title", "Wärme für den Rücken")
    assert "#. glossary: Wärmflasche -> hot-water bottle" in text
    assert sum(e.obsolete for e in entries.values()) == 2
    found = {(f["path"], f["check"]) for f in json.loads(seen["check"][1])}
    assert ("translations/en/ziel.po", "stale") in found and ("translations/en/ziel.po", "numbers") not in found
    assert "Stay there for half an hour." in seen["page"]
    page = next(html for name, html in seen["review"].items() if name.endswith("en/ziel.html"))
    assert "right side" in page and "<del>rechte</del>" in page  # the stale entry's word diff


def gnu(*command: str) -> None:
    assert shutil.which(command[0]), f"GNU gettext ({command[0]}) is required: apt-get install gettext"
    subprocess.run(command, check=True, capture_output=True)


def through_translate_toolkit(path: Path, pot: Path | None) -> None:
    store = ttk_po.pofile.parsefile(str(path))
    path.write_bytes(bytes(store))


TOOLS = {
    "msgcat": lambda path, pot: gnu("msgcat", "-o", str(path), str(path)),
    "msguniq": lambda path, pot: gnu("msguniq", "-o", str(path), str(path)),
    "msgattrib": lambda path, pot: gnu("msgattrib", "-o", str(path), str(path)),
    "msgmerge": lambda path, pot: pot and gnu("msgmerge", "--quiet", "-o", str(path), str(path), str(pot)),
    "msgmerge --previous": lambda path, pot: pot and gnu("msgmerge", "--quiet", "--previous", "-o", str(path),
                                                         str(path), str(pot)),
    "translate-toolkit": through_translate_toolkit,
}


@pytest.mark.parametrize("tool", list(TOOLS))
def test_a_catalog_through_an_outside_tool_and_extract_is_what_it_was(baseline, tool: str, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    project, files, seen = baseline
    root = tmp_path / "project"
    shutil.copytree(project.root, root, ignore=shutil.ignore_patterns("site", ".verlag"))
    for path in sorted((root / "translations").rglob("*.po*")):  # templates too: their dates must not churn
        pot = root / "translations/templates" / f"{path.stem}.pot"
        TOOLS[tool](path, pot if pot.exists() else None)
    # translate-toolkit writes verlag's catalogs back byte for byte; the GNU tools drop and regenerate
    assert (catalogs(root) == files) == (tool == "translate-toolkit"), tool
    with monkeypatch.context() as later:
        later.setenv("SOURCE_DATE_EPOCH", "1790000000")  # any date the extract wrote would now differ
        assert cli(root, "extract")[0] == 0
    assert catalogs(root) == files
    assert outputs(root) == seen


def as_older_verlag_wrote_it(text: str) -> str:
    """The forms verlag wrote before the records moved into translator comments."""
    blocks = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        ignored = [line[2:] for line in lines if re.fullmatch(r"# ignore-[a-z-]+", line)]
        origins = [line[2:] for line in lines if re.match(r"# (mt|tm): ", line)]
        lines = [line for line in lines if not re.match(r"# (ignore-|mt: |tm: |previous )", line)]
        kind = next((i for i, line in enumerate(lines) if line.startswith("#. ")), None)
        if kind is not None:
            lines[kind + 1:kind + 1] = [f"#. {origin}" for origin in origins]
        lines = [f"{line}, {', '.join(ignored)}" if line.startswith("#, ") and ignored else line for line in lines]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def test_catalogs_in_the_older_forms_migrate_on_extract_without_loss(baseline, tmp_path: Path):
    """``#, ignore-…`` flags, ``#. mt:`` lines and a previous text only in ``#|`` mean what they meant."""
    project, files, seen = baseline
    root = tmp_path / "project"
    shutil.copytree(project.root, root, ignore=shutil.ignore_patterns("site", ".verlag"))
    path = root / "translations/en/ziel.po"
    older = as_older_verlag_wrote_it(path.read_text(encoding="utf-8"))
    assert "#, markdown-text, ignore-numbers" in older and "#. mt: pseudo" in older and "# previous" not in older
    path.write_text(older, encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    migrated = path.read_text(encoding="utf-8")
    assert "ignore-numbers\n" in migrated and "\n# mt: pseudo\n" in migrated and "#. mt:" not in migrated
    # the older form had no record of a stale entry's sign-off: the review report says it was written for the German
    # before, not that it was signed off (nor that it was not)
    told = {"Changed since the sign-off: <del>German signed off</del>":
            "Changed since it was translated: <del>German translated</del>",
            "Signed off for the German before it changed": "Written for the German before it changed"}
    review_pages = dict(seen["review"])
    for name, text in review_pages.items():
        for signed, unknown in told.items():
            text = text.replace(signed, unknown)
        review_pages[name] = text
    assert outputs(root) == {**seen, "review": review_pages}
    assert "Signed off for the German before it changed" in seen["review"]["review/en/ziel.html"]


# ---- every shipped and generated catalog passes msgfmt --check and pofilter ----

LANGUAGES = ["de", "en", "fr", "pl", "ru", "ar", "sl"]  # two, three, six and four plural forms


def pofilter(path: Path, lang: str) -> str:
    """translate-toolkit's pofilter, nplurals and printf tests (xmltags off: Markdown is not XML); what it flags."""
    executable = Path(sys.executable).with_name("pofilter")
    proc = subprocess.run([str(executable), "--progress=none", f"--language={lang}", "-t", "nplurals", "-t", "printf",
                           str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def numbered_for_pofilter(path: Path, into: Path) -> Path:
    """A copy of the catalog at ``path`` whose plural forms that serve one count only (Arabic's "مقالتان", two
    articles, said by the noun alone) carry the number too: pofilter's printf test asks it of every form, while GNU
    msgfmt --check and verlag's check let such a form leave it out."""
    from pipeline.check import _counts_per_form

    po = polib.pofile(str(path))
    counts = _counts_per_form(po.metadata.get("Plural-Forms", ""))
    for entry in po:
        for n, text in entry.msgstr_plural.items():
            if counts.get(n) == 1 and text and "%(count)s" not in text:
                entry.msgstr_plural[n] = f"%(count)s {text}"
    po.save(str(into))
    return into


def fill_plural_forms(path: Path) -> None:
    """Act as a reviewer who translates every plural form verlag offers (pofilter counts the filled ones)."""
    po = polib.pofile(str(path))
    for entry in po:
        for n, text in entry.msgstr_plural.items():
            entry.msgstr_plural[n] = text or f"%(count)s ({path.parent.name}, form {n})"
    po.save(str(path))


def test_shipped_and_generated_catalogs_pass_msgfmt_and_pofilter(tmp_path: Path):
    project = copy_shipped_project(tmp_path / "shipped")
    shipped = sorted((project.root / "translations").rglob("*.po"))
    config = project.read("verlag.toml").replace('languages = ["en", "fr"]', f"languages = {json.dumps(LANGUAGES[1:])}")
    project.write("verlag.toml", config)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    generated = sorted((project.root / "translations").rglob("*.po"))
    assert {p.parent.name for p in generated} >= set(LANGUAGES) and len(generated) > len(shipped)
    for path in generated:
        fill_plural_forms(path)
        msgfmt_check(path)
        numbered = numbered_for_pofilter(path, tmp_path / f"{path.parent.name}-{path.name}")
        flagged = [e for e in polib.pofile(pofilter(numbered, path.parent.name)) if e.msgid]
        assert flagged == [], f"pofilter flags {path.relative_to(project.root)}: {[e.tcomment for e in flagged]}"
        po = parse_po(path.read_text(encoding="utf-8"), path.name)
        assert po.metadata["Plural-Forms"] == plural_forms(path.parent.name)


@pytest.mark.parametrize("lang", ["de", "en", "fr", "pl", "ru", "sl", "pt-BR"])
def test_plural_forms_are_what_gnu_msginit_writes(lang: str, tmp_path: Path):
    pot = tmp_path / "x.pot"
    pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                   '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n', encoding="utf-8")
    out = tmp_path / "x.po"
    gnu("msginit", "--no-translator", "--locale", f"{lang.replace('-', '_')}.UTF-8", "-i", str(pot), "-o", str(out))
    assert polib.pofile(str(out)).metadata["Plural-Forms"] == plural_forms(lang)


def test_french_plural_translations_move_to_gnu_form_indices(project: Project):
    """A site.po written with CLDR's three French forms keeps its "other" text as GNU's msgstr[1]."""
    project.write("source_de/a.md", article("A", "Text.\n"))
    project.run("extract")
    path = project.root / "translations/fr/site.po"
    po = polib.pofile(str(path))
    plural = next(e for e in po if e.msgid_plural)
    po.metadata["Plural-Forms"] = ("nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 "
                                   ": 2;")
    plural.msgstr_plural = {0: "un", 1: "des millions", 2: "plusieurs"}
    po.save(str(path))
    project.run("extract")
    after = next(e for e in polib.pofile(str(path)) if e.msgid_plural)
    assert after.msgstr_plural == {0: "un", 1: "plusieurs"}
    assert polib.pofile(str(path)).metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"


def test_three_french_forms_zero_one_more_keep_the_n_1_text_for_gnus_first_form_and_go_back_to_review(
        project: Project, tmp_path: Path):
    """A tool saved fr/site.po with the forms 0 / 1 / more. GNU's French form 0 says n = 0 and n = 1, whose old
    texts differ: it takes the text for 1 (its most typical number), fuzzy, with a warning naming the message;
    msgfmt-compiled, n = 1 reads "1 article", never the n = 0 text."""
    project.write("source_de/a.md", article("A", "Text.\n"))
    project.run("extract")
    path = project.root / "translations/fr/site.po"
    po = polib.pofile(str(path))
    plural = next(e for e in po if e.msgid_plural)
    po.metadata["Plural-Forms"] = "nplurals=3; plural=(n==0 ? 0 : n==1 ? 1 : 2);"
    plural.msgstr_plural = {0: "aucun (%(count)s)", 1: "%(count)s seul", 2: "%(count)s plusieurs"}
    if "fuzzy" in plural.flags:
        plural.flags.remove("fuzzy")
    po.save(str(path))
    result = project.run("extract")
    msgfmt_check(path)
    after = next(e for e in polib.pofile(str(path)) if e.msgid_plural)
    assert after.msgstr_plural == {0: "%(count)s seul", 1: "%(count)s plusieurs"}
    assert after.fuzzy
    assert f"warning: translations/fr/site.po: {plural.msgid!r}: msgstr[0]" in result.output
    assert "msgstr[1], msgstr[0]" in result.output and "most typical number" in result.output
    mo = tmp_path / "site.mo"
    gnu("msgfmt", "--use-fuzzy", "-o", str(mo), str(path))
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    said = {n: compiled.ngettext(plural.msgid, plural.msgid_plural, n) for n in (0, 1, 2, 5)}
    assert said == {0: "%(count)s seul", 1: "%(count)s seul", 2: "%(count)s plusieurs", 5: "%(count)s plusieurs"}


def test_a_reviewers_comment_in_site_po_survives_extract(project: Project):
    project.write("source_de/a.md", article("A", "Text.\n"))
    project.run("extract")
    path = project.root / "translations/fr/site.po"
    po = polib.pofile(str(path))
    po[0].tcomment = "Short: it sits in the menu bar."
    po.save(str(path))
    project.run("extract")
    assert polib.pofile(str(path))[0].tcomment == "Short: it sits in the menu bar."


@pytest.mark.parametrize("where", ["repository", "init"])
def test_the_mo_files_poedit_writes_beside_catalogs_are_git_ignored(where: str, tmp_path: Path):
    assert shutil.which("git"), "git is required"
    root = REPO if where == "repository" else tmp_path / "praxis"
    if where == "init":
        assert cli(root, "init")[0] == 0
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    ignored = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", "translations/fr/site.mo"])
    kept = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", "translations/fr/site.po"])
    assert (ignored.returncode, kept.returncode) == (0, 1)


def test_a_previous_msgid_draft_record_polib_wrapped_survives_msgmerge_without_previous(project: Project):
    """The same for a translation nobody signed off (``previous msgid, draft <fingerprint>``): read across its
    continuation lines after polib wrapped it, ``msgmerge`` without ``--previous`` and ``msgcat -w 40``; the entry
    stays stale with the old German and the draft's fingerprint, and no piece of it becomes a reviewer's comment."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/eisen.md", article("Eisen", IRON_BEFORE + "\n"))
    project.run("extract")
    text = "Women of childbearing age need about 15 mg of iron."
    path = review(project, "en", "eisen", {IRON_BEFORE: text})
    po = polib.pofile(str(path))
    po.find(IRON_BEFORE).flags.insert(0, "fuzzy")  # a person's translation, not checked yet
    po.save(str(path))
    project.write("source_de/eisen.md", article("Eisen", IRON_AFTER + "\n"))
    project.run("extract")
    polib.pofile(str(path)).save()
    wrapped = path.read_text(encoding="utf-8")
    record = f'previous msgid, draft {fingerprint(text)}: "{IRON_BEFORE}"'
    assert f"# {record[:40]}" in wrapped and f"# {record}" not in wrapped  # over several lines
    gnu("msgmerge", "--quiet", "-o", str(path), str(path), str(project.root / "translations/templates/eisen.pot"))
    gnu("msgcat", "-w", "40", "-o", str(path), str(path))
    project.run("extract")
    msgfmt_check(path)
    entry = polib.pofile(str(path)).find(IRON_AFTER)
    assert entry.fuzzy and entry.previous_msgid == IRON_BEFORE and entry.msgstr == text
    assert entry.tcomment.split("\n") == [record]


# ---- verlag's records through a tool that wraps comment lines ----

IRON_BEFORE = ("Frauen im gebärfähigen Alter benötigen laut Deutscher Gesellschaft für Ernährung ca. 15 mg Eisen, "
               "mit Vitamin-C-reicher Kost etwas weniger.")
IRON_AFTER = IRON_BEFORE.replace("15 mg", "14 mg")


def status_row(project: Project, slug: str) -> dict:
    rows = json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]
    return next(row for row in rows if row["slug"] == slug)


def test_a_previous_msgid_record_polib_wrapped_survives_msgmerge_without_previous(project: Project):
    """polib's save wraps a translator comment at 78 columns (also after a hyphen: ``Vitamin-C-`` / ``reicher``);
    ``msgmerge`` without ``--previous`` then drops ``#|``, and ``msgcat -w 40`` re-lays the strings. The record
    is read across its continuation lines: the entry stays stale with the old German exactly, and no piece of the
    record is ever kept as a reviewer's comment (also not once the entry is signed off)."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/eisen.md", article("Eisen", IRON_BEFORE + "\n"))
    project.run("extract")
    path = review(project, "en", "eisen", {("title", "Eisen"): "Iron",
                                          IRON_BEFORE: "Women of childbearing age need about 15 mg of iron."})
    project.write("source_de/eisen.md", article("Eisen", IRON_AFTER + "\n"))
    project.run("extract")
    assert status_row(project, "eisen")["segments"]["stale"] == 1
    polib.pofile(str(path)).save()  # any polib-based tool, default wrapwidth 78
    wrapped = path.read_text(encoding="utf-8")
    assert '# previous msgid, reviewed ' in wrapped and "Vitamin-C-\n# reicher" in wrapped
    gnu("msgmerge", "--quiet", "-o", str(path), str(path), str(project.root / "translations/templates/eisen.pot"))
    gnu("msgcat", "-w", "40", "-o", str(path), str(path))
    assert "#| msgid" not in path.read_text(encoding="utf-8")
    project.run("extract")
    msgfmt_check(path)
    entry = polib.pofile(str(path)).find(IRON_AFTER)
    assert entry.fuzzy and entry.previous_msgid == IRON_BEFORE
    record = next(line for line in entry.tcomment.split("\n") if line.startswith("previous msgid"))
    assert entry.tcomment.split("\n") == [record] and record.endswith(f'"{IRON_BEFORE}"')
    assert status_row(project, "eisen")["segments"] == {"untranslated": 0, "machine": 0, "reused": 0, "hand": 0,
                                                        "stale": 1,
                                                        "reviewed": 1}
    polib.pofile(str(path)).save()
    # Poedit's "not fuzzy" (it removes the #| lines with the flag and names itself), on the wrapped record
    gnu("msgattrib", "--clear-fuzzy", "--clear-previous", "-o", str(path), str(path))
    path.write_text(path.read_text(encoding="utf-8").replace('"X-Generator: verlag ', '"X-Generator: Poedit 3.4 ('),
                    encoding="utf-8")
    project.run("extract")
    entry = polib.pofile(str(path)).find(IRON_AFTER)
    assert not entry.fuzzy and entry.tcomment == "" and entry.previous_msgid is None


def _rewrap_polib(text: str) -> str:
    return str(polib.pofile(text))


def _rewrap_babel(text: str) -> str:
    import io

    from babel.messages.pofile import read_po, write_po

    out = io.BytesIO()
    write_po(out, read_po(io.BytesIO(text.encode("utf-8"))), width=76)
    return out.getvalue().decode("utf-8")


@pytest.mark.parametrize("rewrap", [_rewrap_polib, _rewrap_babel])
def test_every_record_a_wrapping_tool_split_is_read_as_written(rewrap):
    """A ``tm:`` origin naming a long slug (polib breaks it after a hyphen, Babel before it) and a ``previous
    msgid`` record read back as the lines verlag wrote; the reviewer's own line stays the only one of theirs."""
    records = ["Checked with the author.",
               "tm: 100% from morgendliche-rueckenschmerzen-denk-an-die-leber-und-an-die-niere",
               "draft 1a2b3c4d", f'previous msgid: "{IRON_BEFORE}"']
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            + "".join(f"# {line}\n" for line in records)
            + f'#, fuzzy\nmsgid "{IRON_AFTER}"\nmsgstr "Women of childbearing age need about 15 mg of iron."\n')
    wrapped = rewrap(text)
    assert "# morgendliche" in wrapped or "# an-die-niere" in wrapped or "die-\n# " in wrapped  # it did wrap
    (entry,) = parse_po(wrapped, "x.po")
    assert entry.tcomment.split("\n") == records and entry.previous_msgid == IRON_BEFORE


def test_a_long_reviewer_note_after_a_line_like_a_record_is_read_once_not_once_per_line(project: Project,
                                                                                        monkeypatch):
    """A reviewer's note of many lines under a line that only starts like a ``previous msgid`` record (a quote
    never closed) is no wrapped record: every line stays as written through ``extract``, and finding that out
    reads each character a bounded number of times, not the whole note again for every line of it (which made
    every command spend minutes on such a catalog)."""
    from pipeline import catalog

    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/eisen.md", article("Eisen", IRON_BEFORE + "\n"))
    project.run("extract")
    note = ['previous msgid: "so stand es im Druck',
            *(f"Zeile {n}: Quelle geprüft, Maße stimmen" for n in range(3000))]
    po = polib.pofile(str(project.root / "translations/en/eisen.po"))
    po.find(IRON_BEFORE).tcomment = "\n".join(note)
    po.save()
    read = []
    split_record = catalog._split_record
    monkeypatch.setattr(catalog, "_split_record", lambda text: read.append(len(text)) or split_record(text))
    project.run("extract")
    path = project.root / "translations/en/eisen.po"
    msgfmt_check(path)
    assert polib.pofile(str(path)).find(IRON_BEFORE).tcomment.split("\n") == note
    assert sum(read) < 50 * len("\n".join(note))


@pytest.mark.parametrize("silenced", [
    "ignore-length ignore-glossary-forbidden ignore-markup ignore-urls ignore-numbers",  # polib: "ignore-" / "numbers"
    "ignore-length, ignore-glossary-forbidden, ignore-markup, ignore-link-target, ignore-numbers",  # after a comma
    "ignore-length, ignore-numbers, ignore-glossary-forbidden, ignore-markup, ignore-link-target",  # "link-" / "target"
])
def test_a_list_of_silenced_checks_polib_wrapped_still_silences_them(project: Project, silenced: str):
    """A reviewer silences several checks on one line (``ignore-numbers, ignore-length``, as the guide allows);
    a polib-based tool wraps it at 78 columns, after a comma, a space or a hyphen. Each check stays silenced (no
    ``numbers`` error for "15 mg" written as "fifteen milligrams"), no piece becomes a reviewer's comment, and
    ``extract`` writes the silences back one a line."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/eisen.md", article("Eisen", IRON_BEFORE + "\n"))
    project.run("extract")
    path = review(project, "en", "eisen", {("title", "Eisen"): "Iron", IRON_BEFORE: (
        "Women of childbearing age need about fifteen milligrams of iron a day, according to the German "
        "Nutrition Society, a little less with food rich in vitamin C.")})
    po = polib.pofile(str(path))
    po.find(IRON_BEFORE).tcomment = silenced
    po.save()  # any polib-based tool, default wrapwidth 78
    assert silenced not in path.read_text(encoding="utf-8")  # it did wrap
    msgfmt_check(path)
    findings = json.loads(project.run("check", "--format", "json", "--lang", "en").output or "[]")
    assert not [f for f in findings if f["check"] == "numbers"], findings
    project.run("extract")
    msgfmt_check(path)
    entry = polib.pofile(str(path)).find(IRON_BEFORE)
    assert sorted(entry.tcomment.split("\n")) == sorted(re.split(r"[ ,]+", silenced))


def test_a_machine_draft_signed_off_by_msgattrib_and_edited_by_hand_is_a_persons_translation(project: Project):
    """``msgattrib --clear-fuzzy`` signs a ``tm`` draft off behind verlag's back (its ``draft`` record still
    names the engine's text); a hand edit in a text editor then rewrites the msgstr. The entry is the
    reviewer's: reviewed in ``status``; reopened (fuzzy again), a person's unchecked text, not machine text;
    with its German edited, back to review with the old German shown, never retired as an untouched machine
    draft."""
    sentence, english = "Die Leber arbeitet jede Nacht sehr still.", "The liver works very quietly every night."
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/alpha.md", article("Alpha", sentence + "\n"))
    project.write("source_de/beta.md", article("Beta", sentence + "\n"))
    project.run("extract")
    review(project, "en", "alpha", {sentence: english})
    project.run("pretranslate", "--engine", "tm", "--lang", "en", "--article", "beta")
    path = project.root / "translations/en/beta.po"
    assert "# tm: 100% from alpha\n# draft " in path.read_text(encoding="utf-8")
    gnu("msgattrib", "--clear-fuzzy", "-o", str(path), str(path))
    path.write_text(path.read_text(encoding="utf-8").replace(f'msgstr "{english}"', 'msgstr "Every night, the '
                                                              'liver works very quietly."'), encoding="utf-8")
    assert status_row(project, "beta")["segments"]["reviewed"] == 1
    edited = path.read_text(encoding="utf-8")
    path.write_text(edited.replace('#: source_de/beta.md:5\n', '#: source_de/beta.md:5\n#, fuzzy\n'),
                    encoding="utf-8")
    assert status_row(project, "beta")["segments"]["hand"] == 1
    path.write_text(edited, encoding="utf-8")
    project.write("source_de/beta.md", article("Beta", sentence.replace("still", "ruhig") + "\n"))
    said = project.run("extract").output
    assert "en: 1 changed sentence back to review" in said and "to draft again" not in said
    entry = polib.pofile(str(path)).find(sentence.replace("still", "ruhig"))
    assert entry.fuzzy and entry.previous_msgid == sentence and entry.msgstr.startswith("Every night")
    msgfmt_check(path)


LANG_SATZ = ("Wer nach einem langen Arbeitstag am Schreibtisch über Verspannungen im Nacken klagt, sollte zuerst "
             "die Höhe des Bildschirms prüfen.")
LANG_NEU = LANG_SATZ.replace("zuerst", "als Erstes")


def without_own_flag(text: str) -> str:
    """A catalog without verlag's ``markdown-text`` flag, which GNU msgcat drops as a flag it does not know."""
    return text.replace("#, markdown-text\n", "").replace(", markdown-text", "")


def test_a_catalog_saved_unwrapped_stays_unwrapped_through_extract_and_pretranslate(project: Project):
    """A reviewer whose tool saves without wrapping (``msgcat --no-wrap``; Poedit with wrapping off, which runs
    just that) keeps that layout: ``extract`` and ``pretranslate`` write the catalog as ``msgcat --no-wrap`` writes
    it, so the next diff is the entry that changed, not every long string of the file rewrapped."""
    project.write("source_de/nacken.md", article("Nacken", f"""\
        {LANG_SATZ} Eine Auflage für die Handgelenke und ein Stuhl mit verstellbarer Lehne entlasten Schultern und
        Rücken spürbar, wenn man sie richtig einstellt.

        Kurze Pausen helfen auch.
        """))
    project.run("extract")
    path = review(project, "en", "nacken", {
        LANG_SATZ: "Anyone who complains of a stiff neck after a long day at the desk should first check how high "
                   "the screen sits.",
        "Kurze Pausen helfen auch.": "Short breaks help too."})
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    project.run("extract")
    gnu("msgcat", "--no-wrap", "-o", str(path), str(path))
    saved = path.read_text(encoding="utf-8")
    assert max(map(len, saved.split("\n"))) > 100  # long strings on one line each

    def no_wrap_layout(text: str) -> bool:  # as msgcat --no-wrap lays it out (msgcat drops verlag's own flag)
        path.with_name("copy.po").write_text(text, encoding="utf-8")
        gnu("msgcat", "--no-wrap", "-o", str(path.with_name("again.po")), str(path.with_name("copy.po")))
        return path.with_name("again.po").read_text(encoding="utf-8") == without_own_flag(text)

    project.run("extract")
    extracted = path.read_text(encoding="utf-8")
    msgfmt_check(path)
    # only the markdown-text flags msgcat dropped came back
    assert without_own_flag(extracted) == saved
    assert no_wrap_layout(extracted)

    project.write("source_de/nacken.md", project.read("source_de/nacken.md").replace(LANG_SATZ, LANG_NEU))
    project.run("extract")
    changed = path.read_text(encoding="utf-8")
    msgfmt_check(path)
    assert no_wrap_layout(changed)
    diff = [line for line in difflib.unified_diff(extracted.split("\n"), changed.split("\n"), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert 0 < len(diff) <= 8, diff  # the header's template digest, the changed entry's flags, msgid, #| and record

    project.write("source_de/nacken.md", project.read("source_de/nacken.md").replace(
        "Kurze Pausen helfen auch.", "Kurze Pausen helfen auch, wenn man sie regelmäßig und mit etwas Bewegung "
                                     "verbringt, etwa mit einem Gang zum Fenster und zurück."))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    drafted = path.read_text(encoding="utf-8")
    msgfmt_check(path)
    assert "mit etwas Bewegung" in drafted and no_wrap_layout(drafted)


def test_a_string_weblate_laid_out_keeps_its_lines_through_extract(project: Project):
    """Weblate saves through translate-toolkit, which wraps a string it changed at 77 columns by rules of its own
    (between a word and its closing quotation mark) and keeps every other string's lines as it read them. ``extract``
    after an edit of another German sentence keeps that string's lines too: the diff is the edited entry and the
    header, not Weblate's string rewrapped as GNU wraps it (which Weblate's next commit would undo again)."""
    project.write("source_de/nacken.md", article("Nacken", f"""\
        {LANG_SATZ}

        Kurze Pausen helfen auch.
        """))
    project.run("extract")
    path = review(project, "en", "nacken", {LANG_SATZ: "Stiff neck.", "Kurze Pausen helfen auch.": "Short breaks."})
    project.run("extract")
    store = ttk_po.pofile.parsefile(str(path))
    unit = next(unit for unit in store.units if unit.source == LANG_SATZ)
    unit.target = ("Anyone with a stiff neck after a long day at the desk should at first “check” how high the "
                   "screen sits, then the chair and the lamp.")  # translate-toolkit breaks between “check and ”
    path.write_bytes(bytes(store))
    saved = path.read_text(encoding="utf-8")
    gnu("msgcat", "-o", str(path.with_name("gnu.po")), str(path))
    gnu_lines = set(path.with_name("gnu.po").read_text(encoding="utf-8").split("\n"))
    laid_out = [line for line in saved.split("\n") if line not in gnu_lines and line.startswith('"')]
    assert len(laid_out) == 2, laid_out  # the string's two lines, not GNU's (msgcat drops verlag's own flag too)
    path.with_name("gnu.po").unlink()

    project.write("source_de/nacken.md", project.read("source_de/nacken.md").replace(
        "Kurze Pausen helfen auch.", "Kurze Pausen helfen immer."))
    project.run("extract")
    changed = path.read_text(encoding="utf-8")
    msgfmt_check(path)
    assert set(laid_out) <= set(changed.split("\n"))
    diff = [line for line in difflib.unified_diff(saved.split("\n"), changed.split("\n"), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert not [line for line in diff if "stiff" in line or "screen" in line], diff
    assert any("Kurze Pausen helfen immer." in line for line in diff), diff


def test_babel_round_trips_leave_the_header_comment_once_and_no_mangled_previous_msgid(project: Project):
    """trial10: Babel's writer wraps verlag's header comment at 76 columns, and extract wrote the line whole again
    but kept the wrapped tail as a reviewer's line (two stray "# until a person checks them." after three round
    trips); and Babel's reader takes ``#| msgctxt`` / ``#| msgid`` for translator comments, which its writer
    writes as ``# | msgid "…"``, piling up. Now the header comment is verlag's two lines and the reviewer's own,
    and a mangled previous msgid is the entry's previous msgid again, never a note to keep."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/tee.md", article("Tee", "Gießen Sie das Wasser kochend auf. Trinken Sie langsam.\n"))
    project.run("extract")
    path = project.root / "translations/en/tee.po"
    text = path.read_text(encoding="utf-8").replace("stay fuzzy until a person checks them.\n",
                                                    "stay fuzzy until a person checks them.\n# Geprüft von Eva.\n")
    path.write_text(text, encoding="utf-8")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Trinken Sie langsam.": "Drink slowly."})
    project.write("source_de/tee.md", article("Tee am Abend",
                                              "Gießen Sie das Wasser kochend auf. Trinken Sie ihn langsam.\n"))
    project.run("extract")
    for _ in range(3):
        path.write_text(_rewrap_babel(path.read_text(encoding="utf-8")), encoding="utf-8")
        assert "# | msgid" in path.read_text(encoding="utf-8")  # what Babel made of the #| lines
        project.run("extract")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Translation (en) of “Tee am Abend” (source_de/tee.md).\n# Entries without the fuzzy "
                           "flag are reviewed; machine drafts stay fuzzy until a person checks them.\n"
                           "# Geprüft von Eva.\nmsgid")
    assert "# |" not in text and "until a person checks them." not in text.split("\n", 2)[2]
    po = polib.pofile(str(path))
    changed = po.find("Trinken Sie ihn langsam.")
    assert (changed.fuzzy, changed.previous_msgid, changed.msgstr) == (True, "Trinken Sie langsam.", "Drink slowly.")
    msgfmt_check(path)


def test_a_mangled_previous_msgid_is_the_previous_msgid_of_a_fuzzy_entry_without_one():
    """Without verlag's own record (a catalog another tool made), ``# | msgctxt`` / ``# | msgid`` lines, a
    string of several lines too, are a fuzzy entry's previous msgctxt and msgid; on a signed-off entry they go."""
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            '# Eva: passt.\n# | msgctxt "tag"\n# | msgid ""\n# | "Kamille ist ein altes Hausmittel. "\n'
            '# | "Sie wird seit Jahrhunderten genutzt."\n#, fuzzy\nmsgctxt "tag"\nmsgid "Kamille"\nmsgstr "Chamomile"\n\n'
            '# | msgid "Früher."\nmsgid "Jetzt."\nmsgstr "Now."\n')
    fuzzy, signed = parse_po(text, "x.po")
    assert fuzzy.previous_msgid == "Kamille ist ein altes Hausmittel. Sie wird seit Jahrhunderten genutzt."
    assert fuzzy.previous_msgctxt == "tag" and fuzzy.tcomment.split("\n")[0] == "Eva: passt."
    assert "|" not in fuzzy.tcomment
    assert (signed.previous_msgid, signed.tcomment, signed.fuzzy) == (None, "", False)


def test_a_bulk_sign_off_of_a_catalog_poedit_saved_before_the_last_extract_is_caught(project: Project):
    """Fresh-user trial 39 #2: the German changed and extracted (fuzzy, ``#|`` and verlag's ``previous msgid``
    record), the catalog's X-Generator another tool's (a reviewer's Poedit save before, which a merge kept), then
    signed off in bulk (``msgattrib --clear-fuzzy --clear-previous``, which keeps the header): published as
    reviewed with no warning, while with verlag's X-Generator the same was ``[stale-sign-off]``. The header is the
    very one the last extract left (``.verlag/``'s copy), and that copy has the entry fuzzy with this text, so no
    editor saved the catalog since: the tool that saved before does not decide."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/eisen.md", article("Eisen", IRON_BEFORE + "\n"))
    project.run("extract")
    path = review(project, "en", "eisen", {("title", "Eisen"): "Iron",
                                          IRON_BEFORE: "Women of childbearing age need about 15 mg of iron."})
    project.write("source_de/eisen.md", article("Eisen", IRON_AFTER + "\n"))
    project.run("extract")
    # the header as a merge of the reviewer's earlier Poedit save left it (the driver takes her side's X-Generator);
    # extract, which changes nothing else, keeps her tool's name
    path.write_text(path.read_text(encoding="utf-8").replace('"X-Generator: verlag ', '"X-Generator: Poedit 3.4 ('),
                    encoding="utf-8")
    project.run("extract")
    assert "Poedit 3.4" in path.read_text(encoding="utf-8") and polib.pofile(str(path)).find(IRON_AFTER).fuzzy
    gnu("msgattrib", "--clear-fuzzy", "--clear-previous", "-o", str(path), str(path))
    assert "[stale-sign-off]" in project.run("check", "--lang", "en").output
    assert status_row(project, "eisen")["segments"]["stale"] == 1
    project.run("extract")
    entry = polib.pofile(str(path)).find(IRON_AFTER)
    assert entry.fuzzy and entry.previous_msgid == IRON_BEFORE


def test_extract_says_it_replaced_a_reviewers_plural_forms_in_site_po_and_what_it_moved(project: Project):
    """Fresh-user trial 39 #6: a reviewer's Weblate wrote Turkish site.po with ``nplurals=1; plural=0;``; extract
    rewrote it to GNU gettext's ``nplurals=2`` and copied msgstr[0] to msgstr[1], and said only "updated …". It says
    at the header line what it replaced with what, why, and which form each translation moved to."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["tr"]\n')
    project.write("source_de/a.md", article("A", "Text.\n"))
    project.run("extract")
    path = project.root / "translations/tr/site.po"
    po = polib.pofile(str(path))
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    plural = next(e for e in po if e.msgid_plural)
    plural.msgstr_plural = {0: "%(count)s makale"}
    if "fuzzy" in plural.flags:
        plural.flags.remove("fuzzy")
    po.save(str(path))
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith('"Plural-Forms:'))
    result = project.run("extract")
    msgfmt_check(path)
    after = polib.pofile(str(path))
    assert after.metadata["Plural-Forms"] == plural_forms("tr")
    assert next(e for e in after if e.msgid_plural).msgstr_plural == {0: "%(count)s makale", 1: "%(count)s makale"}
    assert (f"translations/tr/site.po:{line}: Plural-Forms 'nplurals=1; plural=0;' replaced by "
            f"{plural_forms('tr')!r}, GNU gettext's for tr") in result.output, result.output
    assert "1 plural translation moved to the forms that say the same numbers (msgstr[0] from the old msgstr[0], " \
           "msgstr[1] from the old msgstr[0])" in result.output
    assert "Plural-Forms" not in project.run("extract").output  # said once, when it was replaced

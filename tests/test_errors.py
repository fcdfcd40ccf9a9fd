"""Bad input: exit status 2, ``error: <file>:<line>: ...`` naming the right place, and no damage on disk.

Every test starts from a working project (two articles, en + fr catalogs,
editions built), breaks one input and compares ``Project.snapshot()`` (all
files except the ``.verlag/`` cache) before and after the command.
"""

from __future__ import annotations

import re
import subprocess

import polib
import pytest

from conftest import Project, article
from pipeline.catalog import decode_po
from pipeline.errors import VerlagError

EINS = article("Eins", """\
    Erster Satz. Zweiter Satz.

    ## Abschnitt

    Dritter Satz.
    """)
ZWEI = article("Zwei", "Ein Satz über Kräuter.\n")
COMMANDS = ("extract", "build", "status", "pretranslate")


@pytest.fixture
def published(project: Project) -> Project:
    project.write("source_de/eins.md", EINS)
    project.write("source_de/zwei.md", ZWEI)
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    project.run("build")
    return project


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def assert_error(result, where: str, line: int | None, *fragments: str) -> str:
    """Exactly one error names ``where`` (and ``line``); return it."""
    prefix = f"error: {where}:{line}: " if line else f"error: {where}: "
    hits = [e for e in error_lines(result) if e.startswith(prefix)]
    assert len(hits) == 1, f"no single {prefix!r} in:\n{result.stderr}"
    for fragment in fragments:
        assert fragment in hits[0], f"{fragment!r} not in {hits[0]!r}"
    return hits[0]


def assert_fails_untouched(project: Project, *args: str):
    before = project.snapshot()
    result = project.run(*args, code=2)
    assert project.snapshot() == before, "a failed command changed files on disk"
    return result


# ---- German sources: the bad article is left alone, whichever command meets it; the others go on ----

SOURCE_CASES = {
    "invalid-yaml": (
        "---\ntitle: Kaputt\ndate: 2026-05-26\nsummary: Ein Satz: mit zweitem Doppelpunkt\n---\nText.\n",
        4, ("invalid YAML",)),
    "unclosed-yaml-list": (
        "---\ntitle: Kaputt\ndate: 2026-05-26\ntags: [Leber, Rücken\nslug: kaputt\n---\nText.\n",
        4, ("invalid YAML", "'[' is not closed with ']' (YAML noticed on line 5")),  # where the '[' opened
    "unclosed-yaml-list-and-a-later-bracket": (  # the ']' of a later key's plain value closes no '['
        "---\ntitle: Kaputt\ntags: [Leber, Niere\nsummary: Kapitel ]\n---\nText.\n",
        3, ("invalid YAML", "'[' is not closed with ']' (YAML noticed on line 4")),
    "unclosed-yaml-quote": (  # trial 16: named at line 4, "found unexpected end of stream", no hint
        '---\ntitle: "Kühlen nach dem Sport\ndate: 2026-05-26\n---\nText.\n',
        2, ("invalid YAML", 'the quote " opened here is not closed (YAML noticed on line 4',
            'e.g. title: "Kühlen nach dem Sport"')),
    "tab-indented-list-item": (  # trial 24: the hint was to put the value in double quotes
        "---\ntitle: Kaputt\ndate: 2026-05-26\ntags:\n\t- Tee\n---\nText.\n",
        5, ("invalid YAML", "the line holds a tab, which YAML does not allow as indentation: indent it with spaces")),
    "reserved-marker": (  # the editions stage's fallback marker, read as one, would re-label the passage
        "---\ntitle: Kaputt\ndate: 2026-05-26\n---\nErste Zeile.\nIm \ue000hohen Gras.\n", 6,
        ("U+E000 (private use) is reserved",)),
    "missing-title": ("---\ndate: 2026-05-26\nauthor: A. B.\n---\nText.\n", 1, ("missing title",)),
    "empty-title": ("---\ndate: 2026-05-26\ntitle: \"\"\n---\nText.\n", 3, ("missing title",)),
    "no-front-matter": ("# Nur Markdown\n\nKein Vorspann.\n", 1, ("missing front matter",)),
    "unclosed-front-matter": ("---\ntitle: Offen\ndate: 2026-05-26\n\nText.\n", 1,  # trial 17: "missing"
                              ("front matter not closed: no '---' line ends it",)),
    "title-a-yaml-list": ("---\ndate: 2026-05-26\ntitle: [Liste, statt]\n---\nText.\n", 3,  # trial 17: "missing"
                          ("title: expected text, not a YAML list", 'in quotes (title: "[…]")')),
    "title-a-number": ("---\ndate: 2026-05-26\ntitle: 2024\n---\nText.\n", 3,
                       ("title: YAML reads 2024 as a number, not text", 'title: "2024"')),
    # fresh-user trial t2: "missing title: add 'title: ...'" though the author wrote one
    "title-null": ("---\ndate: 2026-05-26\ntitle: Null\n---\nText.\n", 3,
                   ("title: YAML reads Null as nothing (null), not text: put it in quotes", 'title: "Null"')),
    "title-tilde": ("---\ndate: 2026-05-26\ntitle: ~\n---\nText.\n", 3, ("title: YAML reads ~ as nothing (null)",)),
    # fresh-user trial t2: YAML kept the second title without a word
    "title-twice": ("---\ntitle: Erster Titel\ndate: 2026-05-26\ntitle: Zweiter Titel\n---\nText.\n", 4,
                    ("title: written twice, at lines 2 and 4: YAML keeps the last and drops line 2",)),
    "key-twice-quoted": ('---\ntitle: Titel\ndate: 2026-05-26\n"date": 2026-05-27\n---\nText.\n', 4,
                         ('"date": written twice, at lines 3 and 4',)),
    # fresh-user trial t2: "expected a list of words" without naming the items that are none
    "tags-not-words": ("---\ntitle: Titel\ndate: 2026-05-26\ntags: [Leber, null, 3, true]\n---\nText.\n", 4,
                       ("tags: expected a list of words", "YAML reads null as nothing, 3 as a number, true as a "
                        "yes/no value, not a word: put them in quotes or delete them")),
    # hostile round 16: a mapping among the tags stopped reading with "KeyError: \"'b'\"" (its braces taken
    # as a format field of the message), '{}' printed "delete it" in place of the value
    "tags-mappings": ("---\ntitle: Titel\ndate: 2026-05-26\ntags: [Leber, {b: c}, {}]\n---\nText.\n", 4,
                      ("tags: expected a list of words", "YAML reads {'b': 'c'} as a list or mapping, {} as a list "
                       "or mapping, not a word: put them in quotes or delete them")),
    "not-utf8": (
        "---\ntitle: Latin-1\ndate: 2026-05-26\n---\nErste Zeile.\n\nSo ein \xc4rger.\n".encode("latin-1"),
        7, ("not UTF-8", "0xc4")),
    "slug-escapes-output": ("---\ntitle: Ausbruch\ndate: 2026-05-26\nslug: ../../etc\n---\nText.\n",
                            4, ("'../../etc'",)),
    "slug-with-spaces": ("---\ntitle: Leer\ndate: 2026-05-26\nslug: Leere Seite\n---\nText.\n",  # trial 17
                         4, ("slug 'Leere Seite' is not usable", "set 'slug: leere-seite'")),
    "slug-a-windows-device": ("---\ntitle: Hilfe\ndate: 2026-05-26\nslug: aux\n---\nText.\n",  # aux.po: none on Windows
                              4, ("slug 'aux' is a name Windows keeps for a device", "set another 'slug:'")),
    "date-not-a-date": ("---\ntitle: Datum\nauthor: A\ndate: 26.05.2026\n---\nText.\n", 4, ("date:", "2026-05-26")),
    "date-impossible": ("---\ntitle: Datum\nauthor: A\ndate: 2026-13-45\n---\nText.\n", 4, ("date",)),
    "updated-not-a-date": ("---\ntitle: Datum\ndate: 2026-05-26\nupdated: bald\n---\nText.\n", 4, ("updated:",)),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", SOURCE_CASES)
def test_bad_source_exits_2_naming_file_and_line_and_the_other_articles_go_on(published: Project, case: str,
                                                                               command: str):
    content, line, fragments = SOURCE_CASES[case]
    path = published.root / "source_de/kaputt.md"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    published.write("source_de/zwei.md", ZWEI.replace("Kräuter", "Heilkräuter"))
    before = published.snapshot()
    result = published.run(command, code=2)
    after = published.snapshot()
    assert_error(result, "source_de/kaputt.md", line, *fragments)
    what = "left out" if command == "status" else "left as they were"  # status writes nothing
    assert result.stderr.splitlines()[-1].startswith(f"{command}: 1 file with problems {what}")
    changed = {rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)}
    feeds = {rel for rel in changed if rel.endswith("/feed.xml")  # they carry the good article's whole text
             or rel.startswith("site/pagefind/")}  # and so does the search index
    assert all("zwei" in rel for rel in changed - feeds), f"only the good article's files may change: {sorted(changed)}"
    made = {"extract": "translations/en/zwei.po", "build": "editions/en/zwei.md"}.get(command)
    if made:  # the good article's edit went all the way through
        assert "Heilkräuter" in published.read(made)


def test_a_key_inside_a_block_scalar_or_a_nested_mapping_is_no_second_key(published: Project):
    published.write("source_de/block.md", "---\ntitle: Titel\ndate: 2026-05-26\nsummary: |\n  title: nein\n"
                                          "  date: auch nicht\n---\nText.\n")
    result = published.run("extract")
    assert "written twice" not in result.output and "error" not in result.output
    summary = polib.pofile(str(published.root / "translations/en/block.po")).find("summary", by="msgctxt")
    assert summary.msgid.startswith("title: nein")


def test_an_unknown_key_is_named_at_its_line_as_written_whatever_yaml_reads_it_as(published: Project):
    published.write("source_de/schluessel.md", "---\ntitle: Schlüssel\ndate: 2026-05-26\ntrue: 1\nnull: 2\n"
                                               '"tit: le": 3\n---\nText.\n')
    warnings = [line for line in published.run("check").output.splitlines() if "schluessel.md" in line]
    assert [w.split(": unknown")[0] for w in warnings] == [
        "warning: source_de/schluessel.md:4: true", "warning: source_de/schluessel.md:5: null",
        'warning: source_de/schluessel.md:6: "tit: le"']


def test_a_file_name_no_address_can_be_made_of_is_named_with_the_name_to_give_it(published: Project):
    """Trial 17: "slug 'Ingwer Wurzel' is not usable as a folder name" left the author to guess the fix, which
    'new' and 'import' would have made of the same title."""
    published.write("source_de/Ingwer Wurzel.md", article("Ingwer", "Scharf und warm.\n"))
    result = assert_fails_untouched(published, "extract")
    assert_error(result, "source_de/Ingwer Wurzel.md", 1, "rename the file to ingwer-wurzel.md",
                 "or set 'slug: ingwer-wurzel'")


@pytest.mark.parametrize("name", ["con.md", "nul.md", "com1.md", "lpt9.md"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_source_named_as_windows_names_a_device_is_named_and_left_out(published: Project, name: str, command: str):
    """``new`` and ``import`` never name a file con.md, but one named so by hand was built into de/con/ and
    translations/en/con.po with no word: a clone of the project failed to check it out on Windows, which keeps the
    name for a device, and a colleague there had neither. It is an error naming the file; the others go on."""
    published.write(f"source_de/{name}", article("Gerät", "Ein Satz.\n"))
    published.write("source_de/zwei.md", ZWEI.replace("Kräuter", "Heilkräuter"))
    result = published.run(command, code=2)
    assert_error(result, f"source_de/{name}", 1, f"file name '{name}' is a name Windows keeps for a device",
                 f"translations/<lang>/{name[:-3]}.po", "rename the file")
    assert not (published.root / f"site/de/{name[:-3]}").exists()
    if command == "build":
        assert "Heilkräuter" in published.read("editions/en/zwei.md")
    published.write(f"source_de/{name}", article("Gerät", "Ein Satz.\n", slug="geraet"))  # the slug alone: still
    assert_error(published.run(command, code=2), f"source_de/{name}", 1, "could not check it out; rename the file")


def test_two_articles_with_one_slug_name_the_second_file_and_the_first(published: Project):
    published.write("source_de/zz-kopie.md", article("Kopie", "Noch ein Text.\n", slug="eins"))
    result = assert_fails_untouched(published, "extract")
    assert_error(result, "source_de/zz-kopie.md", 4, "'eins'", "source_de/eins.md")


def test_all_bad_sources_are_reported_in_one_run(published: Project):
    published.write("source_de/a-kaputt.md", "kein Vorspann\n")
    published.write("source_de/b-kaputt.md", "---\ndate: 2026-05-26\n---\nText.\n")
    result = assert_fails_untouched(published, "extract")
    assert_error(result, "source_de/a-kaputt.md", 1)
    assert_error(result, "source_de/b-kaputt.md", 1, "missing title")


def test_slug_that_would_escape_writes_nothing_outside_the_project(published: Project):
    published.write("source_de/ausbruch.md", article("Ausbruch", "Text.\n", slug="../../etc"))
    outside = sorted(p.name for p in published.root.parent.iterdir())
    assert_fails_untouched(published, "build")
    assert sorted(p.name for p in published.root.parent.iterdir()) == outside


# ---- damaged catalogs: reported, left alone, the rest of the project still served ----

def damage(project: Project, kind: str) -> tuple[str, int, tuple[str, ...]]:
    """Break translations/en/eins.po; return its new text, the line to report, message fragments."""
    lines = project.read("translations/en/eins.po").split("\n")
    msgid = lines.index('msgid "Zweiter Satz."')
    # the advice: fix the line; never "delete it", the catalog holds the reviewer's work
    advice = "fix that line (msgfmt --check shows it too); the file holds its translations and is left as it was"
    if kind == "syntax-error":
        lines.insert(msgid + 1, "das gehört nicht hierher")
        return "\n".join(lines), msgid + 2, ("cannot read catalog", advice)
    if kind == "unterminated-string":
        assert lines[msgid + 1].startswith("msgstr ")
        lines[msgid + 1] = 'msgstr "Second sentence.'
        return "\n".join(lines), msgid + 2, (advice,)
    if kind == "conflict-markers":  # a git merge left unresolved: both sides of the msgstr between git's markers
        lines[msgid + 1:msgid + 2] = ["<<<<<<< HEAD", lines[msgid + 1], "=======", 'msgstr "The second sentence."',
                                      ">>>>>>> reviewer"]
        return "\n".join(lines), msgid + 2, ("unresolved merge conflict", f"lines {msgid + 2}, {msgid + 4}, "
                                             f"{msgid + 6}", "resolve the merge", "left as it was")
    if kind == "invalid-escape":  # trial: a reviewer typed a Windows path; msgfmt: "invalid control sequence"
        assert lines[msgid + 1].startswith('msgstr "')
        lines[msgid + 1] = 'msgstr "\\quellen: Second sentence."'
        return "\n".join(lines), msgid + 2, ("cannot read catalog: invalid escape \\q at column 9", advice)
    if kind == "duplicate-entry":
        lines[-1:] = ['msgid "Zweiter Satz."', 'msgstr "Second sentence, again."', "", ""]
        return "\n".join(lines), len(lines) - 3, ("duplicate entry", "Zweiter Satz.", "keep one of the two entries")
    raise AssertionError(kind)


DAMAGE = ("syntax-error", "unterminated-string", "invalid-escape", "duplicate-entry", "conflict-markers")


@pytest.mark.parametrize("kind", DAMAGE)
def test_extract_reports_a_damaged_catalog_leaves_it_alone_and_updates_the_others(published: Project, kind: str):
    text, line, fragments = damage(published, kind)
    published.write("translations/en/eins.po", text)
    published.write("source_de/eins.md", EINS.replace("Dritter Satz.", "Dritter Satz. Vierter Satz."))
    published.write("source_de/zwei.md", ZWEI.replace("Kräuter", "Heilkräuter"))
    before = published.snapshot()

    result = published.run("extract", code=2)
    assert_error(result, "translations/en/eins.po", line, *fragments)
    after = published.snapshot()
    assert after["translations/en/eins.po"] == before["translations/en/eins.po"] == text.encode()
    for other in ("translations/en/zwei.po", "translations/fr/zwei.po", "translations/fr/eins.po",
                  "translations/templates/zwei.pot", "translations/templates/eins.pot"):
        assert after[other] != before[other], f"{other} was not updated"
    assert "Heilkräuter" in published.read("translations/en/zwei.po")
    assert "Vierter Satz." in published.read("translations/fr/eins.po")

    # Still broken on the next run: the skip cache must not hide it.
    again = published.run("extract", code=2)
    assert_error(again, "translations/en/eins.po", line)
    assert published.read("translations/en/eins.po") == text


@pytest.mark.parametrize("kind", DAMAGE)
def test_build_reports_a_damaged_catalog_leaves_it_alone_and_builds_the_others(published: Project, kind: str):
    text, line, fragments = damage(published, kind)
    published.write("translations/en/eins.po", text)
    published.write("translations/en/zwei.po",
                    published.read("translations/en/zwei.po").replace('msgstr "Ein Satz über Kräuter."',
                                                                      'msgstr "A sentence about herbs."')
                    .replace("#, fuzzy, markdown-text\nmsgid \"Ein Satz", "#, markdown-text\nmsgid \"Ein Satz"))
    before = published.snapshot()

    result = published.run("build", code=2)
    assert_error(result, "translations/en/eins.po", line, *fragments)
    after = published.snapshot()
    assert after["translations/en/eins.po"] == text.encode()
    assert "A sentence about herbs." in published.read("editions/en/zwei.md")
    assert "A sentence about herbs." in published.read("site/en/zwei/index.html")
    made = ("editions/en/zwei.md", "editions/en/zwei.json")  # and the site pages built from them
    assert {k: v for k, v in after.items() if k not in made and not k.startswith("site/")} == \
        {k: v for k, v in before.items() if k not in made and not k.startswith("site/")}


@pytest.mark.parametrize("kind", DAMAGE)
def test_status_reports_a_damaged_catalog_and_still_lists_the_others(published: Project, kind: str):
    text, line, fragments = damage(published, kind)
    published.write("translations/en/eins.po", text)
    result = assert_fails_untouched(published, "status")
    assert_error(result, "translations/en/eins.po", line, *fragments)
    assert re.search(r"^en\s+zwei\s", result.stdout, re.M)
    assert re.search(r"^fr\s+eins\s", result.stdout, re.M)


def test_check_reports_a_string_gettext_rejects_and_checks_the_others(published: Project):
    """Trial: ``msgstr "\\qIn January…"`` failed msgfmt --check ("invalid control sequence"), but check said nothing
    and build published the backslash; now check names the line and column, as msgfmt does, and exits 2."""
    text, line, fragments = damage(published, "invalid-escape")
    published.write("translations/en/eins.po", text)
    path = published.root / "translations/en/eins.po"
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True).returncode == 1
    result = assert_fails_untouched(published, "check")
    assert_error(result, "translations/en/eins.po", line, *fragments)
    assert "1 file with problems left out, everything else done: translations/en/eins.po" in result.output


@pytest.mark.parametrize("command", ["check", "build", "extract"])
def test_a_site_catalog_gettext_rejects_is_named_and_left_as_it_was(published: Project, command: str):
    """Trial: the same ``\\q`` in translations/en/site.po showed only as "placeholder missing" in check, and build
    said nothing. Each command that reads it names line and column and exits 2; the file stays byte for byte;
    build still makes the pages, English ones in verlag's own words for the site's frame."""
    path = published.root / "translations/en/site.po"
    text = path.read_text(encoding="utf-8")
    assert text.count('msgstr "All articles"') == 1
    text = text.replace('msgstr "All articles"', 'msgstr "\\qAll articles"')
    path.write_text(text, encoding="utf-8")
    line = text[:text.index("\\qAll")].count("\n") + 1
    published.write("translations/en/zwei.po",  # zwei signed off: English is published
                    published.read("translations/en/zwei.po").replace('msgstr "Ein Satz über Kräuter."',
                                                                      'msgstr "A sentence about herbs."')
                    .replace("#, fuzzy, markdown-text\nmsgid \"Ein Satz", "#, markdown-text\nmsgid \"Ein Satz"))
    before = published.snapshot()
    result = published.run(command, code=2)
    assert_error(result, "translations/en/site.po", line, "cannot read catalog: invalid escape \\q at column 9")
    assert path.read_bytes() == before["translations/en/site.po"]
    if command == "build":
        page = published.read("site/en/zwei/index.html")
        assert "A sentence about herbs." in page and "All articles" in page and "\\q" not in page


def test_catalog_that_is_not_utf8_names_the_line_of_the_bad_byte(published: Project):
    """Trial 16: no hint how to save it as UTF-8. Fresh-user trial: a French reviewer's catalog saved as Windows
    Western European (cp1252) was said to be Windows Turkish (cp1254), and iconv -f cp1254 turned its ð into ğ."""
    path = published.root / "translations/en/eins.po"
    data = path.read_text(encoding="utf-8").replace('msgid "Dritter Satz."', 'msgid "Dritter Satz ä ð."').encode("cp1252")
    path.write_bytes(data)
    first = next(at for at, byte in enumerate(data) if byte >= 0x80)  # not ASCII: no UTF-8 byte either, here
    line = data[:first].count(b"\n") + 1
    result = assert_fails_untouched(published, "status")
    error = assert_error(result, "translations/en/eins.po", line, f"not UTF-8 (byte 0x{data[first]:02x}",
                         "such as Windows Western European, cp1252?", "in Poedit File > Save writes UTF-8",
                         "msgconv --to-code=UTF-8 -o translations/en/eins.po",
                         "iconv -f cp1252 -t utf-8 translations/en/eins.po")
    iconv = re.search(r"iconv [^>]*> \S+", error).group()
    subprocess.run(iconv, shell=True, cwd=published.root, check=True)
    assert 'msgid "Dritter Satz ä ð."' in published.read("translations/en/eins.po.utf8")


@pytest.mark.parametrize("language, text, codec", [("fr", "Thé à la menthe", "cp1252"),
                                                   ("tr", "Kış çayı ılık", "cp1254"),
                                                   ("pl", "Herbata z miodem, żółta", "cp1250"),
                                                   ("uk", "Трав'яний чай", "cp1251")])
def test_a_catalog_in_a_windows_code_page_is_named_by_its_language(language: str, text: str, codec: str):
    data = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\nmsgid "Tee"\nmsgstr "{text}"\n'.encode(codec)
    with pytest.raises(VerlagError) as raised:
        decode_po(data, "x.po")
    assert f"iconv -f {codec} -t utf-8 x.po" in str(raised.value)


# ---- verlag.toml ----

CONFIG_CASES = {
    "toml-syntax": ('name = "Test"\nsource_language = "de"\nsegmentation "block"\nlanguages = ["en"]\n',
                    3, ("invalid TOML",)),
    "toml-table-not-closed": ('name = "Test"\nlanguages = ["en"]\n[site]\nauthor = "A"\n[site\nx = 1\n', 5,
                              ("invalid TOML: the table header '[site' is not closed: end it with ']'",)),
    "toml-table-twice": ('name = "Test"\nlanguages = ["en"]\n[site]\nauthor = "A"\n[site]\nx = 1\n', 5,
                         ("invalid TOML: [site] is written twice: put its keys under one [site] line",)),
    "toml-key-twice": ('name = "Test"\nlanguages = ["en"]\n[site]\nauthor = "A"\nname = "B"\nauthor = "C"\n', 6,
                       ("invalid TOML: author is set twice (first at line 4): keep the one you want, TOML sets each "
                        "key once in a table",)),  # trial 24: tomllib's "Cannot overwrite a value"
    "toml-quote-not-closed": ('name = "Test\nlanguages = ["en"]\n', 1,
                              ("invalid TOML: a text in quotes is not closed on its line ('name = \"Test')",)),
    "unknown-language": ('name = "Test"\nsource_language = "de"\n\nlanguages = ["en", "xx"]\n',
                         4, ("unknown language code 'xx'",)),
    "unknown-source-language": ('name = "Test"\nsource_language = "deutsch"\nlanguages = ["en"]\n',
                                2, ("'deutsch'",)),
    "bad-segmentation": ('name = "Test"\nlanguages = ["en", "fr"]\n\n\nsegmentation = "word"\n',
                         5, ("segmentation", "'word'", "sentence", "block")),
    "table-as-number": ('name = "Test"\nlanguages = ["en"]\npretranslate = 1\n', 3, ("pretranslate", "table", "1")),
    "table-as-text": ('name = "Test"\nlanguages = ["en"]\n\npublish = "x"\n', 4, ("publish", "table", "'x'")),
    "language-table-as-text": ('languages = ["en"]\n\n[publish]\nunreviewed = "source"\nen = "machine"\n', 5,
                               ("publish.en", "table", "'machine'")),
    "engine-table-as-number": ('languages = ["en"]\n[engines]\nlibre = 3\n', 3, ("engines.libre", "table")),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CONFIG_CASES)
def test_bad_config_exits_2_naming_verlag_toml_and_line(published: Project, case: str, command: str):
    text, line, fragments = CONFIG_CASES[case]
    published.write("verlag.toml", text)
    result = assert_fails_untouched(published, command)
    assert_error(result, str(published.root / "verlag.toml"), line, *fragments)


def test_missing_config_says_how_to_start(tmp_path):
    project = Project(tmp_path)
    result = project.run("extract", code=2)
    assert_error(result, str(tmp_path), None, "verlag.toml", "verlag init")
    assert list(tmp_path.iterdir()) == []


# ---- command line ----

def test_unknown_engine_is_a_usage_error_listing_the_available_ones(published: Project):
    result = assert_fails_untouched(published, "pretranslate", "--engine", "nope")
    assert "Invalid value for --engine" in result.stderr
    assert "'nope'" in result.stderr and "copy" in result.stderr and "pseudo" in result.stderr


def test_unknown_engine_in_config_names_verlag_toml(published: Project):
    published.write("verlag.toml", published.read("verlag.toml") + '\n[pretranslate]\nengines = ["nope"]\n')
    result = assert_fails_untouched(published, "pretranslate")
    (line,) = error_lines(result)
    assert line.startswith("error: ") and "verlag.toml" in line and "'nope'" in line


@pytest.mark.parametrize("command", ["status", "pretranslate"])
def test_lang_not_configured_is_a_usage_error(published: Project, command: str):
    result = assert_fails_untouched(published, command, "--lang", "it")
    assert "Usage:" in result.stderr
    assert "--lang" in result.stderr and "'it'" in result.stderr and "en, fr" in result.stderr


def test_a_file_that_cannot_be_written_is_named_without_a_traceback(tmp_path):
    project = Project(tmp_path)
    project.write("verlag.toml", 'name = "T"\nlanguages = ["en"]\n')
    project.write("source_de/a.md", "---\ntitle: A\n---\nText.\n")
    project.write("translations", "a file where the catalog folder belongs")
    result = project.run("extract", code=2)
    assert "error: " in result.stderr and "translations" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_misspelt_title_key_is_named_at_its_line_with_the_other_unknown_keys(published: Project):
    """Trial 15: a file whose only title is ``titel:`` got "missing title" at line 1, and its unknown-key
    warnings (the cause) were not shown at all while the file had an error. Fresh-user trial t2: they were then
    said as errors, though an unknown key alone is a warning (README): warnings still, in line order."""
    published.write("source_de/baldrian.md", "---\nautor: Maria Sommer\ntitel: Baldrian am Abend\ndate: 2025-10-03\n"
                                             "sumary: Ruhig schlafen.\nreading_time: 5 Minuten\n---\nText.\n")
    for command in ("extract", "build", "check"):
        result = assert_fails_untouched(published, command)
        said = [line for line in result.stderr.splitlines() if line.startswith(("error: ", "warning: "))]
        assert said == [
            "warning: source_de/baldrian.md:2: autor: unknown front-matter key, ignored; did you mean 'author'?",
            "error: source_de/baldrian.md:3: missing title: 'titel:' is no front-matter key; did you mean 'title'?",
            "warning: source_de/baldrian.md:5: sumary: unknown front-matter key, ignored; did you mean 'summary'?",
            "warning: source_de/baldrian.md:6: reading_time: unknown front-matter key, ignored (known: title, author, "
            "date, updated, summary, tags, slug, draft, aliases, reviewed_by, last_reviewed, translate)",
        ], (command, result.stderr)


def test_a_hugo_or_jekyll_key_is_named_with_verlags_name_for_it(published: Project):
    """Trial 40 #6: ``description:`` was "unknown front-matter key, ignored" with no hint, though ``verlag import``
    reads a Hugo or Jekyll description as the summary: the author's summary was silently left off every page. Such
    a key is named with verlag's name for it, as import maps it."""
    published.write("source_de/baldrian.md", "---\ntitle: Baldrian\ndate: 2025-10-03\ndescription: Ruhig schlafen."
                                             "\ncategories: [Schlaf]\npublished: false\n---\nText.\n")
    said = [line for line in published.run("extract").output.splitlines() if "unknown front-matter key" in line]
    assert said == [
        "warning: source_de/baldrian.md:4: description: unknown front-matter key, ignored; did you mean 'summary'? "
        "(verlag's name for Hugo's and Jekyll's description)",
        "warning: source_de/baldrian.md:5: categories: unknown front-matter key, ignored; did you mean 'tags'? "
        "(verlag's name for Hugo's and Jekyll's categories)",
        "warning: source_de/baldrian.md:6: published: unknown front-matter key, ignored; did you mean 'draft'? "
        "(verlag's name for Hugo's and Jekyll's published, written the other way round: published: false is "
        "draft: true)"], said


def test_unknown_keys_are_named_beside_another_front_matter_error(published: Project):
    published.write("source_de/baldrian.md", "---\ntitle: Baldrian\nautor: Maria Sommer\ndraft: ja bitte\n---\n"
                                             "Text.\n")
    result = assert_fails_untouched(published, "extract")
    said = [line for line in result.stderr.splitlines() if line.startswith(("error: ", "warning: "))]
    assert said == [
        "warning: source_de/baldrian.md:3: autor: unknown front-matter key, ignored; did you mean 'author'?",
        "error: source_de/baldrian.md:4: draft: expected true or false"]


def test_checks_summary_counts_the_article_it_left_out_for_bad_front_matter(published: Project):
    published.write("source_de/kaputt.md", "---\ntitle: [1, 2]\ndate: gestern\ndraft: vielleicht\ntags: 5\n"
                                           "translate: nein\nsummary: {a: 1}\n---\nText.\n")
    result = published.run("check", "--article", "kaputt", code=2)
    assert len(error_lines(result)) == 6
    assert result.stdout.splitlines()[-1] == ("check: 0 errors, 0 warnings; 1 file with problems not "
                                              "checked (errors below): source_de/kaputt.md")


def test_extract_summary_counts_the_article_whose_catalog_it_could_not_read(published: Project):
    """extract's last line before the errors counts true: an article with a damaged catalog is neither changed nor
    unchanged but one with problems, named below ('0 files changed, 0 articles unchanged' read as nothing to do)."""
    text, line, _ = damage(published, "syntax-error")
    published.write("translations/en/eins.po", text)
    published.run("extract", code=2)
    result = published.run("extract", code=2)
    assert_error(result, "translations/en/eins.po", line)
    summary = [one for one in result.output.splitlines() if one.startswith("extract: ") and "changed" in one]
    assert summary == ["extract: 0 files changed, 1 article unchanged, 1 article with problems (named below)"], \
        result.output
    assert result.output.index(summary[0]) < result.output.index(f"translations/en/eins.po:{line}")

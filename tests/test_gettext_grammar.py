"""verlag and GNU ``msgfmt --check`` (which Weblate and CI run) agree on a catalog: what gettext 0.22 accepts loads
in verlag and comes through ``extract`` as it was; what msgfmt refuses, verlag names, and ``extract`` writes a
catalog msgfmt passes."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import Project, article, msgfmt_check, review

SLUG = "garten"
PO = f"translations/en/{SLUG}.po"


def reviewed_catalog(project: Project) -> str:
    """A catalog of a two-sentence article, both sentences translated and signed off, as extract leaves it."""
    project.write(f"source_de/{SLUG}.md", article("Garten", "Der Garten ist klein. Die Beete sind voll.\n"))
    project.run("extract")
    review(project, "en", SLUG, {("title", "Garten"): "Garden", "Der Garten ist klein.": "The garden is small.",
                                 "Die Beete sind voll.": "The beds are full."})
    project.run("extract")
    return project.read(PO)


# what a reviewer's tool or hand leaves that gettext reads: appended to the catalog extract wrote
VALID_ENDINGS = {
    "a bare #~ line at the end": "\n#~\n",
    "comments after the last entry": "\n# Noch offen: die Bildunterschriften.\n#. \n",
    "an obsolete entry with msgctxt": '\n#, markdown-text\n#~ msgctxt "title"\n#~ msgid "Gärtchen"\n'
                                      '#~ msgstr "Little garden"\n',
    "an obsolete entry with its previous msgid (#~|)": '\n# previous msgid: "Früher."\n#, fuzzy, markdown-text\n'
                                                       '#~| msgid "Früher."\n#~ msgid "Vorher."\n'
                                                       '#~ msgstr "Before."\n',
}


@pytest.mark.parametrize("ending", VALID_ENDINGS)
def test_a_catalog_gettext_accepts_loads_and_goes_through_extract_unchanged(project: Project, ending: str):
    """A bare ``#~`` line was a syntax error (polib's), comments after the last entry and ``#~|`` lines were
    dropped by the next extract: each is valid gettext, so check reads it and extract leaves the file as it is."""
    path = project.write(PO, reviewed_catalog(project) + VALID_ENDINGS[ending])
    msgfmt_check(path)
    before = path.read_bytes()
    assert "cannot read" not in project.run("check").output
    assert "en    garten" in project.run("status").output
    project.run("extract")
    assert path.read_bytes() == before
    msgfmt_check(path)


def test_an_obsolete_entry_msgmerge_wrote_with_its_previous_msgid_keeps_it(project: Project):
    """msgmerge --previous writes an obsolete fuzzy entry's old German as ``#~| msgid``; extract kept the entry
    but dropped that line. It stays, with verlag's record of it, as on an entry verlag made obsolete itself."""
    path = project.write(PO, reviewed_catalog(project) + '\n#, fuzzy, markdown-text\n#~| msgid "Früher."\n'
                                                         '#~ msgid "Vorher."\n#~ msgstr "Before."\n')
    msgfmt_check(path)
    project.run("extract")
    text = project.read(PO)
    assert '#~| msgid "Früher."\n#~ msgid "Vorher."\n#~ msgstr "Before."\n' in text
    msgfmt_check(path)


# an obsolete fuzzy entry, its comments as tools write them (msgattrib --set-obsolete and msgmerge: before ``#~``;
# others after the entry's ``#~`` prefix, which gettext reads as the same comments)
OBSOLETE_FUZZY = {
    "comments before #~ (msgattrib, msgmerge)": '\n# Nachfragen.\n#, fuzzy, markdown-text\n#~| msgid "Früher."\n'
                                                '#~ msgid "Vorher."\n#~ msgstr "Before."\n',
    "comments after #~": '\n#~ # Nachfragen.\n#~ #, fuzzy, markdown-text\n#~ #| msgid "Früher."\n'
                         '#~ msgid "Vorher."\n#~ msgstr "Before."\n',
}


@pytest.mark.parametrize("form", OBSOLETE_FUZZY)
def test_an_obsolete_fuzzy_entry_in_either_form_gettext_reads_keeps_its_content(project: Project, form: str):
    """``#~ #, fuzzy`` (an obsolete entry's flags after its ``#~`` prefix, which msgfmt --check passes and msgcat
    reads as ``#, fuzzy``) made check, status and extract refuse the whole catalog as a syntax error. It is read
    as gettext reads it: the entry stays obsolete with its translation, flag, note and old German, written back
    as GNU writes it."""
    path = project.write(PO, reviewed_catalog(project) + OBSOLETE_FUZZY[form])
    msgfmt_check(path)
    assert "cannot read" not in project.run("check").output
    assert "en    garten" in project.run("status").output
    project.run("extract")
    text = project.read(PO)
    assert ('# Nachfragen.\n# previous msgid: "Früher."\n#, fuzzy, markdown-text\n#~| msgid "Früher."\n'
            '#~ msgid "Vorher."\n#~ msgstr "Before."\n') in text
    msgfmt_check(path)
    listed = subprocess.run(["msgattrib", "--only-obsolete", "--only-fuzzy", str(path)], capture_output=True,
                            text=True, check=True).stdout
    assert '#~ msgstr "Before."' in listed


def test_a_catalog_ending_in_a_bare_flag_line_keeps_its_last_entry(project: Project):
    """A ``#,`` line after the last entry (a flag deleted in a text editor, its line left) is nothing to gettext;
    polib dropped the entry before it, and with it the reviewed translation the page showed."""
    path = project.write(PO, reviewed_catalog(project) + "\n#,\n")
    msgfmt_check(path)
    before = path.read_bytes()
    project.run("build")
    assert "The beds are full." in project.read(f"site/en/{SLUG}/index.html")
    project.run("extract")
    assert path.read_bytes() == before


def test_a_header_alone_bare_prefix_lines_and_a_flag_line_without_flags_load(project: Project):
    """A file of only its header entry, bare ``#~|`` and ``#|`` lines (blank lines to gettext, syntax errors to
    polib) and an entry's ``#,`` line emptied of its flags are valid gettext: the first is filled by extract, the
    others keep their translations (the empty lines left out, as msgcat leaves them out)."""
    text = reviewed_catalog(project)
    header = text[:text.index("\n\n", text.index('msgid ""')) + 1]
    path = project.write(PO, header)
    msgfmt_check(path)
    assert "cannot read" not in project.run("check").output
    project.run("extract")
    assert 'msgid "Der Garten ist klein."' in project.read(PO)
    msgfmt_check(path)
    path = project.write(PO, text.replace('#, markdown-text\nmsgid "Die Beete', '#,\nmsgid "Die Beete')
                         + '\n#~|\n#|\n#, markdown-text\n#~ msgid "Weg."\n#~ msgstr "Gone."\n')
    msgfmt_check(path)
    assert "cannot read" not in project.run("check").output
    project.run("extract")
    assert 'msgid "Die Beete sind voll."\nmsgstr "The beds are full."' in project.read(PO)
    assert '\n\n#, markdown-text\n#~ msgid "Weg."\n#~ msgstr "Gone."\n' in project.read(PO)
    msgfmt_check(path)


def msgfmt_refuses(path) -> str:
    """GNU msgfmt --check's fatal errors on the catalog at ``path`` (it must find one)."""
    assert shutil.which("msgfmt"), "GNU gettext (msgfmt) is required: apt-get install gettext"
    proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert proc.returncode != 0, f"msgfmt --check accepts {path}"
    return proc.stderr


def test_a_format_flag_a_tool_added_is_named_by_check_and_dropped_by_extract(project: Project):
    """Poedit, Weblate or msgmerge flag a sentence with a % as ``c-format``; msgfmt then reads "10 % der" as the
    directive ``% d`` and "10 % of" as ``% o`` and refuses the catalog, which verlag read without a word and
    extract wrote back flag and all. check names the entry, extract --check fails the gate, extract drops it."""
    project.write(f"source_de/{SLUG}.md", article("Garten", "10 % der Beete sind voll.\n"))
    project.run("extract")
    review(project, "en", SLUG, {("title", "Garten"): "Garden", "10 % der Beete sind voll.": "10 % of the beds are full."})
    project.run("extract")
    text = project.read(PO)
    path = project.write(PO, text.replace('#, markdown-text\nmsgid "10 %', '#, markdown-text, c-format\nmsgid "10 %'))
    assert "format specifications" in msgfmt_refuses(path)
    line = project.read(PO).splitlines().index('msgid "10 % der Beete sind voll."') + 1
    said = project.run("check").output
    assert (f"warning: {PO}:{line}: flag c-format on an article's sentence, which is Markdown, no format string"
            in said and "verlag extract drops the flag [format-flag]" in said)
    gate = project.run("extract", "--check", code=1).output
    assert f"{PO}: out of date with the German: 1 without the format flag a tool gave it" in gate
    assert f"warning: {PO}:{line}: '10 % der Beete sind voll.': flag c-format to be dropped by verlag extract" in gate
    assert f"warning: {PO}:{line}: '10 % der Beete sind voll.': flag c-format dropped (" \
        in project.run("extract").output
    msgfmt_check(path)
    assert "c-format" not in project.read(PO)
    assert '#, markdown-text\nmsgid "10 % der Beete sind voll."\nmsgstr "10 % of the beds are full."' \
        in project.read(PO)
    assert "format-flag" not in project.run("check").output


@pytest.mark.parametrize("header", ["no fields", "no header entry", "no charset"])
def test_a_header_msgfmt_refuses_is_named_by_check_and_written_by_extract(project: Project, header: str):
    """A header entry emptied of its fields, or none at all (msgfmt --check: "PO file header missing or
    invalid", fatal), or a Content-Type without charset (msgfmt warns): check said nothing. It names the header's
    line; extract writes the fields, and msgfmt passes the catalog."""
    text = reviewed_catalog(project)
    start = text.index('msgid ""\nmsgstr ""\n')
    end = text.index("\n\n", start) + 2
    broken = {"no fields": text[:start] + 'msgid ""\nmsgstr ""\n\n' + text[end:],
              "no header entry": text[:start] + text[end:],
              "no charset": text.replace('"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Type: text/plain\\n"')
              }[header]
    path = project.write(PO, broken)
    if header != "no charset":
        assert "header missing or invalid" in msgfmt_refuses(path)
    line = broken.splitlines().index('msgid ""') + 1 if header != "no header entry" else 1
    said = project.run("check").output
    assert f"warning: {PO}:{line}: " in said and "verlag extract writes the header's fields" in said
    assert "[catalog-header]" in said
    status = json.loads(project.run("status", "--format", "json").output)
    row = next(r for r in status["articles"] if r["slug"] == SLUG and r["lang"] == "en")
    assert row["warnings"] == said.count(f"warning: {PO}:"), (row, said)  # status counted no catalog-header
    project.run("extract")
    msgfmt_check(path)
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in project.read(PO)
    assert 'msgstr "The beds are full."' in project.read(PO)
    assert "catalog-header" not in project.run("check").output


def test_a_catalog_with_cr_line_ends_is_named_by_check_and_rewritten_with_lf_by_extract(project: Project):
    """A catalog saved by an old Mac editor, its lines ending in CR alone: verlag reads it, GNU msgfmt --check reads
    no line end there and refuses it ("PO file header missing or invalid"), and check said nothing. It names the
    CR line ends, that GNU's tools refuse them and that extract rewrites them with LF; status counts it; extract
    does so, the translations kept, and msgfmt passes the catalog. A CRLF catalog (Windows) is none of this."""
    text = reviewed_catalog(project)
    path = project.root / PO
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    assert "header missing or invalid" in msgfmt_refuses(path)
    said = project.run("check").output
    assert (f"warning: {PO}:1: its lines end in CR alone (carriage return, the line end of classic Mac OS), which "
            "GNU gettext's tools and many editors refuse") in said, said
    assert "verlag extract rewrites it with LF line ends, its translations kept [catalog-header]" in said, said
    status = json.loads(project.run("status", "--format", "json").output)
    row = next(r for r in status["articles"] if r["slug"] == SLUG and r["lang"] == "en")
    assert row["warnings"] == 1, (row, said)
    project.run("extract")
    assert b"\r" not in path.read_bytes()
    msgfmt_check(path)
    assert 'msgstr "The beds are full."' in project.read(PO)
    assert "catalog-header" not in project.run("check").output
    path.write_bytes(project.read(PO).replace("\n", "\r\n").encode("utf-8"))
    msgfmt_check(path)
    assert "catalog-header" not in project.run("check").output


def test_a_site_po_plural_message_with_a_form_missing_is_named_by_check_and_made_fuzzy_by_extract(project: Project):
    """A site.po plural message with fewer msgstr[n] than its Plural-Forms' nplurals (a form deleted in a text
    editor): msgfmt --check refuses it; check said nothing, and extract wrote the missing form empty, which msgfmt
    refuses too. check names it at its line; extract marks it fuzzy and says so, and msgfmt passes."""
    project.write(f"source_de/{SLUG}.md", article("Garten", "Der Garten ist klein.\n"))
    project.run("extract")
    path = project.root / "translations/en/site.po"
    text = path.read_text(encoding="utf-8")
    one = text.replace('msgstr[0] "%(count)s article"\nmsgstr[1] "%(count)s articles"\n',
                       'msgstr[0] "%(count)s article"\n')
    assert one != text
    path.write_text(one, encoding="utf-8")
    assert "only one plural form" in msgfmt_refuses(path)
    line = one.splitlines().index('msgid "%(count)s article"') + 1
    said = project.run("check").output
    assert (f"warning: translations/en/site.po:{line}: msgstr[1] not translated of the 2 forms its Plural-Forms "
            "asks for: the page shows the English words for 0, 2, 3, 4, … and the translation for the other counts; "
            "GNU msgfmt --check refuses the catalog" in said and "[plural-forms]" in said), said
    assert ("warning: translations/en/site.po: '%(count)s article': msgstr[1] not translated (the page shows the "
            "English words for every count until each form is): marked fuzzy" in project.run("extract").output)
    msgfmt_check(path)
    assert "plural-forms" not in project.run("check").output


def shown(project: Project, lang: str, counts: tuple[int, ...]) -> list[str]:
    """The chooser's "%(count)s article" for each of ``counts`` as the build words it from ``lang``'s site.po."""
    from pipeline.config import load_config
    from pipeline.uistrings import load_translations

    words = load_translations(load_config(project.root), lang)
    return [words.ngettext("%(count)s article", "%(count)s articles", n) % {"count": n} for n in counts]


def uk_site_po(project: Project) -> tuple:
    """A Ukrainian project's site.po after extract (verlag's own three forms of "%(count)s article"): its path and
    text."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["uk"]\n')
    project.write(f"source_de/{SLUG}.md", article("Garten", "Der Garten ist klein.\n"))
    project.run("extract")
    path = project.root / "translations/uk/site.po"
    return path, path.read_text(encoding="utf-8")


def test_a_site_po_plural_form_deleted_shows_the_translation_for_the_other_counts_until_extract(project: Project):
    """Trial 35: with uk's msgstr[2] deleted, check said "the page shows the English words for every count", while
    the chooser showed "2 статті": gettext finds the forms that are there, and only the counts of the deleted one
    (5, 11, …) show in English, until extract marks the message fuzzy. check says what the page shows now, and
    after extract."""
    path, text = uk_site_po(project)
    two = text.replace('msgstr[2] "%(count)s статей"\n', "")
    assert two != text
    path.write_text(two, encoding="utf-8")
    assert shown(project, "uk", (1, 2, 5, 11)) == ["1 стаття", "2 статті", "5 articles", "11 articles"]
    line = two.splitlines().index('msgid "%(count)s article"') + 1
    said = project.run("check").output
    assert (f"warning: translations/uk/site.po:{line}: msgstr[2] not translated of the 3 forms its Plural-Forms asks "
            "for: the page shows the English words for 0, 5, 6, 7, … and the translation for the other counts; GNU "
            "msgfmt --check refuses the catalog; translate each form (verlag extract marks the message fuzzy until "
            "then, and from then on the page shows the English words for every count) [plural-forms]") in said, said
    project.run("extract")
    assert shown(project, "uk", (1, 2, 5)) == ["1 article", "2 articles", "5 articles"]
    path.write_text(text.replace('msgstr[2] "%(count)s статей"', 'msgstr[2] ""'), encoding="utf-8")
    assert shown(project, "uk", (1, 2)) == ["1 article", "2 articles"]  # an empty form: English for every count
    assert ("msgstr[2] not translated of the 3 forms its Plural-Forms asks for: the page shows the English words for "
            "every count; GNU msgfmt") in project.run("check").output


def test_a_site_po_plural_form_beyond_nplurals_is_named_by_check_and_dropped_by_extract_with_its_text(project):
    """Trial 35: a reviewer's msgstr[2] in the Turkish site.po (two forms, CLDR and its Plural-Forms): GNU msgfmt
    --check refuses the catalog ("some messages have 3 plural forms"), check and build said nothing, and the next
    extract dropped the form without a word. check names it at the entry (a warning: no count shows it, the page
    is right); extract says what it dropped, at its line; then msgfmt passes and check is quiet."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["tr"]\n')
    project.write(f"source_de/{SLUG}.md", article("Garten", "Der Garten ist klein.\n"))
    project.run("extract")
    path = project.root / "translations/tr/site.po"
    text = path.read_text(encoding="utf-8")
    three = text.replace('msgstr[1] "%(count)s makale"\n',
                         'msgstr[1] "%(count)s makale"\nmsgstr[2] "%(count)s makaleler"\n')
    assert three != text
    path.write_text(three, encoding="utf-8")
    assert "some messages have 3 plural forms" in msgfmt_refuses(path)
    lines = three.splitlines()
    line = lines.index('msgid "%(count)s article"') + 1
    said = project.run("check").output
    assert (f"warning: translations/tr/site.po:{line}: msgstr[2] '%(count)s makaleler': a form beyond the 2 its "
            "Plural-Forms has (msgstr[0] to msgstr[1]): no count shows it, and GNU msgfmt --check refuses the catalog "
            '("some messages have 3 plural forms"); delete it (verlag extract drops it and says so) [plural-forms]'
            ) in said, said
    assert shown(project, "tr", (1, 2)) == ["1 makale", "2 makale"]
    dropped = project.run("extract").output
    form = lines.index('msgstr[2] "%(count)s makaleler"') + 1
    assert (f"warning: translations/tr/site.po:{form}: '%(count)s article': msgstr[2] '%(count)s makaleler' "
            "dropped: tr's Plural-Forms has 2 forms (msgstr[0] to msgstr[1]), so no count showed it, and GNU msgfmt "
            "--check refuses a message with more") in dropped, dropped
    assert path.read_text(encoding="utf-8") == text
    msgfmt_check(path)
    assert "plural-forms" not in project.run("check").output and "warning" not in project.run("extract").output


def in_charset(project: Project, charset: str) -> None:
    """The catalog converted to ``charset`` by GNU msgconv, its header saying so, as a reviewer's tool may keep it."""
    subprocess.run(["msgconv", f"--to-code={charset}", "-o", PO, PO], cwd=project.root, check=True)
    assert f"charset={charset}".encode() in (project.root / PO).read_bytes()


def test_a_catalog_in_the_charset_its_header_declares_is_read_and_written_back_in_utf8(project: Project):
    """trial10: msgconv --to-code=CP1252 wrote a catalog msgfmt --check accepts, and verlag refused it as saved in
    another encoding than its header's, which named CP1252 rightly. It is read in CP1252; extract writes it in
    UTF-8, its header too, and says so; the translations are kept."""
    reviewed_catalog(project)
    review(project, "en", SLUG, {"Die Beete sind voll.": "The beds are full – déjà vu."})
    in_charset(project, "CP1252")
    path = project.root / PO
    assert "–".encode("cp1252") in path.read_bytes()
    msgfmt_check(path)
    before = path.read_bytes()
    assert "en    garten                                   3" in project.run("status").output
    assert "cannot read" not in project.run("check").output and "not UTF-8" not in project.run("check").output
    assert path.read_bytes() == before
    result = project.run("extract")
    assert (f"note: {PO}: written back in UTF-8, its header's charset now UTF-8 (it was CP1252, as its header "
            "said)") in result.output
    text = path.read_bytes().decode("utf-8")
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in text and "CP1252" not in text
    assert 'msgstr "The beds are full – déjà vu."' in text and 'msgstr "The garden is small."' in text
    assert "#, fuzzy" not in text
    msgfmt_check(path)


def test_german_its_declared_charset_cannot_hold_is_written_in_utf8(project: Project):
    """A catalog in ISO-8859-1, which has no „“ or –: German the author changed to hold them is merged and
    written in UTF-8 (the header too), never cut or a traceback."""
    project.write(PO, reviewed_catalog(project).replace("“Garten”", "'Garten'"))  # its header comment in Latin-1
    in_charset(project, "ISO-8859-1")
    project.write(f"source_de/{SLUG}.md", article("Garten", "Der Garten ist „klein“ – sehr. Die Beete sind voll.\n"))
    result = project.run("extract")
    assert "it was ISO-8859-1, as its header said" in result.output
    text = (project.root / PO).read_bytes().decode("utf-8")
    assert 'msgid "Der Garten ist „klein“ – sehr."' in text and "charset=UTF-8" in text
    assert 'msgstr "The beds are full."' in text and '#| msgid "Der Garten ist klein."' in text
    msgfmt_check(project.root / PO)


def test_bytes_that_are_not_the_declared_charset_are_named_at_their_line(project: Project):
    """A CP1252 catalog holding a byte CP1252 has no character for (0x81: saved in yet another encoding) is an
    error at its line, exit 2, nothing written; a UTF-8 header over CP1252 bytes stays the error it was."""
    reviewed_catalog(project)
    review(project, "en", SLUG, {"Die Beete sind voll.": "The beds are full – déjà vu."})
    in_charset(project, "CP1252")
    path = project.root / PO
    damaged = path.read_bytes().replace(b"The beds", b"The \x81beds")
    path.write_bytes(damaged)
    line = damaged[:damaged.index(b"\x81")].count(b"\n") + 1
    result = project.run("extract", code=2)
    assert f"error: {PO}:{line}: catalog is not CP1252, as its header's charset says (byte 0x81)" in result.output
    assert "Traceback" not in result.output and path.read_bytes() == damaged
    path.write_bytes(damaged.replace(b"\x81", b"").replace(b"charset=CP1252", b"charset=UTF-8"))
    assert f"error: {PO}:1: catalog is not UTF-8 (byte 0x93" in project.run("extract", code=2).output


def test_a_header_naming_another_charset_is_written_as_utf8():
    """Every writer's last step (pretranslate, import, merge-catalogs keep the header they read): the bytes are
    UTF-8, so the header says UTF-8."""
    from pipeline.pofile import declared_charset, encode_like

    text = ('# Übersetzung\nmsgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=CP1252\\n"\n\n'
            'msgid "Tee"\nmsgstr "Tea – hot"\n')
    data = encode_like(text, None)
    assert declared_charset(data) == "UTF-8" and data.decode("utf-8") == text.replace("CP1252", "UTF-8")

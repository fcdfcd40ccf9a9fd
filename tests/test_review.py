"""The reviewer's tools end to end: ``verlag check`` on real catalogs, the glossary, status, the build gate."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from itertools import takewhile
from pathlib import Path

import polib
import pytest

from pipeline.catalog import render, set_provenance
from pipeline.errors import ManyErrors, VerlagError
from pipeline.glossary import parse_glossary

from conftest import REPO, WALL, Project, article, msgfmt_check

MARIENDISTEL = article("Mariendistel für die Leber", """
    Die Mariendistel schützt die Leber. Trinken Sie täglich 2 Liter Wasser.

    Mehr dazu lesen Sie im [Beitrag über Leberkräuter](https://example.org/leberkraeuter).
    Viele sagen: „Bitter ist gut für die Leber.“

    ## Dosierung

    Nehmen Sie 3 Wochen lang morgens 140 mg Silymarin.
    """, tags="[Leber]")

GLOSSARY = ("source,en,fr,en_forbidden,fr_forbidden,dnt,note\n"
            "Mariendistel,milk thistle,chardon-Marie,Marian thistle|thistle,,,Silybum marianum\n"
            "Silymarin,silymarin,silymarine,,,,\n")

CLEAN = {
    ("title", "Mariendistel für die Leber"): "Milk thistle for the liver",
    ("tag", "Leber"): "Liver",
    "Die Mariendistel schützt die Leber.": "Milk thistle protects the liver.",
    "Trinken Sie täglich 2 Liter Wasser.": "Drink 2 litres of water a day.",
    "Mehr dazu lesen Sie im [Beitrag über Leberkräuter](https://example.org/leberkraeuter).":
        "Read more in the [article on liver herbs](https://example.org/leberkraeuter).",
    "Viele sagen: „Bitter ist gut für die Leber.“": "Many say: “Bitter is good for the liver.”",
    "Dosierung": "Dosage",
    "Nehmen Sie 3 Wochen lang morgens 140 mg Silymarin.": "Take 140 mg of silymarin every morning for 3 weeks.",
}

# What a machine translation made of it: a dropped link, a changed number, a forbidden term, German quotes.
MACHINE = {**CLEAN,
           "Die Mariendistel schützt die Leber.": "Marian thistle protects the liver.",
           "Trinken Sie täglich 2 Liter Wasser.": "Drink 3 litres of water a day.",
           "Mehr dazu lesen Sie im [Beitrag über Leberkräuter](https://example.org/leberkraeuter).":
               "Read more in the article on liver herbs.",
           "Viele sagen: „Bitter ist gut für die Leber.“": "Many say: „Bitter is good for the liver.“"}


def translate(project: Project, lang: str, slug: str, texts: dict, fuzzy: bool = False) -> Path:
    """Fill a catalog as a reviewer (or, with ``fuzzy``, an MT engine, its ``# mt:`` line written as
    ``pretranslate`` writes it) would, saved in our own layout."""
    path = project.root / "translations" / lang / f"{slug}.po"
    po = polib.pofile(str(path))
    for entry in po:
        text = texts.get((entry.msgctxt, entry.msgid), texts.get(entry.msgid))
        if text is not None and entry.msgctxt in (None, "title", "tag"):
            entry.msgstr = text
            if fuzzy and "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")
                set_provenance(entry, "mt: deepl")
            elif not fuzzy and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
    path.write_text(render(po), encoding="utf-8")
    return path


def msgid_line_of(path: Path, msgid: str) -> int:
    """The line where ``msgid`` starts in the file, found by reading the PO strings ourselves."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines):
        if line.startswith("msgid "):
            chunks = [line[6:]] + list(takewhile(lambda s: s.startswith('"'), lines[n + 1:]))
            if "".join(json.loads(c) for c in chunks) == msgid:
                return n + 1
    raise AssertionError(f"{msgid!r} not in {path}")


def findings(output: str) -> set[tuple[str, str, int, str]]:
    return {(m["severity"], m["path"], int(m["line"]), m["check"]) for m in re.finditer(
        r"^(?P<severity>error|warning): (?P<path>\S+):(?P<line>\d+): .* \[(?P<check>[\w-]+)\]$", output, re.M)}


@pytest.fixture
def leber(project: Project) -> Project:
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/mariendistel.md", MARIENDISTEL)
    project.write("translations/glossary.csv", GLOSSARY)
    project.run("extract")
    return project


def test_machine_output_problems_are_all_found_at_their_msgid_lines(leber: Project):
    path = translate(leber, "en", "mariendistel", MACHINE, fuzzy=True)
    msgfmt_check(path)
    result = leber.run("check", code=1)
    ref = "translations/en/mariendistel.po"
    line = lambda msgid: msgid_line_of(path, msgid)  # noqa: E731
    assert findings(result.output) == {
        ("error", ref, line("Die Mariendistel schützt die Leber."), "glossary-forbidden"),
        ("warning", ref, line("Die Mariendistel schützt die Leber."), "glossary-term"),
        ("error", ref, line("Trinken Sie täglich 2 Liter Wasser."), "numbers"),
        ("error", ref, line("Mehr dazu lesen Sie im [Beitrag über Leberkräuter](https://example.org/leberkraeuter)."),
         "markup"),
        ("warning", ref, line("Viele sagen: „Bitter ist gut für die Leber.“"), "typography"),
    }
    assert "numbers differ: missing 2; instead 3" in result.output
    assert "'Marian thistle' is not used for 'Mariendistel'; write 'milk thistle'" in result.output
    assert "inline markup changed: link 1 -> 0" in result.output
    assert "check: 3 errors, 2 warnings in 4 entries" in result.output


def test_a_clean_catalog_gives_zero_findings(leber: Project):
    translate(leber, "en", "mariendistel", CLEAN)
    result = leber.run("check")
    assert findings(result.output) == set()
    assert "check: 0 errors, 0 warnings\n" in result.output
    assert json.loads(leber.run("check", "--format", "json").output) == []


def test_json_findings_name_path_line_check_severity_and_segment(leber: Project):
    path = translate(leber, "en", "mariendistel", MACHINE)
    data = json.loads(leber.run("check", "--format", "json", code=1).output)
    number = next(f for f in data if f["check"] == "numbers")
    assert number == {"path": "translations/en/mariendistel.po",
                      "line": msgid_line_of(path, "Trinken Sie täglich 2 Liter Wasser."),
                      "check": "numbers", "severity": "error", "message": "numbers differ: missing 2; instead 3",
                      "lang": "en", "slug": "mariendistel", "msgctxt": None,
                      "msgid": "Trinken Sie täglich 2 Liter Wasser."}


def test_strict_turns_warnings_into_errors(leber: Project):
    texts = {**CLEAN, "Viele sagen: „Bitter ist gut für die Leber.“": "Many say: „Bitter is good for the liver.“"}
    translate(leber, "en", "mariendistel", texts)
    assert "check: 0 errors, 1 warning" in leber.run("check").output
    strict = leber.run("check", "--strict", code=1).output
    assert "check: 1 error, 0 warnings" in strict and strict.startswith("error: ")


def test_lang_and_article_select_catalogs_and_unknown_ones_are_usage_errors(leber: Project):
    leber.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    leber.run("extract")
    translate(leber, "en", "mariendistel", MACHINE)
    translate(leber, "en", "milz", {"Die Milz ist klein.": "The spleen is small,,"})
    both = {p for _, p, _, _ in findings(leber.run("check", code=1).output)}
    assert both == {"translations/en/mariendistel.po", "translations/en/milz.po"}
    one = findings(leber.run("check", "--article", "milz").output)
    assert {p for _, p, _, _ in one} == {"translations/en/milz.po"}
    assert "no article with slug 'nope'" in leber.run("check", "--article", "nope", code=2).output
    assert "'de' is not in languages" in leber.run("check", "--lang", "de", code=2).output


def test_list_names_every_check_with_severity_and_explanation(leber: Project):
    from pipeline.check import CHECKS, SITE_CHECKS, SOURCE_CHECKS

    output = leber.run("check", "--list").output
    for check in [*CHECKS, *SITE_CHECKS, *SOURCE_CHECKS]:
        assert re.search(rf"^{re.escape(check.id)} +{check.severity} +\S", output, re.M)


def test_list_names_every_check_of_the_readme_table_with_its_severity(leber: Project):
    """README's table of checks (``| `id` | severity | fires when |``) and ``check --list`` name the same checks
    with the same severity, the sources' own checks (``html-block``, ``old-site`` ...) included."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("| check | severity | fires when |", 1)[1].split("\n\n", 1)[0]
    documented = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", table, re.M))
    listed = dict(re.findall(r"^([a-z-]+) +(error|warning) +\S", leber.run("check", "--list").output, re.M))
    assert len(documented) > 30
    assert {k: v for k, v in listed.items() if k in documented} == documented


def test_unreadable_catalog_is_exit_2_and_the_others_are_still_checked(leber: Project):
    leber.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    leber.run("extract")
    translate(leber, "en", "mariendistel", MACHINE)
    broken = leber.root / "translations/en/milz.po"
    text = broken.read_text(encoding="utf-8").replace('msgid "Die Milz ist klein."', 'msgid "Die Milz ist klein.')
    broken.write_text(text, encoding="utf-8")
    line = text.split("\n").index('msgid "Die Milz ist klein.') + 1
    result = leber.run("check", code=2)
    assert f"error: translations/en/milz.po:{line}: cannot read catalog" in result.output
    assert ("error", "translations/en/mariendistel.po") in {(s, p) for s, p, _, _ in findings(result.output)}
    assert broken.read_text(encoding="utf-8") == text


# ---- glossary ----

def test_glossary_hints_are_added_per_language_and_stay_stable(leber: Project):
    po_text = leber.read("translations/en/mariendistel.po")
    assert "#. glossary: Mariendistel -> milk thistle (not: Marian thistle, thistle; Silybum marianum)\n" in po_text
    assert "#. glossary: Silymarin -> silymarin\n" in po_text
    assert "glossary" not in leber.read("translations/templates/mariendistel.pot")
    shutil.rmtree(leber.root / ".verlag", ignore_errors=True)  # no skip cache: really re-merge
    before = leber.snapshot()
    leber.run("extract")
    assert leber.snapshot() == before
    leber.write("translations/glossary.csv", GLOSSARY.replace("milk thistle,", "milk-thistle,"))
    assert "updated translations/en/mariendistel.po" in leber.run("extract").output
    assert "#. glossary: Mariendistel -> milk-thistle" in leber.read("translations/en/mariendistel.po")
    msgfmt_check(leber.root / "translations/en/mariendistel.po")


def test_glossary_hint_survives_a_reviewers_translation_and_an_mt_provenance(leber: Project):
    translate(leber, "en", "mariendistel", CLEAN)
    leber.run("pretranslate", "--engine", "copy")
    leber.run("extract")
    entry = polib.pofile(str(leber.root / "translations/en/mariendistel.po")).find(
        "Die Mariendistel schützt die Leber.")
    assert entry.msgstr == "Milk thistle protects the liver."
    assert entry.comment.splitlines() == ["paragraph, block 1, sentence 1 of 2",
                                          "glossary: Mariendistel -> milk thistle (not: Marian thistle, thistle; "
                                          "Silybum marianum)"]


@pytest.mark.parametrize("text,line,fragment", [
    ("term,en\nMariendistel,milk thistle\n", 1, "'source'"),
    ("source,en,english\nMariendistel,milk thistle,x\n", 1, "unknown column 'english'"),
    ("source,en\nMariendistel,milk thistle\nTCM,TCM\nMariendistel,thistle\n", 4, "already defined on line 2"),
    ("source,en,dnt\nTCM,,maybe\n", 2, "dnt: expected 'yes' or empty"),
    ("source,en,dnt\nQi,vital energy,yes\n", 2, "marked dnt"),
    ("source,en\n\"Leber,\nGalle\",liver\n,bile\n", 4, "column 'source') is empty"),
    ("source,en\nLeber,liver,organ\n", 2, "3 cells but 2 columns"),
    # a cell over the csv module's field_size_limit was 'internal error: _csv.Error', no file or line
    ("source,en\nLeber,liver\nGalle,\"" + "b" * 200_000 + "\"\n", 3, "not read as CSV: field larger than"),
])
def test_glossary_mistakes_name_file_and_line(text: str, line: int, fragment: str):
    with pytest.raises(VerlagError) as caught:
        parse_glossary(text, "translations/glossary.csv")
    errors = caught.value.errors if isinstance(caught.value, ManyErrors) else [caught.value]
    assert any(e.line == line and fragment in e.message for e in errors), [str(e) for e in errors]


def test_a_broken_glossary_stops_check_extract_and_build_with_exit_2(leber: Project):
    leber.write("translations/glossary.csv", GLOSSARY + "Silymarin,x,y,,,,\n")
    before = leber.snapshot()
    for command in ("check", "extract", "build", "status"):
        result = leber.run(command, code=2)
        assert "error: translations/glossary.csv:4: 'Silymarin' is already defined on line 3" in result.output
    assert leber.snapshot() == before


# German Excel's "CSV UTF-8" (trial 41): a byte order mark, cells separated by ';', one with a ';' quoted
EXCEL_GLOSSARY = ("\ufeffsource;en;fr;en_forbidden;dnt;note\r\n"
                  "TCM;;;;yes;Abkürzung bleibt\r\n"
                  "Kamille;chamomile;camomille;camomile;;\"Matricaria chamomilla; 1,5 g je Tasse\"\r\n"
                  "Aufguss;infusion;infusion;brew;;\r\n")


def test_a_glossary_saved_by_german_excel_with_semicolons_is_read_as_with_commas(project: Project):
    glossary = parse_glossary(EXCEL_GLOSSARY, "translations/glossary.csv")
    commas = parse_glossary("source,en,fr,en_forbidden,dnt,note\nTCM,,,,yes,Abkürzung bleibt\n"
                            "Kamille,chamomile,camomille,camomile,,\"Matricaria chamomilla; 1,5 g je Tasse\"\n"
                            "Aufguss,infusion,infusion,brew,,\n", "g.csv")
    assert [(t.source, t.preferred, t.forbidden, t.dnt, t.note, t.line) for t in glossary.terms] == \
           [(t.source, t.preferred, t.forbidden, t.dnt, t.note, t.line) for t in commas.terms]
    assert glossary.terms[1].note == "Matricaria chamomilla; 1,5 g je Tasse"
    project.root.joinpath("translations").mkdir()
    project.root.joinpath("translations/glossary.csv").write_bytes(EXCEL_GLOSSARY.encode())
    project.write("source_de/tee.md", article("Tee", "Ein Aufguss aus Kamille beruhigt.\n"))
    project.run("extract")
    assert "#. glossary: Kamille -> chamomile (not: camomile; Matricaria chamomilla; 1,5 g je Tasse)\n" \
           "#. glossary: Aufguss -> infusion (not: brew)\n" in project.read("translations/en/tee.po")


def test_a_row_of_too_many_cells_in_a_semicolon_glossary_names_the_semicolon():
    with pytest.raises(VerlagError) as caught:
        parse_glossary("source;en\r\nLeber;liver;organ\r\n", "translations/glossary.csv")
    assert str(caught.value) == ("translations/glossary.csv:2: 3 cells but 2 columns (a semicolon in a term? put the "
                                 "cell in double quotes)")


@pytest.mark.parametrize("term, found, not_found", [
    ("Aufguss", ["zwei Aufgüsse", "mit Aufgüssen", "Aufgusses", "Aufgusstee"],
     ["Aufgüssetabelle", "Aufgüssen Sie"]),
    ("Arzt", ["die Ärzte", "bei Ärzten", "das Ärzte-Team"], ["die Ärztin", "ärztlich", "Ärzt"]),
    ("Mutter", ["Mütter", "mit Müttern"], ["Mütterberatung"]),
    ("Haus", ["Häuser", "in Häusern"], ["Häus", "häuslich"]),
    ("Zahl", ["Zahlen"], ["Zählen Sie die Tropfen.", "zählen"]),
    ("Kur", ["Kuren"], ["die Kür"]),
    ("Verschluss", ["Verschlüsse"], ["verschlüsselt", "Verschlüsselung"]),
    ("Wasser", ["Wässer"], ["wässern", "Wässerchen"]),
    ("Melisse", ["Melissen"], ["Mölisse"]),  # no umlaut on an e
])
def test_german_plurals_with_umlaut_find_the_term_and_no_other_word(term, found, not_found):
    """Trial 41: ``Aufguss`` gave no hint on "zwei Aufgüsse" though it did on "Aufgusses". The umlaut goes on the
    stem's last vowel, as ``tm._inflected`` folds it, with the plural's ending."""
    glossary = parse_glossary(f"source,en\n{term},x\n", "g.csv")
    assert [text for text in found if not glossary.find(text)] == []
    assert [text for text in not_found if glossary.find(text)] == []


def test_the_glossary_hint_is_on_the_entry_with_the_umlaut_plural_in_every_language(project: Project):
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["nl", "fr"]\n')
    project.write("translations/glossary.csv", "source,nl,fr\nAufguss,aftreksel,infusion\n")
    project.write("source_de/tee.md", article("Tee", "Viele empfehlen zwei Aufgüsse am Tag.\n"))
    project.run("extract")
    for lang, hint in (("nl", "Aufguss -> aftreksel"), ("fr", "Aufguss -> infusion")):
        entry = polib.pofile(str(project.root / f"translations/{lang}/tee.po")).find(
            "Viele empfehlen zwei Aufgüsse am Tag.")
        assert f"glossary: {hint}" in entry.comment.splitlines()


def test_german_terms_match_inflected_and_compound_forms():
    glossary = parse_glossary("source,en,dnt\nMariendistel,milk thistle,\nQi,,yes\n"
                              "Traditionelle Chinesische Medizin,Traditional Chinese Medicine,\n", "g.csv")
    found = lambda text: [t.source for t in glossary.find(text)]  # noqa: E731
    assert found("Mariendisteln blühen") == ["Mariendistel"]
    assert found("eine Mariendistelkur") == ["Mariendistel"]
    assert found("der Mariendistel-Tee") == ["Mariendistel"]
    assert found("Leber-Qi-Stagnation und Qi") == ["Qi"]
    assert found("Qigong am Morgen") == []
    assert found("aus Sicht der Traditionellen Chinesischen Medizin") == ["Traditionelle Chinesische Medizin"]
    assert found("Distel") == []
    assert found("[Mehr](https://example.org/mariendistel) zu `Qi`") == [], "addresses and code are no use of a term"
    assert found("[Mariendistel](https://example.org/x)") == ["Mariendistel"], "link text is prose"
    assert glossary.for_language("en") == {"Mariendistel": "milk thistle", "Qi": "Qi",
                                           "Traditionelle Chinesische Medizin": "Traditional Chinese Medicine"}


# ---- status ----

def test_before_the_first_extract_status_and_check_say_nothing_is_translated_yet(project: Project):
    """No catalog yet: the total is no "0/0 100.0% ok" (nothing checked reads as all done), and check's "0 errors,
    0 warnings" says that no translation was checked."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    lines = project.run("status").output.splitlines()
    assert [" ".join(line.split()[1:]) for line in lines if line.startswith("en ")] == [
        "milz (no catalog: run verlag extract)", "= total (no catalog: run verlag extract)"]
    assert "100.0%" not in project.run("status").output
    assert "no article is extracted yet, so no translation was checked" in project.run("check").output
    project.run("extract")
    assert "100.0%" not in project.run("status").output and "no catalog" not in project.run("status").output
    assert "no article is extracted yet" not in project.run("check").output


def test_before_the_first_extract_check_says_it_checked_the_catalogs_it_found(project: Project):
    """Catalogs there before any extract (imported): check checks them, and its note says so (trial 30: an error
    of translations/en-GB/…po:73, then "no translation was checked")."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/milz.md", article("Milz", "Die [Milz](https://example.org/milz) ist klein.\n"))
    project.write("translations/en/milz.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Die [Milz](https://example.org/milz) ist klein."\n'
                  'msgstr "The [spleen](https://example.org/liver) is small."\n')
    output = project.run("check", code=1).output
    assert "[link-target]" in output
    assert "no translation was checked" not in output
    assert ("note: no article is extracted yet: 1 catalog was checked as it is, not against the German articles "
            "(a sentence without an entry is not named): run verlag extract") in output


def test_a_language_whose_catalogs_extract_restores_or_makes_says_so_in_its_total_row():
    """No catalog to count in a language: its total says which of them extract restores from its copies (the
    restore rows name them) and how many it makes, not only "run verlag extract"."""
    from pipeline.status import STATES, Progress, format_table

    def row(slug, restore=""):
        return Progress("en", slug, dict.fromkeys(STATES, 0), dict.fromkeys(STATES, 0), missing=True, restore=restore)

    def total(rows):
        return next(line for line in format_table(rows).splitlines() if "= total" in line).split("= total")[1].strip()

    back = "translations/en/milz.po: missing or empty: verlag extract restores it from .verlag/extracted/en/…"
    assert total([row("milz", back)]) == "(missing or empty: verlag extract restores it from its copy)"
    assert total([row("milz", back), row("leber", back)]) == (
        "(missing or empty: verlag extract restores all 2 from its copies)")
    assert total([row("milz", back), row("leber")]) == "(no catalog: verlag extract restores 1 from its copies, makes 1)"
    assert total([row("leber")]) == "(no catalog: run verlag extract)"


def test_status_json_has_qa_counts_stale_entries_and_totals(leber: Project):
    leber.write("source_de/milz.md", article("Milz", "Die Milz ist klein. Sie liegt links.\n"))
    leber.run("extract")
    translate(leber, "en", "mariendistel", MACHINE, fuzzy=True)
    translate(leber, "en", "milz", {"Die Milz ist klein.": "The spleen is small.", ("title", "Milz"): "Spleen"})
    leber.write("source_de/milz.md", article("Milz", "Die Milz ist eher klein. Sie liegt links.\n"))
    leber.run("extract")
    data = json.loads(leber.run("status", "--format", "json").output)
    rows = {r["slug"]: r for r in data["articles"]}
    assert rows["mariendistel"]["segments"] == {"untranslated": 0, "machine": 8, "reused": 0, "hand": 0, "stale": 0,
                                                "reviewed": 0}
    assert (rows["mariendistel"]["errors"], rows["mariendistel"]["warnings"]) == (3, 2)
    assert rows["milz"]["segments"] == {"untranslated": 1, "machine": 0, "reused": 0, "hand": 0, "stale": 1,
                                        "reviewed": 1}
    assert rows["milz"]["warnings"] == 1  # the stale entry
    assert rows["milz"]["percent_reviewed"] == pytest.approx(100 / 9, abs=0.1)  # "Milz" of 9 German words
    (total,) = data["languages"]
    assert total["lang"] == "en" and total["articles"] == 2 and total["errors"] == 3 and total["warnings"] == 3
    assert total["segments"] == {"untranslated": 1, "machine": 8, "reused": 0, "hand": 0, "stale": 1,
                                 "reviewed": 1}
    assert total["words"]["reviewed"] == rows["milz"]["words"]["reviewed"]
    text = leber.run("status").output
    assert re.search(r"^en +mariendistel .* 0\.0% +3E 2W$", text, re.M)
    assert re.search(r"^en += total .* 3E 3W$", text, re.M)
    # the QA counts are cached by content: a fixed catalog or a changed glossary is counted anew
    translate(leber, "en", "mariendistel", CLEAN)
    assert re.search(r"^en +mariendistel .* 100\.0% +ok$", leber.run("status").output, re.M)
    leber.write("translations/glossary.csv", GLOSSARY + "Leber,liver,,hepar,,,\nWasser,H2O,,water,,,\n")
    assert re.search(r"^en +mariendistel .* 1E 1W$", leber.run("status").output, re.M)


# ---- the build gate ----

def test_build_holds_back_segments_with_qa_errors_and_says_so(leber: Project):
    machine = {**MACHINE, "Die Mariendistel schützt die Leber.": "Milk thistle protects the liver."}
    translate(leber, "en", "mariendistel", machine)
    result = leber.run("build")
    assert "en/mariendistel: 2 segments held back by QA errors; run verlag check" in result.output
    edition = leber.read("editions/en/mariendistel.md")
    assert "Trinken Sie täglich 2 Liter Wasser." in edition and "3 litres" not in edition
    assert "Mehr dazu lesen Sie im [Beitrag über Leberkräuter](https://example.org/leberkraeuter)." in edition
    assert "Milk thistle protects the liver." in edition and "„Bitter is good" in edition  # warnings publish
    assert "2 segments held back" in leber.run("build").output  # said again when nothing changed
    translate(leber, "en", "mariendistel", CLEAN)
    result = leber.run("build")
    assert "held back" not in result.output
    assert "Drink 2 litres of water a day." in leber.read("editions/en/mariendistel.md")


def test_make_edition_counts_blocked_segments_as_qa_fallback(leber: Project):
    from pipeline.check import blocked_keys, check_catalog
    from pipeline.config import load_config
    from pipeline.editions import make_edition
    from pipeline.glossary import load_glossary
    from pipeline.segment import segment_article
    from pipeline.sources import load_articles

    translate(leber, "en", "mariendistel", MACHINE)
    config = load_config(leber.root)
    (art,) = load_articles(config)
    po = polib.pofile(str(config.po_path("en", "mariendistel")))
    found = check_catalog(po, "x.po", "en", "mariendistel", load_glossary(config.translations_dir, config.root))
    doc = segment_article(art)
    plain = make_edition(doc, po, "en", "source")
    gated = make_edition(doc, po, "en", "source", blocked_keys(found))
    assert plain.shown["qa"] == 0 and gated.shown["qa"] == 3
    assert gated.shown["fallback"] == plain.shown["fallback"] + 3



def test_make_edition_asks_each_entry_its_state_once(leber: Project, monkeypatch):
    import pipeline.catalog as catalog
    from pipeline.config import load_config
    from pipeline.editions import make_edition
    from pipeline.segment import segment_article
    from pipeline.sources import load_articles

    translate(leber, "en", "mariendistel", MACHINE)
    (art,) = load_articles(load_config(leber.root))
    po = polib.pofile(str(load_config(leber.root).po_path("en", "mariendistel")))
    doc = segment_article(art)
    counted = make_edition(doc, po, "en", "machine")
    asked, real = [], catalog.entry_state
    monkeypatch.setattr(catalog, "entry_state", lambda *args: asked.append(args) or real(*args))
    assert make_edition(doc, po, "en", "machine") == counted
    assert len(asked) == len(set(doc.segments))

# ---- an independent reader ----

def test_pofilter_reads_our_catalogs_without_complaint_and_agrees_on_the_number(leber: Project, tmp_path: Path):
    """translate-toolkit's pofilter parses every shipped catalog and ours, and flags the changed number too."""
    pofilter = Path(sys.executable).with_name("pofilter")
    assert pofilter.exists(), "pip install -e '.[test]' installs translate-toolkit's pofilter"
    translate(leber, "en", "mariendistel", MACHINE, fuzzy=True)
    inputs = tmp_path / "in"
    shutil.copytree(REPO / "translations", inputs / "shipped", ignore=shutil.ignore_patterns("*.csv"))
    shutil.copy(leber.root / "translations/en/mariendistel.po", inputs / "mariendistel.po")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run([str(pofilter), "--progress=none", "--errorlevel=traceback", "-t", "numbers",
                           "-i", str(inputs), "-o", str(out)], capture_output=True, text=True, timeout=WALL)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    flagged = polib.pofile(str(out / "mariendistel.po"))
    assert [e.msgid for e in flagged] == ["Trinken Sie täglich 2 Liter Wasser."]


def test_translate_toolkit_parses_every_catalog_as_polib_does(leber: Project):
    from translate.storage import pypo

    translate(leber, "en", "mariendistel", MACHINE, fuzzy=True)
    catalogs = [*sorted((REPO / "translations").rglob("*.po")), leber.root / "translations/en/mariendistel.po"]
    for path in catalogs:
        theirs = pypo.pofile.parsefile(str(path))
        units = [(u.getcontext() or None, list(getattr(u.source, "strings", [u.source])),
                  list(getattr(u.target, "strings", [u.target])), u.isfuzzy())
                 for u in theirs.units if not u.isheader() and not u.isobsolete()]
        ours = [(e.msgctxt, [e.msgid, e.msgid_plural] if e.msgid_plural else [e.msgid],
                 [e.msgstr_plural[n] for n in sorted(e.msgstr_plural)] if e.msgid_plural else [e.msgstr], e.fuzzy)
                for e in polib.pofile(str(path)) if not e.obsolete]
        assert units == ours, path


def test_shipped_catalogs_pass_check_without_errors_and_carry_glossary_hints():
    from pipeline.check import ERROR, run_checks
    from pipeline.config import load_config

    findings, errors = run_checks(load_config(REPO))
    assert errors == []
    assert [str(f) for f in findings if f.severity == ERROR] == []
    english = (REPO / "translations/en/rueckenschmerzen-leber.po").read_text(encoding="utf-8")
    assert "#. glossary: Mariendistel -> milk thistle" in english
    assert "#. glossary: Mariendistel -> chardon-Marie" in (
        REPO / "translations/fr/rueckenschmerzen-leber.po").read_text(encoding="utf-8")


def test_site_ui_catalog_is_not_checked_as_an_article(leber: Project):
    translate(leber, "en", "mariendistel", CLEAN)
    leber.write("translations/en/site.po", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
                'msgid "Zwei Minuten Lesezeit"\nmsgstr "Three minutes to read"\n')
    result = leber.run("check")
    assert "site.po" not in result.output and "check: 0 errors" in result.output
    assert "site" not in {r["slug"] for r in json.loads(leber.run("status", "--format", "json").output)["articles"]}


def test_soft_hyphens_and_zero_width_spaces_pasted_from_a_web_page_do_not_hide_a_glossary_term(project):
    project.write("translations/glossary.csv", "source,en,fr\nUrsachen,causes,causes\nMenschen,people,\n")
    project.write("source_de/fieber.md", article("Fieber", "## Ur\u00adsachen\n\nViele Men\u200bschen fiebern.\n"))
    project.run("extract")
    po = polib.pofile(str(project.root / "translations/en/fieber.po"))
    heading, sentence = po.find("Ur\u00adsachen"), po.find("Viele Men\u200bschen fiebern.")
    assert "glossary: Ursachen -> causes" in heading.comment  # the msgid keeps the author's hyphenation hint
    assert "glossary: Menschen -> people" in sentence.comment
    heading.msgstr, sentence.msgstr = "Reasons", "Many peo\u00adple run a fever."
    po.save()
    result = project.run("check", "--lang", "en")
    assert "glossary: 'Ursachen' should be translated as 'causes' [glossary-term]" in result.output
    assert "'Menschen'" not in result.output  # "peo\u00adple" is "people"
    msgfmt_check(project.root / "translations/en/fieber.po")


def test_fuzzy_text_with_no_origin_line_is_a_hand_draft_but_accented_german_stays_machine_text():
    """``review_state`` (what status, the review report and the page's notice go by): fuzzy text with no engine's
    origin line was MACHINE ("made by machine") though nothing says a machine made it (trial 18: a reviewer's unsure
    translation typed in an editor); it is HAND now. The pseudo engine's accented German is known machine text
    with its ``mt: pseudo`` line lost too (a tool that drops comments), and an engine's untouched draft stays it."""
    from pipeline.catalog import HAND, MACHINE, review_state
    from pipeline.pseudo import accent

    german = "Bei Schwangerschaft fragen Sie vorher Ihre Ärztin."
    po = polib.pofile(f'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                      f'#, fuzzy\nmsgctxt "typed"\nmsgid "{german}"\nmsgstr "If you are pregnant, ask your doctor."\n\n'
                      f'#, fuzzy\nmsgctxt "pseudo"\nmsgid "{german}"\nmsgstr "{accent(german)}"\n')
    typed, pseudo = po
    assert (review_state(typed), review_state(pseudo)) == (HAND, MACHINE)
    set_provenance(typed, "mt: libre")  # as pretranslate records an engine's draft
    assert review_state(typed) == MACHINE

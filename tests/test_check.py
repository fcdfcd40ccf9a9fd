"""Each QA check on catalogs where it must fire and where it must stay silent.

Golden cases live in ``tests/checks/<check id>/``:

``fires*.po``
    a catalog in which *every* entry must give at least one finding of that check;
``fires*.expected``
    those findings in compiler style (``warning: path:line: message [check]``), compared line by line;
``silent*.po``
    a catalog in which no entry may give a finding of that check;
``glossary.csv`` (optional)
    the glossary the check runs with.

The catalog's ``Language`` header is the target language. Regenerate the
expected findings after an intended change of a check's wording::

    VERLAG_REGENERATE=1 python -m pytest tests/test_check.py

and read the diff (``git diff tests/checks``) before committing it.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
from pathlib import Path

import polib
import pytest

from pipeline.catalog import entry_state, key, parse_po
from pipeline.check import CHECKS, SITE_CHECKS, check_catalog, msgid_line
from pipeline.glossary import Glossary, parse_glossary

from conftest import REPO, Project, msgfmt_check, need_corpus, review
from conftest import article as german_article

HERE = Path(__file__).resolve().parent / "checks"
REGENERATE = os.environ.get("VERLAG_REGENERATE") == "1"
BY_ID = {c.id: c for c in [*CHECKS, *SITE_CHECKS]}
CASES = sorted((d.name, p.name) for d in HERE.iterdir() if d.is_dir() for p in d.glob("*.po"))


def run_case(check_id: str, name: str):
    path = HERE / check_id / name
    text = path.read_text(encoding="utf-8")
    ref = path.relative_to(REPO).as_posix()
    po = parse_po(text, ref)
    glossary_path = path.parent / "glossary.csv"
    glossary = (parse_glossary(glossary_path.read_text(encoding="utf-8"), "glossary.csv")
                if glossary_path.exists() else Glossary())
    findings = check_catalog(po, ref, po.metadata["Language"], check_id, glossary, text=text,
                             checks=[BY_ID[check_id]])
    return po, text, findings


def test_every_check_has_cases_that_fire_and_stay_silent():
    for check in BY_ID.values():
        names = {p.name.split(".")[0] for p in (HERE / check.id).glob("*.po")}
        assert names == {"fires", "silent"}, f"tests/checks/{check.id}/ needs fires.po and silent.po"
    assert {d.name for d in HERE.iterdir() if d.is_dir()} == set(BY_ID)


@pytest.mark.parametrize("check_id,name", CASES)
def test_check_on_golden_catalog(check_id: str, name: str):
    path = HERE / check_id / name
    msgfmt_check(path)
    po, text, findings = run_case(check_id, name)
    lines = text.split("\n")
    entries = [e for e in po if not e.obsolete]
    assert entries
    assert all(f.check == check_id for f in findings)
    if name.startswith("silent"):
        assert findings == [], "\n".join(map(str, findings))
        return
    # every entry the check looks at (by state) fires, at its msgid line
    checked = [e for e in entries if entry_state(e) in BY_ID[check_id].states]
    assert {f.line for f in findings} == {msgid_line(lines, e.linenum) for e in checked}
    assert all(lines[f.line - 1].startswith("msgid ") for f in findings)
    actual = "".join(f"{f}\n" for f in findings)
    expected = path.with_suffix(".expected")
    if REGENERATE:
        expected.write_text(actual, encoding="utf-8")
        return
    assert expected.exists(), f"{expected} is missing; generate it with VERLAG_REGENERATE=1 and review it"
    assert actual == expected.read_text(encoding="utf-8")


def test_an_ignore_comment_silences_that_check_on_that_entry_only():
    po, text, findings = run_case("numbers", "fires.po")
    assert len({f.key for f in findings}) > 1
    silenced = next(e for e in po if key(e) == findings[0].key)
    silenced.tcomment = "ignore-numbers"
    after = check_catalog(po, "x.po", "en", "x", checks=[BY_ID["numbers"]])
    assert {f.key for f in after} == {f.key for f in findings} - {key(silenced)}
    silenced.tcomment = "ignore-punctuation"
    assert len(check_catalog(po, "x.po", "en", "x", checks=[BY_ID["numbers"]])) == len(findings)


def test_the_older_ignore_flag_still_silences_its_check():
    """Catalogs written before the comment form carry ``#, ignore-numbers``; reading moves it into a comment."""
    text = (HERE / "numbers" / "fires.po").read_text(encoding="utf-8")
    flagged = re.sub(r"^#, (.*)$", r"#, \1, ignore-numbers", text, flags=re.M)
    assert flagged.count("ignore-numbers") >= 2
    po = parse_po(flagged, "x.po")
    assert check_catalog(po, "x.po", "en", "x", checks=[BY_ID["numbers"]]) == []
    assert all("ignore-numbers" not in e.flags and "ignore-numbers" in e.tcomment for e in po if e.msgstr)


def test_untranslated_and_obsolete_entries_give_no_findings():
    po = polib.pofile('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n#. paragraph\nmsgid "Kennen Sie das?"\n'
                      'msgstr ""\n\n#~ msgid "Zwei Liter."\n#~ msgstr "Three litres"\n')
    assert check_catalog(po, "x.po", "en", "x") == []


def test_pseudo_translations_of_every_commonmark_example_give_no_errors(tmp_path: Path):
    """The pseudo engine changes prose only; any error on its drafts (fuzzy, as ``pretranslate`` writes them)
    would be a false alarm of a check."""
    from pipeline.engines import pseudo
    from pipeline.segment import segment_article
    from pipeline.sources import read_article

    examples = json.loads((need_corpus("commonmark") / "examples.json").read_text(encoding="utf-8"))
    path = tmp_path / "beispiel.md"
    checked = 0
    for example in examples:
        path.write_text("---\ntitle: Beispiel\n---\n" + example["markdown"], encoding="utf-8")
        doc = segment_article(read_article(path, "beispiel.md"))
        po = polib.POFile()
        for segment in doc.segments:
            po.append(polib.POEntry(msgid=segment.text, msgctxt=segment.context, comment=segment.note,
                                    msgstr=pseudo(segment.text, doc.labels), flags=["fuzzy"]))
        errors = [f for f in check_catalog(po, "x.po", "en", "x", labels=doc.labels) if f.severity == "error"]
        assert errors == [], f"example {example['id']}: {errors}"
        checked += len(po)
    assert checked > 1000


def test_the_editions_gate_runs_only_the_error_checks_and_finds_every_error_they_find():
    """``errors_only`` (what an edition's QA gate asks for) gives exactly the error findings of a full run:
    on every golden catalog, with all checks and its glossary (the planted problems), and on the shipped
    project's catalogs with their link labels and glossary."""
    from pipeline.config import load_config
    from pipeline.glossary import load_glossary
    from pipeline.segment import reference_labels
    from pipeline.sources import read_sources

    cases = []
    for check_id, name in CASES:
        path = HERE / check_id / name
        text = path.read_text(encoding="utf-8")
        glossary_path = path.parent / "glossary.csv"
        glossary = (parse_glossary(glossary_path.read_text(encoding="utf-8"), "glossary.csv")
                    if glossary_path.exists() else Glossary())
        cases.append((parse_po(text, name), name, glossary, frozenset(), text))
    config = load_config(REPO)
    shipped = load_glossary(config.translations_dir, config.root)
    for article in read_sources(config).articles:
        for lang in config.languages:
            path = config.po_path(lang, article.slug)
            if path.exists():
                text = path.read_text(encoding="utf-8")
                cases.append((parse_po(text, article.slug), article.slug, shipped, reference_labels(article), text))
    errors = 0
    for po, ref, glossary, labels, text in cases:
        lang = po.metadata.get("Language") or "en"
        full = check_catalog(po, ref, lang, ref, glossary, labels, text)
        gate = check_catalog(po, ref, lang, ref, glossary, labels, text, errors_only=True)
        assert gate == [f for f in full if f.severity == "error"], ref
        errors += len(gate)
        warnings_only = [BY_ID["length"], BY_ID["punctuation"]]
        assert check_catalog(po, ref, lang, ref, glossary, labels, text, checks=warnings_only, errors_only=True) == []
    assert errors > 40 and len(cases) > len(CASES)


def test_title_summary_and_tags_are_plain_text_so_angle_brackets_in_them_are_not_html():
    """The site shows front-matter entries escaped: '<Ein Überblick>' in a title is text, in a sentence a tag."""
    def entry(context: str, msgid: str, msgstr: str) -> str:
        msgctxt = f'msgctxt "{context}"\n' if context else ""
        return f'#. {context or "paragraph"}\n{msgctxt}msgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
    po = polib.pofile('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
                      + entry("title", "Kräutertee: Was hilft wirklich? <Ein Überblick>",
                              "Herbal tea: what really helps? <An overview>")
                      + entry("summary", "Was Tee kann <und was nicht>.", "What tea can do <and what not>.")
                      + entry("tag", "<Leber>", "<Liver>")
                      + entry("", "Text mit <b>fett</b>.", "Text with <i>bold</i>."))
    findings = check_catalog(po, "x.po", "en", "x")
    assert [(f.key[0], f.check, f.message) for f in findings] == [
        (None, "html", "raw HTML added: <i> </i>"), (None, "html", "raw HTML dropped: <b> </b>")]
    po[0].msgstr = "Herbal tea: see https://example.org/tee"  # a plain title still keeps its addresses
    po[0].msgid = "Kräutertee: siehe https://example.org/tee"
    assert [f.check for f in check_catalog(po, "x.po", "en", "x") if f.key[0] == "title"] == []
    po[0].msgstr = "Herbal tea: see the shop"
    assert "urls" in [f.check for f in check_catalog(po, "x.po", "en", "x") if f.key[0] == "title"]


@pytest.mark.parametrize("german, translation, expected", [
    ("Ab ca. 40 Grad zum Arzt.", "Ab ca. 40 Grad zum Arzt.", []),  # a copy: German "Grad" kept as it was
    ("Bei 38&nbsp;Grad ist das normal.", "Bei 38&nbsp;Grad ist das normal.", []),
    ("Ab 40 Grad zum Arzt.", "See a doctor from 40 °C.", []),  # Grad is a degree: Celsius here
    ("Ab 40 Grad zum Arzt.", "See a doctor from 40 degrees.", []),
    ("Ab 40 Grad zum Arzt.", "Voir un médecin dès 40 degrés.", []),
    ("Bei 40 °C baden.", "Bathe at 40 degrees.", []),
    ("Bei 40 °C baden.", "Bathe at 40 °F.", ["units differ: missing °C; instead °F"]),
    ("Nehmen Sie 5 mg.", "Take 5 g.", ["units differ: missing mg; instead g"]),
    ("Ab 40 Grad zum Arzt.", "See a doctor from 40 percent.", ["units differ: missing °; instead %"]),
])
def test_a_degree_keeps_its_number_in_any_equivalent_or_unchanged_unit_and_a_changed_unit_is_an_error(
        german, translation, expected):
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation))
    lang = "fr" if "degrés" in translation else "en"
    assert [f.message for f in check_catalog(po, "x.po", lang, "x", checks=[BY_ID["numbers"]])] == expected


@pytest.mark.parametrize("lang, translation, expected", [
    ("en", "He came on 2 May 2024 at 9.30 am.", []),
    ("en", "He came on May 2, 2024 at 9:30 AM.", []),
    ("en-US", "He came on 5/2/2024 at 09:30.", []),
    ("en-GB", "He came on 2/5/2024 at 9.30.", []),
    ("en-GB", "He came on 5/2/2024 at 9.30.", ["numbers differ: missing 2. 5. 2024; instead 5/2/2024 (= 2024-02-05)"]),
    ("en-US", "He came on 2/5/2024 at 9.30.", ["numbers differ: missing 2. 5. 2024; instead 2/5/2024 (= 2024-02-05)"]),
    ("fr", "Il est venu le 2 mai 2024 à 9 h 30.", []),
    ("en", "He came on 2 May 2024 at 9.30 pm.", ["numbers differ: missing 9.30; instead 9.30 pm"]),
    ("en", "He came on 2/5/2024 at 9.30.", []),  # no region: a British reader's order as well as an American's
    ("en", "He came on 5/2/2024 at 9.30.", []),
    ("en", "He came on 3/5/2024 at 9.30.", ["numbers differ: missing 2. 5. 2024; instead 3/5/2024 (= 2024-03-05)"]),
])
def test_a_german_date_and_time_match_the_same_day_and_time_in_the_translations_own_way_of_writing_them(
        lang, translation, expected):
    """Trial 9: "2. 5. 2024 um 9.30 Uhr" as "2 May 2024 at 9.30 am" was refused ("missing 9.30 Uhr, 5"), and the
    sentence held back. A date of slashes is read in the language's order (CLDR); a finding asks for no "Uhr"."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Er kam am 2. 5. 2024 um 9.30 Uhr.", msgstr=translation))
    assert [f.message for f in check_catalog(po, "x.po", lang, "x", checks=[BY_ID["numbers"]])] == expected


@pytest.mark.parametrize("german, lang, translation, expected", [
    ("Am 02-05-2024 kam er.", "en-GB", "He came on 2 May 2024.", []),
    ("Am 02.05.2024 kam er.", "nl", "Hij kwam op 02-05-2024.", []),
    ("Am 02.05.2024 kam er.", "en-US", "He came on 05-02-2024.", []),
    ("Am 02.05.2024 kam er.", "en", "He came on 05-02-2024.", []),  # no region: either order
    ("Am 02.05.2024 kam er.", "nl", "Hij kwam op 03-05-2024.",
     ["numbers differ: missing 02.05.2024; instead 03-05-2024 (= 2024-05-03)"]),
    ("Am 2024-05-02 kam er.", "en", "He came on 2024-02-05.", ["numbers differ: missing 2024-05-02; instead 2024-02-05"]),
    ("Nimm 5 mg.", "en", "Take 50 mg.", ["numbers differ: missing 5; instead 50"]),
])
def test_a_date_of_hyphens_is_read_as_a_date_in_the_languages_order(german, lang, translation, expected):
    """A day, month and year joined by hyphens (02-05-2024, as Dutch and many British writers put it) was read as
    three numbers: "missing 05" against 2 May 2024. It is a date now, read in the language's order as one of
    slashes is; ISO dates stay year first, and a changed day or dose is still a finding."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation))
    assert [f.message for f in check_catalog(po, "x.po", lang, "x", checks=[BY_ID["numbers"]])] == expected


@pytest.mark.parametrize("german, lang, translation, expected", [
    ("Sprechstunde 8.30–9.45 Uhr.", "en", "Office hours 8:30–9:45.", []),
    ("Sprechstunde 20.30–21.45 Uhr.", "en", "Office hours 8.30 to 9.45 p.m.", []),
    ("Sprechstunde 8.30 bis 9.45 Uhr.", "fr", "Consultation de 8 h 30 à 9 h 45.", []),
    ("Sprechstunde 8.30–9.45 Uhr.", "en", "Office hours 8:30 to 10:45.",
     ["numbers differ: missing 8.30–9.45; instead 10:45"]),
    ("Sprechstunde 8.30–9.45 Uhr.", "en", "Office hours 8.30 to 9.45 p.m.",
     ["numbers differ: missing 8.30–9.45, 8.30–9.45; instead 8.30 to 9.45 p.m., 8.30 to 9.45 p.m."]),
    ("Dauer: 1,25–2,50 h.", "en", "Takes 1.25–2.50 h.", []),  # decimal hours: numbers, no clock time
    ("Nimm 5 mg.", "en", "Take 50 mg.", ["numbers differ: missing 5; instead 50"]),
])
def test_a_time_range_with_full_stops_before_its_minutes_is_read_as_two_clock_times(german, lang, translation,
                                                                                     expected):
    """A range's minutes after a full stop (8.30–9.45 Uhr) were read as numbers (8.3), not as the clock times
    8:30 and 9:45: the same range in p.m. was refused, one to 10:45 said only 9.45; French's "8 h 30 à 9 h 45"
    was read as a range from 30. Each end is its time now; a changed time or dose is still a finding."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation))
    assert [f.message for f in check_catalog(po, "x.po", lang, "x", checks=[BY_ID["numbers"]])] == expected


@pytest.mark.parametrize("german, translation, expected", [
    ("Treffen um 12 am Bahnhof.", "Meeting at 12 at the station.", []),
    ("TREFFEN UM 12 AM BAHNHOF.", "MEETING AT 12 AT THE STATION.", []),
    ("Sprechstunde 9–12 am Vormittag.", "Office hours 9 to 12 in the morning.", []),
    ("Wir essen um 8 am Abend.", "We eat at 8 in the evening.", []),
    ("Um 7.30 a.m. landet er.", "He lands at 7:30 a.m.", []),  # with its full stop a.m. is one in German too
    ("Treffen um 20 Uhr.", "Meeting at 8 pm.", []),
    ("Treffen um 20 Uhr.", "Meeting at 8 am.", ["numbers differ: missing 20; instead 8 am"]),  # English's am is a.m.
    ("Treffen um 12 am Bahnhof.", "Meeting at 2 at the station.", ["numbers differ: missing 12; instead 2"]),
])
def test_german_am_after_a_number_is_the_word_am_not_a_m(german, translation, expected):
    """German's "am" after a number ("um 12 am Bahnhof", "um 8 am Abend") was read as a.m.: 12 am is midnight, so
    "at 12 at the station" was refused ("missing 12 am"), and "9–12 am Vormittag" was 9 to 0. A German text's "am"
    is a word now; a.m. with its full stop is still a time there, and a translation's "8 am" is 8 a.m."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation))
    assert [f.message for f in check_catalog(po, "x.po", "en", "x", checks=[BY_ID["numbers"]])] == expected


@pytest.mark.parametrize("german, translation, expected", [
    ("Telefon: 0761 123456-0", "Phone: +49 761 123456-0", []),
    ("Telefon: 0761 123456-0", "Phone: +49 (0)761 123456-0", []),
    ("Telefon: +49 761 123456-0", "Phone: 0049 761 123456-0", []),
    ("Wien: 01 234 56 78", "Vienna: +43 1 234 56 78", []),
    ("Telefon: 0761 555 0123", "Téléphone : +49\u202f761\u202f555\u202f0123", []),  # French narrow spaces
    ("Telefon: 0761 123456-0", "Phone: +49 761 123457-0", ["numbers differ: missing 123456; instead 123457"]),
    ("Dosis: 49 mg", "Dose: +49 mg", []),
])
def test_a_phone_number_written_with_its_country_code_is_the_same_number(german, translation, expected):
    """Trial 12: the Impressum's "0761 123456-0", written for readers abroad as "+49 761 123456-0", was refused
    ("numbers differ: added 49") and the page showed the German line under "failed a quality check". The country
    code stands for the trunk prefix 0 in Germany, Austria and Switzerland; a changed digit is still a finding."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation))
    assert [f.message for f in check_catalog(po, "x.po", "en", "x", checks=[BY_ID["numbers"]])] == expected


@pytest.mark.parametrize("german, translation, expected", [
    ("[Schreiben Sie uns](mailto:praxis@example.org), wir antworten gern.",
     "Write to us at praxis@example.org, we are happy to reply.", ["inline markup changed: link 1 -> 0 [markup]"]),
    ("Mehr auf [unserer Seite](https://example.org/info).", "More at https://example.org/info.",
     ["inline markup changed: link 1 -> 0 [markup]"]),
    ("[Schreiben Sie uns](mailto:praxis@example.org).", "Write to us at practice@example.org.",
     ["inline markup changed: link 1 -> 0 [markup]",
      "URL or e-mail address changed: added practice@example.org [urls]"]),
])
def test_a_link_that_lost_its_syntax_is_one_markup_error_not_an_added_address(german, translation, expected):
    """Trial: a mailto link whose translation lost its link syntax, the address written as text, was reported
    ``[urls]`` "added praxis@example.org" beside the ``[markup]`` error, though nothing was added: the German has
    that address as the link's destination. The markup error alone says what happened; another address is still
    an added one."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation, flags=["markdown-text"]))
    assert [f"{f.message} [{f.check}]" for f in check_catalog(po, "x.po", "en", "x")] == expected


def test_a_tag_written_otherwise_than_in_the_original_is_an_error_as_the_page_shows_it_as_text():
    """The page keeps a translation's raw HTML only as the original writes it, but for title/alt text
    (render._judge with rawhtml.retitled): check reads it the same way, so such a sentence is held back
    instead of published with '<span class=…>' visible to readers."""
    german = 'Das ist <span class="hinweis" title="Hinweis">wichtig</span> heute.'
    po = polib.pofile('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
                      f'msgid "{german.replace(chr(34), chr(92) + chr(34))}"\nmsgstr ""\n')
    entry = po[0]

    def html_findings(msgstr: str) -> list[str]:
        entry.msgstr = msgstr
        return [f.message for f in check_catalog(po, "x.po", "en", "x") if f.check == "html"]

    assert html_findings('This is <span class="hinweis" title="Note">important</span> today.') == []
    changed = html_findings('This is <span class="note" title="Note">important</span> today.')
    assert len(changed) == 1 and changed[0].startswith('raw HTML changed: <span class="note" title="Note">')
    assert html_findings('This is <span class="hinweis" title="a" onclick="x()">important</span> today.')
    # a no-break space before title= leaves it inside data-a's unquoted value for a browser: no attribute
    nbsp = 'Das ist <span data-a=x\u00a0title="Hinweis">wichtig</span> heute.'
    entry.msgid = nbsp
    assert html_findings(nbsp.replace("Das ist", "This is").replace("heute", "today")) == []
    assert html_findings('This is <span data-a=x\u00a0title="a onmouseover=alert(1) b">important</span>.')


def test_a_word_forbidden_in_one_language_is_found_in_that_language_only():
    """The forbidden-term check searches a translation only when the glossary forbids a word in its language."""
    glossary = parse_glossary("source,en,fr,en_forbidden\nMariendistel,milk thistle,chardon-Marie,thistle\n",
                              "glossary.csv")
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Die Mariendistel blüht.", msgstr="The thistle (thistle) blooms."))
    found = {lang: [f.message for f in check_catalog(po, "x.po", lang, "x", glossary) if f.check == "glossary-forbidden"]
             for lang in ("en", "fr")}
    assert found == {"en": ["glossary: 'thistle' is not used for 'Mariendistel'; write 'milk thistle'"] * 2, "fr": []}


def test_a_translation_of_an_older_german_gives_warnings_and_a_machine_draft_still_errors(project):
    """Fresh-user trial 8: the author changes a number in a reviewed sentence; the out-of-date translation
    (fuzzy, the old German as previous msgid) is never published, so its findings are warnings for the
    reviewer's queue and ``check`` (the CI gate) still passes. A machine draft readers may see (fuzzy, no
    previous msgid) with the same mistake is still an error."""
    from conftest import article, review

    project.write("source_de/tisch.md", article("Tisch", "Die Tischhöhe liegt bei 72–75 cm.\n"))
    project.run("extract")
    review(project, "en", "tisch", {("title", "Tisch"): "Desk", "Die Tischhöhe liegt bei 72–75 cm.":
                                    "The desk height is 72–75 cm."})
    project.run("check", "--lang", "en")
    project.write("source_de/tisch.md", article("Tisch", "Die Tischhöhe liegt bei 70–75 cm.\n"))
    project.run("extract")
    po = polib.pofile(str(project.root / "translations/en/tisch.po"))
    stale = po.find("Die Tischhöhe liegt bei 70–75 cm.")
    assert stale.fuzzy and stale.previous_msgid == "Die Tischhöhe liegt bei 72–75 cm."
    msgfmt_check(project.root / "translations/en/tisch.po")

    out = project.run("check", "--lang", "en").output
    assert re.search(r"^warning: translations/en/tisch\.po:\d+: numbers differ: missing 70; instead 72 \[numbers\]$",
                     out, re.M), out
    assert "[stale]" in out and "error:" not in out and "check: 0 errors, 2 warnings in 1 entry" in out
    project.run("check", "--lang", "en", "--strict", code=1)

    # a machine draft of the new German: readers may get it (another text than the stale one the last extract left,
    # which is still stale without its records: ``catalog.restore_sign_offs``)
    stale.previous_msgid = stale.tcomment = None
    stale.msgstr = "The desk height is about 72–75 cm."
    po.save()
    out = project.run("check", "--lang", "en", code=1).output
    assert re.search(r"^error: translations/en/tisch\.po:\d+: numbers differ: missing 70; instead 72 \[numbers\]$",
                     out, re.M), out


def test_the_gate_reads_the_german_markup_of_no_entry_that_has_no_translation_and_still_knows_its_links(
        monkeypatch):
    """The build's QA gate (``errors_only``) runs no check on an untranslated entry, so it reads none of their
    German for markup (``markup.analyse``): a catalog fresh from ``extract`` costs the gate nothing per entry.
    The German's link targets are still read, all of them, when a translation links somewhere new: a host the
    German of another, untranslated, entry links is no foreign target, one it never links is."""
    from pipeline import check, markup

    analysed: list[str] = []
    real = markup.analyse
    for module in (check, markup):  # ``markup.parts`` reads a text's markup for the checks, the checks some more
        monkeypatch.setattr(module, "analyse", lambda text, labels=frozenset(): analysed.append(text)
                            or real(text, labels))
    markup.parts.cache_clear()
    german = [f"Siehe [Quelle {n}](https://quelle{n}.example.de/) und `code {n}`." for n in range(5)]
    po = polib.POFile()
    po.extend(polib.POEntry(msgid=text, msgstr="") for text in german)
    assert check_catalog(po, "x.po", "en", "x", errors_only=True) == [] and analysed == []

    po[0].msgstr = "See [source 0](https://quelle0.example.de/) and `code 0`."  # the German's markup, kept
    assert check_catalog(po, "x.po", "en", "x", errors_only=True) == []
    assert analysed == [german[0], po[0].msgstr]
    po[0].msgstr = "See [source 0](https://quelle3.example.de/) and `code 0`."  # the link of entry 3
    assert [f.check for f in check_catalog(po, "x.po", "en", "x", errors_only=True)] == ["link-target"]
    po[0].msgstr = "See [source 0](https://elsewhere.example.com/) and `code 0`."
    assert [f.check for f in check_catalog(po, "x.po", "en", "x", errors_only=True)] == ["link-target",
                                                                                       "foreign-target"]


def test_number_words_stays_silent_on_every_shipped_catalog_and_the_golden_catalogs_of_the_other_checks():
    """False alarms cost a reviewer's trust: numbers in words are compared where both texts say the same, in
    every shipped translation and every golden catalog (fires and silent) of the other checks, with their
    glossaries, and the check still fires on its own golden catalogs."""
    from pipeline.config import load_config

    check = [BY_ID["number-words"]]
    config = load_config(REPO)
    catalogs = [p for lang in config.languages for p in sorted((REPO / "translations" / lang).glob("*.po"))]
    catalogs += [HERE / c / n for c, n in CASES if c != "number-words"]
    entries = 0
    for path in catalogs:
        text = path.read_text(encoding="utf-8")
        po = parse_po(text, path.name)
        entries += sum(1 for e in po if e.msgstr)
        assert check_catalog(po, path.name, po.metadata.get("Language") or "en", "x", text=text, checks=check) == []
    assert len(catalogs) > 90 and entries > 500
    assert run_case("number-words", "fires.po")[2]


def test_check_numbers_reads_each_text_with_its_unit_pattern_once(monkeypatch):
    """The units of a text and the amounts they follow ("500 ml", "0,5 l") come from one pass of the unit
    pattern over it, also where an amount written in another unit has to be compared."""
    from pipeline import check

    passes: list[str] = []
    real = check._unit_pattern

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text, *args):
            passes.append(text)
            return self.pattern.finditer(text, *args)

    monkeypatch.setattr(check, "_unit_pattern", lambda *args: (Counted(real(*args)[0]), real(*args)[1]))
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Trinken Sie täglich 750 ml Saft.", msgstr="Drink 0.75 l of juice a day."))
    po.append(polib.POEntry(msgid="Trinken Sie täglich 750 ml Saft!", msgstr="Drink 7.5 l of juice a day!"))
    found = check_catalog(po, "x.po", "en", "x", checks=[BY_ID["numbers"]])
    assert [f.message for f in found] == ["numbers differ: missing 750; instead 7.5",
                                          "units differ: missing ml; instead l"]
    assert sorted(passes) == sorted({*passes}) and len(passes) == 4


def test_a_signed_off_translation_with_a_line_feed_the_german_lacks_is_an_error_held_back_from_the_page(
        project: Project):
    """A reviewed msgstr ending in \\n where its msgid does not: msgfmt --check refuses the catalog over it; verlag
    check names it as an error at its line (not a whitespace warning alone), and build holds it back, the page
    showing the German sentence instead."""
    project.write("source_de/leber.md", german_article("Leber", "Die Leber arbeitet nachts. Sie braucht Ruhe.\n"))
    project.run("extract")
    path = review(project, "en", "leber", {("title", "Leber"): "Liver",
                                           "Die Leber arbeitet nachts.": "The liver works at night.\n",
                                           "Sie braucht Ruhe.": "It needs rest."})
    refused = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert "entries do not both end with '\\n'" in refused.stderr
    line = path.read_text(encoding="utf-8").split("\n").index('msgid "Die Leber arbeitet nachts."') + 1
    output = project.run("check", code=1).output
    assert (f"error: translations/en/leber.po:{line}: only the translation (msgstr) ends with a line feed (\\n): "
            "GNU msgfmt --check refuses the catalog over it") in output and "[line-feed]" in output
    assert "en/leber: 1 segment held back by QA errors" in project.run("build").output
    page = (project.root / "editions/en/leber.md").read_text(encoding="utf-8")
    assert "Die Leber arbeitet nachts." in page and "The liver works at night." not in page


def test_an_html_entity_in_a_plain_front_matter_field_is_a_warning_naming_the_character_to_write(project):
    """Front matter is plain text: ``title: Tee&nbsp;Zeit &amp; mehr``, pasted from a CMS, was shown letter for
    letter in the heading, the browser tab, the feed and JSON-LD, and neither extract nor check said a word. Both
    warn at the key's line and name the character to write; a bare '&' and the body's entities (CommonMark reads
    them) are no problem."""
    project.write("source_de/tee.md", "---\ntitle: Tee&nbsp;Zeit &amp; mehr\ndate: 2026-05-01\n"
                                      "summary: Kräuter & Gewürze\ntags: [Tee&#8211;Kunde, Kräuter]\n---\n\n"
                                      "Tee&nbsp;Zeit &amp; mehr ist schön.\n")
    shown = ("shown as typed (front matter is plain text, not HTML: the heading, browser tab, feed and previews show "
             "these letters); write the character itself: ")
    expected = [f"warning: source_de/tee.md:2: title: '&nbsp;', '&amp;' {shown}a no-break space (U+00A0) for "
                "'&nbsp;', '&' for '&amp;'",
                f"warning: source_de/tee.md:5: tags: '&#8211;' {shown}'–' for '&#8211;'"]
    for output, end in ((project.run("extract").output, ""), (project.run("check").output, " [front-matter]")):
        assert [line for line in output.splitlines() if "shown as typed" in line] == [e + end for e in expected], \
            output
    project.write("source_de/tee.md", "---\ntitle: Tee\u00a0Zeit & mehr\ndate: 2026-05-01\n---\n\nTee&nbsp;Zeit.\n")
    assert "shown as typed" not in project.run("extract").output + project.run("check").output


def test_raw_html_in_a_plain_german_front_matter_field_is_a_plain_markup_warning_at_its_line(project):
    """Fresh-user trial 23: a German ``title:`` holding ``<script>…</script>``, an ``author:`` holding ``<img
    onerror=…>`` and a tag ``<b>fett</b>`` got no warning, though a translated title adding such tags does: the site
    shows them escaped, as typed, in every language. check warns at each key's line (the page keeps them escaped);
    a tag named as the subject (``<details>``) and a Gendersternchen (``Ärzt*innen``) are words, no markup."""
    project.write("source_de/magnesium.md", "---\ntitle: \"Magnesium: <script>alert('t')</script> Wundermittel?\"\n"
                  "author: \"Dr. med. K. Vogel <img src=x onerror=alert(1)>\"\ndate: 2026-05-01\n"
                  "summary: Was das Element <details> kann, für Ärzt*innen und Patient*innen\n"
                  "tags: [Mineralstoffe, \"<b>fett</b>\"]\n---\n\nMagnesium ist wichtig.\n")
    project.run("extract")
    output = project.run("check").output
    said = ("in a field of the front matter, which is plain text: readers would see it as typed, on the page, in the "
            "browser tab, feeds and previews, in every language; write the words only [plain-markup]")
    assert [line for line in output.splitlines() if "source_de/magnesium.md" in line and "plain-markup" in line] == [
        f"warning: source_de/magnesium.md:2: title: <script>, </script> {said}",
        f"warning: source_de/magnesium.md:3: author: <img> {said}",
        f"warning: source_de/magnesium.md:6: tags: <b>, </b> {said}"], output
    build = project.run("build").output
    page = project.read("site/de/magnesium/index.html")
    assert "<script>alert('t')" not in page and "&lt;script&gt;alert(" in page, build
    # trial 25: a quote in an unquoted attribute value makes no raw HTML to CommonMark, but a tag to a browser
    project.write("source_de/magnesium.md", "---\ntitle: Magnesium\n"
                  "author: \"Lena\\\"><img src=x onerror=alert('a')>\"\ndate: 2026-05-01\n"
                  "tags: [\"<b onmouseover=alert('tag')>Tee</b>\"]\n---\n\nMagnesium ist wichtig.\n")
    output = project.run("check").output
    assert [line for line in output.splitlines() if "source_de/magnesium.md" in line and "plain-markup" in line] == [
        f"warning: source_de/magnesium.md:3: author: <img> {said}",
        f"warning: source_de/magnesium.md:5: tags: <b>, </b> {said}"], output
    # trial 40 #3: the reviewer's name and qualification, shown in the byline as typed, got nothing
    project.write("source_de/magnesium.md", "---\ntitle: Magnesium\ndate: 2026-05-01\nreviewed_by:\n"
                  "  name: \"Dr. X </script><script>alert('rev')</script>\"\n"
                  "  qualification: \"Ärztin <img src=x onerror=alert('q')>\"\nlast_reviewed: 2026-05-02\n---\n\n"
                  "Magnesium ist wichtig.\n")
    output = project.run("check").output
    assert [line for line in output.splitlines() if "source_de/magnesium.md" in line and "plain-markup" in line] == [
        f"warning: source_de/magnesium.md:5: reviewed_by: name: </script>, <script> {said}",
        f"warning: source_de/magnesium.md:6: reviewed_by: qualification: <img> {said}"], output


def test_a_line_feed_at_an_edge_is_the_line_feed_error_alone_not_also_a_whitespace_warning():
    """One finding per cause: every entry of line-feed's golden catalog differs from its German by a line feed
    at an edge, which is the error; whitespace stays silent on it, and still warns of a space on that side."""
    po, text, findings = run_case("line-feed", "fires.po")
    everything = check_catalog(po, "x.po", "en", "x", checks=[BY_ID["line-feed"], BY_ID["whitespace"]])
    assert [f.check for f in everything] == ["line-feed"] * len(findings)
    entry = next(e for e in po if e.msgid == "Die Leber arbeitet.")
    entry.msgstr = " The liver works."
    assert [f.check for f in check_catalog(po, "x.po", "en", "x", checks=[BY_ID["whitespace"]])] == ["whitespace"]


def test_check_names_a_misspelt_waiver_at_its_entry_and_the_finding_it_meant_stays(project: Project):
    """Fresh-user trial 5: ``# ignore-typografie`` was silently a plain comment, and the typography warning it
    was written for stayed with nothing saying why. check names it at the entry's line with the check meant; the
    right name silences the finding, and the waiver warning goes with the typo."""
    project.write("source_de/gruss.md", german_article("Gruß", "Er sagt „Hallo“ zu allen.\n"))
    project.run("extract")
    path = review(project, "en", "gruss", {"Er sagt „Hallo“ zu allen.": "He says „hello“ to everyone."},
                  silence=("typografie",))
    msgfmt_check(path)
    line = path.read_text(encoding="utf-8").split("\n").index('msgid "Er sagt „Hallo“ zu allen."') + 1
    output = project.run("check", "--lang", "en").output
    assert (f"warning: translations/en/gruss.po:{line}: unknown check 'typografie' in a waiver: "
            "'# ignore-typografie' silences nothing (did you mean typography?) [waiver]") in output, output
    assert f"translations/en/gruss.po:{line}: " in output and "[typography]" in output
    path.write_text(path.read_text(encoding="utf-8").replace("# ignore-typografie", "# ignore-typography"),
                    encoding="utf-8")
    output = project.run("check", "--lang", "en").output
    assert "[waiver]" not in output and "[typography]" not in output, output


def test_a_site_po_waiver_is_judged_by_the_site_checks(tmp_path: Path):
    """site.po had no ``waiver`` check: ``# ignore-placholder`` silenced nothing without a word. A misspelt name
    is named with the site check meant, a site check's own name (no check of articles) is no unknown one, and
    one of a check no flag waives (``line-feed``) is named with what to do."""
    from pipeline.check import check_site_catalog

    path = tmp_path / "site.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    '# ignore-placholder\nmsgid "Seite %(n)s"\nmsgstr "Page %(n)s"\n\n'
                    '# ignore-placeholder\nmsgid "Suche"\nmsgstr "Search"\n\n'
                    '# ignore-line-feed\nmsgid "Weiter"\nmsgstr "Next"\n', encoding="utf-8")
    msgfmt_check(path)
    text = path.read_text(encoding="utf-8")
    found = [(f.line, f.check, f.message) for f in check_site_catalog(parse_po(text, "site.po"), "site.po", "en", text)]
    assert found == [
        (7, "waiver", "unknown check 'placholder' in a waiver: '# ignore-placholder' silences nothing "
                      "(did you mean placeholder?)"),
        (15, "waiver", "'line-feed' cannot be waived: '# ignore-line-feed' silences nothing, the finding guards "
                       "the readers; begin and end the translation with a line feed (\\n) exactly where the German "
                       "does")], found


def test_a_second_translation_kept_obsolete_for_a_choice_is_named_at_its_line_however_a_tool_wrapped_its_note(
        project: Project):
    """The obsolete entry the merge driver keeps for the other reviewer's sign-off (``RIVAL_NOTE``), saved by a
    tool that wraps comments at 78 columns (polib, Babel): ``check`` warns at its ``#~ msgid`` line, naming the live
    entry whose ``#| msgid`` is its German; one whose German no entry is like any more is named without one.
    An obsolete entry without the note (the German the author deleted) gives nothing."""
    from pipeline.catalog import FLAG, RIVAL_NOTE

    old, new = "Grüner Tee enthält Koffein.", "Grüner Tee enthält etwas Koffein."
    project.write("source_de/tee.md", german_article("Tee", f"{old} Schwarzer Tee auch.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", old: "Green tea contains caffeine.",
                                  "Schwarzer Tee auch.": "Black tea too."})
    project.write("source_de/tee.md", german_article("Tee", f"{new} Schwarzer Tee auch.\n"))
    project.run("extract")
    path = project.root / "translations/en/tee.po"
    po = polib.pofile(str(path))
    assert po.find(new).previous_msgid == old
    po.append(polib.POEntry(msgid=old, msgstr="Green tea has caffeine.", obsolete=True, flags=["fuzzy", FLAG],
                            tcomment=RIVAL_NOTE))
    po.append(polib.POEntry(msgid="Ganz anderer Satz über Kräuter im Garten.", msgstr="Herbs.", obsolete=True,
                            flags=["fuzzy"], tcomment=RIVAL_NOTE))
    po.append(polib.POEntry(msgid="Gelöschter Satz.", msgstr="Deleted.", obsolete=True))
    po.save(str(path))
    text = path.read_text(encoding="utf-8").split("\n")
    assert RIVAL_NOTE not in text and f"# {RIVAL_NOTE}" not in text  # wrapped
    first = text.index(f'#~ msgid "{old}"') + 1
    second = text.index('#~ msgid "Ganz anderer Satz über Kräuter im Garten."') + 1
    live = text.index(f'msgid "{new}"') + 1

    found = [f for f in json.loads(project.run("check", "--lang", "en", "--format", "json").output)
             if f["check"] == "rival-translation"]
    assert [(f["line"], f["msgid"], f["severity"]) for f in found] == [
        (first, old, "warning"), (second, "Ganz anderer Satz über Kräuter im Garten.", "warning")]
    assert found[0]["message"] == (
        f"'Green tea has caffeine.', a second translation of '{old}', is kept here as an obsolete entry (#~): "
        f"'Green tea contains caffeine.' is the translation of its changed sentence '{new}' at line {live}, fuzzy "
        "(the page shows the German there until one is signed off); choose "
        "one, sign it off there (copy this text over first if it is the one), then delete this #~ entry")
    assert "no entry of the catalog is like that German any more" in found[1]["message"]
    status = project.run("status", "--lang", "en").output
    assert f"warning: translations/en/tee.po:{first}: 2 choices between two translations waiting" in status

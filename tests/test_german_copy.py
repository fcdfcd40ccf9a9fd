"""German prose signed off as a translation is shown as German (trial finding F2).

A reviewer who signs off ``copy`` drafts in bulk (``msgattrib --clear-fuzzy``, Poedit's "mark all as
translated") makes entries whose msgstr is their German msgid. Where that is prose (three words or more), the
page marks it ``lang="de"``, says that some passages are in the original language, counts its words as German
for ``[publish] min_translated`` and ``min_reviewed``, and ``check`` says so beside its ``[unchanged]`` warning,
naming the threshold the edition misses. Names and short terms signed off as they are stay the translation's own.
"""

from __future__ import annotations

import json
import re
import subprocess

import polib
from lxml import html

from pipeline.catalog import provenance, set_provenance
from pipeline.check import Context, german_copies, german_copy, text_parts

from conftest import Project, article, msgfmt_check, need_corpus, review

SLUG = "schlaf"
DARK = "Ab dem 1. Dezember wird es in Deutschland früh dunkel."
REST = "Der Körper braucht dann mehr Ruhe."
TERM = "Omega-3-Fettsäuren"
OWN = "Tee hilft beim Einschlafen."
BODY = f"{DARK} {REST}\n\n{TERM}\n\n{OWN} Warme Milch mit Honig auch.\n"
NOTICE = "Some passages are not translated yet and are shown in the original language."


def _signed_off_copies(project: Project, settings: str = "") -> Project:
    """An article, its English catalog drafted by the ``copy`` engine and signed off whole by GNU msgattrib."""
    project.write("verlag.toml", project.read("verlag.toml") + settings)
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    catalog = project.root / f"translations/en/{SLUG}.po"
    subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(catalog), str(catalog)], check=True)
    msgfmt_check(catalog)
    assert not any(e.fuzzy for e in polib.pofile(str(catalog)) if not e.obsolete)
    return project


def _page(project: Project):
    return html.parse(str(project.root / f"site/en/{SLUG}/index.html")).getroot()


def assert_term_mixed_and_title(page) -> None:
    """The English page's term signed off as it is (no lang), the German sentence inside an English paragraph
    (a span with lang="de"), the German title (lang="de") and the notice that German is shown."""
    (term,) = page.xpath(f'//div[@class="article-body"]/p[. = "{TERM}"]')
    assert term.get("lang") is None and not term.xpath(".//*[@lang]")  # a term signed off as it is stays
    (mixed,) = page.xpath('//div[@class="article-body"]/p[contains(., "Tea helps")]')
    assert mixed.get("lang") is None
    (span,) = mixed.xpath("span[@lang]")
    assert span.get("lang") == "de" and span.text == "Warme Milch mit Honig auch."
    (title,) = page.xpath("//h1")
    assert title.get("lang") == "de" and title.text == "Schlaf im Winter"
    assert NOTICE in page.text_content()


def test_signed_off_german_prose_is_marked_german_on_the_page_and_named_by_check(project):
    _signed_off_copies(project, "[publish]\nmin_translated = 0\n")
    review(project, "en", SLUG, {OWN: "Tea helps you fall asleep."})
    project.run("build")
    page = _page(project)
    assert page.get("lang") == "en"
    (both,) = page.xpath(f'//div[@class="article-body"]/p[contains(., "{REST}")]')
    assert both.get("lang") == "de"  # the whole block is signed-off German: lang on the block
    assert both.text_content() == f"{DARK} {REST}".replace("1. Dezember", "1.\u00a0Dezember")  # German typography
    assert_term_mixed_and_title(page)
    record = json.loads(project.read(f"editions/en/{SLUG}.json"))
    assert record["segments"]["german_copy"] == 4 and record["segments"]["fallback"] == 4
    assert record["words_shown"] == len(OWN.split()) + 1  # the translated sentence and the term count as English
    assert project.read(f"editions/en/{SLUG}.md") == project.read(f"source_de/{SLUG}.md").replace(
        OWN, "Tea helps you fall asleep.")  # the Markdown edition still takes every msgstr from the catalog
    checked = project.run("check").output
    unchanged = [line for line in checked.splitlines() if line.endswith("[unchanged]")]
    assert len(unchanged) == 4, checked
    assert all("shown as German (lang=\"de\") and counts as neither translated nor reviewed" in line
               and "held back" not in line for line in unchanged)  # published: no threshold missed
    assert TERM not in checked


def test_a_page_of_only_signed_off_german_prose_is_not_published_at_the_default_threshold(project):
    _signed_off_copies(project)
    built = project.run("build").output
    assert not (project.root / f"site/en/{SLUG}/index.html").exists(), built
    assert (project.root / f"site/de/{SLUG}/index.html").is_file()
    assert "/en/schlaf/" not in project.read("site/sitemap.xml")


def test_fuzzy_copy_drafts_are_shown_as_untranslated_german_as_before(project):
    """Beside one copy signed off (a German copy: counted and named as such), the copy drafts still fuzzy stay what
    they were, untranslated German: neither counted as German copies nor named by ``[unchanged]``."""
    settings = '[publish]\nunreviewed = "machine"\nmin_translated = 0\n'
    project.write("verlag.toml", project.read("verlag.toml") + settings)
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", BODY))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    msgfmt_check(review(project, "en", SLUG, {OWN: "Tea helps you fall asleep.", REST: REST}))
    project.run("build")
    page = _page(project)
    (both,) = page.xpath(f'//div[@class="article-body"]/p[contains(., "{REST}")]')
    assert both.get("lang") == "de" and not both.xpath(".//*[@lang]")
    assert NOTICE in page.text_content()
    record = json.loads(project.read(f"editions/en/{SLUG}.json"))
    assert record["segments"]["german_copy"] == 1 and record["segments"]["untranslated"] == 4, record["segments"]
    checked = project.run("check").output
    (unchanged,) = [line for line in checked.splitlines() if line.endswith("[unchanged]")]
    catalog = project.read(f"translations/en/{SLUG}.po").splitlines()
    line = catalog.index(f'msgid "{REST}"') + 1
    assert unchanged.startswith(f"warning: translations/en/{SLUG}.po:{line}: ") and "signed off" in unchanged, checked


def test_status_and_the_review_report_count_signed_off_german_prose_as_the_site_does(project):
    """Not reviewed English: ``status`` and the report count the four German copies as untranslated, as the
    edition record does (its ``words``, which ``[publish] min_reviewed`` reads); the term and the translated
    sentence stay reviewed."""
    _signed_off_copies(project, "[publish]\nmin_translated = 0\n")
    review(project, "en", SLUG, {OWN: "Tea helps you fall asleep."})
    reviewed_words = len(OWN.split()) + 1
    copied_words = len(f"Schlaf im Winter {DARK} {REST} Warme Milch mit Honig auch.".split())
    (row,) = [r for r in json.loads(project.run("status", "--format", "json").output)["articles"]
              if r["lang"] == "en"]
    assert row["segments"]["reviewed"] == 2 and row["segments"]["untranslated"] == 4, row
    assert row["words"]["reviewed"] == reviewed_words and row["words"]["untranslated"] == copied_words, row
    assert row["percent_reviewed"] == round(100 * reviewed_words / (reviewed_words + copied_words), 1)
    project.run("build")
    record = json.loads(project.read(f"editions/en/{SLUG}.json"))
    assert record["words"] == {"reviewed": reviewed_words, "untranslated": copied_words}
    project.run("review", "--lang", "en")
    report = html.parse(str(project.root / f"review/en/{SLUG}.html")).getroot()
    states = {seg.get("id"): seg.get("class").split()[1] for seg in report.xpath('//article[@id]')}
    assert sorted(states.values()) == ["s-reviewed"] * 2 + ["s-untranslated"] * 4, states
    assert f"{row['percent_reviewed']:g}" in report.xpath('string(//p[@class="big"])')


def _unchanged(project: Project) -> list[str]:
    checked = project.run("check").output
    found = [line for line in checked.splitlines() if line.endswith("[unchanged]")]
    assert len(found) == 4, checked
    return found


def test_check_names_the_threshold_the_signed_off_copies_make_the_edition_miss(project):
    """German copies count as neither translated nor reviewed: ``[unchanged]`` names the threshold the edition
    misses by them, the one the build names holding it back, and no threshold it meets."""
    _signed_off_copies(project, "[publish]\nmin_translated = 0\nmin_reviewed = 50\n")
    review(project, "en", SLUG, {OWN: "Tea helps you fall asleep."})
    built = project.run("build").output
    assert "en: not published (below [publish] min_translated or min_reviewed): schlaf (" in built
    figures, fix = built.split("schlaf (", 1)[1].split(")", 1)[0].split(": ", 1)
    assert "reviewed, 50 needed" in figures and "translated" not in figures
    # trial 24: a fully reviewed Impressum held back by its names and addresses; the build names the fix too
    assert fix == ("4 of its signed-off sentences are the German unchanged, which counts as not translated; a name "
                   "or an address right as it is? mark each '# ignore-unchanged'; verlag check --lang en --article "
                   "schlaf names them"), fix
    for line in _unchanged(project):
        assert f"the en edition is held back: [publish] min_reviewed ({figures})" in line, line
        assert "min_translated" not in line, line

    project.write("verlag.toml", project.read("verlag.toml").replace("min_reviewed = 50", "min_reviewed = 0")
                  .replace("min_translated = 0", "min_translated = 50"))
    built = project.run("build").output
    figures = built.split("schlaf (", 1)[1].split(")", 1)[0].split(": ", 1)[0]
    assert "translated, 50 needed" in figures
    for line in _unchanged(project):
        assert f"the en edition is held back: [publish] min_translated ({figures})" in line, line
        assert "min_reviewed" not in line, line

    project.write("verlag.toml", project.read("verlag.toml").replace("min_translated = 50", "min_translated = 0"))
    project.run("build")
    assert (project.root / f"site/en/{SLUG}/index.html").is_file()
    for line in _unchanged(project):
        assert "held back" not in line, line


def test_a_draft_kept_as_written_is_machine_text_without_reading_its_notes_unless_they_name_copy(monkeypatch):
    """``copied`` reads an entry's notes only where they can name the ``copy`` engine: a ``pseudo`` draft of a line
    it keeps as written (msgstr == msgid, asked on every state of the entry) stays machine text unread; a ``copy``
    draft stays untranslated."""
    from pipeline import catalog
    from pipeline.catalog import MACHINE, UNTRANSLATED, entry_state, set_provenance

    def draft(origin: str) -> polib.POEntry:
        entry = polib.POEntry(msgid="apt-get update", msgstr="apt-get update", flags=["fuzzy"])
        set_provenance(entry, origin)
        return entry

    pseudo, copy = draft("mt: pseudo"), draft("mt: copy")
    read: list[str] = []
    real = catalog.Notes.of.__func__
    monkeypatch.setattr(catalog.Notes, "of", classmethod(lambda cls, e: read.append(e.tcomment) or real(cls, e)))
    assert entry_state(pseudo) == MACHINE and read == []
    assert entry_state(copy) == UNTRANSLATED and read


def test_check_says_an_edition_of_nothing_but_german_copies_is_held_back(project):
    """Every translation signed off a German copy: the page shows nothing translated, which the build holds back
    whatever the thresholds ("nothing translated yet"); each ``[unchanged]`` warning says the edition is held back
    and why, as it names a threshold missed."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\nmin_reviewed = 0\n")
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", f"{DARK} {REST}\n\n{OWN} Warme Milch mit "
                                                                      "Honig auch.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    catalog = project.root / f"translations/en/{SLUG}.po"
    subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(catalog), str(catalog)], check=True)
    msgfmt_check(catalog)
    built = project.run("build").output
    assert f"en: not published (nothing translated yet): {SLUG}" in built, built
    assert not (project.root / f"site/en/{SLUG}/index.html").exists()
    checked = project.run("check").output
    found = [line for line in checked.splitlines() if line.endswith("[unchanged]")]
    assert len(found) == 5, checked  # the title and the four sentences
    assert all(line.endswith("counts as neither translated nor reviewed; the en edition is held back: it shows "
                             "nothing translated (a German copy counts as untranslated); right as it is (a name, an "
                             "address)? add the line '# ignore-unchanged' to this entry, on a line of its own above "
                             "its '#.' lines (Poedit: Add Comment, ignore-unchanged), and it counts as reviewed "
                             "[unchanged]")
               for line in found), found


def test_the_unchanged_hint_says_where_the_comment_line_goes_and_that_line_settles_it_but_not_for_a_shortcode(
        project):
    """A fresh-user trial: the hint "the comment line '# ignore-unchanged' counts it as reviewed" said neither where
    the line goes nor that it must stand alone, and it was offered for an entry whose German is a WordPress shortcode,
    where the fix is the German article. The hint says where; a line put exactly there (above the entry's ``#.``
    lines, after verlag's own comment lines) makes the copy reviewed; the shortcode's entry names its German
    article's line and the template-tag warning instead, and offers no comment line."""
    tag = '[contact-form-7 id="12" title="Kontaktformular"]'
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", f"{DARK}\n\n{tag}\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    catalog = project.root / f"translations/en/{SLUG}.po"
    subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(catalog), str(catalog)], check=True)
    found = {line.split(": ", 2)[1]: line for line in project.run("check", "--lang", "en", code=1).output.splitlines()
             if line.endswith("[unchanged]")}  # exit 1: the shortcode of a published article is an error
    text = catalog.read_text(encoding="utf-8").split("\n")
    dark = f"translations/en/{SLUG}.po:{text.index(f'msgid {json.dumps(DARK, ensure_ascii=False)}') + 1}"
    shortcode = f"translations/en/{SLUG}.po:{text.index('msgid ' + json.dumps(tag)) + 1}"
    assert found[dark].endswith("right as it is (a name, an address)? add the line '# ignore-unchanged' to this "
                                "entry, on a line of its own above its '#.' lines (Poedit: Add Comment, "
                                "ignore-unchanged), and it counts as reviewed [unchanged]"), found
    line = project.read(f"source_de/{SLUG}.md").split("\n").index(tag) + 1
    assert "ignore-unchanged" not in found[shortcode], found
    assert found[shortcode].endswith(f"its German holds a WordPress shortcode, which the pages show as text in every "
                                     f"language: no translation fixes that; write what it stands for in Markdown in "
                                     f"the German article, source_de/{SLUG}.md:{line} (check's template-tag "
                                     "finding), then translate that [unchanged]"), found
    assert f"error: source_de/{SLUG}.md:{line}: WordPress shortcode" in \
        project.run("check", "--lang", "en", code=1).output
    # the hint followed to the letter: the line above the entry's first "#." line
    first = text.index(f'msgid {json.dumps(DARK, ensure_ascii=False)}')
    while not text[first - 1].startswith("#."):
        first -= 1
    while text[first - 1].startswith("#."):
        first -= 1
    catalog.write_text("\n".join(text[:first] + ["# ignore-unchanged"] + text[first:]), encoding="utf-8")
    msgfmt_check(catalog)
    checked = {line.split(": ", 2)[1] for line in project.run("check", "--lang", "en", code=1).output.splitlines()
               if line.endswith("[unchanged]")}
    moved = lambda where: f"{where.rpartition(':')[0]}:{int(where.rpartition(':')[2]) + 1}"  # one line more above
    assert moved(dark) not in checked and moved(shortcode) in checked, checked


GOOD_NIGHT = "Gute Nacht!"


def _german_machine_drafts(project: Project, settings: str) -> Project:
    """A catalog as a pretranslate before verlag refused such answers left it: a service's drafts (fuzzy,
    ``# mt: libre``) that are the German unchanged, one translated sentence among them; the term is a
    do-not-translate term of the glossary."""
    project.write("verlag.toml", project.read("verlag.toml") + settings)
    project.write("translations/glossary.csv", f"source,en,fr,en_forbidden,dnt,note\n{TERM},,,,yes,\n")
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", f"{BODY}\n{GOOD_NIGHT}\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    catalog = project.root / f"translations/en/{SLUG}.po"
    po = polib.pofile(str(catalog))
    for entry in po:
        if entry.msgstr:
            entry.msgstr = "Tea helps you fall asleep." if entry.msgid == OWN else entry.msgstr
            set_provenance(entry, "mt: libre")
    po.save(str(catalog))
    msgfmt_check(catalog)
    assert all(e.fuzzy and provenance(e) == ["mt: libre"] for e in polib.pofile(str(catalog)) if not e.obsolete)
    return project


def test_machine_drafts_of_the_german_unchanged_are_shown_as_german_and_count_as_untranslated(project):
    """Under unreviewed = "machine" an engine's draft that is the German as it is, at any length ("Gute Nacht!"),
    is what a ``copy`` draft is: German on the page (lang="de", under the notice), untranslated for the edition
    record, ``status`` and the review report. The do-not-translate term drafted as it is stays machine text."""
    _german_machine_drafts(project, '[publish]\nunreviewed = "machine"\nmin_translated = 0\n')
    project.run("build")
    page = _page(project)
    assert page.get("lang") == "en"
    (both,) = page.xpath(f'//div[@class="article-body"]/p[contains(., "{REST}")]')
    assert both.get("lang") == "de"
    (night,) = page.xpath(f'//div[@class="article-body"]/p[contains(., "{GOOD_NIGHT}")]')
    assert night.get("lang") == "de"
    assert_term_mixed_and_title(page)
    record = json.loads(project.read(f"editions/en/{SLUG}.json"))
    assert record["segments"]["machine"] == 2 and record["segments"]["untranslated"] == 5, record["segments"]
    assert record["words_shown"] == len(OWN.split()) + 1
    german_words = len(f"Schlaf im Winter {DARK} {REST} Warme Milch mit Honig auch. {GOOD_NIGHT}".split())
    assert record["words"] == {"machine": len(OWN.split()) + 1, "untranslated": german_words}, record["words"]
    (row,) = [r for r in json.loads(project.run("status", "--format", "json").output)["articles"]
              if r["lang"] == "en"]
    assert row["segments"]["machine"] == 2 and row["segments"]["untranslated"] == 5, row
    assert row["words"]["untranslated"] == german_words, row
    project.run("review", "--lang", "en")
    report = html.parse(str(project.root / f"review/en/{SLUG}.html")).getroot()
    states = sorted(seg.get("class").split()[1] for seg in report.xpath('//article[@id]'))
    assert states == ["s-machine"] * 2 + ["s-untranslated"] * 5, states


def test_machine_drafts_of_the_german_unchanged_do_not_pass_min_translated(project):
    """Counted as translated, drafts of the German unchanged passed ``[publish] min_translated`` with a page of
    German under lang="en"; they count as untranslated, so the edition is held back, and the figures say so."""
    _german_machine_drafts(project, '[publish]\nunreviewed = "machine"\nmin_translated = 50\n')
    built = project.run("build").output
    assert not (project.root / f"site/en/{SLUG}/index.html").exists(), built
    assert f"en: not published (below [publish] min_translated or min_reviewed): {SLUG} (" in built, built
    figures = built.split(f"{SLUG} (", 1)[1].split(")", 1)[0]
    assert "translated, 50 needed" in figures, figures
    # signed off as it is, a short German line is the reviewer's decision (README: under [unchanged]'s three words)
    msgfmt_check(review(project, "en", SLUG, {GOOD_NIGHT: GOOD_NIGHT}))
    (row,) = [r for r in json.loads(project.run("status", "--format", "json").output)["articles"]
              if r["lang"] == "en"]
    assert row["segments"]["reviewed"] == 1 and row["segments"]["untranslated"] == 4, row


def test_pretranslate_counts_drafts_of_the_german_unchanged_apart_and_redo_drafts_asks_again(project):
    """With nothing empty, pretranslate named drafts of the German unchanged among its machine drafts, as if they
    were translations; it counts them apart, as untranslated, and ``--redo-drafts`` does ask the engines again."""
    _german_machine_drafts(project, "")
    said = project.run("pretranslate", "--engine", "copy", "--lang", "en").output
    assert ("en: nothing to draft: no entry is empty, 2 hold machine drafts (2 by libre), 5 hold drafts of the "
            "German unchanged (5 by libre), untranslated; use --redo-drafts to ask the engines again for them"
            in said), said
    redone = project.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--redo-drafts").output
    assert "en: 7 entries drafted by pseudo (7 of them replacing machine drafts)" in redone, redone
    catalog = project.root / f"translations/en/{SLUG}.po"
    msgfmt_check(catalog)
    assert all(provenance(e) == ["mt: pseudo"] for e in polib.pofile(str(catalog)) if not e.obsolete)


def test_check_names_a_draft_of_the_german_unchanged_once_without_typography_on_german(project):
    """An engine's draft that is its German prose as it is got ``[unchanged]`` plus the target language's
    typography warnings on German text (German quotation marks in English); a ``copy`` draft gets none. One finding
    says what it is: the German, untranslated."""
    quoted = "Sie sagt: „Schlaf ist im Winter wichtig.“"
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", f"{quoted}\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    catalog = project.root / f"translations/en/{SLUG}.po"
    copied = [line for line in project.run("check").output.splitlines() if f"{SLUG}.po:" in line]
    assert not any("Sie sagt" in line or "[typography]" in line for line in copied), copied
    po = polib.pofile(str(catalog))
    for entry in po:
        set_provenance(entry, "mt: libre")
    po.save(str(catalog))
    msgfmt_check(catalog)
    checked = project.run("check").output
    found = [line for line in checked.splitlines() if f"{SLUG}.po:" in line]
    assert len(found) == 2 and all(line.endswith(  # the title's and the sentence's
        'draft is the German text unchanged, no translation: shown as German (lang="de") and counted as '
        "untranslated [unchanged]") for line in found), checked


def test_check_names_a_one_or_two_word_draft_of_the_german_unchanged_without_typography_on_german(project):
    """An engine's draft „Gute Nacht!“ or "2,5 Liter" as its German got no ``[unchanged]`` (under three words), so
    the English typography check read the German (German quotation marks, a decimal comma) and warned. A draft of
    the German unchanged is one ``[unchanged]`` finding at any length; a number, or a do-not-translate term,
    drafted as it is is no German text and gets none."""
    project.write("translations/glossary.csv", "source,en,fr,en_forbidden,dnt,note\nKneipp,,,,yes,\n")
    project.write(f"source_de/{SLUG}.md", article("Schlaf im Winter", "„Gute Nacht!“\n\nTinnitus\n\n2,5 Liter\n\n"
                                                  "2024\n\nKneipp\n\nTee hilft beim Einschlafen.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    catalog = project.root / f"translations/en/{SLUG}.po"
    po = polib.pofile(str(catalog))
    for entry in po:
        if entry.msgid == "Tee hilft beim Einschlafen.":
            entry.msgstr = "Tea helps you fall asleep."
        set_provenance(entry, "mt: libre")
    po.save(str(catalog))
    msgfmt_check(catalog)
    found: dict[str, list[str]] = {}
    for finding in json.loads(project.run("check", "--lang", "en", "--format", "json").output):
        if finding["path"] == f"translations/en/{SLUG}.po":
            found.setdefault(finding["msgid"], []).append(finding["check"])
    assert found == {german: ["unchanged"] for german in ("Schlaf im Winter", "„Gute Nacht!“", "Tinnitus",
                                                          "2,5 Liter")}, found


NOT_PROSE = ["Naturheilpraxis Sommer, Lena Sommer, Lindenstraße 12, 04109 Leipzig",
             "Naturheilpraxis Berger  \nAnna Berger, Heilpraktikerin  \nLindenweg 12  \n12345 Musterstadt",
             "Dr. med. Anna Berger, Heilpraktikerin",
             "Telefon: +49 341 555 0199, E-Mail: praxis@praxis-sommer.example",
             "Registergericht: Amtsgericht Leipzig, Registernummer: HRB 12345, USt-IdNr.: DE123456789",
             "Praxis Sommer gGmbH, IBAN: DE89 3704 0044 0532 0130 00, BIC: COBADEFFXXX",
             "Physiotherapie Keller, Lena Keller, Hauptstr. 12a, 79098 Freiburg i. Br."]
PROSE = ["Die Praxis ist erfunden und dient nur als Beispiel.", "Anna Berger, Anschrift wie oben.",
         "Vertreten durch: Lena Sommer", "Haben Sie Fragen?", "Trinken Sie 2 Liter Wasser.",
         "Die Katzenbuckel-Übung", "Als Kapsel (Apotheke)", "Danach 1 Min. Pause.",
         "Gesundheitsamt der Stadt Leipzig, Gustav-Mahler-Straße 3, 04109 Leipzig",
         "Schwangere sollten vorher ärztlichen Rat einholen.", "Schreiben Sie dazu an praxis@example.org.",
         # nouns alone, without a number, an address or a title: a health text's warning signs, no name or address
         "Starke Kopfschmerzen, Nackensteife, Lähmungen", "Übelkeit, Schwindel, Herzrasen und Atemnot"]


def _copy_signed_off(msgid: str) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgid, occurrences=[("source_de/seiten/impressum.md", "5")])


def test_a_signed_off_copy_of_names_numbers_and_addresses_is_no_german_copy_but_prose_is():
    """Trial 33: the name and address of a privacy notice's controller, signed off as they are, counted as German
    prose (three words or more). Text whose words are names, numbers, labels, e-mail addresses and codes is the
    same in every language; German prose (a word in lower case, the formal "Sie", a sentence opened by a function
    word) is not, whatever the reviewer signed off."""
    ctx = Context("en")
    assert [t for t in NOT_PROSE if german_copy(_copy_signed_off(t), ctx)] == []
    assert [t for t in PROSE if not german_copy(_copy_signed_off(t), ctx)] == []
    with_copies = german_copies([_copy_signed_off(t) for t in NOT_PROSE + PROSE], "en")
    assert with_copies == {(None, t) for t in PROSE}


def test_every_sentence_of_the_german_gold_of_three_words_or_more_is_prose():
    """The rule's bar: no German sentence of three words or more in ../shared/corpus's sentence gold (pySBD's golden
    rules) reads as names and numbers, so none signed off unchanged would be shown as a translation."""
    ctx = Context("en")
    cases = json.loads(need_corpus("segmentation/de_golden.json").read_text(encoding="utf-8"))
    sentences = {s for case in cases for s in case["sentences"]}
    # words as the check counts them: of the prose, not of a URL ("http:www.babycentre.co.uk/midwives")
    long = [s for s in sentences if len(re.findall(r"[^\W\d_]{2,}", text_parts(s, ctx).prose)) >= 3]
    assert len(long) > 50
    assert [s for s in long if not german_copy(_copy_signed_off(s), ctx)] == []

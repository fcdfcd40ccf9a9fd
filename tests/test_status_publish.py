"""``verlag status`` says when the next build will not publish a translation that its figures call fully reviewed:
segments held back by ``check`` errors count as not translated there, as ``build`` counts them."""

from __future__ import annotations

import json
import re

from conftest import Project, article, review

BODY = "Viele wollen schnell wieder fit sein. Geduld zahlt sich hier aber aus.\n\n" \
       "- Kniescheibe sanft verschieben: ca. 15 Min. am Tag\n"


def test_status_names_a_fully_reviewed_translation_that_check_errors_hold_off_the_site(project: Project):
    project.write("source_de/knie.md", article("Das Knie nach der Operation", BODY))
    project.run("extract")
    review(project, "en", "knie", {("title", "Das Knie nach der Operation"): "The knee after surgery",
                                   "Viele wollen schnell wieder fit sein.": "Many want to be fit again quickly.",
                                   "Geduld zahlt sich hier aber aus.": "But patience pays off here.",
                                   "Kniescheibe sanft verschieben: ca. 15 Min. am Tag":
                                       "Gently move the kneecap: about 50 min a day"})

    status = project.run("status").output
    build = project.run("build").output
    figures = re.search(r"knie \((\d+\.\d % translated, \d+ needed)[;)]", build)
    assert figures, build
    assert re.search(r"^en +knie \(not published\) +4 .* 100\.0% +1E", status, re.M), status
    assert (f"not published = the next verlag build holds it back: en/knie: [publish] min_translated "
            f"({figures.group(1)}): segments held back by check errors count as not translated; run verlag check"
            in status), status


def test_status_names_a_translation_below_min_translated_without_check_errors_as_build_does(project: Project):
    """Trial 13, finding 3: status marked "(not published)" only for check errors; a translation the build holds
    back for ``[publish] min_translated`` alone showed unmarked, though build listed it as not published."""
    project.write("source_de/knie.md", article("Das Knie nach der Operation", BODY))
    project.write("source_de/leer.md", article("Leer", "Noch nichts übersetzt.\n"))
    project.run("extract")
    review(project, "en", "knie", {("title", "Das Knie nach der Operation"): "The knee after surgery",
                                   "Viele wollen schnell wieder fit sein.": "Many want to be fit again quickly."})
    status = project.run("status").output
    build = project.run("build").output
    figures = re.search(r"en: not published \(below \[publish\] min_translated or min_reviewed\): knie "
                        r"\((\d+\.\d % translated, 80 needed)\)", build)
    assert figures, build
    assert re.search(r"^en +knie \(not published\) +2 .* ok$", status, re.M), status
    assert (f"not published = the next verlag build holds it back: en/knie: [publish] min_translated "
            f"({figures.group(1)}); en/leer, fr/knie, fr/leer: nothing translated yet\n") in status, status
    # trial 14: the row's % (reviewed words) and the footnote's % translated differ; the output says what each is
    assert ("% translated = the page's words readers get in a translation, reviewed or a draft the page shows (the "
            "build's figure for [publish] min_translated); the table's % counts reviewed words only") in status
    assert "run verlag check" not in status
    assert re.search(r"^en +leer \(not published\) +0 ", status, re.M), status  # no figures: nothing translated


def test_status_marks_a_translation_with_nothing_translated_not_published_as_build_does(project: Project):
    """Trial 16: the Ukrainian rows of catalogs with every entry empty had no mark in status, while build said
    "uk: not published (nothing translated yet): …"; the English rows of machine drafts were marked. One
    decision (the build's), said by both; the footnote lists the pages of one reason together, as build does."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en", "uk"]\n')
    for slug in ("tee", "knie"):
        project.write(f"source_de/{slug}.md", article(slug.title(), "Ingwer wärmt von innen.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Ingwer wärmt von innen.": "Ginger warms you."})
    review(project, "en", "knie", {("title", "Knie"): "Knee", "Ingwer wärmt von innen.": "Ginger warms you."})
    status = project.run("status").output
    build = project.run("build").output
    assert "uk: not published (nothing translated yet): knie, tee" in build, build
    assert "en: not published" not in build, build
    for slug in ("tee", "knie"):
        assert re.search(rf"^uk +{slug} \(not published\) +0 +0 +0 +0 +0 +2 ", status, re.M), status
        assert re.search(rf"^en +{slug} +2 ", status, re.M), status
    assert "not published = the next verlag build holds it back: uk/knie, uk/tee: nothing translated yet\n" in status


def test_build_names_signed_off_pseudo_drafts_as_the_reason_a_language_is_not_published(project: Project):
    """Trial 14, finding 5d: after ``msgattrib --clear-fuzzy`` on pseudo drafts, build said "no reviewed translation
    to show yet; its machine drafts show only with [publish] unreviewed = \\"machine\\"", while check named the real
    reason (``[pseudo]``: signed-off pseudo text is no translation): build names it too."""
    import subprocess

    project.write("source_de/tee.md", article("Tee", "Ingwer wärmt von innen.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    for lang in ("en", "fr"):
        po = project.root / f"translations/{lang}/tee.po"
        subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(po), str(po)], check=True)
    out = project.run("build").output
    assert "no reviewed translation to show yet" not in out
    assert ("en: not published (its translations are signed-off pseudo drafts, the pseudo engine's layout test and "
            "no translation (check's pseudo error): translate them): tee") in out


def test_status_marks_a_translation_of_machine_drafts_only_not_published_as_build_does(project: Project):
    """Trial 14, finding 5a: Dutch articles holding only machine drafts under ``unreviewed = "source"`` showed no
    mark in status, though build said "not published (no reviewed translation to show yet …)": status says it,
    in the build's words."""
    project.write("source_de/tee.md", article("Tee", "Ingwer wärmt von innen.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    status = project.run("status").output
    build = project.run("build").output
    assert "en: not published (no reviewed translation to show yet; its machine drafts show only with [publish] " \
           "unreviewed = \"machine\"): tee" in build
    assert re.search(r"^en +tee \(not published\) +0 +2 ", status, re.M), status
    assert ("en/tee, fr/tee: no reviewed translation to show yet; its machine drafts show only with [publish] "
            "unreviewed = \"machine\"") in status


def test_build_says_a_catalog_it_could_not_read_is_why_the_page_is_not_published(project: Project):
    """A page built before anything was translated, whose catalog now holds reviewed translations but cannot be
    read: build names the catalog and its error as the reason, not 'nothing translated yet'; a page whose
    catalog is fine and empty still gets that reason."""
    project.write("source_de/gut.md", article("Gute Datei", "Der Garten ist grün. Die Sonne scheint.\n"))
    project.run("extract")
    assert "en: not published (nothing translated yet): gut" in project.run("build").output
    path = review(project, "en", "gut", {("title", "Gute Datei"): "Good file",
                                         "Der Garten ist grün.": "The garden is green.",
                                         "Die Sonne scheint.": "The sun shines."})
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "The sun shines."', 'msgstr "The sun shines.'),
                    encoding="utf-8")
    output = project.run("build", code=2).output
    assert ("en: not published (translations/en/gut.po could not be read, see the error below: its translations "
            "count once it can be): gut") in output
    assert "en: not published (nothing translated yet)" not in output
    assert "fr: not published (nothing translated yet): gut" in output
    assert "error: translations/en/gut.po:" in output


def test_status_s_hand_column_and_its_legend_count_a_machine_draft_a_person_edited_and_left_fuzzy(project: Project):
    """status's legend said "hand = a person's imported translation", but a machine draft a reviewer edited and
    left fuzzy is counted there too (as the review report's legend says): the legend names both now."""
    project.write("source_de/tee.md", article("Tee", "Ingwer wärmt von innen.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    po = project.read("translations/en/tee.po")
    assert po.count('msgstr "Ingwer wärmt von innen."') == 1 and "#, fuzzy" in po
    project.write("translations/en/tee.po", po.replace('msgstr "Ingwer wärmt von innen."',
                                                       'msgstr "Ginger warms from within."'))
    status = project.run("status", "--lang", "en").output
    # reviewed 0, machine 0, hand 1 (the edited draft), stale 0, empty 1 (the title's copy draft: German as it is)
    assert re.search(r"^en +tee \(not published\) +0 +0 +0 +1 +0 +1 ", status, re.M), status
    assert ("hand = not checked yet, and no engine is known to have made it: imported, an engine's draft a person "
            "edited (left fuzzy, or signed off and reopened), or fuzzy with no mt: line (typed in an editor, your own "
            "reopened, another tool's); machine = an engine's draft as it came (its mt: line), the only text the "
            "pages say was made by machine; reused = the translation memory's draft as it came (its tm: line): a "
            "person's earlier translation of the same or a similar sentence, not checked here yet, which the pages say "
            "was reused from earlier translations)") in status


def test_build_says_a_published_page_withdrawn_for_a_catalog_it_could_not_read_is_withdrawn_for_that(
        project: Project):
    """A translation published once, whose edition files are gone and whose catalog cannot be read: the build
    names the catalog and its error as why the page is no longer published, not 'not translated or reviewed
    enough' (its reviewed translations are all there)."""
    project.write("source_de/gut.md", article("Gute Datei", "Der Garten ist grün. Die Sonne scheint.\n"))
    project.run("extract")
    path = review(project, "en", "gut", {("title", "Gute Datei"): "Good file",
                                         "Der Garten ist grün.": "The garden is green.",
                                         "Die Sonne scheint.": "The sun shines."})
    assert "en: not published" not in project.run("build").output
    editions = sorted((project.root / "editions" / "en").glob("gut.*"))
    assert editions
    for edition in editions:
        edition.unlink()
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "The sun shines."', 'msgstr "The sun shines.'),
                    encoding="utf-8")
    output = project.run("build", code=2).output
    assert ("note: en: no longer published (translations/en/gut.po could not be read, see the error below: its "
            "translations count once it can be), its address now shows a page saying so, with a link to the "
            "original (de), until it is published again: gut") in output, output
    assert "not translated or reviewed enough" not in output
    assert "error: translations/en/gut.po:" in output


def test_status_counts_a_site_po_plural_left_empty_and_pseudo_drafts_readers_get_as_check_does(project: Project):
    """check warned of a site.po plural message with a form left empty (msgfmt --check refuses the file, the page
    shows the English words) and of pseudo drafts shown to readers under unreviewed = "machine"; status, where a
    reviewer looks, counted neither (site.po has no row; the pseudo-draft warning was check's alone): its QA said
    "ok". The site.po finding is said below the table and counted in its language's total, the pseudo drafts in
    their article's row, the figures check's."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["fr"]\n'
                                 '[publish]\nmin_translated = 0\nunreviewed = "machine"\n')
    project.write("source_de/garten.md", article("Garten", "Der Garten ist klein. Die Beete sind voll.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    path = project.root / "translations/fr/site.po"
    text = path.read_text(encoding="utf-8")
    plural = 'msgid_plural "%(count)s articles"\nmsgstr[0] "%(count)s article"\nmsgstr[1] "%(count)s articles"'
    assert text.count(plural) == 1
    path.write_text(text.replace(plural, plural.replace('msgstr[1] "%(count)s articles"', 'msgstr[1] ""')),
                    encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index('msgid "%(count)s article"') + 1
    check = project.run("check").output
    assert f"warning: translations/fr/site.po:{line}: msgstr[1] not translated" in check
    assert "pseudo drafts (the pseudo engine's layout test" in check and "check: 0 errors, 2 warnings" in check

    status = project.run("status").output
    assert re.search(r"^fr +garten +0 +3 .* 0E 1W$", status, re.M), status
    assert re.search(r"^fr += total +0 +3 .* 0E 2W$", status, re.M), status
    assert f"warning: translations/fr/site.po:{line}: msgstr[1] not translated of the 2 forms" in status
    data = json.loads(project.run("status", "--format", "json").output)
    (row,), (total,) = data["articles"], data["languages"]
    assert (row["warnings"], total["warnings"]) == (1, 2)
    assert [(f["path"], f["line"], f["check"]) for f in data["site"]] == [
        ("translations/fr/site.po", line, "plural-forms")]
    # a draft article's page is none the site publishes: its pseudo drafts are shown to no reader (trial 9)
    project.write("source_de/garten.md", article("Garten", "Der Garten ist klein. Die Beete sind voll.\n",
                                                 draft="true"))
    status = project.run("status").output
    assert re.search(r"^fr +garten \(draft.* ok$", status, re.M), status

"""One file's mistake stays that file's, and what the reader sees is what the sources say: defects a code
review of the site stage found, each reproduced as a user would meet it."""

from __future__ import annotations

import json
import re

import polib
import pytest
from lxml import etree

from conftest import REPO, Project, adopt_example, article, fill_in_legal_pages, give_base_url, msgfmt_check, review
from mtserver import FakeService

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def practice(tmp_path) -> Project:
    """What ``init`` makes (an article, Impressum, Datenschutz; English), drafted by the pseudo engine and
    published with unreviewed machine text shown, so every language has pages."""
    project = Project(tmp_path / "praxis")
    project.run("init", "--author", "Anna Berger", "--base-url", "https://praxis.example/", "--languages", "en")
    adopt_example(project)
    fill_in_legal_pages(project.root)
    toml = project.read("verlag.toml")
    toml = re.sub(r'engines = \[.*\]', 'engines = ["pseudo"]', toml)
    project.write("verlag.toml", re.sub(r'unreviewed = "source"', 'unreviewed = "machine"', toml))
    project.run("extract")
    project.run("pretranslate")
    project.run("build")
    return project


def article_slug(project: Project) -> str:
    (path,) = (project.root / "source_de").glob("*.md")
    return path.stem


def test_a_broken_site_po_costs_only_its_words_and_extract_and_build_still_say_what_they_did(practice):
    slug = article_slug(practice)
    po = practice.root / "translations/en/site.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "kaputt\n', encoding="utf-8")
    source = practice.root / f"source_de/{slug}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nEin ganz neuer Satz steht hier.\n", encoding="utf-8")
    extracted = practice.run("extract", code=2)
    assert f"updated translations/en/{slug}.po" in extracted.output
    assert re.search(r"error: translations/en/site\.po:\d+: ", extracted.output)
    practice.run("pretranslate")
    built = practice.run("build", code=2)
    assert re.search(r"error: translations/en/site\.po:\d+: ", built.output)
    assert "build: " in built.output and "site: not built" not in built.output
    assert "Ein ganz neuer Satz steht hier." in practice.read(f"site/de/{slug}/index.html")
    english = practice.read(f"site/en/{slug}/index.html")
    assert "All articles" in english  # verlag's own words for the language whose site.po is broken


def test_an_unreadable_legal_page_is_named_and_the_rest_of_the_site_is_built(practice):
    slug = article_slug(practice)
    impressum = practice.root / "source_de/seiten/impressum.md"
    impressum.write_text(impressum.read_text(encoding="utf-8").replace("title:", "title: [Impressum", 1),
                         encoding="utf-8")
    source = practice.root / f"source_de/{slug}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", encoding="utf-8")
    built = practice.run("build", code=2)
    assert re.search(r"error: source_de/seiten/impressum\.md:\d+: invalid YAML", built.output), built.output
    assert "no page impressum" not in built.output
    assert "Noch ein Satz." in practice.read(f"site/de/{slug}/index.html")


def test_a_language_with_only_a_legal_page_translated_is_not_offered_to_readers(tmp_path):
    project = Project(tmp_path / "praxis")
    project.run("init", "--base-url", "https://praxis.example/", "--languages", "en")
    fill_in_legal_pages(project.root)
    project.run("extract")
    path = project.root / "translations/en/impressum.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = entry.msgstr or f"EN {entry.msgid}"
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
    catalog.save(str(path))
    project.run("build")
    assert 'hreflang="en"' not in project.read("site/de/index.html")
    locs = etree.parse(str(project.root / "site/sitemap.xml")).xpath("//s:loc/text()", namespaces=SITEMAP)
    assert not [loc for loc in locs if "/en/" in loc], locs
    assert not (project.root / "site/en/feed.xml").exists()


def test_an_article_moved_into_seiten_leaves_the_lists_at_the_next_build(practice):
    slug = article_slug(practice)
    assert f"/de/{slug}/" in practice.read("site/de/index.html")
    (practice.root / f"source_de/{slug}.md").rename(practice.root / f"source_de/seiten/{slug}.md")
    practice.run("build")
    assert f"/de/{slug}/" not in practice.read("site/de/index.html")
    assert f"/de/{slug}/" not in practice.read("site/de/feed.xml")
    assert (practice.root / f"site/de/{slug}/index.html").is_file()  # still published, as a page


def test_a_mistake_in_a_project_template_names_the_template_and_its_line(practice):
    (practice.root / "templates").mkdir(exist_ok=True)
    practice.write("templates/page.html", '{% extends "base.html" %}\n{% block main %}\n'
                                          "{{ page.summary|length > 3 }}\n{% endblock %}\n")
    built = practice.run("build", code=2)
    assert re.search(r"error: templates/page\.html:3: template: TypeError: ", built.output), built.output
    assert "internal error" not in built.output


def test_a_template_mistake_names_the_own_template_the_shipped_line_and_the_page_and_writes_nothing(practice):
    """The user's article.html hands the shipped ``meta_line`` macro the page instead of its item: the
    failure is inside verlag's macros.html, but the line to fix is the user's, and the message says which
    page was being built; the build stops with exit 2 and leaves site/ as it was."""
    slug = article_slug(practice)
    shipped = (REPO / "templates/article.html").read_text(encoding="utf-8")
    line = shipped[:shipped.index("meta_line(item)")].count("\n") + 1
    practice.write("templates/article.html", shipped.replace("meta_line(item)", "meta_line(page)"))
    practice.write(f"source_de/{slug}.md", practice.read(f"source_de/{slug}.md") + "\nEin neuer Satz.\n")
    before = {p: p.read_bytes() for p in (practice.root / "site").rglob("*") if p.is_file()}
    built = practice.run("build", code=2)
    (error,) = [x for x in built.output.splitlines() if x.startswith("error: ")]
    assert re.fullmatch(rf"error: templates/article\.html:{line}: template: .*'date_iso' \(in \S+/macros\.html:\d+, "
                        rf"while building site/de/{slug}/index\.html\)", error), error
    assert "Traceback" not in built.output
    assert before == {p: p.read_bytes() for p in (practice.root / "site").rglob("*") if p.is_file()}
    practice.write("templates/root.html", "<!doctype html>\n<p>{{ choices|length / 0 }}</p>\n")
    practice.write("templates/article.html", shipped)
    built = practice.run("build", code=2)
    assert "error: templates/root.html:2: template: ZeroDivisionError: " in built.output
    assert "(while building site/index.html)" in built.output


def test_the_legal_links_are_one_macro_and_the_language_choice_shows_them_as_every_page_does(practice):
    themes = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "templates").glob("*.html")}
    assert [name for name, text in sorted(themes.items()) if 'class="legal"' in text] == ["macros.html"]
    root, german = (practice.read(rel) for rel in ("site/index.html", "site/de/index.html"))
    nav = re.compile(r'<nav class="legal".*?</nav>', re.S)
    assert nav.findall(root) == nav.findall(german) and "impressum" in nav.findall(root)[0]


@pytest.mark.parametrize("value", ["[Anna, [Bernd]]", "[]", "2026-01-01", "{name: Anna}"])
def test_an_author_that_is_not_one_name_is_an_error_at_its_line(project, value):
    project.write("source_de/a.md", f"---\ntitle: A\ndate: 2026-05-26\nauthor: {value}\n---\nText hier.\n")
    result = project.run("build", code=2)
    assert "error: source_de/a.md:4: author: expected a name or a list of names" in result.output
    assert "internal error" not in result.output


def test_an_out_of_date_translation_is_shown_in_german_under_every_policy(project):
    """A reviewed translation whose German changed since is the translation of an older German: the page shows
    the German sentence under ``unreviewed = "source"`` and ``"machine"`` alike, and says why."""
    toml = project.read("verlag.toml")
    project.write("verlag.toml", toml + "[publish]\nmin_translated = 0\n")
    project.write("source_de/a.md", article("A", "Erster Satz hier.\n\nZweiter Satz hier.\n"))
    project.run("extract")
    review(project, "en", "a", {("title", "A"): "A", "Erster Satz hier.": "First sentence here.",
                                "Zweiter Satz hier.": "Second sentence here."})
    project.write("source_de/a.md", article("A", "Erster Satz hier.\n\nZweiter Satz, geändert.\n"))
    project.run("extract")
    project.run("build")
    page = project.read("site/en/a/index.html")
    assert "notice-outdated" not in page  # the changed sentence is shown in German ([publish] unreviewed = source)
    assert "Zweiter Satz, geändert." in page
    project.write("verlag.toml", toml + '[publish]\nmin_translated = 0\nunreviewed = "machine"\n')
    project.run("build")
    page = project.read("site/en/a/index.html")
    assert "Zweiter Satz, geändert." in page and "Second sentence here." not in page
    assert "changed in the original after they were translated" in page
    assert "notice-outdated" not in page and "made by machine" not in page


def test_the_translator_is_named_only_for_what_they_checked(project):
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\n')
    project.write("source_de/a.md", article("A", "Erster Satz hier.\n\nZweiter Satz hier.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    po = polib.pofile(str(project.root / "translations/en/a.po"))
    po.metadata["Last-Translator"] = "Tom Hughes <tom@example.org>"
    po.save()

    def byline() -> tuple[list[str], object]:
        project.run("build")
        doc = etree.HTML(project.read("site/en/a/index.html").encode("utf-8"))
        data = json.loads(doc.xpath('string(//script[@type="application/ld+json"])'))
        return [p.xpath("string()") for p in doc.xpath('//p[@class="translator"]')], data.get("translator")

    assert byline() == ([], None)  # machine drafts only: the notice says so, nobody answers for them
    review(project, "en", "a", {"Erster Satz hier.": "First sentence here."})
    assert byline() == (["Translation partly checked by Tom Hughes; the rest is not checked yet"], None)
    review(project, "en", "a", {("title", "A"): "A", "Zweiter Satz hier.": "Second sentence here."})
    assert byline() == (["Translated by Tom Hughes"], {"@type": "Person", "name": "Tom Hughes"})


def test_the_byline_names_the_languages_translator_from_verlag_toml_not_whoever_saved_last(project):
    """Weblate sets Last-Translator to whoever saved: an admin fixing one word would be named as the one who
    checked every sentence (trial finding F15). ``[site.translator]`` names who answers for the language."""
    project.write("source_de/a.md", article("A", "Erster Satz hier.\n\nZweiter Satz hier.\n"))
    project.run("extract")
    path = review(project, "en", "a", {("title", "A"): "A", "Erster Satz hier.": "First sentence here.",
                                       "Zweiter Satz hier.": "Second sentence here."})
    po = polib.pofile(str(path))  # the admin's save: one word changed, their name in the header
    po.find("Zweiter Satz hier.").msgstr = "Second sentence, here."
    po.metadata["Last-Translator"] = "Weblate Admin <admin@example.org>"
    po.save()
    msgfmt_check(path)

    def byline() -> tuple[list[str], object]:
        project.run("build")
        doc = etree.HTML(project.read("site/en/a/index.html").encode("utf-8"))
        data = json.loads(doc.xpath('string(//script[@type="application/ld+json"])'))
        return [p.xpath("string()") for p in doc.xpath('//p[@class="translator"]')], data.get("translator")

    assert byline() == (["Translated by Weblate Admin"], {"@type": "Person", "name": "Weblate Admin"})  # the rule
    toml = project.read("verlag.toml")
    project.write("verlag.toml", toml + '\n[site.translator]\nen = "Mark Lewis"\n')
    assert byline() == (["Translated by Mark Lewis"], {"@type": "Person", "name": "Mark Lewis"})
    project.write("verlag.toml", toml + '\n[site.translator]\nen = ""\n')
    assert byline() == ([], None)
    project.write("verlag.toml", toml + '\n[site.translator]\nen = "Mark Lewis"\nde = "Anna"\n')
    result = project.run("build", code=2)
    assert "verlag.toml:7: de: expected a translation language of this project (en, fr)" in result.output
    assert "Traceback" not in result.output


def test_a_fully_reviewed_page_naming_nobody_who_checked_it_is_a_note_of_build_until_verlag_toml_says(project):
    """Trial 20: a reviewer signed off every sentence in a text editor (no Last-Translator), and the health page named
    nobody who checked its translation, silently. Each build notes it at verlag.toml, with the catalog, until
    [site.translator] names someone for the language, or names nobody on purpose (""); a catalog that names its
    translator, or a page not fully reviewed (its byline names nobody anyway), says nothing."""
    project.write("source_de/a.md", article("A", "Erster Satz hier.\n\nZweiter Satz hier.\n"))
    project.run("extract")
    path = review(project, "en", "a", {"Erster Satz hier.": "First sentence here."})
    note = ("en: the byline of 1 fully reviewed page names nobody who checked the translation (no Last-Translator "
            "in translations/en/a.po, no en line in [site.translator])")
    assert "names nobody who checked" not in project.run("build").output  # partly reviewed: nobody is named anyway
    review(project, "en", "a", {("title", "A"): "A", "Zweiter Satz hier.": "Second sentence here."})
    po = polib.pofile(str(path))
    assert not po.metadata.get("Last-Translator", "").strip()
    out = project.run("build").output
    assert f"note: verlag.toml:1: {note}" in out and 'write [site.translator] en = "Name"' in out, out
    assert note in project.run("build").output, "said on every build, as the missing base_url is"
    toml = project.read("verlag.toml")
    for named in ('en = "Mark Lewis"', 'en = ""'):
        project.write("verlag.toml", toml + f"\n[site.translator]\n{named}\n")
        assert "names nobody who checked" not in project.run("build").output
    project.write("verlag.toml", toml + '\n[site]  # where [site.translator] would go\nauthor = "Dr. A"\n')
    assert f"note: verlag.toml:{len(toml.splitlines()) + 2}: {note}" in project.run("build").output
    project.write("verlag.toml", toml)
    po.metadata["Last-Translator"] = "Tom Hughes <tom@example.org>"
    po.save()
    assert "names nobody who checked" not in project.run("build").output


def test_a_link_to_a_draft_or_a_missing_article_is_warned_about_with_its_line(project):
    project.write("source_de/a.md", article("A", "Siehe [den Entwurf](entwurf.md).\n\nUnd [Fehlt](fehlt.md).\n"))
    project.write("source_de/entwurf.md", article("Entwurf", "Noch nicht fertig.\n", draft="true"))
    project.run("extract")
    result = project.run("build")
    assert "warning: source_de/a.md:5: 'entwurf.md': no published article 'entwurf'" in result.output
    assert "warning: source_de/a.md:7: 'fehlt.md': no published article 'fehlt'" in result.output


def test_settings_mistakes_name_their_own_line(practice):
    toml = practice.read("verlag.toml")
    practice.write("verlag.toml", toml + "\n[publish.en]\nmin_translated = 150\n")
    result = practice.run("build", code=2)
    line = len((toml + "\n[publish.en]\n").splitlines()) + 1
    assert f"verlag.toml:{line}: min_translated: expected a percentage" in result.output
    practice.write("verlag.toml", toml.replace('engines = ["pseudo"]', 'engines = ["pseudo", "nosuch"]'))
    result = practice.run("pretranslate", code=2)
    engines_line = next(n for n, text in enumerate(toml.splitlines(), 1) if text.startswith("engines"))
    assert re.search(rf"verlag\.toml:{engines_line}: engines: .*'nosuch'", result.output), result.output
    practice.write("verlag.toml", re.sub(r'^author = .*$', "author = 5", toml, flags=re.M))
    author_line = next(n for n, text in enumerate(toml.splitlines(), 1) if text.startswith("author"))
    assert f"verlag.toml:{author_line}: author: expected text" in practice.run("new", "Neu", code=2).output


@pytest.mark.parametrize("base", ["https://praxis.example/index.html", "https://praxis.example/?ref=x",
                                  "https://praxis.example/#oben", "https:///blog/"])
def test_a_base_url_that_is_not_a_folder_address_is_refused(practice, base):
    practice.write("verlag.toml", re.sub(r'base_url = ".*"', f'base_url = "{base}"', practice.read("verlag.toml")))
    result = practice.run("build", code=2)
    assert re.search(r"verlag\.toml:\d+: base_url: expected the address of the site's folder", result.output)
    assert "site: not built, see the error below" in result.output


def test_theme_assets_in_subfolders_are_published_and_hidden_files_are_not(practice):
    practice.write("templates/static/fonts/text.woff2", "font")
    practice.write("templates/static/.DS_Store", "finder")
    practice.run("build")
    assert practice.read("site/static/fonts/text.woff2") == "font"
    assert not (practice.root / "site/static/.DS_Store").exists()


def test_the_publish_summary_counts_articles_not_legal_pages(practice, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with FakeService() as service:  # publish refuses pseudo drafts readers would get: a service drafts instead
        practice.write("verlag.toml", practice.read("verlag.toml").replace(
            'engines = ["pseudo"]', f'engines = ["libre"]\n\n[engines.libre]\nurl = "{service.url}/"'))
        practice.run("pretranslate", "--redo-drafts")
        give_base_url(practice.root)
        out = practice.run("publish").output
    assert re.search(r"^en: 1 article published", out, re.M), out
    assert "not published" not in out.split("en: 1 article published")[1].splitlines()[0]


def test_a_medical_review_of_the_german_original_is_not_claimed_for_an_unchecked_machine_translation(project):
    """schema.org reviewedBy is about "the content on this page": on a translation the reviewer and date
    belong to the original it names (translationOfWork), and the byline says whose review it was."""
    project.write("verlag.toml", project.read("verlag.toml") + '[publish.fr]\nunreviewed = "machine"\n')
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n\nSie liegt links oben.\n",
                                               reviewed_by="\n  name: Dr. med. Jana Vogt\n  qualification: Ärztin",
                                               last_reviewed="2026-04-10"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    project.run("build")
    doc = etree.HTML(project.read("site/fr/milz/index.html").encode("utf-8"))
    reviewed = " ".join(doc.xpath('string(//p[@class="reviewed"])').split())
    assert reviewed == ("Relecture médicale de l’original en allemand par Dr. med. Jana Vogt, Ärztin"
                        " · dernière relecture le 10 avril 2026")
    assert doc.xpath('//p[@class="reviewed"]/a/@href') == ["/de/milz/"]
    notice = [" ".join(p.xpath("string()").split()) for p in doc.xpath('//aside[contains(@class, "notice")]/p')]
    assert notice[0] == ("Cette traduction a été produite par une machine et n’a pas encore été vérifiée "
                         "par une personne.")
    data = json.loads(doc.xpath('string(//script[@type="application/ld+json"])'))
    assert "reviewedBy" not in data and "lastReviewed" not in data
    original = data["translationOfWork"]
    assert original["@id"].endswith("/de/milz/") and original["lastReviewed"] == "2026-04-10"
    assert original["reviewedBy"]["name"] == "Dr. med. Jana Vogt"
    review(project, "fr", "milz", {"Die Milz ist klein.": "La rate est petite."})
    project.run("build")
    page = project.read("site/fr/milz/index.html")
    assert "Certaines parties de cette traduction ont été produites par une machine" in page
    assert "Cette traduction a été produite" not in page


JUNE_10, JUNE_12 = "1781092800", "1781265600"  # SOURCE_DATE_EPOCH at noon UTC: the day extract sees a change


def reviewed_line(project: Project, rel: str) -> str:
    doc = etree.HTML(project.read(f"site/{rel}/index.html").encode("utf-8"))
    return " ".join(doc.xpath('string(//p[@class="reviewed"])').split())


def page_data(project: Project, rel: str) -> dict:
    doc = etree.HTML(project.read(f"site/{rel}/index.html").encode("utf-8"))
    return json.loads(doc.xpath('string(//script[@type="application/ld+json"])'))


def test_a_dose_changed_after_the_medical_review_is_said_on_every_run_and_on_every_page_until_reviewed_again(
        project, monkeypatch):
    """Trial 18: the author changed "10–15 min" to "20 min" in a reviewed article and set no ``updated:``. One
    extract warned; later extracts, check, status and build said nothing and the page went on saying "Medizinisch
    geprüft … zuletzt geprüft am …" over the unchecked dose. The day extract saw the body change is kept in the
    template: every run says it at the last_reviewed line, and every edition says the text changed after the
    review, until last_reviewed names a review on that day or later."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01"}
    text = "Ein Ingwerwickel entspannt.\n\nLassen Sie ihn 10–15 min ziehen.\n"
    project.write("source_de/ingwer.md", article("Ingwer", text, **meta))
    line = project.read("source_de/ingwer.md").split("\n").index("last_reviewed: 2026-04-01") + 1
    said = (f"source_de/ingwer.md:{line}: the German text changed on 2026-06-10, after its medical review "
            "(last_reviewed: 2026-04-01)")
    assert said not in project.run("extract").output  # the first template: nothing changed since
    project.write("source_de/ingwer.md", article("Ingwer", text.replace("10–15 min", "20 min"), **meta))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    assert f"warning: {said}" in project.run("extract").output
    msgfmt_check(project.root / "translations/templates/ingwer.pot")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_12)  # a later run keeps the day of the change
    assert f"warning: {said}" in project.run("extract").output
    checked = project.run("check").output
    assert f"warning: {said}" in checked and "[review-outdated]" in checked
    assert f"warning: {said}" in project.run("status").output
    rows = json.loads(project.run("status", "--format", "json").stdout)["articles"]  # as the text says it, each row
    assert {r["lang"] for r in rows} == {"en", "fr"}
    for row in rows:
        assert row["review_outdated"]["path"] == "source_de/ingwer.md"
        assert row["review_outdated"]["line"] == line and row["review_outdated"]["changed"] == "2026-06-10"
        assert row["review_outdated"]["message"].startswith(said.partition(f"{line}: ")[2])
    review(project, "en", "ingwer", {("title", "Ingwer"): "Ginger", "Ein Ingwerwickel entspannt.": "A ginger "
                                     "compress relaxes.", "Lassen Sie ihn 20 min ziehen.": "Let it steep 20 min."})
    assert f"warning: {said}" in project.run("build").output
    assert reviewed_line(project, "de/ingwer") == ("Medizinisch geprüft von Dr. med. Jana Vogt · zuletzt geprüft am "
                                                   "1. April 2026 · Text nach dieser Prüfung am 10. Juni 2026 geändert")
    assert reviewed_line(project, "en/ingwer") == (
        "Medical review of the original in German by Dr. med. Jana Vogt · last reviewed on April 1, 2026 · "
        "text changed on June 10, 2026, after this review")
    for rel in ("de/ingwer", "en/ingwer"):  # schema.org cannot say "not this text": no review claimed
        data = page_data(project, rel)
        assert data["@type"] == "Article" and "lastReviewed" not in json.dumps(data)
    assert f"warning: {said}" in project.run("build").output  # an unchanged build says it too
    # Dr. Vogt checked the new dose on June 10: the author says so, and every run and page is quiet about it
    project.write("source_de/ingwer.md", article("Ingwer", text.replace("10–15 min", "20 min"),
                                                 **{**meta, "last_reviewed": "2026-06-10"}))
    for command in ("extract", "check", "status", "build"):
        assert "after its medical review" not in project.run(command).output, command
    assert {r["review_outdated"] for r in json.loads(project.run("status", "--format", "json").stdout)["articles"]} \
        == {None}
    assert reviewed_line(project, "de/ingwer") == \
        "Medizinisch geprüft von Dr. med. Jana Vogt · zuletzt geprüft am 10. Juni 2026"
    assert page_data(project, "en/ingwer")["translationOfWork"]["lastReviewed"] == "2026-06-10"
    assert page_data(project, "de/ingwer")["lastReviewed"] == "2026-06-10"


def test_a_dose_changed_on_the_day_of_its_medical_review_outdates_it_until_the_review_is_written_anew(
        project, monkeypatch):
    """Trial 19: last_reviewed named the morning's review, 2026-06-10, and the author changed "200 mg" to "300 mg"
    that afternoon: the rule "a review on the day of the change covers it" kept every page vouching for the new dose.
    The template records the last_reviewed the article had when its body changed: while it still has that value, a
    change on its day outdates it; the author who has the text checked again that day writes the review anew, with
    its time, and that settles it."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-06-10"}
    text = "Nehmen Sie 200 mg nach dem Essen.\n"
    project.write("source_de/ibu.md", article("Ibuprofen", text, **meta))
    line = project.read("source_de/ibu.md").split("\n").index("last_reviewed: 2026-06-10") + 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    project.run("extract")
    project.write("source_de/ibu.md", article("Ibuprofen", text.replace("200 mg", "300 mg"), **meta))
    said = (f"warning: source_de/ibu.md:{line}: the German text changed on 2026-06-10, after its medical review "
            "(last_reviewed: 2026-06-10)")
    assert said in project.run("extract").output
    assert ('"X-Verlag-Text-Changed: 2026-06-10; last_reviewed 2026-06-10\\n"'
            in project.read("translations/templates/ibu.pot"))
    msgfmt_check(project.root / "translations/templates/ibu.pot")
    for command in ("check", "status", "build"):
        assert said in project.run(command).output, command
    assert reviewed_line(project, "de/ibu") == ("Medizinisch geprüft von Dr. med. Jana Vogt · zuletzt geprüft am "
                                                "10. Juni 2026 · Text nach dieser Prüfung am 10. Juni 2026 geändert")
    assert "lastReviewed" not in json.dumps(page_data(project, "de/ibu"))
    project.write("source_de/ibu.md", article("Ibuprofen", text.replace("200 mg", "300 mg"),
                                              **{**meta, "last_reviewed": "2026-06-10 17:30"}))
    for command in ("extract", "check", "status", "build"):
        assert "after its medical review" not in project.run(command).output, command
    assert "geändert" not in reviewed_line(project, "de/ibu")


def test_a_review_date_written_with_the_change_itself_is_told_exactly_what_settles_the_warning(project, monkeypatch):
    """Review: the author changed a dose and, the new text checked that day, set last_reviewed to that day in the
    same edit; extract saw the change with that last_reviewed, so it is the review before the change, and the
    warning advised "set last_reviewed: to that day (2026-06-10 or later …)", which it already was. The advice names
    what settles it: a day after the change, or that day with the time of the new review; and for a review on an
    earlier day, the day of the new review, written once extract has seen the text it covers."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01"}
    text = "Nehmen Sie 200 mg nach dem Essen.\n"
    project.write("source_de/ibu.md", article("Ibuprofen", text, **meta))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    project.run("extract")
    project.write("source_de/ibu.md", article("Ibuprofen", text.replace("200 mg", "300 mg"),
                                              **{**meta, "last_reviewed": "2026-06-10"}))
    line = project.read("source_de/ibu.md").split("\n").index("last_reviewed: 2026-06-10") + 1
    advice = (f"source_de/ibu.md:{line}: the German text changed on 2026-06-10, after its medical review "
              "(last_reviewed: 2026-06-10): the review does not cover it, so every page says \"text changed on "
              "2026-06-10, after this review\" beside it and its schema.org data claims no review; last_reviewed "
              "already named 2026-06-10 when extract saw the change that day, so it names a review before the change: "
              "once the text is reviewed again, set last_reviewed: to the day of that review if it is after "
              "2026-06-10, or, reviewed again on 2026-06-10, to that day with the time of the review "
              "(last_reviewed: 2026-06-10 17:30)")
    assert advice in project.run("extract").output
    for command in ("check", "status", "build"):
        assert advice in project.run(command).output, command
    project.write("source_de/ibu.md", article("Ibuprofen", text.replace("200 mg", "300 mg"),
                                              **{**meta, "last_reviewed": "2026-06-10 17:30"}))
    for command in ("extract", "check", "status", "build"):
        assert "after its medical review" not in project.run(command).output, command
    # a review on an earlier day: the day of the new review, once extract has seen the text it covers
    project.write("source_de/ibu.md", article("Ibuprofen", text.replace("200 mg", "400 mg"),
                                              **{**meta, "last_reviewed": "2026-06-10 17:30"}))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_12)
    earlier = ("the German text changed on 2026-06-12, after its medical review (last_reviewed: 2026-06-10): the "
               "review does not cover it, so every page says \"text changed on 2026-06-12, after this review\" beside "
               "it and its schema.org data claims no review; once the text is reviewed again, set last_reviewed: to "
               "the day of that review (2026-06-12 or later) after extract has seen the text it covers: a "
               "last_reviewed written in the edit that changes the text names a review before the change")
    assert earlier in project.run("extract").output
    project.write("source_de/ibu.md", article("Ibuprofen", text.replace("200 mg", "400 mg"),
                                              **{**meta, "last_reviewed": "2026-06-12"}))
    for command in ("extract", "check", "status", "build"):
        assert "after its medical review" not in project.run(command).output, command


def test_a_title_typo_new_tags_or_a_rewrapped_paragraph_do_not_outdate_a_medical_review(project, monkeypatch):
    """The review covers the text readers act on, the body's sentences: a front-matter edit (title, tags,
    summary) or one of the body's whitespace alone (a paragraph wrapped anew) is no change of them."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01", "tags": "[Ingwer]"}
    text = "Ein Ingwerwickel entspannt den Nacken.\n\nLassen Sie ihn 10–15 min ziehen.\n"
    project.write("source_de/ingwer.md", article("Ingwr", text, **meta))
    project.run("extract")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    project.write("source_de/ingwer.md", article("Ingwer", text.replace("entspannt den", "entspannt\n  den  "),
                                                 **{**meta, "tags": "[Ingwer, Wickel]", "summary": "Wärme."}))
    out = project.run("extract").output
    assert "updated translations/templates/ingwer.pot" in out  # the title, tags and summary did change
    assert "after its medical review" not in out + project.run("check").output
    assert "Text-Changed" not in project.read("translations/templates/ingwer.pot")
    project.run("build")
    assert "geändert" not in reviewed_line(project, "de/ingwer")


def test_a_medical_review_older_than_the_last_update_is_flagged_and_not_claimed_for_the_current_text(project):
    """The author changed the German text (updated: 2026-12-08) after Dr. Vogt's review (2026-04-01): check and
    extract warn at the last_reviewed line naming both dates, and every edition says next to the review that
    the text changed after it; a review on the day of the update, or without an update, is not flagged."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01", "updated": "2026-12-08"}
    project.write("source_de/zecken.md", article("Zecken", "Zecken werden ab ca. 8 °C aktiv.\n", **meta))
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n",
                                               **{**meta, "last_reviewed": "2026-06-01", "updated": "2026-06-01"}))
    warning = ("warning: source_de/zecken.md:5: last_reviewed: 2026-04-01 is before updated: 2026-12-08; the "
               "medical review does not cover the current text")
    assert warning in project.run("extract").output
    checked = project.run("check").output
    assert warning in checked and "milz.md" not in checked
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks",
                                     "Zecken werden ab ca. 8 °C aktiv.": "Ticks become active from about 8 °C."})
    project.run("build")
    lines = {}
    for lang in ("de", "en"):
        doc = etree.HTML(project.read(f"site/{lang}/zecken/index.html").encode("utf-8"))
        lines[lang] = " ".join(doc.xpath('string(//p[@class="reviewed"])').split())
        assert doc.xpath('//p[@class="reviewed"]/strong/time/@datetime') == ["2026-12-08"]
    assert lines["de"] == ("Medizinisch geprüft von Dr. med. Jana Vogt · zuletzt geprüft am 1. April 2026 · "
                           "Text nach dieser Prüfung am 8. Dezember 2026 geändert")
    assert lines["en"] == ("Medical review of the original in German by Dr. med. Jana Vogt · last reviewed on "
                           "April 1, 2026 · text changed on December 8, 2026, after this review")
    milz = etree.HTML(project.read("site/de/milz/index.html").encode("utf-8"))
    assert " ".join(milz.xpath('string(//p[@class="reviewed"])').split()) == \
        "Medizinisch geprüft von Dr. med. Jana Vogt · zuletzt geprüft am 1. Juni 2026"
    # schema.org cannot say "changed after the review": the structured data claims no review of the current text
    for rel in ("de/zecken", "en/zecken"):
        data = json.loads(etree.HTML(project.read(f"site/{rel}/index.html").encode("utf-8")).xpath(
            'string(//script[@type="application/ld+json"])'))
        claims = {**data, **data.get("translationOfWork", {})}
        assert data["@type"] == "Article" and data["dateModified"] == "2026-12-08", rel
        assert "reviewedBy" not in claims and "lastReviewed" not in claims, rel
    data = json.loads(milz.xpath('string(//script[@type="application/ld+json"])'))
    assert data["@type"] == "MedicalWebPage" and data["lastReviewed"] == "2026-06-01"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr. med. Jana Vogt"}


def test_a_review_older_than_updated_is_said_by_every_command_publish_too_among_many_warnings(project):
    """Trial 33: with ``updated:`` after ``last_reviewed`` only extract and check said the review no longer covered
    the text (their front-matter warning); status, build and publish said nothing, and publish, which lists check's
    first 20 findings, counted it among the rest. Every command says it, from one decision, and publish lists it
    wherever it falls, as a warning: nothing stops."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01", "updated": "2026-05-27"}
    project.write("source_de/zecken.md", article("Zecken", "Zecken werden ab ca. 8 °C aktiv.\n", **meta))
    for n in range(21):  # 21 front-matter warnings before it in check's list
        project.write(f"source_de/a{n:02}.md", article(f"Artikel {n}", f"Satz Nummer {n} steht hier.\n", sumary="x"))
    warning = ("warning: source_de/zecken.md:5: last_reviewed: 2026-04-01 is before updated: 2026-05-27; the "
               "medical review does not cover the current text")
    give_base_url(project.root)
    outputs = {command: project.run(command).output
               for command in ("extract", "check", "status", "build", "publish")}
    assert [command for command, out in outputs.items() if warning not in out] == []
    assert "[review-outdated]" in outputs["check"].split(warning)[1].split("\n")[0]
    assert outputs["publish"].count("last_reviewed: 2026-04-01 is before updated") == 1, outputs["publish"]
    assert "more not listed here" in outputs["publish"]  # the other warnings still are counted


def test_a_text_change_after_updated_on_a_reviewed_article_is_said_at_updated_and_the_review_date_is_a_time(
        project, monkeypatch):
    """Trial 33: the page said "aktualisiert am 20. November 2026" beside "Text nach dieser Prüfung am 5. Dezember
    2026 geändert", feeds and the sitemap the older day, and no run said so after the extract that saw the change.
    check and build say it at the updated line until it names the day; the review warning names the later day. The
    review's day is in <time datetime> (SITE.md 8), and the review line's link to the original carries the address
    print prints after it, as the notice's does."""
    meta = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01", "updated": "2026-05-27"}
    text = "Entfernen Sie die Zecke mit einer Pinzette.\n\nFieber über 38,5 °C ist ein Warnzeichen.\n"
    project.write("source_de/zecken.md", article("Zecken", text, **meta))
    project.run("extract")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    changed = text.replace("38,5", "39")
    project.write("source_de/zecken.md", article("Zecken", changed, **meta))
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks",
                                     "Entfernen Sie die Zecke mit einer Pinzette.": "Remove the tick with tweezers.",
                                     "Fieber über 39 °C ist ein Warnzeichen.": "A fever over 39 °C is a warning sign."})
    give_base_url(project.root)
    behind = ("warning: source_de/zecken.md:6: updated: 2026-05-27 is before 2026-06-10, the day extract saw the "
              "German text change")
    review_said = ("warning: source_de/zecken.md:5: the German text changed on 2026-06-10, after its medical review "
                   "(last_reviewed: 2026-04-01)")
    checked = project.run("check").output
    assert behind in checked and "[updated-behind]" in checked and review_said in checked
    built = project.run("build").output
    assert behind in built and review_said in built
    for lang, shown in (("de", "1. April 2026"), ("en", "April 1, 2026")):
        doc = etree.HTML(project.read(f"site/{lang}/zecken/index.html").encode("utf-8"))
        (line,) = doc.xpath('//p[@class="reviewed"]')
        times = [(t.get("datetime"), " ".join(t.text.split())) for t in line.xpath("./time")]
        assert times == [("2026-04-01", shown)], lang
        assert line.xpath("./strong/time/@datetime") == ["2026-06-10"]
    english = etree.HTML(project.read("site/en/zecken/index.html").encode("utf-8"))
    assert english.xpath('//p[@class="reviewed"]/a[@hreflang="de"]/@data-address') == [
        "https://praxis.example/de/zecken/"]
    for n in range(21):  # publish lists both wherever they fall among check's findings
        project.write(f"source_de/a{n:02}.md", article(f"Artikel {n}", f"Satz Nummer {n} steht hier.\n", sumary="x"))
    published = project.run("publish").output
    assert published.count(behind) == 1 and published.count(review_said) == 1, published
    # the author sets updated to the day of the change: the updated line is quiet, the review still is not
    project.write("source_de/zecken.md", article("Zecken", changed, **{**meta, "updated": "2026-06-10"}))
    for command in ("check", "build"):
        out = project.run(command).output
        assert "updated-behind" not in out and "is before 2026-06-10" not in out, command
        assert ("source_de/zecken.md:5: last_reviewed: 2026-04-01 is before updated: 2026-06-10" in out), command


def test_a_project_site_po_from_an_older_verlag_gets_the_new_messages_shipped_translations(project):
    project.write("source_de/a.md", article("A", "Ein Satz.\n"))
    project.run("extract")
    path = project.root / "translations/fr/site.po"
    po = polib.pofile(str(path))
    new = "This translation was made by machine and has not yet been checked by a person."
    po.remove(po.find(new))  # as a project made before the message existed has it
    po.find("Language").msgstr = "Idioma"  # the reviewer's own choice stays
    po.save()
    project.run("extract")
    po = polib.pofile(str(path))
    assert po.find(new).msgstr.startswith("Cette traduction a été produite par une machine")
    assert po.find("Language").msgstr == "Idioma"


def test_a_project_template_from_a_downloaded_theme_cannot_run_code(practice):
    """A project's templates/ (a theme downloaded from somewhere) were rendered by an unsandboxed Jinja: one line
    reaching Python through a global (``cycler.__init__.__globals__.os``) ran any command at every build. Jinja's
    sandbox refuses it: the build names the template's line, runs nothing and leaves site/ as it was."""
    marker = practice.root.parent / "ran.txt"
    before = {p: p.read_bytes() for p in (practice.root / "site").rglob("*") if p.is_file()}
    practice.write("templates/root.html", "<!doctype html>\n<p>{{ choices|length }}</p>\n"
                   f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n")
    built = practice.run("build", code=2)
    assert not marker.exists()
    assert "error: templates/root.html:3: template: access to attribute '__init__' of 'type' object is unsafe" \
        in built.output, built.output
    assert before == {p: p.read_bytes() for p in (practice.root / "site").rglob("*") if p.is_file()}


def test_the_unnamed_translator_note_of_a_regional_language_names_the_line_that_would_serve_it(project):
    """langF: [site.translator] is looked up as BCP 47 lookup does (en-GB, then en); the note of a fully reviewed
    en-GB page naming nobody said "no en-GB line", though an en line serves it too."""
    project.write("verlag.toml", 'name = "Test"\nlanguages = ["en-GB"]\n')
    project.write("source_de/a.md", article("A", "Erster Satz hier.\n"))
    project.run("extract")
    review(project, "en-GB", "a", {("title", "A"): "A", "Erster Satz hier.": "First sentence here."})
    assert "(no Last-Translator in translations/en-GB/a.po, no en-GB or en line in [site.translator])" \
        in project.run("build").output
    project.write("verlag.toml", 'name = "Test"\nlanguages = ["en-GB"]\n\n[site.translator]\nen = "Mark Lewis"\n')
    assert "names nobody who checked" not in project.run("build").output

"""A site a German practice can run: standalone legal pages, medical review metadata, disclaimer, call to action."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree, html

from conftest import (Project, adopt_example, article, copy_shipped_project, fill_in_legal_pages, give_base_url,
                      msgfmt_check, review)
from pipeline import sources
from pipeline.config import load_config
from pipeline.sources import read_article

BASE = "https://example.org/"
LANGS = ("de", "en", "fr")
LEGAL = ("impressum", "datenschutz")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_shipped_project(tmp_path_factory.mktemp("shipped") / "blog")
    project.run("build")
    return project.root / "site"


def parse(path: Path):
    return html.parse(str(path)).getroot()


def target(site: Path, href: str) -> Path:
    rel = href.removeprefix(BASE).removeprefix("/")
    return site / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def jsonld(doc) -> dict:
    (text,) = doc.xpath('//script[@type="application/ld+json"]/text()')
    return json.loads(text)


def test_every_page_of_every_language_links_the_legal_pages_in_its_own_language(site):
    """The root language chooser too, in the original's language (it was left without them). The law's German name
    a translated title keeps ("Legal notice (Impressum)") is marked German, in the link and the page's heading: a
    screen reader spoke it with English or French rules."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        doc = parse(path)
        lang = doc.get("lang")
        links = doc.xpath('//footer[@class="site-footer"]//nav[@class="legal"]//a')
        assert [a.get("href") for a in links] == [f"/{lang}/{slug}/" for slug in LEGAL], path
        for link in links:
            assert target(site, link.get("href")).is_file(), (path, link.get("href"))
            assert link.get("hreflang") is None  # every legal page is translated in the shipped project
            assert link.get("lang") is None
        quoted = [(span.get("lang"), span.text) for span in links[0].xpath("span")]
        assert quoted == ([] if lang == "de" else [("de", "Impressum")]), path
    for lang, title in (("en", "Legal notice (Impressum)"), ("fr", "Mentions légales (Impressum)")):
        (heading,) = parse(site / lang / "impressum/index.html").xpath("//h1")
        assert heading.text_content() == title and heading.xpath("span[@lang='de']/text()") == ["Impressum"]
    assert not parse(site / "de/impressum/index.html").xpath("//h1/*")


def test_pages_have_hreflang_clusters_and_sitemap_entries_but_no_list_or_feed_entries(site):
    sitemap = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for slug in LEGAL:
        for lang in LANGS:
            doc = parse(site / lang / slug / "index.html")
            cluster = {link.get("hreflang"): link.get("href")
                       for link in doc.xpath('//head/link[@rel="alternate"][not(@type)]')}
            assert cluster == {**{code: f"{BASE}{code}/{slug}/" for code in LANGS}, "x-default": BASE}
            (url,) = sitemap.xpath(f'//s:url[s:loc="{BASE}{lang}/{slug}/"]', namespaces=ns)
            assert len(url.xpath("x:link", namespaces=ns)) == 4
            index = parse(site / lang / "index.html")
            assert not index.xpath(f'//main//a[contains(@href, "/{slug}/")]'), (lang, slug)
            assert f"/{slug}/" not in (site / lang / "feed.xml").read_text(encoding="utf-8")
            assert not doc.xpath("//time") and not doc.xpath('//aside[@class="call-to-action"]')


def test_a_reviewed_article_is_a_medical_web_page_naming_reviewer_date_and_translator(site):
    for lang in LANGS:
        doc = parse(site / lang / "rueckenschmerzen-leber/index.html")
        data = jsonld(doc)
        assert data["@type"] == "MedicalWebPage" and data["inLanguage"] == lang
        assert data["author"] == {"@type": "Person", "name": "Anna Berger"}
        # The medical review was of the German text: a translation names it on its original.
        original = data if lang == "de" else data["translationOfWork"]
        assert original["reviewedBy"] == {"@type": "Person", "name": "Dr. med. Jana Vogt",
                                          "jobTitle": "Fachärztin für Allgemeinmedizin",
                                          "url": "https://example.org/jana-vogt"}
        assert original["lastReviewed"] == "2026-12-05"
        assert lang == "de" or ("reviewedBy" not in data and "lastReviewed" not in data)
        (reviewed,) = doc.xpath('//p[@class="reviewed"]')
        assert "Dr. med. Jana Vogt" in reviewed.text_content() and "2026" in reviewed.text_content()
        if lang == "de":
            assert "translator" not in data and "translationOfWork" not in data
            assert not doc.xpath('//p[@class="translator"]')
        else:
            assert data["translationOfWork"]["@id"] == f"{BASE}de/rueckenschmerzen-leber/"
            byline = doc.xpath('string(//p[@class="translator"])')
            if lang == "en":  # every sentence reviewed
                assert data["translator"] == {"@type": "Person", "name": "Tom Hughes"}
                assert byline == "Translated by Tom Hughes"
            else:  # partly reviewed: the reviewer answers for that part only
                assert "translator" not in data
                assert byline == "Traduction vérifiée en partie par Claire Dubois\u202f; le reste ne l’est pas encore"
            assert reviewed.xpath('.//span[@lang="de"]/text()') == ["Fachärztin für Allgemeinmedizin"]
    assert "Medical review of the original in German by" in parse(site / "en/rueckenschmerzen-leber/index.html").xpath(
        'string(//p[@class="reviewed"])')
    assert jsonld(parse(site / "en/zecken-im-garten/index.html"))["@type"] == "Article"  # no review recorded


def test_every_shipped_translation_with_reviewed_entries_names_who_answers_for_them(site):
    """The sample content is consistent: a published translated article with reviewed entries names its
    translator (its catalog's Last-Translator), all of it or the part they checked, in the page's language."""
    from pipeline.status import collect_status

    rows, _ = collect_status(load_config(site.parent))
    reviewed = sorted((r.lang, r.slug) for r in rows if r.slug and r.segments.get("reviewed") and not r.legal)
    assert len(reviewed) == 6  # every article (not a legal page) in English and French
    for lang, slug in reviewed:
        byline = parse(site / lang / slug / "index.html").xpath('string(//p[@class="translator"])')
        name = {"en": "Tom Hughes", "fr": "Claire Dubois"}[lang]
        assert name in byline, (lang, slug, byline)


def test_disclaimer_and_call_to_action_are_in_the_readers_language(site):
    words = {"de": ("ersetzt keinen Besuch", "Termin vereinbaren"),
             "en": ("does not replace a visit", "Book an appointment"),
             "fr": ("ne remplace pas une consultation", "Prendre rendez-vous")}
    for lang, (disclaimer, book) in words.items():
        for path in site.glob(f"{lang}/*/index.html"):
            doc = parse(path)
            if path.parent.name in LEGAL:
                assert not doc.xpath('//aside[@class="disclaimer"]')
                continue
            (aside,) = doc.xpath('//aside[@class="disclaimer"]/p')
            assert disclaimer in aside.text and aside.get("lang") is None
            (cta,) = doc.xpath('//aside[@class="call-to-action"]')
            assert cta.xpath(".//a/text()")[0] == book
            assert cta.xpath(".//a/@href") == ["https://praxis-berger.example/termin", "tel:+49301234567",
                                              "mailto:praxis@example.org"]


@pytest.mark.parametrize("left_out", ["email", "phone", "link"])
def test_a_call_to_action_without_one_way_of_contact_lists_the_others(tmp_path, left_out):
    project = copy_shipped_project(tmp_path / "blog")
    project.write("verlag.toml", "\n".join(line for line in project.read("verlag.toml").splitlines()
                                           if not line.startswith(f"{left_out} =")) + "\n")
    project.run("build")
    (cta,) = parse(project.root / "site/en/zecken-im-garten/index.html").xpath('//aside[@class="call-to-action"]')
    hrefs = cta.xpath(".//a/@href")
    assert len(hrefs) == 2 and not any(h.startswith({"email": "mailto:", "phone": "tel:",
                                                       "link": "https:"}[left_out]) for h in hrefs)


@pytest.mark.parametrize("phone, problem", [
    ("javascript:alert(1)", "is no telephone number a tel: link can hold"),
    ("Praxis Berger", "is no telephone number a tel: link can hold"),
    ("+49 30/1234567", "is no telephone number a tel: link can hold"),
    ("030 1234567", "has no country code: a tel: link's number starts with + and the country code (49 for Germany)"),
    ("+49 30 1234567;ext=zwei", "has an ;ext= that is no extension's digits"),
    ("", None),
])
def test_a_phone_number_no_tel_link_can_hold_is_refused_at_its_line(tmp_path, phone: str, problem: str | None):
    """Trust round D: [site.call_to_action] phone went into the tel: link unchecked (tel:javascript:alert(1),
    letters, a German "030/…"). A value RFC 3966 does not allow in a tel: URI is an error at its line of
    verlag.toml (exit 2), the site not built; an empty one was refused already."""
    project = copy_shipped_project(tmp_path / "blog")
    toml = project.read("verlag.toml")
    project.write("verlag.toml", toml.replace('phone = "+49 30 1234567"', f"phone = {phone!r}"))
    line = toml[:toml.index("phone =")].count("\n") + 1
    checked = project.run("check", code=2).output
    at = f"error: {project.root / 'verlag.toml'}:{line}: phone: "
    said = at + (f"{phone!r} {problem} (RFC 3966); write it as \"+49 30 1234567\"" if problem else "expected text")
    assert said in checked, checked
    built = project.run("build", code=2).output
    assert said in built and "site/ not built" in built, built
    assert not list((project.root / "site").rglob("*.html"))


@pytest.mark.parametrize("phone, href", [("+49 (0)30 123-4567", "tel:+49(0)30123-4567"),
                                         ("+1.202.555.0100;ext=12", "tel:+1.202.555.0100;ext=12"),
                                         ("7042;phone-context=example.com", "tel:7042;phone-context=example.com")])
def test_a_phone_number_rfc_3966_allows_is_the_tel_link(tmp_path, phone: str, href: str):
    project = copy_shipped_project(tmp_path / "blog")
    project.write("verlag.toml", project.read("verlag.toml").replace('phone = "+49 30 1234567"', f"phone = {phone!r}"))
    project.run("build")
    (cta,) = parse(project.root / "site/de/zecken-im-garten/index.html").xpath('//aside[@class="call-to-action"]')
    assert href in cta.xpath(".//a/@href")


def _legal_project(project: Project, untranslated: bool) -> None:
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nlegal = ["impressum"]\n')
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz über Tee."))
    project.write("source_de/seiten/impressum.md",
                  "---\ntitle: Impressum\n" + ("translate: false\n" if untranslated else "") +
                  "---\nPraxis Muster, Hauptstraße 1, 12345 Musterstadt.\n")


def test_a_german_only_legal_page_is_linked_from_every_edition_with_hreflang_de(project):
    _legal_project(project, untranslated=True)
    project.run("extract")
    assert not (project.root / "translations/en/impressum.po").exists()
    review(project, "en", "artikel", {("title", "Ein Artikel"): "An article", "Ein Satz über Tee.": "A sentence."})
    msgfmt_check(project.root / "translations/en/artikel.po")
    project.run("build")
    site = project.root / "site"
    assert (site / "de/impressum/index.html").is_file() and not (site / "en/impressum").exists()
    for path in (site / "en/artikel/index.html", site / "en/index.html", site / "de/artikel/index.html"):
        (link,) = parse(path).xpath('//nav[@class="legal"]//a')
        assert link.get("href") == "/de/impressum/" and link.text == "Impressum"
        assert (link.get("hreflang"), link.get("lang")) == (("de", "de") if "/en/" in str(path) else (None, None))
    assert not parse(site / "en/artikel/index.html").xpath('//aside[@class="call-to-action"]')  # not configured


def test_translating_a_german_only_page_later_publishes_it(project):
    _legal_project(project, untranslated=True)
    project.run("build")
    page = project.root / "source_de/seiten/impressum.md"
    page.write_text(page.read_text(encoding="utf-8").replace("translate: false\n", ""), encoding="utf-8")
    project.run("extract")
    review(project, "en", "impressum", {("title", "Impressum"): "Legal notice",  # an address keeps its numbers
                                        "Praxis Muster, Hauptstraße 1, 12345 Musterstadt.":
                                            "Praxis Muster, Hauptstrasse 1, 12345 Musterstadt, Germany."})
    review(project, "en", "artikel", {("title", "Ein Artikel"): "An article", "Ein Satz über Tee.": "A sentence."})
    project.run("build")
    (link,) = parse(project.root / "site/en/index.html").xpath('//nav[@class="legal"]//a')
    assert (link.get("href"), link.text, link.get("hreflang")) == ("/en/impressum/", "Legal notice", None)
    review(project, "en", "impressum", {("title", "Impressum"): ""})
    project.run("build")
    (link,) = parse(project.root / "site/en/index.html").xpath('//nav[@class="legal"]//a')
    assert (link.get("href"), link.text, link.get("lang")) == ("/en/impressum/", "Impressum", "de")  # not yet


def test_a_legal_page_never_publishes_machine_text_even_when_unreviewed_is_machine(project):
    """An unchecked translation of an Impressum is no legal text: the page shows reviewed sentences only, the
    rest in German (lang="de"); with none reviewed the footer links the German page. Articles still publish
    their drafts; build, check and status say why the legal page does not."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nunreviewed = "machine"\n')
    _legal_project(project, untranslated=False)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    built = project.run("build").output
    site = project.root / "site"
    assert (site / "en/artikel/index.html").is_file() and not (site / "en/impressum").exists()
    assert "en: legal pages show only reviewed translations ([site] legal), none yet: the footer links the " \
           "German original: impressum" in built
    (link,) = parse(site / "en/artikel/index.html").xpath('//nav[@class="legal"]//a')
    assert (link.get("href"), link.get("hreflang")) == ("/de/impressum/", "de")
    checked = project.run("check").output
    assert "warning: translations/en/impressum.po:1: legal page: its 2 unreviewed translations are shown in " \
           "German, whatever [publish] unreviewed says" in checked and "artikel.po:1: legal" not in checked
    rows = {(r["lang"], r["slug"]): r for r in json.loads(project.run("status", "--format", "json").output)["articles"]}
    assert rows["en", "impressum"]["legal"] and not rows["en", "artikel"]["legal"]
    assert rows["en", "impressum"]["warnings"] == 1
    assert "impressum (legal, not published)" in project.run("status").output

    review(project, "en", "impressum", {"Praxis Muster, Hauptstraße 1, 12345 Musterstadt.":
                                        "Praxis Muster, Hauptstrasse 1, 12345 Musterstadt, Germany."})
    msgfmt_check(project.root / "translations/en/impressum.po")
    project.run("build")
    page = parse(site / "en/impressum/index.html")
    (title,) = page.xpath("//h1")
    assert (title.text, title.get("lang")) == ("Impressum", "de")  # its machine draft stays unpublished
    assert page.xpath('//div[@class="article-body"]//p/text()') == [
        "Praxis Muster, Hauptstrasse 1, 12345 Musterstadt, Germany."]
    assert parse(site / "en/artikel/index.html").xpath("//h1/text()") != ["Ein Artikel"]  # its draft is shown


def test_a_legal_slug_without_a_page_is_a_settings_error_naming_the_line(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nlegal = ["impressum"]\n')
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz."))
    result = project.run("build", code=2)
    assert "error: " in result.output and "verlag.toml:6: legal: no page impressum in source_de/seiten/" \
        in result.output


def test_legal_pages_no_setting_links_are_a_warning_of_every_build_until_legal_names_them(project):
    """Trial 24: with the legal line deleted from verlag.toml, no footer linked the Impressum and privacy notice
    that source_de/seiten/ held, and the build said nothing: a German practice's site went out without them."""
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz."))
    for slug in ("impressum", "datenschutz"):
        project.write(f"source_de/seiten/{slug}.md", article(slug.title(), "Praxis Muster, Musterweg 1, Musterstadt."))
    warning = ('warning: verlag.toml:3: [site] legal names no page, so no page of the site links '
               'source_de/seiten/datenschutz.md, source_de/seiten/impressum.md: a German practice\'s site links its '
               'Impressum and privacy notice from every page (§ 5 DDG, Art. 13 GDPR); write legal = ["datenschutz", '
               '"impressum"] under [site] (the footer\'s order)')
    for _ in range(2):
        assert warning in project.run("build").output
    assert "Impressum" not in project.read("site/de/artikel/index.html")
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nlegal = ["impressum", "datenschutz"]\n')
    result = project.run("build")
    assert "legal names no page" not in result.output
    assert "/de/impressum/" in project.read("site/de/artikel/index.html")


def test_a_legal_page_with_inits_placeholders_is_an_error_and_never_published(tmp_path):
    """§ 5 DDG / Art. 13 GDPR: an Impressum reading "[[AUSFÜLLEN: Telefonnummer]]" is no Impressum. check and build
    say so at the placeholder's line; build leaves the page out (no footer link to it), builds the rest, exit 2."""
    project = Project(tmp_path / "praxis")
    said = project.run("init", "--languages", "en").output
    pages = project.root / "source_de/seiten"
    assert (f"still to fill in: the [[AUSFÜLLEN: …]] placeholders of {pages}/impressum.md and {pages}/datenschutz.md "
            "(Impressum and privacy notice); build leaves those pages out until they are filled in") in said
    adopt_example(project)
    for slug in LEGAL:
        assert "[[AUSFÜLLEN:" in project.read(f"source_de/seiten/{slug}.md")
    project.run("extract")
    checked = project.run("check", code=1).output
    assert ("error: source_de/seiten/impressum.md:13: placeholder [[AUSFÜLLEN: Telefonnummer]] still there: the "
            "page is not published until it is filled in (a legal notice with gaps is none: § 5 DDG, Art. 13 GDPR) "
            "[unfilled]") in checked
    assert checked.count("[unfilled]") == 8  # 6 in the Impressum, 2 in the privacy notice
    built = project.run("build", code=2).output
    assert "error: source_de/seiten/impressum.md:7: placeholder [[AUSFÜLLEN: Name der Praxis]] still there" in built
    assert "error: source_de/seiten/datenschutz.md:11: placeholder [[AUSFÜLLEN: Server-Protokolle" in built
    assert "Traceback" not in built
    site = project.root / "site"
    assert (site / "de/willkommen/index.html").is_file(), "the other pages are built"
    for slug in LEGAL:
        assert not (site / "de" / slug).exists() and not (site / "en" / slug).exists()
    assert not parse(site / "de/willkommen/index.html").xpath('//nav[@class="legal"]//a')
    assert "/impressum/" not in (site / "sitemap.xml").read_text(encoding="utf-8")

    page = project.root / "source_de/seiten/datenschutz.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[[AUSFÜLLEN:", "(").replace("]]", ")"),
                    encoding="utf-8")
    built = project.run("build", code=2).output
    assert "datenschutz.md" not in built.split("build: ")[-1] and "impressum.md" in built.split("build: ")[-1]
    links = parse(site / "de/willkommen/index.html").xpath('//nav[@class="legal"]//a')
    assert [a.get("href") for a in links] == ["/de/datenschutz/"]

    fill_in_legal_pages(project.root)
    result = project.run("build")
    assert "placeholder" not in result.output and "error" not in result.output
    links = parse(site / "de/index.html").xpath('//nav[@class="legal"]//a')
    assert [a.get("href") for a in links] == ["/de/impressum/", "/de/datenschutz/"]
    assert "[unfilled]" not in project.run("check").output

    page.write_text(page.read_text(encoding="utf-8") + "\n[[AUSFÜLLEN: Hosting-Anbieter]]\n", encoding="utf-8")
    built = project.run("build", code=2).output
    assert not (site / "de/datenschutz").exists(), "a published page that gets a placeholder again is taken down"
    # the summary says what happened to it: taken off, not "left as it was"
    assert built.splitlines()[-1] == ("build: everything else done; no editions written and not published until their "
                                      "placeholders are filled in: source_de/seiten/datenschutz.md")
    give_base_url(project.root)
    published = project.run("publish", code=2).output
    assert "; pages with placeholders left to fill in are not published: source_de/seiten/datenschutz.md" in published
    placeholder = [line for line in published.splitlines()  # named once, as check does
                   if "Hosting-Anbieter" in line and line.startswith(("error", "warning"))]
    assert len(placeholder) == 1 and placeholder[0].startswith("error: source_de/seiten/datenschutz.md:")
    assert placeholder[0].endswith(" [unfilled]"), placeholder
    assert "segments with errors are published in German" not in published


def test_a_legal_page_with_placeholders_has_no_translated_edition_as_it_has_no_page(tmp_path):
    """editions/ and site/ agree: a legal page still holding init's placeholders is not published in any language,
    so no editions/<lang>/ file of it is written either (an Impressum edition with gaps would be taken for one to
    publish elsewhere); one written before is removed, and the build summary says so."""
    project = Project(tmp_path / "praxis")
    project.run("init", "--languages", "en")
    adopt_example(project)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    built = project.run("build", code=2).output
    editions = project.root / "editions/en"
    assert (editions / "willkommen.md").is_file()
    for slug in LEGAL:
        assert not (editions / f"{slug}.md").exists() and not (editions / f"{slug}.json").exists(), built
    assert built.splitlines()[-1] == ("build: everything else done; no editions written and not published until their "
                                      "placeholders are filled in: source_de/seiten/datenschutz.md, "
                                      "source_de/seiten/impressum.md")

    fill_in_legal_pages(project.root)
    project.run("build")
    assert all((editions / f"{slug}.md").is_file() for slug in LEGAL)
    page = project.root / "source_de/seiten/datenschutz.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[[AUSFÜLLEN: Hosting-Anbieter]]\n", encoding="utf-8")
    built = project.run("build", code=2).output
    assert "removed editions/en/datenschutz.md" in built
    assert not (editions / "datenschutz.md").exists() and (editions / "impressum.md").is_file()
    assert not (project.root / "site/en/datenschutz").exists()


def test_status_marks_a_page_with_placeholders_as_unfilled_not_as_qa_ok(tmp_path):
    """The status table's QA column counts the catalogs' findings; a legal page still holding init's placeholders,
    which check calls errors and no build publishes, is named as such in its row and in --format json."""
    project = Project(tmp_path / "praxis")
    project.run("init", "--languages", "en")
    adopt_example(project)
    project.run("extract")
    table = project.run("status").output.splitlines()
    rows = {line.split()[1]: line for line in table if line.startswith("en ")}
    assert "impressum (legal, unfilled) " in rows["impressum"] and "unfilled" not in rows["willkommen"]
    assert any(line.startswith("unfilled = the German page still holds init's [[AUSFÜLLEN: …]] placeholders")
               for line in table)
    data = json.loads(project.run("status", "--format", "json").output)["articles"]
    assert {r["slug"]: r["unfilled"] for r in data} == {"impressum": True, "datenschutz": True, "willkommen": False}
    fill_in_legal_pages(project.root)
    assert "unfilled" not in project.run("status").output


def test_check_s_summary_counts_places_in_the_german_sources_apart_from_catalog_entries(tmp_path):
    """init's placeholders are findings in the German pages, not in catalog entries: the summary says so."""
    project = Project(tmp_path / "praxis")
    project.run("init", "--languages", "en")
    give_base_url(project.root)
    adopt_example(project)
    project.run("extract")
    assert project.run("check", code=1).output.splitlines()[-1] == \
        "check: 8 errors, 0 warnings in 8 places in the German sources"
    project.write("source_de/leber.md", article("Leber", "Die Leber braucht 2 Stunden.\n"))
    project.run("extract")
    review(project, "en", "leber", {"Die Leber braucht 2 Stunden.": "The liver needs 3 hours."})
    assert project.run("check", code=1).output.splitlines()[-1] == \
        "check: 9 errors, 1 warning in 2 entries and 8 places in the German sources"  # and the untranslated title


def legal_export(tmp_path: Path, slug: str = "impressum", title: str = "Impressum") -> Path:
    """A WordPress export (WXR 1.2) holding the old blog's legal page (by default its Impressum, slug impressum;
    verlag names an imported page by its ``title``)."""
    export = tmp_path / "export.xml"
    export.write_text((
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        'content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
        "<channel><title>Praxis Sommer</title><link>https://praxis-sommer.example</link>\n<item>\n"
        "<title><![CDATA[Impressum]]></title><link>https://praxis-sommer.example/impressum/</link>\n"
        "<dc:creator><![CDATA[ksommer]]></dc:creator>\n<content:encoded><![CDATA[Katrin Sommer, Heilpraktikerin, "
        "Lindenweg 3, 12345 Musterstadt.]]></content:encoded>\n<wp:post_id>5</wp:post_id>\n"
        "<wp:post_date><![CDATA[2021-01-01 10:00:00]]></wp:post_date>\n<wp:post_name><![CDATA[impressum]]>"
        "</wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n<wp:post_type><![CDATA[page]]></wp:post_type>"
        "\n</item>\n</channel>\n</rss>\n").replace("impressum", slug).replace("Impressum", title), encoding="utf-8")
    return export


def test_a_wordpress_impressum_replaces_inits_untouched_template_instead_of_landing_beside_it(tmp_path):
    project = Project(tmp_path / "praxis")
    project.run("init")
    out = project.run("import", str(legal_export(tmp_path))).output
    assert "wrote source_de/seiten/impressum.md (from " in out
    assert "import: 1 page written as a draft ('draft: true'); check it, delete that line to publish it" in out
    assert "  replaced the template 'verlag init' wrote there (untouched: only [[AUSFÜLLEN: …]] placeholders)" in out
    assert sorted(p.name for p in (project.root / "source_de/seiten").iterdir()) == ["datenschutz.md", "impressum.md"]
    text = project.read("source_de/seiten/impressum.md")
    assert "Lindenweg 3" in text and "AUSFÜLLEN" not in text and "- https://praxis-sommer.example/impressum/" in text
    assert "skipped" in project.run("import", str(legal_export(tmp_path))).output, "imported once"
    built = project.run("build", code=2).output  # the privacy notice is still the template; the Impressum a draft
    assert "impressum.md" not in built.split("build: ")[-1] and "drafts, not published (draft: true): impressum" in built


@pytest.mark.parametrize("slug, legal, title", [
    ("datenschutzerklaerung", "datenschutz", "Datenschutzerklärung"),
    ("datenschutz-erklaerung", "datenschutz", "Datenschutz-Erklärung"),
    ("privacy-policy", "datenschutz", "Privacy Policy"),
    ("imprint", "impressum", "Imprint"),
    ("anbieterkennzeichnung", "impressum", "Anbieterkennzeichnung"),
])
def test_a_wordpress_legal_page_under_another_common_slug_replaces_inits_untouched_template(tmp_path, slug, legal,
                                                                                           title):
    """WordPress names its privacy page ``privacy-policy`` (German: ``datenschutzerklaerung``): imported into a
    fresh project it takes the place and slug of init's template (the footer links it), not a file beside the
    template that stays a build error; its old address redirects there."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    out = project.run("import", str(legal_export(tmp_path, slug, title))).output
    assert f"wrote source_de/seiten/{legal}.md (from " in out
    assert "  replaced the template 'verlag init' wrote there (untouched: only [[AUSFÜLLEN: …]] placeholders)" in out
    assert sorted(p.name for p in (project.root / "source_de/seiten").iterdir()) == ["datenschutz.md", "impressum.md"]
    text = project.read(f"source_de/seiten/{legal}.md")
    assert "Lindenweg 3" in text and "AUSFÜLLEN" not in text and f"- https://praxis-sommer.example/{slug}/" in text
    assert "skipped" in project.run("import", str(legal_export(tmp_path, slug, title))).output, "imported once"
    fill_in_legal_pages(project.root)
    project.write(f"source_de/seiten/{legal}.md", text.replace("draft: true\n", ""))
    assert "error" not in project.run("build").output
    site = project.root / "site"
    links = parse(site / "de/index.html").xpath('//nav[@class="legal"]//a/@href')
    assert links == ["/de/impressum/", "/de/datenschutz/"]
    assert "Lindenweg 3" in (site / f"de/{legal}/index.html").read_text(encoding="utf-8")
    assert f"/{slug}/  /de/{legal}/  301" in (site / "_redirects").read_text(encoding="utf-8")
    assert not (site / f"de/{slug}").exists()


@pytest.mark.parametrize("slug, title, written", [("impressum", "Impressum", "impressum-2"),
                                                   ("imprint", "Imprint", "imprint")])
def test_an_impressum_the_author_began_to_fill_in_is_kept_and_named(tmp_path, slug, title, written):
    project = Project(tmp_path / "praxis")
    project.run("init")
    begun = project.read("source_de/seiten/impressum.md").replace("[[AUSFÜLLEN: Telefonnummer]]", "030 1234567")
    project.write("source_de/seiten/impressum.md", begun)
    out = project.run("import", str(legal_export(tmp_path, slug, title))).output
    assert project.read("source_de/seiten/impressum.md") == begun
    assert f"wrote source_de/seiten/{written}.md" in out
    assert ("  source_de/seiten/impressum.md, which keeps the slug, still holds [[AUSFÜLLEN: …]] placeholders (build "
            "leaves it out): fill them in from this page, then delete this one") in out


@pytest.mark.parametrize("front, message, line", [
    ("reviewed_by: [a, b]", "reviewed_by: expected a name, or 'name:', 'qualification:' and 'url:' lines", 3),
    # trial 40 #4: a wrong url was named at the 'reviewed_by:' line above it; it is named at its own
    ("reviewed_by:\n  name: Dr. Vogt\n  url: example.org", "reviewed_by: url: expected an absolute http(s) URL", 5),
    ("reviewed_by:\n  # Fachärztin\n  qualification: Ärztin\n\n  name: Dr. Vogt\n  url: \"javascript:alert(1)\"",
     "reviewed_by: url: expected an absolute http(s) URL", 8),
    ("reviewed_by: {name: Dr. Vogt, url: example.org}", "reviewed_by: url: expected an absolute http(s) URL", 3),
    # trial 24: taken as it was, a quote and spaces in the page's link
    ("reviewed_by:\n  name: Dr. Vogt\n  url: 'https://example.org/\" onmouseover=\"x'",
     "reviewed_by: url: expected an absolute http(s) URL (a space is %20)", 5),
    ("last_reviewed: gestern", "last_reviewed: expected a date like 2026-05-26 (got gestern)", 3),
    ("translate: vielleicht", "translate: expected true or false", 3),
])
def test_bad_review_metadata_is_one_line_naming_file_and_line(project, front, message, line):
    project.write("source_de/artikel.md", "---\ntitle: Ein Artikel\n" + front + "\n---\nEin Satz.\n")
    result = project.run("extract", code=2)
    assert f"error: source_de/artikel.md:{line}: {message}" in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("tag, expected", [
    ("zh-Hant", "zh_TW"),  # trial 24: zh_CN (mainland, Simplified) on a Traditional Chinese page
    ("zh-Hans", "zh_CN"), ("zh", "zh_CN"), ("sr-Latn", "sr_RS"), ("pt-BR", "pt_BR"), ("en", "en_US"), ("nb", "nb_NO"),
])
def test_og_locale_takes_cldr_s_likely_territory_of_the_tag_s_script(tag, expected):
    from pipeline.social import og_locale

    assert og_locale(tag) == expected


def test_open_graph_tags_are_absolute_and_in_each_pages_language(site):
    locales = {"de": "de_DE", "en": "en_US", "fr": "fr_FR"}
    for lang in LANGS:
        for path in [site / lang / "index.html", *site.glob(f"{lang}/*/index.html")]:
            doc = parse(path)
            og = {}
            for meta in doc.xpath("//head/meta[@property]"):
                og.setdefault(meta.get("property"), []).append(meta.get("content"))
            assert og["og:locale"] == [locales[lang]], path
            assert sorted(og["og:locale:alternate"]) == sorted(v for k, v in locales.items() if k != lang)
            (url,) = og["og:url"]
            assert url == doc.xpath('string(//link[@rel="canonical"]/@href)') and url.startswith(BASE)
            index = path.parent.name == lang
            assert og["og:title"] == ["Naturheilpraxis Berger" if index else doc.xpath("string(//h1)")]
            assert og["og:type"] == ["website" if index else "article"]
            assert doc.xpath('//meta[@name="twitter:card"]/@content')
    en = parse(site / "en/zecken-im-garten/index.html")
    assert en.xpath('//meta[@property="og:image"]/@content') == [f"{BASE}media/bilder/zecke.en.svg"]  # its variant
    (alt,) = en.xpath('//meta[@property="og:image:alt"]/@content')
    assert alt == en.xpath('string(//main//img/@alt)') and "tick" in alt
    de = parse(site / "de/zecken-im-garten/index.html")
    assert "Zecke" in de.xpath('string(//meta[@property="og:image:alt"]/@content)')
    assert target(site, en.xpath('string(//meta[@property="og:image"]/@content)')).is_file()


def test_pages_without_an_image_show_the_configured_default_with_its_translated_alt_text(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nimage = "bilder/praxis.png"\n'
                  '[site.image_alt]\nde = "Das Wartezimmer"\nen = "The waiting room"\n')
    project.write("source_de/bilder/praxis.png", "not really a PNG, copied byte for byte")
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz über Tee."))
    project.run("extract")
    review(project, "en", "artikel", {("title", "Ein Artikel"): "An article", "Ein Satz über Tee.": "A sentence."})
    project.run("build")
    site = project.root / "site"
    for lang, alt in (("de", "Das Wartezimmer"), ("en", "The waiting room")):
        for path in (site / lang / "index.html", site / lang / "artikel/index.html"):
            doc = parse(path)
            assert doc.xpath('//meta[@property="og:image"]/@content') == ["http://localhost:8000/media/bilder/praxis.png"]
            assert doc.xpath('//meta[@property="og:image:alt"]/@content') == [alt]
    assert (site / "media/bilder/praxis.png").read_bytes() == b"not really a PNG, copied byte for byte"
    project.write("verlag.toml", project.read("verlag.toml").replace("bilder/praxis.png", "../geheim.png"))
    result = project.run("build", code=2)
    assert "verlag.toml:6: image: expected the path of an image file in source_de/" in result.output
    project.write("verlag.toml", project.read("verlag.toml").replace("../geheim.png", "bilder/wartezimmer.png"))
    result = project.run("check", code=2)
    assert ("verlag.toml:6: image: source_de/bilder/wartezimmer.png does not exist: save the image there, or "
            "correct the path (it is relative to source_de/)") in result.output


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><rect width="9" height="9"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
], ids=["event-handler", "script"])
def test_a_social_preview_image_that_is_an_svg_running_a_script_is_refused_at_its_setting(project, svg):
    """An article's SVG that runs a script is not published (media.running_svg); [site] image, copied to the site's
    media/ beside them, skipped that guard: site/media/bilder/logo.svg was published, and a reader sent to its
    address ran the script as the site's own page."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nimage = "bilder/logo.svg"\n')
    (project.root / "source_de/bilder").mkdir(parents=True)
    (project.root / "source_de/bilder/logo.svg").write_bytes(svg)
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz über Tee."))
    project.run("extract")
    for command in ("check", "build"):
        result = project.run(command, code=2)
        assert ("verlag.toml:6: image: source_de/bilder/logo.svg: an SVG that runs a script when its address "
                "is opened") in result.output, command
        assert "Traceback" not in result.output
    assert not (project.root / "site").exists()
    (project.root / "source_de/bilder/logo.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    project.run("build")
    assert (project.root / "site/media/bilder/logo.svg").read_bytes() == b'<svg xmlns="http://www.w3.org/2000/svg"/>'


def test_a_social_preview_image_over_the_media_limit_is_refused_at_its_setting(project):
    """A file an article links over ``limits.MEDIA`` is refused; [site] image was copied whatever its size."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nimage = "bilder/praxis.png"\n')
    (project.root / "source_de/bilder").mkdir(parents=True)
    with open(project.root / "source_de/bilder/praxis.png", "wb") as file:
        file.truncate(100 * 1024 * 1024 + 1)  # sparse: one byte over limits.MEDIA
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz über Tee."))
    result = project.run("build", code=2)
    assert ("verlag.toml:6: image: source_de/bilder/praxis.png: 100.0 MB is more than verlag reads of a file an "
            "article shows or links") in result.output
    assert not (project.root / "site").exists()


def test_a_translations_og_image_alt_is_its_own_translated_alt_or_left_out_never_german(project):
    """og:image:alt of a translation was the German image's alt whenever the image's passage was shown in German
    (not translated yet), under an English og:locale; and the site's default image took the German
    [site.image_alt] for a language without its own. A translated alt is given; a German one is left out."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nmin_translated = 0\n'
                  '[site]\nimage = "bilder/praxis.png"\n[site.image_alt]\nde = "Das Wartezimmer"\n'
                  'en = "The waiting room"\n')
    project.write("source_de/bilder/praxis.png", "not really a PNG")
    project.write("source_de/bilder/leber.png", "not really a PNG either")
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n\n"
                                                "![Eine gesunde Leber](bilder/leber.png)\n"))
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Die Leber arbeitet nachts.": "The liver works "
                                    "at night.", "![Eine gesunde Leber](bilder/leber.png)":
                                    "![A healthy liver](bilder/leber.png)"})
    review(project, "fr", "leber", {("title", "Leber"): "Foie", "Die Leber arbeitet nachts.": "Le foie travaille "
                                    "la nuit."})
    for lang in ("en", "fr"):
        review(project, lang, "tee", {"Tee wärmt.": "Tea warms." if lang == "en" else "Le thé réchauffe."})
    project.run("build")
    site = project.root / "site"

    def alt(rel: str) -> list[str]:
        doc = parse(site / rel)
        assert doc.xpath('//meta[@property="og:image"]/@content'), rel
        return doc.xpath('//meta[@property="og:image:alt"]/@content')

    assert alt("de/leber/index.html") == ["Eine gesunde Leber"]
    assert alt("en/leber/index.html") == ["A healthy liver"]
    assert alt("fr/leber/index.html") == []  # its image's passage is shown in German
    assert parse(site / "fr/leber/index.html").xpath('//main//img/@alt') == ["Eine gesunde Leber"]
    assert alt("en/tee/index.html") == ["The waiting room"] and alt("de/tee/index.html") == ["Das Wartezimmer"]
    assert alt("fr/tee/index.html") == []  # [site.image_alt] has no French text


def test_a_disclaimer_given_as_one_text_instead_of_a_table_is_a_settings_error(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\ndisclaimer = "Kein Ersatz für den Arzt."\n')
    project.write("source_de/artikel.md", article("Ein Artikel", "Ein Satz."))
    result = project.run("build", code=2)
    assert "verlag.toml:6: disclaimer: expected a table such as [site.disclaimer]" in result.output


@pytest.mark.parametrize("reviewer, shown", [
    ("Dr. med. Jana Vogt", "Dr. med. Jana Vogt"),
    ("\n  name: Dr. med. Jana Vogt\n  url: https://example.org/vogt", "Dr. med. Jana Vogt"),
    ("\n  name: Dr. med. Jana Vogt\n  qualification: Ärztin", "Dr. med. Jana Vogt, Ärztin"),
])
def test_a_reviewer_given_by_name_alone_or_without_url_or_qualification_is_shown(project, reviewer, shown):
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n", reviewed_by=reviewer,
                                               last_reviewed="2026-04-10"))
    project.run("extract")
    project.run("build")
    doc = parse(project.root / "site/de/milz/index.html")
    assert " ".join(doc.xpath('string(//p[@class="reviewed"])').split()).startswith(f"Medizinisch geprüft von {shown}")
    assert jsonld(doc)["reviewedBy"]["name"] == "Dr. med. Jana Vogt"


def test_contact_labels_are_punctuated_as_each_language_writes_them(site):
    """Label and value are one message: French puts a narrow no-break space before the colon."""
    labels = {"de": ("Telefon: ", "E-Mail: "), "en": ("Phone: ", "E-mail: "),
              "fr": ("Téléphone\u202f: ", "Courriel\u202f: ")}
    for lang, (phone, email) in labels.items():
        (cta,) = parse(site / f"{lang}/zecken-im-garten/index.html").xpath('//aside[@class="call-to-action"]')
        items = [li.text_content() for li in cta.xpath(".//li")]
        assert any(item.startswith(phone) for item in items) and any(item.startswith(email) for item in items), items
        assert [a.get("href")[:4] for a in cta.xpath(".//li/a")][-2:] == ["tel:", "mail"]


def test_inits_legal_pages_carry_their_day_so_a_fresh_clone_builds_the_same_site(tmp_path):
    """Init's Impressum and privacy notice state the day init wrote them: without it their day was their file's, which a
    checkout sets to the day of the clone, so a CI deploy changed both pages and the sitemap on every run. The pages
    still count as untouched templates (an imported Impressum replaces them) whatever day init ran."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    for slug in ("impressum", "datenschutz"):
        path = project.root / f"source_de/seiten/{slug}.md"
        assert path.read_text(encoding="utf-8").split("\n")[2] == f"date: {dt.date.today().isoformat()}"
        path.write_text(path.read_text(encoding="utf-8").replace(dt.date.today().isoformat(), "2024-02-29"),
                        encoding="utf-8")
        os.utime(path, (0, 0))  # a clone made on another day: the file's day is not the page's
    assert "replaced the template 'verlag init' wrote there" in project.run("import", str(legal_export(tmp_path))).output
    page = project.root / "source_de/seiten/datenschutz.md"
    assert read_article(page, "datenschutz.md", page=True).meta["date"] == dt.date(2024, 2, 29)


def test_one_en_disclaimer_serves_en_us_and_en_gb_and_a_siblings_text_is_said_not_lent(project):
    """Fresh-user trial 24: with languages en-US and en-GB and [site.disclaimer] written for en-US only, the en-GB
    pages showed the German health disclaimer, and an ``en`` line serving both was refused. Per-language texts are
    looked up as BCP 47 lookup does (en-GB, then en): the ``en`` disclaimer is en-GB's, in the page's language
    (no lang attribute), and a value for en-GB itself wins over it. A sibling's text (en-US's call to action) is
    not lent to en-GB, which shows the German; the build says so once, with the line to write."""
    project.write("verlag.toml", 'name = "Praxis"\nlanguages = ["en-US", "en-GB"]\n\n[publish]\nmin_translated = 0\n\n'
                  '[site]\nbase_url = "https://example.org/"\n\n[site.disclaimer]\n'
                  'de = "Kein Ersatz für den Arztbesuch."\nen = "No substitute for seeing a doctor."\n'
                  'en-US = "No substitute for seeing a physician."\n\n'
                  '[site.call_to_action]\nde = "Termin gefällig?"\nen-US = "Make an appointment?"\n'
                  'link = "https://example.org/termin"\n\n[site.translator]\nen = "Mark Lewis"\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    for lang in ("en-US", "en-GB"):
        review(project, lang, "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    result = project.run("build")
    site = project.root / "site"

    def asides(lang: str) -> tuple[tuple[str, str | None], tuple[str, str | None]]:
        doc = parse(site / lang / "tee/index.html")
        assert doc.get("lang") == lang
        (disclaimer,) = doc.xpath('//aside[@class="disclaimer"]/p')
        (cta,) = doc.xpath('//aside[@class="call-to-action"]//*[@lang] | //aside[@class="call-to-action"]/p')
        return ((disclaimer.text_content().strip(), disclaimer.get("lang")),
                (cta.text_content().strip(), cta.get("lang")))

    assert asides("en-GB")[0] == ("No substitute for seeing a doctor.", None)
    assert asides("en-US")[0] == ("No substitute for seeing a physician.", None)
    assert asides("en-US")[1] == ("Make an appointment?", None)
    assert asides("en-GB")[1] == ("Termin gefällig?", "de")
    for lang in ("en-US", "en-GB"):  # the en translator answers for both
        bylines = parse(site / lang / "tee/index.html").xpath('//p[@class="translator"]')
        assert [p.text_content().strip() for p in bylines] == ["Translated by Mark Lewis"], lang
    line = project.read("verlag.toml").splitlines().index('en-US = "Make an appointment?"') + 1
    said = [line for line in result.output.splitlines() if "call_to_action" in line and "en-GB" in line]
    assert said == [f"warning: verlag.toml:{line}: en-GB: "
                    "[site.call_to_action] has no en-GB or en line, so the en-GB pages show the German call to "
                    "action, though en-US has one; verlag does not lend one region's text to another (BCP 47 lookup: "
                    "en-GB then en): write en = \"…\" in [site.call_to_action] (it serves every en-… language "
                    "without a line of its own), or en-GB = \"…\""], result.output
    assert not [line for line in result.output.splitlines() if "[site.disclaimer]" in line]


def test_a_text_written_for_some_translations_says_which_languages_show_the_german(project):
    """Fresh-user trial 26: with languages en and es, a disclaimer written for both and the call to action for en
    only, the es pages showed the German call to action and the build said nothing. It says so once per table,
    at the table's header, with the line to add, and again on a build with nothing changed (as the sibling-region
    warning does); a table written only in German (the image's alt text here) is meant for every language."""
    project.write("verlag.toml", 'name = "Praxis"\nlanguages = ["en", "es", "fr"]\n\n[publish]\nmin_translated = 0\n\n'
                  '[site]\nbase_url = "https://example.org/"\n\n[site.disclaimer]\n'
                  'de = "Kein Ersatz für den Arztbesuch."\nen = "No substitute for seeing a doctor."\n'
                  'es = "No sustituye la consulta médica."\nfr = "Ne remplace pas une consultation."\n\n'
                  '[site.call_to_action]\nde = "Termin gefällig?"\nen = "Make an appointment?"\n'
                  'link = "https://example.org/termin"\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "es", "tee", {("title", "Tee"): "Té", "Tee wärmt.": "El té calienta."})
    line = project.read("verlag.toml").splitlines().index("[site.call_to_action]") + 1
    expected = [f"warning: verlag.toml:{line}: [site.call_to_action] is written for en but has no line for es "
                "or fr, so the es and fr pages show the German call to action: write es = \"…\", fr = \"…\" in "
                "[site.call_to_action]"]
    for _ in range(2):
        result = project.run("build")
        said = [line for line in result.output.splitlines() if line.startswith("warning") and "[site." in line]
        assert said == expected, result.output
    (cta,) = parse(project.root / "site/es/tee/index.html").xpath('//aside[@class="call-to-action"]//*[@lang]')
    assert (cta.text_content().strip(), cta.get("lang")) == ("Termin gefällig?", "de")
    project.write("verlag.toml", project.read("verlag.toml").replace('en = "Make an appointment?"\n', ""))
    assert not [line for line in project.run("build").output.splitlines()
                if line.startswith("warning") and "[site." in line]


_HELD_PIECES = ["[[AUSFÜLLEN:", "[[AUSFÜLLEN: Name]]", "]]", "[[", "Einleitung: Worum geht es, und für wen?",
                "## Erste Überschrift", "Text.", "Einleitung", " ", "\t", "\n", "x", "## "]


@given(st.lists(st.sampled_from(_HELD_PIECES), max_size=12).map("".join))
@example("Satz\n## Erste Überschrift \nEinleitung: Worum geht es, und für wen?\n[[AUSFÜLLEN: a]] x [[AUSFÜLLEN:]]")
def test_an_article_s_placeholders_are_every_match_of_the_held_pattern(tmp_path_factory, body):
    """``Article.placeholders`` answers without the regex for an article that holds none of the texts every
    match holds (most articles): the same lines and texts as the regex over the whole article."""
    from pipeline.sources import _HELD_RE

    path = tmp_path_factory.mktemp("held") / "a.md"
    path.write_text(f"---\ntitle: T\ndate: 2024-01-01\n---\n{body}\n", encoding="utf-8")
    held = read_article(path, "source_de/a.md")
    assert held.placeholders == tuple((held.text.count("\n", 0, m.start()) + 1, m.group(0).rstrip())
                                      for m in _HELD_RE.finditer(held.text))
    assert sources._HELD_TEXTS and all(any(text in m.group(0) for text in sources._HELD_TEXTS)
                                       for m in _HELD_RE.finditer(held.text))

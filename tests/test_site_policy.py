"""Publishing rules on small projects: safety, publish policy, notices, links, incremental writes."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

import polib
import pytest
from lxml import html

from conftest import REPO, WALL, article, give_base_url, review

LEBER = article("Leber", """
    Die Leber arbeitet nachts. Sie braucht Ruhe.

    Mehr dazu in [unserem Beitrag zur Milz](milz.md) und [hier](../source_de/milz.md#ruhe).

    Eine <abbr title="Traditionelle Chinesische Medizin">TCM</abbr>-Regel hilft.
    """, summary="Über die Leber.", tags="[Leber]")
MILZ = article("Milz", "## Ruhe\n\nDie Milz ist klein.\n", summary="Über die Milz.")


ENGLISH = {
    ("title", "Leber"): "Liver", ("summary", "Über die Leber."): "About the liver.", ("tag", "Leber"): "Liver",
    "Die Leber arbeitet nachts.": "The liver works at night.", "Sie braucht Ruhe.": "It needs rest.",
    "Mehr dazu in [unserem Beitrag zur Milz](milz.md) und [hier](../source_de/milz.md#ruhe).":
        "More in [our post on the spleen](milz.md) and [here](../source_de/milz.md#ruhe).",
    'Eine <abbr title="Traditionelle Chinesische Medizin">TCM</abbr>-Regel hilft.':
        'A <abbr title="Traditionelle Chinesische Medizin">TCM</abbr> rule helps.',
}


@pytest.fixture
def blog(project):
    # partly translated on purpose: these tests are about what readers get of such editions
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nbase_url = "https://praxis.example/blog/"\n'
                  '\n[publish]\nmin_translated = 0\n')
    project.write("source_de/leber.md", LEBER)
    project.write("source_de/milz.md", MILZ)
    project.run("extract")
    review(project, "en", "leber", ENGLISH)
    review(project, "en", "milz", {("title", "Milz"): "Spleen", ("summary", "Über die Milz."): "About the spleen.",
                                   "Ruhe": "Rest", "Die Milz ist klein.": "The spleen is small."})
    review(project, "fr", "leber", {"Sie braucht Ruhe.": "Il a besoin de repos."})
    review(project, "fr", "milz", {"Die Milz ist klein.": "La rate est petite."})
    return project


def page(project, rel: str):
    return html.fromstring(project.read(f"site/{rel}"))


def written(output: str) -> set[str]:
    return set(re.findall(r"^wrote (site/\S+)$", output, re.M))


def test_links_to_other_articles_point_to_the_same_edition(blog):
    blog.run("build")
    hrefs = page(blog, "en/leber/index.html").xpath('//div[@class="article-body"]//a/@href')
    assert hrefs == ["/blog/en/milz/", "/blog/en/milz/#ruhe"]
    assert page(blog, "de/leber/index.html").xpath('//div[@class="article-body"]//a/@href') == \
        ["/blog/de/milz/", "/blog/de/milz/#ruhe"]
    milz = page(blog, "en/milz/index.html")
    assert milz.xpath("//h2/@id") == ["ruhe"] and milz.xpath("//h2/text()") == ["Rest"]  # the fragment's heading
    assert page(blog, "en/leber/index.html").xpath('//link[@rel="canonical"]/@href') == \
        ["https://praxis.example/blog/en/leber/"]


INJECTION = {
        "Die Leber arbeitet nachts.": 'The liver <script>alert("x")</script> works <img src=x onerror=alert(1)>.',
        "Sie braucht Ruhe.": "It needs [rest](javascript:alert(1)) and [sleep](&#106;avascript:alert(2)).",
        "Mehr dazu in [unserem Beitrag zur Milz](milz.md) und [hier](../source_de/milz.md#ruhe).":
            'More [here](milz.md){: onclick="alert(3)" style="color:red"} <svg onload=alert(4)></svg>.',
        ("title", "Leber"): '<b onmouseover="alert(5)">Liver</b>',
        ("summary", "Über die Leber."): '"><script>alert(6)</script>',
}


def test_qa_holds_back_injected_html_and_the_german_is_published(blog):
    review(blog, "en", "leber", INJECTION)
    result = blog.run("build")
    assert "en/leber: 5 segments held back by QA errors; run verlag check" in result.output
    doc = page(blog, "en/leber/index.html")
    assert doc.xpath("//script/@type") == ["application/ld+json"] and not doc.xpath("//img | //svg | //b")
    assert doc.xpath("//h1/text()") == ["Leber"] and doc.xpath("//h1/@lang") == ["de"]
    assert "Die Leber arbeitet nachts." in doc.xpath('//div[@class="article-body"]')[0].text_content()


def test_a_sentence_held_back_by_qa_says_so_and_a_changed_one_says_it_awaits_review(blog):
    """A reviewed translation with a check error was translated: its German says it failed a check (it was called
    "on hold for a check", which every shipped language read as awaiting one), not that it is untranslated; one
    whose German changed since still says the translation awaits review."""
    review(blog, "en", "leber", {"Sie braucht Ruhe.": "It needs [rest](javascript:alert(1))."})
    blog.write("source_de/leber.md", LEBER.replace("Die Leber arbeitet nachts.", "Die Leber arbeitet vor allem nachts."))
    blog.run("extract")
    result = blog.run("build")
    assert "en/leber: 1 segment held back by QA errors" in result.output
    doc = page(blog, "en/leber/index.html")
    titles = {span.text_content(): span.get("title") for span in doc.xpath('//span[@lang="de"][@title]')}
    assert titles == {"Sie braucht Ruhe.": "Translation failed a quality check: shown in the original language",
                      "Die Leber arbeitet vor allem nachts.":
                          "Updated in the original; translation pending review: shown in the original language"}
    notice = doc.xpath('//aside[contains(@class, "notice-translation")]')[0].text_content()
    assert "failed a quality check; they are shown in the original language until it is corrected" in notice
    assert "changed in the original after they were translated" in notice
    assert "not translated yet" not in notice
    assert not any(mark in blog.read("editions/en/leber.md") for mark in "\ue000\ue001\ue002\ue003")


def test_a_translation_cannot_introduce_script_handlers_or_javascript_urls(blog):
    """Even when the reviewer silences every QA check, the renderer lets no new HTML through; the
    javascript: links are held back all the same (foreign-target cannot be waived)."""
    from pipeline.check import CHECKS

    review(blog, "en", "leber", INJECTION, silence=tuple(c.id for c in CHECKS))
    result = blog.run("build")
    assert "en/leber: 1 segment held back by QA errors" in result.output
    text = blog.read("site/en/leber/index.html")
    doc = html.fromstring(text)
    assert doc.xpath("//script/@type") == ["application/ld+json"], "no script but the JSON-LD"
    assert not doc.xpath("//img | //svg | //b")
    for element in doc.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on") and name != "style", (element.tag, name)
            assert "javascript" not in value.lower(), (element.tag, name, value)
    body = doc.xpath('//div[@class="article-body"]')[0].text_content()
    assert '<script>alert("x")</script>' in body and "<img src=x onerror=alert(1)>" in body
    assert doc.xpath("//h1/text()") == ['<b onmouseover="alert(5)">Liver</b>']
    assert doc.xpath("//abbr/@title") == ["Traditionelle Chinesische Medizin"], "the original's own HTML stays"
    assert "\\u003cscript" in doc.xpath('//script[@type="application/ld+json"]/text()')[0]


def test_the_german_original_keeps_its_own_html(blog):
    blog.write("source_de/milz.md", MILZ + '\n<div class="box">Kasten</div>\n')
    blog.run("extract")
    blog.run("build")
    assert page(blog, "de/milz/index.html").xpath('//div[@class="box"]/text()') == ["Kasten"]
    assert page(blog, "en/milz/index.html").xpath('//div[@class="box"]/text()') == ["Kasten"]


def test_an_edition_below_min_reviewed_is_not_published_and_left_out_everywhere(blog):
    blog.write("verlag.toml", blog.read("verlag.toml") + "\n[publish.fr]\nmin_reviewed = 50\n")
    output = blog.run("build").output
    assert re.search(r"fr: not published \(below \[publish\] min_translated or min_reviewed\): "
                     r"leber \(\d+\.\d % reviewed, 50 needed\), milz \(\d+\.\d % reviewed, 50 needed\)", output)
    assert not (blog.root / "site/fr").exists(), "an edition without articles is not on the site"
    doc = page(blog, "en/leber/index.html")
    assert "fr" not in doc.xpath('//link[@rel="alternate"]/@hreflang')
    assert doc.xpath('//nav[@class="switcher"]//@hreflang') == ["de"]
    assert "/fr/" not in blog.read("site/sitemap.xml")
    assert page(blog, "index.html").xpath("//ul[@data-languages]/li/@lang") == ["de", "en"]
    blog.write("verlag.toml", blog.read("verlag.toml").replace("min_reviewed = 50", "min_reviewed = 0"))
    assert "site/fr/leber/index.html" in written(blog.run("build").output)


def test_min_reviewed_must_be_a_percentage(blog):
    blog.write("verlag.toml", blog.read("verlag.toml") + "min_reviewed = 120\n")
    result = blog.run("build", code=2)
    assert re.search(r"error: .*verlag.toml:\d+: min_reviewed: expected a percentage", result.output)


def test_unreviewed_machine_text_is_disclosed_and_an_outdated_translation_is_never_shown(blog):
    blog.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    blog.write("verlag.toml", blog.read("verlag.toml") + '\n[publish.fr]\nunreviewed = "machine"\n')
    blog.run("build")
    notice = page(blog, "fr/milz/index.html").xpath('//aside[contains(@class, "notice-translation")]')
    assert notice and "machine" in notice[0].text_content()
    assert not page(blog, "en/milz/index.html").xpath("//aside")
    blog.write("source_de/milz.md", MILZ.replace("ist klein", "ist eher klein"))
    blog.run("extract")
    blog.run("build")

    def changed_sentence() -> None:
        doc = page(blog, "en/milz/index.html")
        (german,) = doc.xpath('//p[@lang="de"]')
        assert german.text == "Die Milz ist eher klein."
        # it was translated: the German changed since, and the translation awaits review (not "not translated yet")
        assert german.get("title") == ("Updated in the original; translation pending review: shown in the "
                                       "original language")
        notice = doc.xpath('//aside[contains(@class, "notice-translation")]')[0].text_content()
        assert "changed in the original after they were translated" in notice and "not translated yet" not in notice
        assert "The spleen is small." not in doc.xpath("//main")[0].text_content()

    changed_sentence()  # unreviewed = "source"
    # "machine" publishes drafts of the German as it is now; the old English says what the German said before,
    # so a reader gets the German sentence under this policy too
    blog.write("verlag.toml", blog.read("verlag.toml") + '\n[publish.en]\nunreviewed = "machine"\n')
    blog.run("build")
    changed_sentence()


def test_a_changed_sentence_has_the_same_label_before_extract_as_after(blog):
    """The author changes a reviewed sentence and builds before running extract: the catalog has no entry for
    the new German yet, and the page showed it labelled "Not translated yet", then after extract "Updated in the
    original; translation pending review". The same sentence in the same state for the reader (German, its
    translation awaiting review) gets the same label and notice either way."""
    blog.run("build")
    blog.write("source_de/milz.md", MILZ.replace("ist klein", "ist eher klein"))

    def shown() -> tuple:
        doc = page(blog, "en/milz/index.html")
        (german,) = doc.xpath('//p[@lang="de"]')
        notice = doc.xpath('//aside[contains(@class, "notice-translation")]')[0].text_content()
        return german.text, german.get("title"), " ".join(notice.split())

    assert "does not match the German" in blog.run("build").output
    before = shown()
    blog.run("extract")
    blog.run("build")
    assert before == shown()
    assert before[:2] == ("Die Milz ist eher klein.",
                          "Updated in the original; translation pending review: shown in the original language")


def test_an_out_of_date_draft_is_shown_in_german_under_unreviewed_machine(blog):
    """A machine draft edited by hand but never signed off (still fuzzy), whose German then changes, is a
    translation of the older German: under ``unreviewed = "machine"`` the page shows the German sentence, while
    the drafts of the current German are still shown and disclosed as machine text."""
    blog.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    review(blog, "fr", "leber", {"Die Leber arbeitet nachts.": "Le foie travaille la nuit."}, sign_off=False)
    blog.write("verlag.toml", blog.read("verlag.toml") + 'unreviewed = "machine"\n')  # in [publish]
    blog.write("source_de/leber.md", LEBER.replace("Die Leber arbeitet nachts.", "Die Leber arbeitet vor allem nachts."))
    blog.run("extract")
    result = blog.run("build")
    for lang in ("fr", "en"):
        doc = page(blog, f"{lang}/leber/index.html")
        main = doc.xpath("//main")[0].text_content()
        assert "Die Leber arbeitet vor allem nachts." in main and "Le foie travaille la nuit." not in main
        assert not doc.xpath('//aside[contains(@class, "notice-outdated")]')
        notice = doc.xpath('//aside[contains(@class, "notice-translation")]')[0].text_content()
        assert "out of date" not in notice
    fr = page(blog, "fr/leber/index.html").xpath('//aside[contains(@class, "notice-translation")]')[0]
    assert "Certaines parties de cette traduction ont été produites par une machine" in fr.text_content()
    assert "modifiés dans l’original après leur traduction" in fr.text_content()
    assert "out of date" not in result.output


def test_a_second_build_writes_nothing_and_one_edit_rewrites_only_its_pages_and_lists(blog):
    blog.run("build")
    blog.write("site/_review/notes.html", "<p>the reviewers' own</p>")
    before = {p: p.stat().st_mtime_ns for p in (blog.root / "site").rglob("*") if p.is_file()}
    again = blog.run("build").output
    assert "site: 0 files written, 0 removed" in again and not written(again)
    assert before == {p: p.stat().st_mtime_ns for p in (blog.root / "site").rglob("*") if p.is_file()}

    blog.write("source_de/milz.md", MILZ.replace("## Ruhe", "## Viel Ruhe").replace("2026-05-26", "2026-06-01"))
    blog.run("extract")
    changed = written(blog.run("build").output)
    mine = {f"site/{lang}/milz/index.html" for lang in ("de", "en", "fr")}
    lists = {f"site/{lang}/{name}" for lang in ("de", "en", "fr") for name in ("index.html", "feed.xml")}
    assert mine <= changed <= mine | lists | {"site/sitemap.xml"}
    assert "site/sitemap.xml" in changed and not any("leber" in path for path in changed)

    (blog.root / "source_de/milz.md").unlink()
    output = blog.run("build").output
    assert "removed site/en/milz/index.html" in output and not (blog.root / "site/de/milz/index.html").exists()
    assert blog.read("site/_review/notes.html") == "<p>the reviewers' own</p>"
    assert "warning: site/_review/: an old review report" in output


def site_bytes(project) -> dict[str, bytes]:
    return {p.relative_to(project.root).as_posix(): p.read_bytes()
            for p in (project.root / "site").rglob("*") if p.is_file()}


def cold_site(project, tmp_path) -> dict[str, bytes]:
    """The site/ a build makes from the same project with no site/ and no site cache."""
    copy = type(project)(tmp_path / "cold")
    shutil.copytree(project.root, copy.root)
    shutil.rmtree(copy.root / "site")
    (copy.root / ".verlag/site.json").unlink()
    (copy.root / ".verlag/site-bodies.sqlite").unlink()
    copy.run("build")
    return site_bytes(copy)


def cached_bodies(project) -> dict[str, str]:
    """The bodies cache as stored: "lang/slug" -> its entry's JSON."""
    with sqlite3.connect(project.root / ".verlag/site-bodies.sqlite") as db:
        return dict(db.execute("SELECT name, entry FROM bodies"))


def test_a_catalog_edit_rewrites_its_page_and_the_lists_that_show_it_and_nothing_else(blog, tmp_path):
    blog.run("build")
    assert not written(blog.run("build").output)
    review(blog, "en", "milz", {"Die Milz ist klein.": "The spleen is tiny."})
    assert written(blog.run("build").output) == {"site/en/milz/index.html", "site/en/feed.xml"}
    assert "The spleen is tiny." in blog.read("site/en/feed.xml")
    assert site_bytes(blog) == cold_site(blog, tmp_path)


def test_indexes_feeds_and_sitemap_are_made_again_when_missing_or_their_settings_change(blog, tmp_path):
    blog.run("build")
    feed, sitemap = blog.read("site/en/feed.xml"), blog.read("site/sitemap.xml")
    (blog.root / "site/en/feed.xml").unlink()
    (blog.root / "site/sitemap.xml").unlink()
    assert written(blog.run("build").output) == {"site/en/feed.xml", "site/sitemap.xml"}
    assert (blog.read("site/en/feed.xml"), blog.read("site/sitemap.xml")) == (feed, sitemap)
    blog.write("verlag.toml", blog.read("verlag.toml").replace("[site]\n", '[site]\nfeed_entries = 1\nauthor = "Praxis"\n'))
    changed = written(blog.run("build").output)
    assert {f"site/{lang}/feed.xml" for lang in ("de", "en", "fr")} <= changed
    assert blog.read("site/en/feed.xml").count("<entry>") == 1 and "<name>Praxis</name>" in blog.read("site/de/feed.xml")
    blog.write(".verlag/site.json", blog.read(".verlag/site.json").replace('"lists": "', '"lists": "damaged'))
    assert not written(blog.run("build").output)  # rendered again, the same bytes
    assert site_bytes(blog) == cold_site(blog, tmp_path)


def test_the_bodies_cache_is_read_only_when_a_body_is_needed_and_a_damaged_one_is_rebuilt(blog, tmp_path):
    blog.write(".verlag/site-bodies.json", "{}")  # where an older verlag kept the bodies: removed at the next save
    blog.run("build")
    assert not (blog.root / ".verlag/site-bodies.json").exists()
    cache = blog.root / ".verlag/site-bodies.sqlite"
    assert "The spleen is small." in cached_bodies(blog)["en/milz"]
    cache.write_bytes(b"{not a database")  # a no-op build would fail on nothing it does not read
    assert not written(blog.run("build").output) and cache.read_bytes() == b"{not a database"
    review(blog, "en", "milz", {"Die Milz ist klein.": "The spleen is tiny."})
    assert written(blog.run("build").output) == {"site/en/milz/index.html", "site/en/feed.xml"}
    stored = cached_bodies(blog)
    assert "The spleen is tiny." in stored["en/milz"]
    assert json.loads(blog.read(".verlag/site.json"))["bodies"] == sorted(stored)
    assert site_bytes(blog) == cold_site(blog, tmp_path)


def test_bodies_cache_entries_of_the_wrong_shape_are_rendered_again(blog, tmp_path):
    blog.run("build")
    names = sorted(cached_bodies(blog))
    with sqlite3.connect(blog.root / ".verlag/site-bodies.sqlite") as db:
        db.execute("UPDATE bodies SET entry = '5'")
        db.execute("UPDATE bodies SET entry = ? WHERE name = ?", (json.dumps({"key": 7, "html": None}), names[0]))
        db.execute("UPDATE bodies SET entry = '{not json' WHERE name = ?", (names[1],))
    review(blog, "en", "milz", {"Die Milz ist klein.": "The spleen is tiny."})
    assert written(blog.run("build").output) == {"site/en/milz/index.html", "site/en/feed.xml"}
    assert site_bytes(blog) == cold_site(blog, tmp_path)


def test_site_po_is_not_an_article_catalog(blog):
    for lang in ("de", "en", "fr"):
        assert (blog.root / f"translations/{lang}/site.po").is_file()
    blog.write("source_de/neu.md", blog.read("source_de/milz.md"))
    (blog.root / "source_de/milz.md").unlink()
    output = blog.run("extract").output
    assert "site.po" not in output.replace("(the website's own words)", "")
    assert (blog.root / "translations/en/neu.po").is_file() and (blog.root / "translations/en/site.po").is_file()
    blog.write("source_de/site.md", MILZ)
    result = blog.run("build", code=2)
    assert "error: source_de/site.md:1: slug 'site' is reserved" in result.output


def test_a_new_language_gets_the_english_interface_until_its_site_po_is_translated(blog):
    blog.write("verlag.toml", blog.read("verlag.toml").replace('languages = ["en", "fr"]', 'languages = ["en", "fr", "sv"]'))
    blog.run("extract")
    po = polib.pofile(str(blog.root / "translations/sv/site.po"))
    assert po.metadata["Language"] == "sv" and not po.translated_entries()
    review(blog, "sv", "milz", {"Die Milz ist klein.": "Mjälten är liten."})
    blog.run("build")
    doc = page(blog, "sv/index.html")
    assert doc.get("lang") == "sv" and doc.xpath('//h1/span[@lang="en"]/text()') == ["Articles"]  # said English
    assert doc.xpath('//nav[@class="switcher"]//*[@lang="sv"]/text()') == ["svenska"]
    assert page(blog, "de/index.html").xpath("//h1/text()") == ["Artikel"]


def test_publish_runs_the_chain_and_goes_on_offline_with_a_note(blog, monkeypatch):
    """A LibreTranslate that is down (a closed port on this machine) is what offline looks like to verlag."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    blog.write("verlag.toml", blog.read("verlag.toml").replace(
        "[site]", '[pretranslate]\nengines = ["libre"]\n\n[engines.libre]\nurl = "http://127.0.0.1:9/"\n\n[site]'))
    give_base_url(blog.root)
    result = blog.run("publish")
    assert "warning: libre: connection to 127.0.0.1:9 failed" in result.output
    assert ("pretranslate: nothing could be drafted: libre could not be reached at 127.0.0.1:9 (nothing answers "
            "there: is the service running, is [engines.libre] url right?)") in result.output
    assert "note: no engine could draft anything (the line above says why)" in result.output  # not "offline?"
    assert "check: " in result.output
    assert "en: 2 articles published" in result.output
    assert "fr: 2 articles published, 2 with passages in the original" in result.output
    assert (blog.root / "site/en/leber/index.html").is_file()


def test_untranslated_front_matter_is_marked_german_in_page_index_and_feed(blog):
    blog.run("build")
    assert page(blog, "fr/milz/index.html").xpath("//h1/@lang") == ["de"]
    assert page(blog, "en/milz/index.html").xpath("//h1/@lang") == []
    assert page(blog, "fr/index.html").xpath('//ol[@class="article-list"]//h2/@lang') == ["de", "de"]
    assert page(blog, "fr/index.html").xpath('//p[@class="summary"]/@lang') == ["de", "de"]
    feed = blog.read("site/fr/feed.xml")
    assert '<title xml:lang="de">Milz</title>' in feed and '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">' in feed
    # JSON-LD cannot say the German title is German: a French article's headline it would be, so it has none
    french, english = (json.loads(page(blog, f"{lang}/milz/index.html").xpath(
        '//script[@type="application/ld+json"]/text()')[0]) for lang in ("fr", "en"))
    assert french["inLanguage"] == "fr" and "headline" not in french and "description" not in french
    assert english["headline"] == "Spleen" and english["description"] == "About the spleen."


def test_a_project_template_overrides_the_theme_and_its_words_are_extracted(blog):
    blog.write("templates/404.html", '{% extends "base.html" %}{% block main %}<h1>{{ _("Lost?") }}</h1>{% endblock %}\n')
    blog.write("templates/static/style.css", "body { color: black; }\n")
    output = blog.run("extract").output
    assert "updated translations/de/site.po" in output
    po = polib.pofile(str(blog.root / "translations/de/site.po"))
    assert po.find("Lost?").msgstr == "" and po.find("Articles").msgstr == "Artikel"
    blog.write("templates/404.html", '{% extends "base.html" %}{% block main %}<h1>{{ _("Lost.") }}</h1>{% endblock %}\n')
    blog.run("extract")  # the templates' messages are cached in .verlag/ by the templates' bytes
    po = polib.pofile(str(blog.root / "translations/de/site.po"))
    assert po.find("Lost.") is not None and po.find("Lost?") is None
    blog.write("templates/404.html", '{% extends "base.html" %}{% block main %}<h1>{{ _("Lost?") }}</h1>{% endblock %}\n')
    blog.run("extract")
    blog.run("build")
    assert page(blog, "en/404.html").xpath("//h1/text()") == ["Lost?"]
    assert page(blog, "de/index.html").xpath("//h1/text()") == ["Artikel"]
    assert blog.read("site/static/style.css") == "body { color: black; }\n"
    assert (blog.root / "site/static/chooser.js").is_file()


def test_an_edition_with_nothing_translated_is_not_a_page_of_its_own(blog):
    blog.write("source_de/neu.md", article("Neu", "Ganz neu.\n"))
    blog.run("extract")
    review(blog, "en", "neu", {("title", "Neu"): "New", "Ganz neu.": "Brand new."})
    output = blog.run("build").output
    assert "fr: not published (nothing translated yet): neu" in output.splitlines()
    assert (blog.root / "site/en/neu/index.html").is_file() and not (blog.root / "site/fr/neu").exists()
    assert page(blog, "de/neu/index.html").xpath('//nav[@class="switcher"]//a[@hreflang="fr"]/@href') == ["/blog/fr/"]


def test_a_broken_template_is_reported_with_file_and_line(blog):
    blog.run("build")
    blog.write("source_de/milz.md", MILZ.replace("ist klein", "ist eher klein"))
    blog.write("templates/404.html", '{% extends "base.html" %}\n{% block main %}\n{{ _("x" }}\n{% endblock %}\n')
    before = {p: p.read_bytes() for p in (blog.root / "site").rglob("*") if p.is_file()}
    result = blog.run("build", code=2)
    assert "error: templates/404.html:3: template: " in result.output
    # the summary says what was done: the editions, not the site (nothing "else done")
    assert "build: 2 editions made, 2 written, 1 article unchanged; site: not built" in result.output
    assert result.output.rstrip().endswith(
        "build: site/ not built, left as it was (editions: see the build line above); fix: templates/404.html")
    assert "everything else done" not in result.output
    assert {p: p.read_bytes() for p in (blog.root / "site").rglob("*") if p.is_file()} == before
    blog.write("templates/404.html", '{% extends "base.html" %}{% block main %}{{ no_such_value }}{% endblock %}\n')
    result = blog.run("build", code=2)
    assert "'no_such_value' is undefined" in result.output


def test_the_preview_keeps_watching_through_a_broken_setting(blog):
    """`verlag serve`'s watcher reports a half-edited verlag.toml and rebuilds once it is whole again."""
    import threading
    import time

    from pipeline.config import load_config
    from pipeline.serve import watch

    rebuilt, reported, stop = [], [], threading.Event()
    thread = threading.Thread(target=watch, args=(lambda: load_config(blog.root), rebuilt.append, stop,
                                                  reported.append, 0.02), daemon=True)
    thread.start()
    good = blog.read("verlag.toml")

    def wait_for(condition) -> None:
        deadline = time.monotonic() + WALL
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert condition()

    time.sleep(0.1)
    blog.write("verlag.toml", good + "\n[site\n")
    wait_for(lambda: reported)
    assert "verlag.toml" in str(reported[0].path) and thread.is_alive()
    blog.write("verlag.toml", good)
    blog.write("source_de/milz.md", MILZ + "\nDie Milz mag Wärme.\n")
    wait_for(lambda: rebuilt)
    stop.set()
    thread.join(timeout=WALL)
    assert not thread.is_alive()


def test_a_ui_translation_cannot_add_html_either(blog):
    blog.run("extract")
    path = blog.root / "translations/fr/site.po"
    po = polib.pofile(str(path))
    po.find("Articles").msgstr = '<img src=x onerror="alert(1)">Articles'
    po.find("All articles").msgstr = "Tous les articles"
    po.save(str(path))
    blog.run("build")
    doc = page(blog, "fr/index.html")
    assert not doc.xpath("//img") and doc.xpath("//h1/span[@lang='en']/text()") == ["Articles"], "the English msgid"
    assert "Tous les articles" in doc.text_content()


def test_a_language_gaining_its_first_article_appears_in_every_switcher(blog):
    blog.write("verlag.toml", blog.read("verlag.toml").replace('languages = ["en", "fr"]', 'languages = ["en", "fr", "it"]'))
    blog.run("extract")
    blog.run("build")
    assert not page(blog, "de/leber/index.html").xpath('//nav[@class="switcher"]//a[@hreflang="it"]')
    review(blog, "it", "milz", {"Die Milz ist klein.": "La milza è piccola."})
    blog.run("build")
    links = page(blog, "de/leber/index.html").xpath('//nav[@class="switcher"]//a[@hreflang="it"]/@href')
    assert links == ["/blog/it/"], "leber has no Italian edition: the switcher leads to the Italian home page"


def test_the_advice_to_publish_machine_drafts_is_given_only_where_there_are_machine_drafts(blog):
    """Under ``unreviewed = "source"`` an edition with machine drafts and nothing reviewed is told apart from one with
    only copy drafts (the German copied, untranslated under any policy) or none: only the first would be published
    by ``unreviewed = "machine"``, so only it gets that advice."""
    blog.write("source_de/neu.md", article("Neu", "Ganz neu.\n"))
    blog.run("extract")
    blog.run("pretranslate", "--engine", "pseudo", "--lang", "en", "--article", "neu")
    blog.run("pretranslate", "--engine", "copy", "--lang", "fr", "--article", "neu")
    lines = blog.run("build").output.splitlines()
    assert ('en: not published (no reviewed translation to show yet; its machine drafts show only with [publish] '
            'unreviewed = "machine"): neu') in lines
    assert "fr: not published (nothing translated yet): neu" in lines
    blog.write("verlag.toml", blog.read("verlag.toml").replace("[publish]\n", '[publish]\nunreviewed = "machine"\n'))
    lines = blog.run("build").output.splitlines()
    assert (blog.root / "site/en/neu/index.html").is_file() and "fr: not published (nothing translated yet): neu" in lines


def test_an_edition_whose_every_translation_is_held_back_by_qa_is_not_published_its_address_shows_the_notice(blog):
    blog.write("verlag.toml", blog.read("verlag.toml").replace('languages = ["en", "fr"]', 'languages = ["en", "fr", "it"]'))
    blog.run("extract")
    review(blog, "it", "milz", {"Die Milz ist klein.": "La milza è <b>piccola</b>."})
    result = blog.run("build")
    assert "it/milz: 1 segment held back by QA errors" in result.output
    assert ("it: not published (nothing translated yet): leber, milz (its address shows a page saying it is not "
            "available at the moment, with a link to the original, until it is published again)") \
        in result.output.splitlines()
    # not the article: the notice that it is not available, as check errors alone keep its reviewed sentence back
    notice = page(blog, "it/milz/index.html")
    assert notice.xpath("//h1/text()") == ["Al momento non disponibile in italiano"]
    assert notice.xpath('//meta[@name="robots"]/@content') == ["noindex"] and "milza" not in blog.read(
        "site/it/milz/index.html")
    assert not (blog.root / "site/it/leber/index.html").exists()


def test_binary_theme_files_are_copied_byte_for_byte(blog):
    logo = bytes(range(256)) * 4  # not UTF-8
    (blog.root / "templates/static").mkdir(parents=True)
    (blog.root / "templates/static/logo.png").write_bytes(logo)
    blog.run("build")
    assert (blog.root / "site/static/logo.png").read_bytes() == logo


def test_a_build_that_shows_pseudo_drafts_says_so_on_every_run_also_with_q(blog):
    """Fresh-user trial 8: README's flow is build, then upload site/; under ``unreviewed = "machine"`` the pages
    show the pseudo engine's layout test, and ``build`` (not only ``check`` and ``publish``) must say so."""
    blog.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    assert "pseudo draft" not in blog.run("build").output  # unreviewed = "source": the pages show the German
    blog.write("verlag.toml", blog.read("verlag.toml") + '\n[publish.fr]\nunreviewed = "machine"\n')
    shown = sum(1 for slug in ("leber", "milz") for e in polib.pofile(str(blog.root / f"translations/fr/{slug}.po"))
                if e.fuzzy and e.msgstr and not e.obsolete)
    line = blog.read("verlag.toml").splitlines().index('unreviewed = "machine"') + 1
    for args in (("build",), ("build", "-q"), ("build", "-q")):  # the last one has nothing to do
        out = blog.run(*args).output
        warnings = [w for w in out.splitlines() if "pseudo draft" in w]
        assert warnings == [f'warning: verlag.toml:{line}: the site shows {shown} pseudo drafts (fr {shown}) to '
                            'readers under [publish] unreviewed = "machine": the pseudo engine\'s layout test, no '
                            'translation; do not upload site/ like this: draft with a real engine (verlag '
                            'pretranslate --redo-drafts), translate them, or set unreviewed = "source"'], out


def test_a_page_s_own_body_is_not_read_back_from_the_bodies_cache_it_was_just_put_into(blog, tmp_path, monkeypatch):
    """With one job the building process renders each body, puts it into the bodies cache and templates its page:
    the page takes the HTML it has, where it read it back (a SELECT and a JSON parse per page); a feed listing
    the article later reads it from the cache. The site is the same bytes."""
    import sys

    from pipeline import site

    stored_get, read_back = site._StoredBodies.get, []

    def get(self, name):
        entry = stored_get(self, name)  # None: not cached yet (a cold build asks before it renders)
        if entry is not None and "_article_page" in {sys._getframe(depth).f_code.co_name for depth in range(1, 6)}:
            read_back.append(name)
        return entry

    monkeypatch.setattr(site._StoredBodies, "get", get)
    blog.run("build", "--jobs", "1")
    assert read_back == []
    assert "The spleen is small." in cached_bodies(blog)["en/milz"]
    assert site_bytes(blog) == cold_site(blog, tmp_path)


def test_a_standalone_page_s_notice_says_the_original_applies_not_to_rely_on_it_for_health(blog):
    """Trial 12: the machine-translated Impressum said "For anything that concerns your health, please rely on the
    original in German", the articles' sentence, on a page about who runs the practice. A page of seiten/ says the
    original applies in case of doubt; an article keeps the health sentence."""
    blog.write("source_de/seiten/ueber-uns.md", article("Über uns", "Die Praxis liegt am Markt. Wir sind zu dritt.\n"))
    blog.run("extract")
    blog.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    blog.write("verlag.toml", blog.read("verlag.toml") + '\n[publish.fr]\nunreviewed = "machine"\n')
    blog.run("build")
    about = page(blog, "fr/ueber-uns/index.html").xpath('//aside[contains(@class, "notice-translation")]')
    milz = page(blog, "fr/milz/index.html").xpath('//aside[contains(@class, "notice-translation")]')
    assert about and milz
    assert "En cas de doute, l’original en allemand fait foi." in " ".join(about[0].text_content().split())
    assert "santé" not in about[0].text_content()
    assert "santé" in milz[0].text_content() and "En cas de doute" not in milz[0].text_content()


IMPRESSUM = article("Impressum", """
    Die Praxis führt Anna Berger.

    Dr. med. Anna Berger, Heilpraktikerin
    """)


def _legal_notice(project, rel: str) -> str | None:
    """The text of the translation notice of site/``rel``, one line; None when the page shows none."""
    asides = page(project, rel).xpath('//aside[contains(@class, "notice-translation")]')
    return re.sub(r"[ \t\n]+", " ", asides[0].text_content()).strip() if asides else None  # U+202F kept


def test_a_fully_reviewed_legal_page_still_says_the_german_original_applies(blog):
    """Fresh-user trial: the Impressum said "In case of doubt, the original in German applies" only while a
    passage was untranslated; once all was reviewed the notice went, though the German binds whatever the
    translation's state. Every translated legal page says so, linking the German page, in its language."""
    blog.write("verlag.toml", blog.read("verlag.toml").replace("[site]\n", '[site]\nlegal = ["impressum"]\n'))
    blog.write("source_de/seiten/impressum.md", IMPRESSUM)
    blog.run("extract")
    for lang, texts in (("en", ("Legal notice (Impressum)", "Anna Berger runs the practice.")),
                        ("fr", ("Mentions légales", "Anna Berger dirige le cabinet."))):
        review(blog, lang, "impressum", {("title", "Impressum"): texts[0], "Die Praxis führt Anna Berger.": texts[1],
                                         "Dr. med. Anna Berger, Heilpraktikerin": "Dr. med. Anna Berger, Heilpraktikerin"
                                         if lang == "en" else "Dr Anna Berger, naturopathe"})
    blog.run("build")
    assert _legal_notice(blog, "fr/impressum/index.html") == "En cas de doute, l’original en allemand fait foi."
    link = page(blog, "fr/impressum/index.html").xpath('//aside[contains(@class, "notice-translation")]//a')[0]
    assert (link.get("href"), link.get("hreflang")) == ("/blog/de/impressum/", "de")
    assert _legal_notice(blog, "de/impressum/index.html") is None  # the original itself
    assert _legal_notice(blog, "en/milz/index.html") is None  # a fully reviewed article: nothing to say


def test_a_german_copy_signed_off_with_ignore_unchanged_is_shown_as_reviewed(blog):
    """Fresh-user trial: German a reviewer copied unchanged into msgstr and signed off was still "not translated
    yet" (German, lang="de", under that notice; its words untranslated in ``status``). ``# ignore-unchanged`` on it
    is how the reviewer says the copy is meant (check's ``unchanged`` finding waived): the page then shows it as
    reviewed. The same copy without that line stays German, as before. (A name with its title signed off as it is
    needs no such line since trial 33: it is no German prose.)"""
    blog.write("verlag.toml", blog.read("verlag.toml").replace("[site]\n", '[site]\nlegal = ["impressum"]\n'))
    blog.write("source_de/seiten/impressum.md", IMPRESSUM)
    blog.run("extract")
    name, kept = "Dr. med. Anna Berger, Heilpraktikerin", "Die Praxis führt Anna Berger."
    for lang, title in (("en", "Legal notice (Impressum)"), ("fr", "Mentions légales")):
        review(blog, lang, "impressum", {("title", "Impressum"): title, name: name})
        review(blog, lang, "impressum", {kept: kept}, silence=("unchanged",) if lang == "en" else ())
    assert "unchanged" not in blog.run("check", "--lang", "en").output
    blog.run("build")
    english = page(blog, "en/impressum/index.html")
    assert _legal_notice(blog, "en/impressum/index.html") == "In case of doubt, the original in German applies."
    for text in (kept, "Heilpraktikerin"):
        (shown,) = [p for p in english.xpath('//div[@class="article-body"]/p') if text in p.text_content()]
        assert shown.xpath("ancestor-or-self::*[@lang]/@lang") == ["en"]  # the page's own, not lang="de"
    status = blog.run("status", "--lang", "en").output
    assert re.search(r"impressum \(legal\)\s+3\s+0\s+0\s+0\s+0\b", status), status  # three reviewed, none empty
    french = _legal_notice(blog, "fr/impressum/index.html")  # not marked as meant: German, as before
    assert "pas encore traduits" in french and "En cas de doute" in french, french
    (german,) = [p for p in page(blog, "fr/impressum/index.html").xpath('//div[@class="article-body"]/p')
                 if kept in p.text_content()]
    assert german.get("lang") == "de"


ADDRESS = "Naturheilpraxis Sommer, Lena Sommer, Lindenstraße 12, 04109 Leipzig"
CONTACT = "Telefon: +49 341 555 0199  \nE-Mail: praxis@praxis-sommer.example"
INVENTED = "Die Praxis ist erfunden und dient nur als Beispiel."
LEGAL_BODY = f"## Anbieterin\n\n{ADDRESS}\n\n{CONTACT}\n\n{INVENTED}\n"


def _impressum(project, translations: dict) -> list[str]:
    """A legal page (``[site] legal``) whose English catalog a reviewer signed off whole with ``translations``,
    built; returns check's ``[unchanged]`` lines."""
    project.write("verlag.toml", project.read("verlag.toml").replace("[site]\n", '[site]\nlegal = ["impressum"]\n'))
    project.write("source_de/seiten/impressum.md", article("Impressum", LEGAL_BODY))
    project.run("extract")
    review(project, "en", "impressum", {("title", "Impressum"): "Legal notice (Impressum)", "Anbieterin": "Provider",
                                        **translations})
    project.run("build")
    return [line for line in project.run("check", "--lang", "en").output.splitlines() if line.endswith("[unchanged]")]


def _en_impressum(project):
    return html.parse(str(project.root / "site/en/impressum/index.html")).getroot()


def test_a_name_address_and_contact_signed_off_unchanged_on_a_legal_page_count_as_translated(blog):
    """Trial 33: a privacy notice's controller, name and address, signed off as it is (rightly: it is the same in
    every language), made the English page say "Some passages are not translated yet", tinted the address as German
    and ``check`` warn ``[unchanged]``, unless the reviewer knew to add ``# ignore-unchanged``. Text with no word
    of German prose (names, numbers, an e-mail address) signed off unchanged is the translation: shown in the page's
    language, no notice, no warning, counted as reviewed by ``status`` as by the build."""
    unchanged = _impressum(blog, {ADDRESS: ADDRESS, CONTACT: CONTACT,
                                  INVENTED: "The practice is invented and serves only as an example."})
    assert unchanged == []
    page = _en_impressum(blog)
    assert _legal_notice(blog, "en/impressum/index.html") == "In case of doubt, the original in German applies."
    (address,) = page.xpath(f'//div[@class="article-body"]/p[. = "{ADDRESS}"]')
    assert address.get("lang") is None and not address.xpath(".//*[@lang]")
    (contact,) = page.xpath('//div[@class="article-body"]/p[contains(., "Telefon")]')
    assert contact.get("lang") is None and not contact.xpath(".//*[@lang]")
    record = json.loads(blog.read("editions/en/impressum.json"))
    assert record["segments"] == {"machine_shown": 0, "reviewed": 5}, record["segments"]
    (row,) = [r for r in json.loads(blog.run("status", "--format", "json").output)["articles"]
              if r["lang"] == "en" and r["slug"] == "impressum"]
    assert row["segments"]["reviewed"] == 5 and row["segments"]["untranslated"] == 0, row


def test_german_prose_signed_off_unchanged_on_a_legal_page_is_still_german_and_warned(blog):
    """Beside the address signed off as it is (the translation), a German sentence signed off unchanged is still
    German: ``check`` warns ``[unchanged]`` at it alone, the page shows it ``lang="de"`` under the notice."""
    unchanged = _impressum(blog, {ADDRESS: ADDRESS, CONTACT: CONTACT, INVENTED: INVENTED})
    catalog = blog.read("translations/en/impressum.po").splitlines()
    (line,) = unchanged
    where = f"translations/en/impressum.po:{catalog.index(f'msgid {json.dumps(INVENTED)}') + 1}"
    assert line.startswith(f"warning: {where}: translation is identical to the German text; signed off, it is "
                           "shown as German"), line
    page = _en_impressum(blog)
    assert "Some passages are not translated yet" in _legal_notice(blog, "en/impressum/index.html")
    (german,) = page.xpath(f'//div[@class="article-body"]/p[. = "{INVENTED}"]')
    assert german.get("lang") == "de"
    (address,) = page.xpath(f'//div[@class="article-body"]/p[. = "{ADDRESS}"]')
    assert address.get("lang") is None
    record = json.loads(blog.read("editions/en/impressum.json"))
    assert record["segments"]["german_copy"] == 1, record["segments"]


def test_a_draft_shown_in_german_is_said_to_be_translated_but_not_checked_not_untranslated(blog):
    """Fresh-user trial: the legal page under ``[publish] unreviewed = "machine"`` shows its machine drafts in
    German (a legal page publishes reviewed translations only) and said "Some passages are not translated yet",
    so did an article whose drafts ``unreviewed = "source"`` holds back: they are translated, not checked. The
    notice and each passage's title say that; a passage with no translation at all is still "not translated"."""
    blog.write("verlag.toml", blog.read("verlag.toml").replace("[site]\n", '[site]\nlegal = ["impressum"]\n')
               + '\n[publish.fr]\nunreviewed = "machine"\n')
    blog.write("source_de/seiten/impressum.md", IMPRESSUM)
    blog.run("extract")
    review(blog, "fr", "impressum", {("title", "Impressum"): "Mentions légales",
                                     "Die Praxis führt Anna Berger.": "Anna Berger dirige le cabinet."})
    for lang, slug, msgid, msgstr in (("fr", "impressum", "Dr. med. Anna Berger, Heilpraktikerin",
                                       "Dr Anna Berger, naturopathe"),
                                      ("en", "milz", "Die Milz ist klein.", "The spleen is little.")):
        path = blog.root / f"translations/{lang}/{slug}.po"  # a draft nobody checked: fuzzy, no #| msgid
        po = polib.pofile(str(path))
        entry = po.find(msgid)
        entry.msgstr, entry.flags = msgstr, [*entry.flags, "fuzzy"]
        po.save()
    blog.run("build")
    french = _legal_notice(blog, "fr/impressum/index.html")
    assert french == ("Certains passages sont traduits mais pas encore vérifiés par une personne\u202f; ils "
                      "s’affichent dans la langue d’origine jusqu’à leur vérification. En cas de doute, l’original en "
                      "allemand fait foi."), french
    (held,) = page(blog, "fr/impressum/index.html").xpath('//*[@lang="de" and contains(., "Heilpraktikerin")]')
    assert held.get("title") == "Traduit, pas encore vérifié\u202f: affiché dans la langue d’origine"
    english = _legal_notice(blog, "en/milz/index.html")
    assert "not yet checked" in english and "not translated yet" not in english, english
    (held,) = page(blog, "en/milz/index.html").xpath('//*[@lang="de" and contains(., "Die Milz ist klein.")]')
    assert held.get("title") == "Translated, not checked yet: shown in the original language"
    untranslated = _legal_notice(blog, "fr/milz/index.html")  # its heading has no translation at all
    assert "pas encore traduits" in untranslated and "vérifiés" not in untranslated, untranslated


def test_the_home_page_of_a_site_without_articles_says_so_in_plain_german(tmp_path):
    """Fresh-user trial: the German home page of a site with no article yet said "In dieser Sprache ist noch kein
    Artikel erschienen", as if the original's edition lacked what other languages had; the site has none, in any
    language. A translation's empty home page still speaks of its language, and every shipped site.po has both."""
    from conftest import Project, fill_in_legal_pages

    project = Project(tmp_path / "praxis")
    project.run("init")  # its example article is a draft
    fill_in_legal_pages(project.root)
    project.run("build")
    (said,) = page(project, "de/index.html").xpath('//main//p[not(ancestor::template)]')
    assert said.text_content() == "Es sind noch keine Artikel erschienen."
    for lang in ("en", "fr", "tr"):
        shipped = polib.pofile(str(REPO / f"translations/{lang}/site.po"))
        for msgid in ("No articles have been published yet.", "No articles have been published in this language yet."):
            assert shipped.find(msgid).msgstr and not shipped.find(msgid).fuzzy, (lang, msgid)

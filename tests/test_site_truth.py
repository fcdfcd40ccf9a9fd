"""The published site says what it shows: a fresh user's trial (extract, pretranslate with the offline
chain, a reviewer's edits, build) read back from the pages, the feed, the sitemap and the redirects."""

from __future__ import annotations

import json

import lxml.html
import polib
import pytest
from lxml import etree

from conftest import Project, article, msgfmt_check, review
from test_feeds import assert_valid_atom, atom_schema  # noqa: F401 (a fixture)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SLUG = "tee"
BODY = """
    Ein Kräutertee wärmt von innen. Man nimmt getrocknete Blüten und heißes Wasser.

    ## Zubereitung

    **Zehn Minuten** ziehen lassen. Dann abseihen und langsam trinken.
    """
ENGLISH = {
    ("title", "Kräutertee für kalte Abende"): "Herbal tea for cold evenings",
    ("tag", "Tee"): "Tea",
    ("tag", "Kräuter"): "Herbs",
    "Ein Kräutertee wärmt von innen.": "A herbal tea warms you from the inside.",
    "Man nimmt getrocknete Blüten und heißes Wasser.": "Take dried flowers and hot water.",
    "Zubereitung": "Preparation",
    "**Zehn Minuten** ziehen lassen.": "Let it steep for **ten minutes**.",
    "Dann abseihen und langsam trinken.": "Then strain it and drink slowly.",
}


@pytest.fixture
def tea(tmp_path) -> Project:
    """One English article drafted by README's offline chain (``tm``, then ``copy``), machine text shown."""
    project = Project(tmp_path / "p")
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n'
                                 '[publish]\nunreviewed = "machine"\nmin_translated = 0\n\n'
                                 '[pretranslate]\nengines = ["tm", "copy"]\n\n'
                                 '[site]\nbase_url = "https://example.org/"\nsearch = false\n')
    project.write(f"source_de/{SLUG}.md", article("Kräutertee für kalte Abende", BODY, tags="[Tee, Kräuter]",
                                                  aliases="[/de/alt/, /en/alt/, /alt/, frueher]"))
    project.run("extract")
    project.run("pretranslate")
    return project


def page(project: Project, rel: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(project.read(rel))


def test_an_edition_of_copied_german_is_untranslated_and_not_published(tea):
    msgfmt_check(tea.root / f"translations/en/{SLUG}.po")
    assert "# mt: copy" in tea.read(f"translations/en/{SLUG}.po")
    built = tea.run("build")
    assert not (tea.root / f"site/en/{SLUG}").exists() and not (tea.root / "site/en/feed.xml").exists()
    assert f"en: not published (nothing translated yet): {SLUG}" in built.output
    assert "/en/" not in tea.read("site/sitemap.xml")
    assert not page(tea, f"site/de/{SLUG}/index.html").xpath('//link[@hreflang="en"]')
    (row,) = [r for r in json.loads(tea.run("status", "--format", "json").output)["articles"] if r["slug"] == SLUG]
    assert row["segments"] == {"untranslated": 8, "machine": 0, "reused": 0, "hand": 0, "stale": 0, "reviewed": 0}


def test_copied_german_in_a_published_translation_is_marked_german_not_machine_text(tea):
    review(tea, "en", SLUG, {k: v for k, v in ENGLISH.items() if k != "Dann abseihen und langsam trinken."})
    tea.run("build")
    html = page(tea, f"site/en/{SLUG}/index.html")
    (german,) = html.xpath('//div[@class="article-body"]//*[@lang="de"]')
    assert german.text_content() == "Dann abseihen und langsam trinken."
    notice = html.xpath('string(//aside[contains(@class, "notice-translation")])')
    assert "not translated yet" in notice and "made by machine" not in notice


def test_the_byline_says_partly_checked_when_qa_holds_a_reviewed_sentence_back(tea):
    review(tea, "en", SLUG, ENGLISH)
    tea.run("build")
    assert page(tea, f"site/en/{SLUG}/index.html").xpath('string(//p[@class="translator"])') == ""  # no name yet
    po = tea.root / f"translations/en/{SLUG}.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        "Last-Translator: \\n", "Last-Translator: Tom Reviewer <tom@example.org>\\n"), encoding="utf-8")
    tea.run("build")
    html = page(tea, f"site/en/{SLUG}/index.html")
    assert html.xpath('string(//p[@class="translator"])') == "Translated by Tom Reviewer"
    review(tea, "en", SLUG, {"**Zehn Minuten** ziehen lassen.": "**Ten minutes steep."})
    built = tea.run("build")
    assert "1 segment held back" in built.output
    html = page(tea, f"site/en/{SLUG}/index.html")
    assert html.xpath('//div[@class="article-body"]//*[@lang="de"]')
    assert html.xpath('string(//p[@class="translator"])').startswith("Translation partly checked by Tom Reviewer")
    (data,) = html.xpath('//script[@type="application/ld+json"]/text()')
    assert "translator" not in json.loads(data)


def test_each_tag_shown_in_german_carries_lang_not_the_whole_list(tea, atom_schema):
    review(tea, "en", SLUG, {k: v for k, v in ENGLISH.items() if k != ("tag", "Kräuter")})
    tea.run("build")
    (tags,) = page(tea, f"site/en/{SLUG}/index.html").xpath('//ul[@class="tags"]')
    assert tags.get("lang") is None
    assert [(li.text, li.get("lang")) for li in tags] == [("Tea", None), ("Kräuter", "de")]
    assert_valid_atom(tea.root / "site/en/feed.xml", atom_schema)
    categories = etree.parse(str(tea.root / "site/en/feed.xml")).getroot().iterfind(".//{*}category")
    assert [(c.get("term"), c.get(XML_LANG)) for c in categories] == [("Tea", None), ("Kräuter", "de")]


def descriptions(project: Project, rel: str) -> tuple:
    """A page's description as ``<meta name="description">``, ``og:description`` and JSON-LD say it (None: absent)."""
    html = page(project, rel)
    (data,) = html.xpath('//script[@type="application/ld+json"]/text()')
    return (*(next(iter(html.xpath(f'//meta[@{attr}="{name}"]/@content')), None)
              for attr, name in (("name", "description"), ("property", "og:description"))),
            json.loads(data).get("description"))


def test_a_translation_shows_no_german_summary_as_its_description(project: Project):
    """Trial 16: an English page whose summary was still a machine draft (shown in German) gave the German
    summary as its meta, og: and JSON-LD description, the JSON-LD saying inLanguage en."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n'
                                 '[publish]\nunreviewed = "source"\nmin_translated = 0\n\n'
                                 '[site]\nbase_url = "https://example.org/"\nsearch = false\n')
    german = "Warum eine Wärmflasche bei Bauchweh hilft."
    project.write("source_de/waerme.md", article("Wärme", "Wärme entspannt den Bauch.\n", summary=german))
    project.run("extract")
    review(project, "en", "waerme", {("title", "Wärme"): "Warmth", "Wärme entspannt den Bauch.": "Warmth relaxes."})
    po = polib.pofile(str(project.root / "translations/en/waerme.po"))
    draft = po.find(german, msgctxt="summary")
    draft.msgstr, draft.flags = "Why a hot-water bottle helps.", ["fuzzy"]  # a machine draft, not reviewed yet
    po.save()
    msgfmt_check(project.root / "translations/en/waerme.po")
    project.run("build")
    assert descriptions(project, "site/en/waerme/index.html") == (None, None, None)
    assert descriptions(project, "site/de/waerme/index.html") == (german,) * 3
    index = page(project, "site/en/index.html").xpath('//p[@class="summary"]')
    assert [(p.text, p.get("lang")) for p in index] == [(german, "de")]  # a list can mark it German
    review(project, "en", "waerme", {("summary", german): "Why a hot-water bottle helps."})
    project.run("build")
    assert descriptions(project, "site/en/waerme/index.html") == ("Why a hot-water bottle helps.",) * 3


def test_each_languages_old_address_leads_to_that_languages_edition(tea):
    built = tea.run("build")
    lines = tea.read("site/_redirects").splitlines()
    assert "/en/alt/  /de/tee/  301" in lines  # no English page yet: the original, and the build says so
    assert "note: source_de/tee.md:5: aliases: /en/alt/ leads to the original (de) until" in built.output
    review(tea, "en", SLUG, ENGLISH)
    built = tea.run("build")
    assert "aliases:" not in built.output
    assert sorted(tea.read("site/_redirects").splitlines()) == [
        "/alt/  /de/tee/  301", "/de/alt/  /de/tee/  301", "/de/frueher/  /de/tee/  301",
        "/en/alt/  /en/tee/  301", "/en/frueher/  /en/tee/  301"]
    assert "RedirectMatch 301 ^/en/alt/?$ https://example.org/en/tee/" in tea.read("site/.htaccess")
    stub = page(tea, "site/en/frueher/index.html")
    assert stub.get("lang") == "en" and stub.findtext(".//title") == "Herbal tea for cold evenings"
    assert stub.xpath('//link[@rel="canonical"]/@href') == ["https://example.org/en/tee/"]
    assert stub.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert page(tea, "site/de/alt/index.html").get("lang") == "de"


def test_an_unknown_front_matter_key_is_a_warning_at_its_line_with_the_closest_key(tea):
    source = tea.read(f"source_de/{SLUG}.md").replace("tags:", "reading-time: 4\nsumary: Kurz.\ntags:", 1)
    tea.write(f"source_de/{SLUG}.md", source)
    lines = source.splitlines()
    at = {key: lines.index(next(line for line in lines if line.startswith(key))) + 1
          for key in ("reading-time", "sumary")}
    for command in ("extract", "check"):
        output = tea.run(command).output
        assert (f"warning: source_de/{SLUG}.md:{at['sumary']}: sumary: unknown front-matter key, ignored; "
                "did you mean 'summary'?") in output
        assert (f"warning: source_de/{SLUG}.md:{at['reading-time']}: reading-time: unknown front-matter key, "
                "ignored (known: title, author, date,") in output
    assert (tea.root / f"translations/en/{SLUG}.po").is_file()


def test_two_articles_with_one_title_are_named_by_check_and_build_at_both_title_lines(project: Project):
    """Trial 15: two articles with the same title appeared twice in every list, without a word."""
    project.write("source_de/ingwer.md", article("Ingwer für kalte Tage", "Ingwer wärmt.\n"))
    project.write("source_de/ingwer-tee.md", article("Ingwer für kalte Tage ", "Ingwertee wärmt auch.\n"))
    project.write("source_de/kamille.md", article("Kamille", "Kamille beruhigt.\n"))
    project.write("source_de/kamille-alt.md", article("kamille", "Noch nicht fertig.\n", draft="true"))
    project.run("extract")
    said = ("title: 'Ingwer für kalte Tage' is also the title of source_de/{other}: every list of articles and feed "
            "shows them alike; give one of them another title")
    check = project.run("check").output
    build = project.run("build").output
    for output, form in ((check, "warning: source_de/{file}:2: {said} [same-title]"),
                         (build, "warning: source_de/{file}:2: {said}")):
        assert form.format(file="ingwer.md", said=said.format(other="ingwer-tee.md")) in output, output
        assert form.format(file="ingwer-tee.md", said=said.format(other="ingwer.md")) in output, output
        assert output.count("is also the title") == 2, output  # not the draft kamille-alt beside kamille


def test_an_article_without_text_is_named_with_whether_it_is_published(project: Project):
    """Trial 15: an article of front matter only was published as an empty page without a word."""
    project.write("source_de/leer.md", "---\ntitle: Leer\ndate: 2026-05-26\n---\n\n<!-- kommt noch -->\n")
    project.write("source_de/entwurf.md", "---\ntitle: Entwurf\ndate: 2026-05-26\ndraft: true\n---\n")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    for command in ("extract", "check"):
        output = project.run(command).output
        assert ("warning: source_de/leer.md:4: no text after the front matter: the site publishes a page with only "
                "its title; write the text, or set 'draft: true' until it is written") in output, output
        assert "warning: source_de/entwurf.md:5: no text after the front matter: a draft, not published" in output
        assert "tee.md:3: no text" not in output


def test_build_names_an_article_without_text_it_publishes_once(project: Project):
    """Trial 16: build published an article of front matter only without a word (extract and check said it)."""
    project.write("source_de/leer.md", "---\ntitle: Leer\ndate: 2026-05-26\n---\n\n<!-- kommt noch -->\n")
    project.write("source_de/entwurf.md", "---\ntitle: Entwurf\ndate: 2026-05-26\ndraft: true\n---\n")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    output = project.run("build").output
    said = ("warning: source_de/leer.md:4: no text after the front matter: the site publishes a page with only its "
            "title; write the text, or set 'draft: true' until it is written")
    assert output.count(said) == 1, output
    assert (project.root / "site/de/leer/index.html").is_file()
    assert "entwurf.md:5" not in output and "tee.md:3: no text" not in output

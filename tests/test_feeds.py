"""Atom feeds (RFC 4287) of the shipped content and of a project fresh from ``init``.

Each feed must pass RFC 4287's own grammar (Appendix B, ``schemas/atom.rnc``,
converted with rnc2rng and checked by lxml), the three Schematron rules that
grammar carries as annotations (the feed or each entry names an author; each
entry has an alternate link or content), and feedparser without the bozo flag.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
import rnc2rng
from lxml import etree, html
from lxml.isoschematron import Schematron

from conftest import Project, adopt_example, copy_shipped_project, fill_in_legal_pages, finish_new_article

BASE = "https://example.org/"
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SCHEMATRON_1_5 = "http://www.ascc.net/xml/schematron"
ISO_SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


@pytest.fixture(scope="module")
def atom_schema() -> tuple[etree.RelaxNG, Schematron]:
    """RFC 4287 Appendix B as RELAX NG, and the Schematron rules it carries as ISO Schematron."""
    rng = rnc2rng.dumps(rnc2rng.loads((Path(__file__).parent / "schemas" / "atom.rnc").read_text("utf-8")))
    # rnc2rng declares the grammar's empty `local` prefix, which XML Namespaces forbid; the grammar
    # itself names that namespace as ns="" and never uses the prefix.
    grammar = etree.fromstring(rng.replace('xmlns:local=""', "").encode("utf-8"))
    rules = grammar.findall(f".//{{{SCHEMATRON_1_5}}}rule")
    assert len(rules) == 3, "RFC 4287 Appendix B carries three Schematron rules"
    schema = etree.Element(f"{{{ISO_SCHEMATRON}}}schema", nsmap={"sch": ISO_SCHEMATRON})
    etree.SubElement(schema, f"{{{ISO_SCHEMATRON}}}ns", prefix="atom", uri=ATOM["atom"])
    pattern = etree.SubElement(schema, f"{{{ISO_SCHEMATRON}}}pattern")
    for rule in rules:  # Schematron 1.5 (the RFC's) and ISO Schematron share these elements
        for element in rule.iter(f"{{{SCHEMATRON_1_5}}}*"):
            element.tag = f"{{{ISO_SCHEMATRON}}}{etree.QName(element).localname}"
        pattern.append(rule)
    return etree.RelaxNG(grammar), Schematron(schema, store_report=True)


def assert_valid_atom(path: Path, atom_schema) -> feedparser.FeedParserDict:
    relaxng, schematron = atom_schema
    doc = etree.parse(str(path))
    assert relaxng.validate(doc), f"{path}: {relaxng.error_log}"
    assert schematron.validate(doc), f"{path}: {schematron.validation_report}"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.bozo_exception}"
    return feed


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    project = copy_shipped_project(tmp_path_factory.mktemp("shipped") / "blog")
    project.run("build")
    return project.root / "site"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Project:
    """A project as ``init`` makes it (no author anywhere) with one more article from ``new``."""
    project = started(tmp_path_factory.mktemp("fresh") / "praxis")
    project.run("extract")
    project.run("build")
    return project


def test_the_schema_rejects_a_feed_whose_entries_have_no_author(atom_schema, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>t</title>'
                    '<updated>2026-05-26T00:00:00Z</updated><entry><id>urn:y</id><title>e</title>'
                    '<updated>2026-05-26T00:00:00Z</updated><link href="https://example.org/"/></entry></feed>',
                    encoding="utf-8")
    relaxng, schematron = atom_schema
    doc = etree.parse(str(feed))
    assert relaxng.validate(doc)
    assert not schematron.validate(doc)
    assert "must have an atom:author" in str(schematron.validation_report)


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_feeds_of_the_shipped_content_are_valid_atom(shipped, atom_schema, lang):
    feed = assert_valid_atom(shipped / lang / "feed.xml", atom_schema)
    assert feed.feed.author == "Anna Berger"  # [site] has none: the project's author
    assert len(feed.entries) == 3


def test_the_feed_of_a_new_project_is_valid_and_names_the_site_as_author(fresh, atom_schema):
    feed = assert_valid_atom(fresh.root / "site/de/feed.xml", atom_schema)
    assert feed.feed.author == "praxis"  # init names the project after its folder and leaves author empty
    assert not any("author" in entry for entry in feed.entries)
    assert sorted(entry.title for entry in feed.entries) == ["Willkommen in der Praxis", "Zweiter Beitrag"]
    assert all(entry.content[0].type == "text/html" and entry.content[0].value for entry in feed.entries)


def started(root: Path) -> Project:
    """``init`` (its example article kept) and one more article from ``new``, dated long before the example
    article; both finished (their ``draft: true`` lines deleted)."""
    project = Project(root)
    project.run("init")
    adopt_example(project)
    fill_in_legal_pages(project.root)
    project.run("new", "Zweiter Beitrag")
    article = root / "source_de/zweiter-beitrag.md"
    text = re.sub(r"^date: .*$", "date: 2000-01-01", article.read_text("utf-8"), flags=re.M)
    article.write_text(text, "utf-8")
    finish_new_article(article)
    return project


def test_site_author_names_the_feed(tmp_path, atom_schema):
    project = started(tmp_path / "praxis")
    project.write("verlag.toml", project.read("verlag.toml").replace("[site]\n", '[site]\nauthor = "Praxis Dr. Weber"\n'))
    project.run("build")
    feed = assert_valid_atom(project.root / "site/de/feed.xml", atom_schema)
    assert feed.feed.author == "Praxis Dr. Weber"
    project.write("verlag.toml", project.read("verlag.toml").replace('"Praxis Dr. Weber"', "7"))
    result = project.run("build", code=2)
    lines = project.read("verlag.toml").splitlines()
    assert f"verlag.toml:{lines.index('author = 7') + 1}: author: expected a name" in result.output


def test_a_feed_carries_the_newest_feed_entries_articles(tmp_path, atom_schema):
    project = started(tmp_path / "praxis")
    project.write("verlag.toml", project.read("verlag.toml").replace("[site]\n", "[site]\nfeed_entries = 1\n"))
    project.run("build")
    feed = assert_valid_atom(project.root / "site/de/feed.xml", atom_schema)
    assert [entry.title for entry in feed.entries] == ["Willkommen in der Praxis"]
    assert feed.feed.updated == feed.entries[0].updated
    project.write("verlag.toml", project.read("verlag.toml").replace("feed_entries = 1", "feed_entries = 0"))
    result = project.run("build", code=2)
    lines = project.read("verlag.toml").splitlines()
    assert f"verlag.toml:{lines.index('feed_entries = 0') + 1}: feed_entries: expected a number" in result.output


def entry_html(feed_path: Path) -> dict[str, html.HtmlElement]:
    """Each entry's <content type="html"> parsed, keyed by the entry's id (its page's address)."""
    doc = etree.parse(str(feed_path))
    out = {}
    for entry in doc.iterfind("atom:entry", ATOM):
        content = entry.find("atom:content", ATOM)
        assert content.get("type") == "html"
        out[entry.findtext("atom:id", namespaces=ATOM)] = html.fragment_fromstring(content.text, create_parent="div")
    return out


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_an_entry_carries_its_whole_article_with_absolute_addresses(shipped, lang):
    entries = entry_html(shipped / lang / "feed.xml")
    assert len(entries) == 3
    for url, content in entries.items():
        page = html.parse(str(shipped / url.removeprefix(BASE) / "index.html")).getroot()
        body = page.find_class("article-body")[0]
        assert content.text_content().split()[-len(body.text_content().split()):] == body.text_content().split()
        addresses = [value for element in content.iter() for attr in ("href", "src")
                     if (value := element.get(attr)) is not None]
        assert addresses
        for address in addresses:
            assert address.startswith((BASE, "https://", "http://", "mailto:")), (url, address)
        for anchor in content.xpath(".//a[starts-with(@href, $url)]", url=url + "#"):
            assert page.xpath("//*[@id=$id]", id=anchor.get("href").partition("#")[2]), anchor.get("href")


def test_the_image_of_an_entry_points_to_the_published_copy(shipped):
    content = entry_html(shipped / "en/feed.xml")[f"{BASE}en/zecken-im-garten/"]
    assert content.xpath(".//img/@src") == [f"{BASE}media/bilder/zecke.en.svg"]  # the English variant of the image


def test_an_entry_carries_the_notices_of_its_page(shipped):
    """Machine text, German passages, an outdated translation: the feed reader learns it as the page says it."""
    seen = 0
    for lang in ("en", "fr"):
        for url, content in entry_html(shipped / lang / "feed.xml").items():
            page = html.parse(str(shipped / url.removeprefix(BASE) / "index.html")).getroot()
            notices = [n.text_content() for n in content.find_class("notice")]
            assert notices == [n.text_content() for n in page.find_class("notice")]
            links = {href for n in content.find_class("notice") for href in n.xpath(".//a/@href")}
            assert links <= {url.replace(f"/{lang}/", "/de/", 1)}
            seen += len(notices)
    assert seen


def test_an_empty_feed_is_dated_by_its_site_s_newest_article_not_1970(tmp_path, atom_schema):
    """The English feed of a site whose one translated article was withdrawn (``translate: false``) said
    ``<updated>1970-01-01T00:00:00+00:00</updated>``: a feed reader takes it for a feed unchanged since 1970. An
    empty feed is dated as the German feed is, by the newest article of the site (RFC 4287 4.2.15, reproducible)."""
    from conftest import article, review

    project = Project(tmp_path / "praxis")
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n", updated="2026-06-07"))
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Die Leber arbeitet nachts.": "The liver works."})
    project.run("build")
    assert len(assert_valid_atom(project.root / "site/en/feed.xml", atom_schema).entries) == 1
    project.write("source_de/leber.md",
                  project.read("source_de/leber.md").replace("---\nDie", "translate: false\n---\nDie"))
    project.run("build")
    feed = assert_valid_atom(project.root / "site/en/feed.xml", atom_schema)
    german = assert_valid_atom(project.root / "site/de/feed.xml", atom_schema)
    assert feed.entries == [] and feed.feed.updated == german.feed.updated == "2026-06-07T00:00:00Z"


def test_the_feed_of_a_site_with_no_article_yet_has_a_true_date_not_1970(tmp_path, atom_schema, monkeypatch):
    """Fresh-user trial: a project fresh from ``init`` (its example a draft, its legal pages filled in) built a
    German feed dated ``1970-01-01T00:00:00Z``. RFC 4287 4.1.1 requires the feed's ``updated``, the last time it
    changed significantly (4.2.15): with no article it is the newest page's date (the Impressum's), and with no
    page either the build's (SOURCE_DATE_EPOCH, as reproducible builds set it)."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    fill_in_legal_pages(project.root)
    for page, day in (("impressum", "2026-03-02"), ("datenschutz", "2026-02-01")):
        path = project.root / f"source_de/seiten/{page}.md"
        path.write_text(re.sub(r"(?m)^date: .*$", f"date: {day}", path.read_text("utf-8")), "utf-8")
    project.run("build")
    feed = assert_valid_atom(project.root / "site/de/feed.xml", atom_schema)
    assert feed.entries == [] and feed.feed.updated == "2026-03-02T00:00:00+01:00"  # verlag.toml's Europe/Berlin
    for page in (project.root / "source_de/seiten").glob("*.md"):
        page.unlink()
    project.write("verlag.toml", re.sub(r"(?m)^legal = .*$", "legal = []", project.read("verlag.toml")))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    project.run("build")
    feed = assert_valid_atom(project.root / "site/de/feed.xml", atom_schema)
    assert feed.entries == [] and feed.feed.updated == "2026-05-28T20:26:40Z"


def test_an_arabic_entry_s_content_runs_right_to_left_and_its_german_passage_left_to_right(tmp_path, atom_schema):
    """The feed's ``xml:lang="ar"`` is the Atom document's language, not the direction of the HTML an entry
    carries: a feed reader lays that out by the HTML's own ``dir``, and without one showed an Arabic article
    left to right (its punctuation at the wrong end). The content runs ``rtl`` as the page does; a German
    passage in it (a sentence not yet translated) ``ltr``."""
    from conftest import article, review

    project = Project(tmp_path / "praxis")
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["ar", "en"]\n'
                  '[publish]\nmin_translated = 0\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n\nSie braucht Ruhe.\n"))
    project.run("extract")
    review(project, "ar", "leber", {("title", "Leber"): "الكبد", "Die Leber arbeitet nachts.": "الكبد يعمل ليلاً."})
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Die Leber arbeitet nachts.": "The liver works."})
    project.run("build")
    for lang, direction in (("ar", "rtl"), ("en", "ltr")):
        assert_valid_atom(project.root / f"site/{lang}/feed.xml", atom_schema)
        [content] = entry_html(project.root / f"site/{lang}/feed.xml").values()
        [top] = content  # the one element the content is
        assert (top.get("lang"), top.get("dir")) == (lang, direction), html.tostring(content, encoding="unicode")
        assert "الكبد يعمل ليلاً." in top.text_content() or lang == "en"
        [german] = content.xpath(".//*[@lang='de'][contains(., 'Sie braucht Ruhe.')]")
        assert german.get("dir") == ("ltr" if lang == "ar" else None)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_entry_says_who_reviewed_the_health_text_and_who_translated_it_as_its_page_does(shipped, lang):
    """Trial 12: a feed entry carried the article and its notices but neither the medical review line nor the
    translator's: a reader in a feed reader could not tell who checked the health text. Each entry has the lines
    its page has (class ``reviewed``, ``translator``), with the same text."""
    entries = entry_html(shipped / lang / "feed.xml")
    url = f"{BASE}{lang}/rueckenschmerzen-leber/"
    page = html.parse(str(shipped / url.removeprefix(BASE) / "index.html")).getroot()
    for kind in ("reviewed", "translator"):
        shown = [" ".join(p.text_content().split()) for p in page.find_class(kind)]
        assert [" ".join(p.text_content().split()) for p in entries[url].find_class(kind)] == shown, kind
    assert page.find_class("reviewed")

"""``verlag import``: each source kind against golden files, then extract and build on what it wrote.

Inputs are in tests/data/import/ (written for these tests, in German); the expected source files
beside them in tests/data/import/expected/<input name>/ (the paths under source_de/). After a
deliberate change, regenerate and review the diff:

    VERLAG_REGENERATE=1 python -m pytest tests/test_import.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import html

from conftest import WALL, Project, msgfmt_check, review, sign_off_all
from pipeline.errors import VerlagError
from pipeline.importer import detect_kind
from pipeline.importer_html import _words, html_to_markdown, read_feed, read_page, read_wxr
from pipeline.importer_text import german_date, read_text
from pipeline.segment import commonmark_parser

DATA = Path(__file__).parent / "data" / "import"
EXPECTED = DATA / "expected"
REGENERATE = os.environ.get("VERLAG_REGENERATE") == "1"
SOURCES = {
    "seite.html": ["brennnesseltee-im-fruehjahr.md", "bilder/brennnessel.jpg"],
    "wordpress.xml": ["der-garten-im-herbst.md", "schlaf-und-jahreszeiten.md", "seiten/ueber-die-praxis.md"],
    "feed.xml": ["bewegung-im-buero-drei-kleine-uebungen.md", "neue-sprechzeiten-ab-maerz.md",
                 "warum-wasser-trinken-im-winter-zaehlt.md"],
    "kopiert.txt": ["kalte-fuesse-am-abend-was-der-kreislauf-damit-zu-tun-hat.md"],
    "wix.html": ["holunderblueten-sammeln.md"],
    "hugo.md": ["kraeutertee-im-winter.md"],  # TOML front matter, a theme's note box, a shortcode
    "jekyll.md": ["leberwickel-so-geht-s.md"],  # YAML front matter, a Liquid tag
}


def written(project: Project) -> dict[str, bytes]:
    root = project.root / "source_de"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_each_source_kind_gives_the_expected_german_sources(project, name):
    out = project.run("import", str(DATA / name)).output
    got = written(project)
    assert sorted(got) == sorted(SOURCES[name])
    for rel, data in got.items():
        expected = EXPECTED / name / rel
        if REGENERATE:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_bytes(data)
        assert expected.exists(), f"{expected} is missing; generate it with VERLAG_REGENERATE=1 and review it"
        assert data == expected.read_bytes(), f"{rel} differs from {expected}"
        if rel.endswith(".md"):
            assert f"source_de/{rel}" in out


def publish_all(project: Project) -> None:
    """The author's step after checking the imports: delete every 'draft: true' line."""
    for path in (project.root / "source_de").rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")


def test_imported_articles_go_through_extract_and_build(project):
    project.run("import", *(str(DATA / name) for name in sorted(SOURCES)))
    project.run("extract")
    assert "drafts, not published (draft: true)" in project.run("build").output
    assert not (project.root / "site/de/der-garten-im-herbst").exists(), "an import is a draft until checked"
    publish_all(project)
    project.run("extract")
    project.run("build")
    for lang in ("en", "fr"):
        for catalog in (project.root / "translations" / lang).glob("*.po"):
            msgfmt_check(catalog)
    page = html.parse(str(project.root / "site/de/brennnesseltee-im-fruehjahr/index.html"))
    assert page.xpath("//h1")[0].text_content().strip() == "Brennnesseltee im Frühjahr"
    assert [h.text_content() for h in page.xpath("//main//h2")][:2] == ["So gelingt der Tee",
                                                                       "Wer vorsichtig sein sollte"]
    assert page.xpath("//img[@src='/media/bilder/brennnessel.jpg']/@alt") == ["Junge Brennnesseln am Wegrand"]
    assert (project.root / "site/media/bilder/brennnessel.jpg").read_bytes() == \
        (DATA / "seite_files/brennnessel.jpg").read_bytes()
    pasted = html.parse(str(project.root / "site/de/kalte-fuesse-am-abend-was-der-kreislauf-damit-zu-tun-hat/"
                                           "index.html"))
    assert [li.text_content() for li in pasted.xpath("//main//ul/li")][:3] == [
        "Ein kurzer Spaziergang nach dem Essen", "Wechselbäder für die Füße", "Wollsocken aus Schafwolle"]
    assert (project.root / "site/de/ueber-die-praxis/index.html").is_file()
    feed = (project.root / "site/de/feed.xml").read_text(encoding="utf-8")
    assert "Der Garten im Herbst" in feed and "Über die Praxis" not in feed


def test_the_summary_shows_every_guess_of_the_pasted_text(project):
    out = project.run("import", str(DATA / "kopiert.txt")).output
    assert "author (first other byline item): Jana Vogt" in out
    assert "dropped the reading time: 3 Min. Lesezeit" in out
    assert "date: 2025-01-12 from '12. Jan.' (year from the other date)" in out
    assert "line 9: list of 3 items after 'Was Sie selbst tun können:'" in out
    assert "line 15: heading (short line before a paragraph): Fazit" in out
    assert "dropped widget text at the end: Teilen, Gefällt mir, 12 Aufrufe, Kommentar schreiben, Comments" in out
    assert "not found: summary, tags, old address (no redirect)" in out


def test_an_existing_article_is_never_overwritten(project):
    mine = project.write("source_de/brennnesseltee-im-fruehjahr.md", "---\ntitle: Mein eigener Tee\n---\nText.\n")
    project.write("source_de/bilder/brennnessel.jpg", "ein anderes Bild")
    out = project.run("import", str(DATA / "seite.html")).output
    assert mine.read_text(encoding="utf-8") == "---\ntitle: Mein eigener Tee\n---\nText.\n"
    assert project.read("source_de/bilder/brennnessel.jpg") == "ein anderes Bild"
    assert "slug 'brennnesseltee-im-fruehjahr' is already used: named 'brennnesseltee-im-fruehjahr-2'" in out
    second = project.read("source_de/brennnesseltee-im-fruehjahr-2.md")
    assert "![Junge Brennnesseln am Wegrand](bilder/brennnessel-2.jpg)" in second
    assert (project.root / "source_de/bilder/brennnessel-2.jpg").read_bytes() == \
        (DATA / "seite_files/brennnessel.jpg").read_bytes()

    before = project.snapshot()
    again = project.run("import", str(DATA / "seite.html")).output
    assert "already imported as source_de/brennnesseltee-im-fruehjahr-2.md" in again
    assert "articles written" not in again
    assert project.snapshot() == before


def test_a_slug_set_in_another_articles_front_matter_is_taken_too(project):
    project.write("source_de/tee.md", "---\ntitle: Tee\nslug: brennnesseltee-im-fruehjahr\n---\nText.\n")
    project.run("import", str(DATA / "seite.html"))
    assert (project.root / "source_de/brennnesseltee-im-fruehjahr-2.md").is_file()
    assert not (project.root / "source_de/brennnesseltee-im-fruehjahr.md").exists()


def test_dry_run_shows_the_markdown_and_writes_nothing(project):
    before = project.snapshot()
    out = project.run("import", "--dry-run", str(DATA / "feed.xml")).output
    assert project.snapshot() == before
    assert not (project.root / ".verlag").exists(), "not even the project lock"
    assert "would write source_de/warum-wasser-trinken-im-winter-zaehlt.md (from " in out
    assert (EXPECTED / "feed.xml/warum-wasser-trinken-im-winter-zaehlt.md").read_text(encoding="utf-8") in out


def test_bad_input_is_named_by_file_and_line_and_the_other_sources_are_still_imported(project, tmp_path):
    broken = tmp_path / "export.xml"
    broken.write_text('<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
                      "<item><title>Ohne Ende</title>\n</channel>\n</rss>\n", encoding="utf-8")
    result = project.run("import", str(broken), str(DATA / "kopiert.txt"), code=2)
    assert f"error: {broken}:5: not well-formed XML" in result.output
    assert "Traceback" not in result.output and "cut off" not in result.output  # it ends where it should
    assert written(project) == {"kalte-fuesse-am-abend-was-der-kreislauf-damit-zu-tun-hat.md":
                                (EXPECTED / "kopiert.txt/kalte-fuesse-am-abend-was-der-kreislauf-damit-zu-tun-hat.md")
                                .read_bytes()}
    assert result.stderr.splitlines()[-1] == f"import: 1 error above, not imported; everything else was: {broken}"


CUT_OFF = ("; the file ends inside an element: the export looks cut off (a download or copy that stopped early): "
           "export it again (Tools → Export) and import the new file")


def test_a_cut_off_export_is_one_line_naming_file_line_column_and_problem(project, tmp_path):
    """A WordPress export cut off inside a CDATA section: lxml's message carries the cut-off text on a second
    line; the error is one line, the place, the problem and its likely cause (fresh-user trial 16: a cut-off
    export was "not well-formed" and no more), and nothing is written."""
    broken = tmp_path / "export.xml"
    broken.write_text('<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
                      "<item><title>Ohne Ende</title>\n<wp:post_date><![CDATA[2024-05-14 0", encoding="utf-8")
    result = project.run("import", str(broken), code=2)
    assert result.output.splitlines()[0] == \
        f"error: {broken}:5: not well-formed XML at column 36: CData section not finished{CUT_OFF}", result.output
    assert "2024-05-14" not in result.output
    assert written(project) == {}
    assert result.stderr.splitlines()[-1] == f"import: 1 error above, nothing imported: {broken}"  # nothing else given


def test_an_export_cut_off_after_whole_posts_imports_none_of_them_and_says_why(project, tmp_path):
    """Fresh-user trial 16: an export that stops inside a tag after complete posts (the trial's ended in
    ``<wp:post_name>``) is refused whole, with the cause, not imported up to where it stops."""
    whole = wxr("<title>Ganz</title><wp:post_id>3</wp:post_id><wp:status>publish</wp:status>"
                f"<content:encoded><![CDATA[{LEAD}]]></content:encoded>")
    broken = tmp_path / "export.xml"
    broken.write_text(whole[:whole.index("</channel>")] + "<item><title>Halb</title>\n<wp:post_na", encoding="utf-8")
    result = project.run("import", str(broken), code=2)
    assert result.output.startswith(f"error: {broken}:"), result.output
    assert CUT_OFF in result.output.splitlines()[0]
    assert written(project) == {}


def test_a_cut_off_feed_imports_none_of_its_entries_and_says_why(project, tmp_path):
    """A feed that stops inside an entry was read by feedparser up to there: the entries before it and the last
    one without its text were written as articles, and nothing said the file was incomplete."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title>\n'
                    "<item><title>Ganz</title><link>https://blog.example/ganz</link>"
                    f"<description>{LEAD}</description></item>\n"
                    "<item><title>Halb</title><link>https://blog.example/halb</link><description>Hier bricht",
                    encoding="utf-8")
    result = project.run("import", str(feed), code=2)
    assert result.output.startswith(f"error: {feed}:4: not well-formed XML at column "), result.output
    assert ("the file ends inside an element: the feed looks cut off (a download or copy that stopped early): save "
            "it again and import the new file") in result.output
    assert written(project) == {}


def test_a_date_without_a_year_asks_for_year(project, tmp_path):
    pasted = tmp_path / "text.txt"
    pasted.write_text("Frühling im Park\n- Anna Beispiel\n- 3. März\nDer Park wird grün, und die Bänke füllen sich.\n",
                      encoding="utf-8")
    result = project.run("import", str(pasted), code=2)
    assert f"error: {pasted}:3: the date '3. März' has no year: pass --year" in result.output
    assert not (project.root / "source_de").exists()
    out = project.run("import", "--year", "2024", str(pasted)).output
    assert "date: 2024-03-03 from '3. März' (year from --year)" in out
    assert "date: 2024-03-03\n" in project.read("source_de/fruehling-im-park.md")


def test_a_folder_imports_every_source_file_in_it(project, tmp_path):
    folder = tmp_path / "blog"
    folder.mkdir()
    for name in ("seite.html", "feed.xml"):
        shutil.copy(DATA / name, folder / name)
    shutil.copytree(DATA / "seite_files", folder / "seite_files")
    project.run("import", str(folder))
    assert sorted(written(project)) == sorted(SOURCES["seite.html"] + SOURCES["feed.xml"])


def test_the_page_builder_around_the_article_stays_out(project):
    project.run("import", str(DATA / "seite.html"))
    text = project.read("source_de/brennnesseltee-im-fruehjahr.md")
    for widget in ("Cookies", "Alle akzeptieren", "Startseite", "Leistungen", "Facebook", "Link kopieren",
                   "Kommentar schreiben", "Impressum", "Lesezeit"):
        assert widget not in text


@pytest.mark.parametrize("written, expected", [
    ("3. März", (3, 3, None)), ("3. März 2025", (3, 3, 2025)), ("03.03.2025", (3, 3, 2025)), ("3.3.", (3, 3, None)),
    ("12. Jan.", (12, 1, None)), ("1. Sept. 2024", (1, 9, 2024)), ("9. Mär 2025", (9, 3, 2025)),
    ("3 Min. Lesezeit", None), ("3. Kapitel", None), ("März", None),
])
def test_german_dates(written, expected):
    assert german_date(written) == expected


@pytest.mark.parametrize("html, markdown", [
    ("<p>Der <em>erste</em> und der <strong>zweite</strong> Tag.</p>", "Der *erste* und der **zweite** Tag."),
    ("<p>3. März war ein kalter Tag.</p>", "3\\. März war ein kalter Tag."),
    ("<p># kein Titel</p>", "\\# kein Titel"),
    ("<p>Zeile eins<br>Zeile zwei</p>", "Zeile eins\\\nZeile zwei"),
])
def test_html_becomes_markdown_that_verlag_reads_as_the_same_text(html, markdown):
    body, images, notes = html_to_markdown(html)
    assert body == markdown + "\n"
    assert not notes and not images
    tokens = commonmark_parser().parse(body)
    assert [t.type for t in tokens if t.nesting == 1] == ["paragraph_open"]


def test_a_short_colon_list_before_a_paragraph_keeps_its_items(tmp_path):
    article = read_text(tmp_path / "t.txt", "Titel\nZwei Dinge helfen:\nWärme\nRuhe\n"
                        "Beides zusammen wirkt meist schon nach einem Tag, oft sogar früher.\n".encode())
    assert "- Wärme\n- Ruhe\n\nBeides" in article.body


@pytest.mark.parametrize("name, kind", [("seite.html", "html"), ("wordpress.xml", "wxr"), ("feed.xml", "feed"),
                                        ("kopiert.txt", "text"), ("hugo.md", "markdown"),
                                        ("jekyll.md", "markdown")])
def test_the_kind_of_a_source_is_recognised_from_its_content(name, kind):
    assert detect_kind(DATA / name, (DATA / name).read_bytes()) == kind


def test_a_wordpress_export_cannot_read_local_files_through_entities(tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("streng geheim", encoding="utf-8")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY geheim SYSTEM "file://{secret}">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><item><title>Titel &geheim;</title><wp:post_type>post</wp:post_type><wp:status>draft</wp:status>
<content:encoded>Text &geheim;</content:encoded></item></channel></rss>""".encode()
    with pytest.raises(VerlagError) as refused:
        read_wxr(tmp_path / "export.xml", data)
    assert refused.value.line == 4 and "streng" not in str(refused.value)
    assert f'the entity &geheim; stands for an outside file or address (SYSTEM "file://{secret}", declared at ' \
           "line 2), which verlag never reads" in str(refused.value)


WXR_ITEM = """<?xml version="1.0"?>
<!DOCTYPE rss [{entities}]>
<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><item><title>Schlaf &y; gut</title><wp:post_type>post</wp:post_type><wp:status>draft</wp:status>
<content:encoded>Text &y; und mehr</content:encoded></item></channel></rss>"""


def test_an_internal_entity_of_a_wordpress_export_is_expanded_not_cut_off(tmp_path):
    """Read without entities, lxml gave the text up to the first reference: the title 'Schlaf', the body 'Text'."""
    data = WXR_ITEM.format(entities='<!ENTITY y "und Baldrian">').encode()
    (article,), _ = read_wxr(tmp_path / "export.xml", data)
    assert article.meta["title"] == "Schlaf und Baldrian gut"
    assert article.body.strip() == "Text und Baldrian und mehr"


def test_a_wordpress_export_whose_entities_explode_is_refused(tmp_path):
    laughs = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    with pytest.raises(VerlagError, match="expand to far more text than the file holds"):
        read_wxr(tmp_path / "export.xml", WXR_ITEM.format(entities=laughs).replace("&y;", "&l9;").encode())


def test_a_saved_page_cannot_make_verlag_copy_files_from_outside_its_folder(project, tmp_path):
    (tmp_path / "privat.jpg").write_text("nicht für das Netz", encoding="utf-8")
    saved = tmp_path / "gespeichert"
    (saved / "seite_files").mkdir(parents=True)
    shutil.copy(DATA / "seite_files/brennnessel.jpg", saved / "seite_files/brennnessel.jpg")
    page = (DATA / "seite.html").read_text(encoding="utf-8").replace(
        '<h2>So gelingt der Tee</h2>', '<p><img src="../privat.jpg" alt="Privat"></p><h2>So gelingt der Tee</h2>')
    (saved / "seite.html").write_text(page, encoding="utf-8")
    out = project.run("import", str(saved / "seite.html")).output
    assert sorted(written(project)) == sorted(SOURCES["seite.html"])
    assert "image not found: ../privat.jpg (no such file in the saved page's folder)" in out


LEAD = "Ringelblumen blühen bis zum ersten Frost und lassen sich den ganzen Sommer über ernten."
CARE = "Wer empfindliche Haut hat, probiert eine neue Salbe zuerst an einer kleinen Stelle aus."


@pytest.mark.parametrize("wrapper", ['<div class="j-blogarticle">', '<div data-hook="post-description">',
                                     '<article>'])
def test_a_page_builders_headings_survive(project, tmp_path, wrapper):
    closing = "</article>" if wrapper == "<article>" else "</div>"
    page = tmp_path / "ringelblume.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body>{wrapper}'
                    f"<h1>Ringelblume</h1><p>{LEAD}</p><h2>Achtung</h2><p>{CARE}</p>{closing}</body></html>",
                    encoding="utf-8")
    project.run("import", str(page))
    assert project.read("source_de/ringelblume.md").endswith(
        f"---\n{LEAD}\n\n## Achtung\n\n{CARE}\n"), "the title is not repeated, the h2 stays"


@pytest.mark.parametrize("head, body, date", [
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "BlogPosting", '
     '"datePublished": "2025-03-03T07:45:00+01:00", "dateModified": "2025-03-09T12:00:00Z"}]}</script>', "",
     "date: 2025-03-03 07:45:00+01:00\nupdated: 2025-03-09 12:00:00+00:00\n"),
    ("", '<p>Ein Kommentar vom <time datetime="2025-03-05T21:00:00+01:00">5. März</time>.</p>'
         '<time datetime="2025-03-03T07:45:00+01:00">3. März 2025</time>',
     "date: 2025-03-03 07:45:00+01:00\n"),  # the comment's time is of another day
    ('<meta property="article:published_time" content="2025-03-03T07:45:00">', "",
     "date: 2025-03-03\n"),  # a time without its zone: the day, no zone invented
], ids=["json-ld", "time-element", "no-zone"])
def test_a_saved_pages_date_keeps_the_time_and_zone_it_states(project, tmp_path, head, body, date):
    page = tmp_path / "r.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>Ringelblume</title>{head}</head><body><article>'
                    f"<h1>Ringelblume</h1>{body}<p>{LEAD}</p><p>{CARE}</p></article></body></html>", encoding="utf-8")
    project.run("import", str(page))
    assert f"\n{date}" in project.read("source_de/ringelblume.md").split("---\n")[1]


@pytest.mark.parametrize("head", [
    '<meta name="author" content="Prof. Dr. med. Anna Berg">',
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", '
    '"author": {"@type": "Person", "name": "Prof. Dr. med. Anna Berg"}}</script>',
], ids=["meta", "json-ld"])
def test_a_saved_pages_author_keeps_the_dots_of_their_titles(project, tmp_path, head):
    """trafilatura's metadata drops the dots of "Prof. Dr. med."; the author is written as the page names them."""
    page = tmp_path / "r.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>Ringelblume</title>{head}</head><body><article>'
                    f"<h1>Ringelblume</h1><p>{LEAD}</p><p>{CARE}</p></article></body></html>", encoding="utf-8")
    project.run("import", str(page))
    assert "\nauthor: Prof. Dr. med. Anna Berg\n" in project.read("source_de/ringelblume.md")


PLACEHOLDER = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20800%20600'%3E%3C/svg%3E"


@pytest.mark.parametrize("img", [
    # lazysizes as WordPress themes write it: data-src, data-srcset and a <noscript> copy for browsers without script
    f'<img class="lazyload" src="{PLACEHOLDER}" data-src="r_files/beet-800.jpg" data-srcset="r_files/beet-800.jpg '
    '800w" alt="Orange Blüten im Beet"><noscript><img src="r_files/beet-800.jpg" alt="Orange Blüten im Beet">'
    "</noscript>",
    # sizes only: the widest one
    f'<img class="lazyload" src="{PLACEHOLDER}" data-srcset="r_files/klein.jpg 300w, r_files/beet-800.jpg 800w" '
    'alt="Orange Blüten im Beet">',
    # the <noscript> copy is the only real address
    f'<img class="lazy" src="{PLACEHOLDER}" alt="Orange Blüten im Beet"><noscript><img src="r_files/beet-800.jpg" '
    'alt="Orange Blüten im Beet"></noscript>',
], ids=["data-src-and-noscript", "data-srcset", "noscript-only"])
def test_a_lazy_loaded_image_is_the_real_image_once(project, tmp_path, img):
    (tmp_path / "r_files").mkdir()
    (tmp_path / "r_files/beet-800.jpg").write_bytes(b"\xff\xd8\xff ein Bild")
    (tmp_path / "r_files/klein.jpg").write_bytes(b"\xff\xd8\xff klein")
    page = tmp_path / "r.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><article>'
                    f"<h1>Ringelblume</h1><p>{LEAD}</p><p>{img}</p><p>{CARE}</p></article></body></html>",
                    encoding="utf-8")
    out = project.run("import", str(page)).output
    assert project.read("source_de/ringelblume.md").endswith(
        f"---\n{LEAD}\n\n![Orange Blüten im Beet](bilder/beet-800.jpg)\n\n{CARE}\n")
    assert "data:" not in out and "not kept" not in out and "may read differently" not in out
    assert sorted(p.name for p in (project.root / "source_de/bilder").iterdir()) == ["beet-800.jpg"]


def test_a_lazy_loading_placeholder_without_an_address_is_left_out_and_named(project, tmp_path):
    page = tmp_path / "r.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><article>'
                    f'<h1>Ringelblume</h1><p>{LEAD}</p><p><img class="lazyload" src="{PLACEHOLDER}" alt="Beet"></p>'
                    f"<p>{CARE}</p></article></body></html>", encoding="utf-8")
    out = project.run("import", str(page)).output
    assert project.read("source_de/ringelblume.md").endswith(f"---\n{LEAD}\n\n{CARE}\n")
    assert ("image not kept: a lazy-loading placeholder without the image's address (Beet): add it by hand"
            in out)
    assert "data:" not in out


def test_a_figure_keeps_its_image_alt_text_and_caption(project, tmp_path):
    (tmp_path / "r_files").mkdir()
    (tmp_path / "r_files/beet.jpg").write_bytes(b"\xff\xd8\xff ein Bild")
    page = tmp_path / "r.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><article>'
                    '<h1>Ringelblume</h1><figure><img src="r_files/beet.jpg" alt="Orange Blüten im Beet">'
                    f"<figcaption>Das Beet im August</figcaption></figure><p>{LEAD}</p></article></body></html>",
                    encoding="utf-8")
    out = project.run("import", str(page)).output
    assert project.read("source_de/ringelblume.md").endswith(
        f"---\n![Orange Blüten im Beet](bilder/beet.jpg)\n\nDas Beet im August\n\n{LEAD}\n")
    assert "not kept" not in out


def test_a_saved_page_s_links_to_its_files_folder_lead_to_the_copied_file_or_are_named(project, tmp_path):
    """A page saved "complete" links files the browser saved in its ``…_files/`` folder: a PDF, the full-size image
    its thumbnail opens. Only images were copied, so those links led to a folder the site does not have: each file
    is copied to bilder/ and linked there; a link to a page saved there (a frame) or to a file the browser did not
    save stays and is named."""
    (tmp_path / "r_files").mkdir()
    for name, data in (("beet.jpg", b"\xff\xd8\xff klein"), ("beet-gross.jpg", b"\xff\xd8\xff gross"),
                       ("merkblatt.pdf", b"%PDF-1.4 Merkblatt"), ("karte.html", b"<html><body>Karte</body></html>")):
        (tmp_path / "r_files" / name).write_bytes(data)
    page = tmp_path / "r.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><article>'
                    f'<h1>Ringelblume</h1><p>{LEAD}</p><p><a href="r_files/beet-gross.jpg"><img src="r_files/beet.jpg" '
                    'alt="Orange Blüten im Beet"></a></p><p>Das <a href="r_files/merkblatt.pdf">Merkblatt</a>, die '
                    '<a href="r_files/karte.html">Karte</a> und die <a href="r_files/preise%20neu.pdf">Preise</a>.</p>'
                    f"<p>{CARE}</p></article></body></html>", encoding="utf-8")
    out = project.run("import", str(page)).output
    text = project.read("source_de/ringelblume.md")
    assert "[![Orange Blüten im Beet](bilder/beet.jpg)](bilder/beet-gross.jpg)" in text
    assert "Das [Merkblatt](bilder/merkblatt.pdf), die [Karte](r_files/karte.html) und die [Preise]" in text
    bilder = project.root / "source_de/bilder"
    assert (bilder / "beet-gross.jpg").read_bytes() == b"\xff\xd8\xff gross"
    assert (bilder / "merkblatt.pdf").read_bytes() == b"%PDF-1.4 Merkblatt"
    assert not (bilder / "karte.html").exists()
    assert "link kept as written, to a page saved with this one: r_files/karte.html (the site does not publish " in out
    assert ("link kept as written, to a file not found: r_files/preise neu.pdf (no such file in the saved page's "
            "folder)") in out


def test_a_heading_or_image_the_markdown_lost_is_named():
    from pipeline.importer_html import _lost

    node = html.fragment_fromstring('<div><h2>Achtung</h2><p>Text.</p><img src="a/beet.jpg" alt="Beet"></div>')
    assert _lost(node, "Text.\n") == ["heading not kept: Achtung: add it by hand",
                                      "image not kept: a/beet.jpg: add it by hand"]
    assert _lost(node, "## Achtung\n\nText.\n\n![Beet](bilder/beet.jpg)\n") == []


def test_feed_dates_keep_the_zone_they_were_written_in(project, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title>\n'
                    "<item><title>Kurz nach Mitternacht</title><link>https://blog.example/post/mitternacht</link>"
                    f"<pubDate>Sat, 12 Oct 2024 00:30:00 +0200</pubDate><description>{LEAD}</description></item>\n"
                    "</channel></rss>\n", encoding="utf-8")
    project.run("import", str(feed))
    assert "date: 2024-10-12 00:30:00+02:00\n" in project.read("source_de/mitternacht.md")


def test_a_wix_feeds_post_is_named_by_its_old_address_and_shows_its_enclosed_cover_image(project, tmp_path):
    """Wix's ``blog-feed.xml`` gives each post's address (``/post/<slug>``) and its cover image as an
    ``<enclosure>``: the file was named from the title and the cover left out, unsaid (fresh-user trial 9). The
    address's slug names the file, as a WordPress post's does; the cover is put at the top, described by the title
    as a Hugo post's is, and named, unless the post shows that image already (in another of Wix's sizes)."""
    media = "https://static.wixstatic.com/media/abc123~mv2.jpg"
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        'content/"><channel><title>Blog</title><link>https://praxis.example/blog</link>\n'
        "<item><title>Holunder im Herbst: Beeren richtig verwenden</title>"
        "<link>https://praxis.example/post/holunder</link><pubDate>Sat, 12 Oct 2024 08:30:00 GMT</pubDate>"
        f'<enclosure url="{media}/v1/fill/w_1000,h_667/abc123~mv2.jpg" length="0" type="image/jpeg"/>'
        f"<content:encoded><![CDATA[<p>{LEAD}</p>]]></content:encoded></item>\n"
        "<item><title>Kamille</title><link>https://praxis.example/post/kamille-tee</link>"
        "<pubDate>Sun, 13 Oct 2024 08:30:00 GMT</pubDate>"
        f'<enclosure url="{media}/v1/fill/w_1000,h_667/abc123~mv2.jpg" length="0" type="image/jpeg"/>'
        f'<content:encoded><![CDATA[<p>{CARE}</p><img src="{media}/v1/fill/w_740,h_493/abc123~mv2.jpg" '
        'alt="Kamillenblüten"/>]]></content:encoded></item>\n</channel></rss>\n', encoding="utf-8")
    out = project.run("import", str(feed)).output
    assert sorted(p.name for p in (project.root / "source_de").glob("*.md")) == ["holunder.md", "kamille-tee.md"]
    assert project.read("source_de/holunder.md").endswith(
        f"---\n![Holunder im Herbst: Beeren richtig verwenden]({media}/v1/fill/w_1000,h_667/abc123~mv2.jpg)\n\n"
        f"{LEAD}\n")
    assert (f"cover image {media}/v1/fill/w_1000,h_667/abc123~mv2.jpg (the feed's <enclosure>) put at the top of the "
            "text, described by the title: as the old blog showed it; move it or describe it better") in out
    assert out.count("cover image") == 1
    assert project.read("source_de/kamille-tee.md").endswith(
        f"---\n{CARE}\n\n![Kamillenblüten]({media}/v1/fill/w_740,h_493/abc123~mv2.jpg)\n")
    assert ("slug 'holunder' from its old address https://praxis.example/post/holunder, as the old blog named it"
            in out)


def test_an_atom_feeds_author_is_each_entrys_without_one(project, tmp_path):
    feed = tmp_path / "blog.atom"
    feed.write_text('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                    "<title>Blog</title><id>urn:blog</id><updated>2024-03-01T09:00:00+01:00</updated>"
                    "<author><name>Jana Vogt</name></author>\n<entry><title>Märzsonne</title><id>urn:1</id>"
                    '<link rel="alternate" href="https://blog.example/maerzsonne/"/>'
                    "<published>2024-03-01T09:00:00+01:00</published><updated>2024-03-04T10:00:00+01:00</updated>"
                    f'<content type="html">&lt;p&gt;{LEAD}&lt;/p&gt;</content></entry>\n</feed>\n', encoding="utf-8")
    project.run("import", str(feed))
    text = project.read("source_de/maerzsonne.md")
    assert "author: Jana Vogt\ndate: 2024-03-01 09:00:00+01:00\nupdated: 2024-03-04 10:00:00+01:00\n" in text


def wxr(item: str) -> str:
    return ('<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>Blog</title>\n<item>{item}<wp:post_type>post</wp:post_type></item>\n</channel></rss>\n")


def test_a_wordpress_posts_featured_image_is_its_first_image_with_the_attachments_alt_text(project, tmp_path):
    """Themes show a post's featured image (post meta ``_thumbnail_id``, an attachment) above it: it is the article's
    first image, described by the attachment's ``_wp_attachment_image_alt``, and named in the summary."""
    url = "https://blog.example/wp-content/uploads/2022/02/titelbild-bitter.jpg"
    export = tmp_path / "export.xml"
    export.write_text(wxr(
        "<title>Bitterstoffe</title><wp:post_id>101</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:status>publish</wp:status>"
        f"<content:encoded><![CDATA[{LEAD}]]></content:encoded><wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]>"
        "</wp:meta_key><wp:meta_value><![CDATA[111]]></wp:meta_value></wp:postmeta></item>\n"
        "<item><title>titelbild</title><wp:post_id>111</wp:post_id><wp:status>inherit</wp:status>"
        f"<wp:post_type>attachment</wp:post_type><wp:attachment_url>{url}</wp:attachment_url><wp:postmeta>"
        "<wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Bittere Kräuter auf einem Holzbrett"
        "</wp:meta_value></wp:postmeta></item>\n<item><title>Ohne Bild</title><wp:status>publish</wp:status>"
        f"<content:encoded><![CDATA[{CARE}]]></content:encoded>"), encoding="utf-8")
    out = project.run("import", str(export)).output
    assert project.read("source_de/bitterstoffe.md").endswith(
        f"---\n![Bittere Kräuter auf einem Holzbrett]({url})\n\n{LEAD}\n")
    assert f"featured image put at the top: {url}" in out
    assert project.read("source_de/ohne-bild.md").endswith(f"---\n{CARE}\n")


def test_a_wordpress_embed_url_is_kept_as_a_link_and_named(project, tmp_path):
    """A URL alone on its line is an embed in WordPress (a video player; https://wordpress.org/documentation/article/
    embeds/), as is ``[embed]URL[/embed]`` and the block editor's embed block: a link to it, named in the summary."""
    export = tmp_path / "export.xml"
    export.write_text(wxr(
        "<title>Atemübungen</title><wp:status>publish</wp:status><content:encoded><![CDATA["
        f"{LEAD}\n\nhttps://www.youtube.com/watch?v=abc123XYZ\n\n[embed]https://vimeo.com/12345[/embed]\n\n"
        f"{CARE} Mehr auf https://example.org/atem im Text.]]></content:encoded>"), encoding="utf-8")
    out = project.run("import", str(export)).output
    assert project.read("source_de/atemuebungen.md").endswith(
        f"---\n{LEAD}\n\n<https://www.youtube.com/watch?v=abc123XYZ>\n\n<https://vimeo.com/12345>\n\n"
        f"{CARE} Mehr auf https://example.org/atem im Text.\n")
    for url in ("https://www.youtube.com/watch?v=abc123XYZ", "https://vimeo.com/12345"):
        assert f"embed kept as a link: {url} (WordPress showed it embedded)" in out
    assert "example.org/atem (WordPress" not in out


def test_a_plain_permalink_is_kept_as_an_alias_that_the_hosts_matching_a_query_redirect(project, tmp_path):
    """A blog with WordPress's plain permalinks has addresses by query (``/?p=140``): they were left out as "no
    static host can redirect" them. Netlify's _redirects and Apache's mod_rewrite match a query, so the address is
    kept, the summary says which hosts answer it, and the build writes their rules."""
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Weißdorn</title><link>https://blog.example/?p=140</link>"
                          "<wp:post_date>2022-11-10 19:00:00</wp:post_date>"
                          "<wp:post_date_gmt>2022-11-10 18:00:00</wp:post_date_gmt><wp:status>publish</wp:status>"
                          f"<content:encoded><![CDATA[{LEAD}]]></content:encoded>"), encoding="utf-8")
    out = project.run("import", str(export)).output
    assert ("old address https://blog.example/?p=140 is answered by the rules of site/_redirects (Netlify) and "
            "site/.htaccess (Apache with mod_rewrite); Cloudflare Pages and plain web space match no query: there "
            "it shows the page at its path") in out
    text = project.read("source_de/weissdorn.md")
    assert "aliases:\n- https://blog.example/?p=140\n" in text and "date: 2022-11-10 19:00:00+01:00\n" in text
    publish_all(project)
    project.run("extract")
    project.run("build")
    assert (project.root / "site/de/weissdorn/index.html").is_file()
    assert project.read("site/_redirects") == "/  p=140  /de/weissdorn/  301!\n"
    assert "RewriteCond %{QUERY_STRING} ^p=140$\nRewriteRule ^/?$ " in project.read("site/.htaccess")


def test_the_classic_editors_text_keeps_line_breaks_and_gallery_images_get_described(project, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Kräuterbeet</title><wp:status>draft</wp:status>"
                          "<content:encoded><![CDATA[Erste Zeile\nzweite Zeile\n\n[gallery ids=\"7\"]\n\n"
                          "[embed]https://video.example/beet[/embed]]]></content:encoded>")
                      .replace("<item>", '<item><title>beet.jpg</title><wp:post_id>7</wp:post_id>'
                               "<wp:post_type>attachment</wp:post_type><wp:attachment_url>"
                               "https://blog.example/beet.jpg</wp:attachment_url></item>\n<item>", 1),
                      encoding="utf-8")
    out = project.run("import", str(export)).output
    assert project.read("source_de/kraeuterbeet.md").endswith(
        "---\nErste Zeile\\\nzweite Zeile\n\n![](https://blog.example/beet.jpg)\n\n"
        "<https://video.example/beet>\n")
    assert "gallery: 1 image without alt text: describe it in its ![…]" in out
    assert "embed kept as a link: https://video.example/beet (WordPress showed it embedded)" in out


def test_a_wordpress_caption_is_its_image_then_its_caption_as_a_saved_pages_figure_is(project, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Beet</title><wp:status>draft</wp:status><content:encoded><![CDATA["
                          f"{LEAD}\n\n"
                          '[caption id="attachment_7" width="300"]<img src="https://blog.example/beet.jpg" '
                          'alt="Orange Blüten im Beet" /> Das Beet im August[/caption]\n\n'
                          '[caption id="attachment_8" align="alignleft" caption="Der Zaun &amp; das Tor"]'
                          '<img src="https://blog.example/zaun.jpg" alt="Ein Holzzaun" />[/caption]\n\n'
                          "[caption]Nur Text[/caption]]]></content:encoded>"), encoding="utf-8")
    project.run("import", str(export))
    assert project.read("source_de/beet.md").endswith(
        f"---\n{LEAD}\n\n![Orange Blüten im Beet](https://blog.example/beet.jpg)\n\nDas Beet im August\n\n"
        "![Ein Holzzaun](https://blog.example/zaun.jpg)\n\nDer Zaun & das Tor\n\nNur Text\n")
    saved = html_to_markdown(f'<p>{LEAD}</p><figure><img src="https://blog.example/beet.jpg" '
                             'alt="Orange Blüten im Beet"><figcaption>Das Beet im August</figcaption></figure>')[0]
    assert project.read("source_de/beet.md").split("---\n", 2)[2].startswith(saved)


def test_an_article_imported_before_is_skipped_not_copied(project):
    project.run("import", str(DATA / "feed.xml"))
    publish_all(project)
    mine = project.root / "source_de/neue-sprechzeiten-ab-maerz.md"
    mine.write_text(mine.read_text(encoding="utf-8").replace("title: Neue", "title: Geänderte") + f"{CARE}\n",
                    encoding="utf-8")
    before = project.snapshot()
    out = project.run("import", str(DATA / "feed.xml")).output
    assert project.snapshot() == before
    assert "already imported as source_de/neue-sprechzeiten-ab-maerz.md" in out
    assert out.count("already imported as") == 3


def test_pasted_text_without_an_address_is_recognised_by_title_and_date(project, tmp_path):
    pasted = tmp_path / "text.txt"
    pasted.write_text(f"Ringelblume\n- 3. Juli 2024\n{LEAD}\n", encoding="utf-8")
    project.run("import", str(pasted))
    publish_all(project)
    assert "already imported as source_de/ringelblume.md" in project.run("import", str(pasted)).output
    assert not (project.root / "source_de/ringelblume-2.md").exists()


def test_an_undated_import_is_recognised_after_the_author_added_its_date(project, tmp_path):
    """Fresh-user trial 7: the import asked for 'date: YYYY-MM-DD'; once the author added it (and deleted
    'draft: true'), importing the same pasted text and saved page again wrote ...-2.md copies."""
    pasted = tmp_path / "text.txt"
    pasted.write_text(f"Ringelblume\n{LEAD}\n", encoding="utf-8")
    page = tmp_path / "seite.html"
    page.write_text(f'<div class="post">\n<h1>Beinwell</h1>\n<p>{LEAD}</p>\n</div>\n', encoding="utf-8")
    project.run("import", str(pasted), str(page))
    for slug in ("ringelblume", "beinwell"):
        source = project.root / f"source_de/{slug}.md"
        source.write_text(source.read_text(encoding="utf-8").replace("draft: true\n", "date: 2025-03-12\n"),
                          encoding="utf-8")
    before = project.snapshot()
    out = project.run("import", str(pasted), str(page)).output
    assert "already imported as source_de/ringelblume.md" in out and "already imported as source_de/beinwell.md" in out
    assert project.snapshot() == before


def test_numbered_steps_become_an_ordered_list_and_a_label_line_is_no_heading(tmp_path):
    article = read_text(tmp_path / "t.txt", "Salbe rühren\nSie brauchen:\n50 g Sheabutter\n20 ml Öl\nEine Dose\n"
                        f"Tipp: {CARE}\n1. Butter schmelzen\n2. Öl einrühren\n3. abfüllen\n".encode())
    assert article.body == ("Sie brauchen:\n\n- 50 g Sheabutter\n- 20 ml Öl\n- Eine Dose\n\n"
                            f"Tipp: {CARE}\n\n1. Butter schmelzen\n2. Öl einrühren\n3. abfüllen\n")


def test_a_source_line_before_a_heading_does_not_keep_it_a_paragraph(tmp_path):
    """A "Quelle: …" attribution is a label line, no item of an unannounced list: the short line after it, before a
    paragraph of prose, is still the heading it was on the page."""
    article = read_text(tmp_path / "t.txt", f"Titel\n{CARE}\nQuelle: Kneipp-Bund, Merkblatt Fußbäder\nFazit\n"
                        "Ein Fußbad am Abend ist ein kleines Ritual, das gut tut.\n".encode())
    assert article.body == (f"{CARE}\n\nQuelle: Kneipp-Bund, Merkblatt Fußbäder\n\n## Fazit\n\n"
                            "Ein Fußbad am Abend ist ein kleines Ritual, das gut tut.\n")
    assert "line 4: heading (short line before a paragraph): Fazit" in article.notes


@pytest.mark.parametrize("byline, author", [("Von Sabine Kranz", "Sabine Kranz"),
                                             ("Autorin: Dr. med. Petra Nord", "Dr. med. Petra Nord")])
def test_a_von_byline_and_a_date_line_give_author_and_date(tmp_path, byline, author):
    """The usual German byline of a copied page, "Von <Name>" (or "Autorin: <Name>") and the date on the next line,
    is the author and the date, not the first paragraphs of the article."""
    article = read_text(tmp_path / "t.txt", f"Zink und Abwehrkräfte\n{byline}\n03.11.2024\n{LEAD}\n".encode())
    assert article.meta["author"] == author
    assert article.meta["date"] == dt.date(2024, 11, 3)
    assert article.body == f"{LEAD}\n"


def test_a_sentence_starting_with_von_stays_text(tmp_path):
    article = read_text(tmp_path / "t.txt", f"Kamille\nVon allen Heilpflanzen ist sie die mildeste.\n{LEAD}\n".encode())
    assert "author" not in article.meta
    assert article.body.startswith("Von allen Heilpflanzen ist sie die mildeste.\n\n")


def test_a_short_line_over_a_list_is_its_heading_and_source_lines_are_never_headings(tmp_path):
    """Copied from a page where "Gute Zinkquellen" headed its list: a short line followed by a bulleted or numbered
    list is a heading too; "Quelle: …" lines before prose stay paragraphs."""
    article = read_text(tmp_path / "t.txt", f"Zink\n{LEAD}\nGute Zinkquellen\n• Haferflocken\n• Linsen\n"
                        "So nehmen Sie Zink ein\n1. Nicht nüchtern\n2. Nicht mit Kaffee\nQuelle: DGE, 2023\n"
                        f"Quelle: Robert Koch-Institut\n{CARE}\n".encode())
    assert article.body == (f"{LEAD}\n\n## Gute Zinkquellen\n\n- Haferflocken\n- Linsen\n\n"
                            "## So nehmen Sie Zink ein\n\n1. Nicht nüchtern\n2. Nicht mit Kaffee\n\n"
                            f"Quelle: DGE, 2023\n\nQuelle: Robert Koch-Institut\n\n{CARE}\n")
    assert "line 3: heading (short line before a list): Gute Zinkquellen" in article.notes


def test_a_list_whose_bullets_were_lost_in_copying_keeps_its_heading_and_items(tmp_path):
    """Trial 12: "Typische Zeichen", three symptom lines and "Was Sie selbst tun können" over its paragraph (the
    page's heading, list and heading, copied without bullets) became five paragraphs, and the summary said nothing.
    A short line over two or more short lines, then prose, is a heading over a list (each guess noted); the last
    short line heads the prose when it is not shaped like the items. An address block at the end, with no prose
    after it, stays as its lines were."""
    text = (f"Titel\n{LEAD}\nTypische Zeichen\nSchmerzen neben dem Kreuzbein\nAusstrahlung ins Gesäß\n"
            f"Beschwerden beim Treppensteigen\nWas Sie selbst tun können\n{CARE}\nPraxis am Markt\nMarktplatz 3\n"
            "79098 Freiburg\n")
    article = read_text(tmp_path / "t.txt", text.encode())
    assert article.body == (f"{LEAD}\n\n## Typische Zeichen\n\n- Schmerzen neben dem Kreuzbein\n"
                            "- Ausstrahlung ins Gesäß\n- Beschwerden beim Treppensteigen\n\n"
                            f"## Was Sie selbst tun können\n\n{CARE}\n\nPraxis am Markt\n\nMarktplatz 3\n\n"
                            "79098 Freiburg\n")
    assert "line 3: heading (short line before a list): Typische Zeichen" in article.notes
    assert ("line 4: list of 3 short lines under 'Typische Zeichen' (no bullets in the text: lost in copying?)"
            in article.notes)
    assert "line 7: heading (short line before a paragraph): Was Sie selbst tun können" in article.notes
    two = read_text(tmp_path / "t.txt", f"Titel\n{LEAD}\nTee am Abend\nMelisse\n{CARE}\n".encode())
    assert two.body == f"{LEAD}\n\nTee am Abend\n\nMelisse\n\n{CARE}\n"  # one item is no list


def test_a_single_numbered_line_stays_a_paragraph(tmp_path):
    article = read_text(tmp_path / "t.txt", f"Titel\n3. Juli war der heißeste Tag.\n{LEAD}\n".encode())
    assert article.body.startswith("3\\. Juli war der heißeste Tag.\n\n")


def test_the_configured_author_fills_in_and_a_missing_date_is_asked_for(project, tmp_path):
    project.write("verlag.toml", 'name = "Test"\nauthor = "Jana Vogt"\nsource_language = "de"\nlanguages = ["en"]\n')
    pasted = tmp_path / "text.txt"
    pasted.write_text(f"Ringelblume\n{LEAD}\n", encoding="utf-8")
    out = project.run("import", str(pasted)).output
    assert "author: Jana Vogt from verlag.toml (the source names none)" in out
    assert "no date found: add 'date: YYYY-MM-DD' before publishing" in out
    assert project.read("source_de/ringelblume.md").startswith("---\ntitle: Ringelblume\nauthor: Jana Vogt\ndraft")


def test_an_image_passed_by_mistake_is_named_as_such(project, tmp_path):
    image = tmp_path / "foto.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = project.run("import", str(image), code=2)
    assert f"error: {image}:1: not a saved page, WordPress export, feed or text file verlag can import" in result.output


def test_a_share_widget_inside_the_article_stays_out(project, tmp_path):
    page = tmp_path / "r.html"
    share = "Teilen Sie diesen Beitrag gern mit Menschen, die einen Garten haben."
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><article>'
                    f'<h1>Ringelblume</h1><p>{LEAD}</p><p>{share}</p><div class="share-buttons"><span>Teilen</span>'
                    '<a href="https://facebook.example/share">Facebook</a></div></article></body></html>',
                    encoding="utf-8")
    project.run("import", str(page))
    assert project.read("source_de/ringelblume.md").endswith(f"---\n{LEAD}\n\n{share}\n")


def test_an_image_before_the_only_paragraph_is_kept(project, tmp_path):
    page = tmp_path / "r.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><main><article>'
                    f'<h1>Ringelblume</h1><p><img src="https://blog.example/beet.jpg" alt="Das Beet"></p><p>{LEAD}</p>'
                    "</article></main></body></html>", encoding="utf-8")
    out = project.run("import", str(page)).output
    assert project.read("source_de/ringelblume.md").endswith(
        f"---\n![Das Beet](https://blog.example/beet.jpg)\n\n{LEAD}\n")
    assert out.count("image left at its old address: https://blog.example/beet.jpg") == 1


def test_pruning_keeps_headings_and_images_without_the_loose_text_around_them():
    from pipeline.importer_html import _prune

    node = html.fragment_fromstring('<div><div class="meta"><span>Jana Vogt</span> · <img src="a.jpg" alt="">'
                                    f' · 2 Min.</div><p>{LEAD}</p><div><span>Teilen</span></div></div>')
    squashed = "".join(LEAD.split())
    kept = html.tostring(_prune(node, {squashed}, squashed), encoding="unicode")
    assert kept == f'<div><div class="meta"><img src="a.jpg" alt=""></div><p>{LEAD}</p></div>'


def test_the_heading_of_page_furniture_goes_with_it(project):
    """A theme's related-posts box and comments inside <article> (data/import/vitamin-d.html): their text is left out
    as furniture, and so are their headings, named in the summary; the headings over text of the article stay."""
    out = project.run("import", str(DATA / "vitamin-d.html")).output
    text = project.read("source_de/vitamin-d-im-winter.md")
    assert "### Wer sollte den Wert messen lassen?\n\nÄltere Menschen" in text
    assert text.endswith("![Wintersonne über einem Feld](https://hausarzt-nord.example/wp-content/uploads/sonne.jpg)\n")
    for heading in ("Das könnte Sie auch interessieren", "2 Kommentare"):
        assert heading not in text
        assert f"left out (widget text?): heading {heading} (its section was left out)" in out
    assert "heading not kept" not in out


def test_a_classic_editor_paragraph_among_block_tags_keeps_its_line_break(tmp_path):
    data = wxr("<title>Beet</title><wp:status>draft</wp:status><content:encoded><![CDATA[<h2>Im Mai</h2>\n\n"
               "Erste Zeile\nzweite Zeile\n\n<p>Ein Absatz mit Tag.</p>]]></content:encoded>").encode()
    (article,), _ = read_wxr(tmp_path / "export.xml", data)
    assert article.body == "## Im Mai\n\nErste Zeile\\\nzweite Zeile\n\nEin Absatz mit Tag.\n"


def test_the_last_of_a_run_of_short_lines_is_no_heading(tmp_path):
    text = f"Titel\n{LEAD}\nSalz\nPfeffer\nOlivenöl\n{CARE}\nFazit\n{LEAD}\n"
    article = read_text(tmp_path / "t.txt", text.encode())
    assert article.body == f"{LEAD}\n\nSalz\n\nPfeffer\n\nOlivenöl\n\n{CARE}\n\n## Fazit\n\n{LEAD}\n"


def test_a_wix_byline_is_read_and_its_widgets_stay_out_of_the_body(project):
    project.write("verlag.toml", 'name = "Test"\nauthor = "Jana Vogt"\nsource_language = "de"\nlanguages = ["en"]\n')
    out = project.run("import", str(DATA / "wix.html")).output
    text = project.read("source_de/holunderblueten-sammeln.md")
    assert text.startswith("---\ntitle: Holunderblüten sammeln\nauthor: Karl Linde\ndate: 2023-06-14\n")
    assert "from verlag.toml" not in out and "Jana Vogt" not in text, "the page's byline wins"
    assert "dropped the reading time: 3 Min. Lesezeit" in out
    for widget in ("Karl Linde", "14. Juni", "Lesezeit", "Aufrufe", "Kommentare", "Gefällt mir", "Teilen"):
        assert widget not in text.split("---\n", 2)[2], widget
    assert "- nur voll aufgeblühte Dolden nehmen\n- Sträucher" in text, "a <li><p> list is kept"


def test_the_byline_date_is_taken_when_the_page_has_no_other():
    from pipeline.importer_html import _byline

    doc = html.document_fromstring('<html><body><div data-hook="post-metadata"><span data-hook="user-name">'
                                   'Karl Linde</span><span data-hook="time-ago">3. März 2024</span>'
                                   '<span data-hook="time-to-read">2 Min. Lesezeit</span></div></body></html>')
    assert _byline(doc) == ({"author": "Karl Linde", "date": dt.date(2024, 3, 3), "shown": "3. März 2024"},
                            ["dropped the reading time: 2 Min. Lesezeit"])


def test_counter_widgets_without_hooks_are_recognised_by_their_words():
    from pipeline.importer_html import _drop_widgets

    doc = html.document_fromstring("<html><body><p>Ein Satz.</p><div><span>5 Aufrufe</span><span>0 Kommentare"
                                   "</span><span>Gefällt mir</span></div><div><span>Salbei</span><span>Teilen"
                                   "</span></div></body></html>")
    dropped: list[str] = []
    assert _drop_widgets(doc, dropped) == {"5Aufrufe0KommentareGefälltmir"}
    assert dropped == [], "counters hold no prose to name"
    assert "".join(doc.body.text_content().split()) == "EinSatz.SalbeiTeilen"


def test_prose_the_filter_drops_is_named():
    from pipeline.importer_html import _prune

    node = html.fragment_fromstring("<div><p>Der erste Absatz bleibt stehen.</p>"
                                    "<ul><li>ein Punkt, den trafilatura nicht sah, mit Worten</li></ul>"
                                    "<div><button>Teilen</button></div></div>")
    dropped: list[str] = []
    _prune(node, {"DerersteAbsatzbleibtstehen."}, "DerersteAbsatzbleibtstehen.", dropped)
    assert dropped == ["ein Punkt, den trafilatura nicht sah, mit Worten"]
    assert _words(node.text_content()) == "Der erste Absatz bleibt stehen."


def test_a_hugo_or_jekyll_file_is_an_article_with_its_front_matter_and_its_template_tags_named(project):
    out = project.run("import", str(DATA / "hugo.md"), str(DATA / "jekyll.md")).output
    assert "TOML front matter read" in out and "YAML front matter read" in out
    assert "line 14: Hugo {{% notice info %}} as a quote headed **Hinweis:**" in out
    assert f"shortcodes or template tags kept as text ({DATA / 'hugo.md'}:22): rewrite in Markdown" in out
    assert "title: +++" not in project.read("source_de/kraeutertee-im-winter.md")
    publish_all(project)
    project.run("extract")
    assert 'msgid "Im Winter trinken viele Menschen mehr Tee."' in project.read("translations/en/kraeutertee-im-winter.po")


def test_a_hugo_or_jekyll_draft_stays_a_draft_that_says_so_and_slug_names_the_file(project, tmp_path):
    """Every import is written with 'draft: true', which the author deletes after checking it: a file its
    generator never published must not look like the others then. Its own 'slug' names the file (and URL)."""
    (tmp_path / "_drafts").mkdir()
    (tmp_path / "tee.md").write_text('+++\ntitle = "Kräutertee am Abend"\ndate = 2025-03-02\ndraft = true\n'
                                     'slug = "Kräutertee"\naliases = ["/tee/"]\n+++\nMelisse beruhigt.\n',
                                     encoding="utf-8")
    (tmp_path / "herbst.md").write_text("---\ntitle: Wandern im Herbst\ndate: 2025-10-02\npublished: false\n"
                                        "---\nIm Herbst sind die Wege leer.\n", encoding="utf-8")
    (tmp_path / "_drafts/winter.md").write_text("---\ntitle: Winterspaziergang\n---\nKalt.\n", encoding="utf-8")
    (tmp_path / "fertig.md").write_text("---\ntitle: Ein fertiger Beitrag\nslug: fertig\ndraft: false\n"
                                        "aliases: [/alt/fertig/]\n---\nFertig.\n", encoding="utf-8")
    out = project.run("import", str(tmp_path), str(tmp_path / "_drafts/winter.md")).output
    assert "a draft in Hugo (draft: true): never published there; keep 'draft: true' until it is finished" in out
    assert "old address /tee/ not kept: a draft had no public address to redirect" in out
    assert ("import: 3 articles never published by the old blog (a draft there too, its draft line says so): "
            "source_de/wandern-im-herbst.md, source_de/kraeutertee.md, source_de/winterspaziergang.md") in out
    assert project.read("source_de/kraeutertee.md") == (
        "---\ntitle: Kräutertee am Abend\ndate: 2025-03-02\n"
        "draft: true  # a draft in Hugo (draft: true): never published there\n---\nMelisse beruhigt.\n")
    assert "draft: true  # a draft in Jekyll (published: false): never published there\n" \
        in project.read("source_de/wandern-im-herbst.md")
    assert "draft: true  # a draft in Jekyll (_drafts/): never published there\n" \
        in project.read("source_de/winterspaziergang.md")
    finished = project.read("source_de/fertig.md")
    assert "draft: true\naliases:\n- /alt/fertig/\n" in finished and "#" not in finished
    built = project.run("build").output
    assert "drafts, not published (draft: true): fertig, kraeutertee, wandern-im-herbst, winterspaziergang" in built


@pytest.mark.parametrize("text, line, message", [
    ("+++\ntitle = \"Tee\"\ndate = 2024-13-01\n+++\nText.\n", 3, "invalid TOML front matter"),
    ("+++\ntitle = \"Tee\ndate = 2024-01-01\n+++\nText.\n", 2,  # trial 17: tomllib's "Illegal character '\\n'"
     "invalid TOML front matter: a text in quotes is not closed on its line ('title = \"Tee'): add the closing"),
    # the document ends inside the string: tomllib says "Unterminated string" (or "Expected ...") at its end, no line
    ("+++\ndate = 2024-01-01\ntitle = \"Tee\n+++\nText.\n", 3,
     "invalid TOML front matter: a text in quotes is not closed: the \" on this line opens one that no \" ends"),
    ("+++\ntitle = \"Tee\"\nsummary = \"\"\"Ein Tee\nfür den Abend\ndate = 2024-01-01\n+++\nText.\n", 3,
     "invalid TOML front matter: a text in quotes is not closed: the \" on this line opens one that no \" ends"),
    ("+++\ndate = 2024-01-01\ntitle = 'Tee\n+++\nText.\n", 3,
     "invalid TOML front matter: a text in quotes is not closed: the ' on this line opens one that no ' ends"),
    ("---\ntitle: Tee\ntags: [a, b\n---\nText.\n", 3, "invalid YAML front matter"),
    ("+++\ndate = 2024-01-01\n+++\nText.\n", 1, "no title in the TOML front matter"),
])
def test_a_markdown_file_whose_front_matter_does_not_parse_is_refused_at_its_line(project, tmp_path, text, line,
                                                                                   message):
    (tmp_path / "alt.md").write_text(text, encoding="utf-8")
    result = project.run("import", str(tmp_path / "alt.md"), code=2)
    assert f"error: {tmp_path / 'alt.md'}:{line}: {message}" in result.output
    assert not (project.root / "source_de").exists() or not list((project.root / "source_de").glob("*.md"))


def test_a_markdown_file_with_an_impossible_date_is_refused_as_extract_refuses_it_and_the_others_are_imported(
        project, tmp_path):
    bad = "---\ntitle: Leber\ndate: 2026-13-45\n---\n\nDie Leber arbeitet leise.\n"
    (tmp_path / "a-gut.md").write_text("---\ntitle: Galle\ndate: 2026-01-05\n---\n\nDie Galle hilft.\n",
                                       encoding="utf-8")
    (tmp_path / "b-datum.md").write_text(bad, encoding="utf-8")
    (tmp_path / "c-zahl.md").write_text("---\ntitle: Milz\n1: eins\n---\n\nDie Milz filtert.\n", encoding="utf-8")
    (tmp_path / "d-ohne.md").write_text("Niere\n\nDie Niere filtert auch.\n", encoding="utf-8")
    result = project.run("import", str(tmp_path / "a-gut.md"), str(tmp_path / "b-datum.md"),
                         str(tmp_path / "c-zahl.md"), code=2)
    said = f"{tmp_path / 'b-datum.md'}:3: date: 2026-13-45 is no day of the calendar (expected a date like 2026-05-26)"
    assert f"error: {said}\n" in result.output and "internal error" not in result.output
    assert "YAML front matter read (title)\n  front matter not kept (verlag has no such field): 1\n" in result.output
    assert sorted(written(project)) == ["galle.md", "milz.md"]
    project.write("source_de/datum.md", bad)
    assert "error: source_de/datum.md:3: date: 2026-13-45 is no day of the calendar (expected a date like 2026-05-26)\n" \
        in project.run("extract", code=2).output
    result = project.run("import", "--kind", "markdown", str(tmp_path / "d-ohne.md"), code=2)
    assert f"error: {tmp_path / 'd-ohne.md'}:1: neither front matter " in result.output
    assert "--kind text" in result.output and "internal error" not in result.output


def test_extract_says_toml_front_matter_is_not_supported_and_how_to_convert_it(project):
    project.write("source_de/tee.md", (DATA / "hugo.md").read_text(encoding="utf-8"))
    result = project.run("extract", code=2)
    assert "error: source_de/tee.md:1: TOML front matter ('+++', Hugo) is not supported: write it as YAML" \
        in result.output and "verlag import" in result.output and "missing front matter" not in result.output


def test_a_slug_with_no_letter_or_digit_leaves_the_title_to_name_the_file(project, tmp_path):
    (tmp_path / "zweiter.md").write_text('+++\ntitle = "Zweiter"\ndate = 2025-03-02\nslug = "!!!"\n+++\nText.\n',
                                         encoding="utf-8")
    out = project.run("import", str(tmp_path / "zweiter.md")).output
    assert (project.root / "source_de/zweiter.md").exists() and not (project.root / "source_de/artikel.md").exists()
    assert "slug '!!!' has no letter or digit to name a file: named from the title" in out


def test_a_wordpress_post_without_a_title_is_titled_by_its_first_words_and_one_without_text_is_an_error(
        project, tmp_path):
    """WordPress publishes a post without a title as "(no title)" at its address: the import keeps it, titled by
    its first words and said so; only a post with neither title nor text is an error, and the others import."""
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Johanniskraut</title><wp:status>publish</wp:status>"
                          "<link>https://blog.example/johanniskraut/</link>"
                          f"<content:encoded><![CDATA[{LEAD}]]></content:encoded>")
                      .replace("</item>", "</item>\n<item><title></title><wp:status>publish</wp:status>"
                               "<link>https://blog.example/2022/04/120-2/</link>"
                               "<content:encoded><![CDATA[<p>Heute nur ein kurzer Hinweis zu den Sprechzeiten "
                               "im April: Die Praxis bleibt am Montag geschlossen.</p>]]></content:encoded>"
                               "<wp:post_type>post</wp:post_type></item>\n"
                               "<item><title></title><wp:status>publish</wp:status><content:encoded><![CDATA[]]>"
                               "</content:encoded><wp:post_type>post</wp:post_type></item>", 1), encoding="utf-8")
    result = project.run("import", str(export), code=2)
    assert f"error: {export}:5: a WordPress post without a title or text (WordPress lists it as '(no title)')" \
        in result.output
    assert "no title in WordPress (it lists the post as '(no title)'): titled by its first words" in result.output
    assert sorted(written(project)) == ["heute-nur-ein-kurzer-hinweis-zu-den-sprechzeiten.md", "johanniskraut.md"]
    untitled = project.read("source_de/heute-nur-ein-kurzer-hinweis-zu-den-sprechzeiten.md")
    assert "title: Heute nur ein kurzer Hinweis zu den Sprechzeiten …\n" in untitled
    assert "- https://blog.example/2022/04/120-2/\n" in untitled
    assert result.stderr.splitlines()[-1] == f"import: 1 error above, not imported; everything else was: {export}"


def test_a_feed_entry_without_a_title_is_its_own_error_and_the_others_are_imported(project, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title>\n'
                    f"<item><title>Ringelblumen</title><description>{LEAD}</description></item>\n"
                    f"<item><description>{CARE}</description></item>\n</channel></rss>\n", encoding="utf-8")
    result = project.run("import", str(feed), code=2)
    assert f"error: {feed}:4: a feed entry without a title" in result.output
    assert sorted(written(project)) == ["ringelblumen.md"]


def test_wordpress_titles_and_term_names_are_html_decoded_before_the_slug_is_made(project, tmp_path):
    """WordPress stores post titles and term names HTML-escaped; the CDATA keeps the escapes as text."""
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title><![CDATA[Melisse &amp; Lavendel &#8211; zwei &quot;Beruhiger&quot;]]></title>"
                          "<wp:status>draft</wp:status>"
                          '<category domain="post_tag" nicename="tee-kaffee"><![CDATA[Tee &amp; Kaffee]]></category>'
                          f"<content:encoded><![CDATA[{LEAD}]]></content:encoded>"), encoding="utf-8")
    project.run("import", str(export))
    text = project.read("source_de/melisse-lavendel-zwei-beruhiger.md")
    assert "title: Melisse & Lavendel – zwei \"Beruhiger\"\n" in text
    assert "tags: [Tee & Kaffee]\n" in text


def test_a_jekyll_posts_file_name_gives_its_date_slug_and_default_permalink(project, tmp_path):
    """Jekyll names posts _posts/YYYY-MM-DD-slug.md and, without a 'permalink', publishes them at
    /:categories/:year/:month/:day/:title.html (https://jekyllrb.com/docs/posts/, …/docs/permalinks/)."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2023-05-04-baerlauch.md").write_text("---\ntitle: Bärlauch sammeln im Auwald\n---\n"
                                                    "Bärlauch riecht nach Knoblauch.\n", encoding="utf-8")
    (posts / "2023-06-01-giersch.md").write_text("---\ntitle: Giersch\ndate: 2023-06-02\ncategories: Kraeuter Kueche\n"
                                                  "---\nGiersch wächst überall.\n", encoding="utf-8")
    (posts / "2023-07-01-malve.md").write_text("---\ntitle: Malve\npermalink: /malve/\n---\nMalven blühen.\n",
                                               encoding="utf-8")
    out = project.run("import", str(posts)).output
    assert project.read("source_de/baerlauch.md") == (
        "---\ntitle: Bärlauch sammeln im Auwald\ndate: 2023-05-04\ndraft: true\naliases:\n"
        "- /2023/05/04/baerlauch.html\n---\nBärlauch riecht nach Knoblauch.\n")
    assert "date: 2023-05-04 from the file name (Jekyll's YYYY-MM-DD-slug)" in out
    assert "old address /2023/05/04/baerlauch.html: Jekyll's default permalink" in out
    giersch = project.read("source_de/giersch.md")
    # Jekyll's URL has the front matter's date, not the file name's
    assert "date: 2023-06-02\n" in giersch and "- /kraeuter/kueche/2023/06/02/giersch.html\n" in giersch
    assert "aliases:\n- /malve/\n---" in project.read("source_de/malve.md")
    publish_all(project)
    project.run("extract")
    project.run("build")
    assert (project.root / "site/de/baerlauch/index.html").is_file()
    assert "2023-05-04" in project.read("site/de/baerlauch/index.html")
    assert "/2023/05/04/baerlauch.html /de/baerlauch/ 301" in " ".join(project.read("site/_redirects").split())


@pytest.mark.parametrize("bullet", ["• ", "- "])
def test_bulleted_lines_after_a_colon_line_are_one_list_without_a_second_marker(tmp_path, bullet):
    article = read_text(tmp_path / "t.txt", (f"Tee im Herbst\nFür eine Kanne nehmen Sie:\n{bullet}Salbei\n"
                                            f"{bullet}Thymian\nBeides zehn Minuten ziehen lassen und langsam "
                                            "in kleinen Schlucken trinken.\n").encode())
    assert article.body == ("Für eine Kanne nehmen Sie:\n\n- Salbei\n- Thymian\n\nBeides zehn Minuten ziehen lassen "
                            "und langsam in kleinen Schlucken trinken.\n")


@pytest.mark.parametrize("content", [
    # block editor: the more block holds the marker, WordPress strips block delimiters and runs no wpautop
    f"<!-- wp:paragraph -->\n<p>{LEAD}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more -->\n<!--more-->\n"
    f"<!-- /wp:more -->\n\n<!-- wp:paragraph -->\n<p>{CARE}</p>\n<!-- /wp:paragraph -->",
    f"{LEAD}\n<!--more-->\n{CARE}",  # classic editor, on a line of its own
    f"{LEAD}\n\n<!--more Weiterlesen …-->\n\n{CARE}",
    f"{LEAD}\n\n<!--more--> {CARE}<!-- ein Kommentar -->",  # a line with more than the cut keeps its text
])
def test_the_more_marker_is_the_excerpt_cut_not_content(tmp_path, content):
    data = wxr("<title>Beet</title><wp:status>draft</wp:status>"
               f"<content:encoded><![CDATA[{content}]]></content:encoded>").encode()
    (article,), _ = read_wxr(tmp_path / "export.xml", data)
    assert article.body == f"{LEAD}\n\n{CARE}\n"


@pytest.mark.parametrize("before", ["<ol><li>Erde lockern</li></ol>", "<p>Im Mai säen.</p>", "<h2>Im Mai</h2>",
                                    "<hr />", "<pre>ab\n\ncd</pre>"])
def test_classic_editor_lines_after_a_block_element_are_a_paragraph_with_hard_breaks(tmp_path, before):
    """WordPress's wpautop puts a blank line around every block element, then makes each single newline a <br>."""
    data = wxr("<title>Beet</title><wp:status>draft</wp:status>"
               f"<content:encoded><![CDATA[{before}\nErste Zeile\nzweite Zeile]]></content:encoded>").encode()
    (article,), _ = read_wxr(tmp_path / "export.xml", data)
    assert article.body.endswith("\n\nErste Zeile\\\nzweite Zeile\n")


def test_classic_editor_text_in_pre_keeps_its_lines(tmp_path):
    data = wxr("<title>Beet</title><wp:status>draft</wp:status><content:encoded><![CDATA[Reihen:\n\n"
               "<pre>Salat   Möhren\n\nLauch   Bohnen</pre>]]></content:encoded>").encode()
    (article,), _ = read_wxr(tmp_path / "export.xml", data)
    assert article.body == "Reihen:\n\n```\nSalat   Möhren\n\nLauch   Bohnen\n```\n"


def test_an_import_note_names_a_file_with_a_line_feed_on_one_line(project, tmp_path):
    """An importer's note named the imported file as it is: "image not found: blatt.jpg (notiz<LF>error: x.md:7)"
    put a made-up line of its own on the terminal. The name is escaped as in every other message."""
    source = tmp_path / "notiz\nerror: x.md"
    source.write_text("---\ntitle: Beinwell\ndate: 2024-05-01\n---\n\nBeinwell wächst am Bach.\n\n![Blatt](blatt.jpg)\n",
                      encoding="utf-8")
    out = project.run("import", str(source)).output
    shown = str(source).replace("\n", "\\n")
    assert f"image not found: blatt.jpg ({shown}:8): save it into source_de/bilder/" in out, out
    assert not any(line.startswith("error: x.md") for line in out.splitlines()), out


def test_a_relative_image_with_nothing_to_find_it_in_is_named_as_not_found_not_as_left_at_an_old_address(
        project, tmp_path):
    """Copied text's ``![Melisse](bilder/melisse.png)``, a feed's ``<img src="dolde.jpg">`` and a Typora note's
    ``C:\\Users\\…`` image were each named 'image left at its old address', as if a server still had them: they have
    no address, the file is missing. Each is named as not found, with what to do."""
    text = tmp_path / "melisse.txt"
    text.write_text(f"Melisse im Garten\n\n{LEAD}\n\n![Melisse](bilder/melisse.png)\n\n{CARE}\n", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
                    'modules/content/"><channel><title>Blog</title><item><title>Holunder</title><content:encoded>'
                    f'<![CDATA[<p>{LEAD}</p><img src="dolde.jpg" alt="Dolde"><p>{CARE}</p>]]></content:encoded></item>'
                    "</channel></rss>\n", encoding="utf-8")
    note = tmp_path / "typora.md"
    note.write_text(f"---\ntitle: Typora\ndate: 2024-05-01\n---\n{LEAD}\n\n![Bild](C:\\Users\\anna\\bild.png)\n",
                    encoding="utf-8")
    out = project.run("import", str(text), str(feed), str(note)).output
    assert "left at its old address" not in out, out
    for src in ("bilder/melisse.png", "dolde.jpg"):
        assert (f"image not found: {src} (a relative address, and the source names no folder or address it is "
                "relative to): save it into bilder/ and link it from there") in out, out
    assert (f"image not found: C:\\Users\\anna\\bild.png ({note}:7: a path on the computer the text was written on): "
            "save it into source_de/bilder/") in out, out


def test_text_left_out_that_ends_in_a_colon_is_named_without_a_second_colon(project, tmp_path):
    """A sidebar's "Folgen Sie uns auf:" left out of a saved page, and a cookie banner's "Bitte wählen Sie:" of copied
    text, were named 'left out (widget text?): Folgen Sie uns auf:: add it by hand': the note's own colon doubled
    theirs. The text is named without its final colon, as the other notes name what they quote."""
    page = tmp_path / "ringelblume.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Ringelblume</title></head><body><article>'
                    f"<h1>Ringelblume</h1><p>{LEAD} Das ist schön für alle, die Salben machen.</p><p>{CARE} So merkt "
                    "man früh, ob sie vertragen wird.</p><div class=\"sidebar\"><div>Folgen Sie uns auf:</div></div>"
                    f"<p>Die Blüten trocknet man im Schatten, damit die Farbe bleibt. {LEAD}</p></article></body></html>",
                    encoding="utf-8")
    text = tmp_path / "fuesse.txt"
    text.write_text("Kalte Füße\nWir verwenden Cookies auf dieser Seite. Bitte wählen Sie:\nAlle akzeptieren\n"
                    "Warme Füße helfen beim Einschlafen, und ein Bad am Abend wärmt von innen.\n", encoding="utf-8")
    out = project.run("import", str(page), str(text)).output
    assert "::" not in out, out
    assert "  left out (widget text?): Folgen Sie uns auf: add it by hand if it belongs\n" in out, out
    assert ("  line 2: left out (widget text?): Wir verwenden Cookies auf dieser Seite. Bitte wählen Sie: add it by "
            "hand if it belongs\n") in out, out


def test_a_hugo_page_bundles_images_are_copied_and_a_missing_one_is_named(project, tmp_path):
    bundle = tmp_path / "site/content/posts/beinwell"
    bundle.mkdir(parents=True)
    png = (DATA / "seite_files/brennnessel.jpg").read_bytes()
    (bundle / "beinwell.jpg").write_bytes(png)
    (tmp_path / "site/static/bilder").mkdir(parents=True)
    (tmp_path / "site/static/bilder/wurzel.jpg").write_bytes(png[:-1])
    (bundle / "index.md").write_text('+++\ntitle = "Beinwell"\ndate = 2024-05-01\n+++\n\nBeinwell wächst am Bach.\n\n'
                                     "![Beinwell am Bach](beinwell.jpg)\n\nDie Wurzel:\n![Wurzel](/bilder/wurzel.jpg)\n\n"
                                     "Ein Blatt:\n![Blatt](blatt.jpg)\n", encoding="utf-8")
    out = project.run("import", str(bundle / "index.md")).output
    assert f"image not found: blatt.jpg ({bundle / 'index.md'}:14): save it into source_de/bilder/" in out
    text = project.read("source_de/beinwell.md")
    assert "![Beinwell am Bach](bilder/beinwell.jpg)\n" in text and "![Wurzel](bilder/wurzel.jpg)\n" in text
    assert (project.root / "source_de/bilder/beinwell.jpg").read_bytes() == png
    assert (project.root / "source_de/bilder/wurzel.jpg").read_bytes() == png[:-1]
    publish_all(project)
    project.run("extract")
    project.run("build")
    page = html.parse(str(project.root / "site/de/beinwell/index.html"))
    assert page.xpath("//img[@alt='Beinwell am Bach']/@src") == ["/media/bilder/beinwell.jpg"]


def test_a_markdown_import_keeps_the_medical_review_in_verlag_s_own_keys(project, tmp_path):
    """Trial 12: importing a Markdown article that states its medical review in verlag's own keys said "front
    matter not kept (verlag has no such field): last_reviewed, reviewed_by" and wrote the article without them: the
    page no longer said who checked the health text. Both are kept as written, and the published page names the
    reviewer and the day."""
    source = tmp_path / "knie.md"
    source.write_text("---\ntitle: Knie nach der OP\nauthor: Katrin Sommer\ndate: 2025-03-03\nreviewed_by:\n"
                      "  name: Dr. med. Jonas Albrecht\n  qualification: Facharzt für Orthopädie\n"
                      f"last_reviewed: 2025-09-10\n---\n{LEAD}\n", encoding="utf-8")
    out = project.run("import", str(source)).output
    assert "not kept" not in out and "last_reviewed, reviewed_by" in out
    text = project.read("source_de/knie-nach-der-op.md")
    assert ("reviewed_by:\n  name: Dr. med. Jonas Albrecht\n  qualification: Facharzt für Orthopädie\n"
            "last_reviewed: 2025-09-10\n") in text
    project.write("source_de/knie-nach-der-op.md", text.replace("draft: true\n", ""))
    project.run("build")
    page = project.read("site/de/knie-nach-der-op/index.html")
    reviewed = re.search(r'<p class="reviewed"[^>]*>(.*?)</p>', page, re.S).group(1)
    assert "Dr. med. Jonas Albrecht" in reviewed and "Facharzt für Orthopädie" in reviewed and "2025" in reviewed


def test_a_markdown_import_names_its_images_without_alt_text_as_a_saved_page_s_are(project, tmp_path):
    """A saved page's, a feed entry's and a WordPress post's images without alt text are named (a reader who cannot
    see one gets nothing, and its catalog entry holds nothing to translate); a Hugo, Jekyll or plain Markdown
    file's were not, neither ``![](…)`` nor a raw HTML ``<img>`` without ``alt``. Named at the address written to
    the article; a described one, and one in a code block, are not."""
    bundle = tmp_path / "site/content/posts/beinwell"
    bundle.mkdir(parents=True)
    png = (DATA / "seite_files/brennnessel.jpg").read_bytes()
    (bundle / "beinwell.jpg").write_bytes(png)
    (bundle / "blatt.jpg").write_bytes(png[:-1])
    (bundle / "index.md").write_text('+++\ntitle = "Beinwell"\ndate = 2024-05-01\n+++\n\nBeinwell wächst am Bach.\n\n'
                                     "![](beinwell.jpg)\n\n![Ein Blatt](blatt.jpg) und "
                                     "![ ](https://cdn.example/wurzel.jpg)"
                                     '\n\n<figure><img src="https://cdn.example/bl%C3%BCte.jpg"></figure>\n\n'
                                     'Text <img src="https://cdn.example/stiel.jpg" alt="Stiel"> und '
                                     '<img src="https://cdn.example/knospe.jpg" alt="">.\n\n'
                                     "```\n![](code.jpg)\n```\n", encoding="utf-8")
    out = project.run("import", str(bundle / "index.md")).output
    assert ("  4 images without alt text: bilder/beinwell.jpg, https://cdn.example/wurzel.jpg, "
            "https://cdn.example/blüte.jpg, https://cdn.example/knospe.jpg: describe each in its ![…] (a reader who "
            "cannot see it gets nothing)\n") in out, out
    assert "![](bilder/beinwell.jpg)" in project.read("source_de/beinwell.md")
    plain = tmp_path / "notizen/tee.md"
    plain.parent.mkdir()
    plain.write_text("# Tee\n\nTee wärmt.\n\n![Tasse](tasse.png) ![](kanne.png)\n", encoding="utf-8")
    out = project.run("import", str(plain)).output
    assert "  1 image without alt text: kanne.png: describe it in its ![…]" in out, out


def test_superscript_and_subscript_stay_inline_html_on_every_page(project, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Sauerstoff</title><wp:status>publish</wp:status>"
                          "<link>https://blog.example/sauerstoff/</link><content:encoded><![CDATA[<p>Wasser ist "
                          "H<sub>2</sub>O, sagt die Chemie.<sup>1</sup></p>]]></content:encoded>"), encoding="utf-8")
    project.run("import", str(export))
    assert "Wasser ist H<sub>2</sub>O, sagt die Chemie.<sup>1</sup>\n" in project.read("source_de/sauerstoff.md")
    publish_all(project)
    # signed-off copies are shown as German (test_german_copy) and count against min_translated: the markup is tested
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    sign_off_all(project, "en")
    msgfmt_check(project.root / "translations/en/sauerstoff.po")
    project.run("build")
    for lang in ("de", "en"):
        page = html.parse(str(project.root / f"site/{lang}/sauerstoff/index.html"))
        assert [e.text for e in page.xpath("//main//sub | //main//sup")] == ["2", "1"], lang


def test_a_wordpress_shortcode_left_as_text_is_named_by_extract_and_check_at_its_line(project, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Vogelstimmen</title><wp:status>publish</wp:status>"
                          "<link>https://blog.example/vogelstimmen/</link><content:encoded><![CDATA["
                          f"<p>{LEAD}</p>\n<p>[audio src=\"amsel.mp3\"] Die Amsel [sic] singt.<br>1. Strophe</p>\n"
                          "<p>[playlist ids=\"3,4\"]</p>]]></content:encoded>"), encoding="utf-8")
    out = project.run("import", str(export)).output
    assert "shortcode [audio] left as text: rewrite in Markdown ('verlag check' names each at its line" in out
    text = project.read("source_de/vogelstimmen.md")
    assert '[audio src="amsel.mp3"] Die Amsel [sic] singt.\\\n1\\. Strophe' in text  # only the line start escaped
    line = text.split("\n").index(next(t for t in text.split("\n") if "amsel.mp3" in t)) + 1
    publish_all(project)
    line -= 1  # the draft line is gone
    extracted = project.run("extract").output
    checked = project.run("check", code=1).output  # an error in a published page
    for said in (extracted, checked):
        assert f"source_de/vogelstimmen.md:{line}: WordPress shortcode [audio src=\"amsel.mp3\"] is not Markdown" \
            in said, said
        assert f"source_de/vogelstimmen.md:{line + 3}: WordPress shortcode [playlist ids=\"3,4\"] is not Markdown" \
            in said
        assert "[sic]" not in said
    assert "[template-tag]" in checked


def test_links_between_the_posts_of_one_export_lead_to_their_pages_in_each_language(project, tmp_path):
    def post(title: str, path: str, body: str) -> str:
        return (f"<item><title>{title}</title><link>https://praxis-sonne.example{path}</link>"
                "<wp:post_date>2023-11-02 09:00:00</wp:post_date><wp:status>publish</wp:status>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_type>post</wp:post_type></item>\n")

    export = tmp_path / "export.xml"
    export.write_text(wxr("").split("<item>")[0]
                      + post("Lindenblüten", "/2022/09/linden/",
                             "<p>Abends trinke ich gern einen Tee. Dazu mehr unter "
                             '<a href="https://praxis-sonne.example/2023/11/tee-kaffee/#abends">Tee und Kaffee</a>.</p>')
                      + post("Tee und Kaffee", "/2023/11/tee-kaffee/",
                             "<p>Beides weckt am Morgen. Blüten gibt es bei "
                             '<a href="/2022/09/linden/index.html">den Linden</a> und '
                             '<a href="https://praxis-sonne.example/2019/01/alt/">früher</a>.</p>')
                      + "</channel></rss>\n", encoding="utf-8")
    out = project.run("import", str(export)).output
    assert "import: 2 links to another imported post's old address lead to its source file now" in out
    assert "[Tee und Kaffee](tee-und-kaffee.md#abends)" in project.read("source_de/lindenblueten.md")
    tea = project.read("source_de/tee-und-kaffee.md")
    assert "[den Linden](lindenblueten.md)" in tea
    assert "[früher](https://praxis-sonne.example/2019/01/alt/)" in tea  # not imported: kept as written
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nmin_translated = 0\n')
    publish_all(project)
    project.run("extract")
    review(project, "en", "lindenblueten", {("title", "Lindenblüten"): "Linden blossoms"})
    review(project, "en", "tee-und-kaffee", {("title", "Tee und Kaffee"): "Tea and coffee"})
    project.run("build")
    for lang in ("de", "en"):
        linden = html.fromstring(project.read(f"site/{lang}/lindenblueten/index.html"))
        assert linden.xpath("//div[@class='article-body']//a/@href") == [f"/{lang}/tee-und-kaffee/#abends"]
        tea_page = html.fromstring(project.read(f"site/{lang}/tee-und-kaffee/index.html"))
        assert tea_page.xpath("//div[@class='article-body']//a/@href") == [f"/{lang}/lindenblueten/",
                                                         "https://praxis-sonne.example/2019/01/alt/"]
def test_an_image_address_in_angle_brackets_or_percent_encoded_is_rewritten_and_its_page_shows_it(project, tmp_path):
    """markdown-it reads "<Linde blüht.png>" and "Linde%20bl%C3%BCht.png" as one address (CommonMark 6.3, its
    normalizeLink): both references must follow the copied file, written in <…> as its name has a space."""
    bundle = tmp_path / "site/content/posts/linde"
    bundle.mkdir(parents=True)
    jpg = (DATA / "seite_files/brennnessel.jpg").read_bytes()
    (bundle / "Linde blüht.jpg").write_bytes(jpg)
    (bundle / "Rinde (alt).jpg").write_bytes(jpg[:-2])
    (bundle / "index.md").write_text(
        '---\ntitle: Die Linde im Juni\ndate: 2024-06-10\n---\nIm Juni duftet die Linde weit über den Hof.\n\n'
        '![Linde](<Linde blüht.jpg> "Blühende Linde")\n\n![Noch einmal](Linde%20bl%C3%BCht.jpg)\n\n'
        "Die Rinde im Winter:\n![Rinde][rinde]\n\n[rinde]: <Rinde (alt).jpg>\n", encoding="utf-8")
    project.run("import", str(bundle / "index.md"))
    text = project.read("source_de/die-linde-im-juni.md")
    assert '![Linde](<bilder/Linde blüht.jpg> "Blühende Linde")\n' in text
    assert "![Noch einmal](<bilder/Linde blüht.jpg>)\n" in text
    assert "[rinde]: <bilder/Rinde (alt).jpg>\n" in text
    # a second article with another file of that name: renamed on the clash, still in <…>
    other = tmp_path / "site/content/posts/hof"
    other.mkdir()
    (other / "Linde blüht.jpg").write_bytes(jpg[:-1])
    (other / "index.md").write_text("---\ntitle: Der Hof\ndate: 2024-06-11\n---\nDer Hof liegt im Schatten.\n\n"
                                    "![Die Linde am Hof](<Linde blüht.jpg>)\n", encoding="utf-8")
    project.run("import", str(other / "index.md"))
    assert "![Die Linde am Hof](<bilder/Linde blüht-2.jpg>)\n" in project.read("source_de/der-hof.md")
    assert (project.root / "source_de/bilder/Linde blüht-2.jpg").read_bytes() == jpg[:-1]
    publish_all(project)
    project.run("extract")
    assert "image" not in project.run("check").output
    project.run("build")
    for slug, alts in (("die-linde-im-juni", ["Linde", "Noch einmal", "Rinde"]), ("der-hof", ["Die Linde am Hof"])):
        page = html.parse(str(project.root / f"site/de/{slug}/index.html"))
        for alt in alts:
            [src] = page.xpath(f"//img[@alt='{alt}']/@src")
            assert (project.root / "site" / unquote(src).lstrip("/")).is_file(), src


def test_two_images_of_one_name_in_an_article_keep_their_own_files(project, tmp_path):
    """A Hugo bundle's karte.png and static/img/karte.png are two images: each keeps its own name in the
    article (karte.png, karte-2.png); a third name is chosen where source_de/bilder/ holds another karte.png."""
    jpg = (DATA / "seite_files/brennnessel.jpg").read_bytes()
    bundle = tmp_path / "site/content/posts/wanderweg"
    bundle.mkdir(parents=True)
    (tmp_path / "site/static/img").mkdir(parents=True)
    (bundle / "karte.jpg").write_bytes(jpg)
    (tmp_path / "site/static/img/karte.jpg").write_bytes(jpg[:-1])
    (project.root / "source_de/bilder").mkdir(parents=True, exist_ok=True)
    (project.root / "source_de/bilder/karte.jpg").write_bytes(jpg[:-2])
    (bundle / "index.md").write_text("---\ntitle: Der Wanderweg am Fluss\ndate: 2024-07-01\n---\n"
                                     "Der Weg folgt dem Fluss bis zur Mühle.\n\n![Karte des Wegs](karte.jpg)\n\n"
                                     "![Karte der Gegend](/img/karte.jpg)\n\n![Wieder der Weg](karte.jpg)\n",
                                     encoding="utf-8")
    project.run("import", str(bundle / "index.md"))
    text = project.read("source_de/der-wanderweg-am-fluss.md")
    assert "![Karte des Wegs](bilder/karte-3.jpg)\n" in text and "![Wieder der Weg](bilder/karte-3.jpg)\n" in text
    assert "![Karte der Gegend](bilder/karte-2.jpg)\n" in text
    images = project.root / "source_de/bilder"
    assert [(images / name).read_bytes() for name in ("karte.jpg", "karte-2.jpg", "karte-3.jpg")] == \
        [jpg[:-2], jpg[:-1], jpg]


def test_images_and_a_slug_windows_cannot_hold_get_names_it_can_and_the_links_follow(project, tmp_path):
    """An image named like a Windows device (con.png, Nul.jpg, COM1.jpg, any case and extension) or ending in a dot
    was saved under that name, and a title "Con" made source_de/con.md: a clone of the project failed on Windows.
    Such an image is renamed as one whose name another image has (<stem>-2<suffix>), a final dot is dropped, the
    article's links follow, and the slug gets -2 with the reason said."""
    jpg = (DATA / "seite_files/brennnessel.jpg").read_bytes()
    for name, data in (("con.png", jpg), ("Nul.jpg", jpg[:-1]), ("COM1.tar.jpg", jpg[:-2]), ("blatt.jpg.", jpg[:-3]),
                       ("console.jpg", jpg[:-4])):
        (tmp_path / name).write_bytes(data)
    (tmp_path / "con.md").write_text("---\ntitle: Con\ndate: 2024-07-01\n---\nDer Weg folgt dem Fluss.\n\n"
                                     "![Eins](con.png) ![Zwei](Nul.jpg) ![Drei](<COM1.tar.jpg>)\n\n"
                                     "![Vier](<blatt.jpg.>) ![Fuenf](console.jpg)\n", encoding="utf-8")
    result = project.run("import", str(tmp_path / "con.md"))
    assert "wrote source_de/con-2.md" in result.output, result.output
    assert "slug 'con' is a name Windows keeps for a device (no file or folder there may have it): named " \
           "'con-2'" in result.output, result.output
    text = project.read("source_de/con-2.md")
    assert "![Eins](bilder/con-2.png) ![Zwei](bilder/Nul-2.jpg) ![Drei](bilder/COM1-2.tar.jpg)\n" in text, text
    assert "![Vier](bilder/blatt.jpg) ![Fuenf](bilder/console.jpg)\n" in text, text
    images = project.root / "source_de/bilder"
    assert {p.name: p.read_bytes() for p in images.iterdir()} == {
        "con-2.png": jpg, "Nul-2.jpg": jpg[:-1], "COM1-2.tar.jpg": jpg[:-2], "blatt.jpg": jpg[:-3],
        "console.jpg": jpg[:-4]}
    project.run("extract")
    assert (project.root / "translations/en/con-2.po").is_file()


def test_a_saved_pages_two_images_of_one_name_keep_their_own_files(tmp_path):
    for folder, data in (("a", b"\x89PNG eins"), ("b", b"\x89PNG zwei")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "blatt.png").write_bytes(data)
    body, images, _ = html_to_markdown('<p>Zwei Blätter:</p><p><img src="a/blatt.png" alt="Ahorn"></p>'
                                       '<p><img src="b/blatt.png" alt="Eiche"></p>', tmp_path)
    assert "![Ahorn](bilder/blatt.png)" in body and "![Eiche](bilder/blatt-2.png)" in body
    assert {name: file.read_bytes() for file, name in images.items()} == \
        {"blatt.png": b"\x89PNG eins", "blatt-2.png": b"\x89PNG zwei"}


def test_the_import_points_at_check_only_for_tags_check_names(project, tmp_path):
    """Liquid's output tag {{ … }} is named by check like its {% … %}; a WordPress "[toc]" (no WordPress
    shortcode, no attribute) is not, so the import says to replace it by hand; a tag in a code span is meant."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2024-02-03-quellen.md").write_text(
        "---\ntitle: Quellen im Wald\n---\nDie Karte liegt unter {{ site.baseurl }}/karte bereit.\n\n"
        "Im Code schreibt man `{{ page.title }}` so.\n\nDie Quelle:\n{% include bild.html\n  datei=\"quelle.jpg\" %}\n",
        encoding="utf-8")
    export = tmp_path / "export.xml"
    export.write_text(wxr("<title>Moose</title><wp:status>publish</wp:status><link>https://blog.example/moose/</link>"
                          f"<content:encoded><![CDATA[<p>{LEAD}</p>\n<p>[toc]</p>\n<p>[inhalt typ=\"kurz\"]</p>]]>"
                          "</content:encoded>"), encoding="utf-8")
    out = project.run("import", str(posts), str(export)).output
    assert (f"shortcodes or template tags kept as text ({posts / '2024-02-03-quellen.md'}:4, 9): rewrite in Markdown "
            "('verlag check' names each at its line of the article)") in out
    assert "shortcode [toc] left as text: replace it by hand" in out
    assert "shortcode [inhalt] left as text: rewrite in Markdown ('verlag check' names each" in out
    publish_all(project)
    lines = project.read("source_de/quellen.md").split("\n")
    line = lines.index(next(t for t in lines if "site.baseurl" in t)) + 1
    checked = project.run("check", code=1).output  # an error in a published page
    assert f"source_de/quellen.md:{line}: Liquid output (Jekyll) {{{{ site.baseurl }}}} is not Markdown" in checked, \
        checked
    assert "page.title" not in checked and "[toc]" not in checked
    # a tag over two lines of its paragraph is named once, at its first line
    assert f"source_de/quellen.md:{line + 5}: Liquid tag (Jekyll) {{% include bild.html datei=\"quelle.jpg\" %}} is " \
        "not Markdown" in checked
    assert "WordPress shortcode [inhalt typ=" in checked


def test_a_reference_link_to_another_file_s_permalink_in_the_same_folder_is_rewritten(project, tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "linden.md").write_text("---\ntitle: Linden\ndate: 2022-09-15\npermalink: /kraeuter/linden.html\n---\n"
                                      "Die Linde blüht im Juni.\n", encoding="utf-8")
    (folder / "holunder.md").write_text("---\ntitle: Holunder\ndate: 2023-08-20\n"
                                        "permalink: /kraeuter/holunder/\n---\nMehr bei den [Linden][l] und "
                                        "[hier](</kraeuter/holunder/#saft>).\n\n[l]: /kraeuter/linden.html\n",
                                        encoding="utf-8")
    out = project.run("import", str(folder)).output
    assert "import: 2 links to another imported post's old address lead to its source file now" in out
    text = project.read("source_de/holunder.md")
    assert "[l]: linden.md\n" in text and "[hier](holunder.md#saft)" in text


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (path under ``root`` -> text or bytes) and return ``root``."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root


JPEG = (DATA / "seite_files/brennnessel.jpg").read_bytes()


def test_a_jekyll_site_s_root_imports_its_posts_and_drafts_and_names_each_page_it_leaves_out(project, tmp_path):
    """A Jekyll site as its repository holds it (https://jekyllrb.com/docs/structure/): the posts are in _posts/
    (also in a subfolder of it) and _drafts/; the pages, layouts and the built _site/ are no posts."""
    blog = tree(tmp_path / "blog", {
        "_config.yml": "title: Praxisblog\nmarkdown: kramdown\n",
        "Gemfile": 'source "https://rubygems.org"\ngem "jekyll"\n',
        "README.md": "# Praxisblog\n\nbundle exec jekyll serve\n",
        "index.md": "---\nlayout: home\n---\n",
        "about.md": "---\nlayout: page\ntitle: Über mich\npermalink: /about/\n---\nIch bin Heilpraktikerin.\n",
        "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
        "_includes/head.html": "<head><title>{{ page.title }}</title></head>\n",
        "_site/2022/09/15/linden-tee.html": "<html><body><p>Gebaut.</p></body></html>\n",
        "assets/linde.jpg": JPEG,
        "_posts/2022-09-15-linden-tee.md": "---\nlayout: post\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n\n"
                                           "![Linde](/assets/linde.jpg)\n",
        "_posts/2023/2023-01-10-ingwer.md": "---\ntitle: Ingwer im Winter\n---\nIngwer wärmt.\n",
        "_drafts/holunder-sirup.md": "---\ntitle: Holundersirup\n---\nNoch nicht fertig.\n",
    })
    out = project.run("import", str(blog)).output
    assert (f"import: {blog} read as a Jekyll site (_config.yml, _posts/): 3 files to read (drafts of the old "
            "blog too, as drafts); 3 files left out:") in out
    assert f"  skipped {blog / 'README.md'}: a README file, not an article" in out
    assert f"  skipped {blog / 'about.md'}: a page of the site, not a post: import it by itself" in out
    assert f"  skipped {blog / 'index.md'}: the home page, not an article" in out
    assert sorted(written(project)) == ["bilder/linde.jpg", "holundersirup.md", "ingwer.md", "linden-tee.md"]
    assert "![Linde](bilder/linde.jpg)" in project.read("source_de/linden-tee.md")
    assert "- /2023/01/10/ingwer.html" in project.read("source_de/ingwer.md")
    assert "draft: true  # a draft in Jekyll (_drafts/)" in project.read("source_de/holundersirup.md")
    assert "never published by the old blog (a draft there too, its draft line says so): source_de/holundersirup.md" \
        in out
    assert "Gebaut" not in out and "Heilpraktikerin" not in "".join(p.read_text() for p in
                                                                   (project.root / "source_de").glob("*.md"))


def test_a_hugo_site_s_root_imports_the_pages_of_its_sections_with_their_bundles_images(project, tmp_path):
    """A Hugo site (https://gohugo.io/content-management/organization/): the posts are content/<section>/*.md and
    leaf bundles (a folder with index.md and its images); list pages (_index.md), a page at the top of content/,
    a bundle's other Markdown (a resource) and a translation (name.en.md) are no German posts: the translation
    goes into the German post's catalog, as one made by hand; public/ is built. Each post's old address is Hugo's
    default URL (https://gohugo.io/content-management/urls/)."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\ntitle = "Praxis"\n',
        "README.md": "# Praxis\n\nhugo server\n",
        "content/_index.md": '+++\ntitle = "Start"\n+++\n',
        "content/about.md": '+++\ntitle = "Über mich"\n+++\nIch bin Heilpraktikerin.\n',
        "content/posts/_index.md": '+++\ntitle = "Beiträge"\n+++\n',
        "content/posts/brennnessel.md": '+++\ntitle = "Brennnessel"\ndate = 2024-04-02\n+++\nSie brennt.\n\n'
                                        "Mehr zum [Holunder](/posts/holunder/).\n",
        "content/posts/holunder/index.md": '+++\ntitle = "Holunder"\ndate = 2024-06-01\n+++\nEr blüht.\n\n'
                                           "![Dolde](dolde.jpg)\n",
        "content/posts/holunder/dolde.jpg": JPEG,
        "content/posts/holunder/notizen.md": "Nur für mich.\n",
        "content/posts/entwurf.md": '+++\ntitle = "Entwurf"\ndraft = true\n+++\nBald.\n',
        "content/posts/entwurf.en.md": '+++\ntitle = "Draft"\ndraft = true\n+++\nSoon.\n',
        "public/posts/brennnessel/index.html": "<html><body><p>Gebaut.</p></body></html>\n",
        "themes/ananke/layouts/_default/single.html": "<html>{{ .Content }}</html>\n",
    })
    out = project.run("import", str(site)).output
    content = site / "content"
    assert (f"import: {site} read as a Hugo site (hugo.toml, content/): 3 files to read (drafts of the old blog "
            "too, as drafts), 1 translation to align; 4 files left out:") in out
    for rel, why in (("_index.md", "the list page of a Hugo section (_index), not an article"),
                     ("about.md", "a page of the site outside a section, not a post"),
                     ("posts/_index.md", "the list page of a Hugo section"),
                     ("posts/holunder/notizen.md", "a resource of the page bundle posts/holunder/ (index.md), not a "
                                                   "page")):
        assert f"  skipped {content / rel}: {why}" in out
    assert sorted(written(project)) == ["bilder/dolde.jpg", "brennnessel.md", "entwurf.md", "holunder.md"]
    assert "Sie brennt." in project.read("source_de/brennnessel.md")
    # Hugo's default addresses are the old ones: kept under aliases, and a link to one leads to its article now
    assert "old address /posts/brennnessel/: Hugo's default URL" in out
    assert "aliases:\n- /posts/brennnessel/\n" in project.read("source_de/brennnessel.md")
    assert "aliases:\n- /posts/holunder/\n" in project.read("source_de/holunder.md")
    assert "aliases" not in project.read("source_de/entwurf.md")  # a draft had no address
    assert "Mehr zum [Holunder](holunder.md)." in project.read("source_de/brennnessel.md")
    assert "![Dolde](bilder/dolde.jpg)" in project.read("source_de/holunder.md")
    assert "draft: true  # a draft in Hugo (draft: true)" in project.read("source_de/entwurf.md")
    assert f"import: {content / 'posts/entwurf.en.md'} as the en translation of source_de/entwurf.md" in out
    assert 'msgid "Bald."\nmsgstr "Soon."' in project.read("translations/en/entwurf.po")


def test_a_jekyll_post_written_in_html_is_converted_to_markdown(project, tmp_path):
    """Jekyll publishes ``_posts/*.html`` like Markdown posts (https://jekyllrb.com/docs/posts/); their HTML body is
    converted as a saved page's is, so its text is translated, and its site-path image copied."""
    site = tree(tmp_path / "site", {
        "_config.yml": "title: Praxis\n",
        "assets/augen.jpg": JPEG,
        "_posts/2022-06-01-augen.html": '---\nlayout: post\ntitle: "Augen entspannen"\n---\n'
                                        "<p>Schauen Sie alle 20 Minuten in die <em>Ferne</em>.</p>\n"
                                        "<h2>Drei Übungen</h2>\n<ul><li>Blinzeln</li><li>Palmieren</li></ul>\n"
                                        '<p><img src="/assets/augen.jpg" alt="Geschlossene Augen"></p>\n',
    })
    out = project.run("import", str(site)).output
    assert project.read("source_de/augen.md").endswith(
        "---\nSchauen Sie alle 20 Minuten in die *Ferne*.\n\n## Drei Übungen\n\n- Blinzeln\n- Palmieren\n\n"
        "![Geschlossene Augen](bilder/augen.jpg)\n")
    assert "HTML body converted to Markdown, as a saved page's is" in out
    assert "image left at its old address" not in out
    project.run("extract")
    assert "Drei Übungen" in project.read("translations/templates/augen.pot")


def test_hugo_figure_shortcodes_become_images_with_their_captions_and_the_files_are_copied(project, tmp_path):
    """Hugo's built-in ``figure`` shortcode (https://gohugo.io/shortcodes/figure/) is how a Hugo post shows an image:
    it becomes the CommonMark image (alt text, linked where it has ``link``), its title and caption the paragraphs
    below it, as a WordPress [caption] does; the file, in the bundle or in static/, is copied to bilder/."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "static/img/salbei.jpg": JPEG,
        "content/posts/salbei/blatt.jpg": JPEG + b"Blatt",
        "content/posts/salbei/index.md": '+++\ntitle = "Salbei bei Halsweh"\ndate = 2024-09-01\n+++\n\n'
                                         "Salbei gurgeln hilft bei Halsschmerzen.\n\n"
                                         '{{< figure src="/img/salbei.jpg" alt="Salbeistrauch" '
                                         'caption="Salbei im Kräuterbeet" >}}\n\n'
                                         '{{< figure src="blatt.jpg" alt="Ein Salbeiblatt" '
                                         'link="https://example.org/salbei" >}}\n'
                                         "{{< gist anna 4e1b2c >}}\n",
    })
    out = project.run("import", str(site)).output
    assert project.read("source_de/salbei-bei-halsweh.md").endswith(
        "---\nSalbei gurgeln hilft bei Halsschmerzen.\n\n![Salbeistrauch](bilder/salbei.jpg)\n\n"
        "Salbei im Kräuterbeet\n\n[![Ein Salbeiblatt](bilder/blatt.jpg)](https://example.org/salbei)\n"
        "{{< gist anna 4e1b2c >}}\n")
    assert sorted(written(project)) == ["bilder/blatt.jpg", "bilder/salbei.jpg", "salbei-bei-halsweh.md"]
    assert "line 8: Hugo figure /img/salbei.jpg as an image with its caption below it" in out
    assert "line 10: Hugo figure blatt.jpg as an image" in out
    assert f"shortcodes or template tags kept as text ({site / 'content/posts/salbei/index.md'}:11)" in out


def test_a_hugo_site_translated_by_file_name_imports_the_german_pages_at_their_hugo_addresses(project, tmp_path):
    """Hugo's translation by file name (https://gohugo.io/content-management/multilingual/#translation-by-file-name)
    marks the German page too where German is not the default language: tee.de.md beside tee.en.md, a bundle's
    index.de.md beside index.en.md. The English pages are translations, not German articles: each goes into its
    German page's catalog as a translation made by hand; the language code of
    the file name is no part of the page's address, which starts with /de/ as German is not the default language
    (/de/posts/tee/, /de/posts/holunder/); a bundle's index.de.md is no resource."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "en"\n[languages.de]\n[languages.en]\n',
        "content/posts/tee.de.md": '+++\ntitle = "Tee"\n+++\nTee wärmt.\n',
        "content/posts/tee.en.md": '+++\ntitle = "Tea"\n+++\nTea warms.\n',
        "content/posts/holunder/index.de.md": '+++\ntitle = "Holunder"\n+++\nEr blüht.\n',
        "content/posts/holunder/index.en.md": '+++\ntitle = "Elder"\n+++\nIt blooms.\n',
    })
    out = project.run("import", str(site)).output
    content = site / "content"
    assert "2 files to read (drafts of the old blog too, as drafts), 2 translations to align" in out
    assert f"import: {content / 'posts/tee.en.md'} as the en translation of source_de/tee.md (made by hand)" in out
    assert f"import: {content / 'posts/holunder/index.en.md'} as the en translation of source_de/holunder.md" in out
    assert 'msgid "Er blüht."\nmsgstr "It blooms."' in project.read("translations/en/holunder.po")
    assert sorted(written(project)) == ["holunder.md", "tee.md"]
    assert "aliases:\n- /de/posts/tee/\n" in project.read("source_de/tee.md")
    assert "aliases:\n- /de/posts/holunder/\n" in project.read("source_de/holunder.md")


def test_a_hugo_site_translated_by_content_folder_imports_the_german_folder_and_aligns_the_others(project, tmp_path):
    """Hugo's translation by content directory (https://gohugo.io/content-management/multilingual/): each language's
    contentDir holds its pages. The German folder's pages are the articles, at German's addresses (the default
    language: no /de/); the English folder's pages at the same paths are their translations, brought into their
    catalogs as translations made by hand, and a language the project does not translate into is named."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\ncontentDir = "content/de"\n'
                     '[languages.en]\ncontentDir = "content/en"\n',
        "content/de/posts/tee.md": '+++\ntitle = "Tee"\n+++\nTee wärmt.\n',
        "content/de/about.md": '+++\ntitle = "Über mich"\n+++\nIch.\n',
        "content/en/posts/tee.md": '+++\ntitle = "Tea"\n+++\nTea warms.\n',
        "content/it/posts/tee.md": '+++\ntitle = "Tè"\n+++\nIl tè scalda.\n',
    })
    site.joinpath("hugo.toml").write_text(site.joinpath("hugo.toml").read_text() + '[languages.it]\ncontentDir = '
                                          '"content/it"\n', encoding="utf-8")
    out = project.run("import", str(site)).output
    assert (f"  skipped {site / 'content/it'}/: the content of the site's language it (contentDir), which "
            "verlag.toml's languages do not list: add it there and import again") in out
    assert f"import: {site / 'content/en/posts/tee.md'} as the en translation of source_de/tee.md" in out
    assert 'msgid "Tee wärmt."\nmsgstr "Tea warms."' in project.read("translations/en/tee.po")
    assert f"  skipped {site / 'content/de/about.md'}: a page of the site outside a section" in out
    assert sorted(written(project)) == ["tee.md"]
    assert "aliases:\n- /posts/tee/\n" in project.read("source_de/tee.md")


def test_a_subfolder_that_cannot_be_read_is_named_and_the_rest_of_the_folder_is_imported():
    """A subfolder without read permission (another user's) is an error naming it, exit 2, and the folder's
    other files are imported: one unreadable folder does not stop the others. Run as a user the permissions bind:
    as root, through setpriv as nobody."""
    base = Path(tempfile.mkdtemp(prefix="verlag-import-locked-"))  # not tmp_path: its parents are root's, 0700
    locked = base / "blog/locked"
    try:
        (base / "proj").mkdir()
        (base / "proj/verlag.toml").write_text('name = "T"\nsource_language = "de"\nlanguages = ["en"]\n')
        locked.mkdir(parents=True)
        (base / "blog/tee.md").write_text("---\ntitle: Tee\n---\nTee wärmt.\n", encoding="utf-8")
        (locked / "zwei.md").write_text("---\ntitle: Zwei\n---\nZwei.\n", encoding="utf-8")
        for path in (base, base / "blog", base / "proj", base / "proj/verlag.toml"):
            path.chmod(0o777 if path.is_dir() else 0o666)
        locked.chmod(0)
        command = [sys.executable, "-m", "verlag", "-C", str(base / "proj"), "import", str(base / "blog")]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=base, timeout=WALL)
        assert done.returncode == 2, done.stderr
        assert f"error: {locked}: cannot read this folder: Permission denied" in done.stderr
        assert "Traceback" not in done.stderr
        assert "Tee wärmt." in (base / "proj/source_de/tee.md").read_text(encoding="utf-8")
    finally:
        locked.chmod(0o755)
        shutil.rmtree(base)


def test_a_default_address_is_the_old_site_s_only_in_its_tree_however_the_file_is_named(project, tmp_path,
                                                                                        monkeypatch):
    """Hugo's default address is given to a page below the content/ of a Hugo site (its hugo.toml beside), not to
    any file below a folder that happens to be called content; and a Hugo page or Jekyll draft named from inside its
    folder is read as the same file named from the site's root."""
    notes = tree(tmp_path / "dokumente", {"content/notizen/tee.md": "---\ntitle: Tee\n---\nTee wärmt.\n"})
    out = project.run("import", "--dry-run", str(notes)).output
    assert "Hugo's default URL" not in out and "aliases" not in out
    site = tree(tmp_path / "site", {
        "hugo.toml": 'title = "Praxis"\n',
        "content/posts/tee.md": '+++\ntitle = "Tee"\n+++\nTee wärmt.\n',
        "_config.yml": "title: Praxis\n",
        "_drafts/holunder.md": "---\ntitle: Holunder\n---\nBald.\n",
    })
    monkeypatch.chdir(site / "content/posts")
    assert "old address /posts/tee/: Hugo's default URL" in project.run("import", "--dry-run", "tee.md").output
    monkeypatch.chdir(site / "_drafts")
    assert "draft: true  # a draft in Jekyll (_drafts/)" in project.run("import", "--dry-run", "holunder.md").output


def test_a_plain_folder_imports_its_subfolders_in_a_stable_order(project, tmp_path):
    """The files of a folder before its subfolders, each in order of name, whatever order the file system lists
    them in; a README, the folder's home page and a site generator's folders are left out, each named."""
    notes = tree(tmp_path / "notizen", {
        "2022/zwei.md": "---\ntitle: Zwei\n---\nZwei.\n",
        "README.md": "Meine Notizen.\n",
        "index.html": "<html><body><h1>Übersicht</h1><p>Alle Beiträge dieser Sammlung.</p></body></html>\n",
        "2021/eins.md": "---\ntitle: Eins\n---\nEins.\n",
        "2021/tee/index.md": "---\ntitle: Tee\n---\nTee.\n",
        "oben.md": "---\ntitle: Oben\n---\nOben.\n",
        "_layouts/post.html": "<html>{{ content }}</html>\n",
        "bilder/blatt.jpg": JPEG,
    })
    out = project.run("import", "--dry-run", str(notes)).output
    assert (f"import: {notes} read with its subfolders: 4 files to read (drafts of the old blog too, as drafts); "
            "2 files and 1 folder left out:") in out
    assert f"  skipped {notes / '_layouts'}/: a folder of a site generator" in out
    order = [line.split("(from ")[1].rstrip(")") for line in out.splitlines() if line.startswith("would write")]
    assert order == [str(notes / rel) for rel in ("oben.md", "2021/eins.md", "2021/tee/index.md", "2022/zwei.md")]
    project.run("import", str(notes))
    assert sorted(written(project)) == ["eins.md", "oben.md", "tee.md", "zwei.md"]


def test_a_short_block_the_filter_drops_is_named_and_a_share_button_is_not():
    """Only blocks of five words or more were named: the second of two bullets ("• Dampfbad bei Erkältung") went
    without a word while the first was named."""
    from pipeline.importer_html import _prune

    node = html.fragment_fromstring("<div><p>Der erste Absatz bleibt stehen.</p><p>Tee nach dem Essen</p>"
                                    "<p>Dampfbad</p><div><button>Teilen</button></div></div>")
    dropped: list[str] = []
    _prune(node, {"DerersteAbsatzbleibtstehen."}, "DerersteAbsatzbleibtstehen.", dropped)
    assert dropped == ["Tee nach dem Essen", "Dampfbad"]


def test_pruning_that_would_leave_less_than_half_of_trafilaturas_text_keeps_the_element_whole_and_says_so():
    """trafilatura kept the text as one block no child's text equals: pruning would have left the heading alone."""
    from pipeline.importer_html import _kept_text

    node = html.fragment_fromstring("<div><h1>Kamille</h1><p>Tee nach dem Essen</p><p>Dampfbad am Abend</p></div>")
    text = "TeenachdemEssenDampfbadamAbend"
    dropped: list[str] = ["schon vorher genannt"]
    notes: list[str] = []
    kept = _kept_text(node, [text], [text], False, dropped, notes)
    assert " ".join(kept.itertext()).split() == "Kamille Tee nach dem Essen Dampfbad am Abend".split()
    assert dropped == ["schon vorher genannt"]
    assert notes == ["the article's text could not be told from the page around it: all of the page's <div> kept "
                     "(8 words): delete what does not belong (menus, footer, buttons)"]


def test_importing_saved_pages_a_feed_and_copied_text_again_leaves_out_what_the_author_deleted(project, tmp_path):
    """Fresh-user trial 16 found ``.verlag/imported.json`` written for a Hugo or Jekyll site alone: a saved page's,
    a feed entry's or copied text's article the author deleted came back with the next import of the folder. Each
    is known by its old address, else by the file it came from."""
    folder = tmp_path / "alt"
    folder.mkdir()
    for name in ("feed.xml", "kopiert.txt", "wix.html"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    project.run("import", str(folder))
    made = sorted(p.relative_to(project.root).as_posix() for p in (project.root / "source_de").glob("*.md"))
    assert len(made) == 5, made
    for name in made:
        (project.root / name).unlink()
    out = project.run("import", str(folder)).output
    assert list((project.root / "source_de").glob("*.md")) == []
    assert "import: 5 articles imported before, not written again (5 deleted since)" in out
    project.run("import", "--again", str(folder))
    assert sorted(p.relative_to(project.root).as_posix() for p in (project.root / "source_de").glob("*.md")) == made


def test_a_hugo_figure_within_a_paragraph_is_its_image_there_and_the_page_shows_no_shortcode(project, tmp_path,
                                                                                              browser):
    """A ``figure`` shortcode between a paragraph's words (``{{< >}}`` or ``{{% %}}``) stayed as text, so the page
    showed '{{< figure src=… >}}' to readers, while one on a line of its own became its image. It is its image in
    that place now, its caption a paragraph after the paragraph (where Hugo's <figure> ended it); one in a code span
    stays as written, and a shortcode verlag cannot write as Markdown is still kept and named at its line."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from conftest import serving
    from test_import_web_copy import png

    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/minze/minze.png": png(40, 30),
        "content/posts/minze/index.md": '+++\ntitle = "Minze im Tee"\ndate = 2024-09-01\n+++\n\n'
                                        'Ein Zweig {{< figure src="minze.png" alt="Ein Minzezweig" '
                                        'caption="Minze aus dem Garten" >}} reicht für eine Kanne\n'
                                        "und schmeckt frisch.\n\n"
                                        'Getrocknet {{% figure src="minze.png" alt="Getrocknete Minze" %}} auch, '
                                        'geschrieben `{{< figure src="minze.png" >}}` in Hugo.\n\n'
                                        "Dazu {{< gist anna 4e1b2c >}} hier.\n",
    })
    out = project.run("import", str(site)).output
    text = project.read("source_de/minze-im-tee.md")
    assert text.endswith(
        "---\nEin Zweig ![Ein Minzezweig](bilder/minze.png) reicht für eine Kanne\nund schmeckt frisch.\n\n"
        "Minze aus dem Garten\n\nGetrocknet ![Getrocknete Minze](bilder/minze.png) auch, geschrieben "
        '`{{< figure src="minze.png" >}}` in Hugo.\n\nDazu {{< gist anna 4e1b2c >}} hier.\n'), text
    assert "line 6: Hugo figure minze.png as an image with its caption below it" in out, out
    assert "line 9: Hugo figure minze.png as an image\n" in out, out
    assert f"shortcodes or template tags kept as text ({site / 'content/posts/minze/index.md'}:11)" in out, out
    project.write("source_de/minze-im-tee.md", text.replace("draft: true\n", ""))
    built = project.run("build").output
    named = [line for line in built.splitlines() if "shortcode" in line]
    assert len(named) == 1 and named[0].startswith(
        "warning: source_de/minze-im-tee.md:15: Hugo shortcode {{< gist anna 4e1b2c >}} is not Markdown"), built
    server = serving(project.root)
    base = next(server)
    try:
        browser.get(f"{base}/de/minze-im-tee/")
        WebDriverWait(browser, WALL).until(lambda driver: driver.execute_script(
            "return document.readyState === 'complete' && [...document.images].every(i => i.complete)"))
        body = browser.find_element(By.CSS_SELECTOR, ".article-body")
        assert [img.get_attribute("alt") for img in body.find_elements(By.TAG_NAME, "img")] == [
            "Ein Minzezweig", "Getrocknete Minze"]
        assert all(img.get_property("naturalWidth") > 0 for img in body.find_elements(By.TAG_NAME, "img"))
        assert "{{% figure" not in body.text and body.text.count("{{< figure") == 1, body.text
        assert body.find_element(By.TAG_NAME, "code").text == '{{< figure src="minze.png" >}}'
    finally:
        server.close()


def test_a_hugo_figures_caption_stays_in_its_list_item_or_block_quote(project, tmp_path, browser):
    """A ``figure`` shortcode within a list item's or a block quote's text is its image there, and its caption, which
    Hugo showed in the figure, stays in that item or quote: it was put after the paragraph at the start of a line,
    which ended the list (the next item began a list of its own) and the quote, so the page showed it after them. So
    does one alone on a list item's line, whose indent it kept no more."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from conftest import serving
    from test_import_web_copy import png

    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/dolde/dolde.png": png(40, 30),
        "content/posts/dolde/index.md": '+++\ntitle = "Holunder ernten"\ndate = 2024-06-01\n+++\n\n'
                                        '- Die Dolde {{< figure src="dolde.png" alt="Eine Dolde" caption="Voll '
                                        'erblüht" >}} schneiden\n- Kopfüber trocknen\n\n'
                                        '> Sagt die Oma {{< figure src="dolde.png" alt="Oma" caption="Omas Garten" '
                                        '>}} immer\n> und lacht.\n\n'
                                        '1. Sieben\n2. Abfüllen\n   {{< figure src="dolde.png" alt="Glas" '
                                        'caption="Ins Glas" >}}\n3. Lagern\n\nFertig.\n',
    })
    project.run("import", str(site))
    text = project.read("source_de/holunder-ernten.md")
    assert text.endswith(
        "---\n- Die Dolde ![Eine Dolde](bilder/dolde.png) schneiden\n\n  Voll erblüht\n\n- Kopfüber trocknen\n\n"
        "> Sagt die Oma ![Oma](bilder/dolde.png) immer\n> und lacht.\n>\n> Omas Garten\n\n"
        "1. Sieben\n2. Abfüllen\n   ![Glas](bilder/dolde.png)\n\n   Ins Glas\n\n3. Lagern\n\nFertig.\n"), text
    project.write("source_de/holunder-ernten.md", text.replace("draft: true\n", ""))
    project.run("build")
    server = serving(project.root)
    base = next(server)
    try:
        browser.get(f"{base}/de/holunder-ernten/")
        WebDriverWait(browser, WALL).until(lambda driver: driver.execute_script(
            "return document.readyState === 'complete'"))
        body = browser.find_element(By.CSS_SELECTOR, ".article-body")
        assert [len(listed.find_elements(By.TAG_NAME, "li")) for listed in body.find_elements(
            By.CSS_SELECTOR, "ul, ol")] == [2, 3]
        items = [item.text for item in body.find_elements(By.TAG_NAME, "li")]
        assert items == ["Die Dolde schneiden\nVoll erblüht", "Kopfüber trocknen", "Sieben", "Abfüllen\nIns Glas",
                         "Lagern"], items
        assert body.find_element(By.TAG_NAME, "blockquote").text == "Sagt die Oma immer und lacht.\nOmas Garten"
        assert [len(item.find_elements(By.TAG_NAME, "img")) for item in body.find_elements(By.TAG_NAME, "li")] == \
            [1, 0, 0, 1, 0]
    finally:
        server.close()


def test_a_hugo_page_with_json_front_matter_is_imported_as_its_fields_say(project, tmp_path):
    """Hugo reads front matter in JSON too, an object whose braces are lines of their own
    (https://gohugo.io/content-management/front-matter/). Such a page was read as copied text: its title '{', its
    front matter's lines paragraphs of the article, no date, no old address, and a ``ref`` to it led nowhere. Its
    fields are read as YAML's and TOML's are; JSON that does not parse is an error at its line, exit status 2, and
    the other pages are imported."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/linde.md": '{\n  "title": "Lindenblütentee",\n  "date": "2024-06-01",\n  "tags": ["Linde"],\n'
                                  '  "description": "Tee aus Lindenblüten"\n}\n\nLindenblüten sammeln wir im Juni.\n',
        "content/posts/holunder.md": '+++\ntitle = "Holunder"\ndate = 2024-05-20\n+++\n\nMehr im '
                                     '[Tee-Beitrag]({{< ref "linde.md" >}}).\n',
        "content/posts/kaputt.md": '{\n  "title": "Kaputt",\n  "date": 2024-06-02\n}\n\nText.\n',
    })
    result = project.run("import", str(site), code=2)
    assert (f"error: {site / 'content/posts/kaputt.md'}:3: invalid JSON front matter: Expecting ',' delimiter at "
            "column 15") in result.output, result.output
    text = project.read("source_de/lindenbluetentee.md")
    assert text.startswith("---\ntitle: Lindenblütentee\ndate: 2024-06-01\nsummary: Tee aus Lindenblüten\n"
                           "tags: [Linde]\ndraft: true\naliases:\n- /posts/linde/\n"), text
    assert text.endswith("---\nLindenblüten sammeln wir im Juni.\n"), text
    assert "JSON front matter read (date, description, tags, title)" in result.output
    assert "Mehr im [Tee-Beitrag](lindenbluetentee.md).\n" in project.read("source_de/holunder.md")
    assert sorted(written(project)) == ["holunder.md", "lindenbluetentee.md"]


def test_a_link_relative_to_a_hugo_pages_old_address_leads_to_the_imported_article(project, tmp_path):
    """A Hugo page's link to another page written relative to its own address (``[Linde](../linde/)`` in
    ``/posts/sirup/``, as a browser on the old site followed it to ``/posts/linde/``) stayed as written, so the new
    page at ``/de/holundersirup/`` linked ``/de/linde/``, which is no page. It leads to the other article's file, its
    ``#fragment`` kept; one leading to no imported article stays as written."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/linde.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-06-01\n---\n\nLindenblüten im Juni.\n',
        "content/posts/sirup.md": '---\ntitle: "Holundersirup"\ndate: 2024-05-25\n---\n\nSiehe [Linde](../linde/), '
                                  "[Zubereitung](../linde/#zubereitung), [Sirup](./) und [Archiv](../../archiv/).\n",
    })
    out = project.run("import", str(site)).output
    assert "import: 3 links to another imported post's old address lead to its source file now" in out, out
    assert project.read("source_de/holundersirup.md").endswith(
        "Siehe [Linde](lindenbluetentee.md), [Zubereitung](lindenbluetentee.md#zubereitung), [Sirup](holundersirup.md) "
        "und [Archiv](../../archiv/).\n")


def test_a_file_a_hugo_or_jekyll_post_links_is_copied_and_published_as_its_images_are(project, tmp_path):
    """A page bundle's ``[Merkblatt](merkblatt.pdf)`` and a Jekyll post's ``[Preise](/assets/preise.pdf)`` stayed
    links to files the project did not have: the built page linked a file that is not there (its readers got "not
    found"). Each file a link leads to beside the post or in the site's folder is copied to ``source_de/bilder/``
    and the link leads there, as a WordPress import's linked files are (``--uploads``), and the build publishes it;
    a link to another page (``.md``) or to an address stays as written."""
    pdf = b"%PDF-1.4\n% Merkblatt\n"
    hugo = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/kamille/index.md": '---\ntitle: "Kamille"\ndate: 2024-07-02\n---\nDas [Merkblatt](dateien/'
                                          'merkblatt.pdf) und der [Holunder](../holunder.md), '
                                          "[extern](https://example.org/x.pdf).\n",
        "content/posts/kamille/dateien/merkblatt.pdf": pdf,
    })
    jekyll = tree(tmp_path / "jekyll", {
        "_config.yml": "title: Praxis\n",
        "_posts/2024-08-01-preise.md": '---\ntitle: "Preise"\n---\nDie [Preisliste](/assets/preise.pdf).\n',
        "assets/preise.pdf": pdf + b"Preise\n",
    })
    project.run("import", str(hugo), str(jekyll))
    assert "Das [Merkblatt](bilder/merkblatt.pdf) und der [Holunder](../holunder.md), " \
           "[extern](https://example.org/x.pdf).\n" in project.read("source_de/kamille.md")
    assert "Die [Preisliste](bilder/preise.pdf).\n" in project.read("source_de/preise.md")
    assert sorted(written(project)) == ["bilder/merkblatt.pdf", "bilder/preise.pdf", "kamille.md", "preise.md"]
    for slug in ("kamille", "preise"):
        project.write(f"source_de/{slug}.md", project.read(f"source_de/{slug}.md").replace("draft: true\n", ""))
    project.run("build")
    assert (project.root / "site/media/bilder/merkblatt.pdf").read_bytes() == pdf
    assert (project.root / "site/media/bilder/preise.pdf").read_bytes() == pdf + b"Preise\n"
    assert 'href="/media/bilder/merkblatt.pdf"' in project.read("site/de/kamille/index.html")


def test_a_jekyll_posts_image_written_with_liquid_is_copied_as_its_other_images_are(project, tmp_path):
    """Jekyll's documentation writes an image's address with Liquid, ``![Dolde]({{ site.baseurl }}/assets/dolde.png)``
    or ``![Dolde]({{ "/assets/dolde.png" | relative_url }})``: as written that is no CommonMark image (its destination
    holds spaces), so the image was not copied, the page showed the Liquid as text, and the note only named the line
    as a template tag. Each is the site's file now, copied to ``source_de/bilder/``; one in a code block stays as
    written."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'title: Praxis\nurl: "https://praxis.example"\nbaseurl: "/blog"\n',
        "assets/img/dolde.png": JPEG,
        "_posts/2024-05-01-holunder.md": '---\ntitle: "Holunder"\n---\nEr blüht. ![Dolde]({{ site.baseurl }}/assets/img/'
                                         'dolde.png)\n\n![Noch eine]({{site.url}}{{site.baseurl}}/assets/img/dolde.png)'
                                         '\n\n![Und]({{ "/assets/img/dolde.png" | relative_url }})\n\n'
                                         '```\n![Dolde]({{ site.baseurl }}/assets/img/dolde.png)\n```\n',
    })
    out = project.run("import", str(site)).output
    assert project.read("source_de/holunder.md").endswith(
        "---\nEr blüht. ![Dolde](bilder/dolde.png)\n\n![Noch eine](bilder/dolde.png)\n\n![Und](bilder/dolde.png)\n\n"
        "```\n![Dolde]({{ site.baseurl }}/assets/img/dolde.png)\n```\n")
    assert written(project)["bilder/dolde.png"] == JPEG
    assert "template tags kept as text" not in out, out


def test_a_hugo_figures_caption_in_a_note_box_stays_in_its_block_quote(project, tmp_path):
    """A figure within the text of a theme's note box (``{{< hint >}}``, made a block quote): its caption went after
    the box's closing shortcode, a line left blank, so it was a paragraph after the quote; it is the quote's."""
    site = tree(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/box/index.md": '+++\ntitle = "Box"\ndate = 2024-06-01\n+++\n{{< hint info >}}\nEin Hinweis '
                                      '{{< figure src="a.png" alt="A" caption="Bild im Hinweis" >}} hier.\n'
                                      "{{< /hint >}}\n\nText.\n",
        "content/posts/box/a.png": JPEG,
    })
    project.run("import", str(site))
    assert "---\n> **Hinweis:**\n> Ein Hinweis ![A](bilder/a.png) hier.\n>\n> Bild im Hinweis\n\nText.\n" in \
        project.read("source_de/box.md"), project.read("source_de/box.md")


def test_a_root_relative_image_of_a_wordpress_post_or_feed_entry_is_pointed_at_the_old_host(project, tmp_path):
    """A saved page's ``<img src="/bilder/x.png">`` was pointed at the host it was saved from; a WordPress post's or
    a feed entry's was 'left at its old address' as the path it was, which the new site's host does not serve
    (a broken image from the first build). It now gets the old site's address in front (the export's ``<link>``,
    the entry's), as a saved page's does, and the note names both."""
    export = tmp_path / "export.xml"
    export.write_text(
        '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss'
        '/1.0/modules/content/"><channel><title>Blog</title><link>https://alt.example</link>\n<item><title>Beete'
        '</title><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA['
        f'<p>{LEAD}</p><img src="/images/beet.png" alt="Das Beet"><p>{CARE}</p>]]></content:encoded></item>\n'
        '</channel></rss>\n', encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
                    'modules/content/"><channel><title>Blog</title><link>https://feed.example/</link><item><title>'
                    'Holunder</title><link>https://feed.example/2024/holunder/</link><content:encoded><![CDATA['
                    f'<p>{LEAD}</p><img src="/images/dolde.jpg" alt="Dolde"><p>{CARE}</p>]]></content:encoded>'
                    '</item></channel></rss>\n', encoding="utf-8")
    out = project.run("import", str(export), str(feed)).output
    for slug, address, src in (("beete", "https://alt.example/images/beet.png", "/images/beet.png"),
                               ("holunder", "https://feed.example/images/dolde.jpg", "/images/dolde.jpg")):
        assert f"]({address})" in project.read(f"source_de/{slug}.md"), project.read(f"source_de/{slug}.md")
        assert f"image left at its old address: {address} (written {src}, a path on the old site's host)" in out, out


def test_an_image_in_raw_html_of_a_markdown_post_is_named_at_its_line(project, tmp_path):
    """Hugo and Jekyll posts may write an image as HTML (``<img src="rinde.jpg" width="300">``): only Markdown
    images were copied into bilder/, and this one was neither copied nor named, a path the new site does not
    have. Each such image naming a file (not an address) is now named with its file and line, and what to do."""
    bundle = tmp_path / "content/posts/eiche"
    bundle.mkdir(parents=True)
    (bundle / "rinde.jpg").write_bytes(b"\xff\xd8\xff\xe0 rinde")
    (bundle / "index.md").write_text(
        '+++\ntitle = "Eiche"\ndate = 2024-05-01\n+++\n\nDie Eiche wird alt.\n\n<img src="rinde.jpg" width="300">\n\n'
        "Ihre Rinde ist rau, <img alt='Blatt' src='/bilder/blatt.png'> und ihr Blatt ist gelappt.\n"
        '<img src="https://fotos.example/eiche.jpg">\n', encoding="utf-8")
    out = project.run("import", str(bundle / "index.md")).output
    for src, line in (("rinde.jpg", 8), ("/bilder/blatt.png", 10)):
        assert (f"image in HTML not copied: {src} ({bundle / 'index.md'}:{line}): write it as a Markdown image, "
                f"![what it shows]({src}), and import again") in out, out
    assert "image in HTML not copied: https:" not in out, out


def test_importing_an_article_of_the_project_itself_says_it_is_one_already(project):
    """Trial 12: an article copied into source_de/ by hand, then given to ``verlag import``, was "skipped …: already
    imported as source_de/…", as if an import had written it. It is the project's own article: nothing to import."""
    project.write("source_de/tee.md", f"---\ntitle: Tee\ndate: 2025-01-02\n---\n{LEAD}\n")
    before = project.snapshot()
    out = project.run("import", str(project.root / "source_de/tee.md")).output
    assert ("it is an article of this project already (in source_de/): nothing to import; run verlag extract to "
            "translate it") in out and "already imported as" not in out
    assert project.snapshot() == before


@pytest.mark.parametrize("href, shown", [("jav&#x09;ascript:alert(1)", "jav&#x09;ascript:alert(1)"),
                                         ("java&#x0A;script:alert(3)", "java&#x0A;script:alert(3)"),
                                         ("&#x01; javascript:alert(4)", "javascript:alert(4)")])
def test_a_saved_pages_link_to_script_hidden_by_a_tab_or_newline_is_left_out_and_named(tmp_path, href, shown):
    """A browser drops a tab or newline inside an address and C0 controls before it: the link runs script. lxml wrote
    the tab out as %09 (``[leicht](jav%09ascript:alert(1))``), which the check for scripts did not see."""
    page = tmp_path / "ruhe.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Ruhe</title></head><body>'
                    f'<article><h1>Ruhe</h1><p>Schlafen ist <a href="{href}">leicht</a> und gesund, sagen viele '
                    'Ärztinnen und Ärzte seit langer Zeit.</p></article></body></html>', encoding="utf-8")
    (article,) = read_page(page, page.read_bytes())
    assert "Schlafen ist leicht und gesund" in article.body and "](" not in article.body
    assert f"link left out, its text kept: {shown} ('leicht'): an address that runs code" in "\n".join(article.notes)


def test_a_feed_that_uses_an_outside_entity_is_refused_and_an_internal_one_is_read(tmp_path):
    """feedparser neither reads the file an entity names nor says so: 'Text &x; und' became 'Text &x und'."""
    feed = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY y "und Baldrian">{outside}]>
<rss version="2.0"><channel><title>Blog</title><link>https://alt.example/</link>
<item><title>Schlaf {ref}</title><link>https://alt.example/schlaf/</link><description>Text &y; hilft.</description>
</item></channel></rss>"""
    (article,), _ = read_feed(tmp_path / "feed.xml", feed.format(outside="", ref="&y;").encode())
    assert article.meta["title"] == "Schlaf und Baldrian" and "Text und Baldrian hilft." in article.body
    with pytest.raises(VerlagError) as refused:
        read_feed(tmp_path / "feed.xml", feed.format(outside='<!ENTITY x SYSTEM "file:///etc/passwd">',
                                                     ref="&x;").encode())
    assert refused.value.line == 4 and str(refused.value).startswith(
        f'{tmp_path / "feed.xml"}:4: the entity &x; stands for an outside file or address (SYSTEM "file:///etc/passwd"'
        ', declared at line 2)')


def test_a_control_character_xml_forbids_in_a_feed_entry_is_removed_and_named_not_the_whole_feed_refused(
        project, tmp_path):
    """A vertical tab pasted from a word processor into a Wix post (U+000B) stands unchanged in the CDATA of its
    ``blog-feed.xml``: feedparser fell back to its loose reading and the import stopped with "internal error:
    ValueError: All strings must be XML compatible", no feed entry imported. As a WordPress export's are
    (``_without_forbidden``), each is removed and the entry it was in names the file, the lines and the character
    once; the other entries are imported untouched."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        b'content/"><channel><title>Blog</title><link>https://praxis.example/blog</link>\n'
        b"<item><title>Nacken\x0b verspannt</title><link>https://praxis.example/post/nacken</link>"
        b"<pubDate>Sat, 12 Oct 2024 08:30:00 GMT</pubDate>\n"
        b"<content:encoded><![CDATA[<p>Oft\x0b stecken Stress und zu wenig Bewegung\x0c dahinter.</p>]]>"
        b"</content:encoded></item>\n"
        b"<item><title>Ringelblumen</title><link>https://praxis.example/post/ringelblumen</link>"
        b"<pubDate>Sun, 13 Oct 2024 08:30:00 GMT</pubDate>\n"
        + f"<content:encoded><![CDATA[<p>{LEAD}</p>]]></content:encoded></item>\n</channel></rss>\n".encode())
    out = project.run("import", str(feed), code=0).output
    assert "internal error" not in out and "All strings" not in out, out
    nacken = project.read("source_de/nacken.md")
    assert "title: Nacken verspannt\n" in nacken and "Oft stecken Stress und zu wenig Bewegung dahinter." in nacken
    assert LEAD in project.read("source_de/ringelblumen.md")
    note = (f"removed invisible control characters XML 1.0 forbids (they made the export unreadable): U+000B at "
            f"{feed}:3, 4; U+000C at {feed}:4")
    assert out.count(note) == 1 and out.count("U+000B") == 1, out

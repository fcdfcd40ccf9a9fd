"""``verlag import`` of text pasted from a browser with the page's chrome around it (fresh-user trial 18): a
breadcrumb trail near the top, a browser's second-level bullets, a line that starts with a date, the comment
widget at the end."""

from __future__ import annotations

import subprocess

import polib

from pipeline.importer_text import read_text
from pipeline.segment import commonmark_parser

TITLE = "Holunder im Herbst\nVon Anna Berger | 12. Oktober 2024 | 3 Min. Lesezeit\n"
PROSE = "Holunderbeeren sind roh leicht giftig, gekocht aber ein bewährtes Hausmittel bei Erkältungen."
MORE = "Die Dolden werden erst geerntet, wenn alle Beeren schwarz sind und sich leicht abstreifen lassen."


def _blocks(body: str) -> list[str]:
    return [t.type for t in commonmark_parser().parse(body) if t.nesting == 1]


def test_a_breadcrumb_trail_near_the_top_is_dropped_and_named(tmp_path):
    """Trial 18, finding 1: "Startseite › Blog › Kräuter" under the byline became a ``##`` heading and a catalog
    entry. A trail of short items joined by › » > / or |, the first "Startseite", "Home" or "Blog", is the page's
    navigation: left out and named, under the byline, above the title or after "Sie sind hier:"."""
    for text, number, trail in (
            (f"{TITLE}Startseite › Ratgeber › Heilpflanzen\n{PROSE}\n", 3, "Startseite › Ratgeber › Heilpflanzen"),
            (f"Home / Blog / Heilpflanzen\n{TITLE}{PROSE}\n", 1, "Home / Blog / Heilpflanzen"),
            (f"{TITLE}Sie sind hier: Blog » Holunder im Herbst\n{PROSE}\n", 3,
             "Sie sind hier: Blog » Holunder im Herbst"),
            (f"Holunder im Herbst\nStartseite | Blog\nVon Anna Berger | 12. Oktober 2024\n{PROSE}\n", 2,
             "Startseite | Blog")):
        article = read_text(tmp_path / "t.txt", text.encode())
        assert (article.meta["title"], article.meta["author"]) == ("Holunder im Herbst", "Anna Berger"), text
        assert article.body == f"{PROSE}\n", text
        assert f"line {number}: dropped the breadcrumb trail (the page's navigation): {trail}" in article.notes


def test_a_path_through_a_site_that_the_author_wrote_in_the_text_stays(tmp_path):
    """Only near the top, and only a trail: a path the text tells readers to follow, a heading naming a home or a
    blog, and a date line starting with "Blog" stay the author's."""
    path = "Startseite › Termine › Online buchen"
    article = read_text(tmp_path / "t.txt", f"{TITLE}{PROSE}\n{MORE}\nSo buchen Sie\n{path}\n{PROSE}\n".encode())
    assert path in article.body and not any("breadcrumb" in note for note in article.notes)
    article = read_text(tmp_path / "t.txt", f"{TITLE}Home-Office und Rücken\n{PROSE}\n".encode())
    assert article.body.startswith("## Home-Office und Rücken\n")
    article = read_text(tmp_path / "t.txt", f"Holunder im Herbst\nBlog | 12. Oktober 2024\n{PROSE}\n".encode())
    assert not any("breadcrumb" in note for note in article.notes)
    assert str(article.meta["date"]) == "2024-10-12"


def test_a_browsers_second_level_bullets_are_items_nested_under_the_item_before(tmp_path):
    """Trial 18, finding 2: a "◦" item (a browser's second-level bullet) after "•" items split the list in two
    around a paragraph "◦ …". "◦", "▪", "▫" and "‣" items are nested under the item before them, one level
    deeper for each new kind of bullet, and the list stays one list; so are "–" items in a list of "-" items."""
    article = read_text(tmp_path / "t.txt", (
        f"{TITLE}{PROSE}\nDas sollten Sie beachten\n•\tNur vollreife, schwarze Beeren verwenden.\n"
        "•\tBeeren immer mindestens zehn Minuten kochen.\n◦\tDanach durch ein Tuch abseihen.\n"
        "▪\tDen Saft heiß abfüllen.\n◦\tDie Reste kompostieren.\n•\tKühl und dunkel lagern.\n").encode())
    assert article.body == (
        f"{PROSE}\n\n## Das sollten Sie beachten\n\n- Nur vollreife, schwarze Beeren verwenden.\n"
        "- Beeren immer mindestens zehn Minuten kochen.\n  - Danach durch ein Tuch abseihen.\n"
        "    - Den Saft heiß abfüllen.\n  - Die Reste kompostieren.\n- Kühl und dunkel lagern.\n")
    tokens = commonmark_parser().parse(article.body)
    assert [t.level for t in tokens if t.type == "bullet_list_open"] == [0, 2, 4]
    assert "line 7: list item nested under the one before (its bullet ◦)" in article.notes
    dashes = read_text(tmp_path / "d.txt", (
        f"{TITLE}{PROSE}\nSo geht es\n- Beeren abzupfen\n- Kurz aufkochen\n– mit etwas Zucker\n- Abseihen\n{MORE}\n"
        "– Ein Gedankenstrich ohne Liste davor beginnt keinen Listenpunkt, auch nicht in einem Zitat.\n").encode())
    assert dashes.body == (f"{PROSE}\n\n## So geht es\n\n- Beeren abzupfen\n- Kurz aufkochen\n  - mit etwas Zucker\n"
                           f"- Abseihen\n\n{MORE}\n\n– Ein Gedankenstrich ohne Liste davor beginnt keinen Listenpunkt, "
                           "auch nicht in einem Zitat.\n")
    alone = read_text(tmp_path / "a.txt", f"{TITLE}{PROSE}\nZutaten\n◦ Holunderbeeren\n◦ Zucker\n{MORE}\n".encode())
    assert alone.body == f"{PROSE}\n\n## Zutaten\n\n- Holunderbeeren\n- Zucker\n\n{MORE}\n"


def test_a_line_that_starts_with_a_date_is_a_paragraph_a_short_line_over_it_heads(tmp_path):
    """Trial 18, finding 3: "Wann beginnen?" over "3. Mai bis Mitte Juni …" was no heading, since a line starting
    "3. " was taken for a numbered one; a day and a German month's name is a date: prose, no list item (two
    such lines in sequence were an ordered list of "März beginnt …"). The Markdown escapes "3\\." where a line
    starts with it, as CommonMark needs, and nowhere else; "2. Woche: …", an ordinal, stays a paragraph."""
    article = read_text(tmp_path / "t.txt", (
        f"{TITLE}{PROSE}\nWann ernten?\n5. September bis Mitte Oktober reifen die Dolden. Ab der 2. Woche "
        "werden sie süßer.\n2. Woche: Probieren Sie eine Beere.\nKurse\n1. März beginnt der erste Kurs am Abend, "
        "jeweils von 18 bis 20 Uhr.\n2. Okt. folgt der zweite Kurs mit praktischen Übungen für zu Hause.\n").encode())
    assert article.body == (
        f"{PROSE}\n\n## Wann ernten?\n\n5\\. September bis Mitte Oktober reifen die Dolden. Ab der 2. Woche werden "
        "sie süßer.\n\n2\\. Woche: Probieren Sie eine Beere.\n\n## Kurse\n\n1\\. März beginnt der erste Kurs am "
        "Abend, jeweils von 18 bis 20 Uhr.\n\n2\\. Okt. folgt der zweite Kurs mit praktischen Übungen für zu Hause.\n")
    assert _blocks(article.body) == ["paragraph_open", "heading_open", "paragraph_open", "paragraph_open",
                                     "heading_open", "paragraph_open", "paragraph_open"]
    assert "line 4: heading (short line before a paragraph): Wann ernten?" in article.notes


def test_the_comment_widget_and_share_bar_at_the_end_are_dropped_and_named(tmp_path):
    """Trial 18, finding 4: "Kommentare (3)" and "Schreiben Sie einen Kommentar" at the end were kept as text. A
    trailing block of a comment widget's and share bar's words is dropped and named; a sentence that asks for
    comments is the author's and stays."""
    ask = "Schreiben Sie uns gern einen Kommentar, wenn Sie Fragen zum Holunder haben."
    article = read_text(tmp_path / "t.txt", (
        f"{TITLE}{PROSE}\n{ask}\nTeilen:\nFacebook\nWhatsApp\nDrucken\nKommentare (2)\nSchreiben Sie einen Kommentar\n"
        "Kommentar verfassen\nAntworten\n").encode())
    assert article.body == f"{PROSE}\n\n{ask}\n"
    assert "dropped widget text at the end: Teilen:, Facebook, WhatsApp, Drucken, Kommentare (2), Schreiben Sie " \
           "einen Kommentar, Kommentar verfassen, Antworten" in article.notes


def test_a_page_pasted_with_its_chrome_imports_as_the_article_alone(project, tmp_path):
    """The whole of trial 18's shape through ``verlag import`` and ``extract``: what is dropped is named in the
    import's output, the catalog (checked by msgfmt) holds the article's text and none of the page's."""
    pasted = tmp_path / "holunder.txt"
    pasted.write_text(
        f"Holunder im Herbst\nVon Anna Berger | 12. Oktober 2024 | 3 Min. Lesezeit\nStartseite › Blog › Kräuter\n"
        f"{PROSE}\nWann ernten?\n5. September bis Mitte Oktober reifen die Dolden.\nWorauf Sie achten sollten\n"
        "•\tNur schwarze Beeren verwenden.\n•\tImmer gut kochen.\n◦\tMindestens zehn Minuten.\n"
        "•\tKühl lagern.\nKommentare (3)\nSchreiben Sie einen Kommentar\n", encoding="utf-8")
    out = project.run("import", str(pasted)).output
    assert "line 3: dropped the breadcrumb trail (the page's navigation): Startseite › Blog › Kräuter" in out
    assert "dropped widget text at the end: Kommentare (3), Schreiben Sie einen Kommentar" in out
    source = project.root / "source_de/holunder-im-herbst.md"
    source.write_text(source.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert source.read_text(encoding="utf-8").split("---\n", 2)[2] == (
        f"{PROSE}\n\n## Wann ernten?\n\n5\\. September bis Mitte Oktober reifen die Dolden.\n\n"
        "## Worauf Sie achten sollten\n\n- Nur schwarze Beeren verwenden.\n- Immer gut kochen.\n"
        "  - Mindestens zehn Minuten.\n- Kühl lagern.\n")
    project.run("extract")
    catalog = project.root / "translations/en/holunder-im-herbst.po"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalog)], check=True)
    msgids = [entry.msgid for entry in polib.pofile(str(catalog))]
    assert "Wann ernten?" in msgids and "Mindestens zehn Minuten." in msgids
    assert "5\\. September bis Mitte Oktober reifen die Dolden." in msgids
    assert not [m for m in msgids if "Startseite" in m or "Kommentar" in m or "◦" in m]

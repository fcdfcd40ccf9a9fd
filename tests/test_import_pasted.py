"""``verlag import`` of text pasted from a web page and of hand translations: the findings of fresh-user trial 11
(a naturopathy practice moving from Hugo, text pasted from its old pages, a French translation made by hand)."""

from __future__ import annotations

import pytest

from conftest import Project
from pipeline.importer_text import read_text
from pipeline.segment import commonmark_parser

FAST = "Heilfasten in der Praxis\nVon Hanna Lindner | 4. Februar 2025\n"


def _blocks(body: str) -> list[str]:
    return [t.type for t in commonmark_parser().parse(body) if t.nesting == 1]


def test_a_number_inside_a_line_is_not_escaped_when_other_lines_start_with_one(tmp_path):
    """Trial 11, finding 2: "1. März …" and "3. Tag: …" at line starts made the whole text fully escaped, so
    "Am 3. Tag" (and "&") became "Am 3\\. Tag" in the source and the msgid; only those line starts need it."""
    article = read_text(tmp_path / "t.txt", (
        f"{FAST}1. März 2025 beginnt unsere nächste Fastengruppe in der Praxis, mit ca. zehn Plätzen.\n"
        "Am 3. Tag gibt es nur Gemüsebrühe & Tee, danach langsam mehr. Dr. med. Lindner begleitet Sie.\n"
        "3. Tag: nur Gemüsebrühe und viel Wasser, ggf. auch Kräutertee.\n").encode())
    assert article.body == (
        "1\\. März 2025 beginnt unsere nächste Fastengruppe in der Praxis, mit ca. zehn Plätzen.\n\n"
        "Am 3. Tag gibt es nur Gemüsebrühe & Tee, danach langsam mehr. Dr. med. Lindner begleitet Sie.\n\n"
        "3\\. Tag: nur Gemüsebrühe und viel Wasser, ggf. auch Kräutertee.\n")
    assert _blocks(article.body) == ["paragraph_open"] * 3
    assert not any("read differently" in note for note in article.notes)


BATH = "Wechselfußbad am Abend\nVon Hanna Lindner | 4. Februar 2025\n"
PROSE = "Ein Wechselfußbad regt die Durchblutung an und ist leicht zu Hause durchzuführen, am besten am Abend."


def test_share_buttons_naming_their_network_are_dropped_as_widget_text(tmp_path):
    """Trial 11, finding 3: "Teilen auf Facebook" and "Teilen auf WhatsApp" before "Gefällt mir" became the
    article's last paragraphs, and the summary did not mention them."""
    article = read_text(tmp_path / "t.txt", (f"{BATH}{PROSE}\nTeilen auf Facebook\nTeilen auf WhatsApp\n"
                                             "Per E-Mail teilen\nGefällt mir\n").encode())
    assert article.body == f"{PROSE}\n"
    assert "dropped widget text at the end: Teilen auf Facebook, Teilen auf WhatsApp, Per E-Mail teilen, " \
           "Gefällt mir" in article.notes


@pytest.mark.parametrize("bar", ["Teilen auf Facebook | Twitter | WhatsApp", "Teilen: Facebook · X · E-Mail",
                                 "Facebook, LinkedIn, WhatsApp", "Share on Facebook / Twitter",
                                 "Teilen auf Facebook Twitter WhatsApp"])
def test_a_share_line_of_several_networks_is_dropped_as_widget_text_and_named(tmp_path, bar):
    """Fresh-user trial 23: "Teilen auf Facebook | Twitter | WhatsApp", the share bar as copying gives it on one
    line, stayed the article's last paragraph, though README says a trailing "Teilen auf Facebook" is dropped."""
    article = read_text(tmp_path / "t.txt", f"{BATH}{PROSE}\n\n{bar}\n".encode())
    assert article.body == f"{PROSE}\n"
    assert f"dropped widget text at the end: {bar}" in article.notes


def test_a_last_line_that_names_networks_among_other_words_stays_text(tmp_path):
    """Only a line of networks and share words is a share bar: a sentence that names them is the article's."""
    line = "Folgen Sie uns auf Facebook und Instagram, dort zeigen wir neue Rezepte."
    article = read_text(tmp_path / "t.txt", f"{BATH}{PROSE}\n\n{line}\n".encode())
    assert article.body == f"{PROSE}\n\n{line}\n"
    assert not any("widget" in note for note in article.notes)


def test_a_pasted_cookie_banner_is_left_out_and_named_and_its_button_is_no_heading(tmp_path):
    """Trial 11, finding 4: a cookie banner pasted with the text was published, its button "Alle akzeptieren"
    as a ``##`` heading over the first paragraph; the saved-page import leaves such text out and names it."""
    banner = "Akzeptieren Sie Cookies? Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten."
    article = read_text(tmp_path / "t.txt", f"{BATH}{banner}\nAlle akzeptieren\nNur notwendige\n{PROSE}\n".encode())
    assert article.body == f"{PROSE}\n"
    assert f"line 3: left out (widget text?): {banner}: add it by hand if it belongs" in article.notes
    assert "line 4: left out (widget text?): Alle akzeptieren: add it by hand if it belongs" in article.notes
    assert not any("heading" in note for note in article.notes)


def test_an_article_about_cookies_keeps_its_text(tmp_path):
    """The banner is recognised by its buttons: a recipe that talks about cookies keeps every line."""
    text = ("Cookies backen\nVon Hanna Lindner | 4. Februar 2025\nCookies mit Hafer\n"
            "Wir verwenden für unsere Cookies nur Dinkelmehl, Haferflocken und etwas Honig aus der Region.\n")
    article = read_text(tmp_path / "t.txt", text.encode())
    assert article.body == ("## Cookies mit Hafer\n\n"
                            "Wir verwenden für unsere Cookies nur Dinkelmehl, Haferflocken und etwas Honig aus der Region.\n")


def test_a_button_label_alone_is_never_made_a_heading(tmp_path):
    article = read_text(tmp_path / "t.txt", f"{BATH}Alle akzeptieren\n{PROSE}\n".encode())
    assert article.body == f"Alle akzeptieren\n\n{PROSE}\n"


def test_the_last_of_parallel_lines_after_a_colon_stays_an_item(tmp_path):
    """Trial 11, finding 5: after "So gehen Sie vor:" the third of three parallel lines ("Eine mit warmem …",
    "Eine mit kaltem …") became a ``##`` heading over the next paragraph and the list kept two items."""
    article = read_text(tmp_path / "t.txt", (
        f"{BATH}So gehen Sie vor:\nZwei Schüsseln bereitstellen\nEine mit warmem Wasser (ca. 38 Grad)\n"
        "Eine mit kaltem Wasser (ca. 15 Grad)\n"
        "Zuerst 5 Min. warm, dann 10 Sek. kalt. Das Ganze dreimal wiederholen, z. B. am Abend.\n").encode())
    assert article.body == (
        "So gehen Sie vor:\n\n- Zwei Schüsseln bereitstellen\n- Eine mit warmem Wasser (ca. 38 Grad)\n"
        "- Eine mit kaltem Wasser (ca. 15 Grad)\n\n"
        "Zuerst 5 Min. warm, dann 10 Sek. kalt. Das Ganze dreimal wiederholen, z. B. am Abend.\n")
    assert "line 3: list of 3 items after 'So gehen Sie vor:'" in article.notes
    assert not any("heading" in note for note in article.notes)


def test_a_question_after_the_items_still_heads_the_paragraph_after_it(tmp_path):
    article = read_text(tmp_path / "t.txt", (
        f"{BATH}So gehen Sie vor:\nZwei Schüsseln bereitstellen\nEine mit warmem Wasser (ca. 38 Grad)\n"
        f"Wann lieber nicht?\nBei Krampfadern oder offenen Stellen an den Beinen bitte vorher in die Praxis kommen.\n"
    ).encode())
    assert "- Eine mit warmem Wasser (ca. 38 Grad)\n\n## Wann lieber nicht?\n\nBei Krampfadern" in article.body


def test_paragraphs_about_cookies_beside_an_okay_line_are_no_banner(tmp_path):
    """A cookie recipe whose paragraphs (blank lines between them) name cookies and whose author wrote "Okay." as
    a paragraph of its own was read as one cookie banner and imported with an empty body: the banner's lines are
    neighbours in the file, with no blank line between them."""
    paragraphs = ["Unsere Cookies gelingen immer, wenn die Butter weich ist und der Teig ruht.",
                  "Die Cookies kommen bei 180 Grad für zwölf Minuten in den Ofen.", "Okay.",
                  "Danach die Cookies auf einem Gitter abkühlen lassen, sonst brechen sie."]
    article = read_text(tmp_path / "t.txt", ("Cookies backen mit Kindern\n\n" + "\n\n".join(paragraphs)).encode())
    assert article.body == "".join(f"{p}\n\n" for p in paragraphs)[:-1]
    assert not any("left out" in note for note in article.notes)


LAVENDER = "Lavendeltee am Abend\nVon Jonas Feld | 9. März 2025\n"
SLEEP = "Lavendel beruhigt die Nerven. Wer abends eine Tasse trinkt, schläft oft schneller ein."


def test_a_heading_that_shares_its_first_word_with_the_item_before_it_heads_its_paragraph(tmp_path):
    """After "Das brauchen Sie:" the heading "Die Wirkung auf den Schlaf" shares its first word, an article, with
    the item before it ("Die Teekanne") and stayed an item of the list, its paragraph headed by nothing. An article,
    pronoun or preposition in common is no sign of a list unless every item starts with it or the line is no
    longer than the items before it by more than a word: the heading stands over its paragraph again. So does
    "Mit Honig oder ohne?" after "Mit einem Sieb", a question after items that are none."""
    article = read_text(tmp_path / "t.txt", (
        f"{LAVENDER}Das brauchen Sie:\nEin Esslöffel Lavendelblüten\nEine große Tasse\nDie Teekanne\n"
        f"Die Wirkung auf den Schlaf\n{SLEEP}\n").encode())
    assert article.body == ("Das brauchen Sie:\n\n- Ein Esslöffel Lavendelblüten\n- Eine große Tasse\n- Die Teekanne\n"
                            f"\n## Die Wirkung auf den Schlaf\n\n{SLEEP}\n"), article.body
    assert "line 7: heading (short line before a paragraph): Die Wirkung auf den Schlaf" in article.notes
    honey = read_text(tmp_path / "h.txt", (
        f"{LAVENDER}So wird er zubereitet:\nBlüten in die Kanne geben\nMit einem Sieb\nMit Honig oder ohne?\n"
        "Honig macht den Tee milder, aber über 40 Grad verliert er viel von dem, was ihn auszeichnet.\n").encode())
    assert "- Mit einem Sieb\n\n## Mit Honig oder ohne?\n\nHonig macht" in honey.body, honey.body


def test_items_that_share_their_first_word_stay_items_before_a_paragraph(tmp_path):
    """The other side of the same rule, from lists as people paste them: every item starts with "Die"; the last two
    of four start with "Die", a noun after it, no longer than the others; two start with the same noun. Each last
    line stays an item, and the paragraph after the list is a paragraph."""
    lists = {"Diese Kräuter wachsen im Schatten:": ["Die Minze", "Die Melisse", "Die Brennnessel"],
             "Für den Sirup:": ["Eine Tasse Wasser", "Ein Löffel Honig", "Die Zitrone", "Die frische Minze"],
             "Zwei Sorten lohnen sich:": ["Zwei Teelöffel", "Tee aus Melisse", "Tee aus Lavendel"]}
    for intro, items in lists.items():
        article = read_text(tmp_path / "t.txt", (f"{LAVENDER}{intro}\n" + "\n".join(items) + f"\n{SLEEP}\n").encode())
        assert article.body == f"{intro}\n\n" + "".join(f"- {i}\n" for i in items) + f"\n{SLEEP}\n", article.body
        assert not any("heading" in note for note in article.notes), (intro, article.notes)


def test_numbered_steps_after_a_colon_line_are_a_numbered_list_and_a_phone_label_line_stays_a_paragraph(tmp_path):
    """Trial 15: after "So nehmen Sie … ein:" the numbered steps were read as the items the colon announces, written
    "- 1\\. Morgens 2 Tropfen", and the "Tel.: …" paragraph after them (a blank line between) joined that list."""
    article = read_text(tmp_path / "t.txt", (
        "Dosierung Baldrian\n\nSo nehmen Sie die Tropfen richtig ein:\n\n1.\tMorgens 4 Tropfen\n2. Abends 8 Tropfen\n"
        "\nTel.: 040 7654321\n").encode())
    assert article.body == ("So nehmen Sie die Tropfen richtig ein:\n\n1. Morgens 4 Tropfen\n2. Abends 8 Tropfen\n\n"
                            "Tel.: 040 7654321\n")
    assert _blocks(article.body) == ["paragraph_open", "ordered_list_open", "list_item_open", "paragraph_open",
                                     "list_item_open", "paragraph_open", "paragraph_open"]


def _png(width: int, height: int) -> bytes:
    """A real PNG of ``width`` × ``height`` white pixels (8-bit grey)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


SPACER_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"  # 1×1, transparent


def _data(png: bytes) -> str:
    import base64

    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def test_a_1x1_jpeg_or_webp_and_an_image_shown_1x1_are_left_out_as_spacers_are(tmp_path):
    """Only a 1×1 GIF or PNG was taken for a spacer or tracking pixel: a 1×1 JPEG or WebP, inline or saved in the
    page's _files folder, became bilder/….jpg of the article, and <img src="https://…/p.gif" width="1" height="1">
    stayed in it at the tracker's address, loaded by every reader. The images of tests/data/import/pixels/ are
    Chromium's (a canvas's toDataURL): each is left out with a note; their 2×2 twins, and an image only one of
    whose sides is stated as 1, are kept."""
    import base64
    from pathlib import Path

    from pipeline.importer_html import html_to_markdown
    from pipeline.inline_images import InlineImage

    pixels = Path(__file__).parent / "data/import/pixels"
    note = "not kept: a 1×1 pixel image: a spacer or a tracking pixel, which shows nothing"
    inline = {name: "data:image/" + ("jpeg" if name.endswith(".jpg") else "webp") + ";base64," +
              base64.b64encode((pixels / name).read_bytes()).decode("ascii")
              for name in ("punkt-1x1.jpg", "punkt-1x1.webp", "punkt-2x2.jpg", "punkt-2x2.webp")}
    body, images, notes = html_to_markdown(
        f'<p>{PROSE}</p>' + "".join(f'<p><img src="{src}" alt="Punkt"></p>' for src in inline.values()) +
        "".join(f'<p><img src="pixels/{name}" alt="Datei"></p>' for name in inline) +
        '<p><img src="https://zaehler.example/p.gif?id=7" width="1" height="1"></p>'
        '<p><img src="https://zaehler.example/q.png" width="0" height="1px" alt=""></p>'
        '<p><img src="https://cdn.example/linie.png" width="1" height="300" alt="Linie"></p>',
        base=pixels.parent)
    assert body.count("![") == 5 and "zaehler.example" not in body and "linie.png" in body
    assert sorted(image.data for image in images if isinstance(image, InlineImage)) == \
        sorted((pixels / name).read_bytes() for name in ("punkt-2x2.jpg", "punkt-2x2.webp"))
    assert sorted(image.name for image in images if isinstance(image, Path)) == ["punkt-2x2.jpg", "punkt-2x2.webp"]
    assert sorted(n.split(",")[0].split(")")[0] for n in notes if n.endswith(note)) == [
        "image (https://zaehler.example/p.gif?id=7", "image (https://zaehler.example/q.png", "image (punkt-1x1.jpg",
        "image (punkt-1x1.webp", "inline image (image/jpeg", "inline image (image/webp"]


def test_an_image_address_with_spaces_in_pasted_text_is_an_image_not_a_heading(tmp_path):
    """Copied from a Markdown editor, "![Blatt](Melisse im Glas.png)" is text to CommonMark (a destination holds no
    space unless in <…>): the pasted-text import made it a heading "## ![Blatt](Melisse im Glas.png)" that the
    page showed as text. The address is written in <…> (noted), the line is the image's own paragraph."""
    article = read_text(tmp_path / "t.txt", (f"{BATH}{PROSE}\n![Melisse im Glas](Melisse im Glas.png)\n"
                                             f"{PROSE}\n").encode())
    tokens = commonmark_parser().parse(article.body)
    images = [child for token in tokens for child in token.children or () if child.type == "image"]
    assert [(image.attrs["src"], image.content) for image in images] == [("Melisse%20im%20Glas.png",
                                                                         "Melisse im Glas")]
    assert "heading_open" not in _blocks(article.body)
    assert "image address with spaces written in <…>, as CommonMark reads it: Melisse im Glas.png" in article.notes


def test_a_1x1_spacer_or_tracking_pixel_is_left_out_of_pasted_text_markdown_and_saved_pages(tmp_path):
    """A saved page's spacer GIF or tracking pixel (an inline 1×1 image) was saved as bilder/bild-….gif, an image of
    the article that shows nothing (and in Markdown kept as kilobytes of base64). It is left out, with a note; a
    2×2 image is saved as before."""
    from pipeline.importer_html import html_to_markdown
    from pipeline.importer_markdown import read_markdown
    from pipeline.inline_images import InlineImage

    note = "not kept: a 1×1 pixel image: a spacer or a tracking pixel, which shows nothing"
    pixel, small = _data(_png(1, 1)), _data(_png(2, 2))
    body, images, notes = html_to_markdown(f'<p>{PROSE}<img src="{SPACER_GIF}" alt=""></p>'
                                           f'<p><img src="{pixel}" width="1" height="1"></p>'
                                           f'<p><img src="{small}" alt="Punkt"></p>')
    assert "data:" not in body and body.count("![") == 1
    assert [image.data for image in images if isinstance(image, InlineImage)] == [_png(2, 2)]
    assert sorted(n.split(",")[0] for n in notes if n.endswith(note)) == ["inline image (image/gif",
                                                                         "inline image (image/png"]
    article = read_text(tmp_path / "t.txt", f"{BATH}{PROSE}![]({SPACER_GIF})\n{PROSE}\n".encode())
    assert not article.images and "data:" not in article.body
    assert any(n.startswith("inline image (image/gif, ") and n.endswith(note) for n in article.notes)
    article = read_markdown(tmp_path / "t.md", f"# Wechselfußbad\n\n{PROSE}![]({SPACER_GIF})\n\n{PROSE}\n".encode())
    assert article.body.count(PROSE) == 2 and "data:" not in article.body
    assert any(n.startswith("inline image (image/gif, ") and n.endswith(note) for n in article.notes)


def test_a_title_copied_alone_is_imported_with_a_note_that_it_has_no_text(project, tmp_path):
    """Trial 6: a copied title alone (leer.txt) became an article with no text, and nothing said so."""
    (tmp_path / "leer.txt").write_text("Nur ein Titel\n\n", encoding="utf-8")
    out = project.run("import", str(tmp_path / "leer.txt")).output
    assert "  no text under the title: the article is its title alone" in out, out
    assert project.read("source_de/nur-ein-titel.md").endswith("---\n\n")
    (tmp_path / "voll.txt").write_text(f"Ein Titel\n\n{PROSE}\n", encoding="utf-8")
    assert "no text under the title" not in project.run("import", str(tmp_path / "voll.txt")).output


BROKEN = ("Dieser Absatz wurde aus einer\nE-Mail kopiert und ist deshalb\nmitten im Satz umgebrochen, was\n"
          "beim Einfügen oft passiert.\n")


def test_a_paragraph_broken_inside_its_sentences_is_one_paragraph_while_lists_and_headings_stay_lines(tmp_path):
    """Trial 9: a paragraph pasted from a mail, broken mid-sentence at 30 columns among lines of other lengths
    (no blank line, or blank lines between paragraphs), became a paragraph a line: four msgids of half a sentence.
    Hard-wrapped lines are joined only where the whole file is wrapped at one width; a line ending no sentence
    before one starting in lower case, or after a word no sentence ends with ("aus einer" / "E-Mail"), goes on.
    The list's items, its lower-case item and the headings stay lines of their own."""
    for gap, lines in (("", "8-11"), ("\n", "12-15")):
        article = read_text(tmp_path / "t.txt", (
            f"{BATH}{PROSE}\n{gap}Was Sie tun können:\n{gap}Warmes Wasser bis zur Wade\nkaltes Wasser danach\n"
            f"{gap}Fazit\n{gap}{BROKEN}{gap}Wichtig: nicht bei Venenleiden.\n").encode())
        assert article.body == (
            f"{PROSE}\n\nWas Sie tun können:\n\n- Warmes Wasser bis zur Wade\n- kaltes Wasser danach\n\n## Fazit\n\n"
            "Dieser Absatz wurde aus einer E-Mail kopiert und ist deshalb mitten im Satz umgebrochen, was beim "
            "Einfügen oft passiert.\n\nWichtig: nicht bei Venenleiden.\n"), gap
        assert f"lines broken inside a sentence joined into one paragraph, at lines {lines}: check each" in \
            article.notes, article.notes


def test_no_break_and_other_special_spaces_in_a_name_title_or_tag_become_plain_spaces(project: Project, tmp_path):
    """A byline copied from a web page, "Sabine\u00a0Lindner" (fresh-user trial 9), came in as ``author:`` with its
    no-break space: another name than "Sabine Lindner" typed in verlag.toml and every other article. Names, titles
    and tags get plain spaces, and the summary says so; the text keeps its no-break spaces ("10\u00a0mg")."""
    copied = tmp_path / "kopiert.txt"
    copied.write_text("Gesunder\u202fSchlaf im\u00a0Winter\n- Sabine\u00a0Lindner\n- 3.\u00a0Dez. 2024\n"
                      "Im Winter reichen oft 10\u00a0mg Magnesium am Abend, sagt die Heilpraktikerin.\n",
                      encoding="utf-8")
    hugo = tmp_path / "tee.md"
    hugo.write_text("---\ntitle: Tee\ndate: 2024-12-04\nauthor: \"Anna\u2009Berger\"\ntags: [\"Heil\u00a0kräuter\", "
                    "\"\u00a0\"]\n---\nEin Tee am Abend beruhigt, sagt die Heilpraktikerin.\n", encoding="utf-8")
    out = project.run("import", str(copied), str(hugo)).output
    text = project.read("source_de/gesunder-schlaf-im-winter.md")
    assert "title: Gesunder Schlaf im Winter\nauthor: Sabine Lindner\n" in text
    assert "10\u00a0mg Magnesium" in text
    assert "author: Anna Berger\n" in project.read("source_de/tee.md")
    assert "tags: [Heil kräuter]\n" in project.read("source_de/tee.md")
    assert "title, author: no-break and other special spaces written as plain spaces (front matter is plain text)" \
        in out
    assert "  tags: no-break and other special spaces written as plain spaces" in out


MAGNESIUM = ("Magnesium bei Wadenkrämpfen\r\n\r\n12. März 2024 · Sabine Lindner\r\n\r\n"
             "Nächtliche Wadenkrämpfe sind quälend. Viele schwören auf Magnesium – aber hilft es wirklich?\r\n\r\n"
             "Lebensmittel\tMagnesium pro 100\u00a0g\r\nKürbiskerne\t535\u00a0mg\r\nHaferflocken\t130\u00a0mg\r\n"
             "Bananen\t30\u00a0mg\r\n\r\n"
             "Das Wichtigste: Sprechen Sie mit Ihrer Ärztin, bevor Sie „auf Verdacht“ hochdosiert einnehmen.\r\n\r\n"
             "Zutaten\tMenge\r\nZimt\t1 TL\tgemahlen\r\n")


def test_a_table_copied_from_a_browser_is_a_table_with_its_first_line_the_header(tmp_path):
    """Trial 34: a table copied from a browser (its cells split by tabs, a line a row) became a paragraph a row
    ("Kürbiskerne 535 mg"), its header row prose. Neighbouring lines of the same number of tab-separated cells are
    a GFM table now, said once; lines whose cells differ in number stay paragraphs."""
    article = read_text(tmp_path / "kopiert.txt", MAGNESIUM.encode())
    assert "| Lebensmittel | Magnesium pro 100\u00a0g |\n| --- | --- |\n| Kürbiskerne | 535\u00a0mg |\n" \
           "| Haferflocken | 130\u00a0mg |\n| Bananen | 30\u00a0mg |\n" in article.body, article.body
    tokens = [t.type for t in commonmark_parser().parse(article.body)]
    assert tokens.count("table_open") == 1 and tokens.count("th_open") == 2 and tokens.count("tr_open") == 4
    assert [n for n in article.notes if "table" in n] == [
        "lines 7-10: a table (lines of tab-separated cells, as a browser copies a table's rows), its first line the "
        "header row"]
    assert article.body.endswith("einnehmen.\n\nZutaten Menge\n\nZimt 1 TL gemahlen\n"), article.body


def test_a_lone_teaser_links_text_is_dropped_and_named_once(tmp_path):
    """Trial 34: "Weiterlesen »", the text of a blog's teaser link copied with the article, was kept as its last
    paragraph (and translated). Such a line alone is dropped, all of them named in one note; the words inside a
    sentence stay."""
    article = read_text(tmp_path / "kopiert.txt", (
        "Magnesium bei Wadenkrämpfen\n\n12. März 2024 · Sabine Lindner\n\n"
        "Nächtliche Wadenkrämpfe sind quälend. Viele schwören auf Magnesium – aber hilft es wirklich?\n\n"
        "Read more →\n\n"
        "Das Wichtigste: Sprechen Sie mit Ihrer Ärztin. Weiterlesen lohnt sich bei den Quellen unten.\n\n"
        "Weiterlesen »\n\nTeilen auf Facebook | Twitter | WhatsApp\n").encode())
    assert article.body == (
        "Nächtliche Wadenkrämpfe sind quälend. Viele schwören auf Magnesium – aber hilft es wirklich?\n\n"
        "Das Wichtigste: Sprechen Sie mit Ihrer Ärztin. Weiterlesen lohnt sich bei den Quellen unten.\n")
    assert [n for n in article.notes if "teaser" in n] == [
        "dropped teaser link text (a link to the article, no text of it): line 7: Read more →, line 11: Weiterlesen »"]

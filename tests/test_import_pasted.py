"""``verlag import`` of text pasted from a web page and of hand translations: the findings of fresh-user trial 11
(a naturopathy practice moving from Hugo, text pasted from its old pages, a French translation made by hand)."""

from __future__ import annotations

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

"""Segmentation: what becomes a msgid, with which kind, line and context."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pipeline.errors import VerlagError
from pipeline.segment import (MAX_NESTING, commonmark_parser, escaped_split, has_words, link_destination,
                              segment_article)
from pipeline.sources import read_article

from conftest import article, assert_finds_as, msgfmt_check, need_corpus, need_peer_corpus


def segments_of(tmp_path: Path, text: str, mode: str = "sentence"):
    path = tmp_path / "a.md"
    path.write_bytes(text.encode("utf-8"))
    return segment_article(read_article(path, "source_de/a.md"), mode)


def test_front_matter_title_summary_and_tags_are_segments_with_context(tmp_path):
    doc = segments_of(tmp_path, article("Leber", "Text.\n", summary="Kurz.", tags="[Leber, Rücken]",
                                        author="Anna Berger"))
    front = [(s.context, s.text) for s in doc.segments if s.context]
    assert front == [("title", "Leber"), ("summary", "Kurz."), ("tag", "Leber"), ("tag", "Rücken")]
    assert all(s.text != "Anna Berger" and s.text != "2026-05-26" for s in doc.segments)


def test_kinds_and_source_lines_follow_the_document(tmp_path):
    text = article("T", """
        ## Überschrift

        Erster Satz. Zweiter Satz.

        - Punkt eins
        > Zitat hier.

        | Kopf |
        |------|
        | Zelle |

        Text[^1].

        [^1]: Fußnote hier.
        """)
    doc = segments_of(tmp_path, text)
    body = [(s.kind, s.text, s.line) for s in doc.segments if not s.context]
    assert body == [
        ("heading", "Überschrift", 5),
        ("paragraph", "Erster Satz.", 7), ("paragraph", "Zweiter Satz.", 7),
        ("list item", "Punkt eins", 9),
        ("block quote", "Zitat hier.", 10),
        ("table header", "Kopf", 12), ("table cell", "Zelle", 14),
        ("paragraph", "Text[^1].", 16),
        ("footnote", "Fußnote hier.", 18),
    ]
    assert doc.segments[2].note == "paragraph, block 2, sentence 1 of 2"


def test_setext_headings_of_one_and_of_two_lines_are_segments(tmp_path):
    """A heading underlined with ``===`` or ``---`` (CommonMark 4.3) is translated as an ATX heading is: every line
    of its text and never its underline. Its last line was dropped (markdown-it-py 4 leaves the underline out of
    the inline token's lines already), so a one-line setext heading stayed German on every translated page."""
    text = article("T", """
        Erster Absatz.

        Haupttitel hier
        ===============

        Zweite Zeile
        als Überschrift
        ---

        Dritter Absatz.
        """)
    body = [(s.kind, s.text, s.line) for s in segments_of(tmp_path, text).segments if not s.context]
    assert body == [("paragraph", "Erster Absatz.", 5), ("heading", "Haupttitel hier", 7),
                    ("heading", "Zweite Zeile als Überschrift", 10), ("paragraph", "Dritter Absatz.", 14)]


def test_a_pipe_in_a_setext_heading_translation_never_makes_it_a_table(tmp_path):
    """A line whose pipes make one column (all escaped, or only at its ends) over ``---`` is a GFM table to
    markdown-it: a translation so, or a two-line heading with an escaped pipe joined into one line, stays the
    heading (``&#124;``); a code span keeps its own pipe."""
    doc = segments_of(tmp_path, article("T", """
        Vorher \\| nachher
        und heute
        ---

        Mit `a|b` Code
        ---
        """))
    parser = commonmark_parser()

    def page(translations: dict[str, str]) -> str:
        return parser.render(doc.render(lambda s: translations.get(s.text, s.text), reflow=True).split("---\n", 2)[2])

    assert page({}) == "<h2>Vorher | nachher und heute</h2>\n<h2>Mit <code>a|b</code> Code</h2>\n"
    assert page({"Vorher \\| nachher und heute": "| Before \\| after |", "Mit `a|b` Code": "\\| With `a|b`"}) \
        == "<h2>| Before | after |</h2>\n<h2>| With <code>a|b</code></h2>\n"


def test_code_html_and_link_destinations_are_not_segments(tmp_path):
    text = article("T", """
        ```
        Code bleibt.
        ```

        <div>HTML bleibt.</div>

        Ein [Link](https://example.org/x "Titel") mit `code`.
        """)
    texts = [s.text for s in segments_of(tmp_path, text).segments]
    assert texts == ["T", 'Ein [Link](https://example.org/x "Titel") mit `code`.']


@pytest.mark.parametrize("text, words", [
    ("12", False), ("7–12", False), ("3 × 400", False), ("—", False), ("✓", False), ("![](knie.jpg)", False),
    ("![](https://example.org/schiene-1.5.jpg)", False), ("`Einstellungen`", False), ("<br>", False),
    ("&nbsp;", False), ('<img src="k.jpg">', False), ('<img alt="Knie" src="k.jpg">', True), ("1,5", True), ("1.200", True), ("12.09.2025", True), ("ja", True), ("400 mg", True),
    ("![Knieschiene](knie.jpg)", True), ("[Kontakt](/kontakt/)", True), ("Ü", True), ("ß", True)])
def test_a_text_with_nothing_to_translate_is_no_segment(text, words):
    """Letters in the prose, or a number whose separators a language writes otherwise, make a segment; an image
    without alt text, bare figures, a code span alone (kept verbatim by the QA gate) do not."""
    assert has_words(text) is words


def test_wordless_cells_images_and_sentences_stay_german_and_out_of_the_catalogs(project):
    """A table of figures and an image without alt text are no entries to translate: a reviewer who translated
    every entry gets a page with nothing shown as untranslated (a fresh-user trial saw "partly checked" on a page
    whose only German-marked element was an image without alt text)."""
    import lxml.html

    from conftest import review

    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/reha.md", article("Reha", "Die Dosis liegt bei 1,5 Tabletten.\n\n"
                                                        "![](schiene.png)\n\n"
                                                        "| Woche | Minuten |\n|---|---|\n| 1 | 5–10 |\n"
                                                        "| 2–3 | 1.200 |\n"))
    project.write("source_de/schiene.png", "")
    project.run("extract")
    po_path = project.root / "translations/en/reha.po"
    msgfmt_check(po_path)
    assert [e.msgid for e in polib.pofile(str(po_path))] == [
        "Reha", "Die Dosis liegt bei 1,5 Tabletten.", "Woche", "Minuten", "1.200"]
    review(project, "en", "reha", {("title", "Reha"): "Rehab", "Die Dosis liegt bei 1,5 Tabletten.":
                                   "The dose is 1.5 tablets.", "Woche": "Week", "Minuten": "Minutes",
                                   "1.200": "1,200"})
    project.run("build")
    edition = project.read("editions/en/reha.md")
    assert "![](schiene.png)" in edition and "| 1 | 5–10 |" in edition and "| 2–3 | 1,200 |" in edition
    page = lxml.html.parse(str(project.root / "site/en/reha/index.html")).getroot()
    body = page.find(".//main")
    assert not body.xpath(".//*[@lang='de' and ancestor::article]"), "nothing in the article is German"
    assert "partly" not in body.text_content() and "original language" not in body.text_content()
    assert [td.text for td in page.iter("td")] == ["1", "5–10", "2–3", "1,200"]


def test_soft_breaks_become_spaces_and_hard_breaks_end_a_segment_only_where_a_sentence_ends(tmp_path):
    text = article("T", "Eine Zeile\nweiter geht es.  \nNeue Zeile\\\nletzte Zeile.\n")
    texts = [s.text for s in segments_of(tmp_path, text).segments[1:]]
    assert texts == ["Eine Zeile weiter geht es.", "Neue Zeile\\\nletzte Zeile."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # fresh-user trial: text pasted from the web with trailing double spaces cut a sentence in two msgids
        ("Die Praxis ist am Montag  \ngeschlossen, weil wir fortbilden.\n",
         ["Die Praxis ist am Montag  \ngeschlossen, weil wir fortbilden."]),
        ("Die Praxis ist am Montag\\\ngeschlossen, weil wir fortbilden.\n",
         ["Die Praxis ist am Montag\\\ngeschlossen, weil wir fortbilden."]),
        # an address or a poem's lines without end punctuation stay one segment with their breaks
        ("Praxis Lindenhof  \nAm Anger 4  \n79100 Freiburg\n", ["Praxis Lindenhof  \nAm Anger 4  \n79100 Freiburg"]),
        # a break after a sentence ends the segment; one inside the next sentence stays in it
        ("Wir machen Pause.  \nAb Dienstag sind wir\\\nwieder da. Bis bald!\n",
         ["Wir machen Pause.", "Ab Dienstag sind wir\\\nwieder da.", "Bis bald!"]),
    ],
)
def test_a_hard_break_inside_a_sentence_stays_in_its_segment(tmp_path, body, expected):
    assert [s.text for s in segments_of(tmp_path, article("T", body)).segments[1:]] == expected


def test_an_escaped_backslash_or_tabs_at_a_line_end_are_no_hard_break(tmp_path):
    """CommonMark reads ``C:\\\\⏎`` as a backslash and a soft break, and tabs before a line end as none: the msgid
    joins the lines with a space, as the page does (the segmenter kept the line end of the first)."""
    body = "Der Ordner heißt C:\\\\\ndann kommt mehr, der weitergeht.\n\nZeile mit Tabs\t\t\nund weiter im Satz.\n"
    assert [s.text for s in segments_of(tmp_path, article("T", body)).segments[1:]] \
        == ["Der Ordner heißt C:\\\\ dann kommt mehr, der weitergeht.", "Zeile mit Tabs und weiter im Satz."]


@given(st.lists(st.text(alphabet=" \t\\y", max_size=7), min_size=2, max_size=6))
def test_every_hard_break_pattern_reads_a_line_end_as_markdown_it_does(tails):
    """The one pattern (``sentences.HARD_BREAK``) the segmenter, the catalog merge, the checks and the TMX
    reader use: a line end is a hard break exactly where markdown-it's CommonMark parser makes a ``hardbreak``
    (which reads ``a\\␣␣⏎`` as a soft break, its first space escaped)."""
    from pipeline.check import hard_breaks
    from pipeline.sentences import HARD_BREAK, HARD_BREAK_AT_END

    lines = ["x" + tail for tail in tails]
    text = "\n".join(lines)
    inline = MarkdownIt("commonmark").parseInline(text)[0].children
    found = [t.type for t in inline if t.type in ("softbreak", "hardbreak")]
    assert [bool(HARD_BREAK_AT_END.search(line)) for line in lines[:-1]] == [kind == "hardbreak" for kind in found]
    assert len(HARD_BREAK.findall(text)) == hard_breaks(text) == found.count("hardbreak")


def test_a_sentence_joined_over_a_hard_break_keeps_both_reviewed_halves_and_the_page_keeps_the_break(project):
    """Catalogs made when a hard break ended a segment hold the sentence's halves, reviewed: the one msgid
    that replaces them gets both translations, fuzzy, joined by the German's break, and the edition and page keep
    the break the reviewer's translation has (a ``<br>``, as CommonMark reads the German's)."""
    import lxml.html

    from conftest import review

    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n'
                                 '[publish]\nmin_translated = 0\n')
    project.write("source_de/pause.md", article("Pause", "Die Praxis ist am Montag\n\ngeschlossen, weil wir "
                                                          "fortbilden.\n"))
    project.run("extract")
    review(project, "en", "pause", {("title", "Pause"): "Break", "Die Praxis ist am Montag": "On Monday the practice is",
                                    "geschlossen, weil wir fortbilden.": "closed for training."})
    joined = "Die Praxis ist am Montag  \ngeschlossen, weil wir fortbilden."
    project.write("source_de/pause.md", article("Pause", joined + "\n"))
    project.run("extract")
    po_path = project.root / "translations/en/pause.po"
    msgfmt_check(po_path)
    entry = polib.pofile(str(po_path)).find(joined)
    assert entry.msgstr == "On Monday the practice is  \nclosed for training." and entry.fuzzy
    review(project, "en", "pause", {joined: "On Monday the practice is  \nclosed for training."})
    project.run("build")
    assert "On Monday the practice is  \nclosed for training." in project.read("editions/en/pause.md")
    page = lxml.html.parse(str(project.root / "site/en/pause/index.html")).getroot()
    (para,) = [p for p in page.iter("p") if "closed for training" in p.text_content()]
    assert len(para.findall("br")) == 1 and para.text.strip() == "On Monday the practice is"
    german = lxml.html.parse(str(project.root / "site/de/pause/index.html")).getroot()
    (para,) = [p for p in german.iter("p") if "fortbilden" in p.text_content()]
    assert len(para.findall("br")) == 1


def test_block_mode_keeps_one_segment_per_block_with_its_hard_breaks(tmp_path):
    text = article("T", "Erster Satz. Zweiter Satz\nüber zwei Zeilen.  \nNach dem Umbruch.\n")
    (seg,) = segments_of(tmp_path, text, "block").segments[1:]
    assert seg.text == "Erster Satz. Zweiter Satz über zwei Zeilen.  \nNach dem Umbruch."


def test_sentences_never_split_inside_markup(tmp_path):
    text = article("T", "Lies **den ersten Satz. Und den zweiten.** Danach Pause.\n")
    texts = [s.text for s in segments_of(tmp_path, text).segments[1:]]
    assert texts == ["Lies **den ersten Satz. Und den zweiten.**", "Danach Pause."]


def test_german_abbreviations_and_ordinals_do_not_end_sentences(tmp_path):
    text = article("T", "Am 26. Mai kam Dr. med. Vogt, z. B. mit ca. 3 Kollegen. Es war schön.\n")
    texts = [s.text for s in segments_of(tmp_path, text).segments[1:]]
    assert texts == ["Am 26. Mai kam Dr. med. Vogt, z. B. mit ca. 3 Kollegen.", "Es war schön."]


def test_extract_splits_german_titles_weekdays_units_and_prices_where_the_sentences_end(project):
    """Fresh-user trial 5: "Dr. med. univ." and "Am Mo." were cut off their sentence, "1 Std. Danach" and
    "inkl. MwSt. Anmeldung" were one sentence; each sentence is now one msgid of the POT."""
    body = ("Dr. med. univ. Petra Kaiser empfiehlt Ruhe. Am Mo. Nachmittag ist zu. Er findet max. 2x tgl. statt. "
            "Termin Do. 14 Uhr. Die Sitzung dauert 1 Std. Danach ist Pause. "
            "Der Kurs kostet 40 € inkl. MwSt. Anmeldung per Telefon.\n")
    project.write("source_de/abk.md", article("Abkürzungen", body))
    project.run("extract")
    pot = project.root / "translations/templates/abk.pot"
    msgfmt_check(pot)
    assert [e.msgid for e in polib.pofile(str(pot))][1:] == [
        "Dr. med. univ. Petra Kaiser empfiehlt Ruhe.", "Am Mo. Nachmittag ist zu.", "Er findet max. 2x tgl. statt.",
        "Termin Do. 14 Uhr.", "Die Sitzung dauert 1 Std.", "Danach ist Pause.", "Der Kurs kostet 40 € inkl. MwSt.",
        "Anmeldung per Telefon."]


def test_extract_keeps_a_physio_sentence_with_an_abbreviation_before_its_number_one_msgid(project):
    """Trial 35: "…, insg. 2 x 15 Wdh." was cut before the number, and the fragment "2 x 15 Wdh." became the msgid
    of the table cell with the same text, so one translation served both; "max. 3 Tbl. Mehr ist gefährlich." was
    one msgid. Each sentence is one msgid now, and the cell its own."""
    body = ("Den Rücken rund bzw. hohl machen, insg. 2 x 15 Wdh. Ab Wo. 6 ist Joggen erlaubt. "
            "Nehmen Sie max. 3 Tbl. Mehr ist gefährlich.\n\n| Übung | Wiederholungen |\n|---|---|\n"
            "| Katze-Kuh | 2 x 15 Wdh. |\n")
    project.write("source_de/ruecken.md", article("Rücken", body))
    project.run("extract")
    pot = project.root / "translations/templates/ruecken.pot"
    msgfmt_check(pot)
    assert [e.msgid for e in polib.pofile(str(pot))][1:] == [
        "Den Rücken rund bzw. hohl machen, insg. 2 x 15 Wdh.", "Ab Wo. 6 ist Joggen erlaubt.",
        "Nehmen Sie max. 3 Tbl.", "Mehr ist gefährlich.", "Übung", "Wiederholungen", "Katze-Kuh", "2 x 15 Wdh."]


def test_translations_cannot_change_the_block_structure(tmp_path):
    text = article("T", "Erster Satz.\n\n| A | B |\n|---|---|\n| x | y |\n")
    doc = segments_of(tmp_path, text)
    out = doc.render(lambda s: {"Erster Satz.": "# keine Überschrift", "x": "a|b"}.get(s.text))
    assert "\\# keine Überschrift" in out
    assert "| a\\|b | y |" in out
    out = doc.render(lambda s: "1. kein Listenpunkt" if s.text == "Erster Satz." else None)
    assert "1\\. kein Listenpunkt" in out


def test_nfd_input_is_normalised_to_nfc(tmp_path):
    text = article("Ru\u0308cken", "Schu\u0308tzen Sie sich.\n")
    doc = segments_of(tmp_path, text)
    assert [s.text for s in doc.segments] == ["Rücken", "Schützen Sie sich."]


def test_reference_definition_titles_are_translatable_and_stay_valid(tmp_path):
    text = article("T", 'Ein [Link][a] und [noch einer][b].\n\n[a]: https://example.org/a "Der \\"Titel\\""\n'
                        "[b]: https://example.org/b (Klammer)\n")
    doc = segments_of(tmp_path, text)
    titles = [s.text for s in doc.segments if s.kind == "link title"]
    assert titles == ['Der \\"Titel\\"', "Klammer"]
    out = doc.render(lambda s: {"Klammer": "a (b) c", 'Der \\"Titel\\"': 'The "title"'}.get(s.text))
    assert '[a]: https://example.org/a "The \\"title\\""' in out
    assert "[b]: https://example.org/b (a \\(b\\) c)" in out


def test_no_break_spaces_in_the_summary_stay_in_its_msgid_as_in_the_body(tmp_path):
    """Fresh-user trial: the summary's no-break spaces became plain ones in its msgid while the body kept
    them, so one phrase had two spellings for the reviewer and the glossary."""
    phrase = "Nehmen Sie 2\u00a0×\u00a0tägl. 10\u00a0Tropfen\u202fein."
    doc = segments_of(tmp_path, article("Tropfen", phrase + "\n", summary=f'"{phrase}"'))
    summary = [s.text for s in doc.segments if s.context == "summary"]
    body = [s.text for s in doc.segments if s.context is None]
    assert summary == body == [phrase]
    assert f"summary: {phrase}" in doc.render(lambda s: None, reflow=True)


def test_translated_front_matter_stays_valid_yaml_whatever_the_text(tmp_path):
    import yaml

    doc = segments_of(tmp_path, article("Titel", "Text.\n", summary="Kurz.", tags="[Leber, Rücken]"))
    tricky = {"Titel": "Liver: a # note", "Kurz.": "'quoted' - [x]", "Leber": "a, b", "Rücken": "{back}"}
    out = doc.render(lambda s: tricky.get(s.text))
    meta = yaml.safe_load(out.split("---\n")[1])
    assert meta == {"title": "Liver: a # note", "date": __import__("datetime").date(2026, 5, 26),
                    "summary": "'quoted' - [x]", "tags": ["a, b", "{back}"]}


def test_whitespace_around_a_translation_cannot_make_code_blocks_or_hard_breaks(tmp_path):
    doc = segments_of(tmp_path, article("T", "Erster Satz.\nZweiter Satz.\n"))
    out = doc.render(lambda s: {"Erster Satz.": "    First.  ", "Zweiter Satz.": "Second.\n"}.get(s.text))
    assert out.endswith("---\nFirst.\nSecond.\n")


def test_reviewers_are_told_how_to_translate_links_named_by_their_label(tmp_path):
    from pipeline.catalog import build_pot

    doc = segments_of(tmp_path, article("T", "Lies [Leberkräuter] und [mehr][].\n\n[leberkräuter]: /a\n[mehr]: /b\n"))
    (entry,) = [e for e in build_pot(doc, "T", "2026-01-01 00:00+0000") if "Lies" in e.msgid]
    assert "[Leberkräuter] is a link by its label: keep it, or write [your words][Leberkräuter]" in entry.comment
    assert "[mehr] is a link by its label" in entry.comment


def test_hugo_shortcodes_and_liquid_tags_in_prose_are_named_with_their_lines(project):
    """Tags a Hugo or Jekyll export leaves in the prose are warned about at their line; in code they are meant."""
    project.write("source_de/hugo.md", article("Hugo", """
        Ein Bild:

        {{< figure src="garten.jpg" title="Garten" >}}

        Davor steht {{%/* nichts */%}} und
        danach {{<ref "zecken.md">}} im Satz.

        {% include hinweis.html %}

        So schreibt man es: `{{< figure >}}`

            {{< im Codeblock >}}
        """))
    warnings = [line for line in project.run("extract").output.splitlines() if "is not Markdown" in line]
    assert [w.split(" is not")[0] for w in warnings] == [
        'warning: source_de/hugo.md:7: Hugo shortcode {{< figure src="garten.jpg" title="Garten" >}}',
        "warning: source_de/hugo.md:9: Hugo shortcode {{%/* nichts */%}}",
        'warning: source_de/hugo.md:10: Hugo shortcode {{<ref "zecken.md">}}',
        "warning: source_de/hugo.md:12: Liquid tag (Jekyll) {% include hinweis.html %}",
    ]
    again = [line for line in project.run("extract").output.splitlines() if "is not Markdown" in line]
    assert again == warnings  # said on every run until the author rewrites them, like a missing date


def _stock_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").use(footnote_plugin)


def _same_tokens(texts) -> int:
    """Asserts verlag's parser (its regex cell splitter) and markdown-it's own give equal token streams;
    returns how many texts hold a table."""
    ours, stock, tables = commonmark_parser(), _stock_parser(), 0
    for text in texts:
        try:
            got = [t.as_dict() for t in ours.parse(text, {})]
        except VerlagError:  # nested too deep: refused, where markdown-it drops the text
            continue
        assert got == [t.as_dict() for t in stock.parse(text, {})], text[:80]
        tables += any(t["type"] == "table_open" for t in got)
    return tables


@given(st.text(alphabet="ab |\\:-`", max_size=30))
def test_table_rows_are_split_into_cells_as_markdown_it_splits_them(row):
    from markdown_it.rules_block.table import escapedSplit

    assert escaped_split(row) == escapedSplit(row)


@given(st.lists(st.text(alphabet="ab |\\:-`", max_size=12), min_size=2, max_size=5).map("\n".join))
def test_generated_tables_parse_to_the_tokens_of_markdown_its_table_rule(text):
    _same_tokens([text, f"| a | b |\n|---|:-:|\n{text}"])


@given(st.text(alphabet="ab <>()\\&#;:/\n\t\x01\x7f\u00e4", max_size=24), st.integers(0, 4), st.integers(0, 30))
def test_link_destinations_are_read_as_markdown_it_reads_them(text, pos, cut):
    from markdown_it.helpers import parseLinkDestination

    pos, maximum = min(pos, len(text)), min(max(pos, cut), len(text))
    ours, stock = link_destination(text, pos, maximum), parseLinkDestination(text, pos, maximum)
    assert (ours.ok, ours.pos, ours.str) == (stock.ok, stock.pos, stock.str)


@given(st.text(alphabet="ab <>()\\&#;:/\n\"", max_size=20))
def test_generated_links_parse_to_the_tokens_of_markdown_its_link_rule(destination):
    _same_tokens([f"[a]({destination})", f"![b]({destination} 'c') [d]: {destination}\n\n[d]"])


@given(st.lists(st.sampled_from(["Satz", "# Titel", "| a |", "|---|", "    code", "- b", "\r\n", "\r", "\n",
                                  "\n\n", "\0", "\r\r\n", " "]), max_size=12).map("".join))
@example("Zeile eins\r\nZeile zwei\r\rDrei\0vier\r")
def test_line_endings_and_nul_are_normalized_as_markdown_it_normalizes_them(text):
    """CR LF, a lone CR and U+0000 (CommonMark §2.1, §2.3) give markdown-it's tokens: the core rule
    ``normalize`` now runs only on a source holding one of them."""
    _same_tokens([text])


def test_a_plain_link_destination_is_read_without_markdown_its_loop_over_its_characters(monkeypatch):
    import markdown_it.helpers

    stock, calls = markdown_it.helpers.parseLinkDestination, []
    monkeypatch.setattr(markdown_it.helpers, "parseLinkDestination", lambda *args: calls.append(args) or stock(*args))
    tokens = commonmark_parser().parseInline("[Merkblatt](https://example.org/a%20b?x=1&amp;y=2#teil) und "
                                             "![Bild](bilder/ä.png \"Titel\")")[0].children
    assert [t.attrs for t in tokens if t.type in ("link_open", "image")] == [
        {"href": "https://example.org/a%20b?x=1&y=2#teil"}, {"src": "bilder/%C3%A4.png", "alt": "", "title": "Titel"}]
    assert calls == []


def test_a_block_is_tried_only_with_the_rules_that_can_match_its_first_character():
    md = commonmark_parser()
    tried = []
    for rule in md.block.ruler.__rules__:
        rule.fn = lambda state, line, end, silent, fn=rule.fn, name=rule.name: (
            silent or tried.append((name, line)), fn(state, line, end, silent))[1]
    md.block.ruler.__cache__ = None
    tokens = md.parse("Ein Absatz.\n\n# Titel\n\n- Punkt\n\n> Zitat\n")
    assert [t.type for t in tokens if t.nesting == 1] == ["paragraph_open", "heading_open", "bullet_list_open",
                                                          "list_item_open", "paragraph_open", "blockquote_open",
                                                          "paragraph_open"]
    assert {line: [name for name, at in tried if at == line] for line in (0, 2, 4, 6)} == {
        0: ["table", "code", "lheading", "paragraph"], 2: ["table", "code", "heading"],
        4: ["table", "code", "hr", "list", "table", "code", "lheading", "paragraph"],  # then the item's paragraph
        6: ["table", "code", "blockquote", "table", "code", "lheading", "paragraph"]}


def test_commonmark_examples_and_articles_parse_to_the_tokens_of_markdown_its_table_rule():
    examples = json.loads(need_corpus("commonmark/examples.json").read_text(encoding="utf-8"))
    shipped = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "source_de").rglob("*.md"))]
    assert _same_tokens([e["markdown"] for e in examples] + shipped) > 0


def test_peer_corpus_parses_to_the_tokens_of_markdown_its_table_rule():
    assert _same_tokens([p.read_text(encoding="utf-8") for p in need_peer_corpus()]) > 100


def test_an_edition_is_made_in_one_walk_of_its_article(monkeypatch):
    """``make_edition`` walked the article twice, for its Markdown and its marked body, filling every
    translated slot in both: now once, and both texts are what a walk for each gives."""
    import pipeline.segment as segment
    from pipeline.catalog import read_po
    from pipeline.config import load_config
    from pipeline.editions import make_edition
    from pipeline.sources import load_articles

    from conftest import REPO

    config = load_config(REPO)
    fill, filled, slots, made = segment._fill, [], 0, 0
    monkeypatch.setattr(segment, "_fill", lambda *args: filled.append(1) or fill(*args))
    for art in load_articles(config):
        doc = segment.segment_article(art, config.segmentation)
        for lang in config.languages:
            path = config.po_path(lang, art.slug)
            if not path.exists():
                continue
            po = read_po(path, f"{lang}/{art.slug}")
            msgstrs = {(e.msgctxt, e.msgid): e.msgstr or None for e in po}
            translate = lambda s: msgstrs.get(s.key)  # noqa: E731
            german_evens = lambda s: None if len(s.text) % 2 else msgstrs.get(s.key)  # noqa: E731
            assert doc.renders(translate, german_evens) == [doc.render(translate), doc.render(german_evens)]
            filled.clear()
            edition = make_edition(doc, po, lang, config.unreviewed_for(lang))
            slots, made = slots + len(doc.slots), made + len(filled)
            assert edition.text.startswith("---\n") and edition.marked
    assert slots > 100 and made < 1.5 * slots  # two walks filled every slot twice


def test_an_inline_position_is_tried_only_with_the_rules_that_can_match_its_character():
    """Every parser (the site's link scan of the originals among them) tries at a ``*`` the emphasis rule
    alone and at a ``[`` the link rules, where markdown-it's own loop tries every rule before them; the tokens
    are markdown-it's (``_same_tokens`` on the CommonMark examples, the shipped articles and the peer corpus)."""
    md = commonmark_parser()
    tried = []
    for rule in md.inline.ruler.__rules__:
        rule.fn = lambda state, silent, fn=rule.fn, name=rule.name: (
            silent or tried.append((name, state.src[state.pos])), fn(state, silent))[1]
    md.inline.ruler.__cache__ = None
    children = md.parseInline("Ein *Wort* und [Link](x.md)")[0].children
    assert [t.type for t in children] == ["text", "em_open", "text", "em_close", "text", "link_open", "text",
                                          "link_close"]
    assert [name for name, char in tried if char == "*"] == ["emphasis", "emphasis"]
    assert [name for name, char in tried if char == "["] == ["link"]


def test_the_text_rule_runs_over_the_characters_at_which_no_inline_rule_can_match(monkeypatch):
    """markdown-it's text rule stops at every ``-``, ``:``, ``#`` or ``=`` of a text, where no rule of verlag's
    dialect can match, and its tokenizer appends that one character; verlag's runs over them in one step. A
    ``]`` still ends a run (a link label's end), and the tokens are markdown-it's."""
    from pipeline.segment import InlineState

    text = "Ein Wort-Spiel: a=b #3 [x-y](z.md) ok\n[nicht]: da-bei"
    appended = []
    append = InlineState.append_pending
    monkeypatch.setattr(InlineState, "append_pending", lambda state, part: (appended.append(part), append(state, part)))
    assert [t.as_dict() for t in commonmark_parser().parse(text, {})] == \
        [t.as_dict() for t in _stock_parser().parse(text, {})]
    assert appended == ["Ein Wort-Spiel: a=b #3 ", "x-y", " ok", "[", "nicht", "]", ": da-bei"]


def test_a_parse_makes_its_tokens_without_the_dataclass_init_and_they_are_markdown_its(monkeypatch):
    """The block and inline states make their tokens by ``new_token`` (no ``Token.__init__`` and
    ``__post_init__``, a tenth of a page body's parse): the same fields as ``Token(type, tag, nesting)``."""
    from markdown_it.token import Token

    from pipeline.segment import new_token

    assert new_token("link_open", "a", 1) == Token("link_open", "a", 1)
    assert new_token("text", "", 0).as_dict() == Token("text", "", 0).as_dict()
    text = ("# Titel\n\nEin *Satz* mit [Link](x.md \"t\") und `code`.  \nZeile\n\n- a\n- b\n\n> Zitat\n\n"
            "| a | b |\n|---|:-:|\n| 1 | ![c](d.png) |\n\n```py\nx\n```\n")
    stock = [t.as_dict() for t in _stock_parser().parse(text, {})]
    made = []
    post_init = Token.__post_init__
    monkeypatch.setattr(Token, "__post_init__", lambda token: (made.append(token.type), post_init(token)))
    assert [t.as_dict() for t in commonmark_parser().parse(text, {})] == stock
    assert made == []


def test_text_join_walks_only_the_blocks_that_can_hold_an_escape_or_a_character_reference(monkeypatch):
    """markdown-it's ``text_join`` walked every block's children; only an escape (``\\*``) or a character
    reference (``&amp;``) makes what it joins, so verlag's walks the blocks holding ``\\`` or ``&``: the same
    tokens."""
    import importlib

    module = importlib.import_module("markdown_it.rules_core.text_join")  # the package's name is the function's
    text = "Ein Absatz ohne.\n\nZwei \\* und &amp; drei.\n\n# Titel"
    stock = [t.as_dict() for t in _stock_parser().parse(text, {})]
    joined = []
    join = module._join_text_tokens
    monkeypatch.setattr(module, "_join_text_tokens",
                        lambda tokens: (joined.append("".join(t.content for t in tokens)), join(tokens))[1])
    assert [t.as_dict() for t in commonmark_parser().parse(text, {})] == stock
    assert joined == ["Zwei * und & drei."]


@given(st.text(max_size=12), st.one_of(st.none(), st.text(max_size=5)), st.sampled_from(["paragraph", "table cell"]),
       st.integers(1, 10**6), st.text(max_size=20), st.integers(0, 50), st.integers(0, 50),
       st.sampled_from(["inline", "cell", "setext"]), st.lists(st.text(max_size=3), max_size=2).map(tuple),
       st.booleans())
def test_segments_and_slots_made_without_their_init_are_the_dataclasses_init_makes(text, context, kind, line, note,
                                                                                    start, end, mode, joins, first):
    """The builder makes its segments and slots with ``new_segment`` and ``new_slot`` (no frozen dataclass's
    ``__init__``): equal, hashed, shown and pickled as the ones ``Segment(...)`` and ``Slot(...)`` make."""
    import pickle

    from pipeline.segment import Segment, Slot, new_segment, new_slot

    made, expected = new_segment(text, context, kind, line, note), Segment(text, context, kind, line, note)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert vars(made) == vars(expected) and list(vars(made)) == list(vars(expected))
    restore = ((text, note),) if first else ()
    slot = new_slot(start, end, (made,), mode, joins=joins, line_start=first, restore=restore)
    assert slot == Slot(start, end, (expected,), mode, joins=joins, line_start=first, restore=restore)
    assert list(vars(slot)) == list(vars(Slot(start, end, (expected,), mode)))
    assert new_slot(start, end, (made,), mode) == Slot(start, end, (expected,), mode)
    assert pickle.loads(pickle.dumps(slot)) == slot
    with pytest.raises(AttributeError):
        made.text = "x"  # still frozen


# What ``has_words``' first-markup search looks for, near misses, and prose around them
_MARKS = st.lists(st.sampled_from(["`", "<", "&", "{", "%", "]", "[", "(", "^", "](", "][", "[^", "]]", "[[", "a", " ",
                                   "\n", "ü", "x]y"]), max_size=20).map("".join)


@given(_MARKS)
@example("a ](x) [^1] `c` <b> &amp; {x} 5% ]] [[ ]^ [(")
def test_the_first_markup_is_found_where_the_alternation_finds_it(text):
    """``segment._MARK_AT`` (its class first, which the regex engine skips to) finds what the alternation
    ``[`<&{%]|\\][(\\[]|\\[\\^`` finds, at every position."""
    import re

    from pipeline.segment import _MARK_AT

    alternation = re.compile(r"[`<&{%]|\][(\[]|\[\^")
    assert_finds_as(_MARK_AT, alternation, text)


@pytest.mark.parametrize("text, method, line", [("---\ntitle: T\n---\n\nEin Satz.\n", "add_lines", 5),
                                                ("---\ntitle: T\n---\n\n| a | b |\n|---|---|\n| c | d |\n", "add_cells",
                                                 5)])
def test_a_block_that_cannot_be_segmented_is_named_by_its_line_and_chained_to_the_cause(tmp_path, monkeypatch, text,
                                                                                      method, line):
    """An unexpected error in a block (a paragraph, a table row) is a ``BlockFailure`` with the block's file line
    and the error as its cause, raised where the block is segmented, with no context manager per block around it
    (23,000 of them in a cold extract at N = 500)."""
    import traceback

    from pipeline import segment
    from pipeline.errors import BlockFailure

    def fail(*args, **kwargs):
        raise ValueError("kaputt")

    monkeypatch.setattr(segment._Builder, method, fail)
    with pytest.raises(BlockFailure) as caught:
        segments_of(tmp_path, text)
    assert caught.value.line == line and isinstance(caught.value.__cause__, ValueError)
    assert caught.value.__suppress_context__
    assert not any("contextlib" in frame.filename for frame in traceback.extract_tb(caught.value.__traceback__))

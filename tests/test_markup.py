"""One inline-Markdown scan serves the splitter, the engines and (later) the checks."""

from __future__ import annotations

import json

import pytest

from pipeline.markup import analyse, scan

from conftest import need_corpus


@pytest.mark.parametrize("text, markup", [
    ("Lies **das** und *dies*.", ["**", "**", "*", "*"]),
    ("***fett kursiv***", ["***", "***"]),
    ('[Termin](https://example.org/t "Titel hier") jetzt', ["[", '](https://example.org/t "', '")']),
    ("![Bild *groß*](a.png)", ["![", "*", "*](a.png)"]),
    ("[a][ref] und Fußnote[^1].", ["[", "][ref]", "[^1]"]),
    ("`code **nicht** fett` &amp; <b>x</b>", ["`code **nicht** fett`", "&amp;", "<b>", "</b>"]),
    ("Mail info@example.org, Web https://example.org/a_b.", ["info@example.org", "https://example.org/a_b"]),
    ("Hallo {name}, %s und {{wert}}", ["{name}", "%s", "{{wert}}"]),
    ("Ein \\*Stern\\* bleibt", ["\\*", "\\*"]),
])
def test_markup_pieces_are_found(text, markup):
    assert [piece for is_markup, piece in scan(text) if is_markup] == markup


@pytest.mark.parametrize("text", [
    "3 * 4 = 12 und snake_case_wort",
    "eine ] Klammer und [nur Klammern] und (runde)",
    "*nicht geschlossen",
])
def test_text_that_only_looks_like_markup_is_prose(text):
    assert scan(text) == [(False, text)]


def test_links_and_emphasis_are_protected_regions_for_the_splitter():
    text = "Lies **den Satz. Und den.** Dann [A. B.](x.html) fertig."
    regions = [text[a:b] for a, b in analyse(text).protected]
    assert "**den Satz. Und den.**" in regions and "[A. B.](x.html)" in regions


def test_scan_reassembles_every_commonmark_example():
    examples = json.loads(need_corpus("commonmark/examples.json").read_text(encoding="utf-8"))
    for example in examples:
        text = example["markdown"]
        assert "".join(piece for _, piece in scan(text)) == text

"""One inline-Markdown scan serves the splitter, the engines and (later) the checks."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.markup import (_BACKTICK_RUN, _BARE_URL, _BARE_URL_HINT, _ENTITY_OR_PLACEHOLDER, _WEB_URL, _analyse,
                             analyse, scan)

from conftest import assert_finds_as, need_corpus


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
    # a link's destination ends at the parenthesis that balances its opening one; escaped ones do not count
    ("[W](https://de.wikipedia.org/wiki/A_(B)) und (so)", ["[", "](https://de.wikipedia.org/wiki/A_(B))"]),
    ("[a](x\\)y) z", ["[", "](x\\)y)"]),
    ("[a](b c) d, [e](f (g) h", []),
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


PIECES = st.lists(st.sampled_from(["http:", "https://", "www.", "w", "a@b.de", "@", "ftp://x", "mailto:", "://",
                                   "&amp;", "&#35;", "{name}", "{{x}}", "%s", "%(n)d", "`", "``", "x", "1", " ",
                                   "(", ")", ".", ":", "/", "-", "_", "\\"]), max_size=12).map("".join)


@given(st.one_of(PIECES, st.text(max_size=30)))
def test_every_scan_analyse_skips_needs_a_character_the_text_lacks(text):
    """``analyse`` runs its bare-URL, entity/placeholder and backtick scans only on texts holding a character
    (or string) each of their matches holds: true of every match, so skipping them changes no result. In a text
    without "@" the bare-URL scan drops its e-mail alternative (``_WEB_URL``): the same matches."""
    for m in _BARE_URL.finditer(text):
        assert _BARE_URL_HINT.search(m.group()), m
    if "@" not in text:
        assert [m.span() for m in _WEB_URL.finditer(text)] == [m.span() for m in _BARE_URL.finditer(text)]
    for m in _ENTITY_OR_PLACEHOLDER.finditer(text):
        assert set(m.group()) & set("&{%"), m
    for m in _BACKTICK_RUN.finditer(text):
        assert "`" in m.group()


def test_a_text_with_code_spans_alone_is_not_scanned_whole(monkeypatch):
    """A third of the texts the QA gate reads have no markup but code spans: ``analyse`` finds those
    (``code_spans``) without its scan; a text with anything else is scanned."""
    import pipeline.markup as markup

    scanned = []
    monkeypatch.setattr(markup, "_analyse", lambda text, labels: scanned.append(text) or real(text, labels))
    real = _analyse
    assert analyse("Mit `apt-get` und ``a ` b`` geht es.").marks == [(4, 13), (18, 27)]
    assert analyse("Ein ` allein und keiner.") == ([], [], [], [])
    assert scanned == []
    assert analyse("Mit `apt` und *so*.").marks == [(4, 9), (14, 15), (17, 18)]
    assert scanned == ["Mit `apt` und *so*."]


@given(st.one_of(PIECES, st.lists(st.sampled_from(["`", "``", "x", " ", "*", "_", "~", "[", "]", "<b>", "\\",
                                                   "&", "{", "%", "@", "://", "www.", "http:"]),
                                  max_size=14).map("".join)))
def test_code_spans_found_apart_are_those_of_the_whole_scan(text):
    assert analyse(text) == _analyse(text, frozenset())


def test_code_spans_found_apart_are_those_of_the_whole_scan_on_every_example_and_gold_sentence():
    examples = json.loads(need_corpus("commonmark/examples.json").read_text(encoding="utf-8"))
    gold = json.loads(need_corpus("segmentation/de_golden.json").read_text(encoding="utf-8"))
    texts = [e["markdown"] for e in examples] + [t for case in gold for t in (case["text"], *case["sentences"])]
    texts += [line for text in texts for line in text.split("\n")]
    texts += [f"`a` {piece} `b`" for piece in ("~~weg~~", "*so*", "_so_", "[a](b)", "<b>x</b>", "<https://x.de>",
                                               "&amp;", "{name}", "%s", "\\*", "a@b.de", "www.x.de", "http://x.de")]
    for text in texts:
        assert analyse(text) == _analyse(text, frozenset()), text


# What ``analyse`` acts on besides code spans, the starts of web addresses, near misses, and prose around them
_BEYOND = st.lists(st.sampled_from(["\\", "<", "*", "_", "~", "[", "]", "&", "{", "%", "@", ":", "://", ":/", "w", "ww",
                                    "www.", "www", "h", "http:", "https:", "htt:", "https", "a", " ", "`", "ü"]),
                   max_size=20).map("".join)


@given(_BEYOND)
def test_markup_beyond_code_spans_is_found_where_the_alternation_finds_it(text):
    """``markup._BEYOND_CODE`` (one class first, which the regex engine skips to) finds what the alternation
    ``[\\\\<*_~\\[\\]&{%@]|://|www\\.|https?:`` finds, at every position."""
    import re

    from pipeline.markup import _BEYOND_CODE

    alternation = re.compile(r"[\\<*_~\[\]&{%@]|://|www\.|https?:")
    assert_finds_as(_BEYOND_CODE, alternation, text)

"""Markup protection: masked before a text leaves, restored and verified after."""

from __future__ import annotations

import pytest

from pipeline.protect import markup_difference, mask, restore

RICH = ('Die **Leber** ist [groß](https://example.org/a_b?x=1 "Titel"), siehe `code x`, {name}, %s, '
        '<b>HTML</b> &amp; ![Bild](bild.png), [^1] und <https://example.org>.')


def test_masked_text_shows_the_service_prose_and_numbered_tags_only():
    m = mask(RICH)
    assert m.text.startswith("Die <g1>Leber</g1> ist <g2>groß</g2>Titel<x3/>, siehe <x4/>, <x5/>, <x6/>, ")
    for hidden in ("**", "https://", "`", "{name}", "%s", "&amp;", "bild.png", "[^1]"):
        assert hidden not in m.text
    assert restore(m.text, m) == (RICH, [])


def test_tags_that_moved_with_the_words_come_back_where_the_service_put_them():
    m = mask("Das ist **sehr** wichtig, sagt `Dr. X`.")
    answer = "<x2/> says this is <g1>very</g1> important."
    text, problems = restore(answer, m)
    assert text == "`Dr. X` says this is **very** important." and not problems
    assert markup_difference("Das ist **sehr** wichtig, sagt `Dr. X`.", text) == []


def test_provable_repairs_odd_tag_spelling_and_spaces_inside_a_pair():
    m = mask("Ein **fetter** Satz mit `code`.")
    text, problems = restore("A < G1 > bold </g1 > sentence with <X2 / >.", m)
    assert text == "A **bold** sentence with `code`." and not problems


def test_spaces_the_german_had_inside_a_pair_are_kept():
    m = mask("Ein <span> Raum </span> bleibt.")
    text, problems = restore(m.text, m)
    assert text == "Ein <span> Raum </span> bleibt." and not problems


@pytest.mark.parametrize("answer, problem", [
    ("A bold sentence with <x2/>.", "lost “**”"),
    ("A <g1>bold</g1> sentence.", "lost “`code`”"),
    ("A <g1>bold</g1> sentence <x2/> with <x2/>.", "repeated “`code`”"),
    ("A </g1>bold<g1> sentence with <x2/>.", "out of order"),
    ("A <g1>bold</g1> <x7/> sentence with <x2/>.", "unknown tag '<x7/>' dropped"),
    ("A <g1>bold</g1> sentence with <x2/> &lt;x2/&gt;.", "placeholder '<x2/>' left in the text"),
    ("A <g1>bold</g1> sentence with <x2/> <x2", "placeholder '<x2' left in the text"),
    ("A <g1>bold</g1> sentence with <x2/> x2/>.", "placeholder 'x2/>' left in the text"),
    ("A <g1>bold</g1> sentence with <x2/> ＜/g1＞.", "placeholder '</g1>' left in the text"),
])
def test_lost_repeated_or_reordered_markup_is_reported_not_accepted(answer, problem):
    m = mask("Ein **fetter** Satz mit `code`.")
    _, problems = restore(answer, m)
    assert any(problem in p for p in problems), problems


def test_text_like_a_placeholder_that_the_german_has_too_is_no_leftover():
    m = mask("Die Formel a <x1 b und c>g2 bleibt **so**.")
    assert restore(m.text.replace("bleibt", "stays"), m) == ("Die Formel a <x1 b und c>g2 stays **so**.", [])
    xml = mask("Ein **fetter** Satz.", xml=True)
    assert restore("A <g1>bold</g1> &lt;g1&gt; sentence.", xml, xml=True)[1] == ["placeholder '<g1>' left in the text"]


def test_xml_mode_escapes_prose_so_an_xml_aware_service_can_parse_it():
    m = mask("a < b & c **d**", xml=True)
    assert m.text == "a &lt; b &amp; c <g1>d</g1>"
    assert restore("A &lt; B &amp; C <g1>D</g1>", m, xml=True) == ("A < B & C **D**", [])


def test_hard_breaks_of_block_segments_travel_as_tags():
    source = "Zeile eins\\\nZeile zwei  \ndrei"
    m = mask(source)
    assert "\n" not in m.text
    assert restore(m.text.upper().replace("<X", "<x"), m)[0] == "ZEILE EINS\\\nZEILE ZWEI  \nDREI"


def test_numbering_continues_across_the_sentences_of_a_paragraph():
    first = mask("Die **Leber**.")
    second = mask("Sie `ruht`.", first=first.next_id)
    assert second.text == "Sie <x2/>."


def test_markup_difference_sees_lost_and_broken_markup():
    assert markup_difference("Ein **Wort**.", "A **word**.") == []
    assert markup_difference("Ein **Wort**.", "A ** word **.") != []
    assert markup_difference("Siehe [hier](https://x.org).", "See here.") == ["lost “[”", "lost “](https://x.org)”"]

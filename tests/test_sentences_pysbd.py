"""pysbd builds regular expressions from text it matched; sentence splitting must survive every such text."""

import logging
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import sentences
from pipeline.sentences import sentence_spans, split_sentences

# Each pairs an abbreviation pysbd knows ("b.a", "u.a", "d.h", "m.e") with a word where a regex
# metacharacter stands in the dot's place; pysbd 0.3.4 raised re.error on every one of them.
BREAKERS = [
    ("Sie hat einen B.A. und die Lizenz B(asic).", ["Sie hat einen B.A. und die Lizenz B(asic)."]),
    ("Das gilt u.a. für die Norm U+A im Labor. Mehr steht unten.",
     ["Das gilt u.a. für die Norm U+A im Labor.", "Mehr steht unten."]),
    ("Wir haben u.a. den Typ U+A. Das heißt d.h. D(h) hier. Sie hat einen B.A. und die Lizenz B(asic). Gut.",
     ["Wir haben u.a. den Typ U+A.", "Das heißt d.h. D(h) hier.", "Sie hat einen B.A. und die Lizenz B(asic).",
      "Gut."]),
    ("Das heißt d.h. hier D(h) im Text. Dann kam der Regen.",
     ["Das heißt d.h. hier D(h) im Text.", "Dann kam der Regen."]),
    ("Nach m.E. ist der Wert M[e] zu hoch. Wir messen nach.", ["Nach m.E. ist der Wert M[e] zu hoch.", "Wir messen nach."]),
    ("Er schrieb z.B. Z\\B ins Feld. Das war falsch.", ["Er schrieb z.B. Z\\B ins Feld.", "Das war falsch."]),
]


@pytest.mark.parametrize(("text", "expected"), BREAKERS)
def test_text_that_breaks_pysbds_patterns_is_segmented(text, expected, caplog):
    with caplog.at_level(logging.WARNING, logger="pipeline.sentences"):
        assert split_sentences(text, "de") == expected
    assert not caplog.records, "pre-masking should keep pysbd working, not only fall back"


def test_pysbd_failure_falls_back_to_verlags_rules_and_says_so(monkeypatch, caplog):
    class Broken:
        def __init__(self, text):
            pass

        def process(self):
            raise re.error("missing ), unterminated subpattern")

    segmenter = sentences._segmenter("de")
    monkeypatch.setattr(segmenter, "processor", Broken)
    with caplog.at_level(logging.WARNING, logger="pipeline.sentences"):
        got = split_sentences("Dr. Meier kam am 26. Mai. Er blieb z. B. lange.", "de")
    assert got == ["Dr. Meier kam am 26. Mai.", "Er blieb z. B. lange."]
    assert "pysbd failed (error: missing ), unterminated subpattern)" in caplog.text
    assert "'Dr. Meier kam" in caplog.text


def test_long_paragraph_is_cut_like_its_sentences_apart():
    """Windows over a long block (linear time) find the same boundaries as short blocks."""
    pieces = [text for text, _ in BREAKERS] + ["Dr. Meier misst am 26. Mai den Puls.", "Warum hilft das?",
                                              "Im 3. Jahrhundert war das u. a. üblich."]
    paragraph = " ".join(pieces[i % len(pieces)] for i in range(300))
    assert len(paragraph) > 4 * (sentences._WINDOW + 2 * sentences._CONTEXT)
    expected = [s for i in range(300) for s in split_sentences(pieces[i % len(pieces)], "de")]
    assert split_sentences(paragraph, "de") == expected


# The shapes pysbd builds patterns from: short letter groups joined by dots or metacharacters, brackets,
# backslashes, spaces; any of them may sit where an abbreviation has its dot.
_SHAPES = st.lists(
    st.one_of(st.sampled_from(["b", "a", "u", "d", "h", "m", "e", "z", "B", "A", "U", "D", "M", "ä", "Ä"]),
              st.sampled_from(list(".()[]{}+*?|^$\\-")),
              st.sampled_from([" ", " ", ". ", "\n", "  \n"]),
              st.sampled_from(["Basic", "Lizenz", "Dr.", "usw.", "26.", "Mai", "z. B."])),
    max_size=40).map("".join)


@given(_SHAPES)
def test_segmentation_never_raises_and_keeps_the_text(text):
    spans = sentence_spans(text, "de")
    rebuilt = []
    last = 0
    for a, b in spans:
        assert a < b and text[last:a].strip() == "", (text, spans)
        rebuilt.append(text[a:b])
        last = b
    assert text[last:].strip() == ""
    assert "".join(rebuilt).split() == "".join(text[a:b] for a, b in spans).split()
    assert "".join("".join(rebuilt).split()) == "".join(text.split())


def test_an_article_with_every_breaker_is_extracted_and_built(project):
    """The sentences that stopped whole projects (pySBD 0.3.4's re.error) now go through extract and build."""
    import polib

    from conftest import msgfmt_check

    body = "\n\n".join(text for text, _ in BREAKERS) + "\n"
    project.write("source_de/lizenzen.md", f"---\ntitle: Lizenzen\ndate: 2026-05-26\n---\n{body}")
    project.run("extract")
    project.run("build")
    pot = project.root / "translations/templates/lizenzen.pot"
    msgfmt_check(pot)
    msgids = [entry.msgid for entry in polib.pofile(str(pot)) if entry.msgctxt is None]
    assert msgids == list(dict.fromkeys(s for _, expected in BREAKERS for s in expected))  # one entry per text

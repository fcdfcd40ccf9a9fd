"""pysbd builds regular expressions from text it matched; sentence splitting must survive every such text."""

import json
import logging
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pysbd.lists_item_replacer import ListItemReplacer

from pipeline import pysbd_de, sentences
from pipeline.sentences import sentence_spans, split_sentences

from conftest import need_peer_corpus

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
@example("Lizenz   \n}Basic\nusw.\nehDr.{\n\n\\.eADr.\nBäB a- Lizenz")  # a sentence begun by an escaped full stop
@example("Erster Satz. \\.Zweiter Satz.")  # lost its backslash (CI at 17393fc)
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


GOLDEN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "segmentation" / "de_golden.json"
SHIPPED = Path(__file__).resolve().parents[1] / "source_de"


def _stock(text: str) -> list[str]:
    from pysbd.lang.deutsch import Deutsch

    return Deutsch.Processor(text, Deutsch, char_span=True).process()


def _ours(text: str) -> list[str]:
    language = sentences._segmenter("de").language_module
    return language.Processor(text, language, char_span=True).process()


def _blocks(text: str) -> list[str]:
    return [text, *(block for block in re.split(r"\n\s*\n", text) if block.strip())]


def test_german_rules_compiled_once_are_in_use():
    """The comparisons below are about the segmenter verlag runs, not pySBD's own module."""
    import pysbd

    assert sentences._segmenter("de").language_module is pysbd_de.german()
    assert pysbd.__version__ != pysbd_de._VERSION or pysbd_de.german() is not pysbd_de.Deutsch


def test_german_rules_find_pysbds_sentences_in_the_shipped_articles():
    texts = [block for path in sorted(SHIPPED.rglob("*.md")) for block in _blocks(path.read_text(encoding="utf-8"))]
    assert len(texts) > 50
    for text in texts:
        defused = sentences._defuse(text, "de")
        assert _ours(defused) == _stock(defused), text[:80]


def test_german_rules_find_pysbds_sentences_in_the_golden_corpus():
    if not GOLDEN.parent.is_dir():
        pytest.skip("golden corpus missing: ../shared/corpus is not checked out")
    for case in json.loads(GOLDEN.read_text(encoding="utf-8")):
        assert _ours(case["text"]) == _stock(case["text"]), case["id"]


def test_german_rules_find_pysbds_sentences_in_the_peer_corpus():
    """Real German documentation: abbreviations ("v", "ii", "st", "no") at the start of a block and many times
    in one, which ``search_for_abbreviations_in_string`` finds and replaces its own way."""
    texts = {block: None for path in need_peer_corpus() for block in
             re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if len(block) > 80}
    assert len(texts) > 2000
    for text in texts:
        defused = sentences._defuse(text, "de")
        assert _ours(defused) == _stock(defused), text[:80]


# Abbreviations (with and without their dot, any case), sentence starters, month names after numbers,
# the shapes pySBD builds patterns from and line breaks: what its German rules react to.
_GERMAN = st.lists(
    st.one_of(st.sampled_from(["ca", "Ca", "nr", "Nr.", "z.B.", "z. B.", "u.a.", "U.S.", "U∯S", "i.v", "I.V.",
                               "Dr.", "dr ", "evtl.", "usw.", "Prof.", "o.univ.-prof.", "v.", "x.", "ii.", "St.",
                               "str  ", "u.a  ", "ä.", "Ä.", "art.", "no.", "pp."]),
              st.sampled_from(["Am", "Das", "Die", "Ich", "Und", "Warum", "Wir", "es", "Mai", "März", "Dezember",
                               "Satz", "hier"]),
              st.sampled_from(["3.", "26.", "1.", "12.", "2024", "(", ")", "„", "“", "?", "!", "...", ":", "-"]),
              st.sampled_from([" ", " ", " ", ". ", "\n", "\r", "  \n", "\t"])),
    max_size=60).map("".join)


# Each reaches one of the rules ``pysbd_de`` compiles: dates whose number no space precedes (pySBD's number
# rules leave those dots), abbreviations after a line start, a boundary abbreviation before a sentence starter.
TRICKY = ["Im Jahr 1999. Mai war schön.", "(12.\tMai Dann.", "Seit 2024. März wird gebaut.",
          "Die U.S. Das ist neu.", "Sie sah die U∯S Wir auch.", "ca. 3 Tage. Nr. 5 folgt.\nDr. Meier kam.",
          "Er kam i.v. Wir gingen.", "Usw. usw. Und dann.", "Er ging z.B. heim, u.a. Mit dir.", "II. Kapitel. Es war."]


@pytest.mark.parametrize("text", TRICKY)
def test_german_rules_find_pysbds_sentences_where_each_rule_acts(text):
    assert _ours(text) == _stock(text)


@given(st.one_of(_GERMAN, _SHAPES))
def test_german_rules_find_pysbds_sentences_in_generated_text(text):
    defused = sentences._defuse(text, "de")
    assert _ours(defused) == _stock(defused)


# Quotes, brackets and dashes, each pair also unclosed, escaped or nested, beside what the substitutions turn into
# placeholders (dots, "!", "?", "'"): the text ``pysbd_de._BetweenPunctuation`` skips steps of, or not.
_QUOTED = st.lists(st.sampled_from(["(", ")", "[", "]", "«", "»", "‘", "’", "'", "--", "-", "“", "”", "„",
                                    ",,", "\\", "\\(", ".", "!", "?", " ", "\n", "a", "Wort", "Er sagt",
                                    "z.B.", "3."]),
                   max_size=40).map("".join)


@pytest.mark.parametrize("text", ["Er sagt (z.B. hier. Dann) und [so. ja] «gut. nein» fertig.",
                                  "Der ‘Satz. hier’ und 'der. da' -- und. das -- „ein. Zitat“ “noch. eins”.",
                                  "Nichts davon hier. Nur Sätze! Und Fragen?", "'", "-- --", "(())"])
@given(generated=_QUOTED)
def test_punctuation_between_quotes_replaced_as_pysbd_replaces_it(text, generated):
    """Every step ``_BetweenPunctuation`` runs or skips gives pySBD's text: on the peer corpus's blocks
    too (``test_german_rules_find_pysbds_sentences_in_the_peer_corpus``, through the whole segmenter)."""
    from pysbd.lang.deutsch import Deutsch

    if pysbd_de.german() is not Deutsch:  # pySBD 0.3.4, whose methods the subclass runs
        assert sentences._segmenter("de").language_module.BetweenPunctuation is pysbd_de._BetweenPunctuation
    for sample in (text, generated):
        assert pysbd_de._BetweenPunctuation(sample).replace() == Deutsch.BetweenPunctuation(sample).replace()
        assert _ours(sample) == _stock(sample)


# List items (letters, Roman numerals and numbers before "." or ")", after a line start, whitespace, "(", "-" or
# "⁃"), runs of "!" and "?", numeric references after a dot and the boundary abbreviations: what the searches
# ``pysbd_de`` runs only where their need is found look for, with near misses ("ba.", "1.x", "a)b").
_LISTED = st.lists(st.sampled_from(["a.", "b.", "c.", "a)", "(b)", "c)", "i.", "ii.", "iii)", "(iv)", "v.", "x)",
                                    "1.", "2.", "3.", "9.", "10.", "11.", "0.", "1)", "2)", "-1.", "-2)", "⁃3.",
                                    "ba.", "1.x", "a)b", "12.)", "(a", "Satz", "Wort.", "Und", "Das", " ", " ", "\n",
                                    "\r", "\t", "!", "?", "!!!", "?!?", "??", ".[1]", ".12", "∯", ".[2, 3]", "U∯S",
                                    "I∯", "i.v", "for", "♨", "☝"]),
                   max_size=40).map("".join)


@pytest.mark.parametrize("text", ["Schritte: a. zuerst b. dann c. zuletzt. Fertig.", "1. Eins 2. Zwei 3. Drei.",
                                  "Wähle (a) oder (b) oder c) davon. Gut.", "i. eins ii. zwei iii. drei. Ende.",
                                  "Achtung!!! Wirklich??? Ja.", "Das steht im Buch.[12] Der Rest.",
                                  "Er sah die U∯S∯A Das war es.", "1) Eins 2) Zwei. Fertig.", "Satz∯12 Der Rest.",
                                  "Wie bitte??? Er ging."])
@given(generated=_LISTED)
def test_list_items_punctuation_runs_and_references_are_replaced_as_pysbd_replaces_them(text, generated):
    """The list-item searches, the runs of "!" and "?", the numeric references and the boundary
    abbreviations ``pysbd_de`` skips where their need is missing give pySBD's text and sentences."""
    for sample in (text, generated):
        replaced = sample.replace("\n", "\r")
        for pattern, need in pysbd_de._ListItemReplacer._NEEDS.items():
            assert need.search(replaced) or not re.findall(pattern, replaced), pattern
        assert pysbd_de._ListItemReplacer(replaced).add_line_break() == ListItemReplacer(replaced).add_line_break()
        assert _ours(sample) == _stock(sample)


# Dots after digits, single letters, a degree sign, before file extensions and month names, at a line start and
# after "\r", "-" and whitespace: where pySBD's dot rules replace a dot or leave it
_DOTTED = st.lists(st.sampled_from(["1", "12", "123", "a", "Z", "x", ".", ". ", ".,", " ", "\r", "\n", "\t", "-", "°",
                                    "pdf ", "txt", "Mai", "Januar", ")", "S", "Wort", ",", "∯", "P∯M∯", "'s "]),
                   max_size=30).map("".join)


@given(_DOTTED)
@example("1. a. Z. x.\r2.) -3. Wort.pdf 5° .txt 3.Mai")
@example("x 12. y, z 1. b\r3. c\r45. d -67. e 8.x a 9. Z.,\tq s.\n")
@example("12. Mai\nA. b a. c x°. 5 S. ,")
def test_dot_rules_run_dot_first_replace_pysbds_dots(text):
    """Each rule ``pysbd_de._DOT_FIRST`` runs with the "." first replaces the dots pySBD's own pattern replaces."""
    from pysbd.utils import Rule, Text

    for pattern in pysbd_de._DOT_FIRST:
        rule = Rule(pattern, "∯")
        assert pysbd_de._apply(text, rule) == Text(text).apply(rule), pattern
    assert pysbd_de._Processor._DATE_DOT.sub("∯", text) == re.sub(r"(?<=\d)\.(?=\s*(?:Januar|Mai))", "∯", text)


def _rules() -> list:
    """Every ``Rule`` of pySBD's German module and of the modules its processor calls."""
    import inspect

    import pysbd
    from pysbd import between_punctuation, exclamation_words, lists_item_replacer, processor, punctuation_replacer
    from pysbd.lang.deutsch import Deutsch
    from pysbd.utils import Rule

    found, seen = {}, set()

    def walk(holder) -> None:
        if id(holder) in seen:
            return
        seen.add(id(holder))
        for value in vars(holder).values():
            values = value if isinstance(value, (list, tuple)) else [value]
            for item in values:
                if isinstance(item, Rule):
                    found[item.pattern] = item
                elif inspect.isclass(item) and item.__module__.startswith("pysbd"):
                    walk(item)

    for holder in (Deutsch, between_punctuation, exclamation_words, lists_item_replacer, processor,
                   punctuation_replacer, pysbd.lang.common.standard, pysbd.lang.common.common):
        walk(holder)
    return list(found.values())


def test_a_rule_is_taken_for_a_literal_where_the_regex_parser_finds_one():
    """``pysbd_de._apply`` skips a rule whose pattern is a literal the text does not hold: ``_literal`` must
    name exactly the text every match of such a pattern is, and nothing for any other pattern."""
    from re import _parser

    rules = _rules()
    assert len(rules) > 60
    patterns = [rule.pattern for rule in rules] + [r"\\\(", r"a\b", r"\d", r"(x)\1", "a.b", r"\-\-", "&ᓴ&", r"\n\t",
                                                   r"\.\.\."]
    literals = 0
    for pattern in patterns:
        parsed = list(_parser.parse(pattern))
        expected = ("".join(chr(value) for _, value in parsed)
                    if all(op == _parser.LITERAL for op, _ in parsed) else None)
        assert pysbd_de._literal(pattern) == expected, pattern
        literals += expected is not None
    assert literals > 30  # the placeholders turned back on every sentence: the rules that pay to skip


_ELLIPSES = st.lists(st.sampled_from([".", "..", "...", "....", " ", "\r", "\n", "\\n", "a", "Z", "1", "_", "ä", "@",
                                      "x.y", "1.2", ". . .", " . . . . ", "∯", "A∯M", " P∯M", "p∯m", "a∯m", "P∯M∯"]),
                     max_size=30).map("".join)


@given(_ELLIPSES)
@example("a . . . . b . . . Z... A....  Zx.y@1.2\\n")
@example("Um 9 A∯M∯ Dann a∯m∯ Z p∯m∯\nX P∯M∯ Y")
def test_rules_skipped_for_a_missing_need_replace_what_pysbds_replace(text):
    """Each rule ``pysbd_de._NEEDS`` runs only where the text holds what every match holds: its need is found
    wherever the rule's own pattern is, and the text comes out as pySBD's rule leaves it."""
    from pysbd.utils import Text

    rules = {rule.pattern: rule for rule in _rules()}
    assert set(pysbd_de._NEEDS) <= set(rules)
    for pattern, need in pysbd_de._NEEDS.items():
        if re.search(pattern, text):
            assert re.search(need, text), pattern
        assert pysbd_de._apply(text, rules[pattern]) == Text(text).apply(rules[pattern]), pattern
    assert _ours(text) == _stock(text)


# pySBD's placeholders (what its rules on each sentence turn back), the ellipses and quotes its other sentence rules
# look for, and text around them: where ``pysbd_de._apply`` skips a literal rule or runs it
_PLACEHOLDERS = st.lists(st.sampled_from(["∯", "♬", "♭", "&ᓰ&", "&ᓱ&", "&ᓳ&", "&ᓴ&", "&ᓷ&", "&ᓸ&", "☉", "☇", "☈",
                                          "☄", "&✂&", "&⌬&", "ȸ", "ȹ", "ƪƪƪ", "♟♟♟♟♟♟♟", "♝♝♝♝♝♝♝", "☏☏", "∮",
                                          "&⎋&", "...", "....", " . . . ", "'", '"', "“", "!", "?", ".", " ", "\r",
                                          "\n", "Satz", "Er", "A", "x"]),
                         max_size=30).map("".join)


@given(_PLACEHOLDERS)
@example("Er sagt∯ ja&ᓴ& Satz... A ȸ&⎋&x. Er \"ging.\" Dann")
def test_sentences_with_pysbds_placeholders_are_pysbds(text):
    """The rules ``pysbd_de._Processor.split_into_segments`` skips where the sentence lacks their literal give
    pySBD's sentences."""
    assert _ours(text) == _stock(text)


def _align_by_character(text: str, found: list[str]) -> set[int]:
    """What ``_align`` computes, one character at a time."""
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    dense = "".join(text[i] for i in positions)
    cuts, cursor = set(), 0
    for sentence in found:
        needle = "".join(sentence.split())
        at = dense.find(needle, cursor) if needle else -1
        if at >= 0:
            cursor = at + len(needle)
            cuts.add(positions[cursor - 1] + 1)
    return cuts


_SPACED = st.text(alphabet="ab.x \n\t\u00a0\u2009", max_size=40)


@given(_SPACED, st.lists(_SPACED, max_size=6))
def test_sentence_ends_are_found_word_by_word_as_character_by_character(text, found):
    assert sentences._align(text, found) == _align_by_character(text, found)


# ``_PYSBD_MAY_CUT``: a block in which no cut pySBD proposes could survive is split without pySBD. The same
# block split with pySBD asked anyway (the pattern replaced by one that always matches) must give the same spans.
def _asked_anyway(monkeypatch, blocks) -> None:
    asked = []
    real = sentences._pysbd_cuts
    monkeypatch.setattr(sentences, "_pysbd_cuts", lambda masked, code: asked.append(masked) or real(masked, code))
    with_rule = {}
    for block in blocks:
        asked.clear()
        with_rule[block] = sentences._spans_in_block.__wrapped__(block, "de")
        assert not asked or sentences._may_ask_pysbd(block), block[:80]  # what the shared store is asked for
    monkeypatch.undo()
    monkeypatch.setattr(sentences, "_PYSBD_MAY_CUT", re.compile(""))
    for block, spans in with_rule.items():
        assert sentences._spans_in_block.__wrapped__(block, "de") == spans, block[:80]
    monkeypatch.undo()


def _segmented_blocks(monkeypatch, paths) -> set[str]:
    """The blocks ``segment_article`` hands to the sentence splitter for the articles at ``paths``."""
    from pipeline.segment import segment_article
    from pipeline.sources import read_article

    seen: set[str] = set()
    real = sentences._spans_in_block

    def spy(block, code):
        seen.add(block)
        return real(block, code)

    monkeypatch.setattr(sentences, "_spans_in_block", spy)
    for path in paths:
        segment_article(read_article(path, path.name))
    monkeypatch.undo()
    return seen


def test_blocks_split_without_pysbd_are_split_as_pysbd_would_in_the_shipped_articles(monkeypatch):
    blocks = _segmented_blocks(monkeypatch, sorted(SHIPPED.rglob("*.md")))
    assert len(blocks) > 50
    skipped = [b for b in blocks if sentences._one_sentence(b) is None and not sentences._may_ask_pysbd(b)]
    assert skipped, "the shipped articles have multi-line blocks pySBD is spared"
    _asked_anyway(monkeypatch, blocks)


def test_blocks_split_without_pysbd_are_split_as_pysbd_would_in_the_golden_corpus(monkeypatch):
    if not GOLDEN.parent.is_dir():
        pytest.skip("golden corpus missing: ../shared/corpus is not checked out")
    texts = [case["text"] for case in json.loads(GOLDEN.read_text(encoding="utf-8"))]
    _asked_anyway(monkeypatch, {block for text in texts for block in _blocks(text)})


def test_blocks_split_without_pysbd_are_split_as_pysbd_would_in_the_peer_corpus(monkeypatch):
    blocks = _segmented_blocks(monkeypatch, need_peer_corpus())
    assert len(blocks) > 1000
    _asked_anyway(monkeypatch, blocks)


@given(st.one_of(_GERMAN, _SHAPES, st.text(alphabet="Ab1.!?…)»*_[^] \n", max_size=30)))
@example("Ich \r“3.U.S.Nr.:evtl.2024 Ichv.\n")  # pySBD cut after "2024", where no terminator is (hypothesis)
def test_blocks_split_without_pysbd_are_split_as_pysbd_would_in_generated_text(text):
    asked = re.compile("")
    with_rule = sentences._spans_in_block.__wrapped__(text, "de")
    real, sentences._PYSBD_MAY_CUT = sentences._PYSBD_MAY_CUT, asked
    try:
        assert sentences._spans_in_block.__wrapped__(text, "de") == with_rule
    finally:
        sentences._PYSBD_MAY_CUT = real

"""pySBD's German rules with the work they repeat for every text done once, for the same sentences.

pySBD 0.3.4 (``pysbd.lang.deutsch.Deutsch``) spends most of a short text's
time on set-up that does not depend on the text: per call it strips each of
its 147 abbreviations, formats and looks up a search pattern for every one it
finds, runs a second search whose result its German rules never read, joins
a pattern from its 30 sentence starters and runs one substitution per month
name. ``German`` is the same language module with those patterns compiled
once, the unread search left out and the twelve month substitutions made
one (a dot after a digit and before a month name, whichever month: replacing
it cannot create or remove a match for another month); the substitutions of
punctuation between quotes and brackets run only on a text that holds the
quote or bracket their pattern starts with, and the list-item searches,
the runs of "!" and "?", the numeric references and the boundary
abbreviations only where the text holds what each of their matches needs. Its dot rules,
"(?<=X)\\.(?=Y)", run as "\\.(?<=X\\.)(?=Y)" (``_DOT_FIRST``): the same dots,
found by skipping to each dot instead of trying a lookbehind at every
character. Every other substitution
that depends on the text is pySBD's own call, so the sentences are the same
(``tests/test_sentences_pysbd.py`` compares both on the German gold corpus,
the shipped articles and generated text). Another pySBD version gets its own
``Deutsch`` unchanged: these overrides copy 0.3.4's methods.
"""

from __future__ import annotations

import functools
import re

import pysbd
from pysbd.lang.deutsch import Deutsch
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.utils import Rule

__all__ = ["german"]

_VERSION = "0.3.4"
_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember")


# pySBD 0.3.4's rules that replace a dot after a fixed-width lookbehind, "(?<=X)\.(?=Y)", as "\.(?<=X\.)(?=Y)":
# the same dots (the lookbehind tests the same characters before each), found by the engine skipping to each "."
# where a pattern that starts with a lookbehind tries it at every character
_DOT_FIRST = {
    r"(?<=\d)\.(?=\S)": r"\.(?<=\d\.)(?=\S)",
    r"(?<=\r\d)\.(?=(\s\S)|\))": r"\.(?<=\r\d\.)(?=(\s\S)|\))",
    r"(?<=^\d)\.(?=(\s\S)|\))": r"\.(?<=^\d\.)(?=(\s\S)|\))",
    r"(?<=^\d\d)\.(?=(\s\S)|\))": r"\.(?<=^\d\d\.)(?=(\s\S)|\))",
    r"(?<=\s\d)\.(?=\s)|(?<=\s\d\d)\.(?=\s)": r"\.(?:(?<=\s\d\.)|(?<=\s\d\d\.))(?=\s)",
    r"(?<=-\d)\.(?=\s)|(?<=-\d\d)\.(?=\s)": r"\.(?:(?<=-\d\.)|(?<=-\d\d\.))(?=\s)",
    r"(?<=^[A-Z])\.(?=\s)": r"\.(?<=^[A-Z]\.)(?=\s)",
    r"(?<=\s[A-Z])\.(?=,?\s)": r"\.(?<=\s[A-Z]\.)(?=,?\s)",
    r"(?<=\s[a-z])\.(?=\s)": r"\.(?<=\s[a-z]\.)(?=\s)",
    r"(?<=^[a-z])\.(?=\s)": r"\.(?<=^[a-z]\.)(?=\s)",
    r"(?<=[a-zA-z]°)\.(?=\s*\d+)": r"\.(?<=[a-zA-z]°\.)(?=\s*\d+)",
    r"(?<=\s)\.(?=(jpe?g|png|gif|tiff?|pdf|ps|docx?|xlsx?|svg|bmp|tga|exif|odt|html?|txt|rtf|bat|sxw|xml|zip|exe|"
    r"msi|blend|wmv|mp[34]|pptx?|flac|rb|cpp|cs|js)\s)":
        r"\.(?<=\s\.)(?=(jpe?g|png|gif|tiff?|pdf|ps|docx?|xlsx?|svg|bmp|tga|exif|odt|html?|txt|rtf|bat|sxw|xml|zip|"
        r"exe|msi|blend|wmv|mp[34]|pptx?|flac|rb|cpp|cs|js)\s)",
}


# pySBD 0.3.4's rules whose pattern starts with a lookbehind, whitespace or a letter class, tried at every
# character: what every match of each holds, around a "." the regex engine skips to. A text without it is left as
# it is; one with it gets pySBD's own substitution.
_NEEDS = {
    r"(\s\.){3}\s": r"\.\s\.\s\.",  # EllipsisRules: " . . . "
    r"(?<=[a-z])(\.\s){3}\.($|\\n)": r"\.\s\.\s\.",  # ". . . ."
    r"(?<=\S)\.{3}(?=\.\s[A-Z])": r"\.\.\.\.",  # "...."
    r"\.\.\.(?=\s+[A-Z])": r"\.\.\.",
    r"([a-zA-Z0-9_])(\.)([a-zA-Z0-9_])": r"\.(?<=[a-zA-Z0-9_]\.)[a-zA-Z0-9_]",  # WithMultiplePeriodsAndEmailRule
    r"(?<= P∯M)∯(?=\s[A-Z])": " P∯M∯",  # AmPmRules
    r"(?<=A∯M)∯(?=\s[A-Z])": "A∯M∯",
    r"(?<=p∯m)∯(?=\s[A-Z])": "p∯m∯",
    r"(?<=a∯m)∯(?=\s[A-Z])": "a∯m∯",
}


@functools.lru_cache(maxsize=None)  # pySBD's rules: a fixed set
def _rule_pattern(pattern: str) -> tuple[re.Pattern, str | None, re.Pattern | None]:
    """The rule's pattern compiled (its ``_DOT_FIRST`` form where it has one), the text every match of it is
    when it is a plain literal (``_literal``), and the pattern of what every match holds (``_NEEDS``), if any."""
    need = _NEEDS.get(pattern)
    return re.compile(_DOT_FIRST.get(pattern, pattern)), _literal(pattern), need and re.compile(need)


_METACHARACTERS = frozenset(".^$*+?{}[]|()")
_CONTROL_ESCAPES = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _literal(pattern: str) -> str | None:
    """The one text ``pattern`` matches when it is a plain literal (``∯``, ``&ᓴ&``, ``\\(`` for "("), else None:
    a character that is no metacharacter stands for itself, and so does a backslash before one that is no letter,
    digit or underscore, and ``\\n`` and the other control escapes for their character (``\\d``, ``\\b``,
    ``\\1`` are classes, anchors, references)."""
    text: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            if char in _CONTROL_ESCAPES:
                char = _CONTROL_ESCAPES[char]
            elif char.isalnum() or char == "_" or not char.isascii():
                return None
            text.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in _METACHARACTERS:
            return None
        else:
            text.append(char)
    return None if escaped or not text else "".join(text)


def _apply(text: str, *rules) -> str:
    """``pysbd.utils.Text(text).apply(*rules)``: each rule's substitution in turn, by its ``_DOT_FIRST`` form
    where it has one; a rule whose pattern is a literal the text does not hold is skipped (it would find no
    match and leave the text as it is), and so is one whose need (``_NEEDS``) the text lacks. Most of pySBD's
    rules on each sentence are such: its 23 placeholders (``∯``, ``&ᓴ&``, ``ȸ`` …) turned back into what they
    stand for, which few sentences hold."""
    for rule in rules:
        pattern, literal, need = _rule_pattern(rule.pattern)
        if literal is not None and literal not in text or need is not None and need.search(text) is None:
            continue
        text = pattern.sub(rule.replacement, text)
    return text


class _AbbreviationReplacer(Deutsch.AbbreviationReplacer):
    # (abbreviation as pySBD strips it, the pattern pySBD formats from it, ``(?:^|\s|\r|\n)<name>``, in two:
    # the name after whitespace, and the name alone for a match at the start; unescaped, as pySBD has it)
    _SEARCHES = tuple((name.strip(), re.compile(r"\s{}".format(name.strip()), re.IGNORECASE),
                       re.compile(name.strip(), re.IGNORECASE)) for name in Deutsch.Abbreviation.ABBREVIATIONS)
    # Deutsch's SingleLowerCaseLetterRule and SingleLowerCaseLetterAtStartOfLineRule, which its ``replace`` makes
    _SINGLE_LOWER_CASE = (Rule(r"(?<=\s[a-z])\.(?=\s)", "∯"), Rule(r"(?<=^[a-z])\.(?=\s)", "∯"))
    _BOUNDARY = re.compile(r"(U∯S|U\.S|U∯K|E∯U|E\.U|U∯S∯A|U\.S\.A|I|i.v|I.V)∯({})".format(
        "|".join(r"(?=\s{}\s)".format(word) for word in Deutsch.AbbreviationReplacer.SENTENCE_STARTERS)))

    def replace(self) -> str:
        """pySBD 0.3.4's ``Deutsch.AbbreviationReplacer.replace``, its rules applied by ``_apply``."""
        lang = self.lang
        self.text = _apply(self.text, lang.PossessiveAbbreviationRule, *lang.SingleLetterAbbreviationRules.All,
                           *self._SINGLE_LOWER_CASE)
        self.text = self.search_for_abbreviations_in_string(self.text)
        self.replace_multi_period_abbreviations()
        self.text = _apply(self.text, *lang.AmPmRules.All)
        self.text = self.replace_abbreviation_as_sentence_boundary()
        return self.text

    def search_for_abbreviations_in_string(self, text: str) -> str:
        """pySBD's: each abbreviation that occurs in the lower-cased text, searched for after a line start
        or whitespace, and every match's dot replaced (``scan_for_replacements``, which for German reads
        neither the match's index nor the next word's first letters the base class searches for).

        pySBD's search finds the same matches as a match of the name alone at the start followed by the
        name's matches after whitespace from there on, which the regex engine finds by skipping to the next
        whitespace instead of trying four branches at each character. Each distinct match is replaced once,
        where pySBD replaces once per occurrence (" v" for every word starting with "v"): a replacement
        turns a dot before whitespace into "∯" and so cannot make a match anywhere (a match's text used as
        a pattern would need a character that matches "∯", a "." or "∯" of the text, right before one that
        matches whitespace, and no abbreviation has two such places side by side), so the ones left out
        change nothing, and the text comes out the same.
        """
        lowered = text.lower()
        for name, after_space, alone in self._SEARCHES:
            if name in lowered:
                first = alone.match(text)
                found = after_space.findall(text, first.end() if first else 0)
                if first:
                    found.insert(0, first.group())
                for match in dict.fromkeys(found):
                    text = self.scan_for_replacements(text, match, None, None)
        return text

    def replace_abbreviation_as_sentence_boundary(self) -> str:
        """pySBD's, on a text that holds "∯" (every match does): the search tried its ten names at each
        character."""
        if "∯" in self.text:
            self.text = self._BOUNDARY.sub("\\1.", self.text)
        return self.text


class _ListItemReplacer(ListItemReplacer):
    """pySBD's list-item rules, each search for list items run only where the text holds what every item
    it finds needs: without it the search finds none, and pySBD leaves the text as it is. Each of these
    patterns tries a dozen lookbehind branches at every character; the needs start with a literal "." or
    ")", which the regex engine skips to. A text with the need runs pySBD's own search."""

    _NEEDS = {  # pySBD's pattern: what each of its matches needs, around the "." or ")" after the item
        ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS: re.compile(r"\.(?<=(?<!\S)[a-z]\.)"),
        ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS: re.compile(r"\)(?<=[a-z]\))"),
        ListItemReplacer.NUMBERED_LIST_REGEX_1: re.compile(r"\.(?<=\d\.)[\s)]"),
        ListItemReplacer.NUMBERED_LIST_PARENS_REGEX: re.compile(r"\)(?<=\d\))\s"),
    }

    def iterate_alphabet_array(self, regex: str, parens: bool = False, roman_numeral: bool = False) -> str:
        if self._NEEDS[regex].search(self.text) is None:
            return self.text
        return super().iterate_alphabet_array(regex, parens, roman_numeral)

    def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
        if self._NEEDS[regex1].search(self.text) is not None:
            super().scan_lists(regex1, regex2, replacement, strip)


class _Processor(Deutsch.Processor):
    _DATE_DOT = re.compile(r"\.(?<=\d\.)(?=\s*(?:{}))".format("|".join(_MONTHS)))  # "\." first: ``_DOT_FIRST``
    # what every match of pySBD's NUMBERED_REFERENCE_REGEX holds: a dot (or "∯") before a digit or "["
    _BEFORE_REFERENCE = re.compile(r"[.∯][\d\[]")

    def process(self) -> list:
        """pySBD 0.3.4's, with ``_ListItemReplacer`` for its ``ListItemReplacer``."""
        if not self.text:
            return self.text
        self.text = self.text.replace("\n", "\r")
        self.text = _ListItemReplacer(self.text).add_line_break()
        self.replace_abbreviations()
        self.replace_numbers()
        self.replace_continuous_punctuation()
        self.replace_periods_before_numeric_references()
        self.text = _apply(self.text, self.lang.Abbreviation.WithMultiplePeriodsAndEmailRule,
                           self.lang.GeoLocationRule, self.lang.FileFormatRule)
        return self.split_into_segments()

    def split_into_segments(self) -> list:
        """pySBD 0.3.4's, its rules applied by ``_apply`` (about a hundred substitutions per window, most of them
        of a placeholder the sentence does not hold)."""
        lang = self.lang
        self.check_for_parens_between_quotes()
        sents = self.rm_none_flatten(self.text.split("\r"))
        sents = [_apply(s, lang.SingleNewLineRule, *lang.EllipsisRules.All) for s in sents]
        sents = self.rm_none_flatten([self.check_for_punctuation(s) for s in sents])
        postprocessed_sents = []
        for sent in sents:
            post_process_sent = self.post_process_segments(_apply(sent, *lang.SubSymbolsRules.All))
            if post_process_sent and isinstance(post_process_sent, str):
                postprocessed_sents.append(post_process_sent)
            elif isinstance(post_process_sent, list):
                postprocessed_sents.extend(post_process_sent)
        return [_apply(ns, lang.SubSingleQuoteRule) for ns in postprocessed_sents]

    def post_process_segments(self, txt: str):
        """pySBD 0.3.4's, its rules applied by ``_apply`` and its patterns compiled once."""
        if len(txt) > 2 and _ALL_LETTERS.search(txt):
            return txt
        txt = _apply(txt, *self.lang.ReinsertEllipsisRules.All)
        if _compiled(self.lang.QUOTATION_AT_END_OF_SENTENCE_REGEX).search(txt):
            return _compiled(self.lang.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX).split(txt)
        return txt.replace("\n", "").strip()

    def replace_numbers(self) -> str:
        """Deutsch's, its rules applied by ``_apply``."""
        self.text = _apply(self.text, *self.lang.Numbers.All)
        self.replace_period_in_deutsch_dates()
        return self.text

    def replace_continuous_punctuation(self) -> None:
        """pySBD's, on a text with "!" or "?" (three in a row are what it replaces)."""
        if "!" in self.text or "?" in self.text:
            super().replace_continuous_punctuation()

    def replace_periods_before_numeric_references(self) -> None:
        """pySBD's, on a text where a dot or "∯" comes before a digit or "[" (``_BEFORE_REFERENCE``)."""
        if self._BEFORE_REFERENCE.search(self.text) is not None:
            super().replace_periods_before_numeric_references()

    def replace_period_in_deutsch_dates(self) -> None:
        self.text = self._DATE_DOT.sub("∯", self.text)


_ALL_LETTERS = re.compile(r"\A[a-zA-Z]*\Z")  # pySBD's test for a segment that is one word


@functools.lru_cache(maxsize=16)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class _BetweenPunctuation(Deutsch.BetweenPunctuation):
    # (the character every match of the step's pattern holds, the step), in pySBD's order
    _STEPS = (("'", Deutsch.BetweenPunctuation.sub_punctuation_between_single_quotes),
              ("‘", Deutsch.BetweenPunctuation.sub_punctuation_between_single_quote_slanted),
              ("", Deutsch.BetweenPunctuation.sub_punctuation_between_double_quotes),  # German: looks for „ or ,,
              ("[", Deutsch.BetweenPunctuation.sub_punctuation_between_square_brackets),
              ("(", Deutsch.BetweenPunctuation.sub_punctuation_between_parens),
              ("«", Deutsch.BetweenPunctuation.sub_punctuation_between_quotes_arrow),
              ("--", Deutsch.BetweenPunctuation.sub_punctuation_between_em_dashes),
              ("“", Deutsch.BetweenPunctuation.sub_punctuation_between_quotes_slanted))

    def replace(self) -> str:
        """pySBD's eight substitutions of the punctuation between quotes, brackets and dashes, each run only
        where the text holds the character (or "--") its pattern starts with: without it nothing matches, and
        the text stays as it is (the single quotes' step first searches for a word with a leading apostrophe,
        which needs one too). A substitution turns the dots, "!", "?" and "'" inside a match into pySBD's
        placeholders and escapes brackets and dashes with a backslash: it adds none of the characters looked
        for, so one step never makes a later one match. Each of them ran its pattern over every window pySBD
        splits: the parentheses and square brackets alone were a tenth of pySBD's time on the peer corpus."""
        text = self.text
        for needed, step in self._STEPS:
            if needed in text:
                text = step(self, text)
        return text


class _German(Deutsch):
    AbbreviationReplacer = _AbbreviationReplacer
    BetweenPunctuation = _BetweenPunctuation
    Processor = _Processor


def german() -> type:
    """The language module for ``pysbd.Segmenter.language_module``: ``_German`` under pySBD 0.3.4, else
    pySBD's own ``Deutsch``."""
    return _German if pysbd.__version__ == _VERSION else Deutsch

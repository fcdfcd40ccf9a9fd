"""Pseudo-translation text: the ``pseudo`` engine's accenting, and how to recognise it afterwards.

A module of its own so that ``catalog`` (the review states), ``check`` and the
translation memory can tell pseudo text from a translation without loading the
engines. The accenting is the one of pseudo-localisation tools (Android's
``en-XA``, Microsoft's ``qps-ploc``): every vowel accented and doubled, ``c n s
z`` with diacritics, so text nobody translated shows at a glance.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ACCENTED = str.maketrans("aeiouyAEIOUYcnszCNSZ", "áéíóúýÁÉÍÓÚÝçñšžÇÑŠŽ")
_PLAIN = str.maketrans("áéíóúýÁÉÍÓÚÝçñšžÇÑŠŽ", "aeiouyAEIOUYcnszCNSZ")
_LONG_VOWELS = set("áéíóúýÁÉÍÓÚÝäöüÄÖÜ")
_DOUBLED = re.compile("([áéíóúýÁÉÍÓÚÝäöüÄÖÜ])\\1")
_WORD = re.compile(r"[^\W\d_]+")
_VOWEL = re.compile("[aeiouyAEIOUYáéíóúýÁÉÍÓÚÝäöüÄÖÜ]")


def accent(prose: str) -> str:
    """``prose`` as the ``pseudo`` engine writes it: ``Zubereitung`` -> ``Žúúbéérééíítúúñg``."""
    return "".join(ch * 2 if ch in _LONG_VOWELS else ch for ch in prose.translate(_ACCENTED))


_PAIRS = tuple((vowel * 2, vowel) for vowel in sorted(_LONG_VOWELS))  # what ``accent`` doubles, and as it was


@lru_cache(maxsize=4096)
def _unaccented(word: str) -> str:
    """A pseudo word back as the German it was made from (``accent`` undone), casefolded.

    Each doubled vowel is halved as ``_DOUBLED.sub(r"\1", word)`` halves it (left to right, a run of three
    keeps two), by ``str.replace``: that ``sub`` expanded its template in Python for every pair, and this runs
    for every word of every pseudo draft the editions count (``is_pseudo``)."""
    for pair, vowel in _PAIRS:
        if pair in word:
            word = word.replace(pair, vowel)
    return word.translate(_PLAIN).casefold()


def is_pseudo(msgstr: str, msgid: str) -> bool:
    """Whether ``msgstr`` is (still mostly) the ``pseudo`` engine's text for the German ``msgid``.

    Its marker is a word that ``accent`` made of a German word of the msgid:
    undoing the accent gives that word back. True when at least half of the
    msgstr's words with a vowel, apart from those it shares with the msgid
    (link targets, names, code), are such words. A translation that merely has
    doubled accents (French ``créé``) is no pseudo text: undone it is no German
    word of its msgid. Cheap for ordinary text: one search for a doubled
    accented vowel. German without a vowel ("Nr. 12.") gets none doubled: its
    pseudo text is told by being that German with accents ("Ñr. 12.").
    """
    if not _DOUBLED.search(msgstr):
        return (len(msgstr) == len(msgid) and not _VOWEL.search(msgid) and msgstr != msgid
                and msgstr.translate(_PLAIN) == msgid)
    german = set(_WORD.findall(msgid))
    words = [w for w in _WORD.findall(msgstr) if w not in german and _VOWEL.search(w)]
    if not words:
        return False
    known = {w.casefold() for w in german}
    marked = 0
    for word in words:  # until half of them are marked: a draft's words all are
        marked += bool(_DOUBLED.search(word)) and _unaccented(word) in known
        if 2 * marked >= len(words):
            return True
    return False

"""Machine drafts in another language than the one asked for, told by a batch's stop words.

A service that answers in the wrong language (a LibreTranslate without the French model falling back to English, a
wrong ``languages`` code, a proxy's cached answers) gives drafts that ``check`` cannot tell from translations: their
numbers, links and punctuation are right. Under ``unreviewed = "machine"`` they would be published as French. The
words tell them: jusText's stop word lists, which ``align`` uses to refuse a hand translation in the wrong
language, cover about half the words of a text in their language and few of another's.

Such answers are refused, not stored flagged: a draft in another language is no starting point for the reviewer, it
would count as machine-translated in ``status`` and be shown to readers until ``check`` caught it, and refused it is
not cached either, so the next run asks the service again once it is set right. Judged by a batch of answers
(``MIN_WORDS`` and more), never by one short sentence: "Tinnitus", "OK" or a name read as any language. Words in
capitals (WHO, DNA, a shouted "WICHTIG") are left out: acronyms and emphasis, not the running prose the lists
describe.
"""

from __future__ import annotations

import re

from .stopwords import MIN_STOPWORDS, MIN_WORDS, language_name, rival_language, stoplist

_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    """The words of ``text`` the test reads, lower case: not those in capitals (``WHO``; a lone ``I`` is a word)."""
    return [w.lower() for w in _WORD.findall(text) if len(w) == 1 or not w.isupper()]


def wrong_language(texts: list[str], target: str, candidates: tuple[str, ...]) -> str | None:
    """Why ``texts`` (one batch of drafts into ``target``, Markdown) are not in ``target`` (``reads_as``), said as
    a warning's reason; None when they read as ``target`` or cannot be told."""
    rival = reads_as(texts, target, candidates)
    if rival is None:
        return None
    return (f"answered in {language_name(rival)}, not {language_name(target)} (the common words of its answers are {language_name(rival)} "
            "ones): not taken as drafts")


def reads_as(texts: list[str], target: str, candidates: tuple[str, ...]) -> str | None:
    """The language of ``candidates`` that ``texts`` (drafts into ``target``, Markdown) read as instead of
    ``target``: the one whose stop word list covers ``RIVAL`` times more of their words than ``target``'s, and at
    least ``MIN_STOPWORDS`` of them (as a text in that language does: a text in a script the lists lack is never
    judged); None when they read as ``target`` or cannot be told (fewer than ``MIN_WORDS`` words, no list for
    ``target``). ``pretranslate`` judges a batch of answers by it, ``check`` a catalog's untouched drafts."""
    from .check import parts

    words = [w for text in texts for w in _words(parts(text).prose)]
    return rival_language(words, target, candidates, least=MIN_STOPWORDS)


def enough(texts: list[str], target: str) -> bool:
    """Whether drafts into ``target`` need wait for no more to be judged: ``texts`` hold ``MIN_WORDS`` words (those
    in capitals too, so that answers of acronyms are not held on and on), or no list can judge ``target``."""
    return not stoplist(target) or sum(len(_WORD.findall(text)) for text in texts) >= MIN_WORDS

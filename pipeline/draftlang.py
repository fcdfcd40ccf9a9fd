"""Machine drafts in another language than the one asked for, told by a batch's stop words.

A service that answers in the wrong language (a LibreTranslate without the French model falling back to English, a
wrong ``languages`` code, a proxy's cached answers) gives drafts that ``check`` cannot tell from translations: their
numbers, links and punctuation are right. Under ``unreviewed = "machine"`` they would be published as French. The
words tell them: jusText's stop word lists, which ``align`` uses to refuse a hand translation in the wrong
language, cover about half the words of a text in their language and few of another's.

Such answers are refused, not stored flagged: a draft in another language is no starting point for the reviewer, it
would count as machine-translated in ``status`` and be shown to readers until ``check`` caught it, and refused it is
not cached either, so the next run asks the service again once it is set right. An answer of ``ALONE_WORDS`` words
and more is judged by itself (``judge``), by a stricter rule (``ALONE_RIVAL``), so a few English answers among a
batch of French ones are refused too; shorter ones by their batch (``MIN_WORDS`` and more), never alone:
"Tinnitus", "OK" or a name read as any language. An answer whose German reads as the same language (an English
quotation, a title kept English) is its translation, never refused. Words in capitals (WHO, DNA, a shouted
"WICHTIG") are left out: acronyms and emphasis, not the running prose the lists describe.

Answers in the MT cache (``mtcache``) are judged so when a run first uses them: a cache written before this test
(or by a service that answered English then) would otherwise fill catalogs with it again and again.
"""

from __future__ import annotations

import re

from .stopwords import MIN_STOPWORDS, MIN_WORDS, language_name, rival_language, stoplist

_WORD = re.compile(r"[^\W\d_]+")
# An answer of this many words of prose is judged by itself, when its rival's stop words cover more than
# ``ALONE_RIVAL`` times the share of the target's (a batch: ``stopwords.RIVAL``). Measured on real translations
# against every shipped language, German and English: the shipped catalogs' 746 entries of 12 words and more (site.po
# too), 15,830 French, Spanish, Italian, Dutch, Polish, Portuguese, Romanian, Russian, Turkish, Ukrainian and German
# messages of the system's gettext catalogs (/usr/share/locale, without format strings and options) and 9,214
# sentences of the peer corpus's German (the reading as German): no false alarm but the peer corpus's 12 English
# sentences (Debian's untranslated text, which ``judge`` keeps: their German reads as English); nor on the peer
# corpus's sentences as pseudo drafts into en and fr (19,016). At 10 words, or with the batch's 1.5, there were
# some (Portuguese UI text read as English, French as Polish). English UI sentences into fr are told alone about
# half the time (the French list holds "the", "of", "and"): the rest go with their batch.
ALONE_WORDS = 12
ALONE_RIVAL = 3.0


def _words(text: str) -> list[str]:
    """The words of ``text`` the test reads, lower case: not those in capitals (``WHO``; a lone ``I`` is a word)."""
    return [w.lower() for w in _WORD.findall(text) if len(w) == 1 or not w.isupper()]


class Copied(str):
    """The verdict on an answer that is, word for word, the same service's answer into another language of the
    project (``copied``): that language's code."""


def said(rival: str, target: str) -> str:
    """Why answers that read as ``rival`` are not taken as drafts into ``target``, as a warning's reason."""
    why = (f"the same answers as into {language_name(rival)}" if isinstance(rival, Copied) else
           f"the common words of its answers are {language_name(rival)} ones")
    return f"answered in {language_name(rival)}, not {language_name(target)} ({why}): not taken as drafts"


def copied(draft: str, other: str) -> bool:
    """Whether ``draft``, word for word what the same service answered into ``other`` (English: what a service
    lacking the language asked for answers in) for the same German, is in ``other``'s language rather than text the
    same in both: it holds two words of prose (``_prose_words``), or one on ``other``'s stop word list ("the"). An
    answer too short for its stop words (``judge``: "Dosierung" answered "the") is told so. Measured: no false alarm
    among the shipped catalogs' 1,605 translations (site.po too; "E-mail: %(address)s" is the same in five
    languages) nor among the 378,312 messages of the system's gettext catalogs in fr, es, it, nl, pl, pt, ro, ru, tr,
    uk and de against their en_GB, but gtk's "calendar:week_start:1" (a setting, no text); every two words of prose
    alone, without the English: 6,820 alarms (es and pt, ru and uk, place names: "Tipo de cursor")."""
    words = _prose_words(draft)
    return len(words) >= 2 or any(w in stoplist(other) for w in words)


def judge(texts: list[str], germans: list[str], target: str, source: str,
          candidates: tuple[str, ...]) -> list[str | None]:
    """For each answer of ``texts`` (one batch of drafts into ``target``, Markdown; ``germans``: what each
    translates, in ``source``) the language of ``candidates`` it reads as instead of ``target``, None where it is
    taken: an answer of ``ALONE_WORDS`` words and more by itself (``ALONE_RIVAL``), a shorter one by the whole batch
    (the language whose stop word list covers ``RIVAL`` times more of the batch's words than ``target``'s, and at
    least ``MIN_STOPWORDS`` of them; none with fewer than ``MIN_WORDS`` words or no list for ``target``). A long
    answer the strict rule cannot tell goes with its batch, unless it holds more stop words of ``target`` than of the
    batch's language (a French answer in a batch of English ones is taken). An answer whose German holds more stop
    words of that language than of ``source`` (an English quotation) is taken."""
    from .markup import parts

    words = [_words(parts(text).prose) for text in texts]
    batch = rival_language([w for each in words for w in each], target, candidates, least=MIN_STOPWORDS)
    verdicts: list[str | None] = []
    for each, german in zip(words, germans):
        rival = batch
        if len(each) >= ALONE_WORDS:
            rival = rival_language(each, target, candidates, MIN_STOPWORDS, ALONE_WORDS, ALONE_RIVAL) or (
                batch if batch and _share(each, batch) > _share(each, target) else None)
        if rival:
            quoted = _words(parts(german).prose)
            rival = None if _share(quoted, rival) > _share(quoted, source) else rival
        verdicts.append(rival)
    return verdicts


def _share(words: list[str], lang: str) -> int:
    """How many of ``words`` are on ``lang``'s stop word list."""
    stop = stoplist(lang)
    return sum(w in stop for w in words)


def enough(texts: list[str], target: str) -> bool:
    """Whether drafts into ``target`` need wait for no more to be judged: ``texts`` hold ``MIN_WORDS`` words (those
    in capitals too, so that answers of acronyms are not held on and on), or no list can judge ``target``."""
    return not stoplist(target) or sum(len(_WORD.findall(text)) for text in texts) >= MIN_WORDS


# A number with its unit ("150 mg", "2,5 ml", "4000 IE"): the same in many languages, no mark of prose
_QUANTITY = re.compile(r"\d[\d.,]*\s*[^\W\d_]+")


def _prose_words(text: str) -> list[str]:
    """The words of ``text`` (Markdown) that mark it as prose in a language: of two letters or more and in lower case
    (a verb, an adjective, a function word), numbers with their units, e-mail and web addresses and academic degrees
    aside (``check.german_prose``'s reading). "150 mg", "Vitamin D", "Magnesium", "Dr. med. Anna Berger" have
    none: text that may be the same in every language."""
    from .markup import NO_PROSE, parts

    prose = _QUANTITY.sub(" ", NO_PROSE.sub(" ", parts(text).prose))
    return [w for w in _WORD.findall(prose) if len(w) > 1 and w.islower()]

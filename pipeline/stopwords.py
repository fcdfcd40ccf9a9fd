"""Which language a text's words are in, told by jusText's stop word lists.

A stop word list covers about half the words of a running text in its language and few of another's, so the share
of a text's words on each list tells its language once it has ``MIN_WORDS`` words: ``align`` refuses a hand
translation in the wrong language by it, ``draftlang`` a batch of machine drafts.
"""

from __future__ import annotations

import functools
import unicodedata

MIN_STOPWORDS = 0.2  # least share of the words on the stop word list of the language they are said to be in
RIVAL = 1.5  # another language whose list covers this many times more words is the text's language
MIN_WORDS = 20  # fewer words tell no language apart


@functools.cache
def stoplist(code: str) -> frozenset[str]:
    """jusText's stop words of the language of BCP 47 ``code`` (its lists are named in English,
    ``Norwegian_Bokmal``); empty when it has none. Read once a run."""
    import justext
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).language
        name = Locale(name).english_name or ""
    except (ValueError, UnknownLocaleError):
        return frozenset()
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace(" ", "_")
    return frozenset(justext.get_stoplist(name)) if name in justext.get_stoplists() else frozenset()


def language_name(code: str) -> str:
    """The English name of the language of BCP 47 ``code`` (CLDR, ``fr-CA`` -> ``French (Canada)``), for messages;
    ``code`` itself when CLDR has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


def rival_language(words: list[str], lang: str, candidates, least: float = 0.0, fewest: int = MIN_WORDS,
                   rival: float = RIVAL) -> str | None:
    """The language of ``candidates`` (BCP 47 codes) that ``words`` (lower case) read as instead of ``lang``: the one
    whose stop word list covers the largest share of them, more than ``rival`` times ``lang``'s share and at least
    ``least``; None when they read as ``lang`` or cannot be told (fewer than ``fewest`` words, no list for
    ``lang``). A candidate whose list is ``lang``'s (``en-GB`` beside ``en``) is no rival."""
    own = stoplist(lang)
    if len(words) < fewest or not own:
        return None
    share = lambda stop: sum(w in stop for w in words) / len(words)  # noqa: E731
    mine = share(own)
    rivals = {code: share(stop) for code in dict.fromkeys(candidates) if (stop := stoplist(code)) and stop != own}
    best = max(rivals, key=rivals.__getitem__, default=None)
    if best is None or rivals[best] < least or rivals[best] <= rival * mine:
        return None
    return best

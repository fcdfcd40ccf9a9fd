"""The review states of a catalog entry as verlag names them (``catalog.entry_state`` decides which).

A module of its own so that the site stage can read an edition record's
counts without loading the catalog code (``catalog`` re-exports them).
"""

REVIEWED, MACHINE, STALE, UNTRANSLATED = "reviewed", "machine", "stale", "untranslated"
# Not a state of its own for editions and publishing (it is a MACHINE entry there: fuzzy, unchecked), but the
# reviewer's and ``status``'s name for an unchecked draft a person wrote (``catalog.review_state``).
HAND = "hand"
# Likewise, the name of a draft the translation memory gave, untouched since (``catalog.reused_draft``): a person's
# earlier translation of the same or a similar sentence, reused here and not checked here yet.
REUSED = "reused"


def percent_reviewed(reviewed: int, total: int) -> float:
    """The share of a page's German words that is reviewed, in percent to one decimal: ``reviewed`` words of
    ``total``, which counts its segments' words and those of its HTML blocks shown in German
    (``rawhtml.german_words``: in no catalog, so never reviewed); nothing to translate is done (100.0). The one
    figure ``verlag status`` and ``verlag review`` both show."""
    return round(100.0 * reviewed / total, 1) if total else 100.0

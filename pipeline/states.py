"""The review states of a catalog entry as verlag names them (``catalog.entry_state`` decides which).

A module of its own so that the site stage can read an edition record's
counts without loading the catalog code (``catalog`` re-exports them).
"""

REVIEWED, MACHINE, STALE, UNTRANSLATED = "reviewed", "machine", "stale", "untranslated"
# Not a state of its own for editions and publishing (it is a MACHINE entry there: fuzzy, unchecked), but the
# reviewer's and ``status``'s name for an unchecked draft a person wrote (``catalog.review_state``).
HAND = "hand"

"""The review states of a catalog entry as verlag names them (``catalog.entry_state`` decides which).

A module of its own so that the site stage can read an edition record's
counts without loading the catalog code (``catalog`` re-exports them).
"""

REVIEWED, MACHINE, STALE, UNTRANSLATED = "reviewed", "machine", "stale", "untranslated"

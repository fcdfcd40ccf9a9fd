"""verlag: German-first translation and publishing pipeline.

Stages, each a module, data flowing one way:
sources -> segment -> extract (catalog, merge) -> pretranslate -> editions.
"""

__version__ = "0.1.0"

# Allocations between two young collections of the cyclic garbage collector while a build or a pool worker runs
# (CPython's default: 700): a build makes and frees millions of tokens, entries and segments, freed by reference
# counting; each young collection walks what is young and every tenth of those a whole generation more, so at
# 700 a cold build spent seconds walking live objects (bench/HISTORY.md, "Branch i14par").
GC_YOUNG_THRESHOLD = 20_000

import re
from _thread import RLock

# Called once with the "pipeline" logger when a module first asks for a logger (``logger``): the command line
# prints verlag's warnings as ``warning: …`` (``cli.main``).
ON_FIRST_LOGGER: list = []
# Held while ``ON_FIRST_LOGGER`` runs: a second thread asking for a logger then waits for the hooks (its warning
# is printed as the first thread's) instead of popping from a list emptied under it. ``_thread``: threading is
# not loaded by every run.
_FIRST_LOGGER_LOCK = RLock()  # re-entrant: a hook may ask for a logger itself


def logger(name: str):
    """``logging.getLogger(name)`` for a module of verlag's, after ``ON_FIRST_LOGGER`` has run: logging (5 ms to
    import) is loaded only by a run that has something to say. Safe from any thread: each hook runs once, and
    no thread gets its logger before the hooks queued so far have run."""
    import logging

    if ON_FIRST_LOGGER:
        with _FIRST_LOGGER_LOCK:
            while ON_FIRST_LOGGER:
                ON_FIRST_LOGGER.pop(0)(logging.getLogger(__name__))
    return logging.getLogger(name)


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used: for the patterns of a module that most runs load
    and never match with (those reading a source, a catalog, a message of the website: a no-op ``extract`` loads
    34 of them, 2.4 ms of its 0.1 s to compile; bench/HISTORY.md, "Branch noopU"). ``pattern`` is there before;
    at the first use every attribute of the compiled pattern (``search``, ``sub``, ``flags``…) becomes this
    object's own, so later uses cost what the compiled pattern's cost. Not a ``re.Pattern``: call its methods, do
    not hand it to ``re.sub`` and its kind."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):  # called only for what is not an attribute yet: the first use
        compiled = re.compile(self.pattern, self._flags)
        self.__dict__.update((attr, getattr(compiled, attr)) for attr in dir(compiled) if not attr.startswith("_"))
        return getattr(compiled, name)

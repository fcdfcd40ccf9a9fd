"""``verlag publish``: extract -> pretranslate -> build in one command.

The chain itself is the CLI's (each step prints what it always prints); this
module holds what the chain needs to know: which failures mean "offline",
so pretranslation is skipped with a note instead of stopping the publish.
"""

from __future__ import annotations


def _offline_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError, TimeoutError]  # ConnectionError and requests' are OSErrors
    try:
        from deep_translator.exceptions import RequestError, TooManyRequests
        errors += [RequestError, TooManyRequests]
    except ImportError:
        pass
    return tuple(errors)


OFFLINE_ERRORS = _offline_errors()

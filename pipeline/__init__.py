"""verlag: German-first translation and publishing pipeline.

Stages, each a module, data flowing one way:
sources -> segment -> extract (catalog, merge) -> pretranslate -> editions.
"""

__version__ = "0.1.0"

# Called once with the "pipeline" logger when a module first asks for a logger (``logger``): the command line
# prints verlag's warnings as ``warning: …`` (``cli.main``).
ON_FIRST_LOGGER: list = []


def logger(name: str):
    """``logging.getLogger(name)`` for a module of verlag's, after ``ON_FIRST_LOGGER`` has run: logging (5 ms to
    import) is loaded only by a run that has something to say."""
    import logging

    while ON_FIRST_LOGGER:
        ON_FIRST_LOGGER.pop(0)(logging.getLogger(__name__))
    return logging.getLogger(name)

"""verlag: German-first translation and publishing pipeline.

Stages, each a module, data flowing one way:
sources -> segment -> extract (catalog, merge) -> pretranslate -> editions.
"""

__version__ = "0.1.0"

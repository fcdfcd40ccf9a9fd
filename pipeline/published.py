"""Which of the site's pages exist, for the QA checks: a translation may link a page of the site by its address
only where the site publishes that page (``check.check_link_target``).

The decision is the site stage's (``site.publication``, from the edition records), read here, never made a
second time; the records are read only when a catalog names one of the site's pages.
"""

from __future__ import annotations

import re
from functools import cached_property
from urllib.parse import urlsplit

from .config import Config

PAGE_PATH = r"([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([^/?]+)/?"  # <lang>/<slug>/ after the site's base path


class SitePages:
    """Which of the site's pages exist: (lang, slug) of every page the site publishes, as ``verlag build`` decides
    from the edition records (``site.published_editions``: the same decision, not a second one), read once
    and only when asked. ``verlag check``, the build's QA gate, the review report, ``status`` and ``align`` hand
    it to ``check_catalog``, so a translation's link to a page that will not exist is an error in all of them."""

    def __init__(self, config: Config):
        self.config = config
        base = urlsplit(config.site_url).path or "/"
        # as PAGE_PATH, the slug ending where an address does in a PO string or in Markdown
        self._named = re.compile(re.escape(base).encode() + rb"([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([^/?#\s\"'()<>\\]+)")
        self.mentioned: set[tuple[str, str]] = set()  # every page ``key`` found named

    @cached_property
    def published(self) -> frozenset[tuple[str, str]]:
        from .site import published_editions

        return published_editions(self.config)

    def __contains__(self, page: object) -> bool:
        return page in self.published

    def key(self, catalog: bytes | None) -> str:
        """For a cache key of a catalog's findings: the pages its bytes name by address that the site publishes
        ("" when it names none, without reading the records)."""
        named = {(m.group(1).decode(), m.group(2).decode("utf-8", "replace"))
                 for m in self._named.finditer(catalog or b"")}
        self.mentioned |= named
        return ",".join(sorted(f"{lang}/{slug}" for lang, slug in named if (lang, slug) in self)) if named else ""

    def moved(self) -> bool:
        """Whether a page that a catalog named (``key``) is published by the records as they are now and was not
        when these were read, or the other way round: a build that published it makes the editions that link
        it once more, so the QA gate reads what the site publishes."""
        if not self.mentioned:
            return False
        now = SitePages(self.config)
        return any((page in self) != (page in now) for page in self.mentioned)

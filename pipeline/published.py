"""Which of the site's pages exist, for the QA checks: a translation may link a page of the site by its address
only where the site publishes that page (``check.check_link_target``).

The decision is the site stage's (``site.publication``, from the edition records), read here, never made a
second time; for each page a catalog names, only that page's record and its German original's are read.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .config import Config
from .errors import VerlagError

if TYPE_CHECKING:
    from .site import Settings

PAGE_PATH = r"([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([^/?]+)/?"  # <lang>/<slug>/ after the site's base path


class SitePages:
    """Which of the site's pages exist: whether the site publishes (lang, slug), as ``verlag build`` decides it
    from the edition records (``site.page_published``: the same decision, not a second one), read per page
    when asked and remembered. ``verlag check``, the build's QA gate, the review report, ``status`` and
    ``align`` hand it to ``check_catalog``, so a translation's link to a page that will not exist is an error in
    all of them.

    A mistake in verlag.toml's ``[site]`` or ``[publish]`` makes every page count as published (no link to the
    site is judged) and is kept in ``error`` once a page was asked about: the other checks still run, and the
    mistake is reported once (``verlag check`` reports ``error``, the build's site stage its own).

    ``withheld``: pages counted as not published whatever their records say (the build's way out of pages that
    publish and withdraw each other in turn: ``editions.build_editions``)."""

    def __init__(self, config: Config, withheld: frozenset[tuple[str, str]] = frozenset()):
        self.config = config
        self.withheld = withheld
        site = config.site_url
        base = urlsplit(site).path or "/"
        at = re.escape((site[:len(site) - len(urlsplit(site).path)] + base).encode())  # base_url, with its "/"
        # An address of the site itself: its base path preceded by the rest of its base_url, or where a link
        # destination starts (in Markdown or HTML, in a PO string or a Markdown file); the slug ends as
        # PAGE_PATH's, where an address does in a PO string or in Markdown. The literal first lets the
        # search skip ahead to each "/" (a no-op build asks this of every catalog).
        path = re.escape(base.encode())
        self._named = re.compile(path + rb"(?:(?<=" + at + rb")|(?<=[(<\"'=\s]" + path + rb"))"
                                 + rb"([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([^/?#\s\"'()<>\\]+)")
        self.mentioned: set[tuple[str, str]] = set()  # every page ``key`` found named
        self._answers: dict[tuple[str, str], bool] = {}
        self.error: VerlagError | None = None  # the settings' mistake, once they were read (``_settings``)

    @cached_property
    def _settings(self) -> Settings | None:
        """``site.load_settings``, read once; None when verlag.toml's ``[site]`` or ``[publish]`` has a mistake
        (kept in ``error``)."""
        from .site import load_settings

        try:
            return load_settings(self.config)
        except VerlagError as exc:
            self.error = exc
            return None

    def __contains__(self, page: tuple[str, str]) -> bool:
        if page not in self._answers:
            from .site import page_published

            settings = self._settings
            self._answers[page] = page not in self.withheld and (
                settings is None or page_published(self.config, settings, *page))
        return self._answers[page]

    def key(self, catalog: bytes | None) -> str:
        """For a cache key of a catalog's findings: the pages its bytes name by an address of the site that the
        site publishes ("" when it names none, or the site has no address, without reading any record)."""
        if not self.config.site_url:
            return ""
        named = {(m.group(1).decode(), m.group(2).decode("utf-8", "replace"))
                 for m in self._named.finditer(catalog or b"")}
        self.mentioned |= named
        return ",".join(sorted(f"{lang}/{slug}" for lang, slug in named if (lang, slug) in self))

    def moved(self) -> bool:
        """Whether a page that a catalog named (``key``) is published by the records as they are now and was not
        when these were read, or the other way round: a build that published it makes the editions that link
        it once more, so the QA gate reads what the site publishes. Nothing named is nothing moved."""
        now = SitePages(self.config)
        return any((page in self) != (page in now) for page in self.mentioned)

    def withdrawn(self) -> frozenset[tuple[str, str]]:
        """The pages named (``key``) that these counted as published and the records as they are now do not: the
        editions made with these would link pages the site does not have."""
        now = SitePages(self.config)
        return frozenset(page for page in self.mentioned if page in self and page not in now)

"""In-page links of a German original (``[1](#fn1)``, ``<a href="#abschnitt">``) whose fragment names nothing on
its page: the reader's click leads nowhere, in every language.

A page's targets are the ids of its rendered body (``render.render``: h2-h6 headings, footnotes' ``fn1`` and
``fnref1``, the raw HTML's ``id`` and ``name``), which every translation keeps (its headings take the original's
ids, footnotes are numbered by the page, raw HTML is the original's), and those of the page around it
(``PAGE_IDS``). ``check`` and ``build`` name each such link at its file and line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .errors import VerlagError

if TYPE_CHECKING:
    from .sources import Article

# rawhtml and render (markdown-it) are imported where a page has an in-page link: a build that finds every page
# unchanged loads neither.

# The ids templates/base.html gives every page (the skip link's target, the search field), and "top", which
# a browser scrolls to without an element (HTML, "scroll to the fragment")
PAGE_IDS = frozenset({"main", "search-q", "top"})
_ID = re.compile(r"""<[^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def dangling(article: Article, references: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """(line, message) for each in-page link of ``article`` whose fragment no element of its page has;
    ``references``: its Markdown links and images (``media.stored_references``), the raw HTML's ``href`` are
    read here. Empty when the body cannot be rendered (segmenting it says why, at its file and line)."""
    links = [(url, line) for url, line in references if url.startswith("#") and len(url) > 1]
    if "#" in article.body and re.search(r"""href\s*=\s*["']?#""", article.body):
        from .rawhtml import html_addresses

        links += [(url, line) for url, line in html_addresses(article.body, article.body_line)
                  if url.startswith("#") and len(url) > 1]
    if not links:
        return []
    from .render import render

    try:
        body = render(article.body).html
    except VerlagError:
        return []
    ids = {next(filter(None, m.groups()), "") for m in _ID.finditer(body)} | PAGE_IDS
    return [(line, f"{url!r}: no heading or anchor on this page has the id {unquote(url[1:])!r}, so the link leads "
                   "nowhere, in every language (link a heading's id, or write the note as a footnote: [^1])")
            for url, line in sorted(set(links), key=lambda found: found[1]) if unquote(url[1:]) not in ids]

"""An address split into its parts, or None for one ``urllib.parse.urlsplit`` refuses to split.

urlsplit raises ``ValueError`` for a host in brackets that are not closed or hold no IPv6 address
(``https://[::1/x``) and for a host whose characters NFKC normalization turns into ``/``, ``?``, ``#``, ``@`` or
``:`` (``https://a℀b.example/``: ℀ is "a/c"). A guest author's front matter or raw HTML, an imported page and a
cloned project's verlag.toml may hold such an address, which no browser opens; read with urlsplit, it stopped a
whole command with an internal error. Each reader here takes None as "no address".
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

from . import LazyPattern

NO_ADDRESS = urlsplit("")  # the parts of no address: what a reader that needs parts takes for an unreadable one
BROKEN_HOST = ("is no address a browser opens: its host has a '[' without its ']' or an IPv6 address, or a "
               "character that reads as '/', '?', '#', '@' or ':' (such as ℀, 'a/c')")


C0_OR_SPACE = "".join(map(chr, range(0x21)))  # what a browser strips from both ends of an address
_TAB_OR_NEWLINE = LazyPattern(r"[\t\n\r]")  # what it drops within one


def as_browser_reads(url: str) -> str:
    """``url`` as the WHATWG URL Standard's basic URL parser reads it before its scheme (https://url.spec.whatwg.org/
    #concept-basic-url-parser): leading and trailing C0 controls and spaces stripped, every ASCII tab and newline
    removed. So ``jav&#x09;ascript:`` and ``java&#x0A;script:`` in a page are ``javascript:`` to its reader, while
    ``java script:`` has no scheme at all (a relative address). Where an import or check decides what an address
    runs, it reads it so: read as written, such a link was kept."""
    return _TAB_OR_NEWLINE.sub("", url.strip(C0_OR_SPACE))


def split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)``; None where it raises ``ValueError`` (see the module's note)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def site_host(netloc: str) -> str:
    """The host of an address (``netloc``) as one site: lower case, without a leading ``www.``, so that
    ``www.oldblog.example`` and ``oldblog.example`` are the same old blog."""
    return netloc.lower().removeprefix("www.")


def url_host(url: str) -> str:
    """The site a whole address (``url``, such as base_url or an article's old ``home``) is on, as ``site_host``
    gives it: ``https://WWW.Praxis.example/blog/`` -> ``praxis.example``; "" for an address without a host
    (``/blog/``, "") and for one no browser opens (``split_url`` gives None)."""
    return site_host((split_url(url) or NO_ADDRESS).netloc)

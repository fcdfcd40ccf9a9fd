"""The Atom feed of an edition (RFC 4287): who it names as author, and the article each entry carries.

``site`` renders ``feed.xml`` once per language; this module supplies the
two things an Atom processor needs beyond the list of articles. A feed names
an author unless every entry does (RFC 4287 4.1.1). An entry's
``<content type="html">`` (escaped HTML, RFC 4287 4.1.3.3) is read away from
the site: a relative address in it would resolve against the feed's own URL
(RFC 4287 section 2, ``xml:base``, which many readers ignore), so every
address is made absolute; and it is laid out by its own HTML, not by the
feed's ``xml:lang``, so it is wrapped in an element naming its language and
direction (``dir="rtl"`` for Arabic), as the page's ``<html>`` does.
"""

from __future__ import annotations

import re

from .bidi import text_direction
from .config import Config

# What XML 1.0 has no character for (section 2.2, the Char production), not even as a reference: C0 controls but
# tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF.
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def feed_author(config: Config) -> str:
    """The feed-level ``<author><name>``: ``[site] author``, else the project's ``author`` (the default
    for ``verlag new``), else the site ``name``. Raises ``VerlagError`` (verlag.toml and line) for a
    ``[site] author`` that is not a string."""
    chosen = config.section("site").get("author")
    if chosen is not None and not isinstance(chosen, str):
        raise config.error("author", f"expected a name in quotes, got {chosen!r}", "site")
    for name in (chosen, config.raw.get("author")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return config.name


def absolute_html(fragment: str, base_url: str, lang: str) -> str:
    """An HTML fragment (str) of an edition in ``lang`` (BCP 47) with every link, image and other resource address
    made absolute, inside one ``<div lang dir>``: a feed reader shows an Arabic entry right to left only by the
    HTML's own ``dir`` (``bidi.text_direction``; none for a language CLDR does not know).

    ``base_url`` is the absolute URL of the page the fragment belongs to: "/media/x.jpg",
    "../y/" and "#fn-1" resolve against it as a browser would (RFC 3986 5.2), through
    lxml.html's ``make_links_absolute`` (href, src, cite, action, ... of every element).
    Absolute addresses, ``mailto:`` and the like stay as they are; so does an address ``urljoin`` cannot read
    (``urlparts``: ``https://[::1/x``, which no browser opens either), where it stopped the whole build.
    """
    import lxml.html  # 0.06 s to import: a build whose feeds are unchanged never renders one

    # The body is opened here, not guessed by lxml: a fragment that starts with raw <html> or a
    # doctype (an author may write either in Markdown) is still a fragment.
    body = lxml.html.document_fromstring(f"<html><body>{fragment}</body></html>").body
    body.make_links_absolute(base_url, resolve_base_href=False, handle_failures="ignore")
    body.tag = "div"
    body.attrib.update({"lang": lang, **({"dir": direction} if (direction := text_direction(lang)) else {})})
    return lxml.html.tostring(body, encoding="unicode")


def xml_chars(text: str) -> str:
    """``text`` (a rendered feed) without the characters XML 1.0 cannot carry (``NOT_XML_RE``). A source or
    a catalog may hold one (YAML's ``"\\x01"``, a control character a translation tool let through); in the
    feed it would make the whole document not well-formed, and a reader would drop every entry."""
    return NOT_XML_RE.sub("", text)

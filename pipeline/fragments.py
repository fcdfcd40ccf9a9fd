"""In-page links of a German original (``[1](#fn1)``, ``<a href="#abschnitt">``) whose fragment names nothing on
its page: the reader's click leads nowhere, in every language.

A page's targets are the ids of its rendered body (``render.render``: h2-h6 headings, footnotes' ``fn1`` and
``fnref1``, the raw HTML's ``id`` and ``name``), which every translation keeps (its headings take the original's
ids, footnotes are numbered by the page, raw HTML is the original's), and those the site's templates give the page
around it (``page_ids``: the project's own ``templates/`` before verlag's theme, as the site renders them).
``check`` and ``build`` name each such link at its file and line, and each link to another article's file whose
fragment names nothing on that article's page (``abendlicht.md#was-hilft`` after its heading was renamed:
``into_articles``, ``missing_in``), with the headings' ids it could mean.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence
from urllib.parse import unquote

from .errors import VerlagError
from .fsutil import file_bytes
from .limits import TEMPLATE

if TYPE_CHECKING:
    from .sources import Article

# rawhtml and render (markdown-it) are imported where a page has an in-page link: a build that finds every page
# unchanged loads neither. The templates are read as text, without Jinja, for the same reason.

# "top", which a browser scrolls to without an element (HTML, "scroll to the fragment")
TOP = "top"
# An id or name attribute of a tag: its name, looked for from the tag's "<" to its first ">" (``_ids``), then its
# value, which may hold a ">" when quoted
_ID_NAME = re.compile(r"\s(?:id|name)\s*=\s*")
_ID_VALUE = re.compile(r""""([^"]*)"|'([^']*)'|([^\s>"']+)""")
# A template's source: Jinja comments (nothing of them is on the page), expressions and statements (a part of an
# attribute the page computes), references to the templates it is made with, its tags and their id attributes.
# A comment or expression not closed runs to the end of the template, as Jinja reads it (a syntax error the build
# names): searched to the end from every opening, a template of 8,000 "{{" took 2.4 s, 1 MB would take hours.
_JINJA_COMMENT = re.compile(r"\{#(?:.*?#\}|.*)", re.S)
_JINJA_CODE = re.compile(r"\{\{(?:.*?\}\}|.*)|\{%(?:.*?%\}|.*)", re.S)
_REFERENCE = re.compile(r"""\{%[-+]?\s*(?:extends|include|import|from)\s+(?:"([^"]+)"|'([^']+)')""")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r"""(?<=[\s\x00])(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_COMPUTED = "\x00"  # where the template's source had Jinja code


@dataclass(frozen=True)
class PageIds:
    """The ids the templates give a page around its body: ``names`` as written, and ``computed``, a pattern of
    those the page works out (``id="note-{{ n }}"``: any id starting "note-"); None where there are none."""

    names: frozenset[str] = frozenset({TOP})
    computed: re.Pattern | None = None

    def __contains__(self, fragment: object) -> bool:
        return fragment in self.names or (self.computed is not None and isinstance(fragment, str)
                                          and self.computed.fullmatch(fragment) is not None)


def page_template(article: Article) -> str:
    """The template the site renders ``article``'s page with: ``page.html`` for a standalone page, else
    ``article.html`` (``site._article_page``)."""
    return "page.html" if article.page else "article.html"


def page_ids(theme: Sequence[Path], template: str) -> PageIds:
    """The ids of a page rendered with ``template`` (a name inside the theme folders ``theme``, the first folder
    that has it counting, as Jinja's ``FileSystemLoader`` finds it) and every template it extends, includes or
    imports by a literal name, read from their sources: the ``id`` of any element and the ``name`` of an ``a``
    (HTML, "find a potential indicated element"), and "top". An id the template computes (``id="{{ x }}"``)
    matches every fragment of its shape; one under ``{% if %}`` counts, as the page may have it. A template that
    cannot be read (too large, not UTF-8) matches every fragment: the build names its problem."""
    names, patterns = {TOP}, []
    todo, seen = [template], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = next((folder / name for folder in theme if (folder / name).is_file()), None)
        if path is None:
            continue
        try:
            source = _JINJA_COMMENT.sub("", file_bytes(path, TEMPLATE).decode("utf-8"))
        except (OSError, VerlagError, UnicodeDecodeError):
            return PageIds(frozenset(names), re.compile(".*", re.S))
        todo += [a or b for a, b in _REFERENCE.findall(source)]
        for tag, attributes in _TAG.findall(_JINJA_CODE.sub(_COMPUTED, source)):
            for attribute, *value in _ATTRIBUTE.findall(attributes):
                if attribute.lower() == "name" and tag.lower() != "a":
                    continue
                written = "".join(value)
                if _COMPUTED in written:
                    patterns.append(".*".join(map(re.escape, written.split(_COMPUTED))))
                else:
                    names.add(written)
    return PageIds(frozenset(names), re.compile("|".join(patterns), re.S) if patterns else None)


def unmatched(article: Article, references: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """(line, link) of each in-page link of ``article`` whose fragment no element of its rendered body has;
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
    ids = set(_ids(body))
    return [(line, url) for url, line in sorted(dict.fromkeys(links), key=lambda found: found[1])
            if unquote(url[1:]) not in ids]


def _ids(body: str) -> Iterator[str]:
    """The value of the first ``id`` or ``name`` attribute of each tag of the HTML ``body``, as a regex
    ``<[^>]*?\\s(?:id|name)\\s*=\\s*`` + ``_ID_VALUE`` finds them searched through it, in linear time. That
    regex tried each "<" again up to the next ">" (quadratic in a run of "<" or "<a " without one: 8,000 took
    3 s); a "<" that has no such attribute before the next ">" tells that no "<" before that ">" has, so each
    stretch up to a ">" is looked through once."""
    pos = 0
    while (start := body.find("<", pos)) != -1:
        end = body.find(">", start)
        end = len(body) if end == -1 else end
        value, at = None, start + 1
        while value is None and (name := _ID_NAME.search(body, at, end)):
            value, at = _ID_VALUE.match(body, name.end()), name.start() + 1
        if value is None:
            pos = end + 1
            continue
        yield next(filter(None, value.groups()), "")
        pos = value.end()


def leading_nowhere(links: list[tuple[int, str]], ids: PageIds) -> list[tuple[int, str]]:
    """(line, message) for each of ``unmatched``'s ``links`` whose fragment the page's templates (``ids``) lack."""
    return [(line, f"{url!r}: no heading or anchor on this page has the id {unquote(url[1:])!r}, so the link leads "
                   "nowhere, in every language (link a heading's id, or write the note as a footnote: [^1])")
            for line, url in links if unquote(url[1:]) not in ids]


def dangling(article: Article, references: list[tuple[str, int]], theme: Sequence[Path]) -> list[tuple[int, str]]:
    """(line, message) for each in-page link of ``article`` whose fragment no element of its page has: neither
    of its body (``unmatched``) nor of the templates in the folders ``theme`` (``page_ids``)."""
    links = unmatched(article, references)
    return leading_nowhere(links, page_ids(theme, page_template(article))) if links else []


def target_ids(article: Article) -> list[list[str]] | None:
    """[its h2-h6 headings' ids in order, every other id of its body] of ``article``'s rendered body (the ids a
    link from another article may name: every edition's headings take the German's), or None when it cannot be
    rendered (segmenting it says why)."""
    from .render import render

    try:
        rendered = render(article.body)
    except VerlagError:
        return None
    headings = list(rendered.ids)
    return [headings, sorted(set(_ids(rendered.html)) - set(headings))]


def into_articles(references: list[tuple[str, int]], slug_of: Callable[[str], str]) -> list[tuple[int, str, str]]:
    """(line, link, slug) of each link among ``references`` to an article's file with a fragment
    (``abendlicht.md#was-hilft``), ``slug_of`` giving the slug of the page a file name leads to
    (``redirects.file_slug``)."""
    from .media import linked_article

    found = []
    for url, line in references:
        address, hashed, fragment = url.partition("#")
        if hashed and fragment and (name := linked_article(address)) is not None:
            found.append((line, url, slug_of(name)))
    return sorted(dict.fromkeys(found))


def missing_in(url: str, slug: str, ids: list[list[str]], theirs: PageIds) -> str | None:
    """What is wrong with ``url``, a link to the article ``slug`` (``into_articles``), whose page has the body
    ``ids`` (``target_ids``) and the templates' ids ``theirs``: None when its fragment names one of them, else a
    message naming the headings' ids it could mean, the closest first (a heading renamed leaves the links to
    its old id leading to the top of the page, in every language)."""
    fragment = unquote(url.partition("#")[2])
    headings, others = ids
    if fragment in headings or fragment in others or fragment in theirs:
        return None
    close = difflib.get_close_matches(fragment, headings, n=max(len(headings), 1), cutoff=0.3)
    named = [*close, *(h for h in headings if h not in close)]
    shown = ", ".join(f"#{h}" for h in named[:8]) + (f" and {len(named) - 8} more" if len(named) > 8 else "")
    return (f"{url!r}: the article {slug!r} has no heading or anchor with the id {fragment!r} (a heading renamed?), "
            "so the link opens its page at the top, in every language; "
            + (f"its headings' ids: {shown}" if named else "it has no headings (h2-h6)")
            + " (link one, or add <a id=\"…\"></a> where it should lead)")

"""Which of the site's pages exist, for the QA checks: a translation may link a page of the site by its address
only where the site publishes that page (``check.check_link_target``).

The decision is the site stage's (``site.publication``), never made a second time: over the editions the next build
makes from the sources and catalogs as they are (``PlannedPages``: the build's QA gate, ``check``, ``status``,
``review``, ``import``), or over the edition records as the last build wrote them (``SitePages``: what is on the
site now; for each page asked about, only that page's record and its German original's are read).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Container, Mapping
from urllib.parse import unquote

from .config import Config
from .errors import VerlagError
from .redirects import file_slug, last_name, old_names, old_path
from .urlparts import NO_ADDRESS, split_url, url_host

if TYPE_CHECKING:
    from .glossary import Glossary
    from .site import Settings
    from .sources import Article, Sources

PAGE_PATH = r"([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([^/?]+)/?"  # <lang>/<slug>/ after the site's base path
_PAGE = re.compile(PAGE_PATH)


# The file name of a link to an article, in a PO string: a whole run of the characters a file name may hold, up to
# its last ".md". The lookbehind starts a match only where such a run starts: without it every later character
# of a run was tried as a start again (quadratic in the run; every word of a catalog is one).
_NAME_CHAR = rb"[^/\s()<>\[\]\"'\\]"
_MD_LINK = re.compile(rb"(?<!" + _NAME_CHAR + rb")(" + _NAME_CHAR + rb"+)\.md\b")
# A root-relative address where a link destination starts (Markdown or HTML, in a PO string): up to its fragment
# or query, with balanced parentheses as CommonMark reads them (``/2019/tee-(neu)/``); in a Markdown destination
# between "<" and ">" spaces too (``[x](</2023/11/tee kaffee/>)``)
_PATH_CHAR = rb"[^\s\"'()<>\\#?]"
_ROOT_PATH = re.compile(rb"/(?:(?<=\(</)[^<>#?\\\n]*(?=>)|(?<=[(\"'=\s]/)(?:" + _PATH_CHAR + rb"|\(" + _PATH_CHAR
                        + rb"*\))*)")  # "/" first, the lookbehinds after it: re skips to each "/" (36× faster)


class SitePages:
    """Which of the site's pages exist: whether the site publishes (lang, slug), as the last ``verlag build``
    decided it, from its edition records (``site.page_published``: the same decision, not a second one), read
    per page when asked and remembered (``taken_off``, the review report). ``PlannedPages`` decides it as the next
    build will; the build's QA gate and ``verlag check`` hand that to ``check_catalog``, so a translation's link
    to a page that will not exist is held back.

    A mistake in verlag.toml's ``[site]`` or ``[publish]`` makes every page count as published (no link to the
    site is judged) and is kept in ``error`` once a page was asked about: the other checks still run, and the
    mistake is reported once (``verlag check`` reports ``error``, the build's site stage its own).

    ``renamed``: the German originals' file and old names -> slugs (``renamed_originals``), for
    ``check_catalog``: a link to ``<file name>.md`` leads to the page of the file's article."""

    def __init__(self, config: Config, renamed: Mapping[str, str] | None = None):
        self.config = config
        self.renamed = renamed or {}
        site = config.site_url
        path = (split_url(site) or NO_ADDRESS).path
        self._base = base = path or "/"
        # base_url with its "/", in each form a browser reaches the same site by: with and without "www."
        # (``urlparts.site_host``), by http and https; each fixed-width, as a look-behind must be
        host = url_host(site)
        ats = [re.escape(f"{scheme}://{www}{host}{base}".encode())
               for scheme in ("https", "http") for www in ("", "www.")] if host else [re.escape(base.encode())]
        # An address of the site itself: its base path preceded by the rest of its base_url, or where a link
        # destination starts (in Markdown or HTML, in a PO string or a Markdown file); the slug ends as
        # PAGE_PATH's, where an address does in a PO string or in Markdown. The literal first lets the
        # search skip ahead to each "/" (a no-op build asks this of every catalog).
        # Under a sub-path, a link destination's root-relative path outside it names the page below it too
        # (``media.on_site``: ``/en/zecken/`` is ``/praxis/en/zecken/``), as the pages write it.
        path = re.escape(base.encode())
        outside = rb"|/(?<=[(<\"'=\s]/)" if base != "/" else rb""
        self._named = re.compile(rb"(?:" + path + rb"(?:" + b"|".join(rb"(?<=" + at + rb")" for at in ats)
                                 + rb"|(?<=[(<\"'=\s]" + path + rb"))" + outside
                                 + rb")([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/([^/?#\s\"'()<>\\]+)")
        self._answers: dict[tuple[str, str], bool] = {}

    @cached_property
    def recorded_renames(self) -> dict[str, str]:
        """Old slug -> new slug of every rename verlag recorded (``orphans.renamed_articles``: extract's record and
        the site's in ``site.json``), read once per run and only when first asked: ``check_link_target`` asks
        only of a link that differs from the German's."""
        from .orphans import renamed_articles

        return renamed_articles(self.config)

    @cached_property
    def _settings(self) -> Settings | None:
        """``site.load_settings``, read once; None when verlag.toml's ``[site]`` or ``[publish]`` has a mistake
        (``site.settings_errors`` names it)."""
        from .site import load_settings

        try:
            return load_settings(self.config)
        except VerlagError:
            return None

    def __contains__(self, page: tuple[str, str]) -> bool:
        if page not in self._answers:
            settings = self._settings
            self._answers[page] = settings is None or self._decide(page, settings)
        return self._answers[page]

    def _decide(self, page: tuple[str, str], settings: Settings) -> bool:
        """Whether the site publishes ``page``, (lang, slug), by the edition records."""
        from .site import page_published

        return page_published(self.config, settings, *page)

    def key(self, catalog: bytes | None) -> str:
        """For a cache key of a catalog's findings: what the link-target check reads outside the catalog about the
        site's pages its links name (``key_of``); "" when its links name none, without reading any record."""
        return self.key_of(*self.findings(catalog))

    def findings(self, catalog: bytes | None) -> tuple[list[list[str]], list[str], list[str]]:
        """What ``key`` reads in a catalog's bytes, sorted, as JSON keeps it (so a build keeps it by the catalog's
        digest): the [lang, slug] pages it names by an address of the site (none when the site has no address),
        the names of the ``<name>.md`` files it links (``media.linked_article``'s name: the file name,
        %-decoded), and the root-relative addresses it links (``redirects.old_path``: ``/2022/schlaf.html``),
        each an old address an article's ``aliases:`` may keep or a page's address (``/de/alt/``).

        The strings are scanned as the catalog's parser reads them: a string's continuation lines joined (the PO
        writer wraps a long msgstr after a "/" of an address, ``](/2023/11/"`` + ``"alter-pfad/)``), at any of the line
        ends the parser reads."""
        data = (catalog or b"").replace(b'"\r\n"', b"").replace(b'"\n"', b"").replace(b'"\r"', b"")  # CRLF, LF, CR
        named = sorted({(m.group(1).decode(), m.group(2).decode("utf-8", "replace"))
                        for m in self._named.finditer(data)}) if self.config.site_url else []
        names = sorted({unquote(m.group(1).decode("utf-8", "replace"))
                        for m in _MD_LINK.finditer(data)}) if b".md" in data else []
        paths = sorted({path for m in _ROOT_PATH.finditer(data)
                        if (path := old_path(m.group().decode("utf-8", "replace")))})
        return [list(page) for page in named], names, paths

    def key_of(self, named: list[list[str]], names: list[str], paths: list[str]) -> str:
        """``key`` of a catalog from its ``findings``: the pages named that the site publishes (only with the site's
        address known: ``check_link_target`` asks it only then); ``|name>slug`` for each linked ``<name>.md`` and
        each root-relative address that ``renamed`` maps (``redirects.file_slug``: the page of the file, also when
        another article's slug is its name; an alias's old address); and ``|slug>>last`` for each slug these name
        that a rename verlag recorded moved (``recorded_renames``, read when the catalog links anything). So an
        edit of the linked article's ``slug:`` or ``aliases:``, or a rename recorded or forgotten, makes the
        catalog's findings, edition and page again, though neither it nor its article changed. A no-op build asks
        this of every catalog: without renames of either kind it only reads the record once."""
        renamed = ""
        if self.renamed:
            renamed = "".join(f"|{name}>{file_slug(self.renamed, name)}" for name in names
                              if name in self.renamed or f"{name}.md" in self.renamed)
            renamed += "".join(f"|{path}>{self.renamed[path]}" for path in paths if path in self.renamed)
        if (named or names or paths) and (recorded := self.recorded_renames):
            base, slugs = self._base, {slug for _, slug in named}
            slugs.update(file_slug(self.renamed, name) for name in names)
            slugs.update(self.renamed[path] for path in paths if path in self.renamed)
            slugs.update(page.group(2) for path in paths
                         if path.startswith(base) and (page := _PAGE.fullmatch(path, len(base))))
            renamed += "".join(f"|{slug}>>{last_name(slug, recorded)}" for slug in sorted(slugs) if slug in recorded)
        if not self.config.site_url:
            return renamed
        return ",".join(sorted(f"{lang}/{slug}" for lang, slug in named if (lang, slug) in self)) + renamed


class PlannedPages(SitePages):
    """Which of the site's pages the next ``verlag build`` publishes, decided as it will decide it: the site stage's
    ``site.publication`` over each named translation's edition made in memory from the current source and catalog,
    with the segments its QA gate holds back (``editions.catalog_edition``), never from the last build's records: a
    fresh clone has none (``editions/`` is not committed), and a catalog saved since the build changes them.
    The build's QA gate (``editions.build_editions``), ``verlag check``, ``status``, ``review`` and ``import`` judge
    links with it, so a fresh clone's build and an incremental one make the same site, and check agrees with both.

    A translation whose publication hangs on links to other translations is decided with them, together, as a build
    from no records settles them: the least set of pages that publishes itself, starting from none published; each
    page's edition is made once, and again only when a page it links became published.
    An article or catalog that cannot be read keeps the pages its records give (the build keeps its editions), and
    so does a translation whose edition fails otherwise (a bug): that failure, ``source_de/<slug>.md: <what> (while
    building the editions)`` as the build says it, is kept in ``failures`` for the caller to report.
    ``sources``: ``read_sources(config)``; ``glossary``: the project's (its errors hold segments back too)."""

    def __init__(self, config: Config, sources: Sources, glossary: Glossary):
        super().__init__(config, renamed_originals(sources))
        self._articles = {a.slug: a for a in sources.articles}
        self._german_only = {a.slug for a in sources.german_only if not a.draft}
        self._unreadable = sources.unreadable
        self._glossary = glossary
        self._documents: dict[str, tuple] = {}  # slug -> (segmentation, words of its HTML blocks)
        self.failures: list[VerlagError] = []  # ``ArticleFailure``s of the editions made here, one per article

    def _decide(self, page: tuple[str, str], settings: Settings) -> bool:
        fixed = self._fixed(page, settings)
        if fixed is not None:
            return fixed
        # The least set that publishes itself, from none published: a page is made again only when a page its
        # edition asked about became published (publication only grows as more pages are published), and only
        # once no page is left that was never made: an overview linking N pages is made twice, not N times.
        published: set[tuple[str, str]] = set()
        readers: dict[tuple[str, str], set[tuple[str, str]]] = {}  # page -> the pages whose editions asked of it
        seen, todo, again = {page}, [page], set()
        while todo or again:
            current = todo.pop() if todo else min(again)
            again.discard(current)
            if current in published:
                continue
            gate = _Gate(self, settings, published)
            if self._publishes(current, settings, gate):
                published.add(current)
                again |= readers.get(current, set()) - published
            for asked in gate.asked:
                readers.setdefault(asked, set()).add(current)
                if asked not in seen:
                    seen.add(asked)
                    todo.append(asked)
        self._answers.update((p, p in published) for p in seen)
        return page in published

    def _fixed(self, page: tuple[str, str], settings: Settings) -> bool | None:
        """Whether the site publishes ``page``, known without making an edition; None for a translation of a
        readable article, which needs one."""
        lang, slug = page
        source = self.config.source_language
        if page in self._answers:
            return self._answers[page]
        if slug in self._unreadable:
            return super()._decide(page, settings)
        if lang != source and lang not in self.config.languages:
            return False
        article = self._articles.get(slug)
        if lang == source:
            return slug in self._german_only or (article is not None and not article.draft)
        return None if article is not None and not article.draft else False

    def _publishes(self, page: tuple[str, str], settings: Settings, gate: Container[tuple[str, str]]) -> bool:
        """Whether the site publishes the translation ``page`` made now, its QA gate counting ``gate`` published; by
        its record when its article or catalog cannot be read (the build keeps the edition it had), and when making
        its edition fails otherwise (kept in ``failures``: the build contains it to the article the same way)."""
        from .errors import ArticleFailure, stage

        article = self._articles[page[1]]
        try:
            with stage(article.ref, "building the editions"):
                return self._edition_published(article, page[0], settings, gate)
        except ArticleFailure as exc:
            if str(exc) not in map(str, self.failures):
                self.failures.append(exc)
        except VerlagError:  # the build cannot make it either and keeps the edition it had; check names the file
            pass
        return super()._decide(page, settings)

    def _edition_published(self, article: Article, lang: str, settings: Settings,
                           gate: Container[tuple[str, str]]) -> bool:
        """``_publishes`` for an edition that can be made; raises as making it raises."""
        from .site import edition_published

        return edition_published(self.config, settings, self._edition(article, lang, gate), article)

    def _edition(self, article: Article, lang: str, gate: Container[tuple[str, str]]):
        """The ``lang`` edition of ``article`` as the build makes it, its QA gate counting ``gate`` published."""
        from . import doccache
        from .editions import catalog_edition
        from .errors import stage
        from .rawhtml import german_blocks, german_words
        from .segment import segment_article

        if article.slug not in self._documents:  # extract's segmentation when it is stored, else made here
            with stage(article.ref, "segmenting"):
                doc = doccache.stored(self.config, article) or segment_article(
                    article, self.config.segmentation, self.config.source_language)
            self._documents[article.slug] = (doc, german_words(german_blocks(article)))
        doc, german = self._documents[article.slug]
        edition, _ = catalog_edition(self.config, article, doc, lang, self._glossary, gate, german, self.renamed)
        return edition

    def held_back(self, page: tuple[str, str], untranslated: str = "") -> str:
        """What holds the translation ``page`` (lang, slug) off the site as the next build decides it: each of
        ``[publish] min_translated`` and ``min_reviewed`` it misses with its figures (``site.missed``), e.g.
        "[publish] min_reviewed (44.4 % reviewed, 50 needed)"; ``untranslated`` when it shows nothing translated
        (``site.publication``'s NOT_TRANSLATED, which the build lists apart, "nothing translated yet"); "" when it
        is published, is not made from a readable article and catalog, or the settings have a mistake
        (``site.settings_errors`` names it). Raises as making its edition raises."""
        from .site import edition_page, missed

        lang, slug = page
        article, settings = self._articles.get(slug), self._settings
        if settings is None or article is None or article.draft or slug in self._unreadable \
                or lang not in self.config.languages or page in self:
            return ""
        page_made = edition_page(self.config, self._edition(article, lang, self), article)
        if not page_made.translated:  # the build says "nothing translated yet" of it, not a setting's figures
            return untranslated
        return "; ".join(f"[publish] {name} ({figures})" for name, figures in missed(page_made, settings))


    def not_shown(self, page: tuple[str, str]) -> str:
        """Why the next build publishes no page for the translation ``page`` (lang, slug) that shows nothing
        translated, in the build's words (``site.not_translated_reason``); "" when it shows something, is not made
        from a readable article and catalog, or the settings have a mistake. Raises as making its edition raises."""
        from .site import edition_page, not_translated_reason

        lang, slug = page
        article = self._articles.get(slug)
        if self._settings is None or article is None or article.draft or slug in self._unreadable \
                or lang not in self.config.languages or page in self:
            return ""
        page_made = edition_page(self.config, self._edition(article, lang, self), article)
        return "" if page_made.translated else not_translated_reason(self.config, lang, slug, page_made.segments)


def renamed_originals(sources: Sources) -> dict[str, str]:
    """``redirects.old_names`` of the German originals that are not drafts: the names a link to ``<name>.md`` may
    give an article other than its slug (its file's, when ``slug:`` differs; the names its aliases held)."""
    return old_names(a for a in (*sources.articles, *sources.german_only) if not a.draft)


class _Gate:
    """The pages ``PlannedPages`` counts as published while it settles a group of translations: the answers it
    knows, and of the others ``published``; the translations asked about that need an edition are in ``asked``."""

    def __init__(self, pages: PlannedPages, settings: Settings, published: set[tuple[str, str]]):
        self.pages, self.settings, self.published = pages, settings, published
        self.asked: list[tuple[str, str]] = []

    def __contains__(self, page: object) -> bool:
        fixed = self.pages._fixed(page, self.settings)
        if fixed is not None:
            return fixed
        self.asked.append(page)
        return page in self.published


def taken_off(config: Config, lang: str, slug: str) -> list | None:
    """Whether the next ``verlag build`` takes the translation (``lang``, ``slug``) off the site: the last build
    published it (its records: ``SitePages``) and the next, from the sources and catalogs as they are now, does not
    (``PlannedPages``). None when the page stays, or was not on the site. Else the error ``check.Finding``s of its
    catalog, whose segments the build shows in German (the QA gate), in entry order; none when only reviewed or
    translated text is lacking (``[publish] min_reviewed``, ``min_translated``). ``import --translation-of`` asks
    it, so bringing in more human translation never shrinks the site without saying so."""
    from .catalog import decode_po, po_from_bytes
    from .check import ERROR, check_catalog
    from .fsutil import file_bytes, relpath
    from .glossary import load_glossary
    from .limits import CATALOG
    from .segment import reference_labels
    from .sources import read_sources

    page = (lang, slug)
    if page not in SitePages(config):
        return None
    sources = read_sources(config)
    glossary = load_glossary(config.translations_dir, config.root)
    planned = PlannedPages(config, sources, glossary)
    if page in planned:
        return None
    article = next((a for a in sources.articles if a.slug == slug), None)
    path = config.po_path(lang, slug)
    if article is None or not path.is_file():
        return []
    ref = relpath(path, config.root)
    data = file_bytes(path, CATALOG, ref)
    findings = check_catalog(po_from_bytes(data, ref), ref, lang, slug, glossary,
                             reference_labels(article), decode_po(data, ref), config.source_language, errors_only=True,
                             site_url=config.site_url, published=planned, languages=config.languages)
    return [f for f in findings if f.severity == ERROR]

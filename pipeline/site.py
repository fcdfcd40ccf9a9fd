"""Stage: the editions -> the static website in ``site/``.

Load everything, then write (as Pelican does): the switcher, hreflang
clusters, indexes, feeds and the sitemap need every published edition known
before the first page is written. Pages are read from what the editions stage
wrote (``editions/<lang>/<slug>.json``), never from the catalogs. One URL
function (``Urls``) makes every address; templates never assemble one.

Every file goes through ``write_if_changed``: a build where nothing changed
writes nothing, and editing one article rewrites its pages plus the indexes,
feeds and sitemap that show it. Markdown is rendered again only when an
edition's text changed (cache in ``.verlag/site-bodies.sqlite``); the indexes, feeds,
404 pages, root index and sitemap only when a page they may show changed
(a key over every page's key, the held-back lists and the theme). Article bodies, and
the links and images of the German originals, are worked out per article in
the process pool (``pool.map_articles``, ``--jobs``) and taken in the order
the pages are written; the parent keeps what needs every article (indexes,
feeds, sitemap, Pagefind), so the bytes are those of a one-process run. A
``site/_review/`` left by verlag before 0.9 (the review report, drafts
included) is never touched, but every build warns until it is deleted:
site/ is what is uploaded. Local files the German articles reference are copied byte for
byte to ``site/media/`` (``media``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import os
import re
import shutil
import traceback
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Container, Iterable, Mapping
from urllib.parse import quote, unquote, urljoin

from markupsafe import Markup, escape

from .bidi import mark_directions, text_direction
from .config import CONFIG_NAME, DEFAULT_BASE_URL, Config, header_line, language_ranges, lookup, publish_setting
from .counts import counted
from .editions import FALLBACK_CLOSE, FALLBACK_OPEN, Edition, edition_files, edition_record, record_path
from .errors import ManyErrors, VerlagError, contain, describe, raise_all
from .feed import absolute_html, feed_author, xml_chars
from .fsutil import NotAFile, code_digest, contained, file_bytes, Folders, LinkedFolders, load_state, names_ending, \
    read_bytes, regular, relpath, remove_empty_parents, save_state, state_bytes, write_if_changed, write_new, \
    write_state
from .handedits import SiteFiles, digest, site_link
from .limits import EDITION, MEDIA, SITE_WORDS, STATE, TEMPLATE
from .media import Media, collect_media, file_path, on_site, stored_references, unscanned
from .moved import moved_outputs, moved_paths
from .practice import (Localized, Practice, check_legal, load_practice, translator_names, unfilled, unfilled_errors,
                       unlinked_pages)
from .search import BUNDLE, index_site, unstemmed, unstemmed_advice
from .redirects import Redirect, draft_message, file_slug, gone_language_message, gone_listed, gone_message, \
    gone_published, kept, left_out_message, old_names, old_path, redirect_files
from .renames import (ORIGINALS, RECORD as RENAMED, RECORD_FILE, TITLES, Renamed, committed, feed_names, link_names,
                      renamed_addresses)
from .sources import (Article, Moment, Sources, author_names, calendar_day, later, read_date, read_sources,
                      same_titles, without_text)
from .statrecord import StatRecord
from .urlparts import split_url, url_host
from .tagwarnings import TagWarnings
from .states import MACHINE, REVIEWED, STALE, UNTRANSLATED
from .uistrings import BUILTIN_TRANSLATIONS, JINJA_EXTENSIONS, MESSAGE_OPEN, Worded, english_advice, \
    english_fallback, gettext_as_text, in_english, load_translations, mark_english, theme_dirs, theme_messages, \
    translations_digest, unmarked

if TYPE_CHECKING:
    import sqlite3

    from babel import Locale
    from jinja2 import Environment, FileSystemBytecodeCache

    from .sqlitedb import Database

    from .pool import Results

# Jinja2, Babel, the Markdown renderer and the process pool (0.3 s to import) are imported where a page,
# body or list is rendered: a build that finds every page unchanged by its key never loads them.

STATE_FILE = "site.json"
GONE = "gone"  # STATE_FILE's record of the published addresses builds took down (``_gone_addresses``)
GONE_REDIRECTS = "gone_redirects"  # and of the redirects from their old addresses they took along (``redirects.record``)
FOOTERS = "footers"  # and of the legal footers of the pages written without a template (``_kept_footers``)
# The type of each value of STATE_FILE as a build writes it; lists hold file or page names.
STATE_TYPES = {"files": list, "link": str, "bodies": list, "pages": dict, "lists": str, "media": dict, "spoken": dict,
               "redirects": dict, "search": str, GONE: dict, GONE_REDIRECTS: dict, RENAMED: dict,
               ORIGINALS: dict, TITLES: dict, FOOTERS: dict}
BODIES_FILE = "site-bodies.sqlite"  # the rendered article bodies (``_StoredBodies``), each read when needed
RECORDS_FILE = "site-records.json"  # the edition records' fields but the body, by the record's SHA-256 (``load_pages``)
OLD_BODIES_FILE = "site-bodies.json"  # where verlag kept them as one JSON document (156 MB at 10,000 articles)
OLD_REVIEW = "_review"  # where the review report went before it moved out of site/ (review/)
WORDS_PER_MINUTE = 200
DEFAULT_MIN_TRANSLATED = 80  # percent; po4a-translate(1) --keep: "minimal threshold ... (default: 80)"
DEFAULT_FEED_ENTRIES = 20  # each entry carries a whole article; Nikola and jekyll-feed keep 10
SEARCH_SCRIPT = "search.js"  # static/search.js: the search box's results, made only with [site] search = true


@dataclass(frozen=True)
class Settings:
    base_url: str  # absolute, ends with "/"
    min_reviewed: dict[str, float]  # lang -> percent of words reviewed an edition needs to be published
    min_translated: dict[str, float]  # lang -> percent of words shown in that language an edition needs
    feed_entries: int  # the newest articles each feed carries
    feed_author: str  # the name every feed gives as its author
    search: bool  # a Pagefind index and a search box (``[site] search``, default true)
    clean_html: bool = False  # ``[site] german_html = "clean"``: bodies through ``render.sanitized``


def load_site_state(config: Config) -> dict:
    """``STATE_FILE`` as the last build left it, each value of the type a build writes (``STATE_TYPES``) and each
    list's names text: any other value (a damaged or crafted file) is left out, so that part is made again, as
    without the file."""
    state = {}
    for key, value in load_state(config.state_dir / STATE_FILE).items():
        kind = STATE_TYPES.get(key)
        if kind is not None and isinstance(value, kind):
            state[key] = [name for name in value if isinstance(name, str)] if kind is list else value
    return state


def load_settings(config: Config) -> Settings:
    """``[site] base_url``, ``feed_entries``, ``author``, ``german_html`` and ``gone`` (``redirects.gone_listed``),
    ``[publish] min_reviewed`` and ``min_translated`` (percent of German words, global and per language),
    validated; mistakes raise
    ``VerlagError`` naming verlag.toml and the line (``ManyErrors``, in line order, for several: the author
    fixes them all after one run)."""
    errors: list[VerlagError] = []
    base = config.section("site").get("base_url", DEFAULT_BASE_URL)
    parts = split_url(base) if isinstance(base, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or "@" in parts.netloc \
            or not parts.path.endswith("/") and "." in parts.path.rpartition("/")[2] \
            or re.search(r"[\x00-\x20\x7f]", base):  # urlsplit drops tabs and line feeds; robots.txt would not
        # a user name or password (https://user:pw@host/) would be printed in every page's canonical, hreflang,
        # feed and sitemap address, for every reader and crawler to see
        errors.append(config.error("base_url", "expected the address of the site's folder, http(s) with a host, no "
                                   "user name or password (user:pw@), file name, query, '#', space or control "
                                   "character (a space is %20), such as "
                                   f"\"https://example.org/\" or \"https://example.org/blog/\", got {base!r}", "site"))
    entries = config.section("site").get("feed_entries", DEFAULT_FEED_ENTRIES)
    if isinstance(entries, bool) or not isinstance(entries, int) or entries < 1:
        errors.append(config.error("feed_entries", f"expected a number of articles (1 or more), got {entries!r}",
                                   "site"))
    reviewed = _percentages(config, "min_reviewed", 0, errors)
    translated = _percentages(config, "min_translated", DEFAULT_MIN_TRANSLATED, errors)
    search = config.section("site").get("search", True)
    if not isinstance(search, bool):
        errors.append(config.error("search", f"expected true or false, got {search!r}", "site"))
    german_html = config.section("site").get("german_html", "keep")
    if german_html not in ("keep", "clean"):
        errors.append(config.error("german_html", f'expected "keep" (the German original\'s raw HTML as written) or '
                                   f'"clean" (no scripts, embeds or content from other hosts), got {german_html!r}',
                                   "site"))
    errors += gone_listed(config)[1]
    try:
        author = feed_author(config)
    except VerlagError as exc:
        errors.append(exc)
    raise_all(sorted(errors, key=lambda e: e.line or 0))
    return Settings(base.rstrip("/") + "/", reviewed, translated, entries, author, search, german_html == "clean")


def _percentages(config: Config, name: str, default: float, errors: list[VerlagError]) -> dict[str, float]:
    """``[publish] name`` per language (``[publish.<lang>]`` or its fallback's overrides: ``publish_setting``),
    each a percentage from 0 to 100; a mistake is appended to ``errors`` (once for ``[publish]``, once per
    ``[publish.<lang>]``)."""
    publish = config.section("publish")
    limits, said = {}, set()
    for lang in config.languages:
        value, table = publish_setting(publish, lang, name, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            if table not in said:
                said.add(table)
                errors.append(config.error(name, f"expected a percentage from 0 to 100, got {value!r}", table))
            continue
        limits[lang] = float(value)
    return limits


def settings_errors(config: Config, sources: Sources) -> list[VerlagError]:
    """Every mistake in verlag.toml that stops ``verlag build``: all of ``load_settings``'s, the first of
    ``practice.load_practice`` with ``check_legal``, and ``practice.translator_names``; ``verlag check`` reports
    them so that a clean check means a build that runs. ``sources``: ``read_sources(config)``, for the pages
    ``[site] legal`` may name (as the build counts them: pages, drafts, pages with placeholders, unreadable files)."""
    errors: list[VerlagError] = []
    pages = [*(a.slug for a in (*sources.articles, *sources.german_only) if a.page or a.draft or unfilled(a)),
             *sources.unreadable]
    for validate in (load_settings, translator_names, lambda config: check_legal(config, load_practice(config), pages)):
        try:
            validate(config)
        except ManyErrors as exc:
            errors += exc.errors
        except VerlagError as exc:
            errors.append(exc)
    return errors


@dataclass(frozen=True)
class Urls:
    """The one URL function: every page's address, site-root-relative or absolute."""

    base_url: str

    @property
    def base_path(self) -> str:
        """The path of ``base_url`` ("/blog/"); "/" while it is no address (``Config.site_url`` "": a mistake of
        verlag.toml that ``load_settings`` names), so that check's other findings still name the pages' paths."""
        return "/" + self.base_url.partition("://")[2].partition("/")[2]

    def path(self, kind: str, lang: str | None = None, slug: str | None = None, name: str | None = None) -> str:
        tail = {
            "root": "",
            "index": f"{lang}/",
            "article": f"{lang}/{slug}/",
            "feed": f"{lang}/feed.xml",
            "404": f"{lang}/404.html" if lang else "404.html",
            "static": f"static/{quote(name or '')}",
            "search": f"{BUNDLE}/{name}",  # the Pagefind bundle (search.py)
            "media": f"media/{quote(name or '')}",  # name: the file's path in source_de/
            "sitemap": "sitemap.xml",
            "favicon": "favicon.ico",
            "robots": "robots.txt",
        }[kind]
        return self.base_path + tail

    def absolute(self, *args, **kwargs) -> str:
        return self.base_url + self.path(*args, **kwargs)[len(self.base_path):]

    def serves(self, path: str, languages: Container[str], static: Container[str] | None = None,
               media: Container[str] | None = None) -> bool:
        """Whether a site-root-relative ``path`` (%-encoded or not) may be answered: it lies where verlag
        publishes (the site's front page, a folder of one of ``languages``, BCP 47 codes, or a file or folder
        ``path`` gives), or outside the site's base path, on the host, where something else may answer. An article
        page's address in a language folder (``page_address``) is not among them: only an article answers it; nor,
        given ``static`` (``static_names``), a path in the site's static/ folder that names none of its files, nor,
        given ``media`` (the paths in source_de/ of the files the build copies to media/), one in media/ that
        names none of those."""
        if not path.startswith(self.base_path):
            return True
        top = unquote(path[len(self.base_path):]).partition("/")[0]
        if top in languages:
            return self.page_address(path, languages) is None
        if static is not None and (name := self.static_name(path)) is not None:
            return name in static
        if media is not None and (name := self.media_name(path)) is not None:
            return name in media
        return top in {self.path(kind, name="")[len(self.base_path):].partition("/")[0]
                       for kind in ("root", "404", "static", "search", "media", "sitemap", "favicon", "robots")} \
            | {"index.html"}

    def page_address(self, path: str, languages: Container[str]) -> tuple[str, str] | None:
        """(lang, name) when a site-root-relative ``path`` (%-encoded or not) has the form of an article page's
        address in the folder of one of ``languages`` (``/de/tee/``, ``/de/tee``), else None: the language's front
        page, its feed and 404 page, anything deeper (``/de/tee/index.html``) and every other path."""
        if not path.startswith(self.base_path):
            return None
        lang, _, name = unquote(path[len(self.base_path):]).partition("/")
        name = name.removesuffix("/")
        if lang not in languages or not name or "/" in name or name in ("feed.xml", "404.html", "index.html"):
            return None
        return lang, name

    def on_site(self, path: str) -> str:
        """The path a site-root-relative ``path`` names on this site (``media.on_site``): ``/de/feed.xml`` is
        ``/praxis/de/feed.xml`` under ``base_url = "https://example.org/praxis/"``."""
        return on_site(path, self.base_path)

    def static_name(self, path: str) -> str | None:
        """The name in the site's static/ folder (``static_names``' form, decoded) that a site-root-relative
        ``path`` asks for (``/static/fonts/a.woff2`` -> ``fonts/a.woff2``; ``/static/`` -> ``""``), else None."""
        folder = self.path("static", name="")
        return unquote(path[len(folder):]) if path.startswith(folder) else None

    def media_name(self, path: str) -> str | None:
        """The file's path in source_de/ (decoded) that a site-root-relative ``path`` in the site's media/ folder
        asks for (``/media/bilder/tasse.png`` -> ``bilder/tasse.png``), else None."""
        folder = self.path("media", name="")
        return unquote(path[len(folder):]) if path.startswith(folder) else None

    def file(self, path: str) -> str:
        """The file under site/ that serves a path."""
        rel = unquote(path[len(self.base_path):])
        return rel + "index.html" if rel.endswith("/") or not rel else rel


@dataclass(frozen=True)
class Page:
    """One article in one language as published, read from the editions stage's record."""

    lang: str
    slug: str
    title: str
    summary: str | None
    tags: tuple[str, ...]
    front_fallback: frozenset[str]
    authors: tuple[str, ...]  # the people front matter's ``author`` names (``sources.author_names``), in order
    date: Moment | None  # a day, or an aware instant as the author's front matter gave it
    updated: Moment | None
    markdown: str | None = field(compare=False)  # ``body`` once known; None: not read from ``record`` yet
    segments: dict = field(compare=False)
    words: dict = field(compare=False)
    digest: str = ""  # of the record, to tell an unchanged page without rendering it
    source: str = ""  # the German original's path, as messages name it (source_de/<file>.md)
    words_shown: int = 0  # German words whose segments the page shows in its own language
    german_words: int = 0  # German words of the original's HTML blocks, shown in German: never reviewed
    draft: bool = False  # ``draft: true`` in the German front matter, or its date after today: not published
    standalone: bool = False  # a page of source_de/seiten/ (Impressum...): in no list, feed or index
    reviewed_by: dict | None = None  # name, qualification, url of whoever checked the German original
    last_reviewed: Moment | None = None
    translator: str | None = None  # the catalog's Last-Translator (translations only)
    german_tags: frozenset[int] = frozenset()  # positions in ``tags`` of the tags shown in German
    translated_by_hand: bool = False  # ``translator`` made most of the text shown (``editions.credited``)
    record: Path | None = field(default=None, compare=False)  # the edition record ``body`` is read from
    # the day the German body changed after its medical review, as extract kept it (``textchanged.after_review``)
    review_changed: Moment | None = None

    @property
    def body(self) -> str:
        """Markdown, fallback segments between the editions stage's markers: read from ``record`` when first asked
        for (only a page or list rendered needs it); raises ``VerlagError`` when the record no longer has the
        ``digest`` it was loaded with (changed while the build ran: its page would not match its key)."""
        if self.markdown is None:
            object.__setattr__(self, "markdown", _recorded_body(self.record, self.digest))
        return self.markdown

    @property
    def description(self) -> str | None:
        """The summary as a page's description (``<meta name="description">``, ``og:description``, JSON-LD
        ``description``), or None: a translation whose summary is (partly) German still, not translated or its draft
        held back as the visible text's are (``front_fallback``), has none. Those carry no ``lang`` of their own
        and claim the page's language (WHATWG HTML 4.2.5, schema.org ``inLanguage``); the lists and the feed, which
        can mark it, show the German summary with ``lang``."""
        return None if "summary" in self.front_fallback else self.summary

    @property
    def author(self) -> str | None:
        """The names of ``authors`` in one line (a project's template from before a page could name several)."""
        return ", ".join(self.authors) or None

    @property
    def credits_translator(self) -> bool:
        """Whether the byline says "Translated by" ``translator`` (schema.org ``translator`` too): she checked every
        sentence, or she made most of what the page shows (a hand translation; the notice at the top says
        what is not hers). Otherwise a checker is named only for the part checked."""
        return bool(self.translator) and (self.fully_reviewed or self.translated_by_hand)

    @property
    def machine(self) -> int:
        """Unreviewed machine text shown as it is."""
        return self.segments.get("machine_shown", 0)

    @property
    def unchecked_hand(self) -> int:
        """Unreviewed text shown as it is that no engine is known to have made (``catalog.hand_draft``: a pair
        ``verlag import --translation-of`` was not sure of, an edited draft, fuzzy text with no origin line): not
        checked yet, and not called machine text."""
        return self.segments.get("hand_shown", 0)

    @property
    def reused(self) -> int:
        """Unreviewed drafts of the translation memory shown as they are (``catalog.reused_draft``): a person's
        earlier translation of the same or a similar sentence, not checked here yet, and not called machine text."""
        return self.segments.get("reused_shown", 0)

    @property
    def nothing_checked(self) -> bool:
        """Whether the page shows unreviewed text and no passage a person checked: the notice says so of the whole
        translation, not of "parts" of it."""
        return bool(self.machine or self.unchecked_hand or self.reused) and not self.words.get(REVIEWED)

    @property
    def all_machine(self) -> bool:
        """Whether every passage the page shows in its own language is unreviewed machine text: no person
        checked or translated any of it."""
        return bool(self.machine) and not self.unchecked_hand and not self.reused and self.nothing_checked

    @property
    def all_reused(self) -> bool:
        """Whether every passage the page shows in its own language is a translation memory draft not checked here."""
        return bool(self.reused) and not self.machine and not self.unchecked_hand and self.nothing_checked

    @property
    def fallback(self) -> int:
        return self.segments.get("fallback", 0)

    @property
    def stale_fallback(self) -> int:
        """Segments shown in German because their German changed after they were translated: the translation
        awaits review (under every ``[publish] unreviewed``), it is not missing. (One the QA gate holds back is
        ``held``.)"""
        return self.segments.get("stale_fallback", 0)

    @property
    def unchecked_fallback(self) -> int:
        """Segments shown in German because their translation is a draft nobody checked, which the page does not
        show (``[publish] unreviewed = "source"``, or a legal page): translated, not missing."""
        return self.segments.get("unchecked_fallback", 0)

    @property
    def held(self) -> int:
        """Segments shown in German because their translation has an error of ``verlag check`` (the QA gate):
        translated, not missing, and not shown until the error is fixed or accepted."""
        return self.segments.get("qa", 0)

    @property
    def translated(self) -> bool:
        """Whether any segment shows a translation; an all-German copy would only duplicate the original."""
        shown = sum(self.segments.get(state, 0) for state in (UNTRANSLATED, MACHINE, STALE, REVIEWED))
        return shown > self.fallback

    @property
    def fully_reviewed(self) -> bool:
        """Whether a person checked every German word's translation as shown (no machine text, no German
        fallback or HTML block, nothing out of date): only then does a translation's byline name its translator
        alone. Decided from what the page shows: a reviewed segment the QA gate held back is German on it."""
        return self.words.get(REVIEWED, 0) == self.total_words and not self.fallback

    @property
    def total_words(self) -> int:
        """The German words of the page: its segments' and its HTML blocks' (``status.Progress.total_words``)."""
        return sum(self.words.values()) + self.german_words

    @property
    def percent_reviewed(self) -> float:
        """Percent of ``total_words`` reviewed, as ``verlag status`` computes it (``[publish] min_reviewed``)."""
        total = self.total_words
        return 100.0 * self.words.get(REVIEWED, 0) / total if total else 100.0

    @property
    def percent_translated(self) -> float:
        """Percent of ``total_words`` a reader gets in the page's language (reviewed, or drafts shown):
        ``[publish] min_translated``. The words of HTML blocks count, as for ``percent_reviewed``: the page shows
        them in German."""
        total = self.total_words
        return 100.0 * self.words_shown / total if total else 100.0

    @property
    def reading_minutes(self) -> int:
        text = self.body.replace(FALLBACK_OPEN, " ").replace(FALLBACK_CLOSE, " ")
        return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


def _page(record: dict, digest: str, path: Path | None = None) -> Page:
    """The page of an edition record (``editions.edition_record``) with the SHA-256 ``digest``; without its body,
    ``path``: the record's file, which ``Page.body`` reads it from. Raises ``KeyError``, ``TypeError`` or
    ``ValueError`` for a record of another shape."""
    moment = lambda v: read_date(v) if v else None  # noqa: E731
    body = record["body"] if path is None else None
    if not (isinstance(body, str) or path is not None) or not isinstance(record["lang"], str) \
            or not isinstance(record["slug"], str) or not isinstance(record["title"], str):
        raise TypeError("lang, slug, title and body are no text")
    return Page(record["lang"], record["slug"], record["title"], record.get("summary"),
                tuple(record.get("tags") or ()), frozenset(record.get("front_fallback") or ()),
                author_names(record.get("author")), moment(record.get("date")), moment(record.get("updated")), body,
                record.get("segments") or {}, record.get("words") or {}, digest, record.get("source", ""),
                record.get("words_shown", 0), record.get("german_words", 0), bool(record.get("draft")),
                bool(record.get("page")), record.get("reviewed_by"), moment(record.get("last_reviewed")),
                record.get("translator"), frozenset(record.get("german_tags") or ()),
                bool(record.get("translator_hand")), path, moment(record.get("review_changed")))


def _recorded_body(path: Path | None, digest: str) -> str:
    """The body of the edition record ``path`` if its SHA-256 is still ``digest``; else ``VerlagError`` (also for
    one grown over ``limits.EDITION``, not read)."""
    data = read_bytes(path, EDITION) if path is not None else None
    if data is None or hashlib.sha256(data).hexdigest() != digest:
        raise VerlagError("changed while verlag build ran; run 'verlag build' again", path)
    return json.loads(data)["body"]


def load_pages(config: Config, errors: list[VerlagError], files: StatRecord, known: dict,
               found: dict) -> dict[tuple[str, str], Page]:
    """Every edition the editions stage recorded for the current articles, keyed by (lang, slug); each page's body
    is read from its record when first asked for (``Page.body``).

    A record's digest comes from ``files`` (``editions.edition_files``: from its stat while that is the recorded
    one), its other fields from ``known`` by that digest (``RECORDS_FILE``, as the last build kept them), else
    from the record. ``found`` gets the fields of every page loaded, by digest, for the next build. A damaged
    record, or one over ``limits.EDITION`` (not read), is appended to ``errors`` and left out, a named pipe in its
    place left out; one that cannot be read raises ``OSError``.
    """
    pages = {}
    # The editions stage keeps one German record per current article (and removes the others).
    # by name, not a path object per record (as ``Path.stem``: ".json" is no record of the slug "")
    slugs = sorted(os.path.splitext(name)[0] for name in names_ending(config.editions_dir / config.source_language,
                                                                        ".json"))
    folders = {lang: config.editions_dir / lang for lang in (config.source_language, *config.languages)}
    for slug in slugs:
        for lang in folders:
            path = folders[lang] / f"{slug}.json"
            try:
                digest = files.digest(f"{lang}/{slug}.json")
            except NotAFile:  # a named pipe where the record goes: named by the editions stage, which writes it
                continue
            except VerlagError as exc:  # over the limit: not read
                errors.append(VerlagError(exc.message, relpath(path, config.root)))
                continue
            if digest is None:
                continue
            name = digest.hex()
            fields = known.get(name)
            try:
                page = _page(fields, name, path) if isinstance(fields, dict) else None
            except (ValueError, KeyError, TypeError):  # a damaged entry: the record is read
                page = None
            try:
                if page is None:
                    data = read_bytes(path, EDITION, relpath(path, config.root))
                    if data is None:  # removed since the stat
                        continue
                    name = hashlib.sha256(data).hexdigest()  # saved since the stat: these bytes are the page
                    record = json.loads(data)
                    page = _page(record, name)
                    fields = {key: value for key, value in record.items() if key != "body"}
            except (ValueError, KeyError, TypeError) as exc:
                errors.append(VerlagError(f"damaged edition record ({describe(exc)}); run 'verlag build' again",
                                          relpath(path, config.root)))
                continue
            except VerlagError as exc:  # grown over the limit since the stat, or a named pipe put there since
                errors.append(exc)
                continue
            found[name] = fields
            pages[(lang, slug)] = page
    return pages


def _read_page(path: Path) -> Page:
    """The page of one edition record (``editions/<lang>/<slug>.json``, UTF-8 JSON); raises ``OSError`` as
    ``fsutil.file_bytes`` (``FileNotFoundError`` when there is none), ``VerlagError`` for a named pipe in its place
    or one over ``limits.EDITION`` (neither read), ``ValueError``, ``KeyError`` or ``TypeError`` when it is damaged."""
    data = file_bytes(path, EDITION)
    return _page(json.loads(data), hashlib.sha256(data).hexdigest())


# ``publication``'s answers
PUBLISHED, NOT_TRANSLATED, HELD_BACK, DRAFT = "published", "not translated", "held back", "draft"


def missed(page: Page, settings: Settings) -> list[tuple[str, str]]:
    """(setting, figures) of each of ``[publish] min_translated`` and ``min_reviewed`` the translation ``page``
    misses, e.g. ("min_reviewed", "44.4 % reviewed, 50 needed") (percent of the German words, one decimal)."""
    return [(name, f"{value:.1f} % {what}, {needed:g} needed") for name, value, what, needed in (
        ("min_translated", page.percent_translated, "translated", settings.min_translated[page.lang]),
        ("min_reviewed", page.percent_reviewed, "reviewed", settings.min_reviewed[page.lang])) if value < needed]


def shortfall(page: Page, settings: Settings) -> str:
    """Which of ``[publish] min_translated`` and ``min_reviewed`` the translation ``page`` misses, with its figures
    (``missed``): what the author needs to know to publish it, in the build's words. Where sentences signed off as
    their German unchanged count as not translated (check's ``unchanged``: the names and addresses of a fully
    reviewed Impressum held it back, and only ``check`` named the fix: trial 24), it says so, with the fix."""
    said = "; ".join(figures for _, figures in missed(page, settings))
    copies = page.segments.get("german_copy", 0)
    if copies and said:
        said += (f": {copies} of its signed-off sentences {'is' if copies == 1 else 'are'} the German unchanged, "
                 f"which counts as not translated; a name or an address right as it is? mark "
                 f"{'it' if copies == 1 else 'each'} '# ignore-unchanged'; verlag check --lang {page.lang} "
                 f"--article {page.slug} names {'it' if copies == 1 else 'them'}")
    return said


PSEUDO_SIGNED = ("its translations are signed-off pseudo drafts, the pseudo engine's layout test and no translation "
                 "(check's pseudo error): translate them")
MACHINE_UNSHOWN = ("no reviewed translation to show yet; its machine drafts show only with [publish] unreviewed = "
                   "\"machine\"")
NOTHING_YET = "nothing translated yet"
# an article with no template: a fresh clone of a rename pushed without extract finds the article's catalog under its
# old name, which only extract moves along (trial 22): "nothing translated yet" sent the author nowhere
NOT_EXTRACTED = ("verlag extract has not read this German article yet: run it; it also moves a renamed article's "
                 "catalog along")
LEGAL_UNSHOWN = "a legal page shows only reviewed translations ([site] legal), none yet: the footer links the German"


def not_translated_reason(config: Config, lang: str, slug: str, segments: Mapping[str, int]) -> str:
    """Why a translation that shows nothing translated (``publication``'s NOT_TRANSLATED) is not published, in the
    build's words; ``segments``: its page's counts (``Page.segments``). ``build`` lists the pages by these reasons
    and ``status`` marks its rows with them, so the two say the same."""
    if config.legal_page(slug):
        return LEGAL_UNSHOWN
    if segments.get(MACHINE) and segments.get("pseudo_signed") == segments[MACHINE]:
        return PSEUDO_SIGNED
    if segments.get(MACHINE) and config.unreviewed_for(lang, slug) == "source":
        return MACHINE_UNSHOWN
    if not config.pot_path(slug).exists():
        return NOT_EXTRACTED
    return NOTHING_YET


def publication(page: Page, settings: Settings, source: str, drafts: list[str]) -> str:
    """Whether the site publishes ``page``: ``DRAFT`` (its German original says ``draft: true``, in
    ``drafts``), ``NOT_TRANSLATED`` (a translation that shows nothing translated: SITE.md 3, a fallback copy is not
    generated at all), ``HELD_BACK`` (below ``[publish] min_reviewed`` or ``min_translated``) or ``PUBLISHED``
    (every German original that is no draft)."""
    if page.slug in drafts:
        return DRAFT
    if page.lang == source:
        return PUBLISHED
    if not page.translated:
        return NOT_TRANSLATED
    if page.percent_reviewed < settings.min_reviewed[page.lang] or \
            page.percent_translated < settings.min_translated[page.lang]:
        return HELD_BACK
    return PUBLISHED


def held_by_checks(page: Page, settings: Settings) -> bool:
    """Whether check errors alone keep the translation ``page`` (not published) from readers: the QA gate holds
    some of its segments back (``Page.held``, shown in German and counted as not translated), a reviewer signed off
    some of it, and its reviewed words meet both of ``[publish]``'s thresholds, so that with those segments shown
    it would be published (every reviewed segment the gate lets through is shown). Decided from its edition, which
    the catalog, the German original and check's rules make: the mark of a translation readers may have had, whose
    address shows the notice that it is not available at the moment (``_noticed``), where one never reviewed, or
    short of reviewed words too, answers 404."""
    reviewed = page.percent_reviewed
    return bool(page.held) and page.words.get(REVIEWED, 0) > 0 and reviewed >= settings.min_reviewed[page.lang] \
        and reviewed >= settings.min_translated[page.lang]


def page_published(config: Config, settings: Settings, lang: str, slug: str) -> bool:
    """Whether the site publishes the page (lang, slug), BCP 47 tag and slug, as ``verlag build`` decides it
    (``publication``) from the edition records as the editions stage last wrote them: the page's own record and
    its German original's (``draft``), nothing else. A page without both records, in a language the project
    does not publish, or with a damaged, unreadable or oversized record is not published (``load_pages`` leaves it
    out; the build names it). ``settings``: ``load_settings(config)``."""
    source = config.source_language
    if lang != source and lang not in config.languages:
        return False
    try:
        german = _read_page(record_path(config, source, slug))
        page = german if lang == source else _read_page(record_path(config, lang, slug))
    except (OSError, VerlagError, ValueError, KeyError, TypeError):
        return False
    return publication(page, settings, source, [slug] if german.draft else []) == PUBLISHED


def edition_published(config: Config, settings: Settings, edition: Edition, article: Article) -> bool:
    """Whether the site publishes an edition made in memory, not written (``editions.catalog_edition``), decided by
    ``publication`` from the record the editions stage would write for it. ``settings``: ``load_settings(config)``."""
    page = edition_page(config, edition, article)
    return publication(page, settings, config.source_language, [article.slug] if article.draft else []) == PUBLISHED


def edition_page(config: Config, edition: Edition, article: Article) -> Page:
    """The ``Page`` of an edition made in memory (``editions.catalog_edition``), read from the record the editions
    stage would write for it."""
    return _page(json.loads(edition_record(edition, article, config.unreviewed_for(edition.lang, article.slug))), "")


def static_names(config: Config, search: bool) -> frozenset[str]:
    """The names (``fonts/a.woff2``) of the files the build copies to the site's static/ folder: those of
    ``static/`` in the theme folders (``uistrings.theme_dirs``), hidden ones left out, ``SEARCH_SCRIPT`` only with
    ``search`` (``[site] search``). A root-relative link to any other name there would answer 'not found'."""
    names = set()
    for folder in theme_dirs(config):
        for asset in (folder / "static").rglob("*"):
            name = asset.relative_to(folder / "static").as_posix()
            if asset.is_file() and not any(part.startswith(".") for part in name.split("/")) \
                    and (search or name != SEARCH_SCRIPT):
                names.add(name)
    return frozenset(names)


def site_image(config: Config) -> tuple[str, ...]:
    """``[site] image`` (``practice.Practice.image``, a path in source_de/), which the build copies to the site's
    media/ beside the files the articles reference; () without one."""
    image = config.section("site").get("image")
    return (image,) if isinstance(image, str) and image else ()


def site_image_places(config: Config) -> dict[str, tuple[str, int]]:
    """``site_image`` -> (verlag.toml, the line of ``[site] image``): where a warning about that file is given."""
    return {image: (CONFIG_NAME, config.line("image", "site") or 1) for image in site_image(config)}


def previous_media(state: dict) -> list[str]:
    """The files of the site's media/ folder the last build published (``state``: ``load_site_state``), as
    paths in source_de/; a build keeps them while it keeps a page as that build made it (``site_outputs``)."""
    return [rel.removeprefix("media/") for rel in state.get("files", []) if rel.startswith("media/")]


def _theme_file(path: Path, theme: Path, root: Path) -> bool:
    """Whether ``path`` (a file of the theme folder ``theme``) is one, or a symlink to a file of the project at
    ``root``: a downloaded theme's ``static/font.woff2`` leading to ``~/.ssh/id_rsa`` would publish that key."""
    try:
        where = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return where.is_relative_to(theme.resolve()) or where.is_relative_to(root.resolve())


def _theme_loader(folders: list[Path], root: Path):
    """A Jinja2 ``FileSystemLoader`` of the theme ``folders`` (``theme_dirs``) that loads no template through a
    symlink leading out of its folder and the project at ``root`` (``_theme_file``): a downloaded theme's
    ``404.html`` that leads to ``~/.ssh/id_rsa`` was rendered into the site. Such a template raises
    ``TemplateNotFound`` naming it, which stops the build as a broken template does."""
    from jinja2 import FileSystemLoader, TemplateNotFound

    class Loader(FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            path = Path(filename)
            if not any(path.is_relative_to(folder) and _theme_file(path, folder, root) for folder in folders):
                name = path.relative_to(root).as_posix() if path.is_relative_to(root) else filename
                raise TemplateNotFound(template, f"{name} is a symlink that leads out of the theme and the project; "
                                                 "only templates inside them are read")
            return source, filename, uptodate

    return Loader(folders)


def theme_digest(config: Config) -> str:
    """Everything every page depends on besides its own record: code, settings, templates, UI words."""
    h = hashlib.sha256(f"{code_digest()}|{config.text}".encode("utf-8"))
    for folder in theme_dirs(config):
        for path in (p for p in sorted(folder.rglob("*")) if not p.is_dir()):
            rel = relpath(path, config.root)  # as inside the project, so a copy of it (cp -r, git clone) keeps its pages
            limit = TEMPLATE if path.suffix in (".html", ".xml") else MEDIA
            try:
                data = file_bytes(path, limit, rel)
            except NotAFile as exc:  # never opened; among the templates: the site cannot be made without it
                if path.relative_to(folder).parts[0] != "static":
                    raise
                data = exc.message.encode("utf-8")  # an asset: named and left out where they are copied
            h.update(rel.encode("utf-8") + b"\0" + data)
    for path in sorted(config.translations_dir.glob("*/site.po")) + sorted(BUILTIN_TRANSLATIONS.glob("*/site.po")):
        try:
            data = file_bytes(path, SITE_WORDS)
        except VerlagError:  # no file, or too large: ``load_translations`` says so and uses verlag's own words
            data = b"\0"
        h.update(relpath(path, config.root).encode("utf-8") + b"\0" + data)
    return h.hexdigest()


@dataclass
class SiteResult:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    held_back: dict[str, list[str]] = field(default_factory=dict)  # lang -> slugs below min_reviewed/_translated
    # (lang, slug) of ``held_back`` -> which threshold it misses, with the page's figure: "79.6 % translated, 80 needed"
    shortfall: dict[tuple[str, str], str] = field(default_factory=dict)
    untranslated: dict[str, list[str]] = field(default_factory=dict)  # lang -> slugs with nothing translated
    # lang -> slugs of ``held_back`` or ``untranslated`` an earlier build published: their addresses lead to the original
    withdrawn: dict[str, set[str]] = field(default_factory=dict)
    # lang -> slugs of ``held_back`` or ``untranslated`` whose address shows the notice (``_Site.noticed``)
    noticed: dict[str, set[str]] = field(default_factory=dict)
    # (lang, slug) of ``untranslated`` holding machine drafts (not copies of the German): unreviewed = "machine" shows them
    machine_drafted: set[tuple[str, str]] = field(default_factory=set)
    # (lang, slug) of ``untranslated`` whose machine text is all signed-off pseudo drafts (``check``'s pseudo error)
    pseudo_signed: set[tuple[str, str]] = field(default_factory=set)
    drafts: list[str] = field(default_factory=list)  # slugs of articles marked ``draft: true``, not published
    scheduled: list[str] = field(default_factory=list)  # slugs of articles dated after today, not published yet
    pages: dict[str, list[Page]] = field(default_factory=dict)  # lang -> published pages
    notes: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # said once per change (``advice.unsaid``)
    warnings: list[str] = field(default_factory=list)  # "file:line: message"
    errors: list[VerlagError] = field(default_factory=list)  # pages not (re)written: their old file stays
    failed: bool = False  # the site as a whole could not be made (see errors); site/ is as it was
    standalone: frozenset[str] = frozenset()  # slugs of the pages of source_de/seiten/ (Impressum...)

    def summary(self) -> list[str]:
        """One line per language: what a reader of that edition gets; of the translations not published, those
        an earlier build published apart, said as ``build`` lists them (``address_now``)."""
        lines = []
        for lang, pages in self.pages.items():
            machine = sum(1 for p in pages if p.machine)
            hand = sum(1 for p in pages if p.unchecked_hand)
            reused = sum(1 for p in pages if p.reused)
            german = sum(1 for p in pages if p.fallback)
            unpublished = [s for s in (*self.held_back.get(lang, []), *self.untranslated.get(lang, []))
                           if s not in self.standalone]
            was = {True: sum(1 for s in unpublished if s in self.noticed.get(lang, ())),
                   False: sum(1 for s in unpublished if s in self.withdrawn.get(lang, ())
                              and s not in self.noticed.get(lang, ()))}
            held = len(unpublished) - sum(was.values())
            lines.append(f"{lang}: {counted(len(pages), 'article')} published"
                         + (f", {machine} with unreviewed machine text" if machine else "")
                         + (f", {hand} with unreviewed text no engine is known to have made" if hand else "")
                         + (f", {reused} with unreviewed text reused from the translation memory" if reused else "")
                         + (f", {german} with passages in the original" if german else "")
                         + (f", {held} not published (not translated enough yet)" if held else "")
                         + "".join(f", {n} not published ({address_now(noticed)})"
                                   for noticed, n in was.items() if n))
        return lines


def _unnamed_translators(config: Config, pages: Iterable[Page]) -> list[str]:
    """A note per translation language whose fully reviewed pages name nobody who checked them: no
    ``[site.translator]`` line for the language, and a catalog whose ``Last-Translator`` is empty (a reviewer who
    signs off in a text editor sets none), so a health text's reader does not learn who answers for the
    translation (fresh-user trial 20). ``lang = ""`` names nobody on purpose and silences it."""
    named = config.section("site").get("translator", {})
    named = named if isinstance(named, dict) else {}
    unnamed: dict[str, list[str]] = {}
    for page in pages:
        if page.lang != config.source_language and lookup(named, page.lang) is None and not page.translator \
                and page.fully_reviewed:
            unnamed.setdefault(page.lang, []).append(relpath(config.po_path(page.lang, page.slug), config.root))
    if not unnamed:
        return []
    line = header_line(config.text, "site.translator") or header_line(config.text, "site") or 1
    return [f"{CONFIG_NAME}:{line}: {lang}: the byline of {counted(len(refs), 'fully reviewed page')} names nobody "
            f"who checked the translation (no Last-Translator in {', '.join(sorted(refs)[:3])}"
            f"{', …' if len(refs) > 3 else ''}, no {' or '.join(language_ranges(lang))} line in [site.translator]): "
            f"readers of a health text do "
            f"not learn who answers for it; "
            f"write [site.translator] {lang} = \"Name\" in {CONFIG_NAME} ({lang} = \"\" names nobody on purpose)"
            for lang, refs in sorted(unnamed.items())]


def _sibling_gaps(config: Config, practice: Practice) -> list[str]:
    """A warning per translation language and reader-facing text of verlag.toml (``[site.disclaimer]``,
    ``[site.call_to_action]``, ``[site.translator]``, ``[site.image_alt]`` when ``[site] image`` is set) that the
    language's pages do without while a sibling has one (en-GB without an en-GB or en line, en-US with its own):
    they show the German (the byline: the catalog's Last-Translator), which an author who wrote the sibling's
    did not mean (fresh-user trial 24). The sibling's text is not taken for it (``config.language_ranges``: BCP 47
    lookup, as gettext, never crosses to another region); the warning names the line that serves both."""
    def written(texts: Localized) -> dict:  # the keys whose text ``Localized.get`` gives, the German's aside
        return {key: text for key, text in texts.texts.items() if key != config.source_language and text}

    tables = [("site.disclaimer", written(practice.disclaimer), "pages show the German disclaimer"),
              ("site.call_to_action", written(practice.call_to_action), "pages show the German call to action"),
              ("site.translator", config.section("site", "translator"),  # "" names nobody on purpose
               "bylines name the catalog's Last-Translator")]
    if practice.image:
        tables.append(("site.image_alt", written(practice.image_alt), "pages' social preview image has no alt text"))
    said = []
    for table, own, effect in tables:
        alone = []  # languages no line serves, no sibling's either: ``_german_gap`` says them in one line
        for lang in config.languages:
            if lookup(own, lang) is not None:
                continue
            siblings = [other for other in config.languages if other != lang
                        and other.split("-")[0] == lang.split("-")[0] and lookup(own, other) is not None]
            if not siblings:
                alone.append(lang)
                continue
            key = lookup(own, siblings[0])
            shared = next(r for r in language_ranges(lang) if r in language_ranges(siblings[0]))
            ranges = " or ".join(language_ranges(lang))
            said.append(f"{CONFIG_NAME}:{config.place(key, table)}: {lang}: [{table}] has no {ranges} line, so the "
                        f"{lang} {effect}, though {siblings[0]} has one; verlag does not lend one region's text to "
                        f"another (BCP 47 lookup: {' then '.join(language_ranges(lang))}): write {shared} = \"…\" in "
                        f"[{table}] (it serves every {shared}-… language without a line of its own), or "
                        f"{lang} = \"…\"")
        if alone and own and table != "site.translator":
            said.append(_german_gap(config, table, own, alone, effect))
    return said


def _german_gap(config: Config, table: str, own: Mapping, langs: list[str], effect: str) -> str:
    """The warning for a reader-facing text of verlag.toml written for some translation languages (``own``) and
    not for ``langs``, none of which has a sibling's either: their pages show the German (or, without a German
    line, nothing), which a table written in one translation does not mean for the others (fresh-user trial 26:
    a call to action written for en, the es pages gave it in German without a word). One line per table, at its
    header, naming the lines to add. A table written only in German is meant for every language and says nothing;
    ``[site.translator]`` is left out: its fallback is the catalog's Last-Translator (``_unnamed_translators``)."""
    german = bool(config.section(*table.split(".")).get(config.source_language))
    if not german:
        effect = {"site.disclaimer": "pages show no disclaimer",
                  "site.call_to_action": "pages show no call to action"}.get(table, effect)
    written = ", ".join(sorted(own))
    missing = " or ".join(f"{lang} ({' or '.join(language_ranges(lang))})" if "-" in lang else lang
                          for lang in langs)
    add = ", ".join(f'{lang} = "…"' for lang in langs)
    return (f"{CONFIG_NAME}:{config.place(langs[0], table)}: [{table}] is written for {written} but has no line "
            f"for {missing}, so the {' and '.join(langs)} {effect}: write {add} in [{table}]")


def address_now(noticed: bool) -> str:
    """What ``build``'s list of translations not published and ``publish``'s summary say of where the address of
    one leads now: for one whose address shows the page saying it is not available (``noticed``, ``_withdrawn``:
    decided from the committed catalogs, so said by every build, the first too), that page, never that it was
    published (a notice page a build made is no publication: trial 23 #7 read "was published" of a translation
    never published); else, of one an earlier build published (``withdrawn``), that it was and answers 404 now."""
    if noticed:
        return ("its address shows a page saying it is not available at the moment, with a link to the original, "
                "until it is published again")
    return "was published: its address answers 404 until it is published again"


def _pseudo_shown(config: Config, pages: Iterable[Page]) -> list[str]:
    """The warning that the site shows pseudo drafts (the pseudo engine's layout test) to readers under ``[publish]
    unreviewed = "machine"``, with how many in which language, or none. ``verlag publish`` refuses them
    (``check``'s ``pseudo-draft``); a ``build`` whose site/ is uploaded as it is says it on every run."""
    by_lang: dict[str, int] = {}
    for page in pages:
        if page.segments.get("pseudo_shown"):
            by_lang[page.lang] = by_lang.get(page.lang, 0) + page.segments["pseudo_shown"]
    if not by_lang:
        return []
    where = ", ".join(f"{lang} {n}" for lang, n in sorted(by_lang.items()))
    total = sum(by_lang.values())
    return [f"{CONFIG_NAME}:{config.line('unreviewed', 'publish') or 1}: the site shows "
            f"{counted(total, 'pseudo draft')} ({where}) to readers under [publish] unreviewed = \"machine\": the "
            "pseudo engine's layout test, no translation; do not upload site/ like this: draft with a real engine "
            "(verlag pretranslate --redo-drafts), translate them, or set unreviewed = \"source\""]


def _bytecode_cache(config: Config) -> FileSystemBytecodeCache | None:
    """Jinja's compiled templates in ``.verlag/jinja/``, keyed by template name, source checksum (Jinja's
    own) verlag's code, whose environment settings (extensions, gettext style) shape the compiled code,
    Jinja's version (its ``bc_version`` changes only with the bytecode format, not with the runtime helpers
    compiled code calls) and the user's ``cache_secret``: a cache file is marshalled Python code, and without
    the secret anyone could compute its name and put one in a project folder for the next build to run.
    Compiling the theme took 0.5 s of every build, a no-op one included. None: a read-only checkout, or no
    secret, where templates are compiled each time."""
    import jinja2

    secret = cache_secret()
    if secret is None:
        return None

    class CodeBoundCache(jinja2.FileSystemBytecodeCache):
        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return super().get_cache_key(f"{secret}|{code_digest()}|jinja2 {jinja2.__version__}|{name}", filename)

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            """Read as verlag's other caches are (``fsutil.state_bytes``): Jinja's own ``open`` waits forever on a
            named pipe and reads a huge file whole; such a file is said once and compiled anew."""
            data = state_bytes(Path(self._get_cache_filename(bucket)))
            if data is not None:
                bucket.bytecode_from_string(data)

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            write_state(Path(self._get_cache_filename(bucket)), bucket.bytecode_to_string())

    folder = config.state_dir / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CodeBoundCache(str(folder))


def cache_secret() -> str | None:
    """The user's own random secret (hex str) in ``$XDG_CACHE_HOME/verlag/secret`` (``~/.cache``), made on first
    use, readable by the user alone, made again when damaged (a named pipe or a huge file in its place included);
    None when it can be neither read nor made, or there is no home folder."""
    import os
    import secrets

    try:
        path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "verlag" / "secret"
    except RuntimeError:  # no HOME and no passwd line for the user (a container, some CI runners)
        return None
    for _ in range(2):
        try:
            try:
                text = file_bytes(path, STATE).decode("ascii").strip()
            except VerlagError:  # a named pipe (``NotAFile``: never opened, it waits for a writer) or a huge file
                text = ""
            if re.fullmatch(r"[0-9a-f]{32,}", text):
                return text
            path.unlink()  # damaged: a new one (the compiled templates are compiled again)
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError):
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another verlag made it meanwhile: read that one
            continue
        except OSError:
            return None
        with os.fdopen(descriptor, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(16) + "\n")
    return None


class _Site:
    """The whole site known in memory: languages, published pages, URLs, templates per language."""

    def __init__(self, config: Config, settings: Settings, pages: dict[tuple[str, str], Page], media: Media,
                 sources: dict[str, Article], practice: Practice, errors: list[VerlagError],
                 indexed: Container[str] = ()):
        self.config = config
        self.errors = errors  # a language's unreadable site.po: its pages use verlag's own words
        self.notes: list[str] = []  # for the build's report: aliases that lead to the original for now
        self.warnings: list[str] = []  # for the build's report: a renamed article's old address taken by another
        self.advice: list[str] = []  # for the build's report, once per change (``advice``): words shown in English
        self.practice = practice
        self.media = media
        self.sources = sources  # slug -> German original, for messages naming its file and line
        self.draft_sources: dict[str, Article] = {}  # slug -> German original of each draft (``draft: true``)
        self.feed_names: dict[str, str] = {}  # slug -> the earlier slug naming its feed entries (``renames.feed_names``)
        # slug -> (German original, why) of each article no draft left out of this build for its own problem
        self.left_out: dict[str, tuple[Article, str]] = {}
        self.urls = Urls(settings.base_url)
        self.search = settings.search
        self.clean_html = settings.clean_html
        self.source = config.source_language
        self.published: dict[tuple[str, str], Page] = {}
        self.held_back: dict[str, list[str]] = {}
        self.shortfall: dict[tuple[str, str], str] = {}
        self.untranslated: dict[str, list[str]] = {}
        self.machine_drafted: set[tuple[str, str]] = set()  # see ``SiteResult.machine_drafted``
        self.pseudo_signed: set[tuple[str, str]] = set()  # see ``SiteResult.pseudo_signed``
        self.withdrawn: dict[str, set[str]] = {}  # lang -> slugs of ``held_back`` or ``untranslated`` once published
        self.drafts = sorted(slug for (lang, slug), page in pages.items() if lang == self.source and page.draft)
        self.check_held: set[tuple[str, str]] = set()  # (lang, slug) not published for check errors alone
        for (lang, slug), page in sorted(pages.items()):
            outcome = publication(page, settings, self.source, self.drafts)
            if outcome == PUBLISHED:
                self.published[(lang, slug)] = page
            elif outcome == NOT_TRANSLATED:
                self.untranslated.setdefault(lang, []).append(slug)
                if page.segments.get(MACHINE):
                    self.machine_drafted.add((lang, slug))
                    if page.segments.get("pseudo_signed") == page.segments[MACHINE]:
                        self.pseudo_signed.add((lang, slug))
            elif outcome == HELD_BACK:
                self.held_back.setdefault(lang, []).append(slug)
                self.shortfall[(lang, slug)] = shortfall(page, settings)
            if outcome in (NOT_TRANSLATED, HELD_BACK) and held_by_checks(page, settings):
                self.check_held.add((lang, slug))
        # lang -> slugs whose address shows the page saying the article is not available in it (``_withdrawn``)
        self.noticed = _noticed(config, pages, sources, {lang: {*self.held_back.get(lang, ()),
                                                                *self.untranslated.get(lang, ())}
                                                         for lang in config.languages}, self.check_held)
        # A language is on the site once it has an article: no switcher entry leads to an empty edition. It stays
        # while verlag.toml names it once a build published its index (``indexed``) or an article's address in it
        # shows the notice (``noticed``, so that a fresh clone has it too): withdrawing its last article leaves its
        # address, feed and 404 page, and the index lists that article as not available at the moment.
        live = {lang for (lang, _), page in self.published.items() if not page.standalone}
        self.live = live  # the languages with a published article: the others are offered as no choice
        self.languages = (config.source_language,
                          *(lang for lang in config.languages
                            if lang in live or lang in indexed or any(
                                not page.standalone for slug in self.noticed[lang]
                                if (page := self.published.get((self.source, slug))) is not None)))
        self.envs: dict[str, Environment] = {}
        self.translations: dict = {}
        self.in_english: dict[str, list[str]] = {}  # lang -> msgids of its UI words shown in English
        self.items: dict[tuple[str, str], dict] = {}  # (lang, slug) -> ``item``

    def env(self, lang: str) -> Environment:
        if lang not in self.envs:
            from jinja2 import StrictUndefined, select_autoescape

            from .sandbox import ThemeSandbox

            # A project's templates/ may come from a downloaded theme: the sandbox refuses what reaches Python
            # itself (``cycler.__init__.__globals__.os``) and a path's methods, so a template can shape pages but
            # never run code or touch a file.
            # A template is loaded once per build (``auto_reload``: no look at its file for each of the pages and
            # macro imports that ask for it again); ``theme_digest`` keyed the pages on the templates as they were.
            env = ThemeSandbox(loader=_theme_loader(theme_dirs(self.config), self.config.root),
                               autoescape=select_autoescape(["html", "xml"]), extensions=[JINJA_EXTENSIONS],
                               undefined=StrictUndefined, keep_trailing_newline=True, auto_reload=False,
                               bytecode_cache=_bytecode_cache(self.config))
            self.translations[lang] = load_translations(self.config, lang, self.errors)
            if english_fallback(lang, self.translations[lang]):
                self._say_english(lang)
            env.install_gettext_callables(**gettext_as_text(self.translations[lang]), newstyle=True)
            env.globals.update(url=self.urls.path, site_name=self.config.name, source_lang=self.source,
                               search=self.search, preview=self.config.preview)  # preview: its banner (``preview``)
            from .nobreak import in_language  # here: a rerun with no page to render compiles none of its patterns

            env.filters["no_break"] = in_language  # "5 mg" on one line in a German title (nobreak.py)
            env.filters["quoting"] = functools.partial(quoting, lang=self.source)
            self.envs[lang] = env
        return self.envs[lang]

    def _say_english(self, lang: str) -> None:
        """Advice, once per build and language, naming the UI words its pages show in English."""
        english = in_english(self.translations[lang], theme_messages(self.config))
        if english:
            self.in_english[lang] = english
            self.advice.append(english_advice(self.config, lang, english_name(lang), english))

    def ui(self, lang: str, message: str, markup: bool = False, **values: str) -> str:
        """A UI string used outside the templates (extracted from this file by ``uistrings``), its placeholders
        filled from ``values``. As plain text (not escaped), for attributes and other places where nothing can
        mark it as English; with ``markup``, as HTML for element content: escaped, and English shown for want
        of a translation inside ``<span lang="en">`` as in the templates (``uistrings.mark_english``)."""
        self.env(lang)
        text = self.translations[lang].gettext(message)  # formatted as the templates' gettext formats it
        if not markup:
            return unmarked(text % {key: value.both() if isinstance(value, Worded) else value
                                    for key, value in values.items()})
        from html import escape

        return mark_english(escape(text, quote=False) % {key: value.__html__() if isinstance(value, Worded)
                                                         else escape(value) for key, value in values.items()},
                            direction=text_direction(lang))

    def fallback_hints(self, lang: str) -> tuple[str, str, str, str]:
        """The accessible descriptions of a passage a translation shows in the original language: one not
        translated yet, one translated before its German changed (``render``'s ``stale_hint``), one whose
        translation the QA gate holds back (``held_hint``), and one whose translation is a draft nobody checked
        (``unchecked_hint``)."""
        return (self.ui(lang, "Not translated yet: shown in the original language"),
                self.ui(lang, "Updated in the original; translation pending review: shown in the original language"),
                self.ui(lang, "Translation failed a quality check: shown in the original language"),
                self.ui(lang, "Translated, not checked yet: shown in the original language"))

    def link_note(self, lang: str) -> tuple[str, str]:
        """What a link in a ``lang`` page to the original's page says after its text (``render``'s ``link_note``):
        "(German)" in ``lang``, with the language it is in (English while ``lang``'s site.po lacks it); nothing in
        the original's own pages, whose links all lead to pages in its language."""
        if lang == self.source:
            return "", ""
        note = self.ui(lang, "(%(language)s)", language=Worded(_locale(lang).languages.get(self.source, self.source),
                                                               english_name(self.source)))
        return note, "en" if self.translations[lang].gettext("(%(language)s)").startswith(MESSAGE_OPEN) else lang

    def articles(self, lang: str) -> list[Page]:
        """A language's published articles, newest first."""
        mine = [p for (code, _), p in self.published.items() if code == lang and not p.standalone]
        return sorted(mine, key=lambda p: (_instant(p.date, self.config.zone), p.slug), reverse=True)

    def item(self, page: Page) -> dict:
        """``_item`` of ``page``, worked out once per build and only for the pages and lists rendered."""
        name = (page.lang, page.slug)
        if name not in self.items:
            self.items[name] = _item(self, page)
        return self.items[name]

    def unavailable(self, lang: str) -> list[dict]:
        """The German originals of the articles not (yet) published in ``lang``, newest first: title, summary (or
        None; the index page's search matches both: search.js), href, and withdrawn (True for one whose address
        shows the notice, ``noticed``: the index says "not available at the moment", not "not yet")."""
        slugs = {*self.held_back.get(lang, ()), *self.untranslated.get(lang, ())}
        german = [self.published[(self.source, s)] for s in slugs
                  if (self.source, s) in self.published and not self.published[(self.source, s)].standalone]
        return [{"title": p.title, "summary": p.summary, "href": self.urls.path("article", self.source, p.slug),
                 "withdrawn": p.slug in self.noticed.get(lang, ())}
                for p in sorted(german, key=lambda p: (_instant(p.date, self.config.zone), p.slug), reverse=True)]

    def pages(self, lang: str) -> list[Page]:
        """A language's published standalone pages (source_de/seiten/), by slug."""
        return [p for (code, _), p in sorted(self.published.items()) if code == lang and p.standalone]

    def legal(self, lang: str) -> list[dict]:
        """The footer's legal links: the page in ``lang``, else the German one (``hreflang`` says so), ``address`` its
        full address (print shows it); ``lang`` the
        language of a title shown in German, ``german`` the German title a translated one may quote (``quoting``)."""
        links = []
        for slug in self.practice.legal:
            if (self.source, slug) not in self.published:  # its source cannot be read now (reported) and never was
                continue
            code = lang if (lang, slug) in self.published else self.source
            page = self.published[(code, slug)]
            translated = code != self.source and "title" not in page.front_fallback  # may quote the German title
            links.append({"href": self.urls.path("article", code, slug), "title": page.title,
                          "address": self.urls.absolute("article", code, slug),  # printed after the link
                          "hreflang": code if code != lang else None, "lang": None if translated else self.source,
                          "german": self.published[(self.source, slug)].title if translated else None})
        return links

    def social(self, lang: str, kind: str, title: str, description: str | None, url: str, langs: list[str],
               image: tuple[str, str | None] | None = None) -> dict:
        """A page's Open Graph values (social.py): ``url`` absolute, ``langs`` its editions' languages,
        ``image`` (src as the body has it, alt) its own first image, else the site's ``[site] image``; the alt
        None (no ``og:image:alt``) where it is not in ``lang`` (German under an English ``og:locale``)."""
        from .social import og_locale

        if image is None and self.practice.image:
            alt = self.localized(lang, self.practice.image_alt)
            image = (self.urls.path("media", name=self.practice.image),
                     None if alt and alt["lang"] else alt["text"] if alt else "")
        return {"type": kind, "title": title, "description": description, "url": url,
                "locale": og_locale(lang), "alternates": [og_locale(code) for code in langs if code != lang],
                "image": urljoin(url, image[0]) if image else None, "image_alt": image[1] if image else None}

    def localized(self, lang: str, text: Localized) -> dict | None:
        """A per-language text of verlag.toml for an edition: its text and, when it is German, that lang."""
        found = text.get(lang)
        return {"text": found[0], "lang": found[1] if found[1] != lang else None} if found else None

    def cluster(self, slug: str) -> list[dict]:
        """hreflang alternates of an article: every published edition, itself included, and x-default."""
        links = [{"hreflang": lang, "href": self.urls.absolute("article", lang, slug)}
                 for lang in self.languages if (lang, slug) in self.published]
        return links + [{"hreflang": "x-default", "href": self.urls.absolute("root")}]

    def offered(self, lang: str) -> bool:
        """Whether the home page of ``lang`` is offered to readers and search engines: the original's always, a
        translation's while it has a published article. One whose last article was withdrawn keeps its address
        (``indexed``) but lists nothing to read: a thin page, left out of the sitemap and the ``hreflang``
        cluster (Google Search Central, "Tell Google about localized versions of your page": alternates name
        pages worth showing, every member carries the same set), ``noindex``, and shown on the chooser and
        switchers as no link (SITE.md 4, 5, 6, 9)."""
        return lang == self.source or lang in self.live

    def home_cluster(self) -> list[dict]:
        """hreflang alternates of the home pages: each offered one (``offered``) and x-default, the chooser."""
        return [{"hreflang": lang, "href": self.urls.absolute("index", lang)} for lang in self.languages
                if self.offered(lang)] + [{"hreflang": "x-default", "href": self.urls.absolute("root")}]

    def switch(self, lang: str, slug: str | None = None, kind: str = "article") -> list[dict]:
        """The switcher: the same article where it is published, else that language's home page (also from a 404
        page: its ``/en/404.html`` was a "page not found" in English, answered with 200, for an address that
        exists in no language). A language without a published article (its last one withdrawn) is left out but
        on its own pages: its index would offer nothing in it.
        From an article (or page) to a language it is not published in, the entry leads to that language's home
        page and says so in that language: ``home`` a visible "(home page)", ``title`` why (plain text), so it no
        longer looks like a link to the article's translation (WCAG 2.4.4, link purpose; 1.4.1: not by colour)."""
        out = []
        for code in self.languages:
            if code != lang and code != self.source and code not in self.live:
                continue
            link = {"lang": code, "name": language_name(code), "current": code == lang, "home": None, "title": None}
            if kind == "article" and slug and (code, slug) in self.published:
                link["href"] = self.urls.path("article", code, slug)
            else:
                link["href"] = self.urls.path("index", code)
                if kind == "article" and slug and code != lang:
                    link["home"] = Markup(self.ui(code, "(home page)", markup=True))
                    link["title"] = self.ui(
                        code, "This article is not available in this language: the link leads to the home page.")
            out.append(link)
        return out

    def common(self, lang: str) -> dict:
        return {"lang": lang, "dir": text_direction(lang), "home": self.urls.path("index", lang),
                "feed": self.urls.absolute("feed", lang), "feed_link": self.urls.path("feed", lang),
                "canonical": None, "alternates": [], "noindex": False,
                "source_name": Worded(_locale(lang).languages.get(self.source, self.source), english_name(self.source)),
                "legal": self.legal(lang),
                "social": None}


def _legal_footer(site: _Site, lang: str) -> str | None:
    """The footer of a ``lang`` page written without a template (``redirect_page``'s, an old address's;
    the legal links as ``macros.html``'s ``legal_nav`` writes them, as HTML; None without legal pages."""
    links = site.legal(lang)
    if not links:
        return None
    items = "".join(
        Markup('<li><a href="{}"{}{}>{}</a></li>').format(
            link["href"], Markup(' hreflang="{}"').format(link["hreflang"]) if link["hreflang"] else "",
            Markup(' lang="{}"').format(link["lang"]) if link["lang"] and link["lang"] != lang else "",
            quoting(link["title"], link["german"], site.source))
        for link in links)
    return Markup('<footer class="site-footer"><nav class="legal" aria-label="{}"><ul>{}</ul></nav></footer>').format(
        site.ui(lang, "Legal"), Markup(items))


def _kept_footers(site: _Site, recorded: object, spoken: Mapping[str, str]) -> dict[str, list]:
    """lang -> [key, ``_legal_footer``] of the source language and each translation's, for the pages at old
    addresses; and the record for the next build. The key is a digest of the UI words (``spoken``,
    ``uistrings.translations_digest``) and the legal links (``_Site.legal``); a footer whose key the last build
    recorded (``recorded``) is taken from there: rendering one loads Jinja and Babel, which a build with nothing
    changed does not."""
    out = {}
    for lang in (site.source, *site.config.languages):
        key = hashlib.sha256(json.dumps([spoken.get(lang, ""), site.legal(lang)]).encode()).hexdigest()
        kept = recorded.get(lang) if isinstance(recorded, dict) else None
        if isinstance(kept, list) and len(kept) == 2 and kept[0] == key and isinstance(kept[1], (str, type(None))):
            out[lang] = kept
        else:
            footer = _legal_footer(site, lang)
            out[lang] = [key, None if footer is None else str(footer)]
    return out


def quoting(title: str, german: str | None, lang: str) -> Markup:
    """``title`` (plain text, a translation's) as HTML with each whole-word quotation of ``german``, its original's
    title ("Legal notice (Impressum)": the law's German name kept), in ``<span lang>`` of the source language
    ``lang``, so a screen reader speaks it as German; escaped as it is where it quotes none (``german`` None:
    the title is the original's own, or shown in German and marked so as a whole)."""
    if not german or german == title or german not in title:
        return escape(title)
    pattern = re.compile(rf"(?<!\w){re.escape(german)}(?!\w)")
    marked = Markup('<span lang="{}">{}</span>').format(lang, german)
    return marked.join(escape(part) for part in pattern.split(title))


def language_name(code: str) -> str:
    """A language's name in that language ("Deutsch", "English", "français")."""
    locale = _locale(code)
    return locale.get_display_name(locale) or code


def english_name(code: str) -> str:
    """A language's English name from CLDR ("German", "Polish"), for a message shown in English."""
    return _locale("en").languages.get(_locale(code).language, code)


def own_and_english_name(code: str) -> Worded:
    """``language_name`` that a message shown in English says in English (``uistrings.Worded``)."""
    return Worded(language_name(code), english_name(code))


@functools.lru_cache(maxsize=64)
def _locale(code: str) -> Locale:
    """Babel's ``Locale`` of a BCP 47 tag; one object per tag, only read (names, date formats): every page asked
    ``Locale.parse`` anew some seven times, each new object loading its CLDR data again."""
    from babel import Locale

    return Locale.parse(code.replace("-", "_"))


_DAY_FIELD = re.compile(r"(?<![d'])d(?![d'])")  # the day of month, alone, in a CLDR date pattern


def long_date(moment: Moment, locale: Locale) -> str:
    """``moment``'s day in CLDR's long date format for ``locale`` (Babel ``format_date(..., "long")``), as a page
    shows it: its day and month on one line (``nobreak.date_pattern``: "May\u00a026, 2026", "26.\u00a0Mai 2026"),
    and French writes the first of a month as an ordinal: "1er avril 2026", "2 avril 2026" (French
    typography, e.g. the Imprimerie nationale's Lexique; date-fns and Moment.js format French long dates so;
    CLDR's pattern "d MMMM y" has no ordinal day and gives "1 avril 2026")."""
    from babel.dates import format_date

    from .nobreak import date_pattern

    day = calendar_day(moment)
    pattern = locale.date_formats["long"].pattern
    if locale.language == "fr" and day.day == 1:
        pattern = _DAY_FIELD.sub("d'er'", pattern, count=1)
    return format_date(day, date_pattern(pattern), locale=locale)


def _item(site: _Site, page: Page) -> dict:
    """What lists, feeds and article headers show of an article: localized dates (as the page's language sets them,
    a day with its month on one line: "26.\u00a0Mai 2026", "May\u00a026, 2026", ``long_date``) and reading time."""
    locale, english = _locale(page.lang), _locale("en")

    def day(moment: Moment) -> Worded:
        return Worded(long_date(moment, locale), long_date(moment, english))

    updated = day(page.updated) if page.updated else None
    minutes = page.reading_minutes  # counts the body's words: once for both languages' wording
    # the text changed after its medical review: the page must not let the review vouch for it
    outdated = _time(changed, day(changed)) if (changed := _review_outdated(page)) else None
    return {
        "page": page,
        "href": site.urls.path("article", page.lang, page.slug),
        "absolute": site.urls.absolute("article", page.lang, page.slug),
        "original": site.urls.path("article", site.source, page.slug) if page.lang != site.source else None,
        # its full address, which print prints after the review line's link as after the notice's (``data-address``)
        "original_address": site.urls.absolute("article", site.source, page.slug) if page.lang != site.source else None,
        "date_iso": page.date.isoformat() if page.date else "",
        "date": long_date(page.date, locale) if page.date else "",
        "updated": updated,
        # without ``updated:``, the day the body changed after the review: a macros.html copied before that day
        # was recorded (reviewT) names ``updated_time`` as the day of the change, which it printed as "None"
        "updated_time": _time(page.updated, updated) if page.updated else outdated,
        "reading": Worded(_minutes(minutes, locale), _minutes(minutes, english)),
        # in <time datetime> as every date a page shows (SITE.md 8), the day of the change beside it too
        "last_reviewed": _time(page.last_reviewed, day(page.last_reviewed)) if page.last_reviewed else None,
        "review_outdated": outdated,
        "byline": _names(page.authors, locale),
        "published": _stamp(page.date, site.config.zone),
        "modified": _stamp(page.updated or page.date, site.config.zone),
    }


def _names(names: tuple[str, ...], locale: Locale) -> Markup:
    """The article's ``names`` as the byline shows them: each in ``<bdi>`` (a name keeps its own direction on a
    right-to-left page), joined as ``locale`` joins a list (CLDR by Babel: "Anna Berger und Tom Lenz", "Anna Berger
    and Tom Lenz")."""
    if not names:
        return Markup("")
    from babel.lists import format_list

    joined = str(escape(format_list([f"\x00{i}\x00" for i in range(len(names))], locale=locale)))
    for i, name in enumerate(names):
        joined = joined.replace(f"\x00{i}\x00", f"<bdi>{escape(name)}</bdi>")
    return Markup(joined)


@functools.lru_cache(maxsize=256)
def _minutes(minutes: int, locale: Locale) -> str:
    """A reading time in CLDR's long words for ``locale`` ("5\u00a0Minuten", the number and its word on one line:
    ``nobreak.number_with_unit``), by Babel's ``format_unit``: worked out once per number and language, not twice
    for each of a site's pages."""
    from babel.units import format_unit

    from .nobreak import number_with_unit

    return number_with_unit(format_unit(minutes, "duration-minute", length="long", locale=locale))


def _review_outdated(page: Page) -> Moment | None:
    """The day the German text changed after its medical review, None while the review covers it: the later of
    ``updated``, where it is after ``last_reviewed``, and the day ``extract`` saw the body change after it
    (``Page.review_changed``: an edit without ``updated``, trial 18; the editions stage decided it,
    ``textchanged.review_changed``, a change on the review's own day included, trial 19)."""
    if not page.last_reviewed:
        return None
    days = [d for d in (page.updated,) if d and later(d, page.last_reviewed)] + \
        ([page.review_changed] if page.review_changed else [])
    return max(days, key=calendar_day) if days else None


def _time(moment: Moment, shown: object) -> Markup:
    """``<time datetime>`` of a front-matter date, showing ``shown`` (its words in the page's language)."""
    return Markup('<time datetime="{}">{}</time>').format(moment.isoformat(), shown)


def _instant(moment: Moment | None, zone: dt.tzinfo | None) -> dt.datetime:
    """An aware instant to order and stamp by: a day counts from its midnight in ``zone`` (verlag.toml's
    ``timezone``, where the author's day begins; None: UTC), as a time without a zone does; None is 1970-01-01
    UTC. A midnight whose offset has seconds (a zone's local mean time before about 1893, as
    ``sources.read_date`` gives such a time) is in UTC: RFC 3339 offsets are whole minutes."""
    if isinstance(moment, dt.datetime):
        return moment
    if moment is None:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    midnight = dt.datetime.combine(moment, dt.time(), zone or dt.timezone.utc)
    try:
        return midnight.astimezone(dt.timezone.utc) if midnight.utcoffset() % dt.timedelta(minutes=1) else midnight
    except OverflowError:  # 0001-01-01 east of UTC: its first minute in UTC is no date Python has
        return dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)


def _newest_original(site: _Site) -> dt.datetime:
    """The newest date (``updated``, else ``date``) of the published German articles; without one that of the
    published German pages (source_de/seiten/), without one the build's moment (SOURCE_DATE_EPOCH when set, as
    reproducible builds set it). An empty feed is dated by it: RFC 4287 4.1.1 requires a feed's ``atom:updated``,
    the last time it changed significantly (4.2.15), and 1970 would be no true date of it."""
    dates = {standalone: [_instant(page.updated or page.date, site.config.zone)
                          for (lang, _), page in site.published.items()
                          if lang == site.source and page.standalone == standalone and (page.updated or page.date)]
             for standalone in (False, True)}
    newest = max(dates[False], default=None) or max(dates[True], default=None)
    if newest is not None:
        return newest
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() \
        else dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _stamp(moment: Moment | None, zone: dt.tzinfo | None) -> str:
    """RFC 3339 date-time for Atom (RFC 4287 3.3), the author's time zone kept: 2020-09-09T00:00:00+02:00 (a day
    as ``_instant`` starts it)."""
    return _instant(moment, zone).isoformat().replace("+00:00", "Z")


def _jsonld(site: _Site, page: Page, german_html: bool = False) -> Markup:
    """schema.org Article; a translation names its original (SITE.md 10), and its translator once it is fully
    reviewed (a machine draft has none) and shows no German text of the original's HTML blocks (``german_html``).

    An article whose front matter says who checked it (``reviewed_by``, ``last_reviewed``) is a
    schema.org ``MedicalWebPage`` with ``reviewedBy`` (a Person: name, jobTitle, url) and ``lastReviewed``.
    Those say who reviewed "the content on this page" (https://schema.org/reviewedBy), and the medical review
    was of the German text: a translation carries them on its ``translationOfWork``, the original, not on
    itself, whether or not a translator checked it. A review the German text changed after (``_review_outdated``) is
    claimed nowhere, and the page is a plain ``Article``: schema.org has no way to say "reviewed,
    but not this text", which the page's byline says in words, and search engines take ``lastReviewed`` as vouching
    for the content as it is.

    ``headline`` is the title only where the page shows it in its own language: a title not translated yet
    (``front_fallback``) is German text, which the data would claim as ``inLanguage``'s (the page's
    ``<h1>`` carries ``lang``). The description likewise (``Page.description``).
    """
    medical = (page.reviewed_by or page.last_reviewed) and not _review_outdated(page)
    data = {
        "@context": "https://schema.org", "@type": "MedicalWebPage" if medical else "Article",
        "inLanguage": page.lang, "url": site.urls.absolute("article", page.lang, page.slug),
    }
    if "title" not in page.front_fallback:
        data["headline"] = page.title
    review = {}
    if medical and page.reviewed_by:
        names = {"name": "name", "qualification": "jobTitle", "url": "url"}
        review["reviewedBy"] = {"@type": "Person", **{names[k]: v for k, v in page.reviewed_by.items()}}
    if medical and page.last_reviewed:
        review["lastReviewed"] = page.last_reviewed.isoformat()
    if page.lang != site.source and page.credits_translator and not german_html:
        data["translator"] = {"@type": "Person", "name": page.translator}
    if page.description:
        data["description"] = page.description
    if page.date:
        data["datePublished"] = page.date.isoformat()
    if page.updated:
        data["dateModified"] = page.updated.isoformat()
    if page.authors:  # each person a Person: "Anna Berger, Tom Lenz" is no one's name
        people = [{"@type": "Person", "name": name} for name in page.authors]
        data["author"] = people[0] if len(people) == 1 else people
    if page.lang != site.source:
        data["translationOfWork"] = {"@type": data["@type"], "inLanguage": site.source,
                                     "@id": site.urls.absolute("article", site.source, page.slug), **review}
    else:
        data.update(review)
        data["workTranslation"] = [{"@type": "Article", "inLanguage": lang,
                                    "@id": site.urls.absolute("article", lang, page.slug)}
                                   for lang in site.languages[1:] if (lang, page.slug) in site.published]
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@dataclass(frozen=True)
class _BodyPlan:
    """Everything an article body's HTML depends on besides its own edition record, made once per build.

    Picklable: the pool's workers (``pool.map_articles``) render with the same
    plan as the parent, so a body is the same bytes wherever it was rendered.
    """

    source: str  # the German original's language code
    urls: Urls
    published: frozenset[tuple[str, str]]  # (lang, slug) of every published page
    media: Media  # the files each German original references (``files`` only)
    words: dict[str, tuple]  # lang -> (footnote back-reference label, the fallback passages' titles, link note);
    # empty until a body is to be rendered (``speaking``)
    contexts: dict[str, str]  # lang -> digest of the above as far as a body in ``lang`` depends on it
    renamed: dict[str, str] = field(default_factory=dict)  # an article's old name -> its slug (``old_names``)
    todo: frozenset[str] = frozenset()  # "lang/slug" of the bodies the workers render
    allowances: dict = field(default_factory=dict)  # "de/slug" -> cached entry of a German body not in todo
    clean: bool = False  # ``Settings.clean_html``
    moved: frozenset[str] = frozenset()  # the old site's addresses redirects.txt answers (``moved_paths``)
    static: frozenset[str] = frozenset()  # the files of the site's static/ folder (``static_names``)

    @classmethod
    def of(cls, site: _Site, spoken: dict[str, str], renamed: dict[str, str],
           moved: frozenset[str] = frozenset(), static: frozenset[str] = frozenset()) -> _BodyPlan:
        """``spoken``: lang -> ``uistrings.translations_digest``, what the words depend on; they are not looked
        up here. ``renamed``: ``redirects.old_names`` of the site's German originals; ``moved``: ``moved_paths``;
        ``static``: ``static_names``."""
        published = frozenset(site.published)
        contexts = {lang: hashlib.sha256(json.dumps(
            [code_digest(), lang, sorted(f"{code}/{slug}" for (code, slug) in published if code in (lang, site.source)),
             spoken[lang], site.urls.base_url, renamed, site.clean_html, sorted(moved),
             sorted(site.languages), sorted(static)]).encode("utf-8")).hexdigest()
            for lang in site.languages}
        return cls(site.source, site.urls, published,
                   Media(site.media.files, asks=site.media.asks, copied=site.media.copied), {}, contexts, renamed,
                   clean=site.clean_html, moved=moved, static=static)

    def speaking(self, site: _Site) -> _BodyPlan:
        """This plan with its ``words``, in the UI translations of each language (``_Site.ui``)."""
        if self.words:
            return self
        return replace(self, words={lang: (site.ui(lang, "Back to the text"), *site.fallback_hints(lang),
                                           site.link_note(lang)) for lang in site.languages})

    def link(self, lang: str, slug: str) -> tuple[str, str | None] | None:
        """The page an article link from an edition in ``lang`` goes to: that edition, else the original, with the
        original's language then (``render``'s ``links``); a link to an article's old name or old address
        (``renamed``, ``redirects.old_path``) goes to the article, one to an article's file (``<name>.md``) to
        that file's article (``redirects.file_slug``). None: no such published article."""
        if slug.endswith(".md"):
            slug = file_slug(self.renamed, slug.removesuffix(".md"))
        elif (self.source, slug) not in self.published:
            if slug.startswith("/") and slug not in self.renamed:  # an old address below the base path
                slug = old_path(self.urls.on_site(slug))
            slug = self.renamed.get(slug, slug)
        for code in (lang, self.source):
            if (code, slug) in self.published:
                return self.urls.path("article", code, slug), None if code == lang else code
        return None

    def nowhere(self, path: str) -> bool:
        """Whether a root-relative link's ``path`` that ``link`` found no article for is an article page's address
        in one of the site's language folders (``Urls.page_address``) that this build makes no page at, or a file
        of the site's static/ folder (``static_names``) or media/ folder (``Media.copied``) that it does not
        copy there, and redirects.txt does not answer: a reader would get 'not found' (``render``'s
        ``nowhere``)."""
        path = self.urls.on_site(path)
        if old_path(path) in self.moved:
            return False
        page = self.urls.page_address(path, self.contexts)
        if page is not None:
            return page not in self.published
        name = self.urls.static_name(path)
        if name is not None:
            return name not in self.static
        name = self.urls.media_name(path)
        return name is not None and name not in self.media.copied

    def address(self, path: str) -> str | None:
        """The address a root-relative link's ``path`` outside the site's base path is written as, when it names
        something the site has below that path (``Urls.on_site``): a language's front page or feed, a file of its
        static/ or media/ folder, the search, an old address redirects.txt answers (``/media/bilder/tee.png`` ->
        ``/praxis/media/bilder/tee.png``); None: kept as written (``render``'s ``site_address``)."""
        full = self.urls.on_site(path)
        if full == path:
            return None
        if old_path(full) in self.moved or self.urls.serves(full, self.contexts, self.static, self.media.copied):
            return full
        return None

    def media_url(self, lang: str, slug: str, url: str) -> str | None:
        """Where the file an article's German original references is published for an edition in ``lang``
        (its language variant, if there is one; None: no such file)."""
        rel = file_path(url)
        shown = self.media.for_language(slug, rel, lang) if rel is not None else None
        return self.urls.path("media", name=shown) if shown else None


class _Bodies:
    """Article bodies as HTML, rendered again only when their Markdown or links changed.

    ``cache`` and ``fresh`` map "lang/slug" to an entry: ``key`` (digest of
    everything the HTML depends on), ``html``, and ``raw``/``urls`` (what the
    body contains: for a German original, its translations' ``Allowance``).
    ``answers`` are the pool's renders by slug (``_pooled_bodies``), taken
    when their key is the one this process computes. ``kept``: the unchanged
    pages' bodies, carried over from ``cache`` by name without reading it.
    With a ``_StoredBodies`` cache (the building process), a fresh entry's
    HTML goes into it at once and is read back when asked for again (a feed),
    so the bodies of a whole site are never held at once; only the one put last
    is kept (``held``), for the page that asked for it.
    """

    def __init__(self, plan: _BodyPlan, cache: dict | _StoredBodies, pages: dict[tuple[str, str], Page],
                 sources: dict[str, Article] | None = None):
        self.plan = plan
        self.cache = cache
        self.spill = isinstance(cache, _StoredBodies)
        self.pages = pages  # (lang, slug) -> published page
        self.sources = sources or {}  # slug -> German original, for the line of a failure
        self.answers: Results | None = None
        self.fresh: dict = {}
        self.kept: list[str] = []
        self.keys: dict[str, str] = {}
        self.pages_made: dict[str, tuple[bytes, dict]] = {}  # "lang/slug" -> page and item a worker made (``made``)
        self.held: tuple[str, str] | None = None  # the name and HTML of the body put into the cache last

    def key(self, page: Page) -> str:
        """The digest of what ``page``'s body HTML depends on: its text, its links' targets, UI words and,
        for a translation, its German original's body (the allowance)."""
        name = f"{page.lang}/{page.slug}"
        if name not in self.keys:
            original = self.original(page)
            self.keys[name] = hashlib.sha256(json.dumps(
                [self.plan.contexts[page.lang], page.body, self.key(original) if original else "",
                 self.plan.media.key(page.slug)]).encode("utf-8")).hexdigest()
        return self.keys[name]

    def original(self, page: Page) -> Page | None:
        """The published German original a translation is checked against (None: ``page`` is one, or there is none)."""
        return None if page.lang == self.plan.source else self.pages.get((self.plan.source, page.slug))

    def stale(self, page: Page) -> bool:
        """Whether ``page``'s body must be rendered: no cached entry with its key."""
        entry = self.cache.get(f"{page.lang}/{page.slug}")
        return not entry or entry.get("key") != self.key(page)

    def get(self, page: Page) -> str:
        """``page``'s body HTML: carried over, taken from the pool, or rendered here (``VerlagError`` at the
        German original's file and line when it cannot be)."""
        name = f"{page.lang}/{page.slug}"
        entry = self.entry(page)
        if "html" in entry:
            return entry["html"]
        if self.held is not None and self.held[0] == name:  # just taken: not read back from the cache
            return self.held[1]
        return self.cache.get(name)["html"]

    def entry(self, page: Page) -> dict:
        """``page``'s entry as ``get`` finds it; without its ``html`` when that went into the cache."""
        name = f"{page.lang}/{page.slug}"
        self._answered(page)
        if name not in self.fresh:
            entry = self.cache.get(name)
            if entry and entry.get("key") == self.key(page):  # unchanged (``stale``): in the cache as it is
                self.fresh[name] = {k: v for k, v in entry.items() if k != "html"} if self.spill else entry
            else:
                original = self.original(page)
                self._take(name, self._render(page, self.entry(original) if original else None))
        return self.fresh[name]

    def _answered(self, page: Page) -> None:
        """Take the pool's entries for ``page``'s article that were rendered from the very records this process
        keys them by."""
        if f"{page.lang}/{page.slug}" not in self.fresh and self.answers is not None:
            for lang, entry in (self.answers.get(page.slug) or {}).items():
                if f"{lang}/{page.slug}" not in self.fresh and entry["key"] == self.key(self.pages[(lang, page.slug)]):
                    self._take(f"{lang}/{page.slug}", entry)

    def made(self, page: Page) -> tuple[bytes, dict] | None:
        """The page a worker templated from ``page``'s body (``_pooled_bodies``), taken with that body, and the
        ``_item`` it worked out for it (without its "page"); None when there is none."""
        self._answered(page)
        return self.pages_made.pop(f"{page.lang}/{page.slug}", None)

    def _take(self, name: str, entry: dict) -> None:
        if "made" in entry:
            entry = dict(entry)
            self.pages_made[name] = entry.pop("made")
        if self.spill:
            self.cache.put(name, entry)
            self.held = (name, entry["html"])
            entry = {k: v for k, v in entry.items() if k != "html"}
        self.fresh[name] = entry

    def keep(self, page: Page) -> None:
        """An unchanged page: carry its rendered body over without rendering."""
        self.kept.append(f"{page.lang}/{page.slug}")

    def save(self, recorded: list[str] | None) -> list[str] | None:
        """Cache the bodies for the next build (``_StoredBodies.save``): every kept one stays as it is, every
        other one as taken or rendered now. Returns the names the cache holds then, sorted; None when that is
        what it holds already (``recorded``: the names the last save returned), so a build that rendered no
        body never opens the cache."""
        if not self.fresh and sorted(self.kept) == recorded:
            return None
        return self.cache.save({*self.fresh, *self.kept})

    def _render(self, page: Page, base: dict | None) -> dict:
        """``page``'s body; a translation's with the allowance and heading ids of ``base``, its German
        original's entry (``render``; None: no published original, so no raw HTML or address of the German
        is allowed)."""
        from .render import Allowance, render, sanitized

        allowance = Allowance(frozenset(base["raw"]), frozenset(base["urls"])) if base \
            else None if page.lang == self.plan.source else Allowance()
        heading_ids = tuple(base["ids"]) if base else None
        plan = self.plan
        words = plan.words[page.lang]
        try:
            rendered = render(page.body, lambda slug: plan.link(page.lang, slug), allowance, words[0], plan.source,
                              lambda url: plan.media_url(page.lang, page.slug, url), words[1], words[2],
                              heading_ids, words[3], True, page.lang,  # no_break: each language's typography
                              plan.nowhere, words[4], words[5], plan.address)
        except VerlagError as exc:  # the German original, rendered first, is where the author can fix it
            article = self.sources.get(page.slug)
            if article is None:
                raise
            raise VerlagError(exc.message, article.ref, exc.line and exc.line + article.body_line - 1) from None
        body = sanitized(rendered.html, plan.urls.base_url) if plan.clean else rendered.html
        return {"key": self.key(page), "html": body, "raw": sorted(rendered.allowance.raw),
                "urls": sorted(rendered.allowance.urls), "german": rendered.german, "ids": list(rendered.ids)}


class _StoredBodies:
    """The bodies cache of the last build (``BODIES_FILE``): a SQLite database (``sqlitedb.Database``) with one
    row per body, "lang/slug" -> its ``_Bodies`` entry as JSON, so a build reads only the bodies it needs and
    none is held longer than the page that shows it (one JSON document of them all took 156 MB at 10,000
    articles, read and written whole). Opened on first use (a build that renders no body does not even load
    SQLite); a damaged file, met on opening it or by any later
    statement, is deleted and made afresh with a warning in ``warnings`` (``sqlitedb.REBUILD``: the build goes
    on and renders again what it held), and an entry of the wrong shape is rendered again: it is regenerable,
    written without fsync. Raises ``sqlite3.Error`` for what a new file does not cure (an unwritable
    ``.verlag/``)."""

    def __init__(self, path: Path, root: Path):
        self.path, self.root = path, root
        self._store: Database | None = None

    @property
    def store(self) -> Database:
        if self._store is None:
            from .sqlitedb import REBUILD, Database

            self._store = Database(self.path, _bodies_schema, REBUILD, root=self.root, isolation_level=None)
        return self._store

    @property
    def warnings(self) -> list[str]:
        return self._store.warnings if self._store is not None else []

    def get(self, name: str) -> dict | None:
        """The cached entry of "lang/slug", or None (none, or not of the shape ``_Bodies._render`` stores)."""
        row = self.store.use(lambda db: db.execute("SELECT entry FROM bodies WHERE name = ?", (name,)).fetchone())
        try:
            entry = json.loads(row[0]) if row else None
        except (TypeError, ValueError):
            return None
        return entry if _body_entry(entry) else None

    def put(self, name: str, entry: dict) -> None:
        """Store the entry of "lang/slug" in this build's transaction (begun here; ``save`` commits it, a
        build that stops before rolls it back): read back by ``get`` meanwhile. On a damaged file the entries
        put before are gone with it: ``get`` finds none, and the page renders them again."""
        def put(db: sqlite3.Connection) -> None:
            if not db.in_transaction:
                db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT OR REPLACE INTO bodies VALUES (?, ?)", (name, json.dumps(entry)))

        self.store.use(put)

    def save(self, keep: set[str]) -> list[str]:
        """Commit the entries ``put`` with every other one deleted that ``keep`` does not name; returns the
        names stored, sorted. The JSON document of an older verlag is removed."""
        def save(db: sqlite3.Connection) -> list[str]:
            if not db.in_transaction:
                db.execute("BEGIN IMMEDIATE")
            try:
                held = [name for (name,) in db.execute("SELECT name FROM bodies").fetchall()]
                db.executemany("DELETE FROM bodies WHERE name = ?", [(name,) for name in held if name not in keep])
                names = sorted(name for name in held if name in keep)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            return names

        names = self.store.use(save)
        (self.store.path.parent / OLD_BODIES_FILE).unlink(missing_ok=True)
        return names

    def close(self) -> None:
        """Let the connection go before the pool forks (``Database.close``); the next use opens it again."""
        if self._store is not None:
            self._store.close()


def _bodies_schema(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE TABLE IF NOT EXISTS bodies (name TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID")


def _body_entry(entry) -> bool:
    """Whether ``entry`` (JSON) has the shape ``_Bodies._render`` stores: key, html, raw, urls, german and ids."""
    return (isinstance(entry, dict) and isinstance(entry.get("key"), str) and isinstance(entry.get("html"), str)
            and isinstance(entry.get("german"), bool)
            and all(isinstance(entry.get(name), list) and all(isinstance(v, str) for v in entry[name])
                    for name in ("raw", "urls", "ids")))


def _pooled(config: Config, bodies: _Bodies, due: dict[str, Page], jobs: int | None, site: _Site) -> Results:
    """Start rendering the stale bodies of the ``due`` pages (file under site/ -> page) in the pool, one task per
    article, in the order the pages are written (``pool.map_articles``); a forked worker templates their pages
    too (``_Templating``)."""
    from .pool import map_articles

    plan = bodies.plan
    todo = {f"{page.lang}/{page.slug}" for page in due.values() if bodies.stale(page)}
    allowances = {}  # a German body carried over whose translation is rendered: the worker needs its allowance
    for name in todo:
        german = f"{plan.source}/{name.split('/', 1)[1]}"
        entry = bodies.cache.get(german) if german not in todo else None
        if entry:
            allowances[german] = {k: v for k, v in entry.items() if k != "html"}
    slugs = dict.fromkeys(page.slug for page in due.values() if f"{page.lang}/{page.slug}" in todo)
    bodies.cache.close()  # no SQLite connection may cross the fork: the workers get the plan, never the cache
    templating = _Templating(site, {f"{page.lang}/{page.slug}": rel for rel, page in due.items()})
    return map_articles(functools.partial(_pooled_bodies, replace(plan, todo=frozenset(todo), allowances=allowances),
                                          templating),
                        config, [bodies.sources[slug] for slug in slugs if slug in bodies.sources], jobs)


class _Templating:
    """What a worker needs to template the pages of the bodies it renders: the parent's ``_Site`` (its Jinja
    environments made, ``_BodyPlan.speaking``) and the file under site/ of each due page by "lang/slug".

    A forked worker has them as the parent had them when it forked, so its pages are the bytes the parent would
    make, and the parent's share of the site stage (templates, JSON-LD, the social tags) runs on every core.
    Pickled, for a worker that is not forked (spawn, outside Linux: a ``_Site`` with its Jinja environments does
    not pickle), it holds nothing, and the parent templates every page.
    """

    def __init__(self, site: _Site | None, due: dict[str, str]):
        self.site = site
        self.due = due

    def __reduce__(self):
        return _Templating, (None, {})


def _pooled_bodies(plan: _BodyPlan, templating: _Templating, config: Config, article: Article) -> dict[str, dict]:
    """In a worker: the bodies of ``article``'s editions that ``plan.todo`` names, rendered; lang -> ``_Bodies``
    entry, with the page's bytes and its ``_item`` (without the page, which the parent has) under "made" when
    ``templating`` made it without a problem (the parent makes the others, and reports what failed). The pages are the parent's (a forked worker), else read from their
    edition records."""
    site = templating.site
    pages = {}
    for lang in (plan.source, *config.languages):
        if (lang, article.slug) in plan.published:
            pages[(lang, article.slug)] = site.published[(lang, article.slug)] if site is not None \
                else _page(json.loads(file_bytes(record_path(config, lang, article.slug), EDITION)), "")
    bodies = _Bodies(plan, plan.allowances, pages)
    out = {lang: bodies.entry(page) for (lang, slug), page in pages.items() if f"{lang}/{slug}" in plan.todo}
    for lang, entry in out.items() if site is not None else ():
        rel = templating.due.get(f"{lang}/{article.slug}")
        problems: list[VerlagError] = []
        try:
            made = _article_page(site, bodies, rel, pages[(lang, article.slug)], problems) if rel else None
        except _Building:  # the parent makes it again, and names the template's line
            made = None
        if made is not None and not problems:
            item = {key: value for key, value in site.item(pages[(lang, article.slug)]).items() if key != "page"}
            out[lang] = {**entry, "made": (made, item)}
    return out


def _scanned(config: Config, article: Article) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """In a worker of the site stage's first pool: a German original's ``stored_references`` (its links and images)
    and ``_shown_otherwise``: the parent parsed the bodies holding a ``javascript:``, ``file:`` or ``data:`` for the
    latter itself, after the pool, while both cores waited for it to start the bodies pool (0.1 s of CPU at
    N = 500)."""
    return stored_references(config, article), _shown_otherwise(config, article)


def _shown_otherwise(config: Config, article: Article) -> list[tuple[int, str]]:
    """(line, message) of what a German original's page does not show as written: the addresses it shows as text
    (``refusedlinks.refused_links``), with ``[site] german_html = "clean"`` the raw HTML it leaves out
    (``rawhtml.left_out``), and its control characters and U+FFFD (``invisible.control_lines``, ``lost_lines``),
    which no reader sees as text, in ``check``'s and ``publish``'s words: the page is built all the same."""
    from .invisible import control_lines, lost_lines
    from .rawhtml import left_out
    from .refusedlinks import refused_links

    return sorted(refused_links(article.body, article.body_line) + left_out(
        article, config.site_url, config.section("site").get("german_html") == "clean")
        + control_lines(article.text) + lost_lines(article.text), key=lambda found: found[0])


def site_outputs(config: Config, pages: dict[tuple[str, str], Page], settings: Settings,
                 state: dict, exists=lambda rel: False, errors: list[VerlagError] | None = None,
                 jobs: int | None = None, sources: Sources | None = None, intact=None,
                 unread_catalogs: frozenset[str] = frozenset(), folders: Folders | None = None
                 ) -> tuple[dict[str, bytes | str | Path | None], _Site, dict, _Bodies]:
    """Every file of the site as text, keyed by its path under site/ (nothing is written here).

    An article page whose inputs have the key recorded in ``state`` and whose
    file ``exists`` (and is ``intact``: as the last build left it, ``handedits``; None: whenever it exists) maps
    to None: unchanged, not rendered again. So does the
    page of an article whose German source cannot be read now or names a file
    outside source_de/ (its last good page stays; without one it is left out)
    and a page that fails to render (reported in ``errors``). A page whose German source (no draft) still
    holds ``init``'s ``[[AUSFÜLLEN: ...]]`` placeholders is left out in every language, its links in the
    footer too, each placeholder an error at its line (``practice.unfilled_errors``). A file copied
    from source_de/ maps to its Path there. Article bodies are rendered in ``jobs`` worker processes
    (None: the CPU cores; ``pool.map_articles``); the text is the same for any number. ``sources``: the
    German originals as ``read_sources`` returns them (read here when None). An article page is held as
    UTF-8 bytes until it is written (half the memory of a ``str`` of text beyond Latin-1, as every page's
    is). ``unread_catalogs``: the catalogs (as the project names them) the editions stage could not read this build, for
    what the build says of a translation no longer published. ``folders``: the site's ``fsutil.Folders``, which
    makes each article page's folders before the page is taken from the pool and stages the page once it is made,
    while the workers render the pages after it (None: neither). Also returned: the ``_Site``, the state for
    ``STATE_FILE`` (without the names of the cached bodies) and the ``_Bodies``, whose ``save`` caches them for
    the next build.
    """
    errors = [] if errors is None else errors
    intact = exists if intact is None else intact
    sources = read_sources(config) if sources is None else sources
    # an edition's record says draft: true as its file does; a date after today is this run's (``schedule``)
    waiting = {a.slug for a in (*sources.articles, *sources.german_only) if a.scheduled is not None}
    pages = {key: replace(page, draft=True) if key[1] in waiting else page for key, page in pages.items()}
    slugs = {slug for (lang, slug), page in pages.items() if lang == config.source_language and not page.draft}
    documents = [a for a in (*sources.articles, *sources.german_only) if a.slug in slugs]
    # a page still holding init's [[AUSFÜLLEN: ...]] placeholders is no Impressum: left out in every language
    gaps = unfilled_errors(documents)
    errors.extend(e for found in gaps.values() for e in found)
    left_out = {a.slug: a.ref for a in documents if a.slug in gaps}  # a link to one says why it has no page
    documents = [a for a in documents if a.slug not in gaps]
    pages = {(lang, slug): page for (lang, slug), page in pages.items() if slug not in gaps}
    unread = unscanned(documents, state.get("media"))
    found: dict | Results = {}
    if unread:
        from .pool import map_articles

        found = map_articles(_scanned, config, unread, jobs)  # the German originals parsed in the pool
    shown_as_text: dict[str, list[tuple[int, str]]] = {}  # slug -> its ``_shown_otherwise``, worked out in the pool

    def scan(article: Article) -> list[tuple[str, int]]:
        answer = found.get(article.slug)
        if answer is None:
            return stored_references(config, article)
        refs, shown_as_text[article.slug] = answer
        return refs

    # the old names of the German originals the site is built from, worked out once for the link warnings and
    # the bodies' links: one set for both, so a link the build does not warn about is one the pages resolve (an
    # original left out for now, its references refused and no earlier page, still holds its names, as its file);
    # the names of the renames verlag knows too (``renames``), so a link to a renamed article's old file finds it
    renames = renamed_addresses(config, state, sources, GONE)
    renamed = old_names(documents, link_names(renames[0], {a.slug for a in documents}))
    urls = Urls(settings.base_url)
    moved = moved_paths(config)  # the old site's addresses redirects.txt answers
    # an original that cannot be read now keeps the German page of the last build, and links to it work
    standing = {slug for slug in sources.unreadable
                if exists(urls.file(urls.path("article", config.source_language, slug)))}
    static = static_names(config, settings.search)
    media = collect_media(config.source_dir, documents, state.get("media"), config.languages, scan, renamed,
                          lambda path, copied=None: urls.serves(path, (config.source_language, *config.languages),
                                                                static, copied) or old_path(path) in moved,
                          standing, theme_dirs(config), lambda path: urls.static_name(path) is not None,
                          lambda path: urls.media_name(urls.on_site(path)), site_image(config), previous_media(state),
                          bool(sources.unreadable), left_out, site_image_places(config), urls.base_path,
                          url_host(settings.base_url))
    errors.extend(media.errors)
    refused = {str(e.path) for e in media.errors}
    frozen = sources.unreadable | {a.slug for a in documents if a.ref in refused}  # pages kept as they are
    drafts = [slug for (lang, slug), page in pages.items() if lang == config.source_language and page.draft]
    # a frozen page stays as the last build made it: published (its file is there) or listed as not yet available
    pages = {(lang, slug): page for (lang, slug), page in pages.items()
             if slug not in frozen or exists(urls.file(urls.path("article", lang, slug)))
             or publication(page, settings, config.source_language, drafts) in (NOT_TRANSLATED, HELD_BACK)}
    files_before = set(state.get("files", []))  # an address that had a page keeps a withdrawn one (``_withdrawn``)
    site = _Site(config, settings, pages, media, {a.slug: a for a in documents}, load_practice(config), errors,
                 published_languages(files_before, urls))
    site.draft_sources = {a.slug: a for a in (*sources.articles, *sources.german_only) if a.draft}
    site.feed_names = feed_names(committed(config), {a.slug for a in (*sources.articles, *sources.german_only)}
                                 | sources.unreadable)
    site.left_out = {a.slug: (a, "its [[AUSFÜLLEN: …]] placeholders are not filled in" if a.slug in gaps
                              else "its problem said above")
                     for a in (*sources.articles, *sources.german_only) if not a.draft and a.slug not in site.sources}
    site.warnings += [f"{CONFIG_NAME}:{line}: {message}" for line, message in gone_published(
        gone_listed(config)[0], {**site.sources, **{slug: held[0] for slug, held in site.left_out.items()}})]
    if unread:  # a link the page shows as text, HTML it leaves out: said by the build that reads the changed original
        site.warnings += [f"{a.ref}:{line}: {message}" for a in unread for line, message in
                          (shown_as_text[a.slug] if a.slug in shown_as_text else _shown_otherwise(config, a))]
    site.withdrawn = {lang: {slug for slug in (*site.held_back.get(lang, ()), *site.untranslated.get(lang, ()))
                             if urls.file(urls.path("article", lang, slug)) in files_before}
                      for lang in config.languages}
    check_legal(config, site.practice,  # a draft or unfilled page is there, just not published (build says so)
                [*(p.slug for p in site.pages(site.source)), *sources.unreadable, *gaps, *site.drafts])
    site.warnings += unlinked_pages(config, site.practice, [*sources.articles, *sources.german_only])
    spoken = {lang: translations_digest(config, lang) for lang in site.languages}
    known = state.get("spoken") if isinstance(state.get("spoken"), dict) else {}
    clean = {}  # lang -> ``spoken`` of a language whose UI translations were read without a problem
    for lang in site.languages:  # a site.po not read cleanly at these bytes is read now: its problems are said
        before = len(errors)
        if known.get(lang) != spoken[lang]:
            site.env(lang)
        if len(errors) == before and lang not in site.in_english:  # English words are named every build
            clean[lang] = spoken[lang]
    plan = _BodyPlan.of(site, spoken, renamed, moved, static)
    bodies = _Bodies(plan, _StoredBodies(config.state_dir / BODIES_FILE, config.root), site.published, site.sources)
    previous = state.get("pages", {})
    theme = theme_digest(config)
    listed = {lang: site.articles(lang) + site.pages(lang) for lang in site.languages}
    keys: dict[str, str] = {}
    due: dict[str, Page] = {}  # file under site/ -> page to write, in the order they are written
    for lang, listing in listed.items():
        for page in listing:
            rel = urls.file(urls.path("article", lang, page.slug))
            german = site.published.get((site.source, page.slug))
            keys[rel] = hashlib.sha256(json.dumps(
                [theme, plan.contexts[lang], page.digest, german.digest if german else "",
                 [alt["hreflang"] for alt in site.cluster(page.slug)], media.key(page.slug),
                 list(site.languages), sorted(site.live),  # the switcher names every language with an article
                 site.legal(lang),  # and says in the words of each language without this one that it leads home
                 [spoken[code] for code in site.languages if code != lang and (code, page.slug) not in site.published]]
            ).encode("utf-8")).hexdigest()
            if page.slug in frozen:  # its source cannot be read or is refused: the last good page stays
                keys[rel] = previous.get(rel, "")
            if page.slug in frozen or previous.get(rel) == keys[rel] and intact(rel):
                bodies.keep(page)
            else:
                due[rel] = page
    if due:
        bodies.plan = bodies.plan.speaking(site)
        bodies.answers = _pooled(config, bodies, due, jobs, site)
    out: dict[str, bytes | str | Path | None] = {}
    failures: dict[int, list[VerlagError]] = {}  # due page's index -> its problems, reported in that order
    building: tuple[int, _Building] | None = None  # the first page in ``due`` order whose template failed
    for i, rel, page in _as_answered(due):
        if building is not None and i > building[0]:  # a serial run would have stopped before this page
            continue
        if folders is not None:
            folders.make(rel)
        try:
            out[rel] = _article_page(site, bodies, rel, page, failures.setdefault(i, []))
        except _Building as exc:
            building = (i, exc)
            continue
        if folders is not None and out[rel] is not None and building is None:
            folders.stage(rel, out[rel])
    if building is not None:
        bodies.cache.close()  # the bodies put so far are rolled back, not left locked in an open transaction
        raise building[1]
    for i in sorted(failures):
        errors.extend(failures[i])
    for rel in [rel for rel, data in out.items() if data is None]:
        keys.pop(rel)  # the last good page stays, and is tried again next build
    out.update((rel, None) for rel in keys if rel not in out)  # unchanged: not rendered again
    # The indexes, feeds, 404 pages, root index and sitemap show nothing but the listed pages (their
    # records and, through their keys, bodies, links and languages), what is held back, and the theme.
    lists = hashlib.sha256(json.dumps(
        [theme, sorted(keys.items()), [[p.digest for p in listing] for listing in listed.values()],
         site.held_back, site.untranslated, {lang: sorted(slugs) for lang, slugs in site.withdrawn.items()},
         {lang: sorted(slugs) for lang, slugs in site.noticed.items()}]
    ).encode("utf-8")).hexdigest()
    names = _list_files(site)
    if state.get("lists") == lists and all(intact(rel) for rel in names):
        out.update(dict.fromkeys(names))
    else:
        bodies.plan = bodies.plan.speaking(site)
        try:
            out.update(_list_pages(site, listed, bodies, keys, settings))
        except _Building:
            bodies.cache.close()
            raise
    out["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute('sitemap')}\n"
    if urls.base_path != "/" and "robots.txt" not in files_before:  # said by the build that first writes it (trial 24)
        site.notes.append(f"site/robots.txt is served at {urls.base_path}robots.txt under base_url's path, where "
                          "crawlers do not look (RFC 9309 2.3: a host's robots.txt is at its root): add its line "
                          f"'Sitemap: {urls.absolute('sitemap')}' to the host's /robots.txt, or give the sitemap "
                          "to the search engines' webmaster tools")
    for folder in reversed(theme_dirs(config)):  # the project's own assets win
        for asset in sorted((folder / "static").rglob("*")):  # fonts/, icons/...; no .DS_Store, no .git
            name = asset.relative_to(folder / "static").as_posix()
            if name == SEARCH_SCRIPT and not settings.search:  # an output of a feature that is off: removed
                continue
            if any(part.startswith(".") for part in name.split("/")) or asset.is_dir():
                continue
            ref = f"{relpath(folder, config.root)}/static/{name}"
            try:
                regular(asset, ref)
            except NotAFile as exc:  # a named pipe would hang the copy: named, the other files and pages are made
                kind = exc.message.partition(", not a file")[0]
                errors.append(VerlagError(f"{kind}, not a file: only files of static/ are copied to the site; "
                                          "this is left out: remove it, or put the file itself here", ref))
                continue
            except OSError:  # a symlink to nothing, or gone since it was listed: nothing to publish
                continue
            if not _theme_file(asset, folder, config.root):
                errors.append(VerlagError("a symlink that leads out of the theme and the project; only files inside "
                                          "them are published", ref))
                continue
            out[urls.file(urls.path("static", name=name))] = asset  # copied byte for byte
    icon = out.get(urls.file(urls.path("static", name="favicon.ico")))
    if icon is not None:  # where browsers and feed readers look when no page names an icon
        out[urls.file(urls.path("favicon"))] = icon
    for rel, path in sorted(media.all().items()):
        out[urls.file(urls.path("media", name=rel))] = path
    if site.practice.image:
        out[urls.file(urls.path("media", name=site.practice.image))] = config.source_dir / site.practice.image_file
    if frozen:  # their kept pages may show files only their sources name: keep all
        out.update({rel: None for rel in state.get("files", []) if rel.startswith("media/") and rel not in out})
    german = [site.sources[p.slug] for p in site.articles(site.source) + site.pages(site.source)
              if p.slug in site.sources]
    titles = {name: page.title for name, page in site.published.items()}
    german_titles = {name for name, page in site.published.items() if "title" in page.front_fallback}
    # an old address of a translation whose own address shows the notice (``_Site.noticed``) leads there, in its
    # language, as its own address does, not straight to the original (trial 22); the notice's title is German
    shown = {(lang, slug): site.published[(site.source, slug)].title for lang, slugs in site.noticed.items()
             for slug in slugs if (site.source, slug) in site.published and (lang, slug) not in titles}
    titles.update(shown)
    german_titles |= shown.keys()
    before = kept(state.get("redirects"), sources.unreadable - site.sources.keys())  # unreadable: kept as they were
    for ref, olds in groupby(before, key=lambda r: r.ref):
        olds = counted(len(list(olds)), "old address", "old addresses")
        site.notes.append(f"{ref} cannot be read: its redirects from {olds} (aliases) stay as they were until it "
                          "reads again")
    made: dict[str, list] = {}
    moved_on, renamed = _renamed(site, renames, state.get(RENAMED, {}), sources, titles)
    footers = _kept_footers(site, state.get(FOOTERS), spoken)
    out.update(redirect_files(sorted(german, key=lambda a: a.slug), urls, (site.source, *config.languages), titles,
                              out, errors, site.notes, before, made, german_titles, moved_on,
                              lambda lang: footers[lang][1],
                              {(lang, slug) for lang, slugs in site.noticed.items() for slug in slugs}))
    out.update(moved_outputs(config, urls, (site.source, *config.languages), out, files_before, intact, errors,
                             site.notes, lambda lang: footers[lang][1]))
    out.update(_withdrawn(site, state, out, unread_catalogs))
    fresh = {"files": sorted(out), "pages": keys, "lists": lists, "media": media.scanned, "spoken": clean,
             "redirects": made, ORIGINALS: _originals(site, state, sources, ORIGINALS, "digest"),
             TITLES: _originals(site, state, sources, TITLES, "title"), FOOTERS: footers}
    if renamed:
        fresh[RENAMED] = renamed
    return out, site, fresh, bodies


def _originals(site: _Site, state: dict, sources: Sources, key: str, attribute: str) -> dict[str, str]:
    """``renames.ORIGINALS`` (``attribute`` "digest") or ``renames.TITLES`` ("title"), the ``key`` of ``state``, for
    the next build: slug -> that attribute of each published German original, and as the last build recorded it of
    one that cannot be read now (renamed meanwhile, it is still found)."""
    before = state.get(key, {})
    kept = {slug: before[slug] for slug in sources.unreadable if isinstance(before.get(slug), str)}
    now = {slug: getattr(article, attribute) for slug, article in site.sources.items()}
    return dict(sorted({**kept, **now}.items()))


def _renamed(site: _Site, renames: tuple[list[Renamed], list[Renamed], list[Renamed]], recorded: dict,
             sources: Sources, titles: Mapping[tuple[str, str], str]) -> tuple[list[Redirect], dict[str, dict]]:
    """The redirects from the published addresses of renamed articles (``renames``: ``renames.renamed_addresses``
    from extract's record of the renames, the files renamed as they were, and the last build's record of the
    addresses it kept, ``recorded``) to their pages: one per language whose address of the old slug a build
    published, to that language's edition, or to the original while it is not published. And the record for the
    next build. Says in ``site.notes`` which addresses a rename keeps, on the build that first keeps them, and in
    ``site.warnings`` which kept addresses a source has taken (its page wins), on the build that drops them."""
    from .renames import committed, record

    found, taken, waiting = renames
    languages = (site.source, *site.config.languages)
    # a rename only the templates tell (a fresh clone: ``Renamed.guessed``) keeps the addresses of the editions its
    # article has now, the original's and those published or showing the withdrawn notice (``titles``), as the
    # author's checkout, whose builds recorded them, keeps the addresses it published: none of a translation never
    # published, which no reader had; recorded so, the next build knows them
    found = [replace(r, langs=tuple(lang for lang in r.langs if (lang, r.to) in titles), guessed=False)
             if r.guessed and (site.source, r.to) in titles else r for r in found]
    redirects, new = [], {}  # new: the article -> (old slugs, "old address -> page", recorded in its template)
    for r in found:
        article = site.sources.get(r.to)
        if article is None or (site.source, r.to) not in titles:  # a draft, or unreadable (``kept`` has its own)
            continue
        olds = [(lang, site.urls.path("article", lang, r.old)) for lang in languages if lang in r.langs]
        for lang, old in olds:
            shown = lang if (lang, r.to) in titles else site.source
            redirects.append(Redirect(old, shown, site.urls.path("article", shown, r.to),
                                      site.urls.absolute("article", shown, r.to), titles[(shown, r.to)], r.to,
                                      article.ref, 1))
        was = recorded.get(r.old)
        if olds and not (isinstance(was, dict) and was.get("to") == r.to):
            new.setdefault(r.to, []).append((r.old, [f"{old} → {redirect.new}" for (_, old), redirect
                                                     in zip(olds, redirects[-len(olds):])], r.committed))
    chains = committed(site.config) if new else {}
    for slug, groups in new.items():
        # oldest first, as the template's X-Verlag-Renamed-From lists them (trial 22: the note read newest first)
        chain = chains.get(slug, ())
        groups.sort(key=lambda group: chain.index(group[0]) if group[0] in chain else len(chain))
        names = [name for name, _, _ in groups]
        paths = [path for _, shown, _ in groups for path in shown]
        kept = [known for _, _, known in groups]
        article = site.sources[slug]
        how = "its slug: changed, the file kept its name" if article.path.stem in names else "its file renamed"
        lead = "address leads" if len(paths) == 1 else "addresses lead"
        if all(kept):
            when = (f"in every later build too, also in a fresh clone (CI, another computer): the rename is recorded "
                    f"in {relpath(site.config.pot_path(slug), site.config.root)} (X-Verlag-Renamed-From), commit it")
        else:
            unknown = [name for name, known in zip(names, kept) if not known]
            config = site.config
            left = [relpath(config.po_path(lang, name), config.root) for name in unknown for lang in config.languages
                    if os.path.lexists(config.po_path(lang, name))]  # catalogs extract has yet to move along
            advice = (f"run verlag extract, which moves {', '.join(left)} along and records the rename in "
                      f"{relpath(config.pot_path(slug), config.root)} for every clone, and commit them" if left else
                      "verlag extract records a rename only when it moves the article's catalogs along, which it "
                      f"cannot for this one: add 'aliases: [{', '.join(unknown)}]' to {article.ref}'s front matter "
                      "to keep the addresses there too")
            when = ("in the later builds of this checkout, which remembers the rename in .verlag/ (git leaves it out): "
                    "a fresh clone (CI, another computer) makes no page at the old "
                    f"{'address' if len(paths) == 1 else 'addresses'}, and the article's feed entries have a new id "
                    f"(feed readers show it as new); {advice}")
        site.notes.append(f"{article.ref}: slug {', '.join(names)} → {slug} ({how}): its published {lead} to its "
                          f"page now: {', '.join(paths)}; {when}")
    every = {a.slug: a for a in (*sources.articles, *sources.german_only)}  # a draft takes the name too
    for r in taken:
        mine, theirs = every.get(r.old), every.get(r.to)
        if mine is None or theirs is None:
            continue
        paths = [site.urls.path("article", lang, r.old) for lang in languages if lang in r.langs]
        site.warnings.append(
            f"{mine.ref} has the slug {r.old}, whose published {'address' if len(paths) == 1 else 'addresses'} "
            f"{', '.join(paths)} led to {theirs.ref} (renamed from {r.old}): they are this article's now, and old "
            f"links and bookmarks meant for {theirs.ref} reach it (or a 404 where it is not published); if they "
            f"should not, give {mine.ref} another file name or slug: and add 'aliases: [{r.old}]' to {theirs.ref}'s "
            "front matter")
    return redirects, record([*found, *waiting])


_PAGE_FILE = re.compile(r"([^/]+)/([^/]+)/index\.html")


def _noticed(config: Config, pages: Mapping[tuple[str, str], Page], sources: Mapping[str, Article],
             unpublished: dict[str, set[str]], check_held: Container[tuple[str, str]]) -> dict[str, set[str]]:
    """Language -> the articles whose address shows the page saying they are not available in it at the moment
    (``_withdrawn``): a translation not published (``unpublished``: below ``[publish]``'s thresholds or nothing
    translated shown) whose catalog holds a translation a reviewer signed off for an earlier version of the German
    (stale, with its ``previous msgid, reviewed`` record: what the author's edit of a reviewed text leaves,
    ``catalog.signed_off``), or that check errors alone keep from readers (``check_held``, ``held_by_checks``: its
    reviewed words meet the thresholds); and an article with ``translate: false`` (of ``sources``) whose catalog
    holds one signed off, now or before such an edit. Decided from the committed catalogs, German originals and
    check's rules alone, through their editions (``pages``), never from what an earlier build published, so that a
    fresh clone (a CI deploy) builds the same pages as the working copy. The catalog of an article with
    ``translate: false``, which has no edition, is read here; one that cannot be read counts as holding none."""
    noticed: dict[str, set[str]] = {}
    paused = [slug for slug, article in sources.items() if not article.translated]
    for lang in config.languages:
        noticed[lang] = {slug for slug in unpublished.get(lang, ())
                         if (page := pages.get((lang, slug))) is not None
                         and (page.segments.get("stale_signed") or (lang, slug) in check_held)}
        for slug in paused:
            if _signed_off_once(config, config.po_path(lang, slug)):
                noticed[lang].add(slug)
    return noticed


def _signed_off_once(config: Config, path: Path) -> bool:
    """Whether the catalog ``path`` holds a signed-off translation (``catalog.entry_state``), or one signed off
    before the German changed (``catalog.signed_off``); False for none, or a catalog that cannot be read."""
    if not path.is_file():
        return False
    from .catalog import entry_state, read_po, signed_off

    try:
        po = read_po(path, relpath(path, config.root))
    except (OSError, VerlagError):
        return False
    return any(entry_state(e) == REVIEWED or entry_state(e) == STALE and signed_off(e)
               for e in po or () if not e.obsolete)


def published_languages(files: Iterable[str], urls: Urls) -> set[str]:
    """The languages whose index, 404 page and feed are among ``files`` (paths under site/ an earlier build
    wrote, ``STATE_FILE``'s files): the editions a build published, whatever verlag.toml names now."""
    names = set(files)
    tops = {rel.partition("/")[0] for rel in names if rel.count("/") == 1}
    return {lang for lang in tops
            if all(urls.file(urls.path(kind, lang)) in names for kind in ("index", "404", "feed"))}


def _gone_addresses(site: _Site, state: dict, out: dict) -> tuple[list[str], dict[str, list[str]], dict[str, list]]:
    """One warning per slug whose page an earlier build published (``state``'s pages) and that nothing answers at
    any more (no page, no redirect, no withdrawn-translation page), naming every language it was published in (one
    whose translation was withdrawn earlier too: its page said so): a renamed article (file or ``slug:``) leaves
    readers, bookmarks and other sites' links a 404 unless it lists the old address in ``aliases:``. Names the
    article when its file still has the old name (a ``slug:`` change: ``redirects.old_names``).

    And the record of every such address (slug -> languages), the ones taken down now and by earlier builds
    (``GONE``), with the redirects from old addresses each took along (``GONE_REDIRECTS``, so ``check`` advises
    keeping those too after the build that took them down): ``check`` names each on every run while no page, ``aliases:`` entry or ``[site] gone`` (taken down
    on purpose) answers it, so deleting an alias or a ``gone`` entry brings the warning back. A slug ``[site] gone``
    lists is not warned about here either; nor is the page of an article that is a draft now, which goes back up when
    it is published again: a note says so (``redirects.draft_message``); nor that of an article left out of this
    build for its own problem (``_Site.left_out``): said with why, never with the advice to list it as gone
    (``redirects.left_out_message``). One warning per published language taken
    out of verlag.toml instead of one for each of its pages. A translation not published any more whose original
    still is, and whose address shows no notice (``_Site.noticed``: no translation signed off before the German
    changed in its catalog, nor reviewed words that meet the thresholds where QA errors hold its text back; a
    reviewer took the sign-offs back), is said at its catalog instead, as no gone article."""
    from .redirects import gone_language_place, gone_place, page_file, record as record_redirects

    dismissed = site.config.section("site").get("gone", [])
    dropped = sorted(published_languages(state.get("files", []), site.urls) - set(site.languages))
    warnings = ["{}:{}: ".format(*gone_language_place(site.config))
                + gone_language_message(site.urls.path("index", lang), lang) for lang in dropped]
    gone: dict[str, list[str]] = {}
    for rel in sorted(state.get("pages", {})):
        found = _PAGE_FILE.fullmatch(rel)
        if not found or rel in out or found.group(1) in dropped:
            continue
        lang, slug = found.groups()
        if lang != site.source and (site.source, slug) in site.published:  # no notice (``_noticed``)
            why = site.shortfall.get((lang, slug)) or ("nothing translated shown" if slug in
                                                       site.untranslated.get(lang, ()) else "not published")
            warnings.append(f"{relpath(site.config.po_path(lang, slug), site.config.root)}: no longer published in "
                            f"{lang} ({why}): readers and links get a 404 at {site.urls.path('article', lang, slug)} "
                            "until it is published again (a page saying it is not available at the moment stands "
                            "only for a translation whose catalog holds sentences signed off before the German "
                            "changed, or whose reviewed words meet [publish]'s thresholds while check errors hold "
                            f"some back); review it (verlag status --article {slug})")
            continue
        gone.setdefault(slug, []).append(lang)
    for rel in state.get("files", []) if gone else []:  # a translation withdrawn before: its page leads on, no more
        found = _PAGE_FILE.fullmatch(rel)
        if found and found.group(2) in gone and rel not in out and found.group(1) not in dropped \
                and found.group(1) not in gone[found.group(2)]:
            gone[found.group(2)] = sorted([*gone[found.group(2)], found.group(1)])
    renamed = old_names(site.sources.values()) if gone else {}
    earlier = state.get(GONE)
    earlier = earlier if isinstance(earlier, dict) else {}
    took = record_redirects(kept(state.get(GONE_REDIRECTS), earlier))  # what the builds that took them down knew
    for slug, langs in gone.items():
        taken = [r for r in kept(state.get("redirects"), [slug])
                 if (page_file(r.old, site.urls) or "").lstrip("/") not in out]  # the redirects it took along
        took.update(record_redirects(taken))
        lang = site.source if site.source in langs else langs[0]
        if (draft := site.draft_sources.get(slug)) is not None:  # not gone: back when it is published again
            site.notes.append(f"{draft.ref}:{draft.held_line}: " + draft_message(
                site.urls.path("article", lang, slug), [code for code in langs if code != lang], taken,
                draft.scheduled))
            continue
        if (held := site.left_out.get(slug)) is not None:  # not gone either: back once its problem is fixed
            warnings.append(f"{held[0].ref}: " + left_out_message(site.urls.path("article", lang, slug),
                                                                  [code for code in langs if code != lang], held[1]))
            continue
        if slug in dismissed:
            continue
        owner = site.sources.get(renamed.get(slug, ""))
        warnings.append("{}:{}: ".format(*gone_place(site.config, owner)) + gone_message(
            site.urls.path("article", lang, slug), [code for code in langs if code != lang], slug, owner, taken,
            site.urls, (site.source, *site.config.languages)))
    record = {slug: sorted(set(langs) | set(gone.get(slug, [])))
              for slug, langs in [*earlier.items(), *gone.items()]
              if isinstance(langs, list) and all(isinstance(lang, str) for lang in langs)}
    return warnings, record, {slug: fields for slug, fields in took.items() if slug in record}


def _withdrawn(site: _Site, state: dict, out: dict, unread: frozenset[str] = frozenset()) -> dict[str, str]:
    """A page at the address of each translation not published while its German original is, whose catalog shows
    it was withdrawn (``_Site.noticed``: decided from committed files, so a fresh clone makes the same pages; and,
    for one whose catalog ``unread`` could not be read this build, where the last build left a page): below
    ``[publish] min_translated`` or ``min_reviewed``, nothing translated shown, or ``translate: false`` set in the
    original; or kept from readers by check errors alone (``_Site.check_held``). Instead of a 404 it says in the
    page's language, heading and ``<title>``, that the article is not available in it at the moment (a fresh clone
    cannot know "no longer"), and links the original (its title the link's text, marked as German), the other
    editions that have the article and the language's home page while it has articles, in the site's frame
    (``withdrawn.html``: header, switcher, footer; no meta refresh, which took the reader to German text before the
    notice could be read); ``noindex``, canonical the original, for search engines. Raises ``_Building`` when the
    template fails. The page stays while the translation is withheld, and gives way to it once it is published
    again. The build says so, with the reason, when a published translation is withdrawn: a warning at its catalog
    with the threshold it misses (trial 12: an author's edit of three sentences took the English page off the site,
    said in one note among many) and what to do (review the changed sentences; for one check errors hold back, fix
    them), its catalog among ``unread`` (the editions stage could not read it, its error named), that catalog, not
    a shortfall of translations; and a note when it is published again."""

    before, pages = set(state.get("files", [])), state.get("pages", {})
    originals = sorted(slug for (code, slug) in site.published if code == site.source)
    made: dict[str, str] = {}
    for lang in site.config.languages:
        withdrawn: dict[bool, list[str]] = {True: [], False: []}  # German only (translate: false)?
        broken: list[tuple[str, str]] = []  # (catalog, slug): its catalog could not be read
        back: list[str] = []  # published again where an earlier build left a page leading to the original
        for slug in originals:
            rel = site.urls.file(site.urls.path("article", lang, slug))
            if (lang, slug) in site.published and rel in before and pages and rel not in pages:
                back.append(slug)
            if (lang, slug) in site.published or rel in out or slug not in site.noticed.get(lang, ()) and not (
                    rel in before and relpath(site.config.po_path(lang, slug), site.config.root) in unread):
                continue
            po = relpath(site.config.po_path(lang, slug), site.config.root)
            original = site.published[(site.source, slug)]
            made[rel] = _render(site.env(lang), "withdrawn.html", rel, {
                **site.common(lang), "switch": site.switch(lang, slug), "noindex": True,
                "canonical": site.urls.absolute("article", site.source, slug),
                "lang_name": own_and_english_name(lang),
                "original": {"href": site.urls.path("article", site.source, slug), "title": original.title,
                             "lang": site.source, "dir": text_direction(site.source)},
                "others": [{"href": site.urls.path("article", code, slug), "lang": code, "dir": text_direction(code),
                            "name": language_name(code)}
                           for code in site.languages[1:] if code != lang and (code, slug) in site.published]})
            if rel in pages and po in unread:
                broken.append((po, slug))
            elif rel in pages:
                withdrawn[slug in site.sources and not site.sources[slug].translated].append(slug)
        if withdrawn[True]:
            site.notes.append(f"{lang}: no longer published (translate: false in its German original), its address "
                              f"now shows a page saying so, with a link to the original ({site.source}), until it "
                              "is published again: " + ", ".join(withdrawn[True]))
        for slug in withdrawn[False]:  # a page readers had is gone: the reviewer has work to do, said as a warning
            po = relpath(site.config.po_path(lang, slug), site.config.root)
            figures = site.shortfall.get((lang, slug)) or ("nothing translated any more" if slug in
                                                           site.untranslated.get(lang, ()) else
                                                           "not translated or reviewed enough")
            if (lang, slug) in site.check_held:  # its reviewed sentences suffice: fixing the errors publishes it
                figures += ": segments held back by check errors count as not translated"
                advice = f"fix the errors verlag check reports (verlag check --lang {lang} --article {slug})"
            else:
                advice = f"review the changed sentences (verlag status --article {slug})"
            site.warnings.append(f"{po}: no longer published in {lang} ({figures}): its address "
                                 f"{site.urls.path('article', lang, slug)} now shows a page saying so, with a link "
                                 f"to the original ({site.source}), until it is published again; {advice}")
        if back:
            site.notes.append(f"{lang}: published, in place of the page saying it was not available at the moment: "
                              + ", ".join(back))
        for po, slug in broken:
            site.notes.append(f"{lang}: no longer published ({po} could not be read, see the error below: its "
                              f"translations count once it can be), its address now shows a page saying so, with a "
                              f"link to the original ({site.source}), until it is published again: {slug}")
    return made


def _as_answered(due: dict[str, Page]) -> list[tuple[int, str, Page]]:
    """The pages of ``due`` (file under site/ -> page, in the order they are listed) as (index in ``due``, file,
    page), in the order the pool answers for them: article by article in the order of each article's first
    page (``_pooled`` submits one task per article, in that order), an article's pages in ``due`` order. So
    the parent renders a translation's page while the workers render later articles, instead of every
    translation's page after the last body (a serial tail of a second per 500 pages)."""
    first: dict[str, int] = {}
    order = [(first.setdefault(page.slug, i), i, rel, page) for i, (rel, page) in enumerate(due.items())]
    return [(i, rel, page) for _, i, rel, page in sorted(order, key=lambda o: o[:2])]


def _article_page(site: _Site, bodies: _Bodies, rel: str, page: Page, errors: list[VerlagError]) -> bytes | None:
    """site/``rel``, the page of ``page``, as UTF-8 bytes; None when its body cannot be rendered (the problem
    appended to ``errors``: the last good page stays). Raises ``_Building`` when the template fails."""
    from .social import first_image

    made = bodies.made(page)
    if made is not None:  # by a worker, which worked out its item too: the lists need it
        site.items.setdefault((page.lang, page.slug), {**made[1], "page": page})
        return made[0]
    with contain(page.source, f"rendering site/{rel}", errors) as outcome:
        body = Markup(bodies.get(page))
    if outcome.failed:
        return None
    item = site.item(page)
    german = bodies.entry(page)["german"]
    context = {
        **site.common(page.lang), "page": page, "item": item, "body": body, "german_html": german,
        "canonical": item["absolute"], "alternates": site.cluster(page.slug),
        "switch": site.switch(page.lang, page.slug), "jsonld": _jsonld(site, page, german),
        "original": item["original"], "binding": site.config.legal_page(page.slug),
        "german_title": site.published[(site.source, page.slug)].title
        if page.lang != site.source and (site.source, page.slug) in site.published else None,
        "disclaimer": site.localized(page.lang, site.practice.disclaimer),
        "call_to_action": site.localized(page.lang, site.practice.call_to_action),
        "contact": site.practice.contact,
        "social": site.social(page.lang, "article", page.title, page.description, item["absolute"],
                              [alt["hreflang"] for alt in site.cluster(page.slug)[:-1]],
                              first_image(body, page.lang)),
    }
    return _render(site.env(page.lang), "page.html" if page.standalone else "article.html", rel,
                   context).encode("utf-8")


def _list_files(site: _Site) -> list[str]:
    """The files under site/ that ``_list_pages`` makes: per language its index, 404 page and feed; the
    root index (the language choice), the root 404 page and the sitemap."""
    urls = site.urls
    names = [urls.file(urls.path(kind, lang)) for lang in site.languages for kind in ("index", "404", "feed")]
    return names + ["404.html", "index.html", "sitemap.xml"]


def _list_pages(site: _Site, listed: dict[str, list[Page]], bodies: _Bodies, keys: dict[str, str],
                settings: Settings) -> dict[str, str]:
    """The text of every file ``_list_files`` names, keyed by its path under site/. ``listed``: each
    language's published articles (newest first), then its standalone pages; ``keys``: the article pages
    written (a page that failed to render has none, and its feed entry is left out)."""
    urls = site.urls
    out = {}
    for lang, listing in listed.items():
        env = site.env(lang)
        items = [site.item(page) for page in listing if not page.standalone]
        index, missing, feed = (urls.file(urls.path(kind, lang)) for kind in ("index", "404", "feed"))
        out[index] = _render(env, "index.html", index, {
            **site.common(lang), "items": items, "unavailable": site.unavailable(lang), "note": site.link_note(lang),
            "lang_name": own_and_english_name(lang),
            "canonical": urls.absolute("index", lang), "noindex": not site.offered(lang),
            "alternates": site.home_cluster() if site.offered(lang) else [],
            "switch": site.switch(lang, kind="index"),
            "social": site.social(lang, "website", site.config.name, None, urls.absolute("index", lang),
                                  [code for code in site.languages if site.offered(code)])})
        out[missing] = _render(env, "404.html", missing, {**site.common(lang), "switch": site.switch(lang, kind="index")})
        entries = []
        for item in items[:settings.feed_entries]:
            if urls.file(item["href"]) not in keys:  # its page failed to render, reported above
                continue
            body = Markup(bodies.get(item["page"]))
            german = bodies.entry(item["page"])["german"]
            entries.append({**item, "id": urls.absolute("article", lang, site.feed_names.get(item["page"].slug,
                                                                                       item["page"].slug)),
                            "content": absolute_html(_render(
                env, "feed_entry.html", feed, {**site.common(lang), **item, "item": item, "body": body,
                                               "german_html": german}),
                item["absolute"], lang)})
        # an empty feed (its last translation withdrawn) is dated by the site's newest article, as the German feed
        newest = _stamp(max((_instant(i["page"].updated or i["page"].date, site.config.zone) for i in entries),
                            default=_newest_original(site)), site.config.zone)
        out[feed] = xml_chars(_render(env, "feed.xml", feed, {
            "lang": lang, "lang_name": own_and_english_name(lang), "feed": urls.absolute("feed", lang),
            "home_abs": urls.absolute("index", lang), "updated": newest, "author": settings.feed_author,
            "items": entries}))
    source_env = site.env(site.source)
    out["404.html"] = out[urls.file(urls.path("404", site.source))]
    choices = [Markup(_render(site.env(lang), "choice.html", "index.html", {
        "lang": lang, "dir": text_direction(lang), "name": language_name(lang),
        "home": urls.path("index", lang), "count": len(site.articles(lang))})) for lang in site.languages]
    out["index.html"] = _render(source_env, "root.html", "index.html", {
        "lang": site.source, "dir": text_direction(site.source), "canonical": urls.absolute("root"),
        "alternates": site.home_cluster(), "choices": choices, "legal": site.legal(site.source)})
    out["sitemap.xml"] = _render(source_env, "sitemap.xml", "sitemap.xml", {"entries": _sitemap(site)})
    return out


def _sitemap(site: _Site) -> list[dict]:
    """sitemap.xml's entries (sitemaps.org, with Google's ``xhtml:link`` alternates): the chooser, each offered home
    page (``_Site.offered``: not the empty one of a language whose last article was withdrawn) and every published
    page, each with its ``hreflang`` cluster as its pages carry it (SITE.md 5)."""
    entries = [{"loc": site.urls.absolute("root"), "lastmod": None, "alternates": site.home_cluster()}]
    entries += [{"loc": site.urls.absolute("index", lang), "lastmod": None, "alternates": site.home_cluster()}
                for lang in site.languages if site.offered(lang)]
    for lang in site.languages:
        for page in sorted(site.articles(lang) + site.pages(lang), key=lambda p: p.slug):
            day = page.updated or page.date
            entries.append({"loc": site.urls.absolute("article", lang, page.slug),
                            "lastmod": day.isoformat() if day else None, "alternates": site.cluster(page.slug)})
    return entries


class _Building(Exception):
    """A template failed while ``rel`` (a file under site/) was rendered; the template's exception is the cause."""

    def __init__(self, rel: str):
        super().__init__(rel)
        self.rel = rel


def _render(env: Environment, name: str, rel: str, context: dict) -> str:
    """Template ``name`` rendered for site/``rel``; raises ``_Building`` (from the template's exception)."""
    try:
        if name.endswith(".xml"):
            return mark_english(env.get_template(name).render(context), xml=True)
        direction = context.get("dir") or "ltr"
        return mark_directions(mark_english(env.get_template(name).render(context), direction=direction), direction)
    except Exception as exc:  # noqa: BLE001 - named by _template_error with the page it was building
        raise _Building(rel) from exc


def _template_error(config: Config, exc: Exception, rel: str) -> Exception:
    """A ``VerlagError`` for a template that failed while site/``rel`` was built, at the line of the project's
    own template (``templates/``, the file the user can edit) nearest the failure, else of verlag's theme,
    naming the theme's line too when the failure is inside it (Jinja2 puts template frames into the
    traceback: https://jinja.palletsprojects.com/en/stable/api/#jinja2.Template, and a syntax error carries
    its file and line); ``exc`` itself when no template was running (verlag's own failure, reported as such)."""
    from jinja2 import TemplateError, TemplateSyntaxError

    message = exc.message if isinstance(exc, TemplateError) and exc.message else describe(exc)
    building = f" (while building site/{rel})"
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return VerlagError(f"template: {message}{building}", relpath(Path(exc.filename), config.root), exc.lineno)
    themes = [theme.resolve() for theme in theme_dirs(config)]
    frames = [(path, frame.lineno) for frame in traceback.extract_tb(exc.__traceback__)
              for path in [Path(frame.filename).resolve()]
              if path.suffix and any(path.is_relative_to(theme) for theme in themes)]
    if not frames:
        return VerlagError(f"template: {message}{building}", "templates/") if isinstance(exc, TemplateError) else exc
    own = [(path, line) for path, line in frames if path.is_relative_to(themes[0])]
    path, line = (own or frames)[-1]
    if (path, line) != frames[-1]:
        building = f" (in {relpath(frames[-1][0], config.root)}:{frames[-1][1]}, while building site/{rel})"
    return VerlagError(f"template: {message}{building}", relpath(path, config.root), line)


def _left_where_written(config: Config, link: str | None, before: str | None, stale: list[str]) -> str:
    """What a build says of the files the last build wrote and this one no longer makes, when ``site`` leads
    elsewhere than when that list was written: they were not removed (a file at one of their paths here is
    another program's). ``before``: where ``site`` led then ("": a folder of its own; None: an older verlag's list,
    which does not say)."""
    now = f"leads to {link}" if link is not None else "is a folder of its own"
    then = ("does not say where site/ led (an older verlag wrote it)" if before is None else
            f"is of {'the folder of its own' if before == '' else before} site/ was then")
    shown = ", ".join(f"site/{rel}" for rel in stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
    return (f"site/ {now}, but the last build's list of the files it wrote "
            f"({relpath(config.state_dir / STATE_FILE, config.root)}) {then}: {len(stale)} file"
            f"{'s' if len(stale) != 1 else ''} it wrote that this build no longer makes "
            f"{'were' if len(stale) != 1 else 'was'} not removed ({shown}); delete "
            f"{'them' if len(stale) != 1 else 'it'} where that build wrote {'them' if len(stale) != 1 else 'it'} "
            "if no longer wanted")


def build_site(config: Config, jobs: int | None = None, sources: Sources | None = None,
               files: StatRecord | None = None, unread_catalogs: frozenset[str] = frozenset()) -> SiteResult:
    """Write site/ from the editions; only changed files are written, files no longer made are removed.

    Article bodies and the German originals' file references are worked out in ``jobs`` processes
    (None: the CPU cores); every byte written is the same for any number. ``sources``: what
    ``read_sources`` returned for the editions stage of this build (None: read again). ``files``: the
    editions stage's ``edition_files``, which the caller saves (None: made here and saved, keeping the entries
    not looked up). ``unread_catalogs``: the catalogs the editions stage could not read (``site_outputs``).

    Per-article problems (a damaged edition record, a page that fails to render, a file reference leaving
    source_de/) are collected in ``errors``; the rest of the site is still written. A broken template raises.
    With more than one job and a search index to make, each translation's folder is written first (its stale files
    removed) and Pagefind indexes it while the rest is written (``index_site``'s ``written``); what the writes
    say is said in the order of one pass over the sorted files.
    """
    settings = load_settings(config)
    result = SiteResult()
    if "base_url" not in config.section("site"):
        result.notes.append(f"no [site] base_url in verlag.toml: canonical and hreflang URLs use {settings.base_url}; "
                            "verlag publish stops until it is set")
    state = load_site_state(config)
    root = config.site_dir
    hand = SiteFiles(config)
    own, files = files is None, edition_files(config) if files is None else files
    known, found = load_state(config.state_dir / RECORDS_FILE).get("records"), {}
    pages = load_pages(config, result.errors, files, known if isinstance(known, dict) else {}, found)
    if own:
        files.save(others=True)
    if found != known:
        save_state(config.state_dir / RECORDS_FILE, {"records": found})
    made: dict[str, str] = {}  # file -> the digest of the bytes written, or found there already
    blocked = False  # a named pipe, socket or device where a page goes: Pagefind would wait on it
    # what the writes and removals say, as (0: written, 1: removed; file; list of ``result``; item), told in the
    # order of one pass writing every file and then removing (``told``), whichever folders were written first
    said: list[tuple[int, str, list, object]] = []
    replaced: list[str] = []  # files of other bytes written over, which no build here had written
    at: list[tuple[int, str]] = [(0, "")]  # the file being written or removed, for what ``through_link`` says
    through_link = LinkedFolders(root, "site", "the site's files", "pages",
                                 lambda error: said.append((*at[0], result.errors, error)))
    folders = Folders(root, through_link.seen)  # the pages' folders, made while the workers render
    try:
        out, site, fresh, bodies = site_outputs(config, pages, settings, state, hand.exists, result.errors, jobs,
                                                sources, hand.intact, unread_catalogs, folders)
    except _Building as exc:  # a template's own mistake is named with its file, line and the page built
        folders.undo()  # site/ is left as it was
        raise _template_error(config, exc.__cause__, exc.rel) from None
    except BaseException:
        folders.undo()
        raise
    folders.unused(rel for rel, text in out.items() if text is None)  # a page that failed: its last good one stays
    translations = [lang for lang in site.languages if lang != site.source]
    search_key, early = "", set()  # the folders written first: the translations', when the index is made again
    if settings.search:  # indexed again when an article or page changed, or the last run failed
        from .search import binary_name

        search_key = hashlib.sha256(json.dumps([fresh["files"], fresh["pages"], binary_name()])
                                    .encode("utf-8")).hexdigest()
        if state.get("search") != search_key or not (root / BUNDLE).is_dir():
            from .pool import default_jobs

            jobs = default_jobs() if jobs is None else jobs
            early = set(translations) if jobs > 1 else set()
    # the files the last build wrote are removed only where it wrote them: with site/ linked elsewhere since, a file
    # at one of their paths is another program's (``handedits.site_link``)
    link = site_link(root)
    stale = sorted(set(state.get("files", [])) - set(out))
    fresh["link"] = link or ""  # "": a folder of its own; an older verlag's list says nothing (taken for one)
    if state.get("link", "") != fresh["link"] and stale:
        result.notes.append(_left_where_written(config, link, state.get("link"), stale))
        stale = []

    def write(items: list[tuple[str, bytes | str | Path | None]]) -> None:
        for rel, text in items:  # the folders first, in one pass: a file then goes into a folder that is there
            if isinstance(text, (str, bytes)):  # not a copy, whose source may fail to read (no folder made for it)
                folders.make(rel)
        for rel, text in items:
            at[0] = (0, rel)
            put(rel, text)

    def put(rel: str, text: bytes | str | Path | None) -> None:
        nonlocal blocked
        if not contained(rel):  # every name is checked where it is made; this is the last guard of the disk
            said.append((0, rel, result.errors, VerlagError(f"site/{rel}: leaves site/, not written")))
            return
        if through_link(rel):  # a project folder that came with site/de -> a folder elsewhere
            return
        if isinstance(text, Path):  # a theme's static file or a media file, copied byte for byte
            try:
                text = file_bytes(text, MEDIA, relpath(text, config.root))
            except (OSError, VerlagError) as exc:  # too large, a named pipe, gone: the other files are written
                said.append((0, rel, result.errors, exc if isinstance(exc, VerlagError) else VerlagError(
                    f"cannot be read: {exc.strerror or exc}; not copied to site/{rel}", relpath(text, config.root))))
                return
        if text is None:
            return
        data = text.encode("utf-8") if isinstance(text, str) else text
        try:
            if folders.fresh(rel):  # in a folder this build made: no file there to compare, none changed by hand
                changed = folders.place(rel, data) or write_new(root / rel, data)
            else:
                hand.intact(rel)  # looked up before the write: a file changed by hand is said as it is written again
                changed = write_if_changed(root / rel, data, durable=False)
        except NotAFile as exc:  # left as it is: the other pages are written
            kind = exc.message.partition(", not a file")[0]
            said.append((0, rel, result.errors, VerlagError(
                f"{kind}, not a file: verlag writes a page of the site here; remove it (the search index is made "
                "once it is gone)", f"site/{rel}")))
            blocked = True
            return
        made[rel] = digest(data)
        if changed:
            said.append((0, rel, result.written, f"site/{rel}"))
            if rel in hand.unrecorded:
                replaced.append(rel)
            if rel in hand.changed:
                said.append((0, rel, result.warnings, f"site/{rel} was changed by hand; rewritten (site/ is made "
                                                      "from the sources: make the change in source_de/ or the "
                                                      "catalog, then build)"))

    def remove(rels: list[str]) -> None:
        for rel in rels:
            at[0] = (1, rel)
            if not contained(rel):  # a state file someone else wrote: only site/ is ours
                said.append((1, rel, result.warnings, f"{relpath(config.state_dir / STATE_FILE, config.root)}: "
                                                      f"{rel!r} is no file under site/; left alone"))
                continue
            path = root / rel
            if rel.split("/", 1)[0] != OLD_REVIEW and not through_link(rel) and path.is_file():
                path.unlink()
                said.append((1, rel, result.removed, f"site/{rel}"))
                remove_empty_parents(path, root)

    def told() -> None:
        for *_, kind, item in sorted(said, key=lambda event: event[:2]):
            kind.append(item)
        if replaced:  # another program's files where site/ was linked to, or a site/ whose record was lost
            shown = ", ".join(f"site/{rel}" for rel in sorted(replaced)[:5])
            more = f" and {len(replaced) - 5} more" if len(replaced) > 5 else ""
            result.warnings.append(
                f"replaced {len(replaced)} file{'s' if len(replaced) != 1 else ''} verlag had not written (no "
                f"record of them in {relpath(config.state_dir, config.root)}/): {shown}{more}; site/ is made by "
                "verlag: keep another site's files out of it")

    def ahead(rel: str) -> bool:
        return rel.split("/", 1)[0] in early

    def rest() -> bool:
        """Write and remove what ``early`` leaves, then say it all; False when a page could not be written."""
        write([(rel, text) for rel, text in sorted(out.items()) if not ahead(rel)])
        folders.unstage()  # none is left unless a page was not written after all
        remove([rel for rel in stale if not ahead(rel)])
        told()
        hand.save(out, made)
        return not blocked

    indexed = False
    write([(rel, text) for rel, text in sorted(out.items()) if ahead(rel)])
    remove([rel for rel in stale if ahead(rel)])
    if early and not blocked:  # Pagefind indexes the translations while the rest is written
        try:
            indexed = index_site(root, config.state_dir, translations, jobs, rest)
        except BaseException:  # a page refused, Pagefind failed, Ctrl-C: the bodies are stored by the next build
            bodies.cache.close()
            raise
    else:
        rest()
    warnings, gone, took = _gone_addresses(site, state, out)
    result.warnings += site.warnings + warnings
    if gone:
        fresh[GONE] = gone
    if took:
        fresh[GONE_REDIRECTS] = took
    for lang in (config.source_language, *config.languages):  # an edition without articles says so too
        result.pages[lang] = site.articles(lang)
    result.held_back, result.shortfall, result.withdrawn = site.held_back, site.shortfall, site.withdrawn
    result.noticed = site.noticed
    result.warnings += _pseudo_shown(config, site.published.values())
    result.notes += _unnamed_translators(config, site.published.values())
    result.warnings += _sibling_gaps(config, site.practice)
    result.standalone = frozenset(p.slug for p in site.pages(site.source))
    result.warnings += list(site.media.warnings)
    result.warnings += [f"{a.ref}:{line}: {message}" for a, line, message in same_titles(site.sources.values())]
    # an article read this run (changed, or a cold run: as extract says it) published with no text: once per build
    result.warnings += [f"{a.ref}:{empty[0]}: {empty[1]}" for a in sorted(site.sources.values(), key=lambda a: a.ref)
                        if "text" in a.__dict__ and not a.draft and (empty := without_text(a))]
    tags = TagWarnings(config.state_dir)  # extract's answers; a German-only page's are worked out each build
    result.warnings += [f"{a.ref}:{line}: {message}" for a in sorted(site.sources.values(), key=lambda a: a.ref)
                        for line, message in tags.of(a)]
    tags.save_new()
    if (root / OLD_REVIEW).is_dir():
        result.warnings.append(f"site/{OLD_REVIEW}/: an old review report (drafts and unpublished articles) in the "
                               "folder that is uploaded; delete it: 'verlag review' writes to review/ now")
    result.untranslated, result.machine_drafted = site.untranslated, site.machine_drafted
    result.pseudo_signed = site.pseudo_signed
    result.notes += site.notes
    result.advice += site.advice
    result.scheduled = sorted(slug for slug, a in site.draft_sources.items() if a.scheduled is not None)
    result.drafts = [slug for slug in site.drafts if slug not in result.scheduled]
    if settings.search and blocked:  # indexed by the next build; "": the index a build here made is out of date
        if "search" in state and state.get("link", "") == fresh["link"]:
            fresh["search"] = ""
        else:
            fresh.pop("search", None)
    elif settings.search:
        fresh["search"] = search_key
        if not indexed and (state.get("search") != fresh["search"] or not (root / BUNDLE).is_dir()):
            from .pool import default_jobs

            try:
                index_site(root, config.state_dir, translations, default_jobs() if jobs is None else jobs)
            except BaseException:  # a page refused, Pagefind failed, Ctrl-C: the bodies are stored by the next build
                bodies.cache.close()
                raise
        if unstemmed(site.languages):
            result.advice.append(unstemmed_advice(unstemmed(site.languages),
                                                 {lang: english_name(lang) for lang in site.languages}))
    elif "search" in state and state.get("link", "") == fresh["link"] and (root / BUNDLE).is_dir():
        # the index the last build made where site/ leads, not one verlag never made (another site's, linked to)
        shutil.rmtree(root / BUNDLE)
        result.removed.append(f"site/{BUNDLE}/")
    names = bodies.save(state.get("bodies"))  # before site.json: a run stopped between them stores them again
    bodies.cache.close()
    result.warnings += bodies.cache.warnings
    fresh["bodies"] = names if names is not None else state["bodies"]
    save_state(config.state_dir / RECORD_FILE, {RENAMED: fresh.get(RENAMED, {})})  # unchanged: not written
    if fresh != state:
        save_state(config.state_dir / STATE_FILE, fresh)
    return result

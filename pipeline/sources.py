"""Read German articles: YAML front matter + CommonMark body, validated and normalised."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import os
import re
import stat
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from . import LazyPattern, schedule
from .config import Config, closest, did_you_mean
from .conflicts import refuse_conflict
from .errors import ManyErrors, Notice, PartLeftOut, VerlagError, excerpt, not_utf8, raise_all, shown_path, stage
from .fsutil import code_digest, file_bytes, load_state, save_state, windows_reserved
from .limits import CATALOG, SOURCE
from .lock import held_since
from .statrecord import recordable
from .urlparts import BROKEN_HOST, split_url

if TYPE_CHECKING:
    import yaml

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# The longest slug: a file name holds at most 255 bytes (ext4, APFS, NTFS), and the longest verlag makes of a slug
# is the temporary copy of its catalog record, ``.<slug>.catalog.<8 characters>.tmp`` (``fsutil``): 22 more.
SLUG_MAX = 200
# Every front-matter key verlag reads (README, "The author's workflow"); others are reported, not used.
FRONT_MATTER_KEYS = ("title", "author", "date", "updated", "summary", "tags", "slug", "draft", "aliases",
                     "reviewed_by", "last_reviewed", "translate")
_KEYS = frozenset(FRONT_MATTER_KEYS)
RESERVED_SLUGS = ("site",)
ORIGIN_RE = LazyPattern(r"^# imported from (.+)$", re.M)  # the front-matter comment ``verlag import`` ends with
PAGES_DIR = "seiten"  # source_de/seiten/<slug>.md: standalone pages (Impressum, Datenschutz), not articles
FENCE_RE = LazyPattern(r"^---[ \t]*$")
END_RE = LazyPattern(r"^(---|\.\.\.)[ \t]*$")
DATE_KEYS = ("date", "updated", "last_reviewed")
PLAIN_KEYS = ("title", "summary", "tags", "author")  # shown as typed everywhere: no HTML, no Markdown, no entities
ENTITY_RE = LazyPattern(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")  # an HTML character reference
REVIEWER_KEYS = ("name", "qualification", "url")
# ISO 8601 calendar date, optionally with a time (seconds and fraction optional) and "Z" or an offset, as
# Hugo, Jekyll, WordPress exports and YAML timestamps write them (RFC 3339 section 5.6, "T" or a space).
DATE_RE = LazyPattern(r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?[ ]?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?")
FIRST_YEAR = 1990  # a front-matter date before it (the web's first pages: 1991) is a typo (``_unlikely_dates``)
AHEAD = dt.timedelta(days=365)  # nor is one further ahead a day an article is scheduled for
MAX_FRONT_VALUES = 10_000  # values of one front matter, its YAML aliases expanded; real ones hold a few dozen
_CONTROL_RE = LazyPattern(r"[\x00-\x1f\x7f]")  # C0 controls and DEL: no character of an address
Moment = dt.date | dt.datetime  # a day, or an instant with its time zone (dt.datetime is aware)
# WordPress's own shortcodes by name (https://codex.wordpress.org/Shortcode_API), and where a static-site
# generator's or blog's tag may start in a source as written ("{{" a Hugo shortcode or Liquid output, "{%" a
# Liquid tag; ``segment.TEMPLATE_TAG_RE`` is the tags, ``segment.template_tags`` finds them; a
# shortcode's brackets and '=' may be backslash-escaped). Here, not in ``segment``: ``extract`` asks every
# article on every run, and loads segmentation only for one where a tag may start. Each alternative starts
# with its "{" or "[" (a backslash before the "[" changes nothing about whether one is found), so the regex
# engine skips to those characters: with an optional backslash first it tried every position of the text.
WP_SHORTCODES = "audio|caption|embed|gallery|playlist|video|wp_caption"
# A placeholder ``verlag init`` writes into the legal pages, to be filled in (``practice``); here, not in ``practice``:
# ``Article.placeholders`` finds them once, kept in ``.verlag/sources.json``, since ``build`` asks every article.
PLACEHOLDER_RE = LazyPattern(r"\[\[AUSFÜLLEN:[^\]]*\]\]")
# The example body ``verlag new`` writes under a new article's front matter (``scaffold.new_article``), line by line.
# Its first two lines, left in an article that is no draft any more, are held like placeholders (fresh-user trial 18
# published "Einleitung: Worum geht es …" and "## Erste Überschrift"), each as a whole line, so that prose which only
# begins so is not; its "Text." is not looked for, a body many a short note has.
EXAMPLE_LINES = ("Einleitung: Worum geht es, und für wen?", "## Erste Überschrift", "Text.")
_HELD_RE = LazyPattern(rf"{PLACEHOLDER_RE.pattern}|^(?:{'|'.join(map(re.escape, EXAMPLE_LINES[:2]))})[ \t]*$", re.M)
# The text each match of ``_HELD_RE`` holds: an article without any has none (most articles: the regex tried both of
# its branches at every character, a tenth of a cold ``read_sources``)
_HELD_TEXTS = ("[[AUSFÜLLEN:", *EXAMPLE_LINES[:2])
# Around a segment shown in German inside a translation, in an edition's marked text only (``editions.Edition``): the
# site turns each marked range into an element with lang="de" (``read_article`` refuses a source holding one).
# Right after FALLBACK_OPEN, why a translated segment is German all the same (none: not translated yet):
# STALE_MARK, its German changed since (its translation awaits review); HELD_MARK, its translation has an error
# of ``verlag check`` (the QA gate holds it back); UNCHECKED_MARK, its translation is a draft nobody checked, which
# ``[publish] unreviewed = "source"`` or a legal page (reviewed translations only) does not show.
FALLBACK_OPEN, FALLBACK_CLOSE, STALE_MARK, HELD_MARK, UNCHECKED_MARK = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
RESERVED = FALLBACK_OPEN + FALLBACK_CLOSE + STALE_MARK + HELD_MARK + UNCHECKED_MARK  # a German source holding one is refused
TEMPLATE_TAG_HINT = LazyPattern(rf"\{{\{{|\{{%|\[\\?/?(?:{WP_SHORTCODES})\b|\[[a-z_][\w-]*\s+[\w-]+\s*\\?=|\[\\?/[a-z_]")


@dataclass(frozen=True)
class Article:
    """One German original. ``text`` is NFC with LF line ends, the text of its HTML comments taken out
    (``comments.without_comments``: the file keeps them, nothing published or translated has them); offsets below
    index into it."""

    path: Path
    ref: str  # project-relative path used in messages and ``#:`` references
    slug: str
    text: str
    meta: dict = field(compare=False)
    front: str  # the YAML between the fences, verbatim
    front_start: int  # offset of ``front`` in ``text``
    body_start: int  # offset of the body in ``text``
    body_line: int  # 1-based line number of the body's first line
    digest: str
    undated: bool = False  # no ``date:``: meta["date"] is the file's modification day
    page: bool = False  # a standalone page (source_de/seiten/): not in article lists and feeds
    # the day its ``date:`` lies in the future of, set by ``read_sources`` for this run (``schedule``): not published
    # before it; never stored with the article (the day it is changes without the file)
    scheduled: dt.date | None = field(default=None, compare=False)

    @property
    def translated(self) -> bool:
        """False for ``translate: false`` in the front matter: German only, no catalogs, no editions."""
        return self.meta.get("translate", True)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def draft(self) -> bool:
        """Not published now: ``draft: true`` in the front matter, or ``scheduled`` for a later day; either is
        extracted and translated."""
        return self.meta.get("draft", False) or self.scheduled is not None

    @property
    def held_line(self) -> int:
        """The line that holds the article back (``draft``): its ``draft:``, else its ``date:`` (``scheduled``)."""
        return self.key_line("date" if self.scheduled is not None else "draft")

    @functools.cached_property
    def placeholders(self) -> tuple[tuple[int, str], ...]:
        """(line, placeholder) of every ``[[AUSFÜLLEN: ...]]`` placeholder ``verlag init`` wrote still in ``text``, and
        of ``verlag new``'s example lines (``_HELD_RE``, stripped), in file order. Stored with the article in ``.verlag/sources.json``: a run that takes the article from its stat
        record (``_ReadCache``) answers without reading the file, as ``build`` asks of every article."""
        if not any(held in self.text for held in _HELD_TEXTS):  # what every match holds, found by str's search
            return ()
        return tuple((self.text.count("\n", 0, match.start()) + 1, match.group(0).rstrip())
                     for match in _HELD_RE.finditer(self.text))

    @functools.cached_property
    def key_lines(self) -> dict[str, int]:
        """``key_line`` of each of ``FRONT_MATTER_KEYS`` the front matter has, stored as ``placeholders`` is: the
        warnings a build gives on every run (``same_titles``) name lines without reading the files."""
        return {key: self._key_line(key) for key in FRONT_MATTER_KEYS if key in self.meta}

    @functools.cached_property
    def alias_languages(self) -> dict[str, str]:
        """``read_alias_languages`` of the article, stored as ``placeholders`` is: the site stage asks every
        article for its redirects, and a no-op build reads no source whose stat is recorded."""
        return read_alias_languages(self)

    def written_keys(self) -> dict:
        """Each top-level front-matter key as YAML reads it (``true:`` is True, ``null:`` None) -> (1-based line
        of the file, the key as written: ``true``, ``"tit: le"``); read with PyYAML's composer, whose node
        marks say where each key is."""
        import yaml

        node = yaml.compose(self.front, Loader=yaml.SafeLoader)
        if not isinstance(node, yaml.MappingNode):
            return {}
        loader = yaml.SafeLoader("")
        return {loader.construct_object(k): (self.text.count("\n", 0, self.front_start + k.start_mark.index) + 1,
                                             self.front[k.start_mark.index:k.end_mark.index])
                for k, _ in node.value if isinstance(k, yaml.ScalarNode)}

    def key_line(self, key: str) -> int:
        """1-based line of a front-matter key (line 1 if it is absent)."""
        line = self.key_lines.get(key)
        return self._key_line(key) if line is None else line

    def sub_key_line(self, key: str, sub: str) -> int:
        """1-based line of ``sub:`` in the block mapping under the top-level ``key`` (``url:`` under
        ``reviewed_by:``), so a wrong value there is named at its own line; ``key_line(key)`` when it is not
        written so (a flow mapping ``{name: …, url: …}`` on the key's line)."""
        first = self.key_line(key)
        lines = self.text.split("\n")
        for number in range(first + 1, self.body_line):
            line = lines[number - 1]
            if line.strip() and not line[0].isspace() and not line.lstrip().startswith("#"):
                break  # the next top-level key: the mapping under ``key`` ended
            if re.match(rf"[ \t]+{re.escape(sub)}[ \t]*:", line):
                return number
        return first

    def _key_line(self, key: str) -> int:
        match = re.search(rf"^{re.escape(key)}\s*:", self.front, re.M)
        if not match:
            return 1
        return self.text.count("\n", 0, self.front_start + match.start()) + 1


class _Unread:
    """``Article.text`` and ``Article.front`` of a source ``_ReadCache`` took from its stat record without reading
    it: read from the file when first asked (a no-op run asks for neither), and refused with ``VerlagError`` if
    the file no longer holds the text of ``Article.digest`` (saved while the run went on): the article was judged
    unchanged by that digest, so its outputs must not be made from other text."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, article: Article | None, owner=None):
        if article is None:
            return self
        known = article.__dict__
        try:
            data = file_bytes(article.path, SOURCE, article.ref)
        except OSError as exc:
            raise VerlagError(f"changed while verlag ran ({exc.strerror}): run the command again", article.ref,
                              1) from None
        if hashlib.sha256(data).hexdigest() != article.digest:
            raise VerlagError("changed while verlag ran: run the command again", article.ref, 1)
        known["text"] = text = _uncommented(data.decode("utf-8"), article.body_start)  # plain text (NFC, LF)
        known["front"] = text[article.front_start:known["_front_end"]]
        return known[self.name]


def known_text(article: Article, text: str) -> None:
    """Give an article whose text is still unread (``_Unread``) the ``text`` a worker process read of it, checked
    against its digest there: this process then does not read, hash and uncomment the file again. An article
    that has its text keeps it."""
    known = article.__dict__
    if "text" not in known and "_front_end" in known:
        known["text"] = text
        known["front"] = text[article.front_start:known["_front_end"]]


def normalise(text: str) -> str:
    """NFC (macOS editors save decomposed umlauts), LF line ends, no NUL, as markdown-it sees it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


def split_front_matter(text: str) -> tuple[str, int, int]:
    """Return (yaml, yaml offset, body offset); no front matter gives ("", 0, 0)."""
    lines = text.split("\n")
    if not lines or not FENCE_RE.match(lines[0]):
        return "", 0, 0
    offset = len(lines[0]) + 1
    start = offset
    for line in lines[1:]:
        if END_RE.match(line):
            return text[start:offset], start, min(offset + len(line) + 1, len(text))
        offset += len(line) + 1
    return "", 0, 0


def read_date(value, zone: dt.tzinfo | None = None) -> Moment:
    """A front-matter ``date``/``updated`` value as a day or an aware instant.

    Accepts what YAML makes of a date or timestamp (``dt.date``, ``dt.datetime``)
    and strings in the forms of ``DATE_RE`` (the same, quoted). A time without
    a zone is in ``zone`` (verlag.toml's ``timezone``, the author's clock), else
    UTC, as YAML 1.1's timestamp type reads it; as zoneinfo reads a wall-clock time (RFC 9557), one in the gap
    of a change to summer time is moved forward by the gap (02:30 is 03:30; ``front_matter_warnings`` says so),
    one that happens twice is the first. An instant whose offset has seconds (a zone's local mean time before
    about 1893: Berlin's +00:53:28), which RFC 3339 (feeds, sitemaps) and this reader lack, is given in UTC.
    Raises ``ValueError`` for anything else, including impossible days and an instant before year 1 or after
    9999 in UTC (feeds and sitemaps give it in UTC or with its offset, RFC 3339: four digits of year).
    """
    if isinstance(value, str):
        text = value.strip()
        if not DATE_RE.fullmatch(text):
            raise ValueError(value)
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        value = _iso_time(text)
    if isinstance(value, dt.datetime):
        if not value.tzinfo:
            written = value.replace(tzinfo=zone or dt.timezone.utc)  # fold=0: the first of a time that happens twice
            try:
                value = written.astimezone(dt.timezone.utc).astimezone(written.tzinfo)
            except OverflowError:
                raise ValueError(value) from None
        try:
            utc = value.astimezone(dt.timezone.utc)  # also refuses 9999-12-31T23:59:59-12:00, year 10000 in UTC
        except OverflowError:
            raise ValueError(value) from None
        return utc if value.utcoffset() % dt.timedelta(minutes=1) else value
    if isinstance(value, dt.date):
        return value
    raise ValueError(value)


def _iso_time(text: str) -> dt.datetime:
    """A ``DATE_RE`` date with a time as ``datetime`` (naive when written without a zone)."""
    text = re.sub(r"[Zz]$", "+00:00", text[:10] + "T" + text[11:]).replace(",", ".").replace(" ", "")
    return dt.datetime.fromisoformat(re.sub(r"([+-]\d{2})$", r"\1:00", text))


def _bad_value(front: str, loader=None) -> tuple[int, str, str]:
    """0-based line in ``front``, key and value text of the first line whose value YAML (``loader``, a PyYAML
    loader class; None: the safe one) cannot construct."""
    import yaml

    for number, line in enumerate(front.split("\n")):
        try:
            yaml.load(line, Loader=loader or yaml.SafeLoader)  # noqa: S506 - a SafeLoader
        except yaml.YAMLError:
            continue  # a line of a multi-line value; not the culprit on its own
        except ValueError:
            key, _, value = line.partition(":")
            return number, key.strip(), value.strip()
    return 0, "front matter", front.strip()


def _load_front(front: str):
    """The front matter as YAML 1.1 (``yaml.safe_load``), parsed by libyaml when PyYAML has it (the same
    safe constructors, several times faster); anything libyaml refuses is parsed again by PyYAML's own
    parser, so the errors raised, and their lines, are PyYAML's."""
    import yaml  # 0.02 s to import: a run that takes every source from ``_ReadCache`` never needs it

    try:
        return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's, if built with it
    except Exception:  # noqa: BLE001 - raised again, the same way every time, by the pure-Python parser
        return yaml.safe_load(front)


Article.text = _Unread("text")  # used only where an instance holds no text of its own (``_ReadCache._unread``)
Article.front = _Unread("front")


def read_article(path: Path, ref: str, page: bool = False, data: bytes | None = None,
                 zone: dt.tzinfo | None = None) -> Article:
    """The article in ``path`` (``data``: its bytes, when the caller has read them), its front matter checked;
    ``zone``: verlag.toml's ``timezone``, of the front matter's times written without one (``read_date``) and of
    the modification day an article without ``date:`` gets (None: the machine's own zone).

    Raises ``VerlagError`` at the file's line for bytes that are not UTF-8, git's conflict markers of a merge
    left unresolved (``conflicts.conflict_lines``), one of the editions stage's
    reserved characters (``RESERVED``), a missing or invalid front matter (YAML 1.1), a missing title
    and values of the wrong kind; ``ManyErrors`` (in line order) when several front-matter keys are wrong, so
    the author fixes them all after one run, and for a file larger than ``limits.SOURCE``; ``OSError`` when it
    cannot be read.
    """
    data = file_bytes(path, SOURCE, ref) if data is None else data
    SOURCE.check(len(data), ref)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        named = not_utf8(data)
        if named is not None:
            raise VerlagError(f"{named[1]}: save it as UTF-8 (in an editor: Save as, Encoding UTF-8)"
                              if named[0] == "utf-16" else named[1], ref, 1) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise VerlagError(f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; save the file as UTF-8",
                          ref, line) from None
    text = normalise(raw)
    refuse_conflict(text, ref, "keep the text you want")
    reserved = min((n for char in RESERVED if (n := text.find(char)) >= 0), default=None)
    if reserved is not None:  # read as a marker, it would drop or re-label the passage on every page showing it
        raise VerlagError(f"character U+{ord(text[reserved]):04X} (private use) is reserved: verlag marks the "
                          "German passages of translated pages with it; delete it", ref,
                          text.count("\n", 0, reserved) + 1)
    front, front_start, body_start = split_front_matter(text)
    if not body_start and text.startswith("+++"):
        raise VerlagError("TOML front matter ('+++', Hugo) is not supported: write it as YAML between '---' lines "
                          "(title = \"…\" becomes title: …), or bring the file in with 'verlag import <file>', "
                          "which converts it", ref, 1)
    if not body_start and FENCE_RE.match(text.split("\n", 1)[0]):
        raise VerlagError("front matter not closed: no '---' line ends it; add one after its last key (the body "
                          "starts after it)", ref, 1)
    if not body_start:
        raise VerlagError("missing front matter: start the file with '---', a 'title:' line and '---'", ref, 1)
    meta = load_front(front, text.count("\n", 0, front_start) + 1, ref, dates_as_text=True) or {}
    if not isinstance(meta, dict):
        raise VerlagError("front matter must be 'key: value' lines", ref, 2)
    probe = Article(path, ref, "", text, meta, front, front_start, body_start,
                    text.count("\n", 0, body_start) + 1, "")
    undated = meta.get("date") is None
    if undated:  # pages and feeds need a day: never an empty <time>, never 1970 in a feed; the author's day
        meta["date"] = dt.datetime.fromtimestamp(path.stat().st_mtime, zone).date()
    twice = duplicate_keys(front, text.count("\n", 0, front_start) + 1, ref)
    try:
        slug = _checked_front(meta, lambda: probe, path, ref, zone)
    except VerlagError as exc:
        raise_all(sorted([*twice, *(exc.errors if isinstance(exc, ManyErrors) else [exc])], key=lambda e: e.line or 0))
    raise_all(twice)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(path, ref, slug, _uncommented(text, body_start), meta, front, front_start, body_start,
                   probe.body_line, digest, undated, page)


def _uncommented(text: str, body_start: int) -> str:
    """``text`` without the text of the author's HTML comments (``comments.without_comments``); as it is where
    the body is nested too deep to read, which segmentation names."""
    from .comments import without_comments

    try:
        return without_comments(text, body_start)
    except VerlagError:
        return text


def _checked_front(meta: dict, probe: Callable[[], Article], path: Path, ref: str,
                   zone: dt.tzinfo | None = None) -> str:
    """The slug of an article whose front matter ``meta`` (its dates read: ``date`` given) passes every check,
    normalised in place (``read_date``, ``_reviewer``: both give back what they are given once normalised, so
    a ``_ReadCache`` entry is checked by the same rules). Raises ``VerlagError`` at the line of a value of the
    wrong kind, ``ManyErrors`` (in line order) when several keys are wrong, so the author fixes them all after
    one run. ``probe``: makes the article without its slug, for lines: called only for a problem (a run that takes
    500 sources from ``_ReadCache`` made 500 articles more for none)."""
    problems: list[VerlagError] = []  # each key is checked on its own: one run names every mistake
    made: list[Article] = []

    def article() -> Article:
        if not made:
            made.append(probe())
        return made[0]

    def problem(message: str, key: str) -> None:
        problems.append(VerlagError(message, ref, article().key_line(key)))

    title = meta.get("title")
    untitled = not isinstance(title, str) or not title.strip()
    unknown = _unknown_keys(article()) if untitled else []
    if untitled:
        typo = next(((line, name) for line, name, close in unknown if close == "title"), None)
        if typo and "title" not in meta:  # the author wrote it, misspelt: point at that line
            problems.append(VerlagError(f"missing title: '{typo[1]}:' is no front-matter key; did you mean 'title'?",
                                        ref, typo[0]))
        elif (said := title_problem(title, _written_value(article(), "title") if "title" in meta else "")):
            problem(said, "title")
        else:
            problem("missing title: add 'title: ...' to the front matter", "title")
    for key in DATE_KEYS:
        value = meta.get(key)
        if value is not None:
            try:
                meta[key] = read_date(value, zone)
            except ValueError:
                line = article().key_line(key)
                written = article().text.split("\n")[line - 1].partition(":")[2].strip()  # as the author wrote it
                problem(date_problem(key, written), key)
    for key in ("summary",):
        if key in meta and not isinstance(meta[key], str):
            problem(f"{key}: expected text", key)
    author = meta.get("author")  # the people pages, feeds and JSON-LD name: one, or a list of names
    if author is not None and not isinstance(author, str) and not author_names(author):
        problem("author: expected a name or a list of names, e.g. 'author: Anna Berger' or "
                "'author: [Anna Berger, Tom Lenz]'", "author")
    if not isinstance(meta.get("draft", False), bool):
        problem("draft: expected true or false", "draft")
    if not isinstance(meta.get("translate", True), bool):
        problem("translate: expected true or false", "translate")
    if "reviewed_by" in meta:
        try:
            meta["reviewed_by"] = _reviewer(meta["reviewed_by"], ref)
        except VerlagError as exc:  # its line found only now: a source taken by its stat record is not read
            line = article().sub_key_line("reviewed_by", "url") if exc.message.startswith(REVIEWER_URL_PROBLEM) \
                else article().key_line("reviewed_by")
            problems.append(VerlagError(exc.message, ref, line))
    tags = meta.get("tags", [])
    if not isinstance(tags, list):
        problem("tags: expected a list of words, e.g. [Leber, Rücken]", "tags")
    elif wrong := [t for t in tags if not isinstance(t, str)]:
        problem(f"tags: expected a list of words, e.g. [Leber, Rücken]; YAML reads "
                f"{', '.join(_yaml_reading(t) for t in wrong)}, not a word: put {'it' if len(wrong) == 1 else 'them'} "
                f"in quotes or delete {'it' if len(wrong) == 1 else 'them'}", "tags")
    slug = meta.get("slug", path.stem)
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        from .scaffold import ascii_slug

        usable = ascii_slug(slug) if isinstance(slug, str) else ""  # as 'new' and 'import' name a file of that title
        usable = "" if windows_reserved(usable) else usable  # CON.md: not con.md either (its own error says why)
        fix = ("" if not usable else f": set 'slug: {usable}'" if "slug" in meta else
               f": rename the file to {usable}.md (or set 'slug: {usable}' in its front matter)")
        if usable and "slug" not in meta and _another_file(path, f"{usable}.md"):  # Tee.md beside tee.md
            fix = f": {ref.rpartition('/')[0]}/{usable}.md is another source" + (
                " (one file where case is ignored, as on macOS and Windows): give this one another name"
                if _folded(path.name) == f"{usable}.md" else ": give this one another name (or a 'slug:')")
        elif "slug" not in meta and (twin := _normalization_twin(path)):  # Übung.md composed and decomposed
            fix = (f"; this file's name ({normalization(path.name)}) and {ref.rpartition('/')[0]}/{twin}'s "
                   f"({normalization(twin)}) differ only in their Unicode normalization (one saved on a Mac or from a "
                   f"zip file): delete one of them{f', rename the other to {usable}.md' if usable else ''}")
        problem(f"slug {slug!r} is not usable as a folder name: use a-z, 0-9 and '-' (no '/', '..' or spaces){fix}",
                "slug")
    elif len(slug) > SLUG_MAX:
        problem(f"slug {slug[:40]}… is {len(slug)} characters long; its files' names would be longer than file "
                f"systems allow: set a 'slug:' of at most {SLUG_MAX}" + ("" if "slug" in meta else
                                                                       " or give the file a shorter name"), "slug")
    elif slug in RESERVED_SLUGS:
        problem(f"slug {slug!r} is reserved (translations/<lang>/{slug}.po holds the website's own words); rename "
                "the file or set another 'slug:'", "slug")
    elif windows_reserved(slug) and "slug" in meta:
        problem(f"slug {slug!r} is a name Windows keeps for a device (no file or folder there may have it): a clone "
                f"on Windows could not hold its catalogs translations/<lang>/{slug}.po or its pages; set another "
                "'slug:'", "slug")
    if windows_reserved(path.name):  # con.md: the file itself, whatever its slug
        catalogs = "" if "slug" in meta or not SLUG_RE.match(slug) else \
            f", nor its catalogs translations/<lang>/{slug}.po"
        problems.append(VerlagError(f"file name {path.name!r} is a name Windows keeps for a device (no file or folder "
                                    f"there may have it): a clone on Windows could not check it out{catalogs}; rename "
                                    "the file", ref, 1))
    # printable ASCII (nearly every name) holds neither: not looked at character by character
    if not (ref.isascii() and ref.isprintable()) and (cut := next(
            (char for char in ref if char in _REFERENCE_BREAKS or unicodedata.category(char) == "Cc"), None)):
        problems.append(VerlagError(f"file name {ref!r} holds U+{ord(cut):04X}: its catalogs' '#:' lines name the file "
                                    "of each sentence, and GNU gettext and verlag would read the name cut there (a "
                                    "line break makes the catalog unreadable); rename the file", ref, 1))
    if problems:  # a mistyped key is often the cause: named with the errors, as extract names it for a good file
        unknown = unknown or _unknown_keys(article())
        problems += [Notice(_unknown_message(name, close), ref, line)
                     for line, name, close in unknown if close != "title" or "title" in meta]
    raise_all(sorted(problems, key=lambda e: e.line))
    return slug


# besides control characters (a line break, a tab), what no file name of a ``#:`` reference may hold: a line or
# paragraph separator (read as a line break) and the isolates GNU gettext 0.22 writes around a name with spaces
_REFERENCE_BREAKS = frozenset("\u2028\u2029\u2068\u2069")


def title_problem(title: object, written: str) -> str | None:
    """What is wrong with a YAML front matter's ``title`` that is there but no text (``written``: its value as the
    line has it), None where that is not so (no title key, or text): a list or mapping, null, a number, a yes/no
    value or a date as YAML 1.1 reads them, an empty text. Said by extract (``_checked_front``) and by import
    (``importer_markdown``) alike."""
    if isinstance(title, (list, dict)):  # YAML's flow sequence or mapping: "title: [Liste, statt]"
        return ("title: expected text, not a YAML list or mapping: put a title starting with '[' or '{' in quotes "
                "(title: \"[…]\")")
    if title is None and written:  # title: Null, title: ~
        return f"title: YAML reads {written} as nothing (null), not text: put it in quotes (title: \"{written}\")"
    if title is not None and not isinstance(title, str):  # YAML 1.1 reads 2024, yes, 2024-05-01 otherwise
        kind = "a yes/no value" if isinstance(title, bool) else "a number" if isinstance(title, (int, float)) \
            else "a date" if isinstance(title, (dt.date, dt.datetime)) else "no text"
        return f"title: YAML reads {written} as {kind}, not text: put it in quotes (title: \"{written}\")"
    if isinstance(title, str) and not title.strip():  # title: "" (the key is there: "add a title" misleads)
        return "missing title: 'title:' is empty; write the article's title after it"
    return None


def _written_value(article: Article, key: str) -> str:
    """The value of the top-level front-matter ``key`` as the author wrote it on its line ("Null", "~")."""
    return article.text.split("\n")[article.key_line(key) - 1].partition(":")[2].strip()


def _yaml_reading(value: object) -> str:
    """``value`` as YAML 1.1 writes it and what YAML read it as: "null as nothing", "3 as a number", "true as a
    yes/no value", for a message that names the values of a list that are no words."""
    if value is None:
        return "null as nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} as a yes/no value"
    if isinstance(value, (int, float)):
        return f"{value} as a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.isoformat()} as a date"
    return f"{value!r} as a list or mapping"


_TOP_KEY = LazyPattern(r"^([^\s#\-?:{}\[\]'\"][^:\n]*?|'[^'\n]*'|\"[^\"\n]*\")[ \t]*:(?:[ \t]|$)", re.M)


def duplicate_keys(front: str, first: int, ref: str | Path) -> list[VerlagError]:
    """An error at each front-matter key written a second time (at the later line, naming the earlier one):
    YAML keeps the last value of a key and drops the others without a word, so a second ``title:`` would
    silently replace the first. ``first``: the file line of the front matter's line 1. Found by a scan of the
    unindented ``key:`` lines; only a front matter where one repeats is composed by PyYAML, to be sure by its
    keys as YAML reads them (``title`` and ``"title"`` are one) and not by lines inside a block scalar."""
    names = [m.group(1).strip("'\"") for m in _TOP_KEY.finditer(front)]
    if len(set(names)) == len(names):
        return []
    import yaml

    try:
        node = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:  # said by load_front
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    loader = yaml.SafeLoader("")
    seen: dict = {}
    errors = []
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        name, line = loader.construct_object(key), first + key.start_mark.line
        if name in seen:
            written = front[key.start_mark.index:key.end_mark.index]
            errors.append(VerlagError(f"{written}: written twice, at lines {seen[name]} and {line}: YAML keeps the "
                                      f"last and drops line {seen[name]} without a word; delete one of them", ref,
                                      line))
        else:
            seen[name] = line
    return errors


def _folded(name: str) -> str:
    """A file name as a file system that ignores case compares it (APFS, NTFS): NFC, casefolded."""
    return unicodedata.normalize("NFC", name).casefold()


def normalization(name: str) -> str:
    """How ``name`` is spelt: "NFC" (composed, as typed), "NFD" (decomposed, as macOS's HFS+ and many zip tools save
    it), else "mixed": said beside two names that differ only in it, which look alike."""
    return next((form for form in ("NFC", "NFD") if unicodedata.is_normalized(form, name)), "mixed")


def _twin_problem(left_out: Article, keeper: Article) -> str:
    """Why source ``left_out`` is left out for ``keeper``, whose file name is the same where case is ignored."""
    if unicodedata.normalize("NFC", left_out.path.name) != unicodedata.normalize("NFC", keeper.path.name):
        return (f"file name {left_out.path.name!r} and {keeper.ref}:1 differ only in case: where case is ignored "
                "(macOS, Windows) the two are one file, and a clone there keeps one of them; "
                f"{keeper.ref} is kept, this file is left out until you rename it")
    form, kept = normalization(left_out.path.name), normalization(keeper.path.name)
    return (f"file name {left_out.path.name!r} ({form}) and {keeper.ref}:1 ({kept}) differ only in their Unicode "
            "normalization (one saved on a Mac or from a zip file): they look alike, and where names are compared "
            f"normalized (macOS) the two are one file; {keeper.ref} ({kept}) is kept, this file ({form}) is left out "
            "until you delete or rename it")


def _normalization_twin(path: Path) -> str | None:
    """The name of another file beside ``path`` whose name differs from its name only in Unicode normalization
    (``Übung.md`` composed and decomposed), else None."""
    want = unicodedata.normalize("NFC", path.name)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return None
    return next((name for name in sorted(names) if name != path.name and unicodedata.normalize("NFC", name) == want),
                None)


def _another_file(path: Path, name: str) -> bool:
    """Whether a file other than ``path`` is called ``name`` in its folder (where case is ignored, ``Tee.md`` is
    itself the ``tee.md`` it would be renamed to)."""
    other = path.with_name(name)
    try:
        return other.exists() and not other.samefile(path)
    except OSError:
        return False


# Hugo's and Jekyll's front-matter keys for what verlag names otherwise, as ``verlag import`` maps them
# (``importer_markdown``): a file written by hand, or copied from the old site, holds them under their old names
OTHER_NAMES = {"description": "summary", "excerpt": "summary", "lastmod": "updated", "last_modified_at": "updated",
               "categories": "tags", "category": "tags", "redirect_from": "aliases", "publishdate": "date",
               "pubdate": "date", "published": "draft"}


def _unknown_keys(article: Article) -> list[tuple[int, str, str | None]]:
    """(line, key as written, the known key meant or None) of each front-matter key verlag does not read
    (``FRONT_MATTER_KEYS``): a Hugo or Jekyll key's verlag name (``OTHER_NAMES``: ``description`` is
    ``summary``), else the closest as ``config.closest`` finds it."""
    unknown = [key for key in article.meta if key not in FRONT_MATTER_KEYS]
    written = article.written_keys() if unknown else {}
    found = []
    for key in unknown:
        line, name = written.get(key, (1, str(key)))
        found.append((line, name, OTHER_NAMES.get(str(key).lower()) or closest(str(key), FRONT_MATTER_KEYS)))
    return found


def _unknown_message(name: str, close: str | None) -> str:
    said = f"{name}: unknown front-matter key, ignored{did_you_mean(name, FRONT_MATTER_KEYS, close)}"
    if close is not None and OTHER_NAMES.get(name.lower()) == close:
        said += (f" (verlag's name for Hugo's and Jekyll's {name}"
                 + (", written the other way round: published: false is draft: true)" if close == "draft" else ")"))
    return said


def load_front(front: str, first: int, ref: str | Path, dates_as_text: bool = False):
    """YAML front matter ``front`` (str, YAML 1.1, between the ``---`` lines) as Python values (None when it is
    empty). ``first``: the file line of its line 1; ``ref``: the file, for messages. Raises ``VerlagError`` at the
    file's line for YAML that does not parse (``yaml_error``) and for a well-formed value YAML cannot construct
    (``date: 2026-13-45``), unless ``dates_as_text``: then such front matter is read again with every
    timestamp as the text written, for ``read_article`` to name that date beside the other keys' mistakes.
    Shared by ``read_article`` and ``verlag import`` (``importer_markdown``)."""
    import yaml

    try:
        try:
            meta = _load_front(front)
        except ValueError:  # a well-formed but impossible value, e.g. date: 2026-13-45
            number, key, got = _bad_value(front)
            if not dates_as_text or key not in DATE_KEYS:
                raise VerlagError(_value_problem(key, got), ref, first + number) from None
            try:
                meta = yaml.load(front, Loader=_text_dates())  # noqa: S506 - a SafeLoader
            except ValueError:  # another value besides the date: a number of more digits than Python converts
                number, key, got = _bad_value(front, _text_dates())
                raise VerlagError(_value_problem(key, got), ref, first + number) from None
        size = _expanded_size(meta, {})
    except RecursionError:  # lists or mappings nested thousands deep: PyYAML's constructor recurses
        raise VerlagError("front matter nests lists or mappings too deep to read; write the values out", ref,
                          first) from None
    except yaml.YAMLError as exc:
        raise yaml_error(exc, front, first, ref) from None
    if size > MAX_FRONT_VALUES:
        raise _too_many_values(meta, front, first, ref)
    if _unwritable(meta, set()):
        raise _unwritable_error(front, first, ref)
    return meta


# What no page or feed may hold, and a double-quoted YAML escape ("\x01", "\0", "\ud800") can write where
# YAML refuses the raw character: the C0 controls but tab, line feed and carriage return (XML 1.0's Char; WHATWG
# HTML: a "control-character-in-input-stream" parse error), DEL and the C1 controls (WHATWG HTML's "control"),
# and a lone surrogate, which has no UTF-8
_UNWRITABLE = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _unwritable(value, seen: set[int]) -> bool:
    """Whether a string of ``value`` (what YAML made: keys too) holds a character of ``_UNWRITABLE``; ``seen``:
    the lists and mappings walked (an alias is walked once)."""
    if isinstance(value, str):
        return _UNWRITABLE.search(value) is not None
    if not isinstance(value, (list, dict)) or id(value) in seen:
        return False
    seen.add(id(value))
    return any(_unwritable(item, seen) for item in ([*value.keys(), *value.values()] if isinstance(value, dict)
                                                    else value))


def _unwritable_error(front: str, first: int, ref: str | Path) -> VerlagError:
    """The ``VerlagError`` for front matter ``front`` (line 1: the file's line ``first``) one of whose strings
    holds a character of ``_UNWRITABLE``: named with its top-level key at the line of the scalar that holds it
    (PyYAML's nodes, which hold each scalar as its escapes made it), with what it is and what to do."""
    import yaml

    def scalars(node, key, seen):
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            yield node, key
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from scalars(item, key, seen)
        elif isinstance(node, yaml.MappingNode):
            for name, item in node.value:
                below = key or (name.value if isinstance(name, yaml.ScalarNode) else None)
                yield from scalars(name, below, seen)
                yield from scalars(item, below, seen)

    node, key = next(((n, k) for n, k in scalars(yaml.compose(front, Loader=yaml.SafeLoader), None, set())
                      if _UNWRITABLE.search(n.value)), (None, None))
    char = _UNWRITABLE.search(node.value).group() if node is not None else "\0"
    what = "half of a surrogate pair" if "\ud800" <= char <= "\udfff" else "a control character"
    return VerlagError(f"{key or 'front matter'}: U+{ord(char):04X} ({what}, written as a YAML escape such as "
                       "\\x01, \\0 or \\u0001) is no character a page or feed may hold (HTML and XML forbid it); "
                       "remove it", ref, first + node.start_mark.line if node is not None else first)


def _too_many_values(meta, front: str, first: int, ref: str | Path) -> VerlagError:
    """The ``VerlagError`` for front matter ``front`` (line 1: the file's line ``first``) whose values ``meta`` are
    more than ``MAX_FRONT_VALUES``: at the line of the top-level key whose value passes the limit, and said to be
    YAML aliases (``*name``) expanded only where it has one (a node PyYAML's composer reaches twice). 20,000 tags
    written out were said to be aliases, and ``tags: &t [Tee, *t]`` on line 4 was named at the first line."""
    import yaml

    root = yaml.compose(front, Loader=yaml.SafeLoader)
    seen: set[int] = set()
    waiting, aliased = [root], False
    while waiting and not aliased:  # a walk without recursion: a list may hold itself
        node = waiting.pop()
        aliased = id(node) in seen
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            waiting += node.value
        elif isinstance(node, yaml.MappingNode):
            waiting += [part for pair in node.value for part in pair]
    line, key, total, sizes = first, None, 0, {}
    if isinstance(meta, dict) and isinstance(root, yaml.MappingNode) and len(root.value) == len(meta):
        for (name, value), (key_node, _) in zip(meta.items(), root.value):
            total += _expanded_size(name, sizes) + _expanded_size(value, sizes)
            if total > MAX_FRONT_VALUES:
                line, key = first + key_node.start_mark.line, key_node.value
                break
    where = f"{key}: " if key is not None else ""
    if aliased:
        return VerlagError(f"{where}front matter holds more than {MAX_FRONT_VALUES:,} values once its YAML aliases "
                           "(*name) are expanded; write the values out", ref, line)
    return VerlagError(f"{where}front matter holds more than {MAX_FRONT_VALUES:,} values, the most verlag reads (no "
                       "page lists so many): shorten it", ref, line)


def _expanded_size(value, sizes: dict[int, int]) -> int:
    """How many values ``value`` (what YAML made) holds with every alias expanded, as a walk over it (caches,
    JSON) meets them: counted once per distinct list or mapping (``sizes``, by id), so nine lines of nested
    aliases, which expand to 9**9 values (the "billion laughs"), are counted in a moment."""
    if not isinstance(value, (list, dict)):
        return 1
    if id(value) not in sizes:
        sizes[id(value)] = MAX_FRONT_VALUES + 1  # a list that holds itself (``&a [*a]``) never ends
        items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        sizes[id(value)] = 1 + sum(_expanded_size(item, sizes) for item in items)
    return sizes[id(value)]


@functools.cache
def _text_dates():
    """PyYAML's safe loader with YAML's timestamps left as the text written (``read_date`` then reads or names
    them); made on first use, as PyYAML is imported only when a front matter is parsed."""
    import yaml

    class TextDates(yaml.SafeLoader):
        pass

    TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)
    return TextDates


def yaml_error(exc: Exception, front: str, first: int, ref: str | Path) -> VerlagError:
    """The ``VerlagError`` for PyYAML's ``exc`` (a ``yaml.YAMLError``) raised on ``front`` (YAML front matter,
    str) whose line 1 is line ``first`` of the file ``ref``: at the line of the character YAML does not allow
    (``ReaderError``), of an unclosed '[' or '{' (``_unclosed``), else of PyYAML's mark, with a hint for what
    usually fixes the line (``_yaml_hint``). Shared by ``read_article`` and ``verlag import``."""
    import yaml

    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow, e.g. a control character
        return VerlagError(f"invalid YAML front matter: character U+{exc.character:04X} is not allowed "
                           f"({exc.reason}); remove it", ref, first + front.count("\n", 0, exc.position))
    opened = _unclosed(exc, front, first) or _unclosed_quote(exc, front, first)
    if opened:
        return VerlagError(opened[1], ref, opened[0])
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    hint = _yaml_hint(problem, front.split("\n"), mark.line) if mark else ""
    return VerlagError(f"invalid YAML front matter: {problem}{hint}", ref, first + mark.line if mark else 1)


_FLOW = {"while parsing a flow sequence": ("[", "]", "tags: [Tee, Leber]"),
         "while parsing a flow mapping": ("{", "}", "reviewed_by: {name: Dr. Vogt}")}


def _unclosed(exc: yaml.YAMLError, front: str, first: int) -> tuple[int, str] | None:
    """(line, message) for a '[' or '{' in ``front`` never closed: PyYAML notices only at a later line (its
    ``problem_mark``); its ``context_mark`` is where the bracket opened, the line to name. None when the bracket
    is closed after all (``_closes``): the problem is then where PyYAML found it. ``first``: the front matter's
    line 1."""
    bracket = _FLOW.get(getattr(exc, "context", None) or "")
    mark, later = getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)
    if not bracket or mark is None or later is None or later.line <= mark.line:
        return None  # a problem inside a bracket closed on its own line is named where it is
    if _closes(front, mark.index):  # PyYAML's mark counts characters into ``front``, the text it parsed
        return None
    opening, closing, example = bracket
    return first + mark.line, (f"invalid YAML front matter: '{opening}' is not closed with '{closing}' (YAML "
                               f"noticed on line {first + later.line}: {exc.problem}); end it on the same line, "
                               f"e.g. {example}")


def _unclosed_quote(exc: yaml.YAMLError, front: str, first: int) -> tuple[int, str] | None:
    """(line, message) for a quoted scalar never closed: PyYAML reads on to the end of the front matter ("found
    unexpected end of stream", its ``problem_mark``); its ``context_mark`` is where the quote opened, the line to
    name. None for any other problem. ``first``: the front matter's line 1."""
    mark, later = getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)
    if getattr(exc, "context", None) != "while scanning a quoted scalar" or mark is None or later is None:
        return None
    quote = front[mark.index] if mark.index < len(front) else '"'
    return first + mark.line, (f"invalid YAML front matter: the quote {quote} opened here is not closed (YAML "
                               f"noticed on line {first + later.line}: {exc.problem}); end the value with {quote} "
                               f"on the same line, e.g. title: {quote}Kühlen nach dem Sport{quote}")


def _closes(front: str, start: int) -> bool:
    """Is the '[' or '{' at ``front[start]`` closed by its matching bracket later on? Brackets nest; those in a
    quoted scalar (one that starts with ' or " where a YAML flow token may start: after '[', '{', ',', ': ' or
    the start of a line, YAML 1.1 section 7.3) or in a comment (' #' to the line's end) do not count, nor do
    those after a line that starts unindented with a key: a flow collection's lines are indented (YAML 1.1
    section 9.1.2), so that line is the front matter's next key (``summary: Kapitel ]``)."""
    pairs, stack, n = {"]": "[", "}": "{"}, [], start
    while n < len(front):
        char = front[n]
        if char in "[{":
            stack.append(char)
        elif char in pairs:
            if stack.pop() != pairs[char]:
                return False  # ']' for a '{': not the matching bracket
            if not stack:
                return True
        elif char in "'\"" and (front[:n].rstrip(" \t")[-1:] in ("", "\n", "[", "{", ",", ":")):
            n = _quote_end(front, n)
        elif char == "#" and front[n - 1:n] in (" ", "\t", "\n"):
            n = front.find("\n", n) % (len(front) + 1)  # to the line's end (or the text's)
            continue
        elif char == "\n" and front[n + 1:n + 2] not in ("", " ", "\t", "\n", "#", "]", "}", ","):
            return False  # an unindented line is the next key of the front matter, not the bracket's content
        n += 1
    return False


def _quote_end(front: str, start: int) -> int:
    """The offset of the quote closing the quoted scalar that opens at ``front[start]`` ('' escapes a single
    quote, a backslash the next character in a double-quoted one); ``len(front)`` when it is not closed."""
    quote, n = front[start], start + 1
    while n < len(front):
        if quote == '"' and front[n] == "\\":
            n += 2
            continue
        if front[n] == quote:
            if quote == "'" and front[n + 1:n + 2] == "'":
                n += 2
                continue
            return n
        n += 1
    return len(front)


def _yaml_hint(problem: str, lines: list[str], number: int) -> str:
    """What usually fixes a YAML problem in a German front matter line (PyYAML's ``problem`` text; ``lines``: the
    front matter's lines, ``number``: the 0-based one it points at). A ``key:`` line indented under a key that
    has a value (``  summary: …`` left from uncommenting ``# summary:``) reads to YAML as more of that value, where
    a key may not start; a key indented under a ``key:`` line without a value (``reviewed_by:``) is nested as it
    should be, and the problem is in its own value."""
    written = lines[number] if number < len(lines) else ""
    indented = re.match(r"^([ \t]+)([^\s:#][^:]*):(\s|$)", written)
    if indented and ("mapping values are not allowed" in problem or "cannot start any token" in problem):
        tab = "\t" in indented.group(1)
        if _opened_above(lines, number, len(indented.group(1))):
            if tab:
                return "; indent it with spaces: YAML does not allow a tab there"
        else:
            blank = "a tab" if tab else "a space"
            return (f"; '{indented.group(2)}:' is indented (the line starts with {blank}), so YAML reads it as part "
                    "of the value above it: start it at the beginning of the line, as every key")
    value = re.match(r"^\s*([^\s:#][^:]*):\s*'(.*)$", written)
    inner = value.group(2).rstrip().removesuffix("'") if value else ""
    if "'" in inner.replace("''", ""):  # title: 'Omas Tipp: Ingwer's Kraft': YAML's quote ended at "Ingwer'"
        quoted = inner.replace("''", "'")
        double = f'{value.group(1)}: "{quoted}"' if '"' not in quoted else 'title: "Omas Tipp: Ingwer\'s Kraft"'
        return (f"; a ' inside single quotes is written twice ('{quoted.replace(chr(39), chr(39) * 2)}'), or put "
                f"the value in double quotes: {double}")
    if "mapping values are not allowed" in problem:
        return ("; a value with ': ' in it needs quotes, e.g. title: \"Rückenschmerzen: was tun?\" "
                "(a \" inside becomes \\\")")
    if "but got ':'" in problem:  # in a '[…]' or '{…}': ': ' ends a key there, as on a line of its own
        return "; a value with ': ' in it needs quotes, e.g. tags: [Tee, \"Leber: Galle\"]"
    if "'\\t'" in problem and "\t" in written:  # a list item or value indented with a tab (trial 24)
        return "; the line holds a tab, which YAML does not allow as indentation: indent it with spaces"
    if "cannot start any token" in problem or "while scanning an alias" in problem:
        return "; put the value in double quotes, e.g. title: \"@Home: Übungen\""
    return ""


def _opened_above(lines: list[str], number: int, indent: int) -> bool:
    """Is line ``number``, indented by ``indent`` characters, a key of a block mapping that the lines above it
    open: is the nearest line above it that is indented less (blank and comment lines skipped) a ``key:`` with
    no value on it (YAML 1.1 section 9.3), or a ``- key: …`` item whose key starts where this line's does?"""
    for line in reversed(lines[:number]):
        content = line.lstrip(" \t")
        if not content or content.startswith("#") or len(line) - len(content) >= indent:
            continue
        item = re.match(r"^([ \t]*)- +[^\s:#][^:]*:(\s|$)", line)
        return bool(re.match(r"^[^\s:#][^:]*:[ \t]*(#.*)?$", content)) or \
            bool(item and len(line) - len(line[item.end(1):].lstrip("- ")) == indent)
    return False


REVIEWER_URL_PROBLEM = "reviewed_by: url: "  # how ``_reviewer`` starts the problem of a url, said at its own line


def _reviewer(value, ref: str) -> dict[str, str]:
    """``reviewed_by``: a name, or a table with ``name``, ``qualification`` and ``url`` (schema.org Person); raises
    ``VerlagError`` without a line (the caller finds it only then)."""
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip() \
            or any(k not in REVIEWER_KEYS or not isinstance(v, str) for k, v in value.items()):
        raise VerlagError("reviewed_by: expected a name, or 'name:', 'qualification:' and 'url:' lines under it",
                          ref)
    if "url" in value and not http_address(value["url"]):
        raise VerlagError(f"{REVIEWER_URL_PROBLEM}expected an absolute http(s) URL (a space is %20), got "
                          f"{value['url']!r}", ref)
    return value


def http_address(value: str) -> bool:
    """Whether ``value`` is an absolute http(s) URL with a host and nothing a URL cannot hold as written (a space,
    a quote, '<', '>', a control character: RFC 3986 2, "characters that are not allowed"), as ``base_url`` must
    be: a link the page writes (a reviewer's profile, the call to action's link) is followed as written (trial 24:
    a reviewer's url with '"' and spaces was taken)."""
    parts = urlsplit(value) if not re.search(r'[\x00-\x20\x7f"<>\\^`{|}]', value) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


# A query a host's redirect rule can match as written: key=value pairs of unreserved characters (RFC 3986 2.3), so
# nothing in it needs escaping in _redirects or .htaccess (WordPress's p=140, page_id=7, cat=3)
QUERY_ALIAS_RE = LazyPattern(r"[A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*(?:&[A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*)*")
# The comment after an ``aliases`` item that names the language of the page it was the address of (``verlag import``
# writes it after a translated post's old address: ``- https://blog.example/?p=202  # en: its en translation's``):
# a BCP 47 tag and a colon.
ALIAS_LANGUAGE_RE = LazyPattern(r"[ \t]+#[ \t]*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*):")


def read_aliases(article: Article) -> tuple[list[str], list[VerlagError]]:
    """``aliases``: the article's old addresses (Hugo's key), as site paths for redirects, and the problems
    of the items that are none.

    Each item is an absolute http(s) URL, whose path is kept, a path starting with ``/``, or a bare slug
    (``SLUG_RE``, Hugo's relative alias): the article's old slug, returned as it is for the site stage to
    give it each language's folder (``/de/alt/``, ``/en/alt/``). Returned
    percent-encoded as RFC 3986 section 3.3 allows in a path (``/rücken/`` -> ``/r%C3%BCcken/``), the
    form ``_redirects`` files match, without repeats. An address with a query of ``key=value`` pairs
    (``QUERY_ALIAS_RE``) is left to ``query_aliases``. Anything else, and an address with a fragment or another
    query (which no host's redirect rule matches), is a ``VerlagError`` at the item's line (the
    ``aliases:`` line when it cannot be found): it costs only its own redirect, never the article, so
    ``read_article`` leaves the value as YAML gave it and the site stage reads it here. The front matter is read for
    a problem's line only (an article taken from its stat record is not read for its aliases).
    """
    value = article.meta.get("aliases", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return [], [PartLeftOut("aliases: expected a list of old addresses, e.g. [/2019/05/alter-beitrag/]",
                                article.ref, article.key_line("aliases"))]
    paths: list[str] = []
    errors: list[VerlagError] = []
    for alias in value:
        read = _read_alias(alias)
        if isinstance(read, str):
            errors.append(PartLeftOut(f"aliases: {alias!r} {read}", article.ref,
                                      _item_line(article, article.key_line("aliases"), alias)))
        elif not read[1]:
            paths.append(read[0])
    return list(dict.fromkeys(paths)), errors


def query_aliases(article: Article) -> list[tuple[str, str]]:
    """The old addresses by query among ``aliases`` (WordPress's plain permalinks, ``https://blog.example/?p=140``,
    ``/index.php?page_id=7``), as (path percent-encoded as ``read_aliases`` gives it, query), without repeats:
    ``redirects`` writes host rules for them, which only some hosts read. Only a query of ``key=value`` pairs of
    letters, digits and ``-._~`` (``QUERY_ALIAS_RE``) is one; ``read_aliases`` names any other as an error."""
    value = article.meta.get("aliases", [])
    found = []
    for alias in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
        read = _read_alias(alias) if isinstance(alias, str) else None
        if isinstance(read, tuple) and read[1]:
            found.append(read)
    return list(dict.fromkeys(found))


def read_alias_languages(article: Article) -> dict[str, str]:
    """The old addresses of ``aliases`` that were a translation's (``ALIAS_LANGUAGE_RE``: the item's line ends in
    a comment naming the language, ``- https://blog.example/?p=202  # en: …``, as ``verlag import`` writes the
    addresses of a multilingual blog's translated posts), each as ``read_aliases`` gives its path, or as
    ``path?query`` for one by query (``query_aliases``) -> the language the comment names (as written: the site
    stage matches it to ``languages``). An item of a flow list (``[a, b]``), which carries no comment of its own,
    is none; so is a front matter that does not parse, and an address whose path another item without a comment
    has too (a language's own domain with the German post's slug, ``https://en.blog.example/2024/04/tee/``: the
    path is the German post's on the site's host)."""
    import yaml

    if not isinstance(article.meta.get("aliases"), list) or not ALIAS_LANGUAGE_RE.search(article.front):
        return {}  # the front matter is read only for an article with a list of aliases, composed only with a comment
    try:
        node = yaml.compose(article.front, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    items = next((v.value for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "aliases"
                  and isinstance(v, yaml.SequenceNode) and not v.flow_style), [])
    found, plain = {}, set()
    for item in items:
        if not isinstance(item, yaml.ScalarNode):
            continue
        end = article.front.find("\n", item.end_mark.index)
        comment = ALIAS_LANGUAGE_RE.match(article.front[item.end_mark.index:end if end >= 0 else None])
        read = _read_alias(item.value)
        if isinstance(read, str) or not read[0].startswith("/"):
            continue
        key = f"{read[0]}?{read[1]}" if read[1] else read[0]
        if comment is None:
            plain.add(key)
        else:
            found[key] = comment[1]
    return {key: lang for key, lang in found.items() if key not in plain}


def _read_alias(alias: str) -> tuple[str, str] | str:
    """One item of ``aliases``, the checks of ``read_aliases`` and ``query_aliases`` in one place: (a bare slug as
    written, "") or (the path percent-encoded, its ``key=value`` query or ""); else what is wrong with it, for the
    message after the item."""
    if SLUG_RE.match(alias.strip()):
        return alias.strip(), ""
    parts = split_url(alias.strip())
    if parts is None:
        return BROKEN_HOST
    if parts.scheme not in ("http", "https", "") or (parts.scheme and not parts.netloc) \
            or not parts.path.startswith("/") or (parts.netloc and not parts.scheme):
        return "is neither an http(s) URL nor a path starting with '/'"
    if parts.fragment or (parts.query and not QUERY_ALIAS_RE.fullmatch(parts.query)):
        return ("has a fragment (#), or a query other than key=value pairs of letters and digits (?p=140), "
                "which no host's redirect rules match; give the page's path")
    if unrequestable(unquote(parts.path)):
        return ("has a '.' or '..' segment, a backslash or a control character (%-encoded or not), which no browser "
                "requests: give the old address as the browser showed it")
    if host_pattern(unquote(parts.path)):
        return PATTERN_PROBLEM + ": give the old address as the browser showed it"
    if _UNWRITTEN_RE.search(alias.strip()) or _MARKUP_RE.search(unquote(parts.path)):
        return ("holds a character no address holds as written (RFC 3986 2: '\"', '<', '>', '`', '^', '{', '|', "
                "'}'), or '\"', '<', '>' %-encoded, which no page's address has: the site would make folders of "
                "it; give the old address as the browser showed it")
    return quote(unquote(parts.path), safe="/!$&'()*+,;=:@-._~"), parts.query


# In an alias: an ASCII character RFC 3986 (section 2) lets no URL hold as written, which a pasted address never
# has ("/alt/\"><script>…" made folders site/alt/"><script>alert(1)<); and, %-decoded, '"', '<' or '>', which no
# page's path holds. A space is an old address's %20 as a browser shows it ('/foie nuit/'), and is kept.
_UNWRITTEN_RE = LazyPattern(r'["<>^`{|}]')
_MARKUP_RE = LazyPattern(r'["<>]')
PATTERN_PROBLEM = ("has a '*' or a segment starting with ':', which Netlify and Cloudflare Pages read in _redirects "
                   "as a pattern matching other addresses (a '*' every one the site does not have)")


def host_pattern(path: str) -> bool:
    """Whether the %-decoded ``path`` (an alias, an old address of ``redirects.txt``) would be a pattern in
    ``_redirects``, not one address: a splat ``*`` or a placeholder segment ``:name`` (docs.netlify.com, "Redirect
    options"; Cloudflare Pages reads both alike). ``/*`` there sent every missing page of the site to one article."""
    return "*" in path or any(segment.startswith(":") for segment in path.split("/"))


def unrequestable(path: str) -> bool:
    """Whether the %-decoded ``path`` (an alias, an old address of ``redirects.txt``) is one no client sends: with a
    ``.`` or ``..`` segment, which a browser removes before asking (RFC 3986 5.2.4; the site stage would also write
    its redirect page or copy outside site/), a backslash, which a browser reads as ``/`` in an http(s) address (the
    WHATWG URL Standard's path state: ``/ok\\..\\x/`` is asked for as ``/x/``, and the page written at
    ``site/ok\\..\\x/`` never answers), or a control character."""
    return any(segment in (".", "..") for segment in path.split("/")) or "\\" in path \
        or _CONTROL_RE.search(path) is not None


def _item_line(article: Article, key_line: int, item: str) -> int:
    """The line of the front matter at or after ``key_line`` that holds ``item`` as written; else ``key_line``."""
    lines = article.text.split("\n")
    end = article.body_line - 1
    return next((n for n in range(key_line, end) if item in lines[n - 1]), key_line)


def _value_problem(key: str, written: str) -> str:
    """The message for a front-matter value YAML reads but cannot construct (``written``: the text after the key):
    a date (``date_problem``); a number of more digits than Python converts to an int
    (``sys.get_int_max_str_digits``; YAML reads a plain scalar of digits as one); anything else quoted short."""
    if key in DATE_KEYS:
        return date_problem(key, written)
    digits, most = sum(c.isdigit() for c in written), sys.get_int_max_str_digits()
    if digits > most:
        return (f"{key}: a number of {digits:,} digits, more than verlag reads ({most:,}); put it in quotes to keep "
                "it as text")
    return f"{key}: impossible value ({excerpt(written)})"


def date_problem(key: str, written: str) -> str:
    """The message for a front-matter date that cannot be read: a well-formed ISO 8601 date of a day the
    calendar does not have (2026-02-30) is named as such, anything else gets the expected form. ``verlag import``
    says it too (``importer_markdown``), so an old blog's date is named as extract would name it."""
    shape = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})(?!\d).*", written)
    if shape:
        try:
            dt.date(*map(int, shape.groups()))
        except ValueError:
            return f"{key}: {written} is no day of the calendar (expected a date like 2026-05-26)"
    text = written.strip("'\"")
    if DATE_RE.fullmatch(text) and len(text) > 10:
        try:
            _iso_time(text)
        except ValueError:  # no time of day (25:00)
            pass
        else:  # read but refused by ``read_date``: before year 1 or after 9999 in UTC
            return (f"{key}: {written} is outside the years 1 to 9999 in UTC, in which feeds and the sitemap give "
                    "dates (RFC 3339): write the day the article was published")
    german = _german_date(written.strip("'\""))
    iso = f"; write {german.isoformat()}" if german else ""
    return f"{key}: expected a date like 2026-05-26 (got {written}){iso}"


def _german_date(written: str) -> dt.date | None:
    """The day of a date in German form: ``3.10.2025``, ``03.10.2025``, ``3. Oktober 2025``, ``3. Okt. 2025``
    (CLDR's German month names, wide and abbreviated, ``de`` and ``de_AT``: ``Jänner``), for the message that
    asks for ISO 8601 instead; None for anything else or a day the calendar does not have."""
    numeric = re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", written)
    if numeric:
        day, month, year = map(int, numeric.groups())
    else:
        named = re.fullmatch(r"(\d{1,2})\.\s*(\w+\.?)\s+(\d{4})", written)
        if not named:
            return None
        from babel.dates import get_month_names  # for a mistake only

        months = {name.casefold().rstrip("."): number for locale in ("de", "de_AT") for width in ("wide", "abbreviated")
                  for number, name in get_month_names(width, locale=locale).items()}
        month = months.get(named.group(2).casefold().rstrip("."))
        if month is None:
            return None
        day, year = int(named.group(1)), int(named.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _ReadCache:
    """What ``read_article`` made of each source, by the SHA-256 of its bytes, in ``.verlag/sources.json``.

    A source whose bytes (and path) are the ones read last time is taken from here instead of being
    normalised and its front matter parsed and checked again: ``Article`` equal to ``read_article``'s (a test
    compares them). Keyed by verlag's code (``fsutil.code_digest``) and ``timezone`` (times read in it); a
    missing, stale or damaged file or entry only means reading again. Not kept: sources without ``date:`` (their
    day is the file's modification day, not in the bytes) and front matter with values JSON cannot give back as
    YAML made them (sets, binary, keys that are not text). JSON, not pickle: a project folder may come from someone
    else.

    Nor is a source read whose stat (size, modification time, inode, change time) is the one recorded with its
    entry's digest in ``.verlag/source-stat.json``, by the rule of ``statrecord``: recorded only from a stat taken
    before the bytes were read, of a change older than ``moment``, the time the run took the project lock (None:
    nothing is recorded). Its ``text`` and ``front`` are read when first asked (``_Unread``). Only for text stored
    as its bytes (NFC, LF: ``plain``), whose digest is that of the bytes.
    """

    FILE = "sources.json"
    STAT_FILE = "source-stat.json"  # a file of its own: a copied project has other stats, the same sources.json

    def __init__(self, config: Config, moment: int | None = None):
        self.path = config.state_dir / self.FILE
        self.key = f"{code_digest()}|{config.timezone}"
        self.zone = config.zone
        self.moment = moment
        stored = load_state(self.path)
        entries = stored.get("sources") if stored.get("key") == self.key else None
        self.known: dict = entries if isinstance(entries, dict) else {}
        self.stat_path = config.state_dir / self.STAT_FILE
        stats = load_state(self.stat_path).get("files") if self.known else None
        self.stats: dict = stats if isinstance(stats, dict) else {}
        self.fresh: dict[str, list] = {}
        self.fresh_stats: dict[str, list] = {}

    def read(self, path: Path, ref: str, page: bool, st: os.stat_result | None = None) -> Article:
        """``read_article(path, ref, page)``, from the stored entry when the bytes are the same (by the stat
        record, else by reading them). ``st``: the file's stat when the caller took it (``read_sources``' ``lstat``
        of a file that is no symlink: 500 system calls fewer at N = 500)."""
        entry = self.known.get(ref)
        usable = isinstance(entry, list) and len(entry) == 11 and entry[1] == page
        try:  # before the read: a save in between changes the stat the next run compares
            st = os.stat(path) if st is None else st
            signature = [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns] if stat.S_ISREG(st.st_mode) else None
        except OSError:
            signature = None  # file_bytes says why
        if usable and signature is not None and entry[2] is True and self.stats.get(ref) == [*signature, entry[0]]:
            try:
                article = self._article(path, ref, page, None, entry[0], entry)
            except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError):
                article = None  # damaged (or nested too deep to read back): read again
            if article is not None:
                self.fresh[ref], self.fresh_stats[ref] = entry, [*signature, entry[0]]
                return article
        data = file_bytes(path, SOURCE, ref)
        digest = hashlib.sha256(data).hexdigest()
        remember = signature is not None and recordable(signature[3], self.moment)
        if usable and entry[0] == digest:
            try:
                article = self._article(path, ref, page, data, digest, entry)
            except (TypeError, ValueError, KeyError, AttributeError, IndexError, UnicodeDecodeError, RecursionError):
                article = None  # damaged (or nested too deep to read back): read again
            if article is not None:
                self.fresh[ref] = entry
                if remember:
                    self.fresh_stats[ref] = [*signature, digest]
                return article
        article = read_article(path, ref, page, data, self.zone)
        meta = None if article.undated else _to_json(article.meta)
        if meta is not None:
            self.fresh[ref] = [digest, page, article.digest == digest, meta, article.front_start,
                               article.front_start + len(article.front), article.body_start, article.body_line,
                               [list(p) for p in article.placeholders], article.key_lines, article.alias_languages]
            if remember:
                self.fresh_stats[ref] = [*signature, digest]
        return article

    def last_slug(self, path: Path, ref: str) -> str | None:
        """The slug source ``ref`` had when it last read (its stored entry), for a source that cannot be read now:
        its pages, catalogs and redirects stay at that slug, not at one guessed from a ``slug:`` line that may
        be the mistake. The entry is kept for the next run while the source cannot be read; None without one."""
        entry = self.known.get(ref)
        meta = entry[3] if isinstance(entry, list) and len(entry) == 11 else None
        slug = meta.get("slug", path.stem) if isinstance(meta, dict) else None
        if not isinstance(slug, str) or not SLUG_RE.match(slug) or len(slug) > SLUG_MAX or slug in RESERVED_SLUGS:
            return None
        self.fresh[ref] = entry
        return slug

    @staticmethod
    def _article(path: Path, ref: str, page: bool, data: bytes | None, digest: str, entry: list) -> Article | None:
        """The article of a valid ``entry``, None for an entry no source could have; ``data``: the source's bytes
        (of SHA-256 ``digest``), None to leave them unread (a plain entry only). The placeholders and key lines an
        unread article is given are the entry's; those of one read must be the entry's, else the entry is none.
        So are its ``alias_languages``."""
        _, _, plain, meta, front_start, front_end, body_start, body_line, placeholders, lines, languages = entry
        meta = _from_json(meta)
        if not isinstance(meta, dict) or not isinstance(plain, bool) or not all(isinstance(n, int) for n in entry[4:8]):
            return None
        told = tuple(map(tuple, placeholders)), lines, languages
        if not isinstance(lines, dict) or not all(type(n) is int for n in lines.values()) or not lines.keys() <= _KEYS \
                or not all(len(p) == 2 and type(p[0]) is int and type(p[1]) is str for p in told[0]) \
                or not isinstance(languages, dict) or not all(type(v) is str for v in languages.values()):
            return None
        if data is None:
            text = front = ""
        else:
            text = data.decode("utf-8") if plain else normalise(data.decode("utf-8"))
            front = text[front_start:front_end]
            digest = digest if plain else hashlib.sha256(text.encode("utf-8")).hexdigest()
            text = _uncommented(text, body_start)
        def probe() -> Article:
            return _unread(Article(path, ref, "", text, meta, front, front_start, body_start, body_line, digest),
                           data, front_end, told)

        try:  # the file is the project's, and may come with the project: an entry says only what a source may
            slug = _checked_front(meta, probe, path, ref)
        except VerlagError:
            return None
        article = _unread(Article(path, ref, slug, text, meta, front, front_start, body_start, body_line, digest,
                                  False, page), data, front_end, told)
        return article if data is None or (article.placeholders, article.key_lines, article.alias_languages) == told \
            else None

    def save(self) -> None:
        """Store the entries of the sources read this time (only when they changed; not fsynced: a cache)."""
        if self.fresh_stats != self.stats:
            try:
                save_state(self.stat_path, {"files": self.fresh_stats})
            except OSError:
                pass
        if self.fresh != self.known:
            try:
                save_state(self.path, {"key": self.key, "sources": self.fresh})
            except OSError:
                pass  # a folder verlag may not write to: the next run reads the sources again


def _unread(article: Article, data: bytes | None, front_end: int,
            told: tuple[tuple[tuple[int, str], ...], dict[str, int], dict[str, str]]) -> Article:
    """``article`` as made, or, when its bytes were not read (``data`` None), without its text and front matter
    (``_Unread`` reads them when asked; ``front_end``: where the front matter ends) and with what its entry
    ``told`` of them: ``Article.placeholders``, ``Article.key_lines`` and ``Article.alias_languages``."""
    if data is None:
        known = article.__dict__
        del known["text"], known["front"]
        known["_front_end"] = front_end
        known["placeholders"], known["key_lines"], known["alias_languages"] = told
    return article


_DATE, _INSTANT = "$date", "$datetime"


def _to_json(value):
    """``value`` (what YAML and ``read_article`` made) as JSON that ``_from_json`` turns back into an equal
    value of the same types; None when there is no such JSON (a set, bytes, a key that is not text)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dt.datetime):
        return {_INSTANT: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list):
        items = [_to_json(v) for v in value]
        return None if any(i is None and v is not None for i, v in zip(items, value)) else items
    if isinstance(value, dict) and all(isinstance(k, str) and not k.startswith("$") for k in value):
        items = {k: _to_json(v) for k, v in value.items()}
        return None if any(items[k] is None and v is not None for k, v in value.items()) else items
    return None


def _from_json(value):
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and _INSTANT in value:
            return dt.datetime.fromisoformat(value[_INSTANT])
        if len(value) == 1 and _DATE in value:
            return dt.date.fromisoformat(value[_DATE])
        return {k: _from_json(v) for k, v in value.items()}
    return value


def same_titles(articles: Iterable[Article]) -> list[tuple[Article, int, str]]:
    """(article, line of its ``title:``, message) for each published article (no draft, no standalone page) whose
    title another one has too (compared without case and outer spaces): every list of articles and feed shows the
    two alike, and a reader cannot tell which is which. A warning at both files: either may be the one to rename."""
    by_title: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if not article.draft and not article.page:
            by_title[article.title.strip().casefold()].append(article)
    return [(article, article.key_line("title"),
             f"title: {article.title.strip()!r} is also the title of "
             f"{', '.join(o.ref for o in same if o is not article)}: every list of articles and feed shows them alike; "
             "give one of them another title")
            for same in by_title.values() if len(same) > 1 for article in same]


def without_text(article: Article) -> tuple[int, str] | None:
    """(line of the front matter's end, message) when ``article`` has no text after its front matter (a note to
    oneself alone is none), else None; ``extract``, ``check`` and ``build`` say it. Reads the article's text."""
    if _EMPTY_COMMENT_RE.sub("", article.body).strip():
        return None
    return (article.body_line - 1, "no text after the front matter: " + (
        "a draft, not published" if article.meta.get("draft") else
        f"scheduled for {article.scheduled.isoformat()}: the site publishes a page with only its title on that day; "
        "write the text before then" if article.scheduled is not None else
        "the site publishes a page with only its title; write the text, or set 'draft: true' until it is written"))


def front_matter_warnings(article: Article, today: dt.date) -> list[tuple[int, str]]:
    """(line of the file, message) for each front-matter value that reads well but is doubtful: no
    ``date`` (the file's day is used; not for a standalone page, which has no date) and an ``updated``
    earlier than ``date`` (the page would say "updated on" a day before it was published, and its
    schema.org ``dateModified`` would precede ``datePublished``). Days are compared when either value is
    a day, instants otherwise. Warnings, not errors: both values are valid and the article can be built.

    A key verlag does not read (``FRONT_MATTER_KEYS``; ``reading_time:``, ``sumary:``) is a warning at its
    line with the closest known key, as ``verlag.toml`` names an unknown setting. ``verlag.toml`` stops on
    one, since a mistyped setting changes the whole site; front matter keeps what other tools wrote there
    (Hugo's ``weight``, Jekyll's ``layout``) and the article is built right without it, so the author is told
    on every ``extract`` and ``check`` (whose front-matter findings are warnings too) and nothing stops.
    ``today``: the day on the site's clock (``schedule.today``, verlag.toml's ``timezone``), the day the schedule
    publishes by, for a ``last_reviewed`` after today and a date over a year ahead (``AHEAD``). A review the text
    changed after (``updated`` after ``last_reviewed``) is ``textchanged.outdated``'s, which every command says."""
    meta = article.meta
    found = [(line, _unknown_message(name, close)) for line, name, close in _unknown_keys(article)]
    # what the text shows is said when it is read (a changed source, a cold run, ``check``): a no-op extract reads
    # no source whose stat is recorded (``_unread``), but an undated one, the mark of a front matter cut short
    read = "text" in article.__dict__
    stray = _stray_end(article) if read or article.undated else None
    if stray is not None:
        found.append(stray)
    if read and (empty := without_text(article)):
        found.append(empty)
    found += entity_warnings(article)
    if article.undated and not article.page:
        day = meta["date"].isoformat()
        found.append((1, f"no 'date:' in the front matter; the site shows the file's day ({day}), which changes "
                         f"with every copy: add 'date: {day}'"))
    for key in DATE_KEYS if not article.undated else DATE_KEYS[1:]:
        if isinstance(meta.get(key), dt.datetime) and (line := article.key_line(key)):
            written = article.text.split("\n")[line - 1].partition(":")[2].strip().strip("'\"")
            wall = _iso_time(written) if DATE_RE.fullmatch(written) and len(written) > 10 else None
            if wall is not None and wall.tzinfo is None and wall != meta[key].replace(tzinfo=None):
                found.append((line, f"{key}: {written} is no time on the author's clock (verlag.toml's timezone "
                                    "skips that hour for summer time): read as "
                                    f"{meta[key].isoformat(sep=' ', timespec='minutes')}, the same instant "
                                    "zoneinfo gives it; write that"))
    found += _unlikely_dates(article, today)
    date, updated = meta["date"], meta.get("updated")  # one after last_reviewed: ``textchanged.outdated``
    if updated is not None and not article.undated and later(date, updated):
        found.append((article.key_line("updated"),
                      f"updated: {updated.isoformat()} is earlier than date: {date.isoformat()}; pages and feeds "
                      "would say the article was updated before it was published: correct one of them "
                      "('updated' is the day of the last change, 'date' the day of publication)"))
    found += _review_claims(article, today)
    return found


def _review_claims(article: Article, today: dt.date) -> list[tuple[int, str]]:
    """(line, message) for a medical review the pages would claim without saying it whole: a ``last_reviewed``
    with no ``reviewed_by`` (every edition says "Last reviewed on …" by no one it names), a ``reviewed_by`` with
    no ``last_reviewed`` (who checked the text, not when: schema.org's ``lastReviewed`` missing), and a
    ``last_reviewed`` after ``today`` (a review that cannot have happened yet, shown as done)."""
    meta, found = article.meta, []
    reviewed, reviewer = meta.get("last_reviewed"), meta.get("reviewed_by")
    if reviewed is not None and not reviewer:
        found.append((article.key_line("last_reviewed"),
                      f"last_reviewed: {reviewed.isoformat()} without reviewed_by: every edition says the text was "
                      "last reviewed on that day, by no one it names; add reviewed_by (who checked it) or remove "
                      "last_reviewed"))
    if reviewer and reviewed is None:
        found.append((article.key_line("reviewed_by"),
                      "reviewed_by without last_reviewed: readers are told who checked the text, not when; add "
                      "last_reviewed: the day of that review"))
    if reviewed is not None and calendar_day(reviewed) > today:
        found.append((article.key_line("last_reviewed"),
                      f"last_reviewed: {reviewed.isoformat()} is after today: a review cannot have happened yet, and "
                      "every edition says it did; set it to the day the review was done"))
    return found


def _unlikely_dates(article: Article, today: dt.date) -> list[tuple[int, str]]:
    """(line, message) for each front-matter date (``DATE_KEYS``; not an undated article's file day) before
    ``FIRST_YEAR`` or more than ``AHEAD`` after ``today``: valid, and shown and sorted by as written ("1. Januar
    1", "31. Dezember 9999"), but no day a web article was written or will be: a typo, or a placeholder."""
    found = []
    for key in DATE_KEYS if not article.undated else DATE_KEYS[1:]:
        value = article.meta.get(key)
        day = calendar_day(value) if isinstance(value, dt.date) else value
        if not isinstance(day, dt.date) or FIRST_YEAR <= day.year and day <= today + AHEAD:
            continue
        when = f"before {FIRST_YEAR}" if day.year < FIRST_YEAR else f"more than {AHEAD.days} days after today"
        found.append((article.key_line(key) or 1, f"{key}: {value.isoformat()} is {when}; the pages show it and "
                      "the lists sort by it as written: is it the day you mean?"))
    return found


def entity_warnings(article: Article) -> list[tuple[int, str]]:
    """(line, message) for each of ``PLAIN_KEYS`` whose value holds an HTML character reference (``&nbsp;``,
    ``&amp;``, ``&#8211;``), as text pasted from a CMS does: these values are plain text, so the page's heading,
    its browser tab, the feeds, social previews and the catalogs' msgid show the reference letter for letter.
    The message names the character to write instead."""
    found = []
    for key in PLAIN_KEYS:
        value = article.meta.get(key)
        texts = value if isinstance(value, list) else [value]
        typed = dict.fromkeys(match.group() for text in texts if isinstance(text, str) and "&" in text
                              for match in ENTITY_RE.finditer(text))  # no "&" (nearly every value): no reference
        if typed:
            import html  # only for a value holding one: a no-op extract loads no module it does not need

            typed = {name: None for name in typed if html.unescape(name) != name}
        if typed:
            instead = ", ".join(f"{_character(html.unescape(name))} for {name!r}" for name in typed)
            found.append((article.key_line(key), f"{key}: {', '.join(map(repr, typed))} shown as typed (front matter "
                                                 "is plain text, not HTML: the heading, browser tab, feed and "
                                                 f"previews show these letters); write the character itself: {instead}"))
    return found


def _character(text: str) -> str:
    """How a message names ``text``: quoted, or by its Unicode name where it is a space or invisible."""
    if len(text) == 1 and unicodedata.category(text)[0] in "ZC":
        return f"a {unicodedata.name(text, 'character').lower()} (U+{ord(text):04X})"
    return repr(text)


# The body's first lines when they are front matter a stray ``---`` cut off: ``key: value`` lines (and the indented or
# list lines of a value), then a ``---`` line.
_CUT_FRONT_RE = LazyPattern(r"\A((?:[ \t]*\n)*(?:[A-Za-z_][\w-]*:(?:[ \t][^\n]*)?\n(?:(?:[ \t]+|- )[^\n]*\n)*)+)---[ \t]*$",
                           re.M)


_EMPTY_COMMENT_RE = LazyPattern(r"<!--\s*-->")  # what ``_uncommented`` leaves of an HTML comment


def _stray_end(article: Article) -> tuple[int, str] | None:
    """(line, message) where a ``---`` line inside the front matter ended it early: the lines after it, up to the
    next ``---``, read as front-matter keys, and CommonMark would make them the body's first paragraph or heading."""
    match = _CUT_FRONT_RE.match(article.body)
    if match is None:
        return None
    keys = [line.partition(":")[0] for line in match.group(1).split("\n") if line[:1].isalpha() or line[:1] == "_"]
    last = article.body_line + match.group(1).count("\n")
    return (article.body_line - 1, f"'---' ends the front matter here, but lines {article.body_line}-{last - 1} "
            f"({', '.join(k + ':' for k in keys)}) read as front matter up to the '---' at line {last}: a stray '---'? "
            "delete this line, or the other one if they are the article's text")


def later(moment: Moment, other: Moment) -> bool:
    """Whether front-matter date ``moment`` is after ``other``: instants compared when both are instants, else
    their calendar days (a day and an instant on it are the same day)."""
    if isinstance(moment, dt.datetime) and isinstance(other, dt.datetime):
        return moment > other
    return calendar_day(moment) > calendar_day(other)


def updated_behind(article: Article, changed: int, today: dt.date, moved: bool = False) -> tuple[int, str] | None:
    """(line, message) when the German text of ``article`` changed now (``changed``: its sentences extract found
    changed, new or removed; else, ``moved``, those that only moved: a list reordered reaches every edition) while its ``updated:`` (else ``date:``) lies before ``today``: pages and feeds go on
    showing that day, and a reader cannot see that the text changed (trial 12: a dose changed from "2 x" to "3 x
    täglich" under "updated on September 14, 2025"). None for a draft, a scheduled or undated article, or one
    already dated today, and one whose medical review is as new as that day (the warning at its ``last_reviewed``,
    ``textchanged.outdated``, says the change, and every page does). The author decides whether the change matters to readers:
    said, never written."""
    if article.draft or article.undated or not changed:
        return None
    key = "updated" if isinstance(article.meta.get("updated"), dt.date) else "date"
    shown = article.meta.get(key)
    if not isinstance(shown, dt.date) or calendar_day(shown) >= today:
        return None
    reviewed = article.meta.get("last_reviewed")
    if isinstance(reviewed, dt.date) and not later(shown, reviewed):  # the medical review's warning says it
        return None
    return (article.key_line(key),
            f"the text changed ({changed} sentence{'' if changed == 1 else 's'}{' moved' * moved}), and {key}: "
            f"{calendar_day(shown).isoformat()} still says when it last did: pages and feeds show that day; if the "
            f"change matters to readers (a dose, a date, advice), set updated: {today.isoformat()}")


def author_names(value: object) -> tuple[str, ...]:
    """The people front matter's ``author`` names: one name (``author: Anna Berger``) or a list of names (``author:
    [Anna Berger, Tom Lenz]``, an article two people wrote: each a Person of its own in schema.org, an ``<author>`` of
    its own in Atom, where "Anna Berger, Tom Lenz" would be one person of that name); () for none, and for a value of
    another kind (a date, a table, a list holding one)."""
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and value and all(isinstance(name, str) and name.strip() for name in value):
        return tuple(value)
    return ()


def calendar_day(moment: Moment) -> dt.date:
    """The calendar day of a front-matter date (a day, or an instant: its day in the author's own time zone)."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


@dataclass(frozen=True)
class Sources:
    """The readable articles and pages, sorted by slug; the problems of the others; and which slugs those others had.

    ``articles`` are the ones translated through catalogs; ``german_only`` those with ``translate: false``
    (published in German only, linked from every edition). ``unreadable`` holds the slug each failing file had
    when it last read (``_ReadCache.last_slug``), else seems to have (``likely_slug``): stages leave those
    articles' catalogs and outputs as they are.
    """

    articles: list[Article]
    errors: list[VerlagError]
    unreadable: frozenset[str]
    german_only: list[Article] = field(default_factory=list)
    error_slugs: tuple[str, ...] = ()

    def errors_about(self, slugs) -> list[VerlagError]:
        """The problems of the sources with these slugs (every problem when ``slugs`` is empty or None), so a
        command asked about one article (``--article``) is not failed by another article's typo."""
        if not slugs:
            return list(self.errors)
        return [e for e, slug in zip(self.errors, self.error_slugs, strict=True) if slug in slugs]


def source_files(config: Config) -> list[tuple[Path, bool]]:
    """(path, is a standalone page) of every German source: ``source_de/*.md``, then ``source_de/seiten/*.md``,
    each folder sorted by file name (the order of ``sorted`` on the paths, without comparing ``Path`` objects)."""
    return [(path, False) for path in sorted(config.source_dir.glob("*.md"), key=lambda p: p.name)] + \
           [(path, True) for path in sorted((config.source_dir / PAGES_DIR).glob("*.md"), key=lambda p: p.name)]


def unread_sources(config: Config, tree: Iterable[Path] | None = None) -> list[str]:
    """The Markdown files under source_de/ that no article or page is read from (``source_files`` reads only
    ``source_de/*.md`` and ``source_de/seiten/*.md``): the ``.md`` files in any other subfolder, and those two
    folders' files named as Markdown but not ``.md`` (``misnamed``: ``Tee.MD``, ``tee.markdown``, ``tee.md.txt``),
    as project-relative paths, sorted; hidden folders (``.git``, an editor's ``.obsidian``) are left out. Said by
    extract, build and check (``unread_message``), so an article saved one folder too deep or under another
    extension is not skipped without a word.

    ``tree``: every path under source_de/ when the caller has listed them (extract's listing for the image
    variants, ``variants.source_tree``); else the subfolders are walked here (no stat per article)."""
    root = config.source_dir
    if tree is None:
        tree = itertools.chain(_misnamed_files(root), _subfolder_markdown(root))
    found = []
    for path in tree:
        if path.suffix != ".md":
            if misnamed(path.name) and path.parent in (root, root / PAGES_DIR) and path.is_file():
                found.append(path.relative_to(config.root).as_posix())
            continue
        parts = path.relative_to(root).parts
        if len(parts) > 1 and parts[:-1] != (PAGES_DIR,) and not any(p.startswith(".") for p in parts) \
                and path.is_file():
            found.append(path.relative_to(config.root).as_posix())
    return sorted(found)


def _subfolder_markdown(root: Path) -> Iterable[Path]:
    """The ``.md`` files in the folders inside ``root`` and theirs (not hidden, not through a symlink, as
    ``Path.rglob`` walks), the top level's by their d_type alone: no stat per article."""
    try:
        with os.scandir(root) as entries:
            tops = [e.path for e in entries if not e.name.startswith(".") and e.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for top in tops:
        for folder, dirs, names in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            yield from (Path(folder, name) for name in names if name.endswith(".md"))


# what editors and other tools name a Markdown file, besides ".md": only ".md" files are articles
_MARKDOWN_NAMES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".md.txt")


def misnamed(name: str) -> str | None:
    """The name ``name`` (a file in source_de/ or source_de/seiten/) would be read as an article under, when it
    is named as Markdown but not ``.md`` (``Tee.MD``, ``tee.markdown``, ``tee.md.txt``: ``tee.md``); else None."""
    lower = name.lower()
    if name.endswith(".md") or name.startswith(".") or not lower.endswith(_MARKDOWN_NAMES):
        return None
    end = next(end for end in sorted(_MARKDOWN_NAMES, key=len, reverse=True) if lower.endswith(end))
    return f"{name[:-len(end)]}.md"


def _misnamed_files(root: Path) -> Iterable[Path]:
    """The files of ``root`` and of its ``PAGES_DIR`` whose names ``misnamed`` takes, by their names alone."""
    for folder in (root, root / PAGES_DIR):
        try:
            with os.scandir(folder) as entries:
                yield from (Path(entry.path) for entry in entries if misnamed(entry.name))
        except OSError:
            continue


def unread_message(ref: str) -> str:
    """What ``verlag`` says of a Markdown file ``unread_sources`` found: not read, and what to do."""
    if (usable := misnamed(ref.rpartition("/")[2])) is not None:
        return (f"{shown_path(ref)}: not read: only .md files are articles; rename it to {shown_path(usable)} to "
                "publish it")
    folder = ref.split("/", 1)[0]
    return (f"{shown_path(ref)}: not read: articles are read from {folder}/ itself and standalone pages from "
            f"{folder}/{PAGES_DIR}/, no other subfolder; move it to {folder}/ to publish it")


def read_sources(config: Config, remember: bool = False, future: bool = False) -> Sources:
    """Every ``source_<lang>/*.md`` and ``source_<lang>/seiten/*.md``; a file that cannot be read is reported
    and the others are still read. Articles and pages share one slug space (one catalog per slug).

    A source read before with the same bytes is taken from ``.verlag/sources.json`` (``_ReadCache``);
    ``remember``: store what was read there for the next run (the commands that write: extract, build).
    An article whose ``date:`` is after today is ``Article.scheduled`` (``schedule``), so a draft for now, unless
    ``future`` (``build --future``: a preview that publishes it).

    An article is resolved like an image (``media``): a symlink that leads out
    of ``source_<lang>/`` (or in a loop) is refused with ``file:1``, so nothing
    outside the sources folder is ever read and published.
    """
    articles: dict[str, Article] = {}
    errors: list[VerlagError] = []
    error_slugs: list[str] = []
    unreadable: dict[str, str] = {}  # slug -> the first file that has it or seems to and cannot be read
    root = config.source_dir.resolve()
    cache = _ReadCache(config, held_since(config) if remember else None)
    day = None if future else schedule.today(config.zone)
    folders: dict[str, bool] = {}
    folded: dict[tuple[str, str], Article] = {}  # (folder, file name casefolded) -> the source read of that name
    refs: dict[str, str] = {}  # folder -> as a ref names it (project-relative, "/"), worked out once per folder
    for path, page in source_files(config):
        folder = os.path.dirname(path)
        if folder not in refs:
            refs[folder] = Path(folder).relative_to(config.root).as_posix()
        ref = f"{refs[folder]}/{path.name}"
        try:
            try:
                st = os.lstat(path)
            except OSError:
                st = None  # _inside and the read say why
            if not _inside(path, folder, root, folders, st):
                raise VerlagError(f"a symlink that leads out of {config.source_dir.name}/; only files inside "
                                  "it are published (copy the article there)", ref, 1)
            with stage(ref, "reading"):
                article = cache.read(path, ref, page, None if st is None or stat.S_ISLNK(st.st_mode) else st)
            if day is not None and (waits := schedule.waits_until(article.meta, article.undated, day)):
                object.__setattr__(article, "scheduled", waits)  # made for this run (frozen for the rest of it)
        except VerlagError as exc:
            errors.append(exc)
            error_slugs.append(cache.last_slug(path, ref) or likely_slug(path))
            unreadable.setdefault(error_slugs[-1], ref)
            continue
        twin = folded.setdefault((folder, _folded(path.name)), article)
        if twin is not article:  # Tee.md beside tee.md, or Übung.md composed and decomposed
            keeper, left_out = (article, twin) if catalog_owner(config, article.slug) == article.ref \
                and catalog_owner(config, twin.slug) != twin.ref else (twin, article)
            errors.append(VerlagError(_twin_problem(left_out, keeper), left_out.ref, 1))
            error_slugs.append(left_out.slug)
            unreadable.setdefault(left_out.slug, left_out.ref)
            folded[(folder, _folded(path.name))] = keeper
            if left_out is article:
                continue
            if articles.get(twin.slug) is twin:
                del articles[twin.slug]
        other = articles.get(article.slug)
        if other:
            keeper, left_out, why = claim(config, other, article)
            errors.append(VerlagError(f"slug {article.slug!r} is also claimed by {keeper.ref}:"
                                      f"{keeper.key_line('slug')}, which keeps it ({why}); this file is left out "
                                      "until you set a different 'slug:' in its front matter or rename it",
                                      left_out.ref, left_out.key_line("slug")))
            error_slugs.append(article.slug)
            article = keeper
        articles[article.slug] = article
    for slug, ref in unreadable.items():  # a source that cannot be read now keeps the catalogs made from it
        article = articles.get(slug)
        if article is not None and catalog_owner(config, slug) == ref:
            errors.append(VerlagError(f"slug {slug!r} is also claimed by {ref}, which keeps it (its catalogs "
                                      f"translations/<lang>/{slug}.po are made from it; it cannot be read now, see "
                                      "its error); this file is left out until you set a different 'slug:' in its "
                                      "front matter or rename it", article.ref, article.key_line("slug")))
            error_slugs.append(slug)
            del articles[slug]
    if remember:
        cache.save()
    found = sorted(articles.values(), key=lambda a: a.slug)
    return Sources([a for a in found if a.translated], errors, frozenset(unreadable),
                   [a for a in found if not a.translated], tuple(error_slugs))


def claim(config: Config, first: Article, second: Article) -> tuple[Article, Article, str]:
    """(keeper, left out, why) of two sources that claim one slug (``first`` read first): the one the slug's
    template ``translations/templates/<slug>.pot`` (without one, its first catalog) was made from (its ``#:``
    references name it), so that a newcomer, such as ``verlag new "Impressum"`` beside
    ``seiten/impressum.md``, never takes over the catalogs of a source whose reviewed translations they hold
    (extract would turn them obsolete); else a published source over a draft; else ``first`` (articles
    before pages, by file name)."""
    owner = catalog_owner(config, first.slug)
    if owner in (first.ref, second.ref):
        keeper = first if owner == first.ref else second
        return keeper, second if keeper is first else first, \
            f"its catalogs translations/<lang>/{first.slug}.po are made from it"
    if first.draft and not second.draft:
        return second, first, "it is published; the other is a draft"
    return first, second, "it comes first"


_LINE_END = LazyPattern(r"\r\n?|\n")  # a PO file's line ends as its readers take them: LF, CRLF or CR


def catalog_owner(config: Config, slug: str) -> str | None:
    """The source file (project-relative) the catalogs of ``slug`` were made from: the first ``#:`` reference of
    its template, else of its first catalog, with or without its line (``file:line``, or ``file`` as GNU gettext's
    ``--add-location=file`` writes it: GNU gettext manual, "PO Files"); None when there is none. A file name with
    spaces is read isolated as GNU gettext 0.22 writes it (``pofile.references``), or bare as earlier gettext and
    verlag wrote it, up to its first ``:line``."""
    for catalog in (config.pot_path(slug), *(config.po_path(lang, slug) for lang in config.languages)):
        try:
            lines = _LINE_END.split(file_bytes(catalog, CATALOG).decode("utf-8", errors="replace"))
        except (OSError, VerlagError):  # absent, unreadable, no file (``NotAFile``) or too large: owns nothing
            continue
        first = next((line[2:] for line in lines if line.startswith("#: ") and len(line.split()) > 1), None)
        if first is not None:
            return _first_reference(first)
    return None


def _first_reference(text: str) -> str:
    """The file the first reference of a ``#:`` line's ``text`` names (``catalog_owner``)."""
    from .pofile import references

    bare = None if text.lstrip().startswith("\u2068") else re.match(r"\s*(\S.*?):\d+(?!\S)", text)
    return bare[1] if bare else references(text)[0][0]


def _inside(path: Path, folder: str, root: Path, folders: dict[str, bool], st: os.stat_result | None = None) -> bool:
    """``path`` (after following every symlink) is a file under ``root``; a symlink loop is not.

    ``folder``: the folder ``path`` is in (``os.path.dirname``); ``folders``: the answer for each folder
    already resolved. A file that is no symlink lies where its folder resolves to, so it costs one ``lstat``
    instead of resolving every part of its path again; ``st``: that ``lstat`` when the caller took it.
    """
    try:
        if stat.S_ISLNK((st or os.lstat(path)).st_mode):
            return path.resolve(strict=True).is_relative_to(root)
        if folder not in folders:
            folders[folder] = Path(folder).resolve(strict=True).is_relative_to(root)
        return folders[folder]
    except (OSError, RuntimeError):
        return False


def likely_slug(path: Path) -> str:
    """The slug a source file has or seems to have, without reading it as an article: its ``slug:``
    line, else its file name (also for a file that does not parse)."""
    match = re.search(r"^slug:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)", source_text(path), re.M)
    return match.group(1) if match else path.stem


def source_text(path: Path) -> str:
    """The source file at ``path`` as text, bytes that are not UTF-8 replaced; "" for one that cannot be read
    (absent, no permission, larger than ``limits.SOURCE``, or no file: a named pipe is never opened), which tells
    nothing about its slug or origin. For the guesses made about sources that may not read as articles."""
    try:
        return file_bytes(path, SOURCE).decode("utf-8", errors="replace")
    except (OSError, VerlagError):
        return ""


def slugs_in_use(config: Config) -> dict[str, str]:
    """Slug -> the source that has it (project-relative path), for every article and page of ``source_files``:
    its file name and its ``slug:`` line (``likely_slug``; also of a file that does not parse), so a new
    source never claims another's slug and with it that source's catalogs."""
    used: dict[str, str] = {}
    for path, _ in source_files(config):
        ref = path.relative_to(config.root).as_posix()
        for slug in (path.stem, likely_slug(path)):
            used.setdefault(slug, ref)
    return used


def load_articles(config: Config) -> list[Article]:
    """Every ``source_<lang>/*.md``, sorted by slug; all problems reported at once (raises ``ManyErrors``)."""
    sources = read_sources(config)
    raise_all(sources.errors)
    return sources.articles

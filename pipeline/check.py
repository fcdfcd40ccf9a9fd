"""Stage: quality checks on translated catalogs, reported in compiler style.

Checks are plain functions in one list (``CHECKS``), each ``(entry, context)
-> messages``, with an id, a severity and a one-line explanation. Which
entries are checked: every active entry with a translation, reviewed or
fuzzy (a machine draft or a stale one), because a draft is what a reviewer
signs off and, under ``unreviewed = "machine"``, what readers see.
Untranslated entries give no findings, except from checks that exist for
them (``empty-heading``). Obsolete entries are never checked (one keeping a
second translation that waits for a reviewer's choice is named:
``rival_findings``). A stale entry
(a translation of an older German, never published) gets warnings only.

A reviewer silences one check on one entry with a translator comment line
``# ignore-<check id>`` (``# ignore-numbers``), named like Weblate's
``ignore-*`` flags but kept where flags are not: by Poedit, the GNU tools
and every merge (``catalog.Notes``; the older flag form is still read).

``check_catalog`` is pure (catalog in, findings out); ``run_checks`` reads
the project's catalogs.
"""

from __future__ import annotations

import difflib
import re
import textwrap
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from decimal import Context as DecimalContext, Decimal, InvalidOperation
from functools import cached_property, lru_cache, partial
from typing import Callable, Container, Iterable, Iterator, Mapping, NamedTuple

import polib
from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

from . import schedule, textchanged
from .catalog import (MACHINE, REVIEWED, STALE, TM_DIFFERS, UNTRANSLATED, cut_off_line, cut_off_message, decode_po,
                      entry_line, entry_state, format_flags, hand_draft, PROBED, ignored_checks, key, machine_draft,
                      msgid_line, nplurals, obsolete_msgid_line, older_copy, older_copy_message, own_words, parse_po,
                      restore_sign_offs, stale_sign_off,
                      stale_sign_off_message, untranslated_forms, waiting_rivals)
from .committed import CHECK_ID as LOST_CHECK, lost_sign_offs
from .config import CONFIG_NAME, MOVED_FILE, Config
from .counts import counted
from .doccache import german_keys
from .drift import Templates
from .errors import VerlagError, contain, excerpt
from .fragments import dangling
from .extracted import MESSAGE as GERMAN_CHANGED
from .extract_article import last_extract
from .extracted import changed_since_extract, moved_message, moved_since_extract
from .fsutil import NotAFile, file_bytes, relpath
from .invisible import CONTROLS, control_lines, hint_lines, lost_lines, named
from .limits import CATALOG, SITE_WORDS, Limit
from .glossary import SUFFIXING as GLOSSARY_SUFFIXING
from .glossary import Glossary, as_written, exact_pattern, load_glossary, matchable, target_pattern
from .markup import ACADEMIC_DEGREES, EMPTY_COUNTER, NO_PROSE, Parts, analyse, parts, without_code_spans
from .media import (Media, article_link_problem, collect_media, images_without_alt, judged_addresses, linked_article,
                    on_site, outdated_variants, stored_references, unfilled_link_problem, web_addresses)
from .moved import answered_message, answering, moved_paths, no_page_message, outside_message, read_moved
from .numberwords import (SPOON_CASES, as_digits, counted_noun_units, folded, german_number_words, german_quantities,
                          noun_quantities, nouns_counting, numerals_after_nouns, quantities, spelled_as_digits,
                          spelled_numbers)
from .orphans import find_orphans, unreadable
from .practice import unfilled, unfilled_message
from .published import PAGE_PATH, PlannedPages
from .pseudo import is_pseudo
from .quotes import foreign_quotes, quote_balance, quote_conventions, quote_marks
from .rawhtml import (IMAGE_FROM, active_html, active_message, html_addresses, html_block_warnings, markup_tags,
                      retitled, text_attributes)
from .refusedlinks import refused_links
from .redirects import (HTML_SUFFIXES, draft_message, file_slug, gone_language_message, gone_message, last_name,
                        old_hosts, old_names, old_path, page_file)
from .restore import pending, pending_message
from .notesyntax import findings as note_syntax
from .numberlines import findings as number_lines
from .segment import (markdown_template_tags, reference_labels, template_tag_warning, template_tags,
                      too_many_brackets)
from .scripts import UNSPACED, latin_length, unspaced
from .sentences import HARD_BREAK, german_abbreviation, replace_hard_breaks
from .sources import (PLAIN_KEYS, Article, Sources, front_matter_warnings, read_aliases, read_sources, same_titles,
                      unread_sources)
from .typos import negation_changed
from .urlparts import NO_ADDRESS, site_host, split_url, url_host
from .variants import RECORD, stale_originals

ERROR, WARNING = "error", "warning"
TEXT_STATES = frozenset({REVIEWED, MACHINE, STALE})


@dataclass(frozen=True)
class Finding:
    """One problem in one catalog entry; ``key`` matches it to its segment (``Segment.key``)."""

    path: str  # project-relative, e.g. translations/en/slug.po
    line: int  # the entry's msgid line
    check: str
    severity: str  # "error" | "warning"
    message: str
    lang: str
    slug: str
    key: tuple[str | None, str]
    # the keys of the other entries a finding about several at once holds back from the pages with ``key``'s
    # (``draft_language_finding``): one message, at the first one's line, for a batch judged together
    also: tuple[tuple[str | None, str], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.severity}: {self.path}:{self.line}: {self.message} [{self.check}]"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "check": self.check, "severity": self.severity,
                "message": self.message, "lang": self.lang, "slug": self.slug,
                "msgctxt": self.key[0], "msgid": self.key[1]}


@dataclass(frozen=True)
class Context:
    """What a check may know beyond the entry: the language, the glossary, the article's link labels."""

    lang: str
    glossary: Glossary = Glossary()
    labels: frozenset[str] = frozenset()
    source_lang: str = "de"
    reviewed: int = 0  # reviewed entries in the catalog
    # scheme://host of every URL in the German (its entries, its link definitions) and of the site's own address
    origins: Container[str] = frozenset()
    site_url: str = ""  # ``[site] base_url``
    published: Container[tuple[str, str]] = frozenset()  # (lang, slug) of the site's pages (``SitePages``)
    # an article's file name or old name -> its slug (``redirects.old_names``): a link to ``<name>.md`` is its page
    renamed: Mapping[str, str] = field(default_factory=dict, compare=False)
    # old slug -> new slug of the renames verlag recorded (``SitePages.recorded_renames``), read when first called
    recorded: Callable[[], Mapping[str, str]] = field(default=dict, compare=False)
    plain: bool = False  # the entry is plain text (``PLAIN_CONTEXTS``): no markup to compare
    # what holds the catalog's edition back (``PlannedPages.held_back``): the thresholds it misses, or
    # ``UNTRANSLATED_PAGE``; "" when published
    held: str = ""
    # id -> ``Check`` of the checks an ``ignore-<id>`` line of the catalog may name (``check_waiver``);
    # empty: ``CHECKS_BY_ID``, an article's
    waivers: Mapping[str, "Check"] = field(default_factory=dict, compare=False)
    # the (msgctxt, msgid) keys of the article's German as it is now, read when first called
    # (``catalog.stale_sign_off_message``)
    german: Callable[[], Container[tuple]] = field(default=frozenset, compare=False)


# Front-matter entries (segment.FRONT_KEYS, a tag's msgctxt is "tag"): the site shows them as escaped plain text
# (a "<" is a "<" in the title), so no Markdown or HTML is read in them.
PLAIN_CONTEXTS = frozenset({"title", "summary", "tag"})


@dataclass(frozen=True)
class Check:
    id: str
    severity: str
    explanation: str
    function: Callable[[polib.POEntry, Context], Iterable[str]]
    states: frozenset[str] = TEXT_STATES
    # what to do when the translation is right as it is, for a check an ``ignore-<id>`` flag does not silence
    # (it guards the readers); "" for the others, which that flag waives
    remedy: str = ""

    @property
    def waivable(self) -> bool:
        return not self.remedy


def waiver_advice(check_id: str) -> tuple[str, str]:
    """How to settle an error of the check ``check_id`` when the translation is right as it is: ("ignore", the
    comment line that waives it, ``# ignore-<id>``) or ("remedy", the check's ``remedy`` when no flag waives it),
    the rule ``check_catalog`` applies. ``KeyError`` for an id ``CHECKS`` does not have."""
    check = CHECKS_BY_ID[check_id]
    return ("ignore", f"# ignore-{check.id}") if check.waivable else ("remedy", check.remedy)


# --------------------------------------------------------------------------
# Inline markup, split once per text
# --------------------------------------------------------------------------

def text_parts(text: str, ctx: Context) -> Parts:
    """``parts`` of an entry's msgid or msgstr; in a plain-text entry (``Context.plain``) all of it is prose,
    and only its URLs and e-mail addresses are counted (the urls check keeps them)."""
    found = parts(text, ctx.labels)
    if not ctx.plain:
        return found
    return Parts(text, text, EMPTY_COUNTER, EMPTY_COUNTER, EMPTY_COUNTER, found.urls, EMPTY_COUNTER, ())


def same_markup(german: Parts, translated: Parts) -> bool:
    """Whether a translation keeps the German's markup as ``MARKUP_CHECKS`` compare it: the same kinds, verbatim
    pieces, link targets, URLs and HTML tags, no raw HTML piece written otherwise and no address the German does
    not have. Then none of those checks can find anything (``tests/test_check_gate.py`` shows it on every entry
    of a project), so ``check_catalog`` does not run them."""
    same = dict.__eq__  # stricter than Counter's == (a count of 0 differs from none): at worst the checks run
    return (same(german.kinds, translated.kinds) and same(german.exact, translated.exact)
            and same(german.targets, translated.targets) and same(german.urls, translated.urls)
            and same(german.html, translated.html) and translated.tags <= german.tags
            and (not translated.addresses or set(translated.addresses) <= set(german.addresses)))


def _without(found: list, taken: list) -> list:
    """``found`` with one of each of ``taken`` that it has taken out."""
    left = list(found)
    for item in taken:
        if item in left:
            left.remove(item)
    return left


def _differences(source: Counter, target: Counter) -> tuple[list, list]:
    if not source and not target or source == target:
        return [], []
    return list((source - target).elements()), list((target - source).elements())


def _describe(missing: list, added: list, what: Callable = str) -> str:
    said = []
    if missing:
        said.append("missing " + ", ".join(what(x) for x in missing))
        if added:
            said.append("instead " + ", ".join(what(x) for x in added))
    elif added:
        said.append("added " + ", ".join(what(x) for x in added))
    return "; ".join(said)


# --------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------

def check_markup(entry, ctx):
    src, tgt = text_parts(entry.msgid, ctx), text_parts(entry.msgstr, ctx)
    changed = [f"{kind} {src.kinds[kind]} -> {tgt.kinds[kind]}"
               for kind in sorted(set(src.kinds) | set(tgt.kinds)) if src.kinds[kind] != tgt.kinds[kind]]
    if changed:
        yield "inline markup changed: " + ", ".join(changed)
        return
    missing, added = _differences(src.exact, tgt.exact)
    if missing or added:
        yield "code, footnote reference or placeholder not kept verbatim: " + _describe(missing, added)


def hard_breaks(text: str, labels: frozenset[str] = frozenset()) -> int:
    """How many hard breaks CommonMark reads in an inline ``text``: two spaces or more, or a backslash (not itself
    escaped), before a line end that more text follows, outside code spans, autolinks and HTML tags (where a line
    end is no break)."""
    atomic = analyse(text, labels).atomic if "\n" in text else []
    return sum(1 for m in HARD_BREAK.finditer(text)
               if text[m.end():].strip() and not any(a <= m.start(1) < b for a, b in atomic))


def check_hard_break(entry, ctx):
    """A translation with more or fewer hard breaks than the German: a dropped one runs the address's or poem's
    lines together on the page, an added one cuts a line the German keeps whole."""
    if ctx.plain or "\n" not in entry.msgid + entry.msgstr:
        return
    src, tgt = hard_breaks(entry.msgid, ctx.labels), hard_breaks(entry.msgstr, ctx.labels)
    if src != tgt:
        yield (f"hard line breaks differ: {src} in German, {tgt} in the translation (two spaces or a backslash "
               "before a line end)")


def check_link_target(entry, ctx):
    src, tgt = text_parts(entry.msgid, ctx), text_parts(entry.msgstr, ctx)
    if any(src.kinds[k] != tgt.kinds[k] for k in ("link", "image")):
        return  # a link added or dropped: the markup check says so
    missing, added = _differences(src.targets, tgt.targets)
    for kind, dest in added[:]:
        match = next((m for m in missing if m[0] == kind and _translated_page(m[1], dest, ctx)), None)
        if match:
            missing.remove(match)
            added.remove((kind, dest))
    if missing or added:
        yield "link destination or image source changed: " + _describe(
            missing, added, lambda t: f"{t[0]} {t[1]}{_on_site(t[1], ctx)}" if t[1]
            else f"{t[0]} with an empty destination, ()")


def _on_site(dest: str, ctx: Context) -> str:
    """What ``check_link_target`` adds to a root-relative destination outside the site's base path: the address
    the site reads it as (``media.on_site``), " (/praxis/en-US/zecken/ on the site)"; "" for any other."""
    base = (split_url(ctx.site_url) or NO_ADDRESS).path or "/"
    if not ctx.site_url or base == "/" or not dest.startswith("/") or dest.startswith(("//", base)):
        return ""
    return f" ({on_site(dest, base)} on the site)"


def _translated_page(old: str, new: str, ctx: Context) -> bool:
    """A link to this site's German page may point to the same site's page in the target language: the
    same path with the target language (``/de/zecken/`` -> ``/en/zecken/``), or the same article and
    fragment in any form the site reads (``zecken.md``, ``/en/zecken/``, ``<base_url>en/zecken/``,
    ``<base_url>de/zecken/``, an old address its ``aliases:`` keep), also by the name it had before a rename
    verlag recorded (``alt.md`` and ``neu.md``; ``ctx.recorded``, read only here). With the site's address known
    (``ctx.site_url``), an address of one of its pages must name a page it publishes (``ctx.published``), else
    readers follow it to a 404 (the site rewrites only ``.md`` and relative links)."""
    was, now = _site_article(old, ctx), _site_article(new, ctx)
    if ctx.site_url and now is not None and now[0] is not None and now[:2] not in ctx.published:
        return False
    a = re.match(rf"^(.*?/){re.escape(ctx.source_lang)}/", old)
    b = re.match(rf"^(.*?/){re.escape(ctx.lang)}/", new)
    if a and b and a.group(1) == b.group(1):
        return True
    if (was is None or now is None or was[2] != now[2] or was[0] not in (None, ctx.source_lang)
            or now[0] not in (None, ctx.lang, ctx.source_lang)):
        return False
    return was[1] == now[1] or last_name(was[1], ctx.recorded()) == last_name(now[1], ctx.recorded())


def _site_article(url: str, ctx: Context) -> tuple[str | None, str, str] | None:
    """(language or None for the German file, slug, fragment) of a link to one of this site's articles:
    ``<file name>.md`` (its slug by ``ctx.renamed``), an old address an article's ``aliases:`` keep (by
    ``ctx.renamed``: ``/2022/schlaf.html``), ``/<base path><lang>/<slug>/`` or ``<base_url><lang>/<slug>/`` (its host with
    or without "www.", by http or https); None for anything else."""
    address, _, fragment = url.partition("#")
    name = linked_article(address)
    if name is not None:  # the file's name, or the name it had: the site links the article's slug (``renamed``)
        return None, file_slug(ctx.renamed, name), fragment
    base = (split_url(ctx.site_url) or NO_ADDRESS).path or "/"
    if address.startswith("/") and not address.startswith("//"):
        address = on_site(address, base)  # the site's own path, as the pages write it (``site._BodyPlan.address``)
        if (slug := ctx.renamed.get(old_path(address))) is not None:
            return None, slug, fragment  # an old address an article's aliases keep: it leads to that article
    whole = split_url(address) if "://" in address else None
    if ctx.site_url and whole and whole.scheme in ("http", "https") and url_host(address) == url_host(ctx.site_url):
        # the site's own address, with or without "www." (``urlparts.site_host``), as SitePages names it
        if not whole.path.startswith(base):
            return None
        address = whole.path[len(base):]
    elif address.startswith(base):
        address = address[len(base):]
    else:
        return None
    page = re.fullmatch(PAGE_PATH, address)
    return (page.group(1), page.group(2), fragment) if page else None


def check_html(entry, ctx):
    german, translated = text_parts(entry.msgid, ctx), text_parts(entry.msgstr, ctx)
    missing, added = _differences(german.html, translated.html)
    if added:
        yield "raw HTML added: " + " ".join(added)
    if missing:
        yield "raw HTML dropped: " + " ".join(missing)
    # the page keeps a translation's tag only as the original writes it, but for title/alt text
    # (render._judge): any other change to a tag shows it to readers as text
    changed = sorted(tag for tag in translated.tags - german.tags if retitled(tag, german.tags) is None)
    if changed and not added:
        yield ("raw HTML changed: " + " ".join(changed) + " is not written as in the original; only the text of "
               "title and alt may be translated (else the page shows the tag as text)")


def check_html_text(entry, ctx):
    german = text_attributes(entry.msgid)
    if not german or text_parts(entry.msgstr, ctx).prose == text_parts(entry.msgid, ctx).prose:
        return  # no title/alt, or nothing around it translated (the unchanged check's)
    for value in dict.fromkeys(v for v in text_attributes(entry.msgstr) if v in german and _WORD.search(v)):
        shown = value if len(value) <= 50 else value[:47] + "…"
        yield (f'title/alt text "{shown}" is the German of the original in a translated sentence; readers get it '
               "as a tooltip or image description: translate the text between the quotes too")


def check_foreign_target(entry, ctx):
    added = set(text_parts(entry.msgstr, ctx).addresses) - set(text_parts(entry.msgid, ctx).addresses)
    foreign = sorted(url for url in added if _origin(url) and _origin(url) not in ctx.origins)
    if foreign:
        yield ("link or image to a place the German never points to: " + ", ".join(foreign)
               + " (published only once the German links there too; cannot be waived)")


# Left-to-right and right-to-left override (U+202D, U+202E): the characters after them are shown in the forced
# order, so "12" reads "21" (Trojan Source, CVE-2021-42574). Marks (U+200E, U+200F) and isolates set a direction
# without reordering a run of letters or digits; right-to-left text needs only those.
_OVERRIDES = "\u202d\u202e"


def check_bidi_control(entry, ctx):
    added = sum(map(entry.msgstr.count, _OVERRIDES)) - sum(map(entry.msgid.count, _OVERRIDES))
    if added > 0:
        yield (f"{added} bidi override{'s' if added > 1 else ''} (U+202D/U+202E) the German lacks: the reader sees "
               "the text after it reversed, not the text every check read (\"12\" shown as \"21\")")


def check_control_character(entry, ctx):
    """A control character (``invisible.CONTROLS``: C0 but tab and line feed, DEL, C1) in a translation that its
    German lacks: GNU msgfmt passes it, and the page shows "J\ufffdrg" for a reviewer's "J\\0rg". One the German
    has too is the German article's error (``run_checks``), where deleting it mends both."""
    forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
    if not any(map(CONTROLS.search, forms)):
        return
    german = Counter(CONTROLS.findall(entry.msgid + (entry.msgid_plural or "")))
    added = [char for char, count in Counter(c for text in forms for c in CONTROLS.findall(text)).items()
             if count > german[char]]
    if added:
        yield (f"control character {', '.join(map(named, added))} the German lacks: "
               "no reader sees it as text (a page shows nothing there, or \ufffd for a NUL), and a feed holding one "
               "is no well-formed XML")


_EMAIL = re.compile(r"^[^\s@/:]+@[^\s@]+$")


@lru_cache(maxsize=4096)
def _origin(url: str) -> str | None:
    """``scheme://host`` of an address that leaves the site (None for a relative one or an e-mail address).

    A scheme-relative ``//host/x`` counts as https; ``www.host`` (linkified) as http;
    a scheme without host (``javascript:``, ``data:``) is an origin of its own, and so is an address ``urlsplit``
    cannot read (``urlparts``: ``https://[::1/x``): the address itself, shared only with the German's same address.
    """
    url = url.strip().lower()
    if url.startswith("www."):
        url = "http://" + url
    if _EMAIL.match(url) or url.startswith("mailto:"):
        return None
    parsed = split_url(url if not url.startswith("//") else "https:" + url)
    if parsed is None:
        return url
    if parsed.netloc:
        return f"{parsed.scheme}://{parsed.hostname or ''}"
    return f"{parsed.scheme}:" if parsed.scheme else None


def check_placeholders(entry, ctx):
    declared = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
    unknown = placeholders(entry.msgstr) - declared
    if unknown:
        yield "unknown placeholder " + ", ".join(f"%({name})s" for name in sorted(unknown)) + " (shown as typed)"
    if not entry.msgid_plural:
        missing = placeholders(entry.msgid) - placeholders(entry.msgstr)
    elif entry.counts > 1:  # a form of one count only may say it in words ("مقالتان"); GNU msgfmt --check lets one
        # of fewer than five counts leave the number out (its OFTEN), which shows a French "un article" for 0
        missing = placeholders(entry.msgid_plural) - placeholders(entry.msgstr)
    else:
        missing = set()
    if missing:
        yield "placeholder missing: " + ", ".join(f"%({name})s" for name in sorted(missing))


def placeholders(text: str) -> set[str]:
    """The names of the Python %-format placeholders ``%(name)s`` in a UI message."""
    return set(re.findall(r"(?<!%)(?:%%)*%\((\w+)\)s", text))


def check_plain_markup(entry, ctx):
    """A title, summary or tag (``PLAIN_CONTEXTS``) is shown as it is typed: HTML or Markdown the translation
    adds is safe (escaped) but readers see the tags and asterisks in the heading, the feed and previews."""
    if not ctx.plain:
        return
    german, translation = parts(entry.msgid, ctx.labels), parts(entry.msgstr, ctx.labels)
    added = [*_added_tags(entry.msgid, entry.msgstr), *(translation.kinds - german.kinds).elements()]
    if added:
        yield (f"{', '.join(dict.fromkeys(added))} in the {_kind(entry) or 'text'}, which is plain text: readers "
               "would see it as typed; write the words only")


def _added_tags(german: str, translation: str) -> list[str]:
    """The HTML tags a plain field's ``translation`` has beyond its ``german`` (``rawhtml.element_tags``: as a
    browser finds them, a quote in an unquoted value too, ``"><svg onload=alert(1)>``), unless no more of them
    than the German's '<' that open none: "<Ein Überblick>" translated as "<A guide>" is no markup, but the
    German's own ``<b>fett</b>`` excuses no ``<script>`` of the translation (trial 40 #3)."""
    from .rawhtml import element_tags

    if "<" not in translation:
        return []
    had, has = element_tags(german), element_tags(translation)
    added = Counter({tag: count for tag, count in (has - had).items() if tag != "<"})
    return list(added) if sum(added.values()) > had["<"] else []


def german_plain_markup(article: Article) -> list[tuple[int, str]]:
    """(line, message) for each plain field of the German front matter (``PLAIN_KEYS``: title, summary, tags,
    author; and ``reviewed_by``'s name and qualification, at their own lines) that holds raw HTML (``title:
    <script>alert(1)</script> Tipps``, ``author: … <img src=x onerror=…>``, a CMS's ``<b>…</b>``): the site
    shows these values as typed, escaped, so readers see the tags in the heading, the browser tab, the feed and
    previews, and every translation copies them, which ``plain-markup`` lets pass since the German has them. An
    element named as a subject, a lone ``<details>`` without attributes and without its end tag (not a void
    element, ``<br>``), is a word of the title, not markup. Markdown is not looked for: the German writes
    "Ärzt*innen" in titles, which CommonMark would read as emphasis."""
    found = []
    reviewer = article.meta.get("reviewed_by")
    reviewer = reviewer if isinstance(reviewer, dict) else {}
    for key, value, line in [*((key, article.meta.get(key), None) for key in PLAIN_KEYS),
                             *((f"reviewed_by: {sub}", reviewer.get(sub), ("reviewed_by", sub))
                               for sub in ("name", "qualification"))]:  # the byline's, as typed too
        texts = [t for t in (value if isinstance(value, list) else [value]) if isinstance(t, str) and "<" in t]
        tags = dict.fromkeys(tag for text in texts for tag in markup_tags(text))
        if tags:
            found.append((article.sub_key_line(*line) if line else article.key_line(key),
                          f"{key}: {', '.join(tags)} in a field of the front matter, which is plain text: readers "
                          "would see it as typed, on the page, in the browser tab, feeds and previews, in every "
                          "language; write the words only"))
    return sorted(found)


def check_ui_markup(entry, ctx):
    if re.search(r"<[A-Za-z/!?]|&[#A-Za-z0-9]+;", entry.msgstr):
        yield ("markup in the website's own words is shown as text: write plain text; a link the sentence "
               "needs comes from its placeholder")


def check_urls(entry, ctx):
    """The URLs and e-mail addresses of the text (bare and autolinks) kept. One the translation writes as text where
    the German has it as the destination of a link the translation dropped (``[Schreiben Sie uns](mailto:a@b.de)``
    as "Write to us at a@b.de") was not added: the link lost its syntax, which the markup check says."""
    src, tgt = text_parts(entry.msgid, ctx), text_parts(entry.msgstr, ctx)
    missing, added = _differences(src.urls, tgt.urls)
    if added and src.targets:
        dropped = {_bare_address(dest) for (kind, dest), count in src.targets.items()
                   if kind == "link" and tgt.targets[(kind, dest)] < count}
        added = [url for url in added if _bare_address(url) not in dropped]
    if missing or added:
        yield "URL or e-mail address changed: " + _describe(missing, added)


def _bare_address(url: str) -> str:
    """An address as a text writes it bare: a ``mailto:`` link's e-mail address without its query (``?subject=``)."""
    if url[:7].lower() == "mailto:":
        return url[7:].partition("?")[0]
    return url


# A version is an identifier, kept as written: "Version 2.100" is no 2100 in German nor 2.1 in English
_VERSION = re.compile(r"(?<![\w.])(?:[Vv]ersion|[Rr]elease|v)[ \u00a0]?(\d+(?:\.\d+)+)(?![\w.]*\d)")
# Japanese idioms that write a digit but say no number: もう1度 "once more" (the 度 of 33度 is a degree)
_NO_NUMBER = {"ja": re.compile(r"もう[ \u3000]?[1１][ \u3000]?度")}


def _as_said(prose: str, lang: str) -> tuple[str, Counter]:
    """``prose`` without its idioms that say no number (``_NO_NUMBER``) and its version identifiers, and those
    (the shared empty ``markup.EMPTY_COUNTER``, never changed, for a text with none: most have none, and a
    ``Counter`` was made for every text with a digit the QA gate read)."""
    if idiom := _NO_NUMBER.get(lang.split("-")[0]):
        prose = idiom.sub("もう一度", prose)
    if not _VERSION.search(prose):
        return prose, EMPTY_COUNTER
    versions = Counter(m.group(1) for m in _VERSION.finditer(prose))
    return (_VERSION.sub(lambda m: m.group()[:m.start(1) - m.start()], prose) if versions else prose), versions


# A phone number's country code where the German writes the trunk prefix: "+49 761 …", "+49 (0)761 …" and
# "0049 761 …" are "0761 …" dialled in Germany (ITU-T E.164; Germany, Austria and Switzerland drop the 0 after
# their code), as a translation for readers abroad writes the Impressum's number.
_COUNTRY_CODE = re.compile(r"(?<![\w+])(?:\+|00)(?:49|43|41)[^\S\n]*(?:\(0\)[^\S\n]*)?(?=[1-9])")


def check_numbers(entry, ctx):
    """The numbers of the msgid in the msgstr, read as each language writes them (dates, times, ranges, number
    words, units and their conversions, version numbers); a phone number written with its country code counts as
    the one with its trunk prefix 0 (``_COUNTRY_CODE``: trial 12's "+49 761 123456-0" for "0761 123456-0" was
    refused as "added 49" and the Impressum showed the German line)."""
    if not (_DIGIT.search(entry.msgid) or _DIGIT.search(entry.msgstr)):
        yield from _spoons_swapped(text_parts(entry.msgid, ctx).prose, text_parts(entry.msgstr, ctx).prose, ctx)
        return
    german, src_versions = _as_said(text_parts(entry.msgid, ctx).prose, ctx.source_lang)
    said, tgt_versions = _as_said(text_parts(entry.msgstr, ctx).prose, ctx.lang)
    if src_versions != tgt_versions:
        yield "version numbers differ: " + _describe(sorted(src_versions - tgt_versions),
                                                     sorted(tgt_versions - src_versions))
    german, translation = _kept_as_written(german, said, ctx.source_lang, ctx.lang)
    german, translation = _COUNTRY_CODE.sub("0", german), _COUNTRY_CODE.sub("0", translation)
    src, tgt = numbers(german, ctx.source_lang), numbers(translation, ctx.lang)
    missing, added = [v for v in src if v not in tgt], [v for v in tgt if v not in src]  # values are unique keys
    _match_dates(missing, added)
    _match_dates(added, missing)
    if "-" not in ctx.lang:  # "en" alone: 02/05/2024 is 2 May to a British reader, 5 February to an American one
        _match_slashed_either_way(missing, added, tgt)
    _match_times(missing, added, tgt)
    _match_times(added, missing, src)
    if added and ctx.source_lang == "de":
        _match_words(added, german_number_words(german))
    if missing:
        _match_words(missing, (frozenset({v}) for v in spelled_numbers(translation, ctx.lang)))
    # "1 Jahr": Arabic "سنة", a year; "2 Stunden": "ساعتين", two hours; "1 Liter": "لتر" (its unit below)
    counted, others = nouns_counting(german, translation, ctx.lang) if missing and ctx.source_lang == "de" \
        else ([], [])
    _match_words(missing, (frozenset({value}) for value, _ in counted))
    if missing:  # "1 Jahr": "سنتين", two years: the translation's number, named as the German's is (README)
        tgt = dict(tgt)
        for value, noun in others:
            at = next(v for n in range(1, len(tgt) + 2) if (v := value if n == 1 else f"{value}#{n}") not in tgt)
            tgt[at] = f"{noun} (= {value})"
            added.append(at)
    # both read with the unit names of both languages: a target language's name kept as written ("9 L") is no unit
    # of the translation alone
    german_prose = text_parts(entry.msgid, ctx).prose
    src_units = Counter(units(german_prose, ctx.lang, ctx.source_lang))
    regional = _READERS_UNITS.get(_region(ctx.lang), {})
    tgt_units = Counter(regional.get(unit, unit) for unit in units(said, ctx.lang, ctx.source_lang))
    unit_missing, unit_added = _differences(src_units, tgt_units)
    if unit_missing and spelled_numbers(said, ctx.lang):  # "2 Liter": "two litres", a unit after a spelled number
        tgt_units = Counter(regional.get(unit, unit)
                            for unit in [*units(spelled_as_digits(said, ctx.lang), ctx.lang, ctx.source_lang),
                                         *_units_before_numerals(said, ctx.lang)])  # "ملعقة صغيرة واحدة"
        unit_missing, unit_added = _differences(src_units, tgt_units)
    if unit_added and ctx.source_lang == "de" and german_number_words(german):  # eineinhalb Liter: 1.5 l
        src_units = Counter(units(as_digits(german_prose), ctx.lang, ctx.source_lang))
        unit_missing, unit_added = _differences(src_units, tgt_units)
    for value, word in counted if unit_missing else ():
        unit_missing = _without(unit_missing, units(f"{value} {word}", ctx.source_lang))
    _match_degrees(unit_missing, unit_added)
    _match_degrees(unit_added, unit_missing)
    if added and "°F" in unit_added:  # "38 °C (100 °F)": the reader's scale beside the German's (trial 23)
        _match_fahrenheit(unit_amounts(said, ctx.lang, ctx.source_lang), added, unit_added)
    if missing and added and src_units and tgt_units:  # "500 ml und 1 l": "0.5 l and 1000 ml" have the same units
        _match_conversions(unit_amounts(german_prose, ctx.source_lang, ctx.lang),
                           [(value, regional.get(unit, unit)) for value, unit in unit_amounts(said, ctx.lang,
                                                                                              ctx.source_lang)],
                           missing, added, unit_missing, unit_added)
    if missing or added:
        a, b = _spell(src, missing), _spell(tgt, added)
        if set(a) & set(b):  # the same digits read differently: say how
            a = [f"{s} (= {v.split('#')[0]})" for s, v in zip(a, missing)]
            b = [f"{s} (= {v.split('#')[0]})" for s, v in zip(b, added)]
        else:  # a date of slashes, read in the language's order: say which day
            a, b = _slashed_days(a, missing), _slashed_days(b, added)
        yield "numbers differ: " + _describe(a, b)
    if unit_missing or unit_added:
        yield "units differ: " + _describe(unit_missing, unit_added)
    if not (missing or added or unit_missing or unit_added):
        yield from _units_moved(entry, ctx)


# The units a translation may convert an amount between, by what they measure and their size in its SI unit:
# "500 ml" is "0,5 l", "1,5 kg" "1500 g". A German recipe's spoon is the metric one: "1 EL" is "15 ml" or "3 tsp"
# (a tablespoon of 15 ml and a teaspoon of 5 ml, as Europe measures and US nutrition labels reckon them, 21 CFR
# 101.9(b)(5)(viii)), so Australia's 20 ml tablespoon, a third more, is another amount (``_READERS_UNITS``: an
# Australian translation's "tablespoon" is one). Calories and degrees are not converted (a rounded °F or kJ
# cannot be told from a wrong one).
_SCALES = {"µg": ("mass", Decimal("1e-9")), "mg": ("mass", Decimal("1e-6")), "g": ("mass", Decimal("1e-3")),
           "kg": ("mass", Decimal(1)), "ml": ("volume", Decimal("1e-6")), "cm³": ("volume", Decimal("1e-6")),
           "tsp": ("volume", Decimal("5e-6")), "tbsp": ("volume", Decimal("15e-6")),
           "tbsp (20 ml)": ("volume", Decimal("20e-6")),
           "cl": ("volume", Decimal("1e-5")), "dl": ("volume", Decimal("1e-4")), "l": ("volume", Decimal("1e-3")),
           "m³": ("volume", Decimal(1)), "mm": ("length", Decimal("1e-3")), "cm": ("length", Decimal("1e-2")),
           "m": ("length", Decimal(1)), "km": ("length", Decimal(1000))}


# A unit the readers of a region measure with another size: Australia's tablespoon holds 20 ml
_READERS_UNITS = {"AU": {"tbsp": "tbsp (20 ml)"}}


@lru_cache(maxsize=64)
def _region(lang: str) -> str:
    """The region subtag of the BCP 47 tag ``lang`` ("en-AU", "en-Latn-AU": "AU"), else ""."""
    return next((tag.upper() for tag in re.split("[-_]", lang)[1:] if len(tag) == 2 and tag.isalpha()), "")


def _match_conversions(german: list[tuple[str, str]], translation: list[tuple[str, str]], missing: list[str],
                       added: list[str], unit_missing: list[str], unit_added: list[str]) -> None:
    """An amount the translation writes in another unit of the same kind (``_SCALES``) with the same size matches:
    "500 ml" and "0,5 l" take their numbers out of ``missing`` and ``added`` and their units out of the texts'
    units, whose differences ``unit_missing`` and ``unit_added`` are; also a unit both texts have for other amounts
    ("1 EL Öl, 2 TL Essig, 1 EL Honig": "15 ml oil, 10 ml vinegar, 3 tsp honey"). ``german`` and ``translation``
    are ``unit_amounts``: (value key, unit)."""
    for value, unit in german:
        if value not in missing or unit not in _SCALES:
            continue
        kind, size = _SCALES[unit]
        amount = _amount(value, size)
        for other, other_unit in translation:
            if (other in added and _SCALES.get(other_unit, ("", 0))[0] == kind
                    and amount is not None and _amount(other, _SCALES[other_unit][1]) == amount):
                missing.remove(value), added.remove(other)
                _take_unit(unit, unit_missing, unit_added)
                _take_unit(other_unit, unit_added, unit_missing)
                break


def _units_before_numerals(prose: str, lang: str) -> list[str]:
    """The units named right before a numeral that follows its noun (``numerals_after_nouns``: Arabic "ملعقة صغيرة
    واحدة", one teaspoon; Hebrew "כפית אחת"), as their symbols, in order: the unit of that number, which the
    translation names before it as its language writes it (trial 33: "1 Teelöffel" -> "ملعقة صغيرة واحدة" was
    "units differ: missing tsp"). [] for a language whose numerals stand before their noun."""
    text, numerals = numerals_after_nouns(prose, lang)
    if not numerals:
        return []
    pattern, names = _nouns_before_numeral(lang.split("-")[0].lower())
    return [names[m.group(1)] for start, _ in numerals
            if (m := pattern.search(text, max(0, start - 60), start)) is not None]


@lru_cache(maxsize=4)
def _nouns_before_numeral(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    """The unit names of ``lang`` (a ``NUMERAL_AFTER_NOUN`` language), each with a clitic before it ("بملعقة")
    and ending right where a numeral after it starts, and name -> symbol: ``unit_names`` written after a number,
    and the singular and dual nouns that count by themselves (``counted_noun_units``: "ملعقتان صغيرتان"), read
    as numerals are (``numberwords.folded``: an alif with a hamza as the bare one)."""
    names = {folded(name): symbol for name, (symbol, side) in unit_names(lang).items() if side == "after"}
    names |= {noun: CLDR_UNITS[unit] for noun, unit in counted_noun_units(lang).items() if unit in CLDR_UNITS}
    words = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    clitics = {"ar": "[وفبلك]{0,2}", "he": "[ושבלכמ]{0,2}ה?"}.get(lang, "")
    return re.compile(rf"(?<![^\W\d_]){clitics}({words})[{_SPACES}]+$"), names


def _take_unit(unit: str, only_here: list[str], only_there: list[str]) -> None:
    """Take ``unit`` out of one text's units, as their differences with the other's say them: out of those only
    this text has (``only_here``), else the other text has one more than this one now (``only_there``)."""
    if unit in only_here:
        only_here.remove(unit)
    else:
        only_there.append(unit)


def _amount(value: str, size: Decimal) -> Decimal | None:
    """A number's value key (``numbers``: "0.5", "500#2") times ``size``; None for a key that is no decimal number
    (a version "2.6.32")."""
    digits = value.split("#")[0]
    try:  # every digit kept: at the default 28 a 30-digit "…001 ml" would equal "…000 l"
        return DecimalContext(prec=len(digits) + 10).multiply(Decimal(digits), size)
    except InvalidOperation:
        return None


def unit_amounts(prose: str, lang: str, *langs: str) -> list[tuple[str, str]]:
    """(value key as ``numbers`` gives it, unit symbol) of each number in ``prose`` (written in ``lang``) that a
    unit follows (``units`` with the names of ``lang`` and ``langs``, from the same pass), in order."""
    if not _DIGIT.search(prose):
        return []
    keys: dict[str, list[str]] = {}  # spelling -> the value key of each number written so ("1", "1#2")
    for value, spelling in numbers(prose, lang).items():
        keys.setdefault(spelling, []).append(value)
    found = []
    for start, unit, follows in _unit_matches(prose, _primary((lang, *langs))):
        before = _NUMBER_BEFORE.search(prose, max(0, start - 40), start) if follows else None
        if before and (values := keys.get(spelling := before.group(1))):
            nth = sum(m.group() == spelling for m in _NUMBER.finditer(prose, 0, before.start(1)))
            found.append((values[min(nth, len(values) - 1)], unit))
    return found


def check_number_words(entry, ctx):
    """Numbers written as words in both texts, compared by value (``numberwords.german_quantities``,
    ``quantities``): "zweimal täglich zehn Minuten" is no "three times a day for five minutes". A word matches a
    word of its value in the other text, each once, then digits of its value that the other text writes beyond
    its own (a digit both write is theirs); what is left says a different number only where both texts have
    some left, so a number the translation says otherwise ("both", "a couple", "half an hour") or leaves out is
    no finding. Digits against digits are ``check_numbers``'s."""
    if ctx.source_lang != "de" or entry.msgstr == entry.msgid:
        return
    german = text_parts(entry.msgid, ctx).prose
    if not (german_words := german_quantities(german, ctx.lang.split("-")[0].lower())):
        return
    translation = text_parts(entry.msgstr, ctx).prose
    # and a count said by a noun alone ("zwei Jahre" -> "سنة", one year), as ``check_numbers`` reads it
    if not (words := quantities(translation, ctx.lang) + noun_quantities(german, translation, ctx.lang)):
        return
    left, others = _unmatched(list(german_words), list(words))
    if not (left and others):
        return
    # a word left matches digits of its value in the other text, of those its own text does not write as well:
    # "2 Tabletten zweimal täglich" is no "2 tablets three times a day", whose 2 is the German's 2
    translated_digits = Counter(v.split("#")[0] for v in numbers(translation, ctx.lang))
    german_digits = Counter(v.split("#")[0] for v in numbers(german, ctx.source_lang))
    translated_digits, german_digits = translated_digits - german_digits, german_digits - translated_digits
    left = [word for word in left if not _take(translated_digits, word[2])]
    others = [word for word in others if not _take(german_digits, word[2])]
    if left and others:
        yield ("numbers in words differ: German " + ", ".join(f"{word} ({value})" for word, value, _ in left)
               + "; translation " + ", ".join(f"{word} ({value})" for word, value, _ in others))


def _unmatched(german: list[tuple], translated: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The number words (word, value, values) of each side that none of the other side matches: each translated
    word, in order, takes the first German word left that shares a value with it. By a queue of German words per
    value, so linear in the words: looking through every German word left for each translated one took minutes
    on a paragraph of 50,000 number words."""
    queues: dict[str, deque[int]] = {}
    for place, word in enumerate(german):
        for value in word[2]:
            queues.setdefault(value, deque()).append(place)
    taken = [False] * len(german)
    unmatched = []
    for word in translated:
        first = None
        for value in word[2]:
            queue = queues.get(value)
            while queue and taken[queue[0]]:
                queue.popleft()
            if queue and (first is None or queue[0] < first):
                first = queue[0]
        if first is None:
            unmatched.append(word)
        else:
            taken[first] = True
    return [word for word, gone in zip(german, taken) if not gone], unmatched


def _take(counts: Counter, values: Iterable[str]) -> bool:
    """Take one of ``values`` from ``counts``, if it has one."""
    value = next((v for v in sorted(values) if counts[v] > 0), None)
    if value is not None:
        counts[value] -= 1
    return value is not None


def _kept_as_written(german: str, translation: str, source_lang: str, lang: str) -> tuple[str, str]:
    """Both texts without the numbers each writes with the same characters but the two languages group
    differently (``+49 761 555 012``: French reads groups of three after a space as one number): a number kept
    as it is, is kept. Not where either language reads a decimal separator in it (``1.500`` is 1500 in German,
    1.5 in English)."""
    if not _GROUPED.search(german) or not _GROUPED.search(translation):
        return german, translation
    shared = Counter(m.group() for m in _NUMBER.finditer(german)) & Counter(
        m.group() for m in _NUMBER.finditer(translation))
    for spelling, count in shared.items():
        a, b = numbers(spelling, source_lang), numbers(spelling, lang)
        if a != b and not any("." in value for value in (*a, *b)):
            whole = re.compile(rf"(?<!\d){re.escape(spelling)}(?!\d|{_SEPARATOR.pattern}\d)")
            german, translation = (whole.sub(" ", text, count) for text in (german, translation))
    return german, translation


_ONE = Decimal(1)  # a value key read as its number (``_amount``)


def _match_fahrenheit(amounts: list[tuple[str, str]], added: list[str], unit_added: list[str]) -> None:
    """A Fahrenheit temperature the translation adds beside the same temperature in Celsius (``amounts``: its
    ``unit_amounts``; "38 °C (100 °F)", as a translation for US readers gives both) is no added number: taken out
    of ``added`` and its °F out of ``unit_added`` where it is the Celsius value converted (F = C × 9/5 + 32,
    NIST SP 811 B.8), rounded to a whole degree at most."""
    celsius = [number for value, unit in amounts if unit == "°C" and (number := _amount(value, _ONE)) is not None]
    for value, unit in amounts:
        fahrenheit = _amount(value, _ONE) if unit == "°F" and value in added and "°F" in unit_added else None
        if fahrenheit is not None and any(abs(c * 9 / 5 + 32 - fahrenheit) <= 1 for c in celsius):
            added.remove(value)
            unit_added.remove("°F")


def _match_degrees(generic: list[str], specific: list[str]) -> None:
    """A "°" (40 Grad, 40°) on one side matches a °C or °F on the other: the word does not say which scale."""
    for _ in range(generic.count("°")):
        scale = next((u for u in specific if u in DEGREES), None)
        if scale is None:
            return
        generic.remove("°")
        specific.remove(scale)


def _slashed_days(spellings: list[str], values: list[str]) -> list[str]:
    """Each date written with slashes or hyphens among ``spellings`` with its day in ISO form
    (``5/2/2024 (= 2024-02-05)``, as en-GB reads it); ``values`` are their ``numbers`` keys."""
    out = []
    for spelling, value in zip(spellings, values):
        if value.startswith("date ") and _SLASHED.fullmatch(spelling):
            year, month, day = value.split()[1].split("#")[0].split("-")
            spelling = f"{spelling} (= {year}-{int(month):02d}-{int(day):02d})"
        out.append(spelling)
    return out


def _match_times(times: list[str], others: list[str], spellings: Mapping[str, str]) -> None:
    """A clock time on one side (``9.30 Uhr``, ``9:30 a.m.``: value 9:30) matches the other side's number written
    as that time without a clock word (``9.30``, ``09.30``, which ``numbers`` reads as 9.3); ``spellings`` is that
    side's ``numbers``."""
    for time in [t for t in times if ":" in t and "date" not in t]:
        hour, minute = time.split("#")[0].split(":")
        match = next((o for o in others if (written := _WRITTEN_TIME.fullmatch(spellings[o]))
                      and written.group(1, 2) == (hour, minute)), None)
        if match is not None:
            times.remove(time)
            others.remove(match)


def _match_words(added: list[str], words: Iterable[frozenset[str]]) -> None:
    """A number one text writes in digits matches a number word of that value in the other (German ``drei`` is
    3, ``halb acht`` 7:30; Polish ``dwie`` is 2), each word once; a word of another value matches nothing
    (``drei`` -> ``4``)."""
    for values in words:
        match = next((v for v in added if v.split("#")[0] in values), None)
        if match is not None:
            added.remove(match)


def _match_dates(dates: list[str], others: list[str]) -> None:
    """A full date on one side matches its year and day on the other (a month name the reader did not know)."""
    for date in [d for d in dates if d.startswith("date ")]:
        year, _, day_number = date.split()[1].split("#")[0].split("-")
        plain = {o.split("#")[0]: o for o in reversed(others)}
        day = plain.get(day_number)
        if year in plain and day is not None:
            dates.remove(date)
            others.remove(plain[year])
            others.remove(day)


def _match_slashed_either_way(missing: list[str], added: list[str], found: dict[str, str]) -> None:
    """A date of slashes or hyphens whose two first numbers could each be the month (``02/05/2024``, ``02-05-2024``)
    matches the German day read either way, for a language tag without a region: CLDR's order for ``en`` is the
    American one, yet the reader of a site in "en" may as well be British (``en-GB`` and ``en-US`` read only their
    own order)."""
    for date in [d for d in added if d.startswith("date ") and _SLASHED.fullmatch(found.get(d, ""))]:
        year, month, day = date.split()[1].split("#")[0].split("-")
        swapped = f"date {year}-{int(day)}-{int(month)}"
        if int(day) <= 12 and swapped in missing:
            added.remove(date)
            missing.remove(swapped)


# Counted things a health text binds a number to beside the units of ``unit_amounts``: time spans and drops by
# CLDR's names in each language (Babel's unit patterns: "Tage", "days", "日", "gün", "سنوات", "Tropfen", "damla",
# "滴"), and dose forms CLDR has no unit for, by the words the translation's language writes after a number.
# Ages as Japanese and Turkish count them ("6歳", "6 yaş") are years.
_BOUND_UNITS = ("duration-second", "duration-minute", "duration-hour", "duration-day", "duration-week",
                "duration-month", "duration-year", "volume-drop")
DOSE_NOUNS = {
    "de": {"tablette": "tablet", "tabletten": "tablet", "tbl.": "tablet", "kapsel": "capsule", "kapseln": "capsule",
           "hub": "puff", "hübe": "puff", "sprühstoß": "puff", "sprühstöße": "puff", "sprühstößen": "puff"},
    "en": {"tablet": "tablet", "tablets": "tablet", "capsule": "capsule", "capsules": "capsule", "puff": "puff",
           "puffs": "puff", "spray": "puff", "sprays": "puff"},
    "fr": {"comprimé": "tablet", "comprimés": "tablet", "gélule": "capsule", "gélules": "capsule",
           "capsule": "capsule", "capsules": "capsule", "pulvérisation": "puff", "pulvérisations": "puff"},
    "es": {"comprimido": "tablet", "comprimidos": "tablet", "pastilla": "tablet", "pastillas": "tablet",
           "cápsula": "capsule", "cápsulas": "capsule"},
    "it": {"compressa": "tablet", "compresse": "tablet", "capsula": "capsule", "capsule": "capsule"},
    "pt": {"comprimido": "tablet", "comprimidos": "tablet", "cápsula": "capsule", "cápsulas": "capsule"},
    "nl": {"tablet": "tablet", "tabletten": "tablet", "capsule": "capsule", "capsules": "capsule"},
    "pl": {"tabletka": "tablet", "tabletki": "tablet", "tabletek": "tablet", "tabletkę": "tablet",
           "kapsułka": "capsule", "kapsułki": "capsule", "kapsułek": "capsule", "kapsułkę": "capsule"},
    "ru": {"таблетка": "tablet", "таблетки": "tablet", "таблеток": "tablet", "таблетку": "tablet",
           "капсула": "capsule", "капсулы": "capsule", "капсул": "capsule", "капсулу": "capsule"},
    "uk": {"таблетка": "tablet", "таблетки": "tablet", "таблеток": "tablet", "таблетку": "tablet",
           "капсула": "capsule", "капсули": "capsule", "капсул": "capsule", "капсулу": "capsule"},
    "tr": {"tablet": "tablet", "kapsül": "capsule", "yaş": "duration-year"},
    "ja": {"錠": "tablet", "カプセル": "capsule", "歳": "duration-year"},
    "ar": {"قرص": "tablet", "أقراص": "tablet", "كبسولة": "capsule", "كبسولات": "capsule"},
}
# What a bound number's unit is called in a finding: a symbol as written, a counted thing by its English name
_BOUND_NAMES = {"duration-second": "s", "duration-minute": "min", "duration-hour": "h", "duration-day": "days",
                "duration-week": "weeks", "duration-month": "months", "duration-year": "years",
                "volume-drop": "drops", "tablet": "tablets", "capsule": "capsules", "puff": "puffs"}
# Languages whose words take their case endings on the noun ("3. günden", from day 3)
_AGGLUTINATIVE = frozenset({"tr", "fi", "hu", "et"})
# between a number and the noun it counts: an ordinal's full stop or ending ("3. Tag", "3rd day", "3e jour")
_ORDINAL_END = r"(?:\.|st|nd|rd|th|ème|eme|er|re|e|º|ª|\.º|\.ª)?"
# A day before a number counts it ("Tag 3", "day 3"), but not as a rate ("pro Tag 3-mal", "a day 3 times") nor
# where the number goes on into a word ("3x", "3-mal")
_RATE_BEFORE = re.compile(r"(?<![^\W\d_])(?:pro|je|jeden|jede|jedes|per|a|an|every|each|par|por|al|ao)[\s\u00a0]+$",
                          re.I)
_GOES_ON_AS_WORD = re.compile(r"[-\u2010\u2011]?[^\W\d_]|[\s\u00a0]*[x×]")


@lru_cache(maxsize=32)
def _counted_nouns(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, dict[str, str]]:
    """Patterns for the ``_BOUND_UNITS`` and ``DOSE_NOUNS`` of ``lang`` after a number (matched where the number
    ends, an ordinal's ending allowed) and, for a day, week, month or year, before it ("Tag 3", "day 3"), and
    name -> unit. Names of one Latin, Greek or Cyrillic letter are left out ("d", "h": a letter, a house
    number), as a name two units share."""
    try:
        patterns = Locale.parse(lang)._data["unit_patterns"]
    except (UnknownLocaleError, ValueError):  # a language Babel cannot read: only its dose nouns
        patterns = {}
    names: dict[str, str] = {}
    shared: set[str] = set()
    for unit in _BOUND_UNITS:
        for forms in patterns.get(unit, {}).values():
            for form, pattern in (forms.items() if isinstance(forms, Mapping) else ()):
                if form == "per" or "{0}" not in pattern:
                    continue
                name = pattern.replace("{0}", "").strip().lower()
                if (not name or len(name) == 1 and not unspaced(name) or _DIGIT.search(name) or name in UNIT_SYMBOLS
                        or name == "dr"):  # English's short drop, the Dr. of "Zimmer 5 Dr. Weber"
                    continue
                if names.setdefault(name, unit) != unit:
                    shared.add(name)
    for name, unit in DOSE_NOUNS.get(lang, {}).items():
        if names.setdefault(name, unit) != unit:
            shared.add(name)
    names = {name: unit for name, unit in names.items() if name not in shared}
    if not names:
        return None, None, {}

    def alternatives(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    # a case ending on a word of three letters or more ("günden"), not on "ay" (month) of "ayrıca", "sa" of "sağlıklı"
    ending = r"[^\W\d_]*" if lang in _AGGLUTINATIVE else r"(?:s|n|en|e)?"
    tight = alternatives(n for n in names if unspaced(n[-1]))
    inflected = alternatives(n for n in names if not unspaced(n[-1]) and len(n) > 2 and n[-1] != ".")
    bare = alternatives(n for n in names if not unspaced(n[-1]) and (len(n) <= 2 or n[-1] == "."))
    after = "|".join(filter(None, [rf"(?P<word>{inflected}){ending}(?![^\W\d_])" if inflected else "",
                                   rf"(?P<bare>{bare})(?![^\W\d_])" if bare else "",
                                   rf"(?P<tight>{tight})" if tight else ""]))
    spans = alternatives(n for n, unit in names.items() if unit in ("duration-day", "duration-week",
                                                                     "duration-month", "duration-year")
                         and not unspaced(n[0]) and not n.endswith("."))
    before = re.compile(rf"(?<![^\W\d_])(?P<word>{spans})[{_SPACES}]?$", re.I) if spans else None
    return re.compile(rf"{_ORDINAL_END}[{_SPACES}]?(?:{after})", re.I), before, names


def bound_numbers(prose: str, lang: str, *langs: str) -> list[tuple[str, str]]:
    """(value, unit) of every number in ``prose`` (written in ``lang``) that a unit binds, in order: a unit symbol
    or CLDR name after it (``unit_amounts``, read with the names of ``lang`` and ``langs``), a time span, drop or
    dose form after it (``_counted_nouns``: "2 Tropfen", "3. Tag", "5日目", "6 Jahren") or a day, week, month or
    year right before a number of up to three digits that has no unit of its own, where no number counts that noun
    ("day 3", "Tag 3"; not the "Tagen" of "nach 2 Tagen 3", nor the calendar's "im Jahr 2020"). A value without
    its ``#2`` (``numbers``); a degree of any scale is "°"."""
    if not _DIGIT.search(prose):
        return []
    keys: dict[str, list[str]] = {}
    for value, spelling in numbers(prose, lang).items():
        keys.setdefault(spelling, []).append(value.split("#")[0])
    after = {start: unit for start, unit, follows in _unit_matches(prose, _primary((lang, *langs))) if follows}
    counted, before, names = _counted_nouns(lang.split("-")[0].lower())
    seen: Counter = Counter()
    found: list[tuple[str, str]] = []
    counted_end = -1  # where the last noun a number counts ends: no "before" noun for a number after it
    for m in _NUMBER.finditer(prose):
        spelling = m.group()
        seen[spelling] += 1
        values = keys.get(spelling)
        if not values:
            continue
        value = values[min(seen[spelling] - 1, len(values) - 1)]
        if value.startswith("date "):  # "Tag 3.5.2024" is a day of the calendar, no count
            continue
        unit = after.get(m.end())
        if unit is None and counted is not None and (noun := counted.match(prose, m.end())):
            unit = names[next(name for name in noun.groupdict().values() if name).lower()]
            counted_end = noun.end()
        if (unit is None and before is not None and len(spelling) < 4
                and (noun := before.search(prose, max(0, m.start() - 30), m.start()))):  # "im Jahr 2020": a date
            preceded = _NUMBER_BEFORE.search(prose, max(0, noun.start() - 40), noun.start())
            rate = _RATE_BEFORE.search(prose, max(0, noun.start() - 12), noun.start())
            if (preceded is None and rate is None and not _GOES_ON_AS_WORD.match(prose, m.end())
                    and counted_end < noun.start()):
                unit = names[noun.group("word").lower()]
        if unit is not None:
            found.append((value, "°" if unit in DEGREES else _BOUND_NAMES.get(unit, unit)))
    return found


class _Bound(NamedTuple):
    """A number a unit binds, as ``_bound_pairs`` compares it: its amount and what the amount measures (a size of
    ``_SCALES`` by its kind, "0.5" "volume" for "500 ml" and "0,5 l"; else the value and its unit), as written."""

    amount: str
    kind: str
    shown: str


def _bound_pairs(entry, ctx) -> tuple[list[_Bound], list[_Bound]]:
    """``bound_numbers`` of the German and the translation, each but of the kinds the other text binds no number
    to (a unit one language names and the other leaves unsaid, "ab 6 Jahren": "aged 6", says nothing). An
    amount a translation converts is the German's ("1 EL": "15 ml" or "3 tsp"; "500 ml": "0.5 l"), a regional
    unit its readers' own (``_READERS_UNITS``)."""
    return _bound_texts(text_parts(entry.msgid, ctx).prose, text_parts(entry.msgstr, ctx).prose, ctx.source_lang,
                        ctx.lang)


@lru_cache(maxsize=256)
def _bound_texts(german: str, said: str, source_lang: str, lang: str) -> tuple[list[_Bound], list[_Bound]]:
    """``_bound_pairs`` of two texts' prose, read once for ``numbers`` and ``number-order`` (callers only read
    the lists)."""
    source = _as_bound(bound_numbers(_as_said(german, source_lang)[0], source_lang, lang), {})
    if not source:
        return [], []
    target = _as_bound(bound_numbers(_as_said(said, lang)[0], lang, source_lang), _READERS_UNITS.get(_region(lang), {}))
    both = {p.kind for p in source} & {p.kind for p in target}
    return [p for p in source if p.kind in both], [p for p in target if p.kind in both]


def _as_bound(pairs: list[tuple[str, str]], regional: Mapping[str, str]) -> list[_Bound]:
    found = []
    for value, unit in pairs:
        measured = regional.get(unit, unit)
        amount = _amount(value, _SCALES[measured][1]) if measured in _SCALES else None
        found.append(_Bound(format(amount.normalize(), "f"), _SCALES[measured][0], f"{value} {unit}")
                     if amount is not None else _Bound(value, unit, f"{value} {unit}"))
    return found


def _units_moved(entry, ctx) -> Iterator[str]:
    """A number the translation binds to another unit than the German does ("2 g Ingwer mit 10 ml Wasser": "10 g
    of ginger with 2 ml of water"), which the numbers and units compared each as a set never see: the German's
    (amount, unit) pairs against the translation's, as multisets, of the kinds both texts bind a number to. Each
    German pair the translation lacks is named with what took its place: the same unit's other value, else the
    same value's other unit; only where a value the German binds is bound to another quantity, not where one text
    leaves a value unbound that the other binds. Called where numbers and units matched, so a changed number is said once."""
    source, target = _bound_pairs(entry, ctx)
    lost, got = _beyond(source, target), _beyond(target, source)
    # a value the translation binds to another quantity; not a value one text leaves unbound that the other binds:
    # "am 1. oder 2. Tag" binds only the 2, "on day 1 or 2" only the 1, and neither moved
    written = {_written_value(p.shown) for p in got}
    if not any(_written_value(p.shown) in written for p in lost):
        return
    # the translation's pairs left, by kind and by amount, first first: linear in the pairs of a long paragraph
    by_kind: dict[str, deque[int]] = {}
    by_amount: dict[str, deque[int]] = {}
    for place, p in enumerate(got):
        by_kind.setdefault(p.kind, deque()).append(place)
        by_amount.setdefault(p.amount, deque()).append(place)
    taken = [False] * len(got)
    moves = []
    for german in lost:
        other = None
        for queue in (by_kind.get(german.kind), by_amount.get(german.amount)):
            while queue and taken[queue[0]]:
                queue.popleft()
            if queue:
                other = queue.popleft()
                taken[other] = True
                break
        moves.append(f"{german.shown} -> {got[other].shown if other is not None else 'none'}")
    moves += [f"none -> {p.shown}" for p, gone in zip(got, taken) if not gone]
    yield "numbers moved to another unit: " + ", ".join(moves)


def _written_value(shown: str) -> str:
    """The number a pair is written with (``_Bound.shown``: "2 g", "10 ml", "٢ مل"), in ASCII digits with a point:
    amounts are in their kind's base unit, so the same written "2" of "2 g" and "2 ml" is compared by this."""
    digits = []
    for ch in shown:
        if ch.isdigit():
            digits.append(str(unicodedata.digit(ch, 0)))
        elif ch in ".,٫" and digits:
            digits.append(".")
        elif digits:
            break
    return "".join(digits).rstrip(".")


def _beyond(pairs: list[_Bound], others: list[_Bound]) -> list[_Bound]:
    """The pairs of ``pairs`` that ``others`` has fewer of (by amount and kind), in their order."""
    left = Counter((p.amount, p.kind) for p in others)
    found = []
    for p in pairs:
        if left[(p.amount, p.kind)] > 0:
            left[(p.amount, p.kind)] -= 1
        else:
            found.append(p)
    return found


def check_number_order(entry, ctx):
    """Numbers of one unit in another order than the German's ("Kinder 2 Tropfen, Erwachsene 10 Tropfen":
    "children 10 drops, adults 2 drops"): the same values and units, so ``check_numbers`` finds nothing, yet each
    dose went to the other person. A warning, not an error: a translation may put clauses in another order
    (Japanese and Turkish put a subordinate clause first; README has the false alarms measured). Kinds whose
    amounts differ are ``numbers``' to name.

    The order is compared among the numbers of one unit ("2, 10 drops"), and among the units of one written
    number ("1 TL Salz und 1 EL Öl": "1 tbsp salt and 1 tsp oil", which may be the spoons swapped or the clauses,
    so a warning too); not across units of one kind, which a clause put first moves together with their numbers
    ("2 TL Sirup in 100 ml Wasser": "100 ml suya 2 çay kaşığı şurup", trial 42). An amount the translation
    converts ("1 EL": "15 ml" or "3 tsp") counts as the German's unit and number."""
    if not _DIGIT.search(entry.msgid) or entry.msgstr == entry.msgid:
        return
    source, target = _bound_pairs(entry, ctx)
    for kind in dict.fromkeys(p.kind for p in source):
        german = [p for p in source if p.kind == kind]
        translated = [p for p in target if p.kind == kind]
        if len(german) < 2 or Counter(p.amount for p in german) != Counter(p.amount for p in translated):
            continue
        labels = {p.amount: _unit_and_number(p) for p in german}
        german_labels = [_unit_and_number(p) for p in german]
        translated_labels = [label if (label := _unit_and_number(p)) in german_labels else labels[p.amount]
                             for p in translated]
        if reordered := _reordered(list(zip(german, german_labels)), list(zip(translated, translated_labels))):
            yield (f"numbers of one unit in another order: German {_listed(reordered[0])}; translation "
                   f"{_listed(reordered[1])}")


def _reordered(german: list[tuple[_Bound, tuple[str, str]]], translated: list[tuple[_Bound, tuple[str, str]]]
               ) -> tuple[list[_Bound], list[_Bound]] | None:
    """The first numbers of one unit, else units of one written number, that the translation has in another order
    than the German (pairs labelled with their unit and number, ``_unit_and_number``); None where there are none."""
    for side in (0, 1):
        for shared in dict.fromkeys(label[side] for _, label in german):
            ours = [p for p, label in german if label[side] == shared]
            theirs = [p for p, label in translated if label[side] == shared]
            if len(ours) > 1 and [p.amount for p in ours] != [p.amount for p in theirs]:
                return ours, theirs
    return None


def _unit_and_number(pair: _Bound) -> tuple[str, str]:
    """The unit a pair is written with and its number (``_written_value``): "2 tsp" -> ("tsp", "2")."""
    return pair.shown.partition(" ")[2], _written_value(pair.shown)


def _listed(pairs: list[_Bound]) -> str:
    """"2, 10 drops" where every amount has the same unit, else "500 ml, 1 l"."""
    units = {p.shown.partition(" ")[2] for p in pairs}
    if len(units) == 1:
        return ", ".join(p.shown.partition(" ")[0] for p in pairs) + " " + units.pop()
    return ", ".join(p.shown for p in pairs)

_ENDS_IN_VALUE = re.compile(r"%\(\w+\)s\s*$")  # a python-format message (site.po) whose value ends it


def check_punctuation(entry, ctx):
    src, tgt = text_parts(entry.msgid, ctx).prose, text_parts(entry.msgstr, ctx).prose
    a, b = _final(src, german=ctx.source_lang == "de"), _final(tgt)
    # "last reviewed on %(date)s" as "última revisión: %(date)s": the date ends both, not the colon before it
    valued = "python-format" in entry.flags and all(_ENDS_IN_VALUE.search(t) for t in (entry.msgid, entry.msgstr))
    if a != b and not valued and not ({a, b} <= {"", ".", _ABBREVIATION} and _ABBREVIATION in (a, b)):
        a, b = (x.replace(_ABBREVIATION, ".") for x in (a, b))
        yield (f"sentence ends with {a!r} in German but {b!r} in the translation" if a and b else
               f"final {a!r} missing" if a else f"final {b!r} added")
        return
    for mark, a, b in zip("?!", _marks(src), _marks(tgt)):
        if a != b:
            yield f"{a} {mark!r} in German, {b} in the translation"


_CLOSERS = " \t\n\u00a0\u202f\"'”“»«’‘)]*_~"
_CLOSING = frozenset({"Pe", "Pf", "Pi", "Cf", "Zs"})  # brackets, quotation marks, bidi marks, spaces of any script
# a.m., e.g., z.B.: ends with two letter-and-full-stop pairs after no letter. Searched in the last five
# characters alone, which decide it (a third pair before the two ends in "."): searched in the whole text, the
# pattern tried every start, quadratic in a run of "a.a.a." that does not end the text.
_ABBREVIATION_END = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}$")
_ABBREVIATION = "a.m."  # stands for: ends with an abbreviation, whose full stop may end the sentence too
_PUNCTUATION = re.compile(r"[^\w\s]")
# what may be a sentence mark besides ".?!:;": not the quotation marks, dashes and ellipsis of Latin-script text, which
# are never one and would be looked up in nearly every sentence
_MAYBE_MARK = r"[^\w\s\x00-\x7f„“”‚‘’–—…«»]"
_OTHER_MARK = re.compile(_MAYBE_MARK + "|;")
_INNER_MARK = re.compile(rf"{_MAYBE_MARK}(?<=[^\W\d_].)(?=[^\W\d_])")  # a mark inside a word (Armenian ՞)
_MARK_NAMES = (("QUESTION MARK", "?"), ("EXCLAMATION MARK", "!"), ("FULL STOP", "."), ("DANDA", "."),
               ("SEMICOLON", ";"), ("COLON", ":"))


@lru_cache(maxsize=1024)
def _mark(ch: str) -> str:
    """The sentence mark ``ch`` is in its script, by its Unicode name: ``?`` for Arabic ؟, Ethiopic ፧, full-width
    ？ and Armenian ՞; ``.`` for ideographic 。, Devanagari । or Armenian ։; ``!``, ``:``, ``;`` alike; "" for
    anything else, and for Spanish ¿ ¡, which open a sentence."""
    if ch in ".?!:;":
        return ch
    if ch.isascii() or unicodedata.category(ch) != "Po":
        return ""
    name = unicodedata.name(ch, "")
    if "INVERTED" in name:
        return ""
    return next((mark for words, mark in _MARK_NAMES if words in name), "")


def _greek_question(text: str, at: int) -> bool:
    """Whether the ";" at ``at`` is Greek's question mark: U+037E, which is canonically ";" (NFC makes it one),
    right after a Greek letter."""
    return at > 0 and text[at - 1].isalpha() and unicodedata.name(text[at - 1], "").startswith("GREEK")


_MARKUP_DECLARATION = "<!"  # HTML's comment, doctype and CDATA openers (<!--, <!DOCTYPE, <![CDATA[): no exclamation


def _marks(prose: str) -> tuple[int, int]:
    """How many question and exclamation marks ``prose`` has, in any script; the ``!`` of ``<!--`` (text that
    names HTML's syntax, a plain title or summary) is none."""
    questions, exclamations = prose.count("?"), prose.count("!") - prose.count(_MARKUP_DECLARATION)
    if not prose.isascii():
        for m in _OTHER_MARK.finditer(prose):
            mark = _mark(m.group())
            questions += mark == "?" or (mark == ";" and _greek_question(prose, m.start()))
            exclamations += mark == "!"
    return questions, exclamations


def _final(prose: str, german: bool = False) -> str:
    """How ``prose`` ends: "…", ``_ABBREVIATION`` (its full stop is an abbreviation's: "z.B.", and in
    ``german`` text one of the segmenter's abbreviations, "3 x tägl." -> "3 times daily"), a final
    ``.?!:;`` in any script (``_mark``: ``؟`` is ``?``; a Greek ``;`` is ``?``; an Armenian sentence whose word
    carries ``՞`` is a question, whatever its full stop), or ""."""
    text = prose
    while text and (text[-1] in _CLOSERS or unicodedata.category(text[-1]) in _CLOSING):
        text = text[:-1]
    if text.endswith(("...", "…")):
        return "…"
    if _ABBREVIATION_END.search(text[-5:]) or (german and text.endswith(".")
                                          and german_abbreviation(text.rsplit(None, 1)[-1])):
        return _ABBREVIATION
    mark = _mark(text[-1]) if text else ""
    if mark == ";" and _greek_question(text, len(text) - 1):
        return "?"
    if mark == "." and _INNER_MARK.search(text):
        for m in reversed(list(_PUNCTUATION.finditer(text, 0, len(text) - 1))):  # the last sentence's marks
            inner = _mark(m.group())
            if inner in ("?", "!") and not m.group().isascii() and text[m.end()].isalpha():
                return inner  # inside a word: Armenian ՞ on the word asked about
            if inner in (".", "?", "!"):
                break
    return mark


_MSGCAT_MARKER = re.compile(r"^#-#-#-#-#  (.*)  #-#-#-#-#$", re.M)


def check_merge_conflict(entry, ctx):
    """``msgcat`` writes both translations where two catalogs disagree, each under a ``#-#-#-#-#  file
    #-#-#-#-#`` line, and marks the entry fuzzy; ``msgattrib --clear-fuzzy`` signs that off as it is."""
    sources = _MSGCAT_MARKER.findall(entry.msgstr)
    if sources:
        yield (f"msgcat's conflict markers: {len(sources)} versions of this translation merged into one "
               f"({', '.join(sources)}); keep one and delete the '#-#-#-#-#' lines")


def check_plural(entry, ctx):
    """A tool or reviewer gave a sentence plural forms (``msgid_plural``, ``msgstr[n]``): no article sentence has
    them, so its msgstr is empty and the page shows the German until ``extract`` reads the first form as it."""
    if entry.msgid_plural:
        forms = [text for _, text in sorted(entry.msgstr_plural.items()) if text]
        yield (f"plural forms (msgid_plural {textwrap.shorten(entry.msgid_plural, 40, placeholder='…')!r}), which "
               "no sentence of an article has: the page shows the German; "
               + ("verlag extract keeps the first form as the msgstr, fuzzy, for you to check" if forms
                  else "no form is translated: verlag extract makes it an entry of one form"))


def check_format_flag(entry, ctx):
    """A tool gave an article's sentence a format flag (``catalog.format_flags``): GNU msgfmt --check (Weblate,
    CI) then reads its ``%`` signs as directives and refuses the whole catalog where the translation's differ;
    ``extract`` drops the flag."""
    if found := format_flags(entry):
        yield (f"flag {' and '.join(found)} on an article's sentence, which is Markdown, no format string (Poedit, "
               "Weblate or msgmerge add one where they see a %): GNU msgfmt --check compares its % signs with the "
               "translation's and refuses the catalog where they differ; verlag extract drops the flag")


def check_whitespace(entry, ctx):
    """Leading or trailing whitespace that differs from the German's. A side where only one of them has a line
    feed at its edge is ``check_line_feed``'s error alone: one finding per cause."""
    src, tgt = entry.msgid, entry.msgstr
    for side, a, b, test in (
            ("leading", src[:len(src) - len(src.lstrip())], tgt[:len(tgt) - len(tgt.lstrip())], str.startswith),
            ("trailing", src[len(src.rstrip()):], tgt[len(tgt.rstrip()):], str.endswith)):
        if a != b and not (src and tgt and test(src, "\n") != test(tgt, "\n")):
            yield f"{side} whitespace differs: {a!r} in German, {b!r} in the translation"


def check_line_feed(entry, ctx):
    """GNU msgfmt --check's fatal rule for every translated entry: the msgid and its msgstr (the msgid_plural and
    each ``msgstr[n]`` past the first) both begin with a line feed or neither does, and the same at their end. A
    catalog with such an entry signed off is one msgfmt refuses as a whole, whatever the other entries hold."""
    pairs = ([("msgid", "msgstr", entry.msgid, entry.msgstr)] if not entry.msgid_plural else
             [("msgid" if n == 0 else "msgid_plural", f"msgstr[{n}]", entry.msgid if n == 0 else entry.msgid_plural,
               text) for n, text in sorted(entry.msgstr_plural.items())])
    for source, target, german, text in pairs:
        if not german or not text:
            continue
        for side, test in (("begin", str.startswith), ("end", str.endswith)):
            if (has := test(german, "\n")) != test(text, "\n"):
                which, fix = ("the German", "add it to") if has else (f"the translation ({target})", "remove it from")
                yield (f"only {which} {side}s with a line feed (\\n): GNU msgfmt --check refuses the catalog over "
                       f"it ('{source}' and '{target}' entries do not both {side} with '\\n'); {fix} the translation")


def check_double_space(entry, ctx):
    if "  " not in entry.msgstr:  # a code span left out (as "`") joins no spaces
        return
    # two spaces before a line end are a hard break (CommonMark 6.7), as a backslash there is: no doubled space
    src, tgt = (replace_hard_breaks(without_code_spans(t, "`").strip(), lambda marker: "\n")
                for t in (entry.msgid, entry.msgstr))
    if "  " in tgt and "  " not in src:
        at = tgt.index("  ")
        yield f"doubled space: “{tgt[max(0, at - 20):at + 20]}”"


_DOUBLE_WORD = re.compile(r"(?<![\w-])(\w+)\s+\1(?![\w-])", re.IGNORECASE)
_DOUBLE_OK = {"en": {"that", "had"}, "fr": {"vous", "nous"}, "de": {"die", "der", "das"}}


def check_double_word(entry, ctx):
    """Read in the text without its markup (``Parts.bare``): a link whose title repeats its text
    (``[liver](url "liver")``) shows the word once, while "the **the**" still reads twice. A pseudo draft keeps
    the German's doubled words ("Sie sie"), accented: no finding about the translation."""
    src = {m.group(1).lower() for m in _DOUBLE_WORD.finditer(text_parts(entry.msgid, ctx).bare)}
    found = [m.group() for m in _DOUBLE_WORD.finditer(text_parts(entry.msgstr, ctx).bare)
             if (word := m.group(1).lower()) not in src and word not in _DOUBLE_OK.get(ctx.lang.split("-")[0], ())
             and not word.isdigit()]
    if found and not is_pseudo(entry.msgstr, entry.msgid):
        # each pair once: a word repeated thousands of times (a service in a loop) is one finding, not a line each
        yield from (f"doubled word: {pair!r}" for pair in dict.fromkeys(found))


_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))


_PAIRED = frozenset("()[]{}\"„“”«»‹›「」『』")
_CDATA_MARKERS = re.compile(r"<!\[CDATA\[|\]\]>")  # XML's, which a text about it names: no brackets of its words


def _bracketed_text(text: str, ctx) -> str:
    """``text`` as the brackets check counts its brackets and quotation marks: the words a reader reads, without
    markup syntax. That is its prose by the one CommonMark reading (``parts``) in every field: in the body, its
    links' ``[…](…)`` are markup the ``markup`` check compares; in a plain field (a title, summary or tag,
    ``PLAIN_CONTEXTS``) they are shown as typed, and ``plain-markup`` names the ones a translation adds, so they are
    no brackets of the sentence either. XML's CDATA markers (``<![CDATA[``, ``]]>``) a text names are left out too."""
    return _CDATA_MARKERS.sub(" ", parts(text, ctx.labels).prose)


def check_brackets(entry, ctx):
    src, tgt = _bracketed_text(entry.msgid, ctx), _bracketed_text(entry.msgstr, ctx)
    if _PAIRED.isdisjoint(src) and _PAIRED.isdisjoint(tgt):
        return
    for open_, close in _BRACKETS:
        if src.count(open_) - src.count(close) != tgt.count(open_) - tgt.count(close):
            found = f"{tgt.count(open_)} {open_!r} but {tgt.count(close)} {close!r}"
            yield (f"unbalanced brackets: {found}" if src.count(open_) == src.count(close) else
                   f"brackets differ: {src.count(open_)} {open_!r} and {src.count(close)} {close!r} in German, "
                   f"{found.replace(' but ', ' and ')} in the translation")
    if foreign_quotes(tgt, ctx.lang):
        return  # the typography check names the wrong quotation marks
    # the German's own way: „…“, »…«, or the “…” many German texts use (0: a mix, taken as balanced)
    balance = next((b for way in quote_conventions(ctx.source_lang) if (b := quote_balance(src, way)) is not None), 0)
    ways = quote_conventions(ctx.lang)  # Polish „…”, Japanese 「…」: CLDR's; or “…”, « … », the German's kept
    if all(quote_balance(tgt, way) != balance for way in ways) and quote_marks(tgt) != quote_marks(src):
        shown = ", ".join(f"{tgt.count(o)} {o} / {tgt.count(c)} {c}" for o, c in zip(ways[0][::2], ways[0][1::2]))
        yield f"unbalanced quotation marks: {shown}"
    if src.count('"') % 2 == 0 and tgt.count('"') % 2:
        yield 'unbalanced quotation marks: an odd number of "'


_DECIMAL_COMMA = re.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,])")


def check_typography(entry, ctx):
    """Not on a pseudo draft: it keeps the German's decimal commas and quotation marks on purpose."""
    found = list(_typography(entry, ctx))
    if found and not is_pseudo(entry.msgstr, entry.msgid):
        yield from found


def _typography(entry, ctx):
    tgt = text_parts(entry.msgstr, ctx).prose
    lang = ctx.lang.split("-")[0]
    foreign = foreign_quotes(tgt, lang)
    if foreign:
        yield foreign
    if lang == "en" and (m := _DECIMAL_COMMA.search(tgt)):
        yield f"decimal comma in English: {m.group()} (write {m.group().replace(',', '.')})"
    if lang == "es":
        yield from _spanish_openers(tgt)
    if lang == "fr":
        bare = text_parts(entry.msgstr, ctx).bare
        if re.search(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»", bare):
            yield "« … » need a no-break space inside (U+00A0 or U+202F)"
        german = text_parts(entry.msgid, ctx).bare  # a mark the German spaces too is a symbol ("+ ? *"), kept
        if m := next((m for m in re.finditer(r"\S( )[?!:;]", bare) if m.group() not in german), None):
            yield f"a no-break space, not a space, goes before {m.group()[-1]!r} in French"


# a question or exclamation mark that closes a word, a number or a quotation: not the "?" named as a symbol
# ("das Zeichen ? steht für …"), which a space precedes
_SPANISH_CLOSERS = {"?": re.compile(r"(?<=\S)\?"), "!": re.compile(r"(?<=\S)!")}


def _spanish_openers(prose: str):
    """Spanish opens a question with ¿ and an exclamation with ¡, wherever in the sentence it starts (RAE,
    *Ortografía de la lengua española* 2010, 3.4.3; *Diccionario panhispánico de dudas*, "interrogación y
    exclamación"): a translation closing more than it opens has lost an opening mark, a common machine and
    keyboard slip."""
    for closing, opening, what in (("?", "¿", "question"), ("!", "¡", "exclamation")):
        closes = len(_SPANISH_CLOSERS[closing].findall(prose))
        if closes > prose.count(opening):
            yield (f"a Spanish {what} opens with {opening!r}: {closes} {closing!r} but "
                   f"{prose.count(opening)} {opening!r}")


_WORD = re.compile(r"[^\W\d_]{2,}")


def german_copy(entry: polib.POEntry, ctx: Context) -> bool:
    """Whether ``entry``'s msgstr is its German msgid as it is and holds prose: three words of two letters or
    more, markup, numbers and do-not-translate glossary terms (target = source) aside, one of them a word that marks
    German prose (``german_prose``) or, with none, no number, address or title (``_LABELLED``: a list of nouns).
    Names, codes and short terms ("Omega-3-Fettsäuren") stay as they are, and so does a line of names, numbers and
    labels (a name with its title, a postal address, a phone number, an e-mail address, a register number, an
    IBAN): signed off unchanged it is right in every language, and an Impressum's
    readers must not be told it is untranslated (trial 33); prose copied into a translation is German text,
    whoever signed it off (trial finding F2: a bulk sign-off of ``copy`` drafts)."""
    prose = _copied_prose(entry.msgid, entry.msgstr, ctx)
    return len(_WORD.findall(prose)) >= 3 and (german_prose(prose) or not _LABELLED.search(prose))


# Function words that open a German sentence (capitalised there, as nouns and names are everywhere): articles,
# pronouns, prepositions, conjunctions and adverbs ("Die Katzenbuckel-Übung", "Als Kapsel (Apotheke)", "Danach 1 Min.
# Pause."). Not nouns or names, which jusText's German stop word list holds as well ("sommer", "berlin", "maria").
# Apart from ``sentences._DE_SENTENCE_STARTERS`` on purpose: it tells prose from a line of names and labels, so it
# holds "sie" and "ihr" (the splitter's list cannot: polite "Sie" stands capitalised inside a sentence), measured here.
_OPENERS = frozenset("""
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    ich du er sie es wir ihr man wer was wie wo wann warum wieso welche welcher welches welchen welchem
    dies diese dieser dieses diesem diesen jede jeder jedes jeden jedem alle mein meine unser unsere unseren
    als an am auf aus bei beim bis durch für gegen in im mit nach ohne seit über um unter von vom vor zu zum zur
    und oder aber denn dass weil wenn ob doch auch nicht nur noch schon sehr so dann danach dabei dazu davor hier dort
    heute immer bitte jetzt nie oft ja nein""".split())
# The pronoun of formal address, capitalised anywhere in a sentence ("Haben Sie Fragen?", "Trinken Sie 2 Liter
# Wasser.", "Reduzieren Sie Ihren Alkoholgenuss!")
_FORMAL = frozenset("Sie Ihnen Ihr Ihre Ihren Ihrem Ihrer Ihres".split())
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?…]\s)[\W\d_]*([^\W\d_]+)")
# What a line of names and labels carries and a list of German nouns does not: a number (a house number, postcode,
# phone, register number, IBAN), an e-mail or web address, or a title ("Dr.", "Prof.", "Dr. med."). Without one, a
# copy with no mark of prose is still German ("Starke Kopfschmerzen, Nackensteife, Lähmungen": a health text's
# warning signs, which a reviewer's slip would otherwise publish as the translation)
_LABELLED = re.compile(rf"\d|@|https?://|www\.|\b(?:Dr|Prof|{ACADEMIC_DEGREES})\.")

def german_prose(prose: str) -> bool:
    """Whether German ``prose`` (``Parts.prose``) reads as prose rather than as names, numbers and labels. German
    capitalises nouns and names, so a word of two letters or more in lower case is a verb, an adjective or a function
    word, which a name, an address, a phone number or a register number has none of (e-mail addresses, URLs, domain
    names, degrees such as "Dr. med." and codes with a capital inside, "mbH", aside); so is the capitalised pronoun
    of formal address, and a function word that opens the text or a sentence (``_OPENERS``). Measured (commit
    accd6b21): all 77 German sentences of three words or more in ../shared/corpus's sentence gold read as prose, and
    1,086 of 1,121 shipped and trial msgids (the 35 others: names, addresses, contact and opening-hours lines, two
    test strings and two lines of nouns alone); jusText's German stop words (``stopwords.stoplist``) would not do: in
    lower case they miss prose ("Dafür brauchen wir 5,5 Stunden."), capitalised they hold names ("Sommer")."""
    words = _WORD.findall(NO_PROSE.sub(" ", prose))
    if any(w.islower() or w in _FORMAL for w in words):
        return True
    return any(m.group(1).lower() in _OPENERS for m in _SENTENCE_OPENER.finditer(prose))


def german_draft(entry: polib.POEntry, ctx: Context) -> bool:
    """Whether ``entry`` is a machine draft (fuzzy, ``entry_state`` MACHINE) that is its German as it is at any
    length (``german_unchanged``: "Gute Nacht!", "Tinnitus"; names, numbers and do-not-translate terms aside): an
    engine's answer of the German unchanged, which ``check_catalog`` reports once as such, without the target
    language's checks (typography, glossary) on German text, and which an edition shows as German
    (``german_copies``)."""
    return entry.fuzzy and entry_state(entry) == MACHINE and german_unchanged(entry.msgid, entry.msgstr, ctx)


def german_unchanged(msgid: str, text: str, ctx: Context) -> bool:
    """Whether ``text``, a draft nobody signed off, is the German ``msgid`` as it is (compared as ``german_copy``
    compares) with a word to translate: one of two letters or more, markup, numbers and do-not-translate glossary
    terms aside. Such a draft is no translation at any length (an engine answers the German back for a pair it
    lacks, on errors, for short text); text of names, numbers and codes only may be the same in every language."""
    return _german_words(msgid, text, ctx) >= 1


def _german_words(msgid: str, text: str, ctx: Context) -> int:
    """The words of two letters or more of ``_copied_prose``."""
    return len(_WORD.findall(_copied_prose(msgid, text, ctx)))


def _copied_prose(msgid: str, text: str, ctx: Context) -> str:
    """``msgid``'s prose (``text_parts``), do-not-translate glossary terms (target = source) and unit symbols after a
    number ("150 mg", "4000 IE", "5 %": ``UNIT_SYMBOLS``, the same in every language; not unit names such as
    "Tassen") aside, when ``text`` is ``msgid`` as it is (surrounding whitespace aside); else ""."""
    if text.strip() != msgid.strip():
        return ""
    prose = text_parts(msgid, ctx).prose
    for term in ctx.glossary.terms:
        if term.target(ctx.lang) == term.source:
            prose = term.pattern.sub(" ", prose)
    if _DIGIT.search(prose):
        pattern, _ = _unit_pattern((ctx.source_lang.split("-")[0],))
        symbols = [m.span("symbol") for m in pattern.finditer(prose) if m.lastgroup == "symbol"]
        for start, end in reversed(symbols):
            prose = prose[:start] + " " + prose[end:]
    return prose


def german_copies(po: Iterable[polib.POEntry], lang: str, glossary: Glossary = Glossary(),
                  labels: frozenset[str] = frozenset()) -> frozenset[tuple[str | None, str]]:
    """The keys of ``po``'s reviewed entries that are German copies (``german_copy``) and of its drafts (fuzzy
    machine or hand text) that are their German as it is (``german_unchanged``, at any length: an engine's answer of
    the German, which ``pretranslate`` no longer takes, in a catalog drafted before): an edition shows them as
    German (``lang="de"``) and counts their words as untranslated (``editions.make_edition``), and
    ``entry_state(entry, copies)`` names them untranslated. A reviewed copy whose ``# ignore-unchanged`` line waives
    ``check_unchanged`` is none: the reviewer says the German is right there as it is (a name, an address, a
    register number), and it is shown and counted as reviewed."""
    ctx = Context(lang, glossary, labels)
    plain = replace(ctx, plain=True)
    found = []
    for entry in po:
        if entry.obsolete or not entry.msgstr or entry.msgstr.strip() != entry.msgid.strip():
            continue
        state = entry_state(entry)
        entry_ctx = plain if entry.msgctxt in PLAIN_CONTEXTS else ctx
        if state == REVIEWED and german_copy(entry, entry_ctx) and "unchanged" not in ignored_checks(entry) \
                or state == MACHINE and entry.fuzzy and german_unchanged(entry.msgid, entry.msgstr, entry_ctx):
            found.append(key(entry))
    return frozenset(found)


# What holds back an edition whose signed-off translations are all German copies (``Context.held``), as the build
# lists it: "not published (nothing translated yet)"
UNTRANSLATED_PAGE = "it shows nothing translated (a German copy counts as untranslated)"


# One difference of a tm: line's "German differs: …" text, in ``tm.differences``' wording
_TM_DIFFERENCE = re.compile(r"'([^']*)' -> '([^']*)'|added '([^']*)'|dropped '([^']*)'")


def tm_changes(differs: str) -> Iterator[tuple[str, str, str]]:
    """Each difference a ``tm:`` line's ``German differs: …`` text (``differs``) names: (the difference as written,
    the German the translation was made for, the German now), "" for the side a run added or dropped lacks
    (``added 'nicht'``: "", "nicht")."""
    for m in _TM_DIFFERENCE.finditer(differs):
        before, after = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4) or "", m.group(3) or "")
        yield m.group(), before, after


def tm_negation(origin: str) -> str:
    """The difference of a ``tm:`` origin line (``tm: 94% from baldrian (German differs: dropped 'nicht')``,
    ``tm.differences``' wording, which always names such a one) that turns a German negation around
    (``typos.negation_changed``); "" for none or for an origin line of another kind."""
    if not origin.startswith("tm: ") or TM_DIFFERS not in origin:
        return ""
    return next((said for said, before, after in tm_changes(origin.partition(TM_DIFFERS)[2])
                 if negation_changed(before.split(), after.split())), "")


def check_tm_negation(entry, ctx):
    """Trial 37 #2: a memory match for "Baldrian macht nicht abhängig" drafted "Valerian is not addictive" for
    "Baldrian macht abhängig", and under ``unreviewed = "machine"`` readers of a health text got the opposite. The
    ``tm-difference`` warning named it, but the page showed it; a negation turned around is an error of the QA gate,
    so the page shows the German there until a reviewer corrects the draft or signs it off."""
    origin = machine_draft(entry)
    if origin and (said := tm_negation(origin)):
        yield (f"translation memory draft made for German that says the opposite ({said}): correct "
               f"{excerpt(entry.msgstr)!r} or sign it off; the page shows the German until then")


def check_unchanged(entry, ctx):
    """A German copy (``german_copy``); signed off, what it costs: shown as German, counted as neither translated nor
    reviewed, and the threshold its edition misses (``Context.held``); a draft (``german_draft``): that it is the
    German, untranslated (``check_catalog`` runs no other check on it). Not an entry whose msgid is no German the
    article has now (``Context.german``, when known): a translation typed over the msgid as well (trial 30) is
    no copy of the German, and ``catalog-outdated`` names what extract makes of it."""
    if entry.msgstr.strip() == entry.msgid.strip() and (german := ctx.german()) and key(entry) not in german:
        return
    if german_draft(entry, ctx):
        yield ("draft is the German text unchanged, no translation: shown as German (lang=\"de\") and counted as "
               "untranslated")
    elif german_copy(entry, ctx):
        yield ("translation is identical to the German text" if entry.fuzzy else
               "translation is identical to the German text; signed off, it is shown as German (lang=\"de\") "
               "and counts as neither translated nor reviewed"
               + (f"; the {ctx.lang} edition is held back: {ctx.held}" if ctx.held else "")
               + _unchanged_advice(entry))


def _unchanged_advice(entry) -> str:
    """How a reviewer settles a signed-off German copy: a copy that is right as it is (a name, an address) with
    the comment line ``# ignore-unchanged`` where ``catalog.Notes`` reads it (a translator comment line of its own,
    before the entry's msgctxt or msgid; verlag writes it above the ``#.`` lines); but German that holds a template tag
    (``markdown_template_tags``: a ``[contact-form-7 …]``, check's ``template-tag``) is fixed in the German article,
    where the pages would show it as text in every language, so the comment line is not offered there."""
    if tags := markdown_template_tags(entry.msgid, 1):
        where = f", {entry.occurrences[0][0]}:{entry.occurrences[0][1]}" if entry.occurrences else ""
        return (f"; its German holds a {tags[0][2]}, which the pages show as text in every language: no translation "
                f"fixes that; write what it stands for in Markdown in the German article{where} (check's "
                "template-tag finding), then translate that")
    return ("; right as it is (a name, an address)? add the line '# ignore-unchanged' to this entry, on a line of "
            "its own above its '#.' lines (Poedit: Add Comment, ignore-unchanged), and it counts as reviewed")


def check_glossary_term(entry, ctx):
    """Not on a pseudo draft: accented German is a layout test, no translation that could use the term."""
    for term in ctx.glossary.find(entry.msgid):
        target = term.target(ctx.lang)
        if target is None or term.dnt:
            continue
        pattern = exact_pattern(target) if target == term.source else target_pattern(target, ctx.lang)
        if not pattern.search(matchable(entry.msgstr)):
            if is_pseudo(entry.msgstr, entry.msgid):
                return
            yield f"glossary: {term.source!r} should be translated as {target!r}"


def check_glossary_forbidden(entry, ctx):
    """Anywhere in the translation, not only where the German has the term; preferred terms are exempt
    (``milk thistle`` does not use the forbidden ``thistle``), and of overlapping matches the longest counts.
    A glossary that forbids nothing in the catalog's language is not searched (no finding is possible)."""
    if not any(term.forbidden.get(ctx.lang) for term in ctx.glossary.terms):
        return
    text = matchable(entry.msgstr)
    for term in ctx.glossary.terms:
        if target := term.target(ctx.lang):
            text = target_pattern(target, ctx.lang).sub(lambda m: " " * len(m.group()), text)
    hits = sorted(((m.start(), -len(m.group()), m.group(), term) for term in ctx.glossary.terms
                   for bad in term.forbidden.get(ctx.lang, ()) for m in target_pattern(bad, ctx.lang).finditer(text)),
                  key=lambda h: (h[1], h[0]))
    taken: list[tuple[int, int]] = []
    for start, length, _, term in hits:
        end = start - length
        if any(start < b and end > a for a, b in taken):
            continue
        taken.append((start, end))
        preferred = term.target(ctx.lang)
        yield (f"glossary: {as_written(entry.msgstr, start, end)!r} is not used for {term.source!r}"
               + (f"; write {preferred!r}" if preferred else ""))


def check_glossary_dnt(entry, ctx):
    """Not on a pseudo draft, which accents every word (``check_glossary_term``)."""
    for term in ctx.glossary.find(entry.msgid):
        if term.dnt and not exact_pattern(term.source).search(matchable(entry.msgstr)):
            if is_pseudo(entry.msgstr, entry.msgid):
                return
            yield f"glossary: {term.source!r} is not translated; keep it exactly as written"


LENGTH_RANGE = (0.5, 2.0)
LENGTH_MIN = 40  # characters of German prose below which the ratio says little


def check_length(entry, ctx):
    src = " ".join(text_parts(entry.msgid, ctx).prose.split())
    tgt = " ".join(text_parts(entry.msgstr, ctx).prose.split())
    if len(src) < LENGTH_MIN:
        return
    worth = latin_length(tgt)  # a Japanese or Chinese character says what two to four Latin letters do
    ratio = worth / len(src)
    if not LENGTH_RANGE[0] <= ratio <= LENGTH_RANGE[1]:
        counted = (f"{len(tgt)} vs {len(src)} characters" if worth == len(tgt)
                   else f"{len(tgt)} characters, worth {worth:.0f} Latin letters, vs {len(src)}")
        yield f"translation is {ratio:.1f}× as long as the German ({counted})"


def check_stale(entry, ctx):
    if entry.previous_msgid is None or entry.previous_msgid == entry.msgid:
        return
    old, new = entry.previous_msgid.split(), entry.msgid.split()
    change = []
    for op, a, b, c, d in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op != "equal":
            change.append(f"{' '.join(old[a:b]) or '∅'} -> {' '.join(new[c:d]) or '∅'}")
    said = "; ".join(change)[:200] if change else "only its spaces or line breaks (see the #| previous msgid)"
    yield "German changed since this translation was made: " + said


def check_stale_sign_off(entry, ctx):
    """Its own check, not ``stale``'s: a ``# ignore-stale`` line accepts that a translation is out of date, never
    that a sign-off did not count."""
    if stale_sign_off(entry):
        yield stale_sign_off_message(entry, ctx.german())


_WORD_CHAR = re.compile(r"\w")


def check_blank(entry, ctx):
    if _WORD.search(text_parts(entry.msgid, ctx).prose) and not _WORD_CHAR.search(
            text_parts(entry.msgstr, ctx).prose):
        yield "translation has no words: it would publish an empty text"


def check_pseudo(entry, ctx):
    if not entry.fuzzy and is_pseudo(entry.msgstr, entry.msgid):
        yield "pseudo-translation signed off: the pseudo engine's accented German tests layouts, it is no " \
              "translation; translate the sentence (readers get the German until then)"


def check_waiver(entry, ctx):
    """A ``# ignore-<id>`` line that silences nothing while it reads as if it did, so the finding it was written
    for stays: one naming no check of the catalog's (``Context.waivers``; a misspelling, ``ignore-typografie``),
    named with the check it most likely means (``difflib``'s close matches), and one naming a check no flag
    waives (``Check.waivable``: ``ignore-foreign-target``), named with what to do instead (its ``remedy``)."""
    known = ctx.waivers or CHECKS_BY_ID
    for name in sorted(ignored_checks(entry)):
        if name in known:
            if not known[name].waivable:
                yield (f"{name!r} cannot be waived: '# ignore-{name}' silences nothing, the finding guards the "
                       f"readers; {known[name].remedy}")
            continue
        close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)  # "same" (Weblate's) is no "stale"
        yield (f"unknown check {name!r} in a waiver: '# ignore-{name}' silences nothing "
               + (f"(did you mean {close[0]}?)" if close else "(verlag check --list names the checks)"))


def check_empty_heading(entry, ctx):
    if _kind(entry) in ("heading", "title") and ctx.reviewed:
        yield f"{_kind(entry)} not translated while the rest of the article is under review"


def check_parse_limit(entry, ctx):
    if problem := too_many_brackets(entry.msgstr):
        yield problem


def _kind(entry) -> str:
    return (entry.comment or "").split("\n", 1)[0].split(",", 1)[0]


CHECKS = [
    Check("markup", ERROR, "inline Markdown kept: the same emphasis, code spans, links, images, "
          "footnote references and placeholders", check_markup),
    Check("hard-break", WARNING, "hard line breaks (two spaces or a backslash before a line end) as many as in "
          "the German", check_hard_break),
    Check("link-target", ERROR, "link destinations and image sources unchanged (a link to this site's German "
          "page may point to its page in the target language)", check_link_target),
    Check("html", ERROR, "no raw HTML added or dropped", check_html),
    Check("html-text", WARNING, "the title and alt text of inline HTML translated with the sentence",
          check_html_text),
    Check("plain-markup", WARNING, "a title, summary or tag gets no HTML or Markdown the German does not have "
          "(shown as typed); nor has the German front matter's title, summary, tags or author raw HTML",
          check_plain_markup),
    Check("urls", ERROR, "URLs and e-mail addresses in the text kept", check_urls),
    Check("foreign-target", ERROR, "no link, image or HTML address to a host (or scheme) the German of the "
          "article never points to; cannot be waived by an ignore-* flag", check_foreign_target,
          remedy="the translation links what the German links, or the author adds the link to the German first"),
    Check("bidi-control", ERROR, "no bidi override (U+202D, U+202E) the German lacks; cannot be waived by an "
          "ignore-* flag", check_bidi_control,
          remedy="delete it: a direction is set with the marks U+200E/U+200F or the isolates U+2066-U+2069"),
    Check("control-character", ERROR, "no control character (C0 but tab and line feed, DEL, C1: a NUL, a form "
          "feed) the German lacks, nor one in a German article (nor a NUL byte there, read as U+FFFD); cannot be "
          "waived by an ignore-* flag",
          check_control_character, remedy="delete it: no reader sees it as text"),
    Check("numbers", ERROR, "numbers and unit symbols kept, each number with its unit (decimal comma and point, "
          "thousands, ordinals, dates and 24-hour times are compared by value)", check_numbers),
    Check("number-words", ERROR, "numbers written as words in both texts say the same values (\"zweimal\" is no "
          "\"three times\", \"der dritte Tag\" no \"the second day\")", check_number_words),
    Check("number-order", WARNING, "numbers of one unit in the German's order (\"Kinder 2 Tropfen, Erwachsene 10 "
          "Tropfen\" is no \"children 10 drops, adults 2 drops\"); clauses may change places in a translation",
          check_number_order),
    Check("tm-negation", ERROR, "an untouched translation memory draft made for German with a negation the "
          "German lacks, or without one it has (its tm: line: dropped 'nicht', 'nie' -> 'oft'): it says the "
          "opposite; cannot be waived by an ignore-* flag", check_tm_negation, frozenset({MACHINE}),
          remedy="correct the draft (or sign it off where it is right as it stands): the page shows the German "
                 "until then"),
    Check("merge-conflict", ERROR, "no msgcat conflict markers (two versions of a translation under "
          "'#-#-#-#-#  file  #-#-#-#-#' lines); cannot be waived by an ignore-* flag", check_merge_conflict,
          remedy="keep one version and delete the '#-#-#-#-#' lines: readers would get both, markers and all"),
    Check("plural", WARNING, "no plural forms (msgid_plural) on an article's sentence; cannot be waived by an "
          "ignore-* flag", check_plural, frozenset({*TEXT_STATES, UNTRANSLATED}),
          remedy="run verlag extract: it keeps the first plural form as the sentence's msgstr, fuzzy"),
    Check("format-flag", WARNING, "no c-format, python-format or other format flag on an article's sentence; cannot "
          "be waived by an ignore-* flag", check_format_flag, frozenset({*TEXT_STATES, UNTRANSLATED}),
          remedy="run verlag extract: it drops the flag"),
    Check("punctuation", WARNING, "sentence-final punctuation and question/exclamation marks kept",
          check_punctuation),
    Check("whitespace", WARNING, "leading and trailing whitespace as in the German", check_whitespace),
    Check("line-feed", ERROR, "a translation begins and ends with a line feed (\\n) where the German does, as GNU "
          "msgfmt --check requires; cannot be waived by an ignore-* flag", check_line_feed,
          remedy="begin and end the translation with a line feed (\\n) exactly where the German does"),
    Check("double-space", WARNING, "no doubled spaces", check_double_space),
    Check("double-word", WARNING, "no doubled words (\"the the\")", check_double_word),
    Check("brackets", WARNING, "brackets and quotation marks balanced as in the German", check_brackets),
    Check("typography", WARNING, "target-language typography: “…” in English, « … » with no-break spaces "
          "in French, decimal point in English, opening ¿ and ¡ in Spanish", check_typography),
    Check("unchanged", WARNING, "translation identical to a German sentence of three words or more (an engine's "
          "draft: of any length)", check_unchanged),
    Check("glossary-term", WARNING, "a glossary term's preferred translation is used", check_glossary_term),
    Check("glossary-forbidden", ERROR, "no translation the glossary forbids", check_glossary_forbidden),
    Check("glossary-dnt", ERROR, "do-not-translate glossary terms kept exactly", check_glossary_dnt),
    Check("length", WARNING, f"translation between {LENGTH_RANGE[0]}× and {LENGTH_RANGE[1]}× the length "
          f"of the German (from {LENGTH_MIN} characters)", check_length),
    Check("stale", WARNING, "fuzzy entry whose German changed since it was translated (#| msgid)", check_stale,
          frozenset({STALE})),
    Check("stale-sign-off", WARNING, "an entry signed off with its #| msgid still there (a bulk msgattrib "
          "--clear-fuzzy): it stays stale, and the page shows the German; cannot be waived by an ignore-* flag",
          check_stale_sign_off, frozenset({STALE}),
          remedy="sign it off in Poedit, Weblate or Lokalize, edit it, or delete its #| lines and its "
                 "'# previous msgid' line with the fuzzy flag"),
    Check("blank", ERROR, "a translation that is only spaces or markup", check_blank),
    Check("pseudo", ERROR, "no signed-off pseudo-translation (the pseudo engine's accented text); cannot be "
          "waived by an ignore-* flag", check_pseudo, frozenset({MACHINE}),
          remedy="translate the sentence: pseudo text is a layout test, never a translation"),
    Check("parse-limit", ERROR, "no more '[' in a sentence than markdown-it reads in reasonable time; cannot be "
          "waived by an ignore-* flag", check_parse_limit, remedy="break the sentence up, or write a bracket as \\["),
    Check("empty-heading", WARNING, "heading or title left untranslated in an article that has reviewed text",
          check_empty_heading, frozenset({UNTRANSLATED})),
    Check("waiver", WARNING, "an ignore-<check> comment line names a check there is and one it waives (a misspelt "
          "one, or one of a check no flag waives, silences nothing)", check_waiver,
          frozenset({*TEXT_STATES, UNTRANSLATED})),
]


CHECKS_BY_ID = {c.id: c for c in CHECKS}
# Checks that compare only the markup of an entry's two texts (``Parts`` but prose and bare): they find nothing
# where ``same_markup`` holds
MARKUP_CHECKS = frozenset({check_markup, check_link_target, check_html, check_urls, check_foreign_target})

# The website's own words (site.po): plain text with %-format placeholders, no Markdown
SITE_CHECKS = [
    Check("placeholder", ERROR, "site.po: the msgid's %(name)s placeholders kept, no unknown ones",
          check_placeholders),
    Check("ui-markup", ERROR, "site.po: translations are plain text, without HTML tags or entities",
          check_ui_markup),
    *(c for c in CHECKS if c.id in ("bidi-control", "control-character", "merge-conflict", "punctuation",
                                     "whitespace", "line-feed", "double-space", "double-word", "brackets", "blank",
                                     "waiver")),
]
SITE_CHECKS_BY_ID = {c.id: c for c in SITE_CHECKS}


# Checks of the German sources and the site as a whole (``run_checks`` makes their findings itself, not per
# entry): listed by ``verlag check --list`` with the catalog checks, as README's table lists them all
SOURCE_CHECKS = [
    Check("html-block", WARNING, "German article: an HTML block holds text (or an image description, alt) that "
          "is in no catalog, so no reviewer can translate it: it stays German", None),
    Check("active-html", WARNING, "German article: raw HTML that runs code or loads from another host "
          "(script, iframe, event handler, a third-party image or style sheet)", None),
    Check("refused-link", WARNING, "German article: a link or image whose address markdown-it refuses "
          "(javascript:, vbscript:, file:, data: other than an image): the page shows its Markdown as text", None),
    Check("unfilled", ERROR, "German page: a [[AUSFÜLLEN: …]] placeholder verlag init wrote, or a line of the "
          "example text verlag new wrote, is still there; the page is left out", None),
    Check("legal-page", WARNING, "legal page's catalog: machine drafts that readers get in German all the same",
          None),
    Check("draft-language", ERROR, "catalog: its untouched machine drafts read as another language than the "
          "catalog's (their common words, 20 words and more, as pretranslate judges an engine's answers); the pages "
          "show the German in their place; fix the engine, then verlag pretranslate --redo-drafts", None),
    Check("pseudo-draft", WARNING, "catalog under [publish] unreviewed = \"machine\": pseudo drafts (the pseudo "
          "engine's layout test) that the pages show to readers; verlag publish refuses to publish them", None),
    Check("tm-difference", WARNING, "catalog under [publish] unreviewed = \"machine\": a translation memory draft "
          "nobody reviewed that came from a different German sentence (its tm: line names the words: 'Knie' -> "
          "'Hüfte', a number, a negation), shown to readers; says which new number the draft has and what it may "
          "still say of the other sentence; check it and sign it off", None),
    Check("catalog-outdated", WARNING, "catalog: its msgids are not the German of the article's template (saved "
          "from before the German changed): those segments show in German; run verlag extract", None),
    Check("catalog-header", WARNING, "catalog: no header entry (msgid \"\"), one without fields or one without "
          "Content-Type's charset, as a tool or a hand left it, or lines that end in CR alone (classic Mac OS): GNU "
          "msgfmt --check refuses the catalog (or warns of the charset); verlag extract writes its header fields "
          "and LF line ends", None),
    Check("plural-forms", WARNING, "site.po: a plural message with some forms translated and others empty or "
          "missing (fewer msgstr[n] than nplurals), or more msgstr[n] than nplurals: GNU msgfmt --check refuses "
          "the catalog; verlag extract marks the former fuzzy (English for every count) and drops a form too "
          "many", None),
    Check("sign-off-lost", WARNING, "catalog (in a git work tree): entries the last commit (HEAD) has signed off "
          "are not signed off in the file, which shows itself an older copy put back (an older header, a #| msgid "
          "or an engine's draft under the same German); git checkout HEAD -- <file> brings them back", None),
    Check("rival-translation", WARNING, "catalog: an obsolete entry (#~) keeps a second translation of a changed "
          "sentence's old German while the other one is the changed sentence's (fuzzy, the page showing the German, "
          "until signed off; two reviewers, a merge): choose one, then delete the #~ entry", None),
    Check("catalog-restore", WARNING, "catalog: missing or empty while its article is there; verlag extract "
          "restores it from its copy of the last extract (.verlag/extracted/)", None),
    Check("german-changed", WARNING, "German article: edited since the last verlag extract, so its catalogs do not "
          "have its new and changed sentences yet (the build shows them in German); run verlag extract", None),
    Check("german-moved", WARNING, "German article: its file moved since the last verlag extract (into "
          "source_de/seiten/ or out, or renamed with its slug kept), so its template and catalogs name the old "
          "file; run verlag extract", None),
    Check("template-tag", WARNING, "German article: a Hugo shortcode, Liquid tag or WordPress shortcode left "
          "in the text (an error in a page the site publishes: its readers would get it as text)", None),
    Check("invisible-character", WARNING, "German article: a soft hyphen, zero-width space, word joiner or "
          "zero-width no-break space (U+00AD, U+200B, U+2060, U+FEFF), which passes unseen into the catalog's msgid "
          "(write a soft hyphen you mean as &shy;)", None),
    Check("image-alt", WARNING, "German article: an image without alt text (![](foto.jpg)): readers who cannot "
          "see it get nothing, and there is nothing to translate", None),
    Check("note-syntax", WARNING, "German article: a note app's syntax CommonMark lacks (==highlight==, "
          "[[wikilink]], a task-list box), or a level-1 heading beside the title's", None),
    Check("number-list", WARNING, "German article: a line of running text that CommonMark makes a list because "
          "it starts with a number (a date \"1. Januar\", \"3. Mai\", an ordinal \"2. Weltkrieg\", a minus \"- 7 Grad\" "
          "after an unfinished sentence)", None),
    Check("gone-address", WARNING, "a page the last build published, or an earlier one took down, whose address "
          "no source has now, nor an alias, nor [site] gone: it answers 404; or a published language verlag.toml "
          "no longer names; or a slug in [site] gone of an article published now", None),
    Check("base-url", WARNING, "verlag.toml: [site] base_url is init's stand-in http://localhost:8000/ or another "
          "address on this computer or network (localhost, 127.0.0.1, ::1, .local): publish stops on it", None),
    Check("front-matter", WARNING, "German article: no date, updated earlier than date, an unknown key, an HTML "
          "entity in a plain-text field (shown as typed), or no text after the front matter", None),
    Check("review-outdated", WARNING, "German article: its text changed after its medical review (updated after "
          "last_reviewed, or extract saw a sentence change after it); every page says so beside the review until "
          "last_reviewed names the day it was reviewed again", None),
    Check("updated-behind", WARNING, "German article: its updated is before the day extract saw its text change after "
          "the medical review; the page names both days, feeds and the sitemap the older one", None),
    Check("same-title", WARNING, "German article: the title of another published article too (lists show both "
          "alike)", None),
    Check("article-link", WARNING, "German article: a link to an article file or site path no published page "
          "answers to", None),
    Check("renamed-link", WARNING, "German article: a link to the old file of a renamed article, which leads to "
          "its page only while .verlag/ remembers the rename", None),
    Check("fragment", WARNING, "German article: an in-page link (#x), or a link to another article's file "
          "(x.md#y), whose page has no heading, footnote or anchor with that id", None),
    Check("old-site", WARNING, "German article: a link or image on the old blog's host", None),
    Check("image-variant", WARNING, "a language variant of an image made from an older version of the German "
          "image", None),
    Check("media-case", WARNING, "German article or [site] image: two files the site publishes to media/ whose names "
          "differ only in case (Foto.png, foto.png): one overwrites the other where case is ignored", None),
    Check("heavy-image", WARNING, "German article: an image of more than 5 MB (a camera's photo), which every reader "
          "downloads whole, on a phone too; named at its first reference", None),
    Check("missing-file", WARNING, "German article: an image or link to a file of source_de/ that is not there: the "
          "page keeps the address, which answers 'not found'", None),
]

# --------------------------------------------------------------------------
# Numbers, compared by value
# --------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
# A century in Roman numerals, as the languages that write it so do: with French's ordinal ending ("XIXe",
# "XIXᵉ", "XIXème", "Ier"), or beside the language's word for century ("XIX secolo", "siglo XIX", "XIX wiek",
# "XIX век"); a Roman numeral alone ("CD", "MD", "I") is no number, too often a word or an abbreviation.
_ROMAN = r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_HINT = re.compile(r"(?<![^\W\d_])[MDCLXVI]")
# The word for century, singular ("I secoli", "the centuries", is no first century).
_CENTURY_WORDS = {"fr": "siècle", "it": "secolo", "es": "siglo", "pt": "século", "pl": "w(?:iek|ieku)",
                  "ru": "век(?:а|е)?", "uk": "століття", "ro": "secol(?:ul)?", "ca": "segle"}
# French: "XIXe", "XIXᵉ siècle"; one letter with a plain "e" only before "siècle" ("Ve siècle"): "Ce", "De", "Le", "Me"
# are words.
_ROMAN_ORDINAL = re.compile(rf"(?<![^\W\d_])({_ROMAN})(e|ᵉ|ème|eme|er|re)(?![^\W\d_])(\s+(?:siècle|millénaire))?")


@lru_cache(maxsize=32)
def _roman_century(lang: str) -> re.Pattern | None:
    """``lang``'s Roman numeral next to its word for century, either side; None for a language without one."""
    word = _CENTURY_WORDS.get(lang.split("-")[0].lower())
    if word is None:
        return None
    return re.compile(rf"(?<![^\W\d_])(?:({_ROMAN})\s+(?:{word})|(?:{word})\s+({_ROMAN}))(?![^\W\d_])")


def _roman_centuries(text: str, lang: str, found: list) -> str:
    """``text`` with each century in Roman numerals (``_ROMAN_ORDINAL`` in French, ``_roman_century``) taken out,
    its value appended to ``found`` as (number, spelling): "XIXe" is 19, as German's "19. Jh." is."""
    def take(m: re.Match, spelling: str | None = None) -> str:
        numeral = next(group for group in m.groups() if group)
        found.append((str(_roman_value(numeral)), spelling or m.group(0)))
        return " "

    def ordinal(m: re.Match) -> str:  # "XVIIIe siècle" is spelled "XVIIIe", as French writes the number
        return m.group(0) if len(m[1]) == 1 and m[2] == "e" and not m[3] else take(m, m[1] + m[2])

    if lang.split("-")[0].lower() == "fr":
        text = _ROMAN_ORDINAL.sub(ordinal, text)
    if lang.split("-")[0].lower() == "it":  # "nel Settecento" is the 18th century, as "18. Jh." (trial 22)
        text = _ITALIAN_CENTURY.sub(lambda m: _italian_century(m, found), text)
    pattern = _roman_century(lang)
    return pattern.sub(take, text) if pattern is not None else text


# Italian names its centuries from the 13th to the 20th by their hundreds, capitalised, after an article or
# preposition ("nel Settecento", "del Novecento"); "Seicento grammi" at a sentence's start is a number, left alone.
_ITALIAN_CENTURIES = {"Duecento": 13, "Trecento": 14, "Quattrocento": 15, "Cinquecento": 16, "Seicento": 17,
                      "Settecento": 18, "Ottocento": 19, "Novecento": 20}
_ITALIAN_CENTURY = re.compile(r"(?<![^\W\d_])(?:il|nel|del|dal|al|sul|l'|nell'|dell'|dall'|all'|sull')\s*"
                              rf"({'|'.join(_ITALIAN_CENTURIES)})(?![^\W\d_])", re.I)


def _italian_century(m: re.Match, found: list) -> str:
    """An Italian century by its hundreds (``_ITALIAN_CENTURY``) as its number, appended to ``found``; one not
    capitalised ("nel settecento" is rare, "settecento" a number word) is left as written."""
    name = m.group(1)
    if name[0].islower():
        return m.group(0)
    found.append((str(_ITALIAN_CENTURIES[name]), name))
    return " "


def _roman_value(numeral: str) -> int:
    """The value of a valid Roman numeral (``_ROMAN``): XIX is 19."""
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for here, after in zip(numeral, [*numeral[1:], None]):
        total += -values[here] if after is not None and values[after] > values[here] else values[here]
    return total
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# space, no-break, thin and narrow no-break space: one group separator (as ICU's lenient parse reads them)
_SPACES = " \u00a0\u2009\u202f"
_APOSTROPHES = "'’"  # Swiss grouping (1'500), typed either way
# digit groups and their separators; a letter before the digits is no part of the number ("و٢": and 2)
# A Latin, Greek or Cyrillic letter right before digits makes them part of a formula or symbol (CO2, H2O, m2,
# B12), which a translation may write with sub- or superscript digits; an Arabic or Hebrew letter is a proclitic
# ("و٢": and 2), and CJK text writes numbers right after its characters ("第3章").
_CODE_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0386-\u03ff\u0400-\u052f\u1e00-\u1eff"
_SEPARATORS = rf".,\u066b\u066c{_SPACES}{_APOSTROPHES}"  # what may stand between a number's digit groups
_DIGITS = rf"\d+(?:[{_SEPARATORS}]\d+)*"  # a number's digit groups, read as one (``_number`` splits them)
_NUMBER_TEXT = rf"(?<![\d{_CODE_LETTER}]){_DIGITS}"
_NUMBER = re.compile(_NUMBER_TEXT)
_GROUPED = re.compile(rf"\d[{_SEPARATORS}]\d")
_SLASHED = re.compile(r"\d{1,2}([/-])\d{1,2}\1\d{4}")  # a date's spelling whose order the language decides
# the number a unit follows (``unit_amounts``), read as ``_NUMBER`` reads it: "B12 500 µg" is 500 µg
_NUMBER_BEFORE = re.compile(rf"({_NUMBER_TEXT})[{_SPACES}]?$")
# a clock time or date starts where a number does (``_NUMBER``): not inside a word of a Latin, Greek or Cyrillic
# script ("A4", "B12"), but right after an Arabic proclitic ("و20:00": and 20:00)
_NO_WORD_BEFORE = rf"(?<![\d_{_CODE_LETTER}"
_MERIDIEM = r"(?i:[ap]\.?\s?m\.?)"  # a.m., pm, AM: a 12-hour time
# German's "am" is a word ("um 8 am Bahnhof", "um 8 am Abend"): there only a.m. with its full stop is one
_GERMAN_MERIDIEM = r"(?i:a\.\s?m\.?|p\.?\s?m\.?)"
# German's word after a time, no number a translation keeps, and a sentence's full stop after "am" or "pm"
_CLOCK_WORD = re.compile(r"\s?Uhr$|(?<=[ap]m)\.$", re.IGNORECASE)
_WRITTEN_TIME = re.compile(r"0?(\d{1,2})[.:](\d{2})")  # 9.30 or 09:30 without a clock word: read as a number


def _clock_patterns(meridiem: str) -> tuple[re.Pattern, re.Pattern]:
    """The clock time (``_time``) and time range (``_time_range``) patterns of a language whose 12-hour suffix is
    ``meridiem``. A time's minutes follow a colon (8:30), a full stop before a clock word (8.30 Uhr, 8.30 a.m.;
    else 8.30 is a number) or French's h (8 h 30). A range's ends take the clock word after the second (8.30–9.45
    Uhr, 8 to 9.45 a.m.), and none starts at a time's minutes (the 30 of 8 h 30 à 9 h 45: two times)."""
    suffix = r"(?P<suffix>Uhr|h|" + meridiem + r")(?![^\W\d_])"
    time = re.compile(_NO_WORD_BEFORE + r".,:])(?P<h>\d{1,2})(?:(?::|\.(?=\d{2}\s?(?:Uhr|" + meridiem + r"))"
                      r"|\s?h\s?)(?P<m>\d{2}))?(?:\s?" + suffix + r")?(?!\d)")
    time_range = re.compile(_NO_WORD_BEFORE + r".,:])(?<!\dh\s)(?<!\d\sh\s)(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?\s?"
                            r"(?:–|—|-|to|bis|à)\s?(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s?" + suffix)
    return time, time_range


_CLOCKS = _clock_patterns(_MERIDIEM)
_GERMAN_CLOCKS = _clock_patterns(_GERMAN_MERIDIEM)  # a German text's: never "am"
_TIME_HINT = re.compile(r"\d\s?(?:[:h]|Uhr|[ap]\.?\s?m)", re.IGNORECASE)  # no clock time without one
# a date of digits: day, month and year with full stops (26.05.2026, 2. 5. 2024: German and every language that
# writes it so), two numbers and the year with slashes or hyphens (02-05-2024; the language's order,
# ``_month_first``), or ISO
_NUMERIC_DATE = re.compile(_NO_WORD_BEFORE + r".,/-])(?:(?P<day>\d{1,2})\.[ \u00a0\u202f]?(?P<month>\d{1,2})\."
                           r"[ \u00a0\u202f]?|(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})(?P=sep))"
                           r"(?P<year>\d{4})(?!\w)"
                           r"|" + _NO_WORD_BEFORE + r".,/-])(?P<iso>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})(?!\w)")
# An area or volume is typed with a plain digit for its power as often as with the superscript: m2 is m²
_POWERS = {f"{length}{digit}": f"{length}{power}" for length in ("cm", "km", "m") for digit, power in (("2", "²"),
                                                                                                     ("3", "³"))}
UNIT_SYMBOLS = ("%", "‰", "°C", "°F", "°", "mg", "µg", "μg", "kg", "g", "ml", "cl", "dl", "l", "L", "mm", "cm",
                "km", "m", "kcal", "kJ", "mmHg", "mmol", "IE", "IU", "UI", *_POWERS.values(), *_POWERS)
_SAME_UNIT = {"IU": "IE", "UI": "IE", "μg": "µg", "L": "l", **_POWERS}
# The CLDR units whose names count as the symbol a number's unit is compared by. Temperature-generic and
# angle-degree ("Grad", "degree", "درجة") say only "degree" (Celsius, Fahrenheit, an angle, a burn's degree): the
# generic "°", which a translation may make °C or °F (DEGREES).
CLDR_UNITS = {"temperature-generic": "°", "angle-degree": "°", "temperature-celsius": "°C",
              "temperature-fahrenheit": "°F", "concentr-percent": "%", "concentr-permille": "‰",
              "mass-microgram": "µg", "mass-milligram": "mg", "mass-gram": "g", "mass-kilogram": "kg",
              "volume-milliliter": "ml", "volume-centiliter": "cl", "volume-deciliter": "dl", "volume-liter": "l",
              "length-millimeter": "mm", "length-centimeter": "cm", "length-meter": "m", "length-kilometer": "km",
              "area-square-centimeter": "cm²", "area-square-meter": "m²", "area-square-kilometer": "km²",
              "volume-cubic-centimeter": "cm³", "volume-cubic-meter": "m³",
              "energy-kilocalorie": "kcal", "energy-foodcalorie": "kcal", "energy-kilojoule": "kJ",
              "pressure-millimeter-ofhg": "mmHg", "volume-tablespoon": "tbsp", "volume-teaspoon": "tsp"}
# Unit names a language's health texts write that CLDR does not list: the spoons of a recipe as French and English
# also abbreviate them ("c. à café", "tbs"), as Italian recipes name them (CLDR has "cucchiaio da tè" only:
# "cucchiaino", "cucchiaio") and Polish ones inflect them after a number ("2–3 łyżki", "5 łyżek", "1 łyżeczkę":
# CLDR has "łyżki stołowe", "łyżeczka"), the international unit of vitamins
# (German "I.E." beside "IE", Ukrainian "МО", Russian "МЕ", Polish "j.m.", Arabic "وحدة دولية"), and Arabic pharmacy abbreviations (the
# Levant's "ملغ", Egypt's and the Gulf's "ملجم" for mg, "غ" for g, one letter that after a number is a gram).
# The spoons too as recipes write them where CLDR has another word or form: Arabic "ملعقة شاي", "ملعقة طعام" (the
# Levant's and Egypt's), Hebrew "כף" (CLDR: "כפ׳"), Japanese "大さじ", "小さじ" before the number ("大さじ1"; CLDR:
# "テーブルスプーン"), Persian "چایخوری" typed without its zero-width non-joiner or with a space, Ukrainian and
# Russian in every case (``numberwords.SPOON_CASES``: "1 столовой ложкой", "по 1 чайной ложке", "5 ложек"; Polish
# too, "łyżką stołową"), their abbreviations "ст. л." and "ч. л." (CLDR's Russian has them, its Ukrainian only
# "ст. ложки") and without their space ("ч.л."), Greek's diminutive "κουταλάκι" (a teaspoon). A name written before
# its number says so: (symbol, "before").
UNIT_NAMES_BEYOND_CLDR = {
    "de": {"i.e.": "IE", "i. e.": "IE"},
    "ar": {"ملغ": "mg", "ملجم": "mg", "مجم": "mg", "غ": "g", "وحدة دولية": "IE",
           **dict.fromkeys(("ملعقة شاي", "ملاعق شاي"), "tsp"), **dict.fromkeys(("ملعقة طعام", "ملاعق طعام"), "tbsp")},
    "he": {"כף": "tbsp"},
    "ja": {"大さじ": ("tbsp", "before"), "小さじ": ("tsp", "before")},
    "fa": {"قاشق چایخوری": "tsp", "قاشق چای خوری": "tsp", "قاشق غذا خوری": "tbsp"},
    "uk": {"мо": "IE", "ч. л.": "tsp", "ст. л.": "tbsp", "ч.л.": "tsp", "ст.л.": "tbsp"},
    "ru": {"ме": "IE", "ч. л.": "tsp", "ст. л.": "tbsp", "ч.л.": "tsp", "ст.л.": "tbsp"},
    "el": {"κουταλάκι": "tsp", "κουταλάκια": "tsp"},
    "bg": {"ме": "IE"},
    "pl": {"j.m.": "IE", "jm": "IE"},
    "fr": {"c. à soupe": "tbsp", "c. à café": "tsp", "c.à.s.": "tbsp", "c.à.c.": "tsp", "càs": "tbsp", "càc": "tsp"},
    # not "tbl": the German is read with the translation's unit names too, and German "3 Tbl." is three tablets
    # (Tabletten), so "Take at most 3 tablets." was "missing tbsp" and "3 tablespoons" passed (trial 36)
    "en": {"tbs": "tbsp"},
    "it": {"cucchiaino": "tsp", "cucchiaini": "tsp", "cucchiaio": "tbsp", "cucchiai": "tbsp"},
}
for _lang, _names in SPOON_CASES.items():
    UNIT_NAMES_BEYOND_CLDR[_lang] |= {name: CLDR_UNITS[unit] for name, (unit, _) in _names.items()}


@lru_cache(maxsize=4096)
def numbers(prose: str, lang: str) -> dict[str, str]:
    """Canonical value -> spelling for every number in ``prose``; a repeated value gets #2, #3 ...

    Dates (26.05.2026, 26-05-2026, 26. Mai 2026, May 26, 2026) and clock times
    and their ranges (20 Uhr, 20:00, 20 h, 8 p.m., 8.30–9.45 Uhr) are taken out
    first and compared by value (German's "am" is a word, no a.m.: "um 8 am
    Bahnhof" is 8); then
    numbers are read with the language's decimal and group symbols, so that
    German 1.500,5 equals English 1,500.5 and French 1 500,5. An ordinal
    ("26.") is its number, and so is a century in Roman numerals as French, Italian, Spanish, Polish or Russian
    write it ("XIXe siècle", "XIX secolo", "siglo XIX": ``_roman_centuries``).
    """
    found: list[tuple[str, str]] = []
    code = lang.split("-")[0].lower()
    if code in _CENTURY_WORDS and (_ROMAN_HINT.search(prose) or code == "it" and "cento" in prose):
        prose = _roman_centuries(prose, lang, found)
    if not _DIGIT.search(prose):
        if not found:
            return {}
    else:
        text = _dates(prose, lang, found)
        if _TIME_HINT.search(text):
            time, time_range = _GERMAN_CLOCKS if lang.split("-")[0].lower() == "de" else _CLOCKS
            text = time_range.sub(lambda m: _time_range(m, found), text)
            text = time.sub(lambda m: _time(m, found), text)
        decimals, groups = _symbols(lang)
        for m in _NUMBER.finditer(text):
            found.extend(_number(m.group(), decimals, groups))
    seen: Counter = Counter()
    result: dict[str, str] = {}
    for value, spelling in found:
        seen[value] += 1
        result[value if seen[value] == 1 else f"{value}#{seen[value]}"] = spelling
    return result


def _spell(found: dict[str, str], values: list[str]) -> list[str]:
    return [found[v] for v in values]


DEGREES = frozenset({"°C", "°F"})  # what a generic "°" (Grad, degree) may be written as in the other text


def units(prose: str, *langs: str) -> list[str]:
    """The unit of every number in ``prose`` that has one, as its symbol (``UNIT_SYMBOLS``): the symbol, or a
    name of the unit in one of ``langs`` (``unit_names``: a translation's own words, and the German ones a draft
    kept as they were, ``40 Grad`` copied)."""
    if not _DIGIT.search(prose):
        return []
    return [unit for _, unit, _ in _unit_matches(prose, _primary(langs))]


def _primary(langs: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({lang.split("-")[0] for lang in langs}))


@lru_cache(maxsize=4096)
def _unit_matches(prose: str, langs: tuple[str, ...]) -> tuple[tuple[int, str, bool], ...]:
    """(start, unit symbol, whether it stands after its number) of every unit ``_unit_pattern`` finds in ``prose``
    with the names of ``langs``: the one pass over a text that ``units`` and ``unit_amounts`` share."""
    pattern, names = _unit_pattern(langs, max(prose) >= "\u0e00")
    return tuple((m.start(), _unit(m, names), m.lastgroup in ("symbol", "after", "inflected"))
                 for m in pattern.finditer(prose)
                 if not _not_a_unit(prose, m))


def unit_spans(prose: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every unit symbol and ``lang`` unit name after a number in ``prose``, in order."""
    pattern, _ = _unit_pattern((lang.split("-")[0],), bool(prose) and max(prose) >= "\u0e00")
    return [(m.start(m.lastgroup), m.end()) for m in pattern.finditer(prose) if not _not_a_unit(prose, m)]


_GOES_ON = re.compile(rf"[{_SPACES}]+(\w)")  # the next word's first character, after a full stop


def _not_a_unit(prose: str, m: re.Match) -> bool:
    """Whether the unit name of one letter that ``m`` (of ``_unit_pattern``) found after a number abbreviates
    something else there: followed by a full stop and a letter, it is part of an abbreviation (Armenian "մ.թ.ա.",
    before Christ; Russian "г.р.", year of birth); the Cyrillic "г." is the year after four digits (Russian and
    Belarusian "в 2026 г.") and where the sentence goes on after it with a digit or a small letter (an age, "3 г.
    6 мес.": the gram is written without a full stop, GOST 8.417, so a full stop after it ends the sentence)."""
    if m.lastgroup != "after" or len(name := m.group("after")) != 1:
        return False
    end = m.end("after")
    if prose[end:end + 1] != ".":
        return False
    if prose[end + 1:end + 2].isalpha():
        return True
    if name in "гГ" and (going_on := _GOES_ON.match(prose, end + 1)) and not going_on[1].isupper():
        return True
    number = _NUMBER_BEFORE.search(prose, max(0, m.start() - 40), m.start("after")) if name in "гГ" else None
    return number is not None and len(number.group(1)) == 4 and number.group(1).isdigit()


def _unit(m: re.Match, names: Mapping[str, str]) -> str:
    if m.lastgroup == "symbol":
        return _SAME_UNIT.get(m.group("symbol"), m.group("symbol"))
    if m.lastgroup == "around":
        return names[re.sub(rf"[{_SPACES}]?{_DIGITS}[{_SPACES}]?", "{0}", m.group("around"), 1).lower()]
    return names[m.group(m.lastgroup).lower()]


@lru_cache(maxsize=16)
def _regional_data(lang: str) -> tuple[Mapping, ...]:
    """What the CLDR file of each region of ``lang`` (``de_CH``, ``en_001``) adds to the language's, read without
    Babel's cache of merged locales, which would hold every region in memory."""
    import pickle

    from babel.localedata import locale_identifiers, resolve_locale_filename

    found = []
    for identifier in locale_identifiers():
        if identifier.split("_")[0] == lang and identifier != lang:
            with open(resolve_locale_filename(identifier), "rb") as file:
                found.append(pickle.load(file))
    return tuple(found)


def _spoons_swapped(german: str, translation: str, ctx) -> Iterator[str]:
    """A recipe's spoon said without digits ("einen Teelöffel") that the translation makes the other spoon ("un
    cucchiaio", "une cuillère à soupe"): three times or a third of the dose, which the units compared beside a number
    never see (trial 22). Only a swap is said: a spoon the translation leaves unnamed ("a spoon") is no finding."""
    said, named = _spoons(german, ctx.source_lang), _spoons(translation, ctx.lang)
    if said and named and not said.keys() & named.keys():
        yield f"spoons differ: German {', '.join(sorted(said.values()))}, translation " \
              f"{', '.join(sorted(named.values()))} (a teaspoon is a third of a tablespoon)"


def _spoons(text: str, lang: str) -> dict[str, str]:
    """Symbol (tsp, tbsp) -> the first name of that spoon in ``text``, as ``lang`` writes it (``unit_names``; names
    of three letters or more: "EL", "cc" are read only beside a number)."""
    found: dict[str, str] = {}
    if not text:
        return found
    pattern, symbols = _spoon_pattern(lang.split("-")[0].lower())
    for m in pattern.finditer(text) if pattern is not None else ():
        found.setdefault(symbols[m.group(1).lower()], m.group(0))
    return found


@lru_cache(maxsize=32)
def _spoon_pattern(lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """The spoons' names of ``lang`` (longest first, any case, a plural or case ending -s, -n, -en allowed) and
    each one's symbol; in Arabic and Hebrew also the nouns that count them by themselves (``counted_noun_units``:
    the dual "ملعقتين صغيرتين", Hebrew "כף", a word of two letters and no abbreviation)."""
    try:
        names = {name: symbol for name, (symbol, _) in unit_names(lang).items()
                 if symbol in ("tsp", "tbsp") and len(name) > 2 and "{0}" not in name}
    except ValueError:  # a language Babel cannot read: no spoons known
        return None, {}
    names |= {noun: CLDR_UNITS[unit] for noun, unit in counted_noun_units(lang).items()
              if unit in ("volume-teaspoon", "volume-tablespoon")}
    if not names:
        return None, {}
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?:s|n|en)?(?!\w)", re.I), names


@lru_cache(maxsize=16)
def unit_names(lang: str) -> dict[str, tuple[str, str]]:
    """How ``lang`` writes the units of ``CLDR_UNITS`` after (or before) a number, in any of its regions (CLDR
    unit patterns by Babel, long, short and narrow, every plural form: "درجات", "degrees", "litres", "٪"), lower
    case -> (symbol, "after" | "before"). A one-letter name other than the symbol counts only as the language's
    short form (Ukrainian and Russian "л", "г", "м", Armenian "լ", Georgian "ლ"), where it abbreviates nothing
    else (``_not_a_unit``: Russian "2026 г." is the year); a narrow form of one letter is left out (Arabic "م" is
    a metre, p.m. or AD). Left out too: what ``UNIT_SYMBOLS`` already reads and a spelling two units share."""
    names: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()
    # the language as Babel merges it, and what each of its regions adds (en_001 "litres", ar_SA "لترات")
    for patterns in [Locale.parse(lang)._data["unit_patterns"],
                     *(data.get("unit_patterns", {}) for data in _regional_data(lang))]:
        for unit, symbol in CLDR_UNITS.items():
            for width, forms in patterns.get(unit, {}).items():
                for form, pattern in (forms.items() if isinstance(forms, Mapping) else ()):
                    before, zero, after = pattern.partition("{0}")
                    name, side = _unit_words(before, after)
                    if (form == "per" or not zero or not name or (side == "after" and name in UNIT_SYMBOLS)
                            or (len(name) == 1 and name.isalpha() and name.lower() != symbol.lower()
                                and not unspaced(name) and width != "short")):
                        continue
                    key = (symbol, side)
                    if names.setdefault(name.lower(), key) != key:
                        shared.add(name.lower())
    for name, unit in UNIT_NAMES_BEYOND_CLDR.get(lang, {}).items():
        key = unit if isinstance(unit, tuple) else (unit, "after")
        if names.setdefault(name, key) != key:
            shared.add(name)
    return {name: key for name, key in names.items() if name not in shared}


def _unit_words(before: str, after: str) -> tuple[str, str]:
    """The words of a CLDR unit pattern around its number (``{0} litres``, ``%{0}``, ``摂氏 {0} 度``) and where
    they stand: after, before, or "around" it (that one written ``摂氏{0}度``, without spaces)."""
    before, after = before.strip(), after.strip()
    if before and after:
        return f"{before}{{0}}{after}", "around"
    return (after, "after") if after else (before, "before")


# Languages that inflect a noun by suffixes written onto it (Turkish "39 derecenin üzerinde", "dereceden",
# "dereceyi"; Finnish "38 asteessa"; Hungarian "39 fokos"; Estonian "39 kraadini"): a unit name after a number
# counts with any suffix of letters there (``_unit_pattern``). A longer name is tried first, so a compound that is
# another unit ("metrekareden", m²) never reads as the shorter one ("metre", m) with a suffix; a word that only
# starts like a unit name and is none (Hungarian "fokhagyma", garlic) is listed as that language's word.
SUFFIXING = {lang: () for lang in GLOSSARY_SUFFIXING} | {"hu": ("fokhagym",)}
# Languages that decline a unit's name by case endings CLDR does not write: its Polish, Russian, Ukrainian and Czech
# have the nominative and the genitive a count takes ("250 mililitrów", "3 литра"), not the instrumental or the
# locative of "w 250 mililitrach", "z 3 litrami", "с 3 литрами", "ve 3 litrech" (fresh-user trial 42). A unit whose
# CLDR forms all start with one of them, the bare stem (gram, litr, грамм, літр: a hard-stem masculine noun), is read
# with the endings of that noun's cases, singular and plural, after Swan, *A Grammar of Contemporary Polish*
# ("litrze", "gramie"), Wade, *A Comprehensive Russian Grammar*, Pugh and Press, *Ukrainian: A Comprehensive
# Grammar*, and Naughton, *Czech: An Essential Grammar*; ``_unit_pattern`` reads them as ``SUFFIXING``'s suffixes,
# but only these endings, so that "3 litrami" is litres and a longer word that starts with a stem is not.
CASE_ENDINGS = {"pl": ("a", "u", "owi", "em", "ie", "ze", "y", "ów", "om", "ami", "ach", "i"),
                "ru": ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"),
                "uk": ("а", "у", "ові", "ом", "і", "и", "ів", "ам", "ами", "ах"),
                "cs": ("u", "e", "ě", "em", "y", "ů", "ům", "ech", "ích", "ami", "ovi", "i")}


def _case_stems(lang: str) -> list[str]:
    """The names of ``lang``'s units (``unit_names``, after a number) that are the stem of all the unit's forms of
    that word there, as ``CASE_ENDINGS`` declines them: Polish "litr" of "litr", "litra", "litry", "litrów"."""
    words: dict[str, list[str]] = {}
    for name, (symbol, side) in unit_names(lang).items():
        if side == "after" and len(name) >= 3 and name.isalpha():
            words.setdefault(f"{symbol} {name[:3]}", []).append(name)
    return [stem for forms in words.values() if all(form.startswith(stem := min(forms, key=len)) for form in forms)]


@lru_cache(maxsize=32)
def _unit_pattern(langs: tuple[str, ...], unspaced_text: bool = False) -> tuple[re.Pattern, dict[str, str]]:
    """A number's unit: a symbol (case as written) or a unit name of ``langs`` (any case, and an ending -s or -n,
    as in German "Litern"; with any suffix in a language of ``SUFFIXING``), right after the number or, where the
    language writes it so, right before it; with
    ``unspaced_text`` (a text with a character of a script written without spaces) also ``_unspaced_units``,
    which a text of Latin letters only is not searched with."""
    merged: dict[str, tuple[str, str]] = {}
    for lang in langs:
        for name, unit in unit_names(lang).items():
            merged[name] = unit if merged.get(name, unit) == unit else ("", "")
    names = {name: symbol for name, (symbol, _) in merged.items() if symbol}

    def alternatives(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    symbols = alternatives(UNIT_SYMBOLS)
    after = alternatives(n for n, (symbol, side) in merged.items() if symbol and side == "after"
                         and not unspaced(n[-1]))
    before = alternatives(n for n, (symbol, side) in merged.items() if symbol and side == "before"
                          and not unspaced(n[0]))
    suffixing = [lang for lang in langs if lang in SUFFIXING]
    inflected = alternatives(n for lang in suffixing for n, (symbol, side) in unit_names(lang).items()
                             if n in names and side == "after" and len(n) >= 3 and n[-1].isalpha())
    words = alternatives(word for lang in suffixing for word in SUFFIXING[lang])
    declining = [lang for lang in langs if lang in CASE_ENDINGS]
    stems = alternatives(stem for lang in declining for stem in _case_stems(lang) if stem in names)
    endings = alternatives(ending for lang in declining for ending in CASE_ENDINGS[lang])
    # one group for both: a suffixing language's name with any suffix, a declining one's stem with a case ending
    suffixed = "|(?P<inflected>" + "|".join(
        ([rf"(?!(?i:{words}))(?i:{inflected})(?=[^\W\d_]*)"] if suffixing else [])
        + ([rf"(?i:{stems})(?=(?i:{endings})(?![^\W\d_]))"] if declining else [])) + r")[^\W\d_]*" \
        if suffixing or declining else ""
    return re.compile(rf"(?<=\d)[{_SPACES}]?(?:(?P<symbol>{symbols})|(?P<after>(?i:{after}))(?:s|n)?{suffixed})"
                      rf"(?![^\W\d_{UNSPACED}])"
                      rf"|(?<![^\W\d_])(?P<before>(?i:{before}))[{_SPACES}]?(?=\d)"
                      + (_unspaced_units(merged) if unspaced_text else "")), names


def _unspaced_units(merged: Mapping[str, tuple[str, str]]) -> str:
    """The alternatives of ``_unit_pattern`` for unit words no word boundary marks: a name in a script written
    without spaces (``33度の``, ``2リットル``, ``섭씨 33도에서``), and a name around the number (``摂氏33度``, read
    whole as one unit, so that its ``度`` is no second one). "" for a language that has neither."""
    def alternatives(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    tight = alternatives(n for n, (symbol, side) in merged.items() if symbol and side == "after" and unspaced(n[-1]))
    lead = alternatives(n for n, (symbol, side) in merged.items() if symbol and side == "before" and unspaced(n[0]))
    around = "|".join(
        rf"(?<![^\W\d_{UNSPACED}]){re.escape(before)}[{_SPACES}]?{_DIGITS}[{_SPACES}]?{re.escape(after)}"
        for before, after in sorted((n.split("{0}") for n, (symbol, side) in merged.items()
                                     if symbol and side == "around"), key=lambda pair: -len("".join(pair))))
    return "".join([rf"|(?P<around>(?i:{around}))" if around else "",
                    rf"|(?<=\d)[{_SPACES}]?(?P<tight>(?i:{tight}))" if tight else "",
                    rf"|(?P<lead>(?i:{lead}))[{_SPACES}]?(?=\d)" if lead else ""])


@lru_cache(maxsize=64)
def _symbols(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The decimal and group symbols of ``lang`` (CLDR, by Babel) for Latin digits and for the language's native
    digits (Arabic ``٫`` and ``٬`` beside ``.`` and ``,``). Digits are grouped as in any region of the language,
    where that is no decimal symbol of ``lang``: German ``1.500`` and Swiss ``1'500``, French ``1 500`` and
    Luxembourg's ``1.500``. An apostrophe is either one (``1’500`` is typed ``1'500``), and every space groups,
    in every language (``10 000``, as the SI and DIN 5008 write numbers)."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except Exception:
        return frozenset("."), frozenset(",")
    systems = {"latn", locale.default_numbering_system, locale.other_numbering_systems.get("native", "latn")}
    decimals = frozenset(get_decimal_symbol(locale, numbering_system=ns) for ns in systems)
    groups = {get_group_symbol(locale, numbering_system=ns) for ns in systems}
    groups |= {symbols["group"] for data in _regional_data(locale.language)
               for ns, symbols in data.get("number_symbols", {}).items() if ns in systems and "group" in symbols}
    if groups & set(_APOSTROPHES):
        groups |= set(_APOSTROPHES)
    return decimals, frozenset(groups | set(_SPACES)) - decimals


@lru_cache(maxsize=64)
def _month_dates(lang: str) -> tuple[dict[str, int], re.Pattern | None]:
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except Exception:
        return {}, None
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                months[name.lower().rstrip(".")] = number
    names = "|".join(sorted((re.escape(n) for n in months), key=len, reverse=True))
    pattern = re.compile(rf"{_NO_WORD_BEFORE}.,])(\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s+({names})\.?\s+(\d{{4}})(?!\d)"
                         rf"|(?<!\w)({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
    return months, pattern


@lru_cache(maxsize=64)
def _month_first(lang: str) -> bool:
    """Whether ``lang`` writes a date of digits with the month first (CLDR's short date, by Babel: en and en-US
    ``M/d/yy``, en-GB ``dd/MM/y``)."""
    try:
        pattern = Locale.parse(lang.replace("-", "_")).date_formats["short"].pattern
    except Exception:
        return False
    month, day = pattern.find("M"), pattern.find("d")
    return 0 <= month < day


def _dates(text: str, lang: str, found: list) -> str:
    """Take full dates out first, so that 26.05.2026, 2. 5. 2024 and May 26, 2026 compare equal: each is
    ``date year-month-day``. Two numbers between slashes or hyphens (5/2/2024, 05-02-2024) are read in ``lang``'s
    order (``_month_first``: 5/2/2024 is 2 May in en-US and 5 February in en-GB), but for a first one that can be
    no month (26/5/2026)."""
    if not _YEAR.search(text):
        return text
    def take(spelling: str, day: str, month: int | str, year: str) -> str:
        found.append((f"date {year}-{int(month)}-{int(day)}", spelling))
        return " "

    def numeric(m: re.Match) -> str:
        if m.group("iso"):
            return take(m.group(), m.group("iso_day"), m.group("iso_month"), m.group("iso"))
        if m.group("day"):
            return take(m.group(), m.group("day"), m.group("month"), m.group("year"))
        month, day = m.group("first", "second") if _month_first(lang) else m.group("second", "first")
        if int(month) > 12 >= int(day):
            month, day = day, month
        return take(m.group(), day, month, m.group("year"))

    text = _NUMERIC_DATE.sub(numeric, text)
    months, pattern = _month_dates(lang)
    if pattern is None:
        return text
    return pattern.sub(lambda m: take(m.group(), m.group(1), months[m.group(2).lower()], m.group(3)) if m.group(1)
                       else take(m.group(), m.group(5), months[m.group(4).lower()], m.group(6)), text)


def _time(m: re.Match, found: list) -> str:
    """Clock times by value: 20 Uhr, 20:00, 20 h and 8 p.m. are all 20; 20.30 Uhr, 8:30 pm and 8.30 PM are
    20:30. Spelled without "Uhr", which names no number a translation has to keep."""
    suffix = (m.group("suffix") or "").lower()
    if not suffix and m.group("m") is None:
        return m.group()  # a plain number
    found.append((_clock(m.group("h"), m.group("m"), suffix), _CLOCK_WORD.sub("", m.group())))
    return " "


def _time_range(m: re.Match, found: list) -> str:
    """8–12 Uhr, 3 to 6 p.m., 8.30–9.45 Uhr: the clock word belongs to both ends. Minutes after a full stop only
    before Uhr or a.m./p.m.: 1.25–2.50 h is a span of decimal hours, its numbers read as such."""
    suffix = m.group("suffix").lower()
    if suffix == "h" and "." in m.group():
        return m.group()
    spelling = _CLOCK_WORD.sub("", m.group())
    found.append((_clock(m.group("h1"), m.group("m1"), suffix), spelling))
    found.append((_clock(m.group("h2"), m.group("m2"), suffix), spelling))
    return " "


def _clock(hour: str, minute: str | None, suffix: str) -> str:
    h, mins = int(hour), int(minute or 0)
    if suffix[:1] in ("a", "p"):
        h = h % 12 + (12 if suffix.startswith("p") else 0)
    return f"{h}" if mins == 0 else f"{h}:{mins:02d}"


_SEPARATOR = re.compile(rf"([{_SEPARATORS}])")
_DOTTED = re.compile(r"\d+(?:\.\d+)+")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_POINTS = frozenset(".,\u066b")  # read as a decimal separator where they group nothing


def _number(spelling: str, decimals: frozenset[str], groups: frozenset[str]) -> list[tuple[str, str]]:
    """One number as written in a language, or several where the separators cannot belong to one.

    A group separator of the language joins only groups of exactly three digits after a first group of one to
    three; where a space comes before a group of another length, the groups were never one number
    (``+49 761 555 0123``) and each is read on its own. A ``.`` or ``,`` that groups nothing is a decimal
    separator, whichever the language uses. Three or more parts joined by full stops are no decimal number in
    any language: groups of three (``1.250.000``) in every one, else compared as written
    (``192.168.0.1``, version ``2.6.32``)."""
    if spelling.count(".") > 1 and _DOTTED.fullmatch(spelling):
        return [(_canonical(spelling.replace(".", "")) if _DOT_GROUPED.fullmatch(spelling) else spelling, spelling)]
    chunks = _SEPARATOR.split(spelling)
    digits, seps = chunks[0::2], chunks[1::2]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(digits):
        j = i
        while j < len(seps) and seps[j] in groups and len(digits[j + 1]) == 3:
            j += 1
        spaced = j > i and any(sep in _SPACES for sep in seps[i:j])
        if spaced and (len(digits[i]) > 3 or (j < len(seps) and seps[j] in _SPACES)):
            j = i
        value = "".join(digits[i:j + 1])
        written = "".join(d + s for d, s in zip(digits[i:j], seps[i:j])) + digits[j]
        if j < len(seps) and (seps[j] in decimals or seps[j] in _POINTS):
            value += "." + digits[j + 1]
            written += seps[j] + digits[j + 1]
            j += 1
        out.append((_canonical(value), written))
        i = j + 1
    return out


def _canonical(digits: str) -> str:
    """``digits`` (and a ``.``) as one spelling of its value, every digit kept: the default context's 28
    significant digits made a 30-digit number equal to one differing in its last two."""
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return digits
    return format(value.normalize(DecimalContext(prec=max(len(digits), 28))), "f")


# --------------------------------------------------------------------------
# Running the checks
# --------------------------------------------------------------------------

def check_catalog(po: polib.POFile, ref: str, lang: str, slug: str, glossary: Glossary = Glossary(),
                  labels: frozenset[str] = frozenset(), text: str | None = None,
                  source_lang: str = "de", checks: list[Check] | None = None,
                  errors_only: bool = False, site_url: str = "",
                  published: Container[tuple[str, str]] = frozenset(),
                  renamed: Mapping[str, str] | None = None, held: str = "",
                  waivers: Mapping[str, Check] | None = None,
                  german: Callable[[], Container[tuple]] = frozenset,
                  languages: Iterable[str] = (),
                  english: Callable[[], tuple[str, Mapping[tuple, str]]] | None = None) -> list[Finding]:
    """Every finding in one catalog, in entry order (and after them ``draft_language_finding``'s, unless
    ``checks`` are given: a site.po's). ``languages``: the project's, which its drafts may read as. ``text`` is the file as read, for msgid line numbers.
    ``site_url``: ``[site] base_url``; links to the site itself are never foreign, and a link to one of
    its articles may name the article's page in the catalog's language where the site publishes it:
    ``published``, (lang, slug) of its pages (``SitePages``). ``renamed``: ``redirects.old_names`` of the
    site's German originals (``SitePages.renamed``), so that a link to ``<file name>.md`` of an article with its
    own ``slug:`` may become ``/<lang>/<slug>/``. ``held``: the thresholds the catalog's edition misses
    (``PlannedPages.held_back``), named beside a signed-off German copy (``check_unchanged``). ``waivers``: id ->
    ``Check`` of the checks an ``ignore-<id>`` line may name (default ``CHECKS_BY_ID``; a site.po's are
    ``SITE_CHECKS_BY_ID``). ``german()``: the (msgctxt, msgid) keys of the article's German as it is now, asked
    only for an entry signed off in bulk (``catalog.stale_sign_off_message``). ``english()``: the project's English
    code and the machine drafts of the article's English catalog by key, asked for only where there are machine
    drafts to judge (``draft_language_finding``).

    ``checks``: those to run (default ``CHECKS``); ``errors_only``: of them only the ones of severity
    error, all that an edition's QA gate (``blocked_keys``) looks at. An entry whose translation keeps the
    German's markup (``same_markup``) is not run through ``MARKUP_CHECKS``, which could find nothing in it. An
    entry holding msgcat's conflict markers gets the ``merge-conflict`` finding alone: the other checks would read
    its versions and marker lines as one translation (doubled spaces, three "?", twice the length).
    """
    lines = text.split("\n") if text is not None else []
    active = [e for e in po if not e.obsolete]
    # a glossary that forbids nothing in ``lang``, or keeps no term untranslated, gives those checks nothing to find
    idle = {check_glossary_forbidden: not any(term.forbidden.get(lang) for term in glossary.terms),
            check_glossary_dnt: not any(term.dnt for term in glossary.terms)}
    selected = [c for c in checks or CHECKS if (not errors_only or c.severity == ERROR) and not idle.get(c.function)]
    by_state = {state: [c for c in selected if state in c.states] for state in (*TEXT_STATES, UNTRANSLATED)}
    if errors_only:
        by_state[STALE] = []  # a translation of an older German gives warnings only (``_severity``)
    # the same checks without MARKUP_CHECKS, for an entry whose translation keeps the German's markup (same_markup)
    kept = {state: [c for c in run if c.function not in MARKUP_CHECKS] for state, run in by_state.items()}
    origins = _GermanOrigins(active, labels, site_url)
    states = [entry_state(e) for e in active]  # each entry's once: the count and the checks to run read it
    ctx = Context(lang, glossary, labels, source_lang, states.count(REVIEWED), origins, site_url=site_url,
                  published=published, renamed=renamed or {}, held=held, waivers=waivers or {},
                  recorded=lambda: getattr(published, "recorded_renames", {}), german=german)
    plain = replace(ctx, plain=True)
    findings: list[Finding] = []
    for entry, state in zip(active, states):
        run = by_state[state]
        entry_ctx = plain if entry.msgctxt in PLAIN_CONTEXTS else ctx
        if len(kept[state]) < len(run) and same_markup(text_parts(entry.msgid, entry_ctx),
                                                       text_parts(entry.msgstr, entry_ctx)):
            run = kept[state]
        if "#-#-#-#-#" in entry.msgstr and _MSGCAT_MARKER.search(entry.msgstr):  # versions: one finding says it
            run = [c for c in run if c.function is check_merge_conflict]
        elif state == MACHINE and german_draft(entry, entry_ctx):  # German text: one finding says it
            run = [c for c in run if c.function is check_unchanged]
        ignored = ignored_checks(entry) if run else frozenset()
        line = None
        for check in run:
            if check.id in ignored and check.waivable:
                continue
            for message in check.function(entry, entry_ctx):
                if line is None:
                    line = msgid_line(lines, entry.linenum) if lines else entry.linenum
                findings.append(Finding(ref, line, check.id, _severity(check, state), message, lang, slug,
                                        key(entry)))
    if checks is None:
        findings.extend(draft_language_finding(
            [e for e, state in zip(active, states) if state == MACHINE and not german_draft(e, ctx)],
            ref, lang, slug, lines, (source_lang, *languages, "en"), english))
    return findings


def english_drafts(config: Config, slug: str) -> tuple[str, dict[tuple, str]]:
    """The project's English code and the untouched machine drafts of ``slug``'s English catalog by key
    (``draft_language_finding``); none where the project has no English or the catalog cannot be read (its own
    findings say why)."""
    code = next((lang for lang in config.languages if lang.split("-")[0].lower() == "en"), None)
    if code is None:
        return "", {}
    path = config.po_path(code, slug)
    try:
        found = path.stat()
    except OSError:
        return code, {}
    return code, _machine_drafts(path, relpath(path, config.root), found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=16)
def _machine_drafts(path, ref: str, mtime_ns: int, size: int) -> dict[tuple, str]:
    """The untouched machine drafts of the catalog at ``path`` by key, read once for every language of an article
    that asks (the file as of ``mtime_ns`` and ``size``); none where it cannot be read."""
    try:
        text = _read(path, ref)
        po = parse_po(text, ref) if text is not None else None
    except VerlagError:
        return {}
    return {key(e): e.msgstr for e in po or () if not e.obsolete and machine_draft(e)}


def draft_language_finding(drafts: list[polib.POEntry], ref: str, lang: str, slug: str, lines: list[str],
                           candidates: tuple[str, ...],
                           english: Callable[[], tuple[str, Mapping[tuple, str]]] | None = None) -> list[Finding]:
    """A ``draft-language`` error when untouched machine drafts of ``drafts`` (``catalog.machine_draft``; no
    pseudo text, which ``pseudo-draft`` names) read as another language of ``candidates`` (the first: the source
    language) than ``lang``, judged as ``pretranslate`` judges a batch of answers (``draftlang.judge``: a long draft
    alone, the others together, ``MIN_WORDS`` and more), so that a few English drafts among French ones are named too.
    ``pretranslate`` refuses such answers now, but drafts stored before (an older verlag, a hand-pasted machine
    translation, batches too short to judge) would reach readers as ``lang`` under ``unreviewed = "machine"``. An
    error, so that the edition's QA gate shows the German for every one of them (``Finding.also``); one finding, at
    the first one's msgid line, naming the language most of them read as. Reviewed and hand-written entries are never
    judged: a person chose their words. A draft too short for that, word for word the machine draft of the same German
    in the article's English catalog (``english()``) and read as English (``draftlang.copied``), is named too, as
    ``pretranslate`` now refuses such answers ("Dosierung" drafted "the" into es as into en)."""
    drafts = [e for e in drafts if (origin := machine_draft(e)) and origin != "mt: pseudo"
              and not is_pseudo(e.msgstr, e.msgid)]
    if not drafts:
        return []
    from .draftlang import Copied, copied, judge
    from .stopwords import language_name

    verdicts = judge([e.msgstr for e in drafts], [e.msgid for e in drafts], lang, candidates[0], candidates)
    code, others = english() if english is not None else ("", {})
    if others:
        verdicts = [rival or (Copied(code) if others.get(key(e)) == e.msgstr != e.msgid and copied(e.msgstr, code)
                              else None) for e, rival in zip(drafts, verdicts)]
    drafts = [e for e, rival in zip(drafts, verdicts) if rival]
    if not drafts:
        return []
    rival = Counter(filter(None, verdicts)).most_common(1)[0][0]
    first = drafts[0]
    line = msgid_line(lines, first.linenum) if lines else first.linenum
    many = len(drafts) > 1
    why = (f"word for word the {language_name(rival)} catalog's machine {'drafts' if many else 'draft'} of the same "
           f"German" if all(isinstance(v, Copied) for v in verdicts if v) else
           f"the common words of {'their' if many else 'its'} text are {language_name(rival)} ones")
    said = (f"{counted(len(drafts), 'machine draft')} nobody reviewed {'read' if many else 'reads'} as "
            f"{language_name(rival)}, not {language_name(lang)} ({why}), the first here; the pages show the German in "
            f"{'their' if many else 'its'} place: set the engine right (its languages code, its model), then run "
            f"verlag pretranslate --redo-drafts --lang {lang} --article {slug}, or translate {'them' if many else 'it'}")
    return [Finding(ref, line, "draft-language", ERROR, said, lang, slug, key(first),
                    tuple(key(e) for e in drafts[1:]))]


class _GermanOrigins:
    """``Context.origins`` of a catalog, found when ``check_foreign_target`` first asks: the markup of every msgid
    is read for it (``parts``), which only an entry whose translation changed the German's markup needs; a catalog
    whose translations all keep it (or that has none yet) is never read for its origins."""

    def __init__(self, entries: list[polib.POEntry], labels: frozenset[str], site_url: str):
        self._entries, self._labels, self._site_url = entries, labels, site_url

    @cached_property
    def _found(self) -> frozenset[str]:
        german = {url for e in self._entries for url in parts(e.msgid, self._labels).addresses}
        return frozenset(filter(None, map(_origin, [*german, *getattr(self._labels, "destinations", ()),
                                                    self._site_url])))

    def __contains__(self, origin: object) -> bool:
        return origin in self._found


def _severity(check: Check, state: str) -> str:
    """``check``'s severity on an entry in ``state``; a warning on a STALE one. A translation of an older German
    is never published (every page shows the German there), so its findings are the reviewer's queue for the
    next sign-off, not errors that fail ``check``, as ``msgfmt --check`` passes a fuzzy entry it would fail
    signed off. But ``merge-conflict`` stays an error: msgcat's versions are no translation in any state, and the
    entry it marks fuzzy may have been stale before the merge; one ``msgattrib --clear-fuzzy`` publishes both."""
    return WARNING if state == STALE and check.function is not check_merge_conflict else check.severity


def check_site_catalog(po: polib.POFile, ref: str, lang: str, text: str | None = None) -> list[Finding]:
    """Findings of ``SITE_CHECKS`` in a ``site.po``; each plural form is checked as a translation of its own, knowing
    how many counts its Plural-Forms gives it (``counts``: a form for several must show the number)."""
    counts = _counts_per_form(po.metadata.get("Plural-Forms", ""))
    entries = []
    for entry in po:
        if not entry.msgid_plural:
            entries.append(entry)
            continue
        for n, form in sorted(entry.msgstr_plural.items()):
            single = polib.POEntry(msgid=entry.msgid if n == 0 else entry.msgid_plural, msgstr=form,
                                   msgctxt=entry.msgctxt, flags=list(entry.flags), obsolete=entry.obsolete)
            single.msgid_plural, single.msgid, single.linenum = entry.msgid_plural, entry.msgid, entry.linenum
            single.counts = counts.get(n, 0)
            entries.append(single)
    findings = check_catalog(entries, ref, lang, "site", text=text, checks=SITE_CHECKS,
                             waivers=SITE_CHECKS_BY_ID)
    return findings + _partial_plurals(po, ref, lang, text)


def _counts_per_form(plural_forms: str) -> Counter:
    """How many of ``catalog.PROBED``'s counts each form index of a Plural-Forms header value serves (its
    ``plural=`` expression read by Python's gettext, as the build reads it); empty for a header without an expression
    that can be read or that divides by zero (``_partial_plurals`` and the build report those)."""
    import gettext

    expression = re.search(r"(?<!\w)plural\s*=\s*([^;]+)", plural_forms)
    if expression is None:
        return Counter()
    try:
        plural = gettext.c2py(expression.group(1))
        return Counter(plural(n) for n in PROBED)
    except (ValueError, ArithmeticError, RecursionError):
        return Counter()


def _partial_plurals(po: polib.POFile, ref: str, lang: str, text: str | None) -> list[Finding]:
    """A ``plural-forms`` warning at each plural message of a site.po (not fuzzy: msgfmt passes over those) whose
    forms do not match its Plural-Forms' nplurals, which GNU msgfmt --check refuses the catalog over: some forms
    translated and others empty or missing, or more ``msgstr[n]`` than nplurals (a reviewer's ``msgstr[2]`` in a
    language of two forms). Each says what the page shows (``_shown``) and what ``extract`` does: it marks the
    former fuzzy and drops the latter."""
    from .uistrings import plural_rule

    lines = text.split("\n") if text is not None else []
    try:
        plural = plural_rule(po)  # what the build compiles: a header gettext refuses was the build's error alone
        count = nplurals(po.metadata.get("Plural-Forms", "")) or 0
    except ValueError as exc:  # the build shows verlag's own words for the language (uistrings.load_translations)
        line = next((n for n, said in enumerate(lines, 1) if said.startswith('"Plural-Forms:')), 1)
        return [Finding(ref, line, "plural-forms", ERROR, f"Plural-Forms: {exc}; the pages show verlag's own words "
                        "for the language (verlag build names it too); verlag extract writes the header for the "
                        "language", lang, "site", (None, ""))]
    found = []
    for entry in po:
        if entry.obsolete or entry.fuzzy or not entry.msgid_plural:
            continue
        forms = entry.msgstr_plural
        line = msgid_line(lines, entry.linenum) if lines else entry.linenum
        asked = count or len(forms)
        if missing := [n for n in untranslated_forms(forms, count) if n < asked]:
            found.append(Finding(ref, line, "plural-forms", WARNING,
                                 f"msgstr[{'], msgstr['.join(map(str, missing))}] not translated of the {asked} "
                                 f"forms its Plural-Forms asks for: {_shown(forms, missing, plural)}; GNU msgfmt "
                                 "--check refuses the catalog; translate each form (verlag extract marks the message "
                                 "fuzzy until then, and from then on the page shows the English words for every "
                                 "count)",
                                 lang, "site", key(entry)))
        if count and (extra := sorted(n for n in forms if n >= count)):
            shown = ("no count shows it" if all(forms.values()) else
                     "the page shows the English words for every count (an empty form leaves it untranslated)")
            texts = ", ".join(f"msgstr[{n}] {excerpt(forms[n])!r}" for n in extra)
            found.append(Finding(ref, line, "plural-forms", WARNING,
                                 f"{texts}: {'a form' if len(extra) == 1 else 'forms'} beyond the {count} its "
                                 f"Plural-Forms has (msgstr[0] to msgstr[{count - 1}]): {shown}, and GNU msgfmt --check refuses the catalog "
                                 f"(\"some messages have {len(forms)} plural forms\"); delete "
                                 f"{'it' if len(extra) == 1 else 'them'} (verlag extract drops "
                                 f"{'it' if len(extra) == 1 else 'them'} and says so)",
                                 lang, "site", key(entry)))
    return found


def _shown(forms: dict[int, str], missing: list[int], plural) -> str:
    """What the page shows of a plural message whose forms ``missing`` are empty or absent (``plural``: its
    Plural-Forms as the build reads it): with a form empty, the English words for every count (the compiled
    catalog leaves the message out, as polib does an untranslated one); with them only absent, each translated form for its counts and the English
    words for the counts of the absent ones (gettext finds no text for them), which it names."""
    if not all(forms.values()):
        return "the page shows the English words for every count"
    counts = [n for n in range(1000) if plural(n) in missing]
    named = ", ".join(map(str, counts[:4])) + (", …" if len(counts) > 4 else "")
    return f"the page shows the English words for {named} and the translation for the other counts"


def site_catalog_findings(config: Config, lang: str) -> list[Finding]:
    """The findings of ``lang``'s ``site.po`` (``check_site_catalog``: its placeholders, markup, plural forms), none
    where it has none; a site.po that cannot be read raises ``VerlagError`` naming it (and its line). What ``check``
    and ``status`` say of the website's words."""
    from .uistrings import site_po_path

    path = site_po_path(config, lang)
    ref = relpath(path, config.root)
    text = _read(path, ref, SITE_WORDS)
    return [] if text is None else check_site_catalog(parse_po(text, ref), ref, lang, text)


def run_checks(config: Config, languages: list[str] | None = None, slugs: list[str] | None = None,
               strict: bool = False, progress=None, sources: Sources | None = None
               ) -> tuple[list[Finding], list[VerlagError]]:
    """Check every article's catalog and each language's ``site.po`` (``check_site_catalog``, unless only
    some articles are asked for); unreadable articles and catalogs, a published article's alias that is no
    address (``sources.read_aliases``), checks that fail on one, the references to files that stop a build
    (``media.Media.errors``: a path leaving source_de/, a symlink out of it, a named pipe, names that differ only in
    their Unicode normalization, a file over ``limits.MEDIA``) and the mistakes in verlag.toml that stop a build
    (``site.settings_errors``) are errors naming the file and line; the rest is still checked. A German source
    (no draft) still holding ``init``'s ``[[AUSFÜLLEN: ...]]`` placeholders is an ``unfilled`` error finding at
    each one's line: ``build`` leaves that page out (``practice.unfilled``).
    ``progress()`` is called per article. ``sources``: ``read_sources(config)`` when the caller has it.

    A broken glossary raises: without it the terminology checks would pass wrongly.
    """
    from .site import settings_errors

    glossary = load_glossary(config.translations_dir, config.root)
    findings: list[Finding] = []
    sources = read_sources(config) if sources is None else sources
    pages = PlannedPages(config, sources, glossary)  # as the build will publish them, not as the last one did
    templates = Templates(config)
    errors: list[VerlagError] = sources.errors_about(slugs)
    errors += [e for a in [*sources.articles, *sources.german_only] if not a.draft and (not slugs or a.slug in slugs)
               for e in read_aliases(a)[1]]  # an old address build cannot redirect; clashes need the site stage
    for article in sources.articles:
        if progress:
            progress()
        if slugs and article.slug not in slugs:
            continue
        labels = None
        english = partial(english_drafts, config, article.slug)  # read once an article (``_machine_drafts``)
        for lang in languages or config.languages:
            path = config.po_path(lang, article.slug)
            ref = relpath(path, config.root)
            if (copy := pending(config, lang, article.slug)) is not None:
                said = pending_message(ref, copy).partition(": ")[2]
                findings.append(Finding(ref, 1, "catalog-restore", WARNING, said, lang, article.slug, (None, "")))
                continue
            try:
                text = _read(path, ref)
                if text is None:
                    continue
                po = parse_po(text, ref)
            except VerlagError as exc:
                errors.append(exc)
                continue
            # a record a tool dropped, as the next extract gives it back
            restore_sign_offs(po, lambda: last_extract(config, lang, article.slug, text.encode("utf-8")))
            with contain(article.ref, f"checking {ref}", errors):
                if labels is None:
                    labels = reference_labels(article)
                held = pages.held_back((lang, article.slug), UNTRANSLATED_PAGE) if german_copies(
                    po, lang, glossary, labels) else ""
                findings.extend(check_catalog(po, ref, lang, article.slug, glossary, labels, text,
                                              config.source_language, site_url=config.site_url, published=pages,
                                              renamed=pages.renamed, held=held,
                                              german=partial(german_keys, config, article),
                                              languages=config.languages,
                                              english=english if lang.split("-")[0] != "en" else None))
            findings.extend(header_findings(po, ref, lang, article.slug, text))
            findings.extend(rival_findings(po, ref, lang, article.slug, text))
            findings.extend(legal_page_findings(config, po, ref, lang, article.slug))
            findings.extend(pseudo_draft_findings(config, po, ref, lang, article.slug, text, pages))
            findings.extend(tm_difference_findings(config, po, ref, lang, article.slug, text, pages))
            try:
                drift = templates.drift(article.slug, po,
                                        lambda: last_extract(config, lang, article.slug, text.encode("utf-8")))
            except NotAFile as exc:  # a named pipe or a link out of the project in the template's place: named once
                errors += [exc] if str(exc) not in map(str, errors) else []
                drift = None
            if drift:
                findings.extend(drift_findings(drift, po, ref, lang, article.slug, article.ref, text))
            if getattr(po, "trailer", "") and (cut := own_words(po.trailer)[1]):  # extract drops them
                findings.append(Finding(ref, cut_off_line(text.split("\n"), cut), "catalog-outdated", WARNING,
                                        cut_off_message(cut, "verlag extract drops them"), lang, article.slug,
                                        (None, "")))
            if found := older_copy(po, lambda: last_extract(config, lang, article.slug, text.encode("utf-8")),
                                   *((drift.missing, drift.german) if drift else ())):
                findings.append(Finding(ref, entry_line(text.split("\n"), found[0][0]), "catalog-outdated",
                                        WARNING, older_copy_message(ref, found, text), lang, article.slug,
                                        (None, found[0][0].msgid)))
    templates.save()
    # sign-offs the last git commit holds that a catalog put back lost (``committed``: nothing without git)
    findings.extend(Finding(lost.ref, lost.line, LOST_CHECK, WARNING, lost.message, lost.lang, lost.slug,
                            lost.entry_key)
                    for lost in lost_sign_offs(config, languages, slugs))
    changed = changed_since_extract(config, [a for a in sources.articles if not slugs or a.slug in slugs])
    findings.extend(Finding(article.ref, 1, "german-changed", WARNING, GERMAN_CHANGED,
                            config.source_language, article.slug, (None, ""))
                    for article in sources.articles if article.slug in changed)
    moved = moved_since_extract(config, [a for a in sources.articles if (not slugs or a.slug in slugs)
                                         and a.slug not in changed])
    findings.extend(Finding(article.ref, 1, "german-moved", WARNING, moved_message(article, moved[article.slug]),
                            config.source_language, article.slug, (None, ""))
                    for article in sources.articles if article.slug in moved)
    if not slugs:  # a kept catalog of a deleted article is read by the translation memory: damage is an error
        kept = find_orphans(config, {a.slug for a in sources.articles} | sources.unreadable)
        errors += unreadable(config, [path for lang in languages or config.languages for path in kept[lang]])
    for lang in [] if slugs else languages or config.languages:
        try:
            findings.extend(site_catalog_findings(config, lang))
        except VerlagError as exc:
            errors.append(exc)
    media = _media_of(config, sources, slugs, errors)  # the files the articles reference, as the build finds them
    said = set(map(str, errors))  # a reference build refuses (out of source_de/, a named pipe, name twins, too large)
    errors += [exc for exc in media.errors if str(exc) not in said]
    findings.extend(image_variant_findings(config, sources, languages or config.languages, slugs, errors, media))
    findings.extend(media_findings("media-case", media.clashes, config))
    findings.extend(media_findings("heavy-image", media.heavy, config))
    findings.extend(media_findings("missing-file", media.missing, config))
    findings.extend(Finding(article.ref, line, "html-block", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article in sources.articles if not slugs or article.slug in slugs
                    for line, message in html_block_warnings(article))
    clean = config.section("site").get("german_html") == "clean"
    # a Markdown image on the old blog's host is old-site's to name, with the advice that settles both (save it
    # into source_de/); said twice, once with german_html's advice, which fits no Markdown image (trial 20)
    old = old_hosts([*sources.articles, *sources.german_only], config.site_url)
    findings.extend(Finding(article.ref, line, "active-html", WARNING, active_message(shown, clean),
                            config.source_language, article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, found in active_html(article.body, article.body_line, config.site_url)
                    if (shown := [item for item in found if not (item.startswith(IMAGE_FROM)
                                                                  and site_host(item[len(IMAGE_FROM):]) in old)]))
    findings.extend(Finding(article.ref, line, "refused-link", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, message in refused_links(article.body, article.body_line))
    findings.extend(Finding(article.ref, line, "plain-markup", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, message in german_plain_markup(article))
    findings.extend(Finding(article.ref, line, check, severity, message, config.source_language, article.slug,
                            (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for check, severity, lines in (("control-character", ERROR, sorted(
                                                       control_lines(article.text) + lost_lines(article.text))),
                                                   ("invisible-character", WARNING, hint_lines(article.text)))
                    for line, message in lines)
    day = schedule.today(config.zone)  # the site's day, which the schedule publishes by
    findings.extend(Finding(article.ref, line, "front-matter", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, message in front_matter_warnings(article, day))
    reviews = [(article, textchanged.review_warnings(config, article))
               for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs]
    findings.extend(Finding(article.ref, outdated.line, "review-outdated", WARNING, outdated.message,
                            config.source_language, article.slug, (None, ""))
                    for article, (outdated, _) in reviews if outdated)
    findings.extend(Finding(article.ref, behind.line, "updated-behind", WARNING, behind.message,
                            config.source_language, article.slug, (None, ""))
                    for article, (_, behind) in reviews if behind)
    findings.extend(Finding(article.ref, line, "same-title", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article, line, message in same_titles([*sources.articles, *sources.german_only])
                    if not slugs or article.slug in slugs)
    # an error where the site publishes the page in German (no draft, no day to come, no placeholder left), whose
    # readers would get the tag as text, as publish counts it; a warning in what is not published yet
    findings.extend(Finding(article.ref, line, "template-tag",
                            WARNING if article.draft or unfilled(article) else ERROR,
                            template_tag_warning(tag, kind), config.source_language, article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, tag, kind in template_tags(article))
    findings.extend(Finding(article.ref, line, "image-alt", WARNING,
                            f"image {src} has no alt text: a reader who cannot see it (a screen reader, images "
                            "off) gets nothing from it, and its translations have nothing to say; describe it in "
                            "its ![…] (a decorative image: a short description all the same)",
                            config.source_language, article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, src in images_without_alt(article))
    findings.extend(Finding(article.ref, line, "note-syntax", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article in sources.articles if not slugs or article.slug in slugs
                    for line, message in note_syntax(article.body, article.body_line, article.title))
    findings.extend(Finding(article.ref, line, "number-list", WARNING, message, config.source_language,
                            article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only] if not slugs or article.slug in slugs
                    for line, message in number_lines(article.body, article.body_line))
    findings.extend(Finding(article.ref, line, "unfilled", ERROR, unfilled_message(placeholder),
                            config.source_language, article.slug, (None, ""))
                    for article in [*sources.articles, *sources.german_only]
                    if not article.draft and (not slugs or article.slug in slugs)
                    for line, placeholder in unfilled(article))
    findings.extend(article_link_findings(config, sources, slugs, errors))
    findings.extend(fragment_findings(config, sources, slugs))
    findings.extend(gone_language_findings(config))  # about the project, not an article: said in every run
    findings.extend(Finding(CONFIG_NAME, line, "base-url", WARNING, message, config.source_language, "", (None, ""))
                    for line, message in filter(None, [config.base_url_problem()])
                    if not languages and not slugs and "base_url" in config.section("site"))
    # (a verlag.toml without base_url, as one made by hand to try things out: the build's note says it)
    findings.extend([] if slugs else gone_address_findings(config, sources))
    findings.extend(old_site_findings(config, sources, slugs, errors))
    errors += [] if slugs else moved_errors(config, sources)
    said = set(map(str, errors))  # a settings mistake that left links to the site's pages unjudged: said once
    errors += [e for e in settings_errors(config, sources) if str(e) not in said]
    said = set(map(str, errors))  # a failing check of a page's catalog fails its edition too: said once
    errors += [failure for failure in pages.failures if str(failure) not in said]
    if strict:
        findings = [replace(f, severity=ERROR) for f in findings]
    return findings, errors


def pseudo_draft_findings(config: Config, po: polib.POFile, ref: str, lang: str, slug: str,
                          text: str | None = None,
                          published: Container[tuple[str, str]] | None = None) -> list[Finding]:
    """One warning per catalog whose fuzzy ``pseudo`` drafts readers get as they are: under ``[publish]
    unreviewed = "machine"`` (not on a legal page, which shows only reviewed text), on a page the site publishes
    (``published``: (lang, slug) of the pages the next build publishes, ``PlannedPages``; None counts every page:
    a ``draft: true`` article's page is none). The pseudo engine is a layout test (README, "Engines"): ``build``
    shows its drafts so that layouts can be seen, and ``verlag publish`` refuses to publish them. At the line of
    the first such msgid (``text``: the file as read)."""
    if config.unreviewed_for(lang, slug) != "machine":
        return []
    pseudo = [e for e in po if not e.obsolete and entry_state(e) == MACHINE and not hand_draft(e)
              and is_pseudo(e.msgstr, e.msgid)]
    if not pseudo or (published is not None and (lang, slug) not in published):
        return []
    line = msgid_line(text.split("\n"), pseudo[0].linenum) if text is not None else pseudo[0].linenum
    return [Finding(ref, line, "pseudo-draft", WARNING,
                    f"{counted(len(pseudo), 'pseudo draft')} (the pseudo engine's layout test, no translation) "
                    f"{'is' if len(pseudo) == 1 else 'are'} shown to readers under [publish] unreviewed = "
                    "\"machine\"; verlag publish refuses to publish them: draft with a real engine "
                    "(verlag pretranslate --redo-drafts) or translate them", lang, slug, key(pseudo[0]))]


def tm_difference_findings(config: Config, po: polib.POFile, ref: str, lang: str, slug: str,
                           text: str | None = None,
                           published: Container[tuple[str, str]] | None = None) -> list[Finding]:
    """A ``tm-difference`` warning at each untouched ``tm`` draft (``catalog.machine_draft``) whose origin line names
    German words the matched translation was not made for (``tm: 78% from knie (German differs: 'Knie' ->
    'Hüfte')``, ``tm.differences``), where readers get it: under ``[publish] unreviewed = "machine"`` on a page the
    site publishes (``published`` as for ``pseudo_draft_findings``; not a legal page, which shows only reviewed
    text). Such a draft may carry the other sentence's noun, number or negation onto the page, and nothing else on the
    page says so. Gone once a reviewer edits the draft or signs it off."""
    if config.unreviewed_for(lang, slug) != "machine" or (published is not None and (lang, slug) not in published):
        return []
    lines = text.split("\n") if text is not None else []
    found = []
    for entry in po:
        if entry.obsolete or TM_DIFFERS not in (entry.tcomment or "") or entry_state(entry) != MACHINE:
            continue
        origin = machine_draft(entry)
        if not origin or not origin.startswith("tm: ") or TM_DIFFERS not in origin:
            continue
        if tm_negation(origin):  # an error of the QA gate (tm-negation): readers get the German there
            continue
        score, _, differs = origin[len("tm: "):].removesuffix(")").partition(TM_DIFFERS)
        line = msgid_line(lines, entry.linenum) if lines else entry.linenum
        found.append(Finding(ref, line, "tm-difference", WARNING, tm_difference_message(score, differs, entry.msgstr,
                                                                                        lang), lang, slug, key(entry)))
    return found


# One difference of a ``tm:`` line (``tm.differences``): "'400' -> '600'", "added 'nicht'", "dropped 'morgens'"
def tm_difference_message(score: str, differs: str, draft: str, lang: str) -> str:
    """What a ``tm-difference`` warning says of a draft made from another German sentence, by what is true of it: the
    German that differs (``differs``, the ``tm:`` line's) and that the draft came from that other sentence; a
    changed number the draft already has (``tm`` put the new one in: "'400' -> '600'", the draft says "600 mg") as
    there, with the words around it to check ("1 tablet" before a "2"); one it still has the old number for, and a
    changed word, as what the draft may still say wrongly. It said "with the old meaning" of every such draft, of
    one with the new number too (numF)."""
    said = {v.split("#")[0] for v in numbers(draft, lang)}
    new_there, old_there, words = [], [], []
    for _, before, after in tm_changes(differs):
        now = [v.split("#")[0] for v in numbers(after, "de")]
        if re.search(r"[^\W\d_]", before + after) or not (before and after):
            words.append(f"it may still translate {before!r} where the German now says {after!r}" if before and after
                         else f"it may lack {after!r}" if after else
                         f"it may still translate {before!r}, which the German no longer says")
        elif now and all(v in said for v in now):
            new_there.append(after)
        elif any(v.split("#")[0] in said for v in numbers(before, "de")):
            old_there.append(f"the draft still has {before} where the German now says {after}")
        else:
            words.append(f"it may still translate {before!r} where the German now says {after!r}")
    where = [*(["the draft has the new " + ", ".join(new_there)] if new_there else []), *old_there, *words]
    todo = (f"correct {excerpt(draft)!r} where it does" if old_there or words
            else f"check that the rest of {excerpt(draft)!r} fits it (\"1 tablet\" before a \"2\")")
    return (f"translation memory draft ({score}) came from a different German sentence ({differs}): "
            f"{'; '.join(where)}; readers see it under [publish] unreviewed = \"machine\": {todo} and sign it off")


def rival_findings(po: polib.POFile, ref: str, lang: str, slug: str, text: str | None = None) -> list[Finding]:
    """A ``rival-translation`` warning at the ``#~ msgid`` line of each obsolete entry that holds the translation
    of a changed sentence's old German that did not go live (``catalog.waiting_rivals``: two reviewers' texts, the
    other one live in the changed sentence). ``extract`` and the merge driver say so once; a reviewer who missed
    that would never learn that a choice waits, since obsolete entries are never checked otherwise. Names the live
    entry (its line and German) and what to do."""
    found = []
    lines = text.split("\n") if text is not None else []
    for gone, live in waiting_rivals(po):
        line = obsolete_msgid_line(lines, gone.linenum) if lines else gone.linenum
        said = (f"{excerpt(gone.msgstr)!r}, a second translation of {excerpt(gone.msgid)!r}, is kept here as an "
                "obsolete entry (#~): ")
        if live is None:
            said += ("its German changed, and no entry of the catalog is like that German any more; copy what you "
                     "need, then delete this #~ entry")
        else:
            where = msgid_line(lines, live.linenum) if lines else live.linenum
            # fuzzy, that text is no more live than this one: the page shows the German there (trial 39)
            said += (f"{excerpt(live.msgstr)!r} is the translation of its changed sentence {excerpt(live.msgid)!r} "
                     f"at line {where}, fuzzy (the page shows the German there until one is signed off)"
                     if live.fuzzy else
                     f"{excerpt(live.msgstr)!r} went live in its changed sentence {excerpt(live.msgid)!r} at line "
                     f"{where}")
            said += ("; choose one, sign it off there (copy this text over first if it is the one), then delete this "
                     "#~ entry")
        found.append(Finding(ref, line, "rival-translation", WARNING, said, lang, slug, key(gone)))
    return found


def legal_page_findings(config: Config, po: polib.POFile, ref: str, lang: str, slug: str) -> list[Finding]:
    """A warning on a legal page's catalog (``[site] legal``) whose fuzzy entries readers would see as they are
    under ``[publish] unreviewed = "machine"``, but do not: a legal page shows only reviewed translations and
    German for the rest (``Config.unreviewed_for``). Empty under ``unreviewed = "source"``, where every page
    does so."""
    if not config.legal_page(slug) or config.unreviewed_for(lang) != "machine":
        return []
    fuzzy = sum(entry_state(e) == MACHINE for e in po if not e.obsolete)  # a STALE one is German on every page
    if not fuzzy:
        return []
    return [Finding(ref, 1, "legal-page", WARNING,
                    f"legal page: its {counted(fuzzy, 'unreviewed translation')} {'is' if fuzzy == 1 else 'are'} "
                    "shown in German, whatever [publish] unreviewed says (an unchecked translation of an Impressum "
                    "or privacy notice is no legal text); review and sign them off to publish them", lang, slug,
                    (None, ""))]


def fragment_findings(config: Config, sources: Sources, slugs: list[str] | None) -> list[Finding]:
    """A ``fragment`` warning at each in-page ``#x`` link of the German sources (``slugs``: only theirs; None:
    all) whose page has no element with that id (``fragments.dangling``), and at each link to a published article's
    file whose fragment names nothing on that article's page (``fragments.missing_in``: a heading renamed there).
    An article whose links cannot be read (markdown-it's parse limits) is left out here: ``article_link_findings``
    says why, at its line. The ids around the body are those of the project's templates (``fragments.page_ids``).
    A translation's links are the German's (``link-target``), so this names each in the German only."""
    from .fragments import PageIds, into_articles, missing_in, page_ids, page_template, target_ids
    from .uistrings import theme_dirs

    theme = theme_dirs(config)
    published = {a.slug: a for a in (*sources.articles, *sources.german_only) if not a.draft}
    renamed = old_names(published.values())
    ids: dict[str, list[list[str]] | None] = {}  # slug -> its body's ids, once a link asks for them
    templates: dict[str, PageIds] = {}  # template name -> its ``page_ids``
    findings = []
    for article in [*sources.articles, *sources.german_only]:
        if slugs and article.slug not in slugs:
            continue
        try:
            references = stored_references(config, article)
        except VerlagError:
            continue
        found = dangling(article, references, theme)
        for line, url, slug in into_articles(references, lambda name: file_slug(renamed, name)):
            if (target := published.get(slug)) is None:
                continue  # a link to no published article: article-link says so
            if slug not in ids:
                ids[slug] = target_ids(target)
            template = page_template(target)
            if template not in templates:
                templates[template] = page_ids(theme, template)
            if ids[slug] is not None and (message := missing_in(url, slug, ids[slug], templates[template])):
                found.append((line, message))
        findings += [Finding(article.ref, line, "fragment", WARNING, message, config.source_language, article.slug,
                             (None, "")) for line, message in sorted(found, key=lambda item: item[0])]
    return findings


def moved_errors(config: Config, sources: Sources) -> list[VerlagError]:
    """What ``build`` refuses at a line of redirects.txt (``moved.read_moved``, ``moved.moved_outputs``), in its
    words, before a build: a line that is no pair of paths, an old path given twice or that no browser requests; a
    new path the build makes no page or file at (no published article's page, nor a language's index or feed, nor
    a file of the site; an old address, a loop back to one, included); an old path outside ``base_url``'s; and an
    old path the build answers itself (``moved.answering``: a published German article's page, a language's index
    or feed, the front page, a file of static/ or media/, the search index, an article's ``aliases:``), which the
    redirect would replace. A translation's page counts where it is published, which only the build knows: it says
    so then."""
    from .practice import unfilled_errors
    from .site import Urls, load_site_state, previous_media, site_image, static_names

    errors: list[VerlagError] = []
    moved = read_moved(config, errors)
    if not moved:
        return errors
    published = [a for a in (*sources.articles, *sources.german_only) if not a.draft]
    gaps = unfilled_errors(published)  # pages build leaves out until their placeholders are filled in
    names = {a.slug for a in published if a.slug not in gaps}
    urls, codes, source = Urls(config.site_url), (config.source_language, *config.languages), config.source_language
    static = static_names(config, config.section("site").get("search", True) is not False)
    media = collect_media(config.source_dir, [a for a in published if a.slug not in gaps], languages=config.languages,
                          copied=site_image(config), previous=previous_media(load_site_state(config)),
                          keeping=bool(sources.unreadable)).copied
    made = [urls.file(urls.path(kind, source)) for kind in ("index", "feed", "404")] \
        + [urls.file(urls.path("article", source, slug)) for slug in names] \
        + [urls.file(urls.path(kind)) for kind in ("root", "sitemap", "robots")] \
        + [urls.file(urls.path("static", name=name)) for name in static] \
        + [urls.file(urls.path("media", name=name)) for name in media]
    aliases = [alias for a in published for alias in read_aliases(a)[0] if alias.startswith(urls.base_path)]
    made += [rel for alias in aliases if (rel := page_file(alias, urls))]  # each alias's redirect page
    files, own = frozenset(made), {rel.casefold(): rel for rel in made}
    folders = {rel[:i].casefold(): rel[:i] for rel in own.values() for i, char in enumerate(rel) if char == "/"}
    aliased = {alias.casefold() for alias in aliases}
    for m in moved:
        page = urls.page_address(m.new, codes)
        if not m.new.startswith(urls.base_path) or "?" in m.new or "#" in m.new \
                or not (urls.file(m.new) in files  # an alias's redirect page leads on to its article
                        or (page[1] in names if page else urls.serves(m.new, codes, static, media))):
            errors.append(VerlagError(no_page_message(m.new), MOVED_FILE, m.line))
        elif not m.old.startswith(urls.base_path):
            errors.append(VerlagError(outside_message(m.old, urls.base_url), MOVED_FILE, m.line))
        elif taken := answering(m.old, urls.file(m.new).lower().endswith(HTML_SUFFIXES), urls, own, folders,
                                aliased)[1]:
            errors.append(VerlagError(answered_message(m.old, taken), MOVED_FILE, m.line))
    return errors


def article_link_findings(config: Config, sources: Sources, slugs: list[str] | None,
                          errors: list[VerlagError]) -> list[Finding]:
    """A warning at the German file and line for each link of a published original to an article that is
    not published (deleted, renamed without an alias naming its old address, a draft) and each
    root-relative link to a path the site will not have (no article, alias or file verlag publishes there):
    the link would not work in any edition (``media.article_link_problem``, which ``build`` says too). An article
    that cannot be read now counts as published where the last build's German page of it is there (the build
    keeps it). A full URL on base_url's own host, in a Markdown link or image or in raw HTML (``<img src>``,
    ``srcset``, ``<a href>``: ``media.judged_addresses``), is judged as its path. Only originals whose text names a
    ``.md`` file, a root path or that host are parsed; one that cannot be is appended to ``errors`` unless an error
    of the same words is there.

    A link that leads to an article only through a rename verlag knows (``renames.link_names``: the old file
    ``alt.md`` of a renamed article) is a ``renamed-link`` warning instead: the pages link the article, but only
    while its template records the rename (``renames.committed``), or, for one only the build found, while
    ``.verlag/`` remembers it, which git leaves out; it names the file to link instead. A page that
    still holds ``init``'s ``[[AUSFÜLLEN: …]]`` placeholders is not published either (``build`` leaves it out until
    they are filled in): a link to it says so."""
    from .practice import unfilled_errors
    from .site import Urls, load_site_state, previous_media, site_image, static_names

    published = [a for a in (*sources.articles, *sources.german_only) if not a.draft]
    gaps = unfilled_errors(published)  # pages build leaves out until their placeholders are filled in
    names, renamed = {a.slug for a in published if a.slug not in gaps}, old_names(published)
    renames: list[dict[str, str]] = []  # [old slug -> slug, old names with them], once a link needs them
    by_slug = {a.slug: a for a in published}
    urls, codes = Urls(config.site_url), (config.source_language, *config.languages)
    names |= {slug for slug in sources.unreadable
              if (config.site_dir / urls.file(urls.path("article", config.source_language, slug))).is_file()}
    moved = moved_paths(config)  # the old site's addresses redirects.txt answers
    static = static_names(config, config.section("site").get("search", True) is not False)
    copied: list[frozenset[str]] = []  # the files the build copies to the site's media/, once a link there needs them

    def media(path: str) -> set[str] | None:
        if urls.media_name(path) is None:
            return None
        if not copied:  # as the build: not the files of a page it leaves out for placeholders, the last build's
            # files while it keeps a page as that build made it
            copied.append(collect_media(config.source_dir, [a for a in published if a.slug not in gaps],
                                        languages=config.languages, scan=references_or_none,
                                        copied=site_image(config), previous=previous_media(load_site_state(config)),
                                        keeping=bool(sources.unreadable)).copied)
        return copied[0]

    def references_or_none(article: Article) -> list[tuple[str, int]]:
        """An article's references; none for one that cannot be parsed, whose error its own links' reading says."""
        with contain(article.ref, "reading its links", []):
            return stored_references(config, article)
        return []

    served = (lambda path: urls.serves(path, codes, static, media(path)) or old_path(path) in moved) \
        if "://" in config.site_url else None

    def static_file(path: str) -> bool:
        return urls.static_name(path) is not None
    own = url_host(config.site_url)  # its full URLs are judged as site paths
    findings = []
    unread: list[str] | None = None  # ``unread_sources``, once a link to no article needs them
    failed: list[VerlagError] = []
    for article in published:
        if (slugs and article.slug not in slugs) or not any(mark in article.body for mark in (".md", "](/", "]: /")) \
                and not (own and own in article.body.lower()):
            continue
        with contain(article.ref, "reading its links", failed):
            raw = web_addresses(article) if own and own in article.body.lower() else []
            for url, line, html in judged_addresses(stored_references(config, article), raw, own, urls.base_path):
                problem = article_link_problem(url, names, renamed, served, static_file, urls.media_name,
                                               base_path=urls.base_path, own_host=own, html=html)
                if problem is None:
                    continue
                if not renames:
                    renames += _renamed_names(config, sources, published)
                check, target = "article-link", renames[0].get(_link_name(url))
                if _link_name(url) in gaps:
                    problem = unfilled_link_problem(url, by_slug[_link_name(url)].ref)
                elif target in by_slug and article_link_problem(url, names, renames[1], served, static_file,
                                                              urls.media_name, base_path=urls.base_path,
                                                              own_host=own, html=html) is None:
                    check, problem = "renamed-link", _renamed_link(url, by_slug[target],
                                                                   _link_name(url) in renames[2])
                elif (stem := linked_article(url)) is not None:
                    if unread is None:
                        unread = unread_sources(config)
                    if there := [ref for ref in unread if ref.rpartition("/")[2] == f"{stem}.md"]:
                        problem = (f"{url!r}: no published article {stem!r}: {there[0]} exists, but in a subfolder, "
                                   f"where no article is read from; move it to {config.source_dir.name}/; the "
                                   "pages show the link's text without the link")
                findings.append(Finding(article.ref, line, check, WARNING, problem, config.source_language,
                                        article.slug, (None, "")))
    said = set(map(str, errors))  # an article the scan for its files could not read either (``_media_of``): once
    errors += [exc for exc in failed if str(exc) not in said]
    return findings


def _renamed_names(config: Config, sources: Sources, published: list[Article]) -> list:
    """[old slug -> slug of the renames of the ``published`` articles whose addresses the next build keeps
    (``renames.link_names``), ``redirects.old_names`` of ``published`` with them, the old slugs of those a template
    records (``renames.committed``: a fresh clone knows them too)]."""
    from .renames import link_names, renamed_addresses
    from .site import GONE, load_site_state

    kept = renamed_addresses(config, load_site_state(config), sources, GONE)[0]
    renames = link_names(kept, {a.slug for a in published})
    return [renames, old_names(published, renames), {r.old for r in kept if r.committed}]


def _link_name(url: str) -> str:
    """The name a link gives the article it leads to: the file's (``alt.md`` -> ``alt``), else its path's last
    segment."""
    name = linked_article(url)
    return name if name is not None else (split_url(url) or NO_ADDRESS).path.rstrip("/").rpartition("/")[2]


def _renamed_link(url: str, article: Article, committed: bool = False) -> str:
    """What ``check`` says of the link ``url`` that names the old file (or old address) of the renamed
    ``article``: where it leads, for how long (``committed``: while its template records the rename, also in a
    fresh clone), and the link to write instead (its file, with ``url``'s fragment)."""
    parts = split_url(url) or NO_ADDRESS
    old = linked_article(url)
    name = f"{old}.md is the old name" if old is not None else "it is an old address"
    instead = article.path.name + (f"#{parts.fragment}" if parts.fragment else "")
    how_long = ("while its template records the rename (X-Verlag-Renamed-From), which a new article of the old name "
                "ends" if committed else "only while this checkout remembers the rename (.verlag/, which git leaves "
                "out: in a fresh clone the link is broken)")
    return (f"{url!r}: {name} of {article.ref} (renamed): the pages link its page, in the reader's language, "
            f"{how_long}; link {instead} instead")


_BARE_CR = re.compile(r"\r(?!\n)")
_LINE_END = re.compile(r"\r\n|\r|\n")


def header_findings(po: polib.POFile, ref: str, lang: str, slug: str, text: str) -> list[Finding]:
    """A ``catalog-header`` warning at the header entry's line (line 1 without one) of an article's catalog whose
    header GNU msgfmt --check refuses ("PO file header missing or invalid": none, or no field in it) or warns of
    (no charset in Content-Type); ``extract`` writes the header's fields, so a catalog it wrote passes. A catalog
    with lines ending in CR alone (an old Mac editor's), which verlag reads line by line, is one line to GNU
    gettext, so msgfmt finds no header: said as that, at the first such line, instead."""
    if bare := _BARE_CR.findall(text):
        at = _BARE_CR.search(text).start()
        line = len(_LINE_END.findall(text, 0, at)) + 1
        alone = "\n" not in text
        return [Finding(ref, line, "catalog-header", WARNING,
                        f"{'its lines end' if alone else f'{len(bare)} of its lines end'} in CR alone (carriage "
                        "return, the line end of classic Mac OS), which GNU gettext's tools and many editors refuse: "
                        "they read no line end there, so GNU msgfmt --check refuses the catalog ('PO file header "
                        "missing or invalid'); verlag reads it, and verlag extract rewrites it with LF line ends, its "
                        "translations kept", lang, slug, (None, ""))]
    lines = text.split("\n")
    line = next((n for n, row in enumerate(lines, 1) if row.rstrip("\r") == 'msgid ""'), 1)
    if not po.metadata:
        problem = ("no header fields (its msgstr is empty, or there is no header entry, msgid \"\"): GNU msgfmt "
                   "--check refuses the catalog ('PO file header missing or invalid')")
    elif "charset=" not in po.metadata.get("Content-Type", ""):
        problem = ("the header has no charset in Content-Type: GNU msgfmt --check warns that charset conversion will "
                   "not work")
    else:
        return []
    return [Finding(ref, line, "catalog-header", WARNING, f"{problem}; verlag extract writes the header's fields "
                    "(Content-Type: text/plain; charset=UTF-8, Language, Plural-Forms, …)", lang, slug, (None, ""))]


def drift_findings(drift, po: polib.POFile, ref: str, lang: str, slug: str, article_ref: str,
                   text: str | None) -> list[Finding]:
    """``catalog-outdated`` warnings of a catalog that does not hold its template's German (``drift.Drift``): one at
    the msgid line of each entry that lost its msgctxt (``Drift.unmarked_messages``), one at line 1 for the rest
    (segments without an entry, entries of German the article no longer has, an older catalog), if any."""
    lines = text.split("\n") if text is not None else []
    found = [Finding(ref, msgid_line(lines, entry.linenum) if lines else entry.linenum, "catalog-outdated", WARNING,
                     message, lang, slug, (None, entry.msgid)) for entry, message in drift.unmarked_messages(po)]
    if rest := drift.without_unmarked() if found else drift:
        found.insert(0, Finding(ref, 1, "catalog-outdated", WARNING, rest.message(article_ref), lang, slug,
                                (None, "")))
    return found


def gone_address_findings(config: Config, sources: Sources) -> list[Finding]:
    """A warning for each German page the last build published (``site.STATE_FILE``'s pages) whose slug no
    published source has now, nor names in its ``aliases``: the next build takes the page down in every
    language and its address answers 404 (a renamed article, by file or ``slug:``). And, on every run, for each
    address an earlier build took down (``site.GONE``) that still nothing answers, until an alias covers it or
    ``[site] gone`` lists the slug (taken down on purpose). The address of a renamed article the build keeps
    (``renames``: it leads to the article's page) is answered. At the article whose file still has that name, else
    at verlag.toml (the languages' own: ``gone_language_findings``). Names the old addresses (``aliases:``) whose
    redirects the page took along, also after the build that took them down (``site.GONE_REDIRECTS``). An article
    that is a draft now is none of these: its pages are taken down until it is published again (``draft_message``,
    at its ``draft:`` line, until the build that takes them down, which lists it among its drafts); one scheduled
    whose page in site/ is the preview an older verlag's ``build --future`` left there (``preview.leftover``) was
    never published: said as that."""
    from .preview import leftover
    from .schedule import today
    from .redirects import gone_listed, gone_place, gone_published, kept
    from .renames import renamed_addresses
    from .site import GONE, GONE_REDIRECTS, Urls, load_site_state

    published = [a for a in (*sources.articles, *sources.german_only) if not a.draft]
    names = {a.slug for a in published} | sources.unreadable
    # the slugs whose German address an alias still answers: a bare old slug (every language's folder), or that
    # very address; an old blog's /2026/03/slug/ answers only itself
    own = re.compile(rf"/{re.escape(config.source_language)}/([^/]+?)(?:/|/index\.html?|\.html?)?")
    aliased = {m[1] if (m := own.fullmatch(path)) else path for a in published for path in read_aliases(a)[0]
               if "/" not in path or own.fullmatch(path)}
    answered = {path for a in published for path in read_aliases(a)[0]}  # old addresses an article still claims
    dismissed = config.section("site").get("gone", [])
    files = {a.ref.rpartition("/")[2].removesuffix(".md"): a for a in published}
    urls, source = Urls(config.site_url), config.source_language
    state = load_site_state(config)
    findings = []
    taken_down = state.get(GONE) if isinstance(state.get(GONE), dict) else {}
    last = {slug for rel in state.get("pages", {})
            for lang, _, rest in [rel.partition("/")] for slug, _, tail in [rest.partition("/")]
            if lang == source and tail == "index.html"}
    slugs = last | {slug for slug in taken_down if isinstance(slug, str)}
    drafts = {a.slug: a for a in (*sources.articles, *sources.german_only) if a.draft}
    renamed = {r.old for r in renamed_addresses(config, state, sources, GONE)[0] if r.to in names}
    waiting = {slug: draft.scheduled for slug, draft in drafts.items() if slug in last and draft.scheduled}
    previewed = leftover(config, waiting, today(config.zone)) if waiting else {}
    for slug in sorted(slugs):
        if slug in names or slug in aliased or slug in renamed or isinstance(dismissed, list) and slug in dismissed:
            continue
        owner = files.get(slug)
        taken = [r for r in kept(state.get("redirects"), [slug]) or kept(state.get(GONE_REDIRECTS), [slug])
                 if r.old not in answered]  # as the last build had them, else as the build that took them down
        others = [code for code in taken_down.get(slug, ()) if isinstance(code, str) and code != source]
        if (draft := drafts.get(slug)) is not None:  # said until the build that takes its pages down, then listed
            if slug in previewed:
                findings.append(Finding(draft.ref, draft.held_line, "gone-address", WARNING,
                                        preview_message(slug, previewed[slug]), source, slug, (None, "")))
            elif slug in last:  # among its drafts
                langs = sorted({rel.partition("/")[0] for rel in state.get("pages", {})
                                if rel.partition("/")[2] == f"{slug}/index.html"} - {source})
                findings.append(Finding(draft.ref, draft.held_line, "gone-address", WARNING,
                                        draft_message(urls.path("article", source, slug), langs, taken,
                                                      draft.scheduled),
                                        source, slug, (None, "")))
            continue
        message = gone_message(urls.path("article", source, slug), others, slug, owner, taken, urls,
                               (source, *config.languages))
        findings.append(Finding(*gone_place(config, owner), "gone-address", WARNING, message, source, slug,
                                (None, "")))
    findings.extend(Finding(CONFIG_NAME, line, "gone-address", WARNING, message, source, "", (None, ""))
                    for line, message in gone_published(gone_listed(config)[0], {a.slug: a for a in published}))
    return findings


def preview_message(slug: str, day) -> str:
    """What ``check`` says of the scheduled article ``slug`` (waiting for ``day``) whose page in site/ is an older
    verlag's ``build --future`` preview: no published page is taken down, but site/ is not to be uploaded."""
    return (f"site/ holds a preview of {slug} (scheduled for {day.isoformat()}) that an older verlag's build --future "
            "made there; it was never published: do not upload site/ before the next verlag build or publish, "
            "which takes it out (a preview is built into .verlag/preview/ now, never into site/)")


def gone_language_findings(config: Config) -> list[Finding]:
    """A warning at verlag.toml's ``languages`` for each language the last build published (its index, feed and
    404 page; ``site.STATE_FILE``) that verlag.toml no longer names: the next build takes them down with its
    articles."""
    from .redirects import gone_language_place
    from .site import Urls, load_site_state, published_languages

    urls = Urls(config.site_url)
    files = load_site_state(config).get("files", [])
    return [Finding(*gone_language_place(config), "gone-address", WARNING,
                    gone_language_message(urls.path("index", lang), lang), lang, "", (None, ""))
            for lang in sorted(published_languages(files, urls) - {config.source_language, *config.languages})]


FILE_SUFFIX_RE = re.compile(r"\.(?!html?$|php$)[A-Za-z0-9]{2,5}$")  # a file's address, not a page's (.pdf, .jpg)


def old_site_findings(config: Config, sources: Sources, slugs: list[str] | None,
                      errors: list[VerlagError]) -> list[Finding]:
    """A warning at the German file and line for each link or image whose full URL is on the old site
    (``redirects.old_hosts``: the hosts the articles' ``aliases:`` and import comments name), which works only as
    long as that site answers; it names the article's file to link instead where an article lists that address
    under ``aliases:``. Only originals naming such a host are parsed; one that cannot be is appended to
    ``errors``."""
    articles = [*sources.articles, *sources.german_only]
    hosts = old_hosts(articles, config.site_url)
    if not hosts:
        return []
    moved = {old_path(path): article.slug for article in articles for path in read_aliases(article)[0]
             if path.startswith("/")}
    findings = []
    for article in articles:
        if (slugs and article.slug not in slugs) or not any(host in article.body.lower() for host in hosts):
            continue
        with contain(article.ref, "reading its links", errors):
            for url, line in sorted(stored_references(config, article) + html_addresses(article.body,
                                                                                        article.body_line),
                                    key=lambda found: found[1]):
                parts = split_url(url)  # None: an address no browser opens, on no old site (``urlparts``)
                host = parts.netloc.lower() if parts is not None else ""
                if parts is None or parts.scheme not in ("http", "https") or site_host(host) not in hosts:
                    continue
                target = moved.get(old_path(parts.path))
                advice = (f"link the article's file instead, {target}.md" if target else
                          f"save it into {config.source_dir.name}/ (images: {config.source_dir.name}/bilder/) and "
                          "refer to it there" if FILE_SUFFIX_RE.search(parts.path) else
                          "link a page of the new site, or drop the link")
                what = "is a file on" if FILE_SUFFIX_RE.search(parts.path) and not target else "points at"
                findings.append(Finding(article.ref, line, "old-site", WARNING,
                                        f"{url} {what} the old site ({host}), which answers only until it is shut "
                                        f"down: {advice}", config.source_language, article.slug, (None, "")))
    return findings


def _media_of(config: Config, sources: Sources, slugs: list[str] | None, errors: list[VerlagError]) -> Media:
    """``media.collect_media`` over the German pages of ``slugs`` (None: all) that the build publishes, as it finds
    their files: translated or ``translate: false``, no ``draft: true`` one (its files are said once it is published)
    nor one left out for ``init``'s placeholders (``practice.unfilled``); each scanned for the files it uses, with
    their variants for every language. An article whose Markdown cannot be read is appended to ``errors`` (file,
    line) and the others are looked at."""

    def scan(article):
        with contain(article.ref, "reading its images", errors):
            return stored_references(config, article)
        return []

    from .site import site_image_places

    articles = [a for a in (*sources.articles, *sources.german_only)
                if not a.draft and (not slugs or a.slug in slugs) and not unfilled(a)]
    return collect_media(config.source_dir, articles, languages=config.languages, scan=scan,
                         settings=site_image_places(config))


def media_findings(check: str, found: Iterable[tuple[str, int, str, str]], config: Config) -> list[Finding]:
    """A ``check`` warning for each (file, line, slug, message) of ``found``: one of the lists of what the build
    warns of too, in its words, in ``_media_of``'s ``media.Media``: ``clashes`` (``media-case``: two files the site
    publishes to media/ whose paths differ only in case, ``[site] image`` among them at its line of verlag.toml),
    ``heavy`` (``heavy-image``: the first reference to an image over ``limits.HEAVY_IMAGE``), ``missing``
    (``missing-file``: a reference to a file source_de/ does not hold)."""
    return [Finding(ref, line, check, WARNING, message, config.source_language, slug, (None, ""))
            for ref, line, slug, message in found]


def image_variant_findings(config: Config, sources: Sources, languages: list[str], slugs: list[str] | None,
                           errors: list[VerlagError], media: Media | None = None) -> list[Finding]:
    """A warning for each language variant of an image (``bilder/x.en.png``) made from an older version of its
    German original than the one in source_de/ (by content: ``variants.stale_originals``). ``media``: the files
    the articles use (``_media_of``); None: the articles are scanned for them only when some variant is stale, and
    one whose Markdown cannot be read is appended to ``errors`` (file, line) and the others are compared."""
    stale = stale_originals(config.source_dir, languages, config.translations_dir)
    if not stale:
        return []
    media = media if media is not None else _media_of(config, sources, slugs, errors)
    folder = config.source_dir.name
    return [Finding(f"{folder}/{variant}", 1, "image-variant", WARNING,
                    f"{folder}/{original} changed after this {lang} version was made from it; update it, or sign "
                    f"it off: delete the line of {original} in translations/{lang}/{RECORD}, run verlag extract",
                    lang, slug, (None, ""))
            for slug, lang, variant, original in outdated_variants(media, languages, stale)]


def _read(path, ref: str, limit: Limit = CATALOG) -> str | None:
    try:
        return decode_po(file_bytes(path, limit, ref), ref)
    except FileNotFoundError:
        return None


def summary(findings: list[Finding]) -> str:
    """'N errors, M warnings in K entries': the catalog entries with findings, and apart from them the places in
    the German sources (a placeholder, a link, an image variant), which are no entries; '0 errors, 0 warnings'
    without findings ("in 0 entries" read as if nothing had been checked, trial 19)."""
    if not findings:
        return "0 errors, 0 warnings"
    errors = sum(f.severity == ERROR for f in findings)
    places = {(f.path, f.line) for f in findings}
    entries = sum(path.endswith(".po") for path, _ in places)
    where = [counted(entries, "entry", "entries")] if entries or len(places) == entries else []
    if len(places) > entries:
        where.append(f"{counted(len(places) - entries, 'place')} in the German sources")
    return f"{counted(errors, 'error')}, {counted(len(findings) - errors, 'warning')} in {' and '.join(where)}"


def blocked_keys(findings: Iterable[Finding]) -> frozenset[tuple[str | None, str]]:
    """Segments an edition must not publish: those with an error finding."""
    return frozenset(k for f in findings if f.severity == ERROR for k in (f.key, *f.also))

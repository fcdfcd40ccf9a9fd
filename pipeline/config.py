"""The content project's settings, read from ``verlag.toml``."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib.machinery import PathFinder
from pathlib import Path

from .conflicts import refuse_conflict
from .errors import VerlagError, not_utf8, raise_all, toml_problem
from .fsutil import confine, file_bytes
from .limits import PROJECT_CONFIG
from .urlparts import split_url

CONFIG_NAME = "verlag.toml"
STATE_NAME = ".verlag"  # the project's lock and caches (``Config.state_dir``)
PREVIEW_NAME = "preview"  # in .verlag/: the preview's own editions, site and state (``Config.previewing``)
MOVED_FILE = "redirects.txt"  # the old site's addresses the build answers (``moved``)
# the places of the project verlag reads and writes only as its own files, never through a link leading out
# (``fsutil.confine``): the catalogs, templates and glossary, and the old site's addresses
CONFINED = ("translations", MOVED_FILE)
SEGMENTATIONS = ("sentence", "block")
UNREVIEWED = ("source", "machine")
DEFAULT_BASE_URL = "http://localhost:8000/"  # [site] base_url until the author sets the real address
TABLES = ("publish", "pretranslate", "site", "engines")  # settings that are TOML tables ([name] sections)
# Every setting of verlag.toml, table -> keys ("": the top level), except inside [engines.<name>], whose
# keys each engine checks itself. [publish.<lang>] takes the keys of [publish]; <lang> there, and a language key
# of [site.disclaimer], [site.call_to_action], [site.image_alt], [site.translator] and an engine's per-language
# tables, is a language of the project or one of its fallbacks (``language_ranges``: "en" for "en-GB"). README.md's
# "Configuration" example shows exactly these (tests/test_config.py compares the two).
KNOWN_SETTINGS: dict[str, tuple[str, ...]] = {
    "": ("name", "source_language", "languages", "segmentation", "author", "timezone", *TABLES),
    "publish": ("unreviewed", "min_reviewed", "min_translated"),
    "pretranslate": ("engines",),
    "site": ("base_url", "author", "feed_entries", "search", "legal", "image", "image_alt", "disclaimer",
             "call_to_action", "translator", "german_html", "gone"),
}


def language_ranges(lang: str) -> list[str]:
    """The keys a per-language setting of verlag.toml is looked up by for ``lang``, most specific first: RFC 4647
    section 3.4's lookup, which drops the last subtag until one is found ("zh-Hant-TW", "zh-Hant", "zh"), and a
    single-letter subtag (an extension's singleton) together with the one after it. gettext looks up a catalog
    for a locale the same way (pt_BR, then pt), and CLDR a locale's data (en_GB, then en). A sibling ("en-US" for
    "en-GB") is never among them: its spelling, dates, phone numbers or legal wording may be wrong for the other
    region, so an author who wants one text for both writes it once under the shared key ("en")."""
    subtags = lang.split("-")
    ranges = []
    while subtags:
        ranges.append("-".join(subtags))
        subtags.pop()
        if subtags and len(subtags[-1]) == 1:
            subtags.pop()
    return ranges


def lookup(values: Mapping, lang: str) -> str | None:
    """The key of ``values`` (a per-language table of verlag.toml) that serves ``lang``: ``lang`` itself, else its
    nearest fallback (``language_ranges``: "en" for "en-GB"); None when none is there."""
    return next((key for key in language_ranges(lang) if key in values), None)


def language_keys(languages: Sequence[str]) -> list[str]:
    """The keys a per-language table may have for ``languages``: each language and its fallbacks (``en`` where
    ``en-US`` is listed), in the order of ``languages``, each once."""
    return list(dict.fromkeys(key for lang in languages for key in language_ranges(lang)))


@dataclass(frozen=True)
class Config:
    """verlag.toml's settings and the project's folders (each ``Path`` made once: a run joins paths to them
    for every article)."""

    root: Path
    name: str = "verlag"
    source_language: str = "de"
    languages: tuple[str, ...] = ("en",)
    segmentation: str = "sentence"
    unreviewed: str = "source"
    unreviewed_by_lang: dict[str, str] = field(default_factory=dict)
    engines: tuple[str, ...] = ("copy",)
    timezone: str = ""  # IANA name (Europe/Berlin): the zone of front-matter and imported times written without one
    raw: dict = field(default_factory=dict, compare=False)
    text: str = field(default="", compare=False, repr=False)  # verlag.toml as written, for line numbers
    preview: bool = False  # a preview's settings (``previewing``): its outputs and state in ``preview_dir``

    def section(self, *names: str) -> dict:
        """A (nested) table of verlag.toml, e.g. ``section("engines", "libre")``; {} when absent."""
        table = self.raw
        for name in names:
            table = table.get(name, {}) if isinstance(table, dict) else {}
        return table if isinstance(table, dict) else {}

    @cached_property
    def translation_keys(self) -> list[str]:
        """The language keys a table by translation language takes (``[publish.<lang>]``, ``[site.translator]``, an
        engine's ``register``): ``languages`` and their fallbacks (``language_keys``)."""
        return language_keys(self.languages)

    @cached_property
    def text_keys(self) -> list[str]:
        """The language keys a reader-facing text's table takes (``[site.disclaimer]``, ``[site.call_to_action]``,
        ``[site.image_alt]``): the source language's and ``translation_keys``."""
        return language_keys((self.source_language, *self.languages))

    def error(self, key: str, message: str, table: str | None = None) -> VerlagError:
        """A settings mistake naming verlag.toml and the line where ``key`` is set (``line``)."""
        return VerlagError(f"{key}: {message}", self.root / CONFIG_NAME, self.line(key, table))

    def line(self, key: str, table: str | None = None) -> int | None:
        """The line of verlag.toml where ``key`` is set (first occurrence, after the ``[table]`` header when one
        is given); None when it is not set there."""
        return _line_of(self.text, key, table)

    def item_line(self, key: str, table: str, item: object) -> int | None:
        """The line of verlag.toml where ``item`` of the array ``key`` of ``[table]`` is written (an array over
        several lines, one item a line): a string in double or single quotes, a number or true/false as TOML
        writes it; else the key's line (``line``)."""
        header = re.search(rf"^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\]", self.text, re.M)
        start = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.M).search(self.text, header.end() if header else 0)
        if not start:
            return None
        after = re.compile(r"^[ \t]*(\[|[\w\"'.-]+[ \t]*=)", re.M).search(self.text, start.end())  # the next setting
        end = after.start() if after else len(self.text)
        if isinstance(item, str):
            written = "|".join(re.escape(form) for form in (json.dumps(item, ensure_ascii=False), f"'{item}'"))
        elif isinstance(item, (bool, int, float)):
            written = rf"(?<![\w.+-]){json.dumps(item)}(?![\w.])"
        else:
            written = None
        found = re.compile(written).search(self.text, start.end(), end) if written else None
        return self.text.count("\n", 0, (found or start).start()) + 1

    def place(self, key: str, table: str) -> int:
        """Where ``key`` of ``[table]`` is set in verlag.toml (``line``), else where it would be written: the
        table's header line, else the file's last line (a warning's place for a setting to add)."""
        return self.line(key, table) or header_line(self.text, table) or max(1, len(self.text.splitlines()))

    @cached_property
    def zone(self) -> dt.tzinfo | None:
        """``timezone`` as a zone (checked by ``load_config``), None when not set."""
        if not self.timezone:
            return None
        from zoneinfo import ZoneInfo  # a project without a time zone never needs it

        return ZoneInfo(self.timezone)

    @cached_property
    def source_dir(self) -> Path:
        return self.root / f"source_{self.source_language}"

    @cached_property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @cached_property
    def templates_dir(self) -> Path:
        return self.translations_dir / "templates"

    @cached_property
    def editions_dir(self) -> Path:
        return self.preview_dir / "editions" if self.preview else self.root / "editions"

    @cached_property
    def site_dir(self) -> Path:
        return self.preview_dir / "site" if self.preview else self.root / "site"

    @cached_property
    def state_dir(self) -> Path:
        """Git-ignored caches (content hashes, the MT cache) and the project lock; a folder of the project's own
        (``load_config`` refuses a symbolic link there). A preview's are its own (``previewing``)."""
        return self.preview_dir / "state" if self.preview else self.root / STATE_NAME

    @cached_property
    def preview_dir(self) -> Path:
        """``.verlag/preview/``: what ``serve --future`` and ``build --future`` make (``preview``)."""
        return self.root / STATE_NAME / PREVIEW_NAME

    def previewing(self) -> Config:
        """These settings for a preview that publishes the articles dated after today (``--future``). Its editions,
        site and state are folders of ``preview_dir``, never ``editions/``, ``site/`` and ``.verlag/``'s records:
        ``site/`` is what the author uploads, so a preview built there (as verlag did before) was one upload away
        from releasing a scheduled article early, and a serve left running rebuilt it there after a ``publish``;
        and the address record it wrote made ``check`` call a previewed page a published address taken down.
        Hugo's ``server`` renders to memory for the same reason; a folder of its own keeps the preview a static
        site that any tool can open, and its caches warm from one preview to the next."""
        return replace(self, preview=True)

    @property
    def site_url(self) -> str:
        """``[site] base_url`` as written (``DEFAULT_BASE_URL`` when absent, "" when it is no string or no address
        ``urlsplit`` splits, ``urlparts``); the site stage validates it (``site.load_settings``)."""
        value = self.section("site").get("base_url", DEFAULT_BASE_URL)
        return value if isinstance(value, str) and split_url(value) is not None else ""

    def base_url_problem(self) -> tuple[int, str] | None:
        """The line of verlag.toml and what is wrong when ``[site] base_url`` is no address readers reach the site
        at: not set, ``init``'s placeholder (``DEFAULT_BASE_URL``), or a host of this computer or the local network
        (localhost, 127.0.0.1, ::1, a ``.local`` name); None for any other address. The pages' canonical and
        hreflang links, the sitemap and robots.txt are made from it, so a site published with one of those points
        search engines and shared links at nowhere: ``publish`` stops; ``build`` and ``check`` warn of one set (of
        none, the build's note says it)."""
        value = self.section("site").get("base_url")
        line = self.place("base_url", "site")
        effect = ("canonical and hreflang links, the sitemap and robots.txt point at it, not at the site; set the "
                  "address the site will have (base_url = \"https://www.praxis-beispiel.de/\")")
        if value is None:
            return line, f"[site] base_url is not set, so the site's address is {DEFAULT_BASE_URL}: {effect}"
        if value == DEFAULT_BASE_URL:
            return line, f"[site] base_url = \"{value}\" is the stand-in address verlag init wrote: {effect}"
        host = ((parts := split_url(value)) and parts.hostname or "") if isinstance(value, str) else ""
        if host in ("localhost", "127.0.0.1", "::1") or host.endswith((".localhost", ".local")):
            return line, f"[site] base_url = \"{value}\" is an address on this computer or network ({host}): {effect}"
        return None

    def pot_path(self, slug: str) -> Path:
        return self.translations_dir / self.pot_name(slug)

    def po_path(self, lang: str, slug: str) -> Path:
        return self.translations_dir / self.po_name(lang, slug)

    def pot_name(self, slug: str) -> str:
        """``pot_path`` under ``translations_dir`` ("templates/x.pot"), as the stat record names it: spelled out,
        where a ``relative_to`` per file cost a no-op ``extract`` 15 ms at N = 500."""
        return f"{self.templates_dir.name}/{slug}.pot"

    def po_name(self, lang: str, slug: str) -> str:
        """``po_path`` under ``translations_dir`` ("en/x.po"), as ``pot_name``."""
        return f"{lang}/{slug}.po"

    def unreviewed_for(self, lang: str, slug: str | None = None) -> str:
        """Publish policy for fuzzy (machine or stale) text of ``lang``: "source" (German fallback) or
        "machine" (the text itself). A legal page (``slug`` in ``[site] legal``) is always "source": an
        Impressum (§ 5 DDG) or privacy notice (Art. 13 GDPR) is the practice's binding statement, and a
        translation nobody checked must not stand in for it (``legal_page``)."""
        if slug is not None and self.legal_page(slug):
            return "source"
        return self.unreviewed_by_lang.get(lang, self.unreviewed)

    def legal_page(self, slug: str) -> bool:
        """Whether ``slug`` is one of ``[site] legal`` (validated by ``practice.load_practice``)."""
        legal = self.section("site").get("legal")
        return isinstance(legal, list) and slug in legal


def _check_state_dir(root: Path) -> None:
    """Raise ``VerlagError`` naming ``.verlag`` when it is there but no folder of the project's own: a symbolic
    link (to a folder elsewhere, or dangling) or a file. The lock must be where every verlag on this project looks,
    and a writer's sweep deletes files named like verlag's temp files in it (``lock``): through a link both would
    happen in the folder it names, outside the project. Missing is fine: the first writer makes it."""
    path = root / STATE_NAME
    if path.is_symlink():
        kind = f"a symbolic link (to {os.readlink(path)})"
    elif path.exists() and not path.is_dir():
        kind = "a file"
    else:
        return
    raise VerlagError(f"{kind}, not a folder: verlag keeps its lock and caches in this folder of the project "
                      "itself, never elsewhere; remove it (verlag makes the folder again, with its caches)", STATE_NAME)


def _check_translations_dir(root: Path, languages: Sequence[str]) -> None:
    """Raise ``VerlagError`` naming the first of ``translations/``, ``translations/templates/`` and
    ``translations/<lang>/`` (``languages``) that is a symbolic link leading out of the project (or dangling
    there): extract deletes the templates of gone articles in ``templates/``, writes the catalogs, and a
    writer's sweep deletes files named like verlag's temp files below ``translations/`` (``lock``), so through
    such a link (a project folder that came with ``translations`` -> the home folder) they would happen in
    the folder it names. A link to a folder inside the project is followed."""
    inside = root.resolve()
    folder = root / "translations"
    for path in (folder, folder / "templates", *(folder / lang for lang in languages)):
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            raise VerlagError(f"a symbolic link (to {os.readlink(path)}) leading out of the project: verlag reads "
                              "and writes the catalogs only in the project's own folders (extract deletes the "
                              "templates of gone articles there); remove it, or link to a folder inside the "
                              "project", path.relative_to(root).as_posix())


def _line_of(text: str, key: str, table: str | None = None) -> int | None:
    header = re.search(rf"^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\]", text, re.M) if table else None
    match = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.M).search(text, header.end() if header else 0)
    return text.count("\n", 0, match.start()) + 1 if match else None


def header_line(text: str, name: str) -> int | None:
    """The line (1-based) of the TOML table header ``[name]`` in ``text``, None when it has none."""
    match = re.search(rf"^[ \t]*\[[ \t]*{re.escape(name)}[ \t]*\]", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def closest(key: str, known: Sequence[str]) -> str | None:
    """The one of ``known`` closest to the unknown ``key`` (difflib ratio >= 0.6, the cutoff
    ``get_close_matches`` defaults to), or None."""
    import difflib  # for a mistake only

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_slugs(missing: Sequence[str], known: Sequence[str], folder: str,
                  renamed: Mapping[str, str] | None = None) -> str:
    """The message for ``--article`` slugs (``missing``) of no article in ``folder`` (``source_de/``): each with
    what became of it where verlag recorded it as renamed (``renamed``: ``orphans.renamed_advice``), else the
    closest of the ``known`` slugs beside it (``closest``), where there is one, so several typos are all named."""
    renamed = renamed or {}
    named = [repr(slug) + (f" ({renamed[slug]})" if slug in renamed else
                           f" (did you mean {close!r}?)" if (close := closest(slug, known)) else "")
             for slug in missing]
    return f"no article with slug {', '.join(named)} in {folder}"


def did_you_mean(key: str, known: Sequence[str], close: str | None = None) -> str:
    """The end of a message about an unknown ``key``: the closest of ``known`` (``closest``; ``close``: as the
    caller found it) as a suggestion, else the list of known names."""
    close = close or closest(key, known)
    return f"; did you mean {close!r}?" if close else f" (known: {', '.join(known)})"


def _unknown(key: str, table: str, known: list[str], path: Path, text: str) -> VerlagError:
    """An unknown key (or table) as an error at its line, with the closest known name as a suggestion."""
    name = f"{table}.{key}" if table else key
    line = header_line(text, name) or _line_of(text, key, table or None)
    where = f" in [{table}]" if table else ""
    return VerlagError(f"{key}: unknown setting{where}{did_you_mean(key, known)}", path, line)


def _check_known(data: dict, languages: tuple[str, ...], path: Path, text: str) -> None:
    """Every key of ``data`` is one of ``KNOWN_SETTINGS``; a typo is a ``VerlagError``, never silently ignored.
    The tables are known to be tables (``_check_table``)."""
    keys = language_keys(languages)
    for table, known in KNOWN_SETTINGS.items():
        allowed = [*known, *keys] if table == "publish" else list(known)
        for key, value in (data.get(table, {}) if table else data).items():
            if key not in allowed:
                raise _unknown(key, table, allowed, path, text)
            for inner in value if table == "publish" and key in keys else ():
                if inner not in known:
                    raise _unknown(inner, f"publish.{key}", list(known), path, text)


# A language tag spelled as Babel names its CLDR locales ("en", "pt_BR", "zh_Hant_TW", "es_419")
CLDR_NAME = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|\d{3}))?")
# The form of a BCP 47 tag (RFC 5646 2.1: subtags of letters and digits) or CLDR name: what names folders and files.
# Babel's parse_locale also reads a POSIX locale, dropping its ".charset" and "@modifier" ("en.x/../../y" is "en").
TAG_FORM = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


@cache
def _cldr_data() -> str | None:
    """Babel's folder of CLDR locale data (``babel.localedata``'s ``locale-data``), found without importing Babel."""
    spec = PathFinder.find_spec("babel")
    return os.path.join(spec.submodule_search_locations[0], "locale-data") if spec and \
        spec.submodule_search_locations else None


def check_language(code: object, path: Path | None, text: str, key: str) -> str:
    """``code`` if Babel knows it as a BCP 47 language tag (CLDR); else ``VerlagError`` naming ``key``
    and, when ``text`` is the file at ``path``, the line that sets it.

    A tag spelled as a CLDR locale whose data file Babel ships (``babel.localedata.exists``: ``en.dat``) is
    one ``Locale.parse`` accepts: taken without importing Babel (7 ms of every command's start); any other
    (aliases, other spellings, unknown tags) of the form of a tag (``TAG_FORM``: the tag names folders and
    files) is Babel's to judge.

    A known tag written with "_" (``en_US``, as a POSIX locale or CLDR spells it) is an error suggesting the
    tag (``en-US``). A known tag not written in BCP 47's case (RFC 5646 2.1.1: ``en-US``, ``zh-Hant``; ``EN-us`` is the same
    tag) is an error naming that spelling: the tag names the folders (``translations/<tag>/``), the site's
    addresses and ``hreflang``, so one language is never two folders by the case it was written in."""
    if not isinstance(code, str):
        raise VerlagError(f"{key}: expected a language code, got {code!r}", path, _line_of(text, key))
    if not TAG_FORM.fullmatch(code):
        raise VerlagError(f"{key}: unknown language code {code!r} (use BCP 47, e.g. 'en', 'fr', 'pt-BR')",
                          path, _line_of(text, key))
    written, code = code, canonical_case(code)
    primary, _, rest = code.partition("-")
    if primary in DEPRECATED_LANGUAGES:  # Babel reads "iw" as Hebrew, browsers and search engines go by "he"
        tag = DEPRECATED_LANGUAGES[primary] + (f"-{rest}" if rest else "")
        raise VerlagError(f"{key}: {written!r} is a deprecated language code (IANA's registry replaced it): did you "
                          f"mean {tag!r}? The code names the folders translations/{tag}/, the pages' lang and "
                          "hreflang", path, _line_of(text, key))
    _check_known_tag(code, written, path, text, key)
    if "_" in written:  # a POSIX locale's or CLDR's spelling: Babel reads it, but it is no tag a browser knows
        tag = canonical_case(written.replace("_", "-"))
        raise VerlagError(f"{key}: {written!r} is no BCP 47 language tag (its subtags are joined by '-', not '_'): "
                          f"did you mean {tag!r}? The code names the folders translations/{tag}/, the pages' lang "
                          "and hreflang", path, _line_of(text, key))
    if code != written:
        raise VerlagError(f"{key}: write {written!r} as {code!r} (BCP 47's case: the language in lower case, a "
                          "region in capitals, a script capitalised): the code names the folders "
                          f"translations/{code}/ and the site's addresses", path, _line_of(text, key))
    return code


# The primary language subtags IANA's Language Subtag Registry marks deprecated, with their preferred values
# (RFC 5646 3.1.7; BCP 47): a page's lang and hreflang in them are the old codes no browser or search engine prefers
DEPRECATED_LANGUAGES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}


def canonical_case(tag: str) -> str:
    """``tag`` (letters and digits between "-" or "_") in the case RFC 5646 2.1.1 recommends for the subtags that
    say the language: the language in lower case, a four-letter script capitalised ("Hant"), a two-letter region
    in capitals ("US"); variants and what follows a singleton ("x-…") as written (CLDR writes "en_US_POSIX")."""
    parts = re.split(r"([-_])", tag)
    out = [parts[0].lower()]
    for at, (separator, subtag) in enumerate(zip(parts[1::2], parts[2::2])):
        if at > 1 or len(subtag) not in (2, 4) or not subtag.isalpha() or (at == 1 and len(subtag) == 4):
            out += parts[2 * at + 1:]  # a variant or a singleton: the rest as written
            break
        out += [separator, subtag.title() if len(subtag) == 4 else subtag.upper()]
    return "".join(out)


def _check_known_tag(code: str, written: str, path: Path | None, text: str, key: str) -> None:
    """Raise ``VerlagError`` unless Babel knows ``code`` (``check_language``); ``written``: as the author wrote it."""
    name = code.replace("-", "_")
    folder = _cldr_data() if CLDR_NAME.fullmatch(name) else None
    if folder and os.path.isfile(os.path.join(folder, f"{name}.dat")):
        return
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(name)
    except (ValueError, UnknownLocaleError):
        raise VerlagError(f"{key}: unknown language code {written!r} (use BCP 47, e.g. 'en', 'fr', 'pt-BR')",
                          path, _line_of(text, key)) from None


def _check_table(value: object, path: Path, text: str, key: str, name: str | None = None) -> None:
    """A setting that must be a table (``[publish]``) but was given a value (``publish = "x"``) is an error."""
    if not isinstance(value, dict):
        raise VerlagError(f"{name or key}: expected a table such as [{name or key}] with 'key = value' lines, "
                          f"got {value!r}", path, _line_of(text, key))


def publish_setting(publish: Mapping, lang: str, name: str, default: object) -> tuple[object, str]:
    """``[publish] name`` for ``lang`` and the table it comes from: ``[publish.<lang>]``'s, else that of its nearest
    fallback that sets it (``language_ranges``: ``[publish.en]`` for en-GB), else ``[publish]``'s, else
    ``default``. Looked up per setting, as gettext looks up each message: ``[publish.en-GB] min_reviewed`` leaves
    en-GB the ``unreviewed`` of ``[publish.en]``."""
    for key in language_ranges(lang):
        table = publish.get(key)
        if isinstance(table, dict) and name in table:
            return table[name], f"publish.{key}"
    return publish.get(name, default), "publish"


def _known_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone zoneinfo finds (imported only for a project that sets one)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return bool(ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False


def project_folders(start: Path) -> list[Path]:
    """The folders verlag looks in for ``verlag.toml``, nearest first: ``start`` (resolved) and each one above it,
    as git looks for its repository, up to the user's home folder ($HOME, looked in) where ``start`` is inside it,
    else up to the file system root: a ``verlag.toml`` above the home folder is no project of the user's."""
    here = start.resolve()
    folders = [here, *here.parents]
    home = os.environ.get("HOME")
    home = Path(home).resolve() if home else None
    return folders[:folders.index(home) + 1] if home in folders else folders


def load_config(root: Path) -> Config:
    """Read and validate ``root/verlag.toml``; every mistake names the file and line."""
    path = root / CONFIG_NAME
    try:
        # a named pipe in its place is named, never opened (it would wait for a writer); one over the limit never read
        raw = file_bytes(path, PROJECT_CONFIG, CONFIG_NAME)
        # as read_text: universal newlines; a UTF-8 byte order mark (Notepad's) is no TOML, read as sources are
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        raise VerlagError(f"no {CONFIG_NAME} here; run 'verlag init' or pass -C DIR", root) from None
    except UnicodeDecodeError as exc:
        named = not_utf8(raw)
        raise VerlagError(f"not UTF-8 ({exc.reason}): save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"
                          if named is None else f"{named[1]}: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"
                          if named[0] == "utf-16" else named[1], path) from None
    refuse_conflict(text, path, "keep the setting you want")
    try:
        data = tomllib.loads(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError, or int's for a number too long to convert
        message, line = toml_problem(exc, text)
        raise VerlagError(f"invalid TOML: {message}", path, line) from None

    # an emptied file (an editor's crash, a '>' for a '>>') or one without languages would build a site of
    # defaults, its languages' pages and legal links removed without an error (fresh-user trial 24)
    if not data:
        raise VerlagError("sets nothing (empty, or comments only): the project's settings are gone; bring them back "
                          f"(git restore {CONFIG_NAME}, or a backup) before verlag writes anything", path, 1)
    if "languages" not in data:
        if typo := next((key for key in data if closest(key, ["languages"])), None):  # "languges": said as such
            raise _unknown(typo, "", list(KNOWN_SETTINGS[""]), path, text)
        raise VerlagError('languages: not set: write the languages the articles are translated into, such as '
                          'languages = ["en", "fr"] (BCP 47 tags)', path, 1)
    source = check_language(data.get("source_language", "de"), path, text, "source_language")
    langs = data["languages"]
    if not isinstance(langs, list) or not langs:
        raise VerlagError("languages: expected a non-empty list such as [\"en\", \"fr\"]", path,
                          _line_of(text, "languages"))
    languages = tuple(check_language(code, path, text, "languages") for code in langs)
    if source in languages:
        raise VerlagError(f"languages: {source!r} is the source language", path, _line_of(text, "languages"))
    twice = next((code for n, code in enumerate(languages) if code in languages[:n]), None)
    if twice is not None:  # one folder, one set of pages: the second would overwrite the first's outputs
        raise VerlagError(f"languages: {twice!r} is listed twice: list each language once", path,
                          _line_of(text, "languages"))

    for name in TABLES:
        _check_table(data.get(name, {}), path, text, name)
    for name, table in data.get("engines", {}).items():
        _check_table(table, path, text, name, f"engines.{name}")
    for lang in language_keys(languages):
        _check_table(data.get("publish", {}).get(lang, {}), path, text, lang, f"publish.{lang}")
    _check_known(data, languages, path, text)

    for key in ("name", "author"):  # the site's name and the byline 'verlag new' writes
        if key in data and not isinstance(data[key], str):  # "" is allowed: not known yet (init writes it so)
            raise VerlagError(f"{key}: expected text in quotes, e.g. {key} = \"Anna Berger\"", path, _line_of(text, key))

    timezone = data.get("timezone", "")
    if not isinstance(timezone, str) or timezone and not _known_zone(timezone):
        raise VerlagError(f"timezone: {timezone!r} is no time zone: expected an IANA name such as "
                          "\"Europe/Berlin\"", path, _line_of(text, "timezone")) from None

    segmentation = data.get("segmentation", "sentence")
    if segmentation not in SEGMENTATIONS:
        raise VerlagError(f"segmentation: expected one of {', '.join(SEGMENTATIONS)}, got {segmentation!r}",
                          path, _line_of(text, "segmentation"))

    publish = data.get("publish", {})
    unreviewed = publish.get("unreviewed", "source")
    per_lang = {lang: publish_setting(publish, lang, "unreviewed", unreviewed)[0] for lang in languages}
    wrong = [VerlagError(f"unreviewed: expected one of {', '.join(UNREVIEWED)}, got {value!r}", path,
                         _line_of(text, "unreviewed", table))
             for table, value in [("publish", publish.get("unreviewed", "source")),
                                  *((f"publish.{key}", publish[key]["unreviewed"]) for key in language_keys(languages)
                                    if "unreviewed" in publish.get(key, {}))]
             if value not in UNREVIEWED]
    raise_all(wrong)

    engines = data.get("pretranslate", {}).get("engines", ["copy"])
    if not isinstance(engines, list) or not all(isinstance(e, str) for e in engines):
        raise VerlagError("engines: expected a list of engine names", path, _line_of(text, "engines"))

    _check_state_dir(root)
    _check_translations_dir(root, languages)
    confine(root, *CONFINED)
    return Config(
        root=root,
        name=str(data.get("name", root.resolve().name)),
        source_language=source,
        languages=languages,
        segmentation=segmentation,
        unreviewed=unreviewed,
        unreviewed_by_lang=per_lang,
        engines=tuple(engines),
        timezone=timezone,
        raw=data,
        text=text,
    )

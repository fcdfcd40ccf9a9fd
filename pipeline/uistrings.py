"""The site's own words ("Updated on", notices, feed titles): gettext messages in the Jinja2 templates.

The templates say them in English (``{% trans %}``, ``_()``); Babel's Jinja2
extractor collects them, ``verlag extract`` merges them into
``translations/<lang>/site.po`` beside the article catalogs, and the site
reads each language's catalog. A missing or untranslated message shows the
English text, so a new language works before its ``site.po`` is done; the page
marks it ``lang="en"`` and the build names such messages per language.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import LazyPattern, __version__
from .config import Config
from .counts import counted
from .errors import VerlagError, excerpt
from .fsutil import code_digest, digest_bytes, file_bytes, load_state, read_bytes, relpath, rewrite, save_state
from .limits import SITE_WORDS, TEMPLATE

if TYPE_CHECKING:
    from collections.abc import Sequence

    import polib
    from babel.support import NullTranslations

# polib, markupsafe, catalog, check and babel.support are imported where a site.po is merged or read or a page
# rendered: 'extract' with nothing changed only compares fingerprints (``update_site_catalogs``) and never loads them

SITE_CATALOG = "site"  # translations/<lang>/site.po; no article may take this slug
MESSAGES_FILE = "site-messages.json"  # .verlag/: the templates' messages and the fingerprint they were taken at
SETTLED_FILE = "site-catalogs.json"  # .verlag/: per language, the fingerprint of a site.po that merging leaves as it is
# verlag's default theme (the site's and the review report's templates) and its UI catalogs
# (translations/<lang>/site.po), package data beside this module. In the repository pipeline/templates
# and pipeline/translations link to the top-level templates/ and translations/. pip and pipx install a
# wheel as files, so these are folders on disk (importlib.resources would find the same folders, at the
# price of importing zipfile, tempfile and shutil on every run).
DEFAULT_THEME = Path(__file__).with_name("templates")
BUILTIN_TRANSLATIONS = Path(__file__).with_name("translations")
JINJA_EXTENSIONS = "jinja2.ext.i18n"
HEADER = ("The website's own words in {lang} (menus, notices; dates come from Babel), from the templates.\n"
          "Written by 'verlag extract'; translate the msgstr lines. Empty ones show the English text.")


def site_po_path(config: Config, lang: str) -> Path:
    return config.translations_dir / lang / f"{SITE_CATALOG}.po"


def theme_dirs(config: Config) -> list[Path]:
    """The project's own ``templates/`` (if any) first, then verlag's default theme."""
    dirs = [config.root / "templates", DEFAULT_THEME]
    return [d for i, d in enumerate(dirs) if d.is_dir() and d.resolve() not in [x.resolve() for x in dirs[:i]]]


def template_messages(*templates_dirs: Path) -> list[polib.POEntry]:
    """Every message of the templates (Babel's Jinja2 extractor) and of ``site.py``, sorted by msgid.

    With several theme folders, a template in an earlier one hides the one of the same name after it.
    """
    import polib
    from babel.messages.extract import extract, extract_from_file  # 0.1 s to import; a run with cached messages never needs it

    templates: dict[str, Path] = {}
    for folder in templates_dirs:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".xml") and not path.is_dir():
                templates.setdefault(path.relative_to(folder).as_posix(), path)
    found = []
    for name, path in sorted(templates.items()):
        data = file_bytes(path, TEMPLATE)
        found += [(f"templates/{name}", line, message) for line, message, _, _ in
                  extract("jinja2.ext:babel_extract", io.BytesIO(data), options={"extensions": JINJA_EXTENSIONS})]
    code = Path(__file__).with_name("site.py")
    found += [(f"pipeline/{code.name}", line, message) for line, message, _, _ in
              extract_from_file("python", code, keywords={"ui": (2,)})]
    entries: dict[str, polib.POEntry] = {}
    for ref, line, message in found:
        msgid, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, "")
        entry = entries.setdefault(msgid, polib.POEntry(msgid=msgid, msgid_plural=plural, msgstr=""))
        # verlag's own code is named without a line: its lines move with every release, and a
        # reference that changes on its own would rewrite every site.po for nothing
        occurrence = (ref, "" if ref.startswith("pipeline/") else str(line))
        if occurrence not in entry.occurrences:
            entry.occurrences.append(occurrence)
        if "%(" in msgid and "python-format" not in entry.flags:
            entry.flags.append("python-format")
    return [entries[k] for k in sorted(entries)]


def _merge(old: polib.POFile | None, messages: list[polib.POEntry], lang: str, project: str,
           shipped: polib.POFile | None, doubts: list[tuple[int | None, str]], lines: Sequence[str] = ()
           ) -> polib.POFile:
    """Keep every translation whose msgid is still used; unused ones go obsolete. A message new or still
    untranslated in ``old`` takes verlag's own translation from ``shipped`` (a newer verlag's notice in a
    project made before it), else stays empty. A plural message's forms are taken over under ``lang``'s
    Plural-Forms from those of the catalog they come from (``catalog.plural_form_map``): ``old``'s, or
    ``shipped``'s, which may be a parent locale's (``pt`` for ``pt-BR``: ``n != 1``, where ``pt-BR`` has
    ``n > 1``). Where a new form of a translation in the project's own ``old`` covers numbers that old forms with
    different texts said, it is marked fuzzy and said in ``doubts``: the page would say another thing for them;
    so is a message with some forms translated and others empty or missing (fewer ``msgstr[n]`` than nplurals),
    which msgfmt --check refuses unless it is fuzzy and the page shows in English for every count anyway;
    verlag's own words (``old`` is ``shipped``: a new catalog) said nothing in ``lang`` yet and are taken as
    the new rule asks, the text of each form's most typical number. A translated form no form of the new
    Plural-Forms takes (``msgstr[2]`` typed into a catalog of two forms, which no count shows and msgfmt --check
    refuses) is dropped and said in ``doubts`` with its text, at its line of ``old``'s text ``lines``, as
    extract says every text of a reviewer's it removes. Each doubt is (line or None, message)."""
    import polib

    from .catalog import now_stamp, plural_form_map, plural_forms, untranslated_forms

    previous = {e.msgid: e for e in old} if old is not None else {}
    ours = {e.msgid: e for e in shipped if not e.obsolete and not e.fuzzy} if shipped is not None else {}
    po = polib.POFile(wrapwidth=79)
    po.header = old.header if old is not None and old.header else HEADER.format(lang=lang)
    po.metadata = {
        "Project-Id-Version": f"{project} site",
        "PO-Revision-Date": old.metadata.get("PO-Revision-Date", now_stamp()) if old is not None else now_stamp(),
        "Last-Translator": old.metadata.get("Last-Translator", "") if old is not None else "",
        "Language-Team": old.metadata.get("Language-Team", "") if old is not None else "",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang),
        "X-Generator": f"verlag {__version__}",
    }
    for name, value in (old.metadata.items() if old is not None else ()):  # a tool's own fields stay, as in a
        po.metadata.setdefault(name, value)  # catalog of an article (``catalog._metadata``)
    forms = plural_form_map(old.metadata.get("Plural-Forms") if old is not None else None, plural_forms(lang))
    seeded = plural_form_map(shipped.metadata.get("Plural-Forms") if shipped is not None else None,
                             plural_forms(lang))
    moved = 0  # plural translations of the project's own catalog moved to other Plural-Forms
    written = " ".join((old.metadata.get("Plural-Forms") or "").split()) if old is not None else ""
    changed_forms = old is not shipped and written and written.replace(" ", "") != plural_forms(lang).replace(" ", "")
    for message in messages:
        entry = polib.POEntry(msgid=message.msgid, msgid_plural=message.msgid_plural,
                              occurrences=list(message.occurrences), flags=list(message.flags))
        before = previous.pop(message.msgid, None)
        mapped = forms if old is not shipped else seeded
        if (before is None or not (before.msgstr or any(before.msgstr_plural.values()))) \
                and message.msgid in ours:
            before, mapped = ours[message.msgid], seeded
        unsure = []
        if message.msgid_plural:
            kept = before.msgstr_plural if before is not None and before.msgid_plural else {}
            entry.msgstr_plural = {i: kept.get(was[0], "") for i, was in mapped.items()}
            moved += bool(changed_forms and mapped is forms and any(kept.values()))
            if mapped is not seeded:
                unsure = [(i, was) for i, was in mapped.items() if len({kept.get(w, "") for w in was}) > 1]
                taken = {w for was in mapped.values() for w in was}
                for n, text in sorted(kept.items()):
                    if text and n not in taken:
                        doubts.append((_form_line(lines, before.linenum, n),
                                       _dropped_form(message.msgid, n, text, lang, len(mapped))))
        else:
            entry.msgstr = before.msgstr if before is not None and not before.msgid_plural else ""
        # some forms translated, others not (or missing: fewer msgstr[n] than nplurals): msgfmt --check refuses the
        # catalog unless the message is fuzzy, and the page shows the English words for every count either way
        partial = untranslated_forms(entry.msgstr_plural) if before is None or not before.fuzzy else []
        if before is not None and before.fuzzy or unsure or partial:
            entry.flags.append("fuzzy")
        if partial:
            doubts.append((None, f"{message.msgid!r}: msgstr[{'], msgstr['.join(map(str, partial))}] not "
                                 "translated (the page shows the English words for every count until each form "
                                 "is): marked fuzzy, as GNU msgfmt --check refuses a message with some forms "
                                 "translated; translate it and sign it off"))
        for i, was in unsure:
            doubts.append((None, f"{message.msgid!r}: msgstr[{i}] of the new Plural-Forms says numbers the old "
                                 f"forms msgstr[{'], msgstr['.join(map(str, was))}] said differently; it takes the "
                                 f"old msgstr[{was[0]}] ({kept.get(was[0], '')!r}), the form of its most typical "
                                 "number, and is marked fuzzy: check it"))
        entry.tcomment = before.tcomment if before is not None else ""  # the reviewer's notes
        po.append(entry)
    if changed_forms and moved:
        # the header a reviewer's tool wrote (Weblate's nplurals=1 for Turkish) is rewritten and her plural
        # translations moved: said, with why and where each went, not only "updated" (trial 39); with none to move,
        # the header alone changes, as the README says it does
        line = next((n for n, text in enumerate(lines, 1) if text.startswith('"Plural-Forms:')), None)
        doubts.insert(0, (line, f"Plural-Forms {written!r} replaced by {plural_forms(lang)!r}, GNU gettext's for "
                                f"{lang}, which msgfmt, Poedit and Weblate's checks expect and the site's plural "
                                f"rule follows (README: Plural-Forms); {_moved(moved, forms)}"))
    for gone in previous.values():
        if gone.msgid and (gone.msgstr or any(gone.msgstr_plural.values())):
            gone.obsolete = True
            po.append(gone)
    return po


def _moved(count: int, forms: dict[int, tuple[int, ...]]) -> str:
    """What ``_merge`` says became of ``count`` (at least one) plural translations moved by the form map ``forms``."""
    how = ", ".join(f"msgstr[{i}] from the old msgstr[{was[0]}]" for i, was in forms.items())
    return (f"{count} plural translation{'s' if count != 1 else ''} moved to the forms that say the same numbers "
            f"({how}): check {'them' if count != 1 else 'it'}")


def _form_line(lines: Sequence[str], start: int, n: int) -> int | None:
    """The line of ``msgstr[n]`` in the entry that polib says starts at ``start`` of a catalog's ``lines``; None
    without them."""
    found = (number for number in range(max(start, 1), len(lines) + 1)
             if lines[number - 1].replace(" ", "").startswith(f"msgstr[{n}]"))
    return next(found, None)


def _dropped_form(msgid: str, n: int, text: str, lang: str, count: int) -> str:
    """What extract says of a plural message's form ``msgstr[n]`` (``text``) beyond the ``count`` forms of
    ``lang``'s Plural-Forms, which it drops."""
    return (f"{msgid!r}: msgstr[{n}] {excerpt(text)!r} dropped: {lang}'s Plural-Forms has {count} forms "
            f"(msgstr[0] to msgstr[{count - 1}]), so no count showed it, and GNU msgfmt --check refuses a message "
            "with more")


def theme_messages(config: Config) -> list[polib.POEntry]:
    """The messages of the project's theme (its ``templates/`` over verlag's) and of ``site.py``, sorted by
    msgid: what every language's site.po translates."""
    return _entries(_theme_messages(config)[0])


def _entries(messages: list[list]) -> list[polib.POEntry]:
    """``_theme_messages``'s rows (msgid, msgid_plural, occurrences, flags) as untranslated entries."""
    import polib

    return [polib.POEntry(msgid=msgid, msgid_plural=plural, msgstr="", flags=list(flags),
                          occurrences=[tuple(o) for o in occurrences])
            for msgid, plural, occurrences, flags in messages]


def _theme_messages(config: Config, own: _OwnCatalogs | None = None) -> tuple[list[list], str]:
    """``template_messages`` of the project's theme, each as [msgid, msgid_plural, occurrences, flags]
    (``_entries`` makes them entries where a site.po is merged), and their fingerprint (the template files'
    bytes and names as inside the project, so a copy of it keeps them; verlag's code), taken from
    ``.verlag/`` (``MESSAGES_FILE``) while the fingerprint is the same: Babel's extraction is most of what a
    ``verlag extract`` with nothing changed would cost. ``own``: verlag's catalogs as the caller reads them."""
    dirs = theme_dirs(config)
    files = sorted(p for d in dirs for p in d.rglob("*") if p.suffix in (".html", ".xml") and not p.is_dir())
    named = [relpath(path, config.root) for path in (*dirs, *files)]
    fingerprint = digest_bytes(*(read_bytes(p, TEMPLATE, ref) for p, ref in zip(files, named[len(dirs):])),
                               extra=f"{code_digest()}|{named}")
    state = config.state_dir / MESSAGES_FILE
    cached = load_state(state)
    if cached.get("key") == fingerprint and _message_rows(cached.get("messages")):
        return cached["messages"], fingerprint
    messages = (_shipped_messages(own) if dirs == [DEFAULT_THEME] else None) or template_messages(*dirs)
    rows = [[e.msgid, e.msgid_plural, e.occurrences, e.flags] for e in messages]
    save_state(state, {"key": fingerprint, "messages": rows})
    return rows, fingerprint


def _message_rows(rows: object) -> bool:
    """Whether ``rows`` (from ``MESSAGES_FILE``) has the shape ``_theme_messages`` keeps: [msgid, msgid_plural,
    [[file, line], …], [flag, …]], all text; a damaged or crafted record is no record."""
    strings = lambda items, size=None: isinstance(items, list) and (size is None or len(items) == size) \
        and all(isinstance(item, str) for item in items)  # noqa: E731
    return isinstance(rows, list) and all(
        isinstance(row, list) and len(row) == 4 and strings(row[:2]) and isinstance(row[2], list)
        and all(strings(place, 2) for place in row[2]) and strings(row[3]) for row in rows)


class _OwnCatalogs:
    """verlag's own site.po catalogs (``_builtin_po``) as one run reads them: each file's bytes read, and
    parsed, at most once (a cold ``extract`` needs the German one for the theme's messages and again to
    merge the project's German site.po). A catalog that cannot be parsed raises ``VerlagError`` each time."""

    def __init__(self) -> None:
        self._bytes: dict[str, bytes | None] = {}
        self._parsed: dict[str, polib.POFile | None] = {}

    def data(self, lang: str) -> bytes | None:
        if lang not in self._bytes:
            self._bytes[lang] = read_bytes(_builtin_po(lang))
        return self._bytes[lang]

    def catalog(self, lang: str) -> polib.POFile | None:
        """The parsed catalog (None: verlag has none for ``lang``). ``_merge`` may mark its entries obsolete:
        merging it again gives the same catalog, so a merge retried after a concurrent save may reuse it."""
        from .catalog import po_from_bytes

        if lang not in self._parsed:
            self._parsed[lang] = po_from_bytes(self.data(lang), str(_builtin_po(lang)))
        return self._parsed[lang]


def _shipped_messages(own: _OwnCatalogs | None = None) -> list[polib.POEntry] | None:
    """The default theme's messages as verlag's own German site.po holds them (the theme's catalog, made by
    ``template_messages`` and kept equal to it by ``tests/test_uistrings.py``), read in milliseconds instead
    of Babel's extraction of every template (a third of a second, most of a cold extract's serial tail);
    None when that catalog cannot be read."""
    try:
        shipped = (own or _OwnCatalogs()).catalog("de")
    except VerlagError:
        return None
    if shipped is None:
        return None
    import polib

    return [polib.POEntry(msgid=e.msgid, msgid_plural=e.msgid_plural, msgstr="",
                          flags=[f for f in e.flags if f != "fuzzy"], occurrences=[tuple(o) for o in e.occurrences])
            for e in shipped if not e.obsolete]


def update_site_catalogs(config: Config, warnings: list[str] | None = None) -> list[tuple[str, bool]]:
    """Merge the templates' messages into every language's site.po; return the files written (project-relative),
    each with whether it is new (made from verlag's own catalog, none was there). ``warnings``: where the
    plural translations a change of Plural-Forms left unsure (marked fuzzy) are said, ``file: message``.

    A site.po whose bytes are the ones the last merge left, with the same messages, project name, verlag
    code and verlag's own catalog for its language (``_builtin_po``: a release may change only those), is not
    read: merging it again would give the same bytes (``SETTLED_FILE`` holds the
    fingerprint of each as merged; a missing, stale or damaged record only means merging again).
    Raises ``VerlagError`` for a site.po that cannot be read.
    """
    own = _OwnCatalogs()
    messages, fingerprint = _theme_messages(config, own)
    record = config.state_dir / SETTLED_FILE
    settled = load_state(record)
    merged = {}
    written = []
    for lang in (config.source_language, *config.languages):
        path = site_po_path(config, lang)
        ref = relpath(path, config.root)
        ours = own.data(lang)  # verlag's own translation, if there is one

        def update(data: bytes | None) -> bytes:
            from .catalog import catalog_bytes, po_from_bytes

            old = po_from_bytes(data, ref)
            shipped = own.catalog(lang)
            doubts[:] = []  # merged again when a save lands meanwhile: the doubts of the last merge only
            lines = data.decode("utf-8", "replace").splitlines() if old is not None else ()
            merged = _merge(old if old is not None else shipped, _entries(messages), lang, config.name, shipped,
                            doubts, lines)
            return catalog_bytes(merged, data)

        before = read_bytes(path, SITE_WORDS, ref)
        mark = f"{fingerprint}|{lang}|{config.name}"
        if before and settled.get(lang) == digest_bytes(before, ours, extra=mark):
            merged[lang] = settled[lang]
            continue
        doubts: list[tuple[int | None, str]] = []
        after = rewrite(path, update, limit=SITE_WORDS, ref=ref)  # by compare-and-swap: a reviewer's save meanwhile is kept
        if warnings is not None:
            warnings += [f"{ref}:{line}: {doubt}" if line else f"{ref}: {doubt}" for line, doubt in doubts]
        if after != before:
            written.append((ref, before is None))
        merged[lang] = digest_bytes(after, ours, extra=mark)
    save_state(record, merged)
    return written


def _builtin_po(lang: str) -> Path:
    return BUILTIN_TRANSLATIONS / shipped_language(lang) / f"{SITE_CATALOG}.po"


@functools.cache
def shipped_language(lang: str) -> str:
    """The folder of verlag's own site.po that serves the BCP 47 tag ``lang``: its own, else the nearest of its
    CLDR parent locales verlag ships (``pt-BR`` -> ``pt``, ``zh-TW`` and ``zh-HK`` -> ``zh-Hant``, ``zh-CN`` and
    ``zh-Hans`` -> ``zh``, written in Simplified Chinese), else ``lang`` itself (none: English). Parents follow
    CLDR (UTS #35): its parentLocales exceptions (``es-MX`` -> ``es-419``), else the tag cut at its last subtag,
    never from a script to a language whose likely script is another: ``zh-Hant`` never falls back to ``zh``."""
    if (BUILTIN_TRANSLATIONS / lang).is_dir():
        return lang
    from babel import Locale
    from babel.core import UnknownLocaleError, get_global

    try:
        name = str(Locale.parse(lang, sep="-"))  # likely subtags added: zh-TW is zh_Hant_TW
    except (ValueError, TypeError, UnknownLocaleError):
        return lang
    parents, likely = get_global("parent_exceptions"), get_global("likely_subtags")
    while name:
        folder = name.replace("_", "-")
        if (BUILTIN_TRANSLATIONS / folder).is_dir():
            return folder
        parent = parents.get(name) or name.rpartition("_")[0]
        language, _, script = name.partition("_")
        if parent == language and script.istitle() and len(script) == 4 \
                and likely.get(language, "").split("_")[1:2] != [script]:
            break  # CLDR: zh_Hant's parent is root, not zh
        name = "" if parent == "root" else parent
    return lang


def unshipped(languages) -> list[str]:
    """The codes of ``languages`` verlag ships no website words for (no ``site.po`` of its own; English needs
    none: the messages are English): their pages show those words in English until the project's site.po has
    them."""
    return [lang for lang in languages if lang.split("-")[0].lower() != "en" and not _builtin_po(lang).exists()]


def unshipped_advice(languages: list[str], english_names: dict[str, str]) -> str:
    """What to tell the author about ``languages`` (``unshipped``): what readers see and how to add the words."""
    named = ", ".join(f"{lang} ({english_names[lang]})" for lang in languages)
    files = " and ".join(f"translations/{lang}/{SITE_CATALOG}.po" for lang in languages)
    return (f"verlag ships no website words (menus, notices, the reading time's wording) in {named}: their pages "
            f"show them in English, marked lang=\"en\", until you translate the msgstr lines of {files} "
            "(verlag extract writes them)")


def english_advice(config: Config, lang: str, name: str, english: list[str]) -> str:
    """What to tell the author about ``english`` (``in_english``, not empty), the website words ``lang`` (its
    English ``name``) shows in English: that verlag ships none (``unshipped_advice``), or which ones."""
    if unshipped([lang]) and len(english) == len(theme_messages(config)):  # not one of them translated
        return unshipped_advice([lang], {lang: name})
    shown = ", ".join(f'"{msgid}"' for msgid in english[:5]) + (f" and {len(english) - 5} more"
                                                               if len(english) > 5 else "")
    return (f"{lang}: {counted(len(english), 'website message')} shown in English, marked "
            f"lang=\"en\" (untranslated or fuzzy in {relpath(site_po_path(config, lang), config.root)}, or held "
            f"back by verlag check): {shown}")


def translations_digest(config: Config, lang: str) -> str:
    """A digest of everything ``load_translations(config, lang)`` answers from: verlag's code and the bytes
    of the project's and verlag's own ``site.po`` for ``lang`` (absent ones included as absent). The site
    keys what it renders with the UI words on it, without reading or checking the catalogs."""
    try:
        project = read_bytes(site_po_path(config, lang), SITE_WORDS)
    except VerlagError:  # no file (``NotAFile``) or too large: ``load_translations`` says so on every build
        project = b"\0"
    return digest_bytes(project, read_bytes(_builtin_po(lang)), extra=f"{code_digest()}|{lang}")


def load_translations(config: Config, lang: str, errors: list[VerlagError] | None = None) -> NullTranslations:
    """The UI translations for one language; English (the msgids) where there are none.

    A project ``site.po`` that cannot be read raises ``VerlagError``, or, given ``errors``, is appended
    there and verlag's built-in translations for ``lang`` are used (so one file does not stop the site).

    Every msgstr comes back as a Python %-format string of plain text: a ``%``
    that is not one of the msgid's own placeholders (``%(name)s``) is doubled,
    so "100 % Themen" shows as typed and an unknown ``%(x)s`` shows as
    ``%(x)s``. Messages with an error finding of ``check.check_site_catalog``
    (markup, a changed placeholder) show the English text instead, as an
    article segment with a QA error shows the German. The caller escapes the
    text as HTML (``gettext_as_text``): translations never carry markup.
    """
    from babel.support import NullTranslations

    from .catalog import read_po

    path = site_po_path(config, lang)
    if not path.exists():
        path = _builtin_po(lang)  # verlag's theme comes with its translations
    ref = relpath(path, config.root)
    try:
        po = read_po(path, ref, SITE_WORDS)
    except VerlagError as exc:
        if errors is None or path == _builtin_po(lang):
            raise
        errors.append(exc)  # one reviewer's broken file: that language gets verlag's own words, and exit 2
        path = _builtin_po(lang)
        ref = relpath(path, config.root)
        po = read_po(path, ref)
    if po is None:
        return NullTranslations()
    try:
        return _as_translations(po, ref, lang)
    except (ValueError, SyntaxError) as exc:  # gettext reads Plural-Forms: "plural form expression is too complex"
        problem = VerlagError(f"Plural-Forms: {exc}; verlag's own words are shown instead (verlag extract writes "
                              "the header for the language)", ref, _header_line(path, "Plural-Forms"))
        if errors is None or path == _builtin_po(lang):
            raise problem from None
        errors.append(problem)
    builtin = _builtin_po(lang)
    po = read_po(builtin, relpath(builtin, config.root))
    return _as_translations(po, relpath(builtin, config.root), lang) if po is not None else NullTranslations()


def _as_translations(po: polib.POFile, ref: str, lang: str) -> NullTranslations:
    """``po`` (a site.po) as babel ``Translations``, each msgstr plain %-format text, those with an error
    finding emptied (see ``load_translations``). Raises ``ValueError`` for a Plural-Forms gettext refuses, one of
    more forms than any language has (``catalog.nplurals``) or whose expression divides by zero for an n of ``catalog.PROBED`` (as ``msgfmt --check`` tries them)."""
    from babel.support import Translations

    from .catalog import key
    from .check import blocked_keys, check_site_catalog, placeholders

    plural = plural_rule(po)
    blocked = blocked_keys(check_site_catalog(po, ref, lang))
    for entry in po:
        declared = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
        if key(entry) in blocked:
            entry.msgstr, entry.msgstr_plural = "", {n: "" for n in entry.msgstr_plural}
        entry.msgstr = _literal_percent(entry.msgstr, declared)
        entry.msgstr_plural = {n: _literal_percent(text, declared) for n, text in entry.msgstr_plural.items()}
    translations = Translations(io.BytesIO(po.to_binary()))

    def guarded(n: int) -> int:
        """``plural``, or -1 (no form: the English words) for an n beyond ``PROBED`` it divides by zero for."""
        try:
            return plural(n)
        except ArithmeticError:
            return -1

    translations.plural = guarded
    return translations


def plural_rule(po: polib.POFile) -> Callable[[int], int]:
    """The plural function of ``po``'s Plural-Forms (a site.po) as the build compiles it: Python's gettext reads
    the header of the catalog compiled (babel ``Translations``; ``lambda n: int(n != 1)`` without one). Raises
    ``ValueError`` for one gettext refuses ("plural form expression is too complex", "unbalanced parenthesis"),
    one of more forms than any language has (``catalog.nplurals``) or whose expression divides by zero for an n
    of ``catalog.PROBED`` (as ``msgfmt --check`` tries them). Shared by the build and ``check``, so both name
    the same header."""
    import polib
    from babel.support import Translations

    from .catalog import PROBED, nplurals

    nplurals(po.metadata.get("Plural-Forms", ""))  # raises for more forms than any language has
    header = polib.POFile()
    header.metadata = dict(po.metadata)
    try:
        plural = Translations(io.BytesIO(header.to_binary())).plural
    except (SyntaxError, RecursionError) as exc:  # ValueError for the others (gettext.c2py)
        raise ValueError(str(exc) or type(exc).__name__) from None
    for n in PROBED:
        try:
            plural(n)
        except ArithmeticError:
            raise ValueError(f"the plural expression divides by zero for n = {n}") from None
    return plural


def _header_line(path: Path, field: str) -> int | None:
    """The line of ``path`` (a site.po) that starts the header field ``field``, or None (also for one that cannot
    be read or is over ``limits.SITE_WORDS``, not read)."""
    try:
        lines = file_bytes(path, SITE_WORDS).decode("utf-8", errors="replace").split("\n")
    except (OSError, VerlagError):
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f'"{field}:')), None)


_PERCENT = LazyPattern(r"%(%|\((\w+)\)s)?")


def _literal_percent(text: str, declared: set[str]) -> str:
    return _PERCENT.sub(lambda m: m.group(0) if m.group(1) == "%" or m.group(2) in declared
                        else "%" + m.group(0), text)


# Around a message shown in English for want of a translation (``english_fallback``), until ``mark_english``
# gives it lang="en"; Unicode private-use characters. MESSAGE_OPEN and MESSAGE_CLOSE enclose the whole message,
# placeholders included: on a right-to-left page its English words and values ("1 article") run left to right as one.
ENGLISH_OPEN, ENGLISH_CLOSE = "\ue040", "\ue041"
MESSAGE_OPEN, MESSAGE_CLOSE = "\ue042", "\ue043"
# Around a placeholder value said both ways (``Worded``): the page's language, then English.
BOTH_OPEN, BOTH_MID, BOTH_CLOSE = "\ue044", "\ue045", "\ue046"
_MARKS = str.maketrans("", "", ENGLISH_OPEN + ENGLISH_CLOSE + MESSAGE_OPEN + MESSAGE_CLOSE)
# Text may hold those characters too (an imported post, a translation, a name in verlag.toml): read as marks they
# would cut out what lies between (a value's English form), a quote closing an attribute with it, and make the text
# after it attributes (onfocus=...). So verlag writes each mark followed by _SEAL, random per process and never
# on a page, and ``_own_marks`` reads only a sealed mark as one, leaving every other such character out.
_SEAL = os.urandom(8).hex()
_ALL_MARKS = ENGLISH_OPEN + ENGLISH_CLOSE + MESSAGE_OPEN + MESSAGE_CLOSE + BOTH_OPEN + BOTH_MID + BOTH_CLOSE
_ANY_MARK = LazyPattern(f"([{_ALL_MARKS}])({_SEAL})?")
(_ENGLISH_OPEN, _ENGLISH_CLOSE, _MESSAGE_OPEN, _MESSAGE_CLOSE,
 _BOTH_OPEN, _BOTH_MID, _BOTH_CLOSE) = (mark + _SEAL for mark in _ALL_MARKS)  # as verlag writes them


def _own_marks(text: str) -> str:
    """``text`` with verlag's own (sealed) marks as the single characters the patterns below read, and every mark
    character without the seal, which came with the text, left out (U+E040-U+E046 are private use: no reader's
    font draws them)."""
    return _ANY_MARK.sub(lambda m: m[1] if m[2] else "", text)
_PAGE_FORM = LazyPattern(f"{BOTH_OPEN}([^{BOTH_MID}]*){BOTH_MID}[^{BOTH_CLOSE}]*{BOTH_CLOSE}")
_CONTEXT = LazyPattern(f"[{MESSAGE_OPEN}{MESSAGE_CLOSE}]|{BOTH_OPEN}([^{BOTH_MID}]*){BOTH_MID}([^{BOTH_CLOSE}]*){BOTH_CLOSE}")
# a message whose English is one piece (its lang="en" span is enough), or none at all (a bare placeholder)
_ONE_PART = LazyPattern(f"{MESSAGE_OPEN}((?:{ENGLISH_OPEN}[^{ENGLISH_OPEN}{MESSAGE_OPEN}]*?{ENGLISH_CLOSE})?|"
                       f"[^{ENGLISH_OPEN}{MESSAGE_OPEN}{MESSAGE_CLOSE}]*){MESSAGE_CLOSE}")
_NAMED = LazyPattern(r"%\(\w+\)s")  # a placeholder of a python-format message
# A tag, or a raw-text element (RCDATA: title, textarea) with its content, where no span may go: one not closed
# runs to the end of the page, as HTML reads it (HTML Living Standard 13.2.5.2-3), and a tag holds no "<" (as a
# browser reads an open tag, none crosses a "<" written in the text). Searched to its end from every opening it
# was quadratic: a page of 8,000 "<script>" took 5 s, 8,000 "<title " 0.7 s.
_HIDDEN_FROM_MARKS = LazyPattern(r"<(title|script|style|textarea)\b[^<>]*>(?:.*?</\1\s*>|.*)|<[^<>]*>", re.S | re.I)


class Worded(str):
    """A placeholder value (a language's name, a reading time, a date) in the page's language, which a message
    shown in English (``english_fallback``) says in English instead: "the original in German", not "the
    original in niemiecki". As a str it is the page's text; as HTML (``__html__``, how a message's values are
    inserted) it carries both forms between ``BOTH_OPEN``/``BOTH_MID``/``BOTH_CLOSE``, and ``mark_english``
    keeps the English one, marked lang="en", inside a message shown in English, the page's one elsewhere."""

    english: str

    def __new__(cls, text: str, english: str) -> Worded:
        value = super().__new__(cls, text)
        value.english = english
        return value

    def __reduce__(self):
        return Worded, (str(self), self.english)

    def __html__(self) -> str:
        from markupsafe import escape

        return f"{_BOTH_OPEN}{escape(str(self))}{_BOTH_MID}{escape(self.english)}{_BOTH_CLOSE}"

    def both(self) -> str:
        """Both forms as plain text (not escaped), for a message filled in outside HTML; ``unmarked`` picks one."""
        return f"{_BOTH_OPEN}{str(self)}{_BOTH_MID}{self.english}{_BOTH_CLOSE}"


def _resolve(text: str, marked: bool) -> str:
    """``text`` with each ``Worded`` value in the form its innermost enclosing message needs: English inside a
    message shown in English (between ENGLISH_OPEN and ENGLISH_CLOSE where ``marked``), else the page's."""
    if BOTH_OPEN not in text:
        return text
    depth = [False]

    def choose(match: re.Match) -> str:
        token = match.group(0)
        if token == MESSAGE_OPEN:
            depth.append(True)
        elif token == MESSAGE_CLOSE:
            if len(depth) > 1:
                depth.pop()
        elif depth[-1]:
            return f"{ENGLISH_OPEN}{match.group(2)}{ENGLISH_CLOSE}" if marked else match.group(2)
        else:
            return match.group(1)
        return token

    return _CONTEXT.sub(choose, text)


def english_fallback(lang: str, translations: NullTranslations) -> bool:
    """Make ``translations`` (a language's UI words, ``load_translations``) answer a message it has no usable
    translation for with the English msgid between ``ENGLISH_OPEN`` and ``ENGLISH_CLOSE``, so the page can say
    which words are English (WCAG 3.1.2 Language of Parts; SITE.md 2). Nothing changes for English itself
    (BCP 47 primary subtag ``en``): the msgids are English. Returns whether the marks were added."""
    if lang.split("-")[0].lower() == "en":
        return False
    translations.add_fallback(_English())
    return True


class _English(gettext.NullTranslations):
    """The last fallback of a language's UI words: the English msgid, marked (``english_fallback``) but for its
    placeholders, whose values (a date, "1 minuto", a link to the original) are in the page's language."""

    def gettext(self, message: str) -> str:
        parts = _ENGLISH_OPEN + _NAMED.sub(rf"{_ENGLISH_CLOSE}\g<0>{_ENGLISH_OPEN}", message) + _ENGLISH_CLOSE
        return _MESSAGE_OPEN + parts + _MESSAGE_CLOSE

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def in_english(translations: NullTranslations, messages: list[polib.POEntry]) -> list[str]:
    """The msgids of ``messages`` that ``translations`` (given ``english_fallback``) shows in English: missing,
    empty or fuzzy in the language's site.po, or held back by ``verlag check``."""
    return [m.msgid for m in messages if translations.gettext(m.msgid).startswith(_MESSAGE_OPEN)]


def unmarked(text: str) -> str:
    """``text`` without the marks of ``english_fallback`` (for words used where no element can carry lang),
    each ``Worded`` value in the form its message needs; a mark character the text itself holds is left out."""
    return _unmarked(_own_marks(text))


def _unmarked(text: str) -> str:
    return _resolve(text, marked=False).translate(_MARKS)


def mark_english(rendered: str, xml: bool = False, direction: str = "ltr") -> str:
    """A rendered template with each message the marks of ``english_fallback`` enclose in
    ``<span lang="en">``; marks inside a tag (an attribute value) or a raw-text element (``<title>``,
    ``<script>``, ``<style>``, ``<textarea>``), where no element may go, and all marks of an XML file (``xml``:
    feeds, sitemap) are dropped instead. On a page whose text runs right to left (``direction`` "rtl"), an
    English message with placeholders is one ``<span dir="ltr">``, so its words and values keep their order
    (``bidi.mark_directions`` gives the ``lang="en"`` spans their ``dir``). A mark character the page's text
    holds (an imported post's, a translation's) is no mark: it is left out (``_own_marks``)."""
    rendered = _own_marks(rendered)
    if ENGLISH_OPEN not in rendered:  # no message shown in English: every value in the page's language
        return _PAGE_FORM.sub(r"\1", rendered) if BOTH_OPEN in rendered else rendered
    if xml:
        return _unmarked(rendered)
    rendered = _HIDDEN_FROM_MARKS.sub(lambda m: _unmarked(m.group(0)), rendered)
    rendered = _resolve(rendered, marked=True).replace(ENGLISH_CLOSE + ENGLISH_OPEN, "")  # one span per run
    rendered = rendered.replace(ENGLISH_OPEN + ENGLISH_CLOSE, "")  # a message ending in a placeholder
    if direction == "rtl":
        rendered = _ONE_PART.sub(r"\1", rendered).replace(MESSAGE_OPEN, '<span dir="ltr">')
        rendered = rendered.replace(MESSAGE_CLOSE, "</span>")
    else:
        rendered = rendered.replace(MESSAGE_OPEN, "").replace(MESSAGE_CLOSE, "")
    return rendered.replace(ENGLISH_OPEN, '<span lang="en">').replace(ENGLISH_CLOSE, "</span>")


def gettext_as_text(translations: NullTranslations) -> dict[str, Callable]:
    """``gettext`` and ``ngettext`` for ``Environment.install_gettext_callables``, returning escaped Markup.

    Jinja's i18n extension marks what gettext returns as safe HTML; escaping it
    first makes a site.po translation plain text wherever it lands. Markup a
    message needs (a link inside a sentence) comes from the template as a
    placeholder value (``{% trans link=link %}``), which Jinja inserts as it is.
    """
    from markupsafe import escape

    return {"gettext": lambda message: escape(translations.gettext(message)),
            "ngettext": lambda singular, plural, n: escape(translations.ngettext(singular, plural, n))}

"""The site's own words ("Updated on", notices, feed titles): gettext messages in the Jinja2 templates.

The templates say them in English (``{% trans %}``, ``_()``); Babel's Jinja2
extractor collects them, ``verlag extract`` merges them into
``translations/<lang>/site.po`` beside the article catalogs, and the site
reads each language's catalog. A missing or untranslated message shows the
English text, so a new language works before its ``site.po`` is done.
"""

from __future__ import annotations

import io
from pathlib import Path

import polib
from babel.messages.extract import extract, extract_from_file
from babel.support import NullTranslations, Translations

from . import __version__
from .catalog import now_stamp, plural_form_map, plural_forms, read_po, render
from .config import Config
from .fsutil import relpath, write_if_changed

SITE_CATALOG = "site"  # translations/<lang>/site.po; no article may take this slug
VERLAG_HOME = Path(__file__).resolve().parents[1]  # verlag's own theme and UI translations live here
JINJA_EXTENSIONS = "jinja2.ext.i18n"
HEADER = ("The website's own words in {lang} (menus, notices; dates come from Babel), from the templates.\n"
          "Written by 'verlag extract'; translate the msgstr lines. Empty ones show the English text.")


def site_po_path(config: Config, lang: str) -> Path:
    return config.translations_dir / lang / f"{SITE_CATALOG}.po"


def theme_dirs(config: Config) -> list[Path]:
    """The project's own ``templates/`` (if any) first, then verlag's default theme."""
    dirs = [config.root / "templates", VERLAG_HOME / "templates"]
    return [d for i, d in enumerate(dirs) if d.is_dir() and d.resolve() not in [x.resolve() for x in dirs[:i]]]


def template_messages(*templates_dirs: Path) -> list[polib.POEntry]:
    """Every message of the templates (Babel's Jinja2 extractor) and of ``site.py``, sorted by msgid.

    With several theme folders, a template in an earlier one hides the one of the same name after it.
    """
    templates: dict[str, Path] = {}
    for folder in templates_dirs:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".xml"):
                templates.setdefault(path.relative_to(folder).as_posix(), path)
    found = []
    for name, path in sorted(templates.items()):
        with path.open("rb") as fh:
            found += [(f"templates/{name}", line, message) for line, message, _, _ in
                      extract("jinja2.ext:babel_extract", fh, options={"extensions": JINJA_EXTENSIONS})]
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


def _merge(old: polib.POFile | None, messages: list[polib.POEntry], lang: str, project: str) -> polib.POFile:
    """Keep every translation whose msgid is still used; new messages start empty; unused ones go obsolete."""
    previous = {e.msgid: e for e in old} if old is not None else {}
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
    forms = plural_form_map(old.metadata.get("Plural-Forms") if old is not None else None, plural_forms(lang))
    for message in messages:
        entry = polib.POEntry(msgid=message.msgid, msgid_plural=message.msgid_plural,
                              occurrences=list(message.occurrences), flags=list(message.flags))
        before = previous.pop(message.msgid, None)
        if message.msgid_plural:
            kept = before.msgstr_plural if before is not None and before.msgid_plural else {}
            entry.msgstr_plural = {i: kept.get(was, "") for i, was in forms.items()}
        else:
            entry.msgstr = before.msgstr if before is not None and not before.msgid_plural else ""
        if before is not None and before.fuzzy:
            entry.flags.append("fuzzy")
        entry.tcomment = before.tcomment if before is not None else ""  # the reviewer's notes
        po.append(entry)
    for gone in previous.values():
        if gone.msgid and (gone.msgstr or any(gone.msgstr_plural.values())):
            gone.obsolete = True
            po.append(gone)
    return po


def update_site_catalogs(config: Config) -> list[str]:
    """Merge the templates' messages into every language's site.po; return the files written."""
    messages = template_messages(*theme_dirs(config))
    written = []
    for lang in (config.source_language, *config.languages):
        path = site_po_path(config, lang)
        ref = relpath(path, config.root)
        old = read_po(path, ref)
        if old is None:
            old = read_po(_builtin_po(lang), ref)  # start from verlag's own translation, if there is one
        if write_if_changed(path, render(_merge(old, messages, lang, config.name))):
            written.append(ref)
    return written


def _builtin_po(lang: str) -> Path:
    return VERLAG_HOME / "translations" / lang / f"{SITE_CATALOG}.po"


def load_translations(config: Config, lang: str) -> NullTranslations:
    """The UI translations for one language; English (the msgids) where there are none."""
    path = site_po_path(config, lang)
    if not path.exists():
        path = _builtin_po(lang)  # verlag's theme comes with its translations
    po = read_po(path, relpath(path, config.root))
    if po is None:
        return NullTranslations()
    for entry in po:
        _drop_added_html(entry)
    return Translations(io.BytesIO(po.to_binary()))


def _drop_added_html(entry: polib.POEntry) -> None:
    """A UI translation with raw HTML its English msgid lacks shows the English instead.

    Jinja marks translated UI strings safe, so this is where a ``<script>`` in a site.po
    msgstr would otherwise reach every page of that language.
    """
    from .check import parts

    allowed = parts(entry.msgid).html
    if entry.msgid_plural:
        allowed = allowed | parts(entry.msgid_plural).html
        if any(parts(text).html - allowed for text in entry.msgstr_plural.values()):
            entry.msgstr_plural = {n: "" for n in entry.msgstr_plural}
    elif parts(entry.msgstr).html - allowed:
        entry.msgstr = ""

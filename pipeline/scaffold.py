"""``verlag init`` and ``verlag new``: start a content project or an article."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import sys
import unicodedata
from pathlib import Path
from typing import Callable

import yaml

from .config import CONFIG_NAME, DEFAULT_BASE_URL, Config, check_language
from .errors import VerlagError
from .fsutil import file_bytes, relpath, windows_reserved, write_if_changed
from .limits import SOURCE
from .sources import EXAMPLE_LINES, RESERVED_SLUGS, slugs_in_use

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})

# A German practice's zone: the times an author writes and the feeds of the blog moved from are read in it.
DEFAULT_TIMEZONE = "Europe/Berlin"

CONFIG_TEMPLATE = """\
# verlag content project: see README.md of verlag for every setting.
name = {name}
source_language = "de"
languages = {languages}
# "sentence" (default) or "block": one catalog entry per sentence or per paragraph.
segmentation = "sentence"
author = {author}
# The zone (an IANA name) of the times written without one: front matter's, and those of a post imported from
# an old blog (a Wix feed's "22:30 GMT" on 12 October is the 13th in Berlin, the day that blog showed).
timezone = {timezone}

[publish]
# Fuzzy (unreviewed) text: "source" shows the German text instead, "machine" publishes it
# (never on the legal pages below: they publish reviewed translations only).
unreviewed = "source"
# An edition is published once this percentage of its words is shown in its own language.
min_translated = 80

[pretranslate]
# Tried in order: your own reviewed translations first, then a machine translation service.
engines = ["tm", "google"]

[site]
base_url = {base_url}
# Pages of source_de/seiten/ linked from the footer of every page, in every language. A German
# practice website needs both: Impressum (§ 5 DDG) and Datenschutzerklärung (Art. 13 DSGVO). Their
# translations are published only where a reviewer signed them off; the rest shows the German text.
legal = ["impressum", "datenschutz"]

# Whom each language's byline names as its translator; without it, the catalog's Last-Translator,
# whoever saved it last. A health site says who answers for each language: delete the "# ".
# [site.translator]
# {first} = "Vorname Nachname"
"""

EXAMPLE = """\
---
title: Willkommen in der Praxis
{author}date: {date}
summary: Ein erster Beitrag, der zeigt, wie ein Artikel aufgebaut ist.
tags: [Praxis]
draft: true
---
Schön, dass Sie hier sind. Dieser Beitrag ist ein Beispiel, z. B. für Überschriften und Listen.

## Was Sie hier finden

- Beiträge zu Gesundheitsthemen
- Tipps für den Alltag

Haben Sie Fragen? [Schreiben Sie uns](https://example.org/kontakt).
"""

# Legal pages with [[AUSFÜLLEN: ...]] placeholders; 'verlag build' warns while one is left (practice.py).
IMPRESSUM = """\
---
title: Impressum
date: {date}
---
## Angaben gemäß § 5 DDG

[[AUSFÜLLEN: Name der Praxis]]  
[[AUSFÜLLEN: Vor- und Nachname, Berufsbezeichnung]]  
[[AUSFÜLLEN: Straße und Hausnummer, PLZ und Ort]]

## Kontakt

Telefon: [[AUSFÜLLEN: Telefonnummer]]  
E-Mail: [[AUSFÜLLEN: E-Mail-Adresse]]

## Aufsichtsbehörde

[[AUSFÜLLEN: zuständiges Gesundheitsamt oder Kammer]]
"""

DATENSCHUTZ = """\
---
title: Datenschutzerklärung
date: {date}
---
## Verantwortliche Stelle

[[AUSFÜLLEN: Name und Anschrift der Praxis]]

## Welche Daten diese Website verarbeitet

[[AUSFÜLLEN: Server-Protokolle, Speicherdauer, eingebundene Dienste]]

## Ihre Rechte

Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten und können sich bei einer
Aufsichtsbehörde für den Datenschutz beschweren.
"""

GITIGNORE = "editions/\nsite/\nreview/\n.verlag/\n*.mo\n"
# git's merge driver for catalogs (README, "Merging a reviewer's branch"): this line, and in each clone once
DRIVER_CONFIG = 'git config merge.verlag.driver "verlag merge-catalogs %O %A %B %P"'


def running_verlag() -> str:
    """The command that runs this verlag, for the shell git runs a merge driver in: the ``verlag`` script
    installed beside this Python (a virtual environment's ``bin/``), else this Python with ``-m verlag``; by
    absolute path, quoted for ``sh``. git runs the driver with its own PATH, where a virtual environment's
    ``verlag`` is not found unless it is activated (trial 14: ``verlag: not found``, and the catalog conflicted)."""
    script = Path(sys.executable).parent / ("verlag.exe" if os.name == "nt" else "verlag")
    return shlex.quote(str(script)) if script.is_file() else f"{shlex.quote(sys.executable)} -m verlag"


def driver_config(verlag: str) -> str:
    """The ``git config`` line that turns the merge driver on in a clone, with ``verlag`` (``running_verlag``) as
    the command git runs; quoted for ``sh`` whatever the path holds."""
    return f"git config merge.verlag.driver {shlex.quote(f'{verlag} merge-catalogs %O %A %B %P')}"


# the templates too: both sides' extract rewrites one (its dates, its digest), which git's line merge conflicts on
GITATTRIBUTES = (f"# catalogs and templates are merged entry by entry once each clone ran: {DRIVER_CONFIG}\n"
                 "# (with verlag's full path where git's PATH has no verlag, as verlag init prints it)\n"
                 "*.po merge=verlag\n*.pot merge=verlag\n")
LEGAL_TEMPLATES = {"impressum": IMPRESSUM, "datenschutz": DATENSCHUTZ}  # slug -> the page init writes
# The slugs other sites give these pages -> the legal page's slug here: WordPress's own privacy page
# (``privacy-policy``, German ``datenschutzerklaerung``), German and English names of the Impressum (§ 5 DDG).
LEGAL_SLUGS = {**{slug: slug for slug in LEGAL_TEMPLATES},
               **dict.fromkeys(("datenschutzerklaerung", "datenschutz-erklaerung", "privacy-policy"), "datenschutz"),
               **dict.fromkeys(("imprint", "anbieterkennzeichnung"), "impressum")}


# The day init wrote a legal page, in its front matter: a page's day is its file's otherwise, which a checkout
# (a CI's deploy) sets to today on every clone, changing the page and the sitemap each time.
INIT_DATE_RE = re.compile(r"\A---\ntitle: [^\n]*\ndate: (\d{4}-\d{2}-\d{2})\n", re.M)


def untouched_template(path: Path) -> bool:
    """Whether ``path`` is a legal page exactly as ``init_project`` wrote it (``LEGAL_TEMPLATES``, by its
    slug), so replacing it loses nothing the author wrote; False for any other file, an unreadable one, a named
    pipe (never opened: that waits for a writer) and one over ``limits.SOURCE`` (not read)."""
    template = LEGAL_TEMPLATES.get(path.stem)
    if template is None:
        return False
    try:
        text = file_bytes(path, SOURCE).replace(b"\r\n", b"\n").decode("utf-8")
    except (OSError, VerlagError, UnicodeDecodeError):
        return False
    day = INIT_DATE_RE.search(text)
    return template is not None and day is not None and text == template.format(date=day.group(1))


MADE_SLUG = 100  # the longest slug ``ascii_slug`` makes of a title: an address to read, room for ``-2``, ``-3``, …


def slugify(title: str) -> str:
    """ASCII slug; German umlauts and ß transliterated the German way (ä → ae); "artikel" when ``title`` has
    no letter or digit to make one of (``ascii_slug`` is "" then)."""
    return ascii_slug(title) or "artikel"


def title_slug(title: str) -> str:
    """The slug an article gets from its ``title`` (``verlag new``, ``verlag import``): made of the words a reader
    sees of it (``rawhtml.shown_text``: tags and a script's content dropped, ``&amp;`` decoded), not of the markup
    in it (fresh-user trial 26: ``<script>alert(1)</script>`` in a Hugo title named the file
    …-script-alert-1-script-….md and its address so; ``new "<b>Tee</b> am Abend"`` made b-tee-b-am-abend); of its
    text without the tags when no word is left (the title the import writes then), else ``slugify``'s."""
    from .rawhtml import shown_text, without_tags  # only where a title is made a slug: not on a no-op path

    return ascii_slug(shown_text(title)) or ascii_slug(without_tags(title)) or slugify(title)


def ascii_slug(text: str) -> str:
    """``slugify``'s slug of ``text``, "" when it has no letter or digit; the words of a long one up to
    ``MADE_SLUG`` characters (a pasted post's first sentence as its title made a slug over ``sources.SLUG_MAX``)."""
    text = unicodedata.normalize("NFC", text).translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) <= MADE_SLUG:
        return slug
    cut = slug[:MADE_SLUG + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MADE_SLUG]).strip("-")


def _toml(value: str | list[str]) -> str:
    """A TOML basic string (or array of them); JSON's escapes are TOML's for these."""
    return json.dumps(value, ensure_ascii=False)


def init_project(root: Path, name: str | None = None, author: str = "", base_url: str | None = None,
                 languages: tuple[str, ...] = ("en", "fr")) -> tuple[list[Path], list[str]]:
    """Scaffold into an empty or missing directory; refuse to touch existing content (``VerlagError``).

    Returns the files written and the settings the author still has to fill in (the site name when it
    was taken from the folder, the author, the public base URL; the time zone written, to change outside Germany).
    """
    if root.exists() and not root.is_dir():
        raise VerlagError("exists and is not a directory", root)
    if root.exists() and any(p for p in root.iterdir() if not p.name.startswith(".")):
        raise VerlagError("directory is not empty; 'verlag init' only scaffolds a new project", root)
    for code in languages or ("",):
        check_language(code, None, "", "--languages")
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise VerlagError("--base-url: expected an absolute http(s) URL such as https://example.org/, "
                          f"got {base_url!r}")
    today = dt.date.today().isoformat()
    config = CONFIG_TEMPLATE.format(name=_toml(name or root.resolve().name), author=_toml(author),
                                    timezone=_toml(DEFAULT_TIMEZONE),
                                    languages=_toml(list(languages)), base_url=_toml(base_url or DEFAULT_BASE_URL),
                                    first=next(iter(languages), "en"))
    byline = yaml.safe_dump({"author": author}, allow_unicode=True, width=1 << 16) if author else ""
    files = {
        root / CONFIG_NAME: config,
        root / "source_de" / "willkommen.md": EXAMPLE.format(author=byline, date=today),
        **{root / "source_de" / "seiten" / f"{slug}.md": text.format(date=today)
           for slug, text in LEGAL_TEMPLATES.items()},
        root / ".gitignore": GITIGNORE,
        root / ".gitattributes": GITATTRIBUTES,
    }
    for path, text in files.items():
        write_if_changed(path, text)
    for folder in ("translations/templates", "templates"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    todo = [f"name = {_toml(root.resolve().name)} (taken from the folder): the site's name"] if not name else []
    todo += ["author = \"\": your name, for new articles and the feeds"] if not author else []
    todo += [f"[site] base_url = \"{DEFAULT_BASE_URL}\": the address the site will have"] if not base_url else []
    return list(files), todo


# The optional keys a new article may want, as YAML comments showing a form that parses: an empty
# "summary: ''" invites text typed after the quotes, and a colon in an unquoted value breaks the YAML.
OPTIONAL_KEYS = ("# summary: \"Ein Satz für die Artikelliste, den Feed und geteilte Links\"   # optional\n"
                 "# tags: [Thema, Zweites Thema]   # optional\n")


def new_article(config: Config, title: str, today: dt.date | None = None,
                shown: Callable[[Path], str] | None = None) -> tuple[Path, str | None]:
    """Create ``source_de/<slug>.md``: front matter with the title, the configured author, ``today`` and
    ``draft: true`` (so the placeholder text is never published), the optional ``summary`` and ``tags``
    as commented examples (``OPTIONAL_KEYS``), and a body to replace. Returns the file and a note (None: nothing
    to say): that its name is made up when the title has no letter or digit to make a slug of (``slugify``'s
    "artikel"), and, when the title's slug was taken, by whom ("the slug 'impressum' is
    source_de/seiten/impressum.md's") or by the catalogs a deleted article left behind, and how to continue those
    instead.

    The slug is made of the words a reader sees of the title (``title_slug``), one no article or page uses
    (``sources.slugs_in_use``: file names and ``slug:`` lines of ``source_de/`` and ``source_de/seiten/``) and no
    article names as an old address in its ``aliases`` (``redirects.old_names``: that address and links to the
    old file lead to it) and no kept catalog names
    (``translations/<lang>/<slug>.po`` of a deleted article: its header and translator credit are another
    article's), else gets ``-2``, ``-3``, …: articles and pages share one slug and with it one catalog per
    language. ``shown`` names a file of the project in the note (default: relative to the project; the command
    line names it relative to the folder verlag ran in). So does a slug Windows keeps for a device (``con``, ``aux``: ``fsutil.windows_reserved``): no file
    or folder there may have it, so the project could not be checked out. A title whose slug is reserved
    (``sources.RESERVED_SLUGS``) raises ``VerlagError``."""
    if not title.strip():
        raise VerlagError("the title is empty")
    base = title_slug(title)
    if base in RESERVED_SLUGS:
        raise VerlagError(f"the slug {base!r} is reserved (translations/<lang>/{base}.po holds the website's own "
                          "words); choose another title, or rename the file afterwards")
    shown = shown or (lambda path: relpath(path, config.root))
    owners = {slug: shown(config.root / ref) for slug, ref in slugs_in_use(config).items()}
    used = {slug: f"{ref}'s" for slug, ref in owners.items()}
    used.update((name, f"an old address of {owners[slug]}, in its aliases")
                for name, slug in _old_names(config).items() if name not in used and slug in owners)
    if windows_reserved(base):
        used[base] = "a name Windows keeps for a device: no file or folder there may have it"
    slug, n = base, 2
    while slug in used or (config.source_dir / f"{slug}.md").exists() or kept_catalogs(config, slug):
        slug, n = f"{base}-{n}", n + 1
    meta = {"title": title.strip(), "author": config.raw.get("author") or None,
            "date": (today or dt.date.today()), "draft": True}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True,
                           sort_keys=False, default_flow_style=False, width=1 << 16) + OPTIONAL_KEYS
    path = config.source_dir / f"{slug}.md"
    write_if_changed(path, f"---\n{front}---\n" + "\n".join(f"{line}\n" for line in EXAMPLE_LINES))
    notes = [] if ascii_slug(title) else [f"a made-up name: the title has no letter or digit to make one of; rename "
                                           f"{shown(path)} to choose the article's file name and address"]
    if base in used:
        notes.append(f"the slug {base!r} is {used[base]}")
    elif kept := kept_catalogs(config, base):
        old = shown(config.source_dir / f"{base}.md")
        notes.append(f"the slug {base!r} has the catalogs kept from a deleted article: "
                     f"{', '.join(shown(p) for p in kept)}; to continue that translation instead, "
                     f"rename {shown(path)} to {old}")
    return path, "; ".join(notes) or None


def kept_catalogs(config: Config, slug: str) -> list[Path]:
    """The catalogs ``slug`` has on disk, one per language that has one."""
    return [path for lang in config.languages if (path := config.po_path(lang, slug)).is_file()]


def _old_names(config: Config) -> dict[str, str]:
    """Old name -> slug of the sources that can be read (``redirects.old_names``), drafts too."""
    from .redirects import old_names
    from .sources import read_sources

    sources = read_sources(config)
    return old_names([*sources.articles, *sources.german_only])


_DRIVER_LINES = ("*.po merge=verlag", "*.pot merge=verlag")  # GITATTRIBUTES' lines, as git reads them
ATTRIBUTES_SAID = "gitattributes.json"  # in .verlag/: the digest of the .gitattributes whose missing line was said


def template_line_note(top: Path, path: str) -> str | None:
    """What git's merge driver run on the catalog ``path`` (git's %P, relative to the work tree ``top``, where git
    runs the driver) says once of the ``.gitattributes`` verlag's ``init`` wrote, the nearest one above it with
    ``*.po merge=verlag``, when that lacks ``*.pot merge=verlag`` (an ``init`` before the templates had it): git
    merges the templates line by line and stops at both sides' extract with conflict markers. Said once per
    content of that file (its digest kept in the ``.verlag/`` beside it); None where the line is there, where no
    ``.gitattributes`` of verlag's is found, and once said."""
    from .fsutil import digest_bytes, load_state, save_state

    folder = (top / path).parent
    while True:
        attributes = folder / ".gitattributes"
        try:
            data = attributes.read_bytes() if attributes.is_file() else b""
        except OSError:
            data = b""
        lines = {" ".join(line.split()) for line in data.decode("utf-8", "replace").splitlines()}
        if _DRIVER_LINES[0] in lines:
            break
        if folder == top or folder.parent == folder:
            return None
        folder = folder.parent
    said = folder / ".verlag" / ATTRIBUTES_SAID
    digest = digest_bytes(data)
    if _DRIVER_LINES[1] in lines or load_state(said).get("noted") == digest:
        return None
    save_state(said, {"noted": digest})
    return (f"{relpath(attributes, top)} gives the catalogs to verlag's merge driver ('{_DRIVER_LINES[0]}') but not "
            f"the templates: add the line '{_DRIVER_LINES[1]}' to it and commit it, so git merges "
            "translations/templates/*.pot entry by entry too (both sides' extract rewrites a template, and git's line "
            "merge stops at it with conflict markers)")

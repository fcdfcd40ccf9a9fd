"""``verlag init`` and ``verlag new``: start a content project or an article."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

from .config import CONFIG_NAME, Config
from .errors import VerlagError
from .fsutil import write_if_changed

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})

CONFIG_TEMPLATE = """\
# verlag content project: see README.md of verlag for every setting.
name = "{name}"
source_language = "de"
languages = ["en", "fr"]
# "sentence" (default) or "block": one catalog entry per sentence or per paragraph.
segmentation = "sentence"
author = ""

[publish]
# Fuzzy (unreviewed) text: "source" shows the German text instead, "machine" publishes it.
unreviewed = "source"

[pretranslate]
engines = ["copy"]

[site]
# Pages of source_de/seiten/ linked from the footer of every page, in every language. A German
# practice website needs both: Impressum (§ 5 DDG) and Datenschutzerklärung (Art. 13 DSGVO).
legal = ["impressum", "datenschutz"]
"""

EXAMPLE = """\
---
title: Willkommen in der Praxis
author: {author}
date: {date}
summary: Ein erster Beitrag, der zeigt, wie ein Artikel aufgebaut ist.
tags: [Praxis]
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
---
## Verantwortliche Stelle

[[AUSFÜLLEN: Name und Anschrift der Praxis]]

## Welche Daten diese Website verarbeitet

[[AUSFÜLLEN: Server-Protokolle, Speicherdauer, eingebundene Dienste]]

## Ihre Rechte

Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten und können sich bei einer
Aufsichtsbehörde für den Datenschutz beschweren.
"""

GITIGNORE = "editions/\nsite/\n.verlag/\n*.mo\n"


def slugify(title: str) -> str:
    """ASCII slug; German umlauts and ß transliterated the German way (ä → ae)."""
    text = unicodedata.normalize("NFC", title).translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "artikel"


def init_project(root: Path) -> list[Path]:
    """Scaffold into an empty or missing directory; refuse to touch existing content."""
    if root.exists() and not root.is_dir():
        raise VerlagError("exists and is not a directory", root)
    if root.exists() and any(p for p in root.iterdir() if not p.name.startswith(".")):
        raise VerlagError("directory is not empty; 'verlag init' only scaffolds a new project", root)
    today = dt.date.today().isoformat()
    files = {
        root / CONFIG_NAME: CONFIG_TEMPLATE.format(name=root.resolve().name),
        root / "source_de" / "willkommen.md": EXAMPLE.format(author="", date=today).replace("author: \n", ""),
        root / "source_de" / "seiten" / "impressum.md": IMPRESSUM,
        root / "source_de" / "seiten" / "datenschutz.md": DATENSCHUTZ,
        root / ".gitignore": GITIGNORE,
    }
    for path, text in files.items():
        write_if_changed(path, text)
    for folder in ("translations/templates", "templates"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return list(files)


def new_article(config: Config, title: str, today: dt.date | None = None) -> Path:
    """Create ``source_de/<slug>.md`` with front matter; the slug is made unique."""
    if not title.strip():
        raise VerlagError("the title is empty")
    base = slugify(title)
    slug, n = base, 2
    while (config.source_dir / f"{slug}.md").exists():
        slug, n = f"{base}-{n}", n + 1
    meta = {"title": title.strip(), "author": config.raw.get("author") or None,
            "date": (today or dt.date.today()), "summary": "", "tags": []}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True,
                           sort_keys=False, default_flow_style=None, width=1 << 16)
    path = config.source_dir / f"{slug}.md"
    write_if_changed(path, f"---\n{front}---\nEinleitung: Worum geht es, und für wen?\n\n## Erste Überschrift\n\nText.\n")
    return path

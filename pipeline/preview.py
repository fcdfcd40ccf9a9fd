"""The preview of ``serve --future`` and ``build --future``: the site with the articles dated after today, built into
``.verlag/preview/`` (``Config.previewing``), never into ``site/``, the folder the author uploads.

A preview writes its own editions, site and state there and nothing a real build reads, so ``site/`` stays the last
real build whatever preview runs beside it, and ``check`` never takes a previewed page for a published one. Its pages
carry a banner (the templates' ``preview``, "Preview — not published") so that it is not taken for the site either.

A ``site/`` an older verlag's ``build --future`` made still holds the scheduled articles: ``leftover`` finds them
from the address record that build wrote (a page of the German original on the site whose record is dated after
today: no build without ``--future`` publishes one), so the next real build, which takes them down, says so."""

from __future__ import annotations

import datetime as dt

from .config import Config
from .errors import VerlagError


def checked(config: Config) -> Config:
    """``config.previewing()``, after refusing (``VerlagError`` naming it) a ``.verlag/preview`` that is a symbolic
    link or no folder: the preview writes only below ``.verlag/`` itself, never where a link points."""
    preview = config.previewing()
    folder = preview.preview_dir
    if folder.is_symlink() or folder.exists() and not folder.is_dir():
        raise VerlagError("not a folder of the project's own: the preview is built here (serve --future, build "
                          "--future); remove it (verlag makes the folder again)",
                          folder.relative_to(config.root).as_posix())
    return preview


def leftover(config: Config, scheduled: dict[str, dt.date], today: dt.date) -> dict[str, dt.date]:
    """Of ``scheduled`` (slug -> the day its article waits for), those whose German page the last real build left in
    ``site/`` with an edition record dated after ``today``: a preview an older verlag's ``build --future`` made
    there (a build without it never publishes a page before its day; a page published on its day whose date
    moved ahead since has a record dated then)."""
    from .site import RECORDS_FILE, load_site_state
    from .fsutil import load_state

    source = config.source_language
    pages = load_site_state(config).get("pages", {})
    shown = {slug for slug in scheduled if f"{source}/{slug}/index.html" in pages}
    if not shown:
        return {}
    records = load_state(config.state_dir / RECORDS_FILE).get("records")
    found: dict[str, dt.date] = {}
    for record in (records.values() if isinstance(records, dict) else ()):
        if not isinstance(record, dict) or record.get("lang") != source or record.get("slug") not in shown:
            continue
        try:
            day = dt.date.fromisoformat(str(record.get("date"))[:10])
        except ValueError:
            continue
        if day > today:
            found[record["slug"]] = scheduled[record["slug"]]
    return found

"""Which German each article's template was last made from, as ``extract`` records it: German edited without
``extract`` since, said by ``status``, ``check`` and ``review`` without segmenting anything.

The catalogs and templates on disk still agree with each other then (``drift`` finds nothing), and only the
build, which segments the German, would notice (``editions``). ``.verlag/extracted-german.json`` holds each
article's ``Article.digest`` (the SHA-256 of its source) as the last ``extract`` that made its template read it;
every command reads and hashes the sources anyway, so comparing costs one small JSON file.

Where that record is missing or names other German (a fresh clone, CI, a ``git pull`` that brought German and
templates made elsewhere), the template in the repository says which German it was made from: its header field
``catalog.GERMAN_FIELD``, read from the template's first few hundred bytes for those articles only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from . import LazyPattern
from .config import Config
from .fsutil import load_state, regular, save_state
from .sources import PAGES_DIR, Article

FILE = "extracted-german.json"
# A template's header field naming the German it was made from (``german_source``), written by
# ``catalog.build_pot``: committed with the template, it tells ``status`` and ``check`` in a fresh clone that the
# German changed since. ``catalog.same_content`` ignores it: the template keeps its date, so an edit that changes
# no segment rewrites this one line of the template and no catalog.
GERMAN_FIELD = "X-Verlag-German"


def german_source(digest: str) -> str:
    """The ``GERMAN_FIELD`` value for an article's ``Article.digest`` (SHA-256 of its normalised text)."""
    return digest[:12]


def record(config: Config, done: Iterable[Article], slugs: set[str]) -> None:
    """After ``extract``: the articles ``done`` have templates of their German as it is now; the others of
    ``slugs`` (the articles there are) keep what was recorded (an article that failed keeps its old template);
    gone articles are forgotten. Written only when it changes: a no-op writes nothing."""
    before = load_state(config.state_dir / FILE)
    now = {slug: digest for slug, digest in before.items() if slug in slugs and isinstance(digest, str)}
    now.update((article.slug, article.digest) for article in done)
    if now != before:
        save_state(config.state_dir / FILE, now)


def changed_since_extract(config: Config, articles: Iterable[Article]) -> set[str]:
    """The slugs of ``articles`` whose sentences differ from those of the German their template was last made from:
    whose text differs from it, as ``extract`` recorded it here, else as the template's header names it
    (``template_german``), and whose segments are not the template's (``same_segments``: a new ``date:`` or
    ``updated:`` changes the text, not one sentence). An article neither tells (no template, one written before
    verlag named its German, never extracted) is not among them."""
    known = load_state(config.state_dir / FILE)
    changed = set()
    for article in articles:
        recorded = known.get(article.slug)
        if recorded == article.digest:
            continue
        named = template_german(config, article.slug)
        edited = named != german_source(article.digest) if named is not None else isinstance(recorded, str)
        if edited and not same_segments(config, article):
            changed.add(article.slug)
    return changed


def same_segments(config: Config, article: Article) -> bool:
    """Whether the article's template holds exactly the (msgctxt, msgid) keys of its German as it is now
    (``doccache.german_keys``, segmented only for an article edited since the last extract): an edit of what no
    catalog holds (dates, author, draft, a line break) leaves every sentence as the catalogs have it. False when
    the template cannot be read or the article cannot be segmented."""
    from .doccache import german_keys
    from .errors import VerlagError
    from .fsutil import read_bytes
    from .limits import CATALOG
    from .pofile import keys

    try:
        data = read_bytes(config.pot_path(article.slug), CATALOG)
        template = None if data is None else {k for k in keys(data.decode("utf-8")) if k[1]}
    except (OSError, ValueError, VerlagError):  # UnicodeDecodeError is a ValueError
        return False
    return bool(template) and template == german_keys(config, article)


_FIELD_RE = LazyPattern(rb'^"' + GERMAN_FIELD.encode() + rb': ([0-9a-f]{12})\\n"\r?$', re.M)
_HEAD = 4096  # the header of a template verlag wrote ends well before: its title and a dozen fields


def template_german(config: Config, slug: str) -> str | None:
    """The ``GERMAN_FIELD`` of the article's template on disk (``german_source`` of the German it was made from);
    None when there is no template, it names none, or it cannot be read."""
    try:
        regular(config.pot_path(slug))  # a named pipe is never opened: that waits for a writer (``NotAFile``)
        with open(config.pot_path(slug), "rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return None
    match = _FIELD_RE.search(head)
    return match.group(1).decode("ascii") if match else None


_REFERENCE_LINE_RE = LazyPattern(rb"^#: ([^\r\n]*)", re.M)


def template_source(config: Config, slug: str) -> str | None:
    """The German file the article's template was made from, as its first entry's ``#:`` reference names it
    (``source_de/seiten/impressum.md``); None when there is no template, it cannot be read or no reference is in its
    first few thousand bytes (a title that long)."""
    from .pofile import references

    try:
        regular(config.pot_path(slug))
        with open(config.pot_path(slug), "rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return None
    match = _REFERENCE_LINE_RE.search(head)
    if match is None:
        return None
    try:
        found = references(match.group(1).decode("utf-8"))
    except UnicodeDecodeError:
        return None
    return found[0][0] if found else None


def moved_since_extract(config: Config, articles: Iterable[Article]) -> dict[str, str]:
    """The slugs of ``articles`` whose German file is not the one their template names (``template_source``), with
    that file: moved since the last ``extract`` (into ``source_de/seiten/``, turning an article into a page, or
    out). The German is the same, so ``changed_since_extract`` finds nothing, but the templates' and catalogs'
    ``#:`` references and the next ``extract --check`` name the old file: the catalogs are out of date."""
    moved = {}
    for article in articles:
        named = template_source(config, article.slug)
        if named is not None and named != article.ref:
            moved[article.slug] = named
    return moved


def moved_message(article: Article, named: str) -> str:
    """What ``status`` and ``check`` say of an article ``moved_since_extract``, after its German file's name."""
    was_page = PurePosixPath(named).parent.name == PAGES_DIR
    now = "" if was_page == article.page else f"; it is {'a page' if article.page else 'an article'} now"
    return (f"the file moved since the last verlag extract (its template and catalogs name {named}{now}): the "
            "catalogs are out of date; run verlag extract (every translation is kept) and commit translations/")


# what ``status``, ``check`` and ``review`` say of such an article, after its German file's name
MESSAGE = ("the German changed since the last verlag extract: its catalogs and the review still show the German "
           "before (new and changed sentences are in none of them, and the build shows them in German); run "
           "verlag extract")

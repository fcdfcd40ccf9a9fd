"""Which German each article's template was last made from, as ``extract`` records it: German edited without
``extract`` since, said by ``status``, ``check`` and ``review`` without segmenting anything.

The catalogs and templates on disk still agree with each other then (``drift`` finds nothing), and only the
build, which segments the German, would notice (``editions``). ``.verlag/extracted-german.json`` holds each
article's ``Article.digest`` (the SHA-256 of its source) as the last ``extract`` that made its template read it;
every command reads and hashes the sources anyway, so comparing costs one small JSON file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .config import Config
from .fsutil import load_state, save_state
from .sources import Article

FILE = "extracted-german.json"


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
    """The slugs of ``articles`` whose German differs from the German their template was last made from; an
    article ``extract`` never recorded (never extracted, a fresh clone without ``.verlag/``) is not among them."""
    known = load_state(config.state_dir / FILE)
    return {a.slug for a in articles if isinstance(known.get(a.slug), str) and known[a.slug] != a.digest}


# what ``status``, ``check`` and ``review`` say of such an article, after its German file's name
MESSAGE = ("the German changed since the last verlag extract: its catalogs and the review still show the German "
           "before (new and changed sentences are in none of them, and the build shows them in German); run "
           "verlag extract")

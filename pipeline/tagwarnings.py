"""The template-tag warnings of German sources (``segment.template_tags``), kept in ``.verlag/template-tags.json``.

A Hugo shortcode, Liquid tag or WordPress shortcode an import left in the text is published as literal text, so
``extract`` and ``build`` say each on every run, as ``check`` does (``template-tag``). The warnings of an article
are kept by its text's SHA-256 and verlag's code (whose words they are): a run with nothing changed neither
searches the texts (25 ms at 500 articles) nor loads segmentation.
"""

from __future__ import annotations

from pathlib import Path

from .fsutil import code_digest, load_state, save_state
from .sources import TEMPLATE_TAG_HINT, Article

TAGS_FILE = "template-tags.json"  # per article: its text (sha256) and its tag warnings, [digest, [[line, warning]]]


class TagWarnings:
    """The warnings of the articles looked up (``of``), from ``state_dir``'s ``TAGS_FILE`` where it holds them."""

    def __init__(self, state_dir: Path):
        self.path = state_dir / TAGS_FILE
        self.stored = load_state(self.path)
        known = self.stored.get("articles") if self.stored.get("key") == code_digest() else None
        self.known: dict = known if isinstance(known, dict) else {}
        self.found: dict[str, list] = {}

    def of(self, article: Article) -> list[tuple[int, str]]:
        """(line, warning) for each template tag in ``article``'s prose and the front-matter fields its pages show:
        the stored answer while the article's text is the one it was made for, else worked out again (segmentation
        is imported only for a text in which such a tag can start, ``sources.TEMPLATE_TAG_HINT``)."""
        warnings = _kept(self.known.get(article.slug), article.digest)
        if warnings is None:
            warnings = []
            if TEMPLATE_TAG_HINT.search(article.text):  # the front matter's shown fields too
                from .segment import template_tag_warning, template_tags

                warnings = [(line, template_tag_warning(tag, kind)) for line, tag, kind in template_tags(article)]
        self.found[article.slug] = [article.digest, [list(w) for w in warnings]]
        return warnings

    def save(self) -> None:
        """Store the answers of the articles looked up, and only theirs (those of deleted articles go), when they
        differ from the stored ones."""
        now = {"key": code_digest(), "articles": self.found}
        if now != self.stored:
            save_state(self.path, now)

    def save_new(self) -> None:
        """``save`` when the stored answers are another code's (verlag upgraded since the last ``extract``) or
        there are none: without it every build until the next extract read and searched every source again (at
        N = 500, 935 M instructions more than a no-op build's 1,330 M). Otherwise the build, which looks up the
        German-only pages too, leaves the file as extract wrote it, so neither rewrites it after the other."""
        if self.stored.get("key") != code_digest():
            self.save()


def _kept(known, digest: str) -> list[tuple[int, str]] | None:
    """The (line, warning) pairs of a ``TAGS_FILE`` entry made for the text with ``digest``; None for any other
    entry (none, another text's, damaged)."""
    if not (isinstance(known, list) and len(known) == 2 and known[0] == digest and isinstance(known[1], list)):
        return None
    if not all(isinstance(w, list) and len(w) == 2 and type(w[0]) is int and isinstance(w[1], str) for w in known[1]):
        return None
    return [(line, message) for line, message in known[1]]

"""Read German articles: YAML front matter + CommonMark body, validated and normalised."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import Config
from .errors import VerlagError, raise_all

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RESERVED_SLUGS = ("site",)
FENCE_RE = re.compile(r"^---[ \t]*$")
END_RE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Article:
    """One German original. ``text`` is NFC with LF line ends; offsets below index into it."""

    path: Path
    ref: str  # project-relative path used in messages and ``#:`` references
    slug: str
    text: str
    meta: dict = field(compare=False)
    front: str  # the YAML between the fences, verbatim
    front_start: int  # offset of ``front`` in ``text``
    body_start: int  # offset of the body in ``text``
    body_line: int  # 1-based line number of the body's first line
    digest: str

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def title(self) -> str:
        return self.meta["title"]

    def key_line(self, key: str) -> int:
        """1-based line of a front-matter key (line 1 if it is absent)."""
        match = re.search(rf"^{re.escape(key)}\s*:", self.front, re.M)
        if not match:
            return 1
        return self.text.count("\n", 0, self.front_start + match.start()) + 1


def normalise(text: str) -> str:
    """NFC (macOS editors save decomposed umlauts), LF line ends, no NUL, as markdown-it sees it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


def split_front_matter(text: str) -> tuple[str, int, int]:
    """Return (yaml, yaml offset, body offset); no front matter gives ("", 0, 0)."""
    lines = text.split("\n")
    if not lines or not FENCE_RE.match(lines[0]):
        return "", 0, 0
    offset = len(lines[0]) + 1
    start = offset
    for line in lines[1:]:
        if END_RE.match(line):
            return text[start:offset], start, min(offset + len(line) + 1, len(text))
        offset += len(line) + 1
    return "", 0, 0


def _bad_value(front: str) -> tuple[int, str]:
    """File line and key of the first front-matter line whose value YAML cannot construct."""
    for number, line in enumerate(front.split("\n"), start=2):
        try:
            yaml.safe_load(line)
        except yaml.YAMLError:
            continue  # a line of a multi-line value; not the culprit on its own
        except ValueError:
            return number, line.split(":", 1)[0].strip()
    return 2, "front matter"


def read_article(path: Path, ref: str) -> Article:
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise VerlagError(f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded; save the file as UTF-8",
                          ref, line) from None
    text = normalise(raw)
    front, front_start, body_start = split_front_matter(text)
    if not body_start:
        raise VerlagError("missing front matter: start the file with '---', a 'title:' line and '---'", ref, 1)
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise VerlagError(f"invalid YAML front matter: {problem}", ref, line) from None
    except ValueError as exc:  # a well-formed but impossible value, e.g. date: 2026-13-45
        line, key = _bad_value(front)
        raise VerlagError(f"{key}: impossible value ({exc})", ref, line) from None
    if not isinstance(meta, dict):
        raise VerlagError("front matter must be 'key: value' lines", ref, 2)
    probe = Article(path, ref, "", text, meta, front, front_start, body_start,
                    text.count("\n", 0, body_start) + 1, "")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise VerlagError("missing title: add 'title: ...' to the front matter", ref, probe.key_line("title"))
    for key in ("date", "updated"):
        value = meta.get(key)
        if value is not None and not isinstance(value, dt.date):
            try:
                meta[key] = dt.date.fromisoformat(str(value))
            except ValueError:
                raise VerlagError(f"{key}: expected a date like 2026-05-26, got {value!r}",
                                  ref, probe.key_line(key)) from None
    for key in ("summary",):
        if key in meta and not isinstance(meta[key], str):
            raise VerlagError(f"{key}: expected text", ref, probe.key_line(key))
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise VerlagError("tags: expected a list of words, e.g. [Leber, Rücken]", ref, probe.key_line("tags"))
    slug = meta.get("slug", path.stem)
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise VerlagError(f"slug {slug!r} is not usable as a folder name: use a-z, 0-9 and '-' "
                          "(no '/', '..' or spaces)", ref, probe.key_line("slug"))
    if slug in RESERVED_SLUGS:
        raise VerlagError(f"slug {slug!r} is reserved (translations/<lang>/{slug}.po holds the website's own "
                          "words); rename the file or set another 'slug:'", ref, probe.key_line("slug"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(path, ref, slug, text, meta, front, front_start, body_start, probe.body_line, digest)


def load_articles(config: Config) -> list[Article]:
    """Every ``source_<lang>/*.md``, sorted by slug; all problems reported at once.

    An article is resolved like an image (``media``): a symlink that leads out
    of ``source_<lang>/`` (or in a loop) is refused with ``file:1``, so nothing
    outside the sources folder is ever read and published.
    """
    articles: dict[str, Article] = {}
    errors: list[VerlagError] = []
    root = config.source_dir.resolve()
    for path in sorted(config.source_dir.glob("*.md")):
        ref = f"{config.source_dir.name}/{path.name}"
        try:
            if not _inside(path, root):
                raise VerlagError(f"a symlink that leads out of {config.source_dir.name}/; only files inside "
                                  "it are published (copy the article there)", ref, 1)
            article = read_article(path, ref)
        except VerlagError as exc:
            errors.append(exc)
            continue
        other = articles.get(article.slug)
        if other:
            errors.append(VerlagError(f"slug {article.slug!r} is already used by {other.ref}; "
                                      "set a different 'slug:' in the front matter", ref, article.key_line("slug")))
            continue
        articles[article.slug] = article
    raise_all(errors)
    return sorted(articles.values(), key=lambda a: a.slug)


def _inside(path: Path, root: Path) -> bool:
    """``path`` (after following every symlink) is a file under ``root``; a symlink loop is not."""
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False

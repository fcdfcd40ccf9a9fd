"""Segment once: an article's ``Document`` stored by content hash, so ``build`` reuses what ``extract`` computed.

Segmenting (Markdown parse, sentence splitting, markup analysis) is the
costliest step shared by ``extract`` and the editions stage. Each stage that
segments an article stores the result as JSON in
``.verlag/segments/<slug>.json``, keyed by a hash of verlag's code, the
segmentation mode, the source language and the article's bytes; the next stage
(or run) loads it when the key still matches and segments again otherwise. The
file also keeps the sentence spans of each block (text between blank lines)
of the article, by the block's digest (``sentences.SplitMemo``): an edited
article is segmented again, but pySBD runs only on its blocks that changed.
The file is three lines of JSON, each read only by whoever needs it: the key with
the links and labels (all the site's link scan reads, ``stored_links``), the slots
with their segments, the sentence spans (read only to segment again).
Blocks pySBD split for any article are also kept in one store shared by all
articles and worker processes (``splitstore``), so a block another article
holds is not split again.
The cache is regenerable: a missing, stale or damaged file only costs the
work; a named pipe or an oversized file in its place is said once and replaced (``fsutil.state_bytes``), never
opened or read. JSON, not pickle: a project folder may come from someone else.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .config import Config
from .fsutil import code_digest, names_ending, state_bytes, write_state
from .sources import Article

if TYPE_CHECKING:
    from .segment import Document

# segment and sentences (markdown-it, pySBD) are imported by the functions that load or make a Document, so
# ``prune`` in a run with nothing to segment does not load them

FOLDER = "segments"


def _path(config: Config, slug: str) -> Path:
    return config.state_dir / FOLDER / f"{slug}.json"


def _key(config: Config, article: Article) -> str:
    return hashlib.sha256(f"{code_digest()}|{config.segmentation}|{config.source_language}|{article.digest}"
                          .encode("utf-8")).hexdigest()


def _head(key: str, doc: Document) -> dict:
    """The first line: the key and what the link scan reads (``stored_links``)."""
    return {"key": key, "labels": sorted(doc.labels), "destinations": list(getattr(doc.labels, "destinations", ())),
            "links": None if doc.links is None else [list(link) for link in doc.links],
            "definitions": doc.definitions}


def _slots(doc: Document) -> list:
    """The second line: the slots, each with its segments."""
    return [[s.start, s.end, s.mode, s.key, list(s.joins), s.line_start, [list(r) for r in s.restore],
             [[g.text, g.context, g.kind, g.line, g.note] for g in s.segments]] for s in doc.slots]


def _decode(article: Article, head: dict, slots: list) -> Document:
    """The ``Document`` of the first two lines. Its frozen ``Segment`` and ``Slot`` dataclasses get their fields as
    their ``__init__`` sets them, without its ``object.__setattr__`` per field (a fifth of the time a document took
    to load)."""
    from .segment import Document, Labels, Segment, Slot

    new = object.__new__

    def segment(fields: list) -> Segment:
        text, context, kind, line, note = fields  # a damaged file's wrong count raises, as __init__ would
        made = new(Segment)
        made.__dict__.update(text=text, context=context, kind=kind, line=line, note=note)
        return made

    def slot(start, end, mode, key, joins, line_start, restore, segments) -> Slot:
        made = new(Slot)
        made.__dict__.update(start=start, end=end, segments=tuple(map(segment, segments)), mode=mode, key=key,
                             joins=tuple(joins), line_start=line_start, restore=tuple(map(tuple, restore)))
        return made

    made = tuple(slot(*fields) for fields in slots)
    links = head["links"]
    return Document(article, tuple(s for one in made for s in one.segments), made,
                    Labels(head["labels"], head["destinations"]),
                    None if links is None else tuple(map(tuple, links)), dict(head["definitions"]))


def document(config: Config, article: Article) -> Document:
    """The article's segments and slots (``segment.segment_article``), from the cache when its key matches.

    Otherwise the article is segmented, reusing the sentence spans the cache
    file holds for blocks whose text is unchanged (when they were split by
    the same ``sentences.splitter_version``), and the new ``Document`` and
    spans are stored for the next stage. Raises what ``segment_article``
    raises (``BlockFailure``); an unreadable cache file is ignored.
    """
    from .segment import segment_article
    from .sentences import SplitMemo, splitter_version

    key = _key(config, article)
    doc, lines = _load(config, article, key)
    if doc is not None:
        return doc
    memo = version = None
    if config.segmentation == "sentence":
        from .splitstore import open_store  # SQLite: for an article to segment, not for a run that prunes

        version = splitter_version(config.source_language)
        splits = _splits(lines)
        store = open_store(config.state_dir / FOLDER, version)
        memo = SplitMemo(splits.get("spans") if isinstance(splits, dict) and splits.get("version") == version
                         else None, store)
    doc = segment_article(article, config.segmentation, config.source_language, memo)
    splits = None
    if memo is not None:
        splits = {"version": version, "spans": memo.used}
        store.put(memo.fresh)
    write_state(_path(config, article.slug), "\n".join(json.dumps(part, ensure_ascii=False) for part in
                                                        (_head(key, doc), _slots(doc), splits)))
    return doc


def _splits(lines: list[str] | None):
    """The third line's sentence spans as stored (anything: ``SplitMemo``'s caller checks them), else None."""
    try:
        return json.loads(lines[2]) if lines is not None else None
    except (IndexError, ValueError):
        return None


def stored(config: Config, article: Article) -> Document | None:
    """The article's ``Document`` as the cache holds it for its current bytes, else None (nothing is segmented
    or written: for a stage that can do without, such as the site's link scan, ``media.references``)."""
    return _load(config, article, _key(config, article))[0]


class StoredLinks(NamedTuple):
    """What the site's link scan reads of a stored ``Document`` (``segment.link_blocks``): its ``links`` and
    ``definitions``."""

    links: tuple[tuple[int, str], ...]
    definitions: dict


def stored_links(config: Config, article: Article) -> StoredLinks | None:
    """``stored(config, article)``'s ``links`` and ``definitions``, from the file's first line alone (its slots and
    spans, nine tenths of its bytes, are not parsed); None where ``stored`` gives None or a ``Document`` whose
    ``links`` are None (an article with footnotes)."""
    try:
        data = state_bytes(_path(config, article.slug)) or b"null"
        head = json.loads(data.partition(b"\n")[0])  # the first line only: the slots and spans are not parsed
        if head.get("key") != _key(config, article) or head["links"] is None:
            return None
        return StoredLinks(tuple(map(tuple, head["links"])), dict(head["definitions"]))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _load(config: Config, article: Article, key: str) -> tuple[Document | None, list[str] | None]:
    """(the cached ``Document`` when the file's key is ``key``, else None; the file's lines when readable)."""
    try:
        data = state_bytes(_path(config, article.slug))
        if data is None:
            return None, None
        lines = data.decode("utf-8").split("\n")
    except (OSError, ValueError):
        return None, None
    try:
        head = json.loads(lines[0])
        if head.get("key") == key:
            return _decode(article, head, json.loads(lines[1])), lines
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None, None
    return None, lines


def prune(config: Config, slugs: set[str]) -> None:
    """Remove the cached documents of articles that no longer exist."""
    folder = config.state_dir / FOLDER
    for name in names_ending(folder, ".json"):
        if name[:-5] not in slugs:
            (folder / name).unlink()


def german_keys(config: Config, article: Article) -> frozenset[tuple[str | None, str]]:
    """The (msgctxt, msgid) keys of the article's German as it is now (``document``'s segments), for a command
    that tells what the next ``extract`` will pair; empty when the article cannot be segmented (``extract`` and
    ``check`` name it)."""
    from .errors import BlockFailure, VerlagError

    try:
        return frozenset(segment.key for segment in document(config, article).segments)
    except (BlockFailure, VerlagError):
        return frozenset()

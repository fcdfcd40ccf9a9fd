"""Stage: fill empty catalog entries with engine drafts, marked fuzzy with their origin.

Only empty entries are touched: nothing a reviewer wrote is overwritten.
Each catalog is written (atomically) as soon as its article is done, so an
interrupted run keeps what it finished.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .catalog import now_stamp, read_po, render, set_provenance
from .config import Config
from .engines import Engine, Request
from .errors import VerlagError
from .fsutil import relpath, write_if_changed
from .segment import reference_labels
from .sources import load_articles


@dataclass
class PretranslateResult:
    filled: Counter = field(default_factory=Counter)  # (lang, engine) -> entries
    remaining: Counter = field(default_factory=Counter)  # lang -> entries still empty
    errors: list[VerlagError] = field(default_factory=list)


def pretranslate(config: Config, engines: list[Engine], languages: list[str],
                 slugs: list[str] | None = None, progress=None) -> PretranslateResult:
    result = PretranslateResult()
    articles = [a for a in load_articles(config) if not slugs or a.slug in slugs]
    labels: dict[str, frozenset[str]] = {}  # per article, shared by all languages
    for lang in languages:
        for article in articles:
            if progress:
                progress(lang, article)
            path = config.po_path(lang, article.slug)
            ref = relpath(path, config.root)
            try:
                po = read_po(path, ref)
            except VerlagError as exc:
                result.errors.append(exc)
                continue
            if po is None:
                result.errors.append(VerlagError("no catalog yet; run 'verlag extract' first", ref))
                continue
            todo = [e for e in po if not e.obsolete and not e.msgstr]
            if todo and article.slug not in labels:
                labels[article.slug] = reference_labels(article)
            before = len(todo)
            for engine in engines:
                if not todo:
                    break
                answers = engine.translate([Request(e.msgid, e.msgctxt, article.slug, labels[article.slug]) for e in todo],
                                           config.source_language, lang)
                left = []
                for entry, answer in zip(todo, answers):
                    if answer is None or not answer.text.strip():
                        left.append(entry)
                        continue
                    entry.msgstr = answer.text
                    if "fuzzy" not in entry.flags:
                        entry.flags.insert(0, "fuzzy")
                    set_provenance(entry, answer.origin)
                    result.filled[(lang, engine.name)] += 1
                todo = left
            result.remaining[lang] += len(todo)
            if len(todo) < before:
                po.metadata["PO-Revision-Date"] = now_stamp()
                write_if_changed(path, render(po))
    return result

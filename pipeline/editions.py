"""Stage: translated Markdown editions, the German original with only its text replaced.

Reviewed entries always publish. Fuzzy entries (machine drafts, or text whose
German changed after review) publish only under ``unreviewed = "machine"``;
otherwise, like untranslated ones, they fall back to the German text. A
segment with a QA error (``verlag check``) falls back too, whatever its state.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import polib

from .catalog import MACHINE, REVIEWED, STALE, entry_state, key, read_po
from .check import blocked_keys, check_catalog
from .config import Config
from .errors import VerlagError
from .fsutil import code_digest, digest_files, load_state, relpath, save_state, write_if_changed
from .glossary import load_glossary
from .segment import Document, Segment, segment_article
from .sources import Article, load_articles

@dataclass(frozen=True)
class Edition:
    """One article in one language: its Markdown and what each segment showed."""

    lang: str
    slug: str
    text: str
    shown: Counter  # state -> segments; "fallback" counts segments shown in German, "qa" those held back


def make_edition(doc: Document, po: polib.POFile | None, lang: str, unreviewed: str,
                 blocked: frozenset = frozenset()) -> Edition:
    """``blocked``: keys of segments with a QA error (``check.blocked_keys``); they fall back to German."""
    entries = {key(e): e for e in po if not e.obsolete} if po is not None else {}
    shown: Counter = Counter()

    def translate(segment: Segment) -> str | None:
        entry = entries.get(segment.key)
        state = entry_state(entry)
        shown[state] += 1
        if state == REVIEWED or (state in (MACHINE, STALE) and unreviewed == "machine"):
            if segment.key not in blocked:
                return entry.msgstr
            shown["qa"] += 1
        shown["fallback"] += 1
        return None

    return Edition(lang, doc.article.slug, doc.render(translate), shown)


@dataclass
class BuildResult:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    skipped: int = 0  # articles whose sources, catalogs and editions are unchanged since the last build
    errors: list[VerlagError] = field(default_factory=list)
    held: dict[str, int] = field(default_factory=dict)  # "lang/slug" -> segments held back by QA errors


STATE_FILE = "build.json"


def _fingerprint(config: Config, article: Article, lang: str, glossary_digest: str) -> str:
    """What one edition depends on: source, catalog, policy, glossary (QA); and the edition file as last written."""
    out = config.editions_dir / lang / f"{article.slug}.md"
    return digest_files(config.po_path(lang, article.slug), out,
                        extra=f"{code_digest()}|{config.segmentation}|{config.unreviewed_for(lang)}|{article.digest}|"
                              f"{glossary_digest}")


def build_editions(config: Config, progress=None) -> BuildResult:
    """Write every edition whose inputs changed; unchanged articles are skipped by content hash."""
    result = BuildResult()
    articles = load_articles(config)
    glossary = load_glossary(config.translations_dir, config.root)
    state = load_state(config.state_dir / STATE_FILE)
    fresh: dict = {}
    for article in articles:
        if progress:
            progress(article)
        keys = {lang: f"{lang}/{article.slug}" for lang in config.languages}
        prints = {lang: _fingerprint(config, article, lang, glossary.digest) for lang in config.languages}
        if all(state.get(keys[lang]) == prints[lang] for lang in config.languages):
            fresh.update({keys[lang]: prints[lang] for lang in config.languages})
            for lang in config.languages:
                if held := state.get(f"held:{keys[lang]}"):
                    result.held[keys[lang]] = fresh[f"held:{keys[lang]}"] = held
            result.skipped += 1
            continue
        doc = segment_article(article, config.segmentation, config.source_language)
        for lang in config.languages:
            path = config.po_path(lang, article.slug)
            try:
                po = read_po(path, relpath(path, config.root))
            except VerlagError as exc:
                result.errors.append(exc)
                continue
            blocked = frozenset()
            if po is not None:
                findings = check_catalog(po, relpath(path, config.root), lang, article.slug, glossary, doc.labels,
                                         source_lang=config.source_language)
                blocked = blocked_keys(findings)
            edition = make_edition(doc, po, lang, config.unreviewed_for(lang), blocked)
            result.editions.append(edition)
            if edition.shown["qa"]:
                result.held[keys[lang]] = fresh[f"held:{keys[lang]}"] = edition.shown["qa"]
            out = config.editions_dir / lang / f"{article.slug}.md"
            if write_if_changed(out, edition.text):
                result.written.append(relpath(out, config.root))
            fresh[keys[lang]] = _fingerprint(config, article, lang, glossary.digest)
    slugs = {a.slug for a in articles}
    for lang_dir in sorted(p for p in config.editions_dir.glob("*") if p.is_dir()):
        for stale in sorted(lang_dir.glob("*.md")):
            if stale.stem not in slugs or lang_dir.name not in config.languages:
                stale.unlink()
                result.removed.append(relpath(stale, config.root))
    save_state(config.state_dir / STATE_FILE, fresh)
    return result

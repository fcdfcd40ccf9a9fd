"""Progress per language and article, in segments and German words."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .catalog import MACHINE, REVIEWED, STALE, UNTRANSLATED, entry_state, read_po
from .config import Config
from .errors import VerlagError
from .fsutil import relpath
from .sources import load_articles

STATES = (UNTRANSLATED, MACHINE, STALE, REVIEWED)


@dataclass
class Progress:
    lang: str
    slug: str
    segments: dict
    words: dict
    missing: bool = False  # no catalog yet: run extract

    @property
    def percent_reviewed(self) -> float:
        total = sum(self.words.values())
        return round(100.0 * self.words[REVIEWED] / total, 1) if total else 100.0

    def as_dict(self) -> dict:
        return {**asdict(self), "percent_reviewed": self.percent_reviewed}


def collect_status(config: Config, languages: list[str] | None = None) -> tuple[list[Progress], list[VerlagError]]:
    rows: list[Progress] = []
    errors: list[VerlagError] = []
    articles = load_articles(config)
    for lang in languages or config.languages:
        for article in articles:
            path = config.po_path(lang, article.slug)
            try:
                po = read_po(path, relpath(path, config.root))
            except VerlagError as exc:
                errors.append(exc)
                continue
            segments = dict.fromkeys(STATES, 0)
            words = dict.fromkeys(STATES, 0)
            for entry in (po or []):
                if entry.obsolete:
                    continue
                state = entry_state(entry)
                segments[state] += 1
                words[state] += len(entry.msgid.split())
            rows.append(Progress(lang, article.slug, segments, words, missing=po is None))
    return rows, errors


def format_table(rows: list[Progress]) -> str:
    head = f"{'lang':<5} {'article':<32} {'reviewed':>9} {'machine':>8} {'stale':>6} {'empty':>6} {'words':>12}"
    lines = [head, "-" * len(head)]
    for lang in dict.fromkeys(r.lang for r in rows):
        mine = [r for r in rows if r.lang == lang]
        for r in mine:
            if r.missing:
                lines.append(f"{lang:<5} {r.slug:<32} {'(no catalog: run verlag extract)':>45}")
                continue
            s, w = r.segments, r.words
            lines.append(f"{lang:<5} {r.slug[:32]:<32} {s[REVIEWED]:>9} {s[MACHINE]:>8} {s[STALE]:>6} "
                         f"{s[UNTRANSLATED]:>6} {w[REVIEWED]:>5}/{sum(w.values()):<5} {r.percent_reviewed:5.1f}%")
        words = sum(sum(r.words.values()) for r in mine)
        done = sum(r.words[REVIEWED] for r in mine)
        pct = 100.0 * done / words if words else 100.0
        lines.append(f"{lang:<5} {'= total':<32} {'':>9} {'':>8} {'':>6} {'':>6} {done:>5}/{words:<5} {pct:5.1f}%")
    lines.append("segments per state; words are German words; % = words reviewed")
    return "\n".join(lines)

"""The machine-translation cache: a service is never asked twice for the same text.

One SQLite file in the state folder (``.verlag/mt-cache.sqlite``, git-ignored),
keyed by engine (with the settings that change its output), language pair
and the normalised text as sent: the masked text, so the same sentence in
another article, after a re-extract, or with a different link target is a
hit. Only answers are stored, never keys or settings. A damaged cache file
is set aside and started afresh: it only costs requests.
"""

from __future__ import annotations

import re
import sqlite3
import time
import unicodedata
from pathlib import Path

from .errors import VerlagError
from .sqlitedb import SET_ASIDE, Database

FILE_NAME = "mt-cache.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    result TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""


def normalise(text: str) -> str:
    """NFC, runs of spaces and tabs as one space, no outer whitespace: the same request either way."""
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFC", text)).strip()


class MTCache:
    """Thread-confined: open, read and write from one thread (pretranslate's main loop). A damaged file, met
    on opening it or by any later statement, is set aside as ``mt-cache.sqlite.damaged`` and started afresh
    (``sqlitedb.SET_ASIDE``, said in ``warnings``)."""

    def __init__(self, path: Path):
        self.path = path
        self.file = Database(path, _setup, SET_ASIDE, root=path.parent.parent, timeout=10)  # named from the project
        self.warnings = self.file.warnings
        try:
            self.file.connection
        except sqlite3.OperationalError as exc:  # locked or unreadable: the answers in it are still good
            raise VerlagError(f"the MT cache cannot be opened ({exc}); is another verlag running?", path) from None

    def get_many(self, engine: str, source: str, target: str, texts: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        keys = list(dict.fromkeys(normalise(t) for t in texts))
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            found.update(self.file.use(lambda db: db.execute(
                f"SELECT text, result FROM translations WHERE engine = ? AND source = ? AND target = ? "
                f"AND text IN ({','.join('?' * len(chunk))})", (engine, source, target, *chunk)).fetchall()))
        return {t: found[normalise(t)] for t in texts if normalise(t) in found}

    def put_many(self, engine: str, source: str, target: str, pairs: list[tuple[str, str]]) -> None:
        """Store answers and commit at once: a crash right after a batch keeps that batch."""
        now = time.time()

        def put(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                           [(engine, source, target, normalise(t), r, now) for t, r in pairs])
            db.commit()

        self.file.use(put)

    def close(self) -> None:
        self.file.close()


def _setup(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(_SCHEMA)
    db.commit()


def open_cache(state_dir: Path) -> MTCache:
    return MTCache(state_dir / FILE_NAME)

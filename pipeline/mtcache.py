"""The machine-translation cache: a service is never asked twice for the same text.

One SQLite file in the state folder (``.verlag/mt-cache.sqlite``, git-ignored),
keyed by engine (with the settings that change its output), language pair
and the normalised text as sent: the masked text, so the same sentence in
another article, after a re-extract, or with a different link target is a
hit. Only answers are stored, never keys or settings. A damaged cache file
is set aside and started afresh: it only costs requests.

An answer is stored once its language was judged (``draftlang``), and marked so in
``judged`` (with the ``created`` of the row judged: an answer an older verlag stored
over it is judged again). Answers stored before, unmarked, are judged when a run first
uses them: marked, or dropped (``drop_many``) when they read as another language.
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
);
CREATE TABLE IF NOT EXISTS judged (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
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
        return {t: result for t, (result, _) in self.hits(engine, source, target, texts).items()}

    def hits(self, engine: str, source: str, target: str, texts: list[str]) -> dict[str, tuple[str, bool]]:
        """The stored answers to ``texts`` (by the text as given), each with whether its language was judged."""
        found: dict[str, tuple[str, bool]] = {}
        keys = list(dict.fromkeys(normalise(t) for t in texts))
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            found.update((text, (result, bool(judged))) for text, result, judged in self.file.use(lambda db: db.execute(
                f"SELECT t.text, t.result, j.created IS NOT NULL FROM translations t LEFT JOIN judged j "
                f"ON j.engine = t.engine AND j.source = t.source AND j.target = t.target AND j.text = t.text "
                f"AND j.created = t.created WHERE t.engine = ? AND t.source = ? AND t.target = ? "
                f"AND t.text IN ({','.join('?' * len(chunk))})", (engine, source, target, *chunk)).fetchall()))
        return {t: found[normalise(t)] for t in texts if normalise(t) in found}

    def answered(self, engine: str, source: str, targets: list[str], texts: list[str]) -> dict[str, str]:
        """The stored answers of ``engine`` to ``texts`` (by the text as given) into the first of ``targets`` that
        has one: what the same service answered for another language of the project."""
        found: dict[str, str] = {}
        keys = list(dict.fromkeys(normalise(t) for t in texts))
        for target in targets:
            rest = [key for key in keys if key not in found]
            for i in range(0, len(rest), 500):
                chunk = rest[i:i + 500]
                found.update(self.file.use(lambda db: db.execute(
                    f"SELECT text, result FROM translations WHERE engine = ? AND source = ? AND target = ? "
                    f"AND text IN ({','.join('?' * len(chunk))})", (engine, source, target, *chunk)).fetchall()))
        return {t: found[normalise(t)] for t in texts if normalise(t) in found}

    def put_many(self, engine: str, source: str, target: str, pairs: list[tuple[str, str]]) -> None:
        """Store answers (their language judged) and commit at once: a crash right after a batch keeps that
        batch."""
        now = time.time()
        rows = [(engine, source, target, normalise(t), r, now) for t, r in pairs]

        def put(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT OR REPLACE INTO judged VALUES (?, ?, ?, ?, ?)", [(*r[:4], now) for r in rows])
            db.commit()

        self.file.use(put)

    def judged(self, engine: str, source: str, target: str, texts: list[str]) -> None:
        """Mark the stored answers to ``texts`` as judged to be in ``target``'s language: not judged again."""
        keys = [(engine, source, target, normalise(t)) for t in dict.fromkeys(texts)]

        def mark(db: sqlite3.Connection) -> None:
            db.executemany("INSERT OR REPLACE INTO judged SELECT engine, source, target, text, created "
                           "FROM translations WHERE engine = ? AND source = ? AND target = ? AND text = ?", keys)
            db.commit()

        self.file.use(mark)

    def drop_many(self, engine: str, source: str, target: str, texts: list[str]) -> None:
        """Forget the answers to ``texts`` (in another language than ``target``): the service is asked again."""
        keys = [(engine, source, target, normalise(t)) for t in dict.fromkeys(texts)]

        def drop(db: sqlite3.Connection) -> None:
            for table in ("translations", "judged"):
                db.executemany(f"DELETE FROM {table} WHERE engine = ? AND source = ? AND target = ? AND text = ?",
                               keys)
            db.commit()

        self.file.use(drop)

    def close(self) -> None:
        self.file.close()


def _setup(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(_SCHEMA)
    db.commit()


def open_cache(state_dir: Path) -> MTCache:
    return MTCache(state_dir / FILE_NAME)

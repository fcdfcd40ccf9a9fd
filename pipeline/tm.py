"""Translation memory: the project's reviewed translations, and imported TMX, as drafts for new segments.

The memory is an SQLite index, ``.verlag/tm.sqlite``. Its catalog part is a
cache: before use, each catalog ``translations/<lang>/<slug>.po`` (``site.po``,
the website's own words, stays out) is re-read only when its content hash
changed, so a refresh on 500 articles costs reading and hashing the files.
Only reviewed entries (translated, not fuzzy) go in, obsolete ones and those of
orphaned catalogs (an article deleted or renamed, its catalog kept) too, as
msgmerge's compendium (``-C``) and Weblate's memory offer them: a sentence the
author moved to another article keeps its reviewed translation as a draft. A
machine draft never becomes a source of further drafts. Imported TMX units,
and reviewed obsolete entries a tool purged from a catalog (``keep``), live
only in the index (deleting ``.verlag/`` forgets them; import the file
again). The catalog units are valid for the verlag that selected them: an
index written by another verlag's code (``fsutil.code_digest``, as the other
caches in ``.verlag/`` are keyed) or under an older ``SCHEMA`` re-reads every
catalog, keeping the imported TMX units.

Matching: an identical German text is a 100 % match. Otherwise the rapidfuzz
ratio of the prose (each piece of inline markup and each number counts as one
character) must reach the threshold, and markup and numbers must carry over:
identical, or the same number of pieces where every changed piece (a new URL,
another number) occurs exactly once in the stored translation and is replaced
there, at 2 points per replaced piece. A match whose markup or numbers cannot
be carried over is never offered, so a draft never links to the old URL or
keeps the old dose. Ties go to the same msgctxt, then the same article, then
an active entry before an obsolete one (``#~``: German no article holds any
more; the active translation is the one in use), then the most recent
translation, then by name and text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import hashlib
import inspect
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from . import __version__, markup
from .catalog import REVIEWED, TM_DIFFERS, decode_po, entry_state, parse_po, po_date
from .config import Config
from .errors import EngineUnavailable, VerlagError, raise_all
from .fsutil import code_digest, file_bytes, read_bytes, relpath, write_if_changed
from .invisible import without_hints
from .limits import CATALOG, IMPORTED
from .markup import scan
from .sqlitedb import REFUSE, Database
from .tmx import TmxPair, read_tmx, write_tmx
from .typos import NEGATIONS, negation_changed

DB_NAME = "tm.sqlite"
# 3: imported TMX units keep the path of their file (``file``): OmegaT names every project's memory
# project_save.tmx, so two files of one name are two memories; 2: obsolete entries are selected too (``retired``);
# schema 1 took active entries only
SCHEMA = 3
DEFAULT_THRESHOLD = 75.0
SETTINGS = ("threshold",)
ADAPT_PENALTY = 2
MARK = "\ue000"  # stands for one piece of markup or a number in the prose that is compared
_SEP = "\x1f"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def threshold(config: Config) -> float:
    """``[engines.tm] threshold``: the lowest fuzzy score offered, in percent."""
    settings = config.section("engines", "tm")
    for name in settings:
        if name not in SETTINGS:
            raise config.error(name, f"unknown setting in [engines.tm] (known: {', '.join(SETTINGS)})")
    value = settings.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
        raise config.error("threshold", f"expected a percentage above 0 and at most 100, got {value!r}")
    return float(value)


@dataclass(frozen=True)
class Unit:
    origin: str  # "po" (a catalog), "tmx" (imported) or KEPT (purged from a catalog, ``keep``)
    name: str  # the article slug, or the TMX file name
    lang: str
    context: str | None
    source: str
    target: str
    stamp: str  # when the translation was made, UTC ``YYYYMMDDThhmmssZ``; "" when unknown
    retired: bool = False  # an obsolete (``#~``) catalog entry: its German is in no article any more


@dataclass(frozen=True)
class Match:
    unit: Unit
    text: str  # the stored translation, its markup adapted to the new source
    score: int
    source: str = ""  # the new German the match was made for

    @property
    def origin(self) -> str:
        """``tm: 78% from knie (German differs: 'Knie' -> 'Hüfte')`` for a fuzzy match whose German says something
        else (``differences``): the reviewer sees what to change, ``check`` warns while it is shown unreviewed."""
        said = f"tm: {self.score}% from {self.unit.name}"
        if self.score < 100 and (changed := differences(self.unit.source, self.source)):
            said += TM_DIFFERS + changed + ")"
        return said


def _split(text: str) -> tuple[str, str]:
    """(prose with each fixed piece as one MARK, the fixed pieces joined) as stored in the index.

    Fixed pieces are inline markup and numbers: a draft must not keep the old ones.
    """
    pieces = []
    for is_markup, piece in scan(text):
        if is_markup:
            pieces.append((True, piece))
            continue
        pos = 0
        for number in _NUMBER.finditer(piece):
            pieces += [(False, piece[pos:number.start()]), (True, number.group())]
            pos = number.end()
        pieces.append((False, piece[pos:]))
    prose = "".join(MARK if fixed else piece for fixed, piece in pieces)
    return prose, _SEP.join(piece for fixed, piece in pieces if fixed)


def _occurrences(piece: str, target: str) -> list[int]:
    """Where ``piece`` stands in ``target``; a number only as a whole number (2 is not in 12 or 2.5)."""
    if _NUMBER.fullmatch(piece):
        pattern = rf"(?<![\d.,]){re.escape(piece)}(?![\d]|[.,]\d)"
    else:
        pattern = re.escape(piece)
    return [m.start() for m in re.finditer(pattern, target)]


def _adapt(old_marks: list[str], new_marks: list[str], target: str) -> tuple[str, int] | None:
    """The translation with the new source's markup and numbers, and how many pieces were replaced;
    None where the old piece is not exactly once in the translation."""
    if old_marks == new_marks:
        return target, 0
    if len(old_marks) != len(new_marks):
        return None
    spans = []
    for old, new in zip(old_marks, new_marks):
        if old == new:
            continue
        found = _occurrences(old, target)
        if len(found) != 1:
            return None
        spans.append((found[0], found[0] + len(old), new))
    spans.sort()
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        return None
    out, pos = [], 0
    for start, end, new in spans:
        out += [target[pos:start], new]
        pos = end
    return "".join(out) + target[pos:], len(spans)


MAX_NAMED = 4  # differing places named in the origin line; more are "…"
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# German articles change with the noun's case and gender ("der Tee", "den Tee"): not a change of meaning
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"})
_ENDING = re.compile(r"[emnrst]{0,3}")  # what German inflection adds to a stem: Knie/Knien, kleine/kleinen
_FOLD = str.maketrans("äöüß", "aous")


def _words(text: str) -> list[str]:
    """The words and numbers of the prose (markup left out: ``_adapt`` judges it), as written."""
    return [w for is_markup, piece in scan(without_hints(text)) if not is_markup for w in _WORD.findall(piece)]


def _inflected(old: str, new: str) -> bool:
    """The same word in another case (``Sie``/``sie``) or form: a shared stem of four letters or more (umlauts
    folded: Arzt/Ärzte) and endings of inflection; never a number, nor a negation for a word that is none
    (``typos.NEGATIONS``: einen/keinen)."""
    if old.isdigit() or new.isdigit() or any(ch.isdigit() for ch in old + new):
        return False
    a, b = old.lower(), new.lower()
    if a == b:
        return True
    if (a in NEGATIONS) != (b in NEGATIONS):
        return False
    a, b = a.translate(_FOLD), b.translate(_FOLD)
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return stem >= 4 and bool(_ENDING.fullmatch(a[stem:])) and bool(_ENDING.fullmatch(b[stem:]))


def differences(old: str, new: str) -> str:
    """Where the German a translation was made for (``old``) says something ``new`` does not: each run of words
    or numbers changed, added or dropped, beyond case, inflection, punctuation, markup and articles
    (``'Knie' -> 'Hüfte'``, ``added 'nicht'``, ``'2' -> '3'``); "" when there is none. A fuzzy match carries the
    old meaning into the draft there: a noun, a number (a dose, replaced in the draft or not), a negation."""
    a, b = _words(old), _words(new)
    said, negations = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b],
                                                      autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before, after = a[i1:i2], b[j1:j2]
        if len(before) == len(after) and all(_inflected(x, y) for x, y in zip(before, after)):
            continue
        kept = [[w for w in words if w.lower() not in ARTICLES] for words in (before, after)]
        if len(kept[0]) == len(kept[1]) and all(_inflected(x, y) for x, y in zip(*kept)):
            continue
        if not after:
            said.append(f"dropped {' '.join(before)!r}")
        elif not before:
            said.append(f"added {' '.join(after)!r}")
        else:
            said.append(f"{' '.join(before)!r} -> {' '.join(after)!r}")
        negations.append(negation_changed(before, after))
    # a negation turned around is always named: check's tm-negation reads it here and holds the draft back
    named = sorted(sorted(range(len(said)), key=lambda i: not negations[i])[:MAX_NAMED])
    return ", ".join([said[i] for i in named] + ["…"] * (len(said) > MAX_NAMED))


def _stamp(value: str | None) -> str:
    """A PO date (``2026-04-10 09:30+0200``) as a TMX date in UTC; "" for the template placeholder."""
    when = po_date(value)
    return "" if when is None else when.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class ImportReport:
    units: Counter = field(default_factory=Counter)  # lang -> translations imported
    other_languages: Counter = field(default_factory=Counter)
    inline: int = 0
    no_source: int = 0
    inline_units: list[tuple[int, str]] = field(default_factory=list)  # (line, tuid or "") of the first few
    namesakes: dict[str, int] = field(default_factory=dict)  # path of another imported file of this name -> units
    replaced_unknown: int = 0  # units of an import of this name made before the index kept paths, replaced


class Memory:
    """The SQLite index. Open it with ``Memory.open(config)``; ``refresh`` before reading catalog units."""

    def __init__(self, path: Path):
        """Raises ``VerlagError`` naming the file when it is damaged, on opening it or in any later statement
        (``sqlitedb.REFUSE``: it holds the imported TMX files, which verlag cannot make again)."""
        self.path = path
        self.file = Database(path, self._schema, REFUSE, root=path.parent.parent,
                             advice="translation memory index is damaged ({problem}); delete it and import your "
                                    "TMX files again (the catalogs are re-read by themselves)")
        self.file.connection

    @property
    def db(self) -> sqlite3.Connection:
        return self.file.connection

    @classmethod
    def open(cls, config: Config) -> Memory:
        return cls(config.state_dir / DB_NAME)

    def close(self) -> None:
        self.file.close()

    @staticmethod
    def _schema(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA:
            raise sqlite3.DatabaseError(f"schema {version}, this verlag reads {SCHEMA}")
        # one transaction (``executescript`` commits before it runs, so it begins its own), rolled back by ``with``
        # when a statement fails: a file whose tables are not verlag's is damaged and kept as it came
        # schema 1 had no ``retired``; its catalog units are selected again below
        retired = "ALTER TABLE units ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;" if version == 1 else ""
        # before schema 3 an import was known by its file name alone: its units keep file "" (``import_tmx``)
        path = "ALTER TABLE units ADD COLUMN file TEXT NOT NULL DEFAULT '';" if version in (1, 2) else ""
        with db:
            db.executescript(f"""
                BEGIN;
                {retired}
                {path}
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS catalogs(
                    lang TEXT NOT NULL, slug TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (lang, slug));
                CREATE TABLE IF NOT EXISTS units(
                    origin TEXT NOT NULL, name TEXT NOT NULL, lang TEXT NOT NULL, context TEXT,
                    source TEXT NOT NULL, target TEXT NOT NULL, stamp TEXT NOT NULL,
                    prose TEXT NOT NULL, marks TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0,
                    file TEXT NOT NULL DEFAULT '');
                CREATE INDEX IF NOT EXISTS units_by_name ON units(origin, name, lang);
                CREATE INDEX IF NOT EXISTS units_by_lang ON units(lang);
                PRAGMA user_version = {SCHEMA};
            """)
            selector = f"{SCHEMA}|{code_digest()}"  # what chose a catalog's units: the digests hold for it alone
            stored = db.execute("SELECT value FROM meta WHERE key = 'selector'").fetchone()
            if stored is None or stored[0] != selector:
                db.execute("DELETE FROM units WHERE origin = 'po'")
                db.execute("DELETE FROM catalogs")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('selector', ?)", (selector,))
        scanner = hashlib.sha256(Path(markup.__file__).read_bytes() + inspect.getsource(_split).encode()
                                 + _NUMBER.pattern.encode()).hexdigest()[:16]
        stored = db.execute("SELECT value FROM meta WHERE key = 'scanner'").fetchone()
        if stored is None or stored[0] != scanner:  # the markup scan or _split changed: split every text again
            with db:
                rows = db.execute("SELECT rowid, source FROM units").fetchall()
                db.executemany("UPDATE units SET prose = ?, marks = ? WHERE rowid = ?",
                               [(*_split(source), rowid) for rowid, source in rows])
                db.execute("INSERT OR REPLACE INTO meta VALUES ('scanner', ?)", (scanner,))

    def _insert(self, units: list[Unit], file: str = "") -> None:
        """``file``: the path of the TMX file the units come from; "" for a catalog's."""
        self.db.executemany(
            "INSERT INTO units (origin, name, lang, context, source, target, stamp, prose, marks, retired, file) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(u.origin, u.name, u.lang, u.context, u.source, u.target, u.stamp, *_split(u.source), u.retired, file)
             for u in units])

    def refresh(self, config: Config) -> list[VerlagError]:
        """Bring the catalog units up to date; unreadable catalogs are left out and returned."""
        return self.file.use(lambda db: self._refresh(config))

    def _refresh(self, config: Config) -> list[VerlagError]:
        errors: list[VerlagError] = []
        wanted = {(lang, path.stem): path for lang in config.languages
                  for path in (config.translations_dir / lang).glob("*.po") if path.stem != "site"}
        known = {(lang, slug): digest for lang, slug, digest in self.db.execute("SELECT * FROM catalogs")}
        with self.db:
            for lang, slug in known.keys() - wanted.keys():
                self._forget(lang, slug)
            for (lang, slug), path in sorted(wanted.items()):
                ref = relpath(path, config.root)
                try:  # a named pipe is never opened (``NotAFile``), a catalog over its limit never read
                    data = read_bytes(path, CATALOG, ref) or b""
                except VerlagError as exc:
                    errors.append(exc)
                    self._forget(lang, slug)
                    continue
                except OSError as exc:  # a folder named like a catalog, no permission
                    errors.append(VerlagError(exc.strerror or str(exc), ref))
                    self._forget(lang, slug)
                    continue
                digest = hashlib.sha256(data).hexdigest()
                if known.get((lang, slug)) == digest:
                    continue
                self._forget(lang, slug)
                try:
                    units = self._catalog_units(data, lang, slug, ref)
                except VerlagError as exc:
                    errors.append(exc)
                    continue
                self._insert(units)
                self.db.execute("INSERT INTO catalogs VALUES (?, ?, ?)", (lang, slug, digest))
        return errors

    def _forget(self, lang: str, slug: str) -> None:
        self.db.execute("DELETE FROM units WHERE origin = 'po' AND name = ? AND lang = ?", (slug, lang))
        self.db.execute("DELETE FROM catalogs WHERE lang = ? AND slug = ?", (lang, slug))

    @staticmethod
    def _catalog_units(data: bytes, lang: str, slug: str, ref: str) -> list[Unit]:
        if not data:
            return []
        po = parse_po(decode_po(data, ref), ref)
        stamp = _stamp(po.metadata.get("PO-Revision-Date"))
        return [Unit("po", slug, lang, e.msgctxt, e.msgid, e.msgstr, stamp, e.obsolete)
                for e in po if not e.msgid_plural and entry_state(e) == REVIEWED]

    def units(self, lang: str | None = None, origin: str | None = None) -> list[Unit]:
        rows = self.file.use(lambda db: db.execute(
            "SELECT origin, name, lang, context, source, target, stamp, retired FROM units "
            "WHERE (?1 IS NULL OR lang = ?1) AND (?2 IS NULL OR origin = ?2)", (lang, origin)).fetchall())
        return [Unit(*row[:7], bool(row[7])) for row in rows]

    def lookup(self, lang: str, threshold: float) -> Lookup:
        rows = self.file.use(lambda db: db.execute("SELECT origin, name, lang, context, source, target, stamp, "
                                                   "prose, marks, retired FROM units WHERE lang = ?",
                                                   (lang,)).fetchall())
        return Lookup(rows, threshold)

    def import_tmx(self, data: bytes, path: Path, ref: str, config: Config) -> ImportReport:
        """Replace the units of an earlier import of the file at ``path`` (resolved) with this file's. Another file
        of the same name (OmegaT calls every project's memory project_save.tmx) is another memory and stays; its
        units are counted in the report (``namesakes``). Units imported before the index kept paths (file "")
        are known by the name alone and replaced, as they were then (``replaced_unknown``)."""
        content = read_tmx(data, ref, config.source_language, config.languages)
        name, file = path.name, str(path.resolve())
        units = [Unit("tmx", name, u.lang, u.context, u.source, u.target, u.stamp) for u in content.units]
        report = ImportReport(Counter(u.lang for u in units), content.other_languages, content.inline,
                              content.no_source, content.inline_units)

        def replace(db: sqlite3.Connection) -> None:
            with db:
                report.replaced_unknown = db.execute(
                    "DELETE FROM units WHERE origin = 'tmx' AND name = ? AND file = ''", (name,)).rowcount
                db.execute("DELETE FROM units WHERE origin = 'tmx' AND file = ?", (file,))
                report.namesakes = dict(db.execute(
                    "SELECT file, COUNT(*) FROM units WHERE origin = 'tmx' AND name = ? AND file != ? "
                    "GROUP BY file ORDER BY file", (name, file)).fetchall())
                self._insert(units, file)

        self.file.use(replace)
        return report


def _recency(stamp: str) -> int:
    return -int(stamp[:8] + stamp[9:15]) if stamp else 0


class Lookup:
    """Best matches in one target language, over units loaded once.

    Rows are the index's (Unit fields but ``retired``..., prose, marks, retired); a Unit is made only for a
    candidate (``_unit``).
    """

    def __init__(self, rows: list[tuple], threshold: float):
        self.threshold = threshold
        self.exact: dict[str, list[tuple]] = defaultdict(list)
        self.by_prose: dict[str, list[tuple]] = defaultdict(list)
        for row in rows:  # invisible line-break hints (``invisible.HINTS``) aside, on both sides (``best``)
            self.exact[without_hints(row[4])].append(row)
            self.by_prose[without_hints(row[7])].append(row)
        self.proses = sorted(self.by_prose, key=len)  # by length, for the length bound of the ratio
        self.lengths = [len(p) for p in self.proses]

    @classmethod
    def of(cls, units: list[Unit], threshold: float = DEFAULT_THRESHOLD) -> Lookup:
        """A lookup over units in memory (the index stores their split form)."""
        return cls([(u.origin, u.name, u.lang, u.context, u.source, u.target, u.stamp, *_split(u.source), u.retired)
                    for u in units], threshold)

    def best(self, text: str, context: str | None = None, slug: str = "") -> Match | None:
        def rank(match: Match):
            u = match.unit
            return (-match.score, u.context != context, not (u.origin == "po" and u.name == slug), u.retired,
                    _recency(u.stamp), u.origin != "po", u.name, u.target)

        text = without_hints(text)  # "Kopf\u00adschmerzen" is the memory's "Kopfschmerzen"
        if self.exact.get(text):
            return min((Match(_unit(row), row[5], 100, text) for row in self.exact[text]), key=rank)
        prose, marks = _split(text)
        marks = marks.split(_SEP) if marks else []
        # ratio = 2 M / (a + b) >= t needs the shorter text to be at least t / (2 - t) of the longer one.
        share = self.threshold / 100 / (2 - self.threshold / 100)
        lo = bisect.bisect_left(self.lengths, len(prose) * share)
        hi = bisect.bisect_right(self.lengths, len(prose) / share)
        found = process.extract(prose, self.proses[lo:hi], scorer=fuzz.ratio, score_cutoff=self.threshold,
                                limit=None)
        matches = []
        for candidate, score, _ in found:
            for row in self.by_prose[candidate]:
                adapted = _adapt(row[8].split(_SEP) if row[8] else [], marks, row[5])
                if adapted is None:
                    continue
                final = min(int(score) - ADAPT_PENALTY * adapted[1], 99)
                if final >= self.threshold:
                    matches.append(Match(_unit(row), adapted[0], final, text))
        return min(matches, key=rank, default=None)


def _unit(row: tuple) -> Unit:
    """The Unit of a ``Lookup`` row."""
    return Unit(*row[:7], bool(row[9]))


class TMEngine:
    """The ``tm`` engine: a fuzzy draft from the memory, with its score and where it came from."""

    name = "tm"

    def __init__(self, config: Config):
        self.config = config
        self.threshold = threshold(config)  # a mistake stops the run with its line before anything is sent
        self._lookups: dict[str, Lookup] = {}

    def lookup(self, lang: str) -> Lookup:
        """Loaded once per run and language: drafts written during the run are not reviewed work."""
        if lang not in self._lookups:
            try:
                memory = Memory.open(self.config)
                try:
                    if not self._lookups:
                        memory.refresh(self.config)  # unreadable catalogs are reported by the stage reading them
                    self._lookups[lang] = memory.lookup(lang, self.threshold)
                finally:
                    memory.close()
            except VerlagError as exc:  # a damaged index: kept for a person (it holds TMX imports), not used
                raise EngineUnavailable(str(exc)) from exc
        return self._lookups[lang]

    def translate(self, requests, source, target):
        """Drafts from the memory, those of reviewed catalog entries marked ``reviewed`` (an imported TMX unit may be
        anyone's); ``EngineUnavailable`` naming ``.verlag/tm.sqlite`` when the index is damaged."""
        from .engines import Result  # engines imports this module to register the engine

        lookup = self.lookup(target)
        matches = [lookup.best(r.text, r.context, r.slug) for r in requests]
        return [Result(m.text, m.origin, m.unit.origin in ("po", KEPT)) if m else None for m in matches]


def export_pairs(units: list[Unit]) -> list[TmxPair]:
    """One pair per German text and context; where translations of it differ, more pairs, newest first."""
    variants: dict[tuple, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for u in units:
        seen = variants[(u.source, u.context or "", u.context)][u.lang]
        seen[u.target] = max(seen.get(u.target, ""), u.stamp)
    pairs = []
    for (source, _, context), langs in sorted(variants.items(), key=lambda kv: kv[0][:2]):
        ordered = {lang: sorted(texts.items(), key=lambda t: (_recency(t[1]), t[0])) for lang, texts in langs.items()}
        for n in range(max(len(v) for v in ordered.values())):
            pairs.append(TmxPair(context, source, {lang: v[n] for lang, v in ordered.items() if n < len(v)}))
    return pairs


def export_tmx(config: Config, path: Path) -> tuple[Counter, int]:
    """Write every reviewed pair of the catalogs to ``path``; (translations per language, pairs left out).
    Raises ``VerlagError`` naming ``path`` when its folder is missing (a typo: no folder is made, as ``-C``
    names a folder that is not there) or no folder, before any catalog is read."""
    folder = path.parent
    if not folder.is_dir():
        raise VerlagError(f"no such folder {folder}/ to write it in (a typo? the export makes no folders: create it "
                          f"first)" if not folder.exists() else f"{folder} is not a folder", path)
    memory = Memory.open(config)
    try:
        raise_all(memory.refresh(config))  # an export without a damaged catalog's work would mislead
        units = memory.units(origin="po")
    finally:
        memory.close()
    segtype = "sentence" if config.segmentation == "sentence" else "paragraph"
    pairs = export_pairs(units)
    text, left_out = write_tmx(pairs, config.source_language, segtype, __version__)
    write_if_changed(path, text)
    return Counter(lang for pair in pairs for lang in pair.targets), left_out


KEPT = "kept"  # the origin of the units ``keep`` stores


def keep(config: Config, lang: str, slug: str, entries: list[tuple[str | None, str, str]], stamp: str) -> None:
    """Store ``entries`` ((msgctxt, msgid, msgstr)): reviewed obsolete entries (``#~``) of ``slug``'s catalog in
    ``lang`` that a tool purged from it (``msgattrib --no-obsolete``, Poedit's "Purge deleted translations"),
    found by ``extract`` in its copy of the catalog. A catalog's own units go when it changes; these stay, as
    imported TMX units do (deleting ``.verlag/`` forgets them), so ``tm`` offers them should the German come
    back. Raises ``VerlagError`` naming the index when it is damaged."""
    memory = Memory.open(config)
    units = [Unit(KEPT, slug, lang, context, source, target, stamp, True) for context, source, target in entries]

    def store(db: sqlite3.Connection) -> None:
        with db:
            db.executemany("DELETE FROM units WHERE origin = ? AND name = ? AND lang = ? AND context IS ? "
                           "AND source = ?", [(KEPT, slug, lang, u.context, u.source) for u in units])
            memory._insert(units)

    try:
        memory.file.use(store)
    finally:
        memory.close()


def import_tmx(config: Config, path: Path) -> ImportReport:
    data = file_bytes(path, IMPORTED)
    memory = Memory.open(config)
    try:
        return memory.import_tmx(data, path, str(path), config)
    finally:
        memory.close()

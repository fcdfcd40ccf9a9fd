"""``verlag extract --check``: whether ``translations/`` is up to date with the German, writing nothing.

A reviewer who signs entries off (Poedit, Weblate, a text editor) and commits leaves the catalogs as they
should be, but the next ``extract`` still rewrites them: it records the sign-offs in its own translator
comments (``catalog.settle``: ``draft …, signed off``, ``rewritten by hand from …``, the ``previous msgid``
record dropped) and writes its own header fields. ``extract && git diff --exit-code translations/`` then fails
on every review commit, though the German did not change. This check runs ``extract`` on a copy of the project
in a temporary folder (as ``msgmerge`` is run on a copy before ``diff``) and compares what it wrote with the
project's files: a template, a record of image variants, or a catalog whose entries (msgctxt, msgid; active or
obsolete), translations or fuzzy flags would change is out of date; a catalog whose only changes are comment
lines, references, header fields or layout is as the German needs it.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import polib

from .catalog import REOPENED, charset_codec, format_flags
from .config import CONFIG_NAME, Config, load_config
from .errors import ManyErrors, VerlagError
from .extract_article import FORMAT_WHY, MADE_OBSOLETE
from .fsutil import TEMP_RE, relpath
from .lock import LOCK_NAME
from .pofile import parse
from .restore import pending, pending_message, restored_message

# what the trial run's warnings say extract did -> what extract --check says it will do; each pair holds enough of
# the message's own words around the verb that a reviewer's text quoted in it (an excerpt) cannot match it
# (tests/test_extract_check.py runs each message through extract --check and extract)
_WILL = ((f" {REOPENED}: ", " verlag extract puts it back to review, fuzzy, as it was: "),
         (f" dropped {FORMAT_WHY}", f" to be dropped by verlag extract {FORMAT_WHY}"),
         # catalog entries extract carries, sets back or reads otherwise (``extract_article.update_catalogs``)
         ("): brought back as the last extract left them (from ",
          "): verlag extract brings them back as the last extract left them (from "),
         ("' shows them, 'git log -p ", "' will show them then, 'git log -p "),
         (", is back as it was (", ", will be back after verlag extract as it was ("),
         ("; the draft is kept as an obsolete entry (#~)", "; the draft will be kept as an obsolete entry (#~)"),
         (" (an untouched machine draft: obsolete, to draft again)",
          " (an untouched machine draft: verlag extract makes it obsolete, to draft again)"),
         (" set back to the German ", " will be set back by verlag extract to the German "),
         (": removed, its translation and state kept", ": verlag extract removes it, its translation and state kept"),
         (": put back, its translation and state kept", ": verlag extract puts it back, its translation and state kept"),
         (": set back to ", ": verlag extract sets it back to "),
         (": taken as the translation of ", ": verlag extract takes it as the translation of "),
         ("no form was translated, the plural forms dropped",
          "no form is translated: verlag extract drops the plural forms"),
         ("; the other forms dropped: ", "; the other forms will be dropped: "),
         # two translations of changed German (``catalog._rivals``)
         (" is now the changed sentence's (fuzzy, the old German as previous msgid); ",
          " will be the changed sentence's after verlag extract (fuzzy, the old German as previous msgid); "),
         (" was the copy the last extract had carried there", " is the copy the last extract carried there"),
         (" is kept as an obsolete entry (#~) of the old German: choose one",
          " will be kept by verlag extract as an obsolete entry (#~) of the old German: choose one"),
         (", came back with an older copy of the catalog and is dropped",
          ", came back with an older copy of the catalog, and verlag extract drops it"),
         # a catalog saved again under a renamed article's old name (``orphans``)
         (" of its translations brought over to ", " of its translations will be brought over by verlag extract to "),
         (" brought over as the msgstr, fuzzy: check it", " to be brought over as the msgstr, fuzzy: check it"),
         # site.po's plural forms (``uistrings``)
         ("): marked fuzzy, as GNU msgfmt --check refuses ", "): verlag extract marks it fuzzy, as GNU msgfmt --check "
                                                            "refuses "),
         (" said differently; it takes the old msgstr[", " said differently; verlag extract gives it the old msgstr["),
         (", the form of its most typical number, and is marked fuzzy: check it",
          ", the form of its most typical number, and marks it fuzzy: check it"),
         (f"): {MADE_OBSOLETE}", "): verlag extract makes it obsolete (#~), its translation kept"))
# the same where the words depend on the warning's own: (pattern, replacement)
_WILL_RE = ((re.compile(r": back to review, fuzzy, the (msgid|German) (it was|they were) made for"),
             lambda m: f": verlag extract puts {'it' if m[2] == 'it was' else 'them'} back to review, fuzzy, the {m[1]} "
                       f"{m[2]} made for"),
            (re.compile(r"which no sentence of an article uses: its first form ('(?:[^'\\]|\\.)*'|\"[^\"]*\") kept as"),
             lambda m: f"which no sentence of an article uses: verlag extract keeps its first form {m[1]} as"))


@dataclass
class Outdated:
    path: str  # project-relative, as extract names it
    why: str  # what extract would change there, for the reviewer: the German's new, changed and removed entries
    german: bool = True  # False: a catalog extract only writes in UTF-8 (``_recoded``), nothing of the German


@dataclass
class CheckResult:
    outdated: list[Outdated] = field(default_factory=list)
    records: list[str] = field(default_factory=list)  # catalogs extract would rewrite only for its own records
    errors: list[VerlagError] = field(default_factory=list)  # extract's: articles and catalogs it cannot read
    # what extract would warn of ("file:line: message"): a bulk sign-off it reopens, a msgid it sets back, …
    warnings: list[str] = field(default_factory=list)
    # article ref -> its German sentences extract would list as changed, new or removed (``ExtractResult.sentences``)
    sentences: dict[str, list[tuple[str, int | None, str]]] = field(default_factory=dict)


def check(config: Config, keep_typo_fixes: bool = False, jobs: int | None = None) -> CheckResult:
    """What ``extract`` would change under ``translations/``, the project left as it is (not even locked).

    ``extract`` (with the website's words and the image variants' record) runs on a copy of ``verlag.toml``,
    the German sources, ``templates/``, ``translations/`` and ``.verlag/``
    (without its lock, temp files and SQLite caches) in a temporary folder, removed afterwards. The errors it
    meets name the project's files; the files they concern are left out of the comparison.
    """
    result = CheckResult()
    with tempfile.TemporaryDirectory(prefix="verlag-check-") as scratch:
        copy = Path(scratch) / "project"
        result.errors = _copy_inputs(config, copy)
        twin = load_config(copy)
        before = _files(twin.translations_dir)
        errors, warnings, result.sentences = _extract(twin, keep_typo_fixes, jobs)
        result.errors += [_named(e, copy, config.root) for e in errors]
        result.warnings = [_will(warning.replace(str(copy), str(config.root))) for warning in warnings]
        after = _files(twin.translations_dir)
        failed = {_ref(Path(s.path), config.root) for e in result.errors
                  for s in (e.errors if isinstance(e, ManyErrors) else [e]) if s.path is not None}
        for name in sorted(before.keys() | after.keys()):
            ref = f"{config.translations_dir.name}/{name}"
            old, new = before.get(name), after.get(name)
            if old == new or ref in failed:
                continue
            lang, _, file = name.partition("/")
            restorable = pending(config, lang, file[:-3]) if file.endswith(".po") and new and not old else None
            why = _why(name, old, new) if restorable is None else pending_message(ref, restorable).partition(": ")[2]
            if restorable is not None:  # the trial run's words for it, as what extract will do
                result.warnings = [restored_message(ref, restorable, done=False)
                                   if w == restored_message(ref, restorable) else w for w in result.warnings]
            if (recoded := _recoded(old, new) if name.endswith(".po") else None) is not None:
                result.outdated.append(Outdated(ref, recoded, german=False) if why is None else
                                       Outdated(ref, f"{why}; {recoded}"))
            elif why is None:
                result.records.append(ref)
            else:
                result.outdated.append(Outdated(ref, why))
    return result


def _will(warning: str) -> str:
    """A warning of the trial run, which wrote nothing, in the words of what ``extract`` will do (``_WILL``)."""
    for done, will in _WILL:
        warning = warning.replace(done, will)
    for pattern, will in _WILL_RE:
        warning = pattern.sub(will, warning)
    return warning


def _copy_inputs(config: Config, copy: Path) -> list[VerlagError]:
    """What ``extract`` reads of the project at ``config.root``, copied to the new folder ``copy``; each file that
    cannot be read, as an error naming it (the others are copied)."""
    copy.mkdir()
    shutil.copy2(config.root / CONFIG_NAME, copy / CONFIG_NAME)  # read by load_config already
    failures: list[tuple[str, str, str]] = []
    # the folders extract only reads keep their links (a link is read as the project's is); the ones it writes
    # into are copied as files, so no write in the copy goes through a link to a folder outside it
    for folder, links in ((config.source_dir, True), (config.root / "templates", True),
                          (config.translations_dir, False), (config.state_dir, False)):
        try:
            if folder.is_dir():
                shutil.copytree(folder, copy / folder.name, symlinks=links, ignore=partial(
                    _left_out, state=folder == config.state_dir), ignore_dangling_symlinks=True)
        except shutil.Error as exc:
            failures += exc.args[0]
        except OSError as exc:
            failures.append((str(folder), "", exc.strerror or str(exc)))
    return [VerlagError(f"cannot be copied to a temporary folder to check it: {why}",
                        relpath(Path(source), config.root)) for source, _, why in failures]


_CACHES = (LOCK_NAME, "jinja")  # in .verlag/: the lock and the build's template cache, with the SQLite caches


def _left_out(folder: str, names: list[str], state: bool) -> set[str]:
    """The names in ``folder`` the copy leaves out: verlag's temp files, and in ``.verlag/`` (``state``) its lock
    and its caches (SQLite files that another verlag may be writing: a cache extract does without)."""
    return {name for name in names if TEMP_RE.match(name) or state and (
        name in _CACHES or name.endswith(".sqlite") or ".sqlite-" in name)}


def _extract(config: Config, keep_typo_fixes: bool, jobs: int | None) -> tuple[list[VerlagError], list[str], dict]:
    """``extract``'s three stages, as ``verlag extract`` runs them, on the copy; their errors and warnings, and the
    German sentences extract lists."""
    from .extract import extract
    from .variants import record_variants
    from .uistrings import update_site_catalogs

    done = extract(config, keep_typo_fixes=keep_typo_fixes, jobs=jobs)
    errors, warnings = done.errors, [*done.warnings, *(orphan.message() for orphan in done.orphans)]
    try:
        update_site_catalogs(config, warnings)
    except VerlagError as exc:
        errors.append(exc)
    record_variants(config.source_dir, config.translations_dir, config.languages)
    return errors, warnings, done.sentences


def _named(error: VerlagError, copy: Path, root: Path) -> VerlagError:
    """``error`` as the project's: a path in the copy is the project's path, in its place and in its message."""
    for single in error.errors if isinstance(error, ManyErrors) else [error]:
        if single.path is not None and Path(single.path).is_absolute() and Path(single.path).is_relative_to(copy):
            single.path = root / Path(single.path).relative_to(copy)
        single.message = single.message.replace(str(copy), str(root))
    return error


def _ref(path: Path, root: Path) -> str:
    return relpath(path, root) if path.is_absolute() else path.as_posix()


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its path there (POSIX), with its bytes."""
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and not TEMP_RE.match(path.name)}


def _why(name: str, old: bytes | None, new: bytes | None) -> str | None:
    """What extract changes in the file ``name`` (under translations/) from ``old`` to ``new`` (None: no such
    file), in the reviewer's words; None when only its own records in a catalog change."""
    if new is None:
        return "extract removes it (its article is gone or was renamed)"
    if old is None:
        return "missing: extract creates it"
    if name.endswith(".pot"):
        return _entries_changed(_read(old), _read(new), template=True)
    if not name.endswith(".po"):
        return "not the German files' record: extract writes it again"
    before, after = _read(old), _read(new)
    if before is None or after is None:
        return "extract writes it again"
    return _catalog_changed(before, after)


def _read(data: bytes) -> polib.POFile | None:
    """The catalog ``data`` parsed, read as UTF-8 or in the charset its header declares (``catalog.decode_po``);
    None when it cannot be."""
    try:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            declared = charset_codec(data)
            if declared is None:
                return None
            text = data.decode(declared[1])
        return parse(text)
    except (UnicodeDecodeError, ValueError, OSError):
        return None


def _recoded(old: bytes | None, new: bytes | None) -> str | None:
    """Why the catalog ``old`` changes in ``new`` beyond its entries when its bytes are not UTF-8 but the charset
    its header declares (``msgconv --to-code=CP1252``), which extract writes in UTF-8; None otherwise."""
    if not old or not new:
        return None
    try:
        old.decode("utf-8")
        return None
    except UnicodeDecodeError:
        declared = charset_codec(old)
    if declared is None:
        return None
    return (f"extract writes it in UTF-8, its header's charset UTF-8 (it says {declared[0]}): verlag writes every "
            "catalog in UTF-8, its translations kept")


def _entries_changed(before: polib.POFile | None, after: polib.POFile | None, template: bool = False,
                     beside: frozenset[tuple] = frozenset()) -> str:
    """The German entries ``after`` has that ``before`` lacks (new; changed: fuzzy with a previous msgid; put
    back: a translation of ``before``'s obsolete entries live again) and those ``before`` has that are gone from
    ``after`` (removed, or obsolete in a catalog), counted; ``beside``: keys of ``before``'s entries that are no
    German of the article but a second translation of a changed sentence (``_rivals``), counted there."""
    if before is None or after is None:
        return "extract writes it again"
    old = {_key(e) for e in before if not e.obsolete} - beside
    kept = {_key(e) for e in before if e.obsolete and (e.msgstr or any(e.msgstr_plural.values()))}
    live = [e for e in after if not e.obsolete]
    new = [e for e in live if _key(e) not in old]
    changed = sum(e.previous_msgid is not None for e in new)
    revived = sum(e.previous_msgid is None and _key(e) in kept for e in new)
    # the old German of a changed entry (its previous msgid) is carried to it, not gone
    carried = {(e.previous_msgctxt, e.previous_msgid) for e in new if e.previous_msgid is not None}
    gone = len({k for k in old - {_key(e) for e in live} if k[:2] not in carried})
    parts = [f"{n} {what}" for n, what in ((len(new) - changed - revived, "new"), (changed, "changed"),
                                          (revived, "put back (its obsolete translation live again)"),
                                          (gone, "removed" if template else "no longer in the German (obsolete)"))
             if n]
    if parts:
        return ", ".join(parts)
    return "the German file or its lines changed, no sentence did" if template else ""


def _catalog_changed(before: polib.POFile, after: polib.POFile) -> str | None:
    """Why extract's ``after`` of the catalog ``before`` is more than its records: German entries new, changed
    or gone, second translations of a changed sentence settled (``_rivals``), obsolete entries, translations or
    fuzzy flags that differ, format flags dropped (msgfmt --check, which CI and Weblate run, may refuse the catalog
    over them). None when nothing of that differs."""
    rivals = _rivals(before, after)
    german = ", ".join(filter(None, [_entries_changed(before, after, beside=frozenset(rivals)),
                                     *_counted(Counter(rivals.values()))]))
    if german:
        return german
    old = {(_key(e), e.obsolete): e for e in before}
    new = {(_key(e), e.obsolete): e for e in after}
    if old.keys() != new.keys():
        return "obsolete entries (#~) differ"
    reopened = sum(new[k].fuzzy and not old[k].fuzzy for k in new if not k[1])
    retranslated = sum(_text(new[k]) != _text(old[k]) or new[k].fuzzy != old[k].fuzzy for k in new) - reopened
    unformatted = sum(bool(format_flags(old[k])) and not format_flags(new[k]) for k in new)
    parts = [f"{n} {what}" for n, what in ((reopened, "back to review (fuzzy)"),
                                          (retranslated, "with another translation or state"),
                                          (unformatted, "without the format flag a tool gave it")) if n]
    return ", ".join(parts) or None


# what extract does with a second translation of a changed sentence's old German (``catalog._rivals``), by whether
# that translation is the changed sentence's after it and whether an obsolete entry of the old German is new
_RIVAL = {(True, False): ("translation of the old German taken into its changed sentence (fuzzy)",
                          "translations of the old German taken into their changed sentences (fuzzy)"),
          (True, True): ("translation of the old German taken into its changed sentence (fuzzy), the text it "
                         "replaced kept as obsolete (#~)",
                         "translations of the old German taken into their changed sentences (fuzzy), the texts "
                         "they replaced kept as obsolete (#~)"),
          (False, True): ("other translation of a changed sentence's old German kept as obsolete (#~)",
                          "other translations of changed sentences' old German kept as obsolete (#~)"),
          (False, False): ("older copy of a changed sentence's translation dropped",
                           "older copies of changed sentences' translations dropped")}


def _rivals(before: polib.POFile, after: polib.POFile) -> dict[tuple, tuple[bool, bool]]:
    """The entries of ``before`` (by key) that are a second translation of a changed sentence's old German, beside
    that sentence's live fuzzy entry (a git merge that kept both sides, ``msgcat``): German the article no longer
    has, which ``after`` gives as previous msgid to an entry ``before`` already had with another translation. Each
    with whether its text is that entry's in ``after`` and whether ``after`` has an obsolete entry of its German
    ``before`` lacked (``_RIVAL``)."""
    live = {_key(e): e for e in before if not e.obsolete}
    now = {_key(e) for e in after if not e.obsolete}
    kept = {_key(e) for e in after if e.obsolete} - {_key(e) for e in before if e.obsolete}
    targets = {(e.previous_msgctxt, e.previous_msgid): e for e in after
               if not e.obsolete and e.previous_msgid is not None and _key(e) in live}
    return {k: (targets[k[:2]].msgstr == e.msgstr, k in kept) for k, e in live.items()
            if e.msgstr and k not in now and k[:2] in targets and live[_key(targets[k[:2]])].msgstr != e.msgstr}


def _counted(kinds: Counter) -> list[str]:
    """``_rivals``' kinds, counted in ``_RIVAL``'s words."""
    return [f"{n} {_RIVAL[kind][n != 1]}" for kind, n in sorted(kinds.items(), reverse=True)]


def _key(entry: polib.POEntry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def _text(entry: polib.POEntry) -> tuple:
    return (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))

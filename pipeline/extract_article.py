"""Stage ``extract``, the work on one changed article: its template made from its segmentation and merged
into each language's catalog, in a pool worker (``prepare_in_worker``) or in this process, and swapped in
(``extract_article``).

``extract`` imports this module only when an article's fingerprint changed: a run with nothing to do
never creates these classes or loads segmentation, the catalog code or the pool.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

from . import doccache, renames, textchanged
from .config import Config
from .errors import VerlagError, excerpt, lines_said, stage
from .fsutil import read_bytes, relpath, remove_unchanged, rewrite, state_bytes, write_if_changed, write_state
from .glossary import Glossary, add_hints, hinted
from .limits import CATALOG
from .orphans import RECORDS
from .restore import record_copy, restored_message
from .sources import Article

if TYPE_CHECKING:
    import polib

    from .extract import ExtractResult
    from .segment import Document

_CREATED_RE = re.compile(r'^"POT-Creation-Date: (.*)\\n"$', re.M)


# How a German sentence is listed when the languages' catalogs tell it apart: the first of these. Changed back to
# its reviewed German in one language (restored), it may have had nothing to match in another (changed or new
# there); put back, no obsolete entry to take back (new); changed, nothing like its old German (new).
_TOLD = ("restored", "put back", "changed", "new")


def _split_sentences(told: list[tuple[str, _Merged]]) -> list[list[tuple[str, int | None, str]]]:
    """Each language's ``_Merged.sentences`` of ``told`` ((language, merge) of one article), German that one
    language split into sentences (``_Merged.splits``) and another did not (no translation there to carry onto
    each) said once: the other languages' lines of its sentences (changed, new) left out, the split's line saying
    what happened where ("split into 2, its translation on each (fuzzy) in en; fr: not split, its sentences
    changed and new there"). Where every language split it, its line is as each language has it."""
    splits: dict[str, tuple[tuple[str, ...], list[str]]] = {}  # old German -> (its sentences, languages that split)
    for lang, merged in told:
        for old, parts in merged.splits:
            splits.setdefault(old, (parts, []))[1].append(lang)
    lists = [list(merged.sentences) for _, merged in told]
    for old, (parts, split) in splits.items():
        if len(split) == len(told):
            continue
        others = []
        for (lang, _), listed in zip(told, lists):
            if lang in split:
                continue
            kinds = sorted({kind for kind, _, text in listed if text in parts and kind in ("changed", "new")})
            listed[:] = [item for item in listed if not (item[2] in parts and item[0] in ("changed", "new"))]
            others.append(f"{lang}: not split" + (f", its sentences {' and '.join(kinds)} there" if kinds else ""))
        said = (f"split into {len(parts)}, its translation on each (fuzzy) in {', '.join(split)}; "
                + "; ".join(others))
        for (lang, _), listed in zip(told, lists):
            if lang in split:
                listed[:] = [(said, line, text) if text == old and kind.startswith("split into") else (kind, line, text)
                             for kind, line, text in listed]
    return lists


def _list_sentences(listed: list[tuple[str, int | None, str]], found: list[tuple[str, int | None, str]]) -> None:
    """Add the changed, restored, put back, new and removed German sentences of one merge, ``found``
    (``_Merged.sentences``), to ``listed``, each once, as the language that tells most about it has it
    (``_TOLD``)."""
    for kind, line, text in found:
        same = [item for item in listed if item[2] == text and (item[0] == kind or {item[0], kind} <= set(_TOLD))]
        if any(item[0] == kind or _TOLD.index(item[0]) < _TOLD.index(kind) for item in same):
            continue
        listed[:] = [item for item in listed if item not in same]
        listed.append((kind, line, text))


def _in_document_order(listed: list[tuple[str, int | None, str]] | None, template: Callable[[], polib.POFile]) -> None:
    """Sort one article's listed sentences (``_list_sentences``) by their line and, on one line, as the German has
    them: the merge lists them by kind and by how alike the old and new German are, so the second sentence of a
    paragraph could be listed before the first. ``template``: the article's template, asked only then; a
    sentence it no longer has (removed) comes after the others of its line."""
    if not listed:
        return
    order: dict[str, int] = {}
    if len({line for _, line, _ in listed}) < len(listed):
        for n, entry in enumerate(template()):
            order.setdefault(entry.msgid, n)
    listed.sort(key=lambda item: (item[1] or 0, order.get(item[2], len(order))))


class Reverted(NamedTuple):
    """German whose entry held an older copy's draft where the last extract left a person's translation, now back
    (``catalog._left_newer``, ``catalog._left_for_changed``)."""
    line: int | None  # of the German in the catalog written
    msgid: str
    msgstr: str  # the translation back
    fuzzy: bool
    older_msgid: str | None  # the older copy's msgid where it was of other German, kept as obsolete, else None
    was_stale: bool  # the older copy's entry was a translation of the German before it changed (``_stale_again``)
    was_empty: bool  # the older copy's entry was empty (``catalog._emptied_in_copy``)
    # the older copy's text where it held the German only as an obsolete entry, dropped
    # (``catalog._put_back_since``), else None
    obsolete_text: str | None


@dataclass(frozen=True)
class _Merged:
    """One catalog merged with the article's template: the bytes to swap in while the file still holds ``data``."""

    data: bytes | None  # the catalog the merge was made from (None: there was none)
    text: bytes  # the merged catalog
    # fuzzy / redraft / unstarted / new / obsolete / typo / restored / revived entries; None: from the template alone
    counts: Counter | None
    # changed, restored, put back, new, removed German: (kind, line, msgid)
    sentences: list[tuple[str, int | None, str]]
    # msgids edited in the catalog, set back to the German: (line in the catalog, the edited msgid, the German)
    msgid_edits: list[tuple[int, str, str]] = field(default_factory=list)
    # entries made obsolete that the template before this run did not have either: the catalog's, not the author's
    strays: list[str] = field(default_factory=list)
    # two translations of a changed sentence's old German (``catalog._rivals``): (line in the catalog, the old
    # German, the new German, "newer" / "older" / "reviewed" / "kept", the text live now, the other text); or one
    # that came with a merge, given to the changed sentence that had none (``catalog._merged_in``): "merged", "";
    # or an obsolete entry whose #~ a person removed, given likewise: "revived", ""
    rivals: list[tuple[int, str, str, str, str, str, bool]] = field(default_factory=list)
    brought_back: int = 0  # translations gone from the catalog, brought back from the record of the last extract
    # German the template had before this run whose entry the catalog had for earlier German (the catalog is older):
    # (line in the German, the msgid, what became of it: "fuzzy", it took that translation for review; "redraft",
    # an untouched draft went obsolete and nothing a person wrote was there to bring back; "reviewed" or "draft",
    # the draft went obsolete and the translation the last extract left for this German came back in that state;
    # the other text the last extract had left there, if any, or the one that came back)
    older: list[tuple[int | None, str, str, str | None]] = field(default_factory=list)
    # translations without msgctxt given to the title / summary / tag of that German (``catalog._context_dropped``):
    # (line in the catalog, the German, the msgctxt it went to, whether it is fuzzy there)
    contexts: list[tuple[int, str, str, bool]] = field(default_factory=list)
    # stale entries signed off with their ``#| msgid`` kept (``catalog.stale_sign_off``), fuzzy again: (line of the
    # msgid in the catalog, the msgid)
    stale_sign_offs: list[tuple[int, str]] = field(default_factory=list)
    # plural entries read as one sentence's (``catalog._singular``): (line of the msgid in the catalog, the msgid,
    # whether it is obsolete, the form kept as msgstr, the other forms, dropped)
    plurals: list[tuple[int, str, bool, str, list[str]]] = field(default_factory=list)
    # msgctxts added, changed or removed in the catalog, set back to the German's: (line in the catalog, the msgid,
    # the catalog's msgctxt, the German's)
    msgctxt_edits: list[tuple[int, str, str | None, str | None]] = field(default_factory=list)
    # the catalog has no ``catalog.TEMPLATE_FIELD``: an ``older`` entry's msgid may be one edited in the catalog
    unsure: bool = False
    # the German split into sentences listed in ``sentences``: (its old German, the msgids of its sentences now)
    splits: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    # format flags dropped (``catalog.format_flags``): (line of the msgid in the catalog, the msgid, the flags)
    format_flags: list[tuple[int, str, list[str]]] = field(default_factory=list)
    # reviewed obsolete entries the last extract left that a tool purged since (``_purged``): (msgctxt, msgid, msgstr)
    purged: list[tuple[str | None, str, str]] = field(default_factory=list)
    # changed German kept reviewed as a typo fix: (line of its msgid in the catalog written, the German before, now)
    typo_fixes: list[tuple[int, str, str]] = field(default_factory=list)
    # translations the last extract left, back in place of an older copy's drafts
    reverted: list[Reverted] = field(default_factory=list)
    # translations of German changed meanwhile that came into the catalog since the last extract (``_arrived``),
    # fuzzy: (line of the msgid in the catalog written, the msgid)
    arrived: list[tuple[int, str]] = field(default_factory=list)
    # msgids replaced in the catalog by unlike text (``catalog.replaced_msgids``), set back to the German by the
    # place they name: (line in the catalog, the replaced msgid, the German, the translation kept, fuzzy)
    msgid_replaced: list[tuple[int, str, str, str]] = field(default_factory=list)
    # the comment lines of an entry cut off that ended the catalog, dropped (``catalog.own_words``): (the line of the
    # first in the catalog, the lines)
    cut_off: tuple[int, list[str]] | None = None
    # reviewed obsolete entries the last extract left, deleted since along with live entries (``_cut_down``), back in
    # the catalog: their msgids
    obsolete_back: list[str] = field(default_factory=list)
    # ``text`` holds the catalog's entries as they were, only laid out otherwise (``catalog.same_entries``: GNU
    # msgcat or msguniq dropped verlag's flags, an editor added a blank line)
    relaid: bool = False


MADE_OBSOLETE = "made obsolete (#~), its translation kept"  # what extract says it did with a stray entry
# why extract drops the format flags of an article's catalog (``catalog.format_flags``)
FORMAT_WHY = ("(Poedit, Weblate or msgmerge add one where they see a %): an article's sentence is Markdown, no format "
              "string, and GNU msgfmt --check refuses a catalog where such an entry's translation has other % signs "
              "than the German")


def record_path(config: Config, lang: str, slug: str) -> Path:
    """Where extract keeps its copy of a catalog as it last left it (``catalog.merge``'s ``last_written``)."""
    return config.state_dir / RECORDS / lang / f"{slug}.catalog"


def _last_written(record: bytes | None, data: bytes | None, ref: str, old_pot: str | None):
    """``catalog.merge``'s ``last_written``: the record parsed, None when there is none, when the catalog is
    still those very bytes (nothing to learn from it) or when it cannot be read (a damaged cache). Its active
    entries are only those of German the template of the last extract (``old_pot``) had: the last extract wrote
    no other, so any other is no translation a reviewer wrote (a record that came with a project folder)."""
    from .catalog import key, parse_po

    if record is None or record == data:
        return None
    try:
        written = parse_po(record.decode("utf-8"), ref)
    except (VerlagError, UnicodeDecodeError):
        return None
    known = _template_keys(old_pot) or frozenset()
    written[:] = [e for e in written if e.obsolete or key(e) in known]
    return written


def last_extract(config: Config, lang: str, slug: str, data: bytes | None) -> polib.POFile | None:
    """For a command that only reads: the article's catalog in ``lang`` as the last ``extract`` left it (its
    record, ``_last_written`` with the template on disk, the one that extract made), None when there is none or
    the catalog is still those bytes ``data``."""
    pot = read_bytes(config.pot_path(slug), CATALOG, relpath(config.pot_path(slug), config.root))
    return _last_written(state_bytes(record_path(config, lang, slug)), data, "record",
                         pot.decode("utf-8", "replace") if pot is not None else None)


def _merge_catalog(data: bytes | None, old: polib.POFile | None, pot: polib.POFile, lang: str, glossary: Glossary,
                   keep_typo_fixes: bool, old_pot: str | None = None, resegmented: bool = False,
                   pot_text: str | None = None, record: bytes | None = None,
                   same_article: Callable[[str, str], bool] | None = None) -> _Merged:
    """``pot`` merged into ``old`` (``catalog.merge``, None: a catalog from the template alone), glossary hints
    added; ``data``: the bytes ``old`` was read from; ``old_pot``: the template on disk before this run, the
    German ``old`` was merged with when its ``catalog.TEMPLATE_FIELD`` names it (``_german_before``).
    ``resegmented``: verlag.toml's ``segmentation`` changed since the last run: no old entry is paired with
    new German (all stay as obsolete, their state intact for a switch back), a new entry made of old ones'
    German gets their translations joined as a fuzzy suggestion (``_joined``), and no German edit is listed.
    ``pot_text``: ``render(pot)``, if at hand: a catalog from the template alone that the glossary adds no hint
    to is then that text with the catalog's header (``catalog.fresh_text``), the same bytes.
    ``record``: the catalog's bytes as the last extract left them (``record_path``), for ``merge``'s
    ``last_written``; not asked after a change of segmentation. ``same_article``: ``merge``'s (``_same_article``)."""
    from .catalog import (FUZZY_THRESHOLD, TEMPLATE_FIELD, UNTRANSLATED, catalog_bytes, cut_off_line, decode_po,
                          entry_state, fresh_text, key, merge, same_entries, stale_sign_offs)
    from .pofile import encode_like

    if old is None and pot_text is not None and all(hinted(e, glossary, lang) == e.comment for e in pot):
        text = fresh_text(pot, pot_text, lang)
        if text is not None:
            return _Merged(data, encode_like(text, data), None, [])
    merged, report = merge(old, pot, lang, keep_typo_fixes=keep_typo_fixes and not resegmented,
                           threshold=_NEVER if resegmented else FUZZY_THRESHOLD,
                           german_before=lambda: _german_before(old, old_pot),
                           last_written=None if resegmented else lambda: _last_written(record, data, "record", old_pot),
                           same_article=same_article)
    if resegmented and old is not None:
        _joined(merged, old, lang)
    arrived = [] if resegmented or old is None else \
        _arrived(old, merged, lambda: _last_written(record, data, "record", old_pot))
    add_hints(merged, glossary, lang)
    purged = [] if resegmented or old is None else _purged(record, data, old, merged, old_pot)
    cut = purged and _cut_down(report, old_pot)
    if cut:  # deleted along with live entries (msgattrib --only-fuzzy): the reviewer's work, back in the catalog
        merged.extend(purged)
    text = catalog_bytes(merged, data)
    if old is None:
        return _Merged(data, text, None, [])
    counts = Counter({"fuzzy": report.fuzzy, "redraft": len(report.redrafted), "new": report.new,
                      "obsolete": report.obsolete, "typo": len(report.typo_fixes), "restored": len(report.restored),
                      "relinked": len(report.relinked),
                      "unstarted": len(report.unstarted)})
    # put back with what its obsolete entry held: a translation, or an untouched copy of the German (``copy``
    # engine's draft, untranslated), counted apart
    copies = sum(entry_state(e) == UNTRANSLATED for e in report.revived)
    counts.update(revived=len(report.revived) - copies, recopied=copies)
    back = [e for e in report.brought_back if id(e) in report.paired]  # in place of a draft of earlier German
    before = (_template_keys(old_pot) if report.retired or report.changed or report.redrafted or report.unstarted
              or report.added or back else None)
    joined = {key(p) for _, parts in report.joins for p in parts}  # listed as joined, not as removed
    removed = [e for e in report.retired if (before is None or key(e) in before) and key(e) not in joined]
    strays = [e.msgid for e in report.retired if before is not None and key(e) not in before]
    # German the template already had before this run, paired with an entry of German it had not: no change of the
    # author's, the catalog is older than the German (restored from git, an old download)
    older = [e for e in (*report.changed, *report.redrafted, *back)
             if before is not None and key(e) in before and report.paired[id(e)] not in before]
    if resegmented:
        removed, strays, report.changed, report.added, report.unstarted, older = [], [], [], [], [], []
    behind = {id(e) for e in older}
    back = {id(e) for e in back}
    unstarted = {id(e) for e in report.unstarted}
    # German the template had before, its entry deleted from the catalog (msgattrib --only-fuzzy) and made again
    # empty: no new German, counted apart
    remade = sum(id(e) not in unstarted and before is not None and key(e) in before for e in report.added)
    counts["new"] -= remade
    counts["remade"] = remade

    def line(entry: polib.POEntry) -> int | None:
        return next((int(n) for _, n in entry.occurrences if n.isdigit()), None)

    regrouped = {id(e) for _, run in report.splits for e in run} | {id(e) for e, _ in report.joins}
    sentences = [(kind, line(entry), entry.msgid)
                 for kind, entries in (("changed", [e for e in (*report.changed, *report.redrafted)
                                                    if id(e) not in behind and id(e) not in regrouped]
                                        + [e for e in report.unstarted if before is None or key(e) not in before]),
                                       ("restored", report.restored), ("put back", report.revived),
                                       # German the template had before is no author's addition, whatever the
                                       # catalog lost (trial 29: a msgid typed over)
                                       ("new", [e for e in report.added if id(e) not in unstarted
                                                and (before is None or key(e) not in before)]),
                                       ("removed", removed)) for entry in entries]
    sentences += [(f"split into {len(run)}, its translation on each (fuzzy)", line(run[0]), old.msgid)
                  for old, run in report.splits if all(id(e) not in behind for e in run)]
    sentences += [(f"joined from {len(parts)}, their translations joined (fuzzy)", line(entry), entry.msgid)
                  for entry, parts in report.joins if id(entry) not in behind]
    # a bulk sign-off whose German the author put back as it was is reviewed again (``restored``), not reopened
    settled = {report.paired[id(e)] for e in report.restored if id(e) in report.paired}
    reopened = [(line, e) for line, e in stale_sign_offs(old, data) if key(e) not in settled]
    lines = (decode_po(data, "").split("\n")
             if (report.msgid_edits or report.msgid_replaced or report.msgctxt_edits or report.plurals
                 or report.format_flags) and data else [])

    def msgid_line(entry: polib.POEntry) -> int:
        return next((n for n in range(entry.linenum, len(lines) + 1) if lines[n - 1].startswith("msgid ")),
                    entry.linenum)

    edits = [(msgid_line(edited), edited.msgid, entry.msgid, entry.fuzzy and not edited.fuzzy)
             for edited, entry in report.msgid_edits]
    contexts_edited = [(msgid_line(edited), entry.msgid, edited.msgctxt, entry.msgctxt)
                       for edited, entry in report.msgctxt_edits]
    plurals = [(msgid_line(entry), entry.msgid, entry.obsolete,
                next((text for _, text in sorted(entry.msgstr_plural.items()) if text), ""), others)
               for entry, others in report.plurals]
    rivals = [(line, rival.msgid, live.msgid, kind, live.msgstr, other, live.fuzzy)
              for line, (rival, live, kind, other) in zip(_rival_lines(text, report.rivals), report.rivals)]
    left = {}  # what the last extract left in those entries: the newer text the older catalog replaced
    if older and (written := _last_written(record, data, "record", old_pot)) is not None:
        left = {key(e): e.msgstr for e in written if not e.obsolete}
    contexts = [(old.linenum, old.msgid, entry.msgctxt, entry.fuzzy) for old, entry in report.contexts]
    def became(entry: polib.POEntry) -> str:
        if id(entry) in back:
            return "draft" if entry.fuzzy else "reviewed"
        return "fuzzy" if entry.msgstr else "redraft"

    done = _Merged(data, text, counts, sentences, edits, strays, rivals,
                   sum(id(e) not in behind for e in report.brought_back),
                   [(line(e), e.msgid, became(e), e.msgstr if id(e) in back else
                     left.get(key(e)) if left.get(key(e)) != e.msgstr else None) for e in older], contexts,
                   [(line, e.msgid) for line, e in reopened], plurals, contexts_edited,
                   TEMPLATE_FIELD not in old.metadata,
                   [(old.msgid, tuple(e.msgid for e in run)) for old, run in report.splits
                    if all(id(e) not in behind for e in run)],
                   [(msgid_line(entry), entry.msgid, flags) for entry, flags in report.format_flags],
                   [] if cut else [(e.msgctxt, e.msgid, e.msgstr) for e in purged],
                   _typo_fix_lines(text, report.typo_fixes),
                   [Reverted(line(e), e.msgid, e.msgstr, e.fuzzy, None if key(was) == key(e) else was.msgid,
                             was.previous_msgid is not None, not was.msgstr and not was.obsolete,
                             was.msgstr if id(was) in report.put_back else None) for e, was in report.reverted],
                   list(zip(_msgid_lines(text, arrived), (e.msgid for e in arrived))),
                   [(msgid_line(edited), edited.msgid, entry.msgid, entry.msgstr)
                    for edited, entry in report.msgid_replaced])
    if cut:
        done = replace(done, obsolete_back=[e.msgid for e in purged])
    if data and text != data and same_entries(data, text):
        done = replace(done, relaid=True)
    if report.cut_off and data:
        done = replace(done, cut_off=(cut_off_line(decode_po(data, "").split("\n"), report.cut_off),
                                      report.cut_off))
    return done


def _purged(record: bytes | None, data: bytes | None, old: polib.POFile, merged: polib.POFile,
            old_pot: str | None) -> list[polib.POEntry]:
    """The reviewed obsolete entries (``#~``) of the catalog as the last extract left it (``record``) that are
    gone from ``old`` (read from ``data``) and without a translation in ``merged``: purged by a tool
    (``msgattrib --no-obsolete``, Poedit's "Purge deleted translations"), or deleted with live entries
    (``msgattrib --only-fuzzy``: ``_cut_down``). The record is parsed only when it has more obsolete entries
    than the catalog."""
    from .catalog import REVIEWED, entry_state, key

    if not record or not data or record.count(b"#~ msgid") <= data.count(b"#~ msgid"):
        return []
    written = _last_written(record, data, "record", old_pot)
    there = {key(e) for e in old} | {key(e) for e in merged if e.msgstr}
    return [e for e in written or () if e.obsolete and not e.msgid_plural
            and entry_state(e) == REVIEWED and key(e) not in there]


def _cut_down(report, old_pot: str | None) -> bool:
    """Whether the merge (``report``) found live entries of German the template had before this run gone from the
    catalog: a translation brought back from the record (not in place of an older copy's draft) or an entry made
    again empty. A tool that purges obsolete entries (``msgattrib --no-obsolete``, Poedit's "Purge deleted
    translations") never deletes live ones, so the ``#~`` entries gone with them (``msgattrib --only-fuzzy``, a
    save of part of the file) were no purge the reviewer asked for: they come back too."""
    from .catalog import key

    if any(id(e) not in report.paired for e in report.brought_back):
        return True
    before = _template_keys(old_pot) if report.added else None
    return before is not None and any(key(e) in before for e in report.added)


def _typo_fix_lines(text: bytes, fixes: list[tuple[polib.POEntry, polib.POEntry]]) -> list[tuple[int, str, str]]:
    """``merge``'s typo fixes (old entry, merged entry) as (line of the merged entry's msgid in ``text``, the
    catalog written; the German before; the German now), so extract names each where the author finds it."""
    return [(line, old.msgid, entry.msgid)
            for line, (old, entry) in zip(_msgid_lines(text, [entry for _, entry in fixes]), fixes)]


def _msgid_lines(text: bytes, entries: list[polib.POEntry]) -> list[int]:
    """The line of each active entry's msgid in ``text``, the catalog written (found by msgctxt and msgid), so that
    extract names each where the reviewer finds it; ``text`` is parsed only when there are ``entries``."""
    from .catalog import key
    from .pofile import parse

    if not entries:
        return []
    lines = text.decode("utf-8").replace("\r\n", "\n").split("\n")
    found = {key(e): e.linenum for e in parse("\n".join(lines)) if not e.obsolete}

    def msgid_line(entry: polib.POEntry) -> int:
        start = found.get(key(entry), 1)
        return next((n for n in range(max(start, 1), len(lines) + 1) if lines[n - 1].startswith("msgid ")), start)

    return [msgid_line(entry) for entry in entries]


def _rival_lines(text: bytes, rivals: list[tuple[polib.POEntry, polib.POEntry, str, str]]) -> list[int]:
    """The line each of ``merge``'s ``rivals`` (``catalog._rivals``, ``_merged_in``: the old entry, the live one, the
    kind, the other text) is named at in ``text``, the catalog written: the ``#~ msgid`` of the obsolete entry of the
    old German that keeps the other text ("reviewed", "kept": the reviewer chooses there, where check's
    ``rival-translation`` names it too), else the msgid of the changed sentence that holds the text live now. The
    old entry's own line is of the catalog as read, which the merge rewrote (trial: line 58 named, the ``#~`` entry
    at 47). ``text`` is parsed only when there are ``rivals``."""
    from .catalog import key, msgid_line, obsolete_msgid_line
    from .pofile import parse

    if not rivals:
        return []
    lines = text.decode("utf-8").replace("\r\n", "\n").split("\n")
    written = parse("\n".join(lines))
    kept = {key(e): e.linenum for e in written if e.obsolete}
    active = {key(e): e.linenum for e in written if not e.obsolete}

    def line(rival: polib.POEntry, live: polib.POEntry, kind: str) -> int:
        if kind in ("reviewed", "kept") and key(rival) in kept:
            return obsolete_msgid_line(lines, kept[key(rival)])
        return msgid_line(lines, active.get(key(live), 1))

    return [line(rival, live, kind) for rival, live, kind, _ in rivals]


def _arrived(old: polib.POFile, merged: polib.POFile,
             written: Callable[[], polib.POFile | None]) -> list[polib.POEntry]:
    """The entries of ``merged`` that ``old`` (the catalog before this run) holds as they are, a translation of
    other German (fuzzy, ``#| msgid``), where the last extract (``written()``, None: no record, or the catalog
    is still its bytes) left no translation of that other German there: a translation given to German changed
    meanwhile by what came into the catalog since (verlag's merge driver, ``catalog.carry_changed``; a pull;
    msgmerge), which nothing in this run names otherwise. A reviewer's edit of a stale entry's text keeps its
    previous msgid and is no such entry. ``written()`` is asked only when ``old`` has such entries."""
    from .catalog import key

    def stale(entry: polib.POEntry) -> tuple | None:
        if entry.obsolete or not entry.fuzzy or not entry.msgstr or entry.previous_msgid is None \
                or (entry.previous_msgctxt, entry.previous_msgid) == key(entry):
            return None
        return entry.previous_msgctxt, entry.previous_msgid

    held = {key(e): found for e in old if (found := stale(e)) is not None}
    if not held:
        return []
    kept = [e for e in merged if not e.obsolete and held.get(key(e)) is not None and stale(e) == held[key(e)]]
    record = written() if kept else None
    if record is None:
        return []
    left = {key(e): stale(e) for e in record if not e.obsolete}
    return [e for e in kept if left.get(key(e)) != held[key(e)]]


_NEVER = 101  # a similarity no two texts reach (``catalog.similarity`` is 0-100): nothing is paired


def _joined(merged: polib.POFile, old: polib.POFile, lang: str) -> None:
    """Give each empty entry of ``merged`` whose German is, in order and whole, the German of translated,
    signed-off entries of ``old`` (a block's sentences) their translations joined in order, fuzzy: a suggestion
    to review, never a translation of the block nobody checked. Joined as ``catalog.sentence_separator`` joins
    sentences of ``lang``."""
    from .catalog import sentence_separator

    separator = sentence_separator(lang)
    done = [e for e in old if not e.obsolete and e.msgstr and not e.fuzzy and not e.msgid_plural and e.msgid]
    for entry in merged:
        if entry.obsolete or entry.msgstr or entry.msgid_plural or entry.msgctxt:
            continue
        parts, rest = [], entry.msgid.strip()
        while rest:
            part = max((e for e in done if e.msgctxt is None and rest.startswith(e.msgid)),
                       key=lambda e: len(e.msgid), default=None)
            if part is None:
                break
            parts.append(part.msgstr)
            rest = rest[len(part.msgid):].lstrip()
        if parts and not rest:
            entry.msgstr = separator.join(parts)
            entry.flags.insert(0, "fuzzy")


def _template_keys(old_pot: str | None) -> frozenset[tuple] | None:
    """The (msgctxt, msgid) keys of the template before this run, None when there was none or it cannot be
    read: an entry the German had no more then is not one the author removed now (a reviewer's ``msgcat``
    of an old copy, an entry pasted in)."""
    keys = _key_list(old_pot)
    return None if keys is None else frozenset(keys)


@functools.lru_cache(maxsize=2)
def _key_list(old_pot: str | None) -> tuple[tuple, ...] | None:
    """The (msgctxt, msgid) keys of the template text ``old_pot``, in order, None when there is none or it cannot
    be read. Kept for the article at hand: its template is compared with the new one (``_prepare``), and each of
    its catalogs' merges may ask for the keys again (``_template_keys``, ``_german_before``); read once
    (``pofile.keys``)."""
    from .pofile import keys

    if old_pot is None:
        return None
    try:
        return tuple(keys(old_pot))
    except (OSError, ValueError):
        return None


def _german_before(old: polib.POFile | None, old_pot: str | None) -> frozenset[tuple]:
    """The (msgctxt, msgid) keys of ``old_pot`` if ``old`` was last merged with it (its ``catalog.TEMPLATE_FIELD``
    names that German), else none: a catalog older than the template (restored from an old commit, saved by a
    reviewer who worked on an earlier download) had other German, and its msgids are that German. The template's
    ``POT-Creation-Date`` cannot tell: fixed by SOURCE_DATE_EPOCH, or in the same minute, it names other German too."""
    from .catalog import TEMPLATE_FIELD, german_digest

    if old is None or old_pot is None or TEMPLATE_FIELD not in old.metadata:
        return frozenset()
    keys = _key_list(old_pot)
    if keys is None:
        return frozenset()
    return frozenset(keys) if old.metadata[TEMPLATE_FIELD] == german_digest(keys) else frozenset()


@dataclass(frozen=True)
class _Prepared:
    """An article's template and its catalogs merged with it as found on disk: everything of its extraction
    but the writing, so a pool worker can make it and the main process only has to swap the files in."""

    old_pot: str | None  # the template as found on disk when this was made
    pot_text: str  # the new template
    catalogs: dict[str, _Merged]  # language -> its catalog merged (none for one that could not be read or merged)
    pot: polib.POFile | None = None  # the template itself; a worker sends only its text
    moved: int = 0  # the body's sentences that only moved since the template on disk (``moved_sentences``)

    def template(self, config: Config, article: Article) -> polib.POFile:
        """The template, made again from the segmentation the worker stored (``doccache``) if need be."""
        from .catalog import build_pot

        if self.pot is not None:
            return self.pot
        doc = doccache.document(config, article)
        pot = build_pot(doc, config.name, _CREATED_RE.search(self.pot_text).group(1))
        if changed := textchanged.field_of(self.pot_text):
            pot.metadata[textchanged.FIELD] = changed
        if earlier := renames.field_of(self.pot_text):
            pot.metadata[renames.FIELD] = earlier
        return pot


def _prepare(config: Config, article: Article, glossary: Glossary, keep_typo_fixes: bool,
             doc: Document, resegmented: bool = False, planned: Mapping[str, str] | None = None) -> _Prepared:
    """``_Prepared`` for the article, from its segmentation ``doc`` and the catalogs as they are now. ``planned``:
    the renames of articles this extract makes (``_same_article``)."""
    from .catalog import build_pot, key, now_stamp, po_from_bytes, redate, render, same_content

    old_pot = _read_text(config, config.pot_path(article.slug))
    stamp = _CREATED_RE.search(old_pot or "")
    pot = build_pot(doc, config.name, stamp.group(1) if stamp else now_stamp())
    # the day the body last changed, for the medical review it outdates; other segments of the same text when the
    # segmentation changed are no change of the German, nor a path written anew for a renamed article or file
    old_keys = _key_list(old_pot)
    same = _same_article(config, planned)
    if changed := textchanged.stamp(old_pot, old_keys, old_keys if resegmented else [key(e) for e in pot],
                                    textchanged.today(config), article.meta.get("last_reviewed"), same):
        pot.metadata[textchanged.FIELD] = changed
    if earlier := renames.field_of(old_pot):  # the article's earlier slugs, for the site's redirects in any clone
        pot.metadata[renames.FIELD] = earlier
    pot_text = render(pot)
    # else the template keeps its date; other German is told by the keys, without parsing the new text
    if old_pot is not None and not same_content(pot_text, old_pot,
                                                lambda: _key_list(old_pot) != tuple(key(e) for e in pot)):
        pot_text = redate(pot, pot_text, now_stamp())
    catalogs = {}
    for lang in config.languages:
        path = config.po_path(lang, article.slug)
        try:
            data = read_bytes(path, CATALOG)
            if data == b"":  # caught mid-save, or emptied: left to ``rewrite``, which waits for it to settle
                continue
            if data is None and record_copy(config, lang, article.slug) is not None:  # restored where it is written
                continue
            old = po_from_bytes(data, relpath(path, config.root))
            record = state_bytes(record_path(config, lang, article.slug)) if data is not None else None
            catalogs[lang] = _merge_catalog(data, old, pot, lang, glossary, keep_typo_fixes, old_pot, resegmented,
                                            pot_text=pot_text, record=record, same_article=same)
        except Exception:  # noqa: BLE001 - merged again where the catalog is written, and reported there
            continue
    moved = 0 if resegmented or old_keys is None else moved_sentences(old_keys, [key(e) for e in pot])
    return _Prepared(old_pot, pot_text, catalogs, pot, moved)


def _same_article(config: Config, planned: Mapping[str, str] | None = None) -> Callable[[str, str], bool]:
    """Whether two link or image destinations name one article or file renamed: the files of one article by the
    renames verlag recorded (``orphans.renamed_articles``, read once, when first asked) and those this extract makes
    (``planned``: old slug -> new slug, ``renaming.plan``: the author renamed the article and fixed the links to it
    in one step, as Obsidian and VS Code do), ``alt.md`` and ``neu.md#x`` after ``alt.md`` was renamed to ``neu.md``,
    with the same fragment; or a file of source_de/ (``bilder/a.png``) whose new path holds the bytes the old one did
    (``renamedfiles.same_file``: ``git mv``). ``catalog.merge`` keeps a translation reviewed whose German changed
    only so, as the pages showed the same link or image before, and ``textchanged.stamp`` sees no change of the
    text. A changed web address (``https://…``) is no rename verlag can see: it stays a change. Each answer is kept
    for the run of the one caller."""
    from .media import file_path, linked_article
    from .orphans import renamed_articles
    from .redirects import last_name
    from .urlparts import NO_ADDRESS, split_url

    renames: list[dict[str, str]] = []
    answers: dict[tuple[str, str], bool] = {}

    def same(old: str, new: str) -> bool:
        old, new = old.strip("<>"), new.strip("<>")
        if (old, new) in answers:
            return answers[(old, new)]
        was, now = linked_article(old), linked_article(new)
        parts = [split_url(old) or NO_ADDRESS, split_url(new) or NO_ADDRESS]
        if parts[0].fragment != parts[1].fragment:
            answer = False
        elif was is not None and now is not None:
            if not renames:
                renames.append({**renamed_articles(config), **(planned or {})})
            answer = was == now or last_name(was, renames[0]) == last_name(now, renames[0])
        elif was is None and now is None and parts[0].query == parts[1].query \
                and (before := file_path(old)) is not None and (after := file_path(new)) is not None:
            from .renamedfiles import same_file

            answer = same_file(config.source_dir, before, after)
        else:
            answer = False
        answers[(old, new)] = answer
        return answer

    return same


def planned_renames(renaming: Mapping[str, Mapping[str, Path]] | None) -> dict[str, str]:
    """Old slug -> new slug of the renames ``renaming`` (``renaming.plan``'s: language -> new slug -> the kept
    catalog of the old name) makes, in any language."""
    return {path.stem: slug for moves in (renaming or {}).values() for slug, path in moves.items()}


def prepare_in_worker(config: Config, article: Article, glossary: Glossary, keep_typo_fixes: bool,
                      resegmented: bool = False, planned: Mapping[str, str] | None = None) -> _Prepared:
    """``_prepare`` in a pool worker, which segments the article (``doccache``, stored for the main process).

    Only text travels back: a pickled ``Document`` or template costs more to send than to load or make again.
    """
    doc = doccache.document(config, article)
    return replace(_prepare(config, article, glossary, keep_typo_fixes, doc, resegmented, planned), pot=None)


def _read_text(config: Config, path: Path) -> str | None:
    """The template at ``path`` as text, None when there is none (raises as ``fsutil.file_bytes``, naming it as
    inside the project)."""
    data = read_bytes(path, CATALOG, relpath(path, config.root))
    return None if data is None else data.decode("utf-8")


def typed_into_template(config: Config, data: bytes, ref: str, slug: str) -> list[str]:
    """A warning ("file:line: message") for each entry of the template ``ref`` (its bytes ``data``, as a person
    left them) whose msgstr holds a translation: extract makes the template again from the German, which drops
    it, so it is said before that, with where it belongs (the language's catalog). A template that cannot be
    read says nothing: it is made again all the same."""
    from .catalog import parse_po

    if len(_FILLED_MSGSTR.findall(data)) < 2:  # the header's alone: a template's other msgstr are all ""
        return []
    try:
        pot = parse_po(data.decode("utf-8"), ref)
    except (VerlagError, UnicodeDecodeError):
        return []
    catalogs = " or ".join(relpath(config.po_path(lang, slug), config.root) for lang in config.languages[:3])
    lines = data.decode("utf-8").split("\n")

    def msgstr_line(start: int) -> int:  # polib's line of an entry is its first; the translation is further down
        return next((n for n in range(start, len(lines) + 1) if lines[n - 1].startswith("msgstr")), start)

    return [f"{ref}:{msgstr_line(entry.linenum)}: a translation typed into the template ({excerpt(text)!r}) is "
            "dropped: templates hold no translations, verlag makes them again from the German; put it into the "
            f"language's catalog ({catalogs}{' …' if len(config.languages) > 3 else ''})"
            for entry in pot if not entry.obsolete and entry.msgid
            for text in [entry.msgstr or next((t for _, t in sorted(entry.msgstr_plural.items()) if t), "")] if text]


# a msgstr with text on its line, or a "" one continued on the next line (the header entry's, by its fields)
_FILLED_MSGSTR = re.compile(rb'^msgstr(?:\[\d+\])?[ \t]+"(?:[^"\r\n]|"[ \t]*\r?\n[ \t]*")', re.M)


def extract_article(config: Config, article: Article, made: _Prepared | None, orphans: dict[str, list[Path]],
                     result: ExtractResult, glossary: Glossary, keep_typo_fixes: bool,
                     resegmented: bool = False,
                     renaming: dict[str, dict[str, Path]] | None = None) -> list[bytes | None] | None:
    """Write the article's template and merge it into each catalog; return the bytes each file holds as
    this run left it (the template, then each language's catalog in ``config.languages`` order), or None when a
    catalog could not be read (see ``result.errors``).

    Catalogs are written by compare-and-swap (``fsutil.rewrite``): a reviewer's save that lands while the
    merge runs is merged again, so it is never overwritten. ``made``: what a worker process prepared,
    used while the template on disk is still the one it found; otherwise it is prepared here. A catalog
    merged there is swapped in while the file still holds the bytes it was merged from; otherwise, or for an
    orphaned catalog of a renamed article, it is merged here. ``resegmented``: see ``_merge_catalog``.
    ``renaming``: language -> slug -> the kept catalog (of ``orphans``) an article with no catalog there is made
    from, as the same article renamed (``renaming.plan``); none: no catalog is moved along.
    """
    from .catalog import BOM, charset_codec, cut_off_message, po_from_bytes, reopened_warning
    from .pofile import encode_like

    pot_path = config.pot_path(article.slug)
    ref = relpath(pot_path, config.root)
    old_pot = read_bytes(pot_path, CATALOG, ref)  # read once, within its limit, for the check and its line ends
    if made is None or made.old_pot != (None if old_pot is None else old_pot.decode("utf-8")):  # none, or stale
        with stage(article.ref, "segmenting"):
            doc = doccache.document(config, article)
        made = _prepare(config, article, glossary, keep_typo_fixes, doc, resegmented, planned_renames(renaming))
    pot_text, pot = made.pot_text, None
    # the template's line ends as its own were, else as its catalogs' (``encode_like``): a CRLF checkout stays CRLF
    like = old_pot or next((m.data for m in made.catalogs.values() if m.data), None)
    pot_bytes = encode_like(pot_text, like)
    if old_pot is not None and old_pot != pot_bytes:
        result.warnings += typed_into_template(config, old_pot, ref, article.slug)
    if write_if_changed(pot_path, pot_bytes, durable=False):  # a template is regenerated from the source
        result.written.append(ref)
        if old_pot is None:
            result.created.add(ref)
        elif made.moved:
            result.moved[article.ref] = made.moved
    used: list[bytes | None] = [pot_bytes]
    ok = True
    same = _same_article(config, planned_renames(renaming))
    merges: dict[str, _Merged] = {}  # language -> its catalog's merge, told and counted once all are done
    moved_from: dict[str, None] = {}  # the old slugs whose catalogs came along (renamed), in order
    for lang in config.languages:
        path = config.po_path(lang, article.slug)
        po_ref = relpath(path, config.root)
        last: dict = {}

        def update(data: bytes | None) -> bytes:
            nonlocal pot
            ready = made.catalogs.get(lang)
            planned = (renaming or {}).get(lang, {}).get(article.slug)
            if ready is not None and ready.data == data and (data is not None or planned is None):
                last.update(source=None, copy=None, merged=ready)
                return ready.text
            old = po_from_bytes(data if data is None or data.strip() else None, po_ref)  # blank: as if emptied
            if pot is None:
                pot = made.template(config, article)
            source, old_bytes, copy = None, data, None  # old_bytes: what ``old`` was read from
            if old is None and planned is not None:
                # merged from the renamed catalog's bytes: its line ends kept, a BOM said
                source, old, old_bytes = _renamed_from(planned, config)
            if old is None and (copy := record_copy(config, lang, article.slug)) is not None:
                # missing or emptied: made again from the copy the last extract kept, merged as the catalog was
                old, old_bytes = po_from_bytes(copy.data, copy.ref), copy.data
            record = state_bytes(record_path(config, lang, article.slug)) if source is None and data else None
            with stage(article.ref, f"merging into {po_ref}"):
                last.update(source=source, old_bytes=old_bytes, copy=copy,
                            merged=_merge_catalog(old_bytes, old, pot, lang, glossary, keep_typo_fixes,
                                                  made.old_pot if source is None else None, resegmented,
                                                  record=record, same_article=same))
            return last["merged"].text

        try:  # a catalog made from the template alone (none there, none renamed) holds no translation: a
            # crash that empties it costs nothing the next extract cannot make again, so it skips the fsync
            used.append(rewrite(path, update, durable=lambda data: last["merged"].counts is not None,
                                limit=CATALOG, ref=po_ref))
        except VerlagError as exc:
            result.errors.append(exc)
            ok = False
            continue
        source, merged, copy = last["source"], last["merged"], last["copy"]
        if merged.counts is not None or source is not None:  # one from the template alone has nothing to lose
            # a record not kept (said as a warning) only means the next merge cannot tell what went missing
            write_state(record_path(config, lang, article.slug), used[-1])
        if merged.purged:
            result.purged.append((lang, article.slug, merged.purged))
            count = len(merged.purged)
            them, their = ("them", "their") if count != 1 else ("it", "its")
            result.notes.append(
                f"{po_ref}: {count} reviewed translation{'s' * (count != 1)} of German the article no longer has "
                f"(obsolete, #~) gone from the catalog since the last verlag extract (purged by a tool, msgattrib "
                f"--no-obsolete or Poedit's \"Purge deleted translations\", or dropped in a merge's resolution or "
                f"an edit): kept in the translation memory (.verlag/tm.sqlite), so verlag pretranslate "
                f"offers {them} (fuzzy) wherever {their} German is back in an article: "
                + "; ".join(repr(excerpt(msgid)) for _, msgid, _ in merged.purged))
        if merged.brought_back or merged.obsolete_back:
            result.warnings.append(brought_back_warning(po_ref, relpath(record_path(config, lang, article.slug),
                                                                         config.root), merged))
        if merged.reverted:
            result.warnings.append(reverted_warning(po_ref, article.ref, merged.reverted))
        if merged.arrived:
            result.warnings.append(arrived_warning(po_ref, article.ref, merged.arrived))
        for line, msgid, became, text in merged.older:
            if became in ("reviewed", "draft"):
                result.warnings.append(
                    f"{po_ref} is older than the German: {article.ref}:{line}: {excerpt(msgid)!r} had only an "
                    "untouched machine draft of the German before it: the translation the last verlag extract left "
                    f"for this German, {excerpt(text)!r}, is back as it was "
                    f"({'reviewed' if became == 'reviewed' else 'fuzzy'}); the draft is kept as an obsolete entry "
                    f"(#~); 'git diff HEAD {po_ref}' shows what the last commit held")
        if changed := [item for item in merged.older if item[2] in ("fuzzy", "redraft")]:
            redraft = " (an untouched machine draft: obsolete, to draft again)"
            listed = "; ".join(f"{article.ref}:{line}: {excerpt(msgid)!r}" + ("" if became == "fuzzy" else redraft)
                               + (f" (the last extract left {excerpt(newer)!r} there)" if newer else "")
                               for line, msgid, became, newer in changed)
            count = len(changed)
            result.warnings.append(
                f"{po_ref}: {count} translation{'s were' if count != 1 else ' was'} made for German {article.ref} "
                "did not have at the last verlag extract (a msgid edited in the catalog, or a catalog from before a "
                "change of the German? it has no X-Verlag-Template header to tell): back to review, fuzzy, the msgid "
                f"{'they were' if count != 1 else 'it was'} made for as previous msgid: {listed}; 'git diff HEAD "
                f"{po_ref}' shows what the last commit held" if merged.unsure else
                f"{po_ref} is older than the German: {count} translation{'s were' if count != 1 else ' was'} made for "
                f"German that {article.ref} had changed before the last verlag extract (a catalog restored from git, "
                f"an old download?): back to review, fuzzy, the German {'they were' if count != 1 else 'it was'} "
                f"made for as previous msgid: {listed}; 'git diff HEAD {po_ref}' shows what the last commit held")
        for line, german, changed, kind, now, other, fuzzy in merged.rivals:
            if kind in ("merged", "revived"):
                how = ("was an obsolete entry (#~) brought back in the catalog (its #~ removed)" if kind == "revived"
                       else "came into the catalog with a merge")
                result.warnings.append(f"{po_ref}:{line}: {excerpt(german)!r} {how} and is "
                                       f"no sentence of {article.ref}: its translation {excerpt(now)!r} goes to "
                                       f"{excerpt(changed)!r}, the sentence most like it, which had none (fuzzy, the "
                                       "German it translated as previous msgid: check it against the new German)")
                continue
            where = f"{po_ref}:{line}: two translations of {excerpt(german)!r}, which {article.ref} changed to " \
                    f"{excerpt(changed)!r}: "
            # reviewed: a typo fix kept reviewed (``--keep-typo-fixes``) takes the signed-off text as it is
            state = ("fuzzy, the old German as previous msgid" if fuzzy
                     else "reviewed, the change a typo fix (--keep-typo-fixes)")
            result.warnings.append(where + {
                "newer": f"{excerpt(now)!r}, the newer one, is now the changed sentence's ({state}); "
                         f"{excerpt(other)!r} was the copy the last extract had carried there",
                "reviewed": f"the signed-off {excerpt(now)!r} is now the changed sentence's ({state}); "
                            f"{excerpt(other)!r}, edited since the last extract, is kept as an "
                            "obsolete entry (#~) of the old German: choose one",
                "older": f"the changed sentence keeps {excerpt(now)!r} (fuzzy); {excerpt(other)!r}, the text the "
                         "changed sentence had before it was retranslated, came back with an older copy of the "
                         "catalog and is dropped",
                "kept": f"the changed sentence keeps {excerpt(now)!r} (fuzzy); {excerpt(other)!r}, neither signed "
                        "off nor older, is kept as an obsolete entry (#~) of the old German: choose one",
            }[kind])
        if merged.counts is not None:
            merges[lang] = merged
        for line, edited, german, reopened in merged.msgid_edits:
            kept = ("its translation, which may translate the edited text, back to review (fuzzy, the edited text "
                    "as previous msgid)" if reopened else "its translation and state kept")
            result.warnings.append(f"{po_ref}:{line}: msgid edited in the catalog, not in {article.ref}: "
                                   f"{excerpt(edited)!r} set back to the German {excerpt(german)!r}, {kept} "
                                   "(only msgstr is yours to edit)")
        for line, edited, german, text in merged.msgid_replaced:
            result.warnings.append(f"{po_ref}:{line}: msgid replaced in the catalog, not in {article.ref}: "
                                   f"{excerpt(edited)!r} set back to the German {excerpt(german)!r} (its #: and #. "
                                   f"lines name that sentence), {excerpt(text)!r} kept as its translation, fuzzy: "
                                   "check it and remove the fuzzy flag (only msgstr is yours to edit)")
        for line, german, theirs, ours in merged.msgctxt_edits:
            what = (f"msgctxt {theirs!r} added to {excerpt(german)!r} in the catalog, not in {article.ref}: removed"
                    if ours is None else
                    f"msgctxt {ours!r} of {excerpt(german)!r} removed in the catalog, not in {article.ref}: put back"
                    if theirs is None else
                    f"msgctxt of {excerpt(german)!r} changed in the catalog to {theirs!r}, not in {article.ref}: "
                    f"set back to {ours!r}")
            result.warnings.append(f"{po_ref}:{line}: {what}, its translation and state kept (only msgstr is yours "
                                   "to edit)")
        for line, german, context, fuzzy in merged.contexts:
            kind = {"title": "the article's title", "summary": "the article's summary"}.get(context, "the tag")
            result.warnings.append(f"{po_ref}:{line}: {excerpt(german)!r} has no msgctxt: taken as the translation "
                                   f'of {kind} (msgctxt "{context}"), '
                                   + ("fuzzy as it was: check it" if fuzzy else "reviewed as it was"))
        for line, german, obsolete, kept, others in merged.plurals:
            where = " (an obsolete entry, #~)" if obsolete else ""
            result.warnings.append(f"{po_ref}:{line}: {excerpt(german)!r}{where} has plural forms (msgid_plural), "
                                   "which no sentence of an article uses: "
                                   + (f"its first form {excerpt(kept)!r} kept as the msgstr, fuzzy: check it"
                                      if kept else "no form was translated, the plural forms dropped")
                                   + (f"; the other forms dropped: {', '.join(repr(excerpt(o)) for o in others)}"
                                      if others else ""))
        if merged.cut_off:
            line, cut = merged.cut_off
            result.warnings.append(f"{po_ref}:{line}: {cut_off_message(cut, 'dropped')}")
        for line, msgid, flags in merged.format_flags:
            result.warnings.append(f"{po_ref}:{line}: {excerpt(msgid)!r}: flag {' and '.join(flags)} dropped "
                                   f"{FORMAT_WHY}")
        for line, msgid in merged.stale_sign_offs:
            result.warnings.append(reopened_warning(po_ref, line, msgid))
        for line, before, now in merged.typo_fixes:
            result.notes.append(typo_fix_note(po_ref, line, before, now))
        for msgid in merged.strays:
            result.warnings.append(f"{po_ref}: {excerpt(msgid)!r} is no sentence of {article.ref} (it came back "
                                   f"into the catalog, not from the German): {MADE_OBSOLETE}; if it translates "
                                   "a sentence the author changed meanwhile (a merge), verlag pretranslate offers it "
                                   "there from the translation memory (fuzzy)")
        if copy is not None:
            result.written.append(po_ref)
            result.restored.add(po_ref)
            result.warnings.append(restored_message(po_ref, copy))
        elif merged.text != merged.data:
            result.written.append(po_ref)
            if merged.relaid:
                result.relaid.add(po_ref)
            if merged.data and (declared := charset_codec(merged.data)) is not None:
                result.notes.append(f"{po_ref}: written back in UTF-8, its header's charset now UTF-8 (it was "
                                    f"{declared[0]}, as its header said): verlag writes every catalog in UTF-8, "
                                    "which holds any translation; its translations are kept")
            if merged.data and merged.data.startswith(BOM):
                result.notes.append(f"{po_ref}: written back without its byte-order mark (BOM): GNU msgfmt "
                                    "refuses a catalog that starts with one; its translations are kept")
            if merged.data and (mixed := mixed_line_ends(po_ref, merged.data, merged.text)):
                result.notes.append(mixed)
            if merged.data is None and source is None:  # made from the template alone, not a renamed one
                result.created.add(po_ref)
        if source is not None:
            source_ref = relpath(source, config.root)
            try:  # a reviewer's save of the old catalog since it was read is not in the new one: it stays
                saved = remove_unchanged(source, last["old_bytes"], CATALOG, source_ref)
            except VerlagError as exc:
                saved = exc
            except OSError as exc:
                saved = VerlagError(f"could not be removed ({exc.strerror}): {po_ref} holds its translations now; "
                                    "delete it", source_ref)
            if saved is None:
                orphans[lang].remove(source)
            else:
                result.errors.append(saved if isinstance(saved, VerlagError) else VerlagError(
                    f"saved while extract moved it to {po_ref} (its article was renamed): left as it is, with the "
                    f"save, which {po_ref} does not have yet; run 'verlag extract' again to bring it over",
                    source_ref))
                ok = False
            result.renamed.append((source_ref, po_ref))
            moved_from.setdefault(source.stem)
    if moved_from and (recorded := _record_rename(config, article, made, pot, moved_from, like)) is not None:
        used[0] = recorded
        result.written += [] if ref in result.written else [ref]
    for found in _split_sentences(list(merges.items())):
        _list_sentences(result.sentences.setdefault(article.ref, []), found)
    if any(kind == "changed" for kind, _, _ in result.sentences.get(article.ref, ())):
        _paths_only(result.sentences[article.ref], _key_list(made.old_pot), same)
    _in_document_order(result.sentences.get(article.ref), lambda: pot or made.template(config, article))
    for lang, counts in _counts(merges).items():
        result.changes.setdefault(lang, Counter()).update(counts)
    return used if ok else None


PATHS_ONLY = "changed only in a renamed article's or file's path"  # a listed sentence's kind (``_paths_only``)


def _paths_only(listed: list[tuple[str, int | None, str]], old_keys: tuple[tuple, ...] | None,
                same: Callable[[str, str], bool]) -> None:
    """Say each "changed" sentence of ``listed`` (``_list_sentences``) whose German differs from one the template
    had before (``old_keys``) only in the path of a renamed article or file (``same``, ``_same_article``) as
    ``PATHS_ONLY``: in a language with nothing reviewed to keep it was listed as changed, and ``extract`` asked the
    author to set ``updated:`` for a text readers see unchanged (trial 35). The new template is not read for it
    (``_key_list``: the old one alone is, once)."""
    from .catalog import moved_destinations

    olds = {k[1] for k in old_keys or () if "](" in k[1]}  # German with an inline link or image
    for n, (kind, line, text) in enumerate(listed):
        if kind == "changed" and "](" in text and any(moved_destinations(old, text, same) is not None for old in olds):
            listed[n] = (PATHS_ONLY, line, text)


def moved_sentences(old_keys: Iterable[tuple], new_keys: Iterable[tuple]) -> int:
    """How many of the body's sentences of a template's keys ``old_keys`` stand elsewhere in ``new_keys``, the
    same sentences all (a list reordered): 0 where a sentence changed, came or went (those are listed) or none
    moved. Those outside the runs ``difflib`` finds kept in order: 1 for a step moved down a list."""
    from .textchanged import body_keys

    old_body, new_body = body_keys(old_keys), body_keys(new_keys)
    if old_body == new_body or Counter(old_body) != Counter(new_body):
        return 0
    from difflib import SequenceMatcher

    kept = SequenceMatcher(None, old_body, new_body, autojunk=False).get_matching_blocks()
    return len(new_body) - sum(block.size for block in kept)


def arrived_warning(po_ref: str, ref: str, arrived: list[tuple[int, str]]) -> str:
    """What extract says of a catalog's translations of German changed meanwhile that came into it since the last
    extract (``_Merged.arrived``): in extract's words for the changed sentences it sends back to review itself."""
    count = len(arrived)
    many = count != 1
    return (f"{po_ref}:{arrived[0][0]}: {count} translation{'s' * many} that came into the catalog since the last "
            f"verlag extract (a git merge or pull) {'are' if many else 'is'} of German {ref} changed since: "
            f"{'changed sentences' if many else 'a changed sentence'} back to review (fuzzy, the old German shown "
            f"as previous msgid; {lines_said(arrived)}): review {'them' if many else 'it'}; the page shows the German "
            f"until {'they are' if many else 'it is'} signed off")


def _record_rename(config: Config, article: Article, made: _Prepared, pot: polib.POFile | None,
                   olds: Iterable[str], like: bytes | None) -> bytes | None:
    """Write the article's template again with the rename its catalogs came along by (``olds``: the old slugs) in
    its header (``renames.FIELD``, after what the old templates, still there, recorded), for the build in any clone
    (``renames.committed``): the bytes written, None when there is nothing to add."""
    olds, earlier = list(olds), []
    for old in olds:
        try:
            earlier.append(_read_text(config, config.pot_path(old)))
        except (OSError, VerlagError, UnicodeError):  # its own record lost; the old slug is still recorded
            earlier.append(None)
    own = renames.field_of(made.pot_text)  # what this template kept already comes first
    value = renames.renamed_from(article.slug, [made.pot_text, *earlier], [None, *olds])
    if value is None or value == own:
        return None
    return _write_renamed_from(config.pot_path(article.slug),
                               pot if pot is not None else made.template(config, article), value, like)


def _write_renamed_from(path: Path, pot: polib.POFile, value: str, like: bytes | None) -> bytes:
    """Write the template ``pot`` to ``path`` with ``value`` as its ``renames.FIELD``, in the line ends of the
    bytes it replaces (``like``); the bytes written."""
    from .catalog import render
    from .pofile import encode_like

    pot.metadata[renames.FIELD] = value
    data = encode_like(render(pot), like)
    write_if_changed(path, data, durable=False)
    return data


def record_earlier_names(config: Config, slug: str, olds: list[str]) -> str | None:
    """Write the template of the article ``slug`` again with the earlier slugs ``olds`` (oldest first) before
    those its header records (``renames.FIELD``): renames only ``.verlag/`` knew (``orphans.unrecorded_renames``).
    The template's path relative to the project when written, None when there is none or nothing to add. Raises
    ``VerlagError`` for a template that cannot be read (file and line)."""
    from .catalog import po_from_bytes

    path = config.pot_path(slug)
    ref = relpath(path, config.root)
    data = read_bytes(path, CATALOG, ref)
    if data is None:
        return None
    text = data.decode("utf-8", "replace")  # for the header's slugs; the template is read as a catalog below
    value = renames.renamed_from(slug, [*([None] * len(olds)), text], [*olds, None])  # the earlier names first
    if value is None or value == renames.field_of(text):
        return None
    _write_renamed_from(path, po_from_bytes(data, ref), value, data)
    return ref


def reverted_warning(po_ref: str, ref: str, reverted: list[Reverted]) -> str:
    """What extract says of a catalog that an older copy replaced (``_Merged.reverted``): how many of the
    translations the last extract left came back, in which state, three examples, what became of the older texts
    (a draft of the same German dropped, a translation of the German before it changed kept as ``#~``, or
    dropped where it stood stale under the German as it is: the signed-off translation replaced it; an entry the
    copy held empty given its translation back, ``catalog._emptied_in_copy``; an obsolete entry of German the
    author put back since, its text named where it was another and dropped, as it cannot stay as ``#~`` of the
    same German, ``catalog._put_back_since``)."""
    count, fuzzy = len(reverted), sum(item.fuzzy for item in reverted)
    kept = sum(item.older_msgid is not None for item in reverted)
    empty = sum(item.was_empty for item in reverted)
    stale = sum(item.was_stale and item.older_msgid is None and not item.was_empty and item.obsolete_text is None
                for item in reverted)
    retired = [item for item in reverted if item.obsolete_text is not None]
    replaced = [item.obsolete_text for item in retired if item.obsolete_text and item.obsolete_text != item.msgstr]
    drafts = count - kept - stale - empty - len(retired)
    states = ", ".join(part for part in (f"{count - fuzzy} signed off" if count - fuzzy else "",
                                         f"{fuzzy} fuzzy" if fuzzy else "") if part)
    shown = "; ".join(f"{ref}:{line}: {excerpt(msgid)!r} -> {excerpt(text)!r}"
                      for line, msgid, text, *_ in reverted[:3])
    fates = ([f"{drafts} machine draft{'s' * (drafts != 1)} of the same German dropped (verlag "
              "pretranslate makes a draft again; an obsolete entry of the same German would make msgfmt fail)"]
             if drafts else []) + \
        ([f"{stale} translation{'s' * (stale != 1)} of the German before it changed dropped (the signed-off "
          f"translation{'s' * (stale != 1)} of the German as it is replaced {'them' if stale != 1 else 'it'})"]
         if stale else []) + \
        ([f"{kept} translation{'s' * (kept != 1)} of the German before the author changed it kept as obsolete "
          "entries (#~): choose one"] if kept else []) + \
        ([f"{empty} entr{'ies' if empty != 1 else 'y'} the copy held empty, as before the sign-off, given "
          f"{'their translations' if empty != 1 else 'its translation'} back too (in a catalog without an older "
          "copy's drafts an emptied msgstr is a translation taken back, and stays empty)"] if empty else []) + \
        ([f"{len(retired)} of them the copy held only as "
          f"{'obsolete entries' if len(retired) != 1 else 'an obsolete entry'} (#~, or revived by a tool such as "
          f"msgmerge), from before the author put {'their' if len(retired) != 1 else 'its'} German back"
          + (f"; the older text{'s' * (len(replaced) != 1)} dropped (an obsolete entry of the same German would make "
             f"msgfmt fail): {', '.join(repr(excerpt(text)) for text in replaced[:3])}"
             f"{' …' if len(replaced) > 3 else ''}" if replaced else "")] if retired else [])
    kinds = ["a machine draft", "a translation of earlier German", *["nothing"] * bool(empty),
             *["an obsolete entry (#~)"] * bool(retired)]
    held = f"{', '.join(kinds[:-1])}, or {kinds[-1]}"
    return (f"{po_ref} is an older copy of the catalog (an old download, a file from an earlier commit copied in?): "
            f"{count} entr{'ies' if count != 1 else 'y'} held older text ({held}) "
            f"where the last verlag extract left a person's translation of the German as it is: "
            f"{'those translations are' if count != 1 else 'that translation is'} back as "
            f"{'they were' if count != 1 else 'it was'} ({states}): {shown}{' …' if count > 3 else ''}; "
            f"{'; '.join(fates)}; 'git diff {po_ref}' shows what came back. To take a translation back, empty "
            "its msgstr")


def mixed_line_ends(po_ref: str, data: bytes, text: bytes) -> str | None:
    """What extract says of a catalog read with both CRLF and LF line ends (``data``) and written (``text``) with
    one kind throughout (``pofile.encode_like``: the kind most of its lines had): GNU msgcat, msguniq and msgattrib
    on Linux keep a Windows catalog's CR only on its comment lines, so the next diff shows every line whose end
    changed; None when ``data`` had one kind."""
    crlf = data.count(b"\r\n")
    lines = data.count(b"\n")
    if not crlf or crlf == lines:
        return None
    written = "CRLF" if b"\r\n" in text else "LF"
    return (f"{po_ref}: written with {written} line ends throughout: it had both ({crlf} of its {lines} lines ended "
            "in CRLF, the others in LF; GNU msgcat, msguniq or msgattrib on Linux keep a Windows catalog's CR only "
            f"on its comment lines), so a diff shows each line whose end changed; 'git diff --ignore-cr-at-eol "
            f"{po_ref}' shows the rest")


def brought_back_warning(po_ref: str, record_ref: str, merged: _Merged) -> str:
    """What extract says of the entries a tool deleted from a catalog that it brought back from its record
    (``record_ref``): the live translations of German the article still has, and the reviewed obsolete entries
    (``#~``) deleted with them, named, since ``msgattrib --only-fuzzy`` drops both."""
    from .catalog import deleted_entries

    count, kept = merged.brought_back, len(merged.obsolete_back)
    live = f"{count} translation{'s' * (count != 1)} of German the article still has" if count else ""
    retired = (f"{kept} reviewed obsolete entr{'ies' if kept != 1 else 'y'} (#~, German the article no longer "
               f"has: {'; '.join(repr(excerpt(msgid)) for msgid in merged.obsolete_back)})" if kept else "")
    both = count + kept != 1
    return (f"{po_ref}: {' and '.join(filter(None, (live, retired)))} had gone from the catalog "
            f"({deleted_entries()}): brought back as the last extract left {'them' if both else 'it'} (from "
            f"{record_ref}); 'git diff {po_ref}' shows {'them' if both else 'it'}, 'git log -p {po_ref}' every "
            "earlier version. To take a translation back, empty its msgstr; a deleted entry comes back")


def typo_fix_note(po_ref: str, line: int, before: str, now: str) -> str:
    """What extract says of a sentence ``--keep-typo-fixes`` kept reviewed: where, and the German before and now
    (the word that changed, where one did), so the author checks that it was a typo fix."""
    from .typos import changed_word

    word = changed_word(before, now)
    what = (f"{word[0]!r} -> {word[1]!r} in {now!r}" if word else f"{before!r} -> {now!r}")
    return f"{po_ref}:{line}: kept reviewed as a typo fix: {what}; check that its translation still says it"


def _counts(merges: dict[str, _Merged]) -> dict[str, Counter]:
    """Each language's counts of its catalog's merge (``_Merged.counts``), a sentence one language counts as new
    told apart where another language's catalog knows it as German the article had before: changed back to it
    (``restored``) or put back after it was removed (``put back``). With no translation there to take back (its
    entry was empty, so no obsolete entry kept it), it is no new German: a changed sentence still to translate
    (``unstarted``), or a removed one put back still to translate (``returned``)."""
    before = {text: kind for merged in merges.values() for kind, _, text in merged.sentences
              if kind in ("restored", "put back")}
    counts = {}
    for lang, merged in merges.items():
        counts[lang] = Counter(merged.counts)
        for kind, _, text in merged.sentences:
            if kind == "new" and text in before:
                counts[lang]["new"] -= 1
                counts[lang]["unstarted" if before[text] == "restored" else "returned"] += 1
    return counts


def _renamed_from(path: Path, config: Config) -> tuple[Path | None, polib.POFile | None, bytes | None]:
    """The kept catalog ``path`` of the article's old name (``renaming.plan`` found it the same article's: most of
    its own German, boilerplate left out, is there, and it fits no other about as well): its path, entries and
    the bytes they were parsed from (read once, within ``limits.CATALOG``), else three Nones: one that cannot be
    read or parsed now, or is gone since, is passed over (``orphans`` names it)."""
    from .catalog import po_from_bytes

    ref = relpath(path, config.root)
    try:
        data = read_bytes(path, CATALOG, ref)
        po = po_from_bytes(data, ref)
    except VerlagError:
        return None, None, None
    return (None, None, None) if po is None else (path, po, data)

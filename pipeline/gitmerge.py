"""The three-way merge of a catalog's versions: git's merge driver for ``*.po`` and ``*.pot`` (``verlag
merge-catalogs BASE OURS THEIRS [PATH]``; ``.gitattributes``' ``merge=verlag``).

git merges a catalog line by line. A reviewer's sign-off (``#, fuzzy`` and ``#|`` lines gone, the msgstr
rewritten) sits beside the ``#:`` reference that the author's ``extract`` moved when the German above it grew,
so every signed-off entry conflicts, and taking either side whole undoes the other's work. This merge reads the
three versions as catalogs and merges each entry (keyed by msgctxt and msgid, obsolete ones too) field by
field: each field takes the side that changed it from the base. Weblate ships a driver for the same reason
(``git-merge-gettext-po``), built on GNU ``msgcat``/``msgmerge``, which merge by entry too but compare no
field with the base: an entry whose translations differ gets msgcat's ``#-#-#-#-#`` markers and the fuzzy flag.
Where both sides changed one entry's translation otherwise, that entry alone is written twice between git's
conflict markers here, which git and verlag name as an unresolved merge; but a person's translation (signed off,
or fuzzy as that person wrote or edited it) beats an untouched machine or memory draft ``pretranslate`` made
meanwhile, which the next ``pretranslate`` makes again, and of two such drafts one is kept (``_undrafted``); the
merge says which drafts it dropped (``Merged.dropped``, ``Merged.drafts``).

Fields compared: the translation (msgstr, or the plural forms), msgid_plural, the flags (as a set: an editor's
order is no change), the previous msgctxt/msgid (``#|``), translator comments with verlag's records, extracted
comments (``#.``), references (``#:``) and obsolescence. Where both sides changed a field other than the
translation: flags added by either side are kept and those removed by either dropped (a sign-off's ``fuzzy``
stays gone); translator comments are merged line by line the same way; a previous msgid goes where the merged
entry is signed off and either side dropped it (as Poedit and Weblate drop it on sign-off), else follows the
side that changed the translation; ``#.``/``#:`` and the rest follow the side that ran ``extract``. An entry one
side made obsolete (its German changed or gone) while the other changed its translation or notes stays active, as
one a side removed does: the next ``extract`` gives that translation to the changed sentence. Where the base had
no translation to carry (empty, or an untouched machine draft), that side's ``extract`` left the changed sentence
empty (or ``pretranslate`` drafted it since) with no ``#|`` naming the old German: the merge pairs the two as
``extract`` did and gives the translation to the changed sentence itself, fuzzy, the old German as ``#| msgid``
(``_translated_meanwhile``), and says so (``Merged.rescued``): nothing else tells the reviewer that her translation
now waits for review on other German.
An entry of German both sides have and the base has not (one side's ``extract``, the other's ``msgmerge`` against the
new template) is compared with the base's entry of its previous German (``_base_of_changed``); a side's sign-off of
it drops the other side's ``fuzzy`` and previous text (``_signed_off_here``). A conflict shows each side's entry as
its file has it. German one side's ``extract`` changed, carrying that side's new sign-off to the changed sentence,
while the other side signed the old German off otherwise (two sign-offs, both newer than the base): the changed
sentence keeps the carried text and the other becomes an obsolete entry of the old German with the rival note
(``_rival_sign_offs``), and the merge says so (``Merged.rivals``). An entry kept live that one side's ``extract``
retired leaves a catalog that does not match the article until the next ``extract``: said too (``Merged.retired``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import polib

from .catalog import (FLAG, FUZZY_THRESHOLD, RIVAL_NOTE, TEMPLATE_FIELD, Notes, alike, carry_changed, copied,
                      decode_po, key, machine_draft, normalize, parse_po, po_date, similarity)
from .errors import VerlagError, lines_said, raise_all
from .pofile import Layouts, encode_like, entry_lines, layouts, new_entry, render_po, wraps
from .pseudo import is_pseudo
from .typos import is_typo_fix

OURS, THEIRS = "ours", "theirs"
# what the driver says of a merged entry (``Merged``): a translation carried to changed German, an untouched draft
# dropped for a person's translation, one of two untouched drafts kept, changed German whose old German the other
# side signed off otherwise (``_rival_sign_offs``)
RESCUED, DROPPED, DRAFTS, RIVALS = "rescued", "dropped", "drafts", "rivals"
# ... and an entry of German one side's extract retired (changed or deleted) that stays live, translated meanwhile on
# the other side (``Merged.retired``): the catalog waits for the next ``extract``
RETIRED = "retired"
# git's conflict markers (7 characters, git's default marker size) around an entry both sides translated otherwise
MARKERS = (f"<<<<<<< {OURS}", "=======", f">>>>>>> {THEIRS}")
# Header fields ``extract`` writes: where both sides changed one, the side that ran extract (``_extractor``) wins
_EXTRACT_FIELDS = ("Project-Id-Version", "POT-Creation-Date", "Language", "Plural-Forms", "Content-Type",
                   "Content-Transfer-Encoding", "MIME-Version")
_DATES = ("POT-Creation-Date", "PO-Revision-Date")  # both changed: the newer date


@dataclass
class Merged:
    """The outcome of ``merge_catalogs``: the bytes to write over OURS, the line of each entry left between
    conflict markers with its msgid (empty: a clean merge), and the line of each entry's msgid that took a side's
    translation of the German the other side changed (``_translated_meanwhile``: fuzzy, that German as ``#|
    msgid``, for the reviewer to review), with its msgid, in file order; likewise the entries that kept a person's
    translation where the other side had an untouched machine or memory draft (``dropped``), and those where each
    side had a different such draft, one kept (``drafts``): nothing else says that a draft is gone; and the changed
    sentences whose old German the other side signed off otherwise (``rivals``, ``_rival_sign_offs``), that
    sign-off kept as an obsolete entry of the old German: nothing else says there are two to choose from; and the
    live entries of German one side removed or made obsolete (its ``extract``: the article no longer has that
    German) that stay live because the other side translated them meanwhile (``retired``): the catalog no longer
    matches the article until the next ``extract`` gives each translation to the changed sentence or keeps it
    obsolete, and ``check`` and ``status`` ask for that only when someone runs them."""
    data: bytes
    conflicts: list[tuple[int, str]] = field(default_factory=list)
    rescued: list[tuple[int, str]] = field(default_factory=list)
    dropped: list[tuple[int, str]] = field(default_factory=list)
    drafts: list[tuple[int, str]] = field(default_factory=list)
    rivals: list[tuple[int, str]] = field(default_factory=list)
    retired: list[tuple[int, str]] = field(default_factory=list)


class _Conflict(polib.POEntry):
    """An entry both sides translated otherwise: written as its two versions between git's conflict markers."""

    def __init__(self, ours: polib.POEntry, theirs: polib.POEntry):
        super().__init__(msgid=ours.msgid, msgctxt=ours.msgctxt)
        self.obsolete = ours.obsolete
        self.sides = (ours, theirs)


def _lines(entry: polib.POEntry, wrap: bool, kept: Layouts) -> list[str]:
    if isinstance(entry, _Conflict):
        ours, theirs = (entry_lines(side, wrap, kept) for side in entry.sides)
        return [MARKERS[0], *ours, MARKERS[1], *theirs, MARKERS[2]]
    return entry_lines(entry, wrap, kept)


def read_side(data: bytes, ref: str, side: str, base: bool = False) -> polib.POFile:
    """One version of the catalog as its file holds it (``catalog.parse_po`` without ``normalize``); a base
    that is empty (git's for a file both sides added) is a catalog without entries. A version that is no catalog
    is a ``VerlagError`` naming ``ref``, the line and the ``side``."""
    if base and not data.strip():
        return polib.POFile()
    try:
        if not data.strip():
            raise VerlagError("the file is empty: no catalog", ref)
        return parse_po(decode_po(data, ref), ref, normalized=False)
    except VerlagError as exc:
        raise VerlagError(f"{side} side: {exc.message}", exc.path, exc.line) from None


def merge_catalogs(base: bytes, ours: bytes, theirs: bytes, ref: str) -> Merged:
    """Merge the changes from ``base`` to ``theirs`` into ``ours`` (three versions of one catalog's bytes; ``ref``:
    the catalog's path, for messages), entry by entry and field by field (see the module's docstring); the header
    field by field (``_header``). Entries only one side added are added, those one side removed are removed
    unless the other changed more than their ``#:``/``#.`` lines (then kept as that side has them: the next
    ``extract`` gives a translation of German the article no longer has to the sentence it became). The order
    is that of the side that ran ``extract`` (``_extractor``), the other's own entries after the entry they
    followed. Written in OURS' layout and line ends (``catalog.catalog_bytes``), each string both sides left as it
    was in the lines a side had it in, without a byte-order mark. Raises ``VerlagError`` (naming the side and
    line) when a version is no catalog."""
    errors = []
    sides = {}
    for name, data in (("base", base), (OURS, ours), (THEIRS, theirs)):
        try:
            sides[name] = read_side(data, ref, {"base": "the base (common ancestor)", OURS: "our",
                                                THEIRS: "their"}[name], base=name == "base")
        except VerlagError as exc:
            errors.append(exc)
    raise_all(errors)
    old, mine, other = sides["base"], sides[OURS], sides[THEIRS]
    first = _extractor(old, mine, other)
    lead = _ran_last(old, mine, other, ("POT-Creation-Date", "PO-Revision-Date"))
    merged = polib.POFile()
    _header(merged, old, mine, other, first)
    by_key = [{key(e): e for e in po} for po in (old, mine, other)]
    carried, gone, undrafted = _translated_meanwhile(*by_key)
    rivals = {k: found for k, found in _rival_sign_offs(*by_key).items() if k not in gone}
    changed = {k for _, k in rivals.values()}
    gave_way: dict[int, str] = {}  # id of a merged entry -> DROPPED or DRAFTS: what of it gave way (``_undrafted``)
    retired: set[int] = set()  # ids of the merged entries ``_retired_but_live``
    for k in _order(mine if first == OURS else other, other if first == OURS else mine):
        if k in gone:
            continue
        if k in carried:
            merged.append(carried[k])
            continue
        if k in rivals:
            merged.append(rivals[k][0])
            continue
        versions = [found.get(k) for found in by_key]
        # German both sides have and the base had not: the author's changed German, on both sides?
        if versions[0] is None and versions[1] is not None and versions[2] is not None:
            versions[0] = _base_of_changed(by_key[0], *versions[1:])
        entry = _entry(*versions, first, lead, gave_way)
        if entry is not None:
            merged.append(entry)
            if k in changed:
                gave_way[id(entry)] = RIVALS
            if _retired_but_live(*versions, entry):
                retired.add(id(entry))
    kept = Layouts()
    kept.update(layouts(theirs))
    kept.update(layouts(ours))
    said = {i: [kind] for i, kind in gave_way.items()}
    for k, entry in carried.items():
        said[id(entry)] = [RESCUED, *([DROPPED] if k in undrafted else [])]
    for number in retired:
        said.setdefault(number, []).append(RETIRED)
    blocks: dict[str, list[tuple[list[str], str]]] = {RESCUED: [], DROPPED: [], DRAFTS: [], RIVALS: [],
                                                      RETIRED: []}  # lines, msgid

    def noted(entry: polib.POEntry, wrap: bool, layout: Layouts) -> list[str]:
        block = _lines(entry, wrap, layout)
        for kind in said.get(id(entry), ()):
            blocks[kind].append((block, entry.msgid))
        return block

    text = render_po(merged, wraps(ours.removeprefix(b"\xef\xbb\xbf")), kept, lines=noted)
    lines = [number for number, line in enumerate(text.split("\n"), 1) if line == MARKERS[0]]
    both = [e for e in merged if isinstance(e, _Conflict) and not e.obsolete] + \
        [e for e in merged if isinstance(e, _Conflict) and e.obsolete]  # in ``render_po``'s order
    found = {kind: sorted((_msgid_line(text, block), msgid) for block, msgid in written)
             for kind, written in blocks.items()}
    return Merged(encode_like(text, ours), [(number, e.msgid) for number, e in zip(lines, both)], found[RESCUED],
                  found[DROPPED], found[DRAFTS], found[RIVALS], found[RETIRED])


def _retired_but_live(base: polib.POEntry | None, mine: polib.POEntry | None, other: polib.POEntry | None,
                      merged: polib.POEntry) -> bool:
    """Whether the merged entry is live German that was live in the base and that one side removed or made obsolete
    (its ``extract``: the article no longer has it) while the other side translated it meanwhile (``_entry`` keeps
    it live, for the next ``extract`` to give to the changed sentence). An entry left between conflict markers is
    said as such."""
    if base is None or base.obsolete or merged.obsolete or isinstance(merged, _Conflict):
        return False
    return any(side is None or side.obsolete for side in (mine, other))


def _msgid_line(text: str, block: list[str]) -> int:
    """The line (from 1) of the ``msgid`` of the entry written as ``block`` (its lines) in ``text``, the catalog
    written: each entry's lines stand between blank lines there, once (keyed by msgctxt and msgid); an obsolete
    entry's ``#~ msgid``."""
    at = text.index("\n" + "\n".join(block) + "\n")
    return text.count("\n", 0, at) + 2 + next(n for n, line in enumerate(block)
                                               if line.startswith(("msgid ", "#~ msgid ")))


def rescued_message(ref: str, rescued: list[tuple[int, str]]) -> str:
    """What the driver says of a catalog whose merge gave translations to German the other side changed
    (``Merged.rescued``, not empty): one line, the count and the lines of their msgids (the first five), so that the
    reviewer learns that her work now waits for review on other German, and where."""
    count = len(rescued)
    many = count != 1
    return (f"{ref}:{rescued[0][0]}: {count} translation{'s' * many} made on one side for German that the other "
            f"side's extract changed now {'stand' if many else 'stands'} on the changed sentence{'s' * many}: review "
            f"{'them' if many else 'it'} (fuzzy, the German {'they were' if many else 'it was'} made for shown as "
            f"#| msgid; {lines_said(rescued)}); the page shows the German until {'they are' if many else 'it is'} "
            "signed off")


def dropped_message(ref: str, dropped: list[tuple[int, str]]) -> str:
    """What the driver says of a catalog whose merge kept a person's translation over an untouched machine or memory
    draft of the other side (``Merged.dropped``, not empty), like ``rescued_message``: the author who ran
    ``pretranslate`` learns where the drafts went, the reviewer that her text stays as she left it."""
    count = len(dropped)
    many = count != 1
    return (f"{ref}:{dropped[0][0]}: {count} untouched machine or memory draft{'s' * many} made on one side "
            f"(pretranslate) gave way to a person's translation of the same sentence on the other side: the "
            f"translation{'s' * many} kept as {'they were' if many else 'it was'} (signed off, or fuzzy for review), "
            f"the draft{'s' * many} dropped ({lines_said(dropped)})")


def drafts_message(ref: str, drafts: list[tuple[int, str]]) -> str:
    """What the driver says of a catalog whose merge met a different untouched machine or memory draft of an entry
    on each side (``Merged.drafts``, not empty): which one it kept (``_draft_kept``) and where."""
    count = len(drafts)
    many = count != 1
    return (f"{ref}:{drafts[0][0]}: {count} entr{'ies' if many else 'y'} had a different untouched machine or "
            f"memory draft on each side (two pretranslate runs): one kept, fuzzy for review, the other dropped (a "
            "translation over the German as it is or pseudo text, else the draft of the side that ran extract or "
            f"saved last; {lines_said(drafts)}); verlag pretranslate --redo-drafts --engine E drafts "
            f"{'them' if many else 'it'} again with the engine you choose")


def rivals_message(ref: str, rivals: list[tuple[int, str]]) -> str:
    """What the driver says of a catalog where each side signed off the German of a sentence otherwise while one
    side's ``extract`` changed that German (``Merged.rivals``, not empty), like ``rescued_message``: two reviewers'
    texts, the one carried to the changed sentence for review, the other an obsolete entry beside it; a person
    chooses."""
    count = len(rivals)
    many = count != 1
    return (f"{ref}:{rivals[0][0]}: {count} sentence{'s' * many} signed off otherwise on each side while one side's "
            f"extract changed {'their' if many else 'its'} German: the changed sentence{'s' * many} "
            f"keep{'' if many else 's'} the sign-off that extract carried there, fuzzy for review, and the other "
            f"side's sign-off stays an obsolete fuzzy entry (#~) of the old German with the note '{RIVAL_NOTE}' "
            f"({lines_said(rivals)}): choose one, then delete that entry")


def retired_message(ref: str, retired: list[tuple[int, str]]) -> str:
    """What the driver says of a catalog that keeps live entries of German one side's ``extract`` changed or deleted,
    because the other side translated them meanwhile (``Merged.retired``, not empty), like ``rescued_message``: the
    catalog no longer matches the article's German, the page shows German for the changed sentences, and only the
    next ``extract`` puts each translation where it belongs; nothing else says so until someone runs ``check``."""
    count = len(retired)
    many = count != 1
    return (f"{ref}:{retired[0][0]}: {count} entr{'ies' if many else 'y'} of German that one side's extract changed "
            f"or deleted in the article {'stay' if many else 'stays'} live, translated meanwhile on the other side "
            f"({lines_said(retired)}): the catalog no longer matches the article's German; run verlag extract, which "
            f"gives {'each' if many else 'the'} translation to the changed sentence (fuzzy, for review) or keeps it "
            "as an obsolete entry (#~), then commit the catalog")


def _ran_last(old: polib.POFile, mine: polib.POFile, other: polib.POFile,
              dates: tuple[str, ...] = ("POT-Creation-Date",)) -> str | None:
    """The side that ran ``extract`` since the base (its POT-Creation-Date or ``X-Verlag-Template`` changed); both
    or neither: the side with the newer of the first of ``dates`` the sides have otherwise; None: no side is
    (the same either way whichever side pulls)."""
    def ran(po: polib.POFile) -> bool:
        return any(po.metadata.get(name) != old.metadata.get(name) for name in ("POT-Creation-Date", TEMPLATE_FIELD))

    if ran(mine) != ran(other):
        return OURS if ran(mine) else THEIRS
    for date in dates:
        a, b = mine.metadata.get(date), other.metadata.get(date)
        if _newer(a, b) or _newer(b, a):
            return OURS if _newer(a, b) else THEIRS
    return None


def _extractor(old: polib.POFile, mine: polib.POFile, other: polib.POFile) -> str:
    """The side that ran ``extract`` since the base (``_ran_last``): its document order and its ``#:``/``#.`` lines
    win. Both or neither: the newer POT-Creation-Date, else ours."""
    return _ran_last(old, mine, other) or OURS


def _newer(a: str | None, b: str | None) -> bool:
    """Whether the PO date ``a`` (``2026-05-26 10:00+0200``) is later than ``b``; one that does not read is never
    later than one that does."""
    first, second = po_date(a), po_date(b)
    return first is not None and (second is None or first > second)


def _three_way(base, ours, theirs):
    """(value, side that decided it) of one field: the value of the side that changed it, or both sides' alike
    value; (None, None) where both changed it otherwise."""
    if ours == theirs:
        return ours, OURS
    if ours == base:
        return theirs, THEIRS
    if theirs == base:
        return ours, OURS
    return None, None


def _merged_lines(base: list[str], ours: list[str], theirs: list[str], first: str) -> list[str]:
    """Lines both sides changed, merged as sets: the lines either side removed from ``base`` go, those either
    added stay, in the order of side ``first``'s lines, the other's own after them."""
    lead, follow = (ours, theirs) if first == OURS else (theirs, ours)
    gone = {line for line in base if line not in ours or line not in theirs}
    out = [line for line in lead if line not in gone]
    return out + [line for line in follow if line not in gone and line not in out]


def _header(merged: polib.POFile, old: polib.POFile, mine: polib.POFile, other: polib.POFile, first: str) -> None:
    """The merged header: each field from the side that changed it (added or removed as that side did); where
    both changed one otherwise, the dates are the newer one, ``extract``'s fields (``_EXTRACT_FIELDS``,
    ``X-Verlag-*``) the extracting side's, the others (Last-Translator, Language-Team, X-Generator) those of the
    side with the newer PO-Revision-Date (it saved last). The header comment and the comments after the last entry
    are merged line by line (``_merged_lines``)."""
    revision = "PO-Revision-Date"
    later = THEIRS if _newer(other.metadata.get(revision), mine.metadata.get(revision)) else OURS
    names = list(dict.fromkeys([*(mine if first == OURS else other).metadata,
                                *(other if first == OURS else mine).metadata]))
    for name in names:
        value, side = _three_way(old.metadata.get(name), mine.metadata.get(name), other.metadata.get(name))
        if side is None:
            a, b = mine.metadata.get(name), other.metadata.get(name)
            if name in _DATES:
                value = b if _newer(b, a) else a
            else:
                value = (a if first == OURS else b) if name in _EXTRACT_FIELDS or name.startswith("X-Verlag-") \
                    else (a if later == OURS else b)
        if value is not None:
            merged.metadata[name] = value
    fuzzy, side = _three_way(old.metadata_is_fuzzy, mine.metadata_is_fuzzy, other.metadata_is_fuzzy)
    merged.metadata_is_fuzzy = fuzzy if side else (mine if first == OURS else other).metadata_is_fuzzy
    for name in ("header", "trailer"):
        texts = [getattr(po, name, "") or "" for po in (old, mine, other)]
        value, side = _three_way(*texts)
        setattr(merged, name, value if side else "\n".join(
            _merged_lines(*(text.split("\n") if text else [] for text in texts), first)))


def _order(lead: polib.POFile, follow: polib.POFile) -> list[tuple]:
    """The keys of both sides in ``lead``'s order, each key only ``follow`` has after the entry it follows there
    (at the start when none does)."""
    placed = {key(e) for e in lead}
    after: dict[tuple | None, list[tuple]] = {}
    anchor = None
    for entry in follow:
        k = key(entry)
        if k in placed:
            anchor = k
        else:
            after.setdefault(anchor, []).append(k)
    order = list(after.get(None, []))
    for entry in lead:
        order += [key(entry), *after.get(key(entry), [])]
    return order


def _translation(entry: polib.POEntry) -> tuple:
    return entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))


def _previous(entry: polib.POEntry) -> tuple:
    return entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural


def _flag_set(entry: polib.POEntry) -> set[str]:
    """An entry's flags but verlag's own ``markdown-text``, which tools drop (GNU msgcat 0.21 from every entry,
    knowing no such flag) and ``extract`` writes back: its loss is no change of the entry."""
    return set(entry.flags) - {FLAG}


def _changed_translation_or_notes(base: polib.POEntry, entry: polib.POEntry) -> bool:
    """Whether a side changed more of an entry than ``extract``'s ``#:``/``#.`` lines."""
    return (_translation(base), base.msgid_plural, _flag_set(base), _previous(base), base.tcomment or "") != \
        (_translation(entry), entry.msgid_plural, _flag_set(entry), _previous(entry), entry.tcomment or "")


def _entry(base: polib.POEntry | None, mine: polib.POEntry | None, other: polib.POEntry | None,
           first: str, lead: str | None, gave_way: dict[int, str]) -> polib.POEntry | None:
    """One entry merged from its three versions (None where a version lacks it); None: the merge removes it.
    ``lead``: the side whose draft is kept of two (``_draft_kept``); ``gave_way`` gets the merged entry's id with
    DROPPED or DRAFTS where a side's untouched draft gave way (``_undrafted``)."""
    if mine is None or other is None:
        kept = mine if other is None else other
        if base is None or kept is None:
            return kept  # added by one side, or removed by both
        return kept if _changed_translation_or_notes(base, kept) else None
    gave = None
    if base is None:  # added by both
        base, gave = _added_by_both(mine, other, lead)
    sides = (mine, other)
    (mine, mine_gave), (other, other_gave) = (
        _undrafted(base, mine, other, lambda: _draft_kept(*sides, lead) == OURS),
        _undrafted(base, other, mine, lambda: _draft_kept(*sides, lead) == THEIRS))
    gave = gave or mine_gave or other_gave
    translation, decided = _three_way(_translation(base), _translation(mine), _translation(other))
    if decided is None and mine.msgid_plural and other.msgid_plural:
        translation, decided = _plural_forms(base, mine, other)
    # the side whose text decides the comments and previous text that go with it
    leader = decided if decided and _translation(base) != translation else first
    result = _copy(mine if leader == OURS else other)
    result.flags = _flags(base, mine, other, first)
    plural, side = _three_way(base.msgid_plural, mine.msgid_plural, other.msgid_plural)
    result.msgid_plural = plural if side else (mine if leader == OURS else other).msgid_plural
    notes, side = _three_way(base.tcomment or "", mine.tcomment or "", other.tcomment or "")
    result.tcomment = notes if side else "\n".join(_merged_lines(
        *((e.tcomment or "").split("\n") for e in (base, mine, other)), leader))
    previous, side = _three_way(_previous(base), _previous(mine), _previous(other))
    if side is None:
        signed_off = "fuzzy" not in result.flags and None in (_previous(mine)[1], _previous(other)[1])
        previous = (None, None, None) if signed_off else _previous(mine if leader == OURS else other)
    result.previous_msgctxt, result.previous_msgid, result.previous_msgid_plural = previous
    for name in ("comment", "occurrences", "obsolete"):
        value, side = _three_way(getattr(base, name), getattr(mine, name), getattr(other, name))
        setattr(result, name, value if side else getattr(mine if first == OURS else other, name))
    kept = other if mine.obsolete and not other.obsolete else mine if other.obsolete and not mine.obsolete else None
    if not base.obsolete and kept is not None and _changed_translation_or_notes(base, kept):
        result.obsolete = False  # one side's extract retired the German the other side translated meanwhile: kept
        # as a removed entry is, for the next extract to give to the changed sentence
    if decided is None:  # each side as its file has it: the one kept is that side's entry, flags and records whole
        return _Conflict(_copy(mine), _copy(other))
    if gave:
        gave_way[id(result)] = gave
    result.msgstr, result.msgstr_plural = translation[0], dict(translation[1])
    if "fuzzy" in result.flags and any(_signed_off_here(base, side, translation) for side in (mine, other)):
        result.flags.remove("fuzzy")
        notes = Notes.of(result)
        notes.previous_msgctxt = notes.previous_msgid = notes.reviewed = notes.carried = None
        notes.store(result)
        result.previous_msgid_plural = None
    return result


def _undrafted(base: polib.POEntry, side: polib.POEntry, other: polib.POEntry,
               kept: Callable[[], bool]) -> tuple[polib.POEntry, str | None]:
    """``side``'s entry as if it had left the translation alone, where it holds an untouched machine or memory draft
    (``catalog.machine_draft``: ``pretranslate``'s) made while ``other`` put a person's translation there (signed
    off, also the base's text as it was, or fuzzy as that person wrote or edited it: ``_persons``) or a different
    untouched draft of its own, kept over this one (not ``kept()``: ``_draft_kept``): a draft is made again by the
    next ``pretranslate``, a person's work is not, and of two drafts neither is anybody's work; so the other side's
    is the one change of the translation and no conflict (a sign-off of the base's draft as it was would otherwise
    take the fuzzy flag off a new draft nobody read). The draft's text, ``fuzzy`` flag and records (its origin, its
    fingerprint) give way to the base's; its ``#:``/``#.`` lines and obsolescence stay ``side``'s. Returned with
    what gave way (DROPPED, DRAFTS), else ``side`` as it is, with None: two sign-offs, or a draft a person edited
    against a sign-off, still conflict."""
    retranslated = _translation(other) != _translation(base)
    if _translation(side) in (_translation(base), _translation(other)) or not retranslated and \
            other.fuzzy == base.fuzzy or machine_draft(side) is None:
        return side, None
    if _persons(other):
        gave = DROPPED
    elif retranslated and machine_draft(other) is not None and not kept():
        gave = DRAFTS
    else:
        return side, None
    undone = _copy(side)
    undone.msgstr, undone.msgstr_plural = base.msgstr, dict(base.msgstr_plural)
    undone.flags = [f for f in undone.flags if f != "fuzzy"] + (["fuzzy"] if base.fuzzy else [])
    undone.tcomment = base.tcomment
    undone.previous_msgctxt, undone.previous_msgid, undone.previous_msgid_plural = _previous(base)
    return undone, gave


def _persons(entry: polib.POEntry) -> bool:
    """Whether the entry holds a translation a person signed off (``_signed_off``) or wrote or edited and left fuzzy
    for review: translated, and neither an untouched machine draft (``catalog.machine_draft``) nor a translation of
    other German (``#|``, verlag's ``previous msgid`` record: ``extract``'s, not that person's, doing)."""
    return _signed_off(entry) or (entry.fuzzy and entry.previous_msgid is None and Notes.of(entry).previous_msgid
                                  is None and bool(entry.msgstr or any(entry.msgstr_plural.values()))
                                  and machine_draft(entry) is None)


def _draft_kept(mine: polib.POEntry, other: polib.POEntry, lead: str | None) -> str:
    """The side whose draft the merge keeps where each side holds a different untouched machine or memory draft of
    one entry, the same whichever side pulls: a translation over a draft that is none (``copy``'s German as it is,
    pseudo text), else the draft of ``lead`` (the side that ran ``extract`` last, or saved last: ``_ran_last``), else
    the text first in code point order."""
    mine_none, other_none = (copied(e) or is_pseudo(e.msgstr, e.msgid) for e in (mine, other))
    if mine_none != other_none:
        return THEIRS if mine_none else OURS
    if lead is not None:
        return lead
    return OURS if _translation(mine) <= _translation(other) else THEIRS


def _signed_off(entry: polib.POEntry) -> bool:
    """Whether a person signed the entry's translation off: translated, not fuzzy, no previous text (``#|`` or
    verlag's ``previous msgid`` record), and no pseudo text (``machine_draft``'s ``mt: pseudo``)."""
    return (not entry.fuzzy and entry.previous_msgid is None and Notes.of(entry).previous_msgid is None
            and bool(entry.msgstr or any(entry.msgstr_plural.values())) and machine_draft(entry) is None)


def _base_of_changed(base: dict[tuple, polib.POEntry], mine: polib.POEntry,
                     other: polib.POEntry) -> polib.POEntry | None:
    """The base of an entry both sides have and the base has not, when it is German the author changed: the
    base's entry of the German either side names as its previous text (``#|``, or verlag's ``previous msgid``
    record, which ``msgmerge`` keeps where it writes no ``#|``). One side's ``extract`` and the other's ``msgmerge``
    against that template both give the entry of the old German the new msgid; compared with the entry they both
    started from, a sign-off or retranslation on one side is that side's change, not a second translation of
    new German. The base's entry may be obsolete (``#~``): German put back changed, which ``extract`` and ``msgmerge``
    both give that entry's translation (trial 39: both sides filled it and conflicted); it counts as the live entry
    it was. Where neither side names a previous text, the base's entry of German this is with a typo fixed
    (``typos.is_typo_fix``, the same msgctxt): ``extract --keep-typo-fixes`` kept it reviewed without one, and a
    reviewer's sign-off after ``msgmerge`` drops the ``#|`` (trial 39: the author's side held the base's text, and
    the driver said both sides changed it). None when there is none."""
    for entry in (mine, other):
        for previous in ((entry.previous_msgctxt, entry.previous_msgid),
                         (Notes.of(entry).previous_msgctxt, Notes.of(entry).previous_msgid)):
            if previous[1] is not None and (found := base.get(previous)) is not None:
                return _live(found)
    if mine.previous_msgid is None and other.previous_msgid is None:
        for found in base.values():
            if found.msgctxt == mine.msgctxt and found.msgstr and not found.msgid_plural \
                    and is_typo_fix(found.msgid, mine.msgid):
                return _live(found)
    return None


def _live(entry: polib.POEntry) -> polib.POEntry:
    """``entry``, or an active copy of it when it is obsolete: the base of German put back (``_base_of_changed``)."""
    if not entry.obsolete:
        return entry
    entry = _copy(entry)
    entry.obsolete = False
    return entry


def _translated_meanwhile(base: dict[tuple, polib.POEntry], mine: dict[tuple, polib.POEntry],
                          other: dict[tuple, polib.POEntry]) -> tuple[dict[tuple, polib.POEntry], set[tuple],
                                                                       set[tuple]]:
    """German one side's ``extract`` changed while the other side translated it, where the base had no translation
    to carry (empty, or an untouched machine draft: ``catalog.merge`` gives the changed German none, and writes no
    ``#|`` that names the old German). The changed sentence is paired with its old German as ``extract`` paired it
    (``catalog.alike``: an entry that side added, untranslated or with an untouched machine draft ``pretranslate``
    gave it since, and the base's entry that side removed, at least ``FUZZY_THRESHOLD`` alike) and takes the other
    side's translation as ``extract`` gives changed German one (``catalog.carry_changed``: fuzzy, the old German as
    ``#| msgid``), as if translated before the change: a person's translation beats a draft, as in ``_undrafted``.
    Returns (merged entry by the changed German's key, the keys of the old German, which the merge drops, the keys
    of the changed German whose draft gave way). An untouched machine draft on the translating side is not carried
    (``extract`` leaves the changed German to ``pretranslate``); old German no entry is like was deleted: the
    translation stays active (``_entry``)."""
    carried: dict[tuple, polib.POEntry] = {}
    gone: set[tuple] = set()
    undrafted: set[tuple] = set()
    for this, that in ((mine, other), (other, mine)):
        retired = [e for k, e in base.items() if not e.obsolete and _nothing_to_carry(e)
                   and (k not in this or this[k].obsolete) and k in that and not that[k].obsolete]
        added = [e for k, e in this.items() if not e.obsolete and not e.msgid_plural and k not in base
                 and k not in that and (not e.fuzzy and not e.msgstr or e.fuzzy and machine_draft(e) is not None)]
        if not retired or not added:
            continue
        pairs = alike(added, retired, FUZZY_THRESHOLD)
        paired = {key(added[n]) for n, _ in pairs}
        for n, m in pairs:
            translation = _copy(that[key(retired[m])])
            normalize(translation)
            if translation.msgid_plural or _nothing_to_carry(translation):
                continue
            for part in _split_parts(added[n], retired[m], this, {key(e) for e in added} - paired):
                paired.add(key(part))
                entry = _copy(part)
                if entry.msgstr:  # the draft gives way: its text, flag and records
                    entry.flags = [f for f in entry.flags if f != "fuzzy"]
                    undrafted.add(key(entry))
                carry_changed(entry, translation)
                carried[key(entry)] = entry
            gone.add(key(translation))
    return carried, gone, undrafted


def _split_parts(part: polib.POEntry, whole: polib.POEntry, side: dict[tuple, polib.POEntry],
                 free: set[tuple]) -> list[polib.POEntry]:
    """``part`` and the entries next to it on ``side`` (its live entries in file order) that the author split
    ``whole``'s German into with it: entries of ``free`` (added, paired with nothing) without msgctxt, taken on
    either side while their German and ``part``'s, joined by a space in order, grow more alike to ``whole``'s
    (``catalog.similarity``). ``extract`` gives every part of a split the whole's translation (``catalog._regrouped``);
    the merge paired the whole with its most alike part alone and left the others empty (trial 39)."""
    if part.msgctxt is not None:
        return [part]
    live = [e for e in side.values() if not e.obsolete]
    at = next(i for i, e in enumerate(live) if e is part)
    start, end = at, at + 1
    score = similarity(part.msgid, whole.msgid)
    grown = True
    while grown:
        grown = False
        for lo, hi in ((start - 1, end), (start, end + 1)):
            edge = live[lo] if lo < start else live[hi - 1] if hi - 1 < len(live) else None
            if lo < 0 or edge is None or edge.msgctxt is not None or key(edge) not in free:
                continue
            joined = similarity(" ".join(e.msgid for e in live[lo:hi]), whole.msgid)
            if joined > score:
                start, end, score, grown = lo, hi, joined, True
                break
    return live[start:end]


def _rival_sign_offs(base: dict[tuple, polib.POEntry], mine: dict[tuple, polib.POEntry],
                     other: dict[tuple, polib.POEntry]) -> dict[tuple, tuple[polib.POEntry, tuple]]:
    """German that each side translated otherwise since the base while one side's ``extract`` changed it: that side
    signed it off (or wrote it) anew and ``extract`` carried the text to the changed sentence (a live entry only
    that side added, fuzzy, the old German as ``#|`` or verlag's ``previous msgid`` record, a person's text that
    is not the base's), and removed the entry of the old German or made it obsolete; the other side, where the
    German did not change, put a person's translation there that is not that text (``_persons``): another text
    than the base's, or the base's stale text signed off as it was (fuzzy there). Two reviewers, as
    when both sign off one active entry otherwise (a conflict); the entry of the old German kept active would be
    taken by the next ``extract`` for the newer text of the carried copy (``catalog._rivals``), and the carried
    sign-off lost. A reviewer who revised her own sign-off on the other side is no such case: the carried text is
    the base's there. The changed sentence keeps the carried text, fuzzy for review, and the other side's text
    becomes an obsolete fuzzy entry of the old German with ``catalog.RIVAL_NOTE``, as ``catalog._rivals`` keeps
    the text of two that did not go live: the same whichever side pulls. Returns, by the old German's key, that
    obsolete entry and the key of the changed German."""
    rivals: dict[tuple, tuple[polib.POEntry, tuple]] = {}
    for this, that in ((mine, other), (other, mine)):
        for k, entry in this.items():
            if entry.obsolete or entry.msgid_plural or k in base or k in that or not entry.msgstr \
                    or machine_draft(entry) is not None:
                continue
            notes = Notes.of(entry)
            for previous in dict.fromkeys([(entry.previous_msgctxt, entry.previous_msgid),
                                           (notes.previous_msgctxt, notes.previous_msgid)]):
                old, theirs, own = base.get(previous), that.get(previous), this.get(previous)
                if previous[1] is None or old is None or old.obsolete or theirs is None or theirs.obsolete \
                        or own is not None and not own.obsolete or theirs.msgid_plural or not _persons(theirs) \
                        or _translation(entry) in (_translation(old), _translation(theirs)) \
                        or _translation(theirs) == _translation(old) and not (old.fuzzy and _signed_off(theirs)):
                    continue
                rivals[previous] = new_entry(msgid=theirs.msgid, msgctxt=theirs.msgctxt, msgstr=theirs.msgstr,
                                             obsolete=True, flags=["fuzzy", FLAG],
                                             tcomment="\n".join([*Notes.of(theirs).own, RIVAL_NOTE])), k
                break
    return rivals


def _nothing_to_carry(entry: polib.POEntry) -> bool:
    """Whether ``extract`` carries nothing of the entry to its changed German: no translation, or an untouched
    machine draft."""
    return not entry.msgstr and not any(entry.msgstr_plural.values()) or entry.fuzzy and machine_draft(entry) is not None


def _signed_off_here(base: polib.POEntry, side: polib.POEntry, translation: tuple) -> bool:
    """Whether ``side``'s version of an entry is a sign-off for its German that the merged ``translation`` is the
    text of: not fuzzy, no previous text (``#|``), translated, and changed from ``base`` (its msgid, the German
    the base's translation was made for, its fuzzy flag or its translation). The other side's ``fuzzy``, ``#|`` and
    ``previous msgid`` record (``extract``'s or ``msgmerge``'s mark of changed German) are then no change to keep:
    the reviewer saw this German and signed it off."""
    return (not side.fuzzy and side.previous_msgid is None and Notes.of(side).previous_msgid is None
            and bool(side.msgstr or any(side.msgstr_plural.values())) and _translation(side) == translation
            and (side.msgid != base.msgid or base.fuzzy or _translation(base) != translation))


def _added_by_both(mine: polib.POEntry, other: polib.POEntry,
                   lead: str | None) -> tuple[polib.POEntry, str | None]:
    """The base of an entry both sides added (a catalog both made: git's base of it is empty). Where one side's is a
    machine draft nobody touched (``catalog.machine_draft``, fuzzy), the draft is the base: both ran pretranslate,
    and the other side went on from it (a sign-off, a correction), which the merge keeps; were they two
    additions, the draft's ``fuzzy`` would be one side's flag to keep and its text a translation to conflict
    with. Two such drafts: the one of the side whose draft is not kept (``_draft_kept``), so that the other's is
    taken, with DRAFTS where they differ (``Merged.drafts``). Else an entry without translation, flags or
    comments."""
    drafts = [side for side, entry in ((OURS, mine), (THEIRS, other)) if entry.fuzzy and machine_draft(entry)]
    gave = None
    if len(drafts) == 2:
        drafts = [THEIRS if _draft_kept(mine, other, lead) == OURS else OURS]
        gave = DRAFTS if _translation(mine) != _translation(other) else None
    if drafts:
        return (mine if drafts[0] == OURS else other), gave
    return new_entry(msgid=mine.msgid, msgctxt=mine.msgctxt, tcomment="", comment=""), None


def _plural_forms(base: polib.POEntry, mine: polib.POEntry, other: polib.POEntry) -> tuple[tuple | None, str | None]:
    """``_three_way`` of a plural entry's translation form by form (``msgstr[0]`` from one side, ``msgstr[1]`` from
    the other); (None, None) where both changed one form otherwise."""
    forms = {}
    for index in sorted({*mine.msgstr_plural, *other.msgstr_plural}):
        value, side = _three_way(*(e.msgstr_plural.get(index) for e in (base, mine, other)))
        if side is None:
            return None, None
        if value is not None:
            forms[index] = value
    return ("", tuple(sorted(forms.items()))), THEIRS


def _flags(base: polib.POEntry, mine: polib.POEntry, other: polib.POEntry, first: str) -> list[str]:
    """The merged flags: those either side added, less those either removed, in the order of the side that
    ran extract, the other's own after them; ``markdown-text`` kept where any version has it (``_flag_set``)."""
    flags = _merged_flags(base, mine, other, first)
    if FLAG in flags or FLAG not in (*base.flags, *mine.flags, *other.flags):
        return flags
    return [*(["fuzzy"] if "fuzzy" in flags else []), FLAG, *(f for f in flags if f != "fuzzy")]


def _merged_flags(base: polib.POEntry, mine: polib.POEntry, other: polib.POEntry, first: str) -> list[str]:
    if set(mine.flags) == set(other.flags):
        return list(mine.flags if first == OURS else other.flags)
    if set(mine.flags) == set(base.flags):
        return list(other.flags)
    if set(other.flags) == set(base.flags):
        return list(mine.flags)
    return _merged_lines(base.flags, mine.flags, other.flags, first)


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return new_entry(**{**vars(entry), "flags": list(entry.flags), "occurrences": list(entry.occurrences),
                        "msgstr_plural": dict(entry.msgstr_plural)})

"""Gettext catalogs: build a template from segments, merge it into translations, read and render.

No file I/O here except ``read_po``; ``extract`` and ``pretranslate`` decide
what to write. ``pofile`` reads (polib's objects, as polib reads them) and
writes in GNU's layout; the merge is ours because polib's keeps exact matches
only and babel's renders PO files differently from the tools reviewers use.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gettext
import hashlib
import itertools
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Container, Iterable, Iterator

import polib
from rapidfuzz import fuzz

from . import LazyPattern, __version__, greedy, nearest
from .conflicts import refuse_conflict
from .errors import VerlagError, excerpt, not_utf8
from .extracted import GERMAN_FIELD, german_source
from .fsutil import file_bytes, read_parsed
from .limits import CATALOG, Limit
from .markup import analyse
from .pofile import (BadEscape, declared_charset, encode_like, escape, layouts, new_entry, parse, render_header, render_po, unescape,
                     wraps)
from .pseudo import is_pseudo
from .segment import Document, unique_segments
from .sentences import HARD_BREAK  # a hard break in a msgid, as the segmenter reads one
from .states import HAND, MACHINE, REUSED, REVIEWED, STALE, UNTRANSLATED
from .typos import is_typo_fix

FLAG = "markdown-text"
FUZZY_THRESHOLD = 60.0
TAG_CONTEXT = "tag"  # the msgctxt of a ``tags:`` entry (``segment.FRONT_KEYS``): a name, matched only exactly
# the msgctxts of the front-matter fields an article has at most once (``segment.FRONT_KEYS`` but its tags): the
# old entry of one is paired with the new one however unlike their German (``_same_field``)
ONCE_PER_ARTICLE = ("title", "summary")
PROVENANCE_RE = re.compile(r"^(mt|tm): ")
# in a ``tm:`` origin line, before the words where the German of a fuzzy match says something else than the entry's
# (``tm.differences``), closed by ")": ``tm: 78% from knie (German differs: 'Knie' -> 'Hüfte')``; the parenthesis
# lets a line a tool wrapped be read whole (``_cut``)
TM_DIFFERS = " (German differs: "
# a flag that makes GNU msgfmt --check compare the directives of msgid and msgstr (``c-format``, ``python-format``,
# ``python-brace-format``, …), not ``no-c-format`` or ``possible-c-format``
FORMAT_FLAG = re.compile(r"(?!no-|possible-)[a-z+]+(?:-[a-z]+)*-format")


def format_flags(entry: polib.POEntry) -> list[str]:
    """The flags of ``entry`` that declare its msgid a format string (``FORMAT_FLAG``). No sentence of an article
    is one (its msgid is Markdown: "10 % der Fälle" holds no directive), but Poedit, Weblate and msgmerge add
    ``c-format`` or ``python-format`` where they see a ``%``; msgfmt --check then refuses the catalog where the
    translation's ``%`` signs differ (``10 % of`` reads as ``% o``)."""
    return [flag for flag in entry.flags if FORMAT_FLAG.fullmatch(flag)]


def now_stamp() -> str:
    """The PO date format; honours SOURCE_DATE_EPOCH for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch
            else dt.datetime.now(dt.timezone.utc))
    return when.strftime("%Y-%m-%d %H:%M+0000")


def stamp_after(*dates: str | None) -> str:
    """A ``PO-Revision-Date`` for a catalog ``pretranslate`` writes: ``now_stamp()``, or a minute after the latest
    of ``dates`` (PO dates: the catalog's own, the one the last extract left; unreadable ones ignored) when that is
    not earlier. PO dates count minutes, and a catalog with the very date (and template) the last extract left is
    still extract's (``_same_header``): a write within that minute (a quick session, SOURCE_DATE_EPOCH) would
    make a draft of an emptied entry look like an older copy's (``_back_to_draft``)."""
    now = now_stamp()
    latest = max((d for d in map(po_date, dates) if d is not None), default=None)
    if latest is None or po_date(now) > latest:
        return now
    return (latest + dt.timedelta(minutes=1)).astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


_TWO = "nplurals=2; plural=(n != 1);"
_SLAVIC = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
# GNU gettext's conventional expressions: the manual's node "Plural forms" and
# gettext-tools/src/plural-table.c, the table msginit uses. Poedit, Weblate and
# translate-toolkit's pofilter expect these; CLDR's rules (Babel) differ for some
# languages (French: a third form for millions).
GNU_PLURAL_FORMS = {
    **dict.fromkeys(("ja", "vi", "ko"), "nplurals=1; plural=0;"),
    **dict.fromkeys(("en", "de", "nl", "sv", "da", "no", "nb", "nn", "fo", "es", "pt", "it", "bg", "el", "fi",
                     "et", "he", "eo", "hu", "tr", "ca"), _TWO),
    **dict.fromkeys(("pt_BR", "fr"), "nplurals=2; plural=(n > 1);"),
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr"), _SLAVIC),
    **dict.fromkeys(("cs", "sk"), "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"),
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}


def plural_forms(lang: str) -> str:
    """The ``Plural-Forms`` header value for a BCP 47 tag (``fr``, ``pt-BR``).

    GNU gettext's conventional expression where its table lists the language
    (region first, then language), else Babel's from CLDR, else ``n != 1``.
    """
    tag = lang.replace("-", "_")
    for name in (tag, tag.split("_")[0]):
        if name in GNU_PLURAL_FORMS:
            return GNU_PLURAL_FORMS[name]
    from babel.core import UnknownLocaleError  # Babel's catalog modules take 0.1 s to import: only when needed
    from babel.messages.plurals import get_plural

    try:
        return get_plural(tag).plural_forms
    except (ValueError, TypeError, UnknownLocaleError):
        return _TWO


PROBED = (*range(0, 1101), *range(10**6, 10**7, 10**6))  # the n a Plural-Forms expression is tried for
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
MOST_FORMS = 6  # CLDR's plural categories (zero, one, two, few, many, other): no language has more forms


def nplurals(plural_forms: str) -> int | None:
    """How many forms a Plural-Forms header value (``nplurals=3; plural=…``) names; None when it names none.
    Raises ``ValueError`` for more than ``MOST_FORMS``: an outside catalog's nplurals=2000000000 made check,
    status and build list that many forms of each plural message, without end."""
    found = _NPLURALS.search(plural_forms)
    if found is None:
        return None
    digits = found.group(1).lstrip("0") or "0"
    if len(digits) > 1 or int(digits) > MOST_FORMS:  # its length first: int() of 5,000 digits raises
        raise ValueError(f"nplurals={digits[:12]}{'…' if len(digits) > 12 else ''} names more forms than any "
                         f"language has ({MOST_FORMS} at most: CLDR's zero, one, two, few, many, other)")
    return int(digits)


def untranslated_forms(msgstr_plural: dict[int, str], count: int = 0) -> list[int]:
    """The indices of a plural message's forms empty or missing (of ``count`` forms, or of those it has) while
    another form is translated: GNU msgfmt --check refuses such a message unless it is fuzzy, and the page shows
    the English words for every count; [] when every form or none is translated."""
    if not any(msgstr_plural.values()):
        return []
    return [n for n in range(max(count, len(msgstr_plural))) if not msgstr_plural.get(n)]


def plural_form_map(old: str | None, new: str) -> dict[int, tuple[int, ...]]:
    """For each msgstr index under ``new`` Plural-Forms, the indices under ``old`` that said its numbers: the one
    to take first, then the others its numbers 0…1100 had (none when one old form said them all).

    Both expressions are evaluated (``gettext.c2py``) for n = 0…1100 and for round millions. The form taken
    is the old form of the new form's most typical number, its smallest positive one (1 for "one", 2 for
    GNU's French plural, 5 for the Slavic "many"): so French catalogs written with CLDR's three forms (one,
    many, other) keep ``msgstr[2]`` as GNU's ``msgstr[1]``, and three forms 0 / 1 / more keep the n = 1 text
    for French's ``n > 1`` form 0. The others are the old forms of its other numbers up to 1100 (a reader's
    counts; millions, CLDR's French "many", are left out): where their texts differ from the one taken,
    the translation no longer says the same for every number (``uistrings`` marks it fuzzy). Without a
    readable old expression (one that divides by zero for one of those n too) the indices stay as they are.
    """
    count = nplurals(new)
    try:
        before, after = gettext.c2py(old.split("plural=", 1)[1].rstrip("; ")), gettext.c2py(
            new.split("plural=", 1)[1].rstrip("; "))
        said: dict[int, dict[int, None]] = {i: {} for i in range(count)}  # new form -> its old forms, typical first
        for n in [*PROBED[1:1101], 0]:
            said.setdefault(after(n), {}).setdefault(before(n), None)
        for n in PROBED[1101:]:  # a form only millions take (none in GNU's table) still finds its text
            if not said.setdefault(after(n), {}):
                said[after(n)][before(n)] = None
    except (AttributeError, IndexError, ValueError, SyntaxError, ArithmeticError):
        return {i: (i,) for i in range(count)}
    return {i: tuple(said[i]) if said[i] else (i,) for i in range(count)}


def build_pot(doc: Document, project: str, created: str) -> polib.POFile:
    """The template: one entry per distinct (msgctxt, msgid), in document order."""
    pot = polib.POFile()
    pot.metadata_is_fuzzy = True
    pot.header = (f"Template for “{doc.article.title}” ({doc.article.ref}).\n"
                  "Generated by verlag from the German original; do not edit.")
    pot.metadata = {
        "Project-Id-Version": f"{project} {doc.article.slug}",
        "POT-Creation-Date": created,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"verlag {__version__}",
        GERMAN_FIELD: german_source(doc.article.digest),
    }
    entries, ref = [], doc.article.ref
    for (context, msgid), occurrences in unique_segments(doc.segments).items():
        notes = list(dict.fromkeys(s.note for s in occurrences))
        # a shortcut link is a [label] the article defines: none without a "[" or without definitions
        for a, b in analyse(msgid, doc.labels).shortcuts if doc.labels and "[" in msgid else ():
            label = msgid[a:b].removeprefix("!").removesuffix("[]")
            notes.append(f"{label} is a link by its label: keep it, or write [your words]{label}")
        entries.append(new_entry(msgid=msgid, msgctxt=context, comment="\n".join(notes),
                                 occurrences=[(ref, str(s.line)) for s in occurrences], flags=[FLAG]))
    pot.extend(entries)  # distinct keys already: polib's append would only look for duplicates
    return pot


COPY_ORIGIN = "mt: copy"  # ``engines.CopyEngine``'s provenance line


def entry_state(entry: polib.POEntry | None, copies: Container[tuple[str | None, str]] = frozenset()) -> str:
    """Reviewed, machine (fuzzy draft), stale (fuzzy, with the German it was made for as ``#| msgid``)
    or untranslated: empty, a ``copy`` draft nobody touched (``copied``), or an entry whose key is in ``copies``
    (``check.german_copies``): signed off, its msgstr is its German prose, which the site shows as German; a draft,
    its msgstr is its German as it is, as a ``copy`` draft's (an engine's answer of the German unchanged).

    The one answer to "is this machine text or untranslated" for editions, publishing thresholds,
    notices, ``status``, ``check`` and the review report. Pseudo text (``pseudo.is_pseudo``, the layout
    test's accented German) is machine text also without the fuzzy flag: signing it off makes no
    translation of it (``check``'s ``pseudo`` error holds it back; the translation memory takes only
    reviewed entries).
    """
    if entry is None or not entry.msgstr:
        return UNTRANSLATED
    if entry.fuzzy:
        if entry.previous_msgid is not None:
            return STALE
        return UNTRANSLATED if copied(entry) or key(entry) in copies else MACHINE
    if is_pseudo(entry.msgstr, entry.msgid):
        return MACHINE
    return UNTRANSLATED if key(entry) in copies else REVIEWED


def copied(entry: polib.POEntry) -> bool:
    """Whether a fuzzy entry's msgstr is the ``copy`` engine's draft as it wrote it (``# mt: copy``,
    msgstr == msgid): the German as a reviewer's starting point, no translation. Readers get it as the
    untranslated German it is (``lang="de"``), and it counts for no edition. A reviewer who signs it off
    (a name, a number that stays as it is) makes it reviewed; one who edits it makes it a draft of theirs."""
    # its notes are read only where they can name the copy engine (another engine's draft of a text it kept as it
    # was, such as a code line in a pseudo draft, is asked here on every state of the entry)
    return entry.msgstr == entry.msgid and "copy" in (entry.tcomment or "") and _draft_origin(entry) == COPY_ORIGIN


def signed_off(entry: polib.POEntry) -> bool:
    """Whether a stale entry shows the translation a reviewer signed off for its previous German (its
    ``previous msgid, reviewed <fingerprint>`` line names this msgstr): out of date, but checked by a person
    once. False for a draft nobody signed off (a machine draft, edited by hand or not) and for a signed-off
    translation edited since it was reopened."""
    return Notes.of(entry).reviewed == fingerprint(entry.msgstr)


def aligned_draft(entry: polib.POEntry) -> bool:
    """Whether a fuzzy entry holds a person's translation that ``verlag import --translation-of`` put in
    without confidence (its ``# alignment: low confidence`` line, no machine origin): not checked yet, but
    no machine wrote it."""
    if not entry.fuzzy or LOW_CONFIDENCE not in (entry.tcomment or ""):
        return False
    notes = Notes.of(entry)
    return not notes.origins and LOW_CONFIDENCE in (line.strip() for line in notes.own)


def hand_draft(entry: polib.POEntry) -> bool:
    """Whether a fuzzy entry holds a person's text not checked yet: an import's unsure pair
    (``aligned_draft``), or a machine draft a person edited and left fuzzy (its ``draft`` fingerprint no
    longer names the msgstr; Poedit's "needs work" after overwriting a ``copy`` draft, or on reopening an
    edit that was signed off), or fuzzy text of unknown origin (no engine's origin line: typed in a text editor or
    Poedit and marked unsure, or another tool's draft). Not machine text for notices and counts: the page says
    "made by machine" only of what verlag knows an engine made (its origin line, or pseudo text), and of the rest
    the always-true "not yet checked by a person" (fresh-user trial 18: a reviewer's own unsure translation)."""
    if not entry.fuzzy or not entry.msgstr or entry.previous_msgid is not None:
        return False
    if aligned_draft(entry):
        return True
    notes = Notes.of(entry)
    if notes.rewritten:  # a person's rewrite of a draft, signed off once and reopened
        return True
    if not notes.origins:  # nothing says an engine wrote it; accented German is the pseudo engine's all the same
        return not is_pseudo(entry.msgstr, entry.msgid)
    return notes.drafted is not None and notes.drafted != fingerprint(entry.msgstr)


def reused_draft(entry: polib.POEntry) -> bool:
    """Whether a fuzzy entry holds what the translation memory gave, as it gave it: its last origin line is
    ``tm: …`` (``pretranslate``'s match of a reviewed translation, an imported TMX unit, or a translation ``extract``
    carried from a renamed article's catalog) and no person edited it since (``hand_draft``). A person's earlier
    translation of the same or a similar sentence, not checked here yet: no machine text (Weblate and Poedit offer
    such matches as "translation memory", apart from machine translation, and mark the inexact ones as needing
    work)."""
    if not entry.fuzzy or not entry.msgstr or entry.previous_msgid is not None or "tm: " not in (entry.tcomment or ""):
        return False
    origins = Notes.of(entry).origins
    return bool(origins) and origins[-1].startswith("tm: ") and not hand_draft(entry)


def review_state(entry: polib.POEntry | None, copies: Container[tuple[str | None, str]] = frozenset()) -> str:
    """``entry_state`` (``copies`` as there), with an unchecked draft a person wrote (``hand_draft``) as HAND and
    one the translation memory gave (``reused_draft``) as REUSED instead of MACHINE: the state ``verlag review``
    and ``verlag status`` show and count, so a reviewer can tell a person's text from an engine's, exactly as the
    pages tell them apart (``editions``: "not yet checked by a person", "reused from earlier translations", not
    "made by machine"). Fuzzy text of unknown origin (no engine's origin line) is HAND here as there: what nothing
    shows a machine made is not called machine text."""
    state = entry_state(entry, copies)
    if state != MACHINE:
        return state
    return HAND if hand_draft(entry) else REUSED if reused_draft(entry) else state


def hand_translator(entry: polib.POEntry) -> str | None:
    """The name of whoever translated the entry's msgstr by hand (its ``hand:`` record, ``verlag import
    --translator``), while the msgstr is still the text they wrote; None otherwise."""
    if "hand: " not in (entry.tcomment or ""):
        return None
    hand = Notes.of(entry).hand
    return hand[0] if hand and hand[1] == fingerprint(entry.msgstr) else None


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def provenance(entry: polib.POEntry) -> list[str]:
    """The entry's origin lines (``mt: deepl``, ``tm: 93% from other-slug``), oldest first."""
    return list(Notes.of(entry).origins)


def ignored_checks(entry: polib.POEntry) -> frozenset[str]:
    """The check ids a reviewer silenced on this entry (``# ignore-numbers``)."""
    if "ignore-" not in (entry.tcomment or ""):  # no such line: the comment need not be read (``Notes.of``)
        return frozenset()
    return frozenset(Notes.of(entry).ignored)


def set_provenance(entry: polib.POEntry, origin: str, drafted: bool = True) -> None:
    """Record where the entry's (new) text came from, replacing an older origin line, and the
    ``fingerprint`` of that text, so ``machine_draft`` can tell it from a reviewer's edit later.

    ``drafted=False``: the text is a person's (a reviewed translation brought over from another catalog,
    ``orphans``); the origin is recorded without a fingerprint, so it never counts as an untouched machine
    draft that ``pretranslate --redo-drafts`` replaces or an edit of the German retires.
    """
    notes = Notes.of(entry)
    notes.origins, notes.rewritten = [origin], None
    # a new text: a sign-off of the text it replaces (``draft …, signed off``) is not one of this text
    notes.drafted, notes.signed = (fingerprint(entry.msgstr) if drafted else None), False
    notes.store(entry)


def machine_draft(entry: polib.POEntry) -> str | None:
    """The origin line (``mt: deepl``) of a machine draft nobody has touched since an engine wrote it;
    None for a reviewed, stale, empty or hand-edited entry.

    An entry without the draft fingerprint (written before verlag recorded it)
    counts as untouched only while it still is the German text (a ``copy`` draft).
    Pseudo text signed off is one too (``mt: pseudo``): no translation, nothing a
    person wrote (``entry_state``), so ``pretranslate --redo-drafts`` replaces it.
    """
    if not entry.msgstr or entry.previous_msgid is not None:
        return None
    if not entry.fuzzy:
        return "mt: pseudo" if is_pseudo(entry.msgstr, entry.msgid) else None
    return _draft_origin(entry)


def _draft_origin(entry: polib.POEntry) -> str | None:
    notes = Notes.of(entry)
    if not notes.origins:
        return None
    if notes.signed:  # a reviewer's since the sign-off, also reopened
        return None
    unedited = (notes.drafted == fingerprint(entry.msgstr) if notes.drafted
                else entry.msgstr == entry.msgid and notes.origins[-1] == COPY_ORIGIN)
    return notes.origins[-1] if unedited else None


def origin_engine(origin: str) -> str:
    """The engine an origin line names: ``mt: deepl`` -> ``deepl``, ``tm: 93% from x`` -> ``tm``."""
    kind, _, rest = origin.partition(": ")
    return rest.split()[0] if kind == "mt" and rest else kind


@lru_cache(maxsize=4096)
def fingerprint(msgstr: str) -> str:
    """Eight hex digits of SHA-256 over the UTF-8 translation: names a signed-off msgstr without repeating it.
    Cached: a build hashes each shown draft's msgstr when it reads the catalog (``_settled``), when it asks whether
    an engine's draft is untouched (``machine_draft``) and whether a person edited it (``hand_draft``)."""
    return hashlib.sha256(msgstr.encode("utf-8")).hexdigest()[:8]


LOW_CONFIDENCE = "alignment: low confidence"  # align's translator comment on a pair it is not sure of
# align's record of the text an import wrote (its ``fingerprint``) and whether fuzzy: ``align._imported``
IMPORTED_RECORD_RE = LazyPattern(r"^alignment: imported ([0-9a-f]{8})(, fuzzy)?$")
_PREVIOUS_RE = re.compile(r'^previous (msgctxt|msgid)(?:, (reviewed|draft) ([0-9a-f]{8}))?: "((?:[^"\\]|\\.)*)"$')
_DRAFT_RE = re.compile(r"^draft ([0-9a-f]{8})(, signed off)?$")
_HAND_RE = re.compile(r"^hand: (.+), ([0-9a-f]{8})$")
REWRITTEN = "rewritten by hand from "  # ``Notes.rewritten``: the origin of a draft a person rewrote and signed off
_REWRITTEN_RE = re.compile(r"^rewritten by hand from ((?:mt|tm): .+)$")
_IGNORE_RE = re.compile(r"^ignore-[a-z0-9-]+(?:[ ,]+ignore-[a-z0-9-]+)*,?$")  # "," ends a line wrapped after it
# a list of silenced checks a tool wrapped after a hyphen (``ignore-link-`` / ``target``): no check id ends in one
_IGNORE_CUT_RE = re.compile(r"^ignore-[a-z0-9-]*(?:[ ,]+ignore-[a-z0-9-]*)*$")  # ... when it ends in a hyphen
_PREVIOUS_START = re.compile(r'^previous (?:msgctxt|msgid)(?:, (?:reviewed|draft) [0-9a-f]{8})?:(?: "|$)')
_MAX_HYPHEN_BREAKS = 6  # 2**6 ways to rejoin a record: more is no sentence's previous text
# the longest record ``_unwrapped`` puts back together: a sentence's previous text, escaped, is far shorter; a
# longer one stays as its lines, and its previous msgid is read from ``#|`` (``Notes``)
_MAX_RECORD = 8000


def _split_record(text: str) -> bool | None:
    """Whether a comment line is the first part of a verlag record that a tool wrapped over several lines
    (True), a whole record (False), or no record at all (None)."""
    if _PREVIOUS_START.match(text):
        return not _PREVIOUS_RE.match(text)
    if PROVENANCE_RE.match(text) or text.startswith(REWRITTEN):  # a name broken at a hyphen or before it,
        return _cut(text)  # "(sentence by … back)" at a space
    if text.startswith("hand: "):
        return not _HAND_RE.match(text)
    if text.startswith("ignore-"):
        names = text.replace("- ", "-")  # a line joined at a hyphen break (``_record_span`` joins with spaces)
        if names.endswith("-") and _IGNORE_CUT_RE.match(names):
            return True
        if _IGNORE_RE.match(names):
            return False
    return False if _DRAFT_RE.match(text) else None


def _cut(origin: str) -> bool:
    """Whether an origin line ends where a wrapping tool cut it (``_split_record``)."""
    return origin.endswith(("-", "% from")) or origin.count("(") > origin.count(")")


def _unwrapped(lines: list[str], entry: polib.POEntry) -> list[str]:
    """The translator comment's lines with each record a tool wrapped put back on one line.

    polib (``wrapwidth`` 78, Python's ``textwrap``) and Babel (76) wrap long
    comment lines at spaces, polib also after hyphens; GNU gettext (``msgcat
    -w``), Poedit and translate-toolkit do not. A record's continuation lines are the
    lines up to the one that completes it; a line break is rejoined as the
    space it replaced, or after a hyphen as nothing. Which of those a
    ``previous`` record's breaks were is decided by the text: the ``#|``
    previous msgid if one of the joins is it, else the join most like the
    current msgid. A record that no following lines complete stays as the
    lines it is (the reviewer's words, never dropped).
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        span = _record_span(lines, i)
        out.append(_rejoin([line.strip() for line in lines[i:i + span]], entry) if span > 1 else lines[i])
        i += span
    return out


def _record_span(lines: list[str], start: int) -> int:
    """How many lines from ``start`` one wrapped record takes (1: the line is whole, or no record).

    A record is looked for in at most ``_MAX_RECORD`` characters: each longer join is read again in full, so
    a reviewer's long note after a line that only starts like a record would cost the square of its length."""
    if not _split_record(lines[start].strip()):
        return 1
    pieces = [lines[start].strip()]
    size = len(pieces[0])
    for line in lines[start + 1:]:
        text = line.strip()
        size += len(text) + 1
        if not text or size > _MAX_RECORD or _split_record(text) is not None:
            return 1
        pieces.append(text)
        if _split_record(" ".join(pieces)) is False:
            return len(pieces)
    return 1


def _rejoin(pieces: list[str], entry: polib.POEntry) -> str:
    hyphen = [a.endswith("-") and not a.endswith(" -") for a in pieces[:-1]]
    if not _PREVIOUS_START.match(pieces[0]) or sum(hyphen) > _MAX_HYPHEN_BREAKS:
        # a slug, a file or a person's name broken after a hyphen; a sentence with too many to try: spaces
        prose = _PREVIOUS_START.match(pieces[0]) is not None
        return pieces[0] + "".join(("" if h and not prose else " ") + p for h, p in zip(hyphen, pieces[1:]))
    candidates = []
    for joins in itertools.product(*([" ", ""] if h else [" "] for h in hyphen)):
        text = pieces[0] + "".join(j + p for j, p in zip(joins, pieces[1:]))
        candidates.append((unescape(_PREVIOUS_RE.match(text).group(4)), text))
    context = pieces[0].startswith("previous msgctxt")
    shown, current = ((entry.previous_msgctxt, entry.msgctxt or "") if context
                      else (entry.previous_msgid, entry.msgid))
    for value, text in candidates:
        if value == shown:
            return text
    return max(candidates, key=lambda c: fuzz.ratio(c[0], current))[1]


@dataclass
class Notes:
    """What an entry's translator comments (``# …``) hold: the reviewer's own words and verlag's records.

    verlag keeps everything that decides publishing or review in translator
    comments, the one kind of comment that Poedit, ``msgcat``, ``msguniq``,
    ``msgattrib``, ``msgmerge`` (with or without ``--previous``) and
    translate-toolkit all keep (flags and ``#.`` extracted comments are
    dropped or regenerated by them). One record a line, after the reviewer's
    own lines::

        # mt: deepl                                  provenance (also ``tm: …``)
        # draft 5e6f7a8b                             ``fingerprint`` of the msgstr that engine wrote (kept
                                                     when a person's edit of it is signed off: ``settle``)
        # draft 5e6f7a8b, signed off                 ... and a reviewer signed that very text off
        # rewritten by hand from mt: deepl           in their place once a person's rewrite of that draft is
                                                     signed off (``settle``): no machine text, not reviewed either
                                                     when reopened (``hand_draft``)
        # hand: Anna Berg, 5e6f7a8b                  who translated the msgstr by hand (``import
                                                     --translator``), and its ``fingerprint`` then
        # ignore-numbers                             a silenced check (Weblate's ``ignore-*`` names)
        # previous msgctxt: "title"                  only when the previous text had a msgctxt
        # previous msgid: "Alter Satz."              the German the fuzzy translation was made for
        # previous msgid, reviewed 1a2b3c4d: "…"     ... and the translation was signed off
                                                     (``fingerprint`` of that msgstr)
        # previous msgid, draft 1a2b3c4d: "…"        ... or not: the ``fingerprint`` of the text extract carried
                                                     there, so a reviewer's later text is known from it (``_rivals``)

    The previous text is also written as GNU's ``#| msgid`` for the tools that
    show it; the record wins when both are present, ``#|`` alone is read when
    the record is missing. Strings are quoted and escaped as PO strings. A
    record a tool wrapped over several lines (polib, Babel) is read whole
    (``_unwrapped``) and written back on one line.
    """

    own: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    drafted: str | None = None
    signed: bool = False  # ``drafted`` is the text a reviewer signed off as the engine wrote it
    hand: tuple[str, str] | None = None  # (translator's name, fingerprint of the msgstr they wrote)
    rewritten: str | None = None  # the origin line of the draft a person rewrote and signed off (``settle``)
    ignored: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    reviewed: str | None = None
    carried: str | None = None  # ``fingerprint`` of the unsigned translation extract carried to the changed German

    @classmethod
    def of(cls, entry: polib.POEntry) -> Notes:
        if not entry.tcomment:
            return cls()
        lines = entry.tcomment.split("\n")
        notes = cls._read(lines)
        # a record a tool wrapped reads as an unfinished origin or an own line that starts a record: rare,
        # so the lines are put back together (``_unwrapped``) only then
        if notes.own or notes.origins and _cut(notes.origins[-1]) or notes.rewritten and _cut(notes.rewritten):
            if any(_cut(text) for text in [*notes.origins, notes.rewritten or ""]) or any(
                    name.endswith("-") for name in notes.ignored) or any(
                    line.lstrip().startswith(("previous msg", "hand: ", "ignore-")) for line in notes.own):
                notes = cls._read(_unwrapped(lines, entry))
        return notes

    @classmethod
    def _read(cls, lines: list[str]) -> Notes:
        notes = cls()
        for line in lines:
            text = line.strip()
            if PROVENANCE_RE.match(text):
                notes.origins.append(text)
            elif match := _DRAFT_RE.match(text):
                notes.drafted, notes.signed = match.group(1), bool(match.group(2))
            elif match := _HAND_RE.match(text):
                notes.hand = (match.group(1), match.group(2))
            elif match := _REWRITTEN_RE.match(text):
                notes.rewritten = match.group(1)
            elif _IGNORE_RE.match(text):
                notes.ignored += [t[len("ignore-"):] for t in re.split(r"[ ,]+", text) if t]
            elif match := _PREVIOUS_RE.match(text):
                value = unescape(match.group(4))
                if match.group(1) == "msgctxt":
                    notes.previous_msgctxt = value
                else:
                    notes.previous_msgid = value
                    notes.reviewed = match.group(3) if match.group(2) == "reviewed" else None
                    notes.carried = match.group(3) if match.group(2) == "draft" else None
            else:
                notes.own.append(line)
        return notes

    def store(self, entry: polib.POEntry) -> None:
        """Write the notes as the entry's translator comment and mirror the previous text in ``#|``."""
        draft = [f"draft {self.drafted}" + ", signed off" * self.signed] if self.drafted else []
        lines = [*self.own, *dict.fromkeys(self.origins), *draft,
                 *([REWRITTEN + self.rewritten] if self.rewritten else []),
                 *([f"hand: {self.hand[0]}, {self.hand[1]}"] if self.hand else []),
                 *(f"ignore-{c}" for c in dict.fromkeys(self.ignored))]
        if self.previous_msgid is not None:
            if self.previous_msgctxt is not None:
                lines.append(f'previous msgctxt: "{escape(self.previous_msgctxt)}"')
            mark = (f", reviewed {self.reviewed}" if self.reviewed
                    else f", draft {self.carried}" if self.carried else "")
            lines.append(f'previous msgid{mark}: "{escape(self.previous_msgid)}"')
        entry.tcomment = "\n".join(lines)
        entry.previous_msgid = self.previous_msgid
        entry.previous_msgctxt = self.previous_msgctxt if self.previous_msgid is not None else None


def normalize(entry: polib.POEntry, approval_keeps_previous: bool = False, unsaved: bool = False) -> None:
    """Bring an entry as any tool left it into verlag's form (see ``Notes``); reads the older forms too.

    ``#, ignore-<check>`` flags and ``#. mt:``/``#. tm:`` extracted comments
    (what verlag wrote before these records) move into translator comments; a previous text only
    in ``#|`` is recorded; an entry signed off with ``#|`` lines of other German still there is fuzzy
    again (``stale_sign_off``), unless ``approval_keeps_previous``: the catalog was saved by an editor whose
    approval removes only the flag (Lokalize), where that is a person's sign-off and the ``#|`` lines go. So is,
    in a catalog ``unsaved`` by any PO editor since verlag wrote it (``saved_by_verlag``), an entry signed off
    unchanged with verlag's ``previous msgid`` record of other German still there (``msgattrib --clear-fuzzy
    --clear-previous``). Then ``settle`` decides what the previous text still means.
    """
    if not _settled(entry):
        _normalize(entry, approval_keeps_previous, unsaved)


def _settled(entry: polib.POEntry) -> bool:
    """Whether ``normalize`` would leave the entry as it is: it is in the form verlag writes, with no previous
    text, no older form to move and only records that stay (origin lines, each once, then a draft's
    fingerprint of a translation, marked ``signed off`` on a signed-off entry exactly while it names the msgstr;
    or a ``REWRITTEN`` line alone). Read without ``Notes.of``: most entries of a catalog
    look so, and a catalog's every entry is normalized whenever it is read (``tests/test_po_reader.py``)."""
    comment, tcomment = entry.comment, entry.tcomment
    if entry.previous_msgid is not None or entry.previous_msgctxt is not None or comment is None \
            or tcomment is None or "mt: " in comment or "tm: " in comment or "ignore-" in " ".join(entry.flags):
        return False  # (a flag holding "ignore-" further in is read in full: a detour, never a wrong answer)
    if not tcomment:
        return True
    lines = tcomment.split("\n")
    if lines[-1].startswith("draft "):
        draft = _DRAFT_RE.match(lines[-1])
        if not (draft and entry.msgstr):
            return False
        same = draft.group(1) == fingerprint(entry.msgstr)
        # signed off, the fingerprint stays marked exactly when it still names the msgstr, and a rewrite's records
        # give way to ``REWRITTEN`` (``settle``)
        if "fuzzy" not in entry.flags and (bool(draft.group(2)) != same or not same and len(lines) > 1):
            return False
        lines.pop()
    if len(lines) == 1:
        return bool(PROVENANCE_RE.match(lines[0]) or _REWRITTEN_RE.match(lines[0])) and lines[0] == lines[0].strip()
    return len(set(lines)) == len(lines) and all(PROVENANCE_RE.match(line) and line == line.strip() for line in lines)


# the attribute ``normalize`` sets on an entry it found signed off with other German as its ``#| msgid``
_STALE_SIGN_OFF = "verlag_stale_sign_off"
# the attribute ``normalize`` sets on an entry signed off unchanged with verlag's ``previous msgid`` record of
# other German still there, in a catalog whose X-Generator names an editor: (its previous msgctxt, msgid, reviewed
# and draft fingerprint); ``parse_po`` adds the header's (X-Generator, PO-Revision-Date) (``_unread_sign_off``)
_UNREAD_SIGN_OFF = "verlag_unread_sign_off"


# what a ``stale_sign_off`` entry is, and how a person signs it off: said by ``STALE_SIGN_OFF`` and
# ``reopened_warning`` alike
_BULK_SIGN_OFF = ("signed off with the German it was translated for still its previous msgid (#| msgid, or verlag's "
                  "'# previous msgid' line under a translation nobody changed): a bulk sign-off (msgattrib "
                  "--clear-fuzzy, a script) that read nothing?")
_SIGN_IT_OFF = ("sign it off in Poedit, Weblate or Lokalize, or delete its #| lines and its '# previous msgid' line "
                "with the fuzzy flag")

# what ``check``, ``status`` and ``review`` say of a ``stale_sign_off`` entry
STALE_SIGN_OFF = (f"{_BULK_SIGN_OFF} It stays out of date (stale), the page shows the German, and verlag extract "
                  f"makes it fuzzy again. If you checked it against the new German, {_SIGN_IT_OFF}")


def stale_sign_off_message(entry: polib.POEntry, german: Container[tuple[str | None, str]]) -> str:
    """What ``check`` and ``status`` say of the ``stale_sign_off`` ``entry`` before ``extract``, given the
    (msgctxt, msgid) keys of the article's German as it is now (``german``): ``STALE_SIGN_OFF``, or, where the
    author put the German back at the text the translation was made for (its previous msgid) and the entry's own
    German is gone, what ``extract`` will do then (``settle``): reviewed again when verlag's record says it was
    signed off for that German with this very msgstr, else the draft it was (fuzzy), nothing to sign off."""
    notes = Notes.of(entry)
    before = ((notes.previous_msgctxt, notes.previous_msgid) if notes.previous_msgid is not None
              else (entry.previous_msgctxt, entry.previous_msgid))
    if before[1] is None or before == key(entry) or before not in german or key(entry) in german:
        return STALE_SIGN_OFF
    if notes.reviewed == fingerprint(entry.msgstr):
        return (f"{_BULK_SIGN_OFF} The German is back at the text it was translated for: verlag extract makes it "
                "reviewed again, as it was; nothing for you to do")
    return (f"{_BULK_SIGN_OFF} The German is back at the text it was translated for: verlag extract makes it the "
            "draft of that German it was (fuzzy), for review")


def stale_sign_offs(po: polib.POFile, data: bytes | None) -> list[tuple[int, polib.POEntry]]:
    """(the line of its msgid in ``data``, the entry) of each active entry of ``po``, read from the catalog bytes
    ``data``, that was signed off in bulk (``stale_sign_off``) and is fuzzy again: what a command that writes the
    catalog back says of each (``reopened_warning``)."""
    found = [e for e in po if not e.obsolete and stale_sign_off(e)]
    if not found or not data:
        return []
    lines = data.decode("utf-8", "replace").split("\n")
    return [(msgid_line(lines, e.linenum), e) for e in found]


REOPENED = "Back to review, fuzzy, as it was"  # what ``reopened_warning`` says was done


def reopened_warning(ref: str, line: int, msgid: str) -> str:
    """What ``extract``, ``pretranslate`` and ``import`` say (after ``warning: ``) of a ``stale_sign_off`` entry at
    ``ref``:``line`` they wrote back fuzzy."""
    return (f"{ref}:{line}: {excerpt(msgid)!r} was {_BULK_SIGN_OFF} {REOPENED}: the page shows the German until "
            f"you {_SIGN_IT_OFF}")


def msgid_line(lines: list[str], start: int) -> int:
    """The line of ``msgid`` in an entry that polib says starts at ``start`` (its first comment line)."""
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].startswith("msgid "):
            return number
    return start


def obsolete_msgid_line(lines: list[str], start: int) -> int:
    """The line of ``#~ msgid`` in an obsolete entry that polib says starts at ``start`` (its first comment line),
    as ``msgid_line`` finds an active entry's."""
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].startswith(("#~ msgid ", "#~msgid ")):
            return number
    return start


def entry_line(lines: list[str], entry: polib.POEntry) -> int:
    """The line of ``entry``'s msgid in ``lines`` (the catalog it was read from): ``msgid_line``, or
    ``obsolete_msgid_line`` for an obsolete entry."""
    return (obsolete_msgid_line if entry.obsolete else msgid_line)(lines, entry.linenum)


def stale_sign_off(entry: polib.POEntry) -> bool:
    """Whether ``entry`` was read without the fuzzy flag but with GNU's ``#| msgid`` (or ``#| msgctxt``) naming
    other German than its own: a stale entry whose flag a tool cleared without a person reading it
    (``msgattrib --clear-fuzzy``, which has ``--clear-previous`` for the ``#|`` lines; a ``sed``; ``fuzzy``
    deleted in a text editor). A sign-off in Poedit or Weblate removes the previous msgid with the flag
    (Poedit's ``CatalogItem::SetFuzzy``, Weblate's ``PoUnit.set_state``), as GNU gettext means it: ``#|`` only
    explains a fuzzy entry; Lokalize's keeps it, and a catalog it saved is read as signed off
    (``approval_keeps_previous``), and so is an entry whose msgstr is no longer the one verlag's ``previous msgid``
    record names (``_rewritten_since``: a person edited it). ``normalize`` makes such an entry fuzzy again (STALE):
    its translation was made for the older German and is never published as reviewed of the new one."""
    return getattr(entry, _STALE_SIGN_OFF, False)


def _unread(entry: polib.POEntry) -> bool:
    """Whether verlag's ``previous msgid`` record of the entry names other German than its msgid and the very
    msgstr it carried there (signed off for that German, or a draft of it): a sign-off that changed nothing,
    where a person who reads the new German edits the text or, in a text editor, deletes the record too."""
    notes = Notes.of(entry)
    return notes.previous_msgid is not None \
        and (notes.previous_msgid, notes.previous_msgctxt) != (entry.msgid, entry.msgctxt) \
        and fingerprint(entry.msgstr) in (notes.reviewed, notes.carried)


def _previous_differs(entry: polib.POEntry) -> bool:
    """Whether the entry's ``#|`` lines name other German than its msgid (a ``#| msgctxt`` only counts when
    there is one: ``msgmerge --previous`` writes none for a previous text without msgctxt)."""
    return entry.previous_msgid is not None and (
        entry.previous_msgid != entry.msgid
        or entry.previous_msgctxt is not None and entry.previous_msgctxt != entry.msgctxt)


def _rewritten_since(entry: polib.POEntry) -> bool:
    """Whether verlag's ``previous msgid`` record of the entry names a translation (signed off for the older
    German, or the draft extract carried there) and the msgstr is no longer it: a person wrote new text for the
    new German, so clearing the fuzzy flag was their sign-off, whatever ``#|`` lines they left."""
    notes = Notes.of(entry)
    recorded = {notes.reviewed, notes.carried} - {None}
    return bool(recorded) and fingerprint(entry.msgstr) not in recorded


def _normalize(entry: polib.POEntry, approval_keeps_previous: bool = False, unsaved: bool = False) -> None:
    if not entry.fuzzy and entry.msgstr and _previous_differs(entry):
        # Lokalize's "Approved" (``CatalogItem::unsetFuzzy``), or a text edited for the new German: a person's sign-off
        if approval_keeps_previous or _rewritten_since(entry):
            entry.previous_msgid = entry.previous_msgctxt = None
        else:  # ``stale_sign_off``
            entry.flags.insert(0, "fuzzy")
            setattr(entry, _STALE_SIGN_OFF, True)
    elif not entry.fuzzy and entry.msgstr and entry.previous_msgid is None and _unread(entry):
        if unsaved:
            entry.flags.insert(0, "fuzzy")  # ``stale_sign_off``, its ``#|`` lines cleared with the flag
            setattr(entry, _STALE_SIGN_OFF, True)
        else:  # an editor's name in the header: the record of the last extract decides (``_unread_sign_off``)
            notes = Notes.of(entry)
            setattr(entry, _UNREAD_SIGN_OFF, (notes.previous_msgctxt, notes.previous_msgid, notes.reviewed,
                                              notes.carried))
    _mangled_previous(entry)
    notes = Notes.of(entry)
    comments = entry.comment.split("\n") if entry.comment else []
    notes.origins = [c.strip() for c in comments if PROVENANCE_RE.match(c.strip())] + notes.origins
    entry.comment = "\n".join(c for c in comments if not PROVENANCE_RE.match(c.strip()))
    notes.ignored += [f[len("ignore-"):] for f in entry.flags if f.startswith("ignore-")]
    entry.flags = [f for f in entry.flags if not f.startswith("ignore-")]
    if notes.previous_msgid is None and entry.previous_msgid is not None:
        notes.previous_msgid, notes.previous_msgctxt = entry.previous_msgid, entry.previous_msgctxt
    settle(entry, notes)


# a ``#|`` line a tool read as a translator comment and wrote back as one (Babel: ``# | msgid "…"``), its text
# after the ``#``: the field and its string, or a continuation string
_MANGLED_RE = re.compile(r'\|\s*(?:(msgctxt|msgid|msgid_plural)\s+)?"((?:[^"\\]|\\.)*)"')


def _mangled_previous(entry: polib.POEntry) -> None:
    """Take out of the entry's translator comments the ``#|`` lines a tool mangled into comments (``# | msgid
    "…"``, ``# | msgctxt "…"``: Babel's ``read_po`` reads ``#|`` as a comment and its ``write_po`` writes it
    so); each run would keep them as a reviewer's note, and the next such save added another. A fuzzy entry
    without a previous msgid of its own gets the first of them as its previous msgctxt and msgid again."""
    if not entry.tcomment or "|" not in entry.tcomment:
        return
    fields: list[list] = []  # [field, text] in order
    kept = []
    for line in entry.tcomment.split("\n"):
        match = _MANGLED_RE.fullmatch(line.strip())
        if match is None or (match.group(1) is None and not fields):
            kept.append(line)
        elif match.group(1) is None:
            fields[-1][1] += unescape(match.group(2))
        else:
            fields.append([match.group(1), unescape(match.group(2))])
    if not fields:
        return
    entry.tcomment = "\n".join(kept)
    if not entry.fuzzy or entry.previous_msgid is not None:
        return
    context = None
    for name, text in fields:
        if name == "msgctxt":
            context = text
        elif name == "msgid":
            entry.previous_msgid, entry.previous_msgctxt = text, context
            return


def _settled_import(line: str, entry: polib.POEntry) -> bool:
    """Whether ``line`` is an import's record (``IMPORTED_RECORD_RE``) a reviewer made untrue: the fuzzy pair it
    names signed off, or the text edited. The entry is theirs now; a new import keeps it either way."""
    record = IMPORTED_RECORD_RE.match(line.strip()) if line.startswith("alignment: imported") else None
    return record is not None and bool(record.group(2) or record.group(1) != fingerprint(entry.msgstr))


def settle(entry: polib.POEntry, notes: Notes) -> None:
    """Store ``notes``, keeping a previous text only while it explains a fuzzy translation.

    A previous text is dropped when a reviewer signed the entry off (no
    fuzzy flag) or when the German is back to exactly that text; then a
    translation unchanged since it was signed off is reviewed again. A
    signed-off entry also loses ``# alignment: low confidence`` (``align``'s
    doubt about an imported pair) and an import's record it no longer fits (``_settled_import``): the reviewer has
    settled it. Its ``draft`` fingerprint stays, marked
    ``signed off``, while the msgstr is still the engine's text byte for byte: the evidence that the
    reviewer accepted the draft as it was (pseudo or copy output signed off in bulk stays recognisable),
    and so does its ``mt:``/``tm:`` line, as where the text came from. Edited, the msgstr is a person's
    rewrite of the engine's text: both give way to ``# rewritten by hand from <origin>`` (``Notes.rewritten``),
    so Poedit and Weblate, which show translator comments, show no engine over it, and reopened later (fuzzy
    again, Poedit's "needs work") it is a person's unchecked text (``hand_draft``), not machine text. Signed
    off, the text is the reviewer's: reopened later it never counts as an untouched machine draft that
    ``pretranslate --redo-drafts`` replaces or an author's edit retires (``machine_draft``).
    """
    fuzzy = entry.fuzzy and bool(entry.msgstr)
    back = (notes.previous_msgid == entry.msgid and notes.previous_msgctxt == entry.msgctxt)
    if fuzzy and back and notes.reviewed == fingerprint(entry.msgstr):
        entry.flags.remove("fuzzy")
    if not fuzzy or back:
        notes.previous_msgid = notes.previous_msgctxt = notes.reviewed = notes.carried = None
    if not fuzzy:
        notes.own = [line for line in notes.own if line.strip() != LOW_CONFIDENCE and not _settled_import(line, entry)]
        if not entry.msgstr:
            notes.drafted = None
        if notes.drafted and notes.origins and notes.drafted != fingerprint(entry.msgstr):
            # signed off, the text is a person's: an origin line and fingerprint over it would tell Poedit and Weblate
            # users the engine wrote it; the record says whose it is, and reopened it is a person's (``hand_draft``)
            notes.rewritten, notes.origins, notes.drafted = notes.origins[-1], [], None
        notes.signed = notes.drafted == fingerprint(entry.msgstr)
    notes.store(entry)


@dataclass
class MergeReport:
    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    # (old entry, merged entry) of changed German kept reviewed as a typo fix (keep_typo_fixes)
    typo_fixes: list[tuple[polib.POEntry, polib.POEntry]] = field(default_factory=list)
    # changed German whose only change is a link to an article's new file (``relinked``): kept reviewed, the
    # translation's link rewritten the same way
    relinked: list[polib.POEntry] = field(default_factory=list)
    changed: list[polib.POEntry] = field(default_factory=list)  # new German that took an old translation (fuzzy)
    # new German whose old sentence had only an untouched machine draft: the draft went obsolete, the entry
    # waits empty for pretranslate (the German changed; nothing a person wrote was there to carry)
    redrafted: list[polib.POEntry] = field(default_factory=list)
    added: list[polib.POEntry] = field(default_factory=list)  # new German without a translation to carry
    # those of ``added`` that are changed German: its old entry, as alike as a translation is paired, was empty
    unstarted: list[polib.POEntry] = field(default_factory=list)
    retired: list[polib.POEntry] = field(default_factory=list)  # translated entries that became obsolete
    # German the author changed and then changed back to the text its translation was reviewed for:
    # reviewed again (``settle``)
    restored: list[polib.POEntry] = field(default_factory=list)
    # German put back after it had been removed: its obsolete entry's translation live again, its state as it was
    revived: list[polib.POEntry] = field(default_factory=list)
    # (old entry without msgctxt, the title / summary / tag entry of the same German that took its translation)
    contexts: list[tuple[polib.POEntry, polib.POEntry]] = field(default_factory=list)
    # (old entry, merged entry) of msgids edited in the catalog, not in the German: the German taken back
    msgid_edits: list[tuple[polib.POEntry, polib.POEntry]] = field(default_factory=list)
    # (old entry, merged entry) of msgids replaced in the catalog by other text (a reviewer who typed the
    # translation over the German), found by the place they still name (``replaced_msgids``): the German taken
    # back, that entry's translation fuzzy
    msgid_replaced: list[tuple[polib.POEntry, polib.POEntry]] = field(default_factory=list)
    # (old entry, merged entry) of the same msgid whose msgctxt was added, changed or removed in the catalog (a
    # tool's), not in the German: the German's msgctxt taken back
    msgctxt_edits: list[tuple[polib.POEntry, polib.POEntry]] = field(default_factory=list)
    # (leftover entry of the old German, live fuzzy entry, "newer" / "older" / "reviewed" / "kept", the text that lost;
    # or "merged", "": a translation that came with a merge, given to the changed sentence that had none
    # (``_merged_in``); "revived", "": likewise an obsolete entry whose #~ a person removed)
    rivals: list[tuple[polib.POEntry, polib.POEntry, str, str]] = field(default_factory=list)
    # merged entries whose translations, gone from the catalog, came back from the catalog extract last wrote
    brought_back: list[polib.POEntry] = field(default_factory=list)
    # (merged entry, the old entry it replaced) of German whose old entry was an older copy's draft where extract
    # last left a person's translation of the same German (``_left_newer``), or an older copy's translation of
    # the German before it changed (``_left_for_changed``, that entry kept as obsolete): that translation back;
    # in such a catalog also an empty entry where extract last left a sign-off (``_emptied_in_copy``)
    reverted: list[tuple[polib.POEntry, polib.POEntry]] = field(default_factory=list)
    # ids of the old entries of ``reverted`` that held German the author put back since, as an obsolete entry or one
    # a tool revived (``_put_back_since``, ``_revived_by_tool``): their text is dropped, named
    put_back: set[int] = field(default_factory=set)
    # id of each entry of ``changed`` and ``redrafted`` -> the (msgctxt, msgid) of the old entry it was paired with
    paired: dict[int, tuple] = field(default_factory=dict)
    # old plural entries (msgid_plural, msgstr[n]) read as one sentence's (``_singular``): (the old entry, the
    # forms after the one kept as msgstr)
    plurals: list[tuple[polib.POEntry, list[str]]] = field(default_factory=list)
    # (old entry, its format flags, dropped): an article's sentence is no format string (``format_flags``)
    format_flags: list[tuple[polib.POEntry, list[str]]] = field(default_factory=list)
    # (old entry, the merged entries of its German split into sentences of their own): each took its translation,
    # fuzzy (``_regrouped``)
    splits: list[tuple[polib.POEntry, list[polib.POEntry]]] = field(default_factory=list)
    # (merged entry, the old entries of the sentences joined into its German): it took their translations joined
    joins: list[tuple[polib.POEntry, list[polib.POEntry]]] = field(default_factory=list)
    # the lines after the last entry that only an entry's own comments hold (``#.``, ``#:``, ``#,``, ``#|``),
    # dropped: what is left of an entry the file was cut off in (``own_words``)
    cut_off: list[str] = field(default_factory=list)


# a comment line only verlag, msgmerge or an editor writes, each for the entry below it: extracted, reference, flags,
# previous msgid; not one emptied (``#,``: a flag deleted in a text editor, its line left), which gettext passes over
_ENTRY_COMMENT = re.compile(r"[ \t]*#[.:,|][ \t]*\S")


def own_words(trailer: str) -> tuple[str, list[str]]:
    """(the comments after the last entry a person wrote, the others) of a catalog's ``trailer``
    (``pofile.trailer``). A reviewer's ``# note`` there is kept; an extracted comment, reference, flag or previous
    msgid line belongs to an entry below it, and the end of a file has none: it is what is left of the entry a
    truncated file was cut off in (``#, markdow``), which extract kept at the end of the catalog for good."""
    if not trailer:
        return "", []
    lines = trailer.splitlines(keepends=True)
    cut = [line.rstrip("\r\n") for line in lines if _ENTRY_COMMENT.match(line)]
    kept = "".join(line for line in lines if not _ENTRY_COMMENT.match(line))
    return (kept if kept.strip() else ""), cut


def deleted_entries() -> str:
    """Why a catalog lacks live entries of German it was last merged with, and nothing else differs: a tool or a
    person deleted them (``msgattrib --only-fuzzy`` writes the fuzzy entries only). Said alike by ``extract``, which
    brings them back from its record, and by ``check`` (``drift.Drift.message``) before that run."""
    return "entries deleted, e.g. by msgattrib --only-fuzzy or a save of part of the file"


def cut_off_message(cut: list[str], doing: str) -> str:
    """What ``extract`` and ``check`` say of a catalog that ends in the comment lines ``cut`` (``own_words``);
    ``doing``: what becomes of them."""
    return (f"the catalog ends in {len(cut)} comment line{'s' if len(cut) > 1 else ''} of an entry without its msgid "
            f"({', '.join(repr(excerpt(c)) for c in cut)}): what is left of an entry the file was cut off in (a copy "
            f"or download that stopped early?); {doing}, as extract writes those lines for each entry itself; a "
            "comment of your own (# …) there is kept. If entries were lost with the rest of the file, bring the "
            "catalog back from git or a backup")


def cut_off_line(lines: list[str], cut: list[str]) -> int:
    """The line of ``lines`` (a catalog's) where its ending comment lines ``cut`` start."""
    return next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip() == cut[0].strip()), len(lines))


def merge(old: polib.POFile | None, pot: polib.POFile, lang: str,
          threshold: float = FUZZY_THRESHOLD, keep_typo_fixes: bool = False,
          german_before: Callable[[], Container[tuple]] | None = None,
          last_written: Callable[[], polib.POFile | None] | None = None,
          same_article: Callable[[str, str], bool] | None = None) -> tuple[polib.POFile, MergeReport]:
    """Carry translations from ``old`` onto the entries of ``pot``; lose nothing a reviewer wrote.

    Format flags (``c-format``, ``python-format``) a tool added are dropped (``_unformatted``). Exact (msgctxt,
    msgid) matches keep msgstr, flags and comments, also when
    the text comes back from obsolete. Changed text takes the most similar
    unused old translation at least ``threshold`` alike (``similarity``) as
    ``fuzzy`` with ``#| msgid``, the German that translation was made for
    (``_carry``); a changed title or summary takes the old title's or
    summary's, however unlike (``_same_field``: an article has one of each;
    ``threshold`` over 100 pairs nothing, not even these), unless that is a machine draft
    nobody touched (``machine_draft``): it goes obsolete and the new German
    stays empty for ``pretranslate`` (reported as ``redrafted``), keeping the
    reviewer's own comment lines of the draft (``Notes.own``). A tag
    (``TAG_CONTEXT``) is a name: another tag is a new entry, never a reworded
    one. A short text (``EXTENDED_WORDS``) the author extended, too unlike its longer self to pair, takes its
    translation the same way where nothing else took either entry (``_extended``). With ``keep_typo_fixes``, a
    reviewed translation whose German changed only trivially
    (``typos.is_typo_fix``, same msgctxt) is taken first and stays reviewed.
    ``same_article(old, new)``: whether two link destinations lead to the same article (``alt.md`` and
    ``neu.md`` after a rename verlag recorded); a reviewed translation whose German changed only in such links
    stays reviewed, each of its links to the old destination rewritten to the new one (``relinked``), reported as
    ``relinked``: the page showed the same link before. Where its translation does not link the old destination
    as the German did, it goes back to review as any change does.
    German changed back to the text a stale entry's translation was reviewed
    for makes it reviewed again (``settle``), reported as ``restored``: it is
    paired with that entry first, however unlike the German was in between.
    German put back exactly as an obsolete entry's takes it back, its translation and state
    as they were, reported as ``revived``; put back changed, it takes the obsolete translation as
    changed German does (fuzzy, the old German as previous msgid), as msgmerge does. A sentence split in two or
    three, and sentences joined into one, keep every translation (``_regrouped``, reported as ``splits`` and
    ``joins``). Unused translations become obsolete ``#~`` entries. ``old`` comes from
    ``parse_po``, so its records are in the form ``Notes`` describes. An entry of ``old`` with plural forms
    (``msgid_plural``, which no article sentence has) takes part as its first translated form, fuzzy
    (``_singular``), reported as ``plurals``: a tool's plural entry never takes the reviewer's text with it.

    ``german_before()``: the (msgctxt, msgid) keys of the template ``old`` was
    last merged with (empty when unknown), asked only when a sentence is
    paired. An old msgid that template does not have, paired with German that
    it has, is no change of the author's but an edit of the msgid in the
    catalog (a reviewer's slip): the entry takes the German back, keeping its
    translation, and its state where the edit is a slip's size (``_slip``) or the translation is the one the last
    extract left with the German (``last_written``); else it may translate the edited text: fuzzy, the edited msgid
    as its previous msgid,
    reported as ``msgid_edits``; a msgid replaced by text unlike it (a reviewer's translation typed over it),
    which no similarity pairs, by the place its ``#:`` and ``#.`` lines name (``replaced_msgids``): fuzzy,
    reported as ``msgid_replaced``; or as ``msgctxt_edits``
    when only its msgctxt differs (a tool added, changed or removed it). Without that template (``old`` has no
    ``TEMPLATE_FIELD``), by ``last_written()`` instead (``edited_since``).

    ``last_written()``: the catalog as ``extract`` last left it (verlag's record, ``parse_po``'s form), None when
    unknown or when ``old`` is still those very bytes; asked only when an answer can change the merge. It
    decides two rules that keep a reviewer's work a merge of catalogs would lose:

    - A translation of the old German of a changed sentence, left over in ``old`` (a git merge that kept
      both sides, ``msgcat`` of the reviewer's and the author's catalog) with other text than the live
      fuzzy entry whose previous msgid that German is (``_rivals``; or, a person's text of German the author
      changed again while stale, whose German is the most like its own): the newer one goes live, fuzzy, the
      German it was made for its previous msgid. A leftover whose text is the one extract carried there (the text the
      live entry's ``previous msgid, reviewed`` or ``previous msgid, draft`` fingerprint names) or the one
      ``last_written`` had there is an older copy: the reviewer's later text stays with the copy's own
      comment lines and flags, the copy goes. The live entry's text is the copy extract made when it is the text that
      fingerprint names or, without one, the text ``last_written`` had: then the leftover is newer and
      replaces it. Otherwise both were edited:
      a signed-off leftover goes live, and the other text stays as an obsolete (fuzzy) entry of the old
      German; neither is dropped. Reported as ``rivals``. A leftover whose German ``german_before()`` had not
      either came with the merge: paired with an untranslated entry of that template's German as changed German is,
      it takes the translation (``_merged_in``): a sentence nobody had translated, changed by the author while a
      reviewer translated it on a branch.
    - Translations ``last_written`` had whose entries are gone from ``old`` altogether (``msgattrib
      --only-fuzzy`` writes the fuzzy entries only; a catalog restored from before the author's change, whose
      entry of the earlier German holds only an untouched machine draft), for German the template still has,
      come back as they were, unless something a person wrote was carried there; an untouched machine draft is
      left for ``pretranslate``. Reported as ``brought_back`` (those of the second kind also in ``paired``); an
      entry a reviewer kept (emptied or retranslated) is never replaced.
    - A person's translation ``last_written`` had for German ``old`` holds only as an older copy has it (an
      untouched draft, or the draft before its sign-off: ``_left_newer``; a translation of the German before the
      author changed it: ``_left_for_changed``) comes back as it was, and so does each signed-off translation
      ``last_written`` had whose entry the same catalog holds empty (``_emptied_in_copy``). Reported as
      ``reverted``.
    """
    report = MergeReport()
    po = polib.POFile()
    po.metadata = _metadata(old, pot, lang)
    po.header = _header(pot, lang, old.header if old is not None else "")
    # a reviewer's comments after the last entry (``pofile.parse``); those of an entry cut off dropped, reported
    po.trailer, report.cut_off = own_words(getattr(old, "trailer", ""))
    entries = [_unformatted(_singular(e, report), report) for e in old] if old is not None else []
    active = [e for e in entries if not e.obsolete]
    retired = [e for e in entries if e.obsolete]
    by_key = {key(e): e for e in retired}
    by_key.update({key(e): e for e in active})
    if last_written is not None:
        last_written = _sign_offs_back(active, last_written)
    record: list[polib.POFile | None] = []

    def written() -> polib.POFile | None:
        if not record:
            record.append(last_written() if last_written is not None else None)
        return record[0]

    left: list[dict[tuple, polib.POEntry]] = []  # the record's active entries by key, read once when first asked
    used: set[int] = set()
    pending: list[polib.POEntry] = []

    copy_keys = _copy_keys(active)
    empties: list[tuple[polib.POEntry, polib.POEntry]] = []  # (merged entry, old entry) of German held empty
    for template in pot:
        entry = _copy(template)
        po.append(entry)
        previous = by_key.get(key(template))
        if previous is not None and last_written is not None \
                and (newer := _left_newer(previous, old.metadata, written, left, copy_keys)) is not None:
            _carry(entry, newer, exact=True)  # the older copy's draft is dropped: see ``_left_newer``
            used.add(id(previous))
            report.kept += 1
            report.reverted.append((entry, previous))
            if previous.obsolete or not previous.fuzzy and previous.msgstr:  # of German put back since
                report.put_back.add(id(previous))
        elif previous is not None:
            _carry(entry, previous, exact=True)
            used.add(id(previous))
            report.kept += bool(previous.msgstr)
            if not previous.obsolete and not previous.msgstr and not previous.msgid_plural:
                empties.append((entry, previous))
            if previous.obsolete and (previous.msgstr or any(previous.msgstr_plural.values())):
                report.revived.append(entry)
        else:
            pending.append(entry)
    _context_dropped(po, active, used, report)
    carried = {id(target) for _, target in report.contexts}
    pending = [entry for entry in pending if id(entry) not in carried]  # no new German: it has its translation
    # An untouched machine draft of German that changed is no translation of the new German: nobody checked
    # it, and a reader would get the old sentence. It goes obsolete (kept as #~) and the new German waits
    # for pretranslate, instead of carrying the old draft as "changed since it was checked"; it is still
    # matched, so the report can tell a changed sentence (``redrafted``) from a new one.
    candidates = [e for e in active if id(e) not in used and e.msgstr]
    claimed = set(used)  # old entries matched to new German: carried, or (machine drafts) left to go obsolete
    candidates_german = nearest.Choices([e.msgid for e in candidates])
    fields = _by_field(candidates)

    def typo_fix(n: int, m: int) -> bool:
        entry, cand = pending[n], candidates[m]
        return (keep_typo_fixes and entry.msgctxt == cand.msgctxt and entry_state(cand) == REVIEWED
                and is_typo_fix(cand.msgid, entry.msgid))

    # German put back exactly as a stale entry's translation was made for (its previous msgid) is that entry's,
    # however unlike its last edit: paired first, above any similarity (``_PUT_BACK``)
    put_back = {(c.previous_msgctxt, c.previous_msgid): m for m, c in enumerate(candidates)
                if c.fuzzy and c.previous_msgid is not None and not c.msgid_plural}

    def ranked(n: int) -> Iterator[tuple[tuple, int]]:
        """The old entries new German n may be paired with, each with its key (put back first; then the old
        entry of the title or summary it is, ``_same_field``; then a typo fix; the most alike first; a tie to the
        new German first in template order, then to the old entry first in the catalog's), in the order
        ``greedy.pairs`` takes them: ``Choices.most_alike``'s, all of them sorted with ``keep_typo_fixes`` (a typo
        fix goes first however alike)."""
        entry = pending[n]
        if key(entry) in put_back:
            yield (0, True, -_PUT_BACK, n, put_back[key(entry)]), put_back[key(entry)]
        yield from sorted(((1, not typo_fix(n, m), -score, n, m), m)
                          for m, score in _same_field(entry, candidates, fields, threshold))
        found = (((2, not typo_fix(n, m), -score, n, m), m)
                 for m, score in candidates_german.most_alike(entry.msgid, threshold)
                 if TAG_CONTEXT not in (entry.msgctxt, candidates[m].msgctxt))
        yield from sorted(found) if keep_typo_fixes else found

    taken_new: set[int] = set()

    before: list[Container[tuple]] = []

    def edited_in_catalog(entry: polib.POEntry, cand: polib.POEntry) -> bool:
        if german_before is None:
            return False
        if not before:
            before.append(german_before())
        if before[0]:
            return key(cand) not in before[0] and key(entry) in before[0]
        return edited_since(written(), entry, cand)

    def take(n: int, cand: polib.POEntry, fuzzy: bool) -> None:
        taken_new.add(n)
        claimed.add(id(cand))
        report.paired[id(pending[n])] = key(cand)
        if edited_in_catalog(pending[n], cand):
            used.add(id(cand))
            if cand.msgid == pending[n].msgid:
                _carry(pending[n], cand, exact=True)
                report.msgctxt_edits.append((cand, pending[n]))
                return
            # a slip (a typo's few characters, spaces) or a translation the last extract left with this German
            # keeps its state; one made since around a msgid reworded may translate the edited text (trial 23:
            # "… (z. B. Lachs)" translated, signed off, and shown under German that names no salmon): back to
            # review, the edited text as its previous msgid, as if the German had changed from it
            _carry(pending[n], cand, exact=_slip(cand.msgid, pending[n].msgid)
                   or _left_with(written(), pending[n], cand))
            report.msgid_edits.append((cand, pending[n]))
            return
        if machine_draft(cand) is not None:
            report.redrafted.append(pending[n])
            if own := Notes.of(cand).own:  # a reviewer's note on the sentence stays with it, the draft goes
                notes = Notes.of(pending[n])
                notes.own = [*own, *notes.own]
                notes.store(pending[n])
            return
        if last_written is not None \
                and (newer := _left_for_changed(pending[n], cand, old.metadata, written, left)) is not None:
            _carry(pending[n], newer, exact=True)  # ``cand``, claimed and not used, is kept as an obsolete entry
            report.reverted.append((pending[n], cand))
            return
        used.add(id(cand))
        if fuzzy and same_article is not None and entry_state(cand) == REVIEWED \
                and cand.msgctxt == pending[n].msgctxt \
                and (text := relinked(cand.msgid, pending[n].msgid, cand.msgstr, same_article)) is not None:
            _carry(pending[n], cand, exact=True)
            pending[n].msgstr = text
            report.relinked.append(pending[n])
            return
        _carry(pending[n], cand, exact=not fuzzy)
        if fuzzy and not pending[n].fuzzy:  # settle() found the German back at its reviewed text
            report.restored.append(pending[n])
        elif fuzzy:
            report.fuzzy += 1
            report.changed.append(pending[n])
        else:
            report.typo_fixes.append((cand, pending[n]))

    for (_, fuzzy, *_), n, m in greedy.pairs(len(pending), ranked, lambda n, m: id(candidates[m]) not in claimed):
        take(n, candidates[m], fuzzy)
    if german_before is not None and len(taken_new) < len(pending):
        if not before:
            before.append(german_before())
        for n, cand in replaced_msgids(pending, taken_new, [c for c in candidates if id(c) not in claimed],
                                       before[0], written):
            taken_new.add(n)
            claimed.add(id(cand))
            used.add(id(cand))
            _carry(pending[n], cand, exact=True)
            if not pending[n].fuzzy:
                pending[n].flags.insert(0, "fuzzy")
            report.msgid_replaced.append((cand, pending[n]))
    report.added = [entry for n, entry in enumerate(pending) if n not in taken_new]
    redrafts = claimed - used  # matched machine drafts, left to go obsolete
    if report.added and last_written is not None:
        _bring_back(report, written(), by_key, report.added)
    if report.redrafted and last_written is not None:  # a catalog older than the German (restored from git)
        _bring_back(report, written(), by_key, report.redrafted)
    if report.reverted and empties:
        for entry, previous, newer in _emptied_in_copy(empties, written, left):
            _carry(entry, newer, exact=True)
            report.kept += 1
            report.reverted.append((entry, previous))
    if report.added or report.changed:
        _regrouped(po, active, used, claimed, report, lang, threshold)
    if report.added:
        _from_obsolete(report, [e for e in retired if id(e) not in used and e.msgstr and machine_draft(e) is None],
                       used, threshold)
    if report.added and threshold <= 100:
        _extended(po, report, active, used, claimed)
    if report.added:
        untranslated = [e for e in active if id(e) not in used and not e.msgstr and not e.msgid_plural]
        report.unstarted = [report.added[n] for n, _ in alike(report.added, untranslated, threshold)]
        _notes_along(report.added, [e for e in untranslated if e.tcomment and Notes.of(e).own], used, threshold)
    report.new = len(report.added) - len(report.unstarted)
    seen = {key(e) for e in po}
    leftovers = [e for e in active if id(e) not in used and e.msgstr and not e.msgid_plural and key(e) not in seen]
    if leftovers:
        stale = {key(e) for e in active if e.fuzzy and e.previous_msgid is not None}
        for gone in _rivals(po, leftovers, written, report, threshold, stale, keep_typo_fixes):
            used.add(id(gone))
            if gone.obsolete:  # the text that lost, kept findable as an obsolete entry of the old German
                po.append(gone)
                seen.add(key(gone))
        strays = [e for e in leftovers if id(e) not in used and machine_draft(e) is None]
        if strays and german_before is not None:
            if not before:
                before.append(german_before())
            # the German of the template old was last merged with; unknown (msgcat merged the header), the entries
            # the last extract left
            german = before[0] or {key(e) for e in written() or () if not e.obsolete}
            if german:
                used.update(_merged_in(po, strays, german, by_key, report, threshold, written))
    newly = [e for e in active if id(e) not in used and (e.msgstr or e.tcomment)]
    newly_ids = {id(e) for e in newly}  # looked up by identity: "in newly" compared entries field by field, n² times
    for entry in [*newly, *(e for e in retired if id(e) not in used)]:
        if key(entry) in seen:
            continue
        seen.add(key(entry))
        gone = _copy(entry)
        gone.obsolete = True
        gone.occurrences, gone.comment = [], ""  # a place in the German it no longer has, as msgmerge does
        # every msgid verlag extracted is Markdown; tools drop the flag from #~ entries too
        gone.flags = ["fuzzy"] * entry.fuzzy + [FLAG] + [f for f in entry.flags if f not in ("fuzzy", FLAG)]
        po.append(gone)
        if id(entry) in newly_ids and id(entry) not in redrafts:  # a redrafted sentence's old draft: counted there
            report.obsolete += 1
            report.retired.append(gone)
    return po, report


# An inline link's or image's destination, after "](": in <…>, or up to a space or parenthesis (CommonMark 6.3)
_DESTINATION = re.compile(r"(?<=\]\()(?:<[^<>\n]*>|[^\s()<>]+)")


def _copy_keys(entries: Iterable[polib.POEntry]) -> Callable[[], tuple[list[tuple], str]]:
    """``copy_keys`` for ``_left_newer``: the active keys of ``entries`` in order and their ``german_digest``,
    worked out when first asked (most merges never ask) and then kept; ``entries`` is read then, as it is by then."""
    memo: list[tuple[list[tuple], str]] = []

    def copy_keys() -> tuple[list[tuple], str]:
        if not memo:
            keys = [key(e) for e in entries if not e.obsolete]
            memo.append((keys, german_digest(keys)))
        return memo[0]
    return copy_keys


def _left_newer(entry: polib.POEntry, metadata: dict[str, str], written: Callable[[], polib.POFile | None],
                left: list[dict[tuple, polib.POEntry]],
                copy_keys: Callable[[], tuple[list[tuple], str]] = lambda: ([], "")) -> polib.POEntry | None:
    """The entry of ``entry``'s German that extract last left (``written()``, its active entries by key cached in
    ``left``) when ``entry`` can only come from an older copy of the catalog (a reviewer's old download, a file
    from an old commit copied over the current one), else None. So when ``entry`` is, for the same German:

    - an untouched machine draft (``machine_draft``, fuzzy) where extract left a person's translation (signed off,
      or a draft a person edited), in a catalog older than that record (``older_header``: its header, with
      ``metadata``, names an earlier template or an earlier revision) or where that translation is the very draft
      signed off (its ``draft <fingerprint>, signed off`` names the draft's text), or a person's rewrite of a draft
      of that very engine signed off (``rewritten by hand from <origin>``) in a catalog whose header is still the
      one extract left (``_back_to_draft``). A reviewer who wants a translation gone empties its msgstr, and
      ``pretranslate`` may draft it again before the next extract: that draft, under a later PO-Revision-Date
      (pretranslate stamps it), is the reviewer's choice and stays;
    - a person's draft (fuzzy, its engine's ``draft`` fingerprint not its text) of the very text extract left
      signed off as that person's rewrite (``REWRITTEN`` of the same engine): the entry as it was before that
      sign-off, which wrote the ``REWRITTEN`` line in place of those records (``settle``); reopened later, it would
      keep that line.

    - a stale entry (``#| msgid``) where extract left the same German signed off (``_stale_again``).
    - an obsolete entry (``#~``) of German extract left live with a person's translation, in a catalog whose
      header is older than that record's (``_put_back_since``), or such an entry a tool revived (msgmerge of the
      copy with the template: ``_revived_by_tool``, ``copy_keys()`` the catalog's active keys in order and their
      ``german_digest``).

    ``merge`` then takes the entry extract left, in its state; the older copy's entry is dropped, not kept as
    ``#~``: an obsolete entry of the same msgid makes msgfmt fail ("duplicate message definition"), and it is an
    engine's draft that ``pretranslate`` makes again, or the same text; git's history has it."""
    if entry.obsolete:
        return _put_back_since(entry, metadata, written, left)
    if not entry.fuzzy and entry.msgstr and entry.occurrences and not entry.msgid_plural:
        return _revived_by_tool(entry, metadata, written, left, copy_keys)
    if entry.fuzzy and entry.msgstr and entry.previous_msgid is not None and not entry.msgid_plural:
        return _stale_again(entry, metadata, written, left)
    if not entry.fuzzy or not entry.msgstr or entry.previous_msgid is not None or entry.msgid_plural \
            or "draft " not in (entry.tcomment or "") and machine_draft(entry) is None:
        return None
    draft = machine_draft(entry) is not None
    notes = Notes.of(entry)
    if not draft and not (notes.origins and notes.drafted and not notes.signed):
        return None
    newer = _last_left(entry, written, left)
    if newer is None or not newer.msgstr or newer.msgid_plural or machine_draft(newer) is not None \
            or review_state(newer) not in (REVIEWED, HAND, STALE):
        return None
    if draft:
        signed = Notes.of(newer)
        return newer if (signed.signed and signed.drafted == fingerprint(entry.msgstr)
                         or older_header(metadata, written())
                         or _back_to_draft(entry, newer, metadata, written())) else None
    return newer if (not newer.fuzzy and newer.msgstr == entry.msgstr
                     and Notes.of(newer).rewritten == notes.origins[-1]) else None


def _last_left(entry: polib.POEntry, written: Callable[[], polib.POFile | None],
               left: list[dict[tuple, polib.POEntry]]) -> polib.POEntry | None:
    """The active entry of ``entry``'s German (msgctxt, msgid) in the catalog extract last wrote (``written()``),
    its entries by key read once per catalog into ``left``; None where it had none."""
    if not left:
        left.append({key(e): e for e in written() or () if not e.obsolete})
    return left[0].get(key(entry))


def _emptied_in_copy(empties: list[tuple[polib.POEntry, polib.POEntry]], written: Callable[[], polib.POFile | None],
                     left: list[dict[tuple, polib.POEntry]]) -> list[tuple[polib.POEntry, polib.POEntry,
                                                                            polib.POEntry]]:
    """Of ``empties``, (entry, the catalog's entry) pairs of German the catalog holds empty, those where extract
    last left a signed-off translation (reviewed: not fuzzy, no previous msgid) and the entry is still empty, each
    with that record entry (``_last_left``) as a third item. Asked only of a catalog that other entries show to be
    an older copy (``_left_newer``, ``_left_for_changed``; fresh-user trial 17: ``git show HEAD~1:… > …`` of a
    catalog whose two sentences the reviewer had translated from empty brought back three sign-offs and left those
    two empty).

    An emptied msgstr alone is how a reviewer takes a translation back on purpose (README), so it is judged by the
    file it is in: in a catalog with no other sign of an older copy it stays empty; in one that is an older copy,
    it is that copy's too, from before the sign-off, and the translation comes back with the others."""
    found = []
    for entry, previous in empties:
        newer = _last_left(previous, written, left)
        if entry.msgstr or newer is None or newer.fuzzy or not newer.msgstr or newer.msgid_plural \
                or newer.previous_msgid is not None or review_state(newer) != REVIEWED:
            continue
        found.append((entry, previous, newer))
    return found


def _stale_again(entry: polib.POEntry, metadata: dict[str, str], written: Callable[[], polib.POFile | None],
                 left: list[dict[tuple, polib.POEntry]]) -> polib.POEntry | None:
    """For ``_left_newer``: the entry extract last left for the German of ``entry``, a stale entry (fuzzy, with the
    earlier German as ``#| msgid``), when that record has the same German signed off (reviewed, no previous msgid)
    and the catalog's header is the record's or older (``_same_header``, ``older_header``); else None.

    Only an older copy of the catalog gets there (fresh-user trial 17: ``git show HEAD~1:… > …`` of a catalog a
    reviewer signed off in a text editor took back five sign-offs, and every command said it was up to date):
    ``#| msgid`` lines are written by ``extract`` (and msgmerge) alone, for German that changed since the entry's
    translation, and a sign-off removes them; no later step of a reviewer's puts them back under the same German,
    and a tool that would (msgmerge) only does so for a changed msgid. A reviewer who wants the sign-off gone adds
    ``#, fuzzy`` (no ``#|``) or empties the msgstr, both kept as they are."""
    newer = _last_left(entry, written, left)
    if newer is None or newer.fuzzy or not newer.msgstr or newer.msgid_plural or newer.previous_msgid is not None \
            or review_state(newer) != REVIEWED:
        return None
    record = written()
    return newer if _same_header(metadata, record) or older_header(metadata, record) else None


def _put_back_since(entry: polib.POEntry, metadata: dict[str, str], written: Callable[[], polib.POFile | None],
                    left: list[dict[tuple, polib.POEntry]]) -> polib.POEntry | None:
    """For ``_left_newer``: the entry extract last left for the German of ``entry``, an obsolete entry (``#~``),
    when that record has the German live with a person's translation (signed off, a person's draft, or stale; no
    engine's untouched draft) and the catalog's header is older than the record's (``older_header``); else None.

    Only an older copy of the catalog gets there (trial 32: the catalog of a commit from while the sentence was
    deleted, put back after the author restored it and the reviewer retranslated it): extract makes an entry
    obsolete only for German the template no longer has, and took it live again (``revived``) when the German came
    back, so the record's text is that translation or a reviewer's edit of it since. Revived again, the copy's
    ``#~`` text would replace the newer one; msgmerge does that too. The copy's header names the template it was
    merged with, one without this German, so it is older than the record's, which has it. The copy's text is not
    kept as ``#~``: an obsolete entry of the same German as a live one makes msgfmt fail; the warning names it."""
    newer = _last_left(entry, written, left)
    if newer is None or not newer.msgstr or newer.msgid_plural or machine_draft(newer) is not None \
            or review_state(newer) not in (REVIEWED, HAND, STALE) or not older_header(metadata, written()):
        return None
    return newer


def _revived_by_tool(entry: polib.POEntry, metadata: dict[str, str], written: Callable[[], polib.POFile | None],
                     left: list[dict[tuple, polib.POEntry]],
                     copy_keys: Callable[[], tuple[list[tuple], str]]) -> polib.POEntry | None:
    """For ``_left_newer``: the entry extract last left for the German of ``entry``, a live translation with
    ``#:`` lines, when that record has another person's translation of it (``_put_back_since``'s kinds), the
    catalog's header is older than the record's (``older_header``) and names German without this entry's: its
    ``TEMPLATE_FIELD`` is the digest of the catalog's other active keys (``copy_keys()``, in order). extract writes
    an entry for each key of the template it names, and no other; so this one came in after, with the ``#:``
    lines a tool takes from the template: ``msgmerge --previous old.po x.pot`` of a copy from while the sentence
    was deleted revives its ``#~`` text (trial 32). A person who revives such an entry by hand writes no ``#:``
    line (``_merged_in``'s "revived"), and their text stays. A catalog whose active keys are the German its header
    names, as every catalog extract wrote, has no such entry: the record is not read for it."""
    mine = metadata.get(TEMPLATE_FIELD)
    if not mine:
        return None
    keys, digest = copy_keys()
    if digest == mine:
        return None
    newer = _last_left(entry, written, left)
    if newer is None or not newer.msgstr or newer.msgstr == entry.msgstr or newer.msgid_plural \
            or machine_draft(newer) is not None or review_state(newer) not in (REVIEWED, HAND, STALE) \
            or not older_header(metadata, written()):
        return None
    return newer if german_digest(k for k in keys if k != key(entry)) == mine else None


def older_copy(po: polib.POFile, last_written: Callable[[], polib.POFile | None], missing: Iterable[tuple] = (),
               german: Container[tuple] = frozenset()) -> list[tuple[polib.POEntry, polib.POEntry]]:
    """For the commands that only read (``check``, ``status``): the active entries of ``po`` that the next
    ``extract`` replaces with the translation it last left, judged as ``merge`` judges them: an older copy's
    drafts of the same German (``_left_newer``); its obsolete entries (``#~``) of German put back since that
    extract left live (``_put_back_since``), and its translations of the German before the author changed it
    (``_left_for_changed``), where ``missing`` (the template's keys ``po`` has no entry for, in template order:
    ``drift.Drift.missing``) is paired as ``merge`` pairs changed German (``alike``) with the translated entries of
    German the template (its keys: ``german``) no longer has; then, in such a catalog, its empty entries of German
    that extract left signed off (``_emptied_in_copy``). Each with that entry; ``last_written()`` as ``merge``'s,
    asked only when an entry may be one."""
    left: list[dict[tuple, polib.POEntry]] = []
    asked: list[polib.POFile | None] = []

    def written() -> polib.POFile | None:
        if not asked:
            asked.append(last_written())
        return asked[0]

    missing = list(missing)
    wanted = set(missing)
    copy_keys = _copy_keys(po)
    found = [(e, newer) for e in po if (not e.obsolete or key(e) in wanted)
             and (newer := _left_newer(e, po.metadata, written, left, copy_keys)) is not None]
    changed = [new_entry(msgctxt=msgctxt, msgid=msgid) for msgctxt, msgid in missing if (msgctxt, msgid) not in
               {key(e) for e, _ in found}]
    earlier = [e for e in po if not e.obsolete and e.msgstr and not e.msgid_plural and key(e) not in german] \
        if changed else []
    if earlier:
        found += [(earlier[m], newer) for n, m in alike(changed, earlier, FUZZY_THRESHOLD)
                  if machine_draft(earlier[m]) is None  # ``merge`` leaves such German to pretranslate
                  and (newer := _left_for_changed(changed[n], earlier[m], po.metadata, written, left)) is not None]
    if found:  # the file is an older copy: its empty entries are the copy's too (``_emptied_in_copy``)
        empties = [(e, e) for e in po if not e.obsolete and not e.msgstr and not e.msgid_plural]
        found += [(e, newer) for e, _, newer in _emptied_in_copy(empties, written, left)]
    return found


def bring_back_older_copy(po: polib.POFile, last_written: Callable[[], polib.POFile | None],
                          text: Callable[[], str]) -> list[int]:
    """For ``pretranslate``, which stamps ``PO-Revision-Date`` on a catalog it writes: give the ``older_copy``
    entries of ``po`` the translation, flags and records extract last left for their German, as the next
    ``extract`` would (``_left_newer``), before that stamp makes the copy's header look newer than the record and
    no later command can tell the copy any more, and before this run drafts the copy's empty entries that extract
    left signed off. Returns (line of its msgid in ``text()``, the catalog ``po`` was read from, asked only when
    there are some; whether the copy held it empty) for each, in file order."""
    found = older_copy(po, last_written)
    emptied = [not entry.msgstr for entry, _ in found]
    for entry, newer in found:
        entry.msgstr, entry.flags, entry.tcomment = newer.msgstr, list(newer.flags), newer.tcomment
        entry.previous_msgctxt, entry.previous_msgid = newer.previous_msgctxt, newer.previous_msgid
    lines = text().split("\n") if found else []
    return sorted((msgid_line(lines, entry.linenum), empty) for (entry, _), empty in zip(found, emptied))


def older_copy_kept(ref: str, found: list[tuple[int, bool]]) -> str:
    """What ``pretranslate`` says of a catalog it wrote after ``bring_back_older_copy`` (its answer, ``found``)."""
    count, lines = len(found), [line for line, _ in found]
    return (f"{ref}:{lines[0]}: an older copy of the catalog (an old download, a file from an earlier commit copied "
            f"in?): {count} entr{'ies' if count != 1 else 'y'} (line{'s' * (count != 1)} "
            f"{', '.join(map(str, lines[:5]))}{', …' if count > 5 else ''}) held a machine draft (or the "
            f"translation of the German before it changed{_emptied_too(sum(e for _, e in found))}) where the last "
            f"verlag extract left a person's translation of the same German: "
            f"{'those translations are' if count != 1 else 'that translation is'} back as the last extract left "
            f"{'them' if count != 1 else 'it'}, as verlag extract does, before this run's drafts were written (they "
            f"change the catalog's PO-Revision-Date, after which the copy could no longer be told); 'git diff {ref}' "
            "shows what came back. To take a translation back on purpose, empty its msgstr")


def _emptied_too(count: int) -> str:
    """The words the older-copy messages add for ``count`` entries the copy held empty (``_emptied_in_copy``)."""
    return (f", or nothing: {count} of them empty, as the copy had {'them' if count != 1 else 'it'} before the "
            "sign-off; in a catalog without an older copy's drafts an emptied msgstr is a translation taken back, "
            "and stays empty" if count else "")


def header_not_newer(metadata: dict[str, str], record: bytes | None) -> bool:
    """Whether a catalog's header (``metadata``) is the one extract last left or older (``_same_header``,
    ``older_header``), by that catalog's bytes (``record``, None when there is none), read no further than its
    header: for ``build``, which asks ``older_copy`` only then, as parsing the record of every catalog
    ``pretranslate`` stamped since the last extract (a later date: no older copy by these rules) would cost as much
    as reading the catalog again. A copy's draft that only ``_left_newer``'s fingerprint rule tells (a copy saved
    by an editor since, its date later) is found by ``may_hold_older_copy``."""
    if record is None:
        return False
    head = record[:record.find(b"\n\n") if b"\n\n" in record else len(record)].decode("utf-8", "replace")
    written = polib.POFile()
    written.metadata = dict(re.findall(rf'^"(PO-Revision-Date|{TEMPLATE_FIELD}): (.*)\\n"$', head, re.M))
    return _same_header(metadata, written) or older_header(metadata, written)


# a signed-off draft in a catalog's bytes, as ``Notes.store`` writes it: the engine's text it names signed off as it is
_SIGNED_DRAFT = re.compile(rb"^# draft ([0-9a-f]{8}), signed off\r?$", re.M)


def may_hold_older_copy(po: polib.POFile, record: bytes | None) -> bool:
    """For ``build``, which asks ``older_copy`` only where this holds: whether ``po`` may be an older copy by the
    record's bytes (``record``, the catalog as extract last left it; None: there is none), without parsing them.
    A header as old as the record's (``header_not_newer``); or, whatever the header (a copy a PO editor saved
    since, its PO-Revision-Date later: keepT), a draft that ``_left_newer`` tells by the record alone: an
    untouched machine draft whose text the record names signed off as it is (``draft <fingerprint>, signed off``),
    or a person's draft where the record holds a rewrite signed off (``REWRITTEN``). A catalog ``pretranslate``
    stamped since the last extract has its drafts unsigned in the record, so the record is searched, not parsed."""
    if record is None:
        return False
    if header_not_newer(po.metadata, record):
        return True
    drafts = [e for e in po if not e.obsolete and e.fuzzy and e.msgstr and e.previous_msgid is None
              and not e.msgid_plural and "draft " in (e.tcomment or "")]
    if not drafts:
        return False
    machine = [e for e in drafts if machine_draft(e) is not None]
    if len(machine) < len(drafts) and REWRITTEN.encode("utf-8") in record:
        return True
    signed = set(_SIGNED_DRAFT.findall(record)) if machine else set()
    return any(fingerprint(e.msgstr).encode("ascii") in signed for e in machine)


def older_copy_message(ref: str, found: list[tuple[polib.POEntry, polib.POEntry]], text: str | None = None) -> str:
    """What ``check`` and ``status`` say of a catalog with ``older_copy`` entries before the next ``extract``;
    with the catalog's ``text``, the lines of their msgids (the first five), so a reviewer finds each one."""
    count = len(found)
    entry, newer = found[0]
    # an obsolete entry of German put back since, or a tool's revival of one (``_put_back_since``, ``_revived_by_tool``)
    put_back = any(e.obsolete or key(e) == key(n) and not e.fuzzy and e.msgstr for e, n in found)
    lines = text.split("\n") if text is not None else None
    where = (f" (line{'s' * (count != 1)} "
             f"{', '.join(map(str, sorted(entry_line(lines, e) for e, _ in found)[:5]))}"
             f"{', …' if count > 5 else ''})" if lines is not None else "")
    return (f"an older copy of the catalog (an old download, a file from an earlier commit copied in?): {count} "
            f"entr{'ies' if count != 1 else 'y'}{where} {'hold' if count != 1 else 'holds'} what was there "
            f"before a person's translation that the last verlag extract left for the same German (a machine draft, "
            f"{'' if put_back else 'or '}the translation of the German before it changed"
            f"{', or an obsolete entry (#~) of German put back since, or one a tool revived' if put_back else ''}"
            f"{_emptied_too(sum(not e.msgstr and not e.obsolete for e, _ in found))}"
            f"; first: "
            f"{excerpt(entry.msgid)!r}, where it left {excerpt(newer.msgstr)!r}), so the page no longer shows that "
            f"translation; verlag extract brings {'those translations' if count != 1 else 'that translation'} back "
            f"as the last extract left {'them' if count != 1 else 'it'}; 'git diff {ref}' shows what the copy "
            "changed. To take a translation back on purpose, empty its msgstr")


def _left_for_changed(entry: polib.POEntry, cand: polib.POEntry, metadata: dict[str, str],
                      written: Callable[[], polib.POFile | None],
                      left: list[dict[tuple, polib.POEntry]]) -> polib.POEntry | None:
    """The entry extract last left (``written()``, cached in ``left`` as in ``_left_newer``) for the changed German
    of ``entry``, when it holds a person's translation made for exactly this German (signed off, or a person's
    draft; not stale), that extract had no entry of ``cand``'s German, the old German the catalog still has, and
    the catalog's header (``metadata``) is older than that extract's (``older_header``): the catalog is a copy
    from before the author's change, and its ``cand`` is the text that translation replaced. None otherwise: a
    catalog whose German the author changed since (the record has no entry of the new German) carries ``cand`` to
    it, fuzzy, as always, and so does one whose msgid was edited with its translation (no older header).
    ``merge`` takes the translation back as it was and keeps ``cand`` as an obsolete entry of its German: both are
    a person's, neither is lost."""
    newer = _last_left(entry, written, left)
    if newer is None or key(cand) in left[0] or not newer.msgstr or newer.msgid_plural \
            or review_state(newer) not in (REVIEWED, HAND) or not older_header(metadata, written()):
        return None
    return newer


def older_header(metadata: dict[str, str], written: polib.POFile | None) -> bool:
    """Whether a catalog's header (``metadata``) is older than that of ``written`` (the catalog as extract last
    wrote it, or as the last git commit holds it: ``committed.lost_in``; None: False): it names another template
    (``TEMPLATE_FIELD``, written by extract alone), or its ``PO-Revision-Date`` (a PO editor's save) is earlier.
    The one header rule of every older-copy judgement, extract's and ``check``'s alike."""
    if written is None:
        return False
    mine, theirs = metadata.get(TEMPLATE_FIELD), written.metadata.get(TEMPLATE_FIELD)
    if mine and theirs and mine != theirs:
        return True
    stamps = [po_date(m.get("PO-Revision-Date")) for m in (metadata, written.metadata)]
    return None not in stamps and stamps[0] < stamps[1]


def _back_to_draft(entry: polib.POEntry, newer: polib.POEntry, metadata: dict[str, str],
                   written: polib.POFile | None) -> bool:
    """Whether ``entry``, an untouched machine draft, is back exactly at the draft that ``newer`` (its entry as
    extract last left it) records a person rewrote and signed off, in a catalog whose header is still the one
    extract left (``_same_header``): an older copy of the catalog from before the sign-off put back (``git show
    HEAD~1:… > …``, a merge resolved with the old side, a backup, a sync tool; fresh-user trial 15). A sign-off in
    a text editor changes no header field, so such a copy has the very header of the record, and keepR's
    ``older_header`` missed it.

    Why this is no step a reviewer takes forward (DESIGN: nothing a reviewer wrote is deleted silently):

    - ``newer`` is signed off (not fuzzy) and names the origin it was rewritten from (``Notes.rewritten``), and
      ``entry`` is an untouched draft of that same origin: the entry returned to the state the record says it
      came from, its text and its records (``# mt: …``, ``# draft …``) alike. A reviewer who wants it re-checked
      adds ``#, fuzzy`` and keeps their text and the ``rewritten by hand`` line (never a draft again); one who
      wants it redone empties the msgstr (README), which is empty, not a draft.
    - only ``pretranslate`` turns an emptied msgstr into a draft again, and it stamps ``PO-Revision-Date`` (as a
      PO editor does): a catalog that has the record's template and revision date was written by neither since.
      Within the same minute as the record's date pretranslate stamps the minute after (``stamp_after``).

    Each entry is judged on its own, not by how many went back at once: one sign-off put back is as lost as
    many, and a reviewer may take back several at once on purpose (each then empty or keeping its text)."""
    if newer.fuzzy or not _same_header(metadata, written):
        return False
    rewritten = Notes.of(newer).rewritten
    return rewritten is not None and rewritten == machine_draft(entry)


def _same_header(metadata: dict[str, str], written: polib.POFile | None) -> bool:
    """Whether a catalog's header (``metadata``) is the one extract last wrote (``written``) in what only verlag
    and the tools that save a catalog set: the same template (``TEMPLATE_FIELD``) and ``PO-Revision-Date``."""
    if written is None:
        return False
    mine, theirs = metadata.get(TEMPLATE_FIELD), written.metadata.get(TEMPLATE_FIELD)
    stamps = [po_date(m.get("PO-Revision-Date")) for m in (metadata, written.metadata)]
    return bool(mine) and mine == theirs and None not in stamps and stamps[0] == stamps[1]


def po_date(value: str | None) -> dt.datetime | None:
    """A PO date (``2026-05-26 10:00+0200``, the form of ``PO-Revision-Date``, GNU gettext manual §3.2) as an
    aware datetime; None for the template placeholder or anything else that does not read."""
    try:
        return dt.datetime.strptime((value or "").strip(), "%Y-%m-%d %H:%M%z")
    except ValueError:
        return None


def moved_destinations(old: str, new: str, same: Callable[[str, str], bool]) -> dict[str, str] | None:
    """Old -> new of the inline link and image destinations (``[x](alt.md)``, ``![x](bilder/a.png)``) in which alone
    the German ``new`` differs from ``old``, each pair one that ``same`` says leads to the same article or file (a
    rename); None for any other change, or none. ``relinked`` keeps a translation reviewed over them, and
    ``textchanged`` counts them no change of the text a medical review covers."""
    before, after = _DESTINATION.split(old), _DESTINATION.split(new)
    olds, news = _DESTINATION.findall(old), _DESTINATION.findall(new)
    if before != after or len(olds) != len(news):
        return None
    moved = {a: b for a, b in zip(olds, news) if a != b}
    if not moved or any(moved.get(a, b) != b for a, b in zip(olds, news)) \
            or not all(same(a, b) for a, b in moved.items()):
        return None
    return moved


def relinked(old: str, new: str, msgstr: str, same_article: Callable[[str, str], bool]) -> str | None:
    """``msgstr``, a translation of the German ``old``, for the German ``new`` when that differs from ``old`` only in
    inline link and image destinations that ``same_article`` says lead to the same article (``[x](alt.md)`` ->
    ``[x](neu.md)``) or file (``bilder/a.png`` renamed as it was): each destination of ``msgstr`` that is one of
    the old ones written anew as the German now writes it. None for any other change, or when ``msgstr`` links none of the changed destinations."""
    moved = moved_destinations(old, new, same_article)
    if not moved or not any(dest in moved for dest in _DESTINATION.findall(msgstr)):
        return None
    return _DESTINATION.sub(lambda m: moved.get(m.group(0), m.group(0)), msgstr)


def edited_since(written: polib.POFile | None, entry: polib.POEntry, cand: polib.POEntry) -> bool:
    """Was ``cand``'s msgid or msgctxt edited in the catalog after the last extract, the German of ``entry`` the
    same? For a catalog without ``TEMPLATE_FIELD`` (made by a person, rewritten by a tool), by what extract last
    left there (``written``, None when unknown): an entry of ``entry``'s German with ``cand``'s very msgstr and no
    trace of ``cand``'s key (no entry, no previous msgid): the translation is the one extract left with that
    German, so only the msgid (or msgctxt) around it changed. A catalog restored from before a change of the
    German has the old German as the record's previous msgid, or another msgstr: not this."""
    if written is None or not cand.msgstr:
        return False
    left = written.find(entry.msgid, msgctxt=entry.msgctxt)
    return (left is not None and left.msgstr == cand.msgstr
            and all(key(e) != key(cand) and (e.previous_msgctxt, e.previous_msgid) != key(cand) for e in written))


def replaced_msgids(pending: list[polib.POEntry], taken: Container[int], candidates: list[polib.POEntry],
                    german: Container[tuple], written: Callable[[], polib.POFile | None]
                    ) -> list[tuple[int, polib.POEntry]]:
    """(index in ``pending``, old entry) of each msgid replaced in the catalog by text unlike it (trial 29: a
    reviewer typed "Літні люди" over msgid "Senioren" as well as into its msgstr), which no similarity pairs: an
    old entry whose key the template of the last extract (``german``) did not have, whose ``#:`` references,
    msgctxt and position (the first ``#.`` line: "table cell, block 1, row 2, column 1") name the one German
    not taken (not in ``taken``) that still has them, and that German no other such entry names. That German was
    in that template: the author did not change it, so the old entry can only be its own, edited in the catalog.
    Nothing is paired without ``german`` (unknown) or references: a place alone says nothing there; nor an old
    entry whose msgid the catalog extract last left (``written()``) has as an entry or a previous msgid: German of
    before, in an older copy of the catalog, which the rules of changed German take."""
    if not german:
        return []
    found = [c for c in candidates if c.occurrences and not c.msgid_plural and key(c) not in german]
    if found and (record := written()) is not None:
        known = {key(e) for e in record} | {(e.previous_msgctxt, e.previous_msgid) for e in record}
        found = [c for c in found if key(c) not in known]
    if not found:
        return []

    def place(entry: polib.POEntry) -> tuple:
        return entry.msgctxt, tuple(entry.occurrences), (entry.comment or "").partition("\n")[0]

    free: dict[tuple, list[int]] = {}
    for n, entry in enumerate(pending):
        if n not in taken and entry.occurrences:
            free.setdefault(place(entry), []).append(n)
    edited: dict[tuple, list[polib.POEntry]] = {}
    for cand in found:
        edited.setdefault(place(cand), []).append(cand)
    return [(free[at][0], cands[0]) for at, cands in edited.items()
            if len(cands) == 1 and len(free.get(at, ())) == 1 and key(pending[free[at][0]]) in german]


def _slip(edited: str, german: str) -> bool:
    """Whether the msgid ``edited`` differs from ``german`` by what a slip of the keys makes: its spaces, or two
    characters at most (Levenshtein distance): no words of its own a translation could follow."""
    from rapidfuzz.distance import Levenshtein

    return edited.split() == german.split() or Levenshtein.distance(edited, german, score_cutoff=2) <= 2


def _left_with(written: polib.POFile | None, entry: polib.POEntry, cand: polib.POEntry) -> bool:
    """Whether ``cand``'s msgstr is the one the last extract left with ``entry``'s German (``written``: that
    catalog, None when unknown: then it cannot be told, and is not)."""
    left = written.find(entry.msgid, msgctxt=entry.msgctxt) if written is not None else None
    return left is not None and left.msgstr == cand.msgstr


_PUT_BACK = 101.0  # a pair's score above any ``similarity`` (0-100): the German put back as it was translated

_FRONT_CONTEXTS = ("title", "summary", TAG_CONTEXT)  # the msgctxts of front-matter entries (``segment.FRONT_KEYS``)


def _unformatted(entry: polib.POEntry, report: MergeReport) -> polib.POEntry:
    """``entry`` without its format flags (``format_flags``), which go to ``report.format_flags``: msgfmt --check
    passes the catalog extract writes whatever ``%`` signs its translations hold."""
    if found := format_flags(entry):
        entry.flags = [flag for flag in entry.flags if flag not in found]
        report.format_flags.append((entry, found))
    return entry


def _singular(entry: polib.POEntry, report: MergeReport) -> polib.POEntry:
    """``entry`` itself, or for a plural entry (``msgid_plural``) a copy without plural forms whose msgstr is its
    first non-empty form, fuzzy when there is one: a translation of one count, for a person to check as the
    sentence's. The entry and its other non-empty forms go to ``report.plurals``."""
    if not entry.msgid_plural:
        return entry
    forms = [text for _, text in sorted(entry.msgstr_plural.items()) if text]
    single = _copy(entry)
    single.msgstr = forms[0] if forms else ""
    single.linenum = entry.linenum
    if forms and not single.fuzzy:
        single.flags.insert(0, "fuzzy")
    report.plurals.append((entry, forms[1:]))
    return single


def _context_dropped(po: polib.POFile, active: list[polib.POEntry], used: set[int], report: MergeReport) -> None:
    """Give a translation whose entry lost its msgctxt (a reviewer's file joined with ``msgcat``, written
    without it) to the one title, summary or tag entry of ``po`` with that very German, when that entry holds
    no person's text (empty, or an untouched machine or copy draft): the German is the same, so the state
    stays as the reviewer left it. Two such entries, or a person's text there: left alone (made obsolete as
    before). Each carried pair goes to ``report.contexts``; its old entry counts as ``used``."""
    fronts: dict[str, list[polib.POEntry]] = {}
    for entry in po:
        if entry.msgctxt in _FRONT_CONTEXTS:
            fronts.setdefault(entry.msgid, []).append(entry)
    if not fronts:
        return
    keys = {key(e) for e in po}
    for old in active:
        if (id(old) in used or old.msgctxt is not None or not old.msgstr or old.msgid_plural
                or key(old) in keys or len(fronts.get(old.msgid, ())) != 1):
            continue
        target = fronts[old.msgid][0]
        if target.msgstr and machine_draft(target) is None:
            continue
        target.flags = [f for f in target.flags if f != "fuzzy"]  # a draft's flag: the reviewer's state decides
        _carry(target, old, exact=True)
        used.add(id(old))
        report.contexts.append((old, target))


def restore_sign_offs(po: polib.POFile, last_written: Callable[[], polib.POFile | None]) -> None:
    """Give ``po``'s stale entries the records a tool dropped, as the next ``extract`` gives them back
    (``_sign_offs_back``; ``last_written()``: the catalog as extract last left it, asked only when an entry may
    lack one), so the commands that only read (``status``, ``check``, ``review``, ``build``) say what ``extract``
    will record."""
    _sign_offs_back([e for e in po if not e.obsolete], last_written)


def _sign_offs_back(active: list[polib.POEntry],
                    last_written: Callable[[], polib.POFile | None]) -> Callable[[], polib.POFile | None]:
    """Give back what ``msgmerge --previous`` of a copy saved before the author's change drops, where the catalog
    as extract last left it (``last_written()``) had the same entry with the same msgstr:

    - the ``reviewed`` mark of a changed sentence's previous msgid (it writes ``#| msgid`` alone), where that
      entry had the same previous text, signed off for this very msgstr. The German put back exactly then makes
      the entry reviewed again (``settle``);
    - the previous msgid itself, and its record, of a person's translation that was fuzzy already in the copy (it
      writes neither ``#| msgid`` nor verlag's record): where that entry was stale with this msgstr, it still is,
      never a current draft that ``[publish] unreviewed = "machine"`` would show.

    And it tells a person's sign-off from a bulk one where a tool (or a merge) dropped verlag's ``previous msgid``
    record of an entry signed off with its ``#|`` lines left (``stale_sign_off``): where that entry was stale in
    the catalog as extract last left it, with the same previous text and a record naming a translation this msgstr
    is not, a person rewrote it for the new German (``_rewritten_since``), and the entry is signed off (reviewed).
    One signed off with its translation unchanged stays stale, its record back; one with no such entry to compare
    stays stale.

    Returns ``last_written``, asked at most once (only when an entry may lack a record)."""
    asked: list[polib.POFile | None] = []

    def written() -> polib.POFile | None:
        if not asked:
            asked.append(last_written())
        return asked[0]

    records: dict[tuple, polib.POEntry] | None = None
    for entry in active:
        if (unread := getattr(entry, _UNREAD_SIGN_OFF, None)) is not None and not entry.fuzzy:
            if (record := written()) is not None:
                _unread_sign_off(entry, unread, record)
            continue
        if not (entry.fuzzy and entry.msgstr):
            continue
        if stale_sign_off(entry):
            if not _recorded(entry):
                if records is None:
                    records = {key(e): e for e in written() or () if not e.obsolete}
                _signed_by_hand(entry, records.get(key(entry)))
            continue
        dropped = entry.previous_msgid is None  # a stale entry's previous text gone, or a draft as it was
        if dropped and machine_draft(entry) is not None:
            continue  # an engine's untouched draft is never carried to changed German: it goes obsolete
        notes = Notes.of(entry)
        if notes.reviewed or notes.carried:
            continue
        if records is None:
            records = {key(e): e for e in written() or () if not e.obsolete}
        record = records.get(key(entry))
        if record is None or record.msgstr != entry.msgstr:
            continue
        signed = Notes.of(record)
        if dropped and record.fuzzy and signed.previous_msgid not in (None, entry.msgid):
            notes.previous_msgctxt, notes.previous_msgid = signed.previous_msgctxt, signed.previous_msgid
            notes.reviewed, notes.carried = signed.reviewed, signed.carried
            notes.store(entry)
        elif (not dropped and signed.reviewed == fingerprint(entry.msgstr)
              and (signed.previous_msgid, signed.previous_msgctxt) == (notes.previous_msgid, notes.previous_msgctxt)):
            notes.reviewed = signed.reviewed
            notes.store(entry)
    return written


def _unread_sign_off(entry: polib.POEntry, unread: tuple, record: polib.POFile) -> None:
    """Make ``entry`` stale again (``stale_sign_off``, its record back) where ``record``, the catalog as extract
    last left it, has the header ``unread`` names (X-Generator and PO-Revision-Date, which every PO editor sets on
    a save: none saved the catalog since) and the entry fuzzy with this very msgstr and previous msgid: signed
    off unchanged by ``msgattrib --clear-fuzzy --clear-previous`` or a script, though an editor's name (a save
    before that extract, kept by a merge) is in the header, which ``saved_by_verlag`` alone took for an editor's
    sign-off (trial 39: published as reviewed, no warning). ``unread``: ``_UNREAD_SIGN_OFF``'s value."""
    previous_msgctxt, previous_msgid, reviewed, carried, saved = unread
    if _saved_as(record) != saved:
        return
    before = next((e for e in record if not e.obsolete and key(e) == key(entry)), None)
    if before is None or not before.fuzzy or before.msgstr != entry.msgstr:
        return
    kept = Notes.of(before)
    if (kept.previous_msgctxt, kept.previous_msgid) != (previous_msgctxt, previous_msgid):
        return
    entry.flags.insert(0, "fuzzy")
    setattr(entry, _STALE_SIGN_OFF, True)
    notes = Notes.of(entry)
    notes.previous_msgctxt, notes.previous_msgid, notes.reviewed, notes.carried = (previous_msgctxt, previous_msgid,
                                                                                   reviewed, carried)
    settle(entry, notes)


def _recorded(entry: polib.POEntry) -> bool:
    """Whether the entry's ``previous msgid`` record names a translation (``reviewed`` or ``draft``)."""
    notes = Notes.of(entry)
    return bool(notes.reviewed or notes.carried)


def _signed_by_hand(entry: polib.POEntry, record: polib.POEntry | None) -> None:
    """Sign off the ``stale_sign_off`` ``entry`` (no record of its own, ``_recorded``) where ``record``, its entry
    in the catalog as extract last left it, was stale for the same previous text with a record of a translation
    that the entry's msgstr no longer is: a person edited it and cleared the flag (``_sign_offs_back``). Where
    the msgstr is still the recorded one, the entry stays stale and takes the record back."""
    if record is None or not record.fuzzy or not _recorded(record):
        return
    before = Notes.of(record)
    if (before.previous_msgid, before.previous_msgctxt) != (entry.previous_msgid, entry.previous_msgctxt):
        return
    notes = Notes.of(entry)
    if fingerprint(entry.msgstr) not in (before.reviewed, before.carried):
        setattr(entry, _STALE_SIGN_OFF, False)
        entry.flags.remove("fuzzy")
    else:  # unchanged: stale as it was, its record back
        notes.reviewed, notes.carried = before.reviewed, before.carried
    settle(entry, notes)


def _bring_back(report: MergeReport, written: polib.POFile | None, by_key: dict, empty: list[polib.POEntry]) -> None:
    """``merge``'s second ``last_written`` rule: fill the empty entries of ``empty`` (``report.added``, or
    ``report.redrafted``: German whose only old entry was an untouched machine draft of earlier German, as in a
    catalog restored from before the author's change) whose entry ``written`` had, with a person's translation
    or a draft a person edited, and ``old`` has not at all (``by_key``: its entries by key). The text was made
    for exactly this German: it comes back in its state, never stale."""
    if written is None:
        return
    gone = {key(e): e for e in written if not e.obsolete and e.msgstr and key(e) not in by_key
            and machine_draft(e) is None and entry_state(e) != UNTRANSLATED}
    for entry in [e for e in empty if key(e) in gone]:
        _carry(entry, gone[key(entry)], exact=True)
        empty.remove(entry)
        report.brought_back.append(entry)


# Languages written without spaces between words or after a sentence's full stop (。): a space joining two
# sentences of theirs is a stray one. Thai is not one of them: it has no spaces between words, but a space ends
# a sentence (Unicode 15, 16.4 "Thai").
_NO_SPACE_BETWEEN_SENTENCES = frozenset({"ja", "zh", "yue"})


def sentence_separator(lang: str) -> str:
    """What joins two translated sentences in ``lang`` (BCP 47, by its primary subtag): a space, none in a
    language that puts none between sentences (Chinese, Japanese)."""
    return "" if lang.replace("_", "-").split("-")[0].lower() in _NO_SPACE_BETWEEN_SENTENCES else " "


_MAX_PARTS = 3  # the most sentences one sentence is split into, or joined from, that ``_regrouped`` looks for


def _lines(msgid: str) -> tuple[list[str], list[str]]:
    """A msgid's lines and the hard-break markers between them (each with its line end), as the German has them:
    an address or a poem is one msgid, and catalogs from before held each of its lines as an entry."""
    pieces = HARD_BREAK.split(msgid)
    return pieces[::2], pieces[1::2]


def _regrouped(po: polib.POFile, active: list[polib.POEntry], used: set[int], claimed: set[int],
               report: MergeReport, lang: str, threshold: float) -> None:
    """``merge``: German the author split into sentences or joined from sentences keeps every translation.

    Split: consecutive sentences of ``po`` (template order, no msgctxt), each new (``report.added``) or changed
    from one and the same old entry, whose German joined by a space is at least ``threshold`` alike
    (``similarity``) to that old entry's German (an unused translated one when none of them was paired), and
    more alike than any one of them alone: each new one takes that translation as the changed one has it
    (``_carry``: fuzzy, the old German as previous msgid), as msgmerge's fuzzy matching offers one old
    translation to every new msgid it matches. Reported as ``changed`` and ``splits``.

    Join: a new or changed sentence whose German is at least ``threshold`` alike to the German of consecutive
    signed-off old entries (``active`` order, no msgctxt, unused but for the one it was paired with) joined by a
    space, and more alike than to any one of them: it takes their translations joined (``sentence_separator``; by
    the German's hard breaks where it has one fewer than the old entries, an address or a poem whose lines were
    entries before: so each line's translation keeps its line, however many lines; one of more than ``_MAX_PARTS``
    lines is found by any line alike to an old entry and takes a run of as many entries first),
    fuzzy, their German joined as previous msgid, the reviewer's own comment lines of each; where msgmerge keeps
    one and makes the others obsolete. The old entries become obsolete all the same, so German split back as it
    was takes each back as it was. Reported as ``changed`` and ``joins``."""
    live = [e for e in po if e.msgctxt is None and not e.msgid_plural]
    added = {id(e) for e in report.added}
    by_key = {key(e): e for e in active}
    source = {id(e): by_key[report.paired[id(e)]] for e in report.changed if report.paired.get(id(e)) in by_key}
    unused = [e for e in active if id(e) not in claimed and e.msgstr and e.msgctxt is None and not e.msgid_plural
              and machine_draft(e) is None]
    unused_german = nearest.Choices([e.msgid for e in unused])
    runs: list[tuple[int, int, list[polib.POEntry]]] = []  # (start in live, size, [the old entry paired] or [])
    for i in range(len(live)):
        for size in range(2, _MAX_PARTS + 1):
            run = live[i:i + size]
            if (len(run) < size or not any(id(e) in added for e in run)
                    or any(id(e) not in added and id(e) not in source for e in run)):
                continue
            olds = {id(source[id(e)]): source[id(e)] for e in run if id(e) in source}
            if len(olds) <= 1:
                runs.append((i, size, list(olds.values())))

    def split_from(r: int) -> Iterator[tuple[tuple, polib.POEntry]]:
        """The old entries run r may be split from, the most alike first (a tie: the first run, the shorter, then the
        old entry first in the catalog)."""
        i, size, olds = runs[r]
        run = live[i:i + size]
        joined = " ".join(e.msgid for e in run)
        near = unused_german.alike_to(joined, threshold) if not olds else {}
        found = []
        for m, old in enumerate(olds) if olds else ((m, unused[m]) for m in near):
            score = similarity(joined, old.msgid, threshold)
            if score and score > max(similarity(e.msgid, old.msgid) for e in run):
                found.append(((-score, i, size, m), old))
        yield from sorted(found, key=lambda pair: pair[0])

    def split_free(r: int, old: polib.POEntry) -> bool | None:
        run = live[runs[r][0]:runs[r][0] + runs[r][1]]
        if any(id(e) in taken for e in run):
            return None
        return not (id(old) in claimed and not any(source.get(id(e)) is old for e in run))

    taken: set[int] = set()
    for (_, i, size, _), _, old in greedy.pairs(len(runs), split_from, split_free):
        run = live[i:i + size]
        taken.update(id(e) for e in run)
        claimed.add(id(old))
        used.add(id(old))
        for entry in run:
            if id(entry) in added:
                _carry(entry, old, exact=False)
                report.paired[id(entry)] = key(old)
                report.fuzzy += 1
                report.changed.append(entry)
        report.splits.append((old, run))
    signed = [e for e in active if e.msgctxt is None and not e.msgid_plural and entry_state(e) == REVIEWED]
    at = {id(e): j for j, e in enumerate(signed)}
    # the runs a new sentence may be joined from: every run of unclaimed signed-off sentences
    signed_runs = [(j, size) for j in range(len(signed)) for size in range(2, _MAX_PARTS + 1)
                   if j + size <= len(signed) and not any(id(p) in claimed for p in signed[j:j + size])]
    runs_german = nearest.Choices([" ".join(p.msgid for p in signed[j:j + size]) for j, size in signed_runs])
    signed_german = nearest.Choices([p.msgid for p in signed])
    joining = [n for n, entry in enumerate(live)
               if id(entry) not in taken and (id(entry) in added or id(entry) in source)
               and (id(entry) not in source or id(source[id(entry)]) in at)]

    def joined_from(k: int) -> Iterator[tuple[tuple, tuple[int, int]]]:
        """The runs (start in signed, size) sentence ``live[joining[k]]`` may be joined from: of a sentence of more
        than ``_MAX_PARTS`` lines, a run of as many entries first (each line takes its own translation); the most
        alike first (a tie: the first sentence, the first run, the shorter)."""
        n = joining[k]
        entry = live[n]
        paired = source.get(id(entry))
        if paired is None:
            candidates = [signed_runs[r] for r in runs_german.alike_to(entry.msgid, threshold)]
        else:  # a changed sentence is joined only from runs that hold the old sentence it was paired with
            candidates = [(j, size) for j in range(max(at[id(paired)] - _MAX_PARTS + 1, 0), at[id(paired)] + 1)
                          for size in range(2, _MAX_PARTS + 1)]
        lines, _ = _lines(entry.msgid)
        if len(lines) > _MAX_PARTS:  # as many old entries as it has lines: found by any line alike to its own
            if paired is not None:
                starts = [at[id(paired)] - m for m in range(len(lines))]
            else:
                starts = [m - k for k, line in enumerate(lines) for m in signed_german.alike_to(line, threshold)]
            candidates += [(j, len(lines)) for j in sorted(set(starts)) if j >= 0]
        found = []
        for j, size in candidates:
            parts = signed[j:j + size]
            if (len(parts) < size or any(id(p) in claimed and p is not paired for p in parts)
                    or (paired is not None and paired not in parts)):
                continue
            score = similarity(entry.msgid, " ".join(p.msgid for p in parts), threshold)
            if score and score > max(similarity(entry.msgid, p.msgid) for p in parts):
                found.append(((size != len(lines) or size <= _MAX_PARTS, -score, n, j, size), (j, size)))
        yield from sorted(found)

    def join_free(k: int, run: tuple[int, int]) -> bool:
        paired = source.get(id(live[joining[k]]))
        return not any(id(p) in gone or (id(p) in claimed and p is not paired) for p in signed[run[0]:sum(run)])

    gone: set[int] = set()
    for (_, _, n, j, size), _, _ in greedy.pairs(len(joining), joined_from, join_free):
        entry, parts = live[n], signed[j:j + size]
        taken.add(id(entry))
        gone.update(id(p) for p in parts)
        claimed.update(id(p) for p in parts)
        used.difference_update(id(p) for p in parts)  # obsolete, each taken back as it was if the author undoes it
        whole = polib.POEntry(msgid=" ".join(p.msgid for p in parts),
                              msgstr=_joined(entry.msgid, [p.msgstr for p in parts], lang),
                              tcomment="\n".join(line for p in parts for line in Notes.of(p).own))
        entry.msgstr, entry.tcomment, entry.previous_msgid, entry.previous_msgctxt = "", "", None, None
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        _carry(entry, whole, exact=False)
        report.paired[id(entry)] = key(parts[0])
        if id(entry) in added:
            report.fuzzy += 1
            report.changed.append(entry)
        report.joins.append((entry, parts))
    report.added = [e for e in report.added if id(e) not in taken]


def _joined(msgid: str, translations: list[str], lang: str) -> str:
    """The translations of the old entries joined into the one ``msgid``: by the German's hard breaks in order
    where it has one fewer than there are translations (its lines were the old entries; a space would lose the
    line structure), else by ``sentence_separator``."""
    _, breaks = _lines(msgid)
    if len(breaks) + 1 != len(translations):
        return sentence_separator(lang).join(translations)
    return "".join(t + b for t, b in zip(translations, [*breaks, ""]))


def _from_obsolete(report: MergeReport, retired: list[polib.POEntry], used: set[int], threshold: float) -> None:
    """``merge``: new German still without a translation (``report.added``, after the active entries and
    ``_bring_back`` had their turn) takes the most alike translation of the obsolete entries ``retired`` (at least
    ``threshold`` alike, as msgmerge's fuzzy matching takes obsolete entries too), carried as for changed German
    (``_carry``: fuzzy, that German as previous msgid): a sentence deleted and put back edited gets its translation
    back for review. Reported as ``changed`` (or ``restored``, German back at the text it was reviewed for)."""
    taken = []
    for n, m in alike(report.added, retired, threshold, fields=False):
        entry, old = report.added[n], retired[m]
        _carry(entry, old, exact=False)
        used.add(id(old))
        report.paired[id(entry)] = key(old)
        if entry.fuzzy:
            report.fuzzy += 1
            report.changed.append(entry)
        else:
            report.restored.append(entry)
        taken.append(entry)
    report.added = [e for e in report.added if all(e is not t for t in taken)]


# The most words of German whose entry went away that ``_extended`` carries to a new entry extending it. Measured:
# a text that reappears whole in a longer one is under ``FUZZY_THRESHOLD`` alike only when the longer one is over
# 2.3 times its length (``fuzz.ratio``: 2·len/(len+len')). For one to four words (a heading, a list item, up to some
# 30 characters) that is a few words added ("Dosierung" -> "Dosierung für Erwachsene": 54.5); from five words (~40
# characters) on, a new text of 90 characters or more, of which the old German is under half: a new sentence that
# quotes the old one rather than the old one extended. In the shipped articles (source_de/), no entry of up to 10
# words reappears in another entry of its kind of block; of the six of one word, two do in entries of another
# kind (the table cell "Borreliose" in three paragraphs), hence the kind must be the same.
EXTENDED_WORDS = 4
_WORD = re.compile(r"\w+")
_BLOCK_NOTE = re.compile(r"^([a-z][a-z ]*), block \d+(?:,|$)")  # segment.py's ``#.`` note: "heading, block 2", …


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def _block_kinds(entry: polib.POEntry) -> frozenset[str]:
    """The kinds of block (``segment``'s ``#.`` note: "heading", "list item", "paragraph", …) ``entry``'s German is
    in; none when a tool dropped the extracted comments."""
    return frozenset(m.group(1) for line in entry.comment.splitlines() if (m := _BLOCK_NOTE.match(line)))


def _first_line(entry: polib.POEntry) -> int | None:
    """The line of the article ``entry``'s German is first on (its ``#:`` reference), None when unknown."""
    for _, line in entry.occurrences:
        if line and line.isdigit():
            return int(line)
    return None


def _extends(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` all come in ``long``, in order, and ``long`` has more: a prefix, a suffix, the
    old text inside, or a short sentence with a clause added."""
    rest = iter(long)
    return len(long) > len(short) and all(word in rest for word in short)


def _extended(po: polib.POFile, report: MergeReport, active: list[polib.POEntry], used: set[int],
              claimed: set[int]) -> None:
    """``merge``: a translated entry of short German (``EXTENDED_WORDS`` at most) that went away, its German's words
    all in a new entry's German in order (``_extends``: "Dosierung" -> "Dosierung für Erwachsene", "Tee" -> "Grüner
    Tee am Morgen"), gives that entry its translation as changed German takes one (``_carry``: fuzzy, the old German
    as previous msgid, never reviewed): a short text the author extends is too unlike its longer self for
    ``similarity`` (54.5 for that heading, under ``FUZZY_THRESHOLD``), and the reviewer started again from an empty
    entry while the signed-off text went to ``#~``. Weblate and msgmerge offer such a translation only as fuzzy too.

    Only what nothing else took: asked last, after the pairs at least the threshold alike, splits and joins and
    the obsolete entries; not a tag, title or summary (``_FRONT_CONTEXTS``: ``_same_field`` pairs those), not a
    plural entry or an untouched machine draft (``pretranslate`` drafts the new German afresh). A short word comes
    in many sentences ("Zink"), so the new entry must be of the old one's msgctxt and kind of block (its ``#.``
    note: a heading stays a heading, a list item a list item; any when the old entry has no note) and the two
    each other's nearest by line, the old line moved as the nearest kept entry above it moved; a tie on either
    side pairs neither. Reported as ``changed``."""
    olds = [e for e in active if id(e) not in claimed and id(e) not in used and e.msgstr and not e.msgid_plural
            and e.msgctxt not in _FRONT_CONTEXTS and machine_draft(e) is None
            and 0 < len(_words(e.msgid)) <= EXTENDED_WORDS]
    news = [e for e in report.added if not e.msgstr and not e.msgid_plural and e.msgctxt not in _FRONT_CONTEXTS]
    if not olds or not news:
        return
    words = [_words(e.msgid) for e in news]
    having: dict[str, set[int]] = {}
    for n, found in enumerate(words):
        for word in found:
            having.setdefault(word, set()).add(n)
    now = {key(e): line for e in po if not e.obsolete and (line := _first_line(e)) is not None}
    moves = sorted((line, now[key(e)] - line) for e in active
                   if key(e) in now and id(e) in used and (line := _first_line(e)) is not None)

    def distance(old: polib.POEntry, new: polib.POEntry) -> int:
        line, there = _first_line(old), _first_line(new)
        if line is None or there is None:
            return 0  # unknown: every candidate is as near, so only a single one is taken
        above = bisect.bisect_right(moves, (line, math.inf))
        return abs(line + (moves[above - 1][1] if above else 0) - there)

    near: dict[tuple[int, int], int] = {}
    for m, old in enumerate(olds):
        short, kinds = _words(old.msgid), _block_kinds(old)
        for n in set.intersection(*(having.get(word, set()) for word in short)):
            new = news[n]
            if new.msgctxt == old.msgctxt and (not kinds or kinds & _block_kinds(new)) \
                    and _extends(short, words[n]):
                near[m, n] = distance(old, new)

    def nearest_one(pairs: list[tuple[int, tuple[int, int]]]) -> tuple[int, int] | None:
        best = min(d for d, _ in pairs)
        ties = [pair for d, pair in pairs if d == best]
        return ties[0] if len(ties) == 1 else None

    by_old: dict[int, list] = {}
    by_new: dict[int, list] = {}
    for (m, n), d in near.items():
        by_old.setdefault(m, []).append((d, (m, n)))
        by_new.setdefault(n, []).append((d, (m, n)))
    taken = []
    for m, pairs in sorted(by_old.items()):
        pair = nearest_one(pairs)
        if pair is None or nearest_one(by_new[pair[1]]) != pair:
            continue
        entry, old = news[pair[1]], olds[m]
        _carry(entry, old, exact=False)
        used.add(id(old))
        claimed.add(id(old))
        report.paired[id(entry)] = key(old)
        if entry.fuzzy:
            report.fuzzy += 1
            report.changed.append(entry)
        else:  # the German back at the text the old entry's stale translation was reviewed for (``settle``)
            report.restored.append(entry)
        taken.append(entry)
    report.added = [e for e in report.added if all(e is not t for t in taken)]


def _notes_along(added: list[polib.POEntry], noted: list[polib.POEntry], used: set[int], threshold: float) -> None:
    """``merge``: a reviewer's own comment lines (``Notes.own``) on an untranslated entry whose German changed
    (``noted``) go to the new German most like it (of ``added``, at least ``threshold`` alike, as a translation
    would), and the old entry with them counts as ``used``: README's "your own # comments survive every update"
    also for a sentence nobody translated yet, instead of an obsolete entry of German the article no longer has."""
    for n, m in alike(added, noted, threshold):
        notes = Notes.of(added[n])
        notes.own = [*Notes.of(noted[m]).own, *notes.own]
        notes.store(added[n])
        used.add(id(noted[m]))


def alike(new: list[polib.POEntry], old: list[polib.POEntry], threshold: float,
          fields: bool = True) -> list[tuple[int, int]]:
    """Each entry of ``new`` paired with the entry of ``old`` most like it, at least ``threshold`` alike
    (``similarity``; a tag with none), the most alike first, each at most once: (index in ``new``, in ``old``).
    With ``fields``, a title or summary of ``new`` is paired first with that field's entry of ``old`` however
    unlike (``_same_field``)."""
    german = nearest.Choices([e.msgid for e in old])
    by_field = _by_field(old) if fields else {}

    def ranked(n: int) -> Iterator[tuple[tuple, int]]:  # a tie: the first of ``new``, then of ``old``
        yield from sorted(((False, -score, n, m), m) for m, score in _same_field(new[n], old, by_field, threshold))
        for m, score in german.most_alike(new[n].msgid, threshold):
            if TAG_CONTEXT not in (new[n].msgctxt, old[m].msgctxt):
                yield (True, -score, n, m), m

    taken_old: set[int] = set()
    found = []
    for _, n, m in greedy.pairs(len(new), ranked, lambda n, m: m not in taken_old):
        taken_old.add(m)
        found.append((n, m))
    return found


def _by_field(entries: list[polib.POEntry]) -> dict[str, list[int]]:
    """The indexes in ``entries`` of each one-per-article field's entries (``ONCE_PER_ARTICLE``), by msgctxt."""
    found: dict[str, list[int]] = {}
    for m, entry in enumerate(entries):
        if entry.msgctxt in ONCE_PER_ARTICLE:
            found.setdefault(entry.msgctxt, []).append(m)
    return found


def _same_field(entry: polib.POEntry, old: list[polib.POEntry], fields: dict[str, list[int]],
               threshold: float) -> list[tuple[int, float]]:
    """The entries of ``old`` (their indexes in ``fields``, ``_by_field(old)``) of the one-per-article field
    (title, summary) ``entry`` is, with the ``similarity`` of their German to its German: an article has one title,
    so its old title's translation is the new title's to review (fuzzy), however the author reworded it
    ("Tee" -> "Tee am Abend"); a body sentence or tag gets none. None with ``threshold`` over 100 (nothing is
    paired: a change of segmentation)."""
    if threshold > 100 or entry.msgctxt not in ONCE_PER_ARTICLE:
        return []
    return [(m, similarity(entry.msgid, old[m].msgid)) for m in fields.get(entry.msgctxt, ())]


def _rivals(po: polib.POFile, leftovers: list[polib.POEntry], written: Callable[[], polib.POFile | None],
            report: MergeReport, threshold: float, stale: Container[tuple],
            keep_typo_fixes: bool = False) -> list[polib.POEntry]:
    """``merge``'s first ``last_written`` rule for the ``leftovers`` of ``old`` (active, translated, no German
    of the template's); returns those it settled, each to count as used, and the obsolete entries to add.

    A leftover is paired with the live fuzzy entry whose previous msgid its German is; failing that, a person's
    text (no untouched machine draft, no part of a split or join) with the live entry of ``stale`` (the keys of
    entries ``old`` had fuzzy with a previous msgid already) whose German is the most like its own, at least
    ``threshold`` alike: German the author changed again while it was stale keeps the first German as its
    previous msgid, and the reviewer's sign-off of the German in between names neither (a title or summary: with
    that field's live entry however unlike, ``_same_field``). Taken live, such a text
    gets its own German as previous msgid, the German it was signed off for.

    A leftover still unpaired is paired with a live reviewed entry whose German is its own with a typo fixed
    (``typos.is_typo_fix``, same msgctxt): an extract ``--keep-typo-fixes`` kept that entry reviewed, naming no
    previous German, while a reviewer rewrote the old German's translation on a branch (trial 39: her text went
    ``#~`` and the older one stayed live and reviewed). Taken live, it stays reviewed with ``keep_typo_fixes``
    (the typo-fix rule), else it goes back to review (fuzzy, its own German as previous msgid)."""
    live: dict[tuple, polib.POEntry] = {}
    for entry in po:
        if entry.fuzzy and entry.previous_msgid is not None and entry.msgstr and not entry.msgid_plural:
            live.setdefault((entry.previous_msgctxt, entry.previous_msgid), entry)
    # an engine's untouched draft of the old German never replaces the person's text extract carried to the
    # changed sentence: it is an older copy's (trial 32: ``git show HEAD~2:…`` of a catalog from before the
    # sign-off put the ``copy`` draft live in place of the reviewer's stale translation, and dropped that); it
    # goes obsolete (``#~``) as any draft of German the article no longer has
    pairs = [(rival, live.pop(key(rival)), False) for rival in leftovers if key(rival) in live
             and not (machine_draft(rival) is not None and machine_draft(live[key(rival)]) is None)]
    paired = {id(rival) for rival, _, _ in pairs}
    paired.update(id(part) for _, parts in report.joins for part in parts)
    paired.update(id(whole) for whole, _ in report.splits)
    unpaired = [e for e in leftovers if id(e) not in paired and machine_draft(e) is None]
    targets = [entry for entry in live.values() if key(entry) in stale]
    if unpaired and targets:
        pairs += [(unpaired[n], targets[m], True) for n, m in alike(unpaired, targets, threshold)]
    paired.update(id(rival) for rival, _, _ in pairs)
    typo_fixed = _typo_fixed_targets([e for e in unpaired if id(e) not in paired], po, {id(t) for _, t, _ in pairs})
    pairs += [(rival, target, True) for rival, target in typo_fixed]
    reopened = set() if keep_typo_fixes else {id(target) for _, target in typo_fixed}
    settled: list[polib.POEntry] = []
    last: dict[tuple, str] | None = None
    for rival, target, between in pairs:
        if target.msgstr == rival.msgstr:
            continue
        if last is None:
            last = {key(e): e.msgstr for e in written() or () if not e.obsolete}
        # The text extract carried here is named by its fingerprint (signed off or a draft): it alone says which
        # text is that copy. The record only says what the entry held when extract last ran: a reviewer's text it
        # kept as well; it decides only for an entry carried before verlag wrote the draft's fingerprint.
        notes = Notes.of(target)
        carried = notes.reviewed or notes.carried
        reviewed = entry_state(rival) == REVIEWED
        # the copy as extract carried it; signed off since, when extract carried an unsigned text, it is an edit too
        if (last.get(key(target)) == rival.msgstr or carried == fingerprint(rival.msgstr)) \
                and (notes.reviewed or not reviewed):
            settled.append(rival)  # the text the reviewer replaced since, back with an older copy of the catalog
            report.rivals.append((rival, target, "older", rival.msgstr))
            # a note or flag a reviewer added to the copy stays (the flag made a git merge conflict there)
            target.flags += [flag for flag in rival.flags if flag not in target.flags and flag != "fuzzy"]
            if added := [line for line in Notes.of(rival).own if line not in notes.own]:
                notes.own += added
                notes.store(target)
            continue
        copy = carried == fingerprint(target.msgstr) if carried else last.get(key(target)) == target.msgstr
        loser = rival if not (copy or reviewed) else target
        text, own = loser.msgstr, Notes.of(loser).own
        settled.append(rival)
        if copy or reviewed:
            if id(target) in reopened:
                target.flags.insert(0, "fuzzy")
                target.previous_msgctxt, target.previous_msgid = key(rival)
            _take_text(target, rival, reviewed, key(rival) if between else None)
        if copy:
            report.rivals.append((rival, target, "newer", text))
            continue
        # the other text, findable as an obsolete entry of the old German; fuzzy, so the translation memory
        # never offers it as a reviewed translation
        gone = polib.POEntry(msgid=rival.msgid, msgctxt=rival.msgctxt, msgstr=text, obsolete=True,
                             flags=["fuzzy", FLAG], tcomment="\n".join([*own, RIVAL_NOTE]))
        settled.append(gone)
        report.rivals.append((rival, target, "reviewed" if reviewed else "kept", text))
    return settled


def _typo_fixed_targets(unpaired: list[polib.POEntry], po: polib.POFile,
                        taken: set[int]) -> list[tuple[polib.POEntry, polib.POEntry]]:
    """``_rivals``: each leftover of ``unpaired`` with the live reviewed entry (not in ``taken``) whose German is the
    leftover's with a typo fixed, the same msgctxt; one entry each."""
    found: list[tuple[polib.POEntry, polib.POEntry]] = []
    for rival in unpaired:
        for entry in po:
            if id(entry) not in taken and not entry.obsolete and not entry.fuzzy and entry.msgstr \
                    and not entry.msgid_plural and entry.msgctxt == rival.msgctxt \
                    and is_typo_fix(rival.msgid, entry.msgid):
                taken.add(id(entry))
                found.append((rival, entry))
                break
    return found


def _merged_in(po: polib.POFile, strays: list[polib.POEntry], before: Container[tuple],
               by_key: dict[tuple, polib.POEntry], report: MergeReport, threshold: float,
               written: Callable[[], polib.POFile | None] = lambda: None) -> set[int]:
    """``merge``: a person's translations left over in ``old`` (``strays``: unused, no German of the template's)
    whose German the template ``old`` was last merged with had not either (``before``: its keys, or those of the
    catalog the last extract left): they came into the catalog with a merge (git's keeping both sides, ``msgcat``),
    not from the German. Each is paired with an untranslated entry of German ``before`` has, as ``alike`` pairs changed German: the author changed a sentence nobody had
    translated, and that extract left the changed sentence empty, no ``#|`` naming the old German, while a
    reviewer translated the old one on a branch. It takes the translation as changed German does (``_carry``:
    fuzzy, the old German as ``#| msgid``). Reported in ``rivals`` as "merged"; returns the ids of those carried.

    One without a ``#:`` line whose German the catalog extract last wrote (``written()``) held as an obsolete
    entry (``#~``) is no merge's but that ``#~`` entry revived by hand (its ``#~`` removed, a translation typed in;
    trial 32): reported as "revived". Without that record (a fresh clone) it cannot be told from an entry pasted
    in, and stays "merged". Where its text is not the draft its
    ``draft`` line names (or, signed off, ``settle`` recorded it as a rewrite of that draft), the engine's lines
    (``# mt: …``, ``# draft …``, ``# rewritten by hand from …``) go: they named the draft the obsolete entry held,
    not the text a person typed over it."""
    came = [e for e in strays if key(e) not in before]
    empty = [e for e in po if not e.msgstr and not e.fuzzy and not e.msgid_plural and key(e) in before
             and (was := by_key.get(key(e))) is not None and not was.obsolete and not was.msgstr]
    carried = set()
    retired: list[Container[tuple] | None] = []
    for n, m in alike(came, empty, threshold):
        revived = False
        if not came[n].occurrences:
            if not retired:
                record = written()
                retired.append(None if record is None else {key(e) for e in record if e.obsolete})
            revived = retired[0] is not None and key(came[n]) in retired[0]
        notes = Notes.of(came[n])
        if revived and (notes.rewritten or notes.drafted is not None
                        and notes.drafted != fingerprint(came[n].msgstr)):
            notes.origins, notes.drafted, notes.signed, notes.rewritten = [], None, False, None
            notes.store(came[n])
        _carry(empty[m], came[n], exact=False)
        carried.add(id(came[n]))
        report.rivals.append((came[n], empty[m], "revived" if revived else "merged", ""))
    return carried


# the note on the text of two rivals that did not go live (``_rivals``)
RIVAL_NOTE = "another translation of this German went live in its changed sentence; delete this entry once you chose"


def waiting_rivals(po: Iterable[polib.POEntry]) -> list[tuple[polib.POEntry, polib.POEntry | None]]:
    """The obsolete entries carrying ``RIVAL_NOTE`` (``_rivals``, the merge driver's ``_rival_sign_offs``), each with
    the live entry it rivals: a choice between two translations a reviewer has not made yet (she deletes the entry
    once she chose), which ``extract`` and the merge driver warn of once and ``check`` and ``status`` on every run.
    The live entry is the one whose previous German (``#| msgid`` or verlag's ``previous msgid`` record) is the
    obsolete entry's German; once signed off it names none, and it is the active entry whose German is the most
    like it (``alike``, as ``extract`` paired them); None when no entry is alike enough. The note is found
    however a tool wrapped it."""
    entries = list(po)
    waiting = [e for e in entries if e.obsolete and e.tcomment and RIVAL_NOTE in " ".join(e.tcomment.split())]
    if not waiting:
        return []
    active = [e for e in entries if not e.obsolete and e.msgid]
    by_previous: dict[tuple, polib.POEntry] = {}
    for entry in active:
        notes = Notes.of(entry)
        for previous in ((entry.previous_msgctxt, entry.previous_msgid),
                         (notes.previous_msgctxt, notes.previous_msgid)):
            if previous[1] is not None:
                by_previous.setdefault(previous, entry)
    found: dict[int, polib.POEntry | None] = {n: by_previous.get(key(e)) for n, e in enumerate(waiting)}
    unpaired = [n for n, live in found.items() if live is None]
    if unpaired:
        for n, m in alike([waiting[n] for n in unpaired], active, FUZZY_THRESHOLD):
            found[unpaired[n]] = active[m]
    return [(entry, found[n]) for n, entry in enumerate(waiting)]


def _take_text(target: polib.POEntry, rival: polib.POEntry, reviewed: bool, german: tuple | None = None) -> None:
    """Give the live fuzzy ``target`` the translation of ``rival`` (of its previous German) and its records:
    still fuzzy, the previous msgid kept, or ``german`` ((msgctxt, msgid) the text was made for) when given;
    ``previous msgid, reviewed`` names the text when ``rival`` was signed off."""
    notes, theirs = Notes.of(target), Notes.of(rival)
    target.msgstr = rival.msgstr
    notes.own += [line for line in theirs.own if line not in notes.own]
    notes.origins, notes.drafted, notes.signed, notes.hand = theirs.origins, theirs.drafted, theirs.signed, theirs.hand
    notes.rewritten = theirs.rewritten
    notes.ignored += [name for name in theirs.ignored if name not in notes.ignored]
    notes.reviewed = fingerprint(rival.msgstr) if reviewed else None
    notes.carried = None if reviewed else fingerprint(rival.msgstr)
    if german is not None:
        notes.previous_msgctxt, notes.previous_msgid = german
    settle(target, notes)


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """How alike two source texts are, 0-100 (0 below ``cutoff``): the better of rapidfuzz's character
    edit ratio (``fuzz.ratio``, the Indel similarity msgmerge's fuzzy matching resembles) and its sorted-token
    ratio, so a sentence whose words the author only reordered ("Sie liefert Mineralstoffe nach dem Winter."
    -> "Sie liefert nach dem Winter wertvolle Mineralstoffe.") keeps its translation as a fuzzy entry."""
    return max(fuzz.ratio(a, b, score_cutoff=cutoff), fuzz.token_sort_ratio(a, b, score_cutoff=cutoff))


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=entry.msgctxt,
        occurrences=list(entry.occurrences), comment=entry.comment, tcomment=entry.tcomment,
        flags=list(entry.flags), previous_msgid=entry.previous_msgid,
        previous_msgctxt=entry.previous_msgctxt, obsolete=entry.obsolete)


def _carry(entry: polib.POEntry, previous: polib.POEntry, exact: bool) -> None:
    """Give the template ``entry`` the translation and records of ``previous``.

    ``#| msgid`` stays the German the translation was made for: a stale
    entry that changes again keeps its previous text (as ``msgmerge
    --previous`` does), a reviewed or machine translation takes its own msgid.
    """
    entry.msgstr = previous.msgstr
    notes = Notes.of(previous)
    extra = [f for f in previous.flags if f not in entry.flags and f != "fuzzy"]
    fuzzy = (previous.fuzzy or not exact) and bool(entry.msgstr)
    entry.flags = (["fuzzy"] if fuzzy else []) + entry.flags + extra
    state = entry_state(previous)
    if not exact and state != STALE:
        notes.previous_msgctxt, notes.previous_msgid = previous.msgctxt, previous.msgid
        notes.reviewed = fingerprint(previous.msgstr) if state == REVIEWED else None
        notes.carried = None if state == REVIEWED else fingerprint(previous.msgstr)
    settle(entry, notes)


def carry_changed(entry: polib.POEntry, previous: polib.POEntry) -> None:
    """Give ``entry``, changed German, the translation of ``previous``, the entry of the German it was (in
    ``parse_po``'s form), as ``merge`` does: fuzzy, that German as ``#| msgid`` and verlag's ``previous msgid``
    record (``_carry``)."""
    _carry(entry, previous, exact=False)


_STATES_NOTE = "Entries without the fuzzy flag are reviewed; machine drafts stay fuzzy until a person checks them."
_TITLE_NOTE = re.compile(r"Translation \([^)\s]*\) of .*\)\.")  # "Translation (en) of “Tee” (source_de/tee.md)."


def _header(pot: polib.POFile, lang: str, previous: str) -> str:
    """Our two lines, always current (titles and files change), plus whatever else a reviewer put there
    (``_reviewers_lines``)."""
    title = pot.header.splitlines()[0].removeprefix("Template for ")
    return "\n".join([f"Translation ({lang}) of {title}", _STATES_NOTE, *_reviewers_lines(previous)])


def _reviewers_lines(previous: str) -> list[str]:
    """The lines of a catalog's header comment ``previous`` other than verlag's two, also where a tool wrapped
    those (Babel's writer wraps comments at 76 columns: "…stay fuzzy" and "until a person checks them." on two
    lines), and without the tails of the second that a wrapped copy left behind in earlier runs."""
    lines = previous.splitlines()
    kept: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at].strip()
        if line.startswith("Translation ("):
            at += next((n for n in range(1, 5)
                        if _TITLE_NOTE.fullmatch(" ".join(part.strip() for part in lines[at:at + n]))), 1)
        elif line.startswith("Entries without the fuzzy flag"):
            at += 1
            while at < len(lines) and line != _STATES_NOTE and lines[at].strip() \
                    and _STATES_NOTE.startswith(f"{line} {lines[at].strip()}"):
                line = f"{line} {lines[at].strip()}"
                at += 1
            while at < len(lines) and lines[at].strip() and _STATES_NOTE.endswith(f" {lines[at].strip()}"):
                at += 1  # a tail an earlier run kept as a reviewer's line
        else:
            kept.append(lines[at])
            at += 1
    return kept


# The header field naming the German a catalog was last merged with (``german_digest`` of its template): unlike
# ``POT-Creation-Date`` it differs for other German under SOURCE_DATE_EPOCH or within a minute, and msgmerge, which
# copies the template's date into a catalog it updates, leaves it as it was (then it names no template on disk)
TEMPLATE_FIELD = "X-Verlag-Template"


def german_digest(keys: Iterable[tuple]) -> str:
    """Twelve hex digits of SHA-256 over a template's (msgctxt, msgid) keys in order: which German a catalog was
    merged with (``TEMPLATE_FIELD``), so ``extract`` can tell a msgid edited in the catalog from an older German."""
    digest = hashlib.sha256()
    for msgctxt, msgid in keys:
        digest.update(f"{msgctxt or ''}\x04{msgid}\x00".encode("utf-8"))
    return digest.hexdigest()[:12]


def _metadata(old: polib.POFile | None, pot: polib.POFile, lang: str) -> dict[str, str]:
    previous = old.metadata if old is not None else {}
    meta = {
        "Project-Id-Version": pot.metadata["Project-Id-Version"],
        "POT-Creation-Date": pot.metadata["POT-Creation-Date"],
        "PO-Revision-Date": previous.get("PO-Revision-Date") or pot.metadata["POT-Creation-Date"],
        "Last-Translator": previous.get("Last-Translator", ""),
        "Language-Team": previous.get("Language-Team", ""),
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang),
        "X-Generator": pot.metadata["X-Generator"],
        TEMPLATE_FIELD: german_digest(key(e) for e in pot),
    }
    for name, value in previous.items():
        meta.setdefault(name, value)
    return meta


def render(po: polib.POFile) -> str:
    return render_po(po)


def catalog_bytes(po: polib.POFile, previous: bytes | None) -> bytes:
    """``po`` as the bytes to write over ``previous`` (the file's bytes; None: a new file) in the layout that file
    has: wrapped as GNU ``msgcat`` wraps, or as ``msgcat --no-wrap`` lays it out when a reviewer's tool saved it
    so (``pofile.wraps``), with its line ends (``pofile.encode_like``); a string whose text did not change keeps
    the lines it had in that file (``pofile.layouts``: Weblate's and Poedit's own wrapping stays, so only what
    changed shows in a diff). A catalog whose entries and header fields this leaves as they were is ``previous``
    itself, byte for byte (``_only_generator``): a reviewer's save is not written over to put verlag's
    ``X-Generator`` (or verlag's order of the header fields) in place of their tool's."""
    data = encode_like(render_po(po, wraps(previous), layouts(previous)), previous)
    return previous if previous and data != previous and _only_generator(data, previous) else data


def same_entries(before: bytes, after: bytes) -> bool:
    """Whether two versions of a catalog hold the same header fields and, entry for entry in order, the same German,
    translation, state and comments (``#.``, ``#:`` and translator comments): they differ in layout only
    (wrapping, line ends, blank lines) or in verlag's flags other than fuzzy (``markdown-text``), which GNU
    ``msgcat``, ``msguniq`` and ``msgattrib`` drop. False when either cannot be read.

    Asked of every catalog an ``extract`` rewrites, most of them with German added or removed: their keys
    (``pofile.keys``, read without making the entries, 0.4 of a parse) tell those apart first, and only
    catalogs with the same German in the same order are parsed whole. Text with ``#|`` lines is parsed whole
    at once, as ``keys`` would parse it anyway."""
    from .pofile import keys, parse

    try:
        texts = [data.decode("utf-8").replace("\r\n", "\n") for data in (before, after)]
    except UnicodeDecodeError:
        return False

    def entries(text: str) -> tuple | None:
        try:
            po = parse(text)
        except ValueError:
            return None
        return (sorted(po.metadata.items()),
                [(e.obsolete, e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, sorted(e.msgstr_plural.items()),
                  e.fuzzy, e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural, e.tcomment, e.comment,
                  e.occurrences) for e in po])

    if not any("#|" in text or "#~|" in text for text in texts):
        try:
            if keys(texts[0]) != keys(texts[1]):
                return False
        except ValueError:
            return False
    first = entries(texts[0])
    return first is not None and first == entries(texts[1])


# A catalog's header entry (comments, ``msgid ""``, its msgstr's lines), up to the blank line after it; any line end
_HEADER_ENTRY = re.compile(rb'\A(?:#[^\n]*\n)*msgid ""\r?\nmsgstr ""\r?\n((?:"[^\n]*\n)*)')
_HEADER_STRING = re.compile(rb'^"(.*)"\r?$', re.M)
_GENERATOR = b"X-Generator:"


def _only_generator(data: bytes, previous: bytes) -> bool:
    """Whether the catalog bytes ``data`` differ from ``previous`` (the file they would replace) only in their
    header's ``X-Generator`` field, the order of its fields or how its msgstr is wrapped: the same comments and
    entries byte for byte, the same fields with the same values. Poedit, Weblate and Lokalize write their own name
    there on every save (and Weblate puts ``Report-Msgid-Bugs-To`` where verlag does not): a merge that changed
    nothing else would otherwise rewrite every file a reviewer saved, and their editor and ``git diff`` would
    show a change of nobody's. The name stays the tool's that saved last, which it is (``saved_by_verlag``)."""
    ours, theirs = _HEADER_ENTRY.match(data), _HEADER_ENTRY.match(previous)
    if ours is None or theirs is None or data[ours.end():] != previous[theirs.end():] \
            or data[:ours.start(1)] != previous[:theirs.start(1)]:
        return False

    def fields(match: re.Match) -> dict[bytes, bytes]:
        text = b"".join(_HEADER_STRING.findall(match.group(1)))
        return {line.partition(b":")[0]: line for line in text.split(b"\\n")
                if line and not line.startswith(_GENERATOR)}

    return fields(ours) == fields(theirs)


def fresh_text(pot: polib.POFile, pot_text: str, lang: str) -> str | None:
    """``render(merge(None, pot, lang)[0])``, the catalog made from the template alone, from ``pot_text``, which
    is ``render(pot)``: that catalog holds the template's entries as they are, so only its header is rendered
    and the entries' lines are the template's (a cold ``extract`` wrapped every msgid twice). None when
    ``pot_text`` does not start with ``pot``'s header."""
    head = render_header(pot)
    if not pot_text.startswith(head):
        return None
    po = polib.POFile()
    po.metadata = _metadata(None, pot, lang)
    po.header = _header(pot, lang, "")
    return render_header(po) + pot_text[len(head):]


def redate(pot: polib.POFile, text: str, created: str) -> str:
    """``text``, which is ``render(pot)``, for ``pot`` with POT-Creation-Date ``created`` (set on ``pot`` too).

    Only the header is rendered again: the entries, nearly all of the work, do not depend on the date.
    """
    before = render_header(pot)
    pot.metadata["POT-Creation-Date"] = created
    return render_header(pot) + text[len(before):]


# Never "delete it": a catalog that does not parse still holds a reviewer's work.
_FIX_ADVICE = "fix that line (msgfmt --check shows it too); the file holds its translations and is left as it was"


def parse_po(text: str, ref: str, normalized: bool = True) -> polib.POFile:
    """Parse a catalog (``pofile.parse``, polib's reading); any damage is a VerlagError naming ``ref`` and the line.

    Each entry is brought into verlag's form (``normalize``) unless ``normalized`` is False: then it is as the file
    holds it, what the merge of a catalog's versions (``gitmerge``) compares side by side."""
    _check_strings(text, ref)
    try:
        po = parse(text, whole=True)
    except BadEscape as exc:
        raise VerlagError(f"cannot read catalog: {exc.reason} at column {exc.column} ({exc.hint}); {_FIX_ADVICE}",
                          ref, exc.line) from None
    except (OSError, ValueError) as exc:
        match = re.search(r"line (\d+)", str(exc))
        message = re.sub(r"\s*\(line \d+\)", "", str(exc)).replace(" in po file", "").strip()
        raise VerlagError(f"cannot read catalog: {message.lower()}; {_FIX_ADVICE}",
                          ref, int(match.group(1)) if match else None) from None
    seen: dict[tuple, int] = {}
    lokalize, unsaved = approval_keeps_previous(po), saved_by_verlag(po)
    for entry in po:
        k = (entry.msgctxt, entry.msgid)  # ``key``
        if k in seen:
            raise VerlagError(f"duplicate entry for {entry.msgid[:40]!r} (first at line {seen[k]}): a catalog "
                              "holds each msgid once (msgfmt refuses it too); keep one of the two entries, with the "
                              "translation you want, and delete the other", ref, entry.linenum)
        seen[k] = entry.linenum
        if normalized:
            normalize(entry, lokalize, unsaved)
            if (unread := getattr(entry, _UNREAD_SIGN_OFF, None)) is not None:
                setattr(entry, _UNREAD_SIGN_OFF, (*unread, _saved_as(po)))
    return po


def _saved_as(po: polib.POFile) -> tuple[str, str]:
    """The header fields every PO editor sets when it saves (Poedit, Weblate, Lokalize): X-Generator and
    PO-Revision-Date; ``msgattrib``, ``msgcat``, a script and a text editor keep both."""
    return (po.metadata.get("X-Generator") or "").strip(), (po.metadata.get("PO-Revision-Date") or "").strip()


def approval_keeps_previous(po: polib.POFile) -> bool:
    """Whether the catalog was last saved by Lokalize (its ``X-Generator: Lokalize …`` header), whose "Approved"
    removes only the fuzzy flag and keeps the ``#|`` lines (``GettextStorage::setApproved`` ->
    ``CatalogItem::unsetFuzzy``): there a signed-off entry with a previous msgid is a person's sign-off of the
    new German, never a bulk one (``stale_sign_off``)."""
    return (po.metadata.get("X-Generator") or "").lstrip().startswith("Lokalize")


def saved_by_verlag(po: polib.POFile) -> bool:
    """Whether the catalog's ``X-Generator`` is still verlag's: no PO editor saved it since verlag wrote it (Poedit,
    Weblate and Lokalize write their own name there; ``msgattrib``, ``msgcat``, a script and a text editor keep
    it), so no entry of it was signed off in an editor that shows the new German beside the old."""
    return (po.metadata.get("X-Generator") or "").lstrip().startswith("verlag ")


_PO_LINE = re.compile(r'^(?:(?:#~\||#[~|])\s*)*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')
# Lines ``_check_strings`` passes at a glance, as gettext writes them: empty, a comment, one string.
_PLAIN_LINES = re.compile(r'^(?:#(?![~|]).*|(?:#~ |#\| |#~\| )?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) )?'
                          r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|)\r?$', re.M)


# a comment line, also one after an obsolete entry's ``#~`` prefix (``#~ #, fuzzy``), as gettext reads it
_COMMENT_LINE = re.compile(r"(?:#~\s*)*#(?![~|])")


def _check_strings(text: str, ref: str) -> None:
    """Reject what polib silently repairs (an unterminated string loses its last character), and name git's
    conflict markers as what they are: a merge left unresolved, not a syntax error.

    One regex pass removes the plain lines; only a text with other lines left is checked line by line.
    """
    if not _PLAIN_LINES.sub("", text).strip("\n"):
        return
    refuse_conflict(text, ref, "keep the msgstr you want")
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or _COMMENT_LINE.match(stripped) or stripped in ("#~", "#|", "#~|"):
            continue
        if not _PO_LINE.match(stripped):
            raise VerlagError(f"cannot read catalog: syntax error (a string is not enclosed in \"…\"); {_FIX_ADVICE}",
                              ref, number)


BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark, as Notepad saves it


def charset_codec(data: bytes) -> tuple[str, str] | None:
    """(the charset the catalog ``data``'s header declares, its Python codec) when that is an encoding other
    than UTF-8 that Python knows (``CP1252``, ``ISO-8859-15``, ``KOI8-R``, ``EUC-JP``: GNU gettext's names);
    None for UTF-8, none declared, the template's ``CHARSET`` or a name Python does not know."""
    import codecs

    charset = declared_charset(data)
    if charset is None:
        return None
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return None
    return None if codec in ("utf-8", "utf-8-sig") else (charset, codec)


def decode_po(data: bytes, ref: str) -> str:
    """A catalog's bytes as text, a byte-order mark at the start dropped (polib reads past it, so a catalog
    Notepad saved is read; it is written back without, which GNU msgfmt needs); more than ``limits.CATALOG`` is an
    error naming the file (never parsed). Read as UTF-8, or in the charset its header declares (``charset_codec``:
    ``msgconv --to-code=CP1252`` wrote it, and ``msgfmt --check`` reads it so) where the bytes are not UTF-8; bytes
    that are neither are an error naming the line (a catalog saved in another encoding than its header says)."""
    CATALOG.check(len(data), ref)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        named = not_utf8(data)
        if named is not None:
            raise VerlagError(f"catalog {named[1]}: save it as UTF-8: in Poedit File > Save writes UTF-8, or iconv -f "
                              f"UTF-16 -t UTF-8 {ref} > {ref}.utf8 (then rename it over {ref})" if named[0] == "utf-16"
                              else f"catalog is {named[1]}; restore it (git checkout -- {ref}), or delete it and run "
                              "verlag extract (its translations are lost)", ref, 1) from None
        declared = charset_codec(data)
        if declared is not None:
            charset, codec = declared
            try:
                return data.decode(codec)
            except UnicodeDecodeError as wrong:
                raise VerlagError(f"catalog is not {charset}, as its header's charset says (byte "
                                  f"0x{data[wrong.start]:02x}): saved in another encoding? save it again in "
                                  f"{charset}, or make its header name the encoding it was saved in, then "
                                  f"msgconv --to-code=UTF-8 -o {ref} {ref}", ref,
                                  data.count(b"\n", 0, wrong.start) + 1) from None
        codec, name = _code_page(data, exc.start)
        raise VerlagError(f"catalog is not UTF-8 (byte 0x{data[exc.start]:02x}: saved in another encoding, such as "
                          f"{name}, {codec}?); save it as UTF-8: in Poedit File > Save writes UTF-8, or "
                          f"msgconv --to-code=UTF-8 -o {ref} {ref} (its header's charset must name its encoding), or "
                          f"iconv -f {codec} -t utf-8 {ref} > {ref}.utf8 (then rename it over {ref})", ref,
                          data.count(b"\n", 0, exc.start) + 1) from None


# Windows' code pages an editor may save a catalog in: (codec, name, the languages written in it), the likeliest
# first: Western European, as a German or French reviewer's editor saves
_CODE_PAGES = (("cp1252", "Windows Western European", ()),
               ("cp1250", "Windows Central European", ("bs", "cs", "hr", "hu", "pl", "ro", "sk", "sl", "sq")),
               ("cp1251", "Windows Cyrillic", ("be", "bg", "mk", "ru", "sr", "uk")),
               ("cp1253", "Windows Greek", ("el",)),
               ("cp1254", "Windows Turkish", ("az", "tr")),
               ("cp1257", "Windows Baltic", ("et", "lt", "lv")))


def _code_page(data: bytes, at: int) -> tuple[str, str]:
    """(codec, name) of the code page the catalog ``data`` (not UTF-8 at byte ``at``) was most likely saved in: of
    those of ``_CODE_PAGES`` that decode the line of that byte (the rest may be UTF-8, pasted), the one of the
    language its ``Language:`` header names, else the first (most bytes decode in several of them: cp1252 and
    cp1254 differ in six letters); cp1252 when none does."""
    header = re.search(rb'^"Language: *([A-Za-z]+)', data, re.M)
    lang = header.group(1).decode("ascii").lower() if header else ""
    line = data[data.rfind(b"\n", 0, at) + 1:data.find(b"\n", at) % (len(data) + 1)]
    fits = []
    for codec, name, langs in _CODE_PAGES:
        try:
            line.decode(codec)
        except UnicodeDecodeError:
            continue
        if lang in langs:
            return codec, name
        fits.append((codec, name))
    return (fits or [_CODE_PAGES[0][:2]])[0]


def read_po(path, ref: str, limit: Limit = CATALOG) -> polib.POFile | None:
    try:
        data = file_bytes(path, limit, ref)
    except FileNotFoundError:
        return None
    return po_from_bytes(data, ref)


def po_from_bytes(data: bytes | None, ref: str) -> polib.POFile | None:
    """A catalog from a file's bytes (None for a missing file); VerlagError naming ``ref`` and line if damaged.

    An empty file is damaged too, not a catalog without entries: every catalog has a header entry, and
    an editor saving in place empties the file before it writes (``fsutil.rewrite`` reads it again once
    the save is done; one that stays empty is reported, never merged into).
    """
    if data is None:
        return None
    if not data.strip():
        raise VerlagError("catalog is empty (a save cut short?); restore it, or run verlag extract: it makes it "
                          "again from its copy of the last extract in .verlag/extracted/ (from the template where "
                          "there is none)", ref)
    return parse_po(decode_po(data, ref), ref)


def load_po(path, ref: str) -> tuple[bytes | None, polib.POFile | None]:
    """The catalog at ``path`` and the very bytes it was parsed from, for a fingerprint of what was used;
    a file caught half-written by an in-place save is read again when done (``fsutil.read_parsed``)."""
    return read_parsed(path, lambda data: po_from_bytes(data, ref), CATALOG, ref)


def same_content(a: str, b: str, differ: Callable[[], bool] | None = None) -> bool:
    """Do two templates (PO text) hold the same messages, apart from their dates?

    Compared: the header comment and fields other than the creation and
    revision dates and ``GERMAN_FIELD``, and each entry's msgctxt, msgid, references and extracted
    comments, in order. Not compared: layout (line wrapping, field order) and
    flags, which ``msgcat``, Poedit and the like rewrite or drop; a template
    they rewrote keeps its creation date, so no catalog's header churns.

    ``differ``: a cheaper test, asked only when the texts differ in more than their dates, that is True when
    they surely hold other messages (``extract``: other (msgctxt, msgid) keys, ``b``'s read once for its
    merges too), so that an edited article's templates are not both parsed just to tell them apart.
    """
    dates = re.compile(rf'^"(POT-Creation-Date|PO-Revision-Date|{GERMAN_FIELD}): .*\\n"$', re.M)
    if dates.sub("", a) == dates.sub("", b):
        return True  # the common case, without parsing
    if differ is not None and differ():
        return False

    def content(text: str):
        po = parse(text)
        meta = {k: v for k, v in po.metadata.items()
                if k not in ("POT-Creation-Date", "PO-Revision-Date", GERMAN_FIELD)}
        return po.header, meta, [(e.msgctxt, e.msgid, e.occurrences, e.comment, e.obsolete) for e in po]

    try:
        return content(a) == content(b)
    except (OSError, ValueError):
        return False

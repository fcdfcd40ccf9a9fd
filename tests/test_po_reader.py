"""``pofile.parse`` returns what ``polib.pofile`` returns for the file, field for field, for every catalog.

Differential tests: polib is the reference. Compared are the ``POFile``'s own
attributes and every attribute of every entry (``vars``), so a quirk of
polib's (a header line swallowed, ``linenum`` 0 for the first entry, the
header entry's flags as ``metadata_is_fuzzy``) is a quirk of ``parse`` too.
Damaged text must fail in ``parse`` with polib's very exception and message.
Escapes are the exception: ``parse`` reads them as GNU gettext does, so the
reference is polib with its ``unescape`` replaced by ``gettext_unescape``,
and GNU msgfmt and msgcat are the reference for which escapes are read.
"""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import tempfile
from pathlib import Path
from unittest import mock

import polib
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline import catalog, pofile
from pipeline.errors import VerlagError
from pipeline.pofile import BadEscape, keys, parse, render_po, whole_entries

from conftest import REPO, Project, article, msgfmt_check, review

# polib, the oracle, splits a file with str.splitlines, which ends a line at a form feed, U+0085 and the like too;
# gettext ends it only at "\n". The control-character check's golden catalog holds such characters on purpose.
SPLITLINES_ONLY = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
CATALOGS = sorted(p for p in REPO.rglob("*.po*") if p.suffix in (".po", ".pot") and ".venv" not in p.parts
                  and not any(c in SPLITLINES_ONLY for c in p.read_text(encoding="utf-8", errors="replace")))


def fields(po: polib.POFile) -> tuple:
    return (type(po), po.header, po.metadata, po.metadata_is_fuzzy, po.encoding, po.wrapwidth, po.fpath,
            po.check_for_duplicates, [(type(e), vars(e)) for e in po])


def outcome(read, text: str):
    """The catalog's fields, or the exception's type and message."""
    try:
        return fields(read(text))
    except (OSError, ValueError) as exc:
        return type(exc), str(exc)


_CONTROLS = {"n": 10, "t": 9, "r": 13, '"': 34, "\\": 92, "a": 7, "b": 8, "f": 12, "v": 11}


def gettext_unescape(token: str) -> str:
    """One quoted string's inside read as GNU gettext's lexer reads it (read-po-lex.c, ``control_sequence``), a
    character at a time: nine escapes, one to three octal digits, ``x`` and hex digits (a byte: the low 8 bits),
    anything else ``ValueError``; the bytes read as UTF-8, cut at a NUL (a C string)."""
    out, i = bytearray(), 0
    while i < len(token):
        if token[i] != "\\":
            out += token[i].encode()
            i += 1
            continue
        after = token[i + 1:i + 2]
        if after and after in _CONTROLS:
            out.append(_CONTROLS[after])
            i += 2
        elif after and after in "01234567":
            end = i + 1
            while end < min(i + 4, len(token)) and token[end] in "01234567":
                end += 1
            out.append(int(token[i + 1:end], 8) & 0xFF)
            i = end
        elif after == "x" and token[i + 2:i + 3] and token[i + 2] in string.hexdigits:
            end = i + 2
            while end < len(token) and token[end] in string.hexdigits:
                end += 1
            out.append(int(token[i + 2:end], 16) & 0xFF)
            i = end
        else:
            raise ValueError(f"invalid control sequence \\{after}")
    return bytes(out).partition(b"\0")[0].decode("utf-8")


def polib_file(text: str) -> polib.POFile:
    """What polib reads from a file holding ``text`` (lines split at LF, CRLF and CR, as gettext and Poedit split
    them), escapes read as gettext reads them (``gettext_unescape``); ``polib.pofile(text)`` itself also splits at
    U+2028, NEL, U+001C…, which ``str.splitlines`` breaks at."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.po"
        path.write_text(text, encoding="utf-8", newline="")
        try:
            with mock.patch.object(polib, "unescape", gettext_unescape):
                po = polib.pofile(str(path))
        except (OSError, ValueError) as exc:  # its message names the file, as a text has none
            raise type(exc)(str(exc).replace(f"{path} ", "")) from None
    po.fpath = None
    return po


def gettext_lines(text: str) -> str:
    """``text`` as ``parse`` reads it beyond polib, for ``polib_file``: comment lines after the last entry's last
    string left out (gettext reads them as no entry's; polib dropped that entry itself when they ended in a bare
    ``#,``, ``#.`` or ``#:``), a line of a bare ``#~``, ``#|`` or ``#~|`` blank (gettext's lexer reads them as
    prefixes of nothing, polib as syntax errors) and ``#~|`` lines, an obsolete entry's previous text, as ``#|``
    lines (polib passes over them); before all that, the ``#~`` prefixes of a comment line (``#~ #, fuzzy``) left
    out, as gettext's lexer reads the comment after them."""
    text = re.sub("(?<![^\r\n\ufeff])[ \t]*(?:#~[ \t]*)+(?=#(?!~))", "", text)
    lines = re.findall(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+", text)
    end = len(lines)
    while end and re.fullmatch(r"[ \t]*(#([ \t#].*|[.:,]([ \t].*)?|~\|?[ \t]*|\|[ \t]*))?", lines[end - 1].rstrip("\r\n")):
        end -= 1
    if end and lines[end - 1].rstrip().endswith('"'):
        lines = lines[:end]
    for n, line in enumerate(lines):
        bom = "\ufeff" if n == 0 and line.startswith("\ufeff") else ""
        line = line.removeprefix(bom)
        body = line.rstrip("\r\n")
        if body.strip(" \t") in ("#~", "#|", "#~|"):
            lines[n] = bom + line[len(body):]
        elif body.lstrip(" \t").startswith("#~|"):
            lines[n] = bom + "#| " + line.lstrip(" \t")[3:].lstrip(" \t")
    return "".join(lines)


def assert_same(text: str) -> None:
    assert outcome(parse, text) == outcome(lambda text: polib_file(gettext_lines(text)), text)


def test_the_repository_holds_catalogs_of_every_kind():
    names = {p.parent.name for p in CATALOGS}
    assert len(CATALOGS) > 80 and {"en", "fr", "templates", "sentence-changed", "typo-fixes-kept"} <= names


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_catalog_in_the_repository_reads_as_polib_reads_it(path):
    assert_same(path.read_text(encoding="utf-8"))


def test_catalogs_in_gettexts_layout_never_need_polib(monkeypatch):
    """The speed is real: verlag's own catalogs are read by the regex reader, not handed to polib."""
    texts = [p.read_text(encoding="utf-8") for p in CATALOGS]
    expected = [fields(polib.pofile(t)) for t in texts]

    def refuse(*args, **kwargs):
        raise AssertionError("parse handed a well-formed catalog to polib")

    monkeypatch.setattr(polib, "pofile", refuse)
    assert [fields(parse(t)) for t in texts] == expected


def msgcat(text: str, tmp_path, *options: str) -> str:
    source = tmp_path / "in.po"
    source.write_text(text, encoding="utf-8")
    return subprocess.run(["msgcat", *options, str(source)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("options", [(), ("--no-wrap",), ("-w", "30"), ("--sort-output",), ("--no-location",),
                                     ("--add-location=file",)], ids=" ".join)
def test_catalogs_rewritten_by_msgcat_read_as_polib_reads_them(options, tmp_path):
    for path in CATALOGS:
        assert_same(msgcat(path.read_text(encoding="utf-8"), tmp_path, *options))


def test_catalogs_updated_by_msgmerge_read_as_polib_reads_them(tmp_path):
    """msgmerge --previous writes fuzzy entries with ``#| msgid`` and obsolete ones with ``#~|``."""
    merged = 0
    for po_path in sorted((REPO / "translations").glob("*/*.po")):
        pot_path = REPO / "translations" / "templates" / f"{po_path.stem}.pot"
        if not pot_path.exists():
            continue
        pot = polib.pofile(str(pot_path))
        for n, entry in enumerate(pot):  # the author rewrites every third sentence and deletes every fifth
            entry.msgid = entry.msgid + " Dazu mehr." if n % 3 == 0 else entry.msgid
        kept = polib.POFile()
        kept.metadata = pot.metadata
        kept.extend(e for n, e in enumerate(pot) if n % 5)
        changed = tmp_path / "changed.pot"
        changed.write_text(render_po(kept), encoding="utf-8")
        out = subprocess.run(["msgmerge", "--quiet", "--previous", str(po_path), str(changed)],
                             capture_output=True, text=True, check=True).stdout
        assert "#| msgid" in out and "#~ msgid" in out
        assert_same(out)
        merged += 1
    assert merged >= 6


def test_bom_crlf_plural_forms_and_every_escape():
    text = ('\ufeff# Kopf\r\n#\r\n# zweite Zeile\r\n#, fuzzy\r\nmsgid ""\r\nmsgstr ""\r\n'
            '"Content-Type: text/plain; charset=UTF-8\\n"\r\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\r\n\r\n'
            '#: a.md:1 b.md c:d.md:x :7\r\n#, c-format\r\nmsgid "%d Datei \\a\\b\\f\\v\\r\\t\\n\\"\\\\ \\101 \\x41"\r\n'
            'msgid_plural "%d Dateien"\r\nmsgstr[0] "%d file"\r\n"s"\r\nmsgstr[1] "%d files"\r\n\r\n'
            '#| msgctxt "alt"\r\n#| msgid "Alt"\r\n#| "er Satz"\r\n#| msgid_plural "Alte"\r\nmsgctxt "neu"\r\n'
            'msgid "Neu"\r\nmsgstr ""\r\n\r\n#, fuzzy\r\n#~| msgid "Vorher"\r\n#~ msgctxt "weg"\r\n'
            '#~ msgid "Weg"\r\n#~ "gegangen"\r\n#~ msgstr "Gone"\r\n')
    assert_same(text)
    po = parse(text)
    assert po[0].msgid == '%d Datei \a\x08\x0c\x0b\r\t\n"\\ A A'  # as gettext: \a, octal and hex too
    assert po[0].msgstr_plural == {0: "%d files", 1: "%d files"}
    assert po[0].occurrences == [("a.md", "1"), ("b.md", ""), ("c:d.md:x", ""), ("", "7")]
    assert (po[1].previous_msgctxt, po[1].previous_msgid, po[1].previous_msgid_plural) == ("alt", "Alter Satz", "Alte")
    assert (po[2].obsolete, po[2].msgid, po[2].previous_msgid) == (1, "Weggegangen", "Vorher")  # as gettext
    assert po.header == "Kopf\n\nzweite Zeile" and po.metadata_is_fuzzy == ["fuzzy"]



def test_comments_after_the_last_entry_read_as_polib_reads_them():
    # A reviewer's notes below the last entry: no entry follows them, so the fast path gives up; the
    # entry regex must do so in linear time (it tried every split of the lines: 1 s for 1,600 lines).
    # Speed is measured by bench/bench_po_reader.py; here the outcome.
    tail = "".join(f"{mark}\n" for mark in ("# t", "#. c", "#: a:1", "#, f") for _ in range(2000))
    assert_same('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n\n'
                + tail)


NOTES = ["#", "# Kommentar", "#  zwei", "##doppelt", "# trailing  ", "#.", "#. Hinweis", "#.  Hinweis", "#:",
         "#: a.md:3 b.md", "#: :4 x: y:z", "#,", "#, fuzzy", "#, fuzzy, markdown-text", "#| msgid \"alt\"",
         "#| \"weiter\"", "#| msgctxt \"k\"", "#| msgid_plural \"alte\"", "#~| msgid \"weg\"", "#~| \"mehr\""]
STRINGS = ['""', '"Satz"', '"a\\"b\\\\"', '"Fortsetzung "', '"a\\tb\\x41\\101\\a\\n"', '"z.\u00a0B."',
           '"Gr\\303\\274\\xc3\\x9f Gott"', '"vor\\0nach"', '"C:\\\\quellen"',
           '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: en\\n"']
DAMAGED = ["", "   ", "#~", "#|", "#| msgid", "#~|", "#,fuzzy", "#~ #, fuzzy", "#~ # Notiz", "#~ #| msgid \"x\"",
           "msgstr[10] \"zehn\"", "msgstr[x] \"?\"", "\"offen", "\"a\"b\"", "msgid \"a\" ", "  msgid \"eingerückt\"",
           "msgid\t\"tab\"", "msgid\"dicht\"", "Unsinn", "\"\\\\\"\"", "\"\u2028\"", "#\tKommentar", "#\u00a0x",
           "msgstr \"\"", "msgid \"\"", "#~ msgstr \"gone\""]


@st.composite
def line_soups(draw) -> list[str]:
    """Entries in gettext's shape (any comments in any order, optional msgctxt, plural or not, obsolete or
    not, continuation lines), with now and then a damaged or out-of-place line put anywhere."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        lines += draw(st.lists(st.sampled_from(NOTES), max_size=5))
        prefix = draw(st.sampled_from(["", "", "#~ "]))
        keywords = ["msgctxt"] * draw(st.booleans()) + ["msgid"]
        keywords += ["msgid_plural", "msgstr[0]", "msgstr[1]"] if draw(st.booleans()) else ["msgstr"]
        for keyword in keywords:
            strings = draw(st.lists(st.sampled_from(STRINGS), min_size=1, max_size=3))
            lines += [f"{prefix}{keyword} {strings[0]}"] + [prefix + s for s in strings[1:]]
        lines += [""] * draw(st.integers(0, 2))
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(DAMAGED + NOTES)))
    return lines


@settings(max_examples=500)
@given(line_soups(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
# two header entries: polib reads it, gettext's escapes written for it on the first line too, after the BOM
@example(['msgctxt "vor\\0nach"', '""', 'msgid ""', 'msgstr ""', 'msgid ""', 'msgstr ""'], "\n", True)
# a last entry without msgstr before a comment line: polib drops it, parse kept it (found by CI3's run of this test)
@example(['msgid "a" ', '#'], "\r", False)
# the same before an extracted comment: a trailer, which polib never sees, so the entry is read (CI1 of 2026-12-04)
@example(['msgid "a" ', '#.  Hinweis'], "\r", False)
def test_any_sequence_of_lines_reads_or_fails_as_in_polib(lines, newline, bom):
    """Good and damaged lines in any order: the same catalog, or polib's error with its line number."""
    assert_same(("\ufeff" if bom else "") + newline.join(lines))


def key_outcome(read, text: str):
    """The (msgctxt, msgid) keys ``read`` gives, or the exception's type and message."""
    try:
        return read(text)
    except (OSError, ValueError) as exc:
        return type(exc), str(exc)


def parsed_keys(text: str) -> list[tuple]:
    return [(e.msgctxt, e.msgid) for e in parse(text)]


@settings(max_examples=500)
@given(line_soups(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
@example(['msgid ""', 'msgstr ""', "", 'msgctxt "a"', 'msgid ""', 'msgstr "x"'], "\n", False)
@example(['msgid ""', 'msgstr ""', "", '#~ msgid ""', '#~ msgstr ""', "", 'msgid ""', 'msgstr ""'], "\n", True)
@example(['msgid ""', 'msgstr ""', "", 'msgid "C:\\quellen"', 'msgstr ""'], "\n", False)  # BadEscape, line 4
def test_keys_are_the_keys_of_the_parsed_catalog_or_its_error(lines, newline, bom):
    """``pofile.keys`` (the template extract compares, read without its entries) gives the msgctxt and msgid of
    every entry ``parse`` makes, obsolete ones and a second header entry included, or parse's very error."""
    text = ("\ufeff" if bom else "") + newline.join(lines)
    assert key_outcome(keys, text) == key_outcome(parsed_keys, text)


def test_keys_of_every_catalog_in_the_repository_are_the_parsed_ones():
    for path in CATALOGS:
        text = path.read_text(encoding="utf-8")
        assert key_outcome(keys, text) == key_outcome(parsed_keys, text), path


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t\r\a\b\f\v\\\""),
               max_size=120)


@st.composite
def catalogs(draw) -> polib.POFile:
    po = polib.POFile()
    po.header = draw(st.sampled_from(["", "Kopf", "Kopf\nzweite Zeile"]))
    po.metadata_is_fuzzy = draw(st.booleans())
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en",
                   "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    seen = set()
    for _ in range(draw(st.integers(0, 8))):
        msgctxt, msgid = draw(st.none() | TEXT), draw(TEXT.filter(bool))
        obsolete = draw(st.booleans())
        if (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        entry = polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=draw(TEXT), obsolete=obsolete,
                              tcomment=draw(st.sampled_from(["", "mt: copy", "eigene Worte\ndraft 1a2b3c4d"])),
                              flags=draw(st.sampled_from([[], ["fuzzy"], ["fuzzy", "markdown-text"]])))
        if not obsolete:
            entry.comment = draw(st.sampled_from(["", "paragraph", "title\nzweite"]))
            entry.occurrences = [("source_de/a.md", str(n)) for n in range(draw(st.integers(0, 3)))]
            entry.previous_msgid = draw(st.none() | TEXT)
            if draw(st.booleans()):
                entry.msgid_plural, entry.msgstr_plural = draw(TEXT.filter(bool)), {0: draw(TEXT), 1: draw(TEXT)}
        po.append(entry)
    return po


@given(catalogs())
def test_catalogs_written_by_verlag_read_as_polib_reads_them(po):
    assert_same(render_po(po))


@given(catalogs())
def test_catalogs_written_by_msgcat_read_as_polib_reads_them(tmp_path_factory, po):
    tmp_path = tmp_path_factory.mktemp("msgcat")
    assert_same(msgcat(render_po(po), tmp_path))


def verlag_outcome(text: str):
    """What ``catalog.parse_po`` makes of the text: the normalised catalog, or the error and its line."""
    try:
        return fields(catalog.parse_po(text, "translations/en/a.po"))
    except VerlagError as exc:
        return str(exc), exc.line


def polib_whole(text: str, whole: bool = False) -> polib.POFile:
    """``polib_file``, after ``pofile.whole_entries`` where ``whole`` asks for it (``parse``'s ``whole``)."""
    if whole:
        whole_entries(text)
    return polib_file(gettext_lines(text))


@settings(max_examples=300)
@given(line_soups(), st.sampled_from(["\n", "\r\n"]))
def test_parse_po_reads_and_rejects_as_it_did_with_polib_alone(lines, newline):
    """The fast paths (one regex for the string check, ``parse``) against the line-by-line checks and polib."""
    text = newline.join(lines)
    fast = verlag_outcome(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalog, "parse", polib_whole)
        patch.setattr(catalog, "_PLAIN_LINES", re.compile(r"(?!)"))
        slow = verlag_outcome(text)
    assert fast == slow


def _normalized(entry: polib.POEntry, fully: bool) -> dict:
    import copy

    entry = copy.deepcopy(entry)
    (catalog._normalize if fully else catalog.normalize)(entry)
    return vars(entry)


def test_normalize_passes_over_only_entries_it_would_leave_as_they_are():
    """``catalog._settled`` lets ``normalize`` skip reading an entry's records; on every entry of every catalog
    in the repository the result is the full normalization's, field for field, and most entries are skipped."""
    skipped = checked = 0
    for path in CATALOGS:
        try:
            po = parse(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            continue  # the damaged catalogs of the reader's tests
        for entry in po:
            assert _normalized(entry, False) == _normalized(entry, True), (path, entry.msgid)
            skipped += catalog._settled(entry)
            checked += 1
    assert skipped > 100 and checked - skipped > 20, (skipped, checked)


LINES = ["mt: deepl", "tm: 93% from other-slug", " mt: google", "mt: deepl", "draft 1a2b3c4d", "draft 1a2b3c4d ",
         "draft xyz", "hand: Anna Berg, 1a2b3c4d", "ignore-numbers", 'previous msgid: "Alt."',
         'previous msgid, reviewed 1a2b3c4d: "Neu."', 'previous msgctxt: "title"', "Anna: bitte prüfen",
         "alignment: low confidence", "rewritten by hand from mt: deepl", "rewritten by hand from tm: 93% from", ""]


@settings(max_examples=400, deadline=None)
@example(lines=["mt: deepl", "mt: deepl", "draft 1a2b3c4d"], fuzzy=True, ignore=False, comment="", msgstr="New.",
         previous=None, tcomment_none=False)  # an origin twice: written once
@example(lines=["mt: deepl", "draft 1a2b3c4d"], fuzzy=False, ignore=False, comment="", msgstr="New.", previous=None,
         tcomment_none=False)  # an edit signed off: the draft's fingerprint stays, unmarked
@given(lines=st.lists(st.sampled_from(LINES), max_size=4), fuzzy=st.booleans(), ignore=st.booleans(),
       comment=st.sampled_from(["", "paragraph", "paragraph\nmt: google", " tm: 80% from x"]),
       msgstr=st.sampled_from(["", "New.", "Neu."]), previous=st.sampled_from([None, "Alt.", "Neu."]),
       tcomment_none=st.booleans())
def test_normalize_passes_over_an_entry_exactly_when_reading_its_records_changes_nothing(
        lines, fuzzy, ignore, comment, msgstr, previous, tcomment_none):
    entry = polib.POEntry(msgid="Neu.", msgstr=msgstr, comment=comment, tcomment="\n".join(lines),
                          flags=[*(["fuzzy"] if fuzzy else []), *(["ignore-numbers"] if ignore else []), "markdown-text"],
                          previous_msgid=previous)
    if tcomment_none and not lines:
        entry.tcomment = None
    assert _normalized(entry, False) == _normalized(entry, True)


@pytest.mark.parametrize("origin", ["tm: 93% from warum-die-leber-nachts-arbeitet-und-was-sie-dabei-braucht",
                                    "mt: llm (sentence by sentence, the block came back short)"])
def test_a_rewritten_record_polib_wrapped_is_read_whole(origin, tmp_path):
    """polib saves translator comments wrapped at 78 columns, after a hyphen too: a ``rewritten by hand from``
    record of a long origin comes back over two lines. It is read whole (a reopened rewrite stays a person's text),
    and the line after it is no reviewer's comment."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Die Leber arbeitet.", msgstr="The liver works.", flags=["fuzzy"],
                            tcomment=f"Anna: passt\nrewritten by hand from {origin}"))
    po.save(str(tmp_path / "x.po"))
    text = (tmp_path / "x.po").read_text(encoding="utf-8")
    assert f"# rewritten by hand from {origin}\n" not in text  # wrapped
    entry = catalog.parse_po(text, "x.po")[0]
    notes = catalog.Notes.of(entry)
    assert (notes.rewritten, notes.own) == (origin, ["Anna: passt"]) and catalog.hand_draft(entry)
    assert entry.tcomment == f"Anna: passt\nrewritten by hand from {origin}"


def test_a_shown_machine_draft_is_hashed_once(monkeypatch):
    """The editions stage asks three times whether a draft's msgstr is the one its ``draft`` fingerprint names:
    reading the catalog (``_settled``), restoring sign-offs (``machine_draft``) and counting hand drafts
    (``hand_draft``). The msgstr is hashed once; the answers stay what they were."""
    hashed = []
    real = catalog.hashlib.sha256

    class Counting:
        @staticmethod
        def sha256(data=b""):
            hashed.append(data)
            return real(data)

    monkeypatch.setattr(catalog, "hashlib", Counting)
    draft, edited = "Ticks live in tall grass, entry one.", "Ticks live in tall grass, entry two."
    text = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'# mt: deepl\n# draft {real(draft.encode()).hexdigest()[:8]}\n#, fuzzy\n'
            f'msgid "Zecken leben im hohen Gras, Eintrag eins."\nmsgstr "{draft}"\n\n'
            f'# mt: deepl\n# draft {real(draft.encode()).hexdigest()[:8]}\n#, fuzzy\n'
            f'msgid "Zecken leben im hohen Gras, Eintrag zwei."\nmsgstr "{edited}"\n')
    untouched, by_hand = catalog.parse_po(text, "x.po")
    assert [catalog.machine_draft(e) for e in (untouched, by_hand)] == ["mt: deepl", None]
    assert [catalog.hand_draft(e) for e in (untouched, by_hand)] == [False, True]
    assert sorted(hashed) == sorted(t.encode() for t in (draft, edited))


# ---- escapes: read as GNU gettext reads them (read-po-lex.c), GNU msgfmt and msgcat the reference ----

HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
# A string's inside: the nine escapes, octal and hex ones (UTF-8 bytes, a NUL), and what msgfmt calls an
# "invalid control sequence" (a reviewer's Windows path, \u, \x without a digit, \8, \e, \', \?, "\ ")
ESCAPES = [r"\qIn January the waiting rooms fill up.", r"C:\\quellen", r"C:\\\quellen", r'\a\b\f\v\r\t\n\"\\',
           r"\101\102", r"\1234", r"\303\244", r"\xc3\xa4", r"\x41", r"\x4142", r"vor\0nach", r"\x7 \1a", r"\u00e4",
           r"\x", r"\xg", r"\8", r"\e", r"\'", r"\?", r"\ Leerzeichen", r"\303"]
# Where a string stands: msgstr, a continuation line, msgid, a previous msgid (#|, #~|), an obsolete msgstr
PLACES = {
    "msgstr": ('msgid "a"\nmsgstr "{}"\n', 6),
    "continuation": ('msgid "a"\nmsgstr ""\n"Anfang "\n"{}"\n', 8),
    "msgid": ('msgid "{}"\nmsgstr "b"\n', 5),
    "previous": ('#, fuzzy\n#| msgid "{}"\nmsgid "a"\nmsgstr "b"\n', 6),
    "obsolete-previous": ('#, fuzzy\n#~| msgid "{}"\n#~ msgid "a"\n#~ msgstr "b"\n', 6),
    "obsolete": ('#~ msgid "a"\n#~ msgstr "{}"\n', 6),
}


def gnu_reads(path: Path) -> bool:
    """Whether GNU gettext reads the catalog: ``msgfmt --check`` passes it and ``msgcat`` can write it (msgfmt
    passes octal escapes that make no UTF-8 character, which msgcat then refuses)."""
    assert shutil.which("msgfmt") and shutil.which("msgcat"), "GNU gettext is required: apt-get install gettext"
    checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True)
    return checked.returncode == 0 and subprocess.run(["msgcat", str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("inside", ESCAPES)
def test_escapes_are_read_or_rejected_as_gnu_gettext_reads_or_rejects_them(inside, place, tmp_path):
    """Trial: a reviewer's ``"\\qIn January…"`` (a path like ``C:\\quellen``) failed ``msgfmt --check`` ("invalid
    control sequence") but was read with the backslash as text, published, and written back as ``\\\\q``. An
    escape gettext rejects is ``BadEscape`` naming its line and the backslash's column; one it reads has the value
    gettext gives it (msgcat writes that value out plainly; read again, it is the same)."""
    entry, line = PLACES[place]
    text = HEAD + entry.format(inside)
    path = tmp_path / "x.po"
    path.write_text(text, encoding="utf-8")
    try:
        po = parse(text)
    except BadEscape as exc:
        assert not gnu_reads(path), f"gettext reads {inside!r}; parse: {exc}"
        assert exc.line == line
        assert text.split("\n")[line - 1][exc.column - 1] == "\\"
        assert exc.reason.startswith(("invalid escape \\", "octal or hex escapes"))
        return
    assert gnu_reads(path), f"gettext rejects {inside!r}; parse read it"
    written = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout
    assert [vars(e) | {"linenum": 0} for e in parse(written)] == [vars(e) | {"linenum": 0} for e in po]


@pytest.mark.parametrize("place", PLACES)
def test_a_string_gettext_rejects_fails_in_parse_po_naming_line_and_column(place):
    entry, line = PLACES[place]
    with pytest.raises(VerlagError) as caught:
        catalog.parse_po(HEAD + entry.format("C:\\quellen"), "translations/en/a.po")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"translations/en/a.po:{line}: cannot read catalog: invalid escape \\q at "
                                        "column ")
    assert "a backslash in the text is written \\\\" in str(caught.value)


def test_a_backslash_in_a_comment_is_no_escape():
    """gettext reads no escapes in comments: a translator's note of a Windows path is no error."""
    po = parse(HEAD + '# liegt in C:\\quellen\n#. C:\\quellen\nmsgid "a"\nmsgstr "b"\n')
    assert po[0].tcomment == "liegt in C:\\quellen" and po[0].comment == "C:\\quellen"


def test_escapes_gettext_reads_are_written_back_as_msgcat_writes_them(tmp_path):
    """Each escape msgfmt accepts round-trips: an entry in gettext's layout is written back byte for byte, and
    one with octal and hex escapes as msgcat writes it (the characters themselves)."""
    def entries(text: str) -> str:
        return text[text.index('\n\nmsgid "a"'):]

    plain = HEAD + 'msgid "a"\nmsgstr "\\a\\b\\f\\v\\r\\t\\"\\\\ C:\\\\quellen\\n"\n'
    assert entries(render_po(parse(plain))) == entries(msgcat(plain, tmp_path)) == entries(plain)
    coded = HEAD + 'msgid "a"\nmsgstr "Gr\\303\\274\\xc3\\x9f Gott \\x41\\102"\n'
    assert entries(render_po(parse(coded))) == entries(msgcat(coded, tmp_path)) == \
        '\n\nmsgid "a"\nmsgstr "Grüß Gott AB"\n'


def test_a_previous_msgid_record_with_escapes_polib_leaves_reads_back_as_the_german_it_was_written_from(tmp_path):
    """verlag's ``# previous msgid: "…"`` record was read with ``polib.unescape``, which leaves ``\\a`` as it is,
    though ``escape`` writes it and the catalog reader undoes it as GNU gettext does: the record named other German
    than the ``#|`` line, and writing the notes back changed the previous msgid to a backslash and a letter. It
    reads as the msgid it was written from."""
    old = "Alter\aTon\f und \vTakt\b."
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'# previous msgid: "{pofile.escape(old)}"\n#, fuzzy\n#| msgid "{pofile.escape(old)}"\n'
            'msgid "Neuer Ton."\nmsgstr "Old tone."\n')
    (tmp_path / "x.po").write_text(text, encoding="utf-8")
    msgfmt_check(tmp_path / "x.po")
    po = catalog.parse_po(text, "x.po")
    entry = po[0]
    assert entry.previous_msgid == old
    notes = catalog.Notes.of(entry)
    assert notes.previous_msgid == old and notes.own == []
    notes.store(entry)
    (tmp_path / "x.po").write_text(render_po(po), encoding="utf-8")
    msgfmt_check(tmp_path / "x.po")
    assert (tmp_path / "x.po").read_text(encoding="utf-8").endswith(text.split("\n\n", 1)[1])


WHOLE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#. title
#, markdown-text
msgctxt "title"
msgid "Gute Datei"
msgstr "Good file"

#, fuzzy, python-format
msgid "%d Datei"
msgid_plural "%d Dateien"
msgstr[0] "%d file"
msgstr[1] "%d files"

#~ msgid "Alter Satz"
#~ msgstr "Old sentence"
"""
# where a file cut off leaves an entry cut short: after the line that starts with each of these, or within it
CUTS = ['msgctxt "title"', 'msgid "Gute Datei"', 'msgid "%d Datei"', 'msgid_plural', '#~ msgid']


def msgfmt_refuses(text: str) -> str:
    """GNU ``msgfmt --check``'s complaint about ``text``, "" when it accepts it."""
    assert shutil.which("msgfmt"), "GNU gettext (msgfmt) is required: apt-get install gettext"
    with tempfile.NamedTemporaryFile("w", suffix=".po", encoding="utf-8", delete=False) as file:
        file.write(text)
    proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", file.name], capture_output=True, text=True)
    Path(file.name).unlink()
    return proc.stderr if proc.returncode else ""


@pytest.mark.parametrize("cut", CUTS)
@pytest.mark.parametrize("where", ["after the line", "within the line"])
def test_a_catalog_cut_off_within_an_entry_is_refused_at_its_line_as_msgfmt_refuses_it(cut, where):
    """A catalog cut off after an entry's msgctxt, msgid, msgid_plural or one of its comments, or within such a
    line, is one msgfmt --check refuses: verlag refuses it too, naming the line of the entry cut short, where
    polib read a whole entry with an empty translation (the reviewed title gone, unreviewed)."""
    at = WHOLE.index(cut)
    end = WHOLE.index("\n", at) + 1 if where == "after the line" else at + len(cut) // 2 + 1
    text = WHOLE[:end]
    assert msgfmt_refuses(text), text
    with pytest.raises(VerlagError) as caught:
        catalog.parse_po(text, "en/gut.po")
    assert caught.value.line == WHOLE[:at].count("\n") + 1, (text, str(caught.value))


def test_a_catalog_cut_off_between_entries_is_read_as_msgfmt_reads_it():
    """Cut off after a whole entry, or within or after the comments of the next: msgfmt --check accepts it, and so
    does verlag, every whole entry as it was."""
    for last in ('msgstr "Good file"\n', 'msgstr[1] "%d files"\n', '#~ msgstr "Old sentence"\n', '#. title\n',
                 '#, mark', '#, fuzzy, python-format\n'):
        text = WHOLE[:WHOLE.index(last) + len(last)]
        assert not msgfmt_refuses(text)
        title = catalog.parse_po(text, "en/gut.po").find("Gute Datei", msgctxt="title")
        assert title.msgstr == "Good file" if 'msgstr "Good file"' in text else title is None


def test_a_catalog_cut_off_after_a_msgid_stops_every_command_and_stays_as_it_is(project: Project):
    """The file cut off right after a reviewed entry's msgid (``head -c``): every command names file and line,
    exits 2, and leaves the file byte for byte."""
    project.write("source_de/gut.md", article("Gute Datei", "Der Garten ist grün.\n"))
    project.run("extract")
    path = review(project, "en", "gut", {("title", "Gute Datei"): "Good file", "Der Garten ist grün.":
                                         "The garden is green."})
    project.run("extract")
    text = path.read_text(encoding="utf-8")
    cut = text[:text.index('msgid "Gute Datei"') + len('msgid "Gute Datei"')].encode("utf-8")
    path.write_bytes(cut)
    line = cut.count(b"\n") + 1
    for command in (["extract"], ["build"], ["check"], ["status"], ["pretranslate", "--engine", "copy"],
                    ["review"]):
        output = project.run(*command, code=2).output
        assert f"error: translations/en/gut.po:{line}: cannot read catalog: missing 'msgstr' section" in output, \
            (command, output)
        assert "Traceback" not in output
        assert path.read_bytes() == cut, command


@pytest.mark.parametrize("wrong, at, says", [
    ('msgstr[0] "The garden is green."\nmsgstr[1] "The gardens are green."\n', "msgstr[0]",
     "'msgstr[0]' of an entry without 'msgid_plural': only a plural entry has numbered translations"),
    ('msgid_plural "Die Gärten sind grün."\nmsgstr "The garden is green."\n', 'msgstr "',
     "'msgstr' of a plural entry (msgid_plural): its translations are msgstr[0], msgstr[1], …")])
def test_a_numbered_msgstr_without_msgid_plural_is_named_as_such_at_its_line(project: Project, wrong: str, at: str,
                                                                             says: str):
    """A catalog edited by hand or by another tool with ``msgstr[0]`` on an entry without ``msgid_plural`` (or a
    plain ``msgstr`` after one) was refused as 'missing 'msgstr' section: the entry is cut short (the file cut
    off?)' at its msgid: the file was whole, and the line named was not the one to fix. The message names the
    numbered line and says what is wrong; msgfmt refuses such an entry too."""
    project.write("source_de/gut.md", article("Gute Datei", "Der Garten ist grün.\n"))
    project.run("extract")
    path = project.root / "translations/en/gut.po"
    text = path.read_text(encoding="utf-8").replace('msgid "Der Garten ist grün."\nmsgstr ""\n',
                                                    f'msgid "Der Garten ist grün."\n{wrong}')
    path.write_text(text, encoding="utf-8")
    assert msgfmt_refuses(text)
    line = text[:text.index(at, text.index('msgid "Der Garten'))].count("\n") + 1
    output = project.run("check", code=2).output
    assert f"error: translations/en/gut.po:{line}: cannot read catalog: {says}" in output, output
    assert "cut short" not in output


def test_a_catalog_with_only_cr_line_ends_is_read_and_extract_writes_it_with_lf(project: Project):
    """A catalog saved with classic Mac OS line ends (CR alone), which polib, Poedit and Python read as lines, was
    'no entry, not even the header entry: the file is cut off': the test for a msgid read lines after LF alone.
    Read now, its reviewed translations kept; extract writes it back with LF, as msgfmt needs."""
    project.write("source_de/gut.md", article("Gute Datei", "Der Garten ist grün.\n"))
    project.run("extract")
    path = review(project, "en", "gut", {("title", "Gute Datei"): "Good file", "Der Garten ist grün.":
                                         "The garden is green."})
    project.run("extract")
    written = path.read_bytes()
    path.write_bytes(written.replace(b"\n", b"\r"))
    assert "not even the header entry" not in project.run("check").output
    project.run("extract")
    assert path.read_bytes() == written


def test_the_comments_left_of_an_entry_a_catalog_was_cut_off_in_are_named_and_dropped_a_note_kept(project: Project):
    """A catalog cut off in the comments of an entry (``#, markdow``), which msgfmt accepts: extract brought the
    lost entries back but kept those lines at the end of the file for good, and check said nothing. Now check
    names them, extract drops them with a warning, and a reviewer's own comment there stays."""
    project.write("source_de/gut.md", article("Gute Datei", "Der Garten ist grün.\n\nDer Baum ist alt.\n"))
    project.run("extract")
    path = review(project, "en", "gut", {("title", "Gute Datei"): "Good file", "Der Garten ist grün.":
                                         "The garden is green."})
    project.run("extract")
    whole = path.read_text(encoding="utf-8")
    at = whole.index('#, markdown-text\nmsgid "Der Baum')
    path.write_text(whole[:at] + "# Notiz: Baum prüfen\n#, markdow", encoding="utf-8")
    line = whole[:whole.rindex("\n\n", 0, at) + 2].count("\n") + 1  # the entry's first comment: '#. paragraph…'
    said = ("the catalog ends in 3 comment lines of an entry without its msgid ('#. paragraph, block 2', "
            "'#: source_de/gut.md:7', '#, markdow'): what is left of an entry")
    assert f"translations/en/gut.po:{line}: {said}" in project.run("check").output
    output = project.run("extract").output
    assert f"warning: translations/en/gut.po:{line}: {said}" in output and "; dropped, as extract" in output
    assert path.read_text(encoding="utf-8") == whole + "\n# Notiz: Baum prüfen\n"
    assert "comment line" not in project.run("extract").output + project.run("check").output

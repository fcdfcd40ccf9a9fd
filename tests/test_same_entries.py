"""``catalog.same_entries``: whether a catalog extract rewrites only changed its layout ("layout restored").

It is asked of every catalog an ``extract`` writes. On the peer benchmark's update after a 5 % edit it parsed
both versions of each of the 313 edited articles' catalogs whole, 11 % of the update's CPU, though their German
differs; the keys (``pofile.keys``) tell those apart now. The answers must stay the very ones of the full
comparison: the reference below is the comparison as it was, without the key test.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from pipeline import catalog, pofile
from pipeline.pofile import parse, render_po

from conftest import REPO


def _reference(before: bytes, after: bytes) -> bool:
    """``same_entries`` before the key test: both versions parsed whole and compared field for field."""
    def entries(data: bytes) -> tuple | None:
        try:
            po = parse(data.decode("utf-8").replace("\r\n", "\n"))
        except (ValueError, UnicodeDecodeError):
            return None
        return (sorted(po.metadata.items()),
                [(e.obsolete, e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, sorted(e.msgstr_plural.items()),
                  e.fuzzy, e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural, e.tcomment, e.comment,
                  e.occurrences) for e in po])

    first = entries(before)
    return first is not None and first == entries(after)


CATALOGS = sorted(p for p in (REPO / "translations").rglob("*.po") if p.name != "site.po")


def _variants(data: bytes) -> list[bytes]:
    """Versions of one catalog: laid out otherwise (no wrapping, CRLF, a blank line more, the markdown-text flags
    dropped), and changed (German edited, added, removed or moved, a translation, a state, a reference, a previous
    msgid, an obsolete entry, a header field), some of them laid out otherwise too."""
    text = data.decode("utf-8")
    po = parse(text)
    found = [data, render_po(po, wrap=False).encode(), data.replace(b"\n", b"\r\n"),
             data.replace(b"\n\n", b"\n\n\n", 1),
             data.replace(b", markdown-text", b"").replace(b"#, markdown-text\n", b"")]
    live = [e for e in po if not e.obsolete and e.msgid]

    def changed(change) -> None:
        copy = parse(text)
        change(copy, [e for e in copy if not e.obsolete and e.msgid])
        found.append(render_po(copy).encode())
        found.append(render_po(copy, wrap=False).encode().replace(b"\n", b"\r\n"))

    if live:
        changed(lambda _, entries: setattr(entries[0], "msgid", entries[0].msgid + " neu"))
        changed(lambda _, entries: setattr(entries[-1], "msgstr", entries[-1].msgstr + " new"))
        changed(lambda _, entries: setattr(entries[0], "flags", [] if entries[0].fuzzy else ["fuzzy"]))
        changed(lambda _, entries: setattr(entries[0], "occurrences", [("elsewhere.md", "99")]))
        changed(lambda _, entries: setattr(entries[0], "previous_msgid", "Der alte Satz."))
        changed(lambda _, entries: setattr(entries[0], "obsolete", True))
        changed(lambda copy, entries: copy.remove(entries[-1]))
        changed(lambda copy, entries: copy.append(pofile.new_entry(msgid="Ein neuer Satz.", msgstr="")))
        changed(lambda _, entries: setattr(entries[0], "tcomment", "a reviewer's note"))
    if len(live) > 1:
        changed(lambda copy, entries: (copy.remove(entries[0]), copy.append(entries[0])))
    changed(lambda copy, _: copy.metadata.update({"Last-Translator": "Someone Else"}))
    found.append(data.replace(b'msgid "', b'msgid "\\q', 1))  # an invalid escape: cannot be read
    found.append(b"\xff" + data)  # no UTF-8
    return found


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
def test_same_entries_answers_as_the_full_comparison_for_every_pair_of_versions(path: Path):
    variants = _variants(path.read_bytes())
    # each version against the five layouts of the catalog as it is, and each change against itself laid out otherwise
    pairs = [(i, j) for i in range(len(variants)) for j in range(len(variants)) if min(i, j) < 5 or abs(i - j) == 1]
    answers = [(i, j, catalog.same_entries(variants[i], variants[j])) for i, j in pairs]
    assert answers == [(i, j, _reference(variants[i], variants[j])) for i, j in pairs]
    assert any(same for i, j, same in answers if i != j)  # the layouts alone are told as the same entries


def test_catalogs_with_other_german_are_told_apart_without_parsing_them_whole():
    data = (REPO / "translations" / "en" / "zecken-im-garten.po").read_bytes()
    po = parse(data.decode("utf-8"))
    next(e for e in po if e.msgid and not e.obsolete).msgid += " Neu."
    edited = render_po(po).encode()
    with mock.patch.object(pofile, "parse", wraps=pofile.parse) as parsed:
        assert not catalog.same_entries(data, edited)
    assert parsed.call_count == 0
    with mock.patch.object(pofile, "parse", wraps=pofile.parse) as parsed:  # the same German: compared whole
        assert catalog.same_entries(data, render_po(parse(data.decode("utf-8")), wrap=False).encode())
    assert parsed.call_count == 2

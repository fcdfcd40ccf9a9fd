"""``catalog._draft_origin``: whether an entry is still an engine's untouched draft, asked of each entry of a catalog
several times by one merge (``_left_newer``, ``_carry``, ``_sign_offs_back``, ``entry_state``).

On the peer benchmark's update after a 5 % edit that read the translator comments 112,000 times for 32,000 entries
(``Notes.of``, 6 % of the update's CPU); the answer is kept by the strings that decide it now. It must stay the
answer the notes give, also for an entry whose msgstr, comments or German changed since it was asked.
"""

from __future__ import annotations

from unittest import mock

import pytest

from pipeline import catalog
from pipeline.catalog import COPY_ORIGIN, Notes, copied, fingerprint, machine_draft, set_provenance
from pipeline.pofile import new_entry, parse

from conftest import REPO

CATALOGS = sorted(p for p in (REPO / "translations").rglob("*.po"))


def _reference(entry) -> str | None:
    """``_draft_origin`` as it was: the notes read each time."""
    notes = Notes.of(entry)
    if not notes.origins or notes.signed:
        return None
    unedited = (notes.drafted == fingerprint(entry.msgstr) if notes.drafted
                else entry.msgstr == entry.msgid and notes.origins[-1] == COPY_ORIGIN)
    return notes.origins[-1] if unedited else None


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.name + "/" + p.name)
def test_the_answer_kept_is_the_notes_answer_for_every_entry_and_after_every_change(path):
    entries = [e for e in parse(path.read_text(encoding="utf-8")) if e.msgid]
    for entry in entries * 2:  # asked again: from what was kept
        assert catalog._draft_origin(entry) == _reference(entry)
    for entry in entries[:40]:
        catalog._draft_origin(entry)  # kept
        entry.msgstr += " (edited)"  # a reviewer's edit: no untouched draft any more
        assert catalog._draft_origin(entry) == _reference(entry)
        set_provenance(entry, "mt: deepl")  # a new draft: the engine's again
        assert catalog._draft_origin(entry) == _reference(entry) == "mt: deepl"
        entry.tcomment = entry.tcomment.replace("draft ", "draft 0") if entry.tcomment else None
        assert catalog._draft_origin(entry) == _reference(entry)


def test_a_copy_draft_stays_one_until_its_text_or_its_german_changes():
    entry = new_entry(msgid="Ein Satz.", msgstr="Ein Satz.", flags=["fuzzy"], tcomment=COPY_ORIGIN)
    assert copied(entry) and machine_draft(entry) == COPY_ORIGIN
    entry.msgid = "Ein anderer Satz."  # the German changed under the same comment: no copy of it
    assert not copied(entry) and machine_draft(entry) is None
    entry.msgstr = "Ein anderer Satz."
    assert copied(entry) and machine_draft(entry) == COPY_ORIGIN


def test_the_notes_of_an_entry_are_read_once_for_all_of_a_merges_questions():
    entry = new_entry(msgid="Ein Satz, nur hier gefragt.", msgstr="A sentence asked here alone.", flags=["fuzzy"])
    set_provenance(entry, "mt: deepl")
    with mock.patch.object(Notes, "of", wraps=Notes.of) as read:
        assert [machine_draft(entry) for _ in range(5)] == ["mt: deepl"] * 5
    assert read.call_count == 1

"""The content shipped in this repository is a working project in every state."""

from __future__ import annotations

import re

import polib

from pipeline.config import load_config
from pipeline.status import collect_status

from conftest import REPO, msgfmt_check


def test_every_shipped_catalog_passes_msgfmt_check():
    catalogs = sorted((REPO / "translations").rglob("*.po")) + sorted((REPO / "translations").rglob("*.pot"))
    assert len(catalogs) >= 9
    for path in catalogs:
        msgfmt_check(path)


def test_shipped_catalogs_are_up_to_date_with_their_sources(tmp_path):
    """What `verlag extract` would write equals what is committed: nobody forgot to extract."""
    from pipeline.catalog import build_pot, render
    from pipeline.segment import segment_article
    from pipeline.sources import load_articles

    config = load_config(REPO)
    for art in load_articles(config):
        committed = (REPO / "translations/templates" / f"{art.slug}.pot").read_text(encoding="utf-8")
        created = polib.pofile(committed).metadata["POT-Creation-Date"]
        # the day extract saw the German text change is its record of the past, no part of the sources
        committed = re.sub(r'"X-Verlag-Text-Changed: [^"]*\\n"\n', "", committed)
        assert render(build_pot(segment_article(art, config.segmentation), config.name, created)) == committed


def test_shipped_translations_show_every_state_a_reviewer_meets():
    rows, errors = collect_status(load_config(REPO))
    assert not errors
    english = [r for r in rows if r.lang == "en"]
    french = [r for r in rows if r.lang == "fr"]
    assert english and all(r.percent_reviewed == 100.0 for r in english)
    states = {state for r in french for state, n in r.segments.items() if n}
    assert {"reviewed", "machine", "untranslated"} <= states


def test_shipped_machine_drafts_carry_the_fingerprint_pretranslate_writes():
    """Each machine draft records ``# draft <fingerprint>`` of the text the engine wrote, as ``pretranslate``
    writes it in a user's catalog: without it a reviewer's edit of a shipped draft, left fuzzy, still counted
    as machine text (``catalog.hand_draft``) instead of a person's."""
    from pipeline.catalog import Notes, fingerprint, hand_draft

    drafts = 0
    for path in sorted((REPO / "translations").glob("*/*.po")):
        for entry in polib.pofile(str(path)):
            notes = Notes.of(entry)
            if notes.origins and entry.msgstr:
                drafts += 1
                assert notes.drafted is not None, f"{path.relative_to(REPO)}:{entry.linenum}: no '# draft' line"
                if entry.fuzzy:
                    assert notes.drafted == fingerprint(entry.msgstr) and not hand_draft(entry), (path, entry.linenum)
                    entry.msgstr += " (edited)"
                    assert hand_draft(entry), (path, entry.linenum)
    assert drafts >= 20

"""Text copied from web pages: invisible hyphenation hints, emphasis made by inline styles, the stated date."""

from __future__ import annotations

import polib

SHY, ZWSP = "\u00ad", "\u200b"
CARE = "Wer empfindliche Haut hat, probiert eine neue Salbe zuerst an einer kleinen Stelle aus."


def test_a_saved_pages_styled_spans_keep_their_bold_and_italic_and_its_hints_are_dropped(project, tmp_path):
    """Wix writes bold as <span style="font-weight:bold;">: the Markdown has **…**, italic *…*, both ***…***;
    soft hyphens and zero-width spaces are dropped; the summary says all of it, and the date's source."""
    page = tmp_path / "r.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Ringelblume</title>'
        '<meta property="article:published_time" content="2025-03-03T07:45:00+01:00"></head><body><article>'
        f'<h1>Ringelblume</h1><p><span style="font-weight:bold;">Die Ringel{SHY}blume</span> blüht bis zum '
        f'<span style="font-style: italic">ersten Frost</span> und <span style="color:#2e7d32">lange</span> '
        f'<span style="font-weight:700;font-style:italic">danach</span>{ZWSP}.</p><p>{CARE}</p>'
        '</article></body></html>', encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/ringelblume.md").split("---\n", 2)[2]
    assert body.splitlines()[0] == "**Die Ringelblume** blüht bis zum *ersten Frost* und lange ***danach***."
    assert SHY not in project.read("source_de/ringelblume.md")
    assert "written as **…**/*…*: 3 places" in out
    assert "dropped 2 invisible hyphenation hints" in out
    assert "date: 2025-03-03T07:45:00+01:00 from article:published_time" in out


def test_an_imported_texts_soft_hyphens_never_reach_the_catalogs(project, tmp_path):
    """Pasted text with soft hyphens in title and body: source and msgids hold the words without them."""
    text = tmp_path / "leberzeit.txt"
    text.write_text(f"Die Leber{SHY}zeit\n\nDie Tradi{SHY}tionelle Chinesische Medizin nennt das die Leberzeit. "
                    f"Nachts arbeitet die Le{SHY}ber am meisten.\n", encoding="utf-8")
    out = project.run("import", "--year", "2026", str(text)).output
    assert "dropped 3 invisible hyphenation hints" in out
    (source,) = (project.root / "source_de").glob("*.md")
    source.write_text(source.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    project.run("extract")
    msgids = [e.msgid for e in polib.pofile(str(project.root / f"translations/en/{source.stem}.po"))]
    assert "Die Leberzeit" in msgids and "Die Traditionelle Chinesische Medizin nennt das die Leberzeit." in msgids
    assert not [m for m in msgids if SHY in m]

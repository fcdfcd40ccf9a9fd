"""``verlag import`` of text pasted from a web page and of hand translations: the findings of fresh-user trial 11
(a naturopathy practice moving from Hugo, text pasted from its old pages, a French translation made by hand)."""

from __future__ import annotations

from pipeline.importer_text import read_text
from pipeline.segment import commonmark_parser

FAST = "Heilfasten in der Praxis\nVon Hanna Lindner | 4. Februar 2025\n"


def _blocks(body: str) -> list[str]:
    return [t.type for t in commonmark_parser().parse(body) if t.nesting == 1]


def test_a_number_inside_a_line_is_not_escaped_when_other_lines_start_with_one(tmp_path):
    """Trial 11, finding 2: "1. März …" and "3. Tag: …" at line starts made the whole text fully escaped, so
    "Am 3. Tag" (and "&") became "Am 3\\. Tag" in the source and the msgid; only those line starts need it."""
    article = read_text(tmp_path / "t.txt", (
        f"{FAST}1. März 2025 beginnt unsere nächste Fastengruppe in der Praxis, mit ca. zehn Plätzen.\n"
        "Am 3. Tag gibt es nur Gemüsebrühe & Tee, danach langsam mehr. Dr. med. Lindner begleitet Sie.\n"
        "3. Tag: nur Gemüsebrühe und viel Wasser, ggf. auch Kräutertee.\n").encode())
    assert article.body == (
        "1\\. März 2025 beginnt unsere nächste Fastengruppe in der Praxis, mit ca. zehn Plätzen.\n\n"
        "Am 3. Tag gibt es nur Gemüsebrühe & Tee, danach langsam mehr. Dr. med. Lindner begleitet Sie.\n\n"
        "3\\. Tag: nur Gemüsebrühe und viel Wasser, ggf. auch Kräutertee.\n")
    assert _blocks(article.body) == ["paragraph_open"] * 3
    assert not any("read differently" in note for note in article.notes)

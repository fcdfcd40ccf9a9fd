"""The QA gate's shortcut (``check.same_markup``): an entry whose translation keeps the German's markup is not
run through the markup checks, and no verdict changes for it.

Cases: every golden catalog of ``tests/checks`` (planted problems of every check, with its glossary), the shipped
project's catalogs, the ``pseudo`` engine's draft of every segment of the CommonMark spec's examples (every
kind of inline markup, kept as the engine keeps it), and each of their translations changed in one piece of markup
only (``_one_piece_changed``), so that a ``same_markup`` that stops comparing any one piece lets an entry the
markup checks find something in through, and the corpus-wide tests fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

from pipeline import check
from pipeline.catalog import entry_state, parse_po
from pipeline.check import MARKUP_CHECKS, PLAIN_CONTEXTS, TEXT_STATES, Context, check_catalog, same_markup, text_parts
from pipeline.glossary import Glossary, parse_glossary

from conftest import REPO, need_corpus

HERE = Path(__file__).resolve().parent / "checks"


def _golden() -> list[tuple[polib.POFile, str, Glossary, frozenset]]:
    cases = []
    for path in sorted(HERE.glob("*/*.po")):
        glossary_path = path.parent / "glossary.csv"
        glossary = (parse_glossary(glossary_path.read_text(encoding="utf-8"), "glossary.csv")
                    if glossary_path.exists() else Glossary())
        cases.append((parse_po(path.read_text(encoding="utf-8"), path.name), path.name, glossary, frozenset()))
    return cases


def _shipped() -> list[tuple[polib.POFile, str, Glossary, frozenset]]:
    from pipeline.config import load_config
    from pipeline.glossary import load_glossary
    from pipeline.segment import reference_labels
    from pipeline.sources import read_sources

    config = load_config(REPO)
    glossary = load_glossary(config.translations_dir, config.root)
    return [(parse_po(path.read_text(encoding="utf-8"), article.slug), article.slug, glossary,
             reference_labels(article))
            for article in read_sources(config).articles for lang in config.languages
            if (path := config.po_path(lang, article.slug)).exists()]


def _pseudo_commonmark(tmp_path: Path) -> list[tuple[polib.POFile, str, Glossary, frozenset]]:
    from pipeline.engines import pseudo
    from pipeline.segment import segment_article
    from pipeline.sources import read_article

    examples = json.loads((need_corpus("commonmark") / "examples.json").read_text(encoding="utf-8"))
    path = tmp_path / "beispiel.md"
    cases = []
    for example in examples:
        path.write_text("---\ntitle: Beispiel\n---\n" + example["markdown"], encoding="utf-8")
        doc = segment_article(read_article(path, "beispiel.md"))
        po = polib.POFile()
        po.metadata = {"Language": "en"}
        for segment in doc.segments:
            po.append(polib.POEntry(msgid=segment.text, msgctxt=segment.context, comment=segment.note,
                                    msgstr=pseudo(segment.text, doc.labels)))
        cases.append((po, f"example {example['id']}", Glossary(), doc.labels))
    return cases


_DESTINATION = re.compile(r"(\]\()([^)\s]+)")
_HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>")


def _links_to_the_first(text: str) -> str:
    """Every inline link and image pointing at the first one's destination: only the targets change (the addresses
    stay the German's)."""
    found = _DESTINATION.findall(text)
    if len({dest for _, dest in found}) < 2:
        return text
    return _DESTINATION.sub(lambda m: m[1] + found[0][1], text)


def _quotes_swapped(text: str) -> str:
    """Raw HTML attributes quoted with ' instead of ": the same tags read alike, written otherwise."""
    return _HTML_TAG.sub(lambda m: re.sub(r'="([^"\']*)"', r"='\1'", m[0]), text)


def _one_piece_changed(cases) -> list[tuple[polib.POFile, str, Glossary, frozenset]]:
    """Each case's translated entries, each changed by one of the changes above where it changes something."""
    changed = []
    for po, ref, glossary, labels in cases:
        for change in (_links_to_the_first, _quotes_swapped):
            mutated = polib.POFile()
            mutated.metadata = dict(po.metadata)
            for entry in po:
                if entry.obsolete or entry_state(entry) not in TEXT_STATES or entry.msgctxt in PLAIN_CONTEXTS:
                    continue
                text = change(entry.msgstr)
                if text != entry.msgstr:
                    mutated.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=text,
                                                 flags=list(entry.flags), comment=entry.comment))
            if len(mutated):
                changed.append((mutated, f"{ref} ({change.__name__})", glossary, labels))
    return changed


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> list[tuple[polib.POFile, str, Glossary, frozenset]]:
    found = _golden() + _shipped() + _pseudo_commonmark(tmp_path_factory.mktemp("commonmark"))
    changed = _one_piece_changed(found)
    # CommonMark examples of a bare tag ("<a href=\"foo bar\">") have nothing to translate: no entry (has_words)
    for change, least in ((_links_to_the_first, 5), (_quotes_swapped, 12)):
        assert sum(len(po) for po, ref, _, _ in changed if change.__name__ in ref) >= least, change.__name__
    return found + changed


def test_where_the_markup_is_the_same_the_markup_checks_find_nothing(cases):
    """``same_markup`` is a proof, not a guess: on every translated entry of every case where it holds, each of
    ``MARKUP_CHECKS`` yields nothing; and it holds for most entries but not where they find something."""
    same = differs = 0
    for po, ref, glossary, labels in cases:
        lang = po.metadata.get("Language") or "en"
        for entry in po:
            if entry.obsolete or entry_state(entry) not in TEXT_STATES:
                continue
            entry_ctx = Context(lang, glossary, labels, plain=entry.msgctxt in PLAIN_CONTEXTS)
            if same_markup(text_parts(entry.msgid, entry_ctx), text_parts(entry.msgstr, entry_ctx)):
                same += 1
                for function in MARKUP_CHECKS:
                    assert list(function(entry, entry_ctx)) == [], (ref, entry.msgid, function.__name__)
            else:
                differs += 1
    assert same > 1000 and differs > 20, (same, differs)


def test_the_gate_gives_the_same_findings_with_the_shortcut_as_without(cases, monkeypatch):
    """Every finding of a full run and of the editions' gate (``errors_only``), in order, with and without it."""
    with_shortcut = [(check_catalog(po, ref, po.metadata.get("Language") or "en", ref, glossary, labels),
                      check_catalog(po, ref, po.metadata.get("Language") or "en", ref, glossary, labels,
                                    errors_only=True))
                     for po, ref, glossary, labels in cases]
    monkeypatch.setattr(check, "MARKUP_CHECKS", frozenset())
    without = [(check_catalog(po, ref, po.metadata.get("Language") or "en", ref, glossary, labels),
                check_catalog(po, ref, po.metadata.get("Language") or "en", ref, glossary, labels, errors_only=True))
               for po, ref, glossary, labels in cases]
    assert with_shortcut == without
    assert sum(len(full) for full, _ in without) > 80 and sum(len(gate) for _, gate in without) > 40


def test_a_translation_that_changes_a_link_or_adds_markup_is_still_checked():
    """The shortcut never hides a planted problem: a changed destination, an added emphasis, a dropped code span,
    an address the German never names inside raw HTML."""
    german = "Siehe [die Doku](https://example.org/de/) und `ls -l` in <span>Ruhe</span>."
    for translation, found in [
        ("See [the docs](https://evil.example/) and `ls -l` in <span>peace</span>.", "link-target"),
        ("See [the docs](https://example.org/de/) and **`ls -l`** in <span>peace</span>.", "markup"),
        ("See [the docs](https://example.org/de/) and ls -l in <span>peace</span>.", "markup"),
        ('See [the docs](https://example.org/de/) and `ls -l` in <span title="x" data="https://evil.example/">'
         "peace</span>.", "html"),
    ]:
        assert not same_markup(check.parts(german), check.parts(translation)), translation
        entry = polib.POEntry(msgid=german, msgstr=translation)
        assert found in {f.check for f in check_catalog([entry], "x.po", "en", "x", errors_only=True)}, translation
    assert same_markup(check.parts(german), check.parts(
        "See [the docs](https://example.org/de/) and `ls -l` in <span>peace</span>."))


def test_the_gates_markup_of_a_text_is_a_read_only_tuple_made_in_one_call():
    """``markup.parts`` and ``markup.analyse`` run for every msgid and msgstr the gate reads (two texts per entry of
    every catalog a build checks), so their results are named tuples: made by one ``tuple.__new__``, where a frozen
    dataclass set each of its fields through ``object.__setattr__`` (Parts has nine; 3 % of the editions stage by
    py-spy at 0b9db97). They stay read-only: ``parts`` hands the same cached result to every check."""
    from pipeline.markup import analyse, parts

    text = "Siehe **fett**, `code` und [den Link](https://example.org/ \"Titel\") <br> {name}."
    found, marks = parts(text), analyse(text)
    assert isinstance(found, tuple) and isinstance(marks, tuple)
    assert found.kinds == {"strong emphasis": 1, "code span": 1, "link": 1, "placeholder": 1}
    assert found.targets == {("link", "https://example.org/"): 1} and found.html == {"<br>": 1}
    assert [text[a:b] for a, b in marks.marks] == ["**", "**", "`code`", "[", "](https://example.org/ \"", "\")",
                                                   "<br>", "{name}"]
    for result, name in ((found, "prose"), (marks, "marks")):
        with pytest.raises(AttributeError):
            setattr(result, name, None)

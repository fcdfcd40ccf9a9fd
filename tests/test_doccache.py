"""Segment once: build reuses the segmentation extract stored, keyed by the article's content hash."""

from __future__ import annotations

import json
import re
import sqlite3
import time

import pytest

import pipeline.check
from pipeline import doccache, extract, extract_article, segment, sentences, splitstore
from pipeline.check import check_catalog
from pipeline.config import load_config
from pipeline.glossary import Glossary
from pipeline.segment import segment_article
from pipeline.sources import read_sources, source_files

from conftest import article, copy_shipped_project, need_corpus


@pytest.fixture
def counted(monkeypatch):
    """The slug of every segmentation in this process, by whichever stage and path it is reached."""
    calls: list[str] = []

    class Counting(segment._Builder):
        def __init__(self, art, *args):
            calls.append(art.slug)
            super().__init__(art, *args)

    monkeypatch.setattr(segment, "_Builder", Counting)
    return calls


def test_build_after_extract_segments_nothing_and_an_edit_segments_one_article(project, counted):
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Noch ein Satz mit **Betonung**.\n"))
    project.write("source_de/zwei.md", article("Zwei", "| A | B |\n|---|---|\n| x | y |\n\nText [Link][a].\n\n"
                                                       '[a]: https://example.org "Titel"\n'))
    project.run("extract", "--jobs", "1")
    assert sorted(counted) == ["eins", "zwei"]
    counted.clear()
    project.run("build", "--jobs", "1")
    assert counted == []
    project.write("source_de/eins.md", article("Eins", "Ein geänderter Satz.\n"))
    project.run("extract", "--jobs", "1")
    project.run("build", "--jobs", "1")
    assert counted == ["eins"]


def test_cached_document_equals_a_fresh_segmentation(tmp_path):
    """Every field survives the JSON round trip: slots, joins, restores, labels, front matter."""
    config = load_config(copy_shipped_project(tmp_path).root)
    for art in read_sources(config).articles:
        fresh = segment_article(art, config.segmentation, config.source_language)
        assert doccache.document(config, art) == fresh  # computed and stored
        assert doccache.document(config, art) == fresh  # loaded


def test_damaged_or_stale_cache_is_recomputed_and_a_deleted_article_pruned(project, counted):
    project.write("source_de/eins.md", article("Eins", "Ein Satz.\n"))
    project.run("extract", "--jobs", "1")
    cache = project.root / ".verlag/segments/eins.json"
    cache.write_text('{"key": "x", "slots": 1', encoding="utf-8")
    project.run("build", "--jobs", "1")
    assert counted == ["eins", "eins"]
    assert '"Ein Satz."' in cache.read_text(encoding="utf-8")
    (project.root / "source_de/eins.md").unlink()
    project.run("extract", "--jobs", "1")
    assert not cache.exists()


def test_jobs_1_and_jobs_2_write_the_same_bytes(tmp_path, counted, monkeypatch):
    """Workers segment and make editions; templates, catalogs, editions and site are written in document order."""
    checked: list[str] = []

    def counting_check(po, ref, *args, **kwargs):
        if not ref.endswith("/site.po"):  # the site's UI catalogs are checked by the site stage, in this process
            checked.append(ref)
        return check_catalog(po, ref, *args, **kwargs)

    monkeypatch.setattr(pipeline.check, "check_catalog", counting_check)  # as the editions stage imports it
    snapshots = {}
    for jobs in ("1", "2"):
        project = copy_shipped_project(tmp_path / jobs)
        for n in range(6):
            project.write(f"source_de/notiz-{n}.md", article(f"Notiz {n}", f"Heute ist Tag {n}. Es regnet. "
                                                                          "Morgen vielleicht nicht.\n"))
        counted.clear()
        project.run("extract", "--jobs", jobs)
        in_process = sorted(counted)
        project.run("pretranslate", "--engine", "copy", "--lang", "en")
        checked.clear()
        project.run("build", "--jobs", jobs)
        snapshots[jobs] = project.snapshot()
        articles = len(source_files(load_config(project.root)))  # articles and standalone pages
        if jobs == "1":
            assert (len(in_process), len(checked)) == (articles, 2 * articles)
        else:
            # the pool's first article is segmented and checked here before the fork; every other one by a worker
            languages = load_config(project.root).languages
            assert len(in_process) == 1 and checked == [f"translations/{lang}/{in_process[0]}.po" for lang in languages]
    assert snapshots["1"] == snapshots["2"]


def test_a_template_changed_since_the_worker_read_it_is_made_again(project, monkeypatch):
    """What a worker prepared is used only while the template on disk is the one it read."""
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Noch ein Satz.\n"))
    project.run("extract", "--jobs", "1")
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    pot = config.pot_path("eins")
    kept = pot.read_text(encoding="utf-8")
    made = extract_article.prepare_in_worker(config, art, Glossary(), False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # a template whose messages change is dated anew
    extract_article.extract_article(config, art, made, {}, extract.ExtractResult(), Glossary(), False)
    assert pot.read_text(encoding="utf-8") == kept  # unchanged messages keep their creation date

    pot.write_text(kept.replace('msgid "Ein Satz."', 'msgid "Ein anderer Satz."'), encoding="utf-8")
    extract_article.extract_article(config, art, made, {}, extract.ExtractResult(), Glossary(), False)
    # made again from the German: dated anew, and its body's sentences differ from the template it found (the
    # day of that, textchanged.FIELD, is SOURCE_DATE_EPOCH's)
    field = re.search(r'^"X-Verlag-German: .*\\n"\n', kept, re.M).group(0)
    assert pot.read_text(encoding="utf-8") == kept.replace("2026-05-28 20:26+0000", "2026-09-21 14:13+0000").replace(
        field, field + '"X-Verlag-Text-Changed: 2026-09-21\\n"\n')


@pytest.fixture
def pysbd_runs(monkeypatch):
    """Every text pySBD is run on in this process (the per-process block cache emptied first)."""
    runs: list[str] = []
    real = sentences._pysbd_cuts

    def counting(masked, code):
        runs.append(masked)
        return real(masked, code)

    monkeypatch.setattr(sentences, "_pysbd_cuts", counting)
    sentences._spans_in_block.cache_clear()
    yield runs
    sentences._spans_in_block.cache_clear()


PARAGRAPHS = ["Der erste Absatz hat zwei Sätze. Das ist der zweite, z. B. mit einer Abkürzung.",
              "Im 3. Jahrhundert war alles anders. Heute nicht mehr.",
              "Der letzte Absatz endet hier. Wirklich."]


def test_an_edited_article_runs_pysbd_only_on_the_blocks_that_changed(project, pysbd_runs):
    project.write("source_de/eins.md", article("Eins", "\n\n".join(PARAGRAPHS) + "\n"))
    project.run("extract", "--jobs", "1")
    assert len(pysbd_runs) == 3
    pysbd_runs.clear()
    sentences._spans_in_block.cache_clear()
    edited = [PARAGRAPHS[0], "Im 4. Jahrhundert war alles anders. Heute nicht mehr.", PARAGRAPHS[2]]
    project.write("source_de/eins.md", article("Eins", "\n\n".join(edited) + "\n"))
    project.run("extract", "--jobs", "1")
    assert pysbd_runs == [edited[1]]
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    assert doccache.document(config, art) == segment_article(art, config.segmentation, config.source_language)
    assert 'msgid "Im 4. Jahrhundert war alles anders."' in project.read("translations/templates/eins.pot")


def _stored(config, slug: str) -> dict:
    """The article's cache file, its three lines of JSON by what they hold."""
    lines = doccache._path(config, slug).read_text(encoding="utf-8").split("\n")
    return dict(zip(("head", "slots", "splits"), map(json.loads, lines), strict=True))


def _restore(config, slug: str, data: dict, text: str) -> None:
    """The article's cache file as ``data``, its source as ``text``; the spans shared by all articles gone,
    so only that file can spare pySBD's work."""
    doccache._path(config, slug).write_text("\n".join(json.dumps(data[part]) for part in ("head", "slots", "splits")),
                                            encoding="utf-8")
    (config.source_dir / f"{slug}.md").write_text(text, encoding="utf-8")  # an edit: the document key is stale
    _forget_shared(config)


def _forget_shared(config) -> None:
    splitstore._OPEN.clear()
    for path in (config.state_dir / doccache.FOLDER).glob(f"{splitstore.FILE_NAME}*"):
        path.unlink()


@pytest.mark.parametrize("damage", [
    lambda spans: {k: [[5, 2]] for k in spans},  # a span that ends before it starts
    lambda spans: {k: [[0, 10_000]] for k in spans},  # beyond its block
    lambda spans: {k: [] for k in spans},  # a block with text and no sentence
    lambda spans: {k: "x" for k in spans},
    lambda spans: [1, 2],
    lambda spans: {k: [[0.5, 3]] for k in spans},
])
def test_stored_spans_that_cannot_be_their_blocks_are_ignored(project, pysbd_runs, damage):
    text = article("Eins", "\n\n".join(PARAGRAPHS) + "\n")
    project.write("source_de/eins.md", text)
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    fresh = doccache.document(config, art)
    data = _stored(config, "eins")
    data["splits"]["spans"] = damage(data["splits"]["spans"])
    _restore(config, "eins", data, text + "\nNeu.\n")
    pysbd_runs.clear()
    sentences._spans_in_block.cache_clear()
    (art,) = read_sources(config).articles
    assert doccache.document(config, art).slots[:-1] == fresh.slots
    assert sorted(pysbd_runs) == sorted(PARAGRAPHS)
    assert _stored(config, "eins")["splits"]["version"] == sentences.splitter_version("de")


def test_stored_spans_of_other_code_or_another_language_are_not_used(project, pysbd_runs, monkeypatch):
    text = article("Eins", "\n\n".join(PARAGRAPHS) + "\n")
    project.write("source_de/eins.md", text)
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    doccache.document(config, art)
    assert sentences.splitter_version("en") != sentences.splitter_version("de")
    data = _stored(config, "eins")
    for version in (sentences.splitter_version("en"), "0123456789abcdef|pysbd 0.3.4|de"):
        data["splits"]["version"] = version
        _restore(config, "eins", data, text + "\nNeu.\n")
        pysbd_runs.clear()
        sentences._spans_in_block.cache_clear()
        (art,) = read_sources(config).articles
        doccache.document(config, art)
        assert sorted(pysbd_runs) == sorted(PARAGRAPHS)
    monkeypatch.setattr(sentences, "code_digest", lambda: "changed code")
    assert sentences.splitter_version("de") != data["splits"]["version"]


def _same_with_memo(art, lang: str, pysbd_runs: list[str]) -> None:
    """Segmenting ``art`` fresh, filling a memo, and from that memo (JSON round trip) gives one ``Document``;
    the last runs no pySBD."""
    fresh = segment_article(art, "sentence", lang)
    sentences._spans_in_block.cache_clear()
    memo = sentences.SplitMemo()
    assert segment_article(art, "sentence", lang, memo) == fresh
    pysbd_runs.clear()
    sentences._spans_in_block.cache_clear()
    again = sentences.SplitMemo(json.loads(json.dumps(memo.used)))
    assert segment_article(art, "sentence", lang, again) == fresh
    assert pysbd_runs == []
    assert again.used == memo.used


def test_the_memo_gives_todays_segmentation_of_the_shipped_articles(tmp_path, pysbd_runs):
    config = load_config(copy_shipped_project(tmp_path).root)
    for art in read_sources(config).articles:
        _same_with_memo(art, config.source_language, pysbd_runs)


def test_the_memo_gives_todays_sentences_of_the_german_gold(project, pysbd_runs):
    cases = json.loads((need_corpus("segmentation") / "de_golden.json").read_text(encoding="utf-8"))
    project.write("source_de/gold.md", article("Gold", "\n\n".join(case["text"].strip() for case in cases) + "\n"))
    (art,) = read_sources(load_config(project.root)).articles
    _same_with_memo(art, "de", pysbd_runs)


def _two_articles(project) -> tuple:
    """Two articles that share their first paragraph; the shared spans start empty."""
    project.write("source_de/eins.md", article("Eins", "\n\n".join(PARAGRAPHS) + "\n"))
    project.write("source_de/zwei.md", article("Zwei", PARAGRAPHS[0] + "\n\nAnders hier. Und dort.\n"))
    config = load_config(project.root)
    _forget_shared(config)
    return config, read_sources(config).articles


def test_a_block_another_article_holds_is_not_split_again(project, pysbd_runs):
    config, (eins, zwei) = _two_articles(project)
    doccache.document(config, eins)
    sentences._spans_in_block.cache_clear()  # as in another worker process
    pysbd_runs.clear()
    doc = doccache.document(config, zwei)
    assert pysbd_runs == ["Anders hier. Und dort."]
    assert doc == segment_article(zwei, config.segmentation, config.source_language)


def test_shared_spans_of_other_code_are_not_used(project, pysbd_runs, monkeypatch):
    config, (eins, zwei) = _two_articles(project)
    doccache.document(config, eins)
    monkeypatch.setattr(sentences, "code_digest", lambda: "changed code")
    splitstore._OPEN.clear()
    sentences._spans_in_block.cache_clear()
    pysbd_runs.clear()
    doccache.document(config, zwei)
    assert sorted(pysbd_runs) == sorted([PARAGRAPHS[0], "Anders hier. Und dort."])


@pytest.mark.parametrize("damage", [b"not a database", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_damaged_shared_file_is_started_afresh(project, pysbd_runs, damage):
    config, (eins, zwei) = _two_articles(project)
    path = config.state_dir / doccache.FOLDER / splitstore.FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    assert doccache.document(config, eins) == segment_article(eins, config.segmentation, config.source_language)
    sentences._spans_in_block.cache_clear()
    pysbd_runs.clear()
    doccache.document(config, zwei)
    assert pysbd_runs == ["Anders hier. Und dort."]  # the new file holds what the first article split


def test_shared_spans_that_cannot_be_their_block_are_ignored(project, pysbd_runs):
    config, (eins, zwei) = _two_articles(project)
    doccache.document(config, eins)
    store = splitstore.open_store(config.state_dir / doccache.FOLDER, sentences.splitter_version("de"))
    store.file.connection.execute("UPDATE spans SET spans = '[[0, 100000]]'")
    splitstore._OPEN.clear()  # read by another process
    sentences._spans_in_block.cache_clear()
    pysbd_runs.clear()
    doc = doccache.document(config, zwei)
    assert sorted(pysbd_runs) == sorted([PARAGRAPHS[0], "Anders hier. Und dort."])
    assert doc == segment_article(zwei, config.segmentation, config.source_language)


def test_a_locked_shared_store_is_done_without_at_once(tmp_path):
    """Another process holding the write lock (a stuck verlag, a DB browser): no 30 s wait to open it, and one
    wait of at most ``LOCK_SECONDS`` for a store that becomes locked later, never one per block. The bound
    below only tells 'at once' from SQLite's default waits; it is no speed target."""
    path = tmp_path / splitstore.FILE_NAME
    early = splitstore.SplitStore(path, "v1")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        late = splitstore.SplitStore(path, "v1")
        assert late.file is None and late.get("a" * 64) is None
        assert time.monotonic() - started < 5 * splitstore.LOCK_SECONDS
        early.put({"b" * 64: ((0, 4),)})  # waits once, then does without
        assert early.file is None
        assert early.get("b" * 64) == [[0, 4]]  # what this process split is still known to it
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_two_versions_at_once_never_take_or_leave_each_others_spans(tmp_path):
    path = tmp_path / splitstore.FILE_NAME
    old = splitstore.SplitStore(path, "v1")
    reader = splitstore.SplitStore(path, "v1")
    new = splitstore.SplitStore(path, "v2")  # empties the file and stamps it with v2
    new.put({"n" * 64: ((0, 3),)})
    assert reader.get("n" * 64) is None  # v2's spans are not v1's
    old.put({"o" * 64: ((0, 5),)})  # v1's spans do not go into v2's file
    assert old.file is None
    assert splitstore.SplitStore(path, "v2").get("o" * 64) is None
    assert splitstore.SplitStore(path, "v2").get("n" * 64) == [[0, 3]]


def test_a_stored_document_is_read_only_for_the_bytes_and_code_it_was_made_by(project, monkeypatch):
    """``doccache.stored`` (the site's link scan) never segments: the cached Document for the article's
    current bytes and verlag's code, else None; so an edited article, other code or a damaged file
    leave the scan to parse the article."""
    project.write("source_de/eins.md", article("Eins", "Ein [Link](a.pdf).\n"))
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    assert doccache.stored(config, art) is None  # nothing stored yet, and nothing is made
    assert not (config.state_dir / "segments/eins.json").exists()
    assert doccache.stored(config, art) is None
    made = doccache.document(config, art)
    assert doccache.stored(config, art) == made and made.links == ((0, "Ein [Link](a.pdf)."),)
    assert doccache.stored_links(config, art) == (made.links, made.definitions)  # the link scan's part of it
    project.write("source_de/eins.md", article("Eins", "Ein [Link](b.pdf).\n"))
    (edited,) = read_sources(config).articles
    assert doccache.stored(config, edited) is None and doccache.stored_links(config, edited) is None
    monkeypatch.setattr(doccache, "code_digest", lambda: "other code")
    assert doccache.stored(config, art) is None
    monkeypatch.undo()
    (config.state_dir / "segments/eins.json").write_text('{"key": ', encoding="utf-8")
    assert doccache.stored(config, art) is None and doccache.stored_links(config, art) is None


def test_the_link_scan_parses_only_the_links_of_a_stored_document_and_a_damaged_segment_is_segmented_again(
        project, monkeypatch):
    """``stored_links`` (the site's link scan, every article of every build) parses the stored links and link
    definitions, not the slots and sentence spans that are most of the file. A stored slot whose segment lost a
    field is damage like any other: the article is segmented again, not published with a broken segment."""
    project.write("source_de/eins.md", article("Eins", "Ein [Link](a.pdf) hier.\n\nZweiter Absatz ohne Verweis.\n"))
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    made = doccache.document(config, art)
    parsed: list[str] = []
    real = json.loads
    monkeypatch.setattr(doccache.json, "loads", lambda text, **kw: parsed.append(
        text.decode() if isinstance(text, bytes) else text) or real(text, **kw))
    assert doccache.stored_links(config, art) == (made.links, made.definitions)
    assert parsed and not any("Zweiter Absatz" in text for text in parsed)
    monkeypatch.undo()

    data = _stored(config, "eins")
    data["slots"][-1][7][0].pop()  # the last segment without its note
    doccache._path(config, "eins").write_text("\n".join(json.dumps(data[p]) for p in ("head", "slots", "splits")),
                                              encoding="utf-8")
    assert doccache.stored(config, art) is None
    assert doccache.document(config, art) == made == segment_article(art, config.segmentation, config.source_language)

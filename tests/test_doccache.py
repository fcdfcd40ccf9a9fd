"""Segment once: build reuses the segmentation extract stored, keyed by the article's content hash."""

from __future__ import annotations

import pytest

from pipeline import doccache, editions, extract, segment
from pipeline.check import check_catalog
from pipeline.config import load_config
from pipeline.glossary import Glossary
from pipeline.segment import segment_article
from pipeline.sources import read_sources, source_files

from conftest import article, copy_shipped_project


@pytest.fixture
def counted(monkeypatch):
    """The slug of every segmentation in this process, by whichever stage and path it is reached."""
    calls: list[str] = []

    class Counting(segment._Builder):
        def __init__(self, art, mode, lang):
            calls.append(art.slug)
            super().__init__(art, mode, lang)

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
        checked.append(ref)
        return check_catalog(po, ref, *args, **kwargs)

    monkeypatch.setattr(editions, "check_catalog", counting_check)
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
            assert in_process == checked == []  # every article was segmented and checked by a worker process
    assert snapshots["1"] == snapshots["2"]


def test_a_template_changed_since_the_worker_read_it_is_made_again(project, monkeypatch):
    """What a worker prepared is used only while the template on disk is the one it read."""
    project.write("source_de/eins.md", article("Eins", "Ein Satz. Noch ein Satz.\n"))
    project.run("extract", "--jobs", "1")
    config = load_config(project.root)
    (art,) = read_sources(config).articles
    pot = config.pot_path("eins")
    kept = pot.read_text(encoding="utf-8")
    made = extract._prepare_in_worker(config, art, Glossary(), False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # a template whose messages change is dated anew
    extract._extract_article(config, art, made, {}, extract.ExtractResult(), Glossary(), False)
    assert pot.read_text(encoding="utf-8") == kept  # unchanged messages keep their creation date

    pot.write_text(kept.replace('msgid "Ein Satz."', 'msgid "Ein anderer Satz."'), encoding="utf-8")
    extract._extract_article(config, art, made, {}, extract.ExtractResult(), Glossary(), False)
    assert pot.read_text(encoding="utf-8") == kept.replace("2026-05-28 20:26+0000", "2026-09-21 14:13+0000")

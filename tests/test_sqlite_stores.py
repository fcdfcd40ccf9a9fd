"""The SQLite files under .verlag/ damaged past their first page: the file opens, a later statement fails.
Each store does what it promises (``sqlitedb.Database``): a cache is made afresh, the MT cache is set aside,
the translation memory index is refused with one line naming it."""

from __future__ import annotations

import shutil

import pytest

from pipeline import doccache, sentences, splitstore
from pipeline.config import load_config
from pipeline.mtcache import MTCache
from pipeline.segment import segment_article
from pipeline.site import BODIES_FILE
from pipeline.sources import read_sources

from conftest import Project, article, malform_sqlite


@pytest.fixture
def built(project: Project) -> Project:
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nunreviewed = \"machine\"\n")
    project.write("source_de/leber.md", article("Die Leber entgiften", """
        Die Leber ist ein wichtiges Organ. Sie arbeitet nachts am meisten.

        ## Zubereitung

        Trinken Sie viel Wasser.
        """))
    project.write("source_de/milz.md", article("Milz", "Die Milz liegt links.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    project.run("build")
    return project


def site_files(project: Project) -> dict[str, bytes]:
    return {k: v for k, v in project.snapshot().items() if k.startswith("site/")}


def test_a_damaged_bodies_cache_is_made_afresh_with_a_warning_and_the_pages_are_the_same(built: Project):
    store = built.root / ".verlag" / BODIES_FILE
    malform_sqlite(store)
    built.write("source_de/leber.md", built.read("source_de/leber.md").replace("viel Wasser", "genug Wasser"))
    built.run("extract")  # the catalogs match the German: the only warning is the damaged file's
    result = built.run("build")  # was: "error: internal error: sqlite3.DatabaseError: ...", exit 2, every build
    assert f"warning: .verlag/{BODIES_FILE}: damaged (database disk image is malformed); deleted, a new one made" \
        in result.output
    damaged = site_files(built)
    again = built.run("build")
    assert f"warning: .verlag/{BODIES_FILE}" not in again.output and "site: 0 files written" in again.output  # works
    # a cold build makes the very same pages: every cache gone and site/ too, only the site's record of the files it
    # published kept (.verlag/site.json: a translation published before and withdrawn now is told by it, on its old
    # address and in the index, "no longer available")
    (built.root / ".verlag").rename(built.root / "old-state")
    (built.root / ".verlag").mkdir()
    (built.root / ".verlag/site.json").write_bytes((built.root / "old-state/site.json").read_bytes())
    shutil.rmtree(built.root / "site")
    built.run("build")
    assert site_files(built) == damaged


def test_a_damaged_shared_spans_file_is_started_afresh_when_a_statement_meets_the_damage(project: Project):
    project.write("source_de/eins.md", article("Eins", "Erster Satz. Zweiter Satz.\n\nDritter Satz hier.\n"))
    config = load_config(project.root)
    (eins,) = read_sources(config).articles
    doccache.document(config, eins)
    path = config.state_dir / doccache.FOLDER / splitstore.FILE_NAME
    splitstore._OPEN.clear()
    malform_sqlite(path)
    sentences._spans_in_block.cache_clear()
    (config.state_dir / doccache.FOLDER / "eins.json").unlink()  # segmented again: the shared file is asked
    assert doccache.document(config, eins) == segment_article(eins, config.segmentation, config.source_language)
    store = splitstore._OPEN[next(iter(splitstore._OPEN))]
    assert store.file is not None and store.file.warnings  # rebuilt, not turned off
    assert store.file.connection.execute("SELECT COUNT(*) FROM spans").fetchone()[0] > 0


def test_a_damaged_mt_cache_is_set_aside_when_a_statement_meets_the_damage(tmp_path):
    path = tmp_path / "c.sqlite"
    cache = MTCache(path)
    cache.put_many("libre", "de", "en", [(f"Satz {n}.", f"Sentence {n}.") for n in range(500)])
    cache.close()
    malform_sqlite(path)
    cache = MTCache(path)  # opens: the damage is past the first page
    assert cache.get_many("libre", "de", "en", ["Satz 1."]) == {}
    cache.put_many("libre", "de", "en", [("a", "b")])
    assert cache.get_many("libre", "de", "en", ["a"]) == {"a": "b"}
    assert (tmp_path / "c.sqlite.damaged").exists() and "c.sqlite.damaged" in cache.warnings[0]


def test_a_damaged_translation_memory_is_one_line_naming_it_and_is_kept(built: Project):
    for path in (built.root / "translations/en").glob("*.po"):  # reviewed work for the memory to hold
        path.write_text(path.read_text(encoding="utf-8").replace("#, fuzzy\n", ""), encoding="utf-8")
    built.run("tm", "export", str(built.root / "all.tmx"))
    index = built.root / ".verlag/tm.sqlite"
    malform_sqlite(index)
    damaged = index.read_bytes()
    result = built.run("tm", "export", str(built.root / "again.tmx"), code=2)
    assert result.output.startswith("error: .verlag/tm.sqlite: translation memory index is damaged (database disk "
                                    "image is malformed); delete it and import your TMX files again")
    assert "Traceback" not in result.output and index.read_bytes()[4096:] == damaged[4096:]  # its pages kept


def test_no_connection_to_the_bodies_cache_is_open_when_the_site_pool_forks(built: Project, monkeypatch):
    """sqlite.org, How To Corrupt: do not carry an open connection across fork(); the workers get the plan."""
    import os

    from pipeline import pool

    real, open_at_fork = pool.map_articles, []
    mine = str((built.root / ".verlag" / BODIES_FILE).resolve())  # not an earlier test's: the runner keeps a
    # failed command's traceback, and with it that build's connection

    def spying(work, config, articles, jobs):
        fds = os.listdir("/proc/self/fd")
        open_at_fork.append([os.readlink(f"/proc/self/fd/{fd}") for fd in fds
                             if os.path.exists(f"/proc/self/fd/{fd}")
                             and os.readlink(f"/proc/self/fd/{fd}") == mine])
        return real(work, config, articles, jobs)

    monkeypatch.setattr(pool, "map_articles", spying)
    for name in ("leber", "milz"):  # every body due again
        built.write(f"source_de/{name}.md", built.read(f"source_de/{name}.md").replace("Die ", "Diese "))
    built.run("build", "--jobs", "2")
    assert open_at_fork and open_at_fork[-1] == []

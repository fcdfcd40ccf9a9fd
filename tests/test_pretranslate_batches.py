"""`verlag pretranslate` a batch of catalogs at a time: the same catalogs and summary as one batch of all,
one batch in memory, and a sentence of two batches sent to a service once."""

from __future__ import annotations

import gc
import shutil
import sys
import weakref

import polib
import pytest

from pipeline import pretranslate as stage

from conftest import REPO, Project, article, copy_shipped_project, msgfmt_check, sign_off_all
from test_pretranslate_mt import LEBER, ZECKEN, mt, server  # noqa: F401 - the fixtures, used by name

sys.path.insert(0, str(REPO / "bench"))
from bench_extract import write_project  # noqa: E402 - the benchmarks' seeded article generator

ALL = 10**9  # a batch size no project reaches: every catalog in one batch, as the stage read them before


def translations(project: Project) -> dict[str, bytes]:
    return {k: v for k, v in project.snapshot().items() if k.startswith("translations/")}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Project:
    """200 generated articles (``bench_extract.write_project``, English only), extracted; the first 40
    catalogs drafted by ``copy``, edited (a reviewer's marker before each text) and signed off, so the
    translation memory has reviewed work to offer (signed-off ``pseudo`` text is no reviewed work)."""
    root = tmp_path_factory.mktemp("generated") / "project"
    write_project(root, 200, 1, edited=False)
    project = Project(root)
    project.run("extract")
    project.run("pretranslate", "--engine", "copy", *(f"--article=artikel-{n:04d}" for n in range(40)))
    for n in range(40):
        path = root / f"translations/en/artikel-{n:04d}.po"
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = f"EN: {entry.msgstr}" if entry.msgstr else ""
        po.save(str(path))
    sign_off_all(project, "en")
    return project


def shipped(tmp_path) -> Project:
    project = copy_shipped_project(tmp_path / "shipped")
    project.run("extract")
    return project


@pytest.mark.parametrize("engine", ["copy", "pseudo", "tm"])
@pytest.mark.parametrize("content", ["shipped", "generated"])
def test_catalogs_drafted_a_batch_at_a_time_are_the_catalogs_drafted_all_at_once(
        engine, content, generated, tmp_path, monkeypatch):
    """Every catalog its own batch against every catalog in one batch (the stage before batches):
    the same bytes in every catalog and the same summary."""
    runs = {}
    for batch in (ALL, 1):
        if content == "shipped":
            project = shipped(tmp_path / str(batch))
        else:
            shutil.copytree(generated.root, tmp_path / str(batch))
            project = Project(tmp_path / str(batch))
        monkeypatch.setattr(stage, "BATCH_ENTRIES", batch)
        output = project.run("pretranslate", "--engine", engine).output
        runs[batch] = (translations(project), output)
    (one, said), (many, told) = runs[ALL], runs[1]
    assert many == one
    assert told == said
    drafted = [k for k, v in one.items() if f"mt: {engine}".encode() in v or b"tm: " in v and engine == "tm"]
    assert drafted, "the engine drafted nothing: the comparison would prove nothing"
    for name in drafted[:3]:
        msgfmt_check(tmp_path / "1" / name if content == "generated" else tmp_path / "1/shipped" / name)


def test_memory_holds_one_batch_of_catalogs(generated, tmp_path, monkeypatch):
    """With batches of one catalog, no more than the catalog being read and the one just drafted are alive."""
    shutil.copytree(generated.root, tmp_path / "p")
    project = Project(tmp_path / "p")
    monkeypatch.setattr(stage, "BATCH_ENTRIES", 1)
    catalogs: list[weakref.ref] = []
    most = []
    read = stage.load_po

    def load_po(path, ref):
        gc.collect()
        most.append(sum(1 for catalog in catalogs if catalog() is not None))
        data, po = read(path, ref)
        catalogs.append(weakref.ref(po))
        return data, po

    monkeypatch.setattr(stage, "load_po", load_po)
    project.run("pretranslate", "--engine", "copy")
    assert len(most) == 200
    assert max(most) <= 1


def test_a_dry_run_lists_what_a_context_sending_engine_would_send_whatever_the_batches(mt, monkeypatch):  # noqa: F811
    """DeepL is sent each sentence with its article's title and paragraph (its cache key holds them), so the
    real run sends "Tee trinken" once per article: the dry run lists it so, in one batch or in two."""
    mt.write("source_de/zecken.md", ZECKEN)
    mt.run("extract")
    monkeypatch.setenv("DEEPL_API_KEY", "x")
    listed = []
    for size in (stage.BATCH_ENTRIES, 1):
        monkeypatch.setattr(stage, "BATCH_ENTRIES", size)
        listed.append(mt.run("pretranslate", "--engine", "deepl", "--lang", "en", "--dry-run").output)
    assert [out.count("en deepl: Tee trinken\n") for out in listed] == [2, 2]


def test_a_sentence_in_two_batches_goes_to_the_service_once(mt, monkeypatch):  # noqa: F811 - the fixture
    """Leber and Zecken both say "Tee trinken"; in batches of one catalog the second finds the answer in the
    MT cache. A dry run lists it once."""
    mt.write("source_de/zecken.md", ZECKEN)
    mt.run("extract")
    monkeypatch.setattr(stage, "BATCH_ENTRIES", 1)
    planned = mt.run("pretranslate", "--engine", "libre", "--lang", "en", "--dry-run").output
    assert planned.count("en libre: Tee trinken\n") == 1
    mt.run("pretranslate", "--engine", "libre", "--lang", "en")
    sent = [line for e in mt.server.log for text in e["texts"] for line in text.splitlines()]  # libre: a line each
    assert sent.count("Tee trinken") == 1 and "Zecken mögen hohes Gras." in sent
    for slug in ("leber", "zecken"):
        po = (mt.root / f"translations/en/{slug}.po").read_text(encoding="utf-8")
        assert 'msgid "Tee trinken"\nmsgstr "TEE TRINKEN"' in po
        msgfmt_check(mt.root / f"translations/en/{slug}.po")

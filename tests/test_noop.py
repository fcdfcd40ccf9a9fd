"""Reruns with nothing changed: they write nothing, load little, and still see every change, however small."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline import sources
from pipeline.config import load_config
from pipeline.errors import VerlagError
from pipeline.fsutil import code_digest
from pipeline.sources import read_sources

from conftest import REPO, Project, article, copy_shipped_project

TRICKY = {
    # time zones, a datetime and a date outside the date keys, nested values, a reviewer as a table
    "zeit.md": "---\ntitle: Zeit\ndate: 2026-05-26T08:30:00+02:00\nupdated: 2026-06-01 10:00Z\n"
               "gemessen: 2025-01-02 03:04:05.25\nextra: {a: [1, 2.5, null, true], b: 2026-01-01}\n"
               "reviewed_by:\n  name: Dr. Anna Berger\n  url: https://example.org/berger\n---\nText.\n",
    "crlf.md": "---\r\ntitle: Zeilenenden\r\ndate: 2026-05-26\r\n---\r\nErster Satz.\r\n",  # normalised text
    "nfd.md": "---\ntitle: Mu\u0308de\ndate: 2026-05-26\n---\nU\u0308bungen fu\u0308r den Ru\u0308cken.\n",
    "bom.md": "\ufeff---\ntitle: BOM\ndate: '2026-05-26'\ntags: [a, b]\n---\nText.\n",
    "ohne-datum.md": "---\ntitle: Ohne Datum\n---\nText.\n",  # its day is the file's: not stored (as pages)
    "menge.md": "---\ntitle: Menge\ndate: 2026-05-26\nsorten: !!set {a, b}\n---\nText.\n",  # no JSON for a set
    "dollar.md": "---\ntitle: Dollar\ndate: 2026-05-26\nwerte: {$date: x}\n---\nText.\n",
    # init's placeholders, one of them in a note to self (no placeholder of the text), one made by taking one out
    "luecken.md": "---\ntitle: Lücken\ndate: 2026-05-26\nslug: luecken\n---\nName: [[AUSFÜLLEN: Name]]\n\n"
                  "<!-- [[AUSFÜLLEN: Notiz]] -->\n\nTel.: [[AUSFÜL<!-- x -->LEN: Telefon]]\n",
}


def _typed(value):
    """``value`` with the type of every part spelled out, so 1 == 1.0 == True or a date == its string cannot pass."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, dt.datetime):
        return ("datetime", value.isoformat(), value.utcoffset())
    return (type(value).__name__, value)


def _fields(found) -> list:
    """What ``read_article`` gives of each article; of one taken from its stat record, its placeholders and lines
    of the front matter's keys as stored (``placeholders``, ``key_lines`` asked before its text)."""
    return [(a.path, a.ref, a.slug, a.placeholders, a.key_lines, a.key_line("title"), a.key_line("slug"), a.text,
             a.front, a.front_start, a.body_start, a.body_line, a.digest, a.undated, a.page, _typed(a.meta))
            for a in [*found.articles, *found.german_only]]


@pytest.fixture
def tricky(tmp_path):
    p = copy_shipped_project(tmp_path / "p")
    for name, text in TRICKY.items():
        path = p.root / "source_de" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return p


def test_sources_read_from_the_cache_are_the_articles_read_from_the_files(tricky, monkeypatch):
    config = load_config(tricky.root)
    fresh = read_sources(config)
    assert not (config.state_dir / "sources.json").exists()  # only the commands that write store it
    assert _fields(read_sources(config, remember=True)) == _fields(fresh)
    parsed = []
    real = sources._load_front
    monkeypatch.setattr(sources, "_load_front", lambda front: parsed.append(front) or real(front))
    assert _fields(read_sources(config)) == _fields(fresh)
    undated = [a for a in [*fresh.articles, *fresh.german_only] if a.undated]
    assert len(parsed) == len(undated) + 2  # and menge, dollar; the others came from .verlag/sources.json
    assert len(fresh.articles) > 10 and not fresh.errors
    gaps = next(a for a in fresh.articles if a.slug == "luecken")
    assert gaps.placeholders == ((6, "[[AUSFÜLLEN: Name]]"), (10, "[[AUSFÜLLEN: Telefon]]"))
    assert gaps.key_lines == {"title": 2, "date": 3, "slug": 4}


def test_a_source_taken_from_the_cache_makes_one_article(tricky, monkeypatch):
    """Each entry of ``.verlag/sources.json`` is checked as the source's front matter is (``_checked_front``), with
    an article made first for the lines of its problems: two articles per source on every run. That one is made
    only for a problem now; the articles are the same."""
    config = load_config(tricky.root)
    read_sources(config, remember=True)
    fresh = _fields(read_sources(config))
    made = []

    class Counted(sources.Article):
        def __init__(self, *args, **kwargs):
            made.append(args[1])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(sources, "Article", Counted)
    found = read_sources(config)
    stored = json.loads((config.state_dir / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert len(stored) >= 10 and all(made.count(ref) == 1 for ref in stored)  # the others are parsed (undated, a set)
    assert set(made) == {a.ref for a in [*found.articles, *found.german_only]}
    assert _fields(found) == fresh


def test_a_build_with_nothing_changed_reads_no_source_whose_stat_is_recorded(project, monkeypatch):
    """A no-op build read every source for ``[[AUSFÜLLEN: …]]`` placeholders (and the line of each repeated title
    it warns about): the text, with HTML comments taken out by markdown-it, which it imported for that. The
    placeholders and the front matter's key lines are kept with each source's entry in ``.verlag/sources.json``:
    the same errors and warnings at the same lines, no other source read. One saved since is read, and its new
    placeholder is found."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n<!-- Notiz -->\n"))
    project.write("source_de/leber-2.md", article("Leber", "Die Leber ruht.\n", aliases="[/alt/leber/]"))
    project.write("source_de/seiten/impressum.md", article("Impressum", "Name: [[AUSFÜLLEN: Name]]\n"))
    project.run("extract")
    project.run("build", code=2)
    first = project.run("build", code=2).output
    assert "source_de/seiten/impressum.md:5: placeholder [[AUSFÜLLEN: Name]] still there" in first
    assert "warning: source_de/leber.md:2: title: 'Leber' is also the title of source_de/leber-2.md" in first
    read, real = [], sources.file_bytes
    monkeypatch.setattr(sources, "file_bytes", lambda path, *rest: read.append(Path(path).name) or real(path, *rest))
    assert project.run("build", code=2).output == first
    assert read == ["impressum.md"]  # for its German record, which every build writes of a page it leaves out
    project.write("source_de/seiten/impressum.md", project.read("source_de/seiten/impressum.md") +
                  "Tel.: [[AUSFÜLLEN: Telefon]]\n")
    read.clear()
    again = project.run("build", code=2).output
    assert read == ["impressum.md"]
    assert "source_de/seiten/impressum.md:6: placeholder [[AUSFÜLLEN: Telefon]] still there" in again


def test_a_source_changed_within_the_same_second_and_size_is_read_again(project):
    path = project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    before = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"nachts", b"tags  "))  # an editor that keeps the mtime
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    result = project.run("extract")
    assert "extract: 0 files changed" not in result.output
    assert "Die Leber arbeitet tags" in project.read("translations/templates/leber.pot")
    assert "nachts" not in project.read("translations/templates/leber.pot")


def _sources_read(project, monkeypatch) -> list[str]:
    """The German sources ``verlag extract`` reads, by file name."""
    read, real = [], sources.file_bytes
    monkeypatch.setattr(sources, "file_bytes", lambda path, *rest: read.append(Path(path).name) or real(path, *rest))
    project.run("extract")
    monkeypatch.setattr(sources, "file_bytes", real)
    return sorted(read)


def _clock_past(path: Path) -> None:
    """Wait until the file system's clock has passed the change time of ``path`` (a tick is 1 to 10 ms): a run that
    takes its lock in the tick of a save does not record the file it reads (``statrecord.recordable``) and reads it
    again next time, rightly; a test that saves and runs at once asserted a race it won only while verlag was slow
    to start."""
    probe = path.with_name(".clock")
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > path.stat().st_ctime_ns:
            probe.unlink()
            return


def test_a_rerun_reads_no_source_whose_stat_is_recorded(project, monkeypatch):
    """A source whose stat is the one recorded with its digest (``.verlag/source-stat.json``) is not read again:
    a no-op extract reads none. One saved since, to the same size and inode with its modification time
    put back, is read (its change time moved) and reaches the template."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    _clock_past(project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n")))
    project.run("extract")
    assert _sources_read(project, monkeypatch) == []
    _saved_again(project.root / "source_de/leber.md", b"nachts", b"abends", keep_times=True)
    _clock_past(project.root / "source_de/leber.md")
    assert _sources_read(project, monkeypatch) == ["leber.md"]
    assert "Die Leber arbeitet abends." in project.read("translations/templates/leber.pot")
    assert _sources_read(project, monkeypatch) == []


def test_a_rerun_takes_one_stat_of_each_source(project, monkeypatch):
    """The lstat that tells a source is no symlink leading out of source_de/ is the stat the read compares with its
    record (a stat of its own was one system call more per article: 500 of a no-op extract's 5,150 at N = 500); a
    symlink's target is stat'ed, and read when it changes."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    _clock_past(project.write("source_de/teile/tee.md", article("Tee", "Der Tee zieht.\n")))
    (project.root / "source_de/tee.md").symlink_to("teile/tee.md")
    project.run("extract")
    project.run("extract")
    calls, real_stat, real_lstat = [], os.stat, os.lstat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: calls.append(("stat", Path(path).name)) or
                        real_stat(path, *a, **k))
    monkeypatch.setattr(os, "lstat", lambda path, *a, **k: calls.append(("lstat", Path(path).name)) or
                        real_lstat(path, *a, **k))
    assert "extract: 0 files changed" in project.run("extract").output
    monkeypatch.undo()
    assert [call for call in calls if call[1] == "leber.md"] == [("lstat", "leber.md")]
    assert ("stat", "tee.md") in calls  # the symlink's target
    _saved_again(project.root / "source_de/teile/tee.md", b"zieht", b"kocht", keep_times=True)
    project.run("extract")
    assert "Der Tee kocht." in project.read("translations/templates/tee.pot")


def test_a_source_saved_twice_within_one_tick_of_the_clock_is_read_again(project, monkeypatch):
    """On a file system whose clock does not move (frozen for the whole test, as in
    ``test_a_catalog_saved_twice_within_one_tick_of_the_clock_is_merged_again``) a source changed at or after the
    moment the run took the lock is never taken by its stat: a save with the same size and inode is seen."""
    frozen = 1_767_225_600 * 10**9

    def coarse(real):
        return lambda *args, **kwargs: _with_times(real(*args, **kwargs), frozen)

    monkeypatch.setattr(os, "stat", coarse(os.stat))
    monkeypatch.setattr(os, "fstat", coarse(os.fstat))
    path = project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    for _ in range(3):
        project.run("extract")
    _saved_again(path, b"nachts", b"abends", keep_times=False)
    assert "updated translations/templates/leber.pot" in project.run("extract").output
    assert "Die Leber arbeitet abends." in project.read("translations/templates/leber.pot")


def test_an_unread_source_is_read_when_asked_and_refused_once_changed(tricky, monkeypatch):
    """The articles taken by their stat record have the text and front matter of the files (read when asked);
    a file saved since the run judged it unchanged is refused with ``changed while verlag ran``, never read as
    the text of the recorded digest."""
    config = load_config(tricky.root)
    fresh = _fields(read_sources(config))
    monkeypatch.setattr(sources, "held_since", lambda config: 2**62)  # the lock taken long after every save
    read_sources(config, remember=True)
    read, real = [], sources.file_bytes
    monkeypatch.setattr(sources, "file_bytes", lambda path, *rest: read.append(Path(path).name) or real(path, *rest))
    unread = read_sources(config)
    stored = json.loads((config.state_dir / "sources.json").read_text(encoding="utf-8"))["sources"]
    assert sorted(read) == sorted(ref.rpartition("/")[2] for ref in [a.ref for a in [*unread.articles,
                                                                                     *unread.german_only]]
                                  if ref not in stored or not stored[ref][2])  # undated, or not NFC with LF
    assert {"bom.md", "crlf.md", "nfd.md", "ohne-datum.md"} <= set(read) and "zeit.md" not in read
    assert _fields(unread) == fresh
    zeit = next(a for a in read_sources(config).articles if a.ref == "source_de/zeit.md")
    zeit.path.write_bytes(zeit.path.read_bytes().replace(b"Text.", b"Txet."))
    with pytest.raises(VerlagError, match="changed while verlag ran"):
        zeit.text


@pytest.mark.parametrize("damage", [
    "not json", "[]", '{"key": "KEY", "sources": []}', '{"key": "KEY", "sources": {"source_de/leber.md": 7}}',
    '{"key": "KEY", "sources": {"source_de/leber.md": ["DIGEST", false, true, [], 0, 0, 0, 0]}}',
    '{"key": "KEY", "sources": {"source_de/leber.md": ["DIGEST", false, true, {"title": "x"}, "a", 0, 0, 0]}}',
    '{"key": "KEY", "sources": {"source_de/leber.md": ["DIGEST", false, 3, {"date": {"$date": "5"}}, 0, 9, 9, 9]}}',
    '{"key": "KEY", "sources": {"source_de/leber.md": ["DIGEST", false, 3, {"title": "x"}, 0, 9, 9, 9]}}',
])
def test_a_damaged_cache_is_read_past(project, damage):
    path = project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    config = load_config(project.root)
    expected = _fields(read_sources(config))
    state = config.state_dir / "sources.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(damage.replace("KEY", code_digest())
                     .replace("DIGEST", hashlib.sha256(path.read_bytes()).hexdigest()), encoding="utf-8")
    assert _fields(read_sources(config, remember=True)) == expected
    assert _fields(read_sources(config)) == expected  # and what it stored instead is right


def test_the_cache_of_other_code_is_not_used(project):
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    config = load_config(project.root)
    read_sources(config, remember=True)
    state = config.state_dir / "sources.json"
    stored = json.loads(state.read_text(encoding="utf-8"))
    stored["sources"]["source_de/leber.md"][3]["title"] = "Aus dem Speicher"
    state.write_text(json.dumps(stored), encoding="utf-8")
    assert read_sources(config).articles[0].title == "Aus dem Speicher"  # same code, same bytes: taken as stored
    state.write_text(json.dumps({**stored, "key": "made-by-another-verlag"}), encoding="utf-8")
    assert read_sources(config).articles[0].title == "Leber"


def _files(root) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != "lock"}


def test_reruns_with_nothing_changed_rewrite_nothing_also_in_a_copy(tmp_path):
    p = copy_shipped_project(tmp_path / "p")
    p.run("extract")
    p.run("pretranslate", "--engine", "copy")
    p.run("build", "-q")
    p.run("extract")  # takes note of the catalogs pretranslate filled
    before = _files(p.root)
    assert "extract: 0 files changed" in p.run("extract").output
    p.run("build", "-q")
    assert _files(p.root) == before  # bytes and modification times, .verlag/ included
    copy = Project(tmp_path / "copy")
    shutil.copytree(p.root, copy.root, copy_function=shutil.copy)  # cp -r: the same bytes, new mtimes
    copied = _files(copy.root)
    assert "extract: 0 files changed" in copy.run("extract").output
    assert "0 editions made, 0 written" in copy.run("build").output
    # the same bytes, but for the records of the files' stat (other files: other inodes and times)
    stats = (".verlag/stat.json", ".verlag/edition-stat.json", ".verlag/site-stat.json", ".verlag/source-stat.json",
             ".verlag/renamed-templates.json")
    assert {k: v[0] for k, v in _files(copy.root).items() if k not in stats} == \
           {k: v[0] for k, v in copied.items() if k not in stats}


HEAVY = ("pipeline.extract_article", "pipeline.segment", "pipeline.catalog", "pipeline.check", "pipeline.pool",
         "pipeline.redirects", "pipeline.renames", "pipeline.media", "markdown_it", "pysbd", "yaml", "rapidfuzz",
         "babel", "html", "logging", "traceback", "polib", "markupsafe", "zoneinfo", "csv")


# what a build loads only to make an edition or render a page, a body or a list
HEAVY_BUILD = ("pipeline.segment", "pipeline.catalog", "pipeline.check", "pipeline.pool", "pipeline.render",
               "pipeline.social", "pipeline.nobreak", "markdown_it", "pysbd", "rapidfuzz", "jinja2", "babel.dates", "babel.support",
               "concurrent.futures.process", "sqlite3", "subprocess", "tempfile")


def _loaded_by(root, command: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """The modules of ``heavy`` that ``verlag -C root COMMAND -q`` loads, run in a fresh interpreter."""
    code = (f"import sys\nfrom cli import main\ntry:\n    main(['-C', {str(root)!r}, {command!r}, '-q'])\n"
            f"except SystemExit:\n    pass\nprint(sorted(m for m in {heavy!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1].replace("'", '"'))


def _loaded_by_extract(root) -> list[str]:
    return _loaded_by(root, "extract")


def test_extract_with_nothing_changed_loads_no_segmentation_catalogs_yaml_or_pool(project):
    # a link and a footnote: brackets, as in most articles, where no template tag can start
    project.write("source_de/leber.md", article("Leber", "Die [Leber](https://example.org/leber) arbeitet "
                                                         "nachts.[^1]\n\n[^1]: Meistens.\n"))
    assert {"pipeline.extract_article", "pipeline.segment", "pipeline.catalog", "markdown_it"} <= \
           set(_loaded_by_extract(project.root))
    assert _loaded_by_extract(project.root) == []
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet tags.\n"))
    assert "pipeline.segment" in _loaded_by_extract(project.root)


def test_a_pattern_compiled_when_first_used_matches_as_the_compiled_one():
    from pipeline import LazyPattern

    front = r"^(?P<key>[a-z_]+):[ \t]*(.*)$"
    lazy, compiled = LazyPattern(front, re.M), re.compile(front, re.M)
    assert lazy.pattern == front and "search" not in vars(lazy)  # the text is there, nothing compiled yet
    text = "title: Tee\ndate: 2026-05-26\n\nText: nein\n"
    assert lazy.search(text).groupdict() == compiled.search(text).groupdict()
    assert isinstance(vars(lazy)["search"].__self__, re.Pattern)  # from now on the compiled pattern's own methods
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub(r"\g<key>=", text) == compiled.sub(r"\g<key>=", text)
    assert lazy.split(text) == compiled.split(text) and lazy.findall(text) == compiled.findall(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)
    assert LazyPattern(rb"^msgid (.*)$", re.M).fullmatch(b'msgid ""')[1] == b'""'


def test_extract_with_nothing_changed_compiles_only_the_patterns_it_matches_with(project):
    """The modules a no-op extract loads held 38 compiled patterns, 2.4 ms of its 0.1 s at N = 500 to compile; it
    matches with 4 of them. The others are ``LazyPattern``: compiled by a run that reads a source or a catalog."""
    project.write("source_de/leber.md", article("Leber", "Die [Leber](https://example.org/leber) arbeitet &amp; "
                                                         "ruht.\n"))
    project.run("extract")
    code = (f"import re, sys\nfrom cli import main\ntry:\n    main(['-C', {str(project.root)!r}, 'extract', '-q'])\n"
            "except SystemExit:\n    pass\nfrom pipeline import LazyPattern\n"
            "print(sorted(f'{name}.{key}' for name, module in list(sys.modules.items()) if name.startswith('pipeline')"
            " for key, value in vars(module).items() if isinstance(value, re.Pattern)"
            " or isinstance(value, LazyPattern) and 'search' in vars(value)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert "extract: 0 files changed" in proc.stdout
    assert json.loads(proc.stdout.strip().splitlines()[-1].replace("'", '"')) == [
        "pipeline.config.CLDR_NAME", "pipeline.config.TAG_FORM", "pipeline.sources.SLUG_RE",
        "pipeline.stdpipes.TERMINAL_CONTROL_RE"]
    project.write("source_de/leber.md", article("Leber &amp; Galle", "Die Leber arbeitet.\n"))
    assert "title: '&amp;' shown as typed" in project.run("extract").output  # a source read: its patterns match


def test_extracts_walk_of_the_sources_makes_no_path_for_an_article_or_page(project):
    """``variants.source_tree`` is what ``Path.rglob`` finds but the articles and pages (``source_de/*.md``,
    ``source_de/seiten/*.md``), which neither of its users looks at: a no-op extract at N = 500 made 500 paths for
    nothing. The files it names are what they were: the variants recorded, the misplaced Markdown warned of."""
    from pipeline.variants import source_tree

    for rel in ("tee.md", "seiten/impressum.md", "alt/kaffee.md", "alt/seiten/x.md", "seiten/unter/y.md", "Tee.MD",
                "seiten/z.markdown", ".md", ".git/a.md", "bild.png", "bild.en.png", "leer.md/innen.md", "x.md.txt"):
        project.write(f"source_de/{rel}", article("Tee", "Text.\n") if rel.endswith("md") else "x")
    (project.root / "outside").mkdir()
    (project.root / "outside/z.md").write_text(article("Z", "Text.\n"), encoding="utf-8")
    (project.root / "source_de/link").symlink_to(project.root / "outside")
    source = project.root / "source_de"
    read = {source / "tee.md", source / "seiten/impressum.md"}
    assert sorted(source_tree(source)) == sorted(set(source.rglob("*")) - read)
    out = project.run("extract", code=2).output  # ".md" and the folder "leer.md" are no articles: said as errors
    assert "source_de/alt/kaffee.md: not read" in out and "source_de/Tee.MD: not read" in out
    assert "source_de/seiten/z.markdown: not read" in out and "source_de/leer.md/innen.md: not read" in out
    assert "source_de/tee.md: not read" not in out and "link/z.md" not in out
    assert "bild.en.png" in project.read("translations/en/variants.sha256")


def test_build_with_nothing_changed_loads_no_catalogs_checks_renderer_jinja_babel_or_pool(tmp_path):
    p = copy_shipped_project(tmp_path / "p")
    p.run("extract")
    p.run("pretranslate", "--engine", "copy")
    assert {"pipeline.catalog", "pipeline.pool", "jinja2", "babel.dates", "sqlite3", "subprocess"} <= \
           set(_loaded_by(p.root, "build", HEAVY_BUILD))
    assert _loaded_by(p.root, "build", HEAVY_BUILD) == []
    po = p.root / "translations/en/rueckenschmerzen-leber.po"
    po.write_bytes(po.read_bytes() + b"\n")  # a reviewer's save: the same entries, other bytes
    assert {"pipeline.catalog", "pipeline.check"} <= set(_loaded_by(p.root, "build", HEAVY_BUILD))
    p.write("templates/404.html", (REPO / "templates" / "404.html").read_text(encoding="utf-8") + "<!-- -->\n")
    assert {"jinja2", "babel.dates"} <= set(_loaded_by(p.root, "build", HEAVY_BUILD))


def _page_with_footnote(p: Project) -> str:
    """An English page whose body has a footnote: its back reference is labelled with a UI word."""
    return next(rel for rel in sorted(p.snapshot()) if rel.startswith("site/en/") and rel.endswith("/index.html")
                and 'class="footnote-backref"' in p.read(rel))


def test_a_changed_site_po_renders_the_bodies_of_its_language_again_and_a_broken_one_is_said_every_build(tmp_path):
    p = copy_shipped_project(tmp_path / "p")
    p.run("extract")
    p.run("pretranslate", "--engine", "copy")
    p.run("build", "-q")
    page = _page_with_footnote(p)
    assert 'aria-label="Back to the text"' in p.read(page)
    site_po = p.root / "translations/en/site.po"
    good = site_po.read_bytes()
    site_po.write_bytes(good.replace(b'msgid "Back to the text"\nmsgstr "Back to the text"',
                                     b'msgid "Back to the text"\nmsgstr "Up to the text"'))
    p.run("build", "-q")
    assert 'aria-label="Up to the text"' in p.read(page) and "Back to the text" not in p.read(page)
    german = p.snapshot()
    site_po.write_bytes(good.replace(b'msgid "', b'msgid x"', 1))
    for _ in range(2):  # the build that meets it and the next, with nothing else changed
        assert "error: translations/en/site.po:" in p.run("build", "-q", code=2).output
    assert 'aria-label="Back to the text"' in p.read(page)  # verlag's own words while it is broken
    assert {k: v for k, v in p.snapshot().items() if k.startswith("site/de/")} == \
        {k: v for k, v in german.items() if k.startswith("site/de/")}
    site_po.write_bytes(good)
    assert "error" not in p.run("build", "-q").output
    assert "error" not in p.run("build", "-q").output


def test_site_po_is_merged_again_when_its_bytes_change(project):
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    site_po = project.root / "translations/en/site.po"
    merged = site_po.read_bytes()
    site_po.write_bytes(merged + b'\nmsgid "Nowhere in the templates"\nmsgstr ""\n')
    assert "updated translations/en/site.po" in project.run("extract").output
    assert site_po.read_bytes() == merged  # the stray message is gone, as a merge of the file always did
    site_po.write_bytes(merged.replace(b'msgid "', b'msgid x"', 1))
    result = project.run("extract", code=2)
    assert "error: translations/en/site.po:" in result.output
    assert "error: translations/en/site.po:" in project.run("extract", code=2).output  # every run says it


def test_site_po_is_merged_again_when_a_template_gains_a_message(project):
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    theme = (REPO / "templates" / "404.html").read_text(encoding="utf-8")
    project.write("templates/404.html", theme + '{% trans %}Words of the project theme{% endtrans %}\n')
    assert "updated translations/en/site.po" in project.run("extract").output
    assert 'msgid "Words of the project theme"' in project.read("translations/en/site.po")


def test_a_verlag_release_that_changes_only_its_own_site_po_is_merged_into_the_projects(project, tmp_path_factory,
                                                                                      monkeypatch):
    """verlag's catalog fills a message still untranslated in the project's site.po; the record of settled
    catalogs is keyed on its bytes too (not only on verlag's code), so a new one is read without a cache reset."""
    from pipeline import uistrings

    shipped = tmp_path_factory.mktemp("verlag") / "translations"
    shutil.copytree(uistrings.BUILTIN_TRANSLATIONS, shipped)
    monkeypatch.setattr(uistrings, "BUILTIN_TRANSLATIONS", shipped)
    catalog = shipped / "fr/site.po"
    release = catalog.read_bytes()
    catalog.write_bytes(release.replace(b'msgstr "Tous les articles"', b'msgstr ""'))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    assert 'msgid "All articles"\nmsgstr ""\n' in project.read("translations/fr/site.po")
    catalog.write_bytes(release)  # the next release translates it
    assert "updated translations/fr/site.po" in project.run("extract").output
    assert 'msgid "All articles"\nmsgstr "Tous les articles"\n' in project.read("translations/fr/site.po")


def test_a_copied_project_keeps_its_template_messages_fingerprint(project, tmp_path_factory):
    """The fingerprint names the theme's files as inside the project, as ``site.theme_digest`` does."""
    from pipeline.uistrings import _theme_messages

    project.write("templates/404.html", (REPO / "templates/404.html").read_text(encoding="utf-8"))
    copy = tmp_path_factory.mktemp("kopie") / "projekt"
    shutil.copytree(project.root, copy)
    assert _theme_messages(load_config(copy))[1] == _theme_messages(load_config(project.root))[1]
    (copy / "templates/404.html").rename(copy / "templates/500.html")
    assert _theme_messages(load_config(copy))[1] != _theme_messages(load_config(project.root))[1]


def test_a_state_file_that_cannot_be_read_is_no_cache_and_a_warning(project):
    """A folder in the place of ``.verlag/*.json`` (or a file without read permission): every command still
    works, as without the cache, and says once which file it does without, named from the project folder as
    every other message names a file."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    made = project.snapshot()
    names = ("sources.json", "extract.json", "site-catalogs.json", "site-messages.json", "stat.json")
    for name in names:
        (project.root / ".verlag" / name).unlink(missing_ok=True)  # stat.json: no file recorded yet
        (project.root / ".verlag" / name).mkdir()
    (project.root / "translations/en/leber.po").unlink()
    result = project.run("extract")
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert sorted(warned) == sorted(f"warning: .verlag/{name}: a folder, not a file; verlag does "
                                    "without this cache (its work is done again): remove it" for name in names)
    assert project.snapshot() == made
    project.run("build")
    project.run("status")


def test_a_warning_of_a_run_that_had_not_loaded_logging_is_printed(project):
    """Logging is loaded by the first module of verlag's that has something to say (``pipeline.logger``); the
    command line's handler comes with it, so the warning is printed as ``warning: …`` (in a fresh interpreter:
    pytest has loaded logging long before)."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    state = project.root / ".verlag/extract.json"
    state.unlink()
    state.mkdir()
    proc = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"], capture_output=True,
                          text=True, cwd=REPO, check=True)
    assert proc.stderr == "warning: .verlag/extract.json: a folder, not a file; verlag does without this cache (its work " \
                          "is done again): remove it\n"


def test_file_bytes_reads_what_path_read_bytes_reads_and_fails_as_it_fails(tmp_path, monkeypatch):
    from pipeline import fsutil

    files = {"leer.po": b"", "klein.po": "msgid \"Grüße\"\r\n".encode("utf-8"), "gross.po": os.urandom(3 << 20)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        assert fsutil.file_bytes(tmp_path / name) == (tmp_path / name).read_bytes() == data
    assert fsutil.read_bytes(tmp_path / "fehlt.po") is None
    for missing in (tmp_path / "fehlt.po", tmp_path):  # absent; a folder (its read fails, naming no file)
        with pytest.raises(OSError) as theirs:
            missing.read_bytes()
        with pytest.raises(OSError) as ours:
            fsutil.file_bytes(missing)
        assert (ours.value.errno, ours.value.filename) == (theirs.value.errno, theirs.value.filename)
        assert isinstance(ours.value, type(theirs.value))  # a folder's also a NotAFile, named by its reader
        # the system's words, but for a folder: named as one ("Is a directory" named no fix)
        assert ours.value.strerror == ("a folder, not a file" if missing.is_dir() else theirs.value.strerror)
    # a file that grew between the fstat and the read is read to its end
    monkeypatch.setattr(fsutil.os, "fstat", lambda fd: os.stat_result((0,) * 6 + (10,) + (0,) * 3))
    assert fsutil.file_bytes(tmp_path / "gross.po") == files["gross.po"]


def test_template_tag_warnings_are_said_on_every_run_and_kept_by_the_articles_text_and_verlags_code(project):
    """An article where a tag may start is parsed once for its warnings; the next runs say them from
    ``.verlag/template-tags.json`` without loading segmentation, until its text or verlag's code changes or the
    file is damaged."""
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n\n{{< figure src=\"tee.jpg\" >}}\n\n"
                                                     "[audio src=\"tee.mp3\"]\n"))
    project.write("source_de/leber.md", article("Leber", "Die [Leber](https://example.org) arbeitet.\n"))
    said = [line for line in project.run("extract").stderr.splitlines() if "is not Markdown" in line]
    assert len(said) == 2 and all(line.startswith("warning: source_de/tee.md:") for line in said)
    state = project.root / ".verlag/template-tags.json"
    kept = state.read_bytes()
    assert [line for line in project.run("extract").stderr.splitlines() if "is not Markdown" in line] == said
    assert _loaded_by_extract(project.root) == [] and state.read_bytes() == kept
    for damage in (b'{"key": "other code", "articles": {}}', b"{", kept.replace(b'"tee": [', b'"tee": [1, ')):
        state.write_bytes(damage)
        assert [line for line in project.run("extract").stderr.splitlines() if "is not Markdown" in line] == said
        assert state.read_bytes() == kept
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht lange.\n\n{{< figure src=\"tee.jpg\" >}}\n"))
    assert "pipeline.segment" in _loaded_by_extract(project.root)
    assert [line for line in project.run("extract").stderr.splitlines() if "is not Markdown" in line] == said[:1]


def _catalogs_read_by_extract(project, monkeypatch) -> list[str]:
    """The templates and catalogs whose bytes ``verlag extract`` reads (``fsutil.file_bytes``), by file name."""
    from pipeline import fsutil

    read, real = [], fsutil.file_bytes
    monkeypatch.setattr(fsutil, "file_bytes", lambda path, *limit: read.append(Path(path).name) or real(path, *limit))
    result = project.run("extract")
    monkeypatch.setattr(fsutil, "file_bytes", real)
    assert "extract: 0 files changed" in result.output
    return sorted(name for name in read if name.endswith((".po", ".pot")) and name != "site.po")


def test_the_first_rerun_after_a_writing_run_reads_no_catalog(project, monkeypatch):
    """The record of the files' stat (``.verlag/stat.json``) stands for their bytes. A catalog the run itself
    wrote changed after it started (racily clean); the run hashes it again once the file system's clock has
    passed its write, so already the next run only stats it (it loads no catalog code either:
    ``test_extract_with_nothing_changed_loads_no_segmentation_catalogs_yaml_or_pool``)."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n"))
    project.run("extract")  # writes leber.pot, en/leber.po, fr/leber.po and tee's
    assert _catalogs_read_by_extract(project, monkeypatch) == []
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht lange.\n"))
    assert "extract: 3 files changed (3 updated), 1 article unchanged" in project.run("extract").output
    assert _catalogs_read_by_extract(project, monkeypatch) == []


def _saved_again(path: Path, old: bytes, new: bytes, keep_times: bool) -> None:
    """``path`` with ``old`` replaced by ``new`` of the same length, written in place (the same inode);
    ``keep_times``: its modification time put back, as an editor or ``cp -p`` may."""
    before = os.stat(path)
    data = path.read_bytes()
    assert old in data and len(old) == len(new)
    path.write_bytes(data.replace(old, new))
    if keep_times:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_ino) == (before.st_size, before.st_ino)


@pytest.mark.parametrize("keep_times", [False, True])
def test_a_catalog_saved_again_with_its_size_and_inode_is_merged_again(project, keep_times):
    """A reviewer's save that keeps the catalog's size and inode, right after a run or with its modification
    time put back, is no no-op: extract merges the template into it again (the msgid edited by mistake
    comes back)."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    project.run("extract")
    project.run("extract")  # every file recorded by now
    po = project.root / "translations/en/leber.po"
    _saved_again(po, b'msgid "Die Leber arbeitet nachts."', b'msgid "Die Lebex arbeitet nachts."', keep_times)
    assert "updated translations/en/leber.po" in project.run("extract").output
    assert 'msgid "Die Leber arbeitet nachts."' in po.read_text(encoding="utf-8")


@pytest.mark.parametrize("blocker", ["folder", "symlink loop"])
def test_a_catalog_that_cannot_be_read_stops_only_its_article(project, blocker):
    """A folder or a symlink to itself in the place of one catalog: its article is reported with the file
    (exit 2) and left as it was, while another article's changed German still reaches its catalogs."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n"))
    project.run("extract")
    po = project.root / "translations/en/leber.po"
    po.unlink()
    if blocker == "folder":
        po.mkdir()
    else:
        po.symlink_to(po.name)
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht lange.\n"))
    result = project.run("extract", code=2)
    assert ("error: translations/en/leber.po: a folder, not a file: verlag needs a file here; move the folder away (or rename it) and put the file in its place\n" if blocker == "folder"
            else f"error: source_de/leber.md: {po}: ") in result.output, result.output
    assert "updated translations/en/tee.po" in result.output
    assert 'msgid "Der Tee zieht lange."' in project.read("translations/en/tee.po")
    assert 'msgid "Die Leber arbeitet nachts."' in project.read("translations/fr/leber.po")


def _with_times(st: os.stat_result, ns: int) -> os.stat_result:
    """``st`` with its access, modification and change times all ``ns``."""
    seconds = ns // 10**9
    return os.stat_result((*st[:7], seconds, seconds, seconds),
                          {"st_atime": ns / 1e9, "st_mtime": ns / 1e9, "st_ctime": ns / 1e9, "st_atime_ns": ns,
                           "st_mtime_ns": ns, "st_ctime_ns": ns, "st_blksize": st.st_blksize,
                           "st_blocks": st.st_blocks, "st_rdev": st.st_rdev})


def _save_in_the_tick_of_the_write(monkeypatch, writer, name: str, clocked, path: Path, old: bytes, new: bytes):
    """The clock of the same-tick tests: each change time the file system gives reads as the tick in which it was
    first seen, and the tick moves on only when the run reads the clock (``clocked.clock``) after its writes. And a
    save of ``path`` (``old`` -> ``new``, same size and inode) right after ``writer.<name>`` wrote it, in the tick
    of that write. Returns the real ``writer.<name>``, for the test to put back."""
    tick, seen = [1_767_225_600_123_456_789], {}
    real_write, real_clock = getattr(writer, name), clocked.clock

    def ticking(real):
        def stat(*args, **kwargs):
            st = real(*args, **kwargs)
            return _with_times(st, seen.setdefault((st.st_ino, st.st_ctime_ns), tick[0]))
        return stat

    def written_then_saved(written, *args, **kwargs):
        result = real_write(written, *args, **kwargs)
        if written == path:
            _saved_again(path, old, new, False)
        return result

    def clock(config):
        tick[0] += 10**6
        return real_clock(config)

    monkeypatch.setattr(os, "stat", ticking(os.stat))
    monkeypatch.setattr(os, "fstat", ticking(os.fstat))
    monkeypatch.setattr(writer, name, written_then_saved)
    monkeypatch.setattr(clocked, "clock", clock)
    return real_write


def test_a_catalog_on_a_file_system_with_coarse_times_is_recorded_only_two_seconds_after_its_change(
        tmp_path, monkeypatch):
    """The moment a run starts is taken in ``.verlag/``; a catalog whose change time is in whole hundredths of a
    second lies on a file system with coarse times (FAT: two seconds), where a save later in the same tick keeps
    that time, so it is recorded only once it changed two seconds before the moment. Fine times: at once."""
    from pipeline.statrecord import StatRecord

    folder = tmp_path / "translations"
    (folder / "en").mkdir(parents=True)
    po = folder / "en/leber.po"
    po.write_bytes(b'msgid "Leber"\nmsgstr "Liver"\n')
    digest = hashlib.sha256(po.read_bytes()).digest()
    real = os.stat
    fine = real(po).st_ctime_ns
    tick = fine - fine % (2 * 10**9)
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: _with_times(real(*args, **kwargs), tick))
    for moment, recorded in ((tick + 10**9, False), (tick + 2 * 10**9 + 1, True)):
        record = StatRecord(tmp_path, folder, moment)
        assert record.digest("en/leber.po") == digest
        assert bool(record.fresh) == recorded, moment - tick
    monkeypatch.setattr(os, "stat", real)
    record = StatRecord(tmp_path, folder, fine + 1)
    assert record.digest("en/leber.po") == digest
    assert bool(record.fresh) == (fine % 10**7 != 0)  # a fine time that is a multiple of 10 ms is taken as coarse


def test_a_catalog_saved_twice_within_one_tick_of_the_clock_is_merged_again(project, monkeypatch):
    """Racily clean (git's racy-git.txt): on a file system whose clock does not move between two saves (whole
    seconds on some; here frozen for the whole test, os.stat and os.fstat reporting one time), a save with
    the same size and inode after a run leaves the same stat. A file changed at or after the moment the run
    took the lock is never trusted by its stat, so the save is seen."""
    frozen = 1_767_225_600 * 10**9

    def coarse(real):
        return lambda *args, **kwargs: _with_times(real(*args, **kwargs), frozen)

    monkeypatch.setattr(os, "stat", coarse(os.stat))
    monkeypatch.setattr(os, "fstat", coarse(os.fstat))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    for _ in range(3):
        project.run("extract")
    po = project.root / "translations/en/leber.po"
    _saved_again(po, b'msgid "Die Leber arbeitet nachts."', b'msgid "Die Lebex arbeitet nachts."', False)
    assert "updated translations/en/leber.po" in project.run("extract").output
    assert 'msgid "Die Leber arbeitet nachts."' in po.read_text(encoding="utf-8")


def _drafted(project) -> Path:
    """``project`` publishing machine drafts, one article extracted, drafted by ``copy`` and built; its en catalog."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n'
                                 '[publish]\nunreviewed = "machine"\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    project.run("build", "-q")
    return project.root / "translations/en/leber.po"


def made_one(output: str) -> bool:
    """Whether ``build`` made one edition again: written, or checked and found unchanged (its summary)."""
    return "1 edition made" in output or "1 edition checked, unchanged" in output


def test_a_rerun_of_build_reads_no_catalog_it_read_before(project, monkeypatch):
    """The editions stage takes a catalog's digest from the record of the files' stat and what the QA gate's
    page key reads in it from ``.verlag/catalog-links.json`` by that digest, so a no-op build reads no
    catalog; one saved since is read."""
    from pipeline import fsutil

    po = _drafted(project)
    read, real = [], fsutil.file_bytes
    monkeypatch.setattr(fsutil, "file_bytes", lambda path, *limit: read.append(Path(path).name) or real(path, *limit))
    assert "0 editions made" in project.run("build").output
    assert [name for name in read if name.endswith(".po") and name != "site.po"] == []
    po.write_bytes(po.read_bytes() + b"\n")
    assert made_one(project.run("build").output)
    assert "leber.po" in read


@pytest.mark.parametrize("frozen", [False, True])
def test_a_catalog_saved_again_with_its_size_inode_and_time_after_a_build_is_built_again(project, monkeypatch,
                                                                                           frozen):
    """A reviewer's save that keeps the catalog's size, inode and modification time, after a build (its change
    time moves, or on a frozen clock stays, as within one tick), reaches the edition at the next build."""
    if frozen:
        def coarse(real):
            return lambda *args, **kwargs: _with_times(real(*args, **kwargs), 1_767_225_600 * 10**9)

        monkeypatch.setattr(os, "stat", coarse(os.stat))
        monkeypatch.setattr(os, "fstat", coarse(os.fstat))
    po = _drafted(project)
    project.run("build", "-q")  # the catalog recorded by now, where the clock moves
    edition = project.root / "editions/en/leber.md"
    assert "Die Leber arbeitet nachts." in edition.read_text(encoding="utf-8")
    _saved_again(po, b'msgstr "Die Leber arbeitet nachts."', b'msgstr "The liver works at nights."', keep_times=True)
    project.run("build", "-q")
    assert "The liver works at nights." in edition.read_text(encoding="utf-8")


def _editions_read(project, monkeypatch) -> list[str]:
    """The files under editions/ whose bytes ``verlag build`` reads, by their path there ("en/leber.md")."""
    from pipeline import fsutil

    folder, read = project.root / "editions", []
    real_file, real_path = fsutil.file_bytes, Path.read_bytes

    def note(path) -> None:
        if Path(path).is_relative_to(folder):
            read.append(Path(path).relative_to(folder).as_posix())

    monkeypatch.setattr(fsutil, "file_bytes", lambda path, *limit: note(path) or real_file(path, *limit))
    monkeypatch.setattr(Path, "read_bytes", lambda path: note(path) or real_path(path))
    project.run("build", "-q")
    monkeypatch.setattr(fsutil, "file_bytes", real_file)
    monkeypatch.setattr(Path, "read_bytes", real_path)
    return sorted(read)


def _translated(project) -> Path:
    """``_drafted``'s project with its en catalog reviewed in English ("Liver"), built: its page is published."""
    po = _drafted(project)
    text = po.read_text(encoding="utf-8").replace("#, fuzzy, markdown-text", "#, markdown-text")
    po.write_text(text.replace('msgstr "Leber"', 'msgstr "Liver"')
                  .replace('msgstr "Die Leber arbeitet nachts."', 'msgstr "The liver works at night."'),
                  encoding="utf-8")
    project.run("build", "-q")
    assert "<title>Liver" in project.read("site/en/leber/index.html")
    return po


def test_a_rerun_of_build_reads_no_edition(project, monkeypatch):
    """The editions stage takes the digests of the editions from the record of their stat
    (``.verlag/edition-stat.json``; the files it wrote hashed again once the clock passed its writes) and the site
    stage a record's fields but its body by that digest (``.verlag/site-records.json``): already the first build
    after the one that wrote them reads no edition. One whose German changed is read by the site stage again."""
    _translated(project)
    assert _editions_read(project, monkeypatch) == []
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n\nNeu.\n"))
    assert {"de/leber.json", "en/leber.json"} <= set(_editions_read(project, monkeypatch))
    assert _editions_read(project, monkeypatch) == []


@pytest.mark.parametrize("keep_times", [False, True])
@pytest.mark.parametrize("name", ["en/leber.md", "en/leber.json", "de/leber.json"])
def test_an_edition_saved_again_with_its_size_and_inode_is_made_again(project, name, keep_times):
    """An edition's Markdown, its record or the German record changed by hand after a build, to the same size and
    inode (its modification time put back or not), is made again by the next build."""
    _translated(project)
    project.run("build", "-q")  # every file recorded by now
    path = project.root / "editions" / name
    before = path.read_bytes()
    old = b"Die Leber arbeitet nachts." if name.startswith("de/") else b"The liver works at night."
    _saved_again(path, old, old.replace(b"t", b"x"), keep_times)
    assert made_one(project.run("build").output)
    assert path.read_bytes() == before


def test_a_deleted_edition_is_made_again(project):
    _translated(project)
    project.run("build", "-q")
    (project.root / "editions/en/leber.md").unlink()
    assert made_one(project.run("build").output)
    assert "The liver works at night." in project.read("editions/en/leber.md")


def test_an_edition_saved_in_the_tick_of_builds_own_write_is_made_again(project, monkeypatch):
    """A save to an edition right after the build wrote it, within the same tick of the clock, to the same size and
    inode, leaves the stat the build's write left: the build records it only from its bytes read again once the
    clock has passed (never as it wrote them), so the next build makes it again (the clock as in
    ``test_a_save_in_the_tick_of_verlags_own_write_is_merged_again``)."""
    from pipeline import editions

    po = _translated(project)
    out = project.root / "editions/en/leber.md"
    real_write = _save_in_the_tick_of_the_write(monkeypatch, editions, "write_if_changed", editions, out,
                                                b"The liver works by night.", b"The liver works bx night.")
    po.write_text(po.read_text(encoding="utf-8").replace("at night", "by night"), encoding="utf-8")
    project.run("build", "-q")
    assert "The liver works bx night." in out.read_text(encoding="utf-8")
    monkeypatch.setattr(editions, "write_if_changed", real_write)
    assert made_one(project.run("build").output)
    assert "The liver works by night." in out.read_text(encoding="utf-8")


def test_verlags_code_is_hashed_from_its_files_listed_by_name_and_read_with_file_bytes(monkeypatch):
    """``code_digest`` keys every cache: the bytes of ``pipeline/*.py`` in name order. Every run takes it; listed with
    ``Path.glob`` and read with ``Path.read_bytes`` the 96 files cost 0.8 ms more than by name and ``file_bytes``."""
    from pipeline import fsutil

    read, real = [], fsutil.file_bytes
    monkeypatch.setattr(fsutil, "file_bytes", lambda path, *rest: read.append(Path(path).name) or real(path, *rest))
    code = sorted(Path(fsutil.__file__).parent.glob("*.py"))
    assert fsutil.code_digest.__wrapped__() == hashlib.sha256(b"".join(map(Path.read_bytes, code))).hexdigest()[:16]
    assert read == [path.name for path in code]


def test_names_ending_lists_what_path_glob_finds(tmp_path):
    """``fsutil.names_ending`` (a no-op extract lists 1,500 templates and catalogs with it) finds the names
    ``Path.glob("*.po")`` finds, hidden ones and folders included, in order; nothing for a missing folder or a
    file in its place."""
    from pipeline.fsutil import names_ending

    folder = tmp_path / "en"
    folder.mkdir()
    for name in ("b.po", "a.po", ".a.po", "site.po", "c.pot", "d.po.1a2b3c4d.tmp", "e.PO", "f.po~"):
        (folder / name).write_bytes(b"")
    (folder / "g.po").mkdir()
    assert [folder / name for name in names_ending(folder, ".po")] == sorted(folder.glob("*.po"))
    assert names_ending(folder, ".po") == [".a.po", "a.po", "b.po", "g.po", "site.po"]
    assert names_ending(tmp_path / "missing", ".po") == names_ending(folder / "a.po", ".po") == []


def test_status_and_check_read_no_template_whose_stat_extract_recorded(project, monkeypatch):
    """status and check compare each catalog with its template's German (``drift``) by the template's digest,
    taken from extract's record of the files' stat: once they know its German (the keys read once, for both
    languages' catalogs), they read no template. A template changed since (the same size, its modification time
    put back) is read, and its German compared."""
    from pipeline import fsutil

    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    read, real = [], fsutil.file_bytes
    monkeypatch.setattr(fsutil, "file_bytes", lambda path, *limit: read.append(Path(path).name) or real(path, *limit))
    project.run("status")
    assert read.count("leber.pot") == 1
    read.clear()
    for command in ("status", "check"):
        assert "does not match the German" not in project.run(command).output
    assert [name for name in read if name.endswith(".pot")] == []
    _saved_again(project.root / "translations/templates/leber.pot", b'msgid "Die Leber arbeitet nachts."',
                 b'msgid "Die Lebex arbeitet nachts."', keep_times=True)
    for command in ("status", "check"):
        assert "the catalog does not match the German of source_de/leber.md" in project.run(command).output
    assert "leber.pot" in read


def test_a_page_edited_by_hand_within_the_clock_tick_of_the_builds_write_is_rewritten(project, monkeypatch):
    """Racily clean in site/: on a file system whose clock does not move between the build's write and a hand
    edit (frozen here, os.stat and os.fstat reporting one time), an edit to the same size in place, its
    modification time put back to the recorded one, leaves the stat the build recorded. The next build still
    finds it (a file changed at or after the moment a build started is never vouched for by its stat), says so
    and writes the page again."""
    def coarse(real):
        return lambda *args, **kwargs: _with_times(real(*args, **kwargs), 1_767_225_600 * 10**9)

    monkeypatch.setattr(os, "stat", coarse(os.stat))
    monkeypatch.setattr(os, "fstat", coarse(os.fstat))
    _translated(project)
    project.run("build", "-q")
    page = project.root / "site/en/leber/index.html"
    made = page.read_bytes()
    _saved_again(page, b"The liver works at night.", b"The liver works at nixht.", keep_times=True)
    result = project.run("build")
    assert "warning: site/en/leber/index.html was changed by hand; rewritten" in result.stderr
    assert page.read_bytes() == made


def test_a_page_saved_in_the_tick_of_the_builds_own_write_is_rewritten(project, monkeypatch):
    """A hand edit to a page right after the build wrote it, within the same tick of the clock, to the same size
    and inode, leaves the stat the build's write left: the build records the page's bytes only as read again once
    the clock has passed (never as it wrote them), so the next build finds the edit and writes the page again
    (the clock as in ``test_a_save_in_the_tick_of_verlags_own_write_is_merged_again``)."""
    from pipeline import lock, site

    po = _translated(project)
    page = project.root / "site/en/leber/index.html"
    real_write = _save_in_the_tick_of_the_write(monkeypatch, site, "write_if_changed", lock, page,
                                                b"The liver works by night.", b"The liver works bx night.")
    po.write_text(po.read_text(encoding="utf-8").replace("at night", "by night"), encoding="utf-8")
    project.run("build", "-q")
    assert "The liver works bx night." in page.read_text(encoding="utf-8")
    monkeypatch.setattr(site, "write_if_changed", real_write)
    result = project.run("build")
    assert "warning: site/en/leber/index.html was changed by hand; rewritten" in result.stderr
    assert "The liver works by night." in page.read_text(encoding="utf-8")


def test_a_page_shows_its_changed_record_though_records_are_kept_by_digest(project):
    """The site stage keeps a record's fields by the record's digest: a changed record (a new title) is a page and
    an index entry made again with it."""
    po = _translated(project)
    project.run("build", "-q")
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Liver"', 'msgstr "Livers"'), encoding="utf-8")
    project.run("build", "-q")
    assert "<title>Livers" in project.read("site/en/leber/index.html")
    assert "Livers" in project.read("site/en/index.html")


@pytest.mark.parametrize("damage", [
    "not json", "[]", '{"records": []}', '{"records": {"DIGEST": 7}}', '{"records": {"DIGEST": {"lang": "en"}}}',
    '{"records": {"DIGEST": {"lang": "en", "slug": "leber", "title": 7}}}',
    '{"records": {"DIGEST": {"lang": "en", "slug": "leber", "title": "Liver", "date": "gestern"}}}',
])
def test_a_damaged_record_of_the_records_fields_is_read_past(project, damage):
    """A damaged ``.verlag/site-records.json`` or entry only means reading the edition record: the build stays a
    no-op and stores the entry as it was."""
    _translated(project)
    state = project.root / ".verlag/site-records.json"
    kept = state.read_bytes()
    digest = hashlib.sha256((project.root / "editions/en/leber.json").read_bytes()).hexdigest()
    assert digest in json.loads(kept)["records"]
    state.write_text(damage.replace("DIGEST", digest), encoding="utf-8")
    assert "site: 0 files written, 0 removed" in project.run("build").output
    assert state.read_bytes() == kept


def test_a_record_changed_while_the_build_ran_gives_no_body(project):
    """A page loaded with its fields kept by the record's digest reads its body from the record when it is first
    needed; a record changed since is refused, naming it, instead of rendering a body its page's key does not
    name."""
    from pipeline.editions import edition_files
    from pipeline.errors import VerlagError
    from pipeline.site import load_pages

    _translated(project)
    config = load_config(project.root)
    known: dict = {}
    load_pages(config, [], edition_files(config), {}, known)
    pages = load_pages(config, [], edition_files(config), known, {})
    assert pages[("en", "leber")].markdown is None
    assert pages[("en", "leber")].body == "The liver works at night.\n"
    record = project.root / "editions/de/leber.json"
    record.write_bytes(record.read_bytes().replace(b"nachts", b"tags  "))
    with pytest.raises(VerlagError, match="changed while verlag build ran") as raised:
        pages[("de", "leber")].body
    assert raised.value.path == record


def test_a_save_in_the_tick_of_verlags_own_write_is_merged_again(project, monkeypatch):
    """A reviewer's save right after extract wrote the catalog, within the same tick of the clock, to the same
    size and inode, leaves the stat extract's write left. The run records the catalog only from its bytes read
    again once the clock has passed (never as it wrote them), so the next run sees the save and merges the
    template into the catalog again. The clock here: each change time the file system gives reads as the tick
    in which it was first seen, and the tick moves on only when the run reads the clock after its writes."""
    from pipeline import extract, extract_article

    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    po = project.root / "translations/en/leber.po"
    real_rewrite = _save_in_the_tick_of_the_write(monkeypatch, extract_article, "rewrite", extract, po,
                                                  b'msgid "Die Leber arbeitet nachts."',
                                                  b'msgid "Die Lebex arbeitet nachts."')
    project.run("extract")
    assert 'msgid "Die Lebex arbeitet nachts."' in po.read_text(encoding="utf-8")
    monkeypatch.setattr(extract_article, "rewrite", real_rewrite)
    assert "updated translations/en/leber.po" in project.run("extract").output
    assert 'msgid "Die Leber arbeitet nachts."' in po.read_text(encoding="utf-8")


def test_a_rerun_searches_no_text_for_template_tags_it_searched_before(project, monkeypatch):
    """Whether a template tag may start in an article (``sources.TEMPLATE_TAG_HINT``, 25 ms over the texts
    of 500 articles) is kept with its digest for every article, also the ones without: a rerun searches none, nor
    does a build, which says the same warnings."""
    from pipeline import tagwarnings

    project.write("source_de/leber.md", article("Leber", "Die [Leber](https://example.org) arbeitet.\n"))
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n\n{{< figure src=\"tee.jpg\" >}}\n"))
    searched, real = [], tagwarnings.TEMPLATE_TAG_HINT

    class Counted:
        def search(self, text, *args):
            searched.append(text)
            return real.search(text, *args)

    monkeypatch.setattr(tagwarnings, "TEMPLATE_TAG_HINT", Counted())
    said = [line for line in project.run("extract").stderr.splitlines() if "is not Markdown" in line]
    assert len(searched) == 2 and len(said) == 1
    searched.clear()
    assert [line for line in project.run("extract").stderr.splitlines() if "is not Markdown" in line] == said
    assert [line for line in project.run("build").stderr.splitlines() if "is not Markdown" in line] == said
    assert searched == []
    project.write("source_de/leber.md", article("Leber", "Die [Leber](https://example.org) ruht.\n"))
    project.run("extract")
    assert len(searched) == 1


def _hashed_by_the_stat_record(project, monkeypatch, command: str) -> list[str]:
    """The catalogs whose bytes ``statrecord`` reads to hash them while ``verlag <command>`` runs, by file name."""
    from pipeline import statrecord

    read, real = [], statrecord.read_bytes
    monkeypatch.setattr(statrecord, "read_bytes",
                        lambda path, *limit: read.append(Path(path).name) or real(path, *limit))
    project.run(command)
    monkeypatch.setattr(statrecord, "read_bytes", real)
    return sorted(name for name in read if name.endswith(".po") and name != "site.po")


def test_the_catalogs_pretranslate_wrote_are_not_hashed_again_by_the_next_run(project, monkeypatch):
    """pretranslate records the catalogs it wrote in ``.verlag/stat.json`` as extract records its own (hashed
    again from their bytes once the clock has passed the write), so the next extract or build only stats
    them; the catalogs it did not write keep their records."""
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    assert _hashed_by_the_stat_record(project, monkeypatch, "extract") == []
    assert _hashed_by_the_stat_record(project, monkeypatch, "build") == []


def test_a_save_in_the_tick_of_pretranslates_own_write_is_merged_again(project, monkeypatch):
    """A reviewer's save right after pretranslate wrote the catalog, within the same tick of the clock, to the
    same size and inode, leaves the stat pretranslate's write left. The catalog is recorded only from its bytes
    read again once the clock has passed (never as written): the record never vouches for bytes the file does not
    hold, and the next extract sees the save and merges the template into it again (the clock as in ``test_a_save_in_the_tick_of_verlags_own_write_is_merged_again``)."""
    from pipeline import lock, pretranslate

    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    po = project.root / "translations/en/leber.po"
    real_rewrite = _save_in_the_tick_of_the_write(monkeypatch, pretranslate, "rewrite", lock, po,
                                                  b'msgid "Die Leber arbeitet nachts."',
                                                  b'msgid "Die Lebex arbeitet nachts."')
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    assert 'msgid "Die Lebex arbeitet nachts."' in po.read_text(encoding="utf-8")
    entry = json.loads((project.root / ".verlag/stat.json").read_text())["files"].get("en/leber.po")
    st = os.stat(po)
    if entry and entry[:4] == [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]:  # the record vouches for it
        assert entry[4] == hashlib.sha256(po.read_bytes()).hexdigest()
    monkeypatch.setattr(pretranslate, "rewrite", real_rewrite)
    assert "updated translations/en/leber.po" in project.run("extract").output
    assert 'msgid "Die Leber arbeitet nachts."' in po.read_text(encoding="utf-8")


def test_a_build_resolves_no_untranslated_articles_catalog_path_and_still_names_one_it_could_not_read(project,
                                                                                                      monkeypatch):
    """Listing the pages not published for want of a translation, build resolved each one's catalog path
    (``fsutil.relpath``: two ``realpath`` walks) to ask whether this run could not read it: 1,000 of a no-op
    build's 1,141 ``Path.resolve`` at N = 500, 7 % of its instructions. It asks only when a catalog could not be
    read, and names that one as the reason still."""
    from pipeline import fsutil

    for n in range(4):
        project.write(f"source_de/a{n}.md", article(f"A{n}", "Der Garten ist grün.\n"))
    project.run("extract")
    project.run("build")
    resolved, real = [], fsutil.relpath
    monkeypatch.setattr(fsutil, "relpath", lambda path, root: resolved.append(path.name) or real(path, root))
    built = project.run("build").output
    assert "en: not published (nothing translated yet): a0, a1, a2, a3" in built
    assert [name for name in resolved if name.endswith(".po")] == []
    po = project.root / "translations/en/a1.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "kaputt\n')
    built = project.run("build", code=2).output
    assert ("en: not published (translations/en/a1.po could not be read, see the error below: its translations "
            "count once it can be): a1") in built
    assert "en: not published (nothing translated yet): a0, a2, a3" in built


def test_a_build_judges_no_web_address_and_still_warns_of_every_local_link_on_every_run(project, monkeypatch):
    """The media scan asked ``file_path`` and ``article_link_problem`` of every reference, 13,000 at N = 500,
    nearly all web addresses (``http://``, ``https://``), which name no file, no article and no site path. They
    are passed over; a link to a missing file, to no article and to no page of the site is warned of on every
    build, as before."""
    from pipeline import media

    project.write("source_de/tee.md", article("Tee", "Siehe [Quelle](https://example.org/tee) und [Bild](fehlt.png), "
                                                     "[Kaffee](kaffee.md), [alt](/de/gibt-es-nicht/) und "
                                                     "[Web](http://example.org/x.md).\n"))
    project.run("extract")
    project.run("build")
    first = project.run("build").output
    expected = ["source_de/tee.md:5: 'fehlt.png': no such file in source_de/",
                "source_de/tee.md:5: 'kaffee.md': no published article 'kaffee'",
                "source_de/tee.md:5: '/de/gibt-es-nicht/': the site has no page at this address"]
    asked, real = [], media.file_path
    monkeypatch.setattr(media, "file_path", lambda url: asked.append(url) or real(url))
    again = project.run("build").output
    assert again == first
    for warning in expected:
        assert warning in again, again
    assert sorted(asked) == ["/de/gibt-es-nicht/", "fehlt.png", "kaffee.md"]


def test_a_source_with_a_plain_name_is_not_looked_at_character_by_character(project, monkeypatch):
    """Each source's name was checked character by character for a control character or line separator
    (``unicodedata.category`` of 25,000 characters at N = 500, on every run): a name of printable ASCII holds
    neither. One that does is still refused (``test_hostile``)."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/tee\u2028abend.md", article("Abend", "Tee wärmt am Abend.\n", slug="tee-abend"))
    looked = []

    class Counted:
        """``unicodedata`` as ``sources`` uses it, counting the characters whose category is asked."""

        def __getattr__(self, name: str):
            return getattr(unicodedata, name)

        @staticmethod
        def category(char: str) -> str:
            looked.append(char)
            return unicodedata.category(char)

    monkeypatch.setattr(sources, "unicodedata", Counted())
    result = project.run("extract", code=2)
    assert "file name 'source_de/tee\\u2028abend.md' holds U+2028: " in result.output, result.output
    assert "tee.md" not in "".join(looked) and "".join(looked).startswith("source_de/tee")
    assert len(looked) == len("source_de/tee")  # up to the separator, of the other name only


def test_the_editions_stage_still_removes_the_editions_of_a_deleted_article_and_a_stray_record(project):
    """The editions stage lists editions/ by name (``names_ending``), not a path object per file (1,500 at
    N = 500, as the site stage its German records): the editions of a deleted article are still removed, and a
    file named ".json" (its stem ".json", as ``Path.stem`` has it: no article's) too."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    project.run("build")
    (project.root / "editions/de/.json").write_bytes((project.root / "editions/de/tee.json").read_bytes())
    (project.root / "source_de/kaffee.md").unlink()
    built = project.run("build").output
    for gone in ("editions/en/kaffee.md", "editions/en/kaffee.json", "editions/de/kaffee.json",
                 "editions/fr/kaffee.md"):
        assert f"removed {gone}" in built, built
        assert not (project.root / gone).exists()
    assert "removed editions/de/.json" in built


def test_a_rerun_still_warns_of_a_reference_in_a_title_and_searches_no_value_without_an_ampersand(project,
                                                                                                   monkeypatch):
    """Every run searched each plain front-matter value of every source (title, summary, tags) for an HTML
    character reference; a value without "&" holds none and is not searched. One with is warned of on every
    extract, the no-op's too."""
    project.write("source_de/tee.md", article("Tee&nbsp;Zeit", "Tee wärmt.\n", summary="Kräuter & Gewürze"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n", tags="[Bohnen, Röstung]"))
    warning = "warning: source_de/tee.md:2: title: '&nbsp;' shown as typed"
    assert warning in project.run("extract").output
    searched, real = [], sources.ENTITY_RE

    class Counted:
        @staticmethod
        def finditer(text: str):
            searched.append(text)
            return real.finditer(text)

    monkeypatch.setattr(sources, "ENTITY_RE", Counted)
    assert warning in project.run("extract").output
    assert sorted(searched) == ["Kräuter & Gewürze", "Tee&nbsp;Zeit"]


def test_a_build_after_a_verlag_upgrade_keeps_the_template_tag_warnings_it_worked_out(project, monkeypatch):
    """The template-tag warnings are kept by verlag's code, and only extract stored them: after an upgrade every
    build until the next extract searched every source's text again (a no-op build at N = 500: 2,265 M
    instructions, not 1,330 M). The build stores them when the stored ones are another code's; the next build and
    extract say the same warnings without searching, and neither rewrites the file after the other."""
    from pipeline import segment

    project.write("source_de/tee.md", article("Tee", "Der Tee zieht.\n\n{{< figure src=\"tee.jpg\" >}}\n"))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet.\n"))
    project.run("extract")
    project.run("build")

    def said(command: str) -> list[str]:
        return [line for line in project.run(command).stderr.splitlines() if "is not Markdown" in line]

    warned = said("build")
    assert len(warned) == 1 and warned[0].startswith("warning: source_de/tee.md:")
    state = project.root / ".verlag/template-tags.json"
    kept = state.read_bytes()
    state.write_text(json.dumps({"key": "other code", "articles": json.loads(kept)["articles"]}), encoding="utf-8")
    assert said("build") == warned
    assert state.read_bytes() == kept
    searched, real = [], segment.template_tags
    monkeypatch.setattr(segment, "template_tags", lambda article: searched.append(article.slug) or real(article))
    for command in ("build", "extract", "build"):
        assert said(command) == warned
        assert state.read_bytes() == kept
    assert searched == []


def test_reading_the_sources_loads_no_editions_stage(tmp_path):
    """``read_sources`` refuses a source holding one of the marks an edition sets around German passages
    (``sources.RESERVED``) without loading the editions stage and what it imports (15 ms of a cold extract's
    serial start); the editions stage marks its passages with the same characters."""
    (tmp_path / "a.md").write_text(article("A", "Text.\n"), encoding="utf-8")
    code = (f"import sys\nfrom pipeline.sources import read_article\nread_article(__import__('pathlib').Path("
            f"{str(tmp_path / 'a.md')!r}), 'source_de/a.md')\n"
            "print(sorted(m for m in ('pipeline.editions', 'pipeline.published', 'pipeline.practice') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert proc.stdout.split() == ["[]"]
    from pipeline import editions, sources

    assert (editions.FALLBACK_OPEN, editions.FALLBACK_CLOSE, editions.STALE_MARK, editions.HELD_MARK,
            editions.UNCHECKED_MARK) == tuple(sources.RESERVED) == tuple("\ue000\ue001\ue002\ue003\ue004")

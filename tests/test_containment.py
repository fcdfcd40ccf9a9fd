"""One article's problem stays that article's: a failure injected into each stage in turn, for the middle of
three articles, is reported as one line naming its file (and block line), exit 2; the other two articles are
fully extracted, translated, checked, built and published."""

from __future__ import annotations

import re

import pytest

import pipeline.catalog
import pipeline.check
import pipeline.editions
import pipeline.extract
import pipeline.segment
import pipeline.render
import pipeline.site
import pipeline.sources
from conftest import Project, article, give_base_url, msgfmt_check, review
from mtserver import FakeService
from pipeline.check import ERROR, Check

TRIGGER = "Störfall"
GOOD = ("anfang", "schluss")
MIDDLE_LINE = 9  # the paragraph with the trigger word in source_de/mitte.md


class Injected(RuntimeError):
    pass


def _raise_on(text: str) -> None:
    if TRIGGER in text:
        raise Injected(f"injected fault at {TRIGGER!r}")


def inject_reading(monkeypatch):
    real = pipeline.sources.read_article
    monkeypatch.setattr(pipeline.sources, "read_article",
                        lambda path, ref, *page: _raise_on(path.read_text(encoding="utf-8")) or real(path, ref, *page))


def inject_segmenting(monkeypatch):
    real = pipeline.segment.sentence_spans
    monkeypatch.setattr(pipeline.segment, "sentence_spans",
                        lambda text, lang, memo=None: _raise_on(text) or real(text, lang, memo))


def inject_merging(monkeypatch):
    real, real_fresh = pipeline.catalog.merge, pipeline.catalog.fresh_text  # extract imports them where it merges

    def merge(old, pot, lang, **kwargs):
        for entry in pot:
            _raise_on(entry.msgid)
        return real(old, pot, lang, **kwargs)

    def fresh_text(pot, pot_text, lang):  # a first catalog is the template's text with a header, no merge
        for entry in pot:
            _raise_on(entry.msgid)
        return real_fresh(pot, pot_text, lang)

    monkeypatch.setattr(pipeline.catalog, "merge", merge)
    monkeypatch.setattr(pipeline.catalog, "fresh_text", fresh_text)


def inject_checking(monkeypatch):
    def explode(entry, ctx):
        _raise_on(entry.msgid)
        return []

    monkeypatch.setattr(pipeline.check, "CHECKS", [*pipeline.check.CHECKS, Check("explode", ERROR, "test", explode)])


def inject_building(monkeypatch):
    real = pipeline.editions.make_edition

    def make_edition(doc, *args, **kwargs):
        _raise_on(doc.article.text)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline.editions, "make_edition", make_edition)


def inject_rendering(monkeypatch):
    real = pipeline.render.render
    monkeypatch.setattr(pipeline.render, "render", lambda body, *args: _raise_on(body) or real(body, *args))


# stage -> (injector, the commands that meet it, the words and line of the report)
STAGES = {
    "reading": (inject_reading, ("extract", "pretranslate", "check", "status", "build", "review"), "reading", None),
    "segmenting": (inject_segmenting, ("extract", "build"), "segmenting", MIDDLE_LINE),
    "merging": (inject_merging, ("extract",), "merging into translations/en/mitte.po", None),
    "checking": (inject_checking, ("check", "status", "build", "review"), "checking translations/en/mitte.po", None),
    "building": (inject_building, ("build",), "building the editions", None),
    "rendering": (inject_rendering, ("build",), "rendering site/de/mitte/index.html", None),
}


@pytest.fixture(scope="module")
def service():
    with FakeService() as svc:
        yield svc


@pytest.fixture
def three(project: Project, service, monkeypatch) -> Project:
    """Three articles whose drafts (a translation service on 127.0.0.1; ``--engine pseudo`` where a test asks)
    are published: ``publish`` refuses pseudo drafts readers would get, a service's it publishes."""
    service.reset()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    project.write("verlag.toml", 'name = "Garten"\nsource_language = "de"\nlanguages = ["en", "fr"]\n'
                                 '[publish]\nunreviewed = "machine"\n[pretranslate]\nengines = ["libre"]\n'
                                 f'[engines.libre]\nurl = "{service.url}/"\nbackoff = 0.02\ntimeout = 5\n')
    project.write("source_de/anfang.md", article("Der Anfang", "Im Frühjahr keimen die Bohnen. Dann gießen wir.\n"))
    project.write("source_de/mitte.md", article("Die Mitte", """\
        ## Sommer

        Im Juli reifen die Beeren.

        Ein {trigger} im Beet: Der Zaun fiel um. Wir bauten ihn neu.
        """.format(trigger=TRIGGER)))
    project.write("source_de/schluss.md", article("Der Schluss", "Im Herbst ernten wir Kürbisse.\n"))
    assert project.read("source_de/mitte.md").split("\n")[MIDDLE_LINE - 1].startswith("Ein " + TRIGGER)
    return project


def assert_good_articles_complete(project: Project) -> None:
    for slug in GOOD:
        for lang in ("en", "fr"):
            po = project.root / f"translations/{lang}/{slug}.po"
            msgfmt_check(po)
            text = po.read_text(encoding="utf-8")
            assert 'msgstr ""\n\n' not in text + "\n", f"{po} still has empty entries"
            assert (project.root / f"editions/{lang}/{slug}.md").is_file()
            assert (project.root / f"site/{lang}/{slug}/index.html").is_file()
        assert (project.root / f"site/de/{slug}/index.html").is_file()
        assert slug in (project.root / "site/de/index.html").read_text(encoding="utf-8")


def error_line(result) -> str:
    """The first error; each problem is reported once."""
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert lines and len(set(lines)) == len(lines), result.stderr
    return lines[0]


@pytest.mark.parametrize("stage", STAGES)
def test_failure_in_one_article_is_reported_and_the_others_are_done(three: Project, monkeypatch, stage: str):
    inject, meeting, doing, line = STAGES[stage]
    inject(monkeypatch)
    where = f"error: source_de/mitte.md:{line}: " if line else "error: source_de/mitte.md: "
    for command, args in (("extract", ()), ("pretranslate", ("--engine", "pseudo")), ("check", ()),
                          ("status", ()), ("build", ()), ("review", ())):
        result = three.runner.invoke(pipeline_main(), ["-C", str(three.root), command, *args])
        assert "Traceback" not in result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        # later commands may meet what the failure left missing (no catalog yet): still only the middle article
        assert all("mitte" in error for error in errors), result.stderr
        if command not in meeting:
            continue
        assert result.exit_code == 2, result.output
        ours = [error for error in errors if error.startswith(where) and error.endswith(f"(while {doing})")]
        assert len(ours) == 1, f"no {where}...(while {doing}) in:\n{result.stderr}"
        assert "Injected: injected fault at 'Störfall'" in ours[0]
        summary = result.stderr.splitlines()[-1]
        what = "left out" if command in ("check", "status") else "left as they were"  # read-only: nothing to leave
        assert summary.startswith(f"{command}: ") and f" with problems {what}, everything else done: " in summary
        assert "source_de/mitte.md" in summary
    assert_good_articles_complete(three)


@pytest.mark.parametrize("stage", STAGES)
def test_publish_goes_all_the_way_for_the_others(three: Project, monkeypatch, stage: str):
    STAGES[stage][0](monkeypatch)
    give_base_url(three.root)
    result = three.run("publish", code=2)
    assert "source_de/mitte.md" in error_line(result)
    assert "Traceback" not in result.output
    assert_good_articles_complete(three)


def test_debug_shows_the_traceback_of_a_contained_failure(three: Project, monkeypatch):
    inject_segmenting(monkeypatch)
    result = three.run("--debug", "extract", code=2)
    assert "Traceback (most recent call last)" in result.stderr
    assert "Injected: injected fault at 'Störfall'" in result.stderr
    assert f"error: source_de/mitte.md:{MIDDLE_LINE}: " in result.stderr


def test_a_bug_outside_any_article_is_one_line_not_a_traceback(three: Project, monkeypatch):
    monkeypatch.setattr(pipeline.site, "load_settings", lambda config: 1 / 0)
    three.run("extract")
    result = three.run("build", code=2)
    assert result.stderr.splitlines()[-1] == ("error: internal error: ZeroDivisionError: division by zero "
                                              "(run with --debug for the traceback)")
    assert "Traceback" not in result.output
    with pytest.raises(ZeroDivisionError):
        three.runner.invoke(pipeline_main(), ["-C", str(three.root), "--debug", "build"], catch_exceptions=False)


def test_segmenter_failure_is_contained_for_every_command(three: Project, monkeypatch):
    """The segmenter itself raising (pySBD's own errors are caught inside it), whichever command meets it."""
    import pipeline.sentences

    real = pipeline.sentences._pysbd_window

    def broken(masked, start, end, *args):
        if TRIGGER in masked[start:end]:
            raise Injected("segmenter exploded")
        return real(masked, start, end, *args)

    three.run("extract")
    three.run("pretranslate")
    monkeypatch.setattr(pipeline.sentences, "_pysbd_window", broken)
    three.write("source_de/mitte.md", three.read("source_de/mitte.md").replace("Zaun", "Gartenzaun"))
    give_base_url(three.root)
    for command in ("extract", "build", "publish"):
        result = three.run(command, code=2)
        assert "error: source_de/mitte.md:" in error_line(result) and "(while segmenting)" in error_line(result)
    assert_good_articles_complete(three)


def pipeline_main():
    from cli import main

    return main


def test_a_local_engine_failing_on_one_article_leaves_only_its_entries_empty(three: Project, monkeypatch):
    import pipeline.engines

    real = pipeline.engines.PseudoEngine.translate

    def translate(self, requests, source, target):
        for request in requests:
            _raise_on(request.text)
        return real(self, requests, source, target)

    monkeypatch.setattr(pipeline.engines.PseudoEngine, "translate", translate)
    three.run("extract")
    result = three.run("pretranslate", "--engine", "pseudo", code=2)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: translations/{lang}/mitte.po: test_containment.Injected: injected fault at 'Störfall' "
                      "(while drafting with pseudo)" for lang in ("en", "fr")]
    three.run("build")
    assert_good_articles_complete(three)
    assert 'msgid "Im Juli reifen die Beeren."\nmsgstr ""\n' in three.read("translations/en/mitte.po")


@pytest.mark.parametrize("command", ["check", "pretranslate", "review", "status"])
def test_article_option_reports_only_that_articles_problems(project: Project, command: str):
    """``--article gut`` is not failed by another article's broken front matter; ``--article kaputt`` names it."""
    project.write("source_de/gut.md", article("Gut", "Ein Satz.\n"))
    project.write("source_de/kaputt.md", "---\ntitle: [Kaputt\n---\nText.\n")
    project.run("extract", code=2)
    args = [command, "--engine", "pseudo"] if command == "pretranslate" else [command]
    good = project.run(*args, "--article", "gut")
    assert "kaputt" not in good.output
    bad = project.run(*args, "--article", "kaputt", code=2)
    assert re.search(r"error: source_de/kaputt.md:\d+: invalid YAML", bad.output)
    assert "no article with slug" not in bad.output


def test_a_linked_page_whose_edition_fails_is_contained_to_its_article_by_check_status_and_review(project: Project,
                                                                                                  monkeypatch):
    """check, status and review make the editions of the pages a translation links by the site's address
    (``PlannedPages``): one that fails there is reported as the build reports it, naming its article, the page
    counts as its records say (none: not published), and the linking catalog is still checked. It stopped each
    command as an internal error, or (check) was blamed on the linking catalog."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + '[site]\nbase_url = "https://praxis.example/"\n[publish]\nmin_translated = 0\n')
    project.write("source_de/zecken.md", article("Zecken", f"Ein {TRIGGER} im Gras.\n"))
    project.write("source_de/leber.md", article("Leber", "Lesen Sie [dies](zecken.md).\n"))
    project.run("extract")
    msgfmt_check(review(project, "en", "zecken", {("title", "Zecken"): "Ticks", f"Ein {TRIGGER} im Gras.": "Grass."}))
    msgfmt_check(review(project, "en", "leber", {("title", "Leber"): "Liver", "Lesen Sie [dies](zecken.md).":
                                                 "Read [this](https://praxis.example/en/zecken/)."}))
    inject_building(monkeypatch)
    failure = (f"error: source_de/zecken.md: test_containment.Injected: injected fault at '{TRIGGER}' "
               "(while building the editions)")
    built = project.run("build", code=2)
    assert error_line(built) == failure
    checked = project.run("check", code=2)
    assert error_line(checked) == failure and "translations/en/leber.po" not in checked.stderr
    assert "translations/en/leber.po:" in checked.stdout and "[link-target]" in checked.stdout
    for command in ("status", "review"):
        assert error_line(project.run(command, code=2)) == failure

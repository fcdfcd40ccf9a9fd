"""A ``git merge`` left unresolved: git's conflict markers in an article, verlag.toml or the glossary are an error
at the first marker's line naming the merge conflict (exit 2), the file is left as it was and, for an article,
nothing is extracted or published from it while the other articles go on (as for a catalog, test_errors.py)."""

from __future__ import annotations

import pytest

from conftest import Project, article
from pipeline.conflicts import conflict_lines

SCHLAF = article("Schlaf", """\
    Wer gut schläft, lebt gesünder.

    Ein kurzer Mittagsschlaf hilft.
    """)
TEE = article("Tee", "Tee wärmt im Winter.\n")
# what git writes when both clones changed the first sentence
CONFLICTED = SCHLAF.replace("Wer gut schläft, lebt gesünder.\n", """\
<<<<<<< HEAD
Wer gut schläft, lebt länger.
=======
Wer gut schläft, lebt gesünder und froher.
>>>>>>> 7821b32c0ffee0ddba11f00d5e7e4a2c1b3d9e8f
""")
MARKERS = ("<<<<<<<", ">>>>>>>", "7821b32")


@pytest.fixture
def published(project: Project) -> Project:
    project.write("source_de/schlaf.md", SCHLAF)
    project.write("source_de/tee.md", TEE)
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    project.run("build")
    return project


def errors(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error: ")]


def test_conflict_lines_need_gits_three_markers_in_order():
    diff3 = "a\n<<<<<<< HEAD\nb\n||||||| base\nc\n=======\nd\n>>>>>>> theirs\ne\n"
    assert conflict_lines(diff3) == [2, 4, 6, 8]
    assert conflict_lines("<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> x\r\n") == [1, 3, 5]
    # Markdown of its own: a setext heading, a nested block quote, a stray '<<<<<<<' never closed
    assert conflict_lines("Titel\n=======\n\n>>>>>>> Zitat\n") == []
    assert conflict_lines("<<<<<<< allein\nText\n\nTitel\n=======\n") == []
    assert conflict_lines("<<<<<<<< acht\nb\n=======\nc\n>>>>>>> x\n") == []


@pytest.mark.parametrize("command", ["extract", "build", "check", "status"])
def test_conflict_in_an_article_is_an_error_and_the_others_go_on(published: Project, command: str):
    published.write("source_de/tee.md", TEE.replace("im Winter", "im kalten Winter"))
    path = published.write("source_de/schlaf.md", CONFLICTED)
    pot = published.read("translations/templates/schlaf.pot")

    result = published.run(command, code=2)
    assert errors(result) == ["error: source_de/schlaf.md:5: unresolved merge conflict: git's conflict markers "
                              "(<<<<<<<, =======, >>>>>>>) on lines 5, 7, 9; resolve the merge (keep the text you "
                              "want, delete the marker lines), then run verlag again; the file is left as it was"]
    assert path.read_text(encoding="utf-8") == CONFLICTED
    assert published.read("translations/templates/schlaf.pot") == pot
    for name in ("translations/templates/schlaf.pot", "translations/en/schlaf.po", "site/de/schlaf/index.html",
                 "site/de/feed.xml"):
        if (published.root / name).exists():
            assert not any(m in published.read(name) for m in MARKERS), name
    if command == "extract":
        assert "im kalten Winter" in published.read("translations/templates/tee.pot")
    if command == "build":
        assert "im kalten Winter" in published.read("site/de/tee/index.html")


def test_conflict_in_the_front_matter_is_named_a_merge_conflict(published: Project):
    published.write("source_de/schlaf.md", SCHLAF.replace("title: Schlaf\n", "<<<<<<< HEAD\ntitle: Schlaf\n=======\n"
                                                          "title: Guter Schlaf\n>>>>>>> 7821b32\n"))
    result = published.run("extract", code=2)
    assert errors(result)[0].startswith("error: source_de/schlaf.md:2: unresolved merge conflict")
    assert "YAML" not in result.output


def test_setext_heading_and_nested_quote_are_no_conflict(published: Project):
    published.write("source_de/schlaf.md", SCHLAF + "\nAbendruhe\n=======\n\n>>>>>>> Ein Zitat.\n")
    published.run("extract")
    assert 'msgid "Abendruhe"' in published.read("translations/templates/schlaf.pot")


def test_conflict_in_verlag_toml(published: Project):
    published.write("verlag.toml", 'name = "Test"\nsource_language = "de"\n<<<<<<< HEAD\nlanguages = ["en", "fr"]\n'
                                   '=======\nlanguages = ["en", "fr", "it"]\n>>>>>>> 7821b32\n')
    result = published.run("build", code=2)
    assert [e.replace(str(published.root) + "/", "") for e in errors(result)] == [
        "error: verlag.toml:3: unresolved merge conflict: git's conflict markers (<<<<<<<, =======, >>>>>>>) on "
        "lines 3, 5, 7; resolve the merge (keep the setting you want, delete the marker lines), then run verlag "
        "again; the file is left as it was"]


def test_conflict_in_the_glossary_is_one_error(published: Project):
    published.write("translations/glossary.csv", "source,en\n<<<<<<< HEAD\nSchlaf,sleep\n=======\nSchlaf,slumber\n"
                                                 ">>>>>>> 7821b32\n")
    result = published.run("extract", code=2)
    assert errors(result) == ["error: translations/glossary.csv:2: unresolved merge conflict: git's conflict markers "
                              "(<<<<<<<, =======, >>>>>>>) on lines 2, 4, 6; resolve the merge (keep the row you "
                              "want, delete the marker lines), then run verlag again; the file is left as it was"]


@pytest.mark.parametrize("command", [["pretranslate", "--engine", "copy"], ["check"], ["extract"], ["build"],
                                     ["status"]])
def test_conflict_in_the_glossary_stops_every_command_that_reads_it_before_any_catalog_is_written(
        published: Project, command: list[str]):
    """A glossary git left conflicted stopped ``build`` at its first marker, yet ``pretranslate`` read it only
    when an engine's answer was the German (``Work.read_glossary``): with ``copy`` never, so it drafted every
    catalog through the merge as if the file were fine. Now each command that reads the glossary stops with the
    same error at its line, exit 2, and no catalog (nor edition, nor page) is written."""
    published.write("source_de/tee.md", TEE.replace("im Winter", "im kalten Winter"))
    published.run("extract")  # the new sentence waits for a draft
    published.write("translations/glossary.csv", "source,en\n<<<<<<< HEAD\nSchlaf,sleep\n=======\n"
                                                 "Schlaf,slumber\n>>>>>>> 7821b32\n")
    before = published.snapshot()
    result = published.run(*command, code=2)
    assert "error: translations/glossary.csv:2: unresolved merge conflict: git's conflict markers (<<<<<<<, "\
           "=======, >>>>>>>) on lines 2, 4, 6; resolve the merge (keep the row you want, delete the marker lines), "\
           "then run verlag again; the file is left as it was" in errors(result), result.output
    assert "Traceback" not in result.output
    assert published.snapshot() == before

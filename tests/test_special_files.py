"""A named pipe, socket, device or folder where verlag reads a file is named, never opened.

Opening a named pipe (FIFO) for reading waits for a writer that never comes: one left in source_de/ (a
``mkfifo`` by mistake, a tool's leftover) made every command hang without a word. Each test runs under
``no_hang``: a regression fails after a minute instead of hanging the test run.
"""

from __future__ import annotations

import os
import signal
import socket
import shutil

import pytest

from cli import main
from conftest import Project, article, review
from pipeline.errors import VerlagError


class Hung(BaseException):
    """Raised by ``no_hang``'s alarm; a BaseException, so verlag's containment (``except Exception``) lets it out."""


@pytest.fixture(autouse=True)
def no_hang():
    def give_up(signum, frame):
        raise Hung("verlag hung (waiting on a named pipe?)")

    before = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


@pytest.fixture
def built(project: Project) -> Project:
    """Two reviewed articles, extracted and built."""
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nmin_translated = 0\n'
                                                               '[site]\nbase_url = "https://example.org/"\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    review(project, "en", "kaffee", {("title", "Kaffee"): "Coffee", "Kaffee weckt.": "Coffee wakes."})
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    project.run("build")
    return project


def pipe(project: Project, rel: str) -> None:
    path = project.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)


PIPE = "a named pipe (FIFO), not a file: verlag reads only files (a symlink to one works)"
FOLDER = ("a folder, not a file: verlag needs a file here; move the folder away (or rename it) and put the file "
          "in its place")


def test_a_named_pipe_among_the_sources_is_named_and_the_other_articles_are_done(built: Project):
    pipe(built, "source_de/neu.md")
    pipe(built, "source_de/seiten/info.md")
    built.write("source_de/milch.md", article("Milch", "Milch nährt.\n"))
    for command in ("extract", "build", "check", "status"):
        result = built.run(command, code=2)
        for rel in ("source_de/neu.md", "source_de/seiten/info.md"):
            assert f"error: {rel}: {PIPE}" in result.output, (command, result.output)
    assert "Milch nährt." in built.read("site/de/milch/index.html")
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")


def test_import_beside_a_named_pipe_in_the_sources_and_of_a_named_pipe(built: Project, tmp_path_factory):
    """``verlag import`` reads every source's ``slug:`` line to keep slugs apart; a named pipe among them is
    taken by its file name. A named pipe given to import is that file's error; the other files are imported."""
    pipe(built, "source_de/neu.md")
    folder = tmp_path_factory.mktemp("alt")
    (folder / "wasser.md").write_text(article("Wasser", "Wasser löscht.\n"), encoding="utf-8")
    os.mkfifo(folder / "leitung.md")
    result = built.run("import", str(folder / "wasser.md"), str(folder / "leitung.md"), code=2)
    assert f"error: {folder / 'leitung.md'}: {PIPE}" in result.output, result.output
    assert "Wasser löscht." in built.read("source_de/wasser.md")


def test_a_named_pipe_for_a_catalog_or_template_is_named_and_the_other_articles_are_done(built: Project):
    pipe(built, "translations/en/tee.po")
    for command in ("extract", "build", "check", "status", "pretranslate"):
        result = built.run(command, *(["--engine", "pseudo"] if command == "pretranslate" else []), code=2)
        assert f"error: translations/en/tee.po: {PIPE}" in result.output, (command, result.output)
    pipe(built, "translations/templates/tee.pot")
    result = built.run("extract", code=2)
    assert f"error: translations/templates/tee.pot: {PIPE}" in result.output, result.output
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")


def test_a_folder_named_like_a_catalog_is_named_and_the_other_articles_are_done(built: Project):
    """Hostile round 16: a folder where a catalog belongs (an unpacked archive, a tool's mistake) stopped check,
    build, status, pretranslate and review at it, the other articles neither checked nor built (a named pipe
    there was already named and passed over). Each command names it and does the rest."""
    (built.root / "translations/en/tee.po").unlink()
    (built.root / "translations/en/tee.po").mkdir()
    built.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n\nKaffee duftet.\n"))
    for command in ("check", "build", "status", "pretranslate", "review"):
        result = built.run(command, *(["--engine", "pseudo"] if command == "pretranslate" else []), code=2)
        assert f"error: translations/en/tee.po: {FOLDER}\n" in result.output, (command, result.output)
        assert "Traceback" not in result.output
    assert "Kaffee duftet." in built.read("site/de/kaffee/index.html")
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")
    assert "Tea warms." in built.read("site/en/tee/index.html")  # the last build's page stays
    assert (built.root / "review/index.html").is_file()


@pytest.mark.parametrize("rel", ["translations/en/site.po", "templates/base.html", "redirects.txt",
                                 "translations/en/variants.sha256", "translations/glossary.csv"])
def test_a_named_pipe_among_the_project_s_other_files_is_named(built: Project, rel: str):
    """Every command finishes; those that read the file name it."""
    pipe(built, rel)
    said = []
    for command in ("extract", "build", "check", "status"):
        result = built.runner.invoke(main, ["-C", str(built.root), command], catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), (command, result.output)
        said += [command] if f"{rel}: {PIPE}" in result.output else []
    assert said, rel


def test_a_socket_is_named_as_one(built: Project):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(built.root / "source_de/neu.md"))
        result = built.run("check", code=2)
    assert "error: source_de/neu.md: a socket, not a file" in result.output, result.output


def test_a_folder_named_like_a_source_is_named_and_a_symlink_to_a_source_still_works(built: Project):
    (built.root / "source_de/ordner.md").mkdir()
    (built.root / "source_de/echt").mkdir()
    built.write("source_de/echt/milch.txt", article("Milch", "Milch nährt.\n"))
    (built.root / "source_de/milch.md").symlink_to("echt/milch.txt")
    result = built.run("build", code=2)
    # the path once: "source_de/ordner.md: source_de/ordner.md: Is a directory" named it twice
    assert f"error: source_de/ordner.md: {FOLDER}\n" in result.output, result.output
    assert "Milch nährt." in built.read("site/de/milch/index.html")


def test_a_named_pipe_or_socket_among_the_theme_s_static_files_is_named_and_the_site_is_built(built: Project):
    """A named pipe in templates/static/ stopped the build ('verlag reads only files', site/ not built): the theme's
    digest read every file of the theme. An asset is not needed to make the pages: it is named as left out (exit
    2), never opened, and the pages and the other static files are written."""
    pipe(built, "templates/static/fonts/schrift.woff2")
    built.write("templates/static/fonts/zeichen.css", "body { color: black }\n")
    built.write("source_de/milch.md", article("Milch", "Milch nährt.\n"))
    built.run("extract")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(built.root / "templates/static/sock.js"))
        result = built.run("build", code=2)
    for rel, kind in (("fonts/schrift.woff2", "a named pipe (FIFO)"), ("sock.js", "a socket")):
        assert f"error: templates/static/{rel}: {kind}, not a file: only files of static/ are copied to the site; " \
               "this is left out" in result.output, result.output
        assert not (built.root / "site/static" / rel).exists()
    assert "Milch nährt." in built.read("site/de/milch/index.html")
    assert built.read("site/static/fonts/zeichen.css") == "body { color: black }\n"


def test_a_named_pipe_among_the_theme_s_page_templates_still_stops_the_build(built: Project):
    """A page template cannot be left out as a static file can: the pages need it."""
    pipe(built, "templates/partials/kopf.html")
    result = built.run("build", code=2)
    assert f"error: templates/partials/kopf.html: {PIPE}" in result.output, result.output


def test_a_named_pipe_an_article_shows_is_its_error_and_the_other_articles_are_built(built: Project):
    built.write("source_de/bild.md", article("Bild", "Hier ist es.\n\n![Eine Zecke](bilder/zecke.svg)\n"))
    pipe(built, "source_de/bilder/zecke.svg")
    built.write("source_de/milch.md", article("Milch", "Milch nährt.\n"))
    built.run("extract")
    result = built.run("build", code=2)
    assert f"error: source_de/bild.md:7: source_de/bilder/zecke.svg: {PIPE}" in result.output, result.output
    assert "Milch nährt." in built.read("site/de/milch/index.html")


def test_a_named_pipe_for_verlag_toml_or_a_cache_is_named_and_never_opened(built: Project):
    """verlag.toml is read by every command: in its place a named pipe is named (exit 2). One in place of a cache
    in .verlag/ is a cache that cannot be read: said once, and the work is done again."""
    pipe(built, ".verlag/sources.json")
    result = built.run("check")
    assert f"warning: .verlag/sources.json: {PIPE}" in result.output, result.output
    pipe(built, "verlag.toml")
    for command in ("extract", "status"):
        result = built.run(command, code=2)
        assert f"error: verlag.toml: {PIPE}" in result.output, (command, result.output)


def test_a_named_pipe_or_socket_in_an_imported_folder_is_named_in_the_summary(built: Project, tmp_path_factory):
    """A folder's named pipe, socket or device was left out without a word: the author never learnt that a post
    of the old blog was not imported. The summary names each, as a named pipe given to import is named; the
    folder's files, and a Jekyll site's posts in it, are imported."""
    folder = tmp_path_factory.mktemp("alt")
    (folder / "wasser.md").write_text(article("Wasser", "Wasser löscht.\n"), encoding="utf-8")
    os.mkfifo(folder / "leitung.md")
    posts = folder / "blog" / "_posts"
    posts.mkdir(parents=True)
    (folder / "blog" / "_config.yml").write_text("title: Alt\n", encoding="utf-8")
    (posts / "2024-05-01-saft.md").write_text(article("Saft", "Saft erfrischt.\n"), encoding="utf-8")
    os.mkfifo(posts / "2024-05-02-sirup.md")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "post.html"))
        result = built.run("import", str(folder))
    assert "3 files left out:" in result.output, result.output
    for name in ("leitung.md", "blog/_posts/2024-05-02-sirup.md"):
        assert f"  skipped {folder / name}: {PIPE}" in result.output, result.output
    assert f"  skipped {folder / 'post.html'}: a socket, not a file" in result.output, result.output
    assert "Wasser löscht." in built.read("source_de/wasser.md")
    assert "Saft erfrischt." in built.read("source_de/saft.md")


def test_a_named_pipe_in_place_of_verlag_s_own_files_is_said_and_replaced(built: Project):
    """The segments cache was read without a look at what it is (extract and build hung on a named pipe there), a
    named pipe as the lock file failed every writing command with "Invalid argument" and one as a SQLite cache
    with an internal error. Each is said, done without, and a file of verlag's is put in its place."""
    own = (".verlag/segments/tee.json", ".verlag/lock", ".verlag/site-bodies.sqlite", ".verlag/stat.json")
    for rel in own:
        pipe(built, rel)
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    said = built.run("extract", "--jobs", "1").output + built.run("build", "--jobs", "1").output  # warnings here
    assert "warning: .verlag/lock: a named pipe (FIFO), not a file; replaced by a new lock file" in said, said
    for rel in own:
        assert f"warning: {rel}: " in said, (rel, said)
        assert (built.root / rel).is_file(), rel
    assert "Tee beruhigt." in built.read("site/de/tee/index.html")
    assert "warning" not in built.run("build").output


def test_an_oversized_file_in_place_of_a_cache_is_said_not_read_and_replaced(built: Project):
    """A cache in .verlag/ was read whole, whatever its size: one of 2 GB filled the memory. Over
    ``limits.STATE`` (64 MB) it is said, not read, and made again."""
    over = 64 * 2**20 + 1
    for rel in (".verlag/sources.json", ".verlag/segments/tee.json"):
        with open(built.root / rel, "wb") as fh:
            fh.truncate(over)  # sparse: no disk space taken
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    said = built.run("extract", "--jobs", "1").output
    for rel in (".verlag/sources.json", ".verlag/segments/tee.json"):
        assert f"warning: {rel}: 64.0 MB is more than verlag reads of a file of verlag's own in " \
               ".verlag/" in said, (rel, said)
        assert (built.root / rel).stat().st_size < over, rel
    assert "Tee beruhigt." in built.read("translations/templates/tee.pot")


def test_a_named_pipe_among_the_site_s_pages_is_named_before_the_search_index_waits_on_it(built: Project):
    """Pagefind opens every page under site/: a named pipe there made it, and the build, wait forever."""
    pipe(built, "site/en/alt.html")
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    result = built.run("build", code=2)
    assert "error: site/en/alt.html: a named pipe (FIFO), not a page: the search index (Pagefind) would wait on it " \
           "forever; remove it" in result.output, result.output


def test_a_named_pipe_where_an_edition_goes_is_named_and_the_rest_is_built(built: Project):
    """A named pipe at editions/en/tee.md stopped the whole build (``error: en/tee.md``, no other article, no
    site). It is named as the edition's file, left as it is, and every other file is written."""
    pipe(built, "editions/en/tee.md")
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    built.write("source_de/milch.md", article("Milch", "Milch nährt.\n"))
    built.run("extract")
    result = built.run("build", code=2)
    assert "error: editions/en/tee.md: a named pipe (FIFO), not a file: verlag writes an edition's file here; " \
           "remove it" in result.output, result.output
    assert "Tee beruhigt." in built.read("editions/fr/tee.md")
    assert "Milch nährt." in built.read("site/de/milch/index.html")
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")
    assert not (built.root / "editions/en/tee.md").is_file()


def test_a_named_pipe_or_oversized_file_in_place_of_a_compiled_template_is_said_and_replaced(built: Project):
    """Jinja opened its compiled templates in .verlag/jinja/ itself, without verlag's look at what they are: a named
    pipe there made every build wait forever, a huge file was read whole. Each is said once, the template is
    compiled again and a file of verlag's is put in its place."""
    compiled = sorted((built.root / ".verlag/jinja").iterdir())
    assert len(compiled) > 1
    for path in compiled[::2]:
        path.unlink()
        os.mkfifo(path)
    for path in compiled[1::2]:
        with open(path, "r+b") as fh:
            fh.truncate(64 * 2**20 + 1)  # sparse
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    said = built.run("build", "--jobs", "1").output
    for path in compiled:
        assert said.count(f"warning: {path.relative_to(built.root).as_posix()}: ") == 1, (path, said)
        assert path.is_file() and path.stat().st_size < 64 * 2**20, path
    assert "Tee beruhigt." in built.read("site/de/tee/index.html")
    assert ".verlag/jinja" not in built.run("build").output


def test_a_named_pipe_where_a_page_of_the_site_goes_is_named_and_the_rest_is_built(built: Project):
    """A named pipe at site/en/tee/index.html stopped the whole site, naming it by its absolute path. It is named
    as inside the project, left as it is, and every other page is written (exit 2)."""
    pipe(built, "site/en/tee/index.html")
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    built.write("source_de/milch.md", article("Milch", "Milch nährt.\n"))
    built.run("extract")
    result = built.run("build", code=2)
    assert "error: site/en/tee/index.html: a named pipe (FIFO), not a file" in result.output, result.output
    assert str(built.root) not in result.output, result.output
    assert "Tee beruhigt." in built.read("site/de/tee/index.html")
    assert "Milch nährt." in built.read("site/de/milch/index.html")
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")
    assert not (built.root / "site/en/tee/index.html").is_file()


@pytest.mark.parametrize("damage", ["pipe", "oversized"])
def test_extract_s_record_of_a_catalog_as_a_named_pipe_or_oversized_is_said_and_replaced(built: Project,
                                                                                         damage: str):
    """extract's copy of a catalog as it last left it (.verlag/extracted/en/tee.catalog) was read without a look
    at what it is or how large: a named pipe there cost the catalog its merge (an error), a huge file was read
    whole. It is said once and done without, the catalog is merged, and the record is made again."""
    record = built.root / ".verlag" / "extracted" / "en" / "tee.catalog"
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee hilft.\n"))
    built.run("extract")
    assert record.is_file()
    if damage == "pipe":
        pipe(built, record.relative_to(built.root).as_posix())
    else:
        with open(record, "r+b") as fh:
            fh.truncate(64 * 2**20 + 1)  # sparse
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    said = built.run("extract", "--jobs", "1").output
    assert said.count(f"warning: {record.relative_to(built.root).as_posix()}: ") == 1, said
    assert 'msgid "Tee beruhigt."' in built.read("translations/en/tee.po")
    assert 'msgstr "Tea warms."' in built.read("translations/en/tee.po")
    assert record.is_file() and record.stat().st_size < 64 * 2**20


def test_a_named_pipe_or_folder_as_a_catalog_is_named_by_the_translation_memory(built: Project):
    """The translation memory read every catalog without a look at what it is: a named pipe there made
    ``tm export`` and ``pretranslate`` with the memory wait forever, a folder was an internal error. Each is
    named (an export leaves out no catalog's work silently: it writes nothing); the other catalogs are drafted."""
    pipe(built, "translations/en/tee.po")
    (built.root / "translations/fr/tee.po").unlink()
    (built.root / "translations/fr/tee.po").mkdir()  # a folder named like a catalog
    result = built.run("tm", "export", str(built.root / "alles.tmx"), code=2)
    assert f"error: translations/en/tee.po: {PIPE}" in result.output, result.output
    assert f"error: translations/fr/tee.po: {FOLDER}" in result.output, result.output
    assert not (built.root / "alles.tmx").exists()
    (built.root / "translations/fr/tee.po").rmdir()
    built.write("source_de/milch.md", article("Milch", "Kaffee weckt.\n"))
    built.run("extract", code=2)
    result = built.run("pretranslate", "--engine", "tm", code=2)
    assert f"error: translations/en/tee.po: {PIPE}" in result.output, result.output
    assert 'msgstr "Coffee wakes."' in built.read("translations/en/milch.po")


def test_a_named_pipe_as_a_template_costs_the_review_report_only_its_article(built: Project):
    """``verlag review`` read each article's template without a limit or a name inside the project: a named pipe
    there stopped the whole report with an absolute path. It is named as translations/templates/tee.pot, and the
    other articles' pages are written."""
    pipe(built, "translations/templates/tee.pot")
    result = built.run("review", code=2)
    assert f"error: translations/templates/tee.pot: {PIPE}" in result.output, result.output
    assert str(built.root) not in result.output, result.output
    assert "Coffee wakes." in built.read("review/en/kaffee.html")


def test_a_named_pipe_as_an_edition_record_costs_the_site_only_that_page(built: Project):
    """A named pipe at editions/en/tee.json (an edition's record, which the site is made from) was named by the
    editions stage, then stopped the whole site ("site/ not built", named "en/tee.json"). The site is built
    without that page."""
    pipe(built, "editions/en/tee.json")
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    built.run("extract")
    result = built.run("build", code=2)
    assert "error: editions/en/tee.json: a named pipe (FIFO), not a file: verlag writes an edition's file here" \
        in result.output, result.output
    assert "not built" not in result.output and "error: en/tee.json" not in result.output, result.output
    assert "Tee beruhigt." in built.read("site/de/tee/index.html")
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")


def test_a_named_pipe_as_the_template_of_an_article_changed_since_extract_is_never_opened(built: Project):
    """Whether an article changed since the last extract is told by its template's header when extract's record
    does not tell: that header was read with a plain ``open``, which waits forever on a named pipe (``build``,
    ``status``, ``check`` and ``review`` after an edit of the German). It is no header to read: every command
    ends, and the other articles' pages are made."""
    pipe(built, "translations/templates/tee.pot")
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    for command in ("build", "status", "check", "review"):
        result = built.runner.invoke(main, ["-C", str(built.root), command], catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), (command, result.output)
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")
    assert "Coffee wakes." in built.read("review/en/kaffee.html")


def test_a_symbolic_link_as_the_lock_file_is_replaced_and_the_file_it_names_left_alone(built: Project, tmp_path):
    """A project unpacked or cloned with .verlag/lock a symbolic link to a file outside it (../../notes.txt): every
    writing command emptied that file and wrote its pid into it. The link is said and replaced by a lock file."""
    outside = tmp_path / "notizen.txt"
    outside.write_text("Meine Notizen.\n", encoding="utf-8")
    lock = built.root / ".verlag/lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(outside)
    said = built.run("extract", "--jobs", "1").output
    assert outside.read_text(encoding="utf-8") == "Meine Notizen.\n"
    assert f"warning: .verlag/lock: a symbolic link (to {outside}); replaced by a new lock file" in said, said
    assert lock.is_file() and not lock.is_symlink()


def test_the_lock_file_s_link_target_is_named_on_one_line_whatever_its_name_holds(built: Project, tmp_path):
    """The warning about a symbolic link as the lock file named where it leads as it is: a name with a line feed
    ("x<LF>error: y") started a made-up line of verlag's own. It is escaped as every file name in a message is."""
    outside = tmp_path / "notizen\nerror: gefälscht.txt"
    outside.write_text("Meine Notizen.\n", encoding="utf-8")
    lock = built.root / ".verlag/lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(outside)
    said = built.run("extract", "--jobs", "1").output
    shown = str(outside).replace("\n", "\\n")
    assert f"warning: .verlag/lock: a symbolic link (to {shown}); replaced by a new lock file" in said, said
    assert not any(line.startswith("error: gefälscht") for line in said.splitlines()), said


def test_a_symbolic_link_as_the_no_temp_files_mark_makes_no_file_where_it_points(built: Project, tmp_path):
    """.verlag/no-temp-files, a symbolic link to a missing file outside the project: the sweep's mark made that
    file. The mark is verlag's own empty file; the link is replaced."""
    outside = tmp_path / "nicht-anlegen"
    mark = built.root / ".verlag/no-temp-files"
    mark.unlink(missing_ok=True)
    mark.symlink_to(outside)
    built.run("extract", "--jobs", "1")
    assert not outside.exists()
    assert mark.is_file() and not mark.is_symlink()


COMMANDS = (["extract"], ["pretranslate", "--engine", "pseudo"], ["check"], ["status"], ["build"], ["review"],
            ["new", "Milch"], ["tm", "export", "tm.tmx"])


@pytest.mark.parametrize("target", ["folder", "missing", "file"])
def test_a_verlag_folder_that_is_a_symbolic_link_or_no_folder_is_refused_by_every_command(built: Project, tmp_path,
                                                                                        target: str):
    """.verlag/ as a symbolic link (a project unpacked with one, or a cache put elsewhere by hand): the lock was
    taken there, so two copies of a project linking one folder waited for each other; a writer's sweep deleted
    files named like verlag's temp files in the folder it names, and each command made its caches there. A dangling link stopped writing commands with "File exists", a file
    in its place gave a warning per cache. Every command refuses it, naming it, exit 2; nothing is written."""
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    (elsewhere / ".notizen.abcdefgh.tmp").write_text("Meine Notizen.\n", encoding="utf-8")
    shutil.rmtree(built.root / ".verlag")
    place = built.root / ".verlag"
    if target == "file":
        place.write_text("Notiz\n", encoding="utf-8")
        said = "error: .verlag: a file, not a folder: verlag keeps its lock and caches in this folder"
    else:
        place.symlink_to(elsewhere if target == "folder" else tmp_path / "fehlt")
        said = (f"error: .verlag: a symbolic link (to {elsewhere if target == 'folder' else tmp_path / 'fehlt'}), "
                "not a folder: verlag keeps its lock and caches in this folder")
    before = built.snapshot()
    for command in COMMANDS:
        result = built.run(*command, code=2)
        assert said in result.output, (command, result.output)
        assert "Traceback" not in result.output
    assert built.snapshot() == before
    assert sorted(p.name for p in elsewhere.iterdir()) == [".notizen.abcdefgh.tmp"]
    assert not (tmp_path / "fehlt").exists()
    place.unlink()
    assert "Coffee wakes." in built.read("site/en/kaffee/index.html")
    built.run("build")


def test_a_named_pipe_or_huge_file_among_the_pages_does_not_stop_an_import(built: Project, tmp_path):
    """``import`` looked at every page of source_de/seiten/ to tell an untouched legal page of ``init``
    (``scaffold.untouched_template``) by reading it whole: a named pipe there (``impressum.md``) made it wait for a
    writer forever, a 300 MB file was read whole. Neither is read; the import goes on."""
    import resource

    pipe(built, "source_de/seiten/impressum.md")
    with open(built.root / "source_de/seiten/datenschutz.md", "wb") as file:
        file.truncate(300 << 20)
    (tmp_path / "holunder.txt").write_text("Holunder blüht\n\nDer Holunder blüht im Juni.\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = built.runner.invoke(main, ["-C", str(built.root), "import", str(tmp_path / "holunder.txt")],
                                 catch_exceptions=False)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    assert "Der Holunder blüht im Juni." in built.read("source_de/holunder-blueht.md"), result.output


def folder(project: Project, rel: str) -> None:
    """A folder, holding a file, in the place of the file ``rel``."""
    path = project.root / rel
    if path.is_file():
        path.unlink()
    (path / "inhalt").mkdir(parents=True)


@pytest.mark.parametrize("rel, commands", [
    ("source_de/tee.md", ("check", "build", "status")),
    ("translations/en/tee.po", ("check", "build", "status")),
    ("translations/en/site.po", ("check", "build", "status")),
    ("translations/templates/tee.pot", ("check", "status", "extract")),
    ("redirects.txt", ("build",)),
    ("translations/glossary.csv", ("check", "build", "status")),
    ("verlag.toml", ("check", "build", "status")),
])
def test_a_folder_where_a_file_belongs_is_named_as_a_folder_with_the_fix(built: Project, rel: str, commands):
    """Trust round D: a folder in a file's place was named by the system's "Is a directory" (no fix), a template
    by a wrong path ("templates/tee.pot", the project's own templates/ folder, from check and status), and a
    folder named verlag.toml as "no verlag.toml in this folder or any above it". Each is named for what it is,
    at its own path, with what to do (exit 2); what it holds is left alone."""
    folder(built, rel)
    for command in commands:
        result = built.run(command, code=2)
        assert f"error: {rel}: {FOLDER}" in result.output, (command, result.output)
        assert "Is a directory" not in result.output and "Traceback" not in result.output
        assert (built.root / rel / "inhalt").is_dir()


@pytest.mark.parametrize("rel, what", [("editions/en/tee.json", "an edition's file"),
                                       ("site/en/tee/index.html", "a page of the site")])
def test_a_folder_where_verlag_writes_a_file_is_named_as_a_folder(built: Project, rel: str, what: str):
    """An edition's file or a page of the site that is a folder was "Is a directory, not a file": named as a
    folder now; the other articles are built."""
    folder(built, rel)
    built.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n\nKaffee duftet.\n"))
    result = built.run("build", code=2)
    assert f"error: {rel}: a folder, not a file: verlag writes {what} here; remove it" in result.output, result.output
    assert "Kaffee duftet." in built.read("site/de/kaffee/index.html")


def test_a_folder_as_the_lock_file_is_named_and_left_alone(built: Project):
    """A folder at .verlag/lock was warned of as "Is a directory; replaced by a new lock file", which it was not
    (a folder is not unlinked), then the command failed with "Is a directory". It is named, with the fix, and
    kept with what it holds."""
    folder(built, ".verlag/lock")
    result = built.run("build", code=2)
    assert result.output == "error: .verlag/lock: a folder, not a file: verlag keeps its lock file here; move the " \
                            "folder away (or remove it)\n", result.output
    assert (built.root / ".verlag/lock/inhalt").is_dir()


def test_a_folder_named_like_a_post_in_an_imported_folder_is_walked_not_skipped(built: Project, tmp_path_factory):
    """A folder of the old blog named "archiv.md" was listed as "skipped …: Is a directory" (sec16 made a folder a
    named pipe's kind), though its posts were imported: it is walked as any folder, and not named."""
    old = tmp_path_factory.mktemp("alt")
    (old / "archiv.md").mkdir()
    (old / "archiv.md" / "wasser.md").write_text(article("Wasser", "Wasser löscht.\n"), encoding="utf-8")
    result = built.run("import", str(old))
    assert "skipped" not in result.output and "left out" not in result.output, result.output
    assert "Wasser löscht." in built.read("source_de/wasser.md")


def test_an_image_that_is_a_folder_is_warned_of_as_a_link_that_would_not_work(built: Project):
    """An image (or link) naming a folder of source_de/ made its article an error ("Is a directory"), left unbuilt
    since sec16: it is warned of as a link to no file is (the page keeps the address), naming it as a folder, and
    the article is built."""
    (built.root / "source_de/bilder/tee.png").mkdir(parents=True)
    built.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\n![Eine Tasse](bilder/tee.png)\n"))
    result = built.run("build")
    assert "warning: source_de/tee.md:7: 'bilder/tee.png': a folder of source_de/, not a file; the page keeps the " \
           "address" in result.output, result.output
    assert "Eine Tasse" in built.read("site/de/tee/index.html")


def test_a_symbolic_link_to_a_folder_among_the_site_s_pages_is_no_page_pagefind_waits_on(tmp_path):
    """sec16's folder, a named pipe's kind, made a symbolic link named like a page that leads to a folder "a folder,
    not a page: the search index (Pagefind) would wait on it forever", untrue: Pagefind waits on no folder. The
    look before the index passes it over, as before, and still names a named pipe."""
    from pipeline.search import _refuse_no_pages

    (tmp_path / "en/tee").mkdir(parents=True)
    (tmp_path / "en/alt.html").symlink_to(tmp_path / "en/tee")
    _refuse_no_pages(tmp_path)
    os.mkfifo(tmp_path / "en/rohr.html")
    with pytest.raises(VerlagError, match="a named pipe \\(FIFO\\), not a page"):
        _refuse_no_pages(tmp_path)

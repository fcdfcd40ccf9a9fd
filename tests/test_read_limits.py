"""The website's words (site.po), page templates and the review report's catalogs are read within a limit.

They were read whole, whatever their size: a wrong file in their place (a log, a disk image) filled the memory.
Over its limit (``limits.SITE_WORDS``, ``TEMPLATE``, ``CATALOG``) a file is named and not read (here sparse files,
which cost no disk), and the rest of the work is done (exit 2).
"""

from __future__ import annotations

import resource
from pathlib import Path

from conftest import Project, article, review


def grow(path, size: int) -> None:
    with open(path, "r+b") as file:
        file.truncate(size)


def built(project: Project) -> Project:
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nmin_translated = 0\n'
                                                               '[site]\nbase_url = "https://example.org/"\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    project.run("build")
    return project


def test_a_site_po_over_4_mb_is_named_not_read_and_the_site_is_built(project: Project):
    built(project)
    grow(project.root / "translations/en/site.po", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = "error: translations/en/site.po: 300.0 MB is more than verlag reads of a site.po (4.0 MB)"
    for command in ("extract", "build", "check"):
        result = project.run(command, code=2)
        assert message in result.output, (command, result.output)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert "Tea warms." in project.read("site/en/tee/index.html")


def test_a_template_over_1_mb_is_named_and_not_read(project: Project):
    built(project)
    project.write("templates/base.html", "{% block content %}{% endblock %}\n")
    grow(project.root / "templates/base.html", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = "error: templates/base.html: 300.0 MB is more than verlag reads of a page template (1.0 MB)"
    for command in ("extract", "build"):
        result = project.run(command, code=2)
        assert message in result.output, (command, result.output)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB


def test_a_catalog_over_32_mb_is_named_by_the_review_report_and_not_read(project: Project):
    built(project)
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    grow(project.root / "translations/en/tee.po", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = project.run("review", code=2)
    assert "error: translations/en/tee.po: 300.0 MB is more than verlag reads of a catalog (32.0 MB)" \
        in result.output, result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert (project.root / "review/en/kaffee.html").is_file()


def test_a_catalog_or_template_over_32_mb_is_named_by_import_translation_of_and_not_read(project: Project, tmp_path):
    """``import --translation-of`` merged the article's template into its catalog, both read whole."""
    built(project)
    (tmp_path / "tea.md").write_text("# Tea\n\nTea warms.\n", encoding="utf-8")
    for rel, what in (("translations/en/tee.po", "a catalog"), ("translations/templates/tee.pot", "a catalog")):
        saved = (project.root / rel).read_bytes()
        grow(project.root / rel, 300 << 20)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = project.run("import", "--lang", "en", "--translation-of", "tee", str(tmp_path / "tea.md"), code=2)
        assert f"error: {rel}: 300.0 MB is more than verlag reads of {what} (32.0 MB)" in result.output, result.output
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
        assert (project.root / rel).stat().st_size == 300 << 20
        (project.root / rel).write_bytes(saved)


def test_a_kept_catalog_over_32_mb_whose_article_is_gone_is_named_by_extract_and_not_read(project: Project):
    """``extract`` read a kept catalog (its article deleted) whole to tell whether it had said so already."""
    built(project)
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    (project.root / "source_de/kaffee.md").unlink()
    grow(project.root / "translations/en/kaffee.po", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    said = "warning: translations/en/kaffee.po: {} MB is more than verlag reads of a catalog (32.0 MB)"
    assert said.format("300.0") in project.run("extract").output
    assert said.format("300.0") not in project.run("extract").output  # said once, as any kept catalog
    grow(project.root / "translations/en/kaffee.po", 301 << 20)
    assert said.format("301.0") in project.run("extract").output  # and again once it changed
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert (project.root / "translations/en/kaffee.po").stat().st_size == 301 << 20


def test_a_review_page_over_its_limit_is_made_again_without_being_read(project: Project):
    """``review`` read each page it had written whole (to tell a page changed by hand) and whole again before
    writing it: a large file in a page's place (a log saved there) filled the memory."""
    built(project)
    project.run("review")
    page = project.root / "review/en/tee.html"
    made = page.read_bytes()
    grow(page, 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert "1 file written" in project.run("review").output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert page.read_bytes() == made


def test_a_file_over_100_mb_among_the_site_s_pages_is_named_before_the_search_index_reads_it(project: Project):
    """The search index read every page of site/ whole (to split the work among Pagefind runs); a file larger than
    any page verlag writes (and than GitHub takes) is named instead, and the index is left as it was."""
    built(project)
    index = (project.root / "site/pagefind/pagefind-entry.json").read_bytes()
    (project.root / "site/de/gross.html").write_text("<html></html>\n", encoding="utf-8")
    grow(project.root / "site/de/gross.html", 300 << 20)
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for jobs in ("1", "2"):
        result = project.run("build", "--jobs", jobs, code=2)
        assert "error: site/de/gross.html: 300.0 MB is more than verlag reads of a page of the site (100.0 MB)" \
            in result.output, result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert (project.root / "site/pagefind/pagefind-entry.json").read_bytes() == index
    assert "Kaffee weckt." in project.read("site/de/kaffee/index.html")


def test_a_verlag_toml_over_1_mb_is_named_by_every_command_and_not_read(project: Project):
    """verlag.toml was read whole by every command: a wrong file in its place (a log) filled the memory."""
    built(project)
    grow(project.root / "verlag.toml", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for command in ("extract", "check", "status", "build"):
        result = project.run(command, code=2)
        assert result.output == "error: verlag.toml: 300.0 MB is more than verlag reads of verlag.toml (1.0 MB); " \
            "is it the right file? Its settings take a few KB\n", (command, result.output)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB


def test_a_search_index_entry_file_over_its_limit_is_not_read_and_the_index_is_made_again(project: Project):
    """site/pagefind/pagefind-entry.json (which Pagefind version made the index) was read whole to decide whether
    the current index's files can be carried over: a large file in its place filled the memory."""
    built(project)
    entry = project.root / "site/pagefind/pagefind-entry.json"
    grow(entry, 300 << 20)
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    project.run("build", "--jobs", "1")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert entry.stat().st_size < 1 << 20 and "languages" in entry.read_text(encoding="utf-8")


def test_an_edition_record_over_its_limit_is_made_again_without_being_read(project: Project):
    """The build read each edition record whose stat had changed whole, to hash it, and the site stage again to
    read its page: a large file in a record's place (a log, a disk image) filled the memory. Over
    ``limits.EDITION`` (64 MB) a record is not read: the build makes it again, and the site shows the page."""
    built(project)
    records = [project.root / "editions/en/tee.json", project.root / "editions/de/tee.json"]
    made = [record.read_bytes() for record in records]
    for record in records:
        grow(record, 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    project.run("check")
    project.run("build")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert [record.read_bytes() for record in records] == made
    assert "Tea warms." in project.read("site/en/tee/index.html")


def test_a_theme_file_grown_over_its_limit_after_the_theme_was_read_is_named_and_not_copied(project: Project,
                                                                                           monkeypatch):
    """A file of templates/static/ (or of a media folder) was copied into site/ by reading it whole once more, after
    the theme's digest had read it within ``limits.MEDIA``: one that grew in between (a download still being
    saved there) was read whole. It is read within the limit where it is copied too: over it, that file is named
    and not copied, the pages are written (exit 2)."""
    from pipeline import site

    built(project)
    project.write("templates/static/film.bin", "noch klein\n")
    real = site.theme_digest

    def growing(config):  # the theme is read within its limit, then the file grows
        digest = real(config)
        grow(project.root / "templates/static/film.bin", 300 << 20)
        return digest

    monkeypatch.setattr(site, "theme_digest", growing)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee beruhigt.\n"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = project.run("build", "--jobs", "1", code=2)
    assert "error: templates/static/film.bin: 300.0 MB is more than verlag reads of a file an article shows or " \
           "links (100.0 MB)" in result.output, result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert not (project.root / "site/static/film.bin").exists()
    assert "Tee beruhigt." in project.read("site/de/tee/index.html")


def test_the_line_of_a_site_po_s_header_field_is_looked_for_within_the_limit(tmp_path):
    """A site.po's faulty Plural-Forms is named at its line, which was looked for by reading the file whole again:
    a file that grew past ``limits.SITE_WORDS`` since it was read (or was replaced by a large one) filled the
    memory. It is not read: the message names the file without a line."""
    from pipeline.uistrings import _header_line

    path = tmp_path / "site.po"
    path.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n/0);\\n"\n', encoding="utf-8")
    assert _header_line(path, "Plural-Forms") == 3
    grow(path, 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert _header_line(path, "Plural-Forms") is None
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB


def test_a_hugo_site_s_translation_over_the_import_limit_is_named_and_the_others_are_imported(project: Project,
                                                                                              tmp_path):
    """A Hugo site's translation by file name (``tee.en.md``) was read whole, whatever its size: a 300 MB file
    there filled the memory. Over ``limits.IMPORTED`` (256 MB) it is named and not read; the other pages and
    translations are imported (exit 2)."""
    site = tmp_path / "site"
    for rel, text in {"hugo.toml": 'defaultContentLanguage = "en"\n[languages.de]\n[languages.en]\n',
                      "content/posts/tee.de.md": '+++\ntitle = "Tee"\n+++\nTee wärmt.\n',
                      "content/posts/tee.en.md": '+++\ntitle = "Tea"\n+++\nTea warms.\n',
                      "content/posts/holunder.de.md": '+++\ntitle = "Holunder"\n+++\nEr blüht.\n',
                      "content/posts/holunder.en.md": '+++\ntitle = "Elder"\n+++\nIt blooms.\n'}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    grow(site / "content/posts/tee.en.md", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = project.run("import", str(site), code=2)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert f"error: {site / 'content/posts/tee.en.md'}: 300.0 MB is more than verlag reads of a file to import " \
           "(256.0 MB)" in result.output, result.output
    assert 'msgid "Er blüht."\nmsgstr "It blooms."' in project.read("translations/en/holunder.po")
    assert "Tee wärmt." in project.read("source_de/tee.md")


def test_a_template_over_32_mb_is_not_read_by_status_or_check(project: Project):
    """``status`` and ``check`` compare each catalog with its template (``drift``), which they hashed and parsed
    whole: a 300 MB file as a template took them 80 s and 2.8 GB. Over ``limits.CATALOG`` it is not read (no
    comparison is made); ``extract`` names it."""
    built(project)
    grow(project.root / "translations/templates/tee.pot", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert "tee" in project.run("status").output
    project.run("check")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert "error: translations/templates/tee.pot: 300.0 MB is more than verlag reads of a catalog (32.0 MB)" \
        in project.run("extract", code=2).output


def test_extract_reads_every_template_and_catalog_within_its_limit(project: Project, monkeypatch):
    """``extract`` read an article's template a last time whole for its line ends (after the reads within
    ``limits.CATALOG`` that compared it: a file grown in between was read whole), and the catalog of a renamed
    article whole once more after ``read_po`` had parsed it within the limit. Each is read once now, within it:
    every read of a file under translations/ says its limit, also a run that finds an article renamed."""
    from pipeline import fsutil

    reads: list[tuple[str, object]] = []
    real = fsutil.file_bytes

    def recorded(path, limit=None, ref=None):
        reads.append((fsutil.relpath(Path(path), project.root), limit))
        return real(path, limit, ref)

    project.write("source_de/schlaf.md", article("Schlaf", "Schlaf heilt viel. Abends hilft Tee.\n"))
    project.run("extract")
    review(project, "en", "schlaf", {("title", "Schlaf"): "Sleep", "Schlaf heilt viel.": "Sleep heals a lot."})
    (project.root / "source_de/schlaf.md").rename(project.root / "source_de/schlafen.md")
    monkeypatch.setattr(fsutil, "file_bytes", recorded)
    result = project.run("extract", "--jobs", "1")
    assert "renamed translations/en/schlaf.po -> translations/en/schlafen.po" in result.output, result.output
    read = {name for name, _ in reads if name.startswith("translations/")}
    assert {"translations/templates/schlafen.pot", "translations/en/schlaf.po"} <= read, reads
    assert [(name, limit) for name, limit in reads if name.startswith("translations/") and limit is None] == [], [(n, getattr(lim, "what", None)) for n, lim in reads]
    assert "Sleep heals a lot." in project.read("translations/en/schlafen.po")


def test_a_glossary_over_16_mb_is_named_and_not_read(project: Project):
    """translations/glossary.csv was read whole, whatever its size, by extract, check, review and the llm engine."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("translations/glossary.csv", "source,en\nTee,tea\n")
    project.run("extract")
    grow(project.root / "translations/glossary.csv", 300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for command in ("extract", "check"):
        result = project.run(command, code=2)
        assert "error: translations/glossary.csv: 300.0 MB is more than verlag reads of a glossary (16.0 MB)" \
               in result.output, (command, result.output)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB

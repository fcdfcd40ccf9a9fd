"""The website's words (site.po), page templates and the review report's catalogs are read within a limit.

They were read whole, whatever their size: a wrong file in their place (a log, a disk image) filled the memory.
Over its limit (``limits.SITE_WORDS``, ``TEMPLATE``, ``CATALOG``) a file is named and not read (here sparse files,
which cost no disk), and the rest of the work is done (exit 2).
"""

from __future__ import annotations

import resource

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

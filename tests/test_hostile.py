"""A hostile review's findings, each reproduced as the attacker would meet the product: a guest author's front
matter, a reviewer's catalog, a project folder (with its ``.verlag/`` state) that came from someone else.

Each test names what it guards; every one failed before its fix.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import Project, article, review


@pytest.fixture
def site_project(project: Project) -> Project:
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nmin_translated = 0\n'
                                                               '[site]\nbase_url = "https://example.org/"\n')
    return project


def files_beside(project: Project) -> set[Path]:
    """The files in the project's parent folder that are not the project's."""
    return {p for p in project.root.parent.rglob("*") if p.is_file() and not p.is_relative_to(project.root)}


@pytest.mark.parametrize("alias", ["/../../../outside/", "/blog/%2e%2e/%2E%2E/%2e%2e/outside/",
                                   "/a%2F..%2F..%2F..%2Foutside/", "/./x/", "/a%0Ab/"])
def test_an_alias_with_dot_segments_is_refused_at_its_line_and_nothing_is_written_outside_site(
        site_project: Project, alias: str):
    """A browser never asks for a path with ``.``/``..`` segments (RFC 3986 5.2.4 removes them); written as
    an old address, the redirect page landed outside site/ (``site/../../../outside/index.html``)."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n", aliases=f'["{alias}", "/alt/tee/"]'))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    before = files_beside(project)
    result = project.run("build", code=2)
    assert f"error: source_de/tee.md:4: aliases: '{alias}' has a '.' or '..' segment or a control character" \
        in result.output, result.output
    assert not files_beside(project) - before
    assert "/alt/tee/  /de/tee/  301" in project.read("site/_redirects")  # the other alias still redirects
    assert (project.root / "site/de/kaffee/index.html").is_file()


def test_a_state_file_from_someone_else_cannot_make_build_delete_files_outside_site(site_project: Project):
    """``.verlag/site.json`` lists the files the last build wrote, and build removes those it no longer makes:
    a project folder that came with a crafted one (an archive, a shared drive) made build delete
    ``../verlag.toml`` or any absolute path."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    victim = project.write("notes.txt", "mine")
    elsewhere = project.root.parent / "elsewhere.txt"
    elsewhere.write_text("mine too", encoding="utf-8")
    state_path = project.root / ".verlag/site.json"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    state["files"] += ["../notes.txt", str(elsewhere), "de/../../notes.txt"]
    state_path.write_text(json.dumps(state), encoding="utf-8")
    result = project.run("build")
    assert victim.read_text(encoding="utf-8") == "mine" and elsewhere.read_text(encoding="utf-8") == "mine too"
    assert "warning: .verlag/site.json: '../notes.txt' is no file under site/; left alone" in result.output
    assert "0 removed" in result.output


def test_a_control_character_in_one_article_leaves_every_feed_well_formed(site_project: Project):
    """XML 1.0 has no character for most C0 controls, not even as a reference: one in a title, a tag, the
    text or a translation made the whole feed of that edition not well-formed, and readers dropped every entry."""
    project = site_project
    project.write("source_de/tee.md", '---\ntitle: "Tee \\x01 heiß"\ndate: 2026-05-26\nsummary: "Kurz \\x0b"\n'
                                      'tags: ["Kr\\x02aut"]\n---\nTee \x0c wärmt.\n\nTee hilft.\n')
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    review(project, "en", "tee", {"Tee hilft.": "Tea \x1b helps."})
    project.run("build")
    for lang, expected in (("de", ["Kaffee", "Tee  heiß"]), ("en", ["Tee  heiß"])):  # en: tee alone is translated
        feed = etree.parse(str(project.root / f"site/{lang}/feed.xml"))  # raises when not well-formed
        titles = feed.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
        assert sorted(titles) == expected, titles
    assert "Tea  helps." in project.read("site/en/feed.xml")


def test_a_site_po_whose_plural_forms_gettext_refuses_costs_only_its_words(site_project: Project):
    """A reviewer's site.po with a Plural-Forms expression Python's gettext refuses ("too complex": nested
    deeper than it compiles) stopped the whole build with an internal error; now it is that file's error at
    the header's line, its language shows verlag's own words, and every page is built."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    path = project.root / "translations/en/site.po"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index('"Plural-Forms:')].count("\n") + 1
    path.write_text(re.sub(r'"Plural-Forms: [^"]*"', '"Plural-Forms: nplurals=2; plural=' + "(" * 60 + "n"
                           + ")" * 60 + ';\\\\n"', text), encoding="utf-8")
    result = project.run("build", code=2)
    assert f"error: translations/en/site.po:{line}: Plural-Forms: plural form expression is too complex" \
        in result.output, result.output
    assert "internal error" not in result.output
    page = project.read("site/en/tee/index.html")
    assert "Tea warms." in page and "Skip to the content" in page
    assert "Zum Inhalt springen" in project.read("site/de/tee/index.html")


def test_code_spans_pair_backtick_runs_of_equal_length_as_commonmark_does():
    from pipeline.markup import code_spans, without_code_spans

    assert code_spans("a `b` c ``d ` e`` f") == [(2, 5), (8, 17)]
    assert without_code_spans("x `a\nb` y ``` z", "`") == "x ` y ``` z"  # a span crosses a line; a lone run is text
    assert without_code_spans("`a``b`", "`") == "`"


@pytest.mark.parametrize("run, size", [("`", 100_000), ("a.", 400_000), ("<!--", 400_000)])
def test_a_msgstr_of_one_long_run_is_checked_and_built(site_project: Project, run: str, size: int):
    """Regexes that were cubic or quadratic in a run a reviewer's msgstr can hold: the double-space and the
    title/alt checks took code spans out with ``(`+).*?\\1`` (cubic in backticks: 6,000 of them took 3 s of
    CPU, 100 KB hours), the punctuation check searched the whole text for a final "z.B." (quadratic in "a.a.":
    50 KB took 17 s, 400 KB would take 1,000), and markup analysis looked for the end of an HTML comment at
    every "<!--" (quadratic: 50 KB of them, 8 s of check, 15 s of review). Run as a user runs it, in a process
    of its own, with a bound far below the old time (and far above the new: well under a second of CPU)."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", 'Tee <abbr title="warm">wärmt</abbr>  gut.\n'))
    project.run("extract")
    review(project, "en", "tee", {'Tee <abbr title="warm">wärmt</abbr>  gut.': run * (size // len(run)) + " x"})
    for command in ("check", "build"):
        done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), command],
                              capture_output=True, text=True, timeout=60)
        assert "Traceback" not in done.stderr and done.returncode in (0, 1), done.stderr[-2000:]


@pytest.mark.parametrize("base", ["https://example.org/blog\nSitemap: https://evil.example/s.xml\n/",
                                  "https://example.org/mein blog/", "https://example.org/\t/"])
def test_a_base_url_with_a_space_or_control_character_is_refused(site_project: Project, base: str):
    """urlsplit drops tabs and line feeds before it reads a URL, so the check passed them, and robots.txt
    (``Sitemap: <base_url>sitemap.xml``) carried a line of the setting's choosing, .htaccess a redirect
    target Apache reads as two arguments."""
    project = site_project
    project.write("verlag.toml", project.read("verlag.toml").replace('"https://example.org/"', json.dumps(base)))
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    result = project.run("build", code=2)
    assert re.search(r"verlag\.toml:\d+: base_url: expected the address of the site's folder", result.output)
    assert not (project.root / "site/robots.txt").exists()


def test_an_article_of_deeply_nested_links_is_extracted_and_checked(site_project: Project):
    """Markup analysis normalised the text of every ``[…]`` as a possible reference label, so nested
    brackets cost the square of their length: "[![" 20,000 times took extract, pretranslate and check 13 s
    each. A label exists only where the document defines one and has at most 999 characters (CommonMark
    6.3). In a process of its own, with a bound far below the old time (60,000: two minutes of extract)."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", "[![" * 60_000 + "Tee" + "](a))" * 60_000 + "\n"))
    for command in ("extract", "check"):
        done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), command],
                              capture_output=True, text=True, timeout=60)
        assert "Traceback" not in done.stderr and done.returncode in (0, 1), done.stderr[-2000:]
    assert (project.root / "translations/en/tee.po").is_file()


def test_a_reference_label_longer_than_999_characters_is_no_label():
    from pipeline.markup import analyse

    long = "X" * 1000  # as normalised: markdown-it's normalizeReference upper-cases
    assert analyse(f"[{long}]", frozenset({long})).shortcuts == []
    assert analyse(f"[{long[1:]}]", frozenset({long[1:]})).shortcuts == [(0, 1001)]


def test_an_article_with_a_table_of_100000_rows_is_extracted(site_project: Project):
    """Segmenting counted each row's cells from the token stream's start (``islice(tokens, i + 1, None)``
    walks the i tokens before), quadratic in rows: 24,000 took 11.6 s, 100,000 would take minutes. In a process
    of its own, with a bound far below the old time."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", "| Sorte |\n|-|\n" + "| Grün |\n" * 100_000))
    done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"],
                          capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'msgid "Grün"' in project.read("translations/en/tee.po")


@pytest.mark.parametrize("forged, where", [({"slug": "../../../outside"}, "slug"),
                                           ({"reviewed_by": {"name": "Dr. X", "url": "javascript:alert(1)"}}, "href")])
def test_a_forged_sources_cache_says_only_what_a_source_may(site_project: Project, forged: dict, where: str):
    """``.verlag/sources.json`` keeps each source's checked front matter by the hash of its bytes, and an entry
    was taken as it stood: one written by someone else (the file travels with a project folder) gave an
    article the slug ``../../../outside`` (extract and build wrote catalogs and editions outside the project)
    or a ``javascript:`` reviewer address. An entry is now checked as the source's own front matter is."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    path = project.root / ".verlag/sources.json"
    state = json.loads(path.read_text(encoding="utf-8"))
    state["sources"]["source_de/tee.md"][3].update(forged)
    path.write_text(json.dumps(state), encoding="utf-8")
    before = files_beside(project)
    project.run("extract")
    project.run("build")
    assert not files_beside(project) - before
    assert "javascript:" not in project.read("site/de/tee/index.html")
    assert (project.root / "translations/en/tee.po").is_file()


BILLION_LAUGHS = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9))


@pytest.mark.parametrize("front, message", [
    (BILLION_LAUGHS, "front matter holds more than 10,000 values once its YAML aliases (*name) are expanded"),
    (BILLION_LAUGHS + "updated: 2026-13-45\n", "front matter holds more than 10,000 values"),  # read again as text
    ("x: &x [1, *x]\n", "front matter holds more than 10,000 values"),
    ("x: " + "[" * 50_000 + "]" * 50_000 + "\n", "front matter nests lists or mappings too deep to read")])
def test_front_matter_that_expands_without_end_is_an_error_at_its_file(site_project: Project, front: str,
                                                                       message: str):
    """Nine lines of YAML aliases expand to 9**9 values: the sources cache walked them into JSON, and extract
    ran out of time and memory; a list holding itself, or nested 50,000 deep, ended in a RecursionError. Each
    is now that article's error at its front matter; the others are extracted. In a process of its own, with
    a bound far below the old time."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/bombe.md", "---\ntitle: Bombe\ndate: 2026-05-26\n" + front + "---\nText hier.\n")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and f"error: source_de/bombe.md:2: {message}" in done.stderr, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert (project.root / "translations/en/tee.po").is_file()


def test_the_review_report_of_a_long_changed_sentence_is_written(site_project: Project):
    """The review report shows what the author changed as a word diff of ``#| msgid`` against msgid (difflib,
    cubic on long texts, the spaces between words repeated: 2,000 words took four minutes), and the
    previous msgid is the reviewer's file to write. A diff that large shows the old text deleted and the new
    inserted. In a process of its own, with a bound far below the old time."""
    import subprocess
    import sys

    import polib

    project = site_project
    sentence = " ".join(f"Wort{n}" for n in range(2000)) + "."
    project.write("source_de/tee.md", article("Tee", sentence + "\n"))
    project.run("extract")
    path = project.root / "translations/en/tee.po"
    po = polib.pofile(str(path))
    entry = po.find(sentence)
    entry.msgstr, entry.flags = " ".join(f"Word{n}" for n in range(2000)) + ".", ["fuzzy"]
    entry.previous_msgid = " ".join(f"Alt{n}" for n in range(2000)) + " Schluss."
    po.save()
    done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "review"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "Schluss." in project.read("review/en/tee.html")


def test_the_link_scan_of_a_catalog_is_linear_in_the_length_of_its_words(site_project: Project):
    """``SitePages.findings`` looks for ``<name>.md`` links in every catalog of a project with a renamed article;
    its regex tried every character of a word as a match's start again (quadratic in each run without a space:
    3 s over the 500 peer-bench catalogs, bench/HISTORY.md). The same 64 KB scanned as 8 words of 8 KB and as
    256 words of 256 bytes: a linear scan takes about as long for both (the quadratic one took a minute)."""
    import time

    from pipeline.config import load_config
    from pipeline.published import SitePages

    pages = SitePages(load_config(site_project.root), {"alt.md": "neu"})

    def cpu(word_length: int) -> float:
        words = b" ".join([b"-|" * (word_length // 2)] * (2 ** 16 // word_length))
        catalog = b'msgid "Siehe [alt](alt.md) ' + words + b'"\nmsgstr ""\n'
        assert pages.findings(catalog) == ([], ["alt"])
        times = []
        for _ in range(5):
            start = time.process_time()
            pages.findings(catalog)
            times.append(time.process_time() - start)
        return min(times)

    assert cpu(2 ** 13) < 3 * cpu(2 ** 8)

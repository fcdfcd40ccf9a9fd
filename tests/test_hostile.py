"""A hostile review's findings, each reproduced as the attacker would meet the product: a guest author's front
matter, a reviewer's catalog, a project folder (with its ``.verlag/`` state) that came from someone else.

Each test names what it guards; every one failed before its fix.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import WALL, Project, article, cpu_bound, least_cpu, msgfmt_check, review

# what every command says of a file of the project that is a symbolic link leading out of it (``fsutil.LeadsOut``)
LEADS_OUT = ("verlag reads and writes the project's files only in its own folders, never through such a link; "
             "remove it, or copy the file into the project in its place")

# A run in a process of its own is bounded by its CPU time (``cpu_bound``), as the quadratic costs these tests guard
# against are CPU; the wall clock (``WALL``) only guards against a hang, so a machine shared with other work cannot
# fail them.


@pytest.fixture
def site_project(project: Project) -> Project:
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nmin_translated = 0\n'
                                                               '[site]\nbase_url = "https://example.org/"\n')
    return project


def files_beside(project: Project) -> set[Path]:
    """The files in the project's parent folder that are neither the project's nor the user cache's
    (``XDG_CACHE_HOME``, the test's stand-in for the home folder)."""
    cache = Path(os.environ["XDG_CACHE_HOME"])
    return {p for p in project.root.parent.rglob("*")
            if p.is_file() and not p.is_relative_to(project.root) and not p.is_relative_to(cache)}


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
    assert f"error: source_de/tee.md:4: aliases: '{alias}' has a '.' or '..' segment, a backslash or a control character" \
        in result.output, result.output
    assert not files_beside(project) - before
    assert "/alt/tee/  /de/tee/  301" in project.read("site/_redirects")  # the other alias still redirects
    assert (project.root / "site/de/kaffee/index.html").is_file()


@pytest.mark.parametrize("alias", ["/ok\\..\\..\\x/", "/alt\\tee/", "/a%5Cb/"])
def test_an_alias_with_a_backslash_is_refused_at_its_line(site_project: Project, alias: str):
    """sec15: a browser reads ``\\`` in an http(s) path as ``/`` (WHATWG URL Standard), so ``/ok\\..\\..\\x/`` is
    asked for as ``/x/``: the redirect page written at ``site/ok\\..\\..\\x/`` never answered (and on Windows the
    backslashes would be ``..`` segments out of site/)."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n", aliases=f"['{alias}', '/alt/tee/']"))
    result = project.run("build", code=2)
    assert f"error: source_de/tee.md:4: aliases: {alias!r} has a '.' or '..' segment, a backslash or a control " \
        "character" in result.output, result.output
    assert not [p for p in (project.root / "site").rglob("*") if "\\" in p.name]


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
    text or a translation made the whole feed of that edition not well-formed, and readers dropped every entry.
    One written in the front matter as a YAML escape is refused at its line (trust round D: it reached the pages,
    which HTML forbids), the other articles built; one in the text or a translation is left out of the feed."""
    project = site_project
    project.write("source_de/tee.md", '---\ntitle: "Tee \\x01 heiß"\ndate: 2026-05-26\nsummary: "Kurz \\x0b"\n'
                                      'tags: ["Kr\\x02aut"]\n---\nTee \x0c wärmt.\n\nTee hilft.\n')
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    result = project.run("extract", code=2)
    assert "error: source_de/tee.md:2: title: U+0001 (a control character" in result.output, result.output
    project.run("build", code=2)
    assert "Kaffee weckt." in project.read("site/de/kaffee/index.html")
    assert not any("\x01" in path.read_text(encoding="utf-8") for path in (project.root / "site").rglob("*.html"))
    project.write("source_de/tee.md", project.read("source_de/tee.md").replace('"Tee \\x01 heiß"', "Tee heiß")
                  .replace('"Kurz \\x0b"', "Kurz").replace('"Kr\\x02aut"', "Kraut"))
    project.run("extract")
    review(project, "en", "tee", {"Tee hilft.": "Tea \x1b helps.", ("title", "Tee heiß"): "Hot tea"})
    assert "U+001B ESC the German lacks" in project.run("check", code=1).output  # (trial 28) held back: German
    project.run("build")
    for lang, expected in (("de", ["Kaffee", "Tee heiß"]), ("en", ["Hot tea"])):  # en: tee alone is translated
        feed = etree.parse(str(project.root / f"site/{lang}/feed.xml"))  # raises when not well-formed
        titles = feed.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
        assert sorted(titles) == expected, titles
    assert "\x1b" not in project.read("site/en/feed.xml") and "Tee hilft." in project.read("site/en/tee/index.html")


@pytest.mark.parametrize("written, line, key, code", [
    ('title: "Tee \\0"', 2, "title", "U+0000 (a control character"),
    ('title: Tee\nsummary: "Heiß \\x85 und süß"', 3, "summary", "U+0085 (a control character"),
    ('title: Tee\ntags:\n  - Kraut\n  - "Ku\\ud800"', 5, "tags", "U+D800 (half of a surrogate pair"),
])
def test_a_control_character_written_as_a_yaml_escape_is_refused_at_its_line(site_project: Project, written: str,
                                                                             line: int, key: str, code: str):
    """Trust round D: a double-quoted YAML escape writes a character YAML refuses raw; a control character so
    written reached the pages (HTML forbids it), a lone surrogate failed the article with "UnicodeEncodeError …
    while segmenting", at no line. Each is the article's error at the line of the value that holds it (exit 2),
    no page holds it, and the other articles are built."""
    project = site_project
    project.write("source_de/tee.md", f"---\n{written}\ndate: 2026-05-26\n---\nTee wärmt.\n")
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    result = project.run("build", code=2)
    assert f"error: source_de/tee.md:{line}: {key}: {code}, written as a YAML escape such as \\x01, \\0 or " \
           "\\u0001) is no character a page or feed may hold (HTML and XML forbid it); remove it\n" in result.output, \
        result.output
    assert "Traceback" not in result.output and "UnicodeEncodeError" not in result.output
    assert "Kaffee weckt." in project.read("site/de/kaffee/index.html")
    assert not (project.root / "site/de/tee").exists()


def _reviewed_tea_with_plural_forms(project: Project, expression: str) -> int:
    """A reviewed English article "Tee" whose ``site.po`` says ``plural=expression``; the header's line."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    path = project.root / "translations/en/site.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"Plural-Forms: [^"]*"', f'"Plural-Forms: nplurals=2; plural={expression};\\\\n"', text),
                    encoding="utf-8")
    return text[:text.index('"Plural-Forms:')].count("\n") + 1


def test_a_site_po_whose_plural_forms_gettext_refuses_costs_only_its_words(site_project: Project):
    """A reviewer's site.po with a Plural-Forms expression Python's gettext refuses ("too complex": nested
    deeper than it compiles) stopped the whole build with an internal error; now it is that file's error at
    the header's line, its language shows verlag's own words, and every page is built."""
    project = site_project
    line = _reviewed_tea_with_plural_forms(project, "(" * 60 + "n" + ")" * 60)
    result = project.run("build", code=2)
    assert f"error: translations/en/site.po:{line}: Plural-Forms: plural form expression is too complex" \
        in result.output, result.output
    assert "internal error" not in result.output
    page = project.read("site/en/tee/index.html")
    assert "Tea warms." in page and "Skip to the content" in page
    assert "Zum Inhalt springen" in project.read("site/de/tee/index.html")


@pytest.mark.parametrize("expression, problem", [("(" * 60 + "n" + ")" * 60, "plural form expression is too complex"),
                                                 ("(n-1)/(n-1)", "the plural expression divides by zero for n = 1")])
def test_check_and_status_name_a_site_po_whose_plural_forms_gettext_refuses(site_project: Project, expression: str,
                                                                           problem: str):
    """Trust round D: a site.po whose Plural-Forms gettext refuses (the build shows verlag's own words for the
    language and names it) passed check and status without a word. Each names it at the header's line, an error
    as a catalog's (check: exit 1), with the build's words for what is wrong."""
    project = site_project
    line = _reviewed_tea_with_plural_forms(project, expression)
    said = f"error: translations/en/site.po:{line}: Plural-Forms: {problem}; the pages show verlag's own words"
    result = project.run("check", code=1)
    assert said in result.output, result.output
    assert said in project.run("status").output
    assert f"error: translations/en/site.po:{line}: Plural-Forms: {problem}" in project.run("build", code=2).output


@pytest.mark.parametrize("expression", ["(n-1)/(n-1)", "n%(n-1)", "n/(n-1000)"])
def test_a_site_po_whose_plural_forms_divides_by_zero_costs_only_its_words(site_project: Project, expression: str):
    """A Plural-Forms expression gettext reads but that divides by zero for some n (``(n-1)/(n-1)`` at n = 1)
    stopped ``extract`` (which maps the old forms onto the language's own) with "internal error:
    ZeroDivisionError", and the build wherever a page counted that n. Now the build names the header's line,
    its language shows verlag's own words, every page is built, and ``extract`` writes the language's header."""
    project = site_project
    line = _reviewed_tea_with_plural_forms(project, expression)
    result = project.run("build", code=2)
    assert f"error: translations/en/site.po:{line}: Plural-Forms: " in result.output, result.output
    assert "internal error" not in result.output
    page = project.read("site/en/tee/index.html")
    assert "Tea warms." in page and "Skip to the content" in page
    result = project.run("extract")
    assert "internal error" not in result.output
    assert "plural=(n != 1);" in project.read("translations/en/site.po")
    msgfmt_check(project.root / "translations/en/site.po")


@pytest.mark.parametrize("image", ["bilder/a\\u0000b.png", "\\u0000"])
def test_a_site_image_with_a_nul_is_the_image_error_at_its_line(site_project: Project, image: str):
    """Hostile round 16: a cloned verlag.toml's ``[site] image = "a\\u0000b.png"`` stopped check and build with
    "internal error: ValueError: embedded null byte" (os.stat refuses a NUL); it is that setting's error at its
    line, the site left as the last build made it."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    page = project.read("site/de/tee/index.html")
    project.write("verlag.toml", project.read("verlag.toml").replace("[site]\n", f'[site]\nimage = "{image}"\n'))
    for command in ("check", "build"):
        result = project.run(command, code=2)
        assert re.search(r"verlag\.toml:\d+: image: expected the path of an image file in source_de/, .* "
                         r"got '.*\\x00", result.output), (command, result.output)
        assert "internal error" not in result.output
    assert project.read("site/de/tee/index.html") == page


@pytest.mark.parametrize("count", ["2000000000", "9" * 5000])
def test_a_site_po_naming_more_plural_forms_than_any_language_costs_only_its_words(site_project: Project, count: str):
    """Hostile round 16: an outside translator's site.po saying ``nplurals=2000000000`` made check, status and
    build list that many forms of each plural message (minutes of CPU and gigabytes, then killed); 5,000 digits
    stopped them with an internal error. It is the file's error at the header's line in each; the build shows
    verlag's own words for the language and builds every page. In processes of their own, bounded in CPU time
    and memory, far below the old cost."""
    import resource
    import subprocess
    import sys

    def bounded():
        cpu_bound(60)()
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    project = site_project
    line = _reviewed_tea_with_plural_forms(project, "(n != 1)")
    path = project.root / "translations/en/site.po"
    path.write_text(path.read_text(encoding="utf-8").replace("nplurals=2;", f"nplurals={count};"), encoding="utf-8")
    for command, code in (("check", 1), ("status", 0), ("build", 2)):
        done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), command], capture_output=True,
                              text=True, timeout=WALL, preexec_fn=bounded)
        said = done.stdout + done.stderr  # check's findings are its output
        assert (done.returncode, "Traceback" in said) == (code, False), (command, said[-2000:])
        assert f"error: translations/en/site.po:{line}: Plural-Forms: nplurals={count[:12]}" in said, \
            (command, said[-2000:])
        assert "names more forms than any language has (6 at most" in said
    page = project.read("site/en/tee/index.html")
    assert "Tea warms." in page and "Skip to the content" in page


def test_a_plural_expression_that_divides_by_zero_only_for_a_large_count_shows_the_english_words(site_project: Project):
    """An expression dividing by zero only beyond the counts tried (``n/(20000-n)``) passes ``load_translations``;
    a page counting 20,000 articles then raised ZeroDivisionError in the template. That count shows the English
    words; every other count the translation's."""
    from pipeline.config import load_config
    from pipeline.uistrings import load_translations

    project = site_project
    project.run("extract")
    path = project.root / "translations/fr/site.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"Plural-Forms: [^"]*"', '"Plural-Forms: nplurals=2; plural=n/(20000-n);\\\\n"', text)
                    .replace('msgstr[0] "%(count)s article"', 'msgstr[0] "%(count)s Artikel"'), encoding="utf-8")
    words = load_translations(load_config(project.root), "fr")
    assert words.ngettext("%(count)s article", "%(count)s articles", 20000) == "%(count)s articles"
    assert words.ngettext("%(count)s article", "%(count)s articles", 3) == "%(count)s Artikel"


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
                              capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
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


@pytest.mark.parametrize("base", ["https://praxis:geheim@example.org/", "https://deploy@example.org/blog/",
                                  "https://example.org@evil.example/"])
def test_a_base_url_with_a_user_name_or_password_is_refused_and_published_nowhere(site_project: Project, base: str):
    """Hostile round 16: a base_url with a user name or password (copied from a staging server's address, or a
    cloned verlag.toml whose host after the '@' is another's) was taken as it was: every page's canonical and
    hreflang links, the feeds, the sitemap and robots.txt printed the password for every reader and crawler."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    before = {p: p.read_bytes() for p in (project.root / "site").rglob("*") if p.is_file()}
    project.write("verlag.toml", project.read("verlag.toml").replace('"https://example.org/"', json.dumps(base)))
    result = project.run("build", code=2)
    assert re.search(r"verlag\.toml:\d+: base_url: expected the address of the site's folder, http\(s\) with a "
                     r"host, no user name or password", result.output), result.output
    after = {p: p.read_bytes() for p in (project.root / "site").rglob("*") if p.is_file()}
    assert after == before  # the site as the last build left it
    assert not any(b"@example.org" in data or b"evil.example" in data for data in after.values())


def test_deeply_nested_links_are_checked_in_a_msgstr_and_refused_at_their_line_in_an_article(site_project: Project):
    """Markup analysis normalised the text of every ``[…]`` as a possible reference label, so nested
    brackets cost the square of their length: "[![" 20,000 times took extract, pretranslate and check 13 s
    each. A label exists only where the document defines one and has at most 999 characters (CommonMark
    6.3). markdown-it itself is quadratic in them too, so an article block of more than 10,000 ``[`` is an
    error at its line, and a msgstr of them is checked (parse-limit). In a process of its own, with a bound
    far below the old time (60,000: two minutes of extract)."""
    import subprocess
    import sys

    project = site_project
    nested = "[![" * 60_000 + "Tee" + "](a))" * 60_000
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "en", "tee", {"Tee wärmt.": nested})
    done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "check"],
                          capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr[-2000:]
    assert "120,000 '[' in one block" in done.stdout + done.stderr
    project.write("source_de/tee.md", article("Tee", nested + "\n"))
    done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"],
                          capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert done.returncode == 2 and "error: source_de/tee.md:5: 120,000 '[' in one block" in done.stderr, \
        done.stderr[-2000:]
    assert "Traceback" not in done.stderr


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
                          capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(90))
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
    (BILLION_LAUGHS, "8: a4: front matter holds more than 10,000 values once its YAML aliases (*name) are expanded"),
    (BILLION_LAUGHS + "updated: 2026-13-45\n", "8: a4: front matter holds more than 10,000 values"),  # read as text
    ("x: &x [1, *x]\n", "4: x: front matter holds more than 10,000 values once its YAML aliases"),
    ("tags: [" + ", ".join(f"T{n}" for n in range(20_000)) + "]\n", "4: tags: front matter holds more than 10,000 "
     "values, the most verlag reads (no page lists so many): shorten it"),
    ("x: " + "[" * 50_000 + "]" * 50_000 + "\n", "2: front matter nests lists or mappings too deep to read")])
def test_front_matter_that_expands_without_end_is_an_error_at_its_file(site_project: Project, front: str,
                                                                       message: str):
    """Nine lines of YAML aliases expand to 9**9 values: the sources cache walked them into JSON, and extract
    ran out of time and memory; a list holding itself, or nested 50,000 deep, ended in a RecursionError. Each
    is now that article's error at its front matter; the others are extracted. In a process of its own, with
    a bound far below the old time. Named at the key whose value passes the limit, and said to be aliases only
    where there are some: 20,000 tags written out were 'aliases expanded', 'tags: &t [Tee, *t]' named at line 2."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/bombe.md", "---\ntitle: Bombe\ndate: 2026-05-26\n" + front + "---\nText hier.\n")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    done = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"],
                          capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert done.returncode == 2 and f"error: source_de/bombe.md:{message}" in done.stderr, done.stderr[-2000:]
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
                          capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "Schluss." in project.read("review/en/tee.html")


GUEST_POST = article("Gast", """
    Ein Text über Tee.

    <script src="https://zaehler.example.com/t.js"></script>

    <iframe src="https://video.example.net/embed/abc" width="560"></iframe>

    Noch ein <img src="https://bilder.example.net/p.gif" onerror="alert(1)"> Satz.

    <div style="background: url(//fonts.example.com/bg.png)">Hinweis</div>

    Eigene <img src="https://example.org/media/a.png" alt="a"> und [fremde](https://example.com/) Adressen.

    Ein Foto ![Beet](https://fotos.example.net/beet.jpg) und ![Eigenes](https://example.org/media/b.png).
    """)


def test_check_names_german_html_that_runs_code_or_loads_from_another_host_at_its_line(site_project: Project):
    """The German original's raw HTML is published as written, in every edition: a guest author's or an imported
    post's ``<script src>``, ``<iframe>`` or image from another host ran and loaded in every reader's browser
    without their consent (for a practice also a GDPR matter), and nothing said so. A link to another host and
    an image on the site's own host load nothing by themselves and are not named."""
    project = site_project
    project.write("source_de/gast.md", GUEST_POST)
    output = project.run("check").output
    found = [line for line in output.splitlines() if "[active-html]" in line]
    assert [line.split(": the page")[0] for line in found] == [
        "warning: source_de/gast.md:7", "warning: source_de/gast.md:9", "warning: source_de/gast.md:11",
        "warning: source_de/gast.md:13", "warning: source_de/gast.md:17"], output
    assert "<script> from zaehler.example.com;" in found[0] and "<iframe> from video.example.net;" in found[1]
    assert "<img> from bilder.example.net, onerror= on <img>;" in found[2]
    assert "<div> from fonts.example.com;" in found[3] and ": image from fotos.example.net;" in found[4]


def test_check_and_build_name_a_link_whose_address_the_page_shows_as_text(site_project: Project):
    """Trial 6: a German article's [Rezept ansehen](javascript:alert(3)) is no link to markdown-it, so the page
    and its search excerpt showed the raw Markdown, and check said nothing. check, extract and build name it at
    its line (an image's data: address and a web address are links, not named)."""
    project = site_project
    project.write("source_de/salbe.md", article("Salbe", """
        Ein Text über Salbe.

        [Rezept ansehen](javascript:alert(3)) und [das Rezept](https://example.com/rezept/).

        ![Tiegel](data:image/png;base64,iVBORw0KGgo=) und [Etikett](VBScript:msg()).
        """))
    lines = project.read("source_de/salbe.md").split("\n")
    found = [line for line in project.run("check").output.splitlines() if "[refused-link]" in line]
    assert [line.split(": the page")[0] for line in found] == [
        f"warning: source_de/salbe.md:{lines.index(line) + 1}" for line in lines if "Script:" in line
        or "javascript:" in line], found
    assert "its address javascript:alert(3) runs code" in found[0] and "its address VBScript:msg()" in found[1]
    said = f"source_de/salbe.md:{found[0].split(':')[2]}: the page shows this link as text, not as a link: its " \
        "address javascript:alert(3)"
    assert said in project.run("extract").output
    assert said in project.run("build").output and said not in project.run("build").output  # once per change


# Addresses written with character references, a backslash escape or mixed case, which CommonMark decodes in a link
# destination (spec 0.31, 6.6) and a browser decodes in an attribute value, dropping a tab or line ending inside an
# address (URL Standard, basic URL parser): markdown-it refuses each as a link, a browser follows each as raw HTML.
ENCODED_SCHEMES = article("Salbe", """
    Ein Text über Salbe.

    Eins [a](&#106;avascript:alert(1)) zwei.

    Drei [b](java&#x73;cript:alert(2)) vier.

    Fünf [c](JaVaScRiPt:alert(3)) und [d](javascript&colon;alert(4)) und [e](javascript\\:alert(5)).

    Sechs [f](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==) sieben.

    Acht [g](vbscript:msgbox(7)) neun.

    Zehn [h](java&#9;script:alert(8)) ist eine Adresse ohne Schema.

    <p><a href="&#x6A;avascript:alert(9)">roh</a></p>

    Inline <a href="java&#x09;script:alert(10)">roh</a> und <a href="JaVa&Tab;&#115;cript:alert(11)">roh</a>.
    """)


def test_check_names_a_refused_address_however_its_scheme_is_encoded_at_its_own_line(site_project: Project):
    """``[a](&#106;avascript:alert(1))``: markdown-it decodes the reference and refuses the link, but check looked for
    the scheme as written, so it named none of an article's encoded addresses, or named them all at the line of the
    first plain one; raw HTML's ``<a href="&#x6A;avascript:…">``, which a browser follows, passed unnamed."""
    project = site_project
    project.write("source_de/salbe.md", ENCODED_SCHEMES)
    lines = project.read("source_de/salbe.md").split("\n")
    at = {word: lines.index(next(line for line in lines if line.startswith(word))) + 1
          for word in ("Eins", "Drei", "Fünf", "Sechs", "Acht", "<p>", "Inline")}
    output = project.run("check").output
    refused = [line.split(": the page")[0] + line.split("its address")[1].split(" runs")[0]
               for line in output.splitlines() if "[refused-link]" in line]
    assert refused == [f"warning: source_de/salbe.md:{at['Eins']} &#106;avascript:alert(1) (javascript:alert(1) "
                       "once decoded)",
                       f"warning: source_de/salbe.md:{at['Drei']} java&#x73;cript:alert(2) (javascript:alert(2) "
                       "once decoded)",
                       f"warning: source_de/salbe.md:{at['Fünf']} JaVaScRiPt:alert(3)",
                       f"warning: source_de/salbe.md:{at['Fünf']} javascript&colon;alert(4) (javascript:alert(4) "
                       "once decoded)",
                       f"warning: source_de/salbe.md:{at['Fünf']} javascript\\:alert(5) (javascript:alert(5) "
                       "once decoded)",
                       f"warning: source_de/salbe.md:{at['Sechs']} data:text/html;base64,"
                       "PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==",
                       f"warning: source_de/salbe.md:{at['Acht']} vbscript:msgbox(7)"], output
    active = [line.split(" verlag publishes")[0] for line in output.splitlines() if "[active-html]" in line]
    assert active == [f"warning: source_de/salbe.md:{at[word]}: the page runs code or loads from another host: a "
                      "javascript: address on <a>;" for word in ("<p>", "Inline")], output
    spaced = ENCODED_SCHEMES.replace("Inline <a href=\"java&#x09;script:", "Inline <a href=\" java script:")
    project.write("source_de/salbe.md", spaced)  # a space inside: no scheme (URL Standard), a relative address
    assert [line.split(": the page")[0] for line in project.run("check").output.splitlines()
            if "[active-html]" in line] == [f"warning: source_de/salbe.md:{at[word]}" for word in ("<p>", "Inline")]
    project.write("source_de/salbe.md", spaced.replace("JaVa&Tab;&#115;cript:alert(11)", "about:blank"))
    assert [line.split(": the page")[0] for line in project.run("check").output.splitlines()
            if "[active-html]" in line] == [f"warning: source_de/salbe.md:{at['<p>']}"]
    alone = ENCODED_SCHEMES.split("Drei")[0] + "Ende.\n"  # no plain scheme anywhere in the article
    project.write("source_de/salbe.md", alone)
    assert f"source_de/salbe.md:{at['Eins']}: the page shows this link as text" in project.run("check").output


def test_german_html_clean_publishes_no_script_embed_handler_or_third_party_image_in_any_edition(
        site_project: Project):
    """``[site] german_html = "clean"``: the German original's raw HTML goes through nh3 as a translation's does,
    so the guest post's script, video embed, event handler and images from other hosts reach no page or feed of
    any edition, while the author's own markup (a class, a table's alignment, an image on the site's host)
    stays; ``check`` says it leaves each such element out. Unknown values are an error at their line."""
    import html5lib

    project = site_project
    project.write("verlag.toml", project.read("verlag.toml") + 'german_html = "clean"\n')
    project.write("source_de/gast.md", GUEST_POST + '\n<div class="hinweis">Bitte lesen.</div>\n')
    found = [line for line in project.run("check").output.splitlines() if "[active-html]" in line]
    assert found[1] == ("warning: source_de/gast.md:9: the page runs code or loads from another host: <iframe> from "
                        'video.example.net; [site] german_html = "clean" leaves it out of every edition [active-html]')
    assert len(found) == 5 and not any("publishes it as written" in line for line in found)
    project.run("extract")
    review(project, "en", "gast", {("title", "Gast"): "Guest", "Ein Text über Tee.": "A text about tea."})
    project.run("build")
    for page in ("site/de/gast/index.html", "site/en/gast/index.html", "site/de/feed.xml", "site/en/feed.xml"):
        text = project.read(page).replace('<script src="/static/chooser.js" defer>', "")  # the theme's own, kept
        for trace in ("zaehler.example.com", "video.example.net", "bilder.example.net", "fonts.example.com",
                      "fotos.example.net",
                      "onerror", "<script src", "<iframe"):
            assert trace not in text, (page, trace)
    for lang in ("de", "en"):
        doc = html5lib.parse(project.read(f"site/{lang}/gast/index.html"), treebuilder="lxml",
                             namespaceHTMLElements=False)
        assert doc.xpath('//div[@class="hinweis"]/text()') == ["Bitte lesen."], lang
        assert doc.xpath('//img/@src') == ["https://example.org/media/a.png", "https://example.org/media/b.png"], lang
        assert [s.get("type") for s in doc.xpath("//article//script")] == [], lang
    project.write("verlag.toml", project.read("verlag.toml").replace('"clean"', '"sauber"'))
    result = project.run("build", code=2)
    assert re.search(r'verlag\.toml:\d+: german_html: expected "keep" .* or "clean"', result.output)


def test_german_html_clean_names_the_iframe_srcdoc_it_leaves_out_in_extract_and_build(site_project: Project):
    """nh3 takes an ``<iframe srcdoc=…>`` (a page written into the attribute) out of every edition with
    ``german_html = "clean"``; only ``check`` said so: ``extract`` and ``build``, which report the links a page shows
    as text, said nothing, and the author's box was gone from the site without a word. With "keep" the page
    publishes it, and neither warns."""
    project = site_project
    project.write("source_de/rahmen.md", article("Rahmen", """
        Ein Satz davor.

        <iframe srcdoc="<p>Unsere Sprechzeiten: Mo bis Fr</p>" title="Sprechzeiten"></iframe>

        Ein Satz danach.
        """))
    line = project.read("source_de/rahmen.md").splitlines().index(
        '<iframe srcdoc="<p>Unsere Sprechzeiten: Mo bis Fr</p>" title="Sprechzeiten"></iframe>') + 1
    said = (f'source_de/rahmen.md:{line}: the page runs code or loads from another host: <iframe>; [site] '
            'german_html = "clean" leaves it out of every edition')
    assert "leaves it out" not in project.run("extract").output
    assert "leaves it out" not in project.run("build").output
    assert "srcdoc" in project.read("site/de/rahmen/index.html")
    project.write("verlag.toml", project.read("verlag.toml") + 'german_html = "clean"\n')
    project.write("source_de/rahmen.md", project.read("source_de/rahmen.md").replace("davor", "zuvor"))
    for command in ("extract", "build"):
        assert f"warning: {said}" in project.run(command).output, command
    assert "srcdoc" not in project.read("site/de/rahmen/index.html")
    assert f"warning: {said} [active-html]" in project.run("check").output

def test_import_says_which_raw_html_it_brought_in_runs_code_or_loads_from_another_host(project: Project,
                                                                                      tmp_path_factory):
    """A Hugo or Jekyll post keeps its raw HTML as written: a tracker's script or an image with an ``onerror``
    came into source_de/ with nothing in import's summary, and would be published in every edition. An embedded
    page (``<iframe>``) becomes a link to it, said at its line (test_import_embeds)."""
    folder = tmp_path_factory.mktemp("alt")
    (folder / "gast.md").write_text(GUEST_POST.replace("title: Gast", "title: Gastbeitrag"), encoding="utf-8")
    output = project.run("import", str(folder / "gast.md")).output
    written = project.read("source_de/gastbeitrag.md").splitlines()
    found = re.findall(r"  gastbeitrag\.md:(\d+) runs code or loads from another host: (.*)", output)
    assert [(written[int(line) - 1][:7], what) for line, what in found] == [
        ("<script", "<script> from zaehler.example.com"),
        ("Noch ei", "<img> from bilder.example.net, onerror= on <img>"), ("<div st", "<div> from fonts.example.com"),
        ("Eigene ", "<img> from example.org"), ("Ein Fot", "image from fotos.example.net, image from example.org")], output
    linked = re.findall(r"  gastbeitrag\.md:(\d+): embedded page kept as a link: https://video.example.net/embed/abc ",
                        output)
    assert [written[int(line) - 1] for line in linked] == ["<https://video.example.net/embed/abc>"], output


def test_a_block_of_300000_brackets_is_refused_at_its_line_and_the_rest_is_built(site_project: Project):
    """markdown-it's link rule looks for a label's end from every ``[``: 100 KB of them took build 8.6 s, 300 KB
    about a minute, and a reviewer's msgstr is parsed by every build. A German block of more than 10,000 is that
    article's error at its line; a msgstr of them is a check error (parse-limit, not waivable), so the QA gate
    shows the German there. In a process of its own, with a bound far below the old time."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nTee hilft.\n"))
    project.write("source_de/klammer.md", article("Klammer", "Erster Absatz.\n\nText " + "[" * 300_000 + " Ende.\n"))
    project.run("extract", code=2)
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms.",
                                  "Tee hilft.": "Tea " + "[" * 300_000 + " helps."}, silence=("brackets",))
    line = project.read("translations/en/tee.po").split("\n").index('msgid "Tee hilft."') + 1
    runs = {}
    for command in ("check", "build"):
        runs[command] = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), command],
                                       capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(20))
        assert "Traceback" not in runs[command].stderr, runs[command].stderr[-2000:]
    check = runs["check"].stdout + runs["check"].stderr
    assert f"error: translations/en/tee.po:{line}: 300,000 '[' in one block" in check and "[parse-limit]" in check
    build = runs["build"].stderr
    assert "error: source_de/klammer.md:7: 300,000 '[' in one block: markdown-it reads at most 10,000" in build, build
    assert runs["build"].returncode == 2
    page = project.read("site/en/tee/index.html")
    assert "Tea warms." in page and "Tee hilft." in page and "[[[" not in page


def test_serve_answers_only_requests_to_a_local_name_and_never_follows_a_symlink_out_of_site(site_project: Project,
                                                                                             tmp_path_factory):
    """``verlag serve`` answered any ``Host``: a web page the author opens can point its own name at 127.0.0.1
    (DNS rebinding) and read the preview; and it followed symlinks, so a project folder that came with
    ``site/de/notiz.txt`` -> a file elsewhere served that file. Now the first is refused (403), the second is
    missing (404); the author's own requests are answered as before."""
    import http.client
    import threading

    from pipeline.serve import make_server

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    secret = tmp_path_factory.mktemp("elsewhere") / "geheim.txt"
    secret.write_text("geheim", encoding="utf-8")
    (project.root / "site/de/notiz.txt").symlink_to(secret)
    server = make_server(project.root / "site", 0, "/", ("de", "en"))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def get(path: str, host: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=WALL)
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        answer = response.status, response.read().decode("utf-8", "replace")
        connection.close()
        return answer

    port = server.server_port
    try:
        own = [get("/de/tee/", f"{name}:{port}")[0] for name in ("127.0.0.1", "localhost", "[::1]")]
        rebound = get("/de/tee/", f"evil.example:{port}")
        linked = get("/de/notiz.txt", f"127.0.0.1:{port}")
    finally:
        server.shutdown()
        server.server_close()
    assert own == [200, 200, 200]
    assert rebound[0] == 403 and "Tee wärmt" not in rebound[1]
    assert linked[0] == 404 and "geheim" not in linked[1]


def test_compiled_templates_planted_in_verlag_jinja_are_never_run(site_project: Project, tmp_path_factory,
                                                                   monkeypatch):
    """Jinja's bytecode cache (``.verlag/jinja/``) holds marshalled Python code, found by a key anyone can
    compute: verlag's code digest, Jinja's version, the template's name and path, and the checksum of its
    source, all public. A project folder that came with a crafted cache file ran its code on the next build.
    The key now holds a secret of the user's own (outside the project), so a planted file is never found."""
    import marshal
    import os
    import pickle

    import jinja2
    from jinja2.bccache import bc_magic

    from pipeline import site
    from pipeline.config import Config
    from pipeline.uistrings import theme_dirs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    marker = project.root.parent / "ran.txt"
    payload = compile(f"open({str(marker)!r}, 'w').write('code from .verlag/jinja ran')", "<planted>", "exec")
    store = project.root / ".verlag/jinja"
    store.mkdir(parents=True)
    attacker = jinja2.FileSystemBytecodeCache(str(store))
    for folder in theme_dirs(Config(project.root)):
        for path in Path(folder).rglob("*.*ml"):
            name = path.relative_to(folder).as_posix()
            key = attacker.get_cache_key(f"{site.code_digest()}|jinja2 {jinja2.__version__}|{name}",
                                         os.path.normpath(path))
            checksum = attacker.get_source_checksum(path.read_text(encoding="utf-8"))
            (store / (attacker.pattern % key)).write_bytes(bc_magic + pickle.dumps(checksum, 2)
                                                           + marshal.dumps(payload))
    from cli import main

    result = project.runner.invoke(main, ["-C", str(project.root), "build"])
    assert not marker.exists(), result.output
    assert result.exit_code == 0, result.output
    assert "Tee wärmt." in project.read("site/de/tee/index.html")


def test_import_names_the_scripts_and_embeds_of_a_wordpress_post_it_leaves_out(project: Project, tmp_path_factory):
    """Markdown carries no script or embed: a WordPress post's tracker script vanished unsaid, and its video
    ``<iframe>`` left only its fallback text ("Ihr Browser zeigt keine Videos"), which no reader ever saw. An
    inline script has no address to link instead; the player becomes a link to what it played."""
    export = tmp_path_factory.mktemp("wp") / "export.xml"
    export.write_text('''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Blog</title><link>https://blog.example/</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Tee im Winter</title><link>https://blog.example/tee/</link><dc:creator>anna</dc:creator>
<wp:post_date>2026-01-02 10:00:00</wp:post_date><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><wp:post_name>tee-winter</wp:post_name>
<content:encoded><![CDATA[<p>Tee wärmt im Winter.</p>
<script src="https://zaehler.example.com/t.js"></script>
<script>var besuche = 1;</script>
<p>Das Video: <iframe src="https://video.example.net/embed/abc">Ihr Browser zeigt keine Videos</iframe> zeigt es.</p>
]]></content:encoded></item>
</channel></rss>
''', encoding="utf-8")
    output = project.run("import", str(export)).output
    assert "  left out: <script> from zaehler.example.com (Markdown carries no script, embed or form)" in output
    assert re.search(r"\n  tee-winter\.md:\d+: embedded page kept as a link: https://video.example.net/embed/abc "
                     r"\(an <iframe> from video.example.net", output)
    assert "  left out: an inline script (tracking or counter code?): Markdown carries no script\n" in output
    assert output.count("add a link to it if it belongs") == 1
    text = project.read("source_de/tee-winter.md")
    assert "Das Video: <https://video.example.net/embed/abc> zeigt es." in text, text
    assert "Ihr Browser" not in text


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
        assert pages.findings(catalog) == ([], ["alt"], [])
        times = []
        for _ in range(5):
            start = time.process_time()
            pages.findings(catalog)
            times.append(time.process_time() - start)
        return min(times)

    assert cpu(2 ** 13) < 3 * cpu(2 ** 8)


def test_german_html_clean_keeps_the_practices_own_video_audio_table_footer_and_open_details(site_project: Project):
    """``[site] german_html = "clean"`` is for other hosts' scripts and embeds, yet it also took the practice's own
    ``<video>`` and ``<audio>`` (files on its own host, which ``active-html`` never names) out of every page,
    leaving only their fallback text, dropped a table's ``<tfoot>`` and closed an open ``<details>``. A poster
    image from another host is still left out, as an ``<img>`` from there is."""
    import html5lib

    project = site_project
    project.write("verlag.toml", project.read("verlag.toml") + 'german_html = "clean"\n')
    project.write("source_de/kurs.md", article("Kurs", """
        Ein Text über den Kurs.

        <video controls width="640" poster="https://fremd.example.net/p.jpg"><source src="/media/kurs.mp4" type="video/mp4"><track kind="captions" src="/media/kurs.vtt" srclang="de" label="Deutsch">Ihr Browser zeigt keine Videos.</video>

        <audio controls src="https://example.org/media/atem.mp3">Ihr Browser spielt keine Töne.</audio>

        <details open><summary>Mehr</summary>Offen.</details>

        <table><tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>Summe</td></tr></tfoot></table>
        """))
    project.run("extract")
    project.run("build")
    doc = html5lib.parse(project.read("site/de/kurs/index.html"), treebuilder="lxml", namespaceHTMLElements=False)
    assert doc.xpath("//video/@controls") and doc.xpath("//video/source/@src") == ["/media/kurs.mp4"]
    assert doc.xpath("//video/track/@src") == ["/media/kurs.vtt"] and not doc.xpath("//video/@poster")
    assert doc.xpath("//audio/@src") == ["https://example.org/media/atem.mp3"]
    assert doc.xpath("//details/@open") == [""] and doc.xpath("//tfoot//td/text()") == ["Summe"]


def test_tests_keep_the_jinja_cache_secret_out_of_the_users_home(site_project: Project):
    """Every build under test made ``~/.cache/verlag/secret`` in the real home of whoever ran the suite:
    conftest gives each test its own ``XDG_CACHE_HOME``."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    site_project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    site_project.run("build")
    assert (cache / "verlag" / "secret").is_file() and not cache.is_relative_to(Path.home())


def test_build_without_a_home_folder_compiles_its_templates_each_time(site_project: Project, monkeypatch):
    """With neither ``HOME`` nor ``XDG_CACHE_HOME`` set and a user id no passwd line names (a container, some
    CI runners), ``Path.home()`` raises RuntimeError and the build ended in a traceback; it now builds,
    compiling the templates instead of caching them."""
    import pwd

    def unknown(uid):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    site_project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    site_project.run("build")
    assert "Tee wärmt." in site_project.read("site/de/tee/index.html")


def test_a_named_pipe_as_the_jinja_cache_secret_is_replaced_not_waited_on(site_project: Project):
    """The user's secret (``~/.cache/verlag/secret``) was read with a plain ``read_text``: a named pipe there made
    every build of every project wait forever. It is taken for a damaged secret: a new one is made."""
    import signal

    secret = Path(os.environ["XDG_CACHE_HOME"]) / "verlag" / "secret"
    secret.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(secret)
    site_project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))

    class Hung(BaseException):  # not an OSError, which verlag's reading of the secret would take for unreadable
        pass

    def hung(signum, frame):
        raise Hung("build waited on the named pipe")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        site_project.run("build")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert "Tee wärmt." in site_project.read("site/de/tee/index.html")
    assert secret.is_file() and re.fullmatch(r"[0-9a-f]{32,}\n", secret.read_text(encoding="ascii"))


def test_a_source_larger_than_8_mb_is_its_error_and_its_catalogs_and_the_other_articles_stay(site_project: Project):
    """A source was read whole, whatever its size: a 2 GB ``source_de/*.md`` (a log pasted in, a disk image
    renamed) filled the memory and ran for hours (1 MB takes extract 4 s and 85 MB). Over ``limits.SOURCE``
    (8 MB, 250 times the longest of 500 real articles) it is that file's error, read no further; its
    catalogs stay as the reviewer left them, and every other article is extracted and built."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    review(project, "en", "kaffee", {("title", "Kaffee"): "Coffee", "Kaffee weckt.": "Coffee wakes."})
    catalog = project.root / "translations/en/kaffee.po"
    kept = catalog.read_bytes()
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n" + "\n" * (9 << 20)))
    project.write("source_de/milch.md", article("Milch", "Milch nährt.\n"))
    for command in ("extract", "build"):
        result = project.run(command, code=2)
        assert "error: source_de/kaffee.md: 9.0 MB is more than verlag reads of a German source (8.0 MB); split " \
               "it into several articles" in result.output, result.output
    assert catalog.read_bytes() == kept
    assert "Milch nährt." in project.read("site/de/milch/index.html")
    assert (project.root / "translations/en/milch.po").is_file()


def test_a_catalog_larger_than_32_mb_is_its_error_and_the_site_is_built(site_project: Project):
    """A reviewer's catalog was read and parsed whole, whatever its size (polib holds several times a file's
    size in memory). Over ``limits.CATALOG`` (32 MB; a catalog is about 1.7 times its source) check, extract
    and build name it; nothing writes to it, its page shows the German, and the other catalogs are used."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    review(project, "en", "kaffee", {("title", "Kaffee"): "Coffee", "Kaffee weckt.": "Coffee wakes."})
    catalog = project.root / "translations/en/tee.po"
    catalog.write_bytes(b"# " + b"x" * (33 << 20) + b"\n" + catalog.read_bytes())
    kept = catalog.read_bytes()
    message = "error: translations/en/tee.po: 33.0 MB is more than verlag reads of a catalog (32.0 MB)"
    for command, code in (("check", 2), ("extract", 2), ("build", 2)):
        result = project.run(command, code=code)
        assert message in result.output, (command, result.output)
    assert catalog.read_bytes() == kept
    assert "Coffee wakes." in project.read("site/en/kaffee/index.html")


def test_a_catalog_over_the_limit_is_not_read_to_fingerprint_it(site_project: Project):
    """``extract`` and ``build`` read every catalog whole to fingerprint it (``StatRecord``, the editions' and the
    merge's first reads) before ``limits.CATALOG`` was checked: a 2 GB catalog took build 90 s and 8 GB of memory
    to say it is too large. The size is checked by a stat before the first read; here a 400 MB sparse file (no
    disk) is named, read by no command, and the other article is still extracted and built."""
    import resource

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    project.run("build")
    review(project, "en", "kaffee", {("title", "Kaffee"): "Coffee", "Kaffee weckt.": "Coffee wakes."})
    with open(project.root / "translations/en/tee.po", "r+b") as file:
        file.truncate(400 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = "error: translations/en/tee.po: 400.0 MB is more than verlag reads of a catalog (32.0 MB)"
    for command in (["extract", "-j1"], ["build", "-j1"], ["check"]):  # one process: its reads are this one's
        result = project.run(*command, code=2)
        assert message in result.output, (command, result.output)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert "Coffee wakes." in project.read("site/en/kaffee/index.html")


def test_a_media_file_over_100_mb_is_its_article_s_error_and_not_copied_into_site(site_project: Project):
    """A file an article links (``bilder/film.mp4``) was read whole and copied into site/, whatever its size: a 300
    MB one took build 360 MB of memory, and no static host takes it (GitHub refuses a file over 100 MB). Over
    ``limits.MEDIA`` it is an error at the link's line, not read; the other articles are built."""
    import resource

    project = site_project
    (project.root / "source_de/bilder").mkdir(parents=True)
    with open(project.root / "source_de/bilder/film.mp4", "wb") as file:
        file.truncate(300 << 20)
    project.write("source_de/film.md", article("Film", "Hier ist er.\n\nSehen Sie [den Film](bilder/film.mp4).\n"))
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = project.run("build", code=2)
    assert "error: source_de/film.md:7: source_de/bilder/film.mp4: 300.0 MB is more than verlag reads of a file an " \
           "article shows or links (100.0 MB)" in result.output, result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert not (project.root / "site/media/bilder/film.mp4").exists()
    assert "Tee wärmt." in project.read("site/de/tee/index.html")


def test_a_site_config_or_image_to_import_over_its_limit_is_named_and_not_read(project: Project, tmp_path):
    """``verlag import`` read a Jekyll ``_config.yml`` and every image it copies whole: a 300 MB config (here
    sparse) took 670 MB of memory and was then taken for no config at all (permalinks lost without a word). Over
    ``limits.SETTINGS`` (4 MB) the config, over ``limits.MEDIA`` (100 MB) an image, is named and not read."""
    import resource

    site = tmp_path / "jekyll"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts/2023-10-04-tee.md").write_text("---\ntitle: Tee\n---\nEr schmeckt mild.\n", encoding="utf-8")
    with open(site / "_config.yml", "wb") as file:
        file.truncate(300 << 20)
    notes = tmp_path / "notizen"
    notes.mkdir()
    (notes / "kaffee.md").write_text("---\ntitle: Kaffee\n---\nEr weckt.\n\n![Tasse](tasse.jpg)\n", encoding="utf-8")
    with open(notes / "tasse.jpg", "wb") as file:
        file.truncate(300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = project.run("import", str(site), code=2)
    assert f"error: {site / '_config.yml'}: 300.0 MB is more than verlag reads of a site's config file (4.0 MB)" \
        in result.output, result.output
    result = project.run("import", str(notes / "kaffee.md"), code=2)
    assert f"error: {notes / 'tasse.jpg'}: image of {notes / 'kaffee.md'}: 300.0 MB is more than verlag reads of a " \
           "file an article shows or links (100.0 MB)" in result.output, result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert not (project.root / "source_de/bilder/tasse.jpg").exists()


def test_a_saved_page_or_a_post_of_an_export_over_8_mb_is_its_error_and_the_others_are_imported(project: Project,
                                                                                                  tmp_path):
    """A saved page was read up to the import limit (256 MB), and trafilatura and the HTML conversion take about
    5 s and 50 MB of memory per MB of a page: one near that limit ran for tens of minutes. Over ``limits.PAGE``
    (8 MB) a saved page, or one post of a WordPress export, is named (the post at its line) and not parsed; the
    other files and posts are imported at once."""
    import time

    filler = "<p>Ingwer wärmt von innen und hilft bei Erkältungen, sagen viele.</p>\n" * (9 * 2**20 // 70)
    page = tmp_path / "riesig.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Ingwer</title></head>'
                    f"<body><article><h1>Ingwer</h1>{filler}</article></body></html>", encoding="utf-8")
    (tmp_path / "tee.md").write_text(article("Tee", "Tee wärmt.\n"), encoding="utf-8")
    export = tmp_path / "export.xml"
    export.write_text('''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Blog</title><link>https://blog.example/</link><wp:wxr_version>1.2</wp:wxr_version>
''' + "".join(f'''<item><title>{title}</title><link>https://blog.example/{slug}/</link>
<wp:post_date>2026-01-02 10:00:00</wp:post_date><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><wp:post_name>{slug}</wp:post_name>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
''' for title, slug, content in (("Ingwer", "ingwer", filler), ("Kaffee", "kaffee", "<p>Kaffee weckt.</p>")))
                      + "</channel></rss>\n", encoding="utf-8")
    start = time.process_time()
    result = project.run("import", str(tmp_path / "tee.md"), str(page), code=2)
    assert f"error: {page}: 9.3 MB is more than verlag reads of a saved web page or one post of an export or feed " \
           "(8.0 MB)" in result.output, result.output
    assert "Tee wärmt." in project.read("source_de/tee.md")
    result = project.run("import", str(export), code=2)
    assert f"error: {export}:5: 9.3 MB is more than verlag reads of a saved web page" in result.output, result.output
    assert "Kaffee weckt." in project.read("source_de/kaffee.md")
    assert not (project.root / "source_de/ingwer.md").exists()
    assert time.process_time() - start < 20  # parsing the page alone took 45 s and more


def test_a_file_to_import_larger_than_256_mb_is_named_and_read_no_further(project: Project, tmp_path_factory):
    """``verlag import`` and ``verlag tm import`` read a file whole before looking at it: a 300 MB one (here
    a sparse file, which costs no disk) took 300 MB of memory and more to parse. Over ``limits.IMPORTED``
    (256 MB: a whole blog's export is a few MB) it is that file's error, not read; the other files are
    imported."""
    import resource

    folder = tmp_path_factory.mktemp("alt")
    (folder / "tee.md").write_text(article("Tee", "Tee wärmt.\n"), encoding="utf-8")
    for name in ("riesig.html", "riesig.tmx"):
        with open(folder / name, "wb") as file:
            file.truncate(300 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = project.run("import", str(folder / "tee.md"), str(folder / "riesig.html"), code=2)
    assert f"error: {folder / 'riesig.html'}: 300.0 MB is more than verlag reads of a file to import (256.0 MB)" \
        in result.output, result.output
    assert "Tee wärmt." in project.read("source_de/tee.md")
    result = project.run("tm", "import", str(folder / "riesig.tmx"), code=2)
    assert f"error: {folder / 'riesig.tmx'}: 300.0 MB is more than verlag reads" in result.output, result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB


def test_german_html_clean_keeps_the_practices_own_picture_sources_and_times(site_project: Project):
    """``[site] german_html = "clean"`` took ``<picture>`` and ``<source srcset>`` (the practice's own photo in
    WebP and JPEG) and ``<img srcset>`` out, and the ``datetime`` of a ``<time>`` (what a reader's software reads
    as the date). They stay; in a ``srcset`` only the images on the site's own host are kept, as for ``src``."""
    import html5lib

    project = site_project
    project.write("verlag.toml", project.read("verlag.toml") + 'german_html = "clean"\n')
    project.write("source_de/praxis.md", article("Praxis", """
        Die Praxis.

        <picture><source type="image/webp" srcset="/media/praxis.webp 1x, https://example.org/media/praxis-2.webp 2x"><source srcset="https://fremd.example.net/p.jpg 1x, javascript:alert(1) 2x"><img src="/media/praxis.jpg" srcset="/media/praxis-640.jpg 640w, https://fremd.example.net/q.jpg 1280w" sizes="50vw" alt="Die Praxis"></picture>

        Offen ab <time datetime="2026-06-01">Juni</time>.
        """))
    project.run("extract")
    project.run("build")
    doc = html5lib.parse(project.read("site/de/praxis/index.html"), treebuilder="lxml", namespaceHTMLElements=False)
    assert doc.xpath("//picture/source/@srcset") == [
        "/media/praxis.webp 1x, https://example.org/media/praxis-2.webp 2x"]
    assert doc.xpath("//picture/source/@type") == ["image/webp"] and len(doc.xpath("//picture/source")) == 2
    assert doc.xpath("//picture/img/@srcset") == ["/media/praxis-640.jpg 640w"]
    assert doc.xpath("//picture/img/@sizes") == ["50vw"] and doc.xpath("//picture/img/@src") == ["/media/praxis.jpg"]
    assert doc.xpath("//time[text()='Juni']/@datetime") == ["2026-06-01"]
    assert "fremd.example.net" not in project.read("site/de/praxis/index.html")


def test_html_nested_deeper_than_the_parser_reads_is_an_error_not_an_article_without_its_text(
        project: Project, tmp_path_factory):
    """libxml2's HTML parser reads no element nested more than 256 deep, and drops the rest of the document: a
    saved page (or a WordPress post) with 50,000 nested ``<div>`` was imported without the text from there on,
    and nothing said so. Now it is that file's (that post's) error at its line; the other posts are imported."""
    folder = tmp_path_factory.mktemp("alt")
    deep = "<div>" * 50_000 + "<p>Innen.</p>" + "</div>" * 50_000
    page = folder / "tief.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Tief</title></head><body><article><h1>Tief</h1>\n'
                    f"<p>Erster Absatz über die Tiefe der Dinge.</p>\n{deep}\n<p>Letzter Absatz.</p></article></body>"
                    "</html>", encoding="utf-8")
    export = folder / "export.xml"
    items = "".join(f'''<item><title>{title}</title><link>https://blog.example/{slug}/</link>
<wp:post_date>2026-01-02 10:00:00</wp:post_date><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_name>{slug}</wp:post_name><content:encoded><![CDATA[<p>Erster Absatz.</p>{body}<p>Letzter Absatz.</p>]]>
</content:encoded></item>
''' for title, slug, body in (("Tief", "tief-wp", deep), ("Flach", "flach", "<div><p>Mitte.</p></div>")))
    export.write_text(f'''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Blog</title><link>https://blog.example/</link><wp:wxr_version>1.2</wp:wxr_version>
{items}</channel></rss>
''', encoding="utf-8")
    result = project.run("import", str(page), str(export), code=2)
    assert f"error: {page}:3: HTML nested more than 255 elements deep: " in result.output, result.output
    assert f"error: {export}:5: HTML nested more than 255 elements deep: " in result.output, result.output
    assert not (project.root / "source_de/tief.md").exists() and not (project.root / "source_de/tief-wp.md").exists()
    assert "Mitte.\n\nLetzter Absatz." in project.read("source_de/flach.md")


def test_serve_answers_a_request_for_a_path_with_a_nul_byte_with_404_and_no_traceback(site_project: Project, capfd):
    """``GET /de/%00`` (any web page open in the author's browser can send it to the preview) made the handler
    raise ValueError (embedded null byte): no answer, and a Python traceback in the author's terminal for
    each such request. A file name has no NUL, so it is a missing page."""
    import http.client
    import threading

    from pipeline.serve import make_server

    site_project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    site_project.run("build")
    capfd.readouterr()
    server = make_server(site_project.root / "site", 0, "/", ("de", "en"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    answers = []
    try:
        for path in ("/de/%00", "/%00/tee/", "/de/tee/"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=WALL)
            connection.request("GET", path, headers={"Host": f"127.0.0.1:{server.server_port}"})
            answers.append(connection.getresponse().status)
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert answers == [404, 404, 200]
    assert "Traceback" not in capfd.readouterr().err


def test_unfinished_tags_and_comments_in_german_html_cost_linear_time(site_project: Project):
    """Python's HTMLParser (before 3.12.11/3.13.5) reads what is left unfinished at the end of its input again
    from each ``<``, and ``bidi``'s pattern searched an unclosed ``<!--`` to the end from each one: a German HTML
    block of 120 KB of ``<a `` (a tag never closed) took ``check`` and ``build`` minutes, 100 KB of ``<!--`` a
    build 27 s. Both now read such a rest once, as HTML5 does (a comment runs to the end, an unfinished tag is
    dropped). In a process of its own, with a bound far below the old time."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\n<div " + "<a " * 40_000 + "\n\nTee hilft.\n"))
    project.write("source_de/kommentar.md", article("Kommentar", "Ein Satz.\n\n" + "<!--" * 25_000 + "\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt.": "Tea warms."})
    for command in ("check", "build"):
        run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), command],
                             capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
        assert "Traceback" not in run.stderr and run.returncode in (0, 1), run.stderr[-2000:]
    page = project.read("site/en/tee/index.html")
    assert "Tea warms." in page and "Tee hilft." in page
    assert "Ein Satz." in project.read("site/de/kommentar/index.html")


def test_note_syntax_is_found_and_converted_in_linear_time(project: Project, tmp_path):
    """``==`` highlights were searched from each ``==`` to the end of its line (quadratic: a 40 KB line of ``==a ``
    took ``check`` 7 s, a 1 MB one hours) and the code spans of an imported note with the lazy regex
    ``markup.code_spans`` replaced (2,000 backticks on a line: minutes). Check and import of such a note, each in a
    process of its own, with a bound far below the old time; the text around them is converted as before."""
    import subprocess
    import sys

    flood = "==ja " * 40_000
    head = ("Ich ==empfehle== am Abend einen warmen [[Tee]], denn er wärmt den Bauch und hilft beim Einschlafen. "
            "Die Kräuter dafür wachsen im eigenen Garten.\n\n")
    note = tmp_path / "notiz.md"
    note.write_text("---\ntitle: Notiz\ndate: 2026-05-26\n---\n" + head + flood + "\n\nTee " + "`" * 20_000
                    + " ==x==\n", encoding="utf-8")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/flut.md", article("Flut", "Erster Satz.\n\n" + flood + "\n"))
    for command in (["import", str(note)], ["check"]):
        run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), *command],
                             capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
        assert "Traceback" not in run.stderr and run.returncode in (0, 1), run.stderr[-2000:]
    body = project.read("source_de/notiz.md").split("---\n", 2)[2]
    assert body.startswith(head.replace("==empfehle==", "<mark>empfehle</mark>").replace("[[Tee]]", "[Tee](tee.md)")
                           + flood + "\n\n")
    assert body.endswith("Tee " + "`" * 20_000 + " <mark>x</mark>\n")


def test_a_word_of_a_thousand_tausend_is_no_number_and_costs_its_article_nothing(site_project: Project):
    """German number words were read by recursion, one level per ``tausend``/``hundert``: a German word of 1,000
    of them (7 KB) raised RecursionError in the numbers check, and check and build left the whole article out.
    No German cardinal is longer than 65 letters; such a word is no number."""
    project = site_project
    project.write("source_de/zahl.md", article("Zahl", f"Es kamen {'tausend' * 1500} Leute.\n\nTee hilft.\n"))
    project.run("extract")
    review(project, "en", "zahl", {("title", "Zahl"): "Number", f"Es kamen {'tausend' * 1500} Leute.":
                                   "There came 5 people.", "Tee hilft.": "Tea helps."})
    out = project.run("check", code=1).output
    assert "RecursionError" not in out and "numbers differ" in out, out[-2000:]
    out = project.run("build").output
    assert "Tea helps." in project.read("site/en/zahl/index.html"), out[-2000:]


def test_hugo_ref_links_of_an_imported_page_are_rewritten_in_linear_time(project: Project, tmp_path):
    """A ``ref`` shortcode's end (``>}}``) was searched to the end of the line from each ``]({{< ref``: a line
    of 20 KB of unclosed ones took the import 1 s, 240 KB minutes, 1 MB most of an hour. In a process of its
    own, with a bound far below the old time; the closed ``ref`` on the same line still becomes the file."""
    import subprocess
    import sys

    from test_import_sites import tree

    flood = "]({{< ref x " * 20_000
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\n+++\nEr schmeckt mild und wärmt am Abend.\n",
        "content/posts/abend.md": "+++\ntitle = \"Abendroutine\"\n+++\nAm Abend trinke ich gerne einen warmen "
            "[Tee]({{< ref \"tee.md\" >}}), denn er hilft beim Einschlafen. " + flood + "\n"})
    run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "import", str(site)],
                         capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-2000:]
    assert "warmen [Tee](lindenbluetentee.md), denn" in project.read("source_de/abendroutine.md")


@pytest.mark.parametrize("opener", ["{{< ", "{% a ", "{{ a "])
def test_unclosed_template_tags_in_a_source_cost_extract_and_check_linear_time(site_project: Project, opener: str):
    """Each Hugo or Liquid tag was searched for its end up to the end of its paragraph from each opening: a German paragraph of 80 KB of unclosed ``{{<`` took extract and check 25 s each,
    1 MB hours. A tag now ends before the next one of its kind opens (none of them nests). In a process of its
    own, with a bound far below the old time; a closed tag beside them is still named."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\n{{< figure src=x >}} " + opener * 40_000
                                              + "\n"))
    for command in ("extract", "check"):
        run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), command],
                             capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
        assert "Traceback" not in run.stderr and run.returncode in (0, 1), run.stderr[-2000:]
        assert "source_de/tee.md:7: Hugo shortcode {{< figure src=x >}}" in run.stdout + run.stderr


def test_a_time_before_standard_time_in_verlag_toml_s_timezone_is_built_with_an_rfc_3339_offset(site_project: Project):
    """Before 1893 a zone's offset was the local mean time (Berlin's +00:53:28): a front-matter time then in
    ``timezone``'s clock went into the edition record with an offset of seconds, which no date reader (nor RFC 3339
    of feeds and sitemaps) has, and every build said "damaged edition record; run 'verlag build' again" and left
    the article out. Such a time is now kept as UTC; year 1 before UTC is no date, at its line."""
    project = site_project
    project.write("verlag.toml", project.read("verlag.toml").replace('languages =', 'timezone = "Europe/Berlin"\n'
                                                                                     'languages =', 1))
    project.write("source_de/alt.md", "---\ntitle: Alt\ndate: 1850-06-01T10:00:00\n---\nAlter Tee wärmt.\n")
    project.write("source_de/uralt.md", "---\ntitle: Uralt\ndate: 0001-01-01T00:30:00\n---\nUralter Tee.\n")
    out = project.run("build", code=2).output
    assert "error: source_de/uralt.md:3: date:" in out and "damaged" not in out, out[-2000:]
    assert (project.root / "site/de/alt/index.html").is_file()
    feed = etree.fromstring((project.root / "site/de/feed.xml").read_bytes())
    published = feed.xpath("//*[local-name()='published']/text()")
    assert published == ["1850-06-01T09:06:32Z"], published


@pytest.mark.parametrize("flood", [("[ja " * 9_000 + "\n\n") * 8, "[a" + "b" * 100_000,
                                   ("[caption]" * 4_000 + "\n\n") * 10])
def test_a_wordpress_post_of_unclosed_shortcodes_is_imported_in_linear_time(project: Project, tmp_path, flood: str):
    """A shortcode was searched for its ``]`` up to the end of the post from each ``[`` (and its name tried at
    every length: quadratic within one word), a caption for its ``[/caption]`` from each ``[caption]``: a post of
    216 KB of ``[a `` (in blocks of fewer brackets than markdown-it's limit) took the import minutes, 1 MB hours. A shortcode's attributes hold no brackets (WordPress's
    Shortcode API says so) and captions do not nest. In a process of its own, with a bound far below the old time;
    a closed caption before them is still converted."""
    import subprocess
    import sys

    from test_import_old_blog import CARE, LEAD, export, post

    body = (f"<p>{LEAD} {CARE}</p>\n[caption id=\"a\"]<img src=\"https://praxis-am-bach.example/b.jpg\" alt=\"Blüte\">"
            f" Die Blüte.[/caption]\n\n{flood}\n")
    path = export(tmp_path, post("Ringelblumen", body, post_id=7, name="ringelblumen"))
    run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "import", str(path)],
                         capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-2000:]
    assert "Die Blüte." in project.read("source_de/ringelblumen.md")


@pytest.mark.parametrize("alias", ["/", "/de/feed.xml", "/static/style.css", "/sitemap.xml", "/robots.txt",
                                   "/.htaccess", "/pagefind/pagefind.js", "/_redirects/x", "/de/kaffee/index.html/x"])
def test_an_alias_at_a_file_the_site_makes_or_below_one_is_refused_at_its_line(site_project: Project, alias: str):
    """Only the address of a page verlag makes was refused as an old address: ``aliases: ["/"]`` made Apache
    send the home page (``RedirectMatch 301 ^/?$``), ``/de/feed.xml`` or ``/static/style.css`` the feed or
    every page's style sheet to one article, and an address below a file (``/_redirects/x``) failed the build
    with "Not a directory" at no line."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n", aliases=f'["{alias}", "/alt/tee/"]'))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    out = project.run("build", code=2).output
    assert f"error: source_de/tee.md:4: aliases: {alias} is the address of site/" in out \
        or f"error: source_de/tee.md:4: aliases: {alias} lies in site/" in out, out[-3000:]
    assert "Not a directory" not in out and "leaves site/" not in out, out[-3000:]
    assert project.read("site/_redirects") == "/alt/tee/  /de/tee/  301\n"
    assert [line.split()[2] for line in project.read("site/.htaccess").splitlines()
            if line.startswith("RedirectMatch")] == ["^/alt/tee/?$"]
    assert "Kaffee weckt." in project.read("site/de/kaffee/index.html")


def test_a_translation_that_changes_the_30th_digit_of_a_number_is_a_numbers_error(site_project: Project):
    """Numbers were compared as decimals of 28 significant digits: a reviewer who changed the last digits of a
    30-digit number (a reference, a long account number) passed the numbers check."""
    project = site_project
    project.write("source_de/nummer.md", article("Nummer", "Die Nummer 123456789012345678901234567890 gilt.\n"))
    project.run("extract")
    review(project, "en", "nummer", {("title", "Nummer"): "Number", "Die Nummer 123456789012345678901234567890 gilt.":
                                     "The number 123456789012345678901234567899 applies."})
    out = project.run("check", code=1).output
    assert "numbers differ" in out and "123456789012345678901234567899" in out, out[-2000:]


def test_a_bidi_override_in_a_translation_is_an_error_no_flag_waives_and_is_not_published(site_project: Project):
    """U+202E (right-to-left override) shows the characters after it in reverse: "Take ‮12‬ tablets" reads
    "Take 21 tablets" while every check read 12 (the Trojan Source trick, CVE-2021-42574). A translation with an
    override the German lacks is an error no ``ignore-*`` flag waives, and the page keeps the German sentence."""
    project = site_project
    project.write("source_de/dosis.md", article("Dosis", "Nehmen Sie 12 Tabletten.\n\nTrinken Sie Wasser.\n"))
    project.run("extract")
    review(project, "en", "dosis", {("title", "Dosis"): "Dose",
                                    "Nehmen Sie 12 Tabletten.": "Take \u202e12\u202c tablets.",
                                    "Trinken Sie Wasser.": "Drink water."}, silence=("bidi-control",))
    out = project.run("check", code=1).output
    assert "[bidi-control]" in out and "translations/en/dosis.po:" in out, out[-2000:]
    project.run("build")
    page = project.read("site/en/dosis/index.html")
    assert "Drink water." in page and "\u202e" not in page and "Nehmen Sie 12 Tabletten." in page


def test_a_long_run_of_spaces_inside_a_paragraph_line_costs_extract_linear_time(site_project: Project):
    """The hard-break pattern (two spaces at a line's end) was searched from each space of a run that does not
    end its line: a German line with 60 KB of spaces in it took extract 56 s, 1 MB hours. In a process of its own,
    with a bound far below the old time."""
    import subprocess
    import sys

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\nDer Tee" + " " * 120_000 + "hilft.\nEnde.\n"))
    run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"],
                         capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-2000:]
    assert 'msgid "Ende."' in project.read("translations/en/tee.po")


@pytest.mark.parametrize("old", ["/de/feed.xml/x.xml", "/_redirects/x.xml", "/pagefind/pagefind.js", "/pagefind/x/",
                                 "/pagefind", "/.htaccess", "/%2e%2e/%2E%2E/outside.xml", "/a/../../outside.xml",
                                 "/x%2F..%2F..%2Foutside.xml", "/./x.xml", "/a%0Ab.xml", "/a%00b.xml",
                                 "/De/Tee/", "/PAGEFIND/pagefind.js", "/Sitemap.XML"])
def test_a_line_of_redirects_txt_at_a_file_the_site_makes_below_one_or_with_dot_segments_is_refused_at_its_line(
        site_project: Project, old: str):
    """``redirects.txt`` (the author's, or written by an import from the old site's config and static/ folder)
    was checked less than an article's ``aliases``: an old address below a file of the site (``/de/feed.xml/x.xml``)
    stopped the whole site with "Not a directory" at no line; one in site/pagefind/ replaced the search's own
    ``pagefind.js`` with the feed, so every no-op build served XML as the search script; ``/.htaccess`` was
    overwritten by the rules; one with ``..`` segments or a control character was a rule in ``_redirects`` and
    ``.htaccess`` and a "leaves site/" error without its line. On a file system that ignores case (macOS's,
    Windows'), ``/De/Tee/``'s redirect page replaced the German article's page, ``/PAGEFIND/pagefind.js`` the
    search script."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("redirects.txt", f"/alt.xml  /de/feed.xml  301\n{old}  /de/feed.xml  301\n")
    before = files_beside(project)
    out = project.run("build", code=2).output
    assert f"error: redirects.txt:2: {old} " in out, out[-3000:]
    assert "Not a directory" not in out and "leaves site/" not in out, out[-3000:]
    assert not files_beside(project) - before
    assert project.read("site/_redirects") == "/alt.xml  /de/feed.xml  301\n"
    assert [line.split()[2] for line in project.read("site/.htaccess").splitlines()
            if line.startswith("RedirectMatch")] == ["^/alt\\.xml/?$"]
    assert project.read("site/alt.xml") == project.read("site/de/feed.xml")
    assert project.read("site/pagefind/pagefind.js").startswith("const pagefind_version")
    assert sorted(p.name for p in (project.root / "site").iterdir() if p.suffix == ".xml") == ["alt.xml", "sitemap.xml"]
    assert "Tee wärmt." in project.read("site/de/tee/index.html")
    written = [p.relative_to(project.root / "site").as_posix() for p in (project.root / "site").rglob("*")]
    assert len({rel.casefold() for rel in written}) == len(written), "two files that are one where case is ignored"


def test_a_hugo_site_whose_static_folder_leads_outside_it_brings_no_file_from_there(project: Project, tmp_path_factory):
    """An image at a site path (``/id_rsa``) is looked up in the Hugo site's ``static/``, kept inside that folder
    as resolved: a site (an archive, a shared folder) whose ``static`` is a symlink (``../../.ssh``) made
    ``verlag import`` copy a file from outside the site into ``source_de/bilder/``, to be published with the
    article and named in ``redirects.txt``."""
    outside = tmp_path_factory.mktemp("home")
    (outside / "id_rsa").write_text("PRIVATE KEY of the user\n", encoding="utf-8")
    site = tmp_path_factory.mktemp("alt")
    (site / "hugo.toml").write_text('baseURL = "https://alt.example/"\ntitle = "Alt"\n', encoding="utf-8")
    (site / "content/posts").mkdir(parents=True)
    (site / "content/posts/schlaf.md").write_text(article("Schlaf", "Gut schlafen.\n\n![Bild](/id_rsa)\n"),
                                                  encoding="utf-8")
    (site / "static").symlink_to(os.path.relpath(outside, site))
    out = project.run("import", str(site)).output
    assert "image not found: /id_rsa" in out and "  /id_rsa  (not imported" not in out, out
    copied = [p for p in project.root.rglob("*") if p.is_file() and b"PRIVATE KEY" in p.read_bytes()]
    assert not copied and not (project.root / "source_de/bilder").exists()
    assert "Gut schlafen." in project.read("source_de/schlaf.md")
    assert "/id_rsa  /media/" not in (project.read("redirects.txt") if (project.root / "redirects.txt").exists() else "")


def test_a_link_or_image_address_of_a_copied_page_stays_an_address_in_the_markdown(project: Project, tmp_path):
    """markdownify writes an ``<a href>`` or ``<img src>`` into ``[…](…)`` as it is: a saved page whose address
    held a ``)`` (``href="https://x.example/a)<script>alert(1)</script>"``) closed the link there, and the rest
    of the attribute became raw HTML of the imported article, published on the German page. An address with
    an unbalanced parenthesis, ``<``, ``>``, a backslash or white space has those %-encoded; a balanced one
    (Wikipedia's ``Tee_(Getränk)``) is kept."""
    page = tmp_path / "seite.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Schlaf und Tee</title></head><body>'
        "<article><h1>Schlaf und Tee</h1><p>Guter Schlaf ist wichtig für die Gesundheit und das Wohlbefinden.</p>"
        "<p>Viele Menschen trinken abends gern eine Tasse Kräutertee, weil er wärmt und beruhigt. Mehr dazu "
        '<a href="https://x.example/a)&lt;script&gt;alert(1)&lt;/script&gt;">bei uns</a>, im '
        '<a href="https://de.wikipedia.org/wiki/Tee_(Getränk)">Lexikon</a> und auf dem Bild '
        '<img src="https://x.example/b.png\\)&lt;script&gt;alert(2)&lt;/script&gt;" alt="Tasse">.</p>'
        "<p>Tee hilft beim Einschlafen, sagen viele Menschen, die abends gerne eine Tasse trinken.</p>"
        "</article></body></html>", encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "<script>" not in out.replace("left at its old address: https://x.example/b.png\\)<script>", ""), out
    text = project.read("source_de/schlaf-und-tee.md")
    assert "<script" not in text and "[Lexikon](https://de.wikipedia.org/wiki/Tee_(Getr%C3%A4nk))" in text, text
    assert "<script" not in project.run("check").output


def test_a_bidi_override_in_a_site_po_translation_is_an_error_and_the_page_shows_the_english_words(
        site_project: Project):
    """The bidi-control check (round 4) ran on the articles' catalogs only: a reviewer's site.po msgstr with
    U+202E (``Aller au \u202econtenu``, or a count or date of the pages' words shown reversed) reached every
    page of the language. Now it is a site.po error at its line, and the pages show the English words."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    review(project, "fr", "tee", {("title", "Tee"): "Thé", "Tee wärmt.": "Le thé réchauffe."})
    path = project.root / "translations/fr/site.po"
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Aller au contenu"',
                                                               'msgstr "Aller au \u202econtenu"'), encoding="utf-8")
    out = project.run("check", code=1).output
    assert re.search(r"translations/fr/site\.po:\d+: .*\[bidi-control\]", out), out[-2000:]
    project.run("build", code=0)
    page = project.read("site/fr/tee/index.html")
    assert "Le thé réchauffe." in page and "\u202e" not in page and "Skip to the content" in page


def test_a_jekyll_post_of_raw_tags_without_an_end_is_imported_in_linear_time(project: Project, tmp_path):
    """The ``{% raw %}…{% endraw %}`` pattern was searched from each ``{% raw %}`` to the end of the post, and
    the template-tag warnings (also extract's and check's) counted each tag's line from the start of its
    paragraph: a post of 100,000 such tags and no ``{% endraw %}`` (900 KB) took import far over a minute
    (72 KB: 6 s for the pattern alone; each fix alone still timed out here). Now the first ``{% endraw %}``
    after a tag is looked for once and lines are counted on from the last tag (5.5 s CPU). In a process of its
    own, with a bound far below the old time; a pair is still unwrapped."""
    import subprocess
    import sys

    posts = tmp_path / "blog/_posts"
    posts.mkdir(parents=True)
    (tmp_path / "blog/_config.yml").write_text('title: Alt\nurl: "https://alt.example"\n', encoding="utf-8")
    (posts / "2023-01-02-tee.md").write_text(
        "---\ntitle: Tee\n---\nTee {% raw %}{{ warm }}{% endraw %} hilft.\n\n" + "{% raw %}" * 100_000 + "\n",
        encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "import", str(tmp_path / "blog")],
                         capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-2000:]
    assert "Tee \\{{ warm }} hilft." in project.read("source_de/tee.md")


def test_a_player_title_of_many_spaces_costs_import_linear_time(project: Project, tmp_path):
    """Whether an ``<iframe title>`` names the player (``PLAYER_TITLE_RE``) was matched with ``\\s*`` at both ends
    and inside: a saved page whose player's title was 60,000 spaces and a letter took import minutes (4,000:
    0.5 s, growing with the square). In a process of its own, with a bound far below the old time."""
    import subprocess
    import sys

    page = tmp_path / "seite.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Dehnen</title></head><body>'
        "<article><h1>Dehnen</h1><p>Dehnen am Morgen hilft dem Rücken und macht den ganzen Tag beweglicher.</p>"
        f'<iframe src="https://www.youtube.com/embed/abcDEF12345" title="{" " * 60_000}!"></iframe>'
        "<p>Wer jeden Tag fünf Minuten dehnt, merkt den Unterschied schon nach einer Woche sehr deutlich.</p>"
        "</article></body></html>", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "import", str(page)],
                         capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(60))
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-2000:]
    assert "https://www.youtube.com/watch?v=abcDEF12345" in project.read("source_de/dehnen.md")


def test_a_crafted_extract_record_brings_back_no_translation_of_german_the_last_extract_never_had(
        site_project: Project):
    """``.verlag/extracted/<lang>/<slug>.catalog`` (the catalog as the last extract left it) brings back
    translations a partial save of the catalog lost. A project folder that came with a crafted one (an archive, a
    shared drive) put a translation nobody wrote, signed off, into the catalog for a sentence the author had just
    added, said as "brought back as the last extract left them", and it was published. Only German the template
    of the last extract had is brought back."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nZweiter Satz.\n"))
    project.run("extract")
    project.write(".verlag/extracted/en/tee.catalog",
                  project.read("translations/en/tee.po") + '\nmsgid "Neu hinzu."\nmsgstr "Planted."\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nZweiter Satz.\n\nNeu hinzu.\n"))
    out = project.run("extract").output
    assert "brought back" not in out and "Planted." not in project.read("translations/en/tee.po"), out
    assert 'msgid "Neu hinzu."\nmsgstr ""' in project.read("translations/en/tee.po")


def test_an_escape_sequence_in_a_file_never_reaches_the_terminal(project: Project):
    """A shortcode quoting ESC ] 52 ; … BEL (ECMA-48 OSC 52: writes the terminal's clipboard) or a C1 CSI (moves the
    cursor over what was written) is quoted in check's message with those characters as visible escapes."""
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2025-01-01\n---\n"
                  "Ein Satz. {{< yt \x1b]52;c;cm0gLXJmIH4K\x07 >}}\n\nNoch ein Satz {{< x \x9b2J >}}.\n")
    output = project.run("check", code=1).output  # a shortcode in a published page: an error
    assert "{{< yt \\x1b]52;c;cm0gLXJmIH4K\\x07 >}}" in output and "{{< x \\x9b2J >}}" in output
    assert not [c for c in output if c in "\x1b\x07\x9b"]


def test_a_bidi_override_in_a_file_reaches_the_terminal_as_a_visible_escape(project: Project):
    """A right-to-left override (U+202E) or isolate (U+2066) quoted in a message would show its text reordered
    ("Trojan Source"): the terminal gets ``\\u202e``; Arabic letters are shown as they are."""
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2025-01-01\n---\n"
                  "Ein Satz. {{< yt \u202egpj.exe\u2066 عربي >}}\n")
    output = project.run("check", code=1).output  # a shortcode in a published page: an error
    assert "{{< yt \\u202egpj.exe\\u2066 عربي >}}" in output, output
    assert "\u202e" not in output and "\u2066" not in output


@pytest.mark.parametrize("tag", ["en.x/../../../outside", "en@../../../outside", "en.<b>"])
def test_a_language_tag_with_a_dot_or_at_sign_is_refused_at_its_line_and_nothing_is_written_outside(
        project: Project, tag: str):
    """Babel's ``parse_locale`` drops a POSIX locale's ``.charset`` and ``@modifier`` (``en.UTF-8``), so
    ``languages = ["en.x/../../../outside"]`` passed as English, and extract wrote that language's catalogs
    (``translations/<tag>/<slug>.po``) into a folder beside the project. A tag is letters and digits between
    ``-`` or ``_``, Babel's verdict only on such a one."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("verlag.toml", project.read("verlag.toml").replace('languages = ["en", "fr"]',
                                                                     f'languages = ["en", "{tag}"]'))
    before = files_beside(project)
    result = project.run("extract", code=2)
    assert f"verlag.toml:3: languages: unknown language code {tag!r}" in result.output, result.output
    assert not files_beside(project) - before and not (project.root / "translations/en").exists()


def test_an_advice_record_listing_lists_is_no_record_and_the_build_goes_on(site_project: Project):
    """``.verlag/advice.json`` keeps the notes the last build said; a damaged one "says all of them": one whose
    list held a list or an object (not a note) stopped every build with an internal error (unhashable type)."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    project.write(".verlag/advice.json", '{"said": [["x"], {"a": 1}, "alt"]}')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt gut.\n"))
    result = project.run("build")
    assert "internal error" not in result.output and "Tee wärmt gut." in project.read("site/de/tee/index.html")


@pytest.mark.parametrize("messages", [1, None, [[1]], [1, ["All articles", "", [], []]], [["x", "", [["a"]], []]]])
def test_a_record_of_the_themes_words_in_the_wrong_shape_is_no_record(site_project: Project, messages):
    """``.verlag/site-messages.json`` keeps the theme's words (msgid, plural, references, flags) under a digest of
    the templates; one with that digest and its list damaged or crafted into another shape stopped every build
    and check with an internal error (``TypeError``, ``ValueError``) until ``.verlag/`` was deleted. Now the
    words are taken from the templates again."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    path = project.root / ".verlag/site-messages.json"
    state = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"key": state["key"], "messages": messages}), encoding="utf-8")
    assert "internal error" not in project.run("check").output
    project.write("source_de/tee.md", article("Tee", "Tee wärmt gut.\n"))
    result = project.run("build")
    page = project.read("site/de/tee/index.html")
    assert "internal error" not in result.output and "Tee wärmt gut." in page and "Alle Artikel" in page


@pytest.mark.parametrize("damage", [{"files": 1}, {"files": [["x"]]}, {"files": [1, "de/404.html"]}, {"media": "zz"},
                                    {"pages": [["x"]]}, {"pages": None}])
def test_a_site_record_with_a_value_of_another_type_is_no_record_of_it(site_project: Project, damage: dict):
    """``.verlag/site.json`` (the files, pages, media and redirects the last build made) with one value of another
    type than a build writes, damaged or crafted, stopped every build or check with an internal error
    (``TypeError``, ``AttributeError``); now that value is no record, and the build makes that part again."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    path = project.root / ".verlag/site.json"
    path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), **damage}), encoding="utf-8")
    assert "internal error" not in project.run("check").output
    project.write("source_de/tee.md", article("Tee", "Tee wärmt gut.\n"))
    result = project.run("build")
    assert "internal error" not in result.output and "Tee wärmt gut." in project.read("site/de/tee/index.html")


@pytest.mark.parametrize("state", ["site-made.json", "stat.json", "site.json", "site-renamed.json"])
@pytest.mark.parametrize("damage", ["[" * 100_000, '{"files": {"de/tee/index.html": ' + "1" * 5000 + "}}"])
def test_a_state_file_of_deep_brackets_or_a_huge_number_is_no_state_and_the_build_goes_on(
        site_project: Project, state: str, damage: str):
    """A damaged ``.verlag/`` state file means "redo the work"; one nested 100,000 arrays deep (JSON's decoder
    recursing: ``RecursionError``) or holding a 5,000-digit number (Python's limit on converting long integers:
    a ``ValueError`` that is no ``JSONDecodeError``) stopped every extract and build with an internal error."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    project.write(f".verlag/{state}", damage)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt gut.\n"))
    result = project.run("build")
    assert "internal error" not in result.output and "Tee wärmt gut." in project.read("site/de/tee/index.html")


@pytest.mark.parametrize("ld", ["[" * 100_000, '{"@graph": ' * 990 + '{"datePublished": "2024-03-05"}' + "}" * 990])
def test_a_saved_page_whose_json_ld_nests_without_end_costs_only_its_dates(project: Project, tmp_path, ld: str):
    """The publication date is looked up in a saved page's JSON-LD (``<script type="application/ld+json">``): one
    of 100,000 opening brackets, or of 990 nested objects (JSON's decoder recursing past Python's limit at the depth
    the import calls it), stopped the import of the whole folder with an internal error."""
    body = ("<p>Dehnen am Morgen hilft dem Rücken und macht den ganzen Tag beweglicher, sagen viele.</p>"
            "<p>Wer jeden Tag fünf Minuten dehnt, merkt den Unterschied schon nach einer Woche sehr deutlich.</p>")
    for name, script in (("dehnen", ld), ("laufen", "{}")):
        (tmp_path / f"{name}.html").write_text(
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{name.title()}</title>'
            f'<script type="application/ld+json">{script}</script></head><body><article><h1>{name.title()}</h1>'
            f"{body}</article></body></html>", encoding="utf-8")
    out = project.run("import", str(tmp_path)).output
    assert "internal error" not in out, out
    assert "Wer jeden Tag fünf Minuten dehnt" in project.read("source_de/dehnen.md")
    assert (project.root / "source_de/laufen.md").is_file()


def test_a_line_separator_in_the_german_or_a_msgstr_leaves_the_catalog_readable(site_project: Project):
    """U+2028 LINE SEPARATOR, U+2029, NEL (U+0085) and the information separators U+001C to U+001E are line
    breaks to ``str.splitlines`` only: gettext, Poedit and a PO file read line by line keep them inside their
    string. One copied into an article (or answered by a service, or typed by a reviewer) went raw into the
    catalogs extract wrote, ``msgfmt --check`` passed them, and verlag's own reader, which split the text as
    ``polib.pofile(text)`` does, called the catalog a syntax error: check and build left the article's
    translations out."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt\u2028am Abend.\n\nKaffee\x85weckt am Morgen.\n"))
    project.run("extract")
    msgfmt_check(project.root / "translations/en/tee.po")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt\u2028am Abend.": "Tea warms\u2029at night.",
                                  "Kaffee\x85weckt am Morgen.": "Coffee\x1ewakes you up."})
    out = project.run("check", code=1).output  # NEL and U+001E are control characters (trial 28), U+2028 none
    assert "cannot read catalog" not in out, out
    assert "source_de/tee.md:7: U+0085 NEL" in out and "U+001E the German lacks" in out and "U+2028" not in out, out
    project.run("build")
    page = project.read("site/en/tee/index.html")
    assert "Tea warms\u2029at night." in page and "Kaffee" in page, page  # the msgstr with U+001E held back


def test_a_saved_page_with_a_table_of_12000_rows_is_imported_in_linear_time(project: Project, tmp_path):
    """The article's container was found by looking for each of trafilatura's blocks (a table cell is one) in the
    text of every container, taken again for each block: a saved page with a table of 4,000 rows took import
    11 s CPU, 12,000 rows over a minute and a half (growing with the square). Now each container's text is taken
    once and the blocks are looked for in their order (7 s CPU for 12,000 rows). In a process of its own, its CPU
    time bound far below the old time (the machine's load does not count)."""
    import resource
    import subprocess
    import sys

    prose = ("<p>Dehnen am Morgen hilft dem Rücken und macht den ganzen Tag beweglicher, sagen viele.</p>"
             "<p>Wer jeden Tag fünf Minuten dehnt, merkt den Unterschied schon nach einer Woche sehr deutlich.</p>")
    rows = "".join(f"<tr><td>Übung {n}</td><td>Dauer</td></tr>" for n in range(12_000))
    page = tmp_path / "seite.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Dehnen</title></head><body>'
                    f"<article><h1>Dehnen</h1>{prose}<table>{rows}</table>{prose}</article></body></html>",
                    encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "import", str(page)],
                         capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(180))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-2000:]
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime < 30
    assert "| Übung 11999 | Dauer |" in project.read("source_de/dehnen.md")


def test_an_iframe_whose_title_or_address_holds_a_control_character_becomes_a_link_without_it(project: Project,
                                                                                               tmp_path):
    """An ``<iframe>`` with a web address becomes a link named by its ``title``: a title or address holding a
    control character (``&#27;``, ``&#1;``: the HTML parser keeps it, XML refuses it) stopped the import of the
    whole folder with an internal error where the link was made. The title loses it, the address has it
    %-encoded."""
    prose = ("<p>Dehnen am Morgen hilft dem Rücken und macht den ganzen Tag beweglicher, sagen viele.</p>"
             "<p>Wer jeden Tag fünf Minuten dehnt, merkt den Unterschied schon nach einer Woche sehr deutlich.</p>")
    frames = ('<iframe src="https://maps.example/praxis" title="Karte&#27;]0;x&#7; der Praxis"></iframe>'
              '<iframe src="https://termine.example/a&#1;b" title="Termin buchen"></iframe>')
    for name, more in (("dehnen", frames), ("laufen", "")):
        (tmp_path / f"{name}.html").write_text(
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{name.title()}</title></head><body>'
            f"<article><h1>{name.title()}</h1>{prose}{more}{prose}</article></body></html>", encoding="utf-8")
    out = project.run("import", str(tmp_path)).output
    assert "internal error" not in out, out
    text = project.read("source_de/dehnen.md")
    assert "[Karte]0;x der Praxis](https://maps.example/praxis)" in text.replace("\\]", "]"), text
    assert "[Termin buchen](https://termine.example/a%01b)" in text, text
    assert (project.root / "source_de/laufen.md").is_file()


@pytest.mark.parametrize("control", ["&#1;", "&#x1B;", "&#31;"])
def test_a_saved_page_with_a_control_character_in_its_text_is_imported_without_it(project: Project, tmp_path,
                                                                                   control: str):
    """One control character in an article's text (a character reference; XML refuses it) made trafilatura,
    which reads the page itself, find no text at all: "no article found in this page". It reads the page verlag
    parsed and cleaned instead, so the article comes in without the character."""
    page = tmp_path / "ingwer.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Ingwer</title></head><body>'
                    f"<article><h1>Ingwer</h1><p>Ingwer wärmt von innen{control} und hilft bei Erkältungen, sagen "
                    "viele.</p><p>Frischer Ingwer ist besser als Pulver. Schneiden Sie ihn in dünne Scheiben.</p>"
                    "</article></body></html>", encoding="utf-8")
    out = project.run("import", str(page)).output
    text = project.read("source_de/ingwer.md")
    assert "Ingwer wärmt von innen und hilft bei Erkältungen, sagen viele." in text, out
    assert "Schneiden Sie ihn in dünne Scheiben." in text and "\x01" not in text and "\x1b" not in text


@pytest.mark.parametrize("head", ['<meta charset="utf-8">', ""])
def test_a_saved_page_with_a_raw_control_byte_is_a_page_not_a_binary_file(project: Project, tmp_path, head: str):
    """One raw control byte (0x01, as a CMS leaves one from a pasted text) in a saved page's first 4 KB made import
    call the page binary ("e.g. an image or PDF") and import nothing. A file that starts as markup is a page (the
    MIME Sniffing standard looks for HTML's tags before it calls anything binary); the byte is left out."""
    page = tmp_path / "ingwer.html"
    page.write_bytes(f'<!DOCTYPE html><html lang="de"><head>{head}<title>Ingwer</title></head><body><article>'
                     "<h1>Ingwer</h1><p>Ingwer wärmt von innen\x01 und hilft bei Erkältungen, sagen viele.</p>"
                     "<p>Frischer Ingwer ist besser als Pulver. Schneiden Sie ihn in dünne Scheiben.</p>"
                     "</article></body></html>".encode("utf-8"))
    out = project.run("import", str(page)).output
    text = project.read("source_de/ingwer.md")
    assert "Ingwer wärmt von innen und hilft bei Erkältungen, sagen viele." in text, out
    assert "\x01" not in text


PAGE_1252 = ('<!DOCTYPE html>\n<html lang="de">\n<head><title>Fieber</title></head>\n<body><article>\n'
             "<h1>Fieber senken</h1>\n<p>Bei Fieber hilft Ruhe, sagt die Ärztin; trinken Sie viel.</p>\n")
PAGE_UTF8 = "<p>Ab 40 °C – nicht früher – gehen Sie bitte zum Arzt.</p>\n</article></body></html>\n"


def test_a_saved_page_without_a_charset_of_two_encodings_is_refused_at_a_line_of_each(project: Project, tmp_path):
    """A page saved without ``<meta charset>`` is read as Windows-1252 (the HTML standard's default for a German
    page) unless all of it is UTF-8; one holding both (a paragraph pasted in as UTF-8) came in as "40 Â°C â€“
    nicht frÃ¼her" without a word. Now it is refused naming a line of each encoding, and nothing is written."""
    page = tmp_path / "fieber.html"
    page.write_bytes(PAGE_1252.encode("cp1252") + PAGE_UTF8.encode("utf-8"))
    result = project.run("import", str(page), code=2)
    said = f"error: {page}:6: no encoding declared and not UTF-8, yet line 7 is UTF-8"
    assert said in result.output, result.output
    assert not (project.root / "source_de/fieber-senken.md").exists()


@pytest.mark.parametrize("encoding, said", [("cp1252", "read as Windows-1252"), ("utf-8", "read as UTF-8")])
def test_a_saved_page_without_a_charset_says_which_encoding_it_was_read_in(project: Project, tmp_path,
                                                                             encoding: str, said: str):
    """What was assumed of a page that declares no encoding was not said; a reader checks its umlauts by it."""
    page = tmp_path / "fieber.html"
    page.write_bytes((PAGE_1252 + PAGE_UTF8.replace("40 °C –", "40 Grad")
                      .replace("– gehen", "gehen")).encode(encoding))
    out = project.run("import", str(page)).output
    assert f"encoding: none declared; {said}" in out, out
    text = project.read("source_de/fieber-senken.md")
    assert "sagt die Ärztin" in text and "nicht früher" in text, text


def test_a_wordpress_post_whose_link_or_image_address_holds_a_control_character_is_imported(project: Project,
                                                                                              tmp_path):
    """A post's ``<a href>``, ``<img src>``, lazy image's ``data-src`` or bold heading holding ``&#1;`` (the HTML
    parser keeps it, XML refuses it) stopped the import of the whole export with an internal error where verlag
    changed that element; now such a character is %-encoded in an address, as a browser sends it (WHATWG URL: C0
    controls are percent-encoded), and left out of other attributes and text."""
    export = tmp_path / "export.xml"
    items = "".join(f'''<item><title>{title}</title><link>https://blog.example/{slug}/</link><dc:creator>anna</dc:creator>
<wp:post_date>2026-01-02 10:00:00</wp:post_date><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><wp:post_name>{slug}</wp:post_name>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
''' for title, slug, content in (
        ("Tee im Winter", "tee", '<p>Tee wärmt, <a href="https://x.example/a&#1;b">mehr</a>. '
                                 '<img src="https://x.example/c&#2;d.png" alt="Tasse"> '
                                 '<img src="data:," data-src="https://x.example/e&#3;f.png" alt="Kanne"></p>'
                                 '<h2><strong>Ziehen&#4;lassen</strong></h2><p>Fünf Minuten.</p>'),
        ("Kaffee", "kaffee", "<p>Kaffee weckt.</p>")))
    export.write_text('''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Blog</title><link>https://blog.example/</link><wp:wxr_version>1.2</wp:wxr_version>
''' + items + "</channel></rss>\n", encoding="utf-8")
    out = project.run("import", str(export)).output
    assert "internal error" not in out, out
    text = project.read("source_de/tee.md")
    assert "[mehr](https://x.example/a%01b)" in text and "![Tasse](https://x.example/c%02d.png)" in text, text
    assert "![Kanne](https://x.example/e%03f.png)" in text and "## Ziehenlassen" in text, text
    assert (project.root / "source_de/kaffee.md").is_file()


def test_copied_text_of_windows_1252_with_a_line_of_utf8_pasted_in_is_refused_at_both_lines(project: Project,
                                                                                               tmp_path):
    """A file that is not UTF-8 is read as Windows-1252 when every character it gives is one German text holds; a
    Word 'Nur Text' file with one line pasted in as UTF-8 passed too, since UTF-8's "ü", "°", "–" read as
    Windows-1252 are "Ã¼", "Â°", "â€“", all such characters: the article said "fÃ¼r" and "40 Â°C". Now a file
    holding both is refused, naming a line of each encoding; nothing is written."""
    text = tmp_path / "fieber.txt"
    text.write_bytes("Fieber senken\n\nBei Fieber hilft Ruhe, sagt die Ärztin.\n".encode("cp1252")
                     + "Ab 40 °C – nicht früher – zum Arzt.\n".encode("utf-8"))
    result = project.run("import", "--year", "2025", str(text), code=2)
    assert "fieber.txt:3: not UTF-8" in result.output and "line 4 is UTF-8" in result.output, result.output
    assert not (project.root / "source_de/fieber-senken.md").exists()


def test_wrappers_nested_deep_cost_no_more_than_as_many_side_by_side():
    """markdownify looks up every element's ancestors (for a ``<pre>``), so a page builder's chains of wrapper
    ``<div>``s cost time in their depth for every element: 400 blocks 250 deep took a saved page's import 33 s,
    one near the 256 MB import limit hours. A ``<div>`` alone in a ``<div>`` is unwrapped first (the same
    Markdown): 40 blocks 240 deep now cost less than a page of as many empty ``<div>``s side by side (before:
    2.5 times as much). The best of three runs each, CPU time (``least_cpu``)."""
    from pipeline.importer_html import html_to_markdown

    para = "<p>Der Rücken schmerzt morgens, und die Leber braucht Ruhe.</p>"
    deep = "<article>" + ("<div>" * 240 + para + "</div>" * 240) * 40 + "</article>"
    side_by_side = "<article>" + ("<div></div>" * 240 + para) * 40 + "</article>"

    expected = "\n\n".join(["Der Rücken schmerzt morgens, und die Leber braucht Ruhe."] * 40) + "\n"

    def converting(html: str):
        def work():
            assert html_to_markdown(html)[0] == expected
        return work

    deep_time, flat_time = least_cpu(converting(deep), converting(side_by_side), repeats=3)
    assert deep_time < flat_time, (deep_time, flat_time)


PAGE_IGEL = ("<!DOCTYPE html><html lang=\"de\"><head>{meta}<title>Igel</title></head><body><article><h1>Igel im Garten</h1>"
             "<p>Der Igel frisst gern Käfer und Schnecken, vor allem nachts.</p>"
             "<p>Im Winter schläft er unter einem Laubhaufen.</p></article></body></html>")


@pytest.mark.parametrize("meta", ['<meta charset="utf-16">', '<meta http-equiv="Content-Type" '
                                  'content="text/html; charset=UTF-16LE">', '<meta charset="utf-7">',
                                  '<meta charset="x-nonsense"><meta charset="utf-8">', '<meta charset="x-nonsense">'])
def test_a_saved_page_declaring_an_encoding_browsers_do_not_read_it_in_is_imported_whole(
        project: Project, tmp_path, meta: str):
    """The HTML standard reads a ``<meta charset>`` of UTF-16 as UTF-8 (the bytes that declare it are not UTF-16),
    and skips a name the Encoding Standard does not know (``utf-7``, a typo) for the next declaration or its own
    guess; libxml2 took them at their word: UTF-16 stopped the import with a Python traceback, UTF-7 cut the
    article off at its first umlaut, an unknown name kept nothing of it (and said so only as "left out (widget
    text?)")."""
    page = tmp_path / "igel.html"
    page.write_bytes(PAGE_IGEL.format(meta=meta).encode("utf-8"))
    out = project.run("import", str(page)).output
    text = project.read("source_de/igel-im-garten.md")
    assert "Der Igel frisst gern Käfer und Schnecken, vor allem nachts." in text, out
    assert "Im Winter schläft er unter einem Laubhaufen." in text, out
    assert "left out" not in out, out


@pytest.mark.parametrize("meta", ['<meta charset="iso-8859-1">', '<meta charset="windows-1252">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'])
def test_a_saved_page_declaring_a_western_encoding_whose_bytes_are_utf8_is_read_as_utf8(
        project: Project, tmp_path, meta: str):
    """A page served with a UTF-8 header keeps an old ``<meta charset="iso-8859-1">`` its theme wrote: the browser
    showed it right (the header wins), the saved copy has UTF-8 bytes under a Latin-1 declaration, and the import
    wrote "KÃ¤fer" into the article. All of it decoding as UTF-8 says what it is; the summary says so."""
    page = tmp_path / "igel.html"
    page.write_bytes(PAGE_IGEL.format(meta=meta).encode("utf-8"))
    out = project.run("import", str(page)).output
    text = project.read("source_de/igel-im-garten.md")
    assert "Der Igel frisst gern Käfer und Schnecken, vor allem nachts." in text, out
    assert "but the page is UTF-8 throughout" in out, out
    page.write_bytes(PAGE_IGEL.format(meta=meta).encode("cp1252"))
    (project.root / "source_de/igel-im-garten.md").unlink()
    out = project.run("import", str(page)).output
    assert "Der Igel frisst gern Käfer und Schnecken" in project.read("source_de/igel-im-garten.md"), out
    assert "UTF-8 throughout" not in out, out


def test_a_saved_page_declaring_the_replacement_encoding_is_refused_at_its_file(project: Project, tmp_path):
    """ISO-2022-KR and HZ are read as one replacement character by browsers (Encoding Standard, "replacement"):
    refused by name, not imported as an empty article."""
    page = tmp_path / "igel.html"
    page.write_bytes(PAGE_IGEL.format(meta='<meta charset="iso-2022-kr">').encode("utf-8"))
    result = project.run("import", str(page), code=2)
    assert f"error: {page}:1: declares the encoding iso-2022-kr" in result.output, result.output
    assert not (project.root / "source_de/igel-im-garten.md").exists()


def test_the_number_words_check_is_linear_in_the_number_words_of_an_entry():
    """``check_number_words`` looked each of the translation's number words up in every German one left
    (quadratic): a paragraph of 50,000 "zwei," against a translation of as many "three," held ``check`` and the
    build's QA gate for minutes. 8 times the words take about 8 times as long now (they took 64 times as long)."""
    import polib

    from pipeline import numberwords
    from pipeline.check import Context, check_number_words

    def checking(count: int):
        entry = polib.POEntry(msgid="Zwei Tage, " + "zwei Tage, " * count, msgstr="Three days, " + "three days, " * count)

        def work():
            numberwords.german_quantities.cache_clear()
            numberwords.quantities.cache_clear()
            findings = list(check_number_words(entry, Context("en")))
            assert findings[0].startswith("numbers in words differ: German Zwei (2), zwei (2), "), findings
        return work

    small, large = least_cpu(checking(500), checking(4000), repeats=3)
    assert large < 16 * small, (small, large)


def test_reading_copied_text_is_linear_in_the_length_of_a_line_of_spaces(tmp_path):
    """Three regexes of the copied-text import tried a run of spaces again from each of its spaces (quadratic): a
    title line "# Titel", a byline and a last line, each with 200,000 spaces in it (a file of 600 KB), held
    ``verlag import`` for half an hour. 8 times the spaces take about 8 times as long now (they took 64 times)."""
    from pipeline.importer_text import read_text

    def reading(spaces: int):
        gap = " " * spaces
        data = (f"# Igel{gap}im Garten\n\nVon Anna{gap}Berg\n\nDer Igel frisst gern Käfer und Schnecken, vor allem "
                f"nachts.\n\nIm Winter schläft er.{gap}</div>Ende\n").encode("utf-8")

        def work():
            imported = read_text(tmp_path / "igel.txt", data)
            assert imported.meta["title"] == "Igel im Garten" and "Ende" in imported.body, imported
        return work

    small, large = least_cpu(reading(2_500), reading(20_000))
    assert large < 16 * small, (small, large)


def test_html_to_markdown_is_linear_in_the_length_of_a_run_of_spaces():
    """markdownify's regexes for a line break among spaces and for a ``<pre>``'s trailing blank lines tried a run
    of spaces again from each of its spaces: a saved page, WordPress post or feed entry with 200,000 spaces in a
    paragraph or a ``<pre>`` held ``verlag import`` for an hour. What the Markdown says is unchanged: one space in
    the paragraph, every space in the ``<pre>``."""
    from pipeline.importer_html import html_to_markdown

    def converting(spaces: int):
        gap = " " * spaces
        html = f"<p>Tee{gap}wärmt \t und\n  hilft.</p><pre>\n\n  x{gap}y\n\n</pre><p>Ende</p>"

        def work():
            markdown, _, notes = html_to_markdown(html)
            assert markdown == f"Tee wärmt und\nhilft.\n\n```\n  x{gap}y\n```\n\nEnde\n" and not notes, markdown[:200]
        return work

    small, large = least_cpu(converting(2_500), converting(20_000))
    assert large < 16 * small, (small, large)


def test_reading_a_hugo_file_is_linear_in_the_length_of_a_shortcode_line_of_spaces(tmp_path):
    """The regexes of Hugo's ``figure`` shortcode and of a theme's note box tried the spaces of a line again from
    each of them, split between two ``\\s*`` (cubic for the figure): one line "{{< figure a", 2,500 spaces, "x"
    held ``verlag import`` for a minute, 20,000 for hours. 8 times the spaces take about 8 times as long now."""
    from pipeline.importer_markdown import read_markdown

    def reading(spaces: int):
        gap = " " * spaces
        data = (f"---\ntitle: Igel\ndate: 2026-05-26\n---\n\n{{{{< figure src=\"igel.jpg\"{gap}x\n\n"
                f"{{{{< hint info{gap}x\n\nDer Igel frisst gern Käfer.\n\n{{{{< /hint >}}}}\n"
                f"{{{{< figure src=\"igel.jpg\" alt=\"Ein Igel\" >}}}}\n").encode("utf-8")

        def work():
            imported = read_markdown(tmp_path / "igel.md", data)
            assert "Der Igel frisst gern Käfer." in imported.body and "![Ein Igel](igel.jpg)" in imported.body, \
                imported.body[-300:]
        return work

    small, large = least_cpu(reading(200), reading(1_600))
    assert large < 16 * small, (small, large)


def test_a_source_cache_entry_nested_deep_is_read_again_not_the_articles_error(project: Project):
    """``.verlag/sources.json`` may come with a project from someone else, and its entry for a source is found by
    the SHA-256 of the source's bytes, which the sender knows: front matter nested 700 lists deep there made the
    article fail with "RecursionError … (while reading)" on every run (the entry was kept), where a damaged entry
    only means reading the source again."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n", tags="[Kräuter]"))
    project.run("extract")
    path = project.root / ".verlag/sources.json"
    state = json.loads(path.read_text(encoding="utf-8"))
    state["sources"]["source_de/tee.md"][3]["tags"] = "DEEP"
    path.write_text(json.dumps(state).replace('"DEEP"', "[" * 700 + "]" * 700), encoding="utf-8")
    for _ in range(2):
        result = project.run("extract")
        assert "error" not in result.output, result.output
    assert 'msgid "Kräuter"' in project.read("translations/templates/tee.pot")


def test_a_direction_override_in_a_name_reverses_nothing_after_it_on_a_left_to_right_page(site_project: Project):
    """A reviewer's name from front matter holding U+202E (right-to-left override) reversed the rest of its line on
    a German or English page ("geprüft von Dr. X‮ am 1. April 2026" showed the date backwards): names were bidi
    isolates on right-to-left pages only. Each name is a ``<bdi>`` on every page, which ends an override inside it
    (UAX #9, X6a); the date after it stands outside."""
    import lxml.html

    project = site_project
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n", author="Anna\u202e Berg",
                                               reviewed_by="Dr. Jana\u202e Vogt", last_reviewed="2026-04-01"))
    project.run("extract")
    project.run("build")
    doc = lxml.html.fromstring(project.read("site/de/milz/index.html"))
    names = [e.text_content() for e in doc.xpath('//p[@class="author"]//bdi | //*[contains(@class, "reviewed")]//bdi')]
    assert names == ["Anna\u202e Berg", "Dr. Jana\u202e Vogt"], names
    reviewed = doc.xpath('//*[contains(@class, "reviewed")]')[0]
    # the review's day, a <time> since staleR, stands outside every name's <bdi>
    assert [d.get("datetime") for d in reviewed.xpath(".//time[not(ancestor::bdi)]")] == ["2026-04-01"]


def test_a_theme_file_that_is_a_symlink_out_of_the_project_is_not_published(project: Project, tmp_path_factory):
    """A downloaded theme's ``templates/static/`` is copied into site/static/: a file there that was a symlink
    (``font.woff2`` -> ``~/.ssh/id_rsa``, as a theme's archive may hold) published the file it led to. It is
    named at its path and left out (exit 2); the rest is built, and a symlink to a file of the project is fine."""
    outside = tmp_path_factory.mktemp("home")
    (outside / "id_rsa").write_text("PRIVATE KEY of the user\n", encoding="utf-8")
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.write("source_de/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    project.write("templates/static/site.css", "body { color: black }\n")
    (project.root / "templates/static/font.woff2").symlink_to(outside / "id_rsa")
    (project.root / "templates/static/logo.svg").symlink_to("../../source_de/logo.svg")
    out = project.run("build", code=2).output
    assert "error: templates/static/font.woff2: a symlink that leads out of the theme and the project" in out, out
    published = [p for p in (project.root / "site").rglob("*") if p.is_file() and b"PRIVATE KEY" in p.read_bytes()]
    assert not published and not (project.root / "site/static/font.woff2").exists()
    assert (project.root / "site/static/site.css").exists() and (project.root / "site/static/logo.svg").exists()
    assert "Die Leber arbeitet nachts." in (project.root / "site/de/leber/index.html").read_text(encoding="utf-8")


def test_a_template_that_is_a_symlink_out_of_the_project_is_not_read(project: Project, tmp_path_factory):
    """A theme's template is read by Jinja2 wherever it leads: ``templates/404.html`` -> ``~/.ssh/id_rsa`` put the
    key on the 404 pages. The build names the template and stops as for a broken template (exit 2); no page holds
    the file, and a template that is a symlink to one of the project's own files is read."""
    outside = tmp_path_factory.mktemp("home")
    (outside / "id_rsa").write_text("PRIVATE KEY of the user\n", encoding="utf-8")
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    (project.root / "templates").mkdir()
    (project.root / "templates/404.html").symlink_to(outside / "id_rsa")
    out = project.run("build", code=2).output
    assert "templates/404.html is a symlink that leads out of the theme and the project" in out, out
    assert not [p for p in project.root.rglob("*") if p.is_file() and not p.is_symlink()
                and b"PRIVATE KEY" in p.read_bytes()]
    (project.root / "templates/404.html").unlink()
    project.write("mine/404.html", '{% extends "base.html" %}{% block main %}<p>Nicht da.</p>{% endblock %}\n')
    (project.root / "templates/404.html").symlink_to("../mine/404.html")
    project.run("build")
    assert "<p>Nicht da.</p>" in project.read("site/de/404.html")


def test_an_html_block_with_an_iframe_and_a_run_of_brackets_is_imported_in_linear_time(tmp_path):
    """A Markdown file's HTML block with an ``<iframe>`` (a map) is made a link; the patterns that find the iframe
    and the tags around it read, from each ``<`` or ``<iframe>`` of a run without the ``>`` or ``</iframe>`` they
    looked for, to the end of the block: 64 KB of either held ``verlag import`` for seconds, 8 MB for a day.
    8 times the run takes about 8 times as long now, and the map is still a link."""
    from pipeline.importer_markdown import read_markdown

    def reading(n: int):
        data = ("---\ntitle: Karte\ndate: 2026-05-26\n---\n\nSo finden Sie uns.\n\n"
                f'<div><iframe src="https://maps.example/praxis" title="Karte"></iframe> {"<" * n}\n\n'
                f'<div><iframe src="https://maps.example/eingang" title="Eingang"></iframe> {"<iframe>" * (n // 8)}'
                f'\n\n<p>{"<iframe " * (n // 8)}</p>\n\nBis bald.\n').encode("utf-8")

        def work():
            imported = read_markdown(tmp_path / "karte.md", data)
            assert '<a href="https://maps.example/praxis">Karte</a>' in imported.body and "Bis bald." in imported.body
        return work

    small, large = least_cpu(reading(4_000), reading(32_000))
    assert large < 16 * small, (small, large)


@pytest.mark.parametrize("run", ["<!-- wp:paragraph ", "<!--more", "<pre "])
def test_a_wordpress_post_of_unclosed_comments_or_pre_is_imported_in_linear_time(tmp_path, run: str):
    """WordPress's block delimiters (``<!-- wp:… -->``), the excerpt cut (``<!--more-->``) and ``<pre>`` were
    searched for their end up to the end of the post from each start: 40 KB of ``<!-- wp:paragraph `` took the
    import over a second, a post of 8 MB hours. 8 times the run takes about 8 times as long now, and a closed
    ``<pre>`` before it keeps its lines."""
    from test_import_old_blog import export, post

    from pipeline.importer_html import read_wxr

    def reading(n: int):
        body = f"<pre>Tee\nkochen</pre>\n\nDer Tee zieht.\n\n{run * n}\n"
        folder = tmp_path / str(n)
        folder.mkdir()
        path = export(folder, post("Tee", body, post_id=7, name="tee"))
        data = path.read_bytes()

        def work():
            articles, errors = read_wxr(path, data)
            assert not errors and "Der Tee zieht." in articles[0].body, (errors, articles[0].body[:300])
        return work

    small, large = least_cpu(reading(1_000), reading(8_000))
    assert large < 16 * small, (small, large)


def test_a_slug_too_long_for_a_file_name_is_its_articles_error_and_the_others_are_built(site_project: Project):
    """A guest author's ``slug:`` of 300 letters (or a file name of 240) made ``editions/de/<slug>.json`` longer
    than a file name may be: the build stopped with 'File name too long' and no page of any article was made."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n", slug="x" * 300))
    project.write(f"source_de/{'y' * 240}.md", article("Kamille", "Kamille beruhigt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    result = project.run("build", code=2)
    assert "error: source_de/tee.md:4: slug xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… is 300 characters long" \
           in result.output, result.output
    assert f"error: source_de/{'y' * 240}.md:1: slug {'y' * 40}… is 240 characters long" in result.output
    assert "or give the file a shorter name" in result.output
    assert (project.root / "site/de/kaffee/index.html").is_file()


def test_a_pasted_post_whose_title_makes_a_long_slug_is_imported_under_its_first_words(project: Project, tmp_path):
    """A pasted post whose first line (its title) makes a slug over 255 characters stopped the whole import at
    'translations/en/<slug>.po: File name too long', the other files of the command unwritten as well."""
    long = tmp_path / "lang.txt"
    long.write_text("# " + "Warum Tee am Abend gut tut " * 12 + "\n\nTee wärmt.\n", encoding="utf-8")
    short = tmp_path / "kurz.txt"
    short.write_text("# Kaffee\n\nKaffee weckt.\n", encoding="utf-8")
    project.run("import", str(long), str(short))
    names = sorted(p.name for p in (project.root / "source_de").glob("*.md"))
    assert names == ["kaffee.md", "warum-tee-am-abend-gut-tut-warum-tee-am-abend-gut-tut-warum-tee-am-abend-gut-tut-"
                                  "warum-tee-am-abend.md"], names
    assert len(names[1]) - 3 <= 100
    project.run("extract")
    assert (project.root / f"translations/en/{names[1][:-3]}.po").is_file()


def test_german_html_clean_leaves_out_an_image_a_browser_fetches_from_another_host_by_slashes_or_backslashes(
        site_project: Project, browser):
    """urlsplit reads ``\\\\host/a.png``, ``/\\host/b.png`` and ``///host/c.png`` as paths on the site's own host;
    a browser (WHATWG URL: a backslash is a slash, extra slashes before the host are skipped) fetches each from
    ``host``. ``german_html = "clean"`` kept them and check's active-html named none: Chromium loaded a tracker's
    images on the German page and on every translation. ``http:host/e.png`` (fetched from ``host`` on an https
    page) is named too."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from selenium.webdriver.support.ui import WebDriverWait

    from conftest import serving

    asked = []

    class Tracker(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    tracker = ThreadingHTTPServer(("127.0.0.2", 0), Tracker)
    threading.Thread(target=tracker.serve_forever, daemon=True).start()
    other, bs = f"127.0.0.2:{tracker.server_address[1]}", "\\"
    project = site_project
    project.write("verlag.toml", project.read("verlag.toml") + 'german_html = "clean"\n')
    project.write("source_de/gast.md", article("Gast", f"""
        Ein Text über Tee.

        <p><img src="{bs * 2}{other}/a.png" alt="a"> <img src="/{bs}{other}/b.png" alt="b">
        <img src="///{other}/c.png" alt="c"> <img srcset="{bs * 2}{other}/d.png 2x" alt="d"></p>

        <p><img src="http:{other}/e.png" alt="e"></p>
        """))
    found = [line for line in project.run("check").output.splitlines() if "[active-html]" in line]
    assert [line.split(": the page")[0] for line in found] == ["warning: source_de/gast.md:7",
                                                               "warning: source_de/gast.md:10"], found
    assert all("<img> from 127.0.0.2;" in line for line in found), found
    project.run("extract")
    review(project, "en", "gast", {("title", "Gast"): "Guest", "Ein Text über Tee.": "A text about tea."})
    project.run("build")
    try:
        for base in serving(project.root):
            for lang in ("de", "en"):
                browser.get(f"{base}/{lang}/gast/")
                WebDriverWait(browser, WALL).until(lambda driver: driver.execute_script(
                    "return document.readyState === 'complete' && [...document.images].every(i => i.complete)"))
                assert browser.execute_script("return document.images.length") >= 5
    finally:
        tracker.shutdown()
        tracker.server_close()
    assert asked == []
    assert "127.0.0.2" not in project.read("site/de/gast/index.html")


@pytest.mark.parametrize("alias, message", [
    ("/DE/tee/", "/DE/tee/ is the address of site/de/tee/index.html, a page verlag makes (written otherwise, but "
                 "one file where case is ignored, as on macOS and Windows); remove it from aliases"),
    ("/De/Feed.xml", "/De/Feed.xml is the address of site/de/feed.xml, a file verlag makes (written otherwise, but "
                     "one file where case is ignored, as on macOS and Windows); remove it from aliases"),
    ("/Index.HTML/x/", "/Index.HTML/x/ lies in site/index.html, which verlag makes (written otherwise, but one file "
                       "where case is ignored, as on macOS and Windows); remove it from aliases"),
    ("/alt/kaffee/", "/alt/kaffee/ is answered by site/Alt/Kaffee/index.html, the old address /Alt/Kaffee/ of "
                     "source_de/kaffee.md (written otherwise, but one file where case is ignored, as on macOS and "
                     "Windows); keep one")])
def test_an_alias_that_is_a_file_of_the_site_in_another_case_is_refused_at_its_line(site_project: Project,
                                                                                     alias: str, message: str):
    """On a file system that ignores case (macOS's, Windows'), ``site/DE/tee/index.html`` is the article's own
    page: the old address ``/DE/tee/`` wrote its redirect page over it (a page leading to itself), ``/De/Feed.xml``
    over the feed, and ``/alt/kaffee/`` over another article's redirect of ``/Alt/Kaffee/``."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n", aliases=f'["{alias}", "/alt/tee/"]'))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n", aliases='["/Alt/Kaffee/"]'))
    out = project.run("build", code=2).output
    assert f"error: source_de/tee.md:4: aliases: {message}" in out, out[-3000:]
    written = [p.relative_to(project.root / "site").as_posix() for p in (project.root / "site").rglob("*")
               if p.is_file()]
    assert len({rel.casefold() for rel in written}) == len(written), "two files that are one where case is ignored"
    assert project.read("site/_redirects") == "/Alt/Kaffee/  /de/kaffee/  301\n/alt/tee/  /de/tee/  301\n"
    assert "Tee wärmt." in project.read("site/de/tee/index.html")


class _Searches:
    """A compiled pattern that records the stretch of text (pos to endpos) each search, findall or finditer of it
    is given: the work a search can do is bounded by the stretch, counted without a clock."""

    def __init__(self, pattern: re.Pattern, stretches: list[str]):
        self.pattern, self.stretches = pattern, stretches

    def __getattr__(self, name: str):
        method = getattr(self.pattern, name)
        if name not in ("search", "findall", "finditer"):
            return method

        def recorded(string, pos=0, endpos=None):
            self.stretches.append(string[pos:endpos])
            return method(string, pos, len(string) if endpos is None else endpos)
        return recorded


def test_the_ids_of_a_page_are_found_looking_through_each_tag_once(tmp_path, monkeypatch):
    """Each in-page link's #fragment is looked up among the ids of the article's rendered body. The id pattern
    (``<[^>]*?\\s(?:id|name)=…``) tried every "<" again up to the next ">": quadratic in a run of "<a " without
    one (8,000 took 3 s, 16,000 13 s; bench numbers in the commit). Now each stretch from a "<" to its ">" is
    searched once: no search is given more than one such stretch, and they add up to at most the body."""
    from pipeline import fragments
    from pipeline.sources import read_article

    flood = ("<a " * 2000 + ">") * 10
    path = tmp_path / "anker.md"
    path.write_text(article("Anker", f'Siehe [unten](#ziel) und [dort](#fehlt).\n\n<div>\n{flood}\n'
                                     '<p id="ziel" title="a>b">Ziel</p>\n</div>\n'), encoding="utf-8")
    stretches: list[str] = []
    for name, value in list(vars(fragments).items()):
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(fragments, name, _Searches(value, stretches))
    found = fragments.unmatched(read_article(path, "source_de/anker.md"), [("#ziel", 7), ("#fehlt", 7)])
    assert found == [(7, "#fehlt")]
    assert max(stretch.count(">") for stretch in stretches) <= 1
    assert sum(map(len, stretches)) <= len(flood) + 200


def test_an_unclosed_script_runs_to_the_end_of_the_page_where_no_english_span_is_put():
    """``mark_english`` leaves the marks of a message in a raw-text element out, where no span may go. The
    element's end was searched to the end of the page from each opening tag (quadratic: 8,000 ``<script>`` took
    5 s, 16,000 21 s) and an unclosed one counted as a tag alone: the marks after it became spans inside what a
    browser reads as script. It runs to the end of the page now, as HTML reads it: no span there, the text kept."""
    from pipeline.uistrings import _English, mark_english

    shown = _English().gettext("Language")
    assert mark_english(f"<p>{shown}</p><script>var a = 1;") == '<p><span lang="en">Language</span></p>' \
                                                                   "<script>var a = 1;"
    assert mark_english(f"<script>{shown}</script><p>{shown}</p><script>" * 2 + f"var a;{shown}") == \
        '<script>Language</script><p><span lang="en">Language</span></p><script>' * 2 + "var a;Language"
    page = "<script>" * 8000 + shown
    assert mark_english(page) == "<script>" * 8000 + "Language"


def test_the_text_of_html_python_s_parser_gives_up_on_is_read_searching_each_tag_once(monkeypatch):
    """``readable_text`` takes the tags out of a fragment Python's HTML parser gave up on with ``<[^>]*>``: each
    "<" of a rest without ">" was searched to the end (quadratic: 16,000 "<a" took 0.2 s, fourfold with each
    doubling). Only the part up to the last ">" is searched now, where every "<" has a ">" after it."""
    from pipeline import rawhtml

    stretches: list[str] = []
    real = rawhtml._TAG

    class Recorded:
        def sub(self, repl, string, count=0):
            stretches.append(string)
            return real.sub(repl, string, count)

    monkeypatch.setattr(rawhtml, "_TAG", Recorded())
    fragment = "<p>Tee wärmt.</p><![x[ ]]>" + "<a" * 20_000  # a marked section Python's parser gives up on
    assert rawhtml.readable_text(fragment) == "Tee wärmt. " + "<a" * 20_000
    assert stretches == ["<p>Tee wärmt.</p><![x[ ]]>"]


def test_a_utf16_page_s_encoding_declaration_is_rewritten_only_where_one_can_be(monkeypatch):
    """A page saved as UTF-16 has its ``<meta charset>`` rewritten to UTF-8; the pattern was applied to the whole
    page, quadratic in "<meta " (a page of 8,000 took 5 s, 16,000 20 s). A declaration is in a page's head (the
    first 1024 bytes for HTML, the very start for XML): only the first ``DECLARATION_HEAD`` characters are read."""
    from pathlib import Path

    from pipeline import importer

    strings: list[str] = []
    real = importer.UTF16_DECLARED_RE

    class Recorded:
        def search(self, string, *args):
            strings.append(string)
            return real.search(string, *args)

        def sub(self, repl, string, count=0):
            strings.append(string)
            return real.sub(repl, string, count)

    monkeypatch.setattr(importer, "UTF16_DECLARED_RE", Recorded())
    page = '<html><head><meta charset="utf-16"></head><body>' + "<meta " * 20_000 + "</body></html>"
    data, note = importer.utf16_as_utf8(Path("seite.html"), b"\xff\xfe" + page.encode("utf-16-le"))
    assert data == page.replace('charset="utf-16"', 'charset="utf-8"').encode("utf-8")
    assert note == "encoding: read as UTF-16 (its byte order mark)"
    assert strings and max(map(len, strings)) <= 4096


def test_an_unclosed_jinja_comment_or_expression_in_a_template_runs_to_its_end_for_the_page_s_ids(tmp_path):
    """The ids a page's templates give it are read from their sources with Jinja's comments and code taken out.
    One not closed was searched to the end from every opening (quadratic: 8,000 "{{" took 2.4 s, a 1 MB template
    hours) and then counted as text, so the tags after it gave ids. As Jinja reads it, it runs to the end of the
    template (which Jinja refuses to compile, and the build names): nothing after it gives an id."""
    from pipeline.fragments import page_ids

    for opening in ("{#", "{{", "{%"):
        (tmp_path / "page.html").write_text('<main id="inhalt"></main>' + opening * 20_000 + '<p id="danach"></p>',
                                            encoding="utf-8")
        ids = page_ids([tmp_path], "page.html")
        assert "inhalt" in ids and "danach" not in ids, opening
    (tmp_path / "page.html").write_text('<main id="{{ a }}-x"></main>{# <p id="kommentar"> #}<p id="da"></p>',
                                        encoding="utf-8")
    ids = page_ids([tmp_path], "page.html")
    assert "da" in ids and "b-x" in ids and "kommentar" not in ids


def test_a_paragraph_of_links_to_pages_the_site_will_not_have_is_rendered_in_linear_time():
    """A link to an article's file no published article answers to (a draft) and an image at a static/ file the
    build does not make are shown as their text; each link and image token of the paragraph was looked up in the
    list of every such one (quadratic): a paragraph of 9,000 links to one draft took seconds of every build in
    each language. 8 times the links take about 8 times as long now (they took 56 times), each still its text."""
    from pipeline.render import render

    def rendering(n: int):
        text = " ".join(f"[Tee {i}](entwurf.md) ![Bild {i}](/static/fehlt.png)" for i in range(n)) + "\n"

        def work():
            html = render(text, links=lambda name: None, nowhere=lambda path: True).html
            assert "<a " not in html and "<img" not in html and f"Tee {n - 1} Bild {n - 1}" in html, html[:200]
        return work

    small, large = least_cpu(rendering(500), rendering(4_000), repeats=3)
    assert large < 16 * small, (small, large)


def test_a_merge_of_many_new_sentences_against_many_signed_off_ones_compares_them_in_rapidfuzz_s_loop(monkeypatch):
    """Every new sentence of an extract is compared with every old one (msgmerge's fuzzy matching), and
    ``_regrouped`` compares each with every run of two or three signed-off sentences besides (is it a join?), and
    every run of new ones with every old one (a split?): one Python call of ``similarity`` for each, 15 million
    for an article of 2,000 short sentences the author rewrote, 19 s of CPU in every extract of every language.
    Now rapidfuzz's own loop picks the few that may be alike (``nearest.Choices``); only those are scored, and a split
    and a join among them are still found."""
    import polib

    from pipeline import catalog

    count = 1000
    old, pot = polib.POFile(), polib.POFile()
    pot.header = "Template for “Igel” (source_de/igel.md)."
    pot.metadata = {"Project-Id-Version": "verlag igel", "POT-Creation-Date": "2026-05-26 10:00+0200",
                    "X-Generator": "verlag"}
    for german, english in [("Salbei beruhigt den Hals, und Minze kühlt den Magen.", "Sage soothes the throat, and "
                             "mint cools the stomach."), ("Kamille hilft beim Einschlafen.", "Chamomile helps you "
                             "fall asleep."), ("Sie schmeckt mild.", "It tastes mild.")]:
        old.append(polib.POEntry(msgid=german, msgstr=english))
    old.extend(polib.POEntry(msgid=f"Der Igel Nummer {i} schläft im Laub.", msgstr=f"Hedgehog number {i} sleeps in "
                             "the leaves.") for i in range(count))
    for german in ["Salbei beruhigt den Hals.", "Minze kühlt den Magen.",
                   "Kamille hilft beim Einschlafen und schmeckt mild.",
                   *(f"Tee der Sorte {i} wärmt am Abend." for i in range(count))]:
        pot.append(polib.POEntry(msgid=german, flags=[catalog.FLAG]))
    calls = []

    def counted(a: str, b: str, cutoff: float = 0.0) -> float:
        calls.append(1)
        return score(a, b, cutoff)

    score = catalog.similarity
    monkeypatch.setattr(catalog, "similarity", counted)
    po, report = catalog.merge(old, pot, "en")
    assert [[e.msgid for e in run] for _, run in report.splits] == [["Salbei beruhigt den Hals.",
                                                                     "Minze kühlt den Magen."]]
    assert [(e.msgid, e.msgstr) for e, _ in report.joins] == [("Kamille hilft beim Einschlafen und schmeckt mild.",
                                                               "Chamomile helps you fall asleep. It tastes mild.")]
    assert len(report.added) == count and report.obsolete == count + 2  # the joined two, for a split back
    assert len(calls) < 10 * count, len(calls)


@pytest.mark.parametrize("name", ["tee\nabend.md", "tee\u2069 abend.md", "tee\u2028abend.md"])
def test_a_source_file_name_a_reference_cannot_hold_is_its_error_and_no_catalog_is_written_from_it(
        project: Project, name: str):
    """Each sentence's ``#:`` line names its file. A guest's file named with a line break (its ``slug:`` fine)
    gave catalogs whose reference went on in a line msgfmt and verlag refuse ('keyword "abend" unknown'):
    extract said 'created', and every later command stopped at them; a U+2069 ended the isolated name early, so
    the catalogs' owner read ``source_de/tee``. Now the file is its error, named, and the others are extracted."""
    project.write(f"source_de/{name}", article("Tee", "Tee wärmt am Abend.\n", slug="tee-abend"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    result = project.run("extract", code=2)
    assert f"file name {f'source_de/{name}'!r} holds U+{ord(name[3]):04X}: " in result.output, result.output
    assert not list((project.root / "translations").rglob("tee-abend.po*"))
    # the name cannot end a message's line: "abend.md" starts no line of its own (it is written \n)
    assert not [line for line in result.output.split("\n") if line.startswith("abend.md")], result.output
    msgfmt_check(project.root / "translations/en/kaffee.po")


@pytest.mark.parametrize("brk", ["\n", "\u2028", "\u2029"])
def test_a_file_name_with_a_line_break_prints_no_line_that_looks_like_verlags_own(project: Project, tmp_path, brk):
    """Only an error's prefix wrote a line feed in a file name as ``\\n``: 'wrote source_de/x.md (from
    old/tee<LF>error: fake.md)' and the warning of an article in a subfolder printed the name raw, so a guest's
    file name could print a made-up 'error:' line. Every line break in a name is written as its escape now."""
    old = tmp_path / "old"
    old.mkdir()
    (old / f"tee{brk}error: fake.md").write_text("# Tee am Abend\n\nTee wärmt am Abend.\n", encoding="utf-8")
    project.write(f"source_de/alt{brk}error: x/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    said = project.run("import", str(old)).output + project.run("check").output
    escaped = "\\n" if brk == "\n" else f"\\u{ord(brk):04x}" if ord(brk) > 0xff else f"\\x{ord(brk):02x}"
    assert f"(from {old}/tee{escaped}error: fake.md)" in said, said
    assert f"warning: source_de/alt{escaped}error: x/kaffee.md: not read:" in said, said
    assert not [line for line in said.splitlines() if line.startswith("error: ")], said



def test_the_merge_of_many_alike_sentences_the_author_reworded_holds_memory_linear_in_their_number(
        site_project: Project):
    """An article of list items alike but for their numbers ("Dosis 17: 85 mg …"), each signed off, reworded by the
    author: every new sentence is at least 60 alike to every old one, and the merge sorted all those pairs at once
    to take the best first. 2,000 items made an extract of 1.1 GB; 8,000 would need 18 GB. Now each sentence holds a
    few best candidates (``greedy.pairs``): four times the items, about four times the memory (the square: 16
    times). Measured by ``tracemalloc``'s peak of the extract (one process), not by time; every item is still paired
    with its own row's old sentence."""
    import tracemalloc

    import polib

    def items(count: int, wording: str) -> str:
        return "".join(f"- Dosis {i}: {5 * i} mg {wording}\n" for i in range(1, count + 1))

    def peak(project: Project, count: int) -> int:
        slug = f"dosis-{count}"
        project.write(f"source_de/{slug}.md", article("Dosierung", items(count, "am Morgen, vor dem Essen.")))
        project.run("extract", "-j1")
        review(project, "en", slug, {f"Dosis {i}: {5 * i} mg am Morgen, vor dem Essen.": f"Dose {i}: in the morning."
                                     for i in range(1, count + 1)})
        reworded = items(count, "morgens, jeweils vor dem Frühstück.")
        project.write(f"source_de/{slug}.md", article("Dosierung", reworded))
        tracemalloc.start()
        try:
            project.run("extract", "-j1")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(site_project, 200), peak(site_project, 800)
    assert large < 8 * small, (small, large)
    po = polib.pofile(str(site_project.root / "translations/en/dosis-800.po"))
    assert all(e.msgstr == f"Dose {e.msgid.split(':')[0].split()[1]}: in the morning." and e.fuzzy
               for e in po if e.msgid.startswith("Dosis ")), [e for e in po if e.msgid.startswith("Dosis ")][:3]


def test_the_merge_of_many_alike_sentences_makes_python_objects_for_a_few_best_of_each(monkeypatch):
    """2,000 reworded list items alike but for their numbers, each at least 60 alike to every old one: rapidfuzz
    handed back every pair above the threshold (``process.extract`` without a limit), 8 million tuples made,
    looked at and sorted in Python, 5 s of the merge's CPU. Now each new sentence asks for a few best of each
    score (``nearest.Choices.most_alike``), so the tuples grow with the number of sentences; each item is still
    paired with its own row's old sentence."""
    import polib
    from rapidfuzz import process

    from pipeline import catalog

    count = 1000
    old, pot = polib.POFile(), polib.POFile()
    pot.header = "Template for “Dosierung” (source_de/dosis.md)."
    pot.metadata = {"Project-Id-Version": "verlag dosis", "POT-Creation-Date": "2026-05-26 10:00+0200",
                    "X-Generator": "verlag"}
    old.extend(polib.POEntry(msgid=f"Dosis {i}: {5 * i} mg am Morgen, vor dem Essen.", msgstr=f"Dose {i}.")
               for i in range(1, count + 1))
    pot.extend(polib.POEntry(msgid=f"Dosis {i}: {5 * i} mg morgens, jeweils vor dem Frühstück.", flags=[catalog.FLAG])
               for i in range(1, count + 1))
    handed: list[int] = []
    extract = process.extract

    def counted(*args, **kwargs):
        found = extract(*args, **kwargs)
        handed.append(len(found))
        return found

    monkeypatch.setattr(process, "extract", counted)
    po, report = catalog.merge(old, pot, "en")
    assert [(e.msgid.split(":")[0], e.msgstr) for e in po if e.msgid.startswith("Dosis")] == [
        (f"Dosis {i}", f"Dose {i}.") for i in range(1, count + 1)]
    assert report.fuzzy == count
    assert sum(handed) < 300 * count, sum(handed)


def test_a_folder_of_site_that_is_a_symlink_out_of_it_is_its_error_and_nothing_is_written_or_removed_there(
        site_project: Project, tmp_path_factory):
    """A project folder that came with ``site/de`` -> a folder elsewhere (an archive, a shared drive) had build
    write the German pages there, over the files of the same name; with a ``.verlag/site.json`` listing
    ``x/geheim.txt`` and ``site/x`` -> that folder, build deleted the file. Now each link is an error and the rest
    of the site is written; ``site/`` itself may still be a link (where the author keeps the site)."""
    import shutil

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "tee").mkdir()
    mine = {"tee/index.html": "mine", "geheim.txt": "geheim"}
    for rel, text in mine.items():
        (elsewhere / rel).write_text(text, encoding="utf-8")
    shutil.rmtree(project.root / "site/de")
    (project.root / "site/de").symlink_to(elsewhere)
    (project.root / "site/x").symlink_to(elsewhere)
    state_path = project.root / ".verlag/site.json"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    state["files"].append("x/geheim.txt")
    state_path.write_text(json.dumps(state), encoding="utf-8")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt sehr.\n"))
    result = project.run("build", code=2)
    assert {p.relative_to(elsewhere).as_posix(): p.read_text(encoding="utf-8")
            for p in elsewhere.rglob("*") if p.is_file()} == mine
    for link in ("de", "x"):
        assert f"error: site/{link}: a symbolic link (to {elsewhere}), not a folder: verlag writes and removes " \
               "the site's files only in folders of site/ itself" in result.output, result.output
    assert "everything else done: site/de, site/x" in result.output, result.output
    (project.root / "site/de").unlink()
    (project.root / "site/x").unlink()
    project.run("build")
    assert "Tee wärmt sehr." in project.read("site/de/tee/index.html")
    kept = tmp_path_factory.mktemp("kept") / "site"
    shutil.move(project.root / "site", kept)
    (project.root / "site").symlink_to(kept)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt am Abend.\n"))
    project.run("build")
    assert "Tee wärmt am Abend." in (kept / "de/tee/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["hugo", "plain"])
def test_a_post_of_a_folder_to_import_that_is_a_symlink_out_of_it_is_skipped_and_not_read(
        project: Project, tmp_path_factory, kind: str):
    """A folder of an old blog (an archive, a shared folder) whose ``content/posts/notiz.md`` (or a plain folder's
    ``notiz.md``) is a symlink to a file of the home folder brought that file in as an article's text, a shell
    history or a key, to be translated and published. Now it is skipped with why; a symlink inside the folder still
    reads."""
    outside = tmp_path_factory.mktemp("home")
    (outside / "history").write_text("export TOKEN=geheim\n", encoding="utf-8")
    site = tmp_path_factory.mktemp("alt")
    posts = site / "content/posts" if kind == "hugo" else site / "posts"
    posts.mkdir(parents=True)
    if kind == "hugo":
        (site / "hugo.toml").write_text('baseURL = "https://alt.example/"\ntitle = "Alt"\n', encoding="utf-8")
    (posts / "schlaf.md").write_text(article("Schlaf", "Gut schlafen.\n"), encoding="utf-8")
    (posts / "notiz.md").symlink_to(outside / "history")
    (posts / "ruhe.md").symlink_to("schlaf.md")
    out = project.run("import", str(site)).output
    assert f"  skipped {posts / 'notiz.md'}: a symlink that leads out of the folder imported; only files inside it " \
           "are read (copy the file there)" in out, out
    assert not [p for p in project.root.rglob("*") if p.is_file() and b"geheim" in p.read_bytes()]
    assert "Gut schlafen." in project.read("source_de/schlaf.md")
    assert "ruhe.md" in out


def test_a_folder_of_editions_that_is_a_symlink_is_its_error_and_no_file_there_is_written_or_removed(
        site_project: Project, tmp_path_factory):
    """build removes the editions of a language verlag.toml no longer lists: each ``.md`` and ``.json`` file of
    a folder of ``editions/`` not named as one. A project folder that came with ``editions/notizen`` -> a folder
    of the author's notes had build delete every Markdown file in it; ``editions/en`` -> a folder elsewhere had
    it write the English editions there, and ``editions`` itself -> the home folder would empty the folders of the
    home folder. Now a link below editions/ is an error and nothing is written or removed through it; editions/
    itself a link stops the build before anything is written."""
    import shutil

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    notes, elsewhere = tmp_path_factory.mktemp("notizen"), tmp_path_factory.mktemp("elsewhere")
    mine = {notes / "tagebuch.md": "mein Tagebuch", notes / "daten.json": "{}", elsewhere / "tee.md": "mine"}
    for path, text in mine.items():
        path.write_text(text, encoding="utf-8")
    (project.root / "editions/notizen").symlink_to(notes)
    shutil.rmtree(project.root / "editions/en")
    (project.root / "editions/en").symlink_to(elsewhere)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt sehr.\n"))
    result = project.run("build", code=2)
    assert {path: path.read_text(encoding="utf-8") for path in [*notes.iterdir(), *elsewhere.iterdir()]} == mine
    for link, target in (("en", elsewhere), ("notizen", notes)):
        assert f"error: editions/{link}: a symbolic link (to {target}), not a folder: verlag writes and removes " \
               "editions only in folders of editions/ itself" in result.output, result.output
    assert "Tee wärmt sehr." in project.read("editions/fr/tee.md")  # the other languages are built
    (project.root / "editions/notizen").unlink()
    (project.root / "editions/en").unlink()
    project.run("build")
    assert "Tee wärmt sehr." in project.read("editions/en/tee.md")
    home = tmp_path_factory.mktemp("home")
    shutil.move(project.root / "editions", home / "editions")
    (home / "notizen").mkdir()
    (home / "notizen/tagebuch.md").write_text("mein Tagebuch", encoding="utf-8")
    (project.root / "editions").symlink_to(home)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt am Abend.\n"))
    result = project.run("build", code=2)
    assert f"error: editions: a symbolic link (to {home}), not a folder: build removes the editions of a language " \
           "verlag.toml no longer lists" in result.output, result.output
    assert (home / "notizen/tagebuch.md").read_text(encoding="utf-8") == "mein Tagebuch"


def test_a_folder_of_the_review_report_that_is_a_symlink_is_its_error_and_no_page_there_is_written_or_removed(
        project: Project, tmp_path_factory):
    """``verlag review`` removes the pages of a language verlag.toml no longer lists: each ``.html`` file of a
    folder of ``review/`` not named as one. A project folder that came with ``review/alt`` -> a folder of the
    author's web pages had it delete every page there; ``review/en`` -> a folder elsewhere had it write the English
    pages there. Now a link below review/ is an error and nothing is written or removed through it; review/ itself a
    link stops it before anything is written."""
    import shutil

    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    project.run("review")
    web, elsewhere = tmp_path_factory.mktemp("web"), tmp_path_factory.mktemp("elsewhere")
    mine = {web / "index.html": "meine Seite", elsewhere / "tee.html": "mine"}
    for path, text in mine.items():
        path.write_text(text, encoding="utf-8")
    (project.root / "review/alt").symlink_to(web)
    shutil.rmtree(project.root / "review/en")
    (project.root / "review/en").symlink_to(elsewhere)
    result = project.run("review", code=2)
    assert {path: path.read_text(encoding="utf-8") for path in [*web.iterdir(), *elsewhere.iterdir()]} == mine
    for link, target in (("en", elsewhere), ("alt", web)):
        assert f"error: review/{link}: a symbolic link (to {target}), not a folder: verlag writes and removes the " \
               "report's pages only in folders of review/ itself" in result.output, result.output
    assert "Tee" in project.read("review/fr/tee.html")  # the other languages are written
    (project.root / "review/alt").unlink()
    (project.root / "review/en").unlink()
    project.run("review")
    assert (project.root / "review/en/tee.html").is_file()
    home = tmp_path_factory.mktemp("home")
    shutil.move(project.root / "review", home / "review")
    (home / "alt").mkdir()
    (home / "alt/index.html").write_text("meine Seite", encoding="utf-8")
    (project.root / "review").symlink_to(home)
    result = project.run("review", code=2)
    assert f"error: review: a symbolic link (to {home}), not a folder: review removes the pages of a language " \
           "verlag.toml no longer lists" in result.output, result.output
    assert (home / "alt/index.html").read_text(encoding="utf-8") == "meine Seite"


def test_the_ids_of_many_headings_of_one_text_are_made_in_linear_time():
    """Each heading gets an id from its text, a repeat the first of ``-1``, ``-2``, … not taken: mdit-py-plugins'
    anchors tried every suffix from ``-1`` again for each repeat, so a guest's article of 16,000 headings "Tee"
    cost 54 s of CPU for each of its pages, in every build. 8 times the headings take about 8 times as long now
    (they took over 40 times), with the same ids, also where a heading's text makes a repeat's id ("Tee 2")."""
    from pipeline.render import render

    def rendering(n: int):
        text = "## Tee 2\n\n" + "".join(f"## Tee\n\nTee {i}.\n\n" for i in range(n))

        def work():
            html = render(text).html
            ids = re.findall(r'<h2 id="([^"]*)"', html)
            assert ids[:5] == ["tee-2", "tee", "tee-1", "tee-3", "tee-4"] and ids[-1] == f"tee-{n}", ids[:5]
        return work

    small, large = least_cpu(rendering(1_000), rendering(8_000), repeats=3)
    assert large < 16 * small, (small, large)


def test_an_editions_folder_that_is_a_symlink_is_not_swept_for_temp_files(site_project: Project, tmp_path_factory):
    """A writing command removes the temp files (``.name.XXXXXXXX.tmp``) a killed run left in the folders verlag
    writes, all the way down: a project folder that came with ``editions`` -> the home folder had ``verlag
    extract`` delete every file so named below it, in any folder of the home folder."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    home = tmp_path_factory.mktemp("home")
    (home / "briefe").mkdir()
    kept = home / "briefe/.bericht.abcdefgh.tmp"
    kept.write_text("mein Bericht", encoding="utf-8")
    (project.root / "editions").symlink_to(home)
    project.run("extract")
    assert kept.read_text(encoding="utf-8") == "mein Bericht"
    leftover = project.write("translations/en/.tee.po.abcdefgh.tmp", "half")  # the project's own are still swept
    (project.root / ".verlag/no-temp-files").unlink()  # as a killed run leaves it: the next writer sweeps
    project.run("extract")
    assert not leftover.exists() and kept.exists()


def test_import_compares_each_new_article_with_the_few_it_could_have_been_imported_as(tmp_path, monkeypatch):
    """``importer.place`` asked of every known article whether a new one had been imported as it: 2,000 posts
    titled "Tee" made 2 million comparisons (3.3 s, 10,000 posts over a minute). Undated posts without an old
    address (compared by title, date and text) and dated ones with one, after an existing file of the title:
    the comparisons counted stay a few per post, and each post still gets a file of its own, the one the source
    folder held and the earlier post of the same text are found, as before."""
    import datetime as dt

    from pipeline import importer

    calls = []
    for name in ("_same_title_date", "_dated_since", "_same_text"):
        def counted(*args, _real=getattr(importer, name)):
            calls.append(1)
            return _real(*args)
        monkeypatch.setattr(importer, name, counted)
    source = tmp_path / "source_de"
    source.mkdir()
    (source / "tee.md").write_text("---\ntitle: Tee\ndate: 2020-01-01\n---\nDer alte Tee.\n", encoding="utf-8")
    n = 1000
    undated = [importer.new_article("Tee", f"Tee Nummer {i} wärmt.", f"notes/{i}.md",
                                    origin=f"notes/{i}.md of notes") for i in range(n)]
    dated = [importer.new_article("Tee", f"Tee vom Tag {i}.", f"export.xml:{i}", slug=f"tee-tag-{i}",
                                  date=dt.date(2021, 1, 1) + dt.timedelta(days=i),
                                  aliases=[f"https://blog.example/tee-{i}/"], origin=f"post {i} of blog")
             for i in range(n)]
    again = importer.new_article("Tee", "Tee Nummer 7 wärmt.\n\nNeu.", "notes/x.md")
    old = importer.new_article("Tee", "Der alte Tee.", "notes/y.md")
    placed = importer.place([*undated, *dated, again, old], source)
    assert len(calls) < 10 * n, len(calls)  # a scan of all made 2.5 million
    assert len({p.path for p in placed[:2 * n]}) == 2 * n and not any(p.imported_as for p in placed[:2 * n])
    assert placed[-2].imported_as == placed[7].path and placed[-1].imported_as == source / "tee.md"


def test_import_names_each_of_many_same_titled_posts_without_trying_the_names_before_it(tmp_path):
    """``importer.place`` tried ``tee``, ``tee-2``, ``tee-3``, … again for each post titled "Tee": n posts, n²/2
    names made and looked up. The names made (counted as the slug's formatting into ``<slug>-<n>``) and the
    look-ups of a deleted article's catalogs (``kept``) stay about one per post, and the names are those of
    before: a file's name, a name whose catalogs are kept and a Windows device name are skipped, in order."""
    import dataclasses

    from pipeline import importer

    made = []

    class Slug(str):
        def __format__(self, spec: str) -> str:
            made.append(1)
            return str.__format__(self, spec)

    source = tmp_path / "source_de"
    source.mkdir()
    (source / "tee-3.md").write_text("---\ntitle: Anders\ndate: 2020-01-01\n---\nAnders.\n", encoding="utf-8")
    asked = []

    def kept(slug: str) -> list[Path]:
        asked.append(slug)
        return [tmp_path / "tee-5.po"] if slug == "tee-5" else []

    n = 2000
    articles = [dataclasses.replace(importer.new_article("Tee", f"Tee Nummer {i}.", f"export.xml:{i}",
                                                         origin=f"post {i} of blog"), slug=Slug("tee"))
                for i in range(n)]
    articles += [importer.new_article("Con", "Con.", "export.xml:c", slug="con"),
                 importer.new_article("Con", "Con 2.", "export.xml:d", slug="con")]
    placed = importer.place(articles, source, kept)
    assert len(made) < 3 * n and len(asked) < 3 * n, (len(made), len(asked))  # 2 million names were made
    assert [p.path.stem for p in placed[:5]] == ["tee", "tee-2", "tee-4", "tee-6", "tee-7"]
    assert [p.path.stem for p in placed[n - 1:]] == [f"tee-{n + 2}", "con-2", "con-3"]


def test_naming_many_images_of_one_name_in_an_article_costs_linear_time(tmp_path):
    """``importer.local_name`` built the set of an article's image names again for each image and tried ``-2``,
    ``-3``, … again: 1,000 images called ``bild.png`` (a page bundle's, a Media Library's months) took 0.06 s, 4,000
    took 0.96 s. Four times the images cost about four times the CPU (the old way sixteen); the names are those of
    before, a Windows device's name numbered after it (``con-2.png``)."""
    from pipeline import importer

    def named(n: int) -> list[str]:
        names = importer.ImageNames()
        return [importer.local_name(names, tmp_path / f"d{i}" / ("con.png" if i % 10 == 9 else "bild.png"))
                for i in range(n)]

    assert named(12) == ["bild.png", *(f"bild-{i}.png" for i in range(2, 10)), "con-2.png", "bild-10.png",
                         "bild-11.png"]
    small, large = least_cpu(lambda: named(1000), lambda: named(4000))
    assert large < 8 * small, (small, large)


def test_import_reads_the_slug_of_each_source_file_once(tmp_path, monkeypatch):
    """``importer.place`` read every file of the source folder for its ``slug:`` line (``likely_slug``) again
    for each article it named: 200 posts into a project of 200 articles, 40,000 reads. Each file is read once
    per run; a page of init's still holding placeholders is still named by the article that takes another name
    for it (``unfilled_holder``)."""
    from pipeline import importer

    source = tmp_path / "source_de"
    (source / "seiten").mkdir(parents=True)
    for i in range(200):
        (source / f"alt-{i}.md").write_text(f"---\ntitle: Alt {i}\ndate: 2020-01-01\n---\nAlt {i}.\n",
                                            encoding="utf-8")
    (source / "seiten" / "ueber.md").write_text("---\ntitle: Über\ndate: 2020-01-01\n---\n"
                                                "[[AUSFÜLLEN: wer wir sind]] und mehr.\n", encoding="utf-8")
    reads = []

    def counted(path: Path) -> str:
        reads.append(path)
        return likely_slug(path)

    likely_slug = importer.likely_slug
    monkeypatch.setattr(importer, "likely_slug", counted)
    articles = [importer.new_article(f"Neu {i}", f"Neu {i}.", f"export.xml:{i}", origin=f"post {i} of blog")
                for i in range(200)]
    articles.append(importer.new_article("Über", "Wir sind.", "export.xml:u", page=True, slug="ueber"))
    placed = importer.place(articles, source)
    assert len(reads) == 201, len(reads)
    assert placed[-1].path == source / "seiten" / "ueber-2.md"
    assert placed[-1].unfilled_holder == source / "seiten" / "ueber.md"


def test_placing_many_images_of_one_name_in_a_run_costs_linear_time(tmp_path):
    """``importer.place`` tried ``image.jpg``, ``image-2.jpg``, … from the start for each image of the run, a look-up
    each and a stat for a file there before: a WordPress export's 2,000 images called ``image.jpg`` (one in each
    month's folder of its uploads) took 15.8 s, 8,000 over four minutes. Four times the images cost about four times
    the CPU; the names are those of before: a file there with other bytes is never overwritten, one with the same
    bytes, or an earlier image of the run with them, is shared."""
    from pipeline import importer

    def articles(n: int) -> tuple[Path, list]:
        folder = tmp_path / str(n)
        (folder / "source_de/bilder").mkdir(parents=True)
        (folder / "source_de/bilder/image.jpg").write_bytes(b"\xff\xd8\xff alt")
        (folder / "source_de/bilder/image-3.jpg").write_bytes(b"\xff\xd8\xff 1")
        made = []
        for i in range(n):
            image = folder / "uploads" / str(i) / "image.jpg"
            image.parent.mkdir(parents=True)
            image.write_bytes(b"\xff\xd8\xff %d" % (0 if i == 3 else i))
            made.append(importer.new_article(f"Beitrag {i}", "![Bild](bilder/image.jpg)\n", f"export.xml:{i}",
                                             origin=f"post {i}", images={image: "image.jpg"}))
        return folder / "source_de", made

    small, large = articles(250), articles(1000)
    names = [[t.name for _, t in p.images] for p in importer.place(large[1], large[0])]
    assert names[:6] == [["image-2.jpg"], ["image-3.jpg"], ["image-4.jpg"], ["image-2.jpg"], ["image-5.jpg"],
                         ["image-6.jpg"]], names[:6]
    assert names[-1] == ["image-1000.jpg"]
    assert (large[0] / "bilder/image.jpg").read_bytes() == b"\xff\xd8\xff alt"
    small_cpu, large_cpu = least_cpu(lambda: importer.place(small[1], small[0]),
                                     lambda: importer.place(large[1], large[0]))
    assert large_cpu < 8 * small_cpu, (small_cpu, large_cpu)

@pytest.mark.parametrize("link", ["translations", "translations/templates", "translations/en"])
def test_a_translations_folder_that_is_a_symlink_out_of_the_project_is_an_error_and_nothing_there_is_touched(
        site_project: Project, tmp_path_factory, link: str):
    """``extract`` deletes each template of ``translations/templates/`` whose article is gone, writes catalogs
    into ``translations/<lang>/`` and sweeps ``translations/`` for a killed run's temp files: a project folder
    that came with ``translations`` -> the home folder had extract delete every ``.pot`` and every file named
    like ``.name.XXXXXXXX.tmp`` below it, and write ``en/tee.po`` there. A link out of the project is now an
    error of every command, before anything is read or written; one to a folder inside the project works."""
    import shutil

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    home = tmp_path_factory.mktemp("home")
    target = home / "mine"
    shutil.move(project.root / link, target)
    mine = {target / "vorlage.pot": "meine Vorlage", target / "briefe/.bericht.abcdefgh.tmp": "mein Bericht"}
    for path, text in mine.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    before = {path: path.read_bytes() for path in target.rglob("*") if path.is_file()}
    (project.root / link).symlink_to(target)
    (project.root / ".verlag/no-temp-files").unlink()  # as a killed run leaves it: the next writer sweeps
    project.write("source_de/tee.md", article("Tee", "Tee wärmt sehr.\n"))
    for command in ("extract", "check", "build"):
        result = project.run(command, code=2)
        assert f"error: {link}: a symbolic link (to {target}) leading out of the project: verlag reads and " \
               "writes the catalogs only in the project's own folders" in result.output, result.output
        assert "Traceback" not in result.output
    assert {path: path.read_bytes() for path in target.rglob("*") if path.is_file()} == before
    (project.root / link).unlink()
    shutil.move(target, project.root / "inside")
    for path in mine:
        (project.root / "inside" / path.relative_to(target)).unlink()
    (project.root / link).symlink_to(os.path.relpath(project.root / "inside", (project.root / link).parent))
    project.run("extract")  # a link to a folder of the project is followed
    project.run("build")
    assert "Tee wärmt sehr." in project.read("editions/en/tee.md")


def test_a_theme_template_cannot_write_or_read_a_file_through_a_path_in_its_context(site_project: Project):
    """Jinja's sandbox refuses what reaches Python itself, yet calls any public method of an object in the
    context: each page's ``page.record`` (the edition record its body is read from) is a ``pathlib.Path``, so a
    downloaded theme's ``{{ page.record.joinpath('/home/me/.bashrc').write_text(…) }}`` wrote any file at every
    build, and ``read_text`` put any file into a page. A path's attributes are now refused as unsafe: the build
    names the template's line, and nothing is written or read."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("build")
    before = {p: p.read_bytes() for p in (project.root / "site").rglob("*") if p.is_file()}
    marker = project.root.parent / "ran.txt"
    secret = project.write("../geheim.txt", "geheim")
    theme = (Path(__file__).parent.parent / "pipeline/templates/article.html").read_text(encoding="utf-8")
    for line in (f"{{{{ page.record.joinpath({str(marker)!r}).write_text('written by a theme') }}}}",
                 f"{{{{ page.record.joinpath({str(secret)!r}).read_text() }}}}",
                 "{{ page.record.parent|attr('joinpath') }}"):
        project.write("templates/article.html", theme.replace("{% block main %}\n", "{% block main %}\n" + line, 1))
        result = project.run("build", code=2)
        assert not marker.exists()
        assert re.search(r"error: templates/article\.html:\d+: template: access to attribute '(joinpath|parent)' of "
                         r"'PosixPath' object is unsafe", result.output), result.output
        assert before == {p: p.read_bytes() for p in (project.root / "site").rglob("*") if p.is_file()}


def test_a_glossary_term_of_thousands_of_words_is_an_error_at_its_line(project: Project):
    """A term's pattern is tried from each word of a sentence and follows the term word by word: a term of
    m words costs a sentence of n words up to n·m steps. A glossary that came with a project, whose term was 4,000
    times 'Tee', made extract of an article of 20,000 'Tee' 1.6 s of CPU, and the 32,000 a CSV cell holds took
    minutes. A term (German, translation or forbidden one) of more than ``MAX_TERM_WORDS`` words is now an error
    at its line, as other mistakes in the glossary are, said at once."""
    import subprocess
    import sys

    from pipeline.glossary import MAX_TERM_WORDS

    project.write("source_de/tee.md", article("Tee", "Tee " * 20000 + "\n"))
    many = " ".join(["Tee"] * 4000)
    for row, cell in ((f"{many},tea,", "source"), (f"Tee,{many},", "en"), (f"Tee,tea,{many.lower()}", "en_forbidden")):
        project.write("translations/glossary.csv", f"source,en,en_forbidden\nKaffee,coffee,\n{row}\n")
        run = subprocess.run([sys.executable, "-m", "verlag", "-C", str(project.root), "extract"],
                             capture_output=True, text=True, timeout=WALL, preexec_fn=cpu_bound(20))
        assert run.returncode == 2, run.stderr
        assert f"error: translations/glossary.csv:3: {cell}: a term of 4000 words; a glossary term is a word or a " \
               f"name of a few, at most {MAX_TERM_WORDS}" in run.stderr, run.stderr
    project.write("translations/glossary.csv", "source,en\nKaffee,coffee\n" + ",".join([" ".join(["Tee"] * 20)] * 2))
    project.run("extract")


def test_a_glossary_or_redirects_file_that_is_a_symlink_out_of_the_project_is_not_read(site_project: Project,
                                                                                          tmp_path_factory):
    """A project folder that came from someone else with ``translations/glossary.csv`` -> a file elsewhere: every
    command read that file as the glossary, put its terms into the catalogs' ``#. glossary:`` hints and sent them
    to a translation service (``translations/`` itself leading out was refused, the file in it not); so with
    ``redirects.txt``, whose lines became the site's redirects. Each is now refused naming it, exit 2 for the
    glossary (as a glossary that does not read); the redirects are left out and the rest of the site built. A
    link to a file inside the project is read."""
    project = site_project
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "terms.csv").write_text("source,en\nTee,GEHEIM-TERM\n", encoding="utf-8")
    (elsewhere / "moved.txt").write_text("/geheim/ /de/tee/\n", encoding="utf-8")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    (project.root / "translations").mkdir()
    (project.root / "translations/glossary.csv").symlink_to(elsewhere / "terms.csv")
    said = (f"error: translations/glossary.csv: a symbolic link (to {elsewhere / 'terms.csv'}) leading out of the "
            f"project: {LEADS_OUT}")
    for command in ("extract", "check", "build"):
        assert said in project.run(command, code=2).output
    assert not (project.root / "translations/en/tee.po").exists()
    (project.root / "translations/glossary.csv").unlink()
    project.write("notes/terms.csv", "source,en\nTee,tea\n")
    (project.root / "translations/glossary.csv").symlink_to("../notes/terms.csv")
    project.run("extract")
    assert "#. glossary: Tee -> tea" in project.read("translations/en/tee.po")
    (project.root / "redirects.txt").symlink_to(elsewhere / "moved.txt")
    result = project.run("build", code=2)
    assert f"error: redirects.txt: a symbolic link (to {elsewhere / 'moved.txt'}) leading out of the project: " \
        f"{LEADS_OUT}; its old addresses are not answered" in result.output, result.output
    assert (project.root / "site/de/tee/index.html").is_file() and not (project.root / "site/geheim").exists()
    assert not [p for p in (project.root / "site").rglob("*") if p.is_file() and b"/geheim/" in p.read_bytes()]


def test_import_neither_reads_nor_writes_through_a_redirects_file_that_is_a_symlink_out_of_the_project(
        project: Project, tmp_path_factory):
    """``verlag import`` adds a moved site's old addresses to ``redirects.txt``: the build refused one that is a
    symbolic link leading out of the project, import read it and wrote that file's lines, with the new ones, into
    the project in the link's place, where the build answered them. The project's own files now have one rule
    (``fsutil.confine``), kept at every read and write: import names the link (exit 2) and imports the articles;
    the link and the file it names stay as they were."""
    from test_import_moved import JEKYLL, VERLAG_TOML
    from test_import_sites import tree

    elsewhere = tmp_path_factory.mktemp("elsewhere") / "moved.txt"
    elsewhere.write_text("/geheim/  /de/  301\n", encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    (project.root / "redirects.txt").symlink_to(elsewhere)
    result = project.run("import", str(tree(tmp_path_factory.mktemp("alt") / "jekyll", JEKYLL)), code=2)
    assert f"error: redirects.txt: a symbolic link (to {elsewhere}) leading out of the project: {LEADS_OUT}" \
        in result.output, result.output
    assert "Traceback" not in result.output
    assert (project.root / "redirects.txt").readlink() == elsewhere
    assert elsewhere.read_text(encoding="utf-8") == "/geheim/  /de/  301\n"
    assert len(list((project.root / "source_de").glob("*.md"))) == 3, result.output  # the two posts, the page


@pytest.mark.parametrize("line", ["summary: " + "9" * 5000, "tags: [" + "3" * 5000 + "]", "date: 2026-13-45\nsummary: "
                                  + "9" * 5000])
def test_a_number_of_more_digits_than_python_converts_is_an_error_at_its_line(project: Project, line: str):
    """Python converts at most 4,300 digits to an int (``sys.get_int_max_str_digits``), and YAML reads a plain
    scalar of digits as one: front matter with a 5,000-digit number was 'source_de/tee.md: ValueError: Exceeds the
    limit (4300 digits) for integer string conversion: … use sys.set_int_max_str_digits() to increase the limit',
    with no line, and advice for a Python programmer. Now it is an error at the number's line saying how to keep
    it as text; the other articles are extracted."""
    project.write("source_de/tee.md", f"---\ntitle: Tee\n{line}\n---\nTee wärmt.\n")
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    result = project.run("extract", code=2)
    key = line.rsplit("\n", 1)[-1].split(":")[0]
    assert f"error: source_de/tee.md:{line.count(chr(10)) + 3}: {key}: a number of 5,000 digits, more than verlag " \
           "reads (4,300); put it in quotes to keep it as text" in result.output, result.output
    assert "ValueError" not in result.output and "9" * 100 not in result.output
    assert "Kaffee weckt." in project.read("translations/templates/kaffee.pot")


def test_a_toml_number_of_more_digits_than_python_converts_is_an_error_at_its_line(project: Project, tmp_path_factory):
    """tomllib hands a number to ``int``, whose ``ValueError`` for more than 4,300 digits is no ``TOMLDecodeError``:
    a verlag.toml that came with a project, ``feed_entries`` 5,000 digits long, stopped every command with 'internal
    error: ValueError: Exceeds the limit (4300 digits) …', and a Hugo page's ``+++`` front matter with one stopped
    its import the same way. Each is now an error at the number's line."""
    digits = "9" * 5000
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    config = project.read("verlag.toml")
    project.write("verlag.toml", config + f"[site]\nfeed_entries = {digits}\n")
    result = project.run("build", code=2)
    assert f"error: {project.root / 'verlag.toml'}:5: invalid TOML: feed_entries: a number of 5,000 digits, more " \
           "than verlag reads (4,300)" in result.output, result.output
    assert "internal error" not in result.output and digits[:100] not in result.output
    project.write("verlag.toml", config)
    hugo = tmp_path_factory.mktemp("hugo") / "tee.md"
    hugo.write_text(f'+++\ntitle = "Tee"\nweight = {digits}\n+++\nTee wärmt sehr.\n', encoding="utf-8")
    result = project.run("import", str(hugo), code=2)
    assert f"error: {hugo}:3: invalid TOML front matter: weight: a number of 5,000 digits" in result.output, \
        result.output
    assert "internal error" not in result.output


def test_a_width_or_list_level_of_thousands_of_digits_in_imported_html_is_no_number(project: Project, tmp_path):
    """Python converts at most 4,300 digits to an int: a pasted Word page whose ``mso-list`` level, a saved page
    whose lazy image's ``data-srcset`` width or a Wix image's stated width (``width``, ``w_`` of ``data-pin-media``)
    had 5,000 digits stopped the whole import with 'internal error: ValueError: Exceeds the limit (4300 digits)'.
    Such a number is now none: the list is a list, the image the one with a width, the page imported."""
    import base64

    from pipeline.importer_html import _unblurred

    digits = "9" * 5000
    text = "<p>Tee wärmt den Körper an kalten Tagen sehr gut und ist gesund.</p>"
    (tmp_path / "word.html").write_text(
        '<html><head><meta charset="utf-8"><title>Liste</title></head><body>'
        f'<p class=MsoListParagraph style="mso-list:l0 level{digits} lfo1">1.&nbsp;Erstens der Tee.</p>'
        '<p class=MsoListParagraph style="mso-list:l0 level1 lfo1">2.&nbsp;Dann das Wasser.</p>'
        f'{text}</body></html>', encoding="utf-8")
    (tmp_path / "lazy.html").write_text(
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Tee am Abend</title></head><body><article>'
        f'<h1>Tee am Abend</h1>{text}<img data-srcset="gross.jpg {digits}w, klein.jpg 100w" alt="Tee">{text * 2}'
        '</article></body></html>', encoding="utf-8")
    for name in ("word.html", "lazy.html"):
        result = project.run("import", str(tmp_path / name))
        assert "internal error" not in result.output, result.output
    assert "1. Erstens der Tee.\n2. Dann das Wasser." in project.read("source_de/liste.md")
    assert "image not found: klein.jpg (no such file in the saved page's folder): left out" in result.output
    local = tmp_path / "abc~mv2.png"
    local.write_bytes(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
                                       "AAAABJRU5ErkJggg=="))
    from lxml import html

    for attribute in (f'width="{digits}"', 'data-pin-media="https://static.wixstatic.com/media/abc~mv2.png/v1/fill/'
                                           f'w_{digits},h_5/abc~mv2.png"'):
        notes: list[str] = []
        assert str(_unblurred(html.fromstring(f'<img src="abc~mv2.png" {attribute}>'), local, notes)).startswith(
            "https://static.wixstatic.com/media/abc~mv2.png")
        assert notes[0].startswith("image: abc~mv2.png is Wix's blurred placeholder (1 pixels wide"), notes


def test_a_block_number_or_placeholder_of_thousands_of_digits_is_no_number(project: Project):
    """Python converts at most 4,300 digits to an int: a catalog that came with a project, a note ``#. paragraph,
    block 999…`` of 5,000 digits, stopped pretranslate with 'internal error: ValueError: Exceeds the limit (4300
    digits)', and so did a service's answer with such a placeholder (``<g999…>``): whatever answers at the
    engine's address could stop the run. Such a number is now none: the entry gets its draft without its block's
    context, and the placeholder is text of the answer, named as a placeholder left in it (``restore``)."""
    from pipeline.protect import mask, restore

    digits = "9" * 5000
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n\nKaffee weckt.\n"))
    project.run("extract")
    catalog = project.root / "translations/en/tee.po"
    text = catalog.read_text(encoding="utf-8")
    assert text.count("#. paragraph, block 1\n") == 1
    catalog.write_text(text.replace("#. paragraph, block 1\n", f"#. paragraph, block {digits}\n"), encoding="utf-8")
    result = project.run("pretranslate", "--engine", "copy")
    assert "internal error" not in result.output
    assert 'msgid "Tee wärmt."\nmsgstr "Tee wärmt."' in catalog.read_text(encoding="utf-8")
    masked = mask("Die <b>Leber</b> arbeitet.")
    restored, problems = restore(f"THE <g1>LIVER</g1> WORKS <g{digits}>.", masked)
    assert restored == f"THE <b>LIVER</b> WORKS <g{digits}>."
    assert problems == ["placeholder '<g999999999' left in the text"]


@pytest.mark.parametrize("address", ["www.tee.example", "https://tee.example/", "tee@tee.example"])
def test_a_text_of_many_web_addresses_is_analysed_in_linear_time(address: str):
    """``markup.analyse`` jumps from one stop character (``\\``, a backtick, ``<``, ``*``, ``_``, ``~``, a bracket) or
    bare web address to the next; after each address it searched for the next stop character to the end of a text
    that had none (quadratic: a German paragraph or a msgstr of 16,000 addresses, 256 KB, took 4 s of CPU each time
    extract, check or review read it, one of 8 MB over an hour). 8 times the addresses take about 8 times as long now
    (they took 61 times), each still one atomic span."""
    from pipeline.markup import analyse

    def analysing(n: int):
        text = " ".join([address] * n) + " und Tee."

        def work():
            assert len(analyse(text).atomic) == n
        return work

    small, large = least_cpu(analysing(1_000), analysing(8_000))
    assert large < 16 * small, (small, large)


@pytest.mark.parametrize("quote", ["«", "„", "“"])
def test_a_block_of_quotation_marks_without_a_space_is_split_into_sentences_in_linear_time(quote: str):
    """pysbd's patterns for the text between quotation marks are quadratic in a run of opening marks without a
    closing one; a block is handed to it in windows of about 2,000 characters, but they were cut only at
    whitespace, so a German paragraph of 40,000 "«" without a space went to pysbd whole (4 s of extract, 160,000
    killed after 40 s; check, build and review split it too). 8 times the marks take about 8 times as long now, and
    the sentence before them is still one."""
    from pipeline import sentences

    def splitting(n: int):
        text = "Tee wärmt. Er " + quote * n + " hilft."

        def work():
            sentences._spans_in_block.cache_clear()  # each call splits the block, as each run of verlag does
            assert sentences.split_sentences(text, "de")[0] == "Tee wärmt."
        return work

    small, large = least_cpu(splitting(2_000), splitting(16_000), repeats=3)
    assert large < 16 * small, (small, large)


@pytest.mark.parametrize("html", ["Text " + "<b>" * 20_000 + " Ende.", "<div>" * 20_000])
def test_a_block_of_thousands_of_html_elements_left_open_is_refused_at_its_line_and_the_rest_is_built(
        site_project: Project, html: str):
    """A German block's own HTML is published as written, and each ``<b>`` or ``<div>`` left open nests the rest of
    the page one deeper: Pagefind's index of a page of 53,000 took 2.7 s of CPU, 106,000 twelve (and 140 s of the
    build), its time growing with their square; browsers nest no deeper than 512. More than 1,000 open at once is
    the article's error at its line for extract and build, as a block of too many '[' is; the others are built."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/fett.md", article("Fett", f"Erster Absatz.\n\n{html}\n\n<b>Fett</b> und <i>kursiv</i>.\n"))
    message = "error: source_de/fett.md:7: more than 1,000 HTML elements open at once in one block"
    assert message in project.run("extract", code=2).output
    assert message in project.run("build", code=2).output
    assert "Tee wärmt." in project.read("site/de/tee/index.html")
    assert not (project.root / "site/de/fett").exists()


def test_a_catalog_of_thousands_of_translations_the_german_does_not_have_is_merged_in_linear_time():
    """A catalog joined with another article's (msgcat) or padded on purpose holds thousands of translated entries
    of German the article does not have; each goes obsolete, and whether it was a new one to count was asked with
    ``entry in`` a list of them, which compares entries field by field (quadratic: 20,000 such entries, 1.3 MB,
    took extract 97 s of CPU, now under a second). 8 times the entries take about 8 times as long now, and each is
    kept as an obsolete entry with its translation and counted."""
    import polib

    from pipeline import catalog

    def merging(count: int):
        old, pot = polib.POFile(), polib.POFile()
        old.extend(polib.POEntry(msgid=f"Satz {i} über Tee.", msgstr=f"Sentence {i} about tea.", flags=[catalog.FLAG])
                   for i in range(count))
        pot.header = "Template for “Tee” (source_de/tee.md)."
        pot.metadata = {"Project-Id-Version": "verlag tee", "POT-Creation-Date": "2026-05-26 10:00+0200",
                        "X-Generator": "verlag"}
        pot.append(polib.POEntry(msgid="Tee wärmt.", flags=[catalog.FLAG]))

        def work():
            po, report = catalog.merge(old, pot, "en")
            assert report.obsolete == count and len(po.obsolete_entries()) == count, (report.obsolete, len(po))
        return work

    small, large = least_cpu(merging(500), merging(4_000), repeats=3)
    assert large < 16 * small, (small, large)


@pytest.mark.parametrize("old", ["/*", "/blog/*", "/:seite/", "/%2A", "/alt/:splat"])
def test_an_old_address_netlify_reads_as_a_pattern_is_refused_at_its_line(site_project: Project, old: str):
    """``_redirects`` (Netlify, Cloudflare Pages) reads ``*`` as a splat and a segment ``:name`` as a placeholder:
    a guest author's ``aliases: ["/*"]`` (or a line of ``redirects.txt`` in a project someone handed over) sent every
    address the site does not have, every mistyped link and every old address without its own page, to that
    article; ``/:seite/`` every one-segment address. Each is an error at its line, and the other old addresses of
    the article and of the file are still redirected."""
    project = site_project
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\naliases:\n  - /alter-tee/\n"
                                      f"  - '{old}'\n---\nTee wärmt.\n")
    project.write("redirects.txt", f"/alt.xml  /de/feed.xml  301\n{old}  /de/feed.xml  301\n")
    out = project.run("build", code=2).output
    assert f"error: source_de/tee.md:6: aliases: '{old}' has a '*' or a segment starting with ':'" in out, out
    assert f"error: redirects.txt:2: {old} has a '*' or a segment starting with ':'" in out, out
    assert sorted(project.read("site/_redirects").splitlines()) == ["/alt.xml  /de/feed.xml  301",
                                                                    "/alter-tee/  /de/tee/  301"]
    assert "Tee wärmt." in project.read("site/de/tee/index.html")


@pytest.mark.parametrize("catalog", ["translations/en/tee.po", "translations/templates/tee.pot",
                                     "translations/en/site.po"])
def test_a_catalog_that_is_a_symlink_out_of_the_project_is_never_read_nor_written_through(
        site_project: Project, tmp_path_factory, catalog: str):
    """A symlinked ``translations/`` leading out was refused, a catalog in it was not: a project folder that came
    with ``translations/en/tee.po`` -> a file elsewhere had extract read that file, carry its translations into
    the catalog it wrote in the link's place, build publish them and pretranslate send them. Such a catalog is
    now named, never read nor replaced; the other articles go on; a link inside the project is followed."""
    from cli import main

    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    project.run("build")
    elsewhere = tmp_path_factory.mktemp("home") / "fremd.po"
    text = (project.read(catalog) if (project.root / catalog).exists()
            else project.read("translations/en/kaffee.po"))
    for german in ("Tee wärmt.", "Kaffee weckt.", "Tee", "Kaffee"):
        text = text.replace(f'msgid "{german}"\nmsgstr ""', f'msgid "{german}"\nmsgstr "GEHEIM"')
    elsewhere.write_text(text, encoding="utf-8")
    (project.root / catalog).unlink(missing_ok=True)
    (project.root / catalog).symlink_to(elsewhere)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt sehr.\n"))
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt sehr.\n"))
    named = f"error: {catalog}: a symbolic link (to {elsewhere}) leading out of the project: {LEADS_OUT}"
    needed = {"extract"} | ({"status", "check", "review"} if catalog.endswith(".pot") else  # those that read it
                            {"build", "status", "check", "pretranslate", "review"} if "tee" in catalog else set())
    for command in ("extract", "build", "status", "check", "pretranslate", "review"):
        result = project.runner.invoke(main, ["-C", str(project.root), command])
        assert (result.exit_code, named in result.output) in ((2, True), (0, False)), f"{command}: {result.output}"
        assert "Traceback" not in result.output and "GEHEIM" not in result.output
        needed.discard(command if result.exit_code else "")
        assert command != "status" or "kaffee" in result.output, result.output  # the other articles go on
    assert not needed, f"these commands did not name {catalog}: {needed}"
    assert (project.root / catalog).readlink() == elsewhere and elsewhere.read_text(encoding="utf-8") == text
    assert "Kaffee weckt sehr." in project.read("editions/en/kaffee.md")  # the other article went on
    assert not [p for p in project.root.rglob("*")
                if p.is_file() and not p.is_symlink() and "GEHEIM" in p.read_text("utf-8", "replace")]
    (project.root / catalog).unlink()
    inside = project.write("mine/fremd.po", text)
    (project.root / catalog).symlink_to(os.path.relpath(inside, (project.root / catalog).parent))
    project.run("extract")  # a link to a file of the project is followed


@pytest.mark.parametrize("base", [5, ["https://example.org/"], {"url": "https://example.org/"}])
def test_a_base_url_of_another_type_after_a_build_is_named_by_check_and_the_rest_is_checked(
        site_project: Project, base):
    """After a build (``.verlag/site.json`` lists its files), check looks for languages that build published and
    verlag.toml no longer names by the addresses of their pages: a ``base_url`` that is no text (a cloned
    project's ``base_url = 5``) made that an internal IndexError, and check reported nothing else."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee zieht 5 Minuten.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee zieht 5 Minuten.": "Tea steeps for a while."})
    project.run("build")
    written = project.read("verlag.toml").replace('base_url = "https://example.org/"', f"base_url = {json.dumps(base)}")
    project.write("verlag.toml", written.replace('"url": ', "url = "))
    out = project.run("check", code=2).output
    assert re.search(r"verlag\.toml:\d+: base_url: expected the address of the site's folder", out), out
    assert "translations/en/tee.po" in out and "[numbers]" in out, out  # the catalogs are checked all the same
    assert "internal error" not in out


@pytest.mark.parametrize("host", ["[::1", "[fremd.example", "a\u2100b.example"])
def test_an_address_whose_host_urlsplit_refuses_costs_only_its_own_redirect_or_image(site_project: Project, host):
    """urlsplit raises ValueError for a host with a '[' and no IPv6 address and for one holding a character NFKC
    turns into '/', '?', '#', '@' or ':' (℀ is 'a/c'): a guest author's old address of that kind, or a raw HTML
    image, stopped check, build, status and review for every article with an internal error; as ``base_url`` of a
    cloned project, every one of them."""
    from cli import main

    project = site_project
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\naliases:\n  - /alter-tee/\n"
                                      f"  - 'https://{host}/tee/'\n---\nTee wärmt.\n\n"
                                      f'<img src="https://{host}/tee.png" alt="Tasse"> '
                                      '<img src="/media/x.png" alt="x">\n')
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.run("extract")
    problem = f"source_de/tee.md:6: aliases: 'https://{host}/tee/' is no address a browser opens"
    for command in ("check", "status", "review", "build"):
        result = project.runner.invoke(main, ["-C", str(project.root), command])
        assert "internal error" not in result.output and "Traceback" not in result.output, result.output
        assert command in ("status", "review") or problem in result.output, f"{command}: {result.output}"
    assert project.read("site/_redirects").splitlines() == ["/alter-tee/  /de/tee/  301"]
    page = project.read("site/de/tee/index.html")
    assert f"https://{host}/tee.png" in page and 'og:image" content="https://example.org/media/x.png"' in page
    assert "Tee wärmt." in project.read("site/de/feed.xml")  # its entry, the image's address as written
    assert "Kaffee weckt." in project.read("site/de/kaffee/index.html")
    project.write("verlag.toml", project.read("verlag.toml").replace("https://example.org/", f"https://{host}/"))
    for command in ("check", "status", "review", "build"):
        result = project.runner.invoke(main, ["-C", str(project.root), command])
        assert "internal error" not in result.output and "Traceback" not in result.output, result.output
        assert command in ("status", "review") or re.search(
            r"verlag\.toml:\d+: base_url: expected the address of the site's folder", result.output), result.output


@pytest.mark.parametrize("host", ["[::1", "a\u2100b.example"])
def test_an_address_whose_host_urlsplit_refuses_is_left_out_of_an_import_and_named(project: Project, tmp_path,
                                                                                    host: str):
    """A saved page's link or image, a WordPress post's, a feed entry's and a Hugo page's (its raw HTML image, its
    alias, the old site's ``baseURL``, a WordPress post's or a feed's ``<link>``, a saved page's "saved from url"
    mark) with a host urlsplit refuses (see the test above) stopped the whole import with an internal error; each
    is left out and named, and every post is imported."""
    from test_import_wordpress import post, wxr

    bad = f"https://{host}"
    lead = "Ingwer wärmt von innen und hilft bei Erkältungen, sagen viele in der Praxis seit Jahren."
    page = tmp_path / "ingwer.html"
    page.write_text('<!DOCTYPE html>\n<!-- saved from url=(0020)https://[::1/ingwer/ -->\n<html lang="de"><head>'
                    '<meta charset="utf-8"><title>Ingwer</title></head><body>'
                    f'<article><h1>Ingwer</h1><p>{lead} Ein <a href="{bad}/x">Verweis</a>.</p><p><img '
                    f'src="{bad}/y.png" alt="Knolle"> Frischer Ingwer ist besser als Pulver.</p></article></body>'
                    "</html>", encoding="utf-8")
    export = tmp_path / "export.xml"
    export.write_text(wxr(post("Genug trinken", f'{lead} <a href="{bad}/x">Verweis</a>\n\n<img src="{bad}/y.png">',
                               post_id=102, name="trinken"),
                          post("Zweiter Beitrag", lead, post_id=103, name="zweiter", link=f"{bad}/zweiter/")),
                      encoding="utf-8")
    hugo = tmp_path / "hugo"
    (hugo / "content/posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(f'baseURL = "{bad}/"\ntitle = "Alt"\n', encoding="utf-8")
    (hugo / "content/posts/tee.md").write_text(f'---\ntitle: Tee im Winter\ndate: 2024-01-05\naliases: ["{bad}/alt/"]'
                                               f'\n---\n{lead} <img src="{bad}/z.png">\n', encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Alt</title><link>'
                    f"{bad}/</link><item><title>Holunder</title><link>{bad}/holunder/</link><pubDate>Mon, 08 Apr 2024 "
                    f'09:00:00 GMT</pubDate><description><![CDATA[<p>{lead} <img src="/bilder/h.png"></p>]]>'
                    "</description></item></channel></rss>\n", encoding="utf-8")
    out = project.run("import", str(page), str(export), str(hugo), str(feed)).output
    assert "internal error" not in out
    left_out = "is no address a browser opens"
    assert f"link left out, its text kept: {bad}/x ('Verweis'): it {left_out}" in out, out
    assert f"image not kept: {bad}/y.png: it {left_out}" in out
    assert f"old address {bad}/zweiter/ not kept: it {left_out}" in out
    assert f"old address {bad}/alt/ not kept: it {left_out}" in out
    assert f"old address {bad}/holunder/ not kept: it {left_out}" in out
    assert f"old address https://[::1/ingwer/ not kept: it {left_out}" in out  # the browser's mark of a saved page
    assert f"image in HTML not copied: {bad}/z.png ({hugo / 'content/posts/tee.md'}:6): it {left_out}" in out, out
    for slug in ("ingwer", "trinken", "zweiter", "tee-im-winter", "holunder"):
        assert lead in project.read(f"source_de/{slug}.md")
    assert f"{bad}/" not in project.read("source_de/ingwer.md") + project.read("source_de/trinken.md")


@pytest.mark.parametrize("host", ["[::1", "a\u2100b.example"])
def test_a_translation_linking_a_host_urlsplit_refuses_is_a_foreign_target_and_the_article_is_built(
        site_project: Project, host: str):
    """A reviewer's link, image or raw HTML link to such a host (see the tests above) made check, status, review
    and build fail the German article with "ValueError: …" while checking its catalog: none of its pages was
    built, in any language. It is a link to a place the German never points to, held back at its line."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt, sagt [die Praxis](https://example.org/x).\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt, sagt [die Praxis](https://example.org/x).":
                                  f'Tea warms, says [the practice](https://{host}/x) <a href="https://{host}/y">y</a>.'})
    out = project.run("check", code=1).output
    assert re.search(r"translations/en/tee\.po:\d+: link or image to a place the German never points to: "
                     rf"https://{re.escape(host.lower())}/x", out), out
    assert "ValueError" not in out
    for command in ("status", "review", "build"):
        assert "ValueError" not in project.run(command).output
    assert "en/tee: 1 segment held back by QA errors" in project.run("build").output
    assert "Tee wärmt" in project.read("site/de/tee/index.html")
    assert f"{host}/" not in project.read("site/en/tee/index.html")


@pytest.mark.parametrize("base", ["5", '"https://[::1/"'])
def test_a_base_url_that_is_no_address_leaves_checks_naming_the_sites_paths_working(site_project: Project, base):
    """Check names the address of a page the last build published whose article is gone, of the page an unreadable
    article had, of a language no longer built: each read ``base_url``'s path from a ``base_url`` that is no
    address (a cloned project's ``base_url = 5``, or one urlsplit refuses), an internal IndexError in place of
    every finding. They are named at the site's root, beside the base_url error."""
    project = site_project
    for slug in ("tee", "kaffee", "mate"):
        project.write(f"source_de/{slug}.md", article(slug.title(), f"{slug.title()} weckt.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee weckt.": "Tea wakes you up."})
    project.run("build")
    (project.root / "source_de/kaffee.md").unlink()
    project.write("source_de/mate.md", "---\ntitle: [Mate\n---\nMate weckt.\n")
    project.write("verlag.toml", project.read("verlag.toml").replace('base_url = "https://example.org/"',
                                                                     f"base_url = {base}").replace('"en", "fr"', '"fr"'))
    out = project.run("check", code=2).output
    assert "internal error" not in out
    assert re.search(r"verlag\.toml:\d+: base_url: expected the address of the site's folder", out), out
    assert "the published address /de/kaffee/ is gone" in out, out
    assert "the published address /en/ is gone: en is no longer in verlag.toml's languages" in out, out


@pytest.mark.parametrize("url", ["http://[::1/v1", "http://a\u2100b/v1"])
def test_an_engine_url_whose_host_urlsplit_refuses_is_an_error_at_its_line(project: Project, url: str):
    """A cloned project's ``[engines.llm] url`` of a host urlsplit refuses (see the tests above) stopped
    pretranslate, also ``--dry-run``, with an internal ValueError instead of naming the setting."""
    project.write("verlag.toml", project.read("verlag.toml") + '[pretranslate]\nengines = ["llm"]\n'
                                                               f'[engines.llm]\nurl = "{url}"\nmodel = "m"\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    for args in (["--dry-run"], []):
        out = project.run("pretranslate", *args, code=2).output
        assert re.search(rf"verlag\.toml:\d+: url: \[engines\.llm\] expected an http\(s\) URL, got '{re.escape(url)}'",
                         out), out


@pytest.mark.parametrize("name", ["https://[::1/tee/", "https://a\u2100b.example/tee/"])
def test_a_translation_of_an_address_whose_host_urlsplit_refuses_is_no_article(project: Project, tmp_path, name):
    """``import --translation-of`` looks an old address up among the articles' aliases: one of a host urlsplit
    refuses (see the tests above) was an internal ValueError, where another that names no article is refused."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    english = tmp_path / "tea.md"
    english.write_text("Tea warms.\n", encoding="utf-8")
    out = project.run("import", "--translation-of", name, "--lang", "en", str(english), code=2).output
    assert f"error: no article with slug '{name}' in source_de/" in out, out
    assert not (project.root / "translations/en/tee.po").exists()


@pytest.mark.parametrize("address", ["//[::1/kaffee.md", "//a\u2100b.example/kaffee.md"])
def test_a_translation_linking_an_article_by_a_scheme_relative_address_urlsplit_refuses_is_checked(
        site_project: Project, address: str):
    """Whether a translation's link still leads to the article the German links (``kaffee.md``) asks which article
    an address names: a scheme-relative one of a host urlsplit refuses (see the tests above) was "ValueError" as
    the German article's error, and none of its pages was built."""
    project = site_project
    project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    project.write("source_de/tee.md", article("Tee", "Tee wärmt wie [Kaffee](kaffee.md).\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee wärmt wie [Kaffee](kaffee.md).":
                                  f"Tea warms like [coffee]({address})."})
    out = project.run("check", code=1).output
    assert re.search(r"translations/en/tee\.po:\d+: link destination or image source changed: missing link "
                     rf"kaffee\.md; instead link {re.escape(address)}", out), out
    assert "ValueError" not in out
    assert "ValueError" not in project.run("build").output
    assert "Tee wärmt" in project.read("site/de/tee/index.html")


def test_an_imported_article_s_raw_html_address_urlsplit_refuses_costs_none_of_its_old_site_warnings(
        project: Project):
    """Check looks for links to the old site an article was imported from among its raw HTML's addresses too: one
    whose host urlsplit refuses (see the tests above) made "ValueError" the article's error, and its other links to
    the old site went unsaid."""
    project.write("source_de/alt.md", "---\ntitle: Alt\ndate: 2026-05-02\naliases: [https://old.example/alt/]\n"
                                      "---\nText <a href=\"//[::1/y\">a</a> und "
                                      "<img src=\"https://a\u2100b.example/b.png\"> und "
                                      "[c](https://old.example/c.png).\n")
    project.run("extract")
    out = project.run("check").output
    assert "ValueError" not in out
    assert "source_de/alt.md:6: https://old.example/c.png is a file on the old site (old.example)" in out, out


@pytest.mark.parametrize("host", ["[::1", "a\u2100b.example"])
def test_an_article_s_old_address_urlsplit_refuses_leaves_the_next_import_working(project: Project, tmp_path,
                                                                                   host: str):
    """``import`` compares each post with the articles of source_de/ by their old addresses: one article whose
    ``aliases:`` held an address of a host urlsplit refuses (see the tests above) made the whole import "internal
    error: ValueError", nothing written. Its other old address still finds it: the post imported again is known."""
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2024-01-05\n"
                                      f"aliases: ['https://{host}/tee/', '/alt/tee/']\n---\nTee wärmt.\n")
    folder = tmp_path / "alt"
    folder.mkdir()
    (folder / "kaffee.md").write_text("---\ntitle: Kaffee\n---\nKaffee weckt jeden Morgen alle Leute auf.\n",
                                      encoding="utf-8")
    (folder / "tee.md").write_text("---\ntitle: Tee\ndate: 2024-01-05\naliases: [/alt/tee/]\n---\nTee wärmt.\n",
                                   encoding="utf-8")
    out = project.run("import", str(folder)).output
    assert "internal error" not in out
    assert "Kaffee weckt jeden Morgen" in project.read("source_de/kaffee.md")
    assert sorted(p.name for p in (project.root / "source_de").iterdir()) == ["kaffee.md", "tee.md"], out


@pytest.mark.parametrize("host", ["[::1", "a\u2100b.example"])
def test_a_jekyll_site_s_addresses_urlsplit_refuses_are_left_out_of_its_import(project: Project, tmp_path, host):
    """A Jekyll site's ``baseurl`` and a post's Liquid link (``{{ "x://host/y" | relative_url }}``) of a host
    urlsplit refuses (see the tests above) made the whole import "internal error: ValueError"; the base path is
    none and the link stays as written, named; the post is imported."""
    site = tmp_path / "jekyll"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(f'baseurl: "//{host}/blog"\nplugins: [jekyll-feed]\n', encoding="utf-8")
    (site / "_posts/2024-01-05-tee.md").write_text(
        '---\ntitle: Tee\n---\nTee wärmt von innen, jeden Morgen. [Mehr]({{ "x://' + host + '/y" | relative_url }})\n',
        encoding="utf-8")
    out = project.run("import", str(site)).output
    assert "internal error" not in out
    assert re.search(r'tee\.md:\d+: link \{\{ "x://' + re.escape(host) + r'/y" \| relative_url }} kept as Liquid',
                     out), out
    assert "Tee wärmt von innen" in project.read("source_de/tee.md")


@pytest.mark.parametrize("host", ["[::1", "a\u2100b.example"])
def test_a_hugo_page_s_own_address_urlsplit_refuses_costs_only_its_relative_alias(project: Project, tmp_path,
                                                                                  host: str):
    """A Hugo page's relative alias (``aliases: [alt/]``) is joined to the page's own address (its ``url:``): one
    of a host urlsplit refuses (see the tests above) made the whole import "internal error: ValueError". Where the
    alias was is not known, so it is left out, named with the address."""
    hugo = tmp_path / "hugo"
    (hugo / "content/posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://old.example/"\ntitle = "Alt"\n', encoding="utf-8")
    (hugo / "content/posts/tee.md").write_text(f'---\ntitle: Tee\ndate: 2024-01-05\nurl: "//{host}/tee/"\n'
                                               'aliases: ["alt/"]\n---\nTee wärmt von innen, jeden Morgen.\n',
                                               encoding="utf-8")
    out = project.run("import", str(hugo)).output
    assert "internal error" not in out
    assert f"old address alt/ not kept: it is relative to the page's own address //{host}/tee/, which is no " \
           "address a browser opens" in out, out
    assert "aliases" not in project.read("source_de/tee.md")


@pytest.mark.parametrize("head", ['<base href="https://praxis.example/">',
                                  '<link rel="canonical" href="https://praxis.example/">'])
def test_a_saved_page_naming_the_old_sites_home_page_keeps_no_alias_and_is_built(project: Project, tmp_path, head):
    """A theme's ``<base href>`` (where the page's relative addresses start) or an SEO plugin's canonical link set to
    the home page on every page was imported as the article's old address: ``aliases: [https://praxis.example/]``,
    and build refused the article ('aliases: / is the address of site/index.html'). The page's own address is
    the browser's saved-from mark then, and the home page is no article's old address."""
    page = tmp_path / "holunder.html"
    page.write_text(
        '<!DOCTYPE html>\n<!-- saved from url=(0042)https://praxis.example/blog/holunder.html -->\n<html lang="de">'
        f'<head><meta charset="utf-8">{head}<title>Holunder im Herbst</title></head><body><article>'
        "<h1>Holunder im Herbst</h1><p>Der Holunder ist ein alter Hausstrauch, den man in vielen Gärten findet.</p>"
        "<p>Seine Beeren werden im Herbst reif und sind gekocht ein guter Saft für kalte Tage.</p>"
        "</article></body></html>", encoding="utf-8")
    result = project.run("import", str(page))
    assert result.exit_code == 0, result.output
    text = project.read("source_de/holunder-im-herbst.md")
    assert "- https://praxis.example/\n" not in text, text
    if "base" in head:
        assert "- https://praxis.example/blog/holunder.html\n" in text, text
    else:
        assert "old address https://praxis.example/ not kept: the old site's home page" in result.output, result.output
    project.write("source_de/holunder-im-herbst.md", text.replace("draft: true\n", ""))
    built = project.run("build")
    assert built.exit_code == 0, built.output
    assert (project.root / "site/de/holunder-im-herbst/index.html").is_file()


def test_serve_weighs_the_host_of_a_request_in_absolute_form_and_answers_one_it_cannot_read(site_project: Project,
                                                                                           capfd):
    """A request line in absolute form (``GET http://evil.example/de/tee/``, RFC 9112 3.2.2: its host is the
    request's, whatever the ``Host`` header says) was answered as one to 127.0.0.1, and one whose host urlsplit
    refuses (``GET http://[::1/``) got no answer and printed a Python traceback in the author's terminal. The
    first is another host's (403), the second one the preview cannot read (400); the local ones are answered."""
    import socket
    import threading

    from pipeline.serve import make_server

    site_project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    site_project.run("build")
    capfd.readouterr()
    server = make_server(site_project.root / "site", 0, "/", ("de", "en"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_port

    def status(target: str) -> bytes:
        with socket.create_connection(("127.0.0.1", port), timeout=WALL) as connection:
            connection.sendall(f"GET {target} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            return connection.makefile("rb").readline()

    try:
        answers = [status(target).split(b" ")[1:2] for target in (
            "http://evil.example/de/tee/", "http://[::1/de/tee/", f"http://127.0.0.1:{port}/de/tee/", "/de/tee/")]
    finally:
        server.shutdown()
        server.server_close()
    assert answers == [[b"403"], [b"400"], [b"200"], [b"200"]]
    assert "Traceback" not in capfd.readouterr().err


def _tables_in_place_of_verlags(path: Path, script: str) -> None:
    import sqlite3

    path.parent.mkdir(exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(script)
    db.close()


def test_an_mt_cache_whose_table_is_a_view_is_set_aside_and_the_service_drafts(project: Project, monkeypatch):
    """A ``.verlag/mt-cache.sqlite`` that came with the project folder holding a view where the cache's table
    belongs (or a table of other columns) stopped pretranslate with 'internal error: sqlite3.OperationalError:
    cannot modify translations because it is a view' after the service had answered. Its tables are not
    verlag's: it is damaged, set aside as mt-cache.sqlite.damaged and made afresh, and the drafts are written."""
    from mtserver import FakeService

    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    cache = project.root / ".verlag/mt-cache.sqlite"
    _tables_in_place_of_verlags(cache, "CREATE VIEW translations AS SELECT 1 AS engine, 2 AS source, 3 AS target, "
                                       "4 AS text, 5 AS result, 6 AS created;")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt am Abend.\n"))
    project.run("extract")
    with FakeService() as service:
        project.write("verlag.toml", project.read("verlag.toml")
                      + f'\n[engines.libre]\nurl = "{service.url}/"\nbackoff = 0.02\ntimeout = 5\n')
        result = project.run("pretranslate", "--engine", "libre", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "mt-cache.sqlite: damaged (cannot modify translations because it is a view)" in result.output
    assert (project.root / ".verlag/mt-cache.sqlite.damaged").is_file()
    assert "TEE WÄRMT AM ABEND." in project.read("translations/en/tee.po")
    msgfmt_check(project.root / "translations/en/tee.po")


def test_a_translation_memory_of_tables_not_verlags_is_named_as_damaged_and_kept(project: Project):
    """A ``.verlag/tm.sqlite`` holding a view named ``units`` (or tables of other columns) was each catalog's error:
    'translations/en/tee.po: sqlite3.OperationalError: views may not be indexed (while drafting with tm)', the
    index never named. It is the damaged index, named with what to do, and kept for a person to look at."""
    from pipeline.tm import SCHEMA

    index = project.root / ".verlag/tm.sqlite"
    _tables_in_place_of_verlags(index, f"CREATE VIEW units AS SELECT 1 AS origin; PRAGMA user_version = {SCHEMA};")
    kept = index.read_bytes()
    project.write("source_de/tee.md", article("Tee", "Tee wärmt am Abend.\n"))
    project.run("extract")
    result = project.run("pretranslate", "--engine", "tm", "--engine", "pseudo", "--lang", "en")
    assert re.search(r"^warning: tm: \.verlag/tm\.sqlite: translation memory index is damaged \(views may not be "
                     r"indexed\); delete it", result.output, re.M), result.output
    assert "tee.po: sqlite3" not in result.output and index.read_bytes() == kept
    assert "mt: pseudo" in project.read("translations/en/tee.po")
    assert "translation memory index is damaged" in project.run("tm", "export", "x.tmx", code=2).output


def test_an_svg_file_beside_a_saved_page_that_runs_a_script_is_not_copied_into_the_project_or_site(project: Project,
                                                                                                  tmp_path):
    """A saved page's ``<img src="bild_files/blume.svg">`` was copied into ``source_dir/bilder/`` as it was, and build
    published it as ``site/media/bilder/blume.svg``: a reader opening that address ran its ``<script>`` in the
    site's origin (the same SVG as an inline ``data:`` image was refused). An SVG file with a script, an event
    handler or a reference outside it (``inline_images.SVG_ACTIVE_RE``) is not copied, named at its file; the
    article, its other images and a harmless SVG are."""
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(document.domain)">'
           b'<script>alert(1)</script><rect width="10" height="10"/></svg>')
    (tmp_path / "blume.svg").write_bytes(svg)
    (tmp_path / "blatt.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>')
    page = tmp_path / "kamille.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kamille im Sommer</title></head><body>'
        "<article><h1>Kamille im Sommer</h1><p>Die Kamille blüht im Sommer auf vielen Wiesen und an den Wegen.</p>"
        '<p><img src="blume.svg" alt="Blume"> <img src="blatt.svg" alt="Blatt"></p>'
        "<p>Man sammelt die Blüten an trockenen Tagen und trocknet sie im Schatten.</p>"
        "</article></body></html>", encoding="utf-8")
    result = project.run("import", str(page), code=2)
    assert "blume.svg: image of " in result.output and "an SVG with a script" in result.output, result.output
    assert not (project.root / "source_de/bilder/blume.svg").exists()
    assert (project.root / "source_de/bilder/blatt.svg").read_bytes().startswith(b"<svg")
    text = project.read("source_de/kamille-im-sommer.md")
    project.write("source_de/kamille-im-sommer.md", text.replace("draft: true\n", ""))
    project.run("build")
    published = [p.read_bytes() for p in (project.root / "site").rglob("*.svg")]
    assert published and not any(b"<script" in p for p in published)


def test_a_service_answering_megabytes_for_a_sentence_leaves_it_to_the_next_engine_and_the_catalog_readable(
        project: Project, monkeypatch):
    """A service caught in a loop (a model repeating its last word up to its limit) answered each sentence with
    megabytes: each was written into the catalog as a draft (25 MB for two sentences), 'check' reported four
    million doubled words, and a third such answer took the catalog past the 32 MB every command reads of one,
    so every command refused it. An answer many times longer than its German is no translation: the sentence is
    left to the next engine, said so, and the catalog stays small."""
    from mtserver import FakeService

    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    project.write("source_de/tee.md", article("Tee", "Tee wärmt am Abend. Kaffee weckt am Morgen.\n"))
    project.run("extract")
    with FakeService() as service:
        service.rules = {"Abend": "runaway"}
        project.write("verlag.toml", project.read("verlag.toml")
                      + f'\n[engines.libre]\nurl = "{service.url}/"\nbackoff = 0.02\ntimeout = 30\nbatch_chars = 30\n')
        result = project.run("pretranslate", "--engine", "libre", "--engine", "pseudo", "--lang", "en")
    # the title went in the sentence's request, and came back so too
    assert re.search(r"libre: 2 segments not translated: answered with more than .* times the length of its German",
                     result.output), result.output
    catalog = project.root / "translations/en/tee.po"
    assert catalog.stat().st_size < 10_000
    assert "KAFFEE WECKT AM MORGEN." in catalog.read_text(encoding="utf-8")
    assert re.search(r"mt: pseudo\n(#.*\n)*msgid \"Tee wärmt am Abend.\"", catalog.read_text(encoding="utf-8"))
    msgfmt_check(catalog)


def test_a_translation_of_one_word_repeated_thousands_of_times_is_one_doubled_word_warning(site_project: Project):
    """A msgstr of one word repeated (a machine draft of a service in a loop, signed off unread) was a warning for
    each repetition: 'check' printed 25,000 identical 'doubled word' lines for one entry. The same pair is said once
    per entry; another pair in it still is."""
    site_project.write("source_de/tee.md", article("Tee", "Tee wärmt am Abend.\n"))
    site_project.run("extract")
    review(site_project, "en", "tee", {"Tee wärmt am Abend.": "Tea warms the the evening " + "ab " * 50_000})
    out = site_project.run("check", "--lang", "en").output
    assert out.count("doubled word: 'ab ab'") == 1 and out.count("doubled word: 'the the'") == 1, out[:2000]


@pytest.mark.parametrize("kind", ["html", "md"])
def test_an_image_or_link_naming_a_file_no_system_can_have_is_not_found_and_the_article_imported(project: Project,
                                                                                                 tmp_path, kind):
    """A saved page's ``<img src="a%00b.png">`` (or a Hugo page's ``![x](a%00b.png)``, a link to ``c%00d.pdf``)
    stopped the import with 'internal error: ValueError: embedded null byte', and a name longer than the system
    takes could raise OSError (ENAMETOOLONG): nothing was imported. Such a name is no file beside the page: the
    image is not found, named, and the article is imported."""
    long = "A" * 300
    if kind == "html":
        page = tmp_path / "minze.html"
        page.write_text(
            '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Minze im Garten</title></head><body>'
            "<article><h1>Minze im Garten</h1><p>Die Minze wächst schnell und braucht viel Platz im Beet.</p>"
            f'<p><img src="a%00b.png" alt="nul"> <a href="c%00d.pdf">Merkblatt</a> <img src="{long}.png" alt="lang">'
            "</p><p>Man erntet die Blätter am besten am Morgen, bevor die Sonne sie austrocknet.</p>"
            "</article></body></html>", encoding="utf-8")
    else:
        page = tmp_path / "minze.md"
        page.write_text("---\ntitle: Minze im Garten\ndate: 2024-05-01\n---\nDie Minze wächst schnell.\n\n"
                        f"![nul](a%00b.png) [Merkblatt](c%00d.pdf) ![lang]({long}.png)\n", encoding="utf-8")
    result = project.run("import", str(page))
    assert "internal error" not in result.output and "image not found: a%00b.png" in result.output, result.output
    assert f"image not found: {long}" in result.output
    assert "Die Minze wächst schnell" in project.read("source_de/minze-im-garten.md")


def test_the_note_on_a_saved_page_s_missing_image_prints_no_line_that_looks_like_verlags_own(project: Project,
                                                                                             tmp_path):
    """The note on an image the browser did not save suggests the Markdown to add it with, its file name decoded:
    ``<img src="x%0Aerror%3A%20tee.md%3A1%3A%20fake.png">`` printed a line 'error: tee.md:1: fake.png))' of its
    own. The name's line break is written ``\\n`` there, as in every message naming a file."""
    page = tmp_path / "minze.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Minze im Garten</title></head><body>'
        "<article><h1>Minze im Garten</h1><p>Die Minze wächst schnell und braucht viel Platz im Beet.</p>"
        '<p><img src="x%0Aerror%3A%20tee.md%3A1%3A%20fake.png" alt="Minze"></p>'
        "<p>Man erntet die Blätter am besten am Morgen, bevor die Sonne sie austrocknet.</p>"
        "</article></body></html>", encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "(![Minze](bilder/x\\nerror: tee.md:1: fake.png))" in out, out
    assert not re.search(r"^\s*error:", out, re.M), out


def test_a_german_image_or_link_naming_a_file_no_system_can_have_is_its_error_and_the_site_is_built(
        site_project: Project):
    """``![Tasse](bilder/a%00b.png)`` in one article stopped 'check' and 'build' with 'internal error: ValueError:
    embedded null byte', and a link to a name longer than the system takes with 'error: source_de/AAAA….png: File
    name too long' naming no article: no page of any article was checked or built. A NUL byte in a name is that
    article's error at its line; a name too long is a missing file, warned at its line; the others are built."""
    long = "A" * 300
    site_project.write("source_de/tee.md", article("Tee", f"Tee wärmt.\n\n![Tasse](bilder/a%00b.png)\n\n"
                                                          f"[Merkblatt]({long}.pdf)\n"))
    site_project.write("source_de/kaffee.md", article("Kaffee", "Kaffee weckt.\n"))
    site_project.run("extract")
    checked = site_project.run("check", code=2).output
    assert "internal error" not in checked and "File name too long" not in checked, checked[:3000]
    assert re.search(r"^error: source_de/tee\.md:\d+: 'bilder/a%00b\.png' names no file", checked, re.M), checked
    assert re.search(rf"^warning: source_de/tee\.md:\d+: '{long}\.pdf': no such file", checked, re.M), checked
    built = site_project.run("build", code=2).output
    assert re.search(r"^error: source_de/tee\.md:\d+: 'bilder/a%00b\.png' names no file", built, re.M), built
    assert (site_project.root / "site/de/kaffee/index.html").is_file()


def test_a_german_svg_that_runs_a_script_is_its_articles_error_and_not_published(site_project: Project):
    """An SVG in source_de/bilder/ with a ``<script>`` or ``onload=`` (a guest author's, one copied from an old site by
    hand) was published as site/media/bilder/blume.svg: a reader opening its address (a link to it, a lightbox's
    "open image") ran the script as the site's own page. It is its article's error at its reference and not
    published; an SVG without script and the other articles are."""
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(document.domain)">'
           b'<script>alert(1)</script><rect width="10" height="10"/></svg>')
    (site_project.root / "source_de/bilder").mkdir(parents=True, exist_ok=True)
    (site_project.root / "source_de/bilder/blume.svg").write_bytes(svg)
    (site_project.root / "source_de/bilder/blatt.svg").write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="9" '
        b'height="9"/></svg>')
    site_project.write("source_de/blume.md", article("Blume", "Eine Blume.\n\n![Blume](bilder/blume.svg)\n"))
    site_project.write("source_de/blatt.md", article("Blatt", "Ein Blatt.\n\n![Blatt](bilder/blatt.svg)\n"))
    site_project.run("extract")
    checked = site_project.run("check", code=2).output
    assert re.search(r"^error: source_de/blume\.md:\d+: source_de/bilder/blume\.svg: an SVG that runs a script",
                     checked, re.M), checked
    built = site_project.run("build", code=2).output
    assert "blume.svg: an SVG that runs a script" in built, built
    published = {p.name: p.read_bytes() for p in (site_project.root / "site").rglob("*.svg")}
    assert "blume.svg" not in published and b"<rect" in published["blatt.svg"]
    assert (site_project.root / "site/de/blatt/index.html").is_file()


def test_a_feed_entry_linking_no_web_address_keeps_no_alias_or_slug_from_it_and_is_built(project: Project, tmp_path):
    """A feed whose entry's ``<link>`` is ``javascript:alert(1)`` (or ``data:…``) was imported as
    ``source_de/alert-1.md`` ('slug 'alert-1' from its old address') with ``aliases: [javascript:alert(1)]``, which
    build refused: the article was not built. Such a link is no old address: the title names the file, the link is
    left out and noted, and the article is built."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title>'
        "<link>https://praxis.example/blog</link><description>Neues</description><item>"
        "<title>Wasser im Winter</title><link>javascript:alert(1)</link><pubDate>Tue, 04 Feb 2025 08:30:00 GMT"
        "</pubDate><description>&lt;p&gt;Auch im Winter braucht der Körper genug Flüssigkeit.&lt;/p&gt;"
        "</description></item></channel></rss>", encoding="utf-8")
    out = project.run("import", str(feed)).output
    assert "old address javascript:alert(1) not kept" in out and "alert-1" not in out, out
    text = project.read("source_de/wasser-im-winter.md")
    assert "javascript" not in text, text
    project.write("source_de/wasser-im-winter.md", text.replace("draft: true\n", ""))
    built = project.run("build")
    assert built.exit_code == 0, built.output
    assert (project.root / "site/de/wasser-im-winter/index.html").is_file()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize("name, data, said", [
    ("source_de/tee.md", "\ufeff" + article("Tee", "Tee wärmt.\n"), "saved as UTF-16 (its first bytes, FF FE, are "
     "UTF-16's byte order mark: Notepad's and Word's 'Unicode'): save it as UTF-8"),
    ("source_de/tee.md", article("Tee", "Tee wärmt.\n"), "saved as UTF-16 (a NUL byte beside each letter, without "
     "a byte order mark"),
    ("translations/en/tee.po", None, "catalog saved as UTF-16 (its first bytes, FF FE, are UTF-16's byte order "
     "mark: Notepad's and Word's 'Unicode'): save it as UTF-8: in Poedit File > Save writes UTF-8, or iconv -f UTF-16"),
    ("translations/en/tee.po", PNG, "catalog is not a text file: it starts as a PNG image does (another file saved "
     "under this name?); restore it (git checkout -- translations/en/tee.po)"),
    ("source_de/tee.md", b"---\ntitle: Tee\x00\x00\x00\x01\x02\xff---\n", "not a text file: it holds NUL bytes")])
def test_a_utf_16_or_binary_file_is_named_so_not_a_byte_to_decode(project: Project, name, data, said):
    """A source saved as UTF-16 was 'not UTF-8: byte 0xff cannot be decoded'; a UTF-16 catalog, or a PNG saved as
    one, 'saved in another encoding, such as Windows Western European, cp1252?', which sends the reviewer to the
    wrong fix."""
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.run("extract")
    path = project.root / name
    if data is None:
        data = "\ufeff" + path.read_text(encoding="utf-8")
    path.write_bytes(data if isinstance(data, bytes) else
                     data.removeprefix("\ufeff").encode("utf-16") if data.startswith("\ufeff") else
                     data.encode("utf-16-le"))
    output = project.run("check", code=2).output
    assert f"error: {name}:1: {said}" in output, output
    assert "cannot be decoded" not in output and "cp1252" not in output


def test_an_article_nested_too_deep_leaves_check_and_publish_their_say_about_the_others(site_project: Project):
    """Trial 28: with a redirects.txt, ``check`` read every article's links for the files the site has
    (``moved_errors``); an article whose block quotes nest too deep raised there, uncaught, so check said only
    that one error (two [html] errors of a translator's onmouseover= in another catalog went unsaid), printed no
    JSON, and publish stopped before building. That article is left out, named once at its line; the rest is
    checked, and built."""
    project = site_project
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]'))
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/tief.md", article("Tief", ">" * 30 + " Zitat.\n"))
    project.run("extract", code=2)
    review(project, "en", "tee", {("title", "Tee"): "Tea",
                                  "Tee wärmt.": 'Tea <span onmouseover="alert(1)">warms</span>.'})
    project.write("redirects.txt", "/alt/tee/ /de/tee/ 301\n")
    result = project.run("check", code=2)
    assert result.output.count("source_de/tief.md:5: lists and block quotes nest too deep") == 1, result.output
    assert re.search(r"translations/en/tee\.po:\d+: raw HTML added: <span> </span> \[html\]", result.output), \
        result.output
    findings = json.loads(project.run("check", "--format", "json", code=2).stdout)
    assert any(f["check"] == "html" and f["path"] == "translations/en/tee.po" for f in findings), findings
    published = project.run("publish", code=2).output
    assert published.count("source_de/tief.md:5: lists and block quotes nest too deep") == 1, published
    assert "tief.po: no catalog yet" not in published, published
    assert (project.root / "site/de/tee/index.html").is_file(), published


def test_pretranslate_says_why_an_article_extract_refuses_has_no_catalog(site_project: Project):
    """Trial 28: for an article whose block quotes nest too deep, pretranslate said "no catalog yet; run 'verlag
    extract' first", once per language, status and the review report "no catalog (yet): run verlag extract", and
    extract refuses it again. Pretranslate names the German file's problem at its line, once, status and the
    report where it is; an article extract has not seen yet keeps the advice to run it."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("source_de/tief.md", article("Tief", ">" * 30 + " Zitat.\n"))
    project.run("extract", code=2)
    project.write("source_de/neu.md", article("Neu", "Neuer Text.\n"))
    result = project.run("pretranslate", "--engine", "copy", code=2)
    assert result.output.count("error: source_de/tief.md:5: lists and block quotes nest too deep") == 1, \
        result.output
    assert "tief.po: no catalog yet" not in result.output, result.output
    assert "error: translations/en/neu.po: no catalog yet; run 'verlag extract' first" in result.output
    assert 'msgstr "Tee wärmt."' in project.read("translations/en/tee.po")  # the others are drafted
    status = project.run("status").output
    assert re.search(r"^en +tief +\(no catalog: extract refuses its German at source_de/tief\.md:5\)$", status, re.M), \
        status
    assert re.search(r"^en +neu +\(no catalog: run verlag extract\)$", status, re.M), status
    project.run("review")
    index = project.read("review/index.html")
    assert "extract</code> refuses its German at <code>source_de/tief.md:5</code>" in index
    assert "refuses the German at <code>source_de/tief.md:5</code>" in project.read("review/en/tief.html")


def test_check_names_control_and_invisible_characters_in_german_sources_and_translations(site_project: Project):
    """Trial 28: a NUL byte in a German source was published as "\ufffd" and one in a reviewer's msgstr as
    "J\ufffdrg", and check (like msgfmt) said nothing; a zero-width space or soft hyphen inside a German word
    passed unseen into the msgid, where no reviewer sees it. Control
    characters are errors at their line, the invisible hints a German warning; a soft hyphen written as &shy;
    (shown in every editor) and a translation's own soft hyphen or zero-width non-joiner are none."""
    project = site_project
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]'))
    project.write("source_de/minze.md", article("Minze", "Pfefferminz\0tee hilft.\n\nKamil\u200blentee auch.\n\n"
                                                "Ein Donau&shy;dampf\u00adschiff und Tee\x85 gut.\n"))
    project.write("source_de/tee.md", article("Tee", "Jörg trinkt Tee.\n\nTee wärmt.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Jörg trinkt Tee.": "J\0rg drinks tea.",
                                  "Tee wärmt.": "Tea\u00ad\u200cwarms."})
    line = project.read("translations/en/tee.po").split("\n").index('msgid "Jörg trinkt Tee."') + 1
    result = project.run("check", code=1)
    said = [row for row in result.output.splitlines() if "-character]" in row]
    assert said == [
        f"error: translations/en/tee.po:{line}: control character U+0000 NUL the German lacks: no reader sees it as "
        "text (a page shows nothing there, or \ufffd for a NUL), and a feed holding one is no well-formed XML "
        "[control-character]",
        "error: source_de/minze.md:5: 1 \ufffd (U+FFFD, the replacement character) in the text: a NUL byte in the "
        "file, or a character an encoding conversion lost; the page shows \ufffd there: write the character meant "
        "[control-character]",
        "error: source_de/minze.md:9: U+0085 NEL in the text: no reader sees it as text (a page shows nothing "
        "there, or \ufffd for a NUL), and a feed holding one is no well-formed XML; delete it (a copy from a PDF, a "
        "terminal or a database export brings them) [control-character]",
        "warning: source_de/minze.md:7: U+200B zero-width space in 'Kamil\\u200blentee': invisible here and in the "
        "catalog's msgid, where no reviewer sees it (Poedit shows nothing); delete it, or write a soft hyphen you "
        "mean as &shy;, which every editor shows [invisible-character]",
        "warning: source_de/minze.md:9: U+00AD soft hyphen in 'Donau&shy;dampf\\xadschiff': invisible here and in "
        "the catalog's msgid, where no reviewer sees it (Poedit shows nothing); delete it, or write a soft hyphen "
        "you mean as &shy;, which every editor shows [invisible-character]"], result.output


def test_build_names_control_characters_in_a_german_source_as_check_does_and_still_builds(site_project: Project):
    """Trial: a form feed and a NUL (read as U+FFFD) pasted into a German source were named by check and publish,
    while build said nothing and published the page with nothing (or \ufffd) there. The build that reads the
    changed source says each at its line in check's words, as a warning: the pages are built all the same."""
    project = site_project
    project.write("source_de/minze.md", article("Minze", "Pfefferminztee hilft.\x0c\n\nKamil\0lentee auch.\n"))
    project.run("extract")
    checked = [row.removesuffix(" [control-character]").removeprefix("error: ")
               for row in project.run("check", code=1).output.splitlines() if row.endswith("[control-character]")]
    assert [row.split(":")[:2] for row in checked] == [["source_de/minze.md", "5"], ["source_de/minze.md", "7"]]
    built = project.run("build").output
    for row in checked:
        assert f"warning: {row}" in built, built
    assert "Pfefferminztee hilft." in project.read("site/de/minze/index.html")


def test_an_article_nested_too_deep_with_a_shortcode_is_named_at_its_line_and_the_others_go_on(
        site_project: Project):
    """Trial 28's audit: the search for Hugo shortcodes and Liquid tags parsed a body with ``{{`` unguarded, so an
    article with one and block quotes nested too deep stopped extract and check with an error naming no file
    (``error: lists and block quotes nest too deep here``), the other articles left unextracted and unchecked."""
    project = site_project
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    deep = 'Text {{< figure src="x" >}} dazu.\n\n' + ">" * 30 + " Zitat.\n"
    project.write("source_de/tief.md", article("Tief", deep))
    for command in ("extract", "check", "build"):
        output = project.run(command, code=2).output
        assert output.count("error: source_de/tief.md:7: lists and block quotes nest too deep") == 1, output
        assert "\nerror: lists and block quotes" not in "\n" + output, output
    assert (project.root / "translations/en/tee.po").is_file() and (project.root / "site/de/tee/index.html").is_file()


def test_an_image_on_the_www_form_of_the_site_s_own_host_is_the_site_s_own(site_project: Project):
    """Review: with ``base_url = "https://example.org/"``, an image from https://www.example.org/ (the same site, as
    browsers' users and site owners have it, and as ``sources.site_host`` counts an old blog's host) was named by
    check's active-html as loading "from another host", and ``german_html = "clean"`` took its ``src``. Both
    forms of the host are the site's own; another host is still named and cleaned away."""
    from pipeline.rawhtml import active_html
    from pipeline.render import sanitized

    project = site_project
    project.write("source_de/bild.md", article("Bild", """
        Ein Text über Tee.

        <img src="https://www.example.org/bilder/tee.png" alt="Tee">

        ![Kanne](https://WWW.example.org/bilder/kanne.png)

        <img src="https://fremd.example.net/x.png" alt="x">
        """))
    output = project.run("check").output
    found = [line for line in output.splitlines() if "[active-html]" in line]
    assert len(found) == 1 and "<img> from fremd.example.net" in found[0], output
    assert "www.example.org" not in " ".join(found)
    body = '<p><img src="https://www.example.org/a.png"><img src="https://fremd.example.net/b.png"></p>'
    assert sanitized(body, "https://example.org/") == ('<p><img src="https://www.example.org/a.png"><img></p>')
    assert sanitized(body.replace("www.example.org", "example.org"), "https://www.example.org/") == (
        '<p><img src="https://example.org/a.png"><img></p>')
    assert active_html("![a](https://example.org/a.png)\n", 1, "https://www.example.org/") == []

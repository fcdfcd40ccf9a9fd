"""The search index (Pagefind, one index per language) and the search form, without a browser."""

from __future__ import annotations

import gzip
import json

from lxml import html

from conftest import article, review


def _build(project):
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend."))
    project.run("extract")
    review(project, "en", "tee", {("title", "Kräutertee"): "Herbal tea",
                                  "Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening."})
    return project.run("build")


def test_build_writes_one_pagefind_index_per_published_language_and_a_form_on_every_page(project):
    _build(project)
    site = project.root / "site"
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"de", "en"}
    assert all(entry["languages"][lang]["page_count"] == 1 for lang in ("de", "en"))
    for lang in ("de", "en"):
        for path in (site / lang / "index.html", site / lang / "tee/index.html", site / lang / "404.html"):
            doc = html.parse(str(path)).getroot()
            (form,) = doc.xpath('//header//form[@role="search"]')
            assert form.get("action") == f"/{lang}/" and form.get("method") == "get"  # no JS: the article list
            assert form.xpath('.//input[@type="search"]/@name') == ["q"]
            assert doc.xpath('//label[@for="search-q"]')
        index = html.parse(str(site / lang / "index.html")).getroot()
        assert index.xpath('//section[@id="search-results"]/@data-bundle') == ["/pagefind/pagefind.js"]
        assert index.xpath('//script[@type="module"]/@src') == ["/static/search.js"]
    assert (site / "static/search.js").is_file()


def indexed_text(site, url: str) -> str:
    """The text Pagefind indexed for the page at ``url`` (its fragment: ``pagefind_dcd`` + JSON, gzipped)."""
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        if data["url"] == url:
            return data["content"]
    raise AssertionError(f"{url} is not in the index")


def test_notices_bylines_and_dates_are_not_indexed_so_excerpts_show_the_article(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nunreviewed = "machine"\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend. Er beruhigt den Magen.",
                                              author="Anna Berger"))
    project.run("extract")
    review(project, "en", "tee", {"Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening."})
    project.run("pretranslate", "--engine", "copy")
    po = project.root / "translations/en/tee.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Last-Translator: \\n"', '"Last-Translator: Tom Hughes\\n"'),
                  encoding="utf-8")
    project.run("build")
    site = project.root / "site"
    page = (site / "en/tee/index.html").read_text(encoding="utf-8")
    assert "made by machine" in page and "Anna Berger" in page and "Tom Hughes" in page and "reading time" in page
    content = indexed_text(site, "/en/tee/")
    assert content.startswith("Kräutertee") and "A herbal tea warms you in the evening." in content
    for boilerplate in ("machine", "the original in German", "Anna Berger", "Tom Hughes", "reading time", "2026"):
        assert boilerplate not in content, boilerplate


def test_an_unchanged_build_leaves_the_index_alone_and_search_false_removes_it_and_its_script(project):
    _build(project)
    bundle = project.root / "site/pagefind/pagefind-entry.json"
    stamp = bundle.stat().st_mtime_ns
    project.run("build")
    assert bundle.stat().st_mtime_ns == stamp
    site = project.root / "site"
    assert (site / "static/search.js").is_file()
    project.write("verlag.toml", project.read("verlag.toml") + "\n[site]\nsearch = false\n")
    built = project.run("build").output
    assert not (site / "pagefind").exists() and not (site / "static/search.js").exists()  # the feature's outputs go
    assert "2 removed" in built  # the script and the index, said like every file the build no longer makes
    assert (site / "static/style.css").is_file() and (site / "static/chooser.js").is_file()
    doc = html.parse(str(site / "de/tee/index.html")).getroot()
    assert not doc.xpath("//form") and not html.parse(str(site / "de/index.html")).getroot().xpath("//script")


def test_search_must_be_true_or_false(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nsearch = "ja"\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Satz."))
    result = project.run("build", code=2)
    assert 'verlag.toml:6: search: expected true or false, got \'ja\'' in result.output

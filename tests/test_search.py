"""The search index (Pagefind, one index per language) and the search form, without a browser."""

from __future__ import annotations

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


def test_an_unchanged_build_leaves_the_index_alone_and_search_false_removes_it(project):
    _build(project)
    bundle = project.root / "site/pagefind/pagefind-entry.json"
    stamp = bundle.stat().st_mtime_ns
    project.run("build")
    assert bundle.stat().st_mtime_ns == stamp
    project.write("verlag.toml", project.read("verlag.toml") + "\n[site]\nsearch = false\n")
    project.run("build")
    site = project.root / "site"
    assert not (site / "pagefind").exists()
    doc = html.parse(str(site / "de/tee/index.html")).getroot()
    assert not doc.xpath("//form") and not html.parse(str(site / "de/index.html")).getroot().xpath("//script")


def test_search_must_be_true_or_false(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nsearch = "ja"\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Satz."))
    result = project.run("build", code=2)
    assert 'verlag.toml:6: search: expected true or false, got \'ja\'' in result.output

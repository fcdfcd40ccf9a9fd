"""The search index (Pagefind, one index per language) and the search form, without a browser."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import types
from pathlib import Path

import polib
import pytest
from lxml import html

from conftest import article, review
from pipeline.errors import VerlagError
from pipeline.search import index_site


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


def indexed(site, url: str) -> dict:
    """What Pagefind keeps of the page at ``url``: its fragment (``pagefind_dcd`` + JSON, gzipped) with its indexed
    text (``content``) and its ``meta``."""
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        if data["url"] == url:
            return data
    raise AssertionError(f"{url} is not in the index")


def indexed_text(site, url: str) -> str:
    """The text Pagefind indexed for the page at ``url``."""
    return indexed(site, url)["content"]


def test_notices_bylines_and_dates_are_not_indexed_so_excerpts_show_the_article(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nunreviewed = "machine"\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend. Er beruhigt den Magen.",
                                              author="Anna Berger"))
    project.run("extract")
    review(project, "en", "tee", {"Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening."})
    project.run("pretranslate", "--engine", "pseudo")
    po = project.root / "translations/en/tee.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Last-Translator: \\n"', '"Last-Translator: Tom Hughes\\n"'),
                  encoding="utf-8")
    project.run("build")
    site = project.root / "site"
    page = (site / "en/tee/index.html").read_text(encoding="utf-8")
    assert "made by machine" in page and "Anna Berger" in page and "Tom Hughes" in page and "reading time" in page
    content = indexed_text(site, "/en/tee/")
    title = polib.pofile(str(po)).find("Kräutertee", msgctxt="title").msgstr  # the pseudo draft, shown as <h1>
    assert content.startswith(title) and "A herbal tea warms you in the evening." in content
    for boilerplate in ("machine", "the original in German", "Anna Berger", "Tom Hughes", "reading time", "2026"):
        assert boilerplate not in content, boilerplate


def test_german_shown_in_a_translation_is_left_out_of_its_index_and_kept_in_the_german_one(project):
    """Trial: an untranslated sentence shown in German on the English page was indexed as English, and the English
    results' excerpt showed "Trinken Sie täglich ca. 2 Liter."."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nmin_translated = 0\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend. Trinken Sie täglich ca. "
                                                            "2 Liter.\n\nKamille beruhigt den Magen.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Kräutertee"): "Herbal tea",
                                  "Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening."})
    assert_german_left_out(project, ["Trinken Sie täglich ca. 2 Liter.", "Kamille beruhigt den Magen."],
                           ["A herbal tea warms you in the evening."], ["Trinken", "Liter", "Kamille", "Magen"])


def assert_german_left_out(project, passages: list[str], english: list[str], words: list[str]) -> None:
    """Build; the English page of tee shows ``passages`` (white space collapsed) in German, each marked lang="de"
    and kept out of Pagefind's index; its English index holds ``english`` and none of ``words``, which the German
    index holds."""
    project.run("build")
    site = project.root / "site"
    page = html.parse(str(site / "en/tee/index.html")).getroot()
    german = page.xpath('//div[@class="article-body"]//*[@lang="de"]')
    assert [" ".join(e.text_content().split()) for e in german] == passages
    assert all(e.get("data-pagefind-ignore") is not None for e in german)
    indexed, original = indexed_text(site, "/en/tee/"), indexed_text(site, "/de/tee/")
    assert all(sentence in indexed for sentence in english)
    for word in words:
        assert word not in indexed and word in original, word


def test_an_html_block_kept_in_german_on_a_translated_page_is_left_out_of_its_index_and_kept_in_the_german_one(
        project):
    """An HTML block's text is in no catalog: the English page shows it in German, marked lang="de", and Pagefind
    indexed it as English (an English search for "Gartenarbeit" found the page, its excerpt German). The author's
    own ``lang="de"`` on an element of a block says the same; an element the block leaves open also holds the
    translated Markdown after it, which stays indexed."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nmin_translated = 0\n')
    project.write("source_de/tee.md", article("Kräutertee", """
        Ein Kräutertee wärmt am Abend.

        <div class="hinweis">Nach der Gartenarbeit die Haut absuchen.</div>

        <p lang="de">Zeckenzange bereithalten.</p>

        <section>

        Kamille beruhigt den Magen.

        </section>
        """))
    project.run("extract")
    review(project, "en", "tee", {("title", "Kräutertee"): "Herbal tea",
                                  "Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening.",
                                  "Kamille beruhigt den Magen.": "Chamomile soothes the stomach."})
    assert_german_left_out(project, ["Nach der Gartenarbeit die Haut absuchen.", "Zeckenzange bereithalten."],
                           ["A herbal tea warms you in the evening.", "Chamomile soothes the stomach."],
                           ["Gartenarbeit", "Haut", "absuchen", "Zeckenzange", "bereithalten"])


def test_a_german_title_on_a_translated_page_is_left_out_of_its_index_and_kept_in_the_german_one(project):
    """A translation published before its title is translated shows it in German, marked lang="de": Pagefind
    indexed it as English, from the <h1> and from the result's title it takes from there (an English search for
    "Kräutertee" found the page). The English result's title is empty (search.js takes it from the page's link
    to the article, tests/test_browser.py); the article's tags are in its <footer>, which Pagefind never indexes."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nmin_translated = 0\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend.\n"))
    project.run("extract")
    review(project, "en", "tee", {"Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening."})
    project.run("build")
    site = project.root / "site"
    page = html.parse(str(site / "en/tee/index.html")).getroot()
    (title,) = page.xpath('//article//h1[@lang="de"]')
    assert title.text_content() == "Kräutertee" and title.get("data-pagefind-ignore") == "all"
    english, original = indexed(site, "/en/tee/"), indexed(site, "/de/tee/")
    assert english["content"] == "A herbal tea warms you in the evening."
    assert english["meta"] == {"image": "", "title": ""}  # no image: its file name and alt are German words
    assert original["content"].startswith("Kräutertee.") and original["meta"] == {"title": "Kräutertee"}
    words = {lang: b"".join(gzip.decompress(path.read_bytes()) for path in (site / "pagefind/index").glob(f"{lang}_*"))
             for lang in ("de", "en")}
    assert "kräutertee".encode() not in words["en"] and "kräutertee".encode() in words["de"]


def test_an_image_s_german_alt_text_and_file_name_are_left_out_of_a_translation_s_index(project):
    """Trial: a search on /es/ for "Ingwer" found the article whose Spanish page shows its image's paragraph in
    German. That paragraph is marked lang="de" and data-pagefind-ignore, but Pagefind takes the first image's src
    and alt as the result's metadata wherever it is, and indexes them as words: "ingwerknolle" from the German alt
    text and "ingwerdatei" from the file name were Spanish words. A translation's page gives an empty image (no
    alt with it: search.js shows none), so they are in the German index only."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["es"]\n'
                                 '[publish]\nmin_translated = 0\n')
    project.write("source_de/bilder/ingwerdatei.png", "x")
    project.write("source_de/tee.md", article("Tee", """
        Ein Tee wärmt am Abend.

        ![Ingwerknolle auf Holz](bilder/ingwerdatei.png)
        """))
    project.run("extract")
    review(project, "es", "tee", {("title", "Tee"): "Té", "Ein Tee wärmt am Abend.": "Un té calienta por la noche."})
    project.run("build")
    site = project.root / "site"
    page = html.parse(str(site / "es/tee/index.html")).getroot()
    assert page.xpath('//*[@lang="de"][@data-pagefind-ignore]//img/@alt') == ["Ingwerknolle auf Holz"]
    assert indexed(site, "/es/tee/")["meta"] == {"image": "", "title": "Té"}
    assert indexed(site, "/de/tee/")["meta"] == {"image": "/media/bilder/ingwerdatei.png",
                                                 "image_alt": "Ingwerknolle auf Holz", "title": "Tee"}
    words = {lang: b"".join(gzip.decompress(path.read_bytes()) for path in (site / "pagefind/index").glob(f"{lang}_*"))
             for lang in ("de", "es")}
    for word in (b"ingwerknoll", b"ingwerdatei"):
        assert word not in words["es"] and word in words["de"], word


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
    index = html.parse(str(site / "de/index.html")).getroot()
    assert not doc.xpath("//form") and not doc.xpath("//noscript")  # nor the style that hides the form without scripts
    assert [s.get("src") for s in index.xpath("//script")] == ["/static/chooser.js"]  # the language choice's alone


def test_an_index_the_standard_binary_made_is_made_again_by_the_extended_one(project, monkeypatch):
    """A site indexed before verlag ran Pagefind's extended binary (which splits Chinese text into words) gets
    its index made again by the next build, though no page changed."""
    from pipeline import search

    assert search.pagefind_binary().endswith("pagefind_extended")
    monkeypatch.setattr(search, "binary_name", lambda: "pagefind")  # what the build records of the standard binary
    _build(project)
    bundle = project.root / "site/pagefind/pagefind-entry.json"
    stamp = bundle.stat().st_mtime_ns
    monkeypatch.undo()
    project.run("build")
    assert bundle.stat().st_mtime_ns != stamp
    stamp = bundle.stat().st_mtime_ns
    project.run("build")
    assert bundle.stat().st_mtime_ns == stamp


def test_search_must_be_true_or_false(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nsearch = "ja"\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Satz."))
    result = project.run("build", code=2)
    assert 'verlag.toml:6: search: expected true or false, got \'ja\'' in result.output


def _page(lang: str, title: str, text: str, body: bool = True) -> str:
    mark = " data-pagefind-body" if body else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><title>{title}</title></head>'
            f"<body><nav>Start</nav><article{mark}><h1>{title}</h1><p>{text}</p></article></body></html>\n")


def _site_folder(root, pages: dict[str, str]):
    site = root / "site"
    for rel, text in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


SITE = {
    "index.html": _page("de", "Sprachen", "Deutsch, English, français", body=False),
    "404.html": _page("de", "Nicht gefunden", "Diese Seite gibt es nicht.", body=False),
    "de/index.html": _page("de", "Artikel", "Liste", body=False),
    "de/tee/index.html": _page("de", "Kräutertee", "Ein Kräutertee wärmt am Abend."),
    "de/zecken/index.html": _page("de", "Zecken", "Zecken sitzen im hohen Gras."),
    "en/tee/index.html": _page("en", "Herbal tea", "A herbal tea warms you in the evening."),
    "en/zecken/index.html": _page("en", "Ticks", "Ticks wait in tall grass."),
    "fr/tee/index.html": _page("fr", "Tisane", "Une tisane réchauffe le soir."),
}


def _bundle(site) -> dict[str, bytes]:
    bundle = site / "pagefind"
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}


def _indexed(tmp_path, monkeypatch, name: str, pages: dict[str, str], jobs: int) -> tuple[dict[str, bytes], list]:
    """The bundle ``index_site`` makes of ``pages`` with ``jobs``, and the ``--glob`` of each Pagefind run
    (None: the whole site)."""
    runs = []
    real = subprocess.Popen

    def popen(args, **kwargs):
        runs.append(args[args.index("--glob") + 1] if "--glob" in args else None)
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)
    site = _site_folder(tmp_path / name, pages)
    index_site(site, tmp_path / name / ".verlag", ["en", "fr"], jobs)
    assert not list((tmp_path / name / ".verlag").glob("pagefind-*"))  # the parts went with the temporary folder
    return _bundle(site), runs


def test_an_index_made_in_parallel_parts_is_the_bundle_of_one_run(tmp_path, monkeypatch):
    whole, runs = _indexed(tmp_path, monkeypatch, "one", SITE, 1)
    assert runs == [None]
    parts, runs = _indexed(tmp_path, monkeypatch, "parts", SITE, 2)
    assert sorted(runs) == ["en/**/*.html", "fr/**/*.html", "{404.html,de/**/*.html,index.html}"]
    assert parts == whole
    entry = json.loads(parts["pagefind-entry.json"])
    assert {lang: entry["languages"][lang]["page_count"] for lang in entry["languages"]} == {"de": 2, "en": 2, "fr": 1}


@pytest.mark.parametrize("change", [
    {"en/alt/index.html": _page("de", "Alte Seite", "Noch auf Deutsch.")},  # German in the English part
    {"fr/tee/index.html": _page("fr", "Tisane", "Une tisane réchauffe le soir.", body=False)},  # a part unmarked
])
def test_a_split_that_could_index_differently_is_indexed_in_one_run(tmp_path, monkeypatch, change):
    pages = {**SITE, **change}
    whole, _ = _indexed(tmp_path, monkeypatch, "one", pages, 1)
    parts, runs = _indexed(tmp_path, monkeypatch, "parts", pages, 2)
    assert len(runs) == 4 and runs[-1] is None  # the three parts, then the whole site
    assert parts == whole


def test_a_part_that_fails_is_reported_and_the_last_index_stays(tmp_path, monkeypatch):
    site = _site_folder(tmp_path, SITE)
    index_site(site, tmp_path / ".verlag", ["en", "fr"], 2)
    before = _bundle(site)
    fake = tmp_path / "pagefind"
    fake.write_text('#!/bin/sh\ncase "$*" in *fr/*|*--silent) echo "Error: no space left on device" >&2; exit 1;; '
                    'esac\nexec "$REAL" "$@"\n')  # the French part, and the run over the whole site after it
    fake.chmod(0o755)
    from pipeline import search

    monkeypatch.setenv("REAL", search.pagefind_binary())
    monkeypatch.setattr(search, "pagefind_binary", lambda: str(fake))
    (site / "fr/tee/index.html").write_text(_page("fr", "Tisane", "Une autre phrase."), encoding="utf-8")
    with pytest.raises(VerlagError, match="search: Pagefind failed: Error: no space left on device"):
        index_site(site, tmp_path / ".verlag", ["en", "fr"], 2)
    assert _bundle(site) == before
    assert not list((tmp_path / ".verlag").glob("pagefind-*"))


def test_a_translation_shown_all_in_german_is_indexed_in_one_run_not_refused(tmp_path, monkeypatch):
    """Pagefind fails a run none of whose pages holds a word it indexes ("the directory passed to Pagefind was
    empty"): an English edition published with only a tag translated is German left out of its index."""
    german = '<p lang="de" data-pagefind-ignore="">Ein Kräutertee wärmt am Abend.</p>'
    pages = {**{rel: page for rel, page in SITE.items() if not rel.startswith("en/")},
             "en/tee/index.html": _page("en", "Herbal tea", "").replace("<h1>Herbal tea</h1><p></p>",
                                                                        '<h1 lang="de" data-pagefind-ignore="all">'
                                                                        f"Kräutertee</h1>{german}")}
    whole, _ = _indexed(tmp_path, monkeypatch, "one", pages, 1)
    parts, runs = _indexed(tmp_path, monkeypatch, "parts", pages, 2)
    assert runs[0] == "en/**/*.html" and runs[-1] is None  # the English part failed: the whole site in one run
    assert parts == whole
    assert "en" not in json.loads(parts["pagefind-entry.json"])["languages"]


def test_build_with_jobs_publishes_an_edition_whose_words_are_all_german(project):
    """The fresh-user trial's site: one article, min_translated = 1, only its tag translated."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n'
                  '[publish]\nmin_translated = 1\n')
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend.", tags=["Tee"]))
    project.run("extract")
    review(project, "en", "tee", {("tag", "Tee"): "Tea"})
    result = project.run("build", "-j", "2")
    assert "Pagefind" not in result.output
    entry = json.loads((project.root / "site/pagefind/pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"de"}
    assert (project.root / "site/en/tee/index.html").is_file()


def test_the_languages_verlag_calls_stemmed_are_those_the_installed_pagefind_stems(tmp_path):
    """README and the build's note name the languages Pagefind stems (``STEMMED``); the installed binary's own
    pagefind-entry.json is the judge: a language with a stemmer has a "wasm" there, one without has null
    (Ukrainian: "коліно" does not find "коліні")."""
    from babel import Locale

    from pipeline.search import STEMMED

    codes = sorted({code.split("_")[0] for code in Locale("en").languages if len(code) == 2} | STEMMED)
    site = _site_folder(tmp_path, {f"{code}/index.html": _page(code, code, f"text {code}") for code in codes})
    index_site(site, tmp_path / ".verlag", [], 1)
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {code for code, index in entry["languages"].items() if index.get("wasm")} == STEMMED
    assert not entry["languages"]["uk"].get("wasm")


def test_build_and_init_say_which_languages_are_searched_without_stemming(project):
    """Ukrainian and Persian have no Pagefind stemmer: build says so in one note, once until the languages
    change (not on every build); check says it on every run; Spanish is stemmed and not named. init says it
    for the languages it is given."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["uk", "es", "fa"]\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt."))
    project.run("extract")
    for lang, text in (("uk", "Чай гріє."), ("es", "El té calienta."), ("fa", "چای گرم می‌کند.")):
        review(project, lang, "tee", {("title", "Tee"): text, "Tee wärmt.": text})
    note = ("note: the site search has no stemming for uk (Ukrainian), fa (Persian) (Pagefind has no stemmer for "
            "them): it finds a word only in the form the reader types, not its other forms")
    ukrainian = note.replace("uk (Ukrainian), fa (Persian)", "uk (Ukrainian)")
    for build, said in ((["build"], [note]), (["build"], []), (["build", "-q"], []), (["languages"], [ukrainian]),
                        (["build", "-q"], [])):
        if build == ["languages"]:
            project.write("verlag.toml", project.read("verlag.toml").replace(', "fa"', ""))
            build = ["build", "-q"]
        output = project.run(*build).output.splitlines()
        assert [line for line in output if "stemming" in line] == said
        assert (ukrainian if "fa" not in project.read("verlag.toml") else note) in project.run("check").output
    out = project.run("-C", str(project.root / "neu"), "init", "--languages", "es,uk").output
    assert "note: the site search has no stemming for uk (Ukrainian) (Pagefind" in out and "es (" not in out


def _compressed_files(site) -> dict[str, int]:
    """The bundle's files Pagefind names by a hash of their data, and their inode numbers."""
    bundle = site / "pagefind"
    return {p.relative_to(bundle).as_posix(): p.stat().st_ino for p in bundle.rglob("*.pf_*") if p.is_file()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_index_made_again_carries_the_unchanged_pages_files_over_and_is_the_bundle_of_a_fresh_run(
        tmp_path, jobs):
    site = _site_folder(tmp_path / "again", SITE)
    index_site(site, tmp_path / "again/.verlag", ["en", "fr"], jobs)
    before = _compressed_files(site)
    fragment = next(rel for rel in before if rel.startswith("fragment/de_"))
    data = gzip.decompress((site / "pagefind" / fragment).read_bytes())
    (site / "pagefind" / fragment).write_bytes(gzip.compress(data, compresslevel=1, mtime=0))  # same data, other bytes
    changed = {**SITE, "en/tee/index.html": _page("en", "Herbal tea", "A herbal tea helps you sleep.")}
    (site / "en/tee/index.html").write_text(changed["en/tee/index.html"], encoding="utf-8")
    index_site(site, tmp_path / "again/.verlag", ["en", "fr"], jobs)
    fresh = _site_folder(tmp_path / "fresh", changed)
    index_site(fresh, tmp_path / "fresh/.verlag", ["en", "fr"], jobs)
    after, made = _bundle(site), _bundle(fresh)
    assert after.keys() == made.keys()  # the changed page's old fragment and index chunk are gone
    assert {rel for rel in after if after[rel] != made[rel]} == {fragment}  # the carried file, not compressed again
    assert gzip.decompress(after[fragment]) == gzip.decompress(made[fragment])
    now = _compressed_files(site)
    assert {rel for rel in now if before.get(rel) == now[rel]} == before.keys() & now.keys() != set()
    assert len(now.keys() - before.keys()) == 3  # the changed page's fragment, its index chunk and the English meta
    assert not list((tmp_path / "again/.verlag").glob("pagefind-*"))


@pytest.mark.parametrize("damage", ["other data", "not gzip", "cut off", "gzip bomb"])
def test_a_carried_file_that_does_not_hold_what_its_name_says_is_not_served(tmp_path, monkeypatch, damage):
    """Two contents may share a 7-digit name, or a file of the bundle may be changed on disk (cut off, or a gzip
    that unpacks to more than any page's data: read whole, it would take the memory it claims): the site is
    indexed again from nothing rather than serve another page's words for a result."""
    import gzip

    site = _site_folder(tmp_path / "again", SITE)
    index_site(site, tmp_path / "again/.verlag", ["en", "fr"], 2)
    fragments = sorted((site / "pagefind/fragment").glob("de_*"))
    fragments[0].write_bytes({"other data": fragments[1].read_bytes(), "not gzip": b"<html>",
                              "cut off": fragments[0].read_bytes()[:-9],
                              "gzip bomb": gzip.compress(b"pagefind_dcd" + bytes(65 << 20), 1)}[damage])
    again, runs = _indexed(tmp_path, monkeypatch, "again", SITE, 2)
    count = len(runs)
    made, _ = _indexed(tmp_path, monkeypatch, "fresh", SITE, 3)
    assert again == made
    assert count == 6  # the three parts, then again from nothing


def test_a_forged_file_sharing_a_carried_file_s_name_is_not_carried(tmp_path, monkeypatch):
    """A carried file passed for the page its name stands for when its data's SHA-1 began with the name's 7 hex
    digits: 28 bits, which a forged fragment can be made to match. Here a SHA-1 that agrees stands in for that
    search (hours of CPU in Python). The data's SHA-256 is now compared with the one verlag recorded as it wrote
    the index: the forged file is not carried, the site is indexed again from nothing."""
    from pipeline import search

    site = _site_folder(tmp_path / "again", SITE)
    index_site(site, tmp_path / "again/.verlag", ["en", "fr"], 2)
    assert (tmp_path / "again/.verlag" / search.RECORD).is_file()
    fragment = next(p for p in sorted((site / "pagefind/fragment").glob("de_*"))
                    if b"Kr\xc3\xa4utertee" in gzip.decompress(p.read_bytes()))
    genuine = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
    forged = genuine.replace("Kräutertee".encode(), b"Wundertee bei example.com")
    fragment.write_bytes(gzip.compress(b"pagefind_dcd" + forged, mtime=0))
    sha1 = hashlib.sha1
    colliding = types.SimpleNamespace(sha1=lambda data=b"": sha1(genuine if data == forged else data),
                                      sha256=hashlib.sha256)
    monkeypatch.setattr(search, "hashlib", colliding)
    again, runs = _indexed(tmp_path, monkeypatch, "again", SITE, 2)
    count = len(runs)
    made, _ = _indexed(tmp_path, monkeypatch, "fresh", SITE, 3)
    rel = fragment.relative_to(site / "pagefind").as_posix()
    assert b"Wundertee" not in gzip.decompress(again[rel])
    assert again == made
    assert count == 6  # the three parts, then again from nothing


def test_a_bundle_another_pagefind_version_made_is_not_carried_over(tmp_path, monkeypatch):
    site = _site_folder(tmp_path / "again", SITE)
    index_site(site, tmp_path / "again/.verlag", ["en", "fr"], 2)
    entry = site / "pagefind/pagefind-entry.json"
    entry.write_text(json.dumps({**json.loads(entry.read_text(encoding="utf-8")), "version": "1.4.0"}),
                     encoding="utf-8")
    again, runs = _indexed(tmp_path, monkeypatch, "again", SITE, 2)
    assert len(runs) == 6 and json.loads(again["pagefind-entry.json"])["version"] != "1.4.0"


@pytest.mark.parametrize("entry", ["[]", '"1.5.0"', "[" * 100_000])
def test_a_bundle_whose_entry_file_is_no_json_object_is_indexed_anew(tmp_path, monkeypatch, entry):
    """site/pagefind/pagefind-entry.json is a file of site/ anyone may have changed: JSON that is no object (a
    list, a string, a list nested 100,000 deep) stopped every build with an internal error (AttributeError,
    RecursionError) instead of indexing the site from nothing."""
    site = _site_folder(tmp_path / "again", SITE)
    index_site(site, tmp_path / "again/.verlag", ["en", "fr"], 2)
    (site / "pagefind/pagefind-entry.json").write_text(entry, encoding="utf-8")
    again, runs = _indexed(tmp_path, monkeypatch, "again", SITE, 2)
    assert len(runs) == 6  # the three parts, then again from nothing
    made, _ = _indexed(tmp_path, monkeypatch, "fresh", SITE, 3)
    assert again == made


def _grown_by_pagefind(monkeypatch, rel: str, runs: int | None) -> list[int]:
    """Make the first part's bundle of each of the first ``runs`` Pagefind runs (None: of all) hold a 300 MB ``rel``
    (sparse): a file Pagefind wrote damaged. Returns the number of bundles of each run."""
    from pipeline import search

    real, calls = search._run, []

    def run(*args):
        bundles = real(*args)
        if runs is None or len(calls) < runs:
            with open(bundles[0] / rel, "r+b") as file:
                file.truncate(300 << 20)
        calls.append(len(bundles))
        return bundles

    monkeypatch.setattr(search, "_run", run)
    return calls


@pytest.mark.parametrize("rel", ["pagefind-entry.json", "pagefind.js"])
def test_a_huge_file_in_a_part_s_bundle_is_not_read_and_one_run_over_the_site_makes_the_index(
        tmp_path, monkeypatch, rel):
    """The parts' bundles were joined by reading each one's pagefind-entry.json and every file two parts wrote
    whole: a damaged one of 300 MB filled the memory (and an entry file that is no JSON stopped the build with a
    traceback). It is not read: the site is indexed in one run, as when the parts would index differently."""
    import resource

    from pipeline import search

    real = search._run
    calls = _grown_by_pagefind(monkeypatch, rel, 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    again, _ = _indexed(tmp_path, monkeypatch, "again", SITE, 2)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert calls == [3, 1]  # the three parts, then the whole site
    monkeypatch.setattr(search, "_run", real)
    made, _ = _indexed(tmp_path, monkeypatch, "fresh", SITE, 3)
    assert again == made


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_huge_entry_file_pagefind_writes_every_time_is_named_and_the_index_stays_as_it_was(
        tmp_path, monkeypatch, jobs):
    """The new bundle's pagefind-entry.json was read whole to sort its languages: a damaged one of 300 MB filled
    the memory and stopped the build with a traceback. It is named, not read, and the current index stays."""
    import resource

    site = _site_folder(tmp_path, SITE)
    index_site(site, tmp_path / ".verlag", ["en", "fr"], jobs)
    bundle = _bundle(site)
    calls = _grown_by_pagefind(monkeypatch, "pagefind-entry.json", None)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(VerlagError) as raised:
        index_site(site, tmp_path / ".verlag", ["en", "fr"], jobs)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert str(raised.value) == ("site/pagefind/pagefind-entry.json: 300.0 MB is more than verlag reads of a file "
                                 "of the search index (64.0 MB); not one Pagefind writes: run 'verlag build' "
                                 "again, or set [site] search = false in verlag.toml")
    assert len(calls) >= 2  # the index was made again from nothing before the error
    assert _bundle(site) == bundle
    assert not list((tmp_path / ".verlag").glob("pagefind-*"))


def _starts(project, monkeypatch) -> tuple[dict, list]:
    """Each Pagefind run the build starts: its ``--glob`` (None: the whole site) -> the files under site/ (the
    bundle left out) at that moment; and the runs, to see whether they ended."""
    seen, runs = {}, []
    real, site = subprocess.Popen, project.root / "site"

    def popen(args, **kwargs):
        if "--output-path" in args:
            seen[args[args.index("--glob") + 1] if "--glob" in args else None] = {
                p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
        runs.append(real(args, **kwargs))
        return runs[-1]

    monkeypatch.setattr(subprocess, "Popen", popen)
    return seen, runs


def test_with_jobs_a_translation_is_indexed_while_the_rest_of_the_site_is_written(project, monkeypatch, tmp_path):
    """With --jobs 2 Pagefind started once the whole site was written (a second per 1,000 pages with one core
    idle). The English part now starts once site/en/ is written, its stale pages removed; the rest of the site
    is written meanwhile, then its part starts. The bundle is the one a run over the whole site makes."""
    project.write("source_de/milch.md", article("Milch", "Milch nährt."))
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend."))
    project.run("extract")
    review(project, "en", "milch", {("title", "Milch"): "Milk", "Milch nährt.": "Milk nourishes."})
    review(project, "en", "tee", {("title", "Kräutertee"): "Herbal tea",
                                  "Ein Kräutertee wärmt am Abend.": "A herbal tea warms you in the evening."})
    seen, runs = _starts(project, monkeypatch)
    project.run("build", "-j", "2")
    site = project.root / "site"
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    (english, at_english), (rest, at_rest) = seen.items()
    assert english == "en/**/*.html" and rest.startswith("{404.html,de/**/*.html,index.html")
    assert {rel for rel in at_english if rel.startswith("en/")} == {rel for rel in files if rel.startswith("en/")}
    assert "index.html" not in at_english and "de/tee/index.html" not in at_english and at_rest == files
    assert all(run.poll() == 0 for run in runs)
    whole = tmp_path / "whole"
    shutil.copytree(site, whole / "site", ignore=shutil.ignore_patterns("pagefind"))
    index_site(whole / "site", whole / ".verlag", ["en", "fr"], 1)
    assert _bundle(site) == _bundle(whole / "site")

    (project.root / "source_de/milch.md").unlink()  # its pages go: the English one before the English part starts
    project.run("extract")
    seen.clear()
    project.run("build", "-j", "2")
    (at_english, at_rest) = seen.values()
    assert "en/milch/index.html" not in at_english and "de/milch/index.html" in at_english
    assert "de/milch/index.html" not in at_rest
    assert json.loads((site / "pagefind/pagefind-entry.json").read_text())["languages"]["en"]["page_count"] == 1


@pytest.mark.parametrize("stop", ["pipe", "ctrl-c"])
def test_a_page_not_written_after_the_english_part_started_stops_it_and_the_last_index_stays(project, monkeypatch,
                                                                                            stop):
    """A named pipe where a German page goes (named, the rest written, indexed by the next build), or Ctrl-C,
    while the rest of the site is written beside the English part: that Pagefind run is stopped, no temporary
    folder is left, and the last index stays."""
    _build(project)
    site = project.root / "site"
    before = _bundle(site)
    project.write("source_de/tee.md", article("Kräutertee", "Ein Kräutertee wärmt am Abend.\n\nEr duftet."))
    project.run("extract")
    review(project, "en", "tee", {"Er duftet.": "It smells sweet."})
    if stop == "pipe":
        (site / "de/tee/index.html").unlink()
        os.mkfifo(site / "de/tee/index.html")
    else:
        import pipeline.site

        real = pipeline.site.write_if_changed

        def write(path, *args, **kwargs):
            if path == site / "index.html":
                raise KeyboardInterrupt
            return real(path, *args, **kwargs)

        monkeypatch.setattr(pipeline.site, "write_if_changed", write)
    seen, runs = _starts(project, monkeypatch)
    result = project.run("build", "-j", "2", code=2 if stop == "pipe" else 130)
    assert list(seen) == ["en/**/*.html"] and all(run.poll() is not None for run in runs)
    assert _bundle(site) == before
    assert not list((project.root / ".verlag").glob("pagefind-*"))
    if stop == "pipe":
        assert "error: site/de/tee/index.html: a named pipe (FIFO), not a file" in result.output, result.output
        assert "It smells sweet." in (site / "en/tee/index.html").read_text(encoding="utf-8")
        (site / "de/tee/index.html").unlink()
        project.run("build", "-j", "2")
        assert "Er duftet." in indexed_text(site, "/de/tee/")


def _pagefind_below(pid: int) -> int | None:
    """The process id of a Pagefind run (its executable ``pagefind*``, past any command that started it) among the
    descendants of ``pid``, or None."""
    children: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{entry}/stat", encoding="utf-8").read()
        except OSError:  # ended meanwhile
            continue
        children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    todo = list(children.get(pid, []))
    while todo:
        child = todo.pop()
        try:
            if os.path.basename(os.readlink(f"/proc/{child}/exe")).startswith("pagefind"):
                return child
        except OSError:
            pass
        todo += children.get(child, [])
    return None


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as file:
            return file.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc") or not shutil.which("setpriv"), reason="Linux with util-linux")
def test_a_build_killed_with_kill_9_leaves_no_pagefind_running(project):
    """``kill -9`` of a build while Pagefind indexes the site (no handler or ``finally`` of verlag's runs) left
    the Pagefind run going, reparented, until it had written its index into a folder no one removes. It is
    stopped here as soon as it is seen (SIGSTOP: however fast the machine, it is still running when the build
    is killed); the kernel then kills it with its parent."""
    import signal
    import sys
    import time

    # enough pages that Pagefind runs a while: with 30, a loaded machine (CI beside other work) finished the
    # whole build between two looks below
    for n in range(150):
        project.write(f"source_de/tee{n}.md", article(f"Tee {n}", f"Tee Nummer {n} wärmt am Abend.\n"))
    project.run("extract")
    verlag = str(Path(sys.executable).with_name("verlag"))
    build = subprocess.Popen([verlag, "-C", str(project.root), "build"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    found = None
    try:
        deadline = time.monotonic() + 120
        while found is None and build.poll() is None and time.monotonic() < deadline:
            found = _pagefind_below(build.pid)
        assert found is not None, "no Pagefind run was seen during the build"
        os.kill(found, signal.SIGSTOP)
        build.send_signal(signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 30
        while _alive(found) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(found), "Pagefind outlived the build killed with kill -9"
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
        if found is not None and _alive(found):
            os.kill(found, signal.SIGKILL)

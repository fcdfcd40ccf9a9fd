"""The review report: its model (states, diffs, findings on the right row), its files, and the real
thing in headless Chromium, opened from disk."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

from pipeline.catalog import HAND, MACHINE, REUSED, REVIEWED, STALE, UNTRANSLATED
from pipeline.check import Finding
from pipeline.config import load_config
from pipeline.glossary import load_glossary
from pipeline.published import SitePages
from pipeline.segment import reference_labels
from pipeline.review import Tally, build_page, make_page, render_report, word_diff, write_review
from pipeline.sources import load_articles

from conftest import ARTIFACTS, Project, article

ZECKEN = article("Zecken im Garten", """
    Zecken sind klein. Sie warten im Gras. Sie mögen Wärme.

    Lesen Sie [mehr dazu](https://example.org/ratgeber).

    Ein Stich juckt oft 3 Tage.
    """)
LEBER = article("Leber", "Die Leber arbeitet nachts.\n")
SCRIPT = "<script>alert('x')</script> They wait in the grass."
GLOSSARY = "source,en,fr,en_forbidden,note\nZecke,tick,tique,mite,Ixodes ricinus\n"


def edit(project: Project, lang: str, slug: str, changes: dict) -> None:
    """Act as the reviewer: msgid -> msgstr; a translation starting with '~' stays fuzzy, '' empties."""
    path = project.root / f"translations/{lang}/{slug}.po"
    po = polib.pofile(str(path))
    for msgid, msgstr in changes.items():
        entry = po.find(msgid) or po.find(msgid, msgctxt="title")
        entry.msgstr = msgstr.removeprefix("~")
        if not msgstr.startswith("~") and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(path))


def scenario(root: Path) -> Project:
    """Every state in one catalog: reviewed, machine (pseudo engine; a copy draft is untranslated), stale (author edit), untranslated;
    and a reviewed entry with a QA error (raw HTML added)."""
    p = Project(root)
    p.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["en", "fr"]\n')
    p.write("translations/glossary.csv", GLOSSARY)
    p.write("source_de/zecken.md", ZECKEN)
    p.write("source_de/leber.md", LEBER)
    p.run("extract")
    p.run("pretranslate", "--engine", "pseudo")
    edit(p, "en", "zecken", {
        "Zecken im Garten": "Ticks in the garden",
        "Zecken sind klein.": "Ticks are small.",
        "Sie warten im Gras.": SCRIPT,
        "Lesen Sie [mehr dazu](https://example.org/ratgeber).": "Read [more](https://example.org/ratgeber).",
        "Ein Stich juckt oft 3 Tage.": "",
    })
    edit(p, "en", "leber", {"Leber": "Liver", "Die Leber arbeitet nachts.": "The liver works at night."})
    p.write("source_de/zecken.md", ZECKEN.replace("Zecken sind klein.", "Zecken sind sehr klein."))
    p.run("extract")
    return p


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    p = scenario(tmp_path_factory.mktemp("review"))
    p.run("review")
    return p


def page_of(p: Project, lang: str, slug: str):
    config = load_config(p.root)
    art = next(a for a in load_articles(config) if a.slug == slug)
    page = make_page(config, art, lang, load_glossary(config.translations_dir, p.root), reference_labels(art),
                     SitePages(config))
    assert page.problem is None
    return page


# --- the model ---------------------------------------------------------------------------------

def test_word_diff_marks_only_the_changed_words():
    assert word_diff("ab ca. 7 Grad aktiv.", "ab ca. 8 Grad aktiv!") == (
        ("equal", "ab ca. "), ("delete", "7"), ("insert", "8"), ("equal", " Grad aktiv"),
        ("delete", "."), ("insert", "!"))
    assert word_diff("Zecken sind klein.", "Zecken sind sehr klein.") == (
        ("equal", "Zecken sind "), ("insert", "sehr "), ("equal", "klein."))


@pytest.mark.parametrize("old, new", [
    ("", "Neu."), ("Alt.", ""), ("Gleich bleibt gleich.", "Gleich bleibt gleich."),
    ("Der **fette** Text mit [Link](https://a.example).", "Der *kursive* Text ohne Link, dafür mit `Code`."),
    ("Zeile eins\nZeile  zwei", "Zeile eins Zeile zwei"),
])
def test_word_diff_rebuilds_both_texts(old, new):
    diff = word_diff(old, new)
    assert "".join(t for op, t in diff if op != "insert") == old
    assert "".join(t for op, t in diff if op != "delete") == new
    assert all(a[0] != b[0] for a, b in zip(diff, diff[1:])), "neighbouring runs are merged"


def test_rows_follow_the_catalog_with_state_origin_and_stale_diff(built):
    page = page_of(built, "en", "zecken")
    rows = {r.german: r for r in page.rows}
    assert [r.german for r in page.rows] == [
        "Zecken im Garten", "Zecken sind sehr klein.", "Sie warten im Gras.", "Sie mögen Wärme.",
        "Lesen Sie [mehr dazu](https://example.org/ratgeber).", "Ein Stich juckt oft 3 Tage."]
    assert [r.number for r in page.rows] == list(range(1, 7))
    assert rows["Zecken im Garten"].state == REVIEWED and rows["Zecken im Garten"].context == "title"
    machine = rows["Sie mögen Wärme."]
    assert (machine.state, machine.origin, machine.engine) == (MACHINE, "mt: pseudo", "pseudo")
    stale = rows["Zecken sind sehr klein."]
    assert stale.state == STALE and stale.translation == "Ticks are small."
    assert stale.diff == (("equal", "Zecken sind "), ("insert", "sehr "), ("equal", "klein."))
    assert rows["Ein Stich juckt oft 3 Tage."].state == UNTRANSLATED
    assert rows["Sie warten im Gras."].state == REVIEWED
    assert [r.attention for r in page.rows] == [False, True, True, True, False, True]
    assert stale.sources == ("source_de/zecken.md:5",) and stale.kind.startswith("paragraph, block 1")
    lines = built.read("translations/en/zecken.po").split("\n")
    assert lines[stale.po_line - 1] == 'msgid "Zecken sind sehr klein."', "the msgid line, as verlag check names it"


def test_findings_sit_on_their_entry_at_the_line_verlag_check_names(built):
    page = page_of(built, "en", "zecken")
    rows = {r.german: r for r in page.rows}
    result = built.run("check", "--lang", "en", "--article", "zecken", "--format", "json", code=1)
    reported = {(f["line"], f["check"], f["severity"]) for f in json.loads(result.output)}
    assert {(r.po_line, f.check, f.severity) for r in page.rows for f in r.findings} == reported
    assert all(f.line == r.po_line and f.key == (r.context, r.german) for r in page.rows for f in r.findings)
    script = rows["Sie warten im Gras."]
    assert [f.check for f in script.findings] == ["html"] and script.errors == 1 and script.attention
    assert [f.check for f in rows["Zecken sind sehr klein."].findings] == ["stale"]
    assert not rows["Lesen Sie [mehr dazu](https://example.org/ratgeber)."].findings
    assert page.loose == () and (page.tally.errors, page.tally.attention) == (1, 4)


def test_a_finding_without_its_entry_is_attached_by_line_or_kept_apart(built):
    page = page_of(built, "en", "leber")
    line = page.rows[1].po_line
    by_line = Finding(page.po_ref, line, "numbers", "error", "x", "en", "leber", (None, "gone"))
    nowhere = Finding(page.po_ref, 1, "blank", "warning", "y", "en", "leber", (None, "gone"))
    config = load_config(built.root)
    art = next(a for a in load_articles(config) if a.slug == "leber")
    po = polib.pofile(str(built.root / page.po_ref))
    again = build_page(art, po, "en", page.po_ref, [by_line, nowhere],
                       text=(built.root / page.po_ref).read_text(encoding="utf-8"))
    assert again.rows[1].findings == (by_line,) and again.loose == (nowhere,)
    assert (again.tally.errors, again.tally.warnings) == (1, 1)
    assert "Findings in the catalog outside its entries" in render_report([again], "P", ["en"])["en/leber.html"]


def test_glossary_terms_are_hints_on_the_entries_that_contain_them(built):
    page = page_of(built, "en", "zecken")
    hinted = {r.german: [t.source for t in r.hints] for r in page.rows if r.hints}
    assert hinted == {"Zecken im Garten": ["Zecke"], "Zecken sind sehr klein.": ["Zecke"]}
    text = built.read("review/en/zecken.html")
    assert '<span lang="de">Zecke</span> → <strong lang="en">tick</strong> · not: <span lang="en">mite</span>' \
           ' · Ixodes ricinus' in text


def test_a_broken_glossary_is_reported_and_the_report_still_written(tmp_path):
    p = scenario(tmp_path)
    p.write("translations/glossary.csv", GLOSSARY + "Zecke,tick,tique,,\n")
    result = p.run("review", code=2)
    assert "error: translations/glossary.csv:3: 'Zecke' is already defined on line 2" in result.output
    assert (p.root / "review/en/zecken.html").exists()


def test_tally_counts_segments_and_german_words_per_state(built):
    t = page_of(built, "en", "zecken").tally
    assert t.segments == {REVIEWED: 3, MACHINE: 1, REUSED: 0, HAND: 0, STALE: 1, UNTRANSLATED: 1}
    assert t.words == {REVIEWED: 3 + 4 + 4, MACHINE: 3, REUSED: 0, HAND: 0, STALE: 4, UNTRANSLATED: 6}
    assert t.percent_reviewed == round(100 * 11 / 24, 1)
    assert sum(share for _, share in t.shares()) == pytest.approx(100, abs=0.05)
    assert (t + page_of(built, "en", "leber").tally).segments[REVIEWED] == 5
    assert Tally().percent_reviewed == 100.0 and Tally().shares() == []


def test_a_missing_catalog_is_a_page_that_says_so(built):
    config = load_config(built.root)
    art = next(a for a in load_articles(config) if a.slug == "zecken")
    page = build_page(art, None, "es", "translations/es/zecken.po")
    assert page.missing and page.rows == ()
    files = render_report([page], "Praxis", ["es"])
    assert "No catalog yet" in files["es/zecken.html"] and "verlag extract" in files["es/zecken.html"]


# --- the files ---------------------------------------------------------------------------------

def test_catalog_text_is_escaped_never_markup(built):
    text = built.read("review/en/zecken.html")
    assert text.count("<script") == 1 and '<script src="../review.js" defer></script>' in text
    assert "&lt;script&gt;</span>alert(&#39;x&#39;)" in text


def test_report_links_are_relative_and_need_no_network(built):
    for path in (built.root / "review").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text.replace("https://example.org", "")
        assert 'href="/' not in text and 'src="/' not in text and "//fonts" not in text
    index = built.read("review/index.html")
    assert 'href="en/zecken.html"' in index and 'href="en/zecken.html#attention"' in index
    assert 'href="review.css"' in index and 'href="../review.css"' in built.read("review/fr/leber.html")


def test_a_second_run_writes_nothing_and_says_where_the_report_is(built):
    result = built.run("review")
    assert "(4 unchanged), 0 files written" in result.output and "review/index.html" in result.output


def test_unchanged_pages_are_not_read_again_and_the_index_keeps_their_numbers(tmp_path):
    p = scenario(tmp_path)
    config = load_config(p.root)
    first = write_review(config)
    assert first.unchanged == 0 and len(first.written) == 4 + 3
    index = p.read("review/index.html")
    again = write_review(config)
    assert again.unchanged == 4 and again.written == [] and p.read("review/index.html") == index
    edit(p, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works by night."})
    (p.root / "review/fr/zecken.html").unlink()
    third = write_review(config)
    assert sorted(pg.href for pg in third.pages if not pg.unchanged) == ["en/leber.html", "fr/zecken.html"]
    assert third.written == ["review/en/leber.html", "review/fr/zecken.html"]
    assert "by night" in p.read("review/en/leber.html")
    p.write("translations/glossary.csv", GLOSSARY.replace("mite", "mite|bug"))
    assert write_review(config).unchanged == 0, "a glossary change reaches every page"
    (p.root / ".verlag/review.json").unlink()
    write_review(config)
    assert p.read("review/index.html") == index, "the remembered numbers are the real ones"


def test_gone_articles_and_languages_lose_their_pages_and_the_rest_of_site_is_untouched(tmp_path):
    p = scenario(tmp_path)
    p.write("site/index.html", "the site's own page")
    p.write("review/notes.txt", "a reviewer's notes")
    p.run("review")
    assert (p.root / "review/fr/leber.html").exists()
    (p.root / "source_de/leber.md").unlink()
    p.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["en"]\n')
    result = p.run("review")
    assert "removed review/en/leber.html" in result.output
    left = sorted(x.relative_to(p.root).as_posix() for folder in ("site", "review")
                  for x in (p.root / folder).rglob("*") if x.is_file())
    assert left == ["review/en/zecken.html", "review/index.html", "review/notes.txt",
                    "review/review.css", "review/review.js", "site/index.html"]
    assert p.read("site/index.html") == "the site's own page"


def test_lang_and_article_limit_the_report(tmp_path):
    p = scenario(tmp_path)
    p.run("review", "--lang", "fr", "--article", "leber")
    files = sorted(x.relative_to(p.root / "review").as_posix()
                   for x in (p.root / "review").rglob("*.html"))
    assert files == ["fr/leber.html", "index.html"]
    assert "partial report" in p.read("review/index.html")
    assert 'href="../en/leber.html" hreflang="en"' in p.read("review/fr/leber.html"), "all languages linked"
    assert "no article with slug 'nope'" in p.run("review", "--article", "nope", code=2).output
    assert "'xx' is not in languages" in p.run("review", "--lang", "xx", code=2).output


def test_an_unreadable_catalog_is_reported_with_its_line_and_shown_on_the_page(tmp_path):
    p = scenario(tmp_path)
    broken = p.read("translations/fr/leber.po").replace('msgid "Die Leber', 'msgid Die Leber')
    p.write("translations/fr/leber.po", broken)
    result = p.run("review", code=2)
    assert "error: translations/fr/leber.po:" in result.output
    assert "cannot be read" in p.read("review/fr/leber.html")
    assert (p.root / "review/en/zecken.html").exists()


# --- in a real browser, from disk ---------------------------------------------------------------

def console_errors(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def shown(browser) -> dict[str, bool]:
    from selenium.webdriver.common.by import By

    return {el.get_attribute("id"): el.is_displayed() for el in browser.find_elements(By.CSS_SELECTOR, ".seg")}


def screenshot(browser, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    print(f"screenshot: {path}")
    return path


def test_index_and_article_open_from_disk_without_console_errors(built, browser):
    from selenium.webdriver.common.by import By

    browser.get_log("browser")
    browser.get((built.root / "review/index.html").as_uri())
    assert browser.title == "Review report · Praxis"
    reviewed_bar = browser.find_element(By.CSS_SELECTOR, "#lang-en .bar-reviewed")
    assert reviewed_bar.value_of_css_property("background-color") == "rgba(26, 127, 55, 1)", "review.css is loaded"
    assert "1 stale" in browser.find_element(By.ID, "lang-en").text
    screenshot(browser, "review-index.png")
    browser.find_element(By.CSS_SELECTOR, '#lang-en a[href="en/zecken.html"]').click()
    assert browser.current_url == (built.root / "review/en/zecken.html").as_uri()
    assert browser.find_element(By.CSS_SELECTOR, ".filter .keys").text.startswith("j"), "review.js ran"
    script_row = browser.find_element(By.CSS_SELECTOR, "#s3 .tr .text")
    assert script_row.text == SCRIPT, "a translation's <script> is text, not code"
    assert console_errors(browser) == []


def test_needs_attention_filter_hides_reviewed_and_shows_the_rest(built, browser):
    from selenium.webdriver.common.by import By

    browser.get((built.root / "review/en/zecken.html").as_uri())
    states = {el.get_attribute("id"): el.get_attribute("class").split()[1]
              for el in browser.find_elements(By.CSS_SELECTOR, ".seg")}
    assert sorted(states.values()) == ["s-machine", "s-reviewed", "s-reviewed", "s-reviewed", "s-stale",
                                       "s-untranslated"]
    assert all(shown(browser).values())
    browser.find_element(By.CSS_SELECTOR, ".filter .f-attention").click()
    assert browser.current_url.endswith("#attention")
    visible = shown(browser)
    assert {s for s, v in visible.items() if v} == {"s2", "s3", "s4", "s6"}, "not reviewed, or an error"
    assert {s for s, v in visible.items() if not v} == {s for s, c in states.items() if c == "s-reviewed"} - {"s3"}
    assert "html" in browser.find_element(By.CSS_SELECTOR, "#s3 .findings").text
    assert "Held back" in browser.find_element(By.ID, "s3").text and "Held back" not in browser.find_element(
        By.ID, "s2").text
    assert browser.find_element(By.CSS_SELECTOR, ".filter-note").is_displayed()
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    assert browser.find_element(By.CSS_SELECTOR, ".seg.current").get_attribute("id") == "s2"
    screenshot(browser, "review-article-attention.png")
    browser.find_element(By.CSS_SELECTOR, ".filter .f-all").click()
    assert all(shown(browser).values())
    assert console_errors(browser) == []


def test_the_filter_works_without_javascript(built, browser):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get("about:blank")
        browser.get((built.root / "review/en/zecken.html").as_uri() + "#attention")
        assert not browser.find_elements(By.CSS_SELECTOR, ".filter .keys"), "scripts are really off"
        visible = shown(browser)
        assert [s for s, v in visible.items() if v] == ["s2", "s3", "s4", "s6"]
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_report_advises_a_waiver_only_where_check_accepts_one(tmp_path):
    p = Project(tmp_path)
    p.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["en"]\n')
    p.write("source_de/zecken.md", ZECKEN)
    p.run("extract")
    edit(p, "en", "zecken", {
        "Lesen Sie [mehr dazu](https://example.org/ratgeber).": "Read [more](https://elsewhere.example.com/).",
        "Ein Stich juckt oft 3 Tage.": "A bite often itches for 4 days.",
    })
    p.run("review")
    html = p.read("review/en/zecken.html")
    rows = {german: next(r for r in html.split('<article class="seg')[1:] if german in r)
            for german in ("Lesen Sie", "Ein Stich")}
    assert "foreign-target" in rows["Lesen Sie"] and "ignore-foreign-target" not in rows["Lesen Sie"]
    assert "no comment line waives this error: the translation links what the German links" in rows["Lesen Sie"]
    # a check that a comment line does waive gets that line
    assert "<code># ignore-numbers</code>" in rows["Ein Stich"]


def test_an_article_whose_catalog_is_older_than_its_german_says_so_at_the_top_of_its_page(tmp_path):
    """German edited without extract, or a catalog saved from an editor's older buffer: the page's rows are of
    German the article no longer has (or lacks sentences it has), so the page says so above its segments, until
    extract has run; the other pages say nothing."""
    p = scenario(tmp_path)
    p.run("review")
    assert "verlag extract" not in p.read("review/en/leber.html")
    p.write("source_de/leber.md", LEBER.replace("nachts.", "vor allem nachts."))
    p.run("review")
    page = p.read("review/en/leber.html")
    notice = "The German of <code>source_de/leber.md</code> changed since the last <code>verlag extract</code>"
    assert notice in page and page.index(notice) < page.index('id="all"')
    assert notice in p.read("review/fr/leber.html") and "changed since the last" not in p.read("review/en/zecken.html")
    p.run("extract")
    p.run("review")
    assert "changed since the last" not in p.read("review/en/leber.html")

    buffer = p.read("translations/en/leber.po")  # an editor's buffer opened now, saved after the next change
    p.write("source_de/leber.md", LEBER.replace("nachts.", "am Tag."))
    p.run("extract")
    p.write("translations/en/leber.po", buffer)
    p.run("review")
    page = p.read("review/en/leber.html")
    assert "does not match the German of source_de/leber.md" in page
    assert page.index("does not match the German") < page.index('id="all"')


def test_the_index_flags_each_article_whose_catalog_is_older_than_its_german(tmp_path):
    """The index says it on the article's row, linking the page's notice: German edited without extract (every
    language's row), or one language's catalog saved from an older buffer (that row only); also on a rerun that
    skips the unchanged pages, and no longer once extract has run."""
    p = scenario(tmp_path)
    flag = "Catalog older than its German: run <code>verlag extract</code>"

    def flagged() -> set[str]:
        index = p.read("review/index.html")
        return {row.split('href="', 1)[1].split('"', 1)[0] for row in index.split("<tr")[1:] if flag in row}

    p.run("review")
    assert flagged() == set()
    p.write("source_de/leber.md", LEBER.replace("nachts.", "vor allem nachts."))
    p.run("review")
    assert flagged() == {"en/leber.html", "fr/leber.html"}
    assert 'href="en/leber.html#outdated"' in p.read("review/index.html")
    p.run("review")  # the pages are as they were: only the index is made again
    assert flagged() == {"en/leber.html", "fr/leber.html"}
    p.run("extract")
    p.run("review")
    assert flagged() == set()

    buffer = p.read("translations/en/leber.po")
    p.write("source_de/leber.md", LEBER.replace("nachts.", "am Tag."))
    p.run("extract")
    p.write("translations/en/leber.po", buffer)
    p.run("review")
    assert flagged() == {"en/leber.html"}
    p.run("review")
    assert flagged() == {"en/leber.html"}


def test_status_and_the_review_report_count_a_details_blocks_words_alike(project: Project):
    """A ``<details>`` block's ``<summary>`` is an HTML block whose text is in no catalog: readers of every
    translation get it in German. ``status`` counted its words as not reviewed (the page is not 100 %), the review
    report left them out (100 % for the same page): one count, one definition (``states.percent_reviewed``)."""
    from conftest import review

    project.write("source_de/tropfen.md", article("Tropfen", """\
        Nehmen Sie die Tropfen morgens ein.

        <details>
        <summary>Was tun bei Übelkeit nach der Einnahme</summary>

        Trinken Sie ein Glas Wasser.

        </details>
        """))
    project.run("extract")
    review(project, "en", "tropfen", {("title", "Tropfen"): "Drops",
                                      "Nehmen Sie die Tropfen morgens ein.": "Take the drops in the morning.",
                                      "Trinken Sie ein Glas Wasser.": "Drink a glass of water."})
    (row,) = [r for r in json.loads(project.run("status", "--format", "json", "--lang", "en").output)["articles"]]
    assert row["german_words"] == 7 and sum(row["words"].values()) == 12
    assert row["percent_reviewed"] == round(100 * 12 / 19, 1)
    project.run("review", "--lang", "en")
    page = (project.root / "review/en/tropfen.html").read_text(encoding="utf-8")
    index = (project.root / "review/index.html").read_text(encoding="utf-8")
    said = f"{row['percent_reviewed']}% of 19 German words reviewed"
    assert said in page and said in index, re.findall(r"[\d.]+% of \d+ German words reviewed", page + index)
    assert "19 German words" in page and "12 of 19 words" in index


def test_a_signed_off_segment_the_build_holds_back_is_said_beside_the_percent_reviewed(built, tmp_path):
    """Trial 20: "100 % reviewed" in green while the build showed two signed-off sentences in German (check errors).
    The report says how many signed-off segments are held back, the same number the build holds back."""
    page = page_of(built, "en", "zecken")
    assert page.tally.held == 1 and page.tally.words[REVIEWED] > 0
    report = built.read("review/en/zecken.html")
    said = "<strong>1</strong> signed-off segment held back by its error: readers see the German"
    assert said in report
    assert said in built.read("review/index.html"), "the index's row of the article says it too"
    assert "held back" not in built.read("review/en/leber.html")
    status = built.run("status", "--lang", "en").output
    assert "QA = errors (E) and warnings (W) from verlag check: a segment with an error is held back, its German " \
           "shown, even where it counts as reviewed" in status, status
    result = built.run("build")
    assert re.search(r"en/zecken\b[^\n]*\b1 segment[^\n]*held back|1 segment[^\n]*held back[^\n]*en/zecken",
                     result.output), result.output

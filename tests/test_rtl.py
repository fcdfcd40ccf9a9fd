"""A right-to-left edition (Arabic) in a real headless Chromium: layout measured with JavaScript on pages
served by `verlag serve` on 127.0.0.1, and the review report opened from disk."""

from __future__ import annotations

import os
from contextlib import closing
from types import SimpleNamespace
from unittest import mock

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ARTIFACTS, WALL, Project, article, review, serving
from pipeline.bidi import mark_directions

TITLE = "Dosierungstabelle für Heilpflanzenzubereitungen"
HELD = "Zecken sind ab ca. 7 Grad aktiv."
ARABIC = {("title", TITLE): "جدول الجرعات لمستحضرات النباتات الطبية",
          "Sie warten in hohem Gras.": "ينتظر القراد في العشب الطويل.",
          "Ein Zitat zum Schluss.": "اقتباس في الختام.",
          "Tragen Sie lange Kleidung.": "ارتدِ ملابس طويلة."}
ENGLISH = ("%(count)s article", "Search results: %(query)s", "reading time %(duration)s")


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    """A project with an Arabic edition (one German sentence left untranslated, a German-only disclaimer, the
    website words of ``ENGLISH`` fuzzy in its site.po, so shown in English), built, reported on (`verlag review`) and served; yields (project, base URL)."""
    os.environ["SOURCE_DATE_EPOCH"] = "1780000000"
    project = Project(tmp_path_factory.mktemp("rtl"))
    project.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["ar"]\n'
                  '[publish]\nmin_translated = 50\n[site]\nbase_url = "https://t.example/"\n'
                  '[site.disclaimer]\nde = "Dieser Text ersetzt keinen Arztbesuch."\n'
                  '[site.call_to_action]\nphone = "+49 30 1234567"\nemail = "praxis@example.org"\n')
    project.write("source_de/zecken.md", article(TITLE, f"""
        {HELD}

        Sie warten in hohem Gras.

        > Ein Zitat zum Schluss.

        - Tragen Sie lange Kleidung.
        """, author="Anna Berg", reviewed_by="{name: Dr. med. Tobias Hahn, qualification: Facharzt für Orthopädie}"))
    project.run("extract")
    review(project, "ar", "zecken", ARABIC)
    site_po = project.root / "translations/ar/site.po"
    po = polib.pofile(str(site_po))
    for msgid in ENGLISH:  # a reviewer's doubt: these show in English, inside the Arabic page
        po.find(msgid).flags.append("fuzzy")
    po.save(str(site_po))
    project.run("build")
    project.run("review")
    for url in serving(project.root, "--no-build"):
        yield project, url


@pytest.fixture
def phone(browser):
    """The browser as a 360 px wide phone, for one test."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _screenshot(browser, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / name))


# x of the first and of the last character of an element's text, as laid out
CHAR_X = """const text = arguments[0].textContent, at = i => { const walker = document.createTreeWalker(arguments[0], 4);
  let node, seen = 0; while ((node = walker.nextNode())) { if (i < seen + node.length) { const r = document.createRange();
  r.setStart(node, i - seen); r.setEnd(node, i - seen + 1); return r.getBoundingClientRect().x; } seen += node.length; } };
  return [at(0), at(text.length - 1)];"""


@pytest.mark.parametrize("path", ["/ar/zecken/", "/ar/", "/de/zecken/", "/"])
def test_no_page_is_wider_than_a_phone(phone, arabic, path):
    """A hidden skip link moved 999 px to the left made every right-to-left page scroll sideways (1,359 px)."""
    _, base = arabic
    phone.get(base + path)
    assert phone.execute_script("return [document.documentElement.scrollWidth, innerWidth]") == [360, 360]
    if path in ("/ar/zecken/", "/de/zecken/"):
        _screenshot(phone, f"rtl-{path.strip('/').replace('/', '-')}-360.png")


@pytest.mark.parametrize("lang", ["ar", "de"])
def test_the_focused_skip_link_shows_where_lines_start(browser, arabic, lang):
    _, base = arabic
    browser.get(f"{base}/{lang}/zecken/")
    _screenshot(browser, f"rtl-{lang}-zecken-1280.png")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class") == "skip" and skip.is_displayed()
    left, right, width = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, innerWidth]", skip)
    if lang == "ar":
        assert width - 40 < right <= width, (left, right, width)
    else:
        assert 0 <= left < 40, (left, right, width)


def test_german_on_an_arabic_page_runs_left_to_right(browser, arabic):
    """The untranslated sentence read ".Zecken sind ab ca. 7 Grad aktiv" (laid out right to left)."""
    _, base = arabic
    browser.get(f"{base}/ar/zecken/")
    directions = browser.execute_script(
        "return [...document.body.querySelectorAll('[lang]')].map(e => [e.lang, getComputedStyle(e).direction])")
    assert ["de", "ltr"] in directions and ["en", "ltr"] in directions
    assert [(lang, way) for lang, way in directions if way != ("rtl" if lang == "ar" else "ltr")] == []
    held = browser.find_element(By.CSS_SELECTOR, '.article-body [lang="de"]')
    assert held.text == HELD
    first, last = browser.execute_script(CHAR_X, held)
    assert first < last, "the full stop stands left of the sentence"
    disclaimer = browser.find_element(By.CSS_SELECTOR, ".disclaimer p")
    assert disclaimer.get_attribute("lang") == "de" and disclaimer.get_attribute("dir") == "ltr"


def test_the_practice_s_phone_number_and_e_mail_read_left_to_right_on_an_arabic_page(browser, arabic):
    """The contact box's "+49 30 1234567" showed as "1234567 30 49+" on Arabic pages (trial15): a wrong number
    to call. Phone number and e-mail address are left-to-right isolates (dir="ltr") on every page."""
    _, base = arabic
    browser.get(f"{base}/ar/zecken/")
    for selector, text in (('a[href^="tel:"]', "+49 30 1234567"), ('a[href^="mailto:"]', "praxis@example.org")):
        link = browser.find_element(By.CSS_SELECTOR, f".call-to-action {selector}")
        assert link.text == text
        first, last = browser.execute_script(CHAR_X, link)
        assert first < last, f"{text!r} laid out right to left"


@pytest.mark.parametrize("width", [1280, 360])
def test_a_latin_name_and_qualification_read_in_their_order_on_an_arabic_page(browser, arabic, width):
    """The medical reviewer "Dr. med. Tobias Hahn, Facharzt für Orthopädie" showed as "Facharzt für Orthopädie
    ,Dr. med. Tobias Hahn", and on a phone "Dr. :" on a line of its own (trial12): each name is a bidi isolate,
    laid out left to right as one unit, and the author's name too."""
    _, base = arabic
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 740, "deviceScaleFactor": 1, "mobile": width < 500})
    try:
        browser.get(f"{base}/ar/zecken/")
        name = browser.find_element(By.CSS_SELECTOR, ".reviewed bdi")
        assert name.text == "Dr. med. Tobias Hahn, Facharzt für Orthopädie"
        assert browser.execute_script("return getComputedStyle(arguments[0]).direction", name) == "ltr"
        first, last = browser.execute_script(CHAR_X, name)
        if width > 500:  # on one line: "D" at its left end, the last "e" at its right
            assert first < last
        author = browser.find_element(By.CSS_SELECTOR, ".author bdi")
        assert author.text == "Anna Berg"
        browser.get(f"{base}/de/zecken/")  # isolated on a left-to-right page too: a name may be Arabic, or hold U+202E
        assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".reviewed bdi, .author bdi")] == [
            "Anna Berg", "Dr. med. Tobias Hahn, Facharzt für Orthopädie"]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_an_english_count_on_the_language_choice_reads_in_english_order(browser, arabic):
    """The note "1 article" shown in English (fuzzy in Arabic's site.po) showed as "article 1"."""
    _, base = arabic
    browser.get(f"{base}/")
    note = browser.find_element(By.CSS_SELECTOR, 'li[lang="ar"] .choice-note')
    assert note.text == "1 article"
    first, last = browser.execute_script(CHAR_X, note)
    assert first < last


def test_borders_and_indents_sit_where_lines_start(browser, arabic):
    _, base = arabic
    sides = "const s = getComputedStyle(arguments[0]); return [s.borderLeftWidth, s.borderRightWidth]"
    for lang, expected in (("ar", ["0px", "4px"]), ("de", ["4px", "0px"])):
        browser.get(f"{base}/{lang}/zecken/")
        quote = browser.find_element(By.CSS_SELECTOR, ".article-body blockquote")
        assert browser.execute_script(sides, quote) == expected, lang


def test_search_results_heading_keeps_english_and_the_query_apart(browser, arabic):
    """"Search results: %(query)s" shown in English (fuzzy in Arabic's site.po) read "القراد :Search results"."""
    _, base = arabic
    browser.get(f"{base}/ar/?q=القراد")
    box = WebDriverWait(browser, WALL).until(
        expected_conditions.visibility_of_element_located((By.ID, "search-results")))
    heading = box.find_element(By.TAG_NAME, "h2")
    assert heading.text == "Search results: القراد"
    english = heading.find_element(By.CSS_SELECTOR, '[lang="en"]')
    query = heading.find_element(By.TAG_NAME, "bdi")
    assert query.text == "القراد"
    assert english.rect["x"] < query.rect["x"], "the English words stand right of the query"


def test_the_review_report_sets_arabic_right_to_left(browser, arabic):
    project, _ = arabic
    page = project.root / "review/ar/zecken.html"
    assert 'lang="ar" dir="rtl"' in page.read_text(encoding="utf-8")
    browser.get(page.as_uri())
    translations = browser.find_elements(By.CSS_SELECTOR, '.tr[lang="ar"] .text:not(.missing)')
    assert translations and {browser.execute_script("return getComputedStyle(arguments[0]).direction", t)
                             for t in translations} == {"rtl"}
    english = browser.find_element(By.CSS_SELECTOR, ".tr .missing")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", english) == "ltr"


def test_a_long_german_heading_hyphenates_where_the_browser_can_and_never_overflows(phone, arabic):
    """Headings had hyphens: manual, so "Heilpflanzenzubereitungen" broke without a hyphen even in browsers
    that hyphenate German; this Chromium has no hyphenation dictionary on Linux, so only the fit is measured."""
    _, base = arabic
    phone.get(f"{base}/de/zecken/")
    heading = phone.find_element(By.TAG_NAME, "h1")
    assert heading.get_attribute("lang") in (None, "") and phone.find_element(By.TAG_NAME, "html").get_attribute(
        "lang") == "de"
    assert phone.execute_script("return getComputedStyle(arguments[0]).hyphens", heading) == "auto"
    assert phone.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", heading)


def test_mark_directions_gives_dir_only_where_the_direction_differs():
    html = ('<p lang="de" title="a &gt; b">x</p><span lang="ar">y</span><i lang="en" dir="auto">z</i>'
            '<a hreflang="de" href="/de/">d</a><img lang="en" alt="" src="x.png"/><b lang="x-elbisch">?</b>'
            '<script>"<p lang=\\"de\\">"</script><!-- <p lang="de"> -->')
    assert mark_directions(html, "rtl") == (
        '<p lang="de" title="a &gt; b" dir="ltr">x</p><span lang="ar">y</span><i lang="en" dir="auto">z</i>'
        '<a hreflang="de" href="/de/">d</a><img lang="en" alt="" src="x.png" dir="ltr"/><b lang="x-elbisch">?</b>'
        '<script>"<p lang=\\"de\\">"</script><!-- <p lang="de"> -->')
    assert mark_directions(html, "ltr") == html.replace('<span lang="ar">', '<span lang="ar" dir="rtl">')



def test_a_page_whose_langs_all_run_its_way_is_not_scanned_tag_by_tag(monkeypatch):
    import pipeline.bidi as bidi

    scans = []
    tags = bidi._TAG_WITH_LANG
    monkeypatch.setattr(bidi, "_TAG_WITH_LANG", SimpleNamespace(sub=lambda mark, html: scans.append(html)
                                                                or tags.sub(mark, html)))
    page = ('<html lang="de"><p lang="en">x</p><a hreflang="ar" href="/ar/">ع</a><b lang="x-elbisch">?</b>'
            '<p>lang="ar" as prose</p></html>')
    assert mark_directions(page, "ltr") == page
    assert scans == []
    assert mark_directions(page, "rtl") == page.replace('de">', 'de" dir="ltr">').replace('en">', 'en" dir="ltr">')
    assert scans == [page]


_BIDI_PIECES = ['<p lang="ar">', '<P LANG="AR">', '<i\u00a0lang="he">', '<b\tLang="ar" dir="auto">', ' lang="',
                'lang="ar"', '"', '<!-- <p lang="ar"> -->', '<script>"<p lang=\\"ar\\">"</script>', "İ", "x",
                '<img lang="fa" alt=""/>', '<a hreflang="ar">', '<p title=" lang=" lang="ar">', '<q lang="de">', ">",
                "\U0001d4d0", '<p lang="de"\ud800>']


@given(st.lists(st.sampled_from(_BIDI_PIECES), max_size=12), st.sampled_from(["ltr", "rtl"]))
def test_mark_directions_marks_what_the_tag_by_tag_scan_marks(pieces, direction):
    import pipeline.bidi as bidi

    html = "".join(pieces)
    with mock.patch.object(bidi, "_may_turn", lambda *_: True):
        scanned = mark_directions(html, direction)
    assert mark_directions(html, direction) == scanned


@pytest.mark.parametrize("message, values, rtl, ltr", [
    ("%(count)s article", {"count": "1"}, '<span dir="ltr">1<span lang="en"> article</span></span>',
     '1<span lang="en"> article</span>'),
    ("reading time %(d)s", {"d": "<b>٣ دقائق</b>"}, '<span dir="ltr"><span lang="en">reading time </span>'
     '<b>٣ دقائق</b></span>', '<span lang="en">reading time </span><b>٣ دقائق</b>'),
    ("Language", {}, '<span lang="en">Language</span>', '<span lang="en">Language</span>'),
    ("%(x)s", {"x": "قيمة"}, "قيمة", "قيمة"),
])
def test_an_english_message_with_values_runs_left_to_right_as_a_whole_only_on_a_right_to_left_page(
        message, values, rtl, ltr):
    from pipeline.uistrings import _English, mark_english

    shown = _English().gettext(message) % values
    assert mark_english(f"<p>{shown}</p>", direction="rtl") == f"<p>{rtl}</p>"
    assert mark_english(f"<p>{shown}</p>") == f"<p>{ltr}</p>"


def test_neighbouring_german_sentences_shown_for_different_reasons_read_in_german_order(browser, tmp_path):
    """A sentence held back by a check error and the untranslated one after it were two dir="ltr" isolates in the
    right-to-left paragraph, laid out right to left: "Das reicht meist." stood left of "Trinken Sie … täglich."."""
    project = Project(tmp_path)
    project.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["ar"]\n'
                  '[publish]\nmin_translated = 0\n[site]\nbase_url = "https://t.example/"\n')
    project.write("source_de/tee.md", article("Tee", "Trinken Sie 2 Tassen täglich. Das reicht meist.\n"))
    project.run("extract")
    review(project, "ar", "tee", {("title", "Tee"): "شاي",
                                  "Trinken Sie 2 Tassen täglich.": "اشرب الشاي يوميًا."})  # no 2: held back
    project.run("build")
    with closing(serving(project.root, "--no-build")) as server:
        browser.get(f"{next(server)}/ar/tee/")
        spans = browser.find_elements(By.CSS_SELECTOR, ".article-body span[title]")
        assert [span.text for span in spans] == ["Trinken Sie 2 Tassen täglich.", "Das reicht meist."]
        held, untranslated = (span.get_attribute("title") for span in spans)
        assert held != untranslated  # each sentence still says why it is German
        lefts = [browser.execute_script("return arguments[0].getBoundingClientRect().left", span) for span in spans]
        assert lefts[0] < lefts[1], lefts
        first, last = browser.execute_script(CHAR_X, spans[0].find_element(By.XPATH, ".."))
        assert first < last

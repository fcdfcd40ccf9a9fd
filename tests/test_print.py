"""The printed article (print media) in a real headless Chromium, served by `verlag serve` on 127.0.0.1."""

from __future__ import annotations

import pytest

from conftest import copy_shipped_project, serving


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_shipped_project(tmp_path_factory.mktemp("printed") / "blog")
    for url in serving(project.root):
        yield url


@pytest.fixture
def printing(browser):
    """The browser rendering for print, as the print preview does; the screen again afterwards."""
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    yield browser
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_paper_shows_no_search_field_and_one_typeface_for_headings_and_text(printing, served, lang):
    """The search field and button, like the switcher and skip link, mean nothing on paper; headings, byline
    and body print in the body's typeface, not a screen's sans-serif beside a serif."""
    printing.get(f"{served}/{lang}/zecken-im-garten/")
    shown = printing.execute_script(
        "return [...document.querySelectorAll('.search, .search input, .search button, .switcher, .skip')]"
        ".filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 60))")
    assert shown == []
    fonts = printing.execute_script(
        "const f = s => getComputedStyle(document.querySelector(s)).fontFamily;"
        "return {body: f('.article-body p'), h1: f('h1'), h2: f('.article-body h2'), meta: f('.meta'),"
        "        name: f('.site-name')}")
    assert len(set(fonts.values())) == 1, fonts
    assert "serif" in fonts["body"] and "sans-serif" not in fonts["body"]


def test_the_screen_keeps_its_search_field(browser, served):
    browser.get(f"{served}/de/zecken-im-garten/")
    assert browser.execute_script("return document.querySelector('.search input').getClientRects().length") == 1


def test_paper_shows_the_originals_address_and_the_legal_links(printing, served):
    """On paper a link is its address: the notice's "the original in German" printed without one (only links to
    other sites did), and the footer with Impressum and privacy notice was not printed at all. Both print, each
    with its full address; the footer's navigation (all articles, feed, other languages) does not."""
    printing.get(f"{served}/fr/abendroutine-schlaf/")  # partly machine-translated: the notice names the original
    after = ("return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length)"
             ".map(e => [e.textContent, getComputedStyle(e, '::after').content])")
    (original,) = printing.execute_script(after, ".notice a[hreflang='de']")
    assert original == ["l’original en allemand", '" (https://example.org/de/abendroutine-schlaf/)"']
    legal = printing.execute_script(after, "footer .legal a")
    assert [address for _, address in legal] == [
        f'" (https://example.org/fr/{slug}/)"' for slug in ("impressum", "datenschutz")], legal
    assert printing.execute_script(after, "footer > p a") == []


def test_paper_shows_the_originals_address_after_the_medical_review_line_too(printing, served):
    """Trial 33: the review line's "the original in German" printed no address, unlike the notice's link to the same
    page; on paper the reader of a translation must be able to find the text the doctor checked."""
    printing.get(f"{served}/en/rueckenschmerzen-leber/")
    after = ("return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length)"
             ".map(e => [e.textContent, getComputedStyle(e, '::after').content])")
    assert printing.execute_script(after, ".reviewed a[hreflang='de']") == [
        ["the original in German", '" (https://example.org/de/rueckenschmerzen-leber/)"']]

"""Hostile translations on the built pages: site.po, foreign link targets, symlinked articles.

Every page is parsed the way a browser does (html5lib, the WHATWG parsing
algorithm) and compared with its German counterpart: a translated page may
run no script, carry no event handler and hold no ``javascript:`` address the
German page lacks, and load nothing from a host the German never names.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import html5lib
import pytest

from conftest import article, review
from test_hostile import ENCODED_SCHEMES

SITE_PO_ATTACKS = {  # the website's own words, as a hostile reviewer might translate them
    "Skip to the content": "<img src=x onerror=alert(1)>",
    "Other languages": "Other <img src=x onerror=alert(2)//",
    "All articles": "<svg/onload=alert(3)>",
    "Page not found": "<iframe/src=javascript:alert(4)>",
    "To all articles": '"><script>alert(5)</script>',
    "Articles": "100 % Themen",
    "Topics": "Themen %(unbekannt)s",
    "Language": "&lt;b&gt;Sprache",
}
LEBER = article("Leber", """
    Die Leber arbeitet nachts. Mehr in der [Leitlinie](https://leitlinien.example.de/leber).

    Trinken Sie genug Wasser.

    Schlafen Sie früh.
    """, summary="Über die Leber.")
FOREIGN = {  # new targets to hosts the German never names, each with every ignore-* flag set
    "Trinken Sie genug Wasser.": "Drink enough water. ![ ](https://zaehler.example.net/p.png)",
    "Schlafen Sie früh.": "Sleep early, see [this](//werbung.example.com/schlaf) "
                          '<img src="https://zaehler.example.net/q.gif">.',
    "Mehr in der [Leitlinie](https://leitlinien.example.de/leber).": "More in the [guideline](javascript:alert(6)).",
}


@pytest.fixture
def hostile(project):
    from pipeline.check import CHECKS

    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")  # partly translated
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver", ("summary", "Über die Leber."): "About the liver."})
    review(project, "en", "leber", FOREIGN, silence=tuple(c.id for c in CHECKS))
    review(project, "fr", "leber", {"Trinken Sie genug Wasser.": "Buvez assez d'eau."})
    review(project, "en", "site", SITE_PO_ATTACKS)
    project.run("build")
    return project


def parse(path: Path):
    return html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)


def active(path: Path) -> set[tuple]:
    """What can run or reach out on a page: scripts, handlers, javascript: URLs, embeds, foreign hosts."""
    found: set[tuple] = set()
    for element in parse(path).iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("script", "iframe", "svg", "object", "embed", "img"):
            found.add((element.tag, element.get("type") or element.get("src") or ""))
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.add(("handler", element.tag, name))
            if "javascript:" in value.lower().replace(" ", ""):
                found.add(("javascript", element.tag, value))
            if name in ("href", "src") and ("example.net" in value or "example.com" in value):
                found.add(("foreign", element.tag, value))
    return found


def pages(project, lang: str) -> list[Path]:
    return sorted((project.root / "site" / lang).rglob("*.html"))


def counterpart(project, page: Path, lang: str) -> Path:
    return project.root / "site" / "de" / page.relative_to(project.root / "site" / lang)


def test_no_translated_page_has_active_content_its_german_page_lacks(hostile):
    english = pages(hostile, "en")
    assert {p.relative_to(hostile.root / "site/en").as_posix() for p in english} >= \
        {"index.html", "404.html", "leber/index.html"}
    for page in english:
        extra = active(page) - active(counterpart(hostile, page, "en"))
        if page.name == "404.html":  # the theme's own offer of the German original (readerR), on translations' 404s
            extra.discard(("script", "/static/notfound.js"))
        assert not extra, (page, extra)


def test_site_po_translations_are_shown_as_text(hostile):
    doc = parse(hostile.root / "site/en/leber/index.html")
    skip = doc.xpath('//a[@class="skip"]')[0]
    assert skip.text == "Skip to the content", "a translation with an error shows the English"
    assert not doc.xpath("//svg | //iframe | //img")
    assert doc.xpath("//h1/text()") == ["Liver"]
    index = parse(hostile.root / "site/en/index.html")
    assert index.xpath("//h1/text()") == ["100 % Themen"], "a % that is no placeholder is literal"
    topics = parse(hostile.root / "site/en/leber/index.html").xpath('//h2[@class="visually-hidden"]/text()')
    assert topics in ([], ["Topics"])  # an unknown placeholder is an error: English instead


def test_escaping_holds_without_the_check():
    """Even a message no check has seen (here: an English msgid) is escaped: markup is text."""
    from babel.support import NullTranslations

    from pipeline.uistrings import gettext_as_text

    text = gettext_as_text(NullTranslations())["gettext"]("<svg/onload=alert(1)>")
    assert str(text) == "&lt;svg/onload=alert(1)&gt;"


def test_check_reports_site_po_like_an_article_catalog(hostile):
    result = hostile.run("check", "--lang", "en", code=1)
    lines = [line for line in result.output.splitlines() if "translations/en/site.po" in line]
    assert sum("[ui-markup]" in line for line in lines) == 6, lines  # five tags and one entity
    assert any("unknown placeholder %(unbekannt)s" in line and "[placeholder]" in line for line in lines)
    assert not any("100 % Themen" in line for line in lines)
    assert all(line.startswith(("error: translations/en/site.po:", "warning: translations/en/site.po:")) for line in lines), lines


def test_foreign_link_targets_are_held_back_whatever_the_flags(hostile):
    result = hostile.run("check", "--lang", "en", "--format", "json", code=1)
    assert result.output.count('"check": "foreign-target"') == 3
    body = (hostile.root / "site/en/leber/index.html").read_text(encoding="utf-8")
    assert "example.net" not in body and "example.com" not in body and "javascript:" not in body
    assert "Trinken Sie genug Wasser." in body and "Schlafen Sie früh." in body


def test_a_symlinked_article_leading_out_of_source_de_is_refused(project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.md"
    secret.write_text(article("Geheim", "Das Passwort ist geheim.\n"), encoding="utf-8")
    project.write("source_de/leber.md", LEBER)
    os.symlink(secret, project.root / "source_de/passwd.md")
    result = project.run("build", code=2)
    assert "error: source_de/passwd.md:1: a symlink that leads out of source_de/" in result.output
    assert not (project.root / "site").exists() or "Geheim" not in "".join(
        p.read_text(encoding="utf-8") for p in (project.root / "site").rglob("*.*ml"))
    (project.root / "source_de/passwd.md").unlink()
    (project.root / "source_de/inner.md").symlink_to("leber.md")  # a symlink that stays inside is fine
    assert "source_de/inner.md:1" in project.run("extract").output or (project.root / "translations/en/inner.po").exists()


@pytest.mark.parametrize("lang", ["en"])
def test_no_dialog_opens_on_any_attacked_page_in_chromium(browser, hostile, lang):
    from selenium.common.exceptions import NoAlertPresentException

    for page in pages(hostile, lang):
        browser.get(page.as_uri())
        time.sleep(0.2)  # let onerror/onload handlers fire
        try:
            alert = browser.switch_to.alert
            text = alert.text
            alert.dismiss()
            pytest.fail(f"{page}: a dialog opened: {text!r}")
        except NoAlertPresentException:
            pass


def test_a_host_the_german_reaches_through_a_link_definition_is_not_foreign(project):
    """``[Leitlinie][awmf]`` with ``[awmf]: https://register.example.org/…`` in the German: a reviewer who
    links the English page on that host inline (waiving link-target) publishes it; another host is still
    held back, by check and by build, whatever is waived."""
    project.write("source_de/leber.md", article("Leber", """
        Mehr steht in der [Leitlinie][awmf].

        Trinken Sie genug [Wasser][awmf].

        [awmf]: https://register.example.org/leitlinie
        """))
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver"})
    review(project, "en", "leber", {
        "Mehr steht in der [Leitlinie][awmf].": "More in the [guideline](https://register.example.org/guideline).",
        "Trinken Sie genug [Wasser][awmf].": "Drink enough [water](https://werbung.example.com/).",
    }, silence=("link-target",))
    output = project.run("check", "--lang", "en", code=1).output
    assert "[foreign-target]" in output and "werbung.example.com" in output
    assert output.count("[foreign-target]") == 1, output
    project.run("build")
    body = (project.root / "editions/en/leber.md").read_text(encoding="utf-8")
    assert "More in the [guideline](https://register.example.org/guideline)." in body
    assert "werbung.example.com" not in body and "Trinken Sie genug [Wasser][awmf]." in body


def test_a_bidi_override_in_site_po_is_an_error_and_the_page_shows_the_english(project):
    """An override (U+202E) in a website word reorders what follows it on every page ("12" shown as "21"):
    ``bidi-control`` finds it in site.po as in an article's catalog, and the pages show the English words."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver"})
    review(project, "en", "site", {"Skip to the content": "Skip to the \u202econtent 12\u202c"})
    result = project.run("check", "--lang", "en", code=1)
    assert any(line.startswith("error: translations/en/site.po:") and line.endswith("[bidi-control]")
               for line in result.output.splitlines()), result.output
    project.run("build")
    skip = parse(project.root / "site/en/leber/index.html").xpath('//a[@class="skip"]')[0]
    assert skip.text == "Skip to the content"
    assert "\u202e" not in (project.root / "site/en/index.html").read_text(encoding="utf-8")


# The private-use characters ``uistrings`` marks the website's words with (U+E040-U+E046), forged in text: a link
# title opens a "both forms" value, the text after it closes it, and the mark's removal of what lies between took
# the title's closing quote, so the address or code class after it became attributes of the link (onfocus).
MARKS_IN_GERMAN = article("Leber", """
    Die Leber [arbeitet](https://a.example/ "\ue044\ue045") nachts \ue046 und ruht am Tag.

    ```x/autofocus/onfocus=alert(7)//
    Leberwickel
    ```
    """)
MARKS_IN_TRANSLATION = {
    "Die Leber [arbeitet](https://a.example/) nachts.":
        'The liver [works](https://a.example/ "\ue044\ue045") at \ue046 night.',
    "Mehr dazu [hier](https://a.example/tag).":
        "More [here](https://a.example/tag/autofocus/onfocus=alert(8)//).",
}


@pytest.mark.parametrize("who", ["german", "reviewer"])
def test_a_mark_of_the_websites_words_forged_in_text_adds_no_attribute_and_no_dialog_opens(project, browser, who):
    """U+E044-U+E046 in an imported German post or a reviewer's translation are no marks: the page keeps every
    word and quote, its links only their href and title, and Chromium opens no dialog."""
    from selenium.common.exceptions import NoAlertPresentException

    from pipeline.check import CHECKS

    if who == "german":  # an imported post keeps the characters as the old blog had them
        project.write("source_de/leber.md", MARKS_IN_GERMAN)
        project.run("extract")
        page = project.root / "site/de/leber/index.html"
    else:
        project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
        project.write("source_de/leber.md", article("Leber", """
            Die Leber [arbeitet](https://a.example/) nachts.

            Mehr dazu [hier](https://a.example/tag).
            """))
        project.run("extract")
        review(project, "en", "leber", {("title", "Leber"): "Liver"})
        review(project, "en", "leber", MARKS_IN_TRANSLATION, silence=tuple(c.id for c in CHECKS))
        page = project.root / "site/en/leber/index.html"
    project.run("build")
    browser.get(page.as_uri())
    time.sleep(0.5)  # let an autofocus handler fire
    try:
        alert = browser.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"{page}: a dialog opened: {text!r}")
    except NoAlertPresentException:
        pass
    links = [a for a in parse(page).iter("a") if a.get("href", "").startswith("https://a.example/")]
    assert links and all(sorted(a.attrib) in (["href"], ["href", "title"]) for a in links), \
        [dict(a.attrib) for a in links]
    text = "".join(parse(page).xpath("//main//text()"))
    assert ("nachts  und ruht am Tag." if who == "german" else "at  night.") in text, text


def test_verlags_own_marks_of_german_passages_in_a_translation_mislabel_nothing(project):
    """U+E000-U+E003 mark the German passages of a translated page (a German source holding one is refused): in a
    reviewer's msgstr, "The liver \ue000works at night." published "works at night." as a German passage with a
    "not translated yet" note, and a U+E001 in the next sentence made its words vanish. They are left out."""
    project.write("verlag.toml", 'name = "T"\nsource_language = "de"\nlanguages = ["en"]\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts. Sie braucht Ruhe.\n"))
    project.run("extract")
    review(project, "en", "leber", {("title", "Leber"): "Liver",
                                     "Die Leber arbeitet nachts.": "The liver \ue000works at night.",
                                     "Sie braucht Ruhe.": "It needs \ue001rest."})
    project.run("build")
    page = project.read("site/en/leber/index.html")
    assert "The liver works at night. It needs rest." in page
    assert 'lang="de"' not in page.split('<div class="article-body"', 1)[1].split("</div>", 1)[0]
    assert not any(char in page for char in "\ue000\ue001\ue002\ue003")


def test_no_encoded_address_runs_a_script_on_the_original_or_a_translation_in_chromium(project, browser):
    """Each link of the German page and of its translation, a reviewer's encoded addresses among them, clicked
    in Chromium: none runs a script (markdown-it shows the refused ones as text; ``java&#9;script:`` is a
    relative address, ``java%09script:…``, no scheme). Raw HTML under ``german_html = "clean"`` keeps no such
    address."""
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    from pipeline.check import CHECKS

    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nmin_translated = 0\n[site]\n'
                  'base_url = "https://example.org/"\ngerman_html = "clean"\n')
    project.write("source_de/salbe.md", ENCODED_SCHEMES)
    project.run("extract")
    review(project, "en", "salbe", {("title", "Salbe"): "Salve", "Ein Text über Salbe.": "A text on "
                                    "[salve](&#x6A;avascript:alert(20)) and [more](java&#x0A;script:alert(21))."},
           silence=tuple(c.id for c in CHECKS))
    project.run("build")
    for page in ("site/de/salbe/index.html", "site/en/salbe/index.html"):
        path = project.root / page
        browser.get(path.as_uri())
        links = browser.find_elements(By.CSS_SELECTOR, "main a")
        hrefs = [link.get_attribute("href") or "" for link in links]
        assert not [href for href in hrefs if href.lower().startswith(("javascript:", "vbscript:", "data:"))], hrefs
        for index in range(len(links)):
            browser.get(path.as_uri())
            link = browser.find_elements(By.CSS_SELECTOR, "main a")[index]
            browser.execute_script("arguments[0].click()", link)
            try:
                alert = browser.switch_to.alert
                text = alert.text
                alert.dismiss()
                pytest.fail(f"{page}: {hrefs[index]} opened a dialog: {text!r}")
            except NoAlertPresentException:
                pass
    assert "Zehn" in project.read("site/de/salbe/index.html") and "salve" in project.read("site/en/salbe/index.html")

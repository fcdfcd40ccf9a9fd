"""Markdown -> HTML for one edition: German passages, links between articles, what a translation may add."""

from __future__ import annotations

from lxml import html

from pipeline.editions import FALLBACK_CLOSE as C, FALLBACK_OPEN as O
from pipeline.render import Allowance, render, safe_url


def tree(fragment: str):
    return html.fromstring(f"<div>{fragment}</div>")


def test_a_german_sentence_inside_a_translated_paragraph_becomes_a_span():
    doc = tree(render(f"The liver works at night. {O}Sie braucht **viel** Ruhe.{C} Sleep helps.").html)
    (p,) = doc.xpath("//p")
    assert p.get("lang") is None
    (span,) = p.xpath("span")
    assert span.get("lang") == "de" and span.text_content() == "Sie braucht viel Ruhe."
    assert span.xpath("strong/text()") == ["viel"]
    assert p.text_content() == "The liver works at night. Sie braucht viel Ruhe. Sleep helps."


def test_a_block_that_fell_back_entirely_carries_lang_itself():
    text = f"## {O}Wann zum Arzt?{C}\n\n{O}Erster Satz.{C} {O}Zweiter Satz.{C}\n\n| a | b |\n|---|---|\n| {O}Zelle{C} | cell |\n"
    doc = tree(render(text).html)
    assert doc.xpath("//h2/@lang") == ["de"] and doc.xpath("//h2/@id") == ["wann-zum-arzt"]
    assert doc.xpath("//p/@lang") == ["de"] and not doc.xpath("//span")
    assert doc.xpath("//td[@lang='de']/text()") == ["Zelle"] and doc.xpath("//td[not(@lang)]/text()") == ["cell"]
    assert O not in render(text).html and C not in render(text).html


def test_links_to_an_article_point_to_its_page_and_other_links_stay():
    pages = {"milz": "/en/milz/"}
    doc = tree(render("[a](milz.md) [b](../source_de/milz.md#ruhe) [c](milz/) [d](https://x.example/milz.md) "
                      "[e](bild.png)", pages.get).html)
    assert doc.xpath("//a/@href") == ["/en/milz/", "/en/milz/#ruhe", "/en/milz/", "https://x.example/milz.md",
                                      "bild.png"]


def test_heading_ids_work_in_every_script():
    doc = tree(render("## Печень и сон\n\n## 肝臓と睡眠\n").html)
    assert doc.xpath("//h2/@id") == ["печень-и-сон", "肝臓と睡眠"]


def test_a_translation_keeps_only_the_html_and_attributes_of_its_original():
    german = render('Eine <abbr title="Traditionelle Chinesische Medizin">TCM</abbr>-Regel.\n\n'
                    '| a | b |\n|:-|-:|\n| c | d |\n')
    translated = render('A <abbr title="Traditionelle Chinesische Medizin">TCM</abbr> rule '
                        '<img src=x onerror=alert(1)> &amp; &nbsp;\n{: onclick="x" .note}\n\n'
                        '| a | b |\n|:-|-:|\n| c | d |\n', allowance=german.allowance)
    doc = tree(translated.html)
    assert doc.xpath("//abbr/@title") == ["Traditionelle Chinesische Medizin"]
    assert not doc.xpath("//img") and "<img src=x onerror=alert(1)>" in doc.text_content()
    assert doc.xpath("//p/@class") == ["note"] and not doc.xpath("//@onclick")
    assert doc.xpath("//th/@style") == ["text-align: left;", "text-align: right;"]
    assert "&amp; &nbsp;" in translated.html


def test_script_urls_are_recognised_however_they_are_written():
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "&#106;avascript:x",
                "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox"):
        assert not safe_url(url), url
    for url in ("https://example.org/", "/de/milz/", "milz.md#ruhe", "mailto:praxis@example.org", "#fn-1", "?q=1"):
        assert safe_url(url), url


def test_the_original_is_trusted():
    assert "<script>" in render("<script>track()</script>\n").html
    assert "<script>" not in render("<script>track()</script>\n", allowance=Allowance()).html

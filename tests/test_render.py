"""Markdown -> HTML for one edition: German passages, links between articles, what a translation may add."""

from __future__ import annotations

import re

import pytest
from lxml import html

from pipeline.editions import FALLBACK_CLOSE as C, FALLBACK_OPEN as O, HELD_MARK as H, STALE_MARK as S
from pipeline.errors import VerlagError
from pipeline.render import MAX_NESTING, Allowance, render, safe_url, sanitized


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


def test_a_german_passage_says_whether_it_is_untranslated_or_changed_since_its_translation():
    """Touching passages of one kind are one element; of two kinds, two, each with its own description, inside one
    element for the run (on a right-to-left page the run is one left-to-right isolate: German order)."""
    hints = {"fallback_hint": "Not translated yet", "stale_hint": "Updated in the original"}
    text = (f"{O}{S}Erster Satz.{C} {O}{S}Zweiter Satz.{C}\n\n"
            f"Done. {O}{S}Geändert.{C} {O}Neu.{C} {O}Auch neu.{C} {O}{S}Wieder **geändert**.{C}\n")
    doc = tree(render(text, **hints).html)
    (whole, mixed) = doc.xpath("//p")
    assert (whole.get("lang"), whole.get("title"), whole.text_content()) == \
        ("de", "Updated in the original", "Erster Satz. Zweiter Satz.")
    (run,) = mixed.xpath("span")
    assert (run.get("lang"), run.get("title"), run.text_content()) == \
        ("de", None, "Geändert. Neu. Auch neu. Wieder geändert.")
    assert [(span.get("title"), span.text_content()) for span in run.xpath("span")] == [
        ("Updated in the original", "Geändert."), ("Not translated yet", "Neu. Auch neu."),
        ("Updated in the original", "Wieder geändert.")]
    assert run.xpath("span/strong/text()") == ["geändert"] and S not in mixed.text_content()


def test_a_passage_held_back_by_the_qa_gate_has_its_own_description_and_touches_no_other_kind():
    text = f"{O}{H}Gehalten.{C} {O}{H}Auch gehalten.{C} {O}{S}Geändert.{C} {O}Neu.{C}\n\n{O}{H}Allein.{C}\n"
    doc = tree(render(text, fallback_hint="Not translated yet", stale_hint="Updated in the original",
                      held_hint="On hold for a check").html)
    (mixed, whole) = doc.xpath("//p")
    assert [(span.get("title"), span.text_content()) for span in mixed.xpath("span/span")] == [
        ("On hold for a check", "Gehalten. Auch gehalten."), ("Updated in the original", "Geändert."),
        ("Not translated yet", "Neu.")]
    assert (whole.get("lang"), whole.get("title"), whole.text_content()) == ("de", "On hold for a check", "Allein.")


def test_links_to_an_article_point_to_its_page_and_other_links_stay():
    pages = {"milz.md": ("/en/milz/", None), "milz": ("/de/milz/", "de")}  # the file's page; a name's, in German
    doc = tree(render("[a](milz.md) [b](../source_de/milz.md#ruhe) [c](milz/) [d](https://x.example/milz.md) "
                      "[e](bild.png)", pages.get).html)
    assert doc.xpath("//a/@href") == ["/en/milz/", "/en/milz/#ruhe", "/de/milz/", "https://x.example/milz.md",
                                      "bild.png"]
    assert doc.xpath("//a/@hreflang") == ["de"]  # the destination's language, where it is not the text's


def test_web_addresses_are_kept_as_written_and_only_other_urls_are_looked_up_as_files():
    asked = []
    doc = tree(render("[a](https://x.example/a.png) ![b](http://x.example/b.png) [c](HTTPS://x.example/c.png) "
                      "![d](bilder/d.png?v=2#oben)", files=lambda url: asked.append(url) or "/media/x.png").html)
    assert asked == ["HTTPS://x.example/c.png", "bilder/d.png?v=2#oben"]  # the scheme's case: urlsplit decides
    assert doc.xpath("//a/@href | //img/@src") == ["https://x.example/a.png", "http://x.example/b.png",
                                                   "/media/x.png", "/media/x.png?v=2#oben"]


def test_heading_ids_work_in_every_script():
    doc = tree(render("## Печень и сон\n\n## 肝臓と睡眠\n").html)
    assert doc.xpath("//h2/@id") == ["печень-и-сон", "肝臓と睡眠"]


def test_a_translation_keeps_only_the_html_of_its_original():
    german = render('Eine <abbr title="Traditionelle Chinesische Medizin">TCM</abbr>-Regel.\n\n'
                    '| a | b |\n|:-|-:|\n| c | d |\n')
    translated = render('A <abbr title="Traditionelle Chinesische Medizin">TCM</abbr> rule '
                        '<img src=x onerror=alert(1)> <abbr title="x" onclick="y">z</abbr> &amp; &nbsp;\n\n'
                        '| a | b |\n|:-|-:|\n| c | d |\n', allowance=german.allowance)
    doc = tree(translated.html)
    assert doc.xpath("//abbr/@title") == ["Traditionelle Chinesische Medizin"]
    assert not doc.xpath("//img") and "<img src=x onerror=alert(1)>" in doc.text_content()
    assert '<abbr title="x" onclick="y">' in doc.text_content() and not doc.xpath("//@onclick")
    assert doc.xpath("//th/@style") == ["text-align:left", "text-align:right"]
    assert "& \xa0" in doc.text_content()


def test_a_translation_may_translate_the_title_and_alt_text_of_the_originals_inline_tags_and_nothing_else():
    """The reader gets a title as a tooltip and an alt as the image's description: a translator translates
    them (check's html-text asks to), and the tag is still the original's, with only those values new."""
    german = render('Die <abbr class="k" title="Frühsommer-Meningoenzephalitis">FSME</abbr> und '
                    '<img src="z.png" alt="Eine Zecke">.\n')
    translated = render("The <abbr class=\"k\" title='tick-borne encephalitis'>TBE</abbr> and "
                        '<img src="z.png" alt="A tick &amp; its &quot;head&quot;">.\n', allowance=german.allowance)
    doc = tree(translated.html)
    assert doc.xpath("//abbr/@title") == ["tick-borne encephalitis"] and doc.xpath("//abbr/@class") == ["k"]
    assert doc.xpath("//img/@alt") == ['A tick & its "head"'] and doc.xpath("//img/@src") == ["z.png"]
    assert '<abbr class="k" title="tick-borne encephalitis">' in translated.html
    for forged in ('<abbr class="k" title="x" onclick="y">', '<abbr class="j" title="x">',
                   '<abbr title="x" class="k">', '<img src="evil.png" alt="A tick">',
                   '<abbr class="k" title="x" title="y">'):
        doc = tree(render(f"The {forged}TBE</abbr>.\n", allowance=german.allowance).html)
        assert not doc.xpath("//abbr") and not doc.xpath("//img") and forged in doc.text_content(), forged
    quoted = tree(render('The <abbr class="k" title="a&quot; onclick=&quot;y">TBE</abbr>.\n',
                         allowance=german.allowance).html)
    assert quoted.xpath("//abbr/@title") == ['a" onclick="y'] and not quoted.xpath("//@onclick")


def test_an_allowance_is_by_content_not_by_tag_name():
    """The original's inline script widget may be carried over as it is, never with other code inside."""
    german = render("Besucher heute: <script>zaehler()</script>.\n\n<script>\nstatistik()\n</script>\n")
    same = render("Visitors today: <script>zaehler()</script>.\n\n<script>\nstatistik()\n</script>\n",
                  allowance=german.allowance)
    assert tree(same.html).xpath("//script/text()") == ["zaehler()", "\nstatistik()\n"]
    for other in ("Visitors: <script>alert(1)</script>.", "<script>\nalert(1)\n</script>",
                  "Visitors <script>zaehler()</script> <script>alert(1)</script>", "Visitors <script>alert(1)",
                  "<SCRIPT>zaehler()</SCRIPT>", "<script>zaehler()</script >"):
        doc = tree(render(other + "\n", allowance=german.allowance).html)
        assert "alert" not in "".join(doc.xpath("//script/text()")) and len(doc.xpath("//script")) <= 1, other


def test_raw_text_the_original_leaves_open_is_closed_before_the_translation_goes_on():
    german = render("Ein <style> ohne Ende.\n\n- <script>\n  zaehler()\n- Zweiter Punkt.\n")
    assert tree(german.html).xpath("//style")
    doc = tree(render("A <style> body{display:none}\n\n- <script>\n  zaehler()\n- alert(1)\n",
                      allowance=german.allowance).html)
    assert doc.xpath("//style/text()") == [] and doc.xpath("//script/text()") == ["\nzaehler()\n"]
    assert "body{display:none}" in doc.xpath("//p")[0].text_content() and doc.xpath("//li[2]/text()") == ["alert(1)"]


def test_html_wrappers_keep_their_markdown_and_carry_over_with_a_translated_inner_paragraph():
    text = ('<details>\n<summary>Mehr</summary>\n\nDas ist **wichtig**.\n\n</details>\n\n'
            '<div class="hinweis">\n\nEin *Hinweis*.\n\n</div>\n')
    german = render(text)
    doc = tree(german.html)
    assert doc.xpath("details/p/strong/text()") == ["wichtig"] and doc.xpath("div[@class='hinweis']/p/em/text()")
    translated = render(text.replace("Das ist **wichtig**.", "This is **important**.")
                        .replace("Ein *Hinweis*.", "A *note*."), allowance=german.allowance)
    doc = tree(translated.html)
    assert doc.xpath("details/summary/text()") == ["Mehr"] and doc.xpath("details/p/strong/text()") == ["important"]
    assert doc.xpath("div[@class='hinweis']/p/em/text()") == ["note"] and "&lt;" not in translated.html


def test_what_commonmark_says_about_breaks_emphasis_and_tags_is_what_the_page_shows():
    doc = tree(render("Praxis Berger\\\nLindenstraße 5\n").html)
    assert doc.xpath("p/br") and doc.xpath("p/text()") == ["Praxis Berger", "\nLindenstraße 5"]
    assert render("**Achtung:**Dieser Satz ist neu.\n").html == "<p>**Achtung:**Dieser Satz ist neu.</p>\n"
    assert render("Ein *kursives „Zitat“*und danach.\n").html == "<p>Ein *kursives „Zitat“*und danach.</p>\n"
    assert render("<m:abc>\n").html == "<p>&lt;m:abc&gt;</p>\n"


def test_fallback_markers_do_not_change_how_emphasis_pairs():
    for markdown in ("## **Achtung:**\n", "*„Zitat“* sagt er.\n", "Er sagte **„ja“**\n", "- _„so“_\n"):
        marked = re.sub(r"([^#\s-].*)$", lambda m: O + m.group(1) + C, markdown.rstrip("\n")) + "\n"
        assert re.findall(r"<(\w+)", render(marked).html) == re.findall(r"<(\w+)", render(markdown).html), marked


def test_a_translation_cannot_forge_the_placeholder_of_the_originals_html():
    german = render("<div>x</div>\n")
    for forged in ("\ue0100-0\ue011", "`\ue010\ue011`", "[a](b \"\ue010\")"):
        assert "<div>" not in render(forged + "\n", allowance=german.allowance).html


def test_urls_a_translation_may_use():
    german = render("![Logo](data:image/png;base64,iVBORw0KGgo=)\n")
    assert tree(german.html).xpath("//img/@src") == ["data:image/png;base64,iVBORw0KGgo="]
    same = render("![Logo](data:image/png;base64,iVBORw0KGgo=)\n", allowance=german.allowance)
    assert tree(same.html).xpath("//img/@src") == ["data:image/png;base64,iVBORw0KGgo="]
    other = render("![x](data:image/png;base64,AAAA) [y](data:image/gif;base64,R0lG) <data:image/gif;base64,R0lG>\n",
                   allowance=german.allowance)
    assert tree(other.html).xpath("//img/@src | //a/@href") == ["#", "#", "#"]


def test_nesting_beyond_what_the_parser_reads_is_refused_with_its_line():
    deep = "Vorher.\n\n" + "".join("  " * level + "- Ebene\n" for level in range(500))
    with pytest.raises(VerlagError) as caught:
        render(deep)
    readable = MAX_NESTING // 2 - 1  # lists: each one and its item count a level
    assert caught.value.line == 3 + readable and "nest too deep" in caught.value.message
    ok = "".join("  " * level + "- Ebene\n" for level in range(readable))
    assert tree(render(ok).html).xpath(f"count(/{'/ul/li' * readable})") == 1
    quotes = ">" * 5000 + " tief\n"
    with pytest.raises(VerlagError):
        render(quotes)


def test_script_urls_are_recognised_however_they_are_written():
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "&#106;avascript:x",
                "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox"):
        assert not safe_url(url), url
    for url in ("https://example.org/", "/de/milz/", "milz.md#ruhe", "mailto:praxis@example.org", "#fn-1", "?q=1"):
        assert safe_url(url), url


def test_the_original_is_trusted():
    assert "<script>" in render("<script>track()</script>\n").html
    assert "<script>" not in render("<script>track()</script>\n", allowance=Allowance()).html


def test_code_in_a_translation_is_shown_as_code_not_filtered_as_html():
    rendered = render("Text\n```\n<b>fett</b>\n```\n", allowance=Allowance()).html
    assert tree(rendered).xpath("//pre/code/text()") == ["<b>fett</b>\n"] and not tree(rendered).xpath("//b")
    assert tree(rendered).xpath("p/text()") == ["Text"]


def test_html_in_an_item_is_a_block_there_and_a_translation_still_cannot_add_any():
    text = '- a\n\n  <figure class="x">Bild</figure>\n- b\n'
    german = render(text)
    assert tree(german.html).xpath("ul/li[1]/figure/text()") == ["Bild"] and "<p><figure" not in german.html
    assert tree(render(text, allowance=german.allowance).html).xpath("ul/li[1]/figure/@class") == ["x"]
    stranger = tree(render(text, allowance=Allowance()).html)
    assert not stranger.xpath("//figure") and '<figure class="x">Bild</figure>' in stranger.text_content()


def test_german_passages_inside_a_nested_item():
    doc = tree(render(f"- outer\n  - {O}Ganz auf Deutsch.{C}\n  - half {O}und halb.{C}\n    - {O}tief{C}\n").html)
    inner = doc.xpath("ul/li/ul/li")
    assert [li.get("lang") for li in inner] == ["de", None]
    assert inner[1].xpath("span[@lang='de']/text()") == ["und halb."]
    assert doc.xpath("ul/li/ul/li[2]/ul/li[@lang='de']/text()") == ["tief"]
    assert O not in doc.text_content() and C not in doc.text_content()


def test_the_shipped_article_shows_its_nested_list_in_every_edition():
    from pipeline.catalog import read_po
    from pipeline.config import load_config
    from pipeline.editions import make_edition
    from pipeline.segment import segment_article
    from pipeline.sources import load_articles

    from conftest import REPO

    config = load_config(REPO)
    (art,) = [a for a in load_articles(config) if a.slug == "rueckenschmerzen-leber"]
    bodies = {"de": art.body}
    for lang in ("en", "fr"):
        po = read_po(config.po_path(lang, art.slug), f"{lang}/{art.slug}")
        bodies[lang] = make_edition(segment_article(art, config.segmentation), po, lang,
                                    config.unreviewed_for(lang)).marked
    for lang, body in bodies.items():
        doc = tree(render(body).html)
        nested = doc.xpath("//ul/li/ul")
        assert len(nested) == 1 and len(nested[0].xpath("li")) == 3, lang


def test_every_commonmark_example_renders_as_markdown_it_renders_it():
    """The reference is the parser segmentation uses; verlag only adds heading ids (and ``lang``, not here) and
    leaves out comments without text (``<!-- -->``, what the sources' comments become: ``comments.drop_emptied``)."""
    import json

    from conftest import need_corpus
    from pipeline.comments import drop_emptied
    from pipeline.segment import markdown_parser

    examples = json.loads((need_corpus("commonmark") / "examples.json").read_text(encoding="utf-8"))
    parser = markdown_parser()
    parser.core.ruler.push("verlag_comments", drop_emptied)
    differ = [e["id"] for e in examples
              if re.sub(r'(<h[1-6]) id="[^"]*"', r"\1", render(e["markdown"]).html) != parser.render(e["markdown"])]
    assert len(examples) == 655 and differ == []


SAMPLES = [
    "Ein *kurzer* Satz: mit - Strich, 50 % und __fett__ ~~nicht~~ ~a~.\\\nZeile  \nzwei\r\ndrei\rvier.",
    "Ein Zeichen\0 ohne Zeilenende &#xE000;als Verweis&#xE001; auf die Marken",
    f"{O}Sie braucht **viel** Ruhe.{C} Sleep **helps{O}.** {C}then `code ** x` and <b>bold</b> &amp;",
    "[link](https://example.org/a_(b) \"t\") ![bild](bilder/x.jpg) [ref] [^1] ^[inline note] <https://x.org> "
    "<span title=\"t\">s</span> [a [nested] label](x.md#teil) [*a*](<with space.md>) [broken](\n\n[ref]: /r \"R\"\n\n"
    "[^1]: The note.",
    "- item *one*\n- [ ] `two` \\[not a link\\] & &copy; &#42;x*\n\n> quote <!-- c --> <?p?> <![CDATA[x]]>\n",
]


def test_the_inline_rules_tried_by_character_make_the_same_html_as_markdown_its_own_loop(monkeypatch):
    """``_MarkedInline`` tries at each character only the rules that can match there, and ``_normalize``
    looks before it copies the text: the pages are those of markdown-it's own tokenizer and ``normalize``,
    for originals and translations (markers, character references to them, CR, NUL, footnotes, links)."""
    from markdown_it.parser_inline import ParserInline
    from markdown_it.rules_core.normalize import normalize

    from pipeline import render as module

    def pages():
        original = render(SAMPLES[3] + "\n\n" + SAMPLES[4], links=lambda slug: ("/a/", None))
        return [(r.html, r.allowance, r.german, r.ids) for text in SAMPLES for r in (
            render(text, links=lambda slug: ("/a/", None)), render(text, allowance=original.allowance))]

    dispatched = pages()
    monkeypatch.setattr(module._MarkedInline, "tokenize", ParserInline.tokenize)
    monkeypatch.setattr(module._MarkedInline, "skipToken", ParserInline.skipToken)
    monkeypatch.setattr(module, "_normalize", normalize)
    module._parser.cache_clear()
    try:
        assert pages() == dispatched
    finally:
        module._parser.cache_clear()


def test_inline_shortcuts_for_plain_text_and_text_without_delimiters_change_no_token(monkeypatch):
    """``DispatchInline.postprocess`` runs markdown-it's pairing and joining rules only on a text with a ``*``
    or ``_``, and ``DispatchInline.plain`` makes the one text token of a text no rule but ``text`` can match in
    without the tokenizer: the tokens of every CommonMark example, of the samples and of texts of each
    delimiter character, every field (levels, children) compared, are those of the tokenizer and the rules run on
    every text, in the segmentation's parser and in the page renderer's (its marked state)."""
    import json

    from conftest import need_corpus
    from pipeline import render as module
    from pipeline.segment import DispatchInline, commonmark_parser

    examples = json.loads((need_corpus("commonmark") / "examples.json").read_text(encoding="utf-8"))
    texts = [e["markdown"] for e in examples] + SAMPLES + [
        "a ~~b~~ [c](d) ![e *f*](g) `h` <i>j</i> k", "x_y_z and [a_b](c_d) _e_", f"{O}Ein **Satz**{C} [x]", "**",
        "Ein Satz: 5 % - #1 = {x} > y, ~z~ $ @ + | a |\n|---|\n| 1 |", f"{O}Nur Text.{C} {O}\u2026{C}", " x "]

    def tokens():
        parser, page = commonmark_parser(), module._parser()
        return [[t.as_dict() for t in md.parse(text, {"verlag": module._Job(lambda slug: None, lambda url: None,
                                                                            None, "de", "")})]
                for md in (parser, page) for text in texts]

    module._parser.cache_clear()
    skipped = tokens()

    def every_rule(self, state):
        for rule in self.ruler2.getRules(""):
            rule(state)

    monkeypatch.setattr(DispatchInline, "postprocess", every_rule)
    monkeypatch.setattr(DispatchInline, "plain", lambda self, src, tokens: False)
    module._parser.cache_clear()
    try:
        assert tokens() == skipped
    finally:
        module._parser.cache_clear()


def test_markers_written_as_character_references_are_read_as_markers():
    """A text without the marker characters is left alone by the fallback rule, unless it writes them as
    character references, which markdown-it turns into those characters: as before, they mark a passage."""
    doc = tree(render("Ein &#xE000;als Verweis&#xE001; auf").html)
    assert doc.xpath("//p/span[@lang='de']/text()") == ["als Verweis"]


def test_the_site_renderer_writes_the_bytes_of_markdown_its_renderer():
    """``render._Renderer`` (markdown-it's loops and plain-tag writer with fewer steps) against markdown-it's
    ``RendererHTML`` on the tokens of every CommonMark example, with XHTML output (the CommonMark preset's)
    and without."""
    import json

    from markdown_it.utils import OptionsDict

    from conftest import need_corpus
    from pipeline.render import _Renderer
    from pipeline.segment import commonmark_parser

    examples = json.loads((need_corpus("commonmark") / "examples.json").read_text(encoding="utf-8"))
    ours, stock = commonmark_parser(_Renderer), commonmark_parser()
    for example in examples:
        env: dict = {}
        tokens = stock.parse(example["markdown"], env)
        for xhtml in (True, False):
            options = OptionsDict({**stock.options, "xhtmlOut": xhtml})
            assert ours.renderer.render(tokens, options, env) == stock.renderer.render(tokens, options, env), \
                example["id"]


def test_german_text_keeps_a_number_with_its_unit_and_a_day_with_its_month_on_one_line():
    """DIN 5008: no line break between "5" and "mg", "12,50" and "€", "3." and "Oktober", "§" and "5": U+00A0
    in the text; code, raw HTML, an image's alt text and URLs stay as written, and so does a word after a number
    that is no unit ("3 Tage")."""
    text = ("## Ab 3. Oktober\n\nNimm 5 mg für [12,50 €](https://example.org/?p=5 \"5 mg\") an 3 Tagen, "
            "37 °C, 20 %, § 5 DDG, 8–12 Uhr.\n\n![5 mg](bild.png) `5 mg` <b title=\"5 mg\">5 mg</b>\n\n"
            "<p>5 mg</p>\n\n    5 mg\n")
    german = render(text, no_break=True).html
    assert german == render(text).html.replace("3. Oktober<", "3.\u00a0Oktober<").replace(
        "5 mg für", "5\u00a0mg für").replace("12,50 €", "12,50\u00a0€").replace("37 °C, 20 %, § 5", (
            "37\u00a0°C, 20\u00a0%, §\u00a05")).replace("12 Uhr", "12\u00a0Uhr").replace(
            ">5 mg</b>", ">5\u00a0mg</b>")
    assert german.count("\u00a0") == 8 and 'id="ab-3-oktober"' in german and "an 3 Tagen" in german


def test_no_break_leaves_a_text_without_a_digit_after_one_scan(monkeypatch):
    """Each space ``no_break`` makes unbreakable stands beside a digit, so a text run without one (most of a page's)
    is never put through its three substitutions; one with a digit still gets all three."""
    import pipeline.nobreak as nobreak

    substituted = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def sub(self, *args):
            substituted.append(self.pattern.pattern)
            return self.pattern.sub(*args)

    for name in ("_NUMBER_UNIT", "_DAY_MONTH", "_SECTION"):
        monkeypatch.setattr(nobreak, name, Counting(getattr(nobreak, name)))
    assert nobreak.no_break("Nimm die Tablette am Abend, nicht im Mai. §§ und mg ohne Zahl") == \
        "Nimm die Tablette am Abend, nicht im Mai. §§ und mg ohne Zahl"
    assert substituted == []
    assert nobreak.no_break("Nimm 5 mg ab 3. Mai, § 5") == "Nimm 5\u00a0mg ab 3.\u00a0Mai, §\u00a05"
    assert len(substituted) == 3


def test_a_markdown_table_scrolls_in_a_box_named_by_its_header_row_and_an_html_table_is_left_as_written():
    """Each Markdown table stands in a focusable region named by its header row (style.css scrolls it sideways), in
    the original, a translation (after nh3) and a body cleaned for ``german_html = "clean"``; its id is one no other
    element has (a heading "Table 1" has table-1). The author's own HTML table is not touched."""
    table = "| A | B |\n|---|---|\n| 1 | 2 |\n"
    boxed = ('<div class="table-scroll" role="region" tabindex="0" aria-labelledby="table-2"><table>\n'
             '<thead id="table-2">\n<tr>\n<th>A</th>')
    original = render(f"## Table 1\n\n{table}\n<table><tr><td>x</td></tr></table>\n").html
    assert boxed in original and original.count("table-scroll") == 1 and "</table>\n</div>\n<table><tr>" in original
    translation = render(f"## Table 1\n\n{table}", allowance=Allowance()).html
    assert boxed in translation and translation.endswith("</table>\n</div>\n")
    assert sanitized(translation, "https://example.org/") == translation
    assert "\ue012" not in original + translation
    forged = "\ue012" + "0" * 16 + "\ue013<table><thead><tr><th>x</th></tr></thead></table>"  # another render's
    with_forged = render(f"{forged}\n\n{table}").html  # mark, written by the author before a table: text as written
    assert forged in with_forged and with_forged.count("table-scroll") == 1
    assert 'aria-labelledby="table-1"' in with_forged

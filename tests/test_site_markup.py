"""What the author writes around and inside Markdown reaches every edition as CommonMark says.

Pages are read with an HTML5 parser (html5lib), as a browser builds them.
"""

from __future__ import annotations

import re

import html5lib
import polib

from conftest import article, review

WRAPPERS = article("Hinweise", """
    <details>
    <summary>Mehr lesen</summary>

    Das ist **wichtig** für Sie.

    </details>

    <div class="hinweis">

    Bitte *vorher* anrufen.

    </div>

    Praxis Berger\\
    Lindenstraße 5

    **Achtung:**Dieser Satz steht direkt dahinter.

    Ein *kursives „Zitat“*und danach mehr.

    Die Schreibweise <m:abc> ist kein Element.
    """)
ENGLISH = {
    "Das ist **wichtig** für Sie.": "This is **important** for you.",
    "Bitte *vorher* anrufen.": "Please call *beforehand*.",
    "Praxis Berger\\\nLindenstraße 5": "Berger practice\\\nLindenstrasse 5",  # an address: one entry with its break
    "**Achtung:**Dieser Satz steht direkt dahinter.": "**Caution:**This sentence follows right after.",
    "Ein *kursives „Zitat“*und danach mehr.": "An *italic “quote”*and more after it.",
    "Die Schreibweise <m:abc> ist kein Element.": "The spelling <m:abc> is no element.",
}
WIDGET = article("Zähler", """
    Besucher heute: <output id="zaehler">0</output><script>document.getElementById('zaehler').value = 42</script>

    Danke für Ihren Besuch.
    """)


def body(project, rel: str):
    """The article body of a built page, parsed as HTML5 (namespace-free element names)."""
    doc = html5lib.parse(project.read(f"site/{rel}"), treebuilder="lxml", namespaceHTMLElements=False)
    (div,) = doc.xpath('//div[@class="article-body"]')
    return div


def start_tags(element) -> list[str]:
    return [e.tag for e in element.iter() if isinstance(e.tag, str)]


def test_wrappers_breaks_emphasis_and_non_tags_are_published_as_commonmark_reads_them(project):
    project.write("source_de/hinweise.md", WRAPPERS)
    project.run("extract")
    review(project, "en", "hinweise", {("title", "Hinweise"): "Notes", **ENGLISH})
    assert "inline markup changed" not in project.run("check", "--lang", "en").output
    project.run("build")
    german, english = body(project, "de/hinweise/index.html"), body(project, "en/hinweise/index.html")
    assert german.xpath("details/p/strong/text()") == ["wichtig"]
    assert english.xpath("details/summary/text()") == ["Mehr lesen"]
    assert english.xpath("details/p/strong/text()") == ["important"]
    assert english.xpath("div[@class='hinweis']/p/em/text()") == ["beforehand"]
    for doc, first in ((german, "Praxis Berger"), (english, "Berger practice")):
        (address,) = [p for p in doc.xpath("p") if p.xpath("br")]
        assert address.text == first and "\\" not in address.xpath("string()")
    paragraphs = [p.xpath("string()") for p in english.xpath("p")]
    assert "**Caution:**This sentence follows right after." in paragraphs
    assert "An *italic “quote”*and more after it." in paragraphs
    assert "The spelling <m:abc> is no element." in paragraphs
    assert not german.xpath(".//*[contains(local-name(), 'abc')]") and "<m:abc>" in german.xpath("string()")
    assert start_tags(english) == start_tags(german)


def test_an_allowance_is_by_content_not_by_tag_name(project):
    """The original's script widget carries over as written; a translation's own script is text."""
    project.write("source_de/zaehler.md", WIDGET)
    project.run("extract")
    widget = WIDGET.split("\n---\n", 1)[1].split("\n", 1)[0]
    from pipeline.check import CHECKS

    review(project, "en", "zaehler", {
        widget: widget.replace("Besucher heute", "Visitors today"),
        "Danke für Ihren Besuch.": 'Thanks <script>alert("x")</script> for <output onclick="alert(2)">visiting</output>.',
    }, silence=tuple(c.id for c in CHECKS))
    result = project.run("build")
    assert "held back" not in result.output
    english = body(project, "en/zaehler/index.html")
    assert english.xpath(".//script/text()") == ["document.getElementById('zaehler').value = 42"]
    assert english.xpath(".//output/@id") == ["zaehler"] and not english.xpath(".//@onclick")
    assert 'Thanks <script>alert("x")</script> for <output onclick="alert(2)">visiting' in english.xpath("string()")


def test_lists_nested_past_the_parsers_depth_are_refused_with_file_and_line(project):
    project.write("source_de/tief.md", article("Tief", "Vorher.\n\n" + "".join("  " * n + "- Ebene\n" for n in range(500))))
    for command in ("extract", "build"):  # the segmenter refuses what it cannot read, as the renderer does
        result = project.run(command, code=2)
        assert re.search(r"^error: source_de/tief\.md:16: lists and block quotes nest too deep", result.output, re.M)
        assert "Traceback" not in result.output
    assert not (project.root / "translations/en/tief.po").exists() and not (project.root / "site/de/tief").exists()


def test_a_site_po_cannot_smuggle_html_into_the_footnote_label(project):
    project.write("source_de/fussnote.md", article("Fußnote", "Ein Satz.[^1]\n\n[^1]: Die Quelle.\n"))
    project.run("extract")
    path = project.root / "translations/en/site.po"
    po = polib.pofile(str(path))
    po.find("Back to the text").msgstr = '"><img src=x onerror=alert(1)>'
    po.save(str(path))
    review(project, "en", "fussnote", {"Ein Satz.[^1]": "A sentence.[^1]", "Die Quelle.": "The source."})
    project.run("build")
    english = body(project, "en/fussnote/index.html")
    assert not english.xpath(".//img") and english.xpath(".//a[@class='footnote-backref']/@aria-label")


def test_german_text_keeps_numbers_with_their_units_and_only_the_pages_html_has_the_no_break_space(project):
    """DIN 5008: "5 mg" and "3. Oktober" never part at a line end in German text (U+00A0 between them): the German
    page, its title and summary, and German passages inside a translation; the editions' Markdown, the catalogs,
    code and a translation's own text keep the spaces as typed."""
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n")
    project.write("source_de/dosis.md", article("\"Ab 3. Oktober: 5 mg\"", """
        Ab dem 3. Oktober nehmen Sie 5 mg für 12,50 €.

        `5 mg` im Code bleibt. Höchstens 10 mg am Tag.
        """, summary="Kostet 12,50 €."))
    project.run("extract")
    review(project, "en", "dosis", {("title", "Ab 3. Oktober: 5 mg"): "From 3 October: 5 mg",
                                    ("summary", "Kostet 12,50 €."): "Costs €12.50.",
                                    "Ab dem 3. Oktober nehmen Sie 5 mg für 12,50 €.":
                                        "From 3 October take 5 mg for €12.50.",
                                    "`5 mg` im Code bleibt.": "`5 mg` in code stays."})
    review(project, "fr", "dosis", {"`5 mg` im Code bleibt.": "`5 mg` reste dans le code."})
    project.run("build")
    german = body(project, "de/dosis/index.html")
    assert german.xpath("string(p[1])") == "Ab dem 3.\u00a0Oktober nehmen Sie 5\u00a0mg für 12,50\u00a0€."
    assert german.xpath("string(p[2]/code)") == "5 mg"
    english = body(project, "en/dosis/index.html")
    assert english.xpath("string(p[1])") == "From 3 October take 5 mg for €12.50."
    assert english.xpath('string(p[2])') == "5 mg in code stays. Höchstens 10\u00a0mg am Tag."
    assert english.xpath('p[2]/span[@lang="de"]/text()') == ["Höchstens 10\u00a0mg am Tag."]
    doc = html5lib.parse(project.read("site/fr/dosis/index.html"), treebuilder="lxml", namespaceHTMLElements=False)
    assert doc.xpath('//h1[@lang="de"]/text()') == ["Ab 3.\u00a0Oktober: 5\u00a0mg"]
    assert doc.xpath('string(//p[@lang="de"])') == "Ab dem 3.\u00a0Oktober nehmen Sie 5\u00a0mg für 12,50\u00a0€."
    for lang, title, summary in (("de", "Ab 3.\u00a0Oktober: 5\u00a0mg", "Kostet 12,50\u00a0€."),
                                 ("en", "From 3 October: 5 mg", "Costs €12.50.")):
        index = html5lib.parse(project.read(f"site/{lang}/index.html"), treebuilder="lxml", namespaceHTMLElements=False)
        assert index.xpath('//ol[@class="article-list"]//h2/a/text()') == [title]
        assert index.xpath('//p[@class="summary"]/text()') == [summary]
    assert "<title>Ab 3. Oktober: 5 mg – Test</title>" in project.read("site/de/dosis/index.html")
    made = [*(project.root / "editions").rglob("dosis.*"), *(project.root / "translations").rglob("dosis.po*")]
    assert len(made) >= 7 and not [path for path in made if any(
        space in path.read_text(encoding="utf-8").lower() for space in ("\u00a0", "\\u00a0"))], made  # JSON too


def test_a_french_page_has_narrow_no_break_spaces_where_its_translation_typed_plain_ones(project):
    """French typography: the plain space a translation has before ; : ! ? » and after « is U+202F on the French
    page (as CLDR's French data and verlag's site.po write it), in the body, a link's text, the title, the summary
    and verlag.toml's disclaimer, so "?" never starts a line; a no-break space the translator typed, no space at
    all, code, a URL, an attribute, German passages, the English page, <title>, the editions and the catalogs keep
    what was written."""
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_translated = 0\n[site.disclaimer]\n"
                  'de = "Hinweis: kein Ersatz für den Arztbesuch."\nfr = "Note : ne remplace pas une consultation."\n')
    project.write("source_de/frage.md", article("Was tun?", """
        Was tun? Sie sagt: „Ruhe bewahren.“ Dann [weiterlesen](https://example.org/?a=1 "Titel").

        Im Code `a ; b` steht es anders. Der Rest folgt: Ende.

        Die Zeichen « und » heißen Guillemets.
        """, summary='"Kurz: Hilfe!"'))
    project.run("extract")
    review(project, "fr", "frage", {("title", "Was tun?"): "Que faire ?",
                                    ("summary", "Kurz: Hilfe!"): "En bref : à l’aide !", "Was tun?": "Que faire ?",
                                    "Sie sagt: „Ruhe bewahren.“": "Elle dit : « Du calme. »",
                                    'Dann [weiterlesen](https://example.org/?a=1 "Titel").':
                                        'Puis [lire la suite ?](https://example.org/?a=1 "Titre : suite").',
                                    "Im Code `a ; b` steht es anders.":
                                        "Le code `a ; b` l’écrit autrement ; «ainsi».",
                                    "Der Rest folgt: Ende.": "Le reste suit\u00a0: fin."})
    review(project, "en", "frage", {("title", "Was tun?"): "What now ?", "Was tun?": "What now ?"})
    project.run("build")
    french = body(project, "fr/frage/index.html")
    assert french.xpath("string(p[1])") == ("Que faire\u202f? Elle dit\u202f: «\u202fDu calme.\u202f» "
                                            "Puis lire la suite\u202f?.")
    assert french.xpath("p[1]/a/@href") == ["https://example.org/?a=1"] and french.xpath("p[1]/a/@title") == [
        "Titre : suite"]
    assert french.xpath("string(p[2])") == ("Le code a ; b l’écrit autrement\u202f; «ainsi». "
                                            "Le reste suit\u00a0: fin.")
    assert french.xpath("string(p[2]/code)") == "a ; b"
    assert french.xpath('string(p[@lang="de"])') == "Die Zeichen « und » heißen Guillemets."
    page = project.read("site/fr/frage/index.html")
    assert "<p>Note\u202f: ne remplace pas une consultation.</p>" in page  # verlag.toml's words too
    assert "<h1>Que faire\u202f?</h1>" in page and "<title>Que faire ? – Test</title>" in page
    index = html5lib.parse(project.read("site/fr/index.html"), treebuilder="lxml", namespaceHTMLElements=False)
    assert index.xpath('//p[@class="summary"]/text()') == ["En bref\u202f: à l’aide\u202f!"]
    english = project.read("site/en/frage/index.html")
    assert "<h1>What now ?</h1>" in english and "<p>What now ? " in english and "\u202f" not in english
    made = [*(project.root / "editions").rglob("frage.*"), *(project.root / "translations").rglob("frage.po*")]
    assert len(made) >= 5 and not [path for path in made if any(
        space in path.read_text(encoding="utf-8").lower() for space in ("\u202f", "\\u202f"))], made  # JSON too

"""German text in raw HTML blocks: named at extract and check, marked lang="de" on translated pages."""

from __future__ import annotations

import polib
import pytest
from lxml import html

from conftest import article, review
from pipeline.rawhtml import mark_language, readable_text

HINWEIS = article("Zecken", """
    Zecken lauern im hohen Gras.

    <div class="hinweis">Bitte suchen Sie nach jedem Gartentag Ihre Haut ab.</div>

    <details>
    <summary>Was tun bei einem Stich?</summary>

    Die Zecke langsam herausziehen.

    </details>

    <!-- nur für die Autorin -->

    ```html
    <div>Im Codeblock ist das gemeint, wie es steht.</div>
    ```
    """)


@pytest.mark.parametrize("fragment, marked", [
    ('<div class="hinweis">Bitte &amp; danke.</div>\n', '<div lang="de" class="hinweis">Bitte &amp; danke.</div>\n'),
    ("<details>\n<summary>Was tun?</summary>\n", '<details>\n<summary lang="de">Was tun?</summary>\n'),
    ("<aside>Text <b>fett</b> und mehr</aside>", '<aside lang="de">Text <b>fett</b> und mehr</aside>'),
    ('<img src="zecke.png" alt="Eine Zecke">\n', '<img lang="de" src="zecke.png" alt="Eine Zecke">\n'),
    ('<div>\n<p lang="en">Already English</p>\n</div>\n', '<div>\n<p lang="en">Already English</p>\n</div>\n'),
    ("<table><tr><td>Eins</td><td>Zwei</td></tr></table>",
     '<table><tr><td lang="de">Eins</td><td lang="de">Zwei</td></tr></table>'),
    ("</div>\n*Loser* Text\n", "</div>\n*Loser* Text\n"),  # no element to carry it: the elements stay the original's
    ('<div id="x"\n*unfertig*\n', '<div id="x"\n*unfertig*\n'),
    ("</details>\n", "</details>\n"),
    ("<!-- Kommentar -->\n", "<!-- Kommentar -->\n"),
    ('<script>const gruss = "Hallo";</script>\n', '<script>const gruss = "Hallo";</script>\n'),
    # an element the block leaves open also holds the (translated) Markdown after the block: never marked
    ('<div class="hinweis">\nAchtung:\n', '<div class="hinweis">\nAchtung:\n'),
    ("<div>\n<p>Eins</p>\nZwei\n", '<div>\n<p lang="de">Eins</p>\nZwei\n'),
    # an unquoted value may end in "/": the mark goes after the tag's name, never into a value
    ("<p><a title=Kontakt href=/kontakt/>Schreiben</a></p>", '<p><a lang="de" title=Kontakt href=/kontakt/>Schreiben</a></p>'),
    ("<img alt=Foto/>\n", '<img lang="de" alt=Foto/>\n'),
    # RCDATA: what looks like tags in a textarea is its text
    ("<textarea><b>Ihre Nachricht</b></textarea>", '<textarea lang="de"><b>Ihre Nachricht</b></textarea>'),
    # Python's parser gives up on this declaration: the block stays as written
    ('<div class="box">\nText <![x]> hier.\n</div>\n', '<div class="box">\nText <![x]> hier.\n</div>\n'),
])
def test_mark_language_puts_lang_on_the_elements_that_hold_text_and_leaves_the_rest_as_written(fragment, marked):
    assert mark_language(fragment, "de") == marked


def test_readable_text_is_what_a_reader_gets_text_and_title_and_alt():
    assert readable_text('<div title="Hinweis"><img alt="Zecke" src="z.png"> Bitte &amp; <b>danke</b></div>') \
        == "Hinweis Zecke Bitte & danke"
    assert readable_text("<!-- Kommentar -->\n<script>var a = 1;</script>\n<hr>") == ""
    assert readable_text('<div lang="de">Bleibt <b title="mit Absicht">Deutsch</b></div><p>Nur das</p>') == "Nur das"


def test_extract_and_check_name_each_html_block_with_text_at_its_line(project):
    project.write("source_de/zecken.md", HINWEIS)
    extracted = project.run("extract").output
    expected = [
        'source_de/zecken.md:7: HTML block with text ("Bitte suchen Sie nach jedem Gartentag Ihre Haut…") is '
        'not translated: it is in no catalog, so no reviewer can translate it, and translated pages show it in '
        'German, marked lang="de"; write it in Markdown to have it translated',
        'source_de/zecken.md:9: HTML block with text ("Was tun bei einem Stich?") is not translated',
    ]
    for warning in expected:
        assert f"warning: {warning}" in extracted
    assert extracted.count("HTML block with text") == 2  # not </details>, the comment or the code block
    declared = project.read("source_de/zecken.md").replace('<div class="hinweis">', '<div class="hinweis" lang="de">')
    project.write("source_de/zecken.md", declared)  # the author says it stays German: nothing more to say
    assert project.run("extract").output.count("HTML block with text") == 1
    checked = project.run("check").output
    assert f"warning: {expected[1]}" in checked and "[html-block]" in checked and expected[0] not in checked
    po = project.read("translations/en/zecken.po")
    assert "Die Zecke langsam herausziehen." in po and "Bitte suchen" not in po and "Was tun" not in po


def test_an_images_description_in_an_html_block_is_named_as_one_with_the_markdown_that_translates_it(project):
    """An ``<img>`` alone on its line is an HTML block whose only text is its ``alt``: the author is told it
    is the image's description, which no reviewer can reach, and the Markdown the advice names puts it into
    the catalogs."""
    project.write("source_de/zecken.md", article("Zecken", 'Zecken lauern im Gras.\n\n'
                                                 '<img src="zecke.png" alt="Eine Zecke auf der Haut">\n'))
    project.write("source_de/zecke.png", "png")
    project.run("extract")
    checked = project.run("check").output
    assert ('warning: source_de/zecken.md:7: image description alt="Eine Zecke auf der Haut" of the <img> in an '
            "HTML block is not translated: it is in no catalog, so no reviewer can translate it, and translated "
            'pages give it in German, marked lang="de"; write the image in Markdown, ![description](file.jpg '
            '"tooltip"): its description and tooltip are translated (or add lang="de" to the <img> to keep it '
            "German without this warning) [html-block]") in checked.splitlines()
    assert "HTML block with text" not in checked
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n\n"
                                                 "![Eine Zecke auf der Haut](zecke.png)\n"))
    project.run("extract")
    assert "[html-block]" not in project.run("check").output
    assert 'msgid "![Eine Zecke auf der Haut](zecke.png)"' in project.read("translations/en/zecken.po")


def test_extract_repeats_the_html_block_warnings_only_when_the_article_changed(project):
    """A reviewer's save changes only a catalog: the author was told already (check tells every time)."""
    project.write("source_de/zecken.md", HINWEIS)
    assert project.run("extract").output.count("HTML block with text") == 2
    assert "HTML block with text" not in project.run("extract").output
    project.write("translations/en/zecken.po", project.read("translations/en/zecken.po") + "\n")
    again = project.run("extract").output
    assert "layout restored translations/en/zecken.po" in again and "HTML block with text" not in again
    assert project.run("check").output.count("[html-block]") == 2
    project.write("source_de/zecken.md", project.read("source_de/zecken.md") + "\nNoch ein Satz.\n")
    assert project.run("extract").output.count("HTML block with text") == 2


def test_a_translated_page_marks_the_blocks_german_text_and_the_german_page_shows_it_as_written(project):
    # the page's German HTML words count against min_translated (test_cli): here the marking is tested
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\nmin_translated = 0\n')
    project.write("source_de/zecken.md", HINWEIS)
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    project.run("build")
    for lang in ("en", "fr"):
        page = html.parse(str(project.root / f"site/{lang}/zecken/index.html")).getroot()
        assert page.get("lang") == lang
        (hinweis,) = page.xpath('//div[@class="hinweis"]')
        assert hinweis.get("lang") == "de" and hinweis.text == "Bitte suchen Sie nach jedem Gartentag Ihre Haut ab."
        (summary,) = page.xpath("//details/summary")
        assert summary.get("lang") == "de" and summary.text == "Was tun bei einem Stich?"
        (inside,) = page.xpath("//details/p")
        assert inside.get("lang") is None and "Zecke" not in inside.text  # extracted, translated (pseudo)
    german = project.read("site/de/zecken/index.html")
    assert '<div class="hinweis">Bitte suchen Sie' in german and "<summary>Was tun" in german


def test_readable_text_of_a_block_the_parser_gives_up_on_is_its_text_without_tags():
    assert readable_text('<div class="box">\nText <![x]> hier &amp; da.\n</div>\n') == "Text hier & da."


def test_html_blocks_in_an_article_nested_too_deep_leave_the_error_to_segmentation(project):
    deep = "> " * 25 + "Tief.\n"
    project.write("source_de/tief.md", article("Tief", "Erster Satz.\n\n<div>Text</div>\n\n" + deep))
    project.write("source_de/flach.md", article("Flach", "Ein Satz.\n\n<div>Hinweis</div>\n"))
    extracted = project.run("extract", code=2).output
    assert "error: source_de/tief.md:" in extracted and "nest too deep" in extracted
    assert (project.root / "translations/en/flach.po").is_file()
    assert "source_de/flach.md:7: HTML block with text" in extracted


def test_a_block_the_html_parser_gives_up_on_costs_nothing_but_its_mark(project):
    # the page's German HTML words count against min_translated (test_cli): here the marking is tested
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\nmin_translated = 0\n')
    project.write("source_de/bedingt.md", article("Bedingt", 'Ein Satz.\n\n<div class="box">\nText <![x]> hier.\n</div>\n'))
    assert "HTML block with text" in project.run("extract").output
    project.run("pretranslate", "--engine", "pseudo")
    project.run("build")
    assert '<div class="box">\nText <![x]> hier.\n</div>' in project.read("site/en/bedingt/index.html")


def test_a_reviewed_translation_showing_german_html_text_says_so_and_names_no_translator_for_all_of_it(project):
    project.write("source_de/hinweis.md", article("Hinweis", """
        Ein Satz.

        <div class="hinweis">
        <p>Bitte kommen Sie nüchtern zur Blutabnahme.</p>
        </div>
        """))
    project.write("source_de/schlicht.md", article("Schlicht", "Nur ein Satz.\n"))
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")  # the notice is tested
    project.run("extract")
    for slug in ("hinweis", "schlicht"):  # the reviewer translates and signs off every entry
        po = polib.pofile(str(project.root / f"translations/en/{slug}.po"))
        review(project, "en", slug, {(e.msgctxt, e.msgid): f"EN {e.msgid}" for e in po})
        po = polib.pofile(str(project.root / f"translations/en/{slug}.po"))
        po.metadata["Last-Translator"] = "Jane Doe <jane@example.org>"
        po.save()
    project.run("build")
    notice = "Some passages are not translated yet and are shown in the original language."
    hinweis = html.fromstring(project.read("site/en/hinweis/index.html"))
    assert hinweis.xpath('//p[@lang="de"]/text()') == ["Bitte kommen Sie nüchtern zur Blutabnahme."]
    assert notice in hinweis.text_content()
    assert "Translated by" not in hinweis.text_content()
    assert "partly checked by Jane Doe" in hinweis.xpath('string(//p[@class="translator"])')
    assert '"translator"' not in hinweis.xpath('string(//script[@type="application/ld+json"])')
    schlicht = html.fromstring(project.read("site/en/schlicht/index.html"))  # no HTML block: as before
    assert notice not in schlicht.text_content()
    assert schlicht.xpath('string(//p[@class="translator"])') == "Translated by Jane Doe"
    assert '"translator"' in schlicht.xpath('string(//script[@type="application/ld+json"])')


def _attributes(tag: str) -> list[tuple[str, str | None]]:
    from html.parser import HTMLParser

    found: list = []

    class Reader(HTMLParser):
        def handle_starttag(self, name, attrs):
            found.extend(attrs)

    Reader().feed(tag)
    return found


def _browser_attributes(tag: str) -> dict[str, str]:
    """The attributes of ``tag`` as a browser reads them (html5lib follows the WHATWG tokenizer)."""
    import html5lib

    fragment = html5lib.parseFragment(tag, namespaceHTMLElements=False)
    return dict(fragment[0].attrib)


@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\u3000", "\x0b", "\x1f"])
def test_title_after_a_space_no_browser_separates_at_is_no_attribute(space):
    from pipeline.rawhtml import retitled, text_attributes

    # a no-break space (Option-Space on a Mac) is Unicode whitespace to Python's \s but not to a browser, for
    # which 'title="Hinweis"' is still data-a's unquoted value: a translation's value put there with spaces
    # in it split that value into attributes (onmouseover) after nh3 had run
    original = f'<span data-a=x{space}title="Hinweis">'
    forged = f'<span data-a=x{space}title="a onmouseover=alert(1) b">'
    assert "onmouseover" in _browser_attributes(
        original.replace('"Hinweis"', '"a onmouseover=alert(1) b"'))  # what writing the value there gives
    assert retitled(forged, frozenset({original})) is None
    assert text_attributes(f"Das ist {original}wichtig</span>.") == []
    # the same tag with a real space is an attribute a translator translates, and stays one in a browser
    spaced = '<span data-a=x title="Hinweis">'
    made = retitled('<span data-a=x title="a onmouseover=alert(1) b">', frozenset({spaced}))
    assert _browser_attributes(made) == {"data-a": "x", "title": "a onmouseover=alert(1) b"}


def test_a_translated_title_changes_that_value_only_never_the_tags_other_attributes():
    from pipeline.rawhtml import retitled, text_attributes

    # 'title=' inside another attribute's value is no attribute: a regex over the whole tag took it for
    # one, and the translation's value, quoted again inside data-note's quotes, closed them early
    original = '<abbr data-note="siehe title=\'Hinweis\'" title="Frühsommer-Meningoenzephalitis">'
    forged = '<abbr data-note="siehe title=\'x onmouseover=alert(1) y\'" title="tick-borne encephalitis">'
    made = retitled(forged, frozenset({original}))
    assert made is None or {name for name, _ in _attributes(made)} == {"data-note", "title"}
    assert retitled(forged, frozenset({original})) is None  # data-note differs: not the original's tag
    translated = '<abbr data-note="siehe title=\'Hinweis\'" title="tick-borne &quot;TBE&quot;">'
    assert _attributes(retitled(translated, frozenset({original}))) == [
        ("data-note", "siehe title='Hinweis'"), ("title", 'tick-borne "TBE"')]
    assert text_attributes(f"Die {original}FSME</abbr> ist selten.") == ["Frühsommer-Meningoenzephalitis"]
    # an unquoted or single-quoted value, and alt on an image, as CommonMark's raw HTML allows them (spec 6.6)
    image = "<img src=zecke.jpg alt='Eine Zecke' width=40>"
    assert retitled("<img src=zecke.jpg alt='A tick' width=40>", frozenset({image})) == \
        '<img src=zecke.jpg alt="A tick" width=40>'
    assert retitled("<img src=other.jpg alt='A tick' width=40>", frozenset({image})) is None


def test_with_files_points_only_the_images_and_media_of_raw_html_at_the_sites_copies():
    """``with_files`` rewrites the ``src``, ``poster`` and ``srcset`` candidates of images, media and sources that
    the site copies (query and fragment kept, the value in double quotes), and nothing else byte for byte: a link,
    an unknown file, another element's ``src``."""
    from pipeline.rawhtml import html_files, with_files

    copies = {"a&b.png": "/media/a&b.png", "v.mp4": "/media/v.mp4", "p.jpg": "/media/p.jpg"}
    fragment = ("<p><img src='a&amp;b.png?v=2#x' alt=\"A\"> <a href=\"a&amp;b.png\">A</a> <img src=fehlt.png>\n"
                '<video src=v.mp4 poster="p.jpg"><source srcset="p.jpg 1x, fehlt.png 2x"></video>'
                ' <iframe src="v.mp4"></iframe></p>')
    assert with_files(fragment, lambda url: copies.get(url.partition("?")[0].partition("#")[0])) == (
        "<p><img src=\"/media/a&amp;b.png?v=2#x\" alt=\"A\"> <a href=\"a&amp;b.png\">A</a> <img src=fehlt.png>\n"
        '<video src="/media/v.mp4" poster="/media/p.jpg"><source srcset="/media/p.jpg 1x, fehlt.png 2x"></video>'
        ' <iframe src="v.mp4"></iframe></p>')
    assert html_files(fragment + "\n", 3) == [("a&b.png?v=2#x", 3), ("fehlt.png", 3), ("v.mp4", 4), ("p.jpg", 4),
                                              ("p.jpg", 4), ("fehlt.png", 4)]

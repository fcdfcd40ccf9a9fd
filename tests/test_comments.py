"""The author's HTML comments stay hers: no msgid, translation service, edition or page has their text."""

from __future__ import annotations

import json

import polib
from lxml import html as lxml_html

from conftest import article, msgfmt_check, sign_off_all
from mtserver import FakeService
from pipeline.comments import without_comments
from pipeline.segment import commonmark_parser

NOTIZEN = article("Rücken im Büro", """
    <!-- Notiz für mich: Foto später austauschen -->

    Wer lange sitzt, kennt das. <!-- Quelle noch suchen --> Bewegung hilft.

    ## Pausen <!-- Überschrift kürzer? -->

    > Ein Zitat <!-- über zwei
    > Zeilen, privat --> mit Ende.

    <div class="box">
    <!--
    Entwurf, privat
    -->
    Im Kasten steht das.
    </div>

    So sieht ein Kommentar in HTML aus: `<!-- so -->` und

    ```html
    <!-- im Codeblock bleibt das -->
    ```
    """)
PRIVATE = ("Notiz für mich", "Quelle noch suchen", "Überschrift kürzer", "über zwei", "privat")


def test_comments_reach_no_msgid_no_service_no_edition_and_no_page(project):
    """Trial 14, finding 2: ``<!-- Notiz für mich: … -->`` was in the page source of the German and the translated
    pages and in the editions' JSON, and a comment inside a paragraph was part of the msgid, so the translation
    service received it. Hugo's renderer leaves comments out; verlag takes their text out when it reads the
    article: code showing a comment stays as written, and the source file keeps every comment."""
    source = project.write("source_de/ruecken.md", NOTIZEN)
    before = source.read_bytes()
    with FakeService() as service:
        project.write("verlag.toml", 'name = "Test"\nlanguages = ["en"]\n\n[pretranslate]\nengines = ["libre"]\n\n'
                      f'[publish]\nunreviewed = "machine"\nmin_translated = 0\n\n[engines.libre]\nurl = "{service.url}/"\n')
        project.run("extract")
        project.run("pretranslate")
        sent = "\n".join(text for texts in service.texts() for text in texts)
    assert "Wer lange sitzt" in sent and not [p for p in PRIVATE if p in sent]
    msgfmt_check(project.root / "translations/en/ruecken.po")
    msgids = {e.msgid: e for e in polib.pofile(str(project.root / "translations/en/ruecken.po"))}
    assert "Wer lange sitzt, kennt das." in msgids and "Bewegung hilft." in msgids and "Pausen" in msgids
    assert "Ein Zitat <!-- --> mit Ende." in msgids  # over two lines: an empty comment keeps the quote's lines
    assert msgids["Bewegung hilft."].occurrences == [("source_de/ruecken.md", "7")]  # lines as in the file
    assert not [m for m in msgids if "<!--" in m and "so -->" not in m and "<!-- -->" not in m]
    assert not [p for p in PRIVATE if p in "\n".join(msgids)]
    project.run("build")
    for page in ("site/de/ruecken/index.html", "site/en/ruecken/index.html", "editions/de/ruecken.json",
                 "editions/en/ruecken.json", "editions/en/ruecken.md"):
        text = project.read(page)
        assert not [p for p in PRIVATE if p in text], page
    german = lxml_html.fromstring(project.read("site/de/ruecken/index.html").encode())
    assert "<!-- im Codeblock bleibt das -->" in german.xpath("string(//pre)")
    assert "<!-- so -->" in german.xpath("string(//code[not(parent::pre)])")
    assert "Im Kasten steht das." in german.xpath("string(//div[@class='box'])")
    assert json.loads(project.read("editions/de/ruecken.json"))
    assert source.read_bytes() == before


def test_without_comments_keeps_every_block_and_line_where_the_file_had_it():
    """Each comment's text goes, the blocks CommonMark reads and their lines stay (a list item stays tight, an
    HTML block is not cut by a blank line)."""
    text = article("T", """
        - Punkt
          <!-- a
          b -->
          weiter

        <div>
        <!--
        innen
        -->
        </div>

        | a | b |
        |---|---|
        | x <!-- t --> | y |

        Satz<!-- x -->ende  <!-- y -->
        Zeile zwei
        """)
    start = text.index("- Punkt")
    out = without_comments(text, start)
    assert out.count("\n") == text.count("\n") and out[:start] == text[:start]
    assert not [p for p in ("a\n", "innen", "<!-- t", "x -->", "y -->") if p in out[start:]]

    def shape(body: str) -> list[tuple[str, list[int] | None]]:
        return [(t.type, t.map) for t in commonmark_parser().parse(body)]

    assert shape(out[start:]) == shape(text[start:])
    assert "| x |" in out and "Satzende\nZeile zwei" in out


def test_a_comment_alone_between_blocks_leaves_nothing_on_any_page_or_feed_and_the_blocks_stay_apart(project):
    """A comment block of its own (between two lists, in a quote, in a ``<div>``) left an empty ``<!---->`` in
    every page and in the Atom feed's content; the lists it parts stay two lists, as CommonMark reads them."""
    project.write("verlag.toml", 'name = "Test"\nlanguages = ["en"]\n\n[site]\nbase_url = "https://blog.example"\n\n'
                  '[publish]\nunreviewed = "machine"\nmin_translated = 0\n')
    project.write("source_de/tee.md", article("Tee", """
        - Salbei
        - Thymian

        <!-- Notiz: Minze ergänzen? -->

        - Kamille

        > Ein Zitat.
        >
        > <!--
        > noch prüfen
        > -->

        <div class="box">
        <!-- Kasten später -->
        Im Kasten.
        </div>

        <pre>
        <!---->
        </pre>
        """))
    project.run("extract")
    project.run("pretranslate", "--engine", "copy")
    sign_off_all(project, "en")
    project.run("build")
    for path in ("site/de/tee/index.html", "site/en/tee/index.html", "site/de/feed.xml", "site/en/feed.xml"):
        text = lxml_html.tostring(lxml_html.fromstring(project.read(path).encode()), encoding="unicode") \
            if path.endswith(".html") else project.read(path)
        assert text.count("&lt;!--" if path.endswith(".xml") else "<!--") == 1, path  # the <pre>'s own <!---->
        assert "Minze" not in text and "prüfen" not in text and "später" not in text, path
    page = lxml_html.fromstring(project.read("site/de/tee/index.html").encode())
    assert [li.xpath("string()") for ul in page.xpath("//main//ul[not(@class)]") for li in ul] == [
        "Salbei", "Thymian", "Kamille"] and len(page.xpath("//main//ul[not(@class)]")) == 2

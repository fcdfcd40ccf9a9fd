"""Text copied from web pages: invisible hyphenation hints, emphasis made by inline styles, the stated date."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from conftest import Project

SHY, ZWSP = "\u00ad", "\u200b"
CARE = "Wer empfindliche Haut hat, probiert eine neue Salbe zuerst an einer kleinen Stelle aus."


def test_a_saved_pages_styled_spans_keep_their_bold_and_italic_and_its_hints_are_dropped(project, tmp_path):
    """Wix writes bold as <span style="font-weight:bold;">: the Markdown has **…**, italic *…*, both ***…***;
    soft hyphens and zero-width spaces are dropped; the summary says all of it, and the date's source."""
    page = tmp_path / "r.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Ringelblume</title>'
        '<meta property="article:published_time" content="2025-03-03T07:45:00+01:00"></head><body><article>'
        f'<h1>Ringelblume</h1><p><span style="font-weight:bold;">Die Ringel{SHY}blume</span> blüht bis zum '
        f'<span style="font-style: italic">ersten Frost</span> und <span style="color:#2e7d32">lange</span> '
        f'<span style="font-weight:700;font-style:italic">danach</span>{ZWSP}.</p><p>{CARE}</p>'
        '</article></body></html>', encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/ringelblume.md").split("---\n", 2)[2]
    assert body.splitlines()[0] == "**Die Ringelblume** blüht bis zum *ersten Frost* und lange ***danach***."
    assert SHY not in project.read("source_de/ringelblume.md")
    assert "written as **…**/*…*: 3 places" in out
    assert "dropped 2 invisible hyphenation hints" in out
    assert "date: 2025-03-03T07:45:00+01:00 from article:published_time" in out


def test_an_imported_texts_soft_hyphens_never_reach_the_catalogs(project, tmp_path):
    """Pasted text with soft hyphens in title and body: source and msgids hold the words without them."""
    text = tmp_path / "leberzeit.txt"
    text.write_text(f"Die Leber{SHY}zeit\n\nDie Tradi{SHY}tionelle Chinesische Medizin nennt das die Leberzeit. "
                    f"Nachts arbeitet die Le{SHY}ber am meisten.\n", encoding="utf-8")
    out = project.run("import", "--year", "2026", str(text)).output
    assert "dropped 3 invisible hyphenation hints" in out
    (source,) = (project.root / "source_de").glob("*.md")
    source.write_text(source.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    project.run("extract")
    msgids = [e.msgid for e in polib.pofile(str(project.root / f"translations/en/{source.stem}.po"))]
    assert "Die Leberzeit" in msgids and "Die Traditionelle Chinesische Medizin nennt das die Leberzeit." in msgids
    assert not [m for m in msgids if SHY in m]


HIP = """Hüfte und langes Sitzen
Von Miriam Lindner
{reading}
12. Februar 2025

Wer viel sitzt, verkürzt die Hüftbeuger. Das merkt man beim Aufstehen nach einer langen Autofahrt.

## Eine einfache Dehnung

1. Knien Sie sich auf ein Kissen.
2. Schieben Sie das Becken etwa 5 cm nach vorn.

**Hinweis:** Bei akuten Schmerzen bitte vorher mit der Ärztin sprechen, *nicht* erst danach.
"""


def _tokens(project, slug: str) -> list[str]:
    """The block and inline token types of an imported article's body as verlag's CommonMark parser reads it."""
    from pipeline.segment import commonmark_parser

    body = project.read(f"source_de/{slug}.md").split("---\n", 2)[2]
    return [t.type for token in commonmark_parser().parse(body) for t in [token, *(token.children or ())]]


def test_a_reading_time_in_the_byline_is_dropped_and_the_date_after_it_kept(project, tmp_path):
    """Fresh-user trial 5: "Lesezeit: 4 Min." ended the byline, so the date after it became a heading and
    the article had none; in a bulleted byline it was "a byline item verlag does not know"."""
    for n, reading in enumerate(("Lesezeit: 4 Min.", "4 Min. Lesezeit", "- Lesedauer ca. 5 Minuten")):
        source = tmp_path / f"hip{n}.txt"
        source.write_text(HIP.format(reading=reading), encoding="utf-8")
        out = project.run("import", "--dry-run", str(source)).output
        assert f"dropped the reading time: {reading.removeprefix('- ')}" in out
        assert "date: 2025-02-12 from '12. Februar 2025'" in out
        assert "does not know" not in out and "heading (short line before a paragraph)" not in out


def test_markdown_in_copied_text_is_kept_not_escaped(project, tmp_path):
    """Text from a Markdown editor or a note app: its "## " heading stays a heading, "**…**" bold and "*…*"
    emphasis, instead of "## \\##" and "\\*\\*" that showed the marks on the page."""
    source = tmp_path / "hip.txt"
    source.write_text(HIP.format(reading="4 Min. Lesezeit"), encoding="utf-8")
    project.run("import", str(source))
    written = project.read("source_de/huefte-und-langes-sitzen.md")
    assert "## Eine einfache Dehnung\n" in written and "\\#" not in written and "\\*" not in written
    assert "**Hinweis:** Bei akuten Schmerzen bitte vorher mit der Ärztin sprechen, *nicht* erst danach." in written
    tokens = _tokens(project, "huefte-und-langes-sitzen")
    assert tokens.count("heading_open") == 1 and "strong_open" in tokens and "em_open" in tokens


def test_copied_text_in_an_html_wrapper_imports_like_the_text_without_it(project, tmp_path):
    """Fresh-user trial 5: text inside <div class="entry-content"> imported with the title '<div
    class="entry-content">', the date as a heading and '</div>' as text; with --kind html: 'no article found'."""
    plain = tmp_path / "plain.txt"
    plain.write_text(HIP.format(reading="Lesezeit: 4 Min."), encoding="utf-8")
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(f'<div class="entry-content">\n{HIP.format(reading="Lesezeit: 4 Min.")}</div>\n',
                       encoding="utf-8")
    project.run("import", str(plain))
    want = project.read("source_de/huefte-und-langes-sitzen.md")
    for kind in ((), ("--kind", "html")):
        (project.root / "source_de/huefte-und-langes-sitzen.md").unlink()
        out = project.run("import", *kind, "--again", str(wrapped)).output  # the same file's article, deleted
        assert 'line 1: dropped the HTML wrapper <div class="entry-content">' in out
        assert "line 15: dropped the HTML wrapper </div>" in out
        assert project.read("source_de/huefte-und-langes-sitzen.md") == want


def test_an_html_fragment_copied_from_a_pages_source_imports_as_html(project, tmp_path):
    """A .txt holding real HTML (<h1>, <p>, <h2>) inside a wrapper is HTML: its title, its heading, its
    bold, and its umlauts read as UTF-8."""
    fragment = tmp_path / "quelltext.txt"
    fragment.write_text('<div class="entry-content">\n<h1>Hüfte und langes Sitzen</h1>\n'
                        "<p>Wer viel sitzt, verkürzt die Hüftbeuger. Das merkt man beim Aufstehen nach einer "
                        "langen Autofahrt.</p>\n<h2>Eine einfache Dehnung</h2>\n"
                        "<p><strong>Hinweis:</strong> Bei akuten Schmerzen bitte vorher mit der Ärztin "
                        "sprechen.</p>\n</div>\n", encoding="utf-8")
    out = project.run("import", str(fragment)).output
    assert "title: Hüfte und langes Sitzen" in out and "left out" not in out
    body = project.read("source_de/huefte-und-langes-sitzen.md").split("---\n", 2)[2]
    assert body == ("Wer viel sitzt, verkürzt die Hüftbeuger. Das merkt man beim Aufstehen nach einer langen "
                    "Autofahrt.\n\n## Eine einfache Dehnung\n\n**Hinweis:** Bei akuten Schmerzen bitte vorher mit "
                    "der Ärztin sprechen.\n")


def test_a_saved_page_built_of_divs_alone_is_still_a_page(project, tmp_path):
    """A page with a head but no <p> or <h2> (its text in <div>s) is no copied text in a wrapper: its <title>
    names it, no head markup becomes its title."""
    page = tmp_path / "ingwer.html"
    page.write_text('<html lang="de"><head><meta charset="utf-8"><title>Ingwer im Winter</title></head><body>'
                    '<div class="post">\n<div>Ingwer im Winter</div>\n<div>Frischer Ingwer wärmt von innen, wenn man '
                    "ihn als Tee aufgießt und zehn Minuten ziehen lässt.</div>\n</div></body></html>\n",
                    encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "  title: Ingwer im Winter\n" in out and "HTML wrapper" not in out
    assert "Frischer Ingwer wärmt von innen" in project.read("source_de/ingwer-im-winter.md")


BREATH = ('<h1>Atemübung am Morgen</h1>\n<p>Eine kurze Atemübung am Morgen macht wach. Ich zeige sie Ihnen im '
          'Video.</p>\n<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" '
          'title="Atemübung am Morgen – Naturheilpraxis" allowfullscreen></iframe>\n<h2>So geht es</h2>\n'
          '<p>Setzen Sie sich aufrecht hin und atmen Sie ruhig.</p>\n<ol>\n<li>Atmen Sie vier Sekunden ein.</li>\n'
          '<li>Atmen Sie sechs Sekunden aus.</li>\n</ol>\n')


def test_a_saved_pages_video_player_becomes_a_link_to_the_video(project, tmp_path):
    """Fresh-user trial 7: a saved page's YouTube <iframe> (in <div class="post"> or a full page's <article>)
    vanished without a note, exit 0, though a WordPress export's became a link named by its title."""
    pages = {"post.html": f'<div class="post">\n{BREATH}</div>\n',
             "article.html": '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Atemübung am '
                             f'Morgen</title></head><body><article>\n{BREATH}</article></body></html>\n'}
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
        out = project.run("import", str(tmp_path / name)).output
        source = project.root / "source_de/atemuebung-am-morgen.md"
        body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
        source.unlink()
        assert "[Atemübung am Morgen – Naturheilpraxis](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in body, name
        assert "iframe" not in body and "embed kept as a link: https://www.youtube.com/watch?v=dQw4w9WgXcQ" in out
        assert body.index("macht wach") < body.index("youtube") < body.index("## So geht es")


def test_an_html_file_without_a_wrapper_is_read_as_html(project, tmp_path):
    """Fresh-user trial 7: an .html file starting with <h1> (no <div>, no <html>) was read as copied text:
    title '<h1>Atemübung am Morgen</h1>', its tags escaped. A .html or .htm file is HTML."""
    for name in ("ohne-div.html", "ohne-div.HTM"):
        (tmp_path / name).write_text(BREATH, encoding="utf-8")
        out = project.run("import", "--again", str(tmp_path / name)).output  # the same text's article, deleted
        assert "  title: Atemübung am Morgen\n" in out, name
        source = project.root / "source_de/atemuebung-am-morgen.md"
        body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
        source.unlink()
        assert body.startswith("Eine kurze Atemübung am Morgen macht wach.") and "\n## So geht es\n" in body
        assert "<" not in body and "(https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in body
        assert body.endswith("\n1. Atmen Sie vier Sekunden ein.\n2. Atmen Sie sechs Sekunden aus.\n")
        assert "left out" not in out


def test_a_byline_on_one_line_is_split_into_author_date_and_reading_time(project, tmp_path):
    """Fresh-user trial 7: "Von … | 12. März 2025 | Lesezeit ca. 6 Minuten" became a heading, the author was
    verlag.toml's and no date was found; on three lines it worked. Split on |, ·, • and " - "."""
    for n, sep in enumerate((" | ", " · ", " • ", " - ")):
        byline = sep.join(("Von Dr. rer. nat. A. Sommer", "12. März 2025", "Lesezeit ca. 6 Minuten"))
        source = tmp_path / f"leber{n}.txt"
        source.write_text(f"Die Leber arbeitet leise\n{byline}\nDie Leber arbeitet still und leise. Sie meldet "
                          "sich selten, auch wenn sie überlastet ist.\n", encoding="utf-8")
        out = project.run("import", "--dry-run", str(source)).output
        assert "author (byline 'Von Dr. rer. nat. A. Sommer'): Dr. rer. nat. A. Sommer" in out, sep
        assert "date: 2025-03-12 from '12. März 2025'" in out
        assert "dropped the reading time: Lesezeit ca. 6 Minuten" in out and "heading" not in out
    prose = tmp_path / "prosa.txt"
    prose.write_text("Die Leber arbeitet leise\nVon März bis Mai - so die Regel - trinke ich Tee. Er hilft.\n"
                     "Die Leber arbeitet still und leise. Sie meldet sich selten.\n", encoding="utf-8")
    out = project.run("import", "--dry-run", str(prose)).output
    assert "author (" not in out and "no date found" in out


WIX_POST = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kiefer und Nacken | Praxis</title>
<meta property="article:published_time" content="2024-05-03T08:30:00+02:00"></head><body>
<div data-hook="post-page"><article data-hook="post">
<div data-hook="post-header"><div data-hook="avatar-image"><img src="a.png" alt=""></div>
<div data-hook="user-name"><span>Jana Gastautorin</span></div>
<div data-hook="post-metadata"><span data-hook="time-ago">3. Mai 2024</span><span> · </span>
<span data-hook="time-to-read">3 Min. Lesezeit</span></div></div>
<h1><span class="post-title">Kiefer und Nacken</span></h1>
<div data-hook="post-description">
<p><span style="font-weight:400">Viele Menschen pressen nachts mit den Zähnen, ohne es zu wissen. Der Kaumuskel gehört
zu den kräftigsten Muskeln des Körpers.</span></p>
<h2><span style="font-weight:bold">Eine einfache Selbsthilfe</span></h2>
<p><span style="font-weight:400">Legen Sie die Zungenspitze hinter die oberen Schneidezähne und lassen Sie den
Unterkiefer locker hängen. Halten Sie das etwa eine Minute lang.</span></p>
<p>Für die Übung hilft diese Übersicht, die Sie sich am besten neben den Spiegel hängen.</p>
<table><tbody><tr><td>Übung</td><td>Dauer</td></tr><tr><td>Zunge an den Gaumen</td><td>1 Minute</td></tr>
<tr><td>Kiefer locker lassen</td><td>2 Minuten</td></tr></tbody></table>
<p>Bei starkem Knirschen ist eine Aufbissschiene vom Zahnarzt sinnvoll, etwa nach einer Untersuchung.</p></div>
<div data-hook="post-footer"><div data-hook="post-social-counters"><span>48 Aufrufe</span><span>0 Kommentare</span></div>
<div data-hook="post-author-box"><p>Sabine Lindner</p><p>Physiotherapeutin und Osteopathin in Freiburg, seit vielen
Jahren für Rücken und Gelenke da.</p></div></div>
<section data-hook="comments"><h2>Kommentare</h2><p>Es gibt noch keine Kommentare. Teilen Sie Ihre Gedanken mit.</p>
</section></article></div></body></html>
"""


def test_a_wix_post_credits_the_author_beside_its_metadata_and_names_the_author_box_it_leaves_out(project, tmp_path):
    """Wix's header has the author's name next to (not inside) its post metadata: the guest author is credited, not
    verlag.toml's; the author box in the post footer is named as left out (readers' comments are not); a heading
    Wix makes bold holds no ``**``; a table without header cells is headed by its first row, not an empty one."""
    page = tmp_path / "kiefer.html"
    page.write_text(WIX_POST, encoding="utf-8")
    out = project.run("import", str(page)).output
    (source,) = [p for p in (project.root / "source_de").glob("kiefer*.md")]
    text = source.read_text(encoding="utf-8")
    assert "author: Jana Gastautorin\n" in text and "author (the byline's): Jana Gastautorin" in out
    assert "left out (widget text?): Physiotherapeutin und Osteopathin in Freiburg" in out
    assert "Es gibt noch keine Kommentare" not in out
    assert "\n## Eine einfache Selbsthilfe\n" in text and "**" not in text
    assert "bold around a whole heading left out (headings are bold already): 1 heading" in out
    assert "| Übung | Dauer |\n| --- | --- |\n| Zunge an den Gaumen | 1 Minute |" in text


@pytest.mark.parametrize("byline", ["12. September 2025 von Miriam Kessler",
                                    "Veröffentlicht am 12. September 2025 von Miriam Kessler",
                                    "Am 12. September 2025 von Miriam Kessler | 4 Min. Lesezeit",
                                    "- 12. September 2025 von Miriam Kessler"])
def test_a_wordpress_date_by_author_line_is_the_byline_not_a_heading(project, tmp_path, byline):
    """Fresh-user trial 16: a WordPress theme's "12. September 2025 von Miriam Kessler" under the title became
    "## 12. September 2025 von Miriam Kessler", to be published and translated, and the article had no date."""
    source = tmp_path / "ruecken.txt"
    source.write_text(f"Rückenschmerzen im Alltag\n{byline}\nWer viel sitzt, kennt das Ziehen im unteren Rücken. "
                      "Es hilft, öfter aufzustehen.\n", encoding="utf-8")
    out = project.run("import", "--dry-run", str(source)).output
    assert "date: 2025-09-12 from '12. September 2025'" in out
    assert "author (byline 'von Miriam Kessler'): Miriam Kessler" in out and "heading" not in out


def test_a_sentence_that_starts_with_a_date_stays_text(project, tmp_path):
    source = tmp_path / "umzug.txt"
    source.write_text("Wir ziehen um\nAm 3. Oktober 2025 von der Praxis aus sehen Sie den neuen Eingang schon, "
                      "wenn Sie vom Bahnhof kommen.\nBis dahin gilt die alte Adresse.\n", encoding="utf-8")
    out = project.run("import", "--dry-run", str(source)).output
    assert "no date found" in out and "author (byline" not in out


def test_copied_text_with_the_authors_name_alone_over_the_date_reads_them_as_byline(project, tmp_path):
    """Wix's byline copies as three lines, the name without "Von": name, date and reading time are the byline, not
    body text and a heading."""
    text = tmp_path / "schulter.txt"
    text.write_text("Die steife Schulter\nSabine Lindner\n8. Nov. 2024\n4 Min. Lesezeit\n"
                    "Eine steife Schulter braucht Geduld. Sie löst sich oft erst nach Monaten.\n", encoding="utf-8")
    out = project.run("import", str(text)).output
    source = project.read("source_de/die-steife-schulter.md")
    assert "author: Sabine Lindner\n" in source and "date: 2024-11-08\n" in source
    assert source.split("---\n", 2)[2].strip() == "Eine steife Schulter braucht Geduld. Sie löst sich oft erst nach Monaten."
    assert "date: 2024-11-08 from '8. Nov. 2024'" in out and "dropped the reading time: 4 Min. Lesezeit" in out


def test_a_wix_byline_over_blank_line_separated_paragraphs_is_the_byline_not_part_of_the_title(project, tmp_path):
    """Fresh-user trial: README's Wix example with blank lines between paragraphs read as a hard-wrapped file, the
    author's name joined to the title ("Fasten im Frühling Sabine Lindner", its slug too), no author; with a blank
    line after the title as well. A hard-wrapped paragraph of the body is still joined."""
    for n, gap in enumerate(("", "\n")):
        text = tmp_path / f"fasten{n}.txt"
        text.write_text(f"Fasten im Frühling\n{gap}Sabine Lindner\n8. Nov. 2024\n4 Min. Lesezeit\n\n"
                        "Fasten entlastet den Körper.\n\nTrinken Sie dabei viel\nWasser und Tee.\n", encoding="utf-8")
        out = project.run("import", "--dry-run", str(text)).output
        assert "title (first line): Fasten im Frühling\n" in out, out
        assert "author (first other byline item): Sabine Lindner" in out and "date: 2024-11-08 from '8. Nov. 2024'" in out
        assert "dropped the reading time: 4 Min. Lesezeit" in out
        assert out.endswith("---\nFasten entlastet den Körper.\n\nTrinken Sie dabei viel Wasser und Tee.\n\n"
                            "import: 1 article would be written as a draft ('draft: true')\n"), out
    project.run("import", str(tmp_path / "fasten0.txt"))
    assert "author: Sabine Lindner\n" in project.read("source_de/fasten-im-fruehling.md")


def test_a_name_over_a_byline_of_one_line_is_the_author_and_the_line_gives_date_and_reading_time(project, tmp_path):
    """Fresh-user trial: "Anna Berger" over "3. Okt. 2025 · 4 Min. Lesezeit" gave no author and no date, both lines
    went into the body ("3\\. Okt. 2025 · 4 Min. Lesezeit"): only a date alone after it made the name a byline's."""
    for n, (sep, gap) in enumerate(((" · ", ""), (" | ", "\n"))):
        text = tmp_path / f"schulter{n}.txt"
        text.write_text(f"Die steife Schulter\nAnna Berger\n3. Okt. 2025{sep}4 Min. Lesezeit\n{gap}"
                        "Eine steife Schulter braucht Geduld. Sie löst sich oft erst nach Monaten.\n", encoding="utf-8")
        out = project.run("import", "--dry-run", str(text)).output
        assert "author (first other byline item): Anna Berger" in out, out
        assert "date: 2025-10-03 from '3. Okt. 2025'" in out and "dropped the reading time: 4 Min. Lesezeit" in out
        assert out.endswith("---\nEine steife Schulter braucht Geduld. Sie löst sich oft erst nach Monaten.\n\n"
                            "import: 1 article would be written as a draft ('draft: true')\n"), out


def test_a_name_alone_after_the_title_without_a_date_after_it_stays_text(project, tmp_path):
    """Only a date or reading time after it makes a short line a byline's name: a subtitle-like line stays."""
    text = tmp_path / "schlaf.txt"
    text.write_text("Besser schlafen\nKleine Schritte am Abend\n\nWer abends das Licht dimmt, schläft oft schneller "
                    "ein. Das hilft schon nach wenigen Tagen.\n", encoding="utf-8")
    project.run("import", "--year", "2025", str(text))
    assert "Kleine Schritte am Abend" in project.read("source_de/besser-schlafen.md").split("---\n", 2)[2]


def test_text_saved_by_word_as_windows_1252_is_read_and_a_mac_roman_file_is_refused(project, tmp_path):
    """Word's 'Nur Text' default on Windows is Windows-1252: its umlauts are read (noted); bytes that give
    characters German text does not hold (Mac Roman read as Windows-1252) stop with the file, line and how to
    save as UTF-8, exit 2, nothing written."""
    text = tmp_path / "knie.txt"
    text.write_bytes("Das Knie nach dem Laufen\n\nDie Außenseite schmerzt „oft“ – gerade bergab.\n".encode("cp1252"))
    out = project.run("import", "--year", "2025", str(text)).output
    assert "read as Windows-1252" in out
    assert "Die Außenseite schmerzt „oft“ – gerade bergab." in project.read("source_de/das-knie-nach-dem-laufen.md")
    mac = tmp_path / "mac.txt"
    mac.write_bytes("Titel\n\nDie Küste ist groß.\n".encode("mac_roman"))
    result = project.run("import", "--year", "2025", str(mac), code=2)
    assert "mac.txt:3: not UTF-8" in result.output and "Unicode (UTF-8)" in result.output
    assert not (project.root / "source_de/titel.md").exists()


def test_a_saved_page_without_a_declared_encoding_is_read_as_the_utf8_it_is(project, tmp_path):
    """A page written by an editor or script without ``<meta charset>``: libxml2 took it for Windows-1252 (the
    HTML standard's default) and the article said "fÃ¼r"; UTF-8 bytes are read as UTF-8. A page in Windows-1252
    without a declaration is still read as that."""
    body = ("<!DOCTYPE html><html><head><title>Grüner Tee für Sie</title></head><body><article>"
            "<h1>Grüner Tee für Sie</h1><p>Grüner Tee enthält Koffein, aber weniger als Kaffee. Trinken Sie ihn "
            "nicht zu heiß, etwa mit 70 Grad.</p><p>Am besten schmeckt er ohne Zucker und frisch aufgegossen, "
            "über den Tag verteilt.</p></article></body></html>")
    for name, encoding in (("utf8.html", "utf-8"), ("latin.html", "cp1252")):
        page = tmp_path / name
        page.write_bytes(body.replace("Grüner Tee für Sie", f"Tee {name[:4]}").encode(encoding))
        project.run("import", str(page))
        text = project.read(f"source_de/tee-{name[:4]}.md")
        assert "Grüner Tee enthält Koffein" in text and "nicht zu heiß" in text and "Ã" not in text, name


def test_a_page_saved_as_utf16_with_or_without_a_byte_order_mark_is_read_not_called_binary(project, tmp_path):
    """A page saved in UTF-16 (Windows tools, an editor's "Unicode"), with a byte order mark or without one but with
    its ``<meta charset="utf-16">``, has a NUL byte beside every ASCII character: the import called it binary ("an
    image or PDF") and imported nothing. It is read as the UTF-16 it is and the summary says so; a text file saved
    as "Unicode" (UTF-16 with its mark, Notepad's) too."""
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-16\"><title>{title}</title></head><body><article>"
            "<h1>{title}</h1><p>Grüner Tee enthält Koffein, aber weniger als Kaffee. Trinken Sie ihn nicht zu heiß, "
            "etwa mit 70 Grad.</p><p>Am besten schmeckt er ohne Zucker und frisch aufgegossen, über den Tag "
            "verteilt.</p></article></body></html>")
    cases = (("mit-bom.html", "\ufeff" + page.format(title="Tee mit Marke"), "utf-16-le", "its byte order mark"),
             ("ohne-bom.html", page.format(title="Tee ohne Marke"), "utf-16-le", "its <meta charset>"),
             ("gross.html", page.format(title="Tee gross"), "utf-16-be", "its <meta charset>"))
    for name, text, codec, why in cases:
        (tmp_path / name).write_bytes(text.encode(codec))
        out = project.run("import", str(tmp_path / name)).output
        assert "binary" not in out and f"encoding: read as UTF-16 ({why})" in out, out
    for slug in ("tee-mit-marke", "tee-ohne-marke", "tee-gross"):
        written = project.read(f"source_de/{slug}.md")
        assert "Grüner Tee enthält Koffein" in written and "über den Tag verteilt." in written, written
    notepad = tmp_path / "notiz.txt"
    notepad.write_bytes("Kräutertee am Abend\n\nMelisse und Lavendel beruhigen. Trinken Sie ihn warm.\n"
                        .encode("utf-16"))
    out = project.run("import", "--year", "2025", str(notepad)).output
    assert "encoding: read as UTF-16 (its byte order mark)" in out
    assert "Melisse und Lavendel beruhigen." in project.read("source_de/kraeutertee-am-abend.md")


WIX_SAVED = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Holunderblüten sammeln</title>
<link rel="canonical" href="https://www.praxis-am-bach.example/post/holunderbl%C3%BCten-sammeln">
<meta property="og:site_name" content="Praxis am Bach">
<meta property="article:published_time" content="2023-06-13T22:30:00.000Z"></head><body>
<div data-hook="post-page"><article data-hook="post">
<div data-hook="post-header"><div data-hook="post-metadata"><span data-hook="user-name">Karl Linde</span>
<span data-hook="time-ago">14. Juni 2023</span><span data-hook="time-to-read">3 Min. Lesezeit</span></div></div>
<h1 data-hook="post-title"><span>Holunderblüten sammeln</span></h1>
<div data-hook="post-description"><div data-id="rich-content-viewer">
<p><span>Im Juni duften die Holundersträucher an jedem Feldrand. Ihre Dolden werden zu Sirup oder Tee.</span></p>
<figure data-hook="figure-IMAGE"><div data-hook="imageViewer"><img alt="Holundersirup in Flaschen"
 src="https://static.wixstatic.com/media/a1b2c3_9z8y7x~mv2.jpg/v1/fill/w_147,h_98,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/a1b2c3_9z8y7x~mv2.jpg"
 data-pin-media="https://static.wixstatic.com/media/a1b2c3_9z8y7x~mv2.jpg/v1/fill/w_1000,h_667,al_c,q_85/a1b2c3_9z8y7x~mv2.jpg"></div></figure>
<figure data-hook="figure-IMAGE"><div data-hook="imageViewer"><img alt="Getrocknete Dolden"
 src="https://static.wixstatic.com/media/a1b2c3_5k4j3h~mv2.png/v1/fill/w_147,h_98,al_c,q_80,blur_2,enc_auto/a1b2c3_5k4j3h~mv2.png">
</div></figure>
<p><span>Verarbeiten Sie die Blüten noch am selben Tag, sonst werden sie braun und verlieren ihr Aroma.</span></p>
</div></div></article></div></body></html>
"""


def test_a_saved_wix_post_shows_the_day_its_blog_showed_and_its_images_not_their_blurred_placeholders(
        project, tmp_path):
    """A Wix post saved before its images below the fold loaded holds Wix's blurred 147-pixel placeholders
    (``…/v1/fill/w_147,…,blur_2,…``), and states its time in UTC: the import kept the placeholders as the images and
    the day before the one the blog showed ("14. Juni 2023", published 00:30 in Berlin, 22:30 UTC). Now each image
    is the one the page names for it in full (``data-pin-media``, else Wix's original), and the date is the day the
    byline showed, said so."""
    page = tmp_path / "holunder.html"
    page.write_text(WIX_SAVED, encoding="utf-8")
    out = project.run("import", str(page)).output
    text = project.read("source_de/holunderblueten-sammeln.md")
    assert "blur_2" not in text and "w_147" not in text
    assert ("![Holundersirup in Flaschen](https://static.wixstatic.com/media/a1b2c3_9z8y7x~mv2.jpg/v1/fill/w_1000,"
            "h_667,al_c,q_85/a1b2c3_9z8y7x~mv2.jpg)") in text
    assert "![Getrocknete Dolden](https://static.wixstatic.com/media/a1b2c3_5k4j3h~mv2.png)" in text
    assert "image: a blurred placeholder (Wix) replaced by the full image" in out
    assert "\ndate: 2023-06-14\n" in text
    assert ("date: 2023-06-14 from the byline (14. Juni 2023): article:published_time 2023-06-13T22:30:00+00:00 "
            "falls on the day before in UTC") in out
    assert "author: Karl Linde\n" in text
    berlin = Project(tmp_path / "berlin")
    berlin.write("verlag.toml", 'name = "P"\nsource_language = "de"\nlanguages = ["en"]\ntimezone = "Europe/Berlin"\n')
    berlin.run("import", str(page))
    assert "\ndate: 2023-06-14 00:30:00+02:00\n" in berlin.read("source_de/holunderblueten-sammeln.md")


def png(width: int, height: int) -> bytes:
    """A real grey PNG image of ``width`` x ``height`` pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


WIX_MEDIA = "https://static.wixstatic.com/media"
CHROME_SAVED_WIX = f"""<!DOCTYPE html>
<!-- saved from url=(0066)https://www.praxis-am-bach.example/post/holunderbl%C3%BCten-sammeln -->
<html lang="de"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Holunderblüten
sammeln</title><link rel="canonical" href="https://www.praxis-am-bach.example/post/holunderbl%C3%BCten-sammeln">
<meta property="og:type" content="article"></head><body>
<div data-hook="post-page"><article data-hook="post"><h1 data-hook="post-title"><span>Holunderblüten sammeln</span></h1>
<div data-hook="post-description"><div data-id="rich-content-viewer">
<p><span>Im Juni duften die Holundersträucher an jedem Feldrand. Ihre Dolden werden zu Sirup oder Tee.</span></p>
<figure data-hook="figure-IMAGE"><div data-hook="imageViewer"><img alt="Holundersirup in Flaschen"
 src="./Holunder_files/a1b2c3_9f8e7d~mv2.png"
 data-pin-media="{WIX_MEDIA}/a1b2c3_9f8e7d~mv2.png/v1/fill/w_1000,h_667,al_c,q_85/a1b2c3_9f8e7d~mv2.png"></div></figure>
<figure data-hook="figure-IMAGE"><div data-hook="imageViewer"><img alt="Getrocknete Dolden"
 src="./Holunder_files/a1b2c3_5c4b3a~mv2.png"></div></figure>
<figure data-hook="figure-IMAGE"><div data-hook="imageViewer"><img alt="Ein Korb voller Dolden"
 src="./Holunder_files/a1b2c3_777abc~mv2.png"
 data-pin-media="{WIX_MEDIA}/a1b2c3_777abc~mv2.png/v1/fill/w_740,h_493,al_c,q_85/a1b2c3_777abc~mv2.png"></div></figure>
<p><span>Verarbeiten Sie die Blüten noch am selben Tag, sonst werden sie braun und verlieren ihr Aroma.</span></p>
</div></div></article></div></body></html>
"""


@pytest.mark.parametrize("own", ['<link rel="canonical" href="{}">', '<meta property="og:url" content="{}">'])
def test_a_saved_wix_post_is_named_by_its_old_address_as_its_feed_entry_is(project, tmp_path, own: str):
    """A Wix feed entry's file is named by its address (``/post/<slug>``), a saved Wix page's was named by its title:
    the same post was ``holunder.md`` from the feed and ``holunderblueten-sammeln-so-geht-s.md`` saved. The page's
    own address (canonical or ``og:url``), where it is a Wix post's, names it, noted; the address stays its alias.
    Another address (a WordPress post's) leaves the title naming it."""
    address = "https://praxis.wixsite.com/bach/post/holunder"
    saved = WIX_SAVED.replace('<link rel="canonical" href="https://www.praxis-am-bach.example/post/holunderbl%C3%BCten'
                              '-sammeln">', own.format(address))
    saved = saved.replace("<title>Holunderblüten sammeln</title>", "<title>Holunderblüten sammeln: so geht's</title>")
    saved = saved.replace("<span>Holunderblüten sammeln</span>", "<span>Holunderblüten sammeln: so geht's</span>")
    assert address in saved and "so geht's</span>" in saved
    page = tmp_path / "holunder.html"
    page.write_text(saved, encoding="utf-8")
    out = project.run("import", str(page)).output
    assert sorted(p.name for p in (project.root / "source_de").glob("*.md")) == ["holunder.md"], out
    assert f"slug 'holunder' from its old address {address}, as the old blog named it" in out, out
    text = project.read("source_de/holunder.md")
    assert f"aliases:\n- {address}\n" in text and "title: 'Holunderblüten sammeln: so geht''s'" in text, text
    other = tmp_path / "anders.html"
    other.write_text(saved.replace(address, "https://blog.example/2023/06/holunder/"), encoding="utf-8")
    (project.root / "source_de/holunder.md").unlink()
    project.run("import", str(other))
    assert sorted(p.name for p in (project.root / "source_de").glob("*.md")) == ["holunderblueten-sammeln-so-geht-s.md"]


def test_a_wix_page_saved_by_chrome_takes_the_full_image_it_saved_or_names_the_blurred_placeholder(project, tmp_path):
    """Chrome's "Webpage, complete" saves each image the page showed into ``…_files/`` and points ``src`` there: of
    a Wix post saved before its images loaded, that is Wix's blurred 147-pixel placeholder, which the import
    copied as the article's image. Now a placeholder (far narrower than the width the page states for the image)
    gives way to the full image where Chrome saved that too (``name(1).png``), copied under the image's own name
    (Chrome's "(1)" only says it was the second download of that name); else the article shows the full image at
    its Wix address and the summary names the placeholder and that address. An image that loaded in full is copied
    as it is."""
    page = tmp_path / "Holunder.html"
    page.write_text(CHROME_SAVED_WIX, encoding="utf-8")
    files = tmp_path / "Holunder_files"
    files.mkdir()
    (files / "a1b2c3_9f8e7d~mv2.png").write_bytes(png(147, 98))
    (files / "a1b2c3_9f8e7d~mv2(1).png").write_bytes(png(1000, 667))
    (files / "a1b2c3_5c4b3a~mv2.png").write_bytes(png(147, 98))
    (files / "a1b2c3_777abc~mv2.png").write_bytes(png(740, 493))
    out = project.run("import", str(page)).output
    text = project.read("source_de/holunderblueten-sammeln.md")
    images = project.root / "source_de/bilder"
    assert (images / "a1b2c3_9f8e7d~mv2.png").read_bytes() == png(1000, 667)  # without Chrome's "(1)"
    assert sorted(p.name for p in images.iterdir()) == ["a1b2c3_777abc~mv2.png", "a1b2c3_9f8e7d~mv2.png"]
    assert "![Holundersirup in Flaschen](bilder/a1b2c3_9f8e7d~mv2.png)" in text and "not kept" not in out
    assert "image a1b2c3_9f8e7d~mv2(1).png -> bilder/a1b2c3_9f8e7d~mv2.png" in out
    assert f"![Getrocknete Dolden]({WIX_MEDIA}/a1b2c3_5c4b3a~mv2.png)" in text
    assert "![Ein Korb voller Dolden](bilder/a1b2c3_777abc~mv2.png)" in text
    assert (images / "a1b2c3_777abc~mv2.png").read_bytes() == png(740, 493)
    assert ("image: a1b2c3_9f8e7d~mv2.png is Wix's blurred placeholder (147 pixels wide, the page states 1000): "
            "the full image saved beside it taken instead, a1b2c3_9f8e7d~mv2(1).png") in out
    assert ("image: a1b2c3_5c4b3a~mv2.png is Wix's blurred placeholder (147 pixels wide; the page was saved before "
            f"the image loaded): the article shows the full image at its address, {WIX_MEDIA}/a1b2c3_5c4b3a~mv2.png: "
            "save it into bilder/ beside the article and refer to it there") in out


WIX_RECENT = """<section data-hook="recent-posts"><h2>Aktuelle Beiträge</h2>
<article data-hook="post-list-item"><h3><a href="https://www.praxis-am-bach.example/post/kamille">Kamillentee richtig
ziehen lassen</a></h3><p>Kamille braucht zehn Minuten unter dem Deckel, damit die Öle im Tee bleiben.</p></article>
<article data-hook="post-list-item"><h3><a href="https://www.praxis-am-bach.example/post/melisse">Melisse im Topf</a>
</h3><p>Melisse wächst auch auf dem Balkon, wenn sie genug Wasser bekommt.</p></article></section>
"""


def test_a_page_saved_by_a_browser_without_a_canonical_address_keeps_the_address_it_was_saved_from(project, tmp_path):
    """A theme that writes no ``rel=canonical`` or ``og:url``: the import found no old address ("not found: old
    address (no redirect)"), though Chrome and Edge mark each page they save with the address it came from
    (``<!-- saved from url=(0066)https://… -->``). That address is the old one now, and the summary says where it is
    from."""
    own = "https://www.praxis-am-bach.example/post/holunderbl%C3%BCten-sammeln"
    page = tmp_path / "Holunder.html"
    page.write_text(CHROME_SAVED_WIX.replace(f'<link rel="canonical" href="{own}">', ""), encoding="utf-8")
    out = project.run("import", str(page)).output
    assert f"aliases:\n- {own}\n" in project.read("source_de/holunderblueten-sammeln.md")
    assert f"old address {own}: from the mark the browser wrote when it saved the page (saved from url)" in out, out
    assert "old address (no redirect)" not in out


def test_the_other_posts_teasers_on_a_saved_wix_post_are_named_once_not_as_text_to_add_by_hand(project, tmp_path):
    """A Wix post shows teasers of its blog's latest posts under it ("Aktuelle Beiträge"): the import left them out,
    rightly, but named each teaser's sentence as widget text to "add by hand if it belongs", as if it were this
    article's. One note names the list and its posts now, and none of their text is offered."""
    page = tmp_path / "Holunder.html"
    page.write_text(CHROME_SAVED_WIX.replace("</article></div></body>", f"</article>{WIX_RECENT}</div></body>"),
                    encoding="utf-8")
    files = tmp_path / "Holunder_files"
    files.mkdir()
    for name in ("a1b2c3_9f8e7d~mv2.png", "a1b2c3_5c4b3a~mv2.png", "a1b2c3_777abc~mv2.png"):
        (files / name).write_bytes(png(740, 493))
    out = project.run("import", str(page)).output
    assert "Kamille braucht" not in out and "Melisse wächst" not in out, out
    assert ("left out: the page's list of other posts (Aktuelle Beiträge): Kamillentee richtig ziehen lassen; "
            "Melisse im Topf") in out, out
    assert "Melisse" not in project.read("source_de/holunderblueten-sammeln.md")


WIX_LIST = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Blog | Praxis am Bach</title>
<link rel="canonical" href="https://www.praxis-am-bach.example/blog"></head><body><main><div data-hook="blog-feed">
<article data-hook="post-list-item"><div data-hook="post-metadata"><span data-hook="user-name">Karl Linde</span>
<span data-hook="time-ago">14. Juni 2023</span></div>
<h2><a href="https://www.praxis-am-bach.example/post/holunderbl%C3%BCten-sammeln">Holunderblüten sammeln</a></h2>
<p>Im Juni duften die Holundersträucher an jedem Feldrand. Ihre Dolden werden zu Sirup oder Tee.</p></article>
<article data-hook="post-list-item"><div data-hook="post-metadata"><span data-hook="user-name">Karl Linde</span>
<span data-hook="time-ago">2. Mai 2023</span></div>
<h2><a href="https://www.praxis-am-bach.example/post/kamille">Kamillentee richtig ziehen lassen</a></h2>
<p>Kamille braucht zehn Minuten unter dem Deckel, damit die ätherischen Öle im Tee bleiben.</p></article>
</div></main></body></html>
"""


def test_a_saved_list_of_posts_beside_the_posts_is_named_not_imported_as_an_article(project, tmp_path):
    """A Wix blog saved page by page holds the blog's list of posts too (/blog): it was imported as an article
    "Blog" of the posts' teasers, with the old address /blog as its alias. A page of two or more ``<article>``s,
    each headed by a link to its post, is a list: in a folder it is left out and named (trial t2: a wget mirror's
    category/…/index.html and page/2/index.html made the import exit 2), and the posts beside it are imported."""
    (tmp_path / "Blog.html").write_text(WIX_LIST, encoding="utf-8")
    (tmp_path / "Holunder.html").write_text(WIX_SAVED, encoding="utf-8")
    for sub in ("category/kraeuter", "page/2"):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "index.html").write_text(WIX_LIST, encoding="utf-8")
    out = project.run("import", str(tmp_path)).output
    for page in (tmp_path / "Blog.html", tmp_path / "category/kraeuter/index.html", tmp_path / "page/2/index.html"):
        assert (f"skipped {page}: a list of 2 posts (the blog's page, a category's or an archive), not an "
                "article\n") in out, out
    assert "error" not in out and not (project.root / "source_de/blog.md").exists()
    assert (project.root / "source_de/holunderblueten-sammeln.md").is_file()


HOLUNDER_FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Praxis am Bach</title>
<link>https://www.praxis-am-bach.example</link><item><title>Holunderblüten sammeln</title>
<link>https://www.praxis-am-bach.example/post/holunderbl%C3%BCten-sammeln</link>
<pubDate>Tue, 13 Jun 2023 22:30:00 +0000</pubDate><description><![CDATA[Im Juni duften die Holundersträucher.]]>
</description><content:encoded><![CDATA[<p>Im Juni duften die Holundersträucher an jedem Feldrand.</p>]]>
</content:encoded></item></channel></rss>
"""


def test_a_feed_saved_beside_the_posts_is_named_not_read_as_posts_but_read_when_alone(project, tmp_path):
    """Trial t2: a wget mirror of a WordPress blog holds its RSS feed as feed/index.html; the folder's import read
    it as posts, and its post beside its own page was "already imported as …" (exit 2). In a folder with other
    files a feed in a feed/ folder is left out and named; the feed named by itself is read."""
    mirror = tmp_path / "mirror"
    (mirror / "feed").mkdir(parents=True)
    (mirror / "feed/index.html").write_text(HOLUNDER_FEED, encoding="utf-8")
    (mirror / "2023/06/holunder").mkdir(parents=True)
    (mirror / "2023/06/holunder/index.html").write_text(WIX_SAVED, encoding="utf-8")
    out = project.run("import", "--dry-run", str(mirror)).output
    assert ("skipped " + str(mirror / "feed/index.html") + ": an RSS/Atom feed (the posts again, read from their "
            "own pages), not an article\n") in out, out
    assert "error" not in out and "1 file to read" in out
    out = project.run("import", "--dry-run", str(mirror / "feed/index.html")).output
    assert "skipped" not in out and "holunderblueten-sammeln.md" in out, out


CHROME_WIX_LIST = """<!DOCTYPE html>
<!-- saved from url=(0041)https://www.praxis-am-bach.example/blog -->
<html lang="de"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Blog | Praxis am Bach</title><link rel="canonical" href="https://www.praxis-am-bach.example/blog"></head><body>
<main><section data-hook="blog-feed"><div data-hook="post-list-item"><a href="https://www.praxis-am-bach.example/post/holunder"
 data-hook="post-list-item-image"><img alt="" src="./Blog_files/a1b2c3_9f8e7d~mv2.png"></a>
<div data-hook="post-metadata"><span data-hook="user-name">Karl Linde</span><span data-hook="time-ago">14. Juni 2023</span>
</div><a href="https://www.praxis-am-bach.example/post/holunder"><h2 data-hook="post-title">Holunderblüten sammeln</h2></a>
<div data-hook="post-description"><p>Im Juni duften die Holundersträucher an jedem Feldrand. Ihre Dolden werden zu Sirup
oder Tee.</p></div></div>
<div data-hook="post-list-item"><a href="https://www.praxis-am-bach.example/post/kamille"
 data-hook="post-list-item-image"><img alt="" src="./Blog_files/a1b2c3_5c4b3a~mv2.png"></a>
<div data-hook="post-metadata"><span data-hook="user-name">Karl Linde</span><span data-hook="time-ago">2. Mai 2023</span>
</div><a href="https://www.praxis-am-bach.example/post/kamille"><h2 data-hook="post-title">Kamillentee richtig ziehen
lassen</h2></a><div data-hook="post-description"><p>Kamille braucht zehn Minuten unter dem Deckel, damit die
ätherischen Öle im Tee bleiben.</p></div></div></section></main></body></html>
"""


def test_a_wix_blog_list_saved_by_chrome_whose_teasers_are_no_articles_is_named_not_imported(project, tmp_path):
    """Wix's blog page lists its posts as ``data-hook="post-list-item"`` blocks, each title a heading inside the
    link to its post (the link around the heading, not in it): saved by Chrome with its images, it was imported
    as an article "Blog" of teasers. It is a list of posts as one of ``<article>``s is: an error naming it."""
    (tmp_path / "Blog.html").write_text(CHROME_WIX_LIST, encoding="utf-8")
    (tmp_path / "Blog_files").mkdir()
    for name in ("a1b2c3_9f8e7d~mv2.png", "a1b2c3_5c4b3a~mv2.png"):
        (tmp_path / "Blog_files" / name).write_bytes(png(147, 98))
    out = project.run("import", str(tmp_path / "Blog.html"), code=2).output
    assert (f"error: {tmp_path / 'Blog.html'}:5: a list of 2 posts (the blog's page, a category's or an archive), no "
            "article: import each post's own page") in out, out
    assert not list((project.root / "source_de").glob("blog*.md"))


def test_a_post_whose_theme_links_its_title_beside_related_posts_is_still_an_article(project, tmp_path):
    """Some themes link a post's own title to its address and show related posts as ``<article>``s too: that page
    is the post's (its canonical address is its title's link), not a list of posts."""
    own = "https://www.praxis-am-bach.example/post/kamille"
    page = WIX_LIST.replace("<title>Blog | Praxis am Bach</title>", "<title>Kamillentee richtig ziehen lassen</title>") \
        .replace('href="https://www.praxis-am-bach.example/blog"', f'href="{own}"')
    (tmp_path / "kamille.html").write_text(page, encoding="utf-8")
    project.run("import", str(tmp_path / "kamille.html"))
    assert (project.root / "source_de/kamille.md").is_file()  # named by its Wix post address, as its feed entry


def test_a_full_wix_image_beside_the_placeholder_is_taken_only_from_the_saved_pages_folder(project, tmp_path):
    """The full copy of a Wix placeholder is looked for beside it in the page's ``_files/`` folder: a link there
    to a file elsewhere (``x~mv2(1).png`` -> a picture outside) is not copied and published, as the page's own
    ``src`` leading out of its folder is not; the article shows Wix's address of the full image instead."""
    page = tmp_path / "Holunder.html"
    page.write_text(CHROME_SAVED_WIX, encoding="utf-8")
    files = tmp_path / "Holunder_files"
    files.mkdir()
    (files / "a1b2c3_9f8e7d~mv2.png").write_bytes(png(147, 98))
    (tmp_path / "privat.png").write_bytes(png(1000, 667))
    (files / "a1b2c3_9f8e7d~mv2(1).png").symlink_to(tmp_path / "privat.png")
    out = project.run("import", str(page)).output
    assert not (project.root / "source_de/bilder/a1b2c3_9f8e7d~mv2(1).png").exists()
    assert f"![Holundersirup in Flaschen]({WIX_MEDIA}/a1b2c3_9f8e7d~mv2.png/v1/fill/w_1000" in \
        project.read("source_de/holunderblueten-sammeln.md"), out


def test_an_inline_image_is_saved_into_bilder_by_its_content_and_an_svg_with_a_script_is_left_out(project, tmp_path):
    """A picture pasted into a page is a ``data:`` address of its bytes in base64: the summary printed all of it,
    then named it and asked the author to save it by hand. It is saved into ``bilder/`` now, named by its content
    (the same picture twice is one file), and the article refers to it there; an SVG that runs a script when
    opened (a saved page's, or in a WordPress post) and a "PNG" whose bytes are none are left out and named, never
    copied; the summary holds no base64."""
    import base64
    import hashlib

    photo = png(40, 30)
    inline = "data:image/png;base64," + base64.b64encode(photo).decode()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><circle r="4"/></svg>'
    bad_svg = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    clean_svg = "data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3Ccircle%20r='4'/%3E%3C/svg%3E"
    fake = "data:image/png;base64," + base64.b64encode(b"<html>kein Bild</html>").decode()
    page = tmp_path / "salbe.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ringelblumensalbe</title></head><body>'
                    f'<article><h1>Ringelblumensalbe</h1><p>{CARE}</p><p><img alt="Salbe im Tiegel" src="{inline}">'
                    f'</p><p>{CARE} Danach gut verschließen.</p><p><img alt="Punkt" src="{bad_svg}"></p>'
                    f'<p><img alt="Kreis" src="{clean_svg}"></p><p><img alt="Kaputt" src="{fake}"></p>'
                    f'<p><img alt="Noch einmal" src="{inline}"></p></article></body></html>', encoding="utf-8")
    out = project.run("import", str(page)).output
    name = f"bild-{hashlib.sha256(photo).hexdigest()[:16]}.png"
    circle = "bild-" + hashlib.sha256(b"<svg xmlns='http://www.w3.org/2000/svg'><circle r='4'/></svg>").hexdigest()[:16]
    text = project.read("source_de/ringelblumensalbe.md")
    assert (project.root / "source_de/bilder" / name).read_bytes() == photo
    assert f"![Salbe im Tiegel](bilder/{name})" in text and f"![Noch einmal](bilder/{name})" in text
    assert f"![Kreis](bilder/{circle}.svg)" in text
    assert sorted(p.name for p in (project.root / "source_de/bilder").iterdir()) == sorted([name, f"{circle}.svg"])
    assert "data:" not in text and "Punkt" not in text and "Kaputt" not in text
    assert "iVBOR" not in out and "PHN2Zy" not in out, out[:3000]
    assert f"'Salbe im Tiegel') saved as bilder/{name}" in out, out[:3000]
    assert ("'Punkt') not kept: an SVG with a script, an event handler or a reference outside it, which would run "
            "when its file is opened") in out
    assert "'Kaputt') not kept: its bytes are no image/png" in out
    assert "image not kept" not in out


WIX_TAGGED = WIX_SAVED.replace(
    '<meta property="og:site_name" content="Praxis am Bach">',
    '<meta property="og:site_name" content="Praxis am Bach">\n<script type="application/ld+json">{"@context":'
    '"https://schema.org","@graph":[{"@type":"WebSite","name":"Praxis am Bach","keywords":"Naturheilpraxis, Bach"},'
    '{"@type":"BlogPosting","headline":"Holunderblüten sammeln","keywords":"Holunder, Wildkräuter"}]}</script>'
).replace('</div></div></article></div>', '</div></div>\n<div data-hook="post-footer"><nav aria-label="Tags"><ul>'
          '<li><a data-hook="tag" href="https://www.praxis-am-bach.example/blog/tags/holunder"><span>Holunder</span>'
          '</a></li><li><a data-hook="tag" href="https://www.praxis-am-bach.example/blog/tags/sirup"><span>Sirup'
          '</span></a></li></ul></nav></div></article></div>\n<section data-hook="recent-posts"><h2>Aktuelle Beiträge'
          '</h2><article><h3><a href="https://www.praxis-am-bach.example/post/melisse">Melisse im Topf</a></h3>'
          '<a href="https://www.praxis-am-bach.example/blog/tags/melisse">Melisse</a></article></section>')


def test_a_saved_wix_posts_tags_come_from_its_json_ld_and_its_tag_links(project, tmp_path):
    """A Wix post's tags are no ``article:tag`` meta tags, which are all trafilatura reads: they stand in its JSON-LD
    ``BlogPosting`` (``keywords``) and as links to the blog's tag pages under the post (``/blog/tags/…``), so the
    import said "not found: tags". They are the article's tags now, once each; the site's own keywords and the tags
    of the other posts Wix lists below it are not."""
    page = tmp_path / "holunder.html"
    page.write_text(WIX_TAGGED, encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "\ntags: [Holunder, Wildkräuter, Sirup]\n" in project.read("source_de/holunderblueten-sammeln.md")
    assert "not found: summary, tags" not in out and "Melisse" not in project.read(
        "source_de/holunderblueten-sammeln.md")


FOOTNOTE_PAGE = """<!DOCTYPE html><html lang="de-DE"><head><meta charset="UTF-8"><title>{title} – Praxis am Bach</title>
<link rel="canonical" href="https://praxis-am-bach.example/{slug}/">
<meta property="article:published_time" content="2024-01-10T08:00:00+01:00"></head>
<body class="post-template-default single single-post"><header id="masthead"><nav><ul><li><a href="/">Start</a></li>
<li><a href="/blog/">Blog</a></li></ul></nav></header>
<main id="main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{title}
</h1></header><div class="entry-content">
<p>Zimt wärmt von innen und schmeckt im Tee am Abend.{first} Nelken gehören in jeden Winterpunsch.{second}</p>
<p>Beide Gewürze kaufen Sie am besten ganz und mahlen sie erst kurz vor dem Gebrauch.</p>
{after}</div></article></main><footer id="colophon"><p>© 2024 Praxis am Bach</p></footer></body></html>
"""


def easy(n: int) -> str:
    return (f'<span id="easy-footnote-{n}-42" class="easy-footnote-margin-adjust"></span><span class="easy-footnote">'
            f'<a href="#easy-footnote-bottom-{n}-42" title="Quelle"><sup>{n}</sup></a></span>')


def modern(n: int, note: str) -> str:
    return (f'<sup class="modern-footnotes-footnote " data-mfn="{n}"><a href="javascript:void(0)" role="button" '
            f'aria-pressed="false" aria-describedby="mfn-content-42-{n}">{n}</a></sup><span id="mfn-content-42-{n}" '
            f'role="tooltip" class="modern-footnotes-footnote__note" tabindex="0" data-mfn="{n}">{note}</span>')


def test_footnotes_of_wordpress_footnote_plugins_on_a_saved_page_become_markdown_footnotes(project, tmp_path):
    """A saved WordPress page shows Easy Footnotes' notes as a list under a "Notes:" heading whose items carry no id
    (an empty ``<span>`` inside has it), and Modern Footnotes' as tooltips beside each reference: the import kept
    "Notes:" and links that led nowhere, or ran each note into its sentence. Both become CommonMark footnotes."""
    expected = ("Zimt wärmt von innen und schmeckt im Tee am Abend.[^1] Nelken gehören in jeden Winterpunsch.[^2]\n\n"
                "Beide Gewürze kaufen Sie am besten ganz und mahlen sie erst kurz vor dem Gebrauch.\n\n"
                "[^1]: Eine *alte* Quelle.\n[^2]: Noch eine Quelle.\n")
    notes = ('<div class="easy-footnote-title"><h4>Notes:</h4></div><ol class="easy-footnotes-wrapper">'
             + "".join(f'<li class="easy-footnote-single"><span id="easy-footnote-bottom-{n}-42" class="easy-footnote-'
                       f'margin-adjust"></span>{text}<a class="easy-footnote-to-top" href="#easy-footnote-{n}-42"></a>'
                       "</li>" for n, text in ((1, "Eine <em>alte</em> Quelle."), (2, "Noch eine Quelle.")))
             + "</ol>")
    (tmp_path / "zimt.html").write_text(FOOTNOTE_PAGE.format(title="Zimt und Nelken", slug="zimt", first=easy(1),
                                                             second=easy(2), after=notes), encoding="utf-8")
    (tmp_path / "nelken.html").write_text(FOOTNOTE_PAGE.format(
        title="Nelken und Zimt", slug="nelken", first=modern(1, "Eine <em>alte</em> Quelle."),
        second=modern(2, "Noch eine Quelle."), after=""), encoding="utf-8")
    out = project.run("import", str(tmp_path / "zimt.html"), str(tmp_path / "nelken.html")).output
    assert project.read("source_de/zimt-und-nelken.md").endswith(f"---\n{expected}"), out
    assert project.read("source_de/nelken-und-zimt.md").endswith(f"---\n{expected}"), out


def test_a_short_saved_page_keeps_its_text_and_says_it_kept_all_of_it(project, tmp_path):
    """A page of a heading and two short paragraphs: trafilatura finds no main content and gives the page's whole
    text as lines, which no paragraph's text equalled, so the article was written empty without a word."""
    page = tmp_path / "salbei.html"
    page.write_text('<html><head><meta charset="utf-8"><title>Salbei</title></head><body><h1>Salbei</h1>\n'
                    "<p>Gurgeln bei Halsweh</p>\n<p>Tee am Abend</p></body></html>\n", encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/salbei.md").split("---\n", 2)[2]
    assert body.split() == "Gurgeln bei Halsweh Tee am Abend".split()
    assert "a short page whose article could not be told from the rest: all of its text kept" in out


FULL_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Magnesium – Praxis Ost</title>
<meta property="article:published_time" content="2025-02-10T09:00:00+01:00"></head><body>
<div id="consent">Diese Seite nutzt Cookies. <button>Einverstanden</button></div>
<nav><a href="/">Start</a> <a href="/blog/">Blog</a></nav>
<main><article><h1>Magnesium</h1>{byline}
<p>Magnesium entspannt die Muskeln. Ein Mangel zeigt sich oft als Wadenkrampf.</p>
<p>Reich an Magnesium sind {example} Hafer{shy}flocken.</p>
<figure><img src="hafer.png" alt="Haferflocken"><figcaption>Haferflocken</figcaption></figure>
</article></main>
<aside>Meistgelesen: ...</aside>
<footer>© 2025 Praxis Ost · <a href="/impressum/">Impressum</a></footer>
</body></html>
"""


def test_a_paragraph_with_soft_hyphens_on_a_full_saved_page_is_kept_without_them(project, tmp_path):
    """Fresh-user trial: on a page with a cookie banner, menu, sidebar and footer around <main><article>, a
    paragraph with soft hyphens ("z.&shy;B. in Kürbis&shy;kernen") was left out as "widget text?": trafilatura
    drops soft hyphens (where a figure makes it give the article as one paragraph), so the article's own text did
    not hold its blocks and the whole <body> was pruned."""
    (tmp_path / "hafer.png").write_bytes(png(40, 30))
    for n, (example, shy) in enumerate((("z.&shy;B.", "&shy;"), ("z.&#8203;B.", "&#x2060;"), ("z. B.", ""))):
        page = tmp_path / f"magnesium{n}.html"
        page.write_text(FULL_PAGE.format(byline="", example=example, shy=shy), encoding="utf-8")
        out = project.run("import", "--dry-run", str(page)).output
        kept = f"Reich an Magnesium sind {'z. B.' if n == 2 else 'z.B.'} Haferflocken.\n"
        assert "left out" not in out and kept in out, out
        assert ("dropped 2 invisible hyphenation hints" in out) == bool(shy), out
    project.run("import", str(tmp_path / "magnesium0.html"))
    body = project.read("source_de/magnesium.md").split("---\n", 2)[2]
    assert "\nReich an Magnesium sind z.B. Haferflocken.\n\n![Haferflocken]" in body, body
    assert SHY not in body and "Cookies" not in body and "Impressum" not in body and "Meistgelesen" not in body


def test_a_themes_byline_under_the_title_stays_out_and_gives_author_and_date(project, tmp_path):
    """Fresh-user trial: <p class="meta">Veröffentlicht am 15. Jan. 2025 von Anna Berger</p> under the title became
    the article's first paragraph and the page had no author. It is left out and named, its name is the author
    and its date the date where the page states none; a first paragraph that only mentions a date stays."""
    (tmp_path / "hafer.png").write_bytes(png(40, 30))
    stated = '<meta property="article:published_time" content="2025-02-10T09:00:00+01:00">'
    cases = [('<p class="meta">Veröffentlicht am 10. Feb. 2025 von Jana Vogt</p>', stated,
              "date: 2025-02-10T09:00:00+01:00 from article:published_time"),
             ('<div class="byline">Von Jana Vogt am 10.02.2025</div>', "", "date: 2025-02-10 from "),
             ('<p class="entry-meta">Geschrieben von Jana Vogt am 10. Feb. 2025 · 4 Min. Lesezeit</p>', stated,
              "date: 2025-02-10T09:00:00+01:00 from article:published_time")]
    for n, (byline, meta, date) in enumerate(cases):
        page = tmp_path / f"magnesium{n}.html"
        page.write_text(FULL_PAGE.replace(stated, meta).format(byline=byline, example="z. B.", shy=""),
                        encoding="utf-8")
        out = project.run("import", "--dry-run", str(page)).output
        written = byline.split(">")[1].split("<")[0]
        assert f"left out the byline: {written}\n" in out and "left out (widget text?)" not in out, out
        assert n == 1 or "author (the byline's): Jana Vogt" in out  # trafilatura reads the second one's itself
        assert date in out and "author: Jana Vogt\n" in out
        assert out.split("---\n")[2].startswith("Magnesium entspannt die Muskeln."), out
    prose = "<p>Erschienen am 10. Februar 2025 in der Hauszeitung, jetzt auch hier.</p>"
    (tmp_path / "prosa.html").write_text(FULL_PAGE.format(byline=prose, example="z. B.", shy=""), encoding="utf-8")
    out = project.run("import", "--dry-run", str(tmp_path / "prosa.html")).output
    assert out.split("---\n")[2].startswith("Erschienen am 10. Februar 2025 in der Hauszeitung"), out
    assert "left out the byline" not in out and "author: " not in out


def _word_item(marker: str, text: str, level: int = 1, font: str = "Symbol") -> str:
    """A list paragraph as Word's "Save as Web Page" writes it: the marker typed out in an mso-list:Ignore span."""
    return (f"<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level{level} lfo1'>"
            f"<![if !supportLists]><span style='font-family:{font}'><span style='mso-list:Ignore'>{marker}"
            "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>"
            f"<![endif]>{text}<o:p></o:p></p>\n")


def test_word_list_paragraphs_become_markdown_lists_without_their_typed_markers(project, tmp_path):
    """Trial 15: Word's list paragraphs (MsoListParagraph, the bullet typed out before the text) became paragraphs
    whose msgid began with "•   " or "·"; its numbered ones kept "1." as text, its second level "o"."""
    page = tmp_path / "kamille.htm"
    page.write_text(
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta charset='utf-8'><title>Kamille im "
        "Alltag</title></head><body lang=DE><div class=WordSection1><h1>Kamille im Alltag</h1>\n"
        f"<p class=MsoNormal>{CARE} Die Kamille hilft vielen Menschen bei einem empfindlichen Magen.</p>\n"
        + _word_item("·", "Tee nach dem Essen") + _word_item("o", "mit Honig gesüßt", 2, "Courier New")
        + _word_item("·", "Dampfbad bei Erkältung")
        + f"<p class=MsoNormal>{CARE} So bereiten Sie das Dampfbad vor, Schritt für Schritt erklärt.</p>\n"
        + _word_item("1.", "Wasser kochen", font="Calibri") + _word_item("2.", "Blüten hineingeben", font="Calibri")
        + '<p class="MsoListParagraph">•&nbsp;&nbsp;&nbsp;Ruhig atmen</p>\n'
        + '<p class="MsoListParagraph">•&nbsp;&nbsp;&nbsp;Danach warm halten</p>\n'
        "</div></body></html>\n", encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/kamille-im-alltag.md").split("---\n", 2)[2]
    assert "- Tee nach dem Essen\n  - mit Honig gesüßt\n- Dampfbad bei Erkältung\n" in body
    assert "1. Wasser kochen\n2. Blüten hineingeben\n" in body
    assert "- Ruhig atmen\n- Danach warm halten\n" in body
    assert not any(mark in body for mark in ("·", "•", "\\.")), body
    assert "written as Markdown lists: 3 lists" in out


def test_word_lists_numbered_with_letters_or_roman_numerals_keep_their_place_and_say_so(project, tmp_path):
    """A Word list numbered "c)", "d)" or "ii.", "iii." became "1.", "2.": the place was lost without a word. Markdown
    numbers lists with digits only, so it is numbered from the same place ("3.", "2.") and a note says so."""
    page = tmp_path / "thymian.htm"
    page.write_text(
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta charset='utf-8'><title>Thymian bei "
        "Husten</title></head><body lang=DE><div class=WordSection1><h1>Thymian bei Husten</h1>\n"
        f"<p class=MsoNormal>{CARE} Thymian lindert den Hustenreiz, wenn man ihn richtig anwendet.</p>\n"
        + _word_item("c)", "Tee aufbrühen", font="Calibri") + _word_item("d)", "zehn Minuten ziehen lassen",
                                                                        font="Calibri")
        + f"<p class=MsoNormal>{CARE} Für das Inhalieren gilt eine andere Reihenfolge der Schritte.</p>\n"
        + _word_item("1.", "Wasser erhitzen", font="Calibri")
        + _word_item("ii.", "Schüssel vorbereiten", 2, "Calibri") + _word_item("iii.", "Handtuch bereitlegen", 2,
                                                                              "Calibri")
        + "</div></body></html>\n", encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/thymian-bei-husten.md").split("---\n", 2)[2]
    assert "3. Tee aufbrühen\n4. zehn Minuten ziehen lassen\n" in body
    assert "1. Wasser erhitzen\n   2. Schüssel vorbereiten\n   3. Handtuch bereitlegen\n" in body
    assert "numbered 1., 2. here (Markdown numbers lists only with digits): 2 lists" in out


WP_PAGE = """<!DOCTYPE html><html lang="de-DE"><head><meta charset="UTF-8"><title>{title} – Praxis Lind</title>
{stated}<meta name="generator" content="WordPress 6.4.2"></head>
<body class="single single-post"><nav><a href="/">Startseite</a> <a href="/kontakt/">Kontakt</a></nav>
<main><article class="post type-post"><header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">Veröffentlicht am <a href="#"><time class="entry-date published"
 datetime="2025-04-07T08:30:00+00:00">2025-04-07</time></a></span><span class="byline"> von <span
 class="author vcard"><a class="url fn n" href="/author/lena/">Lena Brandt</a></span></span></div></header>
<div class="entry-content">{paragraphs}</div></article></main>
<aside><h2>Neueste Beiträge</h2><ul><li><a href="/2025/03/minze/">Minze</a></li></ul></aside>
<footer>© 2025 Praxis Lind · <a href="/impressum/">Impressum</a></footer></body></html>
"""


def test_a_wordpress_entry_meta_byline_stays_out_of_short_and_long_posts(project, tmp_path):
    """Fresh-user trial: a saved WordPress post of three short paragraphs kept the theme's byline as its first
    paragraph ("Veröffentlicht am [2025-10-03](#) von [Eva Sommer](/author/eva/)"), a long one lost it unnamed. The
    entry-meta is read (its <time datetime>, its author link), left out of either and named in the summary."""
    short = "".join(f"<p>Melisse beruhigt, Absatz {n} von drei über den Tee am Abend.</p>" for n in range(3))
    long = "".join(f"<p>Melisse wächst gern im Halbschatten; Absatz {n} erzählt von Ernte, Trocknung und Tee, "
                   "mit genug Worten, dass die Seite lang wird und der Text weit über den Rand reicht.</p>"
                   for n in range(30))
    stated = '<meta property="article:published_time" content="2025-04-07T08:30:00+00:00">'
    for name, paragraphs, meta in (("kurz", short, stated), ("lang", long, stated), ("ohne", short, "")):
        page = tmp_path / f"{name}.html"
        page.write_text(WP_PAGE.format(title=f"Melisse {name}", stated=meta, paragraphs=paragraphs),
                        encoding="utf-8")
        out = project.run("import", "--dry-run", str(page)).output
        assert "left out the byline: Veröffentlicht am 2025-04-07 von Lena Brandt\n" in out, out
        assert "author: Lena Brandt\n" in out, out
        assert "date: 2025-04-07 08:30:00+00:00\n" in out, out  # its <time datetime> where no meta tag states it
        body = out.split("---\n")[2]
        assert body.startswith("Melisse "), body
        assert "Veröffentlicht" not in body and "Lena" not in body and "/author/" not in body, body


THEME_PAGE = """<!DOCTYPE html><html lang="de-DE"><head><meta charset="UTF-8"><title>{title} – Praxis Lind</title>
<link rel="canonical" href="https://praxis-lind.example/{slug}/"><meta name="generator" content="WordPress 6.4.2">
</head><body class="single"><nav><a href="/">Startseite</a> <a href="/kontakt/">Kontakt</a></nav>
<main><article class="post"><header class="entry-header"><h1 class="entry-title">{title}</h1>{byline}</header>
<div class="entry-content">{paragraphs}</div>
<footer class="entry-footer"><span class="cat-links">Veröffentlicht in <a href="/category/kraeuter/"
 rel="category tag">Kräuter</a></span><span class="tags-links">Schlagwörter: <a href="/tag/schlaf/"
 rel="tag">Schlaf</a></span></footer></article></main>
<aside><h2>Neueste Beiträge</h2><ul><li><a href="/2025/03/minze/">Minze</a></li></ul></aside></body></html>
"""
POSTED_ON = ('<span class="posted-on">Veröffentlicht am <a href="#"><time class="entry-date published" '
             'datetime="2025-04-07T08:30:00+00:00">7. April 2025</time></a></span>')
BY = ('<span class="byline"> von <span class="author vcard"><a class="url fn n" href="/author/lena/">Lena Brandt</a>'
      "</span></span>")


def test_other_themes_bylines_and_an_entry_footer_of_categories_stay_out_of_the_post(project, tmp_path):
    """Trial t2: only the first <div class="entry-meta"> was read as the byline. Divi's post-meta, Hybrid's
    entry-byline, a byline paragraph and Underscores' posted-on and byline spans without that div (each of them)
    stayed in the post as its first paragraph; the entry-footer of categories and tags was named as widget text
    three times. Each is left out and named, the date and author taken from it; on an Impressum the theme's
    entry-meta is no byline: left out, named as the theme's, its author not taken."""
    short = "".join(f"<p>Melisse beruhigt, Absatz {n} von drei über den Tee am Abend.</p>" for n in range(3))
    for name, byline in (("divi", '<p class="post-meta">von Lena Brandt | 7. April 2025</p>'),
                         ("hybrid", f'<div class="entry-byline">{POSTED_ON}{BY}</div>'),
                         ("byline", '<p class="byline">Veröffentlicht am 7. April 2025 von Lena Brandt</p>'),
                         ("underscores", POSTED_ON + BY)):
        page = tmp_path / f"{name}.html"
        page.write_text(THEME_PAGE.format(title=f"Melisse {name}", slug=name, byline=byline, paragraphs=short),
                        encoding="utf-8")
        out = project.run("import", "--dry-run", str(page)).output
        assert "left out the byline: " in out and "author: Lena Brandt\n" in out, out
        assert "date: 2025-04-07\n" in out or "date: 2025-04-07 " in out, out
        assert "left out the categories and tags under the post: Veröffentlicht in Kräuter Schlagwörter: Schlaf\n" \
            in out and "widget text" not in out, out
        body = out.split("---\n")[2]
        assert body.startswith("Melisse "), body
        assert "Lena" not in body and "Veröffentlicht" not in body and "Kräuter" not in body, body
    page = tmp_path / "impressum.html"
    page.write_text(THEME_PAGE.format(title="Impressum", slug="impressum", paragraphs="<p>Praxis Lind, Am Bach 3, "
                                      "12345 Musterstadt. Telefon 0123 456789.</p>",
                                      byline=f'<div class="entry-meta">{POSTED_ON}{BY}</div>'), encoding="utf-8")
    out = project.run("import", "--dry-run", str(page)).output
    assert "a legal page (impressum)" in out and "left out the byline" not in out, out
    assert ("left out the theme's date and author line (a legal page has no byline): Veröffentlicht am 7. April "
            "2025 von Lena Brandt\n") in out, out
    body = out.split("---\n")[2]
    assert body.startswith("Praxis Lind, Am Bach 3") and "Lena" not in body, body


def test_a_legal_page_takes_no_author_from_the_page_s_metadata_nor_a_byline(project, tmp_path):
    """An SEO plugin names the blog's author in every page's <meta name="author">, the Impressum's too: the import
    wrote her as the legal page's ``author:`` (a page of the practice, which shows no byline, and which the site's
    structured data would then credit to her). A legal page gets no author, from the metadata or a theme's line,
    and the note says whose was left out; a post of the same theme keeps its author."""
    for slug, title, paragraphs, byline in (
            ("impressum", "Impressum", "<p>Praxis Lind, Am Bach 3, 12345 Musterstadt. Telefon 0123 456789.</p>",
             ""),
            ("datenschutz", "Datenschutzerklärung", "<p>Wir speichern keine Daten über Ihren Besuch dieser Seite, "
             "auch keine Adressen.</p>", '<p class="byline">Veröffentlicht am 7. April 2025 von Lena Brandt</p>')):
        page = tmp_path / f"{slug}.html"
        page.write_text(THEME_PAGE.format(title=title, slug=slug, paragraphs=paragraphs, byline=byline).replace(
            "<head>", '<head><meta name="author" content="Lena Brandt">'), encoding="utf-8")
        out = project.run("import", "--dry-run", str(page)).output
        assert "a legal page (" in out and "author left out: Lena Brandt (a legal page has no byline)\n" in out, out
        front = out.split("---\n")[1]
        assert "author" not in front and "title: " in front, out
    post = tmp_path / "melisse.html"
    post.write_text(THEME_PAGE.format(title="Melisse", slug="melisse", byline="", paragraphs="<p>Melisse beruhigt "
                                      "am Abend, als Tee oder im Bad, und schmeckt nach Zitrone.</p>").replace(
        "<head>", '<head><meta name="author" content="Lena Brandt">'), encoding="utf-8")
    out = project.run("import", "--dry-run", str(post)).output
    assert "author: Lena Brandt\n" in out.split("---\n")[1] and "author left out" not in out, out


def test_a_link_whose_address_pages_refuse_keeps_its_text_and_is_named(project, tmp_path):
    """markdown-it links no javascript:, vbscript:, file: or data: address but an image's: written as Markdown,
    the page would show '[Rezept ansehen](javascript:alert(3))' as text. Its text stays, the link goes, named."""
    page = tmp_path / "salbe.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Salbe</title></head><body><article><h1>Salbe</h1>'
        f'<p>{CARE}</p><p><a href="JavaScript:alert(3)">Rezept ansehen</a> und '
        '<a href="VBScript:msg()">Etikett</a>, <a href="file:///C:/rezept.pdf">als PDF</a>, '
        '<a href="data:text/html,<b>x</b>">Vorschau</a> oder <a href="data:image/png;base64,iVBORw0KGgo=">Bild</a> '
        'und <a href="https://kraeuter.example/rezept/">das Rezept</a>.</p></article></body></html>',
        encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/salbe.md").split("---\n", 2)[2]
    assert "Rezept ansehen und Etikett, als PDF, Vorschau oder [Bild](data:image/png;base64,iVBORw0KGgo=) und " \
           "[das Rezept](https://kraeuter.example/rezept/)." in body
    assert "javascript" not in body.lower() and "](" not in body.split("[Bild]")[0]
    for address, text in [("JavaScript:alert(3)", "Rezept ansehen"), ("VBScript:msg()", "Etikett"),
                          ("file:///C:/rezept.pdf", "als PDF"), ("data:text/html,<b>x</b>", "Vorschau")]:
        assert f"  link left out, its text kept: {address} ({text!r}): an address that runs code" in out
    assert "'Bild'" not in out


def test_an_entry_footer_of_labelled_category_and_tag_links_is_named_as_such(project, tmp_path):
    """Trial 6: a theme's entry-footer without Underscores' spans, "Kategorien: <a rel="category tag">…</a>", was
    named as widget text twice ('Kategorien::'); it is the post's categories and tags, named so. A footer with a
    sentence of its own is not."""
    short = "".join(f"<p>Ingwer wärmt, Absatz {n} von drei über den Tee am Abend.</p>" for n in range(3))
    page = tmp_path / "ingwer.html"
    page.write_text(THEME_PAGE.format(title="Ingwer", slug="ingwer", byline="", paragraphs=short).replace(
        THEME_PAGE[THEME_PAGE.index('<footer'):THEME_PAGE.index('</footer>')],
        '<footer class="entry-footer">Kategorien: <a href="/category/heilpflanzen/" rel="category tag">'
        'Heilpflanzen</a> · Schlagwörter: <a href="/tag/tee/" rel="tag">Tee</a>, <a href="/tag/winter/" rel="tag">'
        'Winter</a>'), encoding="utf-8")
    out = project.run("import", "--dry-run", str(page)).output
    assert "  left out the categories and tags under the post: Kategorien: Heilpflanzen · Schlagwörter: Tee, " \
           "Winter\n" in out and "widget text" not in out, out
    body = out.split("---\n")[2]
    assert body.startswith("Ingwer wärmt") and "Heilpflanzen" not in body and "Kategorien" not in body, body
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Kategorien: ", "Mehr über Ingwer und seine Wirkung lesen Sie unter "), encoding="utf-8")
    assert "categories and tags under the post" not in project.run("import", "--dry-run", str(page)).output


def test_counters_after_the_post_body_inside_its_article_are_left_out(project, tmp_path):
    """Trial 6: a Wix page's "12 Aufrufe" and "0 Kommentare", each its own <div> after the post's body inside
    <article>, became the article's last two paragraphs, though README says such footers are left out."""
    page = tmp_path / "linde.html"
    page.write_text(
        '<html lang="de"><head><meta charset="utf-8"><title>Linde</title></head><body><article>'
        '<div data-hook="post-title"><h1>Linde</h1></div><div data-hook="post-description"><div class="rich">'
        f'<p>Im Juni duften die Linden am Abend.</p><p>{CARE}</p><h2>Wo und wann</h2><p>{CARE}</p>'
        '<ul><li><p>im Schatten trocknen</p></li><li><p>dunkel lagern</p></li></ul></div></div>'
        '<div>12 Aufrufe</div><div>0 Kommentare</div></article></body></html>', encoding="utf-8")
    project.run("import", str(page))
    body = project.read("source_de/linde.md").split("---\n", 2)[2]
    assert body.rstrip().endswith("- dunkel lagern"), body
    assert "Aufrufe" not in body and "Kommentare" not in body, body


def test_a_saved_pages_image_that_is_not_there_is_not_found_and_a_root_relative_one_goes_to_the_old_host(
        project, tmp_path):
    """Trial 6: '<img src="x.png">' without such a file was 'left at its old address', which it never had; a
    root-relative '/wp-content/uploads/…' image kept its path, which the new site's host does not answer. The
    first is not found; the second goes to the host the page names (canonical, og:url, <base>), said; without
    one it is not found either. Trial 9: one not found was named so and still written, ``![Tiegel](x.png)``, a
    broken image on every language's page: it is left out, its alt text kept as text, and the summary says so."""
    page = tmp_path / "hagebutte.html"
    head = '<link rel="canonical" href="https://kraeuter.example/2024/10/hagebutten/">'
    html = ('<html lang="de"><head><meta charset="utf-8"><title>Hagebutten</title>{head}</head><body><article>'
            f'<h1>Hagebutten</h1><p>{CARE}</p><p><img src="/wp-content/uploads/2024/10/mus.jpg" alt="Mus"></p>'
            f'<p>{CARE}</p><p><img src="x.png" alt="Tiegel"></p><p>Das Mus hält eine Woche.</p></article></body></html>')
    for name, tag in (("canonical", head), ("base", '<base href="https://kraeuter.example/">'),
                      ("og", '<meta property="og:url" content="https://kraeuter.example/hagebutten/">')):
        page.write_text(html.format(head=tag), encoding="utf-8")
        out = project.run("import", "--dry-run", str(page)).output
        assert "![Mus](https://kraeuter.example/wp-content/uploads/2024/10/mus.jpg)" in out, (name, out)
        assert "  image left at its old address: https://kraeuter.example/wp-content/uploads/2024/10/mus.jpg " \
               "(written /wp-content/uploads/2024/10/mus.jpg, a path on the old site's host)" in out, (name, out)
        assert ("  image not found: x.png (no such file in the saved page's folder): left out, its alt text "
                "'Tiegel' kept as text; save it into bilder/ and add it there (![Tiegel](bilder/x.png))") in out, out
        assert "\n\nTiegel\n\nDas Mus hält" in out and "](x.png)" not in out and "not kept: x.png" not in out, out
        assert "old address: x.png" not in out, out
    page.write_text(html.format(head=""), encoding="utf-8")
    out = project.run("import", "--dry-run", str(page)).output
    assert "  image not found: /wp-content/uploads/2024/10/mus.jpg (on the page's old host, which the page does " \
           "not name): left out, its alt text 'Mus' kept as text" in out and "left at its old address" not in out, out


def test_a_script_in_the_article_is_named_as_code_not_as_widget_text(project, tmp_path):
    """Trial 6: a <script> inside <article> was named 'left out (widget text?): alert(5): add it by hand if it
    belongs', as if it were words of the page; it is named as the page's code, and stays out."""
    page = tmp_path / "salbe.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Salbe</title></head><body><article><h1>Salbe</h1>'
        f'<p>{CARE}</p><h2>Zutaten</h2><p>{CARE}</p><script>alert(5)</script><style>p {{ color: red }}</style>'
        '</article></body></html>', encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "  left out a <script> (code of the page, no text of the article): alert(5)\n" in out, out
    assert "widget text" not in out and "alert" not in project.read("source_de/salbe.md"), out


def test_a_meta_author_that_is_no_name_is_left_out_and_said_why(project, tmp_path):
    """Trial 6: a crafted <meta name="author"> (markup in it) was dropped, and the summary said verlag.toml's
    author was taken since 'the source names none'. It says why the page's was not taken."""
    project.write("verlag.toml", project.read("verlag.toml") + 'author = "Jana Vogt"\n')
    page = tmp_path / "salbe.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Salbe</title>'
        '<meta name="author" content="Eva &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"></head><body><article>'
        f'<h1>Salbe</h1><p>{CARE}</p><h2>Zutaten</h2><p>{CARE}</p></article></body></html>', encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "  author left out: 'Eva \"><img src=x onerror=alert(2)>' of <meta name=\"author\"> is no name (it " \
           "holds markup)\n" in out, out
    assert "  author: Jana Vogt from verlag.toml (the source's was left out)\n" in out, out
    assert "onerror" not in project.read("source_de/salbe.md")


CALL_PAGE = ('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Rückenschmerzen | Praxis Sonnenhof'
             '</title></head><body><header><a href="/">Praxis Sonnenhof</a><nav><a href="/blog/">Blog</a> '
             '<a href="/kontakt/">Kontakt</a></nav></header><div id="cookie-banner">Wir verwenden Cookies, um Ihr '
             'Erlebnis zu verbessern. <button>Alle akzeptieren</button></div><main><article><h1>Rückenschmerzen</h1>'
             '<p>Seit der Pandemie arbeiten viele Menschen von zu Hause. Das belastet den unteren Rücken.</p>'
             f'<p>{CARE}</p><p>Rufen Sie uns an, wir beraten Sie gern.{{code}} Jetzt <strong>Termin vereinbaren'
             '</strong>!</p></article></main><footer><p>© 2024 Praxis Sonnenhof · <a href="/impressum">Impressum</a>'
             '</p></footer></body></html>\n')


@pytest.mark.parametrize("code", ["<script>track()</script>", "<style>.cta { color: red }</style>"],
                         ids=["script", "style"])
def test_a_paragraph_with_an_inline_script_stays_whole_and_the_script_is_named(project, tmp_path, code):
    """Fresh-user trial 23: a saved page's paragraph holding an inline ``<script>`` was missing from the article and
    named only in scrambled pieces as widget text ("…gern. Jetzt !", "Termin vereinbaren"), and the page's menu,
    cookie banner and footer were named as widget text too: the paragraph's text held the script's code, which
    trafilatura's never does, so it matched no text of the article. The code is left out and named; the text
    stays whole, and the page's furniture is left out as on a page without the script."""
    page = tmp_path / "rueckenschmerzen.html"
    page.write_text(CALL_PAGE.format(code=code), encoding="utf-8")
    out = project.run("import", "--dry-run", str(page)).output
    assert "Rufen Sie uns an, wir beraten Sie gern. Jetzt **Termin vereinbaren**!\n" in out
    assert "widget text" not in out and "may read differently" not in out
    assert "track()" not in out.split("\n---\n", 1)[1] and "color: red" not in out.split("\n---\n", 1)[1]
    if code.startswith("<script"):
        assert "left out: an inline script (tracking or counter code?)" in out


def test_a_script_inside_the_pages_heading_is_no_part_of_the_title_or_the_slug(project, tmp_path):
    """Trial 24: a saved page's ``<h1>Salbei <script>alert(3)</script>gegen Halsweh</h1>`` became the title "Salbei
    alert(3)gegen Halsweh" and the slug salbei-alert-3-gegen-halsweh: trafilatura's metadata read the heading's
    text with the script's code. The title is the heading as a browser shows it."""
    page = tmp_path / "salbei.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Salbei gegen Halsweh</title>'
                    '</head><body><article><h1>Salbei <script>alert(3)</script>gegen Halsweh</h1>'
                    "<p>Salbei ist ein bewährtes Mittel bei Halsweh. Er wirkt entzündungshemmend und beruhigt die "
                    "Schleimhaut.</p><p>Gurgeln Sie dreimal täglich mit einem lauwarmen Aufguss.</p>"
                    "</article></body></html>", encoding="utf-8")
    out = project.run("import", "--dry-run", str(page)).output
    assert "would write source_de/salbei-gegen-halsweh.md" in out and "\ntitle: Salbei gegen Halsweh\n" in out, out
    assert "alert" not in out


def test_a_saved_pages_time_in_utc_is_on_the_projects_clock_as_the_same_posts_feed_entry_is(tmp_path):
    """Fresh-user trial 27: a saved Wix page stating ``article:published_time`` 2026-02-03T23:30:00Z was written
    ``date: 2026-02-03 23:30:00+00:00`` (shown "3. Februar 2026"), while the same post from the blog's feed got
    ``2026-02-04 00:30:00+01:00``, verlag.toml's ``timezone``, as its comment promises. A saved page's time in UTC
    is that moment on the project's clock too, its updated time as well, and the summary says so."""
    berlin = Project(tmp_path / "berlin")
    berlin.write("verlag.toml", 'name = "P"\nsource_language = "de"\nlanguages = ["en"]\ntimezone = "Europe/Berlin"\n')
    page = tmp_path / "spaet.html"
    page.write_text(WIX_SAVED.replace("2023-06-13T22:30:00.000Z", "2026-02-03T23:30:00.000Z").replace(
        '<span data-hook="time-ago">14. Juni 2023</span>', '<span data-hook="time-ago">3. Feb.</span>').replace(
        "</head>", '<meta property="article:modified_time" content="2026-02-05T11:00:00.000Z"></head>'),
        encoding="utf-8")
    feed = tmp_path / "blog-feed.xml"
    feed.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>P</title>'
                    "<link>https://www.praxis-am-bach.example/blog</link><item><title>Im Feed</title>"
                    "<link>https://www.praxis-am-bach.example/post/im-feed</link>"
                    "<pubDate>Tue, 03 Feb 2026 23:30:00 GMT</pubDate><description>Ein Satz im Feed.</description>"
                    "</item></channel></rss>", encoding="utf-8")
    out = berlin.run("import", str(page), str(feed)).output
    saved = berlin.read("source_de/holunderblueten-sammeln.md")
    assert "\ndate: 2026-02-04 00:30:00+01:00\nupdated: 2026-02-05 12:00:00+01:00\n" in saved
    assert "\ndate: 2026-02-04 00:30:00+01:00\n" in berlin.read("source_de/im-feed.md")
    assert ("date: 2026-02-04T00:30:00+01:00 from article:published_time, in verlag.toml's timezone "
            "(article:published_time states it in UTC)") in out


def test_a_saved_pages_description_loses_its_scripts_code_and_says_so(project, tmp_path):
    """Fresh-user trial 27: ``<meta name="description" content="… &lt;script&gt;alert(1)&lt;/script&gt;">``
    became ``summary: Ein scharfer Start in den Tag alert(1)``, silently. The script's code is left out whole and
    the summary says so, as it does for a title's markup."""
    page = tmp_path / "spaet.html"
    page.write_text(WIX_SAVED.replace("</head>", '<meta name="description" content="Ein scharfer Start in den Tag '
                                      '&lt;script&gt;alert(1)&lt;/script&gt;"></head>'), encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "\nsummary: Ein scharfer Start in den Tag\n" in project.read("source_de/holunderblueten-sammeln.md")
    assert ("summary: Ein scharfer Start in den Tag (its markup and the code of its <script> left out of 'Ein "
            "scharfer Start in den Tag <script>alert(1)</script>': a summary is plain text)") in out


def test_a_tracking_pixel_of_a_saved_page_is_named_once_as_left_out(project, tmp_path):
    """Fresh-user trial 27: a saved page's ``<img src="https://tracker.example/pixel.gif" width="1" height="1">``
    was named twice, and the lines contradicted each other: "image (…pixel.gif) not kept: a 1×1 pixel image: a
    spacer or a tracking pixel" and "image not kept: https://tracker.example/pixel.gif: add it by hand". One line
    says it, the first one's."""
    page = tmp_path / "pixel.html"
    page.write_text(WIX_SAVED.replace(
        "verlieren ihr Aroma.</span>", 'verlieren ihr Aroma.</span><img src="https://tracker.example/pixel.gif" '
        'width="1" height="1" alt="">'), encoding="utf-8")
    out = project.run("import", str(page)).output
    assert [line for line in out.splitlines() if "pixel.gif" in line] == [
        "  image (https://tracker.example/pixel.gif) not kept: a 1×1 pixel image: a spacer or a tracking pixel, "
        "which shows nothing"]
    assert "pixel.gif" not in project.read("source_de/holunderblueten-sammeln.md")


def test_a_saved_pages_heading_id_is_kept_as_an_anchor_only_where_the_page_links_to_it(project, tmp_path):
    """A saved page's headings carry the ids its site generated (Wix's ``id="viewer-b7k3"``), which nobody
    links to: an anchor above each would be noise in the author's file. One the page's own table of contents
    links to (``<a href="#zubereitung">`` to ``<h2 id="zubereitung">Tee zubereiten</h2>``) is kept, so that link
    still finds its heading (verlag's id of it is ``#tee-zubereiten``)."""
    page = tmp_path / "t.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Lindenblüten</title>'
        '<meta property="article:published_time" content="2025-06-03T07:45:00+02:00"></head><body><article>'
        '<h1>Lindenblüten</h1><p>Direkt zur <a href="#zubereitung">Zubereitung</a>.</p>'
        '<h2 class="mm8Nw _1j-51 _1FoOD" dir="auto" id="viewer-b7k3">Wann blüht die Linde?</h2>'
        f'<p>{CARE}</p><h2 id="zubereitung">Tee zubereiten</h2><p>Zwei Teelöffel auf eine Tasse.</p>'
        '</article></body></html>', encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/lindenblueten.md").split("---\n", 2)[2]
    assert "viewer-b7k3" not in body, body
    assert '\n\n<div id="zubereitung"></div>\n\n## Tee zubereiten\n\nZwei Teelöffel' in body, body
    assert "#zubereitung (Tee zubereiten)" in out, out


def test_a_saved_page_of_site_navigation_alone_is_no_article(project, tmp_path):
    """Trial 34: a saved page holding only the site's menu (Wix's ``<div id="SITE_CONTAINER"><nav>…``) was read as
    copied text in an HTML wrapper and became source_de/home.md titled ``<nav><a href="/">Home</a></nav>``. It is a
    page with no article, as an empty one is: an error naming it, nothing written."""
    page = tmp_path / "d-nurmenue.html"
    page.write_text('<html><body><div id="SITE_CONTAINER"><nav><a href="/">Home</a></nav></div></body></html>',
                    encoding="utf-8")
    out = project.run("import", str(page), code=2).output
    assert f"error: {page}:1: no article found in this page" in out, out
    assert not list((project.root / "source_de").glob("home*.md"))


WIX_BARE_LIST = """<!DOCTYPE html>
<html lang="de"><head><title>Blog | Praxis Lindner</title></head>
<body><div id="SITE_CONTAINER"><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>
<div data-hook="post-list"><a href="/post/a"><h2>Erster Beitrag</h2></a><a href="/post/b"><h2>Zweiter Beitrag</h2></a>\
</div></div></body></html>"""


def test_a_wix_list_of_bare_title_links_is_a_list_of_posts_naming_their_addresses(project, tmp_path):
    """Trial 34: Wix's blog page whose list holds only each post's title, a heading inside its link, was imported
    as an article ``[## Erster Beitrag](/post/a)…`` with "##" visible. It is a list of posts: an error that names
    the posts' addresses, so the author can save and import each; a post with such a list of related posts under
    its text stays an article."""
    page = tmp_path / "blogliste.html"
    page.write_text(WIX_BARE_LIST, encoding="utf-8")
    out = project.run("import", str(page), code=2).output
    assert (f"error: {page}:4: a list of 2 posts (the blog's page, a category's or an archive), no article: import "
            "each post's own page, saved from its address (/post/a, /post/b)") in out, out
    assert not list((project.root / "source_de").glob("blog*.md"))
    saved = tmp_path / "Blog.html"  # as Chrome saves it: the address it came from makes the posts' addresses whole
    saved.write_text(WIX_BARE_LIST.replace("<!DOCTYPE html>\n", "<!DOCTYPE html>\n<!-- saved from url=(0035)"
                                           "https://www.praxis-lindner.de/blog -->\n"), encoding="utf-8")
    out = project.run("import", str(saved), code=2).output
    assert "saved from its address (https://www.praxis-lindner.de/post/a, https://www.praxis-lindner.de/post/b)" \
        in out, out
    post = tmp_path / "post.html"
    post.write_text(WIX_BARE_LIST.replace("<title>Blog | Praxis Lindner</title>", "<title>Lavendel</title>").replace(
        '<div data-hook="post-list">', "<article><h1>Lavendel</h1><p>Wer schlecht schläft, greift oft zu Tabletten. "
        "Dabei gibt es sanftere Wege, zum Beispiel Lavendel als Tee am Abend.</p></article><div>"), encoding="utf-8")
    project.run("import", str(post))
    assert (project.root / "source_de/lavendel.md").is_file()


def test_a_saved_pages_paragraph_id_is_kept_as_an_anchor_only_where_the_page_links_to_it(project, tmp_path):
    """As a heading's: a saved Wix post gives every paragraph an id its site generated (``<p id="viewer-a1x2y">``),
    which nobody links to, and none is kept; one the page's own footnote-like link leads to (``<a
    href="#quelle">`` to ``<p id="quelle">``) was dropped with them, so that link led nowhere: it is kept as an
    empty ``<div id>`` above the paragraph."""
    page = tmp_path / "t.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Lindenblüten</title>'
        '<meta property="article:published_time" content="2025-06-03T07:45:00+02:00"></head><body><article>'
        '<h1>Lindenblüten</h1><p class="mm8Nw" dir="auto" id="viewer-a1x2y">Lindenblütentee wirkt schweiß'
        'treibend (<a href="#quelle">Quelle</a>).</p>'
        f'<p class="mm8Nw" dir="auto" id="viewer-c3d4">{CARE}</p>'
        '<p id="quelle">Quelle: Kommission E, Monographie Tiliae flos.</p></article></body></html>',
        encoding="utf-8")
    out = project.run("import", str(page)).output
    body = project.read("source_de/lindenblueten.md").split("---\n", 2)[2]
    assert "viewer-" not in body, body
    assert '\n\n<div id="quelle"></div>\n\nQuelle: Kommission E' in body, body
    assert "#quelle (Quelle: Kommission E, Monographie Tilia…)" in out, out


@pytest.mark.parametrize("marked", [True, False])
def test_a_saved_wix_posts_image_caption_is_the_paragraph_below_its_image_not_widget_text(project, tmp_path, marked):
    """Trial 34: the caption a Wix author wrote under an image (a ``<span>`` after the image's viewer in its
    ``data-hook="figure-IMAGE"`` block, ``data-hook="imageViewerCaption"`` where Wix marks it) is left out by
    trafilatura, and the import named it "left out (widget text?): Lavendel blüht von Juni bis August: add it by
    hand". It is the paragraph below its image now, named once in the summary (data/import/wix-lavendel.html is
    the page as the browser saved it; without the mark as an older save holds it)."""
    html = (Path(__file__).parent / "data/import/wix-lavendel.html").read_text(encoding="utf-8")
    page = tmp_path / "lav2.html"
    page.write_text(html if marked else html.replace(' data-hook="imageViewerCaption"', ""), encoding="utf-8")
    out = project.run("import", str(page)).output
    text = project.read("source_de/schlaf-besser-mit-lavendel-tipps.md")
    assert "Lavendelfeld in der Provence\n\nLavendel blüht von Juni bis August\n\nMehr über Schlaf" in text, text
    assert text.count("Lavendel blüht") == 1, text
    assert "widget text" not in out, out
    assert out.count("Lavendel blüht von Juni bis August") == 1, out
    assert "image captions kept as the paragraph below their image: Lavendel blüht von Juni bis August" in out, out

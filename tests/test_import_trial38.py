"""``verlag import`` defects fresh-user trial 38 found: shortcodes written over several lines, bylines with a
date label, Word's nested lists and manual line breaks, a saved Jimdo page, front matter read as extract reads it,
a Hugo page bundle on its own, and notes for what an import used to pass over silently."""

from __future__ import annotations

from pathlib import Path

from test_import_sites import tree
from test_import_wordpress import export, post

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def body_of(project, name: str) -> str:
    return project.read(f"source_de/{name}").split("---\n", 2)[2]


def test_a_hugo_shortcode_over_several_lines_is_converted_as_one_on_a_line_is(project, tmp_path):
    """Trial 38, finding 1: a figure whose parameters are on the lines below ``{{< figure`` stayed as text (the
    page showed it, ``>}}`` made a block quote, the image was not copied, nothing warned). Each shortcode the import
    knows (figure, video, note box) is converted so, and one it does not know is named at its line as kept as text."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/arnika.md": (
            "---\ntitle: Arnika\ndate: 2024-08-08\n---\n\nArnika hilft.\n\n"
            '{{< figure\n    src="/images/arnika.jpg"\n    alt="Arnikablüte"\n    caption="Arnika montana"\n>}}\n\n'
            "{{% notice\n    warning %}}\nNicht auf offene Wunden.\n{{% /notice %}}\n\n"
            "{{< youtube\n  id=dQw4w9WgXcQ\n  title=\"Video\" >}}\n\n"
            "{{< gist\n  anna\n  4e1b2c\n>}}\n\nEnde.\n"),
    })
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/arnika.jpg").write_bytes(JPEG)
    out = project.run("import", str(site)).output
    body = body_of(project, "arnika.md")
    assert body == ("Arnika hilft.\n\n![Arnikablüte](bilder/arnika.jpg)\n\nArnika montana\n\n"
                    "> **Warnung:**\n> Nicht auf offene Wunden.\n\n"
                    "[Video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n{{< gist anna 4e1b2c >}}\n\nEnde.\n")
    assert "line 8: Hugo figure /images/arnika.jpg as an image with its caption below it" in out
    assert (project.root / "source_de/bilder/arnika.jpg").read_bytes() == JPEG
    assert f"kept as text ({site / 'content/posts/arnika.md'}:23)" in out


def test_a_byline_with_stand_is_the_date_and_von_the_author(project, tmp_path):
    """Trial 38, finding 2: "Stand: 5.12.2026 – von Dr. med. Sabine Lindner" gave the author "Stand: 5.12.2026" and
    no date. "Stand:" labels a date (the article's date alone, ``updated`` beside another), "von …" the author."""
    (tmp_path / "heu.txt").write_text("Heuschnupfen lindern\n\nStand: 5.12.2026 – von Dr. med. Sabine Lindner\n\n"
                                      "Wenn im Frühjahr die Pollen fliegen, leiden viele unter Heuschnupfen.\n",
                                      encoding="utf-8")
    (tmp_path / "zink.txt").write_text("Zinkmangel erkennen\n12. März 2025 | Stand: 5.12.2026\n\n"
                                       "Zink ist wichtig für das Immunsystem.\n\nStand: Juli ist es warm.\n",
                                       encoding="utf-8")
    out = project.run("import", str(tmp_path / "heu.txt"), str(tmp_path / "zink.txt")).output
    heu = project.read("source_de/heuschnupfen-lindern.md")
    assert "author: Dr. med. Sabine Lindner\ndate: 2026-12-05\n" in heu and "Stand" not in heu
    assert "no date found" not in out
    zink = project.read("source_de/zinkmangel-erkennen.md")
    assert "date: 2025-03-12\nupdated: 2026-12-05\n" in zink and "author" not in zink
    assert zink.endswith("Zink ist wichtig für das Immunsystem.\n\nStand: Juli ist es warm.\n")


def test_words_nested_list_in_copied_text_is_a_nested_list(project, tmp_path):
    """Trial 38, finding 3: Word copies a nested list as "1.<tab>Item" then "<tab>a)<tab>sub" (or "<tab>o<tab>sub"
    under "•" items); those lines became a table of two columns ("| a) | steril verpackt |"). They are a nested
    list now, numbered under a numbered item, bulleted under a bullet."""
    (tmp_path / "urlaub.txt").write_text(
        "Hausapotheke für den Urlaub\n\nDas gehört hinein:\n\n1.\tPflaster und Verband\n\ta)\tsteril verpackt\n"
        "\tb)\tin verschiedenen Größen\n2.\tDesinfektionsmittel\n3.\tMittel gegen Durchfall\n\n"
        "Tipps für die Nacht:\n\n•\tKein Kaffee nach 14 Uhr\n•\tFeste Schlafenszeiten\n\to\tauch am Wochenende\n"
        "\to\tauch im Urlaub\n\nDenken Sie auch an Ihre eigenen Medikamente.\n", encoding="utf-8")
    out = project.run("import", str(tmp_path / "urlaub.txt")).output
    assert body_of(project, "hausapotheke-fuer-den-urlaub.md") == (
        "Das gehört hinein:\n\n1. Pflaster und Verband\n   1. steril verpackt\n   2. in verschiedenen Größen\n"
        "2. Desinfektionsmittel\n3. Mittel gegen Durchfall\n\nTipps für die Nacht:\n\n"
        "- Kein Kaffee nach 14 Uhr\n- Feste Schlafenszeiten\n  - auch am Wochenende\n  - auch im Urlaub\n\n"
        "Denken Sie auch an Ihre eigenen Medikamente.\n")
    assert "table" not in out and "lines 5-9: a nested list" in out and "check any 'see b)' in the text" in out


def test_words_manual_line_break_in_copied_text_is_a_hard_break(project, tmp_path):
    """Trial 38, finding 4: Word's manual line break (Shift+Enter) copies as U+000B, which the import deleted,
    gluing "Abwehr.Beginnen". It is a hard break in a paragraph or list item, a space in the title or a heading."""
    (tmp_path / "vt.txt").write_bytes(
        "Wechsel\x0bduschen\n\nWechselduschen stärken die Abwehr.\x0bBeginnen Sie immer warm.\n\n"
        "Kurze Zeile\x0bmit Bruch\n\nEin langer Absatz folgt hier, der die Zeile davor zur Überschrift macht.\n\n"
        "- eins\x0bzwei\n- drei\n".encode())
    project.run("import", str(tmp_path / "vt.txt"))
    text = project.read("source_de/wechsel-duschen.md")
    assert "title: Wechsel duschen\n" in text
    assert text.split("---\n", 2)[2] == (
        "Wechselduschen stärken die Abwehr.\\\nBeginnen Sie immer warm.\n\n## Kurze Zeile mit Bruch\n\n"
        "Ein langer Absatz folgt hier, der die Zeile davor zur Überschrift macht.\n\n- eins\\\n  zwei\n- drei\n")


JIMDO = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Brennnessel-Kur | Naturheilpraxis</title>
<link rel="canonical" href="https://praxis.jimdofree.com/blog/brennnessel-kur/"></head>
<body>
<div class="navigation"><a href="/">Home</a> <a href="/blog/">Blog</a> <a href="/kontakt/">Kontakt</a></div>
<div id="content_area">
<div class="j-module n j-header"><h1>Brennnessel-Kur im Frühjahr</h1></div>
<div class="j-module n j-text">
<p><span style="font-size: 14px;">Die Brennnessel ist ein echtes <em>Multitalent.<br><br>Im Frühjahr</em>, \
wenn die jungen Triebe sprießen, eignet sie sich für eine Kur von ca.&nbsp;4&nbsp;Wochen.<br><br>\
<strong>So geht's:</strong><br>- 3 Tassen Tee täglich<br>- viel Wasser trinken<br><br>\
Achtung: Bei Herzschwäche vorher mit dem Arzt sprechen!</span></p>
</div>
<div class="j-module n j-text"><p>Praxis Lindner<br>Hauptstraße 1<br>12345 Musterstadt</p></div>
</div>
<div class="j-comment"><h2>Kommentar schreiben</h2><p>Kommentare: 0</p></div>
</body></html>"""


def test_a_jimdo_pages_br_br_lines_are_paragraphs_its_dash_lines_a_list_and_its_comment_box_left_out(project,
                                                                                                       tmp_path):
    """Trial 38, finding 5: Jimdo writes a text module as one ``<p>`` whose paragraphs end in ``<br><br>``; it became
    one paragraph of hard breaks with escaped "\\\\- " lines. Two breaks separate paragraphs now (an inline element
    open across them goes on in the next), "- " lines are a list, single breaks stay hard breaks (an address), and
    the comment box ("Kommentar schreiben", "Kommentare: 0") is left out as widget text."""
    (tmp_path / "jimdo.html").write_text(JIMDO, encoding="utf-8")
    out = project.run("import", str(tmp_path / "jimdo.html")).output
    assert body_of(project, "brennnessel-kur-im-fruehjahr.md") == (
        "Die Brennnessel ist ein echtes *Multitalent.*\n\n*Im Frühjahr*, wenn die jungen Triebe sprießen, eignet "
        "sie sich für eine Kur von ca.\xa04\xa0Wochen.\n\n**So geht's:**\n\n- 3 Tassen Tee täglich\n- viel Wasser "
        "trinken\n\nAchtung: Bei Herzschwäche vorher mit dem Arzt sprechen!\n\n"
        "Praxis Lindner\\\nHauptstraße 1\\\n12345 Musterstadt\n")
    assert "(<br><br>) read as paragraphs" in out


def test_import_names_a_repeated_key_and_a_german_date_as_extract_does(project, tmp_path):
    """Trial 38, finding 6: import kept the second of two ``title:`` keys without a word (and named the file after
    it), and for ``date: 5.12.2026`` said "not a date" and "no date found", where extract refuses the repeated
    key and suggests 2026-12-05. Import says extract's words at the same lines now (``sources``' reader, shared),
    and the file is not imported until it is fixed."""
    tree(tmp_path, {
        "doppelt.md": "---\ntitle: Erster Titel\ntitle: Zweiter Titel\n---\nText.\n",
        "datum.md": "---\ntitle: Datum\ndate: 5.12.2026\n---\nText.\n",
        "toml.md": '+++\ntitle = "Datum"\nlastmod = "5.12.2026"\n+++\nText.\n',
    })
    for name, line, said in (
            ("doppelt.md", 3, "title: written twice, at lines 2 and 3: YAML keeps the last and drops line 2 without "
                              "a word; delete one of them"),
            ("datum.md", 3, "date: expected a date like 2026-05-26 (got 5.12.2026); write 2026-12-05"),
            ("toml.md", 3, 'lastmod: expected a date like 2026-05-26 (got "5.12.2026"); write 2026-12-05')):
        out = project.run("import", str(tmp_path / name), code=2).output
        assert f"error: {tmp_path / name}:{line}: {said}" in out, out
        assert "Traceback" not in out and not (project.root / "source_de").exists()
    project.write("source_de/doppelt.md", (tmp_path / "doppelt.md").read_text(encoding="utf-8"))
    extracted = project.run("extract", code=2).output
    assert "source_de/doppelt.md:3: title: written twice, at lines 2 and 3" in extracted


def test_front_matter_errors_say_what_to_write_at_the_line_that_needs_it(project, tmp_path):
    """Trial 38, finding 7: a quote inside single quotes gave YAML's "expected <block end>, but found '<scalar>'"
    alone; an unclosed TOML array named line 1 though it opened on line 4; ``date = 2024-13-45`` gave tomllib's
    "Expected newline …". Each is said with what to write, at its line; extract reads YAML alike."""
    tree(tmp_path, {
        "quote.md": "---\ntitle: 'Omas Tipp: Ingwer's Kraft'\ndate: 2024-01-01\n---\nText.\n",
        "array.md": '+++\ntitle = "Gute Nacht"\ndate = 2024-01-01\ntags = ["Schlaf"\n+++\nText.\n',
        "day.md": '+++\ntitle = "Wärme"\ndate = 2024-13-45\n+++\nText.\n',
        "german.md": '+++\ntitle = "Wärme"\ndate = 5.12.2026\n+++\nText.\n',
    })
    for name, line, said in (
            ("quote.md", 2, "a ' inside single quotes is written twice ('Omas Tipp: Ingwer''s Kraft'), or put the "
                            "value in double quotes: title: \"Omas Tipp: Ingwer's Kraft\""),
            ("array.md", 4, "invalid TOML front matter: tags: the '[' opened here is not closed with ']'"),
            ("day.md", 3, "invalid TOML front matter: date: 2024-13-45 is no day of the calendar"),
            ("german.md", 3, "date: expected a date like 2026-05-26 (got 5.12.2026); write 2026-12-05")):
        out = project.run("import", str(tmp_path / name), code=2).output
        assert f"error: {tmp_path / name}:{line}: " in out and said in out, out
    project.write("source_de/quote.md", (tmp_path / "quote.md").read_text(encoding="utf-8"))
    extracted = project.run("extract", code=2).output
    assert "source_de/quote.md:2: " in extracted and "a ' inside single quotes is written twice" in extracted


def test_a_hugo_page_bundle_alone_is_one_article_named_after_its_folder(project, tmp_path):
    """Trial 38, finding 8: ``verlag import holunder/`` (a page bundle: index.md and its image) said "no .md files
    to import in this folder" (its index.md was taken for a home page), exit 2. It is one article now, its slug
    the folder's name, its image copied."""
    bundle = tree(tmp_path / "holunder", {
        "index.md": "---\ntitle: Holunder im Herbst\ndate: 2024-10-01\n---\n\nDer Holunder trägt Beeren.\n\n"
                    "![Dolde](dolde.jpg)\n"})
    (bundle / "dolde.jpg").write_bytes(JPEG)
    out = project.run("import", f"{bundle}/").output
    assert "slug holunder: the name of its page bundle's folder, holunder/" in out
    assert body_of(project, "holunder.md") == "Der Holunder trägt Beeren.\n\n![Dolde](bilder/dolde.jpg)\n"
    assert (project.root / "source_de/bilder/dolde.jpg").read_bytes() == JPEG


def test_a_dry_run_leads_a_static_image_where_the_real_run_does(project, tmp_path):
    """Trial 38, finding 9: a dry run named a Hugo site's static image "not imported" that the real run copies and
    leads to its copy; both say the same now."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/beinwell.md": '---\ntitle: Beinwell\ndate: 2024-08-08\n---\n\n'
                                     '{{< figure src="/images/beinwell.jpg" alt="Beinwell" >}}\n'})
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/beinwell.jpg").write_bytes(JPEG)
    dry = project.run("import", "--dry-run", str(site)).output
    real = project.run("import", str(site)).output
    line = "  /images/beinwell.jpg  /media/bilder/beinwell.jpg  301\n"
    assert line in dry and line in real and "not imported" not in dry


def test_what_an_import_passed_over_silently_is_said(project, tmp_path):
    """Trial 38, finding 10: ``title: ""`` and ``title: [Tee, Kaffee]`` both said "no title … add 'title'" though
    the key is there (now: extract's words, at its line); front matter without text was imported without a note;
    a WordPress post's ``<!--nextpage-->`` parts were joined unsaid; a tab-separated table after a "Tabelle:" line
    became a bullet list ("- Pflanze Blütezeit")."""
    tree(tmp_path, {
        "leer.md": '---\ntitle: ""\ndate: 2024-03-03\n---\nText.\n',
        "liste.md": "---\ndate: 2024-03-03\ntitle: [Tee, Kaffee]\n---\nText.\n",
        "ohne.md": "---\ntitle: Ohne Text\ndate: 2024-03-03\n---\n",
        "tabelle.txt": "Pollen im Jahr\n\nWann fliegt was? Eine Übersicht für Allergiker.\n\nTabelle:\n"
                       "Pflanze\tBlütezeit\nBirke\tMärz–Mai\nGräser\tMai–Juli\n\nFragen? Rufen Sie uns an.\n",
    })
    out = project.run("import", str(tmp_path / "leer.md"), code=2).output
    assert f"{tmp_path / 'leer.md'}:2: missing title: 'title:' is empty; write the article's title after it" in out
    out = project.run("import", str(tmp_path / "liste.md"), code=2).output
    assert f"{tmp_path / 'liste.md'}:3: title: expected text, not a YAML list or mapping" in out
    out = project.run("import", str(tmp_path / "ohne.md")).output
    assert "no text under the front matter: the article is its title alone" in out
    out = project.run("import", str(tmp_path / "tabelle.txt")).output
    assert "Tabelle:\n\n| Pflanze | Blütezeit |\n| --- | --- |\n| Birke | März–Mai |\n| Gräser | Mai–Juli |\n" \
        in project.read("source_de/pollen-im-jahr.md")
    paged = export(tmp_path, post("Baldrian", "<p>Erste Seite.</p>\n<!--nextpage-->\n<p>Zweite Seite.</p>\n"
                                  "<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->\n<p>Dritte.</p>",
                                  post_id=5, name="baldrian"))
    out = project.run("import", str(paged)).output
    assert "3 pages of the post (split by <!--nextpage-->) joined into one article" in out


def test_a_shortcode_no_line_closes_is_named_at_its_line(project, tmp_path):
    """Trial 38, finding 1 (its last part): a shortcode left as text is named at its file's line, also one whose
    ``>}}`` is missing (it was not named at all: the list of tags kept as text finds closed ones only); one in a
    code block is an example, not named."""
    (tmp_path / "offen.md").write_text("---\ntitle: Offen\ndate: 2024-01-01\n---\n\nText.\n\n{{< figure\n"
                                       '  src="/a.jpg"\n\nMehr.\n\n```\n{{< figure\n```\n', encoding="utf-8")
    out = project.run("import", str(tmp_path / "offen.md")).output
    assert "line 8: shortcode figure not closed ('>}}' or '%}}' missing): kept as text" in out
    assert "line 14" not in out

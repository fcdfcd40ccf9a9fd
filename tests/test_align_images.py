"""``verlag import --translation-of`` of a hand translation whose images and links name the German article's files
from the translation's own folder (fresh-user trial 11: a French file written beside the old blog's images)."""

from __future__ import annotations

import polib

from conftest import msgfmt_check

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
GERMAN = """---
title: Die Kamille, eine sanfte Hilfe
date: 2025-01-15
---
Die Kamille wird bei Magenbeschwerden und leichten Entzündungen geschätzt.

![Kamillenblüte in der Sonne](bilder/bluete.png)

Für Kinder nimmt man meist die halbe Menge. [Der Beipackzettel](bilder/hinweise.pdf) sagt mehr.

![Getrocknete Blüten](bilder/trocken.png)
"""
FRENCH = """---
title: La camomille, une aide douce
---
La camomille est appréciée en cas de troubles digestifs et d'inflammations légères.

![Fleur de camomille au soleil](bluete.png)

Pour les enfants, on prend en général la moitié de la dose. [La notice](docs/hinweise.pdf) en dit plus.

![Fleurs séchées](images/getrocknet.png)
"""


def test_a_hand_translations_images_and_links_are_the_german_articles_files(project, tmp_path):
    """Trial 11, finding 8: ``![…](bluete.png)`` in a French file beside the old blog's images is the German's
    ``bilder/bluete.png``, but was imported as written: a low-confidence fuzzy entry and a ``link-target`` error.
    Resolved from the translation's folder, a file of the same bytes, or of the same name where that folder has
    none, is the German's file, written as the German writes it."""
    project.write("source_de/kamille.md", GERMAN)
    (project.root / "source_de/bilder").mkdir()
    (project.root / "source_de/bilder/bluete.png").write_bytes(PNG)
    (project.root / "source_de/bilder/hinweise.pdf").write_bytes(b"%PDF-1.4 Hinweise")
    (project.root / "source_de/bilder/trocken.png").write_bytes(PNG + b"trocken")
    french = tmp_path / "fr" / "kamille.fr.md"
    (french.parent / "images").mkdir(parents=True)
    french.write_text(FRENCH, encoding="utf-8")
    (french.parent / "images/getrocknet.png").write_bytes(PNG + b"trocken")  # another name, the same bytes
    out = project.run("import", "--lang", "fr", "--translation-of", "kamille", str(french)).output
    assert "0 low confidence" in out, out
    po = polib.pofile(str(project.root / "translations/fr/kamille.po"))
    assert po.find("![Kamillenblüte in der Sonne](bilder/bluete.png)").msgstr == \
        "![Fleur de camomille au soleil](bilder/bluete.png)"
    assert po.find("[Der Beipackzettel](bilder/hinweise.pdf) sagt mehr.").msgstr == \
        "[La notice](bilder/hinweise.pdf) en dit plus."
    assert po.find("![Getrocknete Blüten](bilder/trocken.png)").msgstr == "![Fleurs séchées](bilder/trocken.png)"
    assert not any(e.fuzzy for e in po if e.msgstr)
    assert "bluete.png: the German article's bilder/bluete.png (the same name)" in out
    assert "images/getrocknet.png: the German article's bilder/trocken.png (the same file)" in out
    msgfmt_check(project.root / "translations/fr/kamille.po")
    checked = project.run("check", "--lang", "fr")
    assert "link-target" not in checked.output


def test_a_translations_own_image_of_the_same_name_but_other_bytes_stays_its_own(project, tmp_path):
    """A picture the translator made for the French page (its labels in French) is no German file."""
    project.write("source_de/kamille.md", GERMAN)
    (project.root / "source_de/bilder").mkdir()
    (project.root / "source_de/bilder/bluete.png").write_bytes(PNG)
    french = tmp_path / "kamille.fr.md"
    french.write_text(FRENCH, encoding="utf-8")
    (tmp_path / "bluete.png").write_bytes(PNG + b"francais")
    out = project.run("import", "--force", "--lang", "fr", "--translation-of", "kamille", str(french)).output
    assert "the German article's bilder/bluete.png" not in out
    po = polib.pofile(str(project.root / "translations/fr/kamille.po"))
    assert po.find("![Kamillenblüte in der Sonne](bilder/bluete.png)").msgstr == \
        "![Fleur de camomille au soleil](bluete.png)"


WORD_PAGE = ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n"
             "xmlns:w=\"urn:schemas-microsoft-com:office:word\"\r\nxmlns=\"http://www.w3.org/TR/REC-html40\">\r\n\r\n"
             "<head>\r\n<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">\r\n"
             "<meta name=ProgId content=Word.Document>\r\n<meta name=Generator content=\"Microsoft Word 15\">\r\n"
             "<link rel=File-List href=\"kamille-fr_files/filelist.xml\">\r\n"
             "<title>La camomille, une aide douce</title>\r\n</head>\r\n\r\n"
             "<body lang=FR style='tab-interval:36.0pt;word-wrap:break-word'>\r\n\r\n<div class=WordSection1>\r\n\r\n"
             "<h1><span lang=FR>La camomille, une aide douce<o:p></o:p></span></h1>\r\n\r\n"
             "<p class=MsoNormal><span lang=FR>La camomille est appr\xe9ci\xe9e en cas de troubles digestifs et "
             "d\u2019inflammations l\xe9g\xe8res.<o:p></o:p></span></p>\r\n\r\n"
             "<p class=MsoNormal><span lang=FR><img width=602 height=401\r\nsrc=\"kamille-fr_files/image001.png\" "
             "alt=\"Fleur de camomille au soleil\" v:shapes=\"Image_x0020_1\"><o:p></o:p></span></p>\r\n\r\n"
             "<p class=MsoNormal><span lang=FR>Pour les enfants, on prend en g\xe9n\xe9ral la moiti\xe9 de la dose."
             "<o:p></o:p></span></p>\r\n\r\n"
             "<p class=MsoNormal><span lang=FR><img width=602 height=401\r\nsrc=\"kamille-fr_files/image002.png\" "
             "alt=\"Fleurs s\xe9ch\xe9es\" v:shapes=\"Image_x0020_2\"><o:p></o:p></span></p>\r\n\r\n"
             "</div>\r\n\r\n</body>\r\n\r\n</html>\r\n").encode("cp1252")
GERMAN_PAGE = """---
title: Die Kamille, eine sanfte Hilfe
date: 2025-01-15
---
Die Kamille wird bei Magenbeschwerden und leichten Entzündungen geschätzt.

![Kamillenblüte in der Sonne](bilder/bluete.png)

Für Kinder nimmt man meist die halbe Menge.

![Getrocknete Blüten](bilder/trocken.png)
"""


def test_a_word_web_pages_images_of_the_german_articles_bytes_are_the_german_articles_files(project, tmp_path):
    """Trial 34: a Word "Web Page" export (cp1252, CRLF) of the translation shows ``kamille-fr_files/image001.png``,
    the German's ``bilder/bluete.png`` byte for byte; its entry became ``bilder/image001.png``, a file not there, a
    fuzzy line and, later, check's ``link-target``, the import saying nothing. It is the German's file now, said;
    an image the German article has no file of is named at the import (an import of a translation copies none)."""
    project.write("source_de/kamille.md", GERMAN_PAGE)
    (project.root / "source_de/bilder").mkdir()
    (project.root / "source_de/bilder/bluete.png").write_bytes(PNG)
    (project.root / "source_de/bilder/trocken.png").write_bytes(PNG + b"trocken")
    page = tmp_path / "kamille-fr.htm"
    page.write_bytes(WORD_PAGE)
    (tmp_path / "kamille-fr_files").mkdir()
    (tmp_path / "kamille-fr_files/image001.png").write_bytes(PNG)
    (tmp_path / "kamille-fr_files/image002.png").write_bytes(PNG + b"sechees, en francais")
    result = project.run("import", "--force", "--lang", "fr", "--translation-of", "kamille", str(page))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "kamille-fr_files/image001.png: the German article's bilder/bluete.png (the same file)" in out, out
    assert "bilder/image002.png (kamille-fr_files/image002.png): the German article has no file of its bytes" in out
    po = polib.pofile(str(project.root / "translations/fr/kamille.po"))
    entry = po.find("![Kamillenblüte in der Sonne](bilder/bluete.png)")
    assert entry.msgstr == "![Fleur de camomille au soleil](bilder/bluete.png)"
    assert not entry.fuzzy
    assert not (project.root / "source_de/bilder/image001.png").exists()


def test_a_translations_image_of_one_pixel_left_out_is_named_as_a_german_import_names_it(project, tmp_path):
    """Trial 41: a translation's HTML whose image is a 1×1 pixel file lost it silently (only "unmatched German:
    ![…]"); an import of a German article says "image (tee.png) not kept: a 1×1 pixel image". So does this one,
    for the file and for an image the page shows at 1×1 pixels."""
    from test_import_web_copy import png

    project.write("source_de/kamille.md", GERMAN)
    (project.root / "source_de/bilder").mkdir()
    for name in ("bluete.png", "trocken.png"):
        (project.root / f"source_de/bilder/{name}").write_bytes(png(40, 40))
    (tmp_path / "kamille-fr_files").mkdir()
    (tmp_path / "kamille-fr_files/image001.png").write_bytes(png(1, 1))
    page = tmp_path / "kamille-fr.html"
    page.write_text("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>La camomille, une aide "
                    "douce</title></head>\n<body><article>\n<h1>La camomille, une aide douce</h1>\n<p>La camomille est "
                    "appréciée en cas de troubles digestifs et d'inflammations légères.</p>\n<p><img src=\"kamille-fr_"
                    "files/image001.png\" alt=\"Fleur de camomille au soleil\"></p>\n<p>Pour les enfants, on prend en "
                    "général la moitié de la dose.<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></p>\n"
                    "</article></body></html>\n", encoding="utf-8")
    out = project.run("import", "--force", "--lang", "fr", "--translation-of", "kamille", str(page)).output
    spacer = "not kept: a 1×1 pixel image: a spacer or a tracking pixel, which shows nothing"
    assert f"import: {page}: image (image001.png) {spacer}\n" in out, out
    assert f"import: {page}: image (https://t.example/p.gif) {spacer}\n" in out, out

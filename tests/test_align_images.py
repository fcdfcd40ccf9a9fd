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

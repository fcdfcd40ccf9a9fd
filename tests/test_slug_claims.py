"""Articles and pages share one slug, and with it one catalog per language: a newcomer never takes over another
source's slug, its catalogs or its page (trial finding F13: ``verlag new "Impressum"`` beside the legal page)."""

from __future__ import annotations

import re
import unicodedata

import polib
import pytest
from conftest import article, finish_new_article, msgfmt_check, review

IMPRESSUM = "---\ntitle: Impressum\n---\nPraxis Muster, Hauptstraße 1, 12345 Musterstadt.\n"


def _legal_project(project) -> None:
    """A project whose Impressum is translated and signed off in English, and one article."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nlegal = ["impressum"]\n')
    project.write("source_de/tee.md", article("Tee im Winter", "Tee wärmt."))
    project.write("source_de/seiten/impressum.md", IMPRESSUM)
    project.run("extract")
    review(project, "en", "impressum", {("title", "Impressum"): "Legal notice",
                                        "Praxis Muster, Hauptstraße 1, 12345 Musterstadt.":
                                            "Praxis Muster, Hauptstrasse 1, 12345 Musterstadt, Germany."})
    review(project, "en", "tee", {("title", "Tee im Winter"): "Tea in winter", "Tee wärmt.": "Tea warms."})


def test_new_does_not_take_the_slug_of_a_page_or_of_another_sources_slug_line(project):
    _legal_project(project)
    project.write("source_de/schlaf.md", article("Schlaf", "Gut schlafen.", slug="ruhe"))
    result = project.run("new", "Impressum")
    assert "source_de/impressum-2.md (the slug 'impressum' is source_de/seiten/impressum.md's)\n" in result.output
    assert not (project.root / "source_de/impressum.md").exists()
    assert "title: Impressum\n" in project.read("source_de/impressum-2.md")
    project.run("new", "Ruhe")
    assert (project.root / "source_de/ruhe-2.md").is_file() and not (project.root / "source_de/ruhe.md").exists()
    project.run("extract")  # no clash: every source keeps its catalogs
    assert "Legal notice" in project.read("translations/en/impressum.po")


def test_a_source_claiming_a_pages_slug_is_left_out_and_the_pages_catalogs_and_site_stay(project):
    _legal_project(project)
    project.run("build")
    catalog = project.read("translations/en/impressum.po")
    project.write("source_de/neu.md", "---\ntitle: Impressum neu\nslug: impressum\ndraft: true\n---\nEntwurf.\n")
    for command in ("extract", "build", "check"):
        result = project.run(command, code=2)
        claims = re.findall(r"error: (source_de/\S+:\d+): slug 'impressum' is also claimed by (source_de/\S+:\d+), "
                            r"which keeps it", result.output)
        assert claims == [("source_de/neu.md:3", "source_de/seiten/impressum.md:1")], (command, result.output)
        assert "no page impressum" not in result.output
    assert project.read("translations/en/impressum.po") == catalog  # nothing made obsolete, nothing taken over
    msgfmt_check(project.root / "translations/en/impressum.po")
    assert "Entwurf" not in project.read("translations/templates/impressum.pot")
    assert "Germany" in project.read("site/en/impressum/index.html")
    assert "Tea warms." in project.read("site/en/tee/index.html")
    (project.root / "translations/templates/impressum.pot").unlink()  # the catalogs' references tell then
    assert "which keeps it (its catalogs" in project.run("extract", code=2).output
    assert project.read("translations/en/impressum.po") == catalog


def test_without_catalogs_a_published_source_keeps_its_slug_over_a_draft(project):
    project.write("source_de/a-entwurf.md", "---\ntitle: Entwurf\nslug: tee\ndraft: true\n---\nEntwurf.\n")
    project.write("source_de/tee.md", article("Tee im Winter", "Tee wärmt."))
    result = project.run("build", code=2)
    assert "error: source_de/a-entwurf.md:3: slug 'tee' is also claimed by source_de/tee.md:1, which keeps it " \
           "(it is published; the other is a draft)" in result.output
    assert "Tee wärmt." in project.read("site/de/tee/index.html")


def test_a_source_claiming_the_slug_of_a_page_that_cannot_be_read_now_does_not_take_its_catalogs(project):
    _legal_project(project)
    project.run("build")
    catalog = project.read("translations/en/impressum.po")
    project.write("source_de/seiten/impressum.md", IMPRESSUM.replace("title: Impressum", "title: [Impressum"))
    project.write("source_de/neu.md", article("Neu", "Ganz neu.", slug="impressum"))
    for command in ("extract", "build"):
        result = project.run(command, code=2)
        assert re.search(r"error: source_de/seiten/impressum\.md:2: invalid YAML", result.output), result.output
        assert "error: source_de/neu.md:4: slug 'impressum' is also claimed by source_de/seiten/impressum.md, " \
               "which keeps it" in result.output
    assert project.read("translations/en/impressum.po") == catalog
    assert "Germany" in project.read("site/en/impressum/index.html")


def test_new_does_not_take_an_old_address_another_article_redirects(project):
    """An article renamed from schlaf to abendroutine keeps /de/schlaf/ in its aliases: old bookmarks and links to
    schlaf.md lead to it. ``verlag new "Schlaf"`` must not take that name: once published, the newcomer's page
    would take over the old address (its bookmarks and links would lead readers to the wrong article) and the
    build would fail the renamed article's alias."""
    project.write("source_de/abendroutine.md", article("Abendroutine", "Gut schlafen.", aliases='["/de/schlaf/"]'))
    result = project.run("new", "Schlaf")
    assert ("source_de/schlaf-2.md (the slug 'schlaf' is an old address of source_de/abendroutine.md, in "
            "its aliases)\n") in result.output
    assert not (project.root / "source_de/schlaf.md").exists()
    text = project.read("source_de/schlaf-2.md")
    assert "draft: true" in text
    finish_new_article(project.root / "source_de/schlaf-2.md")
    project.run("build")
    assert "url=/de/abendroutine/" in project.read("site/de/schlaf/index.html")


def test_a_catalog_whose_references_name_files_without_lines_still_tells_whose_it_is(project):
    """GNU gettext writes references without line numbers on request (``msgcat --add-location=file``, as a
    reviewer's tool may have saved the catalogs): without a template, they still name the page the catalogs
    were made from, and the article claiming its slug does not take them over (extract would make the page's
    reviewed translations obsolete)."""
    import subprocess

    _legal_project(project)
    project.run("extract")
    (project.root / "translations/templates/impressum.pot").unlink()
    for lang in ("en", "fr"):
        path = project.root / f"translations/{lang}/impressum.po"
        subprocess.run(["msgcat", "--add-location=file", "-o", str(path), str(path)], check=True)
        assert "#: source_de/seiten/impressum.md\n" in path.read_text(encoding="utf-8")
    project.write("source_de/neu.md", article("Neu", "Ganz neu.", slug="impressum"))
    result = project.run("extract", code=2)
    assert "error: source_de/neu.md:4: slug 'impressum' is also claimed by source_de/seiten/impressum.md:1, which " \
           "keeps it (its catalogs" in result.output
    path = project.root / "translations/en/impressum.po"
    msgfmt_check(path)
    live = {e.msgid: e.msgstr for e in polib.pofile(str(path)) if not e.obsolete and not e.fuzzy}
    assert live["Praxis Muster, Hauptstraße 1, 12345 Musterstadt."] == \
        "Praxis Muster, Hauptstrasse 1, 12345 Musterstadt, Germany."
    assert "Ganz neu." not in live


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_catalog_with_other_line_ends_still_tells_whose_it_is(project, newline):
    """A catalog saved with CRLF (Poedit on Windows) or CR line ends, template gone: its references still name
    the page it was made from (CR-only catalogs owned nothing, so a source claiming the page's slug took them)."""
    _legal_project(project)
    project.run("extract")
    (project.root / "translations/templates/impressum.pot").unlink()
    for lang in ("en", "fr"):
        path = project.root / f"translations/{lang}/impressum.po"
        path.write_bytes(path.read_bytes().replace(b"\n", newline.encode()))
    project.write("source_de/neu.md", article("Neu", "Ganz neu.", slug="impressum"))
    result = project.run("extract", code=2)
    assert "error: source_de/neu.md:4: slug 'impressum' is also claimed by source_de/seiten/impressum.md:1, which " \
           "keeps it (its catalogs" in result.output
    assert "Ganz neu." not in (project.root / "translations/en/impressum.po").read_text(encoding="utf-8")


def test_new_does_not_adopt_the_kept_catalogs_of_a_deleted_article(project):
    """The author deleted ingwer.md but kept its catalogs (the old translator's header and translations).
    ``verlag new "Ingwer"`` starts a new article: it gets a free slug and says whose catalogs the old one has, so
    the new article never inherits them, nor the old translator's credit on its page."""
    project.write("source_de/ingwer.md", article("Ingwer gegen Übelkeit", "Ingwer hilft auf Reisen."))
    project.run("extract")
    path = project.root / "translations/en/ingwer.po"
    po = polib.pofile(str(path))
    po.metadata["Last-Translator"] = "Old Translator <old@example.org>"
    po.save(str(path))
    kept = path.read_bytes()
    (project.root / "source_de/ingwer.md").unlink()
    project.run("extract")
    result = project.run("new", "Ingwer")
    assert ("created source_de/ingwer-2.md (the slug 'ingwer' has the catalogs kept from a deleted article: "
            "translations/en/ingwer.po, translations/fr/ingwer.po; to continue that translation instead, rename "
            "source_de/ingwer-2.md to source_de/ingwer.md)\n") in result.output
    assert not (project.root / "source_de/ingwer.md").exists()
    project.run("extract")
    assert path.read_bytes() == kept
    assert "Old Translator" not in project.read("translations/en/ingwer-2.po")
    msgfmt_check(project.root / "translations/en/ingwer-2.po")


def test_two_sources_whose_names_differ_only_in_case_keep_one_and_name_the_other(project):
    """source_de/Tee.md (with 'slug: tee-gross') beside source_de/tee.md were two articles on Linux, but one file
    on macOS and Windows: a clone there kept one of them and the other's page and catalogs were lost, with no word.
    The file whose catalogs exist keeps its place; the other is an error naming both files and left out."""
    _legal_project(project)
    catalog = project.read("translations/en/tee.po")
    project.write("source_de/Tee.md", article("Tee im Sommer", "Tee kühlt.", slug="tee-gross"))
    for command in ("check", "extract", "build"):
        result = project.run(command, code=2)
        assert "error: source_de/Tee.md:1: file name 'Tee.md' and source_de/tee.md:1 differ only in case: where " \
               "case is ignored (macOS, Windows) the two are one file" in result.output, (command, result.output)
    assert project.read("translations/en/tee.po") == catalog
    msgfmt_check(project.root / "translations/en/tee.po")
    assert not (project.root / "translations/templates/tee-gross.pot").exists()
    assert not (project.root / "site/de/tee-gross").exists() and "Tea warms." in project.read("site/en/tee/index.html")


def test_two_sources_whose_names_differ_only_in_normalization_keep_one_and_name_both_forms(project):
    """source_de/Übung.md typed (composed, NFC) beside an Übung.md saved on a Mac (decomposed, NFD), each with its
    own slug: two articles on Linux, one file on macOS, and names that look alike. The error said they 'differ only
    in case', naming two files that read the same; it names the normalization of each, and one is left out."""
    _legal_project(project)
    composed, decomposed = (unicodedata.normalize(form, "Übung.md") for form in ("NFC", "NFD"))
    project.write(f"source_de/{composed}", article("Übung", "Tee ziehen lassen.", slug="uebung"))
    project.run("extract")
    catalog = project.read("translations/en/uebung.po")
    project.write(f"source_de/{decomposed}", article("Übung zwei", "Tee kalt trinken.", slug="uebung-zwei"))
    for command in ("check", "extract", "build"):
        result = project.run(command, code=2)
        assert (f"error: source_de/{decomposed}:1: file name {decomposed!r} (NFD) and source_de/{composed}:1 (NFC) "
                "differ only in their Unicode normalization (one saved on a Mac or from a zip file)") in result.output, \
            (command, result.output)
        assert "differ only in case" not in result.output
    assert project.read("translations/en/uebung.po") == catalog
    assert not (project.root / "translations/templates/uebung-zwei.pot").exists()
    assert not (project.root / "site/de/uebung-zwei").exists()
    assert "Tee ziehen lassen." in project.read("site/de/uebung/index.html")


def test_two_sources_without_a_slug_whose_names_differ_only_in_normalization_are_told_apart(project):
    """übung.md composed and decomposed, neither with a 'slug:': each was told "rename the file to uebung.md" in
    two lines that read the same, and renaming both as told was impossible. Each names its own form and the other."""
    composed, decomposed = (unicodedata.normalize(form, "übung.md") for form in ("NFC", "NFD"))
    project.write(f"source_de/{composed}", article("Übung", "Tee ziehen lassen."))
    project.write(f"source_de/{decomposed}", article("Übung zwei", "Tee kalt trinken."))
    for command in ("extract", "extract", "check"):  # the second extract takes what it can from its read cache
        output = project.run(command, code=2).output
        for this, other, forms in ((composed, decomposed, ("NFC", "NFD")), (decomposed, composed, ("NFD", "NFC"))):
            assert (f"error: source_de/{this}:1: slug {this[:-3]!r} is not usable as a folder name: use a-z, 0-9 and "
                    f"'-' (no '/', '..' or spaces); this file's name ({forms[0]}) and source_de/{other}'s ({forms[1]}) "
                    "differ only in their Unicode normalization (one saved on a Mac or from a zip file): delete one of "
                    "them, rename the other to uebung.md") in output, (command, output)


def test_a_file_name_to_lower_case_is_not_suggested_when_another_source_has_it(project):
    """Tee.md (its slug refused: upper case) beside tee.md was told "rename the file to tee.md": a 'mv' that would
    have overwritten tee.md. The message names tee.md instead, and that only renaming helps."""
    project.write("source_de/tee.md", article("Tee im Winter", "Tee wärmt."))
    project.write("source_de/Tee.md", article("Tee im Sommer", "Tee kühlt."))
    error = next(line for line in project.run("check", code=2).output.splitlines()
                 if line.startswith("error:") and "Tee.md" in line)
    assert error == ("error: source_de/Tee.md:1: slug 'Tee' is not usable as a folder name: use a-z, 0-9 and '-' "
                     "(no '/', '..' or spaces): source_de/tee.md is another source (one file where case is ignored, "
                     "as on macOS and Windows): give this one another name")


def test_a_catalog_whose_references_name_a_file_with_spaces_still_tells_whose_it_is(project):
    """A page whose file name has spaces: its template's references isolate the name (U+2068 … U+2069, as GNU
    gettext 0.22 writes them), and a catalog an older verlag or gettext wrote names it bare. Either way, without
    a template, the catalogs name the page, and an article that comes first and claims its slug does not take
    them over (the first reference was read up to its first space: 'source_de/seiten/über', nobody's)."""
    project.write("source_de/seiten/über uns.md", "---\ntitle: Über uns\nslug: ueber-uns\n---\nWir sind eine Praxis.\n")
    project.run("extract")
    review(project, "en", "ueber-uns", {"Wir sind eine Praxis.": "We are a practice."})
    pot = project.root / "translations/templates/ueber-uns.pot"
    assert "#: \u2068source_de/seiten/über uns.md\u2069:2\n" in pot.read_text(encoding="utf-8")
    project.write("source_de/aaa.md", article("Neu", "Ganz neu.", slug="ueber-uns"))
    for form in ("isolated", "bare"):
        pot.unlink(missing_ok=True)
        for lang in ("en", "fr"):
            path = project.root / f"translations/{lang}/ueber-uns.po"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\u2068", "").replace("\u2069", "") if form == "bare" else text,
                            encoding="utf-8")
        result = project.run("extract", code=2)
        assert "error: source_de/aaa.md:4: slug 'ueber-uns' is also claimed by source_de/seiten/über uns.md:3, " \
               "which keeps it (its catalogs" in result.output, (form, result.output)
        path = project.root / "translations/en/ueber-uns.po"
        msgfmt_check(path)
        assert polib.pofile(str(path)).find("Wir sind eine Praxis.").msgstr == "We are a practice.", form


def test_an_article_moved_to_the_pages_keeps_its_catalogs_over_a_newcomer_at_its_old_path(project):
    """Trial 31: ``mv source_de/ueber-mich.md source_de/seiten/`` with the same bytes was "unchanged" for extract (its
    record keyed by content and slug), so the catalogs' ``#:`` lines kept the old path, and a new file written there
    took over the reviewed translations, the moved page dropped."""
    project.write("source_de/ueber-mich.md", article("Über mich", "Ich bin Heilpraktikerin in Berlin."))
    project.run("extract")
    review(project, "en", "ueber-mich", {("title", "Über mich"): "About me",
                                         "Ich bin Heilpraktikerin in Berlin.": "I am a naturopath in Berlin."})
    project.run("extract")
    (project.root / "source_de/seiten").mkdir(exist_ok=True)
    (project.root / "source_de/ueber-mich.md").rename(project.root / "source_de/seiten/ueber-mich.md")
    catalog = project.read("translations/en/ueber-mich.po")
    project.run("extract")
    for name in ("templates/ueber-mich.pot", "en/ueber-mich.po"):
        refs = re.findall(r"^#: (\S+):\d+$", project.read(f"translations/{name}"), re.M)
        assert refs == ["source_de/seiten/ueber-mich.md"] * 2, (name, refs)
    moved = project.read("translations/en/ueber-mich.po")
    assert moved == catalog.replace("source_de/ueber-mich.md", "source_de/seiten/ueber-mich.md")  # all else kept
    assert "extract: 0 files changed" in project.run("extract").output  # the move is recorded: a no-op again

    project.write("source_de/ueber-mich.md", article("Über mich und die Praxis", "Die Praxis liegt in Kreuzberg."))
    result = project.run("extract", code=2)
    assert ("error: source_de/ueber-mich.md:1: slug 'ueber-mich' is also claimed by source_de/seiten/ueber-mich.md:1, "
            "which keeps it") in result.output
    assert project.read("translations/en/ueber-mich.po") == moved  # nothing taken over, nothing made obsolete
    project.run("build", code=2)
    page = project.read("site/de/ueber-mich/index.html")
    assert "Ich bin Heilpraktikerin in Berlin." in page and "Kreuzberg" not in page

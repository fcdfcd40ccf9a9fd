"""``verlag import`` details a move from an old blog runs into: what the summary calls the links it rewrote, escapes
the Markdown does not need, the old site's images in raw HTML, and the slug of a deleted article's catalogs."""

from __future__ import annotations

from pathlib import Path

import polib

from conftest import Project, msgfmt_check
from test_import_old_blog import CARE, HOST, LEAD, wxr


def post(title: str, body: str, *, post_id: int, name: str, kind: str = "post") -> str:
    return (f"<title><![CDATA[{title}]]></title><link>{HOST}/{name}/</link>"
            f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2024-05-02 09:00:00</wp:post_date>"
            f"<wp:post_name><![CDATA[{name}]]></wp:post_name><wp:status>publish</wp:status>"
            f"<wp:post_type>{kind}</wp:post_type><content:encoded><![CDATA[{body}]]></content:encoded>")


def export(path: Path, *items: str) -> Path:
    path.write_text(wxr(*items), encoding="utf-8")
    return path


def test_the_summary_names_pages_as_pages_among_the_rewritten_links(project, tmp_path):
    """Links to imported pages are counted as links to pages: the summary does not call an Impressum a post."""
    pages = export(tmp_path / "seiten.xml",
                   post("Impressum", f'{CARE} Siehe <a href="{HOST}/kontakt/">Kontakt</a>.', post_id=2,
                        name="impressum", kind="page"),
                   post("Kontakt", f'{LEAD} Zum <a href="{HOST}/impressum/">Impressum</a>.', post_id=3,
                        name="kontakt", kind="page"))
    out = project.run("import", str(pages)).output
    assert "import: 2 links to another imported page's old address lead to its source file now" in out
    assert "post's" not in out
    both = export(tmp_path / "beides.xml",
                  post("Holunder", f'{LEAD} Mehr zur <a href="{HOST}/salbe/">Salbe</a> und im '
                       f'<a href="{HOST}/ueber-uns/">Porträt</a>.', post_id=41, name="holunder"),
                  post("Salbe", CARE, post_id=42, name="salbe"),
                  post("Über uns", CARE + " Wir.", post_id=43, name="ueber-uns", kind="page"))
    out = project.run("import", str(both)).output
    assert "import: 2 links to another imported post's or page's old address lead to its source file now" in out


def test_an_underscore_inside_a_word_reaches_the_catalog_without_a_backslash(project, tmp_path):
    """``page_id`` on a saved page needs no escape in CommonMark (an underscore between letters opens no
    emphasis): the source and the catalog say ``page_id``. Underscores around a word keep theirs, so the
    page still reads as the old one did."""
    page = tmp_path / "adressen.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Alte Adressen</title></head>'
                    "<body><main><article><h1>Alte Adressen</h1>"
                    "<p>Früher endete jede Adresse auf page_id und einer Zahl, die sich niemand merken konnte.</p>"
                    "<p>Heute sind sie lesbar, und wer _unterstrichen_ schreibt, sieht die Striche auch.</p>"
                    "</article></main></body></html>", encoding="utf-8")
    project.run("import", str(page))
    text = project.read("source_de/alte-adressen.md")
    assert "auf page_id und" in text and r"wer \_unterstrichen\_ schreibt" in text
    project.write("source_de/alte-adressen.md", text.replace("draft: true\n", ""))
    project.run("extract")
    path = project.root / "translations/en/alte-adressen.po"
    msgfmt_check(path)
    msgids = [entry.msgid for entry in polib.pofile(str(path))]
    assert "Früher endete jede Adresse auf page_id und einer Zahl, die sich niemand merken konnte." in msgids


def test_check_names_an_old_site_image_in_raw_html(project):
    """An ``<img src>`` or ``<a href>`` written as HTML on the old host answers only as long as the old site does,
    like a Markdown image there: ``check`` warns at the line of its tag."""
    project.write("source_de/linde.md", f"---\ntitle: Linde\ndate: 2024-05-02\naliases:\n- {HOST}/linde/\n---\n"
                  f"{LEAD}\n")
    project.write("source_de/holunder.md", f"---\ntitle: Holunder\ndate: 2024-05-03\n---\n{CARE}\n\n"
                  '<figure>\n<img src="http://praxis-am-bach.example/wp-content/uploads/holunder.jpg" '
                  'alt="Holunderblüten">\n</figure>\n\n'
                  f'{LEAD} Siehe <a href="{HOST}/linde/">die Linde</a>.\n')
    project.run("extract")
    out = project.run("check").output
    assert ("warning: source_de/holunder.md:8: http://praxis-am-bach.example/wp-content/uploads/holunder.jpg is a "
            "file on the old site (praxis-am-bach.example), which answers only until it is shut down: save it into "
            "source_de/ (images: source_de/bilder/) and refer to it there [old-site]") in out
    assert (f"warning: source_de/holunder.md:11: {HOST}/linde/ points at the old site (praxis-am-bach.example), "
            "which answers only until it is shut down: link the article's file instead, linde.md [old-site]") in out


def test_import_does_not_take_the_slug_of_a_deleted_articles_kept_catalogs(project, tmp_path):
    """The author deleted ingwer.md and kept its catalogs; an imported post titled "Ingwer" gets ``ingwer-2``, as
    ``verlag new`` names it, and the import says whose catalogs the slug has and how to continue them instead."""
    project.write("source_de/ingwer.md", f"---\ntitle: Ingwer alt\ndate: 2023-01-02\n---\n{CARE}\n")
    project.run("extract")
    kept = (project.root / "translations/en/ingwer.po").read_bytes()
    (project.root / "source_de/ingwer.md").unlink()
    source = tmp_path / "ingwer.md"
    source.write_text(f"---\ntitle: Ingwer\ndate: 2024-02-03\n---\n{LEAD}\n", encoding="utf-8")
    out = project.run("import", str(source)).output
    assert ("  slug 'ingwer' has the catalogs kept from a deleted article: translations/en/ingwer.po, "
            "translations/fr/ingwer.po; named 'ingwer-2' (to continue that translation instead, rename "
            "source_de/ingwer-2.md to source_de/ingwer.md)\n") in out
    assert not (project.root / "source_de/ingwer.md").exists()
    project.run("extract")
    assert (project.root / "translations/en/ingwer.po").read_bytes() == kept
    assert "Ringelblumen" in (project.root / "translations/en/ingwer-2.po").read_text(encoding="utf-8")


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (path under ``root`` -> text) and return ``root``."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_a_jekyll_front_matter_permalink_has_its_placeholders_filled(project, tmp_path):
    """Jekyll fills the placeholders of a post's own ``permalink`` as it does the site's
    (https://jekyllrb.com/docs/permalinks/): the old address is ``/blog/2022/09/linden-tee/``, not
    ``/:year/:month/:title/``, and a link written as that address leads to the article's file. A built-in style
    name is no template in front matter, and a date placeholder without a date gives no address."""
    site = tree(tmp_path / "blog", {
        "_config.yml": "url: https://praxis-sommer.example\nbaseurl: /blog\n",
        "_posts/2022-09-15-linden-tee.md": f"---\ntitle: Lindenblütentee\npermalink: /:year/:month/:title/\n---\n"
                                           f"{LEAD}\n",
        "_posts/2023-01-05-salbei.md": f"---\ntitle: Salbei\ncategories: [Garten]\nslug: salbei-im-topf\n"
                                       "permalink: /kraeuter/:categories/:slug:output_ext\n---\n"
                                       f"{CARE} Zur [Linde](/blog/2022/09/linden-tee/).\n",
        "_posts/2023-02-01-schlicht.md": f"---\ntitle: Schlicht\npermalink: pretty\n---\n{CARE} Schlicht.\n"})
    out = project.run("import", str(site)).output
    assert "aliases:\n- /blog/2022/09/linden-tee/\n" in project.read("source_de/linden-tee.md")
    assert "aliases:\n- /blog/kraeuter/garten/salbei-im-topf.html\n" in project.read("source_de/salbei-im-topf.md")
    assert "aliases:\n- /blog/pretty\n" in project.read("source_de/schlicht.md")
    assert "old address /blog/2022/09/linden-tee/: the front matter permalink '/:year/:month/:title/'" in out
    assert "Zur [Linde](linden-tee.md)." in project.read("source_de/salbei-im-topf.md")
    page = tmp_path / "seite.md"
    page.write_text(f"---\ntitle: Ohne Datum\npermalink: /:year/:title/\n---\n{LEAD} Ohne.\n", encoding="utf-8")
    out = project.run("import", str(page)).output
    assert "permalink '/:year/:title/' not kept as an old address: its date placeholders need a 'date'" in out
    assert "aliases" not in project.read("source_de/ohne-datum.md")


def test_a_hugo_relative_alias_is_beside_the_pages_own_address(project, tmp_path):
    """Hugo joins an alias without a leading ``/`` to the folder above the page's own address (its
    ``renderAliases``): ``tee-alt`` of ``content/posts/tee.md`` under ``baseURL`` ``…/blog/`` was
    ``/blog/posts/tee-alt/``, and beside a page with ``url`` it is beside that address. Before, it was written as
    it stood and read as an old slug of every language."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis-sommer.example/blog/"\n',
        "content/posts/tee.md": '+++\ntitle = "Kräutertee"\ndate = 2024-01-10\naliases = ["tee-alt", '
                                f'"../alt/tee.html", "/2019/tee/"]\n+++\n{LEAD}\n',
        "content/rezepte/holunder/index.md": '+++\ntitle = "Holunder"\ndate = 2024-02-10\nurl = "/sirup/holunder/"\n'
                                             f'aliases = ["holler"]\n+++\n{CARE} Zum [Tee](/blog/posts/tee-alt/).\n'})
    out = project.run("import", str(site)).output
    assert ("aliases:\n- /blog/posts/tee-alt/\n- /blog/alt/tee.html\n- /blog/2019/tee/\n- /blog/posts/tee/\n"
            in project.read("source_de/kraeutertee.md"))
    assert "aliases:\n- /blog/sirup/holler/\n- /blog/sirup/holunder/\n" in project.read("source_de/holunder.md")
    assert ("old address /blog/posts/tee-alt/: the relative alias 'tee-alt', beside the page's own address "
            "/blog/posts/tee/") in out
    assert "Zum [Tee](kraeutertee.md)." in project.read("source_de/holunder.md")


def saved_page(path: Path, title: str, heading: str, url: str, paragraphs: list[str], head: str = "") -> Path:
    """A page as a browser's "Save page as" writes it: ``<title>`` and ``og:title`` as the site's theme sets them."""
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    path.write_text(f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>{head}
<link rel="canonical" href="{url}"><meta property="og:title" content="{title}"></head>
<body><nav><a href="/">Start</a> <a href="/impressum/">Impressum</a></nav>
<main><article><h1>{heading}</h1>
{text}</article></main>
<footer><p>© 2024 Praxis Sommer</p></footer></body></html>
""", encoding="utf-8")
    return path


IMPRESSUM = ["Angaben nach § 5 DDG: Katrin Sommer, Heilpraktikerin, Lindenweg 3, 12345 Musterstadt.",
             "Erreichbar unter Telefon 01234 567890 und per E-Mail an praxis@praxis-sommer.example, werktags.",
             "Die Aufsicht führt das Gesundheitsamt Musterstadt, Am Markt 1, 12345 Musterstadt."]


def test_a_saved_pages_title_loses_the_site_name_its_theme_added(tmp_path):
    """A theme writes the site's name into every ``<title>`` ("Impressum | Praxis Sommer"); the page's own title is
    the rest, whether the name stands after or before it, told by the page's address, ``og:site_name`` or its
    ``<h1>``. A title whose dash is part of it stays whole."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    impressum = saved_page(tmp_path / "impressum.html", "Impressum | Praxis Sommer", "Impressum",
                           "https://praxis-sommer.example/impressum/", IMPRESSUM)
    privacy = saved_page(tmp_path / "daten.html", "Naturheilpraxis Sommer – Datenschutzerklärung", "Ihre Daten",
                         "https://praxis-sommer.example/datenschutz/", [CARE, LEAD, CARE + " Auskunft."],
                         head='<meta property="og:site_name" content="Naturheilpraxis Sommer">')
    liver = saved_page(tmp_path / "leber.html", "Leber - ein unterschätztes Organ", "Leber - ein unterschätztes "
                       "Organ", "https://praxis-sommer.example/leber/", [LEAD, CARE, LEAD + " Leber."])
    out = project.run("import", str(impressum), str(privacy), str(liver)).output
    assert "title: Impressum\n" in project.read("source_de/seiten/impressum.md")
    assert "  title: Impressum (the site's name left out of 'Impressum | Praxis Sommer')" in out
    assert "title: Datenschutzerklärung\n" in project.read("source_de/seiten/datenschutz.md")
    assert "title: Leber - ein unterschätztes Organ\n" in project.read("source_de/leber-ein-unterschaetztes-organ.md")


TEA_DE = ("Viele meiner Patientinnen fragen, was sie am Abend trinken sollen. Ich empfehle einen milden Kräutertee "
          "aus Melisse und Lavendel.\n\n## Zubereitung\n\nÜbergießen Sie einen Teelöffel der Kräuter mit heißem "
          "Wasser. Lassen Sie den Tee zehn Minuten ziehen und trinken Sie ihn langsam.\n")
TEA_EN = ("Many of my patients ask what they should drink in the evening. I recommend a mild herbal tea made of "
          "lemon balm and lavender.\n\n## Preparation\n\nPour hot water over a teaspoon of the herbs. Let the tea "
          "steep for ten minutes and drink it slowly.\n")


def test_a_multilingual_hugo_sites_other_language_pages_become_translations_made_by_hand(project, tmp_path):
    """A Hugo site in German and English (``tee.md`` beside ``tee.en.md``, German the ``defaultContentLanguage``):
    the German page becomes ``source_de/``, the English one fills the article's English catalog as a translation
    made by hand (reviewed where it pairs confidently), which ``msgfmt --check`` accepts. A page in a language the
    project does not translate into, and one without a German page, are named; a second import changes nothing."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis-sommer.example/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\n[languages.en]\n[languages.es]\n",
        "content/posts/tee.md": f'+++\ntitle = "Kräutertee am Abend"\ndate = 2024-01-10\n+++\n{TEA_DE}',
        "content/posts/tee.en.md": f'+++\ntitle = "Herbal tea in the evening"\ndate = 2024-01-10\n+++\n{TEA_EN}',
        "content/posts/tee.es.md": '+++\ntitle = "Té de hierbas"\n+++\nMuchos pacientes preguntan.\n',
        "content/posts/allein.en.md": f'+++\ntitle = "Only in English"\n+++\n{TEA_EN}'})
    out = project.run("import", str(site)).output
    posts = site / "content/posts"
    assert "1 file to read (drafts of the old blog too, as drafts), 1 translation to align" in out
    assert f"  skipped {posts / 'allein.en.md'}: a page in en (Hugo's naming) without a German page of its name" in out
    assert (f"  skipped {posts / 'tee.es.md'}: a translation (es) of tee.md (Hugo's naming) into a language "
            "verlag.toml's languages do not list: add es there and import again") in out
    assert f"import: {posts / 'tee.en.md'} as the en translation of source_de/kraeutertee-am-abend.md (made by hand)" \
        in out
    path = project.root / "translations/en/kraeutertee-am-abend.po"
    msgfmt_check(path)
    entries = {e.msgid: e for e in polib.pofile(str(path))}
    assert entries["Ich empfehle einen milden Kräutertee aus Melisse und Lavendel."].msgstr == \
        "I recommend a mild herbal tea made of lemon balm and lavender."
    assert not entries["Zubereitung"].fuzzy and entries["Zubereitung"].msgstr == "Preparation"
    assert sorted(p.name for p in (project.root / "source_de").glob("*.md")) == ["kraeutertee-am-abend.md"]
    kept = path.read_bytes()
    again = project.run("import", str(site)).output
    assert "skipped " + str(posts / "tee.md") + ": already imported as source_de/kraeutertee-am-abend.md" in again
    assert "import: unchanged translations/en/kraeutertee-am-abend.po" in again and path.read_bytes() == kept


def test_a_hugo_translation_that_does_not_fit_is_an_error_naming_the_command_and_the_rest_is_imported(project,
                                                                                                      tmp_path):
    """An English page that is not a translation of its German one (another text) is refused as ``--translation-of``
    refuses it, naming the file and the command to bring it in after checking it; the German page is imported
    and the import exits 2."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\n[languages.en]\n',
        "content/posts/tee.md": f'+++\ntitle = "Kräutertee am Abend"\n+++\n{TEA_DE}',
        "content/posts/tee.en.md": '+++\ntitle = "Opening hours"\n+++\nThe practice is closed on Mondays. '
                                   + "Please call ahead if you need an appointment on a holiday, we will try to help "
                                     "you. Our phone line is open every morning.\n\n## Parking\n\nThere are spaces "
                                     "behind the house.\n\n## Payment\n\nWe take cards.\n\nAnd cash.\n\nAnd more.\n"})
    result = project.run("import", str(site), code=2)
    assert (f"error: {site / 'content/posts/tee.en.md'}: does not look like the English translation of "
            "source_de/kraeutertee-am-abend.md") in result.output
    assert (f"(the command: verlag import --translation-of kraeutertee-am-abend --lang en "
            f"{site / 'content/posts/tee.en.md'})") in result.output
    assert (project.root / "source_de/kraeutertee-am-abend.md").is_file()
    assert "Traceback" not in result.output


JPEG = (Path(__file__).parent / "data/import/seite_files/brennnessel.jpg").read_bytes()


def test_a_hugo_translations_links_images_and_old_address_follow_its_german_page(project, tmp_path):
    """The English page links the English address of another page and shows its bundle's image: aligned with the
    German page, whose link became the other article's file and whose image was copied, it says the same (so the
    pair is confident, and the English page links the English edition); its old address ``/en/posts/holunder/``
    joins the German article's aliases, so the old English address leads to the new English page."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis-sommer.example/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\n[languages.en]\n",
        "content/posts/tee.md": f'+++\ntitle = "Kräutertee am Abend"\ndate = 2024-01-10\n+++\n{TEA_DE}\n'
                                "Mehr über den [Holunder](/posts/holunder/) lesen Sie im nächsten Beitrag.\n",
        "content/posts/tee.en.md": f'+++\ntitle = "Herbal tea in the evening"\ndate = 2024-01-10\n+++\n{TEA_EN}\n'
                                   "Read more about the [elder](/en/posts/holunder/) in the next post.\n",
        "content/posts/holunder/index.md": '+++\ntitle = "Holunder im Juni"\ndate = 2024-06-01\n+++\n'
                                           "Der Holunder blüht im Juni und duftet süß.\n\n"
                                           "![Eine Dolde](dolde.jpg)\n",
        "content/posts/holunder/index.en.md": '+++\ntitle = "Elder in June"\ndate = 2024-06-01\n+++\n'
                                              "The elder blooms in June and smells sweet.\n\n![An umbel](dolde.jpg)\n",
        "content/posts/holunder/dolde.jpg": ""})
    (site / "content/posts/holunder/dolde.jpg").write_bytes(JPEG)
    out = project.run("import", str(site)).output
    assert "Mehr über den [Holunder](holunder-im-juni.md) lesen" in project.read("source_de/kraeutertee-am-abend.md")
    assert "aliases:\n- /posts/holunder/\n- /en/posts/holunder/  # en: the old address of its en translation\n" in \
        project.read("source_de/holunder-im-juni.md")
    assert "old address /en/posts/holunder/: its en translation's on the old blog, kept as an alias" in out
    entries = {e.msgid: e for e in polib.pofile(str(project.root / "translations/en/kraeutertee-am-abend.po"))}
    link = entries["Mehr über den [Holunder](holunder-im-juni.md) lesen Sie im nächsten Beitrag."]
    assert link.msgstr == "Read more about the [elder](holunder-im-juni.md) in the next post." and not link.fuzzy
    image = {e.msgid: e for e in polib.pofile(str(project.root / "translations/en/holunder-im-juni.po"))}[
        "![Eine Dolde](bilder/dolde.jpg)"]
    assert image.msgstr == "![An umbel](bilder/dolde.jpg)" and not image.fuzzy
    msgfmt_check(project.root / "translations/en/holunder-im-juni.po")


PLAIN_MARKDOWN = ("# Tee richtig ziehen lassen\n\nDie Ziehzeit entscheidet über den Geschmack.\nGrüner Tee wird "
                  "schnell "
                  "bitter.\n\n| Sorte | Minuten |\n|---|---|\n| Grün | 2 |\n| Schwarz | 4 |\n\n1. Wasser kochen\n"
                  "2. Abkühlen lassen\n   - bei Grüntee auf 80 Grad\n\n> Ein Satz aus dem Teeladen.\n")


def test_a_plain_markdown_file_without_front_matter_is_imported_as_markdown_titled_by_its_heading(project, tmp_path):
    """The commonest file an author has: Markdown without front matter. ``--kind markdown`` stopped with exit 2, and
    without it the copied-text reader escaped its table and quote (``\\| Sorte``, ``\\>``) and split its lines into
    paragraphs. Its first ``#`` heading is the title, the rest stays the Markdown it was; the date is asked for."""
    (tmp_path / "tee.md").write_text(PLAIN_MARKDOWN, encoding="utf-8")
    for args in (("--kind", "markdown"), ()):
        out = project.run("import", "--dry-run", *args, str(tmp_path / "tee.md")).output
        assert "  title from the heading at line 1: Tee richtig ziehen lassen (no front matter)\n" in out
        assert "no date found: add 'date: YYYY-MM-DD' before publishing" in out
    project.run("import", str(tmp_path / "tee.md"))
    assert project.read("source_de/tee-richtig-ziehen-lassen.md") == \
        "---\ntitle: Tee richtig ziehen lassen\ndraft: true\n---\n" + PLAIN_MARKDOWN.split("\n\n", 1)[1]
    (tmp_path / "ohne.md").write_text("Niere\n\nDie Niere filtert auch.\n", encoding="utf-8")
    out = project.run("import", "--kind", "markdown", str(tmp_path / "ohne.md"), code=2).output
    assert f"error: {tmp_path / 'ohne.md'}:1: neither front matter" in out and "--kind text" in out
    assert "Die Niere" in project.run("import", "--dry-run", str(tmp_path / "ohne.md")).output  # as copied text


def test_an_undated_import_is_not_skipped_for_an_other_article_with_its_title_alone(project, tmp_path):
    """Pasted text states no date, and an undated import was skipped when any article had its title ("Fazit" is
    common): it is the same article only when most of its text is there too (also after the author added the date
    and edited a sentence); else it is imported, and the summary names the namesake."""
    project.write("source_de/fazit.md", "---\ntitle: Fazit\ndate: 2025-02-01\n---\nDer Winter war lang, die "
                                        "Erkältungen kurz.\n")
    pasted = tmp_path / "fazit.txt"
    pasted.write_text(f"Fazit\n{LEAD}\nNach drei Wochen Fastenkur schlafe ich besser als vorher.\n{CARE}\n",
                      encoding="utf-8")
    out = project.run("import", str(pasted)).output
    assert "wrote source_de/fazit-2.md" in out and "already imported" not in out
    assert "  source_de/fazit.md has this title but other text: imported as another article (delete it if it is the " \
           "same one)\n" in out
    source = project.root / "source_de/fazit-2.md"
    source.write_text(source.read_text(encoding="utf-8").replace("draft: true\n", "date: 2025-03-12\n")
                      .replace("besser als vorher", "viel besser als vorher"), encoding="utf-8")
    before = project.snapshot()
    assert "skipped " + str(pasted) + ":1: already imported as source_de/fazit-2.md" in \
        project.run("import", str(pasted)).output
    assert project.snapshot() == before


def test_hard_wrapped_german_text_is_read_a_paragraph_a_blank_line_separated_block(project, tmp_path):
    """A text file from an editor or a mail, wrapped at about 72 columns with blank lines between paragraphs, was
    read as copied web text, a block a line: each wrapped line a paragraph, a paragraph's short last line a heading.
    Its wrapped lines join; a heading alone in its block and a list stay what they are."""
    wrapped = tmp_path / "holunder.txt"
    wrapped.write_text("Holunderblüten richtig trocknen\n\nHolunderblüten duften nur wenige Tage im Jahr. Wer sie "
                       "trocknen will,\npflückt sie an einem sonnigen Vormittag, wenn der Tau verdunstet ist.\n\n"
                       "Die Dolden werden kopfüber an einem luftigen, schattigen Ort\naufgehängt. Nach etwa einer "
                       "Woche rascheln die Blüten und lassen sich\nabrebeln.\n\nAufbewahren\n\nIn einem dunklen Glas "
                       "halten sich die Blüten bis zum nächsten Sommer.\nFeuchtigkeit ist der größte Feind, deshalb "
                       "gehört das Glas nicht in\ndie Küche:\n- nicht neben den Herd\n- nicht über die Spüle\n",
                       encoding="utf-8")
    out = project.run("import", str(wrapped)).output
    assert "  hard-wrapped lines joined into one paragraph each (blank lines between paragraphs), at lines 3, 6, " \
           "12\n" in out
    assert project.read("source_de/holunderblueten-richtig-trocknen.md").split("---\n")[2] == (
        "Holunderblüten duften nur wenige Tage im Jahr. Wer sie trocknen will, pflückt sie an einem sonnigen "
        "Vormittag, wenn der Tau verdunstet ist.\n\nDie Dolden werden kopfüber an einem luftigen, schattigen Ort "
        "aufgehängt. Nach etwa einer Woche rascheln die Blüten und lassen sich abrebeln.\n\n## Aufbewahren\n\n"
        "In einem dunklen Glas halten sich die Blüten bis zum nächsten Sommer. Feuchtigkeit ist der größte "
        "Feind, deshalb gehört das Glas nicht in die Küche:\n\n- nicht neben den Herd\n- nicht über die Spüle\n")


def test_a_word_broken_at_a_hard_wrapped_line_end_s_hyphen_is_joined_and_named(project, tmp_path):
    """A word broken at a line end's hyphen kept the space of the line break ("Rücken- schmerzen"). Joined
    without it: the hyphen goes for a syllable split (lower case on both sides) and stays in a compound written
    with one ("E-Mail", "Vitamin-D-Spiegel"), and with its space before "und" ("Haus- und Gartenarbeit"); the
    summary names each join for the author to check."""
    wrapped = tmp_path / "ruecken.txt"
    wrapped.write_text("Rücken im Winter\n\n"
                       "Wer morgens mit steifem Nacken aufwacht und über Rücken-\n"
                       "schmerzen klagt, sollte zuerst den Vitamin-D-Spiegel und den Vitamin-D-\n"
                       "Spiegel der Familie prüfen lassen. Schreiben Sie mir eine E-\n"
                       "Mail, wenn Sie nach der Haus- und Gartenarbeit oder nach der Haus-\n"
                       "und Gartenarbeit Schmerzen haben, dann helfen wir weiter.\n",
                       encoding="utf-8")
    out = project.run("import", str(wrapped)).output
    assert "  a word broken at a line end's hyphen joined, check each: Rückenschmerzen (line 3), Vitamin-D-Spiegel " \
           "(line 4), E-Mail (line 5)\n" in out, out
    assert project.read("source_de/ruecken-im-winter.md").split("---\n")[2] == (
        "Wer morgens mit steifem Nacken aufwacht und über Rückenschmerzen klagt, sollte zuerst den "
        "Vitamin-D-Spiegel und den Vitamin-D-Spiegel der Familie prüfen lassen. Schreiben Sie mir eine E-Mail, "
        "wenn Sie nach der Haus- und Gartenarbeit oder nach der Haus- und Gartenarbeit Schmerzen haben, dann "
        "helfen wir weiter.\n")


DOSE_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Magnesium über den Tag</title></head>
<body><nav><a href="/">Start</a> <a href="/blog/">Blog</a></nav><main><article><h1>Magnesium über den Tag</h1>
<p>Magnesium wird am besten über den Tag verteilt eingenommen, damit der Darm es gut aufnehmen kann.</p>
<p>Die Tabelle zeigt, zu welcher Tageszeit welche Kapsel an der Reihe ist.</p>
<table><tr><th>M</th><th>D</th><th>M</th><th>D</th><th>F</th></tr><tr><td>x</td><td>x</td><td>x</td><td>x</td><td>x</td></tr>
<tr><td>x</td><td></td><td>x</td><td></td><td>x</td></tr></table>
<p>Ob es hilft, zeigt sich meist nach zwei Wochen:</p>
<ul><li>ja</li><li>nein</li><li>kaum</li></ul>
<p>Wer abends Krämpfe in den Waden hat, nimmt die größere Menge besser vor dem Schlafengehen ein.</p>
</article></main><footer><p>Praxis Beispiel, Musterweg 1</p></footer></body></html>
"""


def test_a_saved_pages_table_of_one_letter_cells_and_a_short_list_are_kept(project, tmp_path):
    """trafilatura keeps a week's plan of "x" marks and a list of three short answers, but verlag's pruning of its
    element kept a block only from 25 letters on or as one of trafilatura's blocks, and dropped a table or list
    of fewer letters altogether, without a note; and a row of "x" alone was taken for a share bar (X, once
    Twitter). A run of trafilatura's own blocks stays whole, and a table row is no share bar."""
    page = tmp_path / "magnesium.html"
    page.write_text(DOSE_PAGE, encoding="utf-8")
    project.run("import", str(page))
    text = project.read("source_de/magnesium-ueber-den-tag.md")
    assert "| M | D | M | D | F |\n| --- | --- | --- | --- | --- |\n| x | x | x | x | x |\n| x |  | x |  | x |\n" in text
    assert "- ja\n- nein\n- kaum\n" in text
    assert "Musterweg" not in text and "Start" not in text


def test_a_12_mb_inline_image_is_named_with_its_file_not_lost_with_the_export_or_written_too_large(project, tmp_path):
    """A post with a photo pasted inline (a ``data:`` address of 12 MB): lxml's XML parser stops at 10 MB, so the
    whole export failed as "not well-formed XML … CData section too big" with none of its posts imported, and a
    Hugo post holding such an image was written whole, an article extract then refuses (over 8 MB). Now the post is
    named at its line with the inline image's size and the export's other posts are imported; the Markdown post
    is an error naming its file, nothing written."""
    photo = "data:image/jpeg;base64," + "A" * (12 * 2**20)
    wxr_file = export(tmp_path / "export.xml",
                      post("Großes Foto", f'<p>{LEAD}</p><p><img src="{photo}" alt="Garten"></p>', post_id=5,
                           name="foto"),
                      post("Kleiner Beitrag", f"<p>{CARE}</p>", post_id=6, name="klein"))
    out = project.run("import", str(wxr_file), code=2).output
    assert "not well-formed" not in out, out[:2000]
    assert (f"error: {wxr_file}:4: 12.0 MB is more than verlag reads of a saved web page or one post of an export or "
            "feed (8.0 MB); 12.0 MB of it is 1 inline image (a data: address)") in out, out[:2000]
    assert CARE in project.read("source_de/klein.md")
    assert not (project.root / "source_de/foto.md").exists()
    hugo = tmp_path / "foto.md"
    hugo.write_text(f'---\ntitle: Foto im Garten\ndate: 2024-05-02\n---\n{LEAD}\n\n<img src="{photo}" alt="Garten">\n',
                    encoding="utf-8")
    out = project.run("import", str(hugo), code=2).output
    assert (f"error: {hugo}: 12.0 MB is more than verlag reads of a German source (8.0 MB); 12.0 MB of it is 1 "
            "inline image (a data: address)") in out, out[:2000]
    assert not (project.root / "source_de/foto-im-garten.md").exists()


def test_a_hugo_named_translation_in_a_plain_folder_says_to_add_its_language_before_the_command(project, tmp_path):
    """A plain folder holding tee.md, tee.en.md and tee.es.md (no Hugo site): each translation is named with the
    command that brings it in. For es, which verlag.toml's languages (en, fr) do not list, that command would fail
    ("'es' is not in languages"): it said to run it all the same; it says to add es there first, with the line."""
    folder = tree(tmp_path / "notizen", {
        "tee.md": f'---\ntitle: "Kräutertee am Abend"\ndate: 2024-01-10\n---\n{TEA_DE}',
        "tee.en.md": f'---\ntitle: "Herbal tea in the evening"\n---\n{TEA_EN}',
        "tee.es.md": '---\ntitle: "Té de hierbas"\n---\nMuchos pacientes preguntan.\n'})
    out = project.run("import", "--dry-run", str(folder)).output
    assert (f"  skipped {folder / 'tee.en.md'}: a translation (en) of tee.md in Hugo's naming: bring it in with "
            f"verlag import --translation-of kraeutertee-am-abend --lang en {folder / 'tee.en.md'}\n") in out, out
    assert (f"  skipped {folder / 'tee.es.md'}: a translation (es) of tee.md in Hugo's naming into a language "
            'verlag.toml\'s languages do not list: add it there first (languages = ["en", "fr", "es"]), then bring '
            f"it in with verlag import --translation-of kraeutertee-am-abend --lang es {folder / 'tee.es.md'}\n") in out


def test_markdown_its_guards_name_the_imported_files_line_not_the_bodys(project, tmp_path):
    """A block of 10,050 '[' or 1,100 open HTML elements (``segment.MAX_BRACKETS``, ``MAX_OPEN_HTML``) stands at
    line 8 of the file, below four lines of front matter: the error named line 4, the body's, which the author's
    editor does not show."""
    front = "---\ntitle: Klammern\ndate: 2024-05-01\n---\n\nEin Absatz.\n\n"
    for name, block in (("klammer.md", "[" * 10_050), ("offen.md", "<div>\n" + "<span>" * 1_100)):
        (tmp_path / name).write_text(front + block + "\n\nEnde.\n", encoding="utf-8")
        out = project.run("import", str(tmp_path / name), code=2).output
        assert f"error: {tmp_path / name}:8: " in out, out
    assert not (project.root / "source_de").exists() or not list((project.root / "source_de").glob("*.md"))


def test_a_file_url_image_is_named_not_found_at_its_line_as_a_windows_path_is(project, tmp_path):
    """``![Tee](file:///C:/Users/…/tee%20glas.jpg)`` is no image to markdown-it (it refuses file: addresses): it
    stayed text and the import named nothing, while a Typora ``C:\\Users\\…`` image is named not found. Named
    alike, decoded, at its line, also in <…> with a space; one in a code block is code, not named."""
    note = tmp_path / "bild.md"
    note.write_text("---\ntitle: Bilder\ndate: 2024-05-01\n---\n\nEin Absatz über Tee.\n\n"
                    "![Tee](file:///C:/Users/eva/Bilder/tee%20glas.jpg)\n\nZwei Gläser und\n"
                    "![Glas](<file:///home/eva/mein glas.png>) dort.\n\n```\n![Code](file:///x.png)\n```\n",
                    encoding="utf-8")
    out = project.run("import", "--dry-run", str(note)).output
    advice = "a path on the computer the text was written on): save it into source_de/bilder/"
    assert f"image not found: file:///C:/Users/eva/Bilder/tee glas.jpg ({note}:8: {advice}" in out, out
    assert f"image not found: file:///home/eva/mein glas.png ({note}:11: {advice}" in out, out
    assert "image not found: file:///x.png" not in out


def test_an_image_of_a_jekyll_post_in_html_is_named_at_the_files_line(project, tmp_path):
    """A Jekyll post written in HTML is converted to Markdown before its images are looked up: "image not found
    (…:7)" named a line of the converted text (its blank lines are not the file's). The line of the file that
    holds the address is named."""
    posts = tmp_path / "blog/_posts"
    posts.mkdir(parents=True)
    (tmp_path / "blog/_config.yml").write_text("title: Blog\n", encoding="utf-8")
    post = posts / "2024-05-01-html.html"
    post.write_text("---\ntitle: Ein Post in HTML\nlayout: post\n---\n<p>Erster Absatz über Tee.</p>\n\n\n\n"
                    "<p>Zweiter Absatz.</p>\n<p><img src=\"fehlt.jpg\" alt=\"Tasse\"></p>\n", encoding="utf-8")
    out = project.run("import", "--dry-run", str(post)).output
    assert f"image not found: fehlt.jpg ({post}:10): save it into source_de/bilder/" in out, out

"""``verlag import`` keeps what the old blog's readers and search engines know: its slugs, its links between
posts, its images and its legal pages (WordPress exports, saved pages, Jekyll and Hugo sites)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from conftest import WALL, Project

LEAD = "Ringelblumen blühen bis zum ersten Frost und lassen sich den ganzen Sommer über ernten."
CARE = "Wer empfindliche Haut hat, probiert eine neue Salbe zuerst an einer kleinen Stelle aus."
HOST = "https://praxis-am-bach.example"


def wxr(*items: str) -> str:
    """A WordPress export (WXR 1.2) of ``items`` (each the inside of an ``<item>``)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f"<channel><title>Praxis am Bach</title><link>{HOST}</link>\n"
            + "".join(f"<item>{item}</item>\n" for item in items) + "</channel></rss>\n")


def post(title: str, body: str, *, post_id: int, name: str = "", kind: str = "post", link: str | None = None,
         status: str = "publish") -> str:
    return (f"<title><![CDATA[{title}]]></title><link>{link or f'{HOST}/?p={post_id}'}</link>"
            f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2024-05-02 09:00:00</wp:post_date>"
            f"<wp:post_date_gmt>2024-05-02 07:00:00</wp:post_date_gmt><wp:post_name><![CDATA[{name}]]></wp:post_name>"
            f"<wp:status>{status}</wp:status><wp:post_type>{kind}</wp:post_type>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>")


def export(tmp_path: Path, *items: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(wxr(*items), encoding="utf-8")
    return path


def sources(project: Project) -> list[str]:
    root = project.root / "source_de"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def test_a_wordpress_posts_slug_is_its_post_name_percent_decoded(project, tmp_path):
    """The slug WordPress gave the post (``wp:post_name``, the last part of its permalink) names the file, not
    its title: an author who shortened the address keeps it. WordPress stores a name with umlauts
    percent-encoded (``kr%c3%a4uter``); one that does not decode as UTF-8 is no name: the title names the file."""
    path = export(tmp_path,
                  post("Ringelblumen im Sommer: ernten, trocknen, aufbewahren", LEAD, post_id=11,
                       name="ringelblumen", link=f"{HOST}/ringelblumen/"),
                  post("Kräuter für den Winter", CARE, post_id=12, name="kr%c3%a4uter-winter",
                       link=f"{HOST}/kr%C3%A4uter-winter/"),
                  post("Salbe selbst rühren", CARE + " Salbe.", post_id=13, name="salbe-%c3",
                       link=f"{HOST}/salbe-%C3/"))
    out = project.run("import", str(path)).output
    assert sources(project) == ["kraeuter-winter.md", "ringelblumen.md", "salbe-selbst-ruehren.md"]
    assert f"aliases:\n- {HOST}/ringelblumen/\n" in project.read("source_de/ringelblumen.md")
    assert "slug 'salbe-%c3' (wp:post_name) is not percent-encoded UTF-8: named from the title" in out


def publish_all(project: Project) -> None:
    """The author's step after checking the imports: delete every 'draft: true' line."""
    for path in (project.root / "source_de").rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")


def test_links_by_wordpress_plain_permalink_lead_to_the_imported_posts_and_pages(project, tmp_path):
    """A blog with plain permalinks links its posts as ``/?p=N`` and its pages as ``/?page_id=N`` (also full, on the
    blog's address, or ``index.php?p=N``): each becomes the other article's file, relative to the linking one, so
    every edition links its own page; a post the export does not hold, and another query, stay as written."""
    path = export(tmp_path,
                  post("Holunder", f'{LEAD} Siehe <a href="{HOST}/?p=42#anwendung">Salben</a>, die '
                       '<a href="/?page_id=7">Praxis</a> und <a href="/?p=999">den alten Beitrag</a> oder '
                       f'<a href="{HOST}/?s=salbe">die Suche</a>.', post_id=41),
                  post("Salben", f'{CARE} <a href="http://praxis-am-bach.example/index.php?p=41">Holunder</a>',
                       post_id=42),
                  post("Über die Praxis", f'{CARE} Zum <a href="?p=41">Holunder</a>.', post_id=7, kind="page",
                       link=f"{HOST}/?page_id=7"))
    out = project.run("import", str(path)).output
    assert "import: 4 links to another imported post's or page's old address lead to its source file now" in out
    assert project.read("source_de/holunder.md").endswith(
        f"Siehe [Salben](salben.md#anwendung), die [Praxis](seiten/ueber-die-praxis.md) und "
        f"[den alten Beitrag](/?p=999) oder [die Suche]({HOST}/?s=salbe).\n")
    assert project.read("source_de/salben.md").endswith(f"{CARE} [Holunder](holunder.md)\n")
    assert project.read("source_de/seiten/ueber-die-praxis.md").endswith(f"{CARE} Zum [Holunder](../holunder.md).\n")
    publish_all(project)
    project.run("extract")
    project.run("build")
    page = project.read("site/de/holunder/index.html")
    assert 'href="/de/salben/#anwendung"' in page and 'href="/de/ueber-die-praxis/"' in page
    assert 'href="/de/holunder/"' in project.read("site/de/ueber-die-praxis/index.html")
    assert 'href="/de/holunder/"' in project.read("site/de/salben/index.html")


def test_full_address_links_to_wordpress_pages_lead_to_their_files(project, tmp_path):
    """A page's pretty permalink (its ``<link>``, from ``wp:post_name``) is an old address like a post's: a full
    link to it becomes the page's file below ``seiten/``, relative to the linking file."""
    path = export(tmp_path,
                  post("Holunder", f'{LEAD} Siehe das <a href="{HOST}/impressum/">Impressum</a> und '
                       f'<a href="{HOST}/ueber-mich/#praxis">mich</a>.', post_id=41, name="holunder",
                       link=f"{HOST}/2024/05/holunder/"),
                  post("Impressum", f'{CARE} Zum <a href="{HOST}/2024/05/holunder/">Holunder</a>.', post_id=2,
                       name="impressum", kind="page", link=f"{HOST}/impressum/"),
                  post("Über mich", CARE, post_id=3, name="ueber-mich", kind="page", link=f"{HOST}/ueber-mich/"))
    out = project.run("import", str(path)).output
    assert "import: 3 links to another imported post's or page's old address lead to its source file now" in out
    assert project.read("source_de/holunder.md").endswith(
        "Siehe das [Impressum](seiten/impressum.md) und [mich](seiten/ueber-mich.md#praxis).\n")
    assert project.read("source_de/seiten/impressum.md").endswith(f"{CARE} Zum [Holunder](../holunder.md).\n")


def test_links_to_the_www_form_of_the_old_host_are_the_old_sites(project, tmp_path):
    """``www.host`` and ``host`` are one site, both ways: a link on either form to an imported post's old address
    becomes its file."""
    www = HOST.replace("https://", "https://www.")
    path = export(tmp_path,
                  post("Holunder", f'{LEAD} Siehe <a href="{www}/salben/">Salben</a>.', post_id=41, name="holunder",
                       link=f"{HOST}/holunder/"),
                  post("Salben", f'{CARE} Zum <a href="{www}/?p=41">Holunder</a>.', post_id=42, name="salben",
                       link=f"{www}/salben/"),
                  post("Tee", f'{CARE} Zur <a href="{HOST}/salben/">Salbe</a>.', post_id=43, name="tee",
                       link=f"{HOST}/tee/"))
    out = project.run("import", str(path)).output
    assert "import: 3 links to another imported post's old address lead to its source file now" in out
    assert project.read("source_de/holunder.md").endswith("Siehe [Salben](salben.md).\n")
    assert project.read("source_de/salben.md").endswith(f"{CARE} Zum [Holunder](holunder.md).\n")
    assert project.read("source_de/tee.md").endswith(f"{CARE} Zur [Salbe](salben.md).\n")


UPLOADS = f"{HOST}/wp-content/uploads/2023/06"
JPEG = (Path(__file__).parent / "data/import/seite_files/brennnessel.jpg").read_bytes()


def export_with_images(tmp_path: Path) -> Path:
    return export(tmp_path,
                  post("Ringelblumen", f'<a href="{UPLOADS}/ringelblume.jpg"><img src="{UPLOADS}/ringelblume.jpg" '
                       f'alt="Ringelblumen im Beet"></a>\n\n{LEAD}\n\n'
                       f'<img src="{UPLOADS}/ringelblume-getrocknet-300x200.jpg" alt="Getrocknete Blüten">',
                       post_id=51),
                  post("Holunder", f'{CARE}\n\n<img src="/wp-content/uploads/2023/06/holunder.jpg" alt="Holunder">\n\n'
                       '<img src="https://fotos.example.org/wiese.jpg" alt="Eine Wiese">', post_id=52))


def test_wordpress_images_left_on_the_old_server_are_warned_about_once_per_export(project, tmp_path):
    """Without a copy of the uploads the images stay on the old blog: one warning names how many, and what to do,
    before the old host is shut down and every such image breaks."""
    path = export_with_images(tmp_path)
    out = project.run("import", str(path)).output
    assert out.count("warning:") == 1
    assert (f"warning: {path}: 3 images of 2 articles stay on the old blog's server ({HOST}/wp-content/uploads/…): "
            "the site loses them when that server is shut down; import with --uploads DIR, a copy of the blog's "
            "wp-content/uploads folder, to copy them into source_de/bilder/") in out
    assert "image left at its old address: " + UPLOADS not in out
    assert "image left at its old address: https://fotos.example.org/wiese.jpg" in out
    assert f"[![Ringelblumen im Beet]({UPLOADS}/ringelblume.jpg)]({UPLOADS}/ringelblume.jpg)" in \
        project.read("source_de/ringelblumen.md")


def test_wordpress_images_are_copied_from_a_local_copy_of_the_uploads_folder(project, tmp_path):
    """``--uploads DIR``: an image of ``wp-content/uploads/`` (full URL or site path) found in DIR is copied to
    source_de/bilder/ and referenced from there, so the site keeps it after the old host is gone, and so is a link
    to the full-size file (WordPress's "Link to: Media File"); one missing from DIR is named and stays at its old
    address, counted in the warning, which does not advise the option given."""
    uploads = tmp_path / "uploads"
    (uploads / "2023/06").mkdir(parents=True)
    (uploads / "2023/06/ringelblume.jpg").write_bytes(JPEG)
    (uploads / "2023/06/holunder.jpg").write_bytes(JPEG[:-2] + b"\xff\xd9")
    path = export_with_images(tmp_path)
    out = project.run("import", str(path), "--uploads", str(uploads)).output
    assert project.read("source_de/ringelblumen.md").endswith(
        f"---\n[![Ringelblumen im Beet](bilder/ringelblume.jpg)](bilder/ringelblume.jpg)\n\n{LEAD}\n\n"
        f"![Getrocknete Blüten]({UPLOADS}/ringelblume-getrocknet-300x200.jpg)\n")
    assert "![Holunder](bilder/holunder.jpg)" in project.read("source_de/holunder.md")
    assert (project.root / "source_de/bilder/ringelblume.jpg").read_bytes() == JPEG
    assert f"image not in {uploads}: 2023/06/ringelblume-getrocknet-300x200.jpg (left at its old address)" in out
    assert (f"warning: {path}: 1 image of 1 article stays on the old blog's server ({HOST}/wp-content/uploads/…), "
            f"not being in {uploads}: the site loses it when that server is shut down\n") in out
    publish_all(project)
    project.run("extract")
    project.run("build")
    assert (project.root / "site/media/bilder/holunder.jpg").is_file()
    assert 'src="/media/bilder/ringelblume.jpg"' in project.read("site/de/ringelblumen/index.html")


def saved_page(tmp_path: Path, name: str, title: str, url: str, paragraphs: list[str]) -> Path:
    """A page as a browser's "Save page as" writes it: navigation, the page's text, a footer."""
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    path = tmp_path / name
    path.write_text(f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{url}"><meta property="og:title" content="{title}"></head>
<body><nav><a href="/">Start</a> <a href="/blog/">Blog</a> <a href="/impressum/">Impressum</a></nav>
<main><article><h1>{title.split(" | ")[0]}</h1>
{text}</article></main>
<footer><p>© 2024 Praxis Sommer</p></footer></body></html>
""", encoding="utf-8")
    return path


IMPRESSUM = ["Angaben gemäß § 5 DDG: Katrin Sommer, Heilpraktikerin, Lindenweg 3, 12345 Musterstadt.",
             "Kontakt: Telefon 01234 567890, E-Mail praxis@praxis-sommer.example. Die Berufsbezeichnung "
             "Heilpraktikerin wurde in der Bundesrepublik Deutschland verliehen.",
             "Zuständige Aufsichtsbehörde ist das Gesundheitsamt Musterstadt, Am Markt 1, 12345 Musterstadt."]
PRIVACY = ["Wir freuen uns über Ihr Interesse an unserer Praxis. Der Schutz Ihrer persönlichen Daten ist uns "
           "ein wichtiges Anliegen, deshalb erklären wir hier, welche Daten beim Besuch dieser Seiten anfallen.",
           "Verantwortlich für die Verarbeitung ist Katrin Sommer, Lindenweg 3, 12345 Musterstadt. Beim Aufruf "
           "der Seiten speichert der Server Ihres Anbieters Datum, Uhrzeit und die aufgerufene Adresse.",
           "Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten sowie auf Beschwerde bei "
           "einer Aufsichtsbehörde für den Datenschutz."]


def test_a_saved_impressum_or_privacy_page_replaces_inits_untouched_legal_page(tmp_path):
    """A saved Impressum or privacy notice is the practice's legal page, not an article: recognised by its title or
    the last part of its address (the words a WordPress page's slug is recognised by), it takes the place of
    the template init wrote, so the footer of every page links it."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    impressum = saved_page(tmp_path, "Impressum.html", "Impressum | Praxis Sommer",
                           "https://praxis-sommer.example/impressum/", IMPRESSUM)
    privacy = saved_page(tmp_path, "seite.html", "Hinweise zu Ihren Daten",
                         "https://praxis-sommer.example/datenschutzerklaerung/", PRIVACY)
    out = project.run("import", str(impressum), str(privacy)).output
    assert out.count("  replaced the template 'verlag init' wrote there") == 2
    assert sorted(sources(project)) == ["seiten/datenschutz.md", "seiten/impressum.md", "willkommen.md"]
    assert "Lindenweg 3, 12345 Musterstadt." in project.read("source_de/seiten/impressum.md")
    text = project.read("source_de/seiten/datenschutz.md")
    assert "title: Hinweise zu Ihren Daten\n" in text and "Recht auf Auskunft" in text
    assert "- https://praxis-sommer.example/datenschutzerklaerung/\n" in text


def test_verlag_tomls_timezone_places_a_saved_pages_and_a_feeds_times_written_without_a_zone(project, tmp_path):
    """A page that states its publishing time without a zone (``2025-04-14T08:00:00``), and a feed time of an
    unknown zone (RFC 822 ``-0000``), were the blog's local time: with ``timezone`` set they keep their time in
    that zone; without it the page gives the day, as before. An unknown zone name is an error at its line."""
    page = saved_page(tmp_path, "baerlauch.html", "Bärlauch sammeln", "https://praxis-sommer.example/baerlauch/",
                      [LEAD, CARE, "Bärlauch wächst im Frühjahr in feuchten Laubwäldern, er riecht nach Knoblauch."])
    page.write_text(page.read_text(encoding="utf-8").replace(
        "<title>", '<meta property="article:published_time" content="2025-04-14T08:00:00"><title>'), encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Blog</title>\n'
                    "<item><title>Linden</title><link>https://praxis-sommer.example/linden/</link>"
                    f"<pubDate>Sat, 12 Oct 2024 00:30:00 -0000</pubDate><description>{CARE}</description></item>\n"
                    "</channel></rss>\n", encoding="utf-8")
    config = project.read("verlag.toml")
    project.write("verlag.toml", config + 'timezone = "Europe/Berln"\n')
    assert "verlag.toml:4: timezone: 'Europe/Berln' is no time zone" in project.run("import", str(page), code=2).output
    project.write("verlag.toml", config + 'timezone = "Europe/Berlin"\n')
    project.run("import", str(page), str(feed))
    assert "\ndate: 2025-04-14 08:00:00+02:00\n" in project.read("source_de/baerlauch-sammeln.md")
    assert "\ndate: 2024-10-12 00:30:00+02:00\n" in project.read("source_de/linden.md")
    other = Project(tmp_path / "ohne-zone")
    other.write("verlag.toml", config)
    other.run("import", str(page), str(feed))
    assert "\ndate: 2025-04-14\n" in other.read("source_de/baerlauch-sammeln.md")
    assert "\ndate: 2024-10-12 00:30:00+00:00\n" in other.read("source_de/linden.md")


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_a_jekyll_sites_front_matter_defaults_give_its_posts_their_old_addresses(project, tmp_path):
    """Jekyll's ``defaults:`` in _config.yml set front matter for the posts of a scope
    (https://jekyllrb.com/docs/configuration/front-matter-defaults/): a ``permalink`` there is the address the
    posts had, over the site's ``permalink``; the most specific scope wins, and a post's own ``permalink`` over
    both. A link written as that address leads to the article's file."""
    site = write(tmp_path / "blog", {
        "_config.yml": "url: https://praxis-sommer.example\nbaseurl: /blog\npermalink: date\ndefaults:\n"
                       "  - scope: {path: ''}\n    values: {layout: default}\n"
                       "  - scope: {path: '', type: posts}\n    values: {permalink: '/artikel/:year/:title/'}\n"
                       "  - scope: {path: 'rezepte/_posts', type: posts}\n"
                       "    values: {permalink: '/rezepte/:title/'}\n",
        "_posts/2022-09-15-linden-tee.md": f"---\ntitle: Lindenblütentee\n---\n{LEAD}\n",
        "_posts/2022-10-01-schafgarbe.md": f"---\ntitle: Schafgarbe\n---\n{CARE} Siehe [Linde]"
                                          "({{ site.baseurl }}/artikel/2022/linden-tee/).\n",
        "rezepte/_posts/2023-01-05-salbe.md": f"---\ntitle: Ringelblumensalbe\n---\n{CARE}\n",
        "_posts/2023-02-01-eigene.md": f"---\ntitle: Eigene Adresse\npermalink: /eigene/\n---\n{LEAD}\n"})
    out = project.run("import", str(site)).output
    assert "aliases:\n- /blog/artikel/2022/linden-tee/\n" in project.read("source_de/linden-tee.md")
    assert "aliases:\n- /blog/rezepte/salbe/\n" in project.read("source_de/salbe.md")
    assert "aliases:\n- /blog/eigene/\n" in project.read("source_de/eigene.md")
    assert "Siehe [Linde](linden-tee.md)." in project.read("source_de/schafgarbe.md")
    assert "old address /blog/artikel/2022/linden-tee/: the permalink '/artikel/:year/:title/' of " \
           "blog/_config.yml's defaults" in out


def test_a_hugo_pages_aliases_are_under_the_sites_base_url_path(project, tmp_path):
    """Hugo serves a page's ``aliases`` (https://gohugo.io/methods/page/aliases/) below its ``baseURL``'s path,
    as it does the page: a site at https://praxis-sommer.example/blog/ redirected ``/2019/tee-alt/`` from
    ``/blog/2019/tee-alt/``."""
    site = write(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis-sommer.example/blog/"\ntitle = "Praxis"\n',
        "content/posts/tee.md": f'+++\ntitle = "Kräutertee"\ndate = 2024-01-10\naliases = ["/2019/tee-alt/", '
                                f'"https://alt.example/tee"]\n+++\n{LEAD}\n'})
    project.run("import", str(site))
    assert "aliases:\n- /blog/2019/tee-alt/\n- https://alt.example/tee\n- /blog/posts/tee/\n" in \
        project.read("source_de/kraeutertee.md")


def test_check_warns_at_its_line_about_a_full_url_of_the_old_site(project):
    """The old site's host is known from the articles' old addresses (``aliases:`` full URLs, which the import
    writes): a link or image still on it (written by hand, or by an older import) works only until that site is
    shut down, so ``check`` names each at its line, with the file to link where an article has that old address.
    Another site's URL and a project without an old site get no such warning."""
    project.write("source_de/linde.md", "---\ntitle: Linde\ndate: 2024-05-02\naliases:\n"
                  f"- {HOST}/2022/09/linde/\n---\n{LEAD}\n")
    project.write("source_de/holunder.md", f"---\ntitle: Holunder\ndate: 2024-05-03\n---\n{CARE}\n\n"
                  f"Siehe [Linde]({HOST}/2022/09/linde) und [die WHO](https://www.who.int/).\n\n"
                  f"![Holunderblüten]({HOST.replace('https', 'http')}/wp-content/uploads/2023/06/holunder.jpg)\n\n"
                  f"Termine über [Kontakt](<{HOST}/kontakt/>).\n")
    project.run("extract")
    out = project.run("check").output
    assert (f"warning: source_de/holunder.md:7: {HOST}/2022/09/linde points at the old site "
            "(praxis-am-bach.example), which answers only until it is shut down: link the article's file "
            "instead, linde.md [old-site]") in out
    assert ("warning: source_de/holunder.md:9: http://praxis-am-bach.example/wp-content/uploads/2023/06/"
            "holunder.jpg is a file on the old site (praxis-am-bach.example), which answers only until it is shut "
            "down: save it into source_de/ (images: source_de/bilder/) and refer to it there [old-site]") in out
    assert (f"warning: source_de/holunder.md:11: {HOST}/kontakt/ points at the old site "
            "(praxis-am-bach.example), which answers only until it is shut down: link a page of the new site, "
            "or drop the link [old-site]") in out
    assert out.count("[old-site]") == 3
    project.write("source_de/linde.md", f"---\ntitle: Linde\ndate: 2024-05-02\n---\n{LEAD}\n")
    assert "[old-site]" not in project.run("check").output


def test_an_image_on_the_old_site_is_old_site_s_warning_alone_another_host_s_stays_active_html(project):
    """Trial 20: one Markdown image on the old blog's host got two warnings, [old-site] and [active-html], whose advice
    (set german_html = "clean") fits no Markdown image. Saving the file into source_de/ settles both, so [old-site]
    says it alone, for the www form of the old host too; an image of another host is still [active-html]'s, and so
    is the other host's image in the same paragraph."""
    www = HOST.replace("https://", "https://www.")
    project.write("source_de/linde.md", f"---\ntitle: Linde\ndate: 2024-05-02\naliases:\n- {HOST}/linde/\n---\n"
                  f"{LEAD}\n")
    project.write("source_de/tee.md", f"---\ntitle: Tee\ndate: 2024-05-03\n---\n{CARE}\n\n"
                  f"![Linde]({HOST}/bilder/linde.jpg)\n\n![Linde im Mai]({www}/bilder/linde-mai.jpg)\n\n"
                  "![Tee](https://cdn.example/tee.jpg) ![Linde](" + HOST + "/bilder/linde2.jpg)\n")
    project.run("extract")
    out = project.run("check").output
    for line in (7, 9, 11):
        assert f"warning: source_de/tee.md:{line}: " in out and f"source_de/tee.md:{line}" in out
    assert "source_de/tee.md:7: the page runs code" not in out and "source_de/tee.md:9: the page runs code" not in out
    assert ("warning: source_de/tee.md:11: the page runs code or loads from another host: image from cdn.example; "
            "verlag publishes it as written") in out
    assert out.count("[active-html]") == 1 and out.count("[old-site]") == 3, out


def test_check_takes_the_www_form_of_the_old_host_for_the_old_site(project):
    """``www.host`` and ``host`` are one old site, both ways: an alias on one form makes a link on the other an
    [old-site] warning."""
    www = HOST.replace("https://", "https://www.")
    for alias, link in ((HOST, www), (www, HOST)):
        project.write("source_de/linde.md", f"---\ntitle: Linde\ndate: 2024-05-02\naliases:\n- {alias}/linde/\n---\n"
                      f"{LEAD}\n")
        project.write("source_de/tee.md", f"---\ntitle: Tee\ndate: 2024-05-03\n---\n{CARE} [Linde]({link}/linde/)\n")
        project.run("extract")
        out = project.run("check").output
        assert (f"warning: source_de/tee.md:5: {link}/linde/ points at the old site ({urlsplit(link).netloc}), "
                "which answers only until it is shut down: link the article's file instead, linde.md [old-site]") in out


def test_an_image_of_the_uploads_that_cannot_be_read_is_named_and_the_rest_is_imported(project, tmp_path):
    """An image in ``--uploads DIR`` that cannot be read (no read permission: a copy made by another user) ended
    the whole import in an internal error, nothing written. Now that image is an error naming it (exit 2), not
    copied; its article, the other articles and their images are written. Run as a process of its own, without
    the root's power to read any file when the suite runs as root."""
    import os
    import subprocess
    import sys

    uploads = tmp_path / "uploads"
    (uploads / "2023/06").mkdir(parents=True)
    (uploads / "2023/06/ringelblume.jpg").write_bytes(JPEG)
    locked = uploads / "2023/06/holunder.jpg"
    locked.write_bytes(JPEG)
    locked.chmod(0)
    path = export_with_images(tmp_path)
    limited = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"] \
        if os.geteuid() == 0 else []
    run = subprocess.run([*limited, sys.executable, "-m", "verlag", "-C", str(project.root), "import", str(path),
                          "--uploads", str(uploads)], capture_output=True, text=True, timeout=WALL)
    out = run.stdout + run.stderr
    assert "Traceback" not in out and run.returncode == 2, out
    assert (f"error: {locked}: image of {path}:") in out and "Permission denied; not copied: copy it to " \
        "source_de/bilder/holunder.jpg yourself" in out, out
    assert (project.root / "source_de/bilder/ringelblume.jpg").read_bytes() == JPEG
    assert not (project.root / "source_de/bilder/holunder.jpg").exists()
    assert "![Holunder](bilder/holunder.jpg)" in project.read("source_de/holunder.md")
    assert "](bilder/ringelblume.jpg)" in project.read("source_de/ringelblumen.md")


def test_a_wordpress_video_player_becomes_a_link_to_the_video(project, tmp_path):
    """Fresh-user trial 5: a ``wp:html`` YouTube ``<iframe>`` was left out, though README promised the original's
    embeds. A practice's page must not load YouTube before the reader agrees, so the player becomes a link to the
    video's page (by its title where the iframe gives one, not the player's default "YouTube video player"); a
    player beside WordPress's embed block of the same video is only left out (one link, not two); the title in
    the summary is shown without the soft hyphens the summary says were dropped."""
    shy = "\u00ad"
    player = ('<!-- wp:html -->\n<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abcDEF12345"'
              ' title="YouTube video player" frameborder="0" allowfullscreen></iframe>\n<!-- /wp:html -->')
    vimeo = ('<p>Zum Mitmachen: <iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" '
             'title="Dehnen am Morgen"></iframe> jeden Tag.</p>')
    block = ('<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abcDEF12345","type":"video"} -->\n'
             '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
             'https://www.youtube.com/watch?v=abcDEF12345\n</div></figure>\n<!-- /wp:embed -->')
    out = project.run("import", str(export(
        tmp_path, post(f"Knie{shy}schmerzen", f"<p>{LEAD}</p>\n\n{player}\n\n{vimeo}", post_id=1, name="knie"),
        post("Nacken", f"<p>{CARE}</p>\n\n{block}\n\n{player}", post_id=2, name="nacken")))).output
    knie = project.read("source_de/knie.md")
    assert "<https://www.youtube.com/watch?v=abcDEF12345>" in knie
    assert "Zum Mitmachen: [Dehnen am Morgen](https://vimeo.com/76979871/8272103f6e) jeden Tag." in knie
    assert "iframe" not in knie and "youtube-nocookie" not in knie
    assert ("embed kept as a link: https://www.youtube.com/watch?v=abcDEF12345 (an <iframe> from "
            "www.youtube-nocookie.com: a page loads nothing from it until the reader follows the link)") in out
    assert "embed kept as a link: https://vimeo.com/76979871/8272103f6e" in out
    assert "  title: Knieschmerzen\n" in out and shy not in out
    nacken = project.read("source_de/nacken.md")
    assert nacken.count("youtube.com/watch?v=abcDEF12345") == 1 and "iframe" not in nacken
    assert ("left out: <iframe> from www.youtube-nocookie.com: the text links "
            "https://www.youtube.com/watch?v=abcDEF12345 already") in out


def test_a_wordpress_embed_blocks_caption_names_its_link(project, tmp_path):
    """WordPress's embed block shows the video with the author's caption below it: the import wrote the address as
    a bare link and the caption as a paragraph of its own under it, so the link said nothing and the caption named
    nothing. The caption is the link's text now, as it stays with its image on an image; a figure whose caption
    holds a link of its own keeps the two apart (a link cannot hold one)."""
    video = "https://www.youtube.com/watch?v=abcDEF12345"
    block = ('<!-- wp:embed {"url":"%s","type":"video","providerNameSlug":"youtube","responsive":true} -->\n'
             '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div '
             'class="wp-block-embed__wrapper">\n%s\n</div><figcaption class="wp-element-caption">%s</figcaption>'
             '</figure>\n<!-- /wp:embed -->')
    vimeo = "https://vimeo.com/76979871"
    body = (f"<!-- wp:paragraph -->\n<p>{LEAD}</p>\n<!-- /wp:paragraph -->\n\n"
            + block % (video, video, "Dehnen am <em>Morgen</em>: drei Minuten") + "\n\n"
            + block % (vimeo, vimeo, f'Mehr dazu <a href="{HOST}/dehnen/">im Beitrag</a>')
            + f"\n\n<!-- wp:paragraph -->\n<p>{CARE}</p>\n<!-- /wp:paragraph -->")
    out = project.run("import", str(export(tmp_path, post("Nacken", body, post_id=2, name="nacken")))).output
    assert project.read("source_de/nacken.md").endswith(
        f"---\n{LEAD}\n\n[Dehnen am *Morgen*: drei Minuten]({video})\n\n<{vimeo}>\n\n"
        f"Mehr dazu [im Beitrag]({HOST}/dehnen/)\n\n{CARE}\n")
    assert f"embed {video} kept as a link named by its caption: Dehnen am Morgen: drei Minuten" in out


def test_a_legal_page_from_a_wordpress_export_or_a_hugo_site_has_no_author_nor_does_its_built_page(tmp_path):
    """A WordPress page's ``dc:creator`` (the login of whoever saved it) and a Hugo page's ``author`` made the
    Impressum's ``author:`` (a Hugo one was imported as an article beside init's template), and verlag.toml's
    author filled it in where the source named none. A legal page gets no author from anywhere (the note names the
    one left out), a Hugo site's Impressum is the legal page as a WordPress one is, and the built page names no
    author (a page of seiten/ shows no byline, nor structured data), even one written by hand; a post keeps its
    author."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    project.write("verlag.toml", project.read("verlag.toml").replace('author = ""', 'author = "Anna Berger"'))
    creator = "<dc:creator><![CDATA[kl]]></dc:creator>"
    path = export(tmp_path,
                  post("Datenschutzerklärung", CARE, post_id=3, name="datenschutzerklaerung", kind="page",
                       link=f"{HOST}/datenschutzerklaerung/") + creator,
                  post("Holunder", LEAD, post_id=41, name="holunder", link=f"{HOST}/2024/05/holunder/") + creator)
    path.write_text(path.read_text(encoding="utf-8").replace("<channel>", "<channel><wp:author><wp:author_login>kl"
                                                             "</wp:author_login><wp:author_display_name>Karl Linde"
                                                             "</wp:author_display_name></wp:author>"), encoding="utf-8")
    hugo = tmp_path / "hugo"
    (hugo / "content").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://praxis-am-bach.example/"\n', encoding="utf-8")
    (hugo / "content" / "impressum.md").write_text(
        f'---\ntitle: "Impressum"\nauthor: "Lena Brandt"\ndate: 2024-03-01\n---\n\n{LEAD}\n', encoding="utf-8")
    out = project.run("import", str(path), str(hugo / "content" / "impressum.md")).output
    assert "author left out: Karl Linde (a legal page has no byline)" in out, out
    assert "author left out: Lena Brandt (a legal page has no byline)" in out, out
    assert out.count("  replaced the template 'verlag init' wrote there") == 2, out
    for page in ("seiten/datenschutz.md", "seiten/impressum.md"):
        assert "author" not in project.read(f"source_de/{page}").split("---\n")[1], page
    assert "author: Karl Linde\n" in project.read("source_de/holunder.md")
    assert sources(project) == ["holunder.md", "seiten/datenschutz.md", "seiten/impressum.md", "willkommen.md"]
    for rel in ("source_de/seiten/impressum.md", "source_de/seiten/datenschutz.md", "source_de/holunder.md"):
        project.write(rel, project.read(rel).replace("draft: true\n", ""))
    impressum = project.read("source_de/seiten/impressum.md")
    project.write("source_de/seiten/impressum.md", impressum.replace("title: Impressum\n",
                                                                    "title: Impressum\nauthor: Lena Brandt\n"))
    project.run("build")
    for slug in ("impressum", "datenschutz"):
        html = project.read(f"site/de/{slug}/index.html")
        assert '"author"' not in html and "Lena Brandt" not in html and "Karl Linde" not in html, html
    assert '"author": {\n  "@type": "Person",\n  "name": "Karl Linde"' in project.read("site/de/holunder/index.html")


def test_a_sites_top_page_left_out_says_what_importing_it_by_itself_gives(tmp_path):
    """A page at the top of a Hugo site's ``content/`` or of a Jekyll site is left out of the site's import, and was
    named with 'import it by itself if it is an article'; but a Hugo ``content/impressum.md`` imported by itself is
    no article: it becomes the project's legal page, in place of init's template. The note says what importing it
    gives: that legal page for an Impressum or privacy notice (by its file name, ``slug`` or title), an article for
    any other page; and importing each by itself gives what it said."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    hugo = tmp_path / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://praxis-am-bach.example/"\n', encoding="utf-8")
    pages = {"impressum.md": f'+++\ntitle = "Impressum"\n+++\n{IMPRESSUM[0]}\n',
             "rechtliches.md": f'---\ntitle: "Datenschutzerklärung"\n---\n{PRIVACY[0]}\n',
             "ueber.md": f'---\ntitle: "Über die Praxis"\n---\n{LEAD}\n',
             "posts/holunder.md": f'---\ntitle: "Holunder"\ndate: 2024-05-01\n---\n{LEAD}\n'}
    for name, text in pages.items():
        (hugo / "content" / name).write_text(text, encoding="utf-8")
    jekyll = tmp_path / "jekyll"
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "_config.yml").write_text("title: Praxis\n", encoding="utf-8")
    (jekyll / "_posts/2024-06-01-linde.md").write_text(f'---\ntitle: "Linde"\n---\n{LEAD}\n', encoding="utf-8")
    (jekyll / "imprint.md").write_text(f'---\ntitle: "Kontakt"\n---\n{IMPRESSUM[1]}\n', encoding="utf-8")
    out = project.run("import", "--dry-run", str(hugo), str(jekyll)).output
    legal = ("not a post: imported by itself it becomes the project's legal page seiten/{}.md (in place of the "
             "template 'verlag init' wrote; beside a page you changed, to merge the two); left out, the project's own "
             "stays")
    for file, slug in ((hugo / "content/impressum.md", "impressum"), (hugo / "content/rechtliches.md", "datenschutz")):
        assert f"  skipped {file}: a page of the site outside a section, {legal.format(slug)}\n" in out, out
    assert f"  skipped {jekyll / 'imprint.md'}: a page of the site, {legal.format('impressum')}\n" in out, out
    assert (f"  skipped {hugo / 'content/ueber.md'}: a page of the site outside a section, not a post: import it by "
            "itself if it is an article (it becomes one, listed and in the feed)\n") in out, out
    out = project.run("import", *(str(hugo / "content" / name) for name in pages if "/" not in name)).output
    assert out.count("  replaced the template 'verlag init' wrote there") == 2, out
    assert sources(project) == ["seiten/datenschutz.md", "seiten/impressum.md", "ueber-die-praxis.md",
                                "willkommen.md"], out
    assert IMPRESSUM[0] in project.read("source_de/seiten/impressum.md")
    assert PRIVACY[0] in project.read("source_de/seiten/datenschutz.md")


def test_a_second_impressum_of_a_run_does_not_name_the_template_the_first_replaced_as_unfilled(tmp_path):
    """Two Impressum pages in one import (a Hugo site's ``content/impressum.md`` and a Jekyll site's ``imprint.md``):
    the first takes the place of init's template, and the second was told that ``seiten/impressum.md`` 'still holds
    [[AUSFÜLLEN: …]] placeholders (build leaves it out): fill them in from this page', of the page the first had just
    replaced, which holds none. The second is written beside it, and nothing claims placeholders there."""
    project = Project(tmp_path / "praxis")
    project.run("init")
    hugo, jekyll = tmp_path / "hugo", tmp_path / "jekyll"
    (hugo / "content").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://praxis-am-bach.example/"\n', encoding="utf-8")
    (hugo / "content/impressum.md").write_text(f'+++\ntitle = "Impressum"\n+++\n{IMPRESSUM[0]}\n', encoding="utf-8")
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "_config.yml").write_text("title: Praxis\n", encoding="utf-8")
    (jekyll / "imprint.md").write_text(f'---\ntitle: "Impressum"\n---\n{IMPRESSUM[1]}\n', encoding="utf-8")
    out = project.run("import", str(hugo / "content/impressum.md"), str(jekyll / "imprint.md")).output
    assert out.count("  replaced the template 'verlag init' wrote there") == 1, out
    assert "still holds" not in out, out
    assert IMPRESSUM[0] in project.read("source_de/seiten/impressum.md")
    assert IMPRESSUM[1] in project.read("source_de/seiten/impressum-2.md")

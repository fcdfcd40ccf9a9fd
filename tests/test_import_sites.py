"""``verlag import`` of a Jekyll or Hugo site: where its root is, the addresses the old site served (its config's
permalinks and host), links between its posts, and a second import after the author edited the first one's files.
Each site is written as its generator reads it (https://jekyllrb.com/docs/, https://gohugo.io/documentation/)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Project, review


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (path under ``root`` -> text) and return ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def sources(project: Project) -> list[str]:
    root = project.root / "source_de"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


JEKYLL = {
    "_config.yml": 'title: Praxis am Fluss\nurl: "https://praxis-am-fluss.example"\n',
    "index.md": "---\nlayout: home\n---\n",
    "about.md": "---\nlayout: page\ntitle: Über mich\n---\nIch bin Heilpraktikerin.\n",
    "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n",
    "_posts/2023-11-12-abendroutine.md": "---\ntitle: Abendroutine\n---\nEin Bad am Abend.\n",
    "_drafts/holunder.md": "---\ntitle: Holundersirup\n---\nNoch nicht fertig.\n",
}


def test_a_jekyll_site_in_a_subfolder_is_read_as_that_site(project, tmp_path):
    """The author's material in one folder, the old Jekyll blog one of its subfolders: its posts are imported
    (not taken as resources of a page bundle), its home page and about page are not."""
    material = tree(tmp_path / "material", {**{f"jekyll/{k}": v for k, v in JEKYLL.items()},
                                            "kopiert.txt": "Kalte Füße\n\nWarme Füße helfen beim Einschlafen.\n"})
    out = project.run("import", str(material)).output
    assert f"  {material / 'jekyll'}/ read as a Jekyll site (_config.yml, _posts/)" in out
    assert f"  skipped {material / 'jekyll/index.md'}: the home page, not an article" in out
    assert "resource of the page bundle" not in out
    assert sources(project) == ["abendroutine.md", "holundersirup.md", "kalte-fuesse.md", "linden-tee.md"]
    assert "- /2023/10/04/linden-tee.html" in project.read("source_de/linden-tee.md")


def test_a_jekyll_site_s_permalink_setting_gives_the_old_addresses_its_posts_had(project, tmp_path):
    """Jekyll's ``permalink`` in _config.yml (https://jekyllrb.com/docs/permalinks/), a named style or a template,
    decides where a post was served, under ``baseurl``; a link to another post at that address, as a path or as
    a full URL on the site's ``url``, leads to its article's file."""
    site = tree(tmp_path / "pretty", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\nbaseurl: "/blog"\npermalink: pretty\n',
        "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\ncategories: [Hausmittel]\n---\n"
                                           "Er schmeckt mild. [Abends](https://praxis-am-fluss.example/blog/"
                                           "2023/11/12/abendroutine/) mehr.\n",
        "_posts/2023-11-12-abendroutine.md": "---\ntitle: Abendroutine\n---\nZum [Tee](/blog/hausmittel/2023/10/04/"
                                             "linden-tee/).\n",
    })
    out = project.run("import", str(site)).output
    assert "aliases:\n- /blog/hausmittel/2023/10/04/linden-tee/\n" in project.read("source_de/linden-tee.md")
    assert "old address /blog/2023/11/12/abendroutine/: Jekyll's permalink 'pretty' of pretty/_config.yml" in out
    assert "[Abends](abendroutine.md) mehr." in project.read("source_de/linden-tee.md")
    assert "Zum [Tee](linden-tee.md)." in project.read("source_de/abendroutine.md")
    assert "import: 2 links to another imported post's old address lead to its source file now" in out
    template = tree(tmp_path / "template", {
        "_config.yml": "permalink: /:categories/:year/:month/:title/\n",
        "_posts/2024-01-20-winterzeit.md": "---\ntitle: Winterzeit\n---\nDunkel.\n",
        "Rezepte/_posts/2024-02-03-sirup.md": "---\ntitle: Sirup\ncategories: holunder\n---\nSüß.\n"})
    project.run("import", str(template))
    assert "aliases:\n- /2024/01/winterzeit/\n" in project.read("source_de/winterzeit.md")
    assert "aliases:\n- /rezepte/holunder/2024/02/sirup/\n" in project.read("source_de/sirup.md")


def test_a_hugo_site_s_permalinks_give_the_old_addresses_and_its_base_url_is_its_own_host(project, tmp_path):
    """Hugo's ``[permalinks]`` per section (https://gohugo.io/content-management/urls/#permalinks): the old address
    follows its tokens (:year/:month from ``date``, :slug or the title); a full URL on ``baseURL`` is a link to
    the site itself, rewritten like a path."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://gesund-mit-lena.example/"\n[permalinks]\n  posts = "/:year/:month/:slug/"\n'
                     '  rezepte = "/rezept/:title/"\n',
        "content/posts/tee.md": '+++\ntitle = "Kräutertee für die Nacht"\nslug = "kraeutertee-schlaf"\n'
                                'date = 2024-03-10T21:15:00+01:00\n+++\nMehr zum [Holunder](/2024/05/holunder/).\n',
        "content/posts/holunder/index.md": '+++\ntitle = "Holunder"\ndate = 2024-05-02\n+++\nZum [Tee]'
                                           '(https://gesund-mit-lena.example/2024/03/kraeutertee-schlaf/).\n',
        "content/rezepte/sirup.md": '+++\ntitle = "Holunder Sirup"\n+++\nZucker und Blüten.\n',
    })
    out = project.run("import", str(site)).output
    assert "aliases:\n- /2024/03/kraeutertee-schlaf/\n" in project.read("source_de/kraeutertee-schlaf.md")
    assert "aliases:\n- /2024/05/holunder/\n" in project.read("source_de/holunder.md")
    assert "aliases:\n- /rezept/holunder-sirup/\n" in project.read("source_de/holunder-sirup.md")
    assert "old address /2024/03/kraeutertee-schlaf/: the site's [permalinks] '/:year/:month/:slug/'" in out
    assert "Mehr zum [Holunder](holunder.md)." in project.read("source_de/kraeutertee-schlaf.md")
    assert "Zum [Tee](kraeutertee-schlaf.md)." in project.read("source_de/holunder.md")


def test_a_post_imported_before_is_known_after_the_author_changed_its_aliases_and_title(project, tmp_path):
    """The author corrects an imported post's old address and retitles another, then imports the site again
    (it gained a post): the two are skipped as imported before, by the file they came from, and only the new
    post is written. A post imported by an older verlag (no origin recorded) is known by its title and date."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://gesund-mit-lena.example/"\n',
        "content/posts/tee.md": '+++\ntitle = "Kräutertee"\ndate = 2024-03-10\n+++\nTee wärmt.\n',
        "content/posts/holunder.md": '+++\ntitle = "Holunder"\ndate = 2024-05-02\n+++\nEr blüht.\n',
        "content/posts/salbei.md": '+++\ntitle = "Salbei"\ndate = 2024-06-01\n+++\nEr duftet.\n',
    })
    project.run("import", str(site))
    tee = project.read("source_de/kraeutertee.md")
    assert "# imported from content/posts/tee.md of https://gesund-mit-lena.example/\n" in tee
    project.write("source_de/kraeutertee.md", tee.replace("- /posts/tee/", "- /2024/03/tee/")
                  .replace("draft: true\n", ""))
    project.write("source_de/holunder.md", project.read("source_de/holunder.md")
                  .replace("title: Holunder", "title: Holunder im Mai").replace("- /posts/holunder/", "- /holunder/"))
    salbei = project.read("source_de/salbei.md")
    project.write("source_de/salbei.md", "".join(line for line in salbei.splitlines(keepends=True)
                                                  if not line.startswith("# imported from"))
                  .replace("- /posts/salbei/", "- /salbei/"))
    tree(site, {"content/posts/minze.md": '+++\ntitle = "Minze"\ndate = 2024-07-01\n+++\nSie kühlt.\n'})
    out = project.run("import", str(site)).output
    for name, slug in (("tee", "kraeutertee"), ("holunder", "holunder"), ("salbei", "salbei")):
        assert f"skipped {site / 'content/posts' / name}.md: already imported as source_de/{slug}.md" in out
    assert sources(project) == ["holunder.md", "kraeutertee.md", "minze.md", "salbei.md"]


def test_jekyll_s_own_links_to_posts_lead_to_the_imported_files(project, tmp_path):
    """Jekyll's ways to link a post (https://jekyllrb.com/docs/liquid/tags/#links): ``{% post_url %}`` by the post's
    file name, ``{% link %}`` by its path, and an address after ``{{ site.url }}{{ site.baseurl }}``; each becomes
    the imported post's file, and the import no longer calls them template tags kept as text."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\nbaseurl: "/blog"\n',
        "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n",
        "_posts/2023-11-12-abendroutine.md": "---\ntitle: Abendroutine\n---\nEin Bad am Abend.\n",
        "_posts/2024-01-20-winterzeit.md": "---\ntitle: Winterzeit\n---\n"
            "Lesen Sie [meine Abendroutine]({% post_url 2023-11-12-abendroutine %}#bad), "
            "[den Tee]({{ site.baseurl }}{% link _posts/2023-10-04-linden-tee.md %}) und "
            "[noch einmal]({{ site.url }}{{ site.baseurl }}/2023/10/04/linden-tee.html).\n",
    })
    out = project.run("import", str(site)).output
    assert ("Lesen Sie [meine Abendroutine](abendroutine.md#bad), [den Tee](linden-tee.md) und "
            "[noch einmal](linden-tee.md).") in project.read("source_de/winterzeit.md")
    assert "import: 3 links to another imported post's old address lead to its source file now" in out
    assert "template tags kept as text" not in out


def test_jekyll_s_liquid_links_to_files_and_posts_lead_to_the_copied_file_or_the_imported_post(project, tmp_path):
    """Besides images, a post links the site's files and posts with Liquid (https://jekyllrb.com/docs/liquid/filters/,
    https://jekyllrb.com/docs/liquid/tags/#link): ``{{ '/assets/x.pdf' | relative_url }}``, ``{{ site.baseurl }}``
    before a path, ``{% link assets/x.pdf %}``, ``{{ site.baseurl }}{% post_url … %}``. Each was left as Liquid
    text, a link no reader could follow: a file is copied and linked there, a post's address leads to its file."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\nbaseurl: "/blog"\n',
        "assets/merkblatt.pdf": "%PDF-1.4 Merkblatt\n",
        "assets/preise.pdf": "%PDF-1.4 Preise\n",
        "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n",
        "_posts/2024-01-20-winterzeit.md": "---\ntitle: Winterzeit\n---\n"
            "Das [Merkblatt]({{ '/assets/merkblatt.pdf' | relative_url }}), die [Preise]({{ site.baseurl }}/assets/"
            "preise.pdf) und [noch einmal]({% link assets/preise.pdf %}).\n\n"
            "Zum [Tee]({{ site.baseurl }}{% post_url 2023-10-04-linden-tee %}) und [wieder]"
            "({{ \"/2023/10/04/linden-tee.html\" | absolute_url }}#abends).\n",
    })
    out = project.run("import", str(site)).output
    assert ("Das [Merkblatt](bilder/merkblatt.pdf), die [Preise](bilder/preise.pdf) und [noch einmal]"
            "(bilder/preise.pdf).\n\nZum [Tee](linden-tee.md) und [wieder](linden-tee.md#abends).\n"
            ) in project.read("source_de/winterzeit.md")
    assert (project.root / "source_de/bilder/merkblatt.pdf").read_text() == "%PDF-1.4 Merkblatt\n"
    assert (project.root / "source_de/bilder/preise.pdf").read_text() == "%PDF-1.4 Preise\n"
    assert "import: 2 links to another imported post's old address lead to its source file now" in out
    assert "template tags kept as text" not in out and "Liquid" not in out


def test_a_jekyll_liquid_link_the_import_cannot_follow_is_named_at_its_line_of_the_written_file(project, tmp_path):
    """A Liquid link to a post or file the import did not bring in stays as written, and was said nowhere (only a
    later check found it): the summary names each at its line of the article written, that line holds it. One in
    raw HTML is named with the template tags, also where the same tag is a Markdown link's destination elsewhere."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\n',
        "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n",
        "_posts/2024-01-20-winterzeit.md": "---\ntitle: Winterzeit\n---\nDer [Tee]({% post_url 2023-10-04-linden-tee %}).\n\n"
            "Die [Abendroutine]({% post_url 2023-11-12-abendroutine %}) und [über mich]({% link about.md %}).\n\n"
            "Das [Merkblatt]({{ '/assets/fehlt.pdf' | relative_url }}).\n\n"
            '<a href="{% post_url 2023-10-04-linden-tee %}">Tee</a>\n',
    })
    out = project.run("import", str(site)).output
    lines = project.read("source_de/winterzeit.md").split("\n")
    for tag in ("{% post_url 2023-11-12-abendroutine %}", "{% link about.md %}",
                "{{ '/assets/fehlt.pdf' | relative_url }}"):
        at = re.search(r"\n  winterzeit\.md:(\d+): link " + re.escape(tag) + " kept as Liquid text: it leads to no "
                       "post or file this import brought in", out)
        assert at and tag in lines[int(at.group(1)) - 1], out
    assert f"template tags kept as text ({site / '_posts/2024-01-20-winterzeit.md'}:10)" in out


def test_a_liquid_link_on_a_page_imported_by_itself_is_named_too(project, tmp_path):
    """A Jekyll site's Impressum imported by itself is a page with no old address: with no post to link to, the
    import looked at no link, and its Liquid links went unsaid. They are named at their line as a post's are."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\n',
        "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n",
        "impressum.md": "---\ntitle: Impressum\n---\nVerantwortlich: Anna Berger.\n\n"
                        "Siehe [Datenschutz]({% link datenschutz.md %}).\n",
    })
    out = project.run("import", str(site / "impressum.md")).output
    lines = project.read("source_de/seiten/impressum.md").split("\n")
    at = re.search(r"\n  impressum\.md:(\d+): link \{% link datenschutz\.md %\} kept as Liquid text", out)
    assert at and "{% link datenschutz.md %}" in lines[int(at.group(1)) - 1], out


def test_a_jekyll_link_to_a_post_not_imported_is_advised_to_become_a_link_not_an_image(project, tmp_path):
    """A ``{% post_url %}`` or ``{% link %}`` whose post was not imported with it stays as written; extract and check
    name it with the advice to write a Markdown link to that post's file, not the image or note that other tags
    stand for (an author following that advice would put a picture where a link was)."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\n',
        "_posts/2024-01-20-winterzeit.md": "---\ntitle: Winterzeit\n---\n"
            "Lesen Sie [meine Abendroutine]({% post_url 2023-11-12-abendroutine %}) und "
            "[den Tee]({% link _posts/2023-10-04-linden-tee.md %}).\n\n{% include hinweis.html %}\n",
    })
    out = project.run("import", str(site)).output
    assert "template tags kept as text" in out
    warned = project.run("check").output
    lines = {tag: next(line for line in warned.splitlines() if tag in line)
             for tag in ("post_url", "{% link", "include")}
    assert "a link to another article: its file, such as [Text](abendroutine.md)" in lines["post_url"]
    assert "a link to another article: its file, such as [Text](linden-tee.md)" in lines["{% link"]
    for tag in ("post_url", "{% link"):
        assert "an image" not in lines[tag] and "![" not in lines[tag], lines[tag]
    assert "an image: ![Beschreibung](bilder/datei.jpg)" in lines["include"]


def test_hugo_front_matter_the_import_cannot_keep_is_named_and_a_cover_image_and_publish_date_are_kept(project,
                                                                                                      tmp_path):
    """Hugo's ``featured_image`` (a bundle's file) is the cover its theme showed: copied and shown at the top of
    the text; ``images`` beside it (for social media) and ``weight`` are named as not kept, not as read. A future
    ``publishDate`` (https://gohugo.io/methods/page/publishdate/) was never published (no alias, a draft that
    says so); a past one is the date when ``date`` is missing, as in Hugo."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://gesund-mit-lena.example/"\n',
        "content/posts/kamille/index.md": '---\ntitle: "Kamille"\ndate: 2024-10-05\nfeatured_image: cover.png\n'
                                          'images: ["/img/titel.png"]\npublishDate: 2999-01-01\nweight: 3\n---\n'
                                          "Kamillentee beruhigt.\n",
        "content/posts/salbei.md": '---\ntitle: "Salbei"\npublishDate: 2024-02-01\n---\nSalbei duftet.\n',
    })
    (site / "content/posts/kamille/cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = project.run("import", str(site)).output
    assert "YAML front matter read (date, featured_image, publishDate, title)\n" in out
    assert "front matter not kept (verlag has no such field): images, weight" in out
    kamille = project.read("source_de/kamille.md")
    assert "---\n![Kamille](bilder/cover.png)\n\nKamillentee beruhigt.\n" in kamille
    assert (project.root / "source_de/bilder/cover.png").read_bytes() == b"\x89PNG\r\n\x1a\n"
    assert "draft: true  # scheduled in Hugo (publishDate 2999-01-01, still to come): never published there" in kamille
    assert "aliases" not in kamille
    assert "date: 2024-02-01\n" in project.read("source_de/salbei.md")


def test_a_time_without_a_zone_is_in_the_zone_of_the_old_site_s_config(project, tmp_path):
    """Jekyll's ``timezone`` and Hugo's ``timeZone`` name the zone the generator reads a time without offset in
    (https://jekyllrb.com/docs/configuration/options/, https://gohugo.io/configuration/all/): the import keeps
    the instant the old site published, not the same clock time in UTC. A time with its offset stays as written."""
    jekyll = tree(tmp_path / "jekyll", {
        "_config.yml": "timezone: Europe/Berlin\n",
        "_posts/2023-12-31-silvester.md": "---\ntitle: Silvester\ndate: 2023-12-31 23:30:00\n---\nWasser trinken.\n",
        "_posts/2024-06-01-sommer.md": "---\ntitle: Sommer\ndate: 2024-06-01 08:00:00 +0000\n---\nSonne.\n"})
    hugo = tree(tmp_path / "hugo", {
        "hugo.toml": 'timeZone = "Europe/Berlin"\n',
        "content/posts/kamille.md": '+++\ntitle = "Kamille"\ndate = 2024-10-05T07:30:00\n'
                                    'lastmod = "2024-10-06 09:00"\n+++\nKamillentee.\n'})
    project.run("import", str(jekyll), str(hugo))
    assert "date: 2023-12-31 23:30:00+01:00\n" in project.read("source_de/silvester.md")
    assert "date: 2024-06-01 08:00:00+00:00\n" in project.read("source_de/sommer.md")
    kamille = project.read("source_de/kamille.md")
    assert "date: 2024-10-05 07:30:00+02:00\n" in kamille and "updated: 2024-10-06 09:00:00+02:00\n" in kamille


def test_an_english_file_among_the_sources_is_not_imported_as_a_german_original(project, tmp_path):
    """A folder of the author's material holds a translation too (``tee.en.md``, an English saved page): read as
    English by the stop-word test hand translations get (``align``), it is an error naming the file and the
    command for a translation, exit 2, and the German files are imported."""
    folder = tree(tmp_path / "material", {
        "tee.md": "---\ntitle: Kräutertee am Abend\n---\nViele meiner Patientinnen fragen mich, was sie am Abend "
                  "trinken sollen. Ein warmer Tee ist ein schönes Ritual, und er hilft dem Körper, zur Ruhe zu "
                  "kommen, wenn man ihn eine Stunde vor dem Schlafen trinkt.\n",
        "tea.en.md": "---\ntitle: Herbal tea in the evening\n---\nMany of my patients ask me what they should drink "
                     "in the evening. A warm tea is a nice ritual, and it helps the body to calm down when you "
                     "drink it an hour before you go to sleep.\n",
    })
    result = project.run("import", str(folder), code=2)
    english = folder / "tea.en.md"
    assert (f"error: {english}: reads as English, not German: not imported as an original; a translation of an "
            f"article is brought in with verlag import --translation-of SLUG --lang en {english}") in result.output
    assert sources(project) == ["kraeutertee-am-abend.md"]


def test_a_hugo_config_folder_s_permalinks_file_gives_the_old_addresses(project, tmp_path):
    """Hugo's configuration directory (https://gohugo.io/configuration/introduction/#configuration-directory):
    ``config/_default/permalinks.toml`` holds the ``[permalinks]`` table, ``hugo.toml`` beside it the rest."""
    site = tree(tmp_path / "hugo", {
        "config/_default/hugo.toml": 'baseURL = "https://gesund-mit-lena.example/"\n',
        "config/_default/permalinks.toml": 'posts = "/:year/:slug/"\n',
        "content/posts/tee.md": '+++\ntitle = "Tee"\ndate = 2024-03-10\n+++\nTee wärmt.\n',
    })
    project.run("import", str(site))
    assert "aliases:\n- /2024/tee/\n" in project.read("source_de/tee.md")


def test_a_hugo_post_s_url_lies_below_the_base_url_s_path_as_its_aliases_do(project, tmp_path):
    """Hugo serves a monolingual site's front matter ``url``, with or without its leading slash, below
    ``baseURL`` (https://gohugo.io/content-management/urls/#url), as it does ``aliases``: under
    ``baseURL = ".../blog/"`` the old address of ``url = "/ueber-tee/"`` is ``/blog/ueber-tee/``, not
    ``/ueber-tee/``, which the old site never served, so its redirect missed every old link."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis-sommer.example/blog/"\n',
        "content/posts/tee.md": '+++\ntitle = "Tee"\ndate = 2024-03-10\nurl = "/ueber-tee/"\n'
                                'aliases = ["/alt/tee/"]\n+++\nTee wärmt.\n',
        "content/posts/minze.md": '+++\ntitle = "Minze"\ndate = 2024-03-11\nurl = "minze.html"\n+++\nSie kühlt.\n',
    })
    project.run("import", str(site))
    assert "aliases:\n- /blog/alt/tee/\n- /blog/ueber-tee/\n" in project.read("source_de/tee.md")
    assert "aliases:\n- /blog/minze.html\n" in project.read("source_de/minze.md")


def test_hugo_s_ref_shortcodes_as_link_destinations_lead_to_the_imported_files(project, tmp_path):
    """Hugo's ``ref`` and ``relref`` (https://gohugo.io/shortcodes/ref/) name a page by its file beside the page,
    its path below content/ (with or without suffix, from content/ when it starts with ``/``) or its name alone;
    each becomes the imported article's file, ``#anchor`` alone a place on the same page, in the German page and in
    its translation; one to a page not imported stays and is named."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\ndefaultContentLanguage = "de"\n'
                     '[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\n+++\nEr schmeckt mild.\n",
        "content/rat/bad/index.md": "+++\ntitle = \"Ein warmes Bad\"\n+++\nEs entspannt.\n",
        "content/posts/abend.md": "+++\ntitle = \"Abendroutine\"\n+++\n"
            "Erst [Tee]({{< ref \"tee.md\" >}}), dann [Bad]({{% relref \"/rat/bad\" %}}#wasser), "
            "[wieder Tee]({{< ref \"posts/tee.md\" >}}), [noch einmal]({{< ref tee >}}), "
            "[oben]({{< ref \"#anfang\" >}}) und [fort]({{< ref \"fehlt.md\" >}}).\n",
        "content/posts/abend.en.md": "+++\ntitle = \"Evening routine\"\n+++\n"
            "First [tea]({{< ref \"tee.md\" >}}), then [a bath]({{% relref \"/rat/bad\" %}}#wasser), "
            "[tea again]({{< ref \"posts/tee.md\" >}}), [once more]({{< ref tee >}}), "
            "[up]({{< ref \"#anfang\" >}}) and [away]({{< ref \"fehlt.md\" >}}).\n",
    })
    out = project.run("import", str(site), "--kind", "markdown").output
    assert ("Erst [Tee](lindenbluetentee.md), dann [Bad](ein-warmes-bad.md#wasser), [wieder Tee](lindenbluetentee.md), "
            "[noch einmal](lindenbluetentee.md), [oben](#anfang) und [fort]({{< ref \"fehlt.md\" >}}).") \
        in project.read("source_de/abendroutine.md")
    assert "import: 8 links to another imported post's old address lead to its source file now" in out
    assert "link to 'fehlt.md' (Hugo's ref shortcode) leads to no imported article" in out
    catalog = project.read("translations/en/abendroutine.po")
    assert 'First [tea](lindenbluetentee.md), then [a bath](ein-warmes-bad.md#wasser)' in catalog.replace('"\n"', "")


def test_a_hugo_page_brought_in_by_itself_as_a_translation_is_converted_as_the_site_import_converts_it(project,
                                                                                                      tmp_path):
    """``verlag import --translation-of SLUG --lang en content/posts/x.en.md``, the command the site import prints
    for a page it refused, converts the page's ``figure`` shortcode, its images and its links to the old addresses
    and ``ref``s of the imported articles as the site import does, so they pair with the German ones."""
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\ndefaultContentLanguage = "de"\n'
                     '[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\n+++\nEr schmeckt mild.\n",
        "content/posts/abend.md": "+++\ntitle = \"Abendroutine\"\n+++\nAm Abend trinke ich gerne etwas Warmes.\n\n"
            "{{< figure src=\"/images/tasse.png\" alt=\"Eine Tasse\" caption=\"Die Tasse am Abend.\" >}}\n\n"
            "Erst [Tee](https://praxis.example/posts/tee/), dann [mehr]({{< ref \"tee.md\" >}}).\n",
        "content/posts/abend.en.md": "+++\ntitle = \"Evening routine\"\n+++\nIn the evening I like a warm drink.\n\n"
            "{{< figure src=\"/images/tasse.png\" alt=\"A cup\" caption=\"The cup in the evening.\" >}}\n\n"
            "First [tea](https://praxis.example/posts/tee/), then [more]({{< ref \"tee.md\" >}}).\n",
    })
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/tasse.png").write_bytes(png)
    posts = site / "content/posts"
    project.run("import", str(posts / "tee.md"), str(posts / "abend.md"))
    project.run("import", "--translation-of", "abendroutine", "--lang", "en", str(posts / "abend.en.md"))
    catalog = project.read("translations/en/abendroutine.po").replace('"\n"', "")
    assert 'msgstr "![A cup](bilder/tasse.png)"' in catalog
    assert 'msgstr "The cup in the evening."' in catalog
    assert 'msgstr "First [tea](lindenbluetentee.md), then [more](lindenbluetentee.md)."' in catalog


def test_importing_a_multilingual_hugo_site_again_says_that_nothing_new_was_written(project, tmp_path):
    """A second import of the same site writes nothing; its summary counts no rewritten link, says it read the
    site's files rather than that it imports them, and that every article was imported before."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\ndefaultContentLanguage = "de"\n'
                     '[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\n+++\nEr schmeckt mild und hilft beim Einschlafen.\n",
        "content/posts/abend.md": "+++\ntitle = \"Abendroutine\"\n+++\nAm Abend trinke ich gerne "
                                  "[einen Tee](https://praxis.example/posts/tee/).\n",
        "content/posts/abend.en.md": "+++\ntitle = \"Evening routine\"\n+++\nIn the evening I like to drink "
                                     "[a tea](https://praxis.example/posts/tee/).\n",
    })
    first = project.run("import", str(site)).output
    assert "import: 2 links to another imported post's old address lead to its source file now" in first
    files = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file() and ".verlag" not in p.parts}
    again = project.run("import", str(site)).output
    assert {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file() and ".verlag" not in p.parts} == files
    assert "2 files to read (drafts of the old blog too, as drafts), 1 translation to align" in again
    assert "import: 2 articles imported before, not written again" in again
    assert again.endswith("import: nothing new, no file changed: its articles, their translations and its old "
                          "addresses are all in the project from an earlier import\n")
    assert "to another imported post's old address" not in again
    assert "written as drafts" not in again


def test_a_hugo_site_s_feeds_lists_and_static_files_are_named_with_where_their_content_is_now(project, tmp_path):
    """Hugo served feeds, section and taxonomy lists and static/'s files besides the pages, in each language's
    folder; no article's alias keeps them, so the import names each with the new site's path that has its content
    (the language's feed or home page, an image's copy), or says it was not imported; a file the new site writes
    itself (``robots.txt``) and a draft's tag are none of them."""
    png = b"\x89PNG\r\n\x1a\n" + b"\1" * 16
    site = tree(tmp_path / "hugo", {
        "config.toml": 'baseURL = "https://praxis.example/"\ndefaultContentLanguage = "de"\n'
                       '[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\ntags = [\"Hausmittel\"]\n+++\n"
                                "Er schmeckt mild und hilft beim Einschlafen.\n\n![Eine Tasse](/images/tasse.png)\n",
        "content/posts/tee.en.md": "+++\ntitle = \"Linden tea\"\ntags = [\"Home remedies\"]\n+++\n"
                                   "It tastes mild and helps you fall asleep.\n\n![A cup](/images/tasse.png)\n",
        "content/posts/entwurf.md": "+++\ntitle = \"Entwurf\"\ndraft = true\ntags = [\"Geplant\"]\n+++\n"
                                    "Noch nicht fertig.\n",
        "static/robots.txt": "User-agent: *\n",
        "static/anfahrt.txt": "Mit dem Bus bis zum Markt.\n",
    })
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/tasse.png").write_bytes(png)
    out = project.run("import", str(site)).output
    assert f"import: 14 other addresses of {site} (feeds, lists, static files), which no article's aliases: keep: " \
           "added 13 to redirects.txt, which 'verlag build' answers" in out
    for line in ("/index.xml  /de/feed.xml  301", "/posts/  /de/  301", "/posts/index.xml  /de/feed.xml  301",
                 "/tags/  /de/  301", "/tags/hausmittel/  /de/  301", "/tags/hausmittel/index.xml  /de/feed.xml  301",
                 "/en/index.xml  /en/feed.xml  301", "/en/posts/  /en/  301", "/en/tags/home-remedies/  /en/  301",
                 "/images/tasse.png  /media/bilder/tasse.png  301",
                 "/anfahrt.txt  (not imported: save it into source_de/ if readers need it)"):
        assert f"\n  {line}\n" in out, line
    assert "/robots.txt" not in out  # the new site has its own
    assert "/tags/geplant/" not in out  # a draft's terms had no list


def test_hugo_ref_links_are_rewritten_when_the_site_is_named_by_a_relative_path(project, tmp_path, monkeypatch):
    """``verlag import hugo`` from the folder above: the page's own path was relative and the content folder's
    absolute, and comparing them failed the whole import ("internal error: ValueError")."""
    tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\n+++\nEr schmeckt mild.\n",
        "content/posts/abend.md": "+++\ntitle = \"Abendroutine\"\n+++\nAm Abend trinke ich [Tee]({{< ref \"tee.md\" >}}).\n",
    })
    monkeypatch.chdir(tmp_path)
    project.run("import", "hugo")
    assert "Am Abend trinke ich [Tee](lindenbluetentee.md)." in project.read("source_de/abendroutine.md")


def test_jekyll_raw_text_is_unwrapped_on_import_and_shown_literally_as_jekyll_showed_it(project, tmp_path):
    """``{% raw %}…{% endraw %}`` tells Liquid to show its text as written: the import drops the two tags and keeps
    the text (its tag-like braces escaped for CommonMark), so it is prose to translate, no template tag for
    extract or check, and the reader sees ``{{ abend }}`` without ``{% raw %}``; a tag outside stays named."""
    site = tree(tmp_path / "jekyll", {
        "_config.yml": 'url: "https://praxis-am-fluss.example"\n',
        "_posts/2024-03-02-lavendel.md": "---\ntitle: Lavendel\n---\nLavendel duftet gut.\n\n{% raw %}\n"
            "Im Kalender steht {{ abend }} neben `{% termin %}` als Platzhalter.\n{% endraw %}\n\n"
            "Mehr im Heft: {%- raw -%}{% heft %}{%- endraw -%}.\n\n{% include hinweis.html %}\n",
    })
    out = project.run("import", str(site)).output
    source = project.read("source_de/lavendel.md")
    assert "raw %}" not in source and "{% heft %}" not in source.replace("\\{% heft %}", ""), source
    warned = project.run("check").output + project.run("extract").output
    assert "include hinweis.html" in warned and "abend" not in warned and "termin" not in warned, warned
    assert "heft" not in warned and "raw" not in warned, warned
    assert "{{ abend }}" not in out.split("template tags kept as text")[-1]
    pot = project.read("translations/templates/lavendel.pot")
    project.write("source_de/lavendel.md", source.replace("draft: true\n", ""))
    assert 'msgid "Im Kalender steht \\\\{{ abend }} neben `{% termin %}` als Platzhalter."' in pot, pot
    project.run("build")
    page = project.read("site/de/lavendel/index.html")
    assert "Im Kalender steht {{ abend }} neben <code>{% termin %}</code> als Platzhalter." in page
    assert "Mehr im Heft: {% heft %}." in page and "raw %}" not in page


BUNDLE = """+++
title = "Holunderblüten: Sirup & Tee"
date = 2024-06-10T08:30:00
lastmod = 2024-06-20
description = "Wann man Holunderblüten pflückt und wie daraus Sirup wird."
tags = ["Holunder", "Sirup"]
slug = "holunder-sirup"
[params]
  featured = "dolde.jpg"
+++

Holunder blüht im Juni. Die Dolden duften süß und werden an einem trockenen Vormittag gepflückt.

{{< figure src="dolde.jpg" alt="Eine Holunderdolde in der Sonne" caption="Frisch gepflückt" >}}

Mehr steht im [Beitrag über Melisse]({{< ref "melisse" >}}).

{{< youtube abcDEF12345 >}}

{{< vimeo id="76979871" title="Holunder ernten" >}}

{{< gist anna 4e1b2c >}}
"""


def test_a_hugo_bundles_video_shortcodes_become_links_and_only_tags_left_as_text_are_named(project, tmp_path):
    """A Hugo page bundle (TOML front matter, its image beside it) shows videos with Hugo's own ``youtube`` and
    ``vimeo`` shortcodes: they stayed as text, a ``{{< youtube … >}}`` on the new page, while an ``<iframe>`` of
    the same player became a link. They become links to the video's page now, said at their line. And the
    summary's "kept as text" named the line of a ``ref`` link the import had rewritten: it names the tags left."""
    site = tree(tmp_path / "hugo", {"hugo.toml": 'baseURL = "https://kraeuter.example/"\ntimeZone = "Europe/Berlin"\n',
                                    "content/posts/holunder/index.md": BUNDLE,
                                    "content/posts/melisse.md": '+++\ntitle = "Melisse im Topf"\ndate = 2024-05-01\n+++\n'
                                                                "Melisse wächst auch auf dem Balkon.\n"})
    (site / "content/posts/holunder/dolde.jpg").write_bytes(b"\xff\xd8\xff\xe0 Holunderdolde")
    out = project.run("import", str(site)).output
    body = project.read("source_de/holunder-sirup.md").split("---\n", 2)[2]
    assert ("Mehr steht im [Beitrag über Melisse](melisse-im-topf.md).\n\n"
            "<https://www.youtube.com/watch?v=abcDEF12345>\n\n[Holunder ernten](https://vimeo.com/76979871)\n\n"
            "{{< gist anna 4e1b2c >}}\n") in body, body
    assert "![Eine Holunderdolde in der Sonne](bilder/dolde.jpg)" in body
    assert ("holunder-sirup.md:20: embed kept as a link: https://www.youtube.com/watch?v=abcDEF12345 (Hugo's youtube shortcode: "
            "a page loads nothing from www.youtube.com until the reader follows the link)") in out, out
    assert "holunder-sirup.md:22: embed kept as a link: https://vimeo.com/76979871 (Hugo's vimeo shortcode" in out
    assert f"kept as text ({site / 'content/posts/holunder/index.md'}:22): rewrite in Markdown" in out, out


def test_a_cover_image_under_params_or_paper_mods_cover_table_is_shown_at_the_top(project, tmp_path):
    """A bundle's cover in TOML front matter stands where the theme reads it: PaperMod's ``[cover]`` table
    (``image``, ``alt``) or Hugo's ``[params]`` table for a page's own parameters: the import named the table as not
    kept and the cover the old theme showed above the post was gone. It is copied and shown at the top, described by
    PaperMod's ``alt`` where there is one, else by the title."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://gesund-mit-lena.example/"\n',
        "content/posts/kamille/index.md": '+++\ntitle = "Kamille"\ndate = 2024-10-05\n[cover]\n  image = "titel.png"\n'
                                          '  alt = "Kamillenblüten auf der Wiese"\n  relative = true\n+++\n'
                                          "Kamillentee beruhigt.\n",
        "content/posts/salbei/index.md": '+++\ntitle = "Salbei"\ndate = 2024-02-01\n[params]\n'
                                         '  featured_image = "blatt.png"\n+++\nSalbei duftet.\n',
    })
    (site / "content/posts/kamille/titel.png").write_bytes(b"\x89PNG\r\n\x1a\nKamille")
    (site / "content/posts/salbei/blatt.png").write_bytes(b"\x89PNG\r\n\x1a\nSalbei")
    out = project.run("import", str(site)).output
    assert "---\n![Kamillenblüten auf der Wiese](bilder/titel.png)\n\nKamillentee beruhigt.\n" in \
        project.read("source_de/kamille.md")
    assert "---\n![Salbei](bilder/blatt.png)\n\nSalbei duftet.\n" in project.read("source_de/salbei.md")
    assert "cover image titel.png (cover.image) put at the top of the text, described by its alt" in out, out
    assert "cover image blatt.png (params.featured_image) put at the top of the text, described by the title" in out


def test_the_commands_verlag_suggests_quote_a_path_with_a_space(project, tmp_path):
    """Trial t2: "verlag import --translation-of SLUG --lang en ../mixed/sage EN.html" left the path with a space
    unquoted, so the command as copied imported two files that do not exist. Each path is quoted for the shell
    (``shlex.quote``), and the quoted command runs."""
    import shlex

    folder = tree(tmp_path / "my material", {
        "tee.md": "---\ntitle: Kräutertee am Abend\n---\nViele meiner Patientinnen fragen mich, was sie am Abend "
                  "trinken sollen. Ein warmer Tee ist ein schönes Ritual, und er hilft dem Körper, zur Ruhe zu "
                  "kommen, wenn man ihn eine Stunde vor dem Schlafen trinkt.\n",
        "tea EN.md": "---\ntitle: Herbal tea in the evening\n---\nMany of my patients ask me what they should drink "
                     "in the evening. A warm tea is a nice ritual, and it helps the body to calm down when you "
                     "drink it an hour before you go to sleep.\n",
        "tee.es.md": "---\ntitle: Té de hierbas\n---\nMuchas de mis pacientes me preguntan qué beber por la noche.\n",
    })
    out = project.run("import", str(folder), code=2).output
    english, spanish = folder / "tea EN.md", folder / "tee.es.md"
    assert (f"a translation of an article is brought in with verlag import --translation-of SLUG --lang en "
            f"{shlex.quote(str(english))}\n") in out, out
    assert f"verlag import --translation-of kraeutertee-am-abend --lang es {shlex.quote(str(spanish))}" in out, out
    command = out.split("brought in with verlag ")[1].split("\n")[0].replace("SLUG", "kraeutertee-am-abend")
    assert shlex.split(command)[-1] == str(english)
    project.run(*shlex.split(command))
    assert "msgstr \"Many of my patients" in project.read("translations/en/kraeutertee-am-abend.po")


def test_a_hugo_video_shortcode_between_a_paragraphs_words_becomes_a_link_there(project, tmp_path):
    """Hugo's ``youtube`` and ``vimeo`` shortcodes became links only alone on their line: one within a
    paragraph's text (``{{< >}}`` or ``{{% %}}``) stayed as text, so the page showed '{{< youtube … >}}'. It is the
    link to the video's page in that place now, said at its line of the article; one in a code span stays as
    written."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://kraeuter.example/"\n',
        "content/posts/holunder.md": '+++\ntitle = "Holunder ernten"\ndate = 2024-06-10\n+++\n\n'
                                     "Wie es geht, zeigt {{< youtube abcDEF12345 >}} in zwei Minuten,\n"
                                     'das Trocknen {{% vimeo id="76979871" title="Holunder trocknen" %}} danach '
                                     "(in Hugo `{{< vimeo 76979871 >}}`).\n",
    })
    out = project.run("import", str(site)).output
    body = project.read("source_de/holunder-ernten.md").split("---\n", 2)[2]
    assert body == ("Wie es geht, zeigt <https://www.youtube.com/watch?v=abcDEF12345> in zwei Minuten,\n"
                    "das Trocknen [Holunder trocknen](https://vimeo.com/76979871) danach "
                    "(in Hugo `{{< vimeo 76979871 >}}`).\n"), body
    assert "holunder-ernten.md:9: embed kept as a link: https://www.youtube.com/watch?v=abcDEF12345 (Hugo's youtube" in out, out
    assert "holunder-ernten.md:10: embed kept as a link: https://vimeo.com/76979871 (Hugo's vimeo shortcode" in out, out
    assert "kept as text" not in out, out


def test_a_title_with_markup_names_the_file_by_the_words_a_reader_sees(project, tmp_path):
    """Fresh-user trial 26: a Hugo post titled ``Ihre Gesundheitsdaten <script>alert(1)</script> bei uns`` was
    imported as ihre-gesundheitsdaten-script-alert-1-script-bei-uns.md, its address so, and only ``check`` said a
    word. The file name and address come from the words a reader sees (tags and a script's code dropped, ``&amp;``
    decoded). A title holding markup a browser would run loses it, and the summary says so; one with inert markup
    (``<b>``) keeps it as the import did, and the summary says the site shows it as typed."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://gesund-mit-lena.example/"\n',
        "content/posts/daten.md": '---\ntitle: Ihre Gesundheitsdaten <script>alert(1)</script> bei uns\n'
                                  'date: 2024-08-20\n---\nIhre Befunde speichern wir sicher.\n',
        "content/posts/tee.md": '---\ntitle: "<b>Tee</b> &amp; Honig"\ndate: 2024-08-21\n---\nEr wärmt.\n',
        "content/posts/details.md": '---\ntitle: "Die <details>-Falle"\ndate: 2024-08-22\n---\nKlappt auf.\n',
    })
    out = project.run("import", str(site)).output
    assert sources(project) == ["die-details-falle.md", "ihre-gesundheitsdaten-bei-uns.md", "tee-honig.md"], out
    assert "\ntitle: Ihre Gesundheitsdaten bei uns\n" in project.read("source_de/ihre-gesundheitsdaten-bei-uns.md")
    assert ("title: Ihre Gesundheitsdaten bei uns (its markup left out of 'Ihre Gesundheitsdaten "
            "<script>alert(1)</script> bei uns': a title is plain text, and <script>, </script> would run where a "
            "feed reader or theme shows it as HTML)") in out, out
    assert "\ntitle: <b>Tee</b> &amp; Honig\n" in project.read("source_de/tee-honig.md")
    assert ("title: <b>, </b> in the title, which is plain text: the site shows it as typed, escaped (verlag check "
            "names it); write the words only. The file is named from the words a reader sees: tee-honig.md") in out
    assert "<details>" not in out.replace("Die <details>-Falle", "")


def test_a_legal_page_s_title_with_markup_is_known_by_its_words():
    """The legal page a title names is found by the words a reader sees of it: ``<b>Impressum</b>``."""
    from pipeline.importer import legal_slug, title_slug

    assert legal_slug("<b>Impressum</b> | Praxis", None) == "impressum"
    assert title_slug("<script>alert(1)</script>") == "alert-1"  # no word left: its text without the tags
    assert title_slug("Tipps<br>und Tricks") == "tipps-und-tricks"


def test_a_hugo_post_keeps_the_authors_its_taxonomy_or_params_table_names(project, tmp_path):
    """Trial 34: a post of a Hugo site whose config declares the ``authors`` taxonomy names its writers as
    ``authors = [...]`` (https://gohugo.io/configuration/taxonomies/), and Hugo's own front-matter example puts
    ``author`` in the page's ``[params]`` table (https://gohugo.io/content-management/front-matter/): the import said
    "front matter not kept: authors" and "not kept: params", and both articles got verlag.toml's author, "the source
    names none": a medical article credited to the wrong person. The names are kept, a list of them for several
    (verlag's ``author`` takes one), and the summary says which key they came from."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": "baseURL = 'https://example.org/'\ntitle = 'T'\ndefaultContentLanguage = 'de'\n"
                     "[taxonomies]\n  author = 'authors'\n  tag = 'tags'\n",
        "content/blog/salbei/index.md": '+++\ntitle = "Salbei bei Halsweh"\ndate = 2024-05-05\n'
                                        'authors = ["Dr. Thomas Müller", "Sabine Lindner"]\ntags = ["Kräuter"]\n+++\n'
                                        "Salbei wirkt entzündungshemmend.\n",
        "content/posts/holunder/index.md": "+++\ntitle = 'Holunder im Herbst'\ndate = 2023-09-20T18:45:00+02:00\n"
                                           "slug = 'holunder-herbst'\n[params]\n  author = 'Dr. Thomas Müller'\n"
                                           "  toc = true\n+++\n\nHolunderbeeren sind **roh giftig**.\n",
    })
    out = project.run("import", str(site)).output
    salbei, holunder = project.read("source_de/salbei-bei-halsweh.md"), project.read("source_de/holunder-herbst.md")
    assert "\nauthor: [Dr. Thomas Müller, Sabine Lindner]\n" in salbei, salbei
    assert "\nauthor: Dr. Thomas Müller\n" in holunder, holunder
    assert "from verlag.toml" not in out and "Jana Vogt" not in salbei + holunder, out
    assert "author: Dr. Thomas Müller, Sabine Lindner (the front matter's authors, 2 names)" in out, out
    assert "author: Dr. Thomas Müller (the front matter's params.author)" in out, out
    assert "not kept (verlag has no such field): params.toc\n" in out, out
    assert "not kept (verlag has no such field): authors" not in out
    project.run("extract")
    assert project.run("check").exit_code == 0


def test_a_hugo_headings_id_attribute_is_no_text_and_stays_the_anchor_its_links_find(project, tmp_path):
    """Trial 34: Hugo reads ``## Das Rezept {#rezept}`` as the heading "Das Rezept" with the id ``rezept``
    (Goldmark's heading attributes, on by default: https://gohugo.io/configuration/markup/#parserattributetitle);
    the import kept the braces as text, so readers saw "Das Rezept {#rezept}" and translators got it in the
    msgid. The attributes leave the heading; the id stays the anchor links to ``#rezept`` find, as an empty
    ``<div id>`` above it, where verlag's own id of the heading (``#das-rezept``) is another."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": "baseURL = 'https://example.org/'\n",
        "content/posts/tee.md": "+++\ntitle = 'Kamillentee richtig zubereiten'\ndate = 2024-02-02\n"
                                "author = 'Sabine Lindner'\n+++\n\nZuerst das [Rezept](#rezept).\n\n"
                                "## Das Rezept {#rezept}\n\nEin Teelöffel auf eine Tasse.\n\n"
                                "## Ziehen lassen {#ziehen-lassen .wichtig}\n\nZehn Minuten.\n\n"
                                "```markdown\n## Im Code {#bleibt}\n```\n",
    })
    out = project.run("import", str(site)).output
    text = project.read("source_de/kamillentee-richtig-zubereiten.md")
    assert ("Zuerst das [Rezept](#rezept).\n\n<div id=\"rezept\"></div>\n\n## Das Rezept\n\n"
            "Ein Teelöffel auf eine Tasse.\n\n## Ziehen lassen\n\nZehn Minuten.\n\n"
            "```markdown\n## Im Code {#bleibt}\n```\n") in text, text
    assert f"{ANCHORS}: #rezept (Das Rezept)" in out, out
    assert f"heading attributes left out (verlag's Markdown has none): {{#ziehen-lassen .wichtig}} at " \
           f"{site / 'content/posts/tee.md'}:13" in out, out
    project.write("source_de/kamillentee-richtig-zubereiten.md", text.replace("draft: true\n", ""))
    project.run("extract")
    assert "{#" not in project.read("translations/en/kamillentee-richtig-zubereiten.po")
    assert "fragment" not in project.run("check").output


ANCHORS = "anchors kept as an empty <div id> above their heading or block, where links and shared addresses lead"


def test_a_hugo_post_by_two_authors_keeps_both_people_and_every_page_and_feed_credits_each(project, tmp_path):
    """Review: ``authors = ["Anna Berger", "Tom Lenz"]`` (TOML, and YAML's list alike) became the one author "Anna
    Berger, Tom Lenz": schema.org named one Person of that name, the feed one author. verlag's ``author`` takes a
    list of names: the import keeps both people, the byline names them as the page's language joins a list, the
    schema.org data lists two Persons and each feed entry has an ``<author>`` for each."""
    import json

    import lxml.etree
    from lxml import etree

    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n[site]\n'
                                 'base_url = "https://praxis.example/"\n')
    site = tree(tmp_path / "hugo", {
        "hugo.toml": "baseURL = 'https://example.org/'\ntitle = 'T'\n[taxonomies]\n  author = 'authors'\n",
        "content/posts/salbei.md": '+++\ntitle = "Salbei bei Halsweh"\ndate = 2024-05-05\n'
                                   'authors = ["Anna Berger", "Tom Lenz"]\n+++\nSalbei wirkt.\n',
        "content/posts/minze.md": "---\ntitle: Minze im Sommer\ndate: 2024-06-06\nauthors:\n  - Anna Berger\n"
                                  "  - Tom Lenz\n---\nMinze kühlt.\n",
    })
    out = project.run("import", str(site)).output
    for name in ("salbei-bei-halsweh", "minze-im-sommer"):
        text = project.read(f"source_de/{name}.md")
        assert "\nauthor: [Anna Berger, Tom Lenz]\n" in text, text
        text = text.replace("draft: true\n", "")
        project.write(f"source_de/{name}.md", text)
    assert "author: Anna Berger, Tom Lenz (the front matter's authors, 2 names)" in out, out
    project.run("extract")
    review(project, "en", "salbei-bei-halsweh", {("title", "Salbei bei Halsweh"): "Sage for a sore throat",
                                                 "Salbei wirkt.": "Sage works."})
    assert "author" not in project.run("check").output
    project.run("build")
    for rel, byline in (("de/salbei-bei-halsweh", "von Anna Berger und Tom Lenz"),
                        ("en/salbei-bei-halsweh", "by Anna Berger and Tom Lenz")):
        doc = etree.HTML(project.read(f"site/{rel}/index.html").encode("utf-8"))
        assert " ".join(doc.xpath('string(//p[@class="author"])').split()) == byline, rel
        assert [b.text for b in doc.xpath('//p[@class="author"]/bdi')] == ["Anna Berger", "Tom Lenz"]
        data = json.loads(doc.xpath('string(//script[@type="application/ld+json"])'))
        assert data.get("author") == [{"@type": "Person", "name": "Anna Berger"},
                                      {"@type": "Person", "name": "Tom Lenz"}], (rel, data)
    feed = lxml.etree.fromstring(project.read("site/de/feed.xml").encode("utf-8"))
    atom = "{http://www.w3.org/2005/Atom}"
    for entry in feed.iter(f"{atom}entry"):
        assert [a.findtext(f"{atom}name") for a in entry.findall(f"{atom}author")] == ["Anna Berger", "Tom Lenz"]

"""Moving a Hugo site to verlag, after the import: what ``build`` does with what the import left (shortcodes in the
text, the old site's feeds, lists and static files) and with hand edits in site/."""

from __future__ import annotations

from pathlib import Path

import polib
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import WALL, Project, article, serving, sign_off_all
from test_import_sites import tree


def publish_all(project: Project) -> None:
    """The author's step after checking the imports: delete every 'draft: true' line."""
    for path in (project.root / "source_de").rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")


def said(output: str, needle: str) -> list[str]:
    return [line for line in output.splitlines() if needle in line]


def test_build_names_each_shortcode_an_import_left_in_the_text_at_its_line_also_in_a_german_only_page(
        project, tmp_path):
    """A Hugo shortcode, Liquid tag or WordPress shortcode left in an imported article is published as literal
    text: ``build`` names each at its line on every build, as ``extract`` and ``check`` do, also in a page
    published in German only (``translate: false``), which ``check`` names too."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\ndate = 2024-01-02\n+++\nEr schmeckt mild.\n\n"
                                "{{< gist anna 4e1b2c >}}\n\n{% include hinweis.html %}\n\n"
                                "[caption id=\"a1\"]Eine Tasse am Abend[/caption]\n",
    })
    project.run("import", str(site))
    publish_all(project)
    project.write("source_de/seiten/anfahrt.md", "---\ntitle: Anfahrt\ntranslate: false\n---\n"
                                                 "Mit dem Bus bis zum Markt.\n\n[gallery ids=\"3,4\"]\n")
    lines = project.read("source_de/lindenbluetentee.md").split("\n")
    at = {tag: lines.index(next(line for line in lines if tag in line)) + 1
          for tag in ("gist", "include", "caption")}
    project.run("extract")
    for run in (1, 2):  # the second build has nothing to do, and says them all the same
        out = project.run("build").stderr
        assert len(said(out, "is not Markdown")) == 5, out
        assert f"warning: source_de/lindenbluetentee.md:{at['gist']}: Hugo shortcode {{{{< gist anna 4e1b2c >}}}} " \
               "is not Markdown: the pages would show it as text" in out
        assert f"warning: source_de/lindenbluetentee.md:{at['include']}: Liquid tag (Jekyll) {{% include " \
               "hinweis.html %} is not Markdown" in out
        assert f"warning: source_de/lindenbluetentee.md:{at['caption']}: WordPress shortcode [caption id=\"a1\"] " \
               "is not Markdown" in out
        assert "warning: source_de/seiten/anfahrt.md:7: WordPress shortcode [gallery ids=\"3,4\"] is not " \
               "Markdown" in out
    checked = project.run("check", code=1).output  # an error in a published page
    assert "source_de/seiten/anfahrt.md:7: WordPress shortcode [gallery ids=\"3,4\"] is not Markdown" in checked
    assert len(said(checked, "[template-tag]")) == 5
    project.write("source_de/lindenbluetentee.md", article("Lindenblütentee", "Er schmeckt mild.\n"))
    project.run("extract")
    assert said(project.run("build").stderr, "is not Markdown") == \
        ["warning: source_de/seiten/anfahrt.md:7: WordPress shortcode [gallery ids=\"3,4\"] is not Markdown: the "
         "pages would show it as text; write what it stands for in Markdown (an image: "
         "![Beschreibung](bilder/datei.jpg), a note: a paragraph or > quote)"]


def test_a_page_changed_by_hand_in_site_is_rewritten_by_the_next_build_and_said(project, monkeypatch):
    """A typo fixed directly in site/ (an article page, the edition's index, a feed, robots.txt) is undone by the
    next build even when no input changed, which says so once; the modification time put back (``touch -r``) and
    the same size hide nothing. A build after it has nothing to do, and tells it from the files' stat alone."""
    import os

    from pipeline import statrecord

    project.write("source_de/lindenbluetentee.md",
                  article("Lindenblütentee", "Er schmeckt mild und hilft beim Einschlafen.\n"))
    project.run("extract")
    project.run("build")
    site = project.root / "site"
    names = ["de/lindenbluetentee/index.html", "de/index.html", "de/feed.xml", "robots.txt"]
    made = {name: (site / name).read_bytes() for name in names}
    assert all(b"Lindenbl" in made[name] for name in names[:3])
    for name in names:
        path = site / name
        before = path.stat()
        path.write_bytes(made[name].replace(b"Lindenbl", b"LINDENBL").replace(b"Allow", b"ALLOW"))
        assert path.read_bytes() != made[name] and path.stat().st_size == before.st_size
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as touch -r or cp -p would
    result = project.run("build")
    assert {name: (site / name).read_bytes() for name in names} == made
    for name in names:
        assert f"warning: site/{name} was changed by hand; rewritten" in result.stderr, result.stderr
    read, real = [], statrecord.read_bytes
    monkeypatch.setattr(statrecord, "read_bytes", lambda path, *args: read.append(path) or real(path, *args))
    again = project.run("build")
    assert "changed by hand" not in again.stderr and "wrote site/" not in again.output
    assert "site: 0 files written, 0 removed" in again.output
    assert [path for path in read if str(path).startswith(str(site))] == []


PNG = b"\x89PNG\r\n\x1a\n" + b"\1" * 16
HUGO = {
    "config.toml": 'baseURL = "https://praxis.example/"\ndefaultContentLanguage = "de"\n'
                   '[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n',
    "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\ndate = 2024-01-02\ntags = [\"Hausmittel\"]\n+++\n"
                            "Er schmeckt mild und hilft beim Einschlafen.\n\n![Eine Tasse](/images/tasse.png)\n\n"
                            "Mehr unter [Hausmittel](/tags/hausmittel/) und im [Feed](/index.xml).\n",
    "static/anfahrt.txt": "Mit dem Bus bis zum Markt.\n",
}


def imported_hugo_site(project: Project, tmp_path: Path) -> tuple[str, str]:
    """A Hugo site imported, published and built; returns the import's and the build's output."""
    site = tree(tmp_path / "hugo", HUGO)
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/tasse.png").write_bytes(PNG)
    project.write("verlag.toml", 'name = "Praxis am Fluss"\nsource_language = "de"\nlanguages = ["en"]\n'
                                 '[site]\nbase_url = "https://neu.example/"\n')
    out = project.run("import", str(site)).output
    publish_all(project)
    project.run("extract")
    return out, project.run("build").output


def test_build_answers_the_old_feeds_lists_and_static_files_an_import_named(project, tmp_path, browser):
    """The import writes the Hugo site's other addresses to redirects.txt and the build answers them: a feed's old
    address serves the new feed's XML itself (a feed reader follows no HTML redirect page), updated with it; a
    static file is copied to its old address; a list page redirects to the language's home page in a real
    browser; all of them are rules of site/_redirects and site/.htaccess, and none is in the sitemap."""
    from lxml import etree

    out, built = imported_hugo_site(project, tmp_path)
    assert "'/tags/hausmittel/': the site has no page" not in built and "'/index.xml'" not in built
    assert "[article-link]" not in project.run("check").output  # a link to an old address is answered
    assert "added 7 to redirects.txt, which 'verlag build' answers" in out
    assert "  /anfahrt.txt  (not imported: save it into source_de/ if readers need it)" in out
    assert "/index.xml  /de/feed.xml  301\n/posts/  /de/  301\n" in project.read("redirects.txt")
    site = project.root / "site"
    for old, new in (("index.xml", "de/feed.xml"), ("posts/index.xml", "de/feed.xml"),
                     ("tags/hausmittel/index.xml", "de/feed.xml"), ("images/tasse.png", "media/bilder/tasse.png")):
        assert (site / old).read_bytes() == (site / new).read_bytes(), old
    feed = etree.parse(str(site / "index.xml")).getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.find("{http://www.w3.org/2005/Atom}link[@rel='self']").get("href") == "https://neu.example/de/feed.xml"
    assert (site / "images/tasse.png").read_bytes() == PNG
    assert not (site / "anfahrt.txt").exists()
    rules = (site / "_redirects").read_text(encoding="utf-8")
    for line in ("/index.xml  /de/feed.xml  301", "/tags/hausmittel/  /de/  301",
                 "/images/tasse.png  /media/bilder/tasse.png  301", "/posts/tee/  /de/lindenbluetentee/  301"):
        assert f"{line}\n" in rules
    assert "RedirectMatch 301 ^/tags/hausmittel/?$ https://neu.example/de/\n" in (site / ".htaccess").read_text()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "tags" not in sitemap and "posts" not in sitemap and "index.xml" not in sitemap and "images" not in sitemap
    for url in serving(project.root):
        browser.get(f"{url}/tags/hausmittel/")
        WebDriverWait(browser, WALL).until(lambda b: b.current_url == f"{url}/de/")
        assert "Lindenblütentee" in browser.find_element(By.TAG_NAME, "main").text
    project.write("source_de/lindenbluetentee.md", project.read("source_de/lindenbluetentee.md").replace(
        "title: Lindenblütentee", "title: Lindenblütentee am Abend"))
    project.run("extract")
    project.run("build")
    assert b"Lindenbl\xc3\xbctentee am Abend" in (site / "index.xml").read_bytes()
    assert (site / "index.xml").read_bytes() == (site / "de/feed.xml").read_bytes()
    again = project.run("build").output
    assert "site: 0 files written, 0 removed" in again
    project.write("redirects.txt", project.read("redirects.txt").replace("/posts/index.xml  /de/feed.xml  301\n", ""))
    assert "removed site/posts/index.xml" in project.run("build").output
    assert "/posts/index.xml" not in (site / "_redirects").read_text(encoding="utf-8")


def test_a_line_of_redirects_txt_the_build_cannot_answer_is_named_at_its_line_and_the_others_are_answered(
        project, tmp_path):
    """A line that is no pair of paths, an old address given twice, one verlag makes itself (a page, a folder), or a
    new path the site does not have is an error at its line of redirects.txt (exit 2); the other lines are
    answered. ``check`` names each as the build does, before it (it never read redirects.txt: a build was the
    first to say)."""
    imported_hugo_site(project, tmp_path)
    project.write("redirects.txt", project.read("redirects.txt")
                  + "/feed/\n/index.xml  /de/feed.xml  301\n/de  /de/feed.xml  301\n"
                  + "/alt.xml  /de/gibt-es-nicht.xml  301\n/media  /de/feed.xml  301\n"
                  + "/kreis/  /rund/  301\n/rund/  /kreis/  301\n/de/lindenbluetentee/  /de/lindenbluetentee/  301\n"
                  + "/posts/tee/  /de/  301\n/sitemap.xml  /de/feed.xml  301\n/static/style.css  /de/feed.xml  301\n"
                  + "/alt-tee/  /posts/tee/  301\n")  # to an alias's page: answered
    checked = project.run("check", code=2).output
    result = project.run("build", code=2)
    said = sorted(line for line in result.output.splitlines() if line.startswith("error: redirects.txt:"))
    assert len(said) == 11
    assert sorted(line for line in checked.splitlines() if line.startswith("error: redirects.txt:")) == said
    lines = project.read("redirects.txt").splitlines()
    at = {text: lines.index(text) + 1 for text in lines}
    assert f"redirects.txt:{at['/feed/']}: not an old address and a new one" in result.output
    assert f"redirects.txt:{lines.index('/index.xml  /de/feed.xml  301', 9) + 1}: /index.xml is given on line " \
           f"{at['/index.xml  /de/feed.xml  301']} too: keep one" in result.output
    assert f"redirects.txt:{at['/de  /de/feed.xml  301']}: /de is answered already (site/de/index.html)" \
        in result.output
    assert f"redirects.txt:{at['/media  /de/feed.xml  301']}: /media is answered already (site/media)" \
        in result.output  # a folder of the site: no file can be written there
    assert f"redirects.txt:{at['/alt.xml  /de/gibt-es-nicht.xml  301']}: /de/gibt-es-nicht.xml is no page or file " \
           "of the new site" in result.output
    site = project.root / "site"
    assert (site / "index.xml").read_bytes() == (site / "de/feed.xml").read_bytes()
    assert not (site / "alt.xml").exists()


def test_the_review_report_shows_a_shortcode_on_the_entry_that_holds_it(project, tmp_path):
    """The reviewer sees a tag left in the German as a ``template-tag`` warning on its entry's row (it needs the
    author's attention, not a translation of the tag), so the entry is among those that need attention."""
    from lxml import html

    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://praxis.example/"\n',
        "content/posts/tee.md": "+++\ntitle = \"Lindenblütentee\"\ndate = 2024-01-02\n+++\nEr schmeckt mild.\n\n"
                                "[caption id=\"a1\"]Eine Tasse am Abend[/caption]\n",
    })
    project.run("import", str(site))
    publish_all(project)
    project.run("extract")
    project.run("review")
    page = html.parse(str(project.root / "review/en/lindenbluetentee.html"))
    rows = page.xpath("//article[contains(@class, 'seg')][.//li[contains(@class, 'finding')]]")
    assert len(rows) == 1
    text = rows[0].text_content()
    assert "[caption id=\"a1\"]Eine Tasse am Abend[/caption]" in text
    assert "WordPress shortcode [caption id=\"a1\"] is not Markdown" in text and "template-tag" in text
    assert "WordPress shortcode [/caption] is not Markdown" in text


def test_an_old_address_of_a_language_not_published_yet_leads_to_the_german_meanwhile(project, tmp_path):
    """The old English feed and list of a multilingual Hugo site, while the English edition is not published (its
    translation not reviewed yet): the build answers them with the German feed and home page and says so, rather
    than failing; once the English edition is published they lead to it."""
    site = tree(tmp_path / "hugo", {
        **HUGO,
        "content/posts/tee.en.md": "+++\ntitle = \"Linden tea\"\ntags = [\"Home remedies\"]\n+++\n"
                                   "It tastes mild and helps you fall asleep.\n\n![A cup](/images/tasse.png)\n\n"
                                   "More under [home remedies](/tags/hausmittel/) and in the [feed](/index.xml).\n",
    })
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/tasse.png").write_bytes(PNG)
    project.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["en"]\n'
                                 '[site]\nbase_url = "https://neu.example/"\n')
    project.run("import", str(site))
    publish_all(project)
    project.run("extract")
    catalog = project.root / "translations/en/lindenbluetentee.po"
    po = polib.pofile(str(catalog))
    for entry in po:  # as a reviewer who has not checked the hand translation yet
        if entry.msgstr and not entry.fuzzy:
            entry.flags.append("fuzzy")
    po.save(str(catalog))
    assert "/en/index.xml  /en/feed.xml  301\n" in project.read("redirects.txt")
    out = project.run("build").output
    line = project.read("redirects.txt").splitlines().index("/en/index.xml  /en/feed.xml  301") + 1
    assert f"note: redirects.txt:{line}: /en/index.xml leads to /de/feed.xml until the en edition is published" in out
    built = project.root / "site"
    assert (built / "en/index.xml").read_bytes() == (built / "de/feed.xml").read_bytes()
    assert "/en/tags/home-remedies/  /de/  301\n" in (built / "_redirects").read_text(encoding="utf-8")
    sign_off_all(project, "en")
    out = project.run("build").output
    assert "until the en edition is published" not in out, out
    assert (built / "en/index.xml").read_bytes() == (built / "en/feed.xml").read_bytes()
    assert "/en/tags/home-remedies/  /en/  301\n" in (built / "_redirects").read_text(encoding="utf-8")


def test_a_tag_that_commonmark_reads_emphasis_across_is_quoted_as_the_author_wrote_it():
    """``{{ 7*7 }} … ${7*7}``: CommonMark reads the two asterisks as emphasis around the text between them
    (spec 6.2, both are left- and right-flanking), and the tag was quoted with a space for each (``{{ 7 7 }}``),
    a text the author never wrote and cannot find in the file. Emphasis delimiters are quoted as written."""
    from pipeline.segment import markdown_template_tags

    body = "Ein Absatz über Tee mit {{ 7*7 }} und {% raw %} und ${7*7}.\n\nNoch {{ __x__ }} hier.\n"
    assert [(line, tag) for line, tag, _ in markdown_template_tags(body, 8)] == [
        (8, "{{ 7*7 }}"), (8, "{% raw %}"), (10, "{{ __x__ }}")]


def test_a_file_verlag_never_wrote_where_site_is_linked_is_said_replaced_never_changed_by_hand(project, tmp_path):
    """``site/`` may be a symlink (README). Linked to a folder that already held another site's ``index.html``,
    the build writes its own there and says truthfully that it replaced a file verlag had not written, naming it,
    never that it was "changed by hand"; a file at a path verlag does not write stays as it was. The same holds
    when ``site`` is linked anew to another folder after a build: the digests kept were of the first folder's
    files."""
    project.write("source_de/lindenbluetentee.md",
                  article("Lindenblütentee", "Er schmeckt mild und hilft beim Einschlafen.\n"))
    project.run("extract")
    project.run("build")  # into a site/ of its own: its digests are kept
    other = tmp_path / "anderer"
    other.mkdir()
    (other / "index.html").write_text("<html>Eine andere Seite</html>\n", encoding="utf-8")
    (other / "eigenes.txt").write_text("bleibt\n", encoding="utf-8")
    site = project.root / "site"
    site.rename(tmp_path / "alt")
    site.symlink_to(other)
    result = project.run("build")
    assert "changed by hand" not in result.stderr, result.stderr
    assert ("warning: replaced 1 file verlag had not written (no record of them in .verlag/): site/index.html; "
            in result.stderr), result.stderr
    assert b"Eine andere Seite" not in (other / "index.html").read_bytes()
    assert (other / "eigenes.txt").read_text(encoding="utf-8") == "bleibt\n"
    again = project.run("build")
    assert "replaced" not in again.stderr and "changed by hand" not in again.stderr
    (other / "index.html").write_text("<html>von Hand</html>\n", encoding="utf-8")
    by_hand = project.run("build")  # what verlag wrote there is its own now: an edit to it is one by hand
    assert "warning: site/index.html was changed by hand; rewritten" in by_hand.stderr, by_hand.stderr
    assert "replaced" not in by_hand.stderr


def test_site_linked_to_another_folder_loses_no_file_at_a_path_an_earlier_build_wrote(project, tmp_path):
    """The list of files a build wrote (``.verlag/site.json``) holds only for where ``site`` led then: linked to
    another site's folder after an article was deleted, the build does not delete that folder's file at the old
    article's path (another program's file), and does not say it removed it; the folder it wrote keeps its page."""
    project.write("source_de/lindenbluetentee.md",
                  article("Lindenblütentee", "Er schmeckt mild und hilft beim Einschlafen.\n"))
    project.write("source_de/pfefferminztee.md", article("Pfefferminztee", "Er ist frisch und kühl.\n"))
    project.run("extract")
    project.run("build")
    site = project.root / "site"
    page = next(rel for rel in (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
                if "pfefferminztee" in rel)
    (project.root / "source_de/pfefferminztee.md").unlink()
    other = tmp_path / "anderer"
    (other / page).parent.mkdir(parents=True)
    (other / page).write_text("<html>Eine andere Seite</html>\n", encoding="utf-8")
    site.rename(tmp_path / "alt")
    site.symlink_to(other)
    project.run("extract")
    result = project.run("build")
    assert (other / page).read_text(encoding="utf-8") == "<html>Eine andere Seite</html>\n", result.stderr
    assert f"removed site/{page}" not in result.stdout + result.stderr, result.stdout
    assert (f"but the last build's list of the files it wrote (.verlag/site.json) is of the folder of its own site/ was "
            f"then: 1 file it wrote that this build no longer makes was not removed (site/{page})") in result.stdout
    assert (tmp_path / "alt" / page).is_file()
    (other / "neu.html").write_text("<html>neu</html>\n", encoding="utf-8")
    project.write("source_de/pfefferminztee.md", article("Pfefferminztee", "Er ist frisch und kühl.\n"))
    project.run("extract")
    project.run("build")  # written here now: the list holds for this folder, and deleting the article removes it
    (project.root / "source_de/pfefferminztee.md").unlink()
    project.run("extract")
    removed = project.run("build")
    assert not (other / page).exists(), removed.stderr
    assert (other / "neu.html").is_file()


def test_site_linked_to_another_folder_keeps_its_search_index_with_search_off(project, tmp_path):
    """With ``[site] search = false`` a build deletes the ``pagefind/`` folder an earlier build of this project
    left in site/; one in another site's folder that ``site`` was linked to since is that site's, and stays."""
    project.write("verlag.toml", project.read("verlag.toml") + "\n[site]\nsearch = false\n")
    project.write("source_de/lindenbluetentee.md",
                  article("Lindenblütentee", "Er schmeckt mild und hilft beim Einschlafen.\n"))
    project.run("extract")
    project.run("build")
    other = tmp_path / "anderer"
    (other / "pagefind").mkdir(parents=True)
    (other / "pagefind/pagefind.js").write_text("// der Index der anderen Seite\n", encoding="utf-8")
    site = project.root / "site"
    site.rename(tmp_path / "alt")
    site.symlink_to(other)
    result = project.run("build")
    assert (other / "pagefind/pagefind.js").is_file(), result.stdout
    assert "removed site/pagefind/" not in result.stdout
    again = project.run("build")  # site/ has led here since the last build, which made no index here either
    assert (other / "pagefind/pagefind.js").is_file(), again.stdout


def test_turning_search_off_removes_the_index_the_last_build_made(project):
    """``[site] search = false`` takes down the search index an earlier build made (its ``pagefind/`` folder)."""
    project.write("source_de/lindenbluetentee.md",
                  article("Lindenblütentee", "Er schmeckt mild und hilft beim Einschlafen.\n"))
    project.run("extract")
    project.run("build")
    assert (project.root / "site/pagefind").is_dir()
    project.write("verlag.toml", project.read("verlag.toml") + "\n[site]\nsearch = false\n")
    result = project.run("build")
    assert "removed site/pagefind/" in result.stdout, result.stdout
    assert not (project.root / "site/pagefind").exists()

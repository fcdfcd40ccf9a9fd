"""Moving a Jekyll site or a WordPress blog to verlag: the old site's feeds and list pages, which no article's
``aliases:`` keeps, go to ``redirects.txt`` on import, as a Hugo site's do (test_hugo_move), and ``build`` answers
them. Only what the old site's config, files and published posts show it served is named."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

from conftest import WALL, Project, serving
from test_hugo_move import publish_all
from test_import_old_blog import HOST, LEAD, wxr
from test_import_sites import tree

VERLAG_TOML = 'name = "Praxis"\nsource_language = "de"\nlanguages = ["en"]\n[site]\nbase_url = "https://neu.example/"\n'
JEKYLL = {
    "_config.yml": 'title: Praxis am Fluss\nurl: "https://alt.example"\nplugins:\n  - jekyll-feed\n'
                   '  - jekyll-paginate\n  - jekyll-archives\npaginate: 1\n'
                   'jekyll-archives:\n  enabled: [tags, categories, year]\n',
    "tags.md": "---\nlayout: page\ntitle: Schlagworte\npermalink: /tags/\n---\n",
    "about.md": "---\nlayout: page\ntitle: Über mich\n---\nIch bin Heilpraktikerin.\n",
    "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\ntags: [Hausmittel]\ncategories: Tee\n---\n"
                                       "Er schmeckt mild und hilft beim Einschlafen.\n",
    "_posts/2024-11-12-abendroutine.md": "---\ntitle: Abendroutine\ntags: Schlaf\n---\nEin warmes Bad am Abend.\n",
    "_drafts/holunder.md": "---\ntitle: Holundersirup\ntags: [Geplant]\n---\nNoch nicht fertig.\n",
}


def test_a_jekyll_sites_feed_pages_and_archives_are_answered_after_the_move(project, tmp_path, browser):
    """jekyll-feed's /feed.xml, jekyll-paginate's /page2/, jekyll-archives' tag, category and year lists and the
    site's own /tags/ page answered 404 after the move: the import adds each to redirects.txt and the build serves
    the feed at its old address and redirects the lists to the home page; a draft's tag and the about page, a page
    no list, are none of them. A Jekyll site without those plug-ins adds nothing."""
    site = tree(tmp_path / "jekyll", JEKYLL)
    project.write("verlag.toml", VERLAG_TOML)
    out = project.run("import", str(site)).output
    assert f"import: 8 other addresses of {site} (feeds, lists), which no article's aliases: keep: added 8 to " \
           "redirects.txt" in out
    moved = project.read("redirects.txt")
    for line in ("/feed.xml  /de/feed.xml  301", "/tags/  /de/  301", "/page2/  /de/  301", "/category/tee/  /de/  301",
                 "/tag/hausmittel/  /de/  301", "/tag/schlaf/  /de/  301", "/2023/  /de/  301", "/2024/  /de/  301"):
        assert f"\n{line}\n" in moved, line
    assert "geplant" not in moved and "about" not in moved
    publish_all(project)
    project.run("extract")
    project.run("build")
    built = project.root / "site"
    assert (built / "feed.xml").read_bytes() == (built / "de/feed.xml").read_bytes()
    assert "/tag/hausmittel/  /de/  301\n" in (built / "_redirects").read_text(encoding="utf-8")
    for url in serving(project.root):
        browser.get(f"{url}/tag/hausmittel/")
        WebDriverWait(browser, WALL).until(lambda b: b.current_url == f"{url}/de/")
    plain = tree(tmp_path / "schlicht", {"_config.yml": "title: Schlicht\n",
                                         "_posts/2024-01-02-tee.md": "---\ntitle: Tee\n---\nEr schmeckt.\n"})
    other = Project(tmp_path / "zweites")
    other.write("verlag.toml", VERLAG_TOML)
    assert "other address" not in other.run("import", str(plain)).output
    assert not (other.root / "redirects.txt").exists()


def wp_post(number: int, *, terms: str = "", status: str = "publish") -> str:
    return (f"<title><![CDATA[Beitrag {number}]]></title><link>{HOST}/2024/05/beitrag-{number}/</link>"
            f"<wp:post_id>{number}</wp:post_id><wp:post_date>2024-05-{number:02d} 09:00:00</wp:post_date>"
            f"<wp:post_name><![CDATA[beitrag-{number}]]></wp:post_name><wp:status>{status}</wp:status>"
            f"<wp:post_type>post</wp:post_type>{terms}"
            f"<content:encoded><![CDATA[{LEAD} Nummer {number}.]]></content:encoded>")


def test_a_wordpress_blogs_feed_category_tag_date_and_page_lists_are_answered_after_the_move(project, tmp_path):
    """A WordPress blog with pretty permalinks served /feed/, /category/x/ and /tag/y/ with their feeds, its date
    archives and /page/2/ (11 posts, 10 a page): the import adds them to redirects.txt from the export's published
    posts (not a draft's tag), and the build serves the feed at /feed/ (its index.html, what a static server sends)
    and redirects the lists. An export of plain permalinks (?p=3) adds nothing: a query cannot be redirected."""
    terms = ('<category domain="category" nicename="hausmittel"><![CDATA[Hausmittel]]></category>'
             '<category domain="post_tag" nicename="ringelblume"><![CDATA[Ringelblume]]></category>')
    posts = [wp_post(n, terms=terms if n == 1 else "") for n in range(1, 12)]
    posts.append(wp_post(12, terms='<category domain="post_tag" nicename="geplant"><![CDATA[Geplant]]></category>',
                         status="draft"))
    export = tmp_path / "export.xml"
    export.write_text(wxr(*posts), encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    out = project.run("import", str(export)).output
    assert f"import: 8 other addresses of {export} (feeds, lists), which no article's aliases: keep: added 8" in out
    moved = project.read("redirects.txt")
    for line in ("/feed/  /de/feed.xml  301", "/page/2/  /de/  301", "/category/hausmittel/  /de/  301",
                 "/category/hausmittel/feed/  /de/feed.xml  301", "/tag/ringelblume/  /de/  301",
                 "/tag/ringelblume/feed/  /de/feed.xml  301", "/2024/  /de/  301", "/2024/05/  /de/  301"):
        assert f"\n{line}\n" in moved, line
    assert "geplant" not in moved and "/page/3/" not in moved
    publish_all(project)
    project.run("extract")
    project.run("build")
    built = project.root / "site"
    assert (built / "feed/index.html").read_bytes() == (built / "de/feed.xml").read_bytes()
    assert 'content="0; url=/de/"' in (built / "category/hausmittel/index.html").read_text(encoding="utf-8")
    assert "RedirectMatch 301 ^/feed/?$ https://neu.example/de/feed.xml\n" in (built / ".htaccess").read_text()
    plain = tmp_path / "plain.xml"
    plain.write_text(wxr(wp_post(1, terms=terms).replace(f"{HOST}/2024/05/beitrag-1/", f"{HOST}/?p=1")),
                     encoding="utf-8")
    other = Project(tmp_path / "zweites")
    other.write("verlag.toml", VERLAG_TOML)
    assert "other address" not in other.run("import", str(plain)).output
    assert not (other.root / "redirects.txt").exists()


def test_a_wordpress_blogs_author_archives_are_answered_after_the_move(project, tmp_path):
    """WordPress served each author's posts at /author/<nicename>/ (the login in lower case, "." as "-"), with a
    feed and further pages; they answered 404 after the move. The import adds them to redirects.txt: the list to
    the language's index, the feed to its feed."""
    posts = [wp_post(n) + f"<dc:creator><![CDATA[{'Anna.Berg' if n < 12 else 'max'}]]></dc:creator>"
             for n in range(1, 13)]
    export = tmp_path / "export.xml"
    export.write_text(wxr(*posts), encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    project.run("import", str(export))
    moved = project.read("redirects.txt")
    for line in ("/author/anna-berg/  /de/  301", "/author/anna-berg/feed/  /de/feed.xml  301",
                 "/author/anna-berg/page/2/  /de/  301", "/author/max/  /de/  301",
                 "/author/max/feed/  /de/feed.xml  301"):
        assert f"\n{line}\n" in moved, (line, moved)
    assert "/author/max/page/2/" not in moved


def test_a_polylang_blogs_english_feed_and_lists_lead_to_the_english_pages(project, tmp_path):
    """A Polylang blog serves its English posts at /en/… and, beside them, its English feed and lists: /en/feed/,
    the English category /en/category/tea/, /en/2024/03/ and /en/page/2/ (11 English posts). Only the German ones
    were added to redirects.txt, and the English posts were counted into the German lists (/page/3/, the English
    category under /category/): now each language's lists lead to that language's home page and feed."""
    from test_import_wordpress import ENGLISH, GERMAN, polylang, post, wxr as wxr_with_terms
    from test_import_wordpress import HOST as WP_HOST

    english_category = '<category domain="category" nicename="tea"><![CDATA[Tea]]></category>'
    items = []
    for n in range(1, 12):
        day = f"2024-03-{n:02d}"
        items.append(post(f"Genug trinken {n}", GERMAN, post_id=100 + n, name=f"trinken-{n}",
                          link=f"{WP_HOST}/2024/03/trinken-{n}/", extra=polylang("de", f"pll_{n}"))
                     .replace("2024-04-08", day))
        items.append(post(f"Drinking enough {n}", ENGLISH, post_id=200 + n, name=f"drinking-enough-{n}",
                          link=f"{WP_HOST}/en/2024/03/drinking-enough-{n}/",
                          extra=polylang("en", f"pll_{n}") + english_category).replace("2024-04-08", day))
    export = tmp_path / "export.xml"
    export.write_text(wxr_with_terms(*items), encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    project.run("import", "--dry-run", str(export))
    out = project.run("import", str(export)).output
    assert "as the en translation of source_de/trinken-11.md (made by hand)" in out
    moved = project.read("redirects.txt")
    for line in ("/feed/  /de/feed.xml  301", "/page/2/  /de/  301", "/2024/03/  /de/  301",
                 "/en/feed/  /en/feed.xml  301", "/en/page/2/  /en/  301", "/en/category/tea/  /en/  301",
                 "/en/category/tea/feed/  /en/feed.xml  301", "/en/2024/  /en/  301", "/en/2024/03/  /en/  301"):
        assert f"\n{line}\n" in moved, (line, moved)
    assert "/page/3/" not in moved and "\n/category/tea/" not in moved
    publish_all(project)
    project.run("extract")
    project.run("build")
    built = project.root / "site"
    rules = (built / "_redirects").read_text(encoding="utf-8")
    assert "/en/category/tea/  /en/  301\n" in rules and "/en/feed/  /en/feed.xml  301\n" in rules
    assert (built / "en/feed/index.html").read_bytes() == (built / "en/feed.xml").read_bytes()


def test_a_month_whose_only_post_was_password_protected_leads_to_the_home_page_and_says_why(project, tmp_path):
    """WordPress listed a password-protected post in its archives, so /2024/03/ answered there; the import leaves
    that post out, and the month's address led to the home page without a word. It still does (a reader finds the
    other posts there), and the summary says why; a private post's month, never shown to readers, is none."""
    protected = wp_post(3, terms='<category domain="category" nicename="intern"><![CDATA[Intern]]></category>') \
        .replace("2024-05-03", "2024-03-03").replace("</wp:status>", "</wp:status><wp:post_password>geheim"
                                                                      "</wp:post_password>")
    private = wp_post(4, status="private").replace("2024-05-04", "2024-02-04")
    export = tmp_path / "export.xml"
    export.write_text(wxr(wp_post(1), protected, private), encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    out = project.run("import", str(export)).output
    assert ("  /2024/03/  /de/  301  (it listed only posts left out, password-protected: Beitrag 3; a reader finds "
            "the other posts on the home page)") in out
    assert ("  /category/intern/  /de/  301  (it listed only posts left out, password-protected: Beitrag 3; a reader "
            "finds the other posts on the home page)") in out
    assert "  /2024/05/  /de/  301\n" in out
    moved = project.read("redirects.txt")
    assert "\n/2024/03/  /de/  301\n" in moved and "/2024/02/" not in moved


def _crafted_terms_export(tmp_path: Path) -> Path:
    """An export of one post with a category "../../../etc", a tag "%2e%2e" (crafted) and a tag "ringelblume"."""
    terms = ('<category domain="category" nicename="../../../etc"><![CDATA[A]]></category>'
             '<category domain="post_tag" nicename="%2e%2e"><![CDATA[B]]></category>'
             '<category domain="post_tag" nicename="ringelblume"><![CDATA[C]]></category>')
    export = tmp_path / "export.xml"
    export.write_text(wxr(wp_post(1, terms=terms)), encoding="utf-8")
    return export


def test_a_crafted_term_address_of_a_wordpress_export_adds_no_line_the_build_refuses(project, tmp_path):
    """A term's ``nicename`` is the export's text: "../../x" or "%2e%2e" made an old address with a ".." segment,
    which the import wrote to redirects.txt and every build then refused again ("no browser requests" it). The
    import leaves such an address out; the blog's other lists are still added."""
    export = _crafted_terms_export(tmp_path)
    project.write("verlag.toml", VERLAG_TOML)
    project.run("import", str(export))
    moved = project.read("redirects.txt")
    assert "/tag/ringelblume/  /de/  301\n" in moved and ".." not in moved and "%2e" not in moved.lower()
    publish_all(project)
    project.run("extract")
    assert "redirects.txt" not in project.run("build").output


def test_the_summary_lists_a_crafted_term_address_as_refused_not_among_those_added(project, tmp_path):
    """The import left a ".." address out of redirects.txt, yet its summary counted and listed it with the added
    ones (``/category/../../../etc/  /de/  301``), as if readers were led from there: it is listed as refused now,
    with why, and the count is of the addresses added."""
    export = _crafted_terms_export(tmp_path)
    project.write("verlag.toml", VERLAG_TOML)
    out = project.run("import", str(export)).output
    assert f"import: 5 other addresses of {export} (feeds, lists), which no article's aliases: keep: added 5" in out
    assert "  /tag/ringelblume/  /de/  301\n" in out
    assert not [line for line in out.splitlines() if ".." in line and "301" in line], out
    assert (f"import: 4 addresses of {export} refused, not added to redirects.txt: a '.' or '..' segment, a "
            "backslash or a control character, which no browser requests (the export's own text: a crafted name?):\n"
            "  /category/../../../etc/\n  /category/../../../etc/feed/\n  /tag/%2e%2e/\n  /tag/%2e%2e/feed/\n") in out


def test_with_private_a_month_of_password_protected_posts_says_they_came_in_as_drafts_not_left_out(project, tmp_path):
    """With --private the password-protected post is imported (a German-only draft), yet the note beside its month
    still said the list "listed only posts left out": it says they came in as drafts the site does not publish
    yet, so the address still leads to the home page."""
    protected = wp_post(3).replace("2024-05-03", "2024-03-03").replace(
        "</wp:status>", "</wp:status><wp:post_password>geheim</wp:post_password>")
    export = tmp_path / "export.xml"
    export.write_text(wxr(wp_post(1), protected), encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    out = project.run("import", "--private", str(export)).output
    assert "draft: true  # password-protected in WordPress" in project.read("source_de/beitrag-3.md")
    assert "left out" not in out.split("other addresses of", 1)[1], out
    assert ("  /2024/03/  /de/  301  (it listed only password-protected posts, imported with --private as German-only "
            "drafts the site does not publish: Beitrag 3; a reader finds the other posts on the home page)") in out


def test_a_polylang_language_on_a_domain_of_its_own_names_its_feed_and_lists_and_why_they_are_not_added(
        project, tmp_path):
    """Polylang can give each language a domain (en.ernaehrung.example): its English feed and lists were served
    there, and the import skipped them without a word. redirects.txt answers only the new site's own addresses,
    so they cannot go there: the summary names each with the new page it should lead to and says where the rule
    belongs (that host's server); the German lists are added as before."""
    from test_import_wordpress import ENGLISH, GERMAN, polylang, post, wxr as wxr_with_terms
    from test_import_wordpress import HOST as WP_HOST

    english = WP_HOST.replace("https://", "https://en.")
    items = [post("Genug trinken", GERMAN, post_id=101, name="trinken", link=f"{WP_HOST}/2024/03/trinken/",
                  extra=polylang("de", "pll_1")),
             post("Drinking enough", ENGLISH, post_id=201, name="drinking-enough",
                  link=f"{english}/2024/03/drinking-enough/",
                  extra=polylang("en", "pll_1") + '<category domain="category" nicename="tea"><![CDATA[Tea]]></category>')]
    export = tmp_path / "export.xml"
    export.write_text(wxr_with_terms(*items), encoding="utf-8")
    project.write("verlag.toml", VERLAG_TOML)
    out = project.run("import", str(export)).output
    assert "\n/feed/  /de/feed.xml  301\n" in project.read("redirects.txt")
    assert "en." not in project.read("redirects.txt") and "/en/" not in project.read("redirects.txt")
    assert (f"import: 7 addresses of {export} on another host, {english.removeprefix('https://')} (a language's "
            "domain), not added to redirects.txt: it answers the new site's own addresses only (base_url); redirect "
            "each on that host's server, or point the host at a server that does:") in out, out
    for line in (f"  {english}/feed/  https://neu.example/en/feed.xml  301",
                 f"  {english}/category/tea/  https://neu.example/en/  301",
                 f"  {english}/2024/04/  https://neu.example/en/  301"):
        assert line + "\n" in out, (line, out)

"""Old addresses (front-matter ``aliases``) answer with the article's page: _redirects, .htaccess and HTML pages
served by a real HTTP server on 127.0.0.1 (pipeline/redirects.py)."""

from __future__ import annotations

import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import lxml.html
import pytest

from conftest import article

ALIASES = ["https://alter-blog.example/2019/05/ingwer-tee-bei-erkaeltung/", "/post/ingwer-tee",
           "/blog/ingwertee.html", "/alt/kräutertee/", "/index.php"]


@pytest.fixture
def server():
    """A static web server on 127.0.0.1, as plain web space is, for the folder put in ``state["root"]`` later
    (the port goes into base_url first)."""
    state = {"root": None}

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(state["root"]), **kwargs)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def built(project, server):
    httpd, state = server
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    project.write("verlag.toml", f'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n[site]\n'
                                 f'base_url = "{base}"\n')
    aliases = "\n".join(f'  - "{a}"' for a in ALIASES)
    project.write("source_de/ingwer.md", article("Ingwertee bei Erkältung", """
        Ein warmer Ingwertee tut gut, wenn die Nase läuft.
        """).replace("---\nEin", f"aliases:\n{aliases}\n---\nEin"))
    project.write("source_de/salbei.md", article("Salbei für den Hals", "Salbei beruhigt einen rauen Hals.\n"))
    project.run("build")
    state["root"] = project.root / "site"
    return project, base


def follow(url: str, hops: int = 5) -> str:
    """The address a browser ends at: HTTP redirects (urllib) and then ``<meta http-equiv=refresh>``."""
    for _ in range(hops):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            url, body = response.url, response.read()
        refresh = lxml.html.fromstring(body).xpath('//meta[@http-equiv="refresh"]/@content')
        if not refresh:
            return url
        url = refresh[0].split("url=", 1)[1]
    raise AssertionError(f"more than {hops} redirects from {url}")


def test_each_old_address_answers_with_the_articles_page_on_plain_web_space(built):
    project, base = built
    for old in ["/2019/05/ingwer-tee-bei-erkaeltung/", "/2019/05/ingwer-tee-bei-erkaeltung", "/post/ingwer-tee",
                "/post/ingwer-tee/", "/blog/ingwertee.html", "/alt/kr%C3%A4utertee/"]:
        assert follow(base + old[1:]) == base + "de/ingwer/", old
    with urllib.request.urlopen(base + "de/ingwer/", timeout=10) as response:
        assert "Ingwertee bei Erkältung" in response.read().decode("utf-8")


def test_a_redirect_page_has_canonical_noindex_and_a_visible_link(built):
    project, base = built
    page = lxml.html.fromstring((project.root / "site/post/ingwer-tee/index.html").read_bytes())
    assert page.xpath("/html/@lang") == ["de"]
    assert page.xpath('//link[@rel="canonical"]/@href') == [base + "de/ingwer/"]
    assert page.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert page.xpath('//meta[@http-equiv="refresh"]/@content') == [f"0; url={base}de/ingwer/"]
    assert page.xpath("//body//a/@href") == [base + "de/ingwer/"]
    assert page.xpath("//body//a/text()") == ["Ingwertee bei Erkältung"]


def test_redirects_file_and_htaccess_list_every_old_path(built):
    project, base = built
    assert project.read("site/_redirects") == (
        "/2019/05/ingwer-tee-bei-erkaeltung/  /de/ingwer/  301\n"
        "/alt/kr%C3%A4utertee/  /de/ingwer/  301\n"
        "/blog/ingwertee.html  /de/ingwer/  301\n"
        "/index.php  /de/ingwer/  301\n"
        "/post/ingwer-tee  /de/ingwer/  301\n")
    rules = [line for line in project.read("site/.htaccess").splitlines() if not line.startswith("#")]
    assert rules == [f"RedirectMatch 301 ^{p}/?$ {base}de/ingwer/" for p in (
        "/2019/05/ingwer-tee-bei-erkaeltung", "/alt/kr%C3%A4utertee", r"/blog/ingwertee\.html", r"/index\.php",
        "/post/ingwer-tee")]
    # a .php address is no page a static server sends as HTML: only the host files redirect it
    assert not (project.root / "site/index.php").exists()


def test_the_sitemap_does_not_list_redirect_pages(built):
    project, _ = built
    sitemap = project.read("site/sitemap.xml")
    assert "/de/ingwer/" in sitemap
    assert "post/" not in sitemap and "2019" not in sitemap and "alt/" not in sitemap


def test_removed_aliases_take_their_redirects_with_them(built):
    project, _ = built
    text = project.read("source_de/ingwer.md")
    project.write("source_de/ingwer.md", text[:text.index("aliases:")] + text[text.index("---\nEin"):])
    project.run("build")
    for rel in ("_redirects", ".htaccess", "post/ingwer-tee/index.html", "blog/ingwertee.html"):
        assert not (project.root / "site" / rel).exists(), rel


@pytest.mark.parametrize("aliases, message", [
    ('["/de/"]', "source_de/salbei.md:4: aliases: /de/ is the address of site/de/index.html, a page verlag makes"),
    ('["/de/ingwer/"]', "source_de/salbei.md:4: aliases: /de/ingwer/ is the address of site/de/ingwer/index.html"),
    ('["/post/ingwer-tee/"]', "source_de/salbei.md:4: aliases: /post/ingwer-tee/ is answered by "
                              "site/post/ingwer-tee/index.html, the old address /post/ingwer-tee of source_de/ingwer.md"),
    ('["/post/ingwer-tee"]', "source_de/salbei.md:4: aliases: /post/ingwer-tee is also an old address of "
                             "source_de/ingwer.md"),
    ('"ftp://example.org/x"', "source_de/salbei.md:4: aliases: 'ftp://example.org/x' is neither an http(s) URL"),
    ('["/?p=12"]', "source_de/salbei.md:4: aliases: '/?p=12' has a query or fragment"),
    ("{a: 1}", "source_de/salbei.md:4: aliases: expected a list of old addresses"),
])
def test_a_bad_or_clashing_alias_is_an_error_naming_the_file_and_line_and_the_other_redirects_stay(
        built, aliases, message):
    project, base = built
    before = project.snapshot()
    project.write("source_de/salbei.md", article("Salbei für den Hals", "Salbei beruhigt.\n", aliases=aliases))
    result = project.run("build", code=2)
    assert f"error: {message}" in result.output
    assert "Traceback" not in result.output
    after = project.snapshot()
    for rel in ("site/_redirects", "site/.htaccess", "site/post/ingwer-tee/index.html"):
        assert after[rel] == before[rel], rel
    assert follow(base + "post/ingwer-tee") == base + "de/ingwer/"


def test_an_alias_outside_the_sites_path_is_an_error(project):
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n[site]\n'
                                 'base_url = "https://example.org/praxis/"\n')
    project.write("source_de/salbei.md", article("Salbei", "Salbei beruhigt.\n", aliases='["/post/salbei"]'))
    result = project.run("build", code=2)
    assert "error: source_de/salbei.md:4: aliases: /post/salbei is outside the site's address" in result.output


def test_without_aliases_no_redirect_files_are_written(project):
    project.write("source_de/salbei.md", article("Salbei", "Salbei beruhigt.\n"))
    project.run("build")
    assert not (project.root / "site/_redirects").exists() and not (project.root / "site/.htaccess").exists()


def test_a_drafts_old_addresses_are_not_redirected_yet(project):
    project.write("source_de/salbei.md", article("Salbei", "Salbei beruhigt.\n", aliases='["/post/salbei"]',
                                                 draft="true"))
    project.run("build")
    assert not (project.root / "site/post").exists() and not (project.root / "site/_redirects").exists()


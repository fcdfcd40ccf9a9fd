"""A renamed article keeps its published addresses: each leads to its new page in every language, across later
builds and further renames, until another article takes the name (pipeline/renames.py, pipeline/redirects.py).
Real builds; the old addresses followed through a real HTTP server on 127.0.0.1 and a real headless Chromium."""

from __future__ import annotations

import lxml.html
import polib
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import WALL, article, msgfmt_check, review, serving
from test_redirects import configure, follow


def _rename(project, old: str, new: str) -> None:
    (project.root / f"source_de/{old}.md").rename(project.root / f"source_de/{new}.md")


def _translated(project, base: str | None = None) -> None:
    """A published German article ``alt`` with its English translation reviewed and published."""
    if base:
        configure(project, base)
    project.write("source_de/alt.md", article("Zecken im Gras", "Zecken warten im hohen Gras.\n"))
    project.run("extract")
    review(project, "en", "alt", {("title", "Zecken im Gras"): "Ticks in the grass",
                                  "Zecken warten im hohen Gras.": "Ticks wait in tall grass."})
    project.run("build")
    assert (project.root / "site/en/alt/index.html").is_file()


def test_a_renamed_article_s_addresses_lead_to_its_page_in_every_language_through_a_real_server(project):
    """The author renames source_de/alt.md to neu.md (no ``slug:``): /de/alt/ and /en/alt/ answered 404 after the
    build, with a warning asking for ``aliases:``. They lead to /de/neu/ and /en/neu/ now (meta refresh page,
    _redirects, .htaccess), the build says so once, check has nothing to warn about, and later builds keep them."""
    base = "https://praxis.example/"
    _translated(project, base)
    _rename(project, "alt", "neu")
    project.run("extract")
    assert "gone-address" not in project.run("check").output
    result = project.run("build")
    assert "is gone" not in result.output, result.output
    assert ("note: source_de/neu.md: slug alt → neu (its file renamed): its published addresses lead to its page now: "
            "/de/alt/ → /de/neu/, /en/alt/ → /en/neu/; in every later build too, also in a fresh clone (CI, another "
            "computer): the rename is recorded in translations/templates/neu.pot (X-Verlag-Renamed-From), commit "
            "it") in result.output
    server = serving(project.root)
    url = next(server)
    try:
        for lang in ("de", "en"):
            assert follow(f"{url}/{lang}/alt/") == f"{url}/{lang}/neu/"
            assert follow(f"{url}/{lang}/alt") == f"{url}/{lang}/neu/"
    finally:
        server.close()
    page = project.read("site/en/alt/index.html")
    assert f'<link rel="canonical" href="{base}en/neu/">' in page and '<html lang="en" dir="ltr">' in page
    assert "<title>Ticks in the grass</title>" in page and '<meta name="robots" content="noindex">' in page
    assert project.read("site/_redirects") == "/de/alt/  /de/neu/  301\n/en/alt/  /en/neu/  301\n"
    htaccess = project.read("site/.htaccess")
    assert f"RedirectMatch 301 ^/de/alt/?$ {base}de/neu/\n" in htaccess
    assert f"RedirectMatch 301 ^/en/alt/?$ {base}en/neu/\n" in htaccess
    assert not (project.root / "site/fr/alt").exists()  # never published in French: no address to keep
    before = project.snapshot()
    again = project.run("build").output
    assert "renamed" not in again and "is gone" not in again, again
    assert {rel: data for rel, data in project.snapshot().items() if "/alt" in rel or "redirects" in rel} == \
        {rel: data for rel, data in before.items() if "/alt" in rel or "redirects" in rel}


def test_a_reader_following_a_renamed_article_s_old_address_in_chromium_lands_on_its_page(browser, project):
    _translated(project)
    _rename(project, "alt", "neu")
    project.run("extract")
    project.run("build")
    server = serving(project.root)
    base = next(server)
    try:
        browser.get(f"{base}/en/alt/")
        WebDriverWait(browser, WALL).until(expected_conditions.url_to_be(f"{base}/en/neu/"))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert browser.find_element(By.TAG_NAME, "h1").text == "Ticks in the grass"
        browser.get(f"{base}/de/alt/")
        WebDriverWait(browser, WALL).until(expected_conditions.url_to_be(f"{base}/de/neu/"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Zecken im Gras"
    finally:
        server.close()


def test_a_changed_slug_is_named_with_its_old_and_new_address_not_as_a_renamed_file(project):
    """Trial 5, finding 3: changing only ``slug:`` (the file keeps its name) made the build say "source_de/alt.md
    was renamed (from alt)", naming neither the new slug nor where the addresses lead."""
    _translated(project, "https://praxis.example/blog/")
    project.write("source_de/alt.md", article("Zecken im Gras", "Zecken warten im hohen Gras.\n", slug="neu"))
    project.run("extract")
    result = project.run("build")
    assert ("note: source_de/alt.md: slug alt → neu (its slug: changed, the file kept its name): its published "
            "addresses lead to its page now: /blog/de/alt/ → /blog/de/neu/, /blog/en/alt/ → /blog/en/neu/; in every "
            "later build too, also in a fresh clone") in result.output, result.output
    assert "renamed (from" not in result.output and "is gone" not in result.output
    assert "slug alt → neu" not in project.run("build").output  # said once


def test_a_file_renamed_as_it_was_keeps_its_address_without_translations_or_extract(project):
    """No catalog has a translation to move along and extract was not run: the build knows the file by its text."""
    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("build")
    _rename(project, "alt", "neu")
    result = project.run("build")
    assert "is gone" not in result.output, result.output
    assert ("note: source_de/neu.md: slug alt → neu (its file renamed): its published address leads to its page now: "
            "/de/alt/ → /de/neu/; in the later builds of this checkout, which remembers the rename in .verlag/ (git "
            "leaves it out): a fresh clone (CI, another computer) makes no page at the old address, and the "
            "article's feed entries have a new id (feed readers show it as new); verlag extract records a rename "
            "only when it moves the article's catalogs along, which it cannot for this one: add 'aliases: [alt]' to "
            "source_de/neu.md's front matter to keep the addresses there too") in result.output
    assert project.read("site/_redirects") == "/de/alt/  /de/neu/  301\n"
    assert "url=/de/neu/" in project.read("site/de/alt/index.html")


def test_the_renames_the_site_records_are_read_without_site_json(project):
    """The QA gate's page key of every catalog asks which renames verlag recorded (``orphans.renamed_articles``):
    the site's record is kept alone beside site.json, so a no-op build does not parse all of site.json for it (20 ms
    at 500 articles); a site last built without that file is read from site.json."""
    from pipeline.config import load_config
    from pipeline.orphans import renamed_articles

    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("build")
    _rename(project, "alt", "neu")
    project.run("build")
    config = load_config(project.root)
    assert renamed_articles(config) == {"alt": "neu"}
    site_json = project.root / ".verlag/site.json"
    kept = site_json.read_bytes()
    site_json.write_text("{}", encoding="utf-8")
    assert renamed_articles(config) == {"alt": "neu"}
    site_json.write_bytes(kept)
    (project.root / ".verlag/site-renamed.json").unlink()
    assert renamed_articles(config) == {"alt": "neu"}
    project.run("build")
    assert (project.root / ".verlag/site-renamed.json").is_file()


def test_after_two_renames_both_old_addresses_lead_to_the_last_name(project):
    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("build")
    _rename(project, "alt", "neu")
    project.run("build")
    _rename(project, "neu", "drei")
    result = project.run("build")
    assert "is gone" not in result.output, result.output
    assert ("note: source_de/drei.md: slug alt, neu → drei (its file renamed): its published addresses lead to its "
            "page now: /de/alt/ → /de/drei/, /de/neu/ → /de/drei/; in the later builds of this checkout") in result.output
    assert "'aliases: [alt, neu]' to source_de/drei.md" in result.output
    assert project.read("site/_redirects") == "/de/alt/  /de/drei/  301\n/de/neu/  /de/drei/  301\n"
    for old in ("alt", "neu"):
        assert "url=/de/drei/" in project.read(f"site/de/{old}/index.html")


def test_a_new_article_that_takes_an_old_name_wins_and_the_build_says_so_once(project):
    """No redirect loop and no redirect over a page: the new alt.md's page is at /de/alt/, the redirect from it is
    dropped, and the build warns once; the other old addresses stay."""
    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("build")
    _rename(project, "alt", "neu")
    project.run("build")
    _rename(project, "neu", "drei")
    project.run("build")
    project.write("source_de/alt.md", article("Galle", "Die Galle hilft beim Verdauen.\n"))
    result = project.run("build")
    assert ("warning: source_de/alt.md has the slug alt, whose published address /de/alt/ led to source_de/drei.md "
            "(renamed from alt): they are this article's now, and old links and bookmarks meant for "
            "source_de/drei.md reach it (or a 404 where it is not published); if they should not, give "
            "source_de/alt.md another file name or slug: and add 'aliases: [alt]' to source_de/drei.md's front "
            "matter") in result.output
    assert "<h1>Galle</h1>" in project.read("site/de/alt/index.html")
    assert project.read("site/_redirects") == "/de/neu/  /de/drei/  301\n"
    again = project.run("build").output
    assert "warning" not in again, again
    assert "gone-address" not in project.run("check").output


def test_an_address_taken_down_comes_back_once_extract_tells_the_rename(project):
    """Renamed and retitled at once, then built before extract: the build cannot tell (neither its text nor its
    title is the one it published), takes the pages down and says so. Once extract has moved the catalogs along
    (the rename recorded), the next build brings both addresses back as redirects: the English one to the page
    saying the retitled article's translation is not available at the moment; the French edition, never published,
    gets none (it had a redirect to the original once, an address no reader ever had)."""
    _translated(project)
    _rename(project, "alt", "neu")
    project.write("source_de/neu.md", project.read("source_de/neu.md").replace("Zecken im Gras", "Zecken im Moos"))
    assert "the published address /de/alt/ is gone (also in en)" in project.run("build").output
    assert not (project.root / "site/de/alt").exists()
    project.run("extract")
    assert "gone-address" not in project.run("check").output
    result = project.run("build")
    assert "note: source_de/neu.md: slug alt → neu (its file renamed): its published addresses lead" in result.output
    # the English translation is not published: its address shows the notice, where its old one leads too (trial 22)
    assert "its page now: /de/alt/ → /de/neu/, /en/alt/ → /en/neu/;" in result.output
    assert "Not available in English at the moment" in project.read("site/en/neu/index.html")
    assert project.read("site/_redirects") == "/de/alt/  /de/neu/  301\n/en/alt/  /en/neu/  301\n"
    assert not (project.root / "site/fr/alt").exists()


def test_an_article_that_cannot_be_read_keeps_its_redirects_by_query(project):
    """A front-matter mistake kept an article's redirects by path but dropped its WordPress ``/?p=140`` rules from
    _redirects and .htaccess: one article's problem changed the answers of its old addresses."""
    configure(project, "https://praxis.example/")
    project.write("source_de/salbei.md", article("Salbei", "Salbei beruhigt.\n",
                                                 aliases='\n  - "/?p=140"\n  - "/alt/salbei/"'))
    project.run("build")
    redirects, htaccess = project.read("site/_redirects"), project.read("site/.htaccess")
    assert redirects.startswith("/  p=140  /de/salbei/  301!\n")
    project.write("source_de/salbei.md", project.read("source_de/salbei.md").replace("2026-05-26", "26.05.2026"))
    result = project.run("build", code=2)
    assert "note: source_de/salbei.md cannot be read: its redirects from 2 old addresses" in result.output
    assert project.read("site/_redirects") == redirects
    assert project.read("site/.htaccess") == htaccess


def test_the_old_address_of_a_deleted_renamed_article_comes_back_with_it(project):
    """The renamed article is deleted: its own address and the one its rename kept are taken down, and the build
    names both. Restored (git restore), it gets both back: the kept address is not forgotten meanwhile."""
    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("build")
    _rename(project, "alt", "neu")
    project.run("build")
    text = project.read("source_de/neu.md")
    (project.root / "source_de/neu.md").unlink()
    assert ("the published address /de/neu/ is gone, and with it the redirect from its old address /de/alt/"
            in project.run("build").output)
    assert not (project.root / "site/de/alt").exists()
    project.write("source_de/neu.md", text)
    project.run("build")
    assert project.read("site/_redirects") == "/de/alt/  /de/neu/  301\n"
    assert "url=/de/neu/" in project.read("site/de/alt/index.html")


def test_a_crafted_state_file_cannot_add_rules_to_the_redirect_files(project):
    """The kept redirects of an article that cannot be read come from .verlag/site.json, which a project folder
    brings along: an address there with a line break would end the rule in _redirects and .htaccess and start
    one of its own. Such a record is left out; the article's own redirects stay."""
    import json

    configure(project, "https://praxis.example/")
    project.write("source_de/salbei.md", article("Salbei", "Salbei beruhigt.\n", aliases='["/?p=140"]'))
    project.run("build")
    state_file = project.root / ".verlag/site.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    good = state["redirects"]["salbei"][0]
    state["redirects"]["salbei"].append(["/x\n/*  https://evil.example/  301", *good[1:]])
    state["redirects"]["salbei"].append(["/y/", good[1], "/de/salbei/\nRewriteRule .* https://evil.example/",
                                         *good[3:]])
    state_file.write_text(json.dumps(state), encoding="utf-8")
    project.write("source_de/salbei.md", project.read("source_de/salbei.md").replace("2026-05-26", "26.05.2026"))
    project.run("build", code=2)
    assert "evil" not in project.read("site/_redirects") + project.read("site/.htaccess")
    assert project.read("site/_redirects") == "/  p=140  /de/salbei/  301!\n"


def test_a_link_to_a_renamed_article_s_old_file_leads_to_its_new_page_and_check_names_the_link(project):
    """tee.md links ``alt.md`` and ``alt.md#abschnitt``; the author renames alt.md to neu.md (git mv) without
    touching tee.md. verlag knows the rename, yet check and build called both links broken (``article-link``) and
    every page kept the dead ``alt.md``. They lead to neu's page in the reader's language now, build says nothing
    of them, and check names each (file:line) as a link to the old file, with the name to link instead."""
    configure(project, "https://praxis.example/")
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/alt.md", article("Zecken im Gras", "## Abschnitt\n\nZecken warten im hohen Gras.\n"))
    sentence = "Lesen Sie [mehr](alt.md) und [dort](alt.md#abschnitt)."
    project.write("source_de/tee.md", article("Tee", f"Tee hilft.\n\n{sentence}\n"))
    project.run("extract")
    review(project, "en", "alt", {("title", "Zecken im Gras"): "Ticks in the grass", "Abschnitt": "Section",
                                  "Zecken warten im hohen Gras.": "Ticks wait in tall grass."})
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee hilft.": "Tea helps.",
                                  sentence: "Read [more](alt.md) and [there](alt.md#abschnitt)."})
    project.run("build")
    _rename(project, "alt", "neu")
    project.run("extract")
    checked = project.run("check").output
    assert "no published article" not in checked and "[article-link]" not in checked, checked
    for url in ("alt.md", "alt.md#abschnitt"):
        assert (f"warning: source_de/tee.md:7: '{url}': alt.md is the old name of source_de/neu.md (renamed): "
                "the pages link its page, in the reader's language, while its template records the rename "
                "(X-Verlag-Renamed-From), which a new article of the old name ends; link "
                f"{url.replace('alt', 'neu')} instead [renamed-link]") in checked, checked
    built = project.run("build").output
    assert "'alt.md" not in built and "no published article" not in built, built
    for lang in ("de", "en"):
        hrefs = lxml.html.fromstring(project.read(f"site/{lang}/tee/index.html")).xpath("//article//p/a/@href")
        assert hrefs == [f"/{lang}/neu/", f"/{lang}/neu/#abschnitt"], (lang, hrefs)
    # the author links the new file: nothing left to say
    project.write("source_de/tee.md", project.read("source_de/tee.md").replace("alt.md", "neu.md"))
    assert "renamed-link" not in project.run("check").output


def test_a_file_renamed_and_edited_keeps_its_addresses_by_its_unchanged_title(project):
    """Renamed and edited at once where no catalog can move along (``translate: false``: none; or built before
    extract ran): the build knew a renamed file only by its very text and took /de/alt/ down with a warning. The
    title it published it under, unchanged and no other article's, tells it now; a second candidate of that title
    is no rename verlag guesses at."""
    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n", translate="false"))
    project.write("source_de/galle.md", article("Galle", "Die Galle hilft beim Verdauen.\n"))
    project.run("build")
    _rename(project, "alt", "neu")
    project.write("source_de/neu.md", project.read("source_de/neu.md").replace("nachts", "in der Nacht"))
    _rename(project, "galle", "gallenblase")
    project.write("source_de/gallenblase.md", project.read("source_de/gallenblase.md") + "\nSie speichert.\n")
    result = project.run("build")
    assert "is gone" not in result.output, result.output
    assert project.read("site/_redirects") == "/de/alt/  /de/neu/  301\n/de/galle/  /de/gallenblase/  301\n"
    assert "gone-address" not in project.run("check").output
    # two new articles under the title an article that went had: neither is taken for it
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    project.run("build")
    (project.root / "source_de/milz.md").unlink()
    project.write("source_de/milz-1.md", article("Milz", "Die Milz filtert.\n"))
    project.write("source_de/milz-2.md", article("Milz", "Die Milz wächst.\n"))
    result = project.run("build")
    assert "the published address /de/milz/ is gone" in result.output, result.output
    assert "/de/milz/" not in project.read("site/_redirects")


def test_a_link_rewritten_to_a_renamed_article_s_new_file_keeps_the_sentence_reviewed_in_every_language(project):
    """Trial 5, finding 4: after alt.md was renamed to neu.md, the author followed renamed-link's advice and wrote
    ``neu.md`` for ``alt.md`` in tee.md; that sentence went back to review in every language, though the page showed
    the same link before. The reviewed translation stays reviewed, its link rewritten the same way (fragment kept);
    a link to another article, or a change of the text too, still sends it back to review."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/alt.md", article("Zecken im Gras", "## Abschnitt\n\nZecken warten im hohen Gras.\n"))
    project.write("source_de/salbei.md", article("Salbei", "Salbei hilft.\n"))
    sentence, other = "Lesen Sie [mehr](alt.md) und [dort](alt.md#abschnitt).", "Siehe [auch](alt.md)."
    third = "Und [hier](alt.md) ist es."
    project.write("source_de/tee.md", article("Tee", f"Tee hilft.\n\n{sentence} {other} {third}\n"))
    project.run("extract")
    for lang, words in (("en", ("Read [more](alt.md) and [there](alt.md#abschnitt).", "See [also](alt.md).",
                                "And [here](alt.md) it is.")),
                        ("fr", ("Lisez [plus](alt.md) et [là](alt.md#abschnitt).", "Voir [aussi](alt.md).",
                                "Et [ici](alt.md) c'est."))):
        review(project, lang, "tee", {("title", "Tee"): "Tea", "Tee hilft.": "Tea helps.", sentence: words[0],
                                      other: words[1], third: words[2]})
    _rename(project, "alt", "neu")
    project.run("extract")
    project.write("source_de/tee.md", article("Tee", "Tee hilft.\n\nLesen Sie [mehr](neu.md) und "
                                              "[dort](neu.md#abschnitt). Siehe [auch](salbei.md). Und [hier](neu.md) "
                                              "steht es.\n"))
    result = project.run("extract")
    assert "en: 1 sentence whose German changed only in a link or image path to a renamed article or file (its new " \
           "name, the same article or bytes) kept reviewed, the translation's link rewritten the same way" \
           in result.output, result.output
    for lang, kept in (("en", "Read [more](neu.md) and [there](neu.md#abschnitt)."),
                       ("fr", "Lisez [plus](neu.md) et [là](neu.md#abschnitt).")):
        path = project.root / f"translations/{lang}/tee.po"
        msgfmt_check(path)
        entries = {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}
        relinked = entries["Lesen Sie [mehr](neu.md) und [dort](neu.md#abschnitt)."]
        assert relinked.msgstr == kept and not relinked.fuzzy and relinked.previous_msgid is None, lang
        for changed in ("Siehe [auch](salbei.md).", "Und [hier](neu.md) steht es."):  # another article; other words
            assert entries[changed].fuzzy, (lang, changed)
    checked = project.run("check").output  # nothing to say of the sentence kept reviewed
    for lang in ("en", "fr"):
        lines = project.read(f"translations/{lang}/tee.po").split("\n")
        at = lines.index('msgid "Lesen Sie [mehr](neu.md) und [dort](neu.md#abschnitt)."') + 1
        assert f"translations/{lang}/tee.po:{at}:" not in checked and f"tee.po:{at - 1}:" not in checked, checked
        assert "tee.po:" in checked  # the changed sentences' warnings, at their own lines

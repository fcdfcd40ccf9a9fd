"""Links that keep working in every language: fragments to headings, within an article and between articles."""

from __future__ import annotations

import json
import shutil

import polib
import pytest
from lxml import html

from pipeline.render import render

from conftest import REPO, Project, article, give_base_url, msgfmt_check, review


def test_a_translation_s_headings_get_the_ids_of_the_german_headings_at_the_same_places():
    german = render("## Abschnitt\n\nSiehe [oben](#abschnitt).\n\n### Zweiter Teil\n")
    assert german.ids == ("abschnitt", "zweiter-teil")
    english = render("## Section\n\nSee [above](#abschnitt).\n\n### Second part\n", heading_ids=german.ids)
    doc = html.fromstring(f"<div>{english.html}</div>")
    assert doc.xpath("//h2/@id") == ["abschnitt"] and doc.xpath("//h3/@id") == ["zweiter-teil"]
    assert doc.xpath("//a/@href") == ["#abschnitt"]
    # where the headings do not correspond one to one, each keeps its own id
    assert render("## Section\n", heading_ids=german.ids).ids == ("section",)


def test_fragments_find_their_heading_in_every_edition_and_between_articles(project: Project):
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/brennnessel.md", article("Brennnessel", "## Zubereitung\n\nKurz blanchieren.\n"))
    project.write("source_de/tee.md", article("Tee", "## Abschnitt\n\nSiehe [oben](#abschnitt). Mehr in "
                                                     "[Brennnessel](brennnessel.md#zubereitung).\n"))
    project.run("extract")
    review(project, "en", "brennnessel", {("title", "Brennnessel"): "Nettle", "Zubereitung": "Preparation",
                                          "Kurz blanchieren.": "Blanch briefly."})
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Abschnitt": "Section",
                                  "Siehe [oben](#abschnitt).": "See [above](#abschnitt).",
                                  "Mehr in [Brennnessel](brennnessel.md#zubereitung).":
                                      "More in [nettle](brennnessel.md#zubereitung)."})
    assert "check: 0 errors" in project.run("check").output
    project.run("build")
    tea = html.fromstring(project.read("site/en/tee/index.html"))
    nettle = html.fromstring(project.read("site/en/brennnessel/index.html"))
    assert tea.xpath("//article//h2/@id") == ["abschnitt"]
    links = tea.xpath("//article//p/a/@href")
    assert links[0] == "#abschnitt" and links[1].endswith("/en/brennnessel/#zubereitung")
    assert nettle.xpath("//article//h2/@id") == ["zubereitung"]
    assert nettle.xpath("//article//h2/text()") == ["Preparation"]
    followed = []
    for lang in ("de", "en"):  # every fragment finds its element, on the page and on the linked page, in both
        for slug in ("tee", "brennnessel"):
            page = html.fromstring(project.read(f"site/{lang}/{slug}/index.html"))
            for href in page.xpath("//div[@class='article-body']//a/@href"):
                path, _, fragment = href.partition("#")
                target = page if not path else html.fromstring(project.read(f"site/{path.strip('/')}/index.html"))
                assert target.xpath(f"//*[@id='{fragment}']"), (lang, slug, href)
                followed.append(href)
    assert followed == ["#abschnitt", "/de/brennnessel/#zubereitung", "#abschnitt", "/en/brennnessel/#zubereitung"]
    # the Markdown edition keeps the author's fragment: the id its heading has in every edition
    assert "See [above](#abschnitt)." in project.read("editions/en/tee.md")


SITE = '[site]\nbase_url = "https://praxis.example/blog/"\n[publish]\nmin_translated = 0\n'


def test_a_link_to_a_renamed_article_s_old_file_finds_it_through_its_aliases(project: Project):
    project.write("verlag.toml", project.read("verlag.toml") + SITE)
    project.write("source_de/schlafen.md", article("Schlafen", "## Abends\n\nGut schlafen hilft.\n",
                                                   aliases="[https://praxis.example/blog/de/schlaf/]"))
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](schlaf.md#abends) und [das](weg.md).\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Lesen Sie [dies](schlaf.md#abends) und [das](weg.md).":
                                  "Read [this](schlaf.md#abends) and [that](weg.md)."})
    checked = project.run("check", "--strict", code=1)  # the CI gate: a link no edition can follow is an error
    assert ("error: source_de/tee.md:5: 'weg.md': no published article 'weg' (a draft, or no such file: renamed "
            "or deleted?") in checked.output
    assert "schlaf.md" not in checked.output  # its aliases say where it went
    project.run("build")
    for lang in ("de", "en"):
        hrefs = html.fromstring(project.read(f"site/{lang}/tee/index.html")).xpath("//article//p/a/@href")
        assert hrefs[0] == "/blog/de/schlafen/#abends" if lang == "de" else hrefs[0].endswith("/schlafen/#abends")


def test_a_translation_may_link_the_same_article_by_another_of_its_names(project: Project):
    """Trial: a hand translation linking an article's old address (its ``aliases:``) or its new name (a rename
    verlag recorded) where the German links its file was a link-target error, and the QA gate held the sentence
    back; a link to another article stays one."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/guter-schlaf-tipps-tricks.md", article("Schlaf", "Gut schlafen hilft.\n",
                                                                    aliases="[/posts/schlaf/]"))
    project.write("source_de/alt.md", article("Alt", "Ein Satz.\n"))
    project.run("extract")
    (project.root / "source_de/alt.md").rename(project.root / "source_de/neu.md")
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](guter-schlaf-tipps-tricks.md). "
                                                     "Siehe [das](alt.md). Auch [hier](alt.md). "
                                                     "Oder [dort](guter-schlaf-tipps-tricks.md).\n"))
    assert "renamed translations/en/alt.po -> translations/en/neu.po" in project.run("extract").output
    review(project, "en", "neu", {("title", "Alt"): "Old", "Ein Satz.": "A sentence."})  # /en/neu/ is published
    review(project, "en", "tee", {("title", "Tee"): "Tea",
                                  "Lesen Sie [dies](guter-schlaf-tipps-tricks.md).": "Read [this](/posts/schlaf/).",
                                  "Siehe [das](alt.md).": "See [that](neu.md).",
                                  "Auch [hier](alt.md).": "Also [here](/en/neu/).",
                                  "Oder [dort](guter-schlaf-tipps-tricks.md).": "Or [there](neu.md)."})
    checked = project.run("check", code=1).output
    assert [line for line in checked.splitlines() if "[link-target]" in line] == [
        "error: translations/en/tee.po:%d: link destination or image source changed: missing link "
        "guter-schlaf-tipps-tricks.md; instead link neu.md [link-target]" % _line(project, "Oder [dort]")]
    project.run("build")
    edition = project.read("editions/en/tee.md")
    assert "Read [this](/posts/schlaf/)." in edition and "See [that](neu.md)." in edition
    assert "Also [here](/en/neu/)." in edition and "Or [there]" not in edition  # held back: the German shows


def _line(project: Project, german: str) -> int:
    """The line of the msgid of tee's English entry that starts with ``german``."""
    lines = project.read("translations/en/tee.po").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f'msgid "{german}'))


def _eisenmangel_with_a_slug(project: Project) -> None:
    """``eisenmangel-bei-frauen.md`` with ``slug: eisenmangel``, reviewed in English, and ``tee.md`` linking its
    file's #ursachen; extracted, tee not reviewed."""
    project.write("source_de/eisenmangel-bei-frauen.md",
                  article("Eisenmangel", "## Ursachen\n\nEisen fehlt oft.\n", slug="eisenmangel"))
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](eisenmangel-bei-frauen.md#ursachen).\n"))
    project.run("extract")
    review(project, "en", "eisenmangel", {("title", "Eisenmangel"): "Iron deficiency", "Ursachen": "Causes",
                                          "Eisen fehlt oft.": "Iron is often lacking."})


def test_a_link_to_the_file_of_an_article_with_a_slug_leads_to_the_slug_s_page(project: Project):
    """``slug:`` in the front matter moves the page, not the file: ``eisenmangel-bei-frauen.md`` is still the
    article's file, so a link to it leads to /<lang>/eisenmangel/ in every edition and check finds nothing
    wrong with it (it called the file missing, and every page kept the dead ``.md`` link)."""
    project.write("verlag.toml", project.read("verlag.toml") + SITE)
    _eisenmangel_with_a_slug(project)
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Lesen Sie [dies](eisenmangel-bei-frauen.md#ursachen).":
                                  "Read [this](eisenmangel-bei-frauen.md#ursachen)."})
    checked = project.run("check", "--strict").output
    assert "eisenmangel-bei-frauen" not in checked
    built = project.run("build").output
    assert "no published article" not in built
    for lang in ("de", "en"):
        hrefs = html.fromstring(project.read(f"site/{lang}/tee/index.html")).xpath("//article//p/a/@href")
        assert hrefs == [f"/blog/{lang}/eisenmangel/#ursachen"]


def test_a_link_to_a_file_leads_to_that_file_s_page_when_another_article_has_the_file_s_name_as_its_slug(
        project: Project):
    """``a.md`` says ``slug: b``, ``b.md`` says ``slug: c``: a link to ``b.md`` is a link to that file, whose page is
    /<lang>/c/, not to a.md's page that happens to be called b (it led there, in every edition)."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    project.write("source_de/a.md", article("Apfel", "Äpfel sind rund.\n", slug="b"))
    project.write("source_de/b.md", article("Birne", "Birnen sind süß.\n", slug="c"))
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](b.md) und [das](a.md).\n"))
    project.run("extract")
    review(project, "en", "b", {("title", "Apfel"): "Apple", "Äpfel sind rund.": "Apples are round."})
    review(project, "en", "c", {("title", "Birne"): "Pear", "Birnen sind süß.": "Pears are sweet."})
    msgfmt_check(review(project, "en", "tee", {("title", "Tee"): "Tea", "Lesen Sie [dies](b.md) und [das](a.md).":
                                               "Read [this](b.md) and [that](/blog/en/b/)."}))
    checked = project.run("check", "--strict").output
    assert "check: 0 errors" in checked and "link-target" not in checked  # /blog/en/b/ is a.md's page: a.md's link
    project.run("build")
    for lang in ("de", "en"):
        hrefs = html.fromstring(project.read(f"site/{lang}/tee/index.html")).xpath("//article//p/a/@href")
        assert hrefs == [f"/blog/{lang}/c/", f"/blog/{lang}/b/"], lang
    # a reviewer who writes b.md's page by address for the link to b.md is right too; a.md's page is not b.md's
    sentence = "Lesen Sie [dies](b.md) und [das](a.md)."
    review(project, "en", "tee", {sentence: "Read [this](/blog/en/c/) and [that](a.md)."})
    assert "check: 0 errors" in project.run("check", "--strict").output
    review(project, "en", "tee", {sentence: "Read [this](/blog/en/b/) and [that](a.md)."})
    assert "[link-target]" in project.run("check", code=1).output


def test_a_translation_s_link_that_falls_back_to_the_german_page_says_hreflang_de(project: Project):
    """en/tee links milz.md, which has no English edition, and zecken.md, which has one: the first leads to the
    German page and says so with hreflang="de" (W3C i18n, "Indicating the language of a link destination"; it said
    nothing, as though the page were English), the second, like every link of the German page, needs none."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    project.write("source_de/milz.md", article("Milz", "Die Milz ist klein.\n"))
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n"))
    project.write("source_de/tee.md", article("Tee", "Siehe [Milz](milz.md) und [Zecken](zecken.md#a).\n"))
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Zecken lauern im Gras.": "Ticks lurk in grass."})
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Siehe [Milz](milz.md) und [Zecken](zecken.md#a).":
                                  "See [spleen](milz.md) and [ticks](zecken.md#a)."})
    project.run("build")
    assert not (project.root / "site/en/milz").exists()
    links = html.fromstring(project.read("site/en/tee/index.html")).xpath("//div[@class='article-body']//a")
    assert [(a.get("href"), a.get("hreflang")) for a in links] == [("/blog/de/milz/", "de"),
                                                                   ("/blog/en/zecken/#a", None)]
    links = html.fromstring(project.read("site/de/tee/index.html")).xpath("//div[@class='article-body']//a")
    assert [(a.get("href"), a.get("hreflang")) for a in links] == [("/blog/de/milz/", None),
                                                                   ("/blog/de/zecken/#a", None)]


def test_a_reviewer_may_link_the_page_of_an_article_with_a_slug_by_its_address(project: Project):
    """A link to ``eisenmangel-bei-frauen.md`` (its ``slug:`` is ``eisenmangel``) written as the English page's
    address, ``/blog/en/eisenmangel/``, is the same page: check found "missing link eisenmangel-bei-frauen.md;
    instead link /blog/en/eisenmangel/" and the build's QA gate held the sentence back in German."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    _eisenmangel_with_a_slug(project)
    project.run("build")  # /blog/en/eisenmangel/ is published
    msgfmt_check(review(project, "en", "tee", {
        ("title", "Tee"): "Tea",
        "Lesen Sie [dies](eisenmangel-bei-frauen.md#ursachen).": "Read [this](/blog/en/eisenmangel/#ursachen)."}))
    checked = project.run("check", "--strict").output
    assert "link-target" not in checked and "check: 0 errors" in checked
    status = json.loads(project.run("status", "--format", "json").output)
    assert [row["errors"] for row in status["articles"] if row["slug"] == "tee"] == [0]
    project.run("build")
    page = html.fromstring(project.read("site/en/tee/index.html"))
    assert page.xpath("//article//p/a/@href") == ["/blog/en/eisenmangel/#ursachen"]
    assert page.xpath("string(//article//p[a])") == "Read this."


def test_an_aliases_edit_of_the_linked_article_alone_redoes_the_linking_edition_and_its_qa_counts(project: Project):
    """``schlaf.md`` leads to ``schlafen`` once an alias names its old address: the reviewer's
    ``/blog/en/schlafen/`` for it is then no changed link target. Only the linked article changes, so the linking
    edition's and the status cache's keys must hold what ``renamed`` says of the names it links (they did not: the
    build kept the sentence held back in German, and status its error, until something else changed)."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    schlafen = article("Schlafen", "Gut schlafen hilft.\n")
    project.write("source_de/schlafen.md", schlafen)
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](schlaf.md).\n"))
    project.run("extract")
    review(project, "en", "schlafen", {("title", "Schlafen"): "Sleep", "Gut schlafen hilft.": "Sleeping well helps."})
    msgfmt_check(review(project, "en", "tee", {("title", "Tee"): "Tea",
                                               "Lesen Sie [dies](schlaf.md).": "Read [this](/blog/en/schlafen/)."}))

    def shown() -> tuple[str | None, int]:
        page = html.fromstring(project.read("site/en/tee/index.html"))
        (paragraph,) = page.xpath('//div[@class="article-body"]/p')
        (row,) = [r for r in json.loads(project.run("status", "--format", "json").output)["articles"]
                  if r["slug"] == "tee"]
        return paragraph.get("lang"), row["errors"]

    project.run("build")
    assert shown() == ("de", 1)  # no article is called schlaf: the link target changed, held back
    project.write("source_de/schlafen.md", schlafen.replace("---\nGut", "aliases: [/blog/de/schlaf/]\n---\nGut"))
    project.run("build")
    assert shown() == (None, 0)
    page = html.fromstring(project.read("site/en/tee/index.html"))
    assert page.xpath('//div[@class="article-body"]/p/a/@href') == ["/blog/en/schlafen/"]


def _tee_shown(project: Project) -> tuple[str | None, int, list[str]]:
    """The English tee page's one paragraph as the site shows it (its lang: "de" when held back, and its link) and
    tee's English errors in ``status``."""
    page = html.fromstring(project.read("site/en/tee/index.html"))
    (paragraph,) = page.xpath('//div[@class="article-body"]/p')
    (row,) = [r for r in json.loads(project.run("status", "--format", "json").output)["articles"]
              if r["slug"] == "tee"]
    return paragraph.get("lang"), row["errors"], paragraph.xpath("a/@href")


def test_an_old_address_taken_out_of_the_linked_article_s_aliases_holds_the_link_back_at_the_next_build(
        project: Project):
    """The reviewer links schlafen.md by the old address its ``aliases:`` keep, which check accepts. Once the author
    takes the alias out, that address leads nowhere (no redirect is made for it) and check calls the link changed;
    only the linked article changed, so the linking edition's and status's keys must hold what ``renamed`` says of
    the root-relative addresses the catalog links (they held only its ``<name>.md`` links: the build kept the English
    sentence with its dead link on the page, and status its 0 errors, until the catalog changed)."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    schlafen = article("Schlafen", "Gut schlafen hilft.\n", aliases="[/blog/posts/schlaf/]")
    project.write("source_de/schlafen.md", schlafen)
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](schlafen.md).\n"))
    project.run("extract")
    msgfmt_check(review(project, "en", "tee", {("title", "Tee"): "Tea",
                                               "Lesen Sie [dies](schlafen.md).": "Read [this](/blog/posts/schlaf/)."}))
    project.run("build")
    assert _tee_shown(project) == (None, 0, ["/blog/de/schlafen/"])  # the English of the sentence; no English page
    project.write("source_de/schlafen.md", schlafen.replace("aliases: [/blog/posts/schlaf/]\n", ""))
    assert "[link-target]" in project.run("check", code=1).output
    assert "en/tee: 1 segment held back by QA errors" in project.run("build").output
    assert _tee_shown(project) == ("de", 1, ["/blog/de/schlafen/"])
    project.run("review")
    assert "link-target" in project.read("review/en/tee.html")


def test_an_old_address_the_po_writer_wrapped_is_seen_and_taking_it_out_of_aliases_holds_the_link_back(
        project: Project):
    """As above with an old address long enough that the PO writer wraps the msgstr after one of its "/": the
    catalog's findings (``SitePages.findings``) scanned the lines as written and saw only ``/2023/11/``, so the
    edition's key missed the alias; taking it out left the English sentence and its dead link on the page, and
    status its 0 errors."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    old = "/blog/2023/11/ein-sehr-langer-alter-pfad-zum-gesunden-schlaf-in-den-langen-naechten-des-winters/"
    schlafen = article("Schlafen", "Gut schlafen hilft.\n", aliases=f"[{old}]")
    project.write("source_de/schlafen.md", schlafen)
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](schlafen.md).\n"))
    project.run("extract")
    english = f"Read about sleeping well in the evening in [this article of ours]({old})."
    po = review(project, "en", "tee", {("title", "Tee"): "Tea", "Lesen Sie [dies](schlafen.md).": english})
    msgfmt_check(po)
    assert f"({old}" not in po.read_text(encoding="utf-8")  # wrapped inside the address
    project.run("build")
    assert _tee_shown(project) == (None, 0, ["/blog/de/schlafen/"])
    project.write("source_de/schlafen.md", schlafen.replace(f"aliases: [{old}]\n", ""))
    assert "[link-target]" in project.run("check", code=1).output
    assert "en/tee: 1 segment held back by QA errors" in project.run("build").output
    assert _tee_shown(project) == ("de", 1, ["/blog/de/schlafen/"])


def test_a_catalog_s_findings_see_addresses_and_file_names_the_po_writer_wrapped(project: Project):
    """Every kind of link ``SitePages.findings`` looks for, in a msgstr the PO writer wraps inside it (after a "/"
    or a "-"), is found whole, as the catalog's parser reads the string."""
    from pipeline.config import load_config
    from pipeline.pofile import field
    from pipeline.published import SitePages

    project.write("verlag.toml", project.read("verlag.toml") + SITE)
    text = ("Siehe [den Beitrag über das Teetrinken](/2023/11/ein-sehr-langer-alter-pfad-zum-teetrinken-am-abend/), "
            "[die Seite zum Schlafen am Abend](https://praxis.example/blog/en/ein-sehr-langer-name-fuer-den-schlaf/) "
            "und [die Datei über die Brennnesseln im Garten]"
            "(ein-sehr-langer-dateiname-ueber-brennnesseln-im-garten.md).")
    lines = field("", "msgstr", text)
    assert lines[1].endswith('alter-pfad-"') and lines[2].endswith('praxis."') and lines[4].endswith('-im-"')
    catalog = ("\n".join(['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', "",
                          'msgid "x"', *lines]) + "\n").encode()
    (project.root / "x.po").write_bytes(catalog)
    msgfmt_check(project.root / "x.po")
    assert SitePages(load_config(project.root)).findings(catalog) == (
        [["en", "ein-sehr-langer-name-fuer-den-schlaf"]], ["ein-sehr-langer-dateiname-ueber-brennnesseln-im-garten"],
        ["/2023/11/ein-sehr-langer-alter-pfad-zum-teetrinken-am-abend"])


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_a_catalog_s_findings_see_an_address_the_po_writer_wrapped_in_a_catalog_of_windows_or_mac_line_ends(
        project: Project, end: str):
    """As above in a catalog saved with CRLF line ends (Poedit on Windows; extract keeps them) or CR ones: the
    continuation lines were joined only at LF, so the findings saw ``/2023/11/ein-sehr-langer-alter-pfad-`` and the
    edition's key missed the alias the link names."""
    from pipeline.config import load_config
    from pipeline.pofile import field
    from pipeline.published import SitePages

    project.write("verlag.toml", project.read("verlag.toml") + SITE)
    text = ("Siehe [den Beitrag über das Teetrinken](/2023/11/ein-sehr-langer-alter-pfad-zum-teetrinken-am-abend/), "
            "und [die Datei über die Brennnesseln im Garten](ein-sehr-langer-dateiname-ueber-brennnesseln-im-garten.md).")
    catalog = (end.join(['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', "",
                         'msgid "x"', *field("", "msgstr", text)]) + end).encode()
    (project.root / "x.po").write_bytes(catalog)
    msgfmt_check(project.root / "x.po")
    assert SitePages(load_config(project.root)).findings(catalog) == (
        [], ["ein-sehr-langer-dateiname-ueber-brennnesseln-im-garten"],
        ["/2023/11/ein-sehr-langer-alter-pfad-zum-teetrinken-am-abend"])


def test_a_build_scans_each_catalog_for_its_links_once_and_the_next_build_finds_every_edition_current(
        project: Project, monkeypatch):
    """The editions stage looks for the links of each catalog (``SitePages.findings``) to fingerprint its edition
    before making it, and scanned the same bytes again for the fingerprint it records after: every catalog twice
    (0.4 s of the parent's CPU in a cold build of 500 articles). The second look takes the first one's findings;
    the fingerprints are the same, so the next build makes nothing, and a catalog saved since is scanned anew."""
    from pipeline.published import SitePages

    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    project.write("source_de/schlafen.md", article("Schlafen", "Gut schlafen hilft.\n"))
    project.write("source_de/tee.md", article("Tee", "Lesen Sie [dies](schlafen.md).\n"))
    project.run("extract")
    review(project, "en", "schlafen", {("title", "Schlafen"): "Sleeping", "Gut schlafen hilft.": "Sleep helps."})
    msgfmt_check(review(project, "en", "tee", {("title", "Tee"): "Tea", "Lesen Sie [dies](schlafen.md).":
                                               "Read [this](https://praxis.example/blog/en/schlafen/)."}))
    scanned, real = [], SitePages.findings

    def findings(self, catalog):
        scanned.append(catalog)
        return real(self, catalog)

    monkeypatch.setattr(SitePages, "findings", findings)
    assert "2 editions made" in project.run("build", "-j", "1").output
    catalogs = [(project.root / f"translations/en/{slug}.po").read_bytes() for slug in ("schlafen", "tee")]
    assert sorted(scanned) == sorted(catalogs)
    assert _tee_shown(project)[1] == 0  # the link's page is published: nothing held back
    scanned.clear()
    assert "0 editions made" in project.run("build", "-j", "1").output
    assert scanned == []
    po = review(project, "en", "tee", {"Lesen Sie [dies](schlafen.md).": "See [this](/blog/en/schlafen/)."})
    assert "1 edition made" in project.run("build", "-j", "1").output
    assert scanned == [po.read_bytes()]
    assert "0 editions made" in project.run("build", "-j", "1").output


def test_a_rename_verlag_forgets_holds_back_a_link_to_the_article_s_new_name_at_the_next_build(project: Project):
    """alt.md was renamed to neu.md (extract records it), so the reviewer's neu.md for the German's alt.md is the same
    article. A new article alt.md makes extract forget the rename: alt.md is that article now, and the link changed.
    Neither tee's catalog nor its article changed, so the keys must hold the renames recorded of the slugs the
    catalog links (they did not: the English page kept linking neu.md's page for the new alt.md, status said 0
    errors)."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    project.write("source_de/alt.md", article("Alt", "Ein Satz.\n"))
    project.run("extract")
    (project.root / "source_de/alt.md").rename(project.root / "source_de/neu.md")
    project.write("source_de/tee.md", article("Tee", "Siehe [das](alt.md).\n"))
    assert "renamed translations/en/alt.po -> translations/en/neu.po" in project.run("extract").output
    review(project, "en", "neu", {("title", "Alt"): "Old", "Ein Satz.": "A sentence."})
    msgfmt_check(review(project, "en", "tee", {("title", "Tee"): "Tea", "Siehe [das](alt.md).": "See [that](neu.md)."}))
    project.run("build")
    assert _tee_shown(project) == (None, 0, ["/blog/en/neu/"])
    project.write("source_de/alt.md", article("Alt, neu geschrieben", "Ein ganz anderer Text.\n"))
    project.run("extract")
    assert json.loads(project.read(".verlag/renames.json")) == {}
    assert "[link-target]" in project.run("check", code=1).output
    assert "en/tee: 1 segment held back by QA errors" in project.run("build").output
    assert _tee_shown(project) == ("de", 1, ["/blog/de/alt/"])


def test_an_article_that_cannot_be_read_now_is_linked_and_listed_as_the_last_build_left_it(project: Project):
    """A front-matter typo in zecken.md keeps its German page (the build's), so links to it work and the English
    home page still lists it as not yet available: build and check warned "no published article 'zecken'", and
    the build dropped it from that list, until it read again."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]'))
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n"))
    project.write("source_de/leber.md", article("Leber", "Lesen Sie [über Zecken](zecken.md).\n"))
    project.run("extract")
    msgfmt_check(review(project, "en", "leber", {("title", "Leber"): "Liver", "Lesen Sie [über Zecken](zecken.md).":
                                                 "Read [about ticks](zecken.md)."}))
    project.run("build")

    def not_yet_available() -> list[str]:
        home = html.fromstring(project.read("site/en/index.html"))
        return home.xpath('//section[@class="unavailable"]//a/@href')

    assert not_yet_available() == ["/de/zecken/"]
    project.write("source_de/zecken.md", project.read("source_de/zecken.md").replace("2026-05-26", "20.11.2026"))
    built = project.run("build", code=2)
    assert "source_de/zecken.md" in built.stderr and "no published article" not in built.output
    assert (project.root / "site/de/zecken/index.html").is_file()
    assert not_yet_available() == ["/de/zecken/"]
    page = html.fromstring(project.read("site/en/leber/index.html"))
    assert page.xpath("//article//p/a/@href") == ["/de/zecken/"]
    checked = project.run("check", code=2)
    assert "source_de/zecken.md:3: date:" in checked.stderr and "no published article" not in checked.output


def test_a_reviewer_may_point_a_link_at_the_article_s_page_in_the_target_language(project: Project):
    project.write("verlag.toml", project.read("verlag.toml") + SITE)
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n"))
    links = {"Siehe [Zecken](zecken.md).": "See [ticks](/blog/en/zecken/).",
             "Oder [hier](zecken.md#gras).": "Or [here](https://praxis.example/blog/en/zecken/#gras).",
             "Auch [dort](/blog/de/zecken/).": "Also [there](zecken.md).",
             "Nicht [so](zecken.md).": "Not [like this](/blog/en/milz/).",
             "Und nicht [so](zecken.md#gras).": "And not [like this](/blog/en/zecken/#wald)."}
    project.write("source_de/milz.md", article("Milz", " ".join(links) + "\n"))
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Zecken lauern im Gras.": "Ticks lurk in grass."})
    project.run("build")  # /blog/en/zecken/ is published
    review(project, "en", "milz", links)
    found = project.run("check", "--lang", "en", code=1).output
    assert "foreign-target" not in found  # the site's own address is no foreign place
    flagged = [line for line in found.splitlines() if "[link-target]" in line]
    assert len(flagged) == 2 and "/blog/en/milz/" in flagged[0] and "#wald" in flagged[1]


def test_a_link_to_the_site_s_page_of_a_translation_not_published_is_an_error_and_held_back(project: Project):
    """The site rewrites only ``.md`` and relative links: ``<base_url>en/zecken/`` stays as written, so it passes
    only where the site publishes that page; ``check``, the build's QA gate and the review report agree."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]') + SITE)
    project.write("source_de/zecken.md", article("Zecken", "## Vorsorge\n\nZecken lauern im Gras.\n"))
    project.write("source_de/leber.md", article("Leber", "Lesen Sie auch [über Zecken](zecken.md#vorsorge).\n"))
    project.run("extract")
    linked = {("title", "Leber"): "Liver", "Lesen Sie auch [über Zecken](zecken.md#vorsorge).":
              "Also read [about ticks](https://praxis.example/blog/en/zecken/#vorsorge)."}
    review(project, "en", "leber", linked)
    found = project.run("check", code=1).output
    assert "translations/en/leber.po" in found and "[link-target]" in found and "check: 1 error" in found
    built = project.run("build").output
    assert "en/leber: 1 segment held back by QA errors" in built
    assert not (project.root / "site/en/zecken/index.html").exists()
    page = html.fromstring(project.read("site/en/leber/index.html"))
    links = page.xpath("//article//a/@href")
    assert "/blog/de/zecken/#vorsorge" in links and not any("en/zecken" in link for link in links)  # the German
    project.run("review")
    assert "link-target" in project.read("review/en/leber.html")
    # the build that publishes the English page shows the link as reviewed: its edition is made once more
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Vorsorge": "Prevention",
                                     "Zecken lauern im Gras.": "Ticks lurk in grass."})
    built = project.run("build").output
    assert "held back" not in built and "wrote editions/en/leber.md" in built
    assert "check: 0 errors" in project.run("check").output
    assert "build: 0 editions made" in project.run("build").output  # settled: nothing left to redo
    page = html.fromstring(project.read("site/en/leber/index.html"))
    assert "https://praxis.example/blog/en/zecken/#vorsorge" in page.xpath("//article//a/@href")
    project.run("review")
    assert "link-target" not in project.read("review/en/leber.html")
    # and the build that withdraws it holds the link back at once
    po = polib.pofile(str(project.root / "translations/en/zecken.po"))
    for entry in po:
        entry.flags.append("fuzzy")  # drafts again: shown in German, the English page is not published
    po.save()
    built = project.run("build").output
    assert "en/leber: 1 segment held back" in built
    # no sentence signed off before a change of the German waits in its catalog: no page, as in a fresh clone
    assert "translations/en/zecken.po: no longer published in en (nothing translated shown): readers and links get " \
           "a 404 at /blog/en/zecken/ until it is published again" in built
    assert not (project.root / "site/en/zecken/index.html").exists()
    links = html.fromstring(project.read("site/en/leber/index.html")).xpath("//article//a/@href")
    assert not any("en/zecken" in link for link in links)
    # the site moves: the address names no page of it any more, and the report's findings follow
    project.write("verlag.toml", project.read("verlag.toml").replace("https://praxis.example/blog/",
                                                                     "https://andere.example/"))
    assert "check: 2 errors" in project.run("check", code=1).output  # link-target, foreign-target
    assert "(0 unchanged)" in project.run("review").output
    report = project.read("review/en/leber.html")
    assert "link-target" in report and "foreign-target" in report


def test_only_addresses_of_the_site_itself_name_its_pages_and_each_is_decided_from_its_own_records(project: Project):
    """With the site at the host's root (base path "/"), another site's address or a file path in a code span
    names no page of it: no edition record is read for them (SitePages costs every build and ``status``)."""
    from pipeline.config import load_config
    from pipeline.published import SitePages

    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + '[site]\nbase_url = "https://praxis.example/"\n[publish]\nmin_translated = 0\n')
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n"))
    project.write("source_de/milz.md", article("Milz", "Die Milz.\n", draft="true"))
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Zecken lauern im Gras.": "Ticks lurk in grass."})
    project.run("build")
    pages = SitePages(load_config(project.root))
    other = b'msgstr "See https://www.who.int/de/news/ and `/etc/default`, or <https://else.example/en/zecken/>."'
    assert pages.key(other) == "" and not pages._answers  # nothing asked of the records
    named = (b'msgstr "See [ticks](/en/zecken/), <https://praxis.example/de/zecken/>, [x](/en/milz/) and '
             b'<a href=\\"/en/fehlt/\\">"')
    assert pages.key(named) == "de/zecken,en/zecken"
    assert set(pages._answers) == {("en", "zecken"), ("de", "zecken"), ("en", "milz"), ("en", "fehlt")}
    assert ("de", "milz") not in pages and ("fr", "zecken") not in pages  # a draft; a language not published
    (project.root / "editions/en/zecken.json").write_text("{", encoding="utf-8")  # damaged: not published
    assert ("en", "zecken") not in SitePages(load_config(project.root))


def test_a_mistake_in_publish_is_said_once_and_the_other_checks_still_run(project: Project):
    project.write("verlag.toml", project.read("verlag.toml") + SITE.replace("= 0", '= "viel"'))
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n"))
    for slug in ("leber", "milz"):
        project.write(f"source_de/{slug}.md", article(slug.title(), "Lesen Sie [dies](zecken.md). Kurz gesagt.\n"))
    project.run("extract")
    for slug in ("leber", "milz"):
        review(project, "en", slug, {"Lesen Sie [dies](zecken.md).": "Read [this](/blog/en/zecken/).",
                                     "Kurz gesagt.": "In short **really."})
    found = project.run("check", "--lang", "en", code=2).output
    assert found.count("verlag.toml:") == 1 and "min_translated" in found
    assert "translations/en/leber.po" in found and "translations/en/milz.po" in found  # their findings: not skipped


def _chain(project: Project) -> None:
    """d links b's English page by its address, b links c's; each English page is published (min_translated
    60) only while its link is shown; all reviewed, nothing built."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + SITE.replace("= 0", "= 60"))
    project.write("source_de/c.md", article("Ce", "Zecken lauern im Gras.\n"))
    project.write("source_de/b.md", article("Be", "Lies [dies](c.md).\n"))
    project.write("source_de/d.md", article("De", "Lies [das](b.md).\n"))
    project.run("extract")
    review(project, "en", "c", {("title", "Ce"): "Cee", "Zecken lauern im Gras.": "Ticks lurk in grass."})
    review(project, "en", "b", {("title", "Be"): "Bee", "Lies [dies](c.md).": "Read [this](/blog/en/c/)."})
    review(project, "en", "d", {("title", "De"): "Dee", "Lies [das](b.md).": "Read [that](/blog/en/b/)."})


def test_deleting_an_article_holds_back_links_to_its_pages_in_the_same_build(project: Project):
    """d links b's English page, b links c's: deleting c withdraws en/c, so b's link is held back, b falls below
    min_translated and is withdrawn, so d's link is held back: all in one build; the next build changes nothing."""
    _chain(project)
    project.run("build")
    project.run("build")
    assert (project.root / "site/en/d/index.html").exists() and (project.root / "site/en/b/index.html").exists()
    (project.root / "source_de/c.md").unlink()
    built = project.run("build").output
    assert "en/b: 1 segment held back" in built and "en/d: 1 segment held back" in built
    # held back by its QA errors alone (all reviewed): its address shows the notice, as in a fresh clone, not a 404
    for slug in ("b", "d"):
        assert (f"translations/en/{slug}.po: no longer published in en (33.3 % translated, 60 needed: segments held "
                f"back by check errors count as not translated): its address /blog/en/{slug}/ now shows a page "
                "saying so") in built
        assert html.fromstring(project.read(f"site/en/{slug}/index.html")).xpath("//h1/text()") == [
            "Not available in English at the moment"]
    before = project.snapshot()
    assert "build: 0 editions made" in project.run("build").output
    assert project.snapshot() == before


def test_a_root_path_that_is_an_old_address_leads_to_the_article_and_a_dead_one_is_warned(project: Project):
    project.write("verlag.toml", project.read("verlag.toml")
                  + '[site]\nbase_url = "https://praxis.example/"\n[publish]\nmin_translated = 0\n')
    project.write("source_de/linden-tee.md", article(
        "Lindenblütentee", "Er schmeckt mild.\n",
        aliases="[/kraeuter/2022/09/15/linden-tee.html, https://praxis.example/2023/11/linden/]"))
    body = ("Erst [eins](/kraeuter/2022/09/15/linden-tee.html#ziehen), dann [zwei](/2023/11/linden).\n\n"
            "Nicht [drei](/2022/09/15/linden-tee.html), aber [vier](/) und [fünf](/static/style.css).\n")
    project.write("source_de/fasten.md", article("Fasten", body))
    project.run("extract")
    for slug, title in (("linden-tee", "Lindenblütentee"), ("fasten", "Fasten")):
        review(project, "en", slug, {("title", title): f"{title} (en)"})
    checked = project.run("check").output
    assert ("warning: source_de/fasten.md:7: '/2022/09/15/linden-tee.html': the site has no page or file at "
            "this address") in checked
    assert checked.count("the site has no page") == 1
    assert "error: source_de/fasten.md:7: '/2022/09/15/linden-tee.html'" in project.run("check", "--strict",
                                                                                         code=1).output
    built = project.run("build").output
    assert "source_de/fasten.md:7: '/2022/09/15/linden-tee.html': the site has no page" in built
    for lang in ("de", "en"):
        hrefs = html.fromstring(project.read(f"site/{lang}/fasten/index.html")).xpath(
            "//div[@class='article-body']//a/@href")
        assert hrefs == [f"/{lang}/linden-tee/#ziehen", f"/{lang}/linden-tee/", "/2022/09/15/linden-tee.html", "/",
                         "/static/style.css"]


def test_a_full_url_on_the_site_s_own_host_is_judged_as_its_path_and_a_dead_one_is_warned_with_what_to_do(
        project: Project):
    """The old WordPress blog lived on the new site's domain (trial 34: the usual move); its import left
    ``https://praxis.example/wp-content/uploads/…jpg`` images and a link to ``https://praxis.example/kontakt/`` in
    an article. ``old-site`` skips base_url's host and ``article-link`` judged only plain paths, so check and build
    said nothing, and each was a 404 once the new site replaced the old one. Now a full URL on the site's host, by
    http or https, with ``www.`` or without, is judged as its path: one the site answers (an article's page, an
    alias, a line of redirects.txt, a file of media/) is fine; any other is warned of at its line, naming what to
    do: ``import --uploads DIR`` for WordPress's uploads, a line of redirects.txt for a page. Other hosts are
    ``old-site``'s or nobody's."""
    give_base_url(project.root)
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("redirects.txt", "/termin/ /de/linden-tee/ 301\n")
    (project.root / "source_de/bilder").mkdir(parents=True)
    (project.root / "source_de/bilder/tee.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.write("source_de/linden-tee.md", article("Lindenblütentee", "Er schmeckt mild. ![Tee](bilder/tee.png)\n",
                                                     aliases="[/2023/11/linden/]"))
    body = ("![Tasse](https://praxis.example/wp-content/uploads/2023/11/tasse.jpg)\n\n"
            "[Kontakt](https://praxis.example/kontakt/)\n\n"
            "[a](http://www.praxis.example/2023/11/linden/) [b](https://PRAXIS.example/termin/) "
            "[c](https://praxis.example/de/linden-tee/#x) ![d](https://praxis.example/media/bilder/tee.png) "
            "[e](https://anderswo.example/fehlt/) [f](https://praxis.example:8443/fehlt/)\n")
    project.write("source_de/fasten.md", article("Fasten", body))
    project.run("extract")
    image = ("source_de/fasten.md:5: 'https://praxis.example/wp-content/uploads/2023/11/tasse.jpg': an address on "
             "this site's own host (praxis.example), where the new site will have no page or file at "
             "/wp-content/uploads/2023/11/tasse.jpg once it replaces the old one (no article, alias, redirects.txt "
             "line or published file there): import the WordPress export again with --uploads DIR, a copy of the old "
             "blog's wp-content/uploads folder, which copies the file into source_de/bilder/ and rewrites this "
             "address; or save it into source_de/ and reference it from there; the link is kept and readers would "
             "get 'not found'")
    page = ("source_de/fasten.md:7: 'https://praxis.example/kontakt/': an address on this site's own host "
            "(praxis.example), where the new site will have no page or file at /kontakt/ once it replaces the old "
            "one (no article, alias, redirects.txt line or published file there): link an article by its file, "
            "other.md, or send the address on with a line of redirects.txt ('/kontakt/ /de/other/ 301'); the link "
            "is kept and readers would get 'not found'")
    checked = project.run("check").output
    assert f"warning: {image} [article-link]" in checked and f"warning: {page} [article-link]" in checked, checked
    assert checked.count("own host") == 2, checked
    built = project.run("build").output
    assert image in built and page in built and built.count("own host") == 2, built
    hrefs = html.fromstring(project.read("site/de/fasten/index.html")).xpath("//div[@class='article-body']//a/@href")
    assert "https://praxis.example/kontakt/" in hrefs  # kept as written: the warning is the whole change


def test_a_link_to_the_site_s_page_with_or_without_www_may_name_the_page_in_the_translation_s_language(
        project: Project):
    """Trial 42 #2: base_url ``https://www.hebamme.example/``, the German linking
    ``https://hebamme.example/de/stillen/``: the English ``https://www.hebamme.example/en/stillen/`` (base_url's own
    form) was a ``link-target`` error and held back, while ``article-link`` and README call both host forms the
    site's own. Either form names the site's page, as a root path does (http for https stays foreign-target's)."""
    give_base_url(project.root, "https://www.hebamme.example/")
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/stillen.md", article("Stillen", "Stillen braucht Zeit.\n"))
    sentence = "Mehr dazu [hier](https://hebamme.example/de/stillen/)."
    project.write("source_de/beikost.md", article("Beikost", f"Ab dem 5. Monat.\n\n{sentence}\n"))
    project.run("extract")
    review(project, "en", "stillen", {("title", "Stillen"): "Breastfeeding",
                                      "Stillen braucht Zeit.": "Breastfeeding takes time."})
    project.run("build")
    for link in ("https://www.hebamme.example/en/stillen/", "https://hebamme.example/en/stillen/", "/en/stillen/"):
        review(project, "en", "beikost", {sentence: f"More [here]({link})."})
        checked = project.run("check").output
        assert "link-target" not in checked, (link, checked)
    review(project, "fr", "beikost", {sentence: "Plus [ici](https://www.hebamme.example/fr/stillen/)."})
    assert "[link-target]" in project.run("check", code=1).output  # no French page: still an error


def test_a_full_url_of_the_site_s_host_outside_its_path_is_a_page_of_the_host_not_of_the_site():
    """Under ``base_url = "https://example.org/praxis/"`` a full URL outside ``/praxis/`` is how README says to link
    a page of the host the site does not hold: not judged; one below it is the site's own (``www.`` or not)."""
    from pipeline.media import own_site_path

    assert own_site_path("https://example.org/kontakt/", "example.org", "/praxis/") is None
    assert own_site_path("https://www.example.org/praxis/x/?a=1#b", "example.org", "/praxis/") == "/praxis/x/?a=1#b"
    assert own_site_path("http://EXAMPLE.org/praxis", "example.org", "/praxis/") == "/praxis"
    assert own_site_path("https://example.org.evil.net/praxis/", "example.org", "/praxis/") is None
    assert own_site_path("https://example.org/praxis/", "", "/praxis/") is None


def test_raw_html_on_the_site_s_own_host_is_judged_as_a_markdown_link_is(project: Project):
    """An old WordPress blog's import keeps a ``<figure>`` or ``<picture>`` as raw HTML, with its
    ``https://praxis.example/wp-content/uploads/…`` image and its ``srcset``; ``article-link`` read Markdown links
    alone, so check and build said nothing of them (``old-site``, which reads raw HTML too, skips base_url's host),
    and each was a 404 once the new site replaced the old blog. Now raw HTML's full URLs on the site's own host are
    judged as a Markdown link's are, at their lines, in the same words; one the site answers is fine."""
    give_base_url(project.root)
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/linden-tee.md", article("Lindenblütentee", "Er schmeckt mild.\n"))
    body = ("Er schmeckt mild.\n\n"
            '<picture>\n<source srcset="https://praxis.example/wp-content/uploads/tee-300.webp 300w, '
            'https://praxis.example/wp-content/uploads/tee.webp 900w">\n'
            '<img src="https://www.praxis.example/wp-content/uploads/tee.jpg" alt="Tee">\n</picture>\n\n'
            'Schreiben Sie <a href="https://praxis.example/kontakt/">uns</a> oder lesen Sie '
            '<a href="https://praxis.example/de/linden-tee/">den Tee</a>, '
            '<a href="https://anderswo.example/fehlt/">anderswo</a>.\n')
    project.write("source_de/fasten.md", article("Fasten", body))
    project.run("extract")
    dead = {(line, url) for line, url in [(8, "https://praxis.example/wp-content/uploads/tee-300.webp"),
                                          (8, "https://praxis.example/wp-content/uploads/tee.webp"),
                                          (9, "https://www.praxis.example/wp-content/uploads/tee.jpg"),
                                          (12, "https://praxis.example/kontakt/")]}
    image = ("source_de/fasten.md:9: 'https://www.praxis.example/wp-content/uploads/tee.jpg': an address on this "
             "site's own host (www.praxis.example), where the new site will have no page or file at "
             "/wp-content/uploads/tee.jpg once it replaces the old one (no article, alias, redirects.txt line or "
             "published file there): import the WordPress export again with --uploads DIR, a copy of the old blog's "
             "wp-content/uploads folder, which copies the file into source_de/bilder/, or save it into source_de/ "
             "yourself; then write it as a Markdown image or link, ![description](bilder/x.jpg), in place of the raw "
             "HTML (the site publishes no file of source_de/ that raw HTML names); the link is kept and readers would "
             "get 'not found'")
    page = ("source_de/fasten.md:12: 'https://praxis.example/kontakt/': an address on this site's own host "
            "(praxis.example), where the new site will have no page or file at /kontakt/ once it replaces the old "
            "one (no article, alias, redirects.txt line or published file there): send the address on with a line "
            "of redirects.txt ('/kontakt/ /de/other/ 301'), or write the link in Markdown to an article's file, "
            "[text](other.md); the link is kept and readers would get 'not found'")
    checked = project.run("check").output
    for line, url in dead:
        assert f"warning: source_de/fasten.md:{line}: {url!r}: an address on this site's own host" in checked, checked
    assert f"warning: {image} [article-link]" in checked and f"warning: {page} [article-link]" in checked, checked
    assert checked.count("own host") == 4, checked
    assert "'https://praxis.example/de/linden-tee/'" not in checked and "anderswo" not in checked, checked
    built = project.run("build").output
    assert built.count("own host") == 4 and image in built and page in built, built
    for line, url in dead:
        assert f"source_de/fasten.md:{line}: {url!r}: an address on this site's own host" in built, built
    project.write("redirects.txt", "/kontakt/ /de/linden-tee/ 301\n")  # the next build, its cache read, knows it
    again = project.run("build").output
    assert again.count("own host") == 3 and image in again and page not in again, again


def _dead_site_links(project: Project) -> list[str]:
    """Every link of an article body on the built site to a page of the site itself (its ``base_url`` or base path)
    that the site does not have, as "page -> address"."""
    dead = []
    for page in sorted((project.root / "site").glob("*/*/index.html")):
        for href in html.fromstring(page.read_text(encoding="utf-8")).xpath("//div[@class='article-body']//a/@href"):
            path = href.removeprefix("https://praxis.example").partition("#")[0]
            if path.startswith("/blog/") and not (project.root / "site" / path[len("/blog/"):] / "index.html").exists():
                dead.append(f"{page.relative_to(project.root / 'site').as_posix()} -> {href}")
    return dead


def _site_pages(project: Project) -> dict[str, bytes]:
    """The pages, feeds and sitemap under site/ (not Pagefind's index), by path."""
    return {rel: data for rel, data in project.snapshot().items()
            if rel.startswith("site/") and rel.endswith((".html", ".xml"))}


def test_pages_linking_each_other_by_address_are_one_site_built_fresh_or_again_and_check_agrees(
        project: Project, tmp_path):
    """leber's English page is published only while its link to zecken's is shown, and zecken's only while its link
    to leber's is. Both were published (their links were ``.md``) when the reviewers turned the links into
    addresses: the build kept both (it started from its records), while a fresh clone's build withdrew both and
    check called both links errors. One rule now, check's: none published, as a build from no records makes it;
    the links are held back, no page links one the site does not have, and the next build changes nothing. Their
    addresses show the notice that they are not available at the moment (check errors alone keep their reviewed
    translations from readers), in a fresh clone too: the clone's site/ is the same, byte for byte."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + SITE.replace("= 0", "= 100"))
    project.write("source_de/leber.md", article("Leber", "Lesen Sie [über Zecken](zecken.md).\n"))
    project.write("source_de/zecken.md", article("Zecken", "Lesen Sie [über die Leber](leber.md). "
                                                           "Zecken lauern im Gras.\n"))
    project.write("source_de/milz.md", article("Milz", "Die Milz filtert Blut.\n"))
    project.run("extract")
    review(project, "en", "milz", {("title", "Milz"): "Spleen", "Die Milz filtert Blut.": "The spleen filters blood."})
    review(project, "en", "leber", {("title", "Leber"): "Liver",
                                    "Lesen Sie [über Zecken](zecken.md).": "Read [about ticks](zecken.md)."})
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Lesen Sie [über die Leber](leber.md).":
                                     "Read [about the liver](https://praxis.example/blog/en/leber/)."})
    project.run("build")
    assert (project.root / "site/en/leber/index.html").exists()
    assert not (project.root / "site/en/zecken/index.html").exists()  # "Zecken lauern im Gras." is German
    review(project, "en", "zecken", {"Zecken lauern im Gras.": "Ticks lurk in grass."})
    project.run("build")
    assert all((project.root / f"site/en/{slug}/index.html").exists() for slug in ("leber", "zecken"))
    review(project, "en", "leber", {"Lesen Sie [über Zecken](zecken.md).":
                                    "Read [about ticks](https://praxis.example/blog/en/zecken/)."})
    checked = project.run("check", code=1).output
    assert checked.count("[link-target]") == 2 and "check: 2 errors" in checked
    built = project.run("build").output
    assert "en/leber: 1 segment held back" in built and "en/zecken: 1 segment held back" in built
    assert "in turn" not in built
    for slug in ("leber", "zecken"):
        assert html.fromstring(project.read(f"site/en/{slug}/index.html")).xpath("//h1/text()") == [
            "Not available in English at the moment"]
    assert _dead_site_links(project) == []
    assert project.run("check", code=1).output == checked
    clone = Project(tmp_path / "clone")
    clone.write("verlag.toml", project.read("verlag.toml"))
    shutil.copytree(project.root / "source_de", clone.root / "source_de")
    shutil.copytree(project.root / "translations", clone.root / "translations")
    clone.run("build")
    fresh, again = _site_pages(clone), _site_pages(project)
    assert fresh == again
    index = "site/en/index.html"

    def unavailable(page: bytes) -> dict[str, list[str]]:
        return {section.xpath("h2/text()")[0]: section.xpath(".//a/text()")
                for section in html.fromstring(page).xpath('//section[@class="unavailable"]')}

    assert unavailable(again[index]) == {"Not available in English at the moment": ["Zecken", "Leber"]}
    before = project.snapshot()
    assert "build: 0 editions made" in project.run("build").output
    assert project.snapshot() == before


def test_check_on_a_fresh_clone_judges_links_to_the_site_s_pages_as_the_build_will_publish_them(project: Project,
                                                                                                  tmp_path):
    """A clone has no ``editions/`` (nor ``.verlag/`` or ``site/``): no build has recorded which pages exist, so
    ``check`` decides it from the catalogs as the build will, and a link to a translation the build publishes is
    no error, while one to a translation the build holds back still is."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + SITE.replace("= 0", "= 60"))
    project.write("source_de/zecken.md", article("Zecken", "## Vorsorge\n\nZecken lauern im Gras.\n"))
    project.write("source_de/milz.md", article("Milz", "Die Milz filtert Blut. Sie liegt im linken Oberbauch unter dem "
                                                     "Zwerchfell.\n"))
    project.write("source_de/leber.md", article("Leber", "Lesen Sie [über Zecken](zecken.md#vorsorge). "
                                                         "Oder [über die Milz](milz.md). Die Leber ist das wichtigste "
                                                         "Organ des Stoffwechsels.\n"))
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Vorsorge": "Prevention",
                                     "Zecken lauern im Gras.": "Ticks lurk in grass."})
    review(project, "en", "milz", {("title", "Milz"): "Spleen", "Die Milz filtert Blut.": "The spleen filters blood."})
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Lesen Sie [über Zecken](zecken.md#vorsorge).":
                                    "Read [about ticks](https://praxis.example/blog/en/zecken/#vorsorge).",
                                    "Oder [über die Milz](milz.md).": "Or [about the spleen](/blog/en/milz/).",
                                    "Die Leber ist das wichtigste Organ des Stoffwechsels.":
                                        "The liver is the most important organ of metabolism."})
    clone = Project(tmp_path / "clone")
    clone.write("verlag.toml", project.read("verlag.toml"))
    shutil.copytree(project.root / "source_de", clone.root / "source_de")
    shutil.copytree(project.root / "translations", clone.root / "translations")
    found = clone.run("check", code=1).output
    flagged = [line for line in found.splitlines() if "[link-target]" in line]
    assert len(flagged) == 1 and "/blog/en/milz/" in flagged[0]  # en/milz: 5 of 13 words in English, held back
    assert not any(p.exists() for p in (clone.root / "editions", clone.root / "site"))  # check builds nothing
    rows = json.loads(clone.run("status", "--format", "json").output)["articles"]
    assert {row["slug"]: row["errors"] for row in rows} == {"leber": 1, "milz": 0, "zecken": 0}  # status agrees
    # the build agrees: it shows the link to en/zecken, holds back the one to en/milz, and check after it is the same
    assert "en/leber: 1 segment held back" in clone.run("build").output
    links = html.fromstring(clone.read("site/en/leber/index.html")).xpath("//div[@class='article-body']//a/@href")
    assert "https://praxis.example/blog/en/zecken/#vorsorge" in links and "/blog/de/milz/" in links
    assert clone.run("check", code=1).output == found


def test_check_before_any_build_follows_a_chain_of_pages_each_published_only_through_the_next(project: Project):
    """d links b's English page and is published only while that link is shown; b likewise links c's. Before any
    build, check judges d's link by b's page, b's by c's: none is an error, and the build publishes all three."""
    _chain(project)
    assert "check: 0 errors" in project.run("check").output
    project.run("build")
    assert all((project.root / f"site/en/{slug}/index.html").exists() for slug in "bcd")
    (project.root / "source_de/c.md").unlink()  # withdraws en/c, so en/b, so en/d: check knows before the build
    assert "check: 2 errors" in project.run("check", code=1).output


def test_a_link_to_a_page_whose_catalog_cannot_be_read_is_judged_by_the_page_the_build_keeps(project: Project):
    """The build keeps the editions of a catalog it cannot read, so the site keeps publishing the page: check
    names the damaged catalog, and a translation linking that page by its address is no error (the site shows the
    link, and it leads to the page)."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + SITE.replace("= 0", "= 100"))
    project.write("source_de/zecken.md", article("Zecken", "Zecken lauern im Gras.\n"))
    project.write("source_de/leber.md", article("Leber", "Lesen Sie [über Zecken](zecken.md).\n"))
    project.run("extract")
    review(project, "en", "zecken", {("title", "Zecken"): "Ticks", "Zecken lauern im Gras.": "Ticks lurk in grass."})
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Lesen Sie [über Zecken](zecken.md).":
                                    "Read [about ticks](/blog/en/zecken/)."})
    project.run("build")
    po = project.root / "translations/en/zecken.po"
    damaged = po.read_text(encoding="utf-8") + '\nmsgid "kaputt\n'
    po.write_text(damaged, encoding="utf-8")
    found = project.run("check", code=2).output
    line = damaged.split("\n").index('msgid "kaputt') + 1  # the catalog's length is not this test's business
    assert f"translations/en/zecken.po:{line}: cannot read catalog" in found
    assert "[link-target]" not in found
    project.run("build", code=2)
    assert (project.root / "site/en/zecken/index.html").exists()
    links = html.fromstring(project.read("site/en/leber/index.html")).xpath("//div[@class='article-body']//a/@href")
    assert links == ["/blog/en/zecken/"]


def test_check_makes_an_overview_linking_many_pages_twice_not_once_per_page(project: Project, monkeypatch):
    """start links the overview alle by its address, alle links six pages so: alle is published only while all six
    links are shown. check decides alle's page by making its edition in memory: once with none of the six known,
    and once more after all of them are, not again after each: N + 2 editions, not 2 N + 1, of which N + 1 would
    check alle's N links (bench/bench_planned_pages.py: 400 pages took 11.5 s of CPU, now 1.3 s)."""
    import pipeline.editions

    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + SITE.replace("= 0", "= 100"))
    slugs = [f"s{i}" for i in range(6)]
    for slug in slugs:
        project.write(f"source_de/{slug}.md", article(slug.upper(), "Kurzer Text.\n"))
    project.write("source_de/alle.md", article("Alle", "".join(f"- Lies [{s}]({s}.md).\n" for s in slugs)))
    project.write("source_de/0start.md", article("Start", "Lies [alles](alle.md).\n"))
    project.run("extract")
    for slug in slugs:
        review(project, "en", slug, {("title", slug.upper()): slug.upper(), "Kurzer Text.": "Short text."})
    review(project, "en", "alle", {("title", "Alle"): "All",
                                   **{f"Lies [{s}]({s}.md).": f"Read [{s}](/blog/en/{s}/)." for s in slugs}})
    review(project, "en", "0start", {("title", "Start"): "Home",
                                     "Lies [alles](alle.md).": "Read [all](/blog/en/alle/)."})
    made = []
    real = pipeline.editions.catalog_edition

    def counting(config, article, *args):
        made.append(article.slug)
        return real(config, article, *args)

    monkeypatch.setattr(pipeline.editions, "catalog_edition", counting)
    assert "check: 0 errors" in project.run("check").output
    assert made.count("alle") == 2 and sorted(set(made)) == ["alle", *slugs]
    assert all(made.count(slug) == 1 for slug in slugs)


def test_check_and_build_name_an_in_page_link_whose_fragment_has_no_target_on_its_page(project: Project):
    """Trial 13, finding 1: ``[1](#fn1)`` left by an import whose footnote ids were lost led nowhere, silently. A
    fragment that names no heading id, footnote or anchor of its page is named at its file and line."""
    project.write("source_de/tee.md", article("Tee", "## Zubereitung\n\nKurz ziehen lassen.<sup>[3](#fn3)</sup> Siehe "
                                              "[oben](#zubereitung) und [die Quelle](#fn-quelle).[^q]\n\n"
                                              '<a href="#nirgends">Mehr</a> und <a id="anker"></a>[hier](#anker).\n\n'
                                              "[^q]: Eine Quelle. Zurück [nach oben](#main).\n"))
    project.run("extract")
    checked = project.run("check").output
    found = [line for line in checked.splitlines() if "[fragment]" in line]
    assert [line.split(": ", 2)[1:2] for line in found] == [["source_de/tee.md:7"], ["source_de/tee.md:7"],
                                                            ["source_de/tee.md:9"]], checked
    assert ("warning: source_de/tee.md:7: '#fn3': no heading or anchor on this page has the id 'fn3', so the link "
            "leads nowhere, in every language") in checked
    assert "'#fn-quelle'" in checked and "'#nirgends'" in checked
    assert "#zubereitung'" not in checked and "'#anker'" not in checked and "'#main'" not in checked
    built = project.run("build").output
    assert "warning: source_de/tee.md:7: '#fn3': no heading or anchor on this page has the id 'fn3'" in built
    assert "'#nirgends'" in built
    again = project.run("build").output  # nothing changed: said again, from what the last build found
    assert "'#fn3'" in again and "'#nirgends'" in again and "'#anker'" not in again


def test_a_link_to_another_article_s_heading_that_was_renamed_is_named_with_the_ids_it_could_mean(project: Project):
    """Trial 5, finding 1: ``[…](abendlicht.md#was-hilft-am-abend)`` broke silently when that heading became "Was am
    Abend wirklich hilft": every edition linked an id the page no longer has. check and build name it at its file and
    line with the linked article's headings' ids, the closest first; a fragment that names a heading, an anchor or
    an id of the linked page's templates is fine. Judged again on a build where only the linked article changed."""
    project.write("source_de/abendlicht.md", article("Abendlicht", "## Was hilft am Abend?\n\nWenig Licht.\n\n"
                                                     '## Morgens\n\nViel Licht.<a id="quelle"></a>\n'))
    project.write("source_de/schlaf.md", article("Schlaf", "Siehe [dort](abendlicht.md#was-hilft-am-abend), "
                                                 "[die Quelle](abendlicht.md#quelle) und [oben](abendlicht.md#main).\n"))
    project.run("extract")
    assert "[fragment]" not in project.run("check").output
    assert "abendlicht.md#" not in project.run("build").output
    project.write("source_de/abendlicht.md", project.read("source_de/abendlicht.md").replace(
        "## Was hilft am Abend?", "## Was am Abend wirklich hilft"))
    said = ("source_de/schlaf.md:5: 'abendlicht.md#was-hilft-am-abend': the article 'abendlicht' has no heading or "
            "anchor with the id 'was-hilft-am-abend' (a heading renamed?), so the link opens its page at the top, in "
            "every language; its headings' ids: #was-am-abend-wirklich-hilft, #morgens (link one")
    checked = project.run("check").output
    found = [line for line in checked.splitlines() if "[fragment]" in line]
    assert len(found) == 1 and f"warning: {said}" in found[0], checked
    project.run("extract")
    built = project.run("build").output
    assert said in built and "#quelle'" not in built and "#main'" not in built, built
    assert said in project.run("build").output  # nothing changed: said again
    project.write("source_de/schlaf.md", project.read("source_de/schlaf.md").replace(
        "#was-hilft-am-abend", "#was-am-abend-wirklich-hilft"))
    assert "[fragment]" not in project.run("check").output
    assert "abendlicht.md#" not in project.run("build").output


def test_the_ids_an_in_page_link_may_name_are_those_of_the_project_s_own_templates(project: Project):
    """A project's templates/ overrides the theme file by file: an id its article.html adds around the body
    (``#kontakt``, a box every page shows; ``#teil-2`` of an id the template computes) is a target, and an id its
    base.html no longer has (``#main``) or one in a Jinja comment is none. Read on every check and build, also when
    the article did not change: the build's cache of an unchanged article holds only what its body lacks."""
    project.write("source_de/tee.md", article("Tee", "Kurz ziehen lassen. [Fragen?](#kontakt) [Zurück](#main) "
                                              "[Teil 2](#teil-2) [oben](#top) [Notiz](#nur-ein-kommentar)\n"))
    project.run("extract")
    checked = project.run("check").output
    assert "'#kontakt'" in checked and "'#teil-2'" in checked and "'#main'" not in checked, checked
    assert "'#top'" not in checked
    assert "'#kontakt'" in project.run("build").output

    theme = REPO / "templates"
    project.write("templates/article.html", (theme / "article.html").read_text(encoding="utf-8").replace(
        "{{ call_to_action_box(call_to_action, contact) }}",
        '{# <p id="nur-ein-kommentar"></p> #}<aside id="kontakt"><p>Fragen?</p></aside>\n'
        '{% for n in [1, 2] %}<section id="teil-{{ n }}"></section>{% endfor %}\n'
        "{{ call_to_action_box(call_to_action, contact) }}"))
    project.write("templates/base.html", (theme / "base.html").read_text(encoding="utf-8").replace(
        '<main id="main">', "<main>").replace('href="#main"', 'href="#inhalt"'))
    checked = project.run("check").output
    found = [line for line in checked.splitlines() if "[fragment]" in line]
    assert len(found) == 2 and "'#main': no heading or anchor on this page has the id 'main'" in found[0], checked
    assert "'#nur-ein-kommentar'" in found[1], checked  # an id in a Jinja comment is on no page; in the text's order
    built = project.run("build").output
    assert "'#main'" in built and "'#kontakt'" not in built and "'#teil-2'" not in built, built
    page = html.parse(str(project.root / "site/de/tee/index.html")).getroot()
    assert page.xpath("//*[@id='kontakt']") and page.xpath("//*[@id='teil-2']") and not page.xpath("//*[@id='main']")


def test_a_link_to_a_draft_s_file_is_its_text_without_the_link_in_every_language_and_is_warned(project: Project):
    """A link to a draft's file was published as href="abend.md", a 404 for every reader."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/abend.md", article("Abend", "Am Abend ruhig werden.\n", draft="true"))
    project.write("source_de/tee.md", article("Tee", "Mehr im [Beitrag zum *Abend*](abend.md#ruhe). Tee hilft.\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", "Tee hilft.": "Tea helps.",
                                  "Mehr im [Beitrag zum *Abend*](abend.md#ruhe).":
                                      "More in the [post on the *evening*](abend.md#ruhe)."})
    review(project, "fr", "tee", {("title", "Tee"): "Thé", "Tee hilft.": "Le thé aide."})
    built = project.run("build").output
    assert ("warning: source_de/tee.md:5: 'abend.md#ruhe': no published article 'abend' (a draft, or no such file: "
            "renamed or deleted? link to its new file, or list its old address under the renamed article's aliases:); "
            "the pages show the link's text without the link") in built
    for lang, text in (("de", "Mehr im Beitrag zum Abend."), ("en", "More in the post on the evening."),
                       ("fr", "Mehr im Beitrag zum Abend.")):
        body = html.fromstring(project.read(f"site/{lang}/tee/index.html")).xpath("//div[@class='article-body']")[0]
        assert not body.xpath(".//a"), lang
        assert text in body.text_content() and len(body.xpath(".//em")) == 1, lang
    assert "[post on the *evening*](abend.md#ruhe)" in project.read("editions/en/tee.md")


def test_a_root_path_to_a_page_of_a_language_folder_the_site_will_not_have_is_its_text_without_the_link(
        project: Project):
    """``/de/gibt-es-nicht/`` names a page of the site's own German folder that no article answers to: it was
    published as a link that gave "not found", and neither check nor build said a word (the language folder counted
    as served). Now it is shown as its text, with the warning naming file and line, in every language, and check
    says the same. A page the site makes there (the feed), an old address redirects.txt answers and a path outside
    the language folders (which the host may serve: verlag cannot know) stay links; ``/en/tee/`` with no English tee page leads to the German one."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + '[site]\nbase_url = "https://praxis.example/"\n[publish]\nmin_translated = 0\n')
    project.write("source_de/tee.md", article("Tee", "Tee wärmt.\n"))
    project.write("redirects.txt", "/de/alter-tee/ /de/tee/\n")
    german = ("Erst [eins](/de/gibt-es-nicht/), dann [zwei](/en/tee/), [drei](/2022/alt.html), "
              "[vier](/de/feed.xml) und [fünf](/de/alter-tee/).")
    project.write("source_de/fasten.md", article("Fasten", german + "\n"))
    project.run("extract")
    review(project, "en", "fasten", {("title", "Fasten"): "Fasting", german: (
        "First [one](/de/gibt-es-nicht/), then [two](/en/tee/), [three](/2022/alt.html), [four](/de/feed.xml) and "
        "[five](/de/alter-tee/).")})
    dead = ("warning: source_de/fasten.md:5: '/de/gibt-es-nicht/': the site has no page at this address (no article "
            "of that name, no old address under an article's aliases:; link an article by its file, other.md, which "
            "leads to its page in each language); the pages show the link's text without the link")
    checked = project.run("check").output
    assert dead in checked and checked.count("the pages show the link's text") == 1, checked
    assert "source_de/fasten.md:5: '/2022/alt.html': the site has no page or file at this address" in checked
    assert dead.removeprefix("warning: ") in project.run("build").output
    for lang, text in (("de", "Erst eins, dann"), ("en", "First one, then")):
        body = html.fromstring(project.read(f"site/{lang}/fasten/index.html")).xpath(
            "//div[@class='article-body']")[0]
        assert body.xpath(".//a/@href") == ["/de/tee/", "/2022/alt.html", "/de/feed.xml", "/de/alter-tee/"], lang
        assert text in body.text_content(), lang


def test_a_root_path_to_a_file_the_site_s_static_folder_will_not_have_is_its_text_without_the_link(
        project: Project):
    """``/static/preise.pdf`` names a file of the site's static/ folder, which holds only the theme's files: it was
    published as a link (an image) that gave "not found", and neither check nor build said a word (the whole folder
    counted as served). Now the link is its text and the image its alt text, in every language, with a warning at
    file and line from both; a file the theme has there stays a link."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + '[site]\nbase_url = "https://praxis.example/"\n[publish]\nmin_translated = 0\n')
    german = ("Die [Preisliste](/static/preise.pdf), das [Symbol](/static/favicon.svg) und "
              "![eine Karte](/static/fehlt.png).")
    project.write("source_de/fasten.md", article("Fasten", german + "\n"))
    project.run("extract")
    review(project, "en", "fasten", {("title", "Fasten"): "Fasting", german: (
        "The [price list](/static/preise.pdf), the [icon](/static/favicon.svg) and ![a map](/static/fehlt.png).")})
    missing = ("source_de/fasten.md:5: '{}': the site has no file at this address (the theme's static/ has none of "
               "this name: save a download or image into source_de/ and reference it from there); the pages show the "
               "link's text, an image's alt text, without it")
    for output in (project.run("check").output, project.run("build").output):
        for url in ("/static/preise.pdf", "/static/fehlt.png"):
            assert missing.format(url) in output, output
        assert "favicon.svg'" not in output, output
    for lang, text in (("de", "Die Preisliste, das Symbol und eine Karte."),
                       ("en", "The price list, the icon and a map.")):
        body = html.fromstring(project.read(f"site/{lang}/fasten/index.html")).xpath(
            "//div[@class='article-body']")[0]
        assert body.xpath(".//a/@href") == ["/static/favicon.svg"] and not body.xpath(".//img"), lang
        assert text in body.text_content(), lang
    assert (project.root / "site/static/favicon.svg").is_file()


def test_a_root_path_to_a_file_no_article_copies_to_the_site_s_media_folder_is_warned_at_its_line(
        project: Project):
    """``/media/bilder/fehlt.png`` names a file of the site's media/ folder, which holds only the files articles
    reference in source_de/: with no article referencing it, readers got "not found", and neither check nor build
    said a word (the whole folder counted as served). Both warn at file and line now; a file another article
    copies there, or the site's own image (``[site] image``), is no problem."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + '[site]\nbase_url = "https://praxis.example/"\nimage = "bilder/praxis.png"\n')
    (project.root / "source_de/bilder").mkdir(parents=True)
    for name in ("tasse.png", "praxis.png", "schema.png", "schema.en.png"):
        (project.root / "source_de/bilder" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    project.write("source_de/tee.md", article("Tee", "Eine ![Tasse](bilder/tasse.png) und ein ![Schema]"
                                                     "(bilder/schema.png).\n"))
    project.write("source_de/fasten.md", article("Fasten", (
        "Die ![Karte](/media/bilder/fehlt.png), die [Liste](/media/liste.pdf?v=2) und ein Text.\n\n"
        "Die ![Tasse](/media/bilder/tasse.png), das ![Bild](/media/bilder/praxis.png) und "
        "das ![Schema](/media/bilder/schema.en.png) sind da.\n")))
    # a page left out for its placeholders copies nothing: a link to its logo is one to no file, for both
    (project.root / "source_de/bilder/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.write("source_de/impressum.md", article("Impressum", "![Logo](bilder/logo.png) [[AUSFÜLLEN: Name]]\n"))
    project.write("source_de/fasten.md",
                  project.read("source_de/fasten.md") + "\nDas ![Logo](/media/bilder/logo.png).\n")
    project.run("extract")
    missing = ("source_de/fasten.md:{}: '{}': the site has no file at this address (its media/ holds only the files "
               "articles reference in source_de/, and none does this one: save it into source_de/ and reference it "
               "from there, as bilder/x.png); the pages show the link's text, an image's alt text, without it")
    for output in (project.run("check", code=1).output, project.run("build", code=2).output):
        for line, url in ((5, "/media/bilder/fehlt.png"), (5, "/media/liste.pdf?v=2"), (9, "/media/bilder/logo.png")):
            assert missing.format(line, url) in output, output
        assert "tasse.png'" not in output and "praxis.png'" not in output and "schema.en.png'" not in output, output
    assert (project.root / "site/media/bilder/tasse.png").is_file()
    assert not (project.root / "site/media/bilder/logo.png").exists()

    def body() -> html.HtmlElement:
        return html.fromstring(project.read("site/de/fasten/index.html")).xpath("//div[@class='article-body']")[0]
    shown = body()  # no address that answers 'not found': the link is its text, the image its alt text
    assert shown.xpath(".//img/@src") == ["/media/bilder/tasse.png", "/media/bilder/praxis.png",
                                          "/media/bilder/schema.en.png"] and not shown.xpath(".//a")
    assert "Die Karte, die Liste und ein Text." in shown.text_content()
    # the file appears (another article references it): the unchanged page is made again, with the image
    project.write("source_de/tee.md", article("Tee", "Eine ![Tasse](bilder/tasse.png), ![Karte](bilder/fehlt.png)"
                                                     " und ein ![Schema](bilder/schema.png).\n"))
    (project.root / "source_de/bilder/fehlt.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.run("extract")
    assert "fehlt.png'" not in project.run("build", code=2).output
    assert body().xpath(".//img/@src")[0] == "/media/bilder/fehlt.png"
    # and goes again: the page shows the alt text once more
    project.write("source_de/tee.md", article("Tee", "Eine ![Tasse](bilder/tasse.png).\n"))
    project.run("extract")
    assert missing.format(5, "/media/bilder/fehlt.png") in project.run("build", code=2).output
    assert not body().xpath(".//img[@src='/media/bilder/fehlt.png']") and "Die Karte," in body().text_content()


def test_a_link_to_a_page_still_holding_placeholders_is_one_check_warns_of_as_build_leaves_the_page_out(
        project: Project):
    """build leaves a page out while it holds init's [[AUSFÜLLEN: …]] placeholders and shows a link to it as its
    text; check and build warn of that link, naming the page and why (build gave the generic "no published
    article … renamed or deleted?"), and stop once the placeholders are filled in."""
    project.write("source_de/impressum.md", article("Impressum", "Name: [[AUSFÜLLEN: Name]]\n"))
    project.write("source_de/tee.md", article("Tee", "Siehe das [Impressum](impressum.md).\n"))
    project.run("extract")
    said = ("source_de/tee.md:5: 'impressum.md': source_de/impressum.md still holds init's [[AUSFÜLLEN: …]] "
            "placeholders or verlag new's example lines: build leaves that page out until they are filled in, and "
            "the pages show the link's text without the link [article-link]")
    assert said in project.run("check", code=1).output
    assert not (project.root / "site/de/impressum/index.html").exists()
    built = project.run("build", code=2).output
    assert said.removesuffix(" [article-link]") in built and "no published article" not in built
    shown = html.fromstring(project.read("site/de/tee/index.html")).xpath("//div[@class='article-body']")[0]
    assert not shown.xpath(".//a") and "Siehe das Impressum." in shown.text_content()
    project.write("source_de/impressum.md", article("Impressum", "Name: Praxis Lindenhof\n"))
    project.run("extract")
    assert "impressum.md'" not in project.run("check").output
    assert "impressum.md'" not in project.run("build").output


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_link_to_an_article_file_with_an_umlaut_in_its_name_leads_to_its_page(project: Project, form: str):
    """``tee-käse.md`` linked as typed (composed, NFC): the page dropped the link (the render stage looked the
    %-encoded ``tee-k%C3%A4se.md`` up, check the decoded name, so it warned of nothing); saved decomposed (NFD, as
    macOS's HFS+ and zip tools store it), its name was no file name a link typed."""
    import unicodedata

    project.write("verlag.toml", project.read("verlag.toml") + SITE)
    project.write("source_de/" + unicodedata.normalize(form, "tee-käse.md"),
                  article("Tee und Käse", "Beides passt.\n", slug="tee-kaese"))
    project.write("source_de/milch.md", article("Milch", "Lesen Sie [dies](tee-käse.md).\n"))
    project.run("extract")
    built = project.run("build").output
    assert "no published article" not in built and "warning" not in built, built
    hrefs = html.fromstring(project.read("site/de/milch/index.html")).xpath("//article//p/a/@href")
    assert hrefs == ["/blog/de/tee-kaese/"], hrefs


def test_root_paths_under_a_sub_path_lead_to_what_the_site_has_there_and_the_others_are_warned_of(
        project: Project):
    """Under ``base_url = "https://example.org/praxis/"`` an article's root-relative links name the site's paths from
    its root, as README's links and images do (fresh-user trial 24): only ``/de/impressum/`` (an article's name)
    became ``/praxis/de/impressum/``; ``/media/bilder/tee.png``, ``/de/feed.xml``, ``/static/style.css`` and ``/``
    stayed as written, 404s on the host, and ``/bilder/tee.png`` (a file of source_de/ under the wrong name) was
    a 404 neither check nor build named. Now every one the site has is written below ``/praxis/`` on every page and
    in the feed; the others are warned of at their line, naming the sub-path and what to write instead. A
    reviewer's ``/en/impressum/`` is read as ``/praxis/en/impressum/``, which the error names."""
    project.write("verlag.toml", project.read("verlag.toml").replace('["en", "fr"]', '["en"]')
                  + '[site]\nbase_url = "https://example.org/praxis/"\n[publish]\nmin_translated = 0\n')
    (project.root / "source_de/bilder").mkdir(parents=True)
    (project.root / "source_de/bilder/tee.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.write("source_de/impressum.md", article("Impressum", "Praxis Lindenhof.\n"))
    project.write("source_de/tee.md", article("Tee", "Eine ![Tasse](bilder/tee.png).\n"))
    german = ("[I](/de/impressum/) ![A](/media/bilder/tee.png) ![C](/bilder/tee.png) [F](/de/feed.xml) "
              "[K](/static/style.css?v=2) [S](/) [G](/de/gibt-es-nicht/) [P](/praxis/de/tee/) [Q](/de/?q=tee)")
    project.write("source_de/fasten.md", article("Fasten", german + "\n\nSiehe [Tee](tee.md).\n"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea",
                                  "Eine ![Tasse](bilder/tee.png).": "A ![cup](bilder/tee.png)."})
    review(project, "en", "fasten", {("title", "Fasten"): "Fasting", "Siehe [Tee](tee.md).": "See [tea](/en/tee/).",
                                     german: german.replace("[I](/de/impressum/)", "[I](/en/impressum/)")})
    wrong = ("source_de/fasten.md:5: '/bilder/tee.png': the site has no page or file at /praxis/bilder/tee.png (no "
             "article of that name, no old address under an article's aliases:, nothing verlag publishes there; the "
             "site has bilder/tee.png at /praxis/media/bilder/tee.png, a file of source_de/ an article references: "
             "write bilder/tee.png, its path in source_de/; an address of the host outside /praxis/ is written as a "
             "full URL (https://…/bilder/tee.png)); the link is kept and readers would get 'not found'")
    dead = ("source_de/fasten.md:5: '/de/gibt-es-nicht/': the site has no page at /praxis/de/gibt-es-nicht/ (no "
            "article of that name, no old address under an article's aliases:; link an article by its file, other.md, "
            "which leads to its page in each language); the pages show the link's text without the link")
    checked = project.run("check", code=1).output
    assert wrong in checked and dead in checked and checked.count("the site has no") == 2, checked
    # the reviewer's /en/impressum/ names no English page (only tee's is published): said with the sub-path
    assert ("translations/en/fasten.po:" in checked and "link destination or image source changed: missing link "
            "/de/impressum/ (/praxis/de/impressum/ on the site); instead link /en/impressum/ (/praxis/en/impressum/ "
            "on the site) [link-target]") in checked, checked
    assert checked.count("[link-target]") == 1, checked  # /en/tee/ is /praxis/en/tee/: tee.md's English page
    built = project.run("build").output
    assert wrong in built and dead in built, built
    # trial 24: robots.txt under the sub-path is none crawlers read; said by the build that first writes it
    robots = ("note: site/robots.txt is served at /praxis/robots.txt under base_url's path, where crawlers do not "
              "look (RFC 9309 2.3: a host's robots.txt is at its root): add its line 'Sitemap: "
              "https://example.org/praxis/sitemap.xml' to the host's /robots.txt")
    assert robots in built and robots not in project.run("build").output, built
    for lang in ("de", "en"):
        body = html.fromstring(project.read(f"site/{lang}/fasten/index.html")).xpath(
            "//div[@class='article-body']")[0]
        addresses = body.xpath(".//a/@href | .//img/@src")
        assert [a for a in addresses if not a.startswith("/praxis/")] == ["/bilder/tee.png"], (lang, addresses)
        assert "/praxis/media/bilder/tee.png" in addresses and "/praxis/de/feed.xml" in addresses, addresses
        assert "/praxis/static/style.css?v=2" in addresses and "/praxis/" in addresses, addresses
        assert "/praxis/de/?q=tee" in addresses, addresses  # the search
        assert addresses.count(f"/praxis/{lang}/tee/") == 2, addresses  # /praxis/de/tee/ and tee.md
        assert not any("gibt-es-nicht" in a for a in addresses), addresses
    for address in ("de/impressum/index.html", "media/bilder/tee.png", "de/feed.xml", "static/style.css",
                    "index.html", "de/tee/index.html", "en/tee/index.html"):
        assert (project.root / "site" / address).is_file(), address
    feed = project.read("site/de/feed.xml")
    for address in ("https://example.org/praxis/media/bilder/tee.png", "https://example.org/praxis/de/feed.xml",
                    "https://example.org/praxis/static/style.css?v=2"):
        assert address in feed, address
    assert "https://example.org/media/" not in feed and "https://example.org/static/" not in feed

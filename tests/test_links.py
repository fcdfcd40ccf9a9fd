"""Links that keep working in every language: fragments to headings, within an article and between articles."""

from __future__ import annotations

from lxml import html

from pipeline.render import render

from conftest import Project, article, review


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
    # the Markdown edition keeps the author's fragment: the id its heading has in every edition
    assert "See [above](#abschnitt)." in project.read("editions/en/tee.md")

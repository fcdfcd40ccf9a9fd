"""``verlag import`` into a project published under a path of its host (``base_url = "https://example.org/praxis/"``):
the old addresses outside that path, which the new site's redirects cannot answer, are left out of what the build
reads and listed for the old host's server (fresh-user trial 26)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Project
from test_hugo_move import publish_all
from test_import_sites import tree
from test_import_wordpress import post, wxr

BASE = "https://example.org/praxis/"


def in_subpath(project: Project, languages: str = '["en"]') -> Project:
    project.write("verlag.toml", f'name = "Test"\nsource_language = "de"\nlanguages = {languages}\n\n'
                                 f'[site]\nbase_url = "{BASE}"\n')
    return project


def listed(project: Project) -> list[str]:
    """The lines of the list for the old host, without its comments."""
    return [line for line in project.read("redirects-old-host.txt").splitlines() if not line.startswith("#")]


def test_a_hugo_import_keeps_no_old_address_outside_the_sites_path_and_lists_them_once_for_the_old_host(
        project, tmp_path):
    """Trial 26: the import wrote ``aliases: [/posts/holunder/]`` and ``/index.xml`` to redirects.txt, said
    nothing, and the next build refused each (18 errors, exit 2). Now an address below ``/praxis/`` is kept, the
    others are said once and listed with their new full addresses in ``redirects-old-host.txt``, and the build
    that follows has nothing to refuse; importing again adds nothing and changes no file."""
    site = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://alt.example.org/"\n',
        "content/posts/tee.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-01-02\ntags: ["tee"]\n'
                                'aliases: ["/praxis/2023/tee/", "/alt/tee/"]\n---\nEr schmeckt mild.\n',
        "content/posts/holunder/index.md": '---\ntitle: "Holunder"\ndate: 2024-02-03\n---\nHolunder blüht.\n',
    })
    in_subpath(project)
    out = project.run("import", str(site)).output
    tee = project.read("source_de/lindenbluetentee.md")
    assert "aliases:\n- /praxis/2023/tee/\n#" in tee, tee
    assert "aliases" not in project.read("source_de/holunder.md")
    assert "/index.xml" not in project.read("redirects.txt") if (project.root / "redirects.txt").exists() else True
    said = [line for line in out.splitlines() if line.startswith("import: ") and "outside the new site's path /praxis/"
            in line]
    assert len(said) == 1, out
    assert "redirects-old-host.txt" in said[0] and "old host's web server" in said[0], said
    assert "  old address /posts/holunder/: outside the new site's path /praxis/, not kept" in out
    assert "Hugo's default URL" not in out  # it said so of an address the article then did not keep
    lines = listed(project)
    assert f"/posts/holunder/  {BASE}de/holunder/  301" in lines
    assert f"/alt/tee/  {BASE}de/lindenbluetentee/  301" in lines
    assert f"/index.xml  {BASE}de/feed.xml  301" in lines
    assert f"/tags/tee/  {BASE}de/  301" in lines
    assert not any(line.startswith("/praxis/") for line in lines)
    publish_all(project)
    built = project.run("build")
    assert "outside the site's address" not in built.output, built.output
    before = project.snapshot()
    again = project.run("import", str(site)).output
    assert "redirects-old-host.txt lists them already" in again
    assert "nothing new, no file changed" in again
    assert project.snapshot() == before


def test_a_few_old_addresses_outside_the_path_are_listed_under_the_line_that_says_them(project, tmp_path):
    """A single page's old address (a Hugo Markdown file imported by itself) is listed under the one line, with
    its new address, and in the file for the old host."""
    page = tree(tmp_path / "alt", {"tee.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-01-02\n'
                                             'aliases: ["/alt/tee/"]\n---\nEr schmeckt mild.\n'}) / "tee.md"
    in_subpath(project)
    out = project.run("import", str(page)).output
    assert f"  /alt/tee/  {BASE}de/lindenbluetentee/  301" in out.splitlines(), out
    assert "aliases" not in project.read("source_de/lindenbluetentee.md")
    assert listed(project) == [f"/alt/tee/  {BASE}de/lindenbluetentee/  301"]


def test_a_wordpress_export_into_a_subpath_project_keeps_its_posts_old_addresses_out_of_what_build_reads(
        project, tmp_path):
    """The same for a WordPress export: its posts' permalinks and its feeds and lists (``/feed/``) lie outside
    ``/praxis/``; the build after the import refuses nothing."""
    export = tmp_path / "export.xml"
    export.write_text(wxr(post("Genug trinken", "<p>Wasser ist gut. Tee auch.</p>", post_id=5, name="genug-trinken")),
                      encoding="utf-8")
    in_subpath(project)
    out = project.run("import", str(export)).output
    assert len([line for line in out.splitlines() if line.startswith("import: ") and "outside the new site's path"
                in line]) == 1, out
    assert "aliases" not in project.read("source_de/genug-trinken.md")
    assert f"/2024/04/genug-trinken/  {BASE}de/genug-trinken/  301" in listed(project)
    moved = project.root / "redirects.txt"
    assert not moved.exists() or all(line.startswith(("#", "/praxis/")) for line in moved.read_text().splitlines())
    publish_all(project)
    assert "outside the site's address" not in project.run("build").output


def test_a_saved_pages_canonical_address_outside_the_path_is_listed_for_the_old_host(project, tmp_path):
    """A page saved from the old blog (Wix, Jimdo) names its address in ``rel="canonical"``: outside ``/praxis/``
    it is no alias but a line for the old host."""
    page = tmp_path / "tee.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><title>Lindenblütentee</title>'
                    '<link rel="canonical" href="https://alt.example.org/post/lindenbluetentee">'
                    '<meta property="article:published_time" content="2024-01-02"></head><body><article>'
                    '<h1>Lindenblütentee</h1><p>Er schmeckt mild. Abends trinke ich ihn gern.</p></article></body>'
                    '</html>', encoding="utf-8")
    in_subpath(project)
    out = project.run("import", str(page)).output
    assert f"  /post/lindenbluetentee  {BASE}de/lindenbluetentee/  301" in out.splitlines(), out
    assert "aliases" not in project.read("source_de/lindenbluetentee.md")


GERMAN_TEE = "Er schmeckt mild. Abends trinke ich ihn gern.\n\nGießen Sie ihn mit heißem Wasser auf.\n"
ENGLISH_TEE = "It tastes mild. I like to drink it in the evening.\n\nPour hot water over it.\n"


def german_tea(project: Project) -> None:
    project.write("source_de/lindenbluetentee.md", "---\ntitle: Lindenblütentee\ndate: 2024-01-02\naliases:\n"
                                                   "- /praxis/2023/tee/\n---\n" + GERMAN_TEE)


def test_a_hand_translations_own_old_address_joins_the_german_articles_aliases_for_its_language(project, tmp_path):
    """Trial 26: ``import --translation-of … --lang en`` of a page with its own old address (Hugo's ``url``,
    ``aliases``) dropped it, where the site import keeps it. It joins the German article's list now, marked for
    its language (the build leads it to the English page), the rest of the front matter as the author wrote it;
    the one outside ``/praxis/`` goes to the old host's list; importing it again adds nothing."""
    in_subpath(project)
    german_tea(project)
    english = tree(tmp_path / "hand", {"tea.en.md": '---\ntitle: "Linden blossom tea"\nurl: /praxis/en/linden-tea/\n'
                                                    'aliases: ["/old/tea/"]\n---\n' + ENGLISH_TEE}) / "tea.en.md"
    out = project.run("import", "--translation-of", "lindenbluetentee", "--lang", "en", str(english)).output
    assert "kept the en translation's old address /praxis/en/linden-tea/ in the aliases: of " \
           "source_de/lindenbluetentee.md" in out, out
    assert project.read("source_de/lindenbluetentee.md").startswith(
        "---\ntitle: Lindenblütentee\ndate: 2024-01-02\naliases:\n- /praxis/2023/tee/\n"
        "- /praxis/en/linden-tea/  # en: the old address of its en translation\n---\n")
    assert listed(project) == [f"/old/tea/  {BASE}en/lindenbluetentee/  301"]
    before = project.snapshot()
    again = project.run("import", "--translation-of", "lindenbluetentee", "--lang", "en", str(english)).output
    assert "kept the en" not in again
    assert project.snapshot() == before
    project.run("extract")
    project.run("build")
    assert "/praxis/en/linden-tea/  /praxis/en/lindenbluetentee/  301" in project.read("site/_redirects")


def test_a_saved_translated_pages_canonical_address_is_kept_for_its_language(project, tmp_path):
    """A translation saved from the old blog's page names its address in ``rel="canonical"``: that address is
    the translation's own, kept as the site import keeps a translated page's."""
    in_subpath(project)
    german_tea(project)
    page = tmp_path / "tea.html"
    body = "".join(f"<p>{p}</p>" for p in ENGLISH_TEE.strip().split("\n\n"))
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>Linden blossom tea</title>'
                    '<link rel="canonical" href="https://example.org/praxis/en/linden-tea/"></head><body><article>'
                    f'<h1>Linden blossom tea</h1>{body}</article></body></html>', encoding="utf-8")
    out = project.run("import", "--translation-of", "lindenbluetentee", "--lang", "en", str(page)).output
    assert "- https://example.org/praxis/en/linden-tea/  # en: the old address of its en translation\n" in \
        project.read("source_de/lindenbluetentee.md"), out


def test_a_refused_translation_leaves_the_german_article_as_it_was(project, tmp_path):
    """The old address is written before the catalog (whose ``#:`` lines name the German file as it is then); a
    file the import refuses (not the article's translation) leaves the German article byte for byte."""
    in_subpath(project)
    german_tea(project)
    before = project.read("source_de/lindenbluetentee.md")
    other = tree(tmp_path / "hand", {"x.en.md": '---\ntitle: "Knieschmerzen"\nurl: /praxis/en/knee/\n---\n'
                                                "Die Knie schmerzen, wenn es draußen kalt und nass ist. Das ist so "
                                                "bei vielen, die nicht mehr jung sind und wenig gehen.\n"}) / "x.en.md"
    project.run("import", "--translation-of", "lindenbluetentee", "--lang", "en", str(other), code=2)
    assert project.read("source_de/lindenbluetentee.md") == before


def test_a_hand_translations_old_address_is_kept_also_where_a_reviewed_entry_is_kept(project, tmp_path):
    """The summary's ``kept:`` lines (an entry a reviewer signed off, never overwritten) and the old address kept
    are two things: the import said the first and then stopped with an internal error."""
    import polib

    in_subpath(project)
    german_tea(project)
    project.run("extract")
    po_path = project.root / "translations/en/lindenbluetentee.po"
    po = polib.pofile(str(po_path))
    entry = po.find("Er schmeckt mild.")
    entry.msgstr, entry.flags = "Its taste is mild.", [f for f in entry.flags if f != "fuzzy"]
    po.save()
    english = tree(tmp_path / "hand", {"tea.en.md": '---\ntitle: "Linden blossom tea"\nurl: /praxis/en/linden-tea/\n'
                                                    '---\n' + ENGLISH_TEE}) / "tea.en.md"
    out = project.run("import", "--translation-of", "lindenbluetentee", "--lang", "en", str(english)).output
    assert "kept: translations/en/lindenbluetentee.po: " in out, out
    assert "kept the en translation's old address /praxis/en/linden-tea/" in out


def bilingual_hugo(tmp_path: Path) -> Path:
    """A Hugo site at another host with a German post and its English translation, which keeps an old address
    (``aliases``) outside a sub-path project's path."""
    return tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://alt.example.org/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n",
        "content/posts/ingwer.md": '---\ntitle: "Ingwer bei Übelkeit"\ndate: 2024-06-01\n---\n'
                                   "Ingwer kann bei Übelkeit helfen. Nehmen Sie 1 g pro Tag.\n",
        "content/posts/ingwer.en.md": '---\ntitle: "Ginger for nausea"\ndate: 2024-06-01\naliases:\n'
                                      "  - /old/ginger.html\n---\nGinger can help with nausea. Take 1 g a day.\n",
    })


def test_the_language_map_run_lists_the_translations_old_addresses_outside_the_path_for_the_old_host(
        project, tmp_path):
    """Trial 30, under a path: the second run (with ``--language-map``, the German article imported before) lists
    the en-GB page's old addresses, outside ``/praxis/``, in redirects-old-host.txt with the en-GB page's address,
    and says only what it added there."""
    in_subpath(project, '["en-GB", "en-US"]')
    hugo = bilingual_hugo(tmp_path)
    project.run("import", str(hugo))
    out = project.run("import", str(hugo), "--language-map", "en=en-GB").output
    lines = listed(project)
    assert f"/en/posts/ingwer/  {BASE}en-GB/ingwer-bei-uebelkeit/  301" in lines, lines
    assert f"/old/ginger.html  {BASE}en-GB/ingwer-bei-uebelkeit/  301" in lines, lines
    assert f"  /old/ginger.html  {BASE}en-GB/ingwer-bei-uebelkeit/  301" in out.splitlines(), out
    said = [line for line in out.splitlines() if "outside the new site's path" in line]
    for line in said:  # each count is of the lines it lists as added, not of those the file had already
        added = re.search(r"import: (\d+) old address", line)
        after = out.splitlines()[out.splitlines().index(line) + 1:]
        shown = next((n for n, x in enumerate(after) if not x.startswith("  /")), len(after))
        assert shown == int(added[1]), (line, out)


def test_a_static_file_not_imported_is_named_without_claiming_redirects_txt_has_it(project, tmp_path):
    """Trial 30: the first import into a sub-path project said "redirects.txt has them already:
    /images/tasse.png (not imported…)", though there was no redirects.txt: a file not imported has no new address,
    so it was never to be added there. Now the line says that, and names the file."""
    in_subpath(project)
    hugo = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://alt.example.org/"\n',
        "content/posts/tee.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-01-02\n---\nEr schmeckt mild.\n',
        "static/images/tasse.png": "png",
    })
    out = project.run("import", str(hugo)).output
    assert "has them already" not in out, out
    line = next(line for line in out.splitlines() if "other address" in line)
    assert "has no new address, so redirects.txt does not send it on:" in line, out
    assert "  /images/tasse.png  (not imported: save it into source_de/ if readers need it)" in out.splitlines()


def test_a_translations_old_address_joins_its_articles_lines_before_the_imported_from_comment(project, tmp_path):
    """Redirect leftovers: ``import --translation-of`` into an imported article without ``aliases:`` (its Hugo
    address lay outside ``/praxis/``) wrote the new list after the front matter's last line, the ``# imported from
    …`` comment, which names where the article came from. The list goes with the article's own lines, before it."""
    in_subpath(project)
    hugo = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://alt.example.org/"\n',
        "content/posts/tee.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-01-02\n---\n' + GERMAN_TEE,
    })
    project.run("import", str(hugo))
    assert "aliases" not in project.read("source_de/lindenbluetentee.md")
    english = tree(tmp_path / "hand", {"tea.en.md": '---\ntitle: "Linden blossom tea"\nurl: /praxis/en/linden-tea/\n'
                                                    '---\n' + ENGLISH_TEE}) / "tea.en.md"
    project.run("import", "--translation-of", "lindenbluetentee", "--lang", "en", str(english))
    front = project.read("source_de/lindenbluetentee.md").split("---\n")[1]
    assert front.endswith("aliases:\n- /praxis/en/linden-tea/  # en: the old address of its en translation\n"
                          "# imported from content/posts/tee.md of https://alt.example.org/\n"), front


def test_the_language_map_run_says_the_addresses_outside_the_path_in_one_line(project, tmp_path):
    """Redirect leftovers: the second run (``--language-map``) said "… lie outside the new site's path …" twice, once
    for the site's feeds and lists and once for the translation's own addresses. One line says them all, and lists
    each under it."""
    in_subpath(project, '["en-GB", "en-US"]')
    hugo = bilingual_hugo(tmp_path)
    project.run("import", str(hugo))
    out = project.run("import", str(hugo), "--language-map", "en=en-GB").output.splitlines()
    said = [n for n, line in enumerate(out) if "outside the new site's path" in line]
    assert len(said) == 1, out
    assert "import: 5 old addresses lie outside" in out[said[0]] and "(3 more are there already)" in out[said[0]], out
    assert out[said[0] + 1:said[0] + 6] == [
        f"  /en/index.xml  {BASE}en-GB/feed.xml  301", f"  /en/posts/  {BASE}en-GB/  301",
        f"  /en/posts/index.xml  {BASE}en-GB/feed.xml  301",
        f"  /old/ginger.html  {BASE}en-GB/ingwer-bei-uebelkeit/  301",
        f"  /en/posts/ingwer/  {BASE}en-GB/ingwer-bei-uebelkeit/  301"], out
    again = project.run("import", str(hugo), "--language-map", "en=en-GB").output
    assert again.count("outside the new site's path") == 1 and "redirects-old-host.txt lists them already" in again

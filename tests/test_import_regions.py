"""``verlag import`` of a multilingual Hugo site into a project that translates into regional languages (``en-GB``,
``en-US``): Hugo's ``en`` is the project's language BCP 47 lookup names (fresh-user trial 26)."""

from __future__ import annotations

from conftest import Project
from test_import_sites import tree

GERMAN = "Ingwer kann bei Übelkeit helfen. Nehmen Sie 1 g pro Tag.\n\nSchwangere fragen vorher ihre Ärztin.\n"
ENGLISH = "Ginger can help with nausea. Take 1 g a day.\n\nPregnant women should ask their doctor first.\n"


def site(tmp_path):
    return tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://alt.example.org/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n",
        "content/posts/ingwer.md": f'---\ntitle: "Ingwer bei Übelkeit"\ndate: 2024-06-01\n---\n{GERMAN}',
        "content/posts/ingwer.en.md": f'---\ntitle: "Ginger for nausea"\ndate: 2024-06-01\n---\n{ENGLISH}',
    })


def regional(project: Project, languages: str) -> Project:
    project.write("verlag.toml", f'name = "Test"\nsource_language = "de"\nlanguages = {languages}\n')
    return project


def test_hugos_en_goes_to_the_one_english_the_project_translates_into(project, tmp_path):
    """Trial 26: ``ingwer.en.md`` was skipped with "add en there", which would have made another English edition
    beside en-GB. Where en-GB is the project's one English, Hugo's en is it: catalog, old address, feed."""
    regional(project, '["en-GB", "es"]')
    out = project.run("import", str(site(tmp_path))).output
    assert "add en there" not in out, out
    assert "as the en-GB translation of source_de/ingwer-bei-uebelkeit.md" in out, out
    assert (project.root / "translations/en-GB/ingwer-bei-uebelkeit.po").is_file()
    assert not (project.root / "translations/en").exists()
    assert "- /en/posts/ingwer/  # en-GB: the old address of its en-GB translation" in \
        project.read("source_de/ingwer-bei-uebelkeit.md")
    assert "/en/index.xml  /en-GB/feed.xml  301" in project.read("redirects.txt")


def test_hugos_en_for_two_englishes_is_named_with_the_option_that_chooses_and_that_option_brings_it_in(
        project, tmp_path):
    """With en-GB and en-US the import cannot tell which English the old site's was: it says so and names
    ``--language-map``, never advising to add en; given ``--language-map en=en-US`` it brings the page in there."""
    regional(project, '["en-GB", "en-US"]')
    hugo = site(tmp_path)
    out = project.run("import", str(hugo)).output
    line = next(line for line in out.splitlines() if "ingwer.en.md" in line)
    assert "en-GB and en-US" in line and "--language-map en=en-GB (or en=en-US)" in line, line
    assert "add en" not in out
    assert not (project.root / "translations/en-GB").exists() and not (project.root / "translations/en-US").exists()
    out = project.run("import", str(hugo), "--language-map", "en=en-US").output
    assert "as the en-US translation of source_de/ingwer-bei-uebelkeit.md" in out, out
    assert (project.root / "translations/en-US/ingwer-bei-uebelkeit.po").is_file()


def test_a_language_map_to_a_language_the_project_does_not_list_is_a_usage_error(project, tmp_path):
    regional(project, '["en-GB", "en-US"]')
    out = project.run("import", str(site(tmp_path)), "--language-map", "en=fr", code=2).output
    assert "--language-map 'en=fr': fr is none of languages in verlag.toml (en-GB, en-US)" in out
    assert not (project.root / "source_de/ingwer-bei-uebelkeit.md").exists()


def test_a_wordpress_blogs_english_post_for_two_englishes_is_named_with_the_option_that_chooses(project, tmp_path):
    """Polylang's en matched the project's languages by its primary subtag and went to the first of en-GB and
    en-US without a word; now the import names the option that chooses, and with it the post is that one's."""
    from test_import_wordpress import ENGLISH, GERMAN, HOST, export, polylang, post

    regional(project, '["en-GB", "en-US"]')
    path = export(tmp_path, post("Genug trinken", GERMAN, post_id=102, name="trinken", extra=polylang("de", "pll_1")),
                  post("Drinking enough", ENGLISH, post_id=202, name="drinking-enough",
                       link=f"{HOST}/en/2024/04/drinking-enough/", extra=polylang("en", "pll_1")))
    out = project.run("import", str(path)).output
    assert f"skipped {path}:8: the en translation of {path}:4, which is en-GB and en-US of verlag.toml's languages " \
           "alike: say which one with --language-map en=en-GB (or en=en-US) and import again" in out, out
    assert not (project.root / "translations/en-GB/trinken.po").exists()
    out = project.run("import", str(path), "--language-map", "en=en-US").output
    assert f"import: {path}:8 as the en-US translation of source_de/trinken.md (made by hand)" in out, out
    assert (project.root / "translations/en-US/trinken.po").is_file()


def test_a_wordpress_post_of_another_english_region_is_no_match_and_is_named_with_the_option_that_maps_it(
        project, tmp_path):
    """WPML's en-us went to the project's only English, en-GB, by its primary subtag, although a sibling region is
    never a fallback (``config.language_ranges``: its spelling, dates and legal wording may be wrong there) and the
    Hugo import refuses it. Now it is skipped and named with ``--language-map en-us=en-GB``, and that option
    brings it in as en-GB; Polylang's en is still the project's one English."""
    from test_import_wordpress import ENGLISH, GERMAN, HOST, export, post, wpml

    regional(project, '["en-GB", "es"]')
    path = export(tmp_path, post("Genug trinken", GERMAN, post_id=102, name="trinken", extra=wpml("de", "g1")),
                  post("Drinking enough", ENGLISH, post_id=202, name="drinking-enough",
                       link=f"{HOST}/en-us/2024/04/drinking-enough/", extra=wpml("en-us", "g1")))
    out = project.run("import", str(path)).output
    assert f"skipped {path}:8: the en-us translation of {path}:4, a language not in languages of verlag.toml; " \
           "verlag.toml's en-GB is another region, never taken for en-us (BCP 47 lookup): if en-us is to be en-GB " \
           "here, import again with --language-map en-us=en-GB" in out, out
    assert "as the en-GB translation" not in out and not (project.root / "translations/en-GB/trinken.po").exists()
    out = project.run("import", str(path), "--language-map", "en-us=en-GB").output
    assert f"import: {path}:8 as the en-GB translation of source_de/trinken.md (made by hand)" in out, out
    assert (project.root / "translations/en-GB/trinken.po").is_file()


def test_a_plain_folders_translation_by_file_name_is_named_with_the_project_language_lookup_finds(
        project, tmp_path):
    """A plain folder (no Hugo site) with tee.md and tee.en.md, into a project translating into en-GB and en-US:
    the skipped translation's advice said to add en to verlag.toml (another English edition beside both). en names
    both Englishes alike: the advice names each command that brings it in, never adding en; where en-GB is the one
    English, its command takes en-GB; a sibling region (tee.en-us.md into en-GB alone) names the option too."""
    from test_import_sites import tree

    folder = tree(tmp_path / "notizen", {
        "tee.md": f'---\ntitle: "Ingwer bei Übelkeit"\ndate: 2024-01-10\n---\n{GERMAN}',
        "tee.en.md": f'---\ntitle: "Ginger for nausea"\n---\n{ENGLISH}'})
    regional(project, '["en-GB", "en-US"]')
    out = project.run("import", "--dry-run", str(folder)).output
    assert (f"  skipped {folder / 'tee.en.md'}: a translation (en) of tee.md in Hugo's naming, which is en-GB and "
            "en-US of verlag.toml's languages alike: bring it in with verlag import --translation-of "
            f"ingwer-bei-uebelkeit --lang en-GB {folder / 'tee.en.md'} (or --lang en-US)\n") in out, out
    assert "add it there" not in out and '"en"]' not in out

    regional(project, '["en-GB", "es"]')
    out = project.run("import", "--dry-run", str(folder)).output
    assert (f"  skipped {folder / 'tee.en.md'}: a translation (en) of tee.md in Hugo's naming: bring it in with "
            f"verlag import --translation-of ingwer-bei-uebelkeit --lang en-GB {folder / 'tee.en.md'}\n") in out, out

    (folder / "tee.en.md").rename(folder / "tee.en-us.md")
    out = project.run("import", "--dry-run", str(folder)).output
    line = next(line for line in out.splitlines() if "tee.en-us.md" in line)
    assert 'add it there first (languages = ["en-GB", "es", "en-US"])' in line, line
    assert (f"or, if en-us is to be en-GB here (verlag.toml's en-GB is another region, never taken for en-us), "
            f"bring it in with verlag import --translation-of ingwer-bei-uebelkeit --lang en-GB "
            f"{folder / 'tee.en-us.md'}") in line, line


def test_a_hugo_page_of_another_english_region_names_the_option_that_maps_it(project, tmp_path):
    """Hugo's en-us into a project whose only English is en-GB: no match (a sibling region), left out as before,
    and named now with ``--language-map en-us=en-GB`` beside adding en-us, as a WordPress post of it is; with that
    option it comes in as en-GB."""
    hugo = tree(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://alt.example.org/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\nweight = 1\n[languages.en-us]\nweight = 2\n",
        "content/posts/ingwer.md": f'---\ntitle: "Ingwer bei Übelkeit"\ndate: 2024-06-01\n---\n{GERMAN}',
        "content/posts/ingwer.en-us.md": f'---\ntitle: "Ginger for nausea"\ndate: 2024-06-01\n---\n{ENGLISH}',
    })
    regional(project, '["en-GB", "es"]')
    out = project.run("import", str(hugo)).output
    line = next(line for line in out.splitlines() if "ingwer.en-us.md" in line)
    assert ("add en-us there and import again; verlag.toml's en-GB is another region, never taken for en-us (BCP 47 "
            "lookup): if en-us is to be en-GB here, import again with --language-map en-us=en-GB") in line, line
    assert not (project.root / "translations/en-GB/ingwer-bei-uebelkeit.po").exists()
    out = project.run("import", str(hugo), "--language-map", "en-us=en-GB").output
    assert "as the en-GB translation of source_de/ingwer-bei-uebelkeit.md" in out, out


def test_the_language_map_run_after_the_one_that_named_it_keeps_the_translations_old_addresses(project, tmp_path):
    """Trial 30: README's two steps (import, skipped ingwer.en.md with "--language-map en=en-GB"; import again with
    it) wrote the en-GB catalog but dropped ``/en/posts/ingwer/`` and the page's own alias, unsaid: the German
    article was imported before, not written again, so the translation's addresses went with it. The second run
    adds them to the German article's ``aliases:`` for en-GB, as a single run with the map does, the author's
    edits to that article kept, and says so; a third run adds nothing."""
    regional(project, '["en-GB", "en-US"]')
    hugo = site(tmp_path)
    english = hugo / "content/posts/ingwer.en.md"
    english.write_text(english.read_text().replace("date: 2024-06-01\n", "date: 2024-06-01\naliases:\n"
                                                   "  - /old/ginger.html\n"))
    project.run("import", str(hugo))
    german = project.root / "source_de/ingwer-bei-uebelkeit.md"
    german.write_text(german.read_text().replace("title: Ingwer bei Übelkeit", "title: Ingwer gegen Übelkeit"))
    out = project.run("import", str(hugo), "--language-map", "en=en-GB").output
    text = german.read_text()
    assert "- /en/posts/ingwer/  # en-GB: the old address of its en-GB translation" in text, text
    assert "- /old/ginger.html  # en-GB: the old address of its en-GB translation" in text, text
    assert "title: Ingwer gegen Übelkeit" in text
    assert "kept the en-GB translation's old addresses /old/ginger.html, /en/posts/ingwer/ in the aliases: of " \
           "source_de/ingwer-bei-uebelkeit.md" in out, out
    again = project.run("import", str(hugo), "--language-map", "en=en-GB").output
    assert german.read_text() == text
    assert "kept the en-GB" not in again, again


def test_the_language_map_run_keeps_a_wordpress_translations_permalink_and_shortlink(project, tmp_path):
    """The same two steps for a Polylang export: the second run, whose German post was imported before, adds the
    English post's permalink and shortlink to the German article's ``aliases:`` for en-US, as one run with the map
    writes them."""
    from test_import_wordpress import ENGLISH, GERMAN, HOST, export, polylang, post

    regional(project, '["en-GB", "en-US"]')
    path = export(tmp_path, post("Genug trinken", GERMAN, post_id=102, name="trinken", extra=polylang("de", "pll_1")),
                  post("Drinking enough", ENGLISH, post_id=202, name="drinking-enough",
                       link=f"{HOST}/en/2024/04/drinking-enough/", extra=polylang("en", "pll_1")))
    project.run("import", str(path))
    project.run("import", str(path), "--language-map", "en=en-US")
    text = project.read("source_de/trinken.md")
    assert f"- {HOST}/en/2024/04/drinking-enough/  # en-US: the old address of its en-US translation\n" in text, text
    assert f"- {HOST}/?p=202  # en-US: the old address of its en-US translation\n" in text, text


def test_the_language_map_run_leads_the_wordpress_feeds_the_run_without_it_sent_to_german_to_that_language(
        project, tmp_path):
    """Redirect leftovers: a Polylang export with en-us posts, imported into a project whose English is en-GB, wrote
    ``/en-us/feed/  /de/feed.xml  301`` (en-us is no language of the project); the run with ``--language-map
    en-us=en-GB`` that README names next kept those lines, so the English subscribers' feed stayed German. It
    rewrites the lines that first run wrote, says so once, and leaves an author's own line alone; a third run
    changes nothing."""
    from test_import_wordpress import ENGLISH, GERMAN, HOST, export, polylang, post

    regional(project, '["en-GB", "es"]')
    path = export(tmp_path, post("Genug trinken", GERMAN, post_id=102, name="trinken", extra=polylang("de", "pll_1")),
                  post("Drinking enough", ENGLISH, post_id=202, name="drinking-enough",
                       link=f"{HOST}/en-us/2024/04/drinking-enough/", extra=polylang("en-us", "pll_1")))
    project.run("import", str(path))
    assert "/en-us/feed/  /de/feed.xml  301\n" in project.read("redirects.txt")
    project.write("redirects.txt", project.read("redirects.txt").replace(
        "/en-us/2024/  /de/  301\n", "/en-us/2024/ /de/ 301  # mine: the year's list in German\n"))
    out = project.run("import", str(path), "--language-map", "en-us=en-GB").output
    moved = project.read("redirects.txt")
    for line in ("/en-us/feed/  /en-GB/feed.xml  301", "/en-us/author/kl/  /en-GB/  301",
                 "/en-us/author/kl/feed/  /en-GB/feed.xml  301", "/en-us/2024/04/  /en-GB/  301",
                 "/en-us/2024/ /de/ 301  # mine: the year's list in German", "/feed/  /de/feed.xml  301"):
        assert f"\n{line}\n" in moved, moved
    assert "/en-us/feed/  /de/" not in moved and moved.count("/en-us/feed/") == 1, moved
    said = [line for line in out.splitlines() if "redirects.txt: replaced" in line]
    assert len(said) == 1 and "replaced 4 lines an import without --language-map en-us=en-GB wrote" in said[0], out
    assert "  /en-us/feed/  /en-GB/feed.xml  301  (was /de/feed.xml)" in out.splitlines(), out
    again = project.run("import", str(path), "--language-map", "en-us=en-GB").output
    assert project.read("redirects.txt") == moved and "replaced" not in again, again

"""Languages verlag ships no website words for (cs, ko): a message shown in English is English throughout."""

from __future__ import annotations

import polib
import pytest

from conftest import Project, article, serving

ARTICLE = article("Fußbad", "Ein warmes Fußbad hilft beim Einschlafen.\n", author="Petra Sommer",
                  reviewed_by="Dr. med. Jana Vogt", last_reviewed="2026-11-20", updated="2026-11-18")
DRAFTS = {"cs": {"Fußbad": "Koupel nohou", "Ein warmes Fußbad hilft beim Einschlafen.": "Teplá koupel nohou pomáhá."},
          "ko": {"Fußbad": "족욕", "Ein warmes Fußbad hilft beim Einschlafen.": "따뜻한 족욕은 잠드는 데 도움이 됩니다."}}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("cs-ko"))
    project.write("verlag.toml", 'name = "Praxis"\nsource_language = "de"\nlanguages = ["cs", "ko"]\n'
                                 '[site]\nbase_url = "https://praxis.example/"\nlegal = []\n')
    project.write("source_de/fussbad.md", ARTICLE)
    project.run("extract")
    for lang, texts in DRAFTS.items():
        path = project.root / f"translations/{lang}/fussbad.po"
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr, entry.flags = texts[entry.msgid], []
        po.save(str(path))
    build = project.run("build").output
    for url in serving(project.root):
        yield build, url


@pytest.mark.parametrize("lang", ["cs", "ko"])
def test_a_message_shown_in_english_says_its_language_names_dates_and_minutes_in_english(browser, served, lang):
    """"the original in němčina", "reading time 1 minuta": the values of an English sentence are English
    too (CLDR's English language name and plural, English dates), inside the sentence's lang="en"."""
    _, base = served
    browser.get(f"{base}/{lang}/fussbad/")
    said = browser.execute_script(
        "const t = s => document.querySelector(s).innerText;"
        "const en = s => [...document.querySelectorAll(s + ' [lang=en]')].map(e => e.innerText).join('|');"
        "return {meta: t('.meta'), meta_en: en('.meta'), reviewed: t('.reviewed'), reviewed_en: en('.reviewed')}")
    assert "reading time 1\u00a0minute · updated on November\u00a018, 2026" in said["meta"]
    assert "reading time 1\u00a0minute" in said["meta_en"] and "November\u00a018, 2026" in said["meta_en"]
    assert said["reviewed"] == ("Medical review of the original in German by Dr. med. Jana Vogt · "
                                "last reviewed on November\u00a020, 2026")
    assert "the original in German" in said["reviewed_en"] and "November\u00a020, 2026" in said["reviewed_en"]
    assert browser.find_element("css selector", "html").get_attribute("lang") == lang


def test_the_build_says_plainly_which_languages_have_no_website_words_and_how_to_add_them(served):
    build, _ = served
    for lang, name in (("cs", "Czech"), ("ko", "Korean")):
        assert (f"note: verlag ships no website words (menus, notices, the reading time's wording) in {lang} ({name})"
                f": their pages show them in English, marked lang=\"en\", until you translate the msgstr lines of "
                f"translations/{lang}/site.po") in build


def test_init_names_the_languages_without_website_words(tmp_path):
    out = Project(tmp_path / "blog").run("init", "--languages", "cs,fr,ko,en").output
    assert "verlag ships no website words (menus, notices, the reading time's wording) in cs (Czech), ko (Korean)" \
           in out and "translations/cs/site.po and translations/ko/site.po" in out
    assert "no website words" not in Project(tmp_path / "b2").run("init", "--languages", "en,fr").output

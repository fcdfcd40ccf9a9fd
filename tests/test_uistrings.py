"""The default theme's messages, as a project without templates of its own gets them."""

from __future__ import annotations

import re
import subprocess

import polib
import pytest
from lxml import etree, html

from pipeline.uistrings import DEFAULT_THEME, _shipped_messages, template_messages

from conftest import article, msgfmt_check, review


def _fields(entries) -> list[tuple]:
    return [(e.msgid, e.msgid_plural, [tuple(o) for o in e.occurrences], e.flags) for e in entries]


def test_the_shipped_german_site_catalog_holds_exactly_the_default_themes_messages():
    """A project without its own templates takes the theme's messages from verlag's German site.po instead
    of extracting them with Babel on every cold extract: after a change to a template or to a ui() call in
    site.py, `verlag extract` in this repository must have brought that catalog up to date."""
    shipped = _shipped_messages()
    assert shipped is not None and len(shipped) > 30
    assert _fields(shipped) == _fields(template_messages(DEFAULT_THEME))


def test_a_project_without_templates_gets_the_same_site_catalogs_either_way(project, monkeypatch):
    import pipeline.uistrings as uistrings

    def no_extraction(*dirs):
        raise AssertionError(f"Babel extraction of {dirs} in a project without templates of its own")

    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\n---\nTee wärmt.\n")
    with monkeypatch.context() as patched:
        patched.setattr(uistrings, "template_messages", no_extraction)
        project.run("extract")
    fast = {lang: project.read(f"translations/{lang}/site.po") for lang in ("de", "en", "fr")}
    monkeypatch.setattr(uistrings, "_shipped_messages", lambda own=None: None)
    for lang in ("de", "en", "fr"):
        (project.root / f"translations/{lang}/site.po").unlink()
    (project.root / ".verlag" / uistrings.MESSAGES_FILE).unlink()
    project.run("extract")
    assert {lang: project.read(f"translations/{lang}/site.po") for lang in ("de", "en", "fr")} == fast


def test_website_words_shown_in_english_are_marked_so_and_the_build_names_them(project):
    """A language without verlag's translations of the theme (sv) and a French site.po message that check holds
    back (markup: [ui-markup]) show the English text: each such text is marked lang="en" (SITE.md 2, language
    of parts), and so is a value that a sentence shown in English says in English (the reading time), never the
    author's name; where no element may go (attributes, <title>, feeds) it is plain; the build names them per
    language, and says plainly that verlag ships no Swedish words, once until site.po changes (check on every
    run)."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["sv", "fr"]\n'
                  '[publish]\nmin_translated = 0\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n", author="Anna Berger"))
    project.run("extract")
    review(project, "sv", "leber", {("title", "Leber"): "Levern", "Die Leber arbeitet nachts.": "Levern arbetar."})
    review(project, "fr", "leber", {("title", "Leber"): "Foie", "Die Leber arbeitet nachts.": "Le foie travaille."})
    site_po = project.root / "translations/fr/site.po"
    po = polib.pofile(str(site_po))
    po.find("by %(author)s").msgstr = "par <b>%(author)s</b>"
    po.save(str(site_po))
    msgfmt_check(site_po)  # a valid catalog: verlag's check holds back its markup
    swedish_note = ("note: verlag ships no website words (menus, notices, the reading time's wording) in sv "
                    "(Swedish): their pages show them in English, marked lang=\"en\", until you translate the "
                    "msgstr lines of translations/sv/site.po (verlag extract writes them)")
    french_note = ('note: fr: 1 website message shown in English, marked lang="en" (untranslated or fuzzy in '
                   'translations/fr/site.po, or held back by verlag check): "by %(author)s"')
    said = [line for line in project.run("build").output.splitlines() if "website" in line]
    assert said == [french_note, swedish_note] or said == [swedish_note, french_note]
    assert not [line for line in project.run("build").output.splitlines() if "website" in line]  # said once
    checked = project.run("check", code=1).output.splitlines()
    assert french_note in checked and swedish_note in checked
    search, french_search = po.find("Search"), po.find("Search").msgstr
    search.msgstr = ""  # another message shown in English: said again
    po.save(str(site_po))
    said = [line for line in project.run("build").output.splitlines() if "website" in line]
    assert said == [french_note.replace("1 website message", "2 website messages")
                    .replace('"by %(author)s"', '"Search", "by %(author)s"')], said
    search.msgstr = french_search
    po.save(str(site_po))
    assert [line for line in project.run("build").output.splitlines() if "website" in line] == [french_note]
    swedish = html.fromstring(project.read("site/sv/leber/index.html"))
    assert swedish.xpath('//a[@class="skip"]/span[@lang="en"]/text()') == ["Skip to the content"]
    meta = swedish.xpath('//p[@class="meta"]/span')[0]
    assert meta.xpath('span[@lang="en"]/text()') == ["reading time 1\u00a0minute"]  # nobreak: number and unit
    assert swedish.xpath('//p[@class="author"]/span[@lang="en"]/text()') == ["by "]
    french = html.fromstring(project.read("site/fr/leber/index.html"))
    assert [span.text_content() for span in french.xpath('//*[@lang="en"]')] == ["by "]
    assert french.xpath('//p[@class="author"]')[0].text_content() == "by Anna Berger"
    for path in (project.root / "site").rglob("*"):
        if path.suffix in (".html", ".xml", ".js", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert not re.search("[\ue040-\ue046]", text), path
            assert "<span" not in "".join(re.findall(r"<title>.*?</title>", text, re.S)), path
    feed = etree.parse(str(project.root / "site/sv/feed.xml"))  # well-formed, its title plain text
    assert feed.findtext("{http://www.w3.org/2005/Atom}title") == "Test: new articles"


SHIPPED = ("de", "en", "fr", "es", "it", "pt", "pt-PT", "nl", "ro", "tr", "uk", "ru", "pl", "ar", "fa", "ja", "zh",
           "zh-Hant")


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_shipped_site_catalog_is_complete_and_passes_msgfmt_and_verlag_check(lang):
    """verlag's own website words for a language: every message of the default theme translated (no English
    shown), every plural form the language's Plural-Forms asks for, GNU msgfmt --check accepts the catalog and
    verlag check finds nothing in it (no error, no warning: "Última revisión: %(date)s" ends with the date, not
    with the colon). A catalog verlag's maintainers wrote says in its header that no native speaker reviewed it."""
    from pipeline.catalog import plural_forms
    from pipeline.check import check_site_catalog
    from pipeline.uistrings import _builtin_po

    path = _builtin_po(lang)
    msgfmt_check(path)
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == lang and po.metadata["Plural-Forms"] == plural_forms(lang)
    forms = int(re.search(r"nplurals=(\d+)", plural_forms(lang)).group(1))
    assert _fields([e for e in po if not e.obsolete]) == _fields(template_messages(DEFAULT_THEME))
    for entry in po:
        assert not entry.fuzzy, entry.msgid
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(forms)) and all(entry.msgstr_plural.values())
        else:
            assert entry.msgstr, entry.msgid
    assert [str(f) for f in check_site_catalog(po, f"translations/{lang}/site.po", lang)] == []
    if lang not in ("de", "en", "fr"):
        assert "NOT reviewed by a native speaker" in po.header
        assert "unreviewed" in po.metadata["Last-Translator"]


@pytest.mark.parametrize("lang, shipped", [
    ("pt-BR", "pt"), ("pt-PT", "pt-PT"), ("pt-AO", "pt-PT"), ("pt-MZ", "pt-PT"), ("zh-Hant", "zh-Hant"),
    ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-MO", "zh-Hant"), ("zh-CN", "zh"), ("zh-SG", "zh"),
    ("zh-Hans", "zh"), ("zh", "zh"), ("ja-JP", "ja"),
    ("es-MX", "es"), ("sr-Latn", "sr-Latn"), ("cs", "cs")])
def test_a_regional_or_script_tag_gets_verlags_words_of_its_nearest_cldr_parent(lang, shipped):
    """BCP 47 tags verlag ships no catalog of their own for take the nearest CLDR parent locale it ships
    (pt-BR is CLDR's pt, written in Brazilian Portuguese; pt-AO's parent is pt-PT, European; zh-TW is
    zh-Hant-TW, whose parent is zh-Hant; es-MX's is es-419, then es), never zh-Hans for a Traditional
    tag (CLDR: zh-Hant's parent is root), and English only where no parent is shipped (cs, sr-Latn)."""
    from pipeline.uistrings import shipped_language, unshipped

    assert shipped_language(lang) == shipped
    assert unshipped([lang]) == ([lang] if shipped == lang and lang in ("cs", "sr-Latn") else [])


def test_a_site_in_pt_br_and_chinese_variants_shows_verlags_nearest_words_not_english(project):
    """pt-BR shows verlag's Brazilian Portuguese website words ("Pular", where pt-PT's say "Saltar"), zh-TW
    and zh-Hant the Traditional Chinese ones, zh-CN the Simplified ones: extract makes each project site.po from
    that catalog (its header still saying no native speaker reviewed it) and the build names no language whose
    words are English. pt-BR's Plural-Forms (0 is singular, GNU's n > 1) differ from those of verlag's pt
    catalog (n != 1): its plural message takes each form's text under pt-BR's rule, unwarned and signed off
    (the first extract warned that the n = 0 text changed, and left it fuzzy: the pages showed it in English,
    though the project had said nothing in pt-BR before)."""
    langs = {"pt-BR": "Pular para o conteúdo", "pt-PT": "Saltar para o conteúdo", "zh-TW": "跳至內文",
             "zh-Hant": "跳至內文", "zh-CN": "跳到正文", "ja": "本文へスキップ"}
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["pt-BR", "pt-PT", "zh-TW", '
                  '"zh-Hant", "zh-CN", "ja"]\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    assert "warning" not in project.run("extract").output
    counts = next(e for e in polib.pofile(str(project.root / "translations/pt-BR/site.po")) if e.msgid_plural)
    assert counts.msgstr_plural == {0: "%(count)s artigo", 1: "%(count)s artigos"} and not counts.fuzzy
    for lang in langs:
        review(project, lang, "leber", {("title", "Leber"): "X", "Die Leber arbeitet nachts.": "Y."})
        site_po = project.root / f"translations/{lang}/site.po"
        msgfmt_check(site_po)
        po = polib.pofile(str(site_po))
        assert "NOT reviewed by a native speaker" in po.header and po.metadata["Language"] == lang
    output = project.run("build").output
    assert "website" not in output and "warning" not in output, output
    for lang, skip in langs.items():
        page = html.fromstring(project.read(f"site/{lang}/leber/index.html"))
        assert page.xpath('//a[@class="skip"]')[0].text_content() == skip, lang
        assert not page.xpath('//*[@lang="en"]'), lang


def test_traditional_chinese_never_falls_back_to_simplified(tmp_path, monkeypatch):
    """With only a Simplified Chinese catalog (``zh``) shipped, zh-TW and zh-Hant get none (English, said by
    build), not Simplified words: CLDR makes root, not zh, the parent of zh-Hant."""
    import pipeline.uistrings as uistrings

    (tmp_path / "zh").mkdir()
    monkeypatch.setattr(uistrings, "BUILTIN_TRANSLATIONS", tmp_path)
    uistrings.shipped_language.cache_clear()
    try:
        assert [uistrings.shipped_language(t) for t in ("zh-TW", "zh-Hant", "zh-CN", "zh-Hans")] == [
            "zh-TW", "zh-Hant", "zh", "zh"]
    finally:
        uistrings.shipped_language.cache_clear()


def test_verlag_s_words_for_an_untranslated_plural_keep_their_own_forms_in_a_catalog_with_other_forms(project):
    """A tool saved the project's pt-BR site.po with the forms 0 / 1 / more and the count message empty: verlag's
    Portuguese words fill it, each form from the form of verlag's pt catalog that means its numbers (they were
    read as if written in the project's three forms, so msgstr[0], said for 1, got pt's plural: "1 artigos")."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["pt-BR"]\n')
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    path = project.root / "translations/pt-BR/site.po"
    po = polib.pofile(str(path))
    po.metadata["Plural-Forms"] = "nplurals=3; plural=(n==0 ? 0 : n==1 ? 1 : 2);"
    counts = next(e for e in po if e.msgid_plural)
    counts.msgstr_plural = {0: "", 1: "", 2: ""}
    po.save(str(path))
    assert "warning" not in project.run("extract").output
    msgfmt_check(path)
    counts = next(e for e in polib.pofile(str(path)) if e.msgid_plural)
    assert counts.msgstr_plural == {0: "%(count)s artigo", 1: "%(count)s artigos"} and not counts.fuzzy


def test_arabic_names_one_and_two_articles_by_the_noun_alone():
    """Arabic's singular and dual carry their number in the noun ("مقالة واحدة", "مقالتان"); "2 مقالتان" said two
    twice. GNU gettext lets a form used for one n only leave out the number (msgfmt --check accepts it)."""
    from pipeline.uistrings import _as_translations, _builtin_po

    po = polib.pofile(str(_builtin_po("ar")))
    translations = _as_translations(po, "translations/ar/site.po", "ar")
    said = {n: translations.ngettext("%(count)s article", "%(count)s articles", n) % {"count": n}
            for n in (1, 2, 3, 11, 100)}
    assert said == {1: "مقالة واحدة", 2: "مقالتان", 3: "3 مقالات", 11: "11 مقالة", 100: "100 مقالة"}


@pytest.mark.parametrize("lang, forms, flagged, refused", [
    ("ar", ["لا مقالات", "مقالة واحدة", "مقالتان", "%(count)s مقالات", "%(count)s مقالة", "%(count)s مقالة"], False, []),
    ("ar", ["لا مقالات", "مقالة واحدة", "مقالتان", "مقالات", "%(count)s مقالة", "%(count)s مقالة"], True, [3]),
    ("fr", ["un article", "%(count)s articles"], True, []),  # French's first form serves 0 and 1
    ("en", ["one article", "%(count)s articles"], False, []),
    ("ja", ["記事"], True, [0]),
])
def test_a_plural_form_may_leave_out_the_number_only_where_it_serves_one_count(tmp_path, lang, forms, flagged,
                                                                              refused):
    """A site.po's form that serves several counts without %(count)s showed readers "مقالات" for 3 to 10 articles
    while check found nothing. GNU msgfmt --check refuses such a form only where it serves five counts or more
    (its OFTEN), so a French "un article" for 0 and 1 passes it; verlag's check refuses it too."""
    from pipeline.catalog import plural_forms
    from pipeline.check import check_site_catalog

    body = "".join(f'msgstr[{n}] "{form}"\n' for n, form in enumerate(forms))
    path = tmp_path / "site.po"
    path.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n'
                    f'"Plural-Forms: {plural_forms(lang)}\\n"\n\n#, python-format\nmsgid "%(count)s article"\n'
                    f'msgid_plural "%(count)s articles"\n{body}', encoding="utf-8")
    found = [str(f) for f in check_site_catalog(polib.pofile(str(path)), "site.po", lang, path.read_text())]
    said = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert found == (["error: site.po:8: placeholder missing: %(count)s [placeholder]"] if flagged else [])
    assert [int(n) for n in re.findall(r"msgstr\[(\d)\]", said.stderr)] == refused

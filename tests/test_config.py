"""verlag.toml answers back: unknown settings are errors at their line with a suggestion."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from babel import Locale, UnknownLocaleError

from conftest import REPO, Project, article
from pipeline.config import DEPRECATED_LANGUAGES, KNOWN_SETTINGS, canonical_case, check_language
from pipeline.errors import VerlagError

README = Path(__file__).resolve().parent.parent / "README.md"
BASE = """\
name = "Praxis"
languages = ["en", "fr"]
author = "Anna Berger"

[publish]
unreviewed = "source"
min_translated = 80

[publish.fr]
min_reviewed = 10

[site]
base_url = "https://example.org/"
"""


@pytest.mark.parametrize("typo, line, message", [
    (("languages = [", "languges = ["), 2, "languges: unknown setting; did you mean 'languages'?"),
    (("[publish]", "[publsh]"), 5, "publsh: unknown setting; did you mean 'publish'?"),
    (("min_translated", "min_translatd"), 7,
     "min_translatd: unknown setting in [publish]; did you mean 'min_translated'?"),
    (("min_reviewed", "min_reviewd"), 10, "min_reviewd: unknown setting in [publish.fr]; did you mean 'min_reviewed'?"),
    (("base_url", "baseurl"), 13, "baseurl: unknown setting in [site]; did you mean 'base_url'?"),
    (("[publish.fr]", "[publish.es]"), 9,
     "es: unknown setting in [publish] (known: unreviewed, min_reviewed, min_translated, en, fr)"),
])
def test_a_typo_in_verlag_toml_is_an_error_at_its_line_with_a_suggestion(project: Project, typo, line, message):
    project.write("verlag.toml", BASE.replace(*typo))
    before = project.snapshot()
    result = project.run("status", code=2)
    assert result.output.strip() == f"error: {project.root / 'verlag.toml'}:{line}: {message}"
    assert project.snapshot() == before


@pytest.mark.parametrize("text, message", [
    ("", "sets nothing (empty, or comments only): the project's settings are gone; bring them back (git restore "
         "verlag.toml, or a backup) before verlag writes anything"),
    ("# nur ein Kommentar\n", "sets nothing (empty, or comments only): the project's settings are gone; bring them "
                              "back (git restore verlag.toml, or a backup) before verlag writes anything"),
    ('name = "Praxis"\n[site]\nbase_url = "https://praxis.example/"\n',
     'languages: not set: write the languages the articles are translated into, such as languages = ["en", "fr"] '
     '(BCP 47 tags)'),
])
def test_an_emptied_verlag_toml_or_one_without_languages_is_an_error_and_the_site_is_left_as_it_was(
        project: Project, text, message):
    """Fresh-user trial 24: an emptied verlag.toml (or one without languages) was a valid project of defaults: the
    build removed every translated page but English's and the legal pages' footer links, exit 0. It is an error at
    line 1 now, exit 2, and nothing is written."""
    project.write("verlag.toml", BASE)
    project.write("source_de/a.md", article("A", "Ein Satz.\n"))
    project.run("build")
    project.write("verlag.toml", text)
    before = project.snapshot()
    for command in ("build", "extract", "status"):
        result = project.run(command, code=2)
        assert result.output.strip() == f"error: {project.root / 'verlag.toml'}:1: {message}"
    assert project.snapshot() == before


def test_a_verlag_toml_in_utf_16_is_an_error_that_says_to_save_it_as_utf_8(project: Project):
    project.root.joinpath("verlag.toml").write_text(BASE, encoding="utf-16")
    result = project.run("status", code=2)
    assert result.output.strip() == (f"error: {project.root / 'verlag.toml'}: saved as UTF-16 (its first bytes, FF "
                                     "FE, are UTF-16's byte order mark: Notepad's and Word's 'Unicode'): save it "
                                     "as UTF-8 (in Notepad: Save as, Encoding UTF-8)")


def test_the_settings_without_a_typo_are_accepted(project: Project):
    project.write("verlag.toml", BASE)
    project.run("status")


def test_a_verlag_toml_saved_with_a_byte_order_mark_is_read(project: Project):
    """Fresh-user trial t2: Notepad's UTF-8 byte order mark gave "verlag.toml:1: invalid TOML: Invalid statement";
    sources and catalogs with one are read, so is the settings file, and a mistake in it keeps its line."""
    (project.root / "verlag.toml").write_bytes(b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode("utf-8"))
    project.write("source_de/a.md", article("Ingwer", "Ingwer hilft.\n"))
    project.run("extract", "-q")
    assert (project.root / "translations/fr/a.po").is_file()
    (project.root / "verlag.toml").write_bytes(b"\xef\xbb\xbf" + BASE.replace("languages", "languges").encode())
    result = project.run("status", code=2)
    assert result.output.strip() == (f"error: {project.root / 'verlag.toml'}:2: languges: unknown setting; "
                                     "did you mean 'languages'?")


def test_every_setting_the_readme_documents_is_known_and_every_known_one_documented():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Configuration: `verlag.toml`"):]
    example = tomllib.loads(re.search(r"```toml\n(.*?)```", section, re.S).group(1))
    documented: dict[str, set[str]] = {"": set(example)}
    for table, values in example.items():
        if isinstance(values, dict) and table != "engines":
            # [publish.<lang>] repeats [publish]'s settings per language; [site.disclaimer] and the other
            # [site.*] tables are settings of their own (texts per language, checked by practice.py)
            per_language = table == "publish"
            documented[table] = {k for k, v in values.items() if not (per_language and isinstance(v, dict))}
            for inner in (v for v in values.values() if per_language and isinstance(v, dict)):
                assert set(inner) <= set(KNOWN_SETTINGS[table]), f"[{table}.*] documents an unknown setting"
    assert documented == {table: set(keys) for table, keys in KNOWN_SETTINGS.items()}


TAGS = ["en", "fr", "de", "pt-BR", "pt_BR", "zh-Hant", "zh-Hant-TW", "es-419", "sr-Latn", "de-CH", "gsw", "fil",
        "EN", "en-us", "zh-TW", "iw", "in", "mo", "iw-IL", "no", "xx", "xx-Quatsch", "en-ZZ", "qaa", "d", "en--US", "en_US_POSIX", "C",
        "../en", "en.dat", "de-1996", "zh_Hans_CN", "en.UTF-8", "de@euro", "fr.x/../../y"]


@pytest.mark.parametrize("tag", TAGS)
def test_a_language_tag_is_accepted_exactly_when_babel_parses_it(tag):
    """``check_language`` skips Babel for a tag whose CLDR data Babel ships; its verdict stays Babel's, for a tag of
    letters and digits between ``-`` or ``_``: Babel reads ``en.UTF-8`` and ``de@euro`` as POSIX locales. A tag
    Babel knows in another case than BCP 47's (``EN``, ``en-us``) or with ``_`` (``pt_BR``) is refused, naming the
    spelling to use."""
    try:
        Locale.parse(tag.replace("-", "_"))
        babel_knows = True
    except (ValueError, UnknownLocaleError):
        babel_knows = False
    known = babel_knows and re.fullmatch(r"[A-Za-z0-9_-]+", tag) is not None
    deprecated = known and re.split("[-_]", tag)[0].lower() in DEPRECATED_LANGUAGES  # trial 24: "iw" for Hebrew
    try:
        assert check_language(tag, None, "", "languages") == tag
        accepted = True
    except VerlagError as exc:
        canonical = canonical_case(tag)
        assert (f"is a deprecated language code (IANA's registry replaced it): did you mean "
                f"'{DEPRECATED_LANGUAGES[re.split('[-_]', tag)[0].lower()]}" if deprecated
                else f"did you mean {canonical_case(tag.replace('_', '-'))!r}" if known and "_" in tag
                else f"write {tag!r} as {canonical!r}" if known and canonical != tag
                else f"unknown language code {tag!r}") in str(exc)
        accepted = False
    assert accepted == (known and not deprecated and canonical_case(tag) == tag and "_" not in tag)


@pytest.mark.parametrize("tag, canonical", [("EN", "en"), ("en-us", "en-US"), ("EN-us", "en-US"), ("zh-hant-tw",
                         "zh-Hant-TW"), ("SR-LATN", "sr-Latn"), ("pt_br", "pt_BR"), ("es-419", "es-419"),
                         ("de-1996", "de-1996"), ("en_US_POSIX", "en_US_POSIX"), ("de-ch", "de-CH")])
def test_a_language_tag_is_put_in_bcp_47_case(tag, canonical):
    assert canonical_case(tag) == canonical


def test_a_language_in_another_case_than_bcp_47s_is_refused_with_the_spelling_to_use(project: Project):
    """Fresh-user trial t2: languages = ["en", "EN-us"] was taken and made translations/EN-us/, a folder, an
    address and an hreflang none of which is the tag's BCP 47 spelling; en-us and en-US would be two languages."""
    project.write("verlag.toml", 'name = "T"\nlanguages = ["en", "EN-us"]\n')
    project.write("source_de/a.md", article("Ingwer", "Ingwer hilft.\n"))
    before = project.snapshot()
    result = project.run("extract", code=2)
    assert result.output.strip() == (f"error: {project.root / 'verlag.toml'}:2: languages: write 'EN-us' as "
                                     "'en-US' (BCP 47's case: the language in lower case, a region in capitals, a "
                                     "script capitalised): the code names the folders translations/en-US/ and the "
                                     "site's addresses")
    assert project.snapshot() == before
    project.write("verlag.toml", 'name = "T"\nlanguages = ["en", "en-US"]\n')
    project.run("extract", "-q")
    assert (project.root / "translations/en-US/a.po").is_file()


def test_a_language_written_with_an_underscore_is_refused_with_its_bcp_47_tag(project: Project):
    """Fresh-user trial: languages = ["en_US"] was taken and made translations/en_US/, <html lang="en_US"> and
    hreflang="en_US": a POSIX locale's spelling, no BCP 47 tag."""
    project.write("verlag.toml", 'name = "T"\nlanguages = [\n  "en_US",\n]\n')
    project.write("source_de/a.md", article("Ingwer", "Ingwer hilft.\n"))
    before = project.snapshot()
    result = project.run("build", code=2)
    assert result.output.strip() == (f"error: {project.root / 'verlag.toml'}:2: languages: 'en_US' is no BCP 47 "
                                     "language tag (its subtags are joined by '-', not '_'): did you mean 'en-US'? "
                                     "The code names the folders translations/en-US/, the pages' lang and hreflang")
    assert project.snapshot() == before


def test_a_language_listed_twice_is_refused(project: Project):
    """languages = ["en", "fr", "en"] was taken without a word: one folder and one set of pages for two entries."""
    project.write("verlag.toml", 'name = "T"\nlanguages = ["en", "fr", "en"]\n')
    project.write("source_de/a.md", article("Ingwer", "Ingwer hilft.\n"))
    before = project.snapshot()
    result = project.run("extract", code=2)
    assert result.output.strip() == (f"error: {project.root / 'verlag.toml'}:2: languages: 'en' is listed twice: "
                                     "list each language once")
    assert project.snapshot() == before

def test_loading_a_config_of_cldr_languages_does_not_import_babel(tmp_path):
    """Babel (7 ms to import) is left to the stages that format dates or read plural rules: a no-op run
    never needs it."""
    project = Project(tmp_path)
    project.write("verlag.toml", 'name = "T"\nsource_language = "de"\nlanguages = ["en", "pt-BR", "zh-Hant"]\n')
    code = (f"import sys\nfrom pathlib import Path\nfrom pipeline.config import load_config\n"
            f"print(load_config(Path({str(tmp_path)!r})).languages, 'babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert out.strip() == "('en', 'pt-BR', 'zh-Hant') False"


@pytest.mark.parametrize("change", [
    ("[site]\n", '[site]\ntranslator = "Mark Lewis"\n'),
    ("[site]\n", '[site.translator]\nde = "Anna Berger"\n\n[site]\n'),
    ("[site]\n", '[site.translator]\nen = 5\n\n[site]\n'),
    ("https://example.org/", "example.org"),
    ("[site]\n", "[site]\nfeed_entries = 0\n"),
    ("[site]\n", '[site]\nsearch = "yes"\n'),
    ("[site]\n", "[site]\nauthor = 5\n"),
    ("[site]\n", '[site]\nimage = "bilder/fehlt.png"\n'),
    ("[site]\n", '[site]\nlegal = ["impressum"]\n'),
    ("[site]\n", '[site.disclaimer]\nes = "Nur zur Information"\n\n[site]\n'),
    ("[site]\n", '[site.call_to_action]\nlink = "example.org/termin"\n\n[site]\n'),
    ("min_reviewed = 10", "min_reviewed = 200"),
    ("[site]\n", '[site]\ngone = "alter-beitrag"\n'),
])
def test_check_reports_every_settings_mistake_build_stops_at(project: Project, change):
    """``verlag check`` is the author's look before a build: a mistake in verlag.toml the build stops at is
    named by check too, at the same file and line, exit 2, nothing written."""
    project.write("verlag.toml", BASE.replace(*change, 1))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet still.\n"))
    before = project.snapshot()
    checked = project.run("check", code=2)
    assert project.snapshot() == before
    built = project.run("build", code=2)
    setting = f"error: {project.root / 'verlag.toml'}:"
    mistakes = [line for line in built.output.splitlines() if line.startswith(setting)]
    assert mistakes, built.output
    for line in mistakes:
        assert line in checked.output.splitlines(), checked.output


def test_check_names_every_site_mistake_at_its_own_line(project: Project):
    """An author who fixes verlag.toml after one ``check`` must see every mistake of ``[site]`` and its tables,
    not the first one only, each at the line that sets it."""
    project.write("verlag.toml", BASE.replace("[site]\n", '[site.translator]\nde = "A"\nen = 5\n\n'
                                              '[site.call_to_action]\nlink = "example.org/termin"\n\n[site]\n')
                  .replace('base_url = "https://example.org/"', 'base_url = "example.org"\nfeed_entries = 0\n'
                           'search = "yes"\nauthor = 5\ngerman_html = "weg"\nimage = "bilder/fehlt.png"'))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet still.\n"))
    toml = project.root / "verlag.toml"
    found = sorted(int(line.split(":")[2]) for line in project.run("check", code=2).output.splitlines()
                   if line.startswith(f"error: {toml}:"))
    lines = toml.read_text().splitlines()
    expected = [lines.index(text) + 1 for text in ('de = "A"', "en = 5", 'link = "example.org/termin"',
                                                    'base_url = "example.org"', "feed_entries = 0", 'search = "yes"',
                                                    "author = 5", 'german_html = "weg"', 'image = "bilder/fehlt.png"')]
    assert found == sorted(expected)


def test_a_wrong_unreviewed_of_one_language_is_named_at_its_own_line(project: Project):
    """``[publish.fr] unreviewed = "maschine"`` is a mistake in [publish.fr], not at [publish]'s own setting."""
    project.write("verlag.toml", BASE.replace("min_reviewed = 10", 'min_reviewed = 10\nunreviewed = "maschine"'))
    result = project.run("status", code=2)
    assert result.output.strip() == (f"error: {project.root / 'verlag.toml'}:11: unreviewed: expected one of "
                                     "source, machine, got 'maschine'")


@pytest.mark.parametrize("tag, ranges", [
    ("en-GB", ["en-GB", "en"]),
    ("zh-Hant-TW", ["zh-Hant-TW", "zh-Hant", "zh"]),
    ("en", ["en"]),
    # RFC 4647 3.4's example: a singleton ("x") goes with the subtag after it
    ("zh-Hant-CN-x-private1-private2", ["zh-Hant-CN-x-private1-private2", "zh-Hant-CN-x-private1", "zh-Hant-CN",
                                        "zh-Hant", "zh"]),
])
def test_a_per_language_setting_is_looked_up_as_bcp_47_lookup_does(tag, ranges):
    from pipeline.config import language_ranges, lookup

    assert language_ranges(tag) == ranges
    assert lookup({"en-US": 1, "zh": 2, "en": 3}, tag) == {"en": "en", "zh": "zh"}.get(ranges[-1])
    assert lookup({"en-GB": 1, "en": 2}, "en-GB") == "en-GB"  # a value for the language itself wins


REGIONS = """\
name = "Praxis"
languages = ["en-US", "en-GB", "pt-BR"]

[publish]
unreviewed = "source"

[publish.en]
unreviewed = "machine"
min_reviewed = 20

[publish.en-GB]
min_reviewed = 50

[site]
base_url = "https://example.org/"

[site.disclaimer]
de = "Kein Ersatz für den Arzt."
en = "No substitute for a doctor."
pt = "Não substitui o médico."

[site.image_alt]
en = "The waiting room"

[site.translator]
en = "Mark Lewis"

[site.call_to_action]
en-US = "Book a visit?"
"""


def test_a_languages_primary_subtag_is_a_key_of_every_per_language_table(project: Project):
    """Fresh-user trial 24: with languages en-US, en-GB and pt-BR, one ``en = "…"`` line serving both Englishes
    was refused (``en: expected a language of this project``). A key that is a fallback of a configured language
    (BCP 47 lookup) is accepted in [publish.<lang>] and the [site] tables; [publish] settings are looked up one by
    one (en-GB's own min_reviewed, en's unreviewed)."""
    from pipeline.config import load_config
    from pipeline.practice import load_practice, translator_names
    from pipeline.site import load_settings

    project.write("verlag.toml", REGIONS)
    config = load_config(project.root)
    assert [config.unreviewed_for(lang) for lang in config.languages] == ["machine", "machine", "source"]
    limits = load_settings(config).min_reviewed
    assert (limits["en-US"], limits["en-GB"], limits["pt-BR"]) == (20, 50, 0)
    practice = load_practice(config)
    assert practice.disclaimer.get("en-GB") == ("No substitute for a doctor.", "en-GB")
    assert practice.disclaimer.get("pt-BR") == ("Não substitui o médico.", "pt-BR")
    assert practice.call_to_action.get("en-GB") is None  # a sibling's (en-US) is not lent; no German either
    assert translator_names(config) == {"en-US": "Mark Lewis", "en-GB": "Mark Lewis"}
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet still.\n"))
    project.run("extract")
    assert "expected" not in project.run("check").output


@pytest.mark.parametrize("change, message", [
    (('pt = "Não', 'es = "No'), "es: expected a language of this project (de, en-US, en-GB, pt-BR)"),
    (('en = "The waiting', 'en-AU = "The waiting'), "en-AU: expected a language of this project (de, en-US, en-GB, pt-BR)"),
    (('en = "Mark', 'de = "Mark'), "de: expected a translation language of this project (en-US, en-GB, pt-BR)"),
    (("[publish.en-GB]", "[publish.es]"), "es: unknown setting in [publish] (known: unreviewed, min_reviewed, "
                                          "min_translated, en-US, en, en-GB, pt-BR, pt)"),
])
def test_a_key_of_no_configured_language_nor_its_fallback_is_still_refused(project: Project, change, message):
    """A key is accepted as a language's fallback only where a configured language has it: no "es" without a
    Spanish, no "en-AU" beside en-US and en-GB; [site.translator] takes no German (no translation language)."""
    text = REGIONS.replace(*change)
    project.write("verlag.toml", text)
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet still.\n"))
    result = project.run("check", code=2)
    line = next(n for n, written in enumerate(text.splitlines(), 1) if written.startswith(change[1]))
    assert f"error: {project.root / 'verlag.toml'}:{line}: {message}" in result.output.splitlines(), result.output

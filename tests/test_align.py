"""verlag import --translation-of: a hand translation aligned into the article's catalog (pipeline/align.py)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from conftest import msgfmt_check, review
from pipeline.align import LOW_CONFIDENCE, Block, Sentence, align_documents, gale_church
from pipeline.catalog import REVIEWED, entry_state, key, provenance
from pipeline.segment import segment_article
from pipeline.sources import read_article

HERE = Path(__file__).parent / "align"
# tests/align/elderflower.en.md is an English article of its own, a translation of nothing here.
OTHER = HERE / "elderflower.en.md"
# The English of tests/align/ingwer.en.md: the first German paragraph is two paragraphs there, and
# "Lassen Sie den Tee zehn Minuten ziehen." has no translation.
MISSING = "Lassen Sie den Tee zehn Minuten ziehen."


@pytest.fixture
def imported(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    return project, result


def english_sentences() -> list[str]:
    from pipeline.align import read_translation

    return [s.text for s in read_translation(HERE / "ingwer.en.md", "ingwer", "en", "sentence")]


def test_confident_pairs_are_reviewed_and_the_rest_fuzzy_with_the_alignment_comment(imported):
    project, result = imported
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    reviewed = {e.msgid: e.msgstr for e in po if entry_state(e) == REVIEWED}
    assert reviewed[("Ingwertee bei Erkältung – was er kann und was nicht")] == \
        "Ginger tea for a cold – what it can and cannot do"
    assert reviewed["Ingwer ist dabei besonders beliebt."] == "Ginger is a particular favourite."
    # the paragraph the translation split in two still pairs sentence by sentence
    assert reviewed["Wer ihn frisch aufbrüht, schmeckt den Unterschied sofort."] == \
        "If you brew it fresh, you will taste the difference at once."
    assert reviewed["Ein Löffel Honig macht den Tee milder."] == "A spoonful of honey makes the tea milder."
    for entry in po:
        if entry.msgstr and entry.fuzzy:
            assert LOW_CONFIDENCE in entry.tcomment.split("\n"), entry.msgid
        if entry_state(entry) == REVIEWED:
            assert LOW_CONFIDENCE not in entry.tcomment and not provenance(entry), entry.msgid
    # the sentence before the missing one takes the English alone and is not trusted
    beside = po.find("Übergießen Sie die Scheiben mit einem halben Liter heißem Wasser.")
    assert beside.fuzzy and beside.msgstr == "Pour half a litre of hot water over the slices."
    assert po.find(MISSING).msgstr == ""
    assert f"unmatched German: source_de/ingwer.md:12: {MISSING}" in result.output
    assert "import: wrote translations/en/ingwer.po: 17 confident (reviewed), 1 low confidence" in result.output


def test_the_alignment_comment_goes_when_the_reviewer_signs_the_entry_off(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    project.run("import", "--force", "--lang", "en", "--translation-of", "ingwer", str(OTHER))  # all doubted
    path = project.root / "translations/en/ingwer.po"
    doubted = [key(e) for e in polib.pofile(str(path)) if LOW_CONFIDENCE in e.tcomment.split("\n")]
    title = ("title", "Ingwertee bei Erkältung – was er kann und was nicht")
    assert title in doubted and len(doubted) >= 10  # another article: blocks whose lengths do not fit are left out
    review(project, "en", "ingwer", {title: "Ginger tea for a cold"})  # the reviewer fixed it, fuzzy removed
    assert project.read("translations/en/ingwer.po").count(f"# {LOW_CONFIDENCE}\n") == len(doubted)  # as saved
    project.run("extract")
    po = polib.pofile(str(path))
    signed = po.find(title[1], msgctxt=title[0])
    assert entry_state(signed) == REVIEWED and LOW_CONFIDENCE not in signed.tcomment
    still = [e for e in po if LOW_CONFIDENCE in e.tcomment.split("\n")]
    assert [key(e) for e in still] == [k for k in doubted if k != title] and all(e.fuzzy for e in still)
    msgfmt_check(path)


def test_nothing_is_lost_or_duplicated(imported):
    project, _ = imported
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    article = read_article(project.root / "source_de/ingwer.md", "source_de/ingwer.md")
    german = [s.key for s in segment_article(article).segments]
    assert [(e.msgctxt, e.msgid) for e in po] == german  # every German segment once, in order, none obsolete
    assert len(german) == 19  # title, summary, 2 tags, 15 sentences of the body
    # every English segment (title, summary, tags, sentences) is the msgstr of exactly one entry
    assert sorted(e.msgstr for e in po if e.msgstr) == sorted(english_sentences())


def test_the_result_passes_msgfmt_and_verlag_check_on_the_reviewed_entries(imported):
    project, _ = imported
    msgfmt_check(project.root / "translations/en/ingwer.po")
    result = project.run("check", "--lang", "en", "--strict")
    assert "0 errors, 0 warnings" in result.output


def test_a_dry_run_writes_nothing(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    before = project.snapshot()
    result = project.run("import", "--dry-run", "--lang", "en", "--translation-of", "ingwer",
                         str(HERE / "ingwer.en.md"))
    assert "import: would write translations/en/ingwer.po: 17 confident" in result.output
    assert project.snapshot() == before


def test_the_import_says_whether_the_next_build_publishes_the_translation_and_what_holds_it_back(project):
    """An import that aligned the translation said nothing of whether the site would show it: the author took the
    English page for live while ``[publish] min_reviewed`` kept it off (trial 30). It says it in one line, as
    ``status`` and ``build`` decide it, with the entries that count against it and the command that lists them."""
    german = (HERE / "ingwer.md").read_text(encoding="utf-8")
    project.write("source_de/ingwer.md", german.replace("tags: [Ingwer, Erkältung]", "tags: [Ingwer, Erkältung, Tee]"))
    project.write("verlag.toml", project.read("verlag.toml") + "\n[publish]\nmin_reviewed = 90\n")
    held = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert ("import: the next build does not publish the en page of ingwer: [publish] min_reviewed (86.4 % "
            "reviewed, 90 needed); it has 4 empty entries (3 of them tags) and 1 low-confidence line left fuzzy: "
            "verlag review --lang en --article ingwer lists them (verlag status shows the figures)\n") in held.output, \
        held.output  # the English names two tags, the German three: none is paired
    assert "ingwer (86.4 % reviewed, 90 needed)" in project.run("build").output  # the build's own decision
    project.write("verlag.toml", project.read("verlag.toml").replace("min_reviewed = 90", "min_reviewed = 50"))
    (project.root / "translations/en/ingwer.po").unlink()
    shown = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert "import: the next build publishes the en page of ingwer\n" in shown.output, shown.output
    assert "en/ingwer/index.html" in project.run("build").output


def test_a_reviewers_translation_is_never_overwritten_and_is_reported(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    project.run("extract")
    review(project, "en", "ingwer", {"Ingwer ist dabei besonders beliebt.": "Ginger is much loved."})
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    assert po.find("Ingwer ist dabei besonders beliebt.").msgstr == "Ginger is much loved."
    assert "kept: translations/en/ingwer.po: a reviewed translation of Ingwer ist dabei besonders beliebt." \
        in result.output
    again = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert "import: unchanged translations/en/ingwer.po: 0 confident" in again.output
    assert "17 already there" in again.output


def test_kept_entries_are_named_for_what_they_are_and_untouched_machine_drafts_of_old_german_are_replaced(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    review(project, "en", "ingwer", {"Ein Löffel Honig macht den Tee milder.": "Honey softens it."})
    review(project, "en", "ingwer", {"Eine Prise Zimt rundet den Geschmack ab.": "Cinnamon, edited."},
           sign_off=False)
    text = (HERE / "ingwer.md").read_text(encoding="utf-8")
    project.write("source_de/ingwer.md", text.replace("besonders beliebt", "sehr beliebt")
                  .replace("Tee milder", "Tee deutlich milder").replace("Geschmack ab", "Geschmack schön ab"))
    project.run("extract")
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    assert po.find("Ein Löffel Honig macht den Tee deutlich milder.").previous_msgid
    # the pseudo draft made for the old German, untouched, went obsolete: the new German is empty
    assert po.find("Ingwer ist dabei sehr beliebt.").msgstr == ""
    assert po.find("Ingwer ist dabei besonders beliebt.", include_obsolete_entries=True).obsolete
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert "the reviewer's translation" not in result.output
    out = "kept: translations/en/ingwer.po: "
    assert out + ("an out-of-date reviewed translation (the German changed since it was signed off) of Ein "
                  "Löffel Honig macht den Tee deutlich milder.") in result.output
    assert out + ("an out-of-date translation edited by hand (the German changed since) of Eine Prise Zimt "
                  "rundet den Geschmack schön ab.") in result.output
    assert result.output.count("kept: ") == 2
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    # the empty entry takes the hand translation
    replaced = po.find("Ingwer ist dabei sehr beliebt.")
    assert replaced.msgstr == "Ginger is a particular favourite." and not provenance(replaced)
    assert replaced.previous_msgid is None
    assert po.find("Ein Löffel Honig macht den Tee deutlich milder.").msgstr == "Honey softens it."
    msgfmt_check(project.root / "translations/en/ingwer.po")


def test_a_machine_draft_edited_by_hand_is_kept_and_named_so(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    review(project, "en", "ingwer", {"Eine Prise Zimt rundet den Geschmack ab.": "Cinnamon, edited."},
           sign_off=False)
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert ("kept: translations/en/ingwer.po: a machine draft edited by hand of Eine Prise Zimt rundet den "
            "Geschmack ab.") in result.output
    assert result.output.count("kept: ") == 1


def refused(project, *args: str) -> str:
    """Run an import that must be refused: exit 2, one error line, nothing on disk changed."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    before = project.snapshot()
    result = project.run("import", *args, code=2)
    assert project.snapshot() == before and "Traceback" not in result.output
    assert result.output.count("error: ") == 1 and "--force imports it anyway" in result.output
    return result.output


def test_another_articles_translation_is_refused_and_nothing_is_written(project):
    output = refused(project, "--lang", "en", "--translation-of", "ingwer", str(OTHER))
    assert f"error: {OTHER}: does not look like the English translation of source_de/ingwer.md: only " in output
    assert "German sentences pair confidently by length (at least half must)" in output
    assert "blocks pair with a block of their kind (9 German, 6 in the file)" in output


def test_a_file_in_another_language_than_lang_is_refused(project):
    output = refused(project, "--lang", "fr", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert "does not look like the French translation of source_de/ingwer.md: it reads as English, not French" in output
    assert "German sentences pair" not in output  # the alignment itself is fine: only the language is wrong


def test_the_german_article_itself_is_no_translation(project):
    output = refused(project, "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.md"))
    assert "it reads as German, not English" in output


def test_forced_every_entry_is_fuzzy_with_the_alignment_comment_front_matter_too(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    result = project.run("import", "--force", "--lang", "en", "--translation-of", "ingwer", str(OTHER))
    assert f"import: {OTHER} does not look like the article's translation (only " in result.output
    assert "imported anyway (--force): every entry fuzzy" in result.output
    assert "import: wrote translations/en/ingwer.po: 0 confident (reviewed)" in result.output
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    written = [e for e in po if e.msgstr]
    assert po.find("Ingwertee bei Erkältung – was er kann und was nicht", msgctxt="title").msgstr == \
        "Elderflower syrup from your own garden"
    assert {e.msgctxt for e in written} >= {"title", "summary", "tag"}
    assert all(e.fuzzy and LOW_CONFIDENCE in e.tcomment.split("\n") for e in written)
    msgfmt_check(project.root / "translations/en/ingwer.po")


def test_force_goes_with_translation_of(project):
    result = project.run("import", "--force", str(OTHER), code=2)
    assert "--force goes with --translation-of SLUG" in result.output


def test_a_confident_pair_that_fails_a_check_stays_fuzzy(project, tmp_path):
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-01-01\n---\n"
                  "Trinken Sie täglich 2 Liter Wasser oder Tee.\n")
    translation = tmp_path / "tea.md"
    translation.write_text("---\ntitle: Tea\n---\nDrink 3 litres of water or tea every single day.\n",
                           encoding="utf-8")
    project.run("import", "--lang", "en", "--translation-of", "tee", str(translation))
    entry = polib.pofile(str(project.root / "translations/en/tee.po")).find(
        "Trinken Sie täglich 2 Liter Wasser oder Tee.")
    assert entry.fuzzy and LOW_CONFIDENCE in entry.tcomment  # the number changed: check's error


def test_plain_text_without_front_matter_aligns_its_first_heading_with_the_title(project, tmp_path):
    project.write("source_de/tee.md", "---\ntitle: Grüner Tee am Morgen\ndate: 2026-01-01\n---\n"
                  "Grüner Tee weckt sanft. Er enthält weniger Koffein als Kaffee.\n")
    translation = tmp_path / "tea.txt"
    translation.write_text("# Green tea in the morning\n\nGreen tea wakes you gently. "
                           "It contains less caffeine than coffee.\n", encoding="utf-8")
    project.run("import", "--lang", "en", "--translation-of", "tee", str(translation))
    po = polib.pofile(str(project.root / "translations/en/tee.po"))
    assert po.find("Grüner Tee am Morgen", msgctxt="title").msgstr == "Green tea in the morning"
    assert entry_state(po.find("Er enthält weniger Koffein als Kaffee.")) == REVIEWED


def test_an_inline_numbered_list_pairs_with_its_translation_as_one_sentence(project, tmp_path):
    """The English file is split with pySBD's English rules, which take every "N." for a list item as its German
    ones do: "Steps: 1. Warm up 2. Stretch 3. Cool down." is one sentence, paired with the German one whole."""
    project.write("source_de/dehnen.md", "---\ntitle: Dehnen am Morgen\ndate: 2026-01-01\n---\n"
                  "Schritte: 1. Aufwärmen 2. Dehnen 3. Kühlen. Zuerst aufwärmen. 2. Dann dehnen.\n")
    translation = tmp_path / "stretching.txt"
    translation.write_text("# Stretching in the morning\n\nSteps: 1. Warm up 2. Stretch 3. Cool down. "
                           "First warm up. 2. Then stretch.\n", encoding="utf-8")
    project.run("import", "--lang", "en", "--translation-of", "dehnen", str(translation))
    po = polib.pofile(str(project.root / "translations/en/dehnen.po"))
    steps = po.find("Schritte: 1. Aufwärmen 2. Dehnen 3. Kühlen.")
    assert steps.msgstr == "Steps: 1. Warm up 2. Stretch 3. Cool down."
    assert po.find("2. Dann dehnen.").msgstr == "2. Then stretch."
    msgfmt_check(project.root / "translations/en/dehnen.po")


GINGER_FRONT = {
    "toml": '+++\ntitle = "Ginger tea for a cold – what it can and cannot do"\ndate = 2026-02-10T08:00:00+01:00\n'
            'description = "Why a warm ginger tea feels good in cold season and where its limits are."\n'
            'tags = ["Ginger", "Common cold"]\n+++\n',
    "json": '{\n  "title": "Ginger tea for a cold – what it can and cannot do",\n'
            '  "date": "2026-02-10T08:00:00+01:00",\n'
            '  "description": "Why a warm ginger tea feels good in cold season and where its limits are.",\n'
            '  "tags": ["Ginger", "Common cold"]\n}\n',
}


@pytest.mark.parametrize("form", ["toml", "json"])
def test_hugo_toml_and_json_front_matter_pair_as_yaml_does(project, tmp_path, form: str):
    """A Hugo translation ``tee.en.md`` carries TOML front matter between ``+++`` lines, or JSON as an object whose
    braces are lines of their own (https://gohugo.io/content-management/front-matter/): its title, description
    and tags pair with the German title, summary and tags, and its body starts after the front matter (the JSON
    one was taken for the translation's text, and the file refused as no translation). JSON that does not parse is
    an error at its line in the words of the German import, exit 2, no catalog written."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    body = (HERE / "ingwer.en.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    translation = tmp_path / "ingwer.en.md"
    translation.write_text(GINGER_FRONT[form] + body, encoding="utf-8")
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(translation))
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    reviewed = {(e.msgctxt, e.msgid): e.msgstr for e in po if entry_state(e) == REVIEWED}
    assert reviewed[("title", "Ingwertee bei Erkältung – was er kann und was nicht")] == \
        "Ginger tea for a cold – what it can and cannot do"
    assert reviewed[("summary", "Warum ein warmer Ingwertee in der Erkältungszeit guttut und wo seine Grenzen "
                                "liegen.")] == "Why a warm ginger tea feels good in cold season and where its limits are."
    assert reviewed[("tag", "Ingwer")] == "Ginger"
    assert reviewed[(None, "Wenn im Winter die Nase läuft, greifen viele zuerst zur Teetasse.")] == \
        "When your nose runs in winter, many people reach for a cup of tea first."
    assert not any("+++" in e.msgstr or '"title"' in e.msgstr or e.msgstr.startswith("{") for e in po)
    assert "import: wrote translations/en/ingwer.po: 17 confident (reviewed), 1 low confidence" in result.output
    msgfmt_check(project.root / "translations/en/ingwer.po")
    if form != "json":
        return
    broken = tmp_path / "broken" / "ingwer.en.md"
    broken.parent.mkdir()
    broken.write_text('{\n  "title": "Ginger tea",\n  "tags": ["Ginger" "Common cold"]\n}\n' + body, encoding="utf-8")
    before = (project.root / "translations/en/ingwer.po").read_bytes()
    out = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(broken), code=2).output
    assert f"error: {broken}:3: invalid JSON front matter: Expecting ',' delimiter at column 21" in out
    assert "Traceback" not in out
    assert (project.root / "translations/en/ingwer.po").read_bytes() == before


def test_a_plain_text_translation_reads_its_title_and_headings_as_copied_text_does(project, tmp_path):
    """A translation kept as a .txt (or copied from a word processor) marks no heading with ``#``: its first line
    is the title and a short line alone before more text a heading, as ``importer_text`` reads German copied text."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    markdown = (HERE / "ingwer.en.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    plain = "\n".join(line.lstrip("# ") if line.startswith("#") else line for line in markdown.split("\n"))
    translation = tmp_path / "ginger.txt"
    translation.write_text("Ginger tea for a cold – what it can and cannot do\n" + plain, encoding="utf-8")
    assert "#" not in translation.read_text(encoding="utf-8")
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(translation))
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    assert entry_state(po.find("Ingwertee bei Erkältung – was er kann und was nicht", msgctxt="title")) == REVIEWED
    assert po.find("So bereiten Sie den Tee zu").msgstr == "How to make the tea"
    assert entry_state(po.find("Wann Sie besser zum Arzt gehen")) == REVIEWED
    assert "import: wrote translations/en/ingwer.po: 14 confident (reviewed), 1 low confidence" in result.output
    msgfmt_check(project.root / "translations/en/ingwer.po")


DRINKING = ("---\ntitle: Genug trinken im Sommer\ndate: 2024-04-08\n---\n"
            "Wer morgens eine Karaffe auf den Schreibtisch stellt, sieht abends, wie viel er getrunken hat.\n\n"
            "## Was zählt?\n\nUngesüßter Kräutertee zählt genauso wie Wasser. Saft dagegen zählt nur verdünnt.\n")
DRINKING_EN = ["Drinking enough in summer",
               "If you put a carafe on your desk in the morning, you see in the evening how much you drank.", "",
               "{heading}What counts?", "",
               "Unsweetened herbal tea counts just like water. Juice only counts when diluted.", ""]


@pytest.mark.parametrize("heading", ["", "## "])
def test_a_plain_text_translation_s_first_line_is_its_title_with_its_first_paragraph_right_under_it(
        project, tmp_path, heading):
    """A translator's .txt often has the title on its first line and the text right under it, or marks its
    sections with ``## `` but not its title: the first line was read as the start of the first paragraph (the
    title entry stayed untranslated, the first sentence was paired with "title + sentence" and fuzzy). A short
    first line is the title now, and the summary says what was paired with the German title."""
    project.write("source_de/trinken.md", DRINKING)
    translation = tmp_path / "drinking.txt"
    translation.write_text("\n".join(DRINKING_EN).format(heading=heading), encoding="utf-8")
    out = project.run("import", "--lang", "en", "--translation-of", "trinken", str(translation)).output
    po = polib.pofile(str(project.root / "translations/en/trinken.po"))
    title = po.find("Genug trinken im Sommer", msgctxt="title")
    assert title.msgstr == "Drinking enough in summer" and entry_state(title) == REVIEWED
    first = po.find("Wer morgens eine Karaffe auf den Schreibtisch stellt, sieht abends, wie viel er getrunken hat.")
    assert first.msgstr == DRINKING_EN[1] and entry_state(first) == REVIEWED
    assert f"import: {translation}: 'Drinking enough in summer' paired with the German title " \
           "'Genug trinken im Sommer'" in out
    assert "0 German and 0 en sentences unmatched" in out
    msgfmt_check(project.root / "translations/en/trinken.po")


def test_the_first_line_of_a_hard_wrapped_paragraph_is_no_title(project, tmp_path):
    """A .txt hard-wrapped (here at 40 columns) without a title: its first line, nearly as long as the next, stays
    the start of its paragraph; the German title is left unmatched, and nothing is said to pair with it."""
    project.write("source_de/trinken.md", DRINKING)
    translation = tmp_path / "drinking.txt"
    translation.write_text("If you put a carafe on your desk in\nthe morning, you see in the evening how\n"
                           "much you drank.\n\nWhat counts?\n\nUnsweetened herbal tea counts just like "
                           "water. Juice only counts when diluted.\n", encoding="utf-8")
    out = project.run("import", "--lang", "en", "--translation-of", "trinken", str(translation)).output
    po = polib.pofile(str(project.root / "translations/en/trinken.po"))
    assert po.find("Genug trinken im Sommer", msgctxt="title").msgstr == ""
    assert "unmatched German: source_de/trinken.md:2: Genug trinken im Sommer" in out
    assert "paired with the German title" not in out
    assert po.find("Wer morgens eine Karaffe auf den Schreibtisch stellt, sieht abends, wie viel er getrunken "
                   "hat.").msgstr == "If you put a carafe on your desk in the morning, you see in the evening how " \
        "much you drank."


def _assert_ginger_imported(project, translation) -> None:
    """``translation`` of ingwer.md (a plain-text file) imports as the Markdown one does: title and heading paired."""
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(translation))
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    assert entry_state(po.find("Ingwertee bei Erkältung – was er kann und was nicht", msgctxt="title")) == REVIEWED
    assert po.find("So bereiten Sie den Tee zu").msgstr == "How to make the tea"
    assert "import: wrote translations/en/ingwer.po: 14 confident (reviewed), 1 low confidence" in result.output
    msgfmt_check(project.root / "translations/en/ingwer.po")


def test_a_hard_wrapped_plain_text_translation_reads_each_blank_line_separated_paragraph_whole(project, tmp_path):
    """The other plain text a translator hands in: lines wrapped at 72 columns, blank lines between paragraphs. Its
    wrapped lines join into their paragraph (CommonMark's reading), not one paragraph a line as Word's export is
    read: the same entries as the one-line-a-paragraph file below."""
    import textwrap

    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    markdown = (HERE / "ingwer.en.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    paragraphs = [p.lstrip("# ") for p in markdown.strip().split("\n\n")]
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) if not p.startswith("- ") else p for p in paragraphs)
    assert max(map(len, wrapped.split("\n"))) <= 72 and wrapped.count("\n") > 2 * len(paragraphs)
    translation = tmp_path / "ginger.txt"
    translation.write_text("Ginger tea for a cold – what it can and cannot do\n\n" + wrapped + "\n", encoding="utf-8")
    _assert_ginger_imported(project, translation)


def test_a_plain_text_translation_with_one_line_per_paragraph_reads_each_line_as_a_paragraph(project, tmp_path):
    """Fresh-user trial 7: a translation saved from Word as plain text (one line per paragraph, no blank line)
    was one paragraph: "only 0 of 7 German sentences pair confidently by length", exit 2."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    markdown = (HERE / "ingwer.en.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    lines = [line.lstrip("# ") for line in markdown.split("\n") if line.strip()]
    translation = tmp_path / "ginger.txt"
    title = "Ginger tea for a cold – what it can and cannot do"
    translation.write_text("\ufeff" + "\r\n".join([title, *lines]) + "\r\n", encoding="utf-8")
    _assert_ginger_imported(project, translation)


def test_a_run_of_short_lines_in_a_plain_text_translation_is_its_lists_lines_not_headings(project, tmp_path):
    """Word's "Plain Text" saves a list one item a line: each short line alone became a ``## `` heading (fresh-user
    trial 9), so the items paired with no German list item. By the rules copied German text is read by, a run of
    short lines is no heading; the last of the lines after "…:" heads the prose after it, as "Was zählt nicht?"."""
    project.write("source_de/trinken.md", (
        "---\ntitle: Genug trinken im Sommer\ndate: 2024-04-08\n---\n"
        "Wer morgens eine Karaffe auf den Schreibtisch stellt, sieht abends, wie viel er getrunken hat.\n\n"
        "Das zählt:\n\n- Kräutertee\n- Wasser mit Zitrone\n- Verdünnter Saft\n\n## Was zählt nicht?\n\n"
        "Gesüßte Limonade zählt nicht, denn sie macht an heißen Tagen mehr Durst, als sie stillt.\n"))
    translation = tmp_path / "drinking.txt"
    translation.write_text("\r\n".join([
        "Drinking enough in summer",
        "If you put a carafe on your desk in the morning, you see in the evening how much you drank.",
        "This counts:", "Herbal tea", "Water with lemon", "Diluted juice", "What does not count?",
        "Sweetened lemonade does not count, because on hot days it makes you thirstier than it quenches.", ""]),
        encoding="utf-8")
    project.run("import", "--lang", "en", "--translation-of", "trinken", str(translation))
    po = polib.pofile(str(project.root / "translations/en/trinken.po"))
    for german, english in (("Kräutertee", "Herbal tea"), ("Wasser mit Zitrone", "Water with lemon"),
                            ("Verdünnter Saft", "Diluted juice"), ("Was zählt nicht?", "What does not count?")):
        assert po.find(german).msgstr == english, german
    assert not any(entry.msgstr.startswith("#") for entry in po)
    msgfmt_check(project.root / "translations/en/trinken.po")


@pytest.mark.parametrize("args, message", [
    (("--lang", "it"), "--lang 'it' is not in languages of verlag.toml"),
    (("--lang", "en", "--translation-of", "nix"), "no article with slug 'nix'"),
])
def test_bad_usage_is_one_line_and_exit_2(project, args, message):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    args = args if "--translation-of" in args else (*args, "--translation-of", "ingwer")
    result = project.run("import", *args, str(HERE / "ingwer.en.md"), code=2)
    assert message in result.output and "Traceback" not in result.output


def test_a_translation_that_is_not_utf8_is_named_with_its_line(project, tmp_path):
    """Bytes neither UTF-8 nor Windows-1252 text (0x81 is no character there) stop with the file and line."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Line one.\n\nCaf\x81 au lait.\n")
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(bad), code=2)
    assert f"error: {bad}:3: not UTF-8" in result.output
    assert not (project.root / "translations").exists()


def test_a_translation_saved_by_word_as_windows_1252_is_read(project, tmp_path):
    """Word's plain-text default on Windows: "Café" in Windows-1252 is read as written, not refused."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    word = tmp_path / "ingwer.en.md"
    word.write_bytes((HERE / "ingwer.en.md").read_text(encoding="utf-8").replace("Ginger tea for a cold", "Café ginger tea for a cold")
                     .encode("cp1252"))
    project.run("import", "--lang", "en", "--translation-of", "ingwer", str(word))
    assert "Café ginger tea for a cold" in project.read("translations/en/ingwer.po")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
@pytest.mark.parametrize("name", ["ingwer.en.md", "ingwer.en.txt"])
def test_a_translation_saved_as_unicode_by_notepad_is_read(project, tmp_path, codec: str, name: str):
    """Notepad's and Word's "Unicode" is UTF-16 with a byte order mark: a hand translation saved so was refused as
    "binary, e.g. an image or PDF" by ``import --translation-of`` (``verlag import`` of an article read it)."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    saved = tmp_path / name
    text = (HERE / "ingwer.en.md").read_text(encoding="utf-8").replace("Ginger tea for a cold", "Café ginger tea")
    saved.write_bytes((b"\xfe\xff" if codec == "utf-16-be" else b"") + text.encode(codec))
    out = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(saved)).output
    assert "Café ginger tea" in project.read("translations/en/ingwer.po"), out


def test_gale_church_prefers_a_two_to_one_bead_when_the_lengths_say_so():
    beads = gale_church([40, 42, 80], [84, 79], 1.0, {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099,
                                                      (2, 1): 0.089, (1, 2): 0.089})
    assert [(b.i, b.a, b.j, b.b) for b in beads] == [(0, 2, 0, 1), (2, 1, 1, 1)]


def test_blocks_of_another_kind_are_not_paired_when_a_same_kind_pairing_exists():
    def block(kind, *texts):
        return Block(kind, tuple(Sentence(t, 1, kind, (None, t)) for t in texts))

    german = [block("heading", "Zubereitung"), block("paragraph", "Den Tee zehn Minuten ziehen lassen.")]
    english = [block("heading", "Preparation"), block("paragraph", "Let the tea steep for ten minutes.")]
    pairs, lonely_de, lonely_tr = align_documents(german, english)
    assert [(p.german.text, p.text, p.confident) for p in pairs] == [
        ("Zubereitung", "Preparation", True),
        ("Den Tee zehn Minuten ziehen lassen.", "Let the tea steep for ten minutes.", True)]
    assert lonely_de == lonely_tr == []


def test_another_articles_broken_front_matter_does_not_stop_the_import(project):
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    project.write("source_de/kaputt.md", "---\ntitle: [unclosed\n---\nText.\n")
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert "17 confident" in result.output
    broken = project.run("import", "--lang", "en", "--translation-of", "kaputt", str(HERE / "ingwer.en.md"), code=2)
    assert "error: source_de/kaputt.md:" in broken.output


def test_a_saved_english_page_is_converted_and_aligned_like_its_markdown(project, tmp_path):
    """The hand translation as the old blog served it (navigation, cookie banner, share buttons around the
    article): the importer takes the article out, and the catalog gets the same pairs as from Markdown."""
    from markdown_it import MarkdownIt

    from pipeline.sources import split_front_matter

    text = (HERE / "ingwer.en.md").read_text(encoding="utf-8")
    front, _, body_start = split_front_matter(text)
    title = next(line.partition(":")[2].strip() for line in front.splitlines() if line.startswith("title:"))
    page = tmp_path / "ginger-tea.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>" + title + " | Practice</title>"
        "<link rel='canonical' href='https://old.example/en/ginger-tea'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a> <a href='/contact'>Contact</a></nav>"
        "<div class='cookie-banner'>We use cookies to improve your experience. Accept all / Settings</div>"
        f"<main><article><h1>{title}</h1>{MarkdownIt('commonmark').render(text[body_start:])}</article></main>"
        "<div class='share'>Share on Facebook · Share on X · Copy link</div>"
        "<footer>© Practice · Imprint · Privacy</footer></body></html>", encoding="utf-8")
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(page))
    # the Markdown's 17 less its summary and two tags, which a web page does not carry
    assert "import: wrote translations/en/ingwer.po: 14 confident (reviewed), 1 low confidence" in result.output
    # the page's canonical, its old address, joined the German article's aliases: (two lines more above it)
    assert "- https://old.example/en/ginger-tea  # en: the old address of its en translation\n" in \
        project.read("source_de/ingwer.md")
    assert f"unmatched German: source_de/ingwer.md:14: {MISSING}" in result.output
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    assert {e.msgstr for e in po if e.msgstr} <= set(english_sentences())
    assert not [e for e in po if "cookie" in e.msgstr.lower() or "share" in e.msgstr.lower()]
    msgfmt_check(project.root / "translations/en/ingwer.po")


MINZE_DE = """---
title: Minze im Sommer
---
Anna Berg3. Mai 20242 Min. Lesezeit

Wenn es draußen heiß ist, greifen viele Menschen zu einem Glas kaltem Minztee. Das kühle Getränk erfrischt und die Minze bringt einen milden Geschmack mit.

## Was steckt in der Minze?

Die Blätter enthalten Menthol und ätherische Öle. Diese Stoffe geben der Minze ihren typischen Duft und kühlen den Mund.

![Ein Bund frischer Minze auf einem Tisch](bilder/minze.jpg)

Frische Minze aus dem Kräutergarten

## So bereiten Sie den Tee zu

Sie brauchen nur wenige Zutaten:

Mehr dazu lesen Sie auf der [Seite des Kräutervereins](https://kraeuter.example/minze). Bei Magenbeschwerden fragen Sie bitte Ihre Ärztin.
"""
MINZE_EN = """---
title: Mint in summer
---
When it is hot outside, many people reach for a glass of cold mint tea.

The cool drink refreshes and the mint brings a mild taste.

## What is in mint?

The leaves contain menthol and essential oils.

## How to make the tea

You only need a few ingredients:

Read more on the [herb society's page](https://kraeuter.example/minze). If your stomach hurts, please ask your doctor.
"""


def test_a_translation_without_byline_image_and_caption_is_refused_unless_forced(project, tmp_path):
    """The hand translation leaves out a byline paragraph, an image and its caption and shortens a paragraph:
    too few pairs are trustworthy, so the import is refused (exit 2, nothing written); with --force every
    entry is written fuzzy. (Which pairs beside such a gap are trusted: the test below, on lengths.)"""
    project.write("source_de/minze.md", MINZE_DE)
    (tmp_path / "mint.en.md").write_text(MINZE_EN, encoding="utf-8")
    project.run("import", "--lang", "en", "--translation-of", "minze", str(tmp_path / "mint.en.md"), "--force")
    po = polib.pofile(str(project.root / "translations/en/minze.po"))
    assert not [e.msgid for e in po if entry_state(e) == REVIEWED]  # --force: everything fuzzy
    result = project.run("import", "--dry-run", "--lang", "en", "--translation-of", "minze",
                         str(tmp_path / "mint.en.md"), code=2)  # unforced: too few trustworthy pairs
    assert "does not look like the English translation" in result.output


def name(block: int, sentence: int) -> str:
    return "abcdefghijklmnop"[block] + "xy"[sentence]


def test_a_pair_beside_left_out_blocks_is_never_confident():
    """Sentence lengths (prose characters) of a tester's Wix article and its hand translation, which left
    out a byline paragraph, an image and its caption and split the first paragraph: by length alone the
    caption (German block 6) pairs 1-1 with the English paragraph after the heading, with high probability.
    Beside a block left out, no pair is trusted: the caption pair and its neighbours stay fuzzy. Far from it, the
    two sentences of German block 9 fit their translations either way round by length, so they say the same numbers
    in the same order, as the tester's did: a pair is confident where the evidence tells its order. Paragraphs of one
    section are told from each other the same way (``_settle_blocks``): German blocks 8 and 10 fit English 6 and 8
    about as well either way round by length, so block 10 says a year its translation says too."""
    said = {"d9.0": "1993", "e7.0": "1993", "d9.1": "6.8", "e7.1": "6.8", "d10.0": "2024", "e8.0": "2024"}

    def article(spec, tag):
        # the text names its sentence in letters (digits would be numbers, which a pair must agree on)
        return [Block(kind, tuple(Sentence(f"{tag}{name(k, i)} {said.get(f'{tag}{k}.{i}', '')}".ljust(n, "x"), k + 1,
                                           kind, (None, f"{tag}{k}.{i}"))
                                  for i, n in enumerate(lengths)))
                for k, (kind, lengths) in enumerate(spec)]

    german = article([("title", [23]), ("paragraph", [36]), ("paragraph", [89, 75]), ("heading", [21]),
                      ("paragraph", [48, 78]), ("paragraph", [40]), ("paragraph", [32]), ("heading", [26]),
                      ("paragraph", [32]), ("paragraph", [59, 42]), ("paragraph", [33])], "d")
    english = article([("title", [21]), ("paragraph", [97]), ("paragraph", [64]), ("heading", [18]),
                       ("paragraph", [47]), ("heading", [19]), ("paragraph", [32]), ("paragraph", [39, 46]),
                       ("paragraph", [22])], "e")
    pairs, _, _ = align_documents(german, english)
    named = {f"e{name(k, i)}": f"e{k}.{i}" for k in range(len(english)) for i in range(2)}
    sure = [(p.german.key[1], named[p.text.split()[0]]) for p in pairs if p.confident]
    assert ("d6.0", "e4.0") not in sure and not [d for d, _ in sure if d.startswith(("d4.", "d5.", "d6."))]
    assert ("d9.0", "e7.0") in sure and ("d10.0", "e8.0") in sure  # far from the gap, trusted as before


def test_a_link_pointed_at_the_sites_own_translated_page_is_as_confident_as_no_link(project, tmp_path):
    """``verlag check`` accepts a link moved to the article's page in the catalog's language where the site
    publishes it ([site] base_url, link-target), so the import trusts such a pair as much as one without a link;
    a link to another site is still a changed link."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en", "fr"]\n'
                  '[site]\nbase_url = "https://praxis.example/"\n')
    project.write("source_de/andere.md", "---\ntitle: Andere Seite\ndate: 2026-01-01\n---\nNur ein Ziel.\n")
    project.write("source_de/tee.md", "---\ntitle: Tee am Abend\ndate: 2026-01-01\n---\n"
                  "Ein warmer Tee beruhigt vor dem Schlafen.\n\n"
                  "Mehr dazu steht [auf der anderen Seite](andere.md) in aller Ruhe.\n\n"
                  "Kamille hilft vielen Menschen beim Einschlafen.\n")
    project.run("extract")
    review(project, "en", "andere", {("title", "Andere Seite"): "Other page", "Nur ein Ziel.": "Just a target."})
    project.run("build")  # https://praxis.example/en/andere/ is published

    def imported(link: str) -> polib.POFile:
        translation = tmp_path / "tea.md"
        translation.write_text("---\ntitle: Tea in the evening\n---\n"
                               "A warm tea calms you before sleeping.\n\n"
                               f"There is more about it [on the other page]({link}) at your leisure.\n\n"
                               "Camomile helps many people fall asleep.\n", encoding="utf-8")
        (project.root / "translations/en/tee.po").unlink(missing_ok=True)
        result = project.run("import", "--lang", "en", "--translation-of", "tee", str(translation))
        assert result.exit_code == 0, result.output
        return polib.pofile(str(project.root / "translations/en/tee.po"))

    linked = "Mehr dazu steht [auf der anderen Seite](andere.md) in aller Ruhe."
    plain = "Ein warmer Tee beruhigt vor dem Schlafen."
    own = imported("https://praxis.example/en/andere/")
    assert entry_state(own.find(plain)) == REVIEWED  # the pair without a link
    assert entry_state(own.find(linked)) == REVIEWED, own.find(linked)
    assert project.run("check", "--lang", "en").exit_code == 0
    foreign = imported("https://elsewhere.example/en/andere/")
    entry = foreign.find(linked)
    assert entry.fuzzy and LOW_CONFIDENCE in entry.tcomment


def test_translation_of_an_old_address_of_the_article_imports_into_the_articles_catalog(project):
    """Fresh-user trial 8: an import from an old blog gives the article a slug from its title and keeps the
    old address under ``aliases:``; the translator names the article by that old address."""
    german = (HERE / "ingwer.md").read_text(encoding="utf-8")
    project.write("source_de/ingwer-tee-selbst-machen.md",
                  german.replace("---\n", "---\naliases:\n- https://praxis.example/post/ingwer\n", 1))
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"))
    assert ("note: --translation-of ingwer: an old address (aliases:) of source_de/ingwer-tee-selbst-machen.md, "
            "whose slug is ingwer-tee-selbst-machen") in result.output
    assert "import: wrote translations/en/ingwer-tee-selbst-machen.po" in result.output
    assert not (project.root / "translations/en/ingwer.po").exists()
    msgfmt_check(project.root / "translations/en/ingwer-tee-selbst-machen.po")
    result = project.run("import", "--lang", "en", "--translation-of", "ingwertee", str(HERE / "ingwer.en.md"),
                         code=2)
    assert "no article with slug 'ingwertee'" in result.output


@pytest.mark.parametrize("written", ["https://praxis.example/2024/04/ingwer-tee/", "/2024/04/ingwer-tee/",
                                     "/2024/04/ingwer-tee", "https://praxis.example/2024/04/ingwer-tee"])
def test_translation_of_takes_the_old_address_in_every_form_the_import_wrote(project, written):
    """Fresh-user trial 9: a WordPress import writes the old address as a full URL with its final slash; the
    translator copies it, or its path, from the article's ``aliases:``: each names the article."""
    german = (HERE / "ingwer.md").read_text(encoding="utf-8")
    project.write("source_de/ingwer-tee-selbst-machen.md",
                  german.replace("---\n", "---\naliases:\n- https://praxis.example/2024/04/ingwer-tee/\n", 1))
    result = project.run("import", "--lang", "en", "--translation-of", written, str(HERE / "ingwer.en.md"))
    assert (f"note: --translation-of {written}: an old address (aliases:) of source_de/ingwer-tee-selbst-machen.md, "
            "whose slug is ingwer-tee-selbst-machen") in result.output
    assert "import: wrote translations/en/ingwer-tee-selbst-machen.po" in result.output
    msgfmt_check(project.root / "translations/en/ingwer-tee-selbst-machen.po")


def test_an_unclosed_string_in_a_translations_toml_front_matter_is_named_at_its_line(project, tmp_path):
    """tomllib reports a string the front matter ends inside as "Unterminated string (at end of document)", with no
    line: the translation import (as the German one) named line 1. The line of the opening quote is named now."""
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\n---\nTee wärmt.\n")
    translation = tmp_path / "tee.en.md"
    translation.write_text('+++\ndate = 2026-05-26\ntitle = "Tea\n+++\nTea warms.\n', encoding="utf-8")
    out = project.run("import", "--lang", "en", "--translation-of", "tee", str(translation), code=2).output
    assert (f"error: {translation}:3: invalid TOML front matter: a text in quotes is not closed: the \" on this "
            "line opens one that no \" ends") in out, out
    assert "Traceback" not in out and not (project.root / "translations/en/tee.po").exists()


@pytest.mark.parametrize("written, note", [("ingwer.md", False), ("source_de/ingwer.md", True)])
def test_translation_of_takes_the_german_file_name_as_readme_says(project, written, note):
    """Fresh-user trial 25: README says --translation-of takes the article's file name; 'ingwer.md' and
    'source_de/ingwer.md' were refused ("no article with slug 'ingwer.md'")."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8"))
    result = project.run("import", "--lang", "en", "--translation-of", written, str(HERE / "ingwer.en.md"))
    assert "import: wrote translations/en/ingwer.po" in result.output, result.output
    assert (f"note: --translation-of {written}: the file name of source_de/ingwer.md, whose slug is ingwer"
            in result.output) == note
    msgfmt_check(project.root / "translations/en/ingwer.po")


def test_translation_of_an_article_kept_in_german_alone_says_so(project):
    """The refusal of an unknown slug named 'translate: false' whatever the name was (trial 25); said now of the
    article that has that line, and of no other."""
    project.write("source_de/ingwer.md", (HERE / "ingwer.md").read_text(encoding="utf-8")
                  .replace("---\n", "---\ntranslate: false\n", 1))
    result = project.run("import", "--lang", "en", "--translation-of", "ingwer", str(HERE / "ingwer.en.md"), code=2)
    assert ("source_de/ingwer.md says translate: false: an article kept in German alone has no catalogs to import "
            "into; delete that line first") in result.output
    result = project.run("import", "--lang", "en", "--translation-of", "ingwr", str(HERE / "ingwer.en.md"), code=2)
    assert "no article with slug 'ingwr' in source_de/" in result.output and "translate: false" not in result.output

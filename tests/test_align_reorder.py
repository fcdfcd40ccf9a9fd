"""verlag import --translation-of when the translator reordered a list, put two paragraphs of a section the other
way round or added a note of their own: Gale and Church's programme keeps both texts in order and pairs by length,
so each German block got its neighbour's translation, reviewed (fresh-user trial 41: the page showed the honey advice
twice and never "see a doctor after a week"). Now blocks are found by what they share (``_settle_blocks``), a pair
whose numbers differ is never confident (``Anchors.contradicts``) and markup one side lacks tells an added note
(``_markup_difference``)."""

from __future__ import annotations

import polib

from conftest import review
from test_align_order import doubted, imported

from pipeline.catalog import REVIEWED, entry_state

MELISSE_DE = """---
title: Melisse für die Nerven
date: 2026-04-01
---

Melisse beruhigt die Nerven und schmeckt frisch nach Zitrone.

- Trinken Sie morgens eine Tasse Melissentee mit Honig.
- Reiben Sie abends etwas Melissenöl auf die Schläfen.
- Gießen Sie die Pflanze im Sommer jeden Tag reichlich.

Bei Schwangerschaft fragen Sie bitte vorher Ihre Ärztin.
"""
BALM_EN = """---
title: Lemon balm for the nerves
---

Lemon balm calms the nerves and tastes fresh, like lemon.

- In the evening, rub a little lemon balm oil on your temples.
- Water the plant generously every day in summer.
- In the morning, drink a cup of lemon balm tea with honey.

If you are pregnant, please ask your doctor first.
"""
INGWER_DE = """---
title: Ingwer gegen Erkältung
date: 2026-03-10
---

Ingwer wärmt den Körper von innen. Er enthält Gingerol, das die Durchblutung fördert.

Schneiden Sie drei Scheiben frischen Ingwer ab. Übergießen Sie sie mit heißem Wasser und lassen Sie den Aufguss fünf Minuten ziehen.

Ein Löffel Honig macht den Tee milder. Kinder unter einem Jahr dürfen jedoch keinen Honig bekommen.

Trinken Sie bei einer Erkältung drei Tassen am Tag. Bei Beschwerden, die länger als eine Woche dauern, gehen Sie zum Arzt.
"""
HONEY = "A spoonful of honey makes the tea milder. However, children under one year must not be given honey."
CUPS = "Drink three cups a day when you have a cold. See a doctor if symptoms last longer than a week."
GINGER_EN = """---
title: Ginger for colds
---

Ginger warms the body from within. It contains gingerol, which promotes blood circulation.

Cut three slices of fresh ginger. Pour hot water over them and let the infusion steep for five minutes.

{}

{}
"""
LINDE_DE = """---
title: Lindenblüten für einen ruhigen Schlaf
date: 2026-03-20
---

Lindenblüten beruhigen und helfen beim Einschlafen. Trinken Sie eine Tasse etwa eine Stunde vor dem Zubettgehen.

Die Traditionelle Chinesische Medizin kennt ähnliche Rezepturen. In der TCM werden Blüten oft kombiniert.

Viele Heilpraktikerinnen empfehlen zwei Aufgüsse am Tag. Die Wirkung des Aufgusses hält lange an. Fragen Sie Ihre Heilpraktikerin.
"""
NOTE = "*Translator's note: in Britain the linden tree is usually called the lime tree.*"
LIME_EN = f"""---
title: Lime blossom for a restful sleep
---

Lime blossom calms you and helps you fall asleep.

Drink a cup about an hour before going to bed.

{NOTE}

Traditional Chinese Medicine knows similar recipes. In TCM, flowers are often combined.

Many naturopaths recommend two infusions a day. The effect of the infusion lasts a long time. Ask your naturopath.
"""


def test_a_reordered_list_is_never_paired_crosswise_as_reviewed(project, tmp_path):
    """The trial: "6 confident, 0 fuzzy", every list item holding another item's translation, reviewed. Items of
    similar length that share no anchor could be in either order: a person checks them."""
    result, po = imported(project, tmp_path, "melisse", MELISSE_DE, BALM_EN)
    items = [e for e in po if "list item" in e.comment]
    assert len(items) == 3 and all(doubted(e) for e in items), [(e.msgid, e.msgstr) for e in items]
    # the one the content tells (Honig/honey) has its own translation
    assert po.find("Trinken Sie morgens eine Tasse Melissentee mit Honig.").msgstr == \
        "In the morning, drink a cup of lemon balm tea with honey."
    assert entry_state(po.find("Bei Schwangerschaft fragen Sie bitte vorher Ihre Ärztin.")) == REVIEWED
    assert "3 confident (reviewed), 3 low confidence" in result.output


def test_two_swapped_paragraphs_are_found_by_what_they_say(project, tmp_path):
    """The trial: "Trinken Sie … drei Tassen am Tag." got the honey advice, reviewed. Honig/honey, drei/three and
    eine Woche/a week tell the paragraphs apart: each German sentence gets its own translation, fuzzy (the order
    had to change)."""
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(CUPS, HONEY))
    for msgid, msgstr in (("Ein Löffel Honig macht den Tee milder.", "A spoonful of honey makes the tea milder."),
                          ("Trinken Sie bei einer Erkältung drei Tassen am Tag.",
                           "Drink three cups a day when you have a cold."),
                          ("Bei Beschwerden, die länger als eine Woche dauern, gehen Sie zum Arzt.",
                           "See a doctor if symptoms last longer than a week.")):
        entry = po.find(msgid)
        assert entry.msgstr == msgstr and doubted(entry), msgid
    assert "5 confident (reviewed), 4 low confidence" in result.output


def test_the_same_paragraphs_in_the_germans_order_are_all_reviewed(project, tmp_path):
    """"a week" is the German's "eine Woche"; "a day" is no number the German must have."""
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, CUPS))
    assert "9 confident (reviewed), 0 low confidence" in result.output


def test_a_number_the_translation_lacks_is_never_a_confident_pair(project, tmp_path):
    """Lengths fit and the place is right, but "drei Tassen" has no number in the English: not reviewed."""
    wrong = CUPS.replace("Drink three cups a day", "Drink plenty of tea every day")
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, wrong))
    assert doubted(po.find("Trinken Sie bei einer Erkältung drei Tassen am Tag."))
    assert entry_state(po.find("Bei Beschwerden, die länger als eine Woche dauern, gehen Sie zum Arzt.")) == REVIEWED


def test_an_added_translators_note_is_a_gap_not_a_german_sentences_translation(project, tmp_path):
    """The trial: the note in italics was written into "Lindenblüten beruhigen …" and the English of that sentence
    reported as unmatched. The note has markup the German lacks; the paragraph the translation split in two pairs
    with its German paragraph."""
    result, po = imported(project, tmp_path, "linde", LINDE_DE, LIME_EN)
    assert po.find("Lindenblüten beruhigen und helfen beim Einschlafen.").msgstr == \
        "Lime blossom calms you and helps you fall asleep."
    assert po.find("Trinken Sie eine Tasse etwa eine Stunde vor dem Zubettgehen.").msgstr == \
        "Drink a cup about an hour before going to bed."
    assert not [e for e in po if "Translator's note" in e.msgstr]
    assert "unmatched en: " in result.output and "linde.en.md:9: *Translator's note" in result.output


def test_a_corrected_file_imported_again_replaces_the_imports_own_untouched_pairs(project, tmp_path):
    """The trial: re-importing the corrected file changed nothing; the first import's pairs were called "a machine
    draft edited by hand" and "a reviewed translation" and kept, also with --force. They are the import's own
    (its ``alignment: imported`` record names the text and state it wrote): a new import replaces them. A
    reviewer's edit and a reviewer's sign-off are still kept."""
    imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(CUPS, HONEY))
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, CUPS))
    assert "4 confident (reviewed), 0 low confidence" in result.output  # the four paired crosswise before
    assert "0 kept, 5 already there" in result.output
    assert entry_state(po.find("Ein Löffel Honig macht den Tee milder.")) == REVIEWED
    again, _ = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, CUPS))
    assert "9 already there" in again.output
    # a person's work since: an edit of a reviewed pair, a sign-off of a fuzzy one
    imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(CUPS, HONEY))
    mild = "A spoonful of honey makes the tea gentler."
    review(project, "en", "ingwer", {"Ingwer wärmt den Körper von innen.": "Ginger warms you from within.",
                                     "Ein Löffel Honig macht den Tee milder.": mild})
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, CUPS))
    assert po.find("Ingwer wärmt den Körper von innen.").msgstr == "Ginger warms you from within."
    assert po.find("Ein Löffel Honig macht den Tee milder.").msgstr == mild
    assert po.find("Trinken Sie bei einer Erkältung drei Tassen am Tag.").msgstr == \
        "Drink three cups a day when you have a cold."
    assert "2 kept" in result.output


def test_the_imports_own_pair_whose_german_changed_since_is_replaced_by_a_new_import(project, tmp_path):
    """A German sentence edited after the import: extract made its reviewed pair out of date. Nobody touched it,
    so the import of the updated translation replaces it; one a person edited since is kept."""
    imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, CUPS))
    project.write("source_de/ingwer.md", INGWER_DE.replace("Ein Löffel Honig", "Ein Teelöffel Honig").replace(
        "Ingwer wärmt den Körper von innen.", "Ingwer wärmt den ganzen Körper von innen."))
    project.run("extract")
    review(project, "en", "ingwer", {"Ingwer wärmt den ganzen Körper von innen.": "Ginger warms all the body."},
           sign_off=False)
    english = GINGER_EN.format(HONEY.replace("A spoonful", "A teaspoonful"), CUPS).replace(
        "warms the body", "warms the whole body")
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE.replace("Ein Löffel Honig", "Ein Teelöffel Honig")
                          .replace("Ingwer wärmt den Körper", "Ingwer wärmt den ganzen Körper"), english)
    entry = po.find("Ein Teelöffel Honig macht den Tee milder.")
    assert entry.msgstr == "A teaspoonful of honey makes the tea milder." and entry_state(entry) == REVIEWED
    assert po.find("Ingwer wärmt den ganzen Körper von innen.").msgstr == "Ginger warms all the body."
    assert "1 kept" in result.output


def test_a_signed_off_pair_loses_the_imports_record_with_its_doubt(project, tmp_path):
    """Signed off, a fuzzy pair is the reviewer's: the next extract drops ``alignment: low confidence`` and the
    import's record with it, and a new import keeps it."""
    imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(CUPS, HONEY))
    honey = "Ein Löffel Honig macht den Tee milder."
    review(project, "en", "ingwer", {honey: "A spoonful of honey makes the tea milder."})
    project.run("extract")
    path = project.root / "translations/en/ingwer.po"
    assert polib.pofile(str(path)).find(honey).tcomment == ""
    result, po = imported(project, tmp_path, "ingwer", INGWER_DE, GINGER_EN.format(HONEY, CUPS).replace(
        "A spoonful", "One spoonful"))
    assert po.find(honey).msgstr == "A spoonful of honey makes the tea milder." and "1 kept" in result.output


def test_a_saved_page_with_the_paragraphs_swapped_pairs_them_by_what_they_say(project, tmp_path):
    """The trial's HTML variant: a saved English page, a figure with its caption the German lacks, the last two
    paragraphs the other way round."""
    project.write("source_de/ingwer.md", INGWER_DE)
    page = tmp_path / "ginger-en.html"
    page.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ginger for colds | Praxis</title></head>
<body><article>
<h1>Ginger: a winter friend</h1>
<p>Ginger warms the body from within. It contains gingerol, which promotes blood circulation.</p>
<figure><img src="ingwer.png" alt="A fresh ginger root"><figcaption>Fresh ginger</figcaption></figure>
<p>Cut three slices of fresh ginger. Pour hot water over them. Let the infusion steep for five minutes.</p>
<p>{CUPS}</p>
<p>{HONEY}</p>
</article></body></html>
""", encoding="utf-8")
    project.run("import", "--lang", "en", "--translation-of", "ingwer", str(page))
    po = polib.pofile(str(project.root / "translations/en/ingwer.po"))
    for msgid, msgstr in (("Trinken Sie bei einer Erkältung drei Tassen am Tag.",
                           "Drink three cups a day when you have a cold."),
                          ("Kinder unter einem Jahr dürfen jedoch keinen Honig bekommen.",
                           "However, children under one year must not be given honey.")):
        entry = po.find(msgid)
        assert entry.msgstr == msgstr and doubted(entry), msgid
    assert not [e.msgid for e in po if entry_state(e) == REVIEWED and "honey" in e.msgstr and "Honig" not in e.msgid]

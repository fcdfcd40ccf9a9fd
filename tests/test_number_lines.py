"""`verlag check`'s number-list warning: a line of running text that CommonMark makes a list."""

from __future__ import annotations

import lxml.html

from conftest import Project, article

BODY = """\
Wir treffen uns am
1. Januar wieder.

Nachts sinkt die Temperatur auf
- 7 Grad.

3. Mai ist der Tag der Sonne.

Im Jahr 1914 begann der
1. Weltkrieg.

Zutaten:
- 2 EL Honig
- 1 TL Zimt

Wir treffen uns am 2. Januar und
3. Mai wieder.

Der Termin ist am
1\\. Januar.

Schritte
1. Aufwärmen
2. Dehnen

- Obst
- 2 Äpfel
"""


def test_check_names_a_date_ordinal_or_minus_that_commonmark_makes_a_list_at_its_line(project: Project):
    """Fresh-user trial: "1. Januar …" at a line start of a paragraph became a list and cut the sentence, with no
    word from extract or check. check names each such line that CommonMark really makes a list (the page shows
    one), and none that stays text or is a list meant as one."""
    project.write("source_de/termine.md", article("Termine", BODY))
    project.run("extract")
    out = project.run("check").output
    warnings = [line for line in out.splitlines() if line.endswith("[number-list]")]
    assert [w.split(": ")[1] for w in warnings] == [f"source_de/termine.md:{n}" for n in (6, 9, 11, 14)], out
    assert "'1. Januar …' starts a numbered list" in warnings[0] and "write 1\\. Januar" in warnings[0]
    assert "'- 7 …' starts a bulleted list" in warnings[1] and "write \\- 7" in warnings[1]
    assert "'3. Mai …'" in warnings[2] and "'1. Weltkrieg …'" in warnings[3]
    project.run("build")
    page = lxml.html.fromstring(project.read("site/de/termine/index.html"))
    main = page.xpath("//main")[0]
    # each line named is a list item on the page, the ones not named are not
    items = [" ".join(li.text_content().split()) for li in main.iter("li")]
    for named in ("Januar wieder.", "7 Grad.", "Mai ist der Tag der Sonne.", "Weltkrieg."):
        assert named in items, items
    assert "Mai wieder." not in items and not any("Januar." == i for i in items)

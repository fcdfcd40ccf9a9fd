"""Lines of running text that CommonMark reads as a list item because they start with a number.

A hand-wrapped paragraph whose line starts "1. Januar …" or "3. Mai …" (a date), "2. Weltkrieg …" (an ordinal
before its noun) or "- 7 Grad …" (a minus sign) is a list to CommonMark (0.31, section 5.2): the page shows a list
there and the segmenter cuts the sentence in two. ``import`` escapes such lines (``1\\. Januar``); ``check`` names
those an author wrote (``findings``). Only what markdown-it really makes a list is named: "3. Mai" inside a
paragraph's wrapped lines is no list (an ordered list interrupts a paragraph only from 1), a line escaped is none.
"""

from __future__ import annotations

import re

from .errors import VerlagError
from .segment import block_tokens
from .sentences import german_ordinal_word

_FIRST_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d")
# What ends a sentence or announces a list: a paragraph line ending so may go on with a list of numbers
# ("Zutaten:", "Wir brauchen:"), one ending otherwise ("sinkt es auf") goes on with its sentence.
_ANNOUNCES = re.compile(r"[.!?…:;][*_\"“”»«)\]]*\s*$")


def findings(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, warning) for each list item of ``body`` (CommonMark whose first line is line ``first_line`` of its
    file) that is most likely running text: an ordered item whose words start with a month or a noun that takes
    an ordinal ("1. Januar", "3. Mai", "2. Weltkrieg"), day numbers up to 31 before a month; a bullet item whose
    text starts with a digit and whose list interrupts a paragraph that had not ended its sentence ("Nachts
    sinkt es auf⏎- 7 Grad.")."""
    try:
        tokens = block_tokens(body, {}, lambda content: False)
    except VerlagError:  # a block markdown-it cannot read in reasonable time: extract and build name it
        return []
    found: list[tuple[int, str]] = []
    bullet_after_text = False  # the list being read interrupts a paragraph that had not ended its sentence
    items = 0  # list items open around the token: a list in one goes on with the item's text
    for index, token in enumerate(tokens):
        items += (token.type == "list_item_open") - (token.type == "list_item_close")
        if token.type == "bullet_list_open" and not items:
            before = _paragraph_before(tokens, index)
            bullet_after_text = before is not None and not _ANNOUNCES.search(before)
        if token.type != "list_item_open" or not token.map or index + 2 >= len(tokens):
            continue
        first_item = tokens[index - 1].type in ("bullet_list_open", "ordered_list_open")
        inline = tokens[index + 2]
        if inline.type != "inline":
            continue
        text = inline.content.split("\n", 1)[0]
        line = first_line + token.map[0]
        if token.markup in ".)":
            word = _FIRST_WORD.match(text)
            number = int(token.info) if token.info.isdigit() else 0
            if word and german_ordinal_word(word.group(), number):
                shown = f"{token.info}{token.markup} {word.group()}"
                found.append((line, f"'{shown} …' starts a numbered list in CommonMark (the page shows a list "
                              f"from {token.info}, and the sentence is cut there): if it is a date or an ordinal, "
                              f"write {token.info}\\{token.markup} {word.group()}, or move the number to the line "
                              "before"))
        elif first_item and bullet_after_text and items == 1 and _NUMBER.match(text):
            shown = f"{token.markup} {text.split(' ', 1)[0]}"
            found.append((line, f"'{shown} …' starts a bulleted list in CommonMark (the page shows a list item "
                          f"and the sentence before it is cut there): if it goes on with that sentence, write "
                          f"\\{shown}, or join the line to the one before"))
    return found


def _paragraph_before(tokens: list, index: int) -> str | None:
    """The last line of the paragraph a list opened at ``tokens[index]`` interrupts (no blank line between), or
    None."""
    if index < 3 or tokens[index - 1].type != "paragraph_close":
        return None
    opening, inline = tokens[index - 3], tokens[index - 2]
    if opening.type != "paragraph_open" or not opening.map or opening.map[1] != tokens[index].map[0]:
        return None
    return inline.content.rsplit("\n", 1)[-1]

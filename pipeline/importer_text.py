"""``verlag import`` of text copied from a blog page (Wix, Jimdo, WordPress): the rules of README
"Bringing in an existing blog", each guess reported in the article's notes.

1. The first line is the title.
2. The byline follows: lines starting with "- ", "• " or "· ", and lines that are a German date,
   a reading time, "Aktualisiert: <date>" or a name after "Von", "Autor:" or "Autorin:" (``_by``), also
   several of them on one line split by "|", "·", "•" or " - " (``_byline_items``), and a name alone on the
   line after the title when a date or reading time follows it, alone or first on a byline of one line
   (``_name_before_byline``).
   A date is ``date``, "Aktualisiert:" is ``updated``, a reading time ("3 Min. Lesezeit") is
   dropped (verlag computes its own), the name after "Von" is the author, else the first other
   byline item.
3. A breadcrumb trail among the first lines ("Startseite › Blog › Kräuter", ``_breadcrumb``) is dropped, and so is
   widget text at the end ("Teilen", "Teilen auf Facebook", "Teilen auf Facebook | Twitter | WhatsApp",
   "Kommentare (3)", "Antworten", "12 Aufrufe", …, ``WIDGET_RE``, ``COMMENT_WIDGET_RE``), and a teaser link's text
   alone on its line anywhere after the byline ("Weiterlesen »", "Read more", ``TEASER_RE``); a cookie banner
   anywhere after the title (its buttons and the lines about
   cookies beside them, ``_without_consent``) is left out, each line named.
4. In the body, every line is a block. A line ending with ":" followed by short lines without a bullet
   introduces a list: those short lines are its items; the last of them is the next heading instead when a
   paragraph of prose follows it directly, two items remain and it is not shaped like the item before it
   (``_parallel``). Any other short line (at most
   ``SHORT`` characters, not ending in ".", "!", ",", ";" or ":") followed by a paragraph of prose
   or by a list (bulleted or numbered lines: "Gute Zinkquellen" over its items) is a heading, unless
   the line before it is a short line too (then it ends a run of list-like lines and stays a
   paragraph). A short line followed by two or more longer such lines (in words) and then prose heads them as
   a list whose bullets were lost in copying (``_unbulleted``; the last one heads the prose as above). A line
   that starts with a colon label ("Wichtig: …", "Quelle: …", ``LABEL_RE``) is a
   paragraph, never a heading, never prose that makes the line before it a heading, nor a
   list-like line that keeps the line after it from being one. Lines
   starting with "- " or "• " are list items, those with a browser's deeper bullets ("◦", "▪") nested under the
   item before them (``_bulleted``); two or more lines numbered in sequence ("1. …", "2. …" or "1) …", not a
   date: "3. Mai …", ``_numbered``) are an ordered list. Two or more neighbouring lines split by tabs into the
   same number of cells (two or more), as a browser copies a table's rows, are a table (GFM), the first line its
   header row (``_table_rows``). Everything else is a paragraph.
5. Markdown in the text is kept where CommonMark reads it: an ATX heading line ("## Dehnen", ``MD_HEADING_RE``),
   "* "/"+ " list items, and emphasis, code spans, links and images within a line (``MD_INLINE``).

An HTML wrapper (``WRAPPER_OPEN_RE``: ``<div class="entry-content">`` on the first line, ``</div>`` on the
last) is dropped, each tag noted; text holding HTML blocks is HTML (``html_fragment``) and not read here.

German dates: "3. März", "3. Mär.", "3. März 2025", "03.03.2025", "3.3." (month names from CLDR via
Babel). A date without a year takes the year of another date in the byline, else ``--year``; a
date that would then fall after its "Aktualisiert:" date is put a year earlier.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from html import escape
from pathlib import Path

from babel import Locale

from .errors import VerlagError
from .importer import ImportedArticle, new_article, without_final_colon
from .importer_html import html_to_markdown
from .notesyntax import bracketed
from .sources import normalise

SHORT = 80
# A translation's first line, with its paragraph's text on the lines after it, is its title when it is at most this
# share of the next line's length: a line of a paragraph hard-wrapped at 72 columns is nearly as long as the next.
TITLE_SHARE = 0.6
BULLET_RE = re.compile(r"^[-•·*+]\s+")
# A browser's bullets of a nested list's deeper levels, as copying gives them ("◦" under "•", "▪" under that), and
# the en dash of an item under a "-" item (``_marker``).
SUB_BULLET_RE = re.compile(r"^[◦▪▫‣]\s+")
EN_DASH_RE = re.compile(r"^–\s+")
# "3 Min. Lesezeit", "Lesezeit: 4 Min.", "Lesedauer ca. 5 Minuten", "4 min read"
_MINUTES = r"(?:(?:ca\.?|etwa|~)\s*)?\d+\s*(?:Min\.?|Minuten?)"
READING_TIME_RE = re.compile(rf"^(?:(?:Lesezeit|Lesedauer)\s*:?\s*{_MINUTES}|{_MINUTES}\s*(?:Lesezeit|Lesedauer|lesen)"
                             r"|\d+\s*min\.?\s*read)$", re.I)
# Markdown a copied text keeps (a note app's or Markdown editor's): an ATX heading line ("## Dehnen").
# The title ends at a character other than a space or tab, each run of them taken whole (``*+``): a lazy ``.*?``
# tried the closing sequence again from every space of a run, quadratic in a line of 200,000.
MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(\S(?:[ \t]*+[^ \t])*?)(?:[ \t]++#+)?[ \t]*$")
# Inline Markdown a line keeps: what CommonMark reads as emphasis, a code span, a link or an image.
MD_INLINE = frozenset({"strong_open", "em_open", "code_inline", "link_open", "image"})
# An HTML wrapper around copied text (a page's ``<div class="entry-content">`` copied from its source): the
# tags of containers that hold text without marking its blocks; ``HTML_BLOCK_RE`` marks real HTML.
_WRAPPERS = r"div|article|section|main|body|html|span"
WRAPPER_OPEN_RE = re.compile(rf"^(?:<(?:{_WRAPPERS})(?:\s[^<>]*)?>\s*)+", re.I)
# The closing tags at a line's end, matched in the line reversed (``_unwrapped``): searched for in the line, they
# were tried from each tag and space of a long run again (quadratic).
WRAPPER_CLOSE_REVERSED_RE = re.compile(rf"(?:>\s*(?:{'|'.join(tag[::-1] for tag in _WRAPPERS.split('|'))})/<\s*)+",
                                       re.I)
DOCUMENT_RE = re.compile(r"<(?:!doctype|head|meta|title|script|style)\b", re.I)  # a saved page, never copied text
# (a page's navigation and landmarks too: a saved page that is only its menu is no copied text, trial 34)
HTML_BLOCK_RE = re.compile(r"<(?:p|h[1-6]|ul|ol|li|br|table|tr|figure|img|blockquote|pre|hr|nav|header|footer|aside)"
                           r"\b[^<>]*>", re.I)
# "Aktualisiert: 5.12.2026" and "Stand: 5.12.2026" (as of: the date a medical text was last checked) label a date
UPDATED_RE = re.compile(r"^(Aktualisiert:?|Stand:)\s*(.+)$", re.I)
# "Von A. Sommer | 12. März 2025 · 5 Min. Lesezeit"; a run of spaces is tried once, from its start (else from each)
BYLINE_SEPARATOR_RE = re.compile(r"(?:(?<!\s)\s++)?[|·•]\s*|(?<!\s)\s++[-–]\s+")
BY_RE = re.compile(r"^(?:von|autor(?:in)?:|geschrieben von)\s+(\S.*)$", re.I)  # "Von Sabine Kranz", "Autorin: …"
# WordPress themes' "12. September 2025 von Miriam Kessler", "Veröffentlicht am 12. September 2025 von …": an optional
# "Veröffentlicht am" or "Am" before the date, then "von" and the name (``_dated_byline``)
DATED_PREFIX_RE = re.compile(r"(?:(?:veröffentlicht|geschrieben|erschienen|gepostet|publiziert)(?:\s+am)?|am)\s+",
                             re.I)
DATED_BY_RE = re.compile(r"\s(von\s+\S.*)$", re.I)  # the first " von …" after the date, searched once
_NETWORK = r"(?:facebook|twitter|x|linkedin|xing|whatsapp|telegram|threads|bluesky|mastodon|pinterest|e-?mail)"
# A share bar's networks as copying gives them: one, or several separated by "|", "·", "•", ",", "/" or spaces
# ("Facebook | Twitter | WhatsApp", "Facebook, X, E-Mail", "Facebook Twitter")
_NETWORKS = rf"{_NETWORK}(?:\s*[|·•,/]\s*{_NETWORK}|\s+{_NETWORK})*"
# A page's breadcrumb trail ("Startseite › Blog › Kräuter", "Sie sind hier: Home / Ratgeber"): the home page or the
# blog first, then "›", "»", ">", "/" or "|" (``_breadcrumb``).
BREADCRUMB_RE = re.compile(r"^((?:(?:sie sind|du bist) hier|you are here):\s*)?(?:startseite|home|blog)"
                           r"(\s*[›»]\s*|\s+[>/|]\s+)", re.I)  # "›", "»" never stand in a word: no spaces needed
BREADCRUMB_LINES = 5  # near the top: among the first lines of the file (the title, a byline of up to three lines)
WIDGET_RE = re.compile(
    r"^(comments?|kommentare?|kommentar schreiben|kommentieren|teilen|beitrag teilen|share|gefällt mir|like|"
    rf"{_NETWORKS}|link kopieren|letzte beiträge|alle ansehen|"
    # "Teilen auf Facebook", "Teilen: Facebook · X"
    rf"(?:beitrag )?(?:teilen|share)(?:\s+(?:auf|bei|über|via|per|mit|on|to))?:?\s+{_NETWORKS}|"
    rf"(?:(?:auf|bei|über|via|per) )?{_NETWORKS} teilen|"  # "Per E-Mail teilen", "Auf X teilen"
    r"\d+\s+(aufrufe|kommentare?|views|comments?|likes?|mal gefällt mir)|"
    r"(aufrufe|kommentare?|views|comments?|likes?):\s*\d+)$", re.I)  # Jimdo's "Kommentare: 0"
# A comment form's and share bar's words as copying the page gives them ("Kommentare (3)", "Schreiben Sie einen
# Kommentar", "Antworten", "Teilen:", "Drucken"): widget text only in the block that ends the text (``_widget``).
COMMENT_WIDGET_RE = re.compile(
    r"^(?:(?:kommentare?|comments?|antworten|teilen|share)(?:\s*\(\d+\))?|"
    r"(?:schreiben sie|schreibe|schreib|hinterlassen sie|hinterlasse)\s+(?:einen|deinen|ihren)\s+kommentar|"
    r"(?:einen\s+)?kommentar\s+(?:verfassen|schreiben|hinterlassen|abschicken|absenden)|antworten abbrechen|"
    r"leave a (?:comment|reply)|post comment|reply|drucken|print)[:.!…]?$", re.I)
# A cookie banner copied with the text: its buttons, and the lines naming cookies next to them (``_without_consent``).
CONSENT_BUTTON_RE = re.compile(
    r"^((alle |nur )?(cookies? )?(akzeptieren|annehmen|zulassen|ablehnen|erlauben|zustimmen)( und schließen)?|"
    r"nur (notwendige|essenzielle|erforderliche)( cookies)?|(cookie-?)?einstellungen( anpassen| verwalten)?|"
    r"auswahl (speichern|bestätigen|erlauben)|verstanden|einverstanden|ok|okay|"
    r"(accept|reject|allow|deny)( all)?( cookies)?|cookie settings|got it)[.!]?$", re.I)
COOKIE_RE = re.compile(r"\bcookie", re.I)
# A blog's teaser link as copying gives its text, alone on its line ("Weiterlesen »", "Read more →", "[mehr lesen](…)"):
# the link to the article itself, no sentence of it (``_without_teasers``)
TEASER_RE = re.compile(r"^\[?\s*[»›→]?\s*(?:weiterlesen|mehr lesen|read more|continue reading|keep reading)"
                       r"\s*(?:[»›→>]+|\.{3}|…)?\s*(?:\]\([^()\s]*\))?$", re.I)
NUMBERED_RE = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
DATE_START_RE = re.compile(r"^(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\b")  # "3. Mai bis Mitte Juni …", "1. Okt. ab …"
LABEL_RE = re.compile(r"^[\wÄÖÜäöüß-]+\.?( [\wÄÖÜäöüß-]+\.?)?:\s+\S")  # "Wichtig: …", "Tel.: …"
NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})?$")
NAMED_DATE_RE = re.compile(r"^(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s*(\d{4})?$")


def _month_names() -> dict[str, int]:
    """German month names and abbreviations (CLDR, "März", "Mär", "Sept.") in lower case, to the month."""
    months = Locale.parse("de").months
    names = {}
    for context, width in (("format", "wide"), ("format", "abbreviated"), ("stand-alone", "abbreviated")):
        for number, name in months[context][width].items():
            names[name.lower().rstrip(".")] = number
    return names


MONTHS = _month_names()


def german_date(text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a German date written alone ("3. März", "03.03.2025"), or None."""
    text = text.strip()
    match = NUMERIC_DATE_RE.match(text)
    if match:
        day, month, year = match.groups()
        return int(day), int(month), int(year) if year else None
    match = NAMED_DATE_RE.match(text)
    if match and match.group(2).lower() in MONTHS:
        return int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3)) if match.group(3) else None
    return None


def _numbered(line: str) -> re.Match | None:
    """``NUMBERED_RE``'s match of a numbered line ("1. Wasser kochen", "2) …"), else None, also for a line that
    starts with a German date ("3. Mai bis Mitte Juni …", "1. Okt. beginnt …": a day, a month's name of ``MONTHS``):
    text, no list item, though CommonMark reads one there (the Markdown escapes it: "3\\. Mai")."""
    date = DATE_START_RE.match(line)
    if date and 1 <= int(date.group(1)) <= 31 and date.group(2).lower() in MONTHS:
        return None
    return NUMBERED_RE.match(line)


def _breadcrumb(line: str) -> bool:
    """Whether ``line`` is a page's breadcrumb trail (``BREADCRUMB_RE``: "Startseite › Blog › Kräuter"): two or
    more items split by its one separator, none empty, a byline item ("Blog | 12. März 2025" is a byline) or ending
    as a sentence or a label does, each but the last (the page's own title) of at most four words. A longer line
    than a trail of such items is none (and is not split: linear in a line of any length)."""
    match = BREADCRUMB_RE.match(line) if len(line) <= 2 * SHORT else None
    if match is None:
        return False
    separator = re.escape(match.group(2).strip())
    spaced = r"\s*" if match.group(2).strip() in "›»" else r"\s+"
    items = re.split(f"{spaced}{separator}{spaced}", line[match.end(1) if match.group(1) else 0:].strip())
    return len(items) > 1 and all(items) and len(items[-1]) <= SHORT \
        and all(len(item.split()) <= 4 for item in items[:-1]) \
        and not any(_byline_item(item) or item.endswith((".", "!", ",", ";", ":")) for item in items)


def _without_breadcrumbs(filled: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[str]]:
    """(``filled`` without a breadcrumb trail among its first ``BREADCRUMB_LINES`` lines, above the title or under
    it or its byline, the notes naming each): the page's navigation, not its text; kept, it was a heading on the new
    site and an entry for every translator. Further down such a line is the author's (a path to follow)."""
    dropped = [(number, line) for number, line in filled[:BREADCRUMB_LINES] if len(filled) > 1 and _breadcrumb(line)]
    notes = [f"line {number}: dropped the breadcrumb trail (the page's navigation): {line}" for number, line in dropped]
    return [(number, line) for number, line in filled if (number, line) not in dropped], notes


def wrapped_text(data: bytes) -> bool:
    """Whether ``data`` is text inside an HTML wrapper (``WRAPPER_OPEN_RE``: ``<div class="entry-content">``)
    without any HTML block element (``HTML_BLOCK_RE``) or part of a page's head (``DOCUMENT_RE``) in it: copied
    text, not HTML, whatever its first tag."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    return WRAPPER_OPEN_RE.match(text) is not None and HTML_BLOCK_RE.search(text) is None \
        and DOCUMENT_RE.search(text) is None


def html_fragment(data: bytes) -> bool:
    """Whether ``data`` is a fragment of HTML (copied from a page's source): it opens with a container tag
    (``WRAPPER_OPEN_RE``) and marks its blocks with HTML (``HTML_BLOCK_RE``) in the first 64 KiB."""
    text = data[:65536].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    return WRAPPER_OPEN_RE.match(text) is not None and HTML_BLOCK_RE.search(text) is not None


def _unwrapped(lines: list[tuple[int, str]], notes: list[str]) -> list[tuple[int, str]]:
    """``lines`` (numbered, non-empty) without an HTML wrapper's opening tags at the start and closing tags
    at the end, each noted; lines left empty by that are dropped."""
    lines = list(lines)
    for at in (0, -1):
        while lines:
            number, line = lines[at]
            if at == 0:
                match = WRAPPER_OPEN_RE.match(line)
                start, end = (match.start(), match.end()) if match else (0, 0)
            else:
                match = WRAPPER_CLOSE_REVERSED_RE.match(line[::-1])
                start, end = (len(line) - match.end(), len(line)) if match else (0, 0)
            if match is None:
                break
            notes.append(f"line {number}: dropped the HTML wrapper {line[start:end].strip()}")
            rest = (line[:start] + line[end:]).strip()
            if rest:
                lines[at] = (number, rest)
                break
            del lines[at]
    return lines


# What German text saved as Windows-1252 (Word's "Nur Text" default on Windows) holds beyond ASCII: Latin-1
# letters, the typographic marks of German and French text, the euro sign, no-break space. Anything else (a
# Mac Roman file read as Windows-1252 gives "Š" for "ä") means the guess is wrong.
WINDOWS_1252_TEXT = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
                              "„“”‚‘’«»‹›–—…€•·§°²³µ½¼¾\u00a0\u00ad")


# UTF-8 of a Latin-1 letter or sign (U+0080 to U+00FF) or of typographic punctuation, the euro sign (U+2000 to
# U+213F): read as Windows-1252 they are "Ã¼", "Â°", "â€“", characters of ``WINDOWS_1252_TEXT`` that German text
# never puts together.
UTF8_IN_1252_RE = re.compile(rb"[\xc2\xc3][\x80-\xbf]|\xe2[\x80-\x84][\x80-\xbf]")


def decoded(data: bytes, path: Path, what: str = "the text") -> tuple[str, list[str]]:
    """(text, notes) of ``data``: UTF-8 (a BOM is dropped later by ``normalise``), else Windows-1252 when every
    character beyond ASCII it gives is one German text holds (``WINDOWS_1252_TEXT``) and no UTF-8 is in it
    (``UTF8_IN_1252_RE``: a line pasted in from elsewhere), noted. Raises ``VerlagError`` at the first undecodable
    line otherwise, saying how to save ``what`` as UTF-8 (and which line is UTF-8 already). UTF-16 (Notepad's
    "Unicode", Word's "Unicode" text) is read as ``importer.utf16_as_utf8`` reads it, noted."""
    from .importer import utf16_as_utf8

    data, utf16 = utf16_as_utf8(path, data)
    if utf16:
        return data.decode("utf-8"), [utf16]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    utf8 = UTF8_IN_1252_RE.search(data)
    if text is not None and utf8 is None and all(c < "\x80" or c in WINDOWS_1252_TEXT for c in text):
        return text, ["read as Windows-1252 (not UTF-8; Word's 'Nur Text' default): check its umlauts"]
    mixed = ""
    if utf8:
        pasted = data.count(b"\n", 0, utf8.start()) + 1
        mixed = f", yet line {pasted} is UTF-8 (text of two encodings pasted together)"
    raise VerlagError(f"not UTF-8{mixed}: save {what} as UTF-8 (Word: 'Speichern unter', 'Nur Text', then the "
                      "encoding 'Unicode (UTF-8)'; an editor: 'UTF-8')", path, line)


WRAP_WIDTH = 100  # a hard-wrapped file's lines of several words are at most this long (editors and mail: 72 to 80)
WRAP_SLACK = 8  # a line was broken where its next word would have passed the width less this many characters
SENTENCE_END_RE = re.compile(r"[.!?:;…\"“”»«)]$")  # a line that ends here may be a paragraph of its own


def _joined_wrapped(lines: list[tuple[int, str]]) -> list[str]:
    """Join, in place, the lines of each hard-wrapped paragraph of ``lines`` (numbered, stripped; a text editor's
    or a mail's file, blank lines between paragraphs) into its first line, the others left empty; returns the note
    saying so, or none. The file's width is its longest line of several words (a long address alone passes it), at
    most ``WRAP_WIDTH``; a paragraph (or list item: one starts the next) is wrapped where each of its lines but
    the last was broken because the next line's first word did not fit the width (``WRAP_SLACK``), and none is
    HTML; and only where one of them breaks inside a sentence. Copied web text has a line a block, long paragraphs,
    a short heading or list line before its text, and sentences whole on their lines: it stays as it is. The
    title (the first line) and the byline under it (``_byline``: "Sabine Lindner", "8. Nov. 2024") are lines of
    their own, however short: joined, the author's name was part of the title."""
    width = max((len(line) for _, line in lines if " " in line), default=0)
    if width > WRAP_WIDTH or all(line for _, line in lines[:-1]):
        return []
    filled = [(number, line) for number, line in lines if line]
    alone = {number for number, _ in filled[:1] + _byline(filled[1:])[0]}
    blocks, block = [], []  # runs of lines: a blank line, a list item, the title and each byline line start the next
    for at, (number, line) in enumerate(lines):
        if block and (not line or _marker(line) or _numbered(line) or number in alone
                      or lines[block[-1]][0] in alone):
            blocks.append(block)
            block = []
        if line:
            block.append(at)
    blocks.append(block)
    full = lambda at: len(lines[at][1]) + 1 + len(lines[at + 1][1].split()[0]) > width - WRAP_SLACK  # noqa: E731
    wrapped = [block for block in blocks if len(block) > 1 and all(full(at) for at in block[:-1])
               and not any(lines[at][1].startswith("<") for at in block)]
    if not any(not SENTENCE_END_RE.search(lines[at][1]) for block in wrapped for at in block[:-1]):
        return []  # no line broken inside a sentence: lines of their own
    joined, hyphens = [], []
    for block in wrapped:
        text = lines[block[0]][1]
        for at in block[1:]:
            text, word = _join_line(text, lines[at][1])
            hyphens += [f"{word} (line {lines[at][0] - 1})"] if word else []
        lines[block[0]] = (lines[block[0]][0], text)
        lines[block[1]:block[-1] + 1] = [(lines[at][0], "") for at in block[1:]]
        joined.append(lines[block[0]][0])
    return [f"hard-wrapped lines joined into one paragraph each (blank lines between paragraphs), at lines "
            f"{', '.join(map(str, joined))}",
            *([f"a word broken at a line end's hyphen joined, check each: {', '.join(hyphens)}"] if hyphens else [])]


# Words a German sentence or heading does not end with (articles, conjunctions, prepositions that are no verb's
# particle: "an", "auf", "mit" end "Rufen Sie uns an"): a line ending with one goes on on the next line.
GOES_ON = frozenset({"der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines", "und",
                     "oder", "aber", "sondern", "dass", "weil", "wenn", "ob", "als", "im", "zum", "zur", "beim", "vom",
                     "für", "von", "ohne", "gegen", "bis", "seit", "sowie", "bzw."})
BROKEN_MIN_WORDS = 3  # a shorter line (a list item "Tee trinken", a heading) is no paragraph broken in a sentence


def _joined_broken(lines: list[tuple[int, str]]) -> list[str]:
    """Join, in place, the lines of each paragraph of ``lines`` (numbered, stripped) that a mail program or a
    paste broke inside its sentences, whatever the width of the file's other lines (``_joined_wrapped`` wants all
    wrapped at one): a line of ``BROKEN_MIN_WORDS`` words or more that ends no sentence, followed directly (no
    blank line) by one that starts in lower case (a German noun starts in upper case, so that alone tells nothing)
    or after a word no sentence ends with (``GOES_ON``: "aus einer" / "E-Mail"), the run ending a sentence. The
    title, the byline under it, a list item, a numbered line, a heading (``#``), an image or HTML line starts no
    continuation. Returns the note naming the lines joined, or none."""
    filled = [(number, line) for number, line in lines if line]
    alone = {number for number, _ in filled[:1] + _byline(filled[1:])[0]}

    def goes_on(at: int) -> bool:
        line, after = lines[at][1], lines[at + 1][1] if at + 1 < len(lines) else ""
        if not line or not after or lines[at][0] in alone or lines[at + 1][0] in alone:
            return False
        if SENTENCE_END_RE.search(line) or len(line.split()) < BROKEN_MIN_WORDS or line.startswith(("<", "#")):
            return False
        if _marker(after) or _numbered(after) or after.startswith(("<", "#", "![")):
            return False
        first = after.split()[0]
        return (first.isalpha() and first.islower()) or (line.split()[-1].lower() in GOES_ON and first[0].isalpha())

    joined, at = [], 0
    while at < len(lines):
        end = at
        while goes_on(end):
            end += 1
        if end > at and SENTENCE_END_RE.search(lines[end][1]):
            text = lines[at][1]
            for following in range(at + 1, end + 1):
                text = _join_line(text, lines[following][1])[0]
                lines[following] = (lines[following][0], "")
            lines[at] = (lines[at][0], text)
            joined.append(f"{lines[at][0]}-{lines[end][0]}")
        at = end + 1
    return [f"lines broken inside a sentence joined into one paragraph, at lines {', '.join(joined)}: check each"
            ] if joined else []


LINE_END_HYPHEN_RE = re.compile(r"(\S*\w)-$")  # "Rücken-", "Vitamin-D-", "E-": a word broken at the line's end
# the word after a suspended compound ("Haus- und Hofarbeiten", "Ein- oder Ausgang"): the hyphen and space stay
SUSPENDED_BEFORE = frozenset({"und", "oder", "bis", "bzw.", "sowie", "noch", "wie", "als"})


def _join_line(text: str, line: str) -> tuple[str, str | None]:
    """(``text`` and the next ``line`` of its hard-wrapped paragraph joined, the word made of a hyphenated line
    end, None for none). Where ``text`` ends with a hyphen after a word, the two are joined without a space,
    conservatively: the hyphen goes only where the letters on both sides are lower case (a syllable split,
    "Rü-" "cken"); it stays in a compound written with one ("E-" "Mail", "Vitamin-D-" "Spiegel"); and before
    "und", "oder" (``SUSPENDED_BEFORE``) the hyphen and the space stay ("Haus- und Hofarbeiten")."""
    end = LINE_END_HYPHEN_RE.search(text)
    first = line.split()[0]
    if end is None or first.lower() in SUSPENDED_BEFORE:
        return f"{text} {line}", None
    syllable = end.group(1)[-1].islower() and first[0].islower()
    head = end.group(1) if syllable else end.group(0)
    return text[:end.start()] + head + line, head + first.rstrip(".,;:!?)»«“”\"'")


def read_text(path: Path, data: bytes, year: int | None = None) -> ImportedArticle:
    """One article from text copied from a blog page (UTF-8), by the rules in this module's docstring.

    ``year``: for dates written without one when the byline names no year. A title alone is an article without
    text, noted. Raises ``VerlagError``
    (file and line) for text that is neither UTF-8 nor Windows-1252 (``decoded``), an empty file, an impossible date, or a date without
    a year when none can be found.
    """
    text, encoding = decoded(data, path, "the copied text")
    text = normalise(text)
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), 1)]
    # the tabs before each line's text: Word copies a nested list item's level as tabs ("\ta)\tsteril verpackt")
    tabs = {number: len(line) - len(line.lstrip("\t")) for number, line in enumerate(text.split("\n"), 1)
            if line.startswith("\t") and line.strip()}
    wrapper: list[str] = _joined_wrapped(lines) + _joined_broken(lines)
    filled = _unwrapped([(n, line) for n, line in lines if line], wrapper)
    if not filled:
        raise VerlagError("the file is empty", path, 1)
    filled, breadcrumbs = _without_breadcrumbs(filled)
    (title_line, title), rest = filled[0], filled[1:]
    heading = MD_HEADING_RE.match(title)
    title = (heading.group(2) if heading else title).replace("\x0b", " ")  # Word's manual line break
    notes = [f"title (first line): {title}", *encoding, *wrapper, *breadcrumbs]
    rest = _without_consent(rest, notes)
    header, rest = _byline(rest)
    author, dates = None, {}
    for number, line in header:
        item = BULLET_RE.sub("", line)
        updated = UPDATED_RE.match(item)
        if updated and german_date(updated.group(2)):
            dates["updated"] = (number, item, german_date(updated.group(2)))
        elif READING_TIME_RE.match(item):
            notes.append(f"dropped the reading time: {item}")
        elif german_date(item) and "date" not in dates:
            dates["date"] = (number, item, german_date(item))
        elif _by(item) and author is None:
            author = _by(item)
            notes.append(f"author (byline '{item}'): {author}")
        elif author is None:
            author = item
            notes.append(f"author (first other byline item): {author}")
        else:
            notes.append(f"dropped a byline item verlag does not know: {item}")
    if "date" not in dates and "updated" in dates and dates["updated"][1].lower().startswith("stand"):
        dates["date"] = dates.pop("updated")  # "Stand:" alone is the page's one date: the date it was written
    found = _resolve_dates(path, dates, year, notes)
    widgets = []
    while rest and _widget(rest[-1][1]):
        widgets.insert(0, rest.pop()[1])
    if widgets:
        notes.append(f"dropped widget text at the end: {', '.join(widgets)}")
    rest = _without_teasers(rest, notes)
    rest = [(number, _bracketed(line, notes)) for number, line in rest]
    html, guesses = _blocks(rest, tabs)
    if "\x0b" in html:  # Word's manual line break (Shift+Enter) copies as U+000B: a hard break, a space in a heading
        html = re.sub(r"<h\d>[^<]*\x0b[^<]*</h\d>", lambda m: re.sub(r"\s*\x0b\s*", " ", m.group()), html)
        html = re.sub(r"[^\S\n]*\x0b[^\S\n]*", "<br>", html)
    body, _, more = html_to_markdown(html)
    if not body.strip():  # a title copied alone: the site would publish a page with nothing under its heading
        notes.append("no text under the title: the article is its title alone; copy the text of the page under "
                     "it before publishing")
    return new_article(title, body, f"{path}:{title_line}", author=author, date=found.get("date"),
                       updated=found.get("updated"), notes=notes + guesses + more)


def _widget(line: str) -> bool:
    """Whether ``line``, in the block of lines that ends the text, is a widget's: ``WIDGET_RE``'s words ("Teilen",
    "12 Aufrufe") or a comment form's and share bar's (``COMMENT_WIDGET_RE``: "Kommentare (3)", "Antworten"), a
    bullet before them aside."""
    text = BULLET_RE.sub("", line)
    return bool(WIDGET_RE.match(text) or COMMENT_WIDGET_RE.match(text))


def _without_teasers(lines: list[tuple[int, str]], notes: list[str]) -> list[tuple[int, str]]:
    """``lines`` without those that are a teaser link's text alone (``TEASER_RE``: "Weiterlesen »", copied from a
    blog's list or the end of its post, was kept as the article's last paragraph, trial 34), named in one note."""
    dropped = [(number, line) for number, line in lines if TEASER_RE.match(line)]
    if dropped:
        notes.append("dropped teaser link text (a link to the article, no text of it): "
                     + ", ".join(f"line {number}: {line}" for number, line in dropped))
    return [(number, line) for number, line in lines if not TEASER_RE.match(line)]


def _bracketed(line: str, notes: list[str]) -> str:
    """``line`` with each image or link address that holds spaces (``![Foto](Tee am Abend.png)``, as a Markdown
    editor shows it) in ``<…>``, so CommonMark reads an image or a link and not text (``notesyntax.bracketed``),
    noted."""
    if "](" not in line:
        return line
    fixed, more = bracketed(line)
    notes += more
    return fixed


def _without_consent(lines: list[tuple[int, str]], notes: list[str]) -> list[tuple[int, str]]:
    """``lines`` without a copied cookie banner, each line left out named in ``notes`` as the saved-page import
    names what it leaves out: a run of neighbouring lines that are consent buttons ("Alle akzeptieren",
    ``CONSENT_BUTTON_RE``) or name cookies (``COOKIE_RE``), with one of each at least; a line about cookies
    without a button beside it ("Wir verwenden für unsere Cookies nur Dinkelmehl …") is text. Neighbours have no
    blank line between them: paragraphs about cookies beside an author's "Okay." are text too."""
    kinds = ["button" if CONSENT_BUTTON_RE.match(line) else "cookie" if COOKIE_RE.search(line) else None
             for _, line in lines]
    left_out: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and kinds[end] and (end == start or lines[end][0] == lines[end - 1][0] + 1):
            end += 1
        if {"button", "cookie"} <= set(kinds[start:end]):
            left_out.update(range(start, end))
        start = max(end, start + 1)
    notes.extend(f"line {number}: left out (widget text?): {without_final_colon(line)}: add it by hand if it belongs"
                 for index, (number, line) in enumerate(lines) if index in left_out)
    return [line for index, line in enumerate(lines) if index not in left_out]


def _byline(filled: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(byline items, the rest): the leading lines that are bullets, dates, reading times, "Aktualisiert:" or
    an author, a line holding several of them ("Von A. Sommer | 12. März 2025") split into its items."""
    header: list[tuple[int, str]] = []
    for index, (number, line) in enumerate(filled):
        items = _dated_byline(line) or ([line] if _byline_item(line) or _name_before_byline(filled, index)
                                        else _byline_items(line))
        if not items:
            return header, filled[index:]
        header.extend((number, item) for item in items)
    return header, []


def _name_before_byline(filled: list[tuple[int, str]], index: int) -> bool:
    """Whether line ``index`` is an author's name alone on the line right after the title ("Sabine Lindner" over
    "8. Nov. 2024", as Wix's byline copies): a short line (six words at most) without a sentence's end, that a
    date or reading time follows, alone or first on a byline of one line ("3. Okt. 2025 · 4 Min. Lesezeit",
    ``_byline_items``)."""
    if index != 0 or len(filled) < 2:
        return False
    line, after = filled[0][1], BULLET_RE.sub("", filled[1][1])
    first = (_byline_items(after) or [after])[0]
    return (len(line) <= SHORT and len(line.split()) <= 6 and not line.endswith((".", "!", ",", ";", ":", "?"))
            and not BULLET_RE.match(line) and bool(german_date(first) or READING_TIME_RE.match(first)))


def _byline_item(line: str) -> bool:
    item = BULLET_RE.sub("", line)
    updated = UPDATED_RE.match(item)  # "Stand: …" is a byline's only before a date ("Stand: Juli" may be text)
    return bool(BULLET_RE.match(line) or german_date(item) or READING_TIME_RE.match(item)
                or (updated and (updated.group(1).lower() != "stand:" or german_date(updated.group(2))))
                or _by(item))


def _byline_items(line: str) -> list[str]:
    """The items of a byline written on one line, split by ``BYLINE_SEPARATOR_RE``: each short (six words at
    most, no sentence's end) and one at least a byline item (``_byline_item``); else none, the line is text."""
    items = [part for item in BYLINE_SEPARATOR_RE.split(line) if item for part in _dated_byline(item) or [item]]
    if len(items) < 2 or not any(_byline_item(item) for item in items):
        return []
    short = all(len(item) <= SHORT and len(item.split()) <= 6 and not item.endswith(("!", ",", ";", ":", "?"))
                and not (item.endswith(".") and _sentence(item)) for item in items)
    return items if short else []


def _dated_byline(item: str) -> list[str]:
    """A date and its author on one line, as WordPress themes print them: "12. September 2025 von Miriam Kessler",
    "Veröffentlicht am 12. September 2025 [von …]", as [date, "von <name>"] (or [date]); else []. The name is what
    ``_by`` takes (six words at most, no sentence's end), so a sentence starting with a date stays text; a line
    longer than a byline is none (and is not searched: linear in a line of any length)."""
    line = BULLET_RE.sub("", item).strip()
    if len(line) > 2 * SHORT:
        return []
    prefix = DATED_PREFIX_RE.match(line)
    rest = line[prefix.end():] if prefix else line
    by = DATED_BY_RE.search(rest)
    written = rest[:by.start()].rstrip() if by else rest
    if not written or not german_date(written):
        return []
    if by is None:
        return [written] if written != item.strip() else []
    return [written, by.group(1)] if _by(by.group(1)) else []


def _sentence(item: str) -> bool:
    """Whether ``item``, ending in a dot, ends as a sentence: not a date, reading time or abbreviation."""
    return not (german_date(item) or READING_TIME_RE.match(item) or re.search(r"\b\w{1,4}\.$", item))


def _by(item: str) -> str | None:
    """The name in a byline "Von Sabine Kranz", "Autorin: Dr. Petra Nord" (a short line of at most six words,
    so that a sentence starting "Von …" stays text), else None."""
    match = BY_RE.match(item)
    return match.group(1) if match and len(item) <= SHORT and len(item.split()) <= 6 \
        and not item.endswith((".", "!", ",", ";", ":", "?")) else None


def _resolve_dates(path: Path, dates: dict, year: int | None, notes: list[str]) -> dict[str, dt.date]:
    """``date``/``updated`` as days; the missing year from the other date, else ``year``."""
    known = [found[2] for _, _, found in dates.values() if found[2]]
    context = known[0] if known else year
    result = {}
    for key in ("updated", "date"):
        if key not in dates:
            continue
        number, written, (day, month, given) = dates[key]
        chosen = given or context
        if chosen is None:
            raise VerlagError(f"the date '{written}' has no year: pass --year (the year it was published)",
                              path, number)
        try:
            value = dt.date(chosen, month, day)
            if key == "date" and not given and "updated" in result and value > result["updated"]:
                value = value.replace(year=chosen - 1)
        except ValueError:
            raise VerlagError(f"'{written}' is not a date", path, number) from None
        result[key] = value
        origin = "" if given else (" (year from --year)" if not known else " (year from the other date)")
        notes.append(f"{key}: {value.isoformat()} from '{written}'{origin}")
    return result


def _short(line: str) -> bool:
    return len(line) <= SHORT and not line.endswith((".", "!", ",", ";", ":"))


def _plain_short(line: str | None) -> bool:
    """A short line without a bullet, number or label: an item of a list a "…:" line announces (bullet lines are a
    list anyway, numbered ones a numbered list, and "Tel.: …" a paragraph: they were items "1\\. Morgens …")."""
    return line is not None and _short(line) and not _marker(line) and not _numbered(line) \
        and not LABEL_RE.match(line)


def _prose(line: str | None) -> bool:
    """A paragraph a heading can stand over: not short, not numbered, not led by a colon label."""
    return line is not None and not _short(line) and not LABEL_RE.match(line) and not _numbered(line)


# An article, pronoun, preposition or conjunction: a list's items and a heading after them may share it by chance.
# Not ``check._OPENERS`` on purpose: it need only hold a word that items share by chance, not every word of prose.
FUNCTION_WORDS = frozenset("der die das den dem des ein eine einen einem einer eines mit ohne bei zum zur im in am an "
                           "auf für von vom vor nach aus und oder wie was wo wer warum wann es sie er".split())


def _parallel(items: list[str]) -> bool:
    """Whether the last of ``items`` (the short lines after a "…:" line) is shaped like the item before it, so
    another item, not a heading: the same marks (a closing ")", a number, a "?") with one at least ("Eine mit
    warmem Wasser (ca. 38 Grad)", "Eine mit kaltem …"), or the same first word ("Tee aus Melisse", "Tee aus
    Lavendel") and no question after an item that is none. A first word that is an article, pronoun or preposition
    (``FUNCTION_WORDS``) counts only where every item starts with it or the line is no longer than the longest
    item before by more than a word: "Die Wirkung auf den Schlaf" after "Die Teekanne" heads its paragraph."""
    line, before = items[-1], items[-2]

    def marks(text: str) -> tuple[bool, ...]:
        return text.endswith(")"), bool(re.search(r"\d", text)), text.endswith("?")

    if marks(line) == marks(before) and any(marks(line)):
        return True
    first = line.split()[0].casefold()
    if first != before.split()[0].casefold() or (line.endswith("?") and not before.endswith("?")):
        return False
    return first not in FUNCTION_WORDS or all(item.split()[0].casefold() == first for item in items) \
        or len(line.split()) <= max(len(item.split()) for item in items[:-1]) + 1


def _in_run(body: list[tuple[int, str]], at: int) -> bool:
    """Whether the line at ``at`` ends a run of plain short lines (an unannounced list), so the one after it
    is the run's last item, not a heading; a bullet, numbered or Markdown heading line before it does not count."""
    before = body[at - 1][1] if at > 0 else None
    return before is not None and _short(before) and not _marker(before) and not _numbered(before) \
        and not LABEL_RE.match(before) and not MD_HEADING_RE.match(before)


@functools.lru_cache(maxsize=1)
def _inline_parser():
    """verlag's CommonMark parser (``segment.commonmark_parser``) with raw HTML read as text: a copied "<b>"
    stays visible text, as it was on the page."""
    from .segment import commonmark_parser

    parser = commonmark_parser()
    parser.options["html"] = False
    return parser


def _inline(text: str) -> str:
    """HTML of one line of copied text: its Markdown emphasis, code spans, links and images as CommonMark reads
    them (``MD_INLINE``: "**Hinweis:**" stays bold), else the line as plain text."""
    parser = _inline_parser()
    tokens = parser.parseInline(text)
    if any(child.type in MD_INLINE for token in tokens for child in token.children or ()):
        return parser.renderInline(text)
    return escape(text)


def _numbered_run(body: list[tuple[int, str]], start: int) -> list[str]:
    """The texts of the lines from ``start`` numbered in sequence (1., 2., …), or [] for fewer than two."""
    items: list[str] = []
    first = _numbered(body[start][1])
    while first and start + len(items) < len(body):
        match = _numbered(body[start + len(items)][1])
        if not match or int(match.group(1)) != int(first.group(1)) + len(items):
            break
        items.append(match.group(2))
    return items if len(items) > 1 else []


def _blocks(body: list[tuple[int, str]], tabs: dict[int, int] | None = None) -> tuple[str, list[str]]:
    """HTML of the body lines (headings, lists, paragraphs) and the guesses made, one note each. ``tabs``: line
    number -> the tabs before its text in the file (``_word_list``)."""
    html: list[str] = []
    notes: list[str] = []
    tables: list[str] = []
    i = 0
    while i < len(body):
        number, line = body[i]
        following = body[i + 1][1] if i + 1 < len(body) else None
        heading = MD_HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            html.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            i += 1
            continue
        if tabs and (end := _word_list(body, i, tabs, html)) > i:
            lettered = any((m := WORD_ITEM_RE.match(text)) and (m.group(2) or m.group(3)) for _, text in body[i:end])
            notes.append(f"lines {number}-{body[end - 1][0]}: a nested list (Word's items: a marker and a tab, each "
                         "level under the first a tab further in)" + (
                             "; its letters or roman numerals (a), b) / i., ii.) numbered 1., 2. (Markdown numbers "
                             "lists only with digits): check any 'see b)' in the text" if lettered else ""))
            i = end
            continue
        rows = _table_rows(body, i)
        if rows:
            html.append(_table(rows))
            tables.append(f"{number}-{body[i + len(rows) - 1][0]}")
            i += len(rows)
            continue
        if _marker(line):
            i = _bulleted(body, i, html, notes)
            continue
        numbered = _numbered_run(body, i)
        if numbered:
            start = _numbered(line).group(1)
            html.append(f'<ol start="{start}">' + "".join(f"<li>{_inline(t)}</li>" for t in numbered) + "</ol>")
            notes.append(f"line {number}: numbered list of {len(numbered)} steps")
            i += len(numbered)
            continue
        html.append(f"<p>{_inline(line)}</p>")
        i += 1
        if line.endswith(":") and _plain_short(following) and not _table_rows(body, i):  # "Tabelle:" over rows
            start = i
            while i < len(body) and _plain_short(body[i][1]):
                i += 1
            items = body[start:i]
            heads = i < len(body) and len(items) > 2 and _prose(body[i][1]) \
                and not _parallel([text for _, text in items])  # the last one heads the paragraph
            html.append(_list([text for _, text in items[:-1 if heads else None]]))
            notes.append(f"line {number}: list of {len(items) - heads} items after '{line}'")
            if heads:
                html.append(_heading(*items[-1], notes))
        elif not (_short(line) and not LABEL_RE.match(line) and not CONSENT_BUTTON_RE.match(line)
                  and not _image(line) and not _in_run(body, i - 1)):  # no line a heading could be
            continue
        elif _prose(following) or (following is not None and (_marker(following) or _numbered_run(body, i))):
            html[-1] = _heading(number, line, notes, "a paragraph" if _prose(following) else "a list")
        elif _plain_short(following):
            i = _unbulleted(body, i, html, notes)
    if tables:  # one note for them all: each row is no guess of its own
        notes.append(f"lines {', '.join(tables)}: {'a table' if len(tables) == 1 else 'tables'} (lines of "
                     "tab-separated cells, as a browser copies a table's rows), "
                     + ("its first line the header row" if len(tables) == 1
                        else "the first line of each its header row"))
    return "\n".join(html), notes


def _table_rows(body: list[tuple[int, str]], start: int) -> list[list[str]]:
    """The cells of each line of the table that starts at ``body[start]``: the run of neighbouring lines (no blank
    line between them) split by tabs into the same number of cells, two or more, as a browser copies a table (a
    Wix or WordPress table pasted into a text file became a paragraph a row, trial 34); [] for fewer than two
    such lines. A list item's line is none: a browser copies a bullet or a number and a tab before its text."""
    rows: list[list[str]] = []
    while start + len(rows) < len(body):
        number, line = body[start + len(rows)]
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < 2 or _marker(line) or _numbered(line) or (rows and len(cells) != len(rows[0])) \
                or (rows and number != body[start + len(rows) - 1][0] + 1):
            break
        rows.append(cells)
    return rows if len(rows) > 1 else []


def _table(rows: list[list[str]]) -> str:
    """HTML of a table whose first row of ``rows`` is its header (``html_to_markdown`` writes it as GFM)."""
    head = "".join(f"<th>{_inline(cell)}</th>" for cell in rows[0])
    rest = "".join("<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rest}</tbody></table>"


def _marker(line: str, dashes: bool = False) -> str | None:
    """The bullet of a list item's line: "-" for each of ``BULLET_RE``'s (a list's first level), else that of a
    browser's deeper level ("◦", "▪", "▫", "‣": ``SUB_BULLET_RE``), or "–" in a list of "-" items (``dashes``:
    "- Beeren kochen", "– mit Zucker"); None for a line that is no item."""
    if BULLET_RE.match(line):
        return "-"
    sub = SUB_BULLET_RE.match(line) or (EN_DASH_RE.match(line) if dashes else None)
    return sub.group(0).strip() if sub else None


def _bulleted(body: list[tuple[int, str]], start: int, html: list[str], notes: list[str]) -> int:
    """Append to ``html`` the bulleted list whose first item is ``body[start]``; returns the index after it. A kind
    of bullet keeps the level it first had in the list, and one new to it goes a level under the item before it:
    a browser copies a nested list's levels as "•", "◦", "▪" (trial 18's "◦" item split its list in two around a
    paragraph "◦ …"), each noted where it goes deeper. No item is more than one level under the one before it."""
    dashes, levels, items, at = body[start][1].startswith("-"), {}, [], start
    while at < len(body) and (marker := _marker(body[at][1], dashes)):
        deeper = (items[-1][0] if items else -1) + 1
        level = min(levels.setdefault(marker, deeper), deeper)
        if items and level == deeper:
            notes.append(f"line {body[at][0]}: list item nested under the one before (its bullet {marker})")
        items.append((level, body[at][1][1:].lstrip()))  # each bullet is one character
        at += 1
    html.append(_nested_list(items))
    return at


# A list item as Word copies it: its number, letter or bullet ("1.", "a)", "iv.", "o", "§", "•"), a tab, its text;
# a deeper level has a tab before it for each level.
WORD_ITEM_RE = re.compile(r"^(?:(\d{1,3})[.)]|([a-z])[.)]|([ivx]{1,5})[.)]|([o§▪•·◦\-–*]))\t+(\S.*)$")


def _word_list(body: list[tuple[int, str]], start: int, tabs: dict[int, int], html: list[str]) -> int:
    """Append to ``html`` the nested list whose first item is ``body[start]``, as Word copies one (``WORD_ITEM_RE``,
    the tabs before an item its level, ``tabs``): a numbered item holds an ordered list, "a)" a lettered one, "o"
    Word's second-level bullet (trial 38: "\ta)\tsteril verpackt" under "1.\tPflaster" was a table of two
    columns). Returns the index after it, or ``start`` (nothing taken) where none of its items is deeper: a list
    of one level is read as before."""
    items: list[tuple[int, bool, str, str | None]] = []  # (level, ordered, text, its number)
    at = start
    while at < len(body):
        number, line = body[at]
        item = WORD_ITEM_RE.match(line)
        level = tabs.get(number, 0)
        if item is None or (items and level > items[-1][0] + 1) or (not items and level):
            break
        items.append((level, item.group(4) is None, item.group(5), item.group(1)))
        at += 1
    if not any(level for level, *_ in items):
        return start
    out, open_tags = [], []  # the lists open, each its closing tag
    for level, ordered, text, first in items:
        while len(open_tags) > level + 1:
            out.append("</li>" + open_tags.pop() + "")
        if len(open_tags) == level + 1:
            out.append("</li>")
            if open_tags[-1] != ("</ol>" if ordered else "</ul>"):
                out.append(open_tags.pop())
        if len(open_tags) < level + 1:
            out.append(("<ol>" if first in (None, "1") else f'<ol start="{int(first)}">') if ordered else "<ul>")
            open_tags.append("</ol>" if ordered else "</ul>")
        out.append(f"<li>{_inline(text)}")
    while open_tags:
        out.append("</li>" + open_tags.pop())
    html.append("".join(out))
    return at


def _nested_list(items: list[tuple[int, str]]) -> str:
    """A ``<ul>`` of ``items`` ((level, text), the first at 0, none more than a level under the one before), each
    deeper one a ``<ul>`` inside the item before it, as CommonMark nests lists by indentation."""
    html, depth = [], -1
    for level, text in items:
        html.append("<ul>" if level > depth else "</li>" + "</ul></li>" * (depth - level))
        html.append(f"<li>{_inline(text)}")
        depth = level
    return "".join(html) + "</li>" + "</ul></li>" * depth + "</ul>"


def _unbulleted(body: list[tuple[int, str]], at: int, html: list[str], notes: list[str]) -> int:
    """Rule 4's list that lost its bullets in copying: the short line before ``at`` (``html``'s last paragraph)
    heads the run of plain short lines from ``at`` when prose follows the run, two items at least remain and it
    has fewer words than each of them (a shorter line over longer ones; "Salz", "Pfeffer", "Olivenöl" are alike,
    each a paragraph as before); the
    run's last line heads that prose instead when it is not shaped like the item before it (``_parallel``), as
    after a "…:" line ("Typische Zeichen", three symptoms, "Was Sie selbst tun können", its paragraph: trial 12
    got five paragraphs). Returns the index after the run, or ``at`` (nothing taken: each line a paragraph, as an
    address block at the end stays)."""
    end = at
    while end < len(body) and _plain_short(body[end][1]):
        end += 1
    items = body[at:end]
    if end == len(body) or not _prose(body[end][1]):
        return at
    heads = len(items) > 2 and not _parallel([text for _, text in items])
    number, line = body[at - 1]
    kept = [text for _, text in items[:-1 if heads else None]]
    if len(kept) < 2 or len(line.split()) >= min(len(text.split()) for text in kept):
        return at
    html[-1] = _heading(number, line, notes, "a list")
    html.append(_list(kept))
    notes.append(f"line {items[0][0]}: list of {len(items) - heads} short lines under '{line}' (no bullets in the "
                 "text: lost in copying?)")
    if heads:
        html.append(_heading(*items[-1], notes))
    return end


def _image(line: str) -> bool:
    """Whether ``line`` is an image alone (``![Foto](tee.png)``, as CommonMark reads it): its own paragraph, never
    a heading, which would keep its description alone."""
    children = [child for token in _inline_parser().parseInline(line) for child in token.children or ()]
    return [child.type for child in children if child.type != "text" or child.content.strip()] == ["image"]


def _heading(number: int, line: str, notes: list[str], before: str = "a paragraph") -> str:
    notes.append(f"line {number}: heading (short line before {before}): {line}")
    return f"<h2>{_inline(line)}</h2>"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + "</ul>"


def headed(text: str) -> str:
    """``text``, a translation kept as plain text (blank lines between paragraphs), with its title and headings
    marked as CommonMark ATX headings, by the rules German copied text is read by: the first line is the title
    (``# ``) when it is alone in its paragraph, or short (``_short``: at most ``SHORT`` characters, no closing
    ".", "!", ",", ";" or ":") with the first paragraph's text on the next line (at most ``TITLE_SHARE`` of its
    length, so the first line of a hard-wrapped paragraph is none); a later line alone in its paragraph that is
    short, neither a list item nor a label line, is a heading (``## ``) by the rules ``_blocks`` reads copied German
    text by: where a paragraph of prose (``_prose``, its lines joined) or a list follows it, unless the paragraph
    before it is a short line too (``_plain_short``): a run of short lines, as Word's "Plain Text" saves a list one
    line a paragraph, is that list's lines, no headings; the last of the short lines after a "…:" line heads the
    prose after them where two others remain and it is not shaped like the one before (``_parallel``). Lines keep
    their numbers (an ATX heading needs no blank line after it). Text that has a heading already (ATX or setext,
    https://spec.commonmark.org/0.31.2/#atx-headings) is CommonMark: returned as it is, but for its title, by the
    same rule, where it has no level-1 heading (``## `` sections under a first line written without ``# ``)."""
    from .segment import commonmark_parser

    headings = [token.tag for token in commonmark_parser().parse(text) if token.type == "heading_open"]
    if "h1" in headings:
        return text
    lines = text.split("\n")
    alone = [n for n, line in enumerate(lines) if line.strip() and (n == 0 or not lines[n - 1].strip())
             and (n + 1 == len(lines) or not lines[n + 1].strip())]
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if not filled:
        return text
    first = lines[filled[0]].strip()
    following = lines[filled[0] + 1].strip() if filled[0] + 1 < len(lines) else ""
    if not (BULLET_RE.match(first) or NUMBERED_RE.match(first) or LABEL_RE.match(first)
            or first.startswith(("!", "<", "|", "#", ">"))) and (
            filled[0] in alone or (_short(first) and following and len(first) <= TITLE_SHARE * len(following)
                                   and not following.startswith(("=", "-")))):
        lines[filled[0]] = f"# {first}"
    if not headings:
        marked, items = _headings_of_paragraphs(lines, filled, set(alone))
        for n in marked:
            lines[n] = f"## {lines[n].strip()}"
        for n in items:
            lines[n] = f"- {lines[n].strip()}"
    return "\n".join(lines)


def _headings_of_paragraphs(lines: list[str], filled: list[int], alone: set[int]) -> tuple[list[int], list[int]]:
    """The indices of the ``lines`` (plain text, blank lines between paragraphs; ``filled``: those with text, the
    first the title) that ``headed`` makes headings, and those it makes the items of the list a "…:" line announces:
    each ``alone`` in its paragraph, by ``_blocks``'s rules."""
    starts = [n for n in filled if n == 0 or not lines[n - 1].strip()]
    ends = [next((n for n in range(start, len(lines)) if not lines[n].strip()), len(lines)) for start in starts]
    texts = [" ".join(line.strip() for line in lines[start:end]) for start, end in zip(starts, ends)]  # joined
    single = [start in alone for start in starts]
    found, listed, k = [], [], 1
    while k < len(starts):
        line, before = texts[k], texts[k - 1]
        if not single[k] or not _plain_short(line) or line.startswith(("!", "<", "|")):
            k += 1
            continue
        if single[k - 1] and before.endswith(":"):  # the list a "…:" line announces; its last item may head
            end = k
            while end < len(starts) and single[end] and _plain_short(texts[end]):
                end += 1
            items = texts[k:end]
            heads = end < len(starts) and len(items) > 2 and _prose(texts[end]) and not _parallel(items)
            found += [starts[end - 1]] if heads else []
            listed += starts[k:end - 1 if heads else end]
            k = end
            continue
        after = texts[k + 1] if k + 1 < len(starts) else None
        a_list = after is not None and (_marker(after) or _numbered(after))
        if (_prose(after) or a_list) and not (_plain_short(before) and not before.startswith("#")):
            found.append(starts[k])
        k += 1
    return found, listed


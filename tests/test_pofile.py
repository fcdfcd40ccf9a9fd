"""Catalogs are laid out exactly as GNU gettext lays them out.

Poedit and the gettext tools re-wrap a PO file on save; if verlag wrapped
differently, every review would churn the whole file and every extract churn
it back. msgcat is the reference; it drops flags it does not know
(``markdown-text``), so those are left out of the comparison.
"""

from __future__ import annotations

import json
import re
import subprocess

import polib
import pytest

from pipeline.engines import pseudo
from hypothesis import given
from hypothesis import strategies as st

from pipeline.pofile import _ESCAPES, _OTHER_DIGITS, encode_like, escape, layouts, parse, render_po

from conftest import REPO, need_corpus

KNOWN_FLAG = re.compile(r"^(fuzzy|no-wrap|wrap|[a-z-]+-format|no-[a-z-]+-format)$")


def gnu_layout(text: str, tmp_path) -> str:
    path = tmp_path / "in.po"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    return proc.stdout


def without_unknown_flags(text: str) -> str:
    def keep(match: re.Match) -> str:
        flags = [f for f in match.group(1).split(", ") if KNOWN_FLAG.match(f)]
        return "#, " + ", ".join(flags) + "\n" if flags else ""

    return re.sub(r"^#, (.*)\n", keep, text, flags=re.M)


def stress_catalog(texts: list[str]) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms":
                   "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"}
    for i, text in enumerate(dict.fromkeys(t for t in texts if t)):
        po.append(polib.POEntry(msgctxt=str(i), msgid=text, msgstr=pseudo(text), tcomment="a\n\nb",
                                occurrences=[("source_de/artikel.md", str(n)) for n in range(i % 25)],
                                flags=["fuzzy"] if i % 3 else [], previous_msgid=text[::-1] if i % 3 else None))
    return po


@pytest.mark.parametrize("path", sorted((REPO / "translations").rglob("*.po*")), ids=lambda p: p.name)
def test_shipped_catalogs_have_gnu_layout(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    assert gnu_layout(text, tmp_path) == without_unknown_flags(text)


def test_commonmark_examples_wrap_exactly_like_msgcat(tmp_path):
    examples = json.loads(need_corpus("commonmark/examples.json").read_text(encoding="utf-8"))
    text = render_po(stress_catalog([e["markdown"] for e in examples]))
    assert gnu_layout(text, tmp_path) == text


def test_prose_with_punctuation_in_every_position_wraps_exactly_like_msgcat(tmp_path):
    """Reversed sentences put spaces before commas and after brackets: GNU's rarer break rules."""
    sentences = [e.msgid for path in sorted((REPO / "translations").rglob("*.po"))
                 for e in polib.pofile(str(path)) if len(e.msgid) > 60]
    assert len(sentences) > 50
    text = render_po(stress_catalog(sentences + [s[::-1] for s in sentences]))
    assert gnu_layout(text, tmp_path) == text


def test_render_of_a_parsed_catalog_is_the_identity():
    for path in sorted((REPO / "translations").rglob("*.po*")):
        text = path.read_text(encoding="utf-8")
        assert render_po(polib.pofile(text)) == text


def test_digit_class_matches_pythons_isdigit():
    """The break regex names the non-decimal digits itself; they must be exactly the ones ``str.isdigit`` sees."""
    expected = "".join(c for c in map(chr, range(0x110000)) if c.isdigit() and not c.isdecimal())
    found = "".join(c for c in expected if re.fullmatch(f"[{_OTHER_DIGITS}]", c))
    assert found == expected
    assert not re.search(f"[{_OTHER_DIGITS}]", "0123456789abcäöß.,;")


def test_escapes_digits_dashes_and_runs_of_spaces_wrap_exactly_like_msgcat(tmp_path):
    """Tabs, quotes and backslashes take two columns; superscripts are digits; em dashes break after letters."""
    pieces = ["Schritt\tzwei", 'ein "Zitat"', "C:\\Pfad\\Datei", "m² und 10³ Byte", "Wort—Wort", "9—3",
              "(  Klammer  )", "„  Anführung“", "Ende .  Satz", "a/b/c", "x –, y", "$HOME/%PATH%+{a}"]
    texts = [" ".join(pieces[i:] + pieces[:i]) * 3 for i in range(len(pieces))]
    text = render_po(stress_catalog(texts + [t[::-1] for t in texts]))
    assert gnu_layout(text, tmp_path) == text


_ESCAPABLE = ' aä"\\\n\t\r\a\b\f\v\u00a0\u00ad\u200b\u2028\u0085„'


@given(st.text(alphabet=_ESCAPABLE, max_size=40))
def test_escape_writes_gnus_c_escapes(text):
    """``escape`` skips its regex for a printable text without ``"`` or ``\\``; every other text, also one with a
    character ``str.isprintable`` refuses that needs no escape (no-break space, soft hyphen, line separator),
    gets each of GNU's C escapes."""
    assert escape(text) == "".join(_ESCAPES.get(char, char) for char in text)


def test_long_strings_with_escapes_and_unprintable_spaces_wrap_exactly_like_msgcat(tmp_path):
    """Strings wider than a line, with escapes or without, with a no-break space or soft hyphen or without:
    ``field`` finds their break opportunities once, ``escape`` skips the strings that need none."""
    words = ["Wort", "ein\tTab", 'ein "Zitat"', "C:\\Pfad", "no\u00a0break", "Silben\u00adtrennung", "Satz.", "a/b"]
    texts = [" ".join(words[(i + k) % len(words)] for k in range(6 + i % 20)) for i in range(60)]
    text = render_po(stress_catalog(texts + [t.replace("\t", " ").replace('"', "'").replace("\\", "/") for t in texts]))
    assert gnu_layout(text, tmp_path) == text


def test_encode_like_keeps_the_line_ends_most_of_the_previous_file_has():
    text = 'msgid "a"\nmsgstr "b\\n"\n'
    assert encode_like(text, None) == text.encode("utf-8")
    assert encode_like(text, b'msgid ""\r\nmsgstr ""\r\n') == b'msgid "a"\r\nmsgstr "b\\n"\r\n'
    assert encode_like(text, b'msgid ""\nmsgstr ""\n"x"\r\n') == text.encode("utf-8")  # one stray CR: LF wins


# Long lines in scripts whose characters are not one column each, as GNU gettext counts columns: Arabic harakat,
# Devanagari and Thai vowel signs, ZWNJ (Persian) and ZWJ (emoji sequences) take none, emoji and CJK two
SCRIPTS = {
    "ar": "مَرْحَبًا بِكُمْ فِي عِيَادَتِنَا، نَحْنُ سُعَدَاءُ بِزِيَارَتِكُمْ وَنَتَمَنَّى لَكُمْ صِحَّةً جَيِّدَةً دَائِمًا؟ "
          "«الكبد» (١٢) ٣٤٪",
    "fa": "می‌خواهم این مقاله را بخوانم و کتاب‌ها را به دوستانم نشان بدهم تا آن‌ها هم بدانند، «چرا» می‌گویم؟",
    "hi": "नमस्ते, यह एक लंबा वाक्य है जिसमें हिंदी के मात्राएँ और संयुक्ताक्षर हैं ताकि हम देख सकें कि पंक्ति कैसे "
          "टूटती है। (१२)",
    "th": "สวัสดีครับ นี่คือประโยคภาษาไทยที่ยาวมาก เพื่อทดสอบการตัดบรรทัด ที่มีสระและวรรณยุกต์ต่างๆ มากมาย",
    "emoji": "Familie 👨‍👩‍👧‍👦 und Daumen 👍🏽 Flagge 🇩🇪 „Zitat“ – Text, (Klammer) 12 % x/y é̃ a\u0301 ﷺ",
    # CJK sentences, shuffled whole: ideographs and kana break between any two, never before closing marks
    "zh": "这是一个很长的中文句子，用来测试换行的行为是否与GNU的msgcat完全相同。 我们需要确保每一行的宽度（以列计算）都是正确的！ "
          "请参阅《使用手册》第12页，或者访问https://example.org/。 他说：“今天天气很好。”然后离开了。",
    "ja": "これは長い日本語の文章です。 「括弧」や、句読点、カタカナのテキスト、ひらがなを含んでいます。 "
          "もう少し長くしましょう（約３０％）。 ちょっと待ってください… 東京タワーは333メートルです。",
    "ko": "이것은 한국어로 된 긴 문장입니다. 줄 바꿈이 올바르게 되는지 확인하기 위해서 충분히 길게 써야 합니다. "
          "간은 밤에 일합니다 (약 30%).",
    "mixed": "„Leber“ heißt 肝 (gān) auf Chinesisch. Die **Leber** – 肝臓 – arbeitet nachts. 東京タワーは333メートルです。",
}


def test_combining_marks_joiners_and_wide_characters_wrap_exactly_like_msgcat(tmp_path):
    """GNU fills a line by columns (libunistring's ``uc_width``), not characters: a reviewer's Arabic or Persian
    catalog was wrapped shorter than msgcat wraps it, so every save and every extract rewrapped it. Words of
    each script in many orders, and a quote, spaces and an opening bracket (no break there: UAX #14 LB15); CJK
    text breaks between ideographs, which a catalog in Chinese or Japanese is full of."""
    import random

    rng = random.Random(14)
    texts = [("" if script in ("zh", "ja") and n % 2 else " ").join(rng.choice(words) for _ in range(rng.randint(5, 40)))
             for script, words in ((script, text.split()) for script, text in SCRIPTS.items()) for n in range(40)]
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for i, msgid in enumerate(list(SCRIPTS.values()) + texts):
        po.append(polib.POEntry(msgctxt=str(i), msgid=msgid, msgstr=msgid, flags=["fuzzy"],
                                previous_msgid=msgid[i % 7:] if i % 2 else None))
    text = render_po(po)
    assert gnu_layout(text, tmp_path) == text


def test_a_catalog_mixing_one_column_and_other_text_wraps_exactly_like_msgcat(tmp_path):
    """Text whose every character takes one column (ASCII, German with „“–…€, Greek, Cyrillic) is measured by
    its length and broken by the plain rules, the rest by columns; the entries mix both, with escapes, at every
    length around the 79 columns a line has, as current, previous and obsolete entries (each its own room)."""
    import random

    from pipeline.pofile import _one_column

    rng = random.Random(5)
    one_column = ["Leber", "„Zitat“", "–", "Rücken-Schmerz", "10 €", "usw.", "(Klammer)", "a/b", "Wort—Wort",
                  "x\ty", 'ein "Wort"', "C:\\Pfad", "Ζεύς", "Печень", "…", "?!", "[Link](https://example.org/a-b)"]
    other = ["肝臓", "é̃", "👍🏽", "شُكْرًا", "می‌خواهم", "안녕"]
    texts = []
    for n in range(600):
        words = one_column if n % 3 else one_column + other
        text = ""
        target = rng.randint(60, 200)
        while len(text) < target:
            text += rng.choice(words) + rng.choice([" ", " ", " ", "", "  ", "\n"])
        texts.append(text.strip() or "x")
    assert 150 < sum(map(_one_column, texts)) < 550  # both kinds, many of each
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for i, text in enumerate(dict.fromkeys(texts)):
        po.append(polib.POEntry(msgctxt=str(i), msgid=text, msgstr=text[::-1], flags=["fuzzy"] if i % 2 else [],
                                previous_msgid=text[i % 5:] if i % 2 else None, obsolete=i % 7 == 0))
    text = render_po(po)
    assert gnu_layout(text, tmp_path) == text


def test_column_widths_are_libunistrings():
    """``_columns`` against ``uc_width`` of the libunistring GNU msgcat uses, for every assigned character."""
    import ctypes
    import ctypes.util
    import unicodedata

    from pipeline.pofile import _CJK_RE, _ESCAPES, _columns, _one_column

    library = ctypes.util.find_library("unistring")
    assert library, "libunistring (GNU gettext's) not found"
    uc_width = ctypes.CDLL(library).uc_width
    uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    wrong = [f"U+{cp:04X}" for cp in range(0xa0, 0x110000)
             if unicodedata.category(chr(cp)) not in ("Cc", "Cs", "Co", "Cn")
             and uc_width(cp, b"UTF-8") != _columns(chr(cp))]
    assert not wrong, wrong[:20]
    # The characters whose texts the writer measures by length (``_one_column``) take one column and are no CJK
    one = [cp for cp in range(0x20, 0x110000) if unicodedata.category(chr(cp)) not in ("Cc", "Cs")
           and chr(cp) not in _ESCAPES and _one_column(chr(cp))]
    assert len(one) > 1000
    wrong = [f"U+{cp:04X}" for cp in one
             if (uc_width(cp, b"UTF-8"), _columns(chr(cp)), bool(_CJK_RE.match(chr(cp)))) != (1, 1, False)]
    assert not wrong, wrong[:20]


def test_soft_hyphens_and_zero_width_spaces_wrap_exactly_like_msgcat(tmp_path):
    """A soft hyphen (U+00AD, UAX #14 class BA) is a place msgcat may end a line, as is a zero-width space
    (U+200B, ZW: after it and the spaces after it, never before it). German copied from a web page is full of
    soft hyphens ("Rücken\\u00adschmerz"); verlag broke only at spaces there, so msgcat, Poedit and Weblate
    rewrapped every such entry on save and each extract wrapped it back."""
    import random

    rng = random.Random(8)
    words = ["Rücken\u00adschmerz", "Leber", "Wirbel\u00adsäule", "a\u200bb", "https://example.org/\u200bpfad", "„Zitat“",
             "10\u00ad000", "x\u00ad", "\u00ad", "\u200b", "(Klam\u00admer)", "Ende.", "Schul\u00adter–Nacken", "\u200b\u200b",
             "肝臓", "Wort"]
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for i in range(400):
        text = ""
        target = rng.randint(60, 200)
        while len(text) < target:
            text += rng.choice(words) + rng.choice([" ", " ", "", "  "])
        po.append(polib.POEntry(msgctxt=str(i), msgid=text.strip() or "x", msgstr=text[::-1],
                                previous_msgid=text[i % 5:] if i % 2 else None, flags=["fuzzy"] if i % 2 else []))
    text = render_po(po)
    assert gnu_layout(text, tmp_path) == text


def test_a_word_too_wide_to_break_stays_on_its_keyword_line_as_msgcat_leaves_it(tmp_path):
    """A value wider than its line with no place to break (a long compound, a code token) is left on the msgid line
    by msgcat; verlag put it under an empty first string, so every msgcat or Poedit save moved it back."""
    texts = ["a" * n for n in (69, 70, 71, 72, 75, 77, 78, 90)]
    texts += ["Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsleitung",
              "`" + "ZeichenkettenLänge" * 5 + "`", "ß" * 85, "x" * 70 + " y", "y " + "x" * 90]
    text = render_po(stress_catalog(texts))
    assert gnu_layout(text, tmp_path) == text


def msgcat_no_wrap(text: str, tmp_path) -> str:
    path = tmp_path / "unwrapped.po"
    path.write_text(text, encoding="utf-8")
    return subprocess.run(["msgcat", "--no-wrap", str(path)], capture_output=True, text=True, check=True).stdout


def test_a_catalog_saved_unwrapped_is_written_exactly_as_msgcat_no_wrap_writes_it(tmp_path):
    """A reviewer's tool that saves without wrapping (``msgcat --no-wrap``, Poedit with wrapping off, Weblate's
    "only wrap lines at newlines") leaves long strings on one line. verlag wrote every catalog wrapped, so the next
    extract was a diff of the whole file; a catalog read so is now written so, byte for byte as ``msgcat --no-wrap``
    writes the same content (a string still breaks after each newline, ``#:`` lines still wrap)."""
    from pipeline.pofile import wraps

    sentences = [e.msgid for path in sorted((REPO / "translations").rglob("*.po"))
                 for e in polib.pofile(str(path)) if len(e.msgid) > 60]
    texts = sentences + [s[::-1] for s in sentences] + ["Zeile\neins und zwei " * 9, "肝臓は夜に働きます。" * 12,
                                                         'ein "Zitat"\tund C:\\Pfad ' * 6, "b" * 95]
    po = stress_catalog(texts)
    po[3].obsolete = 1
    wrapped = render_po(po)
    unwrapped = msgcat_no_wrap(wrapped, tmp_path)
    assert unwrapped != wrapped and max(map(len, unwrapped.split("\n"))) > 200
    assert not wraps(unwrapped.encode()) and not wraps(unwrapped.replace("\n", "\r\n").encode())
    assert render_po(polib.pofile(unwrapped), wrap=False) == unwrapped
    assert wraps(wrapped.encode()) and wraps(None) and wraps(b'msgid ""\nmsgstr ""\n')
    # a long line that nothing could break, in a wrapped catalog: still wrapped
    assert wraps(render_po(stress_catalog(["c" * 120, "kurz"])).encode())
    # one string broken where only wrapping breaks: a wrapped catalog, whatever its long lines
    assert wraps((unwrapped + 'msgid ""\n"Ein Satz, "\n"umbrochen."\nmsgstr ""\n').encode())


KEPT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset={charset}\\n"
"Language: en\\n"

#| msgid ""
#| "Vorher ein langer Satz, den ein anderes Werkzeug nach seinen eigenen Regeln "
#| "umgebrochen hat."
msgid "Jetzt ein Satz."
msgstr ""
"A string another tool broke at its own width, which is narrower "
"than GNU's, \\"quoted\\" and with Umlaut \u00e4."

msgid "Kurz"
msgstr "A string on one line, wider than GNU's 79 columns, as msgcat --no-wrap lays it out."

#~ msgid "Alt"
#~ msgstr ""
#~ "An obsolete string, broken "
#~ "early."
"""


@pytest.mark.parametrize("charset, newline", [("UTF-8", "\n"), ("UTF-8", "\r\n"), ("ISO-8859-1", "\n")])
def test_strings_whose_text_stayed_keep_the_lines_the_file_had(charset: str, newline: str):
    """``layouts`` keeps another tool's lines for every string of the file written over: previous, obsolete,
    wrapped narrower, one long line; an entry whose text changed is laid out as GNU lays it out."""
    text = KEPT.format(charset=charset)
    data = text.replace("\n", newline).encode(charset)
    po = parse(text)
    assert render_po(po, True, layouts(data)) == text  # every string as the file had it
    assert render_po(po, True) != text  # GNU lays them out otherwise
    po.find("Kurz").msgstr = "Another string on one line, wider than GNU's 79 columns, as msgcat --no-wrap has it."
    po.find("Jetzt ein Satz.").msgstr += " "
    again = render_po(po, True, layouts(data))
    assert 'msgstr ""\n"Another string on one line, wider than GNU' in again  # changed: GNU's layout
    assert '"A string another tool broke at its own width, which is narrower than GNU\'s, ' in again
    assert "#~ \"An obsolete string, broken \"\n#~ \"early.\"" in again and "#| \"umgebrochen hat.\"" in again
    assert layouts(b"") == {} and layouts(None) == {}



def _layouts_before(previous: bytes | None) -> dict:
    """``layouts`` as it was before perfU, the reference: each string's text by ``_QUOTED.findall`` of its lines."""
    import pipeline.pofile as pofile

    quoted = re.compile(r'"((?:[^"\\\n]|\\.)*)"\n')
    if not previous:
        return {}
    try:
        text = previous.decode(pofile._encoding(previous[:4096].decode("ascii", "replace")))
    except (LookupError, UnicodeDecodeError):
        return {}
    text = text.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    found = {}
    for match in pofile._FIELD_LINES.finditer(text):
        block = match.group(3)
        first = block.find("\n")
        if first == len(block) - 1 and first + len(match.group(1)) + len(match.group(2)) + 1 <= pofile.WIDTH:
            continue
        lines = block[:-1].split("\n")
        head = f"{match.group(1)}{match.group(2)} "
        found[(match.group(1), match.group(2), "".join(quoted.findall(block)))] = (head + lines[0], *lines[1:])
    return found


TRICKY = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#| msgid "Ein \"Zitat\" am "
#| "Ende\\"
msgid ""
"Ein \"Zitat\"\n"
"\"\" und ein Backslash \\"
"\\ am Zeilenende"
msgstr "\"A quote\" that ends a line \""
"\" and one that starts it, in a string far wider than seventy-nine columns"

#~| msgid "Alt, "
#~| "umgebrochen"
#~ msgid "Alt"
#~ msgstr[0] ""
#~ "eins, "
#~ "\t zwei"
#~ msgstr[1] "a one-line plural form wider than GNU's 79 columns, laid out as no-wrap does"
"""


@pytest.mark.parametrize("path", sorted((REPO / "translations").rglob("*.po")),
                         ids=lambda p: p.parent.name + "/" + p.name)
def test_layouts_reads_every_catalog_as_it_did_with_one_regex_a_line(path):
    """``layouts`` joins a string's lines by cutting the line joins out of its block instead of a regex per line
    (perfU: 6.8 % of the update's CPU was ``layouts``); the same keys and lines for every catalog, wrapped, not
    wrapped, with CRLF line ends."""
    data = path.read_bytes()
    po = parse(data.decode("utf-8"))
    for version in (data, render_po(po, wrap=False).encode(), data.replace(b"\n", b"\r\n"), TRICKY.encode()):
        assert layouts(version) == _layouts_before(version)
    assert len(layouts(TRICKY.encode())) == 7  # the header's msgstr and every string of two lines or wide


SPACED_REFERENCES = [
    [("source_de/grüner tee.md", "2")],
    [("source_de/grüner tee.md", "6"), ("source_de/grüner tee.md", "14"), ("source_de/grüner tee.md", "27")],
    [("source_de/ein langer name mit vielen leerzeichen für den tee.md", "120"), ("seiten/über uns.md", "3")],
    [("source_de/ohne zeile.md", ""), ("source_de/kräuter-und-tees-für-den-winter.md", "9"),
     ("source_de/kräuter-und-tees-für-den-winter.md", "19"), ("source_de/tab\tname.md", "4")],
    [("source_de/äöüßäöüßäöüß.md", "1"), ("source_de/äöüßäöüßäöüß.md", "2"), ("source_de/äöüßäöüßäöüß.md", "3")],
]
# What msgcat of GNU gettext 0.22.4 writes for a catalog of those references (made with it: the Debian gettext
# here is 0.21, which writes no isolates): a name with a space or a tab between U+2068 and U+2069, and a line
# wrapped where its UTF-8 bytes, the isolates not counted, would pass 79 columns
GETTEXT_0_22 = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

#: \u2068source_de/grüner tee.md\u2069:2
msgid "Satz 0."
msgstr "Sentence 0."

#: \u2068source_de/grüner tee.md\u2069:6 \u2068source_de/grüner tee.md\u2069:14
#: \u2068source_de/grüner tee.md\u2069:27
msgid "Satz 1."
msgstr "Sentence 1."

#: \u2068source_de/ein langer name mit vielen leerzeichen für den tee.md\u2069:120
#: \u2068seiten/über uns.md\u2069:3
msgid "Satz 2."
msgstr "Sentence 2."

#: \u2068source_de/ohne zeile.md\u2069 source_de/kräuter-und-tees-für-den-winter.md:9
#: source_de/kräuter-und-tees-für-den-winter.md:19 \u2068source_de/tab\tname.md\u2069:4
msgid "Satz 3."
msgstr "Sentence 3."

#: source_de/äöüßäöüßäöüß.md:1
#: source_de/äöüßäöüßäöüß.md:2
#: source_de/äöüßäöüßäöüß.md:3
msgid "Satz 4."
msgstr "Sentence 4."
"""


def test_references_to_file_names_with_spaces_are_written_as_gnu_gettext_0_22_writes_them(tmp_path):
    """GNU gettext 0.22 and later isolate a file name with spaces in ``#:`` references (U+2068 … U+2069, its
    NEWS), so it reads back as one name; written bare, gettext, polib and Poedit read two references. verlag writes
    them byte for byte as msgcat 0.22 does, and wraps a reference line at the UTF-8 bytes GNU counts."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for n, occurrences in enumerate(SPACED_REFERENCES):
        po.append(polib.POEntry(msgid=f"Satz {n}.", msgstr=f"Sentence {n}.", occurrences=occurrences))
    text = render_po(po)
    assert text == GETTEXT_0_22
    path = tmp_path / "x.po"
    path.write_text(text, encoding="utf-8")
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
    version = subprocess.run(["msgcat", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    if tuple(map(int, re.findall(r"\d+", version)[:2])) >= (0, 22):  # a gettext that isolates: the same bytes
        assert gnu_layout(text, tmp_path) == text


def test_references_isolated_or_bare_read_back_as_gnu_gettext_reads_them():
    """An isolated name reads back whole, with or without its line, also where the text goes to polib (a line
    ``parse`` hands over); a bare name with spaces (gettext before 0.22, verlag before it isolated them) reads as
    every gettext reads it: cut at its spaces."""
    assert [e.occurrences for e in parse(GETTEXT_0_22)] == SPACED_REFERENCES
    assert render_po(parse(GETTEXT_0_22)) == GETTEXT_0_22
    odd = GETTEXT_0_22.replace('msgid "Satz 4."', 'msgid  "Satz 4."')  # two blanks: read by polib
    assert [e.occurrences for e in parse(odd)] == SPACED_REFERENCES  # the tab kept, as gettext 0.22 reads it
    bare = parse('#: source_de/grüner tee.md:2 \u2068a b\u2069 : 7\nmsgid "x"\nmsgstr ""\n')
    assert bare[0].occurrences == [("source_de/grüner", ""), ("tee.md", "2"), ("a b", "7")]


@pytest.mark.parametrize("lines, read", [
    ("#: \u2068tee  am abend.md\u2069:2 kaffee.md:3\n", [("tee  am abend.md", "2"), ("kaffee.md", "3")]),
    ("#: \u2068tee am abend.md\n#: kaffee.md:3\n", [("tee am abend.md", ""), ("kaffee.md", "3")]),
    ("#: a.md:1\n#: \u2068tee\t am abend.md\u2069:2\n", [("a.md", "1"), ("tee\t am abend.md", "2")]),
])
def test_isolated_references_of_a_catalog_left_to_polib_read_as_gnu_gettext_reads_them(lines, read):
    """A catalog ``parse`` leaves to polib (a stray blank) had an isolated name's words, cut by polib at its blanks,
    joined again by one space: a run of spaces or a tab became one space, and a name whose U+2069 is missing ran
    on into the next line's references, where gettext 0.22 ends it at its line. Both readings now agree."""
    text = (f'#: b.md:1\nmsgid "w"\nmsgstr ""\n\n{lines}msgid "x"\nmsgstr ""\n\n'
            '#~ #: \u2068alt  name.md\u2069:9\n#~ msgid "o"\n#~ msgstr "O"\n')
    for catalog in (text, text.replace('msgid "x"', 'msgid  "x"')):  # the second read by polib
        assert [e.occurrences for e in parse(catalog)] == [[("b.md", "1")], read, [("alt  name.md", "9")]]


@pytest.mark.parametrize("fields", [
    {},
    {"msgid": "Satz.", "msgctxt": None, "comment": "paragraph, block 1", "occurrences": [("source_de/a.md", "3")],
     "flags": ["no-wrap"]},
    {"msgid": "Tag", "msgctxt": "tag", "msgstr": "tag", "tcomment": "mt: copy", "previous_msgid": "Tage",
     "obsolete": True, "linenum": 7},
    {"msgid": "ein Hund", "msgid_plural": "%d Hunde", "msgstr_plural": {0: "a dog", 1: "%d dogs"}},
])
def test_entry_made_without_polibs_constructor_is_the_one_polib_makes(fields):
    """``new_entry`` (``catalog.build_pot``'s entries, ``parse``'s) has every attribute ``polib.POEntry`` sets,
    with the same values, renders the same and shares no list or dict with another entry."""
    from pipeline.pofile import new_entry

    made, polibs = new_entry(**fields), polib.POEntry(**fields)
    assert type(made) is polib.POEntry and vars(made) == vars(polibs)
    assert str(made) == str(polibs)
    other = new_entry()
    for name in ("occurrences", "flags", "msgstr_plural"):
        assert getattr(other, name) is not getattr(new_entry(), name)


def test_the_cjk_line_break_rules_are_compiled_only_for_a_text_that_needs_them():
    """Loading the PO writer compiles no CJK break pattern (8 ms of every command's start); wrapping a CJK text
    compiles them once, a German text never."""
    import sys

    code = ("import pipeline.pofile as p; p.field('', 'msgid', 'Ein langer deutscher Satz, ' * 9); "
            "print(p._cjk_breaks.cache_info().currsize); p.field('', 'msgstr', '中文的句子，' * 30); "
            "print(p._cjk_breaks.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=REPO).stdout.split()
    assert out == ["0", "1"]

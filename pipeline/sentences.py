"""Sentence segmentation of inline CommonMark source, tuned for German.

pysbd proposes the boundaries; this module then

* keeps inline Markdown (code spans, links, images, autolinks, inline HTML,
  emphasis, bare URLs and e-mail addresses) intact, because a sentence that
  ends inside markup cannot be translated and reassembled;
* treats line breaks the way the source means them (blank line, hard break,
  list bullet, bare line end) instead of pysbd's "every newline ends a
  sentence";
* corrects German abbreviations, ordinals and dates in both directions.

Every boundary sits on whitespace, so closing quotes, brackets and emphasis
delimiters always stay with the sentence they close.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from typing import TYPE_CHECKING, Callable

from . import logger
from .fsutil import code_digest
from .markup import analyse

if TYPE_CHECKING:
    import pysbd

    from .splitstore import SplitStore

__all__ = ["HARD_BREAK", "HARD_BREAK_AT_END", "SplitMemo", "german_abbreviation", "german_ordinal_word",
           "replace_hard_breaks", "segment_spans", "sentence_spans", "split_sentences"]

Span = tuple[int, int]
log = logger(__name__)

# pysbd's cost grows with the square of its input (every abbreviation it finds rewrites the whole text), so a
# long block is handed over in windows of about this many characters, each with this much context either side.
_WINDOW = 2000
_CONTEXT = 500
# Characters that change the meaning of a regular expression. pysbd matches its dotted abbreviations ("b.a",
# "u.a", "m.e") with the dots unescaped, then builds a new pattern from the matched text without escaping it.
_REGEX_SPECIAL = re.compile(r"[\\()\[\]{}+*?|^$]")

# --------------------------------------------------------------------------
# Word lists (lower case)
# --------------------------------------------------------------------------

# German abbreviations that do not end a sentence before a capital unless
# that capital is a sentence start (``_DE_SENTENCE_STARTERS``), with the
# dosage, practice and legal ones a health text uses ("3 x tägl. 1 Tbl.",
# "1 Msp.", "10 Tr.", "Inj.", "Ziff. 3", "Rn. 5").
# Words that are also ordinary nouns or names ("Art", "Vers", "Max", "Fax")
# are left out on purpose: "Das ist eine andere Art. Dann ..." must split.
_DE_ABBREVIATIONS = frozenset(
    """
    abb abg abk abs abschn abt abzgl adr allg anh anl anm aufl ausg az
    bd bde bearb bes betr bev bez bhf bsp bspw bzgl bzw ca dgl dipl dr dt
    dtsch ebd ehem eig eigtl einschl engl entspr erg ev evtl exkl fa fam fr
    frl frz geb gebr gegr gem ges gest gg ggf ggfs ggü gr hbf hg hl hr hrn
    hrsg ing inkl insb insbes int jh jhd jr jur kap kath kfm kgl kl lfd lt
    ltd med mind min mio mrd mtl nachf nr nrn od orig päd pers pfd phil pkt
    pl prof prot rd rel rer resp röm sek sen sog spez st std str stud tab tel
    theol tsd ugs urspr verf verh verl vgl vj vol vorm vors wg wiss zit zw
    zzgl ziff rn rz
    tägl wöchentl monatl jährl stdl tbl tabl kps drg tr trpf gtt msp lsg amp
    inj supp ther diagn beh
    heilpr heilprakt psychother psychotherap physiother physioth ergother ergoth logop allgemeinmed
    zahnmed tiermed kinderkrankenschw krankenschw gesundh ernährungsber ernährungsw osteop homöop chiropr
    akup naturheilk heilk krankengymn psychol sozialpäd heilpäd apoth orthop neurol dermatol kardiol
    gynäk psychiatr anästh radiol urol onkol chir sc
    ärztl zahnärztl tierärztl fachärztl kassenärztl privatärztl staatl anerk zert gepr approb appr prakt
    ganzheitl naturheilkundl therap gesetzl priv schriftl mündl telef persönl regelm kostenl zusätzl
    freundl erhältl ausschl verbindl unverb vorauss voraussichtl näml natürl öffentl amtl wissenschaftl
    abh erw gez gesch verw wdh zzt zus vit kaps unters erkr anw bhdlg
    insg insges wöch jew durchschn
    lat griech altgriech ital span chin jap arab ind hebr trad volkst
    """.split()
)

# Letters no German word is written without (the vowels, "y" of loan words): a lower-case word without one
# ("zzgl", "ggf", "bzw", "mtl") is an abbreviation.
_DE_VOWELS = frozenset("aeiouyäöü")
# A lower-case word ending in a consonant and "l" ("ärztl", "staatl", "schriftl", "freundl", "natürl"): the
# abbreviation of an adjective in "-lich" or "-lig", as no German word ends so but in "hl" or "ll" ("kühl", "voll").
_DE_CUT_ADJECTIVE = re.compile(r"[^\W\d_aeiouyäöühl]l")

# Abbreviations that count only in lower case: academic degree parts
# ("Dr. med. univ.", "Prof. Dr. med. habil.", "Dr. rer. nat.") and dosage
# words ("max. 2x tgl."). Written this way none is a German word, so none
# ends a sentence; capitalised, "Max" is a name and may.
_DE_LOWER_ABBREVIATIONS = frozenset(
    """
    univ dent habil nat vet pharm mult oec pol techn agr troph psych paed soc
    publ iur sc max tgl mx msr stk pckg ungef
    """.split()
)
# Abbreviations that count only capitalised, as written in a physiotherapist's plan: "ab Wo. 6" (Woche); lower
# case "wo" is the German question word.
_DE_CAPITAL_ABBREVIATIONS = frozenset({"Wo"})

# Abbreviations that stand before a name or a title and so are followed by
# a capital that starts no sentence ("Dr. Der Spiegel" aside).
_DE_BEFORE_NAME = frozenset("dr prof hr hrn fr frl fa dipl ing st vgl zit hrsg hg lt gem geb verh sog".split())

# Capitalised words that start a sentence and never continue one after an
# abbreviation: inside a German sentence articles, pronouns other than the
# polite "Sie"/"Ihr", adverbs, prepositions and conjunctions are written
# in lower case. "1 Std. Danach ist Pause" splits, "1 Std. Dehnen" does not.
# Apart from ``check._OPENERS`` on purpose: a word here must never continue a sentence capitalised (no "Sie", "Ihr"),
# where that list only has to show prose; each is measured on what it decides, the gold and peer corpus splits here.
_DE_SENTENCE_STARTERS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines kein keine
    ich du er es wir man dies diese dieser dieses diesen diesem jetzt nun
    dann danach dabei daher darum deshalb deswegen dazu damit davor dort hier
    heute morgen außerdem zudem auch aber doch denn trotzdem also so sonst
    anschließend zuerst zunächst später vorher nachher bitte meist oft nur
    am im an auf aus bei bis durch für gegen in mit nach ohne seit um unter
    über vom von vor während wegen zum zur und oder sondern wenn weil falls
    ob als wie was wer wo wann warum welche welcher welches
    """.split()
)

# English words that start a sentence, for a translation read in English (``align``): after a number they show
# it ends its sentence ("step 1.| Then step 2."), where an item's word continues it ("Steps: 1. Warm up").
_EN_SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those it its i we you he she they there here then now next after afterwards
    finally also but and or so if when while as once because although however in on at for with from by
    to of our your my his her their what who how why where which each every all some many most no not
    only today later still yet
    """.split()
)
# French words that start a sentence and are written in lower case inside one ("vous" is no polite capital in
# French), for a hand translation read in French: "Échauffez-vous. 2.| Ensuite" splits, "Étapes : 1. Échauffement".
_FR_SENTENCE_STARTERS = frozenset(
    """
    le la les l un une des du de ce cet cette ces il elle ils elles on nous vous je tu j c ça cela ceci
    puis ensuite enfin alors donc mais et ou or ni car aujourd demain après avant d abord finalement pourtant
    cependant toutefois ainsi aussi si quand lorsque comme pour dans en sur avec sans chez par au aux ici
    là voici voilà chaque tout tous toute toutes souvent parfois notre nos votre vos mon ma mes son sa ses
    leur leurs quel quelle quels quelles qui que quoi où comment pourquoi ne pas plus
    """.split()
)
# Abbreviations a number follows in a dose or an amount ("approx. 350 mg", "env. 2 g", "ok. 3 razy"), which pySBD's
# lists for these languages lack: before a digit their full stop ends no sentence. German has its own
# (``_DE_ABBREVIATIONS``).
_BEFORE_NUMBERS = {
    "en": frozenset("approx ca c circa est max min incl excl avg p pp vol fig ch".split()),
    "fr": frozenset("env ca max min p pp chap vol fig art".split()),
    "es": frozenset("aprox ca máx mín".split()),
    "it": frozenset("ca circa max min".split()),
    "nl": frozenset("ca ong max min".split()),
    "pl": frozenset("ok ca maks min".split()),
}
# The languages whose item numbers inside a line are told from sentence ends (``_item_number``).
_SENTENCE_STARTERS = {"de": _DE_SENTENCE_STARTERS, "en": _EN_SENTENCE_STARTERS, "fr": _FR_SENTENCE_STARTERS}

# Weekdays ("Mo." ... "So.", in this spelling only) and the words after
# one that show it names a time: "Am Mo. Nachmittag", "Do. 14 Uhr".
_DE_WEEKDAYS = frozenset("Mo Di Mi Do Fr Sa So".split())
_DE_DAY_PARTS = frozenset("früh morgen vormittag mittag nachmittag abend nacht vorm nachm uhr".split())
_DE_WEEKDAY_CUES = frozenset("am ab bis jeden jedem von vom nächsten kommenden diesen letzten".split())
# A weekday range written as one token: "Mo.–Fr.", "Mo.-Fr."; and the rest of one spaced out: "Mo.| – Fr.".
_DE_WEEKDAY_RANGE = re.compile(r"(?:Mo|Di|Mi|Do|Fr|Sa|So)\.[-–](?:Mo|Di|Mi|Do|Fr|Sa|So)")
_DE_WEEKDAY_RANGE_END = re.compile(r"[-–—][^\S\n]+(?:Mo|Di|Mi|Do|Fr|Sa|So)\.")
# A street abbreviation, alone or ending a street name ("Str.", "Hauptstr.", "Karl-Liebknecht-Str.",
# "Karl-Marx-Pl."), and the house number that may follow it ("10", "Nr. 12").
_DE_STREET = re.compile(r"(?:[^\W\d_]+-)*(?:[^\W\d_]*str|pl)", re.IGNORECASE)
_DE_HOUSE_NUMBER = re.compile(r"(?:Nr\.\s*)?\d")
# After a street abbreviation, a year (1800-2099) and a lower-case word that does not go on with an address
# start a sentence: the abbreviation's full stop ends its own (DIN 5008), and German puts the finite verb
# right after a fronted year ("Hauptstr.| 2020 zogen wir um."). A house number goes on with a preposition,
# comma, letter or capitalised place ("Hauptstr. 12 im Hof", "Hauptstr. 1999, 2020 Hollabrunn", "2012a"), or
# with the verb of a sentence whose words before the street hold none ("Die Hauptstr. 2020 ist ein Altbau").
_DE_YEAR_THEN_WORD = re.compile(r"(?:1[89]|20)\d\d[^\S\n]+([^\W\d_]+)")
_DE_ADDRESS_GOES_ON = frozenset("in im am an auf bei beim neben nahe gegenüber hinter vor zwischen und oder sowie "
                                "bzw".split())

# Abbreviations that close an enumeration or a price and therefore often
# end a sentence: "Bier usw. Danach ..." splits, "Bier usw. sind ..." does
# not; "40 € inkl. MwSt. Anmeldung ..." splits. "o. Ä." ("oder
# Ähnliches") is one; "o. ä." ("oder ähnliche") stands before its noun
# ("Diabetes o. ä. Erkrankungen") and never ends one.
_DE_LIST_CLOSER = re.compile(
    r"(?:^|[\s(\[„\"»‚'*_])"
    r"(?:usw|usf|etc|pp|[uo]\.\s?Ä|u\.\s?v\.\s?(?:a\.\s?)?m|ff|Chr|MwSt|Mwst|USt)\.$"
)
# "f." ("und die folgende Seite") after a page or paragraph number closes its reference the same way: "S. 12 f.".
_DE_FOLLOWING_PAGE = re.compile(r"\d[^\S\n]?f\.$")
# A page or paragraph reference ("15 ff.", "12 f.") names the law or book it is in after it, an acronym of two
# capitals or more ("Art. 15 ff. DSGVO", "§§ 630a ff. BGB", "§ 3 f. StGB", "IfSG"), a paragraph sign or a number:
# no sentence start (fresh-user trial 23: every privacy page was cut there). The acronym is a whole word ("AOK-
# Versicherte" starts one).
_DE_REFERENCE_CLOSER = re.compile(r"(?:^|[\s(\[„\"»‚'*_])\d+[a-z]?[^\S\n]?ff?\.$")
_DE_LAW_AFTER_REFERENCE = re.compile(r"(?:[A-ZÄÖÜ][a-zäöü]*){2,}(?:[^\S\n]+[IVX]+)?(?=[\s.,;:)]|$)|§|\d")
# "s. o." and "s. u." ("siehe oben", "siehe unten") may close a sentence too, before a capitalised sentence
# start: "…, s. o. Heute nicht mehr." splits; "s. o. S. 12", "s. u. Kapitel 3" and "wie s. o. Beschrieben" do not.
_DE_SEE_ABOVE = re.compile(r"(?:^|[\s(\[„\"»‚'*_])s\.[^\S\n]?[ou]\.$")


def german_abbreviation(word: str) -> bool:
    """Whether ``word`` (one token, with its final full stop: "tägl.", "bzw.", "usw.", "z.B.") is a German
    abbreviation, so its full stop belongs to it and need not end the sentence (``check``'s punctuation)."""
    core = word.lstrip(_OPENERS).removesuffix(".")
    return word.endswith(".") and (core.lower() in _DE_ABBREVIATIONS or core.lower() in ("usw", "usf", "etc")
                                   or core in _DE_LOWER_ABBREVIATIONS or core in _DE_CAPITAL_ABBREVIATIONS
                                   or core in _DE_WEEKDAYS
                                   or core.lower() in _DE_MONTH_ABBREVIATIONS
                                   or bool(_DE_STREET.fullmatch(core))
                                   or bool(_DE_WEEKDAY_RANGE.fullmatch(core))
                                   or bool(_DOTTED_ABBREVIATION.fullmatch(core))
                                   or bool(_HYPHENED_TITLE.fullmatch(core)) or _german_cut_word(core))


_DE_MONTHS = frozenset(
    """
    januar jänner februar feber märz april mai juni juli august september
    oktober november dezember
    """.split()
)
_DE_MONTH_ABBREVIATIONS = frozenset(
    "jan jän feb febr mär mrz apr jun jul aug sep sept okt nov dez".split()
)

# Nouns that take an ordinal: "im 3. Jahrhundert", "der 2. Platz".
_DE_ORDINAL_NOUNS = frozenset(
    """
    jahrhundert jahrhunderts jh jhd jahrtausend jahrtausends jahrestag
    geburtstag todestag jubiläum platz platzes rang stock stockwerk etage
    obergeschoss klasse liga bundesliga auflage ausgabe mal male advent
    spieltag runde lauf satz semester quartal halbjahr lebensjahr
    lebensjahres weltkrieg weltkriegs kongress parteitag sinfonie symphonie
    hälfte tag tages woche monat monats jahr jahres jahrgang jahrgangs
    aufl ausg bd jg
    """.split()
)



def german_ordinal_word(word: str, number: int) -> bool:
    """Whether ``word`` after "``number``." makes the number an ordinal of running text: a month after a day
    (1 to 31: "3. Mai", "1. Jan") or a noun that takes an ordinal ("2. Weltkrieg", "1. Platz"); case aside."""
    lower = word.lower()
    if lower in _DE_MONTHS or lower in _DE_MONTH_ABBREVIATIONS:
        return 1 <= number <= 31
    return lower in _DE_ORDINAL_NOUNS


# Words before a number that make it an ordinal: "am 3.", "der 2.", "ab 1.".
_DE_ORDINAL_CUES = frozenset(
    """
    der die das dem den des am im vom zum zur beim ins ans ein eine einem
    einen einer eines jeden jedem jede jeder jedes dieser diese diesem diesen
    dieses sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser
    unsere unserem unseren unserer mein meine meinem meinen meiner ab bis
    seit und oder
    """.split()
)

# Lower-case words of a noun phrase or a place ("Unsere Praxis in der Hauptstr."): articles, possessives and
# prepositions, none of them a finite verb.
_DE_PHRASE_WORDS = _DE_ORDINAL_CUES | _DE_ADDRESS_GOES_ON | frozenset("zu von aus nach über unter mit ohne".split())
# The endings of an inflected adjective before its noun ("die alte", "der neuen", "im schönen"): a lower-case word
# with one, after an article or preposition and before a capitalised noun, is no finite verb.
_DE_ADJECTIVE_ENDING = re.compile(r"[^\W\d_]{2,}(?:e|en|em|er|es)$")

# Words after which "N." is an ordinal before a noun ("als 3. Sieger", "wurde 2. Siegerin") but may as well
# end a sentence as a cardinal ("mehr als 3. Dann ..."): an ordinal unless a sentence start follows.
_DE_ORDINAL_OR_CARDINAL_CUES = frozenset("als wurde wurden".split())

# A CommonMark backslash escape (an ASCII punctuation character after a backslash; "\\\\" is one).
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BULLETS = frozenset("•◦▪‣·*+-–")
# Punctuation no sentence starts with, in any language: a cut before it ends nothing.
_NEVER_STARTS = frozenset(",;:)]}»!?%")
# Pairs that enclose a quotation or an aside: German „…“ and »…«, English “…”, French «…», straight "…", (…).
_QUOTATIONS = (('"', '"'), ("„", "“"), ("“", "”"), ("»", "«"), ("«", "»"), ("(", ")"))
_OPENERS = "„\"»«‚'‘“”(*_[~<`"
_CLOSERS = frozenset("*_~“”\"’'‘»«›‹)]}")
_EMPHASIS_MARKS = frozenset("*_~")  # closing emphasis, strong emphasis, strikethrough: markup, no punctuation
_TERMINAL = re.compile(r"[.!?…]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n[^\S\n]*")  # the spaces before it: ``_line_breaks`` reads them backwards
_LIST_MARKER = re.compile(r"(?:[•◦▪‣·*+\-–]|\d{1,3}[.)])[^\S\n]")
# A footnote marker after a terminator: Markdown's "[^1]", an HTML "<sup>1</sup>" or "<sup>[1](#fn1)</sup>" (how
# WordPress footnotes import), a superscript digit "¹".
_FOOTNOTE = r"\[\^[^\]\s]+\]|<sup\b[^<>\n]{0,80}>[^<>\s]{1,40}</sup>|[¹²³⁰⁴-⁹]+"
# (``[.…](?=\s)|[.!?…](?:…)+(?=\s)`` with the class both alternatives start with first, which the regex engine
# skips to: as an alternation of two classes it tried both at every character)
_SENTENCE_END = re.compile(
    rf"[.!?…](?:(?<=[.…])(?=\s)|(?:[*_~“”\"’'‘»«›‹)\]]|{_FOOTNOTE})+(?=\s))"
)
_BEFORE_CAPITAL = re.compile(rf"[.!?…][{re.escape(''.join(sorted(_CLOSERS)))}]*(?=\s+[^\w\s]*[A-ZÄÖÜ])")
_FOOTNOTE_BEFORE = re.compile(rf"(?:{_FOOTNOTE})$")
# Where a cut pySBD proposes can survive ``_snap`` and ``_keep_cut``: after a terminator, closing marks or
# footnote references, then whitespace and more text. A block without one is not handed to pySBD.
_AFTER_TERMINATOR = re.compile(rf"[.!?…](?:[{re.escape(''.join(sorted(_CLOSERS)))}]|{_FOOTNOTE})*$")
_PYSBD_MAY_CUT = re.compile(rf"[.!?…](?:[{re.escape(''.join(sorted(_CLOSERS)))}]|{_FOOTNOTE})*\s+\S")
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# "Dipl.-Psych", "Dr.-Ing", "Univ.-Prof": abbreviations joined by hyphens, a title before a name.
_HYPHENED_TITLE = re.compile(r"(?:[^\W\d_]{1,6}\.-)+[^\W\d_]{1,6}")
# "Dipl.-Physioth", "Dipl.-Sozialpäd", "Dr.-Ingenieur": a title abbreviation joined to a longer last part that
# may be abbreviated ("Dipl.-Physioth. Lindner") or a whole word ("ist Dipl.-Physiotherapeutin. Danach ...").
_LONG_HYPHENED_TITLE = re.compile(r"(?:[^\W\d_]{1,6}\.-)+[^\W\d_]{7,}")
_ORDINAL_NUMBER = re.compile(r"\d{1,2}\.")
_WORD = re.compile(r"\S+")
# An item number inside a line ("Schritte: 1. Aufwärmen 2. Dehnen", "1) Aufwärmen", "1.) Aufwärmen"), maybe
# after a dash ("Schritte – 1. Aufwärmen"), and item N - 1 looked for up to this many characters before item N.
_INLINE_ITEM_NUMBER = re.compile(r"(?:[-–—][^\S\n]+)?\d{1,3}(?:\.\)?|\))(?=\s)")
_ITEM_NUMBER_PAREN = re.compile(r"\d{1,3}\.\)")
_ITEM_NUMBER_DOT = re.compile(r"\d{1,3}\.")
# An ellipsis, which ends a sentence before a sentence start or a numbered item ("aufwärmen … 2. Dann dehnen").
_ELLIPSES = ("…", "...")
_NUMBER_THEN_CAPITAL = re.compile(r"\d{1,3}\.[^\S\n]+[A-ZÄÖÜ]")
_DASHES = ("-", "–", "—")
_INLINE_ITEM_BEFORE = re.compile(r"(?:^|[\s(„\"»])(\d{1,3})\.(?=\s)")
_ITEM_REACH = 200


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def sentence_spans(text: str, lang: str, memo: SplitMemo | None = None) -> list[Span]:
    """Half-open spans of the sentences in ``text``, in order.

    Spans start and end on non-whitespace and only whitespace lies between
    them, so the text can be reassembled from spans and gaps exactly.
    ``memo``: spans of blocks split before (by an earlier run), used instead
    of splitting them again; every block split here is recorded in it.
    """
    if not text or text.isspace():
        return []
    code = _language(lang)
    spans: list[Span] = []
    start = 0
    for sep in _BLANK_LINE.finditer(text):
        spans.extend(_block_spans(text, start, sep.start(), code, memo))
        start = sep.end()
    spans.extend(_block_spans(text, start, len(text), code, memo))
    return spans


# A hard line break as markdown-it (the parser of every page) reads one (CommonMark 0.31.2, 6.7): two spaces or more,
# or a backslash not itself escaped, at a line's end. A tab is none ("a<tab><tab>⏎b" is a soft break), nor is an
# escaped backslash ("C:\\⏎"); a backslash escapes the character after it whatever it is, so "a\␣␣⏎" is a soft
# break too (its first space escaped), "a\␣␣␣⏎" a hard one. Group 1 is the marker (with its line end in
# ``HARD_BREAK``), after the escapes before it. Tried from a run's first space or backslash only: from each, a long run
# not at a line's end took quadratic time (a line with 60 KB of spaces: extract 56 s).
_ESCAPES = r"(?:(?<![ \\])(?= )|(?<!\\)(?=\\)(?:\\\\)*(?:\\ )?)"
HARD_BREAK = re.compile(_ESCAPES + r"( {2,}\n|\\\n)")  # in a block's text
HARD_BREAK_AT_END = re.compile(_ESCAPES + r"( {2,}|\\)$")  # at the end of one line, without its line end


def replace_hard_breaks(text: str, by: Callable[[str], str], pattern: re.Pattern = HARD_BREAK) -> str:
    """``text`` with each hard break's marker (``pattern``'s group 1: ``HARD_BREAK`` or ``HARD_BREAK_AT_END``)
    replaced by ``by(marker)``; the escapes before it stay."""
    return pattern.sub(lambda m: m.group()[:m.start(1) - m.start()] + by(m.group(1)), text)


def segment_spans(text: str, lang: str) -> list[Span]:
    """:func:`sentence_spans` of a segment's text read as ``segment`` reads a block: a hard break ends a
    sentence only where the words before it end one ("Montag␣␣⏎geschlossen, weil …" is one sentence). What a
    service answers for a paragraph's sentences is split back so, into as many as were sent."""
    if "\n" not in text:
        return sentence_spans(text, lang)
    return sentence_spans(replace_hard_breaks(text, lambda marker: " " * len(marker)), lang)


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` as substrings (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text, lang)]


# --------------------------------------------------------------------------
# pysbd
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _language(lang: str) -> str:
    """ISO 639-1 code pysbd knows; English rules for anything else."""
    from pysbd.languages import LANGUAGE_CODES  # pysbd is imported only by a run that splits sentences

    code = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGE_CODES else "en"


@functools.lru_cache(maxsize=None)
def _segmenter(code: str) -> pysbd.Segmenter:
    """pysbd's segmenter for ``code``; German with its rules' fixed patterns compiled once (``pysbd_de``)."""
    import pysbd

    segmenter = pysbd.Segmenter(language=code, clean=False, char_span=True)
    if code == "de":
        from .pysbd_de import german

        segmenter.language_module = german()
    return segmenter


def _pysbd_cuts(masked: str, code: str) -> set[int]:
    """Ends of pysbd's sentences, as offsets into ``masked``; never raises.

    A block longer than ``_WINDOW + 2 * _CONTEXT`` characters is split into
    windows on whitespace; each window's cuts are taken from a pysbd run over
    it plus ``_CONTEXT`` characters either side, so the work is linear in the
    block's length while every decision still sees its neighbourhood.
    """
    n = len(masked)
    if n <= _WINDOW + 2 * _CONTEXT:
        return _pysbd_window(masked, 0, n, 0, n, code)
    cuts: set[int] = set()
    core_start = 0
    while core_start < n:
        core_end = _whitespace_at_or_after(masked, core_start + _WINDOW)
        start = _whitespace_at_or_before(masked, core_start - _CONTEXT)
        end = _whitespace_at_or_after(masked, core_end + _CONTEXT)
        cuts |= _pysbd_window(masked, start, end, core_start, core_end, code)
        core_start = core_end
    return cuts


def _whitespace_at_or_after(text: str, pos: int) -> int:
    """The first whitespace at or after ``pos``, or ``pos + _CONTEXT`` (at most the text's end) when there is none
    before it: a window cut on whitespace only took a block without whitespace, thousands of "«" or "„", to pysbd
    whole, whose quote patterns are quadratic in it."""
    limit = min(pos + _CONTEXT, len(text))
    while pos < limit and not text[pos].isspace():
        pos += 1
    return min(pos, len(text))


def _whitespace_at_or_before(text: str, pos: int) -> int:
    """The last whitespace at or before ``pos``, or ``pos - _CONTEXT`` (at least 0) when there is none after it
    (``_whitespace_at_or_after``)."""
    limit = max(pos - _CONTEXT, 0)
    while pos > limit and not text[pos].isspace():
        pos -= 1
    return max(pos, 0)


def _pysbd_window(masked: str, start: int, end: int, core_start: int, core_end: int, code: str) -> set[int]:
    """pysbd's cuts in ``masked[start:end]`` that fall in ``(core_start, core_end]``, as offsets into ``masked``.

    The window is pre-masked (``_defuse``) so pysbd cannot build a broken
    pattern from it; should pysbd raise anyway, the failure is logged and
    every terminator before a capital is suggested instead, for verlag's
    own rules (``_keep_cut``: abbreviations, ordinals, dates) to veto.
    """
    window = _defuse(masked[start:end], code)
    try:
        ends = _align(window, _segmenter(code).processor(window).process() or [])
    except Exception as exc:  # noqa: BLE001 - a library bug must not stop the article, let alone the run
        log.warning("pysbd failed (%s: %s) on the text starting %r; verlag's own sentence rules decide there",
                    type(exc).__name__, exc, window.strip()[:40])
        ends = {m.end() for m in _BEFORE_CAPITAL.finditer(window)}
    return {start + c for c in ends if core_start < start + c <= core_end}


def _align(text: str, sentences: list[str]) -> set[int]:
    """Ends of ``sentences`` in ``text``, matched on non-whitespace characters in one forward pass.

    The processor is called directly because ``Segmenter.segment`` recovers
    spans by re-searching the whole text for every sentence, which is
    quadratic and misplaces repeated sentences.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    dense = "".join(text[a:b] for a, b in words)
    firsts = list(itertools.accumulate((b - a for a, b in words), initial=0))  # dense offset of each word
    cuts: set[int] = set()
    cursor = 0
    for sentence in sentences:
        needle = "".join(sentence.split())
        if not needle:
            continue
        found = dense.find(needle, cursor)
        if found < 0:
            continue
        cursor = found + len(needle)
        word = bisect.bisect_right(firsts, cursor - 1) - 1  # the word holding the needle's last character
        cuts.add(words[word][0] + cursor - firsts[word])
    return cuts


@functools.lru_cache(maxsize=None)
def _abbreviations(code: str) -> frozenset[str]:
    """pysbd's abbreviations for ``code``, lower case without their full stop ("jan", "etc", "no")."""
    return frozenset(name.strip().lower() for name in _segmenter(code).language_module.Abbreviation.ABBREVIATIONS)


@functools.lru_cache(maxsize=None)
def _dotted_abbreviations(code: str) -> tuple[tuple[str, re.Pattern], ...]:
    """pysbd's abbreviations with a dot, each with the search pattern pysbd compiles from it."""
    names = {name.strip() for name in _segmenter(code).language_module.Abbreviation.ABBREVIATIONS}
    return tuple((name, re.compile(rf"(?:^|\s){name}", re.IGNORECASE)) for name in sorted(names) if "." in name)


def _defuse(text: str, code: str) -> str:
    """``text`` with each regex metacharacter that pysbd would match in a dot's place replaced by "_".

    pysbd (0.3.4, ``AbbreviationReplacer.search_for_abbreviations_in_string``)
    finds "b.a" in "B(asic" and then compiles ``(?<= B(a)\\.``. Only the
    characters standing where an abbreviation has a dot are replaced, and the
    length stays the same, so offsets carry over unchanged.
    """
    lowered = text.lower()
    chars = None
    for name, pattern in _dotted_abbreviations(code):
        if name not in lowered:
            continue  # pysbd skips an abbreviation that does not occur literally
        for match in pattern.finditer(text):
            for special in _REGEX_SPECIAL.finditer(match.group()):
                chars = chars or list(text)
                chars[match.start() + special.start()] = "_"
    return "".join(chars) if chars else text


# --------------------------------------------------------------------------
# One block (text between blank lines)
# --------------------------------------------------------------------------


def _block_spans(text: str, start: int, end: int, code: str, memo: SplitMemo | None) -> list[Span]:
    """Spans of the block ``text[start:end]``, as offsets into ``text``."""
    block = text[start:end]
    spans = _spans_in_block(block, code) if memo is None else memo.spans(block, code)
    return [(a + start, b + start) for a, b in spans]


def splitter_version(lang: str) -> str:
    """What a block's sentence spans depend on besides its text: the language pysbd is run with, verlag's
    code (its own rules and word lists, ``fsutil.code_digest``) and pysbd's version."""
    from pysbd import __version__ as pysbd_version

    return f"{code_digest()}|pysbd {pysbd_version}|{_language(lang)}"


class SplitMemo:
    """Sentence spans of blocks (text between blank lines), by a 128-bit BLAKE2b digest (RFC 7693) of the
    block's UTF-8 text.

    ``known``: digest -> spans as an earlier segmentation with the same
    ``splitter_version`` stored them (JSON lists); a block found there is not
    split again, so re-segmenting an edited article runs pySBD only on the
    blocks that changed. ``shared``: the same for every article
    (``splitstore.SplitStore``, or None), asked for a block that ``known``
    lacks and pySBD may have to split (``_may_ask_pysbd``); ``fresh``
    collects the blocks split here for it. ``used``: digest -> spans of
    every block looked up since, in the order met: what to store for the
    next run (blocks the article no longer has drop out). A known or shared
    entry that cannot be spans of its block (not ascending non-empty
    ``[start, end]`` pairs inside it) is ignored and the block split again.
    """

    def __init__(self, known: dict | None = None, shared: SplitStore | None = None):
        self.known = known if isinstance(known, dict) else {}
        self.shared = shared
        self.used: dict[str, tuple[Span, ...]] = {}
        self.fresh: dict[str, tuple[Span, ...]] = {}

    def spans(self, block: str, code: str) -> tuple[Span, ...]:
        """``_spans_in_block(block, code)``, from ``known`` or ``shared`` when they hold the block."""
        key = hashlib.blake2b(block.encode("utf-8"), digest_size=16).hexdigest()
        spans = self.used.get(key)
        if spans is None:
            spans = _valid(self.known.get(key), block)
        if spans is None and self.shared is not None and _may_ask_pysbd(block):
            spans = _valid(self.shared.get(key), block)
            if spans is None:
                spans = self.fresh[key] = _spans_in_block(block, code)
        if spans is None:
            spans = _spans_in_block(block, code)
        self.used[key] = spans
        return spans


def _valid(spans, block: str) -> tuple[Span, ...] | None:
    """``spans`` (JSON) as a tuple of spans when they can be a block's sentences (``SplitMemo``), else None."""
    if not isinstance(spans, list):
        return None
    found: list[Span] = []
    end = 0
    for span in spans:
        if not (isinstance(span, list) and len(span) == 2 and all(type(n) is int for n in span)
                and end <= span[0] < span[1] <= len(block)):
            return None
        end = span[1]
        found.append((span[0], span[1]))
    return tuple(found) if found or block.isspace() else None


@functools.lru_cache(maxsize=8192)
def _spans_in_block(block: str, code: str) -> tuple[Span, ...]:
    """Spans of one block, read as CommonMark reads its backslash escapes of a full stop or parenthesis: "1\\. März"
    and "am 3\\. Tag" (an author's or the text import's way to keep a number at a line start from becoming a
    list item) are the text "1. März", "am 3. Tag", and split as that text is."""
    if "\\" not in block:
        return _spans_in_plain_block(block, code)
    places = [m.start() for m in _BACKSLASH_ESCAPE.finditer(block) if m.group(1) in ".)"]
    if not places:
        return _spans_in_plain_block(block, code)
    dropped = set(places)
    kept = [i for i in range(len(block)) if i not in dropped]
    plain = "".join(block[i] for i in kept)
    # a sentence that begins with an escaped full stop ("\\.eADr.") begins at its backslash: no text between spans
    return tuple((kept[a] - (kept[a] - 1 in dropped), kept[b - 1] + 1) for a, b in _spans_in_plain_block(plain, code))


def _spans_in_plain_block(block: str, code: str) -> tuple[Span, ...]:
    """Spans of one block: pysbd's cuts plus rule candidates, then vetoes.

    A fragment without any letter or digit (a stray bullet or delimiter) is
    merged into its neighbour rather than emitted as a sentence. Cached by
    block text: boilerplate repeated across articles (notes, licences, link
    lists) is split once per process.
    """
    single = _one_sentence(block)
    if single is not None:
        return single
    markup = analyse(block)
    atomic, protected = markup.atomic, markup.protected
    forced, masked = _line_breaks(block)
    masked = _mask(masked, atomic)
    suggested = _pysbd_cuts(masked, code) if _PYSBD_MAY_CUT.search(masked) else set()

    # a cut of pySBD's where no terminator ends the text before it (closing marks and footnotes after one aside) is
    # none: "…:evtl.2024 | Ichv." (hypothesis), which ``_PYSBD_MAY_CUT`` would not have asked pySBD about alone
    snapped = {c for c in (_snap(block, c) for c in suggested)
               if c is not None and _AFTER_TERMINATOR.search(block, max(0, c - 100), c)}
    candidates = snapped | forced
    candidates.update(m.end() for m in _SENTENCE_END.finditer(block))

    starts = [a for a, _ in protected]
    cuts = set()
    for c in candidates:
        if _inside(starts, protected, c):
            continue
        if c in forced or _keep_cut(block, c, c in snapped, code):
            cuts.add(c)

    spans: list[Span] = []
    prev = 0
    for c in sorted(cuts) + [len(block)]:
        span = _strip(block, prev, c)
        prev = c
        if span is None:
            continue
        if spans and not (_has_word(block, *span) and _has_word(block, *spans[-1])):
            spans[-1] = (spans[-1][0], span[1])
        else:
            spans.append(span)
    return tuple(spans)


def _one_sentence(block: str) -> tuple[Span] | None:
    """The span of a block that is one sentence without pySBD's help (one line, no stop before its end; a
    block of whitespace has none), or None when pySBD has to look at it."""
    single = _strip(block, 0, len(block))
    if single is None:
        return ()
    return None if "\n" in block or _TERMINAL.search(block, 0, single[1] - 1) else (single,)


def _may_ask_pysbd(block: str) -> bool:
    """Whether splitting ``block`` can involve pySBD: it is more than one sentence by ``_one_sentence`` and
    holds a place where a cut pySBD proposes could survive (``_PYSBD_MAY_CUT``; masking markup, as
    ``_spans_in_block`` does before it asks, only takes such places away)."""
    return _one_sentence(block) is None and _PYSBD_MAY_CUT.search(block) is not None


def _strip(block: str, a: int, b: int) -> Span | None:
    while a < b and block[a].isspace():
        a += 1
    while b > a and block[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _has_word(block: str, a: int, b: int) -> bool:
    return any(ch.isalnum() for ch in block[a:b])


def _snap(block: str, c: int) -> int | None:
    """Move a cut past closing quotes/brackets/delimiters onto whitespace.

    pysbd ends "Satz.**" before the "**"; the delimiter belongs to the
    sentence. A cut that cannot reach whitespace that way is dropped.
    """
    n = len(block)
    while c < n and block[c] in _CLOSERS:
        c += 1
    if c <= 0 or c >= n or not block[c].isspace() or block[c - 1].isspace():
        return None
    return c


def _inside(starts: list[int], regions: list[Span], c: int) -> bool:
    i = bisect.bisect_left(starts, c) - 1
    return i >= 0 and c < regions[i][1]


def _mask(text: str, regions: list[Span]) -> str:
    """Replace atomic markup by same-length filler so pysbd ignores it.

    The filler starts with a capital so a sentence before it still ends.
    """
    if not regions:
        return text
    chars = list(text)
    for a, b in regions:
        chars[a:b] = "X" + "x" * (b - a - 1)
    return "".join(chars)


# --------------------------------------------------------------------------
# Line breaks
# --------------------------------------------------------------------------


def _line_breaks(block: str) -> tuple[set[int], str]:
    """Cuts forced by line breaks, and the block with soft breaks as spaces.

    A line break ends a sentence when it is a Markdown hard break (two
    spaces or a backslash), when the next line starts with a list marker,
    or when the line ends bare (no trailing space) and the next line does
    not start in lower case, as in titles and address lines. A line that
    ends in a single space, or continues in lower case, is a wrapped line.
    """
    forced: set[int] = set()
    chars = list(block.replace("\r", " "))
    done = 0
    for m in _LINE_BREAK.finditer(block):
        # the spaces before the line break, read back to the last one's end: a pattern with them in front was tried
        # from each space of a run that no line break follows (a line with 60 KB of spaces in it: extract 56 s)
        cut = m.start()
        while cut > done and block[cut - 1] != "\n" and block[cut - 1].isspace():
            cut -= 1
        done = m.end()
        before = block[cut:m.start()].replace("\r", "")
        if cut == 0 or m.end() >= len(block):
            continue
        nxt = block[m.end()]
        prev = block[cut - 1]
        hard = (
            len(before.expandtabs(4)) >= 2
            or (not before and prev == "\\")
            or _LIST_MARKER.match(block, m.end()) is not None
            or (not before and not nxt.islower() and prev not in ",;(-–/")
        )
        if hard:
            forced.add(cut)
        else:
            chars[m.start()] = " "
    return forced, "".join(chars)


# --------------------------------------------------------------------------
# Boundary corrections
# --------------------------------------------------------------------------


def _keep_cut(block: str, c: int, suggested: bool, code: str) -> bool:
    """Decide a candidate boundary at ``c`` (end of the left sentence)."""
    nxt = c
    while nxt < len(block) and block[nxt].isspace():
        nxt += 1
    if nxt >= len(block):
        return False
    end = c
    while end > 1 and block[end - 1] in _CLOSERS:  # "5 Min.** pro Stunde", "*S. 12 ff.* im Buch" (trial 21)
        end -= 1
    if block[end - 1] in ".…" and block[nxt].islower():
        return False
    if code == "de" and end < c and block[end - 1] == "." and all(mark in _EMPHASIS_MARKS for mark in block[end:c]) \
            and german_abbreviation(_token_before(block, end)[1]):
        # an abbreviation's dot before emphasis closes ("Schon **5 Min.** Pause."): decided as the same words without
        # the marks are; after another word the closing marks end the sentence ("**Wichtig.** Das", ``_closed_sentence``)
        return _keep_cut(block[:end] + " " * (c - end) + block[c:], end, suggested, code)
    if block[nxt] in _NEVER_STARTS:
        return False  # pySBD's French cut before a spaced colon ("Étapes| : 1. Échauffement")
    if block[nxt].islower() and block[c - 1] not in ".!?…" and block[c - 1] not in _CLOSERS:
        return False  # pySBD's cut before "u. v. m." ("Tee, Saft| u. v. m."): no terminator, nothing ends there
    if code == "de" and _german_paren_item(block, c, nxt):
        return False
    if block[nxt].isdigit() and code in _BEFORE_NUMBERS and block[c - 1] == "." and \
            _token_before(block, c - 1)[1].lstrip("([{\"'“„«").lower() in _BEFORE_NUMBERS[code]:
        return False  # "approx.| 350 mg"
    if _closed_sentence(block, c, nxt):
        return True
    if _item_number_ahead(block, c, nxt):
        return False
    if _named_letter_end(block, c, nxt, code):
        return True
    verdict = None
    if code == "de":
        verdict = _german_verdict(block, c, nxt)
    elif code in _SENTENCE_STARTERS:
        verdict = _number_verdict(block, c, nxt, code)
    return suggested if verdict is None else verdict


def _closed_sentence(block: str, c: int, nxt: int) -> bool:
    """A terminator inside closing marks or before footnotes, then a capital.

    "Er sagte: »Ich komme.« Dann ...", "**Wichtig.** Das ..." and
    "erklärt.[^1] Dann ...", "Wasser.<sup>[1](#fn1)</sup> Bitte ...": what
    follows the dot shows it is no abbreviation's dot.
    """
    i = c
    while i > 0:
        m = _FOOTNOTE_BEFORE.search(block, max(0, i - 160), i)
        if m:
            i = m.start()
        elif block[i - 1] in _CLOSERS:
            i -= 1
        else:
            break
    if i == c or i == 0 or block[i - 1] not in ".!?…":
        return False
    word = _next_word(block, nxt)
    return bool(word) and word[0].isupper()


def _token_before(block: str, end: int) -> tuple[int, str]:
    start = end
    while start > 0 and not block[start - 1].isspace():
        start -= 1
    return start, block[start:end]


def _next_word(block: str, nxt: int) -> str:
    end = nxt
    while end < len(block) and not block[end].isspace():
        end += 1
    word = block[nxt:end].lstrip(_OPENERS)
    while word and not word[-1].isalnum():
        word = word[:-1]
    return word


def _german_verdict(block: str, c: int, nxt: int) -> bool | None:
    """German rules: True splits, False joins, None keeps pysbd's choice. An ellipsis ends a sentence before a
    sentence start or a numbered item ("Sie wartete … Dann ...") unless it stands inside a quotation."""
    start, token = _token_before(block, c)
    word = _next_word(block, nxt)
    next_upper = bool(word) and word[0].isupper()
    if token.endswith(_ELLIPSES) and ((next_upper and word.lower() in _DE_SENTENCE_STARTERS)
                                      or _NUMBER_THEN_CAPITAL.match(block, nxt)):
        return not _in_quotation(block, c)
    if not token.endswith("."):
        return None
    core = token[:-1].lstrip(_OPENERS)

    if _DE_SEE_ABOVE.search(block, max(0, c - 6), c):
        return next_upper and word.lower() in _DE_SENTENCE_STARTERS
    if _DE_LIST_CLOSER.search(block, max(0, c - 16), c) or _DE_FOLLOWING_PAGE.search(block, max(0, c - 4), c):
        if _DE_REFERENCE_CLOSER.search(block, max(0, c - 12), c) and _DE_LAW_AFTER_REFERENCE.match(block, nxt):
            return False
        return next_upper
    lower = core.lower()
    if core in _DE_WEEKDAYS or _DE_WEEKDAY_RANGE.fullmatch(core):
        verdict = _german_weekday(block, start, nxt, word)
        if verdict is not None:
            return verdict
    if _DE_STREET.fullmatch(core) and _DE_HOUSE_NUMBER.match(block, nxt):
        year = _DE_YEAR_THEN_WORD.match(block, nxt)
        return (bool(year) and year.group(1)[0].islower() and year.group(1) not in _DE_ADDRESS_GOES_ON
                and not _german_verbless_before(block, start))
    if _HYPHENED_TITLE.fullmatch(core):
        return False
    if _LONG_HYPHENED_TITLE.fullmatch(core):
        return _german_compound_title_ends(word)
    if _german_unit_after_number(block, start, core):
        return next_upper
    if _german_abbreviation_after_number(block, start, core):
        return next_upper and (_german_sentence_start(word) or _polite_start(block, nxt, word))
    if lower in _DE_ABBREVIATIONS or core in _DE_LOWER_ABBREVIATIONS or core in _DE_CAPITAL_ABBREVIATIONS:
        return lower not in _DE_BEFORE_NAME and word.lower() in _DE_SENTENCE_STARTERS and word[0].isupper()
    if len(core) == 1 and core.isalpha():
        if _DE_CLOSING_PAIR.search(block, max(0, start - 4), start + 2):  # "… übernimmt die Kasse z. T. Es bleibt …"
            return next_upper and (word.lower() in _DE_SENTENCE_STARTERS or _polite_start(block, nxt, word))
        return False  # an initial ("H. Weber"); a letter a word names is ``_named_letter_end``'s
    if _DOTTED_ABBREVIATION.fullmatch(core):
        return False
    if _german_cut_word(core):
        return word.lower() in _DE_SENTENCE_STARTERS and word[0].isupper()
    if _REGEX_SPECIAL.search(core) and next_upper:
        return True  # "U+A. Dann", "B(asic). Wir": pysbd takes these for its "u.a.", "b.a."; they are no abbreviations
    if lower in _DE_MONTH_ABBREVIATIONS:
        prev = _token_before(block, start - 1)[1] if start > 0 else ""
        if block[nxt].isdigit():
            return False
        if _ORDINAL_NUMBER.fullmatch(prev):  # a date: "am 3. Okt. kommt er", "am 3. Okt. Danach ..." ends there
            return next_upper and word.lower() in _DE_SENTENCE_STARTERS
        return None
    if core.isdigit() and len(core) <= 4:
        return _german_number(block, start, nxt, word, next_upper)
    if block[nxt].isdigit() and core.isalpha() and core[0].islower():
        return _german_year_starts(block, nxt)
    return None


def _german_year_starts(block: str, nxt: int) -> bool | None:
    """A lower-case word's full stop before a number at ``nxt``: an abbreviation no list holds ("für insg. 6
    Behandlungen", "um jew. 0,5 kg", "umfasst durchschn. 8 Termine"), whose number goes on with the sentence (False),
    unless a year and the finite verb after it start the next one ("gegründet. 2015 zogen wir um.") or the number is
    an item's or an ordinal ("aufwärmen. 2. Dann", "feiern. 1. Mai ist"): None, pySBD's cut stands. German writes a number that starts a sentence as a word (DIN 5008), so a sentence that starts with
    digits after a word's full stop is rare: none of the German gold corpus's three "<word>. <digit>" places and none
    of the peer corpus's ten in running text (500 articles) is a sentence end; a fronted year is the exception
    German allows, and its verb, in lower case, tells it from an amount ("insg. 2000 Euro", "insg. 1500 ml")."""
    if _INLINE_ITEM_NUMBER.match(block, nxt):
        return None  # an item or an ordinal starts a sentence: "Zuerst aufwärmen. 2. Dann dehnen.", "1. Mai ist frei."
    year = _DE_YEAR_THEN_WORD.match(block, nxt)
    if year is None or not year.group(1)[0].islower():
        return False
    verb = year.group(1)
    if verb in _DE_UNIT_SYMBOLS or verb in _DE_ADDRESS_GOES_ON or verb in ("x", "mal", "bis", "pro", "je"):
        return False
    return None


# Words of jusText's German stop word list (``stopwords.stoplist``) that may stand capitalised inside a sentence, so
# none shows a sentence start after an abbreviation: nouns, names and places ("10 Min. Zeit", "2 Tbl. Wasser"),
# adjectives and ordinals that start a name ("90 Min. Erste Hilfe"), infinitives and participles a noun is made of
# ("5 Min. Gehen", "Leben"), the polite "Sie" and its forms (``_polite_start`` decides those), words that are
# English, and entries with punctuation. What stays are function words, adverbs, pronouns, numerals and finite
# verbs, written in lower case inside a German sentence.
_DE_STOPWORDS_INSIDE = frozenset(
    """
    album amt anfang april arbeit armee art arten august ausbildung bad bahnhof band bau bedeutung begriff beginn
    beispiel bereich berlin berliner besitz bestand betrieb bevölkerung bezeichnung bruder buch burg dezember
    deutsche deutschen deutscher deutschland dorf einsatz einwohner ende entwicklung erfolg europa fall familie
    februar film firma fläche folge form frankreich franz frau frauen friedrich gebiet gebäude gegensatz gemeinde
    gemeinden georg geschichte gesellschaft grenze grund gruppe gründung hans haus heinrich herrschaft hilfe höhe
    hälfte januar jahr jahre jahren jahres jahrhundert jahrhunderts johann john juli juni kaiser karl karriere
    kilometer kinder kirche kloster kreis krieg könig lage land landkreis leben linie liste ludwig mai mal mann
    mannschaft maria menschen meter michael millionen mitglied mitglieder mitte musik mutter märz münchen
    nachfolger name namen norden november oktober ort osten paris partei paul personen peter platz präsident
    professor provinz prozent rahmen regel regierung region reihe richtung robert rolle saison schlacht schloss
    schule september serie sitz sohn sommer spiel spieler sprache staaten stadt stand stelle straße strecke studium
    süden tag tage team teil teile titel tochter tod truppen universität university unternehmen vater verbindung
    verein vertrag wasser weg werk werke westen welt weltkrieg wien wiener zahl zeit zentrum ziel österreich insel
    nähe seite thomas wilhelm
    alten alter bekannt britischen damaligen deutlich ehemalige ehemaligen eigene eigenen einzelnen einzige erste
    ersten erster zweite zweiten dritten folgenden frühen gesamte große großen größte größten gut gleichen hohe
    hohen heutigen internationalen kleine kleinen kurz lang lange letzte letzten neu neue neuen olympischen
    politische politischen schweizer späteren stark selben französischen vereinigten verschiedene verschiedenen
    nördlich südlich
    haben kommen können leben liegen sein spielen stehen werden finden befinden gehören
    gegründet gewählt verwendet bezeichnet erreicht entstanden
    sie ihr ihre ihrem ihren ihrer ihres ihnen
    de the and of new york san county fc usa km m
    """.split()
)


@functools.cache
def _german_stopword_starters() -> frozenset[str]:
    """jusText's German stop words that start a sentence when capitalised (``_DE_STOPWORDS_INSIDE`` left out):
    "Mehr", "Nur", "Danach", "Ist", "Zwei". Read once, and only when an abbreviation after a number stands before a
    capital that ``_DE_SENTENCE_STARTERS`` does not hold. Not merged into that list on purpose: its verbs and numerals
    ("Ist", "Zwei") start a sentence only after such an amount, not after "ca." or "bzw.", where that list decides."""
    from .stopwords import stoplist

    return frozenset(w for w in stoplist("de") if w.isalpha() and w not in _DE_STOPWORDS_INSIDE)


def _german_sentence_start(word: str) -> bool:
    """Whether the capitalised ``word`` after an abbreviation of what a number counts ("3 Tbl.", "10 Wdh.", "2 x
    tägl.") starts the next sentence: a sentence starter (``_DE_SENTENCE_STARTERS``) or a German stop word that no
    noun or name is (``_german_stopword_starters``): "Nehmen Sie max. 3 Tbl. Mehr ist gefährlich." splits, "3 Tbl.
    Magnesium" goes on (trial 35)."""
    if not word[:1].isupper():
        return False
    lower = word.lower()
    return lower in _DE_SENTENCE_STARTERS or lower in _german_stopword_starters()


# Unit symbols a German amount writes after its number (DIN 1313, the SI's symbols: "2 g", "5 ml", "30 min"), in
# lower case as written. A symbol is no abbreviation and takes no full stop, so a full stop after "2 g" ends the
# sentence before any capital: "Nehmen Sie 350 mg. Mehr ist nicht nötig." (trial 32; "g", "l", "m", "h" were taken
# for initials, "min" for the abbreviation of "minimal"). Measured before the rule: the German gold corpus and the
# peer corpus (500 articles) hold no "<number> <unit>. <capital>" inside a sentence; the one such stop there
# ("83 MiB. Diese …") ends its sentence.
_DE_UNIT_SYMBOLS = frozenset("µg mg g kg ml cl dl l mm cm m km h min".split())
_DE_AMOUNT = re.compile(r"\d+(?:[.,]\d+)*(?:[-–/]\d+(?:[.,]\d+)*)?")
_DE_AMOUNT_WITH_UNIT = re.compile(rf"{_DE_AMOUNT.pattern}(?:{'|'.join(sorted(_DE_UNIT_SYMBOLS))})")
# Words after which a number names a page, a paragraph or an item, not an amount: "S. 5 l. Sp." (linke Spalte)
# holds no litre, "Abs. 2 S. 3" no unit.
_DE_REFERENCE_BEFORE_NUMBER = frozenset("s. seite abb. tab. nr. abs. art. kap. bd. rn. ziff. § §§".split())
# The international unit ("Internationale Einheit"), which German writes dotted after its number: "1000 I.E.",
# "400 I. E.", "i.E."
_DE_INTERNATIONAL_UNIT = frozenset(("I.E", "i.E"))


def _german_unit_after_number(block: str, start: int, core: str) -> bool:
    """Whether ``core`` (the token at ``start`` before its full stop) is a unit symbol after its number: "2 g",
    "0,5 l", "2–3 h", "2g"."""
    if _DE_AMOUNT_WITH_UNIT.fullmatch(core):
        return True
    return core in _DE_UNIT_SYMBOLS and _after_amount(block, start)


def _german_abbreviation_after_number(block: str, start: int, core: str) -> bool:
    """Whether ``core`` (the token at ``start`` before its full stop) abbreviates what a number counts: "5 Min.",
    "1 Std.", "2 Tbl.", "5 Stk.", "1000 I.E." or "I. E.". Unlike a unit symbol such an abbreviation goes on
    before a noun ("1000 I.E. Vitamin D", "5 Min. Pause"), so its full stop ends the sentence only before a sentence
    start or the reader addressed ("5 Min. Dehnen Sie danach."), as after "z. T." (``_polite_start``). An
    abbreviation that stands before a name (``_DE_BEFORE_NAME``) keeps its own rule."""
    lower = core.lower()
    if core == "E" and start > 0:  # "400 I. E."
        start, before = _token_before(block, start - 1)
        if before not in ("I.", "i."):
            return False
    elif not (core in _DE_INTERNATIONAL_UNIT or lower in _DE_LOWER_ABBREVIATIONS or core in _DE_CAPITAL_ABBREVIATIONS
              or (lower in _DE_ABBREVIATIONS and lower not in _DE_BEFORE_NAME)):
        return False
    return _after_amount(block, start) or _after_times(block, start) or _after_unit(block, start)


def _after_unit(block: str, start: int) -> bool:
    """Whether the token at ``start`` follows an amount's unit symbol ("10 mg tägl.", "2 l tägl.", "10mg tägl."):
    the abbreviation says how often or what of that amount, as after a bare number ("3 Tbl."), so its full stop
    ends the sentence on the same terms ("Nehmen Sie ca. 10 mg tägl. Mehr ist nicht nötig.": one sentence before)."""
    if start == 0:
        return False
    unit_start, unit = _token_before(block, start - 1)
    return _german_unit_after_number(block, unit_start, unit)


# "2 x", "3×", "2-mal", "2 mal", "2x": how often, before a frequency ("2 x tägl.", "3x wöch.")
_DE_TIMES = re.compile(r"(?:\d+[^\S\n]*)?(?:x|×|mal|-mal)")


def _after_times(block: str, start: int) -> bool:
    """Whether the token at ``start`` follows how often ("2 x tägl.", "2x wöch.", "3 mal tägl."): "x" or "mal"
    after a number, or one token "2x"."""
    if start == 0:
        return False
    times_start, times = _token_before(block, start - 1)
    times = times.lstrip(_OPENERS)
    if _DE_TIMES.fullmatch(times) is None:
        return False
    if times[:1].isdigit():
        return True
    return _after_amount(block, times_start)


def _after_amount(block: str, start: int) -> bool:
    """Whether the token at ``start`` follows an amount: a number ("2", "0,5", "2–3", "1.000") that no reference
    word (``_DE_REFERENCE_BEFORE_NUMBER``: "S. 5", "Abs. 2") makes a page's or a paragraph's."""
    if start == 0:
        return False
    number_start, number = _token_before(block, start - 1)
    if _DE_AMOUNT.fullmatch(number.lstrip(_OPENERS)) is None:
        return False
    return number_start == 0 or _token_before(block, number_start - 1)[1].lower() not in _DE_REFERENCE_BEFORE_NUMBER


# Two-letter abbreviations written with a space that may close a sentence, as an adverb at its end: "z. T." (zum
# Teil), "u. U." (unter Umständen); a sentence starter after one begins the next sentence (trial 23: "Die Kasse
# zahlt z. T. Es bleibt ein Rest." was one sentence)
_DE_CLOSING_PAIR = re.compile(r"(?<![^\W\d_])(?:z\.[^\S\n]?T|u\.[^\S\n]?U)\.$")


def _polite_start(block: str, nxt: int, word: str) -> bool:
    """Whether ``word`` at ``nxt``, after an adverb pair that may close a sentence ("z. T.", "u. U.",
    ``_DE_CLOSING_PAIR``), starts the next one by addressing the reader: the polite "Sie" ("Die Kasse zahlt z. T. Sie
    fragen am besten vorher nach.") or a verb before it, an imperative or a question ("… z. T. Fragen Sie vorher
    nach.", "… u. U. Rufen Sie an."): fresh-user trial 26 found both joined to the sentence before. Inside a
    sentence the pair stands before what it qualifies, a noun ("die z. T. Fragen aufwerfen", "gilt z. T.
    Mitgliedern") or "Ihre" ("erstattet z. T. Ihre Kosten"), which goes on; "Sie" as the object of the pair ("betrifft
    z. T. Sie") is rare enough to be cut there."""
    if word == "Sie":
        return True
    verb = re.match(r"[^\W\d_]+[^\S\n]+", block[nxt:])  # a word and a space, no mark between ("Wartezeiten. Sie")
    return bool(verb) and _next_word(block, nxt + verb.end()) == "Sie"


def _named_letter_end(block: str, c: int, nxt: int, code: str) -> bool:
    """Whether the full stop before ``c`` follows a capital letter a word of ``code`` names ("Vitamin D.", "vitamina
    D.", "hépatite B.", "Vitamin C und E.") and a capital starts the next word at ``nxt``: the sentence ends there,
    where "H. Weber" goes on and pySBD takes the letter for an initial (trial 23: "…400 I.E. Vitamin D. Mehr ist
    selten nötig." was one sentence; trial 25: "Take enough vitamin D. Many people feel tired." too, and an imported
    hand translation's sentences paired wrongly)."""
    pattern = _named_letter_pattern(code)
    if pattern is None or block[c - 1] != "." or not block[nxt].isupper():
        return False
    start, token = _token_before(block, c - 1)
    return len(token) == 1 and token.isupper() and pattern.search(block, max(0, start - 40), start) is not None


# the words a letter names a thing after, right before it or before a list of letters ("Vitamin C, D und E"): the
# vitamins, hepatitis, a type, group, class, stage, in each language with such a word list
_NAMED_LETTER_WORDS = {
    "de": ("Vitamin", "Vitamine", "Hepatitis", "Typ", "Blutgruppe", "Gruppe", "Klasse", "Stufe", "Phase", "Variante",
           "Kategorie", "Zone"),
    "en": ("vitamin", "vitamins", "hepatitis", "type", "group", "class", "stage", "phase", "grade", "category"),
    "fr": ("vitamine", "vitamines", "hépatite", "type", "groupe", "classe", "stade", "phase", "catégorie"),
    "it": ("vitamina", "vitamine", "epatite", "tipo", "gruppo", "classe", "stadio", "fase", "categoria"),
    "es": ("vitamina", "vitaminas", "hepatitis", "tipo", "grupo", "clase", "estadio", "fase", "categoría"),
    "pt": ("vitamina", "vitaminas", "hepatite", "tipo", "grupo", "classe", "estágio", "fase", "categoria"),
    "nl": ("vitamine", "vitaminen", "hepatitis", "type", "groep", "klasse", "stadium", "fase", "categorie"),
    "pl": ("witamina", "witaminy", "witaminę", "witaminą", "witamin", "typu", "typ", "grupy", "grupa", "klasy",
           "fazy", "kategorii"),
}
_AND = {"de": "und|oder|sowie|bis", "en": "and|or|to", "fr": "et|ou|à", "it": "e|o|ed", "es": "y|o|a",
        "pt": "e|ou|a", "nl": "en|of|tot", "pl": "i|lub|oraz|do"}


@functools.lru_cache(maxsize=16)
def _named_letter_pattern(code: str) -> re.Pattern | None:
    """``_NAMED_LETTER_WORDS`` of ``code`` as a pattern that ends where the letter starts (German as written, its
    nouns capitalised; other languages in any case); None for a language without the list."""
    words = _NAMED_LETTER_WORDS.get(code)
    if words is None:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?:[^\S\n]+[A-Z](?:,|[^\S\n]+(?:{_AND[code]})))*[^\S\n]+$",
                      0 if code == "de" else re.I)


def _german_cut_word(core: str) -> bool:
    """Whether ``core`` (a token before its full stop) is a lower-case abbreviation no list holds, because it
    cannot be a whole German word and so end a sentence: one without a vowel or one ending in a consonant and
    "l" (``_DE_CUT_ADJECTIVE``: "ärztl. Attest", "eine fachärztl. Praxis"). A whole word before a capital
    that starts no sentence still ends one ("Das war schön. Katrin kam."), so only the word's shape decides."""
    return (core[:1].islower() and core.isalpha() and len(core) >= 2
            and (not _DE_VOWELS.intersection(core) or _DE_CUT_ADJECTIVE.search(core[-2:]) is not None))


def _in_quotation(block: str, c: int) -> bool:
    """Whether ``c`` lies between a pair of quotation marks or brackets of ``_QUOTATIONS`` (an opening one before
    it, unclosed, and a closing one after it). pySBD keeps a quotation one sentence with what it is quoted in,
    so an ellipsis inside one ends none: "Sie wartete … Dann kam der Anruf." is two sentences,
    „Ich wartete … Dann kam der Anruf.“ one."""
    before = block[:c]
    for opening, closing in _QUOTATIONS:
        if opening == closing:
            if before.count(opening) % 2 and block.find(closing, c) >= 0:
                return True
        elif before.rfind(opening) > before.rfind(closing) and block.find(closing, c) >= 0:
            return True
    return False


def _german_verbless_before(block: str, start: int) -> bool:
    """Whether the words of the sentence before ``start`` (back to a terminator or colon, at most ``_ITEM_REACH``
    characters) can hold no finite verb: each is capitalised (a noun, a name, the first word), one of
    ``_DE_PHRASE_WORDS`` ("Die", "In der", "Unsere Praxis in der"), or an inflected adjective between such a word
    and its noun ("Die alte", "In der neuen schönen"). German writes a verb in lower case unless it starts the
    sentence, so such words are a subject or a place still waiting for their verb, not a sentence."""
    words = []
    for token in reversed(block[max(0, start - _ITEM_REACH):start].split()):
        if token.rstrip("".join(_CLOSERS))[-1:] in (".", "!", "?", "…", ":"):
            break
        words.append(token.strip(_OPENERS + "".join(_CLOSERS) + ",;"))
    words.reverse()
    after_phrase_word = False
    for at, word in enumerate(words):
        if word.lower() in _DE_PHRASE_WORDS:
            after_phrase_word = True
        elif word[:1].islower():
            following = words[at + 1] if at + 1 < len(words) else "Str"
            if not (after_phrase_word and _DE_ADJECTIVE_ENDING.search(word)
                    and (following[:1].isupper() or _DE_ADJECTIVE_ENDING.search(following))):
                return False
        else:
            after_phrase_word = False
    return True


def _item_number_ahead(block: str, c: int, nxt: int) -> bool:
    """Whether a cut with no terminator before it stands before a number inside the line ("Schritte:| 1. Aufwärmen
    2. Dehnen", "Im| 2. Schritt", "Schritt| 1. Danach", a date "bis| 2. Jan." after "vom 23. Dez."): pySBD takes
    every "N." or "N)" for a list item, but a list item starts a line (``_line_breaks``); in running text nothing
    ends before the number. Closing marks count as nothing ("**Schritte:**| 1."), a terminator inside them as
    the end it is ("»Komm.«| 2. Dann")."""
    end = c
    while end > 0 and block[end - 1] in _CLOSERS:
        end -= 1
    if end == 0 or block[end - 1] in ".!?…" or _starts_line(block, nxt):
        return False
    return _INLINE_ITEM_NUMBER.match(block, nxt) is not None


def _item_number(block: str, start: int, prev: str, token: str, word: str, code: str) -> bool:
    """Whether ``token`` ("N.") at ``start``, before the capitalised ``word``, numbers an item in running text,
    which the item's words continue: after a sentence end ("Zuerst aufwärmen. 2. Dann dehnen."; a sentence "2."
    alone says nothing), after a colon ("Schritte: 1. Aufwärmen", but "lautet: 42. Das ist klar."), or after item
    N - 1 in the same block ("1. Aufwärmen 2. Dehnen"). A sentence start of ``code`` (``_SENTENCE_STARTERS``)
    as ``word`` ends "Schritt 1. Danach", "step 1. Then"."""
    core = token.strip().lstrip(_OPENERS).removesuffix(".")
    if not _ITEM_NUMBER_DOT.fullmatch(core + "."):
        return False  # "Stand: 2024. Ingwer", "Okt. 2024. Ingwer": a year numbers no item
    bare = prev.rstrip("".join(_CLOSERS))
    starter = word.lower() in _SENTENCE_STARTERS[code]
    if bare.endswith(("!", "?", *_ELLIPSES)) or (bare.endswith(".") and _ends_with_full_word(bare, code)):
        return True
    if bare.endswith(":") or bare in _DASHES:
        return not starter
    number = int(core)
    if starter or number < 2:
        return False
    earlier = block[max(0, start - _ITEM_REACH):start]
    return any(int(m.group(1)) == number - 1 for m in _INLINE_ITEM_BEFORE.finditer(earlier))


def _german_paren_item(block: str, c: int, nxt: int) -> bool:
    """Whether the cut at ``c`` follows an item number "N.)" before its item's words ("1.) Aufwärmen 2.) Dehnen"),
    which it never ends; before a sentence start ("Schritt 3.) Danach") the other rules decide."""
    return (_ITEM_NUMBER_PAREN.fullmatch(_token_before(block, c)[1]) is not None
            and _next_word(block, nxt).lower() not in _DE_SENTENCE_STARTERS)


def _ends_with_full_word(token: str, code: str) -> bool:
    """Whether ``token`` ("aufwärmen.", "Schritte.", "up.") ends in a word that is no abbreviation, so its full
    stop ends a sentence ("S. 225.", "Nr. 5.", "Jan. 2.", "3. 5." are no such ends): in German one of three
    letters or more that ``german_abbreviation`` does not know, in another language one of two or more (hyphens
    and apostrophes inside it allowed) that pySBD does not list for it."""
    core = token[:-1].lstrip(_OPENERS)
    if code == "de":
        return len(core) >= 3 and core.isalpha() and not german_abbreviation(token.lstrip(_OPENERS))
    letters = core.replace("-", "").replace("'", "").replace("’", "")  # "Échauffez-vous.", "aujourd'hui."
    return len(core) >= 2 and letters.isalpha() and core.lower() not in _abbreviations(code)


def _german_compound_title_ends(word: str) -> bool:
    """Whether "Dipl.-Physioth." ends the sentence before ``word``: only before a sentence start ("Danach",
    "Sie"), as a title before a name ("Dipl.-Physioth. Lindner") never does."""
    return bool(word) and word[0].isupper() and (word.lower() in _DE_SENTENCE_STARTERS or word in ("Sie", "Ihr"))


def _german_weekday(block: str, start: int, nxt: int, word: str) -> bool | None:
    """"Termin Do. 14 Uhr", "Am Mo. Nachmittag", "ab Di. Praxis zu", "Mo. – Fr." do not split; "am Mo. Dann"
    does."""
    if block[nxt].isdigit() or word.lower() in _DE_DAY_PARTS or _DE_WEEKDAY_RANGE_END.match(block, nxt):
        return False
    if word.lower() in _DE_SENTENCE_STARTERS:
        return True
    prev = _token_before(block, start - 1)[1] if start > 0 else ""
    return False if prev.lstrip(_OPENERS).lower() in _DE_WEEKDAY_CUES else None


def _german_number(block: str, start: int, nxt: int, word: str, next_upper: bool) -> bool | None:
    """"Seite 12. Dort" splits; "am 26. Mai", "Stand 3. Okt. 2025", "1. -3. Jh.", "• 3. Seien" do not."""
    follower = block[nxt : nxt + 2]
    if (
        word.lower() in _DE_MONTHS
        or word.lower() in _DE_MONTH_ABBREVIATIONS
        or word.lower() in _DE_ORDINAL_NOUNS
        or follower[:1].isdigit()
        or (follower[:1] in "-–" and follower[1:].isdigit())
    ):
        return False
    if _starts_line(block, start):
        return False
    prev_start, prev = _token_before(block, start - 1)
    if prev in _BULLETS and _starts_line(block, prev_start):
        return False
    if prev.strip("".join(_CLOSERS) + _OPENERS + ",;:").lower() in _DE_ORDINAL_CUES:
        return None
    if next_upper and _item_number(block, start, prev, block[start:nxt], word, "de"):
        return False
    if next_upper and prev.lower() in _DE_ORDINAL_OR_CARDINAL_CUES and word.lower() not in _DE_SENTENCE_STARTERS:
        return False
    return True if next_upper else None


def _number_verdict(block: str, c: int, nxt: int, code: str) -> bool | None:
    """A cut after a number "N." in a language other than German with ``_SENTENCE_STARTERS``: joined where the
    number starts a line or numbers an item (``_item_number``: "Steps: 1.| Warm up", "First warm up. 2.| Then
    stretch."), made before a sentence start ("This is step 1.| Then"), else pySBD's; True splits."""
    start, token = _token_before(block, c)
    word = _next_word(block, nxt)
    if _ITEM_NUMBER_DOT.fullmatch(token) is None or not word[:1].isupper():
        return None
    prev = _token_before(block, start - 1)[1] if start > 0 else ""
    if _starts_line(block, start) or _item_number(block, start, prev, token, word, code):
        return False
    return True if word.lower() in _SENTENCE_STARTERS[code] else None


def _starts_line(block: str, pos: int) -> bool:
    """Only spaces or tabs lie between the line start and ``pos``."""
    while pos > 0 and block[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or block[pos - 1] == "\n"

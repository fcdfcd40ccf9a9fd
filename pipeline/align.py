"""Stage: an existing hand translation -> reviewed and fuzzy entries of ``translations/<lang>/<slug>.po``.

A practitioner who already translated an article by hand brings it in once
instead of retyping it. The German article is segmented exactly as
``extract`` does (``doccache.document``), the translation (CommonMark, front
matter optional) with the same segmenter in the target language. Alignment
runs on two levels, each with the dynamic programme of W. A. Gale and K. W.
Church, "A Program for Aligning Sentences in Bilingual Corpora",
Computational Linguistics 19(1), 1993, pp. 75-102:

1. blocks (title, headings, paragraphs, list items, images, in document
   order) with 1-1, 1-0, 0-1, 2-1 and 1-2 beads, a block of another kind (an
   image of another source) costing extra. Two departures from the paper,
   which aligns sentences: a 1-0 or 0-1 bead costs its prior alone (a block
   nobody translated has no length to fit; priced by length, a paragraph
   added to the translation would always be joined to its neighbour's pair),
   and a 2-1 or 1-2 bead costs extra per sentence the two sides differ in (a
   split or joined paragraph keeps its sentences; an added one does not), and an image with its caption (the
   paragraph after it) that one side lacks is a 2-0 or 0-2 bead at the prior of one block left out: left out
   as two, the caption cost more than joining it to the next paragraph, which shifted that paragraph's pairs;
2. sentences inside each aligned group of blocks, with 2-2 beads too; then the order of the 1-1 pairs of a group
   is settled by anchors (``_settle_order``, ``Anchors``: numbers, cognates and names, glossary terms, the
   translation memory's words, ? ! :), which lengths cannot do: a translator who put two sentences of similar
   length in the other order would otherwise get each German sentence the other's translation, reviewed.

The cost of a bead is ``-log P(bead) - log P(lengths | bead)``: the bead
priors are Gale and Church's (table 5), the length probability is two-sided
normal in ``delta = (l_de * c - l_tr) / sqrt(s2 * mean length)`` with their
variance ``s2 = 6.8`` and ``c`` the translation's length ratio measured over
the whole article. Lengths are characters of the text a reader sees (inline
markup and link destinations left out, ``markup.parts``).

NLTK's ``nltk.translate.gale_church`` implements the same programme, but it
takes no per-bead cost (needed for block kinds) and would bring all of NLTK
for some forty lines, so ``gale_church`` below follows the paper directly.

Lengths pair any two texts somehow, so before anything is written the result
must look like a translation of this article (``plausibility``), as
po4a-gettextize refuses a document whose structure does not match:

- at least half (``MIN_CONFIDENT``) of the German sentences (title and body)
  are in pairs confident by length (``Pair.by_length``: an unclear order within
  a paragraph makes a pair fuzzy, not the file doubtful);
- at least half (``MIN_BLOCKS``) of the blocks, counted on the longer side,
  are paired with a block of their own kind;
- the file is written in ``lang``: among the stop word lists of jusText (the
  boilerplate remover trafilatura uses, lists for 100 languages) for the German
  and the project's languages, ``lang``'s covers at least ``MIN_STOPWORDS`` of
  the file's words and no other covers more than ``RIVAL`` times as many.
  An English text has about half its words on the English list and under a
  fifth on the French or German one. A language without a list is not tested.

A file that fails is refused, unless forced: then every pair becomes a fuzzy
entry with ``# alignment: low confidence``. The comment lasts while the entry
is fuzzy: the next command that rewrites the catalog after a reviewer removed the
flag drops it (``catalog.settle``).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import polib
import yaml

from .catalog import (IMPORTED_RECORD_RE, LOW_CONFIDENCE, MACHINE, REVIEWED, STALE, UNTRANSLATED, Notes, build_pot,
                      entry_state, catalog_bytes, fingerprint, key, machine_draft, merge, now_stamp, po_from_bytes,
                      restore_sign_offs, stale_sign_offs)
from .check import ERROR, check_catalog
from .config import Config, closest
from .errors import VerlagError, raise_all
from .extract_article import last_extract
from .fsutil import file_bytes, read_bytes, relpath, rewrite
from .limits import CATALOG, IMPORTED
from .markup import parts
from .glossary import add_hints, load_glossary
from .published import PlannedPages, SitePages
from .segment import Segment, markdown_parser, reference_labels, segment_article
from .sources import Article, normalise, read_sources, split_front_matter
from .stopwords import MIN_STOPWORDS, MIN_WORDS, RIVAL, language_name, rival_language, stoplist

VARIANCE = 6.8  # Gale & Church 1993, s^2: variance of the length difference per character
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
# An image and its caption (the paragraph after it) that one side lacks are left out as one: a 2-0 (0-2) bead at the
# prior of a block left out (``_figure``). Left out as two, the caption paired with the next paragraph and shifted it.
BLOCK_PRIORS = {**{bead: p for bead, p in PRIORS.items() if bead != (2, 2)}, (2, 0): PRIORS[(1, 0)],
                (0, 2): PRIORS[(0, 1)]}
KIND_PENALTY = 6.0  # cost of pairing blocks of different kinds (a heading with a paragraph): about a 1-0 bead
# cost per piece of inline markup (emphasis, a link, a code span) one side of a block bead has and the other lacks: a
# translator keeps the markup of what they translate; a translator's note added in italics has markup no German has
MARKUP_PENALTY = 3.0
SPLIT_PENALTY = math.log(PRIORS[(1, 1)] / PRIORS[(2, 1)])  # a 2-1 sentence bead's cost over a 1-1 one
CONFIDENT = 0.1  # least P(lengths | 1-1) of a confident pair: |delta| below 1.64
MIN_CONFIDENT = 0.5  # least share of German sentences in confident pairs for a plausible translation
MIN_BLOCKS = 0.5  # least share of blocks (of the longer text) paired with a block of their kind
# Anchors: words, numbers and marks a sentence and its translation share (``anchors``). Lengths cannot tell two
# sentences of a paragraph from each other when the translator put them in the other order; anchors can.
ANCHOR = 4.0  # what one anchor is worth against length costs (-log P): it outweighs lengths about 50 times likelier
ORDER_MARGIN = -math.log(CONFIDENT)  # least cost advantage of a paragraph's order over a swap for a confident pair
COGNATE = 0.58  # least LCSR of two words that are the same word (Melamed 1999, Bitext maps and alignment, sec. 4)
COGNATE_ANYHOW = 0.7  # least LCSR of two cognates that begin with different letters (Ingwer, ginger)
_SAME_SOUND = str.maketrans("kz", "cc")
COGNATE_LENGTH = 4  # shorter words (die, was, man) match by chance too often
ORDER_WINDOW = 3  # sentences of a paragraph more places apart than this are not looked at as swapped
MARKS = "?!:"  # punctuation a translation keeps with its sentence
# the indefinite article of a language that writes it apart from "one" (a week: eine Woche), read as "one" when
# numbers are compared (``Anchors.contradicts``)
_ARTICLE_ONE = {"en": re.compile(r"\b[Aa]n? (?=[a-z])")}
# the translator comment an import writes in each entry it fills: "alignment: imported 1a2b3c4d" (reviewed) or
# "…, fuzzy", with the ``fingerprint`` of the text, so that a new import of the article tells its own untouched pairs
# from a person's work (``_imported``; read with ``catalog.IMPORTED_RECORD_RE``)
IMPORTED_RECORD = "alignment: imported"
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_BLOCK_RE = re.compile(r"^(.*?), block (\d+)")  # a segment's note as segment.py writes it: "paragraph, block 3, …"
# an element whose content is no text for a reader (``rawhtml.NOT_TEXT``), to its end tag or the sentence's end
_NOT_TEXT_RE = re.compile(r"<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)


@lru_cache(maxsize=4096)
def prose(text: str) -> str:
    """The words of a sentence (msgid form) that count as evidence of what it translates, for its length and its
    anchors: its prose (``markup.parts``: no tags, code or addresses) without the content of a script, style or
    template element, which no reader sees (fresh-user trial 26: ``<script>alert('x')</script>`` in one sentence of a
    hand translation made it the longer one, and "alert" a cognate of "altes", so it took the place of the
    sentence before it)."""
    return parts(_NOT_TEXT_RE.sub(" ", text) if "<" in text else text).prose


@dataclass(frozen=True)
class Sentence:
    """One segment of either text: its msgid-form text, its 1-based file line and its block kind."""

    text: str
    line: int
    kind: str
    key: tuple[str | None, str]

    @property
    def length(self) -> int:
        return len(" ".join(prose(self.text).split()))


@dataclass(frozen=True)
class Block:
    """One block of either text (title, heading, paragraph, list item, table, image): its kind and
    sentences. ``image``: a paragraph that is one image and nothing else (CommonMark inline ``image``
    token, as markdown-it parses it), its ``source`` the image's destination."""

    kind: str
    sentences: tuple[Sentence, ...]
    source: str | None = None

    @property
    def length(self) -> int:
        return sum(s.length for s in self.sentences)


@dataclass(frozen=True)
class Bead:
    """``a`` items of the German from ``i`` paired with ``b`` items of the translation from ``j``;
    ``p``: the length probability of the pairing."""

    i: int
    a: int
    j: int
    b: int
    p: float


@dataclass(frozen=True)
class Pair:
    """A German segment and the translated text aligned with it; ``confident`` makes it a reviewed entry.
    ``by_length``: the pair fits by length alone (``CONFIDENT``), which ``plausibility`` counts: a pair made
    doubtful because the sentences beside it could as well be in another order (``_settle_order``) still tells
    that the file is a translation of the article."""

    german: Sentence
    text: str
    confident: bool
    by_length: bool = False


@dataclass(frozen=True)
class Kept:
    """An entry the import left as it was: its German, what it holds (``held``: "a reviewed translation",
    "a machine draft edited by hand", …) and the imported text that was not put in."""

    german: Sentence
    held: str
    text: str


@dataclass
class AlignResult:
    """What an import of a translation did to ``path`` (project-relative), or would do with a dry run."""

    path: str
    source: str  # the German article, project-relative
    confident: int = 0  # reviewed entries written
    low: int = 0  # fuzzy entries written with the LOW_CONFIDENCE comment
    unmatched_german: list[Sentence] = field(default_factory=list)
    unmatched_translation: list[Sentence] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    already: int = 0  # entries that held the imported text already (an import run again)
    written: bool = False
    doubt: str | None = None  # why the file does not look like a translation of the article (forced import)
    # entries signed off in bulk (``catalog.stale_sign_off``) written back fuzzy as they were: (line of the msgid in
    # the catalog as read, msgid)
    reopened: list[tuple[int, str]] = field(default_factory=list)
    title: tuple[str, str] | None = None  # (the German title, the translated text paired with it), None: unpaired


def gale_church(source: list[int], target: list[int], ratio: float, priors: dict[tuple[int, int], float],
                penalty=lambda i, a, j, b: 0.0, gaps_by_length: bool = True) -> list[Bead]:
    """The cheapest sequence of beads covering ``source`` and ``target`` lengths (Gale & Church 1993, sec. 4).

    ``ratio``: expected target characters per source character. ``penalty(i, a, j, b)``: an extra cost
    for one bead (kinds that do not match). ``gaps_by_length=False``: a 1-0 or 0-1 bead costs its prior
    alone. The paper prices it by the length of the item left out like any bead, so a whole paragraph
    without counterpart costs more than joining it to its neighbour's pair whatever the lengths; but an
    item nobody translated has no length to fit. Returns the beads in order; both sequences are covered
    exactly once.
    """
    n, m = len(source), len(target)
    cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for (a, b), prior in priors.items():
                if (a or b) and i >= a and j >= b and cost[i - a][j - b] < math.inf:
                    p = (_length_probability(sum(source[i - a:i]), sum(target[j - b:j]), ratio)
                         if gaps_by_length or (a and b) else 1.0)
                    total = (cost[i - a][j - b] - math.log(prior) - math.log(max(p, 1e-300))
                             + penalty(i - a, a, j - b, b))
                    if total < cost[i][j]:
                        cost[i][j], back[i][j] = total, (a, b, p)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        a, b, p = back[i][j]
        i, j = i - a, j - b
        beads.append(Bead(i, a, j, b, p))
    return beads[::-1]


def _length_probability(source: int, target: int, ratio: float) -> float:
    """P(|delta| at least this large) under the standard normal, two-sided (Gale & Church 1993, eq. 6)."""
    if source == target == 0:
        return 1.0
    mean = (source + target / ratio) / 2
    delta = (source * ratio - target) / math.sqrt(VARIANCE * mean)
    return math.erfc(abs(delta) / math.sqrt(2))


def blocks(segments: tuple[Segment, ...] | list[Segment]) -> list[Block]:
    """Group segments into their blocks (the ``block N`` of their notes), in document order.

    The title comes first as a block of kind ``title``; summary and tags are left out (``_front_pairs``
    matches them by their front-matter key, never by position).
    """
    grouped: dict[object, list[Sentence]] = {}
    kinds: dict[object, str] = {}
    for segment in segments:
        match = _BLOCK_RE.match(segment.note)
        if match is None and segment.context != "title":
            continue
        group = int(match.group(2)) if match else 0
        kinds.setdefault(group, segment.kind)
        grouped.setdefault(group, []).append(Sentence(segment.text, segment.line, segment.kind, segment.key))
    return [_image_block(kinds[g], tuple(grouped[g])) for g in sorted(grouped)]


def _image_block(kind: str, sentences: tuple[Sentence, ...]) -> Block:
    """The block of ``sentences``, of kind ``image`` when it is a paragraph holding one image alone
    (``![alt](source)``, parsed with markdown-it; a reference-style image has no source here and stays
    a paragraph)."""
    if kind == "paragraph" and len(sentences) == 1:
        children = [t for t in markdown_parser().parseInline(sentences[0].text)[0].children or ()
                    if not (t.type in ("text", "softbreak") and not t.content.strip())]
        if len(children) == 1 and children[0].type == "image":
            return Block("image", sentences, str(children[0].attrs.get("src", "")))
    return Block(kind, sentences)


def _kind_penalty(german: list[Block], translation: list[Block]):
    """``KIND_PENALTY`` for a bead pairing blocks of different kinds, or images of different sources."""
    def penalty(i: int, a: int, j: int, b: int) -> float:
        both = (*german[i:i + a], *translation[j:j + b])
        kinds = {_family(x.kind) for x in both}
        return 0.0 if len(kinds) <= 1 and len({x.source for x in both}) <= 1 else KIND_PENALTY

    return penalty


def _block_penalty(german: list[Block], translation: list[Block]):
    """The kind penalty, and for a 2-1 or 1-2 bead ``SPLIT_PENALTY`` per sentence the two sides differ in:
    a translator who splits or joins paragraphs keeps the sentences, while a paragraph added or left
    out next to another makes the join uneven (two German sentences for four translated ones)."""
    kind = _kind_penalty(german, translation)
    de_markup, tr_markup = [_markup(b) for b in german], [_markup(b) for b in translation]

    def penalty(i: int, a: int, j: int, b: int) -> float:
        if not (a and b):  # a block left out, or an image with its caption (``_figure``); no other 2-0, 0-2
            return 0.0 if a + b == 1 or _figure(german[i:i + a] or translation[j:j + b]) else math.inf
        count = lambda blocks: sum(len(x.sentences) for x in blocks)  # noqa: E731
        uneven = abs(count(german[i:i + a]) - count(translation[j:j + b])) if a + b > 2 else 0
        return kind(i, a, j, b) + SPLIT_PENALTY * uneven + MARKUP_PENALTY * _markup_difference(
            de_markup[i:i + a], tr_markup[j:j + b])

    return penalty


def _markup(block: Block) -> Counter:
    """The inline markup of a block's sentences by kind (``markup.parts``); none for an image, which pairs by
    its source."""
    found: Counter = Counter()
    if block.kind != "image":
        for sentence in block.sentences:
            found.update(parts(sentence.text).kinds)
    return found


def _markup_difference(left: list[Counter], right: list[Counter]) -> int:
    """How many pieces of inline markup (``_markup`` of the blocks of either side of a bead: emphasis, links, code
    spans, …) one side has and the other lacks: positive evidence against a pairing that lengths cannot give
    (fresh-user trial 41: a translator's note in italics, added after a paragraph the translation split in two, was
    joined to it by length and pushed out its first half)."""
    if not any(left) and not any(right):
        return 0
    one, other = sum(left, Counter()), sum(right, Counter())
    return sum(((one - other) + (other - one)).values())


def _figure(blocks: list[Block]) -> bool:
    """Whether ``blocks`` are an image and the paragraph after it, its caption as WordPress's ``[caption]`` and a
    saved page's ``<figcaption>`` are imported (``importer_html``): a translation that leaves out the one leaves
    out the other."""
    return len(blocks) == 2 and blocks[0].kind == "image" and blocks[1].kind == "paragraph"


def _family(kind: str) -> str:
    return "heading" if kind in ("title", "heading") else kind


def _anchored(beads: list[Bead], german: list[Block], translation: list[Block]) -> list[bool]:
    """Per block bead: it and its neighbours pair blocks on both sides, of the same kinds. Next to a block
    left out or added, or a heading paired with a paragraph, the alignment has shifted or may have (an
    image and its caption missing in the translation pairs the caption with the next paragraph by
    length alone), so no pair there is trusted as reviewed. An image paired with the image of the same
    source cannot have shifted: it is anchored whatever its neighbours."""
    def sound(bead: Bead) -> bool:
        kinds = lambda blocks: {_family(b.kind) for b in blocks}  # noqa: E731
        return bool(bead.a and bead.b) and kinds(german[bead.i:bead.i + bead.a]) == \
            kinds(translation[bead.j:bead.j + bead.b])

    def same_image(bead: Bead) -> bool:
        return bead.a == bead.b == 1 and german[bead.i].kind == "image" and \
            german[bead.i].source == translation[bead.j].source

    ok = [sound(bead) for bead in beads]
    return [same_image(bead) or (ok[k] and (k == 0 or ok[k - 1]) and (k == len(ok) - 1 or ok[k + 1]))
            for k, bead in enumerate(beads)]


def _block_beads(german: list[Block], translation: list[Block]) -> tuple[list[Bead], float]:
    """The block-level beads and the translation's length ratio, measured over the whole article."""
    de_total = sum(b.length for b in german) or 1
    ratio = (sum(b.length for b in translation) or de_total) / de_total
    return gale_church([b.length for b in german], [b.length for b in translation], ratio, BLOCK_PRIORS,
                       _block_penalty(german, translation), gaps_by_length=False), ratio


def align_documents(german: list[Block], translation: list[Block], lang: str = "", glossary=None,
                    memory=None) -> tuple[list[Pair], list[Sentence], list[Sentence]]:
    """Pair the sentences of two articles: (pairs, unmatched German, unmatched translation), in order.

    A 1-1 sentence bead whose length probability is at least ``CONFIDENT`` is confident, when its blocks
    and the blocks beside them are anchored (``_anchored``), and the words, numbers and marks it shares with
    its translation tell its order among the sentences of its group from a swap (``_settle_order``; ``Anchors``
    in ``lang``, with the ``glossary`` and ``memory``, a callable giving the translation memory's ``tm.Lookup``);
    a 2-2 bead pairs its sentences in order, without confidence; 1-2 joins the two translated sentences; 2-1
    gives the translated sentence to the first German one and leaves the second unmatched.
    """
    anchors = Anchors(lang, glossary, memory)
    beads, ratio = _block_beads(german, translation)
    anchored = _anchored(beads, german, translation)
    beads, ordered = _settle_blocks(beads, anchored, german, translation, ratio, anchors)
    pairs: list[Pair] = []
    lonely_de: list[Sentence] = []
    lonely_tr: list[Sentence] = []
    for k, outer in enumerate(beads):
        de = [s for b in german[outer.i:outer.i + outer.a] for s in b.sentences]
        tr = [s for b in translation[outer.j:outer.j + outer.b] for s in b.sentences]
        singles: list[tuple[int, Sentence]] = []
        for bead in gale_church([s.length for s in de], [s.length for s in tr], ratio, PRIORS):
            left, right = de[bead.i:bead.i + bead.a], tr[bead.j:bead.j + bead.b]
            if not right:
                lonely_de.extend(left)
            elif not left:
                lonely_tr.extend(right)
            elif bead.a == bead.b:
                fits = (anchored[k] and bead.a == 1 and bead.p >= CONFIDENT
                        and _family(left[0].kind) == _family(right[0].kind))
                sure = fits and ordered[k] and not anchors.contradicts(left[0].text, right[0].text)
                if bead.a == 1:
                    singles.append((len(pairs), right[0]))
                pairs.extend(Pair(d, t.text, sure, fits) for d, t in zip(left, right))
            else:
                pairs.append(Pair(left[0], " ".join(t.text for t in right), False))
                lonely_de.extend(left[1:])
        pairs = _settle_order(pairs, singles, ratio, anchors)
    return pairs, lonely_de, lonely_tr


def _settle_blocks(beads: list[Bead], anchored: list[bool], german: list[Block], translation: list[Block],
                   ratio: float, anchors: Anchors) -> tuple[list[Bead], list[bool]]:
    """``beads`` with the translated blocks of 1-1 beads of one kind (list items, paragraphs) in one section put in
    the order their content favours, and ``anchored`` honest about it: the block-level counterpart of
    ``_settle_order``.

    Gale and Church's programme keeps both texts in order, so a translator who reordered a list or put two
    paragraphs of a section the other way round got each German block the other's translation, every pair
    confident by length (fresh-user trial 41: three list items, two paragraphs of medical advice). The cost of
    pairing two blocks is their length cost less ``ANCHOR`` per anchor they share (``Anchors``, on the blocks'
    text); two beads exchange their translated blocks when the anchors favour the exchange and its cost is lower.
    The sentences of an exchanged block are never confident (a person checks the order), and neither are those of
    a block whose pairing does not cost at least ``ORDER_MARGIN`` less than an exchange with each of its
    neighbours (``ORDER_WINDOW``): items of similar length that share no anchor could be in either order.
    """
    def text(blocks: list[Block]) -> str:
        return " ".join(s.text for b in blocks for s in b.sentences)

    def movable(bead: Bead) -> bool:
        return bead.a == bead.b == 1 and german[bead.i].kind == translation[bead.j].kind \
            and german[bead.i].kind in ("paragraph", "list item")

    runs: list[dict[str, list[int]]] = [{}]  # the movable beads of each section by kind, in order
    for k, bead in enumerate(beads):
        if movable(bead):
            runs[-1].setdefault(german[bead.i].kind, []).append(k)
        elif any(b.kind in ("title", "heading") for b in (*german[bead.i:bead.i + bead.a],
                                                          *translation[bead.j:bead.j + bead.b])):
            runs.append({})
    beads, anchored = list(beads), list(anchored)
    for run in (run for section in runs for run in section.values()):
        if len(run) < 2:
            continue
        de = [text([german[beads[k].i]]) for k in run]
        held = [beads[k].j for k in run]
        tr = {j: text([translation[j]]) for j in held}
        lengths = {j: translation[j].length for j in held}
        known: dict[tuple[int, int], float] = {}

        def shared(d: int, j: int) -> int:
            return anchors(de[d], tr[j])

        def cost(d: int, j: int) -> float:
            if (d, j) not in known:
                p = _length_probability(german[beads[run[d]].i].length, lengths[j], ratio)
                known[d, j] = -math.log(max(p, 1e-300)) - ANCHOR * shared(d, j)
            return known[d, j]

        order = list(held)
        exchanged = _exchange(order, cost, shared)
        for d, k in enumerate(run):
            beads[k] = replace(beads[k], j=order[d])
            anchored[k] = anchored[k] and not exchanged[d] and _clear(d, order, cost)
    return beads, anchored


def _exchange(order: list[int], cost: Callable[[int, int], float], shared: Callable[[int, int], int]) -> list[bool]:
    """Put ``order`` (``order[d]``: what German place ``d`` holds) in the order the evidence favours, in place: again
    and again the exchange of two places at most ``ORDER_WINDOW`` apart that lowers the total ``cost`` the most
    among those that make them share more anchors (``shared``), until none does; each lowers the total, so it
    ends. Returns, for each place, whether it was exchanged."""
    count = len(order)
    exchanged = [False] * count
    for _ in range(count * count):
        best = None
        for d in range(count):
            for e in range(d + 1, min(count, d + ORDER_WINDOW + 1)):
                a, b = order[d], order[e]
                gain = cost(d, a) + cost(e, b) - cost(d, b) - cost(e, a)
                more = shared(d, b) + shared(e, a) - shared(d, a) - shared(e, b)
                if more > 0 and gain > 0 and (best is None or gain > best[0]):
                    best = (gain, d, e)
        if best is None:
            break
        _, d, e = best
        order[d], order[e] = order[e], order[d]
        exchanged[d] = exchanged[e] = True
    return exchanged


def _clear(d: int, order: list[int], cost: Callable[[int, int], float]) -> bool:
    """Whether place ``d``'s order costs at least ``ORDER_MARGIN`` less than its exchange with each place at most
    ``ORDER_WINDOW`` away: only then is its pair confident."""
    count = len(order)
    return all(cost(d, order[e]) + cost(e, order[d]) - cost(d, order[d]) - cost(e, order[e]) >= ORDER_MARGIN
               for e in range(max(0, d - ORDER_WINDOW), min(count, d + ORDER_WINDOW + 1)) if e != d)


def _settle_order(pairs: list[Pair], singles: list[tuple[int, Sentence]], ratio: float,
                  anchored: Anchors) -> list[Pair]:
    """``pairs`` with the 1-1 pairs of one group of blocks (``singles``: their index in ``pairs`` and the translated
    sentence each holds) put in the order the evidence favours, and honest about it.

    Lengths alone pair two sentences of similar length either way round, so a translator who put them in the other
    order would get each German sentence the other's translation (Gale & Church price a 1-1 bead by lengths alone,
    as do hunalign without a dictionary and bleualign without a translation). The cost of a pairing is its length
    cost less ``ANCHOR`` per anchor (``anchors``). Two pairs exchange their translations when the anchors favour
    the exchange and its cost is lower; the exchanged pairs are never confident (the order had to change: a person
    checks it). A pair stays confident only when, for every other 1-1 pair of its group, its order costs at least
    ``ORDER_MARGIN`` less than the exchange: where both orders fit about equally, it is low confidence. Only
    sentences at most ``ORDER_WINDOW`` places apart are compared: a translator moves a sentence past its
    neighbour, not across a long paragraph, and a paragraph of a hundred sentences costs no more than ten of them.
    """
    if len(singles) < 2:
        return pairs
    german = [pairs[n].german for n, _ in singles]
    held = [t for _, t in singles]
    count = len(held)

    known: dict[tuple[int, int], float] = {}

    def shared(d: int, t: int) -> int:
        return anchored(german[d].text, held[t].text)

    def cost(d: int, t: int) -> float:
        if (d, t) not in known:
            p = _length_probability(german[d].length, held[t].length, ratio)
            known[d, t] = -math.log(max(p, 1e-300)) - ANCHOR * shared(d, t)
        return known[d, t]

    order = list(range(count))  # order[d]: the translated sentence German sentence d holds
    exchanged = _exchange(order, cost, shared)
    out = list(pairs)
    for d, (n, _) in enumerate(singles):
        sure = pairs[n].confident and not exchanged[d] and _clear(d, order, cost)
        out[n] = replace(pairs[n], text=held[order[d]].text, confident=sure)
    return out


class Anchors:
    """How many anchors a German sentence and a translated one share: the evidence, besides lengths, that one
    translates the other (``_settle_order``). Counted one to one:

    - numbers: in digits on either side, or in words (``numberwords``: "zehn Minuten", "ten minutes");
    - cognates and names: words of ``COGNATE_LENGTH`` letters or more, on neither language's stop word list
      (jusText's), nearly the same letter by letter (``_cognate``: Melamed's longest common subsequence ratio),
      compared without case and accents (Zink/zinc, Vitamin/vitamin, Ingwer/ginger, Berlin/Berlin), two words
      of the translation written as one too (Ingwertee/ginger tea);
    - the glossary's terms: a German term in the one and its ``lang`` translation in the other;
    - the translation memory's words: where the memory has a translation of the German sentence (the project's
      reviewed translations and imported TMX, matched as ``pretranslate`` matches them), each of its words
      (as cognates are compared) that the translated sentence has too;
    - the marks ``MARKS`` (? ! :) both have.

    ``memory``: called once, when first needed, for the ``tm.Lookup`` in ``lang`` (None: no memory to ask).
    """

    def __init__(self, lang: str, glossary=None, memory=None):
        self.lang = lang
        self.glossary = glossary
        self.stop = stoplist("de") | stoplist(lang)
        self._known: dict[tuple[str, str], int] = {}
        self._memory = memory
        self._remembered: dict[str, list[str]] = {}
        self._spells: bool | None = None  # whether ``numberwords`` reads numbers in words in ``lang``

    def __call__(self, german: str, translated: str) -> int:
        found = self._known.get((german, translated))
        if found is None:
            found = self._known[german, translated] = self._count(german, translated)
        return found

    def _count(self, german: str, translated: str) -> int:
        de, tr = prose(german), prose(translated)
        found = sum(min(de.count(mark), tr.count(mark)) for mark in MARKS)
        found += _one_to_one(self._numbers(de, True), self._numbers(tr, False), lambda a, b: bool(a & b))
        found += _one_to_one(self._words(de), self._words(tr, joined=True), _cognate)
        if self.glossary is not None and self.glossary.terms:
            from .glossary import matchable, target_pattern

            text = matchable(translated)
            found += sum(1 for term in self.glossary.find(german)
                         if (target := term.target(self.lang)) and target_pattern(target, self.lang).search(text))
        remembered = self._remembered_words(german)
        if remembered:
            found += _one_to_one(remembered, self._words(tr), _cognate)
        return found

    def contradicts(self, german: str, translated: str) -> bool:
        """Whether the two give different numbers: a value in digits or number words (``numberwords``) on one side
        that the other lacks, positive evidence that they do not say the same (fresh-user trial 41: "Trinken Sie …
        drei Tassen am Tag." paired with "A spoonful of honey makes the tea milder.", reviewed). A bare "one" is
        left out: German writes its article as the number (eine Tasse: a cup); "eine Woche" still counts as the
        week it is."""
        def values(found: list[frozenset[str]]) -> list[frozenset[str]]:
            told = [v - {"1"} if len(v) > 1 and not any(x.replace(".", "").isdigit() and x != "1" for x in v) else v
                    for v in found]
            return [v for v in told if v and v != {"1"}]

        if self._spells is None:
            from .numberwords import _spelled_pattern

            self._spells = self.lang not in ("", "de") and _spelled_pattern(self.lang)[0] is not None
        text = prose(translated)
        if self._spells:
            de, tr = values(self._numbers(prose(german), True)), values(self._numbers(text, False))
            article = _ARTICLE_ONE.get(self.lang)  # "a week" is eine Woche; "a day" no number the German must have
            loose = values(self._numbers(article.sub("one ", text), False)) if article else tr
        else:  # numbers in words cannot be told in the translation: digits alone are compared
            de, tr = values(_digits(prose(german))), values(_digits(text))
            loose = tr
        same = lambda a, b: bool(a & b)  # noqa: E731
        return _one_to_one(de, loose, same) < len(de) or _one_to_one(tr, de, same) < len(tr)

    def _remembered_words(self, german: str) -> list[str]:
        """The words (``_words``) of the translation memory's translation of ``german``; none without one."""
        if self._memory is None:
            return []
        if callable(self._memory):
            self._memory = self._memory() or None
            if self._memory is None:
                return []
        if german not in self._remembered:
            match = self._memory.best(german)
            self._remembered[german] = self._words(prose(match.text)) if match else []
        return self._remembered[german]

    def _numbers(self, text: str, german: bool) -> list[frozenset[str]]:
        from .numberwords import german_quantities, quantities

        found = _digits(text)
        spelled = german_quantities(text, self.lang) if german else quantities(text, self.lang)
        return found + [values for _, _, values in spelled]

    def _words(self, text: str, joined: bool = False) -> list[str]:
        """The words of ``text`` that may be cognates; ``joined``: each two in a row written as one too, as German
        writes a compound (ginger tea: Ingwertee)."""
        words = [_plain(w) for w in re.findall(r"[^\W\d_]+", text)]
        found = [w for w in words if len(w) >= COGNATE_LENGTH and w not in self.stop]
        if joined:
            found += [a + b for a, b in zip(words, words[1:]) if min(len(a), len(b)) >= 3
                      and a not in self.stop and b not in self.stop]
        return found


def _digits(text: str) -> list[frozenset[str]]:
    """The numbers ``text`` writes in digits, each as its values (3,5 and 3.5 alike; 1.000 as 1000 too)."""
    return [frozenset({m.replace(",", "."), re.sub(r"[.,]", "", m)}) for m in _NUMBER_RE.findall(text)]


def _plain(word: str) -> str:
    """``word`` without case and accents (Kinderärztin: kinderarztin), as cognates are compared."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _cognate(german: str, translated: str) -> bool:
    """Whether a German word and a translated one are the same word: an LCSR of ``COGNATE`` with the same first
    letter (c, k and z taken as one: Zink/zinc, Kalzium/calcium), of ``COGNATE_ANYHOW`` without (Ingwer/ginger;
    not lesen/please); or the translated word begins the German compound nearly letter by letter, its first two
    letters the same (Zinkpräparat: zinc; not Stagnation: sang)."""
    ratio = _lcsr(german, translated)
    if ratio >= COGNATE_ANYHOW or (ratio >= COGNATE and _initial(german) == _initial(translated)):
        return True
    head = german[:len(translated)]
    return (len(german) > len(translated) + 2 and _initial(head, 2) == _initial(translated, 2)
            and _lcsr(head, translated) >= 0.75)


def _initial(word: str, letters: int = 1) -> str:
    """The first ``letters`` of ``word`` as cognates are compared: c, k and z as one."""
    return word[:letters].translate(_SAME_SOUND)


def _one_to_one(left: list, right: list, same) -> int:
    """How many items of ``left`` pair with an item of ``right`` that is ``same``, each used once (in order)."""
    free = list(right)
    found = 0
    for item in left:
        match = next((n for n, other in enumerate(free) if same(item, other)), None)
        if match is not None:
            free.pop(match)
            found += 1
    return found


@lru_cache(maxsize=65536)
def _lcsr(a: str, b: str) -> float:
    """The longest common subsequence ratio of two words: its length over the longer word's (at most the shorter
    one's length over it, so words of very different lengths are told at once)."""
    if min(len(a), len(b)) < COGNATE * max(len(a), len(b)):
        return min(len(a), len(b)) / max(len(a), len(b))
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for n, y in enumerate(b):
            current.append(previous[n] + 1 if x == y else max(previous[n + 1], current[n]))
        previous = current
    return previous[-1] / max(len(a), len(b))


def plausibility(german: list[Block], translation: list[Block], pairs: list[Pair], words: list[str], lang: str,
                 candidates: list[str]) -> str | None:
    """Why the translation (its ``blocks`` aligned with the German's into ``pairs``; ``words``: its words,
    lower case) does not look like a translation of the article into ``lang``, or None when it does. The
    tests and thresholds are those of the module docstring; ``candidates``: the languages it might be in
    instead (the source language and the project's languages)."""
    doubts = []
    sentences = sum(len(b.sentences) for b in german)
    sure = sum(p.by_length for p in pairs)
    if sentences and sure < MIN_CONFIDENT * sentences:
        doubts.append(f"only {sure} of {sentences} German sentences pair confidently by length (at least half must)")
    longer = max(len(german), len(translation))
    matched = block_matches(german, translation)
    if longer and matched < MIN_BLOCKS * longer:
        doubts.append(f"only {matched} of {longer} blocks pair with a block of their kind ({len(german)} German, "
                      f"{len(translation)} in the file)")
    found = _language(words, lang, candidates)
    if found:
        doubts.append(found)
    return "; ".join(doubts) or None


def block_matches(german: list[Block], translation: list[Block]) -> int:
    """The German blocks that the block-level alignment pairs with translated blocks of their own kind."""
    same = _kind_penalty(german, translation)
    return sum(b.a for b in _block_beads(german, translation)[0] if b.a and b.b and not same(b.i, b.a, b.j, b.b))


def _language(words: list[str], lang: str, candidates: list[str]) -> str | None:
    """A sentence saying the words are not ``lang`` but another of ``candidates`` (or hardly ``lang`` at
    all), by their shares on jusText's stop word lists; None when they are, or cannot be told."""
    lists = {code: stoplist(code) for code in dict.fromkeys([lang, *candidates])}
    if len(words) < MIN_WORDS or not lists[lang]:
        return None
    share = {code: sum(w in stop for w in words) / len(words) for code, stop in lists.items() if stop}
    rival = max((c for c in share if c != lang), key=share.__getitem__, default=None)
    if rival is not None and share[rival] > RIVAL * share[lang]:
        return (f"it reads as {language_name(rival)}, not {language_name(lang)}: {share[rival]:.0%} of its words are "
                f"common {language_name(rival)} words, {share[lang]:.0%} common {language_name(lang)} ones")
    if share[lang] < MIN_STOPWORDS:
        return (f"only {share[lang]:.0%} of its words are common {language_name(lang)} words (a text in "
                f"{language_name(lang)} has about half)")
    return None


def reads_as(words: list[str], lang: str, candidates: list[str]) -> str | None:
    """The language of ``candidates`` that ``words`` (lower case) read as instead of ``lang``, as ``_language``
    decides (``stopwords.rival_language``); None when they read as ``lang`` or cannot be told."""
    return rival_language(words, lang, candidates)


def words_of(segments: list[Segment]) -> list[str]:
    """The words a reader sees in ``segments`` (inline markup and link targets left out), lower case,
    without numbers."""
    return [w.lower() for s in segments for w in re.findall(r"[^\W\d_]+", prose(s.text))]


def read_translation(path: Path, slug: str, lang: str, mode: str, text: str | None = None) -> list[Segment]:
    """The translation at ``path`` (UTF-8 CommonMark, YAML or Hugo's TOML or JSON front matter optional, or plain text
    whose title and headings ``importer_text.headed`` finds when it is no ``.md`` file), segmented
    like a German source in ``mode`` (``sentence`` or ``block``) with the sentence rules of ``lang``.
    ``text``: the translation as already converted to CommonMark (``importer``, from a saved page or a
    feed), read instead of the file; ``path`` then only names it in messages.

    Raises ``VerlagError`` naming the file and line for bytes that are neither UTF-8 nor Windows-1252
    (``importer_text.decoded``) or front matter that does not parse or is no table of keys (``_front_as_yaml``, as
    ``verlag import`` says it of a German article's).
    """
    ref = str(path)
    plain = text is None and path.suffix.lower() not in (".md", ".markdown")
    if text is None:
        from .importer_text import decoded  # the import stage's reader of copied and Word text

        text, _ = decoded(file_bytes(path, IMPORTED), path, "the translation")
    text = _front_as_yaml(normalise(text), ref)
    front, front_start, body_start = split_front_matter(text)
    spaced = plain and not body_start and _line_paragraphs(text)
    if spaced:
        text = "\n\n".join(text.rstrip("\n").split("\n")) + "\n"
    if plain and not body_start:
        from .importer_text import headed

        text = headed(text)
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = text.count("\n", 0, front_start) + 1 + (mark.line if mark else 0)
        raise VerlagError(f"invalid YAML front matter: {getattr(exc, 'problem', None) or exc}", ref, line) from None
    if not isinstance(meta, dict):
        raise VerlagError("front matter must be 'key: value' lines", ref, 2)
    meta = {k: v for k, v in meta.items() if k in ("title", "summary", "tags") and v}
    article = Article(path, ref, slug, text, meta, front, front_start, body_start,
                      text.count("\n", 0, body_start) + 1, "")
    segments = segment_article(article, mode, lang).segments
    return [replace(s, line=(s.line + 1) // 2) for s in segments] if spaced else list(segments)


def _line_paragraphs(text: str) -> bool:
    """Whether plain ``text`` holds paragraphs one a line with no blank line anywhere (a word processor's "plain
    text"): CommonMark would read them as one paragraph, so ``read_translation`` puts a blank line between
    them and gives each segment its line in the file again."""
    lines = text.rstrip("\n").split("\n")
    return len(lines) > 1 and all(line.strip() for line in lines)


def _front_as_yaml(text: str, ref: str) -> str:
    """``text`` with Hugo's TOML front matter (between ``+++`` lines) or JSON front matter (an object whose braces
    are lines of their own, https://gohugo.io/content-management/front-matter/) written as the YAML front matter the
    German article has: ``title``, ``summary`` (Hugo's ``description`` too, as ``verlag import`` maps it) and
    ``tags`` (with ``categories``), each at the line of its key so that line numbers stay the file's; other keys
    left out. Raises ``VerlagError`` at the line that does not parse, in the words ``verlag import`` uses for a
    German article's front matter (``importer_markdown.parse_front``)."""
    from .importer_markdown import front_matter_end, front_matter_fence, parse_front

    fence = front_matter_fence(text)
    if fence not in ("+++", "{"):
        return text
    lines = text.split("\n")
    end = front_matter_end(lines, fence)
    meta = parse_front("\n".join(lines[1:end]), fence, ref)
    tags = [str(t) for key in ("tags", "categories") if isinstance(meta.get(key), list) for t in meta[key]]
    found = {"title": meta.get("title"), "summary": meta.get("summary") or meta.get("description"),
             "tags": tags or None}
    yaml_lines = [""] * (end - 1)
    for field_name, value in found.items():
        key = {"summary": "summary" if meta.get("summary") else "description",
               "tags": "tags" if meta.get("tags") else "categories"}.get(field_name, field_name)
        written = rf"{key}\s*=" if fence == "+++" else rf'"{key}"\s*:'
        at = next((n for n in range(1, end) if re.match(written, lines[n].strip())), None)
        if value and at is not None:
            yaml_lines[at - 1] = f"{field_name}: {json.dumps(value, ensure_ascii=False)}"
    return "\n".join(["---", *yaml_lines, "---", *lines[end + 1:]])


def _front_pairs(german: tuple[Segment, ...], translation: list[Segment]) -> list[Pair]:
    """Summary with summary, tags with tags when both have as many, by their key; confident (as long as
    the body's alignment is plausible)."""
    pairs: list[Pair] = []
    for context in ("summary", "tag"):
        de = [s for s in german if s.context == context]
        tr = [s for s in translation if s.context == context]
        if de and len(de) == len(tr):
            pairs += [Pair(Sentence(d.text, d.line, d.kind, d.key), t.text, True) for d, t in zip(de, tr)]
    return pairs


def translated_article(config: Config, name: str) -> tuple[str, str | None]:
    """The slug ``--translation-of NAME`` means, and a note when it is not NAME: NAME when an article has that
    slug; else the slug of the article whose file name or old address NAME is (its ``aliases:``, as an import
    writes the old blog's address: ``redirects.old_names``), with a note naming that article; an old address
    in any form the import writes or the author copies from ``aliases:`` (a full URL or its path, with or without
    its final ``/``); else NAME, which ``import_translation`` refuses (also one ``urlsplit`` cannot read)."""
    from .redirects import old_names, old_path
    from .urlparts import NO_ADDRESS, split_url

    sources = read_sources(config)
    if any(a.slug == name for a in sources.articles):
        return name, None
    if name.endswith(".md"):  # the German file, as README names it: "tee.md", "source_de/tee.md" (trial 25)
        stem = name.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".md")
        article = next((a for a in sources.articles if Path(a.ref).stem == stem), None)
        if article is not None:
            return article.slug, (None if article.slug == name.removesuffix(".md") else
                                  f"--translation-of {name}: the file name of {article.ref}, whose slug is "
                                  f"{article.slug}")
    names = old_names(sources.articles)
    parts = split_url(name) or NO_ADDRESS
    path = parts.path if parts.scheme in ("http", "https") and parts.netloc else name if name.startswith("/") else ""
    slug = names.get(name) or (names.get(old_path(path)) if path else None)
    article = next((a for a in sources.articles if a.slug == slug), None)
    if article is None:
        return name, None
    what = "the file name" if name.removesuffix(".md") == Path(article.ref).stem else "an old address (aliases:)"
    return slug, f"--translation-of {name}: {what} of {article.ref}, whose slug is {slug}"


def import_translation(config: Config, slug: str, lang: str, path: Path, dry_run: bool = False,
                       text: str | None = None, force: bool = False, translator: str | None = None) -> AlignResult:
    """Align the hand translation at ``path`` with the German article ``slug`` and write the pairs into
    ``translations/<lang>/<slug>.po``.

    The catalog is brought up to date with the German first, as ``extract`` does (created when missing).
    Confident pairs become reviewed entries (no fuzzy flag, no provenance); the others fuzzy entries with
    the translator comment ``# alignment: low confidence``, as does a confident pair that ``check`` finds
    an error in. Empty entries and machine drafts nobody touched (also those whose German changed since)
    take the imported text; any other entry (reviewed, edited by hand, or a reviewed translation of older
    German) is never overwritten: it is listed in ``kept``. Written by compare-and-swap
    (``fsutil.rewrite``), so a reviewer's save meanwhile is merged again; ``dry_run`` writes nothing.
    ``text``: see ``read_translation``. ``translator``: who made the hand translation (``Name`` or
    ``Name <e-mail>``, as GNU gettext's ``Last-Translator``): each entry filled records it (``hand: Name,
    <fingerprint>``, ``catalog.Notes``), so the byline credits them while their text is most of the page
    (``editions.credited``), and it becomes the catalog's ``Last-Translator`` when anything was filled.

    A file that does not look like a translation of the article into ``lang`` (``plausibility``) raises
    ``VerlagError`` naming it and why, before anything is written; with ``force`` it is written with
    every pair fuzzy and ``# alignment: low confidence``, the reason in ``AlignResult.doubt``.

    Raises ``VerlagError`` for an unknown slug or language, an unreadable translation or catalog (a catalog or
    template over ``limits.CATALOG`` is never read).
    """
    if lang not in config.languages:
        raise VerlagError(f"--lang {lang!r} is not in languages of verlag.toml ({', '.join(config.languages)})")
    sources = read_sources(config)
    article = next((a for a in sources.articles if a.slug == slug), None)
    raise_all(sources.errors_about([slug]))  # another article's typo does not stop this import
    if article is None:
        close = closest(slug, sorted(a.slug for a in sources.articles))
        paused = next((a.ref for a in sources.german_only if a.slug == slug), None)
        if paused is not None:
            raise VerlagError(f"{paused} says translate: false: an article kept in German alone has no catalogs to "
                              "import into; delete that line first")
        raise VerlagError(f"no article with slug {slug!r} in {config.source_dir.name}/"
                          + (f"; did you mean {close!r}?" if close else ""))
    doc = segment_article(article, config.segmentation, config.source_language)  # as extract segments it
    segments = read_translation(path, slug, lang, config.segmentation, text)
    german, translation = blocks(doc.segments), blocks(segments)
    glossary = load_glossary(config.translations_dir, config.root)
    pairs, lonely_de, lonely_tr = align_documents(german, translation, lang, glossary, lambda: _memory(config, lang))
    doubt = plausibility(german, translation, pairs, words_of(segments), lang,
                         [config.source_language, *config.languages])
    if doubt and not force:
        raise VerlagError(f"does not look like the {language_name(lang)} translation of {article.ref}: {doubt}. "
                          "Check the file, --translation-of and --lang; --force imports it anyway, every entry "
                          f"fuzzy with '# {LOW_CONFIDENCE}'", path)
    pairs += _front_pairs(doc.segments, segments)
    if doubt:
        pairs = [replace(p, confident=False) for p in pairs]
    po_path = config.po_path(lang, slug)
    result = AlignResult(relpath(po_path, config.root), article.ref, doubt=doubt)
    labels = reference_labels(article)
    pages = PlannedPages(config, sources, glossary)  # as the build will publish them

    def update(data: bytes | None) -> bytes:
        old = po_from_bytes(data, result.path)
        if old is not None:  # a record a tool dropped, as extract gives it back (a sign-off by hand told by it)
            restore_sign_offs(old, lambda: last_extract(config, lang, slug, data))
        reopened = stale_sign_offs(old, data) if old is not None else []
        po = _current_catalog(config, doc, lang, old)
        add_hints(po, glossary, lang)
        outcome = _fill(po, pairs, lang, glossary, labels, config, result.path, translator, pages)
        result.confident, result.low, result.already, result.kept = outcome
        entries = {key(e): e for e in po if not e.obsolete}
        result.reopened = [(line, e.msgid) for line, e in reopened if (now := entries.get(key(e))) is not None
                           and now.fuzzy and now.msgstr == e.msgstr]  # not those the import filled
        if translator and result.confident + result.low + result.already:
            po.metadata["Last-Translator"] = translator
        return catalog_bytes(po, data)

    before = read_bytes(po_path, CATALOG, result.path)
    if dry_run:
        update(before)
    else:
        result.written = rewrite(po_path, update, limit=CATALOG, ref=result.path) != before
    taken = {p.german.key for p in pairs}
    result.title = next(((p.german.text, p.text) for p in pairs if p.german.kind == "title"), None)
    result.unmatched_german = [s for s in lonely_de if s.key not in taken]
    result.unmatched_translation = lonely_tr
    return result


def _memory(config: Config, lang: str):
    """The translation memory's ``tm.Lookup`` in ``lang``, as the ``tm`` engine of ``pretranslate`` reads it (the
    project's reviewed translations, imported TMX); None when it cannot be read (a damaged index, a mistake in
    ``[engines.tm]``): the alignment then goes without its evidence, and ``pretranslate`` names the problem."""
    from .errors import EngineUnavailable
    from .tm import TMEngine

    try:
        return TMEngine(config).lookup(lang)
    except (EngineUnavailable, VerlagError):
        return None


def _current_catalog(config: Config, doc, lang: str, old: polib.POFile | None) -> polib.POFile:
    """The catalog as ``extract`` would leave it: the article's template merged into ``old`` (None: none yet).
    Raises ``VerlagError`` for a template over ``limits.CATALOG`` (never read) or a named pipe in its place."""
    pot_path = config.pot_path(doc.article.slug)
    old_pot = read_bytes(pot_path, CATALOG, relpath(pot_path, config.root))
    stamp = re.search(rb'^"POT-Creation-Date: (.*)\\n"$', old_pot or b"", re.M)
    pot = build_pot(doc, config.name, stamp.group(1).decode() if stamp else now_stamp())
    po, _ = merge(old, pot, lang)
    return po


def _fill(po: polib.POFile, pairs: list[Pair], lang: str, glossary, labels, config: Config,
          ref: str, translator: str | None, pages: SitePages) -> tuple[int, int, int, list[Kept]]:
    """Put each pair's text into its entry unless a person translated it; confident pairs with an error of
    ``verlag check`` (run as ``check`` runs it: with ``[site] base_url`` and the site's published pages,
    ``pages``, so a link the translator pointed at the site's own page in ``lang`` passes where that page exists)
    are demoted to low confidence. Returns the confident, low-confidence and already present counts and the kept
    entries.
    ``translator``: recorded in each entry filled, and in each that holds the imported text already."""
    entries = {key(e): e for e in po if not e.obsolete}
    kept: list[Kept] = []
    already = 0
    filled: dict[int, tuple[polib.POEntry, Pair]] = {}
    for pair in pairs:
        entry = entries.get(pair.german.key)
        if entry is None or id(entry) in filled:
            continue  # the same German sentence again: one entry, filled once
        if _imported(entry):  # the import's own pair, untouched: the new alignment replaces it
            if entry.msgstr == pair.text and entry.fuzzy == (not pair.confident) and not Notes.of(entry).previous_msgid:
                already += 1  # an import run again: the same text in the same state
                if translator:
                    notes = Notes.of(entry)
                    notes.hand = _hand(translator, entry.msgstr)
                    notes.store(entry)
                continue
            _set(entry, pair.text, pair.confident, translator)
            filled[id(entry)] = (entry, pair)
            continue
        held = _held(entry)
        if held is not None:
            if entry.msgstr != pair.text:
                kept.append(Kept(pair.german, held, pair.text))
            elif translator:  # the import's text is there already (an import run again): it is theirs
                notes = Notes.of(entry)
                notes.hand = _hand(translator, entry.msgstr)
                notes.store(entry)
            already += entry.msgstr == pair.text
            continue
        _set(entry, pair.text, pair.confident, translator)
        filled[id(entry)] = (entry, pair)
    sure = [entry for entry, pair in filled.values() if pair.confident]
    failing = {f.key for f in check_catalog(sure, ref, lang, "", glossary, labels, source_lang=config.source_language,
                                            site_url=config.site_url, published=pages, renamed=pages.renamed)
               if f.severity == ERROR}
    for entry in sure:
        if key(entry) in failing:
            _set(entry, entry.msgstr, False, translator)
    confident = len(sure) - len(failing)
    return confident, len(filled) - confident, already, kept


def _hand(translator: str, text: str) -> tuple[str, str]:
    """The ``Notes.hand`` record of ``text`` by ``translator`` (``Name <e-mail>``: the name only)."""
    return translator.partition("<")[0].strip(), fingerprint(text)


def _imported(entry: polib.POEntry) -> bool:
    """Whether ``entry`` holds a pair an import wrote that nobody changed since: its ``IMPORTED_RECORD`` names the
    text it holds and the state it was written in (reviewed, or fuzzy with ``LOW_CONFIDENCE``), and the German is
    the one it was aligned with. A new import of the article replaces such a pair (fresh-user trial 41: a corrected
    file changed nothing, the import's own pairs called "a reviewed translation" and kept, also with --force); a
    reviewer's edit or sign-off changes the text or the state, and is kept."""
    if not entry.msgstr:
        return False
    notes = Notes.of(entry)
    record = next((m for line in notes.own if (m := IMPORTED_RECORD_RE.match(line.strip()))), None)
    if record is None or record.group(1) != fingerprint(entry.msgstr) or notes.origins:
        return False
    fuzzy = bool(record.group(2))
    if notes.previous_msgid is not None:  # the German changed since; extract made it fuzzy, nobody edited it
        return entry.fuzzy and notes.reviewed in (None, record.group(1))
    return entry.fuzzy == fuzzy and not notes.reviewed and (
        LOW_CONFIDENCE in (line.strip() for line in notes.own)) == fuzzy


def _held(entry: polib.POEntry) -> str | None:
    """What a person's work in ``entry`` is, in the words the import prints; None for an entry the import
    may fill: empty, or a machine draft nobody edited (fresh, or stale: its German changed since, and
    nobody had signed it off)."""
    state = entry_state(entry)
    notes = Notes.of(entry)
    untouched = (bool(notes.origins) and notes.drafted == fingerprint(entry.msgstr) and notes.reviewed is None
                 and not notes.signed)
    if state == UNTRANSLATED or (state == MACHINE and machine_draft(entry)) or (state == STALE and untouched):
        return None
    if state == REVIEWED:
        return "a reviewed translation"
    if state == MACHINE:
        return "a machine draft edited by hand"
    if notes.reviewed:
        return "an out-of-date reviewed translation (the German changed since it was signed off)"
    return "an out-of-date translation edited by hand (the German changed since)"


def _set(entry: polib.POEntry, text: str, confident: bool, translator: str | None) -> None:
    """A person's translation, reviewed or fuzzy with ``LOW_CONFIDENCE``; machine provenance removed, the
    ``translator`` (name only) recorded."""
    entry.msgstr = text
    notes = Notes.of(entry)
    notes.origins, notes.drafted = [], None
    notes.hand = _hand(translator, text) if translator else None
    notes.previous_msgid = notes.previous_msgctxt = notes.reviewed = None
    notes.own = [line for line in notes.own
                 if line.strip() != LOW_CONFIDENCE and not IMPORTED_RECORD_RE.match(line.strip())]
    notes.own += [f"{IMPORTED_RECORD} {fingerprint(text)}" + ("" if confident else ", fuzzy")] + (
        [] if confident else [LOW_CONFIDENCE])
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    if not confident:
        entry.flags.insert(0, "fuzzy")
    notes.store(entry)

"""Cut an article into translatable segments and a template to put translations back.

The body is parsed with markdown-it-py (CommonMark + tables + footnotes). Block
rules are wrapped so that every inline token records the exact source offsets
of its lines; a segment is then a slice of the original text. Everything
between slices (list markers, indentation, blank lines, code, HTML, fences,
link definitions) is kept byte for byte, which is what makes editions
lossless.

Inside a block, soft line breaks become one space in the msgid; hard breaks
(two trailing spaces or a backslash) stay in the msgid. In sentence mode a
hard break ends a segment only where the text before it ends a sentence by
the splitter's rules; elsewhere (a sentence broken mid-way, an address, a
poem's lines without end punctuation) the segment keeps it, as SRX tools do.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from types import FunctionType, SimpleNamespace
from typing import TYPE_CHECKING, Callable, Iterable

import yaml
from markdown_it import MarkdownIt
from markdown_it.common import normalize_url
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.parser_block import ParserBlock
from markdown_it.parser_inline import ParserInline
from markdown_it.renderer import RendererHTML
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core.normalize import normalize
from markdown_it.rules_core.text_join import text_join
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from .errors import BlockFailure, VerlagError
from .markup import TITLE, analyse, scan, title_span
from .sentences import HARD_BREAK_AT_END, SplitMemo, replace_hard_breaks, sentence_spans, split_sentences
from .sources import TEMPLATE_TAG_HINT, WP_SHORTCODES, Article

if TYPE_CHECKING:
    from .doccache import StoredLinks

__all__ = ["Segment", "Slot", "Document", "Labels", "segment_article", "has_words", "reference_labels",
           "template_tags", "markdown_template_tags", "template_tag_kind", "TEMPLATE_TAG_RE", "template_tag_warning",
           "split_sentences", "markdown_parser", "commonmark_parser", "block_tokens"]

FRONT_KEYS = ("title", "summary", "tags")
REFERENCE_TITLE_RE = re.compile(rf"(?:^|\s){TITLE}[ \t]*$")
# A cell's pipe: one not after a backslash, the lookbehind after the literal "|" so the engine skips to each pipe
# (tried at every character of the row when first, five times slower)
_CELL_PIPE_RE = re.compile(r"\|(?<!\\\|)")
BLOCK_START_RE = re.compile(r"^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|=+\s*$|[-*_](\s*[-*_]){2,}\s*$|`{3}|~{3}|<|\|)")
_CODE_SPAN_OR_PIPE = re.compile(r"(`+)[^`].*?(?<!`)\1(?!`)|\\?\|", re.S)  # a code span is left as it is


_LETTER = re.compile(r"[^\W\d_]")
_SEPARATED_NUMBER = re.compile(r"\d[.,]\d")
# Where the first piece of markup that holds letters or digits begins (``markup.analyse`` without labels, as
# ``has_words`` reads): a code span, tag or autolink, entity or placeholder, link tail or footnote reference right
# here; a bare URL or e-mail address in the word of one of these
# (one character class first: the regex engine skips to those characters; as an alternation of a class and two
# literals it tried all three at every character)
_MARK_AT = re.compile(r"[`<&{%\]\[](?:(?<=[`<&{%])|(?<=\])[(\[]|(?<=\[)\^)")
_MARK_IN_WORD = re.compile(r"://|www\.|https?:|@")
_SPACE = re.compile(r"[ \t\n]")


def has_words(text: str) -> bool:
    """Whether a segment's text holds anything a translation could change.

    ``text`` is a msgid as the segmenter cuts it (Markdown inline source, ``str``). True when its prose (what
    ``markup.scan`` leaves outside markup: link destinations, URLs, HTML tags, entities and code spans, which the
    QA gate has every translation keep verbatim) or the ``title``/``alt`` of its inline HTML holds a letter, or a
    number written with a decimal or group separator (1,5 and 1.200 are written 1.5 and 1,200 in English). False
    for an image without alt text, a table cell of bare figures or a range (``12``, ``7–12``, ``3 × 400``), a code
    span alone, a dash, a check mark: text no translator could write otherwise, so it is not put into the
    catalogs, stays in every edition as the German has it and is never shown as untranslated. A letter before the
    word where markup may first begin is prose without a scan: most sentences, and segmentation calls this for
    each. Raises nothing.
    """
    letter = _LETTER.search(text)
    if letter is None and not _SEPARATED_NUMBER.search(text):
        return False
    at = _MARK_AT.search(text)
    prose_until = at.start() if at else len(text)
    space = _SPACE.search(text, prose_until)  # a URL's or address's word may go on past ``prose_until``
    if word := _MARK_IN_WORD.search(text, 0, space.start() if space else len(text)):
        prose_until = min(prose_until, max(text.rfind(c, 0, word.start()) for c in " \t\n") + 1)
    if prose_until == len(text) or letter is not None and letter.start() < prose_until:
        return True
    prose = "\n".join(piece for is_markup, piece in scan(text) if not is_markup)
    if _LETTER.search(prose) or _SEPARATED_NUMBER.search(prose):
        return True
    if "<" not in text:
        return False
    from .rawhtml import text_attributes  # rawhtml reads documents through this module
    return any(_LETTER.search(value) for value in text_attributes(text))


@dataclass(frozen=True)
class Segment:
    """One translatable unit: the msgid, its msgctxt and where it came from."""

    text: str
    context: str | None
    kind: str
    line: int
    note: str

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.text)


@dataclass(frozen=True)
class Slot:
    """A span of the article text that is replaced by the translation of its segments.

    ``mode`` is ``inline`` (body text), ``setext`` (the text of a heading underlined with ``---``: pipes become
    ``&#124;``), ``cell`` (a table cell: pipes are escaped) or ``yaml`` (a front-matter key, re-emitted as YAML).
    ``joins`` are the original hard-break separators inside a block-mode segment;
    ``restore`` maps markup with a normalised soft break (a code span, link
    destination or HTML tag that spans lines) back to the original bytes,
    where a newline can matter.
    """

    start: int
    end: int
    segments: tuple[Segment, ...]
    mode: str
    key: str = ""
    joins: tuple[str, ...] = ()
    line_start: bool = False
    restore: tuple[tuple[str, str], ...] = ()


def new_segment(text: str, context: str | None, kind: str, line: int, note: str) -> Segment:
    """``Segment(text, context, kind, line, note)``, its fields set as its ``__init__`` sets them but without that
    frozen dataclass's ``object.__setattr__`` per field: the same object in a third of the time (a cold extract
    makes one per msgid, 40,000 at N = 500; ``doccache`` loads them so too)."""
    made = _new(Segment)
    made.__dict__.update(text=text, context=context, kind=kind, line=line, note=note)
    return made


def new_slot(start: int, end: int, segments: tuple[Segment, ...], mode: str, key: str = "",
             joins: tuple[str, ...] = (), line_start: bool = False,
             restore: tuple[tuple[str, str], ...] = ()) -> Slot:
    """``Slot(...)`` made as ``new_segment`` makes a ``Segment``."""
    made = _new(Slot)
    made.__dict__.update(start=start, end=end, segments=segments, mode=mode, key=key, joins=joins,
                         line_start=line_start, restore=restore)
    return made


_new = object.__new__


@dataclass(frozen=True)
class Document:
    article: Article
    segments: tuple[Segment, ...]
    slots: tuple[Slot, ...]
    labels: frozenset[str] = frozenset()  # link reference labels and destinations (``Labels``)
    # (0-based body line, content) of each inline token that may hold a link or image (``may_link``), and the
    # link reference definitions (markdown-it's ``env["references"]``): what ``link_blocks`` parses; None when
    # the article has footnotes (its whole parse is needed, ``block_tokens``)
    links: tuple[tuple[int, str], ...] | None = None
    definitions: dict = field(default_factory=dict, compare=False)

    def render(self, translate: Callable[[Segment], str | None], reflow: bool = False) -> str:
        """Rebuild the article with ``translate(segment)`` (None keeps the German text).

        A translation equal to the msgid keeps the original bytes (line wrapping
        included) unless ``reflow`` asks to rebuild it like any other text.
        """
        return self.renders(translate, reflow=reflow)[0]

    def renders(self, *translates: Callable[[Segment], str | None], reflow: bool = False) -> list[str]:
        """``render`` with each of ``translates`` (called in that order for each segment, the segments in
        document order), in one walk: a slot for which a function gives the values the first one gave is
        filled once. The editions stage makes an edition's Markdown and its marked body so, which differ
        only where a segment is shown in German."""
        text = self.article.text
        outs: list[list[str]] = [[] for _ in translates]
        pos = 0
        for slot in self.slots:
            between, raw = text[pos:slot.start], text[slot.start:slot.end]
            first: tuple[list, str] | None = None  # the first function's values and filled text
            for out, translate in zip(outs, translates):
                values = [translate(s) for s in slot.segments]
                filled = first[1] if first and values == first[0] else _fill(slot, raw, values, reflow)
                first = first or (values, filled)
                out += (between, filled)
            pos = slot.end
        for out in outs:
            out.append(text[pos:])
        return ["".join(out) for out in outs]


def _fill(slot: Slot, raw: str, values: list[str | None], reflow: bool) -> str:
    """The slot's text with ``values`` (a translation per segment, None: the German's)."""
    if slot.mode == "yaml":
        if not reflow and all(v is None or v == s.text for v, s in zip(values, slot.segments)):
            return raw
        values = [s.text if v is None else v for v, s in zip(values, slot.segments)]
        if slot.key == "tags":
            flow = yaml.safe_dump(values, allow_unicode=True, default_flow_style=True, width=1 << 16)
            return f"tags: {flow.rstrip()}"
        return yaml.safe_dump({slot.key: values[0]}, allow_unicode=True, default_flow_style=False,
                              width=1 << 16).rstrip("\n")
    (segment,) = slot.segments
    value = values[0]
    if value is None or (value == segment.text and not reflow):
        return raw
    return _inline(value, segment, slot, raw)


def _inline(value: str, segment: Segment, slot: Slot, raw: str) -> str:
    """Make a translated msgstr safe to drop into the slot without changing the block structure.

    Outer whitespace goes (four leading spaces would start a code block, two
    trailing ones a hard break), extra newlines become spaces, table pipes and
    title quotes are escaped, and a leading block marker the German did not
    have on that line (``#``, ``>``, ``-``, ``1.``) is backslash-escaped.
    """
    value = value.strip()
    lines = value.split("\n")
    if len(lines) > 1:
        pieces = [lines[0]]
        for i, line in enumerate(lines[1:]):
            if i < len(slot.joins):
                pieces[-1] = replace_hard_breaks(pieces[-1], lambda marker: "", HARD_BREAK_AT_END)
                pieces.append(slot.joins[i] + line.lstrip())
            else:
                pieces[-1] = pieces[-1].rstrip() + " " + line.lstrip()
        value = "".join(pieces)
    for normalised, original_bytes in slot.restore:
        value = value.replace(normalised, original_bytes)
    if slot.mode == "title":
        closer = ")" if slot.key == "(" else slot.key
        value = re.sub(rf"(?<!\\)([{re.escape(slot.key + closer)}])", r"\\\1", value)
    if slot.mode == "cell":
        value = re.sub(r"(?<!\\)\|", r"\\|", value)
    if slot.mode == "setext" and "|" in value:
        # a line with a pipe, escaped or not, over ``---`` is a table to markdown-it (GFM tables): a translation, or
        # a heading's lines joined, must not turn the heading into one; the character reference shows the same pipe
        value = _CODE_SPAN_OR_PIPE.sub(lambda m: m.group(0) if m.group(0)[0] == "`" else "&#124;", value)
    marker, original = BLOCK_START_RE.match(value), BLOCK_START_RE.match(raw)
    if slot.line_start and marker and (not original or original.group(0) != marker.group(0)):
        value = "\\" + value if value[0] in "#>-+*=_`~<|" else re.sub(r"^(\d+)([.)])", r"\1\\\2", value)
    return value


def _hook(rule, name: str):
    """Wrap a block rule so its inline tokens remember their lines' source offsets."""

    def hooked(state, start_line, end_line, silent):
        before = len(state.tokens)
        ok = rule(state, start_line, end_line, silent)
        if ok and not silent and name == "reference":
            last = state.line - 1
            state.env.setdefault("verlag_references", []).append(
                (state.bMarks[last] + state.tShift[last], state.eMarks[last]))
        elif ok and not silent:
            for token in state.tokens[before:]:
                if token.map is None:
                    continue
                first, last = token.map
                if name == "lheading" and token.type == "inline":
                    last = min(last, state.line - 1)  # not the underline (markdown-it-py 4 leaves it out itself)
                if name == "table":
                    if token.type == "tr_open":
                        token.meta["lines"] = [(state.bMarks[first] + state.tShift[first], state.eMarks[first])]
                elif token.type == "inline" and name == "heading":
                    start = state.bMarks[first] + state.tShift[first]
                    while state.src[start] == "#":
                        start += 1
                    if token.content:
                        start = state.src.index(token.content, start)
                        token.meta["lines"] = [(start, start + len(token.content))]
                elif token.type == "inline":
                    token.meta["lines"] = [(state.bMarks[n] + state.tShift[n], state.eMarks[n])
                                           for n in range(first, last)]
        return ok

    return hooked


MAX_NESTING = 20  # markdown-it's CommonMark preset: container tokens (a list level counts two)


# The characters a line's text (after its indentation) starts with where each of markdown-it's block rules (and
# mdit-py-plugins' ``footnote_def``) can match: at any other the rule returns False before it looks further or
# changes anything. The others (``table``, ``code``, ``lheading``, ``paragraph``) may match at any character.
BLOCK_STARTS = {"fence": "`~", "blockquote": ">", "hr": "*-_", "list": "*+-0123456789", "reference": "[",
                "footnote_def": "[", "html_block": "<", "heading": "#"}


class _BlockDispatch(dict):
    """A line's first character -> the enabled block rules that can match a line starting with it
    (``BLOCK_STARTS``), in the ruler's order; worked out on first use. A rule of unknown name is tried at every
    line."""

    def __init__(self, ruler):
        super().__init__()
        self.rules = [(rule.name, rule.fn) for rule in ruler.__rules__ if rule.enabled]

    def __missing__(self, char: str) -> tuple:
        self[char] = found = tuple(fn for name, fn in self.rules if char in BLOCK_STARTS.get(name, char))
        return found


# The characters each of markdown-it's inline rules (and mdit-py-plugins' footnote rules) can match at: at any
# other the rule returns False before it looks further or changes anything. ``text`` matches at every character
# that is no terminator (``ParserInline.terminator_re``).
RULE_STARTS = {"newline": "\n", "escape": "\\", "backticks": "`", "emphasis": "_*", "strikethrough": "~",
               "link": "[", "image": "!", "footnote_inline": "^", "footnote_ref": "[", "autolink": "<",
               "html_inline": "<", "entity": "&"}
# The inline rules that record delimiters (``StateInline.delimiters``) and the post-processing rules (``ruler2``)
# that change nothing where none was recorded: ``balance_pairs`` and ``emphasis``/``strikethrough`` pair delimiters
# only, and ``fragments_join`` joins the text tokens a delimiter left side by side and sets each token's level to
# the one ``push`` gave it already.
DELIMITER_RULES = ("emphasis", "strikethrough")
POST_RULES_WITHOUT_DELIMITERS = frozenset({"balance_pairs", "emphasis", "strikethrough", "fragments_join"})


class _Dispatch(dict):
    """A character -> the inline rules that can match at it, in the ruler's order (built on first use): the
    tokenizer tries those only, where markdown-it's tries all twelve at every ``-``, ``:`` or ``*`` and at
    every ``[`` of a link label's scan. A rule of unknown name is tried everywhere.

    ``text`` is markdown-it's rule with a wider run (``_text_rule``): it also runs over the terminators at
    which no enabled rule can match (``-``, ``:``, ``#``, ``=`` … in verlag's dialect), where markdown-it's
    stops, finds no rule and appends the one character to the same pending text. ``]`` stays a stop: a link
    label's scan (``parseLinkLabel``) looks for it between the tokens it skips."""

    def __init__(self, inline: ParserInline):
        super().__init__()
        self.inline = inline
        self.rules = [(rule.name, rule.fn) for rule in inline.ruler.__rules__ if rule.enabled]
        pattern = inline.terminator_re  # a character class: each of its characters stands in its pattern
        terminators = {char for char in pattern.pattern if pattern.fullmatch(char)}
        starts = [RULE_STARTS.get(name) for name, _ in self.rules if name != "text"]
        self.passable = frozenset() if None in starts else frozenset(terminators - set("".join(starts)) - {"]"})
        run = re.compile(f"[^{re.escape(''.join(sorted(terminators - self.passable)))}]+")
        self.text = _text_rule(run)
        # a text the ``text`` rule reads whole when it is tried first (``DispatchInline.plain``), else None
        self.plain = run if self.rules and self.rules[0][0] == "text" else None

    def __missing__(self, char: str) -> tuple:
        terminator = self.inline.terminator_re.match(char) is not None and char not in self.passable
        self[char] = found = tuple((self.text if name == "text" else fn) for name, fn in self.rules
                                   if (not terminator if name == "text" else char in RULE_STARTS.get(name, char)))
        return found


def _text_rule(run: re.Pattern):
    """markdown-it's ``text`` rule (pending text up to the next character in which ``run`` ends) for
    ``_Dispatch``."""

    def text(state: StateInline, silent: bool) -> bool:
        found = run.match(state.src, state.pos, state.posMax)
        if found is None:
            return False
        if not silent:
            state.append_pending(found.group())
        state.pos = found.end()
        return True

    return text


_new_token = Token.__new__


def new_token(ttype: str, tag: str, nesting: int) -> Token:
    """``Token(ttype, tag, nesting)``, the same fields, without the dataclass's ``__init__`` and its
    ``__post_init__`` (which turns attributes given as a list into a dict, and makes a third dict where none
    were given): a page body's parse makes some 500 tokens, and their creation was a tenth of it."""
    token = _new_token(Token)
    token.type, token.tag, token.nesting, token.attrs, token.map, token.level, token.children = \
        ttype, tag, nesting, {}, None, 0, None
    token.content = token.markup = token.info = ""
    token.meta, token.block, token.hidden = {}, False, False
    return token


class InlineState(StateInline):
    """markdown-it's inline state with its tokens made by ``new_token``: ``push`` and ``pushPending`` are
    ``StateInline``'s otherwise."""

    def pushPending(self) -> Token:
        token = new_token("text", "", 0)
        token.content = self.pending
        token.level = self.pendingLevel
        self.tokens.append(token)
        self.pending = ""
        return token

    def push(self, ttype: str, tag: str, nesting) -> Token:
        if self.pending:
            self.pushPending()
        token = new_token(ttype, tag, nesting)
        token_meta = None
        if nesting < 0:  # closing tag
            self.level -= 1
            self.delimiters = self._prev_delimiters.pop()
        token.level = self.level
        if nesting > 0:  # opening tag
            self.level += 1
            self._prev_delimiters.append(self.delimiters)
            self.delimiters = []
            token_meta = {"delimiters": self.delimiters}
        self.pendingLevel = self.level
        self.tokens.append(token)
        self.tokens_meta.append(token_meta)
        return token


class _BlockState(StateBlock):
    """markdown-it's block state with its tokens made by ``new_token``: ``push`` is ``StateBlock``'s otherwise."""

    def push(self, ttype: str, tag: str, nesting) -> Token:
        token = new_token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:  # closing tag
            self.level -= 1
        token.level = self.level
        if nesting > 0:  # opening tag
            self.level += 1
        self.tokens.append(token)
        return token


class DispatchInline(ParserInline):
    """markdown-it's inline parser with the rules dispatched by character (``_Dispatch``): the same tokens, a
    fraction of the rule calls. Every parser ``commonmark_parser`` makes has one (the site's link scan of the
    originals parses their blocks inline; the page renderer adds its markers to it, ``render._MarkedInline``)."""

    def dispatch(self) -> _Dispatch:
        rules = self.ruler.getRules("")  # a new list whenever the rules change
        if getattr(self, "_dispatch_for", None) is not rules:
            self._dispatch, self._dispatch_for = _Dispatch(self), rules
        return self._dispatch

    def parse(self, src: str, md, env, tokens: list[Token]) -> list[Token]:
        """``ParserInline.parse`` with an ``InlineState``, post-processed by ``postprocess``."""
        if self.plain(src, tokens):
            return tokens
        state = InlineState(src, md, env, tokens)
        self.tokenize(state)
        self.postprocess(state)
        return state.tokens

    def plain(self, src: str, tokens: list[Token]) -> bool:
        """Whether ``src`` is one run of the ``text`` rule (no character at which another rule can match, a third
        of a page's blocks): then its one text token, what the tokenizer makes of it, is appended to ``tokens``
        without an inline state, a tokenizer loop or post-processing."""
        run = self.dispatch().plain
        if run is None or run.fullmatch(src) is None:
            return False
        token = new_token("text", "", 0)
        token.content = src
        tokens.append(token)
        return True

    def postprocess(self, state: StateInline) -> None:
        """markdown-it's post-processing rules (``ruler2``) over ``state``, skipped for a text without a character
        at which a delimiter can be recorded: they would change nothing (``POST_RULES_WITHOUT_DELIMITERS``), and
        most of an article's blocks have no ``*`` or ``_``."""
        post = self.ruler2.getRules("")  # a new list whenever the rules change
        if getattr(self, "_post_for", None) is not post:
            names = {rule.name for rule in self.ruler2.__rules__ if rule.enabled}
            starts = [RULE_STARTS[rule.name] for rule in self.ruler.__rules__
                      if rule.enabled and rule.name in DELIMITER_RULES]
            # the characters at which a delimiter can be recorded (None: post-process every text)
            self._delimiters = None if names - POST_RULES_WITHOUT_DELIMITERS else tuple("".join(starts))
            self._post_for = post
        if self._delimiters is None or any(char in state.src for char in self._delimiters):
            for rule in post:
                rule(state)

    def tokenize(self, state: StateInline) -> None:
        """``ParserInline.tokenize``, trying at each position only the rules that can match there."""
        dispatch = self.dispatch()
        end = state.posMax
        max_nesting = state.md.options["maxNesting"]
        while state.pos < end:
            pos = state.pos
            ok = False
            if state.level < max_nesting:
                for rule in dispatch[state.src[pos]]:
                    ok = rule(state, False)
                    if ok:
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                if state.pos >= end:
                    break
                continue
            state.append_pending(state.src[pos])
            state.pos += 1
        if state.pending:
            state.pushPending()

    def skipToken(self, state: StateInline) -> None:
        """``ParserInline.skipToken`` (a link label's scan), trying only the rules that can match there."""
        pos = state.pos
        cache = state.cache
        if pos in cache:
            state.pos = cache[pos]
            return
        ok = False
        if state.level < state.md.options["maxNesting"]:
            for rule in self.dispatch()[state.src[pos]]:
                state.level += 1
                ok = rule(state, True)
                state.level -= 1
                if ok:
                    if state.pos <= pos:
                        raise RuntimeError("inline rule didn't increment state.pos")
                    break
        else:
            state.pos = state.posMax
        if not ok:
            state.pos += 1
        cache[pos] = state.pos


class _DepthBlock(ParserBlock):
    """Refuses, instead of markdown-it's silent skip, the blocks nested deeper than ``MAX_NESTING``; tries at
    each line only the block rules that can match there (``_BlockDispatch``), where markdown-it's tokenizer
    calls all twelve at every block's first line: the same tokens.

    Raises ``VerlagError`` without a path, its line 1-based in the parsed text.
    """

    def parse(self, src: str, md, env, outTokens: list[Token]) -> list[Token] | None:
        """``ParserBlock.parse`` with a block state whose tokens are made by ``new_token``."""
        if not src:
            return None
        state = _BlockState(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens

    def dispatch(self) -> _BlockDispatch:
        rules = self.ruler.getRules("")  # a new list whenever the rules change
        if getattr(self, "_dispatch_for", None) is not rules:
            self._dispatch, self._dispatch_for = _BlockDispatch(self.ruler), rules
        return self._dispatch

    def tokenize(self, state, startLine: int, endLine: int) -> None:
        """``ParserBlock.tokenize`` with the rules of ``dispatch``."""
        limit = state.md.options.maxNesting
        if state.level >= limit and state.skipEmptyLines(startLine) < endLine:
            raise VerlagError(f"lists and block quotes nest too deep here: markdown-it reads {limit} levels "
                              "(a list counts two: the list and its item) and would drop the rest; flatten them",
                              None, state.skipEmptyLines(startLine) + 1)
        dispatch = self.dispatch()
        line = startLine
        has_empty_lines = False
        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine or state.sCount[line] < state.blkIndent:  # the end of a nested call's range
                break
            if state.level >= limit:
                state.line = endLine
                break
            ok = False
            for rule in dispatch[state.src[state.bMarks[line] + state.tShift[line]]]:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            if not ok:
                raise RuntimeError("none of the block rules matched")
            state.tight = not has_empty_lines
            line = state.line
            if (line - 1) < endLine and state.isEmpty(line - 1):  # a paragraph may "eat" one newline after it
                has_empty_lines = True
            if line < endLine and state.isEmpty(line):
                has_empty_lines = True
                line += 1
                state.line = line


MAX_BRACKETS = 10_000  # "[" in one block: markdown-it's link rule scans on from each, so time grows with their square
LINK_CACHE = 8192  # link destinations and autolink texts the parsers of a process remember (``commonmark_parser``)
_ESCAPE_OR_BRACKET = re.compile(r"\\[\s\S]|\[")


@lru_cache(maxsize=LINK_CACHE)
def _normalize_link(url: str) -> str:
    """markdown-it's normalisation of a link destination (``MarkdownIt.normalizeLink``: a pure function of the
    text, no option of the parser read), remembered once for every parser of the process: the site's link scan of
    a German original (``link_blocks``) and its page render (``render._parser``) normalise the same destinations."""
    return normalize_url.normalizeLink(url)  # looked up at each call, as ``MarkdownIt.normalizeLink`` does


@lru_cache(maxsize=LINK_CACHE)
def _normalize_link_text(text: str) -> str:
    """``_normalize_link`` of an autolink's text (``MarkdownIt.normalizeLinkText``)."""
    return normalize_url.normalizeLinkText(text)


def too_many_brackets(text: str) -> str | None:
    """What is wrong with Markdown ``text`` (one block's) holding more than ``MAX_BRACKETS`` unescaped ``[``:
    markdown-it's link and footnote rules look for the end of a label from each one, so 100,000 of them in
    a paragraph took minutes. None for any other text."""
    if text.count("[") <= MAX_BRACKETS:
        return None
    found = sum(match.group() == "[" for match in _ESCAPE_OR_BRACKET.finditer(text))
    return None if found <= MAX_BRACKETS else (
        f"{found:,} '[' in one block: markdown-it reads at most {MAX_BRACKETS:,} in reasonable time (its time grows "
        "with the square of them); break the block up, or write a bracket that opens no link as \\[")


def _bracket_guard(state) -> None:
    """Refuses a block of ``too_many_brackets`` (a core rule, before the inline parse). Raises ``VerlagError``
    without a path, its line 1-based in the parsed text. A text with no more ``[`` in all is passed at once: a
    block's text is a part of it."""
    if state.src.count("[") <= MAX_BRACKETS:
        return
    for token in state.tokens:
        if token.type == "inline" and (problem := too_many_brackets(token.content)):
            raise VerlagError(problem, None, token.map[0] + 1 if token.map else None)


MAX_OPEN_HTML = 1_000  # HTML elements of a block's own HTML open at once: browsers nest at most 512 of them
# A start or end tag of raw HTML not escaped: (end "/", name); a self-closing one ends in "/>". Linear: "[^<>]" stops
# at each "<".
_HTML_TAG_NAME = re.compile(r"(?<!\\)<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>")
_VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Elements whose content is text up to their end tag (HTML Living Standard 13.1.2: raw text, escapable raw text;
# ``noembed``, ``noframes``, ``xmp``, ``plaintext`` as browsers parse them)
_TEXT_ELEMENTS = frozenset("iframe noembed noframes plaintext script style textarea title xmp".split())


def too_deep_html(text: str) -> str | None:
    """What is wrong with a block (``text``: its Markdown or HTML) whose HTML tags have more than ``MAX_OPEN_HTML``
    elements open at once, each start tag of an element that is not void nor self-closing opening one and each end
    tag closing one, and the tags inside an element whose content is text (``_TEXT_ELEMENTS``) none: a page of
    53,000 ``<b>`` left open took Pagefind's index 2.7 s of CPU and 106,000 twelve (its time grows with the square
    of them). None for any other block."""
    if text.count("<") <= MAX_OPEN_HTML:
        return None
    depth = at = 0
    while tag := _HTML_TAG_NAME.search(text, at):
        at, name = tag.end(), tag.group(2).lower()
        if tag.group(1):
            depth = max(depth - 1, 0)
        elif name not in _VOID_ELEMENTS and not tag.group().endswith("/>"):
            depth += 1
            if name in _TEXT_ELEMENTS:  # its tags are text: go on after its end tag, if it has one
                end = re.compile(f"</{name}", re.IGNORECASE).search(text, at)
                at = end.start() if end else len(text)
            if depth > MAX_OPEN_HTML:
                return (f"more than {MAX_OPEN_HTML:,} HTML elements open at once in one block (browsers nest at "
                        "most 512; the search index's time grows with the square of them): close them, or write "
                        "a '<' that opens no tag as &lt;")
    return None


def _html_guard(state) -> None:
    """Refuses a block of ``too_deep_html`` (a core rule, before the inline parse, as ``_bracket_guard``). Raises
    ``VerlagError`` without a path, its line 1-based in the parsed text. A text with no more ``<`` in all is passed
    at once."""
    if state.src.count("<") <= MAX_OPEN_HTML:
        return
    for token in state.tokens:
        if token.type in ("html_block", "inline") and (problem := too_deep_html(token.content)):
            raise VerlagError(problem, None, token.map[0] + 1 if token.map else None)


def _text_join(state) -> None:
    """markdown-it's core rule ``text_join`` (an escaped character or character reference, ``text_special``,
    joined to the text around it) over the blocks whose text holds a backslash or ``&``: only the escape and
    entity rules make ``text_special``, and the inline parse joined every other run of text (``fragments_join``),
    so in the others the rule changed nothing, after a walk over their children."""
    text_join(SimpleNamespace(tokens=[token for token in state.tokens if token.type == "inline"
                                      and ("\\" in token.content or "&" in token.content)]))


def _normalize(state) -> None:
    """markdown-it's core rule ``normalize`` (CommonMark 0.31 §2.1 line endings, §2.3 U+0000) run only on a
    source that holds a carriage return or U+0000: its two substitutions copy the whole text and, for
    ``\\r\\n?|\\n``, replace every line feed by itself, about 0.5 ms per article for nothing."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


def escaped_split(row: str) -> list[str]:
    """A table row's cells as markdown-it's ``rules_block.table.escapedSplit`` splits them (str in, list of str
    out): at each pipe not right after a backslash (GFM 0.29 §4.10), an escaped pipe ``\\|`` kept as ``|`` in
    its cell; one regex pass where markdown-it loops in Python over every character of every row."""
    return [cell.replace("\\|", "|") for cell in _CELL_PIPE_RE.split(row)]


def _table_rule():
    """markdown-it's own GFM table rule, its code and defaults unchanged, calling ``escaped_split``."""
    from markdown_it.rules_block import table

    return FunctionType(table.__code__, {**table.__globals__, "escapedSplit": escaped_split}, table.__name__,
                        table.__defaults__, table.__closure__)


# A link destination's characters up to where markdown-it's scan of one without ``<...>`` ends or must look
# closer: a space, a control character, a parenthesis or a backslash (CommonMark 0.31, 6.3 "link destination")
_PLAIN_DESTINATION = re.compile(r"[^\x00-\x20\x7f()\\]+")


class _Destination:
    """A parsed link destination, as markdown-it's ``parseLinkDestination`` answers (``ok``, ``pos``, ``str``)."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self, ok: bool, pos: int, text: str):
        self.ok, self.pos, self.str = ok, pos, text


def link_destination(string: str, pos: int, maximum: int):
    """markdown-it's ``helpers.parseLinkDestination`` (``string[pos:maximum]``, str and ints in; its result
    with ``ok``, ``pos`` and ``str`` out): the same answer, by one regex for a destination that is no ``<...>``
    and holds no parenthesis or backslash (nearly all), where markdown-it's loop looks at every character in
    Python; any other is left to markdown-it's own."""
    found = _PLAIN_DESTINATION.match(string, pos, maximum)
    if found is None or string[pos] == "<":
        return parseLinkDestination(string, pos, maximum)
    end = found.end()
    if end < maximum and string[end] in "(\\":
        return parseLinkDestination(string, pos, maximum)
    return _Destination(True, end, unescapeAll(string[pos:end]))


def commonmark_parser(renderer_cls: type[RendererHTML] = RendererHTML) -> MarkdownIt:
    """A new parser for verlag's Markdown: CommonMark 0.31 + GFM tables + footnotes (mdit-py-plugins).

    The one dialect: segmentation, the QA checks and the site's renderer all
    start from it, so a page shows what the catalogs and CommonMark editors show.
    Text nested deeper than ``MAX_NESTING`` raises ``VerlagError`` where
    markdown-it would drop it without a word, and so does a block with more
    than ``MAX_BRACKETS`` ``[``, which markdown-it reads in quadratic time, or with more than ``MAX_OPEN_HTML``
    HTML elements open at once, which the search index reads in quadratic time. Table rows are split into cells
    by ``escaped_split``: the same tokens, the peer corpus's 6,358 rows in
    0.07 s instead of 0.31 s. A link's destination is read by ``link_destination`` (one regex where
    markdown-it loops over each character in Python), and normalised with an autolink's text (mdurl's parse,
    encode and punycode: pure functions) once per process and text (``_normalize_link``, shared by every parser):
    the same addresses recur in every block, edition and article, and the link scan of a build, its page render and
    segmentation each parse them.
    ``renderer_cls``: markdown-it's renderer class for ``render`` (the site's renders faster, ``render._Renderer``).
    """
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}, renderer_cls=renderer_cls).enable("table") \
        .use(footnote_plugin)
    md.helpers = SimpleNamespace(parseLinkDestination=link_destination, parseLinkLabel=parseLinkLabel,
                                 parseLinkTitle=parseLinkTitle)
    md.normalizeLink, md.normalizeLinkText = _normalize_link, _normalize_link_text
    md.core.ruler.before("inline", "verlag_brackets", _bracket_guard)
    md.core.ruler.before("inline", "verlag_html_depth", _html_guard)
    md.core.ruler.at("normalize", _normalize)
    md.core.ruler.at("text_join", _text_join)
    table = next(rule for rule in md.block.ruler.__rules__ if rule.name == "table")
    md.block.ruler.at("table", _table_rule(), {"alt": table.alt})
    block = _DepthBlock()
    block.ruler = md.block.ruler
    md.block = block
    inline = DispatchInline()
    inline.ruler, inline.ruler2 = md.inline.ruler, md.inline.ruler2
    md.inline = inline
    return md


@lru_cache(maxsize=2)
def markdown_parser(inline: bool = True) -> MarkdownIt:
    """CommonMark + tables + footnotes, with offset-recording block rules.

    ``inline=False``: the block structure only. Inline tokens keep their
    ``content`` and source lines but get no children, and footnote references
    are not found, so unreferenced footnote definitions stay in place; link
    reference definitions are still collected in ``env["references"]``.
    """
    md = commonmark_parser()
    for rule in md.block.ruler.__rules__:
        if rule.name in ("paragraph", "heading", "lheading", "table", "reference"):
            rule.fn = _hook(rule.fn, rule.name)
    md.block.ruler.__cache__ = None
    if not inline:
        md.core.ruler.disable(["inline", "text_join"])
    return md


def may_link(content: str) -> bool:
    """Whether an inline token's ``content`` (str) can hold a link or image: ``[`` (inline, reference and
    shortcut links) or ``<`` (autolinks). The others' inline parse is skipped where only links matter."""
    return "[" in content or "<" in content


def link_blocks(doc: Document | StoredLinks) -> list[tuple[int, list]] | None:
    """(0-based line in the body, inline child tokens) of each block of ``doc`` that may hold a link or image,
    parsed inline from the contents segmentation kept (``Document.links``) with its link reference
    definitions: the children ``block_tokens(body, env, may_link)`` gives them, without the block parse
    again. None when ``doc`` kept no contents (an article with footnotes, or a ``Document`` made otherwise)."""
    if doc.links is None:
        return None
    md = markdown_parser(inline=False)
    env = {"references": doc.definitions}
    found = []
    for line, content in doc.links:
        children: list = []
        md.inline.parse(content, md, env, children)
        found.append((line, children))
    return found


def block_tokens(body: str, env: dict, inline_if: Callable[[str], bool] = lambda content: False) -> list:
    """``markdown_parser()``'s token stream for ``body`` (str), filling ``env``, with inline children parsed
    only in the inline tokens whose ``content`` passes ``inline_if`` (the others keep ``children`` None).

    Segmentation reads block tokens and their source lines, never inline
    children; finding links needs only the blocks that can hold one. The inline
    parse is about half of markdown-it's time. An article with footnote
    definitions is parsed whole (every inline token has its children):
    which definitions are referenced, and so kept and moved to the end, only
    the inline parse tells. Children parsed here are not passed through
    markdown-it's ``text_join`` rule (adjacent text tokens stay apart).
    """
    md = markdown_parser(inline=False)
    tokens = md.parse(body, env)
    if "footnotes" in env:
        env.clear()
        return markdown_parser().parse(body, env)
    for token in tokens:
        if token.type == "inline" and inline_if(token.content):
            token.children = []
            md.inline.parse(token.content, md, env, token.children)
    return tokens


class _Builder:
    """Collects slots and segments while walking the token stream."""

    def __init__(self, article: Article, mode: str, lang: str, memo: SplitMemo | None = None):
        self.article = article
        self.mode = mode
        self.lang = lang
        self.memo = memo
        self.slots: list[Slot] = []
        self.block = 0
        self.newlines = [m.start() for m in re.finditer("\n", article.text)]

    def line_of(self, offset: int) -> int:
        """1-based line of an offset into the article text (a binary search: segments cost no more late in a file)."""
        return bisect.bisect_left(self.newlines, offset) + 1

    def add_front(self) -> None:
        art = self.article
        front = art.front
        for key in FRONT_KEYS:
            value = art.meta.get(key)
            if not value:
                continue
            match = re.search(rf"^{key}\s*:.*(\n[ \t-].*|\n\s*$)*", front, re.M)
            if not match:
                continue
            region = match.group(0).rstrip()
            start = art.front_start + match.start()
            values = value if key == "tags" else [value]
            line = self.line_of(start)
            context = "tag" if key == "tags" else key
            segments = tuple(Segment(normalise_space(v), context, context, line, context)
                             for v in values if normalise_space(v))
            self.slots.append(Slot(start, start + len(region), segments, "yaml", key=key))

    def add_lines(self, kind: str, lines: list[tuple[int, int]], mode: str = "inline") -> None:
        """A paragraph-like block given as per-line (content start, line end) offsets; ``mode``: its slots'."""
        text = self.article.text
        base = self.article.body_start
        lines = [(base + a, base + b) for a, b in lines]
        hard = self._hard_breaks(lines)
        offsets = _Offsets()
        # each hard break: where its marker starts in the block's text, where the next line starts, its bytes
        breaks: list[tuple[int, int, str]] = []
        for i, (a, b) in enumerate(lines):
            piece = text[a:b]
            last = i == len(lines) - 1
            if last or i not in hard:
                piece = piece.rstrip(" \t")
            if last:
                offsets.add(piece, a)
                break
            if i in hard:
                marker = HARD_BREAK_AT_END.search(piece).group(1)
                join = text[a + len(piece) - len(marker):lines[i + 1][0]]
                at = offsets.size + len(piece) - len(marker)
                offsets.add(piece + "\n", a)  # the line break stands where the line ends
                breaks.append((at, offsets.size, join))
            else:
                offsets.add(piece + " ", a)
        run = offsets.text()
        self.block += 1
        pieces: list[tuple[int, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]] = []
        if not run.strip():
            spans = []
        elif self.mode == "block":
            lead = len(run) - len(run.lstrip())
            spans = [(lead, lead + len(run.strip()))]
        else:
            spans = sentence_spans(_breaks_as_spaces(run, breaks), self.lang, self.memo)
        for s, e in spans:
            if not has_words(run[s:e]):
                continue
            restore = tuple(self._restore(run[s:e], offsets, s))
            run_joins = tuple(join for at, _, join in breaks if s <= at < e)
            pieces.append((offsets.source(s), offsets.source(e - 1) + 1, run[s:e], run_joins, restore))
        for n, (start, end, msgid, run_joins, restore) in enumerate(pieces, 1):
            note = f"{kind}, block {self.block}"
            if len(pieces) > 1:
                note += f", sentence {n} of {len(pieces)}"
            before = start
            while before > 0 and text[before - 1] in " \t":
                before -= 1
            line_start = before > 0 and text[before - 1] in "\n>" or start == lines[0][0]
            segment = new_segment(msgid, None, kind, self.line_of(start), note)
            self.slots.append(new_slot(start, end, (segment,), mode, joins=run_joins, line_start=line_start,
                                       restore=restore))

    def _hard_breaks(self, lines: list[tuple[int, int]]) -> set[int]:
        """Lines ending in a hard break: two spaces or a backslash, but not inside a code span or an HTML tag."""
        text = self.article.text
        candidates = [i for i, (a, b) in enumerate(lines[:-1]) if HARD_BREAK_AT_END.search(text[a:b])]
        if not candidates:
            return set()
        joined, ends = "", {}
        for i, (a, b) in enumerate(lines):
            joined += text[a:b]
            ends[i] = len(joined)
            joined += "\n"
        atomic = analyse(joined).atomic
        return {i for i in candidates if not any(x < ends[i] < y for x, y in atomic)}

    def _restore(self, msgid: str, offsets: _Offsets, start: int):
        """Markup pieces whose original bytes differ from the msgid (a soft break inside them); ``msgid``
        stands at ``start`` in the run ``offsets`` maps."""
        text = self.article.text
        if "\n" not in text[offsets.source(start):offsets.source(start + len(msgid) - 1) + 1]:
            return
        pos = start
        for is_markup, piece in scan(msgid):
            if is_markup and len(piece) > 1:
                raw = text[offsets.source(pos):offsets.source(pos + len(piece) - 1) + 1]
                if raw != piece and "\n" in raw:
                    yield piece, raw
            pos += len(piece)

    def add_reference_title(self, line: tuple[int, int], titles: set[str]) -> None:
        """The title of a link reference definition, when it sits on the definition's last line."""
        base = self.article.body_start
        text = self.article.text[base + line[0]:base + line[1]]
        match = REFERENCE_TITLE_RE.search(text)
        if not match:
            return
        a, b = title_span(match)
        if a == b or _unescape(text[a:b]) not in titles:
            return
        start, end = base + line[0] + a, base + line[0] + b
        self.block += 1
        segment = Segment(text[a:b], None, "link title", self.line_of(start), f"link title, block {self.block}")
        self.slots.append(Slot(start, end, (segment,), "title", key=text[a - 1]))

    def add_cells(self, kind: str, row: tuple[int, int], count: int, row_number: int) -> None:
        base = self.article.body_start
        a, b = row
        line_text = self.article.text[base + a:base + b]
        for n, (s, e) in enumerate(_cell_spans(line_text)[:count], 1):
            start, end = base + a + s, base + a + e
            msgid = self.article.text[start:end]
            if not msgid or not has_words(msgid):
                continue
            note = f"{kind}, block {self.block}, row {row_number}, column {n}"
            segment = new_segment(msgid, None, kind, self.line_of(start), note)
            self.slots.append(new_slot(start, end, (segment,), "cell"))


def _breaks_as_spaces(run: str, breaks: list[tuple[int, int, str]]) -> str:
    """``run`` with each hard break (its marker and line end, ``breaks``' first two offsets) as as many spaces:
    the splitter reads the lines joined, so a break ends a sentence only where the words before it end one
    ("Montag  \\ngeschlossen" is inside a sentence, "geschlossen.  \\nAb" after one), and its spans index
    ``run`` unchanged."""
    if not breaks:
        return run
    chars = list(run)
    for at, after, _ in breaks:
        chars[at:after] = " " * (after - at)
    return "".join(chars)


class _Offsets:
    """A run of a block's text put together from stretches of the source (a line's content, then the space or
    line break that joins it to the next), and where each of its characters stands in the article text."""

    def __init__(self):
        self.parts: list[str] = []
        self.starts: list[int] = []  # where each stretch begins in the run
        self.sources: list[int] = []  # and in the article text
        self.size = 0

    def add(self, stretch: str, source: int) -> None:
        """Append ``stretch``, whose characters stand at ``source``, ``source + 1``, … in the article text."""
        if stretch:
            self.parts.append(stretch)
            self.starts.append(self.size)
            self.sources.append(source)
            self.size += len(stretch)

    def text(self) -> str:
        return "".join(self.parts)

    def source(self, index: int) -> int:
        """Offset in the article text of the run's character ``index``."""
        k = bisect.bisect_right(self.starts, index) - 1
        return self.sources[k] + index - self.starts[k]


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """Trimmed spans of a pipe-table row's cells (escaped pipes stay in the cell), as markdown-it splits it:
    a cell ends at each pipe not right after a backslash."""
    pipes = [m.start() for m in _CELL_PIPE_RE.finditer(line)]
    trimmed = []
    for s, e in zip([0] + [p + 1 for p in pipes], pipes + [len(line)]):
        cell = line[s:e]
        lead = len(cell) - len(cell.lstrip())
        trimmed.append((s + lead, s + lead + len(cell.strip())))
    if trimmed and trimmed[0][0] == trimmed[0][1]:
        trimmed.pop(0)
    if trimmed and trimmed[-1][0] == trimmed[-1][1]:
        trimmed.pop()
    return trimmed


def _unescape(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")


def normalise_space(text: str) -> str:
    """A front-matter value as its msgid: runs of spaces, tabs and line ends (a folded YAML value's) as one
    space, trimmed. Other white space is the author's, as in the body: a no-break space ("10\u00a0mg") or a
    thin one stays."""
    return _SPACE_RUN.sub(" ", str(text)).strip(" \t\n\r\f\v")


def _kind(stack: list[str], default: str) -> str:
    for container in reversed(stack):
        if container == "footnote_block":
            return "footnote"
        if container == "list_item":
            return "list item"
        if container == "blockquote":
            return "block quote"
    return default


def _block_failure(article: Article, token) -> None:
    """Raise the unexpected exception being handled while segmenting a block as ``BlockFailure`` with the block's
    file line, chained to it (a token without a line: as it is). Called from an ``except`` around each block: a
    context manager per block cost a generator and two calls, 23,000 times in a cold extract at N = 500."""
    if token.map is None:
        raise
    raise BlockFailure(article.body_line + token.map[0]) from sys.exc_info()[1]


def article_tokens(article: Article, env: dict, inline_if: Callable[[str], bool] = lambda content: False) -> list:
    """``block_tokens`` of the article's body; a VerlagError from the parse (nesting too deep) names the
    article and its file line."""
    try:
        return block_tokens(article.body, env, inline_if)
    except VerlagError as exc:
        if exc.path is not None or exc.line is None:
            raise
        raise VerlagError(exc.message, article.ref, article.body_line + exc.line - 1) from None


def refused_at(article: Article) -> str:
    """Where extract refuses the article's body ("source_de/x.md:14": nesting too deep, too many '[' in a block,
    ``article_tokens``' guards), which running extract again does not mend; "" where it can be parsed. For a
    command that finds no catalog of the article and must say why."""
    try:
        article_tokens(article, {})
    except VerlagError as exc:
        return f"{exc.path}:{exc.line}" if exc.line else str(exc.path)
    return ""


def segment_article(article: Article, mode: str = "sentence", lang: str = "de",
                    memo: SplitMemo | None = None) -> Document:
    """Segments in document order plus the slots to rebuild the article from translations.

    ``memo``: sentence spans of blocks an earlier segmentation split
    (``sentences.SplitMemo``), reused, and filled with this one's. Raises
    ``BlockFailure`` (with the block's file line, chained to the cause) when
    a block cannot be segmented.
    """
    builder = _Builder(article, mode, lang, memo)
    builder.add_front()
    env: dict = {}
    tokens = article_tokens(article, env)
    stack: list[str] = []
    cell_kind, row_number = "table cell", 0
    for i, token in enumerate(tokens):
        if token.nesting == 1:
            stack.append(token.type.removesuffix("_open"))
        elif token.nesting == -1:
            stack.pop()
        if token.type == "table_open":
            builder.block += 1
            row_number = 0
        elif token.type == "thead_open":
            cell_kind = "table header"
        elif token.type == "tbody_open":
            cell_kind = "table cell"
        elif token.type == "tr_open":
            row_number += 1
            count, j = 0, i + 1  # by index: islice(tokens, i + 1, None) walked the i tokens before, at every row
            while j < len(tokens) and tokens[j].type != "tr_close":
                count += tokens[j].type in ("th_open", "td_open")
                j += 1
            try:
                builder.add_cells(cell_kind, token.meta["lines"][0], count, row_number)
            except Exception:
                _block_failure(article, token)
        elif token.type == "inline" and "lines" in token.meta:
            kind = "heading" if stack and stack[-1] == "heading" else _kind(stack, "paragraph")
            try:
                builder.add_lines(kind, token.meta["lines"],
                                  "setext" if kind == "heading" and tokens[i - 1].markup == "-" else "inline")
            except Exception:
                _block_failure(article, token)
    titles = {ref["title"] for ref in env.get("references", {}).values() if ref.get("title")}
    for line in env.get("verlag_references", []):
        builder.add_reference_title(line, titles)
    slots = tuple(sorted(builder.slots, key=lambda s: s.start))
    segments = tuple(s for slot in slots for s in slot.segments)
    links = None if "footnotes" in env else tuple(
        (token.map[0], token.content) for token in tokens
        if token.type == "inline" and token.map is not None and may_link(token.content))
    return Document(article, segments, slots, Labels.of(env), links, env.get("references", {}))


class Labels(frozenset):
    """An article's link reference labels (normalised as CommonMark does), a ``frozenset[str]``, with the
    destinations their definitions give (``destinations``, URLs as written), so a check can tell that a
    translation's inline link to ``https://host/…`` goes where the German's ``[text][label]`` already goes."""

    destinations: tuple[str, ...] = ()

    def __new__(cls, labels=(), destinations=()):
        self = super().__new__(cls, labels)
        self.destinations = tuple(destinations)
        return self

    @classmethod
    def of(cls, env: dict) -> Labels:
        """From markdown-it's parse ``env`` (its ``references``: label -> {"href", "title"})."""
        references = env.get("references", {})
        return cls(references, sorted({ref["href"] for ref in references.values() if ref.get("href")}))


# A WordPress shortcode (https://codex.wordpress.org/Shortcode_API): one of WordPress's own by name
# (``sources.WP_SHORTCODES``), any with an attribute ("[audio src=…]") or a closing one ("[/notice]"); "[sic]" or
# "[1]" alone is ordinary text. Where such a tag may start: ``sources.TEMPLATE_TAG_HINT``.
_WP_SHORTCODE = rf"\[(?:/?(?:{WP_SHORTCODES})\b[^\]\n]*|[a-z_][\w-]*\s+[\w-]+\s*=[^\]\n]*|/[a-z_][\w-]*)\]"
# The tags ``template_tags`` names, each alternative a kind of ``template_tag_kind``: a Hugo shortcode, a Liquid
# tag, a Liquid output tag ("{{ site.url }}", https://shopify.github.io/liquid/basics/introduction/), a WordPress
# shortcode. A Hugo or Liquid tag may go on over lines of its paragraph ("{{< figure src=…" and "alt=… >}}"), and
# ends before the next one of its kind opens (none nests): searched to the end of the paragraph from each opening, a
# paragraph of unclosed ones took quadratic time (80 KB of "{{< ": 25 s).
TEMPLATE_TAG_RE = re.compile(rf"\{{\{{[<%](?:(?!\{{\{{[<%]).)*?[>%]\}}\}}|\{{%-?\s*\w(?:(?!\{{%).)*?%\}}"
                             rf"|\{{\{{-?\s*[\w.'\"\[](?:(?!\{{\{{).)*?\}}\}}|{_WP_SHORTCODE}", re.S)


def template_tag_kind(text: str) -> str | None:
    """What the whole of ``text`` is when it is a tag ``template_tags`` names ("Hugo shortcode", "Liquid tag
    (Jekyll)", "Liquid output (Jekyll)", "WordPress shortcode"), None when it is none (``[toc]``, ``[sic]``)."""
    if not TEMPLATE_TAG_RE.fullmatch(text):
        return None
    return ("Hugo shortcode" if text.startswith(("{{<", "{{%")) else "Liquid output (Jekyll)" if text.startswith("{{")
            else "Liquid tag (Jekyll)" if text.startswith("{") else "WordPress shortcode")


# A tag that stands for the address of another post: Jekyll's ``{% post_url 2023-11-12-name %}`` and ``{% link
# _posts/2023-11-12-name.md %}`` (https://jekyllrb.com/docs/liquid/tags/#links), Hugo's ``{{< ref "name.md" >}}``
# and ``relref`` (https://gohugo.io/methods/shortcode/ref/); group 1 the post's name or path.
_LINK_TAG_RE = re.compile(r"\{%-?\s*(?:post_url|link)\s+([^\s%]+)|\{\{[<%]\s*(?:rel)?ref\s+[\"']?([^\"'\s>%]+)")
_POST_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")  # a Jekyll post's file name starts with its date


def template_tag_warning(tag: str, kind: str) -> str:
    """What ``extract`` and ``check`` say about one of ``template_tags``' tags (its ``kind``: "Hugo shortcode", …):
    a tag linking another post (``_LINK_TAG_RE``, one the import could not point at an imported file) is advised
    to become a link to that post's file, named as the import names it (the date before a Jekyll post's name
    dropped); any other to become the image or note it stands for."""
    tag = " ".join(tag.split())  # one over several lines
    shown = tag if len(tag) <= 60 else tag[:57] + "…"
    link = _LINK_TAG_RE.match(tag)
    if link:
        name = _POST_DATE_RE.sub("", PurePosixPath(link[1] or link[2]).stem) or "artikel"
        advice = (f"a link to another article: its file, such as [Text]({name}.md), once that article is in "
                  "source_de/, or the full address of its page")
    else:
        advice = "an image: ![Beschreibung](bilder/datei.jpg), a note: a paragraph or > quote"
    kind, _, field = kind.partition(_IN_FIELD)
    if field:
        return (f"{field}: {kind} {shown} in a field of the front matter, which is plain text: readers would see it "
                "as typed, on the page, in the browser tab, feeds and previews, in every language; write the words "
                "only")
    return (f"{kind} {shown} is not Markdown: the pages would show it as text; write what it stands for in Markdown "
            f"({advice})")


_IN_FIELD = " in the front matter's "  # ends a ``template_tags`` kind of a tag in a field ("… in …'s title")
# The front matter's fields a page, its feed and previews show (``sources.PLAIN_KEYS``, the reviewer's name and
# qualification), each as typed: a tag there is published as text as one in the body is
SHOWN_FIELDS = (("title", None), ("summary", None), ("tags", None), ("author", None), ("reviewed_by", "name"),
                ("reviewed_by", "qualification"))


def template_tags(article: Article) -> list[tuple[int, str, str]]:
    """(line, tag, kind) of each static-site-generator or blog tag in the article's prose
    (``markdown_template_tags`` of its body) and in the fields of its front matter the pages show
    (``SHOWN_FIELDS``: ``title: "Zecken {{ site.title }}"``, its kind then naming the field, which
    ``template_tag_warning`` reads). Lines are 1-based lines of the file, in order."""
    found = markdown_template_tags(article.body, article.body_line)
    fields = []
    for key, sub in SHOWN_FIELDS:
        value = article.meta.get(key)
        if sub is not None:
            value = value.get(sub) if isinstance(value, dict) else None
        texts = [t for t in (value if isinstance(value, list) else [value]) if isinstance(t, str)]
        if not any(TEMPLATE_TAG_HINT.search(text) for text in texts):
            continue
        line = article.sub_key_line(key, sub) if sub else article.key_line(key)
        fields += [(line, match.group(), f"{template_tag_kind(match.group())}{_IN_FIELD}"
                                         f"{f'{key}: {sub}' if sub else key}")
                   for text in texts for match in TEMPLATE_TAG_RE.finditer(text)]
    return sorted(fields + found, key=lambda tag: tag[0]) if fields else found


_EMPHASIS_DELIMITERS = frozenset(("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"))


def markdown_template_tags(body: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line, tag, kind) of each static-site-generator or blog tag in the prose of ``body`` (CommonMark whose
    first line is line ``first_line`` of its file): Hugo shortcodes (``{{< figure … >}}``, ``{{% note %}}``;
    https://gohugo.io/content-management/shortcodes/), Liquid tags and output (``{% include … %}``,
    ``{{ site.url }}``; https://shopify.github.io/liquid/) and WordPress shortcodes (``[audio src="…"]``,
    ``_WP_SHORTCODE``); ``kind`` as ``template_tag_kind`` says it. Such tags are not Markdown: verlag's pages
    would show them as text, so extract and check name them, and import advises so only for these. Code spans
    and code blocks are left alone (there a tag is meant literally).
    """
    if not TEMPLATE_TAG_HINT.search(body):
        return []
    try:
        tokens = block_tokens(body, {}, lambda content: TEMPLATE_TAG_HINT.search(content) is not None)
    except VerlagError:  # nesting too deep: segmenting the article says so, at its file and line
        return []
    found = []
    for token in tokens:
        if token.type != "inline" or not token.map or token.children is None:
            continue
        # text (a backslash escape as the character it stands for, but an escaped "{", which opens no tag: how
        # an import writes Jekyll's {% raw %} text), inline HTML as written ("{{<figure src=x>}}" parses as
        # raw HTML between two texts) and emphasis delimiters as written ("{{ 7*7 }} … ${7*7}" reads as emphasis)
        prose = "".join("\n" if c.type in ("softbreak", "hardbreak")
                        else "\\" if c.type == "text_special" and c.markup == "\\{"
                        else c.content if c.type in ("text", "text_special", "html_inline")
                        else c.markup if c.type in _EMPHASIS_DELIMITERS else " "
                        for c in token.children)
        line, counted = first_line + token.map[0], 0  # the lines before each tag, counted on from the last one
        for match in TEMPLATE_TAG_RE.finditer(prose):
            line, counted = line + prose.count("\n", counted, match.start()), match.start()
            found.append((line, match.group(), template_tag_kind(match.group())))
    return found


def reference_labels(article: Article) -> Labels:
    """The article's link reference labels, without the cost of sentence splitting.

    A definition needs ``]:`` right after its label, so an article without one has none and is not parsed.
    """
    if "]:" not in article.body:
        return Labels()
    env: dict = {}
    markdown_parser(inline=False).parse(article.body, env)
    return Labels.of(env)


def unique_segments(segments: Iterable[Segment]) -> dict[tuple[str | None, str], list[Segment]]:
    """Group occurrences of the same (msgctxt, msgid), keeping first-seen order."""
    grouped: dict[tuple[str | None, str], list[Segment]] = {}
    for segment in segments:
        grouped.setdefault(segment.key, []).append(segment)
    return grouped

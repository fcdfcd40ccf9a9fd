"""TMX 1.4b, the exchange format of translation memories (OmegaT, Trados, memoQ, Weblate).

Reading is strict about XML (a damaged file is reported with its line and
nothing is imported) and safe: entity declarations are refused, so a file
cannot expand into gigabytes or pull in other files; expat never fetches the
DTD. Segments are plain text with Markdown in it, as in our catalogs, so
units whose text uses TMX inline tags (``<ph>``, ``<bpt>``, ...) are skipped
and counted: those tags stand for another tool's formatting codes, which
verlag could not place in Markdown.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.parsers import expat
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .errors import VerlagError
from .sentences import HARD_BREAK

XML_LANG = "xml:lang"
INLINE_TAGS = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
CONTEXT_PROP = "x-context"
SHOWN = 5  # skipped units named by line (and tuid) in the import's note; the rest are counted
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class TmxUnit:
    lang: str  # a language of verlag.toml
    context: str | None
    source: str
    target: str
    stamp: str  # TMX date ``YYYYMMDDThhmmssZ`` or ""


@dataclass
class TmxContent:
    units: list[TmxUnit] = field(default_factory=list)
    other_languages: Counter = field(default_factory=Counter)  # TMX language -> translations skipped
    inline: int = 0  # units skipped for inline tags
    inline_units: list[tuple[int, str]] = field(default_factory=list)  # their (line, tuid or ""), first few
    no_source: int = 0  # units without text in the source language


@dataclass(frozen=True)
class TmxPair:
    """One German segment with its translations, at most one per language."""
    context: str | None
    source: str
    targets: dict[str, tuple[str, str]]  # lang -> (text, stamp)


def write_tmx(pairs: Iterable[TmxPair], source_lang: str, segtype: str, version: str) -> tuple[str, int]:
    """The TMX text and the number of pairs left out because their text cannot be XML."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "verlag", "creationtoolversion": version, "datatype": "plaintext",
        "segtype": segtype, "adminlang": "en", "srclang": source_lang, "o-tmf": "verlag"})
    body = ET.SubElement(root, "body")
    left_out = 0
    for pair in pairs:
        texts = [pair.source, *(text for text, _ in pair.targets.values())]
        if any(_NOT_XML.search(t) for t in texts):
            left_out += 1
            continue
        tu = ET.SubElement(body, "tu")
        if pair.context is not None:
            ET.SubElement(tu, "prop", type=CONTEXT_PROP).text = pair.context
        ET.SubElement(ET.SubElement(tu, "tuv", {XML_LANG: source_lang}), "seg").text = pair.source
        for lang, (text, stamp) in sorted(pair.targets.items()):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang, **({"changedate": stamp} if stamp else {})})
            ET.SubElement(tuv, "seg").text = text
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            f"{text}\n"), left_out


class _Refused(Exception):
    pass


def _parse(data: bytes, ref: str) -> tuple[ET.Element, dict[int, int]]:
    """The element tree and the line of every element (by id), straight from expat.

    Namespace processing is off, so ``xml:lang`` is an attribute named just that.
    """
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}
    parser = expat.ParserCreate()

    def start(tag, attrs):
        lines[id(builder.start(tag, attrs))] = parser.CurrentLineNumber

    def refuse(*_):
        raise _Refused

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise VerlagError(f"not well-formed XML: {expat.ErrorString(exc.code)}; nothing was imported",
                          ref, exc.lineno) from None
    except _Refused:
        raise VerlagError("entity declarations are not allowed in a TMX file; nothing was imported", ref,
                          parser.CurrentLineNumber) from None
    return builder.close(), lines


def _lang(element: ET.Element) -> str:
    return element.get(XML_LANG) or element.get("lang") or ""


def _resolve(code: str, languages: tuple[str, ...]) -> str | None:
    """A TMX language (``EN-US``, ``fr``) as one of ours: exact first, else by its primary subtag."""
    code = code.replace("_", "-").lower()
    for lang in languages:
        if lang.lower() == code:
            return lang
    primary = code.split("-")[0]
    for lang in languages:
        if lang.lower() == primary:
            return lang
    return None


def _text(seg: ET.Element) -> str:
    """The segment's text with layout whitespace collapsed, but Markdown hard line breaks kept."""
    pieces = HARD_BREAK.split("".join(seg.itertext()).strip())
    return "".join(p if n % 2 else " ".join(p.split()) for n, p in enumerate(pieces))


def read_tmx(data: bytes, ref: str, source_lang: str, languages: tuple[str, ...]) -> TmxContent:
    """Units of a TMX file (any version 1.x) with German source text and a translation in ``languages``."""
    root, lines = _parse(data, ref)
    if root.tag != "tmx":
        raise VerlagError(f"not a TMX file: the root element is <{root.tag}>, expected <tmx>", ref,
                          lines.get(id(root)))
    body = root.find("body")
    if body is None:
        raise VerlagError("not a TMX file: <tmx> has no <body>", ref, lines.get(id(root)))
    content = TmxContent()
    for tu in body.iter("tu"):
        variants = tu.findall("tuv")
        segs = [(tuv, tuv.find("seg")) for tuv in variants]
        if any(seg is not None and any(el.tag in INLINE_TAGS for el in seg.iter()) for _, seg in segs):
            content.inline += 1
            if len(content.inline_units) < SHOWN:
                content.inline_units.append((lines.get(id(tu), 0), tu.get("tuid") or ""))
            continue
        context = next((p.text for p in tu.findall("prop") if p.get("type") == CONTEXT_PROP and p.text), None)
        source = None
        targets = []
        for tuv, seg in segs:
            if seg is None:
                raise VerlagError("<tuv> without <seg>", ref, lines.get(id(tuv)))
            code = _lang(tuv)
            if not code:
                raise VerlagError("<tuv> without xml:lang", ref, lines.get(id(tuv)))
            if _resolve(code, (source_lang,)):
                source = source or _text(seg)
            elif (lang := _resolve(code, languages)) is None:
                content.other_languages[code] += 1
            else:
                stamp = tuv.get("changedate") or tuv.get("creationdate") or tu.get("changedate") \
                    or tu.get("creationdate") or ""
                targets.append((lang, _text(seg), stamp if re.fullmatch(r"\d{8}T\d{6}Z", stamp) else ""))
        if not source:
            content.no_source += 1
            continue
        content.units.extend(TmxUnit(lang, context, source, text, stamp) for lang, text, stamp in targets if text)
    return content

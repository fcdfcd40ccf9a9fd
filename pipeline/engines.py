"""The engine seam: anything that turns source segments into draft translations.

An engine gets a batch of ``Request`` and returns one ``Result`` or None per
request (None: not filled, the next engine may try). Engines never touch
catalogs; ``pretranslate`` does. Network engines plug in here by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from .catalog import COPY_ORIGIN
from .config import Config
from .errors import VerlagError
from .markup import scan
from .pseudo import accent
from .tm import TMEngine


@dataclass(frozen=True)
class Surroundings:
    """The German around a segment, for engines that translate with context (DeepL ``context``, ``llm``).

    Each field is German Markdown as in the catalog's msgids; "" where there is none.
    """

    title: str = ""  # the article's title
    block: str = ""  # the segment's own block (paragraph, heading, list item): all its sentences
    before: str = ""  # the block before it
    after: str = ""  # the block after it


@dataclass(frozen=True)
class Request:
    text: str
    context: str | None = None  # the entry's msgctxt
    slug: str = ""
    labels: frozenset[str] = frozenset()  # link reference labels of the article (see markup.analyse)
    block: str = ""  # sentences of one paragraph share it; services send them together for context
    around: Surroundings | None = None
    # its machine draft failed the QA gate (``pretranslate --redo-drafts``): the service is asked again, not the
    # MT cache, which holds the answer that made it
    fresh: bool = False
    # the untouched machine draft of the same German in the project's English catalog: an answer word for word that
    # is English (``draftlang.copied``), however short
    english: str = ""


@dataclass(frozen=True)
class Result:
    text: str
    origin: str  # provenance line stored as ``#. <origin>``
    # a reviewer signed the text off (a ``tm`` match of a reviewed catalog entry): taken as a draft even when it is
    # the German as it is (``pretranslate.GermanBack``), a name or a term the reviewer kept German
    reviewed: bool = False


class Engine(Protocol):
    name: str

    def translate(self, requests: Sequence[Request], source: str, target: str) -> list[Result | None]:
        ...


class CopyEngine:
    """The German text as a starting point for the reviewer."""

    name = "copy"

    def translate(self, requests, source, target):
        return [Result(r.text, COPY_ORIGIN) for r in requests]


def pseudo(text: str, labels: frozenset[str] = frozenset(), source: str = "de") -> str:
    """Accent and lengthen prose (~30 %) so untranslated or truncated UI shows; markup and a number's unit
    symbol or ``source`` unit word (``60 °C``, ``400 IE``, ``40 Grad``: what the numbers check compares) are
    untouched."""
    from .check import unit_spans  # the numbers check's own patterns; kept off other engines' import path

    pieces = list(scan(text, labels))
    starts, prose = [], ""
    for is_markup, piece in pieces:  # markup read as one space, as the check reads it: 38&nbsp;Grad
        starts.append(len(prose))
        prose += " " if is_markup else piece
    spans = unit_spans(prose, source)
    out = []
    for (is_markup, piece), offset in zip(pieces, starts):
        if is_markup:
            out.append(piece)
            continue
        kept = 0
        for start, end in spans:
            start, end = start - offset, end - offset
            if 0 <= start and end <= len(piece) and start >= kept:
                out.append(accent(piece[kept:start]))
                out.append(piece[start:end])
                kept = end
        out.append(accent(piece[kept:]))
    return "".join(out)


class PseudoEngine:
    name = "pseudo"

    def translate(self, requests, source, target):
        return [Result(pseudo(r.text, r.labels, source), "mt: pseudo") for r in requests]


def _service(name: str):
    """Network engines are imported only when used: ``build`` and the local engines stay light."""

    def factory(config: Config) -> Engine:
        from .services import make_service

        return make_service(name, config)

    return factory


ENGINES: dict[str, Callable[[Config], Engine]] = {
    "copy": lambda config: CopyEngine(),
    "pseudo": lambda config: PseudoEngine(),
    "tm": TMEngine,
}
ENGINES.update({name: _service(name) for name in ("google", "mymemory", "libre", "microsoft", "deepl", "llm")})


def get_engine(name: str, config: Config) -> Engine:
    """An engine by name, built from the project settings."""
    try:
        factory = ENGINES[name]
    except KeyError:
        raise VerlagError(f"unknown engine {name!r}; available: {', '.join(sorted(ENGINES))}") from None
    return factory(config)

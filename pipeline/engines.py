"""The engine seam: anything that turns source segments into draft translations.

An engine gets a batch of ``Request`` and returns one ``Result`` or None per
request (None: not filled, the next engine may try). Engines never touch
catalogs; ``pretranslate`` does. Network engines plug in here by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from .config import Config
from .errors import VerlagError
from .markup import scan
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


@dataclass(frozen=True)
class Result:
    text: str
    origin: str  # provenance line stored as ``#. <origin>``


class Engine(Protocol):
    name: str

    def translate(self, requests: Sequence[Request], source: str, target: str) -> list[Result | None]:
        ...


class CopyEngine:
    """The German text as a starting point for the reviewer."""

    name = "copy"

    def translate(self, requests, source, target):
        return [Result(r.text, "mt: copy") for r in requests]


_ACCENTED = str.maketrans("aeiouyAEIOUYcnszCNSZ", "áéíóúýÁÉÍÓÚÝçñšžÇÑŠŽ")
_LONG_VOWELS = set("áéíóúýÁÉÍÓÚÝäöüÄÖÜ")


def pseudo(text: str, labels: frozenset[str] = frozenset()) -> str:
    """Accent and lengthen prose (~30 %) so untranslated or truncated UI shows; markup and a number's unit
    symbol (``60 °C``, ``400 IE``: what the numbers check compares) are untouched."""
    from .check import UNIT  # the numbers check's own pattern; importing the checks is kept off other engines' path

    out = []
    for is_markup, piece in scan(text, labels):
        if is_markup:
            out.append(piece)
            continue
        kept = 0
        for unit in UNIT.finditer(piece):
            out.append(_accent(piece[kept:unit.start(1)]))
            out.append(unit.group(1))
            kept = unit.end(1)
        out.append(_accent(piece[kept:]))
    return "".join(out)


def _accent(prose: str) -> str:
    return "".join(ch * 2 if ch in _LONG_VOWELS else ch for ch in prose.translate(_ACCENTED))


class PseudoEngine:
    name = "pseudo"

    def translate(self, requests, source, target):
        return [Result(pseudo(r.text, r.labels), "mt: pseudo") for r in requests]


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

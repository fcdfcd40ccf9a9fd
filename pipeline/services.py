"""Machine-translation services as engines: google, mymemory, libre, microsoft (deep-translator), deepl.

deep-translator speaks to the free and keyed endpoints, the official ``deepl``
client to DeepL (deep-translator's DeepL class still authenticates with the
removed ``auth_key`` parameter). LibreTranslate gets its request from verlag
(``LibreEngine``): deep-translator put the text and the key into the query
string, where access logs keep them. Both are wrapped so that every service
behaves the same way here:

- every HTTP request goes through one ``polite.PoliteSession`` per engine:
  a timeout, a bound on concurrent requests, a rate limit, and retries with
  exponential backoff and jitter on timeouts, resets, 429 and 5xx (a
  ``Retry-After`` pauses every request to that service);
- many segments travel in one request (one text per line for the
  deep-translator services, whose ``translate_batch`` is a plain loop; a
  list for DeepL), within each service's length caps;
- the sentences of one paragraph travel together, so the service sees
  their context, and are mapped back by sentence splitting; when that fails
  they are sent one by one and the provenance says so; DeepL instead gets
  each sentence alone with its paragraph as ``context`` (``Unit.context``);
- markup is masked (``protect``) and verified after the answer comes back;
- answers are judged for their language (``draftlang``: one in another language
  than the one asked for is refused) and cached (``mtcache``) before any reaches
  a catalog; a cached answer stored before that test is judged when first used;
- an answer that does not line up with its batch, or empty answers, are
  asked once more, never one by one: a batch costs at most two requests;
- every failure becomes a ``ServiceError`` with one readable line; an
  unreachable service, a missing key or a refused login stops that engine
  for the run and leaves its segments to the next engine.

Keys come from the environment variables deep-translator documents
(``LIBRE_API_KEY``, ``MICROSOFT_API_KEY``, ``DEEPL_API_KEY``) and are never
printed. Settings live in ``[engines.<name>]`` of verlag.toml.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from .config import Config, lookup
from .engines import Request, Result
from .mtcache import MTCache, normalise
from .polite import (ANSWER, KEY, NO_KEY, OTHER, QUOTA, RATE, SERVER, UNSUPPORTED, Policy, PoliteSession,
                     RequestsShim, ServiceError, Workers, install_shim)
from . import polite
from .protect import Masked, markup_difference, mask, restore
from .sentences import segment_spans
from .urlparts import NO_ADDRESS, split_url

install_shim()

CONTEXT_END = "\x1e"  # between a unit's context and its text in ``Unit.key`` (ASCII record separator)
TOKEN_CHARS = 4  # characters per token, the usual rough estimate for tokenisers of current language models
COMMON_KEYS = ("url", "timeout", "concurrency", "rate", "retries", "backoff", "max_wait", "batch_chars",
               "batch_items", "languages")


# --------------------------------------------------------------------------
# Settings
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    url: str | None
    timeout: float = 20.0
    concurrency: int = 4
    rate: float = 10.0  # requests per second
    retries: int = 4
    backoff: float = 1.0  # first wait in seconds; doubles per try
    max_wait: float = 60.0  # longest single wait (a longer Retry-After fails the batch)
    batch_chars: int = 4500
    batch_items: int = 50
    languages: dict = field(default_factory=dict)  # verlag code -> service code
    extra: dict = field(default_factory=dict)

    @property
    def policy(self) -> Policy:
        return Policy(self.timeout, self.concurrency, self.rate, self.retries, self.backoff, self.max_wait)


_NUMBERS = {  # key: (type, lowest value, lowest value allowed itself)
    "timeout": (float, 0, False), "concurrency": (int, 1, True), "rate": (float, 0, False),
    "retries": (int, 0, True), "backoff": (float, 0, True), "max_wait": (float, 0, True),
    "batch_chars": (int, 1, True), "batch_items": (int, 1, True)}
# The most each may be: a verlag.toml that came with a project, with timeout = inf, concurrency = 100000000 (a
# thread each) or rate = 1e-300 (a wait of 1e300 s between starts), made pretranslate fail on each request
# ('OverflowError: timestamp out of range'), start threads until the machine had none left, or wait forever.
_MOST = {"timeout": (3600, " s"), "concurrency": (100, ""), "retries": (100, ""), "backoff": (3600, " s"),
         "max_wait": (3600, " s")}
SLOWEST_RATE = 1 / 3600  # request starts per second: one an hour


def load_settings(config: Config, name: str, defaults: Settings, extra_keys: tuple[str, ...] = (),
                  per_language: tuple[str, ...] = (), key_variable: str | None = None) -> Settings:
    """``[engines.<name>]`` over the engine's defaults; a mistake names verlag.toml and its line.

    ``extra_keys`` are the engine's own string settings; those also in ``per_language`` may instead be a
    table of strings by verlag language code (``formality = { fr = "more" }``), or a fallback of one (``en`` for
    en-US and en-GB, ``config.lookup``), as the ``languages`` map may. ``key_variable``: the
    environment variable the engine reads its key from (a ``key_env`` of the table wins), which a key written
    into the table is refused naming; None: the engine takes no key.
    """
    table = config.section("engines", name)
    values: dict = {}
    extra: dict = {}
    for key, value in table.items():
        if key in _NUMBERS:
            kind, low, inclusive = _NUMBERS[key]
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not number or (kind is int and not isinstance(value, int)) or value < low \
                    or (value == low and not inclusive):
                what = "a whole number" if kind is int else "a number"
                raise config.error(key, f"[engines.{name}] expected {what} {'>=' if inclusive else '>'} {low}, "
                                        f"got {value!r}")
            most, unit = _MOST.get(key, (None, ""))
            if most is not None and value > most or key == "rate" and value < SLOWEST_RATE:
                limit = f"at most {most:,}{unit}" if most is not None else "at least 0.0003, about one request an hour"
                raise config.error(key, f"[engines.{name}] {key} = {value!r} is beyond what verlag takes ({limit})")
            values[key] = kind(value)
        elif key == "url":
            if not isinstance(value, str) or (split_url(value) or NO_ADDRESS).scheme not in ("http", "https"):
                raise config.error(key, f"[engines.{name}] expected an http(s) URL, got {value!r}")
            values[key] = value
        elif key == "languages":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise config.error(key, f"[engines.{name}] expected a table such as {{ en = \"EN-US\" }}")
            values[key] = dict(value)
        elif key in extra_keys:
            table = key in per_language and isinstance(value, dict)
            if not (isinstance(value, str) or table and all(isinstance(v, str) for v in value.values())):
                kind = "a string or a table by language such as { fr = \"…\" }" if key in per_language \
                    else "a string"
                raise config.error(key, f"[engines.{name}] expected {kind}, got {value!r}")
            unknown = sorted(set(value) - set(config.translation_keys)) if table else []
            if unknown:
                raise config.error(key, f"[engines.{name}] {key}: {', '.join(unknown)} is not one of languages")
            extra[key] = dict(value) if table else value
        elif key.upper().endswith(("KEY", "TOKEN", "SECRET")):
            variable = named if isinstance(named := config.section("engines", name).get("key_env"), str) \
                else key_variable
            raise config.error(key, f"[engines.{name}] keys never go into verlag.toml; " + (
                f"set the environment variable {variable} instead" if variable else "this engine takes none"))
        else:
            allowed = ", ".join((*COMMON_KEYS, *extra_keys))
            raise config.error(key, f"[engines.{name}] unknown setting {key!r} (known: {allowed})")
    return Settings(**{**defaults.__dict__, **values, "extra": extra})


# --------------------------------------------------------------------------
# The engine: units, cache, batches, mapping back
# --------------------------------------------------------------------------


@dataclass
class Unit:
    """What one text in a request stands for: one sentence, or a paragraph's sentences together."""

    indices: list[int]
    masked: Masked
    alone: bool = False  # sent sentence by sentence after its paragraph did not map back
    context: str = ""  # German sent along to be used, not translated (DeepL ``context``); not billed

    @property
    def key(self) -> str:
        """What identifies the unit in a request and in the cache: its masked text, with its context."""
        return f"{self.context}{CONTEXT_END}{self.masked.text}" if self.context else self.masked.text


@dataclass
class Outcome:
    """Results for some requests (by index), or why they failed."""

    indices: list[int]
    results: list[Result | None]
    error: str | None = None
    fatal: bool = False
    cause: str = OTHER  # the kind of failure (``polite.ServiceError.cause``)
    # the drafts an answer in another language would have made (``polite.LANGUAGE``): a machine draft that is one of
    # them is that answer stored before, which ``pretranslate --redo-drafts`` empties
    refused: list[Result | None] = field(default_factory=list)


@dataclass
class Budget:
    """The ``--max-chars`` cost cap, shared by every engine of a run."""

    limit: int | None = None
    used: int = 0

    def take(self, chars: int) -> bool:
        if self.limit is not None and self.used + chars > self.limit:
            return False
        self.used += chars
        return True

    def fitting(self, batch: list[str], chars: Callable[[list[str]], int]) -> list[str]:
        """The texts of ``batch`` that still fit under the cap together (in order, each that fits), as ``chars``
        counts a request of them: a batch larger than what is left is sent smaller, not refused whole."""
        if self.limit is None:
            return list(batch)
        taken: list[str] = []
        for text in batch:
            if self.used + chars([*taken, text]) <= self.limit:
                taken.append(text)
        return taken


CAP = "cap"  # the cause of a text not sent: over the run's ``--max-chars`` cap (``Budget``)


@dataclass(frozen=True)
class Planned:
    text: str  # German as it would leave (masked), one request text
    chars: int  # characters billed
    tokens: int  # estimated tokens (a language model's prompt and answer; for other services the text's)


class ServiceEngine:
    """Base of the network engines; subclasses implement ``_request`` (one HTTP exchange)."""

    name = "service"
    remote = True
    xml = False  # tags as XML with escaped prose (DeepL); otherwise plain text
    defaults = Settings(url=None)
    extra_keys: tuple[str, ...] = ()
    per_language: tuple[str, ...] = ()  # extra keys that may be a table by language
    key_variable: str | None = None
    key_required = False
    json_answers = True  # the service answers in JSON (an HTML page instead is a proxy's or portal's: ``polite``)

    def __init__(self, config: Config, settings: Settings | None = None):
        self.settings = settings or load_settings(config, self.name, self.defaults, self.extra_keys,
                                                      self.per_language, self.key_variable)
        self.session = PoliteSession(self.name, self.settings.policy, json=self.json_answers)
        # the languages a draft is told apart from (``draftlang``): the project's, and English, which services
        # answer in when they lack the language asked for
        self.candidates = (config.source_language, *config.languages, "en")
        # the project's English: an answer into another language the same as the service's into it is English
        # (``draftlang.copied``)
        self.english = tuple(lang for lang in config.languages if lang.split("-")[0].lower() == "en")
        self.chars_translated = 0  # characters of the German of the texts whose translations were taken
        self.cached = 0
        # (target, the language they read as) -> answers from the MT cache dropped as in another language
        self.dropped: Counter = Counter()
        self.capped: int | None = None  # the ``--max-chars`` cap that left texts unsent (``CAP``)
        # target -> why the service refused it (``polite.UNSUPPORTED``): its later batches fail without a request
        self.unsupported: dict[str, str] = {}

    @property
    def requests_sent(self) -> int:
        """Requests sent to the service (a batch, or a language model's block; asked again: another)."""
        return self.session.requests_sent

    @property
    def tries(self) -> int:
        """HTTP exchanges begun for ``requests_sent``, every retry of a failed one included."""
        return self.session.tries

    @property
    def api_key(self) -> str | None:
        return os.environ.get(self.key_variable) if self.key_variable else None

    @property
    def cache_name(self) -> str:
        """The cache key's engine part: the name plus settings that change the output."""
        variant = [f"{k}={_flat(v)}" for k, v in sorted(self.settings.extra.items())
                   if k in ("formality", "glossary")]
        variant += [f"{lang}={code}" for lang, code in sorted(self.settings.languages.items())]  # e.g. EN-US
        return f"{self.name}({','.join(variant)})" if variant else self.name

    def check_ready(self) -> None:
        if self.key_required and not self.api_key:
            raise ServiceError(f"no API key: set the environment variable {self.key_variable}", fatal=True,
                               cause=NO_KEY)

    @property
    def host(self) -> str:
        """The host (and port) the engine sends to, as messages name it."""
        return (split_url(self.settings.url) or NO_ADDRESS).netloc if self.settings.url else self.name

    def stopped(self, cause: str) -> str:
        """What stopped the engine for the run, and what to do, as the run's last line says it when nothing could be
        drafted (``cause``: ``polite.ServiceError.cause``). Only a service with no connection "could not be
        reached": one that answered slowly, refused the key or sent a page instead was reached."""
        name, table, again = self.name, f"[engines.{self.name}]", "what is drafted stays"
        until = self.session.wait_until or time.time()  # a Retry-After longer than max_wait (``polite.WAIT``)
        said = {
            polite.OFFLINE: f"{name} could not be reached",
            polite.DOWN: f"{name} could not be reached at {self.host} (nothing answers there: is the service "
                         f"running, is {table} url right?)",
            polite.DROPPED: f"{name} closed the connection before answering, until the retries ran out (a server "
                            f"that crashed or restarts, or a proxy cutting it off): run verlag pretranslate again once "
                            f"it answers ({again})",
            polite.TIMEOUT: f"{name} timed out: no answer within {self.settings.timeout:g} s (a slow or busy "
                            f"service; run verlag pretranslate again later, or raise {table} timeout in verlag.toml: "
                            f"{again})",
            KEY: (f"{name} refused the API key: set the environment variable {self.key_variable} to a valid key"
                  if self.api_key else f"{name} asks for an API key: set the environment variable "
                  f"{self.key_variable}") + " (README: Engines)" if self.key_variable else
                 f"{name} refused the requests (the warning above says how)",
            NO_KEY: f"{name} has no API key: set the environment variable {self.key_variable} (README: Engines), "
                    "then run verlag pretranslate again",
            QUOTA: f"{name}'s quota is used up: run verlag pretranslate again once it is renewed or raised ({again})",
            RATE: f"{name} answered 'too many requests' until the retries ran out: run verlag pretranslate again "
                  f"later, a lower {table} rate helps ({again})",
            SERVER: f"{name} answered with server errors until the retries ran out: run verlag pretranslate again "
                    f"once the service works ({again})",
            ANSWER: f"{name} answered with something other than translations (the warning above says what came; "
                    f"is {table} url the service's API?)",
            polite.LANGUAGE: f"{name} answered in another language than the one asked for (the warning above says "
                             f"which; check {table} url and languages in verlag.toml)",
            polite.WAIT: f"{name} asked to wait {polite.waited(max(0.0, until - time.time()))} before any more "
                         f"requests (until {polite.clock_time(until)}): run verlag pretranslate again then ({again})",
            CAP: f"the --max-chars cap of {self.capped} characters was reached before {name} was sent a text "
                 f"(the smallest left is longer than what the cap leaves): nothing was asked of the service; run "
                 f"with a higher --max-chars, or without it",
            UNSUPPORTED: f"{name} does not offer a language asked for (the warning above says which and what the "
                         f"service answered; running again will not help): map it to a code the service has in "
                         f"{table} languages, or leave that language to another engine ({again})",
        }
        return said.get(cause) or (f"{name} stopped this run (the warning above says why; run verlag pretranslate "
                                   f"again once the service answers: {again})")

    # -- the plain seam --------------------------------------------------

    def translate(self, requests: Sequence[Request], source: str, target: str) -> list[Result | None]:
        results: list[Result | None] = [None] * len(requests)
        for group in self.stream(requests, source, target):
            for outcome in group:
                for i, result in zip(outcome.indices, outcome.results):
                    results[i] = result
        return results

    # -- planning and streaming ------------------------------------------

    def units(self, requests: Sequence[Request]) -> list[Unit]:
        """Consecutive sentences of one block travel together (within the length cap)."""
        groups: list[list[int]] = []
        for i, request in enumerate(requests):
            block = getattr(request, "block", "")
            if groups and block and getattr(requests[groups[-1][-1]], "block", "") == block:
                groups[-1].append(i)
            else:
                groups.append([i])
        units: list[Unit] = []
        for group in groups:
            unit = self._mask(requests, group)
            if len(group) > 1 and len(unit.key) > self.settings.batch_chars:
                units.extend(self._mask(requests, [i], alone=True) for i in group)
            else:
                units.append(unit)
        return units

    def _mask(self, requests: Sequence[Request], group: list[int], alone: bool = False) -> Unit:
        pieces: dict = {}
        texts: list[str] = []
        first = 1
        for i in group:
            m = mask(requests[i].text, requests[i].labels, self.xml, first)
            pieces.update(m.pieces)
            texts.append(m.text)
            first = m.next_id
        return Unit(list(group), Masked(" ".join(texts), pieces, first), alone)

    def plan(self, requests: Sequence[Request], source: str, target: str, cache: MTCache | None,
             planned: set[str] | None = None) -> list[Planned]:
        """What ``stream`` would send (cache hits left out, and the keys in ``planned``, which this adds
        its own to: an earlier batch's, answered from the cache by then): for ``--dry-run``."""
        units = self.units(requests)
        hits = self._hits(cache, units, requests, source, target)
        unjudged = [(unit, hits[unit.key][0], self._finish(unit, hits[unit.key][0], requests, target, []))
                    for unit in units if unit.key in hits and not hits[unit.key][1]]
        if unjudged:  # what a run would drop from the cache and send (``_judge_cached``); nothing is changed
            hits = {**hits, **{unit.key: None for unit, outcomes in
                               self._judge_cached(unjudged, requests, source, target, cache, dry_run=True)
                               if outcomes is None}}
        hits = {key: hit for key, hit in hits.items() if hit is not None}
        earlier = planned if planned is not None else set()
        texts = dict.fromkeys(k for u in units if u.key not in hits and (k := normalise(u.key)) not in earlier)
        earlier.update(texts)
        return [Planned(_text(t), self.request_chars([t]), self.tokens(t)) for t in texts]

    def _hits(self, cache: MTCache | None, units: list[Unit], requests: Sequence[Request], source: str,
              target: str) -> dict[str, tuple[str, bool]]:
        """The cache's answers to ``units`` (``MTCache.hits``), but for a unit whose draft failed the QA gate
        (``Request.fresh``: the cache holds the answer that made it); those word for word the service's answer into
        the project's English as not judged: stored when only the stop words of their batch told their language,
        they are judged again (``_languages``), so an English one cached so is dropped and asked again."""
        fresh = {u.key for u in units if any(getattr(requests[i], "fresh", False) for i in u.indices)}
        hits = cache.hits(self.cache_name, source, target, [u.key for u in units if u.key not in fresh]) \
            if cache else {}
        english = self._english(target)
        if not hits or not english:
            return hits
        answers = cache.answered(self.cache_name, source, english, [key for key, (_, judged) in hits.items() if judged])
        same = {key for key, (answer, _) in hits.items()
                if key in answers and normalise(answers[key]) == normalise(answer)}
        if not same:
            return hits
        from .draftlang import copied

        again = {key for key in same if copied(hits[key][0], english[0])}
        return {key: (answer, judged and key not in again) for key, (answer, judged) in hits.items()}

    def request_chars(self, batch: list[str]) -> int:
        """Characters that leave in one request (what services bill; a context is not billed)."""
        return sum(len(_text(t)) for t in batch)

    def answered_chars(self, texts: list[str]) -> int:
        """Characters that came back translated in ``texts`` (request texts of one answered request, those with
        an answer): the summary's "characters translated"; what they took in the request (``request_chars``),
        where a language model's prompt carries more (``llm.LLMEngine``)."""
        return self.request_chars(texts)

    def tokens(self, text: str) -> int:
        """Estimated tokens of one request text, at ``TOKEN_CHARS`` characters a token."""
        return -(-self.request_chars([text]) // TOKEN_CHARS)

    def batches(self, texts: list[str]) -> list[list[str]]:
        """Greedy packing within the service's characters and items per request; texts with another
        context (``Unit.key``) start another request, as a request carries one context."""
        out: list[list[str]] = []
        size = 0
        for text in texts:
            length = self.request_chars([text])
            if out and size + length + 1 <= self.settings.batch_chars and len(out[-1]) < self.settings.batch_items \
                    and _context(out[-1][0]) == _context(text):
                out[-1].append(text)
                size += length + 1
            else:
                out.append([text])
                size = length
        return out

    def stream(self, requests: Sequence[Request], source: str, target: str, cache: MTCache | None = None,
               budget: Budget | None = None) -> Iterator[list[Outcome]]:
        """Yield outcomes as they arrive, one list per finished request (cache hits first).

        Runs in the caller's thread; only HTTP runs in worker threads, so the
        cache and the catalogs are touched from one thread.
        """
        budget = budget or Budget()
        try:
            self.check_ready()
        except ServiceError as exc:
            yield [Outcome(list(range(len(requests))), [None] * len(requests), exc.message, True, exc.cause)]
            return
        if target in self.unsupported:  # refused by an earlier batch of this run: not asked again
            yield [Outcome(list(range(len(requests))), [None] * len(requests), self.unsupported[target], False,
                           UNSUPPORTED)]
            return
        units = self.units(requests)
        hits = self._hits(cache, units, requests, source, target)
        waiting: dict[str, list[Unit]] = {}
        done: list[Outcome] = []
        retry: list[Unit] = []
        # (unit, answer, outcomes) stored before their language was judged (``mtcache``), and the units each leaves
        # to be asked sentence by sentence (its paragraph did not map back)
        unjudged: list[tuple[Unit, str, list[Outcome]]] = []
        alone: dict[int, list[Unit]] = {}
        for unit in units:
            if unit.key in hits:
                answer, judged = hits[unit.key]
                again: list[Unit] = []
                outcomes = self._finish(unit, answer, requests, target, again)
                if judged and not self._copies_english(outcomes, requests, target):
                    self.cached += len(unit.indices)
                    done.extend(outcomes)
                    retry.extend(again)
                else:
                    unjudged.append((unit, answer, outcomes))
                    alone[id(unit)] = again
            else:
                waiting.setdefault(normalise(unit.key), []).append(unit)
        if unjudged:
            for unit, outcomes in self._judge_cached(unjudged, requests, source, target, cache):
                if outcomes is None:  # dropped from the cache: the service is asked again, the paragraph whole
                    waiting.setdefault(normalise(unit.key), []).append(unit)
                else:
                    self.cached += len(unit.indices)
                    done.extend(outcomes)
                    retry.extend(alone[id(unit)])
        if done:
            yield done
        for unit in retry:
            waiting.setdefault(normalise(unit.key), []).append(unit)
        if not waiting:
            return
        pool = Workers(self.settings.concurrency, f"verlag-{self.name}")
        stop = threading.Event()  # set when this stream ends: its workers stop waiting and retrying
        running: dict[Future, list[str]] = {}
        failures_in_a_row = 0

        def submit(texts: list[str]) -> list[Outcome]:
            """Start the requests for ``texts``; what cannot be sent fails at once."""
            refused: list[Outcome] = []
            for batch in self.batches(texts):
                chars = self.request_chars(batch)
                if len(_text(batch[0])) > self.settings.batch_chars:
                    refused.append(self._fail(batch, waiting, f"longer than {self.settings.batch_chars} characters"))
                elif not budget.take(chars):  # what fits goes in a smaller request, the rest fails with the cap
                    fits = budget.fitting(batch, self.request_chars)
                    if fits and budget.take(self.request_chars(fits)):
                        running[pool.submit(self._call, fits, source, target, stop)] = fits
                    self.capped = budget.limit
                    refused.append(self._fail([t for t in batch if t not in fits], waiting,
                                              f"over the --max-chars cap of {budget.limit}", cause=CAP))
                else:
                    running[pool.submit(self._call, batch, source, target, stop)] = batch
            return refused

        # answered texts whose drafts wait for the language test (``release``): (text sent, answer, its outcomes)
        held: list[tuple[str, str, list[Outcome]]] = []

        def release(final: bool) -> tuple[list[Outcome], str | None]:
            """The held answers' outcomes once their drafts hold words enough to tell their language (``draftlang``;
            with ``final`` whatever is held), cached; answers in another language (``draftlang.judge``) are failed
            instead, not cached (so a rerun asks again). The second value: the reason, when every answer was
            refused (the service answers in another language: three such batches stop it)."""
            if not held:
                return [], None
            from .draftlang import enough, said

            drafts = [r.text for _, _, outs in held for o in outs for r in o.results if r is not None]
            if not final and not enough(drafts, target):
                return [], None
            answered = held[:]
            held.clear()
            verdicts = self._languages(answered, requests, source, target, cache)
            ready: list[Outcome] = []
            taken: list[tuple[str, str]] = []
            for n, (text, answer, outs) in enumerate(answered):
                rival = verdicts.get(n)
                if rival:
                    ready += [Outcome(o.indices, [None] * len(o.indices), said(rival, target), False, polite.LANGUAGE,
                                      list(o.results)) for o in outs]
                    continue
                ready += outs
                taken.append((text, answer))
            # counted once taken: answers refused above were not translations
            self.chars_translated += self.answered_chars([t for t, a in taken if a])
            if cache:
                # an empty answer is a failure to ask again next time, not a translation; so is the text sent
                # back as it is (a pair the service lacks today, an error: ``pretranslate.GermanBack``)
                cache.put_many(self.cache_name, source, target,
                               [(text, answer) for text, answer in taken if answer.strip() and (
                                   normalise(answer) != normalise(text) or _neutral(_text(text), source, target))])
            refused = [rival for rival in verdicts.values() if rival]
            everything = refused and len(refused) == len(verdicts)
            return ready, said(Counter(refused).most_common(1)[0][0], target) if everything else None

        try:
            refused = submit(list(waiting))
            if refused:
                yield refused
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    batch = running.pop(future)
                    stopping = None  # (reason, cause) when the engine stops for the run
                    try:
                        answers = future.result()
                    except ServiceError as exc:
                        failures_in_a_row += not isinstance(exc, InvalidAnswer)
                        # a language the service lacks stops this language, not the engine: the others are asked
                        fatal = exc.cause != UNSUPPORTED and (exc.fatal or failures_in_a_row >= 3)
                        ready = [self._fail(batch, waiting, exc.message, fatal, exc.cause)]
                        stopping = (exc.message, exc.cause) if fatal or exc.cause == UNSUPPORTED else None
                        if exc.cause == UNSUPPORTED:
                            self.unsupported[target] = exc.message
                    else:
                        again: list[Unit] = []
                        for text, answer in zip(batch, answers):
                            held.append((text, answer, [o for unit in waiting.pop(text, [])
                                                        for o in self._finish(unit, answer, requests, target, again)]))
                        for unit in again:
                            waiting.setdefault(normalise(unit.key), []).append(unit)
                        ready, why = release(False)
                        failures_in_a_row = failures_in_a_row + 1 if why else 0
                        # three batches in another language in a row stop the engine, as three failures do
                        stopping = (why, polite.LANGUAGE) if why and failures_in_a_row >= 3 else None
                        ready += submit(list(dict.fromkeys(normalise(u.key) for u in again)))
                    if ready:
                        yield ready
                    if stopping is not None:  # what is held is judged; what is still out fails with the reason
                        for other in running:
                            other.cancel()
                        rest = [t for b in running.values() for t in b]
                        running.clear()
                        ready = release(True)[0]
                        if ready:
                            yield ready
                        message, cause = stopping
                        if rest or cause == polite.LANGUAGE:  # a failed request said its own stop already
                            yield [self._fail(rest, waiting, message, cause != UNSUPPORTED, cause)]
                        return
            ready = release(True)[0]
            if ready:
                yield ready
        finally:
            stop.set()
            pool.shutdown()

    def _judge_cached(self, unjudged: list[tuple[Unit, str, list[Outcome]]], requests: Sequence[Request], source: str,
                      target: str, cache: MTCache, dry_run: bool = False) -> list[tuple[Unit, list[Outcome] | None]]:
        """Answers from the cache stored before their language was judged, judged as a batch of fresh answers is
        (``draftlang.judge``): those in another language are dropped from the cache (None in their outcomes' place:
        the service is asked again) and counted in ``dropped``, the others marked judged (never judged again). An
        answer that gave no draft (a paragraph that did not map back) is judged by its text as stored, so that it
        is not marked judged unread.
        ``dry_run``: the cache and ``dropped`` stay as they are."""
        answered = [(unit.key, answer, outcomes) for unit, answer, outcomes in unjudged]
        verdicts = self._languages(answered, requests, source, target, cache)
        refused = {answered[n][0]: rival for n, rival in verdicts.items() if rival}
        keys = {unit.key for unit, _, _ in unjudged}
        wrong = set(refused)
        if not dry_run:
            for rival in refused.values():  # per answer stored, not per catalog it would have filled
                self.dropped[(target, rival)] += 1
            if wrong:
                cache.drop_many(self.cache_name, source, target, sorted(wrong))
            cache.judged(self.cache_name, source, target, sorted(keys - wrong))
        return [(unit, None if unit.key in wrong else outcomes) for unit, _, outcomes in unjudged]

    def _languages(self, answered: list[tuple[str, str, list[Outcome]]], requests: Sequence[Request], source: str,
                   target: str, cache: MTCache | None = None) -> dict[int, str | None]:
        """The language test of fresh answers (``release``) and cached ones (``_judge_cached``), one batch: for each
        of ``answered`` (text sent, answer, outcomes) that has something to read, by its place, the language it
        reads as instead of ``target`` (``draftlang.judge``: its draft, or where it gave none its answer, against its
        German), None where it is taken. An empty answer that gave no draft is not judged: it has no place here.
        An answer taken so is refused still when it is word for word what the service answered into the project's
        English (in ``cache``) and reads as English (``draftlang.copied``): answers too short for their stop words
        ("Dosierung" answered "the"), a service that answers some lines of a batch in English."""
        from .draftlang import Copied, copied, judge

        judged = [n for n, (_, answer, outs) in enumerate(answered) if _drafted(outs) or answer.strip()]
        verdicts = dict(zip(judged, judge([_drafted(answered[n][2]) or answered[n][1] for n in judged],
                                          [self._german(answered[n], requests) for n in judged],
                                          target, source, self.candidates)))
        english = self._english(target)
        taken = [n for n, rival in verdicts.items() if not rival]
        if not english or not taken:
            return verdicts
        answers = cache.answered(self.cache_name, source, english, [answered[n][0] for n in taken]) if cache else {}
        for n in taken:
            text, answer, outs = answered[n]
            if text in answers and normalise(answers[text]) == normalise(answer) != normalise(_text(text)) and \
                    copied(_drafted(outs) or answer, english[0]) or self._copies_english(outs, requests, target):
                verdicts[n] = Copied(english[0])
        return verdicts

    def _english(self, target: str) -> list[str]:
        """The project's English codes an answer into ``target`` may be a copy of (none for English itself)."""
        return [lang for lang in self.english if lang.split("-")[0].lower() != target.split("-")[0].lower()]

    def _copies_english(self, outcomes: list[Outcome], requests: Sequence[Request], target: str) -> bool:
        """Whether the drafts of one answer are each word for word the English catalog's machine draft of the same
        German (``Request.english``: drafted before, or by another engine, so not in the MT cache) and read as
        English (``draftlang.copied``)."""
        english = self._english(target)
        pairs = [(requests[i], result) for o in outcomes for i, result in zip(o.indices, o.results)
                 if result is not None]
        if not english or not pairs or not all(getattr(request, "english", "") == result.text != request.text
                                               for request, result in pairs):
            return False
        from .draftlang import copied

        return copied(" ".join(result.text for _, result in pairs), english[0])

    @staticmethod
    def _german(answered: tuple[str, str, list[Outcome]], requests: Sequence[Request]) -> str:
        """The German of one answer (text sent, answer, outcomes): its first outcome's requests, or, where it gave
        none (a paragraph that did not map back, asked again sentence by sentence), the text as sent."""
        text, _, outcomes = answered
        return " ".join(requests[i].text for i in outcomes[0].indices) if outcomes else _text(text)

    def _fail(self, batch: list[str], waiting: dict[str, list[Unit]], message: str, fatal: bool = False,
              cause: str = OTHER) -> Outcome:
        indices = [i for text in batch for unit in waiting.pop(text, []) for i in unit.indices]
        return Outcome(indices, [None] * len(indices), message, fatal, cause)

    def _call(self, batch: list[str], source: str, target: str, stop: threading.Event) -> list[str]:
        """One batch (worker thread): its answers, one per text ("" where the service gave none).

        An answer that does not line up with the batch (a line too few or too
        many) is asked once more; empty answers are asked once more, alone
        together. So a batch costs at most two requests, however the service
        misbehaves. Every failure becomes a ServiceError; a batch misaligned
        twice fails with one.
        """
        RequestsShim.local.session = self.session
        RequestsShim.local.stop = stop
        answers = self._ask(batch, source, target)
        if answers is None:
            answers = self._ask(batch, source, target)
            if answers is None:
                raise ServiceError(f"the answer did not line up with the texts sent ({len(batch)}), twice",
                                   cause=ANSWER)
            return answers
        empty = [n for n, answer in enumerate(answers) if not answer]
        if empty:
            again = self._ask([batch[n] for n in empty], source, target) or [""] * len(empty)
            for n, answer in zip(empty, again):
                answers[n] = answer
        return answers

    def _ask(self, batch: list[str], source: str, target: str) -> list[str] | None:
        """One request: stripped answers, or None when they are not one string per text."""
        try:
            answers = self._request(batch, self._code(source, True), self._code(target, False))
        except Exception as exc:  # the libraries raise anything from KeyError to their own types
            error = _service_error(exc, self.host)
            message = re.sub(r"(https?://[^\s?]+)\?\S*", r"\1?…", error.message)  # query strings may hold keys
            if error.cause == KEY and self.key_variable:
                message = (f"{self.host} refused the API key in {self.key_variable}" if self.api_key else
                           f"{self.host} asks for an API key: set the environment variable {self.key_variable}")
            if self.api_key:  # the key where it stands as a word: a key "x" is not taken out of "exceeded"
                message = re.sub(rf"(?<![\w-]){re.escape(self.api_key)}(?![\w-])", "…", message)
            raise ServiceError(message, error.fatal, error.cause) from None
        if not isinstance(answers, list) or len(answers) != len(batch) or \
                not all(isinstance(a, str) for a in answers):
            return None
        return [a.strip() for a in answers]

    def _finish(self, unit: Unit, answer: str, requests: Sequence[Request], target: str,
                again: list[Unit]) -> list[Outcome]:
        """Restore markup and map a unit's answer back to its sentences (or queue them one by one)."""
        text, problems = restore(answer, unit.masked, self.xml)
        origin = f"mt: {self.name}" + (" (sentence by sentence: its paragraph did not map back)" if unit.alone else "")
        if not text.strip():  # asked twice already (``_call``): nothing to split into sentences
            return [Outcome(list(unit.indices), [None] * len(unit.indices),
                            "the service returned an empty translation")]
        if len(unit.indices) == 1:
            i = unit.indices[0]
            problems = problems or markup_difference(requests[i].text, text, requests[i].labels)
            result = _result(text, origin, problems)
            return [Outcome([i], [result], None if result else "the service returned an empty translation")]
        spans = segment_spans(text, target)
        if problems or len(spans) != len(unit.indices):
            again.extend(self._mask(requests, [i], alone=True) for i in unit.indices)
            return []
        results = []
        for i, (a, b) in zip(unit.indices, spans):
            sentence = text[a:b]
            results.append(_result(sentence, origin, markup_difference(requests[i].text, sentence, requests[i].labels)))
        return [Outcome(list(unit.indices), results)]

    # -- per service ----------------------------------------------------

    def _code(self, lang: str, is_source: bool) -> str:
        return self.settings.languages.get(lookup(self.settings.languages, lang)) or lang.split("-")[0].lower()

    def _request(self, texts: list[str], source: str, target: str) -> list[str]:
        raise NotImplementedError


class InvalidAnswer(ServiceError):
    """An answer that arrived but failed validation: its segments go to the next engine. Unlike an
    unreachable or failing service it does not count towards stopping the engine."""

    def __init__(self, message: str, fatal: bool = False, cause: str = ANSWER):
        super().__init__(message, fatal, cause)


def _context(text: str) -> str:
    """The context part of a request text (``Unit.key``); "" for a text without one."""
    return text.rpartition(CONTEXT_END)[0]


def _text(text: str) -> str:
    """A request text (``Unit.key``) without its context: what is translated."""
    return text.rpartition(CONTEXT_END)[2]


def _flat(value: str | dict) -> str:
    """A setting as it goes into a cache key: a table by language as ``en:less+fr:more``."""
    return "+".join(f"{k}:{v}" for k, v in sorted(value.items())) if isinstance(value, dict) else value


def _neutral(text: str, source: str, target: str) -> bool:
    """Whether ``text``, a text sent and answered as it is, holds no word to translate ("150 mg", "4000 IE", a
    number: ``check.german_unchanged``'s reading): the answer is its translation, cached like any, not a failure
    to ask again on every run."""
    from .check import Context, german_unchanged

    return not german_unchanged(text, text, Context(target, source_lang=source))


def _drafted(outcomes: list[Outcome]) -> str:
    """The drafts one answer gave (its first unit's: a text shared by units is one answer), as one text; "" for
    none."""
    return " ".join(r.text for r in outcomes[0].results if r is not None) if outcomes else ""


def _result(text: str, origin: str, problems: list[str]) -> Result | None:
    if not text.strip():
        return None
    if problems:
        origin += "; check the markup: " + ", ".join(dict.fromkeys(problems))
    return Result(text, origin)


def _service_error(exc: Exception, host: str) -> ServiceError:
    """deep-translator's and deepl's many exception types as one line (never with a key in it), with its cause;
    ``host``: the service's, named where an answer could not be read."""
    cause = exc
    while cause is not None:
        if isinstance(cause, ServiceError):
            return cause
        cause = cause.__cause__ or cause.__context__
    kind = type(exc).__name__
    if kind in ("AuthorizationException", "ApiKeyException"):
        return ServiceError("the service refused the API key (check the environment variable)", fatal=True, cause=KEY)
    if kind == "QuotaExceededException":
        return ServiceError(f"quota exceeded ({host})", fatal=True, cause=QUOTA)
    if kind in ("TooManyRequests", "TooManyRequestsException"):
        return ServiceError(f"{host} answered 'too many requests'", cause=RATE)
    if kind in ("ServerException", "RequestError", "MicrosoftAPIerror"):
        return ServiceError(f"the service answered with an error ({kind}: {str(exc).splitlines()[0][:120]})")
    if kind in ("TranslationNotFound",):
        return ServiceError("the service answered without a translation", cause=ANSWER)
    if isinstance(exc, (ValueError, KeyError, TypeError, AttributeError, IndexError)):
        return ServiceError(f"malformed answer from {host} ({kind})", cause=ANSWER)
    message = str(exc).splitlines()[0][:160] if str(exc) else kind
    return ServiceError(f"{kind}: {message}")


class LineBatched(ServiceEngine):
    """deep-translator services: one text per line in one request, the answer's lines one per text
    (an empty line is an empty answer; a line too few or too many does not line up, see ``_call``)."""

    def request_chars(self, batch: list[str]) -> int:
        return len("\n".join(batch))

    def _request(self, texts: list[str], source: str, target: str) -> list[str]:
        answer = self._translator(source, target).translate("\n".join(texts)) or ""
        return [line.strip() for line in answer.strip("\n").split("\n")] if len(texts) > 1 else [answer]

    def _translator(self, source: str, target: str):
        raise NotImplementedError


class GoogleEngine(LineBatched):
    """Google Translate's free web endpoint (no key); 5,000 characters per request."""

    name = "google"
    json_answers = False  # its /m endpoint answers with a web page
    defaults = Settings(url="https://translate.google.com/m", concurrency=2, rate=2.0, batch_chars=4500,
                        batch_items=100)

    def _translator(self, source, target):
        from deep_translator import GoogleTranslator

        translator = GoogleTranslator(source=source, target=target)
        translator._base_url = self.settings.url
        return translator

    def _code(self, lang, is_source):
        from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES

        mapped = self.settings.languages.get(lookup(self.settings.languages, lang))
        if mapped:
            return mapped
        return lang if lang in GOOGLE_LANGUAGES_TO_CODES.values() else lang.split("-")[0].lower()


class MyMemoryEngine(LineBatched):
    """MyMemory's free API (no key; an ``email`` raises the daily quota); 500 characters per request."""

    name = "mymemory"
    extra_keys = ("email",)
    defaults = Settings(url="https://api.mymemory.translated.net/get", concurrency=1, rate=1.0, batch_chars=450,
                        batch_items=20)

    def _translator(self, source, target):
        from deep_translator import MyMemoryTranslator

        translator = MyMemoryTranslator(source=source, target=target, email=self.settings.extra.get("email"))
        translator._base_url = self.settings.url
        return translator

    def _code(self, lang, is_source):
        from deep_translator.constants import MY_MEMORY_LANGUAGES_TO_CODES

        mapped = self.settings.languages.get(lookup(self.settings.languages, lang))
        if mapped:
            return mapped
        codes = MY_MEMORY_LANGUAGES_TO_CODES.values()
        primary = lang.split("-")[0].lower()
        return next((c for c in codes if c.lower() == lang.lower()), None) \
            or next((c for c in codes if c.split("-")[0].lower() == primary), primary)


class LibreEngine(LineBatched):
    """LibreTranslate: the public instance (``LIBRE_API_KEY``) or a self-hosted one (``url``, key optional)."""

    name = "libre"
    key_variable = "LIBRE_API_KEY"
    defaults = Settings(url="https://libretranslate.com/", concurrency=4, rate=10.0, batch_chars=2000,
                        batch_items=50)

    def _translator(self, source, target):
        from deep_translator import LibreTranslator
        from deep_translator.exceptions import AuthorizationException, TranslationNotFound

        session, host = self.session, self.host
        class InBody(LibreTranslator):
            """Sends the text and the key in a JSON body, as LibreTranslate's /translate takes them: deep-translator
            put both into the URL's query string (``requests.post(url, params=…)``), so the article's text and
            ``LIBRE_API_KEY`` stood in the access logs of the server and of every proxy on the way, and a batch's
            URL grew past what web servers accept (nginx answers 414)."""

            def translate(self, text, **kwargs):
                if self._same_source_target() or not text:
                    return text
                payload = {"q": text, "source": self._source, "target": self._target, "format": "text"}
                if self.api_key:
                    payload["api_key"] = self.api_key
                response = session.post(self._base_url + "translate", json=payload)
                if response.status_code == 403:
                    raise AuthorizationException(self.api_key)
                if not 200 <= response.status_code < 300:
                    raise _libre_error(response, self._source, self._target, host)
                answer = response.json()
                if not answer:
                    raise TranslationNotFound(text)
                return answer["translatedText"]

        url = self.settings.url if self.settings.url.endswith("/") else self.settings.url + "/"
        translator = InBody(source=source, target=target, api_key=self.api_key or "-", custom_url=url)
        # deep-translator demands a key even where none is needed; "" (not None) lets its refusal name it
        translator.api_key = self.api_key or ""
        return translator


def _libre_error(response, source: str, target: str, host: str) -> ServiceError:
    """LibreTranslate's refusal as it words it (its JSON ``{"error": "pl is not supported"}``), not as a status
    code: one of a language it does not offer (``UNSUPPORTED``: running again will not help) says so."""
    try:
        said = response.json().get("error")
    except (ValueError, AttributeError):
        said = None
    said = said if isinstance(said, str) and said.strip() else ""
    status = f"HTTP {response.status_code}" + (f": {' '.join(said.split())[:200]!r}" if said else "")
    if "not supported" in said.lower():
        return ServiceError(f"{host} does not translate {source} into {target} (it answered {status}): not asked "
                            f"again this run", cause=UNSUPPORTED)
    return ServiceError(f"{host} answered {status}")


class MicrosoftEngine(LineBatched):
    """Azure AI Translator (``MICROSOFT_API_KEY``; ``region`` for regional resources)."""

    name = "microsoft"
    key_variable = "MICROSOFT_API_KEY"
    key_required = True
    extra_keys = ("region",)
    defaults = Settings(url="https://api.cognitive.microsofttranslator.com/translate?api-version=3.0",
                        concurrency=4, rate=10.0, batch_chars=9000, batch_items=100)

    def _translator(self, source, target):
        from deep_translator import MicrosoftTranslator

        class Offline(MicrosoftTranslator):
            def _get_supported_languages(self):  # upstream asks the internet for this in __init__
                return {source: source, target: target}

        translator = Offline(source=source, target=target, api_key=self.api_key,
                             region=self.settings.extra.get("region"))
        translator._base_url = self.settings.url
        return translator


class DeepLEngine(ServiceEngine):
    """DeepL through the official client: a list of texts per request, XML tag handling, formality
    (one for all languages or a table by language), a glossary, and ``url`` for the server (default:
    chosen by the key, free or pro).

    Each sentence is a text of its own, with the article's title and its whole paragraph as DeepL's
    ``context`` parameter (https://developers.deepl.com/api-reference/translate: used to translate,
    not returned, not billed), so no answer has to be split back into sentences. The sentences of one
    paragraph share a request, as a request carries one context.

    Without a ``glossary`` id in the settings, the project's ``translations/glossary.csv`` goes to DeepL
    as a glossary of its own per language pair (created once, found again by a name that carries the
    terms' hash), so drafts already use the preferred terms that ``verlag check`` asks for.
    """

    name = "deepl"
    xml = True
    key_variable = "DEEPL_API_KEY"
    key_required = True
    extra_keys = ("formality", "glossary")
    per_language = ("formality",)
    defaults = Settings(url=None, concurrency=4, rate=10.0, batch_chars=30000, batch_items=50)

    def __init__(self, config: Config, settings: Settings | None = None):
        super().__init__(config, settings)
        from .glossary import load_glossary

        self.terms = None if "glossary" in self.settings.extra else load_glossary(config.translations_dir, config.root)
        self.languages = config.languages
        self._glossaries: dict[tuple[str, str], str | None] = {}
        self._glossary_lock = threading.Lock()  # batches run in threads: make the glossary once, not per thread

    @property
    def cache_name(self) -> str:
        name = super().cache_name
        return f"{name}[terms={self.terms.digest[:12]}]" if self.terms is not None and self.terms.terms else name

    @property
    def host(self) -> str:
        """The url's host, or the one the official client picks by the key (free keys end in ``:fx``)."""
        if self.settings.url:
            return super().host
        return "api-free.deepl.com" if (self.api_key or "").endswith(":fx") else "api.deepl.com"

    def units(self, requests: Sequence[Request]) -> list[Unit]:
        """One unit per sentence, its context the title and the paragraph it stands in."""
        units = []
        for i, request in enumerate(requests):
            unit = self._mask(requests, [i])
            if request.around:
                unit.context = "\n\n".join(t for t in (request.around.title, request.around.block)
                                           if t and t != request.text)
            units.append(unit)
        return units

    def _code(self, lang, is_source):
        mapped = self.settings.languages.get(lookup(self.settings.languages, lang))
        if mapped:
            return mapped
        code = lang.upper()
        if is_source:
            return code.split("-")[0]
        return {"EN": "EN-GB", "PT": "PT-PT"}.get(code, code)

    def _language(self, target: str) -> str | None:
        """The project language DeepL's target code stands for: the one sent as that code (PT-PT: pt-PT, never the
        pt-BR listed before it), else the first of the same language."""
        return next((code for code in self.languages if self._code(code, False) == target), None) or \
            next((code for code in self.languages
                  if self._code(code, False).split("-")[0] == target.split("-")[0]), None)

    def _project_glossary(self, translator, source: str, target: str) -> str | None:
        """The id of the DeepL glossary holding the project's terms for this pair; made on first use."""
        pair = (source, target.split("-")[0])
        with self._glossary_lock:
            if pair not in self._glossaries:
                lang = self._language(target)
                entries = self.terms.for_language(lang) if lang else {}
                glossary_id = None
                if entries:
                    name = f"verlag {pair[0]}-{pair[1]} {self.terms.digest[:12]}"
                    found = [g for g in translator.list_glossaries() if g.name == name and g.ready
                             and (g.source_lang.upper(), g.target_lang.upper()) == pair]
                    info = found[0] if found else translator.create_glossary(name, pair[0], pair[1], entries)
                    glossary_id = info.glossary_id
                self._glossaries[pair] = glossary_id
            return self._glossaries[pair]

    def _request(self, texts, source, target):
        import deepl

        translator = deepl.Translator(self.api_key, server_url=self.settings.url, send_platform_info=False)
        translator._client._session = self.session
        options = {k: v for k, v in self.settings.extra.items() if k in ("formality", "glossary")}
        if isinstance(options.get("formality"), dict):
            formality = options.pop("formality")
            formality = formality.get(lookup(formality, language)) if (language := self._language(target)) else None
            if formality:
                options["formality"] = formality
        if self.terms is not None and self.terms.terms:
            glossary = self._project_glossary(translator, source, target)
            if glossary:
                options["glossary"] = glossary
        if _context(texts[0]):
            options["context"] = _context(texts[0])
        results = translator.translate_text([_text(t) for t in texts], source_lang=source,
                                            target_lang=target, tag_handling="xml", preserve_formatting=True,
                                            **options)
        return [r.text for r in results]


SERVICES: dict[str, Callable[[Config], ServiceEngine]] = {
    engine.name: engine for engine in (GoogleEngine, MyMemoryEngine, LibreEngine, MicrosoftEngine, DeepLEngine)
}


def make_service(name: str, config: Config) -> ServiceEngine:
    if name == "llm":  # its client (openai) loads only when the engine is used
        from .llm import LLMEngine

        return LLMEngine(config)
    return SERVICES[name](config)

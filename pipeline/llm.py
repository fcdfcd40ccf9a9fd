"""The ``llm`` engine: a language model behind an OpenAI-compatible Chat Completions API.

One request per block (paragraph, heading, list item): its sentences as a
numbered list, markup masked as for every service (``protect``), the
article's title and the blocks before and after it as context, the glossary
terms that occur in the block and the register chosen for the target
language in the instructions. The model answers with one JSON object
(``response_format`` ``json_object``)::

    {"translations": [{"n": 1, "text": "…"}, {"n": 2, "text": "…"}]}

so every sentence maps back by its number. The same engine serves OpenAI,
Mistral and other hosted services and local servers (Ollama, llama.cpp,
vLLM, LM Studio) through the official ``openai`` client; its HTTP goes
through the engine's ``polite.PoliteSession`` (timeout, concurrency, rate
limit, retries, ``Retry-After``) like every other service's.

Every answer is validated (``validate``): finish reason, code fence, JSON
shape, count and numbering, every placeholder back once and pairs in order,
no empty translation, a length within ``RATIO`` of the German. An invalid
answer is asked once more with the complaint; a second invalid answer leaves
the block's sentences to the next engine and is never cached. The cache key
(``cache_name``) holds the model, ``PROMPT_VERSION``, the glossary's digest
and the register, so changing any of them asks again. Each block's key
(``Unit.key``) holds its context too, the title and the blocks before and
after it, as DeepL's key holds its ``context``: the model reads them and its
answer may follow them (a pronoun, a term chosen there), so editing a
neighbouring block asks again instead of reusing an answer given beside
other text.

Settings (``[engines.llm]``): ``url`` (the API's base URL), ``model``,
``key_env`` (the environment variable with the key; default
``OPENAI_API_KEY``, needed only for the default URL), ``register`` (a table
by language: ``{ fr = "vous" }``) and the common limits of ``services``.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Sequence

import httpx2 as httpx
import openai
from babel import Locale

from .config import Config, lookup
from .engines import Request, Surroundings
from .glossary import Glossary, load_glossary
from .mtcache import normalise
from . import polite
from .polite import RequestsShim, ServiceError
from .protect import TAG, Masked, markup_difference, mask, restore
from .services import TOKEN_CHARS, InvalidAnswer, Outcome, ServiceEngine, Settings, Unit, _flat, _result, _text
from .urlparts import NO_ADDRESS, split_url

PROMPT_VERSION = 1  # raise when the instructions change: cached answers to the old prompt are not reused
OPENAI_URL = "https://api.openai.com/v1"
RATIO = (0.4, 2.5)  # lowest and highest length of a translation relative to its German (summary, padding)
RATIO_FROM = 40  # characters of prose from which a sentence's length ratio is checked
_FENCE = re.compile(r"^\s*```")
_REGISTERS = {"formal": "Address the reader formally.", "informal": "Address the reader informally."}


@dataclass
class Block(Unit):
    """A block's sentences sent together; ``sentences`` are masked one by one, numbered on."""

    sentences: tuple[Masked, ...] = ()


def validate(content: str | None, finish_reason: str | None, sentences: Sequence[Masked]) -> tuple[list[str], str]:
    """Check a model's answer to a numbered list of masked sentences.

    Returns (translations in order, "") for a valid answer, else ([], one sentence saying what is wrong,
    written to the model, which gets it with the next try). Catches the known failure modes of models
    translating Markdown: an answer cut off (``finish_reason`` "length"), wrapped in a code fence, not
    JSON, sentences merged, split or skipped, a placeholder dropped, repeated or a pair crossed (bold
    around a link broken), a summary instead of a translation.
    """
    if finish_reason == "length":
        return [], "the answer was cut off (finish reason 'length'); answer with the JSON object only, nothing else"
    if content is None or not content.strip():
        return [], "the answer was empty"
    if _FENCE.match(content):
        return [], "the answer was wrapped in a code fence; answer with the bare JSON object"
    try:
        data = json.loads(content)
    except ValueError as exc:
        return [], f"the answer was not valid JSON ({exc})"
    except RecursionError:  # 100,000 "[": deeper than the decoder recurses
        return [], "the answer was not valid JSON (nested too deep)"
    items = data.get("translations") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("text"), str) for i in items):
        return [], 'the answer did not have the shape {"translations": [{"n": 1, "text": "…"}, …]}'
    if len(items) != len(sentences):
        return [], (f"expected {len(sentences)} translations, one per numbered segment, got {len(items)}; "
                    "never merge, split or skip a segment")
    numbers = [i.get("n") for i in items]
    if numbers != list(range(1, len(sentences) + 1)):
        return [], f"the translations were numbered {numbers}, expected 1 to {len(sentences)} in order"
    texts = [i["text"].strip() for i in items]
    for n, (text, masked) in enumerate(zip(texts, sentences), 1):
        if not text:
            return [], f"segment {n} has an empty translation"
        prose, german = len(TAG.sub("", text)), len(TAG.sub("", masked.text))
        if german >= RATIO_FROM and not RATIO[0] <= prose / german <= RATIO[1]:
            return [], (f"segment {n} is {prose / german:.1f} times as long as the German; translate it whole, "
                        "do not summarise or add")
        want, got = _tags(masked.text), _tags(text)
        if sorted(want) != sorted(got):
            lost = [t for t in dict.fromkeys(want) if got.count(t) < want.count(t)]
            extra = [t for t in dict.fromkeys(got) if got.count(t) > want.count(t)]
            what = "; ".join(filter(None, (f"lost {' '.join(lost)}" if lost else "",
                                           f"unexpected {' '.join(extra)}" if extra else "")))
            return [], f"segment {n}: {what}; keep every placeholder tag of the segment exactly once"
        problems = restore(text, masked)[1]
        left = [problem for problem in problems if problem.startswith("placeholder ")]
        if left:  # a tag escaped or broken beside the kept one (``protect._LEFTOVER``)
            return [], f"segment {n}: {left[0]}; write each placeholder tag exactly as given, once, and no other"
        if problems:
            return [], (f"segment {n}: the placeholder pairs are out of order ({problems[0]}); "
                        "keep <gN>…</gN> around the words they enclose")
    return texts, ""


def _tags(text: str) -> list[str]:
    return [f"<{m[0]}{m[1].lower()}{m[2]}{m[3]}>" for m in TAG.findall(text)]


class _PoliteTransport(httpx.BaseTransport):
    """httpx transport for the ``openai`` client that sends through the engine's polite session (requests),
    so the model's API gets the same timeout, concurrency bound, rate limit and retries as every service."""

    def __init__(self, session):
        self.session = session

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        response = self.session.request(request.method, str(request.url), headers=headers, data=request.read())
        kept = {k: v for k, v in response.headers.items()
                if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")}
        return httpx.Response(response.status_code, headers=kept, content=response.content, request=request)


class LLMEngine(ServiceEngine):
    """A language model through an OpenAI-compatible Chat Completions API (see the module docstring)."""

    name = "llm"
    extra_keys = ("model", "key_env", "register")
    key_variable = "OPENAI_API_KEY"  # unless ``key_env`` names another
    per_language = ("register",)
    defaults = Settings(url=OPENAI_URL, timeout=120.0, concurrency=2, rate=2.0, retries=2, batch_chars=6000,
                        batch_items=1)

    def __init__(self, config: Config, settings: Settings | None = None):
        super().__init__(config, settings)
        self.model = self.settings.extra.get("model")
        if not self.model or not isinstance(self.model, str):
            raise config.error("model", '[engines.llm] is missing: the model to ask, e.g. model = "gpt-4.1-mini" '
                                        'or Ollama\'s "qwen2.5:7b"', table="engines.llm")
        register = self.settings.extra.get("register", {})
        self.register = register if isinstance(register, dict) else dict.fromkeys(config.languages, register)
        self.terms: Glossary = load_glossary(config.translations_dir, config.root)
        self.key_variable = self.settings.extra.get("key_env", self.key_variable)
        self.key_required = self.settings.url.rstrip("/") == OPENAI_URL
        self.pair = (config.source_language, config.languages[0])  # of the current ``stream`` or ``plan``
        self.prompts: dict[str, tuple[Block, list[dict]]] = {}  # request text -> its block and messages
        self._client = threading.local()

    @property
    def cache_name(self) -> str:
        parts = [f"model={self.model}", f"prompt={PROMPT_VERSION}", f"register={_flat(self.register)}",
                 f"terms={self.terms.digest[:12]}"]
        return f"{self.name}({','.join(parts)})"

    @property
    def origin(self) -> str:
        return f"mt: llm {self.model}"

    # -- units: one block, its messages ---------------------------------

    def units(self, requests: Sequence[Request]) -> list[Unit]:
        """One unit per block (a block longer than ``batch_chars``: one per sentence); their messages, for the
        language of this ``stream`` or ``plan``, are kept in ``prompts`` by request text for the worker threads."""
        blocks = super().units(requests)
        self.prompts = {}
        for block in blocks:
            around = requests[block.indices[0]].around
            surroundings = _surroundings(around)
            block.context = json.dumps(surroundings, ensure_ascii=False) if around else ""
            self.prompts.setdefault(normalise(block.key),
                                    (block, self.messages(requests, block, surroundings, *self.pair)))
        return blocks

    def _mask(self, requests: Sequence[Request], group: list[int], alone: bool = False) -> Block:
        """The sentences of ``group`` masked one by one, numbered on; the unit's text is them as a JSON list."""
        sentences: list[Masked] = []
        first = 1
        for i in group:
            sentences.append(mask(requests[i].text, requests[i].labels, first=first))
            first = sentences[-1].next_id
        joined = Masked(json.dumps(_numbered(sentences), ensure_ascii=False), {}, first)
        return Block(list(group), joined, alone, sentences=tuple(sentences))

    def messages(self, requests: Sequence[Request], unit: Block, surroundings: dict[str, str], source: str,
                 target: str) -> list[dict]:
        """The Chat Completions messages for one block: instructions (system), the block with its
        ``surroundings`` (``_surroundings``) as JSON (user)."""
        german = " ".join(requests[i].text for i in unit.indices)
        payload = {**surroundings, "segments": _numbered(unit.sentences)}
        return [{"role": "system", "content": self.instructions(german, source, target)},
                {"role": "user", "content": json.dumps(payload, ensure_ascii=False)}]

    def instructions(self, german: str, source: str, target: str) -> str:
        """The system prompt: the task, the rules the validator checks, register and glossary terms."""
        lines = [
            f"You translate a health practitioner's blog article, written in Markdown, from {_language(source)} "
            f"({source}) into {_language(target)} ({target}). The user sends one block of the article as JSON: "
            "its title, the blocks before and after it (context only, do not translate them) and the numbered "
            "segments to translate.",
            "Translate every segment completely and on its own: exactly one translation per number, never merge, "
            "split, skip or summarise segments.",
            "Keep every placeholder tag exactly once: <gN>…</gN> around the words they enclose, <xN/> where it "
            "stands. They stand for formatting, links and code; add no Markdown or HTML of your own.",
            'Answer with one JSON object and nothing else: {"translations": [{"n": 1, "text": "…"}, …]}.',
        ]
        register = self.register.get(lookup(self.register, target))
        if register:
            lines.append(_REGISTERS.get(register.lower(), f'Address the reader as "{register}" throughout.'))
        terms = [t for t in self.terms.find(german) if t.target(target)]
        if terms:
            lines.append("Use these terms:")
            lines += [f"- {t.source} -> {t.target(target)}" + (" (do not translate)" if t.dnt else "")
                      + (f" (not: {', '.join(t.forbidden[target])})" if t.forbidden.get(target) else "")
                      for t in terms]
        return "\n".join(lines)

    def stream(self, requests, source, target, cache=None, budget=None):
        self.pair = (source, target)
        return super().stream(requests, source, target, cache, budget)

    def plan(self, requests, source, target, cache, planned=None):
        self.pair = (source, target)
        return super().plan(requests, source, target, cache, planned)

    def request_chars(self, batch: list[str]) -> int:
        """Characters of the whole prompt (instructions, context and segments): what leaves."""
        return sum(sum(len(m["content"]) for m in self.prompts[t][1]) if t in self.prompts else len(t) for t in batch)

    def answered_chars(self, texts: list[str]) -> int:
        """The segments of the blocks answered, without instructions, context or JSON (``request_chars``)."""
        return sum(sum(len(s.text) for s in self.prompts[t][0].sentences) if t in self.prompts else len(_text(t))
                   for t in texts)

    def tokens(self, text: str) -> int:
        """Prompt tokens plus about as many answer tokens as the segments take."""
        return -(-(self.request_chars([text]) + len(_text(text))) // TOKEN_CHARS)  # _text: the key without context

    # -- one exchange ----------------------------------------------------

    def _call(self, batch: list[str], source: str, target: str, stop: threading.Event) -> list[str]:
        """One block (worker thread): its translations as a JSON list, asked at most twice.

        Raises ``InvalidAnswer`` when the second answer fails validation too, ``ServiceError`` when the
        service fails.
        """
        RequestsShim.local.stop = stop
        (text,) = batch
        unit, messages = self.prompts[text]
        content, finish = self._complete(messages)
        texts, complaint = validate(content, finish, unit.sentences)
        if complaint:
            retry = [*messages, {"role": "assistant", "content": content or ""},
                     {"role": "user", "content": f"That answer cannot be used: {complaint}. Answer again."}]
            content, finish = self._complete(retry)
            texts, second = validate(content, finish, unit.sentences)
            if second:
                raise InvalidAnswer(f"invalid answer, twice ({second})")
        return [json.dumps(texts, ensure_ascii=False)]

    def _complete(self, messages: list[dict]) -> tuple[str | None, str | None]:
        """One Chat Completions request: (the answer's content, its finish reason); raises ``ServiceError``."""
        try:
            response = self._openai().chat.completions.create(
                model=self.model, messages=messages, temperature=0, response_format={"type": "json_object"})
            choice = response.choices[0]
            content, finish = choice.message.content, choice.finish_reason
        except (openai.AuthenticationError, openai.PermissionDeniedError):
            raise ServiceError(f"the service refused the API key (check {self.key_variable})", fatal=True,
                               cause=polite.KEY) from None
        except openai.NotFoundError:
            raise ServiceError(f"the service does not know the model {self.model!r} (or the url "
                               f"{_host(self.settings.url)} is not an OpenAI-compatible API)", fatal=True) from None
        except openai.APIStatusError as exc:
            raise ServiceError(f"HTTP {exc.status_code} from {_host(self.settings.url)} "
                               f"({str(exc.message).splitlines()[0][:120]})", fatal=exc.status_code < 500,
                               cause=polite.SERVER if exc.status_code >= 500 else polite.OTHER) from None
        except ServiceError:  # from the polite session, through the client
            raise
        except Exception:  # noqa: BLE001 - an answer that is no Chat Completion, in whatever way
            raise ServiceError(f"{_host(self.settings.url)} did not answer as a Chat Completions API does (is url "
                               "the API's base address, e.g. http://localhost:11434/v1 for Ollama?)", cause=polite.ANSWER) from None
        return content, finish

    def _openai(self):
        """One client per worker thread (its HTTP runs through the shared polite session)."""
        client = getattr(self._client, "client", None)
        if client is None:
            client = self._client.client = openai.OpenAI(
                base_url=self.settings.url, api_key=self.api_key or "no-key", max_retries=0,
                timeout=self.settings.timeout, http_client=httpx.Client(transport=_PoliteTransport(self.session)))
        return client

    # -- mapping back ----------------------------------------------------

    def _finish(self, unit: Block, answer: str, requests: Sequence[Request], target: str,
                again: list[Unit]) -> list[Outcome]:
        """Put each sentence's markup back (validated already; verified once more as Markdown)."""
        texts = json.loads(answer)
        results = []
        for i, text, masked in zip(unit.indices, texts, unit.sentences):
            restored, problems = restore(text, masked)
            problems = problems or markup_difference(requests[i].text, restored, requests[i].labels)
            results.append(_result(restored, self.origin, problems))
        return [Outcome(list(unit.indices), results)]


def _numbered(sentences: Sequence[Masked]) -> list[dict]:
    """The masked sentences of a block as the model sees them: ``{"n": 1, "text": …}``, numbered from 1."""
    return [{"n": n, "text": m.text} for n, m in enumerate(sentences, 1)]


def _surroundings(around: Surroundings | None) -> dict[str, str]:
    """The context a block is sent with: the article's title and the German blocks before and after it."""
    return {"title": around.title if around else "", "before": around.before if around else "",
            "after": around.after if around else ""}


def _language(code: str) -> str:
    """The language's English name (CLDR, through Babel), e.g. 'French' for 'fr'."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en")
    except (ValueError, TypeError):
        return code


def _host(url: str) -> str:
    return (split_url(url) or NO_ADDRESS).netloc

"""The ``llm`` engine through the official openai client against a loopback Chat Completions server:
validation of every answer, retries, provenance, the cache, register and glossary in the prompt, offline."""

from __future__ import annotations

import json
import socket
import sqlite3

import polib
import pytest

from pipeline.catalog import provenance
from pipeline.llm import validate
from pipeline.protect import mask
from pipeline.services import CONTEXT_END

from conftest import article, msgfmt_check
from mtserver import FakeService, fake_translate

MODEL = "test-model"
# An article in "du", as the practitioner writes: blocks of one and two sentences, markup in the second.
DU = article("Leber", """
    Die **Leber** arbeitet nachts. Du brauchst dann Ruhe und `Zeit`.

    Siehe [die Liste](https://example.org/liste) für **Tee** am Abend, wenn du müde bist. Trink ihn langsam.

    - Tee trinken
    """)
LIST_BLOCK = "Siehe [die Liste](https://example.org/liste) für **Tee** am Abend, wenn du müde bist."
EXPECTED = {
    "Leber": "LEBER",
    "Die **Leber** arbeitet nachts.": "DIE **LEBER** ARBEITET NACHTS.",
    "Du brauchst dann Ruhe und `Zeit`.": "DU BRAUCHST DANN RUHE UND `Zeit`.",
    LIST_BLOCK: "SIEHE [DIE LISTE](https://example.org/liste) FÜR **TEE** AM ABEND, WENN DU MÜDE BIST.",
    "Trink ihn langsam.": "TRINK IHN LANGSAM.",
    "Tee trinken": "TEE TRINKEN",
}
BLOCKS = 4  # requests for one language: title, two paragraphs, one list item


@pytest.fixture(scope="module")
def server():
    with FakeService() as svc:
        yield svc


def settings(url: str, **more) -> str:
    lines = [f'url = "{url}"', f'model = "{MODEL}"', "backoff = 0.02", "timeout = 1", "retries = 2",
             "concurrency = 2", "rate = 100", *(f"{k} = {v}" for k, v in more.items())]
    return "\n".join(lines) + "\n"


@pytest.fixture
def llm(server, project, monkeypatch):
    """A project whose chain is llm (the loopback server, as a local model: no key) then copy."""
    server.reset()
    server.hang = 1.5
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    project.write("verlag.toml", 'name = "Test"\nlanguages = ["en", "fr"]\n\n[pretranslate]\n'
                  f'engines = ["llm", "copy"]\n\n[engines.llm]\n{settings(server.url + "/v1")}')
    project.write("source_de/leber.md", DU)
    project.run("extract")
    project.server = server
    return project


def entries(project, lang="en") -> dict[str, polib.POEntry]:
    po = polib.pofile(str(project.root / f"translations/{lang}/leber.po"))
    return {e.msgid: e for e in po if not e.obsolete and e.msgid in EXPECTED}


def header(logged: dict, name: str) -> str | None:
    return next((v for k, v in logged["headers"].items() if k.lower() == name.lower()), None)


def cached(project) -> list[tuple[str, str]]:
    """(the block's segments as sent, the answer) for each cached llm answer; its context left out of the key."""
    with sqlite3.connect(project.root / ".verlag/mt-cache.sqlite") as db:
        rows = db.execute("SELECT text, result FROM translations WHERE engine LIKE 'llm(%'")
        return [(text.rpartition(CONTEXT_END)[2], result) for text, result in rows]


def assert_cache_holds_only_good_answers(project) -> None:
    """Every cached answer is the right translation of every segment it stands for."""
    for text, result in cached(project):
        segments = [s["text"] for s in json.loads(text)]
        assert json.loads(result) == [fake_translate(s, " ".join(segments[:n])) for n, s in enumerate(segments)]


def test_a_correct_answer_is_a_draft_per_sentence_with_provenance_and_a_rerun_asks_nothing(llm):
    result = llm.run("pretranslate", "--lang", "en")
    en = entries(llm)
    assert {k: e.msgstr for k, e in en.items()} == EXPECTED
    assert all(e.fuzzy and provenance(e) == [f"mt: llm {MODEL}"] for e in en.values())
    assert f"# mt: llm {MODEL}\n" in llm.read("translations/en/leber.po")
    msgfmt_check(llm.root / "translations/en/leber.po")
    assert len(llm.server.log) == BLOCKS and "en: 6 entries drafted by llm" in result.output
    two = next(e for e in llm.server.log if len(e["texts"]) == 2 and "Leber" in e["texts"][0])
    sent = json.loads(two["body"]["messages"][1]["content"])
    assert sent["segments"] == [{"n": 1, "text": "Die <g1>Leber</g1> arbeitet nachts."},
                                {"n": 2, "text": "Du brauchst dann Ruhe und <x2/>."}]
    assert sent["title"] == "Leber" and sent["before"] == "" and sent["after"].startswith("Siehe [die Liste]")
    assert two["body"]["model"] == MODEL and two["body"]["response_format"] == {"type": "json_object"}
    assert header(two, "Authorization") == "Bearer no-key"  # a local server needs none; the client sends a stand-in
    llm.run("pretranslate", "--lang", "en", "--redo-drafts")
    assert len(llm.server.log) == BLOCKS  # every answer came from the cache
    assert_cache_holds_only_good_answers(llm)


@pytest.mark.parametrize("fault, complaint", [
    ("fence", "wrapped in a code fence"),
    ("drop", "lost <"),
    ("merge", "expected 2 translations"),
    ("summary", "times as long as the German"),
    ("length", "cut off"),
    ("malformed", "not valid JSON"),
    ("deep", "not valid JSON"),
])
def test_an_invalid_answer_is_asked_again_with_the_complaint_and_the_second_answer_drafts(llm, fault, complaint):
    llm.server.rules = {"Liste": [fault]}
    llm.run("pretranslate", "--lang", "en")
    assert {k: e.msgstr for k, e in entries(llm).items()} == EXPECTED
    asked = [e for e in llm.server.log if "Liste" in e["texts"][0]]
    assert [e["fault"] for e in asked] == [fault, None]
    retry = asked[1]["body"]["messages"]
    assert [m["role"] for m in retry] == ["system", "user", "assistant", "user"]
    assert complaint in retry[3]["content"]
    assert provenance(entries(llm)[LIST_BLOCK]) == [f"mt: llm {MODEL}"]
    assert_cache_holds_only_good_answers(llm)
    before = len(llm.server.log)
    llm.run("pretranslate", "--lang", "en")
    assert len(llm.server.log) == before


@pytest.mark.parametrize("fault", ["fence", "drop", "merge", "summary", "length", "malformed"])
def test_an_answer_invalid_twice_leaves_the_block_to_the_next_engine_and_is_never_cached(llm, fault):
    llm.server.rules = {"Liste": [fault, fault]}
    result = llm.run("pretranslate", "--lang", "en")
    en = entries(llm)
    for german in (LIST_BLOCK, "Trink ihn langsam."):
        assert en[german].msgstr == german and provenance(en[german]) == ["mt: copy"]
    assert en["Tee trinken"].msgstr == "TEE TRINKEN"  # the other blocks are not held back
    assert "warning: llm: 2 segments not translated: invalid answer, twice (" in result.output
    assert "Traceback" not in result.output
    assert not any("Liste" in text for text, _ in cached(llm))
    assert_cache_holds_only_good_answers(llm)
    before = len(llm.server.log)
    llm.run("pretranslate", "--lang", "en")
    assert len(llm.server.log) == before  # copy filled them: nothing is empty, nothing is sent
    llm.run("pretranslate", "--lang", "en", "--redo-drafts")  # copy's drafts go to the model again
    asked = [e for e in llm.server.log[before:]]
    assert len(asked) == 1 and "Liste" in asked[0]["texts"][0]  # only the block never cached
    assert entries(llm)[LIST_BLOCK].msgstr == EXPECTED[LIST_BLOCK]


@pytest.mark.parametrize("fault", ["429", "500", "timeout"])
def test_a_failing_request_is_retried_politely_and_then_drafts(llm, fault):
    llm.server.rules = {"Liste": [fault]}
    llm.server.retry_after = "0"
    llm.run("pretranslate", "--lang", "en")
    assert {k: e.msgstr for k, e in entries(llm).items()} == EXPECTED
    assert [e["fault"] for e in llm.server.log if "Liste" in e["texts"][0]] == [fault, None]
    assert provenance(entries(llm)[LIST_BLOCK]) == [f"mt: llm {MODEL}"]
    assert_cache_holds_only_good_answers(llm)
    before = len(llm.server.log)
    llm.run("pretranslate", "--lang", "en", "--redo-drafts")
    assert len(llm.server.log) == before  # every block from the cache


@pytest.mark.parametrize("fault, reason", [("500", "HTTP 500 from 127.0.0.1:"),
                                           ("garbage", "did not answer as a Chat Completions API does")])
def test_a_service_failing_every_try_leaves_its_segments_to_the_next_engine(llm, fault, reason):
    llm.server.rules = {"Liste": fault}
    result = llm.run("pretranslate", "--lang", "en")
    assert entries(llm)[LIST_BLOCK].msgstr == LIST_BLOCK  # copy
    assert entries(llm)["Tee trinken"].msgstr == "TEE TRINKEN"
    (line,) = [x for x in result.output.splitlines() if x.startswith("warning: llm: 2 segments not translated: ")]
    assert reason in line
    assert "Traceback" not in result.output
    assert not any("Liste" in text for text, _ in cached(llm))


def test_no_server_is_one_line_and_the_next_engine_drafts(llm):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    llm.write("verlag.toml", llm.read("verlag.toml").replace(llm.server.url, f"http://127.0.0.1:{port}"))
    result = llm.run("pretranslate", "--lang", "en")
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: llm:")]
    assert len(warnings) == 1 and "refused the connection (is the service running?)" in warnings[0]
    assert "skipped for this run (6 segments left for the next engine or run)" in warnings[0]
    assert "Traceback" not in result.output and "en: 6 entries drafted by copy" in result.output


def test_the_register_per_language_and_the_glossary_terms_of_the_block_are_in_the_prompt(llm):
    llm.write("verlag.toml", llm.read("verlag.toml") + 'register.fr = "vous"\n')
    llm.write("translations/glossary.csv", "source,en,fr\nLeber,liver,foie\nKräutertee,herbal tea,tisane\n")
    llm.run("pretranslate")
    systems = {(json.loads(e["body"]["messages"][1]["content"])["segments"][0]["text"],
                "French" if "into French" in e["body"]["messages"][0]["content"] else "English"):
               e["body"]["messages"][0]["content"] for e in llm.server.log}
    assert 'Address the reader as "vous" throughout.' in systems[("Tee trinken", "French")]
    assert "vous" not in systems[("Tee trinken", "English")]  # English needs no decision
    assert "Use these terms:\n- Leber -> foie" in systems[("Die <g1>Leber</g1> arbeitet nachts.", "French")]
    assert "- Leber -> liver" in systems[("Die <g1>Leber</g1> arbeitet nachts.", "English")]
    assert "Kräutertee" not in systems[("Die <g1>Leber</g1> arbeitet nachts.", "English")]  # not in the block
    assert "Use these terms" not in systems[("Tee trinken", "English")]


def test_model_register_and_glossary_are_part_of_the_cache_key(llm):
    llm.run("pretranslate", "--lang", "fr")
    assert len(llm.server.log) == BLOCKS
    toml = llm.read("verlag.toml")
    for change in (toml + 'register = { fr = "tu" }\n', toml.replace(MODEL, "other-model")):
        llm.write("verlag.toml", change)
        before = len(llm.server.log)
        llm.run("pretranslate", "--lang", "fr", "--redo-drafts")
        assert len(llm.server.log) == before + BLOCKS
    llm.write("translations/glossary.csv", "source,fr\nLeber,foie\n")
    before = len(llm.server.log)
    llm.run("pretranslate", "--lang", "fr", "--redo-drafts")
    assert len(llm.server.log) == before + BLOCKS
    assert provenance(entries(llm, "fr")["Tee trinken"]) == ["mt: llm other-model"]


def test_editing_a_neighbouring_block_asks_again_for_the_blocks_beside_it(llm):
    """The title and the blocks before and after are in the prompt, so they are in the cache key too."""
    llm.run("pretranslate", "--lang", "fr")
    llm.write("source_de/leber.md", DU.replace("Trink ihn langsam.", "Trink ihn warm."))
    llm.run("extract")
    before = len(llm.server.log)
    llm.run("pretranslate", "--lang", "fr", "--redo-drafts")
    asked = [json.loads(e["body"]["messages"][1]["content"]) for e in llm.server.log[before:]]
    assert sorted(s["segments"][0]["text"] for s in asked) == [
        "Die <g1>Leber</g1> arbeitet nachts.",  # the block before the edited one: its "after" changed
        "Siehe <g1>die Liste</g1> für <g2>Tee</g2> am Abend, wenn du müde bist.",  # the edited block
        "Tee trinken"]  # the block after it: its "before" changed; the title's answer is reused
    assert {s["segments"][0]["text"]: s["after"] for s in asked}["Die <g1>Leber</g1> arbeitet nachts."] \
        .endswith("Trink ihn warm.")
    assert_cache_holds_only_good_answers(llm)
    assert len(llm.server.log) == before + 3
    llm.run("pretranslate", "--lang", "fr", "--redo-drafts")
    assert len(llm.server.log) == before + 3  # the new context's answers come from the cache


def test_a_hosted_service_gets_the_key_from_the_environment_only(llm, monkeypatch):
    llm.write("verlag.toml", llm.read("verlag.toml") + 'key_env = "MISTRAL_API_KEY"\n')
    monkeypatch.setenv("MISTRAL_API_KEY", "sk-secret-1")
    result = llm.run("pretranslate", "--lang", "en")
    assert {header(e, "Authorization") for e in llm.server.log} == {"Bearer sk-secret-1"}
    assert "sk-secret-1" not in result.output
    llm.write("verlag.toml", llm.read("verlag.toml") + 'api_key = "sk-secret-1"\n')
    result = llm.run("pretranslate", code=2)
    # the variable named (key_env's), not "the environment variable named in the README"
    assert "keys never go into verlag.toml; set the environment variable MISTRAL_API_KEY instead" in result.output


def test_the_summary_counts_the_german_that_came_back_not_the_whole_prompt(llm):
    """"llm: 5 requests, 6,147 characters translated" was the whole prompts' length (instructions, context and
    segments) for some 150 characters of German; README says only texts that came back count: the segments."""
    result = llm.run("pretranslate", "--lang", "en")
    german = sum(len("".join(s["text"] for s in json.loads(text))) for text, _ in cached(llm))
    assert 100 < german < 300
    assert f"llm: {BLOCKS} requests, {german} characters translated, 0 segments from the cache" in result.output


def test_the_openai_url_without_a_key_is_one_line_naming_the_variable(llm):
    llm.write("verlag.toml", llm.read("verlag.toml").replace(llm.server.url + "/v1", "https://api.openai.com/v1"))
    result = llm.run("pretranslate", "--lang", "en")
    assert "warning: llm: no API key: set the environment variable OPENAI_API_KEY; skipped for this run" \
        in result.output
    assert not llm.server.log


def test_a_missing_model_is_a_settings_error(llm):
    llm.write("verlag.toml", llm.read("verlag.toml").replace(f'model = "{MODEL}"\n', ""))
    result = llm.run("pretranslate", code=2)
    assert result.output.startswith("error: ") and "verlag.toml: model: [engines.llm] is missing" in result.output


def test_dry_run_shows_characters_and_tokens_and_sends_nothing(llm):
    result = llm.run("pretranslate", "--lang", "en", "--dry-run")
    assert not llm.server.log
    line = next(x for x in result.output.splitlines() if x.startswith("en: would send"))
    assert line.startswith(f"en: would send {BLOCKS} texts,") and "characters" in line and "tokens" in line
    shown = [x.removeprefix("en llm: ") for x in result.output.splitlines() if x.startswith("en llm: ")]
    assert '[{"n": 1, "text": "Tee trinken"}]' in shown  # the segments as they leave, not the context of the key
    assert len(shown) == BLOCKS and not any(CONTEXT_END in x for x in shown)
    quiet = llm.run("pretranslate", "--lang", "en", "--dry-run", "-q").output.splitlines()
    assert line in quiet and not [x for x in quiet if x.startswith("en llm: ")] and not llm.server.log
    llm.run("pretranslate", "--lang", "en")
    result = llm.run("pretranslate", "--lang", "en", "--dry-run", "--redo-drafts")
    assert "en: would send 0 texts" in result.output  # all cached


def test_the_token_estimate_is_the_prompt_and_an_answer_as_long_as_the_segments_not_their_context(llm):
    from pipeline.config import load_config
    from pipeline.engines import Request, Surroundings
    from pipeline.llm import LLMEngine
    from pipeline.services import TOKEN_CHARS

    around = Surroundings(title="Leber", block="Tee trinken", before="Vorher. " * 500, after="")
    (planned,) = LLMEngine(load_config(llm.root)).plan([Request("Tee trinken", around=around)], "de", "en", None)
    segments = json.dumps([{"n": 1, "text": "Tee trinken"}], ensure_ascii=False)
    assert planned.chars > 4000  # the context is part of the prompt ...
    assert planned.tokens == -(-(planned.chars + len(segments)) // TOKEN_CHARS)  # ... and of no answer


def test_max_chars_counts_the_whole_prompt(llm):
    result = llm.run("pretranslate", "--lang", "en", "--max-chars", "1500")
    sent = len(llm.server.log)
    assert 0 < sent < BLOCKS and "over the --max-chars cap of 1500" in result.output
    prompts = [sum(len(m["content"]) for m in e["body"]["messages"]) for e in llm.server.log]
    assert sum(prompts) <= 1500


SENTENCES = [mask("Die **Leber** arbeitet nachts und braucht viel Ruhe.", first=1),
             mask("Siehe [die Liste](https://example.org/x).", first=2)]


def answer(*texts: str) -> str:
    return json.dumps({"translations": [{"n": n, "text": t} for n, t in enumerate(texts, 1)]})


GOOD = ("The <g1>liver</g1> works at night and needs a lot of rest.", "See <g2>the list</g2>.")


@pytest.mark.parametrize("content, finish, complaint", [
    (answer(*GOOD), "length", "cut off"),
    ("```json\n" + answer(*GOOD) + "\n```", "stop", "code fence"),
    ("Here is the translation: " + answer(*GOOD), "stop", "not valid JSON"),
    (json.dumps([{"n": 1, "text": GOOD[0]}]), "stop", "shape"),
    (answer(GOOD[0] + " " + GOOD[1]), "stop", "expected 2 translations, one per numbered segment, got 1"),
    (json.dumps({"translations": [{"n": 2, "text": GOOD[1]}, {"n": 1, "text": GOOD[0]}]}), "stop", "numbered [2, 1]"),
    (answer(GOOD[0], ""), "stop", "segment 2 has an empty translation"),
    (answer("The liver works at night and needs a lot of rest.", GOOD[1]), "stop", "segment 1: lost <g1> </g1>"),
    (answer(GOOD[0], "See <g2>the list</g2> <x3/>."), "stop", "segment 2: unexpected <x3/>"),
    (answer(GOOD[0], "See </g2>the list<g2>."), "stop", "segment 2: the placeholder pairs are out of order"),
    (answer(GOOD[0], "See <g2>the list</g2> &lt;/g2&gt;."), "stop",
     "segment 2: placeholder '</g2>' left in the text; write each placeholder tag exactly as given"),
    (answer("The <g1>liver</g1>.", GOOD[1]), "stop", "segment 1 is 0.2 times as long"),
    ("", "stop", "empty"),
])
def test_validate_names_each_known_failure_of_models(content, finish, complaint):
    texts, said = validate(content, finish, SENTENCES)
    assert texts == [] and complaint in said


def test_validate_accepts_a_good_answer_with_odd_tag_spelling():
    texts, said = validate(answer("The < G1 >liver</g1> works at night and needs a lot of rest.", GOOD[1]), "stop",
                           SENTENCES)
    assert said == "" and texts[1] == GOOD[1]


def test_a_block_longer_than_batch_chars_goes_sentence_by_sentence(llm):
    llm.write("verlag.toml", llm.read("verlag.toml") + "batch_chars = 100\n")
    llm.run("pretranslate", "--lang", "en")
    assert {k: e.msgstr for k, e in entries(llm).items()} == EXPECTED
    assert sorted(len(e["texts"]) for e in llm.server.log) == [1] * (BLOCKS + 2)  # both paragraphs split


def test_register_for_a_language_the_project_does_not_have_is_a_settings_error(llm):
    llm.write("verlag.toml", llm.read("verlag.toml") + 'register = { it = "Lei" }\n')
    result = llm.run("pretranslate", code=2)
    assert "verlag.toml:" in result.output and "register: it is not one of languages" in result.output


def test_a_register_for_a_languages_fallback_serves_each_region_and_a_regions_own_wins(tmp_path):
    """``register`` is looked up as every per-language table of verlag.toml (fresh-user trial 24): ``fr`` serves
    fr-CA and fr-FR (it was refused: not one of languages), a line for fr-CA itself wins for fr-CA."""
    from pipeline.config import Config
    from pipeline.llm import LLMEngine

    table = {"url": "http://127.0.0.1:9/v1", "model": "m", "register": {"fr": "vous", "fr-CA": "tu"}}
    engine = LLMEngine(Config(root=tmp_path, languages=("fr-CA", "fr-FR"), raw={"engines": {"llm": table}}))
    assert 'Address the reader as "vous"' in engine.instructions("Tee", "de", "fr-FR")
    assert 'Address the reader as "tu"' in engine.instructions("Tee", "de", "fr-CA")


def test_an_html_page_for_an_answer_is_said_as_one_and_stops_the_engine(llm):
    """Trial 27: a captive portal's or proxy's page with status 200 in place of the JSON answer is named as what it
    is, by host and status, as for every engine that reads JSON; the engine stops, the next one drafts."""
    llm.server.faults = ["portal"] * 20
    result = llm.run("pretranslate", "--lang", "en")
    host = llm.server.url.split("//")[1]
    assert (f"warning: llm: {host} answered with an HTML page, not JSON (HTTP 200: a proxy or captive portal? or the "
            "engine's url is not the service's API); skipped for this run") in result.output, result.output
    sent = [tuple(e["texts"]) for e in llm.server.log]
    assert len(sent) == len(set(sent))  # none tried again: the requests under way when it stopped, at most
    assert entries(llm)["Tee trinken"].msgstr == "Tee trinken"  # copy

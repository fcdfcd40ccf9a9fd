"""The network engines against a real HTTP server on 127.0.0.1, through deep-translator's and deepl's own code."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from pipeline.config import Config
from pipeline.engines import Request, Surroundings
from pipeline.mtcache import MTCache
from pipeline.services import SERVICES, Budget

from conftest import WALL, interruptible
from mtserver import FakeService

PATHS = {"libre": "/", "google": "/m", "mymemory": "/get", "deepl": "/",
         "microsoft": "/microsoft?api-version=3.0"}


@pytest.fixture(scope="module")
def server():
    with FakeService() as svc:
        yield svc


@pytest.fixture
def svc(server, monkeypatch):
    server.reset()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("DEEPL_API_KEY", "test-key:fx")
    monkeypatch.setenv("MICROSOFT_API_KEY", "test-key")
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    return server


NO_PROJECT = Path(__file__).parent / "no-such-project"  # no translations/glossary.csv


def engine(svc, name: str, root: Path = NO_PROJECT, **settings):
    table = {"url": svc.url + PATHS[name], "backoff": 0.05, "timeout": 0.5, **settings}
    return SERVICES[name](Config(root=root, languages=("en", "fr"), raw={"engines": {name: table}}))


PARAGRAPH = [Request("Die **Leber** arbeitet nachts.", block="a#1"), Request("Sie braucht `Ruhe`.", block="a#1"),
             Request("Sie schläft.")]


@pytest.mark.parametrize("name", sorted(set(SERVICES) - {"deepl"}))
def test_every_service_translates_through_its_client_with_markup_and_context(svc, name):
    results = engine(svc, name).translate(PARAGRAPH, "de", "en")
    assert [r.text for r in results] == ["DIE **LEBER** ARBEITET NACHTS.", "IT BRAUCHT `Ruhe`.", "THEY SCHLÄFT."]
    assert {r.origin for r in results} == {f"mt: {name}"}
    assert len(svc.log) == 1 and svc.log[0]["shape"] == name
    sent = "\n".join(svc.log[0]["texts"])
    assert "**" not in sent and "`" not in sent and "Die <g1>Leber</g1> arbeitet nachts. Sie braucht <x2/>." in sent


def test_deepl_gets_one_text_per_sentence_with_its_paragraph_and_title_as_context(svc):
    around = Surroundings("Die Leber im Frühling", "Die **Leber** arbeitet nachts. Sie braucht `Ruhe`.")
    requests = [Request("Die **Leber** arbeitet nachts.", block="a#1", around=around),
                Request("Sie braucht `Ruhe`.", block="a#1", around=around), Request("Sie schläft.")]
    results = engine(svc, "deepl").translate(requests, "de", "en")
    assert [r.text for r in results] == ["DIE **LEBER** ARBEITET NACHTS.", "IT BRAUCHT `Ruhe`.", "THEY SCHLÄFT."]
    assert {r.origin for r in results} == {"mt: deepl"}
    paragraph, alone = svc.log
    assert paragraph["texts"] == ["Die <g1>Leber</g1> arbeitet nachts.", "Sie braucht <x1/>."]
    assert paragraph["body"]["context"] == f"Die Leber im Frühling\n\n{around.block}"
    assert paragraph["chars"] == sum(len(t) for t in paragraph["texts"])  # the context is not billed
    assert alone["texts"] == ["Sie schläft."] and "context" not in alone["body"]


def test_deepl_formality_per_language(svc, tmp_path):
    deepl = engine(svc, "deepl", formality={"fr": "more", "en": "prefer_less"})
    for lang in ("fr", "en"):
        deepl.translate([Request("Du schläfst gut.")], "de", lang)
    assert [(e["body"]["target_lang"], e["body"]["formality"]) for e in svc.log] == \
        [("FR", "more"), ("EN-GB", "prefer_less")]
    svc.log.clear()
    engine(svc, "deepl", formality={"fr": "more"}).translate([Request("Du schläfst gut.")], "de", "en")
    assert "formality" not in svc.log[0]["body"]  # a language without one gets DeepL's default


def test_deepl_reads_its_per_language_tables_as_bcp_47_lookup_and_each_region_its_own_formality(svc):
    """An engine's ``languages`` map and ``formality`` are looked up as every per-language table of verlag.toml
    (fresh-user trial 24): ``en`` serves en-US and en-GB, a region's own line wins. PT-PT's formality was pt-BR's,
    the first Portuguese listed, whatever pt-PT's own line said."""
    table = {"url": svc.url + PATHS["deepl"], "backoff": 0.05, "timeout": 0.5, "languages": {"en": "EN-US"},
             "formality": {"pt-BR": "more", "pt-PT": "less", "pt": "prefer_more"}}
    config = Config(root=NO_PROJECT, languages=("pt-BR", "pt-PT", "en-GB"), raw={"engines": {"deepl": table}})
    deepl = SERVICES["deepl"](config)
    for lang in ("pt-BR", "pt-PT", "en-GB"):
        deepl.translate([Request("Du schläfst gut.")], "de", lang)
    assert [(e["body"]["target_lang"], e["body"].get("formality")) for e in svc.log] == \
        [("PT-BR", "more"), ("PT-PT", "less"), ("EN-US", None)]


def test_deepl_gets_xml_tag_handling_settings_and_the_key_only_in_the_header(svc, tmp_path):
    cache = MTCache(tmp_path / "c.sqlite")
    deepl = engine(svc, "deepl", formality="prefer_less", languages={"en": "EN-US"})
    results = [o.results[0].text for g in deepl.stream([Request("A & B **fett**.")], "de", "en", cache) for o in g]
    assert results == ["A & B **FETT**."]
    entry = svc.log[0]
    assert entry["texts"] == ["A &amp; B <g1>fett</g1>."]
    assert {k: entry["body"][k] for k in ("tag_handling", "formality", "source_lang", "target_lang")} == \
        {"tag_handling": "xml", "formality": "prefer_less", "source_lang": "DE", "target_lang": "EN-US"}
    assert entry["headers"]["Authorization"] == "DeepL-Auth-Key test-key:fx"
    list(engine(svc, "deepl", formality="prefer_more").stream([Request("A & B **fett**.")], "de", "en", cache))
    assert len(svc.log) == 2  # another formality is another cache entry
    list(engine(svc, "deepl", formality="prefer_less").stream([Request("A & B **fett**.")], "de", "en", cache))
    assert len(svc.log) == 3  # EN-GB (the default) is another cache entry than EN-US


def test_an_empty_answer_is_not_cached_and_asked_again(svc, tmp_path):
    cache = MTCache(tmp_path / "c.sqlite")

    def drafts() -> list[str]:
        return [r.text for g in engine(svc, "libre").stream([Request("Hallo.")], "de", "en", cache)
                for o in g for r in o.results if r is not None]

    svc.faults = ["empty", "empty"]  # the first answer and the one retry
    assert drafts() == [] and len(svc.log) == 2
    assert drafts() == ["HALLO."] and len(svc.log) == 3


def test_one_empty_answer_is_asked_once_more_in_the_same_run(svc):
    svc.faults = ["empty"]
    (result,) = engine(svc, "libre").translate([Request("Hallo.")], "de", "en")
    assert result.text == "HALLO." and len(svc.log) == 2


def test_deepl_gets_the_project_glossary_made_once_per_language_pair(svc, tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations/glossary.csv").write_text(
        "source,en,fr,dnt,note\nMariendistel,milk thistle,chardon-Marie,,\nTCM,,,yes,\nLeber,liver,,,\n",
        encoding="utf-8")
    for run in range(2):  # a second run (a new engine) finds the glossary on the server
        deepl = engine(svc, "deepl", root=tmp_path)
        deepl.translate([Request("Die Mariendistel stärkt die Leber.")], "de", "en")
        deepl.translate([Request("Die Mariendistel und TCM.")], "de", "fr")
    made = [(g["source_lang"], g["target_lang"], g["entries"]) for g in svc.glossaries]
    assert made == [("de", "en", {"Mariendistel": "milk thistle", "TCM": "TCM", "Leber": "liver"}),
                    ("de", "fr", {"Mariendistel": "chardon-Marie", "TCM": "TCM"})]
    sent = [e["body"] for e in svc.log if e["shape"] == "deepl"]
    assert [b["glossary_id"] for b in sent] == ["g1", "g2", "g1", "g2"]
    assert [b["target_lang"] for b in sent] == ["EN-GB", "FR", "EN-GB", "FR"]


def test_deepl_with_a_glossary_id_setting_sends_that_one_and_makes_none(svc, tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations/glossary.csv").write_text("source,en\nLeber,liver\n", encoding="utf-8")
    engine(svc, "deepl", root=tmp_path, glossary="own-id").translate([Request("Die Leber.")], "de", "en")
    assert svc.glossaries == [] and [e["body"].get("glossary_id") for e in svc.log] == ["own-id"]


def test_a_redirect_is_followed_within_the_concurrency_bound(svc):
    """requests sends each redirect hop through the session again; with one slot that must not deadlock."""
    import threading

    svc.faults = ["301"]
    results = []
    worker = threading.Thread(target=lambda: results.extend(
        engine(svc, "mymemory", concurrency=1).translate([Request("Hallo.")], "de", "en")), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the redirect hop waited for its own slot"
    assert [r.text for r in results] == ["HALLO."] and [e.get("fault") for e in svc.log] == ["301", None]


@pytest.mark.parametrize("name, status", [("microsoft", "302"), ("microsoft", "307"), ("deepl", "308"),
                                          ("llm", "307")])
def test_a_redirect_to_another_host_is_not_followed_and_neither_key_nor_text_goes_there(svc, name, status,
                                                                                      monkeypatch):
    """requests takes only ``Authorization`` off a request it sends on to another host: a redirect sent Azure's
    ``Ocp-Apim-Subscription-Key`` and the article's text (a 307 or 308 keeps the body) to the host the answer
    named. Now nothing is sent there, and the engine stops for the run saying where it was sent."""
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    with FakeService() as elsewhere:
        svc.faults, svc.location = [status], elsewhere.url
        if name == "llm":
            from pipeline.llm import LLMEngine

            table = {"url": svc.url + "/v1", "model": "m", "retries": 0, "timeout": 0.5}
            service = LLMEngine(Config(root=NO_PROJECT, languages=("en", "fr"), raw={"engines": {"llm": table}}))
        else:
            service = engine(svc, name, retries=0)
        outcomes = [o for group in service.stream([Request("Die Leber.")], "de", "en") for o in group]
        assert elsewhere.log == []
    assert len(svc.log) == 1 and [r for o in outcomes for r in o.results] == [None]
    host = elsewhere.url.removeprefix("http://")
    assert [(o.error, o.fatal) for o in outcomes] == [
        (f"{svc.url.removeprefix('http://')} redirects to http://{host}/: not followed, the key and the text go "
         "only to the address in verlag.toml (set the engine's url to the new one if the service moved)", True)]


def test_self_hosted_libre_works_without_a_key_and_sends_none(svc):
    engine(svc, "libre").translate([Request("Hallo.")], "de", "en")
    assert "api_key" not in svc.log[0]["query"] and "api_key" not in svc.log[0]["body"]


def test_libre_sends_the_text_and_the_key_in_a_json_body_never_in_the_url(svc, monkeypatch):
    """Trial 30: deep-translator sent LibreTranslate the text and LIBRE_API_KEY in the query string
    (``POST /translate?q=Salbei+gegen+…&api_key=geheim123``): both stood in every access log on the way, and a
    batch's URL grew past what web servers take. The request line now carries neither; the JSON body both."""
    monkeypatch.setenv("LIBRE_API_KEY", "geheim123")
    requests = [Request(f"Salbei gegen Halsweh, Satz {n}.") for n in range(40)]
    results = engine(svc, "libre").translate(requests, "de", "en")
    assert [r.text for r in results] == [f"SALBEI GEGEN HALSWEH, SATZ {n}." for n in range(40)]
    for entry in svc.log:
        assert entry["path"] == "/translate" and entry["query"] == {}
        assert entry["headers"]["Content-Type"] == "application/json"
        assert entry["body"]["api_key"] == "geheim123" and "Salbei" in entry["body"]["q"]
        assert (entry["body"]["source"], entry["body"]["target"], entry["body"]["format"]) == ("de", "en", "text")


def test_many_segments_travel_in_few_requests_within_the_length_cap(svc):
    requests = [Request(f"Satz Nummer {n} über die Leber.") for n in range(60)]
    results = engine(svc, "google", batch_chars=300).translate(requests, "de", "en")
    assert all(r.text == f"SATZ NUMMER {n} ÜBER DIE LEBER." for n, r in enumerate(results))
    assert 6 <= len(svc.log) <= 10
    assert all(len("\n".join(e["texts"])) <= 300 for e in svc.log)


def test_concurrent_requests_never_exceed_the_bound(svc):
    svc.latency = 0.15
    results = engine(svc, "libre", concurrency=3, batch_items=1, rate=1000).translate(
        [Request(f"Satz {n}.") for n in range(9)], "de", "en")
    assert all(results) and len(svc.log) == 9
    assert svc.max_active == 3


def test_rate_limit_spaces_request_starts(svc):
    engine(svc, "libre", concurrency=4, batch_items=1, rate=10).translate([Request(f"Satz {n}.") for n in range(5)],
                                                                        "de", "en")
    starts = sorted(e["start"] for e in svc.log)
    # Sent 0.1 s apart, the five span 0.4 s (four threads without the limit: a few milliseconds). Each gap as the
    # server saw it also holds the scheduling delay of two threads, which on a loaded machine took one gap under
    # 0.06 s in a third of runs (the secT session); the span loses only the first request's delay against the last's.
    assert starts[-1] - starts[0] >= 0.3, starts


def test_retries_back_off_exponentially_and_honour_retry_after(svc):
    svc.faults = ["500", "timeout", "reset", "429"]
    svc.hang, svc.retry_after = 0.6, "0.4"
    results = engine(svc, "libre", backoff=0.1, timeout=0.3).translate([Request("Die Leber.")], "de", "en")
    assert results[0].text == "DIE LEBER."
    assert [e.get("fault") for e in svc.log] == ["500", "timeout", "reset", "429", None]
    starts = [e["start"] for e in svc.log]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert gaps[0] >= 0.05  # first wait: half to all of 0.1 s
    assert gaps[1] >= 0.3 + 0.1  # the timeout, then the second wait (0.1-0.2 s)
    assert gaps[2] >= 0.2  # third wait: 0.2-0.4 s
    assert gaps[3] >= 0.4  # Retry-After: 0.4 s beats the fourth wait (0.4-0.8 s) only as a floor


def test_a_failing_batch_leaves_its_segments_empty_with_one_line_why(svc):
    svc.faults = ["500"] * 3
    outcomes = [o for group in engine(svc, "libre", retries=2).stream([Request("Die Leber.")], "de", "en")
                for o in group]
    assert len(svc.log) == 3
    assert [(o.indices, o.results, o.fatal) for o in outcomes] == [([0], [None], False)]
    assert outcomes[0].error.startswith("HTTP 500 from 127.0.0.1:") and outcomes[0].error.endswith("after 3 tries")


@pytest.mark.parametrize("name", ["libre", "google", "deepl"])
def test_malformed_answers_are_failures_not_translations(svc, name):
    svc.rules = {"Leber": "malformed"}
    outcomes = [o for group in engine(svc, name).stream([Request("Die Leber.")], "de", "en") for o in group]
    assert outcomes[0].results == [None] and "answer" in outcomes[0].error or "Exception" in outcomes[0].error


@pytest.mark.parametrize("name", ["libre", "mymemory", "microsoft", "deepl"])
def test_an_html_page_for_an_answer_is_named_as_one_with_its_host_and_status(svc, name):
    """Trial 27: a captive portal's (or proxy's) HTML page with status 200 in place of the JSON answer read as "the
    answer did not line up with the texts sent (1), twice" from DeepL and "malformed answer (JSONDecodeError)" from
    LibreTranslate, naming neither the host nor the page. Every engine that reads JSON says what came, and stops for
    the run: a portal answers every request so."""
    svc.faults = ["portal"] * 10
    outcomes = [o for g in engine(svc, name).stream([Request("Die Leber."), Request("Sie ruht.")], "de", "en")
                for o in g]
    host = svc.url.split("//")[1]
    assert outcomes[0].error == (f"{host} answered with an HTML page, not JSON (HTTP 200: a proxy or captive portal? "
                                 "or the engine's url is not the service's API)")
    assert [(o.results, o.fatal, o.cause) for o in outcomes] == [([None, None], True, "answer")]
    assert len(svc.log) == 1  # not asked again, nor retried


def test_a_paragraph_that_does_not_map_back_goes_sentence_by_sentence_and_says_so(svc):
    svc.faults = ["mangle"]
    results = engine(svc, "libre").translate(PARAGRAPH[:2], "de", "en")
    assert [r.text for r in results] == ["DIE **LEBER** ARBEITET NACHTS.", "THEY BRAUCHT `Ruhe`."]
    assert all(r.origin == "mt: libre (sentence by sentence: its paragraph did not map back)" for r in results)


def test_mangled_markup_is_kept_for_review_with_a_warning(svc):
    svc.rules = {"braucht": "mangle"}
    (result,) = engine(svc, "libre").translate([Request("Sie braucht `Ruhe` und **Schlaf**.")], "de", "en")
    assert result.text == "THEY BRAUCHT  UND SCHLAF."
    assert result.origin == "mt: libre; check the markup: lost “`Ruhe`”, lost “**”"


@pytest.mark.parametrize("name", ["libre", "deepl"])
def test_a_placeholder_the_service_left_beside_its_tag_is_named_not_drafted_silently(svc, name):
    """A service that kept each tag and wrote an escaped copy beside it (``<x1/>&lt;x1/&gt;``): every tag came back
    once, so the draft passed as proven with ``&lt;x1/&gt;`` in its Markdown (``<x1/>`` on the page), or, from
    DeepL's XML mode, ``<x1/>`` itself. The draft now says which placeholder was left."""
    svc.rules = {"braucht": "leftover"}
    (result,) = engine(svc, name).translate([Request("Sie braucht `Ruhe`.")], "de", "en")
    assert "`Ruhe`" in result.text and "1/" in result.text
    assert result.origin == f"mt: {name}; check the markup: placeholder '<x1/>' left in the text", result.origin


def test_unreachable_service_stops_the_engine_at_once(svc):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    eng = SERVICES["libre"](Config(root=Path("."), raw={"engines": {"libre": {
        "url": f"http://127.0.0.1:{port}/", "retries": 1, "backoff": 0.01}}}))
    outcomes = [o for g in eng.stream([Request("A."), Request("B.")], "de", "en") for o in g]
    assert [o.fatal for o in outcomes] == [True]
    assert outcomes[0].error == f"connection to 127.0.0.1:{port} failed (127.0.0.1:{port} refused the connection " \
                                "(is the service running?)) after 2 tries"


def test_a_refused_key_stops_the_engine_and_is_never_shown(svc, monkeypatch):
    monkeypatch.setenv("LIBRE_API_KEY", "sekrit-123")
    svc.faults = ["403"]
    outcomes = [o for g in engine(svc, "libre").stream([Request("A.")], "de", "en") for o in g]
    assert svc.log[0]["body"]["api_key"] == "sekrit-123" and svc.log[0]["query"] == {}
    host = svc.url.split("//")[1]
    assert (outcomes[0].error, outcomes[0].fatal) == (f"{host} refused the API key in LIBRE_API_KEY", True)


def test_missing_key_is_one_line_naming_the_variable(svc, monkeypatch):
    monkeypatch.delenv("DEEPL_API_KEY")
    outcomes = [o for g in engine(svc, "deepl").stream([Request("A.")], "de", "en") for o in g]
    assert outcomes[0].error == "no API key: set the environment variable DEEPL_API_KEY" and outcomes[0].fatal
    assert svc.log == []


def test_cache_answers_a_repeat_and_the_same_sentence_with_other_link_targets(svc, tmp_path):
    cache = MTCache(tmp_path / "c.sqlite")
    eng = engine(svc, "libre")
    first = [o for g in eng.stream([Request("Siehe [hier](https://a.example).")], "de", "en", cache) for o in g]
    again = [o for g in eng.stream([Request("Siehe  [hier](https://b.example).")], "de", "en", cache) for o in g]
    assert len(svc.log) == 1
    assert first[0].results[0].text == "SIEHE [HIER](https://a.example)."
    assert again[0].results[0].text == "SIEHE [HIER](https://b.example)."
    other_pair = [o for g in eng.stream([Request("Siehe [hier](https://a.example).")], "de", "fr", cache) for o in g]
    assert len(svc.log) == 2 and other_pair[0].results[0]
    rows = sqlite3.connect(tmp_path / "c.sqlite").execute("SELECT engine, source, target, text FROM translations")
    assert sorted(rows) == [("libre", "de", "en", "Siehe <g1>hier</g1>."), ("libre", "de", "fr", "Siehe <g1>hier</g1>.")]


def test_a_damaged_cache_is_set_aside_not_fatal(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is no database" * 100)
    cache = MTCache(path)
    cache.put_many("libre", "de", "en", [("a", "b")])
    assert cache.get_many("libre", "de", "en", ["a"]) == {"a": "b"}
    assert (tmp_path / "c.sqlite.damaged").exists()


def test_a_cache_that_cannot_be_opened_is_an_error_and_kept(tmp_path):
    from pipeline.errors import VerlagError

    path = tmp_path / "c.sqlite"
    path.mkdir()  # unopenable as a database, as a locked or unreadable file is
    with pytest.raises(VerlagError, match="the MT cache cannot be opened") as caught:
        MTCache(path)
    assert caught.value.path == path and path.is_dir() and not (tmp_path / "c.sqlite.damaged").exists()


def test_cost_cap_stops_sending_and_says_so(svc):
    requests = [Request(f"Satz {n} über die Leber.") for n in range(10)]
    outcomes = [o for g in engine(svc, "libre", batch_items=2).stream(requests, "de", "en", budget=Budget(100))
                for o in g]
    sent = sum(e["chars"] for e in svc.log)
    assert sent <= 100
    filled = [r for o in outcomes for r in o.results if r]
    capped = [o for o in outcomes if o.error == "over the --max-chars cap of 100"]
    assert filled and capped and len(filled) + sum(len(o.indices) for o in capped) == 10


def test_retry_after_in_seconds_or_as_an_http_date():
    from email.utils import formatdate

    from pipeline.polite import _retry_after

    assert _retry_after("2") == 2.0 and _retry_after("soon") is None and _retry_after(None) is None
    assert 8 < _retry_after(formatdate(time.time() + 10, usegmt=True)) <= 10
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


@pytest.mark.parametrize("name", ["libre", "deepl"])
def test_an_answer_without_end_is_read_to_16_mb_and_stops_the_engine(svc, name):
    """requests reads an answer whole, whatever its length: a service (or whoever answers at its address)
    sending 64 MB (or without end) filled the memory, and a well-formed one was taken as the translation."""
    import resource

    svc.rules = {"Leber": "flood"}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcomes = [o for group in engine(svc, name, timeout=10).stream([Request("Die Leber.")], "de", "en")
                for o in group]
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert [(o.results, o.fatal) for o in outcomes] == [([None], True)], outcomes
    assert outcomes[0].error.startswith("the answer from 127.0.0.1:") and "is more than 16 MB" in outcomes[0].error
    assert len(svc.log) == 1 and grown < 48 << 10, grown  # KB: a 64 MB answer never held whole


@pytest.mark.parametrize("fault", ["drip", "dripheaders"])
@pytest.mark.parametrize("name", ["libre", "deepl"])
def test_an_answer_sent_a_byte_at_a_time_is_given_up_after_the_timeout(svc, name, fault):
    """The timeout bounded each read, not the request: a service (or whoever answers at its address) sending its
    answer one byte every 0.1 s, each read answered well within the timeout, held the engine for five minutes
    (3,000 bytes), and with retries as often again. Now the answer's time is bounded as a whole and retried.
    ``dripheaders``: after 5d591b8 the body was bounded as a whole, the status line and header lines still by each
    read (100 header lines one byte every 0.1 s held the engine five minutes a try); now the headers are too."""
    svc.rules = {"Leber": fault}
    start = time.monotonic()
    outcomes = [o for group in engine(svc, name, timeout=1, retries=1).stream([Request("Die Leber.")], "de", "en")
                for o in group]
    took = time.monotonic() - start
    assert [o.results for o in outcomes] == [[None]], outcomes
    assert outcomes[0].error.startswith("no answer from 127.0.0.1:") and "within 1 s after 2 tries" in outcomes[0].error
    assert len(svc.log) == 2 and took < 120, took  # 2 s and the backoff; each try read to its end took 300 s


def test_the_fake_service_runs_on_its_own_with_the_faults_given():
    """``python tests/mtserver.py --fault 500`` (its docstring) serves on a free port, says where, answers the first
    request with the fault and the next with a translation, and ends at Ctrl-C without a traceback."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("mtserver.py")), "--fault", "500"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
    try:
        line = proc.stdout.readline()
        address = re.fullmatch(r"serving on (http://127\.0\.0\.1:\d+)\n", line)
        assert address, line + proc.stderr.read() if proc.poll() is not None else line
        request = urllib.request.Request(f"{address.group(1)}/translate", headers={"Content-Type": "application/json"},
                                         data=json.dumps({"q": "Die Leber.", "source": "de", "target": "en"}).encode())
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with pytest.raises(urllib.error.HTTPError) as failed:
            direct.open(request, timeout=WALL)
        assert failed.value.code == 500
        with direct.open(request, timeout=WALL) as answer:
            assert json.load(answer) == {"translatedText": "DIE LEBER."}
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=WALL)
    assert proc.returncode == 0 and "Traceback" not in err, err



def test_three_batches_in_another_language_in_a_row_stop_the_engine_and_nothing_of_them_is_cached(svc, tmp_path):
    """A service that answers English whatever it is asked (trial 27) costs three requests, not one per batch: as
    three failures in a row do, three refused batches stop the engine for the run; none of the answers is cached."""
    svc.rules = {"Satz": "english"}
    cache = MTCache(tmp_path / "mt.sqlite")
    sentence = "Satz {n}: Im Winter schlafen viele Menschen schlechter, weil ihnen am Morgen das helle Licht fehlt."
    requests = [Request(sentence.format(n=n) + " Ein fester Rhythmus hilft dann.") for n in range(10)]
    service = engine(svc, "libre", batch_items=1, concurrency=1, rate=5)
    outcomes = [o for g in service.stream(requests, "de", "fr", cache=cache) for o in g]
    assert len(svc.log) < 10  # the requests after the third refusal (and the one under way then) are not sent
    refused = "answered in English, not French (the common words of its answers are English ones): not taken as drafts"
    assert [(len(o.indices), o.error, o.fatal, o.cause) for o in outcomes] == [
        (1, refused, False, "language"), (1, refused, False, "language"), (1, refused, False, "language"),
        (7, refused, True, "language")]
    assert cache.get_many(service.cache_name, "de", "fr", [r.text for r in requests]) == {}


def test_an_old_cached_answer_in_another_language_that_gave_no_draft_is_dropped_not_marked_judged(svc, tmp_path):
    """A paragraph's answer stored before verlag judged an answer's language, English and not mapping back to the
    paragraph's sentences (one sentence for two), gave no draft to judge: it was marked judged unread and kept, to be
    taken once it maps back. It is judged by its text as stored: dropped, and the paragraph asked again."""
    old = sqlite3.connect(tmp_path / "c.sqlite")  # as verlag wrote it before the language test
    old.execute("CREATE TABLE translations (engine TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, "
                "text TEXT NOT NULL, result TEXT NOT NULL, created REAL NOT NULL, "
                "PRIMARY KEY (engine, source, target, text))")
    german = ["Im Winter schlafen viele Menschen schlechter.", "Ein fester Rhythmus hilft dann am Morgen."]
    old.execute("INSERT INTO translations VALUES ('libre', 'de', 'fr', ?, ?, 1.0)", (" ".join(german), (
        "the liver is at work in the night and it needs rest with time for tea and the liver is at work")))
    old.commit()
    old.close()
    cache = MTCache(tmp_path / "c.sqlite")
    service = engine(svc, "libre")
    outcomes = [o for g in service.stream([Request(t, block="a#1") for t in german], "de", "fr", cache=cache)
                for o in g]
    assert [r.text for o in outcomes for r in o.results] == [t.upper() for t in german]
    assert service.dropped == Counter({("fr", "en"): 1}) and svc.texts() == [["\n".join([" ".join(german)])]]
    assert cache.hits("libre", "de", "fr", [" ".join(german)]) == {" ".join(german): (" ".join(german).upper(), True)}

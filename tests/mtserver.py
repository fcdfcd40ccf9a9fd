"""A fake translation service on 127.0.0.1 speaking LibreTranslate, Google's /m page, MyMemory, DeepL v2,
Microsoft v3 and OpenAI Chat Completions (``/v1/chat/completions``, not streaming) shapes, with injectable
latency and faults and a request log.

"Translation" upper-cases every word (tags and entities stay as they are), so
a test can see what was machine-made; "Sie" becomes "IT" when "Leber" came
earlier in the same text or in DeepL's ``context`` and "THEY" otherwise, so a
test can see whether a sentence travelled with its paragraph. The chat model
finds the JSON object with ``segments`` among the user messages and answers
``{"translations": [{"n": 1, "text": …}, …]}``.

Faults, consumed one per request from ``faults`` (or, for requests whose text contains a key of
``rules``, always its value, or one each from its list): ``timeout`` (answer after ``hang`` s),
``429`` (with ``Retry-After: retry_after``), ``500`` or any other status (with LibreTranslate's
``{"error": error}`` as its body where ``error`` is set), ``malformed`` (broken
JSON or HTML), ``portal`` (an HTML page with status 200 in every shape, as a captive portal or a proxy answers), ``reset`` (TCP reset), ``mangle`` (drop the markup tags), ``digits`` (every number left out, as a dose dropped), ``leftover`` (each tag kept, and an escaped copy
of it after it: ``<x1/>&lt;x1/&gt;``), ``empty`` (empty
translations), ``echo`` (the text sent, untranslated: a real service's answer for a pair it lacks), ``english`` (every word
an English one, tags and punctuation kept: a service answering in English whatever language was asked for), ``runaway`` (each
line's translation followed by its last word a million times, megabytes a line, as a model caught in a loop answers), ``short`` (one line, or one list item, too few), ``flood`` (a well-formed answer padded with
64 MB of spaces), ``drip`` (a well-formed answer of 3,000 bytes sent one byte every 0.1 s: each read gets
a byte within any timeout), ``dripheaders`` (its status line and 100 header lines, 2,917 bytes, sent so).
For the chat model also ``fence`` (the answer in a Markdown code fence), ``drop`` (one placeholder tag lost),
``merge`` (the first two segments as one), ``summary`` (a long segment answered with two words), ``length`` (cut off, finish reason "length")
``malformed`` (not JSON), ``deep`` (100,000 opening brackets: JSON nested deeper than a decoder recurses) and
``garbage`` (no Chat Completions response at all).

``lines`` answers line by line where a fault answers the whole request: each line of a text (as the line-batched
services send a batch) containing a key of ``lines`` is answered by its value, ``english`` or ``french`` (every word a
word of an English or a French sentence), so one request can hold answers in two languages, as a service answering
most of a batch in the language asked for and a few lines in another does.

Run on its own, for trying an engine by hand, it serves until Ctrl-C on the port given (a free one by default),
with the faults given consumed in order: ``python tests/mtserver.py --port 5000 --fault 429 --fault timeout``
prints ``serving on http://127.0.0.1:5000``; ``--help`` lists the options.
"""

from __future__ import annotations

import html
import json
import re
import socket
import struct
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_WORD = re.compile(r"(<[^<>]*>|&#?\w+;)|([^\W\d_]+)")
_TAGS = re.compile(r"<\s*/?\s*[gx]\d+\s*/?\s*>")


def fake_translate(text: str, context: str = "") -> str:
    lines = []
    for line in text.split("\n"):
        seen_liver = "Leber" in context

        def word(m: re.Match) -> str:
            nonlocal seen_liver
            if m.group(1):
                return m.group(1)
            w = m.group(2)
            if w == "Leber":
                seen_liver = True
            if w == "Sie":
                return "IT" if seen_liver else "THEY"
            return w.upper()

        lines.append(_WORD.sub(word, line))
    return "\n".join(lines)


_ENGLISH = "the liver is at work in the night and it needs rest with time for tea".split()


_FRENCH = "le foie travaille la nuit et il a besoin de repos avec du temps pour le thé".split()


def in_english(text: str, words: list[str] = _ENGLISH) -> str:
    """``text`` with each word replaced by the next of an English sentence (``_ENGLISH``), tags and marks kept."""
    n = iter(range(1 << 30))
    return _WORD.sub(lambda m: m.group(1) or words[next(n) % len(words)], text)


def in_french(text: str) -> str:
    """``text`` with each word replaced by the next of a French sentence (``_FRENCH``), tags and marks kept."""
    return in_english(text, _FRENCH)


def by_line(rules: dict[str, str], text: str, answer: str) -> str:
    """``answer`` (to ``text``) with each line whose German contains a key of ``rules`` answered in its value's
    language (``english``, ``french``); the first key found wins."""
    said = {"english": in_english, "french": in_french}
    lines = answer.split("\n")
    for n, line in enumerate(text.split("\n")[:len(lines)]):
        rule = next((rules[key] for key in rules if key in line), None)
        if rule:
            lines[n] = said[rule](line)
    return "\n".join(lines)


class FakeService:
    def __init__(self, port: int = 0):
        self.latency = 0.0
        self.hang = 2.0
        self.retry_after = "1"
        self.faults: list[str] = []
        self.location = ""  # where a redirect (fault "301", "307", …) points: "" for this server, or another's URL
        self.error = ""  # the body of a status fault: "" none, else LibreTranslate's {"error": error}
        self.rules: dict[str, str] = {}
        self.lines: dict[str, str] = {}  # substring of a line -> the language it is answered in (``by_line``)
        self.log: list[dict] = []
        self.glossaries: list[dict] = []  # DeepL glossaries made through /v2/glossaries
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"service": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda *args: None
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def reset(self) -> None:
        with self.lock:
            self.latency, self.hang, self.retry_after = 0.0, 2.0, "1"
            self.faults, self.rules, self.log, self.glossaries, self.lines = [], {}, [], [], {}
            self.location, self.error = "", ""
            self.max_active = 0

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FakeService:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def texts(self) -> list[list[str]]:
        return [entry["texts"] for entry in self.log]

    def _fault(self, texts: list[str]) -> str | None:
        with self.lock:
            for key, fault in self.rules.items():
                if any(key in t for t in texts):
                    return (fault.pop(0) if fault else None) if isinstance(fault, list) else fault
            return self.faults.pop(0) if self.faults else None


def _segments(body: dict) -> list[dict]:
    """The numbered segments of a chat request: from the first user message that is JSON with ``segments``."""
    for message in body.get("messages", []):
        if message.get("role") == "user":
            try:
                return json.loads(message["content"])["segments"]
            except (ValueError, KeyError, TypeError):
                continue
    return []


class _Handler(BaseHTTPRequestHandler):
    service: FakeService

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._serve()

    def do_POST(self):
        self._serve()

    def _serve(self):
        svc = self.service
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        data = {}
        if body:
            try:
                data = json.loads(body)
            except ValueError:
                data = dict(urllib.parse.parse_qsl(body.decode()))
        if url.path.endswith("/v2/glossaries"):
            self._glossaries(data)
            return
        if url.path.endswith("/v2/translate"):
            shape, texts = "deepl", list(data.get("text", []))
        elif url.path.endswith("/chat/completions"):
            shape, texts = "chat", [s["text"] for s in _segments(data)]
        elif url.path.endswith("/microsoft"):
            shape, texts = "microsoft", [item["Text" if "Text" in item else "text"] for item in data]
        elif url.path.endswith("/m"):
            shape, texts = "google", [query.get("q", "")]
        elif url.path.endswith("/get"):
            shape, texts = "mymemory", [query.get("q", "")]
        else:
            shape, texts = "libre", [query.get("q") or data.get("q", "")]
        entry = {"shape": shape, "texts": texts, "chars": sum(len(t) for t in texts), "start": time.monotonic(),
                 "query": query, "body": data, "headers": dict(self.headers),
                 "path": self.path}
        with svc.lock:
            svc.active += 1
            svc.max_active = max(svc.max_active, svc.active)
            svc.log.append(entry)
        finished = False

        def finish():  # before the answer goes out: the client may send its next request once it has it
            nonlocal finished
            if not finished:
                finished = True
                with svc.lock:
                    svc.active -= 1
                    entry["end"] = time.monotonic()

        try:
            fault = svc._fault(texts)
            entry["fault"] = fault
            time.sleep(svc.latency)
            if fault == "timeout":
                time.sleep(svc.hang)
            finish()
            if fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            if fault and fault.isdigit():
                self.send_response(int(fault))
                if fault == "429":
                    self.send_header("Retry-After", svc.retry_after)
                if fault in ("301", "302", "307", "308"):  # moved: the same request again, at the same place
                    self.send_header("Location", svc.location + self.path)  # or on the host of ``location``
                body = json.dumps({"error": svc.error}).encode() if svc.error else b""
                if body:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if fault == "flood":
                self._flood(shape, answers=[fake_translate(t) for t in texts])
                return
            if fault == "drip":
                self._drip(shape, answers=[fake_translate(t) for t in texts])
                return
            if fault == "dripheaders":
                self._drip_headers()
                return
            if fault == "portal":
                self._portal()
                return
            if shape == "chat":
                self._chat(texts, fault)
                return
            answers = [fake_translate(t, data.get("context", "") if shape == "deepl" else "") for t in texts]
            if fault == "mangle":
                answers = [_TAGS.sub("", a) for a in answers]
            if fault == "digits":  # a dose dropped: every number left out
                answers = [re.sub(r" ?\d+", "", a) for a in answers]
            if fault == "leftover":
                answers = [_TAGS.sub(lambda m: m.group() + html.escape(m.group()), a) for a in answers]
            if fault == "empty":
                answers = ["" for _ in answers]
            if fault == "echo":
                answers = list(texts)
            if fault == "english":
                answers = [in_english(t) for t in texts]
            if svc.lines:
                answers = [by_line(svc.lines, t, a) for t, a in zip(texts, answers)]
            if fault == "runaway":  # each line's translation followed by its last word 1,000,000 times (a loop)
                answers = ["\n".join(f"{line} " + f"{line.split()[-1]} " * 1_000_000 if line.split() else line
                                      for line in a.split("\n")) for a in answers]
            if fault == "short":  # one line (one list item) too few
                answers = answers[:-1] if len(answers) > 1 else [a.rsplit("\n", 1)[0] for a in answers]
            self._answer(shape, answers, texts, malformed=fault == "malformed")
        finally:
            finish()

    def _chat(self, texts: list[str], fault: str | None) -> None:
        """A Chat Completions answer translating the numbered segments, or one of the model's known faults."""
        answers = [fake_translate(t, " ".join(texts[:n])) for n, t in enumerate(texts)]  # the block is context
        tagged = next((n for n, a in enumerate(answers) if _TAGS.search(a)), None)
        if fault == "drop" and tagged is not None:
            answers[tagged] = _TAGS.sub("", answers[tagged], count=1)
        if fault == "merge" and len(answers) > 1:
            answers = [answers[0] + " " + answers[1], *answers[2:]]
        if fault == "summary":
            answers = [" ".join(a.split()[:2]) if len(a) >= 40 else a for a in answers]
        if fault == "garbage":  # not a Chat Completions response at all
            self._answer("libre", ["<html>busy</html>"], texts, malformed=True)
            return
        content = json.dumps({"translations": [{"n": n, "text": a} for n, a in enumerate(answers, 1)]},
                             ensure_ascii=False)
        finish = "stop"
        if fault == "fence":
            content = f"```json\n{content}\n```"
        elif fault == "length":
            content, finish = content[:len(content) // 2], "length"
        elif fault == "malformed":
            content = "{not json"
        elif fault == "deep":
            content = "[" * 100_000
        obj = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1764500000, "model": "fake",
               "choices": [{"index": 0, "finish_reason": finish,
                            "message": {"role": "assistant", "content": content}}],
               "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(obj).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _portal(self) -> None:
        """A captive portal's or proxy's HTML page, with status 200, whatever was asked."""
        data = (b"<!DOCTYPE html>\n<html><head><title>Hotel WLAN</title></head>"
                b"<body><h1>Bitte anmelden</h1><form action=/login></form></body></html>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _glossaries(self, data: dict) -> None:
        """DeepL's glossary list (GET) and creation (POST, entries as TSV)."""
        svc = self.service
        with svc.lock:
            svc.log.append({"shape": "deepl-glossary", "method": self.command, "texts": [], "chars": 0, "body": data})
            if self.command == "POST":
                entries = dict(line.split("\t", 1) for line in data["entries"].splitlines() if line)
                info = {"glossary_id": f"g{len(svc.glossaries) + 1}", "name": data["name"], "ready": True,
                        "source_lang": data["source_lang"].lower(), "target_lang": data["target_lang"].lower(),
                        "creation_time": "2026-11-27T10:00:00.000000Z", "entry_count": len(entries)}
                svc.glossaries.append({**info, "entries": entries})
                status, payload = 201, info
            else:
                status = 200
                payload = {"glossaries": [{k: v for k, v in g.items() if k != "entries"} for g in svc.glossaries]}
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _flood(self, shape: str, answers: list[str]) -> None:
        """A JSON answer (LibreTranslate's or DeepL's shape) with 64 MB of spaces before its closing brace, sent
        chunked, without a length; a client that stops reading ends it."""
        obj = {"translations": [{"text": a} for a in answers]} if shape == "deepl" else {"translatedText": answers[0]}
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        padding = b" " * (1 << 20)
        try:
            for piece in [json.dumps(obj)[:-1].encode(), *[padding] * 64, b"}"]:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.close_connection = True

    def _drip(self, shape: str, answers: list[str]) -> None:
        """A JSON answer (LibreTranslate's or DeepL's shape) padded with spaces to 3,000 bytes, its length said,
        sent one byte every 0.1 s (five minutes); a client that stops reading ends it."""
        obj = {"translations": [{"text": a} for a in answers]} if shape == "deepl" else {"translatedText": answers[0]}
        data = json.dumps(obj).encode().ljust(3000)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            self.close_connection = True

    def _drip_headers(self) -> None:
        """A status line and 100 header lines of 29 bytes each sent one byte every 0.1 s (five minutes), every
        line within the limits of HTTP clients; a client that stops reading ends it."""
        head = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Pad-%02d: %s\r\n" % (n, b"." * 17) for n in range(100))
        try:
            for byte in head:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
        self.close_connection = True

    def _answer(self, shape: str, answers: list[str], texts: list[str], malformed: bool):
        if shape == "google":
            payload = f'<html><body><div class="result-container">{html.escape(answers[0])}</div></body></html>'
            kind = "text/html"
            if malformed:
                payload = "<html><body><p>sorry</p></body></html>"
        else:
            kind = "application/json"
            if shape == "deepl":
                obj = {"translations": [{"detected_source_language": "DE", "text": a, "billed_characters": len(t)}
                                        for a, t in zip(answers, texts)]}
            elif shape == "microsoft":
                obj = [{"translations": [{"text": a, "to": "en"}]} for a in answers]
            elif shape == "mymemory":
                obj = {"responseData": {"translatedText": answers[0]}, "matches": []}
            else:
                obj = {"translatedText": answers[0]}
            payload = "{not json" if malformed else json.dumps(obj)
        data = payload.encode()
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main(argv: list[str] | None = None) -> None:
    """Serve on 127.0.0.1 until Ctrl-C (the module's docstring): ``--port`` (0: a free one), ``--fault`` once per
    fault, consumed one per request in the order given, ``--latency`` and ``--hang`` in seconds."""
    import argparse

    parser = argparse.ArgumentParser(prog="mtserver.py", description="A fake translation service on 127.0.0.1 "
                                     "(LibreTranslate, Google /m, MyMemory, DeepL v2, Microsoft v3, Chat Completions).")
    parser.add_argument("--port", type=int, default=0, help="the port to listen on (default 0: a free one)")
    parser.add_argument("--fault", action="append", default=[], help="a fault for the next request (timeout, 429, "
                        "500, malformed, portal, reset, mangle, digits, empty, echo, english, short, flood, drip, dripheaders, fence, drop, "
                        "merge, summary, length, deep, garbage); repeat for more, consumed in order")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before every answer (default 0)")
    parser.add_argument("--hang", type=float, default=2.0, help="seconds the fault timeout waits (default 2)")
    args = parser.parse_args(argv)
    try:
        svc = FakeService(args.port)
    except OSError as exc:
        parser.exit(2, f"mtserver.py: port {args.port}: {exc.strerror}\n")
    with svc:
        svc.faults, svc.latency, svc.hang = list(args.fault), args.latency, args.hang
        print(f"serving on {svc.url}", flush=True)
        try:
            svc.thread.join()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()

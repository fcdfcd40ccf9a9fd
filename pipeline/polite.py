"""HTTP politeness for translation services: one ``PoliteSession`` per engine.

Every request gets a timeout; at most ``concurrency`` are in flight; starts
are spaced by the rate limit; timeouts, resets, 429 and 5xx are retried
with exponential backoff and jitter, and a ``Retry-After`` pauses every
request to that service. deep-translator calls ``requests.get/post``
without a timeout, so ``install_shim`` points its modules at a stand-in
that hands each call to the session of the engine working in that thread;
the deepl client gets the session itself. A final failure is a
``ServiceError`` with one line a person can act on.
"""

from __future__ import annotations

import queue
import random
import threading
import time
import urllib.parse
from concurrent.futures import Future
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import pool_classes_by_scheme

from .cutoff import Cutoff

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_ANSWER = 16 << 20  # bytes of one answer: a batch's translation is at most a few hundred KB


# Why a service failed, as the run's last line tells it (``services.ServiceEngine.stopped``): each asks the user for
# something else (wait, set a key, check the url), so "could not be reached" is said only of OFFLINE and DOWN.
OFFLINE = "offline"  # no route out: the name not resolved, the proxy not reached, the network unreachable
DOWN = "down"  # nothing answers at the address: the connection refused or not made
DROPPED = "dropped"  # connected, and the connection closed (reset) before an answer
TIMEOUT = "timeout"  # connected, but no answer within the engine's timeout
KEY = "key"  # the service refused the API key (or asks for one)
NO_KEY = "no-key"  # the engine needs a key and its environment variable is not set
QUOTA = "quota"  # the key's quota is used up (DeepL's 456)
RATE = "rate"  # too many requests (429) until the retries ran out, or a Retry-After longer than max_wait
SERVER = "server"  # server errors (5xx) until the retries ran out
ANSWER = "answer"  # an answer that is no translation: an HTML page, broken JSON, lines that do not line up
LANGUAGE = "language"  # translations in another language than the one asked for (``draftlang``)
WAIT = "wait"  # the service asked to wait longer than max_wait before the next request (a long Retry-After)
UNSUPPORTED = "unsupported"  # the service does not offer the language pair asked for (LibreTranslate's 400)
OTHER = "other"


class ServiceError(Exception):
    """One line a person can act on; ``fatal`` stops the engine for the rest of the run; ``cause`` says which kind
    of failure it is (``OFFLINE`` … ``OTHER``)."""

    def __init__(self, message: str, fatal: bool = False, cause: str = OTHER):
        super().__init__(message)
        self.message = message
        self.fatal = fatal
        self.cause = cause


@dataclass(frozen=True)
class Policy:
    """How polite to be to one service (the HTTP part of ``[engines.<name>]``)."""

    timeout: float = 20.0  # seconds per request
    concurrency: int = 4  # requests in flight
    rate: float = 10.0  # request starts per second
    retries: int = 4
    backoff: float = 1.0  # first wait in seconds; doubles per try
    max_wait: float = 60.0  # longest single wait (a longer Retry-After fails the batch)


class AnswerTooLarge(requests.exceptions.RequestException):
    """An answer longer than ``MAX_ANSWER`` bytes (raised while its body is read, the rest left unread)."""


_answer_by = threading.local()  # .deadline: the time.monotonic() by which this thread's answer must be in


class _HeadBounded:
    """``getresponse`` (the status line and the header lines) given up as a ``TimeoutError`` once the deadline of
    the request this thread sends (``_answer_by``) has passed: the socket's timeout bounds each read, so header
    lines sent a byte at a time (100 lines of up to 64 KB each, as http.client reads them) held the engine for as
    many reads as they had bytes. urllib3 turns the ``TimeoutError`` into a read timeout, as a socket's own."""

    def getresponse(self):
        deadline = getattr(_answer_by, "deadline", None)
        if deadline is None or self.sock is None:
            return super().getresponse()
        cutoff = Cutoff(self.sock, deadline - time.monotonic())
        try:
            return super().getresponse()
        finally:
            if cutoff.end():  # what the shut socket gave (an error, or headers cut short) is no answer
                raise TimeoutError("the answer's header lines took longer than the timeout")


class _Connection(_HeadBounded, HTTPConnection):
    pass


class _SecureConnection(_HeadBounded, HTTPSConnection):
    pass


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _SecurePool(HTTPSConnectionPool):
    ConnectionCls = _SecureConnection


def _head_bounded(manager):
    """``manager`` (a urllib3 pool manager) making its connections ``_HeadBounded``; one with pools of its own
    kind (a SOCKS proxy's) is left as it is."""
    if manager.pool_classes_by_scheme is pool_classes_by_scheme:
        manager.pool_classes_by_scheme = {"http": _Pool, "https": _SecurePool}
    return manager


class _CappedAdapter(HTTPAdapter):
    """Reads each answer's body (a redirect's too) up to ``MAX_ANSWER`` bytes, and until the request's
    ``timeout`` (seconds, a number) has passed since it was sent: requests reads any length whole into
    memory, so a service (or whoever answers at its address) sending without end filled it; and its timeout
    bounds each read of the socket, so an answer dripping a byte a second held the engine for as many seconds
    as it had bytes. Each read takes what has come (``read1``), so the time is looked at between bytes; the
    status line and the header lines are bounded by the same time (``_HeadBounded``)."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        _head_bounded(self.poolmanager)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        return _head_bounded(super().proxy_manager_for(proxy, **proxy_kwargs))

    def send(self, request, stream=False, **kwargs):
        timeout = kwargs.get("timeout")
        deadline = time.monotonic() + timeout if isinstance(timeout, (int, float)) else None
        _answer_by.deadline = deadline
        try:
            response = super().send(request, stream=True, **kwargs)
        finally:
            _answer_by.deadline = None
        if not stream:
            body = bytearray()
            try:
                while chunk := response.raw.read1(1 << 16, decode_content=True):
                    body += chunk
                    if len(body) > MAX_ANSWER:
                        response.close()
                        raise AnswerTooLarge(f"more than {MAX_ANSWER >> 20} MB")
                    if deadline is not None and time.monotonic() > deadline:
                        response.close()
                        raise requests.exceptions.ReadTimeout(f"the answer took more than {timeout:g} s")
            except urllib3.exceptions.ProtocolError as exc:  # as requests' iter_content turns them
                raise requests.exceptions.ChunkedEncodingError(exc) from None
            except urllib3.exceptions.DecodeError as exc:
                raise requests.exceptions.ContentDecodingError(exc) from None
            except urllib3.exceptions.ReadTimeoutError as exc:
                raise requests.exceptions.ConnectionError(exc) from None
            except urllib3.exceptions.SSLError as exc:
                raise requests.exceptions.SSLError(exc) from None
            response._content = bytes(body)
            response._content_consumed = True
        return response


class PoliteSession(requests.Session):
    """A session that is polite to one service: timeout, concurrency bound, rate limit, retries.

    Overriding ``send`` covers deep-translator (through the module shim
    below) and the deepl client (its session is replaced) alike. A final
    failure raises ``ServiceError``, which neither library swallows.
    """

    def __init__(self, name: str, policy: Policy, json: bool = True):
        super().__init__()
        self.mount("https://", _CappedAdapter())
        self.mount("http://", _CappedAdapter())
        self.name = name
        self.policy = policy
        self.slots = threading.BoundedSemaphore(policy.concurrency)
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.wait_until: float | None = None  # when a Retry-After longer than max_wait asked to come back (epoch)
        self.requests_sent = 0  # requests sent (``send``), counted at their first try that left for the service
        # (``_unsent``: none where every try failed to connect); each is tried up to ``retries`` + 1 times
        self.tries = 0  # the HTTP exchanges begun for them, every retry included, those that never connected not
        self._hop = threading.local()
        self.json = json  # the service answers in JSON: an HTML page in its place is said as such (``_html_page``)

    def send(self, request, **kwargs):
        kwargs["timeout"] = self.policy.timeout
        if getattr(self._hop, "inside", False):  # requests follows a redirect through send() again, on this
            _same_service(self._hop.origin, request.url)  # thread: it already holds a slot and its turn
            return super().send(request, **kwargs)
        self._hop.inside, self._hop.origin = True, request.url
        try:
            return self._send(request, **kwargs)
        finally:
            self._hop.inside = False

    def _send(self, request, **kwargs):
        host = urllib.parse.urlsplit(request.url).netloc
        last, cause = "", OTHER
        sent = False  # a try of it left for the service: it is counted
        for attempt in range(self.policy.retries + 1):
            retry_after = None
            with self.slots:
                self._wait_turn()
                try:
                    with self.lock:  # counted once it leaves: a request stopped while it waits is none
                        self.tries += 1
                        self.requests_sent += not sent
                    counted, sent = not sent, True
                    response = super().send(request, **kwargs)
                except AnswerTooLarge as exc:
                    raise ServiceError(f"the answer from {host} is {exc} (a translation is a few KB); not read "
                                       "further", fatal=True, cause=ANSWER) from None
                except requests.exceptions.RequestException as exc:
                    if _unsent(exc):  # no connection: this try is no exchange, nor the request one, if it was first
                        with self.lock:
                            self.tries -= 1
                            self.requests_sent -= counted
                        sent = not counted
                    if isinstance(exc, requests.exceptions.Timeout):
                        last, cause = f"no answer from {host} within {self.policy.timeout:g} s", TIMEOUT
                    elif not isinstance(exc, requests.exceptions.ConnectionError):
                        raise
                    elif _offline(exc):
                        raise ServiceError(f"unreachable: {_connection_reason(exc, host)}", fatal=True,
                                           cause=OFFLINE) from None
                    else:
                        reason = _connection_reason(exc, host)
                        last = f"connection to {host} failed ({reason})"
                        cause = DROPPED if reason.endswith("closed the connection") else DOWN
                else:
                    if response.status_code not in RETRY_STATUSES:
                        if self.json and not kwargs.get("stream") and _html_page(response.content):
                            raise ServiceError(f"{host} answered with an HTML page, not JSON (HTTP "
                                               f"{response.status_code}: a proxy or captive portal? or the engine's "
                                               "url is not the service's API)", fatal=True, cause=ANSWER)
                        return response
                    last = f"HTTP {response.status_code} from {host}"
                    cause = RATE if response.status_code == 429 else SERVER
                    retry_after = _retry_after(response.headers.get("Retry-After"))
                    response.close()
            if attempt == self.policy.retries:
                break
            delay = _backoff(self.policy.backoff, attempt)
            if retry_after is not None:
                if retry_after > self.policy.max_wait:
                    self.wait_until = time.time() + retry_after
                    raise ServiceError(f"{last}: the service asks to wait {waited(retry_after)} (Retry-After, until "
                                       f"{clock_time(self.wait_until)}), more than max_wait {self.policy.max_wait:g} "
                                       f"s: not retried", fatal=True, cause=WAIT)
                delay = max(delay, retry_after)
                with self.lock:  # every request to this service waits, not just this one
                    self.next_start = max(self.next_start, time.monotonic() + delay)
            if _stop().wait(min(delay, self.policy.max_wait)):
                raise ServiceError("stopped")
        raise ServiceError(f"{last} after {self.policy.retries + 1} tries", fatal=cause != SERVER, cause=cause)

    def _wait_turn(self) -> None:
        """Rate limit: request starts are at least 1/rate seconds apart, across threads."""
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + 1.0 / self.policy.rate
        if start > now and _stop().wait(start - now):
            raise ServiceError("stopped")


def _stop() -> threading.Event:
    """The stop signal of the run this thread works for: waits end at once when it is set."""
    stop = getattr(RequestsShim.local, "stop", None)
    if stop is None:
        stop = RequestsShim.local.stop = threading.Event()
    return stop


def _backoff(base: float, attempt: int) -> float:
    """Exponential backoff with 'equal jitter': between half and all of base * 2**attempt."""
    ceiling = base * 2 ** attempt
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def waited(seconds: float) -> str:
    """A wait as a person says it: "40 s", "15 minutes", "1 hour", "2.5 hours"."""
    if seconds < 90:
        return f"{seconds:g} s"
    if round(seconds / 60) < 60:
        return f"{round(seconds / 60)} minutes"
    hours = round(seconds / 3600, 1)
    return f"{hours:g} hour" + ("" if hours == 1 else "s")


def clock_time(epoch: float) -> str:
    """The local time of ``epoch``, with its date when it is not today: "14:05", "2026-12-06 09:30"."""
    when = time.localtime(epoch)
    today = time.localtime()
    same_day = when[:3] == today[:3]
    return time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", when)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _same_service(first: str, hop: str) -> None:
    """Raise ``ServiceError`` (fatal) unless ``hop``, an address a service redirects to, is on the host and port of
    ``first``, the address verlag asked (or the same host over HTTPS where it asked over HTTP). requests takes only
    ``Authorization`` off a request it sends on to another host (``Session.rebuild_auth``): Azure's
    ``Ocp-Apim-Subscription-Key`` went along, and so did the article's text, to wherever the answer pointed."""
    was, now = urllib.parse.urlsplit(first), urllib.parse.urlsplit(hop)
    if (now.scheme, now.netloc) == (was.scheme, was.netloc) or (
            (was.scheme, now.scheme) == ("http", "https") and now.hostname == was.hostname):
        return
    raise ServiceError(f"{was.netloc} redirects to {now.scheme}://{now.netloc}/: not followed, the key and the "
                       "text go only to the address in verlag.toml (set the engine's url to the new one if the "
                       "service moved)", fatal=True)


def _unsent(exc: requests.exceptions.RequestException) -> bool:
    """Whether the try that raised ``exc`` never reached the service, so that nothing of the request left: no
    connection was made (the name not resolved, the connection refused or not made in time, a proxy that did not
    pass it on, a TLS handshake that failed). A connection closed or a read timed out after the request left is a
    request made."""
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.ProxyError,
                        requests.exceptions.SSLError)):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def _html_page(body: bytes) -> bool:
    """Whether an answer is an HTML page (a captive portal's login, a proxy's or a web server's page) rather than
    the JSON a service's API sends: JSON never begins with ``<``. Told by the body, not the Content-Type, which some
    servers set wrong for JSON."""
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def _offline(exc: Exception) -> bool:
    text = repr(exc)
    return any(s in text for s in ("NameResolutionError", "Failed to resolve", "Name or service not known",
                                   "ProxyError", "Network is unreachable", "Temporary failure in name"))


def _connection_reason(exc: Exception, host: str) -> str:
    text = repr(exc)
    if "ProxyError" in text:
        return f"cannot reach {host} through the configured proxy (offline?)"
    if "resolve" in text or "Name or service" in text or "name resolution" in text:
        return f"cannot resolve {host} (offline?)"
    if "Connection refused" in text:
        return f"{host} refused the connection (is the service running?)"
    if "reset" in text.lower() or "aborted" in text.lower():
        return f"{host} closed the connection"
    return f"cannot connect to {host}"


class RequestsShim:
    """Stands in for the ``requests`` module inside deep-translator, which calls ``requests.get/post``
    without a timeout: the calls go to the polite session of the engine working in this thread."""

    exceptions = requests.exceptions
    local = threading.local()

    def get(self, url, **kwargs):
        return self._session().get(url, **kwargs)

    def post(self, url, **kwargs):
        return self._session().post(url, **kwargs)

    def _session(self) -> requests.Session:
        session = getattr(self.local, "session", None)
        if session is None:  # deep-translator used outside an engine: still never without a timeout
            session = PoliteSession("deep-translator", Policy())
            self.local.session = session
        return session


_SHIM = RequestsShim()


def install_shim() -> None:
    """Route deep-translator's HTTP through the polite sessions (idempotent)."""
    from deep_translator import google, libre, microsoft, mymemory

    for module in (google, libre, microsoft, mymemory):
        module.requests = _SHIM



class Workers:
    """Daemon threads for the requests: Ctrl-C ends the run at once instead of waiting for requests in
    flight (whatever they would bring is not saved yet anyway; the next run asks again)."""

    def __init__(self, count: int, name: str):
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.count = count
        for n in range(count):
            threading.Thread(target=self._work, name=f"{name}-{n}", daemon=True).start()

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        self.jobs.put((future, fn, args))
        return future

    def _work(self) -> None:
        while (job := self.jobs.get()) is not None:
            future, fn, args = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to the waiting thread, which decides
                future.set_exception(exc)

    def shutdown(self) -> None:
        """Cancel what has not started; idle workers end, busy ones end after their request."""
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job[0].cancel()
        for _ in range(self.count):
            self.jobs.put(None)

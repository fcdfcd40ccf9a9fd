"""``verlag serve``: preview site/ on 127.0.0.1 and rebuild when an input changes (``--future``: the preview
folder ``preview`` builds, never site/).

Polling (once a second) keeps it dependency-free and works on every file
system. A failed rebuild is reported and the last good site stays online.
A missing page answers 404 with that language's 404 page, as a host would
(the site's root 404 page for a language not published yet); a folder
without an index.html answers 404 too, never a directory listing.

Only the author's own browser is served: a request naming another host
(``Host: evil.example``, what a web page gets by DNS rebinding, pointing its
name at 127.0.0.1) is refused with 403, and a symbolic link anywhere below site/
(verlag writes none) is missing (404), so no page on the web can read files of
the machine through the preview; so is a path no file can have (``%00``). Each
name of the path is opened relative to the folder opened before it and never
followed as a link (``openat`` with ``O_NOFOLLOW``), and what was opened is
what is sent: a file swapped for a link between a check and the open cannot
slip through, as it could when the path was checked first and opened after.
A browser dropping a connection mid-file is normal and prints nothing.

Each connection waits at most ``IDLE_SECONDS`` for the client (a socket timeout): one that opens a connection and
sends nothing, or stops reading, is dropped, so such clients (slowloris) cannot hold the server's threads for
good; a browser opens a new connection when it needs one. A request's line and headers must all arrive within
``HEADER_SECONDS``: a client sending one byte every few seconds never waits ``IDLE_SECONDS`` for a read, yet is
dropped too.
"""

from __future__ import annotations

import datetime
import email.utils
import errno
import os
import stat
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit, urlunsplit

from .config import CONFIG_NAME, Config
from .cutoff import Cutoff
from .errors import VerlagError
from .limits import SITE_PAGE

LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})  # the names the author's browser uses for the preview
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# a name below site/ is opened as itself, never as what a link names; O_NONBLOCK: a named pipe put there between
# the look at its kind and the open cannot make the open wait for a writer
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | _CLOEXEC
_ENTRY = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | _CLOEXEC
IDLE_SECONDS = 20.0  # how long a connection may wait for the client to send or to take what was sent
HEADER_SECONDS = 20.0  # how long a client may take to send a request's line and headers, all of them


def open_below(site: str, names: list[str]) -> int:
    """A descriptor of the regular file or folder ``site``/``names[0]``/…, each name opened in the folder opened
    before it (``openat``) with ``O_NOFOLLOW``, so no symbolic link below ``site`` is followed, whenever it was
    put there; ``site`` itself may be one. Raises ``OSError`` for a missing name, a link (``ELOOP``), a name
    below a file (``ENOTDIR``), and for a named pipe, socket or device (``ENXIO``: never opened, or, swapped in
    between the look and the open, opened without waiting and closed unread); ``ValueError`` for a NUL byte."""
    fd = os.open(site, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    try:
        for name in names[:-1]:
            fd, folder = os.open(name, _FOLDER, dir_fd=fd), fd
            os.close(folder)
        if names:
            kind = os.stat(names[-1], dir_fd=fd, follow_symlinks=False).st_mode
            if not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)):
                raise OSError(errno.ELOOP if stat.S_ISLNK(kind) else errno.ENXIO, "not a file", names[-1])
            fd, folder = os.open(names[-1], _ENTRY, dir_fd=fd), fd
            os.close(folder)
        kind = os.fstat(fd).st_mode
        if not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)):
            raise OSError(errno.ENXIO, "not a file", names[-1])
        return fd
    except BaseException:
        os.close(fd)
        raise

def watched(config: Config) -> dict[str, int]:
    """Modification stamps of everything a build reads: sources, catalogs, theme, settings, and the day it is
    (``schedule.today``), so that a preview left running shows an article scheduled for tomorrow from midnight."""
    from .schedule import today
    from .uistrings import theme_dirs

    stamps = {}
    for folder in (config.source_dir, config.translations_dir, *theme_dirs(config)):
        for path in folder.rglob("*"):
            if path.is_file():
                stamps[str(path)] = path.stat().st_mtime_ns
    settings = config.root / CONFIG_NAME
    stamps[str(settings)] = settings.stat().st_mtime_ns if settings.exists() else 0
    stamps[""] = today(config.zone).toordinal()  # no file has an empty name
    return stamps


class _Handler(SimpleHTTPRequestHandler):
    # the site's text files are UTF-8, as their <meta charset> says; a header without it leaves some clients guessing
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      **{ext: f"{kind}; charset=utf-8" for ext, kind in (
                          (".html", "text/html"), (".css", "text/css"), (".js", "text/javascript"),
                          (".xml", "application/xml"), (".json", "application/json"), (".txt", "text/plain"),
                          (".svg", "image/svg+xml"))}}

    def __init__(self, *args, base_path: str, languages: tuple[str, ...], timeout: float, **kwargs):
        self.base_path = base_path
        self.languages = languages
        self.timeout = timeout  # the connection's socket timeout (``StreamRequestHandler.setup``)
        super().__init__(*args, **kwargs)

    def handle_one_request(self):
        """As the standard handler's, reading the request line and headers within ``HEADER_SECONDS`` as a whole:
        the socket timeout bounds each read only, so a client sending a byte every few seconds held a thread
        for good (many of them, every thread). Past the time its connection is shut (``cutoff.Cutoff``), which ends
        the read waiting for it, and the request is dropped unanswered (``parse_request``)."""
        self._headers_by = Cutoff(self.connection, HEADER_SECONDS)
        try:
            super().handle_one_request()
        finally:
            self._headers_by.end()

    def parse_request(self) -> bool:
        """The standard handler's, false (the connection closed) for a request whose headers came too late."""
        parsed = super().parse_request()
        if self._headers_by.end():
            self.close_connection = True
            return False
        return parsed

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if route.startswith(self.base_path):
            route = "/" + route[len(self.base_path):]
        return super().translate_path(route)

    def send_head(self):
        """As the standard handler's (a folder's index.html, a folder without a slash redirected, 304 for a page
        the browser has), for a request to a local name (else 403; the host of a target in absolute form, ``GET
        http://host/…``, is the request's; one urlsplit cannot read is 400) of a file inside site/ reached through no
        symbolic link (``open_below``; else 404, as a named pipe there: opening one waits for a writer)."""
        try:
            target = urlsplit(self.path)
        except ValueError:  # an absolute form whose host urlsplit refuses (``http://[::1/``)
            self.send_error(400, "a request target verlag serve cannot read")
            return None
        try:  # the host of a target in absolute form is the request's, whatever Host says (RFC 9112 3.2.2)
            host = (target if target.netloc else urlsplit("//" + self.headers.get("Host", "127.0.0.1"))).hostname
        except ValueError:
            host = None
        if host not in LOCAL_NAMES:
            self.send_error(403, "verlag serve answers only requests to 127.0.0.1 or localhost")
            return None
        path = self.translate_path(self.path)
        names = [name for name in os.path.relpath(path, self.directory).split(os.sep) if name != os.curdir]
        try:
            fd = open_below(self.directory, names)
        except (OSError, ValueError):  # ValueError: a NUL byte (%00), which no file name has
            self.send_error(404)
            return None
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            os.close(fd)
            parts = target
            if not parts.path.endswith("/"):  # as the standard handler (and Apache): the folder's address
                self.send_response(301)
                self.send_header("Location", urlunsplit((*parts[:2], parts.path + "/", *parts[3:])))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            for index in ("index.html", "index.htm"):
                try:
                    fd = open_below(self.directory, [*names, index])
                except (OSError, ValueError):
                    continue
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    path = os.path.join(path, index)
                    break
                os.close(fd)
            else:
                return self.list_directory(path)
        elif path.endswith("/"):  # a file asked for as a folder: as the standard handler
            os.close(fd)
            self.send_error(404)
            return None
        file = os.fdopen(fd, "rb")
        try:
            return self._answer(file, self.guess_type(path))
        except BaseException:
            file.close()
            raise

    def _answer(self, file, ctype: str):
        """The answer for an opened ``file``: 304 when the browser's copy is the file (the file closed, None), else
        200 with its type, size, modification time and entity tag (``file`` returned, to be sent).

        Every answer says ``Cache-Control: no-cache`` (RFC 9111 5.2.2.4): a preview must show the last build, so
        the browser asks each time instead of keeping a page for a tenth of its age (its heuristic freshness,
        RFC 9111 4.2.2, without which a page built ten days ago stayed a day after the next build). The entity tag
        is the file's modification time in nanoseconds and its size: ``Last-Modified`` counts whole seconds, so
        a page built twice within one second was answered 304 and the browser kept the first build (a test's
        two builds did). ``If-None-Match`` is weighed first and alone (RFC 9110 13.2.2); ``If-Modified-Since``
        alone (Chromium revalidates by it too) answers 304 only for a file not newer than the moment it names, so
        never for one built again within that second."""
        fs = os.fstat(file.fileno())
        tag = f'"{fs.st_mtime_ns:x}-{fs.st_size:x}"'
        if "If-None-Match" in self.headers:
            asked = {part.strip().removeprefix("W/") for part in self.headers["If-None-Match"].split(",")}
            if tag in asked or "*" in asked:
                return self._not_modified(file, tag)
        elif "If-Modified-Since" in self.headers:
            try:
                since = email.utils.parsedate_to_datetime(self.headers["If-Modified-Since"])
            except (TypeError, IndexError, OverflowError, ValueError):  # ill-formed: ignored
                since = None
            if since is not None and since.tzinfo is None:  # the obsolete format without a zone (RFC 7231 7.1.1.1)
                since = since.replace(tzinfo=datetime.timezone.utc)
            if since is not None and since.tzinfo is datetime.timezone.utc:
                # whole seconds against the file's own time: a copy from earlier in the second it was built again
                # is no copy of it (Chromium revalidated a page built twice in one second by this date alone)
                if datetime.datetime.fromtimestamp(fs.st_mtime, datetime.timezone.utc) <= since:
                    return self._not_modified(file, tag)
        self.send_response(200)
        self.send_header("Content-type", ctype)
        self.send_header("Content-Length", str(fs.st_size))
        self.send_header("Last-Modified", self.date_time_string(fs.st_mtime))
        self.send_header("ETag", tag)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return file

    def _not_modified(self, file, tag: str) -> None:
        """304 for the browser's copy of ``file``, which is closed (nothing to send)."""
        self.send_response(304)
        self.send_header("ETag", tag)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        file.close()
        return None

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        route = unquote(urlsplit(self.path).path)[len(self.base_path):]
        lang = route.split("/", 1)[0]
        body = self._page(f"{lang}/404.html") if lang in self.languages else None
        body = self._page("404.html") if body is None else body
        if body is None:
            return super().send_error(code, message, explain)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, rel: str) -> bytes | None:
        """The bytes of the 404 page ``rel`` ("de/404.html") of site/, as ``send_head`` opens every page
        (``open_below``); None when there is none, it cannot be read, or it is over ``limits.SITE_PAGE`` (read
        whole to be sent: a large file put in its place is not)."""
        try:
            fd = open_below(self.directory, rel.split("/"))
        except (OSError, ValueError):
            return None
        with os.fdopen(fd, "rb") as file:
            found = os.fstat(fd)
            if not stat.S_ISREG(found.st_mode) or SITE_PAGE.problem(found.st_size):
                return None
            try:
                body = file.read(SITE_PAGE.bytes + 1)
            except OSError:
                return None
        return body if len(body) <= SITE_PAGE.bytes else None  # not grown past the limit since the fstat

    def list_directory(self, path):
        """A folder without index.html (an article's left-over folder) is a missing page, not a listing."""
        self.send_error(404)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """Say nothing when the browser dropped the connection (it left the page or cancelled a download while
        a file was being sent: BrokenPipeError, ConnectionResetError) or stopped taking it for ``IDLE_SECONDS``
        (TimeoutError); any other failure as the standard server."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def make_server(site: Path, port: int, base_path: str, languages: tuple[str, ...]) -> ThreadingHTTPServer:
    """A server for ``site`` on 127.0.0.1:``port``, each connection dropped after ``IDLE_SECONDS`` without a byte
    from or to the client; VerlagError naming the port when it cannot listen there."""
    handler = partial(_Handler, directory=str(site), base_path=base_path, languages=languages, timeout=IDLE_SECONDS)
    try:
        return _Server(("127.0.0.1", port), handler)
    except OSError as exc:
        raise VerlagError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}; another program (or "
                          f"another verlag serve) uses it: stop it, or pick another with --port") from None


def watch(load: Callable[[], Config], rebuild: Callable[[Config], None], stop: threading.Event,
          report: Callable[[Exception], None], interval: float = 1.0) -> None:
    """Call ``rebuild`` whenever the watched files change, until ``stop`` is set.

    A half-written verlag.toml, a file vanishing mid-scan or a failing build is reported and the
    watching goes on: the preview must survive the author's editing.
    """
    last = None
    while True:
        try:
            config = load()
            now = watched(config)
            if last is not None and now != last:
                rebuild(config)
            last = now
        except Exception as exc:  # noqa: BLE001 - reported, and the next change is tried again
            report(exc)
        if stop.wait(interval):
            return

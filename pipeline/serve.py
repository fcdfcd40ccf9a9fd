"""``verlag serve``: preview site/ on 127.0.0.1 and rebuild when an input changes.

Polling (once a second) keeps it dependency-free and works on every file
system. A failed rebuild is reported and the last good site stays online.
A missing page answers 404 with that language's 404 page, as a host would
(the site's root 404 page for a language not published yet); a folder
without an index.html answers 404 too, never a directory listing.

Only the author's own browser is served: a request naming another host
(``Host: evil.example``, what a web page gets by DNS rebinding, pointing its
name at 127.0.0.1) is refused with 403, and a file under site/ that is a
symlink leading out of it is missing (404), so no page on the web can read
files of the machine through the preview; so is a path no file can have (``%00``).
A browser dropping a connection mid-file is normal and prints nothing.
"""

from __future__ import annotations

import os
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from .config import CONFIG_NAME, Config
from .errors import VerlagError

LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})  # the names the author's browser uses for the preview

def watched(config: Config) -> dict[str, int]:
    """Modification stamps of everything a build reads: sources, catalogs, theme, settings."""
    from .uistrings import theme_dirs

    stamps = {}
    for folder in (config.source_dir, config.translations_dir, *theme_dirs(config)):
        for path in folder.rglob("*"):
            if path.is_file():
                stamps[str(path)] = path.stat().st_mtime_ns
    settings = config.root / CONFIG_NAME
    stamps[str(settings)] = settings.stat().st_mtime_ns if settings.exists() else 0
    return stamps


class _Handler(SimpleHTTPRequestHandler):
    # the site's text files are UTF-8, as their <meta charset> says; a header without it leaves some clients guessing
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      **{ext: f"{kind}; charset=utf-8" for ext, kind in (
                          (".html", "text/html"), (".css", "text/css"), (".js", "text/javascript"),
                          (".xml", "application/xml"), (".json", "application/json"), (".txt", "text/plain"),
                          (".svg", "image/svg+xml"))}}

    def __init__(self, *args, base_path: str, languages: tuple[str, ...], **kwargs):
        self.base_path = base_path
        self.languages = languages
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if route.startswith(self.base_path):
            route = "/" + route[len(self.base_path):]
        return super().translate_path(route)

    def send_head(self):
        """As the standard handler, for a request to a local name (else 403) of a file inside site/ (else 404; a
        named pipe there too: opening one waits for a writer)."""
        try:
            host = urlsplit("//" + self.headers.get("Host", "127.0.0.1")).hostname
        except ValueError:
            host = None
        if host not in LOCAL_NAMES:
            self.send_error(403, "verlag serve answers only requests to 127.0.0.1 or localhost")
            return None
        site = os.path.realpath(self.directory)
        try:
            inside = os.path.commonpath([site, os.path.realpath(self.translate_path(self.path))]) == site
        except ValueError:  # a NUL byte (%00): no file has that name
            inside = False
        path = self.translate_path(self.path)
        if not inside or os.path.exists(path) and not os.path.isdir(path) and not os.path.isfile(path):
            self.send_error(404)  # outside site/, or a named pipe, socket or device: never opened
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        route = unquote(urlsplit(self.path).path)[len(self.base_path):]
        lang = route.split("/", 1)[0]
        page = Path(self.directory) / f"{lang}/404.html"
        if lang not in self.languages or not self._served(page):
            page = Path(self.directory) / "404.html"
        if not self._served(page):
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _served(self, page: Path) -> bool:
        """Whether ``page`` is a file the preview sends: one inside site/ after following its symlinks, as
        ``send_head`` requires of every page."""
        site = os.path.realpath(self.directory)
        return page.is_file() and os.path.commonpath([site, os.path.realpath(page)]) == site

    def list_directory(self, path):
        """A folder without index.html (an article's left-over folder) is a missing page, not a listing."""
        self.send_error(404)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """Say nothing when the browser dropped the connection (it left the page or cancelled a download while
        a file was being sent: BrokenPipeError, ConnectionResetError); any other failure as the standard server."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site: Path, port: int, base_path: str, languages: tuple[str, ...]) -> ThreadingHTTPServer:
    """A server for ``site`` on 127.0.0.1:``port``; VerlagError naming the port when it cannot listen there."""
    handler = partial(_Handler, directory=str(site), base_path=base_path, languages=languages)
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

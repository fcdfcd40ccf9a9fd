"""Tests for pipeline.serve that need no project: the preview server over real sockets on 127.0.0.1."""

import socket
import struct
import threading
import time
import urllib.request

from conftest import WALL
from pipeline.serve import make_server


def _handlers_running() -> bool:
    return any("process_request_thread" in t.name for t in threading.enumerate())


def test_a_browser_dropping_a_connection_mid_file_prints_no_traceback(tmp_path, capfd):
    """A browser that leaves a page (or cancels a large download) resets the connection while the file is
    still being sent: that is normal and must not fill the author's terminal with a traceback."""
    (tmp_path / "big.bin").write_bytes(b"x" * (16 * 1024 * 1024))
    (tmp_path / "index.html").write_text("<p>da</p>", encoding="utf-8")
    server = make_server(tmp_path, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", server.server_port)) as sock:
                sock.sendall(f"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{server.server_port}\r\n\r\n".encode())
                assert sock.recv(100).startswith(b"HTTP/1.0 200")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with RST
        deadline = time.monotonic() + WALL
        while _handlers_running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _handlers_running(), "the server never noticed the dropped connections"
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/index.html") as response:
            assert response.read() == b"<p>da</p>", "the server goes on serving"
    finally:
        server.shutdown()
        server.server_close()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err


def test_a_named_pipe_in_site_is_a_missing_page_and_never_opened(tmp_path):
    """A named pipe under site/ (a FIFO left there) was opened for the request, which then waited for a writer
    forever: it is answered 404 like a missing page, and the server goes on serving."""
    import os
    import urllib.error

    (tmp_path / "index.html").write_text("<p>da</p>", encoding="utf-8")
    os.mkfifo(tmp_path / "rohr.html")
    server = make_server(tmp_path, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/rohr.html", timeout=WALL)
            raise AssertionError("a named pipe was served")
        except urllib.error.HTTPError as error:
            assert error.code == 404
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/index.html", timeout=WALL) as response:
            assert response.read() == b"<p>da</p>"
    finally:
        server.shutdown()
        server.server_close()


def test_a_404_page_that_is_a_symlink_out_of_site_is_not_sent(tmp_path):
    """A missing page is answered with the language's 404.html; one that is a symbolic link leading out of site/
    (``site/de/404.html`` -> a file of the machine) was sent as it, which every other file of site/ is not:
    now the server's own short 404 answers, as where there is no 404 page."""
    import os
    import urllib.error

    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    (tmp_path / "geheim.txt").write_text("private key", encoding="utf-8")
    os.symlink(tmp_path / "geheim.txt", site / "de/404.html")
    os.symlink(tmp_path / "geheim.txt", site / "404.html")
    server = make_server(site, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for address in ("/de/fehlt/", "/fehlt/"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{address}", timeout=WALL)
                raise AssertionError("a missing page was found")
            except urllib.error.HTTPError as error:
                assert error.code == 404 and b"private key" not in error.read()
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_swapped_for_a_symlink_out_of_site_between_check_and_open_is_not_sent(tmp_path, monkeypatch):
    """The server looked at a page's path (inside site/, a file) and then opened it by that path: a page swapped
    for a symbolic link to a file of the machine in between was sent. Each name is now opened without following
    a link (``open_below``): the swap, made here at the last moment before the page is opened, answers 404."""
    import os
    import urllib.error

    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    page = site / "de/seite.html"
    page.write_text("<p>Seite</p>", encoding="utf-8")
    (tmp_path / "geheim.txt").write_text("private key", encoding="utf-8")
    swapped = []

    def swapping(real):
        def call(name, *args, **kwargs):
            if not swapped and os.fspath(name).endswith("seite.html"):
                swapped.append(name)
                page.unlink()
                page.symlink_to(tmp_path / "geheim.txt")
            return real(name, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "open", swapping(os.open))  # the open of the page's name
    monkeypatch.setattr(os.path, "exists", swapping(os.path.exists))  # the look at the page before the open
    server = make_server(site, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/de/seite.html", timeout=WALL) as got:
                body = got.read()
        except urllib.error.HTTPError as error:
            assert error.code == 404
            body = error.read()
    finally:
        server.shutdown()
        server.server_close()
    assert swapped and page.is_symlink()
    assert b"private key" not in body


def test_pages_folders_and_a_browser_s_copy_are_answered_as_the_standard_server_answers_them(tmp_path):
    """``send_head`` opens each page itself (``open_below``); what it answers is the standard handler's: a folder's
    index.html, a folder asked for without its slash redirected to it, 304 for a page the browser has, 404 for a
    file asked for as a folder, a symbolic link inside site/ and a path through one."""
    import http.client
    import os

    site = tmp_path / "site"
    (site / "de/tee").mkdir(parents=True)
    (site / "de/tee/index.html").write_text("<p>Tee</p>", encoding="utf-8")
    os.utime(site / "de/tee/index.html", (1_700_000_000, 1_700_000_000))  # on a second: its copy is the file
    (site / "style.css").write_text("p{}", encoding="utf-8")
    os.symlink(site / "style.css", site / "link.css")
    os.symlink(site / "de", site / "fr")
    server = make_server(site, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def get(path: str, **headers) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=WALL)
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{server.server_port}", **headers})
        response = connection.getresponse()
        answer = response.status, dict(response.getheaders()), response.read()
        connection.close()
        return answer

    try:
        page = get("/de/tee/")
        moved = get("/de/tee?x=1")
        kept = get("/de/tee/", **{"If-Modified-Since": page[1]["Last-Modified"]})
        css = get("/style.css")
        answers = [get(path)[0] for path in ("/style.css/", "/link.css", "/fr/tee/", "/fehlt.html")]
    finally:
        server.shutdown()
        server.server_close()
    assert page[0] == 200 and page[2] == b"<p>Tee</p>" and page[1]["Content-type"] == "text/html; charset=utf-8"
    assert moved[0] == 301 and moved[1]["Location"] == "/de/tee/?x=1"
    assert kept[0] == 304 and kept[2] == b""
    assert css[0] == 200 and css[2] == b"p{}" and css[1]["Content-Length"] == "3"
    assert answers == [404, 404, 404, 404]


def test_a_page_built_again_within_the_same_second_is_sent_again(tmp_path):
    """``Last-Modified`` counts whole seconds: a page built twice within one second was answered 304 to the
    browser holding the first build, which it kept showing (CI: test_browser's second build). The entity tag
    (modification time in nanoseconds, size) tells the builds apart; the browser's own copy is still 304, and
    every answer asks the browser to check again (``no-cache``) rather than keep a page it thinks fresh."""
    import http.client
    import os

    site = tmp_path / "site"
    (site / "de/tee").mkdir(parents=True)
    page = site / "de/tee/index.html"
    page.write_text("<p>erste Fassung</p>", encoding="utf-8")
    second = 1_700_000_000
    os.utime(page, ns=(second * 10**9 + 100_000_000,) * 2)
    server = make_server(site, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def get(**headers) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=WALL)
        connection.request("GET", "/de/tee/", headers={"Host": f"127.0.0.1:{server.server_port}", **headers})
        response = connection.getresponse()
        answer = response.status, dict(response.getheaders()), response.read()
        connection.close()
        return answer

    try:
        first = get()
        kept = get(**{"If-None-Match": first[1]["ETag"], "If-Modified-Since": first[1]["Last-Modified"]})
        page.write_text("<p>zweite Fassung</p>", encoding="utf-8")
        os.utime(page, ns=(second * 10**9 + 700_000_000,) * 2)
        again = get(**{"If-None-Match": first[1]["ETag"], "If-Modified-Since": first[1]["Last-Modified"]})
        dated = get(**{"If-Modified-Since": first[1]["Last-Modified"]})  # as Chromium revalidated it in CI
    finally:
        server.shutdown()
        server.server_close()
    assert first[0] == 200 and first[1]["Cache-Control"] == "no-cache"
    assert kept[0] == 304 and kept[1]["ETag"] == first[1]["ETag"] and kept[1]["Cache-Control"] == "no-cache"
    assert again[0] == 200 and again[2] == b"<p>zweite Fassung</p>"
    assert again[1]["Last-Modified"] == first[1]["Last-Modified"] and again[1]["ETag"] != first[1]["ETag"]
    assert dated[0] == 200 and dated[2] == b"<p>zweite Fassung</p>"


def test_a_404_page_over_the_limit_of_a_site_page_is_not_read(tmp_path):
    """A missing page is answered with the language's 404.html, read whole to be sent: a large file in its place
    (300 MB here, sparse) filled the memory, once per request. Over ``limits.SITE_PAGE`` (100 MB) it is not read:
    the server's own short 404 answers, as where there is no 404 page."""
    import resource
    import urllib.error

    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    with open(site / "de/404.html", "wb") as file:
        file.truncate(300 << 20)
    server = make_server(site, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/de/fehlt/", timeout=WALL)
            raise AssertionError("a missing page was found")
        except urllib.error.HTTPError as error:
            assert error.code == 404 and len(error.read()) < 10_000
    finally:
        server.shutdown()
        server.server_close()
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB


def test_a_client_that_sends_nothing_is_dropped_and_others_are_served_meanwhile(tmp_path, monkeypatch, capfd):
    """A connection opened and left silent (slowloris) held one of the server's threads for good, and many such
    connections exhausted it: each is now dropped after ``IDLE_SECONDS`` (here 1 s), while other clients are
    served, and a client that stops reading a large file is dropped too, with no word on the terminal."""
    from pipeline import serve

    monkeypatch.setattr(serve, "IDLE_SECONDS", 1.0, raising=False)
    (tmp_path / "index.html").write_text("<p>da</p>", encoding="utf-8")
    (tmp_path / "big.bin").write_bytes(b"x" * (32 * 1024 * 1024))
    server = make_server(tmp_path, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    silent = [socket.create_connection(("127.0.0.1", server.server_port)) for _ in range(50)]
    stalled = socket.create_connection(("127.0.0.1", server.server_port))
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stalled.sendall(f"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{server.server_port}\r\n\r\n".encode())
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/index.html", timeout=WALL) as response:
            assert response.read() == b"<p>da</p>", "another client is served while the silent ones wait"
        deadline = time.monotonic() + 30  # far beyond 1 s, however busy the machine
        for sock in silent:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            assert sock.recv(100) == b"", "the server closes a connection that sent nothing"
        while _handlers_running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _handlers_running(), "a connection that stopped reading still holds a thread"
    finally:
        for sock in (*silent, stalled):
            sock.close()
        server.shutdown()
        server.server_close()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err


def test_a_client_dripping_its_headers_is_dropped_and_others_are_served_meanwhile(tmp_path, monkeypatch, capfd):
    """The socket timeout bounds each read: a client sending one byte of its headers every few tenths of a
    second never waited ``IDLE_SECONDS`` for one and held a thread for good. The request's line and headers
    must now all arrive within ``HEADER_SECONDS`` (here 2 s): the dripping connection is closed unanswered,
    while another client is served."""
    from pipeline import serve

    monkeypatch.setattr(serve, "IDLE_SECONDS", 1.0, raising=False)
    monkeypatch.setattr(serve, "HEADER_SECONDS", 2.0, raising=False)
    (tmp_path / "index.html").write_text("<p>da</p>", encoding="utf-8")
    server = make_server(tmp_path, 0, "/", ("de",))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    drip = socket.create_connection(("127.0.0.1", server.server_port))
    drip.sendall(f"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{server.server_port}\r\nX-Langsam: ".encode())
    closed = threading.Event()

    def dripping():
        deadline = time.monotonic() + 30  # far beyond 2 s, however busy the machine
        try:
            while time.monotonic() < deadline:
                drip.sendall(b"a")
                time.sleep(0.2)
        except OSError:  # the server closed the connection
            closed.set()

    dripper = threading.Thread(target=dripping, daemon=True)
    started = time.monotonic()
    dripper.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/index.html", timeout=WALL) as response:
            assert response.read() == b"<p>da</p>", "another client is served while one drips its headers"
        drip.settimeout(30)
        assert drip.recv(100) == b"", "the server closes the dripping connection, unanswered"
        assert time.monotonic() - started >= 1.5, "not before its time"
        dripper.join(30)
        assert closed.is_set(), "the dripping client's writes fail once the server closed the connection"
        deadline = time.monotonic() + 30
        while _handlers_running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _handlers_running(), "a dripping connection still holds a thread"
    finally:
        drip.close()
        server.shutdown()
        server.server_close()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err

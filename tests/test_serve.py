"""Tests for pipeline.serve that need no project: the preview server over real sockets on 127.0.0.1."""

import socket
import struct
import threading
import time
import urllib.request

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
        deadline = time.monotonic() + 10
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
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/rohr.html", timeout=10)
            raise AssertionError("a named pipe was served")
        except urllib.error.HTTPError as error:
            assert error.code == 404
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/index.html", timeout=10) as response:
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
                urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{address}", timeout=10)
                raise AssertionError("a missing page was found")
            except urllib.error.HTTPError as error:
                assert error.code == 404 and b"private key" not in error.read()
    finally:
        server.shutdown()
        server.server_close()

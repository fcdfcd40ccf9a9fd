"""A deadline on a socket as a whole: ``Cutoff`` shuts it down once the time is up, for the HTTP client that asks
the translation services (``polite``: an answer's headers dripped a byte at a time) and the preview server
(``serve``: a request's headers dripped the same way). A socket's own timeout bounds each read only."""

from __future__ import annotations

import socket
import threading


class Cutoff:
    """Shuts ``sock`` down (both ways) once ``seconds`` have passed, unless ``end`` comes first: a read waiting
    on it then returns at once, whatever the socket's own timeout, which bounds each read only."""

    def __init__(self, sock: socket.socket, seconds: float):
        self.sock, self.lock, self.fired, self.ended = sock, threading.Lock(), False, False
        self.timer = threading.Timer(max(0.0, seconds), self._cut)
        self.timer.daemon = True
        self.timer.start()

    def _cut(self) -> None:
        with self.lock:
            if not self.ended:
                self.fired = True
                try:
                    self.sock.shutdown(socket.SHUT_RDWR)
                except OSError:  # closed meanwhile
                    pass

    def end(self) -> bool:
        """Stop the timer; whether it had shut the socket down."""
        with self.lock:
            self.ended = True
        self.timer.cancel()
        return self.fired

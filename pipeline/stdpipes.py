"""Standard output and error as a command writes them: safe for a terminal, and outliving their reader.

``guard_streams`` is called once, before click parses the command line, so every message (click's usage
errors too) goes through both:

- ``ShownControls``: messages quote files (a title, a shortcode, a msgstr, a web page's text, a file name);
  an escape sequence in one would otherwise reach the terminal, which acts on it (ECMA-48 OSC: set the window
  title; OSC 52: write the clipboard) or hides text with it (a carriage return, a cursor movement).
- ``outlive_the_reader``: ``verlag import PAGE | head -1`` finishes the import, and so does
  ``verlag import PAGE 2>&-``. Python ignores SIGPIPE, so a write to a pipe whose reader has left raises
``BrokenPipeError``, and a command that says "wrote source_de/x.md" before it
writes the file would stop there. Here such a write succeeds without a word
(the rest of the output is dropped) and the command completes its work and
exits as it would have; a terminal, a file or a test runner's stream is left
as it is.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys

__all__ = ["guard_streams", "outlive_the_reader", "ShownControls", "TERMINAL_CONTROL_RE"]

# C0 controls but tab and newline, DEL and the C1 controls (ECMA-48): what a terminal acts on instead of showing;
# and the bidirectional embeddings, overrides and isolates (Unicode TR 9), which reorder what a message shows
# ("Trojan Source", CVE-2021-42574).
TERMINAL_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def guard_streams() -> None:
    """``outlive_the_reader``, then ``ShownControls`` around ``sys.stdout`` and ``sys.stderr`` (each once a
    process). Never raises."""
    outlive_the_reader()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, ShownControls):
            setattr(sys, name, ShownControls(stream))


class ShownControls:
    """A text stream that writes control characters as ``\\x1b``-style escapes; everything else (flush, isatty,
    fileno, encoding: what click's progress bar and colour detection ask) is the wrapped stream's (``raw``)."""

    def __init__(self, raw):
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(TERMINAL_CONTROL_RE.sub(_shown, text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def _shown(m: re.Match) -> str:
    """A control character as Python writes it in a string literal: ``\\x1b``, ``\\u202e``."""
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class _LeftReader(io.RawIOBase):
    """File descriptor ``fd`` as a raw stream whose writes go on succeeding after EPIPE (nothing is written)."""

    def __init__(self, fd: int):
        super().__init__()
        self.fd, self.gone = fd, False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def write(self, data) -> int:
        if not self.gone:
            try:
                return os.write(self.fd, data)
            except BrokenPipeError:
                self.gone = True
        return len(data)


def outlive_the_reader() -> None:
    """Put ``sys.stdout`` and ``sys.stderr`` on a ``_LeftReader`` where they are a pipe or a socket (once a
    process; the streams they replace stay open as ``sys.__stdout__`` and ``sys.__stderr__``), and on the null
    device where they were closed before the process started (``verlag build 2>&-``: Python makes them None,
    which a progress bar or a message cannot write to). Never raises."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - the process's own stream
            continue
        try:
            fd = stream.fileno()
            mode = os.fstat(fd).st_mode
        except (AttributeError, OSError, ValueError):  # no file descriptor (io.UnsupportedOperation is an OSError)
            continue
        if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)) or isinstance(getattr(stream, "buffer", None), _Buffered):
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader left already: what was buffered is dropped, as everything after it will be
        setattr(sys, name, io.TextIOWrapper(_Buffered(_LeftReader(fd)), encoding=stream.encoding,
                                            errors=stream.errors, line_buffering=stream.line_buffering,
                                            write_through=name == "stderr"))


class _Buffered(io.BufferedWriter):
    """The buffer of a stream ``outlive_the_reader`` made (so it is not wrapped twice)."""

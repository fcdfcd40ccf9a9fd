"""Typed errors that carry the file and line a person has to look at, and the excerpts of text messages quote."""

from __future__ import annotations

import errno
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from . import LazyPattern


class VerlagError(Exception):
    """Bad input or bad usage: reported as ``error: path:line: message``, exit 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{shown_path(self.path)}:{self.line}: " if self.line else f"{shown_path(self.path)}: "
        return f"{where}{self.message}"


# The first bytes of files a mix-up leaves where a text file belongs (an image saved under a catalog's name)
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive (a Word or OpenDocument file is one)"),
               (b"\x1f\x8b", "a gzip archive"), (b"RIFF", "a WebP image"))


def not_utf8(data: bytes) -> tuple[str, str] | None:
    """(``"utf-16"`` or ``"binary"``, what to say) for ``data``, which is not UTF-8, where its bytes say what it is:
    UTF-16 by its byte order mark (FF FE, FE FF) or by a NUL beside each ASCII character; no text at all by an
    image's or archive's signature, or by NUL bytes, which no text file holds. None for the rest (text in another
    8-bit encoding, which the caller guesses). Read as 8-bit text, both were misnamed: a UTF-16 source "byte 0xff
    cannot be decoded", a UTF-16 catalog or a PNG "saved in … Windows Western European, cp1252?"."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16", (f"saved as UTF-16 (its first bytes, {data[0]:02X} {data[1]:02X}, are UTF-16's byte order "
                          "mark: Notepad's and Word's 'Unicode')")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return "binary", f"not a text file: it starts as {kind} does (another file saved under this name?)"
    head = data[:4096]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if len(head) >= 4 and max(odd, even) > len(head) // 5 and min(odd, even) * 20 < max(odd, even):
        return "utf-16", ("saved as UTF-16 (a NUL byte beside each letter, without a byte order mark: Notepad's and "
                          "Word's 'Unicode')")
    if odd + even:
        return "binary", "not a text file: it holds NUL bytes, which no text has (another file saved under this name?)"
    return None


def shown_path(path: Path | str) -> str:
    """``path`` as a message names it: a line feed in a file name written ``\\n`` and every other line break
    ``str.splitlines`` knows (a carriage return, NEL, U+2028, U+2029) as its escape (``\\u2028``), so the name
    cannot end the message's line and start a made-up one (``tee<LF>error: x.md``) wherever the message goes (a
    terminal, a log, a CI page); every message that names a file, an error's prefix or a line such as "wrote
    PATH", passes it through here. The terminal's other controls are shown by ``stdpipes.ShownControls``, which
    lets line feeds through for the messages' own lines."""
    return _LINE_BREAK.sub(_escaped, str(path))


_LINE_BREAK = LazyPattern("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _escaped(m: re.Match) -> str:
    """A line break as Python writes it in a string literal: ``\\n``, ``\\x85``, ``\\u2028``."""
    code = ord(m.group())
    return "\\n" if code == 10 else f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


DISK_FULL = (errno.ENOSPC, errno.EDQUOT)  # the device, or the user's quota on it, has no space left


def os_problem(exc: OSError) -> str:
    """What an ``OSError`` says (its ``strerror``), for a message naming the file; of a full disk (``DISK_FULL``)
    also what to do, as the file named is only where verlag met it, not what is wrong."""
    reason = exc.strerror or str(exc)
    if exc.errno in DISK_FULL:
        reason += ": the disk is full; free some space, then run the command again"
    return reason


class UnfilledPage(VerlagError):
    """A placeholder ``verlag init`` wrote, still in a legal page (``practice.unfilled_errors``): unlike other
    problems, the build does not leave that page as it was but takes it off the site until it is filled in."""


class PartLeftOut(VerlagError):
    """A problem with one part of a file that the run leaves out while it makes the rest (an old address of
    ``aliases:``, which costs only its own redirect): the file's pages are written, so the run's last line does not
    say it left the file as it was (trial 25)."""


class Notice(VerlagError):
    """A doubt told beside a file's errors, which alone would not stop it (a front-matter key verlag ignores,
    a likely cause of the errors next to it): reported as ``warning: path:line: message``, as the same doubt is
    for a file without errors."""


class ManyErrors(VerlagError):
    """Several independent bad inputs, reported together so one run shows them all."""

    def __init__(self, errors: list[VerlagError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: list[VerlagError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ManyErrors(errors)


class ArticleFailure(VerlagError):
    """An unexpected exception (a bug in verlag or a library) while one article was processed.

    Reported like bad input, ``error: source_de/<slug>.md:<line>: <what> (while <stage>)``;
    the original exception is ``__cause__``, its traceback shown with ``--debug``.
    """


class EngineUnavailable(Exception):
    """A local engine that can draft nothing this run, its message saying why and what to do (``tm`` with a
    damaged index). ``pretranslate`` skips it for the run, as a network engine that stopped answering
    (``PretranslateResult.unavailable``), and the next engines of the chain draft."""


class BlockFailure(Exception):
    """Raised from an unexpected exception while processing the block at 1-based file ``line``; chained to it."""

    def __init__(self, line: int):
        super().__init__(f"block at line {line}")
        self.line = line


@contextmanager
def stage(ref: str, doing: str):
    """Name the article and stage of any unexpected exception raised inside.

    ``ref``: the article's project-relative path; ``doing``: a gerund phrase
    ("segmenting", "rendering the page"). A ``VerlagError`` passes unchanged
    (it names its own file); any other ``Exception`` becomes an
    ``ArticleFailure`` with the line of the ``BlockFailure`` it came through,
    if any. An ``OSError`` of the article's own file is told by the system's words alone: the message names
    ``ref`` already ("source_de/ordner.md: Is a directory", not the path twice).
    """
    try:
        yield
    except VerlagError:
        raise
    except Exception as exc:  # noqa: BLE001 - containment: the cause is kept and shown with --debug
        line, cause = (exc.line, exc.__cause__) if isinstance(exc, BlockFailure) else (None, exc)
        own = isinstance(cause, OSError) and cause.strerror and isinstance(cause.filename, str) \
            and (cause.filename == ref or cause.filename.replace(os.sep, "/").endswith("/" + ref))
        text = cause.strerror if own else describe(cause)
        raise ArticleFailure(f"{text} (while {doing})", ref, line) from cause


class Outcome:
    """What ``contain`` saw: ``failed`` is True when the work inside raised."""

    failed = False


@contextmanager
def contain(ref: str, doing: str, errors: list[VerlagError]):
    """Run one article's share of a stage; a failure is appended to ``errors`` and the run goes on.

    Yields an ``Outcome``; the caller checks ``outcome.failed`` after the block to leave the
    article's outputs and state as they were (see ``stage`` for how failures are described).
    """
    outcome = Outcome()
    try:
        with stage(ref, doing):
            yield outcome
    except VerlagError as exc:
        outcome.failed = True
        errors.append(exc)


def excerpt(text: str, width: int = 60) -> str:
    """The start of ``text`` as a message quotes it (with ``!r``): at most ``width`` characters, "…" where it is
    cut, its spaces as they are, so a message about a doubled space shows two (``textwrap.shorten`` made every run
    of spaces one); ``repr`` shows a tab, a line break or a no-break space as its escape."""
    return text if len(text) <= width else text[:width - 1] + "…"


def lines_said(items: list[tuple[int, str]]) -> str:
    """The lines of ``items`` ((line, msgid) of a catalog's entries, not empty) for a message: the first five
    ("line 3" or "lines 3, 7, …"), and the first msgid (``excerpt``)."""
    lines = [line for line, _ in items]
    return (f"line{'s' * (len(items) != 1)} {', '.join(map(str, lines[:5]))}{', …' if len(items) > 5 else ''}; "
            f"first: {excerpt(items[0][1])!r}")


def describe(exc: BaseException) -> str:
    """One line for an unexpected exception: ``module.Type: message`` (an OSError: the system's words)."""
    if isinstance(exc, OSError) and exc.strerror:  # unreadable or unwritable file: the system's words
        return exc.strerror if exc.filename is None else f"{exc.filename}: {exc.strerror}"
    kind = type(exc)
    name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
    text = " ".join(str(exc).split())
    return f"{name}: {text}" if text else name


_TOML_AT = LazyPattern(r" \(at line (\d+), column \d+\)$| \(at end of document\)$")
_TWICE = LazyPattern(r"^Cannot declare \((.*?),?\) twice$")


def toml_problem(exc: ValueError, text: str) -> tuple[str, int | None]:
    """What a ``tomllib.TOMLDecodeError`` over ``text`` says in a person's words, and its 1-based line of ``text``
    (None: at the end). tomllib words its errors for parser authors (``Illegal character '\\n'``, ``Cannot declare
    ('site',) twice``); the common mistakes of a hand-edited file (a string or ``[table]`` header not closed on its
    line, a table written twice) are named with what to do (TOML 1.0: strings and headers end on their line, a
    table is defined once). Any other ``ValueError`` is ``int``'s, for a number of more digits than Python converts
    (``sys.get_int_max_str_digits``; tomllib lets it through): named at the first line holding one."""
    import tomllib

    if not isinstance(exc, tomllib.TOMLDecodeError):
        most = sys.get_int_max_str_digits()
        long = re.compile(rf"[0-9_]{{{most + 1},}}")
        for number, written in enumerate(text.split("\n"), 1):
            if (found := long.search(written)) and (digits := sum(c.isdigit() for c in found.group())) > most:
                key = written.split("=", 1)[0].strip() if "=" in written[:found.start()] else "a value"
                return f"{key}: a number of {digits:,} digits, more than verlag reads ({most:,})", number
        return str(exc), None
    said = str(exc)
    found = _TOML_AT.search(said)
    message = said[:found.start()] if found else said
    line = int(found.group(1)) if found and found.group(1) else None
    written = text.split("\n")[line - 1] if line and line <= text.count("\n") + 1 else ""
    if re.match(r"\s*\[[^\]]*$", written):
        return f"the table header {written.strip()!r} is not closed: end it with ']' on its line", line
    if message == "Illegal character '\\n'" and written.count('"') % 2:
        return f"a text in quotes is not closed on its line ({written.strip()!r}): add the closing '\"'", line
    if message == "Cannot overwrite a value" and (key := re.match(r"\s*([\w.\"'-]+)\s*=", written)):
        name = key.group(1).strip("'\"")
        above = text.split("\n")[:line - 1]
        table = max((n for n, other in enumerate(above) if re.match(r"\s*\[", other)), default=-1)  # its table's
        first = next((n for n, other in enumerate(above[table + 1:], table + 2)
                      if re.match(rf"\s*[\"']?{re.escape(name)}[\"']?\s*=", other)), None)
        return (f"{name} is set twice{f' (first at line {first})' if first else ''}: keep the one you want, TOML "
                "sets each key once in a table"), line
    twice = _TWICE.match(message)
    if twice:
        table = ".".join(part.strip().strip("'\"") for part in twice.group(1).split(","))
        return f"[{table}] is written twice: put its keys under one [{table}] line", line
    dated = re.match(r"\s*([\w\"'.-]+)\s*=\s*(\d[\d.:T +-]*?)\s*(?:#.*)?$", written)
    if dated and message in ("Expected newline or end of document after a statement", "Invalid date or datetime") \
            and re.match(r"\d{1,4}[.-]\d{1,2}[.-]\d{1,4}", dated.group(2)):  # date = 2024-13-45, date = 5.12.2026
        from .sources import date_problem

        return date_problem(dated.group(1).strip("'\""), dated.group(2)), line
    if message in ("Unclosed array", "Unclosed inline table") and (opened := _opening_bracket(text, line)):
        name, number, bracket = opened
        return (f"{name}: the '{bracket}' opened here is not closed with '{']' if bracket == '[' else '}'}': end it "
                f"on the same line, e.g. tags = [\"Schlaf\", \"Tee\"]"), number
    quote = '"' if message == "Unterminated string" else \
        "'" if message in ('Expected "\'"', 'Expected "\'\'\'"') else ""
    if line is None and quote:  # tomllib says "at end of document": the string opened where no quote closes it
        opened = _opening_quote(text, quote)
        if opened is not None:
            return f"a text in quotes is not closed: the {quote} on this line opens one that no {quote} ends", opened
    return message, line


def _opening_bracket(text: str, before: int | None) -> tuple[str, int, str] | None:
    """(its key, its line, the bracket) of the array's '[' or inline table's '{' in TOML ``text`` that is not
    closed by line ``before`` (None: the end): tomllib names where it noticed (the end, the next key's line), the
    author needs the line that opened it. Brackets in quoted strings and comments do not count."""
    stack: list[tuple[str, int, str]] = []
    for number, written in enumerate(text.split("\n")[:before], 1):
        if not stack and re.match(r"\s*\[", written):  # a [table] header
            continue
        key = re.match(r"\s*([\w\"'.-]+)\s*=", written)
        quoted = None
        for char in written:
            if quoted:
                quoted = None if char == quoted else quoted
            elif char in "\"'":
                quoted = char
            elif char == "#":
                break
            elif char in "[{":
                stack.append((key.group(1).strip("'\"") if key else "a value", number, char))
            elif char in "]}" and stack:
                stack.pop()
    return stack[0] if stack else None


def _opening_quote(text: str, quote: str) -> int | None:
    """The line of the ``quote`` (" or ') that opens a string no quote closes, in ``text`` that ended inside one:
    the last of an odd number of multi-line openers (three quotes), else the last line with an odd number of the
    quote (an escaped ``\\"`` not counted); None when there is none."""
    triples = [m.start() for m in re.finditer(quote * 3, text)]
    if len(triples) % 2:
        return text.count("\n", 0, triples[-1]) + 1
    lines = text.split("\n")
    for number in range(len(lines), 0, -1):
        if (lines[number - 1].replace("\\\\", "").replace("\\" + quote, "") if quote == '"' else
                lines[number - 1]).count(quote) % 2:
            return number
    return None

"""A reader of the PHP ``serialize()`` values WordPress plugins keep in an export's term descriptions and post meta
(Polylang's ``post_translations`` term: ``a:2:{s:2:"de";i:102;s:2:"en";i:202;}``), by PHP's own grammar
(https://www.php.net/manual/en/function.serialize.php, ext/standard/var_unserializer.re).

An export is outside data: the reader takes only the plain values (null, booleans, integers, floats, strings,
arrays), never an object or reference (``O:``, ``C:``, ``r:``, ``R:``), and is bounded whatever the text claims:
it reads without recursion beyond ``MAX_DEPTH`` arrays, allocates nothing by a declared count (an array may not
claim more entries than the bytes left can hold) and refuses text longer than ``MAX_BYTES``.
"""

from __future__ import annotations

import re

MAX_DEPTH = 10  # Polylang's array is flat; no plugin's language data nests this deep
MAX_BYTES = 1 << 20
_NUMBER = re.compile(rb"-?\d{1,19}")
_FLOAT = re.compile(rb"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NAN|-?INF")


class PhpSerializedError(ValueError):
    """Text that is not a PHP ``serialize()`` value this reader takes: ``why``, at byte ``position`` of its UTF-8."""

    def __init__(self, why: str, position: int):
        super().__init__(f"at byte {position}: {why}")
        self.why, self.position = why, position


def read_serialized(text: str) -> object:
    """The value PHP's ``serialize()`` wrote as ``text``: None, bool, int, float, str (UTF-8 decoded, else Latin-1
    as PHP keeps bytes) or a dict of int or str keys (a PHP array, in its order). Raises ``PhpSerializedError``
    for anything else: cut off, more after the value, an object or reference, nested deeper than ``MAX_DEPTH``,
    an array claiming more entries than its bytes hold, text longer than ``MAX_BYTES``."""
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise PhpSerializedError(f"{len(data)} bytes, more than the {MAX_BYTES} read", 0)
    reader = _Reader(data)
    value = reader.value(0)
    if reader.at != len(data):
        raise PhpSerializedError("more after the " + ("array" if isinstance(value, dict) else "value"), reader.at)
    return value


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def value(self, depth: int) -> object:
        start, kind = self.at, self.data[self.at:self.at + 1]
        if kind == b"N":
            self.expect(b"N;")
            return None
        if kind not in (b"b", b"i", b"d", b"s", b"a"):
            if not kind:
                raise PhpSerializedError("the data ends where a value should be", start)
            raise PhpSerializedError(f"{kind.decode('latin-1')!r} (a PHP object or reference) is not read"
                                     if kind in (b"O", b"C", b"r", b"R", b"E")
                                     else f"{kind.decode('latin-1')!r} starts no PHP value", start)
        self.expect(kind + b":")
        if kind == b"b":
            flag = self.match(_NUMBER, "a boolean (0 or 1)")
            self.expect(b";")
            if flag not in (b"0", b"1"):
                raise PhpSerializedError("a boolean other than 0 or 1", start)
            return flag == b"1"
        if kind == b"i":
            number = int(self.match(_NUMBER, "an integer"))
            self.expect(b";")
            return number
        if kind == b"d":
            number = float(self.match(_FLOAT, "a float").replace(b"INF", b"inf").replace(b"NAN", b"nan"))
            self.expect(b";")
            return number
        if kind == b"s":
            size = int(self.match(_NUMBER, "a string's length"))
            self.expect(b':"')
            if size < 0 or self.at + size + 2 > len(self.data):
                raise PhpSerializedError(f"a string of {size} bytes runs past its end", self.at)
            raw = self.data[self.at:self.at + size]
            self.at += size
            self.expect(b'";')
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                return raw.decode("latin-1")
        return self.array(start, depth)

    def array(self, start: int, depth: int) -> dict:
        if depth >= MAX_DEPTH:
            raise PhpSerializedError(f"arrays nested more than {MAX_DEPTH} deep", start)
        count = int(self.match(_NUMBER, "an array's size"))
        if count < 0 or count * 8 > len(self.data) - self.at:  # the smallest entry, i:0;i:0;, is 8 bytes
            raise PhpSerializedError(f"an array of {count} entries in {len(self.data)} bytes", start)
        self.expect(b":{")
        out: dict = {}
        for _ in range(count):
            where = self.at
            if where >= len(self.data):
                raise PhpSerializedError("the data ends inside the array", where)
            if self.data[where:where + 1] not in (b"i", b"s"):
                raise PhpSerializedError("an array key that is no integer or string", where)
            key = self.value(depth + 1)
            if self.at >= len(self.data):
                raise PhpSerializedError("the data ends inside the array", self.at)
            out[key] = self.value(depth + 1)
        if self.at >= len(self.data):
            raise PhpSerializedError("the data ends inside the array", self.at)
        self.expect(b"}")
        return out

    def expect(self, token: bytes) -> None:
        if not self.data.startswith(token, self.at):
            found = self.data[self.at:self.at + len(token)].decode("utf-8", "replace")
            raise PhpSerializedError(f"{token.decode()!r} expected, not {found!r}" if found
                                     else "the data ends inside the value", self.at)
        self.at += len(token)

    def match(self, pattern: re.Pattern, what: str) -> bytes:
        found = pattern.match(self.data, self.at)
        if found is None:
            raise PhpSerializedError(f"{what} expected", self.at)
        self.at = found.end()
        return found.group()

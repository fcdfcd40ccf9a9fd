"""How large a file verlag reads: each limit far above what a practice writes or receives (measured: README,
"Troubleshooting"), far below what fills the memory or runs for hours. A larger file is that file's error,
raised before it is read or parsed; the other articles and files go on."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import VerlagError

MB = 1 << 20


def size_text(size: int) -> str:
    """``size`` bytes as a person reads them: "2.0 GB", "40.0 MB", "900.0 KB"."""
    for unit, factor in (("GB", 1 << 30), ("MB", MB), ("KB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


@dataclass(frozen=True)
class Limit:
    """At most ``bytes`` of ``what`` ("a German source"); ``advice`` says what to do with a larger one."""

    bytes: int
    what: str
    advice: str

    def check(self, size: int, ref) -> None:
        """Raise ``VerlagError`` naming ``ref`` (file, no line) when ``size`` is over the limit."""
        if size > self.bytes:
            raise VerlagError(f"{size_text(size)} is more than verlag reads of {self.what} "
                              f"({size_text(self.bytes)}); {self.advice}", ref)


# The longest of 500 real articles (peer-bench) is 32 KB; a 1 MB one takes extract 4 s and 85 MB, 4 MB 9 s and 180 MB.
SOURCE = Limit(8 * MB, "a German source", "split it into several articles")
# A catalog is about 1.7 times its source; translations, previous msgids and obsolete entries add to that.
CATALOG = Limit(32 * MB, "a catalog", "is it the right file? One is about twice its article's size")
# A whole blog's export, a feed, a saved page with its images inline, a translation memory.
IMPORTED = Limit(256 * MB, "a file to import", "split it (WordPress exports by date range or category)")
ANSWER = 16 * MB  # one answer of a translation service: a batch's translation is a few KB

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

    def problem(self, size: int) -> str | None:
        """What is wrong with a file of ``size`` bytes, None when it is within the limit."""
        if size > self.bytes:
            return (f"{size_text(size)} is more than verlag reads of {self.what} ({size_text(self.bytes)}); "
                    f"{self.advice}")
        return None

    def check(self, size: int, ref) -> None:
        """Raise ``VerlagError`` naming ``ref`` (file, no line) when ``size`` is over the limit."""
        if problem := self.problem(size):
            raise VerlagError(problem, ref)


# The longest of 500 real articles (peer-bench) is 32 KB; a 1 MB one takes extract 4 s and 85 MB, 4 MB 9 s and 180 MB.
SOURCE = Limit(8 * MB, "a German source", "split it into several articles")
# A catalog is about 1.7 times its source; translations, previous msgids and obsolete entries add to that.
CATALOG = Limit(32 * MB, "a catalog", "is it the right file? One is about twice its article's size")
# A whole blog's export, a feed, a saved page with its images inline, a translation memory.
IMPORTED = Limit(256 * MB, "a file to import", "split it (WordPress exports by date range or category)")
# A saved blog post is a few hundred KB (Save page as, HTML only), a few MB with its images inline; trafilatura and
# the HTML conversion take about 5 s and 50 MB of memory per MB of a page (text and markup; 2 s per MB of an inline
# image), so a page near IMPORTED ran for tens of minutes. A WordPress or feed post is converted the same way.
PAGE = Limit(8 * MB, "a saved web page or one post of an export or feed",
             "save the page without its images inline, or copy the article's text into a .txt file and import that")
ANSWER = 16 * MB  # one answer of a translation service: a batch's translation is a few KB
# A photo is a few MB, a PDF handout a few more; GitHub refuses a file over 100 MB (Cloudflare Pages one over 25 MB),
# so a larger one would not deploy anyway. Read whole to copy and compare it: 2 GB would fill the memory.
MEDIA = Limit(100 * MB, "a file an article shows or links", "make it smaller, or link it where videos are kept")
# An image a page shows is downloaded whole before a reader sees it, on a phone's data plan too; 2000 pixels wide
# (a full-width image on a large screen) is a few hundred KB as JPEG or WebP, a camera's photo 5 to 30 MB.
HEAVY_IMAGE = 5 * MB
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".heic")
# A page of site/ verlag writes is made from a source of at most SOURCE; a larger file there (a page copied from
# static/, one put there by hand) would not deploy either. The search index reads each page to split its work.
SITE_PAGE = Limit(MEDIA.bytes, "a page of the site", "no page verlag writes is this large: remove it")
# verlag.toml: a few dozen settings, 1 to 2 KB (the README's full example is 2 KB).
PROJECT_CONFIG = Limit(1 * MB, "verlag.toml", "is it the right file? Its settings take a few KB")
# A Hugo or Jekyll config is a few KB (menus, languages, permalinks); parsing YAML takes about 50 times its size.
SETTINGS = Limit(4 * MB, "a site's config file", "is it the right file? Hugo and Jekyll keep theirs to a few KB")
# The website's words (site.po) are about 150 short entries, 9 KB in each language verlag ships.
SITE_WORDS = Limit(4 * MB, "a site.po", "is it the right file? The website's words are a few dozen KB")
# A page template (templates/*.html, *.xml) is a few KB; Jinja compiles it to Python of several times its size.
TEMPLATE = Limit(1 * MB, "a page template", "is it the right file? A template is a few KB; put large content "
                 "in an article or in static/")
# translations/glossary.csv: a line per term, about 50 bytes; a practice's few hundred terms are a few dozen KB.
GLOSSARY = Limit(16 * MB, "a glossary", "is it the right file? A line per term is about 50 bytes")
# translations/<lang>/variants.sha256: a line per language variant of an image and its German file, about 100 bytes.
VARIANTS = Limit(16 * MB, "a variants.sha256", "is it the right file? A line per image is about 100 bytes")
# redirects.txt: one line per old address, about 80 bytes; a large blog's move has a few thousand of them.
MOVED = Limit(16 * MB, "redirects.txt", "is it the right file? A line per old address is about 80 bytes")
# An edition (editions/<lang>/<slug>.md) or its record (.json) holds its article's text (at most SOURCE) once, the
# record with a count per segment: eight times SOURCE leaves room for a long translation and JSON's escapes. A
# larger file there is none verlag wrote: the build makes it again, unread.
EDITION = Limit(8 * SOURCE.bytes, "a file of editions/", "not one verlag wrote: 'verlag build' makes it again")
# A file of verlag's own in .verlag/ (a cache it makes again): the largest at N = 500 is site.json, 1.2 MB; an 8 MB
# source's segments are about 19 MB. A larger one is no cache of verlag's: it is done without and made again.
STATE = Limit(64 * MB, "a file of verlag's own in .verlag/", "not one verlag wrote")
# A file Pagefind writes into the search index: pagefind-entry.json lists the languages (a few hundred bytes each),
# a compressed file one page's words or a chunk of an index, each unpacked from a page of at most SOURCE. A larger
# one is damaged or none Pagefind wrote: it is not read, and the index is made again (``search``).
SEARCH_FILE = Limit(64 * MB, "a file of the search index",
                    "not one Pagefind writes: run 'verlag build' again, or set [site] search = false in verlag.toml")
# A page of the review report shows its catalog's entries with the German and the differences once more. A larger
# file in its place is no page of verlag's: it is made again, unread.
REPORT_PAGE = Limit(4 * CATALOG.bytes, "a page of the review report", "not one verlag wrote")

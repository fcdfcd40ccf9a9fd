"""Inline images of an imported page or post: a picture pasted into the editor is a ``data:`` address holding its
bytes (``data:image/png;base64,iVBOR…``). ``verlag import`` saves each as a file of the article's ``bilder/``
folder, named by its content, so the article refers to it by name like any other image and its text carries no
kilobytes of base64 into the catalogs.

The address is read as the WHATWG Fetch standard's "data: URL processor" reads it
(https://fetch.spec.whatwg.org/#data-url-processor): the type before the first ",", the rest percent-decoded,
then, after ``;base64``, forgiving-base64 decoded (ASCII white space ignored). Only the image types browsers show
are saved, and only where the bytes are that type (a PNG's signature, a JPEG's SOI marker …); an SVG is XML that
can run scripts when its file is opened on its own, so one with a script, an event handler, an external reference
or an entity declaration is refused. A PNG, GIF, JPEG or WebP of 1×1 pixels is a spacer or a tracking pixel, which
shows nothing: it is left out (``SPACER``, ``one_pixel``), not saved as an image of the article.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote_to_bytes

from .limits import MEDIA

# The image types browsers show in <img>, with the extension their file gets and the test their bytes must pass
# (the signatures of https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern).
IMAGE_TYPES = {
    "image/png": (".png", lambda d: d.startswith(b"\x89PNG\r\n\x1a\n")),
    "image/jpeg": (".jpg", lambda d: d.startswith(b"\xff\xd8\xff")),
    "image/gif": (".gif", lambda d: d[:6] in (b"GIF87a", b"GIF89a")),
    "image/webp": (".webp", lambda d: d[:4] == b"RIFF" and d[8:12] == b"WEBP"),
    "image/avif": (".avif", lambda d: d[4:12] in (b"ftypavif", b"ftypavis")),
    "image/svg+xml": (".svg", lambda d: b"<svg" in d[:4096].lower()),
}
ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/x-png": "image/png"}
PIXEL_TYPES = ("image/png", "image/gif", "image/jpeg", "image/webp")  # raster images whose header ``one_pixel`` reads
SPACER = "a 1×1 pixel image: a spacer or a tracking pixel, which shows nothing"
NAME_PREFIX = "bild-"  # the saved file's name: this, the first 16 hex digits of its SHA-256, the extension
# What in an SVG runs or loads something when the file is opened on its own: a script, an event handler attribute
# (onload=…), a javascript: address, content of another markup language (foreignObject), an entity declaration
# (a billion laughs) or a reference outside the file (xlink:href="https://…", an <image> of another host, a style
# sheet's @import or url(…)).
SVG_ACTIVE_RE = re.compile(rb"<script|<foreignobject|<!entity|\son[a-z]+\s*=|javascript:|@import|"
                           rb"""\b(?:xlink:)?href\s*=\s*["']?\s*(?!#|["'])|url\(\s*["']?\s*(?!#)""", re.I)
# What of those runs code when the file is opened on its own: a German image's SVG with it is not published (one of
# the project's own may load another host's file, as an <img> of its page may).
SVG_RUNS_RE = re.compile(rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:", re.I)
SVG_ACTIVE = "an SVG with a script, an event handler or a reference outside it, which would run when its file is opened"


@dataclass(frozen=True)
class InlineImage:
    """The bytes of an inline image, standing where ``importer.ImportedArticle.images`` has a file to copy:
    ``name`` (its file name, ``NAME_PREFIX`` + content hash + extension), ``stem`` and ``suffix`` as a path's, and
    ``read_bytes`` give what the copying asks of a file."""

    name: str
    data: bytes

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix

    def read_bytes(self) -> bytes:
        return self.data


def inline_image(address: str) -> InlineImage | str:
    """The image a ``data:`` ``address`` holds, or why it is not saved (a sentence for the import's summary): not
    an image type of ``IMAGE_TYPES``, bytes that are not that type, base64 that does not decode, an SVG that could
    run or load something (``SVG_ACTIVE_RE``), larger than ``limits.MEDIA``, or of 1×1 pixels (``SPACER``)."""
    kind, comma, payload = address[5:].partition(",")
    if not comma:
        return "no ',' ends its type: not a data: address"
    params = [part.strip().lower() for part in kind.split(";")]
    mime = ALIASES.get(params[0], params[0]) or "text/plain"
    if mime not in IMAGE_TYPES:
        return f"{mime} is no image type a browser shows"
    if len(payload) * 3 // 4 > MEDIA.bytes:
        return MEDIA.problem(len(payload) * 3 // 4) or ""
    data = unquote_to_bytes(payload)
    if params[-1] == "base64":  # forgiving-base64: white space ignored, the "=" padding optional
        data = re.sub(rb"[\t\n\f\r ]", b"", data).rstrip(b"=")
        try:
            data = base64.b64decode(data + b"=" * (-len(data) % 4), validate=True)
        except (binascii.Error, ValueError):
            return "its base64 does not decode"
    extension, looks_right = IMAGE_TYPES[mime]
    if not looks_right(data):
        return f"its bytes are no {mime}"
    if mime == "image/svg+xml" and SVG_ACTIVE_RE.search(data):
        return SVG_ACTIVE
    if one_pixel(data):
        return SPACER
    return InlineImage(f"{NAME_PREFIX}{hashlib.sha256(data).hexdigest()[:16]}{extension}", data)


def one_pixel(image: bytes | Path) -> bool:
    """Whether ``image`` (its bytes, or a file) is a PNG, GIF, JPEG or WebP (``PIXEL_TYPES``, told by its signature)
    of 1×1 pixels as its header states them: a spacer or a tracking pixel. ``imagesize`` reads the header: the PNG's
    IHDR chunk (PNG 3rd edition, 11.2.1), the GIF's logical screen (GIF89a, 18), the JPEG's SOFn frame header (ITU-T
    T.81, B.2.2), the WebP's VP8, VP8L or VP8X chunk (RFC 9649, 2.5 to 2.7). False for a header cut off or none of
    those: nothing is left out that is not known to be one pixel."""
    import imagesize

    try:
        if isinstance(image, Path):
            with image.open("rb") as file:
                head = file.read(16)
        else:
            head, image = image[:16], io.BytesIO(image)
        if not any(IMAGE_TYPES[mime][1](head) for mime in PIXEL_TYPES):
            return False
        return tuple(imagesize.get(image)) == (1, 1)
    except Exception:  # noqa: BLE001 - imagesize before 2.0 raises what its parsing meets (struct.error, TypeError)
        return False

"""Social previews: the Open Graph (https://ogp.me/) and Twitter card tags of a page.

A shared link shows the page's title, summary and an image, in the page's language: ``og:locale`` is
the language as ``language_TERRITORY`` (the form Open Graph asks for), the other editions are
``og:locale:alternate``. The image is the article's first image (its alt text as translated) or the
site's default, ``[site] image`` (a file in source_de/) with ``[site.image_alt]`` per language. An alt text
not in the page's language (a translation's image in a passage shown in German) is left out, not given under
``og:locale`` as if it were in that language.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import get_global

from .urlparts import split_url


@lru_cache(maxsize=64)
def og_locale(code: str) -> str:
    """A BCP 47 tag as Open Graph's ``ll_TT``: the territory given (``en-GB`` -> ``en_GB``), else CLDR's
    likely one (``de`` -> ``de_DE``, ``en`` -> ``en_US``, of the script where one is given: ``zh-Hant`` -> ``zh_TW``); a language without one stays as it is. Kept per tag:
    every page names its own and its other editions'."""
    locale = Locale.parse(code.replace("-", "_"))
    territory = locale.territory
    if not territory:
        # with its script first (CLDR's likely subtags: zh-Hant is zh_Hant_TW, where zh alone is mainland China's
        # zh_Hans_CN: trial 24 read zh_CN on a Traditional Chinese page)
        subtags = get_global("likely_subtags")
        likely = (locale.script and subtags.get(f"{locale.language}_{locale.script}")) \
            or subtags.get(locale.language, "")
        territory = likely.split("_")[-1] if likely.count("_") else None
    return f"{locale.language}_{territory}" if territory else locale.language


def shareable(src: str) -> bool:
    """Whether an image's ``src`` of a rendered body can be a page's ``og:image``: an http(s) address, or a path
    from the site's root (every file of source_de/ the site copies is written so, ``render``). A relative one
    names no file the site has (a missing file's, kept as written: ``/de/tee/tasse.png`` would answer 'not
    found'), and a ``data:`` image is no address a link preview fetches."""
    parts = split_url(src)
    if parts is None:
        return False
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    return parts.path.startswith("/")


def first_image(body: str, lang: str) -> tuple[str, str | None] | None:
    """(src, alt) of the first ``<img>`` of a rendered article body (HTML, as ``render`` makes it, of a page in
    ``lang``) whose src is an address a link preview can fetch (``shareable``: the page's ``og:image`` is made
    absolute from it), or None; alt None where the image is inside an element of another language (``lang``, a
    German passage)."""
    if "<img" not in body:
        return None
    from lxml import html  # 0.06 s to import: a build that renders no page with an image never needs it

    images = [img for img in html.fragment_fromstring(body, create_parent="div").xpath("//img[@src]")
              if shareable(img.get("src"))]
    if not images:
        return None
    said = images[0].xpath("ancestor-or-self::*[@lang][1]/@lang")
    return images[0].get("src"), (images[0].get("alt") or "") if not said or said[0] == lang else None

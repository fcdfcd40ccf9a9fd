"""Quotation marks as CLDR writes them per language (its ``delimiters``: quotationStart/End and the alternate
pair for a quotation inside a quotation), for the brackets check: Polish „…”, German „…“ and »…«, French « … »,
Swiss «…», Japanese 「…」 and 『…』.

Babel does not ship CLDR's delimiters, so the table below is CLDR's as ICU has it, one entry per language:
the conventions of its locales (each a string of opening and closing marks, the quotation pair first), the
language's own first. Single quotation marks are left out, as they are typed as apostrophes (’, ‘, ‚).
Regenerate it from the system's ICU (libicu) with ``python -m pipeline.quotes > table.txt``.
"""

from __future__ import annotations

from functools import lru_cache

CLDR_QUOTES = {
    "af": ("“”",), "agq": ("„”",), "ak": ("“”",), "am": ("«»‹›",), "ar": ("”“",), "as": ("“”",), "asa": ("“”",),
    "ast": ("«»“”",), "az": ("“”", "«»‹›"), "bas": ("«»„“",), "be": ("«»„“",), "bem": ("“”",), "bez": ("“”",),
    "bg": ("„“",), "bgc": ("“”",), "bho": ("“”",), "bm": ("«»“”",), "bn": ("“”",), "bo": ("“”",), "br": ("«»“”",),
    "brx": ("“”",), "bs": ("„”", "„“"), "ca": ("«»“”",), "ccp": ("“”",), "ce": ("“”",), "ceb": ("“”",),
    "cgg": ("“”",), "chr": ("“”",), "ckb": ("“”",), "cs": ("„“",), "cv": ("«»„“",), "cy": ("“”",), "da": ("“”",),
    "dav": ("“”",), "de": ("„“",), "dje": ("“”",), "doi": ("“”",), "dsb": ("„“",), "dua": ("«»",), "dyo": ("«»“”",),
    "dz": ("“”",), "ebu": ("“”",), "ee": ("“”",), "el": ("«»“”",), "en": ("“”",), "eo": ("“”",), "es": ("«»“”", "“”"),
    "et": ("„“",), "eu": ("«»“”",), "ewo": ("«»“”",), "fa": ("«»‹›",), "ff": ("„”", "“”"), "fi": ("””",),
    "fil": ("“”",), "fo": ("“”",), "fr": ("«»", "«»”“", "«»‹›"), "fur": ("“”",), "fy": ("“”",), "ga": ("“”",),
    "gd": ("“”",), "gl": ("“”",), "gsw": ("«»‹›",), "gu": ("“”",), "guz": ("“”",), "gv": ("“”",), "ha": ("“”",),
    "haw": ("“”",), "he": ("””",), "hi": ("“”",), "hr": ("„“",), "hsb": ("„“",), "hu": ("„”»«",), "hy": ("«»",),
    "ia": ("“”",), "id": ("“”",), "ig": ("“”",), "ii": ("“”",), "is": ("„“",), "it": ("«»“”",), "ja": ("「」『』",),
    "jgo": ("«»‹›",), "jmc": ("“”",), "jv": ("“”",), "ka": ("„“«»",), "kab": ("«»“”",), "kam": ("“”",),
    "kde": ("“”",), "kea": ("“”",), "kgp": ("“”",), "khq": ("“”",), "ki": ("“”",), "kk": ("«»“”",), "kkj": ("«»‹›",),
    "kl": ("“”",), "kln": ("“”",), "km": ("“”",), "kn": ("“”",), "ko": ("“”",), "kok": ("“”",), "ks": ("“”",),
    "ksb": ("“”",), "ksf": ("«»",), "ksh": ("„“",), "ku": ("“”",), "kw": ("“”",), "ky": ("«»„“",), "lag": ("””",),
    "lb": ("„“",), "lg": ("“”",), "lkt": ("“”",), "ln": ("“”",), "lo": ("“”",), "lrc": ("“”",), "lt": ("„“",),
    "lu": ("“”",), "luo": ("“”",), "luy": ("„“",), "lv": ("“”",), "mai": ("“”",), "mas": ("“”",), "mer": ("“”",),
    "mfe": ("“”",), "mg": ("«»“”",), "mgh": ("“”",), "mgo": ("“”",), "mi": ("“”",), "mk": ("„“",), "ml": ("“”",),
    "mn": ("“”",), "mni": ("“”",), "mr": ("“”",), "ms": ("“”",), "mt": ("“”",), "mua": ("«»“”",), "my": ("“”",),
    "mzn": ("«»‹›",), "naq": ("“”",), "nb": ("«»",), "nd": ("“”",), "ne": ("“”",), "nmg": ("„”«»",), "nn": ("«»",),
    "nnh": ("«»“”",), "no": ("«»",), "nus": ("“”",), "nyn": ("“”",), "om": ("“”",), "or": ("“”",), "os": ("«»„“",),
    "pa": ("“”",), "pcm": ("“”",), "pl": ("„”«»",), "ps": ("“”",), "pt": ("“”", "«»“”"), "qu": ("“”",),
    "raj": ("“”",), "rm": ("«»‹›",), "rn": ("””",), "ro": ("„”«»",), "rof": ("“”",), "ru": ("«»„“",), "rw": ("«»",),
    "rwk": ("“”",), "sa": ("“”",), "sah": ("«»„“",), "saq": ("“”",), "sat": ("“”",), "sbp": ("“”",), "sc": ("«»“”",),
    "sd": ("“”",), "se": ("””",), "seh": ("“”",), "ses": ("“”",), "sg": ("«»“”",), "shi": ("«»„”",), "si": ("“”",),
    "sk": ("„“",), "sl": ("„“",), "smn": ("“”",), "sn": ("””",), "so": ("“”",), "sq": ("«»“”",), "sr": ("„“",),
    "su": ("“”",), "sv": ("””",), "sw": ("“”",), "ta": ("“”",), "te": ("“”",), "teo": ("“”",), "tg": ("“”",),
    "th": ("“”",), "ti": ("«»“”", "“”"), "tk": ("“”",), "to": ("“”",), "tr": ("“”",), "tt": ("“”",), "twq": ("“”",),
    "tzm": ("“”",), "ug": ("»«›‹",), "uk": ("«»„“",), "ur": ("”“",), "uz": ("“”",), "vai": ("“”",), "vi": ("“”",),
    "vun": ("“”",), "wae": ("«»‹›",), "wo": ("“”",), "xh": ("“”",), "xog": ("“”",), "yav": ("«»",), "yi": ("””",),
    "yo": ("“”",), "yrl": ("“”",), "yue": ("「」『』", "“”"), "zgh": ("«»„”",), "zh": ("“”", "「」『』"), "zu": ("“”",),
}


# Conventions a language's writers follow that CLDR's table lacks: Arabic prints « … » beside CLDR's ”…“, as
# Arabic newspapers and Arabic Wikipedia's style guide (ويكيبيديا:دليل الأسلوب) write quotations (trial 21).
BEYOND_CLDR = {"ar": ("«»",)}
ANY, GERMAN = "“”«»", "„“»«"  # as typed in any language; as a translation may keep the German's
MARKS = frozenset("".join(way for ways in CLDR_QUOTES.values() for way in ways) + ANY + GERMAN)


@lru_cache(maxsize=64)
def quote_conventions(lang: str) -> tuple[str, ...]:
    """The ways a text in ``lang`` (BCP 47; its language subtag decides) pairs quotation marks, each a string of
    opening and closing marks: the language's CLDR conventions; its first with “…” and « … » beside it where they
    share no mark (Japanese 「…」 and “…” in one sentence); “…” and « … » alone, as typed in any language; the
    German „…“ and »…« a translation kept (the typography check names them where they are wrong)."""
    code = lang.split("-")[0].lower()
    own = (*CLDR_QUOTES.get(code, ()), *BEYOND_CLDR.get(code, ()))
    mixed = (own[0] + "".join(pair for pair in (ANY[:2], ANY[2:]) if not set(pair) & set(own[0]))) if own else ""
    return tuple(dict.fromkeys(way for way in (*own, mixed, ANY, GERMAN) if way))


def quote_balance(text: str, convention: str) -> int | None:
    """How many quotations ``text`` opens and does not close in one ``convention`` (``quote_conventions``); a
    mark that both opens and closes (Swedish ”…”) counts 1 when it is written an odd number of times. None when
    the text has a quotation mark the convention does not (``MARKS``): that is not the way it is written."""
    if any(ch in MARKS and ch not in convention for ch in set(text)):
        return None
    total = 0
    for start, end in zip(convention[::2], convention[1::2]):
        total += text.count(start) % 2 if start == end else text.count(start) - text.count(end)
    return total


def quote_marks(text: str) -> list[str]:
    """The quotation marks of ``text`` (``MARKS``), sorted: a translation that keeps the German's is as balanced
    as the German, however it mixes them (“…” and „…“ in one sentence)."""
    return sorted(ch for ch in text if ch in MARKS)


# The marks a translation from German carries over (its „…“ and »…«) and how a reader knows them
CARRIED = (("„", "German quotation marks „…“"), ("«»", "French quotation marks « … »"))


@lru_cache(maxsize=64)
def _own(lang: str) -> tuple[str, str] | None:
    """(every mark of ``lang``'s CLDR conventions, how its first pair is written with the English name of the
    language) or None for a language the table does not have."""
    from babel import Locale, UnknownLocaleError

    own = CLDR_QUOTES.get(lang)
    if own is None:
        return None
    try:
        name = Locale.parse(lang).get_display_name("en") or lang
    except (ValueError, UnknownLocaleError):
        name = lang
    start, end = own[0][:2]
    written = f"{start} … {end} with no-break spaces" if lang == "fr" else f"{start}…{end}"  # French spaces them
    return "".join((*own, *BEYOND_CLDR.get(lang, ()))), f"{name}: use {written}"


def foreign_quotes(text: str, lang: str) -> str | None:
    """What is wrong with the quotation marks of ``text`` in ``lang`` (BCP 47; its language subtag decides): German
    „…“ or guillemets where none of the language's CLDR conventions has them ("German quotation marks „…“ in
    English: use “…”"); None when it has none of them, or for a language CLDR's table does not have."""
    own = _own(lang.split("-")[0].lower())
    if own is None:
        return None
    marks, use = own
    for carried, name in CARRIED:
        if any(ch in text and ch not in marks for ch in carried):
            return f"{name} in {use}"
    return None


def _from_icu(version: int) -> dict[str, tuple[str, ...]]:
    """The table, read from ICU's ``ulocdata_getDelimiter`` for every locale ICU has (ctypes, no build step)."""
    import ctypes

    i18n, common = ctypes.CDLL(f"libicui18n.so.{version}"), ctypes.CDLL(f"libicuuc.so.{version}")
    open_, delimiter, close = (getattr(i18n, f"ulocdata_{name}_{version}") for name in ("open", "getDelimiter", "close"))
    count, available = (getattr(common, f"uloc_{name}_{version}") for name in ("countAvailable", "getAvailable"))
    open_.restype, open_.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    delimiter.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int)]
    close.argtypes, available.restype, available.argtypes = [ctypes.c_void_p], ctypes.c_char_p, [ctypes.c_int32]
    table: dict[str, list[str]] = {}
    for n in range(count()):
        locale = available(n).decode()
        error = ctypes.c_int(0)
        data = open_(locale.encode(), ctypes.byref(error))
        marks = []
        for kind in range(4):  # quotation start, end, alternate start, alternate end
            buffer = (ctypes.c_uint16 * 8)()
            length = delimiter(data, kind, buffer, 8, ctypes.byref(ctypes.c_int(0)))
            marks.append(bytes(buffer)[:2 * length].decode("utf-16-le"))
        close(data)
        pairs = "".join(dict.fromkeys(a + b for a, b in (marks[:2], marks[2:]) if not set(a + b) & set("’‘‚'")))
        conventions = table.setdefault(locale.split("_")[0], [])
        if pairs and pairs not in conventions:
            conventions.append(pairs)
    return {lang: tuple(conventions) for lang, conventions in sorted(table.items()) if conventions}


if __name__ == "__main__":
    import sys

    for lang, conventions in _from_icu(int(sys.argv[1]) if len(sys.argv) > 1 else 72).items():
        print(f"    {lang!r}: {conventions!r},".replace("'", '"'))

"""What a practice's website needs beyond its articles: legal pages, a medical disclaimer, a call to action.

Read from ``verlag.toml``::

    [site]
    legal = ["impressum", "datenschutz"]        # slugs of source_de/seiten/*.md, linked from every footer
    image = "bilder/praxis.png"                 # social preview (og:image) of pages without an image

    [site.image_alt]                            # its alt text per language (og:image:alt)
    de = "Das Behandlungszimmer der Praxis"

    [site.disclaimer]                           # per language (BCP 47 tag as key, "en" for en-US and en-GB);
                                                # missing ones show German
    de = "Dieser Beitrag ersetzt keinen Besuch bei Ärztin, Arzt oder Heilpraktiker."

    [site.translator]                           # per translation language: whom the byline names
    en = "Mark Lewis"                           # instead of the catalog's Last-Translator ("" names nobody)

    [site.call_to_action]                       # under each article; omitted when the table is absent
    de = "Sie möchten einen Termin?"            # the text, per language as above
    link = "https://example.org/termin"         # optional: each of link, phone, email
    phone = "+49 30 1234567"
    email = "praxis@example.org"

The legal pages are the German practitioner's duty (Impressum: § 5 DDG; Datenschutzerklärung: Art. 13
GDPR); ``verlag init`` writes both with ``[[AUSFÜLLEN: ...]]`` placeholders. A page still holding one is no
legal notice at all, so ``unfilled`` finds them for ``check`` (an error) and ``build`` (the page is left out of
the site, exit 2) until they are filled in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .config import CONFIG_NAME, Config, lookup
from .errors import UnfilledPage, VerlagError, raise_all
from .limits import MEDIA
from .media import running_svg, saved_names
from .sources import Article, http_address, normalization
CONTACT_KEYS = ("link", "phone", "email")

# RFC 3966 (section 3), what a tel: link holds, once the template has removed the spaces: a global number ("+",
# digits and the visual separators - . ( ), at least one digit), or a local one (hex digits, * and #, the
# separators) that names its ;phone-context=, each followed by parameters: ";ext=" phone digits, ";phone-context="
# a domain name or a global number, any other ";name" or ";name=value" (paramchar: unreserved, pct-encoded and
# [ ] / : & + $)
_PARAMETER = r";[A-Za-z0-9-]+(?:=(?:[A-Za-z0-9\[\]/:&+$\-_.!~*'()]|%[0-9A-Fa-f]{2})+)?"
_TEL = re.compile(rf"(?:\+[0-9.()-]*[0-9][0-9.()-]*|(?P<local>[0-9A-Fa-f*#.()-]*[0-9A-Fa-f*#][0-9A-Fa-f*#.()-]*))"
                  rf"(?P<parameters>(?:{_PARAMETER})*)")
_EXTENSION = re.compile(r"[0-9.()-]+")
_CONTEXT = re.compile(r"\+[0-9.()-]*[0-9][0-9.()-]*|(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*"
                      r"[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?")


def tel_problem(phone: str) -> str | None:
    """What keeps ``phone`` (``[site.call_to_action] phone``, as written) from being the number of a ``tel:``
    link (RFC 3966) once its spaces are removed, as the template writes the link; None when nothing does."""
    found = _TEL.fullmatch(phone.replace(" ", ""))
    if found is None:
        return "is no telephone number a tel: link can hold"
    parameters = {}
    for parameter in found["parameters"].split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.lower() in parameters:
            return f"names ;{name} twice"
        parameters[name.lower()] = value
    if "ext" in parameters and not _EXTENSION.fullmatch(parameters["ext"]):
        return "has an ;ext= that is no extension's digits"
    if "phone-context" in parameters and not _CONTEXT.fullmatch(parameters["phone-context"]):
        return "has a ;phone-context= that is neither a domain name nor a number starting with +"
    if found["local"] is not None and "phone-context" not in parameters:
        return "has no country code: a tel: link's number starts with + and the country code (49 for Germany)"
    return None


@dataclass(frozen=True)
class Localized:
    """A text the author wrote per language in verlag.toml; ``get`` looks it up as BCP 47 lookup does (``lookup``:
    "en-GB", then "en"), then falls back to the source language."""

    texts: dict[str, str] = field(default_factory=dict)
    source: str = "de"

    def get(self, lang: str) -> tuple[str, str] | None:
        """(text, the language it is in) for an edition in ``lang``; None when nothing is configured. A text under
        a fallback of ``lang`` ("en" for en-GB) is in ``lang``: written for every edition of the language."""
        written = {code: text for code, text in self.texts.items() if text}
        if (key := lookup(written, lang)) is not None:
            return written[key], lang
        if self.source in written:
            return written[self.source], self.source
        return None


@dataclass(frozen=True)
class Practice:
    legal: tuple[str, ...] = ()  # page slugs, in footer order
    disclaimer: Localized = Localized()
    call_to_action: Localized = Localized()
    contact: dict[str, str] = field(default_factory=dict)  # link (absolute URL), phone, email
    image: str | None = None  # social preview of pages without an image of their own: a path in source_de/
    image_alt: Localized = Localized()
    image_file: str | None = None  # ``image`` as saved in source_de/: decomposed (NFD) where a Mac saved it so


def load_practice(config: Config) -> Practice:
    """``[site] legal`` and ``image``, ``[site.image_alt]``, ``[site.disclaimer]`` and ``[site.call_to_action]``,
    validated (``image`` must be a file inside source_de/, found whatever the Unicode normalization of its name,
    that articles could show: within ``limits.MEDIA``, no SVG that runs a script, ``media.running_svg``).

    Raises ``VerlagError`` naming verlag.toml and the line of the mistake (``ManyErrors``, in line order, for
    several).
    """
    errors: list[VerlagError] = []
    site = config.section("site")
    for name in ("disclaimer", "call_to_action", "image_alt"):
        if not isinstance(site.get(name, {}), dict):
            errors.append(config.error(name, f"expected a table such as [site.{name}] with one line per language, "
                                             f"got {site[name]!r}", "site"))
    legal = site.get("legal", [])
    if not isinstance(legal, list) or not all(isinstance(s, str) for s in legal):
        errors.append(config.error("legal", "expected a list of page slugs such as [\"impressum\", \"datenschutz\"], "
                                            f"got {legal!r}", "site"))
    cta = config.section("site", "call_to_action")
    contact = {k: cta[k] for k in CONTACT_KEYS if k in cta}
    for key, value in contact.items():
        if not isinstance(value, str) or not value.strip():
            errors.append(config.error(key, "expected text", "site.call_to_action"))
        elif key == "link" and not http_address(value):
            errors.append(config.error("link", f"expected an absolute http(s) URL (a space is %20), got {value!r}",
                                       "site.call_to_action"))
        elif key == "phone" and (problem := tel_problem(value)):
            errors.append(config.error("phone", f"{value!r} {problem} (RFC 3966); write it as \"+49 30 1234567\": "
                                                "+ and the country code, then digits, with spaces, -, . or ( ) "
                                                "between them (\";ext=12\" for an extension)",
                                       "site.call_to_action"))
    texts = {k: v for k, v in cta.items() if k not in CONTACT_KEYS}
    image = site.get("image")
    saved = saved_names(config.source_dir, image) if isinstance(image, str) and image else [image]
    if len(saved) > 1:
        folder = config.source_dir.name
        names = " and ".join(f"{folder}/{name} ({normalization(name)})"
                             for name in sorted(saved, key=lambda name: normalization(name) != "NFC"))
        errors.append(config.error("image", f"names {len(saved)} files, {names}, whose names differ only in their "
                                            "Unicode normalization (one saved on a Mac or from a zip file): which one "
                                            "is meant cannot be told; delete the other", "site"))
    elif image is not None and (not isinstance(image, str) or not _inside(config.source_dir, saved[0])):
        folder = config.source_dir.name
        if isinstance(image, str) and image and "\0" not in image and not (config.source_dir / image).exists() \
                and (config.source_dir / image).resolve().is_relative_to(config.source_dir.resolve()):
            errors.append(config.error("image", f"{folder}/{image} does not exist: save the image there, or "
                                                f"correct the path (it is relative to {folder}/)", "site"))
        else:
            errors.append(config.error("image", f"expected the path of an image file in {folder}/, "
                                                f"such as \"bilder/praxis.png\", got {image!r}", "site"))
    elif image is not None and (problem := MEDIA.problem((config.source_dir / saved[0]).stat().st_size)
                                or running_svg(config.source_dir / saved[0], saved[0])):
        errors.append(config.error("image", f"{config.source_dir.name}/{image}: {problem}", "site"))
    localized = {table: _localized(config, table, config.section(*table.split(".")), errors)
                 for table in ("site.disclaimer", "site.image_alt")}
    call_to_action = _localized(config, "site.call_to_action", texts, errors)
    raise_all(sorted(errors, key=lambda e: e.line or 0))
    return Practice(tuple(legal), localized["site.disclaimer"], call_to_action, contact, image,
                    localized["site.image_alt"], saved[0])


def _inside(folder: Path, rel: str) -> bool:
    """Whether ``rel`` names a file in ``folder`` (a symlink followed); a NUL names none (``os.stat`` raises
    ``ValueError`` for it: a verlag.toml with image = "a\\u0000b.jpg" stopped check and build with an internal
    error)."""
    if "\0" in rel:
        return False
    path = (folder / rel).resolve()
    return path.is_file() and path.is_relative_to(folder.resolve())


def _localized(config: Config, table: str, values: dict, errors: list[VerlagError]) -> Localized:
    """``values`` (language -> text) of ``table``; each mistake appended to ``errors``. A key is the source
    language, a translation language or a fallback of one (``Config.text_keys``: "en" where en-US is listed)."""
    known = (config.source_language, *config.languages)
    for code, text in values.items():
        if code not in config.text_keys:
            errors.append(config.error(code, f"expected a language of this project ({', '.join(known)})", table))
        elif not isinstance(text, str):
            errors.append(config.error(code, "expected text", table))
    return Localized(dict(values), config.source_language)


def translator_names(config: Config) -> dict[str, str]:
    """``[site.translator]``: translation language -> the name a translated page's byline gives for what was
    checked ("" names nobody), in place of the catalog's ``Last-Translator``, which Poedit and Weblate set to
    whoever saved last (an admin fixing one word, the author, a bot); no PO tool records who signed off an
    entry, so the author says who answers for a language. A language without a line of its own takes its
    fallback's (``lookup``: "en" for en-GB). Raises ``VerlagError`` at the setting's line (``ManyErrors`` for
    several)."""
    values = config.section("site").get("translator", {})
    if not isinstance(values, dict):
        raise config.error("translator", f"expected a table such as [site.translator] with one line per language, "
                                         f"got {values!r}", "site")
    errors = []
    for code, name in values.items():
        if code not in config.translation_keys:
            errors.append(config.error(code, "expected a translation language of this project "
                                             f"({', '.join(config.languages)})", "site.translator"))
        elif not isinstance(name, str):
            errors.append(config.error(code, "expected a name, e.g. \"Mark Lewis\" (\"\" names nobody)",
                                       "site.translator"))
    raise_all(errors)
    return {lang: values[key].strip() for lang in config.languages if (key := lookup(values, lang)) is not None}


def check_legal(config: Config, practice: Practice, pages: Iterable[str]) -> None:
    """Every ``legal`` slug names a page of source_de/seiten/; raises ``VerlagError`` at the setting."""
    missing = [slug for slug in practice.legal if slug not in set(pages)]
    if missing:
        raise config.error("legal", f"no page {', '.join(missing)} in {config.source_dir.name}/seiten/ "
                                    "(write it there, or remove it from the list)", "site")


def unlinked_pages(config: Config, practice: Practice, pages: Iterable[Article]) -> list[str]:
    """A warning ("file:line: message") where ``[site] legal`` names no page while source_de/seiten/ holds some
    (``pages``: the standalone ones): no footer then links the Impressum or privacy notice, which a German practice's
    site must link from every page (§ 5 DDG, Art. 13 GDPR), and without a word the site went out so (trial 24)."""
    if practice.legal:
        return []
    refs = sorted(page.ref for page in pages if page.page)
    if not refs:
        return []
    slugs = ", ".join(f'"{Path(ref).stem}"' for ref in refs[:4])
    return [f"{CONFIG_NAME}:{config.place('legal', 'site')}: [site] legal names no page, so no page of the site links "
            f"{', '.join(refs)}: a German practice's site links its Impressum and privacy notice from every page "
            f"(§ 5 DDG, Art. 13 GDPR); write legal = [{slugs}] under [site] (the footer's order)"]


def unfilled(article: Article) -> list[tuple[int, str]]:
    """(line, placeholder) of every ``[[AUSFÜLLEN: ...]]`` placeholder ``verlag init`` wrote that is still in the
    German source ``article``, in file order; a draft's too (the caller decides what a draft's count for).
    ``Article.placeholders``: an article taken from its stat record is not read for them."""
    return list(article.placeholders)


def unfilled_message(placeholder: str) -> str:
    """What ``check`` and ``build`` say at a placeholder's line: the page is not published until it is filled in,
    because an Impressum or privacy notice with gaps does not meet § 5 DDG / Art. 13 GDPR; a line of ``verlag new``'s
    example body, because readers would get "Text." as the article."""
    if not placeholder.startswith("[["):  # a line of ``verlag new``'s example body (``sources.EXAMPLE_LINES``)
        return (f"the example text {placeholder!r} that verlag new wrote is still there: the article is not "
                "published until you replace it with your own")
    return (f"placeholder {placeholder} still there: the page is not published until it is filled in (a legal "
            "notice with gaps is none: § 5 DDG, Art. 13 GDPR)")


def unfilled_errors(articles: Iterable[Article]) -> dict[str, list[VerlagError]]:
    """slug -> a ``VerlagError`` at the file and line of each placeholder (``unfilled``) of the German sources
    ``articles`` that are not drafts; sources without one are not keys."""
    found: dict[str, list[VerlagError]] = {}
    for article in articles:
        if article.draft:
            continue
        for line, placeholder in unfilled(article):
            found.setdefault(article.slug, []).append(UnfilledPage(unfilled_message(placeholder), article.ref, line))
    return found

"""A multilingual site's pages in the project's other languages, on their way into the German articles' catalogs.

``importer_folder`` pairs each such page with its German page (``ImportFiles.translations``). Here it is read as the
German pages are (``importer_markdown.read_markdown``: Hugo figures, its bundle's images, its old address), so that
``verlag import`` can treat its text as the German's: its old addresses join the German article's ``aliases`` (an
address in the language's folder, ``/en/posts/tea/``, then leads to that language's page), its links to the other
imported pages' old addresses are rewritten with the German ones (``importer.relink``), and its images refer to
the files the German article's import copies. The text is then aligned as a translation made by hand
(``align.import_translation``): one aligner for every hand translation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Mapping

from .errors import VerlagError
from .fsutil import file_bytes
from .importer import (IMAGES_DIR, ImportedArticle, Placed, place, relink, rewrite_destinations,
                       with_front_matter_of)
from .importer_folder import language_choice, site_language
from .limits import IMPORTED
from .sources import likely_slug


@dataclass(frozen=True)
class SiteTranslation:
    """One page of the site in another language: its ``file``, ``lang``, the ``original`` German page's file (an
    export's post: its ``file:line``), and the ``article`` read from it (its body's images as ``bilder/<name>``,
    ``article.images``); ``exported``: a post of a WordPress export (``linked_translations``), whose text is the
    article's own, not its file's."""

    file: Path
    lang: str
    original: Path
    article: ImportedArticle
    exported: bool = False


def read_translations(pairs: list[tuple[Path, str, Path]],
                      zone: dt.tzinfo | None = None) -> tuple[list[SiteTranslation], list[VerlagError]]:
    """(the translations read, the problems of those that could not be: file and line) of ``pairs`` (file, its
    language, its German page), each read as a Markdown page of its site; ``zone``: verlag.toml's ``timezone``."""
    from .importer_markdown import read_markdown

    found, errors = [], []
    for file, lang, original in pairs:
        try:
            found.append(SiteTranslation(file, lang, original, read_markdown(file, file_bytes(file, IMPORTED), zone,
                                                                                lang)))
        except VerlagError as exc:
            errors.append(exc)
        except OSError as exc:
            errors.append(VerlagError(f"cannot be read: {exc.strerror or exc}", file))
    return found, errors


def linked_translations(articles: list[ImportedArticle], source_language: str, languages: list[str],
                        chosen: Mapping[str, str] = MappingProxyType({}),
                        ) -> tuple[list[ImportedArticle], list[SiteTranslation], list[str]]:
    """(the articles to import as originals, the translations among them, a line for each translation left out) of
    ``articles`` read from one WordPress export: a post that Polylang or WPML links (``ImportedArticle.linked``) to
    a post in ``source_language`` of the export is that one's translation when its language is one of
    ``languages`` (``project_language``), and is left out, named, in any other language. One that is private or
    password-protected (``ImportedArticle.private``), or translates such a post, is left out and named too: its
    text on the site's page in its language would publish what WordPress showed to few (the German post is left
    out, or brought in German only, ``translate: false``, by ``verlag import --private``). A linked post without a
    German one in the export is imported as any other (``importer.foreign`` then names its language). A language
    that names several of ``languages`` (``en`` for ``en-GB`` and ``en-US``) is the one ``chosen`` gives it
    (``--language-map``); without it, its posts are left out, named with that option."""
    from .importer import PROTECTED
    source = source_language.lower()
    originals = {a.linked[1]: a for a in articles if a.linked and a.linked[0].lower().split("-")[0] == source}
    kept, found, skipped = [], [], []
    for article in articles:
        german = originals.get(article.linked[1]) if article.linked else None
        if german is None or german is article:
            kept.append(article)
            continue
        lang = project_language(article.linked[0], languages, chosen)
        if isinstance(lang, tuple):
            skipped.append(f"skipped {article.source}: the {article.linked[0]} translation of {german.source}"
                           + language_choice(article.linked[0].lower(), lang))
            continue
        if lang is None:
            skipped.append(f"skipped {article.source}: the {article.linked[0]} translation of {german.source}"
                           + language_choice(article.linked[0].lower().replace("_", "-"), (),
                                             ", a language not in languages of verlag.toml", languages))
            continue
        if german.private or article.private:
            hidden = german if german.private else article
            why = "password-protected" if hidden.unpublished == PROTECTED else "private"
            skipped.append(f"skipped {article.source}: the {lang} translation of {german.source}, "
                           + (f"a {why} post: German only, if at all (--private), so no translation of it is "
                              "published" if german.private else f"{why} in WordPress: not brought in as the "
                              f"translation, which would publish its text on the {lang} page"))
            continue
        file = Path(article.source.rpartition(":")[0])
        found.append(SiteTranslation(file, lang, Path(german.source), article, exported=True))
    return kept, found, skipped


def project_language(code: str, languages: Iterable[str],
                     chosen: Mapping[str, str] = MappingProxyType({})) -> str | tuple[str, ...] | None:
    """The one of ``languages`` (BCP 47) a multilingual WordPress plugin's language ``code`` names, as a Hugo
    site's language is found (``importer_folder.site_language``): the one ``chosen`` (``--language-map``) gives it,
    else the one written so (case-insensitively: WPML's ``pt-br`` is ``pt-BR``), else the one RFC 4647 lookup
    matches (Polylang's ``en`` is the project's one English ``en-GB``, WPML's ``pt-br`` a project's ``pt``); never
    another region (``en-us`` is no ``en-GB``: its spelling, dates and legal wording may be wrong there, as
    ``config.language_ranges`` never falls back to a sibling); None for a language not among them. Where it names
    several (``en`` for ``en-GB`` and ``en-US``), the tuple of those: which one is the author's to say."""
    found = site_language(code.replace("_", "-"), list(languages), chosen)
    return found if isinstance(found, str) else found or None


def post_that_translates(path: Path, found: list[ImportedArticle], lang: str, source_language: str,
                         languages: list[str], fits: Callable[[str], bool]) -> ImportedArticle:
    """The one post of the export or feed at ``path`` (``found``, its articles) that translates an article into
    ``lang``: among those that read as ``lang`` (``importer.language_of``), the one whose text
    (``importer.render_markdown``) ``fits`` (aligns as that article's translation). Raises ``VerlagError`` naming ``path`` when none or several
    do, and the posts that read as ``lang``."""
    from .importer import language_of, render_markdown

    candidates = [a for a in found if language_of(a, source_language, languages) == lang]
    fitting = [a for a in candidates if fits(render_markdown(a))]
    if len(fitting) == 1:
        return fitting[0]
    named = "; ".join(f"{a.source} {a.meta['title']!r}" for a in (fitting or candidates)) or "none"
    raise VerlagError(f"holds {len(found)} articles, {len(fitting)} of them the article's {lang} translation "
                      f"(posts in {lang}: {named}); save that post's page, or its text, and import that", path)


def post_text(post: ImportedArticle, slug: str, source_dir: Path) -> str:
    """The text to align for ``post``, an export's post brought in as the translation of the article ``slug``
    (``post_that_translates``): its links to the old addresses of the articles in ``source_dir`` (their
    ``aliases``) made their files, as an import of the whole export makes them (``importer.relink``)."""
    from .importer import render_markdown

    existing = imported_before(source_dir, source_dir)
    german = next((p for p in existing if likely_slug(p.path) == slug), None)
    if german is None:
        return render_markdown(post)
    mine = dataclasses.replace(post, meta={**post.meta, "aliases": []})
    linked, _ = relink(existing + [Placed(mine, german.path, "", [])])
    return render_markdown(dataclasses.replace(linked[-1].article, meta=post.meta))


def place_together(articles: list[ImportedArticle], found: list[SiteTranslation], source_dir: Path,
                   kept: Callable[[str], list[Path]]) -> tuple[list[Placed], list[tuple[SiteTranslation, Placed]],
                                                               Counter]:
    """(``importer.place`` of ``articles`` with their translations' old addresses, each translation of ``found``
    whose German page was placed with its ``placed_beside``, the links ``importer.relink`` rewrote by the kind of
    their target in the articles written now and their translations): the German articles and their translations
    relinked together. ``kept``: as for ``place``."""
    placements = place(with_their_addresses(articles, found), source_dir, kept)
    beside = placed_beside(found, placements)
    written = {p.path for p in placements if not p.imported_as}
    linked, count = relink(placements + [p for _, p in beside],
                           {n for n, p in enumerate(placements + [p for _, p in beside]) if p.path in written})
    return linked[:len(placements)], [(t, p) for (t, _), p in zip(beside, linked[len(placements):])], count


def with_their_addresses(articles: list[ImportedArticle], found: list[SiteTranslation]) -> list[ImportedArticle]:
    """``articles`` with the old addresses of their translations (``found``, by the German page's file) added to
    their ``aliases``, each with its language (``ImportedArticle.alias_languages``: the site redirects it to that
    language's page), and a note naming them: the German page had the old site's page in that language too."""
    extra: dict[str, list[tuple[str, str]]] = {}
    for translation in found:
        for alias in translation.article.meta.get("aliases", []):
            extra.setdefault(str(translation.original.absolute()), []).append((alias, translation.lang))
    out = []
    for article in articles:
        added = [(alias, lang) for alias, lang in extra.get(str(Path(article.source).absolute()), [])
                 if alias not in article.meta.get("aliases", [])]
        if added:  # also a draft's of the old blog: a translation published there had an address
            meta = {**article.meta, "aliases": [*article.meta.get("aliases", []), *(alias for alias, _ in added)]}
            notes = [*article.notes, *(f"old address {alias}: its {lang} translation's on the old blog, kept as an "
                                       f"alias that leads to the {lang} page" for alias, lang in added)]
            addressed = dataclasses.replace(article, meta=meta, alias_languages={**article.alias_languages,
                                                                                 **dict(added)})
            article = dataclasses.replace(addressed, notes=with_front_matter_of(notes, article, addressed))
        out.append(article)
    return out


def placed_beside(found: list[SiteTranslation], placements: list[Placed]) -> list[tuple[SiteTranslation, Placed]]:
    """Each translation of ``found`` whose German page was placed (written now or imported before), with a
    ``Placed`` of its own at the German article's file, so ``importer.relink`` rewrites its links as it does the
    German's (relative to that file), and its images referring to the files the German article's import copies
    (``bilder/<name>`` as that article names them). One whose German page was not placed is left out."""
    by_source = {Path(p.article.source).absolute(): p for p in placements}
    out = []
    for translation in found:
        german = by_source.get(translation.original.absolute())
        if german is None:
            continue
        copied = {image: target.name for image, target in german.images}
        renamed = {f"{IMAGES_DIR}/{name}": copied[image] for image, name in translation.article.images.items()
                   if image in copied and copied[image] != name}
        article = dataclasses.replace(translation.article, body=rewrite_destinations(translation.article.body, renamed),
                                      meta={**translation.article.meta, "aliases": []})
        out.append((translation, Placed(article, german.imported_as or german.path, "", [])))
    return out


def translation_text(translation: SiteTranslation, article: ImportedArticle) -> str:
    """The text to align for ``translation``: its file's own front matter (title, summary and tags pair with the
    German ones by name) and blank lines before the body as written, then ``article``'s body (its links and images
    as the German article's), so the lines the alignment names are the file's where the body kept its lines; an
    export's post (``exported``) as ``importer.render_markdown`` writes ``article``."""
    from .importer import render_markdown
    from .importer_markdown import front_matter_end, front_matter_fence
    from .sources import normalise

    if translation.exported:
        return render_markdown(article)

    text = normalise(file_bytes(translation.file, IMPORTED).decode("utf-8"))
    fence = front_matter_fence(text)
    lines = text.split("\n")
    end = front_matter_end(lines, fence)
    lead = next((n for n, line in enumerate(lines[end + 1:]) if line.strip()), 0)
    return "\n".join(lines[:end + 1 + lead]) + "\n" + article.body


def page_translation_text(file: Path, lang: str, slug: str, source_dir: Path,
                          zone: dt.tzinfo | None = None) -> str | None:
    """The text to align for ``file``, a Hugo or Jekyll site's page brought in by itself as the ``lang``
    translation of the article ``slug`` (``verlag import --translation-of``): converted as a site import converts
    it (``read_translations``, ``placed_beside``, ``importer.relink`` with the old addresses of the articles in
    ``source_dir``, ``translation_text``). None for a file of no such site (aligned as written) or when no article
    of ``source_dir`` has ``slug`` (the alignment names that). Raises ``VerlagError`` as ``read_markdown`` does."""
    from .importer_folder import hugo_page, jekyll_root
    from .importer_markdown import front_matter_fence
    from .sources import normalise

    hugo = hugo_page(file)
    jekyll = None if hugo else jekyll_root(file)
    root = hugo[2] if hugo else jekyll[0] if jekyll else None
    if root is None or front_matter_fence(normalise(file_bytes(file, IMPORTED).decode("utf-8", "replace"))) is None:
        return None
    existing = imported_before(source_dir, root)
    german = next((p for p in existing if likely_slug(p.path) == slug), None)
    if german is None:
        return None
    found, errors = read_translations([(file, lang, Path(german.article.source))], zone)
    if errors:
        raise errors[0]
    beside = placed_beside(found, existing)
    linked, _ = relink(existing + [p for _, p in beside])
    return translation_text(found[0], linked[-1].article)


def hand_translation_text(path: Path, slug: str, source_dir: Path) -> tuple[str | None, list[str]]:
    """(the text to align for ``path``, a hand translation of the article ``slug`` of ``source_dir`` that is no page
    of an old site, a note for each destination changed): each image or link naming a local file from ``path``'s
    folder is written as the German article names the same file, as a site's translations are
    (``placed_beside``), so ``check`` (``link-target``) finds the German's images and links in it. The same file:
    one of the same bytes in the German's folders (the article's and those its images and links name); where
    ``path``'s folder has no such file, one of the same name there. Text None when nothing changes (aligned as
    written) or no article has ``slug``. Raises ``VerlagError`` for a file ``importer_text.decoded`` cannot read."""
    import filecmp

    from .importer import DESTINATION_RE
    from .importer_text import decoded

    german = _german_article(slug, source_dir)
    if german is None:
        return None, []
    german_files, folders = _german_files(german)
    text, _ = decoded(file_bytes(path, IMPORTED), path, "the translation")
    notes: list[str] = []

    def swap(match: re.Match) -> str:
        local = _local_destination(path.absolute().parent, match.group(2))
        if local is None:
            return match.group(0)
        target, suffix = local
        if target.is_file():
            found = [f for f in [*german_files, *(d / target.name for d in folders)]
                     if f.is_file() and filecmp.cmp(f, target, shallow=False)]
            why = "the same file"
        else:
            found = [f for f in [*german_files, *(d / target.name for d in folders)]
                     if f.name == target.name and f.is_file()]
            why = "the same name"
        if not found:
            return match.group(0)
        written = _as_german_writes_it(found[0], suffix, german, german_files)
        if written == match.group(2):
            return match.group(0)
        notes.append(f"{match.group(2)}: the German article's {written} ({why})")
        return match.group(1) + written

    changed = DESTINATION_RE.sub(swap, text)
    return (changed if notes else None), notes


def imported_images_as_german(text: str, article: ImportedArticle, path: Path, slug: str,
                               source_dir: Path) -> tuple[str, list[str], list[str]]:
    """(``text``, ``importer.render_markdown`` of ``article``, a saved page or an export's post at ``path`` brought
    in as the translation of the article ``slug`` of ``source_dir``, with each of its images, ``bilder/<name>`` as
    the import names it, written as the German article names the file of the same bytes; a note for each image so
    written; one for each image the German article has no file of: ``import --translation-of`` copies no image, so
    the translation would show ``bilder/<name>``, a file not there, and ``check`` named it only later as a
    ``link-target``). The same file as for a Markdown translation (``hand_translation_text``): one of the same
    bytes in the German article's folders. A Word "Web Page" export's ``…_files/image001.jpg`` is the German's
    ``bilder/lavendel.jpg`` (trial 34)."""
    import os

    from .importer import DESTINATION_RE, image_destination

    german = _german_article(slug, source_dir)
    if german is None or not article.images:
        return text, [], []
    german_files, folders = _german_files(german)
    candidates = list(dict.fromkeys([*german_files, *(f for d in folders for f in sorted(d.iterdir()) if f.is_file())]))
    written: dict[str, str] = {}
    notes: list[str] = []
    missing: list[str] = []
    for image, name in article.images.items():
        data = _image_bytes(image)
        found = None if data is None else next((f for f in candidates if _holds(f, data)), None)
        shown = Path(os.path.relpath(image, path.absolute().parent)).as_posix() if isinstance(image, Path) \
            else image.name
        if found is None:
            missing.append(f"{image_destination(name)} ({shown}): the German article has no file of its bytes, and "
                           "an import of a translation copies no image: copy it into the German article's folder "
                           "and write its name in the translation's entry, or show the German's image there")
            continue
        written[image_destination(name)] = _as_german_writes_it(found, "", german, german_files)
        notes.append(f"{shown}: the German article's {written[image_destination(name)]} (the same file)")

    def swap(match: re.Match) -> str:
        return match.group(1) + written[match.group(2)] if match.group(2) in written else match.group(0)

    return (DESTINATION_RE.sub(swap, text) if written else text), notes, missing


def _image_bytes(image: Path | object) -> bytes | None:
    """The bytes of an imported article's image (a file, or an inline image's ``data``); None when unreadable."""
    if not isinstance(image, Path):
        return getattr(image, "data", None)
    try:
        return file_bytes(image, IMPORTED)
    except (OSError, VerlagError):
        return None


def _holds(file: Path, data: bytes) -> bool:
    """Whether ``file`` holds ``data``, its size compared first."""
    try:
        return file.stat().st_size == len(data) and file.read_bytes() == data
    except OSError:
        return False


def _german_article(slug: str, source_dir: Path) -> Path | None:
    """The source file of ``source_dir``'s article ``slug``; None when there is none."""
    return next((p.path for p in imported_before(source_dir, source_dir) if likely_slug(p.path) == slug), None)


def _german_files(german: Path) -> tuple[dict[Path, str], list[Path]]:
    """(each local file the article ``german`` links or shows -> its destination as written there, the folders a
    file of its translation may be the German's in: the article's own and those of the files it names)."""
    from .importer import DESTINATION_RE
    from .sources import source_text

    german_files: dict[Path, str] = {}
    for match in DESTINATION_RE.finditer(source_text(german)):
        local = _local_destination(german.parent, match.group(2))
        if local is not None and local[0].is_file() and not local[1]:
            german_files.setdefault(local[0], match.group(2))
    return german_files, list(dict.fromkeys([german.parent.resolve(), *(f.parent for f in german_files)]))


def _as_german_writes_it(file: Path, suffix: str, german: Path, german_files: dict[Path, str]) -> str:
    """The destination of ``file`` (and its "#…" or "?…" part ``suffix``) as the article ``german`` writes it:
    as written there where it names it, else its path relative to the article."""
    import os

    if file in german_files and not suffix:
        return german_files[file]
    return _destination(Path(os.path.relpath(file, german.parent.resolve())).as_posix() + suffix)


def _local_destination(folder: Path, written: str) -> tuple[Path, str] | None:
    """(the file, its "#…" or "?…" part) a link destination as written (plain or in ``<…>``) names relative to
    ``folder``; None for an address with a scheme, a site path ("/…") or a fragment alone."""
    from urllib.parse import unquote

    from markdown_it.common.utils import unescapeAll

    address = unescapeAll(written[1:-1] if written.startswith("<") else written)
    rest = re.search(r"[#?]", address)
    name, suffix = (address[:rest.start()], address[rest.start():]) if rest else (address, "")
    if not name or name.startswith("/") or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", name):
        return None
    return (folder / unquote(name)).resolve(), suffix


def _destination(address: str) -> str:
    """``address`` as a CommonMark link destination: in ``<…>`` when it holds a space, a parenthesis or another
    character a plain destination cannot hold."""
    if not re.search(r"[\s()<>\\]", address):
        return address
    return "<" + re.sub(r"([<>\\])", r"\\\1", address) + ">"


def imported_before(source_dir: Path, root: Path) -> list[Placed]:
    """The articles and pages of ``source_dir`` as ``importer.place`` gives those imported before: each with its
    ``aliases`` (the targets of ``importer.relink``) and as its source the file of the old site at ``root`` it
    came from (its ``# imported from`` comment, ``sources.ORIGIN_RE``), else itself."""
    import yaml

    from .sources import ORIGIN_RE, PAGES_DIR, normalise, source_text, split_front_matter

    out = []
    for path in [*sorted(source_dir.glob("*.md")), *sorted((source_dir / PAGES_DIR).glob("*.md"))]:
        front, _, _ = split_front_matter(normalise(source_text(path)))
        try:
            meta = yaml.safe_load(front) if front else {}
        except (yaml.YAMLError, ValueError):
            meta = {}
        meta = meta if isinstance(meta, dict) else {}
        aliases = [a for a in meta.get("aliases") or [] if isinstance(a, str)] \
            if isinstance(meta.get("aliases"), list) else []
        origin = ORIGIN_RE.search(front or "")
        old = root / origin[1].split(" of ")[0].strip() if origin else None
        article = ImportedArticle(path.stem, {"title": str(meta.get("title", "")), "aliases": aliases}, "",
                                  source=str(old if old is not None and old.is_file() else path),
                                  page=path.parent.name == PAGES_DIR)
        out.append(Placed(article, path, "", [], None, path))
    return out


def with_addresses(text: str, addresses: list[str], lang: str) -> str | None:
    """``text``, a German article's source file, with ``addresses`` (its ``lang`` translation's old addresses)
    added to its front matter's ``aliases:``, one a line, each followed by the comment naming ``lang``
    (``sources.ALIAS_LANGUAGE_RE``) that makes the site lead it to that language's page, as the import of a
    multilingual site writes them (``importer.render_markdown``): after the list's last item, or as a new list at
    the end of the front matter's keys where it has none (before the comment lines that end it, an import's ``#
    imported from …``). Every other line stays as the author wrote it. None where the
    list cannot take them so: written on one line (``[a, b]``, no item has a comment of its own), a single
    address, or a front matter that does not parse."""
    import yaml

    from .sources import split_front_matter

    front, start, body = split_front_matter(text)
    if not body:
        return None
    try:
        node = yaml.compose(front, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError):
        return None
    pairs = node.value if isinstance(node, yaml.MappingNode) else [] if node is None else None
    if pairs is None:
        return None
    def listed(indent: str) -> str:
        return "".join(f"{indent}- {yaml.safe_dump([address], allow_unicode=True, width=1 << 16)[2:].rstrip()}"
                       f"  # {lang}: the old address of its {lang} translation\n" for address in addresses)

    items = next((value for key, value in pairs if isinstance(key, yaml.ScalarNode) and key.value == "aliases"), None)
    if items is None:  # before the comments that end the front matter (``# imported from …``): not about its lines
        front_lines = (front if not front or front.endswith("\n") else front + "\n").splitlines(keepends=True)
        at = len(front_lines)
        while at and front_lines[at - 1].startswith("#"):
            at -= 1
        return text[:start] + "".join(front_lines[:at]) + "aliases:\n" + listed("") + "".join(front_lines[at:]) \
            + text[start + len(front):]
    if not isinstance(items, yaml.SequenceNode) or items.flow_style or not items.value:
        return None
    line = front[front.rfind("\n", 0, items.value[-1].start_mark.index) + 1:]
    lines = listed(line[:len(line) - len(line.lstrip(" "))])  # as far in as the list's own items
    end = front.find("\n", items.value[-1].end_mark.index)  # the end of the last item's line, its comment too
    at = start + (len(front) if end < 0 else end + 1)
    return text[:at] + lines + text[at:]

"""``verlag import <folder>``: which files of a folder are articles to import, and which are not, with why.

A Jekyll site's root (``_config.yml`` or ``_config.toml`` beside ``_posts/``) stands for its posts: the files of
every ``_posts/`` and ``_drafts/`` folder in it (Jekyll reads ``<category>/_posts/`` too), not its pages
(``about.md``, the home page ``index.html``) nor its layouts or generated ``_site/``
(https://jekyllrb.com/docs/structure/, https://jekyllrb.com/docs/posts/). A Hugo site's root (``hugo.toml``,
``hugo.yaml``, ``hugo.json``, the ``config.*`` of Hugo before 0.110 or a ``config/`` folder, beside ``content/``)
stands for the pages of its content sections (of the German ``contentDir`` where each language has its own): the
files below a folder of ``content/``, a leaf bundle's
``index.md`` (the images beside it come along, ``importer_markdown``) but not the bundle's other Markdown files
(page resources), nor a section's list page ``_index.md`` nor a page at the top of ``content/`` (``about.md``)
(https://gohugo.io/content-management/organization/, https://gohugo.io/content-management/page-bundles/).
A page in another language (``name.<lang>.md`` beside ``name.md`` or ``name.de.md``, a page of another language's
``contentDir``, or one without a code where that language is ``defaultContentLanguage``) is the translation of the
German page of its name (https://gohugo.io/content-management/multilingual/): one into a language of the project is
listed in ``ImportFiles.translations`` for ``verlag import`` to align into that language's catalog, the others are
named.

Any other folder stands for its source files (``FOLDER_SUFFIXES``) and those of its subfolders, the files of a
folder before its subfolders, each in order of name: the same order on every machine. A subfolder that is a
Jekyll or Hugo site's root (a folder of the author's material holding ``blog/`` with ``_config.yml`` and
``_posts/``) is read as that site, as if imported by itself, its posts after the plain folder's files. Left out
with why: a README (or LICENSE, CHANGELOG), Hugo's ``_index.md``, the home page (``index.*`` at the top of the
folder; an ``index.*`` in a subfolder is that folder's page: a Hugo bundle, a saved site), and folders of a site
generator (``_layouts/``, ``_site/``, any ``_name/`` but ``_posts/`` and ``_drafts/``). Hidden folders and a browser's
``*_files/`` folder (the images of a saved page, which its page's import copies) are not looked into. An RSS or
Atom feed in a ``feed/`` folder below the one imported (a ``wget --mirror`` copy's ``feed/index.html``,
``category/tee/feed/index.html``) is left out with why: it holds the posts again, which their own pages beside it
give whole (a folder of such feeds alone is read); one named by itself is read as a feed, and so is a
``feed.xml``.

Drafts (Hugo ``draft: true``, Jekyll ``published: false`` or ``_drafts/``) are articles: imported with ``draft:
true`` and why beside it (``importer_markdown``), and listed at the end of the import, so unfinished work is not
lost; an author deletes the file to drop one.
"""

from __future__ import annotations

import dataclasses
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

from .config import canonical_case, language_ranges
from .errors import VerlagError
from .fsutil import IsAFolder, NotAFile, file_bytes, regular
from .limits import IMPORTED, SETTINGS

# A folder stands for the files with one of these suffixes (a saved page's ``*_files`` folder is not looked into).
FOLDER_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".txt", ".md", ".markdown")
JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                "config.json")
POST_FOLDERS = ("_posts", "_drafts")  # Jekyll's
PAGE_SUFFIXES = (".md", ".markdown", ".html")  # a site's page left out is named; its other files are not
REPOSITORY_FILES = ("readme", "license", "licence", "changelog", "contributing")  # names without suffix, any case
FEED_SKIPPED = "an RSS/Atom feed (the posts again, read from their own pages), not an article"
_TRANSLATION = re.compile(r"^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)$")  # Hugo's name.<lang> (without .md)


@dataclass(frozen=True)
class ImportFiles:
    """What one source of ``verlag import`` stands for. ``files``: to import, in order; ``skipped``: (file or
    folder, why it is no article), in order; ``site``: what the folder was read as ("a Jekyll site (_config.yml,
    _posts/)"), None for a file or a plain folder; ``errors``: a folder in it that cannot be read, named; ``sites``:
    each subfolder of a plain folder read as a site's root (its files are in ``files``), and what it was read as;
    ``translations``: a Hugo site's pages in another of the project's languages, each with its German original (one
    of ``files``), to bring in as translations made by hand (``align.import_translation``)."""

    files: list[Path]
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    site: str | None = None
    errors: list[VerlagError] = field(default_factory=list)  # folders that could not be read: the others are read
    sites: list[tuple[Path, str]] = field(default_factory=list)  # subfolders read as a site's root, and as what
    # a Hugo site's pages in another of the project's languages: (file, its language, its German original in files)
    translations: list[tuple[Path, str, Path]] = field(default_factory=list)
    # a Hugo language of ``translations`` (lower case) -> the one of the project's languages it is (``site_language``)
    language_map: dict[str, str] = field(default_factory=dict)
    bundle: bool = False  # ``files`` is a page bundle's index alone (``_lone_bundle``): named after its folder


def import_files(path: Path, source_language: str, languages: Iterable[str] = (),
                 chosen: Mapping[str, str] = MappingProxyType({})) -> ImportFiles:
    """The files ``verlag import <path>`` reads: ``path`` itself, or a folder's articles (see the module's text).
    ``source_language``: the project's (a Hugo ``name.<lang>.md`` in it is an article, in another a translation);
    ``languages``: the project's translation languages (a Hugo site's pages in one of them are ``translations``,
    also those in a language that names one of them by BCP 47 lookup, ``site_language``); ``chosen``: a site's
    language (lower case) -> the project's language its pages go to, as ``--language-map`` chose it.
    Raises ``VerlagError`` naming ``path`` when it does not exist, or a folder holds no article to import."""
    if path.is_file():
        return ImportFiles([path])
    if not path.is_dir():
        if path.exists():
            regular(path)  # a named pipe, socket or device: ``NotAFile`` names it, never opened
        raise VerlagError("no such file or folder", path)
    if (bundle := _lone_bundle(path)) is not None:
        return ImportFiles([bundle], bundle=True)
    listed = tuple(languages)
    languages = frozenset(lang.lower() for lang in listed)
    found = _leading_out(_site(path, source_language, languages, listed, chosen)
                         or _plain(path, source_language, listed, chosen), path)
    if not found.files and found.errors:
        raise found.errors[0]
    if not found.files:
        raise VerlagError(f"{found.site} without posts to import" if found.site else
                          f"no {', '.join(FOLDER_SUFFIXES)} files to import in this folder or its subfolders", path)
    feeds = [file for file in found.files if "feed" in file.relative_to(path).parts[:-1] and _feed(file)]
    if feeds and len(feeds) < len(found.files):  # the posts again, beside their own pages
        found = dataclasses.replace(found, files=[f for f in found.files if f not in feeds],
                                    skipped=[*found.skipped, *((f, FEED_SKIPPED) for f in feeds)])
    return found


def _lone_bundle(folder: Path) -> Path | None:
    """The ``index.md`` (or ``index.markdown``) of ``folder`` when the folder is a Hugo page bundle on its own (one
    page and its images, https://gohugo.io/content-management/page-bundles/): no other file an import reads is in
    it or below it. Its index at the top was the home page of a folder of pages, so the bundle had nothing to
    import (trial 38); it is one article, named after its folder (``importer_markdown``)."""
    try:
        index = [file for name in ("index.md", "index.markdown") if (file := folder / name).is_file()]
        if len(index) != 1:
            return None
        others = (file for file in folder.rglob("*") if file.suffix.lower() in FOLDER_SUFFIXES
                  and file != index[0] and file.is_file())
        return None if next(others, None) is not None else index[0]
    except OSError:
        return None


LEADS_OUT = "a symlink that leads out of the folder imported; only files inside it are read (copy the file there)"


def _leading_out(found: ImportFiles, folder: Path) -> ImportFiles:
    """``found`` without its files (and translations) that are symbolic links leading out of ``folder``, each
    skipped with why: a folder of an old blog that came from someone else, with ``content/posts/notiz.md`` ->
    a file of the home folder (a key, a shell history), brought that file in as an article's text."""
    top = folder.resolve()

    def inside(file: Path) -> bool:
        try:
            return file.resolve().is_relative_to(top)
        except (OSError, RuntimeError):  # a symlink loop: nothing to read
            return False

    out = {file for file in [*found.files, *(t[0] for t in found.translations)] if not inside(file)}
    if not out:
        return found
    return dataclasses.replace(
        found, files=[f for f in found.files if f not in out],
        translations=[t for t in found.translations if t[0] not in out and t[2] not in out],
        skipped=[*found.skipped, *((f, LEADS_OUT) for f in [*found.files, *(t[0] for t in found.translations)]
                                   if f in out)])


def _feed(file: Path) -> bool:
    """Whether ``file`` is an RSS or Atom feed (``importer.detect_kind`` of its start), as a saved blog's
    ``feed/index.html`` is. A file that cannot be read or sniffed is no feed here: its import names
    the problem."""
    from .importer import detect_kind  # importer imports this module

    try:
        with file.open("rb") as stream:
            return detect_kind(file, stream.read(65536)) == "feed"
    except (OSError, VerlagError):
        return False


def _site(root: Path, source_language: str, languages: frozenset[str] = frozenset(), listed: Sequence[str] = (),
          chosen: Mapping[str, str] = MappingProxyType({})) -> ImportFiles | None:
    """The posts of the Jekyll or Hugo site whose root is ``root``, None when ``root`` is no such site's root."""
    jekyll = next((name for name in JEKYLL_CONFIGS if (root / name).is_file()), None)
    hugo = hugo_config(root)
    if jekyll and (root / "_posts").is_dir():
        return _jekyll(root, f"a Jekyll site ({jekyll}, _posts/)")
    if hugo and ((root / "content").is_dir() or hugo_languages(root).folders):
        return _hugo(root, source_language, f"a Hugo site ({hugo}, content/)", listed, chosen)
    return None


def hugo_config(root: Path) -> str | None:
    """The name of the file (or ``config/`` folder) that makes ``root`` a Hugo site's root, None when it has none
    (https://gohugo.io/getting-started/configuration/)."""
    return next((name for name in HUGO_CONFIGS if (root / name).is_file()), None) or \
        ("config/" if (root / "config" / "_default").is_dir() else None)


def _jekyll(root: Path, site: str) -> ImportFiles:
    """The files of a Jekyll site's ``_posts/`` and ``_drafts/`` folders; its pages at the top are left out."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    errors: list[VerlagError] = []
    unread: list[tuple[Path, str]] = []  # named pipes and the like: named where a post would be
    post = lambda file: any(part in POST_FOLDERS for part in file.relative_to(root).parts[:-1])  # noqa: E731
    for file in _walk(root, lambda folder: folder.name in POST_FOLDERS or not _generated(folder), errors, unread):
        if post(file):
            files.append(file)
        elif file.parent == root and file.suffix.lower() in PAGE_SUFFIXES:
            skipped.append((file, _named(file, top=True) or _top_page(file, "a page of the site, not a post")))
    skipped += [(file, why) for file, why in unread if post(file)]
    return ImportFiles(files, skipped, site, errors)


@dataclass(frozen=True)
class HugoLanguages:
    """A Hugo site's languages as its config sets them (https://gohugo.io/content-management/multilingual/):
    ``configured``, the language keys of ``[languages]`` (lower case; empty: a site of one language);
    ``default``, ``defaultContentLanguage`` (Hugo's default: en); ``in_subdir``,
    ``defaultContentLanguageInSubdir``; ``folders``, language -> its ``contentDir`` below the site's root, for
    those that set one (translation by content directory)."""

    configured: frozenset[str] = frozenset()
    default: str = "en"
    in_subdir: bool = False
    folders: dict[str, Path] = field(default_factory=dict)

    def prefix(self, lang: str | None) -> str:
        """The start of the address of a page in ``lang`` (None: the default language): "" or "/<lang>"."""
        lang = (lang or self.default).lower()
        return f"/{lang}" if self.configured and (lang != self.default or self.in_subdir) else ""


def hugo_languages(root: Path) -> HugoLanguages:
    """The languages of the Hugo site at ``root``, from its config file (``HUGO_CONFIGS``, or
    ``config/_default/`` with its ``languages.*``). A config that cannot be read counts as a site of one
    language: the import still runs, and only the old addresses it offers may miss a language's ``/<lang>``."""
    settings = hugo_settings(root)
    languages = settings.get("languages")
    languages = languages if isinstance(languages, dict) else {}
    languages = {str(k).lower(): _lower(v) if isinstance(v, dict) else {} for k, v in languages.items()}
    folders = {lang: root / str(v["contentdir"]) for lang, v in languages.items() if v.get("contentdir")}
    return HugoLanguages(frozenset(languages), str(settings.get("defaultcontentlanguage") or "en").lower(),
                         settings.get("defaultcontentlanguageinsubdir") is True, folders)


def hugo_settings(root: Path) -> dict:
    """The settings of the Hugo site at ``root`` (its config file, ``HUGO_CONFIGS`` or ``config/_default/``'s,
    where a file ``<key>.toml`` such as ``languages.toml`` or ``permalinks.toml`` holds the table of that key,
    https://gohugo.io/configuration/introduction/#configuration-directory), top-level keys in lower case as Hugo
    reads them; {} when it has none or it cannot be read."""
    folder = root / "config" / "_default"
    suffixes = ("toml", "yaml", "yml", "json")
    settings = next((_lower(_load_settings(path)) for path in
                     [*(root / name for name in HUGO_CONFIGS),
                      *(folder / f"{stem}.{ext}" for stem in ("hugo", "config") for ext in suffixes)]
                     if path.is_file()), {})
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            key = path.stem.lower()
            if path.suffix[1:] in suffixes and key not in ("hugo", "config") and key not in settings \
                    and path.is_file():
                settings[key] = _load_settings(path)
    return settings


def jekyll_root(path: Path) -> tuple[Path, dict] | None:
    """For a file of a Jekyll site: the site's root (the nearest folder above ``path`` with ``JEKYLL_CONFIGS``)
    and its settings ({} when the config cannot be read); None for a file of no Jekyll site."""
    for root in path.absolute().parents:
        config = next((root / name for name in JEKYLL_CONFIGS if (root / name).is_file()), None)
        if config is not None:
            return root, _load_settings(config)
    return None


def hugo_page(path: Path) -> tuple[Path, str, Path] | None:
    """For a file below the content of a Hugo site (``content/``, or a language's ``contentDir``): that folder
    (absolute), the start of the page's address, "" or "/<lang>" (``HugoLanguages.prefix``, the language from
    the folder or from Hugo's ``name.<lang>.md``), and the site's root; None for a file of no Hugo site."""
    where = path.absolute()
    for root in where.parents:
        if hugo_config(root) is None:
            continue
        languages = hugo_languages(root)
        for lang, folder in languages.folders.items():
            if folder in where.parents:
                return folder, languages.prefix(lang), root
        if (root / "content") in where.parents:
            named = _TRANSLATION.match(where.stem)
            lang = named.group(2).lower() if named and named.group(2).lower() in languages.configured else None
            return root / "content", languages.prefix(lang), root
    return None


def _load_settings(path: Path) -> dict:
    """A Hugo or Jekyll config file's settings by its suffix (TOML, YAML, JSON); {} for one that cannot be read.
    Raises ``VerlagError`` naming it for one larger than ``limits.SETTINGS`` (not read)."""
    import json
    import tomllib

    import yaml

    try:
        text = file_bytes(path, SETTINGS).decode("utf-8")
        found = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text) if path.suffix == ".json" else \
            yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return {}
    return found if isinstance(found, dict) else {}


def _lower(settings: dict) -> dict:
    """``settings`` with its keys in lower case: Hugo's keys are case-insensitive (``contentDir``, ``contentdir``)."""
    return {str(k).lower(): v for k, v in settings.items()}


def _hugo(root: Path, source_language: str, site: str, listed: Sequence[str] = (),
          chosen: Mapping[str, str] = MappingProxyType({})) -> ImportFiles:
    """The pages of a Hugo site's content sections; list pages, bundles' resources and top pages left out. A page
    in another language (Hugo's ``name.<lang>.md``, a file without that code where another language is the site's
    ``defaultContentLanguage``, or a page of that language's ``contentDir``) is a translation of the German page
    of the same name (beside it, or at the same path of the German content folder): one into ``languages`` is
    listed in ``translations`` with that page, the others named (https://gohugo.io/content-management/multilingual/).
    ``listed``: the project's translation languages as verlag.toml writes them; a Hugo language is the one of them
    ``site_language`` names (``language_map``); where it names several, its pages are named with the option that
    chooses (``chosen``: ``--language-map``)."""
    hugo = hugo_languages(root)
    target = {lang: site_language(lang, listed, chosen) for lang in {*hugo.configured, *hugo.folders}}
    languages = frozenset(lang for lang, found in target.items() if isinstance(found, str))
    source = source_language.lower()
    content = hugo.folders.get(source, root / "content")
    others = {folder: lang for lang, folder in hugo.folders.items()
              if lang != source and folder.is_dir() and folder != content}
    files: list[Path] = []
    skipped = [(folder, f"the content of the site's language {lang} (contentDir)" + language_choice(
                    lang, target[lang], f", which verlag.toml's languages do not list: add {lang} there and import "
                                        "again to bring its pages in as translations", listed))
               for folder, lang in sorted(others.items()) if lang not in languages]
    errors: list[VerlagError] = []
    if not content.is_dir():
        return ImportFiles(files, skipped, site)
    # what a file name's .<lang> can be: the site's languages, else the project's (and their fallbacks: .en for en-GB)
    known = hugo.configured or frozenset({source, *(r.lower() for lang in listed for r in language_ranges(lang))})
    own = source if source in hugo.folders else hugo.default if hugo.configured else source  # of a file without one
    foreign: list[tuple[Path, str]] = []  # pages in another language: translations, once their originals are known
    for file in _walk(content, lambda sub: sub not in others, errors, skipped):
        why = _named(file, top=False) or _resource(file, content)
        if why is None and file.parent == content:
            why = _top_page(file, "a page of the site outside a section, not a post")
        lang = _language(file, known, own)
        if why is None and lang != source:
            foreign.append((file, lang))
        elif why is None:
            files.append(file)
        elif file.suffix.lower() in PAGE_SUFFIXES:
            skipped.append((file, why))
    for folder, lang in sorted(others.items()):
        if lang in languages:
            foreign += [(file, _language(file, known, lang))
                        for file in _walk(folder, lambda sub: True, errors, skipped)
                        if _named(file, top=False) is None and _resource(file, folder) is None
                        and file.parent != folder]
    files_chosen = set(files)
    translations: list[tuple[Path, str, Path]] = []
    language_map: dict[str, str] = {}
    for file, lang in foreign:
        folder = next((f for f in others if f in file.parents), None)
        original = _original(file, (content / file.relative_to(folder)) if folder else file, known, own, source)
        how = "its language's contentDir" if folder else "Hugo's naming"
        found = target.get(lang) or site_language(lang, listed, chosen)
        if original in files_chosen and isinstance(found, str):
            translations.append((file, lang, original))
            language_map[lang] = found
        elif original is None or original not in files_chosen:
            skipped.append((file, f"a page in {lang} ({how}) without a German page of its name to translate"))
        else:
            skipped.append((file, f"a translation ({lang}) of {original.name} ({how})" + language_choice(
                lang, found, f" into a language verlag.toml's languages do not list: add {lang} there and import again",
                listed)))
    return ImportFiles(files, skipped, site, errors, translations=translations, language_map=language_map)


def site_language(code: str, listed: Sequence[str], chosen: Mapping[str, str] = MappingProxyType({})) \
        -> str | tuple[str, ...]:
    """The one of the project's languages ``listed`` (verlag.toml's, as written there) that an old site's language
    ``code`` is: the one ``chosen`` gives it (``--language-map``, keyed in lower case), else the one written so
    (case-insensitively), else the one BCP 47 lookup matches (RFC 4647 section 3.4, ``config.language_ranges``:
    Hugo's ``en`` is the project's ``en-GB``, Hugo's ``pt-br`` its ``pt``); where several match (``en`` for
    ``en-GB`` and ``en-US``) or none, the tuple of those that do: which one is the author's to say."""
    code = code.lower()
    if code in chosen:
        return chosen[code]
    exact = [lang for lang in listed if lang.lower() == code]
    near = exact or [lang for lang in listed if code in (r.lower() for r in language_ranges(lang))
                     or lang.lower() in (r.lower() for r in language_ranges(code))]
    return near[0] if len(near) == 1 else tuple(near)


def language_choice(lang: str, found: str | tuple[str, ...], none: str = "", listed: Sequence[str] = ()) -> str:
    """Why a site's pages in ``lang`` were left out, with what brings them in: ``found`` (``site_language``), the
    project's languages ``lang`` names, several: ``--language-map`` chooses; none: ``none`` (add it to
    verlag.toml), and where ``listed`` (the project's languages) has another region of its language (``en-GB`` for
    ``en-us``), which lookup never takes for it (``config.language_ranges``), the ``--language-map`` that does."""
    if len(found) > 1 and isinstance(found, tuple):
        return (f", which is {' and '.join(found)} of verlag.toml's languages alike: say which one with "
                f"--language-map {lang}={found[0]} (or {', '.join(f'{lang}={other}' for other in found[1:])}) and "
                "import again")
    regions = [] if found else other_regions(lang, listed)
    if not regions:
        return none
    return (f"{none}; {_regions_said(lang, regions)} (BCP 47 lookup): if {lang} is to be {regions[0]} here, import "
            f"again with --language-map {lang}={regions[0]}"
            + (f" (or {', '.join(f'{lang}={other}' for other in regions[1:])})" if len(regions) > 1 else ""))


def other_regions(code: str, listed: Sequence[str]) -> list[str]:
    """The project's languages (``listed``) of the language ``code`` is, in another region (``en-GB`` for
    ``en-us``): never its match (``site_language``), but the one an author may mean, to name with the option."""
    primary = code.lower().replace("_", "-").split("-")[0]
    return [other for other in listed if other.lower().split("-")[0] == primary]


def _regions_said(code: str, regions: list[str]) -> str:
    """"verlag.toml's en-GB is another region, never taken for en-us" (``other_regions``, not empty)."""
    return (f"verlag.toml's {' and '.join(regions)} {'are other regions' if len(regions) > 1 else 'is another region'}"
            f", never taken for {code}")


def _language(file: Path, known: frozenset[str], default: str) -> str:
    """The language of a Hugo page: the code of its name (``tee.en.md``) where that is one of ``known``, else
    ``default`` (the site's ``defaultContentLanguage``, or its content folder's language)."""
    named = _TRANSLATION.match(file.stem) if file.suffix.lower() in (".md", ".markdown") else None
    return named.group(2).lower() if named and named.group(2).lower() in known else default


def _original(file: Path, twin: Path, known: frozenset[str], own: str, source: str) -> Path | None:
    """The German page that ``file`` (a page in another language) translates: ``twin`` (``file`` itself, or the
    same path in the German content folder) named without its language code, or with the source language's,
    whichever is German (``_language``); None without one."""
    named = _TRANSLATION.match(twin.stem)
    stem = named.group(1) if named and named.group(2).lower() in known else twin.stem
    candidates = [twin.with_name(f"{stem}{twin.suffix}"), twin.with_name(f"{stem}.{source}{twin.suffix}")]
    return next((c for c in candidates if c != file and c.is_file() and _language(c, known, own) == source), None)


def _plain(folder: Path, source_language: str, listed: tuple[str, ...] = (),
           chosen: Mapping[str, str] = MappingProxyType({})) -> ImportFiles:
    """A folder's source files and those of its subfolders, but the ones that are no articles. ``listed``:
    verlag.toml's languages, as written there."""
    languages = frozenset(lang.lower() for lang in listed)
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    generated: list[Path] = []

    sites: list[tuple[Path, ImportFiles]] = []

    def enter(sub: Path) -> bool:
        try:
            site = _site(sub, source_language, languages, listed, chosen)
        except OSError:  # a folder that cannot be read: _walk names it
            site = None
        if site is not None:
            sites.append((sub, site))
            return False
        if _generated(sub) and sub.name not in POST_FOLDERS:
            generated.append(sub)
            return False
        return True

    errors: list[VerlagError] = []
    for file in _walk(folder, enter, errors, skipped):
        why = _named(file, top=file.parent == folder) or _translation(file, source_language, listed, chosen) or \
            _resource(file, folder)
        if why is None:
            files.append(file)
        else:
            skipped.append((file, why))
    skipped += [(sub, "a folder of a site generator (templates, data or built pages), not articles")
                for sub in generated]
    translations = []
    for root, site in sites:
        files += site.files
        skipped += site.skipped
        errors += site.errors
        translations += site.translations
    return ImportFiles(files, skipped, errors=errors, sites=[(root, site.site) for root, site in sites],
                       translations=translations)


def _walk(folder: Path, enter, errors: list[VerlagError], skipped: list[tuple[Path, str]]) -> list[Path]:
    """The files of ``folder`` with a suffix of ``FOLDER_SUFFIXES`` in order of name, then those of each
    subfolder that ``enter`` accepts, in order of name; hidden files and folders and a saved page's
    ``*_files/`` folder are left out, and symbolic links to folders are not followed. A folder that cannot be
    listed (no permission) is appended to ``errors`` with the system's words, and the others are still read.
    A named pipe, socket or device with such a suffix is appended to ``skipped`` with what it is
    (``fsutil.regular``), never opened: the summary names it, as a file named on the command line is named."""
    try:
        entries = sorted((p for p in folder.iterdir() if not _hidden(p.name)), key=lambda p: p.name)
    except OSError as exc:
        errors.append(VerlagError(f"cannot read this folder: {exc.strerror or exc}", folder))
        return []
    found = []
    for path in (p for p in entries if p.suffix.lower() in FOLDER_SUFFIXES):
        try:
            regular(path)
        except IsAFolder:  # a folder named "2019.html": walked into below, never listed as skipped
            continue
        except NotAFile as exc:
            skipped.append((path, exc.message))
        except OSError:  # one gone meanwhile, a symbolic link to nothing: no file
            continue
        else:
            found.append(path)
    for sub in entries:
        if sub.is_dir() and not sub.is_symlink() and enter(sub):
            found += _walk(sub, enter, errors, skipped)
    return found


def _hidden(name: str) -> bool:
    """A hidden file or folder (``.git``), or a browser's ``<page>_files`` folder of a saved page's images."""
    return name.startswith(".") or name.endswith("_files")


def _generated(folder: Path) -> bool:
    """Whether a folder is a site generator's own (Jekyll's ``_layouts``, ``_includes``, ``_site``) or a
    package manager's (``node_modules``, ``vendor``)."""
    return folder.name.startswith("_") or folder.name in ("node_modules", "vendor")


def _named(file: Path, top: bool) -> str | None:
    """Why a file is no article by its name, None when it may be one. ``top``: it is at the top of the folder
    imported, where ``index.*`` is the home page (below, it is its folder's page)."""
    stem = file.name.split(".")[0].lower()
    if stem in REPOSITORY_FILES:
        return f"a {stem.upper()} file, not an article"
    if stem == "_index":
        return "the list page of a Hugo section (_index), not an article"
    if stem == "index" and top:
        return "the home page, not an article"
    return None


def _top_page(file: Path, what: str) -> str:
    """Why a page at the top of a Hugo site's ``content/`` or a Jekyll site's root is left out (``what``), and what
    importing it by itself gives (``importer_markdown.read_markdown``): for a page whose title, ``slug`` or name is
    an Impressum's or a privacy notice's (``importer.legal_slug``), the project's legal page of that name in
    ``seiten/``, else an article."""
    from .importer import legal_slug
    from .importer_markdown import read_front
    from .scaffold import LEGAL_SLUGS

    front = read_front(file)
    title, slug = (value if isinstance(value, str) else "" for value in (front.get("title"), front.get("slug")))
    legal = legal_slug(title.strip(), slug.strip() or _stem(file))
    if legal is None:
        return f"{what}: import it by itself if it is an article (it becomes one, listed and in the feed)"
    legal = LEGAL_SLUGS[legal]
    return (f"{what}: imported by itself it becomes the project's legal page seiten/{legal}.md (in place of the "
            "template 'verlag init' wrote; beside a page you changed, to merge the two); "
            "left out, the project's own stays")


def _resource(file: Path, top: Path) -> str | None:
    """Why a file in a Hugo leaf bundle (a folder below ``top`` holding ``index.md``, or ``index.<lang>.md`` in
    Hugo's translation by file name) other than its index files is no article: it is a resource of that page."""
    if _stem(file) == "index":
        return None
    for folder in file.parents:
        if folder == top or top not in folder.parents:
            return None
        index = next((p.name for p in sorted(folder.glob("index.*md")) if _stem(p) == "index" and p.is_file()), None)
        if index is not None:
            return f"a resource of the page bundle {folder.relative_to(top).as_posix()}/ ({index}), not a page"
    return None


def _stem(file: Path) -> str:
    """The name of a Markdown file without its suffix and without the ``.<lang>`` of Hugo's translation by file
    name (``tee.de.md``: ``tee``)."""
    named = _TRANSLATION.match(file.stem)
    return named.group(1) if named else file.stem


def _translation(file: Path, source_language: str, listed: tuple[str, ...] = (),
                 chosen: Mapping[str, str] = MappingProxyType({})) -> str | None:
    """Why ``name.<lang>.md`` is no German article: Hugo's translation by file name into another language of
    ``name.md``, or of ``name.<source_language>.md`` beside it (where the source language is not Hugo's default
    one), https://gohugo.io/content-management/multilingual/#translation-by-file-name. One in
    ``source_language`` is the article itself. The command it suggests takes a language of ``listed``
    (verlag.toml's languages) alone, the one ``<lang>`` is as a Hugo site's language is found (``site_language``:
    ``en`` is the project's one English ``en-GB``; ``chosen``, ``--language-map``); where that names several
    (``en`` for ``en-GB`` and ``en-US``), a command for each; for none, it first says to add it there, with the
    line to write, and names the command for another region of it (``other_regions``), which is never taken for
    it unasked."""
    named = _TRANSLATION.match(file.stem) if file.suffix.lower() in (".md", ".markdown") else None
    if named is None or named.group(2).lower() == source_language.lower():
        return None
    original = next((file.parent / f"{named.group(1)}{tag}{file.suffix}" for tag in ("", f".{source_language}")
                     if (file.parent / f"{named.group(1)}{tag}{file.suffix}").is_file()), None)
    if original is None:
        return None
    from .importer_markdown import read_markdown

    try:
        slug = read_markdown(original, file_bytes(original, IMPORTED)).slug
    except (OSError, VerlagError):  # the original's own problem is reported when it is imported
        slug = "SLUG"
    code = named.group(2)
    found = site_language(code, listed, chosen)
    what = f"a translation ({code}) of {original.name} in Hugo's naming"

    def command(lang: str) -> str:
        return f"verlag import --translation-of {slug} --lang {lang} {shlex.quote(str(file))}"

    if isinstance(found, str):
        return f"{what}: bring it in with {command(found)}"
    if found:
        return (f"{what}, which is {' and '.join(found)} of verlag.toml's languages alike: bring it in with "
                f"{command(found[0])} (or {', '.join(f'--lang {other}' for other in found[1:])})")
    tag = canonical_case(code)
    line = "languages = [" + ", ".join(f'"{own}"' for own in (*listed, tag)) + "]"
    said = (f"{what} into a language verlag.toml's languages do not list: add it there first ({line}), then bring "
            f"it in with {command(tag)}")
    if regions := other_regions(code, listed):
        said += (f"; or, if {code} is to be {regions[0]} here ({_regions_said(code, regions)}), bring it in with "
                 f"{command(regions[0])}")
    return said

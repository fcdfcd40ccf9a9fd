"""``verlag import <folder>``: which files of a folder are articles to import, and which are not, with why.

A Jekyll site's root (``_config.yml`` or ``_config.toml`` beside ``_posts/``) stands for its posts: the files of
every ``_posts/`` and ``_drafts/`` folder in it (Jekyll reads ``<category>/_posts/`` too), not its pages
(``about.md``, the home page ``index.html``) nor its layouts or generated ``_site/``
(https://jekyllrb.com/docs/structure/, https://jekyllrb.com/docs/posts/). A Hugo site's root (``hugo.toml``,
``hugo.yaml``, ``hugo.json``, the ``config.*`` of Hugo before 0.110 or a ``config/`` folder, beside ``content/``)
stands for the pages of its content sections: the files below a folder of ``content/``, a leaf bundle's
``index.md`` (the images beside it come along, ``importer_markdown``) but not the bundle's other Markdown files
(page resources), nor a section's list page ``_index.md`` nor a page at the top of ``content/`` (``about.md``)
(https://gohugo.io/content-management/organization/, https://gohugo.io/content-management/page-bundles/).
A file ``name.<lang>.md`` is Hugo's translation of ``name.md`` (https://gohugo.io/content-management/multilingual/):
one in another language than the project's source language is left out (``verlag import --translation-of``
brings it into that language's catalog).

Any other folder stands for its source files (``FOLDER_SUFFIXES``) and those of its subfolders, the files of a
folder before its subfolders, each in order of name: the same order on every machine. Left out with why: a README
(or LICENSE, CHANGELOG), Hugo's ``_index.md``, the home page (``index.*`` at the top of the folder; an ``index.*``
in a subfolder is that folder's page: a Hugo bundle, a saved site), and folders of a site generator
(``_layouts/``, ``_site/``, any ``_name/`` but ``_posts/`` and ``_drafts/``). Hidden folders and a browser's
``*_files/`` folder (the images of a saved page, which its page's import copies) are not looked into.

Drafts (Hugo ``draft: true``, Jekyll ``published: false`` or ``_drafts/``) are articles: imported with ``draft:
true`` and why beside it (``importer_markdown``), and listed at the end of the import, so unfinished work is not
lost; an author deletes the file to drop one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import VerlagError

# A folder stands for the files with one of these suffixes (a saved page's ``*_files`` folder is not looked into).
FOLDER_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".txt", ".md", ".markdown")
JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                "config.json")
POST_FOLDERS = ("_posts", "_drafts")  # Jekyll's
PAGE_SUFFIXES = (".md", ".markdown", ".html")  # a site's page left out is named; its other files are not
REPOSITORY_FILES = ("readme", "license", "licence", "changelog", "contributing")  # names without suffix, any case
_TRANSLATION = re.compile(r"^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)$")  # Hugo's name.<lang> (without .md)


@dataclass(frozen=True)
class ImportFiles:
    """What one source of ``verlag import`` stands for. ``files``: to import, in order; ``skipped``: (file or
    folder, why it is no article), in order; ``site``: what the folder was read as ("a Jekyll site (_config.yml,
    _posts/)"), None for a file or a plain folder."""

    files: list[Path]
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    site: str | None = None


def import_files(path: Path, source_language: str) -> ImportFiles:
    """The files ``verlag import <path>`` reads: ``path`` itself, or a folder's articles (see the module's text).
    ``source_language``: the project's (a Hugo ``name.<lang>.md`` in it is an article, in another a translation).
    Raises ``VerlagError`` naming ``path`` when it does not exist, or a folder holds no article to import."""
    if path.is_file():
        return ImportFiles([path])
    if not path.is_dir():
        raise VerlagError("no such file or folder", path)
    jekyll = next((name for name in JEKYLL_CONFIGS if (path / name).is_file()), None)
    hugo = next((name for name in HUGO_CONFIGS if (path / name).is_file()), None) or \
        ("config/" if (path / "config" / "_default").is_dir() else None)
    if jekyll and (path / "_posts").is_dir():
        found = _jekyll(path, f"a Jekyll site ({jekyll}, _posts/)")
    elif hugo and (path / "content").is_dir():
        found = _hugo(path, source_language, f"a Hugo site ({hugo}, content/)")
    else:
        found = _plain(path, source_language)
    if not found.files:
        raise VerlagError(f"{found.site} without posts to import" if found.site else
                          f"no {', '.join(FOLDER_SUFFIXES)} files to import in this folder or its subfolders", path)
    return found


def _jekyll(root: Path, site: str) -> ImportFiles:
    """The files of a Jekyll site's ``_posts/`` and ``_drafts/`` folders; its pages at the top are left out."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for file in _walk(root, lambda folder: folder.name in POST_FOLDERS or not _generated(folder)):
        if any(part in POST_FOLDERS for part in file.relative_to(root).parts[:-1]):
            files.append(file)
        elif file.parent == root and file.suffix.lower() in PAGE_SUFFIXES:
            skipped.append((file, _named(file, top=True) or "a page of the site, not a post: import it by itself "
                                                           "if it is an article"))
    return ImportFiles(files, skipped, site)


def _hugo(root: Path, source_language: str, site: str) -> ImportFiles:
    """The pages of a Hugo site's content sections; list pages, bundles' resources and top pages left out."""
    content = root / "content"
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for file in _walk(content, lambda folder: True):
        why = _named(file, top=False) or _translation(file, source_language) or _resource(file, content)
        if why is None and file.parent == content:
            why = "a page of the site outside a section, not a post: import it by itself if it is an article"
        if why is None:
            files.append(file)
        elif file.suffix.lower() in PAGE_SUFFIXES:
            skipped.append((file, why))
    return ImportFiles(files, skipped, site)


def _plain(folder: Path, source_language: str) -> ImportFiles:
    """A folder's source files and those of its subfolders, but the ones that are no articles."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    generated: list[Path] = []

    def enter(sub: Path) -> bool:
        if _generated(sub) and sub.name not in POST_FOLDERS:
            generated.append(sub)
            return False
        return True

    for file in _walk(folder, enter):
        why = _named(file, top=file.parent == folder) or _translation(file, source_language) or \
            _resource(file, folder)
        if why is None:
            files.append(file)
        else:
            skipped.append((file, why))
    skipped += [(sub, "a folder of a site generator (templates, data or built pages), not articles")
                for sub in generated]
    return ImportFiles(files, skipped)


def _walk(folder: Path, enter) -> list[Path]:
    """The files of ``folder`` with a suffix of ``FOLDER_SUFFIXES`` in order of name, then those of each
    subfolder that ``enter`` accepts, in order of name; hidden files and folders and a saved page's
    ``*_files/`` folder are left out, and symbolic links to folders are not followed."""
    entries = sorted((p for p in folder.iterdir() if not _hidden(p.name)), key=lambda p: p.name)
    found = [p for p in entries if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES]
    for sub in entries:
        if sub.is_dir() and not sub.is_symlink() and enter(sub):
            found += _walk(sub, enter)
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


def _resource(file: Path, top: Path) -> str | None:
    """Why a file in a Hugo leaf bundle (a folder below ``top`` holding ``index.md``) other than its
    ``index.md`` is no article: it is a resource of that page."""
    for folder in file.parents:
        if folder == top or top not in folder.parents:
            return None
        if (folder / "index.md").is_file() and file != folder / "index.md":
            return f"a resource of the page bundle {folder.relative_to(top).as_posix()}/ (index.md), not a page"
    return None


def _translation(file: Path, source_language: str) -> str | None:
    """Why ``name.<lang>.md`` beside ``name.md`` is no German article: Hugo's translation of it into another
    language (one in ``source_language`` is the article itself)."""
    named = _TRANSLATION.match(file.stem) if file.suffix.lower() in (".md", ".markdown") else None
    if named is None or named.group(2).lower() == source_language.lower() or \
            not (file.parent / f"{named.group(1)}{file.suffix}").is_file():
        return None
    return (f"a translation ({named.group(2)}) of {named.group(1)}{file.suffix} in Hugo's naming: bring it in with "
            f"verlag import --translation-of SLUG --lang {named.group(2)}")

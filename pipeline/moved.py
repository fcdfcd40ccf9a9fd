"""Part of the site stage: the old site's other addresses (``redirects.txt``) answered where their content is now.

An imported Hugo site also served its feeds (``/index.xml``), its list pages (``/posts/``, ``/tags/nacken/``) and
the files of ``static/``, a Jekyll site or WordPress blog its feeds and lists (``/feed.xml``, ``/feed/``,
``/category/tee/``, ``/page/2/``) (``importer_addresses``); no article's ``aliases:`` keeps them. ``verlag
import`` writes each with the new site's path that has its content to the project's ``redirects.txt``, one ``OLD
NEW 301`` line each (the form of Netlify's ``_redirects``, %-encoded), and the author may add lines of their own.
The build answers each as the host can:

- a ``_redirects`` and ``.htaccess`` rule beside the articles' aliases (``redirects``), so a host that reads them
  answers 301, which feed readers follow and remember;
- on plain web space, a copy of the file at the old address where the new path is a file (a feed, an image; at
  an address ending in ``/``, WordPress's ``/feed/``, as that folder's ``index.html``, which is what a static
  server sends there, as ``text/html``: feed readers go by the XML, and a host that reads the rules answers 301): a
  feed reader does not follow an HTML redirect page, so the old feed address serves the new feed's XML itself,
  as jekyll-feed advises for a feed kept at its old path on hosts without redirects
  (https://github.com/jekyll/jekyll-feed#already-have-a-feed-path) and as Hugo serves a feed: the reader finds
  the new address in its ``rel="self"`` link (RFC 4287 4.2.7.2) and keeps the entries' ``<id>``;
- where the new path is a page (a language's index), the redirect page ``redirects`` writes for an alias
  (meta refresh, canonical, ``noindex``).

None of them is listed in the sitemap, which lists the pages alone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from . import LazyPattern
from .bidi import text_direction
from .config import MOVED_FILE, Config
from .errors import VerlagError
from .fsutil import NotAFile, file_bytes, write_if_changed
from .limits import MOVED
from .redirects import APACHE, HTML_SUFFIXES, NETLIFY, apache_pattern, page_file, redirect_page
from .search import BUNDLE
from .sources import PATTERN_PROBLEM, host_pattern, unrequestable

if TYPE_CHECKING:
    from .site import Urls

_PATH_SAFE = "/%-._~!$&'()*+,;=:@"  # RFC 3986 pchar and "/": what a path keeps unencoded (and "%": encoded already)
HEADER = ("# Old addresses of the site this project came from, each with the new site's path that has its content:\n"
          "# 'verlag build' answers them (README: Moving from an old blog). One per line: OLD NEW 301, %-encoded.\n")

# The old addresses outside the new site's path (a ``base_url`` with a path, ``https://example.org/praxis/``), which
# its redirects cannot answer: ``verlag import`` lists them here for a rule on the old host's web server.
OLD_HOST_FILE = "redirects-old-host.txt"
OLD_HOST_HEADER = (
    "# Old addresses outside the new site's path (base_url in verlag.toml): its redirects cannot answer them, and\n"
    "# 'verlag build' does not read this file. Hand it to whoever runs the old host's web server: a rule there sends\n"
    "# each to its new address (README: Moving from an old blog). One per line: OLD NEW 301, %-encoded; an old\n"
    "# address by query (WordPress's /?p=41) as Netlify's _redirects matches one: / p=41 NEW 301! (the !: the\n"
    "# old home page at / must not answer it first).\n")


@dataclass(frozen=True)
class Moved:
    old: str  # host path, %-encoded
    new: str  # site path of the new site
    line: int  # its line in redirects.txt


def read_moved(config: Config, errors: list[VerlagError]) -> list[Moved]:
    """The lines of the project's ``redirects.txt`` (none when there is none), in order; a line that is no
    ``OLD NEW [301]`` pair of paths starting with ``/``, an old path no browser requests (``sources.unrequestable``:
    a ``..`` segment, a control character) or one given before, is left out and reported in ``errors`` at its
    line."""
    path = config.root / MOVED_FILE
    try:
        text = file_bytes(path, MOVED, MOVED_FILE).decode("utf-8")
    except FileNotFoundError:
        return []
    except NotAFile as exc:  # a named pipe, or a link leading out of the project (``fsutil.LeadsOut``)
        errors.append(VerlagError(f"{exc.message}; its old addresses are not answered", MOVED_FILE))
        return []
    except (OSError, UnicodeError) as exc:
        errors.append(VerlagError(f"cannot be read ({exc.__class__.__name__}); its old addresses are not answered",
                                  MOVED_FILE))
        return []
    found: dict[str, Moved] = {}
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.partition("#")[0].split()
        if not parts:
            continue
        if len(parts) not in (2, 3) or parts[2:] not in ([], ["301"]) or not all(p.startswith("/") for p in parts[:2]):
            errors.append(VerlagError("not an old address and a new one ('/old/path  /new/path  301', %-encoded): "
                                      "left out", MOVED_FILE, number))
        elif unrequestable(unquote(parts[0])):
            errors.append(VerlagError(f"{parts[0]} has a '.' or '..' segment, a backslash or a control character "
                                      "(%-encoded or not), which no browser requests: left out", MOVED_FILE, number))
        elif host_pattern(unquote(parts[0])):
            errors.append(VerlagError(f"{parts[0]} {PATTERN_PROBLEM}: left out", MOVED_FILE, number))
        elif parts[0] in found:
            errors.append(VerlagError(f"{parts[0]} is given on line {found[parts[0]].line} too: keep one",
                                      MOVED_FILE, number))
        else:
            found[parts[0]] = Moved(parts[0], parts[1], number)
    return list(found.values())


def moved_paths(config: Config) -> frozenset[str]:
    """The old addresses of ``redirects.txt`` as ``redirects.old_path`` keys them (%-decoded, without a final
    ``/``): a link to one is answered, so the ``article-link`` warnings leave it alone (a line the build refuses
    is still named by the build)."""
    from .redirects import old_path

    return frozenset(old_path(m.old) for m in read_moved(config, []))


def moved_key(old: str) -> str:
    """The old path ``old`` as ``redirects.txt`` gives it (%-encoded, what is encoded already kept): as
    ``add_moved`` writes it and returns it."""
    return quote(old, safe=_PATH_SAFE)


def add_moved(root: Path, pairs: Iterable[tuple[str, str]], dry_run: bool = False, name: str = MOVED_FILE,
              header: str = HEADER) -> list[tuple[str, str]]:
    """Add to the ``redirects.txt`` of the project at ``root`` each (old path, new site path) of ``pairs`` whose old
    path (%-encoded here) it does not give yet, after its lines (made with ``HEADER`` when there is none); returns
    those pairs, as written. An old path ``read_moved`` would refuse (a ``..`` segment from an export's crafted
    term) is not added. ``dry_run``: nothing is written. Raises ``OSError`` when the file cannot be written.
    ``name``, ``header``: another file of the same form (``OLD_HOST_FILE``, the new addresses full URLs)."""
    path = root / name
    try:
        text = file_bytes(path, MOVED, name).decode("utf-8")
    except FileNotFoundError:
        text = ""
    given = {_given(parts) for line in text.splitlines() if (parts := line.partition("#")[0].split())}
    added: dict[str, str] = {}
    for old, new in pairs:
        if "?" in old and name == MOVED_FILE:  # read_moved takes paths only: the build answers a query by an alias
            continue
        old = added_key(old)
        path_only = old.partition("?")[0]
        if old not in given and not unrequestable(unquote(path_only)) and not host_pattern(unquote(path_only)):
            added.setdefault(old, new)
    if added and not dry_run:
        if not text:
            text = header
        elif not text.endswith("\n"):
            text += "\n"
        write_if_changed(path, text + "".join(moved_line(old, new) + "\n" for old, new in added.items()))
    return list(added.items())


def added_key(old: str) -> str:
    """The old address ``old`` (a path, ``path?query`` for an address by query) as ``add_moved`` keys and writes
    it: the path %-encoded (``moved_key``), the query kept apart from it."""
    path, _, query = old.partition("?")
    return moved_key(path) + (f"?{quote(query, safe=_PATH_SAFE + '?')}" if query else "")


def replace_moved(root: Path, swaps: Mapping[str, tuple[str, str]], dry_run: bool = False,
                  name: str = MOVED_FILE) -> list[tuple[str, str]]:
    """Rewrite in the file ``name`` of the project at ``root`` each line that is, exactly, a key of ``swaps`` (a
    line an import wrote, ``moved_line``'s form, which a person rarely types so) as the line of its (old address,
    new path) value, written as ``add_moved`` writes it; where the file has that old address on another line
    already (a later import added it beside), the stale line is dropped instead. Every other line stays as it
    is. Returns each (line as it was, line now; "" where dropped); ``dry_run``: nothing is written. Raises
    ``OSError`` when the file cannot be written."""
    path = root / name
    try:
        text = file_bytes(path, MOVED, name).decode("utf-8")
    except FileNotFoundError:
        return []
    lines = text.splitlines(keepends=True)
    stale = {n for n, line in enumerate(lines) if line.rstrip("\r\n") in swaps}
    if not stale:
        return []
    given = {_given(parts) for n, line in enumerate(lines) if n not in stale
             and (parts := line.partition("#")[0].split())}
    done: list[tuple[str, str]] = []
    for n in sorted(stale):
        was = lines[n].rstrip("\r\n")
        old, new = swaps[was]
        key = added_key(old)
        now = "" if key in given else moved_line(key, new)
        given.add(key)
        lines[n] = now + lines[n][len(was):] if now else ""
        done.append((was, now))
    if not dry_run:
        write_if_changed(path, "".join(lines))
    return done


# A line a verlag before trial 30 wrote to ``OLD_HOST_FILE`` for an old address by query (WordPress's shortlink
# ``/?p=41``): the ``?`` %-encoded into the path, ``key=value`` pairs after it, two spaces, a full new address, 301.
_QUERY_IN_PATH = LazyPattern(r"(/[^\s?]*?)%3F([A-Za-z_][\w-]*=[^\s&]*(?:&[A-Za-z_][\w-]*=[^\s&]*)*)  (https?://\S+)  301")


def query_lines(root: Path, base_url: str) -> dict[str, tuple[str, str]]:
    """Each line of the ``OLD_HOST_FILE`` of the project at ``root`` in the form a verlag before trial 30 wrote an
    old address by query (``/%3Fp=41  https://example.org/praxis/de/tee/  301``: no request matches it), its new
    address below ``base_url``, with that address (``/?p=41``) and the new one: ``replace_moved``'s ``swaps``."""
    try:
        text = file_bytes(root / OLD_HOST_FILE, MOVED, OLD_HOST_FILE).decode("utf-8")
    except (OSError, UnicodeError):  # none, or one the import's other steps name
        return {}
    found = {}
    for line in text.splitlines():
        match = _QUERY_IN_PATH.fullmatch(line)
        if match is not None and match[3].startswith(base_url):
            found[line] = (f"{match[1]}?{match[2]}", match[3])
    return found


def moved_line(old: str, new: str) -> str:
    """The line of ``old`` (%-encoded; ``path?query`` for an address by query) and ``new`` in ``OLD_HOST_FILE``:
    ``OLD  NEW  301``, or for a query the rule of Netlify's ``_redirects`` that matches it (``/  p=41  NEW  301!``,
    as the build writes an alias by query, ``redirects``): a ``?`` written into the path would be ``%3F``, a path
    no browser requests."""
    path, _, query = old.partition("?")
    return f"{path}  {query.replace('&', ' ')}  {new}  301!" if query else f"{old}  {new}  301"


def _given(parts: list[str]) -> str:
    """The old address a line of ``add_moved``'s file gives (its words ``parts``), as ``add_moved`` keys it: the
    path, with ``?query`` where the line matches a query (``/  p=41  NEW  301!``)."""
    query = [p for p in parts[1:] if "=" in p and not p.startswith("/") and "://" not in p]
    return parts[0] + (f"?{'&'.join(query)}" if query else "")


def moved_outputs(config: Config, urls: Urls, languages: Sequence[str], out: dict,
                  before: Collection[str], intact: Callable[[str], bool], errors: list[VerlagError],
                  notes: list[str], footer: Callable[[str], str | None] | None = None) -> dict:
    """The files under site/ that answer ``redirects.txt``'s old addresses, with ``out``'s ``_redirects`` and
    ``.htaccess`` (the aliases' rules, when there are any) extended by theirs. ``out``: every other file of the
    site (None: unchanged); ``languages``: the source language first; ``before``: the files of the last build and
    ``intact`` (``handedits``): a copy whose file is unchanged is None too. A new path in the folder of a language
    not published yet (``/en/feed.xml``) leads to the source language's (``/de/feed.xml``) meanwhile, said in
    ``notes`` ("file:line: message"), as an alias does. An old address verlag answers already
    (a page, an alias) or outside ``base_url``'s path, and a new path the site does not have, are left out and
    reported in ``errors`` at their line. ``footer``: a language's legal links, on each redirect page in its
    language (see ``redirects.redirect_files``)."""
    moved = read_moved(config, errors)
    if not moved:
        return {}
    # Paths under site/ are compared case-folded: a file system that ignores case (macOS's, Windows') has one file
    # for site/DE/tee/index.html and site/de/tee/index.html, and the copy or redirect page would replace the page.
    aliased = {line.split()[0].casefold() for line in str(out.get(NETLIFY) or "").splitlines() if line.strip()}
    own = {rel.casefold(): rel for rel in (*out, NETLIFY, APACHE)}
    folders = {rel[:i].casefold(): rel[:i] for rel in out for i, char in enumerate(rel) if char == "/"}  # no copy
    made: dict = {}
    rules: list[Moved] = []
    for m in moved:
        m = _published(m, urls, languages, out, notes)
        target = urls.file(m.new) if m.new.startswith(urls.base_path) else None
        if target is None or target not in out or target in (NETLIFY, APACHE):
            errors.append(VerlagError(no_page_message(m.new), MOVED_FILE, m.line))
            continue
        if not m.old.startswith(urls.base_path):
            errors.append(VerlagError(outside_message(m.old, urls.base_url), MOVED_FILE, m.line))
            continue
        page = target.lower().endswith(HTML_SUFFIXES)
        rel, taken = answering(m.old, page, urls, own, folders, aliased)
        if taken:
            errors.append(VerlagError(answered_message(m.old, taken), MOVED_FILE, m.line))
            continue
        rules.append(m)
        if rel is None:
            continue
        if page:
            lang = next((code for code in languages[1:] if m.new.startswith(urls.path("index", code))), languages[0])
            made[rel] = redirect_page(lang, config.name, _absolute(urls, m.new), m.new, direction=text_direction(lang),
                                      footer=footer(lang) if footer else None)
        elif out[target] is not None:
            made[rel] = out[target]
        else:  # the file is as the last build wrote it: so is its copy, unless it is new or was changed
            made[rel] = None if rel in before and intact(rel) else config.site_dir / target
    if rules:
        made[NETLIFY] = str(out.get(NETLIFY) or "") + "".join(f"{m.old}  {m.new}  301\n" for m in rules)
        made[APACHE] = (str(out.get(APACHE) or "") + f"# Old addresses of {MOVED_FILE}; written by verlag build\n"
                        + "".join(f"RedirectMatch 301 {apache_pattern(m.old)} {_absolute(urls, m.new)}\n"
                                  for m in rules))
    return made


def answering(old: str, page: bool, urls: Urls, own: dict[str, str], folders: dict[str, str],
              aliased: Collection[str]) -> tuple[str | None, str | None]:
    """(the file under site/ that answers the old path ``old``, None: a rule alone; None, or what answers it
    already: ``site/…``, a file of ``own`` or a folder of ``folders`` (case-folded path -> path, as a file system
    that ignores case holds them), the search index or an article's alias (``aliased``, case-folded)). ``page``:
    the new path is a page, answered by a redirect page at the HTML file a static server sends, else by a copy of
    the file. The file found is added to ``own`` and its folders to ``folders``."""
    served = page_file(old, urls)  # the HTML file a static server answers the old address with, if any
    plain = unquote(old[len(urls.base_path):])
    # a folder's address (WordPress's /feed/) gets the copy as its index.html, which a static server sends for it
    copy = served if old.endswith("/") else plain
    parts = plain.strip("/").split("/")
    above = ["/".join(parts[:n]) for n in range(1, len(parts))]  # a file there leaves no folder for it
    taken = next((f"site/{own.get(f.casefold()) or folders[f.casefold()]}" for f in (*above, served, copy)
                  if f is not None and (f.casefold() in own or f.casefold() in folders and f not in above)), None) \
        or (f"site/{BUNDLE}/, the search index" if parts[0].casefold() == BUNDLE else None) \
        or ("an article's aliases:" if old.casefold() in aliased else None)
    if taken:
        return None, taken
    rel = served if page else copy
    if rel is not None:
        folders.update((rel[:i].casefold(), rel[:i]) for i, char in enumerate(rel) if char == "/")
        own[rel.casefold()] = rel
    return rel, None


def no_page_message(new: str) -> str:
    """What ``build`` (``moved_outputs``) and ``check`` say of a line of redirects.txt whose new path ``new`` is
    no file the build makes."""
    return (f"{new} is no page or file of the new site (the path of a language's index, feed, page or file under "
            "site/, as 'build' makes it): left out")


def outside_message(old: str, base_url: str) -> str:
    """What they say of a line whose old path ``old`` is outside ``base_url``'s path."""
    return (f"{old} is outside the site's address {base_url} (base_url in verlag.toml); redirects can only answer "
            "below it")


def answered_message(old: str, taken: str) -> str:
    """What they say of a line whose old path ``old`` is answered already by ``taken`` (``site/de/tee/index.html``,
    a page or file verlag makes, or an article's ``aliases:``): the line would replace it."""
    return f"{old} is answered already ({taken}): left out"


def _published(m: Moved, urls: Urls, languages: Sequence[str], out: dict, notes: list[str]) -> Moved:
    """``m``, or where a new path in the folder of a language whose edition is not published (not in ``out``)
    leads to the same path in the source language's folder (``languages[0]``), that, said in ``notes``."""
    if not m.new.startswith(urls.base_path) or urls.file(m.new) in out:
        return m
    lang = next((code for code in languages[1:] if m.new.startswith(urls.path("index", code))), None)
    if lang is None:
        return m
    instead = urls.path("index", languages[0]) + m.new[len(urls.path("index", lang)):]
    if urls.file(instead) not in out:
        return m
    notes.append(f"{MOVED_FILE}:{m.line}: {m.old} leads to {instead} until the {lang} edition is published")
    return Moved(m.old, instead, m.line)


def _absolute(urls: Urls, path: str) -> str:
    """The site path ``path`` (under ``base_url``'s path) as an absolute URL."""
    return urls.base_url + path[len(urls.base_path):]

"""Part of the site stage: redirects from an article's old addresses (front-matter ``aliases``) to its page.

A practitioner's old blog (WordPress, Wix, Jimdo) has links and search
rankings pointing at its addresses; each old path answers with a permanent
redirect to the article's page, in the three forms hosts read. An old path inside a language's folder
(``/en/alt/``, a renamed article's old English address), or one whose ``aliases`` line names a language (``#
en: …``, ``Article.alias_languages``: an imported blog's translated post's), leads to that language's edition
while it is published, any other to the German original (Hugo's multilingual aliases do the same: each
language's alias points at that language's page):

- ``_redirects``: one ``/old/path  /en/slug/  301`` line per alias, the format
  of Netlify and Cloudflare Pages (docs.netlify.com, "Redirects and rewrites");
  paths percent-encoded, as Netlify's documentation asks ("special characters
  in paths must be url-encoded", e.g. ``/authors/c%C3%A9line``);
- ``.htaccess``: Apache ``RedirectMatch 301 ^/old/path/?$ <absolute URL>``
  lines (mod_alias), anchored so an old path never redirects the paths below it.
  mod_alias matches the %-decoded URL-path
  (https://httpd.apache.org/docs/2.4/mod/mod_alias.html), so the pattern is the
  decoded path, regex-escaped, and in double quotes when it holds a space;
- for an old address by query (WordPress's plain permalink ``/?p=140``, ``sources.query_aliases``), a
  ``_redirects`` rule matching its query (``/  p=140  /de/slug/  301!``) and an Apache mod_rewrite rule
  (``RewriteCond %{QUERY_STRING}``), as mod_alias matches no query; Cloudflare Pages and plain web space have
  no way to match one (``_by_query``);
- for plain web space, a small HTML page at each old path with
  ``<meta http-equiv="refresh" content="0; url=…">`` (HTML Living Standard,
  "Shared declarative refresh steps") and a visible link to the page's site path
  (``/de/slug/``, so a preview on 127.0.0.1 stays there), ``<link
  rel="canonical">`` to its absolute URL, and ``noindex``, as Hugo writes for
  its aliases.

The files are text keyed by their path under site/; the site stage writes
them with everything else and never lists them in the sitemap. It records each
source's redirects (``record``) so that a source that cannot be read for now
(a front-matter mistake) keeps the redirects it had (``kept``), as it keeps its
pages: its old links answer until it reads again.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .bidi import text_direction
from .errors import VerlagError
from .sources import ORIGIN_RE, SLUG_RE, Article, query_aliases, read_aliases
from .urlparts import NO_ADDRESS, site_host, split_url, url_host

if TYPE_CHECKING:
    from .config import Config
    from .site import Urls

NETLIFY = "_redirects"
APACHE = ".htaccess"
HTML_SUFFIXES = (".html", ".htm")

PAGE = """<!DOCTYPE html>
<html lang="{lang}"{dir}>
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={path}">
</head>
<body>
<p><a href="{path}">{title}</a></p>
{footer}</body>
</html>
"""


def redirect_page(lang: str, title: str, url: str, path: str, *, direction: str | None = None,
                  footer: str | None = None) -> str:
    """The HTML page at an old address (aliases, redirects.txt): a meta refresh to ``path`` (site-absolute),
    canonical ``url`` (absolute), ``noindex``, and a link a reader without refresh follows. ``lang``, ``title``,
    ``url``, ``path``: plain text (escaped here); ``lang`` a BCP 47 tag, in the language of the title it shows,
    ``direction`` its ``dir`` ("rtl"/"ltr") when the page states it. An old address leads to the same article, so
    it leads on at once (a 0-second refresh, WCAG technique H76: an instant redirect, no timed one); a withdrawn
    translation's page has something to say and does not (``site._withdrawn``). ``footer``: the site's legal links
    in its language (HTML, escaped: a reader whose browser does not follow the refresh stays on this page, and § 5
    DDG wants the Impressum reachable from it)."""
    from html import escape  # with html.entities' table, 3 ms to import: only a project with aliases needs it

    return PAGE.format(lang=escape(lang), dir=f' dir="{direction}"' if direction else "", title=escape(title),
                       url=escape(url), path=escape(path),
                       footer=f"{footer}\n" if footer else "")


@dataclass(frozen=True)
class Redirect:
    old: str  # host path, percent-encoded (``sources.read_aliases``)
    lang: str  # the language of the page it leads to
    new: str  # site path of the article's page
    url: str  # the same, absolute
    title: str
    slug: str  # the article's
    ref: str  # its source file, project-relative
    line: int  # the line of its ``aliases:``


def record(redirects: Iterable[Redirect]) -> dict[str, list[list]]:
    """``redirects`` as JSON for the site stage's state: slug -> its redirects' fields, in order."""
    out: dict[str, list[list]] = {}
    for r in redirects:
        out.setdefault(r.slug, []).append([r.old, r.lang, r.new, r.url, r.title, r.slug, r.ref, r.line])
    return out


def kept(recorded, slugs: Iterable[str]) -> list[Redirect]:
    """The redirects ``record`` stored (``recorded``, read back from JSON: anything malformed is left out) of
    the sources with these ``slugs``: those that cannot be read now keep the redirects of their last build. An
    old or new address with a space or control character is malformed too: no address ``read_aliases`` gives
    has one, and in ``_redirects`` or ``.htaccess`` it would end the rule and start another."""
    recorded = recorded if isinstance(recorded, dict) else {}
    return [Redirect(*fields) for slug in sorted(slugs) if isinstance(recorded.get(slug), list)
            for fields in recorded[slug] if isinstance(fields, list) and len(fields) == 8
            and all(isinstance(f, str) for f in fields[:7]) and isinstance(fields[7], int)
            and _address(fields[0]) and _address(fields[2]) and _address(fields[3])]


def _address(text: str) -> bool:
    """Whether ``text`` may be a recorded redirect's address: not empty, printable, without spaces."""
    return bool(text) and text.isprintable() and not any(c.isspace() for c in text)


def old_names(articles: Iterable[Article], renames: Mapping[str, str] | None = None) -> dict[str, str]:
    """Name -> slug: the file name of an article whose ``slug:`` differs from it (``eisenmangel-bei-frauen`` ->
    ``eisenmangel``: a link to its file, ``eisenmangel-bei-frauen.md``, leads to its page), the names articles
    had before a rename, as their ``aliases`` give them, and their old addresses. A file name wins over an
    old name: the file is there now.

    An old name is the last segment of an old address (``/de/schlaf/``, ``https://praxis.example/schlaf.html``
    -> ``schlaf``), so that a link to the old file (``schlaf.md``) still finds the article. An old address is
    the %-decoded path of an alias starting with ``/`` without its final ``/`` (``old_path``:
    ``/2022/09/15/schlaf.html``), so that a root-relative link to it leads to the article's page in the
    reader's language rather than to the redirect. A name or address that is an article's slug now, or that
    the aliases of two articles give, is left out. A file's name is also given with its ``.md`` (``b.md`` ->
    ``c``), whatever other article has that name as its slug: a link to the file leads to that file's page
    (``file_slug``), a link to the address ``/de/b/`` to the article whose slug is ``b``.

    ``renames``: old slug -> slug of the renames verlag knows (``renames.link_names``), old names too, after
    those the aliases give: an author's ``aliases:`` entry says more than a rename found.
    """
    articles = list(articles)
    current = {article.slug for article in articles}
    found: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for path in read_aliases(article)[0]:
            name = re.sub(r"\.html?$", "", unquote(path.rstrip("/").rpartition("/")[2]))
            for key in (name, old_path(path) if path.startswith("/") else ""):
                if key and key not in current:
                    found[key].add(article.slug)
    files: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        if article.path.stem != article.slug:  # NFC: the name a link types for one saved decomposed (macOS, zip)
            files[unicodedata.normalize("NFC", article.path.stem)].add(article.slug)
    named = {f"{name}.md": set(slugs) for name, slugs in files.items()}
    files = {name: slugs for name, slugs in files.items() if name not in current}
    moved = [(old, {new}) for old, new in sorted((renames or {}).items())
             if old not in current and old not in found]
    return {name: slugs.pop() for name, slugs in [*moved, *sorted(found.items()), *sorted(files.items()),
                                                  *sorted(named.items())] if len(slugs) == 1}


def file_slug(renamed: Mapping[str, str], name: str) -> str:
    """The slug of the page a link to the file ``<name>.md`` leads to, by ``old_names`` (``renamed``): that file's
    article's, else the article's that had that name (its aliases), else ``name``."""
    return renamed.get(f"{name}.md") or renamed.get(name, name)


def last_name(slug: str, renames: Mapping[str, str]) -> str:
    """The slug ``slug`` has after the renames in ``renames`` (old slug -> new slug), followed to their end."""
    seen = {slug}
    while renames.get(slug) is not None and renames[slug] not in seen:
        slug = renames[slug]
        seen.add(slug)
    return slug


def old_hosts(articles: Iterable[Article], site_url: str) -> set[str]:
    """The hosts of the old site the project's ``articles`` came from (as ``urlparts.site_host`` gives them: lower
    case, without ``www.``), as their sources record it: the host of each full URL under ``aliases:`` and of the
    site an import names in its ``# imported from … of https://…/`` comment; never the host of ``site_url``, the
    new site."""
    found = set()
    for article in articles:
        aliases = article.meta.get("aliases")
        origin = ORIGIN_RE.search(article.front)
        for url in [*(aliases if isinstance(aliases, list) else [aliases]),
                    origin[1].rpartition(" of ")[2] if origin else None]:
            parts = split_url(url.strip()) if isinstance(url, str) else None
            if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
                found.add(site_host(parts.netloc))
    return found - {url_host(site_url)}


def other_hosts(addresses: Iterable[str], site_url: str) -> list[str]:
    """The hosts other than ``site_url``'s of the full http or https URLs among ``addresses``, each as first written
    (lower case; ``www.`` or not is one host, ``urlparts.site_host``, as ``old_hosts`` counts the old site), sorted:
    the old sites whose addresses, kept as aliases or lines of redirects.txt, the new site answers at the same paths
    of its own host alone (``other_host_note``)."""
    own = url_host(site_url)
    found: dict[str, str] = {}  # site_host -> the host as first written (www.praxis-lindner.com)
    for url in addresses:
        parts = split_url(url.strip())
        if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
            found.setdefault(site_host(parts.netloc), parts.netloc.lower())
    return sorted(host for key, host in found.items() if key != own)


def kept_hosts(articles: Iterable[Article], site_url: str) -> list[str]:
    """``other_hosts`` of the old addresses the ``articles`` keep under ``aliases:`` (a draft's too, as an import
    writes a Hugo blog's drafts: its redirects come with its page): a full URL's own host, and for a path
    (``/alt/tee/``) the host of the old site an import names in the article's ``# imported from … of https://…/``
    comment (``importer``'s record of where it came from, as ``old_hosts`` reads it). ``check`` says them
    (``other_host_note``) once base_url names the new site: the import could not while it was ``init``'s
    stand-in, and an article imported then never heard it."""
    urls = []
    for article in articles:
        aliases = article.meta.get("aliases")
        aliases = [a for a in (aliases if isinstance(aliases, list) else [aliases]) if isinstance(a, str) and a.strip()]
        if not aliases:
            continue
        urls += aliases
        if origin := ORIGIN_RE.search(article.front):
            urls.append(origin[1].rpartition(" of ")[2])
    return other_hosts(urls, site_url)


def other_host_note(named: str, one: bool, site_url: str, kept: str) -> str:
    """What ``import`` and ``check`` say of the old addresses of the hosts ``named`` (``other_hosts``, listed; ``one``:
    a single one) that ``kept`` names (``this import kept (aliases:)``): they become redirects of ``site_url``'s
    host, at the same paths, where the old hosts' visitors and search engines never ask until their domains are
    pointed at the new site."""
    from .site import Urls

    return (f"the old addresses of {named} {kept} become redirects of the new site's own host, at "
            f"the same paths ({Urls(site_url).base_url}…): visitors and search engines asking "
            f"{'that domain' if one else 'those domains'} reach them only once {'it is' if one else 'they are'} "
            "pointed at the new site (a DNS record, and the domain added in your web host's settings); while the old "
            "server answers there, a rule on it must send each on")


def old_path(path: str) -> str:
    """The key ``old_names`` gives a root-relative address (an alias or a link's path, %-encoded or not):
    %-decoded, without its final ``/`` (``/2023/11/tee%20kaffee/`` -> ``/2023/11/tee kaffee``)."""
    return unquote(path).rstrip("/")


def collect(articles: Iterable[Article], urls: Urls, languages: Sequence[str], published: Mapping[tuple[str, str], str],
            errors: list[VerlagError], notes: list[str], before: Iterable[Redirect] = (),
            renamed: Iterable[Redirect] = ()) -> list[Redirect]:
    """One redirect per alias of the published ``articles`` (German originals, sorted by slug), sorted by old
    path. ``languages``: the source language first, then the translations; ``published``: the title of
    every published page by (lang, slug). An alias under ``/<lang>/`` of a translation, or one whose line
    names a translation's language (``Article.alias_languages``: an imported blog's translated post's old
    address), leads to that edition, or, while it is not published, to the original, said in ``notes``
    ("file:line: message"); any other alias leads to the original. An old slug (``alt``) is the alias ``/<lang>/alt/`` in every
    language. An alias that is no address (``sources.read_aliases``) or an old address another article
    claimed first is left out and reported in ``errors``. ``before``: the ``kept`` redirects of sources that
    cannot be read now, which come first and keep their old addresses. ``renamed``: the published addresses of
    renamed articles (``renames``), made where no alias or kept redirect answers them already (an author's
    ``aliases:`` entry says more than a rename found)."""
    source = languages[0]
    found: dict[str, Redirect] = {r.old: r for r in before}
    for article in articles:
        olds, problems = read_aliases(article)
        errors.extend(problems)
        tagged = article.alias_languages
        expanded = [urls.path("article", code, old) for old in olds if not old.startswith("/") for code in languages]
        for old in dict.fromkeys([*(old for old in olds if old.startswith("/")), *expanded]):
            other = found.get(old)
            if other is not None and other.slug != article.slug:
                errors.append(_error(article, f"{old} is also an old address of {other.ref}; "
                                              "keep it in one article"))
                continue
            lang = _language(tagged.get(old), languages) or \
                next((code for code in languages[1:] if old.startswith(urls.path("index", code))), source)
            lang = _published_or_source(article, old, lang, source, published, notes)
            found[old] = Redirect(old, lang, urls.path("article", lang, article.slug),
                                  urls.absolute("article", lang, article.slug), published[(lang, article.slug)],
                                  article.slug, article.ref, article.key_line("aliases"))
    for r in renamed:
        found.setdefault(r.old, r)
    return [found[old] for old in sorted(found)]


def _language(tag: str | None, languages: Sequence[str]) -> str | None:
    """The one of the translations' ``languages`` (after the source language) that ``tag`` (an alias's language,
    ``Article.alias_languages``) names, compared case-insensitively; None for none."""
    return next((code for code in languages[1:] if tag and code.lower() == tag.lower()), None)


def _published_or_source(article: Article, old: str, lang: str, source: str, published: Mapping[tuple[str, str], str],
                         notes: list[str]) -> str:
    """``lang`` when the article's edition in it is published, else ``source`` (the original), said in ``notes``
    for the alias ``old``."""
    if lang == source or (lang, article.slug) in published:
        return lang
    notes.append(f"{article.ref}:{article.key_line('aliases')}: aliases: {old} leads to the original "
                 f"({source}) until the article's {lang} edition is published")
    return source


def page_file(old: str, urls: Urls) -> str | None:
    """The file under site/ that answers ``old`` on plain web space: ``index.html`` in a folder for a path
    ending in ``/`` or without a file extension, the file itself for ``.html``; None for other files
    (``.php``, ``.asp``), which a static server would not send as HTML."""
    name = old.rstrip("/").rpartition("/")[2]
    if not old.endswith("/") and "." in name and not name.lower().endswith(HTML_SUFFIXES):
        return None
    rel = unquote(old[len(urls.base_path):])
    return rel if rel.lower().endswith(HTML_SUFFIXES) else rel.rstrip("/") + "/index.html"


def redirect_files(articles: Iterable[Article], urls: Urls, languages: Sequence[str],
                   published: Mapping[tuple[str, str], str], made: Iterable[str], errors: list[VerlagError],
                   notes: list[str], before: Sequence[Redirect] = (), made_now: dict | None = None,
                   german_titles: Container[tuple[str, str]] = (), renamed: Sequence[Redirect] = (),
                   footer: Callable[[str], str | None] | None = None,
                   noticed: Container[tuple[str, str]] = ()) -> dict[str, str]:
    """The redirect outputs for the aliases of ``articles``, the redirects ``before`` (``kept``: by path and by
    query) and the addresses of renamed articles (``renamed``, see ``collect``), keyed by their path under site/;
    empty when there are none. ``languages``, ``published``, ``notes``: as for ``collect``. ``made``: the files
    the site stage makes already. ``made_now``: filled with the ``record`` of the redirects made (by query too),
    for the next build's ``kept``. ``german_titles``: the published translations, (lang,
    slug), whose title is shown in the original language (not translated yet): a page leading to one shows that
    title, so its ``lang`` is the original's. ``footer``: a language's legal links (``redirect_page``'s ``footer``),
    put on each redirect page in its language: a reader whose browser does not follow the refresh stays there, and
    § 5 DDG wants the Impressum one click away from every page. ``noticed``: the translations, (lang, slug), whose
    address shows the page saying they are not available at the moment, whose canonical is the original's page: a
    page leading to one names that canonical too, not the notice's address (trial 25).

    An old address that is a page or file verlag makes (naming it; the home page, a feed, a style sheet, the
    search index: a host's redirect would send it to the article) or lies below one, that lies outside ``[site]
    base_url``'s path, or that another article claims is left out and reported in ``errors`` at the article's
    ``aliases:`` line; every other redirect is still made. Paths under site/ are compared case-folded: on a file
    system that ignores case (macOS's, Windows') ``/DE/tee/``'s redirect page replaced the article's own page.
    """
    from .search import BUNDLE

    articles = list(articles)
    own = {name.casefold(): name for name in (*made, NETLIFY, APACHE, BUNDLE)}
    pages: dict[str, tuple[str, Redirect]] = {}  # by case-folded path: (path under site/, its redirect)
    answered: list[Redirect] = []
    for r in collect(articles, urls, languages, published, errors, notes, [r for r in before if "?" not in r.old],
                     renamed):
        inside = r.old.startswith(urls.base_path)
        rel = page_file(r.old, urls) if inside else None
        plain = unquote(r.old[len(urls.base_path):]).strip("/") if inside else ""
        parts = plain.split("/")
        taken = next((own[f.casefold()] for f in ("/".join(parts[:n]) for n in range(1, len(parts) + 1))
                      if f.casefold() in own), None)
        page = own.get(rel.lstrip("/").casefold()) if rel is not None else None
        other = pages.get(rel.casefold()) if rel is not None else None
        if not inside:
            errors.append(_error(r, f"{r.old} is outside the site's address {urls.base_url} (base_url "
                                    "in verlag.toml); redirects can only answer below it"))
        elif page is not None:
            errors.append(_error(r, f"{r.old} is the address of site/{page}, a page verlag makes{_case(rel, page)}; "
                                    "remove it from aliases"))
        elif taken is not None and taken.casefold() == plain.casefold():
            errors.append(_error(r, f"{r.old} is the address of site/{taken}, a file verlag makes"
                                    f"{_case(plain, taken)}; remove it from aliases"))
        elif taken is not None:
            errors.append(_error(r, f"{r.old} lies in site/{taken}, which verlag makes"
                                    f"{_case(plain[:len(taken)], taken)}; remove it from aliases"))
        elif other is not None and other[1].slug != r.slug:
            errors.append(_error(r, f"{r.old} is answered by site/{other[0]}, the old address "
                                    f"{other[1].old} of {other[1].ref}{_case(rel, other[0])}; keep one"))
        else:
            answered.append(r)
            if rel is not None:
                pages.setdefault(rel.casefold(), (rel, r))  # /alt and /Alt/ of one article: one page
    queried = _by_query(articles, urls, languages, published, errors, notes, [r for r in before if "?" in r.old])
    if made_now is not None:
        made_now.update(record([*answered, *(r for _, _, r in queried)]))
    if not answered and not queried:
        return {}
    out = {}
    for rel, r in pages.values():
        lang = languages[0] if (r.lang, r.slug) in german_titles else r.lang
        canonical = urls.absolute("article", languages[0], r.slug) if (r.lang, r.slug) in noticed else r.url
        out[rel] = redirect_page(lang, r.title, canonical, r.new, direction=text_direction(lang),
                                 footer=footer(lang) if footer else None)
    out[NETLIFY] = "".join(f"{path}  {query.replace('&', ' ')}  {r.new}  301!\n" for path, query, r in queried) \
        + "".join(f"{r.old}  {r.new}  301\n" for r in answered)
    out[APACHE] = ("# Old addresses (front-matter aliases) -> the articles' pages; written by verlag build\n"
                   + "".join(f"RedirectMatch 301 {apache_pattern(r.old)} {r.url}\n" for r in answered))
    if queried:
        out[APACHE] += ("# Old addresses by query (mod_rewrite; mod_alias matches no query)\nRewriteEngine On\n"
                        + "".join(f"RewriteCond %{{QUERY_STRING}} ^{query.replace('.', '[.]')}$\nRewriteRule "
                                  f"{apache_pattern(path[len(urls.base_path):])} "
                                  f"{r.url} [R=301,L,QSD]\n" for path, query, r in queried))
    return out


def _by_query(articles: Sequence[Article], urls: Urls, languages: Sequence[str],
              published: Mapping[tuple[str, str], str], errors: list[VerlagError], notes: list[str],
              before: Iterable[Redirect] = ()) -> list[tuple[str, str, Redirect]]:
    """(path, query, redirect) for each old address by query of the published ``articles``
    (``sources.query_aliases``: WordPress's ``/?p=140``), sorted: to the original, or to the edition in the
    language its line names (``Article.alias_languages``: a translated post's shortlink, ``/?p=202  # en: …``)
    while that is published (``languages``, ``notes``: as for ``collect``). Netlify's ``_redirects`` matches a query
    (https://docs.netlify.com/routing/redirects/redirect-options/#query-parameters; forced with ``!``, as the
    home page's ``index.html`` at ``/`` would shadow it), Apache's mod_rewrite its ``%{QUERY_STRING}``; Cloudflare
    Pages and a plain web space match none: there the address shows the page at its path (the home page). One
    outside ``base_url``'s path, or that another article claims, is left out and reported in ``errors``.
    ``before``: the ``kept`` redirects by query (``old`` is ``path?query``) of sources that cannot be read now,
    which come first and keep their old addresses."""
    source = languages[0]
    found = {(path, query): r for r in before for path, _, query in [r.old.partition("?")]}
    for article in articles:
        tagged = article.alias_languages
        for path, query in query_aliases(article):
            old, other = f"{path}?{query}", found.get((path, query))
            if not path.startswith(urls.base_path):
                errors.append(_error(article, f"{old} is outside the site's address {urls.base_url} (base_url in "
                                              "verlag.toml); redirects can only answer below it"))
            elif other is not None and other.slug != article.slug:
                errors.append(_error(article, f"{old} is also an old address of {other.ref}; keep it in one article"))
            else:
                lang = _published_or_source(article, old, _language(tagged.get(old), languages) or source, source,
                                            published, notes)
                found[(path, query)] = Redirect(old, lang, urls.path("article", lang, article.slug),
                                                urls.absolute("article", lang, article.slug),
                                                published[(lang, article.slug)], article.slug, article.ref,
                                                article.key_line("aliases"))
    return [(path, query, found[(path, query)]) for path, query in sorted(found)]


def _case(path: str, file: str) -> str:
    """What a message adds where an old address's ``path`` under site/ is ``file`` only in another case: a file
    system that ignores case (macOS's, Windows') has one file for both, and the redirect page would replace it."""
    return "" if path.lstrip("/") == file else \
        " (written otherwise, but one file where case is ignored, as on macOS and Windows)"


def _error(where: Article | Redirect, message: str) -> VerlagError:
    from .errors import PartLeftOut

    line = where.key_line("aliases") if isinstance(where, Article) else where.line
    return PartLeftOut(f"aliases: {message}", where.ref, line)


def apache_pattern(path: str) -> str:
    """The %-decoded ``path`` as an anchored PCRE matching it literally, with or without its final ``/``,
    as one argument of an Apache directive: in double quotes when it holds a space.

    Inside and outside quotes Apache's config reader turns ``\\\\`` into ``\\`` (``ap_getword_conf``),
    so a backslash, a double quote and any other control or space character are written as PCRE
    ``\\xHH`` escapes rather than with a backslash of their own.
    """
    def literal(char: str) -> str:
        if char in '\\"' or (char.isspace() and char != " ") or not char.isprintable():
            return "".join(f"\\x{b:02X}" for b in char.encode("utf-8"))
        return re.escape(char) if char in ".^$*+?()[]{}|" else char

    pattern = "^" + "".join(literal(c) for c in unquote(path.rstrip("/"))) + "/?$"
    return f'"{pattern}"' if " " in pattern else pattern


def gone_message(path: str, others: Sequence[str], slug: str, owner: Article | None,
                 taken: Sequence[Redirect] = (), urls: Urls | None = None, languages: Sequence[str] = ()) -> str:
    """What ``build`` and ``check`` say of a published page's address ``path`` (also in the languages ``others``)
    that nothing answers at any more; ``owner``: the article whose file still has the name ``slug`` (its
    ``slug:`` changed), or whose old addresses end in it (a renamed file: asked, not claimed), None when it cannot
    be told which article it was. ``taken``: the redirects from its old addresses (its ``aliases:``, an import's
    old blog addresses) that went with it; ``urls`` and ``languages`` (the original's and the translations'): the
    site's, given with them."""
    also = f" (also in {', '.join(others)})" if others else ""
    olds = list(dict.fromkeys(r.old for r in taken))

    def alias(r: Redirect) -> str:
        """The alias that brings ``r`` back: an old slug's redirects (/de/alt/, /en/alt/) the one "alt"."""
        name = r.old.rstrip("/").rpartition("/")[2]
        return name if any(r.old == urls.path("article", code, name) for code in languages) else r.old

    names = ", ".join(dict.fromkeys([slug, *map(alias, taken)]))
    addresses = "addresses" if olds else "address"
    # without an owner, no article has the slug: deleted, or renamed by its file (the build cannot tell which)
    advice = (f"{owner.ref} has slug: {owner.slug}: keep its old {addresses} with 'aliases: [{names}]' in its front "
              "matter; taken down on purpose?" if owner is not None and owner.path.stem == slug else
              f"renamed to {owner.ref} (slug {owner.slug})? keep its old {addresses} with 'aliases: [{names}]' in its "
              "front matter; taken down on purpose?" if owner is not None else
              f"no article has slug {slug} any more (deleted or renamed): if it was renamed, keep its old "
              f"{addresses} with 'aliases: [{names}]' in its front matter; deleted on purpose (or never uploaded)?")
    redirects = (f", and with it the redirect from {'its old address' if len(olds) == 1 else 'its old addresses'} "
                 f"{', '.join(olds)}" if olds else "")
    return (f"the published address {path} is gone{also}{redirects}: readers and links get a 404 there now; "
            f"{advice} list it in verlag.toml's [site] gone = [\"{slug}\"]")


def gone_place(config: Config, owner: Article | None) -> tuple[str, int]:
    """Where ``build`` and ``check`` say ``gone_message`` (file, line): at the article whose file still has the
    address's name or that was renamed from it (``owner``), else at verlag.toml's ``[site]``, where ``gone`` would
    list the slug (its ``gone`` line once there is one)."""
    from .config import CONFIG_NAME

    return (owner.ref, 1) if owner is not None else (CONFIG_NAME, config.place("gone", "site"))


def gone_language_place(config: Config) -> tuple[str, int]:
    """Where ``build`` and ``check`` say ``gone_language_message`` (file, line): verlag.toml's ``languages``."""
    from .config import CONFIG_NAME

    return CONFIG_NAME, config.line("languages") or 1


def draft_message(path: str, others: Sequence[str], taken: Sequence[Redirect] = (), scheduled=None) -> str:
    """What ``build`` and ``check`` say of a published page's address ``path`` (also in the languages ``others``)
    whose article is a draft now (``draft: true``), said at the draft's line, or ``scheduled`` for a later day
    (a ``datetime.date``: its ``date:`` moved ahead), said at its ``date:`` line: its pages are taken down, and
    come back at the same addresses once it is published again; ``taken``: the redirects from its old addresses
    that went with them. Not ``gone_message``'s advice for a deleted or renamed article: nothing was."""
    also = f" (also in {', '.join(others)})" if others else ""
    olds = list(dict.fromkeys(r.old for r in taken))
    redirects = (f", and with it the redirect from {'its old address' if len(olds) == 1 else 'its old addresses'} "
                 f"{', '.join(olds)}" if olds else "")
    now, back = ((f"scheduled for {scheduled.isoformat()} now (its date is after today)",
                  "on that day's build, or when you set its date back") if scheduled is not None
                 else ("a draft now (draft: true)", "when you take out draft: true"))
    return (f"{now}: its published address {path}{also} is taken down{redirects}; readers and links get a 404 "
            f"there until it is published again. Nothing to do to keep the address: it comes back {back}")


def left_out_message(path: str, others: Sequence[str], why: str) -> str:
    """What ``build`` says of a published page's address ``path`` (also in the languages ``others``) whose article
    is still there and no draft but left out of this build for a problem of its own (``why``: its unfilled
    placeholders, its error above), said at its file. Not ``gone_message``'s advice: nothing was deleted or
    renamed, and ``[site] gone`` would hide the missing page for good."""
    also = f" (also in {', '.join(others)})" if others else ""
    return (f"left out of this build ({why}): its published address {path}{also} answers 404 until that is fixed; "
            "then the next build publishes it again at the same address")


def gone_language_message(path: str, lang: str) -> str:
    """What ``build`` and ``check`` say of the index ``path`` of a published language ``lang`` that verlag.toml's
    ``languages`` no longer names: the build takes down its index, feed, 404 page and articles."""
    return (f"the published address {path} is gone: {lang} is no longer in verlag.toml's languages, so readers and "
            f"links get a 404 there now, and at its articles, feed and 404 page; add \"{lang}\" to languages to keep "
            "them")


def gone_listed(config: Config) -> tuple[list[tuple[str, int]], list[VerlagError]]:
    """``[site] gone``, README's "slugs whose published pages were taken down on purpose": (slug, its line of
    verlag.toml) of each value that is a slug (``sources.SLUG_RE``, as every article's is), and a ``VerlagError``
    at the line of each that cannot be one (``load_settings`` stops the build on them, exit 2): a value no list, an
    item no text, an empty one, an address (a path, a URL: the advice names its last part), anything else no slug
    (``..``, ``Alt``). Such a value matched no page and hid nothing, silently."""
    from .config import CONFIG_NAME

    where = config.root / CONFIG_NAME
    value = config.section("site").get("gone", [])
    if not isinstance(value, list):
        return [], [config.error("gone", "expected a list of the slugs whose pages were taken down on purpose, "
                                 f"such as [\"alter-beitrag\"], got {value!r}", "site")]
    slugs, errors = [], []
    for item in value:
        line = config.item_line("gone", "site", item)
        if isinstance(item, str) and SLUG_RE.match(item):
            slugs.append((item, line))
            continue
        if not isinstance(item, str):
            kind = "a yes/no value" if isinstance(item, bool) else "a number" if isinstance(item, (int, float)) \
                else "a list" if isinstance(item, list) else "a table" if isinstance(item, dict) else "a date or time"
            shown = json.dumps(item) if isinstance(item, (bool, int, float)) else str(item)  # as TOML writes it
            problem = f"{shown} is {kind}, not a slug: write the slug of a page taken down on purpose in quotes"
        elif not item.strip():
            problem = "an empty text is no slug: remove it"
        else:
            last = (split_url(item) or NO_ADDRESS).path.rstrip("/").rpartition("/")[2] if "/" in item else item
            last = unquote(last).removesuffix("/index.html").removesuffix(".html").lower()
            problem = (f"{item!r} is an address, not a slug" if "/" in item or "\\" in item else
                       f"{item!r} is no slug") + \
                (f": write its slug, \"{last}\"" if SLUG_RE.match(last) and last != item else
                 ": remove it, or write the slug of a page taken down on purpose")
        errors.append(VerlagError(f"gone: {problem} ([site] gone lists slugs, the last part of a page's address "
                                  f"/{config.source_language}/<slug>/: lowercase letters, digits and '-', such as "
                                  "\"alter-beitrag\")", where, line))
    return slugs, errors


def gone_published(listed: Iterable[tuple[str, int]], sources: Mapping[str, Article]) -> list[tuple[int, str]]:
    """(line of verlag.toml, message) for each slug ``[site] gone`` lists (``gone_listed``) that a German source
    has now, no draft (``sources``: slug -> source): its page is not gone, and the entry would hide the
    ``gone-address`` warning for good once it is deleted or renamed without an alias."""
    return [(line, f"[site] gone lists \"{slug}\", the slug of {sources[slug].ref}, which is published: its page is "
                   "not gone, and the entry would hide the warning that its address is, should it be deleted or "
                   f"renamed later; remove \"{slug}\" from gone")
            for slug, line in listed if slug in sources]

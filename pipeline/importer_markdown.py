"""``verlag import`` of a Markdown file from a static site generator: Hugo or Jekyll front matter.

A file that starts with a ``---`` line (YAML front matter: Jekyll, Hugo, Eleventy) or a ``+++`` line
(TOML front matter: Hugo, read with the standard library's ``tomllib``, TOML 1.0) up to the same line
again, or with a ``{`` line up to a ``}`` line (Hugo's JSON front matter), is an article whose body is
CommonMark already, or HTML in a ``.html`` file (a Jekyll post may be one, https://jekyllrb.com/docs/posts/), converted as a saved page's is (``importer_html.html_to_markdown``).
Its fields map as the WordPress and web importers
map theirs (``importer.new_article``): ``title``; ``date``; ``lastmod`` (Hugo), ``last_modified_at``
(Jekyll) or ``updated`` as ``updated``; ``description``, ``summary`` or ``excerpt`` as ``summary``;
``tags`` and ``categories`` as ``tags``; ``author``; ``aliases`` (Hugo), ``redirect_from`` (Jekyll), ``url``
and ``permalink`` as old addresses (Hugo's ``aliases`` and ``url`` and Jekyll's paths below the site's base URL
path, where the site served them, https://gohugo.io/methods/page/aliases/; a Hugo alias without a leading ``/``
beside the page's own address, ``_hugo_relative``; a Jekyll ``permalink``'s placeholders filled,
``_front_permalink``); ``slug`` (the last part of its address in Hugo and in Jekyll's ``:slug`` permalinks) as
the article's slug. A Jekyll post's file name,
``_posts/YYYY-MM-DD-slug.md``, gives its date (front matter ``date`` wins) and slug (front matter ``slug``
wins), and a post in ``_posts/`` without a ``permalink`` had the address of the ``permalink`` its site's front matter ``defaults`` give it
(``_jekyll_default``), else of the site's ``permalink`` setting (``jekyll_address``; by default
``/:categories/:year/:month/:day/:title.html``) under its ``baseurl``, offered as an old address
(https://jekyllrb.com/docs/posts/, https://jekyllrb.com/docs/permalinks/); a page below a Hugo site's
``content/`` without ``url`` likewise gets its section's ``[permalinks]`` address (``hugo_address``) or else
Hugo's default, ``/<sections>/<slug or file name>/`` (https://gohugo.io/content-management/urls/). A time
without offset is in the zone of the site's config (Jekyll ``timezone``, Hugo ``timeZone``), as its generator
read it. The site's own address (Hugo ``baseURL``, Jekyll ``url`` + ``baseurl``) goes with each article, so
that a link written as a full URL on it is read as the path it is (``importer.relink``). An article its
generator does not publish (Hugo ``draft: true``, Jekyll ``published: false`` or a file in Jekyll's
``_drafts/`` folder; ``hugo --buildDrafts`` and ``jekyll --unpublished``/``--drafts`` would show them) is
imported with the reason beside its ``draft: true`` and without old addresses (``importer.new_article``);
so is a page whose ``publishDate`` is still to come, and a past one is the date where ``date`` is missing. A
cover image (``COVER_KEYS``) goes at the top of the body, where the old theme showed it; keys verlag has no
field for are named as not kept. Shortcodes (Hugo ``{{< >}}``, ``{{% %}}``) and Liquid tags (Jekyll ``{% %}``,
``{{ }}``) have no meaning outside their generator: they stay as text and the summary names their lines (but
for the links to posts and files: Jekyll's ``post_url``, ``link`` and ``relative_url``, Hugo's ``ref``, which
``importer.relink`` rewrites or names, a file's copied here, ``_liquid_files``). References:
https://gohugo.io/content-management/front-matter/, https://jekyllrb.com/docs/front-matter/.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlunsplit

from .errors import VerlagError, raise_all, shown_path, toml_problem
from .fsutil import file_bytes
from .importer import (IMAGES_DIR, TAG_ADVICE, TAGS_KEPT, ImageNames, ImportedArticle,
                       anchor_block, legal_slug, local_name, new_article, rewrite_destinations, settled_anchors)
from .importer_folder import hugo_page, hugo_settings, jekyll_root
from .inline_images import SPACER, inline_image
from .limits import IMPORTED, size_text
from .notesyntax import bracketed, convert as convert_note_syntax
from .segment import TEMPLATE_TAG_RE, block_tokens, commonmark_parser, markdown_template_tags
from .sources import date_problem, duplicate_keys, load_front, normalise, read_date, title_problem
from .urlparts import BROKEN_HOST, NO_ADDRESS, split_url

FENCES = {"---": "YAML", "+++": "TOML", "{": "JSON"}
PAGE_FILES = (".md", ".markdown", ".html", ".htm")  # a link to one of these leads to a page, no file to copy
# The line that ends the front matter each opening line starts: Hugo's JSON front matter is an object whose braces
# are lines of their own (https://gohugo.io/content-management/front-matter/).
FENCE_ENDS = {"---": "---", "+++": "+++", "{": "}"}
POST_NAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")  # Jekyll's _posts/YYYY-MM-DD-slug.md
# What stands before a template tag that is (part of) a link's destination, which ``importer.relink`` rewrites: Hugo's
# ``ref``/``relref``, Jekyll's ``post_url``/``link`` after "](", also after ``{{ site.url }}``/``{{ site.baseurl }}``,
# and a path given to Jekyll's ``relative_url``/``absolute_url`` filter; ``relink`` names each it cannot rewrite.
LINK_TAG_RE = re.compile(r"\{(?:\{[<%]-?\s*(?:rel)?ref\b|%-?\s*(?:post_url|link)\b|\{-?\s*site\.(?:url|baseurl)\b"
                         r"|\{-?\s*[\"'][^\"'\s]*[\"']\s*\|\s*(?:relative|absolute)_url\b)")
LINK_TAG_BEFORE = r"(?:\]\(|^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*)<?(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})*"
# Front-matter keys (lower case, as Hugo compares them) whose value an imported article keeps (``read_markdown``).
KEPT_KEYS = frozenset({"title", "date", "lastmod", "last_modified_at", "updated", "description", "summary", "excerpt",
                       "tags", "categories", "category", "author", "aliases", "redirect_from", "url", "permalink",
                       "slug", "draft", "published", "publishdate", "pubdate", "reviewed_by", "last_reviewed"})
# A post's cover image, as Hugo themes (Ananke's featured_image, PaperMod's cover.image is a table) and Jekyll themes
# (Minima's image) name it, then Hugo's images (https://gohugo.io/methods/page/params/): the first found is kept.
COVER_KEYS = ("featured_image", "image", "images")


def _cover(front: dict) -> tuple[str | None, str | None, str | None]:
    """(the cover image a theme showed above the post, the front-matter key naming it, its alt text or None) of
    ``front`` (its keys in lower case): ``COVER_KEYS`` at the top, then in Hugo's ``params`` table of the page's own
    parameters (``params.featured_image``), then PaperMod's ``cover`` table (``cover.image``, ``cover.alt``);
    (None, None, None) for none."""
    params = front.get("params")
    params = {str(k).lower(): v for k, v in params.items()} if isinstance(params, dict) else {}
    for table, prefix in ((front, ""), (params, "params.")):
        for key in COVER_KEYS:
            found = next((c.strip() for c in _words(table.get(key)) if c.strip()), None)
            if found:
                return found, prefix + key, None
    cover = front.get("cover")
    if isinstance(cover, dict) and isinstance(cover.get("image"), str) and cover["image"].strip():
        alt = cover.get("alt")
        return cover["image"].strip(), "cover.image", alt.strip() if isinstance(alt, str) and alt.strip() else None
    return None, None, None


def front_matter_fence(text: str) -> str | None:
    """``---``, ``+++`` or ``{`` when ``text`` (decoded, BOM removed) starts with front matter closed by its end line
    (``FENCE_ENDS``: the same line, ``}`` for JSON's ``{``)."""
    first, _, rest = text.partition("\n")
    fence = first.rstrip()
    if fence in FENCES and re.search(rf"^{re.escape(FENCE_ENDS[fence])}[ \t]*$", rest, re.M):
        return fence
    return None


def front_matter_end(lines: list[str], fence: str) -> int:
    """The index of the line of ``lines`` that ends the front matter ``fence`` opens (``front_matter_fence``)."""
    return next(n for n in range(1, len(lines)) if lines[n].rstrip() == FENCE_ENDS[fence])


def markdown_title(text: str) -> tuple[str, int, int] | None:
    """(text, first line, last line) of the first level-1 heading (``# Titel`` or setext ``===``) of the CommonMark
    ``text``, lines counted from 1; None when it has none. A plain Markdown file's title (no front matter)."""
    tokens = commonmark_parser().parse(text)
    for n, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and token.map and tokens[n + 1].content.strip():
            return tokens[n + 1].content.strip(), token.map[0] + 1, token.map[1]
    return None


def read_front(path: Path) -> dict:
    """The front matter of the Hugo or Jekyll Markdown file at ``path`` as a table; {} when it has none or it cannot
    be read (``read_markdown`` names why)."""
    try:
        text = normalise(file_bytes(path, IMPORTED).decode("utf-8"))
        fence = front_matter_fence(text)
        if fence is None:
            return {}
        lines = text.split("\n")
        return parse_front("\n".join(lines[1:front_matter_end(lines, fence)]), fence, path)
    except (OSError, UnicodeDecodeError, VerlagError):
        return {}


def read_markdown(path: Path, data: bytes, zone: dt.tzinfo | None = None, lang: str = "de",
                  bundle: bool = False) -> ImportedArticle:
    """The article in a Hugo or Jekyll Markdown file (UTF-8), or in a plain Markdown file without front matter, whose
    first level-1 heading is its title (``markdown_title``; no date: the summary asks for it). Raises
    ``VerlagError`` at line 1 for a file with neither, and at the line of front matter that does not parse, holds a
    value YAML cannot construct (``date: 2026-13-45``, said as ``verlag extract`` says it), is not a table of keys,
    or has no ``title``. ``zone``: verlag.toml's ``timezone``, for times without one where the old site's config
    names no zone of its own. ``lang`` (BCP 47): the page's language, that of its note boxes' labels (``_note_box``):
    a translation's page is another language's than the German article's. A file no post (not dated as Jekyll's
    ``_posts/`` are) whose slug, file name or title names an Impressum or privacy notice (``importer.legal_slug``) is
    that legal page of ``source_de/seiten/``, as a saved page or a WordPress page is. ``bundle``: the file is a
    page bundle's ``index.md`` imported as its folder, whose name is its slug where the front matter sets none."""
    try:
        text = normalise(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise VerlagError("not UTF-8: save the file as UTF-8", path, data.count(b"\n", 0, exc.start) + 1) from None
    fence = front_matter_fence(text)
    lines = text.split("\n")
    if fence is None:  # plain Markdown: the title is its first '#' heading, whose lines the body leaves blank
        heading = markdown_title(text)
        if heading is None:
            raise VerlagError("neither front matter ('---' YAML or '+++' TOML lines around its keys) nor a '# ' "
                              "heading to take the title from: add a '# Titel' line above the text, or import the "
                              "file as --kind text (its first line is the title)", path, 1)
        title, first, last = heading
        lines[first - 1:last] = [""] * (last - first + 1)
        end, meta = -1, {"title": title}
        notes = [f"title from the heading at line {first}: {title} (no front matter)"]
    else:
        end = front_matter_end(lines, fence)
        meta = parse_front("\n".join(lines[1:end]), fence, path)
        if fence == "---":  # YAML keeps a key's last value without a word: refused as extract refuses it
            raise_all(duplicate_keys("\n".join(lines[1:end]), 2, path))
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        at = next(((number, found.group(2).strip()) for number, line in enumerate(lines[1:end], 2)
                   if (found := FRONT_KEY_RE.match(line)) and found.group(1) == "title"), None) if "title" in meta \
            else None
        said = title_problem(title, at[1]) if at else None  # extract's words for a title that is there but no text
        if said and fence != "---":
            said = "title: expected text in quotes (title = \"…\")" if not isinstance(title, str) else said
        raise VerlagError(said or f"no title in the {FENCES[fence]} front matter: add 'title' to it", path,
                          at[0] if said else 1)
    lower = {str(k).lower(): v for k, v in meta.items()}
    cover, cover_key, cover_alt = _cover(lower)
    where = path.absolute()  # its folders, also when named from inside _posts/, _drafts/ or content/
    hugo = hugo_page(where)  # a Hugo site's content (a folder named content/ elsewhere had no such address)
    author, author_key, named = _author(lower, hugo_settings(hugo[2]) if hugo else {})
    used = {cover_key, author_key}
    params = lower.get("params")
    params = [str(k) for k in params] if isinstance(params, dict) else []
    kept = [key for key in meta if str(key).lower() in KEPT_KEYS or str(key).lower() in used
            or (str(key).lower() == "cover" and cover_key == "cover.image")
            or (str(key).lower() == "params" and params and used & {f"params.{k.lower()}" for k in params})]
    left = [str(key) for key in meta if key not in kept]
    # a [params] table read for the author or cover names the parameters beside them that verlag has no field for
    left += [f"params.{k}" for k in params if "params" not in left and f"params.{k.lower()}" not in used]
    if fence is not None:
        notes = [f"{FENCES[fence]} front matter read ({', '.join(sorted(map(str, kept)))})"]
    if author_key not in (None, "author") or named > 1:
        notes.append(f"author: {', '.join(author) if isinstance(author, list) else author} (the front matter's "
                     f"{author_key}" + (f", {named} names)" if named > 1 else ")"))
    if left:
        notes.append(f"front matter not kept (verlag has no such field): {', '.join(sorted(left))}")
    # markdown-it's guards (``segment``: a block's '[' runs, its open HTML elements) count the lines of the text
    # parsed: the body's, which starts at the file's line end + 2; a converted HTML body's lines are no file's
    first_line: int | None = end + 2
    try:
        body = "\n".join(lines[end + 1:])
        closed: list[int] = []  # the note boxes' closing lines, left blank
        joined: list[int] = []  # the lines a shortcode went on over, left blank once it is on its first line
        if path.suffix.lower() not in (".html", ".htm"):
            body = _unwrap_raw(body, notes)
            body = _joined_shortcodes(body, joined, end + 2, notes)
        body, captions = _figures(body, end + 2, notes)
        if path.suffix.lower() not in (".html", ".htm"):
            body = _note_boxes(body, end + 2, notes, lang, closed)
        if path.suffix.lower() not in (".html", ".htm"):
            body = _players(body, end + 2, notes)
        if {"_posts", "_drafts"} & set(path.absolute().parts):
            body = _liquid_files(body, path)
        # a ref or post_url link's destination is the import's own to rewrite (``importer.relink``), or to name; one
        # in raw HTML (``<a href="{% post_url … %}">``) is this note's, also where the same tag is a destination
        # elsewhere
        written = body.split("\n")
        tagged = list(dict.fromkeys(line for line, tag, _ in markdown_template_tags(body, end + 2)
                                    if not (LINK_TAG_RE.match(tag) and re.search(LINK_TAG_BEFORE + re.escape(tag),
                                                                                 written[line - end - 2]))))
        if path.suffix.lower() in (".html", ".htm"):  # Jekyll publishes a post written in HTML as it is
            from .importer_html import html_to_markdown

            body, _, more = html_to_markdown(body)
            first_line = None
            notes.append("HTML body converted to Markdown, as a saved page's is")
            notes += [n for n in more if not n.startswith(("image left at its old address", "image not found"))]  # as
            # _local_images says them, at their lines
        else:
            body = _linked_iframes(body, notes)
        body, spaced = bracketed(body)  # Typora's ![x](a b.png): text to CommonMark, and its image not copied
        notes += spaced
        body, images = _local_images(body, end + 2, path, notes,
                                     written=None if first_line else "\n".join(lines[end + 1:]))
    except VerlagError as exc:
        if exc.path is not None:
            raise
        raise VerlagError(exc.message, path, first_line + exc.line - 1 if first_line and exc.line else None) from None
    body, captions = _without_closing_lines(body, captions, closed, joined)
    body = _with_captions(body, captions).strip("\n") + "\n"
    if not body.strip():  # front matter alone: the site would publish a page with nothing under its heading
        notes.append("no text under the front matter: the article is its title alone; write or copy its text "
                     "before publishing")
    if first_line is not None:
        body = _heading_attributes(body, path, lines[end + 1:], end + 2, notes)
    body, converted = convert_note_syntax(body, title.strip())  # an Obsidian or Typora note's own syntax
    notes += converted
    if cover and cover not in body:  # what the theme showed above the post, where verlag's pages can show it
        notes.append(f"cover image {cover} ({cover_key}) put at the top of the text, described by "
                     f"{'its alt' if cover_alt else 'the title'}: as the old theme showed it; move it or describe it "
                     "better")
        alt = re.sub(r"([\\\[\]])", r"\\\1", " ".join((cover_alt or title).split()))
        shown, images = _local_images(f"![{alt}](<{cover}>)\n", end, path, notes, images)
        body = shown + "\n" + body
    if first_line is not None:  # an HTML body's images are named as a saved page's (``html_to_markdown``)
        notes += images_without_alt(body)
    if tagged:
        notes.append(f"{TAGS_KEPT} ({shown_path(path)}:" + ", ".join(map(str, tagged[:10]))
                     + (" …" if len(tagged) > 10 else "") + f"): {TAG_ADVICE}")
    first = lambda *keys: next((meta[k] for k in keys if meta.get(k) not in (None, "", [])), None)  # noqa: E731
    jekyll = jekyll_root(where) if {"_posts", "_drafts"} & set(where.parts) else None
    settings = jekyll[1] if jekyll else hugo_settings(hugo[2]) if hugo else {}
    home = _home(settings, jekyll is not None)
    base = (split_url(home) or NO_ADDRESS).path.rstrip("/") if home else ""
    zone = _zone(settings.get("timezone"), notes, zone)

    def refuse(key: str, value) -> None:
        """Raise extract's error for the date ``value`` of ``key`` (``sources.date_problem``: the form it expects,
        a German date's ISO form), at its line: the article would be written without its date."""
        names = DATE_NAMES.get(key, (key.lower(),))
        for number, line in enumerate(lines[1:end], 2):
            written = FRONT_KEY_RE.match(line)
            if written and written.group(1).lower() in names:
                raise VerlagError(date_problem(written.group(1), written.group(2).strip().rstrip(",")), path,
                                  number)
        raise VerlagError(date_problem(key, str(value)), path, 1)
    date, slug = _date(first("date"), "date", notes, zone, refuse), _text(first("slug"))
    publish = _date(lower.get("publishdate") or lower.get("pubdate"), "publishDate", notes, zone, refuse)
    if date is None and publish is not None:  # Hugo's .Date falls back to it (front matter config :default)
        date = publish
    root = jekyll[0] if jekyll else hugo[2] if hugo else None  # the old site's folder
    redirects, own = _words(first("aliases", "redirect_from")), _words(first("url", "permalink"))
    dated, unpublished = POST_NAME_RE.match(path.stem), _unpublished(meta, where) or _scheduled(publish)
    if dated:
        named = dt.date(*map(int, dated.group(1, 2, 3)))
        if date is None:
            date = named
            notes.append(f"date: {named.isoformat()} from the file name (Jekyll's YYYY-MM-DD-slug)")
        slug = slug or dated.group(4)
    folders = where.relative_to(jekyll[0]).parts if jekyll else ()  # <category>/_posts/: Jekyll's too
    folders = folders[:folders.index("_posts")] if "_posts" in folders else ()
    categories = list(dict.fromkeys(c.lower() for c in [*folders, *_words(first("categories", "category"))]))
    if not hugo and not first("url"):  # Jekyll fills the placeholders of a front matter permalink too
        own = [_front_permalink(p, date, slug or _stem(where), categories, where, jekyll, notes,
                                base if root is not None else "") for p in own]
        own = [p for p in own if p]
    below = lambda paths: [base + p if re.match(r"/(?!/)", p) else p for p in paths]  # noqa: E731
    # Hugo's aliases and url and all of Jekyll's paths are the site's, served below its base URL's path (a
    # monolingual Hugo site's url with or without its leading slash, https://gohugo.io/content-management/urls/#url;
    # Jekyll's permalink too, whose URL always starts at the site's root).
    if hugo or jekyll:
        own = [p if re.match(r"//|[A-Za-z][A-Za-z0-9+.-]*:", p) else "/" + p.lstrip("/") for p in own]
    aliases = (below(own) if root is not None else own)
    if dated and "_posts" in where.parts and not first("permalink") and unpublished is None:
        defaulted = _jekyll_default(jekyll[1], where.relative_to(jekyll[0]), "permalink") if jekyll else None
        configured = defaulted or (jekyll[1] if jekyll else {}).get("permalink")
        style = str(configured or "date")
        default = base + jekyll_address(style, date, slug, categories)
        aliases.append(default)
        notes.append(f"old address {default}: " + (
            f"the permalink {style!r} of {jekyll[0].name}/_config.yml's defaults" if defaulted else
            f"Jekyll's permalink {style!r} of {jekyll[0].name}/_config.yml" if configured else
            "Jekyll's default permalink (no _config.yml beside _posts/ sets 'permalink')"))
    if hugo is not None and not dated and not first("url") and unpublished is None:
        rel = where.relative_to(hugo[0])
        pattern = _hugo_pattern(hugo_settings(hugo[2]), rel)
        address = _hugo_address(rel, slug)
        if pattern and (date is not None or not re.search(r":(year|month|day|week|yearday)", pattern)):
            address = hugo_address(pattern, rel, title.strip(), slug, date)
        default = base + hugo[1] + address
        aliases.append(default)
        notes.append(f"old address {default}: " + (f"the site's [permalinks] {pattern!r}" if pattern else
                                                   "Hugo's default URL (the site's config sets no [permalinks])"))
    redirects = below(redirects) if root is not None else redirects
    if hugo is not None and aliases:  # a relative alias is on the level of the page's own address, as Hugo has it
        page = aliases[0] if first("url") else aliases[-1]
        redirects = [address for alias in redirects if (address := alias if re.match(
            r"/|[A-Za-z][A-Za-z0-9+.-]*:", alias) else _hugo_relative(alias, page, notes)) is not None]
    aliases = redirects + aliases
    if not slug and bundle and where.parent.name:
        from .scaffold import ascii_slug  # a page bundle imported as its folder: Hugo named the page after it

        slug = ascii_slug(where.parent.name) or None
        if slug:
            notes.append(f"slug {slug}: the name of its page bundle's folder, {where.parent.name}/")
    # an Impressum or privacy notice (a page of the site, no post): a page of seiten/, as a saved one is
    legal = None if dated else legal_slug(title.strip(), slug or (where.parent.name if where.stem == "index"
                                                                  else where.stem))
    if legal:
        notes.insert(0, f"a legal page ({legal}): goes to seiten/, not among the articles")
    return new_article(
        title.strip(), body, str(path), author=author, date=date,
        updated=_date(first("lastmod", "last_modified_at", "updated"), "updated", notes, zone, refuse),
        summary=_text(first("description", "summary", "excerpt")),
        tags=_words(meta.get("tags")) + _words(meta.get("categories")) or None,
        aliases=aliases or None, images=images, notes=notes, slug=legal or slug, page=legal is not None,
        unpublished=unpublished, home=home,
        origin=f"{where.relative_to(root).as_posix()} of {home or root.name + '/'}" if root else None,
        reviewed_by=first("reviewed_by") if isinstance(first("reviewed_by"), (str, dict)) else None,
        last_reviewed=_date(first("last_reviewed"), "last_reviewed", notes, zone, refuse))


# The parameters end at a character other than white space, each run of it taken whole (``*+``, ``++``): with
# ``(.*?)\s*/?\s*`` a line of spaces was tried from each space and split between the two ``\s*`` every way (cubic:
# 2,500 spaces took a minute).
FIGURE_RE = re.compile(r"^[ \t]*\{\{([<%])\s*figure\s++((?:\S(?:[^\S\n]*+\S)*?)??)\s*+(?:/\s*+)?[>%]\}\}[ \t]*$",
                       re.M)
# A figure within a paragraph's text (between words; ``_inline_figures``), the same shortcode on one line.
INLINE_FIGURE_RE = re.compile(r"\{\{([<%])\s*figure\s++((?:\S(?:[^\S\n]*+\S)*?)??)\s*+(?:/\s*+)?[>%]\}\}")
FIGURE_PARAM_RE = re.compile(r'(?<!\w)(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)')


def _code_lines(body: str) -> frozenset[int]:
    """Indices of the lines of ``body`` (CommonMark) inside a fenced or indented code block, as markdown-it reads
    them: a shortcode there is shown as written (an article about Hugo), so it is not converted."""
    return frozenset(line for token in block_tokens(body, {}) if token.type in ("fence", "code_block") and token.map
                     for line in range(*token.map))


# A shortcode that opens on a line and does not close on it (``{{< figure`` with its parameters on the lines below,
# as Hugo allows: https://gohugo.io/content-management/shortcodes/#notes): the last opener on the line, with no
# closing ``>}}``/``%}}`` after it (``_open_shortcode``).
SHORTCODE_CLOSE_RE = re.compile(r"[>%]\}\}")
JOINED_LINES = 30  # how many lines one shortcode's parameters may go on over


def _open_shortcode(line: str) -> int | None:
    """Where the last shortcode opened on ``line`` starts, when no ``>}}``/``%}}`` closes it there; else None.
    Searched from the end, once (a lookahead from each "{{<" read a line of thousands of them quadratically)."""
    start = max(line.rfind("{{<"), line.rfind("{{%"))
    return start if start >= 0 and SHORTCODE_CLOSE_RE.search(line, start + 3) is None else None


def _joined_shortcodes(body: str, joined: list[int], first_line: int = 1, notes: list[str] | None = None) -> str:
    """``body`` with each shortcode written over several lines (its parameters one a line, its ``>}}`` on a line of
    its own) on its first line, the lines it went on over left blank and their indices appended to ``joined``
    (``_without_closing_lines`` takes them out), so that a figure, video or note box written so is converted as one
    on a line is, and one the import does not know is named at its line as kept as text: left over lines, the
    ``>}}`` alone on its line started a block quote and the page showed the shortcode's text. Lines keep their
    numbers; a shortcode in a code block stays as written, and one that no ``>}}`` closes before a blank line,
    another shortcode or ``JOINED_LINES`` lines does too, named in ``notes`` at its line of the file (``first_line``:
    the body's first): the summary's list of tags kept as text finds only closed ones."""
    if not re.search(r"\{\{[<%]", body):
        return body
    lines = body.split("\n")
    in_code: frozenset[int] | None = None
    index = 0
    while index < len(lines):
        opener = _open_shortcode(lines[index])
        if opener is None:
            index += 1
            continue
        if in_code is None:
            in_code = _code_lines(body)
        depth = lines[index][:opener].count(">")  # the block quotes it is in: each line below has their ">"
        parts, end = [], None
        for later in range(index + 1, min(index + 1 + JOINED_LINES, len(lines))):
            text = re.sub(r"^(?:[ \t]*>){%d}" % depth, "", lines[later]) if depth else lines[later]
            if not text.strip() or re.search(r"\{\{[<%]", text):
                break
            parts.append(text.strip())
            if SHORTCODE_CLOSE_RE.search(text):
                end = later
                break
        if end is None or index in in_code:
            if end is None and index not in in_code and notes is not None \
                    and (name := re.match(r"\{\{[<%]\s*/?\s*([\w-]+)", lines[index][opener:])):
                notes.append(f"line {first_line + index}: shortcode {name.group(1)} not closed ('>}}}}' or '%}}}}' "
                             "missing): kept as text; close it or rewrite it in Markdown")
            index += 1
            continue
        lines[index] = " ".join([lines[index].rstrip(), *parts])
        for later in range(index + 1, end + 1):
            lines[later] = ""
            joined.append(later)
        index = end + 1
    return "\n".join(lines)


def _figures(body: str, first_line: int, notes: list[str]) -> tuple[str, dict[int, list[str]]]:
    """(``body`` with each Hugo ``figure`` shortcode, ``{{< >}}`` or ``{{% %}}``, written as the CommonMark image it
    shows (``src``, ``alt``; linked to ``link``), the line index -> its ``title`` and ``caption``, which Hugo shows
    in the figure's ``<figcaption>``, https://gohugo.io/shortcodes/figure/). Lines keep their numbers, so that
    later notes name the file's lines; ``_with_captions`` then puts each caption below its image as a
    paragraph, as a WordPress ``[caption]`` becomes (``importer_html``). One alone on its line is that image; one
    within a paragraph's text is too, its caption below that paragraph (``_inline_figures``). A figure in code (a
    code block, a code span) stays as written."""
    captions: dict[int, list[str]] = {}
    in_code = _code_lines(body) if FIGURE_RE.search(body) else frozenset()

    def image(match: re.Match) -> str:
        index = body.count("\n", 0, match.start())
        if index in in_code:
            return match.group(0)
        shown = _figure_image(match.group(2), first_line + index, notes, captions.setdefault(index, []))
        indent = match.group(0)[:len(match.group(0)) - len(match.group(0).lstrip(" \t"))]  # its list item's
        return match.group(0) if shown is None else indent + shown

    def inline(match: re.Match, index: int, last: int) -> str | None:
        caption: list[str] = []
        shown = _figure_image(match.group(2), first_line + index, notes, caption)
        captions.setdefault(last, []).extend(caption)  # after the paragraph, where Hugo's <figure> ended it
        return shown

    return _inline_shortcodes(FIGURE_RE.sub(image, body), INLINE_FIGURE_RE, inline), captions


def _figure_image(params_text: str, line: int, notes: list[str], caption: list[str]) -> str | None:
    """The CommonMark image of a Hugo figure with the parameters ``params_text`` (linked to its ``link``) at
    ``line`` of the file, noted; its ``title`` and ``caption`` appended to ``caption``. None for one without a
    ``src``, which stays as written."""
    params = {m.group(1).lower(): m.group(2).replace('\\"', '"') if m.group(2) is not None else m.group(3)
              for m in FIGURE_PARAM_RE.finditer(params_text)}
    src = params.get("src", "").strip()
    if not src:
        return None
    alt = re.sub(r"([\\\[\]])", r"\\\1", " ".join(params.get("alt", "").split()))
    shown = f"![{alt}]({f'<{src}>' if re.search(r'[ <>()]', src) else src})"
    link = params.get("link", "").strip()
    caption += [" ".join(params[k].split()) for k in ("title", "caption") if params.get(k, "").strip()]
    notes.append(f"line {line}: Hugo figure {src} as an image" + (" with its caption below it" if caption else ""))
    return f"[{shown}]({link})" if link else shown


def _inline_shortcodes(body: str, pattern: re.Pattern,
                       convert: Callable[[re.Match, int, int], str | None]) -> str:
    """``body`` with each shortcode ``pattern`` matches whole within a paragraph's text (on one line, where
    ``markdown_template_tags`` finds it: not in code) replaced by ``convert(match, line index, index of its
    paragraph's last line)``, or left as written where that gives None. A line that has the same shortcode in a code
    span too is left as written (named as a tag), as is one going on over lines."""
    found: dict[int, list[str]] = {}
    for line, tag, _ in markdown_template_tags(body, 0):
        if pattern.fullmatch(tag):
            found.setdefault(line, []).append(tag)
    if not found:
        return body
    last = {line: token.map[1] - 1 for token in block_tokens(body, {}) if token.type == "inline" and token.map
            for line in range(*token.map)}
    lines = body.split("\n")
    for index, tags in found.items():
        for tag in dict.fromkeys(tags):
            if lines[index].count(tag) == tags.count(tag):
                shown = convert(pattern.fullmatch(tag), index, last.get(index, index))
                lines[index] = lines[index] if shown is None else lines[index].replace(tag, shown)
    return "\n".join(lines)


# Hugo's own video shortcodes (https://gohugo.io/shortcodes/youtube/, https://gohugo.io/shortcodes/vimeo/) alone on
# their line: the video's id first or as ``id``, a ``title`` among the other parameters.
PLAYER_SHORTCODE_RE = re.compile(r"^[ \t]*\{\{([<%])\s*(youtube|vimeo)\s+([^\n]*?)\s*[>%]\}\}[ \t]*$", re.M)
INLINE_PLAYER_RE = re.compile(r"\{\{([<%])\s*(youtube|vimeo)\s+([^\n]*?)\s*[>%]\}\}")  # one between words
PLAYER_PAGES = {"youtube": "https://www.youtube.com/watch?v=", "vimeo": "https://vimeo.com/"}


def _players(body: str, first_line: int, notes: list[str]) -> str:
    """``body`` with each of Hugo's ``youtube`` and ``vimeo`` shortcodes, alone on its line or within a
    paragraph's text (``_inline_shortcodes``), a link to the video's page, named by its ``title`` where it has one,
    noted as an ``<iframe>`` made a link is (``importer_html.iframe_link``): kept, the page would load the
    provider's player before the reader chose to. Lines keep their numbers; one in code stays as written."""
    from .rawhtml import web_host

    in_code = _code_lines(body) if PLAYER_SHORTCODE_RE.search(body) else frozenset()

    def link(match: re.Match) -> str | None:
        named, positional = _shortcode_params(match.group(3))
        video = (named.get("id") or (positional[0] if positional else "")).strip()
        if not re.fullmatch(r"[\w-]+", video):
            return None
        page = PLAYER_PAGES[match.group(2)] + video
        notes.append(f"embed kept as a link: {page} (Hugo's {match.group(2)} shortcode: a page loads nothing from "
                     f"{web_host(page)} until the reader follows the link)")
        title = " ".join(named.get("title", "").split())
        return _markdown_link(page, title or page)

    def alone(match: re.Match) -> str:
        return match.group(0) if body.count("\n", 0, match.start()) in in_code else link(match) or match.group(0)

    body = PLAYER_SHORTCODE_RE.sub(alone, body)
    return _inline_shortcodes(body, INLINE_PLAYER_RE, lambda match, index, last: link(match))


# The note boxes of Hugo's common themes, each an opening and a closing shortcode on lines of their own: hint (Book),
# notice (Learn, Relearn), alert (Docsy, Blowfish), callout (Hextra), admonition (LoveIt, DoIt, FixIt).
# Its opening line (the shortcode, its kind, its parameters) and its closing one (the kind), paired by _note_boxes in
# one pass over the text (a search for each opener's closer took quadratic time on unclosed ones).
# Its parameters end at a character other than white space, as the figure's (``FIGURE_RE``).
NOTE_OPEN_RE = re.compile(r"^[ \t]*\{\{([<%])\s*(hint|notice|alert|callout|admonition)\b((?:[^\S\n]*+\S)*?)\s*+[>%]\}\}"
                          r"[ \t]*\n", re.M)
NOTE_CLOSE_RE = re.compile(r"^[ \t]*\{\{[<%]\s*/\s*(hint|notice|alert|callout|admonition)\s*[>%]\}\}[ \t]*$", re.M)
NOTE_PARAM_RE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)""")
# A box's kind (its first word or its type, style or color) -> the label a German reader reads at its start.
NOTE_LABELS = {"note": "Hinweis", "info": "Hinweis", "information": "Hinweis", "primary": "Hinweis",
               "tip": "Tipp", "hint": "Tipp", "success": "Tipp", "important": "Wichtig", "warning": "Warnung",
               "warn": "Warnung", "caution": "Warnung", "attention": "Warnung", "danger": "Achtung",
               "error": "Achtung", "failure": "Achtung", "bug": "Achtung", "example": "Beispiel",
               "question": "Frage", "faq": "Frage", "quote": "Zitat"}
# Those labels in the languages of a translation's page (primary subtag), as its readers read them.
NOTE_LABELS_IN = {"en": {"Hinweis": "Note", "Tipp": "Tip", "Wichtig": "Important", "Warnung": "Warning",
                         "Achtung": "Caution", "Beispiel": "Example", "Frage": "Question", "Zitat": "Quote"}}


def _note_boxes(body: str, first_line: int, notes: list[str], lang: str = "de",
                closed: list[int] | None = None) -> str:
    """``body`` with each theme's note box (``NOTE_OPEN_RE`` to the first ``NOTE_CLOSE_RE`` of its kind after it;
    an opener without one stays as written) a CommonMark block quote of its text, led by its ``title`` or the
    label of its kind in bold (``NOTE_LABELS``, else "Hinweis"), each noted: Hugo showed the box, so its text is
    the article's; as a shortcode it was published as literal text. Lines keep their numbers (the opening line
    holds the label, the closing one is left blank and its index appended to ``closed``: once no more notes count
    lines, ``_without_closing_lines`` takes it out). Other shortcodes stay as text, as do boxes in a code block."""
    import bisect

    closers: dict[str, list[re.Match]] = {}
    for closer in NOTE_CLOSE_RE.finditer(body):
        closers.setdefault(closer.group(1), []).append(closer)
    if not closers:
        return body
    in_code = _code_lines(body)
    out: list[str] = []
    done = line = 0  # the text up to ``done`` is in ``out``; ``line``: the newlines before ``done``
    at = 0
    while opener := NOTE_OPEN_RE.search(body, at):
        kind = closers.get(opener.group(2), [])
        index = bisect.bisect_left(kind, opener.end(), key=lambda m: m.start())
        if index == len(kind):  # no closer of its kind after it: it stays as written
            at = opener.start() + 1
            continue
        closer = kind[index]
        line += body.count("\n", done, opener.start())
        out.append(body[done:opener.start()])
        boxed = line not in in_code
        out.append(_note_box(opener, body[opener.end():closer.start()], first_line + line, notes, lang) if boxed
                   else body[opener.start():closer.end()])
        if boxed and closed is not None:
            closed.append(line + body.count("\n", opener.start(), closer.start()))
        line += body.count("\n", opener.start(), closer.end())
        done = at = closer.end()
    return "".join(out) + body[done:]


def _without_closing_lines(body: str, captions: dict[int, list[str]], closed: list[int],
                           joined: list[int] = ()) -> tuple[str, dict[int, list[str]]]:
    """``body`` without the lines its note boxes' closing shortcodes left blank (``closed``, line indices) where a
    blank line or the end of the text follows one, nor those a shortcode went on over (``joined``, left blank or,
    in a note box, a quote's empty line by ``_joined_shortcodes``), and ``captions`` (``_figures``: by line index)
    at the lines they were at: the quote's end and the blank line after the box were two blank lines in the
    Markdown written."""
    lines = body.split("\n")
    gone = {index for index in closed if index < len(lines) and not lines[index].strip()
            and (index + 1 == len(lines) or not lines[index + 1].strip())}
    gone |= {index for index in joined if index < len(lines) and re.fullmatch(r"[ \t>]*", lines[index])}
    if not gone:
        return body, captions
    import bisect

    order = sorted(gone)
    return ("\n".join(line for index, line in enumerate(lines) if index not in gone),
            {index - bisect.bisect_left(order, index): texts for index, texts in captions.items()})


def _shortcode_params(text: str) -> tuple[dict[str, str], list[str]]:
    """A Hugo shortcode's parameters (``NOTE_PARAM_RE``): the named ones by lower-case name, the positional ones in
    order (https://gohugo.io/templates/shortcode-templates/#access-parameters)."""
    named, positional = {}, []
    for m in NOTE_PARAM_RE.finditer(text):
        if m.group(1):
            named[m.group(1).lower()] = next(v for v in m.group(2, 3, 4) if v is not None)
        else:
            positional.append(next(v for v in m.group(5, 6, 7) if v is not None))
    return named, positional


def _note_box(opener: re.Match, inner: str, line: int, notes: list[str], lang: str = "de") -> str:
    """The block quote of the note box opened by ``opener`` (``NOTE_OPEN_RE``) holding ``inner``, noted as
    at ``line`` of the file. Its kind's label is in ``lang`` (``NOTE_LABELS_IN``, by primary subtag), German for
    German, none for a language without labels there: never German in a translation's page."""
    named, positional = _shortcode_params(opener.group(3))
    kinds = [named.get(key, "") for key in ("type", "style", "color", "kind")] + positional[:1]
    kind = next((NOTE_LABELS[k.lower()] for k in kinds if k.lower() in NOTE_LABELS), "Hinweis")
    # a title given second: admonition (LoveIt) and notice (Relearn: style, title, icon)
    title = " ".join(named.get("title", positional[1] if opener.group(2) in ("admonition", "notice") and
                               len(positional) > 1 else "").split())
    primary = lang.lower().split("-")[0]
    if primary != "de":
        kind = NOTE_LABELS_IN.get(primary, {}).get(kind, "")
    label = title.rstrip(":") if title else kind
    code = opener.group(0).split("\n", 1)[0].strip()
    notes.append(f"line {line}: Hugo {code} as a quote headed **{label}:**" if label else
                 f"line {line}: Hugo {code} as a quote (no {lang} label for its kind: add one by hand if it needs it)")
    lines = inner.rstrip("\n").split("\n")
    return "\n".join([*([f"> **{label}:**"] if label else []),
                      *(f"> {text}" if text.strip() else ">" for text in lines), ""])


# Neither reads past the next "<" but to close: from each "<" (each "<iframe") of a run without the ">" (the
# "</iframe>") they looked for, they read to the end of the block again, so 64 KB of "<" or "<iframe>" in an HTML
# block held 'verlag import' for seconds, 8 MB for a day.
IFRAME_RE = re.compile(r"<iframe\b[^<>]*>(?:(?!<iframe\b|</iframe).)*</iframe\s*>", re.I | re.S)
_TAGS_RE = re.compile(r"<[^<>]*>")


def _linked_iframes(body: str, notes: list[str]) -> str:
    """``body`` (CommonMark) with each raw ``<iframe>`` with a web address (a YouTube or Vimeo player, a map) a
    link instead, noted (``importer_html.iframe_link``; ``importer.completed`` names its line), as a
    saved page's or WordPress post's is: kept, the page would load from the provider before the reader chose to. An
    HTML block that holds nothing else (an iframe in its ``<div>``) becomes a Markdown link, so its text is
    translated; one in text becomes a Markdown link there, one among other HTML an ``<a>``. Code is left alone."""
    from html import escape, unescape

    from .importer_html import iframe_link
    from .rawhtml import web_host

    if "<iframe" not in body.lower():
        return body
    lines, said = body.split("\n"), []
    tokens = commonmark_parser().parse(body)
    for token in reversed([t for t in tokens if t.map and t.type in ("html_block", "inline")]):
        start, stop = token.map
        chunk = "\n".join(lines[start:stop])
        if "<iframe" not in chunk.lower():
            continue
        block = token.type == "html_block"

        def link(match: re.Match) -> str:
            from lxml import etree, html as lxml_html

            try:
                frame = lxml_html.fragment_fromstring(match.group(0))
            except (etree.ParserError, ValueError):  # markup lxml cannot read as one element: left as it is
                return match.group(0)
            src = frame.get("src") or ""
            if frame.tag != "iframe" or not web_host(src):
                return match.group(0)
            page, label, note = iframe_link(src, frame.get("title"))
            said.append((start + chunk.count("\n", 0, match.start()), note))
            if block:
                return f'<a href="{escape(page)}">{escape(label or page)}</a>'
            return _markdown_link(page, label or page)

        changed = IFRAME_RE.sub(link, chunk)
        if changed == chunk:
            continue
        alone = re.fullmatch(r'\s*<a href="([^"]*)">([^<]*)</a>\s*', _TAGS_RE.sub(
            lambda m: m.group(0) if m.group(0).startswith(("<a ", "</a")) else "", changed))
        if block and alone:
            changed = _markdown_link(unescape(alone.group(1)), unescape(alone.group(2)))
        lines[start:stop] = changed.split("\n")
    notes += [note for _, note in sorted(said)]  # in the order of the text: ``importer.completed`` adds the lines
    return "\n".join(lines)


def _markdown_link(page: str, text: str) -> str:
    """A CommonMark link to ``page`` reading ``text`` (an autolink where the text is the address)."""
    if text == page:
        return f"<{page}>"
    destination = page if re.fullmatch(r"[^\s()<>\\]+", page) else f"<{page}>"
    return "[" + re.sub(r"([\\\[\]])", r"\\\1", text) + f"]({destination})"


# Liquid's raw tag and its text (https://shopify.github.io/liquid/tags/template/#raw), with whitespace control
_RAW_RE = re.compile(r"\{%-?\s*raw\s*-?%\}")
_ENDRAW_RE = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1(?!`)|(\{)(?=[{%])", re.S)
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)


def _unwrap_raw(body: str, notes: list[str]) -> str:
    """``body`` with each Jekyll ``{% raw %}…{% endraw %}`` replaced by its text, as Jekyll showed it: the brace
    that opens a ``{{`` or ``{%`` in it escaped (``\\{{ abend }}``), so that CommonMark shows it as written and
    extract and check see no template tag there; in code spans and fenced code blocks, where a backslash would be
    shown, it stays as it is. Line breaks are kept, so lines keep their numbers. Each tag's end is looked for once:
    a tag without one (nor any after it) ends the search, in time linear in ``body``."""
    def unwrap(text: str) -> str:
        out, fenced = [], None
        for piece in re.split(r"(\n)", text):
            fence = _FENCE_RE.match(piece)
            if fence and (fenced is None or fence[1][0] == fenced[0] and len(fence[1]) >= len(fenced)):
                fenced = None if fenced else fence[1]
                out.append(piece)
            elif fenced:
                out.append(piece)
            else:
                out.append(_CODE_SPAN_RE.sub(lambda m: "\\{" if m[2] else m[0], piece))
        return "".join(out)

    pieces, count, at = [], 0, 0
    while (start := _RAW_RE.search(body, at)) and (end := _ENDRAW_RE.search(body, start.end())):
        pieces += [body[at:start.start()], unwrap(body[start.end():end.start()])]  # the first end tag closes it
        count, at = count + 1, end.end()
    if count:
        notes.append(f"Jekyll {{% raw %}} text kept as written, without the raw tags ({count}×)")
    return "".join([*pieces, body[at:]])


def _with_captions(body: str, captions: dict[int, list[str]]) -> str:
    """``body`` with each figure's caption paragraphs (``_figures``) after the line of its image, in the list item
    or block quote that line is in (``_container_prefixes``), where Hugo showed the figure with its caption. A
    caption after a line left blank since (a note box's closing shortcode, ``_note_boxes``) goes after the last line
    above it that is not, in the box's block quote."""
    lines = body.split("\n")
    placed: dict[int, list[str]] = {}  # the line after which each caption goes -> those captions, in order
    for index in sorted(captions):
        anchor = index
        while anchor > 0 and not lines[anchor].strip():
            anchor -= 1
        placed.setdefault(anchor, []).extend(captions[index])
    prefixes = _container_prefixes(body, {index for index, texts in placed.items() if texts})
    for index in sorted(placed, reverse=True):
        prefix = prefixes.get(index, "")
        blank = prefix.rstrip()
        after = lines[index + 1] if index + 1 < len(lines) else ""
        lines[index + 1:index + 1] = [part for text in placed[index] for part in (blank, prefix + text)] + \
            ([blank] if placed[index] and after.strip() and after != blank else [])
    return "\n".join(lines)


def _container_prefixes(body: str, indices: set[int]) -> dict[int, str]:
    """Line index of ``body`` (CommonMark) -> what a line needs at its start to continue the list items and block
    quotes the paragraph holding that line is in: the markers before its first line's text, each ``>`` kept and a
    list item's marker made spaces (``> - Text`` -> ``>   ``); a line in no paragraph, or in none of those, is
    absent."""
    if not indices:
        return {}
    lines, found = body.split("\n"), {}
    tokens = block_tokens(body, {})
    for n, token in enumerate(tokens):
        if token.type != "paragraph_open" or not token.map or not indices.intersection(range(*token.map)):
            continue
        first, text = lines[token.map[0]].rstrip(), tokens[n + 1].content.split("\n")[0].rstrip()
        if not first.endswith(text):
            continue
        prefix = re.sub(r"[^>\s]", " ", first[:len(first) - len(text)])
        found.update((index, prefix) for index in indices.intersection(range(*token.map)) if prefix)
    return found


# A Markdown image whose address is a file: URL (file:///C:/Users/…/bild.jpg): markdown-it refuses it as a link's
# destination (validateLink), so it is no image token but text of its block
FILE_IMAGE_RE = re.compile(r"!\[(?:[^\]\\\n]|\\.)*\]\(\s*(?:<(file:[^<>\n]*)>|(file:[^\s<>)]*))", re.I)


def _local_images(body: str, first_line: int, path: Path, notes: list[str],
                  images: dict[Path, str] | None = None, written: str | None = None) -> tuple[str, dict[Path, str]]:
    """(``body`` with each image found beside the file referenced as ``bilder/<name>``, those image files ->
    their ``<name>``: ``importer.local_name``, one per distinct file, ``images`` (the article's found before)
    among them).

    An image's relative path is looked up from the file's folder (a Hugo page bundle:
    ``content/posts/holunder/index.md`` beside ``holunder.png``), a site path (``/assets/x.jpg``) in the
    site's folder, the one holding ``_posts``/``_drafts`` (Jekyll) or ``content`` (Hugo, whose site paths
    are files of its ``static/`` folder, unless that leads out of the site: a symlink); a file outside those folders
    is never taken (``importer_html._local_file``). An image that is not found there is noted with its file and line
    (``first_line``: the file line of the body's first line), one with an address is noted as kept there. An
    inline image of 1×1 pixels (``inline_images.SPACER``: a saved page's spacer or tracking pixel) is left out, noted.
    The address is markdown-it's (normalised: ``<Blüte groß.png>`` and ``Blüte%20groß.png`` alike); every
    destination in the body that reads as it is rewritten (``importer.rewrite_destinations``). A link to a file
    found so that is no page (``[Merkblatt](merkblatt.pdf)`` in a page bundle; not ``.md`` nor ``.html``) is
    copied alike, as a WordPress import copies the files its links lead to (``--uploads``): the site publishes it.
    ``written``: the body as the file holds it (from ``first_line`` on) where ``body`` is converted from it (a
    Jekyll post in HTML): an image is noted at the first line of it that holds its address, or without a line.
    """
    import html

    from .importer_html import _local_file

    lines = written.split("\n") if written is not None else None

    def at(src: str, line: int) -> str:
        """``path`` and the file's line of the image ``src`` found at ``line`` of ``body``, as a note names it."""
        if lines is not None:
            forms = {src, unquote(src), html.escape(unquote(src))}
            line = next((first_line + n for n, text in enumerate(lines) if any(f in text for f in forms)), 0)
        return f"{shown_path(path)}:{line}" if line else shown_path(path)

    root = next((folder.parent for folder in path.parents if folder.name in ("_posts", "_drafts", "content")), None)
    inside = [] if root is None else [base for base in (root / "static", root)
                                      if base.resolve().is_relative_to(root.resolve())]
    images = ImageNames(images)
    renamed: dict[str, str] = {}
    for token in commonmark_parser().parse(body):
        if token.type == "html_block" and token.map is not None:
            notes += _html_images(token.content, first_line + token.map[0], path)
        if token.type != "inline" or token.map is None or not token.children:
            continue
        line = first_line + token.map[0]
        for match in FILE_IMAGE_RE.finditer(token.content):
            src = match.group(1) or match.group(2)
            where = at(src, line + token.content.count("\n", 0, match.start()))
            notes.append(f"image not found: {unquote(src)} ({where}: a path on the computer the text was written "
                         f"on): save it into source_de/{IMAGES_DIR}/ and refer to it as {IMAGES_DIR}/<name>")
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            if child.type == "html_inline":
                notes += _html_images(child.content, line, path)
            if child.type == "link_open":
                href = str(child.attrs.get("href") or "")
                if href and href not in renamed and not TEMPLATE_TAG_RE.search(unquote(href)) \
                        and (parts := split_url(href)) is not None and not parts.scheme and not href.startswith("//"):
                    site = inside if href.startswith("/") else []
                    found = next(filter(None, (_local_file(href.lstrip("/"), base) for base in [path.parent] + site)),
                                 None)
                    if found is not None and found.suffix.lower() not in PAGE_FILES:
                        renamed[href] = local_name(images, found)
                continue
            src = str(child.attrs.get("src") or "") if child.type == "image" else ""
            if not src or src in renamed or TEMPLATE_TAG_RE.search(unquote(src)):
                continue
            if src.startswith("data:") and inline_image(src) == SPACER:
                spacer = re.compile(r"!\[[^\]\n]*\]\(\s*<?" + re.escape(src) + r">?\s*\)")
                body, dropped = spacer.subn("", body)
                if dropped:
                    kind = src[5:].partition(";")[0].partition(",")[0] or "no type"
                    notes.append(f"inline image ({kind}, {size_text(len(src))}) not kept: {SPACER}")
                    continue
            if re.match(r"[A-Za-z]:[\\/]", unquote(src)):  # Typora's C:\Users\…: a file of the machine it was written on
                notes.append(f"image not found: {unquote(src)} ({at(src, line)}: a path on the computer the "
                             f"text was written on): save it into source_de/{IMAGES_DIR}/ and refer to it as "
                             f"{IMAGES_DIR}/<name>")
                continue
            parts = split_url(src)
            if parts is None:
                notes.append(f"image not found: {src} ({at(src, line)}): it {BROKEN_HOST}")
                continue
            if parts.scheme or src.startswith("//"):
                notes.append(f"image left at its old address: {src}")
                continue
            site = inside if src.startswith("/") else []
            found = next(filter(None, (_local_file(src.lstrip("/"), base) for base in [path.parent] + site)), None)
            if found is None:
                notes.append(f"image not found: {shown_path(src)} ({at(src, line)}): save it into "
                             f"source_de/{IMAGES_DIR}/ and refer to it as {IMAGES_DIR}/<name>")
                continue
            renamed[src] = local_name(images, found)
    return rewrite_destinations(body, renamed), images


class _BareImages(HTMLParser):
    """The ``src`` (%-escapes decoded) of each ``<img>`` of an HTML fragment without alt text (none, or white
    space only)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bare: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img" and values.get("src") and not (values.get("alt") or "").strip():
            self.bare.append(unquote(values["src"]))


def images_without_alt(body: str) -> list[str]:
    """The note naming the images of ``body`` (Markdown, its images' addresses as written to the article:
    ``bilder/tee.png``) without alt text, a Markdown image's (``![](…)``) and a raw HTML ``<img>``'s alike, as a
    saved page's are named (``importer_html.without_alt_note``); none: no note."""
    from .importer_html import without_alt_note
    from .rawhtml import read_whole

    bare: list[str] = []
    for token in commonmark_parser().parse(body):
        for piece in [token] if token.type == "html_block" else token.children or [] if token.type == "inline" else []:
            if piece.type == "image" and piece.attrs.get("src") and not piece.content.strip():
                bare.append(unquote(str(piece.attrs["src"])))
            elif piece.type in ("html_block", "html_inline"):
                parser = _BareImages()
                try:
                    read_whole(parser, piece.content)
                except (AssertionError, ValueError):  # a declaration Python's parser gives up on: what it read counts
                    pass
                bare += parser.bare
    return without_alt_note(bare)


# an <img> tag's address, in double, single or no quotes (HTML's attribute syntaxes)
HTML_IMAGE_RE = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


def _html_images(html: str, line: int, path: Path) -> list[str]:
    """A note for each image of the raw HTML ``html`` (at ``line`` of ``path``) that names a file, not an address
    (``<img src="rinde.jpg">``): only Markdown images are copied into ``bilder/``, so it would stay a path the new
    site does not have, unsaid."""
    notes = []
    for match in HTML_IMAGE_RE.finditer(html):
        src = next(group for group in match.groups() if group is not None).strip()
        if split_url(src) is None:
            notes.append(f"image in HTML not copied: {src} ({shown_path(path)}:"
                         f"{line + html.count(chr(10), 0, match.start())}): it {BROKEN_HOST}")
        elif src and not (split_url(src) or NO_ADDRESS).scheme and not src.startswith("//") \
                and not TEMPLATE_TAG_RE.search(src):
            at = line + html.count("\n", 0, match.start())
            notes.append(f"image in HTML not copied: {shown_path(unquote(src))} ({shown_path(path)}:{at}): write it "
                         f"as a Markdown image, ![what it shows]({src}), and import again, or save it into "
                         f"source_de/{IMAGES_DIR}/ and refer to it as {IMAGES_DIR}/<name>")
    return notes


# A Jekyll image's or link's address written with Liquid (https://jekyllrb.com/docs/liquid/filters/,
# https://jekyllrb.com/docs/liquid/tags/#link): a site path after ``{{ site.url }}`` and/or ``{{ site.baseurl }}``
# (group 2), given to ``relative_url``/``absolute_url`` (group 3), or a file of the site named by ``{% link %}``
# (group 4). Its text holds no "[": each "![" of a line of them would otherwise be tried to the line's end (quadratic).
LIQUID_FILE_RE = re.compile(r"(!?\[(?:[^\[\]\\\n]|\\.)*\]\()[ \t]*(?:(?:\{\{-?[ \t]*site\.(?:url|baseurl)[ \t]*-?\}\})+"
                            r"(/[^\s()]*)|\{\{-?[ \t]*[\"']([^\"'\s]*)[\"'][ \t]*\|[ \t]*(?:relative|absolute)_url[ \t]*-?\}\}"
                            r"|\{%-?[ \t]*link[ \t]+([^\s%]+)[ \t]*-?%\})[ \t]*\)")


def _liquid_files(body: str, path: Path) -> str:
    """``body`` (of the Jekyll post at ``path``) with each image whose address is written with Liquid
    (``LIQUID_FILE_RE``: ``![Dolde]({{ site.baseurl }}/assets/dolde.png)``, ``![Dolde]({{ "/assets/dolde.png" |
    relative_url }})``, ``![Dolde]({% link assets/dolde.png %})``) given its site path (``/assets/dolde.png``), which
    ``_local_images`` finds in the site's folder (or names as not found), and so each link to a file of that folder
    that is no page (``[Preise]({{ "/assets/preise.pdf" | relative_url }})``), which ``_local_images`` then copies:
    as Liquid it was no CommonMark destination (a destination holds no space), so the file stayed behind. A link
    to a post or to nothing there stays as written, for ``importer.relink`` to rewrite or to name. One in a code
    block stays as written."""
    from .importer_html import _local_file

    in_code = _code_lines(body) if LIQUID_FILE_RE.search(body) else frozenset()
    root = next((folder.parent for folder in path.parents if folder.name in ("_posts", "_drafts")), None)

    def site_path(match: re.Match) -> str:
        if body.count("\n", 0, match.start()) in in_code:
            return match.group(0)
        written = next(group for group in match.groups()[1:] if group is not None).lstrip("/")
        if not match.group(1).startswith("!"):
            found = _local_file((split_url(written) or NO_ADDRESS).path, root)
            if found is None or found.suffix.lower() in PAGE_FILES:
                return match.group(0)
        return f"{match.group(1)}/{written})"

    return LIQUID_FILE_RE.sub(site_path, body)


def _hugo_relative(alias: str, page: str, notes: list[str]) -> str | None:
    """The address Hugo serves a relative alias at (``aliases = ["alter-name"]``): joined to the folder above the
    page's own address ``page`` (its ``..``), as Hugo's ``renderAliases`` joins it, ``index.html`` inside unless it
    ends in ``.html`` (https://gohugo.io/content-management/urls/#aliases); noted. None, noted, beside a ``page``
    urlsplit cannot read (``urlparts``): where it was is not known."""
    parts = split_url(page)
    if parts is None:
        notes.append(f"old address {alias} not kept: it is relative to the page's own address {page}, which "
                     f"{BROKEN_HOST}")
        return None
    joined = posixpath.normpath(posixpath.join(parts.path.rstrip("/") or "/", "..", alias))
    address = joined if joined.endswith(".html") else joined.rstrip("/") + "/"
    address = urlunsplit(parts._replace(path=address))
    notes.append(f"old address {address}: the relative alias {alias!r}, beside the page's own address {page}")
    return address


def _front_permalink(permalink: str, date, title: str, categories: list[str], where: Path,
                     jekyll: tuple[Path, dict] | None, notes: list[str], base: str = "") -> str | None:
    """A front matter ``permalink`` as Jekyll serves it: its placeholders filled (``jekyll_address``; built-in style
    names are not recognised in front matter, https://jekyllrb.com/docs/permalinks/#front-matter), else as written.
    ``:path`` is a post's file below ``_posts/`` (without suffix) or a page's folder below the site's root, and
    ``:basename`` a page's name (https://jekyllrb.com/docs/permalinks/#collections). One whose date placeholders the
    post has no date for is noted and None. ``base``: the site's base URL path, for the note."""
    if not _PLACEHOLDER.search(permalink) or re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", permalink):
        return permalink
    posts = next((folder for folder in where.parents if folder.name in ("_posts", "_drafts")), None)
    if posts is not None:  # a document of the posts collection: its path there, with its file's name
        extra = {"path": where.relative_to(posts).with_suffix("").as_posix()}
    else:  # a page: its folder below the site's root, and its name
        folder = where.parent.relative_to(jekyll[0]).as_posix() if jekyll else ""
        extra = {"path": "" if folder == "." else folder, "basename": where.stem}
    address = jekyll_address(permalink, date, title, categories, literal=True, extra=extra)
    if address is None:
        notes.append(f"permalink {permalink!r} not kept as an old address: its date placeholders need a 'date'")
        return None
    notes.append(f"old address {base}{address}: the front matter permalink {permalink!r}")
    return address


def _stem(path: Path) -> str:
    """A Jekyll file's name without suffix and without the date of ``_posts/YYYY-MM-DD-``."""
    dated = POST_NAME_RE.match(path.stem)
    return dated.group(4) if dated else path.stem


def _hugo_address(rel: Path, slug: str | None) -> str:
    """The address Hugo gives a page at ``rel`` under ``content/`` without ``url`` or ``[permalinks]``: its
    folders, then its ``slug`` or else its file name (a leaf bundle's ``index.md``: its folder's name) without the
    ``.<lang>`` of Hugo's translation by file name (``tee.de.md``: ``tee``), in lower case, spaces as hyphens
    (https://gohugo.io/content-management/urls/, https://gohugo.io/content-management/multilingual/)."""
    folders = list(rel.parts[:-1])
    stem = re.sub(r"\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*$", "", rel.stem)
    name = folders.pop() if stem == "index" and folders else stem
    return ("/" + "/".join([*folders, slug or name]) + "/").lower().replace(" ", "-")


def _jekyll_default(settings: dict, rel: Path, key: str):
    """The value of ``key`` that the Jekyll site's front matter ``defaults`` give the post at ``rel`` (below the
    site's root), None when none does: of the entries whose ``scope`` ``path`` holds it (a folder, or a glob) and
    whose ``type``, if any, is ``posts``, the most specific path wins, then one that names the type, then the later
    one (https://jekyllrb.com/docs/configuration/front-matter-defaults/)."""
    from fnmatch import fnmatch

    found = []
    entries = settings.get("defaults")
    for number, entry in enumerate(entries if isinstance(entries, list) else []):
        scope = entry.get("scope") if isinstance(entry, dict) else None
        values = entry.get("values") if isinstance(entry, dict) else None
        if not isinstance(values, dict) or key not in values:
            continue
        scope = scope if isinstance(scope, dict) else {}
        folder, kind = str(scope.get("path") or "").strip("/"), scope.get("type")
        within = not folder or rel.as_posix().startswith(folder + "/") or rel.as_posix() == folder or \
            fnmatch(rel.as_posix(), folder) or fnmatch(rel.parent.as_posix(), folder)
        if within and kind in (None, "", "posts"):
            found.append(((len(folder), bool(kind), number), values[key]))
    return max(found, key=lambda pair: pair[0])[1] if found else None


# Jekyll's named permalink styles (https://jekyllrb.com/docs/permalinks/#built-in-formats).
JEKYLL_STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext",
                 "pretty": "/:categories/:year/:month/:day/:title/",
                 "ordinal": "/:categories/:year/:y_day/:title:output_ext",
                 "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
                 "none": "/:categories/:title:output_ext"}
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_DATED = frozenset({"year", "month", "i_month", "day", "i_day", "short_year", "y_day", "week", "w_year", "w_day",
                    "short_day", "long_day", "short_month", "long_month", "hour", "minute", "second"})


def jekyll_address(permalink: str, date, title: str, categories: list[str], literal: bool = False,
                   extra: dict[str, str] | None = None) -> str | None:
    """The address Jekyll gives a post by the site's ``permalink`` (a style of ``JEKYLL_STYLES`` or a template with
    Jekyll's placeholders ``:year``, ``:month``, ``:i_month``, ``:day``, ``:i_day``, ``:short_year``, ``:y_day``,
    ``:week``, ``:short_day``, ``:long_day``, ``:short_month``, ``:long_month``, ``:hour``, ``:minute``,
    ``:second``, ``:title``, ``:slug``, ``:name``, ``:categories``, ``:output_ext``), ``date`` (a ``dt.date`` or
    ``dt.datetime``), ``title`` (the file name's slug or front matter ``slug``) and ``categories`` (lower case);
    double slashes collapse as Jekyll's do (https://jekyllrb.com/docs/permalinks/). An unknown placeholder stays.
    ``literal``: ``permalink`` is a template even where it names a style (front matter); ``extra``: more placeholders
    (a page's ``:path``, ``:basename``). ``date`` may be None: then a template with a date placeholder gives None."""
    values = {"title": title, "name": title, "slug": re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
              "categories": "/".join(categories), "output_ext": ".html", **(extra or {})}
    if date is not None:
        moment = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time())
        values |= {"year": f"{moment:%Y}", "month": f"{moment:%m}", "i_month": str(moment.month),
                   "day": f"{moment:%d}", "i_day": str(moment.day), "short_year": f"{moment:%y}",
                   "y_day": f"{moment:%j}", "week": f"{moment.isocalendar()[1]:02d}",
                   "w_year": str(moment.isocalendar()[0]), "w_day": str(moment.isoweekday()),
                   "short_day": f"{moment:%a}", "long_day": f"{moment:%A}", "short_month": f"{moment:%b}",
                   "long_month": f"{moment:%B}", "hour": f"{moment:%H}", "minute": f"{moment:%M}",
                   "second": f"{moment:%S}"}
    template = permalink if literal else JEKYLL_STYLES.get(permalink, permalink)
    if date is None and any(m[1] in _DATED for m in _PLACEHOLDER.finditer(template)):
        return None
    address = _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), template)
    return "/" + re.sub(r"/{2,}", "/", address).lstrip("/")


def _hugo_pattern(settings: dict, rel: Path) -> str | None:
    """The ``[permalinks]`` pattern of the section of the page at ``rel`` under ``content/`` (``posts = …``, or
    ``[permalinks.page]`` of Hugo 0.122 on), None without one (https://gohugo.io/content-management/urls/)."""
    permalinks = settings.get("permalinks")
    if not isinstance(permalinks, dict) or len(rel.parts) < 2:
        return None
    if isinstance(permalinks.get("page"), dict):
        permalinks = permalinks["page"]
    found = {str(k).lower(): v for k, v in permalinks.items()}.get(rel.parts[0].lower())
    return found if isinstance(found, str) and found else None


def hugo_address(pattern: str, rel: Path, title: str, slug: str | None, date) -> str:
    """The address Hugo gives the page at ``rel`` under ``content/`` by a ``[permalinks]`` ``pattern`` with Hugo's
    tokens ``:year``, ``:month``, ``:monthname``, ``:day``, ``:weekday``, ``:weekdayname``, ``:yearday``,
    ``:section``, ``:sections``, ``:title``, ``:slug``, ``:filename``, ``:slugorfilename``,
    ``:contentbasename``, ``:slugorcontentbasename`` (https://gohugo.io/content-management/urls/#tokens); as
    Hugo's urlize: lower case, spaces as hyphens. ``date`` may be None when the pattern holds no date token."""
    moment = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time()) if date else None
    folders = list(rel.parts[:-1])
    stem = re.sub(r"\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*$", "", rel.stem)
    name = folders[-1] if stem == "index" and folders else stem
    urlized = re.sub(r"[^\w\-./]", "", re.sub(r"\s+", "-", title.strip().lower()))
    values = {"section": rel.parts[0], "sections": "/".join(folders[:-1] if stem == "index" else folders),
              "title": urlized, "slug": slug or urlized, "filename": name, "slugorfilename": slug or name,
              "contentbasename": name, "slugorcontentbasename": slug or name}
    if moment is not None:
        values |= {"year": f"{moment:%Y}", "month": f"{moment:%m}", "monthname": f"{moment:%B}",
                   "day": f"{moment:%d}", "weekday": str(moment.isoweekday() % 7), "weekdayname": f"{moment:%A}",
                   "yearday": f"{moment:%j}"}
    tokens = sorted(values, key=len, reverse=True)  # :slugorfilename before :slug
    address = re.sub(":(" + "|".join(tokens) + ")", lambda m: values[m[1]], pattern)
    address = re.sub(r"/{2,}", "/", "/" + address.lstrip("/"))
    return address.lower().replace(" ", "-")


def _home(settings: dict, jekyll: bool) -> str | None:
    """The old site's own address from its config (Jekyll ``url`` and ``baseurl``, Hugo ``baseURL``), None when
    it sets none or one ``urlsplit`` cannot read (``urlparts``) (https://jekyllrb.com/docs/configuration/options/,
    https://gohugo.io/getting-started/configuration/)."""
    if jekyll:
        url, base = settings.get("url"), settings.get("baseurl")
        home = (str(url).rstrip("/") if isinstance(url, str) else "") + \
            ("/" + base.strip("/") if isinstance(base, str) and base.strip("/") else "")
    else:
        home = settings.get("baseurl") if isinstance(settings.get("baseurl"), str) else ""
    return home + ("/" if not home.endswith("/") else "") if (split_url(home) or NO_ADDRESS).netloc else None


def _scheduled(publish) -> str | None:
    """Why Hugo had not published a page whose ``publishDate`` is still to come (``buildFuture`` is off by
    default, https://gohugo.io/methods/page/publishdate/), None when it is past or not set."""
    if publish is None:
        return None
    now = dt.datetime.now(dt.timezone.utc)
    if (publish > now) if isinstance(publish, dt.datetime) else (publish > now.date()):
        return f"scheduled in Hugo (publishDate {publish.isoformat()}, still to come)"
    return None


def _unpublished(meta: dict, path: Path) -> str | None:
    """Why Hugo or Jekyll would not publish the file, None when it would."""
    if meta.get("draft") is True:
        return "a draft in Hugo (draft: true)"
    if meta.get("published") is False:
        return "a draft in Jekyll (published: false)"
    if "_drafts" in path.parts:
        return "a draft in Jekyll (_drafts/)"
    return None


def parse_front(front: str, fence: str, path: Path | str) -> dict:
    """The front matter ``front`` (the lines between its ``fence`` and its end, the file's second line first) as
    YAML, TOML or JSON reads it. Raises ``VerlagError`` at the file's line where it does not parse, or where it is no
    table of keys; a German article's and a hand translation's (``align.read_translation``) alike."""
    try:
        meta = tomllib.loads(front) if fence == "+++" else json.loads("{" + front + "}") if fence == "{" else \
            load_front(front, 2, path)
    except json.JSONDecodeError as exc:
        raise VerlagError(f"invalid JSON front matter: {exc.msg} at column {exc.colno - (exc.lineno == 1)}", path,
                          1 + exc.lineno) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError, or int's for a number too long to convert (TOML or JSON)
        message, line = toml_problem(exc, front)
        raise VerlagError(f"invalid {'JSON' if fence == '{' else 'TOML'} front matter: {message}", path,
                          1 + line if line else 1) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise VerlagError(f"{FENCES[fence]} front matter must be 'key = value' or 'key: value' lines", path, 2)
    return meta


# Goldmark's attributes at the end of a heading's line, ``{#id .class key=value}``, which Hugo reads by default
# (``markup.goldmark.parser.attribute.title``, https://gohugo.io/configuration/markup/#parserattributetitle).
HEADING_ATTRIBUTES_RE = re.compile(r"[ \t]*(\{[ \t]*(?:(?:#[^\s{}#.=\"']+|\.[^\s{}#.=\"']+|[A-Za-z_:][\w:.-]*="
                                   r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s{}\"']+))[ \t]*)+\})[ \t]*$")
ATTRIBUTE_ID_RE = re.compile(r"(?:^|[\s{])(?:#([^\s{}#.=\"']+)|id=(?:\"([^\"]*)\"|'([^']*)'|([^\s{}\"']+)))")


def _heading_attributes(body: str, path: Path, written: list[str], first: int, notes: list[str]) -> str:
    """``body`` (CommonMark, converted from the file's lines ``written``, the first of them its line ``first``)
    without the attributes Hugo reads at the end of a heading (``HEADING_ATTRIBUTES_RE``: ``## Das Rezept
    {#rezept}``), which verlag's CommonMark shows as text; the id among them is kept as the anchor links to it
    find (``importer.anchor_block``: an empty ``<div id>`` above the heading, where verlag's own id of the
    heading is another, ``importer.settled_anchors``), said in ``notes``, and the rest (a class, a key) is named as left out, at its line of
    ``path``. A heading inside a list or quote keeps
    its text as written (no block of its own above it to hold the anchor); code is never touched."""
    lines = body.split("\n")
    tokens = block_tokens(body, {})
    kept: dict[str, str] = {}
    dropped, inserts = [], []
    searched = 0  # the lines of ``written`` looked through for the headings before (the body's lines moved)
    for n, token in enumerate(tokens):
        if token.type != "heading_open" or not token.map or token.level != 0:
            continue
        at = token.map[0] if token.markup.startswith("#") else token.map[1] - 2  # setext: its last text line
        found = HEADING_ATTRIBUTES_RE.search(lines[at])
        if not found:
            continue
        whole, lines[at] = lines[at], lines[at][:found.start()]
        named = ATTRIBUTE_ID_RE.search(found[1])
        anchor = next((g for g in named.groups() if g), None) if named else None
        text = HEADING_ATTRIBUTES_RE.sub("", tokens[n + 1].content)
        block = anchor_block(anchor) if anchor and anchor not in kept else None
        if block:
            inserts.append((token.map[0], block))
            kept[anchor] = " ".join(text.split())
        if not anchor or ATTRIBUTE_ID_RE.sub("", found[1]).strip("{} \t"):
            line = next((k for k in range(searched, len(written)) if written[k].rstrip() == whole.rstrip()), None)
            searched = line + 1 if line is not None else searched
            dropped.append(f"{found[1]} at {shown_path(path)}" + (f":{first + line}" if line is not None else ""))
    for at, block in reversed(inserts):
        lines[at:at] = [block, ""]
    body, anchor_notes = settled_anchors("\n".join(lines), kept)
    notes += anchor_notes
    if dropped:
        notes.append(f"heading attributes left out (verlag's Markdown has none): {', '.join(dropped)}")
    return body


def _author(front: dict, settings: dict) -> tuple[str | list[str] | None, str | None, int]:
    """(the author's name, or the list of names, the front-matter key it is from, how many names) of ``front`` (its
    keys in lower case; (None, None, 0) for none), where Hugo and Jekyll sites name the writers of a page: ``author``,
    then the taxonomy a Hugo site's ``[taxonomies]`` declares for ``author`` (``authors``: a list of terms even for one,
    https://gohugo.io/configuration/taxonomies/), then ``authors`` (themes read it without a taxonomy too), then
    Hugo's ``params`` table of the page's own parameters (``params.author``, as Hugo's front-matter example has it,
    https://gohugo.io/content-management/front-matter/). Several names stay a list, as verlag's ``author`` takes
    one (``sources.author_names``): joined into one line ("Anna Berger, Tom Lenz"), schema.org and the feeds named
    one person of that name."""
    taxonomies = settings.get("taxonomies")
    declared = [str(v).lower() for k, v in taxonomies.items() if str(k).lower() == "author"] \
        if isinstance(taxonomies, dict) else []
    params = front.get("params")
    params = {f"params.{str(k).lower()}": v for k, v in params.items()} if isinstance(params, dict) else {}
    for key in dict.fromkeys(["author", *declared, "authors", "params.author", "params.authors"]):
        value = (params if key.startswith("params.") else front).get(key)
        names = [" ".join(v.split()) for v in ([value] if isinstance(value, str) else
                                              value if isinstance(value, list) else []) if isinstance(v, str)]
        names = list(dict.fromkeys(n for n in names if n))
        if names:
            return names[0] if len(names) == 1 else names, key, len(names)
    return None, None, 0


def _text(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _words(value) -> list[str]:
    """A list of strings from a list or one string (Jekyll allows ``tags: Tee Leber``: space-separated)."""
    if isinstance(value, str):
        return value.split()
    return [v.strip() for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


# The front-matter keys a date of verlag's is read from (``read_markdown``), and a key's line: its name, its value.
DATE_NAMES = {"updated": ("lastmod", "last_modified_at", "updated"), "publishDate": ("publishdate", "pubdate")}
FRONT_KEY_RE = re.compile(r"""^\s*["']?([\w.-]+)["']?\s*[:=]\s*(.*)$""")


def _date(value, key: str, notes: list[str], zone: dt.tzinfo | None = None,
          refuse: Callable[[str, object], None] | None = None):
    """A ``dt.date`` or aware ``dt.datetime`` as ``sources.read_date`` reads it; a time without offset (a YAML
    timestamp without zone, a TOML local date-time) is in ``zone``, the old site's (its generator reads it so),
    or else UTC. Otherwise ``refuse(key, value)`` (which raises), or without it None and a note."""
    if value is None:
        return None
    try:
        moment = read_date(value)
    except (ValueError, TypeError):
        if refuse is not None:
            refuse(key, value)
        notes.append(f"{key}: {value!r} is not a date verlag reads; add it as YYYY-MM-DD")
        return None
    naive = value.tzinfo is None if isinstance(value, dt.datetime) else \
        isinstance(value, str) and len(value.strip()) > 10 and not _OFFSET.search(value.strip())
    return moment.replace(tzinfo=zone) if zone is not None and naive else moment


_OFFSET = re.compile(r"(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$")


def _zone(name, notes: list[str], fallback: dt.tzinfo | None = None) -> dt.tzinfo | None:
    """The time zone the old site's config names (Jekyll ``timezone``, Hugo ``timeZone``: IANA names such as
    Europe/Berlin, https://jekyllrb.com/docs/configuration/options/, https://gohugo.io/configuration/all/),
    else ``fallback`` (verlag.toml's ``timezone``); an unknown name is noted and counts as none."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not name.strip():
        return fallback
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        notes.append(f"time zone {name!r} of the site's config is unknown: times without a zone are read "
                     + (f"in verlag.toml's timezone {fallback}" if fallback else "as UTC"))
        return fallback

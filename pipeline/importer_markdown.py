"""``verlag import`` of a Markdown file from a static site generator: Hugo or Jekyll front matter.

A file that starts with a ``---`` line (YAML front matter: Jekyll, Hugo, Eleventy) or a ``+++`` line
(TOML front matter: Hugo, read with the standard library's ``tomllib``, TOML 1.0) up to the same line
again is an article whose body is CommonMark already, or HTML in a ``.html`` file (a Jekyll post may be one,
https://jekyllrb.com/docs/posts/), converted as a saved page's is (``importer_html.html_to_markdown``).
Its fields map as the WordPress and web importers
map theirs (``importer.new_article``): ``title``; ``date``; ``lastmod`` (Hugo), ``last_modified_at``
(Jekyll) or ``updated`` as ``updated``; ``description``, ``summary`` or ``excerpt`` as ``summary``;
``tags`` and ``categories`` as ``tags``; ``author``; ``aliases`` (Hugo), ``redirect_from`` (Jekyll), ``url``
and ``permalink`` as old addresses; ``slug`` (the last part of its address in Hugo and in Jekyll's
``:slug`` permalinks) as the article's slug. A Jekyll post's file name, ``_posts/YYYY-MM-DD-slug.md``, gives
its date (front matter ``date`` wins) and slug (front matter ``slug`` wins), and a post in ``_posts/`` without
a ``permalink`` had Jekyll's default address, ``/:categories/:year/:month/:day/:title.html``, offered as an
old address (https://jekyllrb.com/docs/posts/, https://jekyllrb.com/docs/permalinks/); a page below a Hugo site's
``content/`` without ``url`` likewise gets Hugo's default, ``/<sections>/<slug or file name>/``
(https://gohugo.io/content-management/urls/). An article its
generator does not publish (Hugo ``draft: true``, Jekyll ``published: false`` or a file in Jekyll's
``_drafts/`` folder; ``hugo --buildDrafts`` and ``jekyll --unpublished``/``--drafts`` would show them) is
imported with the reason beside its ``draft: true`` and without old addresses (``importer.new_article``).
Shortcodes (Hugo ``{{< >}}``, ``{{% %}}``) and Liquid tags (Jekyll ``{% %}``, ``{{ }}``) have no meaning
outside their generator: they stay as text and the summary names their lines. References:
https://gohugo.io/content-management/front-matter/, https://jekyllrb.com/docs/front-matter/.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import VerlagError
from .importer import (IMAGES_DIR, TAG_ADVICE, ImportedArticle, local_name, new_article,
                       rewrite_destinations)
from .importer_folder import hugo_page
from .segment import TEMPLATE_TAG_RE, commonmark_parser, markdown_template_tags
from .sources import load_front, normalise, read_date

FENCES = {"---": "YAML", "+++": "TOML"}
POST_NAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")  # Jekyll's _posts/YYYY-MM-DD-slug.md
_TOML_LINE = re.compile(r"at line (\d+)")


def front_matter_fence(text: str) -> str | None:
    """``---`` or ``+++`` when ``text`` (decoded, BOM removed) starts with front matter closed by the same line."""
    first, _, rest = text.partition("\n")
    fence = first.rstrip()
    if fence in FENCES and re.search(rf"^{re.escape(fence)}[ \t]*$", rest, re.M):
        return fence
    return None


def read_markdown(path: Path, data: bytes) -> ImportedArticle:
    """The article in a Hugo or Jekyll Markdown file (UTF-8). Raises ``VerlagError`` at the line of front
    matter that is missing (``--kind markdown`` on a file without it), does not parse, holds a value YAML
    cannot construct (``date: 2026-13-45``, said as ``verlag extract`` says it), is not a table of keys,
    or has no ``title``."""
    try:
        text = normalise(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise VerlagError("not UTF-8: save the file as UTF-8", path, data.count(b"\n", 0, exc.start) + 1) from None
    fence = front_matter_fence(text)
    if fence is None:
        raise VerlagError("no front matter: a Markdown file to import starts with a '---' (YAML) or '+++' (TOML) "
                          "line and has the same line again after its keys; import a file without it as "
                          "--kind text", path, 1)
    lines = text.split("\n")
    end = next(n for n in range(1, len(lines)) if lines[n].rstrip() == fence)
    front = "\n".join(lines[1:end])
    meta = _parse(front, fence, path)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise VerlagError(f"no title in the {FENCES[fence]} front matter: add 'title' to it", path, 1)
    notes = [f"{FENCES[fence]} front matter read ({', '.join(sorted(map(str, meta)))})"]
    body, captions = _figures("\n".join(lines[end + 1:]), end + 2, notes)
    tagged = list(dict.fromkeys(line for line, _, _ in markdown_template_tags(body, end + 2)))
    if path.suffix.lower() in (".html", ".htm"):  # Jekyll publishes a post written in HTML as it is
        from .importer_html import html_to_markdown

        body, _, more = html_to_markdown(body)
        notes.append("HTML body converted to Markdown, as a saved page's is")
        notes += [n for n in more if not n.startswith("image left at its old address")]  # _local_images says so
    body, images = _local_images(body, end + 2, path, notes)
    body = _with_captions(body, captions).strip("\n") + "\n"
    if tagged:
        notes.append(f"shortcodes or template tags kept as text ({path}:" + ", ".join(map(str, tagged[:10]))
                     + (" …" if len(tagged) > 10 else "") + f"): {TAG_ADVICE}")
    first = lambda *keys: next((meta[k] for k in keys if meta.get(k) not in (None, "", [])), None)  # noqa: E731
    date, slug = _date(first("date"), "date", notes), _text(first("slug"))
    aliases = _words(first("aliases", "redirect_from")) + _words(first("url", "permalink"))
    where = path.absolute()  # its folders, also when named from inside _posts/, _drafts/ or content/
    dated, unpublished = POST_NAME_RE.match(path.stem), _unpublished(meta, where)
    if dated:
        named = dt.date(*map(int, dated.group(1, 2, 3)))
        if date is None:
            date = named
            notes.append(f"date: {named.isoformat()} from the file name (Jekyll's YYYY-MM-DD-slug)")
        slug = slug or dated.group(4)
        if "_posts" in where.parts and not first("permalink") and unpublished is None:
            default = "/".join(["", *dict.fromkeys(c.lower() for c in _words(first("categories", "category"))),
                                f"{date:%Y/%m/%d}", f"{slug}.html"])
            aliases.append(default)
            notes.append(f"old address {default}: Jekyll's default permalink; change it under 'aliases:' if the "
                         "blog's _config.yml set another 'permalink'")
    hugo = hugo_page(where)  # a Hugo site's content (a folder named content/ elsewhere had no such address)
    if hugo is not None and not dated and not first("url") and unpublished is None:
        default = hugo[1] + _hugo_address(where.relative_to(hugo[0]), slug)
        aliases.append(default)
        notes.append(f"old address {default}: Hugo's default URL; change it under 'aliases:' if the site's config "
                     "set [permalinks]")
    return new_article(
        title.strip(), body, str(path), author=_text(first("author")), date=date,
        updated=_date(first("lastmod", "last_modified_at", "updated"), "updated", notes),
        summary=_text(first("description", "summary", "excerpt")),
        tags=_words(meta.get("tags")) + _words(meta.get("categories")) or None,
        aliases=aliases or None, images=images, notes=notes, slug=slug, unpublished=unpublished)


FIGURE_RE = re.compile(r"^[ \t]*\{\{([<%])\s*figure\s+(.*?)\s*/?\s*[>%]\}\}[ \t]*$", re.M)
FIGURE_PARAM_RE = re.compile(r'(?<!\w)(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)')


def _figures(body: str, first_line: int, notes: list[str]) -> tuple[str, dict[int, list[str]]]:
    """(``body`` with each Hugo ``figure`` shortcode alone on its line written as the CommonMark image it shows
    (``src``, ``alt``; linked to ``link``), the line index -> its ``title`` and ``caption``, which Hugo shows in
    the figure's ``<figcaption>``, https://gohugo.io/shortcodes/figure/). Lines keep their numbers, so that
    later notes name the file's lines; ``_with_captions`` then puts each caption below its image as a
    paragraph, as a WordPress ``[caption]`` becomes (``importer_html``)."""
    captions: dict[int, list[str]] = {}

    def image(match: re.Match) -> str:
        params = {m.group(1).lower(): m.group(2).replace('\\"', '"') if m.group(2) is not None else m.group(3)
                  for m in FIGURE_PARAM_RE.finditer(match.group(2))}
        src = params.get("src", "").strip()
        if not src:
            return match.group(0)
        index = body.count("\n", 0, match.start())
        alt = re.sub(r"([\\\[\]])", r"\\\1", " ".join(params.get("alt", "").split()))
        shown = f"![{alt}]({f'<{src}>' if re.search(r'[ <>()]', src) else src})"
        link = params.get("link", "").strip()
        captions[index] = [" ".join(params[k].split()) for k in ("title", "caption") if params.get(k, "").strip()]
        notes.append(f"line {first_line + index}: Hugo figure {src} as an image"
                     + (" with its caption below it" if captions[index] else ""))
        return f"[{shown}]({link})" if link else shown

    return FIGURE_RE.sub(image, body), captions


def _with_captions(body: str, captions: dict[int, list[str]]) -> str:
    """``body`` with each figure's caption paragraphs (``_figures``) after the line of its image."""
    lines = body.split("\n")
    for index in sorted(captions, reverse=True):
        lines[index + 1:index + 1] = [part for text in captions[index] for part in ("", text)] + \
            ([""] if captions[index] and index + 1 < len(lines) and lines[index + 1].strip() else [])
    return "\n".join(lines)


def _local_images(body: str, first_line: int, path: Path, notes: list[str]) -> tuple[str, dict[Path, str]]:
    """(``body`` with each image found beside the file referenced as ``bilder/<name>``, those image files ->
    their ``<name>``: ``importer.local_name``, one per distinct file).

    An image's relative path is looked up from the file's folder (a Hugo page bundle:
    ``content/posts/holunder/index.md`` beside ``holunder.png``), a site path (``/assets/x.jpg``) in the
    site's folder, the one holding ``_posts``/``_drafts`` (Jekyll) or ``content`` (Hugo, whose site paths
    are files of its ``static/`` folder); a file outside those folders is never taken
    (``importer_html._local_file``). An image that is not found there is noted with its file and line
    (``first_line``: the file line of the body's first line), one with an address is noted as kept there.
    The address is markdown-it's (normalised: ``<Blüte groß.png>`` and ``Blüte%20groß.png`` alike); every
    destination in the body that reads as it is rewritten (``importer.rewrite_destinations``).
    """
    from .importer_html import _local_file

    root = next((folder.parent for folder in path.parents if folder.name in ("_posts", "_drafts", "content")), None)
    images: dict[Path, str] = {}
    renamed: dict[str, str] = {}
    for token in commonmark_parser().parse(body):
        if token.type != "inline" or token.map is None or not token.children:
            continue
        line = first_line + token.map[0]
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            src = str(child.attrs.get("src") or "") if child.type == "image" else ""
            if not src or src in renamed or TEMPLATE_TAG_RE.search(unquote(src)):
                continue
            if urlsplit(src).scheme or src.startswith("//"):
                notes.append(f"image left at its old address: {src}")
                continue
            site = [root / "static", root] if root is not None and src.startswith("/") else []
            found = next(filter(None, (_local_file(src.lstrip("/"), base) for base in [path.parent] + site)), None)
            if found is None:
                notes.append(f"image not found: {src} ({path}:{line}): save it into source_de/{IMAGES_DIR}/ and "
                             f"refer to it as {IMAGES_DIR}/<name>")
                continue
            renamed[src] = local_name(images, found)
    return rewrite_destinations(body, renamed), images


def _hugo_address(rel: Path, slug: str | None) -> str:
    """The address Hugo gives a page at ``rel`` under ``content/`` without ``url`` or ``[permalinks]``: its
    folders, then its ``slug`` or else its file name (a leaf bundle's ``index.md``: its folder's name) without the
    ``.<lang>`` of Hugo's translation by file name (``tee.de.md``: ``tee``), in lower case, spaces as hyphens
    (https://gohugo.io/content-management/urls/, https://gohugo.io/content-management/multilingual/)."""
    folders = list(rel.parts[:-1])
    stem = re.sub(r"\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*$", "", rel.stem)
    name = folders.pop() if stem == "index" and folders else stem
    return ("/" + "/".join([*folders, slug or name]) + "/").lower().replace(" ", "-")


def _unpublished(meta: dict, path: Path) -> str | None:
    """Why Hugo or Jekyll would not publish the file, None when it would."""
    if meta.get("draft") is True:
        return "a draft in Hugo (draft: true)"
    if meta.get("published") is False:
        return "a draft in Jekyll (published: false)"
    if "_drafts" in path.parts:
        return "a draft in Jekyll (_drafts/)"
    return None


def _parse(front: str, fence: str, path: Path) -> dict:
    try:
        meta = tomllib.loads(front) if fence == "+++" else load_front(front, 2, path)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        raise VerlagError(f"invalid TOML front matter: {str(exc).split(' (at')[0]}", path,
                          1 + int(found.group(1)) if found else 1) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise VerlagError(f"{FENCES[fence]} front matter must be 'key = value' or 'key: value' lines", path, 2)
    return meta


def _text(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _words(value) -> list[str]:
    """A list of strings from a list or one string (Jekyll allows ``tags: Tee Leber``: space-separated)."""
    if isinstance(value, str):
        return value.split()
    return [v.strip() for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def _date(value, key: str, notes: list[str]):
    """A ``dt.date`` or aware ``dt.datetime`` as ``sources.read_date`` reads it (a time without offset, a
    TOML local date-time, as UTC); otherwise None and a note."""
    if value is None:
        return None
    try:
        return read_date(value)
    except (ValueError, TypeError):
        notes.append(f"{key}: {value!r} is not a date verlag reads; add it as YYYY-MM-DD")
        return None

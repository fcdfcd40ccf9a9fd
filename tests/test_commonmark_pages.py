"""The site publishes what CommonMark says: every spec example as a German page and as a French one.

The reference is markdown-it-py, the parser segmentation and the QA checks
read. Normalisation before comparing removes only what verlag adds to an
article body: heading ids (``id`` on h2-h6), ``lang`` on German passages and
the ``aria-label`` of footnote back-references; the author's HTML comments are no part of a page
(``comments.without_comments``), so the reference leaves them out too. Page notices (the
machine-translation disclosure) are outside the article body.
"""

from __future__ import annotations

import json
import re

from pipeline.comments import drop_emptied, without_comments
from pipeline.segment import markdown_parser
from pipeline.sources import normalise

from conftest import need_corpus

TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
HEADING_RE = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)
CODE_OR_TAG_RE = re.compile(r"<code>.*?</code>|<[^>]*>|&[a-z]+;|&#\w+;", re.S)
ADDITIONS_RE = re.compile(r'(<h[2-6][^>]*?) id="[^"]*"| lang="de"| aria-label="[^"]*"')


def article_body(page: str) -> str:
    return re.split(r'<div class="article-body"[^>]*>\n', page, maxsplit=1)[1].rsplit("\n</div>\n", 1)[0]


def without_additions(html: str) -> str:
    return ADDITIONS_RE.sub(lambda m: m.group(1) or "", html)


def test_every_example_is_published_as_commonmark_and_translated_with_the_same_elements(project):
    examples = json.loads(need_corpus("commonmark/examples.json").read_text(encoding="utf-8"))
    project.write("verlag.toml", 'name = "T"\nsource_language = "de"\nlanguages = ["fr"]\n'
                                 '[publish]\nunreviewed = "machine"\n')
    for e in examples:
        project.write(f"source_de/ex-{e['id']:03d}.md", "---\ntitle: Beispiel\n---\n" + e["markdown"])
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    project.run("build")
    parser = markdown_parser()  # the document CommonMark reads, its emptied comments left out (README: on no page)
    parser.core.ruler.push("verlag_comments", drop_emptied)
    german_differ, french_differ, french, tags, german_headings = [], [], 0, {}, []
    for e in examples:
        slug = f"ex-{e['id']:03d}"
        german = article_body(project.read(f"site/de/{slug}/index.html"))
        expected = parser.render(without_comments(normalise(e["markdown"]), 0))
        # a link to a .md file no published article answers to is its text (README, article-link): [](./target.md)
        expected = re.sub(r'<a href="[^"]*\.md">(.*?)</a>', r"\1", expected)
        if without_additions(german) != expected:
            german_differ.append(e["id"])
        path = project.root / f"site/fr/{slug}/index.html"
        if path.exists():
            french += 1
            translated = article_body(path.read_text(encoding="utf-8"))
            if TAG_RE.findall(translated) != TAG_RE.findall(german):
                french_differ.append(e["id"])
                tags[e["id"]] = (german, translated)
            for (_, before), (_, after) in zip(HEADING_RE.findall(german), HEADING_RE.findall(translated)):
                if re.search(r"[a-zA-Z]{2}", CODE_OR_TAG_RE.sub("", before)) and after == before \
                        and not re.fullmatch(r"<a [^>]*>[^<]*</a>", before):  # a shortcut reference link's label
                    german_headings.append((e["id"], before))  # a heading with words, left untranslated
    assert german_differ == []
    assert french >= 500 and french_differ == [], [(i, tags[i]) for i in french_differ[:5]]
    assert german_headings == []  # ATX and setext headings alike (a setext heading's text was never extracted)

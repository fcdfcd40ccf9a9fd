"""The site stage's process pool (``--jobs``): bodies rendered by workers, every byte as one process writes it."""

from __future__ import annotations

import polib
import pytest

import pipeline.render
import pipeline.site
from pipeline.errors import VerlagError
from conftest import REPO, Project, article, copy_shipped_project


def _generated(project: Project) -> None:
    """Articles beside the shipped ones with what a body's HTML depends on: links to other articles, the
    original's raw HTML and images (allowance, media), footnotes, nesting, a table."""
    for n in range(5):
        project.write(f"source_de/notiz-{n}.md", article(f"Notiz {n}", f"""\
            Am Tag {n} blühte der Holunder.[^h] Siehe [die Zecken](zecken-im-garten.md) und
            [die nächste Notiz](notiz-{(n + 1) % 5}.md).

            <div class="kasten">Ein Kasten mit <em>Hinweis</em>.</div>

            ![Holunder im Juni](bilder/{"zecke.svg" if n % 2 else "fehlt.svg"})

            - Blüten sammeln
              - nur trockene
                > Im Schatten trocknen.

            | Monat | Ernte |
            |:--|--:|
            | Juni | Blüten |

            [^h]: Sambucus nigra, {n}. Beobachtung.
            """))


def _built(root, jobs: str, parent: list[str], edit) -> tuple[dict[str, bytes], dict[str, bytes]]:
    project = copy_shipped_project(root)
    _generated(project)
    project.run("extract", "--jobs", jobs)
    project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
    project.run("build", "--jobs", jobs)
    first = _site(project)
    edit(project)
    parent.clear()
    project.run("build", "--jobs", jobs)
    return first, _site(project)


def _site(project: Project) -> dict[str, bytes]:
    return {rel: data for rel, data in project.snapshot().items() if rel.startswith("site/")}


def _review_two(project: Project) -> None:
    """The reviewer changes a French sentence in two articles (one would not be worth a pool): the German
    originals' bodies are carried over, the translations' are rendered again against their allowance."""
    for n in (2, 3):
        path = project.root / f"translations/fr/notiz-{n}.po"
        po = polib.pofile(str(path))
        entry = next(e for e in po if e.msgid.startswith(f"Am Tag {n}"))
        entry.msgstr, entry.flags = f"Le jour {n}, le sureau était en fleurs.[^h]", []
        po.save(str(path))


@pytest.fixture
def parent_renders(monkeypatch) -> list[str]:
    """Bodies rendered in the test's own process (workers are forked: their calls land in their copy)."""
    calls: list[str] = []
    real = pipeline.render.render
    monkeypatch.setattr(pipeline.render, "render", lambda body, *args: calls.append(body) or real(body, *args))
    return calls


def test_jobs_1_and_jobs_2_build_the_same_site_bytes(tmp_path, parent_renders):
    built = {}
    for jobs in ("1", "2"):
        parent_renders.clear()
        built[jobs] = _built(tmp_path / jobs, jobs, parent_renders, _review_two)
        cold, edited = built[jobs]
        pages = [rel for rel in cold if rel.count("/") == 3 and rel.endswith("/index.html")]
        changed = sorted(rel for rel in edited if edited[rel] != cold.get(rel))
        if jobs == "1":
            assert len(parent_renders) == 2  # the edited translations, in this process
        else:
            assert len(parent_renders) == 1  # the pool's first article, worked here before the fork; the other's
            # body came from a worker
        assert {"site/fr/notiz-2/index.html", "site/fr/notiz-3/index.html"} <= set(changed)
        assert not any(rel.startswith("site/de/") for rel in changed)
        assert len(pages) > 20 and "le sureau était".encode() in edited["site/fr/notiz-2/index.html"]
    assert built["1"] == built["2"]


def test_a_page_failing_in_a_worker_is_reported_with_its_line_and_the_others_are_built(project: Project, monkeypatch):
    real = pipeline.render.render

    def render(body, *args):
        if "Störfall" in body:  # as render reports a body it cannot show: the line within the body
            raise VerlagError("cannot render this", None, 3)
        return real(body, *args)

    monkeypatch.setattr(pipeline.render, "render", render)  # workers are forked: they fail the same way
    for slug in ("anfang", "mitte", "schluss"):
        project.write(f"source_de/{slug}.md", article(slug.title(), "Ein Satz.\n\nNoch einer.\n\n"
                                                      + ("Ein Störfall.\n" if slug == "mitte" else "")))
    project.run("extract", "--jobs", "2")
    result = project.run("build", "--jobs", "2", code=2)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == ["error: source_de/mitte.md:7: cannot render this"]  # body line 3, after 4 lines of front matter
    assert "Traceback" not in result.output
    assert all((project.root / f"site/de/{slug}/index.html").is_file() for slug in ("anfang", "schluss"))
    assert not (project.root / "site/de/mitte").exists()


def _three(project: Project, marked: tuple[str, ...] = ()) -> None:
    """Articles listed schluss, mitte, anfang (one date: by slug, descending), drafted by pseudo in en and fr
    and published; ``marked`` ones have a sentence "Ein Störfall."."""
    project.write("verlag.toml", project.read("verlag.toml") + '\n[publish]\nunreviewed = "machine"\n')
    for slug in ("anfang", "mitte", "schluss"):
        project.write(f"source_de/{slug}.md", article(slug.title(), "Ein Satz.\n\nNoch einer.\n\n"
                                                      + ("Ein Störfall.\n" if slug in marked else "")))
    project.run("extract", "--jobs", "2")
    for lang in ("en", "fr"):
        project.run("pretranslate", "--engine", "pseudo", "--lang", lang)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pages_failing_in_several_articles_are_reported_in_the_order_the_pages_are_listed(
        project: Project, monkeypatch, jobs):
    """The parent renders an article's pages together, as the pool answers for the article; the problems
    are still reported language by language, as the pages are listed (German, then en, then fr)."""
    real = pipeline.render.render

    def render(body, links, allowance, backlink_title, *args):
        if allowance is not None and "Štöörfááll" in body:  # the sentence as pseudo translates it
            raise VerlagError(f"cannot render ({backlink_title})", None, 3)
        return real(body, links, allowance, backlink_title, *args)

    monkeypatch.setattr(pipeline.render, "render", render)
    _three(project, ("mitte", "schluss"))
    result = project.run("build", "--jobs", jobs, code=2)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: source_de/{slug}.md:7: cannot render ({label})"
                      for label in ("Back to the text", "Retour au texte") for slug in ("schluss", "mitte")]
    assert (project.root / "site/en/anfang/index.html").is_file() and not (project.root / "site/en/mitte").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_of_two_pages_whose_template_fails_the_one_listed_first_is_named(project: Project, jobs):
    """en/schluss is rendered before de/anfang (the pages of an article together), but a serial run over the
    listing meets de/anfang first: that is the page the error names, and site/ is not written."""
    _three(project)
    shipped = (REPO / "templates/article.html").read_text(encoding="utf-8")
    project.write("templates/article.html", shipped.replace(
        "{% block title %}", '{% block title %}{% if (page.lang, page.slug) in [("de", "anfang"), ("en", "schluss")] %}'
                             "{{ 1 / 0 }}{% endif %}", 1))
    result = project.run("build", "--jobs", jobs, code=2)
    assert "(while building site/de/anfang/index.html)" in result.output, result.output
    assert not (project.root / "site").exists()


def test_the_pages_folders_and_files_are_made_while_the_workers_render_and_removed_when_a_template_fails(
        project: Project, monkeypatch):
    """With --jobs 2 the parent makes each article page's folder before it takes the page from the pool, and puts
    the page into a temp file there once it has it, while the workers render the pages after it: writing site/
    afterwards renames them into place (a thousand folders and files made there were most of what a translation's
    Pagefind run waited for, bench/HISTORY.md "Branch pf6"). When a template fails at the last article, the temp
    files and folders made for the pages before it go again: site/ is not written."""
    import os
    import sys

    from pipeline.fsutil import TEMP_RE

    taken, staged = [], []
    real = pipeline.site._article_page

    def article_page(site, bodies, rel, page, errors):
        # the pages the parent takes from the pool; not a worker's templating (nor the first article's, worked
        # before the fork, in the parent)
        if sys._getframe(1).f_code.co_name == "site_outputs":
            path = project.root / "site" / rel
            if taken:  # the page taken before, in a temp file beside its place
                before = project.root / "site" / taken[-1][0]
                staged.extend(name for name in os.listdir(before.parent) if TEMP_RE.match(name))
            taken.append((rel, path.parent.is_dir(), path.exists()))
        return real(site, bodies, rel, page, errors)

    monkeypatch.setattr(pipeline.site, "_article_page", article_page)
    _three(project)
    project.run("build", "--jobs", "2")
    pages = {f"{lang}/{slug}/index.html" for lang in ("de", "en", "fr") for slug in ("anfang", "mitte", "schluss")}
    assert {rel for rel, _, _ in taken} == pages
    assert all(folder and not file for _, folder, file in taken), taken
    assert len(staged) == len(pages) - 1 and all(name.startswith(".index.html.") for name in staged), staged
    assert all((project.root / "site" / rel).is_file() for rel in pages)

    import shutil

    shutil.rmtree(project.root / "site")
    (project.root / ".verlag/site.json").unlink()
    shipped = (REPO / "templates/article.html").read_text(encoding="utf-8")
    project.write("templates/article.html", shipped.replace(
        "{% block title %}", '{% block title %}{% if page.slug == "anfang" %}{{ 1 / 0 }}{% endif %}', 1))
    taken.clear()
    result = project.run("build", "--jobs", "2", code=2)
    assert "(while building site/de/anfang/index.html)" in result.output, result.output
    assert [rel for rel, folder, _ in taken if folder][:2] == ["de/schluss/index.html", "en/schluss/index.html"]
    assert not (project.root / "site").exists()
    assert not [p for p in project.root.rglob("*") if TEMP_RE.match(p.name)]


def test_workers_template_the_pages_whose_bodies_they_render(tmp_path, monkeypatch):
    """With --jobs 2 the parent templates only the pool's first article (worked before the fork): every other
    article page comes templated from a worker, the same bytes as --jobs 1 makes (above), with the dates and
    reading time the indexes and feeds list (``_item``) worked out there too."""
    templated: dict[str, list[str]] = {}
    items: dict[str, list[str]] = {}
    real, real_item = pipeline.site._render, pipeline.site._item
    monkeypatch.setattr(pipeline.site, "_item", lambda site, page: items[jobs].append(page.slug)
                        or real_item(site, page))

    def render(env, name, rel, context):
        if name in ("article.html", "page.html"):
            templated[jobs].append(rel)
        return real(env, name, rel, context)

    monkeypatch.setattr(pipeline.site, "_render", render)  # workers are forked: their calls land in their copy
    for jobs in ("1", "2"):
        templated[jobs], items[jobs] = [], []
        project = copy_shipped_project(tmp_path / jobs)
        _generated(project)
        project.run("extract", "--jobs", jobs)
        project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
        project.run("build", "--jobs", jobs)
    pages = [rel for rel in _site(project) if rel.count("/") == 3 and rel.endswith("/index.html")]
    assert len(pages) > 20 and sorted(f"site/{rel}" for rel in templated["1"]) == sorted(pages)
    first = templated["2"][0].split("/")[1]
    assert sorted(templated["2"]) == sorted(rel for rel in templated["1"] if rel.split("/")[1] == first)
    assert len(items["1"]) == len(pages) and set(items["2"]) == {first}


def test_workers_that_are_not_forked_render_bodies_and_the_parent_templates_every_page(tmp_path, monkeypatch):
    """Outside Linux the workers are spawned: the parent's ``_Site`` (Jinja environments) cannot be sent to
    them, so they render the bodies alone and the parent templates the pages, the same bytes."""
    import multiprocessing

    import pipeline.pool

    built = {}
    for jobs in ("1", "2"):
        project = copy_shipped_project(tmp_path / jobs)
        _generated(project)
        project.run("extract", "--jobs", "1")
        project.run("pretranslate", "--engine", "pseudo", "--lang", "fr")
        monkeypatch.setattr(pipeline.pool, "_start_method", lambda: multiprocessing.get_context("spawn"))
        project.run("build", "--jobs", jobs)
        built[jobs] = _site(project)
    assert len(built["2"]) > 20 and built["1"] == built["2"]


def test_the_links_a_page_shows_as_text_are_found_by_the_workers(tmp_path, monkeypatch):
    """With --jobs 2 the workers that read the German originals' links also find the addresses their pages show as
    text (``refusedlinks``): the parent parses at most the pool's first article (worked before the fork), not every
    article holding a ``javascript:`` after the pool, and build says the same as with --jobs 1."""
    import pipeline.refusedlinks

    parsed: list[str] = []
    real = pipeline.refusedlinks.refused_links
    monkeypatch.setattr(pipeline.refusedlinks, "refused_links",  # workers are forked: their calls land in their copy
                        lambda body, line: parsed.append(body) or real(body, line))
    said = {}
    for jobs in ("1", "2"):
        project = copy_shipped_project(tmp_path / jobs)
        for n in range(4):
            project.write(f"source_de/rezept-{n}.md", article(f"Rezept {n}", f"""
                Ein Rezept für Tag {n}.

                [Rezept {n} ansehen](javascript:alert({n})) oder [das Rezept](https://example.com/{n}/).
                """))
        project.run("extract", "--jobs", jobs)
        parsed.clear()
        output = project.run("build", "--jobs", jobs).output
        said[jobs] = [line for line in output.splitlines() if "shows this link as text" in line]
        here = len([body for body in parsed if "javascript:" in body])
        assert here == 4 if jobs == "1" else here <= 1  # with 2: at most the pool's first article
    assert len(said["1"]) == 4 and said["1"] == said["2"], said

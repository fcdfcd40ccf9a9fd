"""``verlag serve --future``: the preview with the articles dated after today, served by a real ``verlag serve`` on
127.0.0.1 and read by urllib and a headless Chromium, beside the site/ the author uploads. The article is dated in
2099, after any day these tests run on."""

from __future__ import annotations

import gzip
import time
import urllib.error
import urllib.request

import pytest

from conftest import WALL, Project, adopt_example, fill_in_legal_pages, serving

LATER = "---\ntitle: Zeckenimpfung im Frühjahr\ndate: 2099-03-01\n---\nDie Impfung schützt vor FSME.\n"
BANNER = "Vorschau – nicht veröffentlicht"  # the German pages' (site.po); the English ones: "Preview — not published"


@pytest.fixture
def praxis(tmp_path) -> Project:
    """A project as ``init`` makes it, ready to publish offline, with the example article published and one
    scheduled for 2099 (``spaeter``)."""
    project = Project(tmp_path / "praxis")
    project.run("init", "--author", "Anna Berger", "--languages", "en", "--base-url", "https://praxis.example/")
    fill_in_legal_pages(project.root)
    adopt_example(project)
    project.write("verlag.toml", project.read("verlag.toml").replace('["tm", "google"]', '["tm"]'))
    project.write("source_de/spaeter.md", LATER)
    return project


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WALL) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def site_files(project: Project) -> dict[str, bytes]:
    return {p.relative_to(project.root).as_posix(): p.read_bytes()
            for p in sorted((project.root / "site").rglob("*")) if p.is_file()}


def site_text(project: Project) -> str:
    """Every file of site/ as text (pages, feeds, sitemap, search index: its fragments decompressed)."""
    return "\n".join((gzip.decompress(data) if name.endswith(".pf_fragment") else data).decode("utf-8", "replace")
                     for name, data in site_files(project).items())


def test_publish_while_serve_future_runs_leaves_the_scheduled_article_out_of_site_for_good(praxis):
    """Trial: with ``serve --future`` running, ``publish`` exited 0 and serve's next rebuild put the scheduled
    article back into site/, so the upload released it early; check then called its page a published address
    taken down. The preview is built into .verlag/preview/site/: site/ stays byte for byte what publish made,
    with the article in no page, feed, sitemap or search index, and check finds nothing taken down."""
    praxis.run("publish")
    published = site_files(praxis)
    assert "spaeter" not in site_text(praxis)
    for base in serving(praxis.root, "--future"):
        status, page = fetch(f"{base}/de/spaeter/")
        assert status == 200 and "Zeckenimpfung im Frühjahr" in page and BANNER in page
        assert "spaeter" in fetch(f"{base}/sitemap.xml")[1]
        assert site_files(praxis) == published
        praxis.run("publish")
        source = praxis.root / "source_de/spaeter.md"
        source.write_text(LATER + "Sie wirkt drei Jahre lang.\n", encoding="utf-8")
        deadline, page = time.monotonic() + WALL, ""
        while time.monotonic() < deadline and "drei Jahre" not in page:  # the preview rebuilt for the edit
            time.sleep(0.3)
            page = fetch(f"{base}/de/spaeter/")[1]
        assert "drei Jahre" in page
        break
    assert site_files(praxis) == published
    checked = praxis.run("check").output
    assert "taken down" not in checked and "preview" not in checked, checked


def test_the_preview_is_marked_as_one_in_the_browser_and_serve_beside_it_shows_site(praxis, browser):
    """What the author sees: the preview's pages carry a visible "Preview — not published" banner over the
    scheduled article, its home page lists the article; a plain ``serve`` running beside it serves site/, where the
    article is a missing page and no page has the banner."""
    praxis.run("build")
    preview, plain = serving(praxis.root, "--future"), serving(praxis.root, "--no-build")
    try:
        base, site = next(preview), next(plain)
        browser.get(f"{base}/de/spaeter/")
        banner = browser.find_element("css selector", ".preview-banner")
        assert banner.is_displayed() and BANNER in banner.text
        assert "verlag serve --future zeigt auch die Artikel, die nach heute datiert sind" in banner.text
        spoken = "return arguments[0].closest('[lang]').getAttribute('lang')"  # the language a reader's tools take
        assert browser.execute_script(spoken, banner) == "de"  # it said lang="en" on every language's pages
        assert banner.location["y"] < browser.find_element("css selector", "h1").location["y"]
        assert browser.find_element("css selector", "h1").text == "Zeckenimpfung im Frühjahr"
        browser.get(f"{base}/de/")
        assert "Zeckenimpfung im Frühjahr" in browser.find_element("css selector", "main").text
        assert browser.find_element("css selector", ".preview-banner").is_displayed()
        assert fetch(f"{site}/de/spaeter/")[0] == 404
        browser.get(f"{site}/de/")
        assert "Zeckenimpfung" not in browser.find_element("css selector", "main").text
        assert not browser.find_elements("css selector", ".preview-banner")
    finally:
        preview.close()
        plain.close()


def test_serve_future_says_where_it_serves_last_below_the_builds_notes_each_note_prefixed(praxis):
    """A fresh-user trial: the README called "serving the preview …" serve --future's first line, but it is
    printed once the build is done, below its lines (the line above the cursor, where the address is easy to find);
    and the scheduled article's line lacked the ``note:`` every other note has. The address line comes after the
    build's summary and the scheduled article's note, which starts ``note:``, and the server answers at once."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    verlag = str(Path(sys.executable).with_name("verlag"))
    proc = subprocess.Popen([verlag, "-C", str(praxis.root), "serve", "--future", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("serving"):
                break
        assert lines[-1].startswith("serving the preview .verlag/preview/site/ (with the articles dated after "
                                    "today; not for upload: site/ is left as it is) on http://127.0.0.1:"), lines
        assert any(line.startswith("build: ") for line in lines[:-1]), lines
        scheduled = [line for line in lines if "source_de/spaeter.md:" in line]
        assert scheduled == ["note: source_de/spaeter.md:3: scheduled for 2099-03-01, shown in the preview "
                             "(.verlag/preview/site/) only: site/ leaves it out until that day"], lines
        base = lines[-1].split(" on ", 1)[1].split(" ", 1)[0].rstrip("/")
        assert fetch(f"{base}/de/spaeter/")[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=WALL)
    built = praxis.run("build").output
    assert ("note: source_de/spaeter.md:3: scheduled for 2099-03-01: not published before that day; build again on "
            "that day (or later)") in built.splitlines(), built


def test_serve_future_without_build_and_without_a_preview_says_so(praxis):
    """``serve --future --no-build`` before any preview was built: exit 2 naming the folder, nothing served."""
    out = praxis.run("serve", "--future", "--no-build", code=2).output
    assert "error: .verlag/preview/site: no preview to serve: none was built yet; leave out --no-build" in out, out


def test_a_preview_folder_that_is_a_symlink_is_refused_and_nothing_is_written_where_it_points(praxis, tmp_path):
    """``.verlag/preview`` pointing elsewhere (a project unpacked with it): ``build --future`` exits 2 naming it and
    writes neither there nor into site/."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (praxis.root / ".verlag").mkdir()
    (praxis.root / ".verlag/preview").symlink_to(elsewhere)
    out = praxis.run("build", "--future", code=2).output
    assert "error: .verlag/preview: not a folder of the project's own" in out, out
    assert not any(elsewhere.iterdir()) and not (praxis.root / "site").exists()

"""The wheel a site owner installs, tried the way they would: built from this checkout, installed
(not editable) into a fresh virtualenv outside it, and every command run in a project made by ``init``.

Marked ``wheel``: building, creating the virtualenv and installing the dependencies from the
package index take about a minute. It runs with the rest of the suite (CI runs all of pytest);
``-m "not wheel"`` leaves it out of a quick local run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import polib
import pytest

from pipeline import __version__

from conftest import REPO, fill_in_legal_pages, finish_new_article

pytestmark = pytest.mark.wheel


def run(*args, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(map(str, args))}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str, Path]:
    """The wheel built from this checkout, what the build said (``pip wheel -v``), and the copy of the checkout it
    was built from."""
    work = tmp_path_factory.mktemp("build")
    # Build from the files git knows (committed or not, never ignored): a stale *.egg-info of an
    # editable install in the checkout would otherwise lend the build its file list.
    source = work / "source"
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO, env=ENV).stdout
    for rel in (rel for rel in listed.split("\0") if rel and os.path.lexists(REPO / rel)):  # not deleted since
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, source / rel, follow_symlinks=False)
    proc = run(sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--wheel-dir", work / "dist", source,
               cwd=work, env=ENV)
    wheels = sorted((work / "dist").glob("verlag-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0], proc.stdout + proc.stderr, source


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory) -> tuple[Path, dict]:
    """The ``bin`` folder of a fresh virtualenv holding the wheel, and the environment to run it in
    (no PYTHONPATH: nothing may come from the checkout)."""
    work = tmp_path_factory.mktemp("install")
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / "bin"
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", built[0], cwd=work, env=ENV)  # deps from the index
    return bin_dir, ENV


def test_the_build_has_nothing_to_warn_about(built):
    """No deprecated metadata (the license table) and no data folder setuptools would not install."""
    log = built[1]
    assert "Building wheel for verlag" in log
    assert "Warning" not in log, [line for line in log.splitlines() if "Warning" in line]


def test_building_leaves_the_checkout_as_it_was_and_takes_nothing_stale(built, tmp_path):
    """``pip install /path/to/verlag`` builds in the checkout itself: nothing may be left there (setuptools left
    build/ and verlag.egg-info/), least of all a copy a later build takes a module from that was deleted since."""
    source = built[2]
    assert not (source / "build").exists() and not list(source.glob("*.egg-info"))
    (source / "pipeline/tmx.py").unlink()
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", tmp_path, source, cwd=tmp_path,
        env=ENV)
    (wheel,) = tmp_path.glob("verlag-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pipeline/tmx.py" not in names and "pipeline/site.py" in names and "pipeline/templates/review/base.html" \
        in names and "pipeline/translations/en/site.po" in names and "pipeline/translations/en/impressum.po" not in names


def test_the_wheel_carries_its_own_code_and_data(installed):
    bin_dir, env = installed
    proc = run(bin_dir / "python", "-c", "import cli, pipeline, verlag; from pipeline.uistrings import DEFAULT_THEME, "
               "BUILTIN_TRANSLATIONS; print(cli.__file__, pipeline.__file__, verlag.__file__, DEFAULT_THEME, "
               "BUILTIN_TRANSLATIONS, sep='\\n')", cwd=bin_dir, env=env)
    paths = [Path(line) for line in proc.stdout.split()]
    site_packages = bin_dir.parent / "lib"
    assert all(path.is_relative_to(site_packages) and REPO not in path.parents for path in paths), paths
    theme, catalogs = paths[3], paths[4]
    shipped = sorted(p.relative_to(REPO / "templates") for p in (REPO / "templates").rglob("*") if p.is_file())
    assert sorted(p.relative_to(theme) for p in theme.rglob("*") if p.is_file()) == shipped
    assert sorted(p.relative_to(catalogs).as_posix() for p in catalogs.rglob("*") if p.is_file()) == \
        sorted(p.relative_to(REPO / "translations").as_posix() for p in (REPO / "translations").glob("*/site.po"))


def test_every_command_works_in_a_project_made_by_init(installed, tmp_path):
    bin_dir, env = installed
    verlag = bin_dir / "verlag"
    root = tmp_path / "praxis"
    root.mkdir()
    for args in (["init"], ["new", "Zecken im Garten"]):
        run(verlag, *args, cwd=root, env=env)
    fill_in_legal_pages(root)
    imported = run(verlag, "import", REPO / "tests/data/import/seite.html", REPO / "tests/data/import/feed.xml",
                   cwd=root, env=env)  # trafilatura, markdownify and feedparser came with the wheel
    assert "wrote source_de/brennnesseltee-im-fruehjahr.md" in imported.stdout
    finish_new_article(root / "source_de/zecken-im-garten.md")  # the author finishes the article
    article = root / "source_de/willkommen.md"  # and keeps init's example
    article.write_text(article.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    for args in (["extract"], ["pretranslate", "--engine", "pseudo"], ["check"]):
        run(verlag, *args, cwd=root, env=env)
    # Publish the pseudo drafts (with the disclosure), so every edition gets pages in the installed theme.
    config = root / "verlag.toml"
    config.write_text(config.read_text("utf-8").replace('unreviewed = "source"', 'unreviewed = "machine"'), "utf-8")
    build = run(verlag, "build", cwd=root, env=env)
    run(verlag, "review", cwd=root, env=env)
    assert "error" not in build.stdout + build.stderr

    site = root / "site"
    expected = {"index.html", "404.html", "sitemap.xml", "robots.txt", "favicon.ico", "static/style.css",
                "static/chooser.js", "static/favicon.svg", "static/favicon.ico"}
    for lang in ("de", "en", "fr"):
        expected |= {f"{lang}/index.html", f"{lang}/404.html", f"{lang}/feed.xml", f"{lang}/willkommen/index.html",
                     f"{lang}/zecken-im-garten/index.html"}
    made = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert expected <= made, sorted(expected - made)
    assert not (site / "_review").exists()  # the report shows drafts: never in the folder that is uploaded
    report = {f"{lang}/{slug}.html" for lang in ("en", "fr") for slug in ("willkommen", "zecken-im-garten")}
    assert report | {"index.html"} <= {p.relative_to(root / "review").as_posix() for p in (root / "review").rglob("*")}
    assert (site / "static/style.css").read_bytes() == (REPO / "templates/static/style.css").read_bytes()
    # The shipped UI translations were found: the French edition speaks French, and extract kept them.
    assert "nouveaux articles" in (site / "fr/feed.xml").read_text("utf-8")
    for lang in ("de", "fr"):
        po = polib.pofile(str(root / "translations" / lang / "site.po"))
        assert not po.obsolete_entries(), lang
        assert po.percent_translated() == 100, lang


def test_python_m_verlag_is_the_same_command(installed, tmp_path):
    bin_dir, env = installed
    assert run(bin_dir / "python", "-m", "verlag", "--version", cwd=tmp_path, env=env).stdout.split()[-1] == __version__
    run(bin_dir / "python", "-m", "verlag", "-C", tmp_path / "blog", "init", cwd=tmp_path, env=env)
    assert (tmp_path / "blog" / "verlag.toml").is_file()

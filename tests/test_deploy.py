"""What a site owner deploys: file modes a web server running as another user can read, the favicon."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from lxml import html

from conftest import Project, fill_in_legal_pages, finish_new_article

OUTPUTS = ("site", "editions", "translations")


@pytest.fixture
def umask():
    """Set the process umask for one test (as a login shell does); the old one comes back after."""
    previous = os.umask(0o022)
    yield os.umask
    os.umask(previous)


def modes(root: Path, *folders: str) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): stat.S_IMODE(p.stat().st_mode)
            for folder in folders for p in [root / folder, *sorted((root / folder).rglob("*"))]}


def scaffolded(root: Path) -> Project:
    """``init`` -> ``new`` -> ``extract`` -> ``pretranslate --engine pseudo`` -> ``build``."""
    project = Project(root)
    project.run("init")
    fill_in_legal_pages(project.root)
    project.run("new", "Zecken im Garten")
    finish_new_article(project.root / "source_de/zecken-im-garten.md")  # no longer a draft
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    project.write("verlag.toml", project.read("verlag.toml").replace('unreviewed = "source"', 'unreviewed = "machine"'))
    project.run("build")
    return project


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002], ids=lambda mask: f"umask-{mask:03o}")
def test_what_verlag_writes_gets_the_mode_the_umask_gives(umask, tmp_path, mask):
    umask(mask)
    project = scaffolded(tmp_path / "blog")
    found = modes(project.root, *OUTPUTS, "source_de", "templates")
    found.update({name: stat.S_IMODE((project.root / name).stat().st_mode) for name in ("verlag.toml", ".gitignore")})
    assert {"site/en/index.html", "site/static/style.css", "site/sitemap.xml", "editions/en/zecken-im-garten.md",
            "translations/en/zecken-im-garten.po", "source_de/zecken-im-garten.md"} <= set(found)
    wanted = {name: (0o777 if (project.root / name).is_dir() else 0o666) & ~mask for name in found}
    assert found == wanted


def test_under_umask_022_a_web_server_running_as_another_user_can_read_the_site(umask, tmp_path):
    project = scaffolded(tmp_path / "blog")
    for name, mode in modes(project.root, *OUTPUTS).items():
        needed = stat.S_IROTH | (stat.S_IXOTH if (project.root / name).is_dir() else 0)
        assert mode & needed == needed, f"{name}: {oct(mode)}"


def test_a_rewritten_file_keeps_the_mode_its_owner_gave_it(umask, tmp_path):
    project = scaffolded(tmp_path / "blog")
    catalog = project.root / "translations/en/zecken-im-garten.po"
    page = project.root / "site/de/zecken-im-garten/index.html"
    catalog.chmod(0o640)
    page.chmod(0o600)
    before = catalog.read_bytes(), page.read_bytes()
    source = project.root / "source_de/zecken-im-garten.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Text.", "Ein neuer Satz."), encoding="utf-8")
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    project.run("build")
    assert (catalog.read_bytes(), page.read_bytes()) != before  # both really rewritten
    assert stat.S_IMODE(catalog.stat().st_mode) == 0o640
    assert stat.S_IMODE(page.stat().st_mode) == 0o600


def test_a_new_file_is_created_with_the_umask_not_read_and_chmodded_and_its_folder_made_once(umask, tmp_path,
                                                                                             monkeypatch):
    """The site's pages are written by the thousand (1,016 in a two-page build of 500 articles): a new one is
    created as ``open(path, "w")`` creates it, the kernel applying the umask, in a folder made only when missing."""
    umask(0o027)
    calls: dict[str, list] = {"umask": [], "fchmod": [], "mkdir": []}
    real_umask, real_mkdir, real_fchmod = os.umask, os.mkdir, os.fchmod

    def umask_read(mask: int) -> int:
        calls["umask"].append(mask)
        return real_umask(mask)

    def mkdir(path, *args, **kwargs) -> None:  # a folder made, or tried where one exists: ``FileExistsError``
        try:
            real_mkdir(path, *args, **kwargs)
        except FileExistsError:
            calls["mkdir"].append((Path(path), False))
            raise
        calls["mkdir"].append((Path(path), True))

    def fchmod(fd: int, mode: int) -> None:  # the file a temp file ".<name>.<random>.tmp" is renamed to, existing
        tmp = Path(os.readlink(f"/proc/self/fd/{fd}"))
        calls["fchmod"].append((tmp.with_name(tmp.name[1:].rsplit(".", 2)[0]).exists(), mode))
        real_fchmod(fd, mode)

    for name, function in (("umask", umask_read), ("mkdir", mkdir), ("fchmod", fchmod)):
        monkeypatch.setattr(os, name, function)
    project = scaffolded(tmp_path / "blog")
    tried = [(path, made) for path, made in calls["mkdir"]
             if path.is_relative_to(project.root / "site") or path.is_relative_to(project.root / "editions")]
    assert calls["umask"] == [] and calls["fchmod"] and all(existed for existed, _ in calls["fchmod"])
    assert tried and all(made for _, made in tried), [str(path) for path, made in tried if not made]
    assert {name: mode for name, mode in modes(project.root, *OUTPUTS).items() if not (project.root / name).is_dir()} \
        == {name: 0o640 for name in modes(project.root, *OUTPUTS) if not (project.root / name).is_dir()}


def test_every_page_names_a_favicon_that_is_published_and_the_root_has_one(tmp_path):
    project = scaffolded(tmp_path / "blog")
    site = project.root / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 7
    for path in pages:
        icons = html.parse(str(path)).getroot().xpath('//head/link[@rel="icon"]/@href')
        assert len(icons) == 2, path
        assert all((site / href.removeprefix("/")).is_file() for href in icons), (path, icons)
    assert (site / "favicon.ico").read_bytes()[:4] == b"\0\0\1\0"  # an ICO file, where browsers ask first
    assert (site / "favicon.ico").read_bytes() == (site / "static/favicon.ico").read_bytes()


def test_a_project_overrides_the_favicon_with_its_own(tmp_path):
    project = scaffolded(tmp_path / "blog")
    own_svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n'
    project.write("templates/static/favicon.svg", own_svg)
    (project.root / "templates/static/favicon.ico").write_bytes(b"\0\0\1\0own icon")
    project.run("build")
    assert project.read("site/static/favicon.svg") == own_svg
    assert (project.root / "site/favicon.ico").read_bytes() == b"\0\0\1\0own icon"
    assert (project.root / "site/static/favicon.ico").read_bytes() == b"\0\0\1\0own icon"

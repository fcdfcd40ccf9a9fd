"""``verlag import`` of a Jekyll or Hugo site: where its root is, the addresses the old site served (its config's
permalinks and host), links between its posts, and a second import after the author edited the first one's files.
Each site is written as its generator reads it (https://jekyllrb.com/docs/, https://gohugo.io/documentation/)."""

from __future__ import annotations

from pathlib import Path

from conftest import Project


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (path under ``root`` -> text) and return ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def sources(project: Project) -> list[str]:
    root = project.root / "source_de"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


JEKYLL = {
    "_config.yml": 'title: Praxis am Fluss\nurl: "https://praxis-am-fluss.example"\n',
    "index.md": "---\nlayout: home\n---\n",
    "about.md": "---\nlayout: page\ntitle: Über mich\n---\nIch bin Heilpraktikerin.\n",
    "_posts/2023-10-04-linden-tee.md": "---\ntitle: Lindenblütentee\n---\nEr schmeckt mild.\n",
    "_posts/2023-11-12-abendroutine.md": "---\ntitle: Abendroutine\n---\nEin Bad am Abend.\n",
    "_drafts/holunder.md": "---\ntitle: Holundersirup\n---\nNoch nicht fertig.\n",
}


def test_a_jekyll_site_in_a_subfolder_is_read_as_that_site(project, tmp_path):
    """The author's material in one folder, the old Jekyll blog one of its subfolders: its posts are imported
    (not taken as resources of a page bundle), its home page and about page are not."""
    material = tree(tmp_path / "material", {**{f"jekyll/{k}": v for k, v in JEKYLL.items()},
                                            "kopiert.txt": "Kalte Füße\n\nWarme Füße helfen beim Einschlafen.\n"})
    out = project.run("import", str(material)).output
    assert f"  {material / 'jekyll'}/ read as a Jekyll site (_config.yml, _posts/)" in out
    assert f"  skipped {material / 'jekyll/index.md'}: the home page, not an article" in out
    assert "resource of the page bundle" not in out
    assert sources(project) == ["abendroutine.md", "holundersirup.md", "kalte-fuesse.md", "linden-tee.md"]
    assert "- /2023/10/04/linden-tee.html" in project.read("source_de/linden-tee.md")

"""Images and linked files: copied from source_de/ into site/media/ once, every edition points there."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from lxml import html

from conftest import Project, article, copy_shipped_project, need_corpus, need_peer_corpus, review
from pipeline.serve import make_server

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # not valid UTF-8: copied as bytes
PDF = b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n%%EOF\n"

NESSEL = article("Brennnessel", """
    Die Brennnessel wächst am Weg.

    ![Brennnessel am Wegrand](bilder/brennnessel.png "Im Mai")

    Lesen Sie das [Merkblatt (PDF)](dateien/merkblatt.pdf#seite=2).

    Die [Quelle](https://example.org/nessel.png) und die [Übersicht](/blog/de/) bleiben.
    """)
IMAGE = '![Brennnessel am Wegrand](bilder/brennnessel.png "Im Mai")'
LEAFLET = "Lesen Sie das [Merkblatt (PDF)](dateien/merkblatt.pdf#seite=2)."
KEEP = "Die [Quelle](https://example.org/nessel.png) und die [Übersicht](/blog/de/) bleiben."


@pytest.fixture
def garden(project):
    project.write("verlag.toml", project.read("verlag.toml") + '\n[site]\nbase_url = "https://praxis.example/blog/"\n'
                  '\n[publish]\nmin_translated = 0\n')  # the French edition is partly translated on purpose
    project.write("source_de/brennnessel.md", NESSEL)
    (project.root / "source_de/bilder").mkdir()
    (project.root / "source_de/dateien").mkdir()
    (project.root / "source_de/bilder/brennnessel.png").write_bytes(PNG)
    (project.root / "source_de/dateien/merkblatt.pdf").write_bytes(PDF)
    (project.root / "source_de/bilder/anderes.png").write_bytes(PNG[::-1])  # referenced by no German text
    project.run("extract")
    review(project, "en", "brennnessel", {
        ("title", "Brennnessel"): "Nettle", "Die Brennnessel wächst am Weg.": "Nettles grow by the path.",
        IMAGE: '![Nettles by the path](bilder/brennnessel.png "In May")',
        LEAFLET: "Read the [leaflet (PDF)](dateien/merkblatt.pdf#seite=2).",
        KEEP: "The [source](https://example.org/nessel.png) and the [overview](/blog/de/) stay.",
    })
    review(project, "fr", "brennnessel", {"Die Brennnessel wächst am Weg.": "L'ortie pousse au bord du chemin."})
    # changed destinations, published anyway: the reviewer silenced the link-target check
    review(project, "fr", "brennnessel", {
        IMAGE: '![Orties au bord du chemin](bilder/anderes.png "En mai")',  # a file German does not use
        LEAFLET: "Lisez la [fiche (PDF)](dateien/merkblatt.pdf?v=1#seite=2).",
    }, silence=("link-target",))
    return project


def body(project, lang: str):
    return html.fromstring(project.read(f"site/{lang}/brennnessel/index.html")).xpath('//div[@class="article-body"]')[0]


def written(output: str) -> set[str]:
    return set(re.findall(r"^wrote (site/\S+)$", output, re.M))


def test_referenced_files_are_copied_once_and_every_edition_points_there(garden):
    output = garden.run("build").output
    assert (garden.root / "site/media/bilder/brennnessel.png").read_bytes() == PNG
    assert (garden.root / "site/media/dateien/merkblatt.pdf").read_bytes() == PDF
    assert sorted(p.relative_to(garden.root / "site/media").as_posix()
                  for p in (garden.root / "site/media").rglob("*") if p.is_file()) == \
        ["bilder/brennnessel.png", "dateien/merkblatt.pdf"]
    assert "warning" not in output
    de, en, fr = body(garden, "de"), body(garden, "en"), body(garden, "fr")
    assert de.xpath("//img/@src") == en.xpath("//img/@src") == ["/blog/media/bilder/brennnessel.png"]
    assert de.xpath("//img/@alt") == ["Brennnessel am Wegrand"] and en.xpath("//img/@alt") == ["Nettles by the path"]
    leaflet = "/blog/media/dateien/merkblatt.pdf#seite=2"
    assert de.xpath(".//a/@href") == [leaflet, "https://example.org/nessel.png", "/blog/de/"]
    assert en.xpath(".//a/@href") == de.xpath(".//a/@href")
    # fr keeps the leaflet's path (query kept); its own image path reaches nothing the German does not reference
    assert fr.xpath(".//a/@href")[0] == "/blog/media/dateien/merkblatt.pdf?v=1#seite=2"
    assert fr.xpath("//img/@src") == ["bilder/anderes.png"]
    assert not (garden.root / "site/media/bilder/anderes.png").exists()


def test_a_no_op_build_writes_nothing_and_an_edited_image_rewrites_only_its_copy(garden):
    garden.run("build")
    assert written(garden.run("build").output) == set()
    (garden.root / "source_de/bilder/brennnessel.png").write_bytes(PNG + b"more")
    assert written(garden.run("build").output) == {"site/media/bilder/brennnessel.png"}
    assert (garden.root / "site/media/bilder/brennnessel.png").read_bytes() == PNG + b"more"


def test_a_reference_removed_from_the_german_removes_the_copy(garden):
    garden.run("build")
    garden.write("source_de/brennnessel.md", NESSEL.replace(LEAFLET, "Lesen Sie das Merkblatt."))
    output = garden.run("build").output
    assert "removed site/media/dateien/merkblatt.pdf" in output
    assert not (garden.root / "site/media/dateien/merkblatt.pdf").exists()
    assert (garden.root / "site/media/bilder/brennnessel.png").read_bytes() == PNG
    assert not any("merkblatt" in href for lang in ("de", "en") for href in body(garden, lang).xpath(".//a/@href"))


def test_a_missing_file_warns_with_file_and_line_and_keeps_the_link(garden):
    garden.write("source_de/brennnessel.md", NESSEL + "\nDas [Rezept](dateien/rezept.pdf) fehlt noch, "
                 "[dieser Beitrag](brennnessel) nicht.\n")
    garden.run("extract")  # the catalogs match the German: no warning of theirs beside the file's
    output = garden.run("build").output
    line = (NESSEL + "\n").count("\n") + 1
    assert output.count("warning") == 1  # a link to an article by its slug is no file
    warning = f"warning: source_de/brennnessel.md:{line}: 'dateien/rezept.pdf': no such file in source_de/"
    assert warning in output
    # trial 15: "the link is kept" did not say what a reader gets of a missing image (a relative src that 404s)
    assert (f"{warning}; the page keeps the address, which answers 'not found': readers get a broken image (its "
            "alt text) or a dead link; add the file or correct the path") in output
    assert warning in garden.run("build").output  # every build says so, until the file is there
    assert "dateien/rezept.pdf" in body(garden, "de").xpath(".//a/@href")
    (garden.root / "source_de/dateien/rezept.pdf").write_bytes(PDF)  # the author adds it: the page follows
    output = garden.run("build").output
    assert "warning" not in output and "site/de/brennnessel/index.html" in written(output)
    assert "/blog/media/dateien/rezept.pdf" in body(garden, "de").xpath(".//a/@href")


NFC, NFD = (unicodedata.normalize(form, "bilder/bäume.png") for form in ("NFC", "NFD"))


def test_an_image_saved_with_a_decomposed_name_is_published_under_the_name_the_page_links(garden):
    """macOS's HFS+ and many zip tools store ``bäume.png`` decomposed (NFD); the author types it composed (NFC),
    which the file system calls another name: the build warned of no such file and the page showed a broken image.
    It is found whatever the normalization, and published under the name the page links."""
    assert NFC != NFD
    garden.write("source_de/brennnessel.md", NESSEL + f"\n![Bäume am Weg]({NFC})\n")
    (garden.root / "source_de" / NFD).write_bytes(PNG)
    garden.run("extract")
    output = garden.run("build").output
    assert "warning" not in output and "error" not in output, output
    src = [s for s in body(garden, "de").xpath("//img/@src") if "brennnessel" not in s]
    assert len(src) == 1 and urllib.parse.unquote(src[0]) == f"/blog/media/{NFC}", src
    assert (garden.root / "site/media" / NFC).read_bytes() == PNG
    assert not (garden.root / "site/media" / NFD).exists()


def test_the_site_s_social_image_saved_with_a_decomposed_name_is_published_under_the_name_verlag_toml_gives(garden):
    """``[site] image = "bilder/bäume.png"`` typed composed, the file saved decomposed (on a Mac): 'does not exist',
    and the site was not built at all. It is found and published under the name the setting gives; two files whose
    names differ only so are an error at the setting naming both."""
    toml = garden.read("verlag.toml").replace('base_url = "https://praxis.example/blog/"\n',
                                              f'base_url = "https://praxis.example/blog/"\nimage = "{NFC}"\n')
    garden.write("verlag.toml", toml)
    (garden.root / "source_de" / NFD).write_bytes(PNG)
    output = garden.run("build").output
    assert "error" not in output, output
    assert (garden.root / "site/media" / NFC).read_bytes() == PNG
    page = html.fromstring(garden.read("site/en/index.html"))
    assert [urllib.parse.unquote(url) for url in page.xpath('//meta[@property="og:image"]/@content')] == \
        [f"https://praxis.example/blog/media/{NFC}"]
    (garden.root / "source_de" / NFC).write_bytes(PNG[::-1])
    at = toml.splitlines().index(f'image = "{NFC}"') + 1
    output = garden.run("build", code=2).output
    assert (f"verlag.toml:{at}: image: names 2 files, source_de/{NFC} (NFC) and source_de/{NFD} (NFD), whose names "
            "differ only in their Unicode normalization") in output, output


def test_two_files_differing_only_in_normalization_are_an_error_naming_both(garden):
    """Two files ``bäume.png`` side by side, one composed and one decomposed: which one the reference means
    cannot be told, so neither is published and the error names both at the reference's line; a reference to a
    file that is missing under any normalization is still a warning."""
    garden.write("source_de/brennnessel.md", NESSEL + f"\n![Bäume am Weg]({NFC})\n\n![Gras](bilder/grün.png)\n")
    (garden.root / "source_de" / NFD).write_bytes(PNG)
    (garden.root / "source_de" / NFC).write_bytes(PNG[::-1])
    garden.run("extract")
    result = garden.run("build", code=2)
    line = (NESSEL + "\n").count("\n") + 1
    assert (f"error: source_de/brennnessel.md:{line}: 'bilder/b%C3%A4ume.png' names 2 files, source_de/{NFC} (NFC) "
            f"and source_de/{NFD} (NFD), whose names differ only in their Unicode normalization") in result.output, \
        result.output
    assert f"source_de/brennnessel.md:{line + 2}: 'bilder/gr%C3%BCn.png': no such file in source_de/" in result.output
    assert not (garden.root / "site/media" / NFC).exists()


def test_two_files_differing_only_in_case_are_warned_of_at_both_references_by_check_and_build(garden):
    """``Foto.png`` and ``foto.png`` both published to site/media/: on a web host or a macOS/Windows checkout
    that ignores case they are one file, one overwriting the other. check and build said nothing; both warn at
    each reference's line."""
    garden.write("source_de/brennnessel.md", NESSEL + "\n![Groß](bilder/Foto.png)\n\n![Klein](bilder/foto.png)\n")
    (garden.root / "source_de/bilder/Foto.png").write_bytes(PNG)
    (garden.root / "source_de/bilder/foto.png").write_bytes(PNG[::-1])
    garden.run("extract")
    line = (NESSEL + "\n").count("\n") + 1
    for output in (garden.run("check").output, garden.run("build").output):
        for at, rel, other in ((line, "bilder/Foto.png", "bilder/foto.png"),
                               (line + 2, "bilder/foto.png", "bilder/Foto.png")):
            assert (f"warning: source_de/brennnessel.md:{at}: '{rel}': media/{rel} and media/{other} differ only in "
                    "case: on a web host or a checkout that ignores case") in output, output
    assert "media-case" in garden.run("check").output


def test_the_site_s_social_image_differing_only_in_case_from_a_referenced_file_is_warned_of(garden):
    """``[site] image = "bilder/Brennnessel.png"`` (the social preview of pages without an image) beside the
    ``bilder/brennnessel.png`` an article shows: both published to media/, one overwriting the other where case is
    ignored, and the media-case warning looked at the articles' references only. Both places are named."""
    toml = garden.read("verlag.toml").replace('base_url = "https://praxis.example/blog/"\n',
                                              'base_url = "https://praxis.example/blog/"\nimage = "bilder/Brennnessel.png"\n')
    garden.write("verlag.toml", toml)
    (garden.root / "source_de/bilder/Brennnessel.png").write_bytes(PNG[::-1])
    at = toml.splitlines().index('image = "bilder/Brennnessel.png"') + 1
    line = NESSEL.splitlines().index(IMAGE) + 1
    for output in (garden.run("check").output, garden.run("build").output):
        assert (f"warning: source_de/brennnessel.md:{line}: 'bilder/brennnessel.png': media/bilder/brennnessel.png and "
                "media/bilder/Brennnessel.png differ only in case") in output, output
        assert (f"warning: verlag.toml:{at}: 'bilder/Brennnessel.png': media/bilder/Brennnessel.png and "
                "media/bilder/brennnessel.png differ only in case") in output, output
    assert "media-case" in garden.run("check").output


def published_secret(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and b"secret" in p.read_bytes()]


def test_a_path_leaving_source_de_is_refused_and_that_article_is_not_published(garden):
    garden.write("geheim.txt", "secret\n")
    garden.write("source_de/brennnessel.md", NESSEL.replace("dateien/merkblatt.pdf", "../geheim.txt"))
    output = garden.run("build", code=2).output
    line = NESSEL.split("\n").index(LEAFLET) + 1
    assert f"error: source_de/brennnessel.md:{line}: '../geheim.txt#seite=2' leaves source_de/" in output
    site = garden.root / "site"
    assert (site / "de/index.html").is_file()  # the rest of the site is built
    assert not (site / "de/brennnessel").exists() and published_secret(site) == []
    assert "brennnessel" not in (site / "de/index.html").read_text(encoding="utf-8")


def test_a_symlink_leading_out_of_source_de_is_refused(garden):
    garden.write("geheim.txt", "secret\n")
    os.symlink(garden.root / "geheim.txt", garden.root / "source_de/dateien/link.pdf")
    garden.write("source_de/brennnessel.md", NESSEL.replace("merkblatt.pdf", "link.pdf"))
    output = garden.run("build", code=2).output
    assert "'dateien/link.pdf#seite=2' is a symlink that leads out of source_de/" in output
    assert not (garden.root / "site/de/brennnessel").exists() and published_secret(garden.root / "site") == []


@pytest.mark.parametrize("name, said", [("geheim.jpg", "'geheim.jpg' is a symlink that leads out of source_de/"),
                                         ("weg.jpg", "'weg.jpg': no such file in source_de/")])
def test_an_image_and_a_link_to_one_refused_file_on_one_line_are_said_once(garden, name: str, said: str):
    """Trial 28: ``![Bild](geheim.jpg) und [Datei](geheim.jpg)``, the file a symlink out of source_de/, had check and
    build print the identical error twice, and a file that is not there the identical warning twice."""
    garden.write("geheim.txt", "secret\n")
    os.symlink(garden.root / "geheim.txt", garden.root / "source_de/geheim.jpg")
    garden.write("source_de/tee.md", article("Tee", f"Tee wärmt.\n\nSiehe ![Bild]({name}) und [Datei]({name}).\n"))
    for command in ("check", "build"):
        output = garden.run(command, code=2 if name == "geheim.jpg" else 0).output
        assert output.count(f"source_de/tee.md:7: {said}") == 1, output


def test_every_file_url_on_the_pages_serves_the_file_over_http(garden):
    """Names with spaces and umlauts too: the URL in the page is escaped, the copy keeps the real name."""
    (garden.root / "source_de/bilder/Brücke klein.png").write_bytes(PNG[:40])
    garden.write("source_de/brennnessel.md", NESSEL + "\n![Brücke](bilder/Br%C3%BCcke%20klein.png)\n")
    garden.run("build")
    assert (garden.root / "site/media/bilder/Brücke klein.png").read_bytes() == PNG[:40]
    server = make_server(garden.root / "site", 0, "/blog/", ("de", "en", "fr"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        got = {}
        for lang in ("de", "en"):
            page = body(garden, lang)
            for url in page.xpath("//img/@src") + page.xpath(".//a/@href"):
                if url.startswith("/blog/media/"):
                    with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{url}") as response:
                        got[url] = (response.headers["Content-Type"], response.read())
    finally:
        server.shutdown()
        server.server_close()
    assert got == {
        "/blog/media/bilder/brennnessel.png": ("image/png", PNG),
        "/blog/media/dateien/merkblatt.pdf#seite=2": ("application/pdf", PDF),
        "/blog/media/bilder/Br%C3%BCcke%20klein.png": ("image/png", PNG[:40]),
    }


def test_a_language_variant_of_a_file_is_used_in_its_edition_and_the_original_elsewhere(garden):
    (garden.root / "source_de/bilder/brennnessel.en.png").write_bytes(PNG + b"english labels")
    (garden.root / "source_de/dateien/merkblatt.en.pdf").write_bytes(PDF + b"english")
    (garden.root / "source_de/bilder/brennnessel.es.png").write_bytes(PNG)  # no such edition: not copied
    garden.run("build")
    media = garden.root / "site/media"
    assert (media / "bilder/brennnessel.en.png").read_bytes() == PNG + b"english labels"
    assert (media / "bilder/brennnessel.png").read_bytes() == PNG
    assert not (media / "bilder/brennnessel.es.png").exists()
    assert body(garden, "en").xpath("//img/@src") == ["/blog/media/bilder/brennnessel.en.png"]
    assert body(garden, "en").xpath(".//a/@href")[0] == "/blog/media/dateien/merkblatt.en.pdf#seite=2"
    assert body(garden, "de").xpath("//img/@src") == ["/blog/media/bilder/brennnessel.png"]
    assert body(garden, "de").xpath(".//a/@href")[0] == "/blog/media/dateien/merkblatt.pdf#seite=2"
    english = html.fromstring(garden.read("site/en/brennnessel/index.html"))
    assert english.xpath('//meta[@property="og:image"]/@content') == \
        ["https://praxis.example/blog/media/bilder/brennnessel.en.png"]
    (garden.root / "source_de/bilder/brennnessel.en.png").unlink()  # the variant withdrawn: the original again
    garden.run("build")
    assert body(garden, "en").xpath("//img/@src") == ["/blog/media/bilder/brennnessel.png"]
    assert not (media / "bilder/brennnessel.en.png").exists()


STALE = "warning: source_de/bilder/brennnessel.en.png:1: source_de/bilder/brennnessel.png changed after this en " \
        "version was made from it; update it, or sign it off: delete the line of bilder/brennnessel.png in " \
        "translations/en/variants.sha256, run verlag extract [image-variant]"


def git(*args: str, cwd: Path) -> str:
    assert shutil.which("git"), "git is required"
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def commit_and_clone(project, clone: Path) -> Project:
    """Commit the project as it is and give a fresh ``git clone`` of it. Its files' modification times are
    set one second apart in path order, as a checkout writes them on a file system with fine timestamps
    (on a coarse one they may all be equal): ``bilder/x.en.png`` before ``bilder/x.png``."""
    if not (project.root / ".git").exists():
        git("init", "-q", cwd=project.root)
    git("add", "-A", cwd=project.root)
    git("commit", "-q", "--allow-empty", "-m", "edit", cwd=project.root)
    git("clone", "-q", str(project.root), str(clone), cwd=project.root.parent)
    for n, path in enumerate(sorted(p for p in (clone / "source_de").rglob("*") if p.is_file())):
        os.utime(path, (1_700_000_000 + n, 1_700_000_000 + n))
    return Project(clone)


def test_check_warns_when_the_german_file_changed_after_its_language_variant_was_made(garden):
    original = garden.root / "source_de/bilder/brennnessel.png"
    variant = garden.root / "source_de/bilder/brennnessel.en.png"
    variant.write_bytes(PNG + b"english labels")
    first = garden.run("extract").output
    assert "translations/en/variants.sha256" in first
    assert "note: translations/en/variants.sha256 is new: its variants count as made from" in first
    assert "is new" not in garden.run("extract").output
    os.utime(variant, (1_700_000_000, 1_700_000_000))  # older than the German file: no matter, same content
    assert "image-variant" not in garden.run("check").output
    original.write_bytes(PNG + b"a new arrow")
    assert STALE in garden.run("check").output
    status = json.loads(garden.run("status", "--format", "json", "--lang", "en").output)
    assert status["languages"][0]["warnings"] == 1, "status counts what check reports"
    garden.run("extract")  # the author's next extract does not sign the variant off
    assert STALE in garden.run("check").output
    variant.write_bytes(PNG + b"english labels, new arrow")  # remade: silent at once, recorded by extract
    assert "image-variant" not in garden.run("check").output
    garden.run("extract")
    original.write_bytes(PNG + b"a newer arrow")
    assert STALE in garden.run("check").output
    record = garden.root / "translations/en/variants.sha256"  # signed off unchanged: the German line deleted
    record.write_text("".join(line for line in record.read_text().splitlines(keepends=True)
                              if not line.endswith("  bilder/brennnessel.png\n")))
    garden.run("extract")
    assert "image-variant" not in garden.run("check").output
    (garden.root / "source_de/bilder/brennnessel.en.png").unlink()
    assert "removed translations/en/variants.sha256" in garden.run("extract").output
    assert not record.exists()


@pytest.mark.parametrize("forms", [("NFD", "NFD"), ("NFC", "NFD"), ("NFD", "NFC")])
def test_a_variant_saved_with_a_decomposed_name_is_recorded_and_warned_of_when_its_german_file_changes(garden, forms):
    """``bäume.png`` and ``bäume.en.png`` saved on a Mac (decomposed, NFD), either or both, referenced composed: the
    record held their names as saved, which the composed reference never matched (and a composed German file was no
    original of a decomposed variant, so it was not recorded): the German file changed and check said nothing."""
    german, english = (unicodedata.normalize(form, name) for form, name in zip(forms, ("bäume.png", "bäume.en.png")))
    garden.write("source_de/brennnessel.md", NESSEL + f"\n![Bäume am Weg]({NFC})\n")
    (garden.root / "source_de/bilder" / german).write_bytes(PNG)
    (garden.root / "source_de/bilder" / english).write_bytes(PNG + b"english labels")
    garden.run("extract")
    record = (garden.root / "translations/en/variants.sha256").read_text(encoding="utf-8")
    assert f"  bilder/{german}\n" in record and f"  bilder/{english}\n" in record, record  # as sha256sum -c finds them
    assert "image-variant" not in garden.run("check").output
    (garden.root / "source_de/bilder" / german).write_bytes(PNG + b"a new arrow")
    output = garden.run("check").output
    assert (f"warning: source_de/{unicodedata.normalize('NFC', 'bilder/bäume.en.png')}:1: source_de/{NFC} changed "
            "after this en version was made from it") in output, output


def test_variants_are_compared_by_content_in_git_clones(garden, tmp_path):
    variant = garden.root / "source_de/bilder/brennnessel.en.png"
    variant.write_bytes(PNG + b"english labels")
    garden.run("extract")
    assert "image-variant" not in commit_and_clone(garden, tmp_path / "clone1").run("check").output
    (garden.root / "source_de/bilder/brennnessel.png").write_bytes(PNG + b"a new arrow")
    garden.run("extract")
    assert STALE in commit_and_clone(garden, tmp_path / "clone2").run("check").output
    variant.write_bytes(PNG + b"english labels, new arrow")
    garden.run("extract")
    assert "image-variant" not in commit_and_clone(garden, tmp_path / "clone3").run("check").output


def test_a_fresh_clone_of_the_shipped_project_has_no_outdated_variant(tmp_path):
    shipped = copy_shipped_project(tmp_path / "shipped")
    assert (shipped.root / "source_de/bilder/zecke.en.svg").exists()
    clone = commit_and_clone(shipped, tmp_path / "clone")
    assert "image-variant" not in clone.run("check").output
    assert "variants.sha256" not in clone.run("extract").output  # the committed record is up to date


def test_a_damaged_record_or_an_unreadable_article_costs_no_table(garden):
    variant = garden.root / "source_de/bilder/brennnessel.en.png"
    variant.write_bytes(PNG + b"english labels")
    garden.run("extract")
    record = garden.root / "translations/en/variants.sha256"
    record.write_bytes(record.read_bytes() + b"# \xc4nderung in Latin-1\n")  # a line no UTF-8 reader takes
    (garden.root / "source_de/bilder/brennnessel.png").write_bytes(PNG + b"a new arrow")
    assert STALE in garden.run("check").output, "the damaged line is skipped, the others still count"
    garden.write("source_de/tief.md", "---\ntitle: Tief\ndate: 2026-01-01\n---\nEin Satz.\n\n"
                 + "".join("  " * i + "- Punkt\n" for i in range(15)))  # nests deeper than CommonMark reads
    result = garden.run("status", code=2)
    assert "error: source_de/tief.md:16: lists and block quotes nest too deep" in result.output
    assert re.search(r"en +brennnessel .* 0E 1W", result.output), "the other articles' variants still count"
    assert "internal error" not in result.output


def _through_the_cache(art):
    """The article's segmentation as ``doccache`` stores it in JSON and reads it back."""
    from pipeline import doccache
    from pipeline.segment import segment_article

    doc = segment_article(art)
    return doccache._decode(art, *(json.loads(json.dumps(part)) for part in (doccache._head("", doc),
                                                                            doccache._slots(doc))))


def _same_references(texts: list[str], tmp_path: Path) -> int:
    """Asserts that each article text's references read from its stored segmentation are those a parse of
    it finds (URLs, order and file lines); returns how many were read from stored blocks (not footnotes)."""
    from pipeline.media import references
    from pipeline.sources import read_article

    path = tmp_path / "beispiel.md"
    stored = 0
    for text in texts:
        path.write_text(text, encoding="utf-8")
        art = read_article(path, "source_de/beispiel.md")
        doc = _through_the_cache(art)
        assert references(art, doc) == references(art), text
        stored += doc.links is not None
    return stored


def test_references_from_the_stored_segmentation_are_a_parse_s_on_commonmark_examples_and_shipped_articles(tmp_path):
    """One CommonMark reading: the site's link scan takes the blocks that may hold a link from what ``extract``
    stored, and finds every link and image a parse of the whole article finds, at the same file line."""
    examples = json.loads(need_corpus("commonmark/examples.json").read_text(encoding="utf-8"))
    shipped = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "source_de").rglob("*.md"))]
    made = [NESSEL, article("Zeilen", """
        > Ein [Link über
        > zwei Zeilen](dateien/a.pdf) im Zitat, <https://example.org/x> und ![Bild][b].

        - Liste mit [Verweis][] und `[kein](link.pdf)`
          und [noch einem](b.pdf "Titel
          auf zwei Zeilen").

        | A | B |
        |---|---|
        | [c](c.pdf) | ![d](d.png) |

        [b]: bilder/b.png
        [verweis]: <dateien/v w.pdf>
        """)]
    stored = _same_references([f"---\ntitle: Beispiel\n---\n{e['markdown']}" for e in examples] + shipped + made,
                              tmp_path)
    assert stored > len(examples)  # the stored blocks were read, not only the fallback of footnote articles


def test_references_from_the_stored_segmentation_are_a_parse_s_on_the_peer_corpus(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in need_peer_corpus()]
    assert _same_references(texts, tmp_path) > 100


def test_the_site_s_link_scan_reads_the_stored_links_without_decoding_the_segments(garden, monkeypatch):
    """The link scan reads only the links the segmentation file keeps (``doccache.stored_links``): the
    segments and slots, which the editions stage decodes in its own processes, are not decoded for it."""
    from pipeline import doccache

    garden.write("source_de/brennnessel.md", NESSEL + "\nDas [Rezept](dateien/rezept.pdf) fehlt.\n")
    garden.run("extract")
    garden.run("build", "--jobs", "1")
    (garden.root / ".verlag/site.json").unlink()  # the scan's own cache, so the scan runs again
    decoded = []
    real = doccache._decode
    monkeypatch.setattr(doccache, "_decode", lambda art, data: decoded.append(art.slug) or real(art, data))
    result = garden.run("build", "--jobs", "1")
    assert "'dateien/rezept.pdf'" in result.output  # the link was found, in the stored blocks
    assert decoded == []


def test_the_site_reads_the_links_from_the_segmentation_extract_stored(garden, monkeypatch):
    """After ``extract`` the build's link scan parses no German original again; a damaged segmentation file
    is passed over (the original is parsed), and the warnings are the same either way."""
    from pipeline import segment

    garden.write("source_de/brennnessel.md", NESSEL + "\nDas [Rezept](dateien/rezept.pdf) fehlt.\n")
    garden.run("extract")
    parsed = []
    real = segment.article_tokens
    monkeypatch.setattr(segment, "article_tokens", lambda art, *args: parsed.append(art.slug) or real(art, *args))
    warning = f"warning: source_de/brennnessel.md:{(NESSEL + chr(10)).count(chr(10)) + 1}: 'dateien/rezept.pdf'"
    assert warning in garden.run("build", "--jobs", "1").output
    assert parsed == []
    (garden.root / ".verlag/site.json").unlink()  # the scan's own cache, so the scan runs again
    (garden.root / ".verlag/segments/brennnessel.json").write_text("{damaged", encoding="utf-8")
    assert warning in garden.run("build", "--jobs", "1").output
    assert "brennnessel" in parsed


def test_the_link_scan_normalises_each_destination_once_per_process(tmp_path, monkeypatch):
    """The site's link scan parses every block that may hold a link; the peer corpus's 13,000 links have 3,300
    distinct destinations, and mdurl's normalisation of one was a third of the scan's time. The same address in
    three blocks (and a second scan of the article) is normalised once, and still found at each line."""
    from markdown_it.common import normalize_url

    from pipeline.media import references
    from pipeline.sources import read_article

    seen: list[str] = []
    normalise = normalize_url.normalizeLink
    monkeypatch.setattr(normalize_url, "normalizeLink", lambda url: seen.append(url) or normalise(url))
    address = f"https://example.org/{tmp_path.name}/Seite mit Ümlaut"
    path = tmp_path / "beispiel.md"
    path.write_text(f"---\ntitle: Beispiel\n---\n[Eins](<{address}>)\n\n[Zwei](<{address}>)\n\n"
                    f"- [Drei](<{address}>)\n", encoding="utf-8")
    art = read_article(path, "source_de/beispiel.md")
    doc = _through_the_cache(art)
    found = references(art, doc) + references(art, doc)
    wanted = normalise(address)
    assert found == [(wanted, 4), (wanted, 6), (wanted, 8)] * 2
    assert seen.count(address) == 1


def test_the_page_render_does_not_normalise_again_what_the_link_scan_normalised(tmp_path, monkeypatch):
    """The site's link scan (``link_blocks``) and the page render parse the German original with two parsers; the
    normalised destinations are remembered for the process, not per parser, so the render of the page after the
    scan normalises none of its addresses again (each took mdurl's parse, encode and punycode: a cold one-job
    build of 100 articles -1.8 % instructions). The page's link is the one the scan found."""
    from markdown_it.common import normalize_url

    from pipeline.media import references
    from pipeline.render import render
    from pipeline.sources import read_article

    seen: list[str] = []
    normalise = normalize_url.normalizeLink
    monkeypatch.setattr(normalize_url, "normalizeLink", lambda url: seen.append(url) or normalise(url))
    address = f"https://bücher.example/{tmp_path.name}/Seite mit Ümlaut"
    path = tmp_path / "beispiel.md"
    path.write_text(f"---\ntitle: Beispiel\n---\nSiehe [hier](<{address}>).\n", encoding="utf-8")
    art = read_article(path, "source_de/beispiel.md")
    wanted = normalise(address)
    assert references(art, _through_the_cache(art)) == [(wanted, 4)]
    assert f'href="{wanted}"' in render(art.body).html
    assert seen.count(address) == 1


def test_a_record_naming_paths_outside_source_de_is_not_followed(tmp_path, caplog, monkeypatch):
    """``stale_originals`` took the paths of variants.sha256 as given: a record edited by hand or brought in with
    a project naming ``../geheim.png`` had files outside source_de/ read and compared. Such a line is left out,
    named with its line; the record's other lines still count."""
    from pipeline import variants

    source, translations = tmp_path / "source_de", tmp_path / "translations"
    (source / "bilder").mkdir(parents=True)
    (translations / "en").mkdir(parents=True)
    for name, data in (("geheim.png", b"outside"), ("geheim.en.png", b"outside, English"),
                       ("source_de/bilder/zecke.png", PNG + b"new"), ("source_de/bilder/zecke.en.png", PNG + b"en")):
        (tmp_path / name).write_bytes(data)
    old = "0" * 64
    made = hashlib.sha256(PNG + b"en").hexdigest()
    outside = hashlib.sha256(b"outside, English").hexdigest()
    (translations / "en/variants.sha256").write_text(
        f"# header\n{old}  ../geheim.png\n{outside}  ../geheim.en.png\n{old}  bilder/zecke.png\n"
        f"{made}  bilder/zecke.en.png\n{old}  {tmp_path}/geheim.png\n")
    read = []
    real = variants.file_bytes
    monkeypatch.setattr(variants, "file_bytes", lambda path, *args: read.append(Path(path)) or real(path, *args))
    with caplog.at_level("WARNING"):
        assert variants.stale_originals(source, ["en"], translations) == {("en", "bilder/zecke.png")}
    assert all(path.resolve().is_relative_to(tmp_path / "source_de") for path in read if path.suffix == ".png"), read
    assert [r.getMessage() for r in caplog.records] == [
        f"translations/en/variants.sha256:{line}: {rel!r} is no file of source_de/ (it leads out of it): left out; "
        "delete the line, 'verlag extract' records the variants"
        for line, rel in ((2, "../geheim.png"), (3, "../geheim.en.png"), (6, f"{tmp_path}/geheim.png"))]


def test_a_language_variant_saved_both_composed_and_decomposed_is_an_error_naming_both(garden):
    """``bäume.en.png`` side by side composed (NFC) and decomposed (NFD): the English page took whichever the
    folder listed first, unsaid, and ``variants.sha256`` recorded the other. As for two such originals, which
    one is meant cannot be told: neither is published nor recorded, and the error names both, with their forms."""
    nfc_variant, nfd_variant = (unicodedata.normalize(form, "bilder/bäume.en.png") for form in ("NFC", "NFD"))
    garden.write("source_de/brennnessel.md", NESSEL + f"\n![Bäume am Weg]({NFC})\n")
    (garden.root / "source_de" / NFC).write_bytes(PNG)
    (garden.root / "source_de" / nfc_variant).write_bytes(PNG + b"english")
    (garden.root / "source_de" / nfd_variant).write_bytes(PNG + b"english, older")
    garden.run("extract")
    result = garden.run("build", code=2)
    line = (NESSEL + "\n").count("\n") + 1
    assert (f"error: source_de/brennnessel.md:{line}: 'bilder/b%C3%A4ume.png' (its variant {nfc_variant}) names 2 "
            f"files, source_de/{nfc_variant} (NFC) and source_de/{nfd_variant} (NFD), whose names differ only in "
            "their Unicode normalization") in result.output, result.output
    assert not any((garden.root / "site/media" / name).exists() for name in (nfc_variant, nfd_variant))
    record = garden.root / "translations/en/variants.sha256"
    assert "bäume.en" not in unicodedata.normalize("NFC", record.read_text("utf-8") if record.exists() else "")


def test_an_image_over_5_mb_is_warned_of_once_at_its_first_reference_by_check_and_build(garden):
    """A 30 MB camera photo was copied to site/media/ without a word, and every reader of the page, on a phone too,
    downloads it whole. check (``heavy-image``) and build name it at its first reference, with its size and what
    to do; a second reference (another article's) is not said again, a PDF of that size (a download the reader
    asks for) is not an image, and a 5 MB image is none of this."""
    photo, leaflet = garden.root / "source_de/bilder/brennnessel.png", garden.root / "source_de/dateien/merkblatt.pdf"
    os.truncate(photo, 30 * 1024 * 1024)
    os.truncate(leaflet, 30 * 1024 * 1024)
    garden.write("source_de/weg.md", article("Weg", "Noch einmal:\n\n![Nessel](bilder/brennnessel.png)\n"))
    line = NESSEL.split("\n").index(IMAGE) + 1
    said = (f"warning: source_de/brennnessel.md:{line}: source_de/bilder/brennnessel.png: an image of 30.0 MB, which "
            "every reader of the page downloads whole (on a phone, over its data plan): save it at most 2000 pixels "
            "wide")
    for command in ("check", "build"):
        out = garden.run(command).output
        assert said in out and out.count("an image of 30.0 MB") == 1 and "merkblatt.pdf: an" not in out, out
    assert "[heavy-image]" in garden.run("check").output
    os.truncate(photo, 5 * 1024 * 1024)
    assert "an image of" not in garden.run("check").output + garden.run("build").output


def test_check_names_a_missing_image_or_article_file_at_its_line_as_build_does(garden):
    """``build`` warned of an image or download an article references that source_de/ does not hold, ``check``
    said nothing of it: a broken image reached the site with check clean. check says it now at the article's
    file and line with build's words (``missing-file``), as it says a link to an article file that does not
    exist (``article-link``); once the file is there, neither says anything."""
    garden.write("source_de/brennnessel.md", NESSEL + "\n![Blüte](bilder/bluete.jpg) und [mehr](gibt-es-nicht.md).\n")
    garden.run("extract")
    line = (NESSEL + "\n").count("\n") + 1
    image = (f"warning: source_de/brennnessel.md:{line}: 'bilder/bluete.jpg': no such file in source_de/; the page "
             "keeps the address, which answers 'not found': readers get a broken image (its alt text) or a dead "
             "link; add the file or correct the path")
    article_file = f"warning: source_de/brennnessel.md:{line}: 'gibt-es-nicht.md': no published article"
    checked = garden.run("check").output
    assert f"{image} [missing-file]" in checked and article_file in checked, checked
    assert checked.count("bluete.jpg") == 1, checked
    built = garden.run("build").output
    assert image in built and article_file in built, built
    (garden.root / "source_de/bilder/bluete.jpg").write_bytes(PNG)
    assert "bluete.jpg" not in garden.run("check").output
    garden.write("source_de/tief.md", "---\ntitle: Tief\ndate: 2026-01-01\n---\nSiehe [Nessel](brennnessel.md).\n\n"
                 + "".join("  " * i + "- Punkt\n" for i in range(15)))  # nests deeper than CommonMark reads
    said = garden.run("check", code=2).output
    assert said.count("nest too deep") == 1, said  # read for its files and for its links: named once


def _out_of_source(garden) -> str:
    garden.write("geheim.txt", "secret\n")
    return "../geheim.txt"


def _symlink_out(garden) -> str:
    garden.write("geheim.txt", "secret\n")
    os.symlink(garden.root / "geheim.txt", garden.root / "source_de/dateien/link.pdf")
    return "dateien/link.pdf"


def _named_pipe(garden) -> str:
    os.mkfifo(garden.root / "source_de/dateien/rohr.pdf")
    return "dateien/rohr.pdf"


def _name_twins(garden) -> str:
    (garden.root / "source_de" / NFC).write_bytes(PNG)
    (garden.root / "source_de" / NFD).write_bytes(PNG[::-1])
    return NFC


def _oversized(garden) -> str:
    with open(garden.root / "source_de/dateien/gross.pdf", "wb") as file:
        file.truncate(100 * 1024 * 1024 + 1)  # sparse: one byte over limits.MEDIA
    return "dateien/gross.pdf"


@pytest.mark.parametrize("make", [_out_of_source, _symlink_out, _named_pipe, _name_twins, _oversized])
def test_check_says_each_reference_that_stops_build_as_its_error(garden, make):
    """A reference ``build`` refuses (a path leaving source_de/, a symlink out of it, a named pipe, two names that
    differ only in their Unicode normalization, a file over ``limits.MEDIA``) stops the build with an error at the
    article's line; ``check`` passed all the same. It says each now, in build's words at that line, exit 2."""
    path = make(garden)
    garden.write("source_de/brennnessel.md", NESSEL.replace("dateien/merkblatt.pdf", path))
    line = NESSEL.split("\n").index(LEAFLET) + 1
    built = garden.run("build", code=2).output
    said = [text for text in built.splitlines() if text.startswith(f"error: source_de/brennnessel.md:{line}: ")]
    assert len(said) == 1, built
    checked = garden.run("check", code=2).output
    assert said[0] in checked.splitlines() and checked.count(said[0]) == 1, checked


def test_check_and_build_look_at_the_files_of_the_pages_build_publishes(garden):
    """``check`` warned of a ``draft: true`` article's missing image, which ``build`` (which publishes no draft)
    does not look at, and said nothing of a ``translate: false`` article's, which build warns of. Both look at the
    pages build publishes now: a draft's files, a refused path too, are said once it is no draft."""
    garden.write("geheim.txt", "secret\n")
    garden.write("source_de/entwurf.md", article("Entwurf", """
        Noch nicht fertig.

        ![Skizze](bilder/skizze.png) und [Notiz](../geheim.txt).
        """, draft="true"))
    garden.write("source_de/nur-deutsch.md", article("Nur Deutsch", """
        Nur auf Deutsch.

        ![Karte](bilder/karte.png)
        """, translate="false"))
    garden.run("extract")
    sketch = "source_de/entwurf.md:8: 'bilder/skizze.png': no such file in source_de/"
    secret = "error: source_de/entwurf.md:8: '../geheim.txt' leaves source_de/"
    map_ = "warning: source_de/nur-deutsch.md:8: 'bilder/karte.png': no such file in source_de/"
    for command in ("check", "build"):
        said = garden.run(command).output
        assert sketch not in said and secret not in said and map_ in said, (command, said)
    garden.write("source_de/entwurf.md", garden.read("source_de/entwurf.md").replace("draft: true", "draft: false"))
    garden.run("extract")
    for command in ("check", "build"):
        said = garden.run(command, code=2).output
        assert f"warning: {sketch}" in said and secret in said, (command, said)


def test_an_image_pasted_as_raw_html_is_copied_and_every_edition_points_there(garden):
    """Trial 40 #1: ``<img src="tasse.png">`` written as raw HTML (source_de/tasse.png there) was left as written:
    the file was not copied, the page's ``/de/…/tasse.png`` answered 'not found', ``og:image`` pointed there,
    and a missing one (``fehlt.png``) got no ``missing-file``. Such an image (a block or inline, ``srcset`` too)
    is copied and pointed to as a Markdown image's is, in every edition; a missing one is named at its line, and
    ``og:image`` never names a file the site lacks."""
    pasted = ('<p><img src="bilder/tasse.png" width="300" alt="Eine Tasse Tee"></p>\n\n'
              'Tee mit <img srcset="bilder/kanne.png 2x" src="bilder/kanne.png" alt="Kanne"> im Satz.\n\n'
              '<img src="fehlt.png" alt="Nichts">\n')
    garden.write("source_de/brennnessel.md", NESSEL.replace("![Brennnessel am Wegrand](bilder/brennnessel.png "
                                                            '"Im Mai")', pasted))
    (garden.root / "source_de/bilder/tasse.png").write_bytes(PNG)
    (garden.root / "source_de/bilder/kanne.png").write_bytes(PDF)
    garden.run("extract")
    review(garden, "en", "brennnessel", {'Tee mit <img srcset="bilder/kanne.png 2x" src="bilder/kanne.png" '
                                         'alt="Kanne"> im Satz.': 'Tea with <img srcset="bilder/kanne.png 2x" '
                                         'src="bilder/kanne.png" alt="Jug"> in a sentence.'})
    line = garden.read("source_de/brennnessel.md").splitlines().index('<img src="fehlt.png" alt="Nichts">') + 1
    checked = garden.run("check").output
    assert f"source_de/brennnessel.md:{line}: 'fehlt.png': no such file in source_de/" in checked, checked
    assert "[missing-file]" in checked, checked
    built = garden.run("build").output
    assert f"source_de/brennnessel.md:{line}: 'fehlt.png'" in built, built
    assert (garden.root / "site/media/bilder/tasse.png").read_bytes() == PNG
    assert (garden.root / "site/media/bilder/kanne.png").read_bytes() == PDF
    for lang in ("de", "en"):
        shown = body(garden, lang)
        assert shown.xpath("//img[@width='300']/@src") == ["/blog/media/bilder/tasse.png"], lang
        assert shown.xpath("//img[@srcset]/@src") == ["/blog/media/bilder/kanne.png"], lang
        assert shown.xpath("//img/@srcset") == ["/blog/media/bilder/kanne.png 2x"], lang
        page = html.fromstring(garden.read(f"site/{lang}/brennnessel/index.html"))
        assert page.xpath('//meta[@property="og:image"]/@content') == \
            ["https://praxis.example/blog/media/bilder/tasse.png"], lang
    assert body(garden, "en").xpath("//img[@srcset]/@alt") == ["Jug"]
    garden.write("source_de/brennnessel.md", NESSEL.replace("![Brennnessel am Wegrand](bilder/brennnessel.png "
                                                            '"Im Mai")', '<img src="fehlt.png" alt="Nichts">'))
    garden.run("build")
    page = html.fromstring(garden.read("site/de/brennnessel/index.html"))
    assert not any("fehlt" in url for url in page.xpath('//meta[@property="og:image"]/@content')), \
        page.xpath('//meta[@property="og:image"]/@content')

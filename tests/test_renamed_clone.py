"""A renamed article keeps its old addresses and its feed entries' ids in every clone, not only in the checkout that
saw the rename (fresh-user trial 21): ``extract`` records the rename in the article's committed template
(``X-Verlag-Renamed-From``, pipeline/renames.py), the build reads it there. Real git repositories and clones, real
builds, real catalogs checked with GNU msgfmt."""

from __future__ import annotations

from pathlib import Path

import lxml.etree

from conftest import Project, article, msgfmt_check, review
from test_media import git
from test_redirects import configure

from pipeline.renames import TEMPLATES_FILE

BASE = "https://praxis.example/"
ATOM = "{http://www.w3.org/2005/Atom}"


def _site(root: Path) -> dict[str, bytes]:
    """Every file under site/ by its path there, with its bytes."""
    return {path.relative_to(root / "site").as_posix(): path.read_bytes()
            for path in sorted((root / "site").rglob("*")) if path.is_file()}


def _feed_ids(project: Project, lang: str) -> dict[str, str]:
    """Each entry of the language's Atom feed: its link -> its id."""
    feed = lxml.etree.fromstring(project.read(f"site/{lang}/feed.xml").encode("utf-8"))
    return {entry.find(f"{ATOM}link").get("href"): entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")}


def _published(project: Project) -> None:
    """Two published articles, alt and leber, both translated to English and reviewed, in a git repository that
    leaves out what verlag makes (as ``verlag init``'s .gitignore)."""
    configure(project, BASE)
    project.write(".gitignore", "editions/\nsite/\nreview/\n.verlag/\n*.mo\n")
    project.write("source_de/alt.md", article("Zecken im Gras", "Zecken warten im hohen Gras.\n"))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.run("extract")
    review(project, "en", "alt", {("title", "Zecken im Gras"): "Ticks in the grass",
                                  "Zecken warten im hohen Gras.": "Ticks wait in tall grass."})
    review(project, "en", "leber", {("title", "Leber"): "Liver", "Die Leber arbeitet nachts.": "The liver works at night."})
    project.run("build")
    git("init", "-q", cwd=project.root)
    git("add", "-A", cwd=project.root)
    git("commit", "-q", "-m", "two articles", cwd=project.root)


def _rename(project: Project, old: str, new: str) -> str:
    """``git mv`` the article, extract, build and commit, as the author does; the build's output."""
    git("mv", f"source_de/{old}.md", f"source_de/{new}.md", cwd=project.root)
    assert f"renamed translations/en/{old}.po -> translations/en/{new}.po" in project.run("extract").output
    built = project.run("build").output
    git("add", "-A", cwd=project.root)
    git("commit", "-q", "-m", f"rename {old} to {new}", cwd=project.root)
    return built


def _clone(project: Project, where: Path) -> Project:
    git("clone", "-q", str(project.root), str(where), cwd=where.parent)
    clone = Project(where)
    assert not (where / ".verlag").exists() and not (where / "site").exists()
    return clone


def test_a_fresh_clone_builds_the_renamed_article_s_old_addresses_as_the_author_s_checkout(project, tmp_path_factory):
    """Trial 21 #1: after ``git mv source_de/schulter.md schulter-gelenk.md``, extract and build, the note said the old
    addresses lead to the new page "in every later build too"; a fresh clone (CI deploy) made no page at them, with
    no warning. Now the template records the rename, and the clone's site is the author's, byte for byte."""
    _published(project)
    built = _rename(project, "alt", "neu")
    assert ("note: source_de/neu.md: slug alt → neu (its file renamed): its published addresses lead to its page now: "
            "/de/alt/ → /de/neu/, /en/alt/ → /en/neu/; in every later build too, also in a fresh clone (CI, another "
            "computer): the rename is recorded in translations/templates/neu.pot (X-Verlag-Renamed-From), commit "
            "it") in built, built
    assert '"X-Verlag-Renamed-From: alt\\n"' in project.read("translations/templates/neu.pot")
    msgfmt_check(project.root / "translations/en/neu.po")
    clone = _clone(project, tmp_path_factory.mktemp("ci") / "praxis")
    result = clone.run("build")
    assert "is gone" not in result.output, result.output
    for lang in ("de", "en"):
        assert f"url=/{lang}/neu/" in clone.read(f"site/{lang}/alt/index.html")
    assert "/de/alt/  /de/neu/  301\n/en/alt/  /en/neu/  301\n" in clone.read("site/_redirects")
    assert _site(clone.root) == _site(project.root)
    checked = clone.run("check").output
    assert "gone-address" not in checked and "article-link" not in checked, checked


def test_a_renamed_article_s_feed_entries_keep_their_id_in_every_clone(project, tmp_path_factory):
    """Trial 21 #2: the Atom entry's <id> changed from …/de/schulter/ to …/de/schulter-gelenk/ with the rename, so
    feed readers showed the article again as new (RFC 4287 4.2.6: an entry's id never changes). Its id stays the
    address it was first published at, in each language's feed, through a second rename; its link is the new
    page; an article never renamed keeps its own address as id."""
    _published(project)
    before = {lang: _feed_ids(project, lang) for lang in ("de", "en")}
    assert before["de"] == {f"{BASE}de/alt/": f"{BASE}de/alt/", f"{BASE}de/leber/": f"{BASE}de/leber/"}
    _rename(project, "alt", "neu")
    _rename(project, "neu", "drei")
    clone = _clone(project, tmp_path_factory.mktemp("laptop") / "praxis")
    clone.run("build")
    for lang in ("de", "en"):
        for built in (project, clone):
            assert _feed_ids(built, lang) == {f"{BASE}{lang}/drei/": f"{BASE}{lang}/alt/",
                                              f"{BASE}{lang}/leber/": f"{BASE}{lang}/leber/"}, lang
    assert _site(clone.root) == _site(project.root)
    # a new article takes the first name: its entry's id is its address, the renamed one's the next name it had
    project.write("source_de/alt.md", article("Alte Hausmittel", "Honig hilft.\n"))
    project.run("build")
    assert _feed_ids(project, "de") == {f"{BASE}de/alt/": f"{BASE}de/alt/", f"{BASE}de/drei/": f"{BASE}de/neu/",
                                        f"{BASE}de/leber/": f"{BASE}de/leber/"}


def test_the_recorded_rename_is_kept_by_later_extracts_and_carried_along_a_further_rename(project, tmp_path_factory):
    """alt -> neu, the text edited (extract writes the template again), then neu -> drei: drei's template names both
    earlier slugs, oldest first, and a fresh clone leads both old addresses in both languages to drei."""
    _published(project)
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    _rename(project, "alt", "neu")
    project.write("source_de/neu.md", project.read("source_de/neu.md").replace("hohen Gras", "hohen Gras am Waldrand"))
    project.run("extract")
    assert '"X-Verlag-Renamed-From: alt\\n"' in project.read("translations/templates/neu.pot")
    built = _rename(project, "neu", "drei")
    assert "slug alt, neu → drei (its file renamed)" in built and "also in a fresh clone" in built, built
    assert '"X-Verlag-Renamed-From: alt neu\\n"' in project.read("translations/templates/drei.pot")
    assert not (project.root / "translations/templates/neu.pot").exists()
    clone = _clone(project, tmp_path_factory.mktemp("ci") / "praxis")
    clone.run("build")
    assert clone.read("site/_redirects") == ("/de/alt/  /de/drei/  301\n/de/neu/  /de/drei/  301\n"
                                             "/en/alt/  /en/drei/  301\n/en/neu/  /en/drei/  301\n")
    assert _site(clone.root) == _site(project.root)
    # renamed back to its first name: the template records the name it leaves, not its own
    _rename(project, "drei", "alt")
    assert '"X-Verlag-Renamed-From: neu drei\\n"' in project.read("translations/templates/alt.pot")
    assert f"{BASE}de/alt/" in _feed_ids(project, "de")


def test_a_rename_the_build_saw_first_says_what_a_fresh_clone_lacks_until_extract_records_it(project, tmp_path_factory):
    """Renamed and built before extract: the build knows the file by its text and keeps the addresses in this checkout
    (.verlag/) alone. Its note said "in every later build too", which a fresh clone belied; it says what a clone lacks
    and that extract, which moves the catalogs left under the old name, records the rename; after that, a clone
    builds the author's site."""
    _published(project)
    git("mv", "source_de/alt.md", "source_de/neu.md", cwd=project.root)
    built = project.run("build").output
    assert ("note: source_de/neu.md: slug alt → neu (its file renamed): its published addresses lead to its page now: "
            "/de/alt/ → /de/neu/, /en/alt/ → /de/neu/; in the later builds of this checkout, which remembers the "
            "rename in .verlag/ (git leaves it out): a fresh clone (CI, another computer) makes no page at the old "
            "addresses, and the article's feed entries have a new id (feed readers show it as new); run verlag "
            "extract, which moves translations/en/alt.po along and records the rename in "
            "translations/templates/neu.pot for every clone, and commit them") in built, built
    assert "every later build too" not in built
    project.run("extract")
    assert '"X-Verlag-Renamed-From: alt\\n"' in project.read("translations/templates/neu.pot")
    project.run("build")
    git("add", "-A", cwd=project.root)
    git("commit", "-q", "-m", "rename", cwd=project.root)
    clone = _clone(project, tmp_path_factory.mktemp("ci") / "praxis")
    clone.run("build")
    assert _site(clone.root) == _site(project.root)


def test_check_says_how_long_a_link_to_a_renamed_article_s_old_file_works(project):
    """A link to alt.md after the rename: while the template records it, the link works in every clone; a rename only
    the build found (no catalogs: nothing translated yet) lives in .verlag/ alone, and check says a fresh clone
    breaks the link."""
    project.write("source_de/alt.md", article("Leber", "Die Leber arbeitet nachts.\n"))
    project.write("source_de/tee.md", article("Tee", "Siehe [Leber](alt.md).\n"))
    project.run("build")
    (project.root / "source_de/alt.md").rename(project.root / "source_de/neu.md")
    project.run("build")
    assert ("warning: source_de/tee.md:5: 'alt.md': alt.md is the old name of source_de/neu.md (renamed): the pages "
            "link its page, in the reader's language, only while this checkout remembers the rename (.verlag/, which "
            "git leaves out: in a fresh clone the link is broken); link neu.md instead [renamed-link]"
            ) in project.run("check").output


def test_a_clone_that_pulls_a_rename_builds_its_redirects_though_its_last_build_remembered_the_templates(
        project, tmp_path_factory):
    """The build remembers which templates record renames by the templates folder's stat (.verlag/), so a no-op build
    reads none; a pull that brings a renamed article's template changes the folder, and the next build reads it."""
    _published(project)
    clone = _clone(project, tmp_path_factory.mktemp("laptop") / "praxis")
    clone.run("build")
    clone.run("build")
    assert (clone.root / ".verlag/renamed-templates.json").is_file()
    # renamed and retitled: the clone's build cannot know it by the text or title it published, only by the record
    git("mv", "source_de/alt.md", "source_de/neu.md", cwd=project.root)
    project.write("source_de/neu.md", project.read("source_de/neu.md").replace("Zecken im Gras", "Zecken im Moos"))
    assert "renamed translations/en/alt.po -> translations/en/neu.po" in project.run("extract").output
    git("add", "-A", cwd=project.root)
    git("commit", "-q", "-m", "rename alt to neu", cwd=project.root)
    git("pull", "-q", "--ff-only", cwd=clone.root)
    result = clone.run("build")
    assert "is gone" not in result.output, result.output
    assert "url=/de/neu/" in clone.read("site/de/alt/index.html")


def test_a_record_of_renames_longer_than_a_line_is_read_in_a_fresh_clone(project, tmp_path_factory):
    """Trial 22 #1: after a rename from a long slug, extract wrote X-Verlag-Renamed-From wrapped over two lines (GNU's
    79 columns), and nothing read the wrapped form: the fresh clone made none of the old addresses, silently. The
    header's lines are read joined, as gettext reads them; so is X-Verlag-Text-Changed."""
    _published(project)
    long = "morgendliche-rueckenschmerzen-und-nackenschmerzen-was-hilft-wirklich"
    _rename(project, "alt", long)
    _rename(project, long, "ruecken")
    template = project.read("translations/templates/ruecken.pot")
    assert f'"X-Verlag-Renamed-From: alt {long}\\n"' not in template, "the test needs the wrapped layout"
    assert "X-Verlag-Renamed-From: alt " in template and template.count("X-Verlag-Renamed-From") == 1
    msgfmt_check(project.root / "translations/templates/ruecken.pot")
    clone = _clone(project, tmp_path_factory.mktemp("ci") / "praxis")
    clone.run("build")
    assert clone.read("site/_redirects") == (f"/de/alt/  /de/ruecken/  301\n/de/{long}/  /de/ruecken/  301\n"
                                             f"/en/alt/  /en/ruecken/  301\n/en/{long}/  /en/ruecken/  301\n")
    assert _site(clone.root) == _site(project.root)


def test_the_build_note_names_two_renames_made_between_builds_oldest_first(project, tmp_path_factory):
    """Trial 22: alt -> abend -> drei, each extracted and committed with no build between: the template records
    "alt abend", but the build's note read "slug abend, alt → drei" (sorted by name). It names them oldest first
    now, as the template does, with their addresses in that order, in the working copy and a fresh clone alike."""
    _published(project)
    for old, new in (("alt", "abend"), ("abend", "drei")):
        git("mv", f"source_de/{old}.md", f"source_de/{new}.md", cwd=project.root)
        project.run("extract")
        git("add", "-A", cwd=project.root)
        git("commit", "-q", "-m", f"rename {old} to {new}", cwd=project.root)
    assert '"X-Verlag-Renamed-From: alt abend\\n"' in project.read("translations/templates/drei.pot")
    clone = _clone(project, tmp_path_factory.mktemp("ci") / "praxis")
    for built in (project, clone):
        output = built.run("build").output
        assert ("slug alt, abend → drei (its file renamed): its published addresses lead to its page now: "
                "/de/alt/ → /de/drei/, /en/alt/ → /en/drei/, /de/abend/ → /de/drei/, /en/abend/ → /en/drei/;") in output, \
            output


def test_extract_records_in_the_template_the_renames_an_older_verlag_kept_in_dot_verlag_alone(project,
                                                                                               tmp_path_factory):
    """A rename made with a verlag from before templates recorded renames (alt -> abend -> drei) was known to the
    author's .verlag/ alone: every fresh clone (a CI deploy) made no page at the old addresses, and no build said so
    again. The next extract records both, oldest first, says so once, and the clone's site is the author's."""
    _published(project)
    for old, new in (("alt", "abend"), ("abend", "drei")):
        _rename(project, old, new)
    pot = project.read("translations/templates/drei.pot")
    assert '"X-Verlag-Renamed-From: alt abend\\n"\n' in pot
    project.write("translations/templates/drei.pot", pot.replace('"X-Verlag-Renamed-From: alt abend\\n"\n', ""))
    git("commit", "-q", "-am", "as an older verlag left it", cwd=project.root)
    (project.root / ".verlag" / TEMPLATES_FILE).unlink()  # which an older verlag did not write
    assert "/en/alt/" not in _clone(project, tmp_path_factory.mktemp("before") / "praxis").run("build").output
    output = project.run("extract").output
    assert ("note: translations/templates/drei.pot: the rename from alt, abend, which only this checkout's .verlag/ "
            "knew (an earlier verlag recorded renames there alone), is recorded in its header "
            "(X-Verlag-Renamed-From) now: commit it, and a fresh clone (CI, another computer) keeps the old "
            "addresses too") in output, output
    assert project.read("translations/templates/drei.pot") == pot
    msgfmt_check(project.root / "translations/templates/drei.pot")
    assert "drei.pot" not in project.run("extract").output
    assert project.run("extract", "--check").exit_code == 0
    git("commit", "-q", "-am", "renames recorded", cwd=project.root)
    clone = _clone(project, tmp_path_factory.mktemp("after") / "praxis")
    clone.run("build")
    project.run("build")
    assert clone.read("site/_redirects") == project.read("site/_redirects")
    assert "/en/alt/  /en/drei/  301" in clone.read("site/_redirects")
    assert _site(clone.root) == _site(project.root)


def test_a_rename_makes_no_old_address_for_an_edition_that_was_never_published(project, tmp_path_factory):
    """Review: the template's record of a rename gave the old slug an address in every language of verlag.toml, so a
    French edition that never reached the site got /fr/alt/ -> /de/neu/ (an address no reader ever had) in the
    author's checkout and in every clone. The build keeps the old addresses its site published (its own record), and
    a clone without that record those of the editions the article has now: the same site in both."""
    _published(project)
    project.write("verlag.toml", project.read("verlag.toml").replace('languages = ["en"]', 'languages = ["en", "fr"]'))
    project.run("extract")
    project.run("build")
    assert not (project.root / "site/fr/alt").exists()  # French: no translation, never published
    git("add", "-A", cwd=project.root)
    git("commit", "-q", "-m", "French catalogs", cwd=project.root)
    built = _rename(project, "alt", "neu")
    assert "its published addresses lead to its page now: /de/alt/ → /de/neu/, /en/alt/ → /en/neu/;" in built, built
    assert "/fr/alt/" not in built
    clone = _clone(project, tmp_path_factory.mktemp("ci") / "praxis")
    clone.run("build")
    for done in (project, clone):
        assert not (done.root / "site/fr/alt").exists()
        assert "/fr/alt/" not in done.read("site/_redirects") + done.read("site/.htaccess")
        assert "/en/alt/  /en/neu/  301\n" in done.read("site/_redirects")
    assert _site(clone.root) == _site(project.root)

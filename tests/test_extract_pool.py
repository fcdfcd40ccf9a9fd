"""extract's pool workers merge templates into the catalogs; the main process only swaps the results in."""

from __future__ import annotations

import polib
import pytest

from pipeline import catalog, extract, extract_article
from pipeline.config import load_config
from pipeline.glossary import Glossary, add_hints, load_glossary
from pipeline.sources import read_sources

from conftest import article, copy_shipped_project, msgfmt_check, review

NOTES = {
    "beet": "Das Beet liegt im Halbschatten. Im März setzen wir Zwiebeln. Der Boden bleibt locker.",
    "regen": "Regenwasser sammeln wir in einer Tonne. Sie steht unter der Dachrinne. Im Winter ist sie leer.",
    "kompost": "Der Kompost braucht Luft. Wir wenden ihn zweimal im Jahr. Nach einem Jahr ist er reif.",
    "werkzeug": "Die Hacke hängt im Schuppen. Der Spaten ist neu. Eine Gießkanne fehlt noch.",
}


@pytest.fixture
def merges_here(monkeypatch):
    """The (slug, language) of every catalog merge made in this process (pool workers are other processes)."""
    calls: list[tuple[str, str]] = []
    real = extract_article._merge_catalog

    def counting(data, old, pot, lang, *args, **kwargs):
        calls.append((pot.metadata["Project-Id-Version"].split()[-1], lang))
        return real(data, old, pot, lang, *args, **kwargs)

    monkeypatch.setattr(extract_article, "_merge_catalog", counting)
    return calls


def _edited(text: str) -> str:
    """The author's edit: one sentence reworded, one added, one removed."""
    first, second, third = text.split(". ")
    return f"{first.replace('Der', 'Unser').replace('Die', 'Unsere').replace('Das', 'Unser')}. {third} Neu dabei."


def test_update_after_edits_writes_the_same_bytes_and_report_with_one_or_two_jobs(tmp_path, merges_here):
    snapshots, outputs = {}, {}
    for jobs in ("1", "2"):
        project = copy_shipped_project(tmp_path / jobs)
        for slug, text in NOTES.items():
            project.write(f"source_de/{slug}.md", article(slug.title(), text + "\n"))
        project.run("extract", "--jobs", jobs)
        project.run("pretranslate", "--engine", "copy", "--lang", "en")
        review(project, "en", "beet", {"Der Boden bleibt locker.": "The soil stays loose."})
        for slug, text in NOTES.items():
            project.write(f"source_de/{slug}.md", article(slug.title(), _edited(text) + "\n"))
        merges_here.clear()
        outputs[jobs] = project.run("extract", "--jobs", jobs, "--keep-typo-fixes").output
        snapshots[jobs] = project.snapshot()
        languages = load_config(project.root).languages
        if jobs == "1":
            assert sorted(merges_here) == sorted((slug, lang) for slug in NOTES for lang in languages)
        else:
            # the pool's first article is worked here before the fork; every other catalog by a worker process
            assert len({slug for slug, _ in merges_here}) == 1 and len(merges_here) == len(languages)
        for lang in languages:
            for slug in NOTES:
                msgfmt_check(project.root / f"translations/{lang}/{slug}.po")
    assert "fuzzy" in snapshots["2"]["translations/en/beet.po"].decode()
    assert "Neu dabei." in outputs["2"]
    assert snapshots["1"] == snapshots["2"]
    assert outputs["1"] == outputs["2"]


def test_a_catalog_saved_after_the_worker_merged_it_is_merged_again(project, merges_here):
    """What a worker merged is swapped in only while the catalog holds the bytes it merged from."""
    project.write("source_de/beet.md", article("Beet", NOTES["beet"] + "\n"))
    project.run("extract", "--jobs", "1")
    config = load_config(project.root)
    project.write("source_de/beet.md", article("Beet", _edited(NOTES["beet"]) + "\n"))
    (art,) = read_sources(config).articles
    made = extract_article.prepare_in_worker(config, art, Glossary(), False)
    assert sorted(made.catalogs) == ["en", "fr"]
    path = review(project, "en", "beet", {"Der Boden bleibt locker.": "The soil stays loose."})
    merges_here.clear()
    result = extract.ExtractResult()
    extract_article.extract_article(config, art, made, {}, result, Glossary(), False)
    assert merges_here == [("beet", "en")]  # fr was still as the worker found it
    kept = polib.pofile(str(path)).find("Der Boden bleibt locker.")
    assert (kept.msgstr, kept.fuzzy, kept.obsolete) == ("The soil stays loose.", False, 0)
    assert "translations/fr/beet.po" in result.written
    assert (result.changes["en"]["unstarted"], result.changes["en"]["new"]) == (1, 1)  # reworded, added
    msgfmt_check(path)


def test_a_new_catalog_is_its_template_with_a_catalog_header_unless_the_glossary_adds_a_hint(tmp_path, monkeypatch):
    """A worker makes a catalog that is not there yet from the template's text (``catalog.fresh_text``), without
    merging and wrapping its entries again; where ``add_hints`` would change an entry's extracted comment (a
    glossary term, a label with a line separator in it) it merges. The bytes are the merge's either way."""
    project = copy_shipped_project(tmp_path)
    project.write("source_de/beet.md", article("Beet", NOTES["beet"] + "\n"))
    project.write("source_de/plan.md", article("Plan", "Siehe [Garten\u2028plan].\n\n[Garten\u2028plan]: /plan\n"))
    for path in (project.root / "translations").glob("*/*.po"):
        if path.name != "site.po":
            path.unlink()
    config = load_config(project.root)
    glossary = load_glossary(config.translations_dir, config.root)
    merged, real = [], catalog.merge

    def merge(old, pot, lang, **options):
        merged.append((pot.metadata["Project-Id-Version"].split()[-1], lang))
        return real(old, pot, lang, **options)

    monkeypatch.setattr(catalog, "merge", merge)
    for art in read_sources(config).articles:
        made = extract_article.prepare_in_worker(config, art, glossary, False)
        assert sorted(made.catalogs) == ["en", "fr"]
        for lang, ready in made.catalogs.items():
            expected, _ = real(None, made.template(config, art), lang)
            add_hints(expected, glossary, lang)
            assert ready.text == catalog.render(expected).encode("utf-8"), (art.slug, lang)
    assert ("beet", "en") not in merged and ("impressum", "fr") not in merged
    assert {("zecken-im-garten", "en"), ("rueckenschmerzen-leber", "fr"), ("plan", "en")} <= set(merged)
    project.run("extract")
    for lang in config.languages:
        msgfmt_check(project.root / f"translations/{lang}/beet.po")


def test_an_edited_articles_templates_are_told_apart_reading_only_the_old_one_once(tmp_path, monkeypatch):
    """After an edit the new template holds other German than the one on disk: that is told from their keys,
    the old template read once (``pofile.keys``) for the comparison and for every language's merge, the new one
    not at all (``catalog.same_content`` parsed both, and each merge the old one again)."""
    from pipeline import pofile

    project = copy_shipped_project(tmp_path)
    for slug, text in NOTES.items():
        project.write(f"source_de/{slug}.md", article(slug.title(), text + "\n"))
    project.run("extract", "--jobs", "1")
    project.run("pretranslate", "--engine", "copy", "--lang", "en")
    before = {slug: (project.root / "translations" / "templates" / f"{slug}.pot").read_text(encoding="utf-8")
              for slug in NOTES}
    for slug, text in NOTES.items():
        project.write(f"source_de/{slug}.md", article(slug.title(), _edited(text) + "\n"))
    parsed: list[str] = []

    def counting(real):
        def read(text, *args, **kwargs):
            parsed.append(text)
            return real(text, *args, **kwargs)
        return read

    monkeypatch.setattr(pofile, "keys", counting(pofile.keys))
    monkeypatch.setattr(pofile, "parse", counting(pofile.parse))
    monkeypatch.setattr(catalog, "parse", pofile.parse)
    extract_article._key_list.cache_clear()  # an earlier test's extract may have read these very templates
    project.run("extract", "--jobs", "1")
    for slug in NOTES:
        after = (project.root / "translations" / "templates" / f"{slug}.pot").read_text(encoding="utf-8")
        assert after != before[slug]
        assert parsed.count(before[slug]) == 1, slug
        assert after not in parsed, slug
    msgfmt_check(project.root / "translations" / "en" / "beet.po")

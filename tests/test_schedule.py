"""Scheduled articles: one whose ``date:`` is after today is not published before its day (Hugo's
``buildFuture = false``); ``build --future`` shows it in a preview of its own, never in site/. "Today" is fixed by replacing ``schedule.today``; no test
depends on the real clock."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from conftest import article, msgfmt_check, review
from pipeline import schedule

MONDAY, FRIDAY = dt.date(2026, 12, 7), dt.date(2026, 12, 11)
WAITS = ("note: source_de/freitag.md:3: scheduled for 2026-12-11: not published before that day; build again on that "
         "day (or later)")


@pytest.fixture
def today(monkeypatch):
    """The day ``schedule.today`` answers, MONDAY until a test sets ``today[0]``; ``today[1]`` collects the time
    zones it was asked about."""
    day: list = [MONDAY, []]

    def fixed(zone):
        day[1].append(zone)
        return day[0]

    monkeypatch.setattr(schedule, "today", fixed)
    return day


def _write(project) -> None:
    """An article published in May and one the author wrote on Monday for Friday, both translated into English."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")
    project.write("source_de/heute.md", article("Grüner Tee", "Grüner Tee wärmt."))
    project.write("source_de/freitag.md", article("Ingwertee", "Ingwertee hilft.").replace("2026-05-26", "2026-12-11"))
    project.run("extract")
    review(project, "en", "heute", {("title", "Grüner Tee"): "Green tea", "Grüner Tee wärmt.": "Green tea warms."})
    review(project, "en", "freitag", {("title", "Ingwertee"): "Ginger tea", "Ingwertee hilft.": "Ginger tea helps."})


def _site_text(project) -> str:
    """Every file of site/ as text, the search index's gzipped fragments decompressed."""
    texts = []
    for path in sorted((project.root / "site").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".pf_fragment":
                data = gzip.decompress(data)
            texts.append(data.decode("utf-8", "replace"))
    return "\n".join(texts)


def test_an_article_dated_after_today_is_on_no_page_list_feed_sitemap_or_index_until_its_day(project, today):
    """Written on Monday for Friday: Monday's build published it at once, with Friday's date. It is left out in
    every language (its pages, the home pages, feeds, sitemap, search, the other languages' links), said once at
    its date: line; its German was extracted, so its catalog is there to translate ahead. Friday's build, with
    nothing changed, publishes it."""
    _write(project)
    msgfmt_check(project.root / "translations/en/freitag.po")
    built = project.run("build").output
    assert built.count(WAITS) == 1, built
    assert "drafts, not published" not in built, built
    site = project.root / "site"
    assert not (site / "de/freitag").exists() and not (site / "en/freitag").exists()
    assert (site / "de/heute/index.html").is_file() and (site / "en/heute/index.html").is_file()
    text = _site_text(project)
    for word in ("freitag", "Ingwertee", "Ginger tea", "2026-12-11"):
        assert word not in text, word
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: entry["languages"][lang]["page_count"] for lang in ("de", "en")} == {"de": 1, "en": 1}

    today[0] = FRIDAY
    built = project.run("build").output
    assert "scheduled" not in built, built
    for lang, title in (("de", "Ingwertee"), ("en", "Ginger tea")):
        assert (site / lang / "freitag/index.html").is_file()
        assert title in project.read(f"site/{lang}/index.html") and title in project.read(f"site/{lang}/feed.xml")
        assert f"/{lang}/freitag/" in project.read("site/sitemap.xml")
    assert 'hreflang="en"' in project.read("site/de/freitag/index.html")
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: entry["languages"][lang]["page_count"] for lang in ("de", "en")} == {"de": 2, "en": 2}


def test_build_future_builds_a_preview_into_its_own_folder_and_leaves_site_and_its_records_alone(project, today):
    """``build --future`` (Hugo's ``--buildFuture``) published the article into site/, the folder the author uploads,
    and wrote the address record ``check`` then read as a published page taken down. It builds the preview into
    .verlag/preview/site/ (with the article, in every list, feed and the sitemap, under a banner) and says where;
    site/ and the real build's records stay byte for byte as the build without it left them, and check says nothing
    of a page taken down."""
    _write(project)
    project.run("build")
    site, records = _site_text(project), {name: (project.root / ".verlag" / name).read_bytes()
                                          for name in ("site.json", "site-records.json")}
    files = {p: p.read_bytes() for p in sorted((project.root / "site").rglob("*")) if p.is_file()}
    built = project.run("build", "--future").output
    assert WAITS not in built, built
    assert ("note: source_de/freitag.md:3: scheduled for 2026-12-11, shown in the preview (.verlag/preview/site/) "
            "only: site/ leaves it out until that day") in built, built
    assert "preview: .verlag/preview/site/ (not for upload" in built, built
    assert "wrote .verlag/preview/site/en/freitag/index.html" in built and "wrote site/" not in built, built
    preview = project.root / ".verlag/preview/site"
    assert "Ginger tea" in (preview / "en/freitag/index.html").read_text(encoding="utf-8")
    for name in ("en/index.html", "en/feed.xml", "sitemap.xml"):
        assert "/en/freitag/" in (preview / name).read_text(encoding="utf-8"), name
    assert "Preview — not published" in (preview / "en/freitag/index.html").read_text(encoding="utf-8")
    assert {p: p.read_bytes() for p in sorted((project.root / "site").rglob("*")) if p.is_file()} == files
    assert _site_text(project) == site and "freitag" not in site
    assert {name: (project.root / ".verlag" / name).read_bytes() for name in records} == records
    checked = project.run("check").output
    assert "taken down" not in checked and WAITS in checked, checked
    assert "Preview — not published" not in site


def test_a_preview_an_older_verlag_left_in_site_is_said_as_one_and_the_next_build_takes_it_out(project, today):
    """An older verlag's ``build --future`` left the article in site/, its record dated after today (as a build
    on its day and a clock set back leave it here). check warns not to upload site/ before the next build, not
    that a published address is taken down; the build takes it out and says so."""
    _write(project)
    today[0] = FRIDAY
    project.run("build")
    assert (project.root / "site/en/freitag/index.html").is_file()
    today[0] = MONDAY
    checked = project.run("check").output
    assert ("warning: source_de/freitag.md:3: site/ holds a preview of freitag (scheduled for 2026-12-11) that an "
            "older verlag's build --future made there; it was never published: do not upload site/ before the next "
            "verlag build or publish") in checked, checked
    assert "taken down" not in checked, checked
    built = project.run("build").output
    assert ("note: site/ held a preview of freitag (scheduled for 2026-12-11) that an older verlag's build --future "
            "made there, never published: this build took it out; upload site/ as it is now") in built, built
    assert "taken down" not in built and WAITS in built, built
    assert "freitag" not in _site_text(project)
    assert "freitag" not in project.run("check").output.replace(WAITS, "")


def test_a_published_article_whose_date_moves_ahead_is_taken_down_as_a_draft_is(project, today):
    """Its address is not "gone" (deleted or renamed): check says at its date: line that the next build takes it
    down until its day; status marks it with the day; both say the line build says."""
    _write(project)
    path = project.root / "source_de/freitag.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-12-11", "2026-05-27"), encoding="utf-8")
    project.run("build")
    assert (project.root / "site/en/freitag/index.html").is_file()
    path.write_text(path.read_text(encoding="utf-8").replace("2026-05-27", "2026-12-11"), encoding="utf-8")
    checked = project.run("check").output
    assert ("warning: source_de/freitag.md:3: scheduled for 2026-12-11 now (its date is after today): its published "
            "address /de/freitag/ (also in en) is taken down") in checked, checked
    assert WAITS in checked and "aliases" not in checked, checked
    status = project.run("status").output
    assert "freitag (scheduled for 2026-12-11)" in status and WAITS in status, status
    rows = json.loads(project.run("status", "--format", "json").output)
    assert {(row["slug"], row["scheduled"]) for row in rows["articles"] if row["lang"] == "en"} == {
        ("freitag", "2026-12-11"), ("heute", "")}, rows
    project.run("build")
    assert not (project.root / "site/de/freitag").exists()


def test_a_draft_dated_ahead_stays_a_draft_and_today_is_the_sites_time_zones(project, today):
    """``draft: true`` says more than its date: listed among the drafts, no schedule said. The day is asked of
    verlag.toml's timezone (a practice in Berlin building on a server in UTC)."""
    project.write("verlag.toml", project.read("verlag.toml") + 'timezone = "Europe/Berlin"\n')
    project.write("source_de/heute.md", article("Grüner Tee", "Grüner Tee wärmt."))
    project.write("source_de/entwurf.md", article("Entwurf", "Noch nicht fertig.", draft="true")
                  .replace("2026-05-26", "2026-12-11"))
    built = project.run("build").output
    assert "drafts, not published (draft: true): entwurf" in built and "scheduled" not in built, built
    assert {getattr(zone, "key", zone) for zone in today[1]} == {"Europe/Berlin"}


def test_publish_of_a_site_whose_only_article_is_scheduled_stops_and_never_publishes_it_early(tmp_path, today):
    """publish has no --future: the article waits; with nothing else to show, publish stops (exit 2) saying that
    it waits for its day, not to take out a draft: true it does not have; on its day it is published."""
    from conftest import Project, fill_in_legal_pages

    project = Project(tmp_path / "praxis")
    project.run("init", "--author", "Anna Berger", "--languages", "en", "--base-url", "https://praxis.example/")
    fill_in_legal_pages(project.root)
    project.write("verlag.toml", project.read("verlag.toml").replace('["tm", "google"]', '["tm"]'))  # offline
    path = project.root / "source_de/willkommen.md"
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    path.write_text(text.replace(text.split("date: ", 1)[1].split("\n", 1)[0], "2026-12-11", 1), encoding="utf-8")
    stopped = project.run("publish", code=2).output
    assert ("error: source_de: no article is published, so the site has none to show: articles dated after today "
            "wait for their day: willkommen") in stopped, stopped
    assert "source_de/willkommen.md:4: scheduled for 2026-12-11" in stopped, stopped
    assert not (project.root / "site/de/willkommen").exists()
    today[0] = FRIDAY
    published = project.run("publish").output
    assert "de: 1 article published" in published, published


def test_a_scheduled_article_without_text_yet_is_told_to_be_written_before_its_day(project, today):
    """extract warned "the site publishes a page with only its title" of an article that is not published yet,
    and advised ``draft: true``, which it does not need: it is told when that page would go up."""
    project.write("source_de/freitag.md", "---\ntitle: Ingwertee\ndate: 2026-12-11\n---\n")
    out = project.run("extract").output
    assert ("warning: source_de/freitag.md:4: no text after the front matter: scheduled for 2026-12-11: the site "
            "publishes a page with only its title on that day; write the text before then") in out, out


def test_a_preview_left_running_rebuilds_when_the_day_changes(project, today):
    """``serve``'s watcher rebuilt on a changed file only: left running overnight, it kept Friday's article out
    of the preview on Friday. A new day is a change too; the same day is none."""
    import threading
    import time

    from conftest import WALL
    from pipeline.config import load_config
    from pipeline.serve import watch

    project.write("source_de/heute.md", article("Grüner Tee", "Grüner Tee wärmt."))
    polls, rebuilt, reported, stop = [], [], [], threading.Event()

    def load():
        polls.append(1)
        return load_config(project.root)

    def after_polls(count: int) -> None:
        """Waits until the watcher has looked ``count`` more times (each look compares with the one before)."""
        until, deadline = len(polls) + count, time.monotonic() + WALL
        while len(polls) < until and time.monotonic() < deadline:
            time.sleep(0.02)

    thread = threading.Thread(target=watch, args=(load, rebuilt.append, stop, reported.append, 0.02), daemon=True)
    thread.start()
    try:
        after_polls(5)
        assert rebuilt == [] and reported == []
        today[0] = FRIDAY
        after_polls(5)
        assert len(rebuilt) == 1 and reported == []
    finally:
        stop.set()
        thread.join(timeout=WALL)


def test_extract_asks_for_a_new_updated_day_when_the_text_of_an_article_changed(project, today):
    """Trial 12: the author changed a dose ("2 x täglich" to "3 x täglich") in an article whose ``updated:`` was
    months old; extract sent the sentence back to review but said nothing of the date, and the pages and the feed
    went on saying "updated on September 14, 2025". Extract notes it at the ``updated:`` line (``date:`` where
    there is none), naming today; it writes nothing into the article. A new article, a draft and an article
    already updated today get no note."""
    text = article("Schulter", "Nehmen Sie 2 x täglich 400 mg. Kühlen hilft.\n", updated="2025-09-14")
    project.write("source_de/schulter.md", text)
    project.write("source_de/knie.md", article("Knie", "Das Knie heilt langsam.\n"))
    project.write("source_de/plan.md", article("Plan", "Ein Plan.\n", draft="true"))
    assert "set updated" not in project.run("extract").output  # new articles: nothing changed
    project.write("source_de/schulter.md", text.replace("2 x", "3 x"))
    project.write("source_de/knie.md", article("Knie", "Das Knie heilt sehr langsam.\n"))
    project.write("source_de/plan.md", article("Plan", "Ein neuer Plan.\n", draft="true"))
    out = project.run("extract").output
    lines = project.read("source_de/schulter.md").splitlines()
    said = [line for line in out.splitlines() if "still says when it last did" in line]
    assert said == [
        f"note: source_de/knie.md:{project.read('source_de/knie.md').splitlines().index('date: 2026-05-26') + 1}: "
        "the text changed (1 sentence), and date: 2026-05-26 still says when it last did: pages and feeds show "
        "that day; if the change matters to readers (a dose, a date, advice), set updated: 2026-12-07",
        f"note: source_de/schulter.md:{lines.index('updated: 2025-09-14') + 1}: the text changed (1 sentence), and "
        "updated: 2025-09-14 still says when it last did: pages and feeds show that day; if the change matters to "
        "readers (a dose, a date, advice), set updated: 2026-12-07"]
    assert project.read("source_de/schulter.md") == text.replace("2 x", "3 x")  # said, never written
    project.write("source_de/schulter.md", text.replace("2 x", "1 x").replace("2025-09-14", "2026-12-07"))
    assert "still says when it last did" not in project.run("extract").output


def test_extract_asks_for_a_new_updated_day_when_a_list_was_reordered(project, today):
    """Trial 29: steps of a list reordered in an article without ``reviewed_by`` went unsaid, though every edition
    shows the new order (with ``reviewed_by`` the medical review's warning counts the move). No translation
    changes, so no sentence is listed; the note at ``date:`` counts the sentences moved."""
    steps = ["Nehmen Sie 300 mg Magnesium.", "Trinken Sie viel Wasser.", "Dehnen Sie die Wade."]

    def listed(order: list[int]) -> str:
        return article("Liste", "So gehen Sie vor:\n\n" + "".join(f"{n}. {steps[i]}\n" for n, i in enumerate(order, 1)))

    project.write("source_de/liste.md", listed([0, 1, 2]))
    project.run("extract")
    project.write("source_de/liste.md", listed([1, 0, 2]))
    out = project.run("extract").output
    line = project.read("source_de/liste.md").splitlines().index("date: 2026-05-26") + 1
    assert (f"note: source_de/liste.md:{line}: the text changed (1 sentence moved), and date: 2026-05-26 still says "
            "when it last did") in out, out
    assert "changed: " not in out and "new: " not in out, out
    assert "still says when it last did" not in project.run("extract").output


def test_build_says_a_drafts_and_a_scheduled_articles_editions_are_on_no_page(project, today):
    """A fresh-user trial: ``wrote editions/en/entwurf.md`` for a ``draft: true`` article read as published. The
    edition is written (the translation as it stands: the site knows the page is there), and its line says that no
    page shows it, and till when; a published article's line stays as it was."""
    _write(project)
    project.write("source_de/entwurf.md", article("Entwurf", "Noch nicht fertig.", draft="true"))
    project.run("extract")
    lines = project.run("build").output.splitlines()
    for lang in ("en", "fr"):
        assert (f"wrote editions/{lang}/entwurf.md (draft: true: the translation as it stands, on no page while the "
                "article is a draft)") in lines
        assert (f"wrote editions/{lang}/freitag.md (scheduled for 2026-12-11: the translation as it stands, on no "
                "page before that day)") in lines
        assert f"wrote editions/{lang}/heute.md" in lines
        assert (project.root / f"editions/{lang}/entwurf.md").is_file()
    assert not (project.root / "site/en/entwurf").exists() and not (project.root / "site/en/freitag").exists()


def test_the_review_warnings_take_today_from_the_site_s_clock(project, today):
    """Trust round D: "last_reviewed … is after today" and "more than 365 days after today" asked the machine's
    date, while the schedule asks the site's (verlag.toml's timezone): in a zone a day behind, a review dated on
    the machine's day was "after today" for the schedule but not for the warning. Both take the site's day, here
    two days before the machine's."""
    machine = dt.date.today()
    today[0] = machine - dt.timedelta(days=2)
    project.write("verlag.toml", 'timezone = "Pacific/Kiritimati"\n' + project.read("verlag.toml"))
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\nupdated: "
                  f"{machine + dt.timedelta(days=364)}\nreviewed_by: Dr. Vogt\n"
                  f"last_reviewed: {machine - dt.timedelta(days=1)}\n---\nTee wärmt.\n")
    for command in ("extract", "check"):
        output = project.run(command).output
        assert (f"warning: source_de/tee.md:6: last_reviewed: {machine - dt.timedelta(days=1)} is after today"
                in output), (command, output)
        assert (f"warning: source_de/tee.md:4: updated: {machine + dt.timedelta(days=364)} is more than 365 days "
                "after today") in output, (command, output)
    assert {str(zone) for zone in today[1]} == {"Pacific/Kiritimati"}

"""Front-matter dates as Hugo, WordPress, Jekyll and YAML write them: read, kept with their zone, shown per locale."""

from __future__ import annotations

import datetime as dt
import json
import os

import feedparser
import pytest
from lxml import etree, html

from pipeline.errors import VerlagError
from pipeline.sources import read_article

UTC = dt.timezone.utc
PLUS2 = dt.timezone(dt.timedelta(hours=2))

ACCEPTED = [
    ("2020-09-09", dt.date(2020, 9, 9)),
    ('"2020-09-09"', dt.date(2020, 9, 9)),
    ("2020-09-09T00:00:00+02:00", dt.datetime(2020, 9, 9, tzinfo=PLUS2)),  # Hugo, WordPress exports
    ("'2020-09-09T00:00:00+02:00'", dt.datetime(2020, 9, 9, tzinfo=PLUS2)),
    ("2020-09-09 10:30", dt.datetime(2020, 9, 9, 10, 30, tzinfo=UTC)),  # Jekyll, without seconds
    ('"2020-09-09 10:30"', dt.datetime(2020, 9, 9, 10, 30, tzinfo=UTC)),
    ("2020-09-09T10:30", dt.datetime(2020, 9, 9, 10, 30, tzinfo=UTC)),
    ("2020-09-09T08:30:00Z", dt.datetime(2020, 9, 9, 8, 30, tzinfo=UTC)),
    ('"2020-09-09T08:30:00Z"', dt.datetime(2020, 9, 9, 8, 30, tzinfo=UTC)),
    ("2020-09-09 10:30:00", dt.datetime(2020, 9, 9, 10, 30, tzinfo=UTC)),  # YAML timestamp without zone
    ("2020-09-09t10:30:00.5 +1", dt.datetime(2020, 9, 9, 10, 30, 0, 500000, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
    ("2020-09-09T10:30+0200", dt.datetime(2020, 9, 9, 10, 30, tzinfo=PLUS2)),
]


def _article(date: str, extra: str = "") -> str:
    return f"---\ntitle: Zecken\nauthor: Eva Beispiel\n{extra}date: {date}\n---\nZecken mögen hohes Gras.\n"


@pytest.mark.parametrize(("written", "expected"), ACCEPTED)
def test_date_forms_other_tools_write_are_read_with_their_zone(project, written, expected):
    from pipeline.sources import read_article

    path = project.write("source_de/zecken.md", _article(written))
    value = read_article(path, "source_de/zecken.md").meta["date"]
    assert value == expected and type(value) is type(expected)
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("written", ["2020/09/09", "2020-13-45", "2020-09-09T25:00", "2020",
                                     "gestern", "2020-09-09 10:30 MESZ", "[2020-09-09]", "2020-W37"])
def test_anything_else_is_one_line_naming_file_line_and_value(project, written):
    project.write("source_de/zecken.md", _article(written, extra="summary: Kurz.\n"))
    result = project.run("extract", code=2)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    expected = (f"date: {written} is no day of the calendar (expected a date like 2026-05-26)"
                if written == "2020-13-45" else f"date: expected a date like 2026-05-26 (got {written})")
    assert errors == [f"error: source_de/zecken.md:5: {expected}"]
    assert "Traceback" not in result.output
    assert not list(project.root.rglob("zecken.po*"))


@pytest.mark.parametrize(("written", "iso"), [
    ("3.10.2025", "2025-10-03"), ("03.10.2025", "2025-10-03"), ("9. 9. 2020", "2020-09-09"),
    ("3. Oktober 2025", "2025-10-03"), ("3. Okt. 2025", "2025-10-03"), ("1. März 2026", "2026-03-01"),
    ("15. Jänner 2026", "2026-01-15"), ("'3.10.2025'", "2025-10-03"),
    ("31.02.2025", None), ("3. Oktobär 2025", None), ("10/3/2025", None)])
def test_a_german_date_gets_its_iso_form_suggested(project, written, iso):
    """Trial 15: ``date: 3.10.2025`` was told only the expected form; the author is shown the day in it."""
    project.write("source_de/zecken.md", _article(written))
    errors = [line for line in project.run("extract", code=2).stderr.splitlines() if line.startswith("error: ")]
    suggestion = f"; write {iso}" if iso else ""
    assert errors == [f"error: source_de/zecken.md:4: date: expected a date like 2026-05-26 (got {written}){suggestion}"]


def test_every_front_matter_mistake_of_a_file_is_named_in_one_run_with_its_line(project):
    """Independent keys, independent mistakes: one run names them all (in line order), exit 2, nothing written for
    the file, and the other articles go on (trial finding F14: four runs for four mistakes)."""
    project.write("source_de/zahl.md", "---\ntitle: Datum als Zahl\ndate: 20261201\nupdated: 2025-01-01\nsummary:\n"
                                       "tags: []\nreviewed_by: \nlast_reviewed: gestern\n---\nText.\n")
    project.write("source_de/tee.md", _article("2020-09-09"))
    for command in ("extract", "build", "check"):
        result = project.run(command, code=2)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert errors == [
            "error: source_de/zahl.md:3: date: expected a date like 2026-05-26 (got 20261201)",
            "error: source_de/zahl.md:5: summary: expected text",
            "error: source_de/zahl.md:7: reviewed_by: expected a name, or 'name:', 'qualification:' and 'url:' "
            "lines under it",
            "error: source_de/zahl.md:8: last_reviewed: expected a date like 2026-05-26 (got gestern)",
        ], (command, result.output)
        assert f"{command}: 1 file with problems" in result.stderr
    assert not list(project.root.rglob("zahl.po*")) and (project.root / "translations/en/tee.po").is_file()


def test_impossible_days_yaml_cannot_construct_are_named_beside_the_other_mistakes(project):
    project.write("source_de/zahl.md", "---\ntitle: Datum\ndate: 2026-13-45\nsummary:\nlast_reviewed: 2026-02-30\n"
                                       "reviewed_by: Dr. Vogt\n---\nText.\n")
    errors = [line for line in project.run("extract", code=2).stderr.splitlines() if line.startswith("error: ")]
    impossible = "is no day of the calendar (expected a date like 2026-05-26)"
    assert errors == [f"error: source_de/zahl.md:3: date: 2026-13-45 {impossible}",
                      "error: source_de/zahl.md:4: summary: expected text",
                      f"error: source_de/zahl.md:5: last_reviewed: 2026-02-30 {impossible}"]


def test_updated_is_checked_like_date(project):
    project.write("source_de/zecken.md", _article("2020-09-09", extra="updated: 31.12.2020\n"))
    result = project.run("build", code=2)
    assert ("error: source_de/zecken.md:4: updated: expected a date like 2026-05-26 (got 31.12.2020); write "
            "2020-12-31") in result.output


@pytest.mark.parametrize(("date", "updated", "earlier"), [
    ("2020-09-09", "2020-09-01", True),
    ("2020-09-09T10:00:00+02:00", "2020-09-09T09:00:00+02:00", True),  # instants: an hour before
    ("2020-09-09T10:00:00+02:00", "2020-09-09T09:00:00+01:00", False),  # the same instant
    ("2020-09-09T10:00:00+02:00", "2020-09-09", False),  # a day: the day of publication
    ("2020-09-09", "2020-09-10", False),
])
def test_updated_earlier_than_date_is_a_warning_of_extract_and_check_at_its_line(project, date, updated, earlier):
    """Both values are valid dates and the page can be built, as with a missing date: a warning (exit 0),
    said by extract and check at the ``updated`` line, while an unreadable date is an error (exit 2)."""
    project.write("source_de/zecken.md", _article(date, extra=f"updated: {updated}\n"))
    expected = f"warning: source_de/zecken.md:4: updated: {updated} is earlier"
    extracted, checked = project.run("extract").output, project.run("check").output
    assert (expected in extracted, expected in checked) == (earlier, earlier)
    if earlier:
        assert "is earlier than date:" in extracted and "[front-matter]" in checked


def test_control_character_in_front_matter_is_reported_on_its_line(project):
    project.write("source_de/zecken.md", "---\ntitle: Zecken\ndate: 2020-09-09\nsummary: Ein\x07Satz.\n---\nText.\n")
    result = project.run("extract", code=2)
    assert "error: source_de/zecken.md:4: invalid YAML front matter: character U+0007 is not allowed" in result.output


@pytest.mark.parametrize(("indent", "blank"), [("  ", "a space"), (" ", "a space"), ("\t", "a tab")])
def test_a_key_left_indented_after_uncommenting_it_is_named_as_indented(project, indent, blank):
    """``verlag new`` writes '# summary: …'; deleting only the '#' leaves the key indented."""
    project.run("new", "Zecken")
    path = project.root / "source_de/zecken.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# summary:", f"{indent}summary:"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(next(
        x for x in path.read_text(encoding="utf-8").splitlines() if x.lstrip().startswith("summary:"))) + 1
    errors = [x for x in project.run("extract", code=2).stderr.splitlines() if x.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: source_de/zecken.md:{line}: invalid YAML front matter: ")
    assert f"'summary:' is indented (the line starts with {blank}), so YAML reads it as part of the value above" \
        in errors[0] and "needs quotes" not in errors[0] and "double quotes" not in errors[0]


def test_yaml_syntax_error_points_at_its_line_after_a_blank_first_line(project):
    project.write("source_de/zecken.md", "---\n\ntitle: Zecken\ndate: 2020-09-09\ntags: [Garten\n---\nText.\n")
    result = project.run("extract", code=2)
    assert result.stderr.startswith("error: source_de/zecken.md:")
    line = int(result.stderr.split(":")[2])
    assert line in (5, 6)  # the unclosed flow sequence: its line or the fence that ends it


def test_feed_sitemap_and_page_keep_the_zone_and_show_the_local_day(project):
    project.write("verlag.toml", 'name = "Garten"\nsource_language = "de"\nlanguages = ["en"]\n'
                                 '[site]\nbase_url = "https://example.org/"\n')
    project.write("source_de/zecken.md", _article("2020-09-09T00:30:00+02:00", extra="updated: 2020-09-10 10:30\n"))
    project.write("source_de/igel.md", "---\ntitle: Igel\ndate: 2020-09-09\n---\nIgel fressen Schnecken.\n")
    project.run("build")
    site = project.root / "site"

    page = html.parse(str(site / "de/zecken/index.html")).getroot()
    times = [(t.get("datetime"), t.text_content()) for t in page.xpath("//main//time")]
    # 00:30 in UTC+2 is the evening before in UTC: the reader sees the author's day
    assert times == [("2020-09-09T00:30:00+02:00", "9.\u00a0September 2020"),  # day and month on one line
                     ("2020-09-10T10:30:00+00:00", "10.\u00a0September 2020")]

    feed = feedparser.parse((site / "de/feed.xml").read_bytes())
    assert not feed.bozo
    entries = {e.link.rsplit("/", 2)[-2]: e for e in feed.entries}
    assert entries["zecken"].published == "2020-09-09T00:30:00+02:00"
    assert entries["zecken"].updated == "2020-09-10T10:30:00Z"
    assert entries["igel"].published == "2020-09-09T00:00:00Z"
    assert feed.feed.updated == "2020-09-10T10:30:00Z"
    # newest first by instant: zecken (08-09 22:30 UTC) is older than igel (09-09 00:00 UTC)
    assert [e.link.rsplit("/", 2)[-2] for e in feed.entries] == ["igel", "zecken"]

    sitemap = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
               for u in sitemap.getroot().findall("s:url", ns)}
    assert lastmod["https://example.org/de/zecken/"] == "2020-09-10T10:30:00+00:00"
    assert lastmod["https://example.org/de/igel/"] == "2020-09-09"


def test_an_unclosed_bracket_is_named_at_the_line_it_opened_not_where_yaml_noticed(project):
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\nauthor: A\ntags: [Tee, Leber\n"
                                      "summary: Das geht: schief\n---\nText.\n")
    errors = [x for x in project.run("extract", code=2).stderr.splitlines() if x.startswith("error: ")]
    assert errors == ["error: source_de/tee.md:5: invalid YAML front matter: '[' is not closed with ']' (YAML "
                      "noticed on line 6: expected ',' or ']', but got ':'); end it on the same line, "
                      "e.g. tags: [Tee, Leber]"]
    project.write("source_de/tee.md", "---\ntitle: Tee\ntags: [Tee, Leber}\n---\nText.\n")  # wrong on its own line
    errors = [x for x in project.run("extract", code=2).stderr.splitlines() if x.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith("error: source_de/tee.md:3: invalid YAML") \
        and "not closed" not in errors[0]


def test_a_french_page_writes_the_first_of_a_month_as_1er(project):
    """French typography: "1er avril 2026", then "2 avril 2026" (CLDR's "d MMMM y" gives "1 avril 2026"); the day
    stays with its month (U+00A0)."""
    from conftest import review

    project.write("verlag.toml", 'name = "Garten"\nsource_language = "de"\nlanguages = ["fr"]\n')
    project.write("source_de/igel.md", "---\ntitle: Igel\ndate: 2026-04-01\nupdated: 2026-04-02\n---\n"
                                       "Igel fressen Schnecken.\n")
    project.run("extract")
    review(project, "fr", "igel", {("title", "Igel"): "Hérissons",
                                   "Igel fressen Schnecken.": "Les hérissons mangent des limaces."})
    project.run("build")
    for lang, shown in (("fr", ["1er\u00a0avril 2026", "2\u00a0avril 2026"]), ("de", ["1.\u00a0April 2026", "2.\u00a0April 2026"])):
        page = html.parse(str(project.root / f"site/{lang}/igel/index.html")).getroot()
        assert [t.text_content() for t in page.xpath("//main//time")] == shown


@pytest.mark.parametrize(("front", "line", "said"), [
    ("tags: [Tee,\n  Leber: x: y,\n  Galle]\n", 4, "expected ',' or ']', but got ':'"),
    ("reviewed_by: {name: Dr. Vogt,\n  url: https://x.de/a: b}\n", 4, "expected ',' or '}', but got ':'"),
    ("tags: [Tee, 'Ga]le',  # ein ] im Kommentar\n  Leber: x: y, \"Mi}lz\"]\n", 4, "expected ',' or ']', but got ':'"),
])
def test_a_bracket_closed_on_a_later_line_is_not_called_unclosed(tmp_path, front, line, said):
    """The problem is then where YAML found it: a ': ' inside the brackets, which needs quotes."""
    assert _refused(tmp_path, front) == (f"tee.md:{line}: invalid YAML front matter: {said}; a value with ': ' in it needs "
                                 'quotes, e.g. tags: [Tee, "Leber: Galle"]')


@pytest.mark.parametrize("front", ["tags: [Tee, 'Ga]le',\n  Leber\nsummary: x\n",
                                   "tags: [Tee, # ]\n  Leber\nsummary: x\n",
                                   "tags: [Tee, \"a\\\"]\",\n  Leber\nsummary: x\n"])
def test_a_bracket_closed_only_inside_quotes_or_a_comment_is_unclosed(tmp_path, front):
    assert _refused(tmp_path, front).startswith("tee.md:3: invalid YAML front matter: '[' is not closed with ']'")


@pytest.mark.parametrize(("front", "line", "hint"), [
    ("reviewed_by:\n  name: Dr. Vogt\n  qualification: Fachärztin: Innere Medizin\n", 5,
     "mapping values are not allowed here; a value with ': ' in it needs quotes"),
    ("reviewed_by:  # wer prüfte\n\n  qualification: Fachärztin: Innere Medizin\n", 5,
     "mapping values are not allowed here; a value with ': ' in it needs quotes"),
    ("quellen:\n  - name: Leitlinie\n    stand: Mai: 2025\n", 5,
     "mapping values are not allowed here; a value with ': ' in it needs quotes"),
    ("reviewed_by:\n\tname: Dr. Vogt\n", 4, "cannot start any token; indent it with spaces: YAML does not allow a tab"),
])
def test_a_key_nested_under_a_key_without_value_is_not_told_to_start_at_the_line_start(tmp_path, front, line, hint):
    """Its indentation is right (following that advice would take it out of ``reviewed_by``)."""
    said = _refused(tmp_path, front)
    assert said.startswith(f"tee.md:{line}: invalid YAML front matter: ") and hint in said and "is indented" not in said


def _refused(tmp_path, front: str) -> str:
    """What ``read_article`` says of an article with ``front`` after its ``title:`` line."""
    path = tmp_path / "tee.md"
    path.write_text(f"---\ntitle: Tee\n{front}---\nText.\n", encoding="utf-8")
    with pytest.raises(VerlagError) as caught:
        read_article(path, "tee.md")
    return str(caught.value)


def test_verlag_tomls_timezone_places_front_matter_times_without_a_zone_in_every_output(project):
    """``date: 2024-03-10 21:15:00`` in a project with ``timezone = "Europe/Berlin"`` is 21:15 in Berlin, as the
    import reads such times: the page's ``<time>``, its JSON-LD and the Atom feed say ``+01:00``, not UTC. A time
    with its own offset keeps it; changing the zone changes the next build's pages though no source changed."""
    config = project.read("verlag.toml")
    project.write("verlag.toml", config + 'timezone = "Europe/Berlin"\n')
    project.write("source_de/zecken.md", _article("2024-03-10 21:15:00", extra="updated: 2024-03-12T08:00:00+00:00\n"))
    project.run("extract")
    project.run("build")

    def stamps() -> tuple[str, str, str, str]:
        page = html.fromstring(project.read("site/de/zecken/index.html"))
        ld = next(json.loads(s.text) for s in page.xpath("//script[@type='application/ld+json']")
                  if '"datePublished"' in s.text)
        ld = next(item for item in ld.get("@graph", [ld]) if "datePublished" in item)
        feed = etree.fromstring(project.read("site/de/feed.xml").encode())
        published = feed.findtext("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}published")
        return page.xpath("string(//time/@datetime)"), ld["datePublished"], ld["dateModified"], published

    assert stamps() == ("2024-03-10T21:15:00+01:00", "2024-03-10T21:15:00+01:00", "2024-03-12T08:00:00+00:00",
                        "2024-03-10T21:15:00+01:00")
    project.write("verlag.toml", config + 'timezone = "Asia/Tokyo"\n')
    project.run("build")
    assert stamps()[::3] == ("2024-03-10T21:15:00+09:00", "2024-03-10T21:15:00+09:00")


def test_an_undated_articles_page_follows_its_files_modification_day_across_builds(project):
    """Without ``date:`` an article's day is its file's modification day; a build after that day moved (``touch``,
    a ``git checkout``) shows the new day, as a build from nothing does, not the day the last build recorded."""
    path = project.write("source_de/zecken.md", "---\ntitle: Zecken\nauthor: Eva Beispiel\n---\nZecken mögen Gras.\n")
    noon = lambda day: dt.datetime.combine(day, dt.time(12)).timestamp()  # noqa: E731  (local noon: that day anywhere)
    os.utime(path, (noon(dt.date(2020, 1, 15)),) * 2)
    project.run("extract")
    project.run("build")
    os.utime(path, (noon(dt.date(2021, 2, 20)),) * 2)
    project.run("build")
    page = html.fromstring(project.read("site/de/zecken/index.html"))
    assert page.xpath("string(//time/@datetime)") == "2021-02-20"
    assert [json.loads(project.read(f"editions/{lang}/zecken.json"))["date"] for lang in ("de", "en", "fr")] == \
        ["2021-02-20"] * 3


def test_an_undated_articles_day_is_its_modification_day_on_the_clock_of_verlag_tomls_timezone(project, monkeypatch):
    """``timezone = "Pacific/Kiritimati"`` (UTC+14): a source without ``date:`` saved at 20:00 UTC on 15 January
    was saved on the 16th by the author's clock, whatever zone the machine that builds runs in (here UTC)."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        project.write("verlag.toml", project.read("verlag.toml") + 'timezone = "Pacific/Kiritimati"\n')
        path = project.write("source_de/zecken.md", "---\ntitle: Zecken\nauthor: Eva Beispiel\n---\nZecken mögen Gras.\n")
        saved = dt.datetime(2020, 1, 15, 20, tzinfo=UTC).timestamp()
        os.utime(path, (saved, saved))
        project.run("build")
        assert json.loads(project.read("editions/de/zecken.json"))["date"] == "2020-01-16"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_day_without_a_time_starts_at_midnight_in_verlag_tomls_timezone(project):
    """Hugo's ``date = 2024-06-20`` in a project with ``timezone = "Europe/Berlin"`` was stamped midnight UTC in
    the feed, two hours after the author's day began (Hugo's own feed said +02:00). The feed's entries and its
    updated start the day at midnight in that zone, and articles are ordered by that instant: one published at
    01:30 in Berlin that day (23:30 UTC the day before) is the newer. Pages and JSON-LD keep the day as written."""
    config = project.read("verlag.toml")
    project.write("verlag.toml", config + 'timezone = "Europe/Berlin"\n')
    project.write("source_de/igel.md", "---\ntitle: Igel\ndate: 2024-06-20\n---\nIgel fressen Schnecken.\n")
    project.write("source_de/zecken.md", _article("2024-06-19T23:30:00Z"))
    project.run("build")
    atom = "{http://www.w3.org/2005/Atom}"

    def feed() -> tuple[str, list[tuple[str, str, str]]]:
        root = etree.fromstring(project.read("site/de/feed.xml").encode())
        return root.findtext(f"{atom}updated"), [
            (e.findtext(f"{atom}id").rsplit("/", 2)[-2], e.findtext(f"{atom}published"), e.findtext(f"{atom}updated"))
            for e in root.findall(f"{atom}entry")]

    assert feed() == ("2024-06-19T23:30:00Z", [("zecken", "2024-06-19T23:30:00Z", "2024-06-19T23:30:00Z"),
                                               ("igel", "2024-06-20T00:00:00+02:00", "2024-06-20T00:00:00+02:00")])
    index = html.fromstring(project.read("site/de/index.html"))
    listed = index.xpath("//ol[@class='article-list']//h2/a/@href")
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href in listed] == ["zecken", "igel"]
    page = html.fromstring(project.read("site/de/igel/index.html"))
    ld = next(json.loads(s.text) for s in page.xpath("//script[@type='application/ld+json']")
              if "datePublished" in s.text)
    assert (page.xpath("string(//main//time/@datetime)"), ld["datePublished"]) == ("2024-06-20", "2024-06-20")
    project.write("verlag.toml", config + 'timezone = "Asia/Tokyo"\n')
    project.run("build")
    assert feed()[1][1][1] == "2024-06-20T00:00:00+09:00"


def test_a_time_the_clocks_skip_is_moved_forward_and_said_and_one_they_pass_twice_is_the_first(project):
    """``date: 2026-03-29 02:30`` in Europe/Berlin is no time there (the clocks go from 02:00 to 03:00): the page
    said ``02:30:00+01:00``, a wall time that never was. As zoneinfo reads it (fold=0, RFC 9557's "compatible")
    it is 03:30+02:00, the same instant, and extract and check say so at its line. 02:30 on 2026-10-25 happens
    twice (03:00 goes back to 02:00): the first, +02:00, as before."""
    project.write("verlag.toml", project.read("verlag.toml") + 'timezone = "Europe/Berlin"\n')
    project.write("source_de/luecke.md", _article("2026-03-29 02:30"))
    project.write("source_de/doppelt.md", _article("2026-10-25 02:30:00").replace("Zecken", "Doppelt"))
    said = ("warning: source_de/luecke.md:4: date: 2026-03-29 02:30 is no time on the author's clock (verlag.toml's "
            "timezone skips that hour for summer time): read as 2026-03-29 03:30+02:00")
    assert said in project.run("extract").output
    assert said in project.run("check").output and "doppelt.md:4" not in project.run("check").output
    project.run("build")
    for slug, stamp in (("luecke", "2026-03-29T03:30:00+02:00"), ("doppelt", "2026-10-25T02:30:00+02:00")):
        page = html.fromstring(project.read(f"site/de/{slug}/index.html"))
        assert page.xpath("string(//time/@datetime)") == stamp, slug
    entries = feedparser.parse(project.read("site/de/feed.xml")).entries
    assert sorted(e.published for e in entries) == ["2026-03-29T03:30:00+02:00", "2026-10-25T02:30:00+02:00"]


def test_a_stray_dashes_line_inside_the_front_matter_is_named_at_its_line(project):
    """Trial 14, finding 6c: a ``---`` line inside the front matter ended it early, and the only word was "no
    'date:' in the front matter"; extract names the likely cause at that line, with the keys it cut off."""
    project.write("source_de/tee.md", "---\ntitle: Tee\n---\ndate: 2025-01-02\ntags:\n  - Winter\n---\nIngwer wärmt.\n")
    out = project.run("extract").output
    assert ("source_de/tee.md:3: '---' ends the front matter here, but lines 4-6 (date:, tags:) read as front matter "
            "up to the '---' at line 7: a stray '---'? delete this line, or the other one if they are the article's "
            "text") in out, out
    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2025-01-02\n---\nFazit: gut.\n\n---\nMehr.\n")
    assert "stray" not in project.run("extract").output


def test_a_languages_locale_and_its_long_date_pattern_are_made_once_per_run_not_per_page(monkeypatch):
    """Every page names its language and its other editions' and shows its dates: Babel's ``Locale`` of a tag, its
    Open Graph locale and the long date pattern with its no-break spaces are made once per run (each page parsed
    them anew, some seven ``Locale.parse`` calls a page), and read the same."""
    import babel.dates
    from babel import Locale

    from pipeline import site, social
    from pipeline.nobreak import date_pattern

    for cached in (site._locale, social.og_locale, date_pattern):
        getattr(cached, "cache_clear", lambda: None)()  # what earlier tests kept
    parsed, tokenized = [], []
    parse = Locale.parse
    monkeypatch.setattr(Locale, "parse", classmethod(
        lambda cls, identifier, *args, **kwargs: (parsed.append(identifier) if isinstance(identifier, str) else None)
        or parse(identifier, *args, **kwargs)))
    tokenize = babel.dates.tokenize_pattern
    monkeypatch.setattr(babel.dates, "tokenize_pattern", lambda pattern: tokenized.append(pattern) or tokenize(pattern))
    for day, shown in ((dt.date(2026, 5, 26), "26.\u00a0Mai 2026"), (dt.date(2026, 4, 1), "1.\u00a0April 2026"),
                       (dt.date(2026, 12, 3), "3.\u00a0Dezember 2026")):  # three pages
        assert (site.language_name("de"), site.english_name("de"), social.og_locale("en")) == \
            ("Deutsch", "German", "en_US")
        assert site.long_date(day, site._locale("de")) == shown
    assert sorted(parsed) == ["de", "en", "en"]
    assert tokenized.count("d. MMMM y") == 1  # CLDR's long German date, then its day and month kept together


@pytest.mark.parametrize("written", ["9999-12-31T23:59:59-12:00", "'0001-01-01T00:30:00+01:00'"])
def test_an_instant_outside_years_1_to_9999_in_utc_is_an_error_at_its_line_and_the_others_are_built(project, written):
    """9999-12-31T23:59:59-12:00 is year 10000 in UTC, which no RFC 3339 date of a feed or the sitemap has: it was
    published as "31. Dezember 9999". The message says why, not that a date like 2026-05-26 was expected."""
    project.write("source_de/fern.md", _article(written))
    project.write("source_de/igel.md", "---\ntitle: Igel\ndate: 2024-06-20\n---\nIgel fressen Schnecken.\n")
    out = project.run("build", code=2).output
    assert (f"error: source_de/fern.md:4: date: {written} is outside the years 1 to 9999 in UTC, in which feeds "
            "and the sitemap give dates (RFC 3339)") in out, out
    assert (project.root / "site/de/igel/index.html").is_file() and not (project.root / "site/de/fern").exists()


def test_a_date_before_1990_or_more_than_a_year_ahead_is_a_warning_at_its_line(project):
    """0001-01-01 was published as "1. Januar 1" and 9999-12-31 as "31. Dezember 9999" without a word: both are
    days (the site builds), but no day a web article was written or is scheduled for. Warnings of extract and
    check at the line; 1990-01-01 and a day 300 days ahead are none."""
    ahead, near = dt.date.today() + dt.timedelta(days=400), dt.date.today() + dt.timedelta(days=300)
    project.write("source_de/alt.md", _article("0001-01-01", extra=f"updated: {ahead}\n"))
    project.write("source_de/igel.md", _article("1990-01-01", extra=f"updated: {near}\n").replace("Zecken", "Igel"))
    for command in ("extract", "check"):
        out = project.run(command).output
        assert ("warning: source_de/alt.md:5: date: 0001-01-01 is before 1990; the pages show it and the lists sort "
                "by it as written") in out, out
        assert f"warning: source_de/alt.md:4: updated: {ahead} is more than 365 days after today" in out
        assert "igel.md" not in out, out


def test_a_day_before_standard_time_is_in_the_feed_with_a_whole_minute_offset(project):
    """A day starts at midnight in verlag.toml's timezone (``site._instant``); before 1893 Berlin's clock was its
    local mean time, +00:53:28, and the feed said 1850-06-01T00:00:00+00:53:28, which RFC 3339 (offsets in hours
    and minutes) and feed readers do not read. It is given in UTC, as a time of that day is."""
    project.write("verlag.toml", project.read("verlag.toml") + 'timezone = "Europe/Berlin"\n')
    project.write("source_de/alt.md", "---\ntitle: Alt\ndate: 1850-06-01\n---\nAlter Tee wärmt.\n")
    project.run("build")
    feed = etree.fromstring(project.read("site/de/feed.xml").encode())
    assert feed.xpath("//*[local-name()='published']/text()") == ["1850-05-31T23:06:32Z"]


@pytest.mark.parametrize(("extra", "line", "said"), [
    ("last_reviewed: 2026-04-10\n", 4, "last_reviewed: 2026-04-10 without reviewed_by: every edition says the text "
                                       "was last reviewed on that day, by no one it names"),
    ("reviewed_by: Dr. med. Jana Vogt\n", 4, "reviewed_by without last_reviewed: readers are told who checked the "
                                             "text, not when"),
    ("reviewed_by: Dr. med. Jana Vogt\nlast_reviewed: 2099-01-01\n", 5,
     "last_reviewed: 2099-01-01 is after today: a review cannot have happened yet"),
    ("reviewed_by: Dr. med. Jana Vogt\nlast_reviewed: 2026-04-10\n", None, None),
])
def test_a_medical_review_the_pages_would_claim_only_in_part_is_a_warning_of_extract_and_check(project, extra, line,
                                                                                                  said):
    """Trial 11: ``last_reviewed`` alone made every edition say "Last reviewed on 10 April 2026", checked by
    nobody it named; ``reviewed_by`` alone said who, not when; a review day after today was shown as done. Each
    is said at its line by extract and check (a warning: the page can be built); a whole review is not."""
    project.write("source_de/zecken.md", _article("2026-04-01", extra=extra))
    extracted, checked = project.run("extract").output, project.run("check").output
    for out in (extracted, checked):
        if said is None:
            assert "reviewed" not in out, out
        else:
            assert f"warning: source_de/zecken.md:{line}: {said}" in out, out

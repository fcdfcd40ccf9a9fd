"""``verlag import`` of embedded pages (``<iframe>``): a video player, a map or a booking widget becomes a link to
it, the same from Hugo or Jekyll Markdown, a saved page and a WordPress export, and the summary says each: the new
page loads nothing from another host before the reader follows the link."""

from __future__ import annotations

import re

from conftest import Project
from test_import_old_blog import HOST, LEAD, wxr

PLAYERS = ("+++\ntitle = \"Dehnen am Morgen\"\ndate = 2024-03-01\n+++\nFünf Minuten am Morgen reichen schon.\n\n"
           '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abcDEF12345" '
           'title="Dehnübungen für den Nacken" frameborder="0" allowfullscreen></iframe>\n\n'
           "Danach fühlt sich der Rücken leichter an.\n\n"
           '<div class="video"><iframe src="https://player.vimeo.com/video/76979871" title="vimeo-player">'
           "</iframe></div>\n\n"
           "```html\n<iframe src=\"https://www.youtube.com/embed/beispiel\"></iframe>\n```\n")


def test_a_video_player_in_hugo_markdown_becomes_a_link_to_the_video_with_its_line_said(project: Project, tmp_path):
    """A raw YouTube or Vimeo ``<iframe>`` in a Hugo or Jekyll post was kept, so the new page loaded the player
    from YouTube before any consent, and only ``check`` warned (``active-html``). It becomes a Markdown link to the
    video's page, named by its title where that names the video, in its own block too; the summary names each at
    its line of the file. An iframe in a code block is code and stays."""
    post = tmp_path / "dehnen.md"
    post.write_text(PLAYERS, encoding="utf-8")
    out = project.run("import", str(post)).output
    assert "  dehnen-am-morgen.md:8: embed kept as a link: https://www.youtube.com/watch?v=abcDEF12345 (an <iframe> " \
           "from www.youtube-nocookie.com: a page loads nothing from it until the reader follows the link)\n" in out
    assert "  dehnen-am-morgen.md:12: embed kept as a link: https://vimeo.com/76979871 (an <iframe> from player.vimeo" in out
    assert "runs code or loads from another host" not in out
    body = project.read("source_de/dehnen-am-morgen.md").split("---\n", 2)[2]
    assert body == ("Fünf Minuten am Morgen reichen schon.\n\n"
                    "[Dehnübungen für den Nacken](https://www.youtube.com/watch?v=abcDEF12345)\n\n"
                    "Danach fühlt sich der Rücken leichter an.\n\n<https://vimeo.com/76979871>\n\n"
                    "```html\n<iframe src=\"https://www.youtube.com/embed/beispiel\"></iframe>\n```\n")
    path = project.root / "source_de/dehnen-am-morgen.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    project.run("extract")
    assert "[active-html]" not in project.run("check").output
    project.run("build")
    page = (project.root / "site/de/dehnen-am-morgen/index.html").read_text(encoding="utf-8")
    assert "<iframe" not in page.replace("&lt;iframe", "")
    assert '<a href="https://www.youtube.com/watch?v=abcDEF12345">Dehnübungen für den Nacken</a>' in page


MAP = "https://www.google.com/maps/embed?pb=!1m18!1m12"
BOOKING = "https://termine.example/widget/praxis"


def test_a_map_or_booking_widget_becomes_the_same_link_from_a_saved_page_a_wordpress_post_and_markdown(
        project: Project, tmp_path):
    """A saved page dropped a map's or booking widget's ``<iframe>`` without a word; a WordPress post made it a bare
    link to the embed address; Hugo Markdown kept it. Each now gives a link named by the iframe's title, or by its
    address with a note asking for a text, and the summary names it at its line of the article written."""
    page = tmp_path / "anfahrt.html"
    page.write_text('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Anfahrt zur Praxis</title>'
                    '</head><body><nav><a href="/">Start</a></nav><article><h1>Anfahrt zur Praxis</h1>\n'
                    f"<p>{LEAD} Sie finden uns am Marktplatz, gleich neben der Apotheke.</p>\n"
                    f'<iframe src="{MAP}" width="600" height="450" title="Karte der Praxis"></iframe>\n'
                    "<p>Parkplätze gibt es hinter dem Haus, zwei davon sind für Patientinnen reserviert.</p>\n"
                    f'<iframe src="{BOOKING}" width="600" height="400"></iframe>\n'
                    "<p>Mit dem Bus fahren Sie bis zur Haltestelle Marktplatz, dann zwei Minuten zu Fuß.</p>\n"
                    "</article></body></html>\n", encoding="utf-8")
    export = tmp_path / "export.xml"
    export.write_text(wxr(
        f"<title>Anfahrt</title><link>{HOST}/anfahrt/</link><wp:post_id>5</wp:post_id>"
        "<wp:post_date>2024-05-02 09:00:00</wp:post_date><wp:post_name>anfahrt</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA["
        f'{LEAD}\n\n<iframe src="{MAP}" title="Karte der Praxis" width="600"></iframe>\n\nTermine:\n\n'
        f'<iframe src="{BOOKING}"></iframe>\n\nParkplätze gibt es hinter dem Haus.]]></content:encoded>'),
        encoding="utf-8")
    markdown = tmp_path / "weg.md"
    markdown.write_text(f"---\ntitle: Der Weg zu uns\ndate: 2024-05-03\n---\n{LEAD}\n\n"
                        f'<iframe src="{MAP}" title="Karte der Praxis"></iframe>\n\n'
                        f'Termine: <iframe src="{BOOKING}"></iframe>\n', encoding="utf-8")
    out = project.run("import", str(page), str(export), str(markdown)).output
    named = (f"embedded page kept as a link: {MAP} named 'Karte der Praxis' (an <iframe> from www.google.com showed "
             "it inside the page: the new page loads nothing from it until the reader follows the link)\n")
    bare = (f"embedded page kept as a link: {BOOKING} (an <iframe> from termine.example showed it inside the page: "
            "the new page loads nothing from it until the reader follows the link; its text is the address: write "
            "what it shows instead, a map or a booking form)\n")
    at = {note: [int(n) for n in re.findall(rf"^  [a-z-]+\.md:(\d+): {re.escape(note)}", out, re.M)]
          for note in (named, bare)}
    for n, slug in enumerate(("anfahrt-zur-praxis", "anfahrt", "der-weg-zu-uns")):  # in the order imported
        lines = project.read(f"source_de/{slug}.md").split("\n")
        assert f"[Karte der Praxis]({MAP})" in lines[at[named][n] - 1], slug  # the line the summary names
        assert f"<{BOOKING}>" in lines[at[bare][n] - 1] and "iframe" not in "\n".join(lines), slug


def test_the_lines_the_summary_names_are_those_of_the_article_written_with_verlag_tomls_author(project, tmp_path):
    """The import adds ``author:`` from verlag.toml where the source names none: the lines the summary named for raw
    HTML were counted without that line, one short."""
    project.write("verlag.toml", project.read("verlag.toml") + 'author = "Jana Vogt"\n')
    post = tmp_path / "zaehler.md"
    post.write_text(f"---\ntitle: Zähler\ndate: 2024-05-03\n---\n{LEAD}\n\n"
                    '<script src="https://zaehler.example.com/t.js"></script>\n\n'
                    f'<iframe src="{BOOKING}" title="Termin buchen"></iframe>\n', encoding="utf-8")
    out = project.run("import", str(post)).output
    lines = project.read("source_de/zaehler.md").split("\n")
    assert "author: Jana Vogt" in lines
    script = re.search(r"  zaehler\.md:(\d+) runs code or loads from another host: <script>", out)
    embed = re.search(r"  zaehler\.md:(\d+): embedded page kept as a link", out)
    assert lines[int(script.group(1)) - 1].startswith("<script")
    assert lines[int(embed.group(1)) - 1] == f"[Termin buchen]({BOOKING})"


FEED_PLAYER = (
    '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'version="2.0"><channel><title>Blog</title><link>https://kraeuter.example/blog</link>\n<item><title>Dehnen'
    '</title><link>https://kraeuter.example/post/dehnen</link><pubDate>Sat, 12 Oct 2024 22:30:00 GMT</pubDate>'
    f'<content:encoded><![CDATA[<p>{LEAD}</p>\n<script src="https://stats.example/z.js"></script><script>var besuche = 1;'
    '</script>\n<p>Fünf Minuten am Morgen reichen schon.</p>\n<iframe src="https://www.youtube-nocookie.com/embed/'
    'abcDEF12345" title="Dehnübungen für den Nacken"></iframe>\n<p>Danach fühlt sich der Rücken leichter an.</p>'
    ']]></content:encoded></item>\n</channel></rss>\n')


def test_a_feeds_video_player_becomes_a_link_and_its_scripts_are_named(project: Project, tmp_path):
    """feedparser's sanitizer took a feed entry's ``<iframe>`` out before the import saw it: the video was gone from
    the article, unsaid, where a saved page's or a WordPress post's player becomes a link. The entry is converted
    as a post is: the player a link to the video, its scripts named as left out, and their code in no summary."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(FEED_PLAYER, encoding="utf-8")
    out = project.run("import", str(feed)).output
    text = project.read("source_de/dehnen.md")
    assert "[Dehnübungen für den Nacken](https://www.youtube.com/watch?v=abcDEF12345)\n\nDanach" in text
    assert "embed kept as a link: https://www.youtube.com/watch?v=abcDEF12345 (an <iframe> from " in out
    assert "left out: <script> from stats.example" in out and "left out: an inline script" in out
    assert "besuche" not in text and "script" not in text and "iframe" not in text


def test_a_feeds_embed_made_a_link_is_named_at_its_line_of_the_file_written(project: Project, tmp_path):
    """Under 'wrote source_de/dehnen.md (from blog-feed.xml:2)' the summary said 'line 6: embed kept as a link', which
    read as a line of the feed (and under a Hugo file's 'wrote', as one of that file, as its figures' notes are): it
    names the article's file, as the notes of raw HTML do, and that line holds the link."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(FEED_PLAYER, encoding="utf-8")
    out = project.run("import", str(feed)).output
    lines = project.read("source_de/dehnen.md").split("\n")
    at = re.search(r"\n  dehnen\.md:(\d+): embed kept as a link: https://www\.youtube\.com/watch\?v=abcDEF12345 ", out)
    assert at and lines[int(at.group(1)) - 1].startswith("[Dehnübungen für den Nacken]("), out
    assert not re.search(r"\n  line \d+: embed", out), out


def test_a_feeds_line_that_loads_from_another_host_is_named_by_the_file_written(project: Project, tmp_path):
    """Trial 6: under 'wrote source_de/holunder.md (from blog-feed.xml:2)' the summary said 'line 17 runs code or
    loads from another host', which read as a line of the three-line feed; it names the article's file, as check
    does, and that line holds the image."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'version="2.0"><channel><title>Blog</title><link>https://kraeuter.example/blog</link>\n<item><title>Holunder'
        '</title><link>https://kraeuter.example/post/holunder</link><pubDate>Sat, 12 Oct 2024 22:30:00 GMT</pubDate>'
        f'<content:encoded><![CDATA[<p>{LEAD}</p><h2>Ernte</h2><p>{LEAD}</p><img src="https://static.wixstatic.com/'
        'media/abc.jpg" alt="Reife Holunderbeeren">]]></content:encoded></item>\n</channel></rss>\n',
        encoding="utf-8")
    out = project.run("import", str(feed)).output
    lines = project.read("source_de/holunder.md").split("\n")
    at = re.search(r"\n  holunder\.md:(\d+) runs code or loads from another host: image from static\.wixstatic\.com\n",
                   out)
    assert at and lines[int(at.group(1)) - 1].startswith("![Reife Holunderbeeren]"), out
    assert not re.search(r"\n  line \d+ runs code", out), out


FEED_BLOCKS = (
    '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'version="2.0"><channel><title>Blog</title><link>https://kraeuter.example/blog</link>\n<item><title>Rücken'
    '</title><link>https://kraeuter.example/post/ruecken</link><pubDate>Sat, 12 Oct 2024 10:30:00 GMT</pubDate>'
    '<content:encoded><![CDATA[<p>Der Rücken dankt es Ihnen.</p><p>Klicken Sie <a href="https://ok.example">hier'
    '</a>.</p><ul><li>Dehnen</li><li>Gehen</li></ul><p>Erste Zeile<br>zweite Zeile.</p>]]></content:encoded></item>'
    '\n</channel></rss>\n')


def test_a_feed_entrys_summary_keeps_the_words_of_two_blocks_apart(project: Project, tmp_path):
    """A feed entry with its content alone: feedparser gives the content as the summary too, and its words were
    joined across blocks ("Ihnen.Klicken", "DehnenGehen"), in every list of articles and the meta description."""
    feed = tmp_path / "blog-feed.xml"
    feed.write_text(FEED_BLOCKS, encoding="utf-8")
    project.run("import", str(feed))
    text = project.read("source_de/ruecken.md")
    assert "summary: Der Rücken dankt es Ihnen. Klicken Sie hier. Dehnen Gehen Erste Zeile zweite Zeile.\n" in text

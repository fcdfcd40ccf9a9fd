"""``verlag import`` of an old site on another host than the new site's (a Hugo blog at blog.praxis.example, Wix at
www.praxis-alt.example) into a project whose ``base_url`` is ``https://praxis.example/``: the old addresses it keeps
become redirects of the new host, which answer the old host's visitors only once that host is pointed at the new
site; the import says so once (fresh-user trial 34 #11)."""

from __future__ import annotations

from conftest import Project
from test_import_sites import tree
from test_import_wordpress import HOST, post, wxr


def own_host(project: Project, base_url: str = "https://praxis.example/") -> Project:
    project.write("verlag.toml", f'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n\n'
                                 f'[site]\nbase_url = "{base_url}"\n')
    return project


def said(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("note: the old addresses of ")]


def test_old_addresses_of_another_host_are_said_once_to_need_that_host_pointed_at_the_new_site(project, tmp_path):
    """Trial 34 #11: the Hugo blog's /holunder/ and its /index.xml landed in aliases: and redirects.txt, thus in
    site/_redirects of praxis.example, without a word, where the blog's readers (asking blog.praxis.example) never
    arrive. Now one note names the host and what makes them work; importing again, with nothing new, says nothing."""
    site = tree(tmp_path / "in" / "hugo", {
        "hugo.toml": 'baseURL = "https://blog.praxis.example/"\n',
        "content/posts/tee.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-01-02\naliases: ["/alt/tee/"]\n---\n'
                                'Er schmeckt mild.\n',
        "content/posts/holunder/index.md": '---\ntitle: "Holunder"\ndate: 2024-02-03\n---\nHolunder blüht.\n',
    })
    out = own_host(project).run("import", str(site)).output
    assert "/alt/tee/" in project.read("source_de/lindenbluetentee.md")  # kept: it works once the host is pointed
    assert said(out) == [
        "note: the old addresses of blog.praxis.example this import kept (aliases:, redirects.txt) become redirects "
        "of the new site's own host, at the same paths (https://praxis.example/…): visitors and search engines "
        "asking that domain reach them only once it is pointed at the new site (a DNS record, and the domain added "
        "in your web host's settings); while the old server answers there, a rule on it must send each on"], out
    assert said(project.run("import", str(site)).output) == []


def test_an_old_blog_on_the_new_sites_own_host_with_or_without_www_needs_no_such_note(project, tmp_path):
    """The usual move, the same domain: the old addresses are the new host's already; www. or not is one host.
    Another host's export (a saved page's full URL alias too) is named by the host as it was written."""
    export = tmp_path / "in" / "export.xml"
    export.parent.mkdir()
    export.write_text(wxr(post("Genug trinken", "<p>Wasser ist gut.</p>", post_id=5, name="genug-trinken")),
                      encoding="utf-8")
    assert said(own_host(project, HOST.replace("https://", "https://www.") + "/").run("import", str(export)).output) \
        == []
    other = own_host(Project(tmp_path / "other"))
    out = other.run("import", str(export)).output
    assert [line.split(" this import")[0] for line in said(out)] == ["note: the old addresses of ernaehrung.example"]


def test_a_project_imported_before_its_base_url_was_set_hears_of_the_other_host_from_check(project, tmp_path):
    """An import while base_url is unset (the new site's host unknown) rightly says nothing of the old host; but the
    project never heard it after the real base_url was set. ``check`` reads the old host where the import records
    it, the articles' ``# imported from … of https://blog.praxis.example/`` comment beside their aliases:, and says
    it on every run once base_url names the new site; not before, and not for an old blog on the same domain."""
    site = tree(tmp_path / "in" / "hugo", {
        "hugo.toml": 'baseURL = "https://blog.praxis.example/"\n',
        "content/posts/tee.md": '---\ntitle: "Lindenblütentee"\ndate: 2024-01-02\naliases: ["/alt/tee/"]\n---\n'
                                'Er schmeckt mild.\n',
    })
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n')
    assert said(project.run("import", str(site)).output) == []
    assert said(project.run("check").output) == []  # base_url not set: no host to name
    checked = own_host(project).run("check").output
    assert said(checked) == [
        "note: the old addresses of blog.praxis.example the articles keep under aliases: become redirects of the new "
        "site's own host, at the same paths (https://praxis.example/…): visitors and search engines asking that "
        "domain reach them only once it is pointed at the new site (a DNS record, and the domain added in your web "
        "host's settings); while the old server answers there, a rule on it must send each on"], checked
    assert said(own_host(project, "https://www.blog.praxis.example/").run("check").output) == []

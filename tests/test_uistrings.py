"""The default theme's messages, as a project without templates of its own gets them."""

from __future__ import annotations

from pipeline.uistrings import DEFAULT_THEME, _shipped_messages, template_messages


def _fields(entries) -> list[tuple]:
    return [(e.msgid, e.msgid_plural, [tuple(o) for o in e.occurrences], e.flags) for e in entries]


def test_the_shipped_german_site_catalog_holds_exactly_the_default_themes_messages():
    """A project without its own templates takes the theme's messages from verlag's German site.po instead
    of extracting them with Babel on every cold extract: after a change to a template or to a ui() call in
    site.py, `verlag extract` in this repository must have brought that catalog up to date."""
    shipped = _shipped_messages()
    assert shipped is not None and len(shipped) > 30
    assert _fields(shipped) == _fields(template_messages(DEFAULT_THEME))


def test_a_project_without_templates_gets_the_same_site_catalogs_either_way(project, monkeypatch):
    import pipeline.uistrings as uistrings

    def no_extraction(*dirs):
        raise AssertionError(f"Babel extraction of {dirs} in a project without templates of its own")

    project.write("source_de/tee.md", "---\ntitle: Tee\ndate: 2026-05-26\n---\nTee wärmt.\n")
    with monkeypatch.context() as patched:
        patched.setattr(uistrings, "template_messages", no_extraction)
        project.run("extract")
    fast = {lang: project.read(f"translations/{lang}/site.po") for lang in ("de", "en", "fr")}
    monkeypatch.setattr(uistrings, "_shipped_messages", lambda own=None: None)
    for lang in ("de", "en", "fr"):
        (project.root / f"translations/{lang}/site.po").unlink()
    (project.root / ".verlag" / uistrings.MESSAGES_FILE).unlink()
    project.run("extract")
    assert {lang: project.read(f"translations/{lang}/site.po") for lang in ("de", "en", "fr")} == fast

"""The compiled-template cache in .verlag/jinja/ (``site._bytecode_cache``): used, and never stale."""

import jinja2
from jinja2 import Environment, FileSystemLoader

from pipeline import site
from pipeline.config import Config


def _render(folder, cache, text):
    (folder / "t.html").write_text(text, encoding="utf-8")
    env = Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache, auto_reload=True)
    return env.get_template("t.html").render(name="Welt")


def test_compiled_templates_are_stored_and_a_changed_template_is_compiled_again(tmp_path):
    templates, store = tmp_path / "templates", tmp_path / ".verlag" / "jinja"
    templates.mkdir()
    cache = site._bytecode_cache(Config(tmp_path))
    assert _render(templates, cache, "Hallo {{ name }}") == "Hallo Welt"
    assert len(list(store.iterdir())) == 1
    assert _render(templates, site._bytecode_cache(Config(tmp_path)), "Servus {{ name }}!") == "Servus Welt!"


def test_the_key_changes_with_verlags_code_and_with_jinjas_version(tmp_path, monkeypatch):
    cache = site._bytecode_cache(Config(tmp_path))
    key = cache.get_cache_key("article.html", "/theme/article.html")
    assert cache.get_cache_key("article.html", "/theme/article.html") == key
    monkeypatch.setattr(jinja2, "__version__", jinja2.__version__ + ".post1")
    assert cache.get_cache_key("article.html", "/theme/article.html") != key
    monkeypatch.undo()
    monkeypatch.setattr(site, "code_digest", lambda: "another verlag")
    assert cache.get_cache_key("article.html", "/theme/article.html") != key

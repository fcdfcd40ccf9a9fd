"""The Jinja sandbox a project's templates run in: a theme may shape pages, never touch files or run code."""

from __future__ import annotations

from pathlib import PurePath

from jinja2.sandbox import SandboxedEnvironment


class ThemeSandbox(SandboxedEnvironment):
    """Jinja's sandbox, which refuses what reaches Python itself (``cycler.__init__.__globals__.os``), with no
    attribute of a path reachable either: the sandbox calls any public method of an object in the context, and
    a page's ``record`` (``site.Page``) is a ``pathlib.Path``, whose ``joinpath('/home/me/.bashrc').write_text``
    wrote any file at every build and ``read_text`` put any file into a page. A path is still shown as text."""

    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        """Whether a template may read ``obj.attr`` (``value``): never for a path, else as Jinja's sandbox says."""
        return not isinstance(obj, PurePath) and super().is_safe_attribute(obj, attr, value)

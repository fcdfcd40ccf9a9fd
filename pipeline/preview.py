"""The preview of ``serve --future`` and ``build --future``: the site with the articles dated after today, built into
``.verlag/preview/`` (``Config.previewing``), never into ``site/``, the folder the author uploads.

A preview writes its own editions, site and state there and nothing a real build reads, so ``site/`` stays the last
real build whatever preview runs beside it, and ``check`` never takes a previewed page for a published one. Its pages
carry a banner (the templates' ``preview``, "Preview — not published") so that it is not taken for the site either."""

from __future__ import annotations

from .config import Config
from .errors import VerlagError


def checked(config: Config) -> Config:
    """``config.previewing()``, after refusing (``VerlagError`` naming it) a ``.verlag/preview`` that is a symbolic
    link or no folder: the preview writes only below ``.verlag/`` itself, never where a link points."""
    preview = config.previewing()
    folder = preview.preview_dir
    if folder.is_symlink() or folder.exists() and not folder.is_dir():
        raise VerlagError("not a folder of the project's own: the preview is built here (serve --future, build "
                          "--future); remove it (verlag makes the folder again)",
                          folder.relative_to(config.root).as_posix())
    return preview


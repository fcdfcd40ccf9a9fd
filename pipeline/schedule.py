"""Scheduled articles: one whose ``date:`` is a day after today waits until that day, as a draft waits for its
``draft: true`` to go (Hugo's ``buildFuture = false``, Jekyll's ``future: false``). ``verlag serve --future``
(and ``build --future``) show it in a preview of its own, never in site/ (``preview``). Its German still goes
through ``extract``, so it can be translated ahead."""

from __future__ import annotations

import datetime as dt

MESSAGE = "scheduled for {day}: not published before that day; build again on that day (or later)"


def today(zone: dt.tzinfo | None) -> dt.date:
    """The day it is now on the site's clock (verlag.toml's ``timezone``), else on the machine's. Tests replace
    this function to fix the day."""
    return dt.datetime.now(zone).date() if zone is not None else dt.date.today()


def waits_until(meta: dict, undated: bool, day: dt.date) -> dt.date | None:
    """The day an article with front matter ``meta`` waits for when ``day`` is today: its ``date:``'s calendar day
    (an instant's in its own zone) when that is after ``day``; None for one published today, a ``draft: true``
    (a draft already) and a source without ``date:`` (its file's modification day stands in, no schedule)."""
    written = meta.get("date")
    if undated or meta.get("draft") or not isinstance(written, dt.date):
        return None
    written = written.date() if isinstance(written, dt.datetime) else written
    return written if written > day else None


def scheduled_message(day: dt.date) -> str:
    """What ``build``, ``status`` and ``check`` say at the ``date:`` line of an article scheduled for ``day``."""
    return MESSAGE.format(day=day.isoformat())

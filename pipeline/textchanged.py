"""The day ``extract`` last saw an article's German body change, and the medical review that day outdates.

A page says "medically reviewed on …" for the text as it was then (``reviewed_by``, ``last_reviewed``). An author
who changes a dose and sets no ``updated:`` left the pages claiming the review for text nobody checked, said by one
warning of the one ``extract`` that saw it (trial 18). The day is kept in the article's template, a header field
``FIELD`` committed with it, so ``check`` in a fresh clone (CI), ``status``, the build and ``publish`` know it on
every run, and a fresh clone builds the same pages; ``.verlag/`` is git-ignored.

The field names the day, and the ``last_reviewed`` the article had then (``2026-12-04; last_reviewed 2026-12-04``):
a change on the day of the review outdates it while ``last_reviewed`` is still what it was when the change was seen
(trial 19: a dose changed in the afternoon under the morning's review went unsaid); an author who reviews again on
that day writes ``last_reviewed`` anew (with the time: ``2026-12-04 17:30``), and so settles it.

What counts: the body's segments, in order (a sentence changed, added, removed or moved), their whitespace aside. A
change of the front matter (title, summary, tags, dates) or of the body's whitespace alone (a line wrapped anew, two
spaces for one) is none, and neither is a change of ``segmentation`` in verlag.toml (other segments of the same
text).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from . import LazyPattern
from .config import Config
from .fsutil import regular
from .poheader import header_value
from .sources import Article, calendar_day, later

FIELD = "X-Verlag-Text-Changed"
# the segments of the front matter (``segment.Document.add_front``): their msgctxt; every other segment is the body's
_FRONT_CONTEXTS = frozenset({"title", "summary", "tag"})
_VALUE_RE = LazyPattern(r"(\d{4}-\d\d-\d\d)(?:; last_reviewed (.*))?")  # the field's value (``pofile.header_value``)
_HEAD = 4096  # a template's header ends well before (``extracted.template_german`` reads as much)


def body_keys(keys: Iterable[tuple]) -> tuple[tuple, ...]:
    """The (msgctxt, msgid) keys of a template's body, in order, each msgid's runs of whitespace as one space (a
    msgid keeps "den  Nacken" as typed; readers get one space): those of the front matter left out."""
    return tuple((k[0], " ".join(k[1].split())) for k in keys if k[0] not in _FRONT_CONTEXTS)


def stamp(old_pot: str | None, old_keys: tuple[tuple, ...] | None, new_keys: Iterable[tuple],
          today: dt.date, reviewed: object = None, same: Callable[[str, str], bool] | None = None) -> str | None:
    """The ``FIELD`` value for a template made now: ``today`` (ISO day), with the article's ``last_reviewed`` as
    written (``reviewed``, a front-matter date) where it has one, when the body's keys differ from those of the
    template before (``old_keys``, from its text ``old_pot``), else the value that template had; None for an
    article's first template (nothing changed since a review then) and one whose field was never set. ``same(old,
    new)``: whether two link or image destinations name one article or file renamed (``extract_article``'s
    ``_same_article``): a sentence that changed only in such paths is the text the review covered (trial 35: an
    image renamed with ``git mv``, its new path written in, made every page say the text changed after the review)."""
    if old_pot is None or old_keys is None:
        return None
    if not _same_body(body_keys(old_keys), body_keys(new_keys), same):
        return today.isoformat() + (f"; last_reviewed {_written(reviewed)}" if _written(reviewed) else "")
    return field_of(old_pot)


def _same_body(old: tuple[tuple, ...], new: tuple[tuple, ...], same: Callable[[str, str], bool] | None) -> bool:
    """Whether the body keys ``old`` and ``new`` (``body_keys``) are one text: equal, or, by ``same``, differing only
    in the destinations of renamed articles and files, sentence by sentence (``catalog.moved_destinations``)."""
    if old == new:
        return True
    if same is None or len(old) != len(new):
        return False
    from .catalog import moved_destinations

    return all(a == b or (a[0] == b[0] and moved_destinations(a[1], b[1], same) is not None)
               for a, b in zip(old, new))


def _written(reviewed: object) -> str | None:
    """``last_reviewed`` as the field records it (ISO day or instant); None for none, or a value that is no date."""
    return reviewed.isoformat() if isinstance(reviewed, (dt.date, dt.datetime)) else None


def field_of(text: str) -> str | None:
    """The ``FIELD`` value in the header of the template text ``text``; None when it has none."""
    found = _field(text[:_HEAD].encode("utf-8"))
    if not found:
        return None
    return found.group(1) + (f"; last_reviewed {found.group(2)}" if found.group(2) else "")


def _field(head: bytes) -> re.Match | None:
    """``FIELD``'s value in a template's first bytes ``head``, matched by ``_VALUE_RE``; None without one. Read with
    its header lines joined: a value GNU's layout wrapped over two lines reads as one (trial 22 found a wrapped
    X-Verlag-Renamed-From read as none)."""
    value = header_value(head, FIELD)
    return _VALUE_RE.fullmatch(value) if value is not None else None


def today(config: Config) -> dt.date:
    """The day a template made now names: the site's day (``schedule.today``, verlag.toml's ``timezone``), the
    moment of SOURCE_DATE_EPOCH's where that is set, as the template's ``POT-Creation-Date`` takes it
    (``catalog.now_stamp``): the same input gives the same bytes in a reproducible build."""
    from . import schedule

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), config.zone or dt.timezone.utc).date()
    return schedule.today(config.zone)


def text_changed(config: Config, slug: str) -> tuple[dt.date, str | None] | None:
    """The ``FIELD`` of the article's template on disk: the day ``extract`` last saw its body change, and the
    ``last_reviewed`` the article had then as written (None where it had none, or a template from before verlag kept
    it); None when there is no template, it has no such field (never changed since verlag kept the day) or it
    cannot be read."""
    try:
        regular(config.pot_path(slug))  # a named pipe is never opened: that waits for a writer
        with open(config.pot_path(slug), "rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return None
    found = _field(head)
    try:
        day = dt.date.fromisoformat(found.group(1)) if found else None
    except ValueError:  # 2026-13-40 typed into the template: no day it can name
        return None
    return None if day is None else (day, found.group(2).strip() if found.group(2) else None)


def review_changed(article: Article, changed: tuple[dt.date, str | None] | None) -> dt.date | None:
    """The day of ``changed`` (``text_changed``) when it outdates the article's ``last_reviewed``: a later calendar
    day, or the same day while ``last_reviewed`` is still what the article had when the change was seen (the
    review came first); else None, and None too for an article without ``last_reviewed``. A review on the day of
    the change written after it (another value than the one recorded) covers it."""
    reviewed = article.meta.get("last_reviewed")
    if changed is None or not isinstance(reviewed, dt.date):
        return None
    day, recorded = changed
    if later(day, reviewed) or (calendar_day(reviewed) == day and recorded == _written(reviewed)):
        return day
    return None


def after_review(config: Config, article: Article) -> dt.date | None:
    """``review_changed`` of the article's template's day: the day pages name beside the review as when the text
    changed after it. Reads the template only of an article with ``last_reviewed``."""
    if not isinstance(article.meta.get("last_reviewed"), dt.date):
        return None
    return review_changed(article, text_changed(config, article.slug))


class Outdated(NamedTuple):
    """``outdated``'s answer and ``review_warnings``': the line of the key the message is about (``last_reviewed``;
    ``updated`` for ``updated_before_change``) in the German file, the message, the day of the change."""

    line: int
    message: str
    changed: dt.date


def review_warnings(config: Config, article: Article) -> tuple[Outdated | None, Outdated | None]:
    """(``outdated``, ``updated_before_change``) of one article, as check and the build say both on every run: the
    template read once (``after_review``), not once for each."""
    changed = after_review(config, article)
    return _outdated(article, changed), _updated_before_change(article, changed)


def outdated(config: Config, article: Article) -> Outdated | None:
    """(line of ``last_reviewed``, message, day of the change) while the German text changed after the medical review:
    ``updated:`` after ``last_reviewed``, or the body changed after it (``after_review``), the message naming the later
    of the two, the day every page names beside the review (``site._review_outdated``). The one answer ``extract``,
    ``check``, ``status``, the build and ``publish`` give on every run until ``last_reviewed`` is that day or later:
    ``sources.front_matter_warnings`` said the ``updated:`` case alone, so only extract and check said it, and an owner
    who only ran ``publish`` never learnt the review no longer covered the text (trial 33). Reads the template only
    of an article with ``last_reviewed``."""
    return _outdated(article, after_review(config, article))


def _outdated(article: Article, changed: dt.date | None) -> Outdated | None:
    """``outdated``, given the article's ``after_review``."""
    reviewed, updated = article.meta.get("last_reviewed"), article.meta.get("updated")
    if not isinstance(reviewed, dt.date):
        return None
    if isinstance(updated, dt.date) and later(updated, reviewed) and (
            changed is None or calendar_day(updated) >= changed):
        return Outdated(article.key_line("last_reviewed"),
                f"last_reviewed: {reviewed.isoformat()} is before updated: {updated.isoformat()}; the medical "
                "review does not cover the current text, and the page says so: have it reviewed again and set "
                f"last_reviewed: to the day of that review ({calendar_day(updated).isoformat()} or later)",
                calendar_day(updated))
    if changed is None:
        return None
    day = changed.isoformat()
    return Outdated(article.key_line("last_reviewed"),
            f"the German text changed on {day}, after its medical review (last_reviewed: "
            f"{calendar_day(reviewed).isoformat()}): the review does not cover it, so every page says "
            f"\"text changed on {day}, after this review\" beside it and its schema.org data claims no review; "
            f"{_settles(calendar_day(reviewed) == changed, day)}", changed)


def _settles(same_day: bool, day: str) -> str:
    """What the author writes so that the medical review covers the text changed on ``day`` (ISO), as
    ``review_changed`` decides it: a ``last_reviewed`` that names the day of the change (``same_day``) is the one
    extract recorded with it, a review before the change (written in the very edit that changed the text, or in the
    morning): a later day, or a time that day, settles it; one on an earlier day, the day of the new review, written
    after extract has seen the text. A review found an author who set last_reviewed to the day of the change
    together with the change was told to set it to that day, which it already was."""
    if same_day:
        return (f"last_reviewed already named {day} when extract saw the change that day, so it names a review "
                f"before the change: once the text is reviewed again, set last_reviewed: to the day of that review if "
                f"it is after {day}, or, reviewed again on {day}, to that day with the time of the review "
                f"(last_reviewed: {day} 17:30)")
    return (f"once the text is reviewed again, set last_reviewed: to the day of that review ({day} or later) after "
            "extract has seen the text it covers: a last_reviewed written in the edit that changes the text names a "
            "review before the change")


def _updated_before_change(article: Article, changed: dt.date | None) -> Outdated | None:
    """(line of ``updated:``, message, ``changed``: the article's ``after_review``) while the page says two things
    of its last change: the body changed after the medical review, and so "text changed on December 5, 2026, after this review", on a day
    after ``updated:``, which the page names as "updated on November 20, 2026" and the feed's ``<updated>``, the
    sitemap's ``lastmod`` and schema.org's ``dateModified`` give (trial 33). The author sets ``updated``; verlag never
    writes it. Said by ``check`` and the build on every run (``extract`` notes a change once, on the run that saw
    it: ``sources.updated_behind``); None for a draft, and for an article without ``updated:`` (its pages give the
    day of the change as updated)."""
    updated = article.meta.get("updated")
    if article.draft or not isinstance(updated, dt.date):
        return None
    if changed is None or changed <= calendar_day(updated):
        return None
    return Outdated(article.key_line("updated"),
            f"updated: {calendar_day(updated).isoformat()} is before {changed.isoformat()}, the day extract saw the "
            f"German text change: the page says \"updated on {calendar_day(updated).isoformat()}\" beside \"text "
            f"changed on {changed.isoformat()}, after this review\", and feeds, the sitemap and schema.org's "
            f"dateModified give {calendar_day(updated).isoformat()}; set updated: {changed.isoformat()}", changed)

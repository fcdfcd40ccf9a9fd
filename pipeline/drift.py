"""Does a catalog still hold the German of its article's template? A catalog saved from an editor's buffer
opened before the author's change and ``extract`` has other msgids: the page shows the new German in German,
while every entry of the catalog looks reviewed. ``status`` and ``check`` say so (``build`` compares the
segments themselves, ``editions``).

Cheap on every run: a template's digest comes from extract's record of the files' stat (``statrecord``,
``.verlag/stat.json``: one ``stat`` per template while it is as extract left it), its keys are read only when
its bytes are new (``.verlag/template-keys.json`` holds a digest of each template's (msgctxt, msgid) keys by the
SHA-256 of its bytes), and a catalog's keys, which the caller has parsed anyway, are compared by the same digest.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import polib

from .catalog import (FUZZY_THRESHOLD, TEMPLATE_FIELD, alike, deleted_entries, edited_since, german_digest, key,
                      machine_draft, replaced_msgids)
from .config import Config
from .errors import VerlagError
from .fsutil import NotAFile, load_state, read_bytes, relpath, save_state
from .limits import CATALOG
from .statrecord import StatRecord

STATE_FILE = "template-keys.json"


def keys_digest(keys) -> str:
    """Twelve hex digits of SHA-256 over a set of (msgctxt, msgid) keys, in no particular order."""
    digest = hashlib.sha256()
    for msgctxt, msgid in sorted(keys, key=lambda k: (k[0] or "", k[1])):
        digest.update(f"{msgctxt or ''}\x04{msgid}\x00".encode("utf-8"))
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Drift:
    """How a catalog's msgids differ from its template's German."""

    german: frozenset[tuple]  # the template's keys
    missing: list[tuple]  # the template's keys the catalog has no active entry for, in template order
    extra: int  # active entries of German the template does not have
    # the catalog's ``catalog.TEMPLATE_FIELD`` names other German than the template's: it was last merged with an
    # earlier template (restored from git, an old download), not joined with one or edited in place
    older: bool = False
    # of the ``extra``, the keys of entries without msgctxt whose msgid is one title's, summary's or tag's German
    # (``unmarked``), in catalog order
    unmarked: tuple[tuple, ...] = ()
    # of those, the ones whose title, summary or tag has no entry (a tool removed the msgctxt): extract makes each
    # that entry, so they count in its place, and it is not ``missing``
    standing: frozenset = frozenset()
    # (catalog's key, template's key) of the ``extra`` entries whose msgid is one ``missing`` segment's German with
    # another msgctxt (a tool added, changed or removed it): extract sets it back, translation and state kept
    recontexted: tuple[tuple[tuple, tuple], ...] = ()
    # what ``extract`` makes of the ``extra`` entries it pairs with ``missing`` German (``edits``): "edited", msgids
    # edited in the catalog, set back; "unsure", no X-Verlag-Template and no record to tell an edit from an older
    # catalog, back to review; "" (none paired, or the catalog is ``older``)
    edited: str = ""
    # (catalog's key, template's key) of the ``extra`` entries whose msgid was replaced in the catalog by unlike
    # text (a translation typed over the German), found by the sentence their ``#:`` and ``#.`` lines name
    # (``catalog.replaced_msgids``, the rule extract sets them back by): the German comes back, the text kept as its
    # translation, fuzzy
    replaced: tuple[tuple[tuple, tuple], ...] = ()
    # the ``extra`` entries that are no title, summary or tag and no msgctxt edit have no ``#:`` line, which extract
    # writes for each live entry and a merge or msgcat keeps: obsolete entries whose ``#~`` a person removed
    revived: bool = False
    # the catalog's ``catalog.TEMPLATE_FIELD`` names this very template: it was merged with the German it lacks
    # entries of, so those were deleted since (``catalog.deleted_entries``), not left from earlier German
    current: bool = False

    def message(self, article_ref: str) -> str:
        """What ``status``, ``check`` and ``review`` say of it: German segments without an entry (the page shows
        them in German; a copy saved from before the German changed) and entries of German the article no longer
        has (with no segment missing: an older copy joined in, ``msgcat`` or a git merge that kept both sides)."""
        said = []
        moved = len(self.recontexted)
        if moved:
            (context, msgid), (german, _) = self.recontexted[0]
            said.append(_shown_in_german(moved, "another msgctxt than the German's", f"{_short(msgid)!r}, "
                                         f"{_context(context)} where the German has {_context(german)}"))
        replaced = len(self.replaced)
        if replaced:
            (_, typed), (_, german) = self.replaced[0]
            said.append(_shown_in_german(replaced, "a msgid that is not the German its #: and #. lines name",
                                         f"{_short(typed)!r} where the German is {_short(german)!r}"))
        missing = [k for k in self.missing if k not in {german for _, german in (*self.recontexted, *self.replaced)}]
        if missing:
            said.append(f"{len(missing)} of its segments {'has' if len(missing) == 1 else 'have'} no entry "
                        f"(first: {_short(missing[0][1])!r}), so the page shows {'it' if len(missing) == 1 else 'them'}"
                        " in German")
        unmarked = len(self.unmarked)
        if unmarked:
            said.append(f"{unmarked} entr{'y is' if unmarked == 1 else 'ies are'} the German of the "
                        "article's title, summary or a tag without its msgctxt (verlag extract gives "
                        f"{'it' if unmarked == 1 else 'each'} to that entry unless a person translated it there)")
        if self.extra > unmarked + moved + replaced:
            extra = self.extra - unmarked - moved - replaced
            said.append(f"{extra} entr{'y is' if extra == 1 else 'ies are'} German it no longer has")
        cause = ("the catalog is older than the German: its X-Verlag-Template names an earlier template (a git "
                 "checkout of an earlier version, an old download, an editor's older buffer);" if self.older
                 else "was a translation typed over the msgid as well as into msgstr? verlag extract sets the msgid "
                 "back to the German, the text kept as its translation, fuzzy for you to check;"
                 if replaced and not missing and self.extra == unmarked + moved + replaced
                 else "was a msgctxt added, changed or removed by a tool? verlag extract sets it back to the German's, "
                 "its translation and state kept;" if moved and not missing and self.extra == unmarked + moved
                 else "was a msgid edited in the catalog, not in the article? verlag extract sets it back to the "
                 "German, its translation and state kept (where the edit reworded it and its translation is newer "
                 "than the last extract: back to review, fuzzy);" if missing and self.edited == "edited"
                 else "was a msgid edited in the catalog, or is it a catalog from before a change of the German? it "
                 "has no X-Verlag-Template header to tell, so verlag extract puts such a translation back to review, "
                 "fuzzy;" if missing and self.edited == "unsure"
                 else f"its {TEMPLATE_FIELD} names this German, so those entries went from it since ("
                 f"{deleted_entries()}); verlag extract brings back the translations the last extract left there;"
                 if missing and self.current and self.extra == 0
                 else "was it saved from before the German changed (an editor's older buffer, an old download)?"
                 if missing else "was a file without msgctxt joined in (msgcat), or its msgctxt removed by a "
                 "tool?" if self.extra == unmarked
                 else "was an obsolete entry (#~) brought back in the catalog by hand (its #~ removed)?"
                 if self.revived
                 else "was an older copy joined in (msgcat, a git merge that kept both sides)?")
        return (f"the catalog does not match the German of {article_ref}: {' and '.join(said)}; {cause} run verlag "
                "extract: it keeps every translation, a changed sentence's as fuzzy")


    def without_unmarked(self) -> Drift | None:
        """What is left once each ``unmarked`` entry is named at its own line (``check``): None when nothing is."""
        if not self.missing and self.extra == len(self.unmarked) and not self.older:
            return None
        return replace(self, extra=self.extra - len(self.unmarked), unmarked=())

    def unmarked_messages(self, po: polib.POFile) -> list[tuple[polib.POEntry, str]]:
        """Each ``unmarked`` entry of ``po`` with what ``verlag extract`` will do with it (``catalog.merge``'s rule
        for a translation that lost its msgctxt): it becomes the translation of the one title, summary or tag entry
        of that German, in the state the reviewer left it, while that entry holds no person's text; else it goes
        obsolete (``#~``) with its translation kept."""
        roles = {msgid: msgctxt for msgctxt, msgid in self.german if msgctxt in FRONT_CONTEXTS}
        out = []
        for key_ in self.unmarked:
            entry, role = po.find(key_[1], msgctxt=None), roles[key_[1]]
            if entry is None:
                continue
            target = po.find(key_[1], msgctxt=role)
            state = "reviewed" if not entry.fuzzy else "fuzzy"
            what = (f'verlag extract makes it the translation of the article\'s {role} (msgctxt "{role}"), {state} as '
                    "it is" if target is None or not target.msgstr or machine_draft(target) is not None else
                    f'the article\'s {role} entry (msgctxt "{role}") holds a person\'s translation already, which '
                    "stays: verlag extract makes this one obsolete (#~), its translation kept")
            out.append((entry, f"{key_[1]!r} has no msgctxt, and it is the German of the article's {role}: {what}; "
                               f'give it msgctxt "{role}" to be sure'))
        return out


FRONT_CONTEXTS = ("title", "summary", "tag")  # the msgctxts of front-matter entries (``segment.FRONT_KEYS``)


def _shown_in_german(count: int, what: str, first: str) -> str:
    """``count`` entries that have ``what`` (``first``: the first of them, as said), shown in German for it."""
    return (f"{count} entr{'y has' if count == 1 else 'ies have'} {what} (first: {first}), so the page shows "
            f"{'it' if count == 1 else 'them'} in German")


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _context(msgctxt: str | None) -> str:
    return "no msgctxt" if msgctxt is None else f'msgctxt "{msgctxt}"'


def recontexted(extra: set[tuple], missing: list[tuple], order: Iterable[tuple],
                marked: Iterable[tuple]) -> tuple[tuple[tuple, tuple], ...]:
    """(catalog's key, template's key) of each of the catalog's ``extra`` keys, in the order of its keys ``order``,
    whose msgid is the German of exactly one ``missing`` key and of no other extra key, under another msgctxt;
    not those ``marked`` (``unmarked``: the front-matter rule)."""
    skip = set(marked)
    missed = Counter(m for _, m in missing)
    extras = Counter(m for _, m in extra)
    return tuple((k, next(g for g in missing if g[1] == k[1])) for k in order
                 if k in extra and k not in skip and missed[k[1]] == 1 and extras[k[1]] == 1)


def unmarked(extra: set[tuple], german: Iterable[tuple], order: Iterable[tuple]) -> tuple[tuple, ...]:
    """The catalog's ``extra`` keys (msgctxt, msgid) that are, without msgctxt, the msgid of exactly one title,
    summary or tag of the template's keys ``german``: what ``catalog.merge`` gives to that entry; in the order of
    the catalog's keys ``order``."""
    fronts = Counter(msgid for msgctxt, msgid in german if msgctxt in FRONT_CONTEXTS)
    return tuple(k for k in order if k in extra and k[0] is None and fronts[k[1]] == 1)


def edits(po: polib.POFile, extra: set[tuple], missing: list[tuple], header: bool,
          last_written: Callable[[], polib.POFile | None] | None,
          template: Callable[[], list[polib.POEntry]] | None = None) -> tuple[str, tuple[tuple[tuple, tuple], ...]]:
    """What ``catalog.merge`` makes of ``po``'s translated entries of ``extra`` keys that it pairs with ``missing``
    German (as alike as it pairs a changed sentence, ``catalog.alike``), for ``Drift.edited``: "edited", msgids
    edited in the catalog that it sets back, when the catalog names the template it was merged with (``header``:
    it has X-Verlag-Template, not an earlier one's) or, without that, when the last extract left each of those
    translations at its German (``last_written()``, ``catalog.edited_since``); "unsure" otherwise without the
    header; "" when none pairs or the header names this template and nothing is paired. And, second, ``Drift.replaced``:
    of the entries left, those whose msgid ``catalog.merge`` finds replaced by unlike text (its rule,
    ``catalog.replaced_msgids``), asked only with the header, which names ``template()``'s German (its entries, for
    their ``#:`` and ``#.`` lines): a translation typed over the German is no older German."""
    if not extra or not missing:
        return "", ()
    candidates = [e for e in po if not e.obsolete and key(e) in extra and e.msgstr]
    german = [polib.POEntry(msgctxt=msgctxt, msgid=msgid) for msgctxt, msgid in missing]
    pairs = alike(german, candidates, FUZZY_THRESHOLD)
    replaced = ()
    if header and template is not None and len(pairs) < len(missing):
        paired = {id(candidates[m]) for _, m in pairs}
        left = set(missing) - {key(german[n]) for n, _ in pairs}
        entries = template()
        replaced = tuple((key(cand), key(entries[n])) for n, cand in replaced_msgids(
            entries, {n for n, e in enumerate(entries) if key(e) not in left},
            [e for e in po if not e.obsolete and key(e) in extra and id(e) not in paired],
            frozenset(key(e) for e in entries), last_written or (lambda: None)))
    if not pairs:
        return "", replaced
    if header:
        return "edited", replaced
    written = last_written() if last_written is not None else None
    return ("edited" if all(edited_since(written, german[n], candidates[m]) for n, m in pairs) else "unsure"), replaced


class Templates:
    """The templates' keys for one ``status`` or ``check`` run; ``save()`` keeps what it read for the next.

    Their digests come from extract's stat record, read only: these commands run without the project lock, so
    they record nothing there (``StatRecord`` records nothing without the moment the lock gives)."""

    def __init__(self, config: Config):
        self.config = config
        self.known = load_state(config.state_dir / STATE_FILE)
        self.fresh: dict[str, str] = {}
        self.files = StatRecord(config.state_dir, config.translations_dir, None, limit=CATALOG,
                                shown=relpath(config.translations_dir, config.root))

    def drift(self, slug: str, po: polib.POFile,
              last_written: Callable[[], polib.POFile | None] | None = None) -> Drift | None:
        """How ``po`` (the article's catalog, parsed) differs from the article's template; None when it holds
        the same German, or when there is no template to compare with (never extracted, damaged, over
        ``limits.CATALOG``: not read; ``extract`` names it). Raises ``OSError`` when the template cannot be read (a
        folder in its place, no permission). ``last_written()``: the catalog as the last extract left it
        (``extract_article.last_extract``), asked for a catalog without X-Verlag-Template (``edits``)."""
        path = self.config.pot_path(slug)
        try:
            found = self.files.digest(self.config.pot_name(slug))
        except NotAFile:
            raise
        except VerlagError:  # over the limit
            return None
        if found is None:
            return None
        name = found.hex()[:16]
        german = self.fresh.get(name) or self.known.get(name)  # fresh: another language's catalog, this run
        parsed = None
        if not isinstance(german, str):
            data = self._template(path)
            if data is None:
                return None
            name = hashlib.sha256(data).hexdigest()[:16]  # of the bytes parsed, should the file have changed since
            parsed = _template_keys(data)
            if parsed is None:
                return None
            german = keys_digest(parsed)
        self.fresh[name] = german
        order = [key(e) for e in po if not e.obsolete and e.msgid]
        mine = set(order)
        if keys_digest(mine) == german:
            return None
        if parsed is None:
            data = self._template(path)
            parsed = _template_keys(data) if data is not None else None
        if parsed is None:
            return None
        merged_with = po.metadata.get(TEMPLATE_FIELD)
        extra = mine - set(parsed)
        marked = unmarked(extra, parsed, order)
        standing = frozenset(k for k in marked if not any(c in FRONT_CONTEXTS and (c, m) in mine for c, m in parsed
                                                          if m == k[1]))
        stood = {k[1] for k in standing}
        missing = [k for k in parsed if k not in mine and not (k[0] in FRONT_CONTEXTS and k[1] in stood)]
        older = merged_with is not None and merged_with != german_digest(parsed)
        moved = recontexted(extra, missing, order, marked)
        rest = extra - set(marked) - {k for k, _ in moved}
        edited, replaced = ("", ()) if older else edits(
            po, rest, [k for k in missing if k not in {g for _, g in moved}],
            merged_with is not None, last_written, lambda: _template_entries(data))
        revived = bool(rest) and all(not e.occurrences for e in po if not e.obsolete and key(e) in rest)
        return Drift(frozenset(parsed), missing, len(extra), older, marked, standing, moved, edited, replaced,
                     revived, merged_with == german_digest(parsed))

    @staticmethod
    def _template(path) -> bytes | None:
        """The template's bytes, None when it is absent or over ``limits.CATALOG`` (not read); raises ``OSError``
        as ``fsutil.read_bytes`` (``NotAFile`` for a named pipe)."""
        try:
            return read_bytes(path, CATALOG)
        except NotAFile:
            raise
        except VerlagError:
            return None

    def save(self) -> None:
        if self.fresh != self.known:
            save_state(self.config.state_dir / STATE_FILE, self.fresh)


def _template_entries(data: bytes) -> list[polib.POEntry]:
    """The template's entries with German (``_template_keys``' reading), for their ``#:`` and ``#.`` lines."""
    from .pofile import parse

    return [e for e in parse(data.decode("utf-8")) if not e.obsolete and e.msgid]


def _template_keys(data: bytes) -> list[tuple] | None:
    from .pofile import parse

    try:
        return [key(e) for e in parse(data.decode("utf-8")) if not e.obsolete and e.msgid]
    except (OSError, ValueError, UnicodeDecodeError):
        return None

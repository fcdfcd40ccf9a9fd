"""Kept catalogs of articles that are gone (orphans): a reviewer's save after a rename, and what is said.

``extract`` moves an article's catalogs along when its German file is
renamed (``renaming.plan`` tells which, ``extract_article``) and records the rename here
(``.verlag/renames.json``: old slug -> new slug). A catalog saved under the
old name afterwards (a Poedit window still open, a Weblate commit, a git
merge) is an orphan whose article is known. Its reviewed translations that
the renamed article's catalog lacks (an empty entry, a ``copy`` draft, or a
machine draft nobody touched: ``catalog.machine_draft``) are brought over
there as fuzzy entries for review, marked ``tm: 100% from <old slug>`` like
any translation-memory draft but without the draft fingerprint: a person's
translation, which a later edit of the German carries as fuzzy with its
previous msgid instead of retiring it as an untouched machine draft. What a
person wrote there (reviewed, stale, or a draft they edited) is never
overwritten (the rule of msgmerge's compendia, GNU gettext manual, "Invoking
the msgmerge Program": the catalog's own translation wins). What could not be
brought over is counted, and the warning names both files.

Each orphan is reported once per change (its bytes, or what differs from
the renamed article's catalog), not on every run; its reviewed entries keep
serving the translation memory (``tm``) as long as it is kept.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import VerlagError, excerpt
from .fsutil import NotAFile, digest_bytes, load_state, names_ending, read_bytes, relpath, rewrite, save_state
from .limits import CATALOG

RECORDS = "extracted"  # in .verlag/: each catalog as the last extract left it, <lang>/<slug>.catalog (no .po:
# a search for a project's catalogs never finds these copies); ``extract_article`` writes them
RENAMES_FILE = "renames.json"  # old slug -> the slug its catalogs were renamed to
SAID_FILE = "orphans.json"  # orphan path -> what it held (digest) when extract last said something about it


@dataclass(frozen=True)
class Orphan:
    """A kept catalog ``path`` (relative to the project) whose article is gone.

    ``renamed_to``: the catalog of the article it was renamed to (None: deleted, or a rename
    this project's ``.verlag/`` never saw); ``carried``: reviewed translations brought over
    there as fuzzy on this run; ``differing``: reviewed translations that differ from what a person
    wrote there (reviewed, stale or edited), left where they are.
    """

    path: str
    renamed_to: str | None = None
    carried: int = 0
    differing: int = 0
    damage: VerlagError | None = None  # why it cannot be read: it serves nothing, not even the memory
    paused: str | None = None  # the German file that says ``translate: false``: the article is there, untranslated
    kept: str = ""  # of a deleted article's catalog: ``kept_message``, what ``status`` says of it too
    # plural entries (msgid_plural) brought over as their first form (``_bring_over``): (line of the msgid in
    # ``path``, the msgid, the form brought over, the other forms, dropped)
    plurals: tuple[tuple[int, str, str, tuple[str, ...]], ...] = ()

    def message(self) -> str:
        """The warning ``extract`` prints: ``<path>: <what is in it, and what to do>``."""
        if self.paused is not None:
            return paused_message(self.path, self.paused, self.damage)
        if self.damage is not None:
            return (f"{self.damage}; no German article has this slug any more, and a catalog that cannot be "
                    "read serves nothing (not the translation memory either): fix it or delete it")
        if self.renamed_to is None:
            return self.kept
        said = [f"{self.path}: saved again under the article's old name (a Poedit window left open, a Weblate "
                f"commit, a git merge?) after extract had moved it to {self.renamed_to} with its renamed article"]
        if self.carried:
            said.append(f"{self.carried} of its translations brought over to {self.renamed_to} as fuzzy, "
                        "for review")
        for line, msgid, form, others in self.plurals:
            said.append(f"{self.path}:{line}: {excerpt(msgid)!r} has plural forms (msgid_plural), which no sentence "
                        f"of an article uses: its first form {excerpt(form)!r} brought over as the msgstr, fuzzy: "
                        "check it" + (f"; the other forms dropped: {', '.join(repr(excerpt(o)) for o in others)}"
                                      if others else ""))
        if self.differing:
            verb = "differs" if self.differing == 1 else "differ"
            said.append(f"{self.differing} of its reviewed translations {verb} from the ones a reviewer wrote in "
                        f"{self.renamed_to}, which were kept: open both, copy over what is newer, then delete "
                        f"{self.path}")
        else:
            said.append(f"{self.renamed_to} has each of its reviewed translations the German still uses: delete "
                        f"{self.path}")
        return "; ".join(said)


def from_git(path: str) -> str:
    """The git commands that bring the deleted file ``path`` (relative to the project) back, for a message: verlag
    does not run git, so both cases are named. ``git restore FILE`` alone takes the file from the index, which a
    ``git rm`` or a commit of the deletion no longer holds ("pathspec did not match")."""
    quoted = shlex.quote(path)
    return (f"from git: git restore --staged --worktree {quoted} while its deletion is not committed; once it is, "
            f'git checkout "$(git rev-list -n 1 HEAD -- {quoted})~1" -- {quoted}')


def kept_message(config: Config, path: str, renamed_to: str | None = None, extracting: bool = False) -> str:
    """What ``status`` says on every run of the kept catalog ``path`` (relative to the project, readable) of a
    deleted article: how many reviewed translations it keeps, and the commands that bring them back (the German
    file restored, then ``extract``, which merges the catalog again) or drop them. ``renamed_to``: the slug its
    article was renamed to (``renamed_articles``), whose catalog is where its translations belong: then only that
    is said, since restoring the old German file would make the article twice. ``extracting``: said by the
    extract that reads every German file now, which moves the catalog along if it is a renamed article's
    (``renaming``), so it asks no question of a German file it has not read yet: it has (trial 24)."""
    from .catalog import entry_state, read_po
    from .states import REVIEWED

    if renamed_to is not None:
        target = relpath(config.po_path(Path(path).parent.name, renamed_to), config.root)
        return (f"{path}: saved under the old name of a renamed article, whose catalog is now {target}; verlag "
                f"extract brings over the reviewed translations {target} lacks (fuzzy, for review) and says what "
                f"differs; then delete {path}")
    po = read_po(config.root / path, path)
    original = copy_of(config, path, po)
    if original is not None:
        return (f"{path}: looks like a copy of {original} (it translates the same article), not a deleted "
                f"article's catalog: verlag reads only {original}; compare the two and bring into {original} "
                f"what is newer in {path} (open both, or msgcat --use-first {shlex.quote(path)} "
                f"{shlex.quote(original)}), then delete {path}")
    reviewed = sum(entry_state(e) == REVIEWED for e in po or () if not e.obsolete)
    if not reviewed:
        return f"{path}: no German article has this slug any more (no reviewed translation in it): delete it"
    source = relpath(config.source_dir / f"{Path(path).stem}.md", config.root)
    held, them = ("1 reviewed translation still serves", "it") if reviewed == 1 else \
        (f"{reviewed} reviewed translations still serve", "them")
    # a German file no extract has read (no template): the article renamed and built, never extracted, as a fresh
    # clone of such a push shows it (trial 22): extract moves the catalog along, restoring the old file would not
    unread = [] if extracting else sorted(relpath(md, config.root) for md in config.source_dir.glob("*.md")
                                          if not config.pot_path(md.stem).exists())
    renamed = (f"renamed to {', '.join(unread[:3])}{' …' if len(unread) > 3 else ''} (no verlag extract has read "
               f"{'it' if len(unread) == 1 else 'them'} yet)? run verlag extract, which moves the catalog along with "
               "its article; if not: " if unread else "")
    return (f"{path}: no German article has this slug any more (its {held} the translation memory); {renamed}to "
            f"bring {them} back restore {source} ({from_git(source)}) and run verlag extract; "
            f"to drop {them} delete {path}")


def copy_of(config: Config, path: str, po) -> str | None:
    """The catalog (relative to the project) of which the kept catalog ``path`` (``po``: as read) is a copy
    saved beside it (``tee (1).po``, ``tee.fr.po``, ``tee copy.po``): the article its header comment or its
    ``#:`` references name, when that article is not ``path``'s and its catalog is in the same folder; else
    None. Of a template (``tee (1).pot``), the template of that article."""
    source = relpath(config.source_dir, config.root)
    named = re.findall(rf"\({re.escape(source)}/([^/()]+)\.md\)", getattr(po, "header", "") or "")
    for entry in itertools.islice(po or (), 3):
        named += [file[len(source) + 1:-3] for file, _ in entry.occurrences
                  if file.startswith(f"{source}/") and file.endswith(".md")]
    here = Path(path)
    for slug in dict.fromkeys(named):
        if slug == here.stem or "/" in slug:  # a page of seiten/ names its folder: no name in this one
            continue
        original = here.with_name(f"{slug}{here.suffix}")
        if (config.root / original).is_file():
            return original.as_posix()
    return None


def paused_message(path: str, ref: str, damage: VerlagError | None = None) -> str:
    """What ``extract`` and ``status`` say of the catalog ``path`` of an article whose German file ``ref`` says
    ``translate: false``: it is kept for the day the article is translated again, never to be deleted."""
    if damage is not None:
        return (f"{damage}; {ref} says translate: false, so this catalog is not used until the article is "
                "translated again, and one that cannot be read serves nothing then either: fix it")
    return (f"{path}: not used while {ref} says translate: false; kept as it is: its reviewed translations come "
            "back into use when the article is translated again (and serve the translation memory meanwhile)")


def find_orphans(config: Config, slugs: set[str]) -> dict[str, list[Path]]:
    """Language -> its catalogs whose article is gone (``slugs``: the articles there are, readable or not):
    candidates for a renamed article, otherwise kept and reported. ``site.po`` is the website's own."""
    found: dict[str, list[Path]] = {}
    for lang in config.languages:
        folder = config.translations_dir / lang
        found[lang] = [folder / name for name in names_ending(folder, ".po")
                       if name[:-3] not in slugs and name != "site.po"]
    return found


def wanting(config: Config, articles: list, orphans: dict[str, list[Path]],
            paused: dict[str, str]) -> dict[str, list]:
    """Language -> the ``articles`` with no catalog there (none, or one holding nothing but blanks, which extract
    takes as none), in the languages that have kept catalogs of gone articles (``orphans``; those of articles with
    ``translate: false``, ``paused``, are theirs): the new articles one of them may be a renamed one of
    (``renaming.plan``). Empty, with nothing read, when there is no kept catalog: the common run."""
    found: dict[str, list] = {}
    for lang, paths in orphans.items():
        if not any(path.stem not in paused for path in paths):
            continue
        for article in articles:
            path = config.po_path(lang, article.slug)
            try:
                blank = os.stat(path).st_size < 1024 and not path.read_bytes().strip()
            except OSError:  # none there (or no file to read: extract names it)
                blank = not os.path.lexists(path)
            if blank:
                found.setdefault(lang, []).append(article)
    return found


def carry_over(config: Config, orphans: dict[str, list[Path]], slugs: set[str],
               paused: dict[str, str] | None = None) -> list[Orphan]:
    """Bring the reviewed translations of orphans of renamed articles over to the renamed article's
    catalog (see the module); ``orphans``: language -> kept catalogs, ``slugs``: the articles there are,
    ``paused``: slug -> German file of the articles with ``translate: false``, whose catalogs are theirs still
    (never taken for a renamed article's).

    Returns every orphan. A catalog that cannot be read is left as it is (the stage that reads it
    reports it); the catalog brought over to is written by compare-and-swap (``fsutil.rewrite``).
    """
    if not any(orphans.values()):
        return []
    renames = renamed_articles(config)
    found = []
    for lang, paths in orphans.items():
        for path in paths:
            if paused and path.stem in paused:
                found.append(Orphan(relpath(path, config.root), paused=paused[path.stem],
                                    damage=next(iter(unreadable(config, [path])), None)))
                continue
            slug = renamed_to(path.stem, renames, slugs)
            target = config.po_path(lang, slug) if slug else None
            if target is None or not target.exists():
                found.append(_deleted(config, path, slug))
                continue
            try:
                carried, differing, plurals = _bring_over(config, path, target)
            except VerlagError:  # either catalog damaged: extract reports the article's, the orphan stays as it is
                found.append(_deleted(config, path, slug))
                continue
            found.append(Orphan(relpath(path, config.root), relpath(target, config.root), carried, differing,
                                plurals=plurals))
    return found


def _deleted(config: Config, path: Path, renamed_to: str | None = None) -> Orphan:
    """The kept catalog ``path`` as one of a deleted article (or of one renamed to ``renamed_to`` whose catalog is
    not there to take its translations): why it cannot be read, or what ``status`` says."""
    ref = relpath(path, config.root)
    damage = next(iter(unreadable(config, [path])), None)
    return Orphan(ref, damage=damage, kept="" if damage else kept_message(config, ref, renamed_to, extracting=True))


def renamed_articles(config: Config) -> dict[str, str]:
    """Old slug -> new slug of every rename verlag knows: extract's record (``RENAMES_FILE``), and for the others
    the site's (``renames.RECORD`` of ``site.json``, kept alone in ``renames.RECORD_FILE``: a file renamed as it
    was, found by its text or title, built before an extract), but not one whose old slug has a template again:
    an article took the name since the last build (which then drops it), as extract forgets its own record.
    Follow one with ``renamed_to``."""
    from .renames import RECORD, RECORD_FILE
    from .sources import SLUG_RE

    alone = load_state(config.state_dir / RECORD_FILE)
    if RECORD not in alone:  # a site last built by a verlag that kept it in site.json only
        from .site import STATE_FILE

        alone = load_state(config.state_dir / STATE_FILE)
    recorded = alone.get(RECORD)
    known = {old: entry["to"] for old, entry in (recorded.items() if isinstance(recorded, dict) else ())
             if isinstance(entry, dict) and isinstance(entry.get("to"), str) and isinstance(old, str)
             and SLUG_RE.fullmatch(old) and not os.path.lexists(config.pot_path(old))}
    known.update(load_state(config.state_dir / RENAMES_FILE))
    return known


def renamed_advice(config: Config, missing: Iterable[str], files: Mapping[str, str | None]) -> dict[str, str]:
    """For each ``--article`` slug of ``missing`` that verlag recorded as renamed (``renamed_articles``): the
    article it became, by its file (``files``: slug -> the article's file, None for one that cannot be read), and
    the option to use, or that none has the new name now either (deleted, or renamed since without verlag's
    record). A user who types the name they have known the article by learns where it went, not only that
    source_de/ has no such file."""
    renames = renamed_articles(config)
    said = {}
    for slug in missing:
        chain = _followed(slug, renames)[1:]
        if not chain:
            continue
        new = next((name for name in reversed(chain) if name in files), None)
        said[slug] = (f"renamed to {files[new] or new}: use --article {new}" if new is not None else
                      f"renamed to {chain[-1]}, which no article has now either: deleted, or renamed since")
    return said


def unreadable(config: Config, paths: list[Path]) -> list[VerlagError]:
    """Why each of the kept catalogs ``paths`` cannot be read (``catalog.read_po``: file and line), for those
    that cannot: the translation memory leaves them out, so nobody may call them a source of it."""
    from .catalog import read_po

    errors = []
    for path in paths:
        ref = relpath(path, config.root)
        try:
            read_po(path, ref)
        except VerlagError as exc:
            errors.append(exc)
        except OSError as exc:  # a folder or a symlink loop by the catalog's name, no permission
            errors.append(VerlagError(f"cannot read catalog: {exc.strerror or exc}", ref))
    return errors


def prune_records(config: Config, slugs: set[str]) -> None:
    """Remove extract's copies of catalogs (``RECORDS``) whose article is gone (``slugs``: the articles there
    are, readable or not) and whose catalog is gone too: moved along with its renamed article, or a kept
    catalog its reviewer deleted when done. A kept catalog keeps its copy: should the article come back, its
    merge still tells what a tool deleted from the catalog and which text extract carried."""
    folder = config.state_dir / RECORDS
    try:
        languages = list(os.scandir(folder))
    except OSError:  # none yet (or no folder there): nothing to prune
        return
    for lang in languages:
        try:
            names = [e.name for e in os.scandir(lang.path) if e.name.endswith(".catalog")]
        except OSError:
            continue
        for name in names:
            slug = name.removesuffix(".catalog")
            if slug in slugs or config.po_path(lang.name, slug).exists():
                continue
            try:
                os.unlink(os.path.join(lang.path, name))
            except OSError:  # a folder by that name, no permission: a copy kept costs nothing but its bytes
                pass


def unrecorded_renames(config: Config, slugs: set[str]) -> dict[str, list[str]]:
    """Article slug (of ``slugs``) -> its earlier slugs, oldest first, that this checkout's ``.verlag/`` alone
    knows (extract's record, ``RENAMES_FILE``: renames an older verlag made, which recorded none in the template)
    and its template, there, does not record (``renames.committed``): what ``extract`` writes into it
    (``extract_article.record_earlier_names``) so that a fresh clone keeps their addresses too. Empty, reading no
    template, when ``.verlag/`` knows no rename."""
    known = load_state(config.state_dir / RENAMES_FILE)
    if not known:
        return {}
    from .renames import committed  # only for a checkout that knows a rename: no other run loads it

    chains, found = committed(config), {}
    for old in known:
        if old not in slugs and (to := renamed_to(old, known, slugs)) is not None and old not in chains.get(to, ()) \
                and os.path.isfile(config.pot_path(to)):
            found.setdefault(to, []).append(old)
    # an older name has more renames between it and the article
    return {to: sorted(olds, key=lambda old: -len(_followed(old, known))) for to, olds in found.items()}


def _followed(slug: str, renames: dict) -> list[str]:
    """``slug`` and the slugs its renames lead to, in order, each once (a loop of renames ends there)."""
    seen = [slug]
    while slug in renames and renames[slug] not in seen:
        slug = renames[slug]
        seen.append(slug)
    return seen


def renamed_to(slug: str, renames: dict, slugs: set[str]) -> str | None:
    """The article ``slug`` was last renamed to, through any renames after it; None if there is none now."""
    chain = _followed(slug, renames)
    return chain[-1] if chain[-1] in slugs and len(chain) > 1 else None


def _bring_over(config: Config, source: Path, target: Path) -> tuple[int, int, tuple]:
    """(translations brought over from ``source`` to ``target``, reviewed translations that differ from a
    person's there, ``Orphan.plurals``).

    A signed-off plural entry (a reviewer or a tool added msgid_plural) counts as its first non-empty form, as
    ``catalog.merge`` reads it: a translation of one count, brought over fuzzy like every other, for a person
    to check as the sentence's.

    A reviewed translation of German the author changed since (``target``'s fuzzy entry with that German as
    previous msgid) replaces the text there while that is still the copy ``extract`` carried (the entry's
    ``previous msgid, reviewed`` or ``draft`` fingerprint names it): the entry stays fuzzy with its previous
    msgid, a translation of the old German for review (``catalog._take_text``). Text a person wrote there since
    is kept, and the translation counts as differing. Each text brought over says where it came from, ``tm: 100%
    from <old slug>`` (``set_provenance``, as a person's text: never a draft to redo)."""
    from .catalog import REVIEWED, UNTRANSLATED, Notes, _copy, _take_text, catalog_bytes, entry_state, \
        fingerprint, key, machine_draft, po_from_bytes, read_po, set_provenance

    import polib

    kept = read_po(source, relpath(source, config.root))
    reviewed, plural = {}, {}  # key -> the reviewed entry (a plural one's first form); of plural ones: their forms
    for entry in kept or []:
        forms = [text for _, text in sorted(entry.msgstr_plural.items()) if text] if entry.msgid_plural else []
        if forms and not entry.fuzzy and not entry.obsolete:
            single = _copy(entry)
            single.msgstr = forms[0]
            single.linenum = entry.linenum
            plural[key(entry)] = forms
            entry = single
        if not entry.obsolete and not entry.msgid_plural and entry_state(entry) == REVIEWED:
            reviewed[key(entry)] = entry
    counts = [0, 0]
    taken: list[polib.POEntry] = []  # the plural entries' first forms brought over

    def update(data: bytes | None) -> bytes | None:
        po = po_from_bytes(data, relpath(target, config.root))
        counts[:] = [0, 0]
        taken.clear()
        keys = {key(e) for e in po if not e.obsolete} if po is not None else set()
        for entry in po if po is not None else []:
            if entry.obsolete or not entry.fuzzy or entry.previous_msgid is None:
                continue
            old = reviewed.get((entry.previous_msgctxt, entry.previous_msgid))
            if old is None or key(old) in keys or old.msgstr == entry.msgstr:
                continue
            notes = Notes.of(entry)
            if fingerprint(entry.msgstr) in (notes.reviewed, notes.carried):  # still the copy extract carried
                _take_text(entry, old, reviewed=True)
                set_provenance(entry, f"tm: 100% from {source.stem}", drafted=False)
                counts[0] += 1
                taken.extend([old] if key(old) in plural else [])
            else:
                counts[1] += 1
        for entry in po if po is not None else []:
            theirs = reviewed[key(entry)].msgstr if key(entry) in reviewed else None
            if entry.obsolete or theirs is None or theirs == entry.msgstr:
                continue
            if entry_state(entry) != UNTRANSLATED and machine_draft(entry) is None:  # a person's work: kept
                counts[1] += 1
                continue
            entry.msgstr = theirs
            if not entry.fuzzy:
                entry.flags.insert(0, "fuzzy")  # where msgmerge and Poedit write it
            set_provenance(entry, f"tm: 100% from {source.stem}", drafted=False)
            counts[0] += 1
            taken.extend([reviewed[key(entry)]] if key(entry) in plural else [])
        return catalog_bytes(po, data) if counts[0] else None

    rewrite(target, update, limit=CATALOG, ref=relpath(target, config.root))
    lines = source.read_bytes().decode("utf-8", "replace").split("\n") if taken else []

    def msgid_line(entry: polib.POEntry) -> int:
        return next((n for n in range(entry.linenum, len(lines) + 1) if lines[n - 1].startswith("msgid ")),
                    entry.linenum)

    plurals = tuple((msgid_line(e), e.msgid, e.msgstr, tuple(plural[key(e)][1:])) for e in taken)
    return counts[0], counts[1], plurals


def _said_bytes(path: Path, ref: str) -> bytes | None:
    """What a kept catalog is known by, to say it once per change: its bytes (None: gone), or for one over
    ``limits.CATALOG`` (never read) its size and modification time. Raises ``OSError`` as ``fsutil.file_bytes``."""
    try:
        return read_bytes(path, CATALOG, ref)
    except NotAFile:
        raise
    except VerlagError:
        st = os.stat(path)
        return f"over {st.st_size} {st.st_mtime_ns}".encode("ascii")


def report(config: Config, found: list[Orphan], renamed: list[tuple[str, str]], slugs: set[str]) -> list[Orphan]:
    """Record this run's renames (``renamed``: (old catalog, new catalog) paths) and return the orphans
    in ``found`` still there that have something new to say: brought something over, or hold other
    bytes or differences than when last said.

    A rename whose old slug is an article again (``slugs``) is forgotten on every run, orphans or not:
    that article's catalogs are its own, and were it deleted later they must not be taken for the
    renamed one's.
    """
    renames = load_state(config.state_dir / RENAMES_FILE)
    kept = {old: new for old, new in renames.items() if old not in slugs}
    kept.update({Path(old).stem: Path(new).stem for old, new in renamed})
    if kept != renames:
        save_state(config.state_dir / RENAMES_FILE, kept)
    if not found and not renamed:  # the common run: nothing to say, no record of what was said to change
        return []
    said = load_state(config.state_dir / SAID_FILE)
    told, out = {}, []
    for orphan in found:
        try:
            data = _said_bytes(config.root / orphan.path, orphan.path)
        except OSError:  # a folder or a symlink loop by a catalog's name: said on every run, until it is removed
            out.append(orphan)
            continue
        if data is None:
            continue
        told[orphan.path] = digest_bytes(data, extra=f"{orphan.renamed_to}|{orphan.differing}")
        if orphan.carried or said.get(orphan.path) != told[orphan.path]:
            out.append(orphan)
    save_state(config.state_dir / SAID_FILE, told)
    return out

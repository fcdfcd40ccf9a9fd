"""Stage: the site -> its search index, by Pagefind (https://pagefind.app/), one index per language.

Pagefind reads every page's ``<html lang>`` and builds a separate index for each language with that
language's stemming; the browser loads only the index of the page it is on, so the English edition
never finds a German article. Only elements marked ``data-pagefind-body`` (article and page bodies)
are indexed. The binary comes with the ``pagefind[extended]`` Python package (``pagefind_binary``: the
extended build, which splits Chinese and Japanese text into words); nothing is downloaded.

The bundle is written to a temporary folder in ``.verlag/`` (outside ``site/``, on the same file
system) and swapped in when Pagefind succeeded, so a failed run leaves the previous index in place;
the folder of a killed run is removed by the next one.

Pagefind indexes each language on its own, and builds the indexes in one thread after reading the
pages in several. With more than one job the site is indexed in parts, at most ``jobs`` Pagefind
processes at a time: each translation's folder (``en/``) and the rest of the site (the original's
pages, the root pages), each part with its own ``--glob`` (a translation's started by ``build`` once
its folder is written, while the rest is written: ``index_site``'s ``written``); their bundles are merged,
file for file and with the languages of their ``pagefind-entry.json`` joined, into the bundle one run
over the whole site writes. A split that might index differently is run once over the whole site instead: a
language found in two parts, a file two parts wrote with different bytes, or a ``data-pagefind-body``
element in some parts only (Pagefind indexes every page of a run without one:
https://pagefind.app/docs/indexing/).

A run starts from the current bundle's compressed files (``fragment/``, ``index/``, ``filter/``, the
``.pf_meta``; each named by a hash of what it holds), hard-linked into its folder: Pagefind compresses only the files
whose names it does not find, a quarter of its work (gzip at its best level, on one thread), so a build after an
edit compresses the changed pages alone. Afterwards the files the run's ``.pf_meta`` (CBOR) does not list are
removed, and those it lists must hold the data verlag put there: ``.verlag/search-files.json`` (``RECORD``) keeps
the SHA-256 of each such file's data as the last index swapped in held it, and only a file it names is carried.
A file's name alone vouches for 28 bits of its data's SHA-1 (7 hex digits), so a file forged to share a page's
name, or one changed on disk, would pass for it. If one does not match, or another Pagefind version ran, the
site is indexed again from nothing.

A Pagefind run dies with verlag, also with a ``kill -9`` of it, where a signal handler or ``finally`` cannot run:
on Linux it is started through util-linux's ``setpriv --pdeathsig KILL`` (``_die_with_parent``), so the kernel
kills it when the thread that started it ends (that thread always waits for its runs: ``_run``, ``_stop``). Not
``preexec_fn`` calling ``prctl``: that runs Python between fork and exec, which is unsafe in a process with
threads. Without ``setpriv`` (macOS, a minimal system) a killed build's run goes on until its index is written.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import shutil
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from .errors import VerlagError

# subprocess and tempfile are imported where the site is indexed: a build that finds the index current never
# loads them.

BUNDLE = "pagefind"  # site/pagefind/: pagefind.js and the per-language indexes
TEMP_PREFIX = "pagefind-"  # .verlag/pagefind-*/: a run's bundle until it is swapped in
ENTRY = "pagefind-entry.json"  # the bundle's list of languages and their indexes
# The languages (BCP 47 primary subtags) the Pagefind verlag installs (pagefind[extended] 1.5) stems: those its
# pagefind-entry.json gives a stemmer ("wasm"); tests/test_search.py checks this against the binary. Any
# other language is searched word for word: "коліно" does not find "коліні".
STEMMED = frozenset("ar ca da de el en eo es et eu fi fr ga hi hu hy id it lt nb ne nl nn no pl pt ro ru sr sv ta tr "
                    "yi".split())
_GLOB_SAFE = re.compile(r"[A-Za-z0-9._-]+")  # a folder or file name a glob carries as it is
_BODY = re.compile(rb"<[A-Za-z][^<>]*\sdata-pagefind-body[\s=/>]")  # the element Pagefind indexes alone
# The files Pagefind names by a hash of their content and does not write again when one of that name is there
# ("immutable"): each a gzip of b"pagefind_dcd" and the data whose SHA-1 the name's hash begins.
_CARRIED = ("fragment/*.pf_fragment", "index/*.pf_index", "filter/*.pf_filter", "pagefind.*.pf_meta")
_SIGNATURE = b"pagefind_dcd"
_LARGEST_CARRIED = 64 << 20  # the most a carried file may unpack to (limits.SEARCH_FILE: its page is at most 8 MB)
RECORD = "search-files.json"  # in .verlag/: {"files": {path in the bundle: SHA-256 of its data}}


def index_site(site: Path, scratch: Path, folders: Sequence[str] = (), jobs: int = 1,
               written: Callable[[], bool] | None = None) -> bool:
    """Run Pagefind over ``site`` (a built site folder) and replace ``site/pagefind/`` with its bundle,
    made in a temporary folder inside ``scratch`` (the project's ``.verlag/``).

    ``folders``: the top-level folders of ``site`` that each hold one translation's pages (``en``);
    with ``jobs`` > 1 they are indexed apart and in parallel, the bundle byte for byte the same (a file carried
    over from the current bundle keeps its bytes; its data is the same).
    ``written`` (None: the site is written): called once to write the rest of the site when only ``folders``
    are written (every page and no stale one); with ``jobs`` > 1 their parts run meanwhile, as far as ``jobs``
    allows. Its False (a page could not be written) stops them: nothing is indexed, and False is returned.
    Raises ``VerlagError`` when the binary is missing or Pagefind fails (its own message attached), and, before
    its bundle is used, for a named pipe, socket or device named ``*.html`` in ``site``, or a file so named over
    ``limits.SITE_PAGE`` (``_refuse_no_pages``); whatever is raised, after ``written`` was called. The SHA-256 of
    the new bundle's carried files' data is kept in ``scratch``/``RECORD`` for the next run, which carries only
    files holding it.
    """
    pending = [written] if written is not None else []

    def rest() -> bool:  # ``written``, called once
        return pending.pop()() if pending else True

    try:
        return _index_site(site, scratch, folders, jobs, rest if written is not None else None)
    except Exception:
        if pending and not rest():  # not indexed: a page could not be written
            return False
        raise


def _index_site(site: Path, scratch: Path, folders: Sequence[str], jobs: int,
                written: Callable[[], bool] | None) -> bool:
    """``index_site`` itself; ``written`` (or None) is called once the parts of ``folders`` have started
    (``_start_early``)."""
    from .fsutil import load_state, save_state

    binary = pagefind_binary()
    if written is None:
        _refuse_no_pages(site)
    recorded = load_state(scratch / RECORD).get("files")
    record = {rel: digest for rel, digest in recorded.items() if isinstance(digest, str)} \
        if isinstance(recorded, dict) else {}
    for leftover in scratch.glob(f"{TEMP_PREFIX}*"):  # of a run that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    scratch.mkdir(parents=True, exist_ok=True)
    import tempfile

    with tempfile.TemporaryDirectory(dir=scratch, prefix=TEMP_PREFIX) as tmp:
        started: list = []  # (part, Pagefind run) of ``folders``, started before ``written``
        try:
            if written is not None:
                _start_early(binary, site, Path(tmp), folders, jobs, site / BUNDLE, record, started)
                if not written():
                    return False
                _refuse_no_pages(site)
            verified: dict[str, str] = {}  # the carried files found holding their recorded data
            fresh = _index(binary, site, Path(tmp), folders, jobs, site / BUNDLE, record, verified, started)
        finally:
            _stop([proc for _, proc in started])
        if fresh is None:  # Pagefind writes every file anew: none is one verified
            verified = {}
            fresh = _index(binary, site, Path(tmp) / "anew", folders, jobs, None, {}, verified)
        # Pagefind lists the languages in hash-map order; sorted, the same input makes the same site.
        entry = fresh / ENTRY
        data = _entry(fresh)
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        target = site / BUNDLE
        old = Path(tmp) / "old"
        made = {rel: verified.get(rel) or _digest(path) for rel, path in _carried(fresh).items()}
        if target.exists():
            target.rename(old)
        fresh.rename(target)  # the old bundle goes with the temporary folder
    save_state(scratch / RECORD, {"files": made})
    return True


def _start_early(binary: str, site: Path, tmp: Path, folders: Sequence[str], jobs: int, old: Path,
                 record: dict[str, str], started: list) -> None:
    """Start the parts of ``folders`` (the first ``_parts``, as many as ``jobs`` runs at once) into ``tmp``, each
    from its seed, as ``_index`` does, each put into ``started`` as (part, its Pagefind run) once it runs (so a
    Ctrl-C meanwhile leaves none unstopped); none with one job, or when a folder holds a page
    ``_refuse_no_pages`` refuses (refused once the whole site is written)."""
    own = [name for name in folders if (site / name).is_dir() and _GLOB_SAFE.fullmatch(name)]
    if jobs <= 1 or not own:
        return
    try:
        for name in own:
            _refuse_no_pages(site, site / name)
    except VerlagError:
        return
    parts = [[name] for name in own][:jobs]
    for i, (names, seed) in enumerate(zip(parts, _seeds(_carried(old), record, folders, parts))):
        started.append((names, _start(binary, site, tmp / f"part{i}", names, seed)))


def _stop(runs: list) -> None:
    """Kill the Pagefind ``runs`` still running and wait for them (no process outlives a failed or stopped build)."""
    for proc in runs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def _index(binary: str, site: Path, tmp: Path, folders: Sequence[str], jobs: int, old: Path | None,
           record: dict[str, str], verified: dict[str, str], started: list = ()) -> Path | None:
    """Index ``site`` in parts (or in one run) into ``tmp/pagefind``, each run starting from the files of its
    languages the ``old`` bundle has that ``record`` names (None: from nothing); when a part's run fails, one run
    over the whole site, whose failure is raised (``VerlagError``); that folder, or None when a carried
    file does not hold the data ``record`` says or another Pagefind version made them (``_settle``, which puts the
    SHA-256 of each carried file's data in ``verified``). ``started``: the runs ``_start_early`` started for the
    first parts (stopped, and their folders emptied, when the site is not split so after all)."""
    fresh = tmp / BUNDLE
    carried = {rel: path for rel, path in _carried(old).items() if rel in record} if old is not None else {}
    parts = _parts(site, folders) if jobs > 1 else []
    if started and (len(parts) < 2 or parts[:len(started)] != [names for names, _ in started]):
        _stop([proc for _, proc in started])  # the site is split otherwise: they run again, from their seeds
        for i in range(len(started)):
            shutil.rmtree(tmp / f"part{i}", ignore_errors=True)
        started = []
    if len(parts) >= 2:
        seeds = _seeds(carried, record, folders, parts)
        try:
            bundles = _run(binary, site, tmp, parts, jobs, seeds, [proc for _, proc in started])
        except VerlagError:  # Pagefind fails a part none of whose pages holds a word to index (a translation shown
            bundles = []     # all in German, left out of its index): one run over the whole site indexes it or says why
        if bundles and not all(_settle(bundle, seed, old, record, verified) for bundle, seed in zip(bundles, seeds)):
            return None
        if bundles and _merge(bundles, parts, site, fresh):
            return fresh
    whole = _run(binary, site, tmp / "whole", [None], 1, [carried])[0]
    return whole.rename(fresh) if _settle(whole, carried, old, record, verified) else None


def _seeds(carried: dict[str, Path], record: dict[str, str], folders: Sequence[str],
           parts: list[list[str]]) -> list[dict[str, Path]]:
    """Per part, the ``carried`` files (those ``record`` names) of its languages: a translation's part those of its
    language, the rest those of no translation."""
    own = {name.lower() for name in folders}
    return [{rel: path for rel, path in carried.items() if rel in record
             and (_language(rel) == names[0].lower() if names[0] in folders else _language(rel) not in own)}
            for names in parts]


def _carried(bundle: Path) -> dict[str, Path]:
    """The files of ``bundle`` (the site's current one) a run may start from, by their path in the bundle."""
    if not (bundle / ENTRY).is_file():
        return {}
    return {path.relative_to(bundle).as_posix(): path for pattern in _CARRIED for path in bundle.glob(pattern)
            if path.is_file() and not path.is_symlink()}


def _seed(bundle: Path, seed: dict[str, Path]) -> None:
    """Put the ``seed`` files (path in the bundle -> file) into the folder a run writes ``bundle`` in: hard links,
    which Pagefind leaves alone (it never opens a file of a name it finds; tests/test_search.py checks the
    installed binary), else copies; one that cannot be made is left to Pagefind to write."""
    for folder in {rel.rpartition("/")[0] for rel in seed}:
        os.makedirs(bundle / folder, exist_ok=True)
    for rel, path in seed.items():
        target = f"{bundle}/{rel}"
        try:
            os.link(path, target)
        except OSError:
            try:
                shutil.copyfile(path, target)
            except OSError:
                Path(target).unlink(missing_ok=True)


def _language(rel: str) -> str:
    """The language a carried file belongs to: its name's part before the hash (``fragment/en_3fa55f8.pf_fragment``,
    ``pagefind.pt-br_1a2b3c4d5e.pf_meta``), lower case."""
    return _named(rel).rsplit("_", 1)[0].lower()


def _named(rel: str) -> str:
    """The language and hash a carried file is named by (``en_3fa55f8``)."""
    return rel.rsplit("/", 1)[-1].removeprefix("pagefind.").rsplit(".", 1)[0]


def _settle(bundle: Path, seed: dict[str, Path], old: Path | None, record: dict[str, str],
            verified: dict[str, str]) -> bool:
    """Remove from a run's ``bundle`` the ``seed`` files (put in from the ``old`` bundle before it ran) its
    ``.pf_meta`` files do not list; True when every one they list holds the data ``record`` gives the SHA-256 of
    (put in ``verified``) and the run's Pagefind version is the one that made ``old`` (always when nothing was
    copied in); False for an ``old`` entry file that is no JSON object or over ``_LARGEST_CARRIED`` (not read)."""
    if not seed:
        return True
    import cbor2  # the .pf_meta's format

    try:
        entry = _entry(bundle)
        if old is None:
            return False
        if (old / ENTRY).stat().st_size > _LARGEST_CARRIED:  # site/'s: any file, never read whole when this large
            return False
        made = json.loads((old / ENTRY).read_text(encoding="utf-8"))  # any JSON (a list, nested deep)
        if not isinstance(made, dict) or made.get("version") != entry.get("version"):
            return False
        listed = set()
        for language in entry["languages"].values():
            meta = f"pagefind.{language['hash']}.pf_meta"
            _version, pages, chunks, filters, *_ = cbor2.loads(_unpacked(bundle / meta))
            listed |= {meta, *(f"fragment/{page[0]}.pf_fragment" for page in pages),
                       *(f"index/{chunk[2]}.pf_index" for chunk in chunks),
                       *(f"filter/{kind[1]}.pf_filter" for kind in filters)}
        for rel in seed:
            if rel not in listed:
                (bundle / rel).unlink(missing_ok=True)
            elif (digest := _digest(bundle / rel)) != record.get(rel):
                return False
            else:
                verified[rel] = digest
    except (OSError, ValueError, KeyError, IndexError, TypeError, RecursionError, cbor2.CBORError, VerlagError):
        return False
    return True


def _entry(bundle: Path) -> dict:
    """The ``pagefind-entry.json`` a run of Pagefind wrote into ``bundle`` (its version and languages), read within
    ``limits.SEARCH_FILE``. Raises ``VerlagError`` naming it as ``site/pagefind/pagefind-entry.json`` (where it goes)
    when it is larger (never read), cannot be read, or is no JSON object: a damaged file, which the callers that can
    index the site again from nothing take as a reason to."""
    from .fsutil import file_bytes
    from .limits import SEARCH_FILE

    ref = f"site/{BUNDLE}/{ENTRY}"
    try:
        data = json.loads(file_bytes(bundle / ENTRY, SEARCH_FILE, ref))
    except OSError as exc:
        raise VerlagError(f"search: Pagefind's index cannot be read: {exc.strerror}", ref) from None
    except (ValueError, RecursionError):  # not UTF-8, no JSON, nested too deep
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("languages"), dict):
        if _disk_full(bundle):  # Pagefind exits 0 with the file cut short
            raise VerlagError("search: Pagefind could not write its index: the disk is full; free some space, then "
                              "run 'verlag build' again", ref)
        raise VerlagError("search: Pagefind wrote an index that is not the JSON object it writes; run "
                          "'verlag build' again", ref)
    return data


def _disk_full(folder: Path) -> bool:
    """Whether the device of ``folder`` has less than ``FULL`` left for the user (``statvfs``'s ``f_bavail``)."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < FULL


FULL = 1 << 20  # bytes: less left than this when a write of Pagefind's came out short is a full disk


def _digest(path: Path) -> str:
    """The SHA-256 (hex) of the data of the carried file ``path`` (``_unpacked``), "" when it has none (no gzip,
    cut off, too large, no signature): a SHA-256 of the whole data, never its name's 7 hex digits of SHA-1."""
    try:
        return hashlib.sha256(_unpacked(path)).hexdigest()
    except (OSError, ValueError):
        return ""


def _unpacked(path: Path) -> bytes:
    """The data of a carried file (after Pagefind's signature); ``ValueError`` when it unpacks to more than
    ``_LARGEST_CARRIED`` bytes (or is that large, never read), is cut off or has no signature, ``OSError`` when it
    cannot be read."""
    from .fsutil import file_bytes
    from .limits import SEARCH_FILE

    rel = path.name
    unpacker = zlib.decompressobj(wbits=31)  # gzip
    try:
        data = unpacker.decompress(file_bytes(path, SEARCH_FILE), _LARGEST_CARRIED + 1)
    except (zlib.error, VerlagError):
        raise ValueError(rel) from None
    if len(data) > _LARGEST_CARRIED or not unpacker.eof:
        raise ValueError(rel)  # no page's data is this large: a gzip bomb or a file cut off
    if not data.startswith(_SIGNATURE):
        raise ValueError(rel)
    return data[len(_SIGNATURE):]


def _ref(site: Path, path: Path | str) -> str:
    """A page of ``site`` as messages name it: ``site/de/x/index.html``."""
    return f"site/{Path(path).relative_to(site).as_posix()}"


def _refuse_no_pages(site: Path, under: Path | None = None) -> None:
    """Raise ``VerlagError`` naming the first ``*.html`` under ``site`` (or its folder ``under``) that is a named
    pipe, socket or device (``fsutil.regular``): Pagefind opens every page and waits on a named pipe for a writer
    that never comes, so the build hung; or a file over ``limits.SITE_PAGE``, which neither Pagefind nor
    ``_merge`` is given to read. The folder's entries tell a file without a ``stat`` each; a file's size costs one."""
    from .fsutil import IsAFolder, NotAFile, regular
    from .limits import SITE_PAGE

    folders = [under or site]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif entry.name.endswith(".html") and entry.is_file():
                    SITE_PAGE.check(entry.stat().st_size, _ref(site, entry.path))
                elif entry.name.endswith(".html"):
                    try:
                        regular(entry.path)
                    except IsAFolder:  # a symbolic link to a folder: no page, and nothing Pagefind waits on
                        continue
                    except NotAFile as exc:
                        kind = exc.message.partition(", not a file")[0]
                        raise VerlagError(f"{kind}, not a page: the search index (Pagefind) would wait on it "
                                          "forever; remove it", _ref(site, entry.path)) from None
                    except OSError:  # a symbolic link to nothing: Pagefind reports it
                        continue


def pagefind_binary() -> str:
    """The Pagefind executable: the extended one (``pagefind[extended]``), which segments Chinese and Japanese text
    into words, so a word inside a sentence is found, not only one that starts a clause; else the standard one of
    an older installation (``pagefind[bin]``). Raises ``VerlagError`` when neither is installed."""
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            return str(importlib.import_module(module).get_executable())
        except (ImportError, FileNotFoundError):
            continue
    raise VerlagError("search: the Pagefind binary is missing; install verlag again (it needs "
                      "'pagefind[extended]') or set [site] search = false in verlag.toml")


def binary_name() -> str:
    """The file name of the binary ``pagefind_binary`` runs ("" when none is installed), for the build's record:
    an index an older installation's standard binary made is made again by the extended one."""
    try:
        return Path(pagefind_binary()).name
    except VerlagError:
        return ""


def _parts(site: Path, folders: Sequence[str]) -> list[list[str]]:
    """The top-level names of ``site`` each Pagefind run covers: each of ``folders`` on its own, then
    every other name (the bundle left out); [] when a name is not one a glob carries as it is."""
    own = [name for name in folders if (site / name).is_dir()]
    rest = sorted(p.name for p in site.iterdir() if p.name not in own and p.name != BUNDLE
                  and (p.is_dir() or p.suffix == ".html"))
    if not all(_GLOB_SAFE.fullmatch(name) for name in [*own, *rest]):
        return []
    return [[name] for name in own] + ([rest] if rest else [])


def _glob(site: Path, names: list[str]) -> str:
    """Pagefind's ``--glob`` (wax syntax) for the HTML files under ``names``, as its default ``**/*.{html}``."""
    globs = [f"{name}/**/*.html" if (site / name).is_dir() else name for name in names]
    return globs[0] if len(globs) == 1 else "{" + ",".join(globs) + "}"


def _run(binary: str, site: Path, out: Path, parts: list[list[str] | None], jobs: int,
         seeds: list[dict[str, Path]], started: list = ()) -> list[Path]:
    """One Pagefind run per part (None: the whole site), at most ``jobs`` at a time, each in a folder holding its
    ``seeds`` (path in the bundle -> file, ``_seed``); their bundles, in ``out``. ``started``: the runs of the first
    parts, running already (``_start_early``). Raises ``VerlagError`` with Pagefind's last line of output when a
    run fails."""
    bundles = [out / f"part{i}" for i in range(len(parts))]
    waiting = list(zip(parts, bundles, seeds))[len(started):]
    running = list(started)
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                names, bundle, seed = waiting.pop(0)
                running.append(_start(binary, site, bundle, names, seed))
            proc = running.pop(0)
            stdout, stderr = proc.communicate()
            if proc.returncode != 0:
                detail = (stderr or stdout).strip().splitlines()
                raise VerlagError(f"search: Pagefind failed: {detail[-1] if detail else f'exit {proc.returncode}'}",
                                  "site/")
    finally:
        _stop(running)  # a failed part: the others are not waited for
    return bundles


@lru_cache(maxsize=1)
def _die_with_parent() -> tuple[str, ...]:
    """The command that makes what it runs die with this process (``setpriv --pdeathsig KILL --``), on Linux where
    util-linux's ``setpriv`` is installed; else none."""
    found = shutil.which("setpriv") if sys.platform == "linux" else None
    return (found, "--pdeathsig", "KILL", "--") if found else ()


def _start(binary: str, site: Path, bundle: Path, names: list[str] | None, seed: dict[str, Path]):
    """A Pagefind run over the pages of ``names`` (None: the whole site) into ``bundle``, seeded (``_seed``), that
    dies with verlag (``_die_with_parent``)."""
    import subprocess

    _seed(bundle, seed)
    glob = ["--glob", _glob(site, names)] if names is not None else []
    return subprocess.Popen([*_die_with_parent(), binary, "--site", str(site), "--output-path", str(bundle), "--silent", *glob],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _merge(bundles: list[Path], parts: list[list[str]], site: Path, fresh: Path) -> bool:
    """Join the parts' bundles into ``fresh``, as one run over the whole site writes it; False (nothing
    made) when the split may index differently from one run (see the module's docstring)."""
    from .fsutil import file_bytes
    from .limits import SITE_PAGE

    marked = {any(_marks_body(file_bytes(path, SITE_PAGE, _ref(site, path))) for name in names
                  for path in ((site / name).rglob("*.html") if (site / name).is_dir() else [site / name]))
              for names in parts}
    try:
        entries = [_entry(bundle) for bundle in bundles]
    except VerlagError:  # damaged: one run over the whole site writes it again
        return False
    languages: dict = {}
    for entry in entries:
        if languages.keys() & entry["languages"].keys():
            return False
        languages.update(entry["languages"])
    if len(marked) > 1 or any({**e, "languages": None} != {**entries[0], "languages": None} for e in entries):
        return False
    files: dict[Path, Path] = {}
    for bundle in bundles:
        for path in sorted(p for p in bundle.rglob("*") if p.is_file() and p.name != ENTRY):
            rel = path.relative_to(bundle)
            if rel in files and not _same(files[rel], path):
                return False
            files.setdefault(rel, path)
    for rel, path in files.items():
        (fresh / rel).parent.mkdir(parents=True, exist_ok=True)
        path.rename(fresh / rel)
    (fresh / ENTRY).write_text(json.dumps({**entries[0], "languages": languages}, ensure_ascii=False),
                               encoding="utf-8")
    return True


def _same(a: Path, b: Path) -> bool:
    """Whether two files of the parts' bundles hold the same bytes, each read within ``limits.SEARCH_FILE``
    (only when their sizes agree); one larger, or one that cannot be read, is not the same."""
    from .fsutil import file_bytes
    from .limits import SEARCH_FILE

    try:
        return a.stat().st_size == b.stat().st_size and file_bytes(a, SEARCH_FILE) == file_bytes(b, SEARCH_FILE)
    except (OSError, VerlagError):
        return False


def _marks_body(html: bytes) -> bool:
    """Whether a page has an element with the ``data-pagefind-body`` attribute."""
    return b"data-pagefind-body" in html and _BODY.search(html) is not None


def unstemmed(languages: Sequence[str]) -> list[str]:
    """The codes of ``languages`` Pagefind searches without stemming (not in ``STEMMED``)."""
    return [lang for lang in languages if lang.split("-")[0].lower() not in STEMMED]


def unstemmed_advice(languages: list[str], english_names: dict[str, str]) -> str:
    """What to tell the author about ``languages`` (``unstemmed``): their search finds only the exact word form."""
    named = ", ".join(f"{lang} ({english_names[lang]})" for lang in languages)
    return (f"the site search has no stemming for {named} (Pagefind has no stemmer for them): it finds a word only "
            "in the form the reader types, not its other forms")

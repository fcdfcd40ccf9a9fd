"""verlag command line: parses options, calls a pipeline stage, prints the outcome.

Exit codes: 0 fine, 1 the work found problems, 2 bad usage or bad input.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import shlex
import sys
import time
from collections import Counter
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path, PurePosixPath
from typing import Callable, Container, NamedTuple

import click

import pipeline
from pipeline import __version__
from pipeline.config import CONFIG_NAME, load_config, project_folders
from pipeline.counts import counted
from pipeline.errors import (ArticleFailure, ManyErrors, Notice, PartLeftOut, UnfilledPage, VerlagError, describe,
                             excerpt, os_problem, raise_all, shown_path)


class Project:
    """What ``-C DIR`` selects; the config is loaded lazily so ``init`` works in an empty folder.

    The project is the folder (``-C DIR``, else the current one) or the nearest one above it with a verlag.toml
    (``config.project_folders``), as git finds its repository, so ``verlag -C blog/source_de build`` and verlag run
    inside ``source_de/`` work too.
    """

    def __init__(self, root: Path, wait: bool = True, explicit: bool = True, command: str = ""):
        self.root = root
        self.given = root  # the folder verlag was pointed at (``shown``)
        self.wait = wait
        self.explicit = explicit
        self.command = command  # "verlag build": what the lock file names while this run holds it
        self.waited = None  # the ``lock.Holder`` this run's lock waited for, if it did
        self._config = None

    @property
    def config(self):
        """The settings of the project found from ``root``; ``VerlagError`` naming the folders looked in when none
        has a verlag.toml, or naming ``-C DIR`` when it is no folder."""
        if self._config is None:
            if self.explicit and not self.root.is_dir():
                raise VerlagError("no such folder (given with -C)", self.root)
            folders = project_folders(self.root)
            # any entry: load_config names a folder (a container's bind mount of a file that was not there makes
            # one), a FIFO, a device or a dangling symlink for what it is; "no verlag.toml" was untrue of a folder
            found = next((d for d in folders if os.path.lexists(d / CONFIG_NAME)), None)
            if found is None:
                raise VerlagError(f"no {CONFIG_NAME} in this folder or any above it up to {folders[-1]}; run 'verlag "
                                  "init' to start a project here, or pass -C with the project's folder", self.root)
            if found != folders[0]:
                self.root = found if self.root.is_absolute() else Path(os.path.relpath(found))
            self._config = load_config(self.root)
        return self._config

    def shown(self, path: Path) -> str:
        """A file of the project as the person who ran verlag reaches it, as git names paths: relative to the
        current folder (``tee.md`` from inside ``source_de/``, ``../tee.md`` from ``source_de/seiten/``), or with
        ``-C`` to that folder, as if verlag ran there (``git -C`` does the same); one outside the project as given."""
        root = self.config.root.absolute()
        target = Path(path).absolute()
        if not target.is_relative_to(root):
            return shown_path(path)
        here = self.given.absolute() if self.explicit else Path.cwd()
        return shown_path(Path(os.path.relpath(target, here)).as_posix())

    def lock(self):
        """The project lock (``pipeline.lock``): waits for another writing verlag, saying which and recording it in
        ``waited``, or fails with --no-wait."""
        from pipeline.lock import project_lock

        def waiting(holder) -> None:
            self.waited = holder
            click.echo(f"waiting: another verlag is running on this project ({holder}); Ctrl+C stops, "
                       "'verlag --no-wait COMMAND' fails instead of waiting", err=True)

        return project_lock(self.config, self.wait, waiting, self.command)


pass_project = click.make_pass_decorator(Project)


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and getattr(ctx.find_object(Project), "debug", False))


def writes(command):
    """Run a command that writes catalogs, editions or the site under the project lock."""

    @functools.wraps(command)
    def locked(*args, **kwargs):
        with click.get_current_context().find_object(Project).lock():
            return command(*args, **kwargs)

    return locked


def report_errors(errors: list[VerlagError], said: Container[str] = frozenset()) -> None:
    """One ``error: file:line: message`` line each (``warning:`` for a ``Notice`` beside them); with ``--debug`` an
    unexpected failure's traceback first. ``said``: the ``file:line: message`` texts the run said already (check's
    findings, which ``publish`` lists), not said again."""
    for error in errors:
        for single in (error.errors if isinstance(error, ManyErrors) else [error]):
            if str(single) in said:
                continue
            if isinstance(single, ArticleFailure) and single.__cause__ is not None and _debug():
                import traceback

                traceback.print_exception(single.__cause__, file=sys.stderr)
            click.echo(f"{'warning' if isinstance(single, Notice) else 'error'}: {single}", err=True)


def _problems(errors: list[VerlagError]) -> list[VerlagError]:
    """Each single problem of ``errors`` (a ``ManyErrors`` unpacked) that names a file."""
    return [s for e in errors for s in (e.errors if isinstance(e, ManyErrors) else [e]) if s.path]


def failed_files(errors: list[VerlagError]) -> list[str]:
    """The files ``errors`` name, sorted, each once: those a run left as they were, or out."""
    return sorted({shown_path(s.path) for s in _problems(errors)})


def fail(command: str, errors: list[VerlagError], writes: bool = True, outcome: str | None = None,
         said: Container[str] = frozenset(), also: str = "") -> None:
    """Report the problems of a run that went on past them, name the files once more, exit 2.

    ``writes``: the command writes outputs, so the files with problems were left as they were (but a legal
    page with placeholders left to fill in, which the build takes off the site and out of editions/); a read-only
    command (status, check) only left them out of what it reports. ``outcome``: what the run did instead, when it is not
    "everything else" (a build whose site could not be made: ``build_outcome``). ``said``: as ``report_errors``'s.
    ``also``: another problem of the run, said before (``publish``'s shortcodes in published pages), for the last
    line to name it too.
    """
    report_errors(errors, said)
    unfilled = {shown_path(s.path) for s in _problems(errors) if isinstance(s, UnfilledPage)} if writes else set()
    # a file whose only problems are parts the run left out (an old address) was made all the same
    whole = {shown_path(s.path) for s in _problems(errors) if not isinstance(s, PartLeftOut)}
    partly = sorted(set(failed_files(errors)) - whole) if writes else []
    files = sorted(set(failed_files(errors)) - unfilled - set(partly))
    taken_off = ("no editions written and not published until their placeholders are filled in: "
                 + ", ".join(sorted(unfilled)))
    if partly:  # said as another problem of the run is (``also``)
        also = f"made without the parts named above: {', '.join(partly)}" + (f"; {also}" if also else "")
    also = f"; {also}" if also else ""
    if files:
        what = "left as they were" if writes else "left out"
        outcome = outcome or f"{counted(len(files), 'file')} with problems {what}, everything else done"
        click.echo(f"{command}: {outcome}: {', '.join(files)}" + (f"; {taken_off}" if unfilled else "") + also,
                   err=True)
    elif unfilled:
        click.echo(f"{command}: {outcome or 'everything else done'}; {taken_off}{also}", err=True)
    elif also:
        click.echo(f"{command}: {outcome or 'everything else done'}{also}", err=True)
    sys.exit(2)


def build_outcome(site) -> str | None:
    """``fail``'s outcome of a build whose site as a whole could not be made (a template, a setting)."""
    return "site/ not built, left as it was (editions: see the build line above); fix" if site.failed else None


@functools.cache
def _warnings_handler() -> type:
    """The handler printing the library-level warnings of verlag's own modules (e.g. a pySBD fallback) as
    ``warning: ...`` (a class made once, when logging is loaded)."""
    import logging

    class Warnings(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"warning: {record.getMessage()}", err=True)

    return Warnings


def _print_warnings(log) -> None:
    """Have the "pipeline" logger ``log`` print warnings (``_warnings_handler``), once: a test runs many commands
    in one process. Called by ``pipeline.logger`` when a module first asks for a logger, so a run that warns
    nothing never loads logging."""
    import logging

    handler = _warnings_handler()
    if not any(isinstance(h, handler) for h in log.handlers):
        log.addHandler(handler(logging.WARNING))


INTERRUPTED = 130  # 128 + SIGINT: the status shells give a command Ctrl-C stopped (POSIX, "Exit Status")


class VerlagGroup(click.Group):
    """Turns library errors into ``error: file:line: message`` and exit status 2, and an interrupt (SIGINT,
    Ctrl-C) anywhere in a command (reading the project, collecting, writing) into exit status 130, at the
    boundary only: click would say "Aborted!" and exit 1. Nothing is half-written then: every file is replaced
    atomically (``pipeline.fsutil``). Standard output and error are guarded before the command line is parsed
    (``pipeline.stdpipes``): a reader that leaves the pipe early (``| head``) stops no command, and control
    characters quoted from a file (or typed in an argument) reach the terminal as visible escapes."""

    def main(self, *args, **kwargs):
        from pipeline.stdpipes import guard_streams

        guard_streams()
        return super().main(*args, **kwargs)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # a stage that keeps its finished work (pretranslate) says so itself
            click.echo("interrupted", err=True)
            sys.exit(INTERRUPTED)
        except click.NoSuchOption as exc:
            if exc.option_name == "-C":  # `verlag build -C DIR`: the project option belongs to verlag itself
                exc.message = "-C goes before the subcommand: verlag -C DIR " + (ctx.invoked_subcommand or "COMMAND")
            elif ctx.invoked_subcommand == "new":  # `verlag new -Strich`: a title that reads as an option
                exc.message = (exc.message.rstrip(".") + ': a title starting with "-" goes after --: '
                               'verlag new -- "-Strich am Anfang"')
            raise
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the boundary: one line, the traceback only with --debug
            if ctx.obj is not None and getattr(ctx.obj, "debug", False):
                raise
            if isinstance(exc, OSError) and not isinstance(exc, VerlagError):  # unreadable or unwritable file: say
                # which, not a traceback (a ``fsutil.NotAFile`` is both: its message says what to do)
                exc = VerlagError(os_problem(exc), exc.filename)
            elif not isinstance(exc, VerlagError):  # a bug: say so, and how to see more
                exc = VerlagError(f"internal error: {describe(exc)} (run with --debug for the traceback)")
            report_errors([exc])
            sys.exit(2)


@contextmanager
def progress_bar(label: str, count: Callable[[], int], after: float = 0.0):
    """A progress callback drawing a bar of ``count()`` steps on a terminal once the work has taken ``after``
    seconds; silence in CI and pipes, where the steps are not counted (``count`` lists the sources)."""
    if not sys.stderr.isatty():
        yield None
        return
    total = count()
    if total < 2:
        yield None
        return
    started, done = time.monotonic(), [0]
    with ExitStack() as stack:
        bar = None

        def step(*_):
            nonlocal bar
            done[0] += 1
            if bar is None and time.monotonic() - started >= after:
                bar = stack.enter_context(click.progressbar(length=total, label=label,
                                                            file=getattr(sys.stderr, "raw", sys.stderr)))
                bar.update(done[0] - 1)
            if bar is not None:
                bar.update(1)

        yield step


LISTED = 8  # names a line lists before summarising the rest


def listing(names: list[str]) -> str:
    """Names for one output line: all of a short list, the first LISTED and a count of a long one."""
    if len(names) <= LISTED:
        return ", ".join(names)
    return f"{', '.join(names[:LISTED])} and {len(names) - LISTED} more (see 'verlag status')"


def _article_count(config) -> int:
    from pipeline.sources import source_files

    return len(source_files(config))


def quiet_option(leaves_out: str | None, kept: str = ""):
    """``-q``/``--quiet``, which every command that reports its work takes with one meaning (README, "Commands"):
    ``leaves_out`` says what goes; the summary, counts, renamed and removed files, notes, warnings and errors stay.
    None: the command prints nothing else (``kept`` says what it prints), so it prints the same."""
    return click.option("-q", "--quiet", is_flag=True, help=(
        f"Leave out {leaves_out}; print the summary, counts, notes, warnings and errors." if leaves_out else
        f"Taken, as by every command that reports its work; {kept}, which -q keeps: the output is the same."))


@click.group(cls=VerlagGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-C", "directory", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Content project directory (the one with verlag.toml); default: the current folder or "
                   "the nearest parent with a verlag.toml.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of short error messages.")
@click.option("--no-wait", is_flag=True,
              help="When another verlag is writing this project, fail (exit 2) instead of waiting for it.")
@click.version_option(__version__, prog_name="verlag")
@click.pass_context
def main(ctx: click.Context, directory: Path, debug: bool, no_wait: bool) -> None:
    """verlag: German articles to reviewed translations to published editions."""
    # What is loaded by now lives as long as the process: frozen (gc.freeze), no collection walks it again, nor the
    # one at exit (4 % of a no-op extract's instructions). Once a process: a test suite runs many commands in one,
    # and the garbage of its earlier tests would stay frozen with it.
    if not gc.get_freeze_count():
        gc.freeze()
    ctx.obj = Project(directory or Path("."), wait=not no_wait, explicit=directory is not None,
                      command=f"verlag {ctx.invoked_subcommand}" if ctx.invoked_subcommand else "")
    ctx.obj.debug = debug
    if "logging" in sys.modules:  # a module asked for its logger already (or another program's code loaded it)
        _print_warnings(sys.modules["logging"].getLogger("pipeline"))
    elif _print_warnings not in pipeline.ON_FIRST_LOGGER:
        pipeline.ON_FIRST_LOGGER.append(_print_warnings)


def _init_folder(extra: list[str]) -> None:
    """A usage error (exit 2) for folders given to init as arguments (``extra``), as ``git init DIR`` takes one:
    init takes one folder, before the command (``-C``). Said from the arguments as typed, each quoted for the
    shell: click's own message joins them with spaces, so ``init a b`` read as the one folder 'a b'."""
    if len(extra) == 1:
        raise click.UsageError(f"init takes its folder before the command: verlag -C {shlex.quote(extra[0])} init")
    if extra:
        raise click.UsageError(f"init takes one folder, before the command (verlag -C FOLDER init), not "
                               f"{len(extra)}: {' '.join(map(shlex.quote, extra))}; run it once for each project")


@main.command(context_settings={"allow_extra_args": True})  # `verlag init DIR`: said by ``_init_folder``
@click.option("--name", help="The site's name (default: the folder's name).")
@click.option("--author", default="", help="Your name: the author of new articles and of the feeds.")
@click.option("--base-url", help="The address the site will be published at, e.g. https://example.org/.")
@click.option("--languages", default="en,fr", show_default=True,
              help="Languages to translate into, BCP 47 codes separated by commas.")
@quiet_option("the line per file created")
@pass_project
def init(project: Project, name, author: str, base_url, languages: str, quiet: bool) -> None:
    """Scaffold a content project in -C DIR (empty or new)."""
    _init_folder(click.get_current_context().args)
    from pipeline.scaffold import DEFAULT_TIMEZONE, LEGAL_TEMPLATES, driver_config, init_project, running_verlag

    codes = tuple(code.strip() for code in languages.split(",") if code.strip())
    outer = next((folder for folder in project_folders(project.root)[1:] if (folder / CONFIG_NAME).is_file()), None)
    files, todo = init_project(project.root, name, author, base_url, codes)
    here = project.root.resolve() == Path.cwd().resolve()
    where = "" if here else f"{project.root}/"  # the files as the author reaches them from where init ran
    for path in [] if quiet else files:
        click.echo(f"created {shown_path(path)}")
    click.echo(f"init: {counted(len(files), 'file')} created in {where or './'}")
    if outer is not None:  # as git finds the nearest repository, verlag finds the nearest verlag.toml
        click.echo(f"warning: {shown_path(where or './')} is inside the project {shown_path(outer)}/ (its "
                   f"{CONFIG_NAME}): this is a new project of its own, and verlag run in it works on it, not on "
                   f"{shown_path(outer)}/; if that was not meant, delete the files init wrote", err=True)
    for item in todo:
        click.echo(f"still to fill in {where}verlag.toml: {item}")
    click.echo(f"note: {where}verlag.toml sets timezone = \"{DEFAULT_TIMEZONE}\", the zone of times written without "
               "one: change it if the practice is elsewhere")
    click.echo(f"{where}source_de/willkommen.md is an example (draft: true, never published): read it, then delete it")
    legal = [f"{where}source_de/seiten/{slug}.md" for slug in LEGAL_TEMPLATES]
    click.echo(f"still to fill in: the [[AUSFÜLLEN: …]] placeholders of {' and '.join(legal)} (Impressum and "
               "privacy notice); build leaves those pages out until they are filled in")

    click.echo(f"note: in a git repository, run once in each clone: {driver_config(running_verlag())}; then git "
               "merges catalogs entry by entry (.gitattributes), so a reviewer's sign-off survives your extract (the "
               "full path of this verlag: git runs the driver with its own PATH, where a virtual environment's "
               "verlag is not found; in a clone on another machine, give the path of verlag there)")
    go = "" if here else f"cd {shlex.quote(str(project.root))}, then "
    click.echo(f"next: {go}verlag new \"Titel\", then verlag extract")
    from pipeline.search import unstemmed, unstemmed_advice
    from pipeline.site import english_name
    from pipeline.uistrings import unshipped, unshipped_advice

    missing = unshipped(codes)
    if missing:
        click.echo(f"note: {unshipped_advice(missing, {lang: english_name(lang) for lang in missing})}")
    plain = unstemmed(codes)
    if plain:
        click.echo(f"note: {unstemmed_advice(plain, {lang: english_name(lang) for lang in plain})}")


class _TitleCommand(click.Command):
    """``new``: a TITLE that starts with "-" and holds a space (``"- Strich am Anfang"``) is taken as the title,
    as no option has a space; click read it as the unknown option ``- ``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = list(args)
        ended = args.index("--") if "--" in args else len(args)
        titles = [arg for arg in args[:ended] if arg.startswith("-") and any(c.isspace() for c in arg)]
        if titles:
            args = [arg for arg in args[:ended] if arg not in titles] + ["--", *titles, *args[ended + 1:]]
        return super().parse_args(ctx, args)


@main.command(cls=_TitleCommand)
@click.argument("title")
@quiet_option(None, "new prints the file it created and what its draft line means")
@pass_project
@writes
def new(project: Project, title: str, quiet: bool) -> None:
    """Start a German article titled TITLE in source_de/."""
    from pipeline.scaffold import new_article

    path, note = new_article(project.config, title, shown=project.shown)
    click.echo(f"created {project.shown(path)}" + (f" ({note})" if note else ""))
    click.echo("it says 'draft: true': translated like any article, published once you delete that line")


@main.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(1990, 2100), default=None,
              help="The year of dates written without one (\"3. März\") in pasted text.")
@click.option("--dry-run", is_flag=True, help="Show what would be written (summary and Markdown); write nothing.")
@click.option("--kind", type=click.Choice(["html", "wxr", "feed", "markdown", "text"]), default=None,
              help="What the sources are (default: recognised from each file's content).")
@click.option("--uploads", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A copy of the WordPress blog's wp-content/uploads folder: the export's images are copied from it "
                   "into source_de/bilder/ instead of staying on the old server.")
@click.option("--private", "private", is_flag=True,
              help="Bring in a WordPress export's private posts too (only its logged-in editors could read them), as "
                   "German-only drafts (translate: false): no catalogs, nothing sent to a translation service.")
@click.option("--translation-of", "slug", metavar="SLUG",
              help="The one SOURCE is an existing translation of this German article: align it into its catalog.")
@click.option("--lang", help="With --translation-of: the language of SOURCE (BCP 47, one of languages in verlag.toml).")
@click.option("--force", is_flag=True,
              help="With --translation-of: import a SOURCE that does not look like a translation of the article "
                   "(few confident pairs, other blocks, another language), every entry fuzzy.")
@click.option("--translator", metavar="NAME",
              help="Who translated SOURCE (with --translation-of) or a multilingual site's pages in other languages "
                   "(\"Name\" or \"Name <e-mail>\"); recorded in each entry filled and as the catalog's "
                   "Last-Translator, credited on the page.")
@click.option("--again", is_flag=True,
              help="Write the articles an earlier import wrote and you deleted since (left out by default).")
@click.option("--language-map", "language_map", metavar="SITE=LANG", multiple=True,
              help="A multilingual site's language SITE is LANG of languages in verlag.toml (en=en-GB): where SITE "
                   "names several of them (en for en-GB and en-US), or none but another region of one (en-us for "
                   "en-GB), its pages go to LANG; repeatable.")
@quiet_option("the line per article written, image copied and old address kept, the Markdown a --dry-run would "
              "write, and the German sentences --translation-of left unmatched (pretranslate fills them)")
@pass_project
def import_(project: Project, sources: tuple[Path, ...], year: int | None, dry_run: bool, kind: str | None,
            uploads: Path | None, private: bool, slug: str | None, lang: str | None, force: bool,
            translator: str | None, again: bool, language_map: tuple[str, ...], quiet: bool) -> None:
    """Bring an existing blog in: saved pages, WordPress exports, feeds, Markdown or pasted text as German
    drafts (a folder with its subfolders; a Jekyll or Hugo site's root by its posts); with --translation-of, a
    translation made by hand as reviewed and fuzzy catalog entries."""
    with nullcontext() if dry_run else project.lock():  # a dry run writes nothing, not even the lock
        _import(project, sources, year, dry_run, kind, slug, lang, force, translator, uploads, private, quiet, again,
                _language_map(language_map, project.config.languages))


def _import(project: Project, sources: tuple[Path, ...], year: int | None, dry_run: bool, kind: str | None,
            slug: str | None, lang: str | None, force: bool, translator: str | None, uploads: Path | None,
            private: bool = False, quiet: bool = False, again: bool = False,
            language_map: dict[str, str] | None = None) -> None:
    if translator is not None and (not translator.partition("<")[0].strip() or "\n" in translator):
        raise click.UsageError("--translator takes a name on one line (\"Name\" or \"Name <e-mail>\")")
    if slug is None:
        if lang or force:
            option = "--lang" if lang else "--force"
            raise click.UsageError(f"{option} goes with --translation-of SLUG (the German article SOURCE translates)")
        errors, anything = _import_articles(project, sources, year, kind, dry_run, uploads, translator, private, quiet,
                                            again, language_map or {})
        if errors:  # a file's readable items are imported: the file was not simply left out
            fail("import", errors, outcome=f"{counted(len(errors), 'error')} above, "
                                           + ("not imported; everything else was" if anything else "nothing imported"))
        return
    if uploads is not None or private or again or language_map:
        option = "--uploads" if uploads is not None else "--private" if private else "--again" if again else \
            "--language-map"
        raise click.UsageError(f"{option} goes with a WordPress export, not with --translation-of")
    if lang is None or len(sources) != 1:
        raise click.UsageError("--translation-of SLUG takes one SOURCE and its --lang")
    _import_translation(project.config, slug, lang, sources[0], dry_run, kind, force, translator, quiet=quiet,
                        own_addresses=True)


def _language_map(given: tuple[str, ...], languages) -> dict[str, str]:
    """``--language-map`` as a mapping: an old site's language (lower case) -> the one of the project's
    ``languages`` it names, as verlag.toml writes it; a value that is no ``SITE=LANG`` pair, or whose ``LANG`` is
    none of ``languages``, is a usage error (exit 2) naming it and them."""
    found = {}
    for value in given:
        site, equals, lang = (part.strip() for part in value.partition("="))
        ours = next((own for own in languages if own.lower() == lang.lower()), None)
        if not (site and equals and lang) or "=" in lang:
            raise click.UsageError(f"--language-map {value!r}: expected SITE=LANG, the site's language and one of "
                                   f"languages in verlag.toml ({', '.join(languages)}), e.g. en={languages[0]}")
        if ours is None:
            raise click.UsageError(f"--language-map {value!r}: {lang} is none of languages in verlag.toml "
                                   f"({', '.join(languages)})")
        found[site.lower()] = ours
    return found


def _import_articles(project: Project, sources, year: int | None, kind: str | None, dry_run: bool,
                     uploads: Path | None = None, translator: str | None = None,
                     private: bool = False, quiet: bool = False, again: bool = False,
                     language_map: dict[str, str] | None = None) -> tuple[list[VerlagError], bool]:
    """Read every source (a folder: its files), place each article under a free name, print what was
    recognised, write it unless ``dry_run``; returns the problems of the sources that were skipped, and whether
    the sources held anything besides them (an article or translation, written or imported before; an old address).
    ``uploads``: a copy of a WordPress blog's ``wp-content/uploads/`` (``importer.read_import``); ``translator``:
    who made a multilingual site's translations (``_import_site_translations``); ``private``: a WordPress
    export's private posts are brought in (German only), else each is left out and named; ``quiet`` (``-q``): the
    line of an article only where it is placed under another name, without what was recognised in it, its images
    and a dry run's Markdown. An article an earlier import wrote (``importer.imported_before``) whose file is gone
    is left out, as deleted by the author, unless ``again`` (``--again``). The files it writes are named as
    ``Project.shown`` names them. ``language_map``: a site's language (lower case) -> the project's language its
    pages go to (``--language-map``, ``_language_map``)."""
    from pipeline.fsutil import relpath, windows_reserved
    from pipeline.importer import foreign, imported_before, in_written_file, read_import, record_key, \
        remember_imported, stay_remote, wikilinked, write_placed
    from pipeline.sources import read_sources
    from pipeline.importer_folder import JEKYLL_CONFIGS, hugo_config, hugo_settings, import_files
    from pipeline.importer_html import PostList
    from pipeline.importer import within_base
    from pipeline.importer_translations import linked_translations, place_together, read_translations
    from pipeline.orphans import from_git
    from pipeline.site import Urls
    from pipeline.scaffold import kept_catalogs

    config = project.config
    articles, errors, translations, hugo_sites, jekyll_sites, exports, withheld = [], [], [], {}, {}, [], []
    site_languages = dict(language_map or {})  # a site's language -> the project's its pages go to (``site_language``)
    exported = []  # the translations Polylang or WPML link in a WordPress export
    for source in sources:
        try:
            chosen = import_files(source, config.source_language, config.languages, language_map or {})
        except VerlagError as exc:
            errors.append(exc)
            continue
        errors.extend(chosen.errors)
        translations += [(file, chosen.language_map.get(lang, lang), original)
                         for file, lang, original in chosen.translations]
        site_languages.update(chosen.language_map)
        for root in [source, *(root for root, _ in chosen.sites)]:
            if root.is_dir() and hugo_config(root):
                hugo_sites[root] = [*((f, None) for f in chosen.files if root in f.parents),
                                    *((f, lang) for f, lang, _ in chosen.translations if root in f.parents)]
            elif root.is_dir() and (root / "_posts").is_dir() and any((root / n).is_file() for n in JEKYLL_CONFIGS):
                jekyll_sites[root] = [f for f in chosen.files if root in f.parents]
        if source.is_dir():
            _say_folder(source, chosen)
        for file in chosen.files:
            found, problems = read_import(file, year=year, kind=kind, author=config.raw.get("author") or None,
                                          uploads=uploads, zone=config.zone, site_url=config.site_url,
                                          bundle=chosen.bundle)
            if any(article.queries for article in found):  # a WordPress export's
                exports.append(file)
            found, linked, skipped = linked_translations(found, config.source_language, list(config.languages),
                                                         language_map or {})
            withheld += [a for a in found if a.private and not private]
            found = [a for a in found if private or not a.private]
            exported += linked
            for line in skipped:
                click.echo(line)
            for article in found:
                wrong = foreign(article, config.source_language, list(config.languages))
                if wrong:
                    errors.append(wrong)
                else:
                    articles.append(article)
            for problem in problems:
                if isinstance(problem, PostList) and source.is_dir():  # a folder's list page: part of a saved blog
                    click.echo(f"skipped {shown_path(file)}: {problem.what}, not an article")
                else:
                    errors.append(problem)
    written, unfinished, unlisted = 0, [], 0  # unlisted: the notes -q leaves out
    found, problems = read_translations(translations, config.zone)
    found += exported
    errors += problems
    known, deleted = imported_before(config.state_dir), []
    ours = set(known.values())

    def kept(slug: str) -> list[Path]:
        """The catalogs a deleted article left at ``slug``; none with ``--again`` for one an import wrote there,
        which comes back to them."""
        if again and relpath(config.source_dir / f"{slug}.md", config.root) in ours:
            return []
        return kept_catalogs(config, slug)

    placements, beside, relinked = place_together(articles, found, config.source_dir, kept)
    placements = wikilinked(placements, lambda: {a.title: a.slug for a in read_sources(config).articles})
    placements, beyond = within_base(placements, Urls(config.site_url), config.source_language, list(config.languages))
    for placed in placements:
        if placed.imported_as:
            before = project.shown(placed.imported_as)
            source = Path(str(placed.article.source))  # a file, or "export.xml:12" for a post of an export
            if source.is_file() and source.resolve() == placed.imported_as.resolve():  # the article's own file
                click.echo(f"skipped {shown_path(placed.article.source)}: it is an article of this project already "
                           "(in source_de/): nothing to import; run verlag extract to translate it")
            else:
                click.echo(f"skipped {shown_path(placed.article.source)}: already imported as {before}")
            continue
        gone = known.get(record_key(placed.article) or "")
        if gone is not None and not again and not (config.root / gone).exists():
            click.echo(f"skipped {shown_path(placed.article.source)}: imported before as {shown_path(gone)}, which "
                       f"was deleted since; to bring it back restore it ({shown_path(from_git(gone))}) "
                       "or import again with --again")
            deleted.append(placed)
            continue
        verb = "would write" if dry_run else "wrote"
        renamed = placed.kept_catalogs or placed.renamed_from or placed.replaces_template or placed.unfilled_holder
        if renamed or not quiet:  # under -q, only an article placed under another name than its own (or a page's)
            click.echo(f"{verb} {project.shown(placed.path)} (from {shown_path(placed.article.source)})")
        if placed.kept_catalogs:
            click.echo(f"  slug {placed.renamed_from!r} has the catalogs kept from a deleted article: "
                       f"{', '.join(project.shown(p) for p in placed.kept_catalogs)}; named "
                       f"{placed.article.slug!r} (to continue that translation instead, rename "
                       f"{project.shown(placed.path)} to "
                       f"{project.shown(placed.path.with_name(placed.renamed_from + '.md'))})")
        elif placed.renamed_from and windows_reserved(placed.renamed_from):
            click.echo(f"  slug {placed.renamed_from!r} is a name Windows keeps for a device (no file or folder "
                       f"there may have it): named {placed.article.slug!r}")
        elif placed.renamed_from:
            click.echo(f"  slug {placed.renamed_from!r} is already used: named {placed.article.slug!r}")
        if placed.replaces_template:
            click.echo(f"  {'would replace' if dry_run else 'replaced'} the template 'verlag init' wrote there "
                       "(untouched: only [[AUSFÜLLEN: …]] placeholders)")
        if placed.unfilled_holder:
            click.echo(f"  {project.shown(placed.unfilled_holder)}, which keeps the slug, still holds "
                       "[[AUSFÜLLEN: …]] placeholders (build leaves it out): fill them in from this page, then "
                       "delete this one")
        for note in [] if quiet else placed.article.notes:
            click.echo(f"  {in_written_file(note, placed.path.name)}")
        unlisted += len(placed.article.notes) if quiet else 0
        for image, target in [] if quiet else placed.images:
            click.echo(f"  image {shown_path(image.name)} -> {shown_path(relpath(target, config.source_dir))}")
        errors.extend(placed.unreadable)
        if dry_run:
            if not quiet:
                click.echo(placed.text)
        else:
            write_placed(placed)
            written += 1
            if placed.article.unpublished:
                unfinished.append((relpath(placed.path, config.root), placed.article.private))
    rewritten, problems = _localize(project, placements, dry_run) if uploads is not None else (0, [])
    errors += problems
    if not dry_run:
        remember_imported(config.state_dir, config.root,
                          [p for p in placements if p not in deleted and (p.imported_as or p.path.exists())], known)
    before = [placed for placed in placements if placed.imported_as] + deleted
    if before:
        click.echo(f"import: {_articles_and_pages(before)} imported before, not written again"
                   + (f" ({len(deleted)} deleted since)" if deleted else ""))
    made = [placed for placed in placements if not placed.imported_as and placed not in deleted]
    if written:
        one = written == 1
        click.echo(f"import: {_articles_and_pages(made)} written as {'a draft' if one else 'drafts'} ('draft: true'); "
                   f"check {'it' if one else 'each'}, delete that line to publish it, then verlag extract")
    elif dry_run and made:
        click.echo(f"import: {_articles_and_pages(made)} would be written as {'a draft' if len(made) == 1 else 'drafts'}"
                   " ('draft: true')")
    if unlisted:  # an image without alt text, a shortcode left as text: -q must not hide that there is work
        click.echo(f"import: {counted(unlisted, 'note')} on what was converted not listed (-q; without it they are, "
                   "and 'verlag check' names what needs fixing at its line)")
    links = sum(relinked.values())
    if links:
        kind = "post's or page's" if len(relinked) == 2 else f"{next(iter(relinked))}'s"
        click.echo(f"import: {counted(links, 'link')} to another imported {kind} old address "
                   f"{'would lead' if dry_run else 'leads' if links == 1 else 'lead'} to its source file now")
    if unfinished:  # a private or password-protected post (--private) was published, to few
        what = "never published by the old blog (a draft there too" if not any(few for _, few in unfinished) else \
            "the old blog never showed to all its readers (a draft, private or password-protected there"
        click.echo(f"import: {counted(len(unfinished), 'article')} {what}, its draft line says so): "
                   f"{listing([path for path, _ in unfinished])}")
    if withheld:
        one, named = len(withheld) == 1, "; ".join(f"{a.meta['title']} ({a.source})" for a in withheld)
        click.echo(f"import: {counted(len(withheld), 'private post')} left out (WordPress showed "
                   f"{'it' if one else 'them'} to its logged-in editors only, or behind a password): {named}; "
                   "import again with --private "
                   f"to bring {'it' if one else 'them'} in as "
                   f"{'a German-only draft' if one else 'German-only drafts'} (translate: false: no catalogs, nothing "
                   "sent to a translation service)")
    for root in hugo_sites:
        zone = hugo_settings(root).get("timezone")
        if isinstance(zone, str) and zone.strip() and not config.timezone:
            click.echo(f"note: {shown_path(root)}: Hugo's timeZone is {zone.strip()!r} (the imported times carry "
                       "it), verlag.toml sets no timezone, so the times you write without a zone from now on are "
                       f"read in UTC; add timezone = \"{zone.strip()}\" to the top of verlag.toml (before its first "
                       "[section])")
    for file, warning in stay_remote(placements, config.source_dir.name, uploads):
        click.echo(f"warning: {shown_path(file)}: {warning}", err=True)
    fixed = _fix_query_lines(config, dry_run, quiet)
    # the old addresses outside the new site's path: said once, at the end, with those of the translations
    copied = {image.absolute(): target for placed in placements if not placed.imported_as and placed not in deleted
              for image, target in placed.images if isinstance(image, Path)}  # copied by now, or in a dry run not
    added, outside = _say_old_addresses(config, hugo_sites, jekyll_sites, exports, dry_run, private, quiet, beyond,
                                        site_languages, copied)
    _say_other_hosts(config, [p for p in placements if not p.imported_as and p not in deleted], bool(added))
    aligned = 0
    if found:
        gone = {p.path: p for p in deleted}  # a translation's own ``Placed`` is at its German article's path
        for translation, p in beside:
            if p.path in gone:
                named = translation.article.source if translation.exported else translation.file
                click.echo(f"skipped {shown_path(named)}: the {translation.lang} translation of "
                           f"{shown_path(gone[p.path].article.source)}, "
                           "left out with it (deleted since; --again brings both back)")
        dropped = {id(t) for t, p in beside if p.path in gone}
        found = [t for t in found if id(t) not in dropped]
        beside = [(t, p) for t, p in beside if p.path not in gone]
        problems, aligned, far = _import_site_translations(config, found, beside, dry_run, translator, quiet,
                                                           {p.imported_as for p in placements if p.imported_as})
        errors += problems
        outside += far
    elif translator is not None:
        click.echo(f"import: --translator {translator!r} not used: no page of a multilingual site was imported as a "
                   "translation")
    if outside:
        added += _say_beyond(config, Urls(config.site_url), outside, dry_run, quiet)
    if before and not (dry_run or written or added or aligned or rewritten or fixed):
        click.echo("import: nothing new, no file changed: " + (
            "what was deleted since stays deleted" if deleted else
            "its articles, their translations and its old addresses are all in the project from an earlier import"))
    return errors, bool(placements or found or added)


def _say_other_hosts(config, made, redirected: bool) -> None:
    """Say once that the old addresses this import keeps of a host other than base_url's (``importer.other_hosts``
    of the articles written, ``made``; ``redirected``: it added lines to redirects.txt) reach the new site's
    redirects only once that host is pointed at the new site: they are written for base_url's host, where the old
    host's visitors and search engines never ask; nothing while ``base_url`` names no host readers reach
    (``Config.base_url_problem``). Their list for the old server is what redirects.txt and the
    aliases: hold, each answered at the same path of the new host (``Urls.base_url``)."""
    from pipeline.importer import other_hosts
    from pipeline.moved import MOVED_FILE
    from pipeline.redirects import other_host_note

    hosts = other_hosts(made, config.site_url, redirected) if config.base_url_problem() is None else []
    if not hosts:  # also while base_url is init's stand-in: the new site's host is not known yet (check says it then)
        return
    kept = f"this import kept (aliases:{f', {MOVED_FILE}' if redirected else ''})"
    click.echo(f"note: {other_host_note(listing(hosts), len(hosts) == 1, config.site_url, kept)}")


def _localize(project: Project, placements, dry_run: bool) -> tuple[int, list[VerlagError]]:
    """Copy from ``--uploads`` the images and files of the articles an earlier import wrote without it
    (``importer.localize_all``) and point their links there, each said with its lines; returns how many files that
    changes (an article's or an image's) and an error for each image that cannot be copied. What the author changed
    in those articles stays: only the links that still lead to the old blog's copy are rewritten, and what is left
    to do by hand is named."""
    from pipeline.fsutil import relpath
    from pipeline.importer import IMAGES_DIR, localize_all, write_localized

    changed, problems = 0, []
    for done in localize_all(placements, project.config.source_dir):
        shown = project.shown(done.path)
        if done.text is not None:
            one = len(done.lines) == 1
            click.echo(f"{'would rewrite' if dry_run else 'rewrote'} {shown} (imported before, from "
                       f"{shown_path(done.placed.article.source)}): the {'link' if one else 'links'} at "
                       f"{'line' if one else 'lines'} {', '.join(map(str, done.lines))} to the old blog's server "
                       f"{'would lead' if dry_run else 'leads' if one else 'lead'} to "
                       f"{'its copy' if one else 'their copies'} in "
                       f"{project.config.source_dir.name}/{IMAGES_DIR}/ now (nothing else in the article changed); "
                       "then verlag extract")
        else:
            click.echo(f"{shown} (imported before, from {shown_path(done.placed.article.source)}) not rewritten:")
        for image, target in done.images:
            click.echo(f"  image {shown_path(image.name)} -> {shown_path(relpath(target, project.config.source_dir))}")
        for note in done.notes:
            click.echo(f"  {note}")
        problems += done.unreadable
        changed += write_localized(done) if not dry_run else 0
    return changed, problems


def _articles_and_pages(placed) -> str:
    """How many of ``placed`` (``importer.Placed``) are articles and how many pages (a WordPress page, into
    ``seiten/``), counted apart: "3 articles and 1 page", "2 articles", "1 page"."""
    pages = sum(1 for p in placed if p.article.page)
    parts = [counted(n, noun) for n, noun in ((len(placed) - pages, "article"), (pages, "page")) if n]
    return " and ".join(parts)


class SiteTranslations(NamedTuple):
    """What ``_import_site_translations`` did: the problems of the translations it could not bring in, how many
    catalogs changed, and the translations' old addresses outside the new site's path (old address, new full
    address), for the caller to say once with the site's own (``_say_beyond``)."""

    errors: list[VerlagError]
    changed: int
    beyond: list[tuple[str, str]]


def _import_site_translations(config, found, beside, dry_run: bool, translator: str | None = None,
                              quiet: bool = False, before: set[Path] = frozenset()) -> SiteTranslations:
    """Bring a multilingual site's pages in the project's other languages in as translations made by hand of the
    German articles this import placed (``importer_translations``: ``found``, read; ``beside``, each with its text
    at the German article's file, links and images as the German's), each as ``verlag import --translation-of SLUG
    --lang LANG FILE`` would (``_import_translation``); returns the problems of those that could not be, the others
    are still brought in, and how many catalogs that changed; ``translator`` made them (``--translator``; else a
    WordPress export's post is credited to its author there). ``before``: the German articles imported before, not
    written again, so the old addresses of their translations (``place_together`` adds those to an article written
    now) are added to their ``aliases:`` as ``--translation-of`` adds them (``_own_addresses``): the import with
    ``--language-map`` that follows one that left the translation out keeps them. A dry run writes no German
    article, so it only names them; the addresses of theirs outside the new site's path are returned, not said."""
    from pipeline.fsutil import relpath

    from pipeline.importer_translations import translation_text
    from pipeline.sources import likely_slug, read_sources

    errors: list[VerlagError] = []
    changed = 0
    beyond: list[tuple[str, str]] = []
    aligned = {t.article.source for t, _ in beside}
    for translation in (t for t in found if t.article.source not in aligned):  # its German page was not imported
        named = translation.article.source if translation.exported else translation.file
        click.echo(f"skipped {shown_path(named)}: its German page {shown_path(translation.original)} was not "
                   "imported (see its error)")
    if not dry_run and beside:
        read_sources(config, remember=True)  # each alignment reads the sources: from .verlag/ once they are known
    for translation, p in beside:
        target = relpath(p.path, config.root)
        file, lang = translation.file, translation.lang
        named = translation.article.source if translation.exported else file
        if dry_run:
            click.echo(f"would align {shown_path(named)} as the {lang} translation of {target} (once that is written)")
            continue
        click.echo(f"import: {shown_path(named)} as the {lang} translation of {target} (made by hand)")
        slug = likely_slug(p.path)  # written now, or imported before and perhaps renamed by its slug line since
        made_by = translator or (translation.article.meta.get("author") if translation.exported else None)
        try:
            imported = _import_translation(config, slug, lang, file, dry_run, "markdown", translator=made_by,
                                           text=translation_text(translation, p.article), quiet=quiet,
                                           aliases=translation.article.meta.get("aliases", []) if p.path in before
                                           else None, say_beyond=False)
            changed += imported.written
            beyond += imported.beyond
        except VerlagError as exc:  # named with the one command that brings it in once it is checked
            credit = f" --translator {shlex.quote(made_by)}" if made_by else ""
            errors.append(VerlagError(f"{exc.message} (the command: verlag import --translation-of {slug} --lang "
                                      f"{lang}{credit} {shlex.quote(str(file))})", exc.path, exc.line))
    return SiteTranslations(errors, changed, beyond)


class OldAddresses(NamedTuple):
    """What ``_say_old_addresses`` did: how many lines it added, and the old addresses outside the new site's path
    (old path or URL, new full address) it left for the caller to say (``_say_beyond``)."""

    added: int
    beyond: list[tuple[str, str]]


def _say_old_addresses(config, hugo_sites: dict, jekyll_sites: dict, exports: list[Path], dry_run: bool,
                       private: bool = False, quiet: bool = False, beyond: list[tuple[str, str]] = (),
                       site_languages: dict[str, str] | None = None,
                       copied: dict[Path, Path] | None = None) -> OldAddresses:
    """Name the addresses of each imported Hugo or Jekyll site and WordPress blog besides its pages'
    (``importer_addresses``: feeds, lists, a Hugo site's static files), each with the new site's path that has its
    content, and add those to the project's ``redirects.txt`` (``moved``), which ``build`` answers; a static file
    not imported is named alone. ``hugo_sites``: root -> its files imported, each with its language (None: German),
    as ``importer_addresses.old_addresses`` takes them; ``jekyll_sites``: root -> its files imported;
    ``exports``: the WordPress exports imported, ``private``: with their private and password-protected posts
    (``--private``). ``dry_run``: nothing is written; ``quiet``: the counts only. Returns how many lines were
    added to ``redirects.txt`` and ``OLD_HOST_FILE`` (would be, with ``dry_run``); where it has every address
    already, only those not imported are listed (the others were when they were added). ``beyond``: the articles'
    old addresses outside the new site's path (``importer.within_base``), each with its new full address; they are
    returned with this import's other such addresses, never put in ``redirects.txt``, whose lines outside that path
    ``build`` refuses, for the caller to say once (``_say_beyond``) with those of the translations it brings in
    after (``_import_site_translations``). ``copied``: the
    images this import copies (its file -> its copy), which a dry run has not copied: a static file among them
    leads to its copy as it does after the real run."""
    from pipeline.fsutil import file_bytes
    from pipeline.importer_addresses import jekyll_addresses, old_addresses, wordpress_addresses
    from pipeline.limits import IMPORTED
    from pipeline.moved import MOVED_FILE, OLD_HOST_FILE, add_moved, added_key, moved_key, moved_line, replace_moved
    from pipeline.site import Urls
    from pipeline.sources import unrequestable
    from pipeline.urlparts import NO_ADDRESS, split_url
    from urllib.parse import unquote

    urls = Urls(config.site_url)
    path = urls.path
    total, beyond = 0, list(beyond)

    def addresses(language_map: dict[str, str]) -> list:
        return [*((root, "feeds, lists, static files", old_addresses(root, pages, config.source_dir, path,
                                                                     config.source_language, config.languages,
                                                                     language_map, copied or {}))
                  for root, pages in hugo_sites.items()),
                *((root, "feeds, lists", jekyll_addresses(root, posts, path, config.source_language))
                  for root, posts in jekyll_sites.items()),
                *((export, "feeds, lists", wordpress_addresses(file_bytes(export, IMPORTED), path,
                                                              config.source_language, config.languages, private,
                                                              language_map))
                  for export in exports)]

    sites = addresses(site_languages or {})
    # an import without the map led a mapped language's feeds and lists to the German pages: those lines, exactly as
    # it wrote them, are this import's now (lines of the author's own stay)
    unmapped = addresses({}) if site_languages else [(root, what, []) for root, what, _ in sites]
    stale: dict[str, dict[str, tuple[str, str]]] = {MOVED_FILE: {}, OLD_HOST_FILE: {}}
    for (_, _, found), (_, _, was) in zip(sites, unmapped):
        led = {old.path: old.now for old in was if old.now}
        for old in found:
            if old.now and led.get(old.path, old.now) != old.now and "://" not in old.path:
                inside = moved_key(old.path).startswith(urls.base_path)
                new, before = (old.now, led[old.path]) if inside else \
                    (urls.base_url + old.now[len(urls.base_path):], urls.base_url + led[old.path][len(urls.base_path):])
                stale[MOVED_FILE if inside else OLD_HOST_FILE][moved_line(added_key(old.path), before)] = \
                    (old.path, new)
    for name, swaps in stale.items():
        replaced = replace_moved(config.root, swaps, dry_run, name) if swaps else []
        total += len(replaced)
        if replaced:
            map_option = " ".join(f"{k}={v}" for k, v in (site_languages or {}).items())
            click.echo(f"import: {name}: {'would replace' if dry_run else 'replaced'} "
                       f"{counted(len(replaced), 'line')} an import without --language-map {map_option} wrote, "
                       f"which led {'its' if len(replaced) == 1 else 'their'} old address to the "
                       f"{config.source_language} pages: {'it leads' if len(replaced) == 1 else 'they lead'} to the "
                       "mapped language's now"
                       + ("" if quiet else ":"))
            for was, now in [] if quiet else replaced:
                click.echo(f"  {now}  (was {was.split()[1]})" if now else f"  {was}  (dropped: given on another line)")
    for root, what, found in sites:
        refused = [old for old in found if old.now and unrequestable(unquote(old.path))]  # add_moved leaves them out
        hosts: dict[str, list] = {}  # a language's own domain (Polylang): its addresses, whole
        for old in found:
            if "://" in old.path:
                hosts.setdefault((split_url(old.path) or NO_ADDRESS).netloc, []).append(old)
        found = [old for old in found if old not in refused and "://" not in old.path]
        outside = [old for old in found if old.now and not moved_key(old.path).startswith(urls.base_path)]
        beyond += [(old.path, urls.base_url + old.now[len(urls.base_path):]) for old in outside]
        found = [old for old in found if old not in outside]
        for host, elsewhere in hosts.items():
            click.echo(f"import: {counted(len(elsewhere), 'address', 'addresses')} of {root} on another host, {host} "
                       f"(a language's domain), not added to {MOVED_FILE}: it answers the new site's own addresses "
                       "only (base_url); redirect each on that host's server, or point the host at a server that "
                       "does" + ("" if quiet else ":"))
            for old in [] if quiet else elsewhere:
                click.echo(f"  {old.path}  {urls.base_url + old.now[len(urls.base_path):]}  301"
                           + (f"  ({old.note})" if old.note else ""))
        if found and not any(old.now for old in found):  # files not imported: nothing for redirects.txt to send on
            click.echo(f"import: {counted(len(found), 'other address', 'other addresses')} of {root} ({what}) has no "
                       f"new address, so {MOVED_FILE} does not send {'it' if len(found) == 1 else 'them'} on"
                       + ("" if quiet else ":"))
            for old in [] if quiet else found:
                click.echo(f"  {old.path}  (not imported: save it into {config.source_dir.name}/ if readers need it)")
        elif found:
            added = add_moved(config.root, [(old.path, old.now) for old in found if old.now], dry_run)
            total += len(added)
            new = {old for old, _ in added}
            had = len({moved_key(old.path) for old in found if old.now} - new)
            said = (f"{'would add' if dry_run else 'added'} {len(added)} to {MOVED_FILE}, which 'verlag build' answers "
                    "(a feed or file copied to its old address, a redirect page, the rules of site/_redirects and "
                    "site/.htaccess)" + (f"; the {had} it has already are not listed again" if had > 0 else "")
                    if added else f"{MOVED_FILE} has them already")
            listed = [] if quiet else [old for old in found if not old.now or moved_key(old.path) in new]
            click.echo(f"import: {counted(len(found), 'other address', 'other addresses')} of {root} ({what}), which "
                       f"no article's aliases: keep: {said}" + (":" if listed else ""))
            for old in listed:
                click.echo(f"  {old.path}  {old.now}  301{f'  ({old.note})' if old.note else ''}" if old.now else
                           f"  {old.path}  (not imported: save it into {config.source_dir.name}/ if readers need it)")
        if refused:
            click.echo(f"import: {counted(len(refused), 'address', 'addresses')} of {root} refused, not added to "
                       f"{MOVED_FILE}: a '.' or '..' segment, a backslash or a control character, which no browser "
                       "requests (the export's own text: a crafted name?)" + ("" if quiet else ":"))
            for old in [] if quiet else refused:
                click.echo(f"  {old.path}")
    return OldAddresses(total, beyond)


def _fix_query_lines(config, dry_run: bool, quiet: bool) -> int:
    """Replace each line of ``OLD_HOST_FILE`` that a verlag before trial 30 wrote for an old address by query with
    its ``?`` %-encoded into the path (``/%3Fp=41``, which no request matches) by the query match this one writes
    (``moved.query_lines``), and say so once; returns how many lines changed (would, with ``dry_run``)."""
    from pipeline.moved import OLD_HOST_FILE, query_lines, replace_moved
    from pipeline.site import Urls

    swaps = query_lines(config.root, Urls(config.site_url).base_url)
    fixed = replace_moved(config.root, swaps, dry_run, OLD_HOST_FILE) if swaps else []
    if fixed:
        one = len(fixed) == 1
        click.echo(f"import: {OLD_HOST_FILE}: {'would replace' if dry_run else 'replaced'} "
                   f"{counted(len(fixed), 'line')} an earlier verlag wrote with the '?' of an address by query "
                   f"%-encoded into its path ({fixed[0][0].split()[0]}{'' if one else ', …'}), which no request "
                   f"matches, by {'its' if one else 'their'} query match (the form of Netlify's _redirects)"
                   + ("" if quiet else ":"))
        for was, now in [] if quiet else fixed:
            click.echo(f"  {now}  (was {was.split()[0]})" if now else f"  {was}  (dropped: given on another line)")
    return len(fixed)


SHORT_LIST = 5  # old addresses outside the new site's path listed under the line that says them; more: their file


def _say_beyond(config, urls, beyond: list[tuple[str, str]], dry_run: bool, quiet: bool) -> int:
    """Say once that the old addresses of ``beyond`` (old path or URL, new full address) lie outside the new site's
    path (``base_url``'s), so neither ``aliases:`` nor ``redirects.txt`` keeps them (``build`` would refuse each),
    and that only a rule on the old host's web server sends them on; add them to ``OLD_HOST_FILE``, the list to hand
    to whoever runs it, listed under the line when they are few (``SHORT_LIST``), else named by that file. Returns
    how many lines were added to it (would be, with ``dry_run``)."""
    from pipeline.moved import MOVED_FILE, OLD_HOST_FILE, OLD_HOST_HEADER, add_moved, moved_key, moved_line
    from pipeline.urlparts import NO_ADDRESS, split_url

    def path_of(old: str) -> str:
        parts = split_url(old) or NO_ADDRESS
        return moved_key(parts.path) + (f"?{parts.query}" if parts.query else "") if "://" in old else moved_key(old)

    pairs = list(dict.fromkeys((path_of(old), new) for old, new in beyond))
    added = add_moved(config.root, pairs, dry_run, OLD_HOST_FILE, OLD_HOST_HEADER)
    n = len(added) or len(pairs)  # counted as listed: those added, else those the file had already
    there = len(pairs) - len(added) if added else 0
    head = (f"import: {counted(n, 'old address', 'old addresses')} lie{'s' if n == 1 else ''} outside the new site's "
            f"path {urls.base_path} (base_url {urls.base_url}), where its redirects cannot answer: left out of "
            f"aliases: and {MOVED_FILE}, which 'verlag build' would refuse; a rule on the old host's web server must "
            f"send {'it' if n == 1 else 'them'} on")
    if not added:
        click.echo(f"{head}: {OLD_HOST_FILE} lists {'it' if n == 1 else 'them'} already")
    elif len(added) <= SHORT_LIST:
        click.echo(f"{head}; {'would be' if dry_run else 'added'} to {OLD_HOST_FILE}, to hand to whoever runs it"
                   + (f" ({there} more {'is' if there == 1 else 'are'} there already)" if there else "")
                   + ("" if quiet else ":"))
        for old, new in [] if quiet else added:
            click.echo(f"  {moved_line(old, new)}")
    else:
        shown = ", ".join(old for old, _ in added[:3])
        click.echo(f"{head}: {shown}, …; the {len(added)} with their new addresses {'would be' if dry_run else 'are'} "
                   f"in {OLD_HOST_FILE}, to hand to whoever runs it"
                   + (f" ({there} more {'was' if there == 1 else 'were'} there already)" if there else ""))
    return len(added)


def _say_folder(folder: Path, chosen) -> None:
    """What ``verlag import <folder>`` took the folder for, how many files it reads, and each file or folder left
    out (counted apart: a folder is no file)."""
    what = f"read as {chosen.site}" if chosen.site else "read with its subfolders"
    folders = sum(path.is_dir() for path, _ in chosen.skipped)
    parts = [counted(n, noun) for n, noun in ((len(chosen.skipped) - folders, "file"), (folders, "folder")) if n]
    left = f"; {' and '.join(parts)} left out:" if parts else ""
    aligned = f", {counted(len(chosen.translations), 'translation')} to align" if chosen.translations else ""
    click.echo(f"import: {shown_path(folder)} {what}: {counted(len(chosen.files), 'file')} to read (drafts of the "
               f"old blog too, as drafts){aligned}{left}")
    for root, site in chosen.sites:
        click.echo(f"  {shown_path(root)}/ read as {site}")
    for path, why in chosen.skipped:
        click.echo(f"  skipped {shown_path(path)}{'/' if path.is_dir() else ''}: {why}")


JOBS = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                    help="Worker processes for the changed articles (default: the CPU cores). "
                         "The output is the same for any number.")


@main.command()
@click.option("--keep-typo-fixes", is_flag=True,
              help="Keep reviewed translations reviewed where the German changed only trivially "
                   "(whitespace, punctuation, one letter of a long word).")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if translations/ is out of date with the German (new, changed or removed "
                   "sentences), 0 if extract would only record sign-offs in its comments (the CI gate).")
@JOBS
@quiet_option("the line per file written and per changed, new or removed sentence")
@pass_project
def extract(project: Project, keep_typo_fixes: bool, check: bool, jobs: int | None, quiet: bool) -> None:
    """Update .pot templates and merge them into every language's .po catalogs."""
    if check:  # writes nothing, so it takes no lock, as check and status
        sys.exit(run_extract_check(project.config, keep_typo_fixes, jobs))
    with project.lock():
        errors = run_extract(project.config, keep_typo_fixes, jobs, quiet)
    if errors:
        fail("extract", errors)


def run_extract_check(config, keep_typo_fixes: bool = False, jobs: int | None = None) -> int:
    """``extract --check``: each file under translations/ that extract would change for the German, with why, and a
    last line; returns the exit status: 0 up to date, 1 out of date, 2 (after ``fail``'s lines) on bad input."""
    from pipeline.uptodate import check

    result = check(config, keep_typo_fixes, jobs)
    for warning in result.warnings:  # as extract will say them
        click.echo(f"warning: {warning}", err=True)
    say_sentences(result.sentences)
    for outdated in result.outdated:
        click.echo(f"{shown_path(outdated.path)}: out of date with the German: {outdated.why}" if outdated.german
                   else f"{shown_path(outdated.path)}: {outdated.why}")
    if result.errors:
        fail("extract --check", result.errors, writes=False)
    if result.outdated:
        german = sum(outdated.german for outdated in result.outdated)
        recoded = len(result.outdated) - german
        said = [f"{counted(german, 'file')} out of date with the German"] * bool(german) \
            + [f"{counted(recoded, 'file')} extract writes in UTF-8"] * bool(recoded)
        click.echo(f"extract --check: {', '.join(said)}; run verlag extract and commit translations/")
        return 1
    records = (f" ({counted(len(result.records), 'catalog')} with sign-offs the next verlag extract records in its "
               "comments: no change of the German)" if result.records else "")
    click.echo(f"extract --check: translations/ up to date with the German{records}")
    return 0


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters: whitespace folded, the end replaced by '…'."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[:width - 1].rstrip() + "…"


def run_extract(config, keep_typo_fixes: bool = False, jobs: int | None = None,
                quiet: bool = False, held: list[str] | None = None) -> list[VerlagError]:
    """sources -> templates -> catalogs, printing what changed; returns the problems of articles left as they were.
    ``held``: where its warnings ("file:line: message") go instead of being printed (``publish`` says each once,
    beside check's findings)."""
    from pipeline.extract import extract as run
    from pipeline.fsutil import relpath
    from pipeline.variants import RECORD, record_variants, source_tree
    from pipeline.sources import unread_message, unread_sources
    from pipeline.uistrings import update_site_catalogs

    with progress_bar("extract", lambda: _article_count(config)) as progress, rare_collections():
        result = run(config, progress, keep_typo_fixes=keep_typo_fixes, jobs=jobs)
    done: Counter[str] = Counter()  # created, updated, removed, renamed: every file this run changed

    def say(what: str, path, note: str = "") -> None:
        done[what] += 1
        if not quiet or what in ("removed", "renamed"):
            click.echo(f"{what} {shown_path(path)}{note}")

    try:  # the website's own words: a broken site.po must not hide what the articles' run did
        for path, new in update_site_catalogs(config, result.warnings):
            say("created" if new else "updated", path, " (the website's own words)")
    except VerlagError as exc:
        result.errors.append(exc)
    first = {config.translations_dir / lang / RECORD for lang in config.languages
             if not (config.translations_dir / lang / RECORD).exists()}
    tree = source_tree(config.source_dir)
    for path in record_variants(config.source_dir, config.translations_dir, config.languages, tree):
        say("removed" if not path.exists() else "created" if path in first else "updated", relpath(path, config.root),
            " (the German files the language variants were made from)")
        if path in first and path.exists():  # nothing tells which German version an existing variant shows
            click.echo(f"note: {relpath(path, config.root)} is new: its variants count as made from the German "
                       "files as they are now; look once that each shows the German image's current content",
                       err=True)
    for old, new in result.renamed:
        say("renamed", f"{old} -> {new}")
    for path in result.written:
        say("restored" if path in result.restored else "created" if path in result.created
            else "layout restored" if path in result.relaid else "updated", path)
    if result.relaid:
        count = len(result.relaid)
        click.echo(f"note: {counted(count, 'catalog')} held {'its' if count == 1 else 'their'} entries as before, "
                   "laid out otherwise (as GNU msgcat, msguniq or msgattrib lay them out: wrapping, line ends, blank "
                   "lines, verlag's flags such as markdown-text): back in verlag's layout (layout restored); no "
                   "German, translation or state changed", err=True)
    for path in result.removed:
        say("removed", path, f" ({result.why_removed.get(path, 'its article is gone')})")
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    warnings = [*result.warnings, *map(unread_message, unread_sources(config, tree))]
    if held is not None:
        held += warnings
        warnings = []
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    for orphan in result.orphans:
        click.echo(f"warning: {orphan.message()}", err=True)
    if not quiet:
        say_sentences(result.sentences)
    for lang, counts in sorted(result.changes.items()):
        if counts["fuzzy"] or counts["redraft"] or counts["unstarted"] or counts["new"] or counts["obsolete"]:
            redrafted = (f"{counted(counts['redraft'], 'changed sentence')} to draft again (an untouched machine "
                         "draft of the old German, kept as obsolete; run verlag pretranslate), " if counts["redraft"]
                         else "")
            unstarted = (f"{counted(counts['unstarted'], 'changed sentence')} still to translate (nothing was "
                         "translated to keep), " if counts["unstarted"] else "")
            click.echo(f"{lang}: {counted(counts['fuzzy'], 'changed sentence')} back to review (fuzzy, the old "
                       f"German shown as previous msgid), {redrafted}{unstarted}{counts['new']} new, "
                       f"{counts['obsolete']} no longer used (kept as obsolete)")
        if counts["typo"]:
            click.echo(f"{lang}: {counted(counts['typo'], 'typo fix', 'typo fixes')} kept reviewed")
        if counts["relinked"]:
            click.echo(f"{lang}: {counted(counts['relinked'], 'sentence')} whose German changed only in a link or "
                       "image path to a renamed article or file (its new name, the same article or bytes) kept "
                       "reviewed, the translation's link rewritten the same way")
        if counts["restored"]:
            click.echo(f"{lang}: {counted(counts['restored'], 'sentence')} changed back to "
                       f"{'its' if counts['restored'] == 1 else 'their'} reviewed German, reviewed again")
        if counts["remade"]:
            click.echo(f"{lang}: {counted(counts['remade'], 'entry', 'entries')} of German the article had before, "
                       "deleted from the catalog, made again untranslated")
        if counts["returned"]:
            click.echo(f"{lang}: {counted(counts['returned'], 'removed sentence')} put back, still to translate (no "
                       "translation of it to take back)")
        if counts["revived"]:
            click.echo(f"{lang}: {counted(counts['revived'], 'removed sentence')} put back, translation taken back "
                       "from the obsolete entry (reviewed or not, as it was)")
        if counts["recopied"]:
            click.echo(f"{lang}: {counted(counts['recopied'], 'removed sentence')} put back, still to translate (its "
                       "obsolete entry held the copy engine's draft of the German, untouched: taken back as that "
                       "draft, no translation)")
    click.echo(extract_summary(done, result.skipped + result.current, result.failed))
    return result.errors


def say_sentences(sentences: dict[str, list[tuple[str, int | None, str]]]) -> None:
    """extract's line per German sentence that changed, is new or is gone (``ExtractResult.sentences``), in
    document order (as ``extract_article`` lists them)."""
    for ref, listed in sorted(sentences.items()):
        for kind, line, text in listed:
            click.echo(f"{ref}:{line}: {kind}: {shorten(text)}" if line else f"{ref}: {kind}: {shorten(text)}")


def extract_summary(done: Counter[str], unchanged: int, failed: int = 0) -> str:
    """extract's last line from the count of files per ``done`` kind (created, updated, renamed, removed), of
    the articles left as they were and of those with a problem (``failed``, named by the errors after it):
    ``extract: 0 files changed, …`` is the one sign that the run wrote, renamed and removed nothing (scripts read
    it)."""
    kinds = [f"{done[what]:,} {what}" for what in ("created", "restored", "updated", "layout restored", "renamed",
                                                    "removed") if done[what]]
    return (f"extract: {counted(done.total(), 'file')} changed" + (f" ({', '.join(kinds)})" if kinds else "")
            + f", {counted(unchanged, 'article')} unchanged"
            + (f", {counted(failed, 'article')} with problems (named below)" if failed else ""))


def _idle_drafts(work, lang: str) -> str:
    """Why ``lang`` had nothing to draft: its untouched machine drafts by engine, the drafts that are the German
    unchanged (``Work.german``: untranslated, an engine's answer from before ``pretranslate`` refused it) apart,
    and that ``--redo-drafts`` has the engines asked again for both."""
    parts = []
    for counts, what, tail in ((work.drafted.get(lang), "hold machine drafts", ""),
                               (work.german.get(lang), "hold drafts of the German unchanged", ", untranslated")):
        if counts:
            by = ", ".join(f"{n} by {engine}" for engine, n in counts.most_common())
            parts.append(f"{sum(counts.values())} {what} ({by}){tail}")
    again = "ask the engines again for them" if work.german.get(lang) else "replace them"
    return f"{', '.join(parts)}; use --redo-drafts to {again}"


@main.command()
@click.option("--engine", "engine_names", multiple=True,
              help="Engine to use (repeatable, tried in order); default: [pretranslate] engines.")
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@click.option("--dry-run", is_flag=True,
              help="Show what would be sent to each network engine (texts, characters, estimated tokens); "
                   "change nothing.")
@click.option("--max-chars", type=click.IntRange(min=0), default=None,
              help="Send at most N characters to services in this run (a cost cap).")
@quiet_option("the line per text a --dry-run would send")
@click.option("--redo-drafts", "redo", is_flag=True,
              help="Also replace machine drafts nobody has edited (fuzzy, written by an engine); "
                   "reviewed and hand-edited entries are never touched.")
@pass_project
@writes
def pretranslate(project: Project, engine_names, languages, slugs, dry_run: bool, max_chars, redo: bool,
                 quiet: bool) -> None:
    """Fill empty entries with drafts (marked fuzzy, with their origin).

    Exit status: 0 done (also when some segments failed; see the summary), 1 there were empty
    entries, an engine failed and none could fill any, 2 bad usage or input, 130 interrupted (finished work kept).
    """
    errors, code = run_pretranslate(project.config, engine_names, languages, slugs, dry_run, max_chars, redo, quiet)
    if errors:
        fail("pretranslate", errors)
    sys.exit(code)


def run_pretranslate(config, engine_names=(), languages=(), slugs=(), dry_run: bool = False,
                     max_chars=None, redo: bool = False, quiet: bool = False) -> tuple[list[VerlagError], int]:
    """Draft the empty entries, printing the summary; returns the problems met and the exit status otherwise due."""
    from pipeline.engines import get_engine
    from pipeline.pretranslate import GERMAN_BACK, collect, pretranslate as run

    _check_languages(config, languages)
    try:
        engines = [get_engine(name, config) for name in (engine_names or config.engines)]
    except VerlagError as exc:
        if engine_names and exc.path is None:
            raise click.BadParameter(exc.message, param_hint="--engine") from None
        if exc.path is None:
            raise config.error("engines", exc.message, "pretranslate") from None
        raise
    targets = list(languages or config.languages)
    work = collect(config, targets, list(slugs) or None, redo)
    for article in work.private:
        click.echo(f"warning: {article.ref}: private in WordPress (its draft line says so): none of its text is sent "
                   "to a translation service; add 'translate: false' to keep it German only", err=True)
    with progress_bar("pretranslate", lambda: work.size) as progress:
        result = run(config, engines, targets, progress=progress, dry_run=dry_run, max_chars=max_chars, work=work)
    idle = [lang for lang in targets if not work.todo[lang] and (work.drafted.get(lang) or work.german.get(lang))]
    for (lang, engine), planned in sorted(result.planned.items()):
        for item in [] if quiet else planned:
            click.echo(f"{lang} {engine}: {item.text}")
        click.echo(f"{lang}: would send {counted(len(planned), 'text')}, "
                   f"{counted(sum(p.chars for p in planned), 'character')} (about {sum(p.tokens for p in planned):,} "
                   f"tokens) to {engine} (cached answers left out)")
    for (lang, engine), count in sorted(result.filled.items()):
        replaced = result.replaced[(lang, engine)]
        click.echo(f"{lang}: {counted(count, 'entry', 'entries')} {'would be ' if dry_run else ''}drafted by {engine}"
                   + (f" ({replaced} of them replacing machine drafts)" if replaced else ""))
    for (lang, engine), count in sorted(result.same.items()):
        was = "it was" if count == 1 else "they were"
        click.echo(f"{lang}: {counted(count, 'machine draft')} {'would come' if dry_run else 'came'} back from "
                   f"{engine} as {was}: {'nothing to write' if dry_run else 'not written again'}")
    for lang in targets if not result.interrupted else ():  # the catalogs not read then are not counted
        if not dry_run and work.read[lang]:  # no catalog read (none made yet): its errors say what to run
            click.echo(f"{lang}: {counted(result.remaining[lang], 'entry', 'entries')} still empty")
        if lang in idle and not redo:  # nothing to do: say why
            click.echo(f"{lang}: nothing to draft: no entry is empty, {_idle_drafts(work, lang)}")
    for lang, count in sorted(result.emptied.items()):
        click.echo(f"{lang}: {counted(count, 'machine draft')} in another language emptied (the service answered so "
                   "again, see the warning below): left to the next engine or a person")
    for lang, count in sorted(result.unfilled.items()):
        click.echo(f"{lang}: {counted(count, 'entry', 'entries')} with [[AUSFÜLLEN: …]] placeholders not sent: fill "
                   "them in in the German page first (it is not published until then)")
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for engine, (sent, chars, cached, tries) in sorted(result.sent.items()):
        retried = f" ({counted(tries, 'try', 'tries')} with the retries)" if tries != sent else ""
        click.echo(f"{engine}: {counted(sent, 'request')}{retried}, {counted(chars, 'character')} "
                   f"translated, {counted(cached, 'segment')} from the cache")
    for engine, reasons in sorted(result.failed.items()):
        for reason, count in reasons.most_common():
            if result.unavailable.get(engine) != reason:
                named = result.returned.get(engine, []) if reason == GERMAN_BACK else []  # which: trial14 asked
                which = "; ".join(f"{ref}: {excerpt(msgid)!r}" for ref, msgid in named[:LISTED])
                more = f" and {len(named) - LISTED} more" if len(named) > LISTED else ""
                click.echo(f"warning: {engine}: {counted(count, 'segment')} not translated: {reason}"
                           + (f" ({which}{more}): left to the next engine or a person" if which else ""),
                           err=True)
    for engine, reason in sorted(result.unavailable.items()):
        left = sum(result.failed.get(engine, {}).values())
        click.echo(f"warning: {engine}: {reason}; skipped for this run ({counted(left, 'segment')} left for the next "
                   f"engine or run)", err=True)
    for engine, lost in sorted(result.numbers.items()):
        which = "; ".join(f"{ref}: {excerpt(msgid)!r} ({said})" for ref, msgid, said in lost[:LISTED])
        more = f" and {len(lost) - LISTED} more" if len(lost) > LISTED else ""
        click.echo(f"warning: {engine}: {counted(len(lost), 'draft')} lost or changed a number of the German "
                   f"({which}{more}): check names them as errors and the pages show the German in their place; "
                   f"correct them, or run verlag pretranslate --redo-drafts to ask the service again", err=True)
    for engine, count in sorted(result.warned.items()):
        click.echo(f"warning: {engine}: {counted(count, 'draft')} changed the markup; their '# mt:' comment says what "
                   "to check", err=True)
    if result.interrupted:
        click.echo("interrupted: every draft received so far is saved in the catalogs", err=True)
        return result.errors, INTERRUPTED
    if result.nothing_done:
        # what stopped each engine, as its cause says (``ServiceEngine.stopped``): "could not be reached" only of a
        # service with no connection; one that timed out, answered 429 or 500 until the retries ran out (trial 23
        # #9), refused the key or had none was reached, and each asks for something else (trial 27)
        by_name = {engine.name: engine for engine in engines}
        names = sorted(result.unavailable) or sorted(result.causes)  # stopped, or failing on every request
        why = "; ".join(
            by_name[name].stopped(result.causes.get(name, "")) if hasattr(by_name.get(name), "stopped") else
            f"{name} stopped this run (the warning above says why)" for name in names)
        instead = "offline, " if {result.causes.get(name) for name in names} == {"offline"} else "meanwhile "
        offline = (f": {why}; {instead}'--engine copy' gives each entry the German as its starting point, or a "
                   "reviewer translates the empty entries as they are (README: The reviewer's workflow)"
                   ) if names else ""
        click.echo(f"pretranslate: nothing could be drafted{offline}", err=True)
        return result.errors, 1
    capped = sum(count for reasons in result.failed.values() for reason, count in reasons.items()
                 if reason.startswith("over the --max-chars cap"))
    if capped:  # what stopped the run is the cap the user set, not a service: the last line says so
        click.echo(f"pretranslate: the --max-chars cap of {max_chars} stopped this run: {counted(capped, 'segment')} "
                   f"not sent; run again with a higher --max-chars, or without it, to draft them (what was drafted "
                   f"is kept and its answers cached)", err=True)
    if result.todo and not (result.filled or result.same or result.planned or dry_run):
        # no engine failed, so no exit 1 (trial 29 read "0 entries drafted" nowhere): said, as the memory
        # finding no match is an answer, not a failure
        click.echo(f"pretranslate: nothing drafted: {', '.join(sorted({e.name for e in engines}))} had no draft for "
                   f"any of {counted(result.todo, 'entry', 'entries')} to draft (no failure: exit status 0); "
                   "'--engine copy' gives each the German as its starting point, or a reviewer translates them")
    return result.errors, 0


@main.command()
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@quiet_option("the row per article of the table (JSON keeps them: it is for scripts)")
@pass_project
def status(project: Project, languages, slugs, fmt: str, quiet: bool) -> None:
    """Progress per language and article: untranslated, machine, stale, reviewed, QA findings. With --article,
    those articles' rows and totals alone (the website's site.po and the kept catalogs belong to none)."""
    from pipeline.extracted import MESSAGE as GERMAN_CHANGED, moved_message
    from pipeline.fsutil import relpath
    from pipeline.sources import read_sources
    from pipeline.orphans import kept_message, paused_message, renamed_articles, renamed_to
    from pipeline.status import as_json, collect_status, format_table, kept_catalogs, rivals_message, site_findings

    _check_languages(project.config, languages)
    sources = read_sources(project.config)  # once, for the slugs, the rows and the kept catalogs
    _check_slugs(project.config, slugs, sources)
    with progress_bar("status", lambda: len(slugs) or _article_count(project.config), after=1.0) as progress:
        rows, errors = collect_status(project.config, list(languages) or None, progress=progress, sources=sources,
                                      slugs=list(slugs) or None)
    site, unreadable = site_findings(project.config, list(languages) or None) if not slugs else ([], [])
    errors += unreadable
    kept, damaged = kept_catalogs(project.config, list(languages) or None, sources) if not slugs else ([], [])
    errors += damaged
    if fmt == "json":
        click.echo(json.dumps({**as_json(rows, site), "kept_catalogs": kept}, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(rows, totals_only=quiet, site=site))
        say_scheduled(sources, slugs)
        changed = {row.slug for row in rows if row.german_changed}
        moved = {row.slug: row.moved_from for row in rows if row.moved_from}
        reviews = {row.slug: row.review_outdated for row in rows if row.review_outdated}
        for article in sources.articles:
            if article.slug in changed:
                click.echo(f"warning: {article.ref}: {GERMAN_CHANGED}", err=True)
            if article.slug in moved:
                click.echo(f"warning: {article.ref}: {moved_message(article, moved[article.slug])}", err=True)
            if found := reviews.get(article.slug):
                click.echo(f"warning: {found['path']}:{found['line']}: {found['message']}", err=True)
        for row in rows:
            ref = relpath(project.config.po_path(row.lang, row.slug), project.config.root)
            if row.outdated:
                click.echo(f"warning: {ref}: {row.outdated}", err=True)
            if row.lost_sign_offs:
                click.echo(f"warning: {ref}:{row.lost_sign_offs}", err=True)
            if row.rivals:
                click.echo(f"warning: {ref}:{rivals_message(row.rivals)}", err=True)
            for (line, msgid), said in zip(row.stale_sign_offs, row.sign_off_messages):
                click.echo(f"warning: {ref}:{line}: {shorten(msgid)!r}: {said}", err=True)
        for finding in site:  # the website's words have no row: their findings are said here, as check says them
            click.echo(str(finding), err=True)
        unusable = {str(e.path) for e in damaged}
        paused = {a.slug: a.ref for a in sources.german_only}
        renames = renamed_articles(project.config) if kept else {}
        slugs = {a.slug for a in sources.articles} | sources.unreadable
        for path in kept:
            stem = PurePosixPath(path).stem
            if stem in paused:
                click.echo(f"kept: {path}: not used while {paused[stem]} says translate: false; it cannot be read "
                           "(see the error): fix it" if path in unusable else f"kept: {paused_message(path, paused[stem])}")
                continue
            click.echo(f"kept: {path}: no German article has this slug any more; it cannot be read (see the error), "
                       "so it serves nothing until fixed; delete it when done" if path in unusable else
                       f"kept: {kept_message(project.config, path, renamed_to(stem, renames, slugs))}")
    if errors:
        fail("status", errors, writes=False)


def _before_extract(config, sources, languages, slugs) -> str:
    """What ``check`` says before the first extract: that no translation was checked, or, where catalogs are
    there already (imported, copied in), that those were checked as they are, not against the German: its
    findings of them would otherwise contradict the note (trial 30)."""
    found = sum(config.po_path(lang, article.slug).is_file() for article in sources.articles
                if not slugs or article.slug in slugs for lang in languages or config.languages)
    if not found:
        return "no article is extracted yet, so no translation was checked: run verlag extract"
    return (f"no article is extracted yet: {counted(found, 'catalog')} "
            f"{'was checked as it is' if found == 1 else 'were checked as they are'}, not against the German "
            "articles (a sentence without an entry is not named): run verlag extract")


@main.command()
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format: compiler-style lines or a JSON list of findings.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (for CI).")
@click.option("--list", "list_checks", is_flag=True, help="List the checks with their severity and exit.")
@quiet_option(None, "every finding is a warning or an error")
@pass_project
def check(project: Project, languages, slugs, fmt: str, strict: bool, list_checks: bool, quiet: bool) -> None:
    """Quality checks on the translations; exit 1 if an error remains."""
    from pipeline.check import CHECKS, ERROR, SITE_CHECKS, SOURCE_CHECKS, run_checks, summary
    from pipeline.sources import read_sources

    if list_checks:  # the site.po ones after the catalogs' ones, then those of the sources and the site
        listed = [*CHECKS, *(c for c in SITE_CHECKS if c not in CHECKS), *SOURCE_CHECKS]
        width = max(len(c.id) for c in listed)
        for c in listed:
            click.echo(f"{c.id:<{width}}  {c.severity:<7}  {c.explanation}")
        return
    config = project.config
    _check_languages(config, languages)
    sources = read_sources(config)  # once, for the slugs, the checks and the scheduled articles
    _check_slugs(config, slugs, sources)
    with progress_bar("check", lambda: _article_count(config), after=1.0) as progress:
        findings, errors = run_checks(config, list(languages) or None, list(slugs) or None, strict, progress,
                                      sources)
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
        left_out = failed_files(errors)
        click.echo(f"check: {summary(findings)}" + (f"; {counted(len(left_out), 'file')} with problems not checked "
                                                     f"(errors below): {', '.join(left_out)}" if left_out else ""))
        if not any(config.templates_dir.glob("*.pot")):  # "0 entries" would read as "all is well"
            click.echo(f"note: {_before_extract(config, sources, languages, slugs)}")
        from pipeline.advice import standing

        for note in standing(config, list(languages) or config.languages):  # build says it once per change
            click.echo(f"note: {note}")
        _say_kept_hosts(config, sources)
        say_scheduled(sources, slugs)
    from pipeline.sources import unread_message, unread_sources

    for ref in unread_sources(config):
        click.echo(f"warning: {unread_message(ref)}", err=True)
    if errors:
        fail("check", errors, writes=False)
    if any(f.severity == ERROR for f in findings):
        sys.exit(1)


def _say_kept_hosts(config, sources) -> None:
    """Say on every ``check`` what ``import`` says once (``_say_other_hosts``), once base_url names the new site: the
    old addresses of another host that the published articles keep under aliases: (``redirects.kept_hosts``) become
    redirects of the new site's host. An import while base_url was ``init``'s stand-in could not say it, and
    ``build`` does not: it reads no unchanged article's front matter, where the old host is recorded."""
    if config.base_url_problem() is not None:
        return
    from pipeline.redirects import kept_hosts, other_host_note

    if hosts := kept_hosts([*sources.articles, *sources.german_only], config.site_url):
        kept = "the articles keep under aliases:"
        click.echo(f"note: {other_host_note(listing(hosts), len(hosts) == 1, config.site_url, kept)}")


FUTURE = click.option("--future", is_flag=True, help=(
    "A preview with the articles whose date is after today too, built into .verlag/preview/site/, never into "
    "site/ (the folder you upload, left as the last real build)."))


@main.command()
@quiet_option("the line per file written")
@JOBS
@FUTURE
@pass_project
@writes
def build(project: Project, quiet: bool, jobs: int | None, future: bool) -> None:
    """Write the editions (editions/<lang>/) and the website (site/); with --future a preview into .verlag/preview/
    instead, which verlag serve --future shows."""
    errors, site = run_build(project.config, quiet, jobs, future=future, waited=project.waited)
    if errors:
        fail("build", errors, outcome=build_outcome(site))


@contextmanager
def rare_collections():
    """The body run with the cyclic garbage collector's young threshold at ``pipeline.GC_YOUNG_THRESHOLD``, as
    the pool's workers run (``pool._start_worker``), and its thresholds as they were after: a test suite runs many
    commands in one process. At CPython's default (700) the parent of a cold ``--jobs 1`` build at N = 500 spent
    2.9–3.4 s of its 39–42 s of CPU in 3,063 collections, at 20,000 0.8 s in 18 (bench/HISTORY.md, "Branch
    i14par"); a cold ``extract --jobs 1`` 0.26 s in 906, at 20,000 0.04 s in 4 (bench/HISTORY.md, "Branch ex2")."""
    before = gc.get_threshold()
    gc.set_threshold(pipeline.GC_YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run_build(config, quiet: bool = False, jobs: int | None = None, unread: bool = True,
              told: dict[str, tuple[int, int] | None] | None = None, future: bool = False, waited=None,
              said: Container[str] = frozenset()):
    """editions -> site; the site is built even when some catalogs could not be read. ``unread``: warn of the
    Markdown files in source_de/'s subfolders no article is read from (``publish``'s extract did already);
    ``told``: ``serve``'s record of those it warned of this session (``_untold``), each warned of again only once
    it changes, not at every rebuild. ``future``: the preview (``--future``), with the articles dated after today
    too, built into ``.verlag/preview/`` under its own lock as well as the project's the caller holds
    (``pipeline.preview``): never into site/, the folder the author uploads. ``waited``: the ``lock.Holder`` the
    build waited for, which its last line names (``build_summary``). ``said``: the warnings ("file:line: message")
    the run said already (``publish``: check's findings), not again."""
    if not future:
        return _run_build(config, quiet, jobs, unread, told, waited, said)
    from pipeline.lock import project_lock
    from pipeline.preview import checked

    preview = checked(config)
    with project_lock(preview):
        return _run_build(preview, quiet, jobs, unread, told, waited, said)


def _run_build(config, quiet: bool, jobs: int | None, unread: bool, told: dict[str, tuple[int, int] | None] | None,
               waited, said: Container[str]):
    """``run_build``'s work for ``config``, a preview's (``config.preview``) or the site's."""
    from pipeline.editions import build_editions, edition_files
    from pipeline.fsutil import relpath
    from pipeline.restore import pending, pending_message
    from pipeline.site import (MACHINE_UNSHOWN, NOT_EXTRACTED, NOTHING_YET, PSEUDO_SIGNED, SiteResult, address_now,
                               build_site)
    from pipeline.sources import read_sources, unread_message, unread_sources
    from pipeline.textchanged import review_warnings

    future = config.preview
    sources = read_sources(config, remember=True, future=future)  # once: both stages work from the same reading
    left = {} if future else leftover_preview(config, sources)
    files = edition_files(config)  # the editions' digests by their stat: the editions stage's and then the site's
    with rare_collections():
        with progress_bar("build", lambda: _article_count(config)) as progress:
            result = build_editions(config, progress, jobs, sources, files)
        try:
            site = build_site(config, jobs, sources, files,
                              frozenset(str(error.path) for error in result.errors if error.path is not None))
        except VerlagError as exc:  # the site as a whole (a template, verlag.toml): the editions stand, say so
            site = SiteResult(errors=[exc], failed=True)
    files.save()  # the files both stages looked up: every edition file there is, so a deleted one's entry goes
    unshown = {} if quiet else {relpath(config.editions_dir / lang / f"{a.slug}.md", config.root): a
                                for a in sources.articles if a.draft for lang in config.languages}
    # the site stage names its files site/…: a preview's are in its own folder
    at = f"{relpath(config.site_dir, config.root)}/" if future else "site/"
    for done, paths in (("wrote", [] if quiet else [*result.written, *site.written]),
                        ("removed", [*result.removed, *site.removed])):
        for path in paths:
            click.echo(f"{done} {shown_path(at + path[5:] if path.startswith('site/') else path)}"
                       + (_unshown(unshown[path]) if done == "wrote" and path in unshown else ""))
    for edition, count in sorted(result.held.items()):
        click.echo(f"{edition}: {counted(count, 'segment')} held back by QA errors; run verlag check")
    # drafts readers get that came from a different German sentence: check's tm-difference warnings, named as the
    # held-back segments are (the pages show them all the same)
    published = {f"{lang}/{page.slug}" for lang, pages in site.pages.items() for page in pages}
    for edition, count in sorted(result.tm_differs.items()):
        if edition in published:
            click.echo(f"warning: {edition}: {counted(count, 'translation memory draft')} from a different German "
                       f"sentence shown to readers unreviewed ([publish] unreviewed = \"machine\") "
                       f"[tm-difference]; run verlag check: it names what differs", err=True)
    if result.unmatched:
        from pipeline.drift import Templates
        from pipeline.extracted import changed_since_extract

        by_slug = {a.slug: a for a in sources.articles}
        unmatched = {slug for slug in (e.partition("/")[2] for e in result.unmatched) if slug in by_slug}
        changed = changed_since_extract(config, [by_slug[slug] for slug in sorted(unmatched)])
        templates = Templates(config)
    for edition, count in sorted(result.unmatched.items()):
        lang, _, slug = edition.partition("/")
        po = relpath(config.po_path(lang, slug), config.root)
        shown = f"the page shows {'it' if count == 1 else 'them'} in German"
        older = ("(a copy saved from before the German changed, an old download, a git checkout of an earlier "
                 f"version), and {shown}; if it lost newer work, 'git log -p {po}' has every version; then run verlag "
                 "extract: it brings this copy up to the German, a changed sentence's translation as fuzzy")
        why = (f"{by_slug[slug].ref} changed since the last verlag extract, and the catalog is older than that "
               f"extract {older}" if slug in changed and _behind_template(config, templates, lang, slug) else
               f"{by_slug[slug].ref} changed since the last verlag extract, and {shown}; run verlag extract: it "
               "carries each translation to its changed sentence, fuzzy, for review" if slug in changed else
               f"the catalog is older than the last verlag extract {older}")
        click.echo(f"warning: {po} does not match the German: {counted(count, 'segment')} of the article "
                   f"{'has' if count == 1 else 'have'} no entry in it: {why}", err=True)
    for edition, count in sorted(result.older.items()):  # said as check says it (``catalog.older_copy_message``)
        po = relpath(config.po_path(*edition.split("/", 1)), config.root)
        click.echo(f"warning: {po}: an older copy of the catalog (an old download, a file from an earlier commit "
                   f"copied in?): {counted(count, 'entry', 'entries')} {'holds' if count == 1 else 'hold'} what was "
                   "there before a person's translation that the last verlag extract left for the same German, and "
                   f"the page shows {'it' if count == 1 else 'them'} so; run verlag extract: it brings "
                   f"{'that translation' if count == 1 else 'those translations'} back (verlag check names the "
                   f"lines; 'git diff {po}' shows what the copy changed)", err=True)
    from pipeline.advice import unsaid

    # a preview left in site/ was never published: its page's note says so (below), not that it is taken down
    previewed = tuple(f"{a.ref}:{a.held_line}: " for a in (*sources.articles, *sources.german_only) if a.slug in left)
    for note in [*(n for n in site.notes if not n.startswith(previewed)), *unsaid(config, site.advice)]:
        click.echo(f"note: {note}")
    unread_refs = unread_sources(config) if unread else []
    if told is not None:
        unread_refs = _untold(config, unread_refs, told)
    # one set to this computer (init's stand-in); not set, the site's note says it; serve builds for this computer
    local = config.base_url_problem() if told is None and "base_url" in config.section("site") else None
    # the pages say it beside the review: said on every build until last_reviewed names a review since (and
    # updated the day of the change, where the page names both)
    reviews = [f"{a.ref}:{found[0]}: {found[1]}" for a in (*sources.articles, *sources.german_only)
               for found in review_warnings(config, a) if found]
    for warning in [*site.warnings, *reviews, *map(unread_message, unread_refs),
                    *([f"{CONFIG_NAME}:{local[0]}: {local[1]}"] if local else [])]:
        if warning not in said:
            click.echo(f"warning: {warning}", err=True)

    def was(lang: str, slug: str, why: str = "") -> str:
        """``slug`` with what the build says of it (``why``) and where its address leads (``address_now``): the
        page saying it is not available (``site.noticed``), or, where readers had its page (``site.withdrawn``),
        that it was published: every build after the one that took it off (whose warning said so) listed it as one
        never published (trial14)."""
        shown = [why] if why else []
        noticed = slug in site.noticed.get(lang, ())
        if noticed or slug in site.withdrawn.get(lang, ()):
            shown.append(address_now(noticed))
        return f"{slug} ({'; '.join(shown)})" if shown else slug

    for lang, slugs in sorted(site.held_back.items()):
        figures = [was(lang, slug, site.shortfall.get((lang, slug), "")) for slug in slugs]
        click.echo(f"{lang}: not published (below [publish] min_translated or min_reviewed): {listing(figures)}")
    unread = {str(error.path) for error in [*result.errors, *site.errors] if error.path is not None}
    for lang, slugs in sorted(site.untranslated.items()):
        legal = [slug for slug in slugs if config.legal_page(slug)]
        if legal:
            click.echo(f"{lang}: legal pages show only reviewed translations ([site] legal), none yet: the footer "
                       f"links the German original: {listing([was(lang, slug) for slug in legal])}")
        pseudo = [slug for slug in slugs if slug not in legal and (lang, slug) in site.pseudo_signed]
        others = [slug for slug in slugs if slug not in legal and slug not in pseudo]
        drafted = [slug for slug in others if (lang, slug) in site.machine_drafted and
                   config.unreviewed_for(lang, slug) == "source"]  # copy drafts count as untranslated under any
        gone = {slug: copy for slug in others if (copy := pending(config, lang, slug)) is not None}
        # its catalog could not be read this run: the page is the last edition made, whatever the catalog holds
        broken = [slug for slug in others if unread and relpath(config.po_path(lang, slug), config.root) in unread]
        rest = [slug for slug in others if slug not in drafted and slug not in gone and slug not in broken]
        unread_german = [slug for slug in rest if not config.pot_path(slug).exists()]
        for why, listed in ((PSEUDO_SIGNED, pseudo), (MACHINE_UNSHOWN, drafted), (NOT_EXTRACTED, unread_german),
                            (NOTHING_YET, [slug for slug in rest if slug not in unread_german])):
            if listed:
                click.echo(f"{lang}: not published ({why}): {listing([was(lang, slug) for slug in listed])}")
        for slug in broken:
            po = relpath(config.po_path(lang, slug), config.root)
            click.echo(f"{lang}: not published ({po} could not be read, see the error below: its translations "
                       f"count once it can be): {slug}")
        for slug, copy in gone.items():
            po = relpath(config.po_path(lang, slug), config.root)
            click.echo(f"{lang}: not published ({pending_message(po, copy)}): {slug}")
    say_scheduled(sources)
    if future:
        _say_previewed(config, sources)
    for slug, day in sorted(left.items()):
        click.echo(f"note: site/ held a preview of {slug} (scheduled for {day.isoformat()}) that an older verlag's "
                   "build --future made there, never published: this build took it out; upload site/ as it is now")
    if site.drafts:
        click.echo(f"drafts, not published (draft: true): {listing(site.drafts)}")
    made = ("site: not built, see the error below" if site.failed
            else f"site: {counted(len(site.written), 'file')} written, {len(site.removed)} removed")
    made_again, written = len(result.editions), len(result.written)
    same = made_again - written  # made again with the text they had: a sign-off of the very draft readers saw
    editions = (f"{counted(made_again, 'edition')} checked, unchanged" if same and not written
                else f"{counted(made_again, 'edition')} made, {written} written"
                + (f" ({same} checked, unchanged)" if same else ""))
    wrote = bool(result.written or result.removed or site.written or site.removed or site.failed)
    click.echo(build_summary(f"{editions}, {counted(result.skipped, 'article')} unchanged; {made}", wrote, waited))
    if future:
        click.echo(f"preview: {relpath(config.site_dir, config.root)}/ (not for upload: site/ is left as the last build "
                   "without --future; verlag serve --future shows the preview)")
    return result.errors + site.errors, site


def leftover_preview(config, sources) -> dict:
    """``preview.leftover`` of the articles of ``sources`` that wait for their day."""
    from pipeline.preview import leftover
    from pipeline.schedule import today

    waiting = {a.slug: a.scheduled for a in (*sources.articles, *sources.german_only) if a.scheduled is not None}
    return leftover(config, waiting, today(config.zone)) if waiting else {}


BUILDERS = ("verlag serve", "verlag build", "verlag publish")  # commands whose run builds editions/ and site/


def build_summary(counts: str, wrote: bool, waited) -> str:
    """The build's last line: its ``counts``, and when it waited for another verlag (``waited``, a ``lock.Holder``)
    which one, and whether anything was left to write after it (``wrote``): a build that waited for ``serve``'s
    rebuild finds the work done, and its "0 written" is no sign that there was nothing to do."""
    if waited is None:
        return f"build: {counts}"
    who = f"{waited.command} (pid {waited.pid})" if waited.command else f"another verlag (pid {waited.pid})"
    if wrote:
        return f"build, after waiting for {who}: {counts}"
    made = ", which had built the project as it is" if waited.command in BUILDERS else ""
    return f"build: nothing left to write after waiting for {who}{made}: {counts}"


def _unshown(article) -> str:
    """What the "wrote" line of a draft's or scheduled article's edition adds: the file is written (the site
    knows the page is there, the reviewers' work is in it) and no page shows it."""
    if article.scheduled is not None:
        return (f" (scheduled for {article.scheduled.isoformat()}: the translation as it stands, on no page before "
                "that day)")
    return " (draft: true: the translation as it stands, on no page while the article is a draft)"


def say_scheduled(sources, slugs=None) -> None:
    """One note for each article (of ``slugs``; None: every one) that waits for its day (``Article.scheduled``),
    at its ``date:`` line, as ``build``, ``status`` and ``check`` say it: ``note: file:line: scheduled for …``."""
    from pipeline.schedule import scheduled_message

    waiting = sorted((a for a in (*sources.articles, *sources.german_only)
                      if a.scheduled is not None and (not slugs or a.slug in slugs)), key=lambda a: a.ref)
    for article in waiting:
        click.echo(f"note: {article.ref}:{article.held_line}: {scheduled_message(article.scheduled)}")


def _say_previewed(config, sources) -> None:
    """The note of a preview (``--future``) for each article it shows before its day: in the preview alone."""
    from pipeline.fsutil import relpath
    from pipeline.schedule import today, waits_until

    day, preview = today(config.zone), relpath(config.site_dir, config.root)
    for article in sorted((*sources.articles, *sources.german_only), key=lambda a: a.ref):
        if (waits := waits_until(article.meta, article.undated, day)) is not None:
            click.echo(f"note: {article.ref}:{article.key_line('date')}: scheduled for {waits.isoformat()}, "
                       f"shown in the preview ({preview}/) only: site/ leaves it out until that day")


def _untold(config, refs: list[str], told: dict[str, tuple[int, int] | None]) -> list[str]:
    """Of ``refs`` (project-relative files), those ``told`` does not hold with the size and modification time they
    have now; ``told`` then holds ``refs`` as they are, so a file moved out of the subfolder and back, or edited, is
    warned of again."""
    now: dict[str, tuple[int, int] | None] = {}
    for ref in refs:
        try:
            stat = (config.root / ref).stat()
        except OSError:  # gone since it was listed: warned of as found, once
            now[ref] = None
        else:
            now[ref] = (stat.st_size, stat.st_mtime_ns)
    fresh = [ref for ref in refs if ref not in told or told[ref] != now[ref] or now[ref] is None]
    told.clear()
    told.update(now)
    return fresh


def _behind_template(config, templates, lang: str, slug: str) -> bool:
    """Whether the catalog holds other German than the template of the last extract (``drift``): older than it."""
    from pipeline.catalog import read_po
    from pipeline.fsutil import relpath

    path = config.po_path(lang, slug)
    try:
        po = read_po(path, relpath(path, config.root))
        return po is not None and templates.drift(slug, po) is not None
    except (OSError, VerlagError):
        return False


@main.command()
@quiet_option("the line per file written and per changed, new or removed sentence (as extract -q)")
@click.pass_context
@writes
def publish(ctx: click.Context, quiet: bool) -> None:
    """The whole chain: extract, pretranslate, check, build; then a summary per language.

    Offline (or with every engine failing) the drafts step says so and the chain carries on with the
    catalogs as they are. Segments with QA errors are held back by the build: they appear in German.
    An article with a problem is left as it was; the others go all the way, and the run ends with
    its problems, each once, and exit status 2. Check's findings are listed as ``check`` lists them
    (``say_findings``: errors first, the first ``FINDINGS_LISTED``), each once: extract and the build do not
    say them again; warnings alone leave exit status 0. Pseudo drafts that pages would show (check's
    ``pseudo-draft``) stop it before the build, exit status 2: a layout test must not go public. So does a
    ``[site] base_url`` nobody reaches the site at (``Config.base_url_problem``), before anything is done.
    A site with no article published in the original (drafts only, or none) ends with exit status 2 too, and so
    does one whose published pages show a shortcode or template tag as text (check's ``template-tag``: an
    imported ``[contact-form-7 …]`` where the old blog had its booking form), after the build: each is an error of
    check's list and summary line (a draft's, a scheduled article's or an unfilled page's a warning), and the last
    line names the pages.
    """
    from dataclasses import replace

    from pipeline.check import ERROR, run_checks, summary
    from pipeline.fsutil import relpath
    from pipeline.practice import unfilled
    from pipeline.sources import read_sources

    config = ctx.obj.config
    if local := config.base_url_problem():  # every page would name a site nobody reaches
        click.echo(f"error: {CONFIG_NAME}:{local[0]}: {local[1]}", err=True)
        click.echo("publish: stopped, nothing done ('verlag build' makes the site to look at locally)", err=True)
        sys.exit(2)
    held: list[str] = []  # extract's warnings, said with check's findings
    errors = run_extract(config, quiet=quiet, held=held)
    drafted, code = run_pretranslate(config, quiet=quiet)
    errors += drafted
    if code == INTERRUPTED:
        sys.exit(code)
    if code == 1:
        # the line above says what stopped the engines: offline, a timeout, a missing key (trial 27)
        click.echo("note: no engine could draft anything (the line above says why); publishing the catalogs as they "
                   "are, run 'verlag pretranslate' again once that is put right", err=True)
    sources = read_sources(config)
    findings, checked = run_checks(config, sources=sources)
    errors += checked
    if pseudo := [f for f in findings if f.check == "pseudo-draft"]:
        for finding in pseudo:
            click.echo(f"error: {said_as(finding)} [{finding.check}]", err=True)
        click.echo("publish: stopped before the build, nothing published: pseudo text is a layout test, not a "
                   "translation ('verlag build' still shows it, to look at layouts)", err=True)
        sys.exit(2)
    # a template tag in a page the build publishes in German (no draft, no date to come, no placeholder left: the
    # rule of check's own article links) is an error of publish, listed and counted with check's errors
    german = {a.slug for a in (*sources.articles, *sources.german_only) if not a.draft and not unfilled(a)}
    findings = [replace(f, severity=ERROR) if f.check == "template-tag" and f.slug in german else f
                for f in findings]
    said = say_findings(findings, held)
    errored = sum(1 for f in findings if f.severity == ERROR and f.check not in ("unfilled", "template-tag"))
    unfilled_pages = sorted({f.path for f in findings if f.check == "unfilled"})
    click.echo(f"check: {summary(findings)}"
               + ("; segments with errors are published in German" if errored else "")
               + (f"; pages with placeholders left to fill in are not published: {', '.join(unfilled_pages)}"
                  if unfilled_pages else ""))
    built, site = run_build(config, quiet=True, unread=False, said=said)
    for line in site.summary():
        click.echo(line)
    shown = {page.slug for page in site.pages.get(config.source_language, ())}
    # the pages the build published with a tag; one it published though the rule above said not (none known) is
    # an error too, said here
    tags = [f for f in findings if f.check == "template-tag" and (f.severity == ERROR or f.slug in shown)]
    for finding in tags:
        if finding.severity != ERROR:
            click.echo(f"error: {said_as(finding)} [{finding.check}]", err=True)
    shortcodes = ""
    if tags:
        pages = sorted({shown_path(f.path) for f in tags})
        shortcodes = (f"{counted(len(pages), 'published page')} would show a shortcode or template tag as text "
                      f"({', '.join(pages)}): do not upload it yet; write what each stands for in Markdown")
    if empty := not site.failed and not site.pages.get(config.source_language):  # nothing to upload
        click.echo(f"error: {relpath(config.source_dir, config.root)}: no article is published, so the site has none "
                   "to show: " + (f"drafts (draft: true) are not published: {', '.join(site.drafts)}; take out draft: true of "
                      "each one that is ready" if site.drafts else
                      f"articles dated after today wait for their day: {', '.join(site.scheduled)}"
                      if site.scheduled else "write one (verlag new \"Titel\")"), err=True)
    if errors or built:
        fail("publish", list({str(e): e for e in errors + built}.values()), outcome=build_outcome(site), said=said,
             also=shortcodes)
    if empty:
        click.echo("publish: site/ built, with no article: do not upload it yet", err=True)
        sys.exit(2)
    if tags:
        click.echo(f"publish: site/ built, but {shortcodes}", err=True)
        sys.exit(2)


FINDINGS_LISTED = 20  # check's findings publish lists before it points at 'verlag check' for the rest
# listed by publish beyond those: a medical review the text changed after, and the updated: day its page contradicts,
# are said on every run (README); the 81st of 120 warnings was "counted" and never said to an owner who only runs
# publish (trial 33)
ALWAYS_LISTED = frozenset({"review-outdated", "updated-behind",
                           # and what the owner must see before uploading: a German page's script or iframe, that
                           # runs in every language, and the tags and placeholders publish stops for (trial 40 #2:
                           # 20 reviewers' errors hid them, and the last line named only the file)
                           "active-html", "template-tag", "unfilled"})


def said_as(finding) -> str:
    """A finding as ``file:line: message``, the text by which extract's and the build's warnings and the run's
    errors say the same thing."""
    return f"{shown_path(finding.path)}:{finding.line}: {finding.message}"


def say_findings(findings, held: list[str]) -> set[str]:
    """``publish``'s lines for check's ``findings``, as ``check`` writes them (``severity: file:line: message
    [check]``), the author's (a German file's, verlag.toml's) before the catalogs', errors first in each (a
    catalog's error only shows that sentence in German; trial 42 #9: 12 of them hid a German page's dead image),
    the first ``FINDINGS_LISTED`` and a count of the rest that ``verlag check`` lists; then
    the warnings of extract (``held``) that none of them says. Those of ``ALWAYS_LISTED`` are listed wherever they
    fall. Returns what was or will be said, or was counted (``said_as``), for the build and the last errors not to
    say it again."""
    from pipeline.check import ERROR

    ordered = sorted(findings, key=lambda f: (f.path.endswith(".po"), f.severity != ERROR))
    listed = [*ordered[:FINDINGS_LISTED], *(f for f in ordered[FINDINGS_LISTED:] if f.check in ALWAYS_LISTED)]
    rest = [f for f in ordered[FINDINGS_LISTED:] if f.check not in ALWAYS_LISTED]
    for finding in listed:
        click.echo(str(finding), err=True)
    if rest:
        errors = sum(f.severity == ERROR for f in rest)
        click.echo(f"check: {len(rest):,} more not listed here ({counted(errors, 'error')}, "
                   f"{counted(len(rest) - errors, 'warning')}): 'verlag check' lists them all", err=True)
    said = {said_as(f) for f in findings}
    for warning in held:
        if warning not in said:
            click.echo(f"warning: {warning}", err=True)
            said.add(warning)
    return said


class ImportedTranslation(NamedTuple):
    """What ``_import_translation`` did: whether the catalog changed (would, with a dry run), and the translation's
    old addresses outside the new site's path (old address, new full address) it left for a site import to say
    once with its own (``say_beyond`` False; else none: they were said)."""

    written: bool
    beyond: list[tuple[str, str]]


def _import_translation(config, slug: str, lang: str, path: Path, dry_run: bool, kind: str | None = None,
                        force: bool = False, translator: str | None = None, text: str | None = None,
                        quiet: bool = False, own_addresses: bool = False, aliases: list[str] | None = None,
                        say_beyond: bool = True) -> ImportedTranslation:
    """Align the hand translation at ``path`` into ``translations/<lang>/<slug>.po`` and print the summary;
    returns whether the catalog changed (would, with ``dry_run``), and the old addresses it did not say:
    confident pairs (reviewed), low-confidence pairs (fuzzy), and each sentence left unmatched or kept.
    A saved page, WordPress export or feed is converted to CommonMark first (``importer``); Markdown or
    text is read as it is. A file that does not look like the article's translation is refused unless
    ``force`` (``align.plausibility``); ``translator``: see ``align.import_translation``; ``text``: the file's
    Markdown as the caller read it (a site's page with the German article's links and images). Of an export or
    feed that holds several articles, the one in ``lang`` that aligns as the article's translation is taken
    (``importer_translations.post_that_translates``). ``quiet`` (``-q``): the German sentences left unmatched are
    counted, not listed (``pretranslate`` fills them); the sentences of the file not written are still listed.
    ``own_addresses``: the file's own old address (a Hugo page's ``url``, ``slug``, ``aliases`` or default URL, a
    saved page's canonical, a post's link) joins the German article's ``aliases:`` as the site import keeps a
    translation's (``_keep_addresses``); a site import keeps them itself (``importer_translations.place_together``),
    or, for a German article it imported before, passes them as ``aliases`` (the addresses as it read them), and
    ``say_beyond`` False: those outside the new site's path are returned, for it to say with its own, not said here
    (``_say_own_addresses``)."""
    from pipeline.align import import_translation, translated_article
    from pipeline.catalog import reopened_warning
    from pipeline.fsutil import file_bytes
    from pipeline.fsutil import write_if_changed
    from pipeline.importer import detect_kind, read_import, render_markdown, utf16_as_utf8
    from pipeline.importer_translations import (hand_translation_text, imported_images_as_german,
                                                page_translation_text, post_text, post_that_translates)
    from pipeline.inline_images import SPACER
    from pipeline.limits import IMPORTED
    from pipeline.published import taken_off

    if not path.is_file():
        raise VerlagError("no such file", path)
    slug, note = translated_article(config, slug)
    if note:
        click.echo(f"note: {note}")
    kind = kind or detect_kind(path, utf16_as_utf8(path, file_bytes(path, IMPORTED))[0])
    if text is None and kind == "markdown":  # a Hugo or Jekyll page: its figures, images and links as a site's
        text = page_translation_text(path, lang, slug, config.source_dir, config.zone)
    if text is None and kind == "markdown":  # else its images and links that are the German's files, as the German's
        text, mapped = hand_translation_text(path, slug, config.source_dir)
        for note in mapped:
            click.echo(f"import: {shown_path(path)}: {note}")
    read = None  # the file as an import reads it: its old addresses
    if own_addresses and kind == "markdown":
        from pipeline.importer_markdown import read_markdown

        try:
            read = read_markdown(path, file_bytes(path, IMPORTED), config.zone, lang)
        except VerlagError:  # the alignment reads it, and names what is wrong
            read = None
    if text is None and kind not in ("text", "markdown"):  # Markdown, with its front matter, is aligned as it is
        found, problems = read_import(path, kind=kind)
        raise_all(problems)
        if len(found) > 1:  # an export or feed: its post that translates the article
            def fits(text: str) -> bool:
                try:
                    return import_translation(config, slug, lang, path, True, text) is not None
                except VerlagError:
                    return False

            post = post_that_translates(path, found, lang, config.source_language, list(config.languages), fits)
            click.echo(f"import: {shown_path(post.source)} is the post that translates {slug}")
            text, read = post_text(post, slug, config.source_dir), post
        elif not found:
            raise VerlagError("holds no article to align", path)
        else:
            text, read = render_markdown(found[0]), found[0]
        text, mapped, missing = imported_images_as_german(text, read, path, slug, config.source_dir)
        for note in mapped:
            click.echo(f"import: {shown_path(path)}: {note}")
        for image in missing:
            click.echo(f"warning: {shown_path(path)}: {image}", err=True)
        for dropped in (n for n in read.notes if n.endswith(SPACER)):  # as an import of a German article says it
            click.echo(f"import: {shown_path(path)}: {dropped}")
    own = _own_addresses(config, slug, lang, aliases) if aliases is not None else \
        _own_addresses(config, slug, lang, read.meta.get("aliases", [])) if own_addresses and read is not None else None
    if own is not None and own.written is not None and not dry_run:  # before the catalog: its lines name the file
        write_if_changed(own.german, own.written)
    try:
        result = import_translation(config, slug, lang, path, dry_run, text, force, translator)
    except BaseException:  # nothing imported: the German article as it was
        if own is not None and own.written is not None and not dry_run:
            write_if_changed(own.german, own.text)
        raise
    if kind == "text" and result.title is not None and not quiet:  # plain text marks no title: say what was taken
        click.echo(f"import: {shown_path(path)}: {shorten(result.title[1])!r} paired with the German title "
                   f"{shorten(result.title[0])!r}")
    if result.doubt:
        click.echo(f"import: {shown_path(path)} does not look like the article's translation ({result.doubt}); "
                   "imported anyway (--force): every entry fuzzy with '# alignment: low confidence'")
    for sentence in [] if quiet else result.unmatched_german:
        click.echo(f"unmatched German: {shown_path(result.source)}:{sentence.line}: {shorten(sentence.text)}")
    for sentence in result.unmatched_translation:
        click.echo(f"unmatched {lang}: {shown_path(path)}:{sentence.line}: {shorten(sentence.text)} (not written: "
                   "add it to the right entry by hand)")
    for kept in result.kept:
        click.echo(f"kept: {shown_path(result.path)}: {kept.held} of {shorten(kept.german.text)} "
                   f"(the import had {shorten(kept.text)})")
    for line, msgid in result.reopened if result.written else ():  # said as extract says it
        click.echo(f"warning: {reopened_warning(result.path, line, msgid)}", err=True)
    action = "would write" if dry_run else "wrote" if result.written else "unchanged"
    click.echo(f"import: {action} {shown_path(result.path)}: {result.confident} confident (reviewed), {result.low} low "
               f"confidence (fuzzy, '# alignment: low confidence'), {len(result.unmatched_german)} German and "
               f"{counted(len(result.unmatched_translation), f'{lang} sentence')} unmatched, {len(result.kept)} kept, "
               f"{result.already} already there")
    beyond = _say_own_addresses(config, own, slug, lang, dry_run, quiet, say_beyond) if own is not None else []
    held = taken_off(config, lang, slug) if result.written else None
    if held is not None:  # more human text must not shrink the site unsaid
        entries = len({f.line for f in held})
        click.echo(f"warning: the {lang} page of {slug} is on the site now, and the next build takes it off: too "
                   f"little of it is shown in {lang} for [publish] min_translated or min_reviewed"
                   + (f"; {counted(entries, 'entry with a check error', 'entries with check errors')} "
                      f"{'is' if entries == 1 else 'are'} shown in German:" if held else ""), err=True)
        for finding in held:
            click.echo(f"  {finding}", err=True)
        click.echo(f"  fix {'them' if held else 'it'} before the next build (verlag check --lang {lang} "
                   f"--article {slug})", err=True)
    elif not dry_run and not quiet:
        click.echo(_imported_publication(config, lang, slug, result.path))
    return ImportedTranslation(result.written, beyond)


def _imported_publication(config, lang: str, slug: str, catalog: Path) -> str:
    """Whether the next build publishes the translation just imported, as ``status`` and ``build`` decide it
    (``PlannedPages``, ``status.not_published``), and if not, what holds it back: the threshold it misses with its
    figures and the entries that count against it in its catalog, the empty ones (a ``tags:`` name among them)
    and the low-confidence pairs left fuzzy. An import that aligned every sentence said nothing of it, and the
    author took the translation for live while the build kept it off at 77.1 % (trial 30)."""
    from pipeline.catalog import LOW_CONFIDENCE, TAG_CONTEXT, UNTRANSLATED, entry_state, read_po
    from pipeline.glossary import load_glossary
    from pipeline.published import PlannedPages
    from pipeline.sources import read_sources
    from pipeline.status import not_published

    page = f"the {lang} page of {slug}"
    try:
        planned = PlannedPages(config, read_sources(config), load_glossary(config.translations_dir, config.root))
        if (lang, slug) in planned:
            return f"import: the next build publishes {page}"
        why = not_published(planned, lang, slug)
        po = read_po(config.root / catalog, catalog)
    except VerlagError:  # check and build name what cannot be read
        return f"import: the next build does not publish {page}: verlag check names why"
    entries = [e for e in po or () if not e.obsolete]
    empty = [e for e in entries if entry_state(e) == UNTRANSLATED]
    tags = sum(1 for e in empty if e.msgctxt == TAG_CONTEXT)
    low = sum(1 for e in entries if e.fuzzy and LOW_CONFIDENCE in (e.tcomment or ""))
    counts = [f"{counted(len(empty), 'empty entry', 'empty entries')}"
              + (f" ({tags} of them {'a tag' if tags == 1 else 'tags'})" if tags else ""),
              f"{low} low-confidence {'line' if low == 1 else 'lines'} left fuzzy"]
    return (f"import: the next build does not publish {page}" + (f": {why}" if why else "")
            + f"; it has {' and '.join(counts)}: verlag review --lang {lang} --article {slug} lists them "
            f"(verlag status shows the figures)")


class OwnAddresses(NamedTuple):
    """What ``_own_addresses`` found: the German article's file and its ``text``; ``written``, that text with the
    translation's old addresses in its ``aliases:`` (None: nothing to add, or no list one per line to add them to);
    ``added``, those addresses; ``beyond``, those outside the new site's path; ``by_hand``, those to add by hand."""

    german: Path
    text: str
    written: str | None
    added: list[str]
    beyond: list[str]
    by_hand: list[str]


def _own_addresses(config, slug: str, lang: str, aliases: list[str]) -> OwnAddresses | None:
    """The old addresses ``aliases`` of a translation into ``lang`` imported by itself, to add to the ``aliases:`` of
    its German article (slug ``slug``), each with the comment that leads it to the ``lang`` page
    (``importer_translations.with_addresses``), as a site import keeps a translated page's: not those the article
    has already, a bare slug (every language's, not the translation's own) or those outside the new site's path
    (``importer.outside_path``: ``beyond``, for the old host's server). Where the list cannot take them (one written
    ``[a, b]``), they are ``by_hand``. None for an article not found (the alignment names that)."""
    import yaml

    from pipeline.importer import outside_path
    from pipeline.importer_translations import with_addresses
    from pipeline.site import Urls
    from pipeline.sources import _read_alias, read_sources, split_front_matter

    def key(alias: str) -> str | None:
        read = _read_alias(alias)
        return None if isinstance(read, str) or not read[0].startswith("/") else f"{read[0]}?{read[1]}".rstrip("?")

    article = next((a for a in read_sources(config).articles if a.slug == slug), None)
    if article is None:
        return None
    try:  # the file as the author wrote it (``Article.text`` is NFC, LF, without HTML comments)
        text = article.path.read_bytes().decode("utf-8")
    except (OSError, UnicodeError):  # the alignment names it
        return None
    try:
        has = yaml.safe_load(split_front_matter(text)[0] or "{}")
    except yaml.YAMLError:
        has = {}
    has = has.get("aliases") if isinstance(has, dict) else None
    has = {key(a) for a in ([has] if isinstance(has, str) else has if isinstance(has, list) else [])
           if isinstance(a, str)}
    base = Urls(config.site_url).base_path
    new = [a for a in dict.fromkeys(aliases) if key(a) is not None and key(a) not in has]
    beyond = [a for a in new if outside_path(a, base)]
    new = [a for a in new if a not in beyond]
    written = with_addresses(text, new, lang) if new and "\r" not in text else None  # lines the author ends so
    return OwnAddresses(article.path, text, written, new if written else [], beyond, [] if written else new)


def _say_own_addresses(config, kept: OwnAddresses, slug: str, lang: str, dry_run: bool, quiet: bool,
                       say_beyond: bool = True) -> list[tuple[str, str]]:
    """Say what ``_own_addresses`` found (``kept``) for the ``lang`` translation of ``slug``: the addresses kept in
    its German article's ``aliases:``, those outside the new site's path (``_say_beyond``, which lists them for
    the old host), those to add by hand with the lines to write. Returns those outside the new site's path (old
    address, new full address) where ``say_beyond`` is False, not said, for a site import to say once with its own;
    else none."""
    from pipeline.fsutil import relpath
    from pipeline.site import Urls

    urls = Urls(config.site_url)
    far = [(a, urls.absolute("article", lang, slug)) for a in kept.beyond]
    if far and say_beyond:
        _say_beyond(config, urls, far, dry_run, quiet)
    shown = relpath(kept.german, config.root)
    if kept.by_hand:
        n = len(kept.by_hand)
        click.echo(f"import: the {lang} translation's old address{'es' if n > 1 else ''} not kept: the aliases: of "
                   f"{shown} are no list one per line; add {'them' if n > 1 else 'it'} there by hand, each line "
                   f"ending in '# {lang}: …' so it leads to the {lang} page:")
        for alias in kept.by_hand:
            click.echo(f"  - {alias}  # {lang}: the old address of its {lang} translation")
    if kept.added:
        click.echo(f"import: {'would keep' if dry_run else 'kept'} the {lang} translation's old address"
                   f"{'es' if len(kept.added) > 1 else ''} {', '.join(kept.added)} in the aliases: of {shown}, "
                   f"leading to the {lang} page (see 'Moving from an old blog: redirects')")
    return [] if say_beyond else far


@main.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--no-build", is_flag=True, help="Serve site/ as it is; do not build first or on changes.")
@FUTURE
@quiet_option(None, "serve prints its address and the errors of its quiet builds")
@pass_project
def serve(project: Project, port: int, no_build: bool, future: bool, quiet: bool) -> None:
    """Preview site/ on http://127.0.0.1:PORT/ and rebuild when sources, catalogs or templates change; with
    --future a preview with the articles dated after today, built into .verlag/preview/site/, never into site/."""
    import threading

    from pipeline.config import load_config
    from pipeline.fsutil import relpath
    from pipeline.preview import checked
    from pipeline.serve import make_server, watch
    from pipeline.site import Urls, load_settings

    config = project.config
    told: dict[str, tuple[int, int] | None] = {}  # the files in source_de/'s subfolders warned of this session
    urls = Urls(load_settings(config).base_url)
    served = checked(config).site_dir if future else config.site_dir
    if no_build and future and not served.is_dir():
        raise VerlagError("no preview to serve: none was built yet; leave out --no-build",
                          relpath(served, config.root))
    # the port is taken before the build: a busy one is said at once, not after the whole site was built
    server = make_server(served, port, urls.base_path, (config.source_language, *config.languages))
    try:
        if not no_build:
            with project.lock():
                report_errors(run_build(config, quiet=True, told=told, future=future)[0])
    except BaseException:
        server.server_close()
        raise
    what = (f"the preview {relpath(served, config.root)}/ (with the articles dated after today; not for upload: site/ is left "
            "as it is)" if future else "site/")
    click.echo(f"serving {what} on http://127.0.0.1:{server.server_address[1]}{urls.base_path} (Ctrl+C stops)")

    def rebuild(seen) -> None:
        """A build of the project as it is once the lock is ours: ``seen``, the configuration the watcher read
        before waiting for it, may be older than a ``verlag build`` that held the lock meanwhile, whose pages a
        build of ``seen`` would overwrite with stale ones until the next change."""
        with project.lock():
            report_errors(run_build(load_config(project.root), quiet=True, told=told, future=future)[0])

    def report(exc: Exception) -> None:
        report_errors([exc if isinstance(exc, VerlagError) else VerlagError(f"rebuild failed: {exc}")])

    stop = threading.Event()
    if not no_build:
        threading.Thread(target=watch, args=(lambda: load_config(project.root), rebuild, stop, report),
                         daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        stop.set()
        server.server_close()


@main.group()
def tm() -> None:
    """Translation memory: exchange reviewed translations as TMX 1.4b (OmegaT, Trados, Weblate)."""


@tm.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@quiet_option(None, "tm export prints its counts per language")
@pass_project
def tm_export(project: Project, file: Path, quiet: bool) -> None:
    """Write every reviewed translation of the catalogs to FILE (TMX 1.4b)."""
    from pipeline.tm import export_tmx

    counts, left_out = export_tmx(project.config, file)
    if left_out:
        click.echo(f"warning: {counted(left_out, 'pair')} left out: their text has characters XML cannot hold",
                   err=True)
    per_lang = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items()))
    click.echo(f"tm export: {file}: reviewed translations: {per_lang}" if any(counts.values()) else
               f"tm export: {file}: written without translation units: no reviewed translation yet (an entry counts "
               "once it is signed off, not fuzzy; drafts are left out)")


@tm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@quiet_option(None, "tm import prints its counts per language and notes")
@pass_project
@writes
def tm_import(project: Project, file: Path, quiet: bool) -> None:
    """Add the units of FILE (TMX) to the translation memory; importing the same file again (same path) replaces
    its units, another file of the same name is added beside it."""
    from pipeline.tm import import_tmx

    report = import_tmx(project.config, file)
    if report.other_languages:
        langs = ", ".join(f"{code} ({n})" for code, n in sorted(report.other_languages.items()))
        click.echo(f"note: skipped translations in languages not in verlag.toml: {langs}")
    if report.inline:
        where = ", ".join(f"line {line}" + (f" (tuid {tuid})" if tuid else "") for line, tuid in report.inline_units)
        more = report.inline - len(report.inline_units)
        click.echo(f"note: skipped {counted(report.inline, 'unit')} with TMX inline tags (<ph>, <bpt>, ...): "
                   "they stand for another tool's formatting, which verlag cannot place in Markdown: "
                   f"{where}{f' and {more} more' if more else ''}")
    if report.no_source:
        click.echo(f"note: skipped {counted(report.no_source, 'unit')} without {project.config.source_language} text")
    if report.replaced_unknown:
        click.echo(f"note: replaced {counted(report.replaced_unknown, 'translation')} of an earlier import named "
                   f"{file.name} (imported by an older verlag, which knew files by their name alone)")
    for other, n in report.namesakes.items():
        click.echo(f"note: kept {counted(n, 'translation')} of another file named {file.name}, {other}: "
                   f"both are in the memory (drafts from either say 'from {file.name}'); importing a file again "
                   "from the same place replaces its translations")
    per_lang = ", ".join(f"{lang} {n}" for lang, n in sorted(report.units.items())) or "none"
    click.echo(f"tm import: {file}: translations: {per_lang}")


@main.command()
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@quiet_option(None, "review prints the pages removed and its summary")
@pass_project
@writes
def review(project: Project, languages, slugs, quiet: bool) -> None:
    """Write the HTML review report to review/ (open review/index.html in a browser; never uploaded)."""
    from pipeline.review import REPORT_DIR, write_review

    config = project.config
    _check_languages(config, languages)
    _check_slugs(config, slugs)
    with progress_bar("review", lambda: _article_count(config)) as progress:
        result = write_review(config, list(languages) or None, list(slugs) or None, progress=progress)
    for path in result.removed:
        click.echo(f"removed {shown_path(path)}")
    click.echo(f"review: {counted(len(result.pages), 'page')} ({result.unchanged} unchanged), "
               f"{counted(len(result.written), 'file')} written; open {(REPORT_DIR / 'index.html').as_posix()}")
    if result.errors:
        fail("review", result.errors)


@main.command("merge-catalogs")
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("path", required=False)
@quiet_option(None, "merge-catalogs prints only the entries it left between conflict markers, and errors")
def merge_catalogs(base: Path, ours: Path, theirs: Path, path: str | None, quiet: bool) -> None:
    """git's merge driver for catalogs: merge the changes from BASE to THEIRS into OURS entry by entry and write the
    result over OURS (PATH: the catalog's name in messages, git's %P). Exit 1: entries both sides translated
    otherwise are left between git's conflict markers; 2: a version is no catalog, OURS is left as it was. Turned
    on by '*.po merge=verlag' (and '*.pot merge=verlag' for the templates) in .gitattributes and: git config
    merge.verlag.driver "verlag merge-catalogs %O %A %B %P". A .gitattributes without the templates' line is said
    once, with the line to add; translations given to German the other side changed (fuzzy, for review), untouched
    machine drafts dropped for a person's translation, entries with a different draft on each side (one kept), and
    changed sentences whose old German the other side signed off otherwise (that sign-off kept as an obsolete
    entry), and entries of German one side's extract changed or deleted that stay live because the other side
    translated them (verlag extract puts them right), once per catalog with their lines."""
    from pipeline.fsutil import file_bytes, write_if_changed
    from pipeline.gitmerge import (MARKERS, drafts_message, dropped_message, merge_catalogs as merge, rescued_message,
                                   retired_message, rivals_message)
    from pipeline.limits import CATALOG
    from pipeline.scaffold import template_line_note

    ref = path or str(ours)
    merged = merge(*(file_bytes(side, CATALOG, ref) for side in (base, ours, theirs)), ref)
    write_if_changed(ours, merged.data)
    if path is not None and (note := template_line_note(Path.cwd(), path)):  # git runs it in the work tree's top
        click.echo(f"note: {note}", err=True)
    for said, message in ((merged.rescued, rescued_message), (merged.rivals, rivals_message),
                          (merged.retired, retired_message)):
        if said and not quiet:
            click.echo(f"warning: {message(shown_path(ref), said)}", err=True)
    for said, message in ((merged.dropped, dropped_message), (merged.drafts, drafts_message)):
        if said and not quiet:
            click.echo(f"note: {message(shown_path(ref), said)}", err=True)
    for line, msgid in merged.conflicts:
        click.echo(f"warning: {shown_path(ref)}:{line}: both sides changed the translation of '{shorten(msgid)}' "
                   f"otherwise: both versions are left between git's conflict markers ({', '.join(MARKERS)}); keep "
                   "one, delete the other and the marker lines, then git add the file", err=True)
    if merged.conflicts:
        sys.exit(1)


def _check_slugs(config, slugs, sources=None) -> None:
    """A usage error (exit 2) naming every ``--article`` of ``slugs`` that is no article of the project (its
    ``sources``, read here when not given), each with the closest slug there is."""
    from pipeline.config import unknown_slugs
    from pipeline.sources import read_sources

    sources = (sources or read_sources(config)) if slugs else None
    known = {a.slug for a in sources.articles} | sources.unreadable if sources else set()
    if missing := list(dict.fromkeys(slug for slug in slugs if slug not in known)):
        from pipeline.orphans import renamed_advice

        files = {**dict.fromkeys(sources.unreadable), **{a.slug: a.ref for a in sources.articles}}
        raise click.BadParameter(unknown_slugs(missing, sorted(known), f"{config.source_dir.name}/",
                                               renamed_advice(config, missing, files)), param_hint="--article")


def _check_languages(config, languages) -> None:
    for lang in languages:
        if lang not in config.languages:
            raise click.BadParameter(f"{lang!r} is not in languages of verlag.toml ({', '.join(config.languages)})",
                                     param_hint="--lang")


if __name__ == "__main__":
    main()

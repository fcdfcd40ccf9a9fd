"""verlag command line: parses options, calls a pipeline stage, prints the outcome.

Exit codes: 0 fine, 1 the work found problems, 2 bad usage or bad input.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from pipeline import __version__
from pipeline.config import load_config
from pipeline.errors import ManyErrors, VerlagError


class Project:
    """What ``-C DIR`` selects; the config is loaded lazily so ``init`` works in an empty folder."""

    def __init__(self, root: Path):
        self.root = root
        self._config = None

    @property
    def config(self):
        if self._config is None:
            self._config = load_config(self.root)
        return self._config


pass_project = click.make_pass_decorator(Project)


def report_errors(errors: list[VerlagError]) -> None:
    for error in errors:
        for single in (error.errors if isinstance(error, ManyErrors) else [error]):
            click.echo(f"error: {single}", err=True)


class VerlagGroup(click.Group):
    """Turns library errors into ``error: file:line: message`` and exit status 2, at the boundary only."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (VerlagError, OSError) as exc:
            if ctx.obj is not None and getattr(ctx.obj, "debug", False):
                raise
            if isinstance(exc, OSError):  # unreadable or unwritable file: say which, not a traceback
                exc = VerlagError(exc.strerror or str(exc), exc.filename)
            report_errors([exc])
            sys.exit(2)


@contextmanager
def progress_bar(label: str, total: int):
    """A progress callback drawing a bar on a terminal; silence in CI and pipes."""
    if not sys.stderr.isatty() or total < 2:
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield lambda *_: bar.update(1)


def _article_count(config) -> int:
    return sum(1 for _ in config.source_dir.glob("*.md"))


@click.group(cls=VerlagGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-C", "directory", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Content project directory (the one with verlag.toml).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of short error messages.")
@click.version_option(__version__, prog_name="verlag")
@click.pass_context
def main(ctx: click.Context, directory: Path, debug: bool) -> None:
    """verlag: German articles to reviewed translations to published editions."""
    ctx.obj = Project(directory)
    ctx.obj.debug = debug


@main.command()
@pass_project
def init(project: Project) -> None:
    """Scaffold a content project in -C DIR (empty or new)."""
    from pipeline.scaffold import init_project

    for path in init_project(project.root):
        click.echo(f"created {path}")
    click.echo("next: verlag new \"Titel\", then verlag extract")


@main.command()
@click.argument("title")
@pass_project
def new(project: Project, title: str) -> None:
    """Start a German article titled TITLE in source_de/."""
    from pipeline.scaffold import new_article

    path = new_article(project.config, title)
    click.echo(f"created {path.relative_to(project.root) if not path.is_absolute() else path}")


@main.command()
@pass_project
def extract(project: Project) -> None:
    """Update .pot templates and merge them into every language's .po catalogs."""
    from pipeline.extract import extract as run_extract

    with progress_bar("extract", _article_count(project.config)) as progress:
        result = run_extract(project.config, progress)
    for old, new in result.renamed:
        click.echo(f"renamed {old} -> {new}")
    for path in result.written:
        click.echo(f"updated {path}")
    for path in result.removed:
        click.echo(f"removed {path} (its article is gone)")
    for path in result.orphans:
        click.echo(f"warning: {path}: no German article has this slug any more; kept, delete it when done",
                   err=True)
    for lang, counts in sorted(result.changes.items()):
        if any(counts.values()):
            click.echo(f"{lang}: {counts['fuzzy']} changed sentences back to review, {counts['new']} new, "
                       f"{counts['obsolete']} no longer used (kept as obsolete)")
    click.echo(f"extract: {len(result.written)} files updated, {result.skipped} articles unchanged")
    if result.errors:
        report_errors(result.errors)
        sys.exit(2)


@main.command()
@click.option("--engine", "engine_names", multiple=True,
              help="Engine to use (repeatable, tried in order); default: [pretranslate] engines.")
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@pass_project
def pretranslate(project: Project, engine_names, languages, slugs) -> None:
    """Fill empty entries with drafts (marked fuzzy, with their origin)."""
    from pipeline.engines import get_engine
    from pipeline.pretranslate import pretranslate as run

    config = project.config
    _check_languages(config, languages)
    try:
        engines = [get_engine(name, config) for name in (engine_names or config.engines)]
    except VerlagError as exc:
        if engine_names:
            raise click.BadParameter(exc.message, param_hint="--engine") from None
        raise VerlagError(f"[pretranslate] engines: {exc.message}", config.root / "verlag.toml") from None
    targets = list(languages or config.languages)
    with progress_bar("pretranslate", _article_count(config) * len(targets)) as progress:
        result = run(config, engines, targets, list(slugs) or None, progress)
    for (lang, engine), count in sorted(result.filled.items()):
        click.echo(f"{lang}: {count} entries drafted by {engine}")
    for lang in languages or config.languages:
        click.echo(f"{lang}: {result.remaining[lang]} entries still empty")
    if result.errors:
        report_errors(result.errors)
        sys.exit(2)


@main.command()
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@pass_project
def status(project: Project, languages, fmt: str) -> None:
    """Progress per language and article: untranslated, machine, stale, reviewed, QA findings."""
    from pipeline.status import as_json, collect_status, format_table

    _check_languages(project.config, languages)
    rows, errors = collect_status(project.config, list(languages) or None)
    if fmt == "json":
        click.echo(json.dumps(as_json(rows), indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(rows))
    if errors:
        report_errors(errors)
        sys.exit(2)


@main.command()
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format: compiler-style lines or a JSON list of findings.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (for CI).")
@click.option("--list", "list_checks", is_flag=True, help="List the checks with their severity and exit.")
@pass_project
def check(project: Project, languages, slugs, fmt: str, strict: bool, list_checks: bool) -> None:
    """Quality checks on the translations; exit 1 if an error remains."""
    from pipeline.check import CHECKS, ERROR, run_checks, summary

    if list_checks:
        width = max(len(c.id) for c in CHECKS)
        for c in CHECKS:
            click.echo(f"{c.id:<{width}}  {c.severity:<7}  {c.explanation}")
        return
    config = project.config
    _check_languages(config, languages)
    _check_slugs(config, slugs)
    findings, errors = run_checks(config, list(languages) or None, list(slugs) or None, strict)
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
        click.echo(f"check: {summary(findings)}")
    if errors:
        report_errors(errors)
        sys.exit(2)
    if any(f.severity == ERROR for f in findings):
        sys.exit(1)


@main.command()
@pass_project
def build(project: Project) -> None:
    """Write the translated editions to editions/<lang>/<slug>.md."""
    from pipeline.editions import build_editions

    with progress_bar("build", _article_count(project.config)) as progress:
        result = build_editions(project.config, progress)
    for path in result.written:
        click.echo(f"wrote {path}")
    for path in result.removed:
        click.echo(f"removed {path}")
    for edition, count in sorted(result.held.items()):
        click.echo(f"{edition}: {count} segment{'s' if count != 1 else ''} held back by QA errors; run verlag check")
    click.echo(f"build: {len(result.editions)} editions made, {len(result.written)} written, "
               f"{result.skipped} articles unchanged")
    if result.errors:
        report_errors(result.errors)
        sys.exit(2)


@main.command()
@click.option("--lang", "languages", multiple=True, help="Only this language (repeatable).")
@click.option("--article", "slugs", multiple=True, help="Only this article slug (repeatable).")
@pass_project
def review(project: Project, languages, slugs) -> None:
    """Write the HTML review report to site/_review/ (open index.html in a browser)."""
    from pipeline.review import REPORT_DIR, write_review

    config = project.config
    _check_languages(config, languages)
    _check_slugs(config, slugs)
    with progress_bar("review", _article_count(config)) as progress:
        result = write_review(config, list(languages) or None, list(slugs) or None, progress=progress)
    for path in result.removed:
        click.echo(f"removed {path}")
    click.echo(f"review: {len(result.pages)} pages ({result.unchanged} unchanged), {len(result.written)} files "
               f"written; open {(REPORT_DIR / 'index.html').as_posix()}")
    if result.errors:
        report_errors(result.errors)
        sys.exit(2)


def _check_slugs(config, slugs) -> None:
    from pipeline.sources import load_articles

    known = {a.slug for a in load_articles(config)} if slugs else set()
    for slug in slugs:
        if slug not in known:
            raise click.BadParameter(f"no article with slug {slug!r} in {config.source_dir.name}/",
                                     param_hint="--article")


def _check_languages(config, languages) -> None:
    for lang in languages:
        if lang not in config.languages:
            raise click.BadParameter(f"{lang!r} is not in languages of verlag.toml ({', '.join(config.languages)})",
                                     param_hint="--lang")


if __name__ == "__main__":
    main()

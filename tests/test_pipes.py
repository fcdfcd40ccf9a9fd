"""A reader that closes verlag's standard output early (``verlag import PAGE | head -1``) stops no work.

Real processes on a real pipe: the test reads the first line and closes its end, so every later line verlag
prints meets EPIPE. Each command is run several times, since where verlag is when the pipe closes varies.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import WALL, article, fill_in_legal_pages

VERLAG = str(Path(sys.executable).with_name("verlag"))
DATA = Path(__file__).parent / "data" / "import"
RUNS = 5


def _head_1(root: Path, *args: str) -> tuple[int, str, str]:
    """``verlag -C root ARGS | head -1``: exit status, the one line read, and what verlag wrote to stderr."""
    proc = subprocess.Popen([VERLAG, "-C", str(root), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "LC_ALL": "C.UTF-8"})
    first = proc.stdout.readline().decode()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return proc.wait(timeout=WALL), first, err


def _init(root: Path) -> None:
    subprocess.run([VERLAG, "-C", str(root), "init", "--name", "X", "--author", "A", "--base-url",
                    "https://x.example/", "--languages", "fr"], check=True, capture_output=True)


def test_an_import_whose_reader_left_after_the_first_line_is_written_all_the_same(tmp_path):
    for run in range(RUNS):
        root = tmp_path / str(run)
        _init(root)
        status, first, err = _head_1(root, "import", str(DATA / "seite.html"))
        assert (status, err) == (0, ""), (run, first, err)
        assert first.startswith("wrote "), first
        assert (root / "source_de/brennnesseltee-im-fruehjahr.md").is_file(), (run, first)
        assert (root / "source_de/bilder/brennnessel.jpg").is_file(), (run, first)


def test_extract_and_build_whose_reader_left_after_the_first_line_finish(tmp_path):
    for run in range(3):
        root = tmp_path / str(run)
        _init(root)
        fill_in_legal_pages(root)
        for n in range(6):
            (root / f"source_de/artikel-{n}.md").write_text(article(f"Artikel {n}", f"Satz {n}. Noch einer.\n"),
                                                            encoding="utf-8")
        assert _head_1(root, "extract")[::2] == (0, ""), run
        assert all((root / f"translations/fr/artikel-{n}.po").is_file() for n in range(6)), run
        assert _head_1(root, "build")[::2] == (0, ""), run
        assert all((root / f"site/de/artikel-{n}/index.html").is_file() for n in range(6)), run


def test_a_command_run_with_its_standard_error_or_output_closed_does_its_work(tmp_path):
    """``verlag build 2>&-`` (a cron job, a service manager): Python starts with ``sys.stderr`` None, and every
    command that may draw a progress bar (extract, build, status) stopped with exit status 2 before it began,
    saying nothing (its error had nowhere to go). The closed stream is dropped as a left reader's is."""
    root = tmp_path / "p"
    _init(root)
    fill_in_legal_pages(root)
    (root / "source_de/tee.md").write_text(article("Tee", "Tee wärmt.\n"), encoding="utf-8")
    for closed in (1, 2):
        for command in ("extract", "build", "status"):
            run = subprocess.run([VERLAG, "-C", str(root), command], capture_output=True, text=True,
                                 preexec_fn=lambda: os.close(closed), env={**os.environ, "LC_ALL": "C.UTF-8"})
            assert run.returncode == 0, (closed, command, run.stdout, run.stderr)
            if closed == 2 and command == "status":
                assert "tee" in run.stdout, run.stdout
    assert (root / "site/de/tee/index.html").is_file()

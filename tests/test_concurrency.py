"""Real processes at once: the project lock, a reviewer saving while verlag writes, kill -9 mid-build.

The races these tests look for showed in 1 of 3 to 7 runs before they were
fixed, so each test repeats its scenario a bounded number of times.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest

from cli import main
from conftest import article, msgfmt_check, review

VERLAG = Path(sys.executable).with_name("verlag")
TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
LEBER = article("Leber", """
    Die Leber arbeitet nachts. Sie braucht Ruhe.

    Trinken Sie genug Wasser.
    """)
EDITED = "Trinken Sie genug Wasser."
# Seconds a command may take before the test calls it hung: a bound for a hang, not for speed. On the shared 2-core
# machine at load 35 a one-article build took 71 s of wall-clock time for 1.3 s of CPU, beyond the 60 s the
# waiting writer's build had (it failed that way in 1 of 11 rounds under load 12+).
HUNG = 600

# A reviewer in an editor: load the catalog, change one translation, save; again and again until told
# to stop. "atomic" saves like Poedit (temp file + rename), "inplace" like a plain editor (truncate, write).
# While the file <stop>.pause exists it saves nothing (after a whole save), and says so by creating <stop>.paused.
REVIEWER = r"""
import os, sys, time, random, polib
path, mode, stop, log = sys.argv[1:5]
i = 0
while not os.path.exists(stop):
    if os.path.exists(stop + ".pause"):
        open(stop + ".paused", "w").close()
        while os.path.exists(stop + ".pause") and not os.path.exists(stop):
            time.sleep(0.001)
        continue
    i += 1
    try:
        po = polib.pofile(path)
    except Exception:  # caught a half-written file of another in-place save: load again
        continue
    entry = po.find(%(msgid)r)
    if entry is None:
        continue
    entry.msgstr = "Drink enough water, " + "".join(chr(97 + int(d)) for d in str(i)) + "."  # no digits: QA
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    data = po.__unicode__().encode("utf-8")
    if mode == "atomic":
        tmp = path + ".poedit"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    else:
        with open(path, "wb") as fh:
            if mode == "inplace-slow":  # an editor paused between truncating the file and writing it
                time.sleep(0.005)
            fh.write(data)
    with open(log, "w") as fh:
        fh.write(str(i))
    time.sleep(random.uniform(0.002, 0.02))
""" % {"msgid": EDITED}


def edit(i: int) -> str:
    """The reviewer's translation in save number ``i``."""
    return "Drink enough water, " + "".join(chr(97 + int(d)) for d in str(i)) + "."


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if TEMP.match(p.name)]


def held_lock(project) -> subprocess.Popen:
    """A process holding the project lock until its stdin closes."""
    code = ("import sys; from pathlib import Path; from pipeline.config import load_config; "
            "from pipeline.lock import project_lock\n"
            f"with project_lock(load_config(Path({str(project.root)!r}))):\n"
            "    print('held', flush=True); sys.stdin.read()")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def leber(project):
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")  # partly translated
    project.write("source_de/leber.md", LEBER)
    project.run("extract")
    return project


def test_a_second_writer_waits_or_with_no_wait_stops_naming_the_first(leber):
    holder = held_lock(leber)
    try:
        result = leber.run("--no-wait", "build", code=2)
        assert result.output.strip() == \
            f"error: another verlag is running on this project (pid {holder.pid}); run again when it has " \
            "finished, or leave out --no-wait to wait"
        assert not (leber.root / "site").exists()
        assert leber.run("--no-wait", "check").exit_code == 0, "reading commands take no lock"
        waiting = subprocess.Popen([str(VERLAG), "-C", str(leber.root), "build"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        said = waiting.stderr.readline()  # blocks until it says it waits (or ends without waiting)
        assert said.startswith(f"waiting: another verlag is running on this project (pid {holder.pid})"), said
        time.sleep(0.5)
        assert waiting.poll() is None, "it waits while the first one runs"
    finally:
        holder.stdin.close()
        holder.wait(timeout=HUNG)
    out, err = waiting.communicate(timeout=HUNG)
    assert waiting.returncode == 0, err
    assert (leber.root / "site/de/leber/index.html").exists()


@pytest.mark.parametrize("rebuilt", [True, False])
def test_a_build_that_waited_for_serve_names_it_and_says_what_was_left_to_write(leber, rebuilt):
    """A fresh-user trial: a build started while ``verlag serve`` rebuilt said "another verlag (pid N)" and then
    "0 files written", as if nothing were to do. The lock file names its holder's command: the waiting line and
    --no-wait name ``verlag serve``, and the last line says what the build did after it: nothing left to write
    when serve's rebuild (here its very code, ``run_build``) had made the review's sign-off live, the counts of
    what it wrote when serve held the lock without building."""
    leber.run("build")
    review(leber, "en", "leber", {EDITED: "Drink enough water."})
    code = ("import sys; from pathlib import Path; import cli; from pipeline.config import load_config; "
            "from pipeline.lock import project_lock\n"
            f"config = load_config(Path({str(leber.root)!r}))\n"
            "with project_lock(config, command='verlag serve'):\n"
            f"    {'cli.run_build(config, quiet=True)' if rebuilt else 'pass'}\n"
            "    print('held', flush=True); sys.stdin.read()")
    serve = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert "held\n" in iter(serve.stdout.readline, ""), "its build's lines, then held"
        refused = leber.run("--no-wait", "build", code=2).output
        assert f"error: another verlag is running on this project (verlag serve, pid {serve.pid}); " in refused
        waiting = subprocess.Popen([str(VERLAG), "-C", str(leber.root), "build"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        said = waiting.stderr.readline()
        assert said.startswith(f"waiting: another verlag is running on this project (verlag serve, pid {serve.pid})")
    finally:
        serve.stdin.close()
        serve.wait(timeout=HUNG)
    out, err = waiting.communicate(timeout=HUNG)
    assert waiting.returncode == 0, err
    last = out.splitlines()[-1]
    if rebuilt:
        assert last.startswith(f"build: nothing left to write after waiting for verlag serve (pid {serve.pid}), "
                               "which had built the project as it is: 0 editions made, 0 written"), last
        assert "wrote " not in out
    else:
        assert last.startswith(f"build, after waiting for verlag serve (pid {serve.pid}): 1 edition made, "
                               "1 written"), last
        assert "wrote editions/en/leber.md" in out
    assert "Drink enough water." in leber.read("editions/en/leber.md")
    assert leber.run("build").output.splitlines()[-1].startswith("build: 0 editions made")  # no wait: as before


def test_a_writer_killed_with_kill_9_leaves_no_lock_behind(leber):
    holder = held_lock(leber)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=HUNG)
    leber.run("--no-wait", "build")


def test_temp_files_left_by_a_killed_run_are_removed_by_the_next_writer(leber):
    leber.run("build")
    code = ("import sys; from pathlib import Path; from pipeline.config import load_config; "
            "from pipeline.fsutil import _temp_copy; from pipeline.lock import project_lock\n"
            f"root = Path({str(leber.root)!r})\n"
            "with project_lock(load_config(root)):\n"
            "    print(_temp_copy(root / 'site/en/index.html', b'half').name, flush=True); sys.stdin.read()")
    writer = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    made = leber.root / "site/en" / writer.stdout.readline().strip()
    os.kill(writer.pid, signal.SIGKILL)  # between writing its temp file and renaming it
    writer.wait(timeout=HUNG)
    left = [made] + [leber.write(rel, "half") for rel in ("editions/en/.leber.md.abcdefgh.tmp",
                                                          "translations/en/.leber.po.0a1b2c3d.tmp")]
    mine = leber.write("translations/en/notes.tmp", "a reviewer's file, not verlag's")
    assert TEMP.match(made.name) and all(p.exists() for p in left)
    leber.run("build")
    assert not any(p.exists() for p in left) and mine.exists()


def test_a_run_that_makes_no_temp_file_does_not_look_for_any(leber, monkeypatch):
    import pipeline.lock

    swept = []
    real = pipeline.lock.remove_stale_temp_files
    monkeypatch.setattr(pipeline.lock, "remove_stale_temp_files", lambda folder: swept.append(folder) or real(folder))
    leber.run("build")
    assert swept  # it wrote the site: swept when it gave the lock back
    swept.clear()
    assert "0 editions made, 0 written" in leber.run("build").output
    assert swept == []
    leber.write("source_de/leber.md", LEBER + "\nNoch ein Satz.\n")
    leber.run("extract")
    assert len(swept) == 4  # the folders of translations, editions, the site and .verlag/, once


class Paused:
    """The REVIEWER process stopped between two saves (``stop`` as passed to it) while the block runs."""

    def __init__(self, stop: Path):
        self.pause, self.paused = stop.with_name(stop.name + ".pause"), stop.with_name(stop.name + ".paused")

    def __enter__(self):
        self.pause.touch()
        deadline = time.monotonic() + HUNG  # a bound for a reviewer that died; it answers within one save
        while not self.paused.exists():
            assert time.monotonic() < deadline, "the reviewer never paused"
            time.sleep(0.001)

    def __exit__(self, *exc) -> None:
        self.paused.unlink()
        self.pause.unlink()


def run_while_saving(project, stop: Path, log: Path, path: Path, *args: str) -> None:
    """``verlag args`` while the reviewer saves ``path``. When the reviewer saves faster than verlag can merge
    (a loaded machine), verlag may give up: then it must say so (exit 2, naming the file), the file must hold
    the reviewer's last save, and the same command must succeed once the reviewer pauses."""
    outcome = project.runner.invoke(main, ["-C", str(project.root), *args])
    if outcome.exit_code == 0:
        return
    assert outcome.exit_code == 2, outcome.output
    assert f"{path.relative_to(project.root)}: the file kept changing while verlag" in outcome.output, \
        outcome.output
    with Paused(stop):
        assert polib.pofile(str(path)).find(EDITED).msgstr == edit(int(log.read_text())), "the save is intact"
        project.run(*args)


@pytest.mark.parametrize("mode", ["atomic", "inplace"])
def test_no_reviewer_save_is_lost_while_extract_pretranslate_and_build_run(leber, mode, tmp_path):
    path = leber.root / "translations/en/leber.po"
    stop, log = tmp_path / "stop", tmp_path / "log"
    reviewer = subprocess.Popen([sys.executable, "-c", REVIEWER, str(path), mode, str(stop), str(log)])
    try:
        for trial in range(8):
            # the author adds a sentence: extract writes every catalog, pretranslate drafts it, build publishes
            leber.write("source_de/leber.md", LEBER + "".join(f"\nSatz Nummer {n}.\n" for n in range(trial + 1)))
            for command in (["extract"], ["pretranslate", "--engine", "copy"], ["build"]):
                run_while_saving(leber, stop, log, path, *command)
    finally:
        stop.touch()
        reviewer.wait(timeout=HUNG)
    last = int(log.read_text())
    assert last > 20, "the reviewer saved throughout"
    msgfmt_check(path)
    entry = polib.pofile(str(path)).find(EDITED)
    assert entry.msgstr == edit(last) and not entry.fuzzy, "the reviewer's last save is in the catalog"
    leber.run("build")
    assert edit(last) in leber.read("site/en/leber/index.html"), "and one more build publishes it"
    assert not temp_files(leber.root)


def clean_build(project, root: Path) -> dict[str, bytes]:
    """site/ as a build from scratch makes it, for a copy of ``project``'s inputs in ``root``."""
    import shutil

    root.mkdir()
    for name in ("verlag.toml", "source_de", "translations"):
        source = project.root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    subprocess.run([str(VERLAG), "-C", str(root), "build"], check=True, capture_output=True)
    return tree(root / "site")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_kill_9_at_random_moments_of_build_then_a_rebuild_equals_a_clean_build(project, tmp_path):
    """20 builds killed at random moments; each time the next build makes site/ byte-identical to a
    clean build of the same input, and no temp file survives anywhere."""
    project.write("verlag.toml", project.read("verlag.toml") + "[publish]\nmin_translated = 0\n")  # partly translated
    for n in range(10):
        project.write(f"source_de/artikel-{n}.md", LEBER.replace("title: Leber", f"title: Leber {n}"))
    project.run("extract")
    for n in range(10):
        review(project, "en", f"artikel-{n}", {"Die Leber arbeitet nachts.": "The liver works at night."})
    site_po = project.root / "translations/en/site.po"
    variants = {}  # two inputs the builds alternate between: the skip link is on every English page
    for n, words in enumerate(("Skip to the content", "Skip to the text")):
        po = polib.pofile(str(site_po))
        po.find("Skip to the content").msgstr = words
        po.save(str(site_po))
        variants[n] = (site_po.read_bytes(), clean_build(project, tmp_path / f"clean{n}"))
    assert sum(variants[0][1][k] != variants[1][1].get(k) for k in variants[0][1]) >= 12
    started = time.monotonic()
    project.run("build")
    subprocess.run([str(VERLAG), "-C", str(project.root), "build"], check=True, capture_output=True)
    whole = time.monotonic() - started  # a build from start-up to its last file, on this machine now
    rng = random.Random(18)
    interrupted = 0
    for trial in range(20):
        data, expected = variants[trial % 2]
        site_po.write_bytes(data)
        build = subprocess.Popen([str(VERLAG), "-C", str(project.root), "build"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * whole)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=HUNG)
        interrupted += 0 < sum(expected.get(k) == v for k, v in tree(project.root / "site").items()) < len(expected)
        project.run("build")
        assert tree(project.root / "site") == expected, f"trial {trial}"
        assert not temp_files(project.root), f"trial {trial}"
    print(f"{interrupted} of 20 builds were killed while writing site/")


# ---- compare-and-swap, with the races made to happen on purpose ----

def save_as_reviewer(path: Path, data: bytes) -> None:
    tmp = path.with_name("poedit.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def test_a_save_between_reading_and_writing_is_merged_not_overwritten(tmp_path):
    from pipeline.fsutil import rewrite

    path = tmp_path / "x.po"
    path.write_bytes(b"base\n")
    seen = []

    def update(data: bytes) -> bytes:
        seen.append(data)
        if len(seen) == 1:
            save_as_reviewer(path, b"base\nreviewer\n")
        return data + b"draft\n"

    assert rewrite(path, update) == b"base\nreviewer\ndraft\n" == path.read_bytes()
    assert seen == [b"base\n", b"base\nreviewer\n"]


def test_a_save_in_the_instant_before_the_swap_is_swapped_out_merged_and_kept(tmp_path, monkeypatch):
    from pipeline import fsutil

    path = tmp_path / "x.po"
    path.write_bytes(b"base\n")
    exchange = fsutil._exchange

    def late_save(a: Path, b: Path) -> bool:  # the reviewer wins the race by a microsecond
        save_as_reviewer(b, b"base\nreviewer\n")
        monkeypatch.setattr(fsutil, "_exchange", exchange)
        return exchange(a, b)

    monkeypatch.setattr(fsutil, "_exchange", late_save)
    merged = fsutil.rewrite(path, lambda data: data if b"draft" in data else data + b"draft\n")
    assert merged == path.read_bytes() == b"base\nreviewer\ndraft\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.po"]


def test_a_file_saved_before_every_swap_is_given_up_with_the_reviewers_last_save_in_it(tmp_path, monkeypatch):
    # verlag gave up after 20 quick tries with its own merge in the file: the save it had just swapped out,
    # the reviewer's newest, was deleted with the temp file.
    from pipeline import fsutil
    from pipeline.errors import VerlagError

    path = tmp_path / "x.po"
    path.write_bytes(b"base\n")
    exchange, saves, late = fsutil._exchange, [], []
    started = time.monotonic()

    def late_save(a: Path, b: Path) -> bool:  # the reviewer wins every race by a microsecond, even putting back
        if time.monotonic() > started + 0.3:
            late.append(b)  # three saves after verlag's patience ran out, then the reviewer stops
        if len(late) <= 3:
            saves.append(b"base\nreviewer %d\n" % len(saves))
            save_as_reviewer(b, saves[-1])
        return exchange(a, b)

    monkeypatch.setattr(fsutil, "_exchange", late_save)
    monkeypatch.setattr(fsutil, "SWAP_PATIENCE", 0.3)
    with pytest.raises(VerlagError, match="kept changing while verlag wrote it"):
        fsutil.rewrite(path, lambda data: data if b"draft" in data else data + b"draft\n")
    assert time.monotonic() - started >= 0.3, "it kept trying for SWAP_PATIENCE seconds"
    assert len(saves) >= 2 and path.read_bytes() == saves[-1], "the reviewer's last save is in the file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.po"]


def test_an_empty_moment_of_an_in_place_save_never_costs_the_other_translations(leber, tmp_path):
    # A trial user's editor paused between truncating the catalog and writing it: extract took the
    # empty file for a catalog, merged every sentence into it as new, and the editor's next save
    # (made from what was on disk) kept only its own entry.
    review(leber, "en", "leber", {"Die Leber arbeitet nachts.": "The liver works at night.",
                                  "Sie braucht Ruhe.": "It needs rest.", EDITED: "Drink enough water."})
    path = leber.root / "translations/en/leber.po"
    stop, log = tmp_path / "stop", tmp_path / "log"
    reviewer = subprocess.Popen([sys.executable, "-c", REVIEWER, str(path), "inplace-slow", str(stop), str(log)])
    try:
        for trial in range(6):
            leber.write("source_de/leber.md", LEBER + f"\nSatz Nummer {trial}.\n")
            outcome = leber.runner.invoke(main, ["-C", str(leber.root), "extract"])
            assert outcome.exit_code in (0, 2), outcome.output  # 2: the file kept changing; run again
    finally:
        stop.touch()
        reviewer.wait(timeout=HUNG)
    leber.run("extract")
    po = polib.pofile(str(path))
    assert po.find("Die Leber arbeitet nachts.").msgstr == "The liver works at night."
    assert po.find("Sie braucht Ruhe.").msgstr == "It needs rest."
    assert po.find(EDITED).msgstr == edit(int(log.read_text()))
    msgfmt_check(path)


def test_an_empty_catalog_is_an_error_for_build_and_made_again_by_extract(leber):
    path = leber.root / "translations/en/leber.po"
    made = path.read_bytes()
    path.write_bytes(b"")  # emptied for good (a crash), not for an instant (test above)
    result = leber.run("build", code=2)
    assert "translations/en/leber.po: catalog is empty" in result.output
    assert path.read_bytes() == b""
    leber.run("extract")
    assert path.read_bytes() == made


def test_a_half_written_file_is_read_again_once_its_editor_is_done(tmp_path):
    from pipeline.errors import VerlagError
    from pipeline.fsutil import rewrite

    path = tmp_path / "x.po"
    path.write_bytes(b"")  # truncated by an in-place save that has not written yet

    def finish_later() -> None:
        time.sleep(0.2)
        path.write_bytes(b"complete\n")

    def update(data: bytes) -> bytes:
        if not data.endswith(b"\n"):
            raise VerlagError("does not parse", path)
        return data + b"draft\n"

    import threading

    writer = threading.Thread(target=finish_later)
    writer.start()
    assert rewrite(path, update) == b"complete\ndraft\n"
    writer.join()
    path.write_bytes(b"broken")
    with pytest.raises(VerlagError):
        rewrite(path, update)
    assert path.read_bytes() == b"broken", "a file that does not parse is never written back"


def test_a_thread_asking_for_a_logger_while_another_runs_the_first_logger_hooks_waits_for_them(monkeypatch):
    """``pipeline.logger`` from two threads: the second gets its logger only once the hook the first is running
    has run (else its warning would go out before the command line prints warnings), and each hook runs once."""
    import threading

    import pipeline

    entered, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def slow(log):
        entered.set()
        release.wait(30)  # a bound for a broken lock only; the test sets it
        ran.append("slow")

    monkeypatch.setattr(pipeline, "ON_FIRST_LOGGER", [slow, lambda log: ran.append("second")])
    seen: list[list[str]] = []
    first = threading.Thread(target=pipeline.logger, args=("pipeline.first",))
    second = threading.Thread(target=lambda: (pipeline.logger("pipeline.second"), seen.append(list(ran))))
    first.start()
    assert entered.wait(30)
    second.start()
    second.join(0.5)  # time for a second thread that does not wait to return before the hook has run
    release.set()
    first.join()
    second.join()
    assert seen == [["slow", "second"]]
    assert ran == ["slow", "second"] and pipeline.ON_FIRST_LOGGER == []



def test_two_writers_replacing_a_named_pipe_at_the_lock_file_never_both_hold_the_lock(leber, monkeypatch):
    """``lock._replace_no_file`` removed whatever was at .verlag/lock once it had seen a named pipe there: a second
    verlag that replaced the pipe in between and took the lock on its new file lost that file to the first, which
    then took a lock of its own on another file, so both wrote the project at once. Here this process sees the
    pipe, then waits (at most 3 s) while a real second verlag starts; at no moment may both hold the lock."""
    import select

    import pipeline.lock
    from pipeline.config import load_config
    from pipeline.errors import VerlagError

    lock = leber.root / ".verlag" / "lock"
    lock.parent.mkdir(exist_ok=True)
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    code = ("import sys; from pathlib import Path; from pipeline.config import load_config; "
            "from pipeline.lock import project_lock\n"
            f"with project_lock(load_config(Path({str(leber.root)!r}))):\n"
            "    print('held', flush=True); sys.stdin.read()")
    other: list[subprocess.Popen] = []
    other_held = []
    real = pipeline.lock.regular

    def regular_then_the_other_starts(path, ref=None):
        try:
            return real(path, ref)
        finally:
            if not other:  # this process has looked at the pipe: the other verlag starts now
                other.append(subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                              stdout=subprocess.PIPE, text=True))
                if select.select([other[0].stdout], [], [], 3)[0]:
                    other_held.append(other[0].stdout.readline().strip() == "held")

    monkeypatch.setattr(pipeline.lock, "regular", regular_then_the_other_starts)
    try:
        with pipeline.lock.project_lock(load_config(leber.root), wait=False):
            assert not any(other_held), "both verlags hold the project lock"
            assert other[0].poll() is None and not select.select([other[0].stdout], [], [], 0.3)[0], \
                "the other verlag waits while this one holds the lock"
    except VerlagError as exc:  # the other one holds it: this one stops, as a second writer does
        assert "another verlag is running on this project" in exc.message, exc.message
        if not other_held:  # it took the lock but had not said so within 3 s (a loaded machine): it says so now
            assert select.select([other[0].stdout], [], [], 60)[0], "the other verlag never said it holds the lock"
            other_held.append(other[0].stdout.readline().strip() == "held")
        assert all(other_held), "the lock this one was refused is held by the other verlag"
    finally:
        other[0].stdin.close()
        assert other[0].wait(timeout=HUNG) == 0
    assert lock.is_file()


def test_the_lock_is_taken_where_a_folder_cannot_be_locked(leber, monkeypatch):
    """NFS emulates ``flock`` with byte-range locks, which need a file open for writing: a folder's fails (EBADF).
    There the lock file is made (and a named pipe in its place replaced) without the folder's lock, as before."""
    import errno
    import fcntl
    import stat

    import pipeline.lock
    from pipeline.config import load_config

    real = fcntl.flock

    def like_nfs(fd, operation):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return real(fd, operation)

    monkeypatch.setattr(pipeline.lock.fcntl, "flock", like_nfs)
    lock = leber.root / ".verlag" / "lock"
    lock.parent.mkdir(exist_ok=True)
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    with pipeline.lock.project_lock(load_config(leber.root), wait=False):
        assert lock.is_file()


ENGLISH_LEBER = """---
title: Liver
---

The liver works at night. It needs rest.
Drink enough water.
"""


@pytest.mark.parametrize("moment", ["after the merge", "in the instant before the swap"])
@pytest.mark.parametrize("command", ["extract", "pretranslate", "import --translation-of"])
def test_a_reviewers_save_while_a_command_merges_the_catalog_is_kept_and_merged(leber, monkeypatch, command, moment):
    """The reviewer saves the catalog in Poedit (temp file and rename) while verlag has read and merged it and not
    yet replaced it: after the merge was made (its temp copy being written), or in the instant between verlag's
    last look and its atomic swap. The reviewer's save is in the file afterwards, and so is the command's work,
    merged into it; the catalog passes msgfmt --check."""
    from pipeline import fsutil

    path = leber.root / "translations/en/leber.po"
    if command == "extract":
        leber.write("source_de/leber.md", LEBER + "\nSchlafen Sie gut.\n")
        args, done = ["extract"], lambda po: po.find("Schlafen Sie gut.") is not None
    elif command == "pretranslate":
        args = ["pretranslate", "--engine", "pseudo", "--lang", "en"]
        done = lambda po: po.find("Sie braucht Ruhe.").msgstr != ""  # noqa: E731
    else:
        translation = leber.write("liver.md", ENGLISH_LEBER)
        args = ["import", "--lang", "en", "--translation-of", "leber", str(translation)]
        done = lambda po: po.find("Die Leber arbeitet nachts.").msgstr == "The liver works at night."  # noqa: E731
    saved = []

    def reviewer_saves() -> None:
        po = polib.pofile(str(path))
        entry = po.find(EDITED)
        entry.msgstr = "Drink plenty of water."
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        tmp = path.with_name("leber.po.poedit")
        tmp.write_bytes(po.__unicode__().encode("utf-8"))
        os.replace(tmp, path)
        saved.append(path.read_bytes())

    hooked, name = (("_temp_copy", "after the merge"), ("_exchange", "in the instant before the swap"))[
        moment != "after the merge"]
    real = getattr(fsutil, hooked)

    def hook(target: Path, *rest):
        if not saved and Path(target if hooked == "_temp_copy" else rest[0]) == path:
            reviewer_saves()
        return real(target, *rest)

    monkeypatch.setattr(fsutil, hooked, hook)
    result = leber.run(*args)
    assert saved, f"the catalog was never swapped {name}: {result.output}"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    entry = po.find(EDITED)
    assert entry.msgstr == "Drink plenty of water." and not entry.fuzzy, "the reviewer's save is kept"
    assert done(po), f"and the command's work is merged into it: {result.output}"
    assert not temp_files(leber.root)


def save_large(path: Path) -> None:
    """A reviewer's save of 300 MB (a sparse file: no disk used, but 300 MB of memory if read whole)."""
    tmp = path.with_name("poedit.tmp")
    tmp.write_bytes(b"reviewer\n")
    os.truncate(tmp, 300 << 20)
    os.replace(tmp, path)


@pytest.mark.parametrize("when", ["while merging", "in the instant before the swap", "while putting a save back"])
def test_a_save_larger_than_the_limit_is_named_and_left_in_the_file_unread(tmp_path, monkeypatch, when):
    """``rewrite`` read the file within its limit, but the save that landed after (compared before the swap, or
    taken out by it, or found where a save it could not merge was put back) was read whole: a 300 MB file saved
    there in the meantime was read into memory. It is named now (the limit's error), never read, and left where
    it was saved."""
    import resource

    from pipeline import fsutil
    from pipeline.errors import VerlagError
    from pipeline.limits import CATALOG

    path = tmp_path / "x.po"
    path.write_bytes(b"base\n")
    exchange = fsutil._exchange

    def late_save(a: Path, b: Path) -> bool:
        save_large(b)
        monkeypatch.setattr(fsutil, "_exchange", exchange)
        return exchange(a, b)

    def small_save(a: Path, b: Path) -> bool:  # a save verlag swaps out, then cannot merge
        save_as_reviewer(b, b"base\nreviewer\n")
        monkeypatch.setattr(fsutil, "_exchange", exchange)
        return exchange(a, b)

    def update(data: bytes) -> bytes:
        if when == "while merging":
            save_large(path)
        if when == "while putting a save back" and b"reviewer" in data:
            save_large(path)
            raise VerlagError("cannot be merged", "x.po")
        return data + b"draft\n"

    if when != "while merging":
        monkeypatch.setattr(fsutil, "_exchange", small_save if when == "while putting a save back" else late_save)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(VerlagError, match=r"^x\.po: 300\.0 MB is more than verlag reads of a catalog"):
        fsutil.rewrite(path, update, limit=CATALOG, ref="x.po")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10  # KB
    assert path.stat().st_size == 300 << 20
    with open(path, "rb") as file:
        assert file.read(9) == b"reviewer\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.po"]


def test_entries_a_save_deletes_while_extract_merges_come_back_from_its_record(leber, monkeypatch):
    """A reviewer's save that lands while extract writes the catalog, holding part of it (``msgattrib
    --only-fuzzy``, an editor's partial save: a reviewed entry gone), is merged again in the writing process, with the
    catalog as the last extract left it: the reviewed translation comes back, as it does when no save races. That
    merge took the record for the template text (a positional argument one place off), so it had none."""
    from pipeline import fsutil

    path = leber.root / "translations/en/leber.po"
    po = polib.pofile(str(path))
    po.find("Die Leber arbeitet nachts.").msgstr = "The liver works at night."
    po.save(str(path))
    leber.run("extract")
    leber.write("source_de/leber.md", LEBER + "\nSchlafen Sie gut.\n")
    saved = []

    def partial_save() -> None:
        po = polib.pofile(str(path))
        po.remove(po.find("Die Leber arbeitet nachts."))
        tmp = path.with_name("leber.po.part")
        tmp.write_bytes(po.__unicode__().encode("utf-8"))
        os.replace(tmp, path)
        saved.append(True)

    real = fsutil._temp_copy

    def hook(target: Path, *rest):
        if not saved and Path(target) == path:
            partial_save()
        return real(target, *rest)

    monkeypatch.setattr(fsutil, "_temp_copy", hook)
    result = leber.run("extract")
    assert saved, result.output
    msgfmt_check(path)
    entry = polib.pofile(str(path)).find("Die Leber arbeitet nachts.")
    assert entry is not None and entry.msgstr == "The liver works at night." and not entry.fuzzy, result.output
    # one translation: "it" (the message counts its entries since gnuT)
    assert "brought back as the last extract left it (from .verlag/extracted/en/leber.catalog)" in result.output

"""The ``verlag`` command (``[project.scripts]`` in pyproject.toml) and ``python -m verlag``: ``cli``'s command line.

``cli`` (click, the pipeline's first modules: about 0.1 s) is imported inside ``main``, so that Ctrl-C while
Python loads it ends the command as Ctrl-C anywhere in a command does (``cli.VerlagGroup``): "interrupted"
and exit status 130, not a traceback.
"""

import gc
import os
import sys

INTERRUPTED = 130  # 128 + SIGINT, as cli.INTERRUPTED


def main() -> None:
    """Run the command line of ``sys.argv``; exits with its status (130 after Ctrl-C while loading it)."""
    # What is imported lives as long as the process: no collection walks it while it loads (17 of them, 2.5 ms of
    # a no-op extract), and it is frozen before collections resume (``cli.main`` freezes once a process too).
    gc.disable()
    try:
        from cli import main as command
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(INTERRUPTED)
    finally:
        gc.freeze()
        gc.enable()
    command(prog_name="verlag")


if __name__ == "__main__":
    # ``python -m`` puts the folder it is run in first on sys.path: a content project may hold a cli.py or
    # pipeline.py of its own. verlag's modules come from where this file is, as for the console script (whose
    # first entry is its bin folder); ``python -P`` (safe_path) adds no such entry.
    if not sys.flags.safe_path and sys.path and sys.path[0] == os.getcwd() and \
            os.path.realpath(sys.path[0]) != os.path.dirname(os.path.realpath(__file__)):
        del sys.path[0]
    main()

"""The ``verlag`` command (``[project.scripts]`` in pyproject.toml) and ``python -m verlag``: ``cli``'s command line.

``cli`` (click, the pipeline's first modules: about 0.1 s) is imported inside ``main``, so that Ctrl-C while
Python loads it ends the command as Ctrl-C anywhere in a command does (``cli.VerlagGroup``): "interrupted"
and exit status 130, not a traceback.
"""

import sys

INTERRUPTED = 130  # 128 + SIGINT, as cli.INTERRUPTED


def main() -> None:
    """Run the command line of ``sys.argv``; exits with its status (130 after Ctrl-C while loading it)."""
    try:
        from cli import main as command
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(INTERRUPTED)
    command(prog_name="verlag")


if __name__ == "__main__":
    main()

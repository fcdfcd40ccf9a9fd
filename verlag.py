"""``python -m verlag``: the same command line as the ``verlag`` script."""

from cli import main

if __name__ == "__main__":
    main(prog_name="verlag")

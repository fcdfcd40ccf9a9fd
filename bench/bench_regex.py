#!/usr/bin/env python
"""Time every module-level regex of pipeline/ on adversarial input, at N and 2N characters.

    python bench/bench_regex.py [--size 4000] [--module check]

Each compiled pattern is run with ``findall`` over texts made of one piece repeated (spaces, backticks,
"<!--", "[(", "a.", backslash-quote, ...) with and without a character at the end that stops a match.
Printed per pattern: the slowest CPU time at 2N and at N; a ratio near 2 is linear, 4 quadratic, 8 cubic.
A pattern applied with ``match`` at one place (not searched) may show quadratic here and be linear in use:
read where it is used before changing it. The hostile review that wrote this found with it
``check._CODE_SPAN`` (cubic) and ``check._ABBREVIATION_END`` and ``markup._HTML_TAG``'s comment (quadratic
where searched); round 4 ``notesyntax``'s highlight and code span, ``segment.TEMPLATE_TAG_RE``,
``importer.HUGO_REF_DESTINATION_RE`` and ``importer_html``'s shortcodes; end-to-end figures are in
tests/test_hostile.py's docstrings.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pipeline  # noqa: E402

PIECES = ["a", " ", " \t", "\n", "<", "<a ", "<a b", "<!--", "<?", "[", "[(", "(", "](", "\\", '\\"', '"', "*", "_",
          "`", "a.", "1.", "1,", "ä.", "a b ", "e.g. ", "{{", "{%", "%(", "&", "x@", "://", "www.", "-", "#~| ",
          "==a ", "{{< ", "]({{< ref x ", "[a ", "[caption]"]
ENDINGS = ("", "!", "\x00")


def worst(pattern: re.Pattern, size: int) -> tuple[float, float, str]:
    """(CPU seconds at 2N, at N, the piece) for the slowest input."""
    found = (0.0, 0.0, "")
    for piece in PIECES:
        for ending in ENDINGS:
            times = []
            for n in (size, 2 * size):
                text = piece * (n // len(piece)) + ending
                start = time.process_time()
                pattern.findall(text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text)
                times.append(time.process_time() - start)
            if times[1] > found[0]:
                found = (times[1], times[0], piece + ending)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=4000, help="N, characters (default 4000)")
    parser.add_argument("--module", help="only this module of pipeline/")
    args = parser.parse_args()
    for info in pkgutil.iter_modules(pipeline.__path__):
        if args.module and info.name != args.module:
            continue
        module = importlib.import_module(f"pipeline.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                big, small, piece = worst(value, args.size)
                ratio = big / small if small > 1e-4 else 0.0
                print(f"{info.name}.{name}: {big:.3f} s at {2 * args.size}, {small:.3f} s at {args.size}"
                      f" (x{ratio:.1f}), piece {piece!r}", flush=True)


if __name__ == "__main__":
    main()

"""Typed errors that carry the file and line a person has to look at."""

from __future__ import annotations

from pathlib import Path


class VerlagError(Exception):
    """Bad input or bad usage: reported as ``error: path:line: message``, exit 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ManyErrors(VerlagError):
    """Several independent bad inputs, reported together so one run shows them all."""

    def __init__(self, errors: list[VerlagError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: list[VerlagError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ManyErrors(errors)

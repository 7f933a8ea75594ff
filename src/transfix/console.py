"""Where messages go: one-line errors and warnings on standard error, colour only on a terminal.

On a terminal a rich Console; elsewhere (pre-commit and CI logs, pipes) a plain writer, so that
logs get the lines as they are (never wrapped, no markup or emoji codes read into paths) and a
run does not import rich at all.
"""

from __future__ import annotations

import sys
from typing import TextIO


class Plain:
    """The part of rich's Console the commands use, for a stream that is not a terminal."""

    is_terminal = False

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def print(self, value: object = "", **_options) -> None:
        self._stream.write(f"{value}\n")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # replaced or closed streams
        return False


def stdout():
    if not _is_terminal(sys.stdout):
        return Plain(sys.stdout)
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def stderr():
    if not _is_terminal(sys.stderr):
        return Plain(sys.stderr)
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def say(console, line: str, style: str = "") -> None:
    """One line, in `style` on a terminal."""
    if console.is_terminal and style:
        from rich.text import Text

        console.print(Text(line, style=style), markup=False)
    else:
        console.print(line, markup=False, emoji=False)


def error(message: str) -> None:
    from .report import utf8_path  # a file name's bytes that are not UTF-8, written \xNN

    say(stderr(), f"transfix: {utf8_path(message)}", "red")

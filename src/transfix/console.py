"""Where messages go: one-line errors and warnings on standard error, colour only on a terminal."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.text import Text


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    stderr().print(Text(f"transfix: {message}", style="red" if sys.stderr.isatty() else ""))

"""The `transfix` console script: answers `--version` before the command line's parser is imported.

Tools and hooks ask `transfix --version` on every run; importing typer and the commands costs
several times a bare Python start, the answer costs nothing.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"transfix {__version__}")
        return
    from .cli import main as cli_main

    cli_main()

"""Start-up: what a pre-commit hook pays on every commit.

    python benchmarks/bench_startup.py [--runs 15] [--instructions]

Runs each command `--runs` times, alternating them so that a busy machine slows all alike, and
prints the median wall time and its ratio to a bare `python -c pass`: `transfix --version`,
`transfix check --grammar off` on a one-line file and on a 540-byte paragraph, and codespell on
the same file when it is installed. The first run of each is a warm-up (it may rebuild the rule
cache after an edit of the packs, and writes Python's bytecode) and is not counted.

Python's bytecode cache is on for these runs, as on a user's machine (pip compiles an installed
package; an editable install writes __pycache__ on first use): PYTHONDONTWRITEBYTECODE, set on
some CI machines, would make every run compile transfix from source and measure that instead.

`--instructions` also counts the instructions each command executes, once, under valgrind's
callgrind (when installed): unlike wall time, the count does not move with the machine's load, so
two commits can be compared on a busy machine (about 1e9 instructions take 0.3 s on an idle core).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = "The minister told the point of sale that the price would rise.\n"
PARAGRAPH = (
    "The committee met again on Tuesday to discuss the budget, and members agreed to publish the "
    "figures. Officials said the talks with Beijing would resume next week, after a pause of "
    "several months. Residents welcomed the new library hours, and the council said the change "
    "would cost little. The mayor thanked the volunteers who had kept the branch open during the "
    "winter, and promised that the reading room would stay open on Sundays until the end of the "
    "year, whatever the outcome of the vote on the county's budget.\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instructions", action="store_true", help="count instructions under callgrind")
    args = parser.parse_args()
    # The console script beside this interpreter (a venv's bin/): a version manager's shim on PATH
    # (pyenv's is a shell script) would add its own start-up to every figure.
    beside = Path(sys.executable).parent / "transfix"
    transfix = str(beside) if beside.is_file() else shutil.which("transfix")
    if not transfix:
        sys.exit("transfix is not installed (pip install -e .)")
    with tempfile.TemporaryDirectory() as folder:
        line, paragraph = Path(folder, "line.txt"), Path(folder, "paragraph.txt")
        line.write_text(LINE, encoding="utf-8")
        paragraph.write_text(PARAGRAPH, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "transfix --version": [transfix, "--version"],
            "check --grammar off, one line": [transfix, "check", "--grammar", "off", "--no-config", str(line)],
            f"check --grammar off, {len(PARAGRAPH)} bytes": [
                transfix, "check", "--grammar", "off", "--no-config", str(paragraph)],
        }
        codespell = str(Path(sys.executable).parent / "codespell") if (Path(sys.executable).parent / "codespell").is_file() else shutil.which("codespell")
        if codespell:
            commands["codespell, same paragraph"] = [codespell, str(paragraph)]
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs + 1):
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=environment)
                if run:
                    times[name].append(time.perf_counter() - started)
        counts = {name: instructions(command, environment) for name, command in commands.items()} if args.instructions else {}
    bare = statistics.median(times["python -c pass"])
    print(f"median of {args.runs} runs (wall seconds)")
    for name, values in times.items():
        median = statistics.median(values)
        count = counts.get(name)
        shown = f"  {count / 1e6:8.0f} M instructions" if count else ""
        print(f"{name:40} {median:6.3f} s  {median / bare:5.1f}x bare Python{shown}")


def instructions(command: list[str], environment: dict[str, str]) -> int | None:
    """Instructions the command executes, counted by callgrind (None without valgrind)."""
    valgrind = shutil.which("valgrind")
    if not valgrind:
        return None
    done = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment, check=False)
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip())
    return None


if __name__ == "__main__":
    main()

"""Batch throughput: `transfix fix --write` (or `check --grammar off`) over a generated tree of
Markdown files.

    python benchmarks/bench_batch.py [--files 10000] [--command fix|check] [--tiny]

Prints files per second, MB/s and peak memory (RSS of the largest process) for --jobs 1 and
--jobs <all cores>, each on a fresh copy of the tree. `--tiny` makes every file one short line
(where the cost of handing files to workers shows).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = [
    "The committee met again on Tuesday to discuss the budget, and members agreed to publish the figures.",
    "Officials said the talks with Beijing would resume next week, after a pause of several months.",
    "They hid the report behind payment walls, a deal worth $ 600 billion ( AP )).",
    "The RPC diplomats declined to comment on the rare lands dispute, according to people in Beijing.",
    "Residents welcomed the new library hours, and the council said the change would cost little.",
]


def make_tree(root: Path, files: int, rng: random.Random, tiny: bool = False) -> int:
    size = 0
    for index in range(files):
        folder = root / f"section{index % 50:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if tiny:
            text = f"Note {index}: {rng.choice(PARAGRAPHS)}\n"
            (folder / f"note{index:06d}.md").write_text(text, encoding="utf-8")
            size += len(text.encode())
            continue
        body = "\n\n".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(8, 20)))
        text = f"---\ntitle: Post {index}\n---\n\n# Post {index}\n\n{body}\n\n```\npayment walls in code\n```\n"
        (folder / f"post{index:05d}.md").write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size


def run(tree: Path, jobs: int, command: str) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    action = ["fix", "--write"] if command == "fix" else ["check", "--grammar", "off"]
    finished = subprocess.run([sys.executable, "-m", "transfix", *action, "--jobs", str(jobs), "--no-config", str(tree)],
                              capture_output=True)
    if finished.returncode not in (0, 1):  # check exits 1 when it finds something
        sys.exit(finished.stderr.decode(errors="replace"))
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--command", choices=("fix", "check"), default="fix")
    parser.add_argument("--tiny", action="store_true", help="one short line a file")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "source"
        size = make_tree(source, args.files, random.Random(3), args.tiny)
        print(f"# {time.strftime('%Y-%m-%d')}  {args.command}: {args.files:,} {'one-line' if args.tiny else ''} "
              f"Markdown files, {size / 1e6:.1f} MB, {cores} cores")
        for jobs in sorted({1, cores}):
            tree = Path(scratch) / f"jobs{jobs}"
            shutil.copytree(source, tree)
            elapsed, peak_kb = run(tree, jobs, args.command)
            print(f"--jobs {jobs:<3} {elapsed:7.1f} s  {args.files / elapsed:8.1f} files/s  "
                  f"{size / 1e6 / elapsed:6.2f} MB/s  peak RSS {peak_kb / 1024:6.0f} MB")


if __name__ == "__main__":
    main()

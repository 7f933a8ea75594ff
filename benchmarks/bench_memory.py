"""Peak memory of `transfix check --grammar off FILE` as one file grows (issue 12's memory goal).

    python benchmarks/bench_memory.py [--sizes 1 4 16] [--kinds text ascii markdown]

The files are built from corpus/clean/wikipedia-cc0.txt (CC0): the sentences as they are
("text"), made ASCII ("ascii"), and a Markdown document of them with headings, lists, links,
inline code and fenced code ("markdown"). Each run is its own process, which reports its own
peak RSS. The slope between the smallest and the largest file is what the goal bounds: at most
4 MB of memory for each MB of input, over a constant (the compiled rules and the phrase automaton,
loaded once whatever the input).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENTENCES = (HERE.parent / "corpus" / "clean" / "wikipedia-cc0.txt").read_text(encoding="utf-8").split("\n")
SENTENCES = [s for s in SENTENCES if s.strip()]
MEASURE = (
    "import resource, runpy, sys\n"
    "sys.argv = ['transfix', 'check', '--grammar', 'off', '--format', 'json', sys.argv[1]]\n"
    "try:\n    runpy.run_module('transfix', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "sys.stderr.write('peak %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def ascii_only(sentence: str) -> str:
    return unicodedata.normalize("NFKD", sentence).encode("ascii", "ignore").decode()


def markdown_unit(index: int) -> str:
    body = SENTENCES[index % len(SENTENCES)]
    nxt = SENTENCES[(index + 1) % len(SENTENCES)]
    return (f"## Section {index}\n\n- {body} See [the page](https://example.org/p/{index}) and "
            f"`code_{index}()`.\n\n```python\nx = compute({index})  # the price\n```\n\n{nxt}\n\n")


def build(kind: str, megabytes: int, folder: Path) -> Path:
    target = megabytes * 1024 * 1024
    parts, size, index = [], 0, 0
    while size < target:
        if kind == "markdown":
            part = markdown_unit(index)
        else:
            sentence = SENTENCES[index % len(SENTENCES)]
            part = (ascii_only(sentence) if kind == "ascii" else sentence) + "\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        index += 1
    path = folder / f"{kind}-{megabytes}.{'md' if kind == 'markdown' else 'txt'}"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def peak_mb(path: Path) -> float:
    run = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=False)
    lines = [line for line in run.stderr.splitlines() if line.startswith("peak ")]
    if not lines:
        raise SystemExit(f"bench_memory: the run on {path.name} failed: {run.stderr.strip()[-300:]}")
    return int(lines[-1].split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], help="file sizes in MB")
    parser.add_argument("--kinds", nargs="+", default=["text", "ascii", "markdown"],
                        choices=["text", "ascii", "markdown"])
    args = parser.parse_args()
    print("kind      " + "".join(f"{size:>6} MB" for size in args.sizes) + "   MB a MB (largest over smallest)   goal <= 4")
    with tempfile.TemporaryDirectory(prefix="transfix-mem-") as folder:
        for kind in args.kinds:
            peaks = []
            for size in args.sizes:
                path = build(kind, size, Path(folder))
                peaks.append(peak_mb(path))
                path.unlink()
            slope = (peaks[-1] - peaks[0]) / max(1, args.sizes[-1] - args.sizes[0])
            verdict = "met" if slope <= 4 else "NOT met"
            print(f"{kind:<10}" + "".join(f"{peak:>9.0f}" for peak in peaks) + f"   {slope:>10.1f}   {verdict}")


if __name__ == "__main__":
    main()

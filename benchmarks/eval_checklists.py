"""How much of each checklist's damage transfix catches (corpus/checklists/).

    python benchmarks/eval_checklists.py [--without-own] [--misses NAME]

A checklist is a domain's English phrasing as it comes back from a round trip through French,
written as damaged news sentences of our own (one per line, the expected English after a tab and
"# expected:"); its header names the pack written from it. Each line goes through
`Engine(select=["fr", "common"], assume_roundtrip=True)` and counts as caught when any rule
reports on it. `--without-own` leaves out the checklist's own pack: what the other rules catch of
a domain, the nearest thing here to damage nobody wrote a rule from (a new checklist, counted
before its pack exists, is the real measure; see README, "fourth session"). `--misses NAME` lists
what a checklist's lines still miss. Needs nothing outside the project.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from transfix import Engine

HERE = Path(__file__).resolve().parent
CHECKLISTS = HERE.parent / "corpus" / "checklists"
_PACK = re.compile(r"Pack written from it: (\S+)")


def read(path: Path) -> tuple[str | None, list[tuple[str, str]]]:
    """The pack named in the header, and (damaged sentence, expected English) per line."""
    pack, lines = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            found = _PACK.search(line)
            pack = found.group(1) if found else pack
            continue
        if line.strip():
            damaged, _, expected = line.partition("\t# expected:")
            lines.append((damaged.strip(), expected.strip()))
    return pack, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--without-own", action="store_true", help="leave out each checklist's own pack")
    parser.add_argument("--misses", metavar="NAME", help="list the missed lines of one checklist")
    args = parser.parse_args()
    shared = Engine(select=["fr", "common"], assume_roundtrip=True)
    total = caught_total = 0
    print(f"{'checklist':<12} {'lines':>6} {'caught':>7} {'share':>7}")
    for path in sorted(CHECKLISTS.glob("*.txt")):
        pack, lines = read(path)
        engine = shared
        if args.without_own and pack:
            engine = Engine(select=["fr", "common"], ignore=[pack], assume_roundtrip=True)
        caught = 0
        for damaged, expected in lines:
            if engine.check(damaged):
                caught += 1
            elif args.misses == path.stem:
                print(f"  miss: {damaged}  -> {expected}")
        total += len(lines)
        caught_total += caught
        print(f"{path.stem:<12} {len(lines):>6} {caught:>7} {caught / len(lines):>7.1%}")
    print(f"{'all':<12} {total:>6} {caught_total:>7} {caught_total / max(total, 1):>7.1%}")


if __name__ == "__main__":
    main()

"""Blind recall: rules measured on damage written before anyone read them (corpus/blind/).

    python benchmarks/eval_blind.py [CHECKLIST ...] [--packs PACK ...] [--misses]

A blind checklist holds damaged news sentences as a round trip through French returns them, one
per line (the expected English after a tab and "# expected:"), split into classes by comment
lines (`# prepositions`, `# false friends` ...); the first line, `# Checklist: ...`, says who
wrote it and when. For each class it prints the number of lines, how many get any finding from
`Engine(select=["fr", "common"], assume_roundtrip=True)`, how many get a finding from one of the
packs named by `--packs`, and how many the other rules catch with those packs ignored. With no
checklist named it reads corpus/blind/grammar.txt with the four grammar packs of the sixteenth
session (fr.prepositions-classic, fr.articles-classic, fr.wordorder-classic, fr.aspect-classic).
`--half odd` (`even`) reads only the 1st, 3rd, 5th ... (2nd, 4th ...) line of each class: a
checklist split so that rules are written from the misses of one half and measured on the other.
`--misses` lists the lines no rule catches. Needs nothing outside the project.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from transfix import Engine

CHECKLIST = Path(__file__).resolve().parents[1] / "corpus" / "blind" / "grammar.txt"
PACKS = ["fr.prepositions-classic", "fr.articles-classic", "fr.wordorder-classic", "fr.aspect-classic"]


def read(path: Path) -> dict[str, list[str]]:
    """The damaged sentences of each class (a `# name` line opens one), in file order."""
    found: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            name = line.lstrip("#").strip()
            if not name.startswith("Checklist:"):
                current = name
            continue
        if line.strip() and current:
            found.setdefault(current, []).append(line.partition("\t# expected:")[0].strip())
    return found


def measure(path: Path, full: Engine, without: Engine, packs: list[str], half: str | None) -> list[tuple[str, str]]:
    """Print one checklist's table; return the lines no rule catches, with their class."""
    prefixes = tuple(p + "." for p in packs)
    print(path.name)
    print(f"{'class':<18} {'lines':>6} {'all':>5} {'packs':>6} {'without':>8}")
    totals = [0, 0, 0, 0]
    missed = []
    for name, lines in read(path).items():
        if half:
            lines = lines[0 if half == "odd" else 1 :: 2]
        row = [len(lines), 0, 0, 0]
        for line in lines:
            findings = full.check(line)
            row[1] += bool(findings)
            row[2] += any(f.rule.startswith(prefixes) for f in findings)
            row[3] += bool(without.check(line))
            if not findings:
                missed.append((name, line))
        totals = [t + r for t, r in zip(totals, row)]
        print(f"{name:<18} {row[0]:>6} {row[1]:>5} {row[2]:>6} {row[3]:>8}")
    print(f"{'total':<18} {totals[0]:>6} {totals[1]:>5} {totals[2]:>6} {totals[3]:>8}")
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checklists", nargs="*", type=Path, default=[CHECKLIST], help="blind checklist files")
    parser.add_argument("--packs", nargs="+", default=PACKS, help="packs counted apart (default: the four grammar packs)")
    parser.add_argument("--half", choices=["odd", "even"], help="only every other line of each class")
    parser.add_argument("--misses", action="store_true", help="list the lines no rule catches")
    args = parser.parse_args()
    full = Engine(select=["fr", "common"], assume_roundtrip=True)
    without = Engine(select=["fr", "common"], ignore=args.packs, assume_roundtrip=True)
    for checklist in args.checklists:
        missed = measure(checklist, full, without, args.packs, args.half)
        if args.misses:
            for name, line in missed:
                print(f"  miss [{name}]: {line}")


if __name__ == "__main__":
    main()

"""The blind checklists of corpus/blind/: well formed, and still caught at least as well as measured.

Each was written before its writer read any rule (benchmarks/eval_blind.py prints the figures). The
floors sit a few lines under what the rules caught when the file was last measured, so a rule
narrowed for precision passes and a class of rules lost does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import script

from transfix import Engine

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "corpus" / "blind"
# Lines caught by all French and common rules, least allowed (of 200 each).
FLOORS = {
    "english-c.txt": 178,
    "english-d.txt": 178,
    "english-e.txt": 184,
    "english-f.txt": 66,
    "english-g.txt": 115,
    "grammar.txt": 108,
    "grammar2.txt": 124,
    "lexical-a.txt": 190,
    "lexical-b.txt": 182,
}


def _read(path: Path) -> dict[str, list[str]]:
    return script("benchmarks/eval_blind.py").read(path)


def test_every_blind_checklist_has_a_floor():
    assert sorted(FLOORS) == sorted(path.name for path in BLIND.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_blind_checklist_is_well_formed(name):
    text = (BLIND / name).read_text(encoding="utf-8")
    assert text.startswith("# Checklist: ") and "blind" in text.splitlines()[0]
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) == 200
    assert all(len(row.split("\t# expected: ")) == 2 for row in rows)
    classes = _read(BLIND / name)
    assert len(classes) >= 4 and sum(map(len, classes.values())) == 200


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(select=["fr", "common"], assume_roundtrip=True)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_blind_checklist_is_still_caught(engine, name):
    lines = [line for lines in _read(BLIND / name).values() for line in lines]
    caught = sum(1 for line in lines if engine.check(line))
    assert caught >= FLOORS[name], f"{name}: {caught} of {len(lines)}"

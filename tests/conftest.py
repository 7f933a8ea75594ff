from __future__ import annotations

from pathlib import Path

import pytest

import transfix

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def engine() -> transfix.Engine:
    return transfix.Engine()


@pytest.fixture(scope="session")
def seed_text() -> str:
    seed_dir = SHARED / "seed"
    files = sorted(seed_dir.glob("*.txt")) if seed_dir.is_dir() else []
    if not files:
        pytest.skip("../shared/seed is not present on this machine")
    return files[0].read_text(encoding="utf-8")

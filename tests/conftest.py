from __future__ import annotations

import contextlib
import importlib.util
import os
from pathlib import Path

import pytest

import transfix

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


def script(relative: str):
    """A script of the project (benchmarks/, tools/) loaded as a module, to test what it computes."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


@contextlib.contextmanager
def environ(**changes: str | None):
    """Set (a value) or unset (None) environment variables for a block, then put them back: for
    module-scoped fixtures, which cannot use monkeypatch."""
    saved = {key: os.environ.get(key) for key in changes}
    try:
        for key, value in changes.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

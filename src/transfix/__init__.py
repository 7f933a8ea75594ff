"""transfix: find and repair the damage machine-translation round trips leave in English text.

>>> import transfix
>>> transfix.repair("Beijing curbed exports of rare lands; the RPC said nothing.", unsafe=True).text
'Beijing curbed exports of rare earths; the PRC said nothing.'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Iterable

# Loaded now (it is small) so that importing it later, as the engine does, cannot rebind the
# package attribute `score` from the function below to the module.
from . import score as _score_module  # noqa: F401

__version__ = "0.1.0"

# The public names are imported on first use (PEP 562), so that `import transfix.cli` or
# `transfix --version` does not pay for the engine, ftfy and the regex module.
_LAZY = {
    "check_many": "batch", "repair_many": "batch", "score_many": "batch",
    "Analysis": "engine", "Engine": "engine", "shared_engine": "engine",
    "InputError": "errors", "RuleError": "errors", "TransfixError": "errors",
    "Finding": "model", "FixLevel": "model", "Repair": "model", "Rule": "model", "Source": "model",
    "Score": "score",
}

if TYPE_CHECKING:  # pragma: no cover
    from .batch import check_many, repair_many, score_many
    from .engine import Analysis, Engine, shared_engine
    from .errors import InputError, RuleError, TransfixError
    from .model import Finding, FixLevel, Repair, Rule, Source
    from .score import Score


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'transfix' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "Analysis", "Engine", "Finding", "FixLevel", "InputError", "Repair", "Rule", "RuleError",
    "Score", "Source", "TransfixError", "check", "check_many", "repair", "repair_many", "score",
    "score_many",
]


def check(text: str, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
          pivots: Iterable[str] = ()) -> list[Finding]:
    """Findings for `text`, using the shipped rules (compiled once per process)."""
    from .engine import shared_engine

    return shared_engine(select=tuple(select), ignore=tuple(ignore), pivots=tuple(pivots)).check(text)


def repair(text: str, *, unsafe: bool = False, strip_boilerplate: bool = False,
           select: Iterable[str] = (), ignore: Iterable[str] = (), pivots: Iterable[str] = ()) -> Repair:
    """Apply safe fixes (and unsafe ones when asked); the rest come back as `pending`.

    `strip_boilerplate` also deletes scraped page boilerplate and lists it in `applied`."""
    from .engine import shared_engine

    engine = shared_engine(select=tuple(select), ignore=tuple(ignore), pivots=tuple(pivots))
    return engine.repair(text, unsafe=unsafe, strip_boilerplate=strip_boilerplate)


def score(text: str, *, pivots: Iterable[str] = ()) -> Score:
    """How likely `text` went through a machine-translation round trip, and through which pivot."""
    from .engine import shared_engine

    return shared_engine(select=(), ignore=(), pivots=tuple(pivots)).score(text)

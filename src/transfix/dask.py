"""Run transfix on a Dask cluster: helpers for Dask Bags and DataFrames.

>>> import dask.bag as db
>>> from transfix.dask import repair_bag
>>> bag = db.from_sequence(["Beijing curbed exports of rare lands; the RPC said nothing."])
>>> repair_bag(bag, unsafe=True).compute()[0]["text"]
'Beijing curbed exports of rare earths; the PRC said nothing.'

Only the engine *options* travel with the tasks. Each worker process builds one `Engine` per
distinct set of options the first time one of its tasks needs it, keeps it in a module-level
cache, and reuses it for every later record, partition and call; the engine itself is never
pickled or sent from the client. Engines are thread-safe, so a worker with several threads shares
one. Rule paths given in the options (`rule_paths`, `extra_rule_paths`) must exist on the
workers.

Dask is an optional extra (`pip install 'transfix[dask]'`; `repair_dataframe` also needs
`dask[dataframe]`), imported only when these helpers are called: `import transfix` never needs it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from .engine import Engine
from .model import Repair

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

__all__ = [
    "check_bag", "clear_engine_cache", "engine_cache_info", "repair_bag", "repair_dataframe",
    "score_bag",
]

# The engines of this process, one per distinct set of options, built on first use.
_ENGINES: dict[Any, Engine] = {}
_ENGINES_LOCK = threading.Lock()
_BUILDS = 0  # engines built by this process since it started (or since clear_engine_cache)


@dataclass(frozen=True)
class EngineOptions:
    """Engine options as they travel inside a task: the keyword arguments and a hashable key.

    An opaque object, so Dask keeps it as data instead of looking inside it for tasks."""

    key: Any
    options: tuple[tuple[str, Any], ...]

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> EngineOptions:
        items = tuple(sorted(options.items()))
        return cls(_freeze(items), items)

    def engine(self) -> Engine:
        """This process's engine for these options, built the first time it is asked for."""
        global _BUILDS
        engine = _ENGINES.get(self.key)
        if engine is not None:
            return engine
        with _ENGINES_LOCK:
            engine = _ENGINES.get(self.key)
            if engine is None:
                engine = Engine(**dict(self.options))
                _ENGINES[self.key] = engine
                _BUILDS += 1
            return engine


def repair_bag(bag: dask.bag.Bag, *, unsafe: bool = False, strip_boilerplate: bool = False,
               kind: str = "text", score: bool = True, **engine_options: Any) -> dask.bag.Bag:
    """A bag of one dict per text of `bag`, in the same order:

    `{"text": repaired text, "changed": bool, "settled": bool, "applied": [finding dicts],
    "pending": [finding dicts], "score": score dict of the original text}` (finding and score
    dicts as in `transfix check --format json` and `transfix score --format json`).
    `score=False` leaves the score out (it costs one more pass over the original text)."""
    options = EngineOptions.of(engine_options)
    return bag.map_partitions(_repair_partition, options=options, unsafe=bool(unsafe),
                              strip_boilerplate=bool(strip_boilerplate), kind=kind,
                              with_score=bool(score))


def check_bag(bag: dask.bag.Bag, *, kind: str = "text", **engine_options: Any) -> dask.bag.Bag:
    """A bag of one list of finding dicts per text of `bag`, in the same order."""
    return bag.map_partitions(_check_partition, options=EngineOptions.of(engine_options), kind=kind)


def score_bag(bag: dask.bag.Bag, *, kind: str = "text", **engine_options: Any) -> dask.bag.Bag:
    """A bag of one score dict (probability, verdict, pivot, ...) per text of `bag`."""
    return bag.map_partitions(_score_partition, options=EngineOptions.of(engine_options), kind=kind)


def repair_dataframe(df: dask.dataframe.DataFrame, column: str = "text", *, unsafe: bool = False,
                     strip_boilerplate: bool = False, kind: str = "text", prefix: str = "",
                     **engine_options: Any) -> dask.dataframe.DataFrame:
    """`df` with four columns added (names start with `prefix`):

    - `repaired`: the repaired text of `column` (the column's own string dtype),
    - `n_fixes`: how many fixes were applied (int64),
    - `score`: the round-trip probability of the original text (float64),
    - `pivot`: the likely pivot language, missing when the evidence does not name one.

    A missing value in `column` gives a missing `repaired`, `score` and `pivot` and 0 fixes."""
    import pandas as pd

    if column not in df.columns:
        raise KeyError(f"no column {column!r} in the dataframe")
    names = _frame_columns(prefix)
    clash = [name for name in names.values() if name in df.columns]
    if clash:
        raise ValueError(f"the dataframe already has column(s) {', '.join(clash)}: pass prefix=")
    text_dtype = _text_dtype(df._meta[column].dtype)
    meta = df._meta.assign(**{
        names["repaired"]: pd.Series([], dtype=text_dtype),
        names["n_fixes"]: pd.Series([], dtype="int64"),
        names["score"]: pd.Series([], dtype="float64"),
        names["pivot"]: pd.Series([], dtype=text_dtype),
    })
    return df.map_partitions(
        _repair_frame_partition, column, names, text_dtype, EngineOptions.of(engine_options),
        bool(unsafe), bool(strip_boilerplate), kind, meta=meta,
    )


def engine_cache_info() -> dict[str, Any]:
    """What this process holds: `{"pid", "engines": how many are cached, "builds": how many were
    built}`. Ask every worker with `client.run(transfix.dask.engine_cache_info)`."""
    return {"pid": os.getpid(), "engines": len(_ENGINES), "builds": _BUILDS}


def clear_engine_cache() -> None:
    """Drop this process's engines (for example after rule files changed on disk); run it on
    the workers with `client.run(transfix.dask.clear_engine_cache)`."""
    global _BUILDS
    with _ENGINES_LOCK:
        _ENGINES.clear()
        _BUILDS = 0


# --- what runs on the workers -------------------------------------------------------------------


def _repair_partition(texts: Iterable[str], *, options: EngineOptions, unsafe: bool,
                      strip_boilerplate: bool, kind: str, with_score: bool) -> list[dict[str, Any]]:
    texts = list(texts)
    if not texts:
        return []
    engine = options.engine()
    records = []
    for text in texts:
        result = engine.repair(text, unsafe=unsafe, strip_boilerplate=strip_boilerplate, kind=kind)
        record = _repair_record(result)
        if with_score:
            record["score"] = engine.score(text, kind=kind).to_dict()
        records.append(record)
    return records


def _check_partition(texts: Iterable[str], *, options: EngineOptions, kind: str) -> list[list[dict]]:
    texts = list(texts)
    if not texts:
        return []
    engine = options.engine()
    return [[f.to_dict() for f in engine.check(text, kind=kind)] for text in texts]


def _score_partition(texts: Iterable[str], *, options: EngineOptions, kind: str) -> list[dict]:
    texts = list(texts)
    if not texts:
        return []
    engine = options.engine()
    return [engine.score(text, kind=kind).to_dict() for text in texts]


def _repair_frame_partition(part, column: str, names: dict[str, str], text_dtype: Any,
                            options: EngineOptions, unsafe: bool, strip_boilerplate: bool, kind: str):
    import pandas as pd

    repaired: list[Any] = []
    fixes: list[int] = []
    scores: list[float] = []
    pivots: list[Any] = []
    present = [isinstance(value, str) for value in part[column]]
    engine = options.engine() if any(present) else None
    for value, is_text in zip(part[column], present):
        if not is_text:
            repaired.append(None)
            fixes.append(0)
            scores.append(float("nan"))
            pivots.append(None)
            continue
        result = engine.repair(value, unsafe=unsafe, strip_boilerplate=strip_boilerplate, kind=kind)
        score = engine.score(value, kind=kind)
        repaired.append(result.text)
        fixes.append(len(result.applied))
        scores.append(score.probability)
        pivots.append(score.pivot)
    return part.assign(**{
        names["repaired"]: pd.Series(repaired, index=part.index, dtype=text_dtype),
        names["n_fixes"]: pd.Series(fixes, index=part.index, dtype="int64"),
        names["score"]: pd.Series(scores, index=part.index, dtype="float64"),
        names["pivot"]: pd.Series(pivots, index=part.index, dtype=text_dtype),
    })


def _repair_record(result: Repair) -> dict[str, Any]:
    return {
        "text": result.text,
        "changed": result.changed,
        "settled": result.settled,
        "applied": [f.to_dict() for f in result.applied],
        "pending": [f.to_dict() for f in result.pending],
    }


def _frame_columns(prefix: str) -> dict[str, str]:
    return {name: f"{prefix}{name}" for name in ("repaired", "n_fixes", "score", "pivot")}


def _text_dtype(dtype: Any) -> Any:
    """The input column's dtype when it holds strings (pandas or pyarrow), else object."""
    import pandas as pd

    return dtype if isinstance(dtype, pd.StringDtype) else object


def _freeze(value: Any) -> Any:
    """A hashable stand-in for an option value, equal for equal options (lists and tuples alike);
    an object it cannot see into is keyed by identity, so it gets an engine of its own."""
    if value is None or isinstance(value, (str, bytes, int, float, bool, PurePath)):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return ("<set>", tuple(sorted((_freeze(v) for v in value), key=repr)))
    if isinstance(value, Mapping):
        return ("<map>", tuple(sorted(((_freeze(k), _freeze(v)) for k, v in value.items()), key=repr)))
    return ("<object>", type(value).__module__, type(value).__qualname__, id(value))

"""Check, repair or score many texts on several processes, results in input order.

>>> from transfix.batch import repair_many
>>> texts = ["Beijing curbed exports of rare lands; the RPC said nothing.", "It cost $ 600 billion."]
>>> [r.text for r in repair_many(texts, jobs=1, unsafe=True)]
['Beijing curbed exports of rare earths; the PRC said nothing.', 'It cost $600 billion.']

Each function returns a generator: it reads `texts` only as far as it needs (at most a few chunks
ahead of what has been consumed), so it works on an unbounded iterable with bounded memory. With
`jobs` > 1 the texts go in chunks of `chunksize` to `jobs` worker processes, each of which builds
one `Engine(**engine_options)` when it starts and reuses it for every chunk; with `jobs=1` the texts
are processed in this process with one engine, without a pool. Closing the generator (or leaving
a `for` loop early) stops the workers.

The worker pool works with the "fork", "forkserver" and "spawn" start methods (`mp_context`, by
name or as a multiprocessing context; the platform's default otherwise). Under "spawn" and
"forkserver" the engine options are pickled, and the calling program's main module must be
importable without side effects (the usual `if __name__ == "__main__":` guard).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Any

from .engine import Engine
from .model import Finding, Repair
from .score import Score

__all__ = ["check_many", "repair_many", "score_many"]

# Chunks in flight per worker: enough to keep every worker busy while the consumer reads results,
# few enough that memory stays bounded whatever the length of the input.
IN_FLIGHT_PER_JOB = 2

# The one engine of a worker process, built by `_init_worker`.
_worker_engine: Engine | None = None
_worker_error: BaseException | None = None


def check_many(texts: Iterable[str], *, jobs: int | None = None, chunksize: int = 32,
               kind: str = "text", mp_context: str | BaseContext | None = None,
               **engine_options: Any) -> Iterator[list[Finding]]:
    """`Engine(**engine_options).check(text, kind=kind)` for each text, in input order."""
    return _run(texts, ("check", kind), jobs, chunksize, mp_context, engine_options)


def repair_many(texts: Iterable[str], *, jobs: int | None = None, chunksize: int = 32,
                unsafe: bool = False, strip_boilerplate: bool = False, kind: str = "text",
                mp_context: str | BaseContext | None = None,
                **engine_options: Any) -> Iterator[Repair]:
    """`Engine(**engine_options).repair(text, ...)` for each text, in input order."""
    return _run(texts, ("repair", kind, bool(unsafe), bool(strip_boilerplate)), jobs, chunksize,
                mp_context, engine_options)


def score_many(texts: Iterable[str], *, jobs: int | None = None, chunksize: int = 32,
               kind: str = "text", mp_context: str | BaseContext | None = None,
               **engine_options: Any) -> Iterator[Score]:
    """`Engine(**engine_options).score(text, kind=kind)` for each text, in input order."""
    return _run(texts, ("score", kind), jobs, chunksize, mp_context, engine_options)


def _run(texts: Iterable[str], task: tuple, jobs: int | None, chunksize: int,
         mp_context: str | BaseContext | None, options: dict[str, Any]) -> Iterator[Any]:
    """Check the arguments now, then hand back the generator that does the work."""
    if jobs is None:
        jobs = os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, not {jobs!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive integer, not {chunksize!r}")
    if isinstance(mp_context, str):
        mp_context = multiprocessing.get_context(mp_context)
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be an iterable of strings, not a single string")
    if jobs == 1:
        return _in_process(iter(texts), task, options)
    return _in_pool(iter(texts), task, jobs, chunksize, mp_context, options)


def _in_process(texts: Iterator[str], task: tuple, options: dict[str, Any]) -> Iterator[Any]:
    engine = Engine(**options)
    run = _operation(engine, task)
    for text in texts:
        yield run(text)


def _in_pool(texts: Iterator[str], task: tuple, jobs: int, chunksize: int,
             mp_context: BaseContext | None, options: dict[str, Any]) -> Iterator[Any]:
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context,
                                   initializer=_init_worker, initargs=(options,))
    pending: deque[Future] = deque()
    window = jobs * IN_FLIGHT_PER_JOB
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = list(islice(texts, chunksize))
                if not chunk:
                    exhausted = True
                    break
                pending.append(executor.submit(_run_chunk, task, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        # On exhaustion, an error, or the consumer closing the generator early: drop what has
        # not started, wait for the (bounded) chunks that have, and stop the workers.
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _init_worker(options: dict[str, Any]) -> None:
    """Build this worker's one engine. A failure is kept and raised by the first chunk, so the
    caller sees the real error instead of a broken pool."""
    global _worker_engine, _worker_error
    _worker_engine, _worker_error = None, None
    try:
        _worker_engine = Engine(**options)
    except Exception as exc:  # raised again, with its type, by _run_chunk
        _worker_error = exc


def _run_chunk(task: tuple, texts: list[str]) -> list[Any]:
    try:
        if _worker_error is not None:
            raise _worker_error
        if _worker_engine is None:  # not started through _init_worker
            raise RuntimeError("transfix.batch worker has no engine")
        run = _operation(_worker_engine, task)
        return [run(text) for text in texts]
    except Exception as exc:
        raise _portable(exc) from None


def _portable(exc: Exception) -> Exception:
    """`exc` if it survives the trip back to the caller's process, else a RuntimeError that says
    what it was (an exception that cannot be unpickled would only break the pool)."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
    return exc


def _operation(engine: Engine, task: tuple) -> Callable[[str], Any]:
    name, kind = task[0], task[1]
    if name == "check":
        return lambda text: engine.check(text, kind=kind)
    if name == "score":
        return lambda text: engine.score(text, kind=kind)
    if name == "repair":
        unsafe, strip = task[2], task[3]
        return lambda text: engine.repair(text, unsafe=unsafe, strip_boilerplate=strip, kind=kind)
    raise ValueError(f"unknown batch operation {name!r}")

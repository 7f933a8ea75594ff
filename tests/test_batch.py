"""transfix.batch: many texts on worker processes, results lazily and in input order."""

from __future__ import annotations

import itertools
import multiprocessing
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import transfix
from transfix import batch
from transfix.batch import check_many, repair_many, score_many

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Generous: the suite may share a two-core machine with other work.
FIRST_RESULT_SECONDS = 60


def _paragraphs(path, limit, separator="\n\n"):
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split(separator) if len(p.strip()) > 60][:limit]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """200 texts, damaged and clean mixed, each numbered so order can be read off the output."""
    damaged = _paragraphs(CORPUS / "mt" / "trade-talks.txt", 10)
    damaged.append((CORPUS / "mt" / "trade-talks.txt").read_text(encoding="utf-8"))
    clean = _paragraphs(CORPUS / "clean" / "editorial.txt", 10)
    clean += _paragraphs(CORPUS / "clean" / "wikipedia-cc0.txt", 20, "\n")
    assert len(damaged) >= 4 and len(clean) >= 10
    out = []
    for i in range(200):
        pool = damaged if i % 3 == 0 else clean
        out.append(f"Item {i}. {pool[i % len(pool)]}")
    return out


@pytest.fixture(scope="module")
def expected(texts, engine):
    return [engine.repair(text) for text in texts]


def test_mixed_texts_really_mix_damage_and_clean(expected):
    changed = sum(r.changed for r in expected)
    assert 30 <= changed <= 170  # both kinds are there


def test_repair_many_two_jobs_keeps_order_and_matches_engine(texts, expected):
    results = list(repair_many(texts, jobs=2, chunksize=7))
    assert results == expected  # Repair and Finding are dataclasses: every field compared
    assert [r.text.split(".", 1)[0] for r in results] == [f"Item {i}" for i in range(200)]


def test_repair_many_options_reach_the_workers(texts, engine):
    sample = texts[:60]
    want = transfix.Engine(pivots=["fr"]).repair
    got = list(repair_many(sample, jobs=2, chunksize=5, unsafe=True, strip_boilerplate=True,
                           pivots=["fr"]))
    assert got == [want(t, unsafe=True, strip_boilerplate=True) for t in sample]
    assert got != [engine.repair(t) for t in sample]  # the options changed something


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_start_methods(texts, engine, method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method on this platform")
    sample = texts[:40]
    assert list(check_many(sample, jobs=2, chunksize=4, mp_context=method)) == [
        engine.check(t) for t in sample
    ]
    assert list(score_many(sample, jobs=2, chunksize=4, mp_context=method)) == [
        engine.score(t) for t in sample
    ]


def test_jobs_one_runs_in_process_without_a_pool(texts, expected, engine, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("jobs=1 must not start a process pool")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    assert list(repair_many(texts, jobs=1)) == expected
    assert list(check_many(texts[:30], jobs=1)) == [engine.check(t) for t in texts[:30]]


def test_empty_input():
    assert list(repair_many([], jobs=2)) == []
    assert list(check_many(iter(()), jobs=1)) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_lazy_on_an_unbounded_iterable(jobs):
    drawn = itertools.count()

    def endless():
        for i in itertools.count():
            next(drawn)
            yield f"Item {i}: the deal is worth $ {i} billion."

    before = set(multiprocessing.active_children())
    started = time.monotonic()
    results = repair_many(endless(), jobs=jobs, chunksize=8)
    first = next(results)
    assert time.monotonic() - started < FIRST_RESULT_SECONDS
    assert first.text == "Item 0: the deal is worth $0 billion."
    second = next(results)
    assert second.text.startswith("Item 1: ")
    results.close()
    # Read ahead at most the in-flight window (plus the chunk being assembled).
    assert next(drawn) <= 8 * (jobs * batch.IN_FLIGHT_PER_JOB + 1)
    assert set(multiprocessing.active_children()) <= before  # the workers are gone
    with pytest.raises(StopIteration):
        next(results)


def test_leaving_a_loop_early_stops_the_pool(texts):
    before = set(multiprocessing.active_children())
    for i, result in enumerate(repair_many(texts, jobs=2, chunksize=4)):
        if i == 5:
            break
    # The abandoned generator is closed when it is collected (at once in CPython).
    assert set(multiprocessing.active_children()) <= before


def test_eight_threads_sharing_one_engine(texts, expected, engine):
    with ThreadPoolExecutor(max_workers=8) as pool:
        repairs = list(pool.map(engine.repair, texts))
        findings = list(pool.map(engine.check, texts))
    assert repairs == expected
    assert findings == [engine.check(t) for t in texts]


def test_eight_threads_each_running_a_batch(texts, expected):
    slices = [texts[i::8] for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parts = list(pool.map(lambda part: list(repair_many(part, jobs=1)), slices))
    assert parts == [expected[i::8] for i in range(8)]


def test_argument_errors():
    with pytest.raises(ValueError):
        repair_many(["x"], jobs=0)
    with pytest.raises(ValueError):
        check_many(["x"], chunksize=0)
    with pytest.raises(TypeError):
        check_many("a single string", jobs=1)


def test_engine_errors_reach_the_caller_with_their_type(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("this is = = not toml\n", encoding="utf-8")
    for jobs in (1, 2):
        with pytest.raises(transfix.TransfixError):
            list(check_many(["Talks resumed."], jobs=jobs, extra_rule_paths=[broken]))
    with pytest.raises(TypeError):
        list(check_many(["Talks resumed."], jobs=2, no_such_option=True))


def test_exported_from_the_package():
    assert transfix.repair_many is repair_many
    assert {"check_many", "repair_many", "score_many", "check", "repair", "score"} <= set(transfix.__all__)


def test_import_transfix_does_not_import_dask():
    code = "import sys, transfix, transfix.batch; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

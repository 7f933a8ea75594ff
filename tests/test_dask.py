"""transfix.dask on a real local Dask cluster: two worker processes on loopback."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

pytest.importorskip("dask")
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import dask.bag as db

import transfix
import transfix.dask as tdask

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1", silence_logs=logging.ERROR,
    )
    client = distributed.Client(cluster, timeout=60)
    try:
        client.wait_for_workers(2, timeout=60)
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture
def fresh_workers(client):
    """Workers whose engine caches start empty, so builds can be counted."""
    client.run(tdask.clear_engine_cache)
    return client


def worker_caches(client) -> dict[str, dict]:
    return client.run(tdask.engine_cache_info)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    damaged = [p.strip() for p in (CORPUS / "mt" / "trade-talks.txt").read_text(encoding="utf-8").split("\n\n")]
    clean = [line for line in (CORPUS / "clean" / "wikipedia-cc0.txt").read_text(encoding="utf-8").splitlines()
             if len(line) > 60][:40]
    return [f"Item {i}. {damaged[i % len(damaged)] if i % 3 == 0 else clean[i % len(clean)]}" for i in range(100)]


def expected_record(engine, text, **options):
    result = engine.repair(text, **options)
    return {
        "text": result.text,
        "changed": result.changed,
        "settled": result.settled,
        "applied": [f.to_dict() for f in result.applied],
        "pending": [f.to_dict() for f in result.pending],
        "score": engine.score(text).to_dict(),
    }


def test_two_worker_processes(client):
    caches = worker_caches(client)
    pids = {info["pid"] for info in caches.values()}
    assert len(caches) == 2 and len(pids) == 2 and os.getpid() not in pids


def test_repair_bag_matches_engine_and_builds_one_engine_per_worker(fresh_workers, texts, engine):
    client = fresh_workers
    local_builds = tdask.engine_cache_info()["builds"]
    bag = db.from_sequence(texts, npartitions=4)
    assert bag.npartitions == 4
    records = tdask.repair_bag(bag).compute()
    assert records == [expected_record(engine, t) for t in texts]
    assert sum(r["changed"] for r in records) >= 10  # damaged texts were repaired
    assert [r["text"].split(".", 1)[0] for r in records] == [f"Item {i}" for i in range(100)]

    caches = worker_caches(client)
    assert all(info["builds"] <= 1 for info in caches.values()), caches
    assert 1 <= sum(info["builds"] for info in caches.values()) < bag.npartitions

    # More partitions and other helpers with the same options reuse the same engines.
    more = db.from_sequence(texts, npartitions=10)
    findings = tdask.check_bag(more).compute()
    assert findings == [[f.to_dict() for f in engine.check(t)] for t in texts]
    scores = tdask.score_bag(more).compute()
    assert scores == [engine.score(t).to_dict() for t in texts]
    after = worker_caches(client)
    assert all(info["builds"] <= 1 and info["engines"] <= 1 for info in after.values()), after
    # Never built on the client, never shipped from it.
    assert tdask.engine_cache_info()["builds"] == local_builds


def test_repair_bag_options(fresh_workers, texts):
    client = fresh_workers
    engine = transfix.Engine(pivots=["fr"])
    bag = db.from_sequence(texts[:30], npartitions=3)
    records = tdask.repair_bag(bag, unsafe=True, strip_boilerplate=True, pivots=("fr",)).compute()
    assert records == [expected_record(engine, t, unsafe=True, strip_boilerplate=True) for t in texts[:30]]
    # A list or a tuple of the same pivots is the same engine.
    tdask.repair_bag(bag, unsafe=True, pivots=["fr"], score=False).compute()
    assert all(info["builds"] <= 1 for info in worker_caches(client).values())
    without = tdask.repair_bag(bag, pivots=["fr"], score=False).compute()
    assert all("score" not in r for r in without)


def test_repair_dataframe(fresh_workers, texts, engine):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    client = fresh_workers
    frame = pd.DataFrame({"id": range(31), "text": texts[:30] + [None]})
    ddf = dd.from_pandas(frame, npartitions=4)
    out = tdask.repair_dataframe(ddf, "text", unsafe=True)
    assert list(out.columns) == ["id", "text", "repaired", "n_fixes", "score", "pivot"]
    result = out.compute().sort_values("id")
    assert list(result["id"]) == list(range(31))
    for text, row in zip(texts[:30], result.itertuples()):
        repaired = engine.repair(text, unsafe=True)
        score = engine.score(text)
        assert row.repaired == repaired.text
        assert row.n_fixes == len(repaired.applied)
        assert row.score == pytest.approx(score.probability)
        assert (row.pivot if isinstance(row.pivot, str) else None) == score.pivot
    assert result["n_fixes"].sum() > 0 and (result["pivot"] == "fr").any()
    last = result.iloc[-1]
    assert pd.isna(last["repaired"]) and last["n_fixes"] == 0 and pd.isna(last["score"])
    assert str(result["n_fixes"].dtype) == "int64" and str(result["score"].dtype) == "float64"
    assert all(info["builds"] <= 1 for info in worker_caches(client).values())

    prefixed = tdask.repair_dataframe(out, "text", prefix="again_")
    assert "again_repaired" in prefixed.columns
    with pytest.raises(ValueError):
        tdask.repair_dataframe(out, "text")  # would overwrite the columns it added
    with pytest.raises(KeyError):
        tdask.repair_dataframe(ddf, "body")


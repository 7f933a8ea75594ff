"""Per-core rate on a local Dask cluster against one process, on the same documents.

    python benchmarks/bench_dask.py [--documents 2000] [--workers 2]

Repairs generated news-like paragraphs (those of bench_batch.py) with `transfix.repair_many` in
this process, then with `transfix.dask.repair_bag` on a `LocalCluster` of single-threaded worker
processes. Each side is warmed up first (engines built, the rule cache read), so the figures are
the steady rate a scraper sees; the cluster's per-core rate is its rate divided by its workers.
Needs the dask extra (`pip install 'transfix[dask]'`).
"""

from __future__ import annotations

import argparse
import os
import random
import time

from bench_batch import PARAGRAPHS


def documents(count: int, rng: random.Random) -> list[str]:
    return ["\n\n".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(3, 8))) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    import dask.bag as db
    from dask.distributed import Client, LocalCluster, wait

    import transfix
    from transfix.dask import repair_bag

    texts = documents(args.documents, random.Random(5))
    size = sum(len(t.encode()) for t in texts) / 1e6
    print(f"# {time.strftime('%Y-%m-%d')}  {len(texts):,} documents, {size:.2f} MB, "
          f"{args.workers} worker process(es)")

    list(transfix.repair_many(texts[:80], jobs=1))  # warm-up: engine, rule cache, phrase automaton
    start = time.perf_counter()
    local = [r.text for r in transfix.repair_many(texts, jobs=1)]
    one = time.perf_counter() - start
    print(f"{'one process':<28} {one:7.2f} s  {len(texts) / one:8.1f} docs/s per core")

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        partitions = args.workers * 8
        warm = db.from_sequence(texts[: args.workers * 40], npartitions=args.workers * 2)
        repair_bag(warm, score=False).compute()  # every worker builds its engine
        # The documents wait on the workers, and the repaired texts stay there (a scraper reads
        # and writes on the workers): only their total length comes back while timing.
        bag = db.from_sequence(texts, npartitions=partitions).persist()
        wait(bag)
        start = time.perf_counter()
        repaired = repair_bag(bag, score=False).persist()  # as repair_many: no score pass
        wait(repaired)
        elapsed = time.perf_counter() - start
        remote = [r["text"] for r in repaired.compute()]
        engines = client.run(lambda: __import__("transfix.dask").dask.engine_cache_info())
    rate = len(texts) / elapsed
    print(f"{'local cluster':<28} {elapsed:7.2f} s  {rate / args.workers:8.1f} docs/s per core  "
          f"({rate:.1f} docs/s in all, {partitions} partitions)")
    print(f"engines built per worker: {sorted(info['builds'] for info in engines.values())}; "
          f"same output as one process: {remote == local}")


if __name__ == "__main__":
    main()

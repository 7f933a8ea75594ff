"""Where the time of one document goes: regex rules, each document detector, the rest.

    python benchmarks/bench_stages.py [FILE ...] [--repeat 3]

Analyses each file (by default the dev articles in ../shared/corpora/gt_fr_news_dev, else the
generated paragraphs of bench_batch.py) with rules only, in one warmed-up process, and prints
milliseconds a document: in total, in the regex rules' searches, in each detector, and in the
rest (normalisation, phrase lookup, trigger windows, contexts, findings), and ftfy alone on the
same texts. Timing wraps each part, so the parts add up to slightly more than an unwrapped run.
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

import ftfy

from transfix import matcher
from transfix.engine import Engine
from transfix.normalize import ftfy_config

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gt_fr_news_dev"


def texts_from(paths: list[str]) -> list[str]:
    if paths:
        return [Path(p).read_text(encoding="utf-8") for p in paths]
    if DEV.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(DEV.rglob("*.txt"))]
    from bench_batch import PARAGRAPHS

    return ["\n\n".join(PARAGRAPHS[i:i + 4]) for i in range(0, len(PARAGRAPHS), 4)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = texts_from(args.files)
    engine = Engine()
    for text in texts:  # warm up: shards read, automaton built, word lists loaded
        engine.analyze(text)
    cost: collections.Counter[str] = collections.Counter()

    def timed(name: str, find):
        def wrapper(text):
            start = time.perf_counter()
            found = list(find(text))
            cost[name] += time.perf_counter() - start
            return found
        return wrapper

    for table in (engine.matcher, engine._gated):
        for rule, detector in table._detectors if table else ():
            detector.find = timed(rule.id, detector.find)
    search = matcher._search

    def timed_search(*arguments):
        start = time.perf_counter()
        found = list(search(*arguments))
        cost["(regex rules)"] += time.perf_counter() - start
        return found

    matcher._search = timed_search
    start = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            engine.analyze(text)
    total = time.perf_counter() - start
    count = len(texts) * args.repeat
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    print(f"# {len(texts)} documents, {size / 1000:.1f} KB on average, rules only")
    print(f"{total / count * 1000:8.2f} ms a document in total")
    for name, seconds in cost.most_common():
        if seconds / count >= 0.00002:
            print(f"{seconds / count * 1000:8.2f} ms  {name}")
    print(f"{(total - sum(cost.values())) / count * 1000:8.2f} ms  (the rest)")
    start = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            ftfy.fix_text(text, ftfy_config())
    alone = time.perf_counter() - start
    print(f"{alone / count * 1000:8.2f} ms  ftfy alone, transfix's settings "
          f"(transfix takes {total / alone:.0f}x as long)")


if __name__ == "__main__":
    main()

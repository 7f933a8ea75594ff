"""The Hyperscan prefilter (src/transfix/prefilter.py): time a document with and without it, and
check that the findings are the same.

    python benchmarks/bench_prefilter.py [FILE ...] [--rounds 4] [--same DIR ...] [--every 4]

Times `Engine().analyze` (rules only) on each file (by default the dev articles in
../shared/corpora/gt_fr_news_dev, else the generated paragraphs of bench_batch.py), in one warmed-up
process, alternating rounds with the prefilter on and off (process time; the best round of each
is printed), and counts the regex searches each way. Then compares every finding with and without
it on the same texts and on every fourth line (`--every`) of the text files under `corpus/` (and
of `--same` folders), with the round-trip gate closed and open. Needs `hyperscan` and a rule cache built with it (the first
run builds one, ~40 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from transfix import matcher, prefilter
from transfix.engine import Engine

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_stages import texts_from  # noqa: E402


def findings(engine: Engine, texts: list[str]) -> list:
    return [[(f.rule, f.start, f.end, f.replacements) for f in engine.check(t)] for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--same", nargs="*", default=[], help="more folders of .txt files to compare line by line")
    parser.add_argument("--every", type=int, default=4, help="compare every Nth corpus line (1: all, ~74,000)")
    args = parser.parse_args()
    texts = texts_from(args.files)
    engine = Engine()
    if prefilter.current() is None:
        sys.exit("no prefilter: install hyperscan (pip install hyperscan) and unset TRANSFIX_NO_PREFILTER")
    cutoff = matcher.PREFILTER_FROM
    matcher.PREFILTER_AFTER = 0  # timed from the first document (a batch pays the load once)
    searches = {True: 0, False: 0}
    search = matcher._search

    def counted(*a, **k):
        searches[state] += 1
        return search(*a, **k)

    matcher._search = counted
    best = {True: float("inf"), False: float("inf")}
    for state in (True, False) * (args.rounds + 1):
        matcher.PREFILTER_FROM = cutoff if state else 10**12
        searches[state] = 0
        start = time.process_time()
        for text in texts:
            engine.analyze(text)
        best[state] = min(best[state], time.process_time() - start)
    matcher._search = search
    for state in (True, False):
        print(f"prefilter {'on ' if state else 'off'}: {best[state] / len(texts) * 1000:.2f} ms a document "
              f"(best of {args.rounds + 1}), {searches[state] / len(texts):.0f} regex searches a document")
    print(f"time saved: {1 - best[True] / best[False]:.1%} ({len(texts)} documents)")

    lines = []
    for folder in [HERE.parent / "corpus", *map(Path, args.same)]:
        for path in sorted(folder.rglob("*.txt")):
            lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = lines[::args.every]
    different = 0
    for gate in (False, True):
        checker = Engine(assume_roundtrip=gate)
        for group in (texts, lines):
            matcher.PREFILTER_FROM = 0  # every text asks the prefilter, the shortest too
            on = findings(checker, group)
            matcher.PREFILTER_FROM = 10**12
            off = findings(checker, group)
            different += sum(a != b for a, b in zip(on, off))
    matcher.PREFILTER_FROM = cutoff
    print(f"same findings with and without it: {'yes' if not different else f'NO, {different} texts differ'} "
          f"({len(texts)} documents and {len(lines)} corpus lines, round-trip gate closed and open)")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()

"""The costliest regex rules: time each rule's searches on a text, to find the one rule that slows
everything down (a pattern that opens with a long look-around runs it at every place of its
windows: one such rule took 1.7 s of 2.5 s of regex time on 400 KB of Wikipedia).

    python benchmarks/bench_rules.py [FILE ...] [--top 25] [--budget 100]

Analyses each file (by default corpus/clean/wikipedia-cc0.txt, CC0) with rules only and the
round-trip gate open, in one warmed-up process, with the Hyperscan prefilter off so that every
triggered rule is searched (as on a machine without it). Prints the rules whose searches took
longest, in milliseconds per MB of text, with the share of the text their trigger windows covered
and their triggers, and names every rule over `--budget` ms per MB (exit status 1 when any is).
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

os.environ["TRANSFIX_NO_PREFILTER"] = "1"  # before transfix reads it

from transfix import matcher  # noqa: E402
from transfix.engine import Engine  # noqa: E402
from transfix.loader import compile_pattern  # noqa: E402

CLEAN = Path(__file__).resolve().parents[1] / "corpus" / "clean" / "wikipedia-cc0.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--budget", type=float, default=100.0, help="ms per MB a rule may take")
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in (args.files or [CLEAN])]
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    engine = Engine(assume_roundtrip=True)
    engine.analyze(texts[0][:5000])  # warm up: rule cache read, phrase automaton built
    cost: collections.Counter = collections.Counter()
    covered: collections.Counter = collections.Counter()
    search = matcher._search

    def timed(pattern, text, windows, timeout):
        start = time.perf_counter()
        found = list(search(pattern, text, windows, timeout))
        cost[pattern] += time.perf_counter() - start
        covered[pattern] += sum(windows[i + 1] - windows[i] for i in range(0, len(windows), 2))
        return iter(found)

    matcher._search = timed
    start = time.perf_counter()
    for text in texts:
        engine.analyze(text)
    total = time.perf_counter() - start
    matcher._search = search
    rules = {}
    for rule in engine.rules:
        if rule.kind == "regex":
            rules.setdefault(compile_pattern(rule.pattern, rule.case_sensitive), []).append(rule)
    print(f"# {time.strftime('%Y-%m-%d')}  {size:.2f} MB, {len(cost)} regex patterns searched, "
          f"analysis {total:.2f} s, of which searches {sum(cost.values()):.2f} s")
    length = sum(len(text) for text in texts)
    over = [(rules.get(pattern, []), seconds * 1000 / size) for pattern, seconds in cost.most_common()
            if seconds * 1000 / size > args.budget]
    for pattern, seconds in cost.most_common(args.top):
        names = rules.get(pattern, [])
        triggers = names[0].triggers if names else ()
        print(f"{seconds * 1000 / size:9.1f} ms/MB  windows {covered[pattern] / length:6.1%}  "
              f"{', '.join(rule.id for rule in names) or '?'}  triggers: {' '.join(triggers) or '(none)'}"[:220])
    if over:
        print(f"over the budget of {args.budget:g} ms/MB: " + "; ".join(
            f"{', '.join(rule.id for rule in names)} ({per_mb:.0f})" for names, per_mb in over))
        sys.exit(1)
    print(f"no rule over the budget of {args.budget:g} ms/MB")


if __name__ == "__main__":
    main()

"""Throughput of the rule pass with many phrase rules, next to ftfy alone on the same text.

    python benchmarks/bench_matching.py [--mb 1.0] [--repeat 3]

Prints MB/s for: ftfy.fix_text alone; the rule pass alone (100, 1,000, 10,000 generated phrase
rules, no normalisation); and `check` end to end (normalisation + shipped rules + generated ones).
"""

from __future__ import annotations

import argparse
import platform
import random
import time

import ftfy

from transfix import Engine
from transfix.loader import default_rules_dir, load_rules
from transfix.model import BadExample, FixLevel, Rule
from transfix.normalize import ftfy_config

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have an "
    "they you were her she there been one all we their has would when if so no will more can out up said about "
    "what some time could them other into than then now only its over also new like after two first because any "
    "trade council minister talks price deal market report policy people government country official state"
).split()


def make_text(megabytes: float, rng: random.Random) -> str:
    words, size = [], 0
    target = int(megabytes * 1_000_000)
    while size < target:
        chosen = [rng.choice(WORDS)]
        while len(chosen) < rng.randint(8, 24):
            word = rng.choice(WORDS)
            if word != chosen[-1]:  # real prose seldom doubles a word; the doubled-word rule would flood
                chosen.append(word)
        sentence = " ".join(chosen)
        sentence = sentence[0].upper() + sentence[1:] + ". "
        words.append(sentence)
        size += len(sentence)
        if rng.random() < 0.1:
            words.append("\n\n")
    return "".join(words)


def make_rules(count: int, rng: random.Random) -> list[Rule]:
    """Phrases of 2-4 words; one rule in 50 uses a phrase that `plant` puts into the text."""
    rules = []
    for index in range(count):
        phrase = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))) + f" zq{index}"
        if index % 50 == 0:
            phrase = f"planted phrase {index}"
        rules.append(Rule(
            id=f"bench.generated.r{index}", kind="phrase", fix=FixLevel.SUGGEST, category="bench",
            pivot=("any",), message="m", explanation="e", phrases=((phrase, ("x",)),),
            bad=(BadExample(phrase, "x"),), good=("y",),
        ))
    return rules


def plant(text: str, count: int, rng: random.Random) -> str:
    """Put each planted phrase into the text 3 times, at sentence starts."""
    sentences = text.split(". ")
    for index in range(0, count, 50):
        for _ in range(3):
            at = rng.randrange(len(sentences))
            sentences[at] = f"planted phrase {index} " + sentences[at]
    return ". ".join(sentences)


def throughput(function, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return len(text.encode("utf-8")) / 1_000_000 / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    text = plant(make_text(args.mb, rng), 10_000, rng)
    shipped = load_rules([default_rules_dir()])
    print(f"# {time.strftime('%Y-%m-%d')}  python {platform.python_version()}  {platform.machine()}  "
          f"text {len(text.encode()) / 1e6:.2f} MB  shipped rules {len(shipped)}")
    ftfy_rate = throughput(lambda t: ftfy.fix_text(t, ftfy_config()), text, args.repeat)
    print(f"{'ftfy.fix_text alone':<40} {ftfy_rate:8.1f} MB/s")
    for count in (100, 1_000, 10_000):
        generated = make_rules(count, rng)
        start = time.perf_counter()
        rules_only = Engine(rules=generated, normalize_text=False)
        compile_s = time.perf_counter() - start
        hits = len(rules_only.check(text))
        rate = throughput(rules_only.check, text, args.repeat)
        full = Engine(rules=shipped + generated)
        full_rate = throughput(full.check, text, args.repeat)
        print(f"{f'rule pass, {count:,} phrase rules':<40} {rate:8.1f} MB/s   "
              f"({hits} findings, compiled in {compile_s:.2f}s, {'faster' if rate > ftfy_rate else 'SLOWER'} than ftfy)")
        print(f"{f'check end to end, shipped + {count:,}':<40} {full_rate:8.2f} MB/s")


if __name__ == "__main__":
    main()

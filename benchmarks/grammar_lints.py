"""Which Harper lints are worth running by default: precision on real round trips, noise on clean text.

    python benchmarks/grammar_lints.py [--shared ../shared]

Runs Harper with every lint on (style lints included) over the annotated dev articles, clean
Wikipedia sentences and the Markdown descriptions of the installed Python packages, through the
engine (so protected markup is masked as for `check`), and prints per lint: dev findings, how many
fall on an annotated artifact, and findings per 10,000 words on clean prose and on documentation.
The default set in `transfix.grammar.HARPER_DEFAULT` is chosen from this table.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from devset import annotations, clean_documents, doc_documents  # noqa: E402
from eval_dev import words  # noqa: E402

from transfix import Engine  # noqa: E402
from transfix.grammar import GrammarChecker, HarperBackend  # noqa: E402
from transfix.model import Source  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    args = parser.parse_args()
    backend = HarperBackend(everything=True)
    engine = Engine(select=["grammar"], grammar=GrammarChecker(backend))
    dev, right, clean, docs = Counter(), Counter(), Counter(), Counter()
    for text, artifacts in annotations(args.shared).values():
        for f in engine.check(text):
            if f.source is Source.GRAMMAR:
                name = f.rule.rsplit(".", 1)[-1]
                dev[name] += 1
                right[name] += any(a["start"] < max(f.end, f.start + 1) and f.start < a["end"] for a in artifacts)
    sentences = clean_documents(args.shared)["sentences"]
    clean_words = sum(words(t) for _, t in sentences)
    for _, text in sentences:
        for f in engine.check(text):
            clean[f.rule.rsplit(".", 1)[-1]] += 1
    documents = doc_documents()
    doc_words = sum(words(t) for _, t, _ in documents)
    for _, text, kind in documents:
        for f in engine.check(text, kind=kind):
            docs[f.rule.rsplit(".", 1)[-1]] += 1
    print(f"{'lint':<36} {'dev':>5} {'right':>6} {'prec':>6} {'clean/10k':>10} {'docs/10k':>9}")
    for name in sorted(dev.keys() | clean.keys() | docs.keys(), key=lambda n: (-right[n], n)):
        precision = f"{right[name] / dev[name]:.2f}" if dev[name] else "-"
        print(f"{name:<36} {dev[name]:>5} {right[name]:>6} {precision:>6} "
              f"{clean[name] * 10_000 / clean_words:>10.2f} {docs[name] * 10_000 / doc_words:>9.2f}")


if __name__ == "__main__":
    main()

"""Cost of grammar checking: Harper alone, and `check` with Harper, on the same text.

    python benchmarks/bench_grammar.py [--paragraphs 400]

Prints seconds for Harper alone (paragraph by paragraph, as transfix feeds it) with Harper's own
default lints (SpellCheck and style lints included: how `check` ran Harper before transfix chose
its defaults), with transfix's default lints, and with those plus SpellCheck; then transfix's
`check` with Harper, words per second with 1 and 2 worker threads (one Harper linter per thread;
the cache is cleared between runs), as a multiple of the first line.
"""

from __future__ import annotations

import argparse
import platform
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import harper

from transfix import Engine
from transfix.grammar import HARPER_DEFAULT, GrammarChecker, HarperBackend, paragraphs

CLEAN = Path(__file__).resolve().parents[1] / "corpus" / "clean" / "wikipedia-cc0.txt"


def make_documents(count: int) -> list[str]:
    lines = CLEAN.read_text(encoding="utf-8").splitlines()
    paragraphs_ = [" ".join(lines[i:i + 6]) for i in range(0, len(lines), 6)][:count]
    return ["\n\n".join(paragraphs_[i:i + 5]) for i in range(0, len(paragraphs_), 5)]


def harper_alone(documents: list[str], lints: frozenset[str] | None = None) -> float:
    linter = harper.Linter()
    if lints is not None:
        linter.set_lint_config({name: name in lints for name in linter.get_lint_config()})
    start = time.perf_counter()
    for document in documents:
        for _, paragraph in paragraphs(document):
            linter.organized_lints(paragraph, language=harper.Language.PLAINTEXT)
    return time.perf_counter() - start


def transfix_check(documents: list[str], workers: int) -> float:
    engine = Engine(grammar=GrammarChecker(HarperBackend(), cache_size=0))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(engine.check, documents[:workers]))  # build each thread's linter first
        start = time.perf_counter()
        list(pool.map(engine.check, documents))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=400)
    args = parser.parse_args()
    documents = make_documents(args.paragraphs)
    words = sum(len(d.split()) for d in documents)
    size = sum(len(d.encode()) for d in documents) / 1e6
    print(f"# {time.strftime('%Y-%m-%d')}  python {platform.python_version()}  {len(documents)} documents, "
          f"{words:,} words, {size:.2f} MB")
    alone = harper_alone(documents)
    chosen = harper_alone(documents, HARPER_DEFAULT)
    spelling = harper_alone(documents, HARPER_DEFAULT | {"SpellCheck"})
    one = transfix_check(documents, 1)
    two = transfix_check(documents, 2)
    for label, seconds in (
        ("Harper alone, Harper's defaults", alone),
        ("Harper alone, transfix's defaults", chosen),
        ("  the same + SpellCheck", spelling),
        ("check + Harper (defaults), 1 worker", one),
        ("check + Harper (defaults), 2 workers", two),
    ):
        print(f"{label:<38} {seconds:7.2f} s   {words / seconds:9,.0f} words/s   {alone / seconds:5.1f}x")


if __name__ == "__main__":
    main()

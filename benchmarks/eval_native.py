"""How often the rules fire on native English they were not written against.

    python benchmarks/native_corpus.py [DIR]   # build the corpus from this machine's own text
    python benchmarks/eval_native.py [DIR]

Checks every file of the corpus built by native_corpus.py (WordNet glosses and examples, Debian
package descriptions and documentation, licence texts, Python docstrings; about 2 million words on
a Debian machine with Python 3.11 and wordnet-base) with rules only, and prints findings per 10,000
words by source and fix level, and the rules that fire most with an example each. Every finding
here is a candidate false positive to read: native text has few round-trip artifacts, although the
sources hold real slips (doubled words, stray spaces) and terminal escape codes.
"""

from __future__ import annotations

import collections
import os
import re
import sys
import tempfile
from pathlib import Path

from transfix import Engine

WORD = re.compile(r"\w+(?:['’]\w+)*")


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "transfix-native"))
    if not root.is_dir():
        sys.exit(f"{root}: no corpus; build it with python benchmarks/native_corpus.py {root}")
    engine = Engine()
    total_words = 0
    levels: collections.Counter[str] = collections.Counter()
    rules: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: dict[tuple[str, str], str] = {}
    print(f"{'source':10} {'words':>10} {'safe':>6} {'unsafe':>6} {'suggest':>7}  per 10k words (safe+unsafe)")
    for source in sorted(p for p in root.iterdir() if p.is_dir()):
        words = 0
        counts: collections.Counter[str] = collections.Counter()
        for path in sorted(source.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            words += len(WORD.findall(text))
            for finding in engine.check(text):
                level = finding.fix.value
                counts[level] += 1
                key = (level, finding.rule)
                rules[key] += 1
                examples.setdefault(key, text[max(0, finding.start - 40):finding.end + 40].replace("\n", " "))
        total_words += words
        levels.update(counts)
        rate = (counts["safe"] + counts["unsafe"]) / words * 10_000 if words else 0.0
        print(f"{source.name:10} {words:10,} {counts['safe']:6} {counts['unsafe']:6} {counts['suggest']:7}  {rate:.2f}")
    rate = (levels["safe"] + levels["unsafe"]) / max(total_words, 1) * 10_000
    print(f"{'all':10} {total_words:10,} {levels['safe']:6} {levels['unsafe']:6} {levels['suggest']:7}  {rate:.2f}")
    print("\nmost frequent rules (level, findings, an example):")
    for (level, rule), count in rules.most_common(25):
        print(f"  {level:7} {count:5}  {rule}: ...{examples[(level, rule)]}...")


if __name__ == "__main__":
    main()

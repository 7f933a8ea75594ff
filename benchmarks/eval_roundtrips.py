"""Do repairs move real machine-translation round trips toward their originals?

    python benchmarks/eval_roundtrips.py [PATH/hwu64_roundtrips_dev.jsonl] [--unsafe]

For each round trip (fr, es, it, de, nl) it counts findings by fix level, and for every text that
`fix` changes, whether the change brings it closer to the English original (character edit
similarity, case- and punctuation-insensitive) or further away.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from transfix import Engine

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "hwu64_roundtrips_dev.jsonl"


def _plain(text: str) -> str:
    return re.sub(r"[^\w\s']", "", text.lower()).strip()


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _plain(a), _plain(b), autojunk=False).ratio()


def evaluate(path: Path, unsafe: bool) -> dict:
    engine = Engine()
    levels: dict[str, Counter] = defaultdict(Counter)
    moves: dict[str, Counter] = defaultdict(Counter)
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        original = record["original"]
        for pivot, text in record["roundtrips"].items():
            for finding in engine.check(text):
                levels[pivot][finding.fix.value] += 1
            repaired = engine.repair(text, unsafe=unsafe).text
            if repaired == text:
                continue
            before, after = similarity(text, original), similarity(repaired, original)
            verdict = "closer" if after > before else "further" if after < before else "same"
            moves[pivot][verdict] += 1
            if verdict == "further":
                examples.append((pivot, original, text, repaired))
    return {"levels": levels, "moves": moves, "further": examples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--unsafe", action="store_true")
    args = parser.parse_args()
    if not args.path.is_file():
        raise SystemExit(f"no round-trip corpus at {args.path}")
    result = evaluate(args.path, args.unsafe)
    print(f"{'pivot':<6} {'safe':>6} {'unsafe':>7} {'suggest':>8} {'changed':>8} {'closer':>7} {'further':>8}")
    for pivot in sorted(result["levels"].keys() | result["moves"].keys()):
        level, move = result["levels"][pivot], result["moves"][pivot]
        print(f"{pivot:<6} {level['safe']:>6} {level['unsafe']:>7} {level['suggest']:>8} "
              f"{sum(move.values()):>8} {move['closer']:>7} {move['further']:>8}")
    for pivot, original, text, repaired in result["further"][:20]:
        print(f"  further [{pivot}] original={original!r} mt={text!r} fixed={repaired!r}")


if __name__ == "__main__":
    main()

"""Mine real machine-translation round trips for systematic substitutions (corpus contrast).

    python tools/mine_roundtrips.py [--pivot de] [--top 80] [--min-texts 3] [--shared ../shared]
        [--context] [--show PAIR]

Reads the round-trip corpora under `../shared/corpora` when they are present (nothing is copied into
the project; the script only prints candidates):
- `hwu64_roundtrips_dev.jsonl`: English requests with their round trips through fr/es/it/de/nl;
- `liar_de_roundtrips_dev.jsonl`: political claims round-tripped EN -> DE -> EN (the MT input was
  lower-cased without apostrophes, so case and apostrophes are ignored everywhere).

Each original is aligned with its round trip word by word (difflib). Every replaced, dropped or
inserted stretch of at most `--max-words` words becomes a substitution pair, original phrase ->
round-trip phrase (a dropped or inserted stretch carries one word of context on each side, so
"wake me up tomorrow" -> "wake me tomorrow" is recorded as `me up tomorrow -> me tomorrow`).
Pairs are ranked by the number of different texts they occur in. A pair is discarded when

- the round-trip phrase is ordinary English: it occurs in the originals (or in the clean
  Wikipedia sentences) at least `--ordinary` times as often as the pivot brings it in, or
- it is a plain synonym swap or a spelling/punctuation variant (a short built-in list of
  swaps a careful editor accepts: get/bring, what/which, show/display, ...), or only the
  contraction, article or punctuation differ.

What survives is raw material for review: a rule is written only for pairs whose round-trip side
is damage that the context can recognise (a false friend, a preposition calque, a lost particle),
and it must stay silent on the clean corpora (`/work/annot/gate.py`).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Swaps a careful editor accepts: a pair made only of these is never damage.
SYNONYMS = [
    {"get", "bring", "give", "fetch"}, {"what", "which"}, {"show", "display", "tell"},
    {"begin", "start"}, {"began", "started"}, {"find", "search", "look"}, {"please", "kindly"},
    {"set", "put", "place"}, {"make", "create"}, {"tell", "say"}, {"told", "said"},
    {"about", "on", "regarding", "concerning", "for", "of", "in", "at", "to", "from"},
    {"can", "could", "may", "might", "would", "will"}, {"is", "are", "was", "were", "be"},
    {"a", "an", "the", "some", "any", "my", "your", "this", "that"},
    {"shut", "close"}, {"turn", "switch"}, {"quickly", "fast"}, {"big", "large"},
    {"buy", "purchase"}, {"also", "too"}, {"need", "want", "require"}, {"film", "movie"},
    {"nearest", "closest"}, {"near", "close"}, {"alarm", "alarms", "wake-up"},
]
FUNCTION = {"a", "an", "the", "s", "is", "are", "be", "to", "of", "it", "this", "that", "do", "does",
            "please", "me", "i", "you", "can", "could", "will", "would", "and", "so", "there"}
TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return TOKEN.findall(text.lower().replace("\u2019", "'").replace("'", ""))


def records(shared: Path):
    """(pivot, text id, original words, round-trip words) for every round trip available."""
    hwu = shared / "corpora" / "hwu64_roundtrips_dev.jsonl"
    if hwu.is_file():
        for n, line in enumerate(hwu.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                record = json.loads(line)
                for pivot, text in record["roundtrips"].items():
                    yield pivot, f"hwu{n}", words(record["original"]), words(text)
    liar = shared / "corpora" / "liar_de_roundtrips_dev.jsonl"
    if liar.is_file():
        for line in liar.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield "de", f"liar{record['id']}", words(record["original"]), words(record["roundtrip_de"])


def substitutions(source: list[str], target: list[str], max_words: int):
    """(original phrase, round-trip phrase) for every changed stretch of at most max_words words."""
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or i2 - i1 > max_words or j2 - j1 > max_words:
            continue
        if op != "replace":  # a lost or added stretch: keep one word of context either side
            i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
            i2, j2 = min(i2 + 1, len(source)), min(j2 + 1, len(target))
        a, b = " ".join(source[i1:i2]), " ".join(target[j1:j2])
        if a and b and a != b:
            yield a, b


def is_synonym_swap(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        extra = set(wa) ^ set(wb)
        return bool(extra) and extra <= FUNCTION  # only an article, a "please", ... came or went
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if x.rstrip("s") == y.rstrip("s"):  # number only
            continue
        if not any(x in group and y in group for group in SYNONYMS):
            return False
    return True


def ngram_counts(sentences: list[list[str]], sizes=range(1, 6)) -> Counter:
    counts: Counter = Counter()
    for sentence in sentences:
        for n in sizes:
            for i in range(len(sentence) - n + 1):
                counts[" ".join(sentence[i:i + n])] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--pivot", help="only this pivot (fr, es, it, de, nl)")
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--min-texts", type=int, default=3, help="different texts a pair must occur in")
    parser.add_argument("--max-words", type=int, default=3)
    parser.add_argument("--ordinary", type=float, default=1.0,
                        help="drop a pair when its round-trip phrase occurs this many times as often in "
                             "originals + clean text as the pivot introduces it")
    parser.add_argument("--all", action="store_true", help="keep synonym swaps and ordinary phrases")
    parser.add_argument("--show", help="print the aligned texts of one pair, 'original -> roundtrip'")
    args = parser.parse_args()

    data = list(records(args.shared))
    if not data:
        raise SystemExit(f"no round-trip corpora under {args.shared / 'corpora'}")
    clean_path = args.shared / "corpora" / "clean_en_wikipedia_cc0.txt"
    clean = [words(line) for line in clean_path.read_text(encoding="utf-8").splitlines()] if clean_path.is_file() else []
    originals = {tid: src for _, tid, src, _ in data}
    english = ngram_counts(list(originals.values()) + clean)

    texts: dict[tuple[str, str], set[str]] = defaultdict(set)
    pivots: dict[tuple[str, str], Counter] = defaultdict(Counter)
    shown = 0
    for pivot, tid, source, target in data:
        if args.pivot and pivot != args.pivot:
            continue
        for pair in set(substitutions(source, target, args.max_words)):
            texts[pair].add(tid)
            pivots[pair][pivot] += 1
            if args.show and " -> ".join(pair) == args.show and shown < 15:
                print(f"[{pivot}] {' '.join(source)}\n     {' '.join(target)}")
                shown += 1
    if args.show:
        return

    rows = []
    for (a, b), ids in texts.items():
        if len(ids) < args.min_texts:
            continue
        introduced = sum(pivots[(a, b)].values())
        native = english[b]
        ordinary = native >= args.ordinary * introduced
        swap = is_synonym_swap(a, b)
        if not args.all and (ordinary or swap):
            continue
        rows.append((len(ids), introduced, native, a, b, pivots[(a, b)]))
    rows.sort(key=lambda row: (-row[0], -row[1], row[3]))
    print(f"{'texts':>5} {'hits':>5} {'native':>6}  original -> round trip   [pivots]")
    for n_texts, hits, native, a, b, by_pivot in rows[:args.top]:
        spread = " ".join(f"{p}:{c}" for p, c in by_pivot.most_common())
        print(f"{n_texts:>5} {hits:>5} {native:>6}  {a} -> {b}   [{spread}]")
    print(f"{len(rows)} candidate pairs", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Rules right on the dev set in exactly one article: the candidates for sibling rules.

    python benchmarks/one_article_rules.py [REGEX]    # e.g. '^fr\\.false-friends'

For each rule (id matching REGEX) whose right findings on the annotated dev articles all lie in
one article, prints the finding's context and the expected repair. Such a rule may describe its
article rather than the phenomenon: the method is to name the French source behind it, write the
other forms the same source gives in a round trip, check which transfix already catches, and
write (precise) rules for the rest. Needs ../shared (the dev articles); prints nothing without it.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from devset import annotations  # noqa: E402
from eval_dev import overlaps  # noqa: E402

from transfix import Engine  # noqa: E402


def main() -> None:
    pattern = re.compile(sys.argv[1] if len(sys.argv) > 1 else ".")
    shared = HERE.parents[1] / "shared"
    if not shared.is_dir():
        raise SystemExit(f"one_article_rules: {shared} not found (the dev articles live there)")
    engine = Engine()
    right_in: dict[str, set[str]] = defaultdict(set)
    contexts: dict[str, list[str]] = defaultdict(list)
    for name, (text, artifacts) in sorted(annotations(shared).items()):
        for finding in engine.check(text):
            span = (finding.start, max(finding.end, finding.start + 1))
            for artifact in artifacts:
                if overlaps((artifact["start"], artifact["end"]), span):
                    right_in[finding.rule].add(name)
                    context = text[max(0, finding.start - 60):finding.end + 60].replace("\n", " ")
                    contexts[finding.rule].append(f"{context}  ==> {artifact.get('expected', '')!r}")
                    break
    chosen = [rule for rule in sorted(right_in) if pattern.search(rule) and len(right_in[rule]) == 1]
    for rule in chosen:
        print("##", rule)
        for context in contexts[rule]:
            print("   ", context)
    print(f"rules right in one article: {len(chosen)}", file=sys.stderr)


if __name__ == "__main__":
    main()

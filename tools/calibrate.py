"""Calibrate each rule's confidence on the annotated dev set: rules/calibration.json.

    python tools/calibrate.py [--shared ../shared] [--prior-weight 4]

For every rule that fires on the dev articles, its confidence becomes the share of its findings
that overlap an annotated artifact, smoothed toward the confidence its pack gives it (as if the
pack's value had been seen `prior-weight` times), so a rule seen twice is not set to 0 or 1. The
round-trip score weighs findings by this confidence. Rules that never fire on the dev set keep
their pack's value. Re-run after changing rules or the annotation.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from devset import annotations  # noqa: E402

from transfix import Engine  # noqa: E402
from transfix.loader import CALIBRATION  # noqa: E402
from transfix.model import Source  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--prior-weight", type=float, default=4.0)
    args = parser.parse_args()
    target = ROOT / "rules" / CALIBRATION
    if target.exists():
        target.unlink()  # measure the packs' own confidences, not the last calibration
    engine = Engine()
    seen, right = Counter(), Counter()
    for text, artifacts in annotations(args.shared).values():
        for finding in engine.check(text):
            if finding.source is not Source.RULES:
                continue
            end = max(finding.end, finding.start + 1)
            seen[finding.rule] += 1
            right[finding.rule] += any(a["start"] < end and finding.start < a["end"] for a in artifacts)
    table = {}
    for rule_id, count in sorted(seen.items()):
        prior = engine.rule(rule_id).confidence
        table[rule_id] = round((right[rule_id] + args.prior_weight * prior) / (count + args.prior_weight), 3)
    data = {
        "about": "Rule confidences calibrated on the project's annotation of its dev articles "
                 "(benchmarks/dev/); written by tools/calibrate.py.",
        "rules": table,
    }
    target.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} rules calibrated from {sum(seen.values())} findings -> {target}")


if __name__ == "__main__":
    main()

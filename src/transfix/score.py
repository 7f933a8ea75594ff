"""How likely a document went through a machine-translation round trip, and through which pivot.

The score is read from the findings: each finding of a rule weighs by its fix level and the rule's
confidence (page boilerplate weighs nothing: it says where a text was scraped, not how it was
translated). The weighted density per 1,000 words goes through a logistic curve centred on
`MIDPOINT` findings per 1,000 words (texts shorter than `MIN_WORDS` count as that long). The pivot is the language whose pivot-specific rules carry
most of the weight, when they carry enough of it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from .model import Finding, FixLevel, Source

LEVEL_WEIGHT = {FixLevel.SAFE: 1.0, FixLevel.UNSAFE: 0.8, FixLevel.SUGGEST: 0.5}
CATEGORY_WEIGHT = {"boilerplate": 0.0, "encoding": 0.0, "typography": 0.6}
MIDPOINT = 2.0  # weighted findings per 1,000 words at which the probability is 0.5
STEEPNESS = 1.5
MIN_PIVOT_WEIGHT = 0.4  # evidence needed before naming a pivot
MIN_PIVOT_SHARE = 0.5
# Short texts count as this many words, so one stray finding in a caption does not condemn it.
MIN_WORDS = 200
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Score:
    """How likely a text went through a machine-translation round trip, and through which pivot."""

    probability: float  # 0..1: how likely the text is a machine-translation round trip
    density: float  # weighted findings per 1,000 words
    words: int
    pivot: str | None  # most likely pivot language, None when the evidence does not say
    pivots: dict[str, float] = field(default_factory=dict)  # share of pivot-specific weight
    evidence: tuple[tuple[str, int], ...] = ()  # (rule, count), strongest first

    @property
    def verdict(self) -> str:
        if self.probability >= 0.8:
            return "round trip"
        if self.probability >= 0.4:
            return "possible round trip"
        return "no sign of a round trip"

    def to_dict(self) -> dict[str, Any]:
        return {
            "probability": round(self.probability, 4),
            "verdict": self.verdict,
            "density": round(self.density, 3),
            "words": self.words,
            "pivot": self.pivot,
            "pivots": {k: round(v, 3) for k, v in self.pivots.items()},
            "evidence": [{"rule": rule, "count": count} for rule, count in self.evidence],
        }


def finding_weight(finding: Finding) -> float:
    return LEVEL_WEIGHT[finding.fix] * finding.confidence * CATEGORY_WEIGHT.get(finding.category, 1.0)


def score_findings(text: str, findings: Sequence[Finding]) -> Score:
    words = sum(1 for _ in _WORD.finditer(text))  # no list of every word of a long text
    evidence = [f for f in findings if f.source is Source.RULES and finding_weight(f) > 0]
    total = sum(finding_weight(f) for f in evidence)
    density = total / max(words, MIN_WORDS) * 1000
    probability = 1 / (1 + math.exp(-STEEPNESS * (density - MIDPOINT))) if evidence else 0.0
    by_pivot: Counter[str] = Counter()
    for finding in evidence:
        specific = [p for p in finding.pivot if p != "any"]
        for pivot in specific:
            by_pivot[pivot] += finding_weight(finding) / len(specific)
    pivot_total = sum(by_pivot.values())
    shares = {p: w / pivot_total for p, w in by_pivot.most_common()} if pivot_total else {}
    pivot = None
    if shares and pivot_total >= MIN_PIVOT_WEIGHT:
        best, share = next(iter(shares.items()))
        if share >= MIN_PIVOT_SHARE:
            pivot = best
    weights: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for finding in evidence:
        weights[finding.rule] += finding_weight(finding)
        counts[finding.rule] += 1
    top = tuple((rule, counts[rule]) for rule, _ in weights.most_common(5))
    return Score(probability, density, words, pivot, shares, top)

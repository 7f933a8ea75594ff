"""Choose among findings: selection by rule prefix and pivot, then one finding per span."""

from __future__ import annotations

import bisect
from typing import Iterable

from .model import Finding, Source


def matches_prefix(rule_id: str, prefixes: Iterable[str]) -> bool:
    """`fr` selects `fr.false-friends.x`, not `fra.x`; a full id selects itself."""
    return any(rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in prefixes)


def is_selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    if select and not matches_prefix(rule_id, select):
        return False
    return not matches_prefix(rule_id, ignore)


def pivot_allowed(rule_pivots: tuple[str, ...], pivots: tuple[str, ...]) -> bool:
    return not pivots or "any" in rule_pivots or any(p in pivots for p in rule_pivots)


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Among rule findings that overlap, keep the longest (then surest, then safest) one.

    Normalisation and grammar findings are kept as they are: normalisation fixes characters, not
    words, and the rule findings around it already carry its repair; grammar findings were
    already dropped where a rule reports the same words. Boilerplate findings propose deleting a
    whole block, so they do not hide the fixes inside it (kept if the block is kept).
    """
    normalized = [f for f in findings if f.source is not Source.RULES or f.category == "boilerplate"]
    candidates = sorted(
        (f for f in findings if f.source is Source.RULES and f.category != "boilerplate"),
        key=lambda f: (-(f.end - f.start), f.fix.rank, -f.confidence, f.start, f.rule),
    )
    starts: list[int] = []  # kept spans, disjoint and sorted by start
    kept: list[Finding] = []
    for finding in candidates:
        index = bisect.bisect_left(starts, finding.start)
        neighbours = kept[max(0, index - 1):index + 1]
        if not any(_overlap(finding, other) for other in neighbours):
            starts.insert(index, finding.start)
            kept.insert(index, finding)
    return sorted(normalized + kept, key=lambda f: (f.start, f.end, f.rule))


def _overlap(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end

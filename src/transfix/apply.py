"""Splice chosen replacements into a text, skipping any edit that overlaps one already taken."""

from __future__ import annotations

from typing import Iterable

from .model import Finding


def apply_findings(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """Apply each finding's first replacement; return the new text and what was applied."""
    parts: list[str] = []
    applied: list[Finding] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.replacement is None or finding.start < position:
            continue
        if applied and finding.start == finding.end == applied[-1].end == applied[-1].start:
            continue
        parts.append(text[position:finding.start])
        parts.append(finding.replacement)
        position = finding.end
        applied.append(finding)
    parts.append(text[position:])
    return "".join(parts), applied

"""The self-contained HTML review report (placeholder until the page is written)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding
from .score import Score
from .textio import Document


@dataclass(frozen=True)
class ReportEntry:
    document: Document
    findings: tuple[Finding, ...]
    score: Score


def render_report(entries: list[ReportEntry]) -> str:
    raise NotImplementedError

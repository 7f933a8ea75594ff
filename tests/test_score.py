"""The round-trip score separates round-tripped text from clean text and names the pivot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import transfix
from transfix.model import Finding, FixLevel, Source
from transfix.score import score_findings

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "corpus" / "clean"


def clean_passages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.*")) if p.name != "README.md"]


def test_seed_scores_far_above_clean_text(seed_text):
    seed = transfix.score(seed_text)
    assert seed.probability > 0.95 and seed.pivot == "fr"
    assert seed.evidence and seed.verdict == "round trip"
    for text in clean_passages():
        clean = transfix.score(text)
        assert clean.probability < 0.4 and seed.density > 5 * max(clean.density, 0.1)


def test_round_tripped_passage_scores_high_and_names_french():
    result = transfix.score((ROOT / "corpus" / "mt" / "trade-talks.txt").read_text(encoding="utf-8"))
    assert result.probability > 0.9 and result.pivot == "fr"


def test_clean_wikipedia_paragraphs_score_low():
    lines = (CLEAN / "wikipedia-cc0.txt").read_text(encoding="utf-8").splitlines()
    chunks = [" ".join(lines[i:i + 20]) for i in range(0, len(lines), 20)]
    scores = [transfix.score(chunk).probability for chunk in chunks]
    assert sum(s >= 0.4 for s in scores) / len(scores) < 0.02


def _finding(rule: str, pivot: tuple[str, ...], fix=FixLevel.SAFE, category="calque") -> Finding:
    return Finding(rule, Source.RULES, 0, 1, "x", ("y",), fix, category, pivot, "m", confidence=1.0)


def test_boilerplate_is_not_evidence_and_pivot_needs_a_majority():
    text = "word " * 1000
    assert score_findings(text, [_finding("b", ("any",), category="boilerplate")] * 10).probability == 0
    mixed = [_finding("a", ("fr",))] * 3 + [_finding("b", ("de",))] * 3 + [_finding("c", ("es",))] * 3
    assert score_findings(text, mixed).pivot is None
    assert score_findings(text, [_finding("a", ("fr",))] * 4 + [_finding("b", ("de",))]).pivot == "fr"


def test_score_command_json():
    out = subprocess.run(
        [sys.executable, "-m", "transfix", "score", "--format", "json", str(ROOT / "corpus" / "mt" / "trade-talks.txt"),
         str(CLEAN / "editorial.txt")], capture_output=True, timeout=120,
    )
    assert out.returncode == 0
    files = json.loads(out.stdout)["files"]
    assert files[0]["pivot"] == "fr" and files[0]["probability"] > 0.9
    assert files[1]["probability"] < 0.1 and files[1]["evidence"] == []

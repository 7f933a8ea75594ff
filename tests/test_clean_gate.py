"""Clean native English must come through untouched: no safe or unsafe rule may fire on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from transfix.model import FixLevel, Source

CLEAN = Path(__file__).resolve().parents[1] / "corpus" / "clean"
# Suggestions are shown, never applied; still, on clean text they must stay rare.
MAX_SUGGESTIONS_PER_10K_WORDS = 5.0


def clean_documents() -> list[tuple[str, str]]:
    """Each line of the sentence corpus is a document; each written passage is one document."""
    documents = []
    for path in sorted(CLEAN.iterdir()):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        if path.name == "wikipedia-cc0.txt":
            documents += [(f"{path.name}:{n}", line) for n, line in enumerate(text.splitlines(), 1)]
        else:
            documents.append((path.name, text))
    return documents


@pytest.fixture(scope="module")
def clean_findings(engine):
    return [(name, f) for name, text in clean_documents() for f in engine.check(text)]


def test_the_gate_has_text():
    words = sum(len(text.split()) for _, text in clean_documents())
    assert words > 100_000


def test_no_safe_or_unsafe_finding_on_clean_text(clean_findings):
    applied = [
        f"{name}: {f.rule} {f.text!r}" for name, f in clean_findings if f.fix is not FixLevel.SUGGEST
    ]
    assert applied == []


def test_suggestions_on_clean_text_stay_rare(clean_findings):
    words = sum(len(text.split()) for _, text in clean_documents())
    suggestions = [f for _, f in clean_findings if f.fix is FixLevel.SUGGEST and f.source is Source.RULES]
    rate = len(suggestions) / words * 10_000
    assert rate <= MAX_SUGGESTIONS_PER_10K_WORDS, [f"{f.rule} {f.text!r}" for f in suggestions]


def test_fix_leaves_clean_passages_byte_identical(engine):
    for name, text in clean_documents():
        if name.startswith("wikipedia"):
            continue
        assert engine.repair(text, unsafe=True).text == text, name


DOCS = CLEAN / "docs"


def test_markdown_documentation_comes_through_untouched(engine):
    """Real documentation (written for the project, CC0): nothing applied, suggestions rare."""
    files = sorted(DOCS.glob("*.md"))
    assert len(files) >= 10
    words, suggestions = 0, []
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        findings = engine.check(text, kind="markdown")
        assert [f"{f.rule} {f.text!r}" for f in findings if f.fix is not FixLevel.SUGGEST] == [], path.name
        suggestions += [f"{path.name}: {f.rule} {f.text!r}" for f in findings]
        assert engine.repair(text, unsafe=True, kind="markdown").text == text, path.name
    assert words > 10_000
    assert len(suggestions) / words * 10_000 <= 3.0, suggestions


def test_default_grammar_is_quiet_on_documentation():
    from transfix import Engine
    from transfix.grammar import GrammarChecker, HarperBackend

    engine = Engine(grammar=GrammarChecker(HarperBackend()))
    words, found = 0, []
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        found += [f"{path.name}: {f.rule} {f.text!r}" for f in engine.check(text, kind="markdown")
                  if f.source is Source.GRAMMAR]
    assert len(found) / words * 10_000 <= 2.0, found

"""The pivot-lexicon rules of rules/fr/roundtrip-lexicon2.toml meet their words in their own senses
in native news: corpus/native-news/lexicon2.txt holds such sentences ('a link to the livestream'
kind of near-misses for each rule). Read as if the round-trip gate were open, none of them may be
flagged by a rule of that pack."""

from __future__ import annotations

from pathlib import Path

from transfix import Engine

SENTENCES = Path(__file__).resolve().parents[1] / "corpus" / "native-news" / "lexicon2.txt"
PACK = "fr.roundtrip-lexicon2."


def sentences() -> list[str]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_lexicon2_rules_leave_native_sentences_alone():
    engine = Engine(assume_roundtrip=True)
    assert any(rule.id.startswith(PACK) for rule in engine.rules)
    lines = sentences()
    assert len(lines) >= 250
    flagged = {}
    for sentence in lines:
        found = [f"{f.rule} {f.text!r}" for f in engine.check(sentence) if f.rule.startswith(PACK)]
        if found:
            flagged[sentence] = found
    assert not flagged, flagged

"""The pivot-lexicon rules of rules/fr/roundtrip-lexicon3.toml (entertainment and lifestyle words)
meet their words in their own senses in native news: corpus/native-news/lexicon3.txt holds such
sentences ('a combination of denim and lace', 'the jury of the Cannes Film Festival', 'a ballad on
the piano') for each rule. Read as if the round-trip gate were open, none of them may be flagged by
a rule of that pack, and neither may any native article of corpus/native-news/articles."""

from __future__ import annotations

from pathlib import Path

from transfix import Engine

NATIVE = Path(__file__).resolve().parents[1] / "corpus" / "native-news"
SENTENCES = NATIVE / "lexicon3.txt"
PACK = "fr.roundtrip-lexicon3."


def sentences() -> list[str]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_lexicon3_rules_leave_native_sentences_alone():
    engine = Engine(assume_roundtrip=True)
    assert any(rule.id.startswith(PACK) for rule in engine.rules)
    lines = sentences()
    assert len(lines) >= 150
    flagged = {}
    for sentence in lines:
        found = [f"{f.rule} {f.text!r}" for f in engine.check(sentence) if f.rule.startswith(PACK)]
        if found:
            flagged[sentence] = found
    assert not flagged, flagged


def test_lexicon3_rules_leave_native_articles_alone():
    engine = Engine(assume_roundtrip=True)
    flagged = {}
    for path in sorted((NATIVE / "articles").glob("*.txt")):
        found = [f"{f.rule} {f.text!r}" for f in engine.check(path.read_text(encoding="utf-8")) if f.rule.startswith(PACK)]
        if found:
            flagged[path.name] = found
    assert not flagged, flagged

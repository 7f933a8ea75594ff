"""Rules that wait for the round-trip gate still meet native English inside a round-tripped
article: the sentences the system translated back unchanged. Read as if the gate were open, the
native news sentences of corpus/native-news/ must stay (almost) silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from transfix import Engine

SENTENCES = Path(__file__).resolve().parents[1] / "corpus" / "native-news" / "sentences.txt"

# Known and accepted: each is a suggestion that a careful editor could read either way.
KNOWN = {
    # A "his" whose owner the passage never names: the possessive detector reads it as the
    # woman's, which is what a round trip most often did to such a sentence.
    "She learned of his death from a text message sent by his manager.",
    # "he"/"his" next to a thing with the man never named: read alone, these sentences have no
    # antecedent (in an article he is named in the sentences before, which the detector reads).
    "With six more events to come on the tour, he leads the standings by 200 points.",
    "The video posted on Instagram shows his new look after weeks of filming.",
    "The photo shows the legend at his home in Memphis in 1977.",
    # "him" for a player the sentence never names, next to a thing ("the club").
    "The club offered him a new contract as a birthday present to the fans.",
    # "his" for a thing two clauses away from the man it belongs to.
    "Obama would have signed the bill, his spokesman said, but it never reached his desk.",
    # "The Coldplay frontman" is the usual English; "the frontman of Coldplay" is not wrong.
    "The frontman of Coldplay is Chris Martin.",
    "The co-star of Ted Lasso has signed on for the fourth season.",
    "The team reached the second year final of the show's competition, the episode reveals.",
}


def sentences() -> list[str]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def gated_engine():
    return Engine(assume_roundtrip=True)


def test_the_corpus_has_sentences():
    assert len(sentences()) >= 300


def test_gated_rules_leave_native_news_sentences_alone(gated_engine):
    gated = {rule.id for rule in gated_engine.rules if rule.context.roundtrip}
    flagged = {}
    for sentence in sentences():
        found = [f"{f.rule} {f.text!r}" for f in gated_engine.check(sentence) if f.rule in gated]
        if found:
            flagged[sentence] = found
    unexpected = {s: f for s, f in flagged.items() if s not in KNOWN}
    assert not unexpected, unexpected


VOCABULARY = SENTENCES.with_name("vocabulary.txt")
# Accepted on native news text: each is a suggestion or a fix a careful editor would take.
VOCABULARY_KNOWN = {
    # "post" is as good as "message" there; a suggestion.
    'The star posted a cryptic message on her Instagram story: "Some people show you who they are."',
    # AP style joins both: the fixes are right.
    "The pair had a heated Q & A session with students after the screening.",
    "A 9 year old boy was among those rescued from the lake.",
    # A photo credit line is page furniture, whoever wrote it.
    "Photo: Getty Images",
}


def test_rules_that_fire_anywhere_leave_native_news_vocabulary_alone(engine):
    lines = VOCABULARY.read_text(encoding="utf-8").splitlines()
    sentences = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(sentences) >= 900
    flagged = {s: [f"{f.rule} {f.text!r}" for f in engine.check(s)] for s in sentences}
    unexpected = {s: found for s, found in flagged.items() if found and s not in VOCABULARY_KNOWN}
    assert not unexpected, unexpected

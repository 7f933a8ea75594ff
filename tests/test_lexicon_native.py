"""Gated packs written word by word or construction by construction (rules/fr/roundtrip-lexicon2/3/4.toml,
...) meet their words in their own senses in native news: a file of corpus/native-news/ holds, for
each rule of such a pack, native sentences using the word or construction it watches in its ordinary sense ('a link to the livestream', 'a combination of
denim and lace', 'a testament to her talent'). Read as if the round-trip gate were open, none of
them may be flagged by a rule of that pack, and neither may any native article of
corpus/native-news/articles. Each pack is checked alone, so that no finding of another pack can
hide one of its own (overlapping findings are resolved to one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transfix import Engine

NATIVE = Path(__file__).resolve().parents[1] / "corpus" / "native-news"
# pack: (its sentences in corpus/native-news/, how many at least)
PACKS = {
    "fr.roundtrip-lexicon2": ("lexicon2.txt", 250),
    "fr.roundtrip-lexicon3": ("lexicon3.txt", 150),
    "fr.roundtrip-lexicon4": ("lexicon4.txt", 150),
    "fr.roundtrip-lexicon5": ("lexicon5.txt", 100),
    "fr.roundtrip-calques": ("calques.txt", 100),
}


def sentences(pack: str) -> list[str]:
    path = NATIVE / PACKS[pack][0]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module", params=sorted(PACKS))
def pack(request):
    engine = Engine(assume_roundtrip=True, select=[request.param])
    assert engine.rules and all(rule.id.startswith(request.param + ".") for rule in engine.rules)
    return request.param, engine


def flagged(engine: Engine, texts: dict[str, str]) -> dict[str, list[str]]:
    found = {name: [f"{f.rule} {f.text!r}" for f in engine.check(text)] for name, text in texts.items()}
    return {name: hits for name, hits in found.items() if hits}


def test_pack_leaves_its_native_sentences_alone(pack):
    name, engine = pack
    lines = sentences(name)
    assert len(lines) >= PACKS[name][1]
    assert not flagged(engine, {line: line for line in lines})


def test_pack_leaves_native_articles_alone(pack):
    _, engine = pack
    articles = {p.name: p.read_text(encoding="utf-8") for p in sorted((NATIVE / "articles").glob("*.txt"))}
    assert len(articles) >= 100
    assert not flagged(engine, articles)

"""The Hyperscan prefilter (prefilter.py) may only save searches: whatever it skips, the findings
stay those of a search of every triggered rule."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import environ
import regex

from transfix import matcher, prefilter
from transfix.engine import Engine
from transfix.loader import compile_pattern
from transfix.model import BadExample, FixLevel, Rule

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?P<v>won|wins) (?P<v>the)\b", "(?:won|wins) (?:the)"),  # names dropped: they may repeat
    (r"[^\n]{0,160}x", "[^\\n]{0,}x"),  # bounded repeats widened
    (r"a\w+ \d{4}", "a[^ \\t\\n\\r\\f\\v]+ [^ \\t\\n\\r\\f\\v]{4}"),  # a word cannot hold a space
    (r"[Hh]is [\w'’-]+", "[Hh]is [^ \\t\\n\\r\\f\\v]+"),  # an ASCII set kept, a class set widened
    (r"caf\u00e9 Éte", "caf. .te"),  # a letter outside ASCII, in a caseless pattern: any character
    (r"it\x27s ’", "it\\x{27}s \\x{2019}"),
    (r"(?<=said )him(?! \w)", "(?<=said )him(?! [^ \\t\\n\\r\\f\\v])"),  # look-arounds: Hyperscan widens them
])
def test_patterns_are_widened_for_hyperscan(pattern, expected):
    assert prefilter.source(pattern, case_sensitive=False) == expected


def test_letters_outside_ascii_stay_exact_in_a_case_sensitive_pattern():
    assert prefilter.source("Éte", case_sensitive=True) == "\\x{c9}te"
    assert prefilter.source("(?i)Éte", case_sensitive=True) == "(?i).te"


@pytest.mark.parametrize("pattern", [
    r"(?m)^Scroll down", r"end$", r"\Aword", r"(\w+) \1", r"(?P<w>\w+) (?P=w)", r"a++b", r"(?>ab)c",
    r"\m\w+", r"(?x) a b", r"[[:alpha:]]",
])
def test_what_hyperscan_would_read_otherwise_is_left_out(pattern):
    assert prefilter.source(pattern, case_sensitive=False) is None


def test_the_characters_regex_folds_to_ascii_are_all_known():
    """The scan is skipped for a text with a character that regex's case-insensitive matching
    takes for an ASCII letter; the list must be complete."""
    letter = regex.compile(r"[A-Za-z]", regex.IGNORECASE | regex.V0)
    folded = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert folded == set(prefilter.FOLDED_TO_ASCII)


hyperscan = pytest.importorskip("hyperscan")


def _rule(rule_id: str, pattern: str, bad: str, good: str = "Nothing here.", **fields) -> Rule:
    return Rule(id=rule_id, kind="regex", fix=FixLevel.SUGGEST, category="test", pivot=("fr",), message="m",
                explanation="e", pattern=pattern, replacements=("X",), bad=(BadExample(bad, bad),), good=(good,),
                **fields)


RULES = [
    _rule("t.one", r"\bpoint of sale\b", "She told the point of sale."),
    _rule("t.two", r"\b(?:in|at) couple\b(?! of)", "They posed in couple."),
    _rule("t.three", r"\bthe (?-i:RPC)\b", "Talks with the RPC resumed."),
    _rule("t.anchored", r"(?m)^Scroll down\b", "Scroll down for video"),
]


@pytest.fixture()
def built(tmp_path, monkeypatch):
    blob = prefilter.build(RULES)
    assert blob is not None
    path = tmp_path / "prefilter-test.hsdb"
    path.write_bytes(blob)
    monkeypatch.setattr(prefilter, "_PATH", [path])
    monkeypatch.delenv("TRANSFIX_NO_PREFILTER", raising=False)
    monkeypatch.setattr(matcher, "PREFILTER_FROM", 0)  # every text asks it
    monkeypatch.setattr(matcher, "PREFILTER_AFTER", 0)
    return prefilter.current()


def test_the_prefilter_answers_for_the_rules_it_could_take(built):
    assert set(built.table_by_id) == {"t.one", "t.two", "t.three"}  # the anchored one is always searched
    assert built.possible("She told the point of sale and posed in couple.") == {"t.one", "t.two"}
    assert built.possible("Nothing to see.") == frozenset()
    assert built.possible("İstanbul point of sale") is None  # a character regex folds: search all
    assert built.possible("lone \ud800 surrogate") is None


def test_skipped_rules_cost_no_search_and_findings_stay(built, monkeypatch):
    searched = []
    search = matcher._search

    def counted(pattern, *args):
        searched.append(pattern.pattern)
        return search(pattern, *args)

    monkeypatch.setattr(matcher, "_search", counted)
    engine = Engine(rules=RULES, normalize_text=False)
    text = "The couple told the point of sale.\nScroll down for video\nThe RPC, as a couple."
    with_it = [(f.rule, f.start, f.end) for f in engine.check(text)]
    assert compile_pattern(r"\b(?:in|at) couple\b(?! of)", False).pattern not in searched
    assert [r for r, _, _ in with_it] == ["t.one", "t.anchored", "t.three"]
    monkeypatch.setattr(matcher, "PREFILTER_FROM", 10**9)
    searched.clear()
    assert [(f.rule, f.start, f.end) for f in Engine(rules=RULES, normalize_text=False).check(text)] == with_it
    assert len(searched) == 4


def test_a_rule_changed_since_the_build_is_searched(built):
    changed = [_rule("t.one", r"\bpoint of purchase\b", "She told the point of purchase.")] + RULES[1:]
    engine = Engine(rules=changed, normalize_text=False)
    assert [f.rule for f in engine.check("She told the point of purchase, in couple.")] == ["t.one", "t.two"]


def test_a_process_asks_the_prefilter_only_once_it_has_matched_enough_text(built, monkeypatch):
    asked = []
    possible = type(built).possible
    monkeypatch.setattr(type(built), "possible", lambda self, text: asked.append(text) or possible(self, text))
    monkeypatch.setattr(matcher, "PREFILTER_AFTER", 100)
    monkeypatch.setattr(matcher.Matcher, "matched", 0)
    engine = Engine(rules=RULES, normalize_text=False)
    short = "She told the point of sale."
    assert [f.rule for f in engine.check(short)] == ["t.one"]
    assert not asked  # a commit's short file does not pay for reading the prefilter
    for _ in range(4):
        assert [f.rule for f in engine.check(short)] == ["t.one"]
    assert asked  # past 100 characters matched, it is asked


def test_without_a_prefilter_every_rule_is_searched(tmp_path, monkeypatch):
    monkeypatch.setattr(prefilter, "_PATH", [tmp_path / "missing.hsdb"])
    monkeypatch.setattr(matcher, "PREFILTER_FROM", 0)
    engine = Engine(rules=RULES, normalize_text=False)
    assert [f.rule for f in engine.check("She told the point of sale.")] == ["t.one"]
    monkeypatch.setenv("TRANSFIX_NO_PREFILTER", "1")
    assert prefilter.current() is None


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped packs' cache and prefilter, built in a folder of their own."""
    from transfix.loader import default_rules_dir, load_rules

    root = default_rules_dir()
    cache = str(tmp_path_factory.mktemp("cache"))
    with environ(TRANSFIX_CACHE_DIR=cache, TRANSFIX_NO_CACHE=None, TRANSFIX_NO_PREFILTER=None):
        rules = load_rules([root], trusted=[root])
        yield rules, prefilter.current()


def _lines() -> list[str]:
    lines = []
    for folder in ("checklists", "mt"):
        for path in sorted((ROOT / "corpus" / folder).rglob("*.txt")):
            lines += [line.partition("\t# expected:")[0] for line in path.read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#")]
    return lines


def test_the_shipped_prefilter_takes_nearly_every_rule_and_changes_no_finding(shipped, monkeypatch):
    rules, found = shipped
    assert found is not None
    regexes = [r for r in rules if r.kind == "regex"]
    assert len(found.table_by_id) >= 0.9 * len(regexes)
    monkeypatch.setattr(prefilter, "_PATH", list(prefilter._PATH))
    lines = _lines()
    assert len(lines) > 3000
    engine = Engine(rules=rules, assume_roundtrip=True)
    monkeypatch.setattr(matcher, "PREFILTER_FROM", 0)
    monkeypatch.setattr(matcher, "PREFILTER_AFTER", 0)
    with_it = [[(f.rule, f.start, f.end, f.replacements) for f in engine.check(line)] for line in lines]
    monkeypatch.setattr(matcher, "PREFILTER_FROM", 10**9)
    without = [[(f.rule, f.start, f.end, f.replacements) for f in engine.check(line)] for line in lines]
    assert with_it == without
    assert sum(map(bool, with_it)) > len(lines) / 2  # the lines are damaged: most have findings

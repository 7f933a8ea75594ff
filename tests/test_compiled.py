"""The compiled packs in the rule cache (compiled.py) must behave exactly as the packs read
from TOML: same rules, same findings on short texts (dict look-ups) and long ones (automaton)."""

from __future__ import annotations

import pickle

import pytest
from conftest import environ

from transfix.compiled import LazyRule, precompiled, register
from transfix.model import Rule
from transfix.engine import Engine
from transfix.loader import default_rules_dir, load_rules

SHORT = (
    "The minister told the point of sale that the price would rise. Talks with the RPC resumed "
    "at the Chamber of deputies, and she said that he is the director of the museum."
)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = default_rules_dir()
    with environ(TRANSFIX_CACHE_DIR=str(tmp_path_factory.mktemp("cache")), TRANSFIX_NO_CACHE=None):
        load_rules([root], trusted=[root])  # builds the cache
        compiled = load_rules([root], trusted=[root])  # and reads it back
        with environ(TRANSFIX_NO_CACHE="1"):
            plain = load_rules([root], trusted=[root])
    return compiled, plain


def test_compiled_rules_equal_the_packs(both):
    compiled, plain = both
    assert [r.id for r in compiled] == [r.id for r in plain]
    phrase = next(r for r in compiled if r.kind == "phrase")
    assert isinstance(phrase, LazyRule) and phrase.phrase_index is not None
    assert compiled == plain  # deferred fields compare by content


def _findings(rules, text, **options):
    return [(f.rule, f.start, f.end, f.replacements) for f in Engine(rules=rules, **options).check(text)]


@pytest.mark.parametrize("repeat", [1, 120])  # 120 copies pass the automaton threshold
def test_same_findings_short_and_long(both, repeat):
    compiled, plain = both
    text = "\n\n".join([SHORT] * repeat)
    expected = _findings(plain, text)
    assert expected, "the sample should have findings"
    assert _findings(compiled, text) == expected


def test_a_selection_keeps_only_its_rules_in_both_paths(both):
    compiled, plain = both
    for text in (SHORT, "\n\n".join([SHORT] * 120)):
        # The last: one case-sensitive phrase rule, so that no case-insensitive key is left.
        for select in (("fr.false-friends",), ("de",), ("nothing",), ("common.capitalisation-roundtrip.maga-title-case",)):
            assert _findings(compiled, text, select=select) == _findings(plain, text, select=select)


def test_a_stored_pattern_is_loaded_not_compiled():
    import regex

    pattern = regex.compile(r"\bstored\b")
    register({("test", "stored"): pickle.dumps(pattern)})
    loaded = precompiled(("test", "stored"), lambda: pytest.fail("compiled although stored"))
    assert loaded.pattern == pattern.pattern and loaded.search("a stored word")
    register({("test", "broken"): b"not a pickle"})  # a damaged entry is compiled instead
    assert precompiled(("test", "broken"), lambda: "compiled") == "compiled"


def test_a_lazy_rule_acts_as_its_rule(both):
    import dataclasses

    compiled, plain = both
    lazy = next(r for r in compiled if r.kind == "regex" and r.bad)
    rule = next(r for r in plain if r.id == lazy.id)
    again = pickle.loads(pickle.dumps(lazy))
    assert "_loaded" not in vars(again)  # read on demand, not pickled
    assert again.message == rule.message and again.bad == rule.bad and again.pattern == rule.pattern
    assert again == rule and rule == again and hash(again) == hash(rule)
    # ... its phrase index too, though the cache file it was read from is not pickled with it.
    index, copied = lazy.phrase_index, again.phrase_index
    prefix = next(iter(index.prefixes(True)))
    assert copied._blobs is None and copied.shard(True, prefix) == index.shard(True, prefix)
    copy = dataclasses.replace(again, confidence=0.1)
    assert type(copy) is Rule and copy.confidence == 0.1 and copy.message == rule.message


def test_a_cache_file_stores_each_rule_once_and_reads_it_back(tmp_path):
    from transfix.compiled import compile_rules, dump, load

    rules = load_rules([default_rules_dir()], trusted=[default_rules_dir()])[:300]
    compiled, patterns = compile_rules(rules)
    data = dump(compiled, patterns)
    read, table, blobs = load(memoryview(data))
    assert read == rules and all(isinstance(r, LazyRule) for r in read)
    # Fields at their default are not stored, yet read as the rule has them.
    plain = next(r for r in rules if not r.antipatterns)
    assert "antipatterns" not in vars(next(r for r in read if r.id == plain.id))
    assert len(table) == len(patterns)
    with pytest.raises(ValueError):
        load(memoryview(data[:-1]))  # cut short
    with pytest.raises(ValueError):
        load(memoryview(b"x" + data[1:]))  # another format

"""Triggers read from a pattern: only a real verbose flag stops the reading; a trigger the pattern
puts at a word boundary is marked so (\\b), and then counts only at one."""

from __future__ import annotations

from transfix.matcher import Matcher
from transfix.model import BadExample, FixLevel, Rule
from transfix.triggers import END, START, bounds_of, derive_triggers, mark


def test_verbose_patterns_get_no_triggers():
    assert derive_triggers(r"(?x) payment \s walls") == ()
    assert derive_triggers(r"(?ix:payment walls)") == ()


def test_a_group_named_x_or_a_look_ahead_is_not_a_verbose_flag():
    assert derive_triggers(r"\baudition(?P<x>ed|s)? by the committee") == (r"\bcommittee",)  # the rarer word
    assert derive_triggers(r"\bvestibular(?= exams?\b)") == (r"\bvestibular\b",)
    assert derive_triggers(r"(?i)rare lands") == (r"\blands",)


def test_word_boundaries_come_from_the_pattern():
    assert derive_triggers(r"\b(?:neither|nor)\b") == (r"\bneither\b", r"\bnor\b")
    assert derive_triggers(r"\bfianc\w*") == (r"\bfianc",)  # a stem: its end is inside a word
    assert derive_triggers(r"colou?r\b") == ("colo",)  # the optional letter ends the run
    assert derive_triggers(r"(?:abc|de)fgh\b") == (r"fgh\b",)
    assert derive_triggers(r"\bword$") == (r"\bword\b",)
    assert derive_triggers(r"\bpart(?:y|ies)\b") == (r"\bpart",)
    assert derive_triggers(r"\bpart(?: time| of)") == (r"\bpart\b",)  # every alternative starts with a space
    assert derive_triggers(r"\bpart(?! of)") == (r"\bpart",)  # a negative look-ahead vouches for nothing
    assert derive_triggers(r"(?<=of the )bans") == (r"\bbans",)  # the look-behind ends with a space
    # The rarest requirement of an alternative prefers one bounded on both sides ("their" holds "heir").
    assert derive_triggers(r"(?<=\b(?-i:T|t)heir )bans\b") == (r"\bbans\b",)
    assert derive_triggers(r"\bcats?\b") == (r"\bcat",)
    assert derive_triggers(r"\bcat[\s,-]dog\b") == (r"\bcat\b",)  # a class of spaces and punctuation
    assert derive_triggers(r"\bcat[\w-]dog\b") == (r"\bcat",)


def test_flags_that_change_word_boundaries_leave_triggers_unbounded():
    assert derive_triggers(r"(?a)\bnor\b") == ("nor",)
    assert derive_triggers(r"(?w)\bnor\b") == ("nor",)


def test_a_repeated_letter_ends_a_run():
    # "no+r" matches "noor", which holds no "nor".
    assert derive_triggers(r"\bno+r") == ()
    assert derive_triggers(r"\bdoor+s\b") == (r"\bdoor",)


def test_marks_read_back():
    for word in ("nor", "fianc"):
        for bounds in (0, START, END, START | END):
            assert bounds_of(mark(word, bounds)) == (word, bounds)
    assert bounds_of(r"\b") == (r"\b", 0)


def _found(triggers: tuple[str, ...], text: str) -> list[str]:
    rule = Rule(id="test.cat", kind="regex", fix=FixLevel.SUGGEST, category="test", pivot=("fr",), message="m",
                explanation="e", pattern="cat", replacements=("CAT",), triggers=triggers,
                bad=(BadExample("a cat", "a CAT"),), good=())
    return [text[hit.start:hit.end] for hit in Matcher([rule]).match(text, None).hits]


def test_a_bounded_trigger_counts_only_at_a_word_boundary():
    # The pattern itself finds "cat" inside "concatenated"; a trigger written \bcat\b (a rule's
    # author may list one) runs it only near a whole word "cat".
    text = "The files were concatenated.\n\nNothing else happened."
    assert _found(("cat",), text) == ["cat"]
    assert _found((r"\bcat\b",), text) == []
    assert _found((r"\bcat\b",), "A cat sat.") == ["cat"]
    assert _found((r"\bcat",), "Two cats.") == ["cat"]  # only its start is bounded
    assert _found((r"cat\b",), "Two cats.") == []
    assert _found((r"\bcat\b",), "The cat_sat plugin.\n\nThe café: cat, dog.") == ["cat"]  # '_' is a word character

"""Triggers read from a pattern: only a real verbose flag stops the reading."""

from __future__ import annotations

from transfix.triggers import derive_triggers


def test_verbose_patterns_get_no_triggers():
    assert derive_triggers(r"(?x) payment \s walls") == ()
    assert derive_triggers(r"(?ix:payment walls)") == ()


def test_a_group_named_x_or_a_look_ahead_is_not_a_verbose_flag():
    assert derive_triggers(r"\baudition(?P<x>ed|s)? by the committee") == ("committee",)  # the rarer word
    assert derive_triggers(r"\bvestibular(?= exams?\b)") == ("vestibular",)
    assert derive_triggers(r"(?i)rare lands") == ("lands",)

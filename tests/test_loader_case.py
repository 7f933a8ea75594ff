"""A case-insensitive rule that names upper- or lower-case letters (\\p{Lu}, \\p{Ll}) means them:
the `regex` module would otherwise let them match letters of either case."""

from __future__ import annotations

import regex

from transfix.loader import compile_pattern, keep_case_classes


def test_cased_classes_keep_their_case_in_a_case_insensitive_pattern():
    pattern = compile_pattern(r"\bthe (\p{Lu}\p{Ll}+)", case_sensitive=False)
    assert pattern.search("THE Smith").group(1) == "Smith"
    assert pattern.search("the smith") is None
    inside_a_set = compile_pattern(r"x [\p{Lu}\"]", case_sensitive=False)
    assert inside_a_set.search('X "') and inside_a_set.search("x A") and not inside_a_set.search("x a")


def test_the_rewrite_leaves_everything_else_alone():
    assert keep_case_classes(r"\p{L}+ [a-z]\\p{Lu}") == r"\p{L}+ [a-z]\\p{Lu}"
    assert keep_case_classes(r"[]\p{Lu}]|\P{Ll}") == r"(?-i:[]\p{Lu}])|(?-i:\P{Ll})"
    assert keep_case_classes(r"[^\p{Ll}\]]+") == r"(?-i:[^\p{Ll}\]])+"
    for source in (r"[]\p{Lu}]", r"[^\p{Ll}\]]+", r"(?<=\p{Lu})x"):
        regex.compile(keep_case_classes(source), regex.V0 | regex.IGNORECASE)

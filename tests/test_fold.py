"""`fold` (phrases.py) works a piece at a time on long texts (bounded memory); the pieces must join to what
folding the whole text at once gives, whatever the characters."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transfix import phrases as matcher

_ALPHABET = st.sampled_from(list("aZ Σσς İ\u00a0\t\n.ΟΔΚ\u0130\u1e9e𝔄é ß"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80), st.integers(1, 12), st.booleans())
@example("ΟΔΟΣ ΚΑΙ ΟΔΟΣ", 3, True)
@example("İSTANBUL İ\u00a0İ", 2, True)
def test_pieces_fold_like_the_whole(text, piece, lower):
    whole = matcher._fold_piece(text, lower)
    original = matcher._FOLD_PIECE
    matcher._FOLD_PIECE = piece
    try:
        pieced = matcher.fold(text, lower)
    finally:
        matcher._FOLD_PIECE = original
    assert pieced == whole
    assert len(pieced) == len(text)


def test_long_text_is_folded_in_pieces():
    text = ("Ο ΔΡΟΜΟΣ İs\u00a0Long. " * 10_000)
    assert len(text) > matcher._FOLD_PIECE
    assert matcher.fold(text, True) == matcher._fold_piece(text, True)
    assert matcher.fold(text, False) == matcher._fold_piece(text, False)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("ab ")), max_size=60), st.integers(1, 9))
@example("abab ab abba", 2)
def test_automaton_scans_pieces_like_the_whole(haystack, piece):
    table = matcher.PhraseTable(lower=True)
    for key in ("ab", "b a", "abba", "a", "bab ab"):
        table.add(key, (key, ()))
    table.add("ba", ("trigger", ()), bounded=False)
    automaton = table._built()
    whole = list(automaton.iter(haystack))
    original = matcher._SCAN_PIECE
    matcher._SCAN_PIECE = piece
    try:
        pieced = list(table.iter(haystack))
    finally:
        matcher._SCAN_PIECE = original
    assert pieced == whole

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


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("abAB ΣσςΑ\u00a0\n")), max_size=60), st.integers(1, 9), st.booleans())
@example("abab ab abba", 2, True)
@example("ABBA\u00a0Ab  ΑΣ Σa", 1, True)
@example("ab\u00a0A b", 1, False)
def test_automaton_scans_pieces_like_the_whole(text, piece, lower):
    """A long text is folded and scanned a piece at a time (no folded copy of the whole text);
    the hits are those of scanning the whole folded text, once each, in the same order."""
    table = matcher.PhraseTable(lower=lower)
    for key in ("ab", "b a", "abba", "a", "bab ab", "σ a", "ας", "AB", "B a"):
        table.add(key if not lower else key.lower(), (key, ()))
    table.add("ba", ("trigger", ()), bounded=False)
    automaton = table._built()
    whole = list(automaton.iter(matcher._fold_piece(text, lower)))
    original = matcher._SCAN_PIECE
    matcher._SCAN_PIECE = piece
    try:
        pieced = list(table.iter(text))
    finally:
        matcher._SCAN_PIECE = original
    assert pieced == whole

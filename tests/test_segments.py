"""Paragraph splitting without a per-character regex (detectors.segments) finds exactly the
paragraphs the former patterns did, and keeps memory flat on a one-paragraph megabyte."""

from __future__ import annotations

import tracemalloc

import regex
from hypothesis import given, settings, strategies as st

from transfix.detectors import segments
from transfix.detectors.balance import _BREAK, QuoteBalance
from transfix.detectors.pronoun_things import _PARAGRAPH_END

# The patterns these replaced, kept here as the specification.
BLOCK = regex.compile(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*")
PARAGRAPH = regex.compile(r"(?:[^\n]|\n(?![ \t]*(?:\n|$)))+")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \t\n\r\u2028", max_size=30))
def test_segments_match_the_former_patterns(text):
    assert [m.span() for m in segments(text, _BREAK)] == [m.span() for m in BLOCK.finditer(text)]
    assert [m.span() for m in segments(text, _PARAGRAPH_END)] == [m.span() for m in PARAGRAPH.finditer(text)]


def test_a_long_paragraph_costs_no_memory_per_character():
    text = 'He said "it works. ' + "Word after word, " * 60_000 + "\n\nNext."
    tracemalloc.start()
    try:
        list(QuoteBalance({}).find(text))
        list(segments(text, _PARAGRAPH_END))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * len(text)  # the former pattern took over 100 bytes a character

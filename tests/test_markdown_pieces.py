"""A long Markdown document is parsed a piece at a time (mdparse.pieces): the protected spans
must be those of one parse of the whole document, wherever the pieces end."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transfix import mdparse
from transfix.markup import protected_spans

BLOCKS = [
    "# A heading with `code`",
    "A paragraph that goes on\nover a second line with [a link][ref] and `inline\ncode`.",
    "Setext heading\n---",
    "Setext heading\n===",
    "- item one\n- item two\n\n  continued in item two with `code`\n- item three",
    "1. first\n2. second\n   1. nested `x`",
    "> a quote with `code`\nlazy continuation line\n> > nested",
    "```python\nx = 1\n\ny = 2  # the price\n```",
    "~~~\nunclosed fence runs on\n\nand on",
    "    indented code\n\n    more indented code",
    "<!-- a comment\n\nover a blank line -->",
    "<div>\nraw *html* block\n</div>",
    "| a | b |\n|---|---|\n| `c` | d |\n| e \\| f | g |",
    "[ref]: https://example.org/r",
    '[ref2]: https://example.org/r2\n  "a title on\n  two lines"',
    "Text with [a forward reference][ref2] and an autolink <https://example.org>.",
    "Inline <span>html</span> and &amp; entity and ![image](i.png).",
    "***",
    "Paragraph\n# interrupted by a heading",
    "<pre>\nraw `text`\n\nstill pre\n</pre>",
    "  - an indented item\n\n        code in the item\n\n    more of the item",
    "> quote\n\n> another quote with [ref]",
    "Paragraph\n    lazy indented continuation",
    "[ref3]:\n  https://example.org/r3\n\nUses [ref3].",
    "",
]


def spans(text: str, piece_chars: int, monkeypatch) -> list:
    monkeypatch.setattr(mdparse, "PIECE_CHARS", piece_chars)
    return protected_spans(text, "markdown")


@settings(max_examples=int(os.environ.get('PIECES_EXAMPLES', 150)), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=14),
       st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n"]), min_size=14, max_size=14),
       st.integers(min_value=1, max_value=120))
def test_pieces_give_the_spans_of_the_whole_document(monkeypatch, blocks, separators, piece_chars):
    text = "".join(block + separator for block, separator in zip(blocks, separators, strict=False))
    assert spans(text, piece_chars, monkeypatch) == spans(text, 1 << 30, monkeypatch)


@pytest.mark.parametrize("piece_chars", [1, 10, 100])
def test_pieces_on_front_matter_and_a_long_document(monkeypatch, piece_chars):
    text = "---\ntitle: x\n---\n\n" + "\n\n".join(BLOCKS * 5) + "\n"
    assert spans(text, piece_chars, monkeypatch) == spans(text, 1 << 30, monkeypatch)

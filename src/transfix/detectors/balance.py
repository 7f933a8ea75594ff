"""A quotation opened in a paragraph and never closed: the round trip lost its closing mark.

French closes a quotation with " »", often at the very end of a paragraph; a round trip loses that
mark (or turns it into a stray apostrophe), and the English paragraph ends with a full stop inside
a quotation that never closes: `... he said. "We had no choice.` Native text closes every
quotation in the paragraph that opened it, with one exception that English style books prescribe:
a quotation that runs over several paragraphs leaves its closing mark off at the end of each
paragraph but the last, and opens each following paragraph with a quotation mark again. So the
detector flags the end of a paragraph (a block between blank lines) whose last quotation mark opens
a quotation (a curly opening mark, or a straight one after a space and before a word) when the
paragraph ends with a sentence's closing punctuation and the next paragraph does not open with a
quotation mark. Blocks with code, tables or indented code say nothing. The finding is the last word
of the paragraph and the repair adds the closing mark; a stray apostrophe left where the mark was
(`love. '`) is replaced by it.
"""

from __future__ import annotations

import re
from collections import deque

import regex

from ..compiled import compile_regex
from . import Found, check_options, segments

# Paragraphs: text between line breaks that begin a blank line (a paragraph starts at a character
# other than a line break).
_BREAK = re.compile(r"\n(?=[ \t]*\n)|^\n+|(?<=\n)\n+")
_MARKS = compile_regex(r"[\"“”]")
# The end of a paragraph: a word, its sentence-closing punctuation, perhaps a stray apostrophe.
_END = compile_regex(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*[)\]]?[.!?…]+(?P<tail> ?['’]{1,2})?$")
_CODE = compile_regex(r"`|^(?: {4}|\t)|^\s*[|>]|[{}<>=\\]|^\s*(?:[-*+]|\d+[.)])\s", regex.MULTILINE)
_OPEN_BEFORE = set(" \t\n([{—–-/")
_MAX_BLOCK = 3000


def _opens(block: str, index: int) -> bool:
    mark = block[index]
    if mark == "“":
        return True
    if mark == "”":
        return False
    before = block[index - 1] if index else " "
    after = block[index + 1] if index + 1 < len(block) else " "
    return before in _OPEN_BEFORE and (after.isalnum() or after in "'‘")


def _reopens(text: str, block: re.Match) -> bool:
    """Whether a block opens with a quotation mark after any white space (or is only white space)."""
    first = _FIRST.match(text, block.start(), block.end())
    return first is None or first.group(1) in "\"“"


_FIRST = re.compile(r"\s*(\S)")
# A photo caption of a scraped news page: one line, a short label and a colon, no closing stop
# ("Family of five: Kristin and Jay with their three children"). A quotation that runs on over
# several paragraphs reopens in the next paragraph of prose, after any captions between.
_CAPTION = re.compile(r"[ \t]*[^\s:\"“][^:\n\"“]{0,40}: [^\n\"“”]{1,300}(?<![.!?…'’])\s*")


def _caption(text: str, block: re.Match) -> bool:
    return _CAPTION.fullmatch(text, block.start(), block.end()) is not None


class QuoteBalance:
    def __init__(self, options) -> None:
        pass

    @staticmethod
    def validate(options) -> None:
        check_options(options, {})

    def find(self, text: str):
        if '"' not in text and "“" not in text:
            return
        # Blocks are read a few ahead at most: a list of every block's match object would be 100
        # bytes a paragraph (27 MB for a 16 MB Markdown document).
        blocks = segments(text, _BREAK)
        ahead: deque = deque()

        def read(index: int) -> re.Match | None:
            """The block `index` places after the current one (None past the last)."""
            while index >= len(ahead):
                block = next(blocks, None)
                if block is None:
                    return None
                ahead.append(block)
            return ahead[index]

        def prose_after() -> re.Match | None:
            """The first block after the current one that is not a photo caption."""
            index = 0
            while (block := read(index)) is not None and _caption(text, block):
                index += 1
            return block

        while read(0) is not None:
            match = ahead.popleft()
            end = match.end()  # the block less its trailing white space, measured before it is copied
            while end > match.start() and text[end - 1].isspace():
                end -= 1
            if end - match.start() > _MAX_BLOCK:
                continue
            block = text[match.start():end]
            if _CODE.search(block):
                continue
            marks = [m.start() for m in _MARKS.finditer(block)]
            if not marks or not _opens(block, marks[-1]):
                continue
            # Only a paragraph followed by another is known to end there; a quotation over
            # several paragraphs reopens in the next one.
            following = prose_after()
            if following is None or _reopens(text, following):
                continue
            end = _END.search(block)
            if end is None or end.start() <= marks[-1]:
                continue
            # At least two words quoted: a lone opening mark before the last word is no quotation.
            if len(block[marks[-1] + 1:].split()) < 2:
                continue
            closing = "”" if block[marks[-1]] == "“" else '"'
            tail = end.group("tail")
            word = end.group()[: len(end.group()) - len(tail)] if tail else end.group()
            start = match.start() + end.start()
            yield Found(start, start + len(end.group()), (word + closing,))

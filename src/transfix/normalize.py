"""Unicode repair with ftfy, turned into reviewable findings and an offset map.

ftfy fixes whole strings; the user needs to see each change. We run ftfy line by line, align each
changed line with its repair, and turn every changed stretch into a finding of its own, located in
the text as the user gave it. The `OffsetMap` carries later findings, found in the normalised text,
back to the user's offsets.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from dataclasses import dataclass
from typing import NamedTuple

from .model import Finding, FixLevel, Source

# The ASCII characters ftfy changes under ftfy_config(): controls but tab, line feed, form feed
# and carriage return (tests/test_normalize.py asks ftfy). ASCII text without them needs no
# ftfy at all, not even its import (most files of a pre-commit run).
_ASCII_CHANGED = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@functools.lru_cache(maxsize=1)
def ftfy_config():
    import ftfy

    # Curly quotes and line breaks are good typography and the user's own choice: not damage.
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, unescape_html=False)


def _fix(text: str) -> str:
    import ftfy

    return ftfy.fix_text(text, ftfy_config())

_STEP_RULES = {
    "fix_latin_ligatures": ("ligature", "Typographic ligature split into its letters"),
    "fix_character_width": ("width", "Full-width character replaced by its usual form"),
    "remove_terminal_escapes": ("terminal-escape", "Terminal escape sequence removed"),
    "fix_c1_controls": ("control-char", "C1 control character replaced"),
    "remove_control_chars": ("control-char", "Invisible control character removed"),
    "fix_surrogates": ("surrogate", "Broken UTF-16 surrogate pair repaired"),
    "unescape_html": ("html-entity", "HTML entity replaced by its character"),
}
_MOJIBAKE = ("mojibake", "Mojibake: text was decoded with the wrong encoding")
_FORM = ("unicode-form", "Unicode normalised to composed form (NFC)")
# Every rule id a normalisation finding can carry (for checking selectors).
RULE_IDS = frozenset(f"normalize.{name}" for name, _ in (*_STEP_RULES.values(), _MOJIBAKE, _FORM))

EXPLANATION = (
    "Text that passed through several systems is often decoded with the wrong character set "
    "(UTF-8 read as Windows-1252 gives 'Ã©' for 'é') or picks up invisible characters; ftfy "
    "recognises these patterns and restores the intended characters."
)


@dataclass(frozen=True)
class OffsetMap:
    """Changed blocks as (norm_start, norm_end, orig_start, orig_end), sorted."""

    blocks: tuple[tuple[int, int, int, int], ...] = ()

    def to_original(self, position: int, *, is_end: bool = False) -> int:
        """A position in the normalised text, in the text as the user gave it."""
        return self._map(position, is_end, source=0)

    def to_normalized(self, position: int, *, is_end: bool = False) -> int:
        """The inverse of `to_original`: a position in the user's text, in the normalised text."""
        return self._map(position, is_end, source=2)

    def _map(self, position: int, is_end: bool, source: int) -> int:
        """Map through the changed blocks; `source` is 0 (normalised side) or 2 (original side).

        Positions between blocks shift by the blocks before them; a position inside a changed
        block goes to the start of its image, or to its end for the end of a span."""
        if not self.blocks:
            return position
        target = 2 - source
        starts = self.__dict__.get(f"_starts{source}")
        if starts is None:
            starts = [block[source] for block in self.blocks]
            object.__setattr__(self, f"_starts{source}", starts)
        index = bisect.bisect_right(starts, position) - 1
        if index < 0:
            return position
        block = self.blocks[index]
        start, end = block[source], block[source + 1]
        image_start, image_end = block[target], block[target + 1]
        if position >= end:
            return position - end + image_end
        if position == start:
            return image_start
        return image_end if is_end else image_start


class Normalized(NamedTuple):
    """The normalised text, one finding per change, and the map back to the user's offsets."""

    text: str
    findings: tuple[Finding, ...]
    offsets: OffsetMap


_PIECE = 1 << 20


def _fixed(text: str) -> str:
    """ftfy's repair of `text`, a piece of about a megabyte at a time, each cut after a line break
    as ftfy cuts its own segments (so the result is the same): the repaired copy of a long text's
    every line is not built when nothing changes (60 MB for a 16 MB document)."""
    if len(text) <= _PIECE:
        return _fix(text) if _may_change(text) else text
    done: list[str] = []  # the pieces so far, once one of them has changed
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _PIECE) + 1 or len(text)
        piece = text[start:cut]
        fixed = _fix(piece) if _may_change(piece) else piece
        if fixed != piece and not done:
            done.append(text[:start])
        if done:
            done.append(fixed)
        start = cut
    return "".join(done) if done else text


def normalize(text: str) -> Normalized:
    fixed = _fixed(text)
    if fixed == text:
        return Normalized(text, (), OffsetMap())
    before_lines = text.splitlines(keepends=True)
    after_lines = fixed.splitlines(keepends=True)
    if len(before_lines) != len(after_lines):
        # ftfy joined or split lines: repair line by line so each change stays on its line.
        after_lines = [_fix(line) if _may_change(line) else line for line in before_lines]
    findings: list[Finding] = []
    blocks: list[tuple[int, int, int, int]] = []
    orig_pos = norm_pos = 0
    for line, repaired in zip(before_lines, after_lines):
        if repaired != line:
            for tag, i1, i2, j1, j2 in _opcodes(line, repaired):
                blocks.append((norm_pos + j1, norm_pos + j2, orig_pos + i1, orig_pos + i2))
                findings.append(_finding(orig_pos + i1, orig_pos + i2, line[i1:i2], repaired[j1:j2]))
        orig_pos += len(line)
        norm_pos += len(repaired)
    return Normalized("".join(after_lines), tuple(findings), OffsetMap(tuple(blocks)))


def _may_change(text: str) -> bool:
    return not text.isascii() or _ASCII_CHANGED.search(text) is not None


def _opcodes(before: str, after: str) -> list[tuple[str, int, int, int, int]]:
    """Aligned edits, with edits that are only a character or two apart merged into one."""
    import difflib

    merged: list[list] = []
    # What the two share at either end is left out of the alignment, which is quadratic in what
    # it is given: a 70 KB line with one NUL took a minute.
    head = len(os.path.commonprefix([before, after]))
    tail = len(os.path.commonprefix([before[head:][::-1], after[head:][::-1]]))
    inner = difflib.SequenceMatcher(None, before[head:len(before) - tail], after[head:len(after) - tail],
                                    autojunk=False)
    for tag, i1, i2, j1, j2 in inner.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if merged and i1 - merged[-1][2] <= 2 and j1 - merged[-1][4] <= 2 and before[merged[-1][2]:i1].strip():
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append(["replace", i1, i2, j1, j2])
    return [tuple(op) for op in merged]


def _finding(start: int, end: int, original: str, repaired: str) -> Finding:
    name, message = _classify(original)
    fix = FixLevel.SAFE
    if (name, message) == _FORM:
        # Decomposed and composed forms look the same: say which code points change, and leave
        # the choice to the user (names such as 'Lesiński' are often typed decomposed on purpose).
        message = f"{message}: {_code_points(original)} -> {_code_points(repaired)}"
        fix = FixLevel.SUGGEST
    return Finding(
        rule=f"normalize.{name}",
        source=Source.NORMALIZE,
        start=start,
        end=end,
        text=original,
        replacements=(repaired,),
        fix=fix,
        category="encoding",
        pivot=("any",),
        message=message,
        confidence=0.95,
        explanation=EXPLANATION,
    )


def _code_points(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def _classify(fragment: str) -> tuple[str, str]:
    import ftfy

    steps = ftfy.fix_and_explain(fragment, ftfy_config()).explanation or []
    for action, detail in steps:
        if action in ("encode", "decode", "transcode") or detail in (
            "restore_byte_a0", "replace_lossy_sequences", "decode_inconsistent_utf8",
        ):
            return _MOJIBAKE
    for action, detail in steps:
        if action == "apply" and detail in _STEP_RULES:
            return _STEP_RULES[detail]
    if any(action == "normalize" for action, _ in steps):
        return _FORM
    return _MOJIBAKE

"""Small helpers over spans of text: sorted interval lookups and line/column positions."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable


def offsets(limit: int, values=()) -> array:
    """An array for offsets up to `limit` (a text's length): 4 bytes an offset, 8 past 2**31.
    A long text keeps several (line starts, sentence boundaries, trigger places)."""
    return array("i" if limit < 2**31 else "q", values)


class Intervals:
    """A sorted set of [start, end) spans that answers `overlaps` in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]], *, ordered: bool = False) -> None:
        """`spans` in any order, or sorted by start when `ordered` says so."""
        # Arrays: 16 bytes a span, where lists of ints (and a list a merged span) took ~150; a
        # long Markdown document has a protected span every hundred characters.
        self.starts, self.ends = array("q"), array("q")
        for start, end in spans if ordered else sorted(spans):
            if self.starts and start <= self.ends[-1]:
                if end > self.ends[-1]:
                    self.ends[-1] = end
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def __iter__(self):
        return iter(zip(self.starts, self.ends, strict=True))

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        if index < 0:
            return False
        # A zero-length span (an insertion) is inside a protected span if strictly within it.
        if start == end:
            return self.starts[index] < start < self.ends[index]
        return self.ends[index] > start


class SpanBuffer:
    """[start, end) spans collected in any order, 8 bytes a span (a tuple in a list takes ~130:
    a long Markdown document records a protected span every hundred characters)."""

    def __init__(self, limit: int) -> None:
        self.starts, self.ends = offsets(limit), offsets(limit)

    def __len__(self) -> int:
        return len(self.starts)

    def append(self, span: tuple[int, int]) -> None:
        self.starts.append(span[0])
        self.ends.append(span[1])

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        for span in spans:
            self.append(span)

    def intervals(self) -> Intervals:
        """The spans that are not empty, merged (sorted through an index, not a list of pairs)."""
        starts, ends = self.starts, self.ends
        order = sorted(range(len(starts)), key=starts.__getitem__)
        return Intervals(((starts[i], ends[i]) for i in order if ends[i] > starts[i]), ordered=True)


class LineIndex:
    """Maps code-point offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = offsets(len(text), (0,))  # 4 bytes a line, where a list of ints takes 36
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

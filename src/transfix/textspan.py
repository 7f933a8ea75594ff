"""Small helpers over spans of text: sorted interval lookups and line/column positions."""

from __future__ import annotations

import bisect
from array import array


class Intervals:
    """A sorted set of [start, end) spans that answers `overlaps` in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

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


class LineIndex:
    """Maps code-point offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = array("q", (0,))  # 8 bytes a line, where a list of ints takes 36
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

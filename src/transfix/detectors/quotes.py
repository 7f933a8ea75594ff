"""Comma and full stop moved outside the closing quotation mark, in a document that puts them inside.

American usage puts a comma or full stop inside the closing quotation mark (`"a sister,"`); French
puts it outside, and a round trip through French moves some of them out (`"a sister",`). A text
that puts them outside everywhere may simply follow British (logical) usage, so the detector only
fires where the same document also puts them inside at least `min_inside` times, and at least as
often as outside: the minority that breaks the document's own usage is the evidence. With
`majority = false` (for a rule that reports only in documents already shown to be round trips),
the document's usage need not lean inside.
"""

from __future__ import annotations

from ..compiled import compile_regex
from . import Found, check_options

_INSIDE = compile_regex(r"\w[,.][\"”]")
_OUTSIDE = compile_regex(r"(?<=[\p{L}\d!?])([\"”])([,.])(?![\d\p{L}])")


class QuotePunctuation:
    def __init__(self, options) -> None:
        self.min_inside = options.get("min_inside", 1)
        self.majority = options.get("majority", True)

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"min_inside": int, "majority": bool})

    def find(self, text: str):
        if '"' not in text and "”" not in text:
            return
        inside = len(_INSIDE.findall(text))
        outside = list(_OUTSIDE.finditer(text))
        # Technical and British texts put them outside by rule: only a minority outside is news.
        if inside < self.min_inside or (self.majority and inside < len(outside)):
            return
        for match in outside:
            quote, mark = match.group(1), match.group(2)
            if text[match.start() - 1] in "!?" and mark == ".":
                yield Found(match.start(), match.end(), (quote,))
                continue
            yield Found(match.start(), match.end(), (mark + quote,))

"""Find the spans that no rule may touch: code, URLs, e-mail addresses and HTML markup."""

from __future__ import annotations

import regex

from .textspan import Intervals

_PROTECTED = regex.compile(
    r"""
      (?P<fence>^[ \t]{0,3}(?P<mark>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ \t]{0,3}(?P=mark)[ \t]*$)
    | (?P<raw><(?P<tag>script|style|pre|code)\b[^>]*>.*?</(?P=tag)\s*>)
    | (?P<code>(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?P=ticks))
    | (?P<comment><!--.*?-->)
    | (?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
    | (?P<url>\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"'`]+)
    | (?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)
    | (?P<entity>&(?:[A-Za-z]+|\#\d+|\#x[0-9A-Fa-f]+);)
    """,
    regex.VERBOSE | regex.MULTILINE | regex.DOTALL | regex.IGNORECASE,
)

# A URL's closing punctuation usually belongs to the sentence, not to the address.
_TRAILING = ".,;:!?)]}'\""


def protected_spans(text: str) -> Intervals:
    spans = []
    if any(marker in text for marker in ("`", "~~~", "<", "://", "www.", "@", "&")):
        for match in _PROTECTED.finditer(text):
            start, end = match.span()
            if match.lastgroup == "url":
                while end > start and text[end - 1] in _TRAILING:
                    end -= 1
            spans.append((start, end))
    return Intervals(spans)

"""Find the spans that no rule may touch: code, URLs, e-mail addresses and HTML markup.

Each kind of span has its own pattern, run only when its marker character occurs in the text;
the spans are merged afterwards. Simple patterns use the standard library's `re`, which scans
plain character classes faster than `regex`.
"""

from __future__ import annotations

import re

from .textspan import Intervals

_FLAGS = re.MULTILINE | re.DOTALL | re.IGNORECASE
_CODE = re.compile(
    r"^[ \t]{0,3}(?P<mark>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ \t]{0,3}(?P=mark)[ \t]*\r?$"  # fenced block
    r"|(?P<ticks>`+)(?!`)(?:(?!\r?\n[ \t]*\r?\n).)+?(?P=ticks)",  # inline code, within a paragraph
    _FLAGS,
)
_MARKUP = re.compile(
    r"<(?P<tag>script|style|pre|code)\b[^>]*>.*?</(?P=tag)\s*>"
    r"|<!--.*?-->"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
    _FLAGS,
)
_URL = re.compile(r"(?<![\w.+-])(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
# An address written without its scheme: a host name with a path (example.com/OTAN/x.pdf), or
# protocol-relative (//cdn.example.com/x.js), but not the "//" of "https: //" that a rule mends.
HOST_PATH = (r"(?<![\w.@/+-])(?:(?<!: )//)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
             r"(?::\d{1,5})?/[^\s<>\"'`]*")
HOST_PATH_RE = re.compile(HOST_PATH, re.IGNORECASE)
# A host name alone (nato.int, OTAN.int, bbc.co.uk): only with a common top-level domain written in
# lower case, so that "said.It" or "e.g." stay prose.
HOST_RE = re.compile(r"(?<![\w.@/+-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                   r"(?:com|org|net|int|gov|edu|mil|info|biz|uk|eu|fr|nl|ru|ca|au|jp|cn|app|dev)(?![\w@-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+\b")


def _local_char(char: str) -> bool:
    return char.isalnum() or char in "_.+-"


def email_spans(text: str, low: int = 0, high: int | None = None, word_start: bool = False) -> list[tuple[int, int]]:
    """What `_EMAIL.finditer(text, low, high)` finds (with `word_start`, the pattern led by `\b`),
    found from each '@' instead: the regex would retry its local part at every word of a long
    dotted token (quadratic); each character here is looked at a bounded number of times."""
    high = len(text) if high is None else high
    spans: list[tuple[int, int]] = []
    floor = low
    at = text.find("@", low, high)
    while at != -1:
        start = at
        while start > floor and _local_char(text[start - 1]):
            start -= 1
        if word_start:  # the first place in the local part where \b holds
            while start < at and (start > 0 and _is_word(text[start - 1])) == _is_word(text[start]):
                start += 1
        domain = _DOMAIN.match(text, at, high) if start < at else None
        if domain is not None:
            spans.append((start, domain.end()))
            floor = domain.end()
            at = text.find("@", floor, high)
        else:
            at = text.find("@", at + 1, high)
    return spans


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")

# A URL's closing punctuation usually belongs to the sentence, not to the address.
_TRAILING = ".,;:!?)]}'\""


def protected_spans(text: str) -> Intervals:
    spans: list[tuple[int, int]] = []
    if "`" in text or "~~~" in text:
        spans += [m.span() for m in _CODE.finditer(text)]
    if "<" in text:
        spans += [m.span() for m in _MARKUP.finditer(text)]
    urls = []
    if "://" in text or "www." in text:
        urls += _URL.finditer(text)
    if "/" in text:
        urls += HOST_PATH_RE.finditer(text)
    if "." in text:
        urls += HOST_RE.finditer(text)
    for match in urls:
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end))
    if "@" in text:
        spans += email_spans(text)
    if "&" in text:
        spans += [m.span() for m in _ENTITY.finditer(text)]
    return Intervals(spans)

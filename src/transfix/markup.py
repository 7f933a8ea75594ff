"""Markup awareness: which parts of a Markdown or HTML document are prose, and inline directives.

`protected_spans(text, kind)` returns the [start, end) code-point offsets into `text`, exactly as
given (CRLF, a BOM, tabs and characters outside the BMP included), that no rule may flag or change:

- ``text``: today's regex mask (`transfix.mask`): URLs, e-mails, inline code, fences, HTML.
- ``markdown``: parsed with markdown-it-py (CommonMark plus GFM tables and strikethrough).
  Protected: front matter (``---``/``+++`` at the top), fenced and indented code blocks, inline
  code, link and image destinations and titles (``](url "title")``), reference labels
  (``[text][label]``), reference definitions, autolinks, inline HTML tags, raw HTML blocks
  (their tags, attributes, comments and code-like elements: the text between tags is prose),
  entity references, ``$$`` display-math paragraphs, and bare URLs and e-mail addresses in prose.
  Link text and image alt text are prose, except in a shortcut or collapsed reference
  (``[label]``, ``[label][]``), whose text is also the key of its definition.
- ``html``: parsed with the standard library's `html.parser`: tags with their attributes,
  comments, doctype and other declarations, processing instructions, entity references, and the
  contents of ``script``, ``style``, ``pre``, ``code`` (and the other code-like elements in
  `RAW_ELEMENTS`) are protected; the text between tags is prose.

`directives(text, kind)` reads the inline directives of the host format: in HTML and Markdown
comments (``<!-- transfix: off -->``), in plain text on a line of their own, alone or after
``#`` or ``//`` (``# transfix: off``). Markdown comments inside code are not directives.

    off / on                      every rule off from ``off`` to ``on`` (or the end)
    ignore-next-line              every rule off on the next line
    disable PREFIX,... / enable   the named rule prefixes off until ``enable`` (all) or
                                  ``enable PREFIX,...`` (those), or the end
"""

from __future__ import annotations

import bisect
import heapq
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any

from . import mask
from .mdparse import pieces
from .resolve import matches_prefix
from .textspan import Intervals, SpanBuffer, offsets

KINDS = ("text", "markdown", "html")

Span = tuple[int, int]

_SUFFIXES = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}

# Elements whose content is code, not prose.
RAW_ELEMENTS = frozenset({"script", "style", "pre", "code", "kbd", "samp", "tt", "var", "math", "svg"})

# Line breaks as markdown-it (and so CommonMark) counts them; str.splitlines counts more.
_NEWLINE = re.compile(r"\r\n?|\n")

# Bare URLs and entity references in prose (the same patterns as `mask`; a URL starts a token,
# so that a long dotted token is not scanned again from each of its words).
_BARE = re.compile(
    r"""
      (?P<url>(?<![\w.+-])(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"'`]+)
    | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]*|\#\d+|\#x[0-9A-Fa-f]+);)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\""

try:  # the whitespace markdown-it trims from paragraphs, headings and table cells
    from markdown_it.common.utils import MD_TRIM_CHARS as _MD_TRIM
except ImportError:  # pragma: no cover - older markdown-it-py
    _MD_TRIM = " \t\n\x0b\x0c\r" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029"


def kind_for(path: str, explicit: str | None = None) -> str:
    """The kind of document at `path`: `explicit` when given, else by the file's extension."""
    if explicit is not None:
        return _check_kind(explicit)
    return _SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def _check_kind(kind: str) -> str:
    normalized = str(kind).strip().lower()
    if normalized not in KINDS:
        raise ValueError(f"unknown document type {kind!r}: expected one of {', '.join(KINDS)}")
    return normalized


def protected_spans(text: str, kind: str) -> list[Span]:
    """Sorted, merged [start, end) code-point spans of `text` that must never be flagged or changed."""
    return list(protected_intervals(text, kind))


def protected_intervals(text: str, kind: str) -> Intervals:
    """protected_spans() as the engine keeps them (16 bytes a span, not a tuple's 120)."""
    kind = _check_kind(kind)
    if kind == "text":
        return mask.protected_spans(text)  # already merged Intervals
    found = _analyze(text, kind).protected
    merged = found.intervals() if isinstance(found, SpanBuffer) else _merge(found)
    del found  # the unmerged spans are freed before the bare addresses are looked for
    bare = _bare_spans(text, merged)
    if not bare:
        return merged
    # Both are sorted: merged in order rather than listed and sorted again.
    return Intervals((span for span in heapq.merge(merged, bare) if span[1] > span[0]), ordered=True)


# ---------------------------------------------------------------------------------------------
# Directives

@dataclass(frozen=True)
class Directives:
    """What the document's own directives turn off.

    `silenced`: spans where every rule is off. `disabled`: (start, end, prefixes) spans where the
    rules matching those prefixes (as `--ignore` matches them) are off. `problems`: (offset,
    message) for directives that were malformed or unmatched; they are otherwise ignored.
    """

    silenced: list[Span] = field(default_factory=list)
    disabled: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.silenced or self.disabled)

    def suppresses(self, rule_id: str, start: int, end: int) -> bool:
        """Whether a finding of `rule_id` at [start, end) is turned off by a directive."""
        if any(_touches(s, e, start, end) for s, e in self.silenced):
            return True
        return any(
            _touches(s, e, start, end) and matches_prefix(rule_id, prefixes)
            for s, e, prefixes in self.disabled
        )


def _touches(s: int, e: int, start: int, end: int) -> bool:
    if start == end:
        return s <= start < e
    return s < end and start < e


# Exactly "transfix:", so that a quick `"transfix:" in text` tells whether a text has any.
_DIRECTIVE = re.compile(r"\s*transfix:(?P<rest>.*)\Z", re.DOTALL)
_TEXT_DIRECTIVE = re.compile(r"[ \t]*(?:(?:\#+|//)[ \t]*)?transfix:(?P<rest>.*)\Z")
_COMMANDS = ("off", "on", "ignore-next-line", "disable", "enable")


def directives(text: str, kind: str) -> Directives:
    """The inline directives of `text`, read from the comments of its kind (lines for text)."""
    kind = _check_kind(kind)
    lines = _Lines(text)
    candidates: list[tuple[int, int, str]] = []  # (start, end, what follows "transfix:")
    if kind == "text":
        protected = mask.protected_spans(text)
        for start, end in zip(lines.starts, lines.ends, strict=True):
            match = _TEXT_DIRECTIVE.match(text, start, end)
            if match and not protected.overlaps(start, end):
                candidates.append((start, end, match.group("rest")))
    else:
        for start, end, body in _analyze(text, kind).comments:
            match = _DIRECTIVE.match(body)
            if match:
                candidates.append((start, end, match.group("rest")))
    return _interpret(text, lines, candidates)


directive_spans = directives  # the name the first sketch of this API used


def _interpret(text: str, lines: _Lines, candidates: list[tuple[int, int, str]]) -> Directives:
    silenced: list[Span] = []
    disabled: list[tuple[int, int, tuple[str, ...]]] = []
    problems: list[tuple[int, str]] = []
    off_start: int | None = None
    active: dict[str, int] = {}  # prefix -> where its `disable` started

    def close(prefixes: Iterable[str], end: int) -> None:
        groups: dict[int, list[str]] = {}
        for prefix in prefixes:
            groups.setdefault(active.pop(prefix), []).append(prefix)
        for start, names in groups.items():
            disabled.append((start, end, tuple(names)))

    for start, end, rest in sorted(candidates):
        words = rest.strip()
        command, argument = (re.split(r"\s+", words, maxsplit=1) + [""])[:2]
        command = command.lower()
        names = [n for n in re.split(r"[,\s]+", argument.strip()) if n]
        if command not in _COMMANDS:
            problems.append((start, f"unknown transfix directive {words!r}"))
        elif command in ("off", "on", "ignore-next-line") and names:
            problems.append((start, f"transfix: {command} takes no arguments"))
        elif command == "off":
            if off_start is None:
                off_start = start
            else:
                problems.append((start, "transfix: off while already off"))
        elif command == "on":
            if off_start is None:
                problems.append((start, "transfix: on without a preceding off"))
            else:
                silenced.append((off_start, end))
                off_start = None
        elif command == "ignore-next-line":
            line = lines.index(max(start, end - 1)) + 1
            if line < len(lines.starts):
                silenced.append((lines.starts[line], lines.ends[line]))
        elif command == "disable":
            if not names:
                problems.append((start, "transfix: disable needs rule prefixes"))
            for name in names:
                active.setdefault(name, start)
        else:  # enable
            targets = names or list(active)
            missing = [n for n in targets if n not in active]
            if missing or not targets:
                unmatched = ", ".join(missing) or "none active"
                problems.append((start, f"transfix: enable without a matching disable: {unmatched}"))
            close([n for n in targets if n in active], end)
    if off_start is not None:
        silenced.append((off_start, len(text)))
    close(list(active), len(text))
    return Directives(
        silenced=[(s, e) for s, e in Intervals(silenced)],
        disabled=sorted(disabled),
        problems=problems,
    )


# ---------------------------------------------------------------------------------------------
# Shared helpers

class _Lines:
    """Line starts and ends (before the line break) of a text, breaking at CRLF, CR and LF."""

    def __init__(self, text: str) -> None:
        # Arrays: 4 bytes a line, where a list of ints takes 36 (a long document has many lines).
        self.starts = offsets(len(text), (0,))
        self.ends = offsets(len(text))
        for match in _NEWLINE.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


class _ParsedLines(Sequence[str]):
    """The lines markdown-it parses, cut from the text when asked (a copy of a long document's
    lines would cost more than the document): without their line breaks, a leading BOM and the
    front matter, NUL read as U+FFFD as markdown-it does (same length)."""

    def __init__(self, text: str, starts: array, ends: array) -> None:
        self.text, self.starts, self.ends = text, starts, ends
        self.blank_through = -1  # lines up to this one (front matter) are blank

    def __len__(self) -> int:
        return len(self.ends)

    def length(self, number: int) -> int:
        return 0 if number <= self.blank_through else self.ends[number] - self.starts[number]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self.ends)
        if not 0 <= index < len(self.ends):
            raise IndexError(index)
        if index <= self.blank_through:
            return ""
        return self.text[self.starts[index]:self.ends[index]].replace("\0", "\ufffd")


def _merge(spans: Iterable[Span]) -> Intervals:
    return Intervals((s, e) for s, e in spans if e > s)


def _bare_spans(text: str, protected: Intervals) -> list[Span]:
    """URLs, e-mail addresses and entity references in the prose between protected spans."""
    bare = any(marker in text for marker in ("://", "www.", "@", "&"))
    slash, at = "/" in text, "@" in text  # once: each is a scan of the whole text when absent
    if not bare and not slash and "." not in text:
        return []
    found = []
    for gap_start, gap_end in _gaps(protected, len(text)):
        # Addresses without a scheme and e-mail addresses apart: in one alternation the e-mail
        # pattern would be retried at every word of a long dotted token.
        matches = list(_BARE.finditer(text, gap_start, gap_end)) if bare else []
        if slash:
            matches += mask.HOST_PATH_RE.finditer(text, gap_start, gap_end)
        matches += mask.HOST_RE.finditer(text, gap_start, gap_end)
        for match in matches:
            start, end = match.span()
            if match.lastgroup != "entity":
                while end > start and text[end - 1] in _TRAILING:
                    end -= 1
            found.append((start, end))
        if at:
            found += mask.email_spans(text, gap_start, gap_end, word_start=True)
    return sorted(found)


def _gaps(protected: Iterable[Span], length: int) -> Iterator[Span]:
    """The stretches between protected spans, one at a time (a long document has one every
    hundred characters)."""
    position = 0
    for start, end in protected:
        if start > position:
            yield position, start
        position = max(position, end)
    if position < length:
        yield position, length


@dataclass
class _Analysis:
    """What one parse of a document's markup gives: spans that are not prose, and comments."""

    protected: list[Span] | SpanBuffer = field(default_factory=list)
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, body)


def _analyze(text: str, kind: str) -> _Analysis:
    if kind == "html":
        result = _scan_html(text, 0, len(text))
        if result is None:
            return _Analysis(list(mask.protected_spans(text)), _regex_comments(text, 0, len(text)))
        return result
    return _Markdown(text).analyze()


_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def _regex_comments(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in _COMMENT.finditer(text, start, end)]


# ---------------------------------------------------------------------------------------------
# HTML

class _HTMLEvents(HTMLParser):
    """Records every parser event with the (line, column) where it starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[str, int, int, str]] = []

    def _add(self, kind: str, value: str) -> None:
        line, column = self.getpos()
        self.events.append((kind, line, column, value))

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        self._add("startend", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data", data)

    def handle_comment(self, data: str) -> None:
        self._add("comment", data)

    def handle_entityref(self, name: str) -> None:
        self._add("ref", name)

    def handle_charref(self, name: str) -> None:
        self._add("ref", name)

    def handle_decl(self, decl: str) -> None:
        self._add("decl", decl)

    def handle_pi(self, data: str) -> None:
        self._add("decl", data)

    def unknown_decl(self, data: str) -> None:
        self._add("decl", data)


def _scan_html(text: str, region_start: int, region_end: int) -> _Analysis | None:
    """Protected spans and comments of text[region_start:region_end] (offsets into `text`).

    Every event of the parser starts where the one before it ends, so an event covers the text
    from its own start to the next one's. html.parser counts lines at LF only (a CR stays in the
    line as a character) and columns in code points, which the conversion below follows.
    Returns None when the positions it reports do not fit the text (a parser change).
    """
    region = text[region_start:region_end]
    # No markup can end after the last ">", and html.parser rescans an unfinished construct
    # there once per "<" (quadratic time: 8,000 "<a " take seconds), so those "<" are fed as
    # text, and an unclosed comment there runs to the end, as HTML reads it.
    tail = region.rfind(">") + 1
    unclosed = region.find("<!--", tail)
    if "<" in region[tail:]:
        region = region[:tail] + region[tail:].replace("<", "\ufffc")
    parser = _HTMLEvents()
    parser.feed(region)
    parser.close()
    line_starts = [0] + [m.end() for m in re.finditer("\n", region)]
    offsets = []
    for kind, line, column, value in parser.events:
        if line - 1 >= len(line_starts):
            return None
        offset = line_starts[line - 1] + column
        if (offsets and offset < offsets[-1]) or offset > len(region):
            return None
        if kind == "data" and not region.startswith(value, offset):
            return None
        offsets.append(offset)
    result = _Analysis()
    depth: dict[str, int] = {}
    for index, (kind, _line, _column, value) in enumerate(parser.events):
        start = offsets[index]
        end = offsets[index + 1] if index + 1 < len(offsets) else len(region)
        if start == end:
            continue
        if kind == "start" and value in RAW_ELEMENTS:
            depth[value] = depth.get(value, 0) + 1
        elif kind == "end" and depth.get(value):
            depth[value] -= 1
        if kind == "data":
            if not any(depth.values()):
                continue
        elif kind == "comment":
            result.comments.append((region_start + start, region_start + end, value))
        result.protected.append((region_start + start, region_start + end))
    if unclosed >= 0:
        result.protected.append((region_start + unclosed, region_end))
        result.comments.append((region_start + unclosed, region_end, text[region_start + unclosed + 4:region_end]))
    return result


# ---------------------------------------------------------------------------------------------
# Markdown

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# Block tokens whose lines markdown-it has accounted for.
_LEAVES = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open"})


class _Markdown:
    """One Markdown document: markdown-it's block maps plus positions recorded by its own rules.

    markdown-it gives block tokens line ranges (`.map`) but inline tokens no positions: the
    shared parser's wrapped rules (mdparse.py) record here where they matched in the inline
    token's content, and that content is aligned back to the source lines it was cut from.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        # Where column 0 of each parsed line lies in `text` (a leading BOM is not parsed).
        self.col0 = offsets(len(text), self.lines.starts)
        if text.startswith("\ufeff"):
            self.col0[0] = 1
        self.protected = SpanBuffer(len(text))
        self.comments: list[tuple[int, int, str]] = []
        self.parse_lines = _ParsedLines(text, self.col0, self.lines.ends)
        front = _front_matter(self.parse_lines)
        if front is not None:
            self.protected.append((self.col0[0], self.lines.ends[front]))
            self.parse_lines.blank_through = front
        # Offsets of the lines in the text markdown-it parses (the lines joined by line feeds).
        self.parse_starts = offsets(len(text) + len(self.col0))
        position = 0
        for number in range(len(self.parse_lines)):
            self.parse_starts.append(position)
            position += self.parse_lines.length(number) + 1
        self.inline: dict[int, list[tuple[str, int, int, int]]] = {}
        self.table_rows: dict[int, tuple[int, int]] = {}  # line: (start, end) columns of the row
        self.definitions: list[tuple[int, int]] = []
        self.current = -1
        self.line0 = 0  # first line of the piece being parsed

    # -- positions ---------------------------------------------------------------------------

    def to_text(self, position: int) -> int:
        """Offset in `text` of an offset into the parsed text."""
        line = bisect.bisect_right(self.parse_starts, position) - 1
        return self.col0[line] + (position - self.parse_starts[line])

    def line_span(self, first: int, last: int) -> Span:
        """[start, end) in `text` of lines first..last-1, without the final line break."""
        last = min(last, len(self.col0))
        if last <= first:
            return (self.col0[first], self.col0[first]) if first < len(self.col0) else (len(self.text),) * 2
        return self.col0[first], self.lines.ends[last - 1]

    def record_inline(self, name: str, start: int, end: int, label_end: int) -> None:
        """Called by the parser's wrapped inline rules (mdparse.py)."""
        self.inline.setdefault(self.current, []).append((name, start, end, label_end))

    def record_row(self, line: int, start: int, end: int) -> None:
        """A table row (the parser's wrapped table rule): positions in the piece's text."""
        line += self.line0
        column0 = self.parse_starts[line] - self.parse_starts[self.line0]
        self.table_rows[line] = (start - column0, end - column0)

    def record_definition(self, first: int, last: int) -> None:
        self.definitions.append((first + self.line0, last + self.line0))

    def forget(self, line: int) -> None:
        while self.definitions and self.definitions[-1][0] >= line:
            self.definitions.pop()
        for number in [n for n in self.table_rows if n >= line]:
            del self.table_rows[number]

    # -- analysis ----------------------------------------------------------------------------

    def analyze(self) -> _Analysis:
        covered = bytearray(len(self.parse_lines))

        def cover(first: int, last: int) -> None:
            covered[first:last] = b"\1" * (min(last, len(covered)) - first)

        parent = ""
        cell = 0
        for _first, tokens in pieces(self.parse_lines, self):
            for index, token in enumerate(tokens):
                if token.map and token.type in _LEAVES:
                    cover(*token.map)
                if token.type in ("fence", "code_block") and token.map:
                    self.protected.append(self.line_span(*token.map))
                elif token.type == "html_block" and token.map:
                    self._html_block(*self.line_span(*token.map))
                elif token.type == "tr_open":
                    cell = 0
                elif token.type.endswith("_open") and token.nesting == 1:
                    parent = token.type[:-5] + (":" + token.markup if token.type == "heading_open" else "")
                elif token.type == "inline" and token.map:
                    self._inline(index, token, parent, cell)
                    if parent in ("th", "td"):
                        cell += 1
            self.inline.clear()
        self.protected.extend(self.line_span(first, last) for first, last in self.definitions)
        for first, last in self.definitions:
            cover(first, last)
        # Lines no block claimed (past markdown-it's nesting limit, say) get the plain-text mask.
        number = 0
        while number < len(covered):
            if covered[number] or not self.parse_lines[number].strip():
                number += 1
                continue
            last = number
            while last < len(covered) and not covered[last]:
                last += 1
            self._mask(*self.line_span(number, last))
            number = last
        return _Analysis(self.protected, sorted(self.comments))

    def _mask(self, start: int, end: int) -> None:
        self.protected.extend((s + start, e + start) for s, e in mask.protected_spans(self.text[start:end]))
        self.comments.extend(_regex_comments(self.text, start, end))

    def _html_block(self, start: int, end: int) -> None:
        result = _scan_html(self.text, start, end)
        if result is None:
            self._mask(start, end)
        else:
            self.protected.extend(result.protected)
            self.comments.extend(result.comments)

    def _inline(self, index: int, token, parent: str, cell: int) -> None:
        content: str = token.content
        if not content:
            return
        first = token.map[0]
        if parent in ("th", "td"):
            where = self._align_cell(content, first, cell)
        elif parent.startswith("heading:#"):
            where = self._align_heading(content, first)
        else:
            # mdTrim may have dropped whole leading lines of exotic whitespace (U+2003, ...).
            lines = content.count("\n") + 1
            for skip in range(max(1, token.map[1] - first - lines + 1)):
                where = self._align_lines(content, first + skip)
                if where is not None:
                    break
        if where is None:  # could not place the content: fall back to the plain-text mask
            self._mask(*self.line_span(first, token.map[1]))
            return

        def span(a: int, b: int) -> Span:
            return self.to_text(where[a]), self.to_text(where[b - 1] + 1)

        if parent == "paragraph" and len(content) >= 4 and content.startswith("$$") and content.endswith("$$"):
            self.protected.append(span(0, len(content)))  # display math
        raw_open: tuple[str, int, int] | None = None  # (element, depth, start) of inline <code> etc.
        for name, a, b, label_end in self.inline.get(index, []):
            if b <= a:
                continue
            if name in ("link", "image"):
                opener = a + (2 if name == "image" else 1)
                tail = content[label_end + 1:b] if label_end >= 0 else ""
                if label_end < 0 or tail in ("", "[]"):
                    # A shortcut or collapsed reference: its text is the definition's key.
                    self.protected.append(span(a, b))
                else:
                    self.protected.append(span(a, opener))
                    self.protected.append(span(label_end, b))
                continue
            self.protected.append(span(a, b))
            if name != "html_inline":
                continue
            html = content[a:b]
            if html.startswith("<!--"):
                start, end = span(a, b)
                self.comments.append((start, end, html[4:-3] if html.endswith("-->") else html[4:]))
                continue
            tag = _TAG.match(html)
            if not tag or html.endswith("/>"):
                continue
            closing, element = tag.group(1) == "/", tag.group(2).lower()
            if raw_open is None:
                if not closing and element in RAW_ELEMENTS:
                    raw_open = (element, 1, a)
            elif element == raw_open[0]:
                depth = raw_open[1] + (-1 if closing else 1)
                if depth == 0:
                    self.protected.append(span(raw_open[2], b))
                    raw_open = None
                else:
                    raw_open = (raw_open[0], depth, raw_open[2])

    # -- aligning inline content with its source ---------------------------------------------

    def _align_lines(self, content: str, first: int) -> list[int] | None:
        """Paragraphs and setext headings: each content line is the end of its source line, less
        container markers and indentation (tabs there may have become spaces) and, on the last
        line, trailing whitespace."""
        where: list[int] = []
        for number, line in enumerate(content.split("\n")):
            source_line = first + number
            if source_line >= len(self.parse_lines):
                return None
            source = self.parse_lines[source_line]
            if number:
                where.append(self.parse_starts[source_line - 1] + len(self.parse_lines[source_line - 1]))
            body = line.lstrip(_MD_TRIM)
            lead = len(line) - len(body)
            column = source.rfind(body) if body else len(source)
            if column < 0:
                return None
            base = self.parse_starts[source_line] + column
            where.extend([base] * lead)
            where.extend(range(base, base + len(body)))
        return where

    def _align_heading(self, content: str, first: int) -> list[int] | None:
        source = self.parse_lines[first]
        marker = source.find("#")
        if marker < 0:
            return None
        while marker < len(source) and source[marker] == "#":
            marker += 1
        column = source.find(content, marker)
        if column < 0:
            return None
        base = self.parse_starts[first] + column
        return list(range(base, base + len(content)))

    def _align_cell(self, content: str, line: int, cell: int) -> list[int] | None:
        """Table cells: markdown-it's own cell split, keeping where each character came from."""
        row = self.table_rows.get(line)
        if row is None:
            return None
        start, end = row
        src = self.parse_lines[line]
        # mdTrim(getLine(...)): the trimmed row
        while start < end and src[start] in _MD_TRIM:
            start += 1
        while end > start and src[end - 1] in _MD_TRIM:
            end -= 1
        cells: list[list[int]] = []
        current: list[int] = []
        last, escaped = start, False
        for position in range(start, end):
            char = src[position]
            if char == "|":
                if not escaped:
                    cells.append(current + list(range(last, position)))
                    current, last = [], position + 1
                else:  # '\|' is a pipe in the cell, without its backslash
                    current += list(range(last, position - 1))
                    last = position
            escaped = char == "\\"
        cells.append(current + list(range(last, end)))
        if cells and not cells[0]:
            cells.pop(0)
        if cells and not cells[-1]:
            cells.pop()
        if cell >= len(cells):
            return None
        where = cells[cell]
        while where and src[where[0]] in _MD_TRIM:
            where = where[1:]
        while where and src[where[-1]] in _MD_TRIM:
            where = where[:-1]
        if "".join(src[p] for p in where) != content:
            return None
        base = self.parse_starts[line]
        return [base + p for p in where]


def _front_matter(lines: list[str]) -> int | None:
    """Index of the closing line of YAML (---) or TOML (+++) front matter at the very top."""
    if not lines:
        return None
    opening = lines[0].rstrip(" \t")
    if opening not in ("---", "+++"):
        return None
    closers = ("---", "...") if opening == "---" else ("+++",)
    for number in range(1, len(lines)):
        if lines[number].rstrip(" \t") in closers:
            return number
    return None

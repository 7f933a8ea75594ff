"""One markdown-it parser a process, with rules that record where they matched.

markdown-it gives block tokens line ranges (`.map`) but inline tokens no positions. The inline
rules that matter (code, autolinks, inline HTML, entities, links, images) and the table and
reference-definition block rules are wrapped to tell the document being parsed where they
matched: `pieces(lines, document)` passes it in markdown-it's `env`, so that one parser serves
every document (building a parser costs more than parsing a short file). The document provides
`current` (the index of the inline token being parsed), `record_inline(name, start, end,
label_end)`, `record_row(line, start, end)`, `record_definition(first, last)` (lines and
positions counted in the piece being parsed, whose first line is set as `line0`) and
`forget(line)` (drop what was recorded from that line of the document on).

A long document is parsed a piece at a time, so that only one piece's tokens are alive: a piece
ends where its last top-level block begins (that block is parsed again at the head of the next
piece), which is where a parse of the whole document ends a block too. Reference definitions
are the one thing a block can use from elsewhere: when a long document may have any, a first
pass collects them all before the pieces are parsed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from types import SimpleNamespace
from typing import Any

_DOCUMENT = "transfix document"  # the key in markdown-it's env of the _Markdown being parsed
PIECE_CHARS = 1 << 18


def pieces(lines: Sequence[str], document: Any, piece_chars: int | None = None) -> Iterator[tuple[int, list]]:
    """markdown-it's block tokens of the document `lines` (joined by line feeds), a piece at a
    time: (the piece's first line, its tokens), their maps counted from the document's first
    line; the inline rules' positions are recorded in `document` (and are valid until the next
    piece)."""
    piece_chars = piece_chars or PIECE_CHARS
    env: dict[str, Any] = {_DOCUMENT: document}
    if sum(map(len, lines)) + len(lines) > piece_chars and any("]:" in line for line in lines):
        collector = SimpleNamespace(record_row=_ignore, record_definition=_ignore, forget=_ignore)
        env[_DOCUMENT] = collector
        for _ in _pieces(lines, env, piece_chars, inline=False):
            pass
        env[_DOCUMENT] = document
    yield from _pieces(lines, env, piece_chars, inline=True)


def _ignore(*_args: int) -> None:
    pass


_BREAK = re.compile(r"\r\n|\r|\n")


def block_cut(text: str) -> int:
    """Where a Markdown text may be cut so that both parts parse as they do together: the start
    of its last top-level block that follows a blank line (0 if there is none)."""
    starts, lines = [0], []
    for match in _BREAK.finditer(text):
        lines.append(text[starts[-1]:match.start()].replace("\0", "\ufffd"))
        starts.append(match.end())
    lines.append(text[starts[-1]:].replace("\0", "\ufffd"))
    document = SimpleNamespace(record_row=_ignore, record_definition=_ignore, forget=_ignore, line0=0)
    tokens = _parser().parse("\n".join(lines), {_DOCUMENT: document})
    keep = _last_block(tokens, lines, 0)
    return starts[tokens[keep].map[0]] if keep else 0


def _pieces(lines: Sequence[str], env: dict, piece_chars: int, *, inline: bool) -> Iterator[tuple[int, list]]:
    md = _parser()
    document = env[_DOCUMENT]
    start, total = 0, len(lines)
    while start < total:
        end, size = start, 0
        while end < total and size < piece_chars:
            size += len(lines[end]) + 1
            end += 1
        while True:
            document.line0 = start
            document.forget(start)  # what an attempt on a narrower piece recorded
            tokens = md.parse("\n".join(lines[start:end]), env)
            if end >= total:
                keep = len(tokens)
                break
            keep = _last_block(tokens, lines, start)
            if keep:
                break
            end = min(total, start + 2 * (end - start))  # one block fills the piece: widen it
        cut = start + tokens[keep].map[0] if keep < len(tokens) else total
        del tokens[keep:]
        document.forget(cut)  # the last block is parsed again with the next piece
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + start, token.map[1] + start]
        if inline:
            _inline_all(md, tokens, env)
        yield start, tokens
        start = cut


def _last_block(tokens: list, lines: Sequence[str], start: int) -> int:
    """Index of the last top-level block that follows a blank line and does not start the piece
    (0 if there is none). Nothing before a blank line can depend on what follows the piece: a
    paragraph, a setext heading or a reference definition's title would not cross it."""
    for index in range(len(tokens) - 1, 0, -1):
        token = tokens[index]
        if token.level == 0 and token.nesting >= 0 and token.map and token.map[0] > 0:
            if not lines[start + token.map[0] - 1].strip(" \t"):
                return index
    return 0


@functools.cache
def _parser():
    """One markdown-it parser a process (building one costs more than parsing a short file): its
    wrapped rules record positions in the document that `env` names."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    for name in ("backticks", "autolink", "html_inline", "entity", "link", "image"):
        _wrap(md.inline.ruler, name, lambda fn, name=name: _inline_rule(name, fn))
    _wrap(md.block.ruler, "table", _table_rule)
    _wrap(md.block.ruler, "reference", _reference_rule)
    md.core.ruler.disable("inline")  # run by `_pieces` on the blocks a piece keeps
    return md


def _inline_all(md, tokens: list, env: dict) -> None:
    """markdown-it's inline stage, keeping only what the wrapped rules record: the inline tokens
    themselves are dropped as soon as each block is parsed (a long document's inline tokens took
    several times its size)."""
    document = env[_DOCUMENT]
    for index, token in enumerate(tokens):
        if token.type == "inline":
            document.current = index
            md.inline.parse(token.content, md, env, [])
    document.current = -1


def _inline_rule(name: str, fn: Callable) -> Callable:
    def rule(state, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        ok = fn(state, silent)
        if ok and not silent:
            label_end = -1
            if name == "backticks" and not any(t.type == "code_inline" for t in state.tokens[count:]):
                return ok  # an unmatched run of backticks is text
            if name in ("link", "image"):
                end = state.pos
                label_end = state.md.helpers.parseLinkLabel(
                    state, start + (1 if name == "image" else 0), name == "link"
                )
                state.pos = end
            state.env[_DOCUMENT].record_inline(name, start, state.pos, label_end)
        return ok

    return rule


def _table_rule(fn: Callable) -> Callable:
    def rule(state, start_line: int, end_line: int, silent: bool) -> bool:
        ok = fn(state, start_line, end_line, silent)
        if ok and not silent:
            document = state.env[_DOCUMENT]
            for line in range(start_line, state.line):
                document.record_row(line, state.bMarks[line] + state.tShift[line], state.eMarks[line])
        return ok

    return rule


def _reference_rule(fn: Callable) -> Callable:
    def rule(state, start_line: int, end_line: int, silent: bool) -> bool:
        ok = fn(state, start_line, end_line, silent)
        if ok and not silent:
            state.env[_DOCUMENT].record_definition(start_line, state.line)
        return ok

    return rule


def _wrap(ruler, name: str, wrapper: Callable[[Callable], Callable]) -> None:
    """Replace rule `name` of a markdown-it ruler with `wrapper(original)`, keeping its chains."""
    for rule in ruler.__rules__:
        if rule.name == name:
            ruler.at(name, wrapper(rule.fn), {"alt": list(rule.alt)})
            return
    raise RuntimeError(f"markdown-it has no rule {name!r}")  # pragma: no cover

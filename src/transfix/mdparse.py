"""One markdown-it parser a process, with rules that record where they matched.

markdown-it gives block tokens line ranges (`.map`) but inline tokens no positions. The inline
rules that matter (code, autolinks, inline HTML, entities, links, images) and the table and
reference-definition block rules are wrapped to tell the document being parsed where they
matched: `parse(text, document)` passes it in markdown-it's `env`, so that one parser serves every
document (building a parser costs more than parsing a short file). The document provides
`current` (the index of the inline token being parsed), `record_inline(name, start, end,
label_end)`, `table_rows` (a dict) and `definitions` (a list).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

_DOCUMENT = "transfix document"  # the key in markdown-it's env of the _Markdown being parsed


def parse(text: str, document: Any) -> list:
    """markdown-it's block tokens of `text`, its inline rules' positions recorded in `document`."""
    return _parser().parse(text, {_DOCUMENT: document})


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
    md.core.ruler.at("inline", _core_inline)
    return md


def _core_inline(state) -> None:
    """markdown-it's inline stage, keeping only what the wrapped rules record: the inline tokens
    themselves are dropped as soon as each block is parsed (a long document's inline tokens took
    several times its size)."""
    document = state.env[_DOCUMENT]
    for index, token in enumerate(state.tokens):
        if token.type == "inline":
            document.current = index
            state.md.inline.parse(token.content, state.md, state.env, [])
            token.children = []
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
            rows = state.env[_DOCUMENT].table_rows
            for line in range(start_line, state.line):
                rows[line] = (state.bMarks[line] + state.tShift[line], state.eMarks[line])
        return ok

    return rule


def _reference_rule(fn: Callable) -> Callable:
    def rule(state, start_line: int, end_line: int, silent: bool) -> bool:
        ok = fn(state, start_line, end_line, silent)
        if ok and not silent:
            state.env[_DOCUMENT].definitions.append((start_line, state.line))
        return ok

    return rule


def _wrap(ruler, name: str, wrapper: Callable[[Callable], Callable]) -> None:
    """Replace rule `name` of a markdown-it ruler with `wrapper(original)`, keeping its chains."""
    for rule in ruler.__rules__:
        if rule.name == name:
            ruler.at(name, wrapper(rule.fn), {"alt": list(rule.alt)})
            return
    raise RuntimeError(f"markdown-it has no rule {name!r}")  # pragma: no cover

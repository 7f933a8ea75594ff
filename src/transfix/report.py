"""Render findings for people (text lines, unified diff) and for machines (JSON)."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Sequence

from .model import Finding, FixLevel

SCHEMA_VERSION = 1


class FileReport(NamedTuple):
    """One file's findings, as the output formats receive them."""

    path: str
    findings: tuple[Finding, ...]
    text: str = ""  # the decoded input the findings' offsets point into
    name: str = ""  # the file name as the system gave it (bad bytes as surrogates), for SARIF URIs


def shown_path(path: str) -> str:
    """A path safe to print on one line: control characters (a newline in a file name could
    otherwise start a line that CI reads as a command, `::error ...`) are escaped."""
    path = utf8_path(path)
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in path)


def utf8_path(path: str) -> str:
    """A file name that is not valid UTF-8 reaches Python with its bad bytes as lone surrogates
    (surrogateescape); every output must stay valid UTF-8, so each such byte is written \\xNN."""
    if not any("\udc80" <= c <= "\udcff" for c in path):
        return path
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff" else c for c in path)


def text_lines(report: FileReport) -> list[str]:
    lines = []
    path = shown_path(report.path)
    for f in report.findings:
        change = f" -> {f.replacement!r}" if f.replacement is not None else ""
        lines.append(
            f"{path}:{f.line}:{f.column}: {f.rule}: {f.message} "
            f"[{f.fix.value}] {f.text!r}{change}"
        )
    return lines


def to_json(reports: Iterable[FileReport]) -> str:
    import json

    document = {
        "version": SCHEMA_VERSION,
        "files": [
            {"path": r.path, "findings": [f.to_dict() for f in r.findings]} for r in reports
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def unified_diff(
    path: str, original: str, fixed: str, findings: Sequence[Finding], context: int = 1
) -> list[str]:
    """A diff that `patch` accepts; each hunk header names the rules and levels of `findings`
    (located in `original`) on its lines."""
    import difflib

    applied = findings
    if fixed == original:
        return []
    before, after = _lines(original), _lines(fixed)
    out: list[str] = []
    for line in difflib.unified_diff(before, after, f"a/{path}", f"b/{path}", n=context):
        match = _HUNK.match(line)
        if match:
            first = int(match.group(1))
            count = int(match.group(2)) if match.group(2) is not None else 1
            line = line.rstrip("\n") + _hunk_label(applied, first, max(count, 1)) + "\n"
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return out


def _lines(text: str) -> list[str]:
    """Lines as `patch` sees them: broken at LF only (str.splitlines also breaks at CR, FF, ...)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _hunk_label(findings: Sequence[Finding], first: int, count: int) -> str:
    levels: dict[FixLevel, list[str]] = {}
    for f in findings:
        if first <= f.line < first + count:
            levels.setdefault(f.fix, [])
            if f.rule not in levels[f.fix]:
                levels[f.fix].append(f.rule)
    parts = [f"{level.value}: {', '.join(rules)}" for level, rules in sorted(levels.items(), key=lambda kv: kv[0].rank)]
    return " " + " | ".join(parts) if parts else ""

"""The self-contained HTML review report: one file an editor opens in a browser, no network.

`render_report` fills the page template (``templates/report.html``, ``report.css``, and
``report-lib.js`` with ``report.js`` as one script, shipped inside the package) with the documents and their findings, embedded as
JSON in a ``<script type="application/json">`` element. The page highlights every finding in
place, lets the editor accept, reject or rewrite each one, and exports a decisions file in the
format of `transfix.decisions`, which `transfix apply` applies.

Offsets: findings carry code-point offsets (as everywhere in transfix) for the decisions file,
and the same offsets converted to UTF-16 code units (``u16start``, ``u16end``), which is what
JavaScript strings index by, for drawing the highlights.

Size: the page grows with the findings, not with the input. Files without findings are only
counted (``clean``); a file longer than `WHOLE_TEXT_LIMIT` characters is embedded as the lines
around its findings, its ``text`` being those lines joined, ``gaps`` saying where lines were left
out (``[offset in text, first line, last line]``) and the UTF-16 offsets pointing into that text.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable

from . import __version__
from .decisions import KIND, VERSION, sha256
from .model import Finding
from .report import utf8_path
from .score import Score
from .textio import Document

DATA_ELEMENT_ID = "transfix-data"
SCHEMA_VERSION = 1
WHOLE_TEXT_LIMIT = 6000   # characters: a longer file is embedded as context around its findings
CONTEXT_LINES = 3         # lines kept before and after a finding ...
PARAGRAPH_LINES = 8       # ... and up to this many more, to reach the paragraph's edge


@dataclass(frozen=True)
class ReportEntry:
    """One document of the HTML report: its text, findings and round-trip score."""

    document: Document
    findings: tuple[Finding, ...]
    score: Score


def utf16_offsets(text: str) -> Callable[[int], int]:
    """A function from a code-point offset in `text` to the same position in UTF-16 code units."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda offset: offset
    return lambda offset: offset + bisect.bisect_left(astral, offset)


def _finding_data(index: int, finding: Finding, to_utf16: Callable[[int], int]) -> dict[str, Any]:
    data = finding.to_dict()
    data.update(
        id=index,
        u16start=to_utf16(finding.start),
        u16end=to_utf16(finding.end),
        explanation=finding.explanation,
    )
    return data


def context_lines(text: str, findings: tuple[Finding, ...]) -> list[tuple[int, int]]:
    """The ranges of lines (0-based, end exclusive) worth showing around `findings` in `text`:
    `CONTEXT_LINES` either side, widened to the paragraph's edge when it is near, ranges less than
    four lines apart merged."""
    lines = text.splitlines(keepends=True) or [""]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    blank = [not line.strip() for line in lines]
    ranges: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: f.start):
        first = bisect.bisect_right(starts, finding.start) - 1
        last = bisect.bisect_right(starts, max(finding.start, finding.end - 1)) - 1
        low, high = max(0, first - CONTEXT_LINES), min(len(lines), last + 1 + CONTEXT_LINES)
        for _ in range(PARAGRAPH_LINES):
            if low > 0 and not blank[low - 1]:
                low -= 1
            if high < len(lines) and not blank[high]:
                high += 1
        if ranges and low - ranges[-1][1] < 4:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], high))
        else:
            ranges.append((low, high))
    return ranges


def _file_data(entry: ReportEntry) -> dict[str, Any]:
    document = entry.document
    text, gaps = document.text, []
    cuts: list[tuple[int, int]] = []  # (file offset where a cut ends, characters cut up to there)
    if len(text) > WHOLE_TEXT_LIMIT:
        lines = text.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        kept: list[str] = []
        shown, position, removed = 0, 0, 0
        for low, high in context_lines(text, entry.findings) + [(len(lines), len(lines))]:
            if low > position:
                gaps.append([shown, position + 1, low])
                removed += starts[low] - starts[position]
                cuts.append((starts[low], removed))
            kept.append(text[starts[low]:starts[high]])
            shown += starts[high] - starts[low]
            position = max(position, high)
        text = "".join(kept)

    def embedded_offset(offset: int) -> int:
        index = bisect.bisect_right(cuts, (offset, len(document.text) + 1)) - 1
        return offset - (cuts[index][1] if index >= 0 else 0)

    to_utf16 = utf16_offsets(text)
    return {
        "path": utf8_path(document.path),
        "sha256": sha256(document.raw),
        "encoding": document.encoding,
        "text": text,
        "gaps": [[to_utf16(offset), first, last] for offset, first, last in gaps],
        "score": entry.score.to_dict(),
        "findings": [_finding_data(i, f, lambda o: to_utf16(embedded_offset(o))) for i, f in enumerate(entry.findings)],
    }


def report_data(entries: list[ReportEntry]) -> dict[str, Any]:
    """Everything the page needs, as the JSON document embedded in it."""
    return {
        "version": SCHEMA_VERSION,
        "generator": f"transfix {__version__}",
        "decisions": {"kind": KIND, "version": VERSION},
        "files": [_file_data(entry) for entry in entries if entry.findings],
        "clean": sum(1 for entry in entries if not entry.findings),
    }


def embed_json(data: Any) -> str:
    """JSON safe to place inside a <script> element: no "</script", "<!--" or "]]>" can form.

    Escaping "<", ">" and "&" as \\u003c, \\u003e and \\u0026 keeps the JSON valid (JSON.parse and
    json.loads read them back as the same characters).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _template(name: str) -> str:
    return resources.files("transfix").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _title(entries: list[ReportEntry]) -> str:
    if len(entries) == 1:
        return f"transfix review: {utf8_path(entries[0].document.path)}"
    return f"transfix review: {len(entries)} files"


def render_report(entries: list[ReportEntry]) -> str:
    """The complete HTML page for `entries`, with its CSS, script and data inline."""
    page = _template("report.html")
    css = _template("report.css")
    script = _template("report-lib.js") + _template("report.js")
    for source, closing in ((css, "</style"), (script, "</script")):
        if closing in source.lower() or "<!--" in source:
            raise ValueError(f"report template contains {closing!r} or '<!--'")  # pragma: no cover
    # The page may run only its own inline script: a Content-Security-Policy that also forbids
    # every network load, so the report stays self-contained even if a template change slips.
    values = {
        "@@TITLE@@": html.escape(_title(entries)),
        "@@GENERATOR@@": html.escape(f"transfix {__version__}"),
        "@@SCRIPT_HASH@@": _csp_hash(script),
        "@@CSS@@": css,
        "@@SCRIPT@@": script,
        "@@DATA@@": embed_json(report_data(entries)),
    }
    # One pass, so text substituted for one placeholder is never scanned for another.
    parts = []
    position = 0
    while True:
        start = page.find("@@", position)
        if start < 0:
            break
        end = page.find("@@", start + 2)
        key = page[start:end + 2] if end >= 0 else ""
        if key in values:
            parts += [page[position:start], values[key]]
            position = end + 2
        else:
            parts.append(page[position:start + 2])
            position = start + 2
    parts.append(page[position:])
    return "".join(parts)

"""The self-contained HTML review report: one file an editor opens in a browser, no network.

`render_report` fills the page template (``templates/report.html``, ``report.css`` and
``report.js``, shipped inside the package) with the documents and their findings, embedded as
JSON in a ``<script type="application/json">`` element. The page highlights every finding in
place, lets the editor accept, reject or rewrite each one, and exports a decisions file in the
format of `transfix.decisions`, which `transfix apply` applies.

Offsets: findings carry code-point offsets (as everywhere in transfix) for the decisions file,
and the same offsets converted to UTF-16 code units (``u16start``, ``u16end``), which is what
JavaScript strings index by, for drawing the highlights.
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


@dataclass(frozen=True)
class ReportEntry:
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


def report_data(entries: list[ReportEntry]) -> dict[str, Any]:
    """Everything the page needs, as the JSON document embedded in it."""
    files = []
    for entry in entries:
        document = entry.document
        to_utf16 = utf16_offsets(document.text)
        files.append({
            "path": utf8_path(document.path),
            "sha256": sha256(document.raw),
            "encoding": document.encoding,
            "text": document.text,
            "score": entry.score.to_dict(),
            "findings": [_finding_data(i, f, to_utf16) for i, f in enumerate(entry.findings)],
        })
    return {
        "version": SCHEMA_VERSION,
        "generator": f"transfix {__version__}",
        "decisions": {"kind": KIND, "version": VERSION},
        "files": files,
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
    script = _template("report.js")
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

"""Machine-readable renderings of findings: JSON Lines, SARIF 2.1.0, GitHub Actions workflow
commands and reviewdog's rdjson, beside the existing text and JSON outputs.

Each consumer counts columns in its own unit, and getting that wrong moves every highlight that
follows a non-ASCII character on the same line:

- text, json, jsonl, github: code points (transfix's own convention, `Finding.column`);
- sarif: UTF-16 code units, declared in `run.columnKind` (SARIF 2.1.0 section 3.14.27);
- rdjson: UTF-8 bytes (reviewdog.proto, `Position.column`).

All formats use 1-based lines and columns with an exclusive end: the end position is the one just
past the finding, so a finding that takes a whole line with its newline ends at column 1 of the
next line, as both SARIF (section 3.30.2) and reviewdog describe.

`render` returns exactly what to write to stdout: every line ends with a newline, and an empty
string means there is nothing to print.
"""

from __future__ import annotations

import os

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from .model import Finding, FixLevel, Rule
from .report import FileReport, text_lines, to_json
from .textspan import LineIndex

FORMATS = ("text", "json", "jsonl", "sarif", "github", "rdjson")

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def render(format_name: str, reports: Sequence[FileReport], rules: Mapping[str, Rule] | None = None) -> str:
    """Render `reports` in `format_name`, one of FORMATS.

    `rules` (rule id -> Rule) supplies the rule descriptions SARIF lists; rules missing from it
    (grammar.*, normalize.*) are described from their first finding instead."""
    if format_name == "text":
        return "".join(line + "\n" for report in reports for line in text_lines(report))
    if format_name == "json":
        return to_json(reports) + "\n"
    if format_name == "jsonl":
        return render_jsonl(reports)
    if format_name == "sarif":
        return render_sarif(reports, rules or {})
    if format_name == "github":
        return render_github(reports)
    if format_name == "rdjson":
        return render_rdjson(reports)
    raise ValueError(f"unknown format {format_name!r}; choose one of {', '.join(FORMATS)}")


# --- positions -----------------------------------------------------------------------------------


class Span(NamedTuple):
    """1-based start and exclusive end of a finding, with columns in some unit."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


def _code_points(s: str) -> int:
    return len(s)


def _utf16_units(s: str) -> int:
    # surrogatepass: a lone surrogate still counts as one unit instead of raising.
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _utf8_bytes(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


class _Locator:
    """Turns a report's code-point offsets into line/column spans in a chosen column unit."""

    def __init__(self, report: FileReport, width: Callable[[str], int]) -> None:
        self.report = report
        self.width = width
        self.lines = LineIndex(report.text)

    def span(self, f: Finding) -> Span:
        text = self.report.text
        if text[f.start:f.end] != f.text:
            # Offsets into some other text (the normalised one, say) would put every column off.
            raise ValueError(
                f"{self.report.path}: finding {f.rule} at {f.start}:{f.end} does not match "
                "FileReport.text; columns cannot be computed"
            )
        return Span(*self._position(f.start), *self._position(f.end))

    def _position(self, offset: int) -> tuple[int, int]:
        line, _ = self.lines.position(offset)
        line_start = self.lines.starts[line - 1]
        return line, self.width(self.report.text[line_start:offset]) + 1


def _locator(report: FileReport, width: Callable[[str], int], format_name: str) -> _Locator:
    if report.findings and not report.text:
        raise ValueError(
            f"{report.path}: the {format_name} format needs FileReport.text to count columns"
        )
    return _Locator(report, width)


def _span_from_finding(f: Finding) -> Span:
    """Code-point span from the finding alone, for reports that carry no text."""
    newlines = f.text.count("\n")
    if newlines == 0:
        return Span(f.line, f.column, f.line, f.column + len(f.text))
    return Span(f.line, f.column, f.line + newlines, len(f.text) - f.text.rindex("\n"))


# --- jsonl ---------------------------------------------------------------------------------------

# JSON allows these raw inside strings, but str.splitlines() and some line readers treat them as
# line breaks, which would cut one record in two.
_LINE_BREAKS_JSON_KEEPS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_jsonl(reports: Sequence[FileReport]) -> str:
    """One self-contained JSON object per finding, so batch pipelines can stream and grep."""
    out = []
    for report in reports:
        for f in report.findings:
            line = json.dumps({"path": report.path, **f.to_dict()}, ensure_ascii=False)
            for char, escaped in _LINE_BREAKS_JSON_KEEPS.items():
                line = line.replace(char, escaped)
            out.append(line + "\n")
    return "".join(out)


# --- sarif ---------------------------------------------------------------------------------------

_SARIF_LEVELS = {FixLevel.SAFE: "warning", FixLevel.UNSAFE: "warning", FixLevel.SUGGEST: "note"}


def _artifact_uri(path: str) -> str:
    """SARIF wants a URI: relative paths stay relative references, absolute ones become file URIs;
    a name's bytes that are not UTF-8 are percent-encoded as they are (%FF), so the URI names the file."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(os.fsencode(p.as_posix()), safe="/")


def _sarif_rule(rule_id: str, rule: Rule | None, example: Finding) -> dict[str, Any]:
    # Rules from the packs describe themselves; grammar and normalize rules exist only as findings.
    message = rule.message if rule else example.message
    explanation = rule.explanation if rule else example.explanation
    fix = rule.fix if rule else example.fix
    descriptor: dict[str, Any] = {"id": rule_id, "shortDescription": {"text": message}}
    if explanation:
        descriptor["fullDescription"] = {"text": explanation}
    descriptor["defaultConfiguration"] = {"level": _SARIF_LEVELS[fix]}
    descriptor["properties"] = {
        "category": rule.category if rule else example.category,
        "pivot": list(rule.pivot if rule else example.pivot),
        "fix": fix.value,
    }
    return descriptor


def _sarif_region(span: Span) -> dict[str, int]:
    # Line/column only: charOffset counts "characters", and the spec does not say in which unit,
    # so a consumer could read it differently from the columns and see two regions.
    return {
        "startLine": span.start_line,
        "startColumn": span.start_column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def render_sarif(reports: Sequence[FileReport], rules: Mapping[str, Rule]) -> str:
    """A SARIF 2.1.0 log with one run, for code-scanning uploads and SARIF viewers."""
    # Imported at call time: transfix/__init__.py imports its modules before defining __version__.
    from . import __version__

    examples: dict[str, Finding] = {}
    for report in reports:
        for f in report.findings:
            examples.setdefault(f.rule, f)
    rule_ids = sorted(examples)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}

    results = []
    for report in reports:
        locator = _locator(report, _utf16_units, "sarif")
        uri = _artifact_uri(report.name or report.path)
        for f in report.findings:
            region = _sarif_region(locator.span(f))
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _SARIF_LEVELS[f.fix],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
            }
            if f.replacements:
                # Each replacement is an alternative fix, best first; a consumer applies one.
                result["fixes"] = [
                    {
                        "description": {"text": f"{f.text!r} -> {r!r}"},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": [{"deletedRegion": region, "insertedContent": {"text": r}}],
                        }],
                    }
                    for r in f.replacements
                ]
            result["properties"] = {"fix": f.fix.value, "confidence": f.confidence}
            results.append(result)

    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "transfix",
                "version": __version__,
                "rules": [_sarif_rule(i, rules.get(i), examples[i]) for i in rule_ids],
            }},
            # SARIF's columns are UTF-16 code units unless told otherwise; say so explicitly.
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- github --------------------------------------------------------------------------------------

# The same escaping as @actions/core's command.ts, so the runner decodes what we meant.
def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""
    out = []
    for report in reports:
        # Code points are the findings' own unit, so the text is a check here, not a necessity.
        span_of = _Locator(report, _code_points).span if report.text else _span_from_finding
        for f in report.findings:
            span = span_of(f)
            command = "notice" if f.fix is FixLevel.SUGGEST else "warning"
            properties = {
                "file": report.path,
                "line": span.start_line,
                "col": span.start_column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
                "title": f.rule,
            }
            props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
            message = f.message
            if f.replacement is not None:
                message += f" (suggest: {f.text!r} -> {f.replacement!r})"
            out.append(f"::{command} {props}::{_escape_data(message)}\n")
    return "".join(out)


# --- rdjson --------------------------------------------------------------------------------------

# reviewdog decodes rdjson with protojson, which rejects unknown fields: emit only proto fields.
_RDJSON_SEVERITY = {FixLevel.SAFE: "WARNING", FixLevel.UNSAFE: "WARNING", FixLevel.SUGGEST: "INFO"}


def _rdjson_range(span: Span) -> dict[str, Any]:
    return {
        "start": {"line": span.start_line, "column": span.start_column},
        "end": {"line": span.end_line, "column": span.end_column},
    }


def render_rdjson(reports: Sequence[FileReport]) -> str:
    """reviewdog's DiagnosticResult (rdjson): `reviewdog -f=rdjson` posts it as review comments."""
    diagnostics = []
    for report in reports:
        locator = _locator(report, _utf8_bytes, "rdjson")
        for f in report.findings:
            where = _rdjson_range(locator.span(f))
            diagnostic: dict[str, Any] = {
                "message": f.message,
                "location": {"path": report.path, "range": where},
                "severity": _RDJSON_SEVERITY[f.fix],
                "code": {"value": f.rule},
            }
            if f.replacements:
                diagnostic["suggestions"] = [{"range": where, "text": r} for r in f.replacements]
            diagnostics.append(diagnostic)
    # The top-level severity is only the default for diagnostics that lack one; all have one.
    result = {"source": {"name": "transfix"}, "severity": "WARNING", "diagnostics": diagnostics}
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"

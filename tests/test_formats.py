"""Machine-readable output formats (transfix.formats).

The fixture puts accented letters, CJK and emoji before findings on the same line, because that
is where the formats' column units part ways: code points (text, json, jsonl, github), UTF-16
code units (SARIF) and UTF-8 bytes (rdjson).

Golden files live in tests/golden/sample.<ext>. After an intended change of output, regenerate
them with

    TRANSFIX_UPDATE_GOLDEN=1 python -m pytest -q tests/test_formats.py

and review the diff. The transfix version is replaced by <VERSION> so a release does not break them.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import transfix
from transfix.formats import FORMATS, render
from transfix.model import Finding, FixLevel, Rule, Source
from transfix.report import FileReport

GOLDEN = Path(__file__).resolve().parent / "golden"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
UPDATE = os.environ.get("TRANSFIX_UPDATE_GOLDEN") == "1"

TEXT = (
    "Café 東京 😀 talks with the RPC resumed in Beijing.\n"
    "Ça va 🎉: a cafÃ© statement by the White House House press office.\n"
    "Read also: Sanctions hit Russian banks\n"
    "Their is 😀 a problem.\n"
)
PATH = "docs/Café notes.txt"


def _finding(piece: str, rule: str, replacements: tuple[str, ...], fix: FixLevel, **extra) -> Finding:
    start = TEXT.index(piece)
    line = TEXT.count("\n", 0, start) + 1
    column = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    fields = {"source": Source.RULES, "category": "acronym", "pivot": ("fr",), "message": "", "explanation": ""}
    fields |= extra
    return Finding(rule=rule, start=start, end=start + len(piece), text=piece, replacements=replacements,
                   fix=fix, line=line, column=column, **fields)


# Built by hand rather than by the engine, so that rule-pack edits do not churn the goldens.
FINDINGS = (
    _finding("RPC", "fr.acronyms.rpc", ("PRC",), FixLevel.UNSAFE,
             message="RPC is the French acronym for the People's Republic of China: PRC in English"),
    _finding("Ã©", "normalize.mojibake", ("é",), FixLevel.SAFE, source=Source.NORMALIZE,
             category="encoding", pivot=("any",), message="Mojibake: text decoded with the wrong encoding",
             explanation="Text that passed through several systems is often decoded with the wrong codec."),
    _finding("House House", "common.institutions.doubled-institution-word", ("House",), FixLevel.SAFE,
             category="doubled", pivot=("any",),
             message="Institution name with its head noun doubled: 'the White House House'"),
    _finding("Read also: Sanctions hit Russian banks\n", "common.boilerplate-extra.read-more-link", ("",),
             FixLevel.SUGGEST, category="boilerplate", pivot=("any",),
             message="'Read more' link scraped into the article"),
    _finding("Their", "grammar.harper.SpellCheck", ("There", "They're"), FixLevel.SUGGEST,
             source=Source.GRAMMAR, category="grammar.spelling", pivot=("any",), confidence=0.6,
             message="Did you mean 'There'?"),
)
REPORTS = (FileReport(PATH, FINDINGS, TEXT), FileReport("clean.txt", (), "Nothing to see here.\n"))

# Only the pack rules are known to the engine's rule table; grammar and normalize rules are not.
RULES = {
    "fr.acronyms.rpc": Rule(
        id="fr.acronyms.rpc", kind="phrase", fix=FixLevel.UNSAFE, category="acronym", pivot=("fr",),
        message="RPC is the French acronym for the People's Republic of China: PRC in English",
        explanation="French writes République populaire de Chine as RPC.",
    ),
}

EXTENSIONS = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif",
              "github": "github.txt", "rdjson": "rdjson"}


def _without_version(output: str) -> str:
    driver = re.compile(r'("name": "transfix",\s*"version": )"([^"]*)"')
    match = driver.search(output)
    if match:
        assert match.group(2) == transfix.__version__
        output = driver.sub(r'\1"<VERSION>"', output)
    return output


# --- golden files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("format_name", FORMATS)
def test_golden(format_name: str) -> None:
    output = _without_version(render(format_name, REPORTS, RULES))
    golden = GOLDEN / f"sample.{EXTENSIONS[format_name]}"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"{golden} is missing; run with TRANSFIX_UPDATE_GOLDEN=1"
    assert output == golden.read_bytes().decode("utf-8")


# --- column units -----------------------------------------------------------------------------------
# "Café 東京 😀 talks with the RPC": 25 code points precede "RPC"; the emoji is 2 UTF-16 units
# (26 before it), and é, 東, 京, 😀 take 2, 3, 3, 4 UTF-8 bytes (33 before it).
# "Ça va 🎉: a cafÃ© ...": 14 code points precede "Ã©", 15 UTF-16 units, 18 UTF-8 bytes (Ç is 2,
# 🎉 is 4), and "Ã©" is 2 code points, 2 UTF-16 units and 4 UTF-8 bytes.


def test_text_and_json_count_code_points() -> None:
    assert render("text", REPORTS).splitlines()[0].startswith(f"{PATH}:1:26: fr.acronyms.rpc:")
    finding = json.loads(render("json", REPORTS))["files"][0]["findings"][0]
    assert (finding["line"], finding["column"], finding["start"], finding["end"]) == (1, 26, 25, 28)


def test_github_counts_code_points() -> None:
    lines = render("github", REPORTS).splitlines()
    assert lines[0].startswith(f"::warning file={PATH},line=1,col=26,endLine=1,endColumn=29,")
    assert lines[1].startswith(f"::warning file={PATH},line=2,col=15,endLine=2,endColumn=17,")


def test_sarif_counts_utf16_code_units() -> None:
    run = json.loads(render("sarif", REPORTS))["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert regions[0] == {"startLine": 1, "startColumn": 27, "endLine": 1, "endColumn": 30}
    assert regions[1] == {"startLine": 2, "startColumn": 16, "endLine": 2, "endColumn": 18}
    # A region that takes a line with its newline ends at column 1 of the next (SARIF 3.30.2).
    assert regions[3] == {"startLine": 3, "startColumn": 1, "endLine": 4, "endColumn": 1}


def test_rdjson_counts_utf8_bytes() -> None:
    diagnostics = json.loads(render("rdjson", REPORTS))["diagnostics"]
    first = diagnostics[0]["location"]["range"]
    assert first == {"start": {"line": 1, "column": 34}, "end": {"line": 1, "column": 37}}
    assert diagnostics[1]["location"]["range"] == {
        "start": {"line": 2, "column": 19}, "end": {"line": 2, "column": 23}}
    assert diagnostics[3]["location"]["range"]["end"] == {"line": 4, "column": 1}


@pytest.mark.parametrize(("format_name", "encode"), [
    ("sarif", lambda s: len(s.encode("utf-16-le")) // 2),
    ("rdjson", lambda s: len(s.encode("utf-8"))),
])
def test_columns_select_the_finding(format_name, encode) -> None:
    """Cutting each line at the reported columns, in the format's unit, gives back the finding."""
    document = json.loads(render(format_name, REPORTS))
    lines = TEXT.splitlines(keepends=True)
    if format_name == "sarif":
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in document["runs"][0]["results"]]
        spans = [(g["startLine"], g["startColumn"], g["endLine"], g["endColumn"]) for g in regions]
    else:
        spans = [(d["location"]["range"]["start"]["line"], d["location"]["range"]["start"]["column"],
                  d["location"]["range"]["end"]["line"], d["location"]["range"]["end"]["column"])
                 for d in document["diagnostics"]]
    for finding, (start_line, start_column, end_line, end_column) in zip(FINDINGS, spans, strict=True):
        def offset(line: int, column: int) -> int:
            prefix = sum(len(x) for x in lines[:line - 1])
            units = lines[line - 1] if line <= len(lines) else ""
            chars = next(i for i in range(len(units) + 1) if encode(units[:i]) == column - 1)
            return prefix + chars
        assert TEXT[offset(start_line, start_column):offset(end_line, end_column)] == finding.text


# --- per-format details ------------------------------------------------------------------------------


def test_jsonl_is_one_finding_per_line_and_skips_clean_files() -> None:
    lines = render("jsonl", REPORTS).splitlines()
    assert len(lines) == len(FINDINGS)
    records = [json.loads(line) for line in lines]
    assert all(r["path"] == PATH for r in records)
    assert records[0] == {"path": PATH, **FINDINGS[0].to_dict()}
    assert render("jsonl", [REPORTS[1]]) == ""


def test_jsonl_escapes_separators_that_splitlines_would_break_on() -> None:
    text = "A\u2028B RPC\n"
    finding = Finding("fr.acronyms.rpc", Source.RULES, 4, 7, "RPC", ("PRC",), FixLevel.UNSAFE,
                      "acronym", ("fr",), "x\u2028y\x85z", line=1, column=5)
    output = render("jsonl", [FileReport("a.txt", (finding,), text)])
    assert len(output.splitlines()) == 1
    assert json.loads(output)["message"] == "x\u2028y\x85z"


def test_sarif_rules_come_from_the_mapping_or_from_findings() -> None:
    driver = json.loads(render("sarif", REPORTS, RULES))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "transfix" and driver["version"] == transfix.__version__
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["fr.acronyms.rpc"]["fullDescription"]["text"] == RULES["fr.acronyms.rpc"].explanation
    assert rules["normalize.mojibake"]["fullDescription"]["text"] == FINDINGS[1].explanation
    assert "fullDescription" not in rules["grammar.harper.SpellCheck"]  # no explanation to give
    assert rules["grammar.harper.SpellCheck"]["defaultConfiguration"]["level"] == "note"
    assert rules["fr.acronyms.rpc"]["properties"] == {"category": "acronym", "pivot": ["fr"], "fix": "unsafe"}
    results = json.loads(render("sarif", REPORTS))["runs"][0]["results"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["warning", "warning", "warning", "note", "note"]


def test_sarif_fixes_offer_each_replacement() -> None:
    results = json.loads(render("sarif", REPORTS))["runs"][0]["results"]
    spelled = results[4]
    inserted = [f["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for f in spelled["fixes"]]
    assert inserted == ["There", "They're"]
    change = results[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "docs/Caf%C3%A9%20notes.txt"
    assert change["replacements"][0]["deletedRegion"] == results[0]["locations"][0]["physicalLocation"]["region"]


def test_sarif_uri_of_an_absolute_path_is_a_file_uri(tmp_path: Path) -> None:
    path = tmp_path / "a b.txt"
    finding = Finding("fr.acronyms.rpc", Source.RULES, 0, 3, "RPC", ("PRC",), FixLevel.UNSAFE,
                      "acronym", ("fr",), "m", line=1, column=1)
    result = json.loads(render("sarif", [FileReport(str(path), (finding,), "RPC\n")]))["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == path.as_uri()


def test_github_escapes_like_the_actions_toolkit() -> None:
    finding = Finding("fr.acronyms.rpc", Source.RULES, 0, 3, "RPC", (), FixLevel.SUGGEST,
                      "acronym", ("fr",), "50% off,\r\nnow: yes", line=1, column=1)
    output = render("github", [FileReport("a,b:c%.txt", (finding,), "RPC\n")])
    assert output == (
        "::notice file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=4,title=fr.acronyms.rpc"
        "::50%25 off,%0D%0Anow: yes\n"
    )


def test_github_works_without_the_text() -> None:
    without_text = [FileReport(r.path, r.findings) for r in REPORTS]
    assert render("github", without_text) == render("github", REPORTS)


@pytest.mark.parametrize("format_name", ["sarif", "rdjson"])
def test_byte_and_utf16_columns_need_the_text(format_name: str) -> None:
    with pytest.raises(ValueError, match="needs FileReport.text"):
        render(format_name, [FileReport(PATH, FINDINGS)])


def test_offsets_into_another_text_are_refused() -> None:
    with pytest.raises(ValueError, match="does not match"):
        render("sarif", [FileReport(PATH, FINDINGS, TEXT.upper())])


def test_no_findings() -> None:
    clean = [REPORTS[1]]
    assert render("text", clean) == render("jsonl", clean) == render("github", clean) == ""
    assert json.loads(render("sarif", clean))["runs"][0]["results"] == []
    assert json.loads(render("rdjson", clean))["diagnostics"] == []


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render("xml", REPORTS)


def test_engine_findings_render_in_every_format(engine: transfix.Engine) -> None:
    analysis = engine.analyze(TEXT)
    reports = [FileReport(PATH, analysis.findings, TEXT)]
    rules = {r.id: r for r in engine.all_rules}
    for format_name in FORMATS:
        assert render(format_name, reports, rules)
    rpc = next(f for f in analysis.findings if f.rule == "fr.acronyms.rpc")
    result = next(r for r in json.loads(render("sarif", reports, rules))["runs"][0]["results"]
                  if r["ruleId"] == "fr.acronyms.rpc")
    assert rpc.column == 26
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 27


# --- SARIF schema --------------------------------------------------------------------------------------


def _sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} is not present on this machine")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_matches_the_schema() -> None:
    validator = _sarif_validator()
    validator.validate(json.loads(render("sarif", REPORTS, RULES)))
    validator.validate(json.loads(render("sarif", REPORTS)))
    validator.validate(json.loads(render("sarif", [])))


def test_sarif_of_engine_findings_matches_the_schema(engine: transfix.Engine) -> None:
    validator = _sarif_validator()
    reports = [FileReport(PATH, engine.analyze(TEXT).findings, TEXT)]
    validator.validate(json.loads(render("sarif", reports, {r.id: r for r in engine.all_rules})))

"""The `transfix` command: parse arguments, call the library, print, exit with a clear code.

Exit codes: 0 nothing found, 1 findings (check), 2 usage or input errors.
"""

from __future__ import annotations

import enum
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.text import Text

from . import __version__
from .backends import GrammarOptions, build_grammar, options_from_env
from .engine import Engine
from .errors import TransfixError
from .loader import default_rules_dir, load_rules, pack_files
from .model import FixLevel
from .report import FileReport, text_lines, unified_diff
from .selftest import check_examples
from .textio import Document, read_document, write_atomic

app = typer.Typer(
    name="transfix",
    help="Find and repair damage that machine-translation round trips leave in English text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List, show and test rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    rdjson = "rdjson"


class ScoreFormat(str, enum.Enum):
    text = "text"
    json = "json"


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _error(message: str) -> None:
    _stderr().print(Text(f"transfix: {message}", style="red" if sys.stderr.isatty() else ""))


def _split(values: Optional[List[str]]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values or [] for item in value.split(",") if item.strip())


PathsArg = typer.Argument(..., help="Files to read; - for standard input.")
SelectOpt = typer.Option(None, "--select", help="Only rules whose id starts with these prefixes (comma-separated).")
IgnoreOpt = typer.Option(None, "--ignore", help="Skip rules whose id starts with these prefixes.")
PivotOpt = typer.Option(None, "--pivot", help="Only packs for these pivot languages, e.g. fr,de.")
RulesOpt = typer.Option(None, "--rules", help="Extra rule pack files or directories.")
EncodingOpt = typer.Option(None, "--encoding", help="Read input in this encoding instead of detecting it.")


class GrammarMode(str, enum.Enum):
    auto = "auto"
    harper = "harper"
    languagetool = "languagetool"
    off = "off"


GrammarOpt = typer.Option(GrammarMode.auto, "--grammar", help="Grammar checker: auto (LanguageTool when configured, else Harper), harper, languagetool or off.")
LtServerOpt = typer.Option(None, "--lt-server", help="URL of a LanguageTool server you run (or TRANSFIX_LT_SERVER).")
LtPathOpt = typer.Option(None, "--lt-path", help="A local LanguageTool directory (LTP_PATH layout) that transfix starts and stops.")
LtDownloadOpt = typer.Option(False, "--lt-download", help="Download LanguageTool on first use when the network allows.")
LtPublicOpt = typer.Option(False, "--lt-public", help="Use the public LanguageTool API (sends your text to languagetool.org).")
LtCommandOpt = typer.Option(None, "--lt-command", help="A command that starts a LanguageTool-compatible server; {port} is filled in.", hidden=True)
GrammarEnableOpt = typer.Option(None, "--grammar-enable", help="Grammar rules that are off by default to turn on (e.g. LongSentences).")


def _grammar_options(grammar, lt_server, lt_path, lt_download, lt_public, lt_command, grammar_enable) -> GrammarOptions:
    return options_from_env(GrammarOptions(
        mode=grammar.value, lt_server=lt_server, lt_path=lt_path, lt_download=lt_download,
        lt_public=lt_public, lt_command=tuple(shlex.split(lt_command)) if lt_command else (),
        enable=frozenset(_split(grammar_enable)),
    ))


def _engine(select, ignore, pivot, rules, grammar: GrammarOptions | None = None) -> Engine:
    checker, required = None, False
    if grammar is not None:
        checker, required, warnings = build_grammar(grammar)
        for warning in warnings:
            _error(f"warning: {warning}")
    return Engine(
        select=_split(select), ignore=_split(ignore), pivots=_split(pivot),
        extra_rule_paths=[Path(p) for p in _split(rules)], grammar=checker, grammar_required=required,
    )


def _close(engine: Engine) -> None:
    if engine.grammar is not None:
        engine.grammar.close()


def _documents(paths: List[str], encoding: Optional[str], errors: list[str]) -> Iterator[Document]:
    for path in paths:
        try:
            yield read_document(path, encoding)
        except TransfixError as exc:
            errors.append(str(exc))
            _error(str(exc))


@app.command()
def check(
    paths: List[str] = PathsArg,
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text, json, jsonl, sarif, github or rdjson."),
    grammar: GrammarMode = GrammarOpt,
    lt_server: Optional[str] = LtServerOpt,
    lt_path: Optional[str] = LtPathOpt,
    lt_download: bool = LtDownloadOpt,
    lt_public: bool = LtPublicOpt,
    lt_command: Optional[str] = LtCommandOpt,
    grammar_enable: Optional[List[str]] = GrammarEnableOpt,
) -> None:
    """Report findings. Exit 0 when nothing is found, 1 when something is, 2 on errors."""
    engine = _engine(select, ignore, pivot, rules, _grammar_options(
        grammar, lt_server, lt_path, lt_download, lt_public, lt_command, grammar_enable))
    try:
        _check(engine, paths, encoding, output_format)
    finally:
        _close(engine)


def _check(engine: Engine, paths: List[str], encoding: Optional[str], output_format: OutputFormat) -> None:
    errors: list[str] = []
    reports = []
    console = _stdout()
    for document in _documents(paths, encoding, errors):
        analysis = engine.analyze(document.text)
        for warning in analysis.warnings:
            _error(f"warning: {warning}")
        report = FileReport(document.path, analysis.findings, document.text)
        reports.append(report)
        if output_format is OutputFormat.text:
            for line in text_lines(report):
                console.print(Text(line), markup=False)
    if output_format is not OutputFormat.text:
        from .formats import render

        rules = {rule.id: rule for rule in engine.all_rules}
        sys.stdout.write(render(output_format.value, reports, rules))
    if errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if any(r.findings for r in reports) else EXIT_CLEAN)


@app.command()
def fix(
    paths: List[str] = PathsArg,
    write: bool = typer.Option(False, "--write", "-w", help="Rewrite files in place (atomically)."),
    unsafe: bool = typer.Option(False, "--unsafe", help="Also apply unsafe fixes."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    accept: Optional[List[str]] = typer.Option(None, "--accept", help="Also apply fixes of these rule prefixes, whatever their level (e.g. grammar.harper.RepeatedWords)."),
    grammar: GrammarMode = typer.Option(GrammarMode.off, "--grammar", help="Grammar checker for --accept'ed grammar fixes: off (default), auto, harper, languagetool."),
    lt_server: Optional[str] = LtServerOpt,
    lt_path: Optional[str] = LtPathOpt,
    lt_command: Optional[str] = LtCommandOpt,
) -> None:
    """Print the repaired text, or rewrite the files with --write."""
    engine = _engine(select, ignore, pivot, rules, _grammar_options(
        grammar, lt_server, lt_path, False, False, lt_command, None))
    try:
        _fix(engine, paths, encoding, write, unsafe, _split(accept))
    finally:
        _close(engine)


def _fix(engine: Engine, paths, encoding, write: bool, unsafe: bool, accept: tuple[str, ...]) -> None:
    errors: list[str] = []
    for document in _documents(paths, encoding, errors):
        result = engine.repair(document.text, unsafe=unsafe, accept=accept)
        if write and document.path != "<stdin>":
            if result.changed:
                try:
                    write_atomic(document, result.text)
                except TransfixError as exc:
                    errors.append(str(exc))
                    _error(str(exc))
                    continue
                _stderr().print(f"{document.path}: applied {len(result.applied)} fix(es)", markup=False)
        else:
            sys.stdout.buffer.write(document.encode(result.text) if document.bom else result.text.encode(document.encoding))
            sys.stdout.buffer.flush()
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


@app.command()
def diff(
    paths: List[str] = PathsArg,
    unsafe: bool = typer.Option(False, "--unsafe", help="Include unsafe fixes."),
    suggest: bool = typer.Option(True, "--suggest/--no-suggest", help="Include suggest-level fixes (marked in hunk headers)."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    grammar: GrammarMode = typer.Option(GrammarMode.off, "--grammar", help="Also show grammar suggestions: auto, harper, languagetool (default off)."),
    lt_server: Optional[str] = LtServerOpt,
) -> None:
    """Print a unified diff of the suggested fixes; each hunk header names its rules and levels."""
    engine = _engine(select, ignore, pivot, rules, _grammar_options(
        grammar, lt_server, None, False, False, None, None))
    try:
        _diff(engine, paths, encoding, unsafe, suggest)
    finally:
        _close(engine)


def _diff(engine: Engine, paths, encoding, unsafe: bool, suggest: bool) -> None:
    errors: list[str] = []
    levels = {FixLevel.SAFE} | ({FixLevel.UNSAFE, FixLevel.SUGGEST} if suggest else set())
    if unsafe:
        levels.add(FixLevel.UNSAFE)
    console = _stdout()
    colour = console.is_terminal
    changed = False
    for document in _documents(paths, encoding, errors):
        # The target is what `fix` would produce (plus suggestions when shown), so the diff
        # piped to `patch` gives exactly the output of `fix`.
        target = engine.repair(document.text, unsafe=unsafe, preview=suggest).text
        labels = [f for f in engine.check(document.text) if f.fix in levels]
        lines = unified_diff(document.path, document.text, target, labels)
        changed |= bool(lines)
        for line in lines:
            if colour:
                console.print(Text(line.rstrip("\n"), style=_diff_style(line)), markup=False)
            else:
                sys.stdout.write(line)
    raise typer.Exit(EXIT_ERROR if errors else (EXIT_FINDINGS if changed else EXIT_CLEAN))


def _diff_style(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "bold"
    if line.startswith("@@"):
        return "cyan"
    if line.startswith("+"):
        return "green"
    if line.startswith("-"):
        return "red"
    return ""


@app.command()
def score(
    paths: List[str] = PathsArg,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    output_format: ScoreFormat = typer.Option(ScoreFormat.text, "--format", help="text or json."),
) -> None:
    """How likely each document went through a machine-translation round trip, and which pivot."""
    engine = _engine(None, None, pivot, rules)
    errors: list[str] = []
    results = []
    for document in _documents(paths, encoding, errors):
        result = engine.score(document.text)
        results.append({"path": document.path, **result.to_dict()})
        if output_format is ScoreFormat.text:
            pivot_note = f", pivot {result.pivot} ({result.pivots[result.pivot]:.0%})" if result.pivot else ""
            evidence = ", ".join(f"{rule} x{count}" for rule, count in result.evidence) or "none"
            sys.stdout.write(
                f"{document.path}: {result.probability:.2f} {result.verdict}{pivot_note}; "
                f"{result.density:.1f} weighted findings per 1,000 words ({result.words} words); "
                f"evidence: {evidence}\n"
            )
    if output_format is ScoreFormat.json:
        sys.stdout.write(json.dumps({"version": 1, "files": results}, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


@app.command()
def report(
    paths: List[str] = PathsArg,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    grammar: GrammarMode = typer.Option(GrammarMode.off, "--grammar", help="Include grammar suggestions: auto, harper, languagetool (default off)."),
    lt_server: Optional[str] = LtServerOpt,
) -> None:
    """Write a self-contained HTML report to review every finding in a browser."""
    from .htmlreport import ReportEntry, render_report

    engine = _engine(select, ignore, pivot, rules, _grammar_options(
        grammar, lt_server, None, False, False, None, None))
    errors: list[str] = []
    entries = []
    try:
        for document in _documents(paths, encoding, errors):
            findings = engine.check(document.text)
            entries.append(ReportEntry(document, tuple(findings), engine.score(document.text)))
    finally:
        _close(engine)
    html = render_report(entries)
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        _error(f"{output}: cannot write ({exc.strerror or exc})")
        raise typer.Exit(EXIT_ERROR)
    total = sum(len(entry.findings) for entry in entries)
    _stderr().print(f"{output}: {total} finding(s) in {len(entries)} file(s)", markup=False)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


@app.command()
def review(
    path: str = typer.Argument(..., help="The file to review."),
    export: Optional[Path] = typer.Option(None, "--export", help="Write the decisions to this file instead of changing the document."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
) -> None:
    """Review findings one at a time (y/n/e/a/s/q), then write the file atomically."""
    from .decisions import apply_decisions_text, decisions_document
    from .review import review as run_review

    if path == "-":
        _error("review needs a file (standard input carries the answers)")
        raise typer.Exit(EXIT_ERROR)
    engine = _engine(select, ignore, pivot, rules)
    document = read_document(path, encoding)
    findings = engine.check(document.text)
    interactive = sys.stdin.isatty()

    def ask(kind: str) -> Optional[str]:
        if interactive and kind == "key":
            import click

            key = click.getchar()
            sys.stdout.write(key + "\n")
            return key
        line = sys.stdin.readline()
        return line if line else None

    decisions = run_review(document.text, findings, ask, sys.stdout)
    accepted = sum(d.accepted for d in decisions)
    if export is not None:
        export.write_text(json.dumps(decisions_document([(document, decisions)]), ensure_ascii=False, indent=2),
                          encoding="utf-8")
        sys.stdout.write(f"{export}: {len(decisions)} decision(s), {accepted} accepted\n")
        raise typer.Exit(EXIT_CLEAN)
    new_text = apply_decisions_text(document.text, decisions, path)
    if new_text != document.text:
        write_atomic(document, new_text)
    sys.stdout.write(f"{path}: applied {accepted} change(s)\n")
    raise typer.Exit(EXIT_CLEAN)


@app.command("apply")
def apply_command(
    decisions: str = typer.Argument(..., help="A decisions file exported from the HTML report or written by review."),
) -> None:
    """Apply reviewed decisions to the files they name; refuses files changed since the review."""
    from .decisions import apply_file

    for path, count in apply_file(decisions):
        _stderr().print(f"{path}: applied {count} change(s)", markup=False)
    raise typer.Exit(EXIT_CLEAN)


@rules_app.command("list")
def rules_list(
    rules: Optional[List[str]] = RulesOpt,
) -> None:
    """Rule counts per pack, by fix level."""
    roots = [default_rules_dir()] + [Path(p) for p in _split(rules)]
    loaded = load_rules(roots)
    packs: dict[str, list] = {}
    for rule in loaded:
        packs.setdefault(rule.pack, []).append(rule)
    console = _stdout()
    if not console.is_terminal:
        console = Console(highlight=False, width=200)
    from rich.table import Table

    table = Table("pack", "rules", "safe", "unsafe", "suggest", "pivot", box=None)
    for pack, members in sorted(packs.items()):
        count = {level: sum(r.fix is level for r in members) for level in FixLevel}
        pivots = sorted({p for r in members for p in r.pivot})
        table.add_row(pack, str(len(members)), str(count[FixLevel.SAFE]), str(count[FixLevel.UNSAFE]),
                      str(count[FixLevel.SUGGEST]), ",".join(pivots))
    table.add_row("total", str(len(loaded)), "", "", "", "")
    console.print(table)


@rules_app.command("show")
def rules_show(rule_id: str = typer.Argument(..., help="A full rule id, e.g. fr.acronyms.rpc.")) -> None:
    """Show one rule: what it does, why, and its examples."""
    rule = next((r for r in load_rules([default_rules_dir()]) if r.id == rule_id), None)
    if rule is None:
        _error(f"no rule {rule_id!r}; see `transfix rules list`")
        raise typer.Exit(EXIT_ERROR)
    out = sys.stdout
    out.write(f"{rule.id}  [{rule.fix.value}]  {rule.category}  pivot: {', '.join(rule.pivot)}\n")
    out.write(f"defined at {rule.where}\n\n{rule.message}\n\nWhy: {rule.explanation}\n\n")
    for example in rule.bad:
        out.write(f"  bad:   {example.text}\n  fixed: {example.fixed}\n")
    for text in rule.good:
        out.write(f"  good:  {text}\n")


@rules_app.command("test")
def rules_test(
    path: Path = typer.Argument(..., help="A rule pack file or a directory of packs."),
) -> None:
    """Load a pack and run every rule's examples; no rule may fire on a repaired example."""
    user_rules = load_rules([path])
    universe = list(user_rules)
    if path.resolve() != default_rules_dir().resolve():
        shipped_ids = {r.id for r in user_rules}
        universe += [r for r in load_rules([default_rules_dir()]) if r.id not in shipped_ids]
    failures = check_examples(user_rules, universe)
    for failure in failures:
        _stderr().print(str(failure), markup=False)
    files = len(pack_files(path))
    examples = sum(len(r.bad) + len(r.good) for r in user_rules)
    summary = f"{len(user_rules)} rules in {files} pack(s), {examples} examples: {len(failures)} failure(s)"
    _stdout().print(summary, markup=False)
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


@app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        sys.stdout.write(f"transfix {__version__}\n")
        raise typer.Exit(EXIT_CLEAN)


def main() -> None:
    try:
        app(standalone_mode=True)
    except TransfixError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug of ours: still one line, unless the user wants the trace
        if os.environ.get("TRANSFIX_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set TRANSFIX_DEBUG=1 for a trace)")
        sys.exit(EXIT_ERROR)

"""The `transfix` command: parse arguments, call the library, print, exit with a clear code.

Exit codes: 0 nothing found, 1 findings (check, diff) or files changed (fix --exit-non-zero-on-fix),
2 usage or input errors. Settings come from flags, then the configuration file, then defaults.
"""

from __future__ import annotations

import copy
import enum
import os
import shlex
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from . import __version__
from .config import ConfigFinder
from .errors import TransfixError
from .console import error as _error, say as _say, stderr as _stderr, stdout as _stdout
from .model import FixLevel
from .report import FileReport, text_lines, unified_diff, utf8_path
from .textio import check_output, read_document, write_atomic, write_new_file

# The engine, the rule loader and the grammar back ends are imported by the commands that use
# them, so that `transfix --version` and the help do not load them.
if TYPE_CHECKING:  # pragma: no cover
    from .session import Session

app = typer.Typer(
    name="transfix",
    help="Find and repair damage that machine-translation round trips leave in English text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help text is plain: "[tool.transfix]" is not markup
)
rules_app = typer.Typer(help="List, show and test rule packs.", no_args_is_help=True, rich_markup_mode=None)
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


class GrammarMode(str, enum.Enum):
    auto = "auto"
    harper = "harper"
    languagetool = "languagetool"
    off = "off"


class Level(str, enum.Enum):
    safe = "safe"
    unsafe = "unsafe"
    suggest = "suggest"


class DocType(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    html = "html"




def _split(values: Optional[List[str]], option: str = "") -> tuple[str, ...]:
    items = tuple(item.strip() for value in values or [] for item in value.split(",") if item.strip())
    if values and not items and option:
        raise TransfixError(f"{option}: empty value (give one or more comma-separated names)")
    return items


PathsArg = typer.Argument(..., metavar="PATH", help="Files or directories to read; - for standard input.")
ConfigOpt = typer.Option(None, "--config", metavar="FILE", help="Configuration file for every file (default: for each file, the nearest transfix.toml or pyproject.toml with [tool.transfix]).")
NoConfigOpt = typer.Option(False, "--no-config", metavar="", help="Ignore configuration files.")
SelectOpt = typer.Option(None, "--select", metavar="PREFIX,...", help="Only rules whose id starts with these prefixes (comma-separated).")
IgnoreOpt = typer.Option(None, "--ignore", metavar="PREFIX,...", help="Skip rules whose id starts with these prefixes.")
PivotOpt = typer.Option(None, "--pivot", metavar="LANG,...", help="Only packs for these pivot languages, e.g. fr,de.")
RulesOpt = typer.Option(None, "--rules", metavar="PATH", help="Extra rule pack files or directories.")
EncodingOpt = typer.Option(None, "--encoding", metavar="NAME", help="Read input in this encoding, or auto to detect it (default: BOM, else UTF-8)." )
TypeOpt = typer.Option(None, "--type", help="Document type: text, markdown or html (default: by file extension).")
LtServerOpt = typer.Option(None, "--lt-server", metavar="URL", help="URL of a LanguageTool server you run (or TRANSFIX_LT_SERVER).")
LtPathOpt = typer.Option(None, "--lt-path", metavar="DIR", help="A local LanguageTool directory (LTP_PATH layout) that transfix starts and stops.")
LtDownloadOpt = typer.Option(False, "--lt-download", metavar="", help="Download LanguageTool on first use when the network allows.")
LtPublicOpt = typer.Option(False, "--lt-public", metavar="", help="Use the public LanguageTool API (sends your text to languagetool.org).")
LtCommandOpt = typer.Option(None, "--lt-command", help="A command that starts a LanguageTool-compatible server; {port} is filled in.", hidden=True)
GrammarEnableOpt = typer.Option(None, "--grammar-enable", metavar="LINT,...", help="Grammar lints that are off by default to turn on (e.g. SpellCheck, or all); `transfix rules list --grammar` lists them.")


def _grammar_help(default: str) -> typer.Option:
    return typer.Option(None, "--grammar", help=f"Grammar checker: auto (LanguageTool when configured, else Harper), harper, languagetool or off (default here: {default}).")


def _session(
    config_path: Optional[Path], no_config: bool, select, ignore, pivot, rules, encoding, doc_type,
    grammar: Optional[GrammarMode] = None, grammar_default: str = "off", lt_server: Optional[str] = None,
    lt_path: Optional[str] = None, lt_download: bool = False, lt_public: bool = False,
    lt_command: Optional[str] = None, grammar_enable=None,
) -> Session:
    """Flags win over each file's configuration file, which wins over defaults (see session.py)."""
    from .session import Flags, Session

    flags = Flags(
        select=_split(select, "--select"), ignore=_split(ignore, "--ignore"), pivots=_split(pivot, "--pivot"),
        rules=_split(rules, "--rules"),
        doc_type=doc_type.value if doc_type is not None else None,
        grammar=grammar.value if grammar is not None else None, grammar_default=grammar_default,
        lt_server=lt_server, lt_path=lt_path, lt_download=lt_download, lt_public=lt_public,
        lt_command=tuple(shlex.split(lt_command)) if lt_command else (), grammar_enable=_split(grammar_enable),
    )
    return Session(ConfigFinder(config_path, no_config), flags, encoding)


@app.command()
def check(
    paths: List[str] = PathsArg,
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    doc_type: Optional[DocType] = TypeOpt,
    config: Optional[Path] = ConfigOpt,
    no_config: bool = NoConfigOpt,
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text, json, jsonl, sarif, github or rdjson."),
    min_fix_level: Optional[Level] = typer.Option(None, "--min-fix-level", help="Report only findings at this level or surer: safe, unsafe or suggest (all)."),
    fail_on: Optional[Level] = typer.Option(None, "--fail-on", help="Exit 1 only for findings at this level or surer (default: suggest, i.e. any)."),
    grammar: Optional[GrammarMode] = _grammar_help("auto"),
    lt_server: Optional[str] = LtServerOpt,
    lt_path: Optional[str] = LtPathOpt,
    lt_download: bool = LtDownloadOpt,
    lt_public: bool = LtPublicOpt,
    lt_command: Optional[str] = LtCommandOpt,
    grammar_enable: Optional[List[str]] = GrammarEnableOpt,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all cores)."),
) -> None:
    """Report findings. Exit 0 when nothing is found, 1 when something is, 2 on errors."""
    session = _session(config, no_config, select, ignore, pivot, rules, encoding, doc_type, grammar, "auto",
                       lt_server, lt_path, lt_download, lt_public, lt_command, grammar_enable)
    shown = FixLevel(min_fix_level.value) if min_fix_level else None  # None: each file's configuration
    failing = FixLevel(fail_on.value) if fail_on else None
    try:
        fails = _check(session, paths, output_format, jobs, min_level=shown, fail_on=failing)
    finally:
        session.close()
    if session.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if fails else EXIT_CLEAN)


def _check(session: Session, paths: List[str], output_format: OutputFormat, jobs: Optional[int], **levels) -> bool:
    """Print the findings; whether any is at its file's fail-on level."""
    reports, fails = [], False
    console = _stdout()
    started = time.perf_counter()
    keep_text = output_format is not OutputFormat.text  # other formats count columns in it
    for result in session.run(paths, jobs, mode="check", keep_text=keep_text, **levels):
        if result.error or result.note:
            continue
        fails |= result.failed
        report = FileReport(utf8_path(result.path), result.findings,
                            result.text if output_format is not OutputFormat.text else "", result.path)
        reports.append(report)
        if output_format is OutputFormat.text:
            for line in text_lines(report):
                _say(console, line, _level_style(line))
    if output_format is not OutputFormat.text:
        from .formats import render

        sys.stdout.write(render(output_format.value, reports, session.all_rules()))
    if len(reports) > 1:
        counts: Counter = Counter(f.category for r in reports for f in r.findings)
        _summary(len(reports), counts, "findings", time.perf_counter() - started)
    return fails


def _summary(files: int, counts: Counter, what: str, seconds: float) -> None:
    """A closing summary on standard error: a table on a terminal, one line in logs (pre-commit, CI)."""
    console = _stderr()
    head = f"transfix: {files} file(s), {sum(counts.values())} {what}"
    if not sys.stderr.isatty():
        detail = ", ".join(f"{category} {count}" for category, count in counts.most_common())
        console.print(f"{head}{f' ({detail})' if detail else ''}, {seconds:.1f}s", markup=False, soft_wrap=True)
        return
    console.print(f"{head}, {seconds:.1f}s", markup=False)
    if not counts:
        return
    from rich.table import Table

    table = Table(box=None)
    table.add_column("category")
    table.add_column(what, justify="right")
    for category, count in counts.most_common():
        table.add_row(category, str(count))
    console.print(table)


def _level_style(line: str) -> str:
    if "[safe]" in line:
        return "green"
    if "[unsafe]" in line:
        return "yellow"
    return ""


@app.command()
def fix(
    paths: List[str] = PathsArg,
    write: bool = typer.Option(False, "--write", "-w", help="Rewrite files in place (atomically)."),
    unsafe: Optional[bool] = typer.Option(None, "--unsafe/--no-unsafe", help="Also apply unsafe fixes (default: the config's `unsafe`, else no)."),
    exit_non_zero_on_fix: bool = typer.Option(False, "--exit-non-zero-on-fix", help="Exit 1 when a file was changed (as formatters do in pre-commit)."),
    accept: Optional[List[str]] = typer.Option(None, "--accept", metavar="PREFIX,...", help="Also apply fixes of these rule prefixes, whatever their level (e.g. grammar.harper.AnA)."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    doc_type: Optional[DocType] = TypeOpt,
    config: Optional[Path] = ConfigOpt,
    no_config: bool = NoConfigOpt,
    grammar: Optional[GrammarMode] = _grammar_help("off"),
    lt_server: Optional[str] = LtServerOpt,
    lt_path: Optional[str] = LtPathOpt,
    lt_command: Optional[str] = LtCommandOpt,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all cores)."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Input is JSON Lines: repair one field of each record, keep the others, add findings and score."),
    grammar_enable: Optional[List[str]] = GrammarEnableOpt,
    text_field: Optional[str] = typer.Option(None, "--field", metavar="PATH", help="With --jsonl: the field that holds the text, dotted for nested objects (roundtrips.fr); default: text."),
) -> None:
    """Print the repaired text, or rewrite the files with --write."""
    if text_field is not None and not jsonl:
        raise TransfixError("--field only applies with --jsonl")
    if jsonl and write:
        raise TransfixError("--write does not apply with --jsonl (the records go to standard output)")
    session = _session(config, no_config, select, ignore, pivot, rules, encoding, doc_type, grammar, "off",
                       lt_server, lt_path, False, False, lt_command, grammar_enable)
    try:  # unsafe None: each file's configuration decides
        if jsonl:
            changed = _fix_jsonl(session, paths, text_field or "text", unsafe, _split(accept, "--accept"))
        else:
            changed = _fix(session, paths, write, unsafe, _split(accept, "--accept"), jobs)
    finally:
        session.close()
    if session.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if exit_non_zero_on_fix and changed else EXIT_CLEAN)


def _fix(session: Session, paths, write: bool, unsafe: Optional[bool], accept: tuple[str, ...], jobs: Optional[int]) -> int:
    changed, files, applied = 0, 0, Counter()
    started = time.perf_counter()
    for result in session.run(paths, jobs, mode="fix", write=write, unsafe=unsafe, accept=accept):
        if result.error or result.note:
            continue
        files += 1
        changed += result.changed
        applied.update(result.categories)
        if result.output is not None:
            sys.stdout.buffer.write(result.output)
            sys.stdout.buffer.flush()
        elif result.changed:
            _stderr().print(f"{utf8_path(result.path)}: applied {result.applied} fix(es)", markup=False)
    if write and files > 1:
        _summary(files, applied, "fixes applied", time.perf_counter() - started)
    return changed


def _fix_jsonl(session: Session, paths, field_name: str, unsafe: Optional[bool], accept: tuple[str, ...]) -> int:
    """JSON Lines in, JSON Lines out, one record out for every record in and in the same order:
    the field is repaired and `transfix` added (applied, pending, score); a record that has no
    such string field passes through unchanged with `transfix.skipped` saying why. A line that
    is not JSON at all is an error (exit 2), reported with its line number."""
    import json

    changed = 0
    keys = field_name.split(".")
    for path in paths:
        stream = sys.stdin.buffer if path == "-" else None
        try:
            handle = stream or open(path, "rb")
        except OSError as exc:
            session.fail(f"{path}: cannot read ({exc.strerror or exc})")
            continue
        profile = session.profile_for(path)
        from .session import reject_unknown_accept

        reject_unknown_accept(session, accept)
        with handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw, parse_constant=_no_constants)
                except (ValueError, RecursionError) as exc:
                    session.fail(f"{path}:{number}: not JSON ({type(exc).__name__})")
                    continue
                holder, text = _field(record, keys)
                if holder is None:
                    kept = record if isinstance(record, dict) else {"record": record}
                    kept[_result_key(kept)] = {"skipped": f"no string field {field_name!r}"}
                    _write_record(kept)
                    continue
                result = profile.engine.repair(text, unsafe=profile.unsafe(unsafe), accept=accept)
                changed += result.text != text
                holder[keys[-1]] = result.text
                # A record's own "transfix" field is kept: ours then goes under "_transfix".
                record[_result_key(record)] = {
                    "applied": [f.to_dict() for f in result.applied],
                    "pending": [f.to_dict() for f in result.pending],
                    "score": profile.engine.score(text).to_dict(),
                }
                _write_record(record)
    return changed


def _no_constants(name: str):
    raise ValueError(f"{name} is not JSON")


def _result_key(record: dict) -> str:
    return "_transfix" if "transfix" in record else "transfix"


def _write_record(record) -> None:
    """One JSON line; text with lone surrogates (from a \\ud800 escape) is written escaped."""
    import json

    try:
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, allow_nan=False)
    sys.stdout.write(line + "\n")


def _field(record, keys: list[str]):
    """(the object holding the last key, its string value), or (None, None)."""
    holder = record
    for key in keys[:-1]:
        holder = holder.get(key) if isinstance(holder, dict) else None
    if isinstance(holder, dict) and isinstance(holder.get(keys[-1]), str):
        return holder, holder[keys[-1]]
    return None, None


@app.command()
def diff(
    paths: List[str] = PathsArg,
    unsafe: bool = typer.Option(False, "--unsafe", help="Include unsafe fixes."),
    suggest: bool = typer.Option(True, "--suggest/--no-suggest", help="Include suggest-level (and unsafe) fixes, marked in hunk headers."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    doc_type: Optional[DocType] = TypeOpt,
    config: Optional[Path] = ConfigOpt,
    no_config: bool = NoConfigOpt,
    grammar: Optional[GrammarMode] = _grammar_help("off"),
    lt_server: Optional[str] = LtServerOpt,
) -> None:
    """Print a unified diff of the suggested fixes; each hunk header names its rules and levels."""
    session = _session(config, no_config, select, ignore, pivot, rules, encoding, doc_type, grammar, "off", lt_server)
    try:
        changed = _diff(session, paths, unsafe, suggest)
    finally:
        session.close()
    raise typer.Exit(EXIT_ERROR if session.errors else (EXIT_FINDINGS if changed else EXIT_CLEAN))


def _diff(session: Session, paths, unsafe: bool, suggest: bool) -> bool:
    levels = {FixLevel.SAFE} | ({FixLevel.UNSAFE, FixLevel.SUGGEST} if suggest else set())
    if unsafe:
        levels.add(FixLevel.UNSAFE)
    console = _stdout()
    colour = console.is_terminal and not console.no_color
    changed = False
    for document, profile in session.documents(paths):
        kind, skip, engine = profile.kind(document), profile.skip(document), profile.engine
        # The target is what `fix` would produce (plus suggestions when shown), so the diff
        # piped to `patch` gives exactly the output of `fix`.
        target = engine.repair(document.text, unsafe=unsafe, preview=suggest, kind=kind, skip=skip).text
        labels = [f for f in engine.check(document.text, kind=kind, skip=skip) if f.fix in levels]
        lines = unified_diff(utf8_path(document.path), document.text, target, labels)
        changed |= bool(lines)
        # `patch` compares bytes: a file in a single-byte encoding gets its hunks in that encoding.
        native = not colour and _ascii_based(document.encoding) and document.encoding != "utf-8"
        for line in lines:
            if colour:
                _say(console, line.rstrip("\n"), _diff_style(line))
            elif native and not line.startswith(("---", "+++")):
                sys.stdout.flush()
                sys.stdout.buffer.write(line.encode(document.encoding, "replace"))
            else:
                sys.stdout.write(line)
        sys.stdout.flush()
    return changed


def _ascii_based(encoding: str) -> bool:
    """Whether an encoding writes ASCII as ASCII (Latin-1, Windows-1252; not UTF-16)."""
    try:
        return "\n x".encode(encoding) == b"\n x"
    except (LookupError, UnicodeError):
        return False


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
    doc_type: Optional[DocType] = TypeOpt,
    config: Optional[Path] = ConfigOpt,
    no_config: bool = NoConfigOpt,
    output_format: ScoreFormat = typer.Option(ScoreFormat.text, "--format", help="text or json."),
) -> None:
    """How likely each document went through a machine-translation round trip, and which pivot."""
    import json

    session = _session(config, no_config, None, None, pivot, rules, encoding, doc_type)
    results = []
    for document, profile in session.documents(paths):
        result = profile.engine.score(document.text, kind=profile.kind(document))
        results.append({"path": utf8_path(document.path), **result.to_dict()})
        if output_format is ScoreFormat.text:
            pivot_note = f", pivot {result.pivot} ({result.pivots[result.pivot]:.0%})" if result.pivot else ""
            evidence = ", ".join(f"{rule} x{count}" for rule, count in result.evidence) or "none"
            sys.stdout.write(
                f"{utf8_path(document.path)}: {result.probability:.2f} {result.verdict}{pivot_note}; "
                f"{result.density:.1f} weighted findings per 1,000 words ({result.words} words); "
                f"evidence: {evidence}\n"
            )
    if output_format is ScoreFormat.json:
        sys.stdout.write(json.dumps({"version": 1, "files": results}, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(EXIT_ERROR if session.errors else EXIT_CLEAN)


@app.command()
def report(
    paths: List[str] = PathsArg,
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE", help="The HTML file to write."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    doc_type: Optional[DocType] = TypeOpt,
    config: Optional[Path] = ConfigOpt,
    no_config: bool = NoConfigOpt,
    grammar: Optional[GrammarMode] = _grammar_help("off"),
    lt_server: Optional[str] = LtServerOpt,
) -> None:
    """Write a self-contained HTML report to review every finding in a browser."""
    from .htmlreport import ReportEntry, render_report

    session = _session(config, no_config, select, ignore, pivot, rules, encoding, doc_type, grammar, "off", lt_server)
    check_output(output, tuple(paths))
    entries = []
    try:
        for document, profile in session.documents(paths):
            kind, engine = profile.kind(document), profile.engine
            findings = engine.check(document.text, kind=kind, skip=profile.skip(document))
            entries.append(ReportEntry(document, tuple(findings), engine.score(document.text, kind=kind)))
    finally:
        session.close()
    html = render_report(entries)
    write_new_file(output, html.encode("utf-8"), tuple(paths))
    total = sum(len(entry.findings) for entry in entries)
    _stderr().print(f"{output}: {total} finding(s) in {len(entries)} file(s)", markup=False)
    raise typer.Exit(EXIT_ERROR if session.errors else EXIT_CLEAN)


@app.command()
def review(
    path: str = typer.Argument(..., help="The file to review."),
    export: Optional[Path] = typer.Option(None, "--export", metavar="FILE", help="Write the decisions to this file instead of changing the document."),
    select: Optional[List[str]] = SelectOpt,
    ignore: Optional[List[str]] = IgnoreOpt,
    pivot: Optional[List[str]] = PivotOpt,
    rules: Optional[List[str]] = RulesOpt,
    encoding: Optional[str] = EncodingOpt,
    doc_type: Optional[DocType] = TypeOpt,
    config: Optional[Path] = ConfigOpt,
    no_config: bool = NoConfigOpt,
) -> None:
    """Review findings one at a time (y/n/e/a/s/q), then write the file atomically."""
    from .decisions import apply_decisions_text, decisions_document
    from .review import review as run_review

    if path == "-":
        _error("review needs a file (standard input carries the answers)")
        raise typer.Exit(EXIT_ERROR)
    session = _session(config, no_config, select, ignore, pivot, rules, encoding, doc_type)
    if export is not None:
        check_output(export, (path,))
    document, profile = read_document(path, encoding), session.profile_for(path)
    findings = profile.engine.check(document.text, kind=profile.kind(document), skip=profile.skip(document))
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
        import json

        exported = decisions_document([(document, decisions)])
        try:
            data = json.dumps(exported, ensure_ascii=False, indent=2).encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: JSON escapes keep its bytes
            data = json.dumps(exported, indent=2).encode("ascii")
        write_new_file(export, data, (path,))
        sys.stdout.write(f"{utf8_path(str(export))}: {len(decisions)} decision(s), {accepted} accepted\n")
        raise typer.Exit(EXIT_CLEAN)
    new_text = apply_decisions_text(document.text, decisions, path)
    if new_text != document.text:
        write_atomic(document, new_text)
    sys.stdout.write(f"{utf8_path(path)}: applied {accepted} change(s)\n")
    raise typer.Exit(EXIT_CLEAN)


@app.command("apply")
def apply_command(
    decisions: str = typer.Argument(..., help="A decisions file exported from the HTML report or written by review."),
    root: Optional[Path] = typer.Option(None, "--root", metavar="DIR", help="Only files under this directory may be changed (default: the working directory)."),
) -> None:
    """Apply reviewed decisions to the files they name; refuses files changed since the review."""
    from .decisions import apply_file

    for path, count in apply_file(decisions, base=root):
        _stderr().print(f"{utf8_path(path)}: applied {count} change(s)", markup=False)
    raise typer.Exit(EXIT_CLEAN)


@rules_app.command("list")
def rules_list(
    rules: Optional[List[str]] = RulesOpt,
    grammar: bool = typer.Option(False, "--grammar", help="List Harper's grammar lints instead: which run by default."),
) -> None:
    """Rule counts per pack, by fix level (or, with --grammar, the grammar lints)."""
    if grammar:
        from .grammar import HARPER_DEFAULT, HarperBackend

        for name in HarperBackend.lint_names():
            sys.stdout.write(f"grammar.harper.{name}\t{'on' if name in HARPER_DEFAULT else 'off'}\n")
        return
    from .loader import default_rules_dir, load_rules

    roots = [default_rules_dir()] + [Path(p) for p in _split(rules)]
    loaded = load_rules(roots)
    packs: dict[str, list] = {}
    for rule in loaded:
        packs.setdefault(rule.pack, []).append(rule)
    from rich.console import Console

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
def rules_show(
    rule_id: str = typer.Argument(..., metavar="RULE", help="A full rule id, e.g. fr.acronyms.rpc or grammar.harper.AnA."),
    rules: Optional[List[str]] = RulesOpt,
) -> None:
    """Show one rule: what it does, why, and its examples (also of your own packs and grammar lints)."""
    if rule_id.startswith("grammar.harper."):
        from .grammar import HARPER_DEFAULT, HarperBackend

        name = rule_id.removeprefix("grammar.harper.")
        if name not in HarperBackend.lint_names():
            _error(f"no grammar lint {rule_id!r}; see `transfix rules list --grammar`")
            raise typer.Exit(EXIT_ERROR)
        state = "on by default" if name in HARPER_DEFAULT else f"off by default (--grammar-enable {name})"
        sys.stdout.write(f"{rule_id}  [suggest]  grammar  Harper lint, {state}\n")
        raise typer.Exit(EXIT_CLEAN)
    from .loader import default_rules_dir, load_rules

    roots = [default_rules_dir()] + [Path(p) for p in _split(rules)]
    rule = next((r for r in load_rules(roots) if r.id == rule_id), None)
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
    from .loader import default_rules_dir, load_rules, pack_files
    from .selftest import check_examples

    user_rules = load_rules([path])
    if not pack_files(path):
        raise TransfixError(f"{path}: no rule packs (.toml files) to test")
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


# typer re-exports click's exceptions under its own module in recent versions: find them from
# a public class rather than importing a private module.
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_CLICK_EXCEPTION = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _app_for(first: list[str]) -> typer.Typer:
    """The application with only the command `first` names, when it names one: typer builds
    every command's parser before it parses anything, and a pre-commit run needs one (click
    documents the same idea as lazy subcommands). Anything else gets the whole application,
    for the help, a misspelt command's error and the rules group."""
    chosen = [c for c in app.registered_commands if first and (c.name or c.callback.__name__) == first[0]]
    if not chosen:
        return app
    one = copy.copy(app)
    one.registered_commands, one.registered_groups = chosen, []
    return one


def main() -> None:
    """The command line (the console script enters through `entry.main`, which answers
    `--version` without importing this module)."""
    try:
        result = _app_for(sys.argv[1:2])(standalone_mode=False)
    except _USAGE_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:
            # `transfix` or `transfix rules` alone: the help, on standard error.
            print(exc.ctx.get_help(), file=sys.stderr)
        else:
            # One line, like ruff and codespell: no box, no usage block.
            where = exc.ctx.command_path if exc.ctx else "transfix"
            _error(f"{exc.format_message()} (see '{where} --help')")
        sys.exit(EXIT_ERROR)
    except _CLICK_EXCEPTION as exc:
        _error(exc.format_message())
        sys.exit(exc.exit_code)
    except typer.Abort:
        _error("interrupted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
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
    if result == 130:  # typer turns Ctrl-C inside a command into exit code 130
        _error("interrupted")
    sys.exit(result if isinstance(result, int) else EXIT_CLEAN)

"""Check or fix many files, in this process or in a pool of worker processes.

Each file comes with the index of its RunSpec (one per configuration in use, usually one). A
worker builds the engine of a spec once, when it first needs it (rules compiled once per process
and configuration), and handles one file at a time; results come back in input order, so a run with `--jobs 8` prints exactly what a run with
`--jobs 1` prints. Only small results cross process boundaries: findings and counts, and the
repaired bytes when they go to standard output.
"""

from __future__ import annotations

import io
import signal
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, NamedTuple

from .backends import GrammarOptions, build_grammar
from .bigfile import check_large, fix_large, is_large
from .config import Config
from .engine import Engine
from .errors import TransfixError
from .model import Finding, FixLevel
from .textio import BinaryFileError, read_document, write_atomic

_MARKUP_SUFFIXES = {".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml"}


class RunSpec(NamedTuple):
    """Everything a worker needs to rebuild the engine and handle a file; picklable."""

    engine_options: dict[str, Any]
    grammar: GrammarOptions
    config: Config
    encoding: str | None = None
    doc_type: str | None = None
    mode: str = "check"  # check or fix
    write: bool = False
    unsafe: bool = False
    accept: tuple[str, ...] = ()
    min_level: FixLevel = FixLevel.SUGGEST
    fail_on: FixLevel = FixLevel.SUGGEST  # which findings make `check` exit 1
    keep_text: bool = True  # send the decoded text back with the findings (formats that need it)


@dataclass
class FileResult:
    """What handling one file gave: its findings, its repaired bytes, or an error."""

    path: str
    findings: tuple[Finding, ...] = ()
    applied: int = 0
    changed: bool = False
    output: bytes | None = None  # repaired bytes for standard output (fix without --write)
    text: str = ""  # the decoded input, for formats that count columns (check only)
    error: str | None = None
    note: str | None = None
    failed: bool = False  # a finding at the spec's fail-on level or surer
    warnings: tuple[str, ...] = ()
    categories: Counter = field(default_factory=Counter)


def kind_for_path(path: str, doc_type: str | None) -> str:
    if doc_type is None and os.path.splitext(path)[1].lower() not in _MARKUP_SUFFIXES:
        return "text"
    from .markup import kind_for

    return kind_for(path, doc_type)


def build_engine(spec: RunSpec) -> tuple[Engine, list[str]]:
    checker, required, warnings = build_grammar(spec.grammar)
    engine = Engine(**spec.engine_options, grammar=checker, grammar_required=required)
    return engine, warnings


def process(engine: Engine, spec: RunSpec, path: str, named: bool) -> FileResult:
    if is_large(path):
        return _process_large(engine, spec, path, named)
    result = FileResult(path)
    try:
        document = read_document(path, spec.encoding)
    except BinaryFileError as exc:
        if named:
            result.error = str(exc)
        else:
            result.note = str(exc)
        return result
    except TransfixError as exc:
        result.error = str(exc)
        return result
    result.path = document.path
    kind = kind_for_path(document.path, spec.doc_type)
    skip = spec.config.ignored_for(document.path)
    if spec.mode == "check":
        text = document.text
        del document  # its bytes, as long as the text, are not read again
        analysis = engine.analyze(text, kind=kind, skip=skip)
        result.findings = tuple(f for f in analysis.findings if f.fix.rank <= spec.min_level.rank)
        result.failed = any(f.fix.rank <= spec.fail_on.rank for f in result.findings)
        result.warnings = analysis.warnings
        result.text = text if spec.keep_text else ""
        result.categories = Counter(f.category for f in result.findings)
        return result
    if not spec.write or document.path == "<stdin>":
        document = document._replace(raw=b"")  # only a rewrite compares the file with its bytes
    repaired = engine.repair(document.text, unsafe=spec.unsafe, accept=spec.accept, kind=kind, skip=skip)
    result.applied = len(repaired.applied)
    result.categories = Counter(f.category for f in repaired.applied)
    result.changed = repaired.text != document.text
    if spec.write and document.path != "<stdin>":
        if result.changed:
            try:
                write_atomic(document, repaired.text)
            except TransfixError as exc:
                result.error = str(exc)
    else:
        result.output = document.encode(repaired.text)
    return result


def _process_large(engine: Engine, spec: RunSpec, path: str, named: bool) -> FileResult:
    """Files past LARGE_FILE_BYTES are read and written in chunks, with bounded memory."""
    result = FileResult(path)
    kind = kind_for_path(path, spec.doc_type)
    skip = spec.config.ignored_for(path)
    try:
        if spec.mode == "check":
            findings, warnings = check_large(engine, path, spec.encoding, kind, skip)
            result.findings = tuple(f for f in findings if f.fix.rank <= spec.min_level.rank)
            result.failed = any(f.fix.rank <= spec.fail_on.rank for f in result.findings)
            result.warnings = tuple(warnings)
            result.categories = Counter(f.category for f in result.findings)
        else:
            buffer = io.BytesIO() if not spec.write else None
            result.applied, result.changed, categories = fix_large(
                engine, path, spec.encoding, kind, skip, unsafe=spec.unsafe, accept=spec.accept,
                write=spec.write, out=buffer)
            result.categories = Counter(categories)
            if buffer is not None:
                result.output = buffer.getvalue()
    except BinaryFileError as exc:
        if named:
            result.error = str(exc)
        else:
            result.note = str(exc)
    except TransfixError as exc:
        result.error = str(exc)
    return result


_worker: dict[str, Any] = {}


def _init_worker(specs: list[RunSpec]) -> None:
    # Ctrl-C is the parent's to handle (one line, exit 130), not every worker's traceback; and a
    # worker dies with its parent instead of writing files nobody reports (Linux).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    # Under fork the parent's compiled engines are inherited; under spawn a worker builds the
    # engine of a spec when its first file comes.
    _worker.setdefault("engines", {})
    _worker["specs"] = specs


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: workers still end when the pool is closed


def _work(item: tuple[str, bool, int]) -> FileResult:
    path, named, index = item
    spec, engines = _worker["specs"][index], _worker["engines"]
    if index not in engines:
        engines[index] = build_engine(spec)[0]
    return process(engines[index], spec, path, named)


def run(specs: list[RunSpec], items: Iterable[tuple[str, bool, int]], jobs: int,
        engines: list[Engine] | None = None) -> Iterator[FileResult]:
    """Results for (path, named on the command line, index of its spec) items, in order; `engines`
    are those of the specs, built here when not given."""
    local = list(engines) if engines is not None else [build_engine(spec)[0] for spec in specs]
    if jobs <= 1:
        for path, named, index in items:
            yield process(local[index], specs[index], path, named)
        return
    import multiprocessing  # only for --jobs: a one-file run does not import it

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _worker["engines"] = dict(enumerate(local))
    # Files go to workers in chunks: a few per worker and round for a handful of files, up to
    # a few hundred for a tree of tiny ones, where handing each over would cost more than it.
    items = list(items)
    chunk = max(1, min(256, len(items) // (jobs * 16)))
    try:
        with multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker, initargs=(specs,)) as pool:
            try:
                yield from pool.imap(_work, items, chunksize=chunk)
            except BaseException:
                pool.terminate()  # Ctrl-C or an error: stop the workers now, quietly
                raise
    finally:
        _worker.clear()

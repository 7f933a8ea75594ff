"""What one command run needs: the settings of each file, an engine per configuration, and error
bookkeeping.

Each file's configuration is found from its own folder upward (`config.ConfigFinder`); the
command-line flags then replace the configured values. A `Profile` is one configuration merged
with the flags and its compiled engine: built once, when the first file under that configuration
comes, so a run with one configuration (the usual case) compiles the rules once. Profiles whose
settings end up the same share one engine, and profiles with the same grammar options share one
grammar checker.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple, Optional

from .config import Config, ConfigFinder
from .console import error, stderr
from .engine import Engine
from .errors import TransfixError
from .model import FixLevel, Rule
from .resolve import matches_prefix
from .runner import FileResult, RunSpec, kind_for_path, run as run_files
from .textio import BinaryFileError, Document, read_document
from .walk import iter_files

if TYPE_CHECKING:  # pragma: no cover
    from .backends import GrammarOptions


class Flags(NamedTuple):
    """Settings given on the command line: each replaces the configured value of the same setting."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    pivots: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    doc_type: Optional[str] = None
    grammar: Optional[str] = None
    grammar_default: str = "off"
    lt_server: Optional[str] = None
    lt_path: Optional[str] = None
    lt_download: bool = False
    lt_public: bool = False
    lt_command: tuple[str, ...] = ()
    grammar_enable: tuple[str, ...] = ()


@dataclass
class Profile:
    """One configuration merged with the flags, and its engine."""

    config: Config
    engine: Engine
    engine_options: dict
    grammar: GrammarOptions
    doc_type: Optional[str]

    def spec(self, encoding: Optional[str], mode: str = "check", write: bool = False,
             unsafe: Optional[bool] = None, accept: tuple[str, ...] = (),
             min_level: Optional[FixLevel] = None, fail_on: Optional[FixLevel] = None,
             keep_text: bool = True) -> RunSpec:
        """The worker's task; a setting left None comes from this profile's configuration."""
        return RunSpec(self.engine_options, self.grammar, self.config, encoding, self.doc_type, mode, write,
                       self.unsafe(unsafe), accept, min_level or self.config.min_fix_level,
                       fail_on or self.config.fail_on, keep_text)

    def unsafe(self, flag: Optional[bool]) -> bool:
        return self.config.unsafe if flag is None else flag

    def kind(self, document: Document) -> str:
        return kind_for_path(document.path, self.doc_type)

    def skip(self, document: Document) -> tuple[str, ...]:
        return self.config.ignored_for(document.path)


# Below this much input, the default (no --jobs) is one process; see Session.run.
PARALLEL_MIN_BYTES = 4_000_000


def _total_size(items, enough: int) -> int:
    """The size of the files to read, counted until `enough`."""
    total = 0
    for path, _, _ in items:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
        if total >= enough:
            break
    return total


@dataclass
class Session:
    """One run of the command line: the configurations met, their engines, and the errors so far."""

    finder: ConfigFinder
    flags: Flags
    encoding: Optional[str]
    errors: list[str] = field(default_factory=list)
    _profiles: dict[Optional[str], Profile] = field(default_factory=dict)
    _engines: dict[str, Engine] = field(default_factory=dict)
    _checkers: dict[GrammarOptions, tuple] = field(default_factory=dict)

    def config_for(self, path: str) -> Config:
        return self.finder.for_path(path)

    def excluded(self, path: str) -> bool:
        return self.config_for(path).excluded(path)

    def profile_for(self, path: str) -> Profile:
        config = self.config_for(path)
        if config.path not in self._profiles:
            self._profiles[config.path] = self._build(config)
        return self._profiles[config.path]

    def _build(self, config: Config) -> Profile:
        """Flags win over the configuration file, which wins over defaults."""
        from .backends import GrammarOptions, build_grammar, options_from_env

        flags = self.flags
        options = options_from_env(GrammarOptions(
            mode=flags.grammar or config.grammar or flags.grammar_default,
            lt_server=flags.lt_server or config.lt_server, lt_path=flags.lt_path, lt_download=flags.lt_download,
            lt_public=flags.lt_public, lt_command=flags.lt_command,
            enable=frozenset(flags.grammar_enable or config.grammar_enable),
        ))
        if options not in self._checkers:
            checker, required, warnings = build_grammar(options)
            for warning in warnings:
                error(f"warning: {warning}")
            self._checkers[options] = (checker, required)
        checker, required = self._checkers[options]
        if checker is not None and not flags.lt_server and config.lt_server and options.lt_server == config.lt_server:
            # Text leaves the machine because of a file, not a flag: say so, naming both.
            error(f"note: sending text to LanguageTool at {config.lt_server} (lt-server in {config.path}); "
                  "--grammar harper or --no-config to keep it local")
        engine_options = dict(
            select=flags.select or config.select, ignore=flags.ignore or config.ignore,
            pivots=flags.pivots or config.pivots,
            extra_rule_paths=[Path(p) for p in (flags.rules or config.rules)],
            allow=config.allow, fix_levels=config.fix_levels,
        )
        key = repr((sorted(engine_options.items()), options))
        if key not in self._engines:
            engine = Engine(**engine_options, grammar=checker, grammar_required=required)
            _reject_unknown_selectors(engine, config, flags)
            self._engines[key] = engine
        return Profile(config, self._engines[key], engine_options, options, flags.doc_type or config.type)

    def files(self, paths: list[str]) -> list[tuple[str, bool, Profile]]:
        """Every file to read, whether the user named it, and its profile: all profiles are built
        (and their settings checked) before the first file is read."""
        return [(path, path in paths, self.profile_for(path)) for path in iter_files(paths, self.excluded)]

    def all_rules(self) -> dict[str, Rule]:
        return {rule.id: rule for profile in self._profiles.values() for rule in profile.engine.all_rules}

    def run(self, paths: list[str], jobs: Optional[int], **task) -> Iterator[FileResult]:
        """Results per file, in order, with a progress bar on a terminal; errors are recorded."""
        if paths.count("-") > 1:
            raise TransfixError("'-' (standard input) is given more than once")
        files = self.files(paths)
        if task.get("accept"):
            reject_unknown_accept(self, task["accept"])
        if not files:
            # Nothing read is worth one line: an empty folder or an excluded file is not "clean".
            excluded = [p for p in paths if p != "-" and self.excluded(p)]
            error(f"note: no files to check in {', '.join(paths)}"
                  + (" (excluded by the configuration)" if excluded else ""))
        profiles = list({id(profile): profile for _, _, profile in files}.values())
        index = {id(profile): number for number, profile in enumerate(profiles)}
        items = [(path, named, index[id(profile)]) for path, named, profile in files]
        specs = [profile.spec(self.encoding, **task) for profile in profiles]
        workers = min(jobs or os.cpu_count() or 1, len(items)) or 1
        if any(path == "-" for path, _, _ in items):
            workers = 1  # standard input is this process's: a worker's is /dev/null
        elif jobs is None and workers > 1 and _total_size(items, PARALLEL_MIN_BYTES) < PARALLEL_MIN_BYTES:
            # A small batch (a pre-commit run, a folder of articles) is faster in one process:
            # each worker would fork and compile the rules it meets for itself.
            workers = 1
        progress = None
        if sys.stderr.isatty() and len(items) > 1:
            from rich.progress import Progress

            progress = Progress(console=stderr(), transient=True)
            progress.start()
            bar = progress.add_task("transfix", total=len(items))
        try:
            for result in run_files(specs, items, workers, engines=[p.engine for p in profiles]):
                # Lines written while the bar is drawn would be glued to it: take it down first.
                speaks = progress is not None and bool(
                    result.error or result.note or result.warnings or result.findings or result.output
                )
                if speaks:
                    progress.stop()
                if result.error:
                    self.fail(result.error)
                elif result.note:
                    error(f"note: {result.note}")
                for warning in result.warnings:
                    error(f"warning: {warning}")
                if progress is not None:
                    progress.advance(bar)
                yield result
                if speaks:
                    progress.start()
        finally:
            if progress is not None:
                progress.stop()

    def documents(self, paths: list[str]) -> Iterator[tuple[Document, Profile]]:
        for path, named, profile in self.files(paths):
            try:
                yield read_document(path, self.encoding), profile
            except BinaryFileError as exc:
                if named:  # a binary file the user named is an error; one met in a walk is skipped
                    self.fail(str(exc))
                else:
                    error(f"note: {exc}")
            except TransfixError as exc:
                self.fail(str(exc))

    def fail(self, message: str) -> None:
        self.errors.append(message)
        error(message)

    def close(self) -> None:
        for checker, _ in self._checkers.values():
            if checker is not None:
                checker.close()


def _reject_unknown_selectors(engine: Engine, config: Config | None = None, flags: Flags | None = None) -> None:
    """`--select frr` is a typo, not an empty selection: refuse it, as ruff does (also under
    normalize. and grammar.harper., and in the configuration's rule prefixes)."""
    ids = [rule.id for rule in engine.all_rules]

    def where(option: str, key: str, from_flag: bool) -> str:
        return option if from_flag or config is None or config.path is None else f"{config.path}: {key}"

    checks = [
        (where("--select", "select", bool(flags and flags.select)), engine.select),
        (where("--ignore", "ignore", bool(flags and flags.ignore)), engine.ignore),
    ]
    if config is not None and config.path is not None:
        checks.append((f"{config.path}: fix-levels", tuple(config.fix_levels)))
        checks.append((f"{config.path}: per-path-ignores",
                       tuple(p for prefixes in config.per_path_ignores.values() for p in prefixes)))
    for option, prefixes in checks:
        for prefix in prefixes:
            if not _known_selector(prefix, ids):
                raise TransfixError(f"{option}: unknown rule selector {prefix!r} (see `transfix rules list`)")
    known = sorted({p for rule in engine.all_rules for p in rule.pivot} - {"any"})
    for pivot in engine.pivots:
        if pivot not in known:
            raise TransfixError(f"--pivot: unknown pivot language {pivot!r} (known: {', '.join(known)})")


def _known_selector(prefix: str, ids: list[str]) -> bool:
    if prefix in ("grammar", "grammar.harper", "grammar.languagetool") or prefix.startswith("grammar.languagetool."):
        return True  # a LanguageTool server's rules are known only to the server
    if prefix.startswith("grammar.harper."):
        try:
            from .grammar import HarperBackend

            names = HarperBackend.lint_names()
        except Exception:  # harper-py missing or broken: cannot tell, so do not refuse
            return True
        return any(matches_prefix(f"grammar.harper.{name}", (prefix,)) for name in names)
    from .normalize import RULE_IDS

    return any(matches_prefix(rule_id, (prefix,)) for rule_id in (*ids, *RULE_IDS))


def reject_unknown_accept(session: "Session", accept: tuple[str, ...]) -> None:
    """`fix --accept PREFIX` names rules like --select: a typo is refused, not ignored."""
    ids = [rule_id for rule_id in session.all_rules()]
    for prefix in accept:
        if not _known_selector(prefix, ids):
            raise TransfixError(f"--accept: unknown rule selector {prefix!r} (see `transfix rules list`)")

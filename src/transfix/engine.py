"""The pipeline: normalise -> mask -> match -> resolve -> findings -> apply.

This is the one module that knows the order of the stages. An `Engine` compiles its rules once;
it holds no per-document state, so one engine can serve many threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from .apply import apply_findings
from .loader import default_rules_dir, load_rules
from .mask import protected_spans
from .matcher import Matcher
from .model import Finding, FixLevel, Repair, Rule, Source
from .normalize import normalize
from .score import Score, score_findings
from .resolve import is_selected, matches_prefix, pivot_allowed, resolve_overlaps
from .grammar import GrammarChecker, GrammarUnavailable
from .textspan import Intervals, LineIndex

MAX_PASSES = 8


@dataclass(frozen=True)
class Analysis:
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()


class Engine:
    """Compiled rules plus the options that decide which of them run.

    >>> engine = Engine(pivots=("fr",))
    >>> engine.repair("Talks with the RPC resumed.").text
    'Talks with the PRC resumed.'
    """

    def __init__(
        self,
        rule_paths: Sequence[str | Path] | None = None,
        *,
        extra_rule_paths: Sequence[str | Path] = (),
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        pivots: Iterable[str] = (),
        normalize_text: bool = True,
        timeout: float = 1.0,
        rules: Sequence[Rule] | None = None,
        grammar: GrammarChecker | None = None,
        grammar_required: bool = False,
    ) -> None:
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.pivots = tuple(pivots)
        self.normalize_text = normalize_text
        if rules is None:
            roots = [Path(p) for p in (rule_paths or [default_rules_dir()])]
            roots += [Path(p) for p in extra_rule_paths]
            rules = load_rules(roots, trusted=[default_rules_dir()])
        self.all_rules: tuple[Rule, ...] = tuple(rules)
        self.rules: tuple[Rule, ...] = tuple(
            r for r in rules
            if is_selected(r.id, self.select, self.ignore) and pivot_allowed(r.pivot, self.pivots)
        )
        self.matcher = Matcher(list(self.rules), timeout=timeout)
        self.grammar = grammar
        self.grammar_required = grammar_required
        self._grammar_failure: str | None = None

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)

    def analyze(self, text: str) -> Analysis:
        normalized = normalize(text) if self.normalize_text else None
        working = normalized.text if normalized else text
        lines = LineIndex(text)
        findings: list[Finding] = []
        if normalized and normalized.findings:
            original_protected = protected_spans(text)
            findings.extend(
                replace(f, line=line, column=column)
                for f in normalized.findings
                if is_selected(f.rule, self.select, self.ignore)
                and not original_protected.overlaps(f.start, f.end)
                for line, column in [lines.position(f.start)]
            )
        report = self.matcher.match(working, protected_spans(working))
        offsets = normalized.offsets if normalized and normalized.offsets.blocks else None
        for hit in report.hits:
            start, end = hit.start, hit.end
            if offsets is not None:
                start = offsets.to_original(start)
                end = offsets.to_original(end, is_end=True)
            rule = hit.rule
            line, column = lines.position(start)
            findings.append(Finding(
                rule=rule.id, source=Source.RULES, start=start, end=end, text=text[start:end],
                replacements=hit.replacements, fix=rule.fix, category=rule.category,
                pivot=rule.pivot, message=rule.message, line=line, column=column,
                confidence=rule.confidence, explanation=rule.explanation,
            ))
        warnings = list(report.warnings)
        if self.grammar is not None and self._grammar_failure is None:
            findings += self._grammar_findings(text, working, offsets, lines, findings, warnings)
        return Analysis(tuple(resolve_overlaps(findings)), tuple(warnings))

    def _grammar_findings(self, text, working, offsets, lines, found, warnings) -> list[Finding]:
        """Grammar issues outside protected spans and away from what a rule already reports."""
        try:
            issues = self.grammar.check(working)
        except GrammarUnavailable as exc:
            if self.grammar_required:
                raise
            # One clear line, then the run goes on without grammar.
            self._grammar_failure = str(exc)
            warnings.append(f"grammar checking off: {exc}")
            return []
        protected = protected_spans(working)
        # A boilerplate finding marks a whole block for deletion, not a correction of its words.
        taken = Intervals([
            (f.start, f.end) for f in found if f.source is Source.RULES and f.category != "boilerplate"
        ])
        results = []
        for issue in issues:
            if protected.overlaps(issue.start, issue.end):
                continue
            start, end = issue.start, issue.end
            if offsets is not None:
                start, end = offsets.to_original(start), offsets.to_original(end, is_end=True)
            if taken.overlaps(start, max(end, start + 1)):
                continue
            rule_id = f"grammar.{self.grammar.name}.{issue.rule}"
            if not is_selected(rule_id, self.select, self.ignore):
                continue
            line, column = lines.position(start)
            results.append(Finding(
                rule=rule_id, source=Source.GRAMMAR, start=start, end=end, text=text[start:end],
                replacements=issue.replacements, fix=FixLevel.SUGGEST, category=f"grammar.{issue.category.lower()}",
                pivot=("any",), message=issue.message, line=line, column=column, confidence=0.6,
                explanation=f"Reported by the {self.grammar.name} grammar checker.",
            ))
        return results

    def check(self, text: str) -> list[Finding]:
        return list(self.analyze(text).findings)

    def score(self, text: str) -> Score:
        """How likely `text` went through a machine-translation round trip, and which pivot."""
        return score_findings(text, self.check(text))

    def repair(
        self, text: str, *, unsafe: bool = False, accept: Iterable[str] = (), preview: bool = False
    ) -> Repair:
        """Apply safe fixes (and unsafe ones when asked) until the text stops changing.

        `accept` lists rule-id prefixes whose fixes are applied whatever their level; `preview`
        applies every fix, suggestions included, to show what accepting them all would give.
        """
        accepted = tuple(accept)

        def wanted(finding: Finding) -> bool:
            if finding.replacement is None:
                return False
            if preview:
                return True
            if accepted and matches_prefix(finding.rule, accepted):
                return True
            return finding.fix is FixLevel.SAFE or (unsafe and finding.fix is FixLevel.UNSAFE)

        current, applied = text, []
        for _ in range(MAX_PASSES):
            findings = self.check(current)
            chosen = [f for f in findings if wanted(f)]
            if not chosen:
                return Repair(current, tuple(applied), tuple(findings))
            current, done = apply_findings(current, chosen)
            applied.extend(done)
        findings = self.check(current)
        pending = tuple(f for f in findings if not wanted(f))
        return Repair(current, tuple(applied), pending, settled=len(pending) == len(findings))


_default_engines: dict[tuple, Engine] = {}
_default_lock = threading.Lock()


def shared_engine(**options) -> Engine:
    """An engine per distinct set of options, compiled once per process."""
    key = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in options.items()))
    with _default_lock:
        engine = _default_engines.get(key)
        if engine is None:
            engine = _default_engines[key] = Engine(**options)
        return engine

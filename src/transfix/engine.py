"""The pipeline: normalise -> mask -> match -> resolve -> findings -> apply.

This is the one module that knows the order of the stages. An `Engine` compiles its rules once;
it holds no per-document state, so one engine can serve many threads.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple, Sequence

import regex

from .apply import apply_findings
from .loader import default_rules_dir, load_rules
from .mask import protected_spans
from .matcher import Matcher, phrase_pattern
from .model import Finding, FixLevel, Repair, Rule, Source
from .normalize import normalize
from .score import Score, score_findings
from .resolve import is_selected, matches_prefix, pivot_allowed, resolve_overlaps
from .textspan import Intervals, LineIndex

if TYPE_CHECKING:  # pragma: no cover
    from .grammar import GrammarChecker

MAX_PASSES = 8
# Rules with `context.roundtrip` report only where the other rules' findings give the document at
# least this round-trip probability (score.py): a spaced hyphen for a dash is damage in a
# translated article and a habit in a README.
ROUNDTRIP_GATE = 0.5
# ... and at least this many findings: in a short text one finding reaches the probability alone,
# and one slip in a tweet or a commit message is no evidence of a round trip.
ROUNDTRIP_GATE_FINDINGS = 2
# A text whose ungated findings fall short of the gate opens it when the gated rules (silent on
# native text with the gate forced open: tests/test_native_articles.py) find enough more.
ROUNDTRIP_CONFIRM_FINDINGS = 2
# ... only in a short text (a long one with too few findings is no round trip, and running every
# gated rule over it to find out would cost native text the gated rules' time).
ROUNDTRIP_CONFIRM_WORDS = 400
_HABITS = frozenset({"typography", "quotes", "capitalisation", "boilerplate", "doubled-word"})


class Analysis(NamedTuple):
    """A text's findings, and warnings about the run (a grammar checker that was unavailable)."""

    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()


class Engine:
    """Compiled rules plus the options that decide which of them run.

    >>> engine = Engine(pivots=("fr",))
    >>> engine.repair("Talks in Beijing with the RPC resumed.", unsafe=True).text
    'Talks in Beijing with the PRC resumed.'
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
        allow: Iterable[str] = (),
        fix_levels: Mapping[str, FixLevel] | None = None,
        assume_roundtrip: bool = False,
    ) -> None:
        self.select = _names(select, "select")
        self.ignore = _names(ignore, "ignore")
        self.pivots = _names(pivots, "pivots")
        allow = _names(allow, "allow")
        extra_rule_paths = _paths(extra_rule_paths, "extra_rule_paths")
        if rule_paths is not None:
            rule_paths = _paths(rule_paths, "rule_paths")
        if fix_levels is not None and not all(isinstance(k, str) for k in fix_levels):
            raise TypeError("fix_levels must map rule prefixes (str) to levels")
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < float("inf"):
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        self.normalize_text = normalize_text
        # The caller knows the text is a round trip (rule examples, a scraper's MT output): rules
        # that need the document's evidence report without it.
        self.assume_roundtrip = assume_roundtrip
        if rules is None:
            roots = [Path(p) for p in (rule_paths or [default_rules_dir()])]
            roots += [Path(p) for p in extra_rule_paths]
            rules = load_rules(roots, trusted=[default_rules_dir()])
        self.all_rules: tuple[Rule, ...] = tuple(rules)
        self.rules: tuple[Rule, ...] = tuple(
            r for r in rules
            if is_selected(r.id, self.select, self.ignore) and pivot_allowed(r.pivot, self.pivots)
        ) if self.select or self.ignore or self.pivots else self.all_rules
        # Round-trip-only rules (context.roundtrip) have their own matcher, run only on documents
        # the other rules show to be round trips: native text does not pay for them.
        ungated: list[Rule] = []
        self._gated_rules: list[Rule] = []
        for rule in self.rules:
            (self._gated_rules if rule.context.roundtrip else ungated).append(rule)
        self.matcher = Matcher(ungated, timeout=timeout)
        self._gated_matcher: Matcher | None = None  # built when a document first opens the gate
        self._timeout = timeout
        self._levels = _level_overrides(self.rules, fix_levels or {})
        allowed = [phrase_pattern(a) for a in allow if a.strip()]
        self._allow = regex.compile("|".join(allowed), regex.IGNORECASE) if allowed else None
        self.grammar = grammar
        self.grammar_required = grammar_required
        self._grammar_failure: str | None = None

    @property
    def _gated(self) -> Matcher:
        """The matcher of the round-trip-only rules: native text, which never opens the gate,
        does not pay for building it."""
        if self._gated_matcher is None:
            self._gated_matcher = Matcher(self._gated_rules, timeout=self._timeout)
        return self._gated_matcher

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)

    def analyze(self, text: str, *, kind: str = "text", skip: Iterable[str] = ()) -> Analysis:
        """Findings for `text`. `kind` (text, markdown, html) decides what is prose; `skip`
        lists rule prefixes to leave out for this text (per-path ignores)."""
        _require_text(text)
        skipped = _names(skip, "skip")
        normalized = normalize(text) if self.normalize_text else None
        working = normalized.text if normalized else text
        offsets = normalized.offsets if normalized and normalized.offsets.blocks else None
        lines = LineIndex(text)
        findings: list[Finding] = []
        original_protected = self._protected(text, kind)
        if normalized and normalized.findings:
            findings.extend(
                replace(f, line=line, column=column)
                for f in normalized.findings
                if not original_protected.overlaps(f.start, f.end)
                for line, column in [lines.position(f.start)]
            )
        protected = original_protected
        if offsets is not None:
            # What the user wrote decides what is protected: normalisation can turn a full-width
            # character into a delimiter (a backtick, '<') that would end a code span early. The
            # normalised text is parsed too only when a change can make markup: one that brings
            # in ASCII (a delimiter, a URL's letters) or deletes (a control character between two
            # halves of a tag); repaired mojibake and composed accents cannot.
            mapped = [(offsets.to_normalized(s), offsets.to_normalized(e, is_end=True)) for s, e in original_protected]
            if any(_may_make_markup(f) for f in normalized.findings):
                mapped += list(self._protected(working, kind))
            protected = Intervals(mapped)
        report = self.matcher.match(working, protected)
        findings += self._rule_findings(report.hits, text, offsets, lines)
        warnings = list(report.warnings)
        if self._gated_rules:
            score = None if self.assume_roundtrip else score_findings(text, findings)
            if score is None or _gate_open(score) or (score.evidence and score.words <= ROUNDTRIP_CONFIRM_WORDS):
                gated = self._gated.match(working, protected)
                more = self._rule_findings(gated.hits, text, offsets, lines)
                # A short text may hold too few findings to open the gate by itself; the
                # gated rules, silent on native text, may confirm one ungated finding.
                if score is None or _gate_open(score) or _confirmed(text, findings, more):
                    findings += more
                    warnings += gated.warnings
        if self.grammar is not None and self._grammar_failure is None:
            findings += self._grammar_findings(text, working, offsets, lines, protected, findings, warnings)
        findings = self._filter(text, kind, findings, skipped)
        return Analysis(tuple(resolve_overlaps(findings)), tuple(warnings))

    def _rule_findings(self, hits, text: str, offsets, lines: LineIndex) -> list[Finding]:
        """The matcher's hits as findings located in the text as the user gave it."""
        findings = []
        for hit in hits:
            start, end = hit.start, hit.end
            if offsets is not None:
                start = offsets.to_original(start)
                end = offsets.to_original(end, is_end=True)
            rule = hit.rule
            line, column = lines.position(start)
            findings.append(Finding(
                rule=rule.id, source=Source.RULES, start=start, end=end, text=text[start:end],
                replacements=hit.replacements, fix=self._levels.get(rule.id, rule.fix),
                category=rule.category, pivot=rule.pivot, message=rule.message, line=line,
                column=column, confidence=rule.confidence if hit.confidence is None else hit.confidence,
                explanation=rule.explanation,
            ))
        return findings

    def _protected(self, text: str, kind: str) -> Intervals:
        """Spans no rule may touch: markup that is not prose, and the user's allowed phrases."""
        if kind == "text":
            spans = protected_spans(text)
        else:
            from .markup import protected_intervals

            spans = protected_intervals(text, kind)
        if self._allow is not None:
            return Intervals(itertools.chain(spans, (m.span() for m in self._allow.finditer(text))))
        return spans

    def _filter(self, text: str, kind: str, findings: list[Finding], skipped: tuple[str, ...]) -> list[Finding]:
        """Selection by rule prefix, per-path ignores and inline directives."""
        kept = [f for f in findings if is_selected(f.rule, self.select, self.ignore + skipped)]
        if kept and "transfix:" in text:
            from .markup import directives

            found = directives(text, kind)
            kept = [f for f in kept if not found.suppresses(f.rule, f.start, f.end)]
        return kept

    def _grammar_findings(self, text, working, offsets, lines, protected, found, warnings) -> list[Finding]:
        """Grammar issues outside protected spans and away from what a rule already reports."""
        from .grammar import GrammarUnavailable  # only an engine with a checker gets here

        try:
            issues = self.grammar.check(_masked(working, protected))
        except GrammarUnavailable as exc:
            if self.grammar_required:
                raise
            # One clear line, then the run goes on without grammar.
            self._grammar_failure = str(exc)
            warnings.append(f"grammar checking off: {exc}")
            return []
        dropped = getattr(self.grammar.backend, "dropped", 0)
        if dropped:
            self.grammar.backend.dropped = 0
            warnings.append(f"{self.grammar.name}: {dropped} answer(s) with offsets outside the text were ignored")
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
            line, column = lines.position(start)
            results.append(Finding(
                rule=rule_id, source=Source.GRAMMAR, start=start, end=end, text=text[start:end],
                replacements=issue.replacements, fix=FixLevel.SUGGEST, category=f"grammar.{issue.category.lower()}",
                pivot=("any",), message=issue.message, line=line, column=column, confidence=0.6,
                explanation=f"Reported by the {self.grammar.name} grammar checker.",
            ))
        return results

    def check(self, text: str, *, kind: str = "text", skip: Iterable[str] = ()) -> list[Finding]:
        return list(self.analyze(text, kind=kind, skip=skip).findings)

    def score(self, text: str, *, kind: str = "text") -> Score:
        """How likely `text` went through a machine-translation round trip, and which pivot."""
        return score_findings(text, self.check(text, kind=kind))

    def repair(
        self, text: str, *, unsafe: bool = False, accept: Iterable[str] = (), preview: bool = False,
        kind: str = "text", skip: Iterable[str] = (), strip_boilerplate: bool = False,
    ) -> Repair:
        """Apply safe fixes (and unsafe ones when asked) until the text stops changing.

        `accept` lists rule-id prefixes whose fixes are applied whatever their level; `preview`
        applies every fix, suggestions included, to show what accepting them all would give;
        `strip_boilerplate` deletes page boilerplate (donation appeals, gallery captions, ...),
        which is otherwise only suggested. What was removed is in `applied`.
        """
        _require_text(text)
        accepted = _names(accept, "accept")
        skipped = _names(skip, "skip")

        def wanted(finding: Finding) -> bool:
            if finding.replacement is None:
                return False
            if preview or (strip_boilerplate and finding.category == "boilerplate"):
                return True
            if accepted and matches_prefix(finding.rule, accepted):
                return True
            return finding.fix is FixLevel.SAFE or (unsafe and finding.fix is FixLevel.UNSAFE)

        current, applied = text, []
        # Repairs fix words, they do not write books: a rule whose replacement regrows its own
        # match (a user's pack) is stopped before the text can balloon.
        limit = 2 * len(text) + 10_000
        for _ in range(MAX_PASSES):
            findings = self.check(current, kind=kind, skip=skipped)
            chosen = [f for f in findings if wanted(f)]
            if not chosen:
                return Repair(current, tuple(applied), tuple(findings))
            grown, done = apply_findings(current, chosen)
            if len(grown) > limit:
                return Repair(current, tuple(applied), tuple(findings), settled=False)
            current = grown
            applied.extend(done)
        findings = self.check(current, kind=kind, skip=skipped)
        pending = tuple(f for f in findings if not wanted(f))
        return Repair(current, tuple(applied), pending, settled=len(pending) == len(findings))


def _require_text(text) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}"
                        + (" (decode it first)" if isinstance(text, (bytes, bytearray)) else ""))


def _names(values, what: str) -> tuple[str, ...]:
    """A list of names given as a list: a lone string would be read a character at a time."""
    if isinstance(values, (str, bytes)) or values is None:
        raise TypeError(f"{what} must be a list of strings, not {type(values).__name__}")
    names = tuple(values)
    if not all(isinstance(v, str) for v in names):
        raise TypeError(f"{what} must be a list of strings")
    return names


def _paths(values, what: str) -> tuple:
    if isinstance(values, (str, bytes, Path)):
        raise TypeError(f"{what} must be a list of paths, not a single {type(values).__name__}")
    return tuple(values)


def _masked(text: str, protected: Intervals) -> str:
    """The text as a grammar checker should see it: markup, code and URLs blanked out (same length,
    line breaks kept), so that it judges prose only."""
    if not protected:
        return text
    pieces, last = [], 0
    for start, end in protected:
        pieces.append(text[last:start])
        pieces.append(regex.sub(r"[^\n]", " ", text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _may_make_markup(change: Finding) -> bool:
    """Whether a normalisation can have made markup: it deletes, or it writes an ASCII character."""
    replacement = change.replacements[0] if change.replacements else ""
    return not replacement or any(char.isascii() for char in replacement)


def _level_overrides(rules: Iterable[Rule], overrides: Mapping[str, FixLevel]) -> dict[str, FixLevel]:
    """Fix level per rule id from `fix-levels`: the longest matching prefix wins."""
    levels: dict[str, FixLevel] = {}
    if not overrides:
        return levels
    for rule in rules:
        matching = [p for p in overrides if matches_prefix(rule.id, (p,))]
        if matching:
            levels[rule.id] = FixLevel(overrides[max(matching, key=len)])
    return levels


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


def _confirmed(text: str, findings: list[Finding], gated: list[Finding]) -> bool:
    """Whether the gated rules' findings, added to the ungated ones, make a short text a round trip:
    the gate's probability, at least ROUNDTRIP_CONFIRM_FINDINGS findings from two rules or more.
    Gated typography (logical punctuation outside quotes, a spaced hyphen) is a habit of some
    native styles, which is why it waits for the gate: it confirms nothing."""
    gated = [f for f in gated if f.category not in _HABITS]
    if not gated:
        return False
    score = score_findings(text, findings + gated)
    found = sum(count for _, count in score.evidence)
    return score.probability >= ROUNDTRIP_GATE and found >= ROUNDTRIP_CONFIRM_FINDINGS and len(score.evidence) >= 2


def _gate_open(score: Score) -> bool:
    """Whether the rules' own findings show the text to be a round trip (see ROUNDTRIP_GATE)."""
    return score.probability >= ROUNDTRIP_GATE and sum(count for _, count in score.evidence) >= ROUNDTRIP_GATE_FINDINGS

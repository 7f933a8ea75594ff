"""Run the examples inside rules as tests, as LanguageTool does with its rule files.

For each rule: every `bad` example must fire and, with the rule's own fix applied, give exactly its
`fixed` text; on that fixed text no rule of any loaded pack may fire (no loops; a finding with no
replacement may stay where the example's `fixed` text is the text itself); every `good` example
must stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .apply import apply_findings
from .engine import Engine
from .model import Rule, Source


@dataclass(frozen=True)
class ExampleFailure:
    """A rule example that does not do what the rule promises."""

    rule: Rule
    problem: str

    def __str__(self) -> str:
        return f"{self.rule.where}: {self.rule.id}: {self.problem}"


# The engine of every loaded rule, kept for the same list of rules: the test suite checks each
# shipped rule on its own against the same universe, and building it a thousand times is slow.
_universe: list = [None, None]


def _everything(rules: Sequence[Rule]) -> Engine:
    if _universe[0] is not rules:
        # Round-trip-only rules are left to their documents here: another rule's repaired
        # sentence, read alone, is no evidence of a round trip.
        _universe[:] = [rules, Engine(rules=list(rules), normalize_text=False)]
    return _universe[1]


def check_examples(rules: Sequence[Rule], universe: Sequence[Rule] | None = None) -> list[ExampleFailure]:
    everything = _everything(universe if universe is not None else rules)
    failures: list[ExampleFailure] = []
    for rule in rules:
        failures.extend(_check_rule(rule, everything))
    return failures


def _check_rule(rule: Rule, everything: Engine) -> list[ExampleFailure]:
    alone = Engine(rules=[rule], normalize_text=False, assume_roundtrip=True)
    failures = []
    for example in rule.bad:
        if not alone.check(example.text):
            failures.append(ExampleFailure(rule, f"bad example does not fire: {example.text!r}"))
            continue
        # One pass only: a rule that re-triggers itself must show up below, not be hidden by re-runs.
        repaired, _ = apply_findings(example.text, alone.check(example.text))
        if repaired != example.fixed:
            failures.append(ExampleFailure(
                rule, f"bad example repairs to {repaired!r}, expected {example.fixed!r}"))
            continue
        # A finding that offers no replacement (a word left in French) only asks for a human.
        again = [
            f for f in everything.check(example.fixed)
            if f.source is Source.RULES and (f.replacements or example.fixed != example.text)
        ]
        if again:
            culprit = again[0]
            failures.append(ExampleFailure(
                rule, f"after repair, {culprit.rule} fires on {culprit.text!r} in {example.fixed!r}"))
    for text in rule.good:
        hits = alone.check(text)
        if hits:
            failures.append(ExampleFailure(rule, f"good example fires on {hits[0].text!r}: {text!r}"))
    return failures

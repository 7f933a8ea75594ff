"""Immutable records shared by every stage: rules, findings and the levels of a fix."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class FixLevel(str, enum.Enum):
    """How far a fix may be trusted, in the order `fix` is willing to apply them."""

    SAFE = "safe"  # wrong everywhere: `fix` applies it
    UNSAFE = "unsafe"  # usually right: applied only with --unsafe
    SUGGEST = "suggest"  # a human must decide: shown, never applied

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {FixLevel.SAFE: 0, FixLevel.UNSAFE: 1, FixLevel.SUGGEST: 2}


class Source(str, enum.Enum):
    RULES = "rules"
    NORMALIZE = "normalize"
    GRAMMAR = "grammar"


class BadExample(NamedTuple):
    """A rule's example of damage and the text its repair must give."""

    text: str
    fixed: str


@dataclass(frozen=True)
class Context:
    """Conditions on the surroundings of a hit; a rule whose context fails stays silent."""

    document: tuple[str, ...] = ()  # one of these words or phrases must occur in the document
    near: tuple[str, ...] = ()  # one of these must occur within `window` words of the hit
    window: int = 12
    not_document: tuple[str, ...] = ()  # none of these may occur in the document
    after: tuple[str, ...] = ()  # one of these must start within `reach` words after the hit
    before: tuple[str, ...] = ()  # one of these must end within `reach` words before the hit
    reach: int = 3
    # Only in a document that reads as a round trip on the evidence of the other rules (see
    # engine.ROUNDTRIP_GATE): for damage whose form is also a choice some native writers make.
    roundtrip: bool = False

    def __bool__(self) -> bool:
        # The word conditions only: `roundtrip` is decided by the engine, after matching.
        return bool(self.document or self.near or self.not_document or self.after or self.before)


@dataclass(frozen=True)
class Rule:
    """One rule of a pack: what it matches, how sure it is, and what it proposes."""

    id: str  # "<pack>.<name>", stable: config and reports refer to it
    kind: str  # "phrase", "regex" or "detector"
    fix: FixLevel
    category: str
    pivot: tuple[str, ...]
    message: str
    explanation: str
    phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    pattern: str | None = None
    replacements: tuple[str, ...] = ()  # regex templates, best first
    triggers: tuple[str, ...] = ()  # a regex rule runs only near one of these literals
    detector: str | None = None  # a detector rule: the name of the code that finds its hits
    options: tuple[tuple[str, Any], ...] = ()  # ... and the data it is given (lists are tuples)
    case_sensitive: bool = False
    keep_case: bool = True
    antipatterns: tuple[str, ...] = ()
    context: Context = field(default_factory=Context)
    confidence: float = 0.8
    bad: tuple[BadExample, ...] = ()
    good: tuple[str, ...] = ()
    source_file: str = ""
    source_line: int = 0

    @property
    def pack(self) -> str:
        return self.id.rsplit(".", 1)[0]

    @property
    def where(self) -> str:
        return f"{self.source_file}:{self.source_line}"


@dataclass(frozen=True)
class Finding:
    """One suggested change, located in the text exactly as the user gave it."""

    rule: str
    source: Source
    start: int  # code-point offset into the decoded input
    end: int
    text: str  # the input text in [start, end)
    replacements: tuple[str, ...]
    fix: FixLevel
    category: str
    pivot: tuple[str, ...]
    message: str
    line: int = 0  # 1-based
    column: int = 0  # 1-based, in code points
    confidence: float = 0.8
    explanation: str = ""

    @property
    def replacement(self) -> str | None:
        return self.replacements[0] if self.replacements else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "source": self.source.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "replacements": list(self.replacements),
            "fix": self.fix.value,
            "category": self.category,
            "pivot": list(self.pivot),
            "message": self.message,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Repair:
    """The outcome of `repair`: the new text, what was applied and what still waits for a human."""

    text: str
    applied: tuple[Finding, ...]  # offsets refer to the text of the pass that applied them
    pending: tuple[Finding, ...]  # offsets refer to `text`
    settled: bool = True  # False when rules kept re-triggering each other up to the pass limit

    @property
    def changed(self) -> bool:
        return bool(self.applied)

"""Detectors: rule kinds that find whole classes of damage no phrase list covers.

A detector rule is data like any other (`kind = "detector"`, `detector = NAME`, `options = {...}`,
examples that run as tests); its matching is code here. Each detector is built once per engine
from the rule's options and then called on the working text; it yields `Found` spans, which the
matcher filters like any other hit (protected spans, context, antipatterns).
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Protocol


class Found(NamedTuple):
    """A detector's span, its replacements, and its own confidence if it has one. (Small records
    are named tuples: a frozen dataclass costs five compiled methods at every start-up.)"""

    start: int
    end: int
    replacements: tuple[str, ...] = ()
    confidence: float | None = None  # None: the rule's confidence


class Detector(Protocol):
    def find(self, text: str) -> Iterable[Found]: ...


class _Lazy:
    """A registry entry that imports its module on first use (start-up stays cheap)."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    @property
    def cls(self):
        return getattr(importlib.import_module(f"{__name__}.{self.module}"), self.name)

    def validate(self, options: Mapping[str, Any]) -> None:
        self.cls.validate(options)


DETECTORS = {
    "pronoun-gender": _Lazy("pronouns", "PronounGender"),
    "pronoun-gender-her": _Lazy("pronouns_her", "HerForHis"),
    "of-possessive": _Lazy("possessive", "OfPossessive"),
    "foreign-words": _Lazy("foreign", "ForeignWords"),
    "quote-punctuation": _Lazy("quotes", "QuotePunctuation"),
    "perfect-with-past-time": _Lazy("tense", "PerfectWithPastTime"),
    "future-in-time-clause": _Lazy("tense", "FutureInTimeClause"),
    "since-without-perfect": _Lazy("tense", "SinceWithoutPerfect"),
    "capitals": _Lazy("capitals", "Capitals"),
    "title-before-name": _Lazy("titles", "TitleBeforeName"),
    "name-consistency": _Lazy("consistency", "NameConsistency"),
    "quote-balance": _Lazy("balance", "QuoteBalance"),
    "sentence-case-title": _Lazy("titlecase", "SentenceCaseTitle"),
    "pronoun-things": _Lazy("pronoun_things", "PronounThings"),
    "lowered-surname": _Lazy("surnames", "LoweredSurname"),
}


def build(name: str, options: Mapping[str, Any]) -> Detector:
    return DETECTORS[name].cls(options)


def check_options(options: Mapping[str, Any], allowed: dict[str, type]) -> None:
    """Reject unknown options and values of the wrong type, naming the option."""
    for key, value in options.items():
        if key not in allowed:
            raise ValueError(f"unknown option {key!r} (known: {', '.join(sorted(allowed))})")
        if not isinstance(value, allowed[key]) or isinstance(value, bool) and allowed[key] is not bool:
            raise ValueError(f"option {key!r} must be {allowed[key].__name__}")


_WHOLE = re.compile(r".+", re.DOTALL)


def segments(text: str, breaks: re.Pattern) -> Iterator[re.Match]:
    """The non-empty stretches of `text` between matches of `breaks` (blank lines, say), as match
    objects (start(), group()), one at a time (a long Markdown document has a paragraph every
    hundred characters). A regex that walks a paragraph character by character through a group,
    `(?:[^\\n]|\\n(?!...))+`, keeps backtracking state for every character: 130 MB for a
    one-megabyte paragraph."""
    start = 0
    for cut in breaks.finditer(text):
        if cut.start() > start:
            yield _WHOLE.match(text, start, cut.start())
        start = cut.end()
    if start < len(text):
        yield _WHOLE.match(text, start)


def strip_possessive(word: str) -> str:
    """A name without its possessive 's ("Kutcher's" -> "Kutcher")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def same_case(original: str, replacement: str) -> str:
    """The replacement capitalised when the word it replaces was ("His" -> "Her")."""
    return replacement.capitalize() if original[:1].isupper() else replacement

"""Compile rules once and find every hit in one pass over the text.

Phrase rules, however many, go into two phrase tables (phrases.py: one case-insensitive, one
case-sensitive); the shipped packs' phrases come already indexed from the rule cache
(compiled.py) and are read per key; a hit is kept only at word boundaries. Regex rules run one by
one with the `regex` module's time limit, so a pattern that backtracks cannot hang a run. A regex
rule with triggers (literals its matches must contain: listed in the rule, or read from its
pattern by triggers.py) runs only on the sentences around the places where the same lookup saw
one of them, so most regex rules cost nothing on most text. Then the document detectors run.
"""

from __future__ import annotations

import bisect
import functools
from array import array
from typing import NamedTuple

import re

import regex

from .casing import keep_case, sentence_case
from .compiled import precompiled
from . import prefilter
from .loader import compile_pattern
from .triggers import END, START, bounds_of, derive_triggers
from .model import Context, Rule
from .phrases import PhraseTable, fold_key, is_word_char
from .textspan import Intervals, offsets

_WORD_CHARS = regex.compile(r"\w+")
# A triggered regex runs on the sentences around each trigger: from the sentence boundary before
# SENTENCE_REACH characters ahead of it to the one after as far behind it, within its paragraph
# and at most TRIGGER_REACH either side. Rules anchored to lines (^, $) and page-furniture rules,
# whose matches may be whole paragraphs, get the paragraph.
SENTENCE_REACH = 400
TRIGGER_REACH = 2_000
# A text that triggers this many regex rules asks the Hyperscan prefilter which can match at all
# (prefilter.py); fewer are searched at once.
PREFILTER_FROM = 40
# ... once the process has matched this many characters: reading the prefilter (17 MB) and
# checking which rules it answers for costs more than it saves on a commit's few short files.
PREFILTER_AFTER = 20_000
_LINE_ANCHOR = regex.compile(r"(?<![\[\\])\^|(?<!\\)\$")


class Hit(NamedTuple):
    """A rule's match in the working text."""

    rule: Rule
    start: int
    end: int
    replacements: tuple[str, ...]
    confidence: float | None = None  # a detector's own estimate; else the rule's


class MatchReport:
    """What a pass of the rules found, and what went wrong on the way (a pattern that timed out)."""

    __slots__ = ("hits", "warnings")

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.warnings: list[str] = []


def phrase_pattern(phrase: str) -> str:
    """A word-bounded pattern for a phrase, with any run of spaces between its words."""
    return r"(?<!\w)" + r"\s+".join(regex.escape(word) for word in phrase.split()) + r"(?!\w)"


class _Terms:
    """A case-insensitive, word-bounded search for any of a list of words or phrases.

    Compiled on first use and shared by every rule with the same list (a word class such as
    @media-music is named by many rules): most rules never meet a text where their context is
    asked for, and start-up should not pay for them.
    """

    def __init__(self, terms: tuple[str, ...]) -> None:
        self.terms = terms

    @functools.cached_property
    def pattern(self) -> regex.Pattern:
        return terms_pattern(self.terms)

    @functools.cached_property
    def at_end(self) -> regex.Pattern:
        # Ending exactly where a text slice ends (a preceding word): search with endpos.
        return terms_pattern(self.terms, "$")

    def found_in(self, text: str) -> bool:
        return self.pattern.search(text) is not None

    def starts(self, words: list[tuple[int, str]]) -> bool:
        """One of the terms begins at one of these word positions of a text."""
        return any(self.pattern.match(text, position) for position, text in words)

    def ends(self, words: list[tuple[int, str]]) -> bool:
        """One of the terms ends at one of these word end positions of a text."""
        return any(self.at_end.search(text, max(0, position - 80), position) for position, text in words)


@functools.lru_cache(maxsize=None)
def terms_pattern(terms: tuple[str, ...], suffix: str = "") -> regex.Pattern:
    """The search for any of `terms` (a word class may hold hundreds: shipped ones come
    precompiled from the rule cache, compiled.py)."""

    def build() -> regex.Pattern:
        alternation = "|".join(phrase_pattern(t) for t in terms)
        return regex.compile(f"(?:{alternation}){suffix}", regex.IGNORECASE)

    return precompiled(("terms", terms, suffix), build)


def _wide(rule: Rule) -> bool:
    """Whether a triggered rule searches whole paragraphs rather than sentences: page furniture,
    and patterns anchored to lines."""
    return rule.category == "boilerplate" or bool(_LINE_ANCHOR.search(rule.pattern))


def _context_terms(context: Context) -> tuple[_Terms | None, ...] | None:
    """A context's word conditions as the matcher tests them (None: it has none)."""
    if not context:
        return None
    return (
        _Terms(context.document) if context.document else None,
        _Terms(context.near) if context.near else None,
        _Terms(context.not_document) if context.not_document else None,
        _Terms(context.after) if context.after else None,
        _Terms(context.before) if context.before else None,
    )


class Matcher:
    matched = 0  # characters this process has matched (PREFILTER_AFTER)

    def __init__(self, rules: list[Rule], timeout: float = 1.0) -> None:
        self.timeout = timeout
        self.rules = rules
        self._folded = PhraseTable(lower=True)
        self._exact = PhraseTable(lower=False)
        indexed: dict[int, tuple[object, dict[str, Rule]]] = {}
        self._regexes: list[Rule] = []
        self._regex_order: dict[str, int] = {}  # rule id -> place in _regexes
        self._untriggered: list[Rule] = []  # regex rules that run on every text
        self._detectors: list[tuple[Rule, object]] = []
        self._triggers: dict[str, tuple[str, ...]] = {}
        self._wide: dict[str, bool] = {}  # filled as rules first run
        self._antipatterns: dict[str, tuple[str, ...]] = {}
        self._contexts: dict[str, tuple[_Terms | None, ...]] = {}
        self._covered = None  # (prefilter, the rule ids it answers for), on first use
        terms: dict[int, tuple[Context, tuple | None]] = {}
        for rule in rules:
            # A compiled pack's rule: its phrase keys (or its regex triggers) are in this index.
            index = getattr(rule, "phrase_index", None)
            if rule.antipatterns:
                self._antipatterns[rule.id] = rule.antipatterns
            # Rules share their context objects (most rules the empty one): each is read once.
            context = rule.context
            found = terms.get(id(context))
            if found is None:
                found = terms[id(context)] = (context, _context_terms(context))
            if found[1] is not None:
                self._contexts[rule.id] = found[1]
            if rule.kind == "detector":
                from .detectors import build

                self._detectors.append((rule, build(rule.detector, dict(rule.options))))
                continue
            if rule.kind == "regex":
                self._regex_order[rule.id] = len(self._regexes)
                self._regexes.append(rule)
                # A compiled pack's rule has its triggers derived when the pack was loaded (none:
                # it runs on every text); a rule built by hand may leave them to us.
                triggers = rule.triggers if index is not None else rule.triggers or derive_triggers(rule.pattern)
                self._triggers[rule.id] = triggers
                if not triggers:
                    self._untriggered.append(rule)
                elif index is not None:
                    indexed.setdefault(id(index), (index, {}))[1][rule.id] = rule
                else:
                    for trigger in triggers:
                        literal, bounds = bounds_of(trigger)
                        self._folded.add(fold_key(literal, lower=True), (bounds, rule.id), bounded=False)
                continue
            if index is not None:
                indexed.setdefault(id(index), (index, {}))[1][rule.id] = rule
                continue
            table = self._exact if rule.case_sensitive else self._folded
            for phrase, targets in rule.phrases:
                table.add(fold_key(phrase, lower=not rule.case_sensitive), (rule, targets))
        for index, chosen in indexed.values():
            self._folded.attach(index, chosen)
            self._exact.attach(index, chosen)

    def match(self, text: str, protected: Intervals) -> MatchReport:
        report = MatchReport()
        document_cache: dict = {}
        triggered: dict[str, array] = {}
        reach = SENTENCE_REACH // 2
        for table in (self._folded, self._exact):
            if not table:
                continue
            for last, entries in table.iter(text):
                edges = -1  # which sides of this hit stand at a word boundary, read once if asked
                for rule, targets, length in entries:
                    if rule.__class__ is int:  # a regex rule's trigger, and the boundaries it needs
                        seen = triggered.get(targets)
                        if seen is not None and last - seen[-1] <= reach and text.find("\n\n", seen[-1], last) == -1:
                            # A trigger this close to the previous one adds nothing (its window
                            # reaches at least SENTENCE_REACH either side within the paragraph).
                            continue
                        if rule:
                            if edges < 0:
                                edges = _edges(text, last + 1 - length, last + 1)
                            if rule & edges != rule:
                                continue
                        if seen is None:
                            triggered[targets] = offsets(len(text), (last,))  # 4 bytes a place, not 36
                        else:
                            seen.append(last)
                        continue
                    start, end = last + 1 - length, last + 1
                    if not self._bounded(text, start, end):
                        continue
                    if protected and protected.overlaps(start, end):
                        continue
                    if not self._accepts(rule, text, start, end, document_cache):
                        continue
                    matched = text[start:end]
                    if rule.keep_case and not rule.case_sensitive:
                        replacements = tuple(keep_case(matched, t) for t in targets)
                    elif rule.category == "capitalisation":
                        replacements = targets
                    else:
                        replacements = tuple(sentence_case(text, start, matched, t) for t in targets)
                    report.hits.append(Hit(rule, start, end, replacements))
        # The time limit grows with the text: a long document may take long honestly.
        budget = self.timeout * (1 + len(text) / 100_000)
        bounds = None
        # The rules whose triggers the text has, and those that have none, in rule order: a short
        # text triggers a few dozen of the thousand.
        order = self._regex_order
        running = sorted(
            [self._regexes[order[name]] for name in triggered] + self._untriggered, key=lambda r: order[r.id]
        )
        Matcher.matched += len(text)
        if len(running) >= PREFILTER_FROM and Matcher.matched >= PREFILTER_AFTER:
            running = self._prefiltered(text, running)
        # Rules triggered at the same places share their windows (many share a trigger word),
        # kept until the last of them has run: a long text's windows are many.
        keys: dict[str, tuple] = {}
        users: dict[tuple, int] = {}
        for rule in running:
            positions = triggered.get(rule.id)
            if positions:
                wide = self._wide.get(rule.id)
                if wide is None:
                    wide = self._wide[rule.id] = _wide(rule)
                key = keys[rule.id] = (wide, len(positions), positions[0], positions[-1])
                users[key] = users.get(key, 0) + 1
        spans: dict[tuple, tuple[array, array]] = {}
        for rule in running:
            if self._triggers[rule.id]:
                positions = triggered.pop(rule.id, None)
                if not positions:
                    continue
                key = keys[rule.id]
                wide = key[0]
                shared = spans.get(key)
                if shared is not None and shared[0] == positions:
                    windows = shared[1]
                else:
                    if wide:
                        windows = _paragraph_windows(text, positions)
                    else:
                        if bounds is None:
                            bounds = _Boundaries(text)
                        windows = _sentence_windows(text, positions, bounds)
                    spans[key] = (positions, windows)
                users[key] -= 1
                if not users[key]:
                    del spans[key]
            else:
                windows = offsets(len(text), (0, len(text)))
            pattern = compile_pattern(rule.pattern, rule.case_sensitive)
            try:
                for start, end, match in _search(pattern, text, windows, budget):
                    if start == end or (protected and protected.overlaps(start, end)):
                        continue
                    if not self._accepts(rule, text, start, end, document_cache):
                        continue
                    try:
                        if rule.keep_case:
                            replacements = tuple(keep_case(match.group(), match.expand(t)) for t in rule.replacements)
                        elif rule.category == "capitalisation":
                            replacements = tuple(match.expand(t) for t in rule.replacements)
                        else:
                            replacements = tuple(
                                sentence_case(text, start, match.group(), match.expand(t)) for t in rule.replacements
                            )
                    except (regex.error, IndexError, ValueError) as exc:
                        report.warnings.append(f"{rule.where}: {rule.id}: replacement fails ({exc}); rule skipped")
                        break
                    report.hits.append(Hit(rule, start, end, replacements))
            except TimeoutError:
                report.warnings.append(
                    f"{rule.where}: {rule.id}: pattern stopped after {budget:.3g}s "
                    "(catastrophic backtracking?); rule skipped for this text"
                )
        for rule, detector in self._detectors:
            for found in detector.find(text):
                if protected and protected.overlaps(found.start, max(found.end, found.start + 1)):
                    continue
                if not self._accepts(rule, text, found.start, found.end, document_cache):
                    continue
                report.hits.append(Hit(rule, found.start, found.end, found.replacements, found.confidence))
        for key, slow in document_cache.items():
            if isinstance(key, tuple) and key[0] == "slow":
                report.warnings.append(
                    f"{slow.where}: {slow.id}: an antipattern stopped after {self.timeout:.3g}s "
                    "(catastrophic backtracking?); rule skipped for this text"
                )
        return report

    def _prefiltered(self, text: str, running: list[Rule]) -> list[Rule]:
        """`running` less the rules the Hyperscan prefilter shows cannot match the text
        (prefilter.py); all of them without one."""
        covered = self._covered
        if covered is None:
            found = prefilter.current()
            # The rules it answers for: the same id, pattern and case as when it was built.
            covered = self._covered = (found, frozenset(
                rule.id for rule in self._regexes
                if found is not None and found.table_by_id.get(rule.id) == (rule.pattern, rule.case_sensitive)
            ))
        found, ids = covered
        if found is None or not ids:
            return running
        possible = found.possible(text)
        if possible is None:
            return running
        return [rule for rule in running if rule.id not in ids or rule.id in possible]

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
            return False
        if end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
            return False
        return True

    def _accepts(self, rule: Rule, text: str, start: int, end: int, cache: dict) -> bool:
        if ("slow", rule.id) in cache:
            return False  # an antipattern of this rule already ran out of time on this text
        terms = self._contexts.get(rule.id)
        if terms is not None:
            document, near, not_document, after, before = terms
            for needed, wanted in ((document, True), (not_document, False)):
                if needed is None:
                    continue
                key = id(needed)
                if key not in cache:
                    cache[key] = needed.found_in(text)
                if cache[key] != wanted:
                    return False
            if near is not None and not near.found_in(_window(text, start, end, rule.context)):
                return False
            if after is not None and not after.starts(_words_after(text, end, rule.context.reach)):
                return False
            if before is not None and not before.ends(_words_before(text, start, rule.context.reach)):
                return False
        for source in self._antipatterns.get(rule.id, ()):
            antipattern = compile_pattern(source, rule.case_sensitive)
            low, high = max(0, start - 200), min(len(text), end + 200)
            try:
                for match in antipattern.finditer(text, low, high, timeout=self.timeout):
                    if match.start() < end and match.end() > start:
                        return False
            except TimeoutError:
                # A catastrophic antipattern (a user's pack): stop paying for it on every hit;
                # the rule is skipped for this text and match() reports it once.
                cache[("slow", rule.id)] = rule
                return False
        return True


def _edges(text: str, start: int, end: int) -> int:
    """The sides of text[start:end] that stand at a word boundary as `\\b` sees one (for a
    trigger, whose own first and last characters are word characters when its pattern puts a
    `\\b` there): START when no word character comes before, END when none comes after."""
    edges = 0
    if start == 0 or not _is_word(text[start - 1]):
        edges = START
    if end == len(text) or not _is_word(text[end]):
        edges |= END
    return edges


def _is_word(char: str) -> bool:
    """`regex`'s \\w (what \\b reads), at str speed for ASCII."""
    if char.isascii():
        return char.isalnum() or char == "_"
    return _WORD.match(char) is not None


_WORD = regex.compile(r"\w")


def _in_order(positions: array) -> array | list[int]:
    """The trigger places in order: as found when they are (one table's scan finds them so), else
    sorted (a rule with triggers in both tables); no sorted copy of a long text's places."""
    if all(positions[i] <= positions[i + 1] for i in range(len(positions) - 1)):
        return positions
    return sorted(positions)


def _paragraph_windows(text: str, positions: array) -> array:
    """Merged spans of the paragraphs (capped at TRIGGER_REACH either side) around positions,
    as a flat array of offsets: start, end, start, end, ... (8 bytes a window, not 120)."""
    windows = offsets(len(text))
    for position in _in_order(positions):
        if windows and position < windows[-1]:
            continue
        low = max(0, position - TRIGGER_REACH)
        high = min(len(text), position + TRIGGER_REACH)
        start = text.rfind("\n\n", low, position)
        end = text.find("\n\n", position, high)
        start, end = low if start == -1 else start + 1, high if end == -1 else end + 2
        if windows and start <= windows[-1]:
            windows[-1] = max(windows[-1], end)
        else:
            windows.append(start)
            windows.append(end)
    return windows


class _Boundaries:
    """Sorted offsets of a text's sentence and paragraph boundaries, found in one pass."""

    def __init__(self, text: str) -> None:
        # Arrays: 4 bytes an offset, where a list of ints takes 36 (a long text has many).
        self.starts = offsets(len(text))  # a window may start here (after '.', '!', '?' or a line break)
        self.ends = offsets(len(text))  # or end here (after the space or the line break)
        for match in _BOUNDARY.finditer(text):
            self.starts.append(match.start() + 1)
            self.ends.append(match.end())
        self.paragraphs = offsets(len(text), (m.start() for m in _PARAGRAPH.finditer(text)))  # offsets of "\n\n"


def _sentence_windows(text: str, positions: array, bounds: _Boundaries) -> array:
    """Merged spans of the sentences around positions (see SENTENCE_REACH), flat as
    `_paragraph_windows` gives them. A window ends after a line break or after the space that
    follows a sentence's end, never inside a word, so that `\\b` and look-aheads at its end see
    what they would see in the whole text."""
    windows = offsets(len(text))
    size = len(text)
    for position in _in_order(positions):
        if windows and position + SENTENCE_REACH <= windows[-1]:
            continue
        index = bisect.bisect_left(bounds.paragraphs, position)
        floor = max(0, position - TRIGGER_REACH)
        if index:
            floor = max(floor, bounds.paragraphs[index - 1] + 1)
        ceiling = min(size, position + TRIGGER_REACH)
        if index < len(bounds.paragraphs):
            ceiling = min(ceiling, bounds.paragraphs[index] + 2)
        start = floor
        target = position - SENTENCE_REACH
        if target > floor:
            at = bisect.bisect_right(bounds.starts, target) - 1
            if at >= 0 and bounds.starts[at] > floor:
                start = bounds.starts[at]
        end = ceiling
        target = position + SENTENCE_REACH
        if target < ceiling:
            at = bisect.bisect_left(bounds.ends, target)
            if at < len(bounds.ends) and bounds.ends[at] < ceiling:
                end = bounds.ends[at]
        if windows and start <= windows[-1]:
            windows[-1] = max(windows[-1], end)
        else:
            windows.append(start)
            windows.append(end)
    return windows


_BOUNDARY = re.compile(r"\n|[.!?] ")
_PARAGRAPH = re.compile(r"\n\n")


def _search(pattern: regex.Pattern, text: str, windows: array, timeout: float):
    seen: set[tuple[int, int]] = set()
    for at in range(0, len(windows), 2):
        low, high = windows[at], windows[at + 1]
        for match in pattern.finditer(text, low, high, timeout=timeout):
            span = match.span()
            if span not in seen:
                seen.add(span)
                yield span[0], span[1], match


def _words_after(text: str, end: int, reach: int) -> list[tuple[int, str]]:
    """(start offset, text) of each of the `reach` words after `end`, within the sentence."""
    found = []
    for match in _WORD_CHARS.finditer(text, end, min(len(text), end + reach * 30)):
        if _SENTENCE_BREAK.search(text, end, match.start()):
            break
        found.append((match.start(), text))
        if len(found) == reach:
            break
    return found


def _words_before(text: str, start: int, reach: int) -> list[tuple[int, str]]:
    """(end offset, text) of each of the `reach` words before `start`, within the sentence."""
    low = max(0, start - reach * 30)
    matches = list(_WORD_CHARS.finditer(text, low, start))[-reach:]
    found = []
    for match in reversed(matches):
        if _SENTENCE_BREAK.search(text, match.end(), start):
            break
        found.append((match.end(), text))
    return found


_SENTENCE_BREAK = regex.compile(r"[.!?;:\n]")


def _window(text: str, start: int, end: int, context: Context) -> str:
    """The text from `window` words before a hit to `window` words after it."""
    reach = context.window * 25
    before = text[max(0, start - reach):start]
    after = text[end:end + reach]
    words_before = [m.start() for m in _WORD_CHARS.finditer(before)]
    words_after = [m.end() for m in _WORD_CHARS.finditer(after)]
    cut_before = words_before[-context.window] if len(words_before) >= context.window else 0
    cut_after = words_after[context.window - 1] if len(words_after) >= context.window else len(after)
    return before[cut_before:] + text[start:end] + after[:cut_after]

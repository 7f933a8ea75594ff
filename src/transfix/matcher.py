"""Compile rules once and find every hit in one pass over the text.

Phrase rules, however many, go into two phrase tables (one case-insensitive, one case-sensitive);
the shipped packs' phrases come already indexed from the rule cache (compiled.py) and are read
per key. A short text is looked up word by word, a long one (or a batch, once it adds up) is
scanned once by an Aho-Corasick automaton built on first need; a hit is kept only at word
boundaries. Regex rules run
one by one with the `regex` module's time limit, so a pattern that backtracks cannot hang a run.
A regex rule with triggers (literals its matches must contain: listed in the rule, or read from
its pattern by triggers.py) runs only on the paragraphs where the same automaton pass saw one of
them, so most regex rules cost nothing on most text.
"""

from __future__ import annotations

import bisect
import functools
from array import array
from dataclasses import dataclass, field

import re

import ahocorasick
import regex

from .casing import keep_case
from .compiled import SHARD, StoredPhrases, precompiled
from .loader import compile_pattern
from .triggers import derive_triggers
from .model import Context, Rule
from .textspan import Intervals

# str.translate falls back to a slow path on non-ASCII text; a character-class substitution does not.
_WHITESPACE = re.compile("[\t\n\r\x0b\x0c\xa0\u2007\u202f\u2009\u200a\u2002\u2003]")
_WORD_CHARS = regex.compile(r"\w+")
# A triggered regex runs on the sentences around each trigger: from the sentence boundary before
# SENTENCE_REACH characters ahead of it to the one after as far behind it, within its paragraph
# and at most TRIGGER_REACH either side. Rules anchored to lines (^, $) and page-furniture rules,
# whose matches may be whole paragraphs, get the paragraph.
SENTENCE_REACH = 400
TRIGGER_REACH = 2_000
_LINE_ANCHOR = regex.compile(r"(?<![\[\\])\^|(?<!\\)\$")
_TRIGGER = "trigger"


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int
    replacements: tuple[str, ...]
    confidence: float | None = None  # a detector's own estimate; else the rule's


@dataclass
class MatchReport:
    hits: list[Hit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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


def fold(text: str, lower: bool) -> str:
    """Lower-case (when asked) and turn every space-like character into a plain space.

    The result has exactly the length of `text`, so automaton offsets are text offsets. A long
    text is folded a piece at a time, cut after a space: `str.lower` of a text that is not all
    Latin-1 keeps a buffer of twelve bytes a character (64 MB for 4 MB of text), and lower-casing
    is the same either side of a space (even the Greek final sigma looks no further).
    """
    if len(text) <= _FOLD_PIECE:
        return _fold_piece(text, lower)
    pieces, start = [], 0
    while start < len(text):
        end = text.find(" ", start + _FOLD_PIECE) + 1 or len(text)
        pieces.append(_fold_piece(text[start:end], lower))
        start = end
    return "".join(pieces)


_FOLD_PIECE = 1 << 16
_SCAN_PIECE = 1 << 18


def _fold_piece(text: str, lower: bool) -> str:
    folded = _WHITESPACE.sub(" ", text)
    if lower:
        lowered = folded.lower()
        if len(lowered) == len(folded):
            return lowered
        # A few characters (such as 'İ') lower-case to two; map them to one first.
        for odd in {c for c in set(folded) if len(c.lower()) != 1}:
            folded = folded.replace(odd, odd.lower()[0])
        return folded.lower()
    return folded


@functools.lru_cache(maxsize=1)
def folded(text: str) -> str:
    """The latest text folded to lower case, kept: the matcher, the round-trip matcher and the
    foreign-word detectors read the same copy."""
    return fold(text, True)


def fold_key(phrase: str, lower: bool) -> str:
    """`fold` for the phrases of a pack: nearly all are printable ASCII, which folds by lower-casing
    alone (start-up folds some hundred thousand of them)."""
    if phrase.isascii() and phrase.isprintable():
        return phrase.lower() if lower else phrase
    return fold(phrase, lower)


_HEAD = re.compile(r"\w+")  # a run of word characters (str.isalnum() or '_', as _is_word_char)
_NONE: frozenset[int] = frozenset()
_NO_ENTRIES: list = []  # shared, never changed


class _PhraseTable:
    """Every phrase key of the packs, found in a text in one pass.

    A long text is scanned by an Aho-Corasick automaton. Building one for the packs' tens of
    thousands of keys costs more than looking a short text (a commit's file, a scraped
    paragraph) up in a dict, so the automaton is built only once a process has looked up
    `SHORT` characters. Both ways give the matcher the same (last index, entries) in the same
    order, once it has dropped phrases that begin or end inside a word (Matcher._bounded), which
    the lookup never offers: a phrase is looked up only from a place that is not inside a word to
    another such place. Entries are (rule, targets, length); a regex rule's trigger
    (bounded=False) counts wherever it occurs, also inside a word.
    """

    # Characters looked up before the automaton pays for itself: a longer text, or a batch whose
    # texts add up to this, builds it (once per process; a batch worker keeps it).
    SHORT = 10_000

    def __init__(self, lower: bool) -> None:
        self.lower = lower
        self._entries: dict[str, list] = {}
        self._longest = 0
        self._free: dict[str, set[int]] = {}  # trigger key lengths by first character
        self._automaton: ahocorasick.Automaton | None = None
        self._reach = 0  # the automaton's longest key less one
        self._looked_up = 0
        # Phrase indexes of compiled packs (compiled.py), with the rules of each chosen here
        # and the keys looked up so far, their entries turned into this table's.
        self._stored: list[tuple[object, dict[str, Rule], dict[str, list]]] = []

    def __bool__(self) -> bool:
        return bool(self._entries or self._stored)

    def attach(self, index, chosen: dict[str, Rule]) -> None:
        """Look keys up in `index` too, keeping the entries of the `chosen` rules."""
        if index.has(self.lower):
            self._stored.append((index, chosen, {}))
            self._longest = max(self._longest, index.longest[self.lower])

    def _get(self, key: str) -> list | None:
        """Entries of a key: the compiled packs' first (they come first in rule order)."""
        found = None
        for index, chosen, read in self._stored:
            stored = read.get(key)
            if stored is None:
                shard = index.shard(self.lower, key[:SHARD])
                entries = shard.get(key) if shard else None
                stored = read[key] = [
                    (chosen[name], targets, size) for name, targets, size in entries if name in chosen
                ] if entries else _NO_ENTRIES
            if stored:
                found = found + stored if found else stored
        own = self._entries.get(key)
        if own:
            found = found + own if found else own
        return found

    def add(self, key: str, value: tuple, bounded: bool = True) -> None:
        size = len(key)
        if not size:
            return
        entries = self._entries.get(key)
        if entries is None:
            entries = self._entries[key] = []
        entries.append((*value, size))
        if bounded:
            if size > self._longest:
                self._longest = size
        else:
            self._free.setdefault(key[0], set()).add(size)

    def iter(self, haystack: str):
        self._looked_up += len(haystack)
        if self._automaton is not None or self._looked_up >= self.SHORT:
            automaton = self._built()
            if len(haystack) <= _SCAN_PIECE:
                return automaton.iter(haystack)
            return scan(automaton, haystack, self._reach)
        return self._lookup(haystack)

    def _built(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            merged: dict[str, list] = {}
            for index, chosen, _ in self._stored:  # every shard, read once (as _get orders them)
                for prefix in index.prefixes(self.lower):
                    for key, entries in index.shard(self.lower, prefix).items():
                        kept = [(chosen[name], targets, size) for name, targets, size in entries if name in chosen]
                        if kept:  # keys of only rules left out here have none
                            merged[key] = merged[key] + kept if key in merged else kept
            for key, entries in self._entries.items():
                merged[key] = merged[key] + entries if key in merged else entries
            for key, entries in merged.items():
                automaton.add_word(key, entries)
            self._reach = max(map(len, merged), default=1) - 1
            if not len(automaton):
                automaton.add_word("\0", [])  # ahocorasick cannot scan with no key at all
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def _lookup(self, haystack: str):
        get = self._get if self._stored else self._entries.get
        size, longest = len(haystack), self._longest
        # Places not inside a word: where a bounded phrase can start or end.
        inside = set()
        for word in _HEAD.finditer(haystack):
            inside.update(range(word.start() + 1, word.end()))
        cuts = [i for i in range(size + 1) if i not in inside] if inside else list(range(size + 1))
        found = []
        for index, start in enumerate(cuts):
            if start == size:
                break
            free = self._free.get(haystack[start], _NONE)
            for end in cuts[index + 1:]:
                length = end - start
                if length > longest:
                    break
                if length in free:
                    continue  # looked up below
                hit = get(haystack[start:end])
                if hit is not None:
                    found.append((end - 1, -length, hit))
        if self._free:
            for start, char in enumerate(haystack):
                for length in self._free.get(char, _NONE):
                    hit = get(haystack[start:start + length]) if start + length <= size else None
                    if hit is not None:
                        found.append((start + length - 1, -length, hit))
        # The automaton reports by end position, the longest key first.
        found.sort(key=lambda item: (item[0], item[1]))
        return [(last, hit) for last, _, hit in found]


def scan(automaton: ahocorasick.Automaton, haystack: str, reach: int):
    """`automaton.iter(haystack)`, a piece of a long text at a time: the automaton copies what it
    scans into four bytes a character. Each piece starts `reach` (the longest key's length less
    one) early and keeps only the hits that end in it: every hit once, in the same order."""
    if len(haystack) <= _SCAN_PIECE:
        yield from automaton.iter(haystack)
        return
    for start in range(0, len(haystack), _SCAN_PIECE):
        low = max(0, start - reach)
        for last, value in automaton.iter(haystack[low:start + _SCAN_PIECE]):
            if last + low >= start:
                yield last + low, value


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Matcher:
    def __init__(self, rules: list[Rule], timeout: float = 1.0) -> None:
        self.timeout = timeout
        self.rules = rules
        self._folded = _PhraseTable(lower=True)
        self._exact = _PhraseTable(lower=False)
        indexed: dict[int, tuple[object, dict[str, Rule]]] = {}
        self._regexes: list[Rule] = []
        self._regex_order: dict[str, int] = {}  # rule id -> place in _regexes
        self._untriggered: list[Rule] = []  # regex rules that run on every text
        self._detectors: list[tuple[Rule, object]] = []
        self._triggers: dict[str, tuple[str, ...]] = {}
        self._wide: dict[str, bool] = {}
        self._antipatterns: dict[str, tuple[str, ...]] = {}
        self._contexts: dict[str, tuple[_Terms | None, ...]] = {}
        for rule in rules:
            if rule.antipatterns:
                self._antipatterns[rule.id] = rule.antipatterns
            if rule.context:
                context = rule.context
                self._contexts[rule.id] = (
                    _Terms(context.document) if context.document else None,
                    _Terms(context.near) if context.near else None,
                    _Terms(context.not_document) if context.not_document else None,
                    _Terms(context.after) if context.after else None,
                    _Terms(context.before) if context.before else None,
                )
            if rule.kind == "detector":
                from .detectors import build

                self._detectors.append((rule, build(rule.detector, dict(rule.options))))
                continue
            if rule.kind == "regex":
                self._regex_order[rule.id] = len(self._regexes)
                self._regexes.append(rule)
                self._triggers[rule.id] = rule.triggers or derive_triggers(rule.pattern)
                self._wide[rule.id] = rule.category == "boilerplate" or bool(_LINE_ANCHOR.search(rule.pattern))
                if not self._triggers[rule.id]:
                    self._untriggered.append(rule)
                for trigger in self._triggers[rule.id]:
                    self._folded.add(fold_key(trigger, lower=True), (_TRIGGER, rule.id), bounded=False)
                continue
            if isinstance(rule.phrases, StoredPhrases):  # a compiled pack's rule: its keys are indexed
                index = rule.phrases.phrase_index
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
        for table, lower in ((self._folded, True), (self._exact, False)):
            if not table:
                continue
            haystack = folded(text) if lower else fold(text, False)
            for last, entries in table.iter(haystack):
                for rule, targets, length in entries:
                    if rule is _TRIGGER:
                        seen = triggered.get(targets)
                        if seen is None:
                            triggered[targets] = array("q", (last,))  # 8 bytes a place, not 36
                        elif last - seen[-1] > SENTENCE_REACH // 2 or text.find("\n\n", seen[-1], last) != -1:
                            # A trigger this close to the previous one adds nothing (its window
                            # reaches at least SENTENCE_REACH either side within the paragraph).
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
                    replacements = tuple(
                        keep_case(matched, t) if rule.keep_case and not rule.case_sensitive else t
                        for t in targets
                    )
                    report.hits.append(Hit(rule, start, end, replacements))
            haystack = None  # the case-sensitive copy is not kept while the rules run
        # The time limit grows with the text: a long document may take long honestly.
        budget = self.timeout * (1 + len(text) / 100_000)
        bounds = None
        # The rules whose triggers the text has, and those that have none, in rule order: a short
        # text triggers a few dozen of the thousand.
        order = self._regex_order
        running = sorted(
            [self._regexes[order[name]] for name in triggered] + self._untriggered, key=lambda r: order[r.id]
        )
        # Rules triggered at the same places share their windows (many share a trigger word),
        # kept until the last of them has run: a long text's windows are many.
        keys: dict[str, tuple] = {}
        users: dict[tuple, int] = {}
        for rule in running:
            positions = triggered.get(rule.id)
            if positions:
                key = keys[rule.id] = (self._wide[rule.id], len(positions), positions[0], positions[-1])
                users[key] = users.get(key, 0) + 1
        spans: dict[tuple, tuple[array, list[tuple[int, int]]]] = {}
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
                windows = [(0, len(text))]
            pattern = compile_pattern(rule.pattern, rule.case_sensitive)
            try:
                for start, end, match in _search(pattern, text, windows, budget):
                    if start == end or (protected and protected.overlaps(start, end)):
                        continue
                    if not self._accepts(rule, text, start, end, document_cache):
                        continue
                    try:
                        replacements = tuple(
                            keep_case(match.group(), match.expand(t)) if rule.keep_case else match.expand(t)
                            for t in rule.replacements
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

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        if start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]):
            return False
        if end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]):
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


def _paragraph_windows(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """Merged spans of the paragraphs (capped at TRIGGER_REACH either side) around positions."""
    windows: list[list[int]] = []
    for position in sorted(positions):
        if windows and position < windows[-1][1]:
            continue
        low = max(0, position - TRIGGER_REACH)
        high = min(len(text), position + TRIGGER_REACH)
        start = text.rfind("\n\n", low, position)
        end = text.find("\n\n", position, high)
        span = [low if start == -1 else start + 1, high if end == -1 else end + 2]
        if windows and span[0] <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], span[1])
        else:
            windows.append(span)
    return [(a, b) for a, b in windows]


class _Boundaries:
    """Sorted offsets of a text's sentence and paragraph boundaries, found in one pass."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []  # a window may start here (after '.', '!', '?' or a line break)
        self.ends: list[int] = []  # or end here (after the space or the line break)
        self.paragraphs: list[int] = []  # offsets of "\n\n"
        for match in _BOUNDARY.finditer(text):
            self.starts.append(match.start() + 1)
            self.ends.append(match.end())
        self.paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]


def _sentence_windows(text: str, positions: list[int], bounds: _Boundaries) -> list[tuple[int, int]]:
    """Merged spans of the sentences around positions (see SENTENCE_REACH). A window ends after
    a line break or after the space that follows a sentence's end, never inside a word, so that
    `\\b` and look-aheads at its end see what they would see in the whole text."""
    windows: list[list[int]] = []
    size = len(text)
    for position in sorted(positions):
        if windows and position + SENTENCE_REACH <= windows[-1][1]:
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
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [(a, b) for a, b in windows]


_BOUNDARY = re.compile(r"\n|[.!?] ")
_PARAGRAPH = re.compile(r"\n\n")


def _search(pattern: regex.Pattern, text: str, windows: list[tuple[int, int]], timeout: float):
    seen: set[tuple[int, int]] = set()
    for low, high in windows:
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

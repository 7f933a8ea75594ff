"""Phrase lookup: every phrase key of the packs (and the regex rules' trigger words) found in a
text in one pass, over a copy of the text folded to one case and one kind of space.

A short text is looked up word by word in the keys; a long one (or a batch, once it adds up) is
scanned by an Aho-Corasick automaton built on first need, a piece at a time.
"""

from __future__ import annotations

import functools
import re

import ahocorasick

from .compiled import SHARD
from .model import Rule

# str.translate falls back to a slow path on non-ASCII text; a character-class substitution does not.
_WHITESPACE = re.compile("[\t\n\r\x0b\x0c\xa0\u2007\u202f\u2009\u200a\u2002\u2003]")


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


@functools.lru_cache(maxsize=2)
def folded(text: str, lower: bool = True) -> str:
    """A short text folded, kept: the matcher's two tables and the foreign-word detectors read
    the same copies (a long text is folded a piece at a time as it is scanned; see `scan`)."""
    return fold(text, lower)


def fold_key(phrase: str, lower: bool) -> str:
    """`fold` for the phrases of a pack: nearly all are printable ASCII, which folds by lower-casing
    alone (start-up folds some hundred thousand of them)."""
    if phrase.isascii() and phrase.isprintable():
        return phrase.lower() if lower else phrase
    return fold(phrase, lower)


# The rule of a trigger's entry (rule, targets, length), where targets is the regex rule's id: an
# int, the word boundaries the trigger needs (triggers.START, END), 0 for none.
TRIGGER = 0

_HEAD = re.compile(r"\w+")  # a run of word characters (str.isalnum() or '_', as is_word_char)
_NONE: frozenset[int] = frozenset()
_NO_ENTRIES: list = []  # shared, never changed


class PhraseTable:
    """Every phrase key of the packs, found in a text in one pass.

    A long text is scanned by an Aho-Corasick automaton. Building one for the packs' tens of
    thousands of keys costs more than looking a short text (a commit's file, a scraped
    paragraph) up in a dict, so the automaton is built only once a process has looked up
    `SHORT` characters. Both ways give the matcher the same (last index, entries) in the same
    order, once it has dropped phrases that begin or end inside a word (Matcher._bounded), which
    the lookup never offers: a phrase is looked up only from a place that is not inside a word to
    another such place. Entries are (rule, targets, length); a regex rule's trigger
    (bounded=False) is offered wherever it occurs, also inside a word (the matcher checks the
    word boundaries it needs).
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
            if self.lower:
                for char, sizes in index.free.items():
                    self._free.setdefault(char, set()).update(sizes)

    def _get(self, key: str) -> list | None:
        """Entries of a key: the compiled packs' first (they come first in rule order)."""
        found = None
        for index, chosen, read in self._stored:
            stored = read.get(key)
            if stored is None:
                shard = index.shard(self.lower, key[:SHARD])
                entries = shard.get(key) if shard else None
                stored = read[key] = _chosen(entries, chosen) if entries else _NO_ENTRIES
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

    def iter(self, text: str):
        """(last index, entries) of every key in `text`, folded as this table's keys are."""
        self._looked_up += len(text)
        if self._automaton is not None or self._looked_up >= self.SHORT:
            return scan(self._built(), text, self._reach, self.lower)
        return self._lookup(folded(text, self.lower))

    def _built(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            merged: dict[str, list] = {}
            for index, chosen, _ in self._stored:  # every shard, read once (as _get orders them)
                for prefix in index.prefixes(self.lower):
                    for key, entries in index.shard(self.lower, prefix).items():
                        kept = _chosen(entries, chosen)
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
        # The compiled packs keep their keys in shards named by a key's first SHARD characters:
        # where no shard begins with the text's next SHARD characters, no key that long starts
        # there (most places of a text), and only the shorter ones are looked up.
        heads = [index.shards.get(self.lower, {}) for index, _, _ in self._stored] if not self._entries else None
        found = []
        for index, start in enumerate(cuts):
            if start == size:
                break
            free = self._free.get(haystack[start], _NONE)
            reach = longest
            if heads:
                head = haystack[start:start + SHARD]
                if len(head) == SHARD and not any(head in shards for shards in heads):
                    reach = SHARD - 1
            for end in cuts[index + 1:]:
                length = end - start
                if length > reach:
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


def _chosen(entries: list, chosen: dict[str, Rule]) -> list:
    """A phrase index's entries of a key, those of the chosen rules, as this table's: (rule,
    targets, length), or (bounds, rule id, length) for a regex rule's trigger (bounds an int,
    TRIGGER for none)."""
    return [
        (TRIGGER, name, size) if targets is None else
        (targets, name, size) if targets.__class__ is int else (chosen[name], targets, size)
        for name, targets, size in entries if name in chosen
    ]


def scan(automaton: ahocorasick.Automaton, text: str, reach: int, lower: bool):
    """`automaton.iter` over `text` folded: a short text's kept copy at once, a long text a
    piece at a time, so that no folded copy of the whole text exists (the automaton also copies
    what it scans into four bytes a character). A piece ends after a space (folding is the same
    either side of one) and is scanned behind the last `reach` folded characters of the one
    before (the longest key's length less one); only hits that end in the new piece are
    reported: every hit once, in the order of a whole scan."""
    if len(text) <= _SCAN_PIECE:
        yield from automaton.iter(folded(text, lower))
        return
    tail, start = "", 0
    while start < len(text):
        end = text.find(" ", start + _SCAN_PIECE) + 1 or len(text)
        haystack = tail + _fold_piece(text[start:end], lower)
        offset = start - len(tail)
        for last, value in automaton.iter(haystack):
            if last >= len(tail):
                yield last + offset, value
        tail = haystack[max(0, len(haystack) - reach):] if reach else ""
        start = end


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"

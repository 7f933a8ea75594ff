"""Literal words that every match of a regex must contain, found by reading the pattern.

A regex rule runs only on paragraphs where one of its triggers occurs (see matcher.py). Rule
authors may list triggers; for the others we derive them here, conservatively: each top-level
alternative must contribute a literal run of letters that no quantifier can skip; when any
alternative has none, the rule gets no triggers and runs everywhere. Negative look-arounds are
ignored. The rule examples (run as tests) check that derived triggers never hide a match.
"""

from __future__ import annotations

import functools
import re

MIN_LENGTH = 3


# An inline flag group that turns on verbose mode: (?x), (?ix:...). Not a named group (?P<x>...)
# or a look-ahead (?= ex...), which the former test took for one, leaving their rules to run
# over every text.
_VERBOSE = re.compile(r"\(\?[abefiLmprsuwV01-]*x[abefiLmprsuwV01-]*[:)]")


@functools.lru_cache(maxsize=4096)
def derive_triggers(pattern: str) -> tuple[str, ...]:
    if _VERBOSE.search(pattern):
        return ()  # verbose patterns hold spaces and comments that are not text
    try:
        branches = _parse_alternation(pattern, 0)[0]
    except (IndexError, ValueError):
        return ()
    chosen: set[str] = set()
    for required in branches:
        if not required:
            return ()
        chosen.update(_best(required))
    return tuple(sorted(word.lower() for word in chosen))


# Words so common that a trigger on them opens a window on nearly every paragraph: a requirement
# of forty content words is more selective than "the".
_COMMON = frozenset(
    "the and that this with for from was were are has have had his her its their they them you "
    "not but all one can will would been who which what when where there than then into out also "
    "more most some any our she him over after only about other like just new".split()
)


def _best(items: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The most selective requirement: fewest common words, fewest alternatives, then the longest
    shortest word."""
    return min(items, key=lambda words: (
        sum(w.lower() in _COMMON for w in words), len(words), -min(len(w) for w in words)))


def _parse_alternation(pattern: str, i: int) -> tuple[list[list[tuple[str, ...]]], int]:
    """Parse until ')' or end: per alternative, requirements that every match meets; each
    requirement is a tuple of words of which the match contains at least one."""
    branches: list[list[tuple[str, ...]]] = []
    current: list[tuple[str, ...]] = []
    run = ""

    def flush(optional: bool = False) -> None:
        nonlocal run
        word = run[:-1] if optional else run
        if len(word) >= MIN_LENGTH:
            current.append((word,))
        run = ""

    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            flush()
            i += 2
            if pattern[i - 1] in "pPNxuUg" and i < len(pattern) and pattern[i] in "{<":
                i = pattern.index("}" if pattern[i] == "{" else ">", i) + 1
            continue
        if char == "[":
            flush()
            i = _skip_class(pattern, i)
            i = _skip_quantifier(pattern, i)[1]
            continue
        if char == "(":
            flush()
            kind, i = _group_kind(pattern, i)
            inner, i = _parse_alternation(pattern, i)
            i += 1  # the closing parenthesis
            optional, i = _skip_quantifier(pattern, i)
            if kind == "skip" or optional:
                continue
            # One alternative: all its requirements hold. Several: one of their best words must occur.
            if len(inner) == 1:
                current.extend(inner[0])
            elif all(inner):
                current.append(tuple(sorted({w for branch in inner for w in _best(branch)})))
            continue
        if char == "|":
            flush()
            branches.append(current)
            current = []
            i += 1
            continue
        if char == ")":
            break
        if char in "?*":
            flush(optional=True)
            i += 1
            continue
        if char == "{":
            optional, i = _skip_quantifier(pattern, i)
            flush(optional=optional)
            continue
        if char == "+":
            i += 1
            continue
        if char.isalpha():
            run += char
        else:
            flush()
        i += 1
    flush()
    branches.append(current)
    return branches, i


def _group_kind(pattern: str, i: int) -> tuple[str, int]:
    """Skip '(' and any group prefix; 'skip' for groups whose text need not be in the match."""
    i += 1
    if not pattern.startswith("?", i):
        return "group", i
    for prefix, kind in (("?:", "group"), ("?=", "group"), ("?<=", "group"), ("?!", "skip"),
                         ("?<!", "skip"), ("?>", "group"), ("?|", "group")):
        if pattern.startswith(prefix, i):
            return kind, i + len(prefix)
    if pattern.startswith("?P<", i) or (pattern.startswith("?<", i) and pattern[i + 2] not in "=!"):
        return "group", pattern.index(">", i) + 1
    # Inline flags like (?i) or (?i:...): a flag group with no colon holds no text.
    end = i
    while end < len(pattern) and pattern[end] not in ":)":
        end += 1
    if end < len(pattern) and pattern[end] == ")":
        return "skip", end
    return "group", end + 1


def _skip_class(pattern: str, i: int) -> int:
    i += 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    depth = 1
    while depth:
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            depth += 1
        elif pattern[i] == "]":
            depth -= 1
        i += 1
    return i


def _skip_quantifier(pattern: str, i: int) -> tuple[bool, int]:
    """(whether the quantifier at i allows zero repetitions, index after it)."""
    if i >= len(pattern):
        return False, i
    optional = False
    if pattern[i] in "?*":
        optional, i = True, i + 1
    elif pattern[i] == "+":
        i += 1
    elif pattern[i] == "{":
        end = pattern.find("}", i)
        if end == -1:
            return False, i
        body = pattern[i + 1:end]
        if not body.replace(",", "").isdigit():
            return False, i
        optional = body.split(",")[0] in ("", "0")
        i = end + 1
    else:
        return False, i
    if i < len(pattern) and pattern[i] in "?+":
        i += 1
    return optional, i

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
    if _VERBOSE.search(pattern) or "(?(" in pattern:
        # Verbose patterns hold spaces and comments that are not text; a conditional group's
        # alternatives are not read as such.
        return ()
    try:
        branches = _parse(pattern, 0, False, False).branches
    except (IndexError, ValueError):
        return ()
    chosen: list[_Run] = []
    for required in branches:
        if not required:
            return ()
        chosen.extend(_best(required))
    # A word's bounds are those every one of its chosen places has; flags that change what \b
    # means (ASCII, locale, Unicode word breaks) leave every trigger unbounded.
    odd_words = _WORD_FLAGS.search(pattern) is not None
    flags: dict[str, int] = {}
    for run in chosen:
        word = run.word.lower()
        mine = 0 if odd_words else (START if run.left else 0) | (END if run.right else 0)
        flags[word] = flags[word] & mine if word in flags else mine
    return tuple(sorted(mark(word, bounds) for word, bounds in flags.items()))


# A trigger that a match always holds as the start (or the end) of a word, because the pattern
# puts a word boundary (\b, a space, punctuation) there, is written with a leading (trailing) \b,
# as in a pattern; it then counts only where the text has one (the matcher checks). "nor" in
# `\b(?:neither|nor)\b` is `\bnor\b`, and is not triggered by "north" or "minor".
START, END = 1, 2
WORD = START | END
_MARK = "\\b"


def mark(word: str, bounds: int) -> str:
    """The trigger `word` written with its bounds."""
    return (_MARK if bounds & START else "") + word + (_MARK if bounds & END else "")


def bounds_of(trigger: str) -> tuple[str, int]:
    """A trigger's literal text and its bounds (START, END): the inverse of `mark`."""
    bounds = 0
    if trigger.startswith(_MARK) and len(trigger) > 2:
        trigger, bounds = trigger[2:], START
    if trigger.endswith(_MARK) and len(trigger) > 2 and not trigger.endswith("\\" + _MARK):
        trigger, bounds = trigger[:-2], bounds | END
    return trigger, bounds


_WORD_FLAGS = re.compile(r"\(\?[abefiLmprsuwxV01-]*[aLw][abefiLmprsuwxV01-]*[:)]")

# Words so common that a trigger on them opens a window on nearly every paragraph: a requirement
# of forty content words is more selective than "the".
_COMMON = frozenset(
    "the and that this with for from was were are has have had his her its their they them you "
    "not but all one can will would been who which what when where there than then into out also "
    "more most some any our she him over after only about other like just new".split()
)


class _Run:
    """A literal run of letters every match holds at one place of the pattern, and whether the
    pattern puts a word boundary before it (left) and after it (right)."""

    __slots__ = ("word", "left", "right")

    def __init__(self, word: str, left: bool) -> None:
        self.word, self.left, self.right = word, left, False


def _best(items: list[tuple[_Run, ...]]) -> tuple[_Run, ...]:
    """The most selective requirement: fewest common words, fewest alternatives, fewest sides
    not bounded (a trigger inside other words opens windows there too), then the longest
    shortest word."""
    return min(items, key=lambda runs: (
        sum(r.word.lower() in _COMMON for r in runs), len(runs),
        sum((not r.left) + (not r.right) for r in runs), -min(len(r.word) for r in runs)))


class _Parsed:
    """A group's (or the pattern's) alternatives: per alternative, requirements that every
    match meets (each a tuple of runs of which the match holds at least one); the runs that end
    an alternative, whose right bound depends on what follows the group; and whether every
    alternative starts (ends) with a word boundary."""

    __slots__ = ("branches", "tails", "starts_bounded", "ends_bounded", "end")

    def __init__(self, branches, tails, starts_bounded, ends_bounded, end) -> None:
        self.branches, self.tails, self.end = branches, tails, end
        self.starts_bounded, self.ends_bounded = starts_bounded, ends_bounded


# Characters that stand for themselves outside a class and are not word characters.
_SPECIAL = set("\\[](){}|?*+^$.")


def _boundary_token(pattern: str, i: int) -> tuple[bool, int] | None:
    """Whether the token at i puts a non-word character (or a boundary) at this place of every
    match, and the index after it; None for a token that is not a boundary. `\\b`, `\\s`, `\\W`,
    `$`, a literal space or punctuation, or a class of spaces and punctuation; a quantifier that
    allows none of it makes it no boundary."""
    char = pattern[i]
    if char == "\\":
        escaped = pattern[i + 1]
        if escaped == "b":
            return True, i + 2  # zero width: no quantifier to read
        # \s, \W, or an escaped space or ASCII punctuation (\. \- \'): not a word character.
        if escaped not in "sW" and (escaped.isalnum() or escaped == "_" or not escaped.isascii()):
            return None
        end = i + 2
    elif char == "$":
        return True, i + 1
    elif char == "[":
        end = _skip_class(pattern, i)
        if not _nonword_class(pattern[i + 1:end - 1]):
            return None
    elif char in _SPECIAL or char.isalnum() or char == "_" or not char.isascii():
        return None
    else:
        end = i + 1
    optional, after = _skip_quantifier(pattern, end)
    return (not optional), after


def _nonword_class(body: str) -> bool:
    """A class body such as ` ,;-` or `\\s,`: only spaces and ASCII punctuation, not negated."""
    if not body or body.startswith("^"):
        return False
    i = 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1:i + 2] not in ("s", "W", "-", ".", ",", "'", '"', "(", ")", "[", "]"):
                return False
            i += 2
            continue
        char = body[i]
        if char.isalnum() or char == "_" or not char.isascii():
            return False
        if char == "-" and 0 < i < len(body) - 1:
            return False  # a range
        i += 1
    return True


def _parse(pattern: str, i: int, left: bool, behind: bool) -> _Parsed:
    """Parse until ')' or the end. `left`: whether the place where parsing starts follows a
    word boundary; `behind`: the group is a look-behind (its text precedes the place)."""
    branches: list[list[tuple[_Run, ...]]] = []
    tails: list[_Run] = []
    ends: list[bool] = []
    begins: list[bool] = []  # whether each alternative's first token is a boundary
    first: bool | None = None  # the current alternative's, once read
    start_left = left
    current: list[tuple[_Run, ...]] = []
    pending: list[_Run] = []  # runs whose right bound the next token decides
    run = ""
    run_left = left

    def flush(optional: bool = False, right: bool = False) -> None:
        """End the literal run; `right`: a word boundary follows it."""
        nonlocal run
        word = run[:-1] if optional else run
        if len(word) >= MIN_LENGTH:
            found = _Run(word, run_left)
            found.right = right and not optional
            current.append((found,))
        run = ""

    def settle(right: bool) -> None:
        """What follows the runs that ended a group: a boundary or not."""
        for found in pending:
            found.right = found.right or right
        pending.clear()

    def close() -> None:
        """End an alternative: its last run, and the runs a group left pending, wait for what
        follows the group (or the pattern's end: no boundary)."""
        if len(run) >= MIN_LENGTH:
            found = _Run(run, run_left)
            current.append((found,))
            pending.append(found)
        tails.extend(pending)
        pending.clear()
        branches.append(current)
        ends.append(left)
        begins.append(bool(first))

    while i < len(pattern):
        char = pattern[i]
        if first is None and char not in "|)":
            token = _boundary_token(pattern, i)
            first = token is not None and token[0]
        if char.isalpha():
            if not run:
                run_left = left
                settle(False)
            run += char
            left = False
            i += 1
            continue
        token = _boundary_token(pattern, i)
        if token is not None:
            bounded, after = token
            flush(right=bounded)
            settle(bounded)
            left = bounded or (left and pattern[i] != "$")
            i = after
            continue
        if char == "\\":
            flush()
            settle(False)
            left = False
            i += 2
            if pattern[i - 1] in "pPNxuUg" and i < len(pattern) and pattern[i] in "{<":
                i = pattern.index("}" if pattern[i] == "{" else ">", i) + 1
            continue
        if char == "[":
            flush()
            settle(False)
            left = False
            i = _skip_class(pattern, i)
            i = _skip_quantifier(pattern, i)[1]
            continue
        if char == "(":
            before = None
            if len(run) >= MIN_LENGTH:
                flush()
                before = current[-1][0]  # its right bound: whether the group starts with one
            else:
                flush()
            settle(False)
            kind, i = _group_kind(pattern, i)
            ahead = kind in ("ahead", "not-ahead")
            look_behind = kind in ("behind", "not-behind")
            inner = _parse(pattern, i, False if look_behind else left, look_behind)
            i = inner.end + 1  # the closing parenthesis
            optional, after = _skip_quantifier(pattern, i)
            repeated = after != i
            i = after
            if kind in ("skip", "not-ahead", "not-behind") or optional:
                # Its text need not be in the match (or it is not text): the place after it is
                # bounded as before it when it may be absent.
                if kind == "group" and optional and inner.ends_bounded and left:
                    left = True
                elif kind not in ("skip", "not-ahead", "not-behind"):
                    left = False
                continue
            if before is not None and inner.starts_bounded and not optional and kind in ("group", "ahead"):
                before.right = True
            if not repeated and not ahead:
                pending.extend(inner.tails)  # the next token says whether a boundary follows
            if ahead:
                pass  # zero width: the place after it is the place before it
            elif look_behind:
                left = left or inner.ends_bounded
            else:
                left = inner.ends_bounded and not repeated
            # One alternative: all its requirements hold. Several: one of their best runs must occur.
            if len(inner.branches) == 1:
                current.extend(inner.branches[0])
            elif all(inner.branches):
                current.append(tuple(sorted({r for branch in inner.branches for r in _best(branch)},
                                            key=lambda r: r.word)))
            continue
        if char == "|":
            close()
            current, run, left, first = [], "", start_left, None
            i += 1
            continue
        if char == ")":
            break
        if char in "?*":
            flush(optional=True)
            settle(False)
            left = False
            i += 1
            continue
        if char == "{":
            optional, after = _skip_quantifier(pattern, i)
            i = after if after != i else i + 1  # a '{' that is no quantifier is itself
            flush(optional=optional)
            settle(False)
            left = False
            continue
        # '+' (the run so far is all in the match once; what repeats follows it), '.', '^', a
        # digit, '_' or a character outside ASCII: not a boundary we can vouch for.
        flush()
        settle(False)
        left = char == "^" and not behind
        i += 1
    close()
    return _Parsed(branches, tails, all(begins), all(ends), i)


def _group_kind(pattern: str, i: int) -> tuple[str, int]:
    """Skip '(' and any group prefix; the group's kind: 'group', a look-around ('ahead',
    'behind', 'not-ahead', 'not-behind'), or 'skip' for a flag setting that holds no text."""
    i += 1
    if not pattern.startswith("?", i):
        return "group", i
    for prefix, kind in (("?:", "group"), ("?=", "ahead"), ("?<=", "behind"), ("?!", "not-ahead"),
                         ("?<!", "not-behind"), ("?>", "group"), ("?|", "group")):
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

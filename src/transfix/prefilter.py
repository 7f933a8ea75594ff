"""Which regex rules can match a text at all, from one Hyperscan scan (optional: the `hyperscan`
package, where it has wheels).

A regex rule runs in the windows around its trigger words; in a news article some 300 rules are
triggered (by "the", "his", "said" ...) and nearly all of them search and find nothing. Hyperscan
compiles every rule pattern into one automaton in its prefilter mode, which matches a superset
of what the pattern matches (look-arounds and back-references are widened, never narrowed): one
scan of the text names the few rules worth searching, and the others are skipped. Findings are
unchanged; only searches that could not match are saved.

The automaton is built with the rule cache (rulecache.py), from the same patterns, widened so that
Hyperscan compiles them in reasonable time (~30 s for 3,000) and reads them as `regex` would,
or more widely, whatever the text's Unicode: a bounded repeat `{m,n}` becomes `{m,}`, a class such as `\\w`, `\\d`, `\\p{L}` or a
set holding one becomes "any character but ASCII white space" (or any character), a letter
outside ASCII in a caseless pattern any character, and word boundaries are dropped; a set of
ASCII characters stays as it is. Patterns it cannot take (anchors, whose multi-line meaning
differs; back-references; syntax only `regex` knows) are left out and always searched, and so
is every rule whose own examples the automaton would not report where the pattern matches them:
the build checks each rule. A text holding a character that regex's case folding takes for an
ASCII letter (İ, ı, ſ, the Kelvin sign) or a lone surrogate is not scanned: every triggered rule
is searched, as it is without the package, with TRANSFIX_NO_PREFILTER set, or with a database
this Hyperscan cannot read. Only the shipped packs have a prefilter; a user's packs are searched
as before.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
from pathlib import Path


def _hyperscan():
    """The hyperscan module, or None where it is not installed (imported on first use: a short
    text never needs it, and a pre-commit run should not pay for its import)."""
    global hyperscan
    if hyperscan is False:
        try:
            import hyperscan as module
        except ImportError:  # pragma: no cover - depends on the platform's wheels
            module = None
        hyperscan = module
    return hyperscan


hyperscan = False  # not imported yet

# Constructs Hyperscan rejects or reads otherwise: such patterns are always searched.
_UNSUPPORTED = ("(?x", "(?P=", "(?>", "\\N", "\\m", "\\M", "\\X", "\\G", "\\A", "\\Z", "\\z", "(?|", "(?(", "(?R",
                "(?V", "(?r", "(?f", "(?b", "(?e", "(?L", "(?u", "(?a", "(?w", "\\K", "\\L<", "(?&", "\\g")
_DIGITS = "0123456789"
# What \w, \d, \p{L} or a set of such become: a character that is not ASCII white space (a
# superset, cheaper to scan than any character, since a word cannot run over a space).
# A set of ASCII characters, ranges, escaped punctuation and control characters (no class escape
# such as \\w).
_PLAIN_SET = re.compile(r"\[\^?\]?(?:[ -\[\]-~]|\\[^A-Za-z0-9]|\\[ntrf]|\\x[0-7][0-9A-Fa-f])*\]")
_ALNUM_RANGE = re.compile(r"[A-Za-z0-9]-[A-Za-z0-9]")
_NOT_SPACE = "[^ \\t\\n\\r\\f\\v]"
# The characters outside ASCII that regex's case-insensitive matching takes for ASCII letters
# (İ for i, ı for I, ſ for s, the Kelvin sign for k; tests/test_prefilter.py checks the list).
FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDED_TO_ASCII = re.compile(f"[{FOLDED_TO_ASCII}]")


def source(pattern: str, case_sensitive: bool) -> str | None:
    """The pattern as Hyperscan's prefilter gets it, or None when it is left out: group names
    dropped (alternatives may repeat one), `{m,n}` widened to `{m,}`, `\\uXXXX` written
    `\\x{XXXX}`; anchors, back-references and `regex`-only syntax left out."""
    if any(token in pattern for token in _UNSUPPORTED):
        return None
    text = pattern
    case_sensitive = case_sensitive and "(?i" not in pattern  # for its letters outside ASCII
    out: list[str] = []
    i, size = 0, len(text)
    quantified = False  # the last token was a quantifier (a "+" after one makes it possessive)
    while i < size:
        char = text[i]
        was_quantified, quantified = quantified, False
        if char == "\\":
            nxt = text[i + 1:i + 2]
            if not nxt or (nxt in _DIGITS and nxt != "0"):
                return None  # a trailing backslash, or a numbered back-reference
            if nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = text[i + 2:i + 2 + width]
                if len(digits) != width:
                    return None
                out.append(_literal(chr(int(digits, 16)), case_sensitive) if digits.isalnum() else "\\x{" + digits + "}")
                i += 2 + width
            elif nxt in "pP":  # \p{L}: a character that is no ASCII white space, \P{L}: any
                close = text.find("}", i) if text.startswith("{", i + 2) else i + 2
                if close == -1:
                    return None
                name = text[i + 2:close + 1].strip("{}")
                out.append(_NOT_SPACE if nxt == "p" and not name.startswith(("Z", "^")) else ".")
                i = close + 1
            elif nxt in "wWsSdDhHvV":
                out.append(_NOT_SPACE if nxt in "wd" else ".")
                i += 2
            elif nxt in "bB":
                i += 2  # a word boundary: dropped (the prefilter only needs to be wider)
            elif nxt == "x":  # \x27, \x{e9}
                braced = text.startswith("{", i + 2)
                close = text.find("}", i) if braced else i + 3
                digits = text[i + 3:close] if braced else text[i + 2:i + 4]
                try:
                    out.append(_literal(chr(int(digits, 16)), case_sensitive))
                except ValueError:
                    return None
                i = close + 1
            else:
                out.append(text[i:i + 2])
                i += 2
        elif char == "[":  # V0 sets do not nest; a "]" right after "[" or "[^" is a literal
            end = i + 1 + text.startswith("^", i + 1)
            end += text.startswith("]", end)
            while end < size and text[end] != "]":
                if text.startswith("[:", end):
                    return None  # a POSIX class: regex's reading may differ
                end += 2 if text[end] == "\\" else 1
            if end >= size:
                return None
            if _PLAIN_SET.fullmatch(text, i, end + 1):
                out.append(text[i:end + 1])  # ASCII only: Hyperscan reads it as regex does
                i = end + 1
                continue
            body = _ALNUM_RANGE.sub("", text[i + 1:end])
            # A set: any character (the database has DOTALL), or any but white space when
            # nothing in it can match a space (no space, class escape, range or negation).
            spacy = body.startswith("^") or "-" in body.strip("-") or any(
                token in body for token in (" ", "\\s", "\\S", "\\W", "\\D", "\\P", "\\p{Z", "\\h", "\\v",
                                            "\\n", "\\t", "\\r", "\\f", "\\x", "\\u", "\\0", "\\N", "[")
            )
            out.append("." if spacy else _NOT_SPACE)
            i = end + 1
        elif char in "^$":
            return None  # anchors: (?m) and the window's ends make their meaning differ
        elif text.startswith(("(?P<", "(?<"), i) and not text.startswith(("(?<=", "(?<!"), i):
            close = text.find(">", i)
            if close == -1:
                return None
            out.append("(?:")  # a group's name dropped: alternatives may repeat one
            i = close + 1
        elif char == "{":
            close = text.find("}", i)
            body = text[i + 1:close] if close != -1 else ""
            low, comma, high = body.partition(",")
            if close != -1 and comma and (low.isdigit() or not low) and (high.isdigit() or not high):
                out.append("{" + (low or "0") + ",}")  # wider, and cheap for Hyperscan to compile
                quantified = True
                i = close + 1
            elif close != -1 and body.isdigit():
                out.append(text[i:close + 1])
                quantified = True
                i = close + 1
            else:
                out.append("\\{")  # a literal brace, as regex reads one that is no repeat
                i += 1
        elif char == "}":
            out.append("\\}")
            i += 1
        elif char == "+" and was_quantified:
            return None  # a possessive quantifier
        else:
            out.append(char if char.isascii() else _literal(char, case_sensitive))
            # "?" after a quantifier makes it lazy; after anything else it is one
            quantified = char in "*+" or (char == "?" and not was_quantified)
            i += 1
    return "".join(out)


def _literal(char: str, case_sensitive: bool) -> str:
    """One character of a pattern as Hyperscan gets it: a letter outside ASCII in a caseless
    pattern is any character (Hyperscan need not fold it as regex does); the rest written as a
    code point."""
    if not case_sensitive and not char.isascii() and char.lower() != char.upper():
        return "."
    if char.isalnum() and char.isascii():
        return char
    return "\\x{%x}" % ord(char)


def _flags(case_sensitive: bool) -> int:
    flags = (hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_DOTALL
             | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY)
    return flags if case_sensitive else flags | hyperscan.HS_FLAG_CASELESS


def _compile(entries: list[tuple[str, str, bool]]):
    """A block-mode database of entries (rule id, prefilter source, case sensitive), id = place;
    a pattern Hyperscan rejects is found by halving and left out."""
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    try:
        database.compile(
            expressions=[s.encode("utf-8") for _, s, _ in entries],
            ids=list(range(len(entries))),
            elements=len(entries),
            flags=[_flags(cs) for _, _, cs in entries],
        )
        return database, entries
    except Exception:
        if len(entries) == 1:
            return None, []
    half = len(entries) // 2
    kept = []
    for part in (entries[:half], entries[half:]):
        built, accepted = _compile(part)
        if built is not None:
            kept += accepted
    if not kept:
        return None, []
    return _compile(kept)


def build(rules) -> bytes | None:
    """The serialised prefilter of `rules`' regex patterns: (database, ((rule id, pattern, case
    sensitive), ...) by Hyperscan id), pickled; None without Hyperscan or on failure."""
    if _hyperscan() is None:
        return None
    from .loader import compile_pattern

    entries = []
    for rule in rules:
        if rule.kind != "regex" or not rule.pattern:
            continue
        widened = source(rule.pattern, rule.case_sensitive)
        if widened is not None:
            entries.append((rule, widened))
    try:
        database, kept = _compile([(rule.id, widened, rule.case_sensitive) for rule, widened in entries])
        if database is None:
            return None
        by_id = {rule.id: rule for rule, _ in entries}
        scanner = _Scanner(database)
        trusted = []
        for place, (rule_id, _, _) in enumerate(kept):
            rule = by_id[rule_id]
            pattern = compile_pattern(rule.pattern, rule.case_sensitive)
            examples = [example.text for example in rule.bad] + list(rule.good)
            # The automaton must report the rule wherever its pattern matches its own examples.
            if all(place in scanner.scan(text) for text in examples if pattern.search(text)):
                trusted.append(place)
        table = tuple((by_id[rule_id].id, by_id[rule_id].pattern, by_id[rule_id].case_sensitive)
                      for rule_id, _, _ in kept)
        return pickle.dumps((hyperscan.dumpb(database), table, tuple(trusted)), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None


class _Scanner:
    """A database with a scratch space per thread (Hyperscan's scratch is not shared)."""

    def __init__(self, database) -> None:
        self.database = database
        self._local = threading.local()

    def scan(self, text: str) -> set[int] | None:
        if not text.isascii() and _FOLDED_TO_ASCII.search(text):
            return None  # regex's case folding makes these match ASCII letters; Hyperscan's need not
        try:
            data = text.encode("utf-8")  # a lone surrogate cannot be scanned: search every rule
        except UnicodeEncodeError:
            return None
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(self.database)
        found: set[int] = set()
        self.database.scan(data, match_event_handler=_collect, context=found, scratch=scratch)
        return found


def _collect(place, start, end, flags, found) -> None:
    found.add(place)


class Prefilter:
    """The rules of one cache file a text can match: `covers` are the rule ids it answers for
    (id, pattern and case as built), `possible(text)` those of them it reports."""

    def __init__(self, blob: bytes) -> None:
        data, table, trusted = pickle.loads(blob)
        self._scanner = _Scanner(hyperscan.loadb(data, hyperscan.HS_MODE_BLOCK))
        self.table = {place: table[place] for place in trusted}
        self.table_by_id = {rule_id: (pattern, case) for rule_id, pattern, case in self.table.values()}
        self._last: tuple[str, frozenset[str] | None] | None = None

    def possible(self, text: str) -> frozenset[str] | None:
        last = self._last
        if last is not None and last[0] is text:  # the gated rules ask about the same text again
            return last[1]
        places = self._scanner.scan(text)
        found = None if places is None else frozenset(self.table[p][0] for p in places if p in self.table)
        self._last = (text, found)
        return found


_PATH: list[Path] = []  # the prefilter file of the rule cache in use
_LOADED: dict[str, Prefilter | None] = {}
_LOCK = threading.Lock()


def wanted() -> bool:
    """Whether to build and use a prefilter: Hyperscan is installed, and TRANSFIX_NO_PREFILTER
    is not set (a pack author who rebuilds the cache at every edit may save its build time)."""
    return not os.environ.get("TRANSFIX_NO_PREFILTER") and _hyperscan() is not None


def register(path: Path) -> None:
    _PATH[:] = [path]


def current() -> Prefilter | None:
    """The prefilter of the rule cache this process loaded, read on first use; None when there
    is none (no Hyperscan, no cache, an unreadable file)."""
    if not _PATH or not wanted():
        return None
    key = str(_PATH[0])
    with _LOCK:
        if key not in _LOADED:
            try:
                _LOADED[key] = Prefilter(_PATH[0].read_bytes())
            except Exception:
                _LOADED[key] = None
        return _LOADED[key]

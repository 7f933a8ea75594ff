"""The compiled form of the shipped packs, which the rule cache (rulecache.py) keeps on disk so
that a run pays only for what its text needs.

- Compiled patterns. The `regex` module pickles a compiled pattern as its compiled code, so
  loading one costs a copy where compiling it parses the pattern in Python (0.03 ms against
  1-30 ms). `precompiled()` hands them out, to the matcher and to the loader.
- The phrase index. Every phrase key of the packs, folded as the matcher folds text, with its
  entries (rule id, replacements, key length), in shards by the key's first characters: a short
  text unpickles only the shards of the words it has, a long one all of them.
- Each rule keeps what a run rarely reads pickled (`LazyRule`: its phrases, message, pattern,
  examples ...) until something asks for it: the matcher reads the index, a finding its message.
- The word classes' texts, which the detectors read (loader.word_class), by file path.

On disk (`dump`, `load`) the pickled parts (a rule's deferred fields, the index's shards, the
compiled patterns) lie in one region after a small pickled header that names them by offset: a
run maps the file and reads the pages of what it uses. Reading the whole 35 MB file and
unpickling every blob and every pattern's key was a third of a one-line check's start-up.

Everything here is an optimisation: a key that is not stored is computed as before.
"""

from __future__ import annotations

import dataclasses
import pickle
from typing import Callable, Hashable, Iterable, Iterator

from .model import Rule

SHARD = 8  # characters of a key that name its shard (a few hundred keys each at most)

# Compiled patterns (and word-class texts) by key, still pickled: filled from the rule cache,
# read by precompiled(). A cache file's patterns are found by a digest of their key (_STORED).
_PATTERNS: dict[Hashable, bytes] = {}
_STORED: list[tuple[dict[bytes, int], "Blobs"]] = []


def register(patterns: dict[Hashable, bytes]) -> None:
    _PATTERNS.update(patterns)


def register_stored(table: dict[bytes, int], blobs: "Blobs") -> None:
    """The patterns of a cache file read by load(): digest of the key -> place in `blobs`."""
    if not any(known is blobs for _, known in _STORED):
        _STORED.append((table, blobs))


def precompiled(key: Hashable, compile: Callable[[], object]):
    """The pattern stored under `key`, else `compile()` (an unreadable entry is compiled too)."""
    blob = _PATTERNS.get(key)
    if blob is None and _STORED:
        name = digest(key)
        for table, blobs in _STORED:
            where = table.get(name)
            if where is not None:
                blob = _PATTERNS[key] = blobs.get(where)
                break
    if blob is not None:
        try:
            return pickle.loads(blob)
        except Exception:
            _PATTERNS.pop(key, None)
            for table, _ in _STORED:
                table.pop(digest(key), None)
    return compile()


def digest(key: Hashable) -> bytes:
    """A stable name for a pattern's key (a tuple of strings, flags and tuples), 16 bytes: the
    cache file keeps these instead of the keys, whose pattern sources cost more to unpickle than
    the compiled patterns."""
    try:
        from _blake2 import blake2b  # hashlib would load OpenSSL first
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Blobs:
    """The region of a cache file that holds pickled parts, mapped rather than read: a part is
    named by its place, offset << 32 | length (one int: 26,000 shards' tuples cost more to read),
    and copied out only when something unpickles it."""

    __slots__ = ("_view",)

    def __init__(self, view) -> None:
        self._view = view

    def get(self, where: int):
        offset = where >> 32
        return self._view[offset:offset + (where & 0xFFFFFFFF)]


class PhraseIndex:
    """Phrase keys of many rules -> [(rule id, targets, key length)], in rule order; a regex
    rule's triggers are keys too, with targets None, or the word boundaries the trigger needs
    (triggers.START, END: an int), and the matcher then builds no table of them."""

    def __init__(self, rules: Iterable) -> None:
        from .phrases import fold_key
        from .triggers import bounds_of, derive_triggers

        tables: dict[bool, dict[str, list]] = {True: {}, False: {}}
        longest = {True: 0, False: 0}
        # A regex rule's triggers (its targets None): looked up at every character, also inside
        # a word; their lengths by first character, as PhraseTable keeps them.
        self.free: dict[str, tuple[int, ...]] = {}
        free: dict[str, set[int]] = {}
        for rule in rules:
            if rule.kind == "regex":
                for trigger in rule.triggers or derive_triggers(rule.pattern):
                    text, bounds = bounds_of(trigger)
                    key = fold_key(text, True)
                    if key:
                        tables[True].setdefault(key, []).append((rule.id, bounds or None, len(key)))
                        free.setdefault(key[0], set()).add(len(key))
                continue
            if rule.kind != "phrase":
                continue
            lower = not rule.case_sensitive
            table = tables[lower]
            for phrase, targets in rule.phrases:
                key = fold_key(phrase, lower)
                if key:
                    table.setdefault(key, []).append((rule.id, targets, len(key)))
                    longest[lower] = max(longest[lower], len(key))
        self.free = {char: tuple(sorted(sizes)) for char, sizes in free.items()}
        self.longest = longest
        self.shards: dict[bool, dict[str, bytes]] = {}
        for lower, table in tables.items():
            grouped: dict[str, dict[str, list]] = {}
            for key, entries in table.items():
                grouped.setdefault(key[:SHARD], {})[key] = entries
            self.shards[lower] = {
                prefix: pickle.dumps(shard, protocol=pickle.HIGHEST_PROTOCOL) for prefix, shard in grouped.items()
            }
        self._open: dict[tuple[bool, str], dict[str, list]] = {}

    _blobs: "Blobs | None" = None  # where shards given as places (Blobs.get) lie: a cache file

    def __getstate__(self) -> dict:
        shards = self.shards
        if self._blobs is not None:  # pickled elsewhere than into a cache file: self-contained
            shards = {lower: {prefix: self._blob(blob) for prefix, blob in table.items()}
                      for lower, table in shards.items()}
        return {"longest": self.longest, "shards": shards, "free": self.free}

    def __setstate__(self, state: dict) -> None:
        self.longest, self.shards, self.free = state["longest"], state["shards"], state["free"]
        self._open = {}

    def _blob(self, blob) -> bytes:
        return bytes(self._blobs.get(blob)) if type(blob) is int else blob

    def has(self, lower: bool) -> bool:
        return bool(self.shards.get(lower))

    def shard(self, lower: bool, prefix: str) -> dict[str, list] | None:
        """The keys beginning with `prefix` (SHARD characters, or fewer for a shorter key)."""
        found = self._open.get((lower, prefix))
        if found is None:
            blob = self.shards[lower].get(prefix)
            if blob is None:
                return None
            if type(blob) is int:
                blob = self._blobs.get(blob)
            found = self._open[(lower, prefix)] = pickle.loads(blob)
        return found

    def prefixes(self, lower: bool) -> Iterator[str]:
        return iter(self.shards.get(lower, ()))


def compile_rules(rules: list) -> tuple[list, dict[Hashable, bytes]]:
    """The rules with their phrases indexed and their deferred fields kept pickled (LazyRule), and
    every pattern they can ask for, compiled.

    Compiling all of them costs a few seconds once per change of the packs; a run then loads
    the few its text triggers in microseconds."""
    from .loader import compile_pattern
    from .matcher import terms_pattern

    index = PhraseIndex(rules)
    # Equal values made one object, which pickle then writes (and reads) once: most rules share
    # a context, a pivot or a word class with others.
    shared: dict = {}

    def one(value):
        return shared.setdefault(value, value)

    def terms(value: tuple) -> tuple:
        return one(tuple(one(term) for term in value))  # word classes recur in many contexts

    def context(value):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return one(dataclasses.replace(value, **{k: terms(v) for k, v in fields.items() if isinstance(v, tuple)}))

    stored = [
        dataclasses.replace(
            rule,
            context=context(rule.context),
            pivot=one(rule.pivot),
            category=one(rule.category),
            source_file=one(rule.source_file),
        )
        for rule in rules
    ]
    patterns: dict[Hashable, bytes] = {}

    def keep(key: Hashable, pattern) -> None:
        if key not in patterns:
            patterns[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)

    for rule in stored:  # the stored rules' context terms: one copy of each in the cache, not two
        sources = ([rule.pattern] if rule.kind == "regex" and rule.pattern else []) + list(rule.antipatterns)
        for source in sources:
            keep(("pattern", source, rule.case_sensitive), compile_pattern(source, rule.case_sensitive))
        context = rule.context
        for terms in (context.document, context.near, context.not_document, context.after):
            if terms:
                keep(("terms", tuple(terms), ""), terms_pattern(tuple(terms), ""))
        if context.before:
            keep(("terms", tuple(context.before), "$"), terms_pattern(tuple(context.before), "$"))
        if rule.kind == "detector":
            from .detectors import build

            detector = build(rule.detector, dict(rule.options))  # imports its module: its patterns compile
            # ... and its own examples make it compile what it builds on first use (a pattern
            # made from its word classes), which compile_regex then remembers for the cache.
            for example in [*(b.text for b in rule.bad), *rule.good]:
                try:
                    list(detector.find(example))
                except Exception:
                    pass  # the rule tests report a detector that fails on its examples
    for key, pattern in _SEEN.items():
        keep(key, pattern)
    from .loader import default_rules_dir, read_class

    for path in sorted((default_rules_dir() / "classes").glob("*.txt")):  # what word_class reads
        keep(("class", str(path)), read_class(path))
    return [LazyRule.of(rule, index if rule.kind in ("phrase", "regex") else None) for rule in stored], patterns


# What a run reads of a rule only when the rule reports, runs its pattern or is shown.
DEFERRED = ("fix", "message", "explanation", "phrases", "pattern", "replacements", "keep_case", "confidence", "bad",
            "good", "source_file", "source_line")


class LazyRule(Rule):
    """A compiled pack's rule with the fields of DEFERRED kept pickled until one is read.

    Building an engine reads every rule's id, kind, pivot, context, triggers and antipatterns;
    a short text then runs a few dozen rules and reports fewer. Unpickling the message,
    explanation, pattern, examples and place of definition of all 3,000 rules was a fifth of a
    one-line check's start-up. It is a `Rule` in every other way (fields, equality, pickling);
    a copy made with `dataclasses.replace` is a plain `Rule`.
    """

    def __new__(cls, *args, **kwargs):
        if args or kwargs:  # dataclasses.replace() and the like build a plain Rule
            return Rule(*args, **kwargs)
        return object.__new__(cls)

    @classmethod
    def of(cls, rule: Rule, index: PhraseIndex | None = None) -> "LazyRule":
        """`rule`, deferred; `index` holds its phrase keys (or its regex triggers)."""
        lazy = object.__new__(cls)
        state = lazy.__dict__
        for field in dataclasses.fields(rule):
            if field.name not in DEFERRED:
                state[field.name] = getattr(rule, field.name)
        state["phrase_index"] = index
        deferred = {name: getattr(rule, name) for name in DEFERRED}
        state["_deferred"] = pickle.dumps(deferred, protocol=pickle.HIGHEST_PROTOCOL)
        return lazy

    # The index that holds this rule's phrase keys or regex triggers (the matcher reads it instead
    # of the phrases): a plain attribute, read for every rule when an engine is built.
    phrase_index: PhraseIndex | None = None

    def _read(self) -> dict:
        state = self.__dict__
        read = state.get("_loaded")
        if read is None:
            read = state["_loaded"] = pickle.loads(self._deferred_bytes())
        return read

    def _deferred_bytes(self):
        deferred = self.__dict__["_deferred"]
        return self.__dict__["_blobs"].get(deferred) if type(deferred) is int else deferred

    def __reduce__(self):
        # object.__new__ directly: unpickling thousands of rules should not call __new__ above,
        # a Python function, once each.
        return object.__new__, (type(self),), self.__getstate__()

    def __getstate__(self) -> dict:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_loaded", "_blobs")}
        if "_blobs" in self.__dict__:  # read from a cache file: pickled self-contained
            state["_deferred"] = bytes(self._deferred_bytes())
        return state

    def __eq__(self, other) -> bool:  # equal to the plain Rule of the same fields
        if not isinstance(other, Rule):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(Rule))

    __hash__ = Rule.__hash__


for _name in DEFERRED:
    setattr(LazyRule, _name, property(lambda self, name=_name: self._read()[name]))

# The other fields' defaults, as class attributes: a cache file stores only the fields of a rule
# that differ from them (most rules have no antipatterns, context, detector or options), which
# makes thousands of rules quicker to unpickle.
_DEFAULTS: dict[str, object] = {}
for _field in dataclasses.fields(Rule):
    if _field.name in DEFERRED:
        continue
    if _field.default is not dataclasses.MISSING:
        _DEFAULTS[_field.name] = _field.default
    elif _field.default_factory is not dataclasses.MISSING:
        _DEFAULTS[_field.name] = _field.default_factory()
        setattr(LazyRule, _field.name, _DEFAULTS[_field.name])
_DEFAULTS["phrase_index"] = None


MAGIC = b"transfix-rules\x00\x01"  # 16 bytes; then the header's and the region's lengths


def dump(rules: list, patterns: dict[Hashable, bytes]) -> bytes:
    """The compiled packs (compile_rules) as a cache file: MAGIC, two lengths, the pickled
    header (the rules' eager fields, their phrase indexes and a digest -> place table of the
    patterns), then the region of everything kept pickled, named by place (Blobs.get)."""
    region = bytearray()

    def put(blob: bytes) -> int:
        where = len(region) << 32 | len(blob)
        region.extend(blob)
        return where

    indexes: dict[int, PhraseIndex] = {}

    def stored_index(index: PhraseIndex) -> PhraseIndex:
        copy = indexes.get(id(index))
        if copy is None:
            copy = indexes[id(index)] = object.__new__(PhraseIndex)
            copy.__setstate__({
                "longest": index.longest, "free": index.free,
                "shards": {lower: {prefix: put(index._blob(blob)) for prefix, blob in table.items()}
                           for lower, table in index.shards.items()},
            })
        return copy

    stored = []
    for rule in rules:
        state = {k: v for k, v in rule.__dict__.items()
                 if k not in ("_loaded", "_blobs", "_deferred") and not (k in _DEFAULTS and v == _DEFAULTS[k])}
        state["_deferred"] = put(bytes(rule._deferred_bytes()))
        if state.get("phrase_index") is not None:
            state["phrase_index"] = stored_index(state["phrase_index"])
        copy = object.__new__(LazyRule)
        copy.__dict__.update(state)
        stored.append(copy)
    table = {digest(key): put(blob) for key, blob in patterns.items()}
    header = pickle.dumps((stored, list(indexes.values()), table), protocol=pickle.HIGHEST_PROTOCOL)
    return b"".join((MAGIC, len(header).to_bytes(8, "little"), len(region).to_bytes(8, "little"), header, region))


def load(view: memoryview) -> tuple[list, dict[bytes, int], Blobs]:
    """What dump() wrote, from a buffer (a mapped file): the rules, the patterns' table and the
    region both name places in. Raises ValueError on a file of another format or a cut one."""
    start = len(MAGIC) + 16
    if len(view) < start or bytes(view[:len(MAGIC)]) != MAGIC:
        raise ValueError("not a transfix rule cache")
    header = int.from_bytes(view[len(MAGIC):len(MAGIC) + 8], "little")
    size = int.from_bytes(view[len(MAGIC) + 8:start], "little")
    if len(view) != start + header + size:
        raise ValueError("a cut rule cache")
    rules, indexes, table = pickle.loads(view[start:start + header])
    blobs = Blobs(view[start + header:])
    for rule in rules:
        rule.__dict__["_blobs"] = blobs
    for index in indexes:
        index._blobs = blobs
    return rules, table, blobs


# The patterns code compiled through compile_regex() in this process, for the next cache build.
_SEEN: dict[Hashable, object] = {}


def compile_regex(pattern: str, flags: int = 0):
    """`regex.compile` for the code's own fixed patterns (the detectors'): loaded precompiled
    when the rule cache has them, and remembered so that the next cache build keeps them. Not
    for patterns built from a text: the cache would grow with every document."""
    import regex

    return remembered(("regex", pattern, int(flags)), lambda: regex.compile(pattern, flags))


def remembered(key: Hashable, build: Callable[[], object]):
    """`build()`, or what the rule cache keeps under `key`; remembered in this process, and kept
    by the next cache build. For what the code derives from the shipped packs, never from a text."""
    found = _SEEN.get(key)
    if found is None:
        found = _SEEN[key] = precompiled(key, build)
    return found

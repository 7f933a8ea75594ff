"""Read rule packs (TOML) into validated `Rule` records.

Every problem is reported as `file:line: rule-id: what is wrong`, so an author can jump to it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import stat
from pathlib import Path
from typing import Any, Iterable

import regex

from .errors import RuleError
from .model import BadExample, Context, FixLevel, Rule

PACK_KEYS = {"name", "pivot", "category", "fix", "confidence", "description"}
RULE_KEYS = {
    "id", "kind", "phrases", "pattern", "replacement", "replacements", "case_sensitive",
    "keep_case", "antipatterns", "context", "fix", "category", "pivot", "message",
    "explanation", "confidence", "bad", "good", "triggers", "detector", "options",
}
CONTEXT_KEYS = {"document", "near", "window", "not_document", "after", "before", "reach", "roundtrip"}
KINDS = {"phrase", "regex", "detector"}
# `@name` in a context list stands for the words of rules/classes/name.txt (one per line).
CLASS_REFERENCE = re.compile(r"^@([a-z0-9][a-z0-9-]*)$")
RULE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PACK_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$")

# Packs are untrusted input: past these sizes something is wrong with the file, not the machine.
MAX_PACK_BYTES = 16 * 1024 * 1024
MAX_RULES_PER_PACK = 20_000
MAX_PHRASES_PER_PACK = 500_000
MAX_PATTERN_LENGTH = 5_000


def pattern_flags(case_sensitive: bool) -> int:
    """Rule patterns use regex's V0 syntax with simple case folding: full Unicode case folding
    (V1's default) makes compiling hundreds of case-insensitive patterns take seconds."""
    return regex.V0 if case_sensitive else regex.V0 | regex.IGNORECASE


@functools.lru_cache(maxsize=None)
def compile_pattern(pattern: str, case_sensitive: bool) -> regex.Pattern:
    """Compiled once per process, whoever asks first (the loader or the matcher); a shipped
    pattern comes precompiled from the rule cache (compiled.py)."""
    from .compiled import precompiled

    source = pattern if case_sensitive else keep_case_classes(pattern)
    return precompiled(
        ("pattern", pattern, case_sensitive), lambda: regex.compile(source, pattern_flags(case_sensitive))
    )


_CASED = regex.compile(r"\\[pP]\{\^?(?:Lu|Ll|Lt|L&|Uppercase_Letter|Lowercase_Letter|Titlecase_Letter|"
                       r"Upper|Lower|Uppercase|Lowercase|IsUpper|IsLower)\}")


def keep_case_classes(pattern: str) -> str:
    """In a case-insensitive pattern, `regex` lets \\p{Lu} and \\p{Ll} match letters of either case;
    a rule that names them means upper or lower case. Each such class, or the [...] set that
    holds one, is matched case-sensitively: `(?-i:\\p{Lu})`."""
    if not _CASED.search(pattern):
        return pattern
    out, i, size = [], 0, len(pattern)
    while i < size:
        char = pattern[i]
        if char == "\\":
            cased = _CASED.match(pattern, i)
            step = cased.end() - i if cased else 2
            piece = pattern[i:i + step]
            out.append(f"(?-i:{piece})" if cased else piece)
            i += step
        elif char == "[":  # V0 sets do not nest; a "]" right after "[" or "[^" is a literal
            end = i + 1 + (pattern.startswith("^", i + 1))
            end += pattern.startswith("]", end)
            while end < size and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            piece = pattern[i:end + 1]
            out.append(f"(?-i:{piece})" if _CASED.search(piece) else piece)
            i = end + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def default_rules_dir() -> Path:
    """The packs shipped with transfix: inside the wheel, or `rules/` of a source checkout."""
    # Beside this module, as importlib.resources.files("transfix") finds it for an installed
    # package (importing importlib.resources and zipfile would cost a tenth of a pre-commit run).
    packaged = Path(__file__).resolve().parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def pack_files(root: Path) -> list[tuple[str, Path]]:
    """(pack name, file) for a directory of packs or a single pack file, in a stable order."""
    if root.is_file():
        return [(root.stem, root)]
    if not root.is_dir():
        problem = "not a regular file (a pipe, socket or device)" if root.exists() else "no such rule file or directory"
        raise RuleError(str(root), 0, "-", problem)
    found = []
    for path in sorted(root.rglob("*.toml")):
        relative = path.relative_to(root).with_suffix("")
        found.append((".".join(relative.parts), path))
    return found


def load_rules(roots: Iterable[Path], trusted: Iterable[Path] = ()) -> list[Rule]:
    """Rules of every pack under `roots`. Patterns of packs under a `trusted` root (the shipped
    packs, whose examples the test suite runs) are compiled on first use instead of at load."""
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    trusted_roots = {Path(t).resolve() for t in trusted}
    for root in roots:
        root = Path(root)
        if root.resolve() in trusted_roots and root.is_dir():
            from .rulecache import cached

            loaded = cached(root, lambda: _load_root(root, check=False))
        else:
            loaded = _load_root(root, check=True)
        for rule in loaded:
            if rule.id in seen:
                raise RuleError(
                    rule.source_file, rule.source_line, rule.id,
                    f"duplicate rule id (first defined at {seen[rule.id].where})",
                )
            seen[rule.id] = rule
            rules.append(rule)
    return rules


def _load_root(root: Path, check: bool) -> list[Rule]:
    calibrated = calibration(root)
    rules = []
    for pack_name, path in pack_files(root):
        for rule in load_pack(path, pack_name, check_patterns=check):
            if rule.id in calibrated:
                rule = dataclasses.replace(rule, confidence=calibrated[rule.id])
            if rule.kind == "regex" and not rule.triggers and not check:
                # Derived once here, so that the rule cache keeps them (see rulecache.py).
                from .triggers import derive_triggers

                rule = dataclasses.replace(rule, triggers=tuple(derive_triggers(rule.pattern)))
            rules.append(rule)
    return rules


CALIBRATION = "calibration.json"


def calibration(root: Path) -> dict[str, float]:
    """Confidences measured on annotated text (`calibration.json` beside the packs, written by
    tools/calibrate.py): {rule id: share of its findings that were real damage, smoothed}."""
    path = root / CALIBRATION
    if not root.is_dir() or not path.is_file():
        return {}
    try:
        import json  # only when the packs are read (the rule cache keeps the result)

        data = json.loads(path.read_text(encoding="utf-8"))
        table = data["rules"]
        return {str(k): float(v) for k, v in table.items() if 0 <= float(v) <= 1}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RuleError(str(path), 0, "-", f"invalid calibration file: {exc}") from None


def load_pack(path: Path, default_name: str | None = None, check_patterns: bool = True) -> list[Rule]:
    shown = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise RuleError(shown, 0, "-", "not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_PACK_BYTES:
            raise RuleError(shown, 0, "-", f"pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleError(shown, 0, "-", f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_PACK_BYTES:
        raise RuleError(shown, 0, "-", f"pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB")
    import tomllib  # a run that loads the rule cache parses no TOML

    try:
        source = raw.decode("utf-8")
        data = tomllib.loads(source)
    except UnicodeDecodeError as exc:
        raise RuleError(shown, 0, "-", f"not UTF-8 (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc), source)
        raise RuleError(shown, line, "-", f"invalid TOML: {_strip_position(str(exc))}") from None
    except RecursionError:
        raise RuleError(shown, 0, "-", "invalid TOML: nested too deeply") from None
    rule_lines = _rule_header_lines(source)
    field_lines = _field_lines(source, rule_lines)

    unknown = set(data) - {"pack", "rule"}
    if unknown:
        raise RuleError(shown, 1, "-", f"unknown top-level key {sorted(unknown)[0]!r}")
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise RuleError(shown, 1, "-", "[pack] must be a table")
    bad_keys = set(header) - PACK_KEYS
    if bad_keys:
        raise RuleError(shown, 1, "-", f"unknown [pack] key {sorted(bad_keys)[0]!r}")
    name = header.get("name", default_name or path.stem)
    if not isinstance(name, str) or not PACK_NAME.match(name):
        raise RuleError(shown, 1, "-", f"invalid pack name {name!r}")

    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise RuleError(shown, 1, "-", "`rule` must be an array of tables ([[rule]])")
    if len(entries) > MAX_RULES_PER_PACK:
        raise RuleError(shown, 1, "-", f"more than {MAX_RULES_PER_PACK} rules in one pack")

    rules, ids, phrase_total = [], set(), 0
    for index, entry in enumerate(entries):
        line = rule_lines[index] if index < len(rule_lines) else 1
        fields = field_lines[index] if index < len(field_lines) else {}
        rule = _build_rule(entry, header, name, shown, line, fields, check_patterns)
        if rule.id in ids:
            raise RuleError(shown, line, rule.id, "duplicate rule id")
        ids.add(rule.id)
        phrase_total += len(rule.phrases)
        if phrase_total > MAX_PHRASES_PER_PACK:
            raise RuleError(shown, line, rule.id, f"more than {MAX_PHRASES_PER_PACK} phrases")
        rules.append(rule)
    return rules


def _build_rule(
    entry: Any, header: dict, pack: str, path: str, line: int, fields: dict[str, int],
    check_patterns: bool = True,
) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(path, line, "-", "a rule must be a table")
    local = entry.get("id")
    if not isinstance(local, str) or not RULE_NAME.match(local):
        raise RuleError(path, line, str(local or "-"), "missing or invalid id (use a-z, 0-9, -)")
    rule_id = f"{pack}.{local}"

    def fail(problem: str) -> RuleError:
        # Point at the field the problem is about when we can tell which one it is.
        named = re.search(r"`([a-z_]+)|\b(pattern|antipattern|replacement|phrase|fix|kind|context)\b", problem)
        field = next((g for g in named.groups() if g), None) if named else None
        field = {"antipattern": "antipatterns", "phrase": "phrases"}.get(field, field)
        return RuleError(path, fields.get(field, line), rule_id, problem)

    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise fail(f"unknown field {sorted(unknown)[0]!r}")

    kind = entry.get("kind", "phrase")
    if kind not in KINDS:
        raise fail(f"kind must be one of {sorted(KINDS)}, not {kind!r}")
    fix_value = entry.get("fix", header.get("fix", "suggest"))
    try:
        fix = FixLevel(fix_value)
    except ValueError:
        raise fail(f"fix must be safe, unsafe or suggest, not {fix_value!r}") from None
    category = _string(entry.get("category", header.get("category")), "category", fail)
    pivot = _string_list(entry.get("pivot", header.get("pivot", ["any"])), "pivot", fail)
    if not pivot:
        raise fail("pivot must name at least one language (or 'any')")
    message = _string(entry.get("message"), "message", fail)
    if "\n" in message or "\r" in message:
        raise fail("`message` is one line (the explanation may have several)")
    explanation = _string(entry.get("explanation"), "explanation", fail)
    confidence = entry.get("confidence", header.get("confidence", 0.8))
    if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise fail("confidence must be a number between 0 and 1")
    case_sensitive = _bool(entry.get("case_sensitive", False), "case_sensitive", fail)
    keep_case = _bool(entry.get("keep_case", kind == "phrase"), "keep_case", fail)
    antipatterns = _string_list(entry.get("antipatterns", []), "antipatterns", fail)
    if check_patterns:
        for pattern in antipatterns:
            _compile(pattern, case_sensitive, fail, "antipattern")
    context = _context(entry.get("context", {}), fail)

    phrases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    triggers: tuple[str, ...] = ()
    pattern = None
    replacements: tuple[str, ...] = ()
    detector, options = None, ()
    if kind != "detector" and ("detector" in entry or "options" in entry):
        raise fail("`detector` and `options` belong to detector rules (kind = \"detector\")")
    if kind == "detector":
        for name in ("phrases", "pattern", "replacement", "replacements", "triggers"):
            if name in entry:
                raise fail(f"a detector rule takes `detector` and `options`, not `{name}`")
        detector, options = _detector(entry, fail)
    elif kind == "phrase":
        if "pattern" in entry or "replacement" in entry or "replacements" in entry:
            raise fail("a phrase rule takes `phrases`, not pattern/replacement")
        if "triggers" in entry:
            raise fail("`triggers` is for regex rules; a phrase is its own trigger")
        phrases = _phrases(entry.get("phrases"), case_sensitive, fail)
    else:
        if "phrases" in entry:
            raise fail("a regex rule takes `pattern` and `replacement`, not `phrases`")
        pattern = _string(entry.get("pattern"), "pattern", fail)
        if len(pattern) > MAX_PATTERN_LENGTH:
            raise fail(f"pattern longer than {MAX_PATTERN_LENGTH} characters")
        _check_repeats(pattern, fail, "pattern")
        compiled = _compile(pattern, case_sensitive, fail, "pattern") if check_patterns else None
        if "replacement" in entry and "replacements" in entry:
            raise fail("give `replacement` or `replacements`, not both")
        if "replacement" in entry:
            replacements = (_string(entry["replacement"], "replacement", fail, empty=True),)
        else:
            replacements = tuple(_string_list(entry.get("replacements", []), "replacements", fail))
        for template in replacements if compiled is not None else ():
            _check_template(compiled, template, fail)
        triggers = tuple(_string_list(entry.get("triggers", []), "triggers", fail))

    bad = _bad_examples(entry.get("bad", []), fail)
    good = tuple(_string_list(entry.get("good", []), "good", fail))
    if not bad:
        raise fail("no `bad` example: every rule needs text it fires on, with its repair")
    if not good:
        raise fail("no `good` example: every rule needs a near-miss it must not fire on")

    return Rule(
        id=rule_id, kind=kind, fix=fix, category=category, pivot=tuple(pivot), message=message,
        explanation=explanation, phrases=phrases, pattern=pattern, replacements=replacements,
        case_sensitive=case_sensitive, keep_case=keep_case, antipatterns=tuple(antipatterns),
        context=context, confidence=float(confidence), bad=bad, good=good, triggers=triggers,
        detector=detector, options=options, source_file=path, source_line=line,
    )


def _detector(entry: dict, fail) -> tuple[str, tuple[tuple[str, Any], ...]]:
    from .detectors import DETECTORS

    name = entry.get("detector")
    if name not in DETECTORS:
        raise fail(f"detector must be one of {sorted(DETECTORS)}, not {name!r}")
    options = entry.get("options", {})
    if not isinstance(options, dict):
        raise fail("`options` must be a table")
    frozen = tuple(sorted((key, _freeze(value)) for key, value in options.items()))
    try:
        DETECTORS[name].validate(dict(frozen))
    except ValueError as exc:
        raise fail(f"options: {exc}") from None
    return name, frozen


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def _string(value: Any, name: str, fail, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise fail(f"`{name}` must be a non-empty string")
    return value


def _bool(value: Any, name: str, fail) -> bool:
    if not isinstance(value, bool):
        raise fail(f"`{name}` must be true or false")
    return value


def _string_list(value: Any, name: str, fail) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise fail(f"`{name}` must be a list of non-empty strings")
    return value


# `a{1000000000}` compiles to a program of that size: the regex module would take gigabytes.
MAX_REPEAT = 1_000
_REPEAT = regex.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")


def _check_repeats(pattern: str, fail, what: str) -> None:
    for match in _REPEAT.finditer(pattern):
        if any(bound and int(bound) > MAX_REPEAT for bound in match.groups()):
            raise fail(f"{what} repeats more than {MAX_REPEAT} times ({match.group()})")


def _compile(pattern: str, case_sensitive: bool, fail, what: str):
    _check_repeats(pattern, fail, what)
    try:
        compiled = compile_pattern(pattern, case_sensitive)
    except (regex.error, ValueError, OverflowError) as exc:
        raise fail(f"{what} does not compile: {exc}") from None
    if compiled.search("") is not None and what == "pattern":
        raise fail("pattern matches the empty string")
    return compiled


_TEMPLATE_ESCAPE = regex.compile(r"\\(?:\d{1,2}|g<[^>]*>|[ntrfvab\\]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|N\{[^}]+\}|[^A-Za-z0-9])")


def _check_template(compiled, template: str, fail) -> None:
    # An unknown escape (\q) or a trailing backslash would only fail at the first match.
    leftover = _TEMPLATE_ESCAPE.sub("", template)
    if "\\" in leftover:
        bad = leftover[leftover.index("\\"):][:2]
        raise fail(f"replacement has an invalid escape {bad!r}")
    # A template naming a group the pattern lacks would only fail at match time; find it now.
    for match in regex.finditer(r"\\(\d+)|\\g<([^>]*)>", template):
        number, name = match.groups()
        reference = number if number is not None else name
        if reference.isdigit():
            if int(reference) > compiled.groups:
                raise fail(f"replacement refers to group {reference}, pattern has {compiled.groups}")
        elif reference not in compiled.groupindex:
            raise fail(f"replacement refers to unknown group {reference!r}")


def _phrases(value: Any, case_sensitive: bool, fail) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict) or not value:
        raise fail("`phrases` must be a non-empty table of phrase = replacement")
    result, seen = [], set()
    for phrase, target in value.items():
        if not phrase.strip() or phrase != phrase.strip() or "  " in phrase:
            raise fail(f"phrase {phrase!r} must be trimmed, with single spaces")
        key = phrase if case_sensitive else phrase.lower()
        if key in seen:
            raise fail(f"phrase {phrase!r} is listed twice")
        seen.add(key)
        targets = [target] if isinstance(target, str) else target
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise fail(f"replacement of {phrase!r} must be a string or a list of strings")
        if any((t if case_sensitive else t.lower()) == key for t in targets):
            raise fail(f"phrase {phrase!r} is replaced by itself")
        result.append((phrase, tuple(targets)))
    return tuple(result)


def _context(value: Any, fail) -> Context:
    if not isinstance(value, dict):
        raise fail("`context` must be a table")
    unknown = set(value) - CONTEXT_KEYS
    if unknown:
        raise fail(f"unknown context key {sorted(unknown)[0]!r}")
    window = value.get("window", 12)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 200:
        raise fail("context.window must be a whole number of words from 1 to 200")
    reach = value.get("reach", 3)
    if not isinstance(reach, int) or isinstance(reach, bool) or not 1 <= reach <= 20:
        raise fail("context.reach must be a whole number of words from 1 to 20")
    roundtrip = value.get("roundtrip", False)
    if not isinstance(roundtrip, bool):
        raise fail("context.roundtrip must be true or false")

    def terms(key: str) -> tuple[str, ...]:
        listed = _string_list(value.get(key, []), f"context.{key}", fail)
        expanded: list[str] = []
        for term in listed:
            reference = CLASS_REFERENCE.match(term)
            if reference is None:
                expanded.append(term)
                continue
            try:
                expanded.extend(word_class(reference.group(1)))
            except KeyError:
                raise fail(f"context.{key}: no word class {term!r} (rules/classes/*.txt)") from None
        return tuple(expanded)

    return Context(
        document=terms("document"), near=terms("near"), window=window,
        not_document=terms("not_document"), after=terms("after"), before=terms("before"), reach=reach,
        roundtrip=roundtrip,
    )


@functools.lru_cache(maxsize=None)
def word_class(name: str) -> tuple[str, ...]:
    """The words of a shipped word class (rules/classes/NAME.txt: one word or phrase a line)."""
    body, plain = _class_text(name)
    if plain:  # the generated lists (tens of thousands of bare words) take this path at C speed
        return tuple(filter(None, body.splitlines()))
    return tuple(word for word in (line.split("#", 1)[0].strip() for line in body.splitlines()) if word)


def word_class_text(name: str) -> str:
    """The words of a word class as one string, a word a line (a membership test by substring
    search needs no tuple of tens of thousands of strings)."""
    body, plain = _class_text(name)
    return body if plain else "\n".join(word_class(name))


def _class_text(name: str) -> tuple[str, bool]:
    """The file's text after its header of comment lines, and whether that is bare words (kept
    in the rule cache: telling takes a regex pass over lists of tens of thousands of words)."""
    from .compiled import precompiled

    path = default_rules_dir() / "classes" / f"{name}.txt"
    return precompiled(("class", str(path)), lambda: read_class(path))


def read_class(path: Path) -> tuple[str, bool]:
    if not path.is_file():
        raise KeyError(path.stem)
    text = path.read_text(encoding="utf-8")
    body = text
    while body.startswith("#"):  # a header of comment lines (the generated lists have one)
        body = body.partition("\n")[2]
    if "#" not in body and "\r" not in body and not _PADDED_LINE.search(body):
        return body, True
    return text, False


_PADDED_LINE = re.compile(r"^[^\S\n]|[^\S\n]$", re.MULTILINE)


def _bad_examples(value: Any, fail) -> tuple[BadExample, ...]:
    if not isinstance(value, list):
        raise fail("`bad` must be a list of { text = ..., fixed = ... }")
    examples = []
    for item in value:
        if (
            not isinstance(item, dict)
            or set(item) != {"text", "fixed"}
            or not all(isinstance(v, str) for v in item.values())
        ):
            raise fail("each `bad` example must be { text = \"...\", fixed = \"...\" }")
        examples.append(BadExample(item["text"], item["fixed"]))
    return tuple(examples)


def _rule_header_lines(source: str) -> list[int]:
    return [
        number
        for number, text in enumerate(source.splitlines(), start=1)
        if text.strip().startswith("[[rule]]")
    ]


def _field_lines(source: str, headers: list[int]) -> list[dict[str, int]]:
    """For each [[rule]] block, the line where each of its top-level keys is set."""
    lines = source.splitlines()
    blocks = []
    for index, start in enumerate(headers):
        end = headers[index + 1] - 1 if index + 1 < len(headers) else len(lines)
        found: dict[str, int] = {}
        for number in range(start + 1, end + 1):
            match = re.match(r"\s*([A-Za-z_]+)\s*=", lines[number - 1])
            if match and match.group(1) not in found:
                found[match.group(1)] = number
        blocks.append(found)
    return blocks


def _toml_error_line(message: str, source: str) -> int:
    match = re.search(r"at line (\d+)", message)
    if match:
        return int(match.group(1))
    return source.count("\n") + 1 if "end of document" in message else 0


def _strip_position(message: str) -> str:
    return re.sub(r"\s*\((?:at line \d+, column \d+|at end of document)\)", "", message)

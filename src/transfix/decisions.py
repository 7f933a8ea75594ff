"""Review decisions: what an editor accepted, rejected or rewrote, and applying them to files.

A decisions file is JSON, made by the HTML report's export or by `transfix review`:

    {"version": 1, "kind": "transfix-decisions",
     "files": [{"path": "a.txt", "sha256": "<of the file's bytes when reviewed>",
                "decisions": [{"rule": "...", "start": 10, "end": 13, "text": "RPC",
                               "replacement": "PRC", "accepted": true}, ...]}]}

Offsets are code points into the decoded file, as in every transfix finding. `apply` refuses a
file whose bytes changed since the review, and a decision whose `text` is no longer at its offsets.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import InputError
from .model import Finding
from .textio import Document, check_regular, read_document, write_atomic

KIND = "transfix-decisions"
VERSION = 1


@dataclass(frozen=True)
class Decision:
    """A reviewer's verdict on one finding, kept so that an apply can replay it."""

    rule: str
    start: int
    end: int
    text: str
    replacement: str
    accepted: bool

    @classmethod
    def from_finding(cls, finding: Finding, accepted: bool, replacement: str | None = None) -> "Decision":
        chosen = replacement if replacement is not None else (finding.replacement or "")
        return cls(finding.rule, finding.start, finding.end, finding.text, chosen, accepted)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decisions_document(entries: Iterable[tuple[Document, Sequence[Decision]]]) -> dict[str, Any]:
    return {
        "version": VERSION,
        "kind": KIND,
        "files": [
            {"path": document.path, "sha256": sha256(document.raw),
             "decisions": [decision.__dict__ for decision in decisions]}
            for document, decisions in entries
        ],
    }


def apply_decisions_text(text: str, decisions: Sequence[Decision], path: str = "") -> str:
    """The text with every accepted decision applied; decisions must not overlap."""
    parts, position, previous = [], 0, None
    for decision in sorted((d for d in decisions if d.accepted), key=lambda d: (d.start, d.end)):
        if decision.end > len(text):
            raise InputError(f"{path}: {decision.rule} at {decision.start}: past the end of the file; nothing applied")
        if text[decision.start:decision.end] != decision.text:
            raise InputError(f"{path}: {decision.rule} at {decision.start}: expected {decision.text!r}, "
                             f"found {text[decision.start:decision.end]!r}; nothing applied")
        if decision.start < position or (
            previous is not None and decision.start == previous.start == previous.end == decision.end
        ):
            raise InputError(f"{path}: {decision.rule} at {decision.start} overlaps another accepted change; "
                             "nothing applied")
        parts += [text[position:decision.start], decision.replacement]
        position, previous = decision.end, decision
    parts.append(text[position:])
    return "".join(parts)


MAX_DECISIONS_BYTES = 64 * 1024 * 1024


def load(path: str) -> list[dict[str, Any]]:
    try:
        check_regular(path, MAX_DECISIONS_BYTES)
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))  # editors may add a BOM
    except FileNotFoundError:
        raise InputError(f"{path}: no such decisions file") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = {"UnicodeDecodeError": "not UTF-8", "RecursionError": "nested too deeply"}.get(
            type(exc).__name__, "not JSON" if isinstance(exc, ValueError) else getattr(exc, "strerror", None) or "unreadable")
        raise InputError(f"{path}: not a decisions file ({reason})") from None
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("version") != VERSION:
        raise InputError(f"{path}: not a transfix decisions file (version {VERSION})")
    files = data.get("files")
    if not isinstance(files, list):
        raise InputError(f"{path}: `files` must be a list")
    for number, entry in enumerate(files, 1):
        problem = _entry_problem(entry)
        if problem:
            raise InputError(f"{path}: file entry {number}: {problem}; nothing applied")
    return files


_DECISION_FIELDS = {"rule": str, "start": int, "end": int, "text": str, "replacement": str, "accepted": bool}


def _entry_problem(entry: Any) -> str | None:
    """What is wrong with one file entry, checked strictly: a decisions file is untrusted input."""
    if not isinstance(entry, dict):
        return "not an object"
    if not isinstance(entry.get("path"), str) or not entry["path"] or "\0" in entry["path"]:
        return "`path` must be a non-empty string"
    if not isinstance(entry.get("sha256"), str):
        return "`sha256` must be a string"
    if not isinstance(entry.get("decisions"), list):
        return "`decisions` must be a list"
    for index, decision in enumerate(entry["decisions"]):
        if not isinstance(decision, dict):
            return f"decision {index}: not an object"
        for name, kind in _DECISION_FIELDS.items():
            value = decision.get(name)
            # bool is an int in Python: offsets must be real integers, `accepted` a real boolean.
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                return f"decision {index}: `{name}` must be {'an integer' if kind is int else kind.__name__}"
        if not 0 <= decision["start"] <= decision["end"]:
            return f"decision {index}: needs 0 <= start <= end"
    return None


def _decisions(entry: dict[str, Any]) -> list[Decision]:
    return [Decision(d["rule"], d["start"], d["end"], d["text"], d["replacement"], d["accepted"])
            for d in entry["decisions"]]


def confined(path: str, root: Path) -> Path:
    """`path` resolved (symbolic links followed) inside `root`, or an error: a decisions file is
    untrusted and may only change files under the directory where the report was made."""
    candidate = Path(path)
    resolved = (candidate if candidate.is_absolute() else root / candidate).resolve()
    if resolved != root and root not in resolved.parents:
        raise InputError(f"{path}: outside {root} (where the decisions are applied); nothing applied")
    return resolved


def apply_file(decisions_path: str, base: Path | None = None) -> list[tuple[str, int]]:
    """Apply a decisions file; returns (path, number of changes applied) per changed file.

    Paths are confined to `base` (default: the working directory). Every file is checked before
    any is written, so a stale or malformed review changes nothing at all; if a write still fails,
    the error names the files already written.
    """
    root = (base or Path.cwd()).resolve()
    planned, seen = [], {}
    for entry in load(decisions_path):
        target = confined(entry["path"], root)
        if target in seen:
            raise InputError(f"{entry['path']}: listed twice (also as {seen[target]}); nothing applied")
        seen[target] = entry["path"]
        document = read_document(str(target))
        if sha256(document.raw) != entry["sha256"]:
            raise InputError(f"{entry['path']}: changed since the report was made; nothing applied "
                             "(make a new report and review again)")
        decisions = _decisions(entry)
        accepted = sum(d.accepted for d in decisions)
        new_text = apply_decisions_text(document.text, decisions, entry["path"])
        if new_text != document.text:
            planned.append((entry["path"], document, new_text, accepted))
    written: list[str] = []
    for shown, document, new_text, _ in planned:
        try:
            write_atomic(document, new_text)
        except Exception as exc:
            done = f"; already written: {', '.join(written)}" if written else "; nothing was written"
            raise InputError(f"{shown}: cannot write ({exc}){done}") from None
        written.append(shown)
    return [(shown, accepted) for shown, _, _, accepted in planned]

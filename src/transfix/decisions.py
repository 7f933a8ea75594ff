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
from .textio import Document, read_document, write_atomic

KIND = "transfix-decisions"
VERSION = 1


@dataclass(frozen=True)
class Decision:
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
    parts, position = [], 0
    for decision in sorted((d for d in decisions if d.accepted), key=lambda d: (d.start, d.end)):
        if text[decision.start:decision.end] != decision.text:
            raise InputError(f"{path}: {decision.rule} at {decision.start}: expected {decision.text!r}, "
                             f"found {text[decision.start:decision.end]!r}; not applied")
        if decision.start < position:
            raise InputError(f"{path}: {decision.rule} at {decision.start} overlaps another accepted change")
        parts += [text[position:decision.start], decision.replacement]
        position = decision.end
    parts.append(text[position:])
    return "".join(parts)


def load(path: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such decisions file") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a decisions file ({exc})") from None
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("version") != VERSION:
        raise InputError(f"{path}: not a transfix decisions file (version {VERSION})")
    return data.get("files", [])


def _decisions(entry: dict[str, Any], source: str) -> list[Decision]:
    try:
        return [Decision(str(d["rule"]), int(d["start"]), int(d["end"]), str(d["text"]),
                         str(d["replacement"]), bool(d["accepted"])) for d in entry["decisions"]]
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{source}: malformed decision for {entry.get('path', '?')}") from None


def apply_file(decisions_path: str, base: Path | None = None) -> list[tuple[str, int]]:
    """Apply a decisions file; returns (path, number of changes applied) per changed file.

    Every file is checked before any is written, so a stale review changes nothing at all.
    """
    planned = []
    for entry in load(decisions_path):
        path = str((base / entry["path"]) if base and not Path(entry["path"]).is_absolute() else entry["path"])
        document = read_document(path)
        if sha256(document.raw) != entry.get("sha256"):
            raise InputError(f"{path}: changed since the report was made; nothing applied "
                             "(make a new report and review again)")
        decisions = _decisions(entry, decisions_path)
        accepted = sum(d.accepted for d in decisions)
        new_text = apply_decisions_text(document.text, decisions, path)
        if new_text != document.text:
            planned.append((document, new_text, accepted))
    for document, new_text, _ in planned:
        write_atomic(document, new_text)
    return [(document.path, accepted) for document, _, accepted in planned]

"""Interactive review in the terminal, one finding at a time, like `git add -p`.

Answers are read one per line, so keys can come from a pipe as well as from a person:
  y  apply this change          n  leave it
  e  edit: the next line is the replacement to use
  a  apply this and every later change of the same rule
  s  skip every later change of the same rule
  q  quit: keep the answers given so far
  ?  help
"""

from __future__ import annotations

from typing import Callable, Sequence, TextIO

from .decisions import Decision
from .model import Finding

HELP = """y - apply this change
n - leave it as it is
e - edit the replacement (type it on the next line)
a - apply this and every later change of the same rule
s - skip every later change of the same rule
q - quit; changes accepted so far are kept
? - print this help
"""
CONTEXT = 40


def _show(text: str, finding: Finding, index: int, total: int, out: TextIO) -> None:
    before = text[max(0, finding.start - CONTEXT):finding.start].rsplit("\n", 1)[-1]
    after = text[finding.end:finding.end + CONTEXT].split("\n", 1)[0]
    replacement = finding.replacement if finding.replacement is not None else ""
    out.write(f"\n({index}/{total}) line {finding.line}, column {finding.column}: {finding.rule} "
              f"[{finding.fix.value}]\n{finding.message}\n")
    out.write(f"- {before}[{finding.text}]{after}\n+ {before}[{replacement}]{after}\n")
    if len(finding.replacements) > 1:
        out.write(f"  other replacements: {', '.join(repr(r) for r in finding.replacements[1:])}\n")


def review(text: str, findings: Sequence[Finding], ask: Callable[[str], str | None],
           out: TextIO) -> list[Decision]:
    """Ask about each finding that has a replacement; return the decisions made."""
    candidates = [f for f in findings if f.replacement is not None]
    decisions: list[Decision] = []
    always: set[str] = set()
    never: set[str] = set()
    taken_until = -1
    for index, finding in enumerate(candidates, 1):
        if finding.start < taken_until:
            out.write(f"\n({index}/{len(candidates)}) {finding.rule}: overlaps a change already applied; skipped\n")
            continue
        if finding.rule in never:
            decisions.append(Decision.from_finding(finding, False))
            continue
        replacement = finding.replacement
        if finding.rule in always:
            answer = "y"
        else:
            _show(text, finding, index, len(candidates), out)
            answer = None
            while answer is None:
                out.write("Apply this change [y,n,e,a,s,q,?]? ")
                out.flush()
                reply = ask("key")
                if reply is None:  # end of input: stop as if q
                    out.write("\n")
                    return decisions
                reply = reply.strip().lower()[:1]
                if reply == "?":
                    out.write(HELP)
                elif reply == "e":
                    out.write("Replacement: ")
                    out.flush()
                    edited = ask("line")
                    if edited is None:
                        return decisions
                    edited = edited.rstrip("\r\n")
                    if not edited:  # Enter alone cancels the edit; it does not delete the words
                        _show(text, finding, index, len(candidates), out)
                        continue
                    replacement, answer = edited, "y"
                elif reply in ("y", "n", "a", "s", "q"):
                    answer = reply
                else:
                    out.write(HELP)
        if answer == "q":
            break
        if answer == "a":
            always.add(finding.rule)
        if answer == "s":
            never.add(finding.rule)
        accepted = answer in ("y", "a")
        decisions.append(Decision.from_finding(finding, accepted, replacement))
        if accepted:
            taken_until = finding.end
    return decisions

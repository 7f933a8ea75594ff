"""Errors that reach the user as one line; nothing else should escape the CLI."""


class TransfixError(Exception):
    """A problem the user can act on; its message is one line."""


class RuleError(TransfixError):
    """A rule pack is broken. The message reads `file:line: rule-id: what is wrong`, or
    `file: rule-id: ...` when the problem is the whole file (line 0: unreadable, too large)."""

    def __init__(self, path: str, line: int, rule_id: str, problem: str) -> None:
        self.path, self.line, self.rule_id, self.problem = path, line, rule_id, problem
        where = f"{path}:{line}" if line > 0 else path
        super().__init__(f"{where}: {rule_id}: {problem}")

    def __reduce__(self):
        # Pickled with its own arguments, so it crosses to and from worker processes intact.
        return type(self), (self.path, self.line, self.rule_id, self.problem)


class InputError(TransfixError):
    """A document cannot be read or decoded."""

"""Grammar checkers behind one small interface, and the paragraph plumbing they share.

A backend lints one paragraph at a time and returns `GrammarIssue`s with code-point offsets into
that paragraph. `GrammarChecker` splits a text into paragraphs, skips the ones it has seen
(boilerplate repeats across scraped pages), and puts the issues back in text coordinates.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterator, Protocol

import regex

from .errors import TransfixError


class GrammarUnavailable(TransfixError):
    """The backend is missing, down, slow or answered nonsense."""


class UnknownLint(TransfixError):
    """A lint named in --grammar-enable or config that the backend does not have: a usage error."""


@dataclass(frozen=True)
class GrammarIssue:
    """A grammar checker's report, in the checker's own terms."""

    rule: str  # the backend's own rule id, e.g. RepeatedWords or EN_A_VS_AN
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    category: str


class Backend(Protocol):
    name: str

    def lint(self, paragraph: str) -> list[GrammarIssue]: ...

    def close(self) -> None: ...


# Harper lints that run by default, chosen by measurement (benchmarks/grammar_lints.py): right on
# real round-tripped news and quiet on clean prose and on real documentation (together under 2
# findings per 10,000 words). Every other lint is one `--grammar-enable NAME` away; `all` enables
# every lint Harper has, SpellCheck and style lints included.
HARPER_DEFAULT = frozenset({
    "CurrencyPlacement", "EllipsisLength", "MissingPreposition", "OneOfTheSingular", "RepeatedWords",
})


class HarperBackend:
    """Harper (harper-py): offline, no Java. One `Linter` per thread, as Harper requires."""

    name = "harper"

    def __init__(self, enable: frozenset[str] = frozenset(), disable: frozenset[str] = frozenset(),
                 dialect: str = "american", everything: bool = False) -> None:
        try:
            import harper
        except ImportError:
            raise GrammarUnavailable("Harper is not installed (pip install harper-py)") from None
        self._harper = harper
        try:
            self._dialect = getattr(harper.Dialect, dialect.upper())
        except AttributeError:
            raise GrammarUnavailable(f"unknown Harper dialect {dialect!r}") from None
        self._local = threading.local()
        self._warming: threading.Thread | None = None
        named = (frozenset(enable) | frozenset(disable)) - {"all"}
        everything = everything or "all" in enable
        if not named and not everything:
            # The usual run: Harper's one-time start (0.6 s: it loads its dictionary, releasing
            # the GIL) goes on in a thread while the rules load; the first lint waits for it.
            self.enabled = HARPER_DEFAULT
            self._warming = threading.Thread(target=_warm_up, args=(harper,), daemon=True)
            self._warming.start()
            return
        first = harper.Linter(dialect=self._dialect)  # building one is costly: keep it for this thread
        known = frozenset(first.get_lint_config())
        unknown = sorted(named - known)
        if unknown:
            raise UnknownLint(f"unknown Harper lint {unknown[0]!r} (`transfix rules list --grammar` lists them)")
        self.enabled = (known if everything else (HARPER_DEFAULT & known) | frozenset(enable)) - frozenset(disable)
        self._local.linter = self._configured(first)

    @staticmethod
    def lint_names(dialect: str = "american") -> list[str]:
        import harper

        return sorted(harper.Linter(dialect=getattr(harper.Dialect, dialect.upper())).get_lint_config())

    def _configured(self, linter):
        linter.set_lint_config({name: name in self.enabled for name in linter.get_lint_config()})
        return linter

    def _linter(self):
        linter = getattr(self._local, "linter", None)
        if linter is None:
            self._warmed()
            linter = self._local.linter = self._configured(self._harper.Linter(dialect=self._dialect))
        return linter

    def _warmed(self) -> None:
        if self._warming is not None:
            self._warming.join()

    def lint(self, paragraph: str) -> list[GrammarIssue]:
        organized = self._linter().organized_lints(paragraph, language=self._harper.Language.PLAINTEXT)
        issues = []
        for name, lints in organized.items():
            if name not in self.enabled:
                continue
            for lint in lints:
                start, end = lint.span.start, lint.span.end
                problem = paragraph[start:end]
                if name == "SpellCheck" and _looks_like_a_name(problem):
                    continue
                replacements = tuple(_harper_replacement(s, problem) for s in lint.suggestions)
                issues.append(GrammarIssue(name, start, end, lint.message, replacements, lint.lint_kind))
        return issues

    def close(self) -> None:
        self._warmed()  # never leave Harper starting in a thread at exit
        self._local = threading.local()


def _warm_up(harper) -> None:
    try:
        harper.get_default_lint_config()  # Harper's one-time start; a failure shows at first lint
    except Exception:
        pass


def _harper_replacement(suggestion, problem: str) -> str:
    kind = suggestion.kind.name
    if kind == "REMOVE":
        return ""
    if kind == "INSERT_AFTER":
        return problem + suggestion.replacement_text
    return suggestion.replacement_text


def _looks_like_a_name(word: str) -> bool:
    """Capitalised or mixed-case words and words with digits are names, not misspellings."""
    return any(c.isupper() for c in word) or any(c.isdigit() for c in word)


_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r]*\n")
MAX_PARAGRAPH = 5_000  # longer blocks are cut at line breaks, then at sentence ends


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each non-blank paragraph, none longer than MAX_PARAGRAPH if avoidable."""
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield from _pieces(text, start, match.start())
        start = match.end()
    yield from _pieces(text, start, len(text))


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while start < end:
        stop = end
        if stop - start > MAX_PARAGRAPH:
            cut = text.rfind("\n", start, start + MAX_PARAGRAPH)
            if cut <= start:
                cut = max(text.rfind(". ", start, start + MAX_PARAGRAPH) + 1, 0)
            stop = cut if cut > start else start + MAX_PARAGRAPH
        chunk = text[start:stop]
        stripped = chunk.strip()
        if stripped:  # trimmed, so the same paragraph hits the cache wherever it stands
            yield start + chunk.index(stripped[0]), stripped
        start = stop


class GrammarChecker:
    """Runs a backend over the paragraphs of a text, with a cache of recent paragraphs."""

    def __init__(self, backend: Backend, cache_size: int = 4096) -> None:
        self.backend = backend
        self._cache: OrderedDict[str, list[GrammarIssue]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.backend.name

    def check(self, text: str) -> list[GrammarIssue]:
        """Issues with offsets into `text`."""
        found = []
        for offset, paragraph in paragraphs(text):
            for issue in self._lint(paragraph):
                found.append(GrammarIssue(issue.rule, issue.start + offset, issue.end + offset,
                                          issue.message, issue.replacements, issue.category))
        return found

    def _lint(self, paragraph: str) -> list[GrammarIssue]:
        with self._lock:
            cached = self._cache.get(paragraph)
            if cached is not None:
                self._cache.move_to_end(paragraph)
                return cached
        issues = self.backend.lint(paragraph)
        if self._cache_size:
            with self._lock:
                self._cache[paragraph] = issues
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return issues

    def close(self) -> None:
        self.backend.close()

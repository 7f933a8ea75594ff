"""Words and spans left in the pivot language.

A word list per language (rules/classes/<lang>-words.txt: frequent words of that language that
are not English, generated from wordfreq) marks foreign tokens; a run is reported for the language
whose list holds more of its words than the `rivals` lists do. A finding is a run of foreign
tokens (with the short words between them) that holds at least `min_words` listed words, or a
single lower-case word of at least `min_length` letters from the `single_words` list (the very
frequent words: a rarer word alone is more often a term quoted on purpose). Capitalised words alone are
names far more often than leftovers, so they count only inside a run. A run inside a phrase of the
`loans` class (English's own borrowings: "île flottante", "savoir-faire") is not reported.
"""

from __future__ import annotations

import bisect
import functools
from typing import NamedTuple

import ahocorasick
import regex

from ..compiled import compile_regex, remembered
from ..loader import word_class, word_class_text
from ..phrases import scan
from . import Found, check_options

_TOKEN = compile_regex(r"\p{L}+(?:['’]\p{L}+)*")
# Joiners inside a foreign run: short words every language shares or that a list cannot hold.
_GLUE = frozenset("a à au aux de des du d e en et il la le les l un une o os as el los y da do das dos di del della il lo i die der das und ein eine qui que se si ne pas par pour sur est son sa ses".split())


class ForeignWords:
    def __init__(self, options) -> None:
        self._words_name = options["words"]
        self._rival_names = tuple(options.get("rivals", ()))
        self._single_name = options.get("single_words") or options["words"]
        self.min_words = options.get("min_words", 2)
        self.min_length = options.get("min_length", 5)
        self._loans_name = options.get("loans")
        self.function_words = frozenset(options.get("function_words", ()))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"words": str, "single_words": str, "rivals": tuple, "min_words": int, "min_length": int, "loans": str,
                                "function_words": tuple})
        if "words" not in options:
            raise ValueError("option 'words' (a word class) is required")
        extra = tuple(options[key] for key in ("single_words", "loans") if key in options)
        for name in (options["words"], *extra, *options.get("rivals", ())):
            try:
                word_class(name)
            except KeyError:
                raise ValueError(f"no word class {name!r}") from None

    @property
    def words(self) -> _Lexicon:
        return _lexicon(self._words_name)  # read on first use, once per process

    def find(self, text: str):
        present = self.words.intersection(_vocabulary(text))
        if not present:
            return  # the common case: one set intersection, no loop
        # Only the listed words are located (one regex of the few present), and runs are read from
        # the gaps between them: memory stays small whatever the length of the text.
        hits = [_Token(start, end, True, text[start:end].islower()) for start, end in _locate(text, frozenset(present))]
        function = self.function_words.intersection(_vocabulary(text))
        function = _locate(text, frozenset(function)) if function else []
        index = 0
        while index < len(hits):
            run = [hits[index]]
            index += 1
            while index < len(hits) and _glue_gap(text[run[-1].end:hits[index].start]):
                run.append(hits[index])
                index += 1
            yield from self._flush(text, _extended(text, run, function))

    def _flush(self, text, run):
        """A finding for a run of tokens, if the run is this language's more than a rival's."""
        if not run or not self._ours(text, run) or _quoted_title(text, run[0].start, run[-1].end):
            return
        if self._loans_name and _in_loan(text, run[0].start, run[-1].end, self._loans_name):
            return  # a borrowing a native writer chose: "her île flottante", "savoir-faire"
        if len(run) >= self.min_words and any(t.lower and t.own for t in run):
            yield Found(run[0].start, run[-1].end)
            return
        for start, end, own, lower in run:
            if own and lower and end - start >= self.min_length and _listed(self._single_name, text[start:end].lower(), text):
                yield Found(start, end)


    def _ours(self, text, run) -> bool:
        """The run has more words of this language than of any rival language (rivals name the
        other pivots, so that a Spanish leftover is not also reported as Portuguese)."""
        if not self._rival_names:
            return True
        words = [text[t.start:t.end].lower() for t in run]
        own = sum(not t.own or _listed(self._words_name, w, text) for t, w in zip(run, words))
        return all(own > sum(_listed(name, w, text) for w in words) for name in self._rival_names)


class _Lexicon:
    """A language's word list, lower-cased, for membership tests.

    The list is kept as one bytes string of its words sorted (UTF-8 sorts as code points), a word
    a line, which the rule cache stores: a question is a binary search in it. A set of tens of
    thousands of words takes milliseconds to build and a substring search a millisecond a word,
    both more than a commit's file needs; the set is built once a process has asked SEARCHES
    questions (a long text, a batch).
    """

    SEARCHES = 200

    def __init__(self, name: str) -> None:
        self.name = name
        self._sorted = remembered(("lexicon", name), lambda: _sorted_lines(word_class_text(name)))
        self._set: frozenset[str] | None = None
        self._asked = 0

    def __contains__(self, word: str) -> bool:
        if self._set is None:
            self._asked += 1
            if self._asked <= self.SEARCHES:
                return "\n" not in word and _bisect_lines(self._sorted, word.encode("utf-8", "surrogatepass"))
            self._set = frozenset(self._words())
        return word in self._set

    def _words(self) -> list[str]:
        return self._sorted.decode("utf-8", "surrogatepass").split("\n")[1:-1]

    def intersection(self, words) -> set[str]:
        """The members of `words` (a set). Many words (a long text's) are looked up the other way,
        the list's words in them, rather than by building a set of the list: a set a language
        (~2 MB each, six of them) alive beside the long text."""
        if self._set is None and len(words) > self.SEARCHES:
            return {word for word in self._words() if word in words}
        return {word for word in words if word in self}


def _sorted_lines(text: str) -> bytes:
    """A word list's words, lower-cased and sorted, as UTF-8 lines between newlines."""
    words = sorted({word.encode("utf-8", "surrogatepass") for word in text.lower().split("\n") if word})
    return b"\n" + b"\n".join(words) + b"\n"


def _bisect_lines(lines: bytes, word: bytes) -> bool:
    """Whether `word` is a line of `lines` (sorted lines, each between newlines)."""
    low, high = 1, len(lines)  # both at the start of a line (or the end)
    while low < high:
        middle = (low + high) // 2
        start = lines.rfind(b"\n", low - 1, middle) + 1
        end = lines.find(b"\n", start)
        line = lines[start:end]
        if line == word:
            return True
        if line < word:
            low = end + 1
        else:
            high = start
    return False


def _listed(name: str, word: str, text: str) -> bool:
    """`word in _lexicon(name)`, for a word of `text`: a text of many distinct words asks its own
    words' intersection with the list (built once a text and language), not a set of the list."""
    vocabulary = _vocabulary(text)
    if len(vocabulary) > _Lexicon.SEARCHES and word in vocabulary:
        return word in _present(name, vocabulary)
    return word in _lexicon(name)


@functools.lru_cache(maxsize=8)
def _present(name: str, vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(_lexicon(name).intersection(vocabulary))


@functools.lru_cache(maxsize=None)
def _lexicon(name: str) -> _Lexicon:
    return _Lexicon(name)  # read once per process, and only when needed (rivals: at a run)


@functools.lru_cache(maxsize=1)
def _vocabulary(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text, once for every language's detector (only the
    latest text is kept)."""
    return frozenset(match.group().lower() for match in _TOKEN.finditer(text))  # no list of every word


@functools.lru_cache(maxsize=64)
def _finder(words: frozenset[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _locate(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the listed words in the text, as whole words (not inside a longer word or an
    elision), longest first where two start together, in order and without overlaps. One pass of
    an automaton of the few words present: a regex alternation of hundreds of words costs a
    backtracking attempt at every position."""
    found = []
    # Folded as the matcher folds (its copy when the text is short); the same length as the text.
    for last, length in scan(_finder(words), text, max(map(len, words)) - 1, lower=True):
        start, end = last + 1 - length, last + 1
        if start > 0 and _joined(text[start - 1]) or end < len(text) and _joined(text[end]):
            continue
        found.append((start, -end))
    spans: list[tuple[int, int]] = []
    for start, negative_end in sorted(found):
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, -negative_end))
    return spans


# A work's title quoted in its own language after a word that says it is a title ("the film,
# titled "Portrait de la jeune fille en feu" in France"), or in parentheses right after its quoted
# English title (""Winter Hours" ("Les Heures d'hiver")"): the writer kept it on purpose.
_TITLE_CUE = compile_regex(
    r"(?i)(?:\b(?:titled|entitled|called|named|dubbed|known as|album|single|song|track|film|movie|book|"
    r"memoir|novel|show|series|play|opera|musical|painting|poem|collection|exhibition|magazine|newspaper|motto)"
    r",?[ ]+|[\"”][ ]\()[\"“]$"
)
_OPEN_TITLE = compile_regex(r"[\"“][^\"“”\n]{0,80}$")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside quotation marks that open, right after a title cue, on a
    capital and close on the same line."""
    before = _OPEN_TITLE.search(text, max(0, start - 81), start)
    if before is None or not text[before.start() + 1:before.start() + 2].isupper():
        return False
    if not _TITLE_CUE.search(text, max(0, before.start() - 40), before.start() + 1):
        return False
    after = text[end:end + 80].split("\n", 1)[0]
    return any(mark in after for mark in '"”')


@functools.lru_cache(maxsize=None)
def _loan_pattern(name: str):
    phrases = sorted(word_class(name), key=len, reverse=True)
    return compile_regex(r"(?i)(?<![\p{L}'’])(?:" + "|".join(_escape(p) for p in phrases) + r")(?![\p{L}])")


def _escape(phrase: str) -> str:
    """A loan phrase as a regex: its apostrophes either kind, its spaces and hyphens either kind."""
    out = []
    for char in phrase:
        out.append("['’]" if char in "'’" else "[ -]" if char in " -" else regex.escape(char))
    return "".join(out)


def _in_loan(text: str, start: int, end: int, name: str) -> bool:
    """Whether text[start:end] lies inside a phrase of the loan class (searched nearby only)."""
    low = max(0, start - 40)
    return any(
        low + m.start() <= start and end <= low + m.end()
        for m in _loan_pattern(name).finditer(text[low:end + 40])
    )


class _Token(NamedTuple):
    """A located word of a run: one of the list's own (`own`), or a function word of the
    language, which counts beside them but never alone; `lower`: written in lower case."""

    start: int
    end: int
    own: bool
    lower: bool


def _extended(text: str, run: list[_Token], function: list[tuple[int, int]]) -> list[_Token]:
    """The run with the function words right before and after it (joined by at most two shared
    short words), as tokens that are not the list's own."""
    if not function:
        return run
    starts = [start for start, _ in function]
    after = bisect.bisect_left(starts, run[-1][1])
    while after < len(function) and _glue_gap(text[run[-1].end:function[after][0]]):
        run = [*run, _Token(*function[after], False, text[slice(*function[after])].islower())]
        after += 1
    before = bisect.bisect_left(starts, run[0].start) - 1
    while before >= 0 and function[before][1] <= run[0].start and _glue_gap(text[function[before][1]:run[0].start]):
        run = [_Token(*function[before], False, text[slice(*function[before])].islower()), *run]
        before -= 1
    return run


def _joined(char: str) -> bool:
    return char.isalpha() or char in "'’"


def _glue_gap(gap: str) -> bool:
    """Whether two listed words belong to one run: at most two shared short words between them,
    or three words of which one is a lower-case word of any list (a word the pivot shares with
    English: "envoyez des questions par courriel"), and no sentence or line break."""
    words = _TOKEN.findall(gap)
    other = [w for w in words if w.lower() not in _GLUE]
    if other:
        fits = len(words) == 3 and len(other) == 1 and other[0].islower()
    else:
        fits = len(words) <= 2
    return fits and not _breaks(gap, 0, len(gap))


def _breaks(text: str, end: int, start: int) -> bool:
    """Whether the characters between two tokens end a sentence or a line."""
    between = text[end:start]
    return any(c in between for c in ".!?;\n\"“”«»()")

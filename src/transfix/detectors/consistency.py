"""A name that one document writes in two cases: the round trip lowered some of its occurrences.

A machine round trip handles each sentence on its own, and it loses the capitals of a name in some
of them: a show is "The Sinner" in one paragraph and "the sinner" in the next, "Invictus Games"
becomes "Invictus games", "Ellen DeGeneres" becomes "Ellen Degeneres". Native text writes a name
the same way throughout, so the document itself says which form is right.

The detector learns, per document,

- the multi-word names it writes with capitals: maximal runs of capitalised words, through the
  lower-case words that join the parts of one name ("Canine Companions for Independence"), and
  only where a capital is evidence: a word at the start of a sentence or after an opening quote, a
  line or sentence in Title Case or capitals (a headline), code, tags and link texts say nothing;
- the mixed-case words it writes ("DeGeneres", "SiriusXM"),

and flags another occurrence of the same full word sequence where a word the name writes with a
capital is in lower case ("the white house" in a text that writes "the White House"; never "the
games" for "Invictus Games": the whole sequence must match). Generic phrases that a text
capitalises for emphasis or as a defined term are kept out by the text itself: the occurrence is
flagged only if one of its lowered words is never in lower case elsewhere in the document ("free
software" beside "the Free Software Foundation" and "the software" is left alone). A name of one
content word after "The" ("The Sinner") needs more, since "the times" and "the office" are English
too: the document writes "The" with a capital away from a sentence start, and the word with a
capital at least `min_single` times. A lowered article alone ("the Times") is house style and never
flagged. A mixed-case word is flagged in title case ("Degeneres") when the document writes the
mixed form at least `min_mixed` times and more often; in lower case it is usually a command or a
package. Words in capitals are never flagged.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options

_WORD = compile_regex(r"[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*")
# Lower-case words that are not the content of a name.
_CONNECTORS = frozenset(
    "of the and for in on at to a an de del della der di du la le les van von y da dos das".split()
)
_ARTICLES = frozenset({"the", "a", "an"})
# What ends a sentence or opens a quotation or a parenthesis: the next word's capital is no evidence.
_OPENERS = set(".!?:;\"“”‘'(«[{–—-•*|>#=/")
_ABBREVIATION = compile_regex(r"\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev")
# Code, tags and link texts (a table of contents in Title Case): no evidence, no findings.
_ASIDE = compile_regex(
    r"```.*?```|``.*?``|`(?:[^`\n]|\n(?!\s*\n)){1,300}`|<[^<>\n]*>|\[[^\[\]]{1,200}\][(\[]", regex.DOTALL
)
# Lower-case words that join the parts of one name ("Bank of America", "Canine Companions for
# Independence"); other lower-case words end a name ("Invictus Games in May").
_JOINERS = frozenset("of and for the de del della der di du la le les van von y da dos das".split())
_PACKAGE = compile_regex(r"-\p{Ll}+$")
_SOFT_BREAK = compile_regex(r"[^\n]\n(?=[ \t]*[^\s])")
# A line, or a sentence of a line: "All Rights Reserved." inside a paragraph is a heading too.
_SEGMENT = compile_regex(r"[^\n]+?(?:[.!?](?=\s)|$)", regex.MULTILINE)
_TITLE = compile_regex(r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*")
_MIXED = compile_regex(r"\p{Ll}\p{Lu}")
_BEFORE_BAD = compile_regex(r"[\p{L}\p{N}@#/.&_'’-]")
# A determiner that no name takes, right before the lower-case words or one word before them: "a
# state supreme court" beside "the Supreme Court" is any such court, not the name.
_GENERIC_BEFORE = compile_regex(
    r"(?<![\p{L}'’])(?:a|an|another|any|each|every|no|its|whose)[ ]+(?:\p{Ll}[\p{Ll}-]*[ ]+)?$"
)
_AFTER_BAD = compile_regex(r"[\p{L}\p{N}@_-]|[./'’][\p{L}\p{N}]")


MAX_CHARS = 500_000


class _Word:
    __slots__ = ("start", "end", "text", "low", "cap", "lowered", "shouted", "initial", "joined", "heading")

    def __init__(self, start, end, text, initial, joined, heading):
        self.start, self.end, self.text, self.low = start, end, text, text.lower()
        self.cap, self.lowered, self.shouted = _cap(text), text.islower(), _shouted(text)  # read once
        self.initial = initial  # its capital is no evidence (sentence start, after a quote)
        self.joined = joined  # one space (or, in wrapped text, one line break) from the previous word
        self.heading = heading  # no evidence, no finding: a headline, code, a tag, a link text


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _shouted(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# The document's words, kept for the next caller: both modes of the detector (two rules) read
# the same text, and building its words is most of their time. Held by reference to the text, so
# a later text cannot be taken for it; one tuple, replaced whole, so threads may share it.
_LAST: tuple[str, list] = ("", [])


def _words(text: str) -> list[_Word]:
    global _LAST
    last_text, last_words = _LAST
    if text is last_text:
        return last_words
    words = _read_words(text)
    _LAST = (text, words)
    return words


def _read_words(text: str) -> list[_Word]:
    words: list[_Word] = []
    aside = [m.span() for m in _ASIDE.finditer(text)] if any(ch in text for ch in "`<[") else []
    # Hard-wrapped text (Markdown, plain-text documents) breaks its sentences across lines: there a
    # single line break is a space. Elsewhere (news copy) a line is a paragraph or a headline.
    single = len(_SOFT_BREAK.findall(text))
    wrapped = single >= 5 and single > text.count("\n\n")
    quiet = _Spans(aside, _headings(text))
    previous = None
    for match in _WORD.finditer(text):
        start, end = match.span()
        gap = text[previous.end:start] if previous else ""
        if gap == " ":  # most words: one space after the previous one
            initial, joined = False, True
        else:
            stripped = gap.strip()
            breaks = gap.count("\n")
            if previous is None or breaks > 1 or breaks and not wrapped:
                initial = True
            elif stripped == "." and _ABBREVIATION.fullmatch(previous.text):
                initial = False  # "Mr. Smith", "J. K. Rowling": no sentence end
            else:
                initial = not _OPENERS.isdisjoint(stripped)
            joined = previous is not None and not stripped and wrapped and breaks == 1
        previous = _Word(start, end, match.group(), initial, joined, quiet.holds(start))
        words.append(previous)
    return words


class _Spans:
    """Whether offsets, asked in increasing order, fall in one of some lists of sorted spans
    that do not overlap (code and tags, headings): one walk, no search per word."""

    def __init__(self, *lists: list[tuple[int, int]]) -> None:
        self._lists = [spans for spans in lists if spans]
        self._next = [0] * len(self._lists)

    def holds(self, at: int) -> bool:
        for k, spans in enumerate(self._lists):
            index = self._next[k]
            while index < len(spans) and spans[index][1] <= at:
                index += 1
            self._next[k] = index
            if index < len(spans) and spans[index][0] <= at:
                return True
        return False


def _headings(text: str) -> list[tuple[int, int]]:
    """Lines and sentences in Title Case or capitals: headlines, headings, table rows."""
    spans = []
    for match in _SEGMENT.finditer(text):
        if _is_heading(match.group()):
            spans.append(match.span())
    return spans


def _is_heading(segment: str) -> bool:
    """A line or sentence in Title Case or capitals (a headline, a Markdown heading, a table row)."""
    stripped = segment.strip()
    if not stripped:
        return False
    if stripped[0] in "#|>=" or stripped[-1] in "=-":
        return True
    words = [w for w in _WORD.findall(stripped)[1:] if len(w) >= 4 and w[:1].isalpha()]
    if not words:
        return False
    capitals = sum(1 for w in words if _cap(w))
    if sum(1 for w in words if _shouted(w)) >= 0.5 * len(words):
        return True
    if stripped[-1] in ".!?":
        # A sentence full of names is still a sentence: only one without a lower-case word is not.
        return len(words) >= 3 and capitals == len(words)
    return capitals >= 0.75 * len(words)


_OPENING_QUOTE = compile_regex(r"[\"“‘]")
_CLOSING_QUOTE = compile_regex(r"[,.!?]?[\"”’]")


def _quoted_title(text: str, run: list[_Word]) -> bool:
    """A run that fills a quotation ("After the Final Rose" special): a title, whose first word
    belongs to it. Cut off that word, the rest is a fragment ("Final Rose") written in capitals
    for the title's sake, which says nothing of "the final rose ceremony" elsewhere."""
    start, end = run[0].start, run[-1].end
    return bool(start and _OPENING_QUOTE.fullmatch(text, start - 1, start) and _CLOSING_QUOTE.match(text, end))


_MODES = ("names", "first-names")


class NameConsistency:
    def __init__(self, options) -> None:
        self.min_words = options.get("min_words", 2)
        self.min_single = options.get("min_single", 2)
        self.min_mixed = options.get("min_mixed", 2)
        self.mode = options.get("mode", "names")
        self.first_name_classes = tuple(options.get("first_names", ("female-first-names", "male-first-names")))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"min_words": int, "min_single": int, "min_mixed": int, "mode": str, "first_names": tuple})
        for key in ("min_words", "min_single", "min_mixed"):
            if options.get(key, 2) < (2 if key == "min_words" else 1):
                raise ValueError(f"option {key!r} is too small")
        if options.get("mode", "names") not in _MODES:
            raise ValueError(f"option 'mode' must be one of {', '.join(_MODES)}")
        for name in options.get("first_names", ()):
            try:
                word_class(name)
            except KeyError:
                raise ValueError(f"option 'first_names': no word class {name!r}") from None

    @functools.cached_property
    def first_names(self) -> frozenset[str]:
        names = set()
        for name in self.first_name_classes:
            names.update(word.lower() for word in word_class(name) if " " not in word)
        # less those that are also English words in lower case (classes/word-first-names.txt)
        return frozenset(names - {word.lower() for word in word_class("word-first-names")})

    def find(self, text: str):
        # An article's names, not a book's: the word list costs about 30 bytes per byte of text,
        # so longer texts are left alone (memory stays bounded; see README, Batches).
        if len(text) > MAX_CHARS or not any(ch.isupper() for ch in text):
            return
        words = _words(text)
        if self.mode == "first-names":
            yield from self._first_names(text, words)
            return
        yield from self._names(text, words)
        yield from self._mixed(text, words)

    # -- single first names ----------------------------------------------------------------------

    def _first_names(self, text: str, words: list[_Word]):
        """A first name of the lists ("archie") in lower case, in a document that writes it with a
        capital away from sentence starts at least `min_single` times and more often than in lower
        case: a name has one spelling in native text, and these names are no English words."""
        lowered = [w for w in words if w.lowered and w.low in self.first_names and not w.heading]
        if not lowered:
            return
        lower = Counter(w.low for w in lowered)
        capitalised = Counter(
            w.low for w in words
            if w.low in lower and w.text == w.low.capitalize() and not w.initial and not w.heading
        )
        for w in lowered:
            if capitalised[w.low] < self.min_single or capitalised[w.low] <= lower[w.low]:
                continue
            if w.start > 0 and _BEFORE_BAD.match(text, w.start - 1) or _AFTER_BAD.match(text, w.end):
                continue  # a handle, an address, a file name
            yield Found(w.start, w.end, (w.low.capitalize(),))

    # -- multi-word names ------------------------------------------------------------------------

    @staticmethod
    def _runs(words: list[_Word]):
        """Maximal runs of capitalised words as (first index, last index), through the lower-case
        words that join the parts of one name: "Canine Companions for Independence" is one name,
        and its part "Canine Companions" none of its own; "Invictus Games in May" holds two. A run
        that goes on into capitals that give no evidence (a shouted "GNU", an address line) is
        not known in full and gives nothing."""

        def capital(k: int) -> bool:
            w = words[k]
            return w.cap and not w.shouted and not w.heading

        def unknown(k: int) -> bool:
            return 0 <= k < n and words[k].text[:1].isupper()

        n = len(words)
        i = 0
        while i < n:
            if not capital(i):
                i += 1
                continue
            last = k = i
            while k + 1 < n and words[k + 1].joined:
                if capital(k + 1):
                    last = k = k + 1
                elif words[k + 1].text in _JOINERS:
                    k += 1
                else:
                    break
            cut = (last + 1 < n and words[last + 1].joined and unknown(last + 1)) or (
                words[i].joined and unknown(i - 1)
            )
            if not cut:
                yield i, last
            i = last + 1

    def _names(self, text: str, words: list[_Word]):
        # evidence[key][position]: how the document spells that word of the name where its case
        # means something (away from a sentence start)
        evidence: dict[tuple[str, ...], list[Counter]] = {}
        for i, j in self._runs(words):
            run = words[i:j + 1]
            if run[0].initial and run[0].low not in _ARTICLES and not _quoted_title(text, run):
                # A capital that starts a sentence says nothing: what follows may still be a name.
                run = run[1:]
                while run and run[0].low in _CONNECTORS and run[0].lowered:
                    run = run[1:]
            if len(run) < self.min_words or sum(1 for w in run if w.cap) < 2:
                continue
            if not any(w.cap and not w.initial for w in run):
                continue
            key = tuple(w.low for w in run)
            slots = evidence.setdefault(key, [Counter() for _ in run])
            for slot, w in zip(slots, run):
                if not w.initial:
                    slot[w.text] += 1
        if not evidence:
            return
        # Keys are indexed by their first two words: a name starting with "the" is then only tried
        # where "the" is followed by its second word, not at every "the" of the text.
        by_start: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for key in evidence:
            by_start[key[:2]].append(key)
        occurrences: dict[tuple[str, ...], list[int]] = defaultdict(list)
        n = len(words)
        for i, w in enumerate(words):
            start = (w.low, words[i + 1].low) if i + 1 < n else (w.low,)
            for key in by_start.get(start, ()):
                j = i + len(key) - 1
                if j < n and all(words[i + k].low == key[k] and (not k or words[i + k].joined) for k in range(1, len(key))):
                    occurrences[key].append(i)
        lower = Counter(w.low for w in words if w.lowered)
        # How often each word is written with a capital away from sentence starts and headings.
        capitalised = Counter(w.low for w in words if w.cap and not w.initial and not w.heading)
        for key, starts in occurrences.items():
            # How often each word of the name is in lower case inside the name's own occurrences:
            # a word the document also uses in lower case elsewhere is an ordinary word there.
            inside = Counter(words[i + k].low for i in starts for k in range(len(key)) if words[i + k].lowered)
            single = self._single_content(key)
            if single and not self._single_ok(key, evidence[key], capitalised):
                continue
            for i in starts:
                found = self._variant(text, words[i:i + len(key)], evidence[key], lower, inside)
                if found is not None:
                    yield found

    def _variant(self, text, run: list[_Word], slots: list[Counter], lower: Counter, inside: Counter) -> Found | None:
        if any(w.shouted for w in run) or any(w.heading for w in run):
            return None
        start, end = run[0].start, run[-1].end
        if start > 0 and _BEFORE_BAD.match(text, start - 1) or _AFTER_BAD.match(text, end):
            return None
        if run[0].lowered and _GENERIC_BEFORE.search(text, max(0, start - 40), start):
            return None
        changed = []
        for w, slot in zip(run, slots):
            if not slot or not w.lowered:
                continue  # only lost capitals: "This is us" for "This Is Us", never the reverse
            best = slot.most_common(1)[0][0]
            if _cap(best):
                changed.append((w, best))
        content = [w for w, _ in changed if w.low not in _CONNECTORS]
        if not content:
            return None  # "the Times" for "The Times" is house style, not damage
        if all(lower[w.low] > inside[w.low] for w in content):
            return None  # "free software" beside "the Free Software Foundation" and "the software"
        first, last = changed[0][0], changed[-1][0]
        fixed = {id(w): best for w, best in changed}
        span = [w for w in run if first.start <= w.start <= last.start]
        pieces = []
        for k, w in enumerate(span):
            if k:
                pieces.append(text[span[k - 1].end:w.start])
            pieces.append(fixed.get(id(w), w.text))
        return Found(first.start, last.end, ("".join(pieces),))

    @staticmethod
    def _single_content(key: tuple[str, ...]) -> bool:
        return sum(1 for word in key if word not in _CONNECTORS) < 2

    def _single_ok(self, key, slots, capitalised: Counter) -> bool:
        """A name of one content word after an article ("The Sinner", never "the times"): the
        document writes the article with a capital away from a sentence start, and the word with a
        capital at least `min_single` times."""
        if key[0] not in _ARTICLES or not any(_cap(spelling) for spelling in slots[0]):
            return False
        content = next((word for word in key if word not in _CONNECTORS), None)
        if content is None:
            return False
        return capitalised[content] >= self.min_single


    # -- mixed-case words ------------------------------------------------------------------------

    def _mixed(self, text: str, words: list[_Word]):
        forms: dict[str, Counter] = defaultdict(Counter)
        for w in words:
            if _MIXED.search(w.text) and not w.heading:
                forms[w.low][w.text] += 1
        if not forms:
            return
        spellings: dict[str, Counter] = defaultdict(Counter)
        for w in words:
            if w.low in forms:
                spellings[w.low][w.text] += 1
        for w in words:
            if w.low not in forms or not _TITLE.fullmatch(w.text) or w.heading:
                continue  # "Degeneres" for "DeGeneres"; "libcst" in lower case is a command
            best, count = forms[w.low].most_common(1)[0]
            if _PACKAGE.search(best):
                continue  # "GraphQL-core", "PyYAML-stubs": a package's name, spelt as its users like
            if count < self.min_mixed or count <= spellings[w.low][w.text]:
                continue
            if len(forms[w.low]) > 1 and forms[w.low].most_common(2)[1][1] == count:
                continue  # two mixed forms as often: no dominant form
            if w.start > 0 and _BEFORE_BAD.match(text, w.start - 1) or _AFTER_BAD.match(text, w.end):
                continue
            yield Found(w.start, w.end, (best,))


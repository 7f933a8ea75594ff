"""A quoted title of a show, song or film in sentence case: the round trip's French capitals.

French capitalises only the first word of a title (« Ce que nous sommes », « La casa de papel »);
a round trip through French brings English titles back the same way: `season 3 of "This is us"`,
`the single "Shake it off"`. English title case capitalises every word but the articles,
conjunctions and prepositions. The detector takes a quotation of two to eight words with no
punctuation, whose first word has a capital and some later word that English title case
capitalises (a noun, verb, pronoun, adjective or adverb) does not, when the words before it name it
as a title: a work noun ("the series", "the single", "season 3 of"), or "entitled"/"titled" near
one. That quotation is then flagged wherever the document quotes it again with the same words
(a title comes back several times: `"This is us" returns in January`). Titles in a pivot
language (`"La vie en rose"`) are left alone. The repair is the title case.
"""

from __future__ import annotations

import regex

from ..compiled import compile_regex
from . import Found, check_options

_QUOTE = compile_regex(
    r"(?P<open>[\"“])(?P<title>\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*(?: [\p{L}'’]+(?:-[\p{L}'’]+)*){1,7})(?P<close>[\"”])(?![\p{L}\p{N}])"
)
_WORKS = (
    r"series|show|sitcom|film|movie|song|single|track|album|ballad|anthem|documentary|"
    r"drama|comedy|thriller|episode|finale|premiere|programme|program|podcast|musical|"
    r"miniseries|mini-series|franchise|video|trailer|novel|memoir|mixtape|EP|hit"
)
# The words just before the quotation: "the hit series", "season 3 of", "episode, entitled".
_CUE = compile_regex(
    rf"(?:\b(?:{_WORKS})|\b(?:season|episode|series|chapter|part|volume) \w+ of|\b(?:entitled|titled))"
    r",? $",
    regex.IGNORECASE,
)
_NAMING = compile_regex(r"\b(?:entitled|titled),? $", regex.IGNORECASE)
_WORK_NEAR = compile_regex(rf"\b(?:{_WORKS}|season|episode|channel|YouTube|Netflix)\b", regex.IGNORECASE)
_MINOR = frozenset(
    "a an the and but or nor for so yet as at by in of on to up via per off out vs with from into "
    "onto over than upon like about after under till until down near past".split()
)
# A title in the pivot language itself keeps its own capitals.
_FOREIGN = frozenset(
    "la le les de du des et en un une au aux sur el los las y con del der die das und ein eine "
    "il di della delle lo gli o e do da dos das em na no".split()
)


def _words(title: str) -> list[str]:
    return title.split(" ")


def _sentence_case(title: str) -> bool:
    words = _words(title)
    if any(w.lower() in _FOREIGN for w in words):
        return False
    if not any("a" <= c <= "z" or "A" <= c <= "Z" for c in title):
        return False  # a title in another script ("Я свободен") keeps its own capitals
    return any(w[0].islower() and w.lower() not in _MINOR for w in words[1:])


def _title_case(title: str) -> str:
    words = _words(title)
    out = []
    for i, word in enumerate(words):
        if 0 < i < len(words) - 1 and word.lower() in _MINOR:
            out.append(word)
        else:
            out.append(word[0].upper() + word[1:])
    return " ".join(out)


class SentenceCaseTitle:
    def __init__(self, options) -> None:
        self.reach = options.get("reach", 80)

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"reach": int})

    def find(self, text: str):
        if '"' not in text and "“" not in text:
            return
        quotes = list(_QUOTE.finditer(text))
        titles = set()
        for match in quotes:
            title = match.group("title")
            if not _sentence_case(title):
                continue
            before = text[max(0, match.start() - self.reach):match.start()]
            cue = _CUE.search(before)
            if cue is None:
                continue
            if _NAMING.search(before) and not _WORK_NEAR.search(before[: cue.start()]):
                continue
            titles.add(title)
        if not titles:
            return
        for match in quotes:
            title = match.group("title")
            if title in titles:
                yield Found(match.start("title"), match.end("title"), (_title_case(title),))

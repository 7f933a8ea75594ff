"""Give a replacement the letter case of the text it replaces."""

from __future__ import annotations

import re


def keep_case(original: str, replacement: str) -> str:
    """Match the case pattern of `original`: `Point of sale` -> `Outlet`, `RPC` -> `PRC`.

    >>> keep_case("Point of sale", "outlet")
    'Outlet'
    >>> keep_case("LEVER EFFECT", "leverage")
    'LEVERAGE'
    >>> keep_case("pekin", "Beijing")
    'Beijing'
    """
    if not replacement or original.islower():
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# What may stand between a sentence's end and its first word: spaces, opening quotes, brackets.
_OPENERS = " \t\"'“‘«([¿¡"


def opens_sentence(text: str, start: int) -> bool:
    """Whether text[start] is the first letter of a sentence: at the start of the text or of a
    line, or after a full stop, question or exclamation mark (and any spaces or openers), or
    opening a quotation after a colon or comma (He said: "The ...")."""
    at = start
    while at > 0 and text[at - 1] in _OPENERS:
        at -= 1
    if at == 0 or text[at - 1] in "!?\n":
        return True
    if text[at - 1] == ".":  # not after an abbreviation: "Mr. Smith", "the U.S. Army"
        word = _LAST_WORD.search(text, max(0, at - 12), at - 1)
        return word is None or (len(word.group()) > 1 and word.group() not in _ABBREVIATIONS)
    return text[at - 1] in ":," and any(char in _QUOTES for char in text[at:start])


_QUOTES = "\"“‘«"
_LAST_WORD = re.compile(r"\w+$")
_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col",
                            "Sgt", "Capt", "Rev", "No", "vs", "Vol", "Fig", "Inc", "Co", "Corp", "Ltd", "Mt", "Ft"})


def sentence_case(text: str, start: int, matched: str, replacement: str) -> str:
    """A replacement that begins a sentence keeps its capital: 'The Coran says' ->
    'The Koran says', not 'the Koran says', for a rule whose replacement is written in lower case.

    >>> sentence_case("Very believing, she prays.", 0, "Very believing", "devout")
    'Devout'
    >>> sentence_case("He is Very believing.", 6, "Very believing", "devout")
    'devout'
    """
    if replacement[:1].islower() and matched[:1].isupper() and opens_sentence(text, start):
        return replacement[:1].upper() + replacement[1:]
    return replacement

"""Possessive pronouns whose gender flipped on the way through the pivot.

French `son`/`sa`/`ses` agree with the thing possessed, not with the possessor, so the system has to
guess his or her, and it guesses "his" (or the gender of the French noun). Subject pronouns do not
have that problem (il/elle), and neither do names and gendered nouns. So the evidence for who is
talked about is read from the passage: the current sentence and the `sentences` before it. A
possessive "his" where that passage refers to a woman as "she" (or "herself", "hers") and mentions
no man at all (no he/him, no man's first name, no father, husband, ...) is flagged "her". The
other direction ("her" for his) is left alone: an object "her" cannot be told from a possessive
without parsing, and clean English is full of "he ... her".
"""

from __future__ import annotations

import functools

import regex

from ..loader import word_class
from . import Found, check_options

_SENTENCE = regex.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
_WORD = regex.compile(r"\p{L}[\p{L}-]*(?:['’]\p{L}+)?")
_FEMALE_PRONOUNS = frozenset({"she", "herself", "hers"})
_MALE_PRONOUNS = frozenset({"he", "him", "himself"})
# After "her", these make it an object pronoun ("told her that"), not a possessive.
_NOT_A_NOUN = frozenset(
    "a an the to that and or but as at in on of for with from by about into onto over under after "
    "before if when while because so than then this these those there here up down out off again "
    "too also now back away why how what who whom which where it he she they we you i is was be "
    "been being are were has have had do does did will would can could should may might must not "
    "no yes very just only even still ever never more most less least all any some every each "
    "both either neither".split()
)


class PronounGender:
    def __init__(self, options) -> None:
        self.window = options.get("sentences", 2)

    # The word lists are read on first use (start-up stays cheap), once per process.
    @functools.cached_property
    def female(self) -> frozenset[str]:
        return _lower_set(word_class("female-nouns")) | _FEMALE_PRONOUNS

    @functools.cached_property
    def male(self) -> frozenset[str]:
        return _lower_set(word_class("male-nouns")) | _MALE_PRONOUNS

    @functools.cached_property
    def female_names(self) -> frozenset[str]:
        return frozenset(word_class("female-first-names"))

    @functools.cached_property
    def male_names(self) -> frozenset[str]:
        return frozenset(word_class("male-first-names"))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"sentences": int})

    def find(self, text: str):
        if "his" not in text and "His" not in text:
            return
        sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip()]
        evidence = [self._evidence(m.group()) for m in sentences]
        for index, sentence in enumerate(sentences):
            passage = evidence[max(0, index - self.window):index + 1]
            # Support must be a pronoun (il/elle survive the round trip); names and gendered
            # nouns of the other gender only veto, since they may belong to someone else.
            female = any(e.female_pronoun for e in passage) and not any(e.male for e in passage)
            if not female:
                continue
            words = list(_WORD.finditer(sentence.group()))
            for position, match in enumerate(words):
                token = match.group().lower()
                following = words[position + 1].group().lower() if position + 1 < len(words) else ""
                if not following or following in _NOT_A_NOUN:
                    continue
                start = sentence.start() + match.start()
                end = sentence.start() + match.end()
                if token == "his":
                    yield Found(start, end, (_same_case(match.group(), "her"),))

    def _evidence(self, sentence: str) -> "_Evidence":
        found = _Evidence()
        words = _WORD.findall(sentence)
        for position, word in enumerate(words):
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            lowered = word.lower()
            if lowered in _FEMALE_PRONOUNS:
                found.female = found.female_pronoun = True
            elif lowered == "her":
                found.female = True
            elif lowered in _MALE_PRONOUNS:
                found.male = found.male_pronoun = True
            elif lowered in self.female or word in self.female_names:
                found.female = True
            elif lowered in self.male or word in self.male_names:
                found.male = True
        return found


class _Evidence:
    __slots__ = ("female", "male", "female_pronoun", "male_pronoun")

    def __init__(self) -> None:
        self.female = self.male = self.female_pronoun = self.male_pronoun = False


def _lower_set(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _same_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement

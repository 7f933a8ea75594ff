"""`the N of Name` where English says `Name's N`.

French has no Saxon genitive: `la carrière d'Olivia` comes back as "the career of Olivia" where the
original said "Olivia's career". English uses the of-construction too ("the son of Henry", "the
reign of Elizabeth"), so the detector only fires when the possessor is a person named by a known
first name (rules/classes/*-first-names.txt) with an optional surname, by a surname alone once the
document has introduced that person by first name and surname ("Britney Spears ... the version of
Spears"), by a weekday ("the episode of Tuesday"), or a kin noun after a possessive pronoun ("the
birthday of her sister"), and the possessed noun is not one of the nouns English readily builds
with "of" (`exclude`; for weekdays also the parts of a day: "the night of Tuesday").
"""

from __future__ import annotations

import functools

import regex

from ..loader import word_class
from . import Found, check_options

_PATTERN = regex.compile(
    r"\b([Tt]he) ((?:[\p{Ll}-]+ ){0,2}?[\p{L}-]+) of "
    r"(?:(?P<name>\p{Lu}[\p{Ll}-]+(?: \p{Lu}[\p{L}-]+){0,2})|(?P<pron>his|her|their|my|your|our) (?P<kin>[\p{Ll}]+))"
    r"(?![\p{L}'’-]| of\b| \p{Lu}| (?:and|&) \p{Lu})"
    r"(?<! (?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI))"
)
_KIN = frozenset(
    "sister brother mother father mom dad husband wife daughter son friend boyfriend girlfriend "
    "partner fiance fiancé fiancee fiancée ex-husband ex-wife grandmother grandfather aunt uncle "
    "cousin niece nephew".split()
)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_DAY_PARTS = frozenset("morning afternoon evening night day week weekend hours events".split())
_FULL_NAME = regex.compile(r"\b(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b(?! \p{Lu})")


class OfPossessive:
    def __init__(self, options) -> None:
        self.exclude = frozenset(options.get("exclude", ()))

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset(word_class("female-first-names")) | frozenset(word_class("male-first-names"))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"exclude": tuple})

    def find(self, text: str):
        if " of " not in text:
            return
        surnames = None
        for match in _PATTERN.finditer(text):
            phrase = match.group(2)
            head = phrase.split()[-1]
            if head.lower() in self.exclude or not head.islower():
                continue
            if match.group("name"):
                name = match.group("name")
                first = name.split()[0]
                if first in _WEEKDAYS:
                    if " " in name or head.lower() in _DAY_PARTS:
                        continue
                elif first not in self.names:
                    if surnames is None:
                        surnames = self._surnames(text)
                    if " " in name or first not in surnames:
                        continue
                possessor = name + ("'" if name.endswith("s") else "'s")
            else:
                if match.group("kin") not in _KIN:
                    continue
                possessor = f"{match.group('pron')} {match.group('kin')}'s"
            article = match.group(1)
            if article[0].isupper():
                possessor = possessor[0].upper() + possessor[1:]
            yield Found(match.start(), match.end(), (f"{possessor} {phrase}",))

    def _surnames(self, text: str) -> frozenset[str]:
        """Surnames of the people the document introduces as `First Last`."""
        return frozenset(
            m.group(2) for m in _FULL_NAME.finditer(text) if m.group(1) in self.names
        )

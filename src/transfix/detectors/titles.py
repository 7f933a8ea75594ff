"""`the American senator Dan Inouye` where English says `U.S. Sen. Dan Inouye`.

French puts a title before a name with an article and a nationality adjective after the office
("le sénateur américain Dan Inouye", "l'ancien président américain Barack Obama", "le prince
britannique Harry"); the round trip brings back "the American senator Dan Inouye", "the former
American president Barack Obama", "the British prince Harry". English news writes the title as a
capitalised prefix of the name, with no article: U.S. Sen. Dan Inouye, former U.S. President Barack
Obama, Britain's Prince Harry.

The detector fires on `the [former|late ...] NATIONALITY OFFICE Name`, where NATIONALITY comes from
a word class of lines `adjective = form | form` (`British = Britain's | British`), OFFICE from a
word class of lines `office = Title | Title` (`senator = Sen. | Senator`), and Name is a capitalised
word that is not followed by a regnal number or an epithet. A comma after the office ("the French president, Emmanuel Macron,") is English and does not
match; nor does a capitalised office ("the American Senator"), which is a different problem.
"""

from __future__ import annotations

import functools
import itertools

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options

_MODIFIERS = ("former", "late", "then", "outgoing", "incoming", "current", "future", "ex")


def _mapping(name: str) -> dict[str, tuple[str, ...]]:
    """A word class of lines `key = form | form` as {key: forms}."""
    table: dict[str, tuple[str, ...]] = {}
    for line in word_class(name):
        key, sep, forms = line.partition("=")
        if not sep:
            raise ValueError(f"word class {name!r}: line {line!r} is not `word = form`")
        table[key.strip()] = tuple(f.strip() for f in forms.split("|") if f.strip())
    return table


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class TitleBeforeName:
    def __init__(self, options) -> None:
        self._nations_name = options["nations"]
        self._offices_name = options["offices"]
        self.bare = frozenset(options.get("bare_offices", ()))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"nations": str, "offices": str, "bare_offices": tuple})
        for key in ("nations", "offices"):
            if key not in options:
                raise ValueError(f"option {key!r} (a word class) is required")
            try:
                _mapping(options[key])
            except KeyError:
                raise ValueError(f"no word class {options[key]!r}") from None

    @functools.cached_property
    def nations(self) -> dict[str, tuple[str, ...]]:
        return _mapping(self._nations_name)

    @functools.cached_property
    def offices(self) -> dict[str, tuple[str, ...]]:
        return _mapping(self._offices_name)

    @functools.cached_property
    def pattern(self):
        # Office and nationality are matched case-sensitively: a capitalised office is the title
        # already ("the American Senator"), and a lower-case nationality is not one.
        nation = _alternation(self.nations)
        office = _alternation(self.offices)
        modifier = "|".join(_MODIFIERS)
        return compile_regex(
            rf"(?<![\p{{L}}\p{{N}}])(?P<the>[Tt]he) (?:(?P<mod>{modifier})(?:-| ))?"
            rf"(?:(?P<nation>{nation}) )?(?P<office>{office}) "
            # the name: a capitalised word (a royal is named by the first name alone: Prince Harry);
            # not a historical ruler, named with a regnal number or an epithet ("the French king
            # Louis XIV", "the English king Alfred the Great"), which history writes this way
            rf"(?=\p{{Lu}}[\p{{Ll}}'’-]+\b(?! [IVX]+\b| the \p{{Lu}}))"
        )

    def find(self, text: str):
        if "he " not in text:
            return
        for match in self.pattern.finditer(text):
            nation, office = match.group("nation"), match.group("office")
            if nation is None and office not in self.bare:
                continue
            nation_forms = self.nations[nation] if nation else ("",)
            replacements = []
            for n, o in itertools.product(nation_forms, self.offices[office]):
                words = [w for w in (match.group("mod"), n, o) if w]
                phrase = " ".join(words)
                if match.group("the")[0] == "T":
                    phrase = phrase[0].upper() + phrase[1:]
                if phrase not in replacements:
                    replacements.append(phrase)
            # the span ends before the space that precedes the name
            yield Found(match.start(), match.end() - 1, tuple(replacements))

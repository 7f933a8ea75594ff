"""Capitalisation that a machine round trip damages in a recognisable way.

`mode = "caps-surname"`: French press style writes surnames in capitals ("Chester BENNINGTON"), and
a round trip through French keeps them, or brings them in from a French source. The detector
flags a known first name (rules/classes/*-first-names.txt) followed by a word of four or more
capitals that reads as a name, not an acronym: it has a vowel, no long run of consonants, is not
in the class of pronounceable acronyms (`acronyms`, a class name), and stands alone (no shouting
run of capitals around it). It suggests the surname in title case.

`mode = "mangled-acronym"`: the round trip gives initialisms and camel-case names the case of an
ordinary word. Two shapes carry no English word, so they are recognised without a list: a
title-case word ending in "tv" (a broadcaster's call sign or channel: "Kitv", "Hgtv") and a Scottish
or Irish "Mc" name whose second capital was lost ("Mcdonald"). Lists of known acronyms and brands
are phrase rules in rules/common/capitalisation-roundtrip.toml.
"""

from __future__ import annotations

import functools

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options

_SURNAME = compile_regex(
    r"(?<![\p{L}\p{N}@#/.&'’-])(?P<first>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?P<middle>(?: \p{Lu}\.)?) "
    r"(?P<caps>\p{Lu}{4,}(?:-\p{Lu}{2,})?)(?![\p{L}\p{N}@&'’.-]?[\p{L}\p{N}])"
)
_CAPS_AROUND = compile_regex(r"\p{Lu}{2,}")
_LONE_CAPS = compile_regex(r"(?<![\p{L}\p{N}@#/.&'’-])\p{Lu}{4,}(?:-\p{Lu}{2,})?(?![\p{L}\p{N}@&'’-]|\.[\p{L}\p{N}])")
_VOWELS = frozenset("AEIOUY")
_CONSONANT_RUN = compile_regex(r"[^AEIOUY\-]{4,}")
_TV = compile_regex(r"(?<![\p{L}\p{N}@#/.'’-])(\p{Lu}\p{Ll}{0,3}tv)(?![\p{L}\p{N}@/-]|\.[\p{L}\p{N}])")
_MC = compile_regex(r"(?<![\p{L}\p{N}@#/.'’-])Mc(\p{Ll})(\p{Ll}{2,})(?![\p{L}\p{N}@/-]|\.[\p{L}\p{N}])")
_MODES = ("caps-surname", "mangled-acronym")


class Capitals:
    def __init__(self, options) -> None:
        self.mode = options.get("mode", "caps-surname")
        self.acronym_class = options.get("acronyms")

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"mode": str, "acronyms": str})
        if options.get("mode", "caps-surname") not in _MODES:
            raise ValueError(f"option 'mode' must be one of {', '.join(_MODES)}")
        if "acronyms" in options:
            try:
                word_class(options["acronyms"])
            except KeyError:
                raise ValueError(f"option 'acronyms': no word class {options['acronyms']!r}") from None

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset(word_class("female-first-names")) | frozenset(word_class("male-first-names"))

    @functools.cached_property
    def acronyms(self) -> frozenset[str]:
        if not self.acronym_class:
            return frozenset()
        return frozenset(word.upper() for word in word_class(self.acronym_class))

    def find(self, text: str):
        if self.mode == "caps-surname":
            yield from self._surnames(text)
        else:
            yield from self._acronyms(text)

    def _surnames(self, text: str):
        seen = set()
        lower = _LowerWords(text)
        for match in _SURNAME.finditer(text):
            first, caps = match.group("first"), match.group("caps")
            if first not in self.names or not self._reads_as_name(caps) or self._shouted(text, match):
                continue
            if lower.contains(caps.lower()):
                continue
            seen.add(match.start("caps"))
            yield Found(match.start("caps"), match.end("caps"), (_title(caps),))
        # A word in capitals that the same text also writes as a surname after a known first name
        # ("BURKE" and, elsewhere, "Brooke Burke") and never in lower case.
        named = None  # surnames written after a known first name, read once per text
        for match in _LONE_CAPS.finditer(text):
            caps = match.group()
            if match.start() in seen or not self._reads_as_name(caps) or self._shouted(text, match):
                continue
            if _speaker_label(text, match):
                continue
            if named is None:
                named = {
                    pair.group(2) for pair in _NAME_PAIR.finditer(text, overlapped=True)
                    if pair.group(1) in self.names
                }
            title = _title(caps)
            if title not in named:
                continue
            if lower.contains(caps.lower()):
                continue
            yield Found(match.start(), match.end(), (title,))

    @staticmethod
    def _shouted(text: str, match) -> bool:
        """A run of capitals around the word is a headline or a shout, not a surname."""
        before = text[max(0, match.start() - 40):match.start()].split()
        after = text[match.end():match.end() + 40].split()
        for words in (before[-1:], after[:1]):
            if words and _CAPS_AROUND.fullmatch(words[0].strip(".,:;!?\"'()-")):
                return True
        return False


    def _reads_as_name(self, caps: str) -> bool:
        bare = caps.replace("-", "")
        if caps in self.acronyms or bare in self.acronyms:
            return False
        if caps.startswith(("MC", "MAC")) or not _VOWELS & set(bare):
            return False
        if _CONSONANT_RUN.search(caps):
            return False
        # An acronym's plural or possessive ("NGOS") is not a name; nor is a roman numeral.
        if regex.fullmatch(r"[IVXLCDM]+", bare):
            return False
        return True

    def _acronyms(self, text: str):
        if "tv" in text:
            for match in _TV.finditer(text):
                yield Found(match.start(1), match.end(1), (match.group(1).upper(),))
        if "Mc" in text:
            for match in _MC.finditer(text):
                yield Found(match.start(), match.end(), (f"Mc{match.group(1).upper()}{match.group(2)}",))


class _LowerWords:
    """Whether a text writes a word in lower case anywhere: one pass over the text, on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: frozenset[str] | None = None

    def contains(self, word: str) -> bool:
        if "-" in word:  # rare: search for it as written
            pattern = rf"(?<![\p{{L}}\p{{N}}]){regex.escape(word)}(?![\p{{L}}\p{{N}}])"
            return regex.search(pattern, self.text) is not None
        if self._words is None:
            self._words = frozenset(_ALNUM_RUN.findall(self.text))
        return word in self._words


_ALNUM_RUN = compile_regex(r"[\p{L}\p{N}]+")
_NAME_PAIR = compile_regex(r"(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)(?![\p{L}\p{N}])")


def _speaker_label(text: str, match) -> bool:
    """A transcript's speaker label: the word in capitals opens a line and a colon follows it
    ("TORRES: You worked as a librarian ..."), as interviews and podcast transcripts name who speaks."""
    line_start = match.start() == 0 or text[match.start() - 1] == "\n"
    return line_start and text[match.end():match.end() + 1] == ":"


def _title(caps: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in caps.split("-"))

"""A surname that is also an English word, turned back into the word by the round trip.

Google Translate reads a surname that is an English word as the word ("Spears", "Case", "Legend",
"Treasure"), gives it the French article it needs, and the way back brings the common noun home in
lower case with its article: "better suited to the spears", "gave the case, the former
congressman, the edge", "the treasure rocks his baby", "West shared a legend video". "The case" and
"a legend" are everyday English too, so the detector wants two kinds of evidence at once:

- the document makes the word a name: it writes it with a capital after a first name of the lists
  ("Ed Case", "Britney Spears"), or, for a word no first name anchors, with a capital on its own
  inside a sentence (`min_bare` times: "and Treasure arrived"; after a number or an initial in a
  table of results: "D Case 47,391");
- the lower-case occurrence stands where only a person stands: a person in apposition ("the case,
  the former congressman,"), an age ("the price, 34,"), "as the most viable candidate", an act on
  a person ("the treasure rocks his baby"), an act only people do ("the treasure laughed"), "who"
  after it; the last two, in a text that uses the word in lower case elsewhere, only for a name a
  first name anchors. A verb of speech ("the stone said", "the hope posted a video") needs that
  anchor always, since a company or a magazine speaks too ("the salon said"); so does the noun of
  a performer's work after the word ("a legend video": only the word is flagged), where the word
  must not be a noun after a determiner anywhere else and never one of the words that describe
  songs and tours ("a love song", "the best concert").

The frame of a clause-final object ("better suited to the spears.") is left alone: "returned to
the case." is everyday English in any text that names Ed Case.

Never flagged: a word that is itself a person or an institution that speaks ("the king said", "the
legend said", "the banks said", "the report said": word classes `agents` and a built-in list);
an occurrence inside a larger noun phrase after a preposition ("the lawyer in the case said", "the
owner of the stone, who"); "said to be"; code, addresses and hyphenated compounds. The suggestion
is the capitalised word without its article ("the spears" -> "Spears").
"""

from __future__ import annotations

import functools
from collections import Counter

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options

# Verbs of speech and acts only people perform: their subject is a person.
# A company speaks too ("the salon said"): these need a name a first name anchors.
_SPEECH = "said|told|tweeted|wrote|thanked|insisted|admitted|confessed|replied|apologized|apologised|exclaimed"
# Only people do these.
_PERSONAL = "joked|laughed|quipped|gushed|smiled|wept|sobbed|giggled|shrugged"
# Verbs a thing may do too ("the case shared similarities", "the price posted a gain"): a person
# only with a picture or message as the object.
_POSTING = "posted|shared|uploaded|captioned"
_MEDIA = (
    "photo|photos|video|videos|picture|pictures|clip|snap|snaps|selfie|selfies|post|message|"
    "tribute|throwback|snapshot|image|images|shot|shots|photograph|photographs|note|statement"
)
# Acts on a person: "the treasure rocks his baby".
_HANDLING = (
    "rocks|rocked|cradles|cradled|hugs|hugged|kisses|kissed|cuddles|cuddled|embraces|embraced|"
    "thanks|comforts|comforted|congratulates|congratulated|dotes on|doted on|praises|praised"
)
# Roles "as the ..." gives a person in politics and succession ("support the case as the most
# viable candidate"); professions are left out ("took the case as a young lawyer").
_AS_ROLES = "candidate|nominee|front-runner|frontrunner|successor|heir|challenger|contender|running mate"
# The works a performer puts out: "a legend video" for a Legend video.
_WORKS = "video|song|album|single|track|concert|tour|clip|performance|duet|ballad"

# A noun after the work makes a compound ("the legend video game"); a participle ("a legend video
# playing the piano") or a function word does not.
_NOUN_AFTER = (
    r" (?!(?:that|which|who|with|from|to|at|and|or|as|where|while|when|was|is|has|had|after|before|by"
    r"|this|last|he|she|it|they|we|his|her|their|its|the|a|an|then|now|again|also)\b)\p{Ll}+(?<!ing|ed)\b"
)
_CANDIDATE = compile_regex(
    r"(?<![\p{L}\p{N}@#/.&_'’-])(?P<art>[Tt]he|[Aa]n?) (?P<w>\p{Ll}{3,})(?![\p{L}\p{N}@_'’-]|\.\p{L})"
    r"(?:"
    rf" (?P<speech>{_SPEECH})\b(?! (?:to|by|out|up|off)\b)"
    rf"| (?P<personal>{_PERSONAL})\b(?! (?:to|by|out|up|off)\b)"
    rf"| (?P<posting>{_POSTING}) (?:(?:a|an|the|his|her|their|this|that) )?(?:\p{{Ll}}+ ){{0,2}}(?:{_MEDIA})\b"
    rf"| (?P<handling>{_HANDLING}) (?:his|her|their|him)\b"
    r"|, (?P<age>\d{1,3}),"
    r"|, (?P<appos>(?:the|a|an|his|her|their) [^,.;:!?()\n\"“”]{1,90}?),(?! (?:and|or)\b)"
    r"|,? (?P<who>who)\b(?! (?:is|are|was|were) (?:it|this|that)\b| (?:knows|cares|can say|can tell)\b)"
    rf"| as (?:the|a|an) (?:[\p{{Ll}}-]+ ){{0,3}}(?P<role>{_AS_ROLES})\b(?!['’-]|{_NOUN_AFTER})"
    rf"| (?P<work>{_WORKS})\b(?!['’-]| (?:of|for|about|on|in)\b|{_NOUN_AFTER})"
    r")"
)
# The word before the article: after a preposition the phrase is part of a larger one ("the lawyer
# in the case said", "the owner of the stone, who"); "such a case", "what a legend".
_BEFORE = compile_regex(r"([\p{L}'’]+)[ \t]*$")
_PREPOSITIONS = frozenset(
    "in of on at to for from with by about into onto over under after before during behind against "
    "between through within without among amongst around near like than per via toward towards upon "
    "across beyond despite beside besides inside outside throughout such what quite rather".split()
)
# An apposition's head is the word before its first preposition, or its last word.
_APPOS_HEAD = compile_regex(r"^(?P<np>.*?)(?: (?:of|from|for|in|at|on|with|to)\b.*)?$")
# ... and at most two words between the determiner and the head, none of them a gerund.
_APPOS_MODIFIERS = compile_regex(
    r"^(?:the|a|an|his|her|their)(?: (?!(?:the|a|an)\b)[\p{Ll}\p{N}'’-]+(?<!ing)){0,2} [\p{Ll}-]+$"
)
# A first name of the lists before a capitalised word: "Ed Case", "Britney Spears".
_FULL_NAME = compile_regex(
    r"(?<![\p{L}\p{N}'’.-])(?P<first>\p{Lu}\p{Ll}+) (?P<sur>\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}-]| \p{Lu}| of \p{Lu})"
)
# A capitalised word on its own inside a sentence: after a lower-case word (not "the Treasure", a
# ship or a title), a number or an initial ("D Case 47,391" in a table of results).
_BARE = compile_regex(
    r"(?<=(?:(?<![\p{L}'’-])(?!(?:the|a|an)\b)\p{Ll}+[,;:]?|[\d%]|(?<![\p{L}\p{N}.])\p{Lu}\.?) )"
    r"(?P<w>\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}-]| \p{Lu})"
)
_SENTENCE_START = compile_regex(r"(?:^|[.!?:\"“”'‘’(\n]|[.!?:\"“”]\s+|\n\s*)$")
# Words that are people or speaking institutions themselves, or documents that "say" things.
_AGENTS = frozenset(
    "banks bank police court courts government company companies firm board panel council jury team "
    "club band crew house church state city town league union network studio label agency ministry "
    "department office committee campaign party family couple pair duo trio group press paper "
    "post mail sun times globe herald star mirror express guardian report study survey poll letter "
    "note sign card story page record statement book article file list release tweet video film movie "
    "show song album site website app school college university hospital army navy fed market "
    "people crowd audience public staff ones other others one latter former same will caption "
    "ruling review filing lawsuit email listing".split()
)
# Words that describe a song, a tour or a video ("a love song", "the best concert", "a new album"):
# before one of the works they are never a performer's name.
_WORK_MODIFIERS = frozenset(
    "love new old first last best little young final real slow sweet bad good big great live solo "
    "rap pop rock soul folk dance title theme lead world charity tribute benefit reunion farewell "
    "music surprise debut studio cover comeback breakup diss hit sad happy gospel country christmas "
    "holiday summer birthday wedding protest anthem club radio stadium arena press bus walking "
    "opening closing second third next latest whole full original official viral".split()
)
# First names that also open sentences as words ("Will Stone ...?", "Hope Price ..." is rare, but
# "May Banks" is a month): no anchor at a sentence start.
_OPENING_WORDS = frozenset(
    "will may hope grace mark bill rose faith joy art pat sue rich frank guy chase drew miles ray "
    "dawn april june august summer sky page max can".split()
)
_DETERMINER = compile_regex(
    r"(?<![\p{L}'’])(?:the|a|an|this|that|his|her|their|its|my|our|your) $", regex.IGNORECASE
)
# Code, tags and addresses: no findings there.
_ASIDE_MARKS = compile_regex(r"[`<]|https?:|www\.")
_ASIDE = compile_regex(r"```.*?```|`[^`\n]{1,300}`|<[^<>\n]*>|(?:https?://|www\.)\S+", regex.DOTALL)
_LOWER_WORD = compile_regex(r"(?<![\p{L}\p{N}'’-])(\p{Ll}{3,})(?![\p{L}\p{N}'’-])")


_AGENT_CLASSES = ("person-nouns", "human-nouns", "male-nouns", "female-nouns", "media-people")
_FIRST_NAME_CLASSES = (
    "female-first-names", "male-first-names", "male-first-names-wide", "person-first-names"
)


class LoweredSurname:
    def __init__(self, options) -> None:
        self.min_bare = options.get("min_bare", 1)
        self.first_name_classes = tuple(options.get("first_names", _FIRST_NAME_CLASSES))
        self.persons_class = options.get("persons", "person-nouns")
        self.agent_classes = tuple(options.get("agents", _AGENT_CLASSES))
        self.exclude = frozenset(options.get("exclude", ()))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"min_bare": int, "first_names": tuple, "persons": str, "agents": tuple, "exclude": tuple})
        if options.get("min_bare", 1) < 1:
            raise ValueError("option 'min_bare' is too small")
        names = list(options.get("first_names", ())) + list(options.get("agents", ()))
        if "persons" in options:
            names.append(options["persons"])
        for name in names:
            try:
                word_class(name)
            except KeyError:
                raise ValueError(f"no word class {name!r}") from None

    @functools.cached_property
    def first_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """(first names, those of them that open sentences as words: "Will Stone" at a sentence
        start says nothing)."""
        names: set[str] = set()
        for name in self.first_name_classes:
            names.update(word for word in word_class(name) if " " not in word)
        return frozenset(names), frozenset(name for name in names if name.lower() in _OPENING_WORDS)

    @functools.cached_property
    def persons(self) -> frozenset[str]:
        return frozenset(word.lower() for word in word_class(self.persons_class))

    @functools.cached_property
    def agents(self) -> frozenset[str]:
        words = set(_AGENTS) | self.exclude
        for name in self.agent_classes:
            words.update(word.lower() for word in word_class(name))
        return frozenset(words | {word + "s" for word in words})

    def find(self, text: str):
        candidates = []
        for match in _CANDIDATE.finditer(text):
            word = match.group("w")
            if word in self.exclude or (word in _WORK_MODIFIERS if match.group("work") else word in self.agents):
                continue
            if self._person_place(text, match):
                candidates.append(match)
        if not candidates:
            return
        if _ASIDE_MARKS.search(text):
            asides = [m.span() for m in _ASIDE.finditer(text)]
            candidates = [m for m in candidates if not any(a <= m.start() < b for a, b in asides)]
        anchored, bare, lowered = self._names(text, {m.group("w").capitalize() for m in candidates})
        spots = {m.start("w") for m in candidates}

        def noun_elsewhere(name: str) -> bool:
            """The text uses the word as a common noun elsewhere: after a determiner."""
            return any(
                at not in spots and _DETERMINER.search(text, max(0, at - 8), at) for at in lowered.get(name, ())
            )

        for match in candidates:
            name = match.group("w").capitalize()
            weak = match.group("speech") or match.group("posting") or match.group("who") or match.group("personal")
            if match.group("work") is not None:
                # "a legend video": a Legend video, for a name a first name anchors
                if name in anchored and not noun_elsewhere(name):
                    yield Found(match.start("w"), match.end("w"), (name,))
                continue
            if name in anchored:
                # the Paris Salon beside "the salon said": a place or a business may have a first
                # name's shape, and then the word is a noun the text uses as one
                if weak and noun_elsewhere(name):
                    continue
            else:
                # A company says, tells and posts too ("the salon said"): only a person's name
                if match.group("speech") or match.group("posting") or bare[name] < self.min_bare:
                    continue
                # "who" follows any noun phrase that holds a person ("a friend of the treasure
                # hunter's family who"): a text that uses the word in lower case elsewhere
                if weak and any(at not in spots for at in lowered.get(name, ())):
                    continue
            yield Found(match.start(), match.end("w"), (name,))

    def _person_place(self, text: str, match) -> bool:
        """The position is a person's, and the phrase is not part of a larger one."""
        before = _BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is not None:
            previous = before.group(1).lower()
            if previous in _PREPOSITIONS:
                return False
            if match.group("who") and previous.endswith("ing"):
                return False  # "everyone following the case who"
        appos = match.group("appos")
        if appos is not None:
            np = _APPOS_HEAD.match(appos).group("np")
            if not _APPOS_MODIFIERS.match(np):
                return False
            return np.rsplit(" ", 1)[-1] in self.persons
        return True

    def _names(self, text: str, wanted: set[str]):
        """Of the capitalised forms of the candidates: those a first name anchors ("Ed Case"), how
        often each stands capitalised alone inside a sentence, and where each is in lower case."""
        firsts, word_firsts = self.first_names
        anchored = set()
        for m in _FULL_NAME.finditer(text):
            name, first = m.group("sur"), m.group("first")
            if name in wanted and name not in anchored and first in firsts:
                if first in word_firsts and _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
                    continue
                anchored.add(name)
        bare: Counter = Counter()
        lowered: dict[str, list[int]] = {}
        rest = wanted - anchored
        if rest:
            for m in _BARE.finditer(text):
                if m.group("w") in rest:
                    bare[m.group("w")] += 1
        keys = {name.lower(): name for name in anchored | {name for name in rest if bare[name] >= self.min_bare}}
        if keys:
            for m in _LOWER_WORD.finditer(text):
                name = keys.get(m.group(1))
                if name is not None:
                    lowered.setdefault(name, []).append(m.start())
        return anchored, bare, lowered

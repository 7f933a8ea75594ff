"""`the N of Name` where English says `Name's N`.

French has no Saxon genitive: `la carrière d'Olivia` comes back as "the career of Olivia" where the
original said "Olivia's career". English uses the of-construction too ("the son of Henry", "the
reign of Elizabeth", "the help of Jim Jones"), so the detector fires only on a possessor it knows is
a person and a possessed noun that English would not build with "of":

- a known first name (rules/classes/*-first-names.txt) with an optional surname, and a head noun
  that is not in `exclude` (the nouns English readily builds with "of": reign, death, son ...);
- a person the document establishes by its own evidence, whatever their first name (Jazz, Taylor,
  Mila are in no list): a capitalised name used as the subject of a speech or action verb ("Kunis
  said", "said Kunis", "Jennings, 17, told"), or followed by he/she at the start of the next
  sentence; and a surname the document introduced after a known first name ("Britney Spears ...
  the version of Spears"). These possessors are weaker evidence, so their head noun must be one
  of `possessions`: the nouns of celebrity and news possession a round trip turns into "of"
  (career, album, wedding, lawyer, post, statement ...), never the nominalised events English
  says with "of" (the arrest of Smith, the help of Jones);
- a weekday ("the episode of Tuesday"; not the parts of a day: "the night of Tuesday");
- a kin noun after his/her ("the birthday of her sister");
- the reciprocal "the mothers of each other" (French "les mères l'une de l'autre") when the head
  is a kin noun or one of `possessions`.
"""

from __future__ import annotations

import functools

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options

_NAME = r"\p{Lu}\p{Ll}*\p{Lu}?\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
_PATTERN = compile_regex(
    r"\b([Tt]he) ((?:[\p{Ll}-]+ ){0,2}?[\p{L}-]+) of "
    r"(?:(?P<name>\p{Lu}[\p{Ll}-]+(?: \p{Lu}[\p{L}-]+){0,2})"
    r"|(?P<pron>his|her|their|my|your|our) (?P<kin>[\p{Ll}]+)(?!, \p{Lu})"  # not "their grandmother, Jo Calloway"
    r"|(?P<recip>each other|one another))"
    # "of" after the possessor names something else ("the son of Henry of Navarre"), except after a
    # weekday: "the episode of Tuesday of the show" is still Tuesday's episode.
    r"(?![\p{L}'’-]|(?<!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day) of\b| \p{Lu}| (?:and|&) \p{Lu}|, \p{Lu}\p{Ll}+(?:,| and\b)| \d"
    # "in the fourth quarter of Monday night's win": the weekday begins a longer possessor.
    r"|(?<=day) (?:morning|afternoon|evening|night)s?(?:['’]s)?\b)"
    r"(?<! (?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI))"
)
# "the Clooney scooter": the French "le scooter de Clooney" rebuilt as a noun adjunct.
_ADJUNCT = compile_regex(
    rf"\b([Tt]he) (?P<name>{_NAME}(?: {_NAME})?) (?P<head>\p{{Ll}}[\p{{Ll}}-]+)(?![\p{{L}}'’-]| \p{{Lu}})"
)
# "the Baby Shower of Chrissy Teigen", "the Chrissy Teigen Baby Shower": the round trip gave the
# possessed noun the capitals of a title. Lower-case "the" only (a work's title starts with "The"),
# a possessor that is a full name with a known first name, and the head's last word a possession.
_TITLED_OF = compile_regex(
    rf"(?<![\p{{L}}'’-])(?P<the>the) (?P<head>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+)?) of "
    rf"(?P<name>{_NAME} {_NAME})(?![\p{{L}}'’-]| \p{{Lu}}| of\b| (?:and|&) \p{{Lu}})"
)
# Not before "of": "the Aretha Franklin Celebration of Life" is the event's name.
_TITLED_ADJUNCT = compile_regex(
    rf"(?<![\p{{L}}'’-])(?P<the>the) (?P<name>{_NAME} {_NAME}) (?P<head>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+)?)"
    rf"(?![\p{{L}}'’-]| \p{{Lu}}| of\b)"
)
# "the Chester family" (la famille de Chester): a first name as a noun adjunct, where English
# builds "the X family" on surnames only. "the Chester family of Ohio" is a family named Chester.
_FIRST_NAME_FAMILY = compile_regex(
    rf"\b([Tt]he) (?P<name>{_NAME}) (?P<head>\p{{Ll}}+)\b(?![\p{{L}}'’-]| \p{{Lu}}| of \p{{Lu}})"
)
_MODES = ("of", "adjunct", "titled", "first-name-adjunct")
# Words that cannot stand inside a noun phrase before its head: "the throne in favour of his
# brother" is "in favour of", not a phrase "the throne in favour".
_NOT_MODIFIERS = frozenset(
    "in on at to for with by from into onto over under after before about against between through "
    "during without within upon across behind beside toward towards is was are were be been has had "
    "have that which who than".split()
)
# Complex prepositions English builds with "of" and a person: "under the eyes of her husband", "in
# the arms of her mother", "at the hands of Jim", "in the footsteps of his father".
_FRAME_PREPOSITIONS = frozenset(
    "in under before at by into from to on with beneath behind beside through out".split()
)
_FRAME_HEADS = frozenset(
    "eyes eye gaze hands hand arms arm feet foot side footsteps shadow presence company care custody "
    "wing watch protection guidance tutelage orders advice blessing approval permission consent "
    "delight dismay horror surprise amusement chagrin annoyance disappointment expense mercy".split()
)
# A past role names the relation, not a possession: "the former butler of Diana", "the former home
# of John Lennon".
_PAST_ROLE = frozenset("former erstwhile one-time onetime longtime long-time".split())
# Studying or telling a career: "She studied the career of Frida Kahlo", "the film traces the rise
# of Whitney": the register of biography, which builds these nouns with "of" (not "fans followed
# the journey of Jazz", the round trip's "suivi le parcours de").
_CHRONICLE_VERBS = compile_regex(
    r"(?:stud(?:y|ies|ied|ying)|(?:re)?trac(?:e|es|ed|ing)|chronicl(?:e|es|ed|ing)|document(?:s|ed|ing)?|"
    r"examin(?:e|es|ed|ing)|explor(?:e|es|ed|ing)|chart(?:s|ed|ing)?|recount(?:s|ed|ing)?|span(?:s|ned|ning)?|"
    r"celebrat(?:e|es|ed|ing)|hono(?:u)?r(?:s|ed|ing)?|survey(?:s|ed|ing)?|review(?:s|ed|ing)?|"
    r"analy[sz](?:e|es|ed|ing))"
)
_LAST_WORD = compile_regex(r"(\p{L}+)[ ]$")
_CHRONICLED = frozenset("career careers rise trajectory achievements journey evolution output".split())
_KIN = frozenset(
    "sister brother mother father mom dad husband wife daughter son friend boyfriend girlfriend "
    "partner fiance fiancé fiancee fiancée ex-husband ex-wife grandmother grandfather aunt uncle "
    "cousin niece nephew".split()
)
_KIN_PLURAL = frozenset(
    "sisters brothers mothers fathers moms dads husbands wives daughters sons friends boyfriends "
    "girlfriends partners parents families family children kids".split()
)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_DAY_PARTS = frozenset("morning afternoon evening night day week weekend hours events".split())
_FULL_NAME = compile_regex(r"\b(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b(?! \p{Lu})")

# Verbs whose subject is a person (speech and posting; institutions say things too, so these
# establish a full name "X Y" only), and acts only people do (enough for a single name).
_SPEECH = (
    "said|says|told|tells|asked|wrote|writes|posted|posts|shared|shares|revealed|reveals|added|"
    "explained|admitted|admits|confirmed|announced|tweeted|captioned|recalled|recalls|insisted|"
    "insists|replied|responded|continued|explains|thanked|apologized|apologised"
)
_PERSONAL = "joked|jokes|gushed|gushes|laughed|laughs|teased|teases|smiled|cried|married|divorced|starred|sang|wed"
_RUN = rf"(?<!\p{{Lu}}[\p{{L}}.]* )(?<![\p{{L}}’'-])(?P<run>{_NAME}(?: {_NAME})?)"
# A run of one or two names (not right after another capitalised word) as a subject: with its
# age ("Jennings, 17,"), before a verb, or followed in its clause by he/she/his/her.
_AGE = compile_regex(rf"{_RUN}, \d{{1,3}},")
_SUBJECT = compile_regex(rf"{_RUN}(?:, \d{{1,3}},)? (?P<verb>{_SPEECH}|{_PERSONAL})\b(?! (?:by|that|to be)\b)")
_INVERTED = compile_regex(
    rf"[,”\"] (?:said|says|wrote|writes|added|explained|continued|told|asked) "
    rf"(?P<run>{_NAME}(?: {_NAME})?)\b(?! \p{{Lu}})"
)
_PRONOUN_LINK = compile_regex(
    rf"{_RUN} \p{{Ll}}+(?: [\p{{Ll}}’'-]+){{0,7}} "
    r"(?:he|she|his|her(?! (?:a|an|the|to|and|or|in|on|at|for|with|from|by|up|out|back|off|down|as|that|this)\b))\b"
)
# Capitalised words that open sentences or are titles, never a person's name.
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We You I His Her Their Its Our My Your "
    "In On At By For From To With Without After Before When While As If But And Or So Yet "
    "Then There Here Now Today Yesterday Tomorrow Also Still Meanwhile However Later Earlier "
    "Police Officials Sources Fans Critics Reports Witnesses Prosecutors Authorities "
    "Everyone Someone Nobody Many Some Both Others Who What Where Why How "
    "Mr Mrs Ms Miss Dr Sir Lady Lord King Queen Prince Princess President Senator Governor "
    "Mayor Judge Justice Minister Secretary General Chief Officer Detective Sheriff Coach Pope "
    "Saint St Rev Father North South East West New Los Las San Santa Real United Great Hong Sri "
    "Saudi Costa Puerto El La Le Buckingham Downing Wall Capitol Silicon Hollywood".split()
) | _WEEKDAYS
# Second words that make a run an institution, not a person ("Downing Street said").
_INSTITUTIONS = frozenset(
    "House Street Palace Office Department Ministry Police Court Council Committee Party "
    "University College School Company Group News Times Post Journal Magazine Network Channel "
    "Records Studios Pictures Entertainment Media Agency Service Services Bank Club Team Inc "
    "Corp Ltd Association Foundation Institute Center Centre Hospital Airport Station Church "
    "Army Navy Government Administration Republic Kingdom States Union Nations City County "
    "Times Herald Tribune Report Daily Weekly Online TV Radio Press Magazine Sun Mail Guardian "
    "Telegraph Mirror Express Today".split()
)


class OfPossessive:
    def __init__(self, options) -> None:
        self.exclude = frozenset(options.get("exclude", ()))
        self.possessions = frozenset(options.get("possessions", ()))
        self.mode = options.get("mode", "of")
        self.adjunct = self.mode == "adjunct"

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset(word_class("female-first-names")) | frozenset(word_class("male-first-names"))

    @functools.cached_property
    def surname_first_names(self) -> frozenset[str]:
        """First names that are also common surnames (Russell, Grant, Tyler): never read as a first
        name before "family"."""
        return frozenset(word_class("surname-first-names"))

    @functools.cached_property
    def wide_names(self) -> frozenset[str]:
        return self.names | frozenset(word_class("male-first-names-wide"))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"exclude": tuple, "possessions": tuple, "mode": str})
        if options.get("mode", "of") not in _MODES:
            raise ValueError(f"option 'mode' must be one of {', '.join(_MODES)}")

    def find(self, text: str):
        if self.mode == "titled":
            yield from self._find_titled(text, _TITLED_OF)
            yield from self._find_titled(text, _TITLED_ADJUNCT)
            return
        if self.mode == "first-name-adjunct":
            yield from self._find_first_name_adjunct(text)
            return
        if self.adjunct:
            yield from self._find_adjunct(text)
            return
        if " of " not in text:
            return
        people = None
        for match in _PATTERN.finditer(text):
            phrase = match.group(2)
            head = phrase.split()[-1]
            if head.lower() in self.exclude or not head.islower():
                continue
            if self._frame(text, match, phrase):
                continue
            if match.group("name"):
                name = match.group("name")
                first = name.split()[0]
                if first in _WEEKDAYS:
                    if " " in name or head.lower() in _DAY_PARTS:
                        continue
                elif " " in name or first not in self.names:
                    # A full name or a surname: formal English writes "the help of Jim Jones",
                    # so only the nouns of personal possession fire.
                    if head.lower().lstrip("-") not in self.possessions:
                        continue
                    if first not in self.names:
                        if people is None:
                            people = self._people(text)
                        if not self._known(name, people):
                            continue
                possessor = name + ("'" if name.endswith("s") else "'s")
            elif match.group("recip"):
                if not {head, head[:-1]} & (_KIN | _KIN_PLURAL | self.possessions):
                    continue
                possessor = "each other's"
            else:
                if match.group("kin") not in _KIN:
                    continue
                possessor = f"{match.group('pron')} {match.group('kin')}'s"
            article = match.group(1)
            if article[0].isupper():
                possessor = possessor[0].upper() + possessor[1:]
            yield Found(match.start(), match.end(), (f"{possessor} {phrase}",))

    @staticmethod
    def _frame(text: str, match, phrase: str) -> bool:
        """Whether English builds this "the N of" with "of" whatever the possessor: a phrase with
        a preposition inside ("the throne in favour of his brother"), a complex preposition ("under
        the eyes of her husband"), a past role ("the former butler of Diana") or a career told
        ("studied the career of Frida Kahlo")."""
        words = phrase.lower().split()
        head = words[-1]
        if any(w in _NOT_MODIFIERS for w in words):
            return True
        if _PAST_ROLE & set(words[:-1]):
            return True
        before = text[max(0, match.start() - 40):match.start()]
        previous = _LAST_WORD.search(before)
        if previous is None:
            return False
        previous = previous.group(1).lower()
        if head in _FRAME_HEADS and previous in _FRAME_PREPOSITIONS:
            return True
        return head in _CHRONICLED and _CHRONICLE_VERBS.fullmatch(previous) is not None

    def _find_titled(self, text: str, pattern):
        """`the Baby Shower of Chrissy Teigen` / `the Chrissy Teigen Baby Shower`: a possession in
        title case and a full name whose first name is known, or that the document makes a person
        (`_people`); the head goes back to lower case."""
        people = None
        for match in pattern.finditer(text):
            head = match.group("head")
            name = match.group("name")
            if head.split()[-1].lower() not in self.possessions or name.split()[-1] in _INSTITUTIONS:
                continue
            if name.split()[0] not in self.names:
                # a first name in no list: the document must make a person of the name
                if name.split()[0] in _NOT_NAMES:
                    continue
                if people is None:
                    people = self._people(text)
                if not self._known(name, people):
                    continue
            possessor = name + ("'" if name.endswith("s") else "'s")
            yield Found(match.start(), match.end(), (f"{possessor} {head.lower()}",))

    def _find_adjunct(self, text: str):
        """`the Clooney scooter` for Clooney's scooter: only heads in `possessions` (things a
        person owns, a spouse or parent), which English does not build with a name as a noun adjunct."""
        people = None
        for match in _ADJUNCT.finditer(text):
            head = match.group("head")
            name = match.group("name")
            if head not in self.possessions or name.split()[0] in _NOT_NAMES:
                continue
            if name not in self.names:
                if people is None:
                    people = self._people(text)
                if not self._known(name, people):
                    continue
            possessor = name + ("'" if name.endswith("s") else "'s")
            if match.group(1)[0].isupper():
                possessor = possessor[0].upper() + possessor[1:]
            yield Found(match.start(), match.end(), (f"{possessor} {head}",))

    def _find_first_name_adjunct(self, text: str):
        """`the Chester family` for Chester's family (heads: `possessions`): the name is a first name in the lists, the
        document writes it before a surname ("Chester Bennington") and never after another name
        (so it is nobody's surname here: "the Kennedy family", "the Taylor family" of Jim Taylor),
        and speaks of that person by the surname alone too ("Bennington died in July"): the
        document's own subject, not someone named once beside a family of that name. First names
        that are common surnames (Russell, Grant, Tyler) never fire."""
        firsts = seconds = surnames_of = None
        for match in _FIRST_NAME_FAMILY.finditer(text):
            name = match.group("name")
            if match.group("head") not in self.possessions or name not in self.wide_names:
                continue
            if name in self.surname_first_names:
                continue
            if firsts is None:
                firsts, seconds, surnames_of = set(), set(), {}
                for pair in _NAME_PAIR.finditer(text, overlapped=True):
                    if pair.group(1) not in _NOT_NAMES:
                        firsts.add(pair.group(1))
                        seconds.add(pair.group(2))
                        surnames_of.setdefault(pair.group(1), set()).add(pair.group(2))
            if name not in firsts or name in seconds:
                continue
            if not any(self._alone(text, name, surname) for surname in surnames_of.get(name, ())):
                continue
            possessor = name + ("'" if name.endswith("s") else "'s")
            if match.group(1)[0].isupper():
                possessor = possessor[0].upper() + possessor[1:]
            yield Found(match.start(), match.end(), (f"{possessor} {match.group('head')}",))

    @staticmethod
    def _alone(text: str, first: str, surname: str) -> bool:
        """Whether the text writes `surname` on its own (not right after `first`) at least once."""
        pattern = rf"(?<![\p{{L}}'’-])(?<!{regex.escape(first)} ){regex.escape(surname)}(?![\p{{L}}-])"
        return regex.search(pattern, text) is not None

    @staticmethod
    def _known(name: str, people: tuple[frozenset[str], frozenset[str]]) -> bool:
        full, single = people
        parts = name.split()
        if len(parts) == 1:
            return name in single
        return name in full or (len(parts) == 2 and parts[1] in single and parts[0] not in _NOT_NAMES)

    def _people(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """(full names, single names) of the persons the document establishes.

        A surname after a known first name counts ("Britney Spears"), and so does any name the
        text uses as the subject of a verb of speech ("Mila Kunis said", "said Mila Kunis"), gives an
        age ("Kunis, 33,") or follows in the same clause with he/she/his/her. A single capitalised
        word needs the stronger evidence (an age, a pronoun, an act only people do: laughed,
        married), and the text must write it capitalised inside a sentence and never in lower case
        (which keeps out "Officials said" and countries and companies: "China said").
        """
        full: set[str] = set()
        single: set[str] = set()
        text = _Text(text)
        for m in _FULL_NAME.finditer(text.text):
            if m.group(1) in self.names:
                single.add(m.group(2))
        for m in _AGE.finditer(text.text):
            self._add(m.group("run"), full, single, text, strong=True)
        for m in _SUBJECT.finditer(text.text):
            self._add(m.group("run"), full, single, text, strong=regex.fullmatch(_PERSONAL, m.group("verb")) is not None)
        for m in _INVERTED.finditer(text.text):
            self._add(m.group("run"), full, single, text, strong=False)
        for m in _PRONOUN_LINK.finditer(text.text):
            self._add(m.group("run"), full, single, text, strong=True)
        return frozenset(full), frozenset(single)

    @staticmethod
    def _add(run: str, full: set[str], single: set[str], text: "_Text", strong: bool) -> None:
        parts = run.split()
        if parts[0] in _NOT_NAMES:
            parts = parts[1:]
        if not parts or parts[-1] in _NOT_NAMES or parts[-1] in _INSTITUTIONS:
            return
        if len(parts) == 2:
            full.add(" ".join(parts))
            single.add(parts[1])
        elif strong and text.inside_sentence(parts[0]) and not text.in_lower_case(parts[0]):
            single.add(parts[0])


class _Text:
    """A document and the word sets the person evidence asks about, each read in one pass on
    first use (asking the whole text once per candidate name was quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: frozenset[str] | None = None
        self._after_lower: frozenset[str] | None = None

    def in_lower_case(self, word: str) -> bool:
        """Whether the text writes `word` in lower case as a word of its own."""
        lowered = word.lower()
        if not _PLAIN.fullmatch(lowered):
            return regex.search(rf"\b{regex.escape(lowered)}\b", self.text) is not None
        if self._words is None:
            self._words = frozenset(m.group() for m in _PLAIN.finditer(self.text))  # no list of every word
        return lowered in self._words

    def inside_sentence(self, word: str) -> bool:
        """Whether the text writes `word` capitalised after a lower-case word."""
        if not _PLAIN.fullmatch(word):
            return regex.search(rf"\p{{Ll}}[,;:]? {regex.escape(word)}\b", self.text) is not None
        if self._after_lower is None:
            self._after_lower = frozenset(m.group(1) for m in _AFTER_LOWER.finditer(self.text, overlapped=True))
        return word in self._after_lower


_PLAIN = compile_regex(r"\w+")
# A capitalised word before another one, not right after a third ("Chester Bennington").
_NAME_PAIR = compile_regex(r"(?<![\p{L}'’-]\p{Lu}\p{Ll}* |\p{L})(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)")
_AFTER_LOWER = compile_regex(r"\p{Ll}[,;:]? (\w+)")

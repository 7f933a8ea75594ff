"""Personal pronouns of the wrong animacy: "he/his" for a thing, "its" for a person.

French has no neuter. A film, a series, a company or a law is `il` or `elle`, and its possessive is
`son`/`sa` whatever the owner, so a round trip brings back "Season 2 was brutal. He gave in to
every instinct", "the show closed the first half of his third season", "the streamer did not get
the audience he hoped for". The other way round, the system sometimes picks the neuter for a
person: "Swift, including its choreographed fight", "the pair was shaking its head".

Two modes (one rule each):

- `thing`: a "he", "his", "him" or "himself" in a passage (the sentence up to the pronoun and the
  `sentences` before it, within the paragraph unless `paragraph` is off) that names a thing --
  a determiner and a noun of the word class `things` ("the series", "this album", "the NBC
  comedy"), or "Season 2" / "Episode 4" -- and no man and no person of either sex: no he/him/his
  before it, no man's first name or known surname, no noun of the classes `male-nouns`,
  `persons` (actor, director, coach, who ...) and `media-people`. A woman in the passage does not
  save "he" (French elle comes back as "she"), but it does save "his", which may be hers (the
  pronoun-gender detector's case); a speaker (I, we, or "he" right after a closing quotation mark)
  counts as a person. A short quoted title opening the sentence ('"This Is Us" closed ...') is a
  thing too. The replacement is the neuter (it, its, itself); for "his" there is none when the
  passage holds a capitalised word that may name its owner.
- `person`: an "its" reached, walking back over verbs (-ed, -ing, auxiliaries), adverbs and one
  comma, from a person: "the" + a noun of the class `humans` (singer, actress; no words that
  also name software or stars) or of a pair or group of people, or a surname known from a first
  name in the text. The replacement is "their" for pairs and
  groups of people, "her"/"his" when the passage speaks of the person as she/he only; otherwise
  there is none. Also an "its" before a relative only people have ("its late mother", "its two
  sons") in a sentence whose subject is a pair or group of people ("The quartet ...", "the
  couple"), with nothing between that could have one: "their".

In `thing` mode a plural noun for people ("the main stars") is no "he" but may hold one of them: it
vetoes in the pronoun's sentence and the one before, and further back only until a later sentence
names a thing. A man's first name that the text writes only after a woman's ("Katy Perry") is her
surname, not a man.
"""

from __future__ import annotations

import functools
import itertools
import re

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options, same_case, segments, strip_possessive
from .pronouns import CAST, male_surnames

# A paragraph ends at a blank line (hard-wrapped text keeps going across single line breaks).
# A paragraph ends at a line break followed by a blank line or the end of the text.
_PARAGRAPH_END = re.compile(r"\n(?=[ \t]*(?:\n|\Z))")
# A sentence ends at a full stop, not at the stops of "a.m.", "p.m." or "U.S." that a comma or a
# lower-case word follows ("around 1 a.m., according to her campaign. In a statement, he ...").
_SENTENCE = compile_regex(r"[^.!?]+(?:[.!?](?=[,;]|[ ]?\p{Ll})[^.!?]*)*(?:[.!?]+[\"”’)]*|$)")
_WORD = compile_regex(r"\p{L}[\p{L}&-]*(?:['’]\p{L}+)?|\d+")
_MASCULINE = {"he": "it", "his": "its", "him": "it", "himself": "itself"}
# Where a _WORD token may be one of _MASCULINE in any case (a superset: "he-" passes too).
_HE = compile_regex(r"(?i)(?<!\p{L})(?:he|his|him|himself)(?!\p{L})")
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_DETERMINERS = frozenset({"the", "this", "that", "a", "an"})
# Numbered parts of a work: "Season 2 was brutal".
_NUMBERED = frozenset({"season", "episode", "chapter", "part", "volume", "series", "round"})
# Words that end a noun phrase's modifiers: after them the determiner's noun has been passed.
_STOP = frozenset(
    "of in on at to for with by from and or but as that which who whom whose is was are were be been "
    "has have had will would can could should may might must do does did not said says".split()
)
# A sentence whose subject is a short quoted title: '"This Is Us" closed its third season'.
_TITLE_SUBJECT = compile_regex(r"\s*[\"“]\p{Lu}[^\"”,.!?:;]{0,40}[\"”][ ]+(?!(?:he|she|they|I|we|you|it)\b)\p{Ll}+[ ]")
# A short quoted title of capitalised words ('"Will & Grace"', '"Grey's Anatomy"'), not a quotation:
# no pronoun, no lower-case word but short function words.
_QUOTED_TITLE = compile_regex(
    r"[\"“](\p{Lu}[\p{L}'’]*(?:[ ](?:&|and|of|the|a|in|on|to|\p{Lu}[\p{L}'’]*|\d+)){0,5})[\"”]"
)
# A speaker (who may be a man) is in the passage: "'... a photo,' he shared".
_FIRST_PERSON = frozenset({"I", "me", "my", "myself", "we", "our", "We", "Our", "My", "Me"})
_AGED = compile_regex(r"\b(\p{Lu}[\p{L}'’-]+), \d{1,3},")
# What opens a sentence before its subject noun ("The caddie", "A golfer", "Her lawyer").
_SUBJECT_DETERMINERS = frozenset("the a an this that another every each his her their our my".split())
_SPEECH_TAG = compile_regex(r"[,!?.…][\"”’'][ ]*$")
_QUOTE_MARKS = compile_regex(r"[\"“”]")
# The rest of a quotation and its tag: '... not once," Whitt said', '...!" she says'.
_QUOTE_THEN_TAG = compile_regex(
    r"[^\"“”]*[,!?.…][\"”][ ]+(?:\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+)?|he|she|they)[ ]+"
    r"(?:said|says|told|tells|added|adds|recalled|recalls|explained|explains|insisted|insists|wrote|writes)(?!\p{L})"
)
# A reported sentence's tag without quotation marks ("... the first step toward the Tour, he
# said.", "The first series, he said, decides ..."): the speaker is a person named further back
# than the passage reaches.
_UNQUOTED_TAG = compile_regex(
    r"(?i)he (?:said|says|added|adds|explained|insisted|recalled|noted|argued|admitted|warned|"
    r"stressed|concluded|acknowledged|told (?:\p{L}+ ){0,3}?\p{L}+)(?:[.!?,]|$)"
)
# The same with the speaker named as a man's agent or friend ("..., his agent said"): only a person
# has one, named further back than the passage reaches (a company's spokesman is its own).
_UNQUOTED_HIS_TAG = compile_regex(
    r"(?i)his (?:agent|publicist|biographer|stylist|bodyguard|friend|close friend|best friend|entourage|"
    r"coach|trainer|teammate|bandmate|co-star|costar|girlfriend|boyfriend|fiancée|fiancee|fiancé|wife|brother|"
    r"sister|mother|father|son|daughter) (?:said|says|added|adds|explained|told (?:\p{L}+ ){0,3}?\p{L}+)(?:[.!?,]|$)"
)
# A fronted participle clause ("Having belonged to the club for years, he resigned"): "he" is its
# understood subject, so no noun inside it can be what "he" stands for ("the club belonged to the club").
_FRONTED_PARTICIPLE = compile_regex(
    r"\s*(?:(?:After|Before|Since|While|When|Upon|On|Despite|Without|By)[ ]+\p{Ll}{2,}ing|Having[ ]+\p{Ll}+"
    r"|(?!(?:During|Following|Including|Regarding|Concerning|Considering|Excluding|Pending|According|Starting|"
    r"Beginning|Barring|Notwithstanding|Nothing|Something|Everything|Anything|Morning|Evening|Spring|King|"
    r"Wedding|Building|Sterling|Viking|Beijing|Reading|Darjeeling)(?!\p{L}))\p{Lu}\p{Ll}+ing)"
    r"(?![\p{L}'’-])[^,;:.!?\"“”]*,[ ]+$"
)
# The edge of a clause, walking back from "him": a noun before it in its own clause is the subject
# or an object of the verb "him" is object of, which English would call "itself" ("The party
# claims him 100 votes short", "The court of public opinion has judged him").
_CLAUSE_EDGE = compile_regex(
    r"(?i)[,;:()\"“”]|(?<!\p{L})(?:and|but|or|nor|so|that|which|who|whom|when|while|because|after|before|since|"
    r"until|unless|if|though|although|as|where|whether)(?!\p{L})"
)
# A person compared with the pronoun's owner ("ceded his place to a younger player"): the owner is
# a person of that kind.
_CONTRAST = compile_regex(r"(?i)(?<!\p{L})(?:a younger|an older|an elder|a more experienced|a less experienced) (\p{Ll}+)")
# Beings a story may call "he": animals and the robots and creatures of fiction ("the robot learns
# to love; he even gives himself a name").
_BEINGS = frozenset(
    "robot android cyborg droid alien creature monster beast dragon puppet dog puppy horse colt stallion "
    "bull cat kitten lion tiger bear wolf gorilla ape monkey elephant bird parrot".split()
)
_ITS = compile_regex(r"(?i)(?<![\p{L}'’])(?:its|itself)(?!\p{L})")
# "it" as the subject of a verb after the pronoun ("he is the secretary it dwells on most").
_IT_SUBJECT = compile_regex(
    r"(?i)(?<![\p{L}'’])it (?:is|was|has|had|will|would|can|could|does|did|may|might|must|should|"
    r"(?!(?:is|was|has|this|its|his|us)(?!\p{L}))\p{Ll}{2,}(?:s|ed))(?!\p{L})"
)
_PAIR = frozenset({"two", "three"})
# Not "duo", "trio", "family": an act or a household takes "its" in US news ("The duo released its debut").
_GROUPS = frozenset("pair couple twins sisters brothers parents".split())
# A pair or group of people that opens its sentence as the subject ("The quartet was ...",
# "Since then, the couple has ..."), and the relatives only people have, after "its" with up to two
# modifiers between, not heading a compound ("its parent company", "its sister station").
_GROUP_WORDS = frozenset("couple pair duo trio quartet quintet twins siblings sisters brothers".split())
_GROUP_SUBJECT = compile_regex(
    r"[\s\"“‘'(]*(?:\p{Lu}[^,]{0,60},[ ]+)?(?i:the|this|that)[ ]+(?:[\p{Ll}\d-]+[ ]+){0,2}?"
    r"(?:couple|pair|duo|trio|quartet|quintet|twins|siblings|sisters|brothers)(?![\p{L}'’-])(?![ ]of[ ])"
)
_GROUP_KIN = compile_regex(
    r"(?:[ ]\p{Ll}[\p{Ll}-]*){0,2}?[ ](?:mother|father|mom|mum|dad|parents|children|kids|son|sons|daughter|"
    r"daughters|baby|babies|husband|husbands|wife|wives|grandmother|grandfather|grandparents|"
    r"grandchildren|granddaughter|grandson|stepmother|stepfather|mother-in-law|father-in-law)"
    r"(?![\p{L}'’-])(?![ ](?:company|companies|ship|ships|station|stations|brand|brands|label|labels|"
    r"network|networks|organi[sz]ation|site|sites|paper|papers|publication|board|club|team|church|city|"
    r"cities|plant|plants|lode|figure|figures|nature|tongue|firm|group|store|stores|project|show|series)(?!\p{L}))"
)
# Verbs whose object is a person: "told him" is never "told it".
_PERSON_OBJECT_VERBS = frozenset(
    "told tells tell asked asks ask thanked thanks thank kissed kisses hugged hugs married marries "
    "begged begs warned warns urged urges persuaded convinced reminded reminds congratulated "
    "forgave forgives dumped dumps accused accuses accuse sued sues sue interviewed interviews "
    "arrested arrests indicted charged charges impeached impeach elected elect reelected re-elected "
    "defeated defeats unseated mocked mocks sold sells sell paid pays pay hired hires hire invited invites "
    "invite signed signs sentenced sentences sentence ordered orders tried sacked sacks sack".split()
)
# "He asked me": a subject that asks, tells, thanks or kisses someone is a person; so is one that
# smiles, shrugs or laughs ("Asked about a return to the club, he smiled").
_HE_PERSON_VERB = compile_regex(
    r"(?i)(?:(?:told|tells|asked|asks|thanked|thanks|kissed|kisses|hugged|hugs|begged|begs|texted|texts)"
    r" (?:me|us|her|him|them)|(?:smiled|smiles|laughed|laughs|shrugged|shrugs|nodded|nods|sighed|sighs|"
    r"grinned|grins|winked|winks|joked|jokes|wept|weeps|blushed|blushes|chuckled|chuckles))(?!\p{L})"
)
_SHE_THEN_HE = compile_regex(r"(?i)(?<!\p{L})she [^.;:!?]{1,80}?(?:,| and) he$")
# A relative clause opened after a thing noun ("the documentary where he tells all", "a memoir in
# which he names names"): "he" is the clause's subject, so the thing is not what "he" stands for.
_RELATIVE_BEFORE_HE = compile_regex(r"(?i)(?<!\p{L})(\p{L}+),?[ ](?:where|whereby|(?:in|on|for|through|during|with|about|at|from|after|under|over)[ ]which)[ ]$")
# What makes the "he" right after it someone other than a thing of the sentence: a verb of judging
# without "that" ("the court concluded he was guilty"; "the ministry said he gave no date" stays a
# thing's "he"), a thing as the source of a report ("According to the contract, he would be
# paid"), a fronted idiom for a person ("The life of the party, he ...").
_OTHER_HE_BEFORE = compile_regex(
    r"(?i)(?:(?<!\p{L})(?:concluded|concludes|ruled|rules|found|finds|judged|judges|determined|determines|"
    r"deemed|deems|held|holds)|(?:(?<!\p{L})according to [^,;:.!?]{1,60}|^(?:the|a) (?:life(?: and soul)?|"
    r"toast|talk|darling|pride) of (?:the|his|her|their) \p{L}+),)[ ]$"
)
_AUXILIARIES = frozenset("is was are were be been being has have had".split())
# Prepositions after which "him" is someone a woman of the sentence is with or acts for.
_WITH_PERSON = frozenset("with for beside to".split())
_SHE_BEFORE = compile_regex(r"(?i)(?<!\p{L})she(?!\p{L})")
_NAME_AFTER_COMMA = compile_regex(r"\p{Lu}\p{Ll}+(?:['’]s)?(?![\p{L}'’-])")
_ADVERBS = frozenset("also still now then just even again already often always never later once".split())


class PronounThings:
    def __init__(self, options) -> None:
        self.mode = options.get("mode", "thing")
        self.window = options.get("sentences", 2)
        self.paragraph = options.get("paragraph", True)
        self.things_class = options.get("things", "thing-nouns")
        self.persons_class = options.get("persons", "person-nouns")
        self.humans_class = options.get("humans", "human-nouns")

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"mode": str, "sentences": int, "paragraph": bool, "things": str, "persons": str,
                                "humans": str})
        if options.get("mode", "thing") not in ("thing", "person"):
            raise ValueError("option 'mode' must be 'thing' or 'person'")

    @functools.cached_property
    def things(self) -> frozenset[str]:
        return frozenset(w.lower() for w in word_class(self.things_class))

    @functools.cached_property
    def subjects(self) -> frozenset[str]:
        """Nouns WordNet gives only person senses ("caddie", "golfer"): a person when one opens
        its sentence as the subject ("The caddie kept a record of his putts"); further on, a
        thing can be called one ("the comedy is the biggest loser", "could be a competitor")."""
        return frozenset(word_class("person-nouns-wordnet"))

    @functools.cached_property
    def persons(self) -> frozenset[str]:
        words = set()
        for name in (self.persons_class, "media-people"):
            words |= {w.lower() for w in word_class(name) if " " not in w}
        words -= {"him", "her"}
        return frozenset(words | _plurals(words))

    @functools.cached_property
    def person_plurals(self) -> frozenset[str]:
        """Plural nouns for people ("the main stars", "fans"): a group, never the "he" or the
        owner of a "his" (one of them would be named first)."""
        words = {w.lower() for name in (self.persons_class, "media-people") for w in word_class(name) if " " not in w}
        return frozenset(_plurals(words) - words - self.male)

    @functools.cached_property
    def male(self) -> frozenset[str]:
        return frozenset(w.lower() for w in word_class("male-nouns"))

    @functools.cached_property
    def female(self) -> frozenset[str]:
        return frozenset(w.lower() for w in word_class("female-nouns"))

    @functools.cached_property
    def male_names(self) -> frozenset[str]:
        """Evidence of a man: the wide list too (names that are also words or places: "Grant")."""
        return frozenset(word_class("male-first-names")) | frozenset(word_class("male-first-names-wide"))

    @functools.cached_property
    def person_names(self) -> frozenset[str]:
        """First names that make the next capitalised word a person's surname ("its" for a person)."""
        return frozenset(word_class("male-first-names")) | self.female_names | self.either_names

    @functools.cached_property
    def either_names(self) -> frozenset[str]:
        """First names of either sex ("Taylor", "Jordan"): a person of the passage, of unknown sex."""
        return frozenset(word_class("person-first-names"))

    @functools.cached_property
    def female_names(self) -> frozenset[str]:
        return frozenset(word_class("female-first-names"))

    @functools.cached_property
    def owned_by_person(self):
        """What only a person has, after "his" ("his foot", "his employer")."""
        words = "|".join(sorted((regex.escape(w) for w in word_class("person-possessions")), key=len, reverse=True))
        # not "his family of brands" (a company's range)
        return compile_regex(rf"(?i)(?<!\p{{L}})his (?:\p{{Ll}}[\p{{Ll}}-]* )?(?:{words})(?!\p{{L}})(?!(?<=family)[ ]of(?!\p{{L}}))")

    def find(self, text: str):
        if self.mode == "thing":
            yield from self._things(text)
        else:
            yield from self._persons(text)

    # -- "he/his" for a thing -------------------------------------------------------------------

    def _things(self, text: str):
        surnames = None  # read at the first sentence that has a masculine pronoun
        blocks = segments(text, _PARAGRAPH_END) if self.paragraph else [regex.match(r"(?s).*", text)]
        for block in blocks:
            # Sentences found in `text` itself: a copy of a long paragraph (a text without blank
            # lines is one) would stay alive as long as its sentences.
            offset = 0
            sentences = [m for m in _SENTENCE.finditer(text, block.start(), block.end()) if m.group().strip()]
            for index, sentence in enumerate(sentences):
                if not _HE.search(sentence.group()):
                    continue  # no he, him, his or himself: nothing to change here
                if surnames is None:
                    # A character the text names with the actor in parentheses anywhere
                    # ("Will (Dale Chester)") is a person in every paragraph, also when the
                    # first name is a common word no name list holds (Will, Hope, Mark).
                    characters = frozenset(m.group("character") for m in CAST.finditer(text))
                    # The men possessive-gender knows too: a full name after a man's noun ("his
                    # father, Dallas Pruitt"). Not its votes: the "he" this detector judges would
                    # vote for the thing ("the Foreign Ministry said ...; he gave no date").
                    men = male_surnames(text, self.male_names, self.female_names, self.male, self.female, votes=False)
                    # A name with an age after it anywhere ("Calloway, 26,", "Archer, 41,") is a
                    # person's, also when the first name is a word no list holds (Banks, Archer).
                    aged = frozenset(m.group(1) for m in _AGED.finditer(text))
                    surnames = self._surnames(text) | characters | men | aged | self._named_by_role(text)
                    # A man's first name that the text writes only as a woman's surname ("Katy
                    # Perry ... If Perry had decided") is that woman, not a man.
                    women = _names_after(text, self.female_names) - surnames
                # "as he planted his foot": whatever else the passage names, this man is a person.
                if self.owned_by_person.search(sentence.group()):
                    continue
                words = list(_WORD.finditer(sentence.group()))
                for position, match in enumerate(words):
                    token = match.group().lower()
                    if token not in _MASCULINE:
                        continue
                    # The speaker after a quotation ('"...," he said') is a person.
                    if _SPEECH_TAG.search(sentence.group()[:match.start()]):
                        continue
                    # A quotation with its speaker's tag after it ('"He was never late," Whitt
                    # said'): the speaker talks of someone of the story, not of a thing named before.
                    if _in_tagged_quotation(sentence.group(), match.start(), match.end()):
                        continue
                    if token == "he" and _HE_PERSON_VERB.match(sentence.group(), match.end() + 1):
                        continue
                    if token == "he" and sentence.group()[:match.start()].endswith(", ") \
                            and _UNQUOTED_TAG.match(sentence.group(), match.start()):
                        continue
                    if token == "his" and sentence.group()[:match.start()].endswith(", ") \
                            and _UNQUOTED_HIS_TAG.match(sentence.group(), match.start()):
                        continue
                    # "The network reversed its decision to cut his salary", "he is the secretary it
                    # dwells on most": the sentence already calls its thing "it", so the masculine
                    # pronoun is someone else.
                    if _ITS.search(sentence.group()) or _IT_SUBJECT.search(sentence.group(), match.end()):
                        continue
                    # "to a younger player": the owner of "his" is compared with a person.
                    if any(strip_possessive(m.group(1)) in self.persons
                           for m in _CONTRAST.finditer(sentence.group(), match.end())):
                        continue
                    # "she in Vancouver filming a series, he at home with the children", "in which she
                    # starred and he doubled for her co-star": a couple.
                    if token == "he" and _SHE_THEN_HE.search(sentence.group(), 0, match.end()):
                        continue
                    # "she sat with him", "held the peas for him": a woman of the sentence does
                    # something with or for the man ("she" may be a thing, "him" beside her not).
                    if token == "him" and position and words[position - 1].group().lower() in _WITH_PERSON \
                            and _SHE_BEFORE.search(sentence.group(), 0, match.start()):
                        continue
                    # "In a statement released through his publicist, Bell apologized": a pronoun
                    # of a fronted phrase is the subject's that the comma brings, a man named there.
                    if self._fronted_for(sentence.group(), match, surnames, women):
                        continue
                    # "told him", "asked him": one tells or asks a person, never a thing (the man
                    # may have a first name the name lists lack: "pulled Garrett aside and told him").
                    if token == "him" and position and words[position - 1].group().lower() in _PERSON_OBJECT_VERBS:
                        continue
                    earlier = sentences[max(0, index - self.window):index]
                    before = words[:position]
                    # "the album he almost didn't make": a thing noun right before "he" heads a
                    # relative clause whose subject is "he", so it is not what "he" stands for.
                    if token == "he" and position and words[position - 1].group().lower() in self.things \
                            and sentence.group()[words[position - 1].end():match.start()] == " ":
                        before = words[:position - 1]
                    head = sentence.group()[:match.start()]
                    if token == "he":
                        if _OTHER_HE_BEFORE.search(head):
                            continue  # "the court concluded he was guilty": whoever the court judged
                        # "the documentary where he tells all", "a memoir in which he tells all": the
                        # same with a relative adverb or a preposition and "which" between.
                        relative = _RELATIVE_BEFORE_HE.search(head)
                        if relative is not None and relative.group(1).lower() in self.things:
                            before = [w for w in words[:position] if w.start() < relative.start(1)]
                    # No noun of the pronoun's own clause can be "him" (English says "itself"),
                    # and no noun of a fronted participle clause can be the "he" that is its subject.
                    own = None
                    if token == "him":
                        edges = list(_CLAUSE_EDGE.finditer(head))
                        own = edges[-1].end() if edges else 0
                    elif token == "he" and _FRONTED_PARTICIPLE.fullmatch(head):
                        own = 0
                    passage = [list(_WORD.finditer(s.group())) for s in earlier] + [before]
                    bodies = [s.group() for s in earlier] + [sentence.group()]
                    thing = female = False
                    blocked = False
                    # A plural noun for people ("the main stars have all won") cannot be "he", but
                    # one of them may be meant: it holds the pronoun back in the sentence before
                    # and in the pronoun's own, and further back unless a thing is named in a later
                    # sentence of the passage, nearer the pronoun ('the stars ... the NBC comedy.
                    # "Will & Grace" amassed 27 nominations. Last year, he added'; not 'The players
                    # were furious. The club fined him').
                    group = False
                    for distance, (body, tokens) in zip(range(len(bodies) - 1, -1, -1), zip(bodies, passage)):
                        evidence = self._evidence(body, tokens, surnames, women)
                        if evidence.male or (evidence.plural and distance <= 1):
                            blocked = True
                            break
                        here = evidence.thing or _TITLE_SUBJECT.match(body) is not None
                        if distance == 0 and own is not None:
                            # the things of the own clause do not count: those before it only
                            title = _TITLE_SUBJECT.match(body)
                            here = self._evidence(body, [t for t in tokens if t.end() <= own], surnames, women).thing \
                                or (title is not None and title.end() <= own)

                        thing = thing or here
                        group = evidence.plural or (group and not here)
                        female = female or evidence.female
                    if blocked or not thing or group:
                        continue
                    replacement = same_case(match.group(), _MASCULINE[token])
                    if token == "his":
                        if female:
                            continue
                        following = words[position + 1].group().lower() if position + 1 < len(words) else ""
                        if not following or following in _STOP or following in _DETERMINERS:
                            continue
                        # A name in the passage may be the owner after all: no replacement then.
                        if any(_capitalised_inside(body, tokens) for body, tokens in zip(bodies, passage)):
                            replacement = None
                    start = offset + sentence.start() + match.start()
                    end = offset + sentence.start() + match.end()
                    yield Found(start, end, (replacement,) if replacement else ())

    def _fronted_for(self, sentence: str, match, surnames, women) -> bool:
        """The pronoun stands in the phrase before the sentence's first comma, and the clause after
        that comma opens with a man's name: a known surname or a man's first name."""
        comma = sentence.find(", ", match.end())
        if comma < 0 or "," in sentence[:match.start()]:
            return False
        subject = _NAME_AFTER_COMMA.match(sentence, comma + 2)
        if subject is None:
            return False
        name = strip_possessive(subject.group())
        return name in surnames or (name in self.male_names and name not in women)

    def _evidence(self, body: str, tokens, surnames, women: frozenset[str] = frozenset()) -> "_Evidence":
        found = _Evidence()
        # A recap's character with the actor in parentheses ("Colt (Jack Dunn)") is a person,
        # whatever the first names.
        if tokens and "(" in body and CAST.search(body, 0, tokens[-1].end() + 1):
            found.male = True
            return found
        titles = [m.span(1) for m in _QUOTED_TITLE.finditer(body)] if ("\"" in body or "“" in body) else ()
        for position, match in enumerate(tokens):
            word = strip_possessive(match.group())
            lowered = word.lower()
            previous = tokens[position - 1] if position else None
            # A name in a quoted title ("Will & Grace", "Grey's Anatomy") is no man of the passage.
            if titles and any(a <= match.start() < b for a, b in titles) and word[:1].isupper():
                continue
            after_first_name = (
                previous is not None
                and body[previous.end():match.start()] == " "
                and (previous.group() in self.female_names or previous.group() in self.male_names)
            )
            if lowered in _GROUP_WORDS and previous is not None and previous.group().lower() in _DETERMINERS:
                found.male = True  # "The pair met on the set ... he doubled": one of them
            elif lowered in self.person_plurals and lowered not in _MALE_PRONOUNS:
                found.plural = True
            elif lowered in _MALE_PRONOUNS or lowered in self.male or lowered in self.persons \
                    or word in _FIRST_PERSON or lowered in _BEINGS:
                found.male = True
            elif lowered in _FEMALE_PRONOUNS or lowered in self.female:
                found.female = True
            elif position in (1, 2) and tokens[0].group().lower() in _SUBJECT_DETERMINERS and lowered in self.subjects:
                found.male = True  # "The caddie kept ... his", "The veteran golfer said ... he"
            elif word in self.male_names and not after_first_name and word not in women:
                found.male = True
            elif (word in self.female_names or word in women) and not after_first_name:
                found.female = True
            elif word in self.either_names and not after_first_name and position + 1 < len(tokens) \
                    and tokens[position + 1].group()[:1].isupper() and body[match.end():tokens[position + 1].start()] == " ":
                found.male = True  # "Taylor Swift", "Jordan Reyes": a person who may be a "he"
            elif word in surnames and word[:1].isupper():
                found.male = True
            elif lowered in _PAIR and previous is not None and previous.group().lower() == "the" \
                    and (position + 1 >= len(tokens) or not self._thing_word(tokens[position + 1].group().lower())):
                # "The two split the week": a pair of people, not "the two films".
                found.male = True
            elif lowered in self.things and self._determined(tokens, position, body):
                found.thing = True
            elif lowered in _NUMBERED and word[:1].isupper() and position + 1 < len(tokens) \
                    and tokens[position + 1].group().isdigit():
                found.thing = True
        return found

    def _thing_word(self, lowered: str) -> bool:
        """A noun of the things class, or its plural ("the three shows")."""
        return lowered in self.things or (lowered.endswith("s") and lowered[:-1] in self.things)

    def _determined(self, tokens, position: int, body: str) -> bool:
        """The noun at `position` heads a phrase that opens with a determiner ("the NBC comedy",
        "this new album"), and is not itself a modifier ("the show host", "the film's director")."""
        word = tokens[position].group()
        if word.endswith(("'s", "’s")):
            return False
        if position + 1 < len(tokens):
            nxt = tokens[position + 1]
            gap = body[tokens[position].end():nxt.start()]
            if gap == " " and nxt.group().lower() not in _STOP and nxt.group().lower() not in _DETERMINERS \
                    and nxt.group()[:1].islower() and nxt.group().lower() in self.things | self.persons:
                return False
        for back in range(1, 4):
            if position - back < 0:
                return False
            candidate = tokens[position - back].group().lower()
            if candidate in _DETERMINERS:
                return True
            if candidate in _STOP or candidate in _MALE_PRONOUNS or candidate in _FEMALE_PRONOUNS:
                return False
        return False

    _ROLE_THEN_NAME = compile_regex(r"(?<!\w)(\w+) (?=\p{Lu}\p{Ll}+ (\p{Lu}[\p{L}'’-]+))")

    @functools.cached_property
    def _roles(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.persons if w.isalpha())

    def _named_by_role(self, text: str) -> frozenset[str]:
        """Surnames of people the text introduces by role and full name ("the record producer
        Ledger Oyelaran"), whatever their first name: a person of either sex. Every word followed
        by two capitalised words is a candidate, kept when it is a role (one set lookup, where an
        alternation of every role would be tried at every position)."""
        roles, found, after = self._roles, set(), 0
        for m in self._ROLE_THEN_NAME.finditer(text):
            if m.start() >= after and m.group(1).lower() in roles:
                found.add(strip_possessive(m.group(2)))
                after = m.end(2)
        return frozenset(found)

    def _surnames(self, text: str) -> frozenset[str]:
        """Capitalised words that follow a man's first name somewhere in the text, or a first name
        of either sex ("Quinn Price ... lifted him to second": a person who may be a "he")."""
        return _names_after(text, self.male_names | self.either_names)

    # -- "its" for a person ---------------------------------------------------------------------

    @functools.cached_property
    def humans(self) -> frozenset[str]:
        words = {w.lower() for w in word_class(self.humans_class) if " " not in w}
        return frozenset(words | _plurals(words))

    def _persons(self, text: str):
        if "its" not in text and "Its" not in text:
            return
        surnames = _names_after(text, self.person_names)  # the strict lists: "Grant Park" is no person
        for block in segments(text, _PARAGRAPH_END):
            first, last = block.span()  # read in `text` itself: no copy of a long paragraph
            if text.find("its", first, last) < 0 and text.find("Its", first, last) < 0:
                continue  # most paragraphs: no words to read
            # No list of the paragraph's words (20 bytes a character): `_owner` reads back no
            # further than the word before the last gap that stops its walk, and the genders are
            # what the paragraph said before "its".
            recent: list = []
            female = male = False
            for match in _WORD.finditer(text, first, last):
                if recent and _stops_walk(text[recent[-1].end():match.start()]):
                    recent = [recent[-1]]
                recent.append(match)
                word = match.group()
                if word in ("its", "Its"):
                    found = self._its(text, recent, surnames, female, male)
                    if found is None:
                        found = self._group_kin(text, first, last, match)
                    if found is not None:
                        yield found
                lowered = word.lower()
                if lowered in ("she", "her", "herself") or lowered in self.female:
                    female = True
                elif lowered in ("he", "him", "his", "himself") or lowered in self.male:
                    male = True

    def _its(self, body: str, tokens, surnames, female: bool, male: bool) -> Found | None:
        """A finding for the "its" that ends `tokens` if its owner is a person or a group."""
        position = len(tokens) - 1
        owner = self._owner(body, tokens, position, surnames)
        if owner is None:
            return None
        kind, _ = owner
        replacement = None
        if kind == "group":
            replacement = "their"
        elif female and not male:
            replacement = "her"
        elif male and not female:
            replacement = "his"
        match = tokens[position]
        return Found(match.start(), match.end(), (same_case(match.group(), replacement),) if replacement else ())

    def _group_kin(self, body: str, first: int, last: int, match) -> Found | None:
        """"its" before a relative of a person ("its late mother", "its children") in a sentence
        whose subject is a pair or group of people ("The quartet ... the loss of its beloved
        television mother"), with no one and nothing between that could have the relative: a
        group of people has relatives, and English gives them "their"."""
        kin = _GROUP_KIN.match(body, match.end(), last)
        if kin is None:
            return None
        start = max(body.rfind(c, first, match.start()) for c in ".!?\n;:")
        start = start + 1 if start >= 0 else first
        subject = _GROUP_SUBJECT.match(body, start, match.start())
        if subject is None:
            return None
        for word in _WORD.finditer(body, subject.end(), match.start()):
            token = word.group()
            lowered = strip_possessive(token).lower()
            if token[:1].isupper() or lowered in ("a", "an", "its", "his", "her", "he", "she", "it") \
                    or lowered in self.persons or self._thing_word(lowered) or lowered in _GROUP_WORDS:
                return None
        return Found(match.start(), match.end(), (same_case(match.group(), "their"),))

    def _owner(self, body: str, tokens, position: int, surnames):
        """Walk back from "its" over verbs (-ed, -ing, auxiliaries), adverbs and commas to the first
        other word; it is the owner if it is a person."""
        back = position - 1
        while back >= 0:
            if _stops_walk(body[tokens[back].end():tokens[back + 1].start()]):
                return None
            word = tokens[back].group()
            lowered = word.lower()
            if lowered in _AUXILIARIES or lowered in _ADVERBS or (
                    lowered.endswith(("ed", "ing")) and len(lowered) > 4 and lowered not in self.humans):
                back -= 1
                continue
            break
        else:
            return None
        if back == position - 1:
            return None  # "its" right after the owner: "the couple its" is no English; leave it
        # "The studio signed Emma Stone, adding its biggest name": a participle after a comma that
        # runs on to "its" is the sentence subject's, not the object's before the comma ("the
        # singer, smiling, raised its glass" closes its aside; "the life of Swift, including its"
        # lists what is hers).
        gaps = [body[tokens[i].end():tokens[i + 1].start()] for i in range(back, position)]
        if "," in gaps[0] and not any("," in gap for gap in gaps[1:]):
            first = tokens[back + 1].group().lower()
            if first.endswith(("ing", "ed")) and first != "including":
                return None
        word = strip_possessive(tokens[back].group())
        lowered = word.lower()
        previous = tokens[back - 1].group().lower() if back else ""
        if lowered in _GROUPS and previous in ("the", "this", "that"):
            return "group", back
        if lowered in self.humans and (previous in ("the", "this", "that") or word[:1].isupper()):
            return "person", back
        if word[:1].isupper() and back > 0 and (word in surnames or tokens[back - 1].group() in self.person_names):
            return "person", back
        return None


def _stops_walk(gap: str) -> bool:
    """Whether the characters between two words end the walk back from "its" to its owner."""
    return any(c in gap for c in ".!?;:()\"“”") or gap.count(",") > 1 or "-" in gap.replace(" - ", "")


def _capitalised_inside(body: str, tokens) -> bool:
    """A capitalised word that does not open the sentence (a possible name)."""
    title = _TITLE_SUBJECT.match(body)
    for position, match in enumerate(tokens):
        word = match.group()
        if title is not None and match.end() <= title.end():
            continue
        if not word[:1].isupper() or word.isupper() and len(word) > 1:
            continue
        before = body[:match.start()].rstrip()
        if position == 0 or before.endswith((":", '"', "“", "(")):
            continue
        return True
    return False


class _Evidence:
    __slots__ = ("male", "female", "thing", "plural")

    def __init__(self) -> None:
        self.male = self.female = self.thing = self.plural = False


def _plurals(words) -> set[str]:
    out = set()
    for w in words:
        if w.endswith(("s", "sh", "ch", "x")):
            out.add(w + "es")
        elif w.endswith("y") and w[-2:-1] not in "aeiou":
            out.add(w[:-1] + "ies")
        elif w.endswith("man"):
            out.add(w[:-3] + "men")
        else:
            out.add(w + "s")
    return out




def _in_tagged_quotation(sentence: str, start: int, end: int) -> bool:
    """The pronoun at start:end stands inside a quotation that the sentence opens and that a speech
    tag follows: '"He was never late," Whitt said.'"""
    head = sentence[:start]
    opened = head.lstrip()
    if not opened or opened[0] not in "\"“" or len(_QUOTE_MARKS.findall(head)) != 1:
        return False
    return _QUOTE_THEN_TAG.match(sentence, end) is not None


def _names_after(text: str, first_names: frozenset[str]) -> frozenset[str]:
    """Capitalised words that follow one of these first names somewhere in the text."""
    return frozenset(surname for first, surname in _capitalised_pairs(text) if first in first_names)


@functools.lru_cache(maxsize=2)  # read for the men's, the women's and the persons' names of one text
def _capitalised_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """(word, next word without its possessive) where the next word is capitalised and follows
    after one space."""
    pairs = []
    for previous, match in itertools.pairwise(_WORD.finditer(text)):  # not a list: 20 bytes a character
        if text[previous.end():match.start()] == " " and match.group()[:1].isupper():
            pairs.append((previous.group(), strip_possessive(match.group())))
    return tuple(pairs)

"""Possessive and reflexive pronouns whose gender flipped on the way through the pivot.

French `son`/`sa`/`ses` agree with the thing possessed, not with the possessor, so the system has to
guess his or her, and it guesses "his" (or the gender of the French noun); French `se` carries no
gender either, so "herself" can come back as "himself". Subject pronouns do not have that problem
(il/elle), and neither do names and gendered nouns. So the evidence for who is talked about is read
from the passage: the current sentence and the `sentences` before it. A "his" (or "himself") is
flagged "her" ("herself") where that passage mentions no man at all (no he/him, no man's first
name, no father, husband, ...) and one of these holds:

- the passage refers to a woman as "she" (or "herself", "hers"); a "she" later in the sentence
  after "his" and a person noun may be that person ("His lawyer, Dana Whitlock, said she ..."),
  so there only a "she" before the pronoun counts;
- the sentence opens with a woman named in full, a woman's first name and a surname ("Olivia Smith
  thanked his parents"), or with the bare surname of a woman named in full earlier in the text
  ("Smith thanked his parents"), and no other name comes between it and the pronoun; a bare first
  name is not enough (plot summaries and sport: "Paige pitched in his first two starts");
- the sentence opens with "the" + a noun for a woman by her trade (option `subject_nouns`, a word
  class: "The 35-year-old actress thanked his fans"), with nothing between that opens another's
  clause or names another owner (who, that, said, for, of, played ..., an article, a name);
- the possessed noun is one only a woman has ("his pregnancy", "his uterus");
- the "his" stands in a relative clause that ", who" opens right after a woman's name, with no
  other possible owner between ("Heidi Montag, who is pregnant with his first child"): the clause
  is hers, whatever person noun the sentence has before it.

A possessive of the speaker's own document or words is the speaker's whoever else the passage
names: fronted ("In his statement to People, Burke said ...") or after a speech verb ("Robertson
wrote on his blog"), with a woman as the speaker (`speaker_possessives`; the her-direction reads
the same). A woman's first name alone opens a sentence as her subject when the text names her in
full with a surname it gives only a woman ("Kristin Cavallari ... Kristin says").

"his own" is bound to its clause's subject: after a woman who opens the sentence or a woman's
relative clause, with no name, article or other pronoun between, it is hers even where the passage
names a man ("wrote Kunis, who has his own production company"). So is the "his" of an idiom whose
possessive is always the subject's ("shook his head", "rolled his eyes", "lost his temper", "held
his breath", "did his best"; `_SUBJECT_IDIOMS`) after such a woman or after a "she" that is the
nearest person before the verb with no noun phrase between ("she knelt and rolled his eyes").

Who is a woman is read from the document as well as from the lists, once per text:

- a surname the text gives a woman by a trade noun before her full name ("actress Jordan Hale",
  option `subject_nouns`) or in apposition ("Taylor Reed, the 34-year-old actress,"), or by "Ms."
  or "Miss" (not "Mrs." nor "Madame", a wife's titles before her husband's surname); "Mr." gives a
  man, and so does a man's noun before a full name ("her husband Jordan Lee");
- a surname of a sentence that names one person only and has no gendered word at all, where the
  next sentence of the paragraph opens with "She" ("Jordan Reyes won on Sunday. She ...");
- none of this, nor a woman's first name before it, counts for a surname the text also writes
  after a first name of unknown sex (a family: "his wife, Delia Tolliver" and "Cash Tolliver");
- a first name of either sex ("Taylor", "Jordan"; the person-first-names class) that the text
  writes only before such a woman's surname is her first name: alone, it opens a sentence as hers.

The opening woman may follow a lead-in clause of up to twelve lower-case words ("After thanking
the academy and every nominee in the room, Okafor devoted ..."), and a part of what "his" owns may
come between ("the majority of his speech", `_PART_NOUNS`). A man's first name in the name of an
award or an institution in the sentences before ("the Cecil B. DeMille Award", `_THING_NAME`) is
no man of the passage, unless that sentence names a man's surname besides.

A man is in the passage also where a sentence before has his surname (one the text gives a man, or
a family's) as its subject: its first word or opening name ("Brandt, who ran the fund, ...",
"Brandt's lawyer ...") or a speech tag's ('"...," Ashworth said'); his surname elsewhere is not
enough ("the best of Lauer."). A "his" left to a man of its passage marks the noun it owns: the same
noun after a "his" in the next sentences is his again ("from his 1996 letter ... every word of his
letter").

So may a person of unknown sex: a surname the text writes after a first name of unknown sex ("Lee
Sandoval") as the subject of a sentence before, a sentence before that opens with a determiner and
a person noun that is no woman's ("Her fiercest critic on the council has ...", "The coach was
fired."; not where a "she" after it says who that person is), and, in the sentence itself, a "his"
already left to another ("Marlowe said his objections ... and that she respected his votes"). A
fronted document followed by a parenthetical tag ("In his 1996 letter, she noted, the founder
...") is no speaker's own.

A man's first name in surname position ("Lauren Conrad") is not a man. The other direction ("her"
for his) is left alone: an object "her" cannot be told from a possessive without parsing, and clean
English is full of "he ... her".
"""

from __future__ import annotations

import collections
import functools

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options, same_case, strip_possessive

_SENTENCE = compile_regex(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
_WORD = compile_regex(r"\p{L}[\p{L}-]*(?:['’]\p{L}+)?")
# Where a _WORD token may be "his" or "himself" in any case (a superset: "his-" passes too).
_HIS = compile_regex(r"(?i)(?<!\p{L})(?:his|himself)(?!\p{L})")
_FEMALE_PRONOUNS = frozenset({"she", "herself", "hers"})
_MALE_PRONOUNS = frozenset({"he", "him"})
# After "her", these make it an object pronoun ("told her that"), not a possessive.
_NOT_A_NOUN = frozenset(
    "a an the to that and or but as at in on of for with from by about into onto over under after "
    "before if when while because so than then this these those there here up down out off again "
    "too also now back away why how what who whom which where it he she they we you i is was be "
    "been being are were has have had do does did will would can could should may might must not "
    "no yes very just only even still ever never more most less least all any some every each "
    "both either neither".split()
)
# "His Majesty" is a man's style, not a possessive of the woman in the passage.
_STYLES = frozenset("majesty highness holiness excellency eminence lordship worship honour honor".split())
# Possessed nouns that only a woman has: "his" before them is her, whatever else the passage says
# about women (a man mentioned still vetoes).
_WOMAN_ONLY = frozenset(
    "clitoris uterus womb ovaries vagina vulva cervix pregnancy pregnancies miscarriage "
    "miscarriages menstruation".split()
)
_CALENDAR = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    "July|August|September|October|November|December"
)
_CALENDAR_WORDS = frozenset(_CALENDAR.split("|"))
_PLACE_WORDS = frozenset("in at on from near outside after before during since".split())
# A sentence that opens with a name: an optional short lead-in ("On Friday, ") and capitalised words.
# Caption labels may come first ("Watch: Exclusive: Maureen McCormick ...").
_LABELS = r"(?:\p{Lu}\p{L}*:[ ]+){0,2}"


def _opening_name(lead_words: int):
    """A sentence that opens with a name after a lead-in of up to `lead_words` words."""
    return compile_regex(
        r"[\s\"“‘'(\[-]*" + _LABELS + r"(?:\p{Lu}\p{Ll}*(?:[ ](?:\p{Ll}[\p{L}\d-]*|\d+|" + _CALENDAR + r"))"
        + "{0,%d}" % lead_words + r",[ ]+)?"
        r"(?P<name>\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*){0,3})(?:,[ ]\d+,)?[ ]+(?=\p{Ll})"
    )


_OPENING_NAME = _opening_name(5)
# The same with a longer lead-in, a clause of lower-case words before the woman who opens the
# sentence ("After recognizing how awards can give a voice to the unheard, Winfrey devoted ...");
# read for the woman subject of the "his" direction only.
_OPENING_NAME_LONG = _opening_name(12)
# "the majority of his speech", "a lot of his fans": a part of what the pronoun owns, no other owner.
_PART_NOUNS = frozenset(
    "majority rest bulk remainder lot lots part half most whole entirety end start beginning middle "
    "course length top bottom heart".split()
)
# A man's name in the name of an award, a building or an institution ("the Cecil B. DeMille
# Award", "the John Lewis Center"): no man of the passage. Its last word may be damaged ("price"
# for French "prix").
_THING_NAME = compile_regex(
    r"(?<![\p{L}'’])[Tt]he[ ](?P<name>\p{Lu}\p{Ll}+(?:[ ](?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){0,3})[ ]+"
    r"(?:\p{Lu}\p{Ll}+[ ]){0,2}"
    r"(?i:awards?|prizes?|price|trophy|trophies|medal|medals|cup|foundation|institute|center|centre|"
    r"memorial|fellowship|scholarship|lecture|theatre|theater|stadium|arena|bridge|airport|hospital|"
    r"school|college|university|library|museum|building|hall|highway|act)(?!\p{L})"
)
_TITLES = frozenset("Mrs Ms Miss Mme Madame Mr Dr Prof Sen Rep Gov Judge Justice".split())
# A title before a surname: "Ms. Reed", "Miss Reed", "Mr. Lauer". Not "Mrs." nor "Madame", a
# wife's titles before her husband's surname ("Madame Nhu" is the wife of a Ngo Dinh Nhu).
_TITLED = compile_regex(
    r"(?<![\p{L}'’.])(?P<title>Ms|Miss|Mr)\.?[ ](?P<surname>\p{Lu}\p{Ll}[\p{L}'’-]*)(?![\p{L}'’-]*[ ]\p{Lu})"
)
# A full name and a gendered noun in apposition: "Taylor Reed, the 34-year-old actress,".
_APPOSITION = compile_regex(
    r"(?<![\p{L}'’-])\p{Lu}\p{Ll}+[ ](?P<surname>\p{Lu}\p{Ll}[\p{L}'’-]*),[ ](?:the|a|an)[ ]"
    r"(?:[\p{Ll}\d][\p{Ll}\d-]*[ ]){0,3}?(?P<noun>\p{L}[\p{Ll}-]*)(?=[,.;:)])"
)
# Capitalised words that are no one's name, whatever case the rest of the text writes them in.
_NOT_A_NAME = frozenset(
    "i i'm i've i'll i'd she he it we you they her his this that these those what when where who why "
    "how mr mrs ms miss dr".split()
)
# The next sentence of the paragraph speaks of a man as "he" or "him".
_MAN_NEXT = compile_regex(r"[^.!?\n]{0,200}?(?<![\p{L}'’])(?:[Hh]e|him)(?![\p{L}])")
# A sentence that opens with a common noun for its subject: "The 35-year-old actress", "On Monday,
# the actress" (read by `noun_subject`).
_OPENING_NOUN = compile_regex(
    r"[\s\"“‘'(\[-]*" + _LABELS + r"(?:\p{Lu}\p{Ll}*(?:[ ](?:\p{Ll}[\p{L}\d-]*|\d+|" + _CALENDAR + r")){0,5},[ ]+)?"
    r"[Tt]he[ ](?:[\p{Ll}\d][\p{Ll}\d-]*[ ]){0,3}?(?P<noun>\p{Ll}[\p{Ll}-]*)"
    r"(?:,[ ]\d+,)?[ ]+(?=\p{Ll})"
)
# Idioms whose possessive is always the subject's: verb forms -> the nouns after "his". Not
# "made his way/day/debut" ("she made his day easier"), "bit his lip", "broke his silence",
# "scratched his head" or "turned his back", which a woman may do to a man.
_SUBJECT_IDIOMS = {
    **dict.fromkeys("shook shakes shaking nodded nods nodding".split(), ("head",)),
    **dict.fromkeys("rolled rolls rolling".split(), ("eyes",)),
    **dict.fromkeys("cleared clears clearing".split(), ("throat",)),
    **dict.fromkeys("lost loses losing".split(), ("temper", "cool", "composure")),
    **dict.fromkeys("held holds holding".split(), ("breath",)),
    **dict.fromkeys("did does doing tried tries trying".split(), ("best", "utmost")),
    **dict.fromkeys("shrugged shrugs shrugging".split(), ("shoulders",)),
}
# Words that stand for a person who may be the subject of an idiom's verb.
_PERSON_WORDS = frozenset("he him her they them i me we us you who whom someone somebody everyone everybody anyone anybody".split())
# Words between a noun subject and "his"/"her" after which the possessive may be another's.
_NOUN_SUBJECT_BLOCKS = frozenset(
    "who whom whose which that for of he him they them their we us you i it its and or said says "
    "told tells play plays played playing portray portrays portrayed portraying".split()
)
_OPENING_SHE = compile_regex(r"[\s\"“‘'(\[-]*" + _LABELS + r"(?P<she>She)\b")
# A sentence that opens with a determiner and a person noun for its subject ("Her fiercest critic
# on the council has ...", read by `_person_opens`).
_OPENING_PERSON = compile_regex(
    r"[\s\"“‘'(\[-]*(?:Her|His|Their|The|A|An)[ ](?:[\p{Ll}\d][\p{Ll}\d-]*[ ]){0,2}?(?P<noun>\p{Ll}[\p{Ll}-]*)"
    r"(?=[ ](?:on|of|at|from|in|for|has|had|have|is|was|were|are|will|would|said|says|\p{Ll}+ed|\p{Ll}+s)[ ,.])"
)
# Speech verbs after the subject of a speech tag ('"...," Ashworth said').
_TAG_VERBS = frozenset("said says told tells added adds wrote writes asked asks replied replies argued argues noted notes explained explains".split())
# A "himself" this close after the sentence's subject (with no article between) is the subject's.
_REFLEXIVE_REACH = 4
_QUOTE_MARK = compile_regex(r'["“”]')
# A recap's character with the actor in parentheses: "Colt (Jack Dunn)", "Martin (Robert Klein)".
# A recap's character with the actor in parentheses: "Colt (Jack Dunn)" (read by pronoun_things too).
CAST = compile_regex(r"(?P<character>\p{Lu}\p{Ll}+) \((?P<first>\p{Lu}\p{Ll}+)(?: \p{Lu}[\p{L}.'’-]*)+\)")
_BLOCKING_ARTICLES = frozenset({"a", "an", "the"})
# The name that a ", who" clause follows: one to three capitalised words ending where it starts.
_NAME_BEFORE_WHO = compile_regex(r"(?<![\p{L}'’-])(?P<name>\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2})$")
# Pronouns for a person of either sex, who may own a "his" after them (see `_rival_owner`).
_INDEFINITE_PERSONS = frozenset("someone somebody anyone anybody everyone everybody nobody".split())
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "his", "her", "their", "its"})
_PREPOSITIONS = frozenset("in at from to of on for into onto with by".split())
# Owners a "his" may belong to that the word classes do not hold.
# Verbs after which "her" is an object, not a possessive ("let her out of his sight").
_OBJECT_HER_VERBS = frozenset("let lets letting make makes making".split())
_MORE_PERSON_NOUNS = frozenset(
    "defendant defendants landlord developer minister president judge sponsor producer designer "
    "surgeon umpire referee coach doctor rapper artist footballer striker lawyer".split()
)


# A possessive whose owner is the speaker of its own clause: a document or an utterance of the
# subject's, fronted ("In his statement, Burke said ...") or after a speech verb ("Robertson wrote
# on his blog"). French "dans sa déclaration" / "sur son blog" give the system no owner to read
# (the name comes after it, or the possessive agrees with the noun), so it guesses; in English the
# owner of such a possessive is the speaker, whoever else the passage names.
_UTTERANCE_NOUNS = (
    "statement|statements|letter|post|posts|caption|message|tweet|tweets|filing|file|complaint|lawsuit|"
    "suit|petition|request|memoir|essay|speech|remarks|testimony|blog|column|op-ed|note|email|response|"
    "reply|declaration|deposition|motion|affidavit|announcement|vlog"
)
# Not "interview", "video" or "story": a woman interviewed on his show, seen in his video or
# told of in his story is not their owner.
# After a speech verb only what no one writes or speaks in for someone else ("she wrote in his
# book" is an autograph, "she said on his show" a guest).
_TAG_NOUNS = (
    "statement|caption|filing|complaint|lawsuit|petition|memoir|essay|blog|column|op-ed|testimony|"
    "declaration|deposition|affidavit|post|tweet"
)
_SPEECH_VERBS = (
    "said|says|wrote|writes|explained|explains|added|adds|revealed|reveals|shared|shares|noted|notes|"
    "claimed|claims|alleged|alleges|argued|argues|asked|asks|proposed|proposes|requested|requests|"
    "stated|states|insisted|insists|admitted|admits|recalled|recalls|described|describes|detailed|"
    "details|posted|posts|told|tells|captioned|declared|announced|announces|confirmed|confirms|denied|"
    "denies|accused|accuses|cited|cites|sought|seeks|acknowledged|acknowledges|thanked|thanks|"
    "apologized|apologised|apologizes|apologises|called|calls|urged|urges|wished|wishes|joked|jokes|"
    "reflected|reflects|opened up|gushed|gushes|slammed|slams|blasted|blasts"
)
_SPEAKER = r"(?P<name>\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*){0,2}|[Ss]he|[Hh]e)"
# "In his statement to People, Burke said": the owner is the subject that follows the comma.
_FRONTED_UTTERANCE = compile_regex(
    r"(?:^|(?<=[.!?\n]\s*[\"“]?)|(?<=\n))[ \t\"“‘'(\[-]*(?:In|On|Through|With) (?P<pos>his|her) "
    r"(?:[\p{L}\d.&'’-]+ ){0,2}(?:" + _UTTERANCE_NOUNS + r")"
    r"(?:[ ](?:to|with|for|on) (?:\p{Lu}[\p{L}.&'’-]*(?:[ ]\p{Lu}[\p{L}.&'’-]*){0,2}|\p{Ll}+(?:[ ]\p{Ll}+)?))?"
    r",[ ]" + _SPEAKER + r"[ ](?:also[ ]|then[ ]|later[ ]|further[ ])?(?:" + _SPEECH_VERBS + r")(?!\p{L})"
    # not a parenthetical tag ("In his 1996 letter, she noted, the founder promised ..."): the
    # letter's writer is another
    r"(?![ ]?,)"
)
# "Robertson wrote on his blog", "she said in his statement".
_TAGGED_UTTERANCE = compile_regex(
    r"(?<![\p{L}'’.-][ ]?)" + _SPEAKER + r"[ ](?:also[ ])?(?:" + _SPEECH_VERBS + r")[ ](?:in|on) (?P<pos>his|her) "
    r"(?:[\p{L}\d.&'’-]+ ){0,2}?(?:" + _TAG_NOUNS + r")(?!\p{L})"
)


def speaker_is(name: str, pronoun: str, names: frozenset[str], rival_names: frozenset[str],
               rivals: frozenset[str], surnames: frozenset[str], firsts: frozenset[str] = frozenset()) -> bool:
    """Whether the speaker a possessive binds to (from `speaker_possessives`) is of one sex: the
    pronoun ("she", "he"), a listed first name of that sex and a surname, a surname the text gives
    that sex only, or a first name of the text's (`firsts`); never with a name of the other sex
    (`rival_names` listed, `rivals` the text's)."""
    if name.lower() == pronoun:
        return True
    parts = [strip_possessive(p) for p in name.split(" ")]
    if any(p in rival_names or p in rivals for p in parts) or parts[0].lower() in _NOT_A_NAME:
        return False
    if len(parts) >= 2 and parts[0] in names:
        return True
    return parts[-1] in surnames or (len(parts) == 1 and parts[0] in firsts)


def speaker_possessives(text: str, possessive: str) -> dict[int, str]:
    """The offsets of the possessives ("his" or "her") that a speaker of their own clause owns,
    each with the speaker as written (a name, "she" or "he")."""
    found = {}
    if possessive not in text:
        return found
    for pattern in (_FRONTED_UTTERANCE, _TAGGED_UTTERANCE):
        for match in pattern.finditer(text):
            if match.group("pos") == possessive:
                found[match.start("pos")] = match.group("name")
    return found


class PronounGender:
    def __init__(self, options) -> None:
        self.window = options.get("sentences", 2)
        self.subject_nouns_class = options.get("subject_nouns")
        self._gendered_cache = None  # (text, _gendered_names of it): the last text read
        self._unknown_cache = None  # (text, _unknown_firsts of it)

    # The word lists are read on first use (start-up stays cheap), once per process.
    @functools.cached_property
    def female(self) -> frozenset[str]:
        return _lower_set(word_class("female-nouns")) | _FEMALE_PRONOUNS

    @functools.cached_property
    def male(self) -> frozenset[str]:
        return _lower_set(word_class("male-nouns")) | _MALE_PRONOUNS | {"himself"}

    @functools.cached_property
    def subject_nouns(self) -> frozenset[str]:
        """Nouns that name a person of the detector's sex by what they are ("the actress"), which
        make a sentence's opening subject ("The 35-year-old actress thanked his fans")."""
        if not self.subject_nouns_class:
            return frozenset()
        return _lower_set(word_class(self.subject_nouns_class))

    def noun_subject(self, sentence: str) -> int | None:
        """Where the sentence's opening subject ends if it is "the" + up to three
        lower-case modifiers + a noun of `subject_nouns`, and the next word is lower case ("The
        35-year-old actress posted ..."; not "The actress's husband", "The actress and her
        husband" is let through to `_noun_owns`)."""
        if not self.subject_nouns:
            return None
        match = _OPENING_NOUN.match(sentence)
        if not match or match.group("noun").lower() not in self.subject_nouns:
            return None
        return match.end("noun")

    @staticmethod
    def _noun_owns(words, subject: int, position: int) -> bool:
        """Nothing between a noun subject and the possessive that opens a clause of someone else
        or introduces another owner ("The woman who found his wallet", "The actress said he ...",
        "The lady for whom his ...")."""
        between = [w.group().lower() for w in words if subject <= w.start() < words[position].start()]
        return len(between) <= 6 and not any(w in _NOUN_SUBJECT_BLOCKS for w in between)

    @functools.cached_property
    def female_names(self) -> frozenset[str]:
        return frozenset(word_class("female-first-names"))

    @functools.cached_property
    def male_names(self) -> frozenset[str]:
        # The wide list too: here a name only ever speaks for a man (tools/gen_first_names.py).
        return frozenset(word_class("male-first-names")) | frozenset(word_class("male-first-names-wide"))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"sentences": int, "subject_nouns": str})

    def find(self, text: str):
        if "his" not in text and "His" not in text and "himself" not in text:
            return
        # The last `window` sentences, each read for evidence only if a later "his" asks (no list
        # of every sentence of a long text).
        recent: collections.deque[_Said] = collections.deque(maxlen=max(0, self.window))
        surnames = things = None
        unknown: dict[str, bool] = {}  # _unknown_subject's answers for this text, by name
        inside = False  # within a quotation at the current point of the text
        paragraph = 0  # the paragraph's number (a line of its own)
        for sentence in _SENTENCE.finditer(text):
            if not sentence.group().strip():
                inside = False  # a blank line ends any quotation
                continue
            before = tuple(recent)
            body = sentence.group()
            if sentence.start() and text[sentence.start() - 1] == "\n":
                paragraph += 1
            stripped = body.strip()
            opens = inside or stripped[:1] in "\"“"
            for mark in _QUOTE_MARK.finditer(body):
                inside = mark.group() == "“" or (mark.group() == '"' and not inside)
            # Within a quotation from start to end: one sentence, or one of several ('"She's in
            # the second row. She got to hear me sing."').
            quoted = opens and (inside or stripped.rstrip(")").endswith(("\"", "”")))
            said = _Said(body, self._evidence, sentence.start())
            said.quoted, said.paragraph = quoted, paragraph
            recent.append(said)
            if not _HIS.search(sentence.group()):
                continue  # no "his" or "himself": nothing to change here
            if surnames is None:
                surnames = self._female_surnames(text)
                men = self._male_surnames(text)
                fathers = self._family_men(text)
                # surnames of a man, a family, or a person of unknown sex ("Lee Sandoval"): one of
                # them as the subject of a sentence before may own a "his"
                subjects = men | fathers
                unknown_sex = self._unknown_firsts(text) - surnames
                firsts = self._female_first_names_of(text, surnames, men)
                speakers = speaker_possessives(text, "his")
            earlier = [e.evidence for e in before]
            # A man in the sentences before vetoes "his"; a "himself" right after a woman subject
            # of its own sentence is hers whoever was spoken of before. In the sentence itself, a
            # man may be named by his surname alone once the text has named him in full ("Colin
            # Vaughn ... Vaughn, for his part, ..."): that surname before the "his" vetoes it too.
            # (Not in the sentences before: "the best of Lauer." then "said Degeneres, barely
            # containing his laughter" is hers, and the dev articles have such a case.)
            earlier_male = any(e.male for e in earlier)
            # A man's first name in the name of an award or an institution ("the Cecil B. DeMille
            # Award") in the sentences before is no man of the passage (in the sentence itself it
            # still vetoes: "she recited his speech at the Martin Luther King Jr. Center").
            if earlier_male:
                if things is None:
                    things = _thing_names(text)
                if things:
                    # (The masked sentence may still name a man by his surname: "Bryce won the
                    # Walter Pruitt Award. Dunmore praised his work.")
                    earlier_male = any(
                        self._man_in(_masked(e.body, e.start, things), men) if _overlaps(e, things) else e.evidence.male
                        for e in before)
            # A character played by an actor whose first name is no woman's ("Colt (Jack Dunn)")
            # may be a man: plot summaries name characters by first name only, and neither the
            # character's nor the actor's first name need be in a list.
            earlier_male = earlier_male or any(self._cast_not_woman(e.body) for e in before)
            # A man the text names by his surname alone as the subject of a sentence before (its
            # opening name, "Brandt's lawyer", or a speech tag's: '"...," Ashworth said') is the
            # passage's man as much as a "he" ("Brandt ... used it to cover debts. Kessler
            # testified. She said his apology ..."); a man's surname elsewhere is not ("the best
            # of Lauer." then "said Degeneres, barely containing his laughter" is hers).
            # (a family's surname too, which may be the man's: "Kyle Brandt", "his mother, Carol Brandt")
            # (not for a thing only a woman has: "cutting his clitoris")
            subject_before = any(self._man_subject(e.body, subjects, unknown_sex) for e in before)
            # A surname the text gives a man and a woman alike (a father and his daughter:
            # "Marcus Whitfield", "Clara Whitfield") in the sentences before may be the man:
            # '"She stayed with me," Whitfield said. His daughter, Clara, ...' is his.
            earlier_male = earlier_male or any(_names(e.body, fathers) for e in before)
            current = said.evidence
            # Support from a pronoun (il/elle survive the round trip); names and gendered nouns of
            # the other gender only veto, since they may belong to someone else.
            # A "she" only in a quotation of the paragraph before (a coach speaking of his player:
            # '"She hit a tough shot," Marsh said.' then, in the next paragraph, 'Halvorsen
            # credited his assistant') is the speaker's word about someone else, no support for a
            # "his" in a later paragraph outside quotation marks.
            pronoun_before = any(
                e.evidence.female_pronoun for e in before
                if not (e.quoted and e.paragraph < said.paragraph and not said.quoted)
                # A quotation's "his" is the speaker's word about someone else: the "she" of a
                # speech tag outside it ('"Hollis texted me," she said. "That's his idea of a
                # compliment."') is no support for it, nor a quotation's "she" for a "his" outside
                # ('"She got to hear me sing." His teammate ...').
                and said.quoted == e.quoted)
            subject = self._female_subject(body, surnames, firsts)
            noun = self.noun_subject(body) if subject is None else None
            reflexive_subject = subject if subject is not None else noun if noun is not None else _opening_she(body)
            words = list(_WORD.finditer(body))
            for position, match in enumerate(words):
                token = match.group().lower()
                if token == "his":
                    speaker = speakers.get(sentence.start() + match.start())
                    if speaker is not None and speaker_is(speaker, "she", self.female_names, self.male_names, men, surnames, firsts):
                        yield Found(sentence.start() + match.start(), sentence.start() + match.end(), ("her",))
                        continue
                    following = words[position + 1].group().lower() if position + 1 < len(words) else ""
                    # Who the clause is about, read from its syntax: the sentence's opening woman
                    # with nothing between, or a woman's relative clause ("Audrina Patridge, who
                    # welcomed his daughter"). "his own" binds to that subject whoever else the
                    # passage names ("wrote Kunis, who has his own production company").
                    relative = self._relative_woman(body, words, position, surnames)
                    # (A "his" before the subject, in a lead-in, is not bound to it: "In his
                    # absence, Mary Ortiz said" may be another's; speaker_possessives reads the
                    # lead-ins that are.)
                    bound = relative is not None or (
                        subject is not None and match.start() >= subject
                        and self._owned_by_subject(words, subject, position)) or (
                        noun is not None and match.start() >= noun
                        and self._owned_by_subject(words, noun, position) and self._noun_owns(words, noun, position))
                    clause = relative if relative is not None else subject
                    if bound and following == "own" and not _other_person_before(words, position, clause):
                        yield Found(sentence.start() + match.start(), sentence.start() + match.end(),
                                    (same_case(match.group(), "her"),))
                        continue
                    # "She shook his head", "Hollis lost his temper": a gesture or a state no one
                    # has for another, bound to the clause's subject like "his own".
                    if self._subject_idiom(words, position, bound, clause):
                        yield Found(sentence.start() + match.start(), sentence.start() + match.end(),
                                    (same_case(match.group(), "her"),))
                        continue
                    if earlier_male or _names(body[:match.start()], men) or self._cast_not_woman(body[:match.start()]) \
                            or (subject_before and following not in _WOMAN_ONLY):
                        said.owned.add(following)  # a man's thing, still his when named again
                        continue
                    # "Venn read from his 1996 letter. ... 'I agree with every word of his
                    # letter,' she said.": the thing a man of the passage before owned is his again.
                    if any(following in e.owned for e in before):
                        continue
                    # A "his" of this sentence already left to someone else: a later one is his
                    # too ("Marlowe said his objections were about money ... and that she
                    # respected his votes").
                    if said.owned:
                        continue
                    # The sentence before introduced someone by role and a full name no list
                    # genders ("when comedian Dale Whitcomb walked the carpet. His co-star ..."),
                    # and no woman is named between: that stranger may own the "his".
                    if before and self._stranger(before[-1].body) and not self._evidence(body[:match.start()]).female:
                        said.owned.add(following)
                        continue
                    # The sentence before opens with a person of unknown sex for its subject ("Her
                    # fiercest critic on the council has voted against her budgets. Marlowe said
                    # his objections ...", "The coach was fired. She said his tactics had
                    # failed."): that person may own it.
                    if before and self._person_opens(before[-1].body):
                        said.owned.add(following)
                        continue
                    # A quotation's "his", and a man spoken of in the next sentence ('"It's his kitchen
                    # now," she said. "I'll be washing dishes, if he'll let me."'): he may own it.
                    if _in_quotation(body, match.start()) and _MAN_NEXT.match(text, sentence.end()):
                        continue
                    if not following or following in _NOT_A_NOUN or following in _STYLES:
                        continue
                    # "ten years his junior": an age compared with a man's, not a thing he owns.
                    if following in ("junior", "senior") and position and words[position - 1].group().lower() in ("years", "decades", "year"):
                        continue
                    if current.male and self._evidence(_without_possessed(body, words, position)).male:
                        continue
                    # The sentence opens with the bare surname of someone the text named in full
                    # with a first name no list genders ("fellow singer Brody Cale ... Cale has
                    # since released his own album"): that person may own the "his".
                    if subject is None and self._unknown_subject(body, text, unknown) \
                            and not self._evidence(body[:match.start()]).female:
                        continue
                    owned = following in _WOMAN_ONLY or bound
                    # A "she" later in the sentence may be the woman "his" owns ("recovered his
                    # daughter from the school where she had been taken", "His lawyer, Dana
                    # Whitlock, said she was thrilled"): after a woman's noun or a person's, only a
                    # "she" before the pronoun supports it.
                    possessed = strip_possessive(following)
                    pronoun = pronoun_before or current.female_pronoun and (
                        (possessed not in self.female and possessed not in self.person_nouns)
                        or self._evidence(body[:match.start()]).female_pronoun)
                    if not owned and not (pronoun and not self._rival_owner(words, position, surnames)):
                        continue
                    replacement = "her"
                elif token == "himself":
                    # Only the subject's own reflexive: "she watched the doctor hurt himself".
                    if current.male_other or reflexive_subject is None:
                        continue
                    if not self._reflexive_of_subject(words, reflexive_subject, position):
                        continue
                    replacement = "herself"
                else:
                    continue
                start = sentence.start() + match.start()
                end = sentence.start() + match.end()
                yield Found(start, end, (same_case(match.group(), replacement),))

    @staticmethod
    def _man_subject(sentence: str, men: frozenset[str], unknown: frozenset[str] = frozenset()) -> bool:
        """Whether a man's surname (`men`) is the sentence's subject: its opening name, its first
        word, or the subject of a speech verb right after it; or a surname of a person of unknown
        sex (`unknown`) as its first word or a speech tag's subject."""
        if not men and not unknown:
            return False
        match = _OPENING_NAME.match(sentence)
        if match and strip_possessive(match.group("name").split(" ")[-1]) in men:
            return True
        words = [w.group() for w in _WORD.finditer(sentence)]
        anyone = men | unknown
        # ("Brandt, who ran the fund, used it ...": the first word, before a comma)
        if words and strip_possessive(words[0]) in anyone:
            return True
        return any(strip_possessive(word) in anyone and following in _TAG_VERBS
                   for word, following in zip(words, words[1:]))

    def _person_opens(self, sentence: str) -> bool:
        """Whether the sentence opens with a person of unknown sex for its subject, a determiner
        and a person noun that is no woman's ("Her fiercest critic on the council", "The
        coach"), and no she/herself/hers after it says who that person is."""
        match = _OPENING_PERSON.match(sentence)
        if not match:
            return False
        noun = match.group("noun")
        if noun not in self.person_nouns or noun in self.female:
            return False
        return not self._evidence(sentence[match.end():]).female_pronoun

    def _man_in(self, sentence: str, men: frozenset[str]) -> bool:
        return self._evidence(sentence).male or _names(sentence, men)

    def _subject_idiom(self, words, position: int, bound: bool, clause: int | None) -> bool:
        """Whether the "his" at `position` stands in an idiom whose possessive is always the
        subject's ("shook his head", "lost his temper", "held his breath"), right after its verb,
        and the subject is a woman: the woman who opens the sentence or her relative clause
        (`bound`, with no other pronoun between), or a "she" that is the nearest person before
        the verb, with no noun phrase between ("she slowly shook his head", "she knelt and rolled
        his eyes"; not "she watched as Tom shook his head", "... as the bull shook his head")."""
        if position < 2 or position + 1 >= len(words):
            return False
        verb, noun = words[position - 1].group().lower(), words[position + 1].group().lower()
        if noun not in _SUBJECT_IDIOMS.get(verb, ()):
            return False
        if bound and not _other_person_before(words, position, clause):
            return True
        for index in range(position - 2, -1, -1):
            word = words[index].group()
            lowered = strip_possessive(word).lower()
            if lowered == "she":
                return True
            # a name, a person, or any noun phrase (an article: "she watched as the bull shook ...")
            if lowered in _PERSON_WORDS or lowered in _ARTICLES or lowered in self.person_nouns \
                    or (index and word[:1].isupper()):
                return False
        return False

    def _unknown_subject(self, sentence: str, text: str, known: dict[str, bool]) -> bool:
        """The sentence opens with one capitalised word that the text also writes after a first
        name of no list (a person of either sex, not a woman the text establishes). `known`
        keeps the answer per name, so that a long text is read once per name."""
        match = _OPENING_NAME.match(sentence)
        if not match or " " in match.group("name"):
            return False
        name = match.group("name")
        if name.lower() in _NOT_A_NAME or name in self.female_names or name in self.male_names:
            return False
        if name not in known:
            # Built from the text's own word: not kept in the rule cache (compile_regex is for fixed patterns).
            full = regex.compile(r"(?<![\p{L}'’-])(\p{Lu}\p{Ll}+) " + regex.escape(name) + r"(?![\p{L}'’-])")
            known[name] = any(m.group(1) not in self.female_names and m.group(1) not in self.male_names
                              and m.group(1).lower() not in _NOT_A_NAME for m in full.finditer(text))
        return known[name]

    def _female_subject(self, sentence: str, surnames: frozenset[str], firsts: frozenset[str] = frozenset()) -> int | None:
        """Where the sentence's opening name ends, if it names a woman: a woman's first name and a
        surname, or the bare surname of a woman named in full earlier in the text. A lead-in of up
        to twelve lower-case words may come first ("After thanking the academy, Okafor ...")."""
        match = _OPENING_NAME_LONG.match(sentence)
        if not match:
            return None
        parts = match.group("name").split(" ")
        if len(parts) >= 2 and parts[0] in self.female_names and not any(p in self.male_names for p in parts[1:]):
            return match.end("name")
        if len(parts) >= 2 and strip_possessive(parts[-1]) in surnames and not any(p in self.male_names for p in parts):
            return match.end("name")
        if len(parts) == 1 and strip_possessive(parts[0]) == parts[0] and parts[0] in surnames:
            return match.end("name")
        # A woman's first name alone, where the text names her in full with a surname it gives a
        # woman only ("Kristin Cavallari ... Kristin says"): the document's own person, not a
        # first name of a plot summary or a box score ("Paige pitched in his first start").
        if len(parts) == 1 and parts[0] == strip_possessive(parts[0]) and parts[0] in firsts:
            return match.end("name")
        return None

    @functools.cached_property
    def either_names(self) -> frozenset[str]:
        """First names of either sex ("Taylor", "Jordan"): a woman's once the text gives her surname
        to a woman only (see `_female_first_names_of`)."""
        return frozenset(word_class("person-first-names")) - self.male_names

    def _female_first_names_of(self, text: str, surnames: frozenset[str], men: frozenset[str]) -> frozenset[str]:
        """Women's first names the text writes before a surname it gives a woman only, and never
        before another surname or a man's: the women of the document, by first name. A first name
        of either sex counts too ("Taylor Reed", where the text calls Reed "she", "Ms. Reed" or "the
        actress"): the text, not the list, says who she is."""
        women, others = set(), set()
        for _noun, first, surname in _name_pairs(text):
            if first in self.female_names or first in self.either_names:
                (women if surname in surnames and surname not in men else others).add(first)
        return frozenset(women - others - self.male_names)

    def _female_surnames(self, text: str) -> frozenset[str]:
        """Surnames that follow a woman's first name in the text and never a man's, surnames the
        text itself speaks of as "she" and never as "he" (see `_pronoun_votes`), and surnames it
        gives a woman by a title or a noun ("Ms. Reed", "actress Taylor Reed", "Taylor Reed, the
        actress,"; see `_gendered_names`)."""
        female, male, told = set(), set(), set()
        for noun, first, surname in _name_pairs(text):
            if first in self.female_names:
                female.add(surname)
            elif first in self.male_names:
                male.add(surname)
            # "actress Taylor Reed": a trade noun names the sex of a full name (not "his wife Delia
            # Reed", whose husband has her surname); "her husband Jordan Lee" only vetoes.
            elif noun and noun in self.subject_nouns:
                told.add(surname)
            elif noun and noun in self.male and noun not in _MALE_PRONOUNS:
                male.add(surname)
        voted_female, voted_male = _pronoun_votes(text)
        next_female, next_male = _next_sentence_votes(text, self.gendered_words)
        titled_female, titled_male = self._gendered_names(text)
        # What the text tells of a surname by a title, a noun or the next sentence's "She" is read
        # only for a surname that no first name of unknown sex precedes ("Mrs. Huntington" is the
        # wife of a Blaise Huntington, "Madame Nhu" the wife of a Ngo Dinh Nhu).
        unknown = self._unknown_firsts(text)
        told = (told | next_female | titled_female) - unknown
        # A surname that also follows a first name of unknown sex may be a family's ("his wife,
        # Delia Tolliver" and "Cash Tolliver"): the man's first name is in no list.
        female -= unknown
        female |= (voted_female | told) - voted_male - next_male - titled_male
        male |= voted_male | next_male | titled_male
        return frozenset(female - male - self.female_names - self.male_names - _NOT_A_NAME_CAPS)

    def _unknown_firsts(self, text: str) -> frozenset[str]:
        """Surnames the text writes after a capitalised word that may be a first name of either
        sex: no woman's first name of the lists, no word the text writes in lower case, no title
        or gendered noun ("Blaise Huntington", "Dinh Nhu"; not "When Reed", "Ms Reed")."""
        cached = self._unknown_cache
        if cached is not None and cached[0] is text:
            return cached[1]
        lower = _lower_words(text)
        result = frozenset(
            surname for _noun, first, surname in _name_pairs(text)
            if first[:1].isupper() and first.lower() not in lower and first not in self.female_names
            and first not in self.either_names and first.lower() not in self.gendered_words
            and first.lower() not in _NOT_A_NAME and first.rstrip(".") not in _TITLES)
        self._unknown_cache = (text, result)
        return result

    def _male_surnames(self, text: str) -> frozenset[str]:
        men = male_surnames(text, self.male_names, self.female_names, self.male, self.female)
        return men | self._gendered_names(text)[1]  # "Mr. Lauer"; "Mrs. Lauer" vetoes no man

    @functools.cached_property
    def gendered_words(self) -> frozenset[str]:
        """Every word that speaks of a woman or a man: pronouns, possessives and gendered nouns."""
        return self.female | self.male | {"her", "his"}

    def _gendered_names(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """Surnames the text gives a woman and a man by a title ("Ms. Reed", "Miss Reed", "Mr.
        Lauer") or by an apposition of a trade noun for a woman (`subject_nouns`: "Taylor Reed, the
        34-year-old actress,") or a man's noun: two patterns over the text, once per text."""
        cached = self._gendered_cache
        if cached is not None and cached[0] is text:
            return cached[1]
        female, male = set(), set()
        if "M" in text:
            for match in _TITLED.finditer(text):
                (male if match.group("title") == "Mr" else female).add(strip_possessive(match.group("surname")))
        if ", the " in text or ", a " in text or ", an " in text:
            for match in _APPOSITION.finditer(text):
                noun = match.group("noun").lower()
                if noun in self.subject_nouns:
                    female.add(strip_possessive(match.group("surname")))
                elif noun in self.male and noun not in _MALE_PRONOUNS:
                    male.add(strip_possessive(match.group("surname")))
        both = female & male
        result = frozenset(female - both - _NOT_A_NAME_CAPS), frozenset(male - both - _NOT_A_NAME_CAPS)
        self._gendered_cache = (text, result)
        return result

    def _family_men(self, text: str) -> frozenset[str]:
        """Surnames that follow both a man's and a woman's first name in the text (a family), or a
        full name after a man's or a woman's noun ("his mother, Carol Brandt")."""
        female, male = set(), set()
        for noun, first, surname in _name_pairs(text):
            if first in self.male_names or (noun and noun in self.male and noun not in _MALE_PRONOUNS):
                male.add(surname)
            elif first in self.female_names or (noun and noun in self.female and noun not in _FEMALE_PRONOUNS):
                female.add(surname)
        return frozenset((male & female) - self.female_names - self.male_names - _NOT_A_NAME_CAPS)

    def _cast_not_woman(self, sentence: str) -> bool:
        """Whether the sentence names a character with an actor in parentheses whose first name is
        no woman's: "Colt (Jack Dunn)", not "Maggie (Sophie Lin)"."""
        return "(" in sentence and any(
            cast.group("first") not in self.female_names for cast in CAST.finditer(sentence)
        )

    def _stranger(self, sentence: str) -> bool:
        """Whether the sentence introduces a person by a role noun and a full name whose first name
        is no woman's ("comedian Dale Whitcomb", "her co-star Sam Reid"), with no she/her/woman
        after that name in the sentence: a person of unknown sex who may be a "he"."""
        words = list(_WORD.finditer(sentence))
        for index in range(len(words) - 2):
            noun, first, last = (w.group() for w in words[index:index + 3])
            if noun.lower() not in self.person_nouns or noun.lower() in self.female:
                continue
            if not (first[:1].isupper() and last[:1].isupper()) or first in self.female_names:
                continue
            if sentence[words[index].end():words[index + 2].start()] != " " + first + " ":
                continue
            if not self._evidence(sentence[words[index + 2].end():]).female:
                return True
        return False

    def _owned_by_subject(self, words, subject: int, position: int) -> bool:
        """No other possible owner stands between the subject and "his": no capitalised word (a
        name) and no article (a noun phrase: "praised the director and his crew")."""
        between = [w.group() for w in words if subject <= w.start() < words[position].start()]
        # "transformed the majority of his speech": the article opens a part of what "his" owns.
        if len(between) >= 3 and between[-1] == "of" and between[-2].lower() in _PART_NOUNS \
                and between[-3].lower() in _BLOCKING_ARTICLES:
            between = between[:-3]
        return not any(
            (w[:1].isupper() and w not in self.female_names) or w.lower() in _BLOCKING_ARTICLES
            # "thanked her surgeon for his skill": a person of hers may own it
            or (w == "her" and self._person_noun_in(between[index + 1:index + 4]))
            for index, w in enumerate(between)
        )

    def _relative_woman(self, sentence: str, words, position: int, surnames: frozenset[str]) -> int | None:
        """Where the relative clause that holds the "his" at `position` starts, if ", who" opens
        it right after a woman's name (her first name and a surname, or a surname the text gives a
        woman) with no comma, name, article or other pronoun between "who" and the "his"."""
        start = words[position].start()
        who = sentence.rfind(", who ", 0, start)
        if who < 0 or any(c in sentence[who + 6:start] for c in ",;:()\"“”"):
            return None
        between = [w.group() for w in words if who < w.start() < start]
        if len(between) > 8 or any(
                w[:1].isupper() or w.lower() in _ARTICLES or w.lower() in _FEMALE_PRONOUNS
                or w.lower() in _MALE_PRONOUNS or w.lower() in ("her", "their", "them") for w in between[1:]):
            return None
        match = _NAME_BEFORE_WHO.search(sentence, 0, who)
        if not match:
            return None
        parts = [strip_possessive(p) for p in match.group("name").split(" ")]
        if any(p in self.male_names for p in parts):
            return None
        woman = (len(parts) >= 2 and parts[0] in self.female_names) or parts[-1] in surnames
        return who if woman else None

    def _person_noun_in(self, words) -> bool:
        return any(strip_possessive(w).lower() in self.person_nouns for w in words)

    def _rival_owner(self, words, position: int, surnames: frozenset[str],) -> bool:
        """Whether someone else the "his" may belong to stands between the sentence's last she/her
        (or its start) and the "his": an article before a noun for a person ("she thanked the
        coach for his support"), or a capitalised word that is not a woman's first name and does
        not follow a preposition ("She said Sunak had made his position clear"); a woman the text
        names ("Cavallari", "Audrina Patidge" where the text calls Patidge "she") is no rival."""
        start = 0
        for index in range(position):
            if words[index].group().lower() in ("she", "her"):
                # An object "her" after "let" or "make" ("Biscuit has been reluctant to let her out
                # of his sight") is no owner's turn: the subject before it may still own "his".
                if words[index].group() == "her" and index and words[index - 1].group().lower() in _OBJECT_HER_VERBS:
                    continue
                start = index + 1
        between = [w.group() for w in words[start:position]]
        # "She thanked her opponent for his service": a person of hers may own "his".
        if start and words[start - 1].group() == "her" and self._person_noun_in(between[:3]):
            return True
        for index, word in enumerate(between):
            lowered = word.lower()
            # "to hear someone say his name": a person of no stated sex, like "the coach".
            if lowered in _INDEFINITE_PERSONS:
                return True
            if lowered in _BLOCKING_ARTICLES:
                # "the governor's statement ... his account": the governor may own it
                if self._person_noun_in(between[index + 1:index + 4]):
                    return True
            elif word[:1].isupper() and word not in self.female_names:
                following = strip_possessive(between[index + 1]) if index + 1 < len(between) else ""
                if strip_possessive(word) in surnames or following in surnames:
                    continue  # the woman herself, named
                if start == 0 and index == 0:
                    continue  # the sentence's first word: its capital says nothing
                if index and between[index - 1].lower() in _PREPOSITIONS:
                    continue  # a place or a date: "in Ohio", "on Monday"
                return True
        return False

    @functools.cached_property
    def person_nouns(self) -> frozenset[str]:
        nouns = set()
        for name in ("person-nouns", "media-people", "male-nouns"):
            nouns.update(w.lower() for w in word_class(name) if " " not in w)
        return frozenset(nouns) | _MORE_PERSON_NOUNS

    def _reflexive_of_subject(self, words, subject: int, position: int) -> bool:
        between = [w.group() for w in words if subject <= w.start() < words[position].start()]
        return len(between) <= _REFLEXIVE_REACH and not any(
            w[:1].isupper() or w.lower() in _ARTICLES for w in between
        )

    def _evidence(self, sentence: str) -> "_Evidence":
        found = _Evidence()
        words = list(_WORD.finditer(sentence))
        for position, match in enumerate(words):
            word = strip_possessive(match.group())
            lowered = word.lower()
            # A first name right after another first name is a surname ("Lauren Conrad").
            previous = words[position - 1] if position else None
            surname = (
                previous is not None
                and sentence[previous.end():match.start()] == " "
                and (previous.group() in self.female_names or previous.group() in self.male_names)
            )
            if lowered in _FEMALE_PRONOUNS:
                found.female = found.female_pronoun = True
            elif lowered == "her":
                found.female = True
            elif lowered == "himself":
                found.male_reflexive = True
            elif lowered in _MALE_PRONOUNS:
                found.male_other = True
            elif lowered in self.female or (word in self.female_names and not surname):
                found.female = True
            elif lowered in self.male or (word in self.male_names and not surname):
                found.male_other = True
        return found


class _Said:
    """A sentence and, computed on first use, its evidence."""

    __slots__ = ("body", "_read", "_evidence", "quoted", "paragraph", "start", "owned")

    def __init__(self, body: str, read, start: int = 0) -> None:
        self.body, self._read, self._evidence, self.quoted, self.paragraph = body, read, None, False, 0
        self.start = start
        self.owned: set[str] = set()  # the words after the sentence's "his" left to a man

    @property
    def evidence(self) -> "_Evidence":
        if self._evidence is None:
            self._evidence = self._read(self.body)
        return self._evidence


class _Evidence:
    __slots__ = ("female", "male_other", "male_reflexive", "female_pronoun")

    def __init__(self) -> None:
        self.female = self.male_other = self.male_reflexive = self.female_pronoun = False

    @property
    def male(self) -> bool:
        return self.male_other or self.male_reflexive


@functools.lru_cache(maxsize=1)  # read for the woman's surnames and the man's, of one text
def _pronoun_votes(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Surnames the text speaks of as "she" and as "he": a sentence that names one person only
    (one run of capitalised words that the text never writes in lower case; the run's last word
    is the surname) and has, after the name, a subject pronoun of one gender only votes that
    gender for it. Subject pronouns keep their gender through the pivot (il/elle), so they tell
    who is a woman where no first name does ("a smiling Jennings wears a hospital gown as she
    sits"); possessives, the damaged ones, are not read."""
    lower = _lower_words(text)
    female: set[str] = set()
    male: set[str] = set()
    for sentence in _SENTENCE.finditer(text):
        words = [(word, _capital(word.group(), lower)) for word in _WORD.finditer(sentence.group())]
        names, named = _name_runs(words)
        # only after the name: "She said Sunak ..." is not his
        pronouns = {word.group().lower() for (word, _), after in zip(words, named)
                    if after and word.group() in ("she", "he", "She", "He")}
        if len(names) == 1 and len(pronouns) == 1:
            (female if "she" in pronouns else male).update(names)
    return frozenset(female), frozenset(male)


@functools.lru_cache(maxsize=1)
def _next_sentence_votes(text: str, gendered: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Surnames of a sentence that opens with one person, names no one else and has no pronoun
    and no gendered word at all, where the next sentence of the paragraph opens with "She" or "He"
    ("Jordan Reyes won the race on Sunday. She thanked her coach."): that sentence's subject
    pronoun is the person named, the only one it can be."""
    lower = None
    female: set[str] = set()
    male: set[str] = set()
    previous: str | None = None
    previous_end = 0
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        opening = body.lstrip(" \t")
        pronoun = next((p for p in ("She", "He") if opening.startswith(p) and not opening[len(p):len(p) + 1].isalpha()), None)
        # (the next sentence of the same paragraph: no line break between)
        if previous is not None and pronoun and "\n" not in text[previous_end:sentence.start()]:
            if lower is None:
                lower = _lower_words(text)
            name = _one_person(previous, gendered, lower)
            # ... and that person is the sentence's subject, its opening name ("The award went to
            # Jordan Reyes. She had hoped ..." may speak of someone else).
            subject = _OPENING_NAME.match(previous)
            if name is not None and subject and strip_possessive(subject.group("name").split(" ")[-1]) == name:
                (female if pronoun == "She" else male).add(name)
        previous = None if body.endswith("\n") or not body.strip() else body
        previous_end = sentence.end()
    return frozenset(female), frozenset(male)


def _one_person(sentence: str, gendered: frozenset[str], lower: set[str]) -> str | None:
    """The surname of the one person the sentence names (one run of capitalised words the text
    never writes in lower case), if it has no gendered word and no quotation mark."""
    if any(mark in sentence for mark in "\"“”"):
        return None
    words = []
    previous = ""
    for word in _WORD.finditer(sentence):
        token = word.group()
        if token.lower() in gendered or strip_possessive(token).lower() in gendered:
            return None
        capital = _capital(token, lower)
        # "on Sunday", "in Ohio", "On Friday,": a date, a place or a lead-in, no one of the sentence.
        if capital and (token in _CALENDAR_WORDS or token.lower() in _PLACE_WORDS
                        or (previous.lower() in _PLACE_WORDS and not (words and words[-1][1]))):
            capital = False
        previous = token
        words.append((word, capital))
    names, _ = _name_runs(words)
    return next(iter(names)) if len(names) == 1 else None


def _capital(token: str, lower) -> bool:
    """A capitalised word that may be part of a name: the text never writes it in lower case."""
    return token[:1].isupper() and token.lower() not in lower and token.lower() not in _NOT_A_NAME


def _name_runs(words) -> tuple[set[str], list[bool]]:
    """The names of a sentence given as (word match, capital) pairs: the last word of each run of
    adjacent capitalised words (a lone one that opens the sentence may be any word); and, for each
    word, whether a name or a run had begun before it."""
    names: set[str] = set()
    named: list[bool] = []
    run: list[str] = []
    run_opens = False  # the run starts the sentence
    previous_end = -2
    for index, (word, capital) in enumerate(words):
        named.append(bool(names or run))
        if capital and run and word.start() == previous_end + 1:
            run.append(word.group())
        else:
            _add_name(names, run, run_opens)
            run, run_opens = ([word.group()], index == 0) if capital else ([], False)
        previous_end = word.end()
    _add_name(names, run, run_opens)
    return names, named


@functools.lru_cache(maxsize=1)
def _lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (a capitalised one of them may be any word)."""
    return frozenset(w.group() for w in _WORD.finditer(text) if w.group()[:1].islower())


def _add_name(names: set[str], run: list[str], opens: bool) -> None:
    if run and (len(run) > 1 or not opens):
        names.add(strip_possessive(run[-1]))


# Capitalised words after a first name that are no surname ("Khloé Is Pregnant", "Derek Hall Takes").
_NOT_A_NAME_CAPS = frozenset("The A An And Is Are Was Were Has Have Had Says Said Takes Shares".split())


def male_surnames(text: str, male_names, female_names, male_nouns, female_nouns, votes: bool = True) -> frozenset[str]:
    """Surnames that follow a man's first name in the text and never a woman's, or (`votes`) that
    the text speaks of as "he" and never as "she" (mirror of `_female_surnames`). A surname shared
    by a man and a woman of the text (a family: "Peter Voss", "Rachel Voss") is neither."""
    female, male = set(), set()
    for noun, first, surname in _name_pairs(text):
        # A man's first name before it, or a full name after a man's noun ("her boyfriend
        # Dante Reyes", "son's father, Dallas Pruitt"): first names no list can hold all of.
        if first in male_names or (noun and noun in male_nouns):
            male.add(surname)
        elif first in female_names or (noun and noun in female_nouns):
            female.add(surname)
    if votes:
        voted_female, voted_male = _pronoun_votes(text)
        male |= voted_male - voted_female
        female |= voted_female
    return frozenset(male - female - female_names - male_names - _NOT_A_NAME_CAPS)


@functools.lru_cache(maxsize=2)  # read by every surname list of one text
def _name_pairs(text: str) -> tuple[tuple[str, str, str], ...]:
    """Each capitalised word that follows another word after one space, as (noun, first,
    surname): the word before, the capitalised word without its possessive, and, when the word
    before is capitalised and follows a third word after " " or ", ", that third word in lower
    case ("boyfriend" in "her boyfriend Dante Reyes"), else ""."""
    pairs = []
    before = previous = None
    for match in _WORD.finditer(text):  # not a list: 20 bytes a character
        if previous is not None and text[previous.end():match.start()] == " " and match.group()[:1].isupper():
            first = previous.group()
            noun = ""
            if before is not None and first[:1].isupper() and text[before.end():previous.start()] in (" ", ", "):
                noun = before.group().lower()
            pairs.append((noun, first, strip_possessive(match.group())))
        before, previous = previous, match
    return tuple(pairs)


def _names(passage: str, surnames: frozenset[str]) -> bool:
    """Whether the passage writes one of these surnames (capitalised, possibly possessive)."""
    if not surnames:
        return False
    return any(strip_possessive(w.group()) in surnames for w in _WORD.finditer(passage) if w.group()[:1].isupper())


# Words that may stand for another owner of a "his own" after the subject: "told him to mind his own".
_OTHER_PERSONS = frozenset("he him his himself they them their someone somebody anyone anybody everyone everybody".split())


def _other_person_before(words, position: int, subject: int | None) -> bool:
    """Whether a pronoun between the clause's subject (or the sentence's start) and the "his" at
    `position` may be its owner."""
    start = subject or 0
    return any(w.group().lower() in _OTHER_PERSONS for w in words[:position] if w.start() >= start)


def _thing_names(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the men's and women's names that stand in the name of an award, a building or
    an institution ("the Cecil B. DeMille Award"): one pass over the text, only where a man in the
    sentences before would veto a "his"."""
    if "he " not in text:
        return ()
    return tuple(match.span("name") for match in _THING_NAME.finditer(text))


def _overlaps(said: "_Said", spans) -> bool:
    end = said.start + len(said.body)
    return any(start < end and said.start < stop for start, stop in spans)


def _masked(body: str, offset: int, spans) -> str:
    """The sentence with the letters of the names in `spans` (text offsets) written "x"."""
    chars = list(body)
    for start, stop in spans:
        for index in range(max(start - offset, 0), min(stop - offset, len(chars))):
            if chars[index].isalpha():
                chars[index] = "x"
    return "".join(chars)


def _in_quotation(sentence: str, position: int) -> bool:
    """Whether `position` of the sentence lies inside quotation marks opened in the sentence."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _opening_she(sentence: str) -> int | None:
    match = _OPENING_SHE.match(sentence)
    return match.end("she") if match else None


def _without_possessed(sentence: str, words, position: int) -> str:
    """The sentence without the possessive at `position` and what it owns: its noun and a name in
    apposition ("his brother Tom Smith"), which tell nothing about the owner."""
    end = position + 2
    while end < len(words) and words[end].group()[:1].isupper() and sentence[words[end - 1].end():words[end].start()] == " ":
        end += 1
    cut_end = words[end - 1].end()
    return sentence[:words[position].start()] + sentence[cut_end:]



def _lower_set(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


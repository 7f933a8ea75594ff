"""A possessive "her" for the man a sentence is about: the mirror of `pronouns.PronounGender`.

French `son`/`sa` agree with the thing possessed, so a feminine noun can bring back "her" for a man's
thing ("sa tournée" -> "her tour"). English is full of "he ... her", so this reads much less than
the "his" direction and fires only where nothing else can own the "her":

- the sentence opens with a man: a man's first name and a surname ("Kanye West went to Twitter"),
  or the bare surname (or a man's first name alone) of a man the text names in full and never
  gives to a woman;
- the "her" comes after that name with no other possible owner between (no other name, no article,
  no person noun) and is followed by a noun, not after a verb that takes a person as its object
  ("gave her flowers", "told her story", "let her go");
- no woman anywhere in the sentence or in the `sentences` before it: no she/her/hers, no woman's
  first name, no woman's noun (wife, actress, ...), and the sentence is not in a quotation;
- no one named in full there whose first name no list genders ("Leo Marsh stars opposite Amara
  Diallo. Marsh said her performance ..."): that person may be the woman; nor a person of a story
  ("the character", "the narrator"), and no speech verb between the man and the "her" (reported
  speech may speak of anyone: "Hale said that under her leadership ...");
- the text calls no named thing "she" (a sentence opening with "The" and a name of two
  capitalised words, then one opening with "She": "The Cape Meridian was launched in 1944. She
  made eleven crossings."): there any "her" may be the ship's.

Apart from that, a "her" of a man's own document or words ("In her statement, Kanye West said",
"he wrote on her blog") is his whoever else the passage names (`pronouns.speaker_possessives`),
and so is the "her" of an idiom whose possessive is always the subject's ("shook her head", "lost
her temper"; `pronouns._SUBJECT_IDIOMS`) right after "he" or after the man who opens the sentence
with nothing between. A surname the text gives a man by "Mr." is a man's ("Mr. Lauer ... Lauer").
"""

from __future__ import annotations

import collections

from ..compiled import compile_regex
from . import Found, check_options, strip_possessive
from .pronouns import (
    _NOT_A_NOUN, _OPENING_NAME, _PREPOSITIONS, _SENTENCE, _SUBJECT_IDIOMS, _TAG_VERBS, _WOMAN_ONLY, _WORD, PronounGender,
    _in_quotation, speaker_is, speaker_possessives,
)

_ARTICLES_AND_PEOPLE = frozenset("a an the someone somebody anyone anybody everyone everybody".split())
_FULL_NAME = compile_regex(r"(?<![\p{L}'’-])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:['’]s)?)(?![\p{L}'’-])")
# Capitalised words that open a phrase, not a first name ("In Paris", "The Times").
_NOT_A_NAME_WORDS = frozenset(
    "the a an in on at of for from to by with and or but as new old north south east west saint st "
    "mr mrs ms dr sir lady lord".split()
)
_PLACE_PREPOSITIONS = frozenset("in at near outside across".split())
_FICTIONAL = compile_regex(r"(?i)(?<![\p{L}])(?:character|characters|narrator|protagonist|heroine|antagonist)(?![\p{L}])")
_HER = compile_regex(r"(?<![\p{L}'’])her(?![\p{L}'’])")
# Verbs after which "her" is a person, whatever follows: "gave her flowers", "made her dinner".
_OBJECT_VERBS = frozenset(
    "give gives gave given giving tell tells told telling send sends sent sending show shows showed "
    "shown showing offer offers offered offering bring brings brought bringing buy buys bought buying "
    "make makes made making call calls called calling ask asks asked asking teach teaches taught pay "
    "pays paid paying hand hands handed lend lent owe owes owed wish wishes wished get gets got "
    "gotten getting find finds found leave leaves left let lets letting see sees saw seen seeing "
    "watch watches watched hear hears heard help helps helped want wants wanted keep keeps kept name "
    "names named dub dubbed consider considers considered cook cooked pour poured throw threw thrown "
    "sing sang read write wrote written promise promised cost save saved grant granted deny denied "
    "allow allowed award awarded charge charged fine fined forgive forgave envy envied bet remind "
    "reminded assure assured thank thanks thanked kiss kissed hug hugged text texted email emailed "
    "call phone phoned join joined meet met like liked love loved hate hated miss missed".split()
)


class HerForHis(PronounGender):
    @staticmethod
    def validate(options) -> None:
        check_options(options, {"sentences": int})  # `subject_nouns` is the "his" direction's

    def find(self, text: str):
        if "her" not in text:
            return
        recent: collections.deque[str] = collections.deque(maxlen=max(0, self.window))
        men = women = full_names = ship = None
        # "In her statement, Kanye West said", "he wrote on her blog": the speaker's own, whoever
        # else the passage names (see pronouns.speaker_possessives).
        speakers = speaker_possessives(text, "her")
        if speakers:
            men, women = self._male_surnames(text), self._female_surnames(text)
            full_names = _surnames_after(text)
            for start, name in sorted(speakers.items()):
                if speaker_is(name, "he", self.male_names, self.female_names, women, men):
                    yield Found(start, start + 3, ("his",))
        for sentence in _SENTENCE.finditer(text):
            body = sentence.group()
            before = tuple(recent)
            recent.append(body)
            if not _HER.search(body):
                continue
            if men is None:
                men, women = self._male_surnames(text), self._female_surnames(text)
                full_names = _surnames_after(text)
            if ship is None:
                ship = _thing_called_she(text)
            if ship:
                return  # a ship or a country called "she": any "her" may be hers
            subject = self._male_subject(body, men, women, full_names)
            # "He shook her head", "Kanye West lost her temper": an idiom whose possessive is
            # always the subject's, whatever woman the passage names (`_SUBJECT_IDIOMS`).
            idioms = set()
            if _idiom_verb_before_her(body):
                words = list(_WORD.finditer(body))
                for position, match in enumerate(words):
                    if match.group() != "her" or position < 2 or position + 1 >= len(words):
                        continue
                    verb, noun = words[position - 1].group().lower(), words[position + 1].group().lower()
                    if noun not in _SUBJECT_IDIOMS.get(verb, ()):
                        continue
                    pronoun = [w.group().lower() for w in words[max(0, position - 3):position - 1]]
                    if len(pronoun) == 2 and pronoun[-1].endswith("ly"):
                        pronoun = pronoun[:-1]
                    if (pronoun and pronoun[-1] == "he") or (
                            subject is not None and match.start() > subject and self._nothing_between(words, subject, position)
                            and not any(w.group().lower() in ("she", "he", "him", "they", "them") for w in words[:position]
                                        if w.start() >= subject)):
                        idioms.add(match.start())
                        yield Found(sentence.start() + match.start(), sentence.start() + match.end(), ("his",))
            if subject is None or any(self._evidence(b).female for b in before):
                continue
            # Someone named in full whose first name no list genders ("Leo Marsh stars opposite
            # Amara Diallo. Marsh said her performance ..."): a person who may be the woman.
            if any(self._unknown_person(b, men) for b in before) \
                    or self._unknown_person(body, men, skip=subject):
                continue
            # A person of a story, of either sex ("He had carried the character around since
            # 2004. Farrant rewrote her final chapter."), in the passage.
            if any(_FICTIONAL.search(b) for b in before) or _FICTIONAL.search(body):
                continue
            words = list(_WORD.finditer(body))
            for position, match in enumerate(words):
                if match.group() != "her" or match.start() < subject or position + 1 >= len(words):
                    continue
                following = words[position + 1].group().lower()
                previous = words[position - 1].group().lower()
                if following in _NOT_A_NOUN or following in _WOMAN_ONLY or previous in _OBJECT_VERBS:
                    continue
                rest = body[:match.start()] + body[match.end():]
                if self._evidence(rest).female or _in_quotation(body, match.start()):
                    continue
                if not self._nothing_between(words, subject, position):
                    continue
                start = sentence.start() + match.start()
                if start in speakers or match.start() in idioms:
                    continue  # judged above
                yield Found(start, start + 3, ("his",))

    def _unknown_person(self, sentence: str, men: frozenset[str], skip: int = 0) -> bool:
        """Whether the sentence (after `skip`) names someone in full, a first name and a surname,
        where neither is a man's the lists or the text know: a person of either sex."""
        for match in _FULL_NAME.finditer(sentence, skip, overlapped=True):
            first, last = match.group(1), strip_possessive(match.group(2))
            if first in self.male_names or last in men or first.lower() in _NOT_A_NAME_WORDS:
                continue
            if match.start() == 0 or not sentence[:match.start()].strip(" \"“‘'([-"):
                continue  # the sentence's first word may be any word ("Officials Said ...")
            if sentence[:match.start()].rstrip().rsplit(" ", 1)[-1].lower() in _PLACE_PREPOSITIONS:
                continue  # "in Los Angeles", "at Madison Square"
            return True
        return False

    def _nothing_between(self, words, subject: int, position: int) -> bool:
        """No other possible owner between the subject and "her": no article, no person noun, and
        no capitalised word except after a preposition (a place or a date: "to Twitter on Monday")."""
        between = [w.group() for w in words if subject <= w.start() < words[position].start()]
        return len(between) <= 12 and not any(
            word.lower() in _ARTICLES_AND_PEOPLE or strip_possessive(word).lower() in self.person_nouns
            # reported speech may speak of anyone: "Hale said that under her leadership ..."
            or word.lower() in _TAG_VERBS
            or word[:1].isupper() and not (index and between[index - 1].lower() in _PREPOSITIONS)
            for index, word in enumerate(between)
        )

    def _male_subject(self, sentence: str, men: frozenset[str], women: frozenset[str],
                      full_names: dict[str, set[str]]) -> int | None:
        """Where the sentence's opening name ends, if it names a man: a man's first name and a
        surname that is no woman's, or, alone, the surname of a man the text names in full or the
        first name the text gives a man's surname ("Kanye West ... Kanye")."""
        match = _OPENING_NAME.match(sentence)
        if not match:
            return None
        parts = [strip_possessive(p) for p in match.group("name").split(" ")]
        if any(p in self.female_names or p in women for p in parts):
            return None
        if len(parts) >= 2 and parts[0] in self.male_names:
            return match.end("name")
        if len(parts) == 1 and match.group("name") == parts[0] and (
                parts[0] in men or parts[0] in self.male_names and not men.isdisjoint(full_names.get(parts[0], ()))):
            return match.end("name")
        return None


# A verb of `_SUBJECT_IDIOMS` right before "her": the sentences worth reading for an idiom.
_IDIOM_HER = compile_regex(
    r"(?i)(?<![\p{L}'’])(?:" + "|".join(sorted(_SUBJECT_IDIOMS)) + r") her (?:" +
    "|".join(sorted({noun for nouns in _SUBJECT_IDIOMS.values() for noun in nouns})) + r")(?![\p{L}])"
)


def _idiom_verb_before_her(sentence: str) -> bool:
    return _IDIOM_HER.search(sentence) is not None


# A sentence whose subject is a named thing ("The Cape Meridian was launched ...", "The Queen Mary
# sailed ..."), and the next sentence opens with "She".
_THE_NAME_THEN_SHE = compile_regex(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*The[ ]\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*){1,3}[ ]\p{Ll}[^.!?\n]*[.!?][ ]+She[ ]"
)


# The same with the named thing anywhere in its sentence ("Launched in 1944, the Cape Meridian was
# one of ... She made eleven crossings."), in a text about a vessel.
_NAME_THEN_SHE = compile_regex(
    r"(?<![\p{L}'’])the[ ]\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*){1,3}[ ]\p{Ll}[^.!?\n]*[.!?][ ]+She[ ]"
)
_VESSEL = compile_regex(
    r"(?i)(?<![\p{L}'’])(?:ship|ships|vessel|boat|yacht|schooner|liner|freighter|tanker|ferry|submarine|"
    r"frigate|destroyer|steamer|steamship|warship|battleship|cutter|sloop|clipper)(?!\p{L})"
)


def _thing_called_she(text: str) -> bool:
    """Whether the text calls a named thing "she" (a ship, a country): then a "her" among men may
    be that thing's ("Dorsey rebuilt her engine")."""
    if "She " not in text:
        return False
    if _THE_NAME_THEN_SHE.search(text) is not None:
        return True
    return _VESSEL.search(text) is not None and _NAME_THEN_SHE.search(text) is not None


def _surnames_after(text: str) -> dict[str, set[str]]:
    """The capitalised words that follow each capitalised word of the text: first name -> surnames."""
    found: dict[str, set[str]] = collections.defaultdict(set)
    for match in _FULL_NAME.finditer(text, overlapped=True):
        found[match.group(1)].add(strip_possessive(match.group(2)))
    return found

"""The present perfect with a definite past time: "she has shared the photo on Monday".

French (passé composé), German (Perfekt) and Italian (passato prossimo) tell a finished event with
have + participle ("elle a partagé la photo lundi"); a round trip keeps the auxiliary and brings
back "she has shared the photo on Monday", "he has died in 2015", "we have met two years ago".
English forbids the present perfect with a definite past time and needs the simple past.

Within one sentence the detector looks for `has/have/'s/'ve (+ adverbs) + past participle` and a
definite past-time adverbial of the same clause:

- after the participle, with no clause boundary (that, which, when, a comma, another verb, a
  modal, `to` + verb) in between: yesterday, last night/week/year/Monday, N years ago, in 2015, in
  the 1990s, at the time, at the end of last season / of 2015, earlier this week, and (only close
  to the participle, since they can name a future day) on Monday / on May 12;
- only close after the participle, and not in a sentence with a word of habit or of a span up to
  now (always, often, never, so far, since, every): the start or end of a period that may lie ahead
  or recur ("people have died ... at the start of the season", not after "has agreed to leave",
  "his departure"), and childhood ("they have never had as children", "has been bullied when he
  was young"; not after verbs of roles, "has been cast as a child", nor before a noun, "as a child
  actor");
- or before the auxiliary, with no verb at all between the start of the clause and the auxiliary
  ("On Monday, the minister has announced ...", "The group last week has said ...").

It stays silent where English licenses the perfect (`since`, `for the past`, `so far`, `until
now`, `to date`, `the last year`, `from 3% in 2015 to ...`), on perfect infinitives after modals
and `to` ("could have left yesterday", "is believed to have died in 2015"), on questions, and on a
year that may be the present one (the latest year the document names, when it names several,
or any year when `latest_year` is on and it names just one).

The suggestion is the simple past: "has shared" -> "shared", "has been arrested" -> "was
arrested", "have not landed" -> "did not land" (the past and base forms of irregular verbs come
from rules/classes/irregular-verbs.txt).
"""

from __future__ import annotations

import functools

import regex

from ..compiled import compile_regex
from ..loader import word_class
from . import Found, check_options

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_NUMBER = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|a hundred|a few|a couple of|several|many|some|\d{1,4})"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_PERIOD = r"(?:season|year|month|week|decade|century|term|semester|spring|summer|fall|autumn|winter)"

# Adverbials that name a finished time, wherever they stand in the clause.
_PAST = (
    r"(?P<past>"
    r"(?:the day before )?yesterday(?: (?:morning|afternoon|evening))?"
    r"|last (?:night|week|weekend|month|year|season|decade|century|" + _SEASON + r"|" + _WEEKDAYS + r"|"
    + _MONTHS + r")"
    r"|" + _NUMBER + r" (?:(?:long|short|full) )?" + _UNIT + r" ago"
    r"|(?:moments|minutes|hours|days|weeks|months|years|decades) ago"
    r"|in (?:(?:early|mid|late|mid-|the (?:spring|summer|fall|autumn|winter) of) ?)?(?:(?:" + _MONTHS + r") )?"
    r"(?P<year>" + _YEAR + r")"
    r"|in the (?:(?:early|mid|late) )?(?:1[6-9]|20)\d0s"
    r"|at (?:the|that) time"
    r"|the other day"
    r"|(?:at|in) the (?:very )?(?:start|beginning|end|outset|close|middle) of (?:last (?:" + _PERIOD + r"|"
    + _MONTHS + r")|the previous " + _PERIOD + r"|the (?:1[6-9]|20)\d0s|(?:(?:" + _MONTHS + r") )?(?P<year>"
    + _YEAR + r")|the (?P<year>" + _YEAR + r")(?:[-–/]\d{2,4})? (?:season|campaign|tour|school year))"
    r"|earlier (?:today|this (?:morning|afternoon|week|month|year|season|" + _SEASON + r")"
    r"|in the (?:day|week|month|year|season))"
    r")"
)
# The start or end of a period that may lie ahead or recur ("has agreed to leave at the end of the
# season", "has always struggled at the start of the season"): only close after the participle,
# never after a participle of plans, and not with a word of habit in the sentence.
_NEAR = (
    r"(?P<near>"
    r"(?:at|in) the (?:very )?(?:start|beginning|end|outset|close) of (?:the (?:season|year|month|week|episode|"
    r"series|film|movie|show|tour|game|match|war|campaign|trial|semester|term|race|concert|ceremony|"
    + _SEASON + r")|(?:" + _MONTHS + r"))"
    r")"
)
# Childhood, a finished time told by an age ("they have never had as children", "I have been
# bullied when I was young"): only close after the participle, never after a verb of roles or
# names ("has been cast as a child", "has treated him as a child"), and never before a noun it
# would qualify ("has worked as a child actor").
_YOUTH = (
    r"(?P<youth>"
    r"as an? (?:child|kid|teenager|teen|toddler|baby|schoolboy|schoolgirl|little (?:boy|girl)|young (?:boy|girl))"
    r"|as (?:children|kids|teenagers|teens|toddlers|babies|youngsters|little (?:boys|girls))"
    r"|when (?:I|he|she|we|they|you) (?:was|were) (?:an? (?:child|kid|teenager|teen|toddler|baby|little (?:boy|girl))"
    r"|little|young|younger|small|children|kids|teenagers|teens|growing up|in (?:high school|grade school|college)"
    r"|(?:only |just )?\d{1,2}(?: years old)?)"
    r"|in (?:his|her|their|my|our|your) (?:youth|childhood)"
    r")"
)
# Adverbials that name a day, which may lie ahead ("has agreed to meet on Monday"): only near the
# participle and never after an infinitive.
_DAY = (
    r"(?P<day>"
    r"on (?:" + _WEEKDAYS + r")(?: (?:morning|afternoon|evening|night))?"
    r"|on (?:the )?\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:" + _MONTHS + r")(?: " + _YEAR + r")?"
    r"|on (?:" + _MONTHS + r") \d{1,2}(?:st|nd|rd|th)?(?:,? " + _YEAR + r")?"
    r")"
)
_ADVERBIAL = compile_regex(
    r"(?<![\p{L}\d'’-])(?:" + _PAST + r"|" + _DAY + r"|" + _NEAR + r"|" + _YOUTH + r")(?![\p{L}\d'’-])",
    regex.IGNORECASE,
)
# What may stand just before an adverbial and turn it into a limit or a comparison.
_BLOCK_BEFORE = compile_regex(
    r"(?:\b(?:since|until|till|til|through|by|from|before|after|between|as of|than|of|for|to|"
    r"and|or|starting|beginning|effective|like|unlike|as|the|this|these|every|each|next|with|versus|"
    r"vs\.?|compared|not|except|including|the end of)"
    r"|\bsince [\w ]{0,30}|[-–/])\s*$",
    regex.IGNORECASE,
)
_BLOCK_AFTER = compile_regex(r"^(?:['’]s?\b|\s*[-–/]\s*\d|\s+onwards?\b|\s+(?:to|and|or|until|till|through|thru)\s+"
                             r"(?:\d|today|now|date|the present|(?:" + _WEEKDAYS + r"|" + _MONTHS + r")\b))",
                             regex.IGNORECASE)
# A perfect right after "and"/"but"/"or" is a second predicate; a time before it belongs to the first
# ("topped the chart in 2016 and has been streamed 600 million times").
_SECOND_PREDICATE = compile_regex(r"\b(?:and|but|or)(?: \p{Ll}+ly)?\s*$", regex.IGNORECASE)
# "his last season", "her last year at school": a noun phrase, not a time adverbial.
_DETERMINER_BEFORE = compile_regex(r"\b(?:its|his|her|their|our|my|your|whose|\p{L}+['’]s?)\s*$", regex.IGNORECASE)
# Months and weekdays as adverbials must be capitalised ("May" the month, not "may").
_CAPITALISED = compile_regex(r"(?:" + _WEEKDAYS + r"|" + _MONTHS + r")\b", regex.IGNORECASE)

# Words that make the perfect right (or the clause not about a finished time).
_LICENSING = compile_regex(
    r"\b(?:since|ever|so far|thus far|until now|till now|up to now|up until now|to date|as yet|"
    r"yet|recent|lately|for the (?:past|last)|over the (?:past|last|years|decades)|in the (?:past|last)|"
    r"for (?:" + _NUMBER[3:-1] + r") (?:" + _UNIT + r")|for (?:years|decades|months|weeks|ages|a while|a long time)|"
    r"times|once again|each|every|how many|many times|at the time of|from|than|compared|"
    r"through|throughout|then|now|today|this (?:year|week|month|season|morning|afternoon|evening)|"
    r"already|again)\b",
    regex.IGNORECASE,
)

_AUX = compile_regex(
    r"(?<![\p{L}'’-])(?P<aux>has|have|hasn['’]t|haven['’]t|(?P<subj>\p{L}+)(?P<clitic>['’](?:s|ve)))"
    r"(?P<mid>(?: (?:not|n['’]t|never|also|just|only|even|finally|officially|reportedly|previously|"
    r"first|actually|indeed|really|allegedly|apparently|publicly|personally|\p{Ll}+ly))){0,2}"
    r" (?P<verb>\p{Ll}+)(?![\p{L}'’-])",
)
_MODAL_BEFORE = compile_regex(
    r"(?:\b(?:could|would|should|might|must|may|can|will|shall|ought to|to|cannot|i['’]d|you['’]d|he['’]d|"
    r"she['’]d|we['’]d|they['’]d)|n['’]t)(?: (?:not|never|also|well|easily|probably|still|surely|"
    r"certainly|already|\w+ly))?\s*$",
    regex.IGNORECASE,
)
# A superlative, "only" or "first" before a relative clause: "the best thing that has happened in
# 2019" counts the time up to now.
_SUPERLATIVE_BEFORE = compile_regex(
    r"\b(?:best|worst|only|biggest|greatest|funniest|saddest|strangest|first)\b[\w\s'’-]{0,30}?\b(?:that|which|who|I|we|you)\s+$",
    regex.IGNORECASE,
)
_NOT_PARTICIPLES = frozenset(
    "red bed shed seed need speed heed breed greed creed weed steed deed reed hundred sacred naked "
    "wicked rugged kindred beloved wretched talented gifted skilled detailed advanced armed mixed "
    "varied assorted renowned sophisticated limited aged learned crooked ragged jagged dogged sled".split()
)
# Participles whose event may still lie ahead ("has been scheduled on Monday").
_FUTURE_PARTICIPLES = frozenset(
    "scheduled set planned slated expected due postponed delayed rescheduled moved pushed booked "
    "promised vowed pledged agreed decided offered invited called asked urged threatened".split()
)
# Nouns of an event or a day off: a day right after one of them dates the noun ("a holiday on Friday",
# "its concert on Saturday"), which may lie ahead, not the perfect.
_EVENT_BEFORE = compile_regex(
    r"\b(?:holiday|day off|vacation|hearing|vote|meeting|match|game|concert|show|party|ceremony|service|"
    r"parade|premiere|election|primary|debate|trial|deadline|appointment|interview|event|rally|summit|"
    r"funeral|wedding|celebration|performance|screening|session|conference|briefing|flight|visit)s?\s*$",
    regex.IGNORECASE,
)
# Words of habit or of a span up to now: the start or end of a period, or childhood, then names
# a recurring or an open time ("has often struggled at the start of the season", "has scored twice
# at the start of the season so far", "I have always been shy as a child"); "never" only for a
# period, which it makes generic ("has never scored at the start of the season").
_HABIT = compile_regex(
    r"\b(?:always|often|usually|sometimes|ever|repeatedly|regularly|frequently|typically|"
    r"traditionally|generally|rarely|seldom|so far|thus far|to date|until now|yet|already|every|each|"
    r"since|still)\b",
    regex.IGNORECASE,
)
# Nouns of a move or a plan: the start or end of a period right after one dates the noun, which may
# lie ahead ("has announced his departure at the end of the season").
_PLAN_BEFORE = compile_regex(
    r"\b(?:departure|exit|retirement|move|transfer|contract|deal|loan|return|release|launch|closure|"
    r"expiry|switch|arrival|debut|resignation|plans?|intention|decision|option|break|hiatus|tour|"
    r"album|season|sale|opening|start|end)s?\s*$",
    regex.IGNORECASE,
)
# Nouns that take "in" for their object ("lost interest in the end of the season", "his role in the
# start of the war"): "in the start/end of ..." right after one is that object, not a time.
_IN_OBJECT_BEFORE = compile_regex(
    r"\b(?:interest|faith|belief|trust|confidence|role|part|stake|say|involvement|hand|delight|pride)\s*$",
    regex.IGNORECASE,
)
# Participles of roles, names and views: "as a child" after one is a role or a likeness ("has been
# cast as a child", "has treated her as a child"), not a time.
_ROLE_PARTICIPLES = frozenset(
    "treated regarded seen viewed described cast portrayed depicted dismissed labelled labeled "
    "considered branded presented introduced identified classified counted listed raised adopted "
    "registered enrolled addressed played dressed disguised known thought referred spoken talked "
    "behaved acted appeared starred featured performed worked served posed written drawn imagined "
    "pictured remembered recalled described characterised characterized used employed hired chosen "
    "picked selected named called billed credited shown photographed".split()
)
# What may follow "as a child" when it is a time: the end of the clause or a word that is not a noun.
_YOUTH_AFTER = compile_regex(
    r"^(?:\s*(?:[,.;:!?)\"”’—–]|$)|\s+(?:and|but|in|at|on|when|growing|because|so|or|before|after|until)\b)",
    regex.IGNORECASE,
)
# "the day when I was 12", "the time she was a child": a "when" of a time noun is its relative clause.
_TIME_NOUN_BEFORE = compile_regex(
    r"\b(?:day|days|time|times|moment|year|years|summer|night|period|age|point|era|morning|week|month|"
    r"season|even|like|just|back then)\s*$",
    regex.IGNORECASE,
)
# A relative pronoun right before the perfect: the clause may describe anyone it applies to.
_RELATIVE_BEFORE = compile_regex(r"\b(?:who|that|which)\s+$", regex.IGNORECASE)
_TOPIC_WORDS = frozenset("about of over regarding concerning".split())

_TITLE_APPOSITIVE = compile_regex(r",\s*[\"“][^\"“”\n]{1,80},[\"”]\s*$")
# Finite verbs a clause boundary is made of (besides -ed words and irregular past forms).
_VERBISH = frozenset(
    "is are was were be am 'm ’m will would could should can may might must shall has have had "
    "does do did says tells writes explains adds notes insists claims argues believes thinks knows "
    "hopes feels announces confirms reveals reports recalls admits wants says".split()
)
_BOUNDARY_WORDS = frozenset(
    "that which who whom whose where when while whereas because although though if unless since "
    "until till before after as but so whether once nor".split()
)
_DETERMINERS = frozenset("a an the this that his her its their our my your one every each no".split())
_PRONOUNS = frozenset("i you he she it we they there this these those".split())
_TOKEN = compile_regex(r"[\p{L}\d]+(?:['’][\p{L}]+)*|[^\s\p{L}\d]")
_SENTENCE = compile_regex(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|$)")


@functools.lru_cache(maxsize=1)
def _irregular() -> tuple[dict[str, str], dict[str, str]]:
    """participle -> simple past and participle -> base, from rules/classes/irregular-verbs.txt."""
    past: dict[str, str] = {}
    base: dict[str, str] = {}
    for line in word_class("irregular-verbs"):
        lemma, pasts, participles = line.split()
        for participle in participles.split("/"):
            past.setdefault(participle, pasts.split("/")[0])
            base.setdefault(participle, lemma)
    return past, base


def _regular_base(participle: str) -> str | None:
    """The base of a regular -ed participle when its spelling says it unambiguously."""
    stem = participle[:-2]
    if participle.endswith("ied") and len(participle) > 4:
        return participle[:-3] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bgmnprt":
        return stem[:-1]
    if stem.endswith(("v", "c", "z", "dg", "ur", "ir", "uir", "ag", "ng")):
        return None if stem.endswith("ng") else stem + "e"
    if stem.endswith(("ck", "sh", "ch", "ght", "nt", "st", "ld", "rd", "lt", "rt", "mp", "nd", "rm", "rn",
                      "wn", "ss", "ll", "ff", "sk", "sp", "ct", "pt", "ow", "ay", "ey", "oy", "lk", "rk", "lp",
                      "er", "en", "ain", "ear", "eal", "ail", "oin", "ign", "ion", "ew", "ook", "ect", "eet")):
        return stem
    return None


class PerfectWithPastTime:
    def __init__(self, options) -> None:
        self.reach = int(options.get("reach", 12))
        self.day_reach = int(options.get("day_reach", 4))
        self.before_reach = int(options.get("before_reach", 10))
        self.youth_reach = int(options.get("youth_reach", 3))
        self.latest_year = bool(options.get("latest_year", False))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"reach": int, "day_reach": int, "before_reach": int, "youth_reach": int,
                                "latest_year": bool})

    def find(self, text: str):
        if "ha" not in text and "'" not in text and "’" not in text:
            return
        years = {int(y) for y in regex.findall(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)", text)}
        latest = max(years) if (len(years) > 1 or (self.latest_year and years)) and max(years) >= 2000 else None
        for sentence in _SENTENCE.finditer(text):
            if sentence.group().rstrip("\"”’) ").endswith("?"):
                continue
            yield from self._sentence(text, sentence.start(), sentence.end(), latest)

    def _sentence(self, text: str, start: int, end: int, latest: int | None):
        chunk = text[start:end]
        if not _AUX.search(chunk):
            return  # no "has" or "have": no perfect to change (cheaper than the adverbials)
        adverbials = []
        for m in _ADVERBIAL.finditer(chunk):
            cap = _CAPITALISED.search(m.group())
            if cap and not cap.group()[0].isupper():
                continue
            if m.group("year") and latest is not None and int(m.group("year")) >= latest:
                continue
            if _BLOCK_BEFORE.search(chunk[max(0, m.start() - 40):m.start()]):
                continue
            if m.group().lower().startswith("last") and _DETERMINER_BEFORE.search(chunk[max(0, m.start() - 30):m.start()]):
                continue
            if _BLOCK_AFTER.search(chunk[m.end():m.end() + 12]):
                continue
            if (m.group("near") or m.group("youth")) and not self._near_ok(chunk, m):
                continue
            adverbials.append(m)
        if not adverbials:
            return
        past, base = _irregular()
        for m in _AUX.finditer(chunk):
            found = self._perfect(chunk, m, past, base)
            if found is None:
                continue
            a_start, a_end, replacement, head = found
            if any(self._links(chunk, a_start, a_end, head, adv) for adv in adverbials):
                yield Found(start + a_start, start + a_end, (replacement,) if replacement else ())

    @staticmethod
    def _perfect(chunk: str, m, past: dict[str, str], base: dict[str, str]):
        verb = m.group("verb")
        aux = m.group("aux").lower()
        clitic = (m.group("clitic") or "").replace("’", "'").lower()
        if clitic:
            subject = m.group("subj").lower()
            if clitic == "'s" and (subject in {"let", "that", "what", "there", "here"} or verb not in
                                   {"been", "gone", "done", "seen", "taken", "written", "eaten", "spoken",
                                    "driven", "flown", "come", "become", "won", "had", "given", "told", "said"}):
                return None
            if clitic == "'ve" and subject not in {"i", "we", "you", "they"}:
                return None
        if verb in _NOT_PARTICIPLES:
            return None
        if verb in past:
            simple = past[verb]
            lemma = base[verb]
        elif verb.endswith("ed") and len(verb) > 3:
            simple = verb
            lemma = _regular_base(verb)
        else:
            return None
        if _MODAL_BEFORE.search(chunk[max(0, m.start() - 30):m.start()]):
            return None
        if _SUPERLATIVE_BEFORE.search(chunk[max(0, m.start() - 50):m.start()]):
            return None  # "the only good thing that has happened in 2019": the time up to now
        words = [w.lower() for w in m.group("mid").split()] if m.group("mid") else []
        negated = aux.endswith(("n't", "n’t")) or any(w in {"not", "n't", "n’t"} for w in words)
        plural = aux.startswith("have") or clitic == "'ve"
        previous = (m.group("subj") or (chunk[:m.start()].split() or [""])[-1]).lower()
        first_person = previous == "i"
        if verb == "been":
            simple = "were" if plural and not first_person else "was"
        adverbs = [w for w in words if w not in {"not", "n't", "n’t"}]
        end, head = m.end("verb"), verb
        if verb == "been":
            # the passive: "has been arrested" -> "was arrested"
            passive = regex.match(r" (\p{Ll}+)(?![\p{L}'’-])", chunk[end:])
            if passive and passive.group(1) not in _NOT_PARTICIPLES and (
                    passive.group(1) in past or passive.group(1).endswith("ed")):
                end, head = end + passive.end(), passive.group(1)
            be = simple + (("n't" if aux.endswith(("n't", "n’t")) else " not") if negated else "")
            phrase = " ".join([be] + adverbs + ([head] if head != "been" else []))
        elif negated:
            if lemma is None:
                phrase = ""
            else:
                did = "didn't" if aux.endswith(("n't", "n’t")) or "n't" in words or "n’t" in words else "did not"
                phrase = " ".join([did] + adverbs + [lemma])
        else:
            phrase = " ".join(adverbs + [simple])
        a_start = m.start("aux")
        if clitic and phrase:
            a_start = m.start()
            phrase = m.group("subj") + " " + phrase
        elif phrase and m.group("aux")[0].isupper():
            phrase = phrase[0].upper() + phrase[1:]
        return a_start, end, phrase, head

    @staticmethod
    def _near_ok(chunk: str, m) -> bool:
        """Whether a start or end of a period, or a time of childhood, can be a finished time here:
        no word of habit or of a span up to now in the sentence, no plan or move it could date, and
        for childhood an end of phrase after it and no time noun before a "when"."""
        if _HABIT.search(chunk):
            return False
        before = chunk[max(0, m.start() - 30):m.start()]
        if m.group("near"):
            return not (regex.search(r"\bnever\b", chunk, regex.IGNORECASE) or _PLAN_BEFORE.search(before)
                        or _EVENT_BEFORE.search(before)
                        or (m.group().lower().startswith("in ") and _IN_OBJECT_BEFORE.search(before)))
        if regex.search(r"\b(?:even|only|than|like)\s*$", before, regex.IGNORECASE):
            return False  # "even as a child", "happier than as a child"
        if m.group().lower().startswith("when") and _TIME_NOUN_BEFORE.search(before):
            return False
        return bool(_YOUTH_AFTER.match(chunk[m.end():m.end() + 12]))

    def _links(self, chunk: str, start: int, end: int, head: str, adv) -> bool:
        """Whether the adverbial belongs to the clause of the perfect at chunk[start:end]."""
        if adv.group("near") or adv.group("youth"):
            # only close after the participle, with no plan, role or topic in between
            if adv.start() < end or head in _FUTURE_PARTICIPLES:
                return False
            if _RELATIVE_BEFORE.search(chunk, max(0, start - 12), start):
                return False  # "Players who have signed at the start of the season get a bonus": generic
            stretch = chunk[end:adv.start()]
            words = [w.lower() for w in _TOKEN.findall(stretch)]
            if adv.group("youth") and (head in _ROLE_PARTICIPLES or _TOPIC_WORDS.intersection(words)):
                return False
            return self._open(stretch, self.day_reach if adv.group("near") else self.youth_reach, after=True)
        if adv.start() >= end:
            if adv.group("day") and head in _FUTURE_PARTICIPLES:
                return False
            if adv.group("day") and _EVENT_BEFORE.search(chunk[max(0, adv.start() - 30):adv.start()]):
                return False  # "have been given an extra holiday on Friday": the day is the holiday's
            reach = self.day_reach if adv.group("day") else self.reach
            return self._open(chunk[end:adv.start()], reach, after=True)
        if adv.end() <= start:
            # Between the adverbial and the auxiliary only the subject; before the adverbial
            # nothing that could own it ("He said on Monday the party has grown").
            stretch = chunk[adv.end():start]
            if _SECOND_PREDICATE.search(stretch):
                return False  # "spent 11 weeks at No. 1 in 2016 and has been streamed ...": the time is the first verb's
            # A title in apposition closes with its comma inside the quotation marks ("its fifth
            # album, "Blackberry Winter," on Friday,"): the clause before it goes on after it.
            lead_in = _TITLE_APPOSITIVE.sub("", chunk[:adv.start()])
            if stretch.strip() == "," and not self._open(lead_in.rsplit(",", 1)[-1], 40, after=False, lead=True):
                return False  # "Hallman, who became known on "The Bachelor" in 2013, has built": a relative clause's
            lead = regex.split(r"[;:—–()\"“”\[\]]", chunk[:adv.start()])[-1]
            return self._open(stretch, self.before_reach, after=False) and self._open(
                lead, 40, after=False, lead=True)
        return False

    @staticmethod
    def _open(stretch: str, reach: int, after: bool, lead: bool = False) -> bool:
        """A stretch of the same clause: no boundary, no other verb, at most `reach` words."""
        if _LICENSING.search(stretch):
            return False
        if not lead and any(ch in stretch for ch in ";:—–()\"“”[]"):
            return False
        tokens = _TOKEN.findall(stretch)
        words = [t for t in tokens if t[0].isalnum()]
        if len(words) > reach:
            return False
        pasts = _past_forms()
        for i, token in enumerate(tokens):
            low = token.lower()
            if token == ",":
                # "has announced, on Monday," is one clause; "has grown, and on Monday" is not
                if after and i != len(tokens) - 1:
                    return False
                continue
            if not token[0].isalnum() or token[0].isupper() and i > 0 and low not in _BOUNDARY_WORDS:
                continue  # "in the United States": a name, not a verb
            if low in _BOUNDARY_WORDS and not (lead and i == 0 and low in {"but", "so"}):
                return False
            if low in _VERBISH or low.endswith(("n't", "n’t")) or low in pasts:
                return False
            if low.endswith("ed") and len(low) > 3 and low not in _NOT_PARTICIPLES:
                return False
            if after and low in _AMBIGUOUS_FORMS and (i == 0 or tokens[i - 1].lower() not in _DETERMINERS):
                return False  # "the record level set in 2000": a participle of its own
            if low == "to" and i + 1 < len(tokens) and tokens[i + 1].lower() in _TO_VERBS:
                return False
            if after and low in {"and", "or"} and i + 1 < len(tokens) and tokens[i + 1].lower() in _PRONOUNS:
                return False
            if not after and not lead and low in {"and", "but"} and i and tokens[i - 1] == "," \
                    and i + 1 < len(tokens) and tokens[i + 1].lower() in _PRONOUNS:
                return False  # "will perform on Thursday, and she has hinted": the day is the first clause's
        return True


@functools.lru_cache(maxsize=1)
def _participle_of() -> dict[str, str]:
    """Simple past -> participle of irregular verbs (read once per process, not once per text)."""
    participle_of: dict[str, str] = {}
    for line in word_class("irregular-verbs"):
        _, pasts, participles = line.split()
        for form in pasts.split("/"):
            participle_of.setdefault(form, participles.split("/")[0])
    return participle_of


@functools.lru_cache(maxsize=1)
def _past_forms() -> frozenset[str]:
    """Simple past forms and participles of irregular verbs, less those that are mostly other words."""
    forms = set()
    for line in word_class("irregular-verbs"):
        _, pasts, participles = line.split()
        forms.update(pasts.split("/"), participles.split("/"))
    return frozenset(forms - _AMBIGUOUS_FORMS)


# Irregular forms that are more often nouns or adjectives than verbs in a stretch of words.
_AMBIGUOUS_FORMS = frozenset("set cut hit put cost let bet bid shut spread cast quit read hurt burst lit "
                             "found ground wound left bound lay saw bit shed wed fed led come become run "
                             "beat born borne proven".split())

# Bases that follow an infinitive "to" in news text ("has agreed to meet on Monday").
_TO_VERBS = frozenset(
    "be have do go come make take give get meet see visit return leave attend appear speak talk "
    "travel vote sign announce release launch hold open start begin resume testify face stand play "
    "perform host present decide discuss review hear rule publish show air premiere debut arrive "
    "fly run join replace step resign retire marry wed move deliver continue remain stay".split()
)


class FutureInTimeClause:
    """`once she will see` for `once she sees`: the future in a clause of time.

    French puts the future after quand, lorsque, dès que, une fois que ("une fois qu'elle verra",
    "quand la série reviendra, ..."); English uses the present in a clause of time. The detector
    takes once, as soon as, by the time; and `when` only at the head of a clause that a comma closes
    ("When the show will return, it ..."; an indirect question, "asked when he will return", has a
    verb before it, and ", when ..." after a time is a relative clause, "in May, when it will
    open"). Not `until` (French puts the subjunctive after jusqu'à ce que, and English says "how
    long until it will be ready") nor `the day/moment` (relative: "the day she will be president").
    The subject is a pronoun, a name or a short noun phrase; the suggestion puts the verb in the
    present ("sees", "returns", "is").
    """

    _SUBJECT = (
        r"(?P<subj>I|you|he|she|it|we|they|(?:the|this|that|these|those|his|her|its|their|our|my|your)"
        r"(?: [\p{Ll}-]+){1,2}|\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){0,2})"
    )
    _PATTERN = compile_regex(
        r"(?<![\p{L}])(?:(?P<conj>(?<!\b[Aa]t )[Oo]nce|[Aa]s soon as|[Bb]y the time)"
        r"|(?P<when>(?:(?<=^\s*)|(?<=[.!?;:\"“]\s*|\n|[,;—–-] (?:and|but) |\b(?:And|But) ))[Ww]hen)) "
        + _SUBJECT + r" will (?P<adv>(?:\p{Ll}+ly |also |then |finally |again ){0,1})(?P<verb>\p{Ll}+)(?![\p{L}'’-])"
    )

    def __init__(self, options) -> None:
        self.comma_reach = int(options.get("comma_reach", 12))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"comma_reach": int})

    def find(self, text: str):
        if " will " not in text:
            return
        for m in self._PATTERN.finditer(text):
            verb = m.group("verb")
            if verb in {"not", "never", "also", "still", "soon", "probably", "likely", "surely"}:
                continue
            subject = m.group("subj")
            if subject.split()[-1].lower() in {"who", "which", "that", "will"}:
                continue
            rest = text[m.end():m.end() + 200]
            sentence_rest = regex.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
            if sentence_rest.rstrip("\"”’) ").endswith("?"):
                continue
            if m.group("when"):
                words_to_comma = regex.match(r"[^,.;:!?]*,", sentence_rest)
                if not words_to_comma or len(words_to_comma.group().split()) > self.comma_reach:
                    continue
            present = _present(verb, subject)
            if present is None:
                continue
            start = m.start("subj")
            phrase = f"{subject} {m.group('adv')}{present}"
            yield Found(start, m.end("verb"), (phrase,))


_PLURALS = frozenset("people police children men women feet teeth mice geese".split())
_THIRD_SINGULAR_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def _present(verb: str, subject: str) -> str | None:
    """The present of a base form for this subject ("she" + see -> sees), None when unsure."""
    low = subject.lower()
    head = low.split()[-1]
    if low == "i":
        return "am" if verb == "be" else verb
    if head in {"series", "species", "news"}:
        plural = False
    else:
        plural = low in {"you", "we", "they"} or (
            low.split()[0] in {"these", "those"} or " and " in low
            or (low.split()[0] in {"the", "his", "her", "its", "their", "our", "my", "your"}
                and (head.endswith("s") and not head.endswith(("ss", "us", "is")) or head in _PLURALS))
        )
    if plural:
        return "are" if verb == "be" else verb
    if verb in _THIRD_SINGULAR_IRREGULAR:
        return _THIRD_SINGULAR_IRREGULAR[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


class SinceWithoutPerfect:
    """`he lives in Paris since 2015`, `the album sold ten million copies since its release`.

    French counts from a starting point with `depuis` and the present ("il vit à Paris depuis
    2015") or the passé composé, which a round trip may give back as a simple past ("l'album s'est
    vendu ... depuis sa sortie" -> "sold ... since its release"); English needs the present perfect
    with `since` + a point in time. The detector takes `since` + a point in time (a year, a month, a
    weekday, then, last week, N years ago, its release, the start of ...) and the finite verb of its
    clause just before it: a present of be or of a verb of state, or (after `since` + an event,
    "since its release": informal English says "prices jumped 55% since 2003") a simple past, with no other
    verb, no clause boundary and no perfect in between. It stays silent on the constructions
    English builds with since and a simple tense: superlatives and firsts ("the highest since
    2008", "the first time since"), "up 5% since May", "it is two years since", causal since.
    """

    _POINT = compile_regex(
        r"(?<![\p{L}])(?:ever )?since (?:(?:early |late |mid-?)?" + _YEAR + r"\b(?![-–]\d)|then\b|"
        r"(?:(?:" + _MONTHS + r")(?: \d{1,2})?(?:,? " + _YEAR + r")?)\b|(?:" + _WEEKDAYS + r")\b|"
        r"last (?:week|weekend|month|year|season|summer|spring|fall|autumn|winter|night|" + _WEEKDAYS + r")\b|"
        r"childhood\b|birth\b|" + _NUMBER + r" " + _UNIT + r" ago\b|"
        r"the (?:start|beginning|end|middle) of\b|"
        r"(?P<event>(?:its|his|her|their|the|our|my) (?:release|launch|debut|founding|creation|inception|premiere|opening|"
        r"arrival|election|inauguration|marriage|wedding|divorce|split|breakup|introduction|independence|"
        r"outbreak|invasion|birth|death|return|departure|appointment|retirement|diagnosis|arrest)\b))"
    )
    _PRESENT_BE = {"is": "has been", "are": "have been", "am": "have been", "'s": "'s been", "’s": "’s been",
                   "'re": "'ve been", "’re": "’ve been", "'m": "'ve been", "’m": "’ve been"}
    _STATIVE = frozenset(
        "live lives work works know knows remain remains stay stays lead leads serve serves hold holds own "
        "owns teach teaches exist exists wait waits reign reigns rule rules suffer suffers belong belongs "
        "date dates struggle struggles".split()
    )
    _SILENCE = compile_regex(
        r"\b(?:first|last|only|most|least|highest|lowest|biggest|largest|smallest|best|worst|up|down|off|"
        r"higher|lower|ever|years?|months?|weeks?|days?|decades?|hours?|time|times|long|"
        r"has|have|had|'ve|’ve|not|n't|never|\p{Ll}+est)\b",
        regex.IGNORECASE,
    )

    def __init__(self, options) -> None:
        self.reach = int(options.get("reach", 12))

    @staticmethod
    def validate(options) -> None:
        check_options(options, {"reach": int})

    def find(self, text: str):
        if "since" not in text:
            return
        past, base = _irregular()
        participle_of = _participle_of()
        for point in self._POINT.finditer(text):
            if not _CAPITALISED_OK(point.group()):
                continue
            boundaries = list(_CLAUSE_END.finditer(text, max(0, point.start() - 300), point.start()))
            start = boundaries[-1].end() - 1 if boundaries else max(-1, point.start() - 301)
            clause = text[start + 1:point.start()]
            after = regex.split(r"[,.!?;:\"“”()—]", text[point.end():point.end() + 150], maxsplit=1)[0]
            tokens = list(regex.finditer(r"[\p{L}\d]+(?:['’][\p{L}]+)?|['’](?:s|re|m)\b|[^\s\p{L}\d]", clause))
            # the finite verb: the nearest verb-like word before `since`, in the same clause
            for k in range(len(tokens) - 1, -1, -1):
                token = tokens[k].group()
                low = token.lower()
                if len(tokens) - 1 - k > self.reach or low in _BOUNDARY_WORDS or low == ",":
                    break
                if token[0].isupper() and k > 0:
                    continue  # a name ("the United States")
                if low in self._PRESENT_BE or low in self._STATIVE:
                    kind = "present"
                elif (low in participle_of and low not in _AMBIGUOUS_FORMS) or (
                        low.endswith("ed") and len(low) > 3 and low not in _NOT_PARTICIPLES):
                    kind = "past"
                else:
                    continue
                before = [t.group().lower() for t in tokens[:k]]
                if kind == "past" and not point.group("event") and not (before and before[-1] in self._PRESENT_BE):
                    # informal English says "prices jumped 55% since 2003"; a simple past is only
                    # taken with the event a count starts from ("sold ... since its release")
                    break
                if not any(t[0].isalnum() for t in before):
                    break  # no subject in the clause: a heading, a quotation, a participle
                if (self._SILENCE.search(clause[tokens[k].start():]) or _SUPERLATIVE.search(clause)
                        or _LICENSING_SINCE.search(clause[:tokens[k].start()])):
                    break
                if kind == "past" and before and before[-1] in self._PRESENT_BE and before[-1] not in {"'s", "’s"}:
                    # "is closed since Monday" -> "has been closed"
                    be = tokens[k - 1]
                    if k < 2 or tokens[k - 2].group().lower() in _DETERMINERS:
                        break
                    yield Found(start + 1 + be.start(), start + 1 + tokens[k].end(),
                                (f"{self._PRESENT_BE[before[-1]]} {low}",))
                    break
                if kind == "past" and self._verb_follows(after, participle_of):
                    break  # "the jobs created since 2009 went to ...": a participle, the verb comes later
                if before and before[-1] in {"is", "are", "was", "were", "be", "been", "being", "'s", "’s",
                                             "get", "gets", "got", "the", "a", "an", "has", "have", "had",
                                             "to", "will", "would", "could", "should", "may", "might", "must"}:
                    break  # a passive, an adjective, a noun or a perfect: "is based", "the planned"
                if low in self._STATIVE and (not before or before[-1] in _DETERMINERS):
                    break  # a noun: "the works since"
                subject = next(t.group() for t in reversed(tokens[:k]) if t.group()[0].isalnum())
                yield Found(start + 1 + tokens[k].start(), start + 1 + tokens[k].end(),
                            self._fix(low, kind, subject, participle_of))
                break

    @staticmethod
    def _verb_follows(after: str, participle_of: dict[str, str]) -> bool:
        for token in regex.findall(r"[\p{L}'’]+", after):
            low = token.lower()
            if low in _BOUNDARY_WORDS or token[0].isupper():
                continue
            if low in _VERBISH or (low in participle_of and low not in _AMBIGUOUS_FORMS) or (
                    low.endswith("ed") and len(low) > 3 and low not in _NOT_PARTICIPLES):
                return True
        return False

    def _fix(self, verb: str, kind: str, subject: str, participle_of: dict[str, str]) -> tuple[str, ...]:
        if kind == "present" and verb in self._PRESENT_BE:
            return (self._PRESENT_BE[verb],)
        if kind == "present":
            # the verb tells its number: "lives" -> has lived, "live" -> have lived
            singular = verb.endswith("s")
            lemma = verb[:-2] if verb.endswith("es") and verb[:-2].endswith(("ch", "sh", "ss", "x")) else (
                verb[:-1] if singular else verb)
            participle = {"hold": "held", "lead": "led", "teach": "taught", "know": "known"}.get(
                lemma, lemma + ("d" if lemma.endswith("e") else "ed"))
            return (f"{'has' if singular else 'have'} {participle}",)
        low = subject.lower()
        plural = low in {"i", "you", "we", "they"} or (
            subject.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is"))
            and low not in {"his", "its", "this", "news", "series"})
        return (f"{'have' if plural else 'has'} {participle_of.get(verb, verb)}",)


_LICENSING_SINCE = compile_regex(
    r"\b(?:it|this|that)\s*(?:is|was|['’]s)\b|\b(?:has|have|had|hasn['’]?t|haven['’]?t|hadn['’]?t)\b|['’]ve\b",
    regex.IGNORECASE)
_SUPERLATIVE = compile_regex(r"\b(?:the|a) (?:[\p{Ll}-]+ )?(?:first|last|only|most|least|next|\p{Ll}+est)\b", regex.IGNORECASE)
_CLAUSE_END = compile_regex(r"[.!?;:\"“”()—]|\n\s*\n")


def _CAPITALISED_OK(point: str) -> bool:
    cap = _CAPITALISED.search(point)
    return not cap or cap.group()[0].isupper()

"""Generate the gazetteer of the rule `common.mechanical-roundtrip3.proper-noun-lowercase`:
proper nouns that a machine round trip brings back in lower case ("saskatchewan", "abu dhabi").

    python tools/gen_proper_nouns.py [--wordnet /usr/share/wordnet] [--print]

Source: Princeton WordNet 3.0 (Debian's wordnet-base), whose data files keep the case of every
lemma. A noun lemma is taken when it names an instance (a person, a place, an organisation, an
event: the synset has an instance hypernym `@i`, in the lexicographer files noun.person,
noun.location, noun.group, noun.event or noun.object) and its lower-case form is not an ordinary English
word:

- no lemma of any part of speech has that lower-case form, neither does any inflected form listed
  in the exception files, nor a regular inflection of a lower-case lemma (`-s`, `-es`, `-ed`,
  `-ing`, `-er`, `-est`, `-ly`);
- it is not a function word (WordNet lists none: pronouns, prepositions, ...);
- a single word has at least five letters, and only letters (chemical symbols, initials and short
  names are left out: "Io", "Ra", "Ann");
- it is not in LOWER_CASE_USE, a short list of names with a lower-case use WordNet does not list;
- it is not also the lemma of a class noun ("Chihuahua" the state and the dog);
- a name of several words keeps at least one word that is not an ordinary word ("abu dhabi" is
  listed; "new jersey", "north pole" and "white house" are not): a phrase of ordinary words in
  lower case is ordinary English in another sense.

The list replaces the `phrases` line of that rule in rules/common/mechanical-roundtrip3.toml
(between the `# BEGIN generated` and `# END generated` comments). WordNet 3.0 licence (Princeton
University): permission to use, copy, modify and distribute with the copyright notice; see
/usr/share/doc/wordnet-base/copyright.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "rules" / "common" / "mechanical-roundtrip3.toml"

FUNCTION_WORDS = set("""
a about above across after against along amid among an and another any anybody anyone anything
around as at be because before behind below beneath beside besides between beyond both but by can
could despite down during each either enough every everybody everyone everything few for from he
her hers herself him himself his how i if in inside into it its itself less many me might mine more
most much must my myself near neither no nobody none nor not nothing of off on once one onto or
other others ought our ours ourselves out outside over past per plus round several shall she should
since so some somebody someone something than that the their theirs them themselves then there these
they this those though through throughout till to toward towards under underneath unless unlike
until up upon us versus via was we were what whatever when where whether which while who whoever
whom whose why will with within without would yet you your yours yourself yourselves
""".split())

# Names with a lower-case use WordNet does not list (reviewed by hand): a region written in lower
# case, a tea, old cars, an interjection, mythical beings as a kind.
LOWER_CASE_USE = {"midwest", "assam", "junkers", "melba", "jesus", "valkyrie", "valkyries", "darjeeling"}

# Suffixes of regular inflection and derivation, with what replaces them to give the lemma.
SUFFIXES = [
    ("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
    ("ing", "e"), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ly", ""), ("ily", "y"),
    ("ness", ""), ("ism", ""), ("ist", ""), ("ian", ""), ("an", ""), ("ese", ""),
]

# Lexicographer files whose instances are named things (WordNet's lexnames file numbers).
# Artifacts, works, doctrines and the like are left out: their names are also written in lower
# case as common nouns or in code ("linux", "haftarah").
NAMED = {"11": "noun.event", "14": "noun.group", "15": "noun.location", "17": "noun.object", "18": "noun.person"}


def lemmas(path: Path):
    """(lemma with its case, lexicographer file, has an instance hypernym) for each data line."""
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" ")
        lexfile, count = fields[1], int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(count)]
        rest = fields[4 + 2 * count:]
        instance = "@i" in rest[: 1 + 4 * int(rest[0])] if rest and rest[0].isdigit() else False
        for word in words:
            word = re.sub(r"\([a-z]+\)$", "", word)  # adjective markers: (a), (p), (ip)
            yield word.replace("_", " "), lexfile, instance


def ordinary_words(wordnet: Path) -> set[str]:
    words = set(FUNCTION_WORDS)
    for pos in ("noun", "verb", "adj", "adv"):
        for word, _, _ in lemmas(wordnet / f"data.{pos}"):
            if word == word.lower():
                words.add(word)
        exc = wordnet / f"{pos}.exc"
        for line in exc.read_text(encoding="latin-1").splitlines():
            words.add(line.split(" ")[0].replace("_", " "))
    return words


def is_ordinary(word: str, ordinary: set[str]) -> bool:
    if word in ordinary:
        return True
    for suffix, stem in SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + stem
            if base in ordinary or (suffix in ("ed", "ing", "er", "est") and base[-1:] == base[-2:-1]
                                    and base[:-1] in ordinary):
                return True
    return False


def gazetteer(wordnet: Path) -> dict[str, str]:
    ordinary = ordinary_words(wordnet)
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    # A name that is also the lemma of a class ("Chihuahua" the dog, "Angora" the goat, "Louis" the
    # coin) is written in lower case by careful writers in that sense.
    classes = {name.lower() for name, _, instance in lemmas(wordnet / "data.noun") if not instance}
    for name, lexfile, instance in lemmas(wordnet / "data.noun"):
        if not instance or lexfile not in NAMED or not name[:1].isupper():
            continue
        tokens = name.split(" ")
        if not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*", t) or t in ("de", "la", "le", "von", "van", "of", "the", "du", "al", "el", "da", "di") for t in tokens):
            continue
        lower = name.lower()
        if lower in classes or lower in LOWER_CASE_USE:
            continue
        if len(tokens) == 1:
            if len(name) < 5 or is_ordinary(lower, ordinary):
                continue
        elif all(is_ordinary(t.lower(), ordinary) for t in tokens) or lower in ordinary:
            continue
        if lower in found and found[lower] != name:
            ambiguous.add(lower)
        found[lower] = name
    for lower in ambiguous:
        del found[lower]
    return dict(sorted(found.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--print", action="store_true", help="print the list, do not write the pack")
    args = parser.parse_args()
    names = gazetteer(args.wordnet)
    if args.print:
        for lower, name in names.items():
            print(f"{lower}\t{name}")
        print(f"{len(names)} names")
        return
    line = "phrases = " + "{ " + ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in names.items()) + " }"
    text = PACK.read_text(encoding="utf-8")
    new, n = re.subn(r"(# BEGIN generated[^\n]*\n).*?(\n# END generated)", lambda m: m.group(1) + line + m.group(2),
                     text, flags=re.S)
    if n != 1:
        raise SystemExit(f"{PACK}: no '# BEGIN generated' ... '# END generated' block")
    PACK.write_text(new, encoding="utf-8")
    print(f"{PACK.relative_to(ROOT)}: {len(names)} names")


if __name__ == "__main__":
    main()

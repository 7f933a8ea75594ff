"""Candidate confusion pairs of a pivot language, from Open Multilingual Wordnet joined to WordNet.

    python tools/gen_confusions.py fr [--omw ../shared/lexicon/omw] [--wordnet /usr/share/wordnet]
        > tools/candidates/fr.tsv

A pivot word that sits in several WordNet synsets names the English senses a round trip conflates
(French `légende` = legend, caption; `prix` = price, prize, award). For every pivot lemma, every
pair of frequent English lemmas from *different* synsets of that lemma is a candidate: the English
original may have been either one, and the translation system brings back the commoner. Each
line: pivot lemma, part of speech, the more frequent English word (which the system tends to bring
back), the other, and their English frequencies (wordfreq Zipf).
Candidates are raw material: a rule is written only for pairs whose wrong member context can
recognise (see rules/README.md, "Confusion rules from the pivot lexicon").

Needs: the OMW data (`wn-data-<lang>.tab`, or `wn-cldr-<lang>.tab` for de, es, ru) and Debian's
`wordnet-base`. Output is derived from WordNet 3.0 (WordNet licence) and the OMW wordnet of the
language (licence in its folder), and names both.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path

POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
FOLDERS = {"fr": "fra", "it": "ita", "pt": "por", "nl": "nld"}
CLDR = {"de": "deu", "es": "spa", "ru": "rus", "fr": "fra", "it": "ita", "pt": "por"}


def wordnet_lemmas(root: Path) -> dict[str, list[str]]:
    """{synset id: English lemmas} from WordNet 3.0's data files."""
    synsets: dict[str, list[str]] = {}
    for pos, name in POS.items():
        for line in (root / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            offset, count = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * i].split("(")[0].replace("_", " ").lower() for i in range(count)]
            synsets[f"{offset}-{pos}"] = words
    return synsets


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _looks_alike(pivot: str, english: str) -> bool:
    """A cognate: the same word give or take accents and a few letters of ending."""
    a, b = _fold(pivot), _fold(english)
    if a == b:
        return True
    prefix = len(os.path.commonprefix([a, b]))
    return prefix >= 4 and prefix >= 0.7 * min(len(a), len(b)) or (
        difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 and a[:2] == b[:2])


def pivot_lemmas(path: Path, lang_code: str) -> dict[str, set[str]]:
    lemmas: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] in (f"{lang_code}:lemma", "lemma"):  # OpenWN-PT writes a bare "lemma"
            synset = parts[0].replace("-s", "-a")
            lemmas[parts[2].strip().lower()].add(synset)
    return lemmas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lang")
    parser.add_argument("--omw", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "lexicon" / "omw")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--cognates", action="store_true",
                        help="only pairs where one English word looks like the pivot word (false friends)")
    parser.add_argument("--min-zipf", type=float, default=3.5, help="least English frequency (wordfreq Zipf) of each word")
    args = parser.parse_args()
    if args.lang in FOLDERS:
        code = FOLDERS[args.lang]
        path = args.omw / code / f"wn-data-{code}.tab"
    else:
        code = CLDR[args.lang]
        path = args.omw / "cldr" / f"wn-cldr-{code}.tab"
    synsets = wordnet_lemmas(args.wordnet)
    import wordfreq
    print(f"# candidates for pivot {args.lang}: from {path.name} (OMW) joined to WordNet 3.0; "
          "columns: pivot lemma, POS, commoner English word, other English word, Zipf of each")
    seen = set()
    for lemma, ids in sorted(pivot_lemmas(path, code).items()):
        by_pos = defaultdict(list)
        for synset in ids:
            by_pos[synset[-1]].append(synset)
        for pos, group in by_pos.items():
            senses = {}
            for synset in group:
                for word in synsets.get(synset, []):
                    if " " in word:
                        continue
                    senses.setdefault(word, set()).add(synset)
            scored = {w: wordfreq.zipf_frequency(w, "en") for w in senses}
            frequent = [w for w, c in scored.items() if c >= args.min_zipf]
            for a, b in combinations(sorted(frequent), 2):
                if senses[a] & senses[b]:
                    continue  # synonyms in one synset: no confusion
                common, rare = (a, b) if scored[a] >= scored[b] else (b, a)
                if args.cognates:
                    # The look-alike is what the system brings back; the other is what was meant.
                    a_like, b_like = _looks_alike(lemma, a), _looks_alike(lemma, b)
                    if a_like == b_like:
                        continue
                    common, rare = (a, b) if a_like else (b, a)
                key = (lemma, pos, common, rare)
                if key not in seen:
                    seen.add(key)
                    print(f"{lemma}\t{pos}\t{common}\t{rare}\t{scored[common]:.1f}\t{scored[rare]:.1f}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Candidates for rules/fr/calques-compounds2.toml: English noun compounds that a French round
trip turns into "N2 of (the) N1" (conférence de presse -> "the conference of the press").

Source: Princeton WordNet 3.0 (Debian package `wordnet-base`, /usr/share/wordnet), under the
WordNet 3.0 licence (Copyright 2006 by Princeton University; use, copy, modify and distribute
with this notice kept). Optional weighting: wordfreq (data CC BY-SA 4.0), if installed.

Method:
  1. two-word noun lemmas of WordNet (`press_conference`) whose two parts are nouns, where the
     first part is no adjective (French builds `N2 de N1` only from a noun) and both parts are
     common words (wordfreq Zipf >= --zipf);
  2. the head N2 must not be a noun English itself builds with "of": no person (director, star,
     fan: "the director of the film"), group, container, measure or part (cup of coffee, team
     of doctors, piece of cake), none of HEAD_OF below, and not a head that native text follows
     with "of" often (share of "N2 of" among its uses in the clean corpora >= --of-rate);
  3. the reversed forms "N2 of N1", "N2 of the N1" and their plurals must not occur in native
     English (the clean corpora: Wikipedia CC0 sentences, corpus/clean, the originals of the
     HWU64 and LIAR sets);
  4. the survivors are printed as TSV (N1 N2, weights) for review; REJECT holds the pairs a
     review threw out (the "of" form is English too, or the compound is rare in news);
     `--toml` prints the phrase rules (<= 200 phrases each).

    python3 tools/gen_compounds.py > /tmp/compounds.tsv
    python3 tools/gen_compounds.py --toml > rules/fr/calques-compounds2.toml
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

WN = Path("/usr/share/wordnet")
SHARED = Path("/work/shared/corpora")
ROOT = Path(__file__).resolve().parent.parent

# Synsets under which a head noun naturally takes "of" (WordNet 3.0 offsets).
BLOCK_ROOTS = {
    "00007846": "person",
    "00031264": "group",
    "03094503": "container",
    "00033615": "measure",
    "13809207": "part",
    "00031921": "relation",
    "07951464": "collection",
    "13576101": "unit-of-measurement",
    "13583724": "containerful",
}

# Heads English builds with "of" whatever WordNet says (history of art, map of the city ...).
HEAD_OF = set("""
history theory study science art map picture photo photograph image portrait view book story
list record report review account survey guide index table chart diagram model copy version
edition issue number rate level price cost value sum total amount source type kind sort form
style school house home office department ministry bureau board court council union center
centre museum hall palace church temple castle tower bank port city town village state land
island world country capital head chief end side edge top bottom front back middle heart centre
point line area zone field region district quarter street road way path act law rule policy
plan program programme project system process method technique theory principle idea concept
sense feeling fear love hatred sign symbol mark signal name title word term language use
abuse loss lack need care control power right freedom right rights duty price tax fee
""".split())

# Reviewed and thrown out: the "of" form is ordinary English, or the compound is a term of art.
# (the "of" form is native: the music of the country, the door of the car, a proposal of marriage,
# comedy of situation, a cell of the prison, the screen of the computer, in light of traffic ...)
REJECT = set("""
situation comedy|country music|dance music|rock music|dance floor|traffic light|car seat|car door
car window|shop window|prison cell|jail cell|school bus|police investigation|television news
computer screen|marriage proposal|tax return|spring break
""".replace("\n", "|").split("|"))

# Reviewed and kept (N1 N2): fixed compounds of news and entertainment writing whose "of" form
# French "N2 de N1" produces and native English does not write. Pairs the head filter drops
# (conference, festival, party are social groups in WordNet) are kept here after review when the
# reversed form is absent from the clean corpora all the same.
ACCEPT = [tuple(p.split("_")) for p in """
press_conference press_release news_conference news_article newspaper_article magazine_article
talk_show news_show variety_show television_show television_channel television_station
television_camera movie_camera movie_theatre feature_film title_role theme_song
theme_park video_game board_game card_game computer_game computer_virus
touch_screen search_engine source_code web_site phone_call phone_bill phone_message
police_station bus_station train_station bus_stop gas_station fire_station
fire_engine birthday_cake wedding_cake wedding_dress wedding_ring wedding_ceremony
job_interview job_application loan_application tax_break
coffee_shop coffee_break gift_shop wine_bar car_park car_bomb
seat_belt safety_belt price_tag price_war dance_lesson music_lesson
rock_concert benefit_concert concept_album record_album cover_song
fan_mail hate_mail voice_mail fan_letter science_fiction heart_attack
blood_test house_arrest
hospital_bed hotel_bill return_ticket season_ticket bus_ticket fire_sale
forest_fire space_station generation_gap emergency_landing reality_check photo_opportunity
business_lunch business_suit evening_dress wind_farm power_plant football_stadium ice_hockey
film_festival box_office film_industry fashion_industry fashion_designer
birthday_party engagement_ring football_team basketball_team baseball_team hockey_team
post_office rock_star
""".split()]

ARTICLE = re.compile(r"\s+")


def read_index(path: Path) -> dict[str, list[str]]:
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, n_synsets, n_ptr = f[0], int(f[2]), int(f[3])
        out[lemma] = f[-n_synsets:]
    return out


def read_hypernyms() -> dict[str, list[str]]:
    hyper = {}
    for line in (WN / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        off, w_cnt = f[0], int(f[3], 16)
        i = 4 + 2 * w_cnt
        p_cnt = int(f[i])
        ptrs = f[i + 1:i + 1 + 4 * p_cnt]
        hyper[off] = [ptrs[j + 1] for j in range(0, len(ptrs), 4) if ptrs[j] in ("@", "@i")]
    return hyper


def ancestors(off: str, hyper: dict[str, list[str]]) -> set[str]:
    seen, todo = set(), [off]
    while todo:
        o = todo.pop()
        if o in seen:
            continue
        seen.add(o)
        todo.extend(hyper.get(o, ()))
    return seen


def plural(word: str, exc: dict[str, str]) -> str:
    if word in exc:
        return exc[word]
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def native_text() -> str:
    parts = [(SHARED / "clean_en_wikipedia_cc0.txt").read_text(encoding="utf-8")]
    for p in sorted((ROOT / "corpus" / "clean").rglob("*")):
        if p.is_file() and p.suffix in (".txt", ".md"):
            parts.append(p.read_text(encoding="utf-8", errors="replace"))
    for line in (SHARED / "hwu64_roundtrips_dev.jsonl").read_text(encoding="utf-8").splitlines():
        parts.append(json.loads(line)["original"])
    for line in (SHARED / "liar_de_roundtrips_dev.jsonl").read_text(encoding="utf-8").splitlines():
        parts.append(json.loads(line)["original"])
    return ARTICLE.sub(" ", "\n".join(parts).lower())


def zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # without wordfreq every word counts as common
        return 9.0
    return zipf_frequency(word, "en")


def candidates(args) -> list[dict]:
    nouns = read_index(WN / "index.noun")
    adjs = read_index(WN / "index.adj")
    hyper = read_hypernyms()
    exc = {}
    for line in (WN / "noun.exc").read_text(encoding="latin-1").splitlines():
        f = line.split()
        if len(f) == 2:
            exc.setdefault(f[1], f[0])
    text = native_text()
    tokens = Counter(re.findall(r"[a-z]+", text))
    of_after = Counter(re.findall(r"\b([a-z]+) of\b", text))
    of_pairs = set(re.findall(r"(?=\b([a-z]+ of (?:the )?[a-z]+)\b)", text))
    out = []
    accept = {f"{a}_{b}" for a, b in ACCEPT} if args.accepted else None
    for lemma, offs in nouns.items():
        if accept is not None and lemma not in accept:
            continue
        m = re.fullmatch(r"([a-z]{3,})_([a-z]{3,})", lemma)
        if not m:
            continue
        n1, n2 = m.groups()
        if n1 not in nouns or n2 not in nouns or f"{n1} {n2}" in REJECT:
            continue
        if accept is None and (n1 in adjs or n2 in HEAD_OF or n1 == n2):
            continue
        z1, z2, zc = zipf(n1), zipf(n2), zipf(lemma.replace("_", " "))
        if accept is None and min(z1, z2) < args.zipf:
            continue
        # every sense of the head that WordNet ranks first two must be free of "of" classes
        blocked = ""
        for off in nouns[n2][:2]:
            hit = ancestors(off, hyper) & BLOCK_ROOTS.keys()
            if hit:
                blocked = BLOCK_ROOTS[sorted(hit)[0]]
        if blocked and accept is None:
            continue
        uses = tokens[n2] + tokens[plural(n2, exc)]
        rate = (of_after[n2] + of_after[plural(n2, exc)]) / uses if uses else 0.0
        if accept is None and uses >= 5 and rate >= args.of_rate:
            continue
        p1, p2 = plural(n1, exc), plural(n2, exc)
        forms = {
            f"{n2} of {n1}": f"{n1} {n2}",
            f"{n2} of the {n1}": f"{n1} {n2}",
            f"{p2} of {n1}": f"{n1} {p2}",
            f"{p2} of the {n1}": f"{n1} {p2}",
        }
        if any(f in of_pairs for f in forms):
            if accept is not None:
                print(f"dropped (native of-form): {n1} {n2}", file=sys.stderr)
            continue
        # WordNet's tagged-sense count of the compound (SemCor frequency), as a weight
        out.append({"n1": n1, "n2": n2, "z1": z1, "z2": z2, "zc": zc, "rate": rate, "forms": forms})
    if accept is not None:  # the reviewed order (press conference first)
        order = {pair: i for i, pair in enumerate(ACCEPT)}
        out.sort(key=lambda c: order[(c["n1"], c["n2"])])
    else:
        out.sort(key=lambda c: (-c["zc"], c["n1"], c["n2"]))
    return out


def toml(cands: list[dict], per_rule: int = 200) -> str:
    head = '''# Generated by tools/gen_compounds.py from Princeton WordNet 3.0 (Debian wordnet-base) and reviewed
# by hand. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to
# use, copy, modify and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear on
# ALL copies: THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or Princeton
# may not be used in advertising or publicity pertaining to distribution of the software and/or
# database. Title to copyright in this software, database and any associated documentation shall
# at all times remain with Princeton University and LICENSEE agrees to preserve same.
'''
    out = [head, """[pack]
pivot = ["fr"]
category = "calque"
fix = "suggest"
description = "English noun compounds the French round trip turns into 'N2 of (the) N1' (conférence de presse: 'the conference of the press' for the press conference), from WordNet's two-noun compounds whose 'of' form native English does not write."
"""]
    forms = []
    for c in cands:
        forms.extend(c["forms"].items())
        forms.extend((k[0].upper() + k[1:], v[0].upper() + v[1:]) for k, v in c["forms"].items())
    chunks = [forms[i:i + per_rule] for i in range(0, len(forms), per_rule)]
    # the pair followed by another noun is an ordinary "of" phrase (the arrest of the House
    # Speaker, the role of the title character): a capital, or a lower-case word that is no
    # function word, no -ed/-ly form and no common verb
    func = ("and|or|but|nor|in|on|at|to|for|with|by|from|about|into|over|after|before|since|during|"
            "until|as|than|that|which|who|whom|whose|when|where|while|is|was|were|are|be|been|has|"
            "had|have|will|would|could|can|may|might|should|must|did|does|do|the|a|an|this|these|"
            "last|next|it|he|she|they|we|i|you|his|her|their|its|our|my|your|began|begins|took|"
            "takes|said|says|made|makes|came|comes|went|goes|left|leaves|gave|gives|saw|sees|got|"
            "gets|drew|draws|brought|brings|showed|shows|ran|runs|held|holds|fell|falls|rose|rises|"
            "became|becomes|seems|lasts|ends|starts|opens|attracts|features|includes|continues|"
            "remains|will|won|wins|lost|kept|keeps|sold|sells|cost|costs|turns|helps|there|today|"
            "yesterday|tomorrow|tonight|now|then|again|too|also|not|so|yet|still|all|both")
    anti = ("\\bof (?:the )?(?!the\\b)\\p{L}+ (?:\\p{Lu}|(?!(?i:" + func + ")\\b)\\p{Ll}+(?<!ed|ly)\\b)")
    # a superlative before the head makes "of" its range ("the hottest ticket of the season")
    superlative = "\\b(?:best|worst|\\p{Ll}+est|most [\\p{L}-]+|must-have|must-see) \\p{L}+ of\\b"
    for n, chunk in enumerate(chunks, 1):
        (k1, v1), = [kv for kv in chunk if " of the " in kv[0] and not kv[0].split()[0].endswith("s")][:1]
        n1 = v1.split()[0]
        bad = (f'{{ text = "Reporters left the {k1}.", fixed = "Reporters left the {v1}." }}, '
               f'{{ text = "The {k1} began late.", fixed = "The {v1} began late." }}')
        good = (f'"Reporters left the {k1} {"workers" if n1 != "workers" else "staff"} early.", '
                f'"The {k1} Association met on Monday.", "Reporters left the {v1}.", '
                f'"It was the biggest {k1}."')
        table = ", ".join(f'"{k}" = "{v}"' for k, v in chunk)
        out.append(f"""
[[rule]]
id = "noun-compound-of-{n}"
kind = "phrase"
fix = "suggest"
case_sensitive = true
phrases = {{ {table} }}
antipatterns = ['{superlative}', '{anti}']
message = "'the conference of the press' is French 'la conférence de presse': English stacks the nouns (the press conference)"
explanation = "French joins a noun to the noun that classifies it with 'de' (conférence de presse, gâteau d'anniversaire, jeu de société); the round trip keeps the order and writes 'of', where English puts the classifying noun first as a compound (press conference, birthday cake). Only compounds whose 'of' form is absent from native text are listed (tools/gen_compounds.py). A noun after the pair ('the arrest of the House Speaker') makes it an ordinary 'of' phrase and silences the rule."
bad = [ {bad} ]
good = [ {good} ]
""")
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zipf", type=float, default=3.3)
    ap.add_argument("--of-rate", type=float, default=0.25)
    ap.add_argument("--toml", action="store_true")
    ap.add_argument("--accepted", action="store_true", help="only the reviewed ACCEPT pairs")
    args = ap.parse_args()
    cands = candidates(args)
    if args.toml:
        sys.stdout.write(toml(cands))
        return
    for c in cands:
        print(f"{c['n1']} {c['n2']}\t{c['zc']:.2f}\t{c['z1']:.2f}\t{c['z2']:.2f}\t{c['rate']:.2f}")


if __name__ == "__main__":
    main()

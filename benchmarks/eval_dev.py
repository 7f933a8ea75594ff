"""How much round-trip damage transfix finds on real articles, and how clean English fares.

    python benchmarks/eval_dev.py [--shared ../shared] [--grammar harper] [--rules] [--misses CAT]

Reads the project's own annotation of the development articles (benchmarks/dev/, offsets into
`../shared/corpora/gt_fr_news_dev/`; the articles themselves never enter the project) and prints:

- recall per category: the share of annotated artifacts that some finding overlaps;
- precision: the share of findings that overlap an annotated artifact;
- the recall that rests on more than one article: artifacts flagged by a rule that is right in at
  least 2 (3, 5) different dev articles; a rule right in one article only may describe that
  article rather than the phenomenon, so this is the figure to expect on unseen articles;
- findings per 10,000 words on clean English (Wikipedia sentences, CC0) and on real Markdown
  documentation (the Markdown descriptions of the Python packages installed here, read in place);
- document scores: the share of dev articles scored >= 0.5 with French named as the pivot, and of
  clean documents of similar length scored >= 0.5;
- German round trips with originals (LIAR): the share of texts changed by `fix` (and `--unsafe`)
  that moved toward their original.

`--rules` adds per-rule hits and precision (what `calibrate.py` turns into confidences);
`--misses CAT` lists the artifacts of a category that nothing flagged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from devset import (  # noqa: E402
    CATEGORY_GROUPS, annotations, clean_documents, doc_documents, liar_records, similarity,
)

from transfix import Engine  # noqa: E402
from transfix.model import FixLevel, Source  # noqa: E402

WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> int:
    return len(WORD.findall(text))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_articles(engine: Engine, shared: Path) -> dict:
    articles = annotations(shared)
    recall: dict[str, Counter] = defaultdict(Counter)
    found = Counter()
    per_rule: dict[str, Counter] = defaultdict(Counter)
    misses = []
    scores = []
    total_words = 0
    # Which rules cover each artifact, and in which articles each rule is right: a rule right in
    # one article only may describe that article rather than the phenomenon.
    covering: list[set[str]] = []
    right_in: dict[str, set[str]] = defaultdict(set)
    for name, (text, artifacts) in sorted(articles.items()):
        total_words += words(text)
        findings = engine.check(text)
        spans = [(f.start, f.end if f.end > f.start else f.start + 1) for f in findings]
        for artifact in artifacts:
            rules = {f.rule for f, s in zip(findings, spans) if overlaps((artifact["start"], artifact["end"]), s)}
            covering.append(rules)
            for rule in rules:
                right_in[rule].add(name)
            hit = bool(rules)
            recall[artifact["category"]]["all"] += 1
            recall[artifact["category"]]["hit"] += hit
            if not hit:
                misses.append((name, artifact, text[artifact["start"]:artifact["end"]]))
        for finding, span in zip(findings, spans):
            right = any(overlaps((a["start"], a["end"]), span) for a in artifacts)
            found["all"] += 1
            found["right"] += right
            per_rule[finding.rule]["all"] += 1
            per_rule[finding.rule]["right"] += right
        score = engine.score(text)
        scores.append((name, score.probability, score.pivot))
    return {
        "recall": recall, "found": found, "per_rule": per_rule, "misses": misses,
        "scores": scores, "words": total_words, "articles": len(articles),
        "recurring": {n: sum(any(len(right_in[r]) >= n for r in rules) for rules in covering) for n in (2, 3, 5)},
        "artifacts": sum(len(a) for _, a in articles.values()),
    }


def rate_on(engine: Engine, documents: list[tuple[str, str, str]]) -> dict:
    """Findings per 10,000 words on clean documents: all rule findings, and safe+unsafe ones."""
    total = Counter()
    examples = []
    n_words = 0
    for name, text, kind in documents:
        n_words += words(text)
        for finding in engine.check(text, kind=kind):
            if finding.source is Source.GRAMMAR:
                total["grammar"] += 1
                continue
            total["rules"] += 1
            if finding.fix is not FixLevel.SUGGEST:
                total["applied"] += 1
            examples.append(f"{name}: {finding.rule} [{finding.fix.value}] {finding.text!r}")
    per = 10_000 / max(n_words, 1)
    return {
        "words": n_words, "rules": total["rules"] * per, "applied": total["applied"] * per,
        "grammar": total["grammar"] * per, "examples": examples,
    }


def clean_scores(engine: Engine, documents: list[tuple[str, str, str]]) -> float:
    marked = sum(engine.score(text, kind=kind).probability >= 0.5 for _, text, kind in documents)
    return marked / max(len(documents), 1)


def liar_moves(engine: Engine, shared: Path, unsafe: bool) -> Counter:
    moves = Counter()
    for record in liar_records(shared):
        text = record["roundtrip_de"]
        repaired = engine.repair(text, unsafe=unsafe).text
        if repaired == text:
            continue
        before = similarity(text, record["original"])
        after = similarity(repaired, record["original"])
        moves["closer" if after > before else "further" if after < before else "same"] += 1
    return moves


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    parser.add_argument("--grammar", choices=["off", "harper"], default="off")
    parser.add_argument("--rules", action="store_true", help="per-rule hits and precision")
    parser.add_argument("--misses", metavar="CATEGORY", help="list missed artifacts of a category ('all')")
    parser.add_argument("--wrong", action="store_true", help="list findings on no annotated artifact")
    parser.add_argument("--quick", action="store_true", help="dev articles only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if not (args.shared / "corpora" / "gt_fr_news_dev").is_dir():
        raise SystemExit(f"no dev articles under {args.shared}/corpora/gt_fr_news_dev")
    grammar = None
    if args.grammar == "harper":
        from transfix.backends import GrammarOptions, build_grammar

        grammar, _, _ = build_grammar(GrammarOptions(mode="harper"))
    engine = Engine(grammar=grammar)

    result = evaluate_articles(engine, args.shared)
    recall, found = result["recall"], result["found"]
    figures: dict = {"articles": result["articles"], "words": result["words"], "artifacts": result["artifacts"]}
    print(f"dev articles: {result['articles']}, {result['words']} words, {result['artifacts']} annotated artifacts")
    print(f"{'category':<16} {'artifacts':>9} {'flagged':>8} {'recall':>8}")
    for category in sorted(recall, key=lambda c: -recall[c]["all"]):
        c = recall[category]
        print(f"{category:<16} {c['all']:>9} {c['hit']:>8} {pct(c['hit'], c['all']):>8}")
    figures["recall"] = {c: recall[c]["hit"] / recall[c]["all"] for c in recall}
    for group, members in CATEGORY_GROUPS.items():
        a = sum(recall[c]["all"] for c in members)
        h = sum(recall[c]["hit"] for c in members)
        print(f"{'= ' + group:<16} {a:>9} {h:>8} {pct(h, a):>8}")
        figures[f"recall_{group}"] = h / a if a else None
    a = sum(c["all"] for c in recall.values())
    h = sum(c["hit"] for c in recall.values())
    print(f"{'= all':<16} {a:>9} {h:>8} {pct(h, a):>8}")
    print(f"precision: {found['right']} of {found['all']} findings on an annotated artifact "
          f"({pct(found['right'], found['all']).strip()})")
    recurring = result["recurring"]
    print("flagged by a rule right in 2+ / 3+ / 5+ articles: " + " / ".join(
        pct(recurring[n], a).strip() for n in (2, 3, 5)) + " (the part that does not rest on one article)")
    figures.update({f"recall_recurring_{n}": recurring[n] / a if a else None for n in (2, 3, 5)})
    figures["recall_all"] = h / a if a else None
    figures["precision"] = found["right"] / found["all"] if found["all"] else None
    marked = [s for s in result["scores"] if s[1] >= 0.5]
    french = [s for s in marked if s[2] == "fr"]
    print(f"document score: {len(marked)} of {result['articles']} articles >= 0.5 "
          f"({pct(len(marked), result['articles']).strip()}), French named for {len(french)}")
    figures["articles_marked"] = len(marked) / result["articles"]
    figures["articles_marked_fr"] = len(french) / result["articles"]

    if args.rules:
        print(f"\n{'rule':<58} {'findings':>8} {'right':>6} {'precision':>9}")
        for rule, c in sorted(result["per_rule"].items(), key=lambda kv: -kv[1]["all"]):
            print(f"{rule:<58} {c['all']:>8} {c['right']:>6} {pct(c['right'], c['all']):>9}")
    if args.misses:
        print()
        for name, artifact, span in result["misses"]:
            if args.misses in ("all", artifact["category"]):
                print(f"miss {name}:{artifact['start']} [{artifact['category']}] {span!r} -> {artifact['repair']!r}")
    if args.wrong:
        articles = annotations(args.shared)
        print()
        for name, (text, artifacts) in sorted(articles.items()):
            for f in engine.check(text):
                span = (f.start, max(f.end, f.start + 1))
                if not any(overlaps((x["start"], x["end"]), span) for x in artifacts):
                    context = text[max(0, f.start - 40):f.end + 40].replace("\n", " ")
                    print(f"wrong {name}:{f.start} {f.rule} {f.text!r} -> {f.replacement!r}  …{context}…")
    if not args.quick:
        clean = clean_documents(args.shared)
        rates = rate_on(engine, [(n, t, "text") for n, t in clean["sentences"]])
        print(f"\nclean English ({rates['words']} words): {rates['rules']:.2f} rule findings and "
              f"{rates['applied']:.2f} safe+unsafe per 10,000 words")
        docs = doc_documents()
        drates = rate_on(engine, docs)
        print(f"Markdown documentation ({len(docs)} files, {drates['words']} words): {drates['rules']:.2f} "
              f"rule findings and {drates['applied']:.2f} safe+unsafe per 10,000 words")
        for example in (rates["examples"] + drates["examples"])[:60]:
            print("  clean:", example)
        share = clean_scores(engine, [(n, t, "text") for n, t in clean["documents"]])
        print(f"clean documents of ~{clean['document_words']} words scored >= 0.5: "
              f"{pct(share * len(clean['documents']), len(clean['documents'])).strip()} of {len(clean['documents'])}")
        figures.update(clean_rules=rates["rules"], clean_applied=rates["applied"], docs_rules=drates["rules"],
                       docs_applied=drates["applied"], clean_documents_marked=share)
        for unsafe in (False, True):
            moves = liar_moves(engine, args.shared, unsafe)
            changed = sum(moves.values())
            label = "fix --unsafe" if unsafe else "fix"
            # Case is no evidence either way: the German round trips were made from lower-cased text.
            moved = moves["closer"] + moves["further"]
            print(f"German round trips, {label}: {changed} texts changed, {moves['closer']} closer to the "
                  f"original, {moves['further']} further, {moves['same']} only in case "
                  f"({pct(moves['closer'], moved).strip()} of the moves closer)")
            figures[f"liar_{'unsafe' if unsafe else 'safe'}_closer"] = moves["closer"] / moved if moved else None
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

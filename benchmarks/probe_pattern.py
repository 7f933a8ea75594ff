"""Try a candidate rule's pattern on the dev articles and on clean English before writing the rule.

    python benchmarks/probe_pattern.py PATTERN [PATTERN ...] [--native DIR] [--examples 8]

For each pattern (the `regex` module's syntax, as in the packs), prints:

- its matches in the dev articles, each marked with the annotated artifact it overlaps (category
  and expected repair, and `[flagged]` when a finding of today's rules already covers it) or `--`
  when it overlaps none, and in how many articles it matches: a rule that matches in one article
  only describes that article, not the phenomenon;
- how often it matches in clean English: the Wikipedia sentences (CC0), the English originals of
  the LIAR and HWU64 round trips, real Markdown documentation installed here and, with
  `--native DIR`, every `.txt` file under DIR (the native corpus of `native_corpus.py`, or
  `corpus/native-news`), with a few examples of each.

A pattern worth a rule matches annotated artifacts in several articles and (nearly) nothing clean;
one that matches clean text needs a context condition or the round-trip gate. Needs ../shared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from devset import annotations, clean_documents, doc_documents, liar_records  # noqa: E402

from transfix import Engine  # noqa: E402


def clean_sources(shared: Path, native: Path | None) -> dict[str, list[str]]:
    import json

    sources = {
        "wikipedia": [text for _, text in clean_documents(shared)["sentences"]],
        "liar originals": [r["original"] for r in liar_records(shared)],
        "markdown docs": [text for _, text, _ in doc_documents()],
    }
    hwu = shared / "corpora" / "hwu64_roundtrips_dev.jsonl"
    sources["hwu64 originals"] = [
        json.loads(line)["original"] for line in hwu.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if native is not None:
        sources["native corpus"] = [p.read_text(encoding="utf-8") for p in sorted(native.rglob("*.txt"))]
    return sources


def context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def probe(pattern: regex.Pattern, articles: dict, found: dict, sources: dict[str, list[str]], examples: int) -> None:
    print(f"\n=== {pattern.pattern}")
    on_artifact = unannotated = new = 0
    articles_hit: set[str] = set()
    for name, (text, artifacts) in sorted(articles.items()):
        for m in pattern.finditer(text):
            start, end = m.span()
            hits = [a for a in artifacts if a["start"] < max(end, start + 1) and start < a["end"]]
            if hits:
                on_artifact += 1
                articles_hit.add(name)
                label = "; ".join(f"{a['category']} -> {a['repair']!r}" for a in hits)
                if any(s < a["end"] and a["start"] < e for a in hits for s, e in found[name]):
                    label += " [flagged]"
                else:
                    new += 1
            else:
                unannotated += 1
                label = "--"
            print(f"  dev {name}:{start} {label}\n      {context(text, start, end)}")
    print(f"  dev: {on_artifact} on an artifact in {len(articles_hit)} articles ({new} not flagged yet), {unannotated} on none")
    for source, texts in sources.items():
        found = [(text, m) for text in texts for m in pattern.finditer(text)]
        print(f"  clean {source}: {len(found)}")
        for text, m in found[:examples]:
            print(f"      {context(text, *m.span())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="+")
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    parser.add_argument("--native", type=Path, help="a corpus built by native_corpus.py")
    parser.add_argument("--examples", type=int, default=8, help="clean examples shown per source")
    args = parser.parse_args()
    if not (args.shared / "corpora" / "gt_fr_news_dev").is_dir():
        raise SystemExit(f"no dev articles under {args.shared}/corpora/gt_fr_news_dev")
    articles = annotations(args.shared)
    engine = Engine()
    found = {
        name: [(f.start, max(f.end, f.start + 1)) for f in engine.check(text)] for name, (text, _) in articles.items()
    }
    sources = clean_sources(args.shared, args.native)
    for source in args.patterns:
        try:
            pattern = regex.compile(source, regex.V0)
        except regex.error as error:
            raise SystemExit(f"{source!r}: {error}") from None
        probe(pattern, articles, found, sources, args.examples)


if __name__ == "__main__":
    main()

"""Turn annotation written as quotes into the stored form (offsets, repair, category, check).

    python benchmarks/dev/import_annotations.py ANNOTATION.jsonl... [--shared ../shared]

Input lines: {"file", "quote", "occurrence", "repair", "category", "note"}, where `quote` is the
exact annotated text and `occurrence` which occurrence of it in the article (1 = first). The output,
benchmarks/dev/gt_fr_news_dev.jsonl, keeps offsets and a hash of the span, not the article's text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import ANNOTATIONS, span_check  # noqa: E402

CATEGORIES = {
    "false-friend", "calque", "proper-name", "acronym", "pronoun", "possessive", "untranslated",
    "typography", "capitalisation", "quotes", "doubled-word", "boilerplate", "grammar", "other",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    args = parser.parse_args()
    folder = args.shared / "corpora" / "gt_fr_news_dev"
    records, problems = [], 0
    for source in args.inputs:
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            text = (folder / item["file"]).read_text(encoding="utf-8")
            quote, wanted = item["quote"], int(item.get("occurrence", 1))
            start = -1
            for _ in range(wanted):
                start = text.find(quote, start + 1)
                if start < 0:
                    break
            category = item["category"]
            if start < 0 or not quote or category not in CATEGORIES:
                print(f"{source}:{number}: skipped ({'unknown category' if category not in CATEGORIES else 'quote not found'})")
                problems += 1
                continue
            end = start + len(quote)
            records.append({
                "file": item["file"], "start": start, "end": end, "check": span_check(quote),
                "repair": item["repair"], "category": category, "note": item.get("note", ""),
            })
    records.sort(key=lambda r: (r["file"], r["start"], r["end"]))
    unique, seen = [], set()
    for record in records:
        key = (record["file"], record["start"], record["end"])
        if key not in seen:
            seen.add(key)
            unique.append(record)
    ANNOTATIONS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in unique), encoding="utf-8")
    print(f"{len(unique)} artifacts written to {ANNOTATIONS} ({problems} problems)")


if __name__ == "__main__":
    main()

"""The development material: our annotation of the dev articles, clean English, German round trips.

The articles and corpora live in `../shared/` (never copied into the project); the annotation in
`benchmarks/dev/` is ours: offsets into each article, the expected repair and a category, plus a
short hash of the annotated span so that a changed article is noticed instead of mis-scored.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "dev" / "gt_fr_news_dev.jsonl"

# The groups the project's targets are stated for.
CATEGORY_GROUPS = {
    "mechanical": ("typography", "doubled-word", "capitalisation", "quotes", "boilerplate"),
    "lexical": ("false-friend", "calque", "proper-name", "acronym"),
}


def span_check(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def annotations(shared: Path) -> dict[str, tuple[str, list[dict]]]:
    """{article name: (text, artifacts)} for every annotated article found under `shared`."""
    folder = shared / "corpora" / "gt_fr_news_dev"
    by_file: dict[str, list[dict]] = {}
    for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_file.setdefault(record["file"], []).append(record)
    result = {}
    for name, records in by_file.items():
        text = (folder / name).read_text(encoding="utf-8")
        for record in records:
            if span_check(text[record["start"]:record["end"]]) != record["check"]:
                raise SystemExit(f"{name}:{record['start']}: the article changed since it was annotated")
        result[name] = (text, records)
    return result


def clean_documents(shared: Path, document_words: int = 450) -> dict:
    """Wikipedia sentences (CC0) one by one, and joined into documents of about the length of a
    news article (for the document score)."""
    path = shared / "corpora" / "clean_en_wikipedia_cc0.txt"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [(f"wikipedia:{n}", line) for n, line in enumerate(lines, 1)]
    documents, current, count = [], [], 0
    for line in lines:
        current.append(line)
        count += len(line.split())
        if count >= document_words:
            documents.append((f"wikipedia-doc:{len(documents) + 1}", " ".join(current)))
            current, count = [], 0
    return {"sentences": sentences, "documents": documents, "document_words": document_words}


def doc_documents(limit: int = 400) -> list[tuple[str, str, str]]:
    """Real Markdown documentation: the long descriptions of the installed Python distributions
    that declare text/markdown, read in place (each under its own licence; never stored)."""
    found = []
    seen = set()
    for dist in metadata.distributions():
        meta = dist.metadata
        name = meta.get("Name") or "?"
        # transfix's own README quotes round-trip damage on purpose.
        if name.lower() in seen or name.lower() == "transfix" or "markdown" not in (meta.get("Description-Content-Type") or ""):
            continue
        body = meta.get_payload() or meta.get("Description") or ""
        if len(body.split()) < 200:
            continue
        seen.add(name.lower())
        found.append((f"{name} README", body, "markdown"))
    return sorted(found)[:limit]


def liar_records(shared: Path) -> list[dict]:
    path = shared / "corpora" / "liar_de_roundtrips_dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _plain(text: str) -> str:
    # The German round trips were made from lower-cased text without apostrophes.
    return re.sub(r"[^\w\s]", "", text.lower()).strip()


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _plain(a), _plain(b), autojunk=False).ratio()

"""Build a clean native-English corpus from sources on this machine that transfix has not used.

Usage:  python benchmarks/native_corpus.py [OUTDIR]     (default: transfix-native in the temp folder)

Then `python benchmarks/eval_native.py [OUTDIR]` checks it. The text is read from the machine, never
copied into the project: what a Debian system with Python carries (WordNet needs `wordnet-base`).

Sources (each written to OUTDIR/<source>/NNN.txt, ~60-120 KB a file):
  wordnet  WordNet 3.0 glosses and quoted example sentences (/usr/share/wordnet/data.*)
  dpkg     Debian package descriptions (/var/lib/dpkg/status), deduplicated
  licenses /usr/share/common-licenses/*
  docs     plain-text documentation under /usr/share/doc (READMEs, FAQs, TODOs, manuals, *.txt),
           gunzipped; changelogs, copyright, NEWS, AUTHORS/THANKS and code/list-heavy paragraphs dropped
  pydoc    docstrings of the Python standard library's public modules, functions, classes, methods;
           doctest blocks, indented code and code-heavy paragraphs dropped
The script is deterministic (sorted inputs, no randomness).
"""
from __future__ import annotations

import gzip
import importlib
import inspect
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "transfix-native"))
CHUNK = 100_000  # characters per output file (approx.)


def write_chunks(source: str, paragraphs: list[str]) -> int:
    d = OUT / source
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("*.txt"):
        old.unlink()
    n, buf, size, words = 0, [], 0, 0
    for p in paragraphs:
        buf.append(p)
        size += len(p) + 2
        words += len(p.split())
        if size >= CHUNK:
            (d / f"{n:03d}.txt").write_text("\n\n".join(buf) + "\n", encoding="utf-8")
            n, buf, size = n + 1, [], 0
    if buf:
        (d / f"{n:03d}.txt").write_text("\n\n".join(buf) + "\n", encoding="utf-8")
    print(f"{source}: {words} words, {n + 1 if buf else n} files", file=sys.stderr)
    return words


def sentence(s: str) -> str:
    s = s.strip()
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if s[-1] not in ".!?\"')":
        s += "."
    return s


# ---------------------------------------------------------------- WordNet
def wordnet() -> list[str]:
    lines = []
    for pos in ("noun", "verb", "adj", "adv"):
        for raw in open(f"/usr/share/wordnet/data.{pos}", encoding="utf-8", errors="replace"):
            if raw.startswith("  ") or "|" not in raw:
                continue  # licence header
            gloss = raw.split("|", 1)[1].strip()
            q = gloss.find('"')
            definition = (gloss if q < 0 else gloss[:q]).strip().rstrip(";").strip()
            examples = []
            if q >= 0:
                rest = gloss[q:]
                # quoted examples, each optionally followed by an attribution ("- Author", "(Author)")
                ok = re.fullmatch(r'(?:"[^"]*"\s*(?:(?:-+|\()[^";]*)?;?\s*)+', rest)
                if ok:
                    examples = re.findall(r'"([^"]*)"', rest)
            for part in [definition] + examples:
                part = part.strip(" ;")
                if len(part.split()) >= 3:
                    lines.append(sentence(part))
    return ["\n".join(lines[i:i + 20]) for i in range(0, len(lines), 20)]


# ---------------------------------------------------------------- dpkg descriptions
def dpkg() -> list[str]:
    text = Path("/var/lib/dpkg/status").read_text(encoding="utf-8", errors="replace")
    seen, paras = set(), []
    for stanza in text.split("\n\n"):
        m = re.search(r"^Description: (.*(?:\n .*)*)", stanza, re.M)
        if not m:
            continue
        block = m.group(1)
        if block in seen:
            continue
        seen.add(block)
        first, *rest = block.split("\n")
        paras.append(sentence(first))
        cur = []
        for line in rest:
            line = line[1:]
            if line == ".":
                if cur:
                    paras.append("\n".join(cur))
                cur = []
            else:
                cur.append(line)
        if cur:
            paras.append("\n".join(cur))
    return paras


# ---------------------------------------------------------------- prose filter for docs/pydoc
CODEY = re.compile(r"[{}<>=\\|`$#@]|::|->|\(\)|\w\.\w+\(|^\s*[-*+]\s|^\s*\d+[.)]\s|_\w|\w_", re.M)


def prose(par: str) -> bool:
    lines = [l for l in par.split("\n") if l.strip()]
    if not lines:
        return False
    words = par.split()
    if len(words) < 8:
        return False
    if ">>>" in par or "..." in par and par.count("...") > 2:
        return False
    # indented code / tables
    if sum(1 for l in lines if l.startswith(("    ", "\t"))) > len(lines) / 2 and len(lines) > 1:
        # indented paragraphs are fine if they read as prose
        pass
    if sum(1 for l in lines if re.match(r"\s*([-*+o]|\d+[.)])\s", l)) > len(lines) / 3:
        return False  # list
    letters = sum(c.isalpha() or c.isspace() for c in par)
    if letters / len(par) < 0.88:
        return False
    if len(CODEY.findall(par)) > max(1, len(words) // 25):
        return False
    if sum(1 for l in lines if len(l.split()) < 4) > len(lines) / 2:
        return False  # headings, short list items
    if sum(1 for w in words if w[:1].islower()) < len(words) * 0.6:
        return False  # title lists, names
    return True


def paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    out = []
    for par in re.split(r"\n\s*\n", text):
        par = "\n".join(l.rstrip() for l in par.strip("\n").split("\n"))
        # dedent
        ind = min((len(l) - len(l.lstrip()) for l in par.split("\n") if l.strip()), default=0)
        par = "\n".join(l[ind:] for l in par.split("\n"))
        if prose(par):
            out.append(par)
    return out


# ---------------------------------------------------------------- licences
def licenses() -> list[str]:
    paras = []
    base = Path("/usr/share/common-licenses")
    for p in sorted(base.iterdir()):
        if p.is_symlink() or not p.is_file():
            continue
        paras += paragraphs(p.read_text(encoding="utf-8", errors="replace"))
    return paras


# ---------------------------------------------------------------- /usr/share/doc
SKIP_NAME = re.compile(r"changelog|copyright|^news|authors|thanks|credits|license|licence|copying|"
                       r"\.(c|h|py|pl|pm|sh|js|css|html?|xml|json|ya?ml|ps|pdf|png|gif|svg|cocci|conf|cfg|"
                       r"patch|diff|in|am|ac|m4|el|rb|java|ini|cmake|tcl|mk|sed|awk)(\.gz)?$|makefile|"
                       r"^(examples?|ex)\b", re.I)
KEEP_NAME = re.compile(r"^(readme|todo|faq|bugs|hacking|contributing|install|notes|manual|"
                       r"overview|intro|howto|rationale|design|security|porting)|\.(txt|text|debian|md|rst|"
                       r"markdown)(\.gz)?$|readme|faq|\bmanual\b", re.I)


def docs() -> list[str]:
    paras, seen = [], set()
    for root, dirs, files in os.walk("/usr/share/doc"):
        dirs.sort()
        if "/examples" in root or "/python3-" in root + "/":
            continue  # examples are code; python3-* READMEs overlap the project's PyPI README corpus
        for name in sorted(files):
            if SKIP_NAME.search(name) or not KEEP_NAME.search(name):
                continue
            path = Path(root, name)
            if path.is_symlink():
                continue
            try:
                data = gzip.open(path).read() if name.endswith(".gz") else path.read_bytes()
            except OSError:
                continue
            if len(data) > 2_000_000:
                continue
            text = data.decode("utf-8", errors="replace")
            for par in paragraphs(text):
                key = re.sub(r"\s+", " ", par)
                if key not in seen:
                    seen.add(key)
                    paras.append(par)
    return paras


# ---------------------------------------------------------------- pydoc
SKIP_MODULES = {"antigravity", "this", "idlelib", "turtledemo", "tkinter", "turtle", "lib2to3",
                "ensurepip", "venv", "pydoc_data", "test", "__phello__", "_pydev_bundle"}


def pydoc() -> list[str]:
    warnings.simplefilter("ignore")
    docs_seen, paras = set(), []
    names = sorted(n for n in sys.stdlib_module_names if not n.startswith("_") and n not in SKIP_MODULES)
    for modname in names:
        try:
            mod = importlib.import_module(modname)
        except BaseException:
            continue
        objs = [mod]
        for attr, obj in sorted(vars(mod).items()):
            if attr.startswith("_") or getattr(obj, "__module__", modname) != modname:
                continue
            if inspect.isclass(obj) or inspect.isroutine(obj):
                objs.append(obj)
                if inspect.isclass(obj):
                    for a2, o2 in sorted(vars(obj).items()):
                        if not a2.startswith("_") and (inspect.isroutine(o2) or isinstance(o2, property)):
                            objs.append(o2)
        for obj in objs:
            try:
                doc = inspect.getdoc(obj)
            except Exception:
                doc = None
            if not doc or doc in docs_seen:
                continue
            docs_seen.add(doc)
            for par in paragraphs(doc):
                paras.append(par)
    return paras


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    total += write_chunks("wordnet", wordnet())
    total += write_chunks("dpkg", dpkg())
    total += write_chunks("licenses", licenses())
    total += write_chunks("docs", docs())
    total += write_chunks("pydoc", pydoc())
    print(f"total: {total} words", file=sys.stderr)


if __name__ == "__main__":
    main()

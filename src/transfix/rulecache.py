"""A cache of loaded rule packs, checked against their contents, so that start-up does not parse
two megabytes of TOML on every run (a pre-commit hook runs on every commit).

What is kept is the packs' compiled form (compiled.py): the rules, an index of their phrases and
every pattern they use, compiled. Building it takes a few seconds once; loading it, a few hundredths.

The key is a hash of transfix's version, of the `regex` module's version, of the code that builds
rules, and of every file under the rules folder (packs, word classes, calibration): change one
byte and the cache is rebuilt. The cache lives in
`$TRANSFIX_CACHE_DIR`, else `$XDG_CACHE_HOME/transfix`, else `~/.cache/transfix`; it is only ever
an optimisation: an unreadable, unwritable or corrupt cache is ignored, and `TRANSFIX_NO_CACHE=1`
turns it off.

Only the newest few cache files are kept: every edit of a pack makes a new one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable

import regex

from .compiled import compile_rules, register
from .model import Rule

FORMAT = 3  # bump when Rule's fields or the compiled form change


def cache_dir() -> Path:
    explicit = os.environ.get("TRANSFIX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transfix"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    from . import __version__ as own  # not importlib.metadata: 13 ms of a 0.3 s budget
    # Compiled patterns are the regex module's internal code: only its own version may read them.
    digest.update(f"{FORMAT}\0{own}\0{regex.__version__}\0{root.resolve()}\0".encode())
    # The code that builds rules is part of the key too (an editable install keeps its version).
    here = Path(__file__).parent
    for module in ("loader.py", "model.py", "triggers.py", "rulecache.py", "compiled.py", "matcher.py"):
        digest.update((here / module).read_bytes())
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


KEEP = 3  # cache files kept (several checkouts or versions may share the folder)


def cached(root: Path, load: Callable[[], list[Rule]]) -> list[Rule]:
    """The rules of the packs under `root`, compiled (and their patterns registered)."""
    if os.environ.get("TRANSFIX_NO_CACHE"):
        return load()
    target = None
    try:
        target = cache_dir() / f"rules-{fingerprint(root)}.pickle"
        with open(target, "rb") as handle:
            rules, patterns = pickle.load(handle)
        if isinstance(rules, list) and all(isinstance(r, Rule) for r in rules) and isinstance(patterns, dict):
            register(patterns)
            return rules
    except Exception:  # missing, unreadable or corrupt: rebuild
        pass
    rules, patterns = compile_rules(load())
    register(patterns)
    if target is not None:
        _store(target, (rules, patterns))
    return rules


def _store(target: Path, value) -> None:
    """Write atomically, then drop the oldest files of the same kind beyond KEEP."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        kind = target.name.split("-", 1)[0]
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
        _prune(target.parent, kind)
    except Exception:
        pass


def _prune(folder: Path, kind: str) -> None:
    files = []
    for path in folder.glob(f"{kind}-*.pickle"):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(files, reverse=True)[KEEP:]:
        try:
            path.unlink()
        except OSError:
            pass

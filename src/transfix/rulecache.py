"""A cache of loaded rule packs, checked against their contents, so that start-up does not parse
two megabytes of TOML on every run (a pre-commit hook runs on every commit).

The key is a hash of transfix's version, of the code that builds rules, and of every file under the
rules folder (packs, word classes, calibration): change one byte and the cache is rebuilt. The cache lives in
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
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable

from .model import Rule

FORMAT = 2  # bump when Rule's fields change


def cache_dir() -> Path:
    explicit = os.environ.get("TRANSFIX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transfix"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    try:
        own = version("transfix")
    except PackageNotFoundError:
        own = "source"
    digest.update(f"{FORMAT}\0{own}\0{root.resolve()}\0".encode())
    # The code that builds rules is part of the key too (an editable install keeps its version).
    here = Path(__file__).parent
    for module in ("loader.py", "model.py", "triggers.py", "rulecache.py"):
        digest.update((here / module).read_bytes())
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


KEEP = 3  # cache files kept (several checkouts or versions may share the folder)


def cached(root: Path, load: Callable[[], list[Rule]]) -> list[Rule]:
    if os.environ.get("TRANSFIX_NO_CACHE"):
        return load()
    target = None
    try:
        target = cache_dir() / f"rules-{fingerprint(root)}.pickle"
        with open(target, "rb") as handle:
            rules = pickle.load(handle)
        if isinstance(rules, list) and all(isinstance(r, Rule) for r in rules):
            return rules
    except Exception:  # missing, unreadable or corrupt: rebuild
        pass
    rules = load()
    if target is not None:
        _store(target, rules)
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

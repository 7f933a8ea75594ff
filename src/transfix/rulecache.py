"""A cache of loaded rule packs, checked against their contents, so that start-up does not parse
two megabytes of TOML on every run (a pre-commit hook runs on every commit).

What is kept is the packs' compiled form (compiled.py): the rules, an index of their phrases and
every pattern they use, compiled. Building it takes a few seconds once; loading it, a few hundredths.

The key is a hash of transfix's version, of the `regex` module's version, of the code that builds
rules, and of every file under the rules folder (packs, word classes, calibration): change one
byte and the cache is rebuilt. A run finds the key through a stamp of the files' sizes and
modification times (as Python checks its .pyc files), hashing the contents only when one of them
moved: a touched file costs a hash, not a rebuild. The cache lives in
`$TRANSFIX_CACHE_DIR`, else `$XDG_CACHE_HOME/transfix`, else `~/.cache/transfix`; it is only ever
an optimisation: an unreadable, unwritable or corrupt cache is ignored, and `TRANSFIX_NO_CACHE=1`
turns it off.

Only the newest few cache files are kept: every edit of a pack makes a new one. Beside the shipped
packs' cache file lies their Hyperscan prefilter (prefilter.py), built with it when Hyperscan is
installed.
"""

from __future__ import annotations

import gc
import os
import pickle
import zlib
from pathlib import Path
from typing import Callable

import regex

from . import prefilter
from .compiled import compile_rules, dump, load, register, register_stored
from .model import Rule

FORMAT = 7  # bump when Rule's fields or the compiled form change


def cache_dir() -> Path:
    explicit = os.environ.get("TRANSFIX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transfix"


_CODE = ("loader.py", "model.py", "triggers.py", "rulecache.py", "compiled.py", "matcher.py", "phrases.py",
         "prefilter.py")


def _header(root: Path) -> bytes:
    from . import __version__  # not importlib.metadata: 13 ms of a 0.3 s budget

    # Compiled patterns are the regex module's internal code: only its own version may read them.
    return f"{FORMAT}\0{__version__}\0{regex.__version__}\0{root.resolve()}\0".encode()


def _files(root: Path) -> list[tuple[str, Path]]:
    """(name in the key, file): the code that builds rules is part of the key too (an editable
    install keeps its version), then every file under the rules folder."""
    here = Path(__file__).parent
    code = [(module, here / module) for module in _CODE]
    return code + [(str(p.relative_to(root)), p) for p in sorted(root.rglob("*")) if p.is_file()]


def fingerprint(root: Path) -> str:
    """A hash of the contents of the packs, word classes and calibration, and of the code."""
    import hashlib  # only when the stamp does not give the key (OpenSSL's start-up is not free)

    digest = hashlib.sha256(_header(root))
    for name, path in _files(root):
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def current_key(root: Path) -> str:
    """fingerprint(root), taken from a stamp when every file has the size and modification time
    it had when the fingerprint was computed (Python checks its .pyc files that way): reading
    and hashing 8 MB would be a twentieth of a pre-commit run. The stamp file is found by a
    checksum of the sizes and times and holds them in full, so a checksum that two states share
    can never hand one the other's key."""
    state = _header(root) + "".join(
        f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0" for name, info in ((n, p.stat()) for n, p in _files(root))
    ).encode("utf-8", "surrogateescape")
    stamp = cache_dir() / f"stamp-{zlib.crc32(state):08x}{zlib.adler32(state):08x}.pickle"
    try:
        with open(stamp, "rb") as handle:
            stored, key = pickle.load(handle)
        if stored == state and isinstance(key, str) and len(key) == 24:
            return key
    except Exception:  # missing, unreadable, corrupt or of an older format: hash the contents
        pass
    key = fingerprint(root)
    _store(stamp, (state, key))
    return key


KEEP = 3  # cache files kept (several checkouts or versions may share the folder)


def cached(root: Path, load: Callable[[], list[Rule]]) -> list[Rule]:
    """The rules of the packs under `root`, compiled (and their patterns registered)."""
    if os.environ.get("TRANSFIX_NO_CACHE"):
        return load()
    target = None
    try:
        target = cache_dir() / f"rules-{current_key(root)}.pickle"
        loaded = _LOADED.get(str(target))
        if loaded is not None:
            _use_prefilter(root, target)
            return list(loaded)
        rules, patterns, blobs = _load(target)
        if isinstance(rules, list) and all(isinstance(r, Rule) for r in rules) and isinstance(patterns, dict):
            register_stored(patterns, blobs)
            _use_prefilter(root, target)
            _LOADED[str(target)] = rules
            return list(rules)
    except Exception:  # missing, unreadable or corrupt: rebuild
        pass
    if target is None or not _writable(target.parent):
        # Compiling every pattern only pays when the next run can load them: without a cache,
        # patterns are compiled as texts ask for them.
        return load()
    loaded = load()
    rules, patterns = compile_rules(loaded)
    register(patterns)
    _store_bytes(target, dump(rules, patterns))
    if _shipped(root) and prefilter.wanted():
        blob = prefilter.build(loaded)
        if blob is not None:
            _store_bytes(_prefilter_path(target), blob)
    _use_prefilter(root, target)
    return rules


def _shipped(root: Path) -> bool:
    from .loader import default_rules_dir

    return root.resolve() == default_rules_dir().resolve()


def _use_prefilter(root: Path, target: Path) -> None:
    """The shipped packs' Hyperscan prefilter (prefilter.py) is built with their cache file and
    kept beside it; a user's own packs have none (their regex rules are all searched)."""
    if _shipped(root):
        prefilter.register(_prefilter_path(target))


def _prefilter_path(target: Path) -> Path:
    return target.with_name(target.name.replace("rules-", "prefilter-", 1).replace(".pickle", ".hsdb"))


# The rules read from each cache file by this process: they never change, and an engine built
# again (a library user's, a test's) shares them instead of reading the file again.
_LOADED: dict[str, list[Rule]] = {}


def _load(target: Path):
    """Map the cache file (compiled.load reads its header; the rest is read as rules and texts
    need it) and unpickle with the cyclic garbage collector paused, then move what the process holds to
    the collector's permanent generation (gc.freeze): 40,000-odd objects, most of them the
    cache's, that the collector would otherwise walk at its next pass and at every full one,
    none of them ever garbage (a process keeps the rules of each cache file it reads, _LOADED).
    A forked --jobs worker then does not touch their pages either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        import mmap

        with open(target, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # stays open: rules read it
        loaded = load(memoryview(mapped))
        gc.freeze()
        return loaded
    finally:
        if enabled:
            gc.enable()


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        import tempfile  # only to build or write the cache

        handle, probe = tempfile.mkstemp(dir=folder, prefix=".probe-")
        os.close(handle)
        os.unlink(probe)
        return True
    except OSError:
        return False


def _store(target: Path, value) -> None:
    """Pickle and write atomically (see _store_bytes)."""
    _store_bytes(target, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _store_bytes(target: Path, data: bytes) -> None:
    """Write atomically, then drop the oldest files of the same kind beyond KEEP."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        kind = target.name.split("-", 1)[0]
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
        _prune(target.parent, kind, target.suffix)
    except Exception:
        pass


def _prune(folder: Path, kind: str, suffix: str = ".pickle") -> None:
    files = []
    for path in folder.glob(f"{kind}-*{suffix}"):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(files, reverse=True)[KEEP:]:
        try:
            path.unlink()
        except OSError:
            pass

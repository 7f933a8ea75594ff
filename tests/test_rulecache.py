"""The rule cache: keyed by contents, rebuilt on any change, ignored when broken."""

from __future__ import annotations

import shutil

from transfix.loader import default_rules_dir, load_rules
from transfix.rulecache import cache_dir, current_key, fingerprint


def test_cache_is_used_rebuilt_on_change_and_ignored_when_corrupt(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSFIX_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    first = load_rules([root], trusted=[root])
    key = fingerprint(root)
    cached = cache_dir() / f"rules-{key}.pickle"
    assert cached.is_file()
    assert [r.id for r in load_rules([root], trusted=[root])] == [r.id for r in first]
    # Any change to a pack gives a new key, and the new rule is there.
    pack = root / "common" / "doubled-words.toml"
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        'message = "Doubled word"', 'message = "Doubled word!"', 1), encoding="utf-8")
    assert fingerprint(root) != key
    changed = {r.id: r for r in load_rules([root], trusted=[root])}
    assert changed["common.doubled-words.repeated-word"].message == "Doubled word!"
    # A corrupt cache file is ignored and replaced.
    target = cache_dir() / f"rules-{fingerprint(root)}.pickle"
    target.write_bytes(b"not a pickle")
    assert len(load_rules([root], trusted=[root])) == len(first)


def test_no_cache_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TRANSFIX_CACHE_DIR", str(blocker / "cache"))
    rules = load_rules([default_rules_dir()], trusted=[default_rules_dir()])
    assert rules
    # Nothing to keep the compiled form in: the packs are read as they are (no pattern compiled
    # for a cache that cannot be written).
    from transfix.compiled import LazyRule

    assert not any(isinstance(r, LazyRule) for r in rules)


def test_only_the_newest_cache_files_are_kept(tmp_path, monkeypatch):
    import os

    from transfix import rulecache

    folder = tmp_path / "cache"
    monkeypatch.setenv("TRANSFIX_CACHE_DIR", str(folder))
    folder.mkdir()
    for number in range(6):  # stale caches of earlier pack versions
        stale = folder / f"rules-{number:024d}.pickle"
        stale.write_bytes(b"old")
        os.utime(stale, (1_000_000 + number, 1_000_000 + number))
    unrelated = folder / "notes.txt"
    unrelated.write_text("mine", encoding="utf-8")
    load_rules([default_rules_dir()], trusted=[default_rules_dir()])
    kept = sorted(p.name for p in folder.glob("rules-*.pickle"))
    assert len(kept) == rulecache.KEEP
    assert f"rules-{fingerprint(default_rules_dir())}.pickle" in kept
    assert "rules-000000000000000000000005.pickle" in kept  # the newest stale ones stay
    assert unrelated.is_file()


def test_the_key_is_found_by_stamp_and_follows_the_contents(tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("TRANSFIX_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    key = current_key(root)
    assert key == fingerprint(root)
    assert len(list(cache_dir().glob("stamp-*.pickle"))) == 1
    pack = root / "common" / "doubled-words.toml"
    os.utime(pack, ns=(pack.stat().st_atime_ns, pack.stat().st_mtime_ns + 10**9))  # touched only
    assert current_key(root) == key
    pack.write_text(pack.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # changed
    assert current_key(root) == fingerprint(root) != key


def test_a_process_reads_each_cache_file_once_and_keeps_it_out_of_the_collectors_walks(tmp_path, monkeypatch):
    import gc

    monkeypatch.setenv("TRANSFIX_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    load_rules([root], trusted=[root])  # builds the cache
    first = load_rules([root], trusted=[root])  # reads it
    assert gc.get_freeze_count() > 0
    again = load_rules([root], trusted=[root])
    assert all(a is b for a, b in zip(first, again)) and len(first) == len(again)
    again.pop()  # each caller gets its own list
    assert len(load_rules([root], trusted=[root])) == len(first)


def test_a_stamp_gives_its_key_only_to_the_state_it_was_made_for(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setenv("TRANSFIX_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    key = current_key(root)
    (stamp,) = cache_dir().glob("stamp-*.pickle")
    state, stored = pickle.loads(stamp.read_bytes())
    assert stored == key
    # A stamp whose checksum matches but whose recorded state does not is not trusted.
    stamp.write_bytes(pickle.dumps((state + b"other", "x" * 24)))
    assert current_key(root) == key

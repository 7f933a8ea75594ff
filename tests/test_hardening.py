"""Hardening: atomic writes under SIGKILL, no network by default, concurrency, and bad input
through the real command line (exit code, one line on stderr, file untouched when it must be).

Grammar servers that are down, slow, return garbage or error statuses are covered by
tests/test_grammar.py and are not repeated here.
"""

from __future__ import annotations

import codecs
import json
import multiprocessing
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import transfix
from transfix import loader, walk
from transfix.errors import InputError, RuleError
from transfix.textio import Document, read_document, write_atomic

ROOT = Path(__file__).resolve().parents[1]
MT = ROOT / "corpus" / "mt" / "trade-talks.txt"


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, cwd=cwd,
                          input=stdin, env=env, timeout=timeout, check=False)


def one_line(stderr: bytes) -> str:
    """The single line a failing run prints on standard error (and no traceback)."""
    text = stderr.decode("utf-8", "replace").strip()
    assert len(text.splitlines()) == 1, text
    assert "Traceback" not in text
    return text


def clean_env() -> dict:
    env = dict(os.environ)
    env.pop("TRANSFIX_LT_SERVER", None)
    env.pop("TRANSFIX_DEBUG", None)
    return env


# ---------------------------------------------------------------------------------------------
# Atomic writes under SIGKILL

WRITER = r"""
import sys
from transfix.textio import Document, write_atomic

path = sys.argv[1]
A = b"alpha line of the file\n" * (20_000_000 // 23)
B = b"bravo line, longer, of the file\n" * (20_000_000 // 32)
print("ready", flush=True)
while True:
    raw = open(path, "rb").read()
    new = B if raw == A else A
    write_atomic(Document(path, raw.decode("utf-8"), raw=raw), new.decode("utf-8"))
    print("wrote", flush=True)
"""
KILL_A = b"alpha line of the file\n" * (20_000_000 // 23)
KILL_B = b"bravo line, longer, of the file\n" * (20_000_000 // 32)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_write_atomic_leaves_old_or_new_content(tmp_path, record_property):
    target = tmp_path / "big.txt"
    target.write_bytes(KILL_A)
    rng = random.Random(20240611)
    seen, lingering_after = [], []
    iteration = 0.3  # seconds per rewrite, refined from the child's own pace
    for kill in range(15):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        lines: queue.Queue = queue.Queue()

        def pump(stream=child.stdout, sink=lines) -> None:
            for line in stream:
                sink.put((line, time.monotonic()))

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        try:
            line, _ = lines.get(timeout=120)
            assert line.strip() == b"ready", line
            # Let 0-2 rewrites complete, then kill at a random point of the next one.
            stamps = []
            wanted = rng.randint(0, 2)
            while len(stamps) < wanted:
                line, stamp = lines.get(timeout=120)
                stamps.append(stamp)
            if len(stamps) >= 2:
                iteration = max(0.02, stamps[-1] - stamps[-2])
            time.sleep(rng.uniform(0, iteration * 1.2))
            assert child.poll() is None, child.stderr.read()
            os.kill(child.pid, signal.SIGKILL)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait(timeout=60)
            reader.join(timeout=10)
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        data = target.read_bytes()
        assert data in (KILL_A, KILL_B), f"kill {kill}: target is a mix ({len(data)} bytes)"
        seen.append("A" if data == KILL_A else "B")
        others = sorted(p.name for p in tmp_path.iterdir() if p.name != target.name)
        for name in others:  # nothing but our own temporary files beside the target
            assert re.fullmatch(r"\.big\.txt\.[^/]+\.transfix", name), name
        lingering_after.append(len(others))
    # the writer really was replacing the file between kills
    assert "B" in seen, seen
    # and a normal write still works next to whatever temporary files a kill left behind
    document = read_document(str(target))
    write_atomic(document, "done\n")
    assert target.read_bytes() == b"done\n"
    record_property("sigkill_lingering_temp_files", lingering_after[-1])
    print(f"contents after each kill: {''.join(seen)}; temporary files lingering: {lingering_after}")


def test_write_atomic_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Behind payment walls.\n")
    document = read_document(str(path))
    path.write_bytes(b"Someone else edited this.\n")  # the file changes between read and write
    with pytest.raises(InputError, match="changed on disk since it was read; not overwritten"):
        write_atomic(document, "Behind paywalls.\n")
    assert path.read_bytes() == b"Someone else edited this.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]
    # the same with a Document whose raw bytes were never the file's
    stale = Document(str(path), "x\n", raw=b"x\n")
    with pytest.raises(InputError):
        write_atomic(stale, "y\n")
    assert path.read_bytes() == b"Someone else edited this.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


# ---------------------------------------------------------------------------------------------
# No network unless asked for

NET_GUARD = r"""
import os, socket, sys, runpy

LOG = os.environ["NETGUARD_LOG"]


def record(kind, detail):
    with open(LOG, "a", encoding="utf-8") as handle:
        handle.write(f"{kind} {detail!r}\n")


def refuse(kind):
    def guard(*args, **kwargs):
        record(kind, args if kind == "create_connection" else args[1:])  # drop `self` of methods
        raise ConnectionRefusedError(f"network disabled by the test guard ({kind})")
    return guard


socket.socket.connect = refuse("connect")
socket.socket.connect_ex = refuse("connect_ex")
socket.socket.sendto = refuse("sendto")
socket.create_connection = refuse("create_connection")
_getaddrinfo = socket.getaddrinfo


def getaddrinfo(*args, **kwargs):
    record("getaddrinfo", args[:2])
    return _getaddrinfo(*args, **kwargs)


socket.getaddrinfo = getaddrinfo
sys.argv = ["transfix", *sys.argv[1:]]
runpy.run_module("transfix", run_name="__main__", alter_sys=True)
"""

NET_SAMPLE = "He is one of the best player in the league. They hid it behind payment walls, worth $ 600.\n"


def guarded(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    log = tmp_path / f"net-{len(list(tmp_path.glob('net-*')))}.log"
    env = clean_env()
    env["NETGUARD_LOG"] = str(log)
    result = subprocess.run([sys.executable, "-c", NET_GUARD, *args], capture_output=True, cwd=tmp_path,
                            env=env, timeout=300, check=False)
    attempts = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return result, attempts


def test_default_check_and_fix_open_no_network_connection(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(NET_SAMPLE, encoding="utf-8")
    check, attempts = guarded(tmp_path, "check", "--format", "json", "doc.txt")
    assert check.returncode == 1, check.stderr
    assert attempts == []
    rules = {f["rule"] for f in json.loads(check.stdout)["files"][0]["findings"]}
    assert "fr.calques.payment-walls" in rules
    assert any(r.startswith("grammar.harper.") for r in rules), rules  # Harper really ran, offline
    assert b"grammar checking off" not in check.stderr
    fix, attempts = guarded(tmp_path, "fix", "doc.txt")
    assert fix.returncode == 0 and attempts == []
    assert fix.stdout == b"He is one of the best player in the league. They hid it behind paywalls, worth $600.\n"
    diff, attempts = guarded(tmp_path, "diff", "doc.txt")
    assert diff.returncode == 1 and attempts == []
    write, attempts = guarded(tmp_path, "fix", "--write", "doc.txt")
    assert write.returncode == 0 and attempts == []
    assert doc.read_bytes() == fix.stdout


def test_the_network_guard_sees_a_languagetool_server_connection(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(NET_SAMPLE, encoding="utf-8")
    result, attempts = guarded(tmp_path, "check", "--lt-server", "http://127.0.0.1:9", "doc.txt")
    assert any("connect" in a and "127.0.0.1" in a and "9" in a for a in attempts), attempts
    # auto grammar: the refused server is one warning line and the run goes on with the rules
    assert result.returncode == 1
    assert b"fr.calques.payment-walls" in result.stdout
    assert "grammar checking off" in one_line(result.stderr)


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_default_check_makes_no_inet_connect_syscall(tmp_path):
    """The Python-level guard cannot see native code (Harper is Rust): ask the kernel instead."""
    doc = tmp_path / "doc.txt"
    doc.write_text(NET_SAMPLE, encoding="utf-8")
    trace = tmp_path / "trace.txt"
    result = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace),
         sys.executable, "-m", "transfix", "check", "doc.txt"],
        capture_output=True, cwd=tmp_path, env=clean_env(), timeout=300, check=False,
    )
    if not trace.exists() or b"Operation not permitted" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr[-200:]!r}")
    assert result.returncode == 1, result.stderr
    inet = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
    assert inet == []


# ---------------------------------------------------------------------------------------------
# Concurrency: one engine, many threads; a pool of processes

DAMAGED = ("payment walls", "the RPC in Beijing", "$ 600", "( AP ))", "lever effect", "National National")


def corpus_documents() -> list[tuple[str, str]]:
    """40 different (text, kind) documents: real passages, Markdown, HTML and generated damage."""
    rng = random.Random(40)
    mt = MT.read_text(encoding="utf-8")
    clean = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "clean").glob("*.txt"))]
    paragraphs = [p for text in [mt, *clean] for p in text.splitlines() if 40 < len(p) < 1_000]
    documents: list[tuple[str, str]] = [(mt, "text"), *((c, "text") for c in clean if len(c) < 20_000)]
    near = ROOT / "corpus" / "clean" / "near-misses.md"
    if near.exists():
        documents.append((near.read_text(encoding="utf-8"), "markdown"))
    while len(documents) < 40:
        index = len(documents)
        picked = rng.sample(paragraphs, k=min(3, len(paragraphs)))
        salted = [f"{p.strip()} {rng.choice(DAMAGED)} {rng.choice(DAMAGED)}." for p in picked]
        if index % 3 == 0:
            body = "\n\n".join(salted)
            text = (f"---\ntitle: {rng.choice(DAMAGED)}\n---\n\n# Notes on {rng.choice(DAMAGED)}\n\n{body}\n\n"
                    f"```\n{rng.choice(DAMAGED)}\n```\n\nSee [it](https://example.com/RPC) `{rng.choice(DAMAGED)}`.\n")
            documents.append((text.replace("\n", "\r\n") if index % 2 else text, "markdown"))
        elif index % 3 == 1:
            body = "".join(f"<p>{s}</p>\n" for s in salted)
            page = (f"<html><body>\n{body}<pre>{rng.choice(DAMAGED)}</pre>\n"
                    f'<a title="{rng.choice(DAMAGED)}" href="/x">x</a></body></html>\n')
            documents.append((page, "html"))
        else:
            documents.append(("\n\n".join(salted) + ("\n" if index % 2 else ""), "text"))
    return documents[:40]


def outcome(engine: transfix.Engine, document: tuple[str, str]):
    text, kind = document
    analysis = engine.analyze(text, kind=kind)
    safe = engine.repair(text, kind=kind)
    unsafe = engine.repair(text, kind=kind, unsafe=True)
    return analysis.findings, analysis.warnings, safe.text, safe.applied, unsafe.text, unsafe.pending


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, str]]:
    docs = corpus_documents()
    assert len({d for d in docs}) == 40
    return docs


@pytest.fixture(scope="module")
def serial(documents):
    engine = transfix.Engine()
    return engine, [outcome(engine, d) for d in documents]


def test_one_engine_from_eight_threads_equals_serial(documents, serial):
    engine, expected = serial
    assert sum(len(findings) for findings, *_ in expected) > 40  # the documents do have damage
    start = threading.Barrier(8)

    def work(order: list[int]):
        start.wait(timeout=60)
        return {i: outcome(engine, documents[i]) for i in order}

    orders = []
    for seed in range(8):  # every thread runs all 40 documents, each in its own order
        order = list(range(len(documents)))
        random.Random(seed).shuffle(order)
        orders.append(order)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, orders))
    for result in results:
        for index, got in result.items():
            assert got == expected[index], index


def test_one_harper_engine_from_four_threads_equals_serial(documents):
    from transfix.backends import GrammarOptions, build_grammar

    checker, _required, warnings = build_grammar(GrammarOptions(mode="harper"))
    assert checker is not None, warnings
    engine = transfix.Engine(grammar=checker)
    try:
        docs = documents[:10]
        expected = [engine.check(text, kind=kind) for text, kind in docs]
        assert any(f.source is transfix.Source.GRAMMAR for found in expected for f in found)
        fresh_checker, _, _ = build_grammar(GrammarOptions(mode="harper"))  # no cache carried over
        fresh = transfix.Engine(grammar=fresh_checker)
        # each thread builds its own Harper linter (seconds each), so four threads here
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda d: fresh.check(d[0], kind=d[1]), docs * 2))
        assert results == expected * 2
        fresh_checker.close()
    finally:
        checker.close()


_POOL_ENGINE: list[transfix.Engine] = []


def _pool_init() -> None:
    _POOL_ENGINE.append(transfix.Engine())


def _pool_work(document: tuple[str, str]):
    return outcome(_POOL_ENGINE[0], document)


def test_a_pool_of_two_processes_equals_serial(documents, serial):
    _engine, expected = serial
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing inherited
    with context.Pool(2, initializer=_pool_init) as pool:
        results = pool.map(_pool_work, documents, chunksize=3)
    assert results == expected


# ---------------------------------------------------------------------------------------------
# Input edge cases through the command line


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    check = run("check", str(path), cwd=tmp_path)
    assert (check.returncode, check.stdout, check.stderr) == (0, b"", b"")
    fix = run("fix", str(path), cwd=tmp_path)
    assert (fix.returncode, fix.stdout, fix.stderr) == (0, b"", b"")
    write = run("fix", "--write", "--unsafe", str(path), cwd=tmp_path)
    assert (write.returncode, write.stderr) == (0, b"")
    assert path.read_bytes() == b""
    diff = run("diff", str(path), cwd=tmp_path)
    assert (diff.returncode, diff.stdout) == (0, b"")


def test_file_without_final_newline_stays_without(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Line one.\nBehind payment walls")
    fix = run("fix", str(path), cwd=tmp_path)
    assert fix.returncode == 0 and fix.stdout == b"Line one.\nBehind paywalls"
    write = run("fix", "--write", str(path), cwd=tmp_path)
    assert write.returncode == 0
    assert path.read_bytes() == b"Line one.\nBehind paywalls"
    clean = tmp_path / "clean.txt"
    clean.write_bytes(b"No final newline here")
    assert run("fix", "--write", str(clean), cwd=tmp_path).returncode == 0
    assert clean.read_bytes() == b"No final newline here"


def test_a_single_five_megabyte_line(tmp_path):
    sentence = "The council met on Tuesday and agreed a budget for schools, roads and parks. "
    tail = "Behind payment walls, it cost $ 600."
    body = (sentence * (5_000_000 // len(sentence) + 1))[: 5_000_000 - len(tail)]
    path = tmp_path / "line.txt"
    path.write_text(body + tail, encoding="utf-8")
    started = time.monotonic()
    check = run("check", "--grammar", "off", "--format", "json", str(path), cwd=tmp_path)
    assert check.returncode == 1, check.stderr
    findings = json.loads(check.stdout)["files"][0]["findings"]
    walls = next(f for f in findings if f["rule"] == "fr.calques.payment-walls")
    offset = len(body) + tail.index("payment walls")
    assert (walls["start"], walls["line"], walls["column"]) == (offset, 1, offset + 1)
    write = run("fix", "--write", str(path), cwd=tmp_path)
    assert write.returncode == 0, write.stderr
    assert path.read_bytes() == (body + "Behind paywalls, it cost $600.").encode("utf-8")
    assert time.monotonic() - started < 240


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                        ("utf-8", codecs.BOM_UTF8)])
def test_bom_encodings_are_read_and_kept(tmp_path, codec, bom):
    text = "Caf\u00e9 \U0001F600 talks.\r\nThey hid it behind payment walls.\r\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + text.encode(codec))
    check = run("check", "--grammar", "off", "--format", "json", str(path), cwd=tmp_path)
    assert check.returncode == 1, check.stderr
    (walls,) = [f for f in json.loads(check.stdout)["files"][0]["findings"] if f["rule"] == "fr.calques.payment-walls"]
    start = text.index("payment walls")
    column = start - text.index("\n") - 1 + 1
    assert (walls["line"], walls["column"], walls["start"]) == (2, column, start)
    write = run("fix", "--write", str(path), cwd=tmp_path)
    assert write.returncode == 0, write.stderr
    assert path.read_bytes() == bom + text.replace("payment walls", "paywalls").encode(codec)


def test_windows_1252_is_an_error_with_its_byte_offset_unless_named(tmp_path):
    text = "R\u00e9sum\u00e9 of the talks: behind payment walls.\n"
    raw = text.encode("cp1252")
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    for args in (("check",), ("fix",), ("fix", "--write"), ("diff",)):
        result = run(*args, str(path), cwd=tmp_path)
        assert result.returncode == 2, args
        message = one_line(result.stderr)
        assert f"{path}: not valid utf-8 at byte 1" in message, message  # 0xE9 is byte 1
        assert "--encoding" in message
        assert path.read_bytes() == raw
    check = run("check", "--grammar", "off", "--encoding", "cp1252", str(path), cwd=tmp_path)
    assert check.returncode == 1 and b"fr.calques.payment-walls" in check.stdout
    write = run("fix", "--write", "--encoding", "cp1252", str(path), cwd=tmp_path)
    assert write.returncode == 0, write.stderr
    assert path.read_bytes() == text.replace("payment walls", "paywalls").encode("cp1252")


def test_symlinks_out_of_a_walked_tree_are_not_followed(tmp_path):
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Behind payment walls.\n", encoding="utf-8")
    (tree / "inside.txt").write_text("The council met.\n", encoding="utf-8")
    (tree / "out-link.txt").symlink_to(outside / "secret.txt")
    (tree / "in-link.txt").symlink_to(tree / "inside.txt")
    (tree / "out-dir").symlink_to(outside, target_is_directory=True)
    (tree / "abs-link.txt").symlink_to((outside / "secret.txt").resolve())
    files = list(walk.iter_files([str(tree)]))
    assert files == [str(tree / "in-link.txt"), str(tree / "inside.txt")]
    result = run("check", "--grammar", "off", "tree", cwd=tmp_path)
    assert result.returncode == 0 and b"secret" not in result.stdout + result.stderr
    # naming the link itself is the user's explicit choice
    assert run("check", "--grammar", "off", "tree/out-link.txt", cwd=tmp_path).returncode == 1


def test_a_dangling_symlink_in_a_walked_tree_is_skipped(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "inside.txt").write_text("Behind payment walls.\n", encoding="utf-8")
    (tree / "dangling.txt").symlink_to(tree / "gone.txt")
    result = run("check", "--grammar", "off", "tree", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the findings of inside.txt, no error
    assert b"no such file" not in result.stderr


CATASTROPHIC = (
    '[[rule]]\nid = "slow"\nkind = "regex"\npattern = "(a|a)+c"\nreplacement = "x"\n'
    'category = "c"\nmessage = "m"\nexplanation = "e"\n'
    'bad = [ { text = "ac", fixed = "x" } ]\ngood = [ "c" ]\n'
)


def test_a_catastrophic_user_regex_is_stopped_and_named(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(CATASTROPHIC, encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("a" * 60 + "!\nBehind payment walls.\n", encoding="utf-8")
    started = time.monotonic()
    result = run("check", "--grammar", "off", "--rules", str(pack), str(doc), cwd=tmp_path)
    assert time.monotonic() - started < 120
    assert result.returncode == 1  # the other rules still ran
    assert b"fr.calques.payment-walls" in result.stdout
    warning = one_line(result.stderr)
    assert "mine.slow" in warning and "stopped" in warning and f"{pack}:1" in warning, warning
    assert doc.read_bytes() == ("a" * 60 + "!\nBehind payment walls.\n").encode()


LIMITED_CLI = r"""
import sys
import transfix.loader as loader
for assignment in sys.argv[1].split(","):
    name, value = assignment.split("=")
    setattr(loader, name, int(value))
sys.argv = ["transfix", *sys.argv[2:]]
from transfix.cli import main
main()
"""


def limited(tmp_path: Path, limits: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LIMITED_CLI, limits, *args], capture_output=True,
                          cwd=tmp_path, env=clean_env(), timeout=300, check=False)


def rule_block(name: str, phrases: int = 1) -> str:
    table = ", ".join(f'"{name} phrase{i}" = "fixed{i}"' for i in range(phrases))
    return (f'[[rule]]\nid = "{name}"\nphrases = {{ {table} }}\ncategory = "c"\n'
            f'message = "m"\nexplanation = "e"\n'
            f'bad = [ {{ text = "a {name} phrase0 b", fixed = "a fixed0 b" }} ]\ngood = [ "a b" ]\n\n')


def shipped_pack_sizes() -> tuple[int, int, int]:
    """The largest rule count, phrase count and byte size of any shipped pack."""
    rules = phrases = size = 0
    for name, path in loader.pack_files(loader.default_rules_dir()):
        loaded = loader.load_pack(path, name, check_patterns=False)
        rules = max(rules, len(loaded))
        phrases = max(phrases, sum(len(r.phrases) for r in loaded))
        size = max(size, path.stat().st_size)
    return rules, phrases, size


def test_rule_packs_past_their_limits_give_file_line_id_errors(tmp_path):
    max_rules, max_phrases, max_bytes = shipped_pack_sizes()
    doc = tmp_path / "doc.txt"
    doc.write_text("Behind payment walls.\n", encoding="utf-8")
    # Limits just above the largest shipped pack, so only the user's pack goes past them.
    many = tmp_path / "many.toml"
    many.write_text("".join(rule_block(f"r{i}") for i in range(max_rules + 1)), encoding="utf-8")
    result = limited(tmp_path, f"MAX_RULES_PER_PACK={max_rules}", "check", "--rules", str(many), str(doc))
    assert result.returncode == 2
    assert one_line(result.stderr) == f"transfix: {many}:1: -: more than {max_rules} rules in one pack"
    # too many phrases: the rule that goes past the limit, at its [[rule]] line
    wordy = tmp_path / "wordy.toml"
    wordy.write_text(rule_block("r0", phrases=max_phrases) + rule_block("r1", phrases=1), encoding="utf-8")
    result = limited(tmp_path, f"MAX_PHRASES_PER_PACK={max_phrases}", "check", "--rules", str(wordy), str(doc))
    assert result.returncode == 2
    second = wordy.read_text(encoding="utf-8").splitlines().index("[[rule]]", 1) + 1
    assert one_line(result.stderr) == f"transfix: {wordy}:{second}: wordy.r1: more than {max_phrases} phrases"
    # a file past the byte limit
    heavy = tmp_path / "heavy.toml"
    heavy.write_text(rule_block("r0") + "# padding\n" * (max_bytes // 10 + 1), encoding="utf-8")
    result = limited(tmp_path, f"MAX_PACK_BYTES={max_bytes}", "check", "--rules", str(heavy), str(doc))
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"transfix: {heavy}: -: pack is larger than")
    # `rules test` reports the same way
    result = limited(tmp_path, "MAX_RULES_PER_PACK=2", "rules", "test", str(many))
    assert result.returncode == 2
    assert one_line(result.stderr) == f"transfix: {many}:1: -: more than 2 rules in one pack"
    assert doc.read_bytes() == b"Behind payment walls.\n"


def test_a_pattern_past_the_length_limit_names_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_PATTERN_LENGTH", 10)
    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "long"\nkind = "regex"\ncategory = "c"\nmessage = "m"\n'
                    'explanation = "e"\npattern = "abcdefghijklmnop"\nreplacement = "x"\n', encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        loader.load_pack(pack, "mine")
    assert str(caught.value) == f"{pack}:7: mine.long: pattern longer than 10 characters"

"""Batch runs from the command line: parallel jobs give the same output; JSON Lines in and out."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    "Talks with the RPC in Beijing stalled over rare lands and magnets.\n",
    "The council met on Tuesday and agreed the budget.\n",
    "They hid it behind payment walls, worth $ 600 billion.\n",
    "# Notes\n\nThe OTAN summit opens ; `payment walls` stays.\n",
]


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, cwd=cwd,
                          input=stdin, timeout=300)


def make_tree(root: Path, count: int = 24) -> None:
    for index in range(count):
        folder = root / f"part{index % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        suffix = ".md" if index % 4 == 3 else ".txt"
        (folder / f"doc{index:03d}{suffix}").write_text(SAMPLES[index % 4], encoding="utf-8")


def test_check_with_jobs_prints_what_one_job_prints(tmp_path):
    make_tree(tmp_path)
    one = run("check", "--grammar", "off", "--jobs", "1", ".", cwd=tmp_path)
    two = run("check", "--grammar", "off", "--jobs", "2", ".", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.count(b"\n") > 20


def test_fix_write_with_jobs_equals_one_job(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    make_tree(first)
    make_tree(second)
    assert run("fix", "--write", "--unsafe", "--jobs", "1", ".", cwd=first).returncode == 0
    result = run("fix", "--write", "--unsafe", "--jobs", "2", ".", cwd=second)
    assert result.returncode == 0
    assert b"file(s)" in result.stderr  # the closing summary
    files = sorted(p.relative_to(first) for p in first.rglob("*.*"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.*"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert (first / "part0" / "doc000.txt").read_text() == "Talks with the PRC in Beijing stalled over rare earths and magnets.\n"


def test_jsonl_in_and_out_keeps_other_fields(tmp_path):
    records = [{"id": 1, "text": SAMPLES[0], "url": "https://example.com/a"},
               {"id": 2, "text": SAMPLES[1], "lang": "en"}]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = run("fix", "--jsonl", "--field", "text", "--unsafe", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == [1, 2] and out[0]["url"] == "https://example.com/a" and out[1]["lang"] == "en"
    assert "PRC" in out[0]["text"] and out[1]["text"] == SAMPLES[1]
    assert out[0]["transfix"]["score"]["probability"] > out[1]["transfix"]["score"]["probability"]
    assert {f["rule"] for f in out[0]["transfix"]["applied"]} >= {"fr.acronyms.rpc"}
    piped = run("fix", "--jsonl", "-", cwd=tmp_path, stdin=source.read_bytes())
    assert len(piped.stdout.splitlines()) == 2


def test_jsonl_passes_every_record_through_in_order(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "fine"}\n{"body": "x"}\n{"roundtrips": {"fr": "worth $ 600"}}\n', encoding="utf-8")
    result = run("fix", "--jsonl", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(out) == 3 and out[1]["body"] == "x" and "no string field 'text'" in out[1]["transfix"]["skipped"]
    nested = run("fix", "--jsonl", "--field", "roundtrips.fr", str(source), cwd=tmp_path)
    records = [json.loads(line) for line in nested.stdout.decode().splitlines()]
    assert records[2]["roundtrips"]["fr"] == "worth $600" and "skipped" in records[0]["transfix"]


def test_jsonl_line_that_is_not_json_is_one_line_error_and_field_needs_jsonl(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "fine"}\nnot json\n{"text": "also fine"}\n', encoding="utf-8")
    result = run("fix", "--jsonl", str(source), cwd=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and errors[0].endswith(":2: not JSON (JSONDecodeError)")
    assert len(result.stdout.splitlines()) == 2
    alone = run("fix", "--field", "text", str(source), cwd=tmp_path)
    assert alone.returncode == 2 and b"--field only applies with --jsonl" in alone.stderr

def test_jsonl_keeps_going_past_hostile_records(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = ['{"text": "first"}', '{"text": "bad \\ud800 surrogate", "id": 2}', deep, '{"text": "x", "n": NaN}',
             '{"text": "worth $ 600", "transfix": "mine"}', '{"text": "last"}']
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("fix", "--jsonl", str(source), cwd=tmp_path)
    assert result.returncode == 2
    assert [line.split(": ", 1)[1] for line in result.stderr.decode().splitlines()] == [
        "" + str(source) + ":3: not JSON (RecursionError)", str(source) + ":4: not JSON (ValueError)"]
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["text"] for r in out][-1] == "last" and len(out) == 4
    assert out[2]["transfix"] == "mine" and out[2]["_transfix"]["applied"]
    assert b"NaN" not in result.stdout


def test_small_batches_run_in_one_process_unless_jobs_is_given(tmp_path, monkeypatch):
    from transfix import session as session_module
    from transfix.config import ConfigFinder
    from transfix.session import Flags, Session

    make_tree(tmp_path, count=8)
    (tmp_path / "big.txt").write_text("word " * 10, encoding="utf-8")
    seen = []

    def fake_run(specs, items, workers, engines=None):
        seen.append(workers)
        return iter(())

    monkeypatch.setattr(session_module, "run_files", fake_run)
    monkeypatch.setattr(session_module.os, "cpu_count", lambda: 4)
    current = Session(ConfigFinder(disabled=True), Flags(grammar="off"), None)
    list(current.run([str(tmp_path)], None, mode="check"))
    list(current.run([str(tmp_path)], 2, mode="check"))
    monkeypatch.setattr(session_module, "PARALLEL_MIN_BYTES", 10)
    list(current.run([str(tmp_path)], None, mode="check"))
    assert seen == [1, 2, 4]

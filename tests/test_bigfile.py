"""Large files are read and rewritten in chunks with bounded memory, with exact offsets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import transfix

PARAGRAPH = ("The committee met again on Tuesday to discuss the budget, and members agreed "
             "to publish the figures before the end of the month. ") * 3
DAMAGED = "They hid the report behind payment walls, a deal worth $ 600 billion ( AP ))."


def make_text(paragraphs: int) -> str:
    parts = []
    for index in range(paragraphs):
        parts.append(DAMAGED if index % 97 == 0 else PARAGRAPH)
    return "\n\n".join(parts) + "\n"


def run(*args: str, threshold: int, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRANSFIX_LARGE_FILE_BYTES": str(threshold)}
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, env=env, cwd=cwd,
                          timeout=600)


def test_chunked_check_and_fix_match_whole_text(tmp_path):
    text = make_text(2500)  # about 1 MB, far past a 256 KB threshold
    path = tmp_path / "big.txt"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    engine = transfix.Engine()
    expected = engine.check(text)
    result = run("check", "--grammar", "off", "--format", "json", "big.txt", threshold=256 * 1024, cwd=tmp_path)
    found = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["start"], f["end"], f["line"]) for f in found] == [
        (f.rule, f.start, f.end, f.line) for f in expected]
    assert run("fix", "--write", "big.txt", threshold=256 * 1024, cwd=tmp_path).returncode == 0
    assert path.read_bytes() == ("\ufeff" + engine.repair(text).text).encode("utf-8")


def peak_rss_kb(path: Path, threshold: int) -> int:
    code = (
        "import resource, runpy, sys; sys.argv = ['transfix', 'fix', '--write', '--grammar', 'off', sys.argv[1]];\n"
        "try:\n    runpy.run_module('transfix', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    env = {**os.environ, "TRANSFIX_LARGE_FILE_BYTES": str(threshold)}
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, env=env, timeout=900)
    return int(out.stdout.decode().strip().splitlines()[-1])


def test_memory_stays_flat_as_files_grow(tmp_path):
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(make_text(1500), encoding="utf-8")   # ~0.6 MB
    large.write_text(make_text(9000), encoding="utf-8")   # ~3.5 MB
    threshold = 256 * 1024
    grown = peak_rss_kb(large, threshold) - peak_rss_kb(small, threshold)
    assert grown < 20 * 1024, f"peak memory grew by {grown} KB for a file six times larger"


def test_a_huge_single_line_is_never_cut_inside_a_word(tmp_path):
    import os
    import subprocess
    import sys

    unit = "The alliance zzOTAN met the OTAN envoy. "
    big = tmp_path / "big.txt"
    big.write_text(unit * 40_000, encoding="utf-8")  # 1.6 MB on one line: more than one chunk
    env = dict(os.environ, TRANSFIX_LARGE_FILE_BYTES="100000")
    result = subprocess.run([sys.executable, "-m", "transfix", "fix", "--write", str(big)], capture_output=True,
                            env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    text = big.read_text(encoding="utf-8")
    assert text.count("zzOTAN") == 40_000 and "zzNATO" not in text and text.count("the NATO envoy") == 40_000


def test_markdown_chunks_end_between_blocks_never_inside_a_fence(tmp_path, monkeypatch):
    from transfix import bigfile

    unit = ("## Notes\n\nThe envoy met the press on Tuesday.\n\n```text\nprice: $ 600\n\n"
            "told the point of sale\n```\n\n- a list item\n\n  its second paragraph\n\n")
    text = unit * 60
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(bigfile, "CHUNK_CHARS", 150)  # shorter than one unit: many chunks
    chunks = list(bigfile.iter_chunks(str(path), kind="markdown"))
    assert "".join(chunks) == text and len(chunks) >= 30
    assert all(chunk.count("```") % 2 == 0 for chunk in chunks)
    engine = transfix.Engine()
    found, _ = bigfile.check_large(engine, str(path), None, "markdown", ())
    expected = engine.check(text, kind="markdown")
    assert [(f.rule, f.start, f.end, f.line) for f in found] == [(f.rule, f.start, f.end, f.line) for f in expected]
    assert not any(text[f.start:f.end].startswith("$") for f in found)  # the code is never flagged

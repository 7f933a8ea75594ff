"""Terminal review with scripted keys, and applying exported decisions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MT = ROOT / "corpus" / "mt" / "trade-talks.txt"


def run(*args: str, keys: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], input=keys.encode(), capture_output=True,
                          timeout=120, cwd=cwd)


def copy_of_mt(tmp_path: Path) -> Path:
    target = tmp_path / "doc.txt"
    shutil.copy(MT, target)
    return target


def test_review_applies_exactly_the_accepted_changes(tmp_path):
    doc = copy_of_mt(tmp_path)
    original = doc.read_text(encoding="utf-8")
    # 1 detach-the-node: y; 2 point-of-sale: n; 3 lever-effect: e (own words); 4 rare-lands: y; then quit.
    result = run("review", str(doc), keys="y\nn\ne\nsome leverage\ny\nq\n")
    assert result.returncode == 0, result.stderr
    assert b"applied 3 change(s)" in result.stdout
    expected = (original.replace("detach the node", "untie the knot")
                .replace("a lever effect", "some leverage").replace("rare lands", "rare earths"))
    assert doc.read_text(encoding="utf-8") == expected


def test_review_skip_rule_accept_rule_and_end_of_input(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("It cost $ 5 and $ 6.\nThey hid it behind payment walls.\n", encoding="utf-8")
    result = run("review", str(doc), keys="a\n")  # accept all currency fixes, then input ends
    assert result.returncode == 0
    assert doc.read_text(encoding="utf-8") == "It cost $5 and $6.\nThey hid it behind payment walls.\n"
    doc.write_text("It cost $ 5 and $ 6.\nThey hid it behind payment walls.\n", encoding="utf-8")
    run("review", str(doc), keys="s\ny\n")
    assert doc.read_text(encoding="utf-8") == "It cost $ 5 and $ 6.\nThey hid it behind paywalls.\n"


def test_review_help_and_unknown_keys_ask_again(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Behind payment walls.\n", encoding="utf-8")
    result = run("review", str(doc), keys="?\nx\ny\n")
    assert b"e - edit the replacement" in result.stdout
    assert doc.read_text(encoding="utf-8") == "Behind paywalls.\n"


def test_export_then_apply_and_refuse_changed_files(tmp_path):
    doc = copy_of_mt(tmp_path)
    decisions = tmp_path / "decisions.json"
    result = run("review", "doc.txt", "--export", str(decisions), keys="y\nn\ny\nq\n", cwd=tmp_path)
    assert result.returncode == 0
    data = json.loads(decisions.read_text())
    assert data["kind"] == "transfix-decisions" and len(data["files"][0]["decisions"]) == 3
    original = doc.read_text(encoding="utf-8")
    assert original == MT.read_text(encoding="utf-8")  # --export leaves the document alone

    doc.write_text(original + "One more line.\n", encoding="utf-8")
    refused = run("apply", str(decisions), cwd=tmp_path)
    assert refused.returncode == 2 and b"changed since the report was made" in refused.stderr
    assert doc.read_text(encoding="utf-8") == original + "One more line.\n"

    doc.write_text(original, encoding="utf-8")
    applied = run("apply", str(decisions), cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert doc.read_text(encoding="utf-8") == original.replace("detach the node", "untie the knot").replace(
        "a lever effect", "leverage")


def test_apply_rejects_a_broken_decisions_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("apply", str(bad))
    assert result.returncode == 2
    error = result.stderr.decode().strip()
    assert "not a decisions file" in error and len(error.splitlines()) == 1

"""The pre-commit hooks, run by the real `pre-commit` tool against a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DOC = """---
title: payment walls in front matter stay
---
# Trade

The talks stalled behind payment walls, and the deal is worth $ 600 billion.

```text
behind payment walls and $ 600 in a fence
```

    behind payment walls in an indented block

See `payment walls` in code and [the report](https://example.com/payment-walls?x=$%20600).
"""

FIXED = DOC.replace("The talks stalled behind payment walls, and the deal is worth $ 600 billion.",
                    "The talks stalled behind paywalls, and the deal is worth $600 billion.")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit() -> str:
    exe = shutil.which("pre-commit") or (Path(sys.executable).parent / "pre-commit")
    if not Path(exe).exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    return str(exe)


def try_repo(pre_commit: str, hook: str, repo: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "cache")}
    return subprocess.run([pre_commit, "try-repo", str(ROOT), hook, "--files", "doc.md", "--verbose"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_hooks_check_and_fix_only_prose(pre_commit, tmp_path):
    repo = tmp_path / "content"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    git("config", "user.email", "t@example.com", cwd=repo)
    git("config", "user.name", "t", cwd=repo)
    (repo / "doc.md").write_text(DOC, encoding="utf-8")
    git("add", "doc.md", cwd=repo)

    checked = try_repo(pre_commit, "transfix", repo)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    reported = [line for line in checked.stdout.splitlines() if line.startswith("doc.md:")]
    assert {line.split(":")[1] for line in reported} == {"6"}, reported  # only the prose line
    assert any("fr.calques.payment-walls" in line for line in reported)

    fixed = try_repo(pre_commit, "transfix-fix", repo)
    assert fixed.returncode == 1  # files were modified
    assert (repo / "doc.md").read_text(encoding="utf-8") == FIXED
    again = try_repo(pre_commit, "transfix-fix", repo)
    assert again.returncode == 0, again.stdout

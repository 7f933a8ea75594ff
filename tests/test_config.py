"""Configuration files, their precedence, and walking directories."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from transfix.config import ConfigError, find_config, load_config
from transfix.model import FixLevel
from transfix.walk import iter_files

TEXT = "They hid it behind payment walls, and the RPC in Beijing said nothing.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, cwd=cwd, timeout=120)


def test_config_is_found_upward_and_transfix_toml_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) is None
    (tmp_path / "pyproject.toml").write_text('[tool.transfix]\nignore = ["fr"]\n', encoding="utf-8")
    assert find_config(nested) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "transfix.toml").write_text('ignore = ["common"]\n', encoding="utf-8")
    assert find_config(nested) == tmp_path / "a" / "transfix.toml"


def test_every_key_is_read(tmp_path):
    path = tmp_path / "transfix.toml"
    path.write_text(
        'select = ["fr", "common"]\nignore = "common.boilerplate"\npivots = ["fr"]\nrules = ["my-rules"]\n'
        'allow = ["payment walls"]\nunsafe = true\nmin-fix-level = "unsafe"\nfail-on = "safe"\n'
        'grammar = "off"\ngrammar-enable = ["LongSentences"]\nlt-server = "http://localhost:8081"\n'
        'type = "markdown"\nexclude = ["vendor/*"]\n'
        '[fix-levels]\n"fr.calques.lever-effect" = "safe"\n'
        '[per-path-ignores]\n"docs/legacy/*" = ["fr.false-friends"]\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.select == ("fr", "common") and config.ignore == ("common.boilerplate",)
    assert config.rules == (str((tmp_path / "my-rules").resolve()),)
    assert config.fix_levels == {"fr.calques.lever-effect": FixLevel.SAFE}
    assert config.ignored_for("docs/legacy/old.md") == ("fr.false-friends",)
    assert config.ignored_for("docs/new.md") == ()
    assert config.excluded("vendor/lib.md") and not config.excluded("docs/a.md")
    assert (config.unsafe, config.min_fix_level, config.fail_on) == (True, FixLevel.UNSAFE, FixLevel.SAFE)


@pytest.mark.parametrize("body, message", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('select = 3\n', "`select` must be a list of strings"),
    ('fail-on = "sometimes"\n', "`fail-on` must be safe, unsafe or suggest"),
    ('select = [\n', "invalid TOML"),
])
def test_bad_config_names_file_and_key(tmp_path, body, message):
    path = tmp_path / "transfix.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path))
    result = run("check", "doc.txt", cwd=tmp_path)
    assert result.returncode == 2 and message.split("`")[0] in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_precedence_flags_over_config_over_defaults(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    assert b"fr.acronyms.rpc" in run("check", "--grammar", "off", "doc.txt", cwd=tmp_path).stdout
    (tmp_path / "transfix.toml").write_text('ignore = ["fr.acronyms"]\ngrammar = "off"\n', encoding="utf-8")
    configured = run("check", "doc.txt", cwd=tmp_path).stdout
    assert b"fr.acronyms.rpc" not in configured and b"fr.calques.payment-walls" in configured
    flagged = run("check", "--ignore", "fr.calques", "doc.txt", cwd=tmp_path).stdout
    assert b"fr.acronyms.rpc" in flagged and b"payment-walls" not in flagged
    assert b"payment-walls" in run("check", "--no-config", "--grammar", "off", "doc.txt", cwd=tmp_path).stdout


def test_allow_fix_levels_and_per_path_ignores(tmp_path):
    (tmp_path / "legacy").mkdir()
    for name in ("doc.txt", "legacy/old.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "transfix.toml").write_text(
        'grammar = "off"\nallow = ["payment walls"]\n[fix-levels]\n"fr.acronyms.rpc" = "safe"\n'
        '[per-path-ignores]\n"legacy/*" = ["fr.acronyms"]\n', encoding="utf-8")
    run("fix", "--write", ".", cwd=tmp_path)
    assert (tmp_path / "doc.txt").read_text() == TEXT.replace("RPC", "PRC")  # allowed phrase kept
    assert (tmp_path / "legacy" / "old.txt").read_text() == TEXT


def test_fail_on_and_min_fix_level(tmp_path):
    (tmp_path / "doc.txt").write_text("China has slowed its new expeditions of critical minerals.\n", encoding="utf-8")
    assert run("check", "--grammar", "off", "doc.txt", cwd=tmp_path).returncode == 1
    assert run("check", "--grammar", "off", "--fail-on", "unsafe", "doc.txt", cwd=tmp_path).returncode == 0
    quiet = run("check", "--grammar", "off", "--min-fix-level", "unsafe", "doc.txt", cwd=tmp_path)
    assert quiet.stdout == b""


def test_exit_non_zero_on_fix(tmp_path):
    (tmp_path / "doc.txt").write_text("Behind payment walls.\n", encoding="utf-8")
    assert run("fix", "--write", "--exit-non-zero-on-fix", "doc.txt", cwd=tmp_path).returncode == 1
    assert run("fix", "--write", "--exit-non-zero-on-fix", "doc.txt", cwd=tmp_path).returncode == 0


def test_walk_honours_gitignore_hidden_exclude_and_symlinks(tmp_path):
    root = tmp_path / "site"
    (root / "docs" / "build").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".gitignore").write_text("build/\n*.log\n", encoding="utf-8")
    for name in ("docs/a.md", "docs/build/b.md", "docs/c.log", ".git/d.md", "docs/e.txt", "image.png"):
        (root / name).write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("x", encoding="utf-8")
    (root / "docs" / "link").symlink_to(outside, target_is_directory=True)
    found = sorted(Path(p).relative_to(root).as_posix() for p in iter_files([str(root)]))
    assert found == ["docs/a.md", "docs/e.txt"]
    found = list(iter_files([str(root)], excluded=lambda p: p.endswith("e.txt")))
    assert [Path(p).name for p in found] == ["a.md"]


def test_binary_files_in_a_walk_are_skipped_with_a_note(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_text("Behind payment walls.\n", encoding="utf-8")
    result = run("check", "--grammar", "off", ".", cwd=tmp_path)
    assert result.returncode == 1 and b"note:" in result.stderr and b"binary" in result.stderr

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


# Configuration per file, found from the file's folder upward (as ruff does).

RPC, WALLS = b"fr.acronyms.rpc", b"fr.calques.payment-walls"


def nested_tree(root: Path) -> Path:
    """A repository whose root ignores acronyms and whose docs/ ignores calques and excludes
    its own legacy/ folder; every file has both findings."""
    (root / ".git").mkdir(parents=True)
    for name in ("a.txt", "legacy/x.txt", "docs/b.txt", "docs/legacy/c.txt", "docs/deep/d.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(TEXT, encoding="utf-8")
    (root / "transfix.toml").write_text('grammar = "off"\nignore = ["fr.acronyms"]\n', encoding="utf-8")
    (root / "docs" / "pyproject.toml").write_text(
        '[tool.transfix]\ngrammar = "off"\nignore = ["fr.calques"]\nexclude = ["legacy/*"]\n'
        '[tool.transfix.per-path-ignores]\n"deep/*" = ["fr.acronyms"]\n', encoding="utf-8")
    return root


def findings(output: bytes) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for line in output.decode().splitlines():
        path, _, _, rule = line.split(":")[:4]
        found.setdefault(Path(path).as_posix(), set()).add(rule.strip())
    return found


def test_each_file_is_checked_with_its_nearest_config(tmp_path):
    root = nested_tree(tmp_path / "repo")
    result = run("check", ".", cwd=root)
    assert result.returncode == 1, result.stderr
    assert findings(result.stdout) == {
        "a.txt": {"fr.calques.payment-walls"}, "legacy/x.txt": {"fr.calques.payment-walls"},
        "docs/b.txt": {"fr.acronyms.rpc"},
        # docs/legacy/ is excluded by docs/pyproject.toml (relative to docs/), and deep/ ignores acronyms
    }
    # The same files give the same findings from any working directory, named in any way.
    inside = run("check", ".", "../a.txt", str(root / "docs" / "b.txt"), cwd=root / "docs")
    assert findings(inside.stdout) == {"b.txt": {"fr.acronyms.rpc"}, "../a.txt": {"fr.calques.payment-walls"},
                                       (root / "docs" / "b.txt").as_posix(): {"fr.acronyms.rpc"}}
    # A file named on the command line is excluded by its own configuration too.
    assert run("check", "docs/legacy/c.txt", cwd=root).stdout == b""


def test_levels_and_unsafe_come_from_each_files_config(tmp_path):
    root = nested_tree(tmp_path / "repo")
    (root / "docs" / "pyproject.toml").write_text(
        '[tool.transfix]\ngrammar = "off"\nignore = ["fr.calques"]\nunsafe = true\nfail-on = "safe"\n',
        encoding="utf-8")
    # docs/b.txt has only an unsafe finding (RPC), and docs/ fails on safe ones only.
    assert run("check", "docs/b.txt", cwd=root).returncode == 0
    assert run("check", "docs/b.txt", "a.txt", cwd=root).returncode == 1
    run("fix", "--write", "a.txt", "docs", cwd=root)
    assert (root / "a.txt").read_text() == TEXT.replace("payment walls", "paywalls")  # safe only
    assert (root / "docs" / "b.txt").read_text() == TEXT.replace("RPC", "PRC")  # unsafe = true there


def test_config_flag_and_no_config_apply_to_every_file(tmp_path):
    root = nested_tree(tmp_path / "repo")
    other = tmp_path / "elsewhere.toml"
    # its paths are relative to its own folder, as in every configuration file
    other.write_text('grammar = "off"\nselect = ["fr.acronyms"]\nexclude = ["repo/docs/e.txt"]\n', encoding="utf-8")
    (root / "docs" / "e.txt").write_text(TEXT, encoding="utf-8")
    result = run("check", "--config", str(other), "a.txt", "docs", cwd=root)
    assert findings(result.stdout) == {name: {"fr.acronyms.rpc"} for name in (
        "a.txt", "docs/b.txt", "docs/deep/d.txt", "docs/legacy/c.txt")}
    result = run("check", "--no-config", "--grammar", "off", "a.txt", "docs", cwd=root)
    every = {"fr.acronyms.rpc", "fr.calques.payment-walls"}
    assert findings(result.stdout) == {name: every for name in (
        "a.txt", "docs/b.txt", "docs/deep/d.txt", "docs/e.txt", "docs/legacy/c.txt")}


def test_discovery_stops_at_the_repository_of_each_file(tmp_path):
    # The working directory's configuration does not reach a file in another repository, and a
    # configuration above that repository is never read.
    (tmp_path / "transfix.toml").write_text('grammar = "off"\nselect = ["nothing-at-all"]\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    (repo / "sub" / "doc.txt").write_text(TEXT, encoding="utf-8")
    result = run("check", "--grammar", "off", "repo/sub/doc.txt", cwd=tmp_path)
    assert result.returncode == 1 and RPC in result.stdout and WALLS in result.stdout, result.stderr
    (repo / "pyproject.toml").write_text('[tool.transfix]\nignore = ["fr.calques"]\n', encoding="utf-8")
    result = run("check", "--grammar", "off", "repo/sub/doc.txt", cwd=tmp_path)
    assert RPC in result.stdout and WALLS not in result.stdout


def test_standard_input_uses_the_working_directory(tmp_path):
    root = nested_tree(tmp_path / "repo")
    for folder, expected, absent in ((root, WALLS, RPC), (root / "docs", RPC, WALLS)):
        result = subprocess.run([sys.executable, "-m", "transfix", "check", "-"], input=TEXT.encode(),
                                capture_output=True, cwd=folder, timeout=120)
        assert expected in result.stdout and absent not in result.stdout, result.stderr


def test_jobs_give_the_same_output_with_several_configs(tmp_path):
    root = nested_tree(tmp_path / "repo")
    for index in range(6):
        (root / f"n{index}.txt").write_text(TEXT, encoding="utf-8")
        (root / "docs" / f"n{index}.txt").write_text(TEXT, encoding="utf-8")
    one = run("check", "--jobs", "1", ".", cwd=root)
    two = run("check", "--jobs", "2", ".", cwd=root)
    assert one.returncode == two.returncode == 1 and one.stdout == two.stdout
    found = findings(two.stdout)
    assert found["docs/n5.txt"] == {"fr.acronyms.rpc"} and found["n5.txt"] == {"fr.calques.payment-walls"}
    run("fix", "--write", "--jobs", "2", ".", cwd=root)
    assert (root / "n0.txt").read_text() == TEXT.replace("payment walls", "paywalls")
    assert (root / "docs" / "n0.txt").read_text() == TEXT  # RPC is unsafe, calques are ignored there


def test_report_and_review_use_the_files_config(tmp_path):
    root = nested_tree(tmp_path / "repo")
    run("report", "docs/b.txt", "-o", "out.html", cwd=root)
    html = (root / "out.html").read_bytes()
    assert RPC in html and WALLS not in html
    result = subprocess.run([sys.executable, "-m", "transfix", "review", "docs/b.txt"], input=b"n\nn\nn\n",
                            capture_output=True, cwd=root, timeout=120)
    assert RPC in result.stdout and WALLS not in result.stdout, result.stderr


def test_config_finder_reads_each_folder_once(tmp_path, monkeypatch):
    from transfix import config as config_module
    from transfix.config import ConfigFinder

    root = nested_tree(tmp_path / "repo")
    seen: list[Path] = []
    original = config_module._own_config
    monkeypatch.setattr(config_module, "_own_config", lambda folder: seen.append(folder) or original(folder))
    finder = ConfigFinder()
    first = finder.for_path(str(root / "docs" / "deep" / "d.txt"))
    assert first.path == str(root / "docs" / "pyproject.toml") and first.ignore == ("fr.calques",)
    assert finder.for_path(str(root / "docs" / "b.txt")) is first
    assert finder.for_path(str(root / "a.txt")).ignore == ("fr.acronyms",)
    assert len(seen) == len(set(seen))
    assert first.excluded(str(root / "docs" / "legacy" / "c.txt")) and not first.excluded(str(root / "legacy" / "x.txt"))
    assert ConfigFinder(disabled=True).for_path(str(root / "a.txt")).path is None
    with pytest.raises(ConfigError, match="no such configuration file"):
        ConfigFinder(tmp_path / "missing.toml")

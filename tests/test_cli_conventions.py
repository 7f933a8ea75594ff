"""CLI conventions of ruff and codespell: one-line errors, unknown selectors rejected, plain help."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def run(*args: str, stdin: str = "", cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], input=stdin.encode(), capture_output=True,
                          timeout=120, cwd=cwd)


@pytest.mark.parametrize("args, needle", [
    (("check", "--nope", "-"), b"No such option: --nope"),
    (("check", "--jobs", "abc", "-"), b"--jobs"),
    (("check", "--jobs", "0", "-"), b"--jobs"),
    (("check", "--select", "frr", "-"), b"unknown rule selector 'frr'"),
    (("check", "--ignore", "fr.nothing-here", "-"), b"unknown rule selector"),
    (("check", "--pivot", "xx", "-"), b"unknown pivot language 'xx'"),
    (("check", "--grammar-enable", "Nope", "-"), b"unknown Harper lint 'Nope'"),
    (("rules", "show", "grammar.harper.Nope"), b"no grammar lint"),
    (("chek", "-"), b"No such command 'chek'. Did you mean 'check'?"),
])
def test_usage_errors_are_one_line_and_exit_2(args, needle):
    result = run(*args, stdin="It is fine.\n")
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transfix: "), result.stderr
    assert needle in result.stderr
    assert b"\xe2\x95\xad" not in result.stderr  # no rich box


def test_help_is_plain_and_names_the_config_table():
    out = run("check", "--help").stdout.decode()
    assert "[tool.transfix]" in out
    options = out.split("Options:", 1)[1]
    assert "<list[str]>" not in options and "<bool>" not in options and "<str>" not in options


def test_a_command_run_alone_and_the_whole_help_agree():
    # A run builds only the command it names (cli._app_for); the help still lists them all.
    whole = run("--help").stdout.decode()
    for command in ("check", "fix", "diff", "score", "report", "review", "apply", "rules"):
        assert f" {command} " in whole
        assert run(command, "--help").returncode == 0
    assert "transfix apply [OPTIONS]" in run("apply", "--help").stdout.decode()
    assert run("--version", "check").stdout.decode().startswith("transfix ")


def test_rules_show_reads_user_packs_and_grammar_lints(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(textwrap.dedent('''
        [[rule]]
        id = "colour"
        phrases = { "colour scheme" = "color scheme" }
        category = "spelling"
        message = "American spelling"
        explanation = "House style."
        bad = [ { text = "A colour scheme.", fixed = "A color scheme." } ]
        good = [ "A color scheme." ]
    '''), encoding="utf-8")
    shown = run("rules", "show", "mine.colour", "--rules", str(pack))
    assert shown.returncode == 0 and b"American spelling" in shown.stdout
    lint = run("rules", "show", "grammar.harper.RepeatedWords")
    assert lint.returncode == 0 and b"on by default" in lint.stdout
    listing = run("rules", "list", "--grammar").stdout.decode().splitlines()
    assert "grammar.harper.SpellCheck\toff" in listing and "grammar.harper.RepeatedWords\ton" in listing


def test_summary_is_plain_lines_when_not_a_terminal(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Talks with the RPC in Beijing, China.\n", encoding="utf-8")
    result = run("check", "--grammar", "off", ".", cwd=tmp_path)
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transfix: 2 file(s), 2 findings (acronym 2), ")


def test_an_empty_folder_is_reported_not_silently_clean(tmp_path):
    result = run("check", str(tmp_path))
    assert result.returncode == 0
    assert b"no files to check" in result.stderr


def test_fix_accepts_an_enabled_grammar_lint():
    result = run("fix", "--grammar", "harper", "--grammar-enable", "AnA", "--accept", "grammar.harper.AnA", "-",
                 stdin="I saw a apple.\n")
    assert result.returncode == 0 and result.stdout == b"I saw an apple.\n"

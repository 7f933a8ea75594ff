"""The command line, run as a user runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MT = ROOT / "corpus" / "mt" / "trade-talks.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "transfix", *args], input=stdin, capture_output=True, cwd=cwd, timeout=600,
    )


def test_check_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Tuesday.\n", encoding="utf-8")
    assert run("check", str(clean)).returncode == 0
    result = run("check", str(MT))
    assert result.returncode == 1
    assert b"fr.acronyms.rpc" in result.stdout
    assert run("check", str(tmp_path / "missing.txt")).returncode == 2
    assert run("check", "--format", "yaml", str(clean)).returncode == 2


def test_text_output_lines_are_path_line_col():
    first = run("check", str(MT)).stdout.decode().splitlines()[0]
    assert first.startswith(f"{MT}:1:")
    path, line, column, rest = first.split(":", 3)
    assert line.isdigit() and column.isdigit() and rest.startswith(" fr.calques.detach-the-node")


def test_json_schema():
    result = run("check", "--format", "json", str(MT))
    document = json.loads(result.stdout)
    assert document["version"] == 1
    (entry,) = document["files"]
    assert entry["path"] == str(MT)
    text = MT.read_text(encoding="utf-8")
    for finding in entry["findings"]:
        assert {"rule", "source", "start", "end", "line", "column", "text", "replacements", "fix",
                "category", "pivot", "message"} <= set(finding)
        assert text[finding["start"]:finding["end"]] == finding["text"]
        assert finding["fix"] in ("safe", "unsafe", "suggest")
        assert finding["source"] in ("rules", "normalize", "grammar")


def test_stdin_and_fix_to_stdout():
    result = run("fix", "-", stdin="They hid it behind payment walls ; why ?\n".encode())
    assert result.returncode == 0
    assert result.stdout == "They hid it behind paywalls ; why?\n".encode()
    unsafe = run("fix", "--unsafe", "-", stdin="They hid it behind payment walls ; why ?\n".encode())
    assert unsafe.stdout == "They hid it behind paywalls; why?\n".encode()


def test_fix_write_keeps_bom_crlf_permissions_and_trailing_newline_state(tmp_path):
    path = tmp_path / "doc.txt"
    original = "\ufeffLine one costs $ 5.\r\nBehind payment walls"
    path.write_bytes(original.encode("utf-8"))
    path.chmod(0o640)
    result = run("fix", "--write", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == "\ufeffLine one costs $5.\r\nBehind paywalls".encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]  # no temporary file left behind


def test_fix_write_utf16(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("Behind payment walls.\n".encode("utf-16"))
    assert run("fix", "--write", str(path)).returncode == 0
    assert path.read_bytes() == "Behind paywalls.\n".encode("utf-16")


def test_fix_leaves_clean_text_byte_identical(tmp_path):
    for source in (ROOT / "corpus" / "clean").glob("*.*"):
        if source.name == "README.md":
            continue
        copy = tmp_path / source.name
        shutil.copy(source, copy)
        before = copy.read_bytes()
        assert run("fix", "--write", "--unsafe", str(copy)).returncode == 0
        assert copy.read_bytes() == before, source.name


def test_bad_input_gives_one_line_and_no_traceback(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    invalid = tmp_path / "latin1.txt"
    invalid.write_bytes("café".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    for path, expected in ((binary, "binary file"), (invalid, "not valid utf-8 at byte 3"), (missing, "no such file")):
        before = path.read_bytes() if path.is_file() else None
        result = run("fix", "--write", str(path))
        assert result.returncode == 2
        error = result.stderr.decode().strip()
        assert expected in error and len(error.splitlines()) == 1 and "Traceback" not in error
        if before is not None:
            assert path.read_bytes() == before
    latin = run("check", "--encoding", "latin-1", str(invalid))
    assert latin.returncode == 0


def test_broken_user_pack_is_one_line(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text('[[rule]]\nid = "x"\nkind = "regex"\npattern = "(("\ncategory = "c"\nmessage = "m"\n'
                    'explanation = "e"\n', encoding="utf-8")
    for args in (("rules", "test", str(pack)), ("check", "--rules", str(pack), str(MT))):
        result = run(*args)
        assert result.returncode == 2
        error = result.stderr.decode().strip()
        assert error.startswith(f"transfix: {pack}:4: mine.x: pattern does not compile") and "Traceback" not in error


def test_rules_test_on_user_pack(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[[rule]]\nid = "brexit"\nphrases = { "brexit" = "Brexit" }\ncase_sensitive = true\n'
        'category = "proper-name"\nmessage = "m"\nexplanation = "e"\n'
        'bad = [ { text = "after brexit", fixed = "after Brexit" } ]\ngood = [ "after Brexit" ]\n',
        encoding="utf-8",
    )
    result = run("rules", "test", str(pack))
    assert result.returncode == 0 and b"1 rules in 1 pack(s), 2 examples: 0 failure(s)" in result.stdout
    pack.write_text(pack.read_text().replace('fixed = "after Brexit"', 'fixed = "after BREXIT"'))
    result = run("rules", "test", str(pack))
    assert result.returncode == 1 and b"expected 'after BREXIT'" in result.stderr


def test_rules_list_and_show():
    listing = run("rules", "list").stdout.decode()
    assert "fr.acronyms" in listing and "total" in listing
    shown = run("rules", "show", "fr.acronyms.rpc").stdout.decode()
    assert "République populaire" in shown and "bad:" in shown
    assert run("rules", "show", "no.such.rule").returncode == 2


def test_diff_is_plain_when_piped_and_marks_levels():
    result = run("diff", str(MT))
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "\x1b[" not in out
    assert out.startswith(f"--- a/{MT}\n+++ b/{MT}\n")
    assert "unsafe: fr.calques.detach-the-node" in out and "suggest: common.boilerplate" in out
    assert "+The president said he hopes a call with the Chinese leader will untie the knot" in out


def test_diff_then_patch_equals_fix(tmp_path):
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    copy = tmp_path / "doc.txt"
    shutil.copy(MT, copy)
    diff = run("diff", "--no-suggest", "doc.txt", cwd=tmp_path).stdout
    fixed = run("fix", "doc.txt", cwd=tmp_path).stdout
    subprocess.run(["patch", "-p1", "-s"], input=diff, cwd=tmp_path, check=True)
    assert copy.read_bytes() == fixed


def test_console_script_is_installed():
    exe = shutil.which("transfix")
    assert exe is not None
    result = subprocess.run([exe, "--version"], capture_output=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith(b"transfix ")


def test_version_is_answered_without_the_command_line_parser():
    # Hooks ask on every run: the console script answers before typer and the commands load.
    code = ("import sys; sys.argv = ['transfix', '--version']; from transfix.entry import main; main(); "
            "print(sorted(m for m in ('typer', 'transfix.cli', 'transfix.engine') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    from transfix import __version__

    assert result.stdout.splitlines() == [f"transfix {__version__}", "[]"]
    module = subprocess.run([sys.executable, "-m", "transfix", "--version"], capture_output=True, text=True,
                            timeout=60, check=True)
    assert module.stdout == f"transfix {__version__}\n"

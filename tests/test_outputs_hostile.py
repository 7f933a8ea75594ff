"""Faults found by attacking the command line: output files that are not plain files, a BOM
against --encoding, fixes an encoding cannot hold, standard input in a batch, unknown selectors,
hostile user packs, addresses written without a scheme. Each runs the real command line."""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from transfix.textio import decode

DAMAGED = "The deal is worth $ 600 billion, behind payment walls.\n"


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, cwd=cwd,
                          input=stdin, timeout=300, check=False)


def one_line_error(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and words in lines[0], lines
    assert b"Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_report_refuses_a_pipe_a_folder_and_its_own_input(tmp_path):
    (tmp_path / "doc.txt").write_text(DAMAGED)
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    one_line_error(run("report", "doc.txt", "-o", "fifo", cwd=tmp_path), "not a regular file")
    assert stat.S_ISFIFO(os.stat(tmp_path / "fifo").st_mode)
    one_line_error(run("report", "doc.txt", "-o", "folder", cwd=tmp_path), "not a regular file")
    one_line_error(run("report", "doc.txt", "-o", "doc.txt", cwd=tmp_path), "is an input of this run")
    assert (tmp_path / "doc.txt").read_text() == DAMAGED
    export = run("review", "--export", "fifo", "doc.txt", cwd=tmp_path, stdin=b"y\n")
    one_line_error(export, "not a regular file")


def test_report_writes_through_a_link_and_keeps_the_mode(tmp_path):
    (tmp_path / "doc.txt").write_text(DAMAGED)
    (tmp_path / "target.html").write_text("old")
    os.symlink("target.html", tmp_path / "link.html")
    assert run("report", "doc.txt", "-o", "link.html", cwd=tmp_path).returncode == 0
    assert (tmp_path / "link.html").is_symlink()
    assert (tmp_path / "target.html").read_text().startswith("<!DOCTYPE html>")
    (tmp_path / "private.html").write_text("old")
    os.chmod(tmp_path / "private.html", 0o600)
    assert run("report", "doc.txt", "-o", "private.html", cwd=tmp_path).returncode == 0
    assert stat.S_IMODE(os.stat(tmp_path / "private.html").st_mode) == 0o600


def test_a_bom_wins_over_the_encoding_given():
    raw = b"\xef\xbb\xbfcaf\xc3\xa9\n"
    for name in ("utf-16", "latin-1", "utf-8-sig", None):
        document = decode(raw, "x.txt", name)
        assert (document.text, document.encoding, document.bom) == ("café\n", "utf-8", b"\xef\xbb\xbf")
        assert document.encode(document.text) == raw
    plain = decode(b"cafe\n", "x.txt", "utf-8-sig")
    assert plain.encode(plain.text) == b"cafe\n"  # no BOM added to a file that had none


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_told_by_auto_and_kept(tmp_path, codec):
    path = tmp_path / "wide.txt"
    path.write_bytes(DAMAGED.encode(codec))
    document = decode(path.read_bytes(), "wide.txt", "auto")
    assert (document.text, document.encoding, document.bom) == (DAMAGED, codec, b"")
    assert run("fix", "--write", "--encoding", "auto", "wide.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == "The deal is worth $600 billion, behind paywalls.\n".encode(codec)
    # Without --encoding auto, the NUL bytes are refused with a hint, not read as UTF-8.
    path.write_bytes(DAMAGED.encode(codec))
    one_line_error(run("check", "--grammar", "off", "wide.txt", cwd=tmp_path), f"looks like {codec}")


def test_binary_with_nul_bytes_is_still_binary_under_auto():
    raw = bytes(range(256)) * 8
    with pytest.raises(Exception, match="binary|not valid"):
        decode(raw, "blob.bin", "auto")


def test_fix_write_keeps_a_bom_whatever_encoding_is_given(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfThe deal is worth $ 600, caf\xc3\xa9.\n")
    assert run("fix", "--write", "--encoding", "utf-16", "bom.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == b"\xef\xbb\xbfThe deal is worth $600, caf\xc3\xa9.\n"


def test_a_fix_the_encoding_cannot_hold_leaves_that_file_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"He said \x93hello\x94; the deal is worth $ 600.\n")
    (tmp_path / "b.txt").write_bytes(b"The deal is worth $ 600.\n")
    result = run("fix", "--write", "--encoding", "latin-1", "a.txt", "b.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert b"cannot hold" in result.stderr and b"Traceback" not in result.stderr
    assert (tmp_path / "a.txt").read_bytes() == b"He said \x93hello\x94; the deal is worth $ 600.\n"
    assert (tmp_path / "b.txt").read_bytes() == b"The deal is worth $600.\n"


@pytest.mark.parametrize("jobs", [[], ["--jobs", "2"]])
def test_standard_input_with_other_paths_is_read(tmp_path, jobs):
    (tmp_path / "clean.txt").write_text("Clean.\n")
    checked = run("check", "--grammar", "off", *jobs, "-", "clean.txt", cwd=tmp_path, stdin=DAMAGED.encode())
    assert checked.returncode == 1 and b"<stdin>:1:19" in checked.stdout
    fixed = run("fix", *jobs, "-", "clean.txt", cwd=tmp_path, stdin=DAMAGED.encode())
    assert fixed.stdout.decode() == "The deal is worth $600 billion, behind paywalls.\nClean.\n"
    one_line_error(run("check", "-", "-", cwd=tmp_path, stdin=b"x"), "more than once")


@pytest.mark.parametrize("args, words", [
    (["--select", "normalize.typo"], "--select: unknown rule selector 'normalize.typo'"),
    (["--select", ""], "--select: empty value"),
    (["--ignore", "frr"], "--ignore: unknown rule selector 'frr'"),
])
def test_unknown_or_empty_selectors_are_refused(tmp_path, args, words):
    (tmp_path / "s.txt").write_text(DAMAGED)
    one_line_error(run("check", "--grammar", "off", "--no-config", *args, "s.txt", cwd=tmp_path), words)


def test_known_normalize_selector_and_unknown_accept(tmp_path):
    (tmp_path / "s.txt").write_text(DAMAGED)
    assert run("check", "--no-config", "--select", "normalize.mojibake", "s.txt", cwd=tmp_path).returncode == 0
    one_line_error(run("fix", "--no-config", "--accept", "no.such.rule", "s.txt", cwd=tmp_path),
                   "--accept: unknown rule selector 'no.such.rule'")
    one_line_error(run("fix", "--no-config", "--jsonl", "--write", "s.txt", cwd=tmp_path), "--write does not apply")


@pytest.mark.parametrize("body, key", [
    ('select = ["frr"]', "select"),
    ('[tool.transfix.fix-levels]\n"fr.typo" = "safe"', "fix-levels"),
    ('[tool.transfix.per-path-ignores]\n"*.txt" = ["no.such"]', "per-path-ignores"),
])
def test_unknown_selectors_in_the_configuration_name_the_file_and_key(tmp_path, body, key):
    (tmp_path / "pyproject.toml").write_text(f"[tool.transfix]\n{body}\n")
    (tmp_path / "a.txt").write_text("x\n")
    result = run("check", "a.txt", cwd=tmp_path)
    one_line_error(result, f"pyproject.toml: {key}: unknown rule selector")


def pack(tmp_path: Path, rule: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text('[pack]\npivot = ["fr"]\ncategory = "calque"\nfix = "safe"\n\n[[rule]]\n' + rule
                    + 'explanation = "e"\ngood = ["b"]\n')
    return path


def test_a_huge_repeat_and_a_multi_line_message_are_refused_at_load(tmp_path):
    pack(tmp_path, 'id = "q"\nkind = "regex"\npattern = "a{1000000000}"\nreplacement = "x"\nmessage = "m"\n'
                   'bad = [{ text = "a", fixed = "x" }]\n')
    one_line_error(run("rules", "test", "user.toml", cwd=tmp_path), "repeats more than 1000 times")
    pack(tmp_path, 'id = "w"\nkind = "phrase"\nphrases = { "widget gizmo" = "gadget" }\n'
                   'message = "m\\nforged.txt:9:9: fake.rule: injected"\n'
                   'bad = [{ text = "a widget gizmo", fixed = "a gadget" }]\n')
    one_line_error(run("rules", "test", "user.toml", cwd=tmp_path), "`message` is one line")


@pytest.mark.parametrize("name", ["u.txt", "u.md"])
def test_addresses_without_a_scheme_are_never_changed(tmp_path, name):
    text = ("Read example.com/OTAN/report.pdf and //cdn.example.com/OTAN/x.js today. "
            "Visit https: //www.example.com/OTAN now. The OTAN met.\n")
    (tmp_path / name).write_text(text)
    fixed = run("fix", "--no-config", name, cwd=tmp_path).stdout.decode()
    assert fixed == text.replace("https: //", "https://").replace("The OTAN", "The NATO")


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_fix_write_keeps_setgid_of_another_users_file(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("The deal is worth $ 600.\n")
    os.chown(path, 65534, 65534)
    os.chmod(path, 0o2775)
    assert run("fix", "--write", "g.txt", cwd=tmp_path).returncode == 0
    info = os.stat(path)
    assert (stat.S_IMODE(info.st_mode), info.st_uid) == (0o2775, 65534)


def test_review_edit_with_an_empty_line_cancels_the_edit(tmp_path):
    path = tmp_path / "e.txt"
    path.write_text("They told the point of sale the news.\n")
    result = run("review", "e.txt", cwd=tmp_path, stdin=b"e\n\nn\n")
    assert result.returncode == 0, result.stderr
    assert path.read_text() == "They told the point of sale the news.\n"


def test_the_walk_reads_ignore_files_as_git_does(tmp_path):
    from transfix.walk import iter_files

    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("excluded/\n")
    (tmp_path / ".gitignore").write_text("*.txt\nvendor/\n")
    for name in ("sub/keep.txt", "sub/other.txt", "sub/page.md", "vendor/v.md", "excluded/e.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x\n")
    (tmp_path / "sub" / ".gitignore").write_text("!keep.txt\n")
    found = {Path(p).relative_to(tmp_path).as_posix() for p in iter_files([str(tmp_path)])}
    assert found == {"sub/keep.txt", "sub/page.md"}
    # Starting below the top: the ignore files above still apply.
    assert {Path(p).name for p in iter_files([str(tmp_path / "sub")])} == {"keep.txt", "page.md"}
    assert list(iter_files([str(tmp_path / "vendor")])) == []


@pytest.mark.skipif(not __import__("shutil").which("patch"), reason="needs patch")
def test_diff_of_a_latin1_file_patches_to_what_fix_writes(tmp_path):
    raw = b"Caf\xe9: the deal is worth $ 600.\n"
    (tmp_path / "f.txt").write_bytes(raw)
    diff = run("diff", "--no-suggest", "--encoding", "latin-1", "f.txt", cwd=tmp_path).stdout
    subprocess.run(["patch", "-p1", "-s"], input=diff, cwd=tmp_path, check=True)
    (tmp_path / "g.txt").write_bytes(raw)
    assert run("fix", "--write", "--encoding", "latin-1", "g.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "f.txt").read_bytes() == (tmp_path / "g.txt").read_bytes() == b"Caf\xe9: the deal is worth $600.\n"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_diff_score_and_export_of_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(DAMAGED)
    for args in (["diff", name], ["score", name]):
        out = run(*args, cwd=tmp_path).stdout
        assert b"bad\\xffname.txt" in out
        out.decode("utf-8")  # valid UTF-8
    exported = run("review", "--export", "d.json", name, cwd=tmp_path, stdin=b"y\ny\n")
    assert exported.returncode == 0, exported.stderr
    applied = run("apply", "d.json", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert (tmp_path / name).read_text() == "The deal is worth $600 billion, behind paywalls.\n"


def test_sarif_uri_of_a_file_name_that_is_not_utf8_names_that_file(tmp_path):
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(DAMAGED)
    sarif = __import__("json").loads(run("check", "--grammar", "off", "--format", "sarif", name, cwd=tmp_path).stdout)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"] for loc in result["locations"]}
    assert uris == {"bad%FFname.txt"}


def test_email_spans_find_what_the_email_pattern_finds():
    """The '@'-anchored search (linear) gives the spans of the regex (which is quadratic on a long
    dotted token), with and without a leading \\b, inside any pos/endpos window."""
    import random
    import re

    from transfix import mask

    plain = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
    bounded = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice("ab1_.+-@ é,xZ") for _ in range(rng.randint(0, 24)))
        low = rng.randint(0, len(text))
        high = rng.randint(low, len(text))
        assert mask.email_spans(text, low, high) == [m.span() for m in plain.finditer(text, low, high)], text
        assert mask.email_spans(text, low, high, word_start=True) == [
            m.span() for m in bounded.finditer(text, low, high)], text


def test_the_library_refuses_wrong_types_with_a_clear_type_error():
    import transfix

    for call, words in [
        (lambda: transfix.check(None), "text must be a str, not NoneType"),
        (lambda: transfix.check(b"the OTAN"), "decode it first"),
        (lambda: transfix.Engine().repair(None), "text must be a str"),
        (lambda: transfix.Engine(select="fr"), "select must be a list of strings, not str"),
        (lambda: transfix.Engine(extra_rule_paths="/tmp/my-pack.toml"), "a list of paths"),
        (lambda: transfix.Engine(allow=[None]), "allow must be a list of strings"),
        (lambda: transfix.Engine(fix_levels={1: "safe"}), "fix_levels must map"),
    ]:
        with pytest.raises(TypeError, match=words):
            call()
    for timeout in (0, float("inf"), -1):
        with pytest.raises(ValueError, match="timeout"):
            transfix.Engine(timeout=timeout)


def test_a_long_line_with_one_character_to_normalise_stays_fast_and_exact():
    import transfix

    line = " ".join(f"word{i}" for i in range(12_000))
    findings = transfix.check(line + " \x00 and the OTAN.")
    assert [f.rule for f in findings if f.rule.startswith("normalize")] == ["normalize.control-char"]
    assert [f.text for f in findings if f.rule.startswith("normalize")] == ["\x00"]


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_a_host_name_alone_is_never_changed(kind):
    import transfix

    engine = transfix.Engine()
    text = "Visit OTAN.int or bbc.co.uk for the OTAN statement, e.g. today."
    assert engine.repair(text, kind=kind, unsafe=True).text == text.replace("the OTAN", "the NATO")


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_the_progress_bar_is_taken_down_before_a_finding_is_written(tmp_path):
    for number in range(30):
        (tmp_path / f"f{number:02}.txt").write_text(f"Clean text number {number} here.\n")
    (tmp_path / "f15.txt").write_text(DAMAGED)
    command = f"{shlex.quote(sys.executable)} -m transfix check --grammar off ."
    result = subprocess.run(["script", "-qc", command, "/dev/null"], capture_output=True, cwd=tmp_path,
                            timeout=300, check=False, env={**os.environ, "COLUMNS": "100"})
    screen = result.stdout.decode("utf-8", "replace")
    assert "f15.txt:1:19" in screen
    for line in screen.replace("\r", "\n").split("\n"):
        if "f15.txt:1:" in line:
            assert "━" not in line, repr(line)  # no bar drawn on the finding's line

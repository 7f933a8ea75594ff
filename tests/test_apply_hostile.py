"""A decisions file is untrusted input: `apply` writes only under its root, and only what is valid."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "Talks with the RPC resumed in Beijing.\n"


def run_apply(decisions: Path, cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", "apply", str(decisions), *extra],
                          capture_output=True, cwd=cwd, timeout=120)


def decisions_for(path: str, raw: bytes, decisions: list[dict]) -> dict:
    return {"version": 1, "kind": "transfix-decisions",
            "files": [{"path": path, "sha256": hashlib.sha256(raw).hexdigest(), "decisions": decisions}]}


def good_decision(**changes) -> dict:
    decision = {"rule": "fr.acronyms.rpc", "start": 15, "end": 18, "text": "RPC", "replacement": "PRC",
                "accepted": True}
    decision.update(changes)
    return decision


@pytest.fixture
def setup(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    inside = root / "a.txt"
    inside.write_text(TEXT, encoding="utf-8")
    return root, inside, outside


def write(root: Path, data: dict) -> Path:
    path = root / "decisions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["relative", "absolute", "symlinked-folder"])
def test_writes_outside_the_root_are_refused(setup, how):
    root, inside, outside = setup
    raw = outside.read_bytes()
    if how == "relative":
        target = "../outside.txt"
    elif how == "absolute":
        target = str(outside)
    else:
        os.symlink(outside.parent, root / "link")
        target = "link/outside.txt"
    result = run_apply(write(root, decisions_for(target, raw, [good_decision()])), root)
    assert result.returncode == 2
    assert b"outside" in result.stderr and len(result.stderr.splitlines()) == 1
    assert outside.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("change", [
    {"start": 18, "end": 15},  # start > end
    {"replacement": None}, {"replacement": 12345}, {"replacement": ["A", "B"]},
    {"accepted": "false"}, {"accepted": 1},
    {"start": 15.0}, {"start": "15"}, {"end": True},
])
def test_malformed_decisions_change_nothing(setup, change):
    root, inside, _ = setup
    result = run_apply(write(root, decisions_for("a.txt", inside.read_bytes(), [good_decision(**change)])), root)
    assert result.returncode == 2, result.stdout
    assert inside.read_text(encoding="utf-8") == TEXT


def test_offsets_past_the_end_and_double_inserts_are_refused(setup):
    root, inside, _ = setup
    raw = inside.read_bytes()
    past = good_decision(start=500, end=500, text="", replacement="EVIL")
    assert run_apply(write(root, decisions_for("a.txt", raw, [past])), root).returncode == 2
    inserts = [good_decision(start=4, end=4, text="", replacement="X"),
               good_decision(start=4, end=4, text="", replacement="Y")]
    assert run_apply(write(root, decisions_for("a.txt", raw, inserts)), root).returncode == 2
    assert inside.read_text(encoding="utf-8") == TEXT


def test_same_file_twice_is_refused_before_anything_is_written(setup):
    root, inside, _ = setup
    raw = inside.read_bytes()
    data = decisions_for("a.txt", raw, [good_decision()])
    data["files"].append(decisions_for("./a.txt", raw, [good_decision()])["files"][0])
    result = run_apply(write(root, data), root)
    assert result.returncode == 2 and b"listed twice" in result.stderr
    assert inside.read_text(encoding="utf-8") == TEXT


def test_a_valid_decision_inside_the_root_is_applied(setup):
    root, inside, _ = setup
    result = run_apply(write(root, decisions_for("a.txt", inside.read_bytes(), [good_decision()])), root)
    assert result.returncode == 0, result.stderr
    assert inside.read_text(encoding="utf-8") == TEXT.replace("RPC", "PRC")


def test_a_newline_in_a_file_name_cannot_start_an_output_line(tmp_path):
    (tmp_path / "x\n::error file=evil::pwned.txt").write_text("Talks with the RPC in Beijing, China.\n",
                                                              encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "transfix", "check", "--grammar", "off", "."],
                            capture_output=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert not [line for line in result.stdout.splitlines() if line.startswith(b"::")]
    assert b"x\\n::error" in result.stdout


def test_a_config_above_the_repository_is_not_read(tmp_path):
    (tmp_path / "transfix.toml").write_text('lt-server = "http://127.0.0.1:9"\nselect = ["nothing"]\n',
                                           encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "doc.txt").write_text("Talks with the RPC in Beijing, China.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "transfix", "check", "doc.txt"], capture_output=True,
                            cwd=repo, timeout=120)
    assert result.returncode == 1, result.stderr  # the repository's defaults, not the stranger's file
    assert b"127.0.0.1" not in result.stderr


def test_a_config_server_must_be_http_and_is_announced(tmp_path):
    config = tmp_path / "transfix.toml"
    (tmp_path / "doc.txt").write_text("It is fine.\n", encoding="utf-8")
    config.write_text('lt-server = "file:///etc/passwd"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "transfix", "check", "doc.txt"], capture_output=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 2 and b"must be an http" in result.stderr
    config.write_text('lt-server = "http://127.0.0.1:9"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "transfix", "check", "doc.txt"], capture_output=True,
                            cwd=tmp_path, timeout=120)
    assert b"sending text to LanguageTool at http://127.0.0.1:9" in result.stderr
    assert str(config).encode() in result.stderr


def test_fifos_and_devices_are_never_read(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "doc.txt").write_text("Talks with the RPC in Beijing, China.\n", encoding="utf-8")
    os.mkfifo(tree / "pipe.txt")
    os.symlink("/dev/zero", tree / "zero.txt")
    walked = subprocess.run([sys.executable, "-m", "transfix", "check", "--grammar", "off", "tree"],
                            capture_output=True, cwd=tmp_path, timeout=60)
    assert walked.returncode == 1 and b"doc.txt" in walked.stdout
    named = subprocess.run([sys.executable, "-m", "transfix", "check", "--grammar", "off", "tree/pipe.txt"],
                           capture_output=True, cwd=tmp_path, timeout=60)
    assert named.returncode == 2 and b"not a regular file" in named.stderr
    rules = subprocess.run([sys.executable, "-m", "transfix", "check", "--rules", "/dev/zero", "tree/doc.txt"],
                           capture_output=True, cwd=tmp_path, timeout=60)
    assert rules.returncode == 2 and b"not a regular file" in rules.stderr
    os.mkfifo(tmp_path / "pack.toml")
    pack = subprocess.run([sys.executable, "-m", "transfix", "rules", "test", "pack.toml"],
                          capture_output=True, cwd=tmp_path, timeout=60)
    assert pack.returncode == 2 and b"not a regular file" in pack.stderr
    os.mkfifo(tmp_path / "decisions.json")
    applied = run_apply(tmp_path / "decisions.json", tmp_path)
    assert applied.returncode == 2 and b"not a regular file" in applied.stderr


def test_hostile_user_packs_are_bounded(tmp_path):
    from transfix import Engine
    from transfix.errors import RuleError
    from transfix.loader import load_pack

    def pack(body: str) -> Path:
        path = tmp_path / "p.toml"
        path.write_text(body + '\ncategory = "c"\nmessage = "m"\nexplanation = "e"\n'
                        'bad = [ { text = "aaa", fixed = "aaaa" } ]\ngood = [ "b" ]\n', encoding="utf-8")
        return path

    with pytest.raises(RuleError, match="invalid escape"):
        load_pack(pack('[[rule]]\nid = "x"\nkind = "regex"\npattern = "a"\nreplacement = "\\\\q"'), "p")
    with pytest.raises(RuleError, match="invalid escape"):
        load_pack(pack('[[rule]]\nid = "x"\nkind = "regex"\npattern = "a"\nreplacement = "b\\\\"'), "p")
    regrow = load_pack(pack('[[rule]]\nid = "x"\nkind = "regex"\nfix = "safe"\npattern = "a+"\nreplacement = "\\\\g<0>\\\\g<0>"'), "p")
    repaired = Engine(rules=regrow, normalize_text=False).repair("a" * 1000)
    assert len(repaired.text) <= 2 * 1000 + 10_000 and not repaired.settled


@pytest.mark.parametrize("output", ["text", "json", "jsonl", "sarif", "github", "rdjson", "report"])
def test_file_names_that_are_not_utf8_give_valid_utf8_output(tmp_path, output):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Talks with the RPC in Beijing, China.\n")
    if output == "report":
        args = ["report", ".", "-o", str(tmp_path / "r.html")]
    else:
        args = ["check", "--grammar", "off", "--format", output, "."]
    result = subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, cwd=tmp_path,
                            timeout=120)
    assert result.returncode in (0, 1), result.stderr
    produced = (tmp_path / "r.html").read_bytes() if output == "report" else result.stdout
    decoded = produced.decode("utf-8")  # valid UTF-8, or this raises
    # Written \xNN, or in SARIF percent-encoded as the byte itself, so that the URI names the file.
    assert ("caf%E9" if output == "sarif" else "caf\\xe9") in decoded.replace("caf\\\\xe9", "caf\\xe9")


@pytest.mark.parametrize("config, needle", [
    ('type = "pdf"\n', b"`type` must be one of"),
    ('grammar = "bogus"\n', b"`grammar` must be one of"),
    ("a = " + "[" * 50_000 + "]" * 50_000 + "\n", b"nested too deeply"),
])
def test_malformed_configuration_is_one_line_naming_the_file(tmp_path, config, needle):
    (tmp_path / "transfix.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("fine\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "transfix", "check", "a.txt"], capture_output=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 2 and needle in result.stderr and b"internal error" not in result.stderr
    assert b"transfix.toml" in result.stderr


def test_output_files_are_written_atomically_when_the_disk_fills(tmp_path):
    import resource
    import signal

    doc = tmp_path / "doc.txt"
    doc.write_text("Talks with the RPC in Beijing, China. " * 200 + "\n", encoding="utf-8")
    report = tmp_path / "report.html"
    report.write_text("<html>the previous report</html>" * 10_000, encoding="utf-8")  # about 330 KB
    before = report.read_bytes()

    def small_disk():  # a write past 64 KB fails (EFBIG), as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65_536, 65_536))

    result = subprocess.run([sys.executable, "-m", "transfix", "report", "doc.txt", "-o", "report.html"],
                            capture_output=True, cwd=tmp_path, timeout=120, preexec_fn=small_disk)
    assert result.returncode == 2 and b"cannot write" in result.stderr
    assert report.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".transfix")] == []


DAMAGED = "They hid it behind payment walls, worth $ 600.\n"
FIXED = "They hid it behind paywalls, worth $600.\n"


def fix_write(cwd: Path, *names: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", "fix", "--write", *names], capture_output=True,
                          cwd=cwd, timeout=120)


def test_fix_writes_through_symlinks_and_refuses_hard_links(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(DAMAGED, encoding="utf-8")
    os.symlink("real.txt", tmp_path / "link.txt")
    assert fix_write(tmp_path, "link.txt").returncode == 0
    assert (tmp_path / "link.txt").is_symlink() and real.read_text(encoding="utf-8") == FIXED
    first = tmp_path / "first.txt"
    first.write_text(DAMAGED, encoding="utf-8")
    os.link(first, tmp_path / "second.txt")
    result = fix_write(tmp_path, "first.txt")
    assert result.returncode == 2 and b"hard links" in result.stderr
    assert first.read_text(encoding="utf-8") == DAMAGED and os.stat(first).st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_fix_as_root_keeps_the_owner_and_mode(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(DAMAGED, encoding="utf-8")
    os.chown(doc, 65534, 65534)
    os.chmod(doc, 0o600)
    assert fix_write(tmp_path, "doc.txt").returncode == 0
    info = os.stat(doc)
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o600)
    assert doc.read_text(encoding="utf-8") == FIXED


def test_two_runs_at_once_lose_no_reported_change(tmp_path):
    names = [f"f{i:03d}.txt" for i in range(60)]
    for name in names:
        (tmp_path / name).write_text(DAMAGED, encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "transfix", "fix", "--write", "--jobs", "1", *names],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    reported = [line for _, err in outputs for line in err.decode().splitlines() if "applied" in line]
    for name in names:
        assert (tmp_path / name).read_text(encoding="utf-8") == FIXED
    # Each file's change is reported by exactly one of the two runs; the other refuses or finds nothing.
    assert len([line for line in reported if line.split(":")[0] in names]) == len(names)


def test_ctrl_c_with_workers_is_one_line_and_leaves_no_worker(tmp_path):
    import signal
    import time

    for i in range(1500):
        (tmp_path / f"f{i}.txt").write_text("Talks with the RPC in Beijing, China. " * 200 + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "transfix", "check", "--grammar", "off", "--jobs", "2", "."]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().strip().splitlines() == ["transfix: interrupted"]
    # Killing the parent alone takes its workers with it.
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    process.kill()
    process.wait(timeout=30)
    time.sleep(1.5)
    left = subprocess.run(["pgrep", "-f", "transfix check --grammar off --jobs 2 ."], capture_output=True)
    assert left.stdout.strip() == b""


def test_a_catastrophic_antipattern_costs_one_timeout_and_one_warning(tmp_path):
    import time

    from transfix import Engine
    from transfix.loader import load_pack

    pack = tmp_path / "p.toml"
    pack.write_text(
        '[[rule]]\nid = "x"\nphrases = { "foo" = "bar" }\nantipatterns = ["(a|aa)+$"]\ncategory = "c"\n'
        'message = "m"\nexplanation = "e"\nbad = [ { text = "foo", fixed = "bar" } ]\ngood = [ "z" ]\n',
        encoding="utf-8")
    engine = Engine(rules=load_pack(pack, "p"), normalize_text=False, timeout=0.2)
    text = ("foo " + "a" * 40 + "b ") * 20
    started = time.monotonic()
    analysis = engine.analyze(text)
    assert time.monotonic() - started < 2.0  # one timeout, not one per hit
    assert [w for w in analysis.warnings if "antipattern stopped" in w] and analysis.findings == ()


def test_a_path_past_path_max_is_one_line_and_the_walk_goes_on(tmp_path):
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        name = "d" * 200
        for _ in range(22):  # more than 4,096 characters deep
            os.mkdir(name)
            os.chdir(name)
        with open("x.txt", "w", encoding="utf-8") as handle:
            handle.write("Talks with the RPC in Beijing, China.\n")
    finally:
        os.chdir(here)
    (tmp_path / "ok.txt").write_text("Talks with the RPC in Beijing, China.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "transfix", "check", "--grammar", "off", "."],
                            capture_output=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert b"ok.txt:1:16: fr.acronyms.rpc" in result.stdout
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 1 and "too long" in errors[0] and "internal error" not in errors[0]


def test_a_full_disk_on_large_files_fails_per_file_and_changes_nothing(tmp_path):
    import resource
    import signal

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Talks with the RPC in Beijing, China. worth $ 600.\n" * 3000, encoding="utf-8")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    env = dict(os.environ, TRANSFIX_LARGE_FILE_BYTES="10000")
    result = subprocess.run([sys.executable, "-m", "transfix", "fix", "--write", "a.txt", "b.txt"],
                            capture_output=True, cwd=tmp_path, env=env, timeout=300, preexec_fn=small_disk)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 2 and all("cannot write" in line for line in lines)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").count("$ 600") == 3000


def test_with_jobs_every_write_is_reported_beside_the_failures(tmp_path):
    import resource
    import signal

    (tmp_path / "big.txt").write_text("Talks with the RPC in Beijing, China. worth $ 600.\n" * 3000, encoding="utf-8")
    for i in range(4):
        (tmp_path / f"small{i}.txt").write_text("It is worth $ 600.\n", encoding="utf-8")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    env = dict(os.environ, TRANSFIX_LARGE_FILE_BYTES="10000")
    names = ["big.txt"] + [f"small{i}.txt" for i in range(4)]
    result = subprocess.run([sys.executable, "-m", "transfix", "fix", "--write", "--jobs", "2", *names],
                            capture_output=True, cwd=tmp_path, env=env, timeout=300, preexec_fn=small_disk)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "big.txt: cannot write" in err
    for i in range(4):
        assert f"small{i}.txt: applied 1 fix(es)" in err
        assert (tmp_path / f"small{i}.txt").read_text(encoding="utf-8") == "It is worth $600.\n"


def test_apply_writes_through_a_symlink_inside_the_root(setup):
    root, inside, _ = setup
    os.symlink("a.txt", root / "link.txt")
    result = run_apply(write(root, decisions_for("link.txt", inside.read_bytes(), [good_decision()])), root)
    assert result.returncode == 0, result.stderr
    assert (root / "link.txt").is_symlink() and inside.read_text(encoding="utf-8") == TEXT.replace("RPC", "PRC")

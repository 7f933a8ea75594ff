"""Grammar checking: Harper (real, offline) and LanguageTool (against a protocol stand-in)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import transfix
from transfix.backends import GrammarOptions, build_grammar
from transfix.grammar import GrammarChecker, GrammarIssue, GrammarUnavailable, HarperBackend, paragraphs
from transfix.languagetool import LanguageToolBackend, LocalServer, find_languagetool_jar, utf16_to_code_points
from transfix.model import FixLevel, Source

HERE = Path(__file__).resolve().parent
FAKE = [sys.executable, str(HERE / "fake_languagetool.py"), "--port", "{port}"]
MT = HERE.parent / "corpus" / "mt" / "trade-talks.txt"


@pytest.fixture(scope="module")
def harper_engine():
    """Harper with the lints these tests exercise, beside the measured default set."""
    lints = frozenset({"AnA", "PronounVerbAgreement", "SpellCheck", "CurrencyPlacement"})
    return transfix.Engine(grammar=GrammarChecker(HarperBackend(enable=lints)))


def grammar_of(findings):
    return [f for f in findings if f.source is Source.GRAMMAR]


def test_seed_has_harper_findings_beside_rules_and_no_name_noise(seed_text):
    everything = transfix.Engine(grammar=GrammarChecker(HarperBackend(enable=frozenset({"all"}))))
    findings = everything.check(seed_text)
    grammar = grammar_of(findings)
    assert grammar and any(f.source is Source.RULES for f in findings)
    assert all(f.rule.startswith("grammar.harper.") and f.fix is FixLevel.SUGGEST for f in grammar)
    names = {"Xi", "Jinping", "Zelensky", "Ramaphosa", "Doshi", "Leavitt", "Greer", "Broadman", "Politico"}
    assert not [f for f in grammar if f.text in names]


def test_harper_finds_grammar_and_keeps_out_of_protected_spans(harper_engine):
    text = "I has a apple. See `I has a apple` and https://example.com/I-has-a-apple today.\n"
    grammar = grammar_of(harper_engine.check(text))
    assert {f.rule for f in grammar} >= {"grammar.harper.AnA", "grammar.harper.PronounVerbAgreement"}
    assert all(f.end <= text.index("See") for f in grammar)


def test_proper_names_are_not_spelling_errors_but_typos_are(harper_engine):
    grammar = grammar_of(harper_engine.check("Volodymyr Zelensky met Cyril Ramaphosa and the presss."))
    assert [(f.rule, f.text) for f in grammar] == [("grammar.harper.SpellCheck", "presss")]


def test_default_lints_are_the_measured_set_and_unknown_names_are_rejected():
    from transfix.errors import TransfixError
    from transfix.grammar import HARPER_DEFAULT, UnknownLint

    default = HarperBackend()
    assert default.enabled == HARPER_DEFAULT
    engine = transfix.Engine(grammar=GrammarChecker(default))
    # A misspelling and a wrong article stay quiet by default (one flag away).
    assert grammar_of(engine.check("I saw a apple in the presss.")) == []
    assert "RepeatedWords" in default.enabled and "SpellCheck" not in default.enabled
    assert HarperBackend(enable=frozenset({"all"})).enabled >= {"SpellCheck", "AnA", "LongSentences"}
    with pytest.raises(UnknownLint, match="unknown Harper lint 'Nope'"):
        HarperBackend(enable=frozenset({"Nope"}))
    assert issubclass(UnknownLint, TransfixError)


def test_grammar_sees_prose_only():
    engine = transfix.Engine(grammar=GrammarChecker(HarperBackend(enable=frozenset({"AnA", "Spaces"}))))
    text = "# Title\n\n1. First item\n\n   continued here with `a apple` code.\n\n| a | b |\n|---|---|\n"
    assert grammar_of(engine.check(text, kind="markdown")) == []


def test_style_lints_are_off_unless_enabled():
    long_sentence = "The committee " + " and ".join(["met again to discuss the budget"] * 12) + "."
    quiet = transfix.Engine(grammar=GrammarChecker(HarperBackend()))
    assert not [f for f in grammar_of(quiet.check(long_sentence)) if f.rule.endswith("LongSentences")]
    loud = transfix.Engine(grammar=GrammarChecker(HarperBackend(enable=frozenset({"LongSentences"}))))
    assert [f for f in grammar_of(loud.check(long_sentence)) if f.rule.endswith("LongSentences")]


def test_grammar_is_dropped_where_a_rule_reports_the_same_span(harper_engine):
    findings = harper_engine.check("It is worth $ 600 billion.")
    assert [f.rule for f in findings] == ["common.typography.currency-space"]


def test_grammar_rules_can_be_ignored_by_prefix():
    backend = HarperBackend(enable=frozenset({"AnA"}))
    engine = transfix.Engine(grammar=GrammarChecker(backend), ignore=["grammar.harper.AnA"])
    assert [f.rule for f in engine.check("I saw a apple.")] == []


def test_grammar_fixes_apply_only_when_accepted(harper_engine):
    text = "I saw a apple."
    assert harper_engine.repair(text).text == text
    assert harper_engine.repair(text, accept=["grammar.harper.AnA"]).text == "I saw an apple."


class CountingBackend:
    name = "counting"

    def __init__(self):
        self.calls = 0

    def lint(self, paragraph):
        self.calls += 1
        return [GrammarIssue("X", 0, 1, "m", (), "misc")] if paragraph.startswith("Bad") else []

    def close(self):
        pass


def test_paragraphs_are_cached_and_offsets_are_in_text_coordinates():
    backend = CountingBackend()
    checker = GrammarChecker(backend)
    boilerplate = "Bad boilerplate paragraph."
    text = f"Intro.\n\n{boilerplate}\n\nMiddle.\n\n{boilerplate}\n"
    issues = checker.check(text)
    assert [text[i.start:i.end] for i in issues] == ["B", "B"]
    assert backend.calls == 3
    checker.check(text)
    assert backend.calls == 3


def test_paragraph_splitting_caps_long_blocks():
    text = ("word " * 3000).strip()
    pieces = list(paragraphs(text))
    assert all(len(p) <= 5000 for _, p in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert sum(len(p.split()) for _, p in pieces) == 3000


def test_utf16_offsets_map_to_code_points():
    text = "a😀b𝒳c"
    convert = utf16_to_code_points(text)
    assert [convert(i) for i in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]


@pytest.fixture
def fake_server():
    servers = []

    def start(mode: str = "ok") -> LocalServer:
        server = LocalServer(FAKE + ["--mode", mode], startup_timeout=20)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def test_languagetool_protocol_with_text_outside_the_bmp(fake_server):
    server = fake_server()
    backend = LanguageToolBackend(server.url)
    assert "en-US" in backend.languages()
    text = "Emoji 😀😀 then a apple and teh 𝒳 end."
    issues = backend.lint(text)
    assert [(i.rule, text[i.start:i.end], i.replacements[0]) for i in issues] == [
        ("EN_A_VS_AN", "a", "an"), ("MORFOLOGIK_RULE_EN_US", "teh", "the")]


def test_languagetool_style_category_and_disabled_rules_are_filtered(fake_server):
    server = fake_server()
    long_text = "a apple " + "word " * 50
    assert "TOO_LONG_SENTENCE" not in {i.rule for i in LanguageToolBackend(server.url).lint(long_text)}
    disabled = LanguageToolBackend(server.url, disable=frozenset({"EN_A_VS_AN"}))
    assert "EN_A_VS_AN" not in {i.rule for i in disabled.lint(long_text)}


def test_languagetool_findings_in_the_engine(fake_server):
    server = fake_server()
    engine = transfix.Engine(grammar=GrammarChecker(LanguageToolBackend(server.url)))
    text = "We ate a apple 😀 in Beijing; the RPC paid."
    findings = engine.check(text)
    rules = {f.rule for f in findings}
    assert {"grammar.languagetool.EN_A_VS_AN", "fr.acronyms.rpc"} <= rules
    (an,) = [f for f in findings if f.rule == "grammar.languagetool.EN_A_VS_AN"]
    assert text[an.start:an.end] == "a" and an.start == text.index("a apple")


@pytest.mark.parametrize("mode, expected", [("error", "HTTP 500"), ("garbage", "JSON"), ("slow", "not reachable")])
def test_languagetool_faults_are_one_clear_error(fake_server, mode, expected):
    server = fake_server(mode)
    backend = LanguageToolBackend(server.url, timeout=1.0)
    with pytest.raises(GrammarUnavailable, match=expected):
        backend.lint("a apple")


def test_local_server_starts_and_stops():
    server = LocalServer(FAKE, startup_timeout=20)
    url = server.start()
    process = server.process
    assert LanguageToolBackend(url).languages()
    server.stop()
    assert process.poll() is not None
    with pytest.raises(GrammarUnavailable):
        LanguageToolBackend(url, timeout=1).languages()


def test_local_server_that_exits_or_never_answers_is_reported():
    with pytest.raises(GrammarUnavailable, match="exited during start-up"):
        LocalServer([sys.executable, "-c", "raise SystemExit(3)"], startup_timeout=10).start()
    hung = LocalServer([sys.executable, "-c", "import time; time.sleep(60)"], startup_timeout=1.5)
    started = time.monotonic()
    with pytest.raises(GrammarUnavailable, match="did not answer within"):
        hung.start()
    assert time.monotonic() - started < 15 and hung.process is None


def run(*args):
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, timeout=120)


def test_cli_falls_back_when_languagetool_is_down():
    auto = run("check", "--lt-server", "http://127.0.0.1:9", str(MT))
    assert auto.returncode == 1  # findings from the rules, as without grammar
    warnings = [line for line in auto.stderr.decode().splitlines() if line]
    assert len(warnings) == 1 and "LanguageTool" in warnings[0] and "not reachable" in warnings[0]
    explicit = run("check", "--grammar", "languagetool", "--lt-server", "http://127.0.0.1:9", str(MT))
    assert explicit.returncode == 2 and "Traceback" not in explicit.stderr.decode()


def test_cli_starts_a_local_languagetool_and_stops_it(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("We ate a apple.\n", encoding="utf-8")
    command = " ".join(FAKE)
    result = run("check", "--grammar", "languagetool", "--lt-command", command, str(doc))
    assert result.returncode == 1, result.stderr
    assert b"grammar.languagetool.EN_A_VS_AN" in result.stdout


def test_missing_languagetool_installation_is_a_clear_error(tmp_path):
    with pytest.raises(GrammarUnavailable, match="no LanguageTool found"):
        find_languagetool_jar(str(tmp_path))
    checker, required, warnings = build_grammar(GrammarOptions(mode="auto", lt_path=str(tmp_path)))
    assert checker is None and not required and "no LanguageTool found" in warnings[0]


def test_public_api_is_never_the_default():
    checker, _, _ = build_grammar(GrammarOptions(mode="auto"))
    assert checker.name == "harper"
    with pytest.raises(GrammarUnavailable, match="no LanguageTool configured"):
        build_grammar(GrammarOptions(mode="languagetool"))


def _real_languagetool() -> str | None:
    if os.environ.get("TRANSFIX_LT_SERVER"):
        return os.environ["TRANSFIX_LT_SERVER"]
    return None


@pytest.mark.skipif(_real_languagetool() is None, reason="no real LanguageTool server (set TRANSFIX_LT_SERVER)")
def test_against_a_real_languagetool():
    backend = LanguageToolBackend(_real_languagetool())
    text = "Emoji 😀 first. He have a apple."
    issues = backend.lint(text)
    assert any(i.rule == "EN_A_VS_AN" and text[i.start:i.end] == "a" for i in issues)


def test_harper_starts_on_a_thread_and_close_waits_for_it():
    """The default backend starts Harper on a thread (it loads its dictionary while the rules
    load); linting waits for it, and close() never leaves it running."""
    backend = HarperBackend()
    issues = backend.lint("The the cat sat.")
    assert [i.rule for i in issues] == ["RepeatedWords"]
    fresh = HarperBackend()
    fresh.close()
    assert fresh._warming is not None and not fresh._warming.is_alive()

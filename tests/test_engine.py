"""The pipeline: normalisation, masking, matching, case, offsets, overlaps, repair."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import transfix
from transfix.casing import keep_case
from transfix.model import FixLevel, Source


def rules_of(findings):
    return [f.rule for f in findings]


def test_library_check_and_repair():
    text = "Beijing curbed exports of rare lands; the RPC said nothing."
    findings = transfix.check(text)
    assert {"fr.calques.rare-lands", "fr.acronyms.rpc"} <= set(rules_of(findings))
    result = transfix.repair(text, unsafe=True)
    assert result.text == "Beijing curbed exports of rare earths; the PRC said nothing."
    assert transfix.repair(text).text == text  # both fixes are unsafe


def test_pending_findings_are_returned_not_applied():
    text = "China has slowed its new expeditions of critical minerals."
    result = transfix.repair(text, unsafe=True)
    assert result.text == text
    assert [f.rule for f in result.pending] == ["fr.false-friends.expeditions-shipments"]
    assert result.pending[0].fix is FixLevel.SUGGEST


@pytest.mark.parametrize(
    "original, replacement, expected",
    [("Point of sale", "outlet", "Outlet"), ("RPC", "prc", "PRC"), ("lever effect", "leverage", "leverage"),
     ("LEVER EFFECT", "leverage", "LEVERAGE"), ("pekin", "Beijing", "Beijing"), ("x", "", "")],
)
def test_keep_case(original, replacement, expected):
    assert keep_case(original, replacement) == expected


def test_replacement_keeps_case_of_match(engine):
    assert engine.repair("Payment walls are everywhere.").text == "Paywalls are everywhere."
    assert engine.repair("PAYMENT WALLS ARE EVERYWHERE.").text == "PAYWALLS ARE EVERYWHERE."


def test_phrases_match_across_line_breaks_and_only_at_word_boundaries(engine):
    assert rules_of(engine.check("behind payment\nwalls")) == ["fr.calques.payment-walls"]
    assert engine.check("prepayment walls") == []
    assert engine.check("payment wallsx") == []


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.com/payment-walls?q=payment walls for details.",
        "Write to payment.walls@example.com today.",
        "Run `echo payment walls` in a shell.",
        "```\nbehind payment walls\n```\n",
        '<a title="payment walls">link</a>',
        "<!-- payment walls -->",
        "<script>var s = 'payment walls';</script>",
    ],
)
def test_protected_spans_are_never_touched(engine, text):
    assert engine.check(text) == []
    assert engine.repair(text, unsafe=True).text == text


def test_normalisation_findings_are_reported_and_keep_curly_quotes(engine):
    text = "The cafÃ© said “yes” to the ﬁnal offer."
    findings = engine.check(text)
    assert [(f.rule, f.text, f.replacement) for f in findings] == [
        ("normalize.mojibake", "Ã©", "é"),
        ("normalize.ligature", "ﬁ", "fi"),
    ]
    assert all(f.source is Source.NORMALIZE and f.fix is FixLevel.SAFE for f in findings)
    assert engine.repair(text).text == "The café said “yes” to the final offer."


def test_offsets_point_into_the_text_as_given_after_normalisation(engine):
    text = "CafÃ© owners said the RPC and Beijing had a lever effect."
    findings = {f.rule: f for f in engine.check(text)}
    for finding in findings.values():
        assert text[finding.start:finding.end] == finding.text
    lever = findings["fr.calques.lever-effect"]
    assert lever.text == "a lever effect" and lever.column == lever.start + 1


def test_line_and_column_are_one_based(engine):
    text = "First line.\n\nThey built payment walls."
    (finding,) = engine.check(text)
    assert (finding.line, finding.column) == (3, 12)


def test_overlapping_rules_keep_the_longest_finding(engine):
    # fr.acronyms.pekin ("the Pekins resolve") and the lost-apostrophe rule ("Pekins resolve") overlap.
    findings = engine.check("This only stiffens the Pekins resolve, he added.")
    assert rules_of(findings) == ["fr.acronyms.pekin"]
    assert findings[0].replacement == "Beijing's resolve"


def test_fixes_inside_a_boilerplate_block_are_still_reported(engine):
    text = "Your support helps us tell the story behind payment walls.\n\nNext."
    assert rules_of(engine.check(text)) == ["common.boilerplate.donation-appeal", "fr.calques.payment-walls"]
    assert engine.repair(text).text == text.replace("payment walls", "paywalls")
    assert engine.repair(text, strip_boilerplate=True).text == "Next."


def test_fix_is_idempotent_and_settles(engine, seed_text):
    once = engine.repair(seed_text, unsafe=True)
    assert once.settled
    assert engine.repair(once.text, unsafe=True).text == once.text


def test_select_ignore_and_pivot():
    text = "The OTAN met; prices rose $ 5."
    assert rules_of(transfix.Engine(select=["common"]).check(text)) == ["common.typography.currency-space"]
    assert "fr.acronyms.otan" not in rules_of(transfix.Engine(ignore=["fr.acronyms"]).check(text))
    assert "fr.acronyms.otan" in rules_of(transfix.Engine(pivots=["es"]).check(text))  # OTAN is also Spanish
    assert "fr.acronyms.otan" not in rules_of(transfix.Engine(pivots=["de"]).check(text))
    assert transfix.Engine(select=["fra"]).check(text) == []  # prefixes stop at dots


def test_context_conditions():
    engine = transfix.Engine(select=["fr.acronyms.rpc"])
    assert engine.check("The RPC diplomats met.") == []  # no mention of China
    assert rules_of(engine.check("The RPC diplomats met in Beijing.")) == ["fr.acronyms.rpc"]


def test_a_catastrophic_user_pattern_is_stopped(tmp_path):
    pack = tmp_path / "slow.toml"
    pack.write_text(
        '[[rule]]\nid = "slow"\nkind = "regex"\npattern = "(a|a)+c"\nreplacement = "x"\n'
        'category = "c"\nmessage = "m"\nexplanation = "e"\n'
        'bad = [ { text = "ac", fixed = "x" } ]\ngood = [ "c" ]\n',
        encoding="utf-8",
    )
    engine = transfix.Engine(rule_paths=[pack], timeout=0.05)
    analysis = engine.analyze("a" * 40 + "!")
    assert analysis.findings == ()
    assert "slow.slow" in analysis.warnings[0] and "stopped" in analysis.warnings[0]


def test_one_engine_shared_by_threads_gives_identical_results(engine, seed_text):
    expected = engine.check(seed_text)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(engine.check, [seed_text] * 32))
    assert all(result == expected for result in results)


def test_library_compiles_rules_once():
    from transfix.engine import shared_engine

    assert shared_engine() is shared_engine()
    transfix.check("one")
    transfix.check("two")
    assert shared_engine(select=(), ignore=(), pivots=()) is shared_engine(select=(), ignore=(), pivots=())


def test_empty_and_whitespace_text(engine):
    assert engine.check("") == []
    assert engine.repair("  \n\t\n").text == "  \n\t\n"


GATED_PACK = """
[[rule]]
id = "evidence"
phrases = { "the RPC" = "the PRC", "point of sale" = "outlet" }
category = "acronym"
fix = "safe"
confidence = 1.0
message = "m"
explanation = "e"
bad = [ { text = "the RPC", fixed = "the PRC" } ]
good = [ "the PRC" ]

[[rule]]
id = "dash"
kind = "regex"
pattern = '(?<=\\w) - (?=\\w)'
replacement = " — "
category = "typography"
fix = "suggest"
context = { roundtrip = true }
message = "m"
explanation = "e"
bad = [ { text = "a - b", fixed = "a — b" } ]
good = [ "a — b" ]
"""


def test_roundtrip_context_reports_only_in_a_document_the_other_rules_call_a_round_trip(tmp_path):
    from transfix.engine import Engine
    from transfix.loader import load_pack

    path = tmp_path / "pack.toml"
    path.write_text(GATED_PACK, encoding="utf-8")
    rules = load_pack(path, "pack")
    native = "The mayor - who had promised to stay - resigned on Friday."
    translated = native + " Talks with the RPC resumed. The minister told the point of sale."
    engine = Engine(rules=rules, normalize_text=False)
    assert engine.check(native) == []
    assert [f.rule for f in engine.check(translated)] == ["pack.dash", "pack.dash", "pack.evidence", "pack.evidence"]
    # A long document with the same two findings is not a round trip: the evidence is a density.
    diluted = translated + " The council met at noon and voted on the budget." * 200
    assert {f.rule for f in engine.check(diluted)} == {"pack.evidence"}
    # The caller may say it knows (rule examples are checked that way).
    assert [f.rule for f in Engine(rules=rules, assume_roundtrip=True).check(native)] == ["pack.dash", "pack.dash"]


def test_roundtrip_context_must_be_a_boolean(tmp_path):
    from transfix.errors import RuleError
    from transfix.loader import load_pack

    path = tmp_path / "pack.toml"
    path.write_text(GATED_PACK.replace("roundtrip = true", 'roundtrip = "yes"'), encoding="utf-8")
    with pytest.raises(RuleError, match="context.roundtrip"):
        load_pack(path, "pack")


def test_one_finding_in_a_short_text_does_not_open_the_round_trip_gate(engine):
    # One slip in a caption reaches the gate's probability alone (short texts count as 200
    # words); the gated rules wait for a second finding.
    one = [f.rule for f in engine.check("The deal is worth $ 600 - a record sum.")]
    assert one == ["common.typography.currency-space"]
    two = [f.rule for f in engine.check("The deal is worth $ 600 - a record sum behind payment walls.")]
    assert "common.typography-roundtrip.spaced-hyphen-dash" in two


def test_gated_rules_may_confirm_one_finding_in_a_short_text(engine):
    # A short round-tripped text may hold one ungated finding only; a gated rule that names the
    # French construction (silent on native text with the gate forced open) confirms it ...
    text = "The singer paid $ 600 for the dress after her complications of health."
    assert [f.rule for f in engine.check(text)] == [
        "common.typography.currency-space", "fr.calques-structures7.complications-for-health"]
    # ... a gated rule alone opens nothing, and gated typography (a habit of some native
    # styles) confirms nothing
    assert not engine.check("She had complications of health.")
    assert [f.rule for f in engine.check("The deal is worth $ 600 - a record sum.")] == [
        "common.typography.currency-space"]


def test_only_a_short_text_is_confirmed_by_the_gated_rules(engine):
    # In a long text one finding is no evidence, and the gated rules do not run to look for more.
    filler = "The council met on Tuesday and the members voted on the budget for the coming year. " * 30
    text = filler + "The singer paid $ 600 for the dress after her complications of health."
    assert [f.rule for f in engine.check(text)] == ["common.typography.currency-space"]

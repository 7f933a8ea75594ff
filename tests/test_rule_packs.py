"""Every example of every shipped rule is a test, and broken packs fail with file:line: id."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from transfix.errors import RuleError
from transfix.loader import default_rules_dir, load_pack, load_rules
from transfix.selftest import check_examples

SHIPPED = load_rules([default_rules_dir()])


@pytest.mark.parametrize("rule", SHIPPED, ids=[r.id for r in SHIPPED])
def test_rule_examples(rule):
    failures = check_examples([rule], SHIPPED)
    assert not failures, "\n".join(map(str, failures))


def test_every_rule_has_good_and_bad_examples():
    assert all(rule.bad and rule.good for rule in SHIPPED)


def test_rule_ids_follow_pack_paths():
    for rule in SHIPPED:
        pack_path = Path(rule.source_file).relative_to(default_rules_dir()).with_suffix("")
        assert rule.pack == ".".join(pack_path.parts)


GOOD_RULE = """
[[rule]]
id = "x"
phrases = { "lever effect" = "leverage" }
category = "calque"
message = "m"
explanation = "e"
bad = [ { text = "a lever effect", fixed = "a leverage" } ]
good = [ "leverage" ]
"""


def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, where, rule_id, problem",
    [
        ("[[rule]]\nid = \"x\"\nphrases = {", "end", "-", "invalid TOML"),
        (GOOD_RULE + "colour = 'red'\n", "[[rule]]", "pack.x", "unknown field 'colour'"),
        (GOOD_RULE.replace('phrases = { "lever effect" = "leverage" }',
                           'kind = "regex"\npattern = "(unclosed"\nreplacement = "x"'), "pattern", "pack.x", "does not compile"),
        (GOOD_RULE + GOOD_RULE, "last [[rule]]", "pack.x", "duplicate rule id"),
        (GOOD_RULE.replace('good = [ "leverage" ]', ""), "[[rule]]", "pack.x", "no `good` example"),
        (GOOD_RULE.replace('bad = [ { text = "a lever effect", fixed = "a leverage" } ]', ""), "[[rule]]", "pack.x", "no `bad` example"),
        (GOOD_RULE.replace('category = "calque"', 'category = "calque"\nfix = "maybe"'), "fix", "pack.x", "fix must be"),
        (GOOD_RULE.replace('phrases = { "lever effect" = "leverage" }',
                           'kind = "regex"\npattern = "(a)"\nreplacement = "\\\\2"'), "replacement", "pack.x", "group 2"),
        (GOOD_RULE.replace('phrases = { "lever effect" = "leverage" }',
                           'kind = "regex"\npattern = "a*"\nreplacement = ""'), "pattern", "pack.x", "empty string"),
        (GOOD_RULE.replace('id = "x"', 'id = "Bad Id"'), "[[rule]]", "Bad Id", "invalid id"),
        (GOOD_RULE.replace('message = "m"', 'message = ""'), "message", "pack.x", "`message`"),
    ],
)
def test_broken_pack_is_rejected_with_location(tmp_path, body, where, rule_id, problem):
    path = _pack(tmp_path, body)
    lines = textwrap.dedent(body).splitlines()
    if where == "end":
        line = len(lines)
    elif where == "last [[rule]]":
        line = max(n for n, text in enumerate(lines, 1) if text == "[[rule]]")
    else:
        line = next(n for n, text in enumerate(lines, 1) if text.startswith(where))
    with pytest.raises(RuleError) as caught:
        load_pack(path, "pack")
    error = caught.value
    assert (error.line, error.rule_id) == (line, rule_id)
    assert problem in error.problem
    assert str(error).startswith(f"{path}:{line}: {rule_id}: ")


def test_user_pack_examples_are_checked(tmp_path):
    path = _pack(tmp_path, GOOD_RULE.replace('fixed = "a leverage"', 'fixed = "wrong"'))
    failures = check_examples(load_pack(path, "pack"))
    assert len(failures) == 1 and "expected 'wrong'" in failures[0].problem


def test_a_repair_that_retriggers_a_rule_is_reported(tmp_path):
    path = _pack(tmp_path, GOOD_RULE.replace('"lever effect" = "leverage"', '"lever effect" = "lever effect x"')
                 .replace('fixed = "a leverage"', 'fixed = "a lever effect x"').replace('"leverage" ]', '"lever" ]'))
    failures = check_examples(load_pack(path, "pack"))
    assert failures and "fires on 'lever effect'" in failures[0].problem


def test_pack_size_limit(tmp_path, monkeypatch):
    import transfix.loader as loader

    monkeypatch.setattr(loader, "MAX_RULES_PER_PACK", 1)
    path = _pack(tmp_path, GOOD_RULE + GOOD_RULE.replace('id = "x"', 'id = "y"'))
    with pytest.raises(RuleError, match="more than 1 rules"):
        load_pack(path, "pack")

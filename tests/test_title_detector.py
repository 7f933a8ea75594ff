"""The title-before-name detector: 'the American senator Dan Inouye' -> 'U.S. Sen. Dan Inouye'."""

from __future__ import annotations

import pytest

from transfix import Engine
from transfix.detectors import build


def only(prefix: str) -> Engine:
    return Engine(select=[prefix])


def test_american_title_gets_the_us_prefix_and_abbreviation():
    findings = only("fr.institutions.american-title-before-name").check(
        "The former American senator Kay Hagan died in 2019."
    )
    assert [(f.text, f.replacement) for f in findings] == [
        ("The former American senator", "Former U.S. Sen.")
    ]


def test_royal_title_offers_the_possessive_and_the_adjective():
    detector = build("title-before-name", {"nations": "title-royal-nations", "offices": "title-royal-offices"})
    found = list(detector.find("Fans cheered the British prince Harry at the gate."))
    assert len(found) == 1
    assert found[0].replacements == ("Britain's Prince", "British Prince")


@pytest.mark.parametrize("text", [
    "Fans cheered the British prince, Harry, at the gate.",  # apposition with commas is English
    "The Spanish king Philip II sent the Armada.",  # a regnal number: history's usage
    "The English king Alfred the Great fought the Danes.",  # an epithet
    "The British prince arrived at the gate.",  # no name
    "The British Prince Harry arrived.",  # the title is capitalised already
])
def test_royal_title_stays_silent_on_english(text):
    assert only("fr.institutions.royal-title-before-name").check(text) == []


def test_bare_office_only_where_allowed():
    engine = only("fr.institutions.american-title-before-name")
    assert [f.replacement for f in engine.check("It was signed by the senator Mark Kelly.")] == ["Sen."]
    assert engine.check("It was signed by the president Joe Biden.") == []


def test_options_are_checked():
    from transfix.detectors.titles import TitleBeforeName
    with pytest.raises(ValueError):
        TitleBeforeName.validate({"nations": "title-royal-nations"})
    with pytest.raises(ValueError):
        TitleBeforeName.validate({"nations": "no-such-class", "offices": "title-royal-offices"})

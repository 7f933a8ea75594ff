"""A replacement that begins a sentence keeps the sentence's capital, whatever case the rule
wrote it in; mid-sentence, and for capitalisation rules, the rule's own case stands."""

from __future__ import annotations

import pytest

import transfix
from transfix.casing import opens_sentence, sentence_case

PACK = """
[[rule]]
id = "believing"
kind = "regex"
fix = "unsafe"
pattern = '''\\bvery believing\\b'''
replacement = "devout"
keep_case = false
category = "calque"
message = "m"
explanation = "e"
bad = [ { text = "She is very believing.", fixed = "She is devout." } ]
good = [ "She is devout." ]

[[rule]]
id = "coran"
kind = "phrase"
fix = "unsafe"
phrases = { "the Coran" = "the Koran" }
keep_case = false
category = "calque"
message = "m"
explanation = "e"
bad = [ { text = "He read the Coran.", fixed = "He read the Koran." } ]
good = [ "He read the Koran." ]

[[rule]]
id = "lower-minister"
kind = "regex"
fix = "unsafe"
pattern = '''\\bMinister\\b'''
replacement = "minister"
case_sensitive = true
category = "capitalisation"
message = "m"
explanation = "e"
bad = [ { text = "a Minister said", fixed = "a minister said" } ]
good = [ "a minister said" ]
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "case.toml"
    path.write_text(PACK, encoding="utf-8")
    return transfix.Engine(rule_paths=[path], select=["case"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Very believing, she prays daily.", "Devout, she prays daily."),
        ("She left. Very believing, she prays.", "She left. Devout, she prays."),
        ('He said: "Very believing people pray."', 'He said: "Devout people pray."'),
        ("She is very believing.", "She is devout."),
        ("The Coran was open.", "The Koran was open."),
        ("He read the Coran.", "He read the Koran."),
        ("(Very believing) she prays.", "(Devout) she prays."),
    ],
)
def test_a_replacement_that_opens_a_sentence_keeps_its_capital(engine, text, expected):
    assert engine.repair(text, unsafe=True).text == expected


def test_a_capitalisation_rule_keeps_its_own_case(engine):
    assert engine.repair("Minister Smith spoke.", unsafe=True).text == "minister Smith spoke."


def test_sentence_starts():
    text = 'One. Two! "Three" (four) x: "Five, six'
    assert opens_sentence(text, 0)
    assert opens_sentence(text, text.index("Two"))
    assert opens_sentence(text, text.index("Three"))
    assert not opens_sentence(text, text.index("four"))
    assert opens_sentence(text, text.index("Five"))
    assert not opens_sentence(text, text.index("six"))
    abbreviated = "the U.S. Army and Mr. Smith. Then"
    assert not opens_sentence(abbreviated, abbreviated.index("Army"))
    assert not opens_sentence(abbreviated, abbreviated.index("Smith"))
    assert opens_sentence(abbreviated, abbreviated.index("Then"))
    assert sentence_case("ab. B", 4, "B", "c") == "C"
    assert sentence_case("a B", 2, "B", "c") == "c"
    assert sentence_case("a. b", 3, "b", "c") == "c"  # the text had no capital to keep

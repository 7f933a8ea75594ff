"""The `capitals` detector: surnames in French press capitals, mangled call signs and Mc- names."""

from __future__ import annotations

import pytest

from transfix.detectors import build
from transfix.detectors.capitals import Capitals


def found(mode: str, text: str) -> list[tuple[str, str]]:
    detector = build("capitals", {"mode": mode, "acronyms": "cap-acronyms"} if mode == "caps-surname" else {"mode": mode})
    return [(text[f.start:f.end], f.replacements[0]) for f in detector.find(text)]


def test_surname_in_capitals_after_a_first_name():
    assert found("caps-surname", "A photo shared by Nicole FERRANTI (@nicof) went viral.") == [("FERRANTI", "Ferranti")]
    assert found("caps-surname", "Jean-Paul DUMONT-LEROY spoke.") == [("DUMONT-LEROY", "Dumont-Leroy")]


def test_surname_in_capitals_that_the_text_also_writes_as_a_name():
    text = "Fans adore Linda Duvall. DUVALL - who has two sons - smiled."
    assert found("caps-surname", text) == [("DUVALL", "Duvall")]


@pytest.mark.parametrize("text", [
    "Officials told Virginia NASA staff to stay home.",  # a pronounceable acronym from the class
    "The memo from Linda CSTR was short.",  # no vowel: an acronym
    "BREAKING: Linda FERRANTI DEAD AT 41",  # a headline in capitals
    "Linda SHOUTED and shouted again.",  # the text writes the word in lower case too
    "The ORANGE team won. Fans of the Orange team cheered.",  # never after a first name
    "King Henry VIII and Linda MCDONALD.",  # Mc names need their inner capital: no plain title case
    # a transcript's speaker label, though the text writes the surname after a first name
    "MAYA TORRES: Welcome. I'm Maya Torres.\n\nTORRES: You were a librarian for 30 years.",
])
def test_caps_surname_stays_silent(text):
    assert found("caps-surname", text) == []


def test_call_signs_and_mc_names():
    assert found("mangled-acronym", "A Kitv poll and an Hgtv show.") == [("Kitv", "KITV"), ("Hgtv", "HGTV")]
    assert found("mangled-acronym", "She met Rob Mcdonald.") == [("Mcdonald", "McDonald")]


@pytest.mark.parametrize("text", ["Visit kitv.com or @Kitv.", "The McMansion is big.", "Rob McDonald left."])
def test_mangled_acronym_stays_silent(text):
    assert found("mangled-acronym", text) == []


def test_options_are_checked():
    with pytest.raises(ValueError):
        Capitals.validate({"mode": "shouting"})
    with pytest.raises(ValueError):
        Capitals.validate({"acronyms": "no-such-class"})
    with pytest.raises(ValueError):
        Capitals.validate({"words": 3})

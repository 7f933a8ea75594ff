"""The `lowered-surname` detector: a surname that is an English word, turned back into the word.

Every sentence here is invented for transfix (CC0)."""

from __future__ import annotations

import pytest

from transfix.detectors import build
from transfix.detectors.surnames import LoweredSurname


def found(text: str, **options) -> list[tuple[str, str]]:
    detector = build("lowered-surname", options)
    return [(text[f.start:f.end], f.replacements[0]) for f in detector.find(text)]


@pytest.mark.parametrize("text, flagged, name", [
    # apposition with a person noun, after a first name of the lists
    ("The mayor endorsed former senator Ed Case. The poll gave the case, the former senator, a lead.",
     "the case", "Case"),
    ("Voters liked Ed Case. The poll gave the case, a former state lawmaker, a clear lead.",
     "the case", "Case"),
    # "as the most viable candidate"
    ("Donors met Ed Case in May. The committee chose to back the case as the most viable candidate.",
     "the case", "Case"),
    # a verb of speech
    ("Critics praised actress Julia Bell. Asked about the sequel, the bell said she had read the script.",
     "the bell", "Bell"),
    ("Fans adored singer Maya Rose. On Friday the rose tweeted a photo from the studio.",
     "the rose", "Rose"),
    # a picture or a message posted
    ("Reality star Kevin Hope was back on Monday. The hope posted a video from his new gym.",
     "The hope", "Hope"),
    # an age
    ("The film stars Laura Price. The price, 34, plays a detective.", "The price", "Price"),
    # "who"
    ("Guests included chef Peter Stone and others. Later the stone, who cooked for the couple, left.",
     "the stone", "Stone"),
    # a bare name used as a person, with an act only people do
    ("Fans met the model and Treasure at the mall. While she shops, the treasure rocks his baby.",
     "the treasure", "Treasure"),
    ("The singer and Treasure arrived late. Asked about the party, the treasure laughed.",
     "the treasure", "Treasure"),
])
def test_flags_the_lowered_surname(text, flagged, name):
    assert found(text) == [(flagged, name)]


def test_the_article_goes_with_the_word():
    text = "Polls favoured Ed Case. They gave a case, the former senator, the edge."
    assert found(text) == [("a case", "Case")]


def test_a_performers_work_flags_the_word_only():
    text = "Kanye West wrote to singer John Legend. West shared a legend video playing the piano."
    assert found(text) == [("legend", "Legend")]


def test_two_occurrences_in_one_text():
    text = (
        "Former senator Ed Case ran again. A poll gave the case, the former senator, the edge. "
        "Leaders asked voters to support the case as the most viable candidate."
    )
    assert found(text) == [("the case", "Case"), ("the case", "Case")]


@pytest.mark.parametrize("text", [
    # no capitalised name in the document
    "The case, the former senator said, was weak. The bell, who knows why, rang.",
    "Police said the case was closed. The stone said nothing to anyone.",
    # set phrases
    "Former senator Ed Case spoke. The case for reform is strong; the case against it is weak.",
    "Former senator Ed Case spoke. Just in case, aides printed more ballots.",
    "Former senator Ed Case spoke. A case study showed that the case that started it was old.",
    "Singer John Legend sang. The goalkeeper is a living legend, an urban legend, a legend in his town.",
    "Reality star Treasure Jones won. The treasure hunt began at noon.",
    # a larger phrase after a preposition
    "Former senator Ed Case spoke. The lawyer in the case said the ruling was fair.",
    "Actress Emma Stone smiled. The owner of the stone, who lives abroad, sold it.",
    "Former senator Ed Case spoke. In the case, the judge, a former prosecutor, ruled.",
    # a profession after "as", a list, a thing that "reveals" or "shares"
    "Former senator Ed Case spoke. She took the case as a young lawyer.",
    "Former senator Ed Case spoke. He read the case, the judge, and the jury wrong.",
    "Former senator Ed Case spoke. The case revealed flaws, and the case shared traits with another.",
    # the word is a person or an institution itself
    "Singer John Legend sang. The legend said he would return.",
    "Author Stephen King wrote. The king said the castle was his.",
    "Model Tyra Banks posed. The banks said rates would rise.",
    # "said to be", a modifier before a noun, a noun after the work
    "Actress Emma Stone smiled. The stone, said to be old, and the stone said to date from Rome, were found.",
    "Singer John Legend sang. He won legend status, and the legend video game sold well.",
    "Singer Courtney Love recorded a love song and the best concert of her tour.",
    # a company speaks: a bare capital is not enough for "said"
    "Readers of Salon wrote in. The salon said it would reopen.",
    # a bare capital, but the word is a common noun elsewhere in the text
    "The ship Treasure sailed. Divers found the treasure, and the treasure, who knows, may be fake.",
    # no capital inside a sentence: a sentence start says nothing
    "Hope is rising. The hope, the mayor said, is a new plant.",
    # a place or a business with a first name's shape, whose word the text uses as a noun
    "The Paris Salon of Beauty opens. She skipped the tanning salon, and the salon said it was full.",
    # code and addresses
    "Former senator Ed Case spoke. Type `gave the case, the former senator, a lead` in the box.",
    "Former senator Ed Case spoke. See https://example.org/the case, the former senator, here.",
])
def test_stays_silent(text):
    assert found(text) == []


def test_a_first_name_that_opens_sentences_as_a_word_anchors_nothing_there():
    text = "Will Stone be sold? Asked about it, the stone said nothing."
    assert found(text) == []


def test_returns_at_once_without_candidates():
    detector = LoweredSurname({})
    assert list(detector.find("A short text with no person in it.")) == []
    assert list(detector.find("")) == []


def test_options_are_checked():
    with pytest.raises(ValueError):
        LoweredSurname.validate({"bare": 2})
    with pytest.raises(ValueError):
        LoweredSurname.validate({"min_bare": 0})
    with pytest.raises(ValueError):
        LoweredSurname.validate({"first_names": ("no-such-class",)})
    LoweredSurname.validate({"min_bare": 2, "persons": "person-nouns", "exclude": ("rose",)})


def test_min_bare_and_exclude():
    text = "The singer and Treasure arrived late. Asked about the party, the treasure laughed."
    assert found(text, min_bare=2) == []
    assert found(text, exclude=("treasure",)) == []

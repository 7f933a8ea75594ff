"""The `sentence-case-title` detector: a quoted title in French sentence case."""

from __future__ import annotations

import pytest

from transfix.detectors import build


def found(text: str) -> list[tuple[str, str]]:
    detector = build("sentence-case-title", {})
    return [(text[f.start:f.end], f.replacements[0]) for f in detector.find(text)]


def test_title_after_season_of():
    text = 'Spoilers for season 2 of "Call me maybe" ahead.'
    assert found(text) == [("Call me maybe", "Call Me Maybe")]


def test_every_quotation_of_the_same_title_is_flagged():
    text = 'The finale of season 4 of "Call me maybe" aired.\n\n"Call me maybe" returns in May.'
    assert found(text) == [("Call me maybe", "Call Me Maybe"), ("Call me maybe", "Call Me Maybe")]


def test_minor_words_stay_lower_case_inside_the_title():
    assert found('She sang the single "Dancing in the dark" live.') == [
        ("Dancing in the dark", "Dancing in the Dark"),
    ]


def test_curly_quotes():
    assert found("They aired the episode “The end is near” on Sunday.") == [
        ("The end is near", "The End Is Near"),
    ]


def test_entitled_needs_a_work_nearby():
    assert found('The show ended with an episode entitled "The last goodbye" in May.') == [
        ("The last goodbye", "The Last Goodbye"),
    ]
    assert found('The report, entitled "Effects of heat on crops", came out.') == []


@pytest.mark.parametrize(
    "text",
    [
        'She sang the single "Shake It Off" at the gala.',
        'The film "Gone with the Wind" was shown again.',
        'He called the series "a total mess" on air.',
        'They danced to the song "La vie en rose" all night.',
        'The series "Friends" ended in 2004.',
        'She said "This is great" and left.',
        '"This is us" is what she wrote on the card.',
        'The song "This is us, right here" is long.',
    ],
)
def test_left_alone(text):
    assert found(text) == []


def test_unknown_option_rejected():
    from transfix.detectors import DETECTORS

    with pytest.raises(ValueError):
        DETECTORS["sentence-case-title"].validate({"words": 3})


def test_a_title_in_another_script_keeps_its_capitals():
    assert found('The Russian singer\'s hit "Я свободен" was played at the rally.') == []

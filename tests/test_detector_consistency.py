"""The `name-consistency` detector: a name one document writes in two cases."""

from __future__ import annotations

import pytest

from transfix.detectors import build
from transfix.detectors.consistency import NameConsistency


def found(text: str, **options) -> list[tuple[str, str]]:
    detector = build("name-consistency", options)
    return [(text[f.start:f.end], f.replacements[0]) for f in detector.find(text)]


def test_multi_word_name_in_lower_case():
    text = "Staff at the Maple Court Hotel were praised. Guests of the maple court hotel agreed."
    assert found(text) == [("maple court hotel", "Maple Court Hotel")]


def test_only_the_lost_capitals_are_replaced():
    text = "Athletes arrived for the Lakeside Games in June. Fans loved the Lakeside games."
    assert found(text) == [("games", "Games")]


def test_title_of_a_work_with_a_capital_verb():
    text = "The drama Home Is Far returns. Critics said Home is far was slow. Viewers of Home Is Far disagreed."
    assert found(text) == [("is far", "Is Far")]


def test_name_with_joining_words():
    text = "She works for Guide Dogs for the Blind in Ohio. Donors to guide dogs for the blind gave more."
    assert found(text) == [("guide dogs for the blind", "Guide Dogs for the Blind")]


def test_title_of_one_word_after_the_article():
    text = (
        "The cast of the drama The Keeper returned. Fans of Keeper cheered. "
        "Season two of the keeper starts soon, and the keeper finale airs in May."
    )
    assert found(text) == [("the keeper", "The Keeper"), ("the keeper", "The Keeper")]


def test_mixed_case_word_in_title_case():
    text = "She joined Ana DeMarco on stage. DeMarco smiled, and fans of Demarco cheered."
    assert found(text) == [("Demarco", "DeMarco")]


@pytest.mark.parametrize("text", [
    # a part of the name is an ordinary word: the whole sequence must match
    "She competed at the Lakeside Games in June. The games drew crowds.",
    # a title before a name is capitalised, the office alone is not
    "Prime Minister Anna Berg spoke first. The prime minister then left.",
    # a longer name holds the generic phrase
    "The Riverside Police Department said the police department would comment.",
    "The Free Software Foundation publishes it. This is free software.",
    # one content word after "The": "the times" is English, and "the Times" is house style
    "He reads The Times daily. At the times when it rained, he stayed in.",
    "The Times reported the fire. The story ran in the Times on Sunday.",
    # a capital at a sentence start or after a quote is no evidence
    "Dark Water is rising. The river carried dark water to the sea.",
    'He shouted "Stop Right there" and we had to stop right there.',
    # a quoted title's words after its first one are capitalised for the title, not as a name
    'They appeared on the "After the Final Rose" special. She left before the final rose ceremony.',
    # a headline in Title Case is no evidence either
    "Local Bakery Wins Best Bread Award\n\nThe bakery said best bread award entries doubled.",
    # every word of the name is an ordinary word elsewhere in the text
    "Read the Open Source guide. The code is open source, and the source is open to all.",
    # capitals: headings and shouting
    "FANS OF THE MAPLE COURT HOTEL. Guests of the Maple Court Hotel agreed.",
    # mixed-case words: lower case is a command, two forms are as common, packages
    "Fans of StreamWave cheered. Run streamwave --help. StreamWave is free.",
    "She used JavaScript and Javascript in her notes.",
    "Install MyTool-core or MyTool-core plugins. Mytool-core works.",
    # code and link texts give no evidence
    "See [Getting Started](start.md) for getting started quickly.",
    "Call `Foo Bar` to get a foo bar.",
])
def test_stays_silent(text):
    assert found(text) == []


def test_urls_and_handles_are_left_alone():
    text = "Fans of the Maple Court Hotel wrote to @maple court hotel staff and visited maple.court hotel pages."
    assert found(text) == []


def test_wrapped_lines_keep_names_whole():
    text = (
        "This tool is published by the Free Software\nFoundation under its licence, and more\n"
        "lines follow here so that the text\nreads as wrapped prose; it is free software\n"
        "that anyone may share and change\nat will.\n"
    )
    assert found(text) == []


def test_options_are_checked():
    with pytest.raises(ValueError):
        NameConsistency.validate({"words": 3})
    with pytest.raises(ValueError):
        NameConsistency.validate({"min_words": 1})
    with pytest.raises(ValueError):
        NameConsistency.validate({"min_single": "two"})


def test_a_determiner_no_name_takes_makes_the_lower_case_words_generic():
    # "a state supreme court" beside "the Supreme Court": any such court, not the name
    text = ("The Supreme Court ruled in May. In North Carolina, a state supreme court reversed itself. "
            "The Supreme Court declined to act.")
    assert found(text) == []
    text = "The Maple Court Hotel was praised. Every maple court hotel in town agreed."
    assert found(text) == []
    # "the" still lets the name be flagged
    text = "The Supreme Court ruled in May. Critics of the supreme court said so. The Supreme Court sat."
    assert found(text) == [("supreme court", "Supreme Court")]


def test_first_names_mode_lowered_first_name():
    from transfix import Engine

    def found(text):
        return [(f.text, f.replacement) for f in Engine(select=["common.proper-names3.first-name-lowercase"], assume_roundtrip=True).check(text)]

    text = 'Archie came home. Fans love Archie, and Betty met Archie. "I think that archie loved her," he said.'
    assert found(text) == [("archie", "Archie")]
    # a name the text writes capitalised only once, a handle, a name that is also a word
    assert found('Fans love Archie. "I think that archie loved her," he said.') == []
    assert found("Fans love Archie, and Betty met Archie. Follow @archie online.") == []
    assert found("Will came. Fans love Will, and Betty met Will. He will return.") == []


def test_first_names_mode_is_checked():
    from transfix.detectors.consistency import NameConsistency

    with pytest.raises(ValueError):
        NameConsistency.validate({"mode": "sideways"})
    with pytest.raises(ValueError):
        NameConsistency.validate({"mode": "first-names", "first_names": ["no-such-class"]})


def test_first_names_mode_leaves_first_names_that_are_english_words_alone():
    from transfix import Engine

    def found(text):
        return [f.text for f in Engine(select=["common.proper-names3.first-name-lowercase"], assume_roundtrip=True).check(text)]

    assert found("Joe Biden spoke; aides said Joe was tired, but voters see Joe as an average joe.") == []
    assert found("Mike Tyson laughed, Mike bowed, and after his speech Mike dropped the mike.") == []
    assert found("Ed Sheeran joked that Ed failed driver's ed twice, and Ed laughed.") == []
    assert found("Savannah Guthrie said Savannah saw lions on the savannah, where Savannah spent a week.") == []
    assert found("Victor Wembanyama scored as Victor dominated; Victor said to the victor go the spoils.") == []


def test_the_words_of_a_text_are_read_once_and_never_handed_to_another_text():
    from transfix.detectors import consistency

    first = "The White House said on Monday that the white house staff would stay."
    second = "Ellen DeGeneres met Ellen Degeneres fans."
    words = consistency._words(first)
    assert consistency._words(first) is words  # the second mode reuses the first one's words
    other = consistency._words(second)
    assert [w.text for w in other] == [w.text for w in consistency._read_words(second)]
    again = consistency._words("".join(list(first)))  # equal text, another object: read again
    assert again is not words and [w.text for w in again] == [w.text for w in words]
    names = NameConsistency({})
    firsts = NameConsistency({"mode": "first-names"})
    assert [f.replacements for f in names.find(first)] == [("White House",)]
    assert list(firsts.find(first)) == []

"""The `of-possessive` detector: "the career of Olivia" for Olivia's career, and its adjunct mode."""

from __future__ import annotations

import pytest

from transfix import Engine
from transfix.detectors import build
from transfix.detectors.possessive import OfPossessive


def fixes(rule: str, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.replacement) for f in Engine(select=[f"common.possessives.{rule}"], assume_roundtrip=True).check(text)]


def test_first_name_possessor_uses_the_exclude_list():
    assert fixes("of-name", "Fans envy the lifestyle of Olivia.") == [("the lifestyle of Olivia", "Olivia's lifestyle")]
    assert fixes("of-name", "He was the son of Henry.") == []


@pytest.mark.parametrize("text, expected", [
    # an age and a verb of speech make a person of a name in no list
    ("Jazz Corbin, 17, said it was time. Fans followed the journey of Jazz Corbin.",
     ("the journey of Jazz Corbin", "Jazz Corbin's journey")),
    # a single name needs strong evidence: an age
    ('"We did it," wrote Ferreira, 33, on Monday. A friend of ours met the representative of Ferreira.',
     ("the representative of Ferreira", "Ferreira's representative")),
    # a surname the text writes after a known first name
    ("Britney Spears sang it first. Fans preferred the version of Spears.",
     ("the version of Spears", "Spears' version")),
    # a name followed by she in its clause
    ("In the book Wren is so shy that she hides, and later the trauma of Wren returns.",
     ("the trauma of Wren", "Wren's trauma")),
])
def test_persons_the_document_establishes(text, expected):
    assert fixes("of-name", text) == [expected]


@pytest.mark.parametrize("text", [
    # evidence, but English builds these nouns with "of"
    "Tess Varga said nothing. Police searched the home of Tess Varga after the arrest of Varga.",
    "Jim Langford said so, and the help of Jim Langford was decisive.",
    # no evidence: an unknown capitalised name
    "Critics loved the album of Quentara.",
    # a single name with only a verb of speech (countries, companies, clubs say things)
    "China said it would respond. In Beijing the fans of China cheered.",
    # institutions and places
    "Downing Street said no. The spokesman of Downing Street left.",
    "Real Madrid said yes. The fans of Madrid cheered.",
    # a list of names, a month with its year
    "As they talk, the stories of Ben, Lucy and Sam unfold.",
    "Olivia recalled the wedding of June 2019.",
])
def test_stays_silent_without_a_person_or_with_an_of_noun(text):
    assert fixes("of-name", text) == []


def test_reciprocal_possessive():
    assert fixes("of-name", "They call the mothers of each other.") == [("the mothers of each other", "each other's mothers")]
    assert fixes("of-name", "The towns lie within sight of each other and in the shadow of each other.") == []


def test_adjunct_mode_for_possessions_and_spouses_only():
    text = "George Clooney was hurt. The Clooney scooter lay on the road."
    assert fixes("name-adjunct", text) == [("The Clooney scooter", "Clooney's scooter")]
    assert fixes("name-adjunct", "George Clooney spoke. The Clooney family and the Clooney version.") == []
    assert fixes("name-adjunct", "The Honda scooter was recalled.") == []


def test_people_found_by_evidence():
    detector = build("of-possessive", {})
    assert isinstance(detector, OfPossessive)
    full, single = detector._people(
        "Mila Varnes said hello. Officials said no. Kovacs, 40, smiled. Police said later that Kovacs left. "
        "China said it would act, and China acted."
    )
    assert "Mila Varnes" in full and "Varnes" in single and "Kovacs" in single
    assert "Officials" not in single and "China" not in single


def test_mode_option_is_checked():
    with pytest.raises(ValueError):
        OfPossessive.validate({"mode": "sideways"})


def test_weekday_possessor_may_be_followed_by_of():
    # "the episode of Tuesday of the show" is still Tuesday's episode; a person followed by
    # "of" names someone else ("the lawyer of Olivia of Monaco") and stays silent
    assert fixes("of-name", "Fans saw the episode of Tuesday of the revival.") == [
        ("the episode of Tuesday", "Tuesday's episode")]
    assert fixes("of-name", "The night of Tuesday of that week was cold.") == []
    assert fixes("of-name", "They met the lawyer of Olivia of Monaco.") == []


def test_a_weekday_that_begins_a_longer_possessor_is_left_alone():
    assert fixes("of-name", "Marsh scored 12 points in the fourth quarter of Monday night's win.") == []
    assert fixes("of-name", "Fans loved the episode of Tuesday, the network said.") == [
        ("the episode of Tuesday", "Tuesday's episode")]


def test_a_kin_noun_with_a_name_in_apposition_is_left_alone():
    assert fixes("of-name", 'The name was the idea of their grandmother, Josephine "Jo" Calloway.') == []


def test_titled_possession_after_lower_case_the():
    rule = "possessives3.titled-possession"
    def titled(text):
        return [(f.text, f.replacement) for f in Engine(select=[f"common.{rule}"], assume_roundtrip=True).check(text)]
    assert titled("Friends came to the Baby Shower of Jessica Biel on Friday.") == [
        ("the Baby Shower of Jessica Biel", "Jessica Biel's baby shower")]
    assert titled("Friends came to the Jessica Biel Baby Shower on Friday.") == [
        ("the Jessica Biel Baby Shower", "Jessica Biel's baby shower")]
    # a title starts with "The"; an unknown first name; a head that is no possession
    assert titled("The Wedding of Jessica Biel is a novel.") == []
    assert titled("Friends came to the Baby Shower of Quentara Vale.") == []
    assert titled("He read the Gospel of John Smith.") == []


def test_first_name_family():
    def family(text):
        return [(f.text, f.replacement) for f in Engine(select=["common.possessives3.first-name-family"], assume_roundtrip=True).check(text)]
    assert family("Fans mourned Chester Bennington. Bennington died in July. They sent love to the Chester family.") == [
        ("the Chester family", "Chester's family")]
    assert family("Olivia Chester spoke. Chester Bennington too. The Chester family thanked fans.") == []
    assert family("The Chester family farmed here.") == []


def test_first_name_family_needs_the_person_by_surname_and_a_first_name_no_surname():
    def family(text):
        return [f.text for f in Engine(select=["common.possessives3.first-name-family"], assume_roundtrip=True).check(text)]
    # named once, beside another family of that name
    assert family("Fans mourned Chester Bennington. They sent love to the Chester family.") == []
    # "of" a place: a family called Chester
    assert family("Chester Bennington sang. Bennington smiled. The Chester family of Ohio won the lottery.") == []
    # first names that are common surnames
    assert family("Russell Wilson threw three touchdowns. Wilson then visited the Russell family.") == []
    assert family("Grant Williams scored. Williams thanked the Grant family, which owns the arena.") == []


def test_titled_possession_with_a_person_the_document_establishes():
    def titled(text):
        return [(f.text, f.replacement) for f in Engine(select=["common.possessives3.titled-possession"], assume_roundtrip=True).check(text)]
    text = "Quentara Vale, 31, laughed. Friends came to the Baby Shower of Quentara Vale."
    assert titled(text) == [("the Baby Shower of Quentara Vale", "Quentara Vale's baby shower")]


def test_titled_possession_leaves_event_names_alone():
    def titled(text):
        return [f.text for f in Engine(select=["common.possessives3.titled-possession"], assume_roundtrip=True).check(text)]
    # "Celebration of Life" names the memorial
    assert titled("Fans gathered at the Aretha Franklin Celebration of Life in Detroit.") == []
    assert titled("Tickets went fast for the Elvis Presley Birthday Celebration at Graceland.") == []
    assert titled("They danced together at the Jessica Biel Baby Shower last week.") == ["the Jessica Biel Baby Shower"]


@pytest.mark.parametrize("text", [
    # a preposition inside the would-be noun phrase: "in favour of", not "the throne in favour"
    "He gave up the crown in favour of his sister.",
    # complex prepositions English builds with "of" and a person
    "She grew up in the shadow of her brother.",
    "He was raised under the eyes of his grandmother.",
    # a past role names the relation
    "The former chef of Olivia opened a bistro.",
    # a career studied or told: the register of biography
    "The documentary traces the career of Whitney Houston.",
    # events and places English builds with "of", also after a kin noun
    "She marked the anniversary of her father with a post.",
    "The sudden disappearance of Olivia from the charts puzzled fans.",
    "The house looks out on the plains of Abraham.",
    # apparitions, retinues and a person's creations
    "The ghost of Logan haunts the final season.",
    "The entourage of Elvis kept quiet.",
    "She cooked the recipes of her grandmother.",
])
def test_of_frames_english_builds_with_of(text):
    assert fixes("of-name", text) == []


def test_the_frames_leave_the_possession_itself():
    assert fixes("of-name", "The eyes of her husband filled with tears.") == [("The eyes of her husband", "Her husband's eyes")]
    assert fixes("of-name", "Fans followed the career of Olivia.") == [("the career of Olivia", "Olivia's career")]

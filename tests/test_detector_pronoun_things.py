"""The `pronoun-things` detector: "he/his" for a thing and "its" for a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import script

from transfix.detectors import DETECTORS, build

ROOT = Path(__file__).resolve().parents[1]


def things(text: str, **options) -> list[tuple[str, tuple[str, ...]]]:
    detector = build("pronoun-things", {"mode": "thing", **options})
    return [(text[f.start:f.end], f.replacements) for f in detector.find(text)]


def persons(text: str) -> list[tuple[str, tuple[str, ...]]]:
    detector = build("pronoun-things", {"mode": "person"})
    return [(text[f.start:f.end], f.replacements) for f in detector.find(text)]


def test_registered():
    assert "pronoun-things" in DETECTORS


def test_he_after_a_season():
    text = "Season 2 was grim from start to finish. He gave in to every cheap instinct."
    assert things(text) == [("He", ("It",))]


def test_his_for_a_company_in_the_same_sentence():
    assert things("The company cut prices, and his profits fell.") == [("his", ("its",))]


def test_quoted_title_subject():
    text = '"Far Shore" closed the first half of his second season on Monday.'
    assert things(text) == [("his", ("its",))]


def test_his_with_a_possible_owner_named_gets_no_replacement():
    text = "The studio sold the film to Netflix, and sources say his fate is open."
    assert things(text) == [("his", ())]


def test_a_man_in_the_passage_vetoes():
    assert things("Tom Hale wrote the novel. The book sold well. He was surprised.") == []
    assert things("The director finished the film. He was tired.") == []


def test_a_person_noun_vetoes():
    assert things("The album came out in May. The singer said he liked it.") == []


def test_speaker_after_a_quotation():
    assert things('"The film is done," he said.') == []
    assert things('"I loved the show. It was great." He smiled.') == []


def test_him_after_told_is_a_person():
    # a man whose first name the name lists lack: one tells a person, never a thing
    text = "Then came the twist. Before the rose ceremony, Hannah pulled Garrett aside and told him she was done."
    assert things(text) == []
    assert things("The series was renewed. NBC moved him to Sundays.") == [("him", ("it",))]


def test_a_character_played_by_an_actor_is_a_person():
    text = "In the film, Maggie (Sophie Lin) meets Colt (Jack Dunn). She shows him the barn."
    assert things(text) == []


def test_a_woman_does_not_save_he_but_saves_his():
    assert things("She praised the series. He was renewed for a third season.") == [("He", ("It",))]
    assert things("She praised the series and his cast.") == []


def test_window_and_paragraph():
    text = "The film opened in June.\n\nHe was pleased with the crowds."
    assert things(text) == []
    assert things(text, paragraph=False) == [("He", ("It",))]
    far = "The film opened in June. It rained. Crowds came anyway. He was pleased."
    assert things(far) == []
    assert things(far, sentences=3) == [("He", ("It",))]


def test_its_for_a_pair():
    assert persons("The couple was shaking its head.") == [("its", ("their",))]


def test_its_for_a_person_with_gender_from_the_passage():
    text = "She came back on stage, and the singer, smiling, raised its glass."
    assert persons(text) == [("its", ("her",))]
    assert persons("The actor was filmed leaving its house.") == [("its", ())]


def test_its_for_a_thing_is_left_alone():
    assert persons("The couple bought the house and its garden.") == []
    assert persons("The singer said its release was delayed.") == []
    assert persons("She patted the horse, stroking its neck.") == []
    assert persons("The model was trained on its own outputs.") == []


def test_unknown_option_rejected():
    with pytest.raises(ValueError):
        DETECTORS["pronoun-things"].validate({"mode": "other"})
    with pytest.raises(ValueError):
        DETECTORS["pronoun-things"].validate({"window": 2})


def test_a_hard_wrapped_paragraph_is_one_passage():
    # The man is on the line before the pronoun: a single line break does not end the passage.
    text = ("The agreement would cut prices. The spokesman of\nthe Foreign Ministry said talks were "
            "going well; he gave no date.")
    assert things(text) == []
    assert things(text.replace("of\nthe", "of\n\nthe")) != []  # a blank line does


def test_its_reads_the_whole_paragraph_before_it_but_no_further():
    # The genders come from everything the paragraph said before "its", across sentence ends
    # (the walk back to the owner stops at them); a blank line starts afresh.
    filler = "The weather was mild. " * 200
    text = "She came back on stage. " + filler + "Then the singer, smiling, raised its glass."
    assert persons(text) == [("its", ("her",))]
    text = "She came back on stage. " + filler + "He sat down. Then the singer, smiling, raised its glass."
    assert persons(text) == [("its", ())]
    text = "She came back on stage.\n\n" + filler + "Then the singer, smiling, raised its glass."
    assert persons(text) == [("its", ())]
    assert persons(filler + "The couple was shaking its head.") == [("its", ("their",))]


def test_a_thing_noun_heading_a_relative_clause_is_not_what_he_stands_for():
    # "the album he did make": "he" is the subject of a clause about the album, not the album.
    assert things("Castellano waited seven years. The album he did make comes out on Friday.") == []
    assert things("Castellano on grief and the album he almost didn't make") == []
    # another thing in the passage still counts
    assert things("The company cut prices. The album he released sold badly.") == [("he", ("it",))]


def test_a_character_named_with_the_actor_elsewhere_is_a_person():
    # "Will" is in no list of first names; the recap named him with his actor a paragraph before.
    text = ("Grace learned that Will (Dale Chester) knew.\n\n"
            "The episode opened with Will alone in the boatyard, burning the letter he had kept in his toolbox.")
    assert things(text) == []


def test_the_two_is_a_pair_of_people():
    assert things("The two split the week. She opens the shop, and he works evenings.") == []
    assert things("The two series were renewed. He returns in May.") == [("He", ("It",))]  # "the two" before a thing


def test_a_man_named_with_a_census_first_name_is_a_person():
    # names of the wide list (tools/gen_first_names.py): words and places among them
    assert things("Tyson Reel joined the show in May. The series needed him.") == []
    assert things("Grant Ellery hosted the episode. In the finale, he sent two women home.") == []


def test_a_man_named_after_a_noun_is_a_person():
    # "his father, Dallas Pruitt": a full name after a man's noun, as possessive-gender reads it
    text = ("Under the deal, Jaxon's father, Dallas Pruitt, keeps weekends. "
            "Pruitt left the show the following year. In January, he filed a petition.")
    assert things(text) == []
    # not a surname the text speaks of as "he": that "he" may be the one this detector judges
    assert things("The show aired in May. The Foreign Ministry said he gave no date.") != []


def test_a_word_first_name_makes_no_person_of_a_place():
    # "Grant" is in the wide list only: "Grant Park" owning "its" stays a place
    assert persons("Chicago's Grant Park reopened its lawn.") == []
    assert persons("Chase Bank raised its fees.") == []


def test_him_after_a_verb_whose_object_is_a_person():
    text = ("The race tightened in October. A super PAC ad that began running in the final week of the "
            "race accused him of voting to raise taxes.")
    assert things(text) == []


def test_a_name_with_an_age_is_a_person():
    text = ("Banks Calloway wrote the hook. On Friday the label confirmed the release. "
            "Calloway, 26, released a diss track aimed at his former collaborator.")
    assert things(text) == []
    text = "Archer, 41, runs the store. The store sells grills. Archer is writing a cookbook of his family's recipes."
    assert things(text) == []


def test_a_legend_is_a_person():
    assert things("In the photo, the rock legend poses with his granddaughter.") == []


@pytest.mark.parametrize("text", [
    "The court received a positive reference from his employer.",
    "Marsh went down without contact late in the game as he planted his foot.",
    "The right-hander shared the news on Instagram with a photo of his hands on the baby.",
])
def test_his_before_what_only_a_person_has_makes_the_man_a_person(text):
    assert things(text) == []


def test_a_things_possession_is_still_judged():
    assert things("The company cut prices, and his own profits fell.") == [("his", ("its",))]


def test_he_who_asks_someone_is_a_person():
    text = 'Dupree added that Marsh was eager to get back on the court. "He asked me every day."'
    assert things(text) == []
    assert things("The ministry issued a statement. He blamed the weather.") == [("He", ("It",))]


def test_a_couple_said_she_then_he_and_a_knee_with_its_side():
    assert things("Wren said they spent the first year apart, she in Vancouver filming a series, he at home.") == []
    assert things("Whitlock left the game after a hit to his right knee and did not return.") == []


def test_an_act_takes_its_and_a_person_introduced_by_role_is_a_person():
    assert persons('The duo released its debut, "Porch Light," in 2009.') == []
    assert persons("The couple was shaking its head at the verdict.") == [("its", ("their",))]
    text = ("Castellane is engaged to the record producer Ledger Oyelaran. The tour opens on Feb. 6. "
            "Oyelaran will open several of the shows with his own band.")
    assert things(text) == []


def test_a_persons_hometown_is_no_things():
    assert things("The film premiered on Friday before a crowd in his hometown of Akron.") == []


def test_a_name_in_a_quoted_title_is_no_man():
    text = 'The NBC comedy lost again at the Globes. "Will & Grace" won nothing. Last year, he added two nominations.'
    assert things(text) == [("he", ("it",))]


def test_a_participle_after_a_comma_belongs_to_the_subject():
    assert persons("The studio signed Emma Stone, adding its biggest name yet.") == []
    assert persons("Taylor Swift spoke. The ad follows a day in the life of Swift, including its fight scene.") \
        == [("its", ())]


def test_plural_people_further_back_do_not_hold_a_he_for_a_thing_named_later():
    text = ('Its main stars have all won, yet the comedy keeps losing. "Far Shore" has 27 nominations. '
            "Last year, he added two more.")
    assert things(text) == [("he", ("it",))]
    # in the sentence before, one of them may be meant
    assert things("The players were furious after the loss. The club fined him two weeks' wages.") == []
    assert things("The fans loved the album, and he thanked them.") == []


def test_a_pair_is_two_people_and_she_and_he_are_a_couple():
    text = "The split surprised fans. The pair met on the set of the film, in which she starred and he doubled for her co-star."
    assert things(text) == []


def test_a_mans_first_name_as_a_womans_surname_is_that_woman():
    text = "Mia Perry wrote the song. If Perry had kept the song for herself, he would have ended up on her album."
    assert things(text) == [("he", ("it",))]
    assert things("Tom Perry wrote the song. If Perry had kept the song, he would have released it.") == []


def test_a_group_of_people_and_its_relatives():
    assert persons("The quartet also spoke of the loss of its beloved television mother, who died in May.") == [
        ("its", ("their",))]
    assert persons("Since May, the couple has lived apart from its two sons.") == [("its", ("their",))]
    assert persons("The couple rescued a calf and its mother.") == []
    assert persons("The duo thanked the label and its parent company.") == []
    assert persons("The pair of eagles returned to feed its chicks.") == []
    assert persons("The band paid tribute to its late drummer.") == []


def test_a_noun_wordnet_gives_only_person_senses_opening_the_sentence_is_a_person():
    # tools/gen_person_nouns.py: "caddie", "golfer" are in no hand-made list
    assert things("The caddie kept a record of his putts on every green.") == []
    assert things("The veteran golfer said the course suited his game.") == []
    # further on, a thing can be called one: the film is the competitor, "his" its
    assert things("The film could be a competitor, although his fate is unclear.") != []


def test_the_wordnet_person_nouns_are_what_the_generator_writes():
    wordnet = Path("/usr/share/wordnet")
    if not (wordnet / "data.noun").is_file():
        pytest.skip("WordNet 3.0 (Debian's wordnet-base) is not installed")
    module = script("tools/gen_person_nouns.py")
    shipped = (ROOT / "rules" / "classes" / "person-nouns-wordnet.txt").read_text(encoding="utf-8")
    assert shipped == module.HEADER + "\n".join(module.person_nouns(wordnet)) + "\n"


def test_him_cannot_be_a_thing_of_its_own_clause():
    # the subject or an earlier object of the verb "him" is object of would be "itself"
    assert things("The board of the foundation has already judged him.") == []
    assert things("The league claims him as its own discovery.") == []
    # a thing of another clause or sentence is still what "him" may stand for
    assert things("The bill passed in May, and the court struck him down.") == [("him", ("it",))]
    assert things("The new regulation took effect in May. The court struck him down.") == [("him", ("it",))]


def test_he_after_a_fronted_participle_clause_is_its_subject():
    assert things("Having played for the team for a decade, he retired.") == []
    assert things("After leaving the studio in 2019, he moved to Texas.") == []
    assert things("The album sold poorly. Having topped no chart, he faded.") == [("he", ("it",))]


def test_a_sentence_that_already_says_its_and_a_speaker_tag_with_his():
    assert things("The station reversed its decision to cut his airtime.") == []
    assert things("The film's budget is hard to pin down, his publicist said.") == []
    assert things("The company posted poor results, and his shares fell.") == [("his", ("its",))]


def test_a_person_compared_with_the_owner_and_beings_a_story_calls_he():
    assert things("The club gave his shirt number to a younger striker.") == []
    assert things("In the series, the android learns to lie; he even fools his maker.") == []
    assert things("The ball fell to him at the far post and he scored.") == []


def test_he_in_a_relative_clause_after_a_thing_or_reported_without_that():
    # Narrowed in the sixteenth session (probes-attack159, 165, 167): the thing heads a relative
    # clause whose subject is "he", or "he" is reported by a verb of judging without "that".
    assert things("The documentary where he tells all the secrets of the trade airs tonight.") == []
    assert things("In a memoir in which he tells all, the former aide names names.") == []
    assert things("From that, the court concluded he was guilty.") == []
    # still flagged: the round trip's "he" for the thing itself
    assert things("The documentary aired in May. He drew six million viewers.") == [("He", ("It",))]
    assert things("The court was closed in May; he reopened in June.") == [("he", ("it",))]


def test_he_after_according_to_a_thing_or_a_fronted_idiom_for_a_person():
    # Narrowed in the sixteenth session (probes-attack174, 176): "according to the contract, he"
    # reports what the thing says about someone; "the life of the party" is a person.
    assert things("According to the contract, he would be paid next month.") == []
    assert things("The life of the party, he was always the last to leave the bar.") == []
    # still flagged: the round trip's "he" for the thing itself
    assert things("The contract was signed in May. He runs until 2030.") == [("He", ("It",))]
    assert things("The party was a success; he ended at dawn.") == [("he", ("it",))]


def test_a_time_abbreviation_does_not_end_the_sentence():
    # "a.m.," is no sentence end: the man named before it stays in the passage.
    text = ("Rep. Gordon Hale lost the seat. Hale conceded in a call to Price around 1 a.m., according to "
            "her campaign. In a statement, he thanked his volunteers.")
    assert things(text) == []
    # the stops that do end a sentence still count: the series is the only candidate there
    text = "The series was renewed on Monday. In a statement, he thanked the fans for the ratings."
    assert things(text) == [("he", ("it",))]


def test_him_with_or_for_a_woman_is_a_man():
    text = "The episode moved the romance between Hope and Will forward. After the party, she sat with him."
    assert things(text) == []
    text = "The show ended last spring. The network stuck with him for years."
    assert things(text) == [("him", ("it",))]


def test_a_fronted_pronoun_belongs_to_the_man_after_the_comma():
    text = ("Grant Bell was arrested on Sunday. The actor failed a test. No one was hurt, the department "
            "said.\n\nIn a statement released through his publicist on Sunday, Bell apologized.")
    assert things(text) == []
    # not when the clause after the comma opens with the thing
    text = "The film opened last week. In his first weekend, the film earned a fortune."
    assert things(text) == [("his", ("its",))]


def test_the_surname_of_a_first_name_of_either_sex_is_a_person():
    text = ("Quinn Price won the race in the rain.\n\nIt was Price's third win of the season and lifted him "
            "to second in the standings.")
    assert things(text) == []


def test_a_quotation_with_a_person_s_tag_speaks_of_a_person():
    text = ('Dolores Whitt runs the general store, where the route begins each morning. '
            '"He was never late, not once," Whitt said.')
    assert things(text) == []
    # a thing that speaks is no person's tag
    text = 'The series was renewed on Monday. "He was a hit from the start," the network said.'
    assert things(text) == [("He", ("It",))]

"""The pronoun-gender detector: "his"/"himself" for a woman, and the evidence that vetoes it."""

from __future__ import annotations

import pytest

from transfix import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(select=["common.pronouns"], assume_roundtrip=True)  # the rule waits for the round-trip gate


def flagged(engine: Engine, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.replacement) for f in engine.check(text)]


@pytest.mark.parametrize("text, expected", [
    # a woman called "she" in the passage, no man
    ("The singer said she was tired. Fans love his voice.", [("his", "her")]),
    # a woman named in full opens the sentence
    ("Rebecca Hollis thanked his fans.", [("his", "her")]),
    ("On Friday, Rebecca Hollis thanked his fans.", [("his", "her")]),
    ("Rebecca Hollis, 34, thanked his fans.", [("his", "her")]),
    ("Rebecca Hollis showed his legs on this photo of his shoot.", [("his", "her"), ("his", "her")]),
    # her surname, once she has been named in full
    ("Rebecca Hollis won the race. Hollis thanked his coach.", [("his", "her")]),
    # a man's first name used as a surname is no man
    ("She did not invite Lauren Conrad. Tina Ruiz showed his designs.", [("his", "her")]),
    # the possessed noun and its apposition say nothing about the owner
    ("She left the show. Robertson later split from his boyfriend Tom Harris.", [("his", "her")]),
    # a noun only a woman can own
    ("The actress announced his pregnancy.", [("his", "her")]),
    # the subject's reflexive
    ("Lena Marsh is pushing himself hard.", [("himself", "herself")]),
    ("She found himself alone.", [("himself", "herself")]),
    ("His fans adore her. She thanked His Majesty.", []),
])
def test_flags(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text", [
    "Paige pitched a shutout in his first start.",  # a bare first name: sport, plot summaries
    "Rebecca Hollis praised the coach and his staff.",  # a noun phrase in between
    "Rebecca Hollis sent a letter to his lawyer.",
    "Rebecca Hollis thanked Morales for his help.",  # another name in between
    "Peter Hollis retired. Rebecca Hollis took over his shop.",  # a man in the passage
    "Rebecca Hollis met Peter. Hollis thanked his parents.",
    "John Hollis spoke. Rebecca Hollis spoke. Hollis said his piece.",  # surname shared with a man
    "She watched the surgeon steady himself.",  # not the subject's reflexive
    "He hurt himself. She laughed at his fall.",
    "Rebecca Hollis said he had lost his keys.",
    "The singer said she was tired. He loves his voice.",
    "She said that. It is his.",
    "The actress is 20 years his junior.",  # an age compared with a man's
    "Ten years his junior, she was the youngest in the cabinet.",
    # a man named in full earlier, by his surname alone in the sentence of the "his" (the
    # sentences between speak of a woman): a man's first name or a man's noun named him
    "Colin Vaughn plays the father. The script came from Hannah Brooks. It sold in May. "
    "She said the cast fought for it. Vaughn, for his part, has been busy.",
    "Kim Lowe met her boyfriend, Dakari Reyes, in 2019. The couple wed in May. Their daughter was born. "
    "She posted a photo. Reyes, who took a break from his job to support her, shared his excitement.",
])
def test_stays_silent(engine, text):
    assert flagged(engine, text) == []


@pytest.mark.parametrize("text", [
    # a surname shared by a father and his daughter, in the sentence before: the man may own it
    'When Marcus Whitfield crossed the line, his daughter was waiting. She had finished first.\n\n'
    '"She could have been done an hour ago," Whitfield said. "She stayed with me until mile 20."\n\n'
    'His daughter, Clara Whitfield, 27, is a physical therapist.',
    # a man by his surname alone opens the sentence and does the verb (a male coach of a woman player)
    '"Credit to Okafor. She hit a tough shot, and she hit it with a hand in her face."\n\n'
    'The Tides shot 44 percent. Halvorsen credited his assistant for the defence.',
    # an object "her" after "let": the subject before it may own "his" (a dog)
    "Natarajan said she bought a collar, and Biscuit has been reluctant to let her out of his sight.",
])
def test_native_english_with_a_man_or_a_pet(engine, text):
    assert flagged(engine, text) == []


def test_the_case_of_the_pronoun_is_kept(engine):
    assert flagged(engine, "Rebecca Hollis won. His rivals lost. She cried.") == []
    assert flagged(engine, "She won. His rivals lost.") == [("His", "Her")]


@pytest.mark.parametrize("text, expected", [
    # caption labels before the woman who opens the sentence
    ("Watch: Exclusive: Lena Marsh is pushing himself hard.", [("himself", "herself")]),
    # a man in the sentences before vetoes "his", not the reflexive of a woman subject
    ("Tom Reyes and Peter Hollis left the band. Lena Marsh is tearing himself apart.", [("himself", "herself")]),
    ("Tom Reyes left the band. Lena Marsh thanked his fans.", []),
    ("Tom Reyes left. Lena Marsh watched as he hurt himself.", []),
])
def test_reflexive_of_a_woman_subject(engine, text, expected):
    assert flagged(engine, text) == expected


def test_the_sentences_before_count_as_far_as_the_window_reaches():
    from transfix.detectors import build

    text = "She won the race. The crowd cheered. It rained. Smith lifted his trophy."

    def found(window: int) -> list[str]:
        detector = build("pronoun-gender", {"sentences": window})
        return [text[f.start:f.end] for f in detector.find(text)]

    assert found(3) == ["his"]  # "She" is three sentences back
    assert found(2) == []
    assert found(0) == found(-1) == []  # no sentence before counts (and no error)


@pytest.mark.parametrize("text, expected", [
    # the sentence before introduced a man by role and a full name no list genders
    ("She blew a kiss to the crowd. Later, comedian Dale Whitcomb walked the carpet. His co-star Tessa Grant followed.", []),
    # ... a she/her between the stranger and "his" lets the usual evidence decide; a woman by her noun is no stranger
    ("She blew a kiss. Later, comedian Dale Whitcomb walked the carpet. She thanked his parents.", [("his", "her")]),
    ("She blew a kiss. Later, actress Dale Whitcomb walked the carpet. His co-star followed.", [("His", "Her")]),
])
def test_a_stranger_introduced_in_the_sentence_before_may_own_his(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a recap's character played by an actor whose first name is no woman's may be a man, in the
    # sentences before or in the sentence itself
    ("In the film, Maggie (Sophie Lin) meets Colt (Jack Dunn). She admires his horse.", []),
    ("Maggie (Sophie Lin) watches Colt (Jack Dunn) ride his horse.", []),
    # ... an actress's first name leaves the usual evidence to decide
    ("In the film, Maggie (Sophie Lin) meets Rosa (Ana Dunn). She admires his horse.", [("his", "her")]),
])
def test_a_character_played_by_an_actor_may_own_his(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "someone" between the woman and "his" may own it, like "the coach"
    ('"I have waited a long time to hear someone say his name in a courtroom," she said.', []),
    ("She said nobody had done his job.", []),
    # without the indefinite pronoun the woman's "his" is still flagged
    ('"I have waited a long time to hear a court say his name," she said.', [("his", "her")]),
    ("She said she had lost his keys.", [("his", "her")]),
])
def test_an_indefinite_person_may_own_his(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text", [
    "She said she had read the governor's statement and disagreed with his account of the trips.",
    "She thanked her opponent for his service.",
    "Lena Park thanked her surgeon for his skill.",
    "Kayla Moss said her ex had changed his number.",
])
def test_a_person_named_by_a_noun_may_own_his(engine, text):
    assert flagged(engine, text) == []


def test_a_surname_the_text_gave_an_ungendered_first_name_may_own_his(engine):
    text = ("Tenley Rhodes wrote the album after her 2016 marriage to fellow singer Brody Cale. She left "
            "in June. Cale has since released his own album.")
    assert flagged(engine, text) == []
    # The same sentence with the surname of a woman the text genders is still hers.
    woman = "Olivia Rhodes wrote the album in June. She left early. Rhodes has since released his own album."
    assert flagged(engine, woman) == [("his", "her")]


def test_a_quotation_speaks_of_someone_other_than_the_woman_who_says_it(engine):
    text = ('Tenley Marsh scored 30. "Hollis texted me \'finally\' with six exclamation points," she said '
            'after the win. "That\'s his idea of a compliment."')
    assert flagged(engine, text) == []


def test_a_she_inside_a_quotation_of_several_sentences_is_no_support_outside_it(engine):
    text = ('Dunmore took the news calmly. "She\'s in the second row. She got to hear me sing. That\'s a win." '
            'His teammate, Sutton Lark, 22, was also eliminated.')
    assert flagged(engine, text) == []


def test_a_she_after_his_person_noun_may_be_that_person(engine):
    text = ("Tyrell Case was convicted in 2021. The justices sent the case back. "
            'His lawyer, Dana Whitlock, said she was "thrilled" with the decision.')
    assert flagged(engine, text) == []
    # a "she" before the pronoun, or in the sentence before, still supports it
    assert flagged(engine, "She won the case. His lawyer was thrilled.") == [("His", "Her")]
    assert flagged(engine, "She said his lawyer, Dana Whitlock, was thrilled.") == [("his", "her")]


def test_a_man_spoken_of_in_the_next_sentence_may_own_his(engine):
    text = ('Amadi said she would stay in the restaurant. "It\'s his kitchen now," she said. '
            '"I\'ll be washing dishes, if he\'ll let me."')
    assert flagged(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    # a man named in full opens the sentence; places and dates after a preposition are no owners
    ("Kanye West took to Twitter on Thursday to share her text messages.", [("her", "his")]),
    # his surname, or his first name, once the text has named him in full
    ("Tom Okafor is in Paris. Okafor praised her new restaurant.", [("her", "his")]),
    ("Kanye West is angry. Kanye went to Twitter to share her messages.", [("her", "his")]),
    # a woman anywhere in the passage may own it
    ("Mary Jones won the race. Tom Okafor praised her new record.", []),
    ("Tom Okafor and his wife arrived late. Okafor praised her cooking.", []),
    ("Tom Okafor said her support meant everything, and she smiled.", []),
    # three sentences back is out of reach only when nobody else came between
    ("Mary Jones won. It rained. The crowd left. Then it rained again. Tom Okafor praised her record.",
     [("her", "his")]),
    # an object "her", another possible owner, a quotation
    ("Tom Okafor gave her flowers and told her story on stage.", []),
    ("Tom Okafor met the actress and praised her work.", []),
    ("Tom Okafor let her go early.", []),
    ('Tom Okafor said: "We loved her cooking."', []),
    # a first name no list holds for a man, or a woman's
    ("Jordan Lee praised her new record.", []),
])
def test_her_for_a_man(text, expected):
    engine = Engine(select=["common.pronouns.possessive-gender-her"], assume_roundtrip=True)
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a woman's relative clause binds the "his" to her, past another person noun of the sentence
    ("The spectator spoke of babies to Heidi Montag, who is pregnant with his first child.",
     [("his", "her")]),
    ("She did not call Lena Marsh. The host praised Marsh, who thanked his fans.", [("his", "her")]),
    # a man's relative clause, or anyone between "who" and the "his", keeps it quiet
    ("Reyes, who is taking a break from his job to support her, shared the news.", []),
    ("She met Heidi Montag, who told the coach about his injury.", []),
    ("She met Heidi Montag, who told him about his injury.", []),
    ("Heidi Montag, who met Tom Ruiz, praised his cooking.", []),
    # a man in the passage vetoes a plain "his" in the clause ...
    ("Tom Ruiz died in May. His widow, Heidi Montag, who shared his love of music, spoke.", []),
    # ... but not "his own", which is the subject's whoever else was spoken of
    ("Tom Ruiz died in May. Rebecca Hollis now runs his own studio.", [("his", "her")]),
    ("Tom Ruiz left the band. Heidi Montag, who has his own production company, spoke.", [("his", "her")]),
    ("Tom Ruiz left. Rebecca Hollis told him to start his own company.", []),
    ("Tom Ruiz left. Rebecca Hollis told the boy to start his own company.", []),
])
def test_a_clause_about_a_woman_binds_his(engine, text, expected):
    assert flagged(engine, text) == expected


def test_a_capitalised_function_word_is_no_womans_surname(engine):
    # "Grace The ..." once in a text made "The" a woman's surname, and every sentence opening
    # with "The" her subject
    text = "We met Grace The Third on Monday.\n\nThe critic substituted his own definitions."
    assert flagged(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    # a document or utterance of the speaker's: fronted, or after a speech verb
    ("Tom Hale filed for divorce in May. In his filing, Rachel Hale asks for custody.", [("his", "her")]),
    ("In his statement to People, she said the tour was over.", [("his", "her")]),
    ("Tom Ruiz spoke first. \"We grew apart,\" Megan Dorsey wrote on his blog.", [("his", "her")]),
    ("Mary Jones spoke first. In her statement, Tom Okafor said the talks were over.", [("her", "his")]),
    # what a speaker does not own, or no speech verb after the subject
    ("In his absence, Mary Ortiz said, the team would carry on.", []),
    ("Joe Rogan hosted Mary Smith. On his podcast, Smith revealed her plans.", []),
    ("Tom Hale died in May. She wrote in his memoir that he never gave up.", []),
    ("Tom Brandt wrote to his sister. In his letters, Anna Brandt is always the hero.", []),
])
def test_a_speakers_own_document(engine, text, expected):
    assert flagged(engine, text) == expected


def test_a_womans_first_name_alone_once_the_text_names_her_in_full(engine):
    text = "Kristin Dorsey opened a bakery in May. Kristin says his customers come early."
    assert flagged(engine, text) == [("his", "her")]
    # a first name the text also gives a man's surname is not hers alone
    assert flagged(engine, "Paige Turner met Tom Hale in 2010. Paige says his jokes won her over.") == []


def test_her_is_left_alone_near_a_person_of_unknown_sex(engine):
    assert flagged(engine, "Leo Marsh stars opposite Sunniva Okoro. Marsh said her performance was great.") == []
    assert flagged(engine, "Tom Okafor landed in Los Angeles. Okafor praised her new restaurant.") == [("her", "his")]


@pytest.mark.parametrize("text, expected", [
    ("\"It's a diva, but she is fun,\" Kristina said of her daughter.", [("It", "She")]),
    ("\"It's a good man, he always helped us,\" the neighbour said.", [("It", "He")]),
    ("The couple welcomed their second child on Friday.\n\nHe's a boy!", [("He's a boy", "It's a boy")]),
    # inside a paragraph it may say what the child is ("once thought to be male ... She's a girl!")
    ("The zoo's newborn panda cub, once thought to be male, is female. She's a girl!", []),
    ("He said the boy might not take him well.", [("take him", "take it")]),
    ("\"It's a mother's worst nightmare,\" she said.", []),
    ("\"He's a boy! Boys get dirty,\" she said of her son.", []),
    ("Scouts expect the Jets to take him well before the third round.", []),
])
def test_it_is_a_person_and_its_kin(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a woman named by her trade opens the sentence (subject_nouns = pron4-female-subjects)
    ("The actress thanked his fans on Sunday.", [("his", "her")]),
    ("On Monday, the 35-year-old actress posted his new photo.", [("his", "her")]),
    ("The heiress pushed himself to the limit.", [("himself", "herself")]),
    # a man in the passage, a clause of someone else, a role, a relational noun, a stranger
    ("Tom Hale died in May. The actress read his letters aloud.", []),
    ("The actress who found his wallet returned it.", []),
    ("The actress said his performance was brilliant.", []),
    ("The actress played his mother in the film.", []),
    ("The widow accepted his award.", []),
    ("The woman approached his car and fired.", []),
    ("An actress thanked his fans.", []),
])
def test_a_woman_by_her_trade_opens_the_sentence(engine, text, expected):
    assert [f for f in flagged(engine, text) if f[0] in ("his", "himself")] == expected


@pytest.mark.parametrize("text, expected", [
    # a woman by the text's own words: a trade noun before her full name or in apposition, "Ms."
    ("Actress Jordan Hale opened a bakery in May. Hale says his customers come early.", [("his", "her")]),
    ("Taylor Reed, the 34-year-old actress, opened a studio in May. Reed thanked his fans on Sunday.",
     [("his", "her")]),
    ("Ms. Okafor opened a bakery in May. Okafor says his customers come early.", [("his", "her")]),
    # a sentence that names her alone, and the next one opens with "She"
    ("Jordan Reyes won the race on Sunday. She ran it in record time. The course was wet. It rained. "
     "The crowd was small. Reyes said his legs were tired.", [("his", "her")]),
    ("On Sunday, Jordan Reyes won the race. She ran it in record time. The course was wet. It rained. "
     "The crowd was small. Reyes said his legs were tired.", [("his", "her")]),
    # ... then her first name of either sex alone opens a sentence like a woman's first name
    ("Taylor Reed opened a bakery in Ohio. She hired ten people. The shop is small. It seats ten. "
     "Rent is high. Taylor says his customers come early.", [("his", "her")]),
])
def test_the_text_tells_who_is_a_woman(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text", [
    # "Mrs." and "Madame" are a wife's titles before her husband's surname
    'Blaise Huntington married Ivy Finch. "Mrs. Huntington," Finch wrote. Huntington shared his joy.',
    "Madame Okoro spoke first. Okoro praised his own record.",
    # a family's surname: a relational noun says nothing of the surname, and a first name of
    # unknown sex before it may be the man
    "Country star Cash Tolliver listed his estate. It was renovated with his wife, Delia Tolliver. "
    "The barn is large. It has a studio. It has a pool. Tolliver recorded most of his albums there.",
    # the person is not the subject of the sentence before "She", or a gendered word there may be
    # whom "She" speaks of
    "The award went to Jordan Reyes. She had hoped to win it. The crowd was small. It rained. It was cold. "
    "Reyes thanked his family.",
    "Jordan Hale and his wife arrived. She spoke first. The crowd was large. It rained. It was cold. "
    "Hale thanked his fans.",
    # a quotation, another name, a place or a date that is a person's in the sentence before "She"
    'Jordan Hale met Sam Ortiz. She spoke first. The crowd was large. It rained. It was cold. Hale thanked his fans.',
    # "Mr." makes a man
    "Mr. Reed opened a bakery. Reed said she would hire locally. Reed thanked his staff.",
])
def test_what_the_text_tells_is_read_with_care(engine, text):
    assert flagged(engine, text) == []


def test_a_title_names_a_man_for_her(engine):
    assert flagged(engine, "Mr. Lauer opened the show in May. Lauer opened her monologue with a joke.") == [("her", "his")]


@pytest.mark.parametrize("text, expected", [
    # a long lead-in clause before the woman who opens the sentence, a part of what "his" owns,
    # and a man's name in the name of an award in the sentence before
    ("Oprah Okafor won the Cecil B. DeMille Award. After thanking the academy and every nominee in the "
     "room, Okafor devoted the majority of his speech to young women.", [("his", "her")]),
    ("Rebecca Hollis won. She spent the rest of his career in Ohio.", [("his", "her")]),
    # a man of the passage still vetoes: in the award's sentence, the lead-in or the sentence before
    ("Tom Hale won the Cecil B. DeMille Award. After thanking the academy, Rebecca Hollis devoted the "
     "majority of his speech to young women.", []),
    ("After Tom Hale left the band in May, Rebecca Hollis took over his studio.", []),
    ("Tom Hale died in 2001. Rebecca Hollis spent the rest of his fortune.", []),
    ("She recited his speech at the Martin Luther King Jr. Center.", []),
    # the award's sentence names a man's surname besides, or a man is named before it
    ("Tom Bryce farms in Ohio. Bryce won the Walter Pruitt Conservation Award in 2019. Dunmore praised his work.", []),
    ("Avery Dunmore said she would visit. The Walter Pruitt Award went to a farm. Dunmore praised his work.",
     [("his", "her")]),
])
def test_a_woman_after_a_lead_in_and_an_award_named_for_a_man(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an idiom whose possessive is always the subject's, whoever else the passage names
    ("Tom Hale asked about the plan. She shook his head.", [("his", "her")]),
    ("Tom Hale asked about the plan. Rebecca Hollis lost his temper.", [("his", "her")]),
    ("Tom Hale asked about the plan, and she slowly shook his head.", [("his", "her")]),
    ("Mary Jones asked about the plan. He shook her head.", [("her", "his")]),
    ("Mary Jones asked about the plan. Tom Okafor lost her temper.", [("her", "his")]),
    # the idiom's subject is someone else, or the verb follows "to" and an object
    ("Tom Hale asked about the plan. Rebecca Hollis told him to hold his breath.", []),
    ("She watched as Tom shook his head.", []),
    ("She said Tom had lost his temper.", []),
    ("He shook his head.", []),
    ("Mary Jones asked about the plan. Tom Okafor told her to hold her breath.", []),
    ("He watched as Mary shook her head.", []),
    ("Tom Okafor said she had lost her temper.", []),
    ("Tom Okafor watched Mary Jones lose her temper.", []),
    # a woman may do to a man what the idioms left out do ("made his day", "bit his lip")
    ("Tom Hale called. She made his day.", []),
    # a "she" that is the nearest person before the verb, with no noun phrase between
    ("Tom Hale spoke. She knelt and rolled his eyes.", [("his", "her")]),
    ("Tom Hale spoke. She hugged her son and rolled his eyes.", []),
    ("Tom Hale spoke. She watched as the coach shook his head.", []),
    ("Tom Hale spoke. She said that he shook his head.", []),
])
def test_an_idiom_binds_the_possessive_to_its_subject(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a man by his surname alone as the subject of a sentence before (its first word), with his
    # surname a family's ("his mother, Carol Brandt")
    ("Kyle Brandt pleaded guilty. His mother, Carol Brandt, wept. Brandt, who ran the fund, used it to pay "
     "debts. Donna Kessler testified. She said his apology came too late.", []),
    # ... a man's surname elsewhere in the sentences before does not veto
    ("Kyle Brandt pleaded guilty in May. It rained. The court was full. The case was the last of Brandt. "
     "Donna Kessler smiled. She said his apology came too late.", [("his", "her")]),
    # the thing a man of an earlier passage owned is his again when named again
    ('Tom Ashworth wrote to shareholders in 1996. It was short. Venn read from his 1996 letter. '
     '"We go where they go," she read. "I agree with every word of his letter," she said.', []),
])
def test_a_man_of_the_sentences_before_by_surname_or_by_his_thing(engine, text, expected):
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # reported speech may speak of anyone; a person of a story; a ship called "she"
    ("Tom Hale ran for mayor. Hale said that under her leadership, the committee stalled.", []),
    ("Hugh Farrant wrote a novel. He carried the character around for years. Farrant rewrote her final chapter.", []),
    ("The Cape Meridian was launched in 1944. She made eleven crossings. Walt Dorsey, 81, leads the crew. "
     "Dorsey rebuilt her engine.", []),
    ("Walt Dorsey, 81, leads the crew. Dorsey rebuilt her engine.", [("her", "his")]),
    # the ship named inside its sentence, in a text about a ship
    ("Launched in 1944, the Cape Meridian was one of 2,700 Liberty ships. She made eleven crossings.\n\n"
     "Walt Dorsey, 81, leads the crew. He has done so for years. He works hard. Dorsey rebuilt her engine.", []),
    # not without a vessel: "the White House" before "She" is no thing called she
    ("A spokesman for the White House said nothing. She left.\n\nWalt Dorsey, 81, leads the crew. He has "
     "done so for years. He works hard. Dorsey rebuilt her engine.", [("her", "his")]),
])
def test_her_near_reported_speech_a_character_or_a_ship(text, expected):
    engine = Engine(select=["common.pronouns.possessive-gender-her"], assume_roundtrip=True)
    assert flagged(engine, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a parenthetical speech tag after a fronted letter: the letter's writer is another
    ("Gerald Ashworth founded the firm in 1988. He stepped down last year. Venn spoke first. In his 1996 "
     "letter to shareholders, she noted, the founder had promised to follow the customers.", []),
    ("In his statement to the court, she said the tour was over.", [("his", "her")]),
    # a person of unknown sex by surname ("Lee Sandoval") as the subject of a sentence before
    ("Lee Sandoval retired on Friday. Sandoval, 66, has carried the mail since 1987. The lawn was full. "
     "Ellen Park said his visits were the highlight of her day.", []),
    # the sentence before opens with a person noun of unknown sex for its subject; a later "his" of
    # the same sentence goes with the first
    ("Her fiercest critic on the council has voted against both of her budgets. Marlowe said his "
     "objections were about money, and that she respected his votes.", []),
    ("The coach was fired on Monday. She said his tactics had failed.", []),
    # ... not where the sentence itself says who that person is
    ("The singer said she was tired. Fans love his voice.", [("his", "her")]),
])
def test_another_owner_in_the_sentences_before(engine, text, expected):
    assert flagged(engine, text) == expected

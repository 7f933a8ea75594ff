"""The `quote-balance` detector: a quotation opened in a paragraph and never closed."""

from __future__ import annotations

from transfix.detectors import build


def found(text: str) -> list[tuple[str, str]]:
    detector = build("quote-balance", {})
    return [(text[f.start:f.end], f.replacements[0]) for f in detector.find(text)]


def test_unclosed_straight_quote_at_paragraph_end():
    text = 'The mayor spoke. "We will rebuild the bridge by June.\n\nWork starts on Monday.'
    assert found(text) == [("June.", 'June."')]


def test_curly_opening_gets_curly_closing():
    text = "She smiled. “That was the best day of the tour!\n\nThe band flies home today."
    assert found(text) == [("tour!", "tour!”")]


def test_stray_apostrophe_replaced_by_the_closing_mark():
    text = "He wrote: \"Take care. Lots of love. '\n\nShe did not answer."
    assert found(text) == [("love. '", 'love."')]


def test_two_openings_without_closing():
    text = '"It was late. He left early. "Now we start again.\n\nThe game resumed.'
    assert found(text) == [("again.", 'again."')]


def test_closed_quotation_is_left_alone():
    assert found('He said: "We are ready."\n\nThe match starts at noon.') == []


def test_quotation_continued_in_next_paragraph():
    text = '"We trained hard all year.\n\n"And now we are ready," she said.\n\nThe final is on Sunday.'
    assert found(text) == []


def test_last_paragraph_and_single_paragraph_say_nothing():
    assert found('He shouted, "Long live the king!') == []
    assert found('Intro.\n\nHe shouted, "Long live the king!') == []


def test_inch_mark_and_code_are_not_quotations():
    assert found("The shelf is 6'2\" wide and oak.\n\nIt costs $90.") == []
    assert found('Run `echo "hi` in a shell to see the error.\n\nThen retry.') == []


def test_a_closing_mark_ends_the_paragraph_inside_a_sentence():
    text = 'Critics called it "a triumph" and the run was extended.\n\nTickets sold out.'
    assert found(text) == []


def test_photo_captions_between_the_paragraphs_of_a_quotation_are_skipped():
    """Scraped pages put photo captions ("Label: text", no closing stop) between paragraphs; a
    quotation that runs on reopens in the next paragraph of prose after them."""
    text = ('"We are thrilled to finally be home with the boys.\n\n'
            "Happy family: the couple with their three children in 2019\n\n"
            '"It has been the longest year of our lives," she said.')
    assert found(text) == []
    # A caption followed by narration: the quotation was not continued.
    narration = text.replace('"It has been', "It had been").replace(',"', ",")
    assert found(narration) == [("boys.", 'boys."')]
    # A paragraph that is a sentence, not a caption, is the paragraph that follows.
    sentence = text.replace("Happy family: the couple with their three children in 2019",
                            "The couple married in 2010.")
    assert found(sentence) == [("boys.", 'boys."')]

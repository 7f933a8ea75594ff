"""Normalisation skips ftfy for ASCII text it cannot change: that shortcut must agree with ftfy."""

from __future__ import annotations

import ftfy

from transfix.normalize import _may_change, ftfy_config, normalize


def test_the_ascii_shortcut_covers_every_character_ftfy_changes():
    for code in range(128):
        text = f"a{chr(code)}b"
        changed = ftfy.fix_text(text, ftfy_config()) != text
        assert not changed or _may_change(text), f"ftfy changes U+{code:04X} but the shortcut skips it"


def test_ascii_controls_are_still_removed_and_reported():
    result = normalize("one\x7ftwo\nthree\x1b[31m red\n")
    assert result.text == "onetwo\nthree red\n"
    assert {f.rule for f in result.findings} == {"normalize.control-char", "normalize.terminal-escape"}


def test_plain_ascii_is_returned_as_is():
    text = "Plain text, with tabs\tand form feeds\x0c and CRLF\r\n"
    assert normalize(text).text == text and not normalize(text).findings


def test_a_long_text_is_repaired_a_piece_at_a_time_as_ftfy_repairs_it_whole(monkeypatch):
    """Pieces end after a line break, where ftfy cuts its own segments: the same repair, and the
    text itself back when no piece changes."""
    from transfix import normalize as module

    monkeypatch.setattr(module, "_PIECE", 40)
    lines = ["Plain line number %d with nothing to do.\n" % n for n in range(30)]
    clean = "".join(lines)
    assert module._fixed(clean) is clean
    lines[7] = "Le cafÃ© du coin, line seven.\n"
    lines[21] = "ﬁnal ligature and ｆｕｌｌ width, no break at the end"
    damaged = "".join(lines)
    assert module._fixed(damaged) == ftfy.fix_text(damaged, ftfy_config())
    assert normalize(damaged).text == ftfy.fix_text(damaged, ftfy_config())

"""The engine reads Markdown and HTML as prose plus protected markup, and obeys inline directives."""

from __future__ import annotations

import transfix

ENGINE = transfix.Engine()

MARKDOWN = """---
title: payment walls
---
Behind payment walls, [payment walls](https://example.com/payment-walls "payment walls") and `payment walls`.

    payment walls in an indented block

<div class="payment walls">Behind payment walls.</div>
"""


def positions(findings, rule="fr.calques.payment-walls"):
    return [f.start for f in findings if f.rule == rule]


def test_markdown_prose_only():
    found = positions(ENGINE.check(MARKDOWN, kind="markdown"))
    prose = [MARKDOWN.index("Behind payment walls,") + 7, MARKDOWN.index("[payment walls]") + 1,
             MARKDOWN.index("Behind payment walls.</div>") + 7]
    assert found == prose
    repaired = ENGINE.repair(MARKDOWN, kind="markdown").text
    assert repaired.count("payment walls") == MARKDOWN.count("payment walls") - 3
    assert "(https://example.com/payment-walls \"payment walls\")" in repaired


def test_html_prose_only():
    html = '<p title="payment walls">Behind payment walls.</p><script>var a = "payment walls";</script>'
    assert positions(ENGINE.check(html, kind="html")) == [html.index("Behind") + 7]


def test_directives_in_markdown_and_text():
    markdown = ("Behind payment walls.\n\n<!-- transfix: off -->\nBehind payment walls.\n<!-- transfix: on -->\n\n"
                "<!-- transfix: ignore-next-line -->\nBehind payment walls.\nBehind payment walls.\n\n"
                "<!-- transfix: disable fr.calques -->\nBehind payment walls, $ 5.\n<!-- transfix: enable -->\n")
    findings = ENGINE.check(markdown, kind="markdown")
    lines = sorted({f.line for f in findings})
    assert lines == [1, 9, 12]
    assert [f.rule for f in findings if f.line == 12] == ["common.typography.currency-space"]
    text = "Behind payment walls.\n# transfix: ignore-next-line\nBehind payment walls.\n"
    assert [f.line for f in ENGINE.check(text)] == [1]


def test_normalised_markdown_is_parsed_again_only_when_a_change_can_make_markup(monkeypatch):
    """Repaired mojibake writes no ASCII, so the markup of the text as given stands for the
    normalised text; a full-width backtick made ASCII may end a code span, so that text is parsed."""
    from transfix import markup
    from transfix.engine import Engine

    engine = Engine(select=["fr", "normalize"])
    parsed: list[str] = []
    original = markup.protected_intervals

    def counting(text, kind):
        parsed.append(text)
        return original(text, kind)

    monkeypatch.setattr(markup, "protected_intervals", counting)
    mojibake = "Le cafÃ© `payment walls` and behind payment walls.\n"
    findings = engine.check(mojibake, kind="markdown")
    assert len(parsed) == 1
    assert any(f.rule.startswith("normalize.") for f in findings)
    assert [f.text for f in findings if f.source.value == "rules"] == ["payment walls"]
    parsed.clear()
    engine.check("Code `a\uff40 payment walls` here.\n", kind="markdown")
    assert len(parsed) == 2

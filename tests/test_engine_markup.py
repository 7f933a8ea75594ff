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

"""Markup awareness: protected spans of Markdown and HTML documents, and inline directives."""

from __future__ import annotations

import itertools
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transfix import mask
from transfix.markup import (
    KINDS,
    Directives,
    directive_spans,
    directives,
    kind_for,
    protected_spans,
)
from transfix.textspan import Intervals

PHRASE = "payment walls"


def occurrences(text: str, needle: str = PHRASE) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def status(text: str, kind: str, needle: str = PHRASE) -> list[str]:
    """For each occurrence of `needle`: "code" if wholly protected, "prose" if untouched by any
    protected span, "partial" otherwise (always a bug in these documents)."""
    spans = protected_spans(text, kind)
    result = []
    for start, end in occurrences(text, needle):
        if any(s <= start and end <= e for s, e in spans):
            result.append("code")
        elif any(s < end and start < e for s, e in spans):
            result.append("partial")
        else:
            result.append("prose")
    return result


def protected_texts(text: str, kind: str) -> list[str]:
    return [text[s:e] for s, e in protected_spans(text, kind)]


def check_expectations(text: str, kind: str, expected: list[tuple[str, str]]) -> None:
    got = status(text, kind)
    assert len(got) == len(expected), f"{len(got)} occurrences, {len(expected)} expected"
    wrong = [(label, want, have) for (label, want), have in zip(expected, got) if want != have]
    assert not wrong, wrong


def assert_well_formed(text: str, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end < start  # sorted, not overlapping, touching spans merged


# ---------------------------------------------------------------------------------------------
# Markdown

MARKDOWN = """\
---
title: Notes on payment walls
tags: [payment walls, news]
---

# Why payment walls matter

Publishers put up payment walls in 2019; the setting is `payment walls` in the docs.
Read [the payment walls report](<https://example.com/payment walls.html> "payment walls, explained") today.
Look: ![A chart of payment walls](<img/payment walls.png> "payment walls over time").
Compare [payment walls][pw] with [the other view][payment walls] and the shortcut [payment walls].
A <abbr title="payment walls">PW</abbr> is not <kbd>payment walls</kbd>, nor <https://example.com/x>.

[pw]: https://example.com/pw "payment walls defined"
[payment walls]:
  <https://example.com/payment walls>
  'payment walls, the reference'

```text
payment walls in a fence
```

    payment walls in an indented block

<div class="payment walls" data-note="payment walls">
payment walls inside a raw HTML block
</div>

<!-- payment walls in a comment -->

<script>
const label = "payment walls";
</script>

| Term | Meaning |
| --- | --- |
| payment walls | `payment walls` |
| more payment walls \\| piped | [payment walls](<https://x.org/payment walls>) |

- Level one about payment walls
  - Level two with `payment walls`
    1. Ordered payment walls

> Quoted payment walls
> > Nested quote with `payment walls`

$$
\\text{payment walls}
$$

Setext title on payment walls
-----------------------------

Last words on payment walls.
"""

MARKDOWN_EXPECTED = [
    ("front matter title", "code"),
    ("front matter tags", "code"),
    ("heading", "prose"),
    ("paragraph", "prose"),
    ("inline code", "code"),
    ("link text", "prose"),
    ("link destination", "code"),
    ("link title", "code"),
    ("image alt", "prose"),
    ("image destination", "code"),
    ("image title", "code"),
    ("full reference text", "prose"),
    ("full reference label", "code"),
    ("shortcut reference (its text is the key)", "code"),
    ("inline HTML attribute", "code"),
    ("inline <kbd> content", "code"),
    ("reference title", "code"),
    ("reference label", "code"),
    ("reference destination", "code"),
    ("reference title on its own line", "code"),
    ("fenced code", "code"),
    ("indented code", "code"),
    ("HTML block attribute", "code"),
    ("HTML block second attribute", "code"),
    ("HTML block text", "prose"),
    ("HTML comment", "code"),
    ("script", "code"),
    ("table cell", "prose"),
    ("table code cell", "code"),
    ("table cell beside an escaped pipe", "prose"),
    ("table link text", "prose"),
    ("table link destination", "code"),
    ("list level one", "prose"),
    ("list level two code", "code"),
    ("ordered list level three", "prose"),
    ("blockquote", "prose"),
    ("nested blockquote code", "code"),
    ("display math", "code"),
    ("setext heading", "prose"),
    ("last paragraph", "prose"),
]


def test_markdown_protects_exactly_markup_and_code():
    check_expectations(MARKDOWN, "markdown", MARKDOWN_EXPECTED)


def test_markdown_protected_spans_are_exact():
    texts = protected_texts(MARKDOWN, "markdown")
    assert texts[0] == "---\ntitle: Notes on payment walls\ntags: [payment walls, news]\n---"
    for expected in [
        "`payment walls`",
        "](<https://example.com/payment walls.html> \"payment walls, explained\")",
        "![",
        "](<img/payment walls.png> \"payment walls over time\")",
        "][pw]",
        "][payment walls]",
        "[payment walls]",
        '<abbr title="payment walls">',
        "</abbr>",
        "<kbd>payment walls</kbd>",
        "<https://example.com/x>",
        '[pw]: https://example.com/pw "payment walls defined"',
        "[payment walls]:\n  <https://example.com/payment walls>\n  'payment walls, the reference'",
        "```text\npayment walls in a fence\n```",
        "    payment walls in an indented block",
        '<div class="payment walls" data-note="payment walls">',
        "</div>",
        "<!-- payment walls in a comment -->",
        '<script>\nconst label = "payment walls";\n</script>',
        "](<https://x.org/payment walls>)",
        "$$\n\\text{payment walls}\n$$",
    ]:
        assert expected in texts, expected
    # Prose is left alone: no span holds a link's text, and most of the document is checkable.
    assert not any("the payment walls report" in t for t in texts)
    protected = sum(len(t) for t in texts)
    assert protected < 0.6 * len(MARKDOWN)


def test_markdown_offsets_survive_crlf_tabs_emoji_and_cjk():
    prefix = "\ufeff😀 漢字\tcafé 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — `a`\n\n"
    # The BOM goes first, the wide characters after the front matter, which must stay at the top.
    head, rest = MARKDOWN.split("# Why", 1)
    lf = head + prefix.lstrip("\ufeff") + "# Why" + rest
    crlf = "\ufeff" + lf.replace("\n", "\r\n")
    assert status(crlf, "markdown") == status(lf, "markdown") == [e for _, e in MARKDOWN_EXPECTED]
    # The same spans, the line breaks apart.
    assert [t.replace("\r\n", "\n") for t in protected_texts(crlf, "markdown")] == protected_texts(lf, "markdown")
    code = crlf.index("`a`")
    assert (code, code + 3) in protected_spans(crlf, "markdown")


def test_markdown_inline_code_after_wide_characters_is_exact():
    text = "😀😀 漢字\tand `payment walls` then payment walls\r\n"
    start = text.index("`")
    assert protected_spans(text, "markdown") == [(start, start + len("`payment walls`"))]
    assert status(text, "markdown") == ["code", "prose"]


def test_markdown_container_prefixes_with_tabs():
    text = ">\tquoted `payment walls`\n>\t\tmore payment walls\nlazy `payment walls` line\n\n-\titem `payment walls`\n"
    assert status(text, "markdown") == ["code", "prose", "code", "code"]
    assert protected_texts(text, "markdown") == ["`payment walls`"] * 3


def test_markdown_headings_and_links_across_lines():
    text = (
        "## Heading `payment walls` ##   \n\n"
        "> A [payment walls\n> link](http://e.com/a\n> \"payment walls\") here.\n"
    )
    assert status(text, "markdown") == ["code", "prose", "code"]
    assert protected_texts(text, "markdown") == [
        "`payment walls`", "[", '](http://e.com/a\n> "payment walls")',
    ]


def test_markdown_front_matter_toml_and_not_at_top():
    assert status("+++\ntitle = \"payment walls\"\n+++\npayment walls\n", "markdown") == ["code", "prose"]
    # A thematic break further down is not front matter.
    assert status("Intro.\n\n---\npayment walls\n---\n", "markdown") == ["prose"]
    # An unclosed opening line is a thematic break, not front matter.
    assert status("---\npayment walls\n", "markdown") == ["prose"]


def test_markdown_inline_html_comment_and_entities():
    text = "Before <!-- payment walls\nacross lines --> after payment walls &amp; &#169; https://e.com/payment."
    assert status(text, "markdown") == ["code", "prose"]
    assert protected_texts(text, "markdown") == [
        "<!-- payment walls\nacross lines -->", "&amp;", "&#169;", "https://e.com/payment",
    ]


def test_markdown_unmatched_backticks_and_escapes_are_prose():
    text = "A lone ` before payment walls.\n\nEscaped \\`payment walls\\` stay prose, ``a ` payment walls`` does not."
    assert status(text, "markdown") == ["prose", "prose", "code"]


def test_markdown_pre_and_style_blocks():
    text = "<pre>\npayment walls\n\nstill pre payment walls\n</pre>\n\n<style>\n.payment walls {}\n</style>\n\npayment walls\n"
    assert status(text, "markdown") == ["code", "code", "code", "prose"]


def test_markdown_nul_characters_do_not_shift_offsets():
    text = "a\0b `payment walls` payment walls\n"
    assert status(text, "markdown") == ["code", "prose"]


def test_plain_text_keeps_the_mask():
    text = "See `payment walls` at https://e.com/x and <b>payment walls</b>."
    assert protected_spans(text, "text") == list(mask.protected_spans(text))
    assert status(text, "text") == ["code", "prose"]


# ---------------------------------------------------------------------------------------------
# HTML

HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<title>On payment walls</title>
<style>.payment walls { color: red }</style>
<script>var s = "payment walls"; if (a < b) { s = "</p>"; }</script>
</head>
<body>
<!-- payment walls in a comment -->
<p class="payment walls">Readers hate payment walls &amp; ads.</p>
<p>Use <code>payment walls</code> or <b>payment walls</b>.</p>
<pre>
payment walls in pre <em>payment walls</em>
</pre>
<a href="https://example.com/payment walls" title="payment walls">payment walls link</a>
<img alt="payment walls" src="x.png"/>
<p>Caf&eacute; 😀 漢字\tpayment walls</p>
</body>
</html>
"""

HTML_EXPECTED = [
    ("title", "prose"),
    ("style", "code"),
    ("script", "code"),
    ("comment", "code"),
    ("attribute", "code"),
    ("paragraph", "prose"),
    ("code", "code"),
    ("bold", "prose"),
    ("pre", "code"),
    ("em inside pre", "code"),
    ("href", "code"),
    ("title attribute", "code"),
    ("link text", "prose"),
    ("alt attribute", "code"),
    ("after entity and wide characters", "prose"),
]


def test_html_protects_markup_and_code():
    check_expectations(HTML, "html", HTML_EXPECTED)


def test_html_protected_spans_are_exact():
    texts = protected_texts(HTML, "html")
    for expected in [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<style>.payment walls { color: red }</style>',
        '<script>var s = "payment walls"; if (a < b) { s = "</p>"; }</script>',
        "<!-- payment walls in a comment -->",
        '<p class="payment walls">',
        "&amp;",
        "<code>payment walls</code>",
        "&eacute;",
        '<img alt="payment walls" src="x.png"/>',
    ]:
        assert expected in texts, expected
    assert any(t.startswith("<pre>") and t.endswith("</pre>") for t in texts)
    assert "Readers hate payment walls " not in "".join(texts)


def test_html_offsets_with_crlf_and_non_ascii():
    crlf = HTML.replace("\n", "\r\n")
    assert status(crlf, "html") == [e for _, e in HTML_EXPECTED]
    assert [t.replace("\r\n", "\n") for t in protected_texts(crlf, "html")] == protected_texts(HTML, "html")
    text = "😀漢字\r\n\t<b class=\"x\">payment walls</b>\r\n𝔘 &amp; <i\r\n title=\"payment walls\">x</i>"
    spans = protected_spans(text, "html")
    start = text.index("<b")
    assert (start, start + len('<b class="x">')) in spans
    assert status(text, "html") == ["prose", "code"]
    amp = text.index("&amp;")
    assert (amp, amp + 5) in spans


def test_html_malformed_input_stays_in_bounds():
    for text in ["<p class='payment walls", "a < b payment walls", "<!-- payment walls", "</>payment walls", "<"]:
        assert_well_formed(text, protected_spans(text, "html"))
    assert status("a < b and payment walls", "html") == ["prose"]


def test_html_unfinished_markup_at_the_end_is_fast_and_safe():
    text = "<p>payment walls</p>" + "<a " * 20000
    start = time.perf_counter()
    assert status(text, "html") == ["prose"]
    assert time.perf_counter() - start < 5  # html.parser alone is quadratic here
    text = "<p>payment walls</p> <!-- payment walls, never closed < x"
    assert status(text, "html") == ["prose", "code"]
    assert directives("<p>x</p><!-- transfix: off", "html").silenced == [(8, 26)]


def test_markdown_past_the_nesting_limit_falls_back_to_the_mask():
    text = "> " * 40 + "deep `payment walls` and payment walls\n\npayment walls\n"
    assert status(text, "markdown") == ["code", "prose", "prose"]


# ---------------------------------------------------------------------------------------------
# Directives

def covered(spans, start, end) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def test_markdown_directives():
    text = (
        "payment walls one\n"
        "<!-- transfix: off -->\n"
        "payment walls two\n"
        "<!-- transfix: on -->\n"
        "payment walls three <!-- transfix: ignore-next-line -->\n"
        "payment walls four\n"
        "payment walls five\n"
        "<!-- transfix: disable fr.calques, common.typography -->\n"
        "payment walls six\n"
        "<!--transfix:enable-->\n"
        "payment walls seven\n"
        "```\n<!-- transfix: off -->\n```\n"
        "payment walls eight\n"
    )
    found = directives(text, "markdown")
    hits = occurrences(text)
    silenced = [covered(found.silenced, *hit) for hit in hits]
    assert silenced == [False, True, False, True, False, False, False, False]
    assert found.silenced[1] == (text.index("payment walls four"), text.index("\npayment walls five"))
    (start, end, prefixes), = found.disabled
    assert prefixes == ("fr.calques", "common.typography")
    assert start == text.index("<!-- transfix: disable") and end == text.index("-->\npayment walls seven") + 3
    assert found.suppresses("fr.calques.payment-walls", *hits[5])
    assert found.suppresses("common.typography.x", *hits[5])
    assert not found.suppresses("fr.false-friends.x", *hits[5])
    assert not found.suppresses("fr.calques.payment-walls", *hits[6])
    assert found.suppresses("anything", *hits[1])
    assert found.problems == []


def test_markdown_directive_at_end_runs_to_the_end_and_crlf():
    text = "a\r\n<!-- transfix: off -->\r\npayment walls\r\n<!-- transfix: disable fr -->\r\npayment walls"
    found = directives(text, "markdown")
    assert found.silenced == [(text.index("<!--"), len(text))]
    assert found.disabled == [(text.index("<!-- transfix: disable"), len(text), ("fr",))]
    ignore = "<!-- transfix: ignore-next-line -->\r\n😀 payment walls\r\nnext"
    assert directives(ignore, "markdown").silenced == [(ignore.index("😀"), ignore.index("\r\nnext"))]


def test_html_directives():
    text = (
        "<p>payment walls</p><!-- transfix: off --><p>payment walls</p><!-- transfix: on -->\n"
        "<pre><!-- not a directive? it is a comment, so it counts --></pre>\n"
        "<script>/* <!-- transfix: off --> */</script><p>payment walls</p>"
    )
    found = directives(text, "html")
    hits = occurrences(text)
    assert [covered(found.silenced, *h) for h in hits] == [False, True, False]


def test_text_directives():
    text = (
        "payment walls one\n"
        "# transfix: off\n"
        "payment walls two\n"
        "  // transfix: on\n"
        "transfix: ignore-next-line\n"
        "payment walls three\n"
        "payment walls four\n"
        "## transfix: disable fr\n"
        "payment walls five\n"
        "transfix: enable fr\n"
        "```\ntransfix: off\n```\n"
        "He said transfix: off the record.\n"
        "payment walls six\n"
    )
    found = directives(text, "text")
    hits = occurrences(text)
    assert [covered(found.silenced, *h) for h in hits] == [False, True, True, False, False, False]
    assert [p for _, _, p in found.disabled] == [("fr",)]
    assert found.suppresses("fr.x", *hits[4]) and not found.suppresses("de.x", *hits[4])


def test_directive_problems_are_reported_not_applied():
    text = "<!-- transfix: on -->\n<!-- transfix: bogus -->\n<!-- transfix: off now -->\n<!-- transfix: enable -->\n<!-- transfix: disable -->\n<!-- a plain comment -->\n"
    found = directives(text, "markdown")
    assert found.silenced == [] and found.disabled == []
    assert len(found.problems) == 5
    assert not found


def test_directive_spans_is_the_same_function():
    assert directive_spans is directives
    assert isinstance(directives("", "text"), Directives)


# ---------------------------------------------------------------------------------------------
# Kinds

@pytest.mark.parametrize(
    ("path", "explicit", "kind"),
    [
        ("README.md", None, "markdown"),
        ("docs/a.MARKDOWN", None, "markdown"),
        ("page.mdx", None, "markdown"),
        ("index.html", None, "html"),
        ("x.HTM", None, "html"),
        ("a.xhtml", None, "html"),
        ("notes.txt", None, "text"),
        ("-", None, "text"),
        ("Makefile", None, "text"),
        ("README.md", "text", "text"),
        ("notes.txt", "Markdown", "markdown"),
        ("-", "html", "html"),
    ],
)
def test_kind_for(path, explicit, kind):
    assert kind_for(path, explicit) == kind


def test_unknown_kind_is_an_error():
    assert KINDS == ("text", "markdown", "html")
    with pytest.raises(ValueError):
        kind_for("a.md", "rst")
    with pytest.raises(ValueError):
        protected_spans("x", "rst")


# ---------------------------------------------------------------------------------------------
# Properties

SENTENCE = "Readers climbed over the payment walls again."

WORDS = st.sampled_from(["the", "talks", "payment", "walls", "😀", "漢字", "café", "x1", "data", "𝔘"])
PUNCT = st.sampled_from(list("*_[]()!<>|\\&$#`~:\"'=-+.") + ["&amp;", "<b>", "</b>", "\t"])
PIECE = st.one_of(
    WORDS,
    WORDS,
    PUNCT,
    WORDS.map(lambda w: f"`{w}`"),
    st.tuples(WORDS, WORDS).map(lambda p: f"[{p[0]}](http://e.com/{p[1]} \"{p[1]}\")"),
    WORDS.map(lambda w: f"![{w}](<img/{w} x.png>)"),
    WORDS.map(lambda w: f"<span title=\"{w}\">{w}</span>"),
    WORDS.map(lambda w: f"<https://e.com/{w}>"),
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"[{w}][ref]"),
    WORDS.map(lambda w: f"<!-- {w} -->"),
)
LINE = st.tuples(st.sampled_from(["A", "The", "Then", "Eh"]), st.lists(PIECE, max_size=8)).map(
    lambda t: " ".join([t[0], *t[1]])
)
LINES = st.lists(LINE, min_size=1, max_size=3)


def _cells(line: str) -> str:
    return line.replace("|", "/").replace("\\", "/")


BLOCK = st.one_of(
    LINES.map("\n".join),
    st.tuples(st.integers(1, 6), LINE).map(lambda t: "#" * t[0] + " " + t[1]),
    st.tuples(LINE, st.sampled_from(["=", "-"])).map(lambda t: f"{t[0]}\n{t[1] * 3}"),
    st.tuples(st.sampled_from(["```", "~~~~"]), LINES).map(lambda t: f"{t[0]}info\n" + "\n".join(t[1]) + f"\n{t[0]}"),
    LINES.map(lambda ls: "\n".join("    " + x for x in ls)),
    LINES.map(lambda ls: "\n".join(["- " + ls[0], *("  - " + x for x in ls[1:])])),
    LINES.map(lambda ls: "\n".join(["1. " + ls[0], *("   > " + x for x in ls[1:])])),
    LINES.map(lambda ls: "\n".join(("> " * (i + 1)) + x for i, x in enumerate(ls))),
    st.tuples(LINE, LINE, LINE).map(
        lambda t: f"| {_cells(t[0])} | h |\n| --- | :-: |\n| {_cells(t[1])} | `c` |\n{_cells(t[2])} | d"
    ),
    LINES.map(lambda ls: '<div class="a b">\n' + "\n".join(ls) + "\n</div>"),
    LINES.map(lambda ls: "<script>\n" + "\n".join(ls) + "\n</script>"),
    LINES.map(lambda ls: "<!--\n" + "\n".join(ls) + "\n-->"),
    WORDS.map(lambda w: f'[ref]: http://e.com/{w} "{w}"'),
    LINES.map(lambda ls: "$$\n" + "\n".join(ls) + "\n$$"),
)

DOCUMENT = st.tuples(
    st.booleans(),  # front matter
    st.lists(BLOCK, max_size=8),
    st.integers(0, 8),  # where the known sentence goes
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),  # BOM
)


def build(front: bool, blocks: list[str], where: int, newline: str, bom: bool) -> tuple[str, int]:
    """The document and the offset of SENTENCE in it."""
    parts = list(blocks)
    parts.insert(min(where, len(parts)), SENTENCE)
    if front:
        parts.insert(0, "---\ntitle: payment walls\n---")
    text = "\n\n".join(parts) + "\n"
    text = ("\ufeff" if bom else "") + text.replace("\n", newline)
    return text, text.index(SENTENCE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_markdown_property_spans_are_in_bounds_and_prose_stays_checkable(document):
    text, at = build(*document)
    spans = protected_spans(text, "markdown")
    assert_well_formed(text, spans)
    assert not Intervals(spans).overlaps(at, at + len(SENTENCE)), [text[s:e] for s, e in spans]
    # The same document with LF line breaks protects the same characters.
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    assert _protected_chars(lf, protected_spans(lf, "markdown")) == _protected_chars(text, spans)


def _protected_chars(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(text)
    for start, end in spans:
        flags[start:end] = [True] * (end - start)
    return [flag for flag, char in zip(flags, text) if char not in "\r\n"]


HTML_PUNCT = st.sampled_from(list("*_[]()!|\\$#`~:\"'=-+.>") + ["&", "&amp", "\t", "< b"])
HTML_FRAGMENT = st.one_of(
    WORDS,
    HTML_PUNCT,
    WORDS.map(lambda w: f'<p class="{w}">{w}</p>'),
    WORDS.map(lambda w: f"<code>{w}</code>"),
    WORDS.map(lambda w: f"<!-- {w} -->"),
    WORDS.map(lambda w: f"<script>var x = '{w}';</script>"),
    WORDS.map(lambda w: f"<pre>\n{w}\n</pre>"),
    WORDS.map(lambda w: f"&{w};"),
    st.sampled_from(["\n", "\r\n", "\t", "<br/>", "<img src=x>", "&amp;", "&#169;", "</b>", "<hr >"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(HTML_FRAGMENT, max_size=12), st.lists(HTML_FRAGMENT, max_size=12))
def test_html_property_text_between_tags_stays_checkable(before, after):
    text = "".join(before) + f"<p>{SENTENCE}</p>" + "".join(after)
    at = text.index(SENTENCE)
    spans = protected_spans(text, "html")
    assert_well_formed(text, spans)
    assert not Intervals(spans).overlaps(at, at + len(SENTENCE)), [text[s:e] for s, e in spans]
    crlf = text.replace("\n", "\r\n")
    assert _protected_chars(crlf, protected_spans(crlf, "html")) == _protected_chars(text, spans)

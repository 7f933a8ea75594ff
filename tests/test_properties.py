"""Property tests: whatever text comes in, transfix does not crash, reports findings that point
exactly at the text, never touches protected spans, settles in one `fix`, changes nothing it did
not report, and `diff --no-suggest | patch -p1` equals `fix`.

One engine is compiled once for the whole module; example counts are kept small enough for the
file to run in well under 90 s on two slow cores.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import transfix
from transfix import markup, mask
from transfix.model import FixLevel
from transfix.report import unified_diff

ENGINE = transfix.Engine()
NOTHING = transfix.Engine(select=["nothing.matches"])

# Damaged phrases from the brief, each of which fires with the shipped rules.
DAMAGED = ("payment walls", "the RPC in Beijing", "$ 600", "( AP ))", "lever effect", "National National")

# Characters that stress offsets, line counting and masking.
SPECIALS = (
    "\r\n", "\n", "\n\n", "\t", " ", "\x00", "\u0301", "\u0308", "e\u0301", "\U0001F600", "\U0001D518",
    "\ufeff", "\u00a0", "\u200b", "`", "``", "```\n", "~~~\n", "http://example.com/", "www.", "@",
    "a@b.org", "<b>", "</b>", "<!--", "-->", "&amp;", "&", "( ", " )", "$", ".", ",", " ?", "China",
    "Beijing", "Ã©", "ﬁ", "# transfix: off\n", "<!-- transfix: off -->",
)


def _settings(examples: int, **extra) -> settings:
    return settings(
        max_examples=examples, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        **extra,
    )


# Any text: st.text() is surrogate-free and includes astral characters, NUL and combining marks.
arbitrary = st.text(max_size=120)

salted = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(DAMAGED), st.sampled_from(SPECIALS)),
    max_size=24,
).map("".join)

any_text = st.one_of(arbitrary, salted)

# Generated text avoids surrogates; lone CR, FF, U+2028 and other characters that str.splitlines
# breaks at (but patch does not) are covered by test_diff_then_patch_with_non_lf_line_separators.
patchable_chars = st.characters(blacklist_categories=("Cs",))
patchable = st.lists(
    st.one_of(
        st.text(patchable_chars, max_size=12),
        st.sampled_from(DAMAGED),
        st.sampled_from(list(SPECIALS) + ["\r\n", "\r\n\r\n"]),
    ),
    max_size=20,
).map("".join)


# ---------------------------------------------------------------------------------------------
# Helpers


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and code-point column, lines ending at LF (a CR of CRLF ends its line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def overlaps(spans, start: int, end: int) -> bool:
    """Whether [start, end) touches a protected span; an insertion counts when strictly inside."""
    for s, e in spans:
        if start == end:
            if s < start < e:
                return True
        elif s < end and start < e:
            return True
    return False


def assert_well_formed(text: str, findings) -> None:
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert (f.line, f.column) == expected_position(text, f.start), f
        assert f.fix in FixLevel


def protected_for(text: str, kind: str):
    if kind == "text":
        return list(mask.protected_spans(text))
    return markup.protected_spans(text, kind)


# ---------------------------------------------------------------------------------------------
# Plain text


@_settings(300)
@given(any_text)
@example("")
@example("\x00")
@example("payment walls")
@example("the RPC in Beijing\r\n$ 600 ( AP )) lever effect National National Security")
@example("`the RPC in Beijing` http://example.com/RPC/lever%20effect Beijing")
@example("e\u0301 payment walls \U0001F600 $ 600\r\n")
def test_text_findings_are_well_formed_and_outside_protected_spans(text):
    analysis = ENGINE.analyze(text)  # (a) no exception
    assert_well_formed(text, analysis.findings)  # (b)
    spans = protected_for(text, "text")
    for f in analysis.findings:  # (c)
        assert not overlaps(spans, f.start, f.end), (f, spans)


@_settings(150)
@given(st.sampled_from(DAMAGED), st.sampled_from([
    "`{}`", "``{}``", "```\n{}\n```", "~~~\n{}\n~~~", "<code>{}</code>", "<pre>{}</pre>",
    "<!-- {} -->", '<a title="{}">x</a>', "<script>{}</script>", "<style>{}</style>",
]), st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd")), max_size=10),
    st.sampled_from(["\n", "\r\n"]))
def test_damaged_phrase_inside_code_or_markup_is_never_flagged_in_text(phrase, wrapper, filler, newline):
    wrapped = wrapper.format(phrase).replace("\n", newline)
    text = f"{filler} Beijing China {newline}{wrapped}{newline}{filler}"
    start = text.index(wrapped)
    for f in ENGINE.check(text):
        assert not overlaps([(start, start + len(wrapped))], f.start, f.end), (f, text)
    assert ENGINE.repair(text, unsafe=True).text.count(wrapped) == 1


@pytest.mark.parametrize("text", [
    "~~~\npayment walls\n~~~\n",
    "Intro\n\n~~~text\nthe RPC in Beijing\n~~~\n\nEnd.\n",
    "a `x\n\npayment walls\n\ny` b\n",
])
def test_crlf_text_is_masked_like_lf_text(text):
    crlf = text.replace("\n", "\r\n")
    assert [(f.rule, f.text) for f in ENGINE.check(crlf)] == [(f.rule, f.text) for f in ENGINE.check(text)]


@_settings(60)
@given(st.sampled_from(["RPC", "OTAN", "National-National", "lever-effect"]), st.sampled_from([
    "https://example.com/{}/Beijing", "http://www.example.org/a?x={}&y=China", "www.example.net/{}",
    "ftp://files.example/{}.txt",
]))
def test_damage_inside_a_url_is_never_flagged(word, url):
    address = url.format(word)
    text = f"Officials in Beijing said the RPC and China agreed; see {address}. More at {address}\n"
    for f in ENGINE.check(text):
        for start in (i for i in range(len(text)) if text.startswith(address, i)):
            assert not overlaps([(start, start + len(address))], f.start, f.end), (f, text)
    assert ENGINE.repair(text, unsafe=True).text.count(address) == 2


@_settings(150)
@given(any_text, st.booleans())
@example("payment walls payment walls", False)
@example("the RPC in Beijing", True)
def test_fix_is_idempotent(text, unsafe):
    once = ENGINE.repair(text, unsafe=unsafe)
    twice = ENGINE.repair(once.text, unsafe=unsafe)
    assert twice.text == once.text  # (d)
    assert twice.applied == ()


@_settings(150)
@given(any_text)
def test_repair_that_applies_nothing_returns_the_input_unchanged(text):
    # (e) an engine whose selection matches no rule, normalisation included, changes nothing
    nothing = NOTHING.repair(text, unsafe=True)
    assert nothing.text == text and nothing.applied == () and nothing.pending == ()
    # and whenever the real engine applies nothing, the text comes back character for character
    result = ENGINE.repair(text)
    if not result.applied:
        assert result.text == text


CLEAN = [
    line for path in sorted((Path(__file__).resolve().parents[1] / "corpus" / "clean").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
][:200] or ["The council met on Tuesday."]


@_settings(60)
@given(st.lists(st.sampled_from(CLEAN), min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\n\n"]),
       st.booleans())
def test_clean_text_is_returned_identical(lines, newline, final):
    text = newline.join(lines) + (newline if final else "")
    for unsafe in (False, True):
        assert ENGINE.repair(text, unsafe=unsafe).text == text


# ---------------------------------------------------------------------------------------------
# Markdown


@dataclass
class MarkdownDoc:
    newline: str
    parts: list[str] = field(default_factory=list)
    length: int = 0
    protected: list[tuple[int, int, str]] = field(default_factory=list)  # phrases in code, URLs, ...
    prose: list[tuple[int, int]] = field(default_factory=list)  # "payment walls" in plain prose

    def add(self, piece: str, *, protect: str | None = None, prose: str | None = None) -> None:
        piece = piece.replace("\n", self.newline)
        for phrase, target in ((protect, self.protected), (prose, self.prose)):
            if phrase is None:
                continue
            at = piece.index(phrase)
            entry = (self.length + at, self.length + at + len(phrase))
            target.append(entry + (phrase,) if target is self.protected else entry)
        self.parts.append(piece)
        self.length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)


# Filler words: letters and digits only (any script, astral included), so filler never opens
# Markdown syntax by accident and placements stay where they were put.
word = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=8)
words = st.lists(word, min_size=1, max_size=6).map(" ".join)


@st.composite
def markdown_documents(draw) -> MarkdownDoc:
    doc = MarkdownDoc(draw(st.sampled_from(["\n", "\r\n"])))

    def phrase() -> str:
        return draw(st.sampled_from(DAMAGED))

    if draw(st.booleans()):
        kind = draw(st.sampled_from(["yaml", "toml"]))
        p = phrase()
        if kind == "yaml":
            doc.add(f"---\ntitle: {p}\ntags: [a, b]\n---\n\n", protect=p)
        else:
            doc.add(f'+++\ntitle = "{p}"\n+++\n\n', protect=p)
    for _ in range(draw(st.integers(1, 7))):
        block = draw(st.sampled_from([
            "heading", "paragraph", "fence", "tilde", "indented", "inline-code", "link", "image",
            "autolink", "inline-html", "html-block", "list", "quote", "reference", "comment", "table",
        ]))
        p = phrase()
        filler = draw(words)
        if block == "heading":
            doc.add(f"{'#' * draw(st.integers(1, 6))} {filler} ")
            doc.add("payment walls", prose="payment walls")
            doc.add("\n\n")
        elif block == "paragraph":
            doc.add(f"{filler} ")
            doc.add("payment walls", prose="payment walls")
            doc.add(f" {draw(words)}.\n\n")
        elif block == "fence":
            doc.add(f"```{draw(st.sampled_from(['', 'python', 'text']))}\n{filler}\n{p}\n```\n\n", protect=p)
        elif block == "tilde":
            doc.add(f"~~~\n{p}\n~~~\n\n", protect=p)
        elif block == "indented":
            doc.add(f"{filler}\n\n    {p}\n    {filler}\n\n", protect=p)
        elif block == "inline-code":
            doc.add(f"{filler} `{p}` {filler}\n\n", protect=p)
        elif block == "link":
            slug = draw(st.sampled_from(["RPC", "OTAN", "the-RPC-in-Beijing"]))
            doc.add(f"[{filler}](https://example.com/{slug} \"{p}\") in Beijing\n\n", protect=p)
        elif block == "image":
            doc.add(f"![{filler}](img/{filler.split()[0]}.png \"{p}\")\n\n", protect=p)
        elif block == "autolink":
            doc.add("See <https://example.com/RPC/Beijing> and www.example.org/RPC today.\n\n",
                    protect="https://example.com/RPC/Beijing")
        elif block == "inline-html":
            doc.add(f'{filler} <span title="{p}">{filler}</span>\n\n', protect=p)
        elif block == "html-block":
            doc.add(f'<div class="note">\n<!-- {p} -->\n<pre>{p}</pre>\n</div>\n\n', protect=p)
        elif block == "list":
            doc.add(f"- {filler}\n- `{p}`\n  1. {filler}\n\n", protect=p)
        elif block == "quote":
            doc.add(f"> {filler}\n> `{p}`\n\n", protect=p)
        elif block == "reference":
            doc.add(f"[{filler}][ref]\n\n[ref]: https://example.com/RPC \"{p}\"\n\n", protect=p)
        elif block == "comment":
            doc.add(f"<!-- {p} -->\n\n", protect=p)
        elif block == "table":
            doc.add(f"| a | b |\n| --- | --- |\n| {filler} | `{p}` |\n\n", protect=p)
    if draw(st.booleans()):  # sometimes no final newline
        text = doc.text
        while text.endswith(("\n", "\r")):
            doc.parts[-1] = doc.parts[-1][:-1]
            doc.length -= 1
            text = doc.text
    return doc


# Chaotic Markdown: fragments of syntax mixed with arbitrary text, for the crash and offset properties.
MD_FRAGMENTS = (
    "---\n", "+++\n", "# ", "## ", "\n\n", "\r\n", "```\n", "~~~\n", "    ", "`", "[", "](", ")", "![",
    "<https://example.com/RPC>", "<div>\n", "</div>\n", "<!-- ", " -->", "- ", "1. ", "> ", "| a | b |\n",
    "| --- | --- |\n", "[x]: http://example.com \"t\"\n", "&nbsp;", "$$\n", "\\", "*", "_", "\t", "\ufeff",
    "\x00", "<code>", "</code>", "<!-- transfix: off -->", "<!-- transfix: on -->",
)
chaotic_markdown = st.lists(
    st.one_of(st.text(max_size=10), st.sampled_from(DAMAGED), st.sampled_from(MD_FRAGMENTS)), max_size=30,
).map("".join)


@_settings(120)
@given(markdown_documents())
def test_markdown_damage_in_code_urls_and_front_matter_is_never_flagged(doc):
    text = doc.text
    analysis = ENGINE.analyze(text, kind="markdown")
    assert_well_formed(text, analysis.findings)
    spans = protected_for(text, "markdown")
    placed = [(s, e) for s, e, _ in doc.protected]
    for f in analysis.findings:
        assert not overlaps(spans, f.start, f.end), (f, text)
        assert not overlaps(placed, f.start, f.end), (f, text)
    for start, end, phrase in doc.protected:  # the placements really are protected
        assert text[start:end] == phrase
        assert any(s <= start and end <= e for s, e in spans), (phrase, start, spans, text)
    for start, end in doc.prose:  # and damage in prose is still found
        assert any(f.rule == "fr.calques.payment-walls" and f.start == start and f.end == end
                   for f in analysis.findings), (start, text)
    repaired = ENGINE.repair(text, kind="markdown", unsafe=True).text
    for _start, _end, phrase in doc.protected:
        assert phrase in repaired
    assert ENGINE.repair(repaired, kind="markdown", unsafe=True).text == repaired


@_settings(200)
@given(chaotic_markdown)
@example("---\npayment walls\n---\n\n# payment walls\n\n```\n$ 600\n```\n")
@example("\ufeff    payment walls\r\n\r\n`( AP ))` the RPC in Beijing\x00")
def test_chaotic_markdown_findings_are_well_formed_and_outside_protected_spans(text):
    analysis = ENGINE.analyze(text, kind="markdown")
    assert_well_formed(text, analysis.findings)
    spans = protected_for(text, "markdown")
    for f in analysis.findings:
        assert not overlaps(spans, f.start, f.end), (f, spans)


@_settings(100)
@given(st.one_of(chaotic_markdown, markdown_documents().map(lambda d: d.text)), st.booleans())
def test_markdown_fix_is_idempotent(text, unsafe):
    once = ENGINE.repair(text, kind="markdown", unsafe=unsafe)
    assert ENGINE.repair(once.text, kind="markdown", unsafe=unsafe).text == once.text
    nothing = NOTHING.repair(text, kind="markdown", unsafe=True)
    assert nothing.text == text


@_settings(60)
@given(st.one_of(salted, chaotic_markdown))
def test_html_findings_are_well_formed_and_outside_protected_spans(text):
    analysis = ENGINE.analyze(text, kind="html")
    assert_well_formed(text, analysis.findings)
    spans = protected_for(text, "html")
    for f in analysis.findings:
        assert not overlaps(spans, f.start, f.end), (f, spans)
    once = ENGINE.repair(text, kind="html", unsafe=True).text
    assert ENGINE.repair(once, kind="html", unsafe=True).text == once


# ---------------------------------------------------------------------------------------------
# diff | patch == fix

needs_patch = pytest.mark.skipif(shutil.which("patch") is None, reason="patch is not installed")


def diff_then_patch(text: str, kind: str = "text") -> tuple[bytes, bytes, str]:
    """(file bytes after `patch -p1`, bytes `fix` would write, the diff)."""
    fixed = ENGINE.repair(text, kind=kind).text  # what `fix` writes (safe fixes only)
    labels = [f for f in ENGINE.check(text, kind=kind) if f.fix is FixLevel.SAFE]  # --no-suggest
    diff = "".join(unified_diff("doc.txt", text, fixed, labels))
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "doc.txt"
        target.write_bytes(text.encode("utf-8"))
        if diff:
            done = subprocess.run(
                ["patch", "-p1", "-s", "-f", "-F0", "--no-backup-if-mismatch"],
                input=diff.encode("utf-8"), cwd=directory, capture_output=True, timeout=60, check=False,
            )
            assert done.returncode == 0, (done.stdout, done.stderr, diff)
        return target.read_bytes(), fixed.encode("utf-8"), diff


@needs_patch
@_settings(25)
@given(patchable, st.sampled_from(["", "\n", "\r\n"]))
@example("Behind payment walls", "")
@example("Costs $ 600 now\r\nBehind payment walls\r\n( AP )) end", "")
@example("line one\r\nBehind payment walls\r\n", "")
@example("\U0001F600 payment walls\x00 e\u0301", "\n")
def test_diff_then_patch_equals_fix(text, ending):
    text = text + ending  # with and without a final newline, LF or CRLF
    patched, fixed, diff = diff_then_patch(text)
    assert patched == fixed, diff


@needs_patch
@_settings(15)
@given(markdown_documents())
def test_markdown_diff_then_patch_equals_fix(doc):
    patched, fixed, diff = diff_then_patch(doc.text, kind="markdown")
    assert patched == fixed, diff


@needs_patch
@pytest.mark.parametrize("separator", ["\x0c", "\r", "\u2028", "\x85", "\x0b"])
def test_diff_then_patch_with_non_lf_line_separators(separator):
    text = f"Page one{separator}Behind payment walls\nthe end\n"
    patched, fixed, diff = diff_then_patch(text)
    assert patched == fixed, diff


@pytest.mark.parametrize("text, kind", [
    ("`a\uff40 payment walls \uff40b`", "text"),
    ("see http://example.com/\uff02payment walls", "text"),
    ("```\n\uff40\uff40\uff40\npayment walls\n```\n", "markdown"),
    ("<pre>a \uff1c/pre\uff1e payment walls</pre>", "html"),
])
def test_normalisation_cannot_unprotect_a_span(text, kind):
    spans = protected_for(text, kind)
    assert spans
    findings = [f for f in ENGINE.check(text, kind=kind) if f.source is transfix.Source.RULES]
    assert all(not overlaps(spans, f.start, f.end) for f in findings), (findings, spans)

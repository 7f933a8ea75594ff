"""The HTML review report: the page itself (self-contained, data safely embedded) and, in a real
headless Chromium, the review an editor does: accept, reject, keys, export, then `transfix apply`.

The browser tests need Debian's chromium (/usr/bin/chromium) and the playwright Python package
(never `playwright install`: its browser download is not used); they skip without them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from transfix.decisions import KIND, VERSION
from transfix.htmlreport import ReportEntry, embed_json, render_report, report_data, utf16_offsets
from transfix.model import Finding, FixLevel, Source
from transfix.score import score_findings
from transfix.textio import Document

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
DATA_SCRIPT = re.compile(r'<script type="application/json" id="transfix-data">(.*?)</script>', re.S)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transfix", *args], capture_output=True, cwd=cwd, timeout=180)


def embedded(html: str) -> dict:
    (payload,) = DATA_SCRIPT.findall(html)
    return json.loads(payload)


def finding(text: str, phrase: str, replacement: str | None, fix: FixLevel = FixLevel.SAFE,
            rule: str = "test.rule", occurrence: int = 0, source: Source = Source.RULES,
            category: str = "typography") -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(
        rule=rule, source=source, start=start, end=end, text=phrase,
        replacements=() if replacement is None else (replacement,), fix=fix, category=category,
        pivot=("fr",), message=f"{rule} message", line=line, column=column, confidence=0.75,
        explanation=f"{rule} explanation",
    )


def entry_for(path: Path, text: str, findings: list[Finding]) -> ReportEntry:
    path.write_bytes(text.encode("utf-8"))
    document = Document(path=str(path), text=text, raw=text.encode("utf-8"))
    findings = sorted(findings, key=lambda f: (f.start, f.end))
    return ReportEntry(document, tuple(findings), score_findings(text, findings))


# ---------------------------------------------------------------- the page, without a browser


def test_report_is_self_contained(tmp_path):
    text = "See https://example.com/a.png and <img src=\"http://example.com/x.png\"> here: payment walls.\n"
    entry = entry_for(tmp_path / "a.txt", text, [finding(text, "payment walls", "paywalls")])
    html = render_report([entry])
    page = DATA_SCRIPT.sub("", html)  # document text (with its URLs) lives only in the JSON
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//|@import""", html, re.I)
    assert "default-src 'none'" in html  # the page's CSP forbids network loads
    assert html.count("<script") == 2  # the data and the page's own inline script, nothing else
    assert "<link" not in html


def test_embedded_json_round_trips(tmp_path):
    text = "Talks with the RPC 🎉 over <rare lands> & \u2028 \"quotes\" stalled: payment walls.\n"
    entries = [entry_for(tmp_path / "a.txt", text, [
        finding(text, "RPC", "PRC", FixLevel.UNSAFE, "fr.acronyms.rpc"),
        finding(text, "rare lands", "rare earths", FixLevel.UNSAFE, "fr.calques.rare-lands"),
        finding(text, "payment walls", "paywalls"),
    ])]
    html = render_report(entries)
    data = embedded(html)
    assert data == json.loads(json.dumps(report_data(entries)))
    (file,) = data["files"]
    assert file["text"] == text
    assert file["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert data["decisions"] == {"kind": KIND, "version": VERSION}
    rule_ids = [f["rule"] for f in file["findings"]]
    assert rule_ids == ["fr.acronyms.rpc", "fr.calques.rare-lands", "test.rule"]
    for f in file["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]  # code points, as in transfix
        assert f["explanation"].endswith("explanation")


def test_utf16_offsets_after_emoji(tmp_path):
    text = "🎉🎊 party 𝒜 then payment walls\n"
    (f,) = [finding(text, "payment walls", "paywalls")]
    data = report_data([entry_for(tmp_path / "e.txt", text, [f])])
    (item,) = data["files"][0]["findings"]
    assert (item["start"], item["end"]) == (f.start, f.end)
    assert (item["u16start"], item["u16end"]) == (f.start + 3, f.end + 3)  # three astral characters before
    units = text.encode("utf-16-le")
    assert units[2 * item["u16start"]:2 * item["u16end"]].decode("utf-16-le") == "payment walls"
    assert utf16_offsets("abc")(2) == 2


def test_script_end_tag_in_text_cannot_break_out(tmp_path):
    text = "Evil </script><script>alert(1)</script> and <!-- comment --> ]]> payment walls.\n"
    entry = entry_for(tmp_path / "x.txt", text, [finding(text, "payment walls", "paywalls")])
    html = render_report([entry])
    assert "</script><script>alert(1)" not in html
    assert html.lower().count("</script") == 2  # only the page's own two elements close
    payload = DATA_SCRIPT.findall(html)[0]
    assert "<" not in payload and ">" not in payload
    assert embedded(html)["files"][0]["text"] == text
    assert embed_json({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'


def test_template_ships_inside_the_package():
    from importlib import resources

    templates = resources.files("transfix").joinpath("templates")
    for name in ("report.html", "report.css", "report.js"):
        assert templates.joinpath(name).is_file()


def test_report_command_writes_the_page(tmp_path):
    source = Path(__file__).resolve().parents[1] / "corpus" / "mt" / "trade-talks.txt"
    target = tmp_path / "trade.txt"
    target.write_bytes(source.read_bytes())
    out = tmp_path / "report.html"
    result = run("report", str(target), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = embedded(out.read_text(encoding="utf-8"))
    (file,) = data["files"]
    assert file["path"] == str(target)
    assert file["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert any(f["rule"] == "fr.acronyms.rpc" for f in file["findings"])
    assert set(file["score"]) >= {"probability", "verdict", "pivot", "evidence"}


# ---------------------------------------------------------------- a real browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    yield page
    context.close()
    assert not errors, errors


def open_report(page, report: Path) -> None:
    page.goto(report.resolve().as_uri())
    page.wait_for_selector("html[data-ready]", state="attached", timeout=10000)


def export(page, tmp_path: Path, name: str = "decisions.json") -> Path:
    with page.expect_download() as info:
        page.click("#export")
    target = tmp_path / name
    info.value.save_as(target)
    return target


def apply_expected(text: str, findings: list[dict]) -> str:
    out, position = [], 0
    for f in sorted(findings, key=lambda f: f["start"]):
        assert f["start"] >= position
        out += [text[position:f["start"]], f["replacements"][0]]
        position = f["end"]
    return "".join(out) + text[position:]


def state(page, element_id: str) -> str:
    return page.get_attribute(f"#{element_id}", "data-state")


def png_colours(path: Path) -> int:
    """The number of distinct colours in an 8-bit RGB or RGBA PNG (all Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,), kind = struct.unpack(">I", data[position:position + 4]), data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    colours = set()
    for row in range(height):
        kind = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 255
        for i in range(0, stride, channels * 7):  # every 7th pixel is plenty
            colours.add(bytes(line[i:i + 3]))
        previous = line
    return len(colours)


def test_review_seed_in_browser_then_apply(page, tmp_path, seed_text):
    article = tmp_path / "article.txt"
    article.write_bytes(seed_text.encode("utf-8"))
    report = tmp_path / "report.html"
    result = run("report", str(article), "-o", str(report))
    assert result.returncode == 0, result.stderr
    (file,) = embedded(report.read_text(encoding="utf-8"))["files"]
    findings = file["findings"]
    text = article.read_bytes().decode("utf-8")

    def first(rule: str) -> dict:
        return next(f for f in findings if f["rule"] == rule)

    accept = [first("fr.acronyms.rpc"), first("fr.calques.lever-effect")]
    reject = first("common.typography.currency-space")
    assert all(f["fix"] in ("unsafe", "suggest") for f in accept) and reject["fix"] == "safe"

    open_report(page, report)
    assert page.locator(".f").count() == len(findings)
    for f in accept:
        element = f"f-0-{f['id']}"
        assert state(page, element) == "undecided"
        page.click(f"#{element}")
        page.click("#btn-accept")
        assert state(page, element) == "accepted"
    element = f"f-0-{reject['id']}"
    assert state(page, element) == "accepted"  # safe: pre-accepted
    page.click(f"#{element}")
    page.click("#btn-reject")
    assert state(page, element) == "rejected"

    decisions_path = export(page, tmp_path)
    exported = json.loads(decisions_path.read_text(encoding="utf-8"))
    assert exported["kind"] == KIND and exported["version"] == VERSION
    (entry,) = exported["files"]
    assert entry["path"] == str(article)
    assert entry["sha256"] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert len(entry["decisions"]) == len(findings)
    for decision, f in zip(entry["decisions"], findings):
        assert list(decision) == ["rule", "start", "end", "text", "replacement", "accepted"]
        assert (decision["rule"], decision["start"], decision["end"], decision["text"]) == \
            (f["rule"], f["start"], f["end"], f["text"])

    chosen = [f for f in findings if f["fix"] == "safe" and f["replacements"] and f is not reject] + accept
    expected = apply_expected(text, chosen)
    assert sum(d["accepted"] for d in entry["decisions"]) == len(chosen)

    result = run("apply", str(decisions_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert article.read_bytes().decode("utf-8") == expected
    assert "PRC" in expected and "leverage" in expected and "$ " in expected

    # The file changed since the report: a second apply must refuse it.
    again = run("apply", str(decisions_path), cwd=tmp_path)
    assert again.returncode == 2 and b"changed since the report" in again.stderr

    shot = tmp_path / "report.png"
    page.click(f"#f-0-{accept[0]['id']}")
    page.screenshot(path=str(shot))
    assert png_colours(shot) > 40


def test_keyboard_review(page, tmp_path, seed_text):
    article = tmp_path / "article.txt"
    article.write_bytes(seed_text.encode("utf-8"))
    report = tmp_path / "report.html"
    assert run("report", str(article), "-o", str(report)).returncode == 0
    open_report(page, report)

    def focused() -> tuple[str, str]:
        return tuple(page.evaluate("[document.activeElement.id, document.activeElement.getAttribute('data-state')]"))

    page.keyboard.press("j")
    assert focused()[0] == "f-0-0"
    for _ in range(3):
        page.keyboard.press("j")
    element, before = focused()
    assert element == "f-0-3"
    while before == "accepted":  # find one that is not already accepted
        page.keyboard.press("j")
        element, before = focused()
    page.keyboard.press("a")
    assert focused() == (element, "accepted")
    assert page.get_attribute("#btn-accept", "aria-pressed") == "true"
    page.keyboard.press("r")
    assert focused() == (element, "rejected")
    page.keyboard.press("k")
    assert focused()[0] != element
    page.keyboard.press("n")
    assert focused()[0] == element
    page.keyboard.press("u")
    assert focused() == (element, "undecided")

    # e edits the replacement; Enter accepts the edited text.
    page.keyboard.press("e")
    assert page.evaluate("document.activeElement.id") == "edit-replacement"
    page.fill("#edit-replacement", "EDITED")
    page.keyboard.press("Enter")
    assert focused() == (element, "accepted")
    assert "EDITED" in page.inner_text(f"#{element} ins")

    page.keyboard.press("?")
    assert page.evaluate("document.getElementById('help').open")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('help').open")

    # Filters: hiding every suggest-level finding removes them from the text and the navigation.
    total = page.locator(".f").count()
    suggest = page.locator(".f.lvl-suggest").count()
    page.click("label:has(#filter-level-suggest)")
    assert page.locator(".f").count() == total - suggest
    assert page.locator(".f.lvl-suggest").count() == 0


def test_overlaps_emoji_and_script_text_in_browser(page, tmp_path):
    text = ("🎉🎊 Party! They hid it behind payment walls </script><script>window.pwned=1</script>\n"
            "The spokesman of the Foreign Ministry of Foreign Affairs spoke.\n")
    article = tmp_path / "overlap.txt"
    outer = finding(text, "Foreign Ministry of Foreign Affairs", "Foreign Ministry", FixLevel.SAFE,
                    "common.doubled-words.ministry", category="doubled-word")
    inner = finding(text, "Ministry of Foreign", "Ministry for Foreign", FixLevel.SUGGEST, "test.inner",
                    category="calque")
    walls = dataclasses.replace(
        finding(text, "payment walls", "paywalls", FixLevel.SAFE, "fr.calques.payment-walls", category="calque"),
        replacements=("paywalls", "paywall barriers"))
    entry = entry_for(article, text, [outer, inner, walls])
    report = tmp_path / "report.html"
    report.write_text(render_report([entry]), encoding="utf-8")
    open_report(page, report)
    assert page.evaluate("window.pwned") is None
    assert "</script><script>window.pwned=1</script>" in page.inner_text("#doc-text")

    ids = {f.rule: f"f-0-{i}" for i, f in enumerate(entry.findings)}
    walls_el = ids["fr.calques.payment-walls"]
    assert page.inner_text(f"#{walls_el} del") == "payment walls"  # UTF-16 offsets after the emoji
    assert page.inner_text(f"#{walls_el} ins") == "paywalls"
    page.click(f"#{walls_el}")
    page.keyboard.press("2")  # the second suggested replacement
    assert page.inner_text(f"#{walls_el} ins") == "paywall barriers"
    assert page.is_checked("#choice-1") and state(page, walls_el) == "accepted"

    assert page.locator(".cluster").count() == 1
    assert state(page, ids["common.doubled-words.ministry"]) == "accepted"
    page.click(f"#{ids['test.inner']}")
    page.click("#btn-accept")
    assert state(page, ids["test.inner"]) == "accepted"
    assert state(page, ids["common.doubled-words.ministry"]) == "rejected"  # overlapping: rejected
    assert page.is_visible("#toast") and "overlapping" in page.inner_text("#toast")
    page.click(f"#{ids['common.doubled-words.ministry']}")
    assert "Rejected automatically" in page.inner_text("#detail")

    decisions_path = export(page, tmp_path)
    assert run("apply", str(decisions_path), cwd=tmp_path).returncode == 0
    assert article.read_text(encoding="utf-8") == text.replace("payment walls", "paywall barriers").replace(
        "Ministry of Foreign", "Ministry for Foreign")
    exported = json.loads(decisions_path.read_text(encoding="utf-8"))
    starts = {d["rule"]: d["start"] for d in exported["files"][0]["decisions"]}
    assert starts["fr.calques.payment-walls"] == text.index("payment walls")  # code points


# ---------------------------------------------------------------- size: proportional to findings


def long_text(lines: int = 600) -> str:
    """Plain paragraphs of wrapped lines, a blank line between paragraphs."""
    return "".join(f"Line {i} of a long and clean text, wrapped as documentation is.\n" + ("\n" if i % 6 == 5 else "")
                   for i in range(lines))


def many_entries(tmp_path: Path, count: int = 500) -> tuple[list[ReportEntry], str]:
    """`count` files: mostly clean, one long file with two findings far apart, a few short ones."""
    clean = long_text(120)
    entries = []
    for i in range(count):
        if i == 3:
            text = long_text().replace("Line 300 of", "Line 300 payment walls of").replace("Line 590 of", "Line 590 payment walls of")
            found = [finding(text, "payment walls", "paywalls"), finding(text, "payment walls", "paywalls", occurrence=1)]
        elif i % 50 == 7:
            text = "They hid the news behind payment walls.\n\nThe deal is worth $ 200 billion.\n"
            found = [finding(text, "payment walls", "paywalls"), finding(text, "$ ", "$")]
        else:
            text, found = clean, []
        path = tmp_path / f"doc{i:03d}.txt"
        entries.append(ReportEntry(Document(path=str(path), text=text, raw=text.encode("utf-8")), tuple(found),
                                   score_findings(text, found)))
    return entries, long_text().replace("Line 300 of", "Line 300 payment walls of").replace("Line 590 of", "Line 590 payment walls of")


def test_report_size_follows_findings_not_files(tmp_path):
    entries, long_file = many_entries(tmp_path)
    html = render_report(entries)
    data = embedded(html)
    with_findings = [e for e in entries if e.findings]
    assert [f["path"] for f in data["files"]] == [e.document.path for e in with_findings]
    assert data["clean"] == len(entries) - len(with_findings)
    inputs = sum(len(e.document.text) for e in entries)
    assert inputs > 3_000_000 and len(html.encode("utf-8")) < 120_000  # the page and 22 findings
    assert "Line 100 of a long and clean text" not in html  # a clean file is only counted

    (long,) = [f for f in data["files"] if f["path"].endswith("doc003.txt")]
    assert len(long["text"]) < len(long_file) / 10
    lines = long_file.splitlines(keepends=True)
    left_out = {n for _, first, last in long["gaps"] for n in range(first, last + 1)}  # 1-based lines
    assert len(long["gaps"]) == 3  # before, between and after the two findings
    assert long["text"] == "".join(line for n, line in enumerate(lines, 1) if n not in left_out)
    for f in long["findings"]:
        assert long["text"][f["u16start"]:f["u16end"]] == "payment walls"
        assert long_file[f["start"]:f["end"]] == "payment walls"  # decisions keep file offsets
        assert f["line"] not in left_out and {f["line"] - 3, f["line"] + 3}.isdisjoint(left_out)
    for offset, first, _ in long["gaps"]:  # each marker sits where its lines were
        kept_before = "".join(line for n, line in enumerate(lines[:first - 1], 1) if n not in left_out)
        assert offset == len(kept_before)
    (short, *_) = [f for f in data["files"] if not f["gaps"]]
    assert short["text"].startswith("They hid the news")  # short files are embedded whole


def test_context_lines_merge_and_reach_paragraph_edges():
    from transfix.htmlreport import context_lines

    text = long_text(200)
    one = finding(text, "Line 100 of", None)
    near = finding(text, "Line 104 of", None)
    far = finding(text, "Line 190 of", None)
    ranges = context_lines(text, (one, near, far))
    assert len(ranges) == 2  # the two near findings share their context
    lines = text.splitlines()
    low, high = ranges[0]
    assert not lines[low - 1].strip() and not lines[high].strip()  # paragraph edges
    assert high - low < 20


def test_report_of_clean_files_only(tmp_path):
    text = "A clean sentence.\n"
    entries = [entry_for(tmp_path / f"c{i}.txt", text, []) for i in range(3)]
    data = embedded(render_report(entries))
    assert data["files"] == [] and data["clean"] == 3


# ---------------------------------------------------------------- the page as a reviewer sees it

BOILERPLATE = (
    "Your support helps us tell the story. From reproductive rights to climate change to Big Tech, we are "
    "on the ground when the story is developing. Whether it is investigating the financials of a political "
    "action committee or producing our latest documentary, we know how important it is to parse out the "
    "facts from the messaging. At such a critical moment, we need reporters on the ground. Your donation "
    "allows us to keep sending journalists to speak to both sides of the story. We are trusted by readers "
    "across the entire political spectrum, and unlike many other quality news outlets, we choose not to lock "
    "readers out of our reporting and analysis with paywalls. Please consider supporting us. Support "
    "independent journalism.")


def review_entry(tmp_path: Path) -> tuple[ReportEntry, str]:
    """Three findings overlapping on a long boilerplate paragraph, a phrase calque, a paragraph break
    that a fix deletes, and a clean paragraph after them."""
    text = ("Officials met on Monday to discuss the tariffs.\n\n" + BOILERPLATE + "\n\n"
            "The president hopes a call will detach the node in the talks. The deal is worth $ 200 billion, "
            "and the talks\n\nwere long.\n\nA clean sentence follows here.\n")
    entry = entry_for(tmp_path / "article.txt", text, [
        finding(text, BOILERPLATE + "\n\n", "", FixLevel.SUGGEST, "boilerplate.donation-appeal", category="boilerplate"),
        finding(text, BOILERPLATE, "", FixLevel.UNSAFE, "boilerplate.independent", category="boilerplate"),
        finding(text, "Please consider supporting us. ", "", FixLevel.SUGGEST, "boilerplate.please-consider",
                category="boilerplate"),
        finding(text, "detach the node", "untie the knot", FixLevel.UNSAFE, "fr.calques.detach-the-node", category="calque"),
        finding(text, "$ ", "$", FixLevel.SAFE, "common.typography.currency-space"),
        finding(text, "talks\n\nwere", "talks were", FixLevel.SAFE, "common.spacing.broken-paragraph", category="spacing"),
    ])
    return entry, text


BADGE_GEOMETRY = """() => Array.from(document.querySelectorAll('#doc-text .f')).map(el => {
  const rects = Array.from(el.querySelector('.diff').getClientRects()).filter(r => r.width > 0);
  const last = rects[rects.length - 1], tag = el.querySelector('.tag').getBoundingClientRect();
  return {id: el.id, attached: tag.top < last.bottom && tag.bottom > last.top && tag.left >= last.right - 2};
})"""

SLIVERS = """() => Array.from(document.querySelectorAll('#doc-text .f, #doc-text del, #doc-text ins'))
  .flatMap(el => Array.from(el.getClientRects())).filter(r => r.width < 4).length"""


def test_long_overlaps_badges_breaks_phrases_and_preview(page, tmp_path):
    entry, text = review_entry(tmp_path)
    report = tmp_path / "report.html"
    report.write_text(render_report([entry]), encoding="utf-8")
    ids = {f.rule: f"f-0-{i}" for i, f in enumerate(entry.findings)}
    open_report(page, report)
    page.evaluate("document.querySelector('.summary-box').open = false")
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    assert png_colours(tmp_path / "review.png") > 40

    # 1. The long span is shown once; its options are short alternatives, a long deletion summarised.
    sentence = "Your donation allows us to keep sending journalists"
    assert page.inner_text("#doc-text").count(sentence) == 1
    assert page.locator(".cluster").count() == 1 and page.locator(".cluster-orig").count() == 1
    line = page.evaluate("parseFloat(getComputedStyle(document.getElementById('doc-text')).lineHeight)")
    for rule in ("boilerplate.donation-appeal", "boilerplate.independent", "boilerplate.please-consider"):
        box = page.locator(f"#{ids[rule]}").bounding_box()
        assert box["height"] < 1.6 * line, rule  # one line each, not the paragraph again
    summary = page.inner_text(f"#{ids['boilerplate.independent']} del")
    assert summary.startswith("Your support helps us") and summary.endswith("independent journalism.")
    more = f"#{ids['boilerplate.independent']} .more"
    assert page.inner_text(more) == f"{len(BOILERPLATE)} characters"
    page.click(more)  # expands the deletion in place
    assert page.get_attribute(more, "aria-expanded") == "true"
    assert page.inner_text("#doc-text").count(sentence) == 2
    page.click(more)
    assert page.inner_text("#doc-text").count(sentence) == 1

    # 2. Every badge sits right after its own change, on the same line, at any width.
    for width in (1280, 700, 420):
        page.set_viewport_size({"width": width, "height": 800})
        geometry = page.evaluate(BADGE_GEOMETRY)
        assert len(geometry) == len(entry.findings)
        assert all(g["attached"] for g in geometry), (width, geometry)
        # 3. No highlight or deletion is drawn as a stray sliver (the dotted markers of a break).
        assert page.evaluate(SLIVERS) == 0, width
    page.set_viewport_size({"width": 1280, "height": 800})
    appeal = page.inner_text(f"#{ids['boilerplate.donation-appeal']} .diff")
    assert "\n" not in appeal  # its trailing paragraph break is layout, not a marked change
    breaks = page.locator(f"#{ids['common.spacing.broken-paragraph']} del.ws")
    assert breaks.count() == 1 and breaks.inner_text() == "\u00B6"  # one marker for "\n\n"
    assert "\n" not in page.inner_text(f"#{ids['common.spacing.broken-paragraph']} .diff")

    # 4. A phrase whose words mostly change is struck whole, then rewritten.
    calque = f"#{ids['fr.calques.detach-the-node']}"
    assert page.locator(f"{calque} del").all_inner_texts() == ["detach the node"]
    assert page.locator(f"{calque} ins").all_inner_texts() == ["untie the knot"]

    # 5. The preview shows the text with the accepted changes only, nothing else marked.
    page.keyboard.press("v")
    page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
    for marked in (".f", "del", ".tag", ".cluster", ".nofix", ".more"):
        assert page.locator(f"#doc-text {marked}").count() == 0, marked
    safe = text.replace("$ 200", "$200").replace("talks\n\nwere", "talks were")
    assert page.inner_text("#doc-text").strip() == safe.strip()
    assert page.locator("#doc-text ins.applied").all_inner_texts() == ["$", "talks were"]
    page.keyboard.press("v")
    page.click(f"#{ids['boilerplate.donation-appeal']}")
    page.keyboard.press("a")
    page.keyboard.press("v")
    assert page.inner_text("#doc-text").strip() == safe.replace(BOILERPLATE + "\n\n", "").strip()


def test_many_files_first_screen(page, tmp_path):
    entries, _ = many_entries(tmp_path)
    report = tmp_path / "report.html"
    report.write_text(render_report(entries), encoding="utf-8")
    open_report(page, report)
    shot = tmp_path / "files.png"
    page.screenshot(path=str(shot))
    assert png_colours(shot) > 40
    with_findings = [e for e in entries if e.findings]
    assert page.locator(".file-btn").count() == len(with_findings)
    assert page.inner_text(".clean-count") == f"+ {len(entries) - len(with_findings)} files with no findings"
    assert page.locator("#doc-text").bounding_box()["y"] < 500  # the text starts on the first screen
    page.click(".file-btn:has-text('doc007.txt')")
    page.click(".file-btn:has-text('doc003.txt')")
    assert page.inner_text(".file-btn.current").startswith("doc003.txt")  # named below the shared directory
    assert page.locator("#doc-text .gap").all_inner_texts()[0].startswith("\u22EF lines 1\u2013")
    assert "only the lines around the findings" in page.inner_text(".doc-head")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f-0-0"
    assert page.inner_text("#f-0-0 del") == "payment walls"


def test_clean_run_page(page, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render_report([entry_for(tmp_path / "c.txt", "A clean sentence.\n", [])]), encoding="utf-8")
    open_report(page, report)
    page.keyboard.press("j")
    page.keyboard.press("v")
    assert page.inner_text("#app") == "No findings in 1 file."

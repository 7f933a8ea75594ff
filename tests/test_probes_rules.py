"""Near misses of the rules: native news sentences that use a rule's trigger words correctly, one
rule after another (corpus/native-news/probes-*.txt, written for transfix, CC0). Read one line at
a time with the round-trip gate open, the rules of the file's family must leave them alone.

- probes-dev-rules.txt: the 260 French rules that fire on the dev articles (the rules held-out
  articles of the same kind will meet most);
- probes-dev-rules2.txt: a second, harder round for the 160 French rules that fire most there;
- probes-fr-silent-rules.txt: French rules with no dev finding whose words are commonest in news;
- probes-fr-rare-rules.txt: the other French rules with no dev finding (their words are rarer);
- probes-common-rules.txt: the `common` rules that fire on the dev articles, detectors included;
  its last section (# KNOWN ...) lists misfires left on purpose, each with its reason;
- probes-other-pivots.txt: the German, Spanish, Italian, Portuguese and Russian rules whose words
  are commonest in news (every pivot's rules read French round trips too);
- probes-rest-rules.txt: the common, German, Spanish, Italian, Portuguese and Russian rules left
  after those (detectors included).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transfix import Engine

NATIVE = Path(__file__).resolve().parents[1] / "corpus" / "native-news"

FILES = {
    # file: (rule families read, at least this many probes)
    "probes-dev-rules.txt": (("fr",), 1000),
    "probes-dev-rules2.txt": (("fr",), 550),
    "probes-fr-silent-rules.txt": (("fr",), 1500),
    "probes-fr-rare-rules.txt": (("fr",), 1200),
    "probes-common-rules.txt": (("common",), 500),
    "probes-other-pivots.txt": (("de", "es", "it", "pt", "ru"), 600),
    "probes-rest-rules.txt": (("common", "de", "es", "it", "pt", "ru"), 500),
    "probes-recall-calque.txt": (("fr",), 50),
    "probes-recall-false-friend.txt": (("fr",), 80),
    "probes-recall-grammar.txt": (("fr",), 90),
    "probes-widened-rules.txt": (("fr", "common"), 40),
    "probes-widened-class1.txt": (("fr",), 70),
    "probes-widened-class2.txt": (("fr",), 70),
    "probes-recall-calque2.txt": (("fr",), 65),
    "probes-recall-false-friend2.txt": (("fr",), 50),
    "probes-recall-grammar2.txt": (("fr",), 50),
    "probes-detector-data.txt": (("common",), 40),
    "probes-widened-near.txt": (("fr",), 30),
    "probes-widened-class3.txt": (("fr",), 50),
    "probes-tense.txt": (("fr",), 30),
    "probes-recurring.txt": (("fr",), 40),
    "probes-attack3.txt": (("fr", "common"), 300),
    "probes-attack4.txt": (("fr",), 200),
    "probes-attack5.txt": (("fr",), 500),
    "probes-attack5-common.txt": (("common", "de", "es", "it", "pt", "ru"), 100),
    "probes-recall-grammar3.txt": (("fr",), 75),
    "probes-names3.txt": (("common",), 35),
    "probes-recall-false-friend3.txt": (("fr",), 150),
    "probes-recall-calque3.txt": (("fr",), 40),
    "probes-pronouns3.txt": (("common",), 60),
    "probes-attack6.txt": (("fr",), 250),
    "probes-attack6-common.txt": (("common",), 80),
    "probes-attack7.txt": (("fr",), 14),
    "probes-siblings-ff.txt": (("fr",), 25),
    "probes-siblings-cq.txt": (("fr",), 21),
    "probes-siblings-cq2.txt": (("fr",), 25),
    "probes-siblings-ff2.txt": (("fr",), 20),
    "probes-siblings-gr.txt": (("fr",), 100),
    "probes-attack8.txt": (("fr",), 50),
    "probes-attack9.txt": (("fr",), 60),
    "probes-siblings-ff4.txt": (("fr",), 95),
    "probes-siblings-ff3.txt": (("fr",), 80),
    "probes-siblings-cq3.txt": (("fr",), 70),
    "probes-siblings-rs.txt": (("fr",), 75),
    "probes-pronouns4.txt": (("common",), 50),
    "probes-ff-classic.txt": (("fr",), 240),
    "probes-cq-classic.txt": (("fr",), 290),
    "probes-attack10.txt": (("fr",), 230),
    "probes-attack11.txt": (("fr",), 360),
    "probes-attack12.txt": (("fr", "common"), 270),
    "probes-attack13.txt": (("fr",), 170),
    "probes-attack14.txt": (("fr",), 230),
    "probes-attack15.txt": (("fr",), 20),
    "probes-attack16.txt": (("fr",), 570),
    "probes-media-classic.txt": (("fr",), 85),
    "probes-names-classic.txt": (("fr",), 150),
    "probes-gr-classic.txt": (("fr",), 530),
    "probes-attack17.txt": (("fr",), 170),
    "probes-attack18.txt": (("fr",), 280),
    "probes-attack19.txt": (("fr",), 690),
    "probes-politics-classic.txt": (("fr",), 140),
    "probes-attack20.txt": (("fr",), 310),
    "probes-idioms-classic.txt": (("fr",), 130),
    "probes-attack21.txt": (("fr",), 280),
    "probes-screen-classic.txt": (("fr",), 140),
    "probes-world-classic.txt": (("fr",), 255),
    "probes-attack22.txt": (("fr",), 185),
    "probes-attack23.txt": (("fr",), 270),
    "probes-science-classic.txt": (("fr",), 190),
    "probes-phrasal-classic.txt": (("fr",), 255),
    "probes-justice-classic.txt": (("fr",), 310),
    "probes-sports-classic.txt": (("fr",), 200),
    "probes-business-classic.txt": (("fr",), 385),
    "probes-attack24.txt": (("fr",), 290),
    "probes-attack25.txt": (("fr",), 345),
    "probes-attack26.txt": (("fr",), 395),
    "probes-attack27.txt": (("fr",), 285),
    "probes-attack28.txt": (("fr",), 500),
    "probes-grammar-classic2.txt": (("fr",), 335),
    "probes-attack29.txt": (("fr",), 490),
    "probes-elections-classic.txt": (("fr",), 195),
    "probes-attack30.txt": (("fr",), 270),
    "probes-attack31.txt": (("fr",), 495),
    "probes-widened4.txt": (("fr",), 85),
    "probes-local-classic.txt": (("fr",), 385),
    "probes-attack34.txt": (("fr",), 480),
    "probes-health-classic.txt": (("fr",), 215),
    "probes-attack33.txt": (("fr",), 295),
    "probes-culture-classic.txt": (("fr",), 280),
    "probes-attack32.txt": (("fr",), 390),
    "probes-discourse-classic.txt": (("fr",), 200),
    "probes-attack35.txt": (("fr",), 330),
    "probes-lifestyle-classic.txt": (("fr",), 385),
    "probes-attack36.txt": (("fr",), 520),
    "probes-attack37.txt": (("fr",), 130),
    "probes-attack38.txt": (("fr",), 195),
    "probes-attack39.txt": (("fr",), 205),
    "probes-attack40.txt": (("fr",), 275),
    "probes-attack41.txt": (("fr",), 200),
    "probes-attack42.txt": (("fr",), 225),
    "probes-attack43.txt": (("fr",), 150),
    "probes-attack44.txt": (("fr",), 315),
    "probes-reported5.txt": (("fr",), 20),
    "probes-fashion-classic.txt": (("fr",), 400),
    "probes-attack45.txt": (("fr",), 475),
    "probes-couples-classic.txt": (("fr",), 260),
    "probes-attack47.txt": (("fr",), 330),
    "probes-music-classic.txt": (("fr",), 345),
    "probes-attack48.txt": (("fr",), 430),
    "probes-attack52.txt": (("fr",), 370),
    "probes-attack51.txt": (("fr",), 205),
    "probes-social-classic.txt": (("fr",), 300),
    "probes-attack46.txt": (("fr",), 380),
    "probes-scandal-classic.txt": (("fr",), 300),
    "probes-attack50.txt": (("fr",), 440),
    "probes-attack53.txt": (("fr",), 210),
    "probes-tv-classic.txt": (("fr",), 400),
    "probes-attack49.txt": (("fr",), 405),
    "probes-attack58.txt": (("fr",), 290),
    "probes-attack55.txt": (("fr",), 180),
    "probes-attack54.txt": (("fr",), 220),
    "probes-attack57.txt": (("fr",), 210),
    "probes-attack56.txt": (("fr",), 210),
    "probes-attack59.txt": (("fr",), 120),
    "probes-attack62.txt": (("fr",), 245),
    "probes-attack61.txt": (("fr",), 605),
    "probes-attack60.txt": (("fr",), 530),
    "probes-attack63.txt": (("fr",), 360),
    "probes-attack65.txt": (("fr",), 335),
    "probes-attack64.txt": (("fr",), 435),
    "probes-attack66.txt": (("fr",), 355),
    "probes-attack67.txt": (("fr",), 328),
    "probes-attack68.txt": (("fr",), 318),
    "probes-attack69.txt": (("fr",), 241),
    "probes-attack70.txt": (("fr",), 239),
    "probes-attack71.txt": (("fr",), 157),
    "probes-attack72.txt": (("fr",), 416),
    "probes-attack73.txt": (("fr",), 163),
    "probes-attack74.txt": (("fr",), 187),
    "probes-attack75.txt": (("fr",), 208),
    "probes-attack76.txt": (("fr",), 231),
    "probes-attack77.txt": (("fr",), 318),
    "probes-attack78.txt": (("fr",), 239),
    "probes-film-classic.txt": (("fr",), 252),
    "probes-interviews-classic.txt": (("fr",), 394),
    "probes-money-classic.txt": (("fr",), 488),
    "probes-reality-classic.txt": (("fr",), 264),
    "probes-royals-classic.txt": (("fr",), 269),
    "probes-tributes-classic.txt": (("fr",), 286),
    "probes-attack79.txt": (("fr",), 362),
    "probes-attack80.txt": (("fr",), 324),
    "probes-attack81.txt": (("fr",), 420),
    "probes-attack82.txt": (("fr",), 471),
    "probes-attack83.txt": (("fr",), 671),
    "probes-attack84.txt": (("fr",), 298),
    "probes-attack85.txt": (("fr",), 448),
    "probes-disasters-classic.txt": (("fr",), 391),
    "probes-family-classic.txt": (("fr",), 331),
    "probes-figurative-classic.txt": (("fr",), 736),
    "probes-government-classic.txt": (("fr",), 299),
    "probes-latenight-classic.txt": (("fr",), 392),
    "probes-metaphors-classic.txt": (("fr",), 369),
    "probes-occasions-classic.txt": (("fr",), 390),
    "probes-attack86.txt": (("fr",), 378),
    "probes-beauty-classic.txt": (("fr",), 315),
    "probes-crime-classic.txt": (("fr",), 314),
    "probes-discourse-classic2.txt": (("fr",), 226),
    "probes-food-classic.txt": (("fr",), 344),
    "probes-homes-classic.txt": (("fr",), 383),
    "probes-phrasal-classic2.txt": (("fr",), 221),
    "probes-travel-classic.txt": (("fr",), 224),
    "probes-attack87.txt": (("fr",), 233),
    "probes-attack88.txt": (("fr",), 306),
    "probes-attack89.txt": (("fr",), 394),
    "probes-attack90.txt": (("fr",), 346),
    "probes-attack91.txt": (("fr",), 309),
    "probes-attack92.txt": (("fr",), 197),
    "probes-attack93.txt": (("fr",), 164),
    "probes-paparazzi-classic.txt": (("fr",), 454),
    "probes-attack94.txt": (("fr",), 111),
    "probes-attack95.txt": (("fr",), 216),
    "probes-attack96.txt": (("fr",), 291),
    "probes-attack97.txt": (("fr",), 333),
    "probes-attack98.txt": (("fr",), 242),
}

# Known and accepted: the rule's own target in a style some native writers use too.
KNOWN = {
    # "The actress Olivia Colman": British style keeps the article; the rule is right on 4 of 4 dev hits.
    ("fr.grammar-articles.article-before-role-and-name", "The actress "),
}


def probes(name: str) -> list[str]:
    """The probe lines of a file, up to its '# KNOWN' section."""
    found = []
    for line in (NATIVE / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# KNOWN"):
            break
        if line.strip() and not line.startswith("#"):
            found.append(line)
    return found


@pytest.fixture(scope="module")
def engines() -> dict[tuple[str, ...], Engine]:
    return {}


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_rules_leave_their_near_misses_alone(engines, name):
    families, least = FILES[name]
    lines = probes(name)
    assert len(lines) >= least
    engine = engines.setdefault(families, Engine(select=list(families), assume_roundtrip=True))
    unexpected = [
        f"{f.rule} {f.text!r} in {line!r}"
        for line in lines
        for f in engine.check(line)
        if (f.rule, f.text) not in KNOWN
    ]
    assert not unexpected, unexpected

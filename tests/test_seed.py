"""The seed document: a real article after a round trip through French."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (rule, text it must flag) for each artifact of the seed that the first rule set covers.
EXPECTED = [
    ("fr.false-friends.point-of-sale", "told the point of sale"),
    ("fr.false-friends.prices-tariffs", "reduce American prices"),
    ("fr.false-friends.expeditions-shipments", "new expeditions"),
    ("fr.false-friends.principal-director", "principal director"),
    ("fr.acronyms.rpc", "RPC"),
    ("fr.acronyms.pekin", "the Pekins resolve"),
    ("fr.calques.payment-walls", "payment walls"),
    ("fr.calques.detach-the-node", "detach the node"),
    ("fr.calques.lever-effect", "a lever effect"),
    ("fr.calques.rare-lands", "rare lands"),
    ("fr.calques.walking-slowly", "is walking slowly to the "),
    ("common.typography.currency-space", "$ "),
    ("common.typography.doubled-close-paren", "( AP ))"),
    ("common.typography.spaced-hyphen", "high -level"),
    ("common.doubled-words.repeated-name", "National National"),
    ("common.doubled-words.the-the", "the The"),
    ("common.doubled-words.ministry-of-foreign-affairs", "Foreign Ministry of Foreign Affairs"),
    ("common.possessives.lost-apostrophe-before-role", "Obamas deputy"),
    ("common.boilerplate.open-image-in-gallery", "Open image in the gallery "),
    ("common.proper-names.xi-uppercase", "XI"),
    ("common.proper-names.stripped-quote-that", "said Politico That"),
    ("common.proper-names.white-house-lowercase", "The white house press secretary"),
    ("common.proper-names.article-before-title", "the Ukrainian president "),
]


def test_seed_artifacts_are_reported(engine, seed_text):
    found = {(f.rule, f.text) for f in engine.check(seed_text)}
    missing = [item for item in EXPECTED if item not in found]
    assert missing == []


def test_seed_diff_shows_the_repairs(seed_text, tmp_path):
    copy = tmp_path / "seed.txt"
    copy.write_text(seed_text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "transfix", "diff", str(copy)], capture_output=True,
                         timeout=120).stdout.decode()
    for repaired in ("told the outlet", "PRC diplomats", "untie the knot", "$600 billion", "has leverage",
                     "rare earths", "the National Security Council", "Obama's deputy", "high-level"):
        assert f"{repaired}" in "".join(l for l in out.splitlines(keepends=True) if l.startswith("+")), repaired


def test_wheel_ships_the_rules(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    (wheel,) = tmp_path.glob("transfix-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "transfix/rules/fr/acronyms.toml" in names
    assert "transfix/py.typed" in names
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*.toml")}
    assert {f"transfix/{name}" for name in shipped} <= set(names)

"""Property runs over untrusted inputs: decisions files and rule packs never crash transfix."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transfix.decisions import apply_file
from transfix.errors import InputError, RuleError
from transfix.loader import load_pack

TEXT = "Talks with the RPC resumed in Beijing.\n"
RAW = TEXT.encode()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
decision = st.fixed_dictionaries({}, optional={
    "rule": json_values | st.just("fr.acronyms.rpc"),
    "start": json_values | st.integers(-5, 60),
    "end": json_values | st.integers(-5, 60),
    "text": json_values | st.sampled_from(["RPC", "", "Talks"]),
    "replacement": json_values | st.sampled_from(["PRC", "", "X" * 50]),
    "accepted": json_values | st.booleans(),
})
entry = st.fixed_dictionaries({}, optional={
    "path": json_values | st.sampled_from(["a.txt", "./a.txt", "../a.txt", "/etc/passwd", "sub/../a.txt"]),
    "sha256": json_values | st.just(hashlib.sha256(RAW).hexdigest()),
    "decisions": json_values | st.lists(decision, max_size=4),
})
document = st.fixed_dictionaries({}, optional={
    "version": json_values | st.just(1),
    "kind": json_values | st.just("transfix-decisions"),
    "files": json_values | st.lists(entry, max_size=3),
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_any_decisions_file_is_applied_or_refused_cleanly(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        target = root / "a.txt"
        target.write_bytes(RAW)
        path = root / "d.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        try:
            apply_file(str(path), base=root)
        except InputError:
            assert target.read_bytes() == RAW  # refused: nothing changed
        after = target.read_text(encoding="utf-8")
        assert after == TEXT or after.replace("PRC", "RPC", 1) == TEXT or len(after) < 400
        assert sorted(p.name for p in root.iterdir()) == ["a.txt", "d.json"]


pack_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
toml_fragments = st.sampled_from([
    '[[rule]]\n', 'id = "x"\n', 'kind = "regex"\n', 'kind = "detector"\n', 'detector = "pronoun-gender"\n',
    'pattern = "(a+)+$"\n', 'pattern = "\\\\"\n', 'replacement = "\\\\q"\n', 'phrases = { "a" = "b" }\n',
    'context = { near = ["@nope"] }\n', 'options = { sentences = "x" }\n', 'category = "c"\n',
    'message = "m"\n', 'explanation = "e"\n', 'bad = [ { text = "a", fixed = "b" } ]\n', 'good = [ "z" ]\n',
    'fix = "always"\n', 'confidence = 7\n', '[pack]\npivot = 3\n',
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(toml_fragments | pack_text, max_size=12))
def test_any_pack_loads_or_is_refused_with_its_location(pieces):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.toml"
        path.write_text("".join(pieces), encoding="utf-8")
        try:
            load_pack(path, "p")
        except RuleError as exc:
            assert str(exc).startswith(str(path) + ":")

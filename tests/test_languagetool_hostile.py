"""A misbehaving LanguageTool server: never a hang, never an internal error, never a wild edit."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from transfix.grammar import GrammarUnavailable
from transfix.languagetool import LanguageToolBackend


def serve(handler) -> str:
    """A one-thread raw TCP server; `handler(conn)` answers each connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)

    def loop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    conn.recv(65536)
                    handler(conn)
                except OSError:
                    pass

    threading.Thread(target=loop, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}"


def http_answer(body: bytes):
    def handler(conn):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                     + str(len(body)).encode() + b"\r\n\r\n" + body)
    return handler


def drip(conn):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
    for _ in range(100):
        conn.sendall(b" ")
        time.sleep(0.3)


@pytest.mark.parametrize("handler, needle", [
    (lambda conn: conn.sendall(b"\x00\x01garbage, not HTTP at all\r\n\r\n"), "not reachable"),
    (http_answer(b'{"matches": Infinity}'), "did not answer JSON"),
    (http_answer(b'{"matches": [1, 2, 3]}'), "unexpected shape"),
    (http_answer(b'[' * 100000 + b']' * 100000), "did not answer JSON|not reachable"),
])
def test_malformed_answers_are_one_clear_error(handler, needle):
    backend = LanguageToolBackend(serve(handler), timeout=3)
    with pytest.raises(GrammarUnavailable, match=needle):
        backend.lint("I has a apple.")


def test_a_dripping_server_hits_the_total_deadline():
    backend = LanguageToolBackend(serve(drip), timeout=2)
    started = time.monotonic()
    with pytest.raises(GrammarUnavailable, match="in time"):
        backend.lint("I has a apple.")
    assert time.monotonic() - started < 6


def test_offsets_that_do_not_fit_the_text_are_dropped():
    matches = [
        {"offset": -5, "length": 2, "message": "m", "rule": {"id": "NEG", "category": {"id": "GRAMMAR"}},
         "replacements": [{"value": "EVIL"}]},
        {"offset": 10_000, "length": 0, "message": "m", "rule": {"id": "FAR", "category": {"id": "GRAMMAR"}},
         "replacements": [{"value": "EVIL"}]},
        {"offset": 6, "length": 1, "message": "m", "rule": {"id": "EN_A_VS_AN", "category": {"id": "GRAMMAR"}},
         "replacements": [{"value": "an"}]},
    ]
    backend = LanguageToolBackend(serve(http_answer(json.dumps({"matches": matches}).encode())), timeout=3)
    issues = backend.lint("I has a apple.")
    assert [(i.rule, i.start, i.end) for i in issues] == [("EN_A_VS_AN", 6, 7)]


def test_an_engine_warns_when_answers_do_not_fit():
    import transfix
    from transfix.grammar import GrammarChecker

    matches = [{"offset": -5, "length": 2, "message": "m", "rule": {"id": "NEG", "category": {"id": "GRAMMAR"}},
                "replacements": [{"value": "EVIL"}]}]
    backend = LanguageToolBackend(serve(http_answer(json.dumps({"matches": matches}).encode())), timeout=3)
    engine = transfix.Engine(grammar=GrammarChecker(backend))
    analysis = engine.analyze("I has a apple.")
    assert [f for f in analysis.findings if f.source.value == "grammar"] == []
    assert any("offsets outside the text were ignored" in w for w in analysis.warnings)

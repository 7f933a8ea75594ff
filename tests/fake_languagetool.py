"""A stand-in for a LanguageTool HTTP server, faithful to the parts of its protocol we use.

    python fake_languagetool.py --port N [--mode ok|slow|error|garbage]

GET /v2/languages lists languages; POST /v2/check (form: text, language, disabledRules,
enabledRules) answers LanguageTool's JSON shape with offsets in UTF-16 code units, as Java does.
Two rules: EN_A_VS_AN ("a" before a vowel) and MORFOLOGIK_RULE_EN_US ("teh"), and one style rule
(TOO_LONG_SENTENCE, in category STYLE) to test filtering.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def check(text: str, disabled: set[str]) -> list[dict]:
    matches = []

    def add(start, end, rule_id, category, message, replacements):
        if rule_id in disabled:
            return
        matches.append({
            "message": message, "shortMessage": "", "replacements": [{"value": r} for r in replacements],
            "offset": utf16_offset(text, start), "length": utf16_offset(text, end) - utf16_offset(text, start),
            "context": {"text": text[max(0, start - 20):end + 20], "offset": min(start, 20), "length": end - start},
            "sentence": text, "type": {"typeName": "Other"},
            "rule": {"id": rule_id, "description": message, "issueType": "grammar",
                     "category": {"id": category, "name": category.title()}},
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
        })

    for m in re.finditer(r"\b([Aa]) ([aeiou]\w*)", text):
        add(m.start(1), m.end(1), "EN_A_VS_AN", "MISC", "Use “an” instead of ‘a’ if the following word starts with a vowel sound.", [m.group(1) + "n"])
    for m in re.finditer(r"\bteh\b", text):
        add(m.start(), m.end(), "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["the", "tea"])
    if len(text.split()) > 40:
        add(0, len(text), "TOO_LONG_SENTENCE", "STYLE", "This sentence is long.", [])
    return matches


class Handler(BaseHTTPRequestHandler):
    mode = "ok"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            body = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                    {"name": "French", "code": "fr", "longCode": "fr"}]
            self._send(200, json.dumps(body).encode())
        else:
            self._send(404, b"not found", "text/plain")

    def do_POST(self):
        if not self.path.startswith("/v2/check"):
            return self._send(404, b"not found", "text/plain")
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        if self.mode == "slow":
            time.sleep(30)
        if self.mode == "error":
            return self._send(500, b"Error: internal", "text/plain")
        if self.mode == "garbage":
            return self._send(200, b"<html>not json</html>", "text/html")
        text = form.get("text", [""])[0]
        disabled = set(",".join(form.get("disabledRules", [""])).split(","))
        body = {"software": {"name": "LanguageTool", "version": "6.4"},
                "language": {"name": "English (US)", "code": form.get("language", ["en-US"])[0]},
                "matches": check(text, disabled)}
        self._send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mode", default="ok", choices=["ok", "slow", "error", "garbage"])
    args = parser.parse_args()
    Handler.mode = args.mode
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()

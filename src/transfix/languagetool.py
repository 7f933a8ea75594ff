"""LanguageTool over its HTTP API (/v2/check), and a local server that transfix starts and stops.

We speak the HTTP protocol ourselves rather than through language-tool-python's client: its
launcher retries on new ports without stopping the old JVMs, and its offset fix-up is global
state. language-tool-python (an optional extra, GPL-3.0) is used only to find or download a
LanguageTool installation in its `LTP_PATH` layout.

LanguageTool counts offsets in UTF-16 code units (Java strings); transfix counts code points.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Sequence

from .grammar import GrammarIssue, GrammarUnavailable

PUBLIC_API = "https://api.languagetool.org"
# Style and typography checks that duplicate transfix's own rules or judge taste, not errors.
LT_OFF_BY_DEFAULT = frozenset({
    "WHITESPACE_RULE", "EN_QUOTES", "DASH_RULE", "TOO_LONG_SENTENCE", "PASSIVE_VOICE",
    "EN_UNPAIRED_QUOTES", "EN_UNPAIRED_BRACKETS", "PUNCTUATION_PARAGRAPH_END", "COMMA_PARENTHESIS_WHITESPACE",
})
LT_OFF_CATEGORIES = frozenset({"STYLE", "REDUNDANCY", "TYPOGRAPHY", "CASING"})


MAX_ANSWER_BYTES = 32 * 1024 * 1024


def _read_bounded(response, deadline: float, url: str) -> bytes:
    """The whole answer, within a total deadline (a server dripping a byte at a time must not hang
    the run) and a size bound (an endless body must not fill memory)."""
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise GrammarUnavailable(f"LanguageTool at {url} did not finish answering in time")
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise GrammarUnavailable(f"LanguageTool at {url} sent an answer over {MAX_ANSWER_BYTES >> 20} MB")
        chunks.append(chunk)


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def utf16_to_code_points(text: str):
    """A function mapping UTF-16 offsets in `text` to code-point offsets."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    positions = []  # positions[utf16_offset] = code-point offset
    for index, char in enumerate(text):
        positions.append(index)
        if ord(char) >= 0x10000:
            positions.append(index)  # the low surrogate belongs to the same character
    positions.append(len(text))
    return lambda offset: positions[min(offset, len(positions) - 1)]


class LanguageToolBackend:
    """A client of one LanguageTool server (the user's, a local one we started, or the public API)."""

    name = "languagetool"

    def __init__(self, url: str, *, language: str = "en-US", timeout: float = 20.0,
                 enable: frozenset[str] = frozenset(), disable: frozenset[str] = frozenset(),
                 server: "LocalServer | None" = None) -> None:
        self.url = url.rstrip("/")
        self.language = language
        self.timeout = timeout
        self.enable = frozenset(enable)
        self.disable = (LT_OFF_BY_DEFAULT - self.enable) | frozenset(disable)
        self.server = server
        self.dropped = 0  # matches refused because their offsets did not fit the text (see engine)

    def _request(self, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.url + path, data=body, headers={"Accept": "application/json"})
        deadline = time.monotonic() + self.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = _read_bounded(response, deadline, self.url)
        except urllib.error.HTTPError as exc:
            raise GrammarUnavailable(f"LanguageTool at {self.url} answered HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            raise GrammarUnavailable(f"LanguageTool at {self.url} is not reachable ({reason})") from None
        try:
            return json.loads(payload, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise GrammarUnavailable(f"LanguageTool at {self.url} did not answer JSON") from None

    def languages(self) -> list[str]:
        answer = self._request("/v2/languages")
        if not isinstance(answer, list):
            raise GrammarUnavailable(f"LanguageTool at {self.url} gave an unexpected /v2/languages answer")
        return [entry.get("longCode", "") for entry in answer if isinstance(entry, dict)]

    def lint(self, paragraph: str) -> list[GrammarIssue]:
        data = {"text": paragraph, "language": self.language}
        if self.disable:
            data["disabledRules"] = ",".join(sorted(self.disable))
        if self.enable:
            data["enabledRules"] = ",".join(sorted(self.enable))
        answer = self._request("/v2/check", data)
        try:
            matches = answer["matches"]
            to_code_points = utf16_to_code_points(paragraph)
            issues = []
            for match in matches:
                rule = match["rule"]
                category = rule.get("category", {}).get("id", "")
                if category in LT_OFF_CATEGORIES and rule["id"] not in self.enable:
                    continue
                if rule["id"] in self.disable:
                    continue
                offset, length = int(match["offset"]), int(match["length"])
                if offset < 0 or length < 0 or offset + length > len(paragraph.encode("utf-16-le")) // 2:
                    self.dropped += 1  # offsets that do not fit the text we sent: never act on them
                    continue
                start = to_code_points(offset)
                end = to_code_points(offset + length)
                replacements = tuple(r["value"] for r in match.get("replacements", [])[:5])
                issues.append(GrammarIssue(rule["id"], start, end, match["message"], replacements,
                                           category.lower() or "grammar"))
            return issues
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            raise GrammarUnavailable(f"LanguageTool at {self.url} answered in an unexpected shape") from None

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


class LocalServer:
    """A LanguageTool HTTP server that transfix starts on a free port and stops again."""

    def __init__(self, command: Sequence[str], *, startup_timeout: float = 60.0, host: str = "127.0.0.1") -> None:
        # `command` holds "{port}" where the port goes.
        self.command = list(command)
        self.startup_timeout = startup_timeout
        self.host = host
        self.process: subprocess.Popen | None = None
        self.port: int | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> str:
        self.port = _free_port(self.host)
        command = [part.replace("{port}", str(self.port)) for part in self.command]
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            raise GrammarUnavailable(f"cannot start LanguageTool ({exc.strerror or exc})") from None
        deadline = time.monotonic() + self.startup_timeout
        probe = LanguageToolBackend(self.url, timeout=2.0)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                self.process = None
                raise GrammarUnavailable(f"LanguageTool server exited during start-up (exit code {code})")
            try:
                probe.languages()
                return self.url
            except GrammarUnavailable:
                time.sleep(0.2)
        self.stop()
        raise GrammarUnavailable(f"LanguageTool server did not answer within {self.startup_timeout:g}s")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> "LocalServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def find_languagetool_jar(directory: str | None = None, *, download: bool = False) -> Path:
    """The languagetool-server.jar of a local installation (language-tool-python's layout)."""
    roots = [Path(directory)] if directory else []
    if not roots and os.environ.get("LTP_PATH"):
        roots.append(Path(os.environ["LTP_PATH"]))
    if not roots:
        roots.append(Path.home() / ".cache" / "language_tool_python")
    for root in roots:
        jars = sorted(root.glob("languagetool-server.jar")) + sorted(root.glob("*/languagetool-server.jar"))
        if jars:
            return jars[-1]
    if download:
        return _download(roots[0])
    raise GrammarUnavailable(
        f"no LanguageTool found in {roots[0]} (set LTP_PATH, or pass --lt-download to fetch it)"
    )


def _download(root: Path) -> Path:
    try:
        from language_tool_python import download_lt
    except ImportError:
        raise GrammarUnavailable(
            "downloading LanguageTool needs the optional extra: pip install 'transfix[languagetool]'"
        ) from None
    print(f"transfix: downloading LanguageTool into {root} (first use only)...", file=sys.stderr)
    os.environ["LTP_PATH"] = str(root)
    try:
        download_lt.download_lt()
    except Exception as exc:  # the downloader raises many kinds of errors; all mean "not here"
        raise GrammarUnavailable(f"LanguageTool download failed: {exc}") from None
    return find_languagetool_jar(str(root))


def local_server_command(jar: Path) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise GrammarUnavailable("LanguageTool needs Java (java was not found on PATH)")
    return [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", "{port}", "--allow-origin", "*"]

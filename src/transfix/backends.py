"""Choose and build the grammar backend from the user's options (--grammar and the --lt-* ones)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .grammar import GrammarChecker
    from .languagetool import LanguageToolBackend

MODES = ("auto", "harper", "languagetool", "off")


class GrammarOptions(NamedTuple):
    """Which grammar backend to use and how to reach it (--grammar and the --lt-* options)."""

    mode: str = "auto"
    lt_server: str | None = None  # a server the user runs, e.g. http://localhost:8081
    lt_path: str | None = None  # a local LanguageTool directory (LTP_PATH layout) to start
    lt_download: bool = False  # fetch LanguageTool into lt_path / LTP_PATH when missing
    lt_public: bool = False  # the public API: sends the text to a third party, so opt-in only
    lt_command: tuple[str, ...] = ()  # a command that starts a compatible server; "{port}" is filled in
    lt_language: str = "en-US"
    harper_dialect: str = "american"
    enable: frozenset[str] = frozenset()  # backend rule names normally off
    disable: frozenset[str] = frozenset()

    @property
    def languagetool_configured(self) -> bool:
        return bool(self.lt_server or self.lt_path or self.lt_public or self.lt_command or self.lt_download)


def options_from_env(options: GrammarOptions) -> GrammarOptions:
    """TRANSFIX_LT_SERVER names a server when no flag did."""
    if options.lt_server is None and os.environ.get("TRANSFIX_LT_SERVER"):
        return options._replace(lt_server=os.environ["TRANSFIX_LT_SERVER"])
    return options


def build_grammar(options: GrammarOptions) -> tuple[GrammarChecker | None, bool, list[str]]:
    """(checker or None, whether the user asked for it explicitly, warnings)."""
    if options.mode == "off":
        return None, False, []  # and the grammar module is not even imported
    from .grammar import GrammarChecker, GrammarUnavailable, HarperBackend

    if options.mode not in MODES:
        raise GrammarUnavailable(f"--grammar must be one of {', '.join(MODES)}, not {options.mode!r}")
    required = options.mode != "auto"
    use_lt = options.mode == "languagetool" or (options.mode == "auto" and options.languagetool_configured)
    try:
        backend = _languagetool(options) if use_lt else HarperBackend(
            options.enable, options.disable, options.harper_dialect)
    except GrammarUnavailable as exc:
        if required:
            raise
        return None, False, [f"grammar checking off: {exc}"]
    return GrammarChecker(backend), required, []


def _languagetool(options: GrammarOptions) -> LanguageToolBackend:
    # Imported here: the HTTP client and the server launcher cost start-up for every run otherwise.
    from .grammar import GrammarUnavailable
    from .languagetool import (
        PUBLIC_API, LanguageToolBackend, LocalServer, find_languagetool_jar, local_server_command,
    )

    settings = dict(language=options.lt_language, enable=options.enable, disable=options.disable)
    if options.lt_server:
        return LanguageToolBackend(options.lt_server, **settings)
    if options.lt_command or options.lt_path or options.lt_download:
        command = list(options.lt_command) or local_server_command(
            find_languagetool_jar(options.lt_path, download=options.lt_download))
        server = LocalServer(command)
        return LanguageToolBackend(server.start(), server=server, **settings)
    if options.lt_public:
        return LanguageToolBackend(PUBLIC_API, **settings)
    raise GrammarUnavailable(
        "no LanguageTool configured: pass --lt-server URL, --lt-path DIR or --lt-public"
    )

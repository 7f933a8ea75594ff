"""Project configuration: `[tool.transfix]` in pyproject.toml, or a transfix.toml, found for each
file from its folder upward (as ruff does). Precedence: command-line flags > configuration file >
defaults. Paths in a configuration (`rules`, `exclude`, `per-path-ignores`) are relative to its folder.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import TransfixError
from .model import FixLevel

KEYS = {
    "select", "ignore", "pivots", "rules", "allow", "fix-levels", "per-path-ignores", "grammar",
    "grammar-enable", "lt-server", "unsafe", "min-fix-level", "fail-on", "type", "exclude",
}


class ConfigError(TransfixError):
    pass


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (`[tool.transfix]` or `.transfix.toml`), or the defaults."""

    path: str | None = None  # where it was read from; None for defaults
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    pivots: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # extra rule pack files or directories, relative to the config file
    allow: tuple[str, ...] = ()  # phrases that are never flagged
    fix_levels: dict[str, FixLevel] = field(default_factory=dict)  # rule prefix -> level
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> prefixes
    grammar: str | None = None
    grammar_enable: tuple[str, ...] = ()
    lt_server: str | None = None
    unsafe: bool = False
    min_fix_level: FixLevel = FixLevel.SUGGEST
    fail_on: FixLevel = FixLevel.SUGGEST
    type: str | None = None
    exclude: tuple[str, ...] = ()  # globs of paths that are never checked

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Rule prefixes switched off for this path by `per-path-ignores`."""
        found: list[str] = []
        for pattern, prefixes in self.per_path_ignores.items():
            if self._matches(path, pattern):
                found.extend(prefixes)
        return tuple(found)

    def excluded(self, path: str) -> bool:
        return any(self._matches(path, pattern) for pattern in self.exclude)

    def _matches(self, path: str, pattern: str) -> bool:
        """A glob matches the path relative to this configuration's folder (the path as given when
        the file is outside it), or the file's name alone."""
        return fnmatch.fnmatch(self.relative(path), pattern) or fnmatch.fnmatch(Path(path).name, pattern)

    def relative(self, path: str) -> str:
        if self.path is None or path == "-":
            return Path(path).as_posix()
        base = _folder(self.path)
        absolute = Path(os.path.abspath(path))
        for candidate in (absolute, _resolved_parent(absolute)):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
        return Path(path).as_posix()


@functools.lru_cache(maxsize=256)
def _folder(config_path: str) -> Path:
    return Path(config_path).resolve().parent


def _resolved_parent(path: Path) -> Path:
    try:
        return path.parent.resolve() / path.name
    except (OSError, RuntimeError):
        return path


def find_config(start: Path | None = None) -> Path | None:
    """The nearest transfix.toml, or pyproject.toml with a [tool.transfix] table, from `start` up
    to the root of the enclosing repository (the first folder with a `.git`), never beyond it: a
    configuration file in a parent folder the user does not own (`/tmp/transfix.toml` on a shared
    machine) must not steer a run inside a repository."""
    return ConfigFinder().nearest((start or Path.cwd()).resolve())


def _own_config(folder: Path) -> Path | None:
    own = folder / "transfix.toml"
    if own.is_file():
        return own
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        tool = _read(pyproject).get("tool")
        if isinstance(tool, dict) and "transfix" in tool:
            return pyproject
    return None


class ConfigFinder:
    """The configuration of each file: `--config FILE` for all, none with `--no-config`, else the
    nearest one from the file's folder upward (standard input: from the working directory).
    Folders and files are looked at and read once per run."""

    def __init__(self, explicit: Path | None = None, disabled: bool = False) -> None:
        if explicit is not None and not disabled and not explicit.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        self.fixed: Config | None = Config() if disabled else (load_config(explicit) if explicit else None)
        self._near: dict[Path, Path | None] = {}
        self._folders: dict[str, Path] = {}
        self._loaded: dict[Path | None, Config] = {None: Config()}

    def nearest(self, folder: Path) -> Path | None:
        """The nearest configuration file from `folder` (resolved) upward, within its repository."""
        walked: list[Path] = []
        found: Path | None = None
        for current in (folder, *folder.parents):
            if current in self._near:
                found = self._near[current]
                break
            walked.append(current)
            try:
                found = _own_config(current)
                stop = found is not None or (current / ".git").exists()
            except OSError:  # a folder past PATH_MAX: look further up
                found, stop = None, False
            if stop:
                break
        for current in walked:
            self._near[current] = found
        return found

    def for_path(self, path: str) -> Config:
        if self.fixed is not None:
            return self.fixed
        # A folder met in a walk is excluded (or not) by the configuration above it, as in ruff.
        folder = os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path))
        if folder not in self._folders:
            try:
                self._folders[folder] = Path(folder).resolve()
            except (OSError, RuntimeError):
                self._folders[folder] = Path(folder)
        found = self.nearest(self._folders[folder])
        if found not in self._loaded:
            self._loaded[found] = load_config(found)
        return self._loaded[found]


def _server_url(value: Any, where: str) -> str | None:
    """Only http(s) servers: a configuration file must not make transfix read `file://` URLs."""
    if value is None:
        return None
    from urllib.parse import urlsplit

    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise ConfigError(f"{where}: lt-server must be an http:// or https:// URL, not {value!r}")
    return value


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # a run where no configuration is found does not import it

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("transfix") if path.name == "pyproject.toml" else data
    where = f"{path}: [tool.transfix]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KEYS))})")
    base = path.parent

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{key}` must be a list of strings")
        return tuple(value)

    def level(key: str, value: Any) -> FixLevel:
        try:
            return FixLevel(value)
        except ValueError:
            raise ConfigError(f"{where}: `{key}` must be safe, unsafe or suggest, not {value!r}") from None

    fix_levels = table.get("fix-levels", {})
    per_path = table.get("per-path-ignores", {})
    if not isinstance(fix_levels, dict) or not isinstance(per_path, dict):
        raise ConfigError(f"{where}: `fix-levels` and `per-path-ignores` must be tables")
    ignores: dict[str, tuple[str, ...]] = {}
    for pattern, prefixes in per_path.items():
        if isinstance(prefixes, str):
            prefixes = [prefixes]
        if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
            raise ConfigError(f"{where}: per-path-ignores.{pattern!r} must be a list of rule prefixes")
        ignores[pattern] = tuple(prefixes)
    for key in ("grammar", "lt-server", "type"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{where}: `{key}` must be a string")
    if "unsafe" in table and not isinstance(table["unsafe"], bool):
        raise ConfigError(f"{where}: `unsafe` must be true or false")
    choices = {"grammar": ("auto", "harper", "languagetool", "off"), "type": ("text", "markdown", "html")}
    for key, allowed in choices.items():
        if key in table and table[key] not in allowed:
            raise ConfigError(f"{where}: `{key}` must be one of {', '.join(allowed)}, not {table[key]!r}")
    return Config(
        path=str(path),
        select=strings("select"),
        ignore=strings("ignore"),
        pivots=strings("pivots"),
        rules=tuple(str((base / r).resolve()) for r in strings("rules")),
        allow=strings("allow"),
        fix_levels={prefix: level(f"fix-levels.{prefix}", value) for prefix, value in fix_levels.items()},
        per_path_ignores=ignores,
        grammar=table.get("grammar"),
        grammar_enable=strings("grammar-enable"),
        lt_server=_server_url(table.get("lt-server"), where),
        unsafe=table.get("unsafe", False),
        min_fix_level=level("min-fix-level", table.get("min-fix-level", "suggest")),
        fail_on=level("fail-on", table.get("fail-on", "suggest")),
        type=table.get("type"),
        exclude=strings("exclude"),
    )

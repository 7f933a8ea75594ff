"""Turn the paths on a command line into the files to check.

Directories are walked in a stable order; `.gitignore` files (read with pathspec, the library
git-aware tools use), hidden directories and the configuration's `exclude` globs are honoured;
symbolic links are not followed out of the tree.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import pathspec  # imported by the walk of a directory: a hook names files

TEXT_SUFFIXES = {
    ".txt", ".md", ".markdown", ".mdx", ".rst", ".html", ".htm", ".xhtml", ".text", ".adoc", "",
}


def iter_files(paths: list[str], excluded: Callable[[str], bool] = lambda _: False,
               suffixes: set[str] | None = TEXT_SUFFIXES) -> Iterator[str]:
    """Files named on the command line, and the text files under the directories named there."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            if not excluded(path):
                yield path
            continue
        yield from _walk(Path(path), excluded, suffixes)


def _walk(root: Path, excluded: Callable[[str], bool], suffixes: set[str] | None) -> Iterator[str]:
    real_root = root.resolve()
    specs: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    unreadable: list[OSError] = []
    for directory, subdirectories, files in os.walk(root, onerror=unreadable.append):
        # A folder that cannot be listed (a path past PATH_MAX, no permission) is handed on as a
        # path: reading it then fails with one line for it, and the walk goes on.
        while unreadable:
            failed = unreadable.pop(0)
            if failed.filename is not None:
                yield os.fsdecode(failed.filename)
        here = Path(directory)
        ignore_file = here / ".gitignore"
        if _quietly(ignore_file.is_file):
            try:
                import pathspec

                lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
                specs.append((here, pathspec.GitIgnoreSpec.from_lines(lines)))
            except OSError:
                pass

        def ignored(path: Path, is_dir: bool) -> bool:
            for base, spec in specs:
                try:
                    relative = path.relative_to(base).as_posix()
                except ValueError:
                    continue
                if spec.match_file(relative + ("/" if is_dir else "")):
                    return True
            return excluded(str(path))

        kept = []
        for name in sorted(subdirectories):
            child = here / name
            if name.startswith(".") or ignored(child, True):
                continue
            if _quietly(child.is_symlink) and not _inside(child, real_root):
                continue
            kept.append(name)
        subdirectories[:] = kept
        for name in sorted(files):
            child = here / name
            if name.startswith(".") or ignored(child, False):
                continue
            if suffixes is not None and child.suffix.lower() not in suffixes:
                continue
            try:
                if child.is_symlink() and (not child.exists() or not _inside(child, real_root)):
                    continue  # dangling, or leading out of the tree
                if not child.is_file():
                    continue  # a FIFO, socket or device: reading it would hang or never end
            except OSError:
                pass  # a name past PATH_MAX: reading it reports the problem, one line
            yield str(child)
    for failed in unreadable:
        if failed.filename is not None:
            yield os.fsdecode(failed.filename)


def _quietly(check: Callable[[], bool]) -> bool:
    try:
        return check()
    except OSError:
        return False


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError):
        return False

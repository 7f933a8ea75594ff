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


def _spec(path: Path) -> pathspec.GitIgnoreSpec | None:
    if not _quietly(path.is_file):
        return None
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return None


def _outer_specs(root: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
    """The ignore files that apply to `root` from above, as git reads them: the `.gitignore` of
    each folder from the repository's top down to `root`'s parent, and `.git/info/exclude`."""
    start = Path(os.path.abspath(root))
    chain = [start, *start.parents]
    top = next((folder for folder in chain if _quietly((folder / ".git").exists)), None)
    if top is None:
        return []
    specs = []
    exclude = _spec(top / ".git" / "info" / "exclude")
    if exclude is not None:
        specs.append((top, exclude))
    for folder in reversed(chain[1:chain.index(top) + 1]):
        spec = _spec(folder / ".gitignore")
        if spec is not None:
            specs.append((folder, spec))
    return specs


def _walk(root: Path, excluded: Callable[[str], bool], suffixes: set[str] | None) -> Iterator[str]:
    real_root = root.resolve()
    # Ignore files from the top down; the deepest that has a say decides (a "!" in a subfolder
    # brings back what its parent ignored), as git does.
    specs: list[tuple[Path, pathspec.GitIgnoreSpec]] = _outer_specs(root)
    unreadable: list[OSError] = []
    for directory, subdirectories, files in os.walk(root, onerror=unreadable.append):
        # A folder that cannot be listed (a path past PATH_MAX, no permission) is handed on as a
        # path: reading it then fails with one line for it, and the walk goes on.
        while unreadable:
            failed = unreadable.pop(0)
            if failed.filename is not None:
                yield os.fsdecode(failed.filename)
        here = Path(directory)
        spec = _spec(here / ".gitignore")
        if spec is not None:
            specs.append((Path(os.path.abspath(here)), spec))

        def ignored(path: Path, is_dir: bool) -> bool:
            absolute = Path(os.path.abspath(path))
            for base, spec in reversed(specs):
                try:
                    relative = absolute.relative_to(base).as_posix()
                except ValueError:
                    continue
                decided = spec.check_file(relative + ("/" if is_dir else "")).include
                if decided is not None:
                    if decided:
                        return True
                    break  # re-included by a "!" line: the folders above have no say
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

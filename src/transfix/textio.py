"""Bytes in, `Document` out, and back again: encoding, BOM and line endings are kept as found."""

from __future__ import annotations

import codecs
import os

try:
    import fcntl
except ImportError:  # not POSIX: no advisory locks
    fcntl = None  # type: ignore[assignment]
import stat
import sys
from typing import NamedTuple
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class Document(NamedTuple):
    """A file as read: its text, and the encoding, BOM and bytes a write must keep."""

    path: str  # as the user named it; "-" for standard input
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    raw: bytes = b""

    def encode(self, text: str) -> bytes:
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            char = exc.object[exc.start]
            raise InputError(f"{self.path}: a fix writes {char!r} (U+{ord(char):04X}), which {self.encoding} "
                             "cannot hold; file left unchanged (--ignore the rule, or convert the file to UTF-8)") from None


# Codecs that write a BOM of their own: the BOM is kept apart (Document.bom), so the text is
# read and written with the same codec without one (a file without a BOM gets none).
_WITHOUT_BOM = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le" if sys.byteorder == "little" else "utf-16-be",
                "utf-32": "utf-32-le" if sys.byteorder == "little" else "utf-32-be"}


class BinaryFileError(InputError):
    pass


def detect_encoding(raw: bytes) -> str | None:
    """charset-normalizer's best guess for bytes that are not UTF-8, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:256 * 1024]).best()
    return best.encoding if best is not None else None


def _likely_encoding(raw: bytes) -> str | None:
    """The encoding to suggest for English text that is not UTF-8: Windows-1252 (Latin-1's
    superset) when it reads every byte, as it does for nearly all such text; else a guess."""
    try:
        raw[:256 * 1024].decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return detect_encoding(raw)


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told by where the zero bytes of mostly-ASCII text fall
    ("H\\0e\\0" is UTF-16-LE): NUL bytes are valid UTF-8, so the UTF-8 test cannot see it."""
    sample = raw[:8192]
    for width, (little, big) in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        size = len(sample) - len(sample) % width
        if size < 2 * width or len(raw) % width:
            continue
        units = size // width
        zeros = [sample[offset:size:width].count(0) for offset in range(width)]
        if any(count < 0.9 * units for count in zeros[1:-1]):
            continue  # UTF-32: the two middle bytes of an ASCII unit are zero
        for name, empty, full in ((little, zeros[-1], zeros[0]), (big, zeros[0], zeros[-1])):
            if empty >= 0.9 * units and full <= 0.1 * units:
                try:
                    raw.decode(name)
                except UnicodeDecodeError:
                    return None
                return name
    return None


def decode(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode strictly: a byte we cannot read is an error, never a silent replacement.

    `encoding="auto"` detects the encoding (a BOM wins, then UTF-16/UTF-32 told by their zero bytes,
    then UTF-8, then charset-normalizer).
    """
    bom = b""
    chosen = None if encoding == "auto" else encoding
    if chosen is not None:
        try:
            chosen = codecs.lookup(chosen).name
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        chosen = _WITHOUT_BOM.get(chosen, chosen)
    # A BOM is always honoured, whatever --encoding says: it is the file's own word.
    for mark, name in _BOMS:
        if raw.startswith(mark):
            bom, chosen = mark, name
            break
    if chosen is None and encoding == "auto" and b"\x00" in raw[:8192]:
        chosen = _wide_encoding(raw)
    if chosen is None and encoding == "auto":
        try:
            raw.decode("utf-8")
            chosen = "utf-8"
        except UnicodeDecodeError:
            chosen = detect_encoding(raw)
            if chosen is None:
                raise BinaryFileError(f"{path}: binary file (no text encoding fits); skipped") from None
    if chosen is None:
        if b"\x00" in raw[:8192]:
            wide = _wide_encoding(raw)
            if wide is not None:
                raise BinaryFileError(f"{path}: looks like {wide} without a byte-order mark; pass --encoding {wide} (or auto)")
            raise BinaryFileError(f"{path}: binary file (contains NUL bytes); skipped")
        chosen = "utf-8"
    body = raw[len(bom):]
    try:
        text = body.decode(chosen)
    except UnicodeDecodeError as exc:
        guess = _likely_encoding(body) if chosen == "utf-8" else None
        hint = f"it looks like {guess}: pass --encoding {guess} (or auto)" if guess else "pass --encoding"
        raise InputError(f"{path}: not valid {chosen} at byte {exc.start + len(bom)}; {hint}") from None
    except LookupError:
        raise InputError(f"{path}: unknown encoding {chosen!r}") from None
    return Document(path=path, text=text, encoding=chosen, bom=bom, raw=raw)


def check_regular(path: str | Path, limit: int | None = None) -> None:
    """Refuse what is not a regular file (a FIFO would hang the run, a device never ends), and a
    file past `limit` bytes, before reading a byte of it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a pipe, socket or device); not read")
    if limit is not None and info.st_size > limit:
        raise InputError(f"{path}: larger than {limit // (1024 * 1024)} MB; not read")


def write_new_file(path: str | Path, data: bytes, inputs: tuple[str, ...] = ()) -> None:
    """Write an output file of ours (a report, a decisions file) atomically: a temporary file in
    the same folder, fsync, rename. A full disk leaves the previous file whole, not truncated.

    Written through a symbolic link to its target, keeping the mode and owner of a file it
    replaces; a device, pipe or folder at `path`, or one of the `inputs` being read, is refused."""
    target = Path(os.path.realpath(path))
    info = check_output(path, inputs)
    mode, owner = 0o644 & ~_umask(), None
    if info is not None:
        mode, owner = stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)
    try:
        _replace(target, data, mode, owner)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc}); the previous file is unchanged") from None


def check_output(path: str | Path, inputs: tuple[str, ...] = ()) -> os.stat_result | None:
    """Refuse an output path that is not a regular file or is one of the `inputs` (checked before
    any work is done, and again when writing); the existing file's stat, or None."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a folder, pipe or device); not overwritten")
    for name in inputs:
        try:
            same = name != "-" and os.path.samefile(name, path)
        except OSError:
            continue
        if same:
            raise InputError(f"{path}: is an input of this run; not overwritten")
    return info


def _replace(target: Path, data: bytes, mode: int, owner: tuple[int, int] | None = None) -> None:
    """Write `data` to a temporary file beside `target`, sync it, give it `mode` (and `owner`),
    and rename it over `target`; on any failure the temporary file is removed."""
    import tempfile  # a run that writes nothing does not import it

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".transfix", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if owner is not None and owner != (os.geteuid(), os.getegid()):
            os.chown(temporary, *owner)  # keep a file its owner's, also when run as root
        os.chmod(temporary, mode)  # after chown, which clears the setuid and setgid bits
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def read_document(path: str, encoding: str | None = None) -> Document:
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>", encoding)
    try:
        check_regular(path)
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(raw, path, encoding)


def write_atomic(document: Document, text: str) -> None:
    """Replace the file in one step: a temporary file beside it, fsync, then rename.

    Written through a symbolic link to its target, with the owner, group and mode of the file it
    replaces; a file with several hard links is refused (a rename would split them). The file is
    locked from the "unchanged on disk?" check to the rename, so that two runs at once cannot
    lose each other's changes: the second sees the first one's result and refuses.
    """
    target = Path(os.path.realpath(document.path))
    data = document.encode(text)
    try:
        lock = _lock(target)
    except OSError as exc:
        raise InputError(f"{document.path}: cannot write ({exc.strerror or exc})") from None
    try:
        info = os.fstat(lock)
        if info.st_nlink > 1:
            raise InputError(f"{document.path}: has {info.st_nlink} hard links; not rewritten "
                             "(replacing it would split them)")
        if target.read_bytes() != document.raw:
            raise InputError(f"{document.path}: changed on disk since it was read; not overwritten")
        _replace(target, data, stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid))
    except OSError as exc:
        raise InputError(f"{document.path}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(lock)


def _lock(path: Path) -> int:
    """An exclusive lock on the file now at `path` (retried if it was replaced while we waited)."""
    while True:
        descriptor = os.open(path, os.O_RDONLY)
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        if fcntl is None or os.fstat(descriptor).st_ino == os.stat(path).st_ino:
            return descriptor
        os.close(descriptor)

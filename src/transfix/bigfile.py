"""Files too large to hold in memory three times over: read, check and rewrite them in chunks.

A chunk ends at a paragraph break (or a line break) near `CHUNK_CHARS`, so rules see whole
paragraphs (Markdown: between top-level blocks, so that a fence or a list is never cut); document-level context conditions then see one chunk at a time. Memory stays
bounded by the chunk size whatever the size of the file. The rewrite is atomic like any other.
"""

from __future__ import annotations

import codecs
import re
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import InputError
from .textio import _BOMS, BinaryFileError

LARGE_FILE_BYTES = int(os.environ.get("TRANSFIX_LARGE_FILE_BYTES", 32 * 1024 * 1024))
CHUNK_CHARS = 1 << 20
READ_BYTES = 1 << 20


def is_large(path: str) -> bool:
    try:
        return path != "-" and os.path.getsize(path) > LARGE_FILE_BYTES
    except OSError:
        return False


def _open(path: str, encoding: str | None) -> tuple[BinaryIO, str, bytes]:
    stream = open(path, "rb")
    head = stream.read(4)
    bom, chosen = b"", encoding if encoding not in (None, "auto") else None
    if chosen is None:
        for mark, name in _BOMS:
            if head.startswith(mark):
                bom, chosen = mark, name
                break
    if chosen is None:
        chosen = "utf-8"
    stream.seek(len(bom))
    return stream, chosen, bom


_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s")


def _cut(buffer: str, limit: int) -> int:
    """Where to end a chunk: a paragraph break, else a line break, else the end of a sentence,
    else a space: never inside a word, and a phrase rule rarely spans a sentence end. Only a
    single token longer than a chunk is cut where it stands."""
    cut = buffer.rfind("\n\n", 0, limit)
    if cut > 0:
        return cut + 2
    cut = buffer.rfind("\n", 0, limit)
    if cut > 0:
        return cut + 1
    window_start = max(0, limit - 1_000_000)
    ends = [m.end() for m in _SENTENCE_END.finditer(buffer, window_start, limit)]
    if ends:
        return ends[-1]
    space = max(buffer.rfind(" ", 0, limit), buffer.rfind("\t", 0, limit))
    return space + 1 if space > 0 else limit


def _markdown_cut(buffer: str, limit: int) -> int:
    """Markdown ends a chunk only between top-level blocks (never inside a fence, a list or an
    HTML block, which a paragraph break can be); 0 while one block fills the window."""
    from .mdparse import block_cut

    return block_cut(buffer[:limit])


def iter_chunks(path: str, encoding: str | None = None, kind: str = "text") -> Iterator[str]:
    """The decoded text of `path` in chunks that end at paragraph (or line) breaks; in Markdown,
    between top-level blocks (a chunk grows past `CHUNK_CHARS` while one block fills it)."""
    cutter = _markdown_cut if kind == "markdown" else _cut
    limit = CHUNK_CHARS
    stream, chosen, bom = _open(path, encoding)
    decoder = codecs.getincrementaldecoder(chosen)(errors="strict")
    consumed = len(bom)
    buffer = ""
    with stream:
        while True:
            block = stream.read(READ_BYTES)
            if consumed == len(bom) and not bom and b"\x00" in block[:8192]:
                raise BinaryFileError(f"{path}: binary file (contains NUL bytes); skipped")
            try:
                buffer += decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not valid {chosen} near byte {consumed + exc.start}; "
                                 "pass --encoding to read it as another encoding") from None
            consumed += len(block)
            while len(buffer) >= limit:
                cut = cutter(buffer, limit)
                if cut <= 0:
                    limit *= 2
                    continue
                yield buffer[:cut]
                buffer = buffer[cut:]
                limit = CHUNK_CHARS
            if not block:
                break
    if buffer:
        yield buffer


def check_large(engine, path: str, encoding: str | None, kind: str, skip: tuple[str, ...]):
    """Findings for a large file, with offsets and lines into the whole file."""
    findings, warnings = [], []
    offset = line_offset = 0
    for chunk in iter_chunks(path, encoding, kind):
        analysis = engine.analyze(chunk, kind=kind, skip=skip)
        warnings.extend(analysis.warnings)
        findings.extend(replace(f, start=f.start + offset, end=f.end + offset, line=f.line + line_offset)
                        for f in analysis.findings)
        offset += len(chunk)
        line_offset += chunk.count("\n")
    return findings, warnings


def fix_large(engine, path: str, encoding: str | None, kind: str, skip: tuple[str, ...], *,
              unsafe: bool, accept: tuple[str, ...], write: bool, out: BinaryIO | None):
    """Repair a large file chunk by chunk; rewrite it atomically or stream it to `out`.

    Returns (fixes applied, whether the text changed, categories of applied fixes)."""
    try:
        return _fix_large(engine, path, encoding, kind, skip, unsafe=unsafe, accept=accept, write=write, out=out)
    except OSError as exc:
        # A full disk or a refused write is this file's failure, not the batch's.
        raise InputError(f"{path}: cannot write ({exc.strerror or exc}); the file is unchanged") from None


def _fix_large(engine, path: str, encoding: str | None, kind: str, skip: tuple[str, ...], *,
               unsafe: bool, accept: tuple[str, ...], write: bool, out: BinaryIO | None):
    stream, chosen, bom = _open(path, encoding)
    stream.close()
    target = Path(os.path.realpath(path))  # written through a symbolic link, like small files
    before = os.stat(target)
    if write and before.st_nlink > 1:
        raise InputError(f"{path}: has {before.st_nlink} hard links; not rewritten (replacing it would split them)")
    import tempfile  # only to write

    handle, temporary = (tempfile.mkstemp(prefix=f".{target.name}.", suffix=".transfix", dir=target.parent)
                         if write else (None, None))
    applied, changed, categories = 0, False, {}
    sink = os.fdopen(handle, "wb") if write else out
    try:
        sink.write(bom)
        for chunk in iter_chunks(path, encoding, kind):
            result = engine.repair(chunk, unsafe=unsafe, accept=accept, kind=kind, skip=skip)
            applied += len(result.applied)
            changed |= result.text != chunk
            for finding in result.applied:
                categories[finding.category] = categories.get(finding.category, 0) + 1
            sink.write(result.text.encode(chosen))
        if write:
            sink.flush()
            os.fsync(sink.fileno())
            sink.close()
            now = os.stat(target)
            if (now.st_size, now.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
                raise InputError(f"{path}: changed on disk while it was being fixed; not overwritten")
            if changed:
                os.chmod(temporary, stat.S_IMODE(before.st_mode))
                if (before.st_uid, before.st_gid) != (os.geteuid(), os.getegid()):
                    os.chown(temporary, before.st_uid, before.st_gid)
                os.replace(temporary, target)
    finally:
        if write:
            if not sink.closed:
                sink.close()
            if os.path.exists(temporary):
                os.unlink(temporary)
    return applied, changed, categories

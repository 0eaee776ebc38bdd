"""Bytes from the file system, safely, and text from bytes.

Only regular files are opened: ``os.stat`` comes first, so a FIFO is never opened (opening one
waits for a writer) and a device (``/dev/zero``, perhaps behind a symlink) is never read. A file
over the size limit is refused before a byte is read, and no read takes more than the limit plus
one byte, whatever ``stat`` said (files in /proc report a size of 0).
"""

from __future__ import annotations

import codecs
import os
import stat

from ..errors import EmptyArticle, UnreadableArticle, UsageError

# The largest input file read (bytes), unless --max-file-bytes says otherwise. News pages saved
# whole run from 50 KB to about 5 MB (inline scripts and styles); the largest article text in the
# 110 corpus events is 30 KB, and a JSONL of 10,000 such articles stays near 50 MB. 64 MiB keeps
# all of these while a stray disk image or video is refused before it is read.
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024

# A file is taken for binary when it holds a NUL byte or when more than this share of its first
# 4 KiB are control characters other than tab/newline/carriage return/form feed. Text files in
# the 110 corpus events have none; images, PDFs and archives score far above 0.1.
BINARY_CONTROL_SHARE = 0.1

# Text in UTF-16 without a byte-order mark: at least this share of the bytes on one side of each
# pair are NUL (English prose in UTF-16 has about 0.95; binary formats put NULs on both sides).
UTF16_NUL_SHARE = 0.5

# Bytes that are not UTF-8 are read as Windows-1252 (the legacy encoding of English-language news
# pages) when at most this share of their letters then falls outside ASCII. charset_normalizer alone
# took short cp1252 texts for cp1250 or cp1125 (3 of 4 one-line test texts, curly quotes turned
# into Cyrillic); French or German prose has under 10% accented letters, while Cyrillic or Greek
# bytes read as cp1252 give over 90%, and those go to charset_normalizer.
LEGACY_NON_ASCII_LETTER_SHARE = 0.3

_CHUNK = 1 << 20


def size_text(n: int) -> str:
    """``67108864`` -> ``64 MiB``; ``1500`` -> ``1.5 KB``: sizes for error lines."""
    if n >= 1 << 20 and n % (1 << 20) == 0:
        return f"{n >> 20} MiB"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def too_large(size: int | None, limit: int) -> str:
    """The problem text for an input over the size limit (``size`` None: over it, size unknown)."""
    shown = f"{size_text(size)}, " if size is not None else ""
    return f"too large ({shown}the limit is {size_text(limit)})"


TOO_LARGE_HINT = "raise the limit with --max-file-bytes"


def file_kind(mode: int) -> str:
    """What a file that is not regular is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def check_regular(path: str) -> os.stat_result:
    """``os.stat`` of ``path`` when it is a regular file (symlinks followed); else the reason, raised."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            target = os.readlink(path)
            problem = f"is a broken symbolic link (to {target}, which does not exist)"
            raise UnreadableArticle(problem, path) from None
        hint = "the pattern matched no files" if any(ch in path for ch in "*?[") else None
        raise UnreadableArticle("no such file", path, hint) from None
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read ({exc.strerror or exc})", path) from exc
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableArticle("is a directory, not an article file", path, "pass the files inside it")
    if not stat.S_ISREG(st.st_mode):
        kind = file_kind(st.st_mode)
        if os.path.islink(path):
            kind = f"links to {os.path.realpath(path)}, {kind}"
        else:
            kind = f"is {kind}"
        raise UnreadableArticle(f"{kind}, not a regular file; storydiff reads only regular files", path)
    return st


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else raises, unread."""
    st = check_regular(path)
    if st.st_size > max_bytes:
        raise UnreadableArticle(too_large(st.st_size, max_bytes), path, TOO_LARGE_HINT)
    # O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read ({exc.strerror or exc})", path) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableArticle("changed into a special file while being opened", path)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise UnreadableArticle(f"cannot be read ({exc.strerror or exc})", path) from exc
    finally:
        os.close(fd)
    if total > max_bytes:
        raise UnreadableArticle(too_large(None, max_bytes), path, TOO_LARGE_HINT)
    return b"".join(chunks)


def read_text(path: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> str:
    """Read a file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else a legacy encoding.

    The file is only read, never written. ``encoding`` forces one codec for the whole file.
    """
    if encoding:
        check_encoding(encoding)
    return decode_bytes(read_bytes(path, max_bytes), path, encoding)


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> str:
    """Text from the bytes of one input (``path`` names it in errors); see ``read_text``."""
    if not data.strip():
        raise EmptyArticle("is empty", path)
    wide = encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if encoding and not wide and not looks_binary(data):
        return _decode_as(data, encoding, path)
    if wide:
        return _decode_as(data, encoding or "", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableArticle("has a UTF-16 byte-order mark but is not UTF-16", path) from exc
    if looks_binary(data):
        raise UnreadableArticle("looks like a binary file, not text", path, _utf16_hint(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _decode_as(data: bytes, encoding: str, path: str) -> str:
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding  # drop a BOM
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(
            f"cannot be decoded as {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})", path
        ) from exc


def _utf16_hint(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark has a NUL in every other byte of its ASCII letters."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) >= UTF16_NUL_SHARE * (len(head) // 2) and min(even, odd) == 0:
        return "try --encoding utf-16-le" if odd > even else "try --encoding utf-16-be"
    return None


def check_encoding(encoding: str) -> None:
    """Raise ``UsageError`` for an encoding name Python does not know."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}", hint="--encoding takes a name such as utf-8, cp1252 or latin-1"
        ) from None


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls > BINARY_CONTROL_SHARE * len(head)


def _decode_legacy(data: bytes, path: str) -> str:
    """Non-UTF-8 bytes: Windows-1252 when they read as Latin text, else charset_normalizer's guess."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [ch for ch in western if ch.isalpha()]
        foreign = sum(1 for ch in letters if ord(ch) > 0x7F)
        if letters and foreign <= LEGACY_NON_ASCII_LETTER_SHARE * len(letters):
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise UnreadableArticle("is not UTF-8 and no other encoding fits", path, "try --encoding latin-1")
    try:
        return data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise UnreadableArticle(
            f"cannot be decoded (guessed {best.encoding})", path, "try --encoding latin-1"
        ) from exc

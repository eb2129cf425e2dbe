"""Sources: turn paths (files, directories, JSON Lines, stdin) into ``InputItem``s.

Nothing here decodes or judges the content: a source reads bytes (size-capped),
attaches the metadata it knows, and hands on. Anything it cannot read becomes an
item with ``error`` set ("too-large: ...", "unreadable: ...", "not-json: ..."), so
the pipeline records a reject and the rest of the batch goes on.

Metadata precedence:

* a single file: explicit values (``outlet=``, ``published=``, ...) win over the
  ``meta.json`` sidecar next to it, which wins over nothing;
* files found in a directory: the sidecar wins; the explicit ``outlet`` and
  ``published`` fill what the sidecar leaves null (a ``url`` or ``title`` given once
  cannot be right for many files, so those apply to single files only);
* JSON Lines: the record's own fields win, then the explicit values.
"""

from __future__ import annotations

import gzip
import json
import zlib
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from claimgraph.model import InputItem, Reject

SIDECAR = "meta.json"
META_FIELDS = ("outlet", "published", "url", "title")
DIRECTORY_FALLBACK_FIELDS = ("outlet", "published")
DEFAULT_MAX_BYTES = 20_000_000
KIND_BY_EXTENSION = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".md": "text", ".text": "text",
}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
TOO_DEEP = "nested too deeply to read (Python's recursion limit)"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# What a folder may hold besides files: reading a FIFO waits for a writer for ever, a
# socket cannot be opened, a device may never end.
NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISDIR, "a directory"))

Meta = dict[str, Any]


def iter_inputs(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    stdin: IO[bytes] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[InputItem]:
    """Yield one ``InputItem`` per article found under ``paths``, lazily.

    :param paths: files, directories (recursive, sorted), ``.jsonl``/``.jsonl.gz``
        files (one article per line) or ``"-"`` for standard input.
    :param outlet, published, url, title: metadata supplied by the caller.
    :param stdin: binary stream read for ``"-"`` (default ``sys.stdin.buffer``).
    :param max_bytes: larger inputs are not read; their item carries ``error``.

    >>> import io
    >>> [i.origin for i in iter_inputs(["-"], stdin=io.BytesIO(b"Hello"))]
    ['stdin']
    """
    explicit = _clean_meta({"outlet": outlet, "published": published, "url": url, "title": title})
    sidecars = SidecarCache()
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            yield _stdin_item(stdin if stdin is not None else sys.stdin.buffer, explicit, max_bytes)
        elif os.path.isdir(path):
            yield from _iter_directory(path, explicit, max_bytes, sidecars)
        elif os.path.basename(path) == SIDECAR:
            continue  # "dir/*" in a shell names the sidecar too: it is metadata, not an article
        elif _is_jsonl(path):
            yield from iter_jsonl(path, explicit, max_bytes, streams=True)
        else:
            yield from _single_file(path, explicit, max_bytes, sidecars)


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many files ``iter_inputs`` will read from ``paths`` (a JSON Lines file counts its
    lines), for a progress bar; None when it cannot be known beforehand (standard input).

    >>> count_inputs(["/no/such/file.txt"]), count_inputs(["-"])
    (1, None)
    """
    total = 0
    for path in map(os.fspath, paths):
        if path == "-":
            return None
        if os.path.isdir(path):
            for directory, names in _walk_sorted(path):
                total += sum(_count_lines(os.path.join(directory, n)) if _is_jsonl(n) else 1 for n in names)
        elif os.path.basename(path) != SIDECAR:
            total += _count_lines(path) if _is_jsonl(path) else 1
    return total


def _count_lines(path: str) -> int:
    try:
        raw = open_regular(path)
        if isinstance(raw, str):
            return 1
        with raw, (gzip.open(raw, "rb") if path.endswith(".gz") else raw) as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) or 1
    except (OSError, EOFError):
        return 1  # unreadable or not a file: it will be one reject


def kind_of(path: str) -> str | None:
    """"html", "text" or None (let the clean stage sniff), from the file extension.

    >>> kind_of("a/b.HTM"), kind_of("notes.md"), kind_of("blob.bin")
    ('html', 'text', None)
    """
    return KIND_BY_EXTENSION.get(os.path.splitext(path)[1].lower())


def reject_of(item: InputItem) -> Reject:
    """The ``Reject`` to record for an item a source could not read.

    >>> reject_of(InputItem(origin="a.txt", error="too-large: 9 bytes > 5")).reason
    'too-large'
    """
    reason, _, detail = (item.error or "unreadable").partition(":")
    return Reject(origin=item.origin, reason=reason.strip(), detail=detail.strip(), raw_hash=None)


# -- files ----------------------------------------------------------------------


class SidecarCache:
    """Each directory's sidecar read once per run (and its errors reported once)."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[str, Meta]] = {}

    def get(self, directory: str) -> tuple[dict[str, Meta], list[InputItem]]:
        key = os.path.abspath(directory)
        if key in self._seen:
            return self._seen[key], []
        sidecar, errors = load_sidecar(directory)
        self._seen[key] = sidecar
        return sidecar, errors


def _single_file(path: str, explicit: Meta, max_bytes: int, sidecars: SidecarCache) -> Iterator[InputItem]:
    directory, name = os.path.split(path)
    sidecar, errors = sidecars.get(directory or ".")
    yield from errors
    meta = {**sidecar.get(name, {}), **explicit}
    # named on the command line, a pipe is what the user asked for ("ingest <(zcat feed)")
    yield read_file_item(path, meta, max_bytes, streams=True)


def shown_path(path: str) -> str:
    r"""``path`` as it can be stored and printed: the bytes of a file name that is not UTF-8
    (which ``os`` hands over as surrogates) written as ``\xNN``.

    >>> shown_path(os.fsdecode(b"bad\xffname.txt"))
    'bad\\xffname.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def open_regular(path: str, streams: bool = False) -> IO[bytes] | str:
    """``path`` opened for reading, or why it is not a regular file (a FIFO in a folder would
    block the ingest for ever); ``OSError`` when it cannot be opened. ``streams`` lets a pipe
    or character device through (a path the user named). Opened without blocking and checked
    again, so a file swapped for a FIFO after the first look is refused too."""
    refusal = not_regular(os.stat(path), streams)
    if refusal:
        return refusal
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        refusal = not_regular(os.fstat(fd), streams)
        if refusal:
            os.close(fd)
            return refusal
        if streams:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def not_regular(info: os.stat_result, streams: bool) -> str | None:
    """Why a file of this type is not read ("a named pipe (FIFO) is not a regular file"), or None."""
    if stat.S_ISREG(info.st_mode):
        return None
    if streams and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        return None
    what = next((name for test, name in NOT_REGULAR if test(info.st_mode)), "not a file")
    return f"{what} is not a regular file"


def read_file_item(path: str, meta: Meta, max_bytes: int = DEFAULT_MAX_BYTES, streams: bool = False) -> InputItem:
    """One file as an item: bytes read up to ``max_bytes``, or an error.

    >>> read_file_item("/no/such/file.txt", {}).error.split(":")[0]
    'not-found'
    """
    shown = shown_path(path)
    item = InputItem(origin=shown, path=shown, kind=kind_of(path), **_item_meta(meta))
    try:
        handle = open_regular(path, streams)
        if isinstance(handle, str):
            item.error = f"not-regular: {handle}"
            return item
        with handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                item.error = _too_large(size, max_bytes)
                return item
            # Read one byte past the cap: a file can grow between fstat and read.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        item.error = f"not-found: no file {shown!r}"
        return item
    except OSError as exc:
        item.error = f"unreadable: {exc.strerror or exc}"
        return item
    if len(data) > max_bytes:
        item.error = _too_large(len(data), max_bytes, at_least=True)
        return item
    item.data = data
    return item


def _too_large(size: int, max_bytes: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"too-large: {more}{size:,} bytes > {max_bytes:,}"


def _stdin_item(stream: IO[bytes], explicit: Meta, max_bytes: int) -> InputItem:
    item = InputItem(origin="stdin", **_item_meta(explicit))
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        item.error = f"unreadable: stdin: {exc}"
        return item
    if isinstance(data, str):  # a text stream was passed: keep working
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        item.error = _too_large(len(data), max_bytes, at_least=True)
    else:
        item.data = data
    return item


# -- directories ------------------------------------------------------------------


def _iter_directory(
    root: str, explicit: Meta, max_bytes: int, sidecars: SidecarCache
) -> Iterator[InputItem]:
    fallback = {k: v for k, v in explicit.items() if k in DIRECTORY_FALLBACK_FIELDS}
    walk_errors: list[OSError] = []
    for directory, filenames in _walk_sorted(root, walk_errors.append):
        yield from _walk_error_items(walk_errors)
        sidecar, errors = sidecars.get(directory)
        yield from errors
        for name in filenames:
            meta = {**fallback, **{k: v for k, v in sidecar.get(name, {}).items() if v is not None}}
            yield from _listed_file_items(os.path.join(directory, name), meta, max_bytes)
    yield from _walk_error_items(walk_errors)


def _listed_file_items(path: str, meta: Meta, max_bytes: int) -> Iterator[InputItem]:
    """The articles of one file found in a folder (not named by the user: a pipe is not read)."""
    if _is_jsonl(path):
        yield from iter_jsonl(path, meta, max_bytes)
    else:
        yield read_file_item(path, meta, max_bytes)


def job_origins(paths: Sequence[str]) -> list[str]:
    """The files ``paths`` name, folders walked as an ingest walks them: one job each.

    >>> job_origins(["/no/such/file.txt"])
    ['/no/such/file.txt']
    """
    found: list[str] = []
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            found += [os.path.join(directory, n) for directory, names in _walk_sorted(path) for n in names]
        elif os.path.basename(path) != SIDECAR:
            found.append(path)
    return found


def iter_job_inputs(origins: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputItem]:
    """The articles of claimed jobs, each file read as the ingest of its folder reads it
    (its folder's meta.json applies): a queued folder gives the documents its ingest gives."""
    sidecars = SidecarCache()
    for path in origins:
        directory, name = os.path.split(path)
        sidecar, errors = sidecars.get(directory or ".")
        yield from errors
        meta = {k: v for k, v in sidecar.get(name, {}).items() if v is not None}
        yield from _listed_file_items(path, meta, max_bytes)


def _walk_error_items(errors: list[OSError]) -> Iterator[InputItem]:
    # A subdirectory we may not list is reported, not silently skipped.
    while errors:
        exc = errors.pop(0)
        origin = shown_path(str(exc.filename or "?"))
        yield InputItem(origin=origin, path=origin, error=f"unreadable: {exc.strerror or exc}")


def _walk_sorted(root: str, onerror: Any = None) -> Iterator[tuple[str, list[str]]]:
    """(directory, sorted visible file names), depth first, names sorted: deterministic."""
    for directory, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield directory, sorted(f for f in filenames if _is_article_name(f))


def _is_article_name(name: str) -> bool:
    """Hidden files (".DS_Store", ".gitignore") are no articles, unless their extension says
    they are: "..dots..txt" is a text file with an odd name.

    >>> [n for n in (".DS_Store", "..dots..txt", ".x.jsonl", "a.bin", "._a.txt", SIDECAR) if _is_article_name(n)]
    ['..dots..txt', '.x.jsonl', 'a.bin']
    """
    if name == SIDECAR or name.startswith("._"):  # "._x.txt": a macOS resource fork, binary
        return False
    return not name.startswith(".") or kind_of(name) is not None or _is_jsonl(name)


def load_sidecar(directory: str) -> tuple[dict[str, Meta], list[InputItem]]:
    """Read ``directory/meta.json``: {file name: metadata}, plus error items if broken.

    Keys starting with "_" are comments. A missing sidecar is not an error.
    """
    path = os.path.join(directory, SIDECAR)
    shown = shown_path(path)
    try:
        handle = open_regular(path)
        if isinstance(handle, str):
            return {}, [InputItem(origin=shown, path=shown, error=f"bad-meta: {handle}")]
        with handle:
            raw = json.loads(handle.read(DEFAULT_MAX_BYTES))
    except FileNotFoundError:
        return {}, []
    except RecursionError:
        return {}, [InputItem(origin=shown, path=shown, error=f"bad-meta: {TOO_DEEP}")]
    except (OSError, ValueError) as exc:
        return {}, [InputItem(origin=shown, path=shown, error=f"bad-meta: {exc}")]
    if not isinstance(raw, dict):
        return {}, [InputItem(origin=shown, path=shown, error="bad-meta: not a JSON object of file names")]
    sidecar: dict[str, Meta] = {}
    errors: list[InputItem] = []
    for name, entry in raw.items():
        if name.startswith("_"):
            continue
        if isinstance(entry, dict):
            sidecar[name] = _clean_meta(entry)
        else:
            errors.append(InputItem(origin=shown, path=shown, error=f"bad-meta: entry {name!r} is not an object"))
    return sidecar, errors


# -- JSON Lines ------------------------------------------------------------------


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def iter_jsonl(path: str, meta: Meta | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               streams: bool = False) -> Iterator[InputItem]:
    """One item per non-blank line of a JSON Lines file (gzip if it ends in .gz).

    Each line is an object with ``text`` or ``html`` and optionally ``url``, ``title``,
    ``published``, ``outlet``, ``path``, ``id``. A bad line becomes an error item.
    """
    meta = meta or {}
    shown = shown_path(path)
    gzipped = path.lower().endswith(".gz")
    try:
        raw = open_regular(path, streams)
        if isinstance(raw, str):
            yield InputItem(origin=shown, path=shown, error=f"not-regular: {raw}")
            return
        with raw, (gzip.open(raw, "rb") if gzipped else raw) as handle:
            for number, line in _read_lines(handle, max_bytes):
                origin = f"{shown}:{number}"
                if line is None:
                    yield InputItem(origin=origin, error=f"too-large: line {number} > {max_bytes:,} bytes")
                elif line.strip():
                    yield jsonl_item(line, origin, number, meta)
    except FileNotFoundError:
        yield InputItem(origin=shown, path=shown, error=f"not-found: no file {shown!r}")
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield InputItem(origin=shown, path=shown, error=f"unreadable: {exc}")


def _read_lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line longer than the cap (skipped unread)."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def jsonl_item(line: bytes | str, origin: str, number: int, meta: Meta) -> InputItem:
    """One JSON Lines record as an item (``text`` already decoded, ``kind`` from the field).

    >>> jsonl_item(b'{"html": "<p>Hi</p>", "url": "https://example.org/a"}', "x.jsonl:1", 1, {}).kind
    'html'
    """
    try:
        record = json.loads(line)
    except RecursionError:
        return InputItem(origin=origin, error=f"not-json: line {number}: {TOO_DEEP}")
    except ValueError as exc:
        return InputItem(origin=origin, error=f"not-json: line {number}: {exc}")
    if not isinstance(record, dict):
        return InputItem(origin=origin, error=f"not-json: line {number}: not an object")
    kind, body = _record_body(record)
    if body is None:
        return InputItem(origin=origin, error=f"no-text: line {number}: no 'text' or 'html' string field")
    fields = {**meta, **_clean_meta({k: record.get(k) for k in META_FIELDS})}
    path = record.get("path") if isinstance(record.get("path"), str) else None
    return InputItem(origin=origin, text=body, kind=kind, path=path, **_item_meta(fields))


def _record_body(record: dict[str, Any]) -> tuple[str | None, str | None]:
    for field in ("html", "text"):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return ("html" if field == "html" else "text"), value
    return None, None


# -- metadata ---------------------------------------------------------------------


def _clean_meta(meta: dict[str, Any]) -> Meta:
    """Known fields only, non-empty strings only; ISO date-times cut to the day."""
    clean: Meta = {}
    for key in META_FIELDS:
        value = meta.get(key)
        if value is None:
            continue
        value = str(value).strip()
        if not value:
            continue
        if key == "published" and ISO_DAY.match(value):
            value = value[:10]
        clean[key] = value
    return clean


def _item_meta(meta: Meta) -> dict[str, str | None]:
    return {key: meta.get(key) for key in META_FIELDS}

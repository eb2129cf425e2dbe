"""Watch a folder: ingest files as they appear or change, once they have stopped growing.

Polling, with the standard library only: every ``interval`` seconds the folder is
scanned (recursively, hidden folders skipped) and each file's (size, mtime, inode)
compared with the previous scan. A file is handed on when it is unchanged across
two consecutive scans (its size stable for one interval, so a download or a copy
in progress is not read half-written) and differs from what was last handed on.
Temporary and hidden files (``.part``, ``.tmp``, ``.crdownload``, ``~`` backups,
editor swap files, dot files) and empty files are ignored; so is the ``meta.json``
sidecar, which ``iter_inputs`` reads for the files beside it.

Files already in the folder when watching starts are ingested too (by default):
anything that arrived while no watcher ran is not missed, and the pipeline skips
what it stored before by content hash, at the cost of reading each file once.

    >>> import pathlib, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> watcher = DirectoryWatcher(folder)
    >>> _ = pathlib.Path(folder, "a.txt").write_text("An article.")
    >>> watcher.poll(), [os.path.basename(p) for p in watcher.poll()]
    ([], ['a.txt'])
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence

from claimgraph.errors import ConfigError
from claimgraph.ingest.sources import SIDECAR, iter_inputs
from claimgraph.model import InputItem
from claimgraph.settings import Settings

IGNORED_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", ".swx", "~")
IGNORED_PREFIXES = (".", "~$", "#")  # dot files, Office lock files, Emacs autosaves
DEFAULT_BATCH = 64  # files per on_items call: the pipeline's default batch size

Signature = tuple[int, int, int]  # (size, mtime in ns, inode)


def is_ignored(name: str) -> bool:
    """True for names of temporary, hidden or metadata files.

    >>> [is_ignored(n) for n in ("story.html", "story.html.part", ".story.txt", "notes.txt~", "meta.json")]
    [False, True, True, True, True]
    """
    lower = name.lower()
    return name == SIDECAR or lower.startswith(IGNORED_PREFIXES) or lower.endswith(IGNORED_SUFFIXES)


def scan(directory: str) -> dict[str, Signature]:
    """{path: (size, mtime_ns, inode)} of every candidate file under ``directory``.

    Files that vanish during the scan, and folders that cannot be listed, are
    skipped: the next scan sees them as they are then.
    """
    found: dict[str, Signature] = {}
    for folder, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if is_ignored(name):
                continue
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if stat.st_size > 0:  # a file just created is often empty until its writer writes
                found[path] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return found


class DirectoryWatcher:
    """Remembers what a folder looked like; ``poll()`` says which files are ready.

    :param directory: the folder to watch (recursively).
    :param include_existing: treat files present at the start as new.
    """

    def __init__(self, directory: str, include_existing: bool = True):
        self.directory = os.fspath(directory)
        self._previous: dict[str, Signature] = {}
        self._handled: dict[str, Signature] = {} if include_existing else scan(self.directory)

    def poll(self) -> list[str]:
        """Paths (sorted) unchanged since the previous poll and not handed on in this state."""
        current = scan(self.directory)
        ready = sorted(
            path for path, signature in current.items()
            if self._previous.get(path) == signature and self._handled.get(path) != signature
        )
        self._previous = current
        for gone in set(self._handled) - set(current):
            del self._handled[gone]  # a file deleted then written again is new again
        return ready

    def mark_handled(self, paths: Sequence[str]) -> None:
        """Remember ``paths`` as handed on, in the state the last poll saw."""
        for path in paths:
            if path in self._previous:
                self._handled[path] = self._previous[path]


def watch(
    directory: str,
    on_items: Callable[[list[InputItem]], object],
    interval: float = 1.0,
    stop: threading.Event | None = None,
    *,
    include_existing: bool = True,
    batch_size: int = DEFAULT_BATCH,
    max_bytes: int | None = None,
) -> int:
    """Poll ``directory`` until ``stop`` is set, calling ``on_items`` with each batch of ready files.

    :param on_items: receives a list of ``InputItem``s (from ``iter_inputs``, so JSON
        Lines files give one item per line and ``meta.json`` sidecars apply), e.g.
        ``claimgraph.open(db).ingest_items``. If it raises, watching stops with that
        error and the batch counts as not handled.
    :param interval: seconds between scans; a file must be unchanged for one interval.
    :param stop: a ``threading.Event``; watching runs until it is set (forever if None).
    :param include_existing: also ingest the files already there.
    :param max_bytes: larger files become too-large items (default the ``max_bytes`` setting).
    :returns: how many items were handed on.

    Usage::

        with claimgraph.open("news.db") as cg:
            watch("incoming/", cg.ingest_items, interval=2.0)
    """
    if not os.path.isdir(directory):
        raise ConfigError(f"cannot watch {directory!r}: it is not a folder; create it or name another")
    stop = stop or threading.Event()
    max_bytes = max_bytes if max_bytes is not None else Settings.from_env().max_bytes
    watcher = DirectoryWatcher(directory, include_existing)
    handed = 0
    while not stop.is_set():
        for paths in _batches(watcher.poll(), batch_size):
            items = list(iter_inputs(paths, max_bytes=max_bytes))
            if items:
                on_items(items)
            watcher.mark_handled(paths)
            handed += len(items)
        stop.wait(interval)
    return handed


def _batches(paths: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), max(1, size)):
        yield paths[start:start + size]

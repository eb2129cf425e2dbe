"""Watching a folder: new and changed files are handed on once stable; temporary files never."""

from __future__ import annotations

import os
import threading
import time

import pytest

from claimgraph.errors import ConfigError
from claimgraph.ingest.watch import DirectoryWatcher, is_ignored, scan, watch


def write(path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def names(paths: list[str]) -> list[str]:
    return [os.path.basename(p) for p in paths]


@pytest.mark.parametrize("name, ignored", [
    ("story.html", False),
    ("wire.jsonl", False),
    ("story.html.part", True),
    ("story.tmp", True),
    ("download.crdownload", True),
    ("story.txt~", True),
    (".hidden.txt", True),
    ("~$report.docx", True),
    ("meta.json", True),
])
def test_watch_is_ignored(name, ignored):
    assert is_ignored(name) is ignored


def test_watch_scan_skips_hidden_folders_and_empty_files(tmp_path):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "sub" / "b.txt", "B.")
    write(tmp_path / ".cache" / "c.txt", "C.")
    (tmp_path / "empty.txt").touch()
    assert sorted(os.path.relpath(p, tmp_path) for p in scan(str(tmp_path))) == ["a.txt", os.path.join("sub", "b.txt")]


def test_watch_file_is_ready_only_once_its_size_is_stable(tmp_path):
    watcher = DirectoryWatcher(str(tmp_path))
    story = tmp_path / "story.txt"
    write(story, "The first half")
    assert watcher.poll() == []  # just seen
    with open(story, "a", encoding="utf-8") as handle:
        handle.write(" and the second half.")
    assert watcher.poll() == []  # still growing
    assert names(watcher.poll()) == ["story.txt"]  # unchanged for one interval
    watcher.mark_handled([str(story)])
    assert watcher.poll() == []  # handled, not handed on again


def test_watch_changed_file_is_handed_on_again(tmp_path):
    watcher = DirectoryWatcher(str(tmp_path))
    story = write(tmp_path / "story.txt", "Version one.")
    watcher.poll()
    watcher.mark_handled(watcher.poll())
    write(tmp_path / "story.txt", "Version two, longer.")
    assert watcher.poll() == []
    assert watcher.poll() == [story]


def test_watch_existing_files_can_be_skipped(tmp_path):
    write(tmp_path / "old.txt", "Already there.")
    watcher = DirectoryWatcher(str(tmp_path), include_existing=False)
    new = write(tmp_path / "new.txt", "Arrived later.")
    watcher.poll()
    assert watcher.poll() == [new]


def test_watch_renamed_in_part_file_is_picked_up(tmp_path):
    watcher = DirectoryWatcher(str(tmp_path))
    part = write(tmp_path / "story.html.part", "<p>Downloading</p>")
    assert watcher.poll() == [] and watcher.poll() == []  # a .part is never ready
    os.rename(part, tmp_path / "story.html")
    watcher.poll()
    assert names(watcher.poll()) == ["story.html"]


def test_watch_hands_items_to_callback_until_stopped(tmp_path):
    batches: list[list] = []
    stop = threading.Event()
    thread = threading.Thread(target=lambda: batches.append(
        watch(str(tmp_path), lambda items: batches.append(items), interval=0.02, stop=stop)))
    write(tmp_path / "meta.json", '{"wire.txt": {"outlet": "Harbour Wire"}}')
    thread.start()
    try:
        write(tmp_path / "wire.txt", "Drones struck a fuel depot near the port overnight.")
        write(tmp_path / "half.txt.part", "never")
        deadline = time.monotonic() + 3
        while not batches and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)  # a few more rounds: nothing else may arrive
    finally:
        stop.set()
        thread.join(timeout=2)
    assert not thread.is_alive()
    items, handed = batches[0], batches[-1]
    assert [(i.origin, i.outlet, i.data) for i in items] == [
        (str(tmp_path / "wire.txt"), "Harbour Wire", b"Drones struck a fuel depot near the port overnight.")]
    assert len(batches) == 2 and handed == 1


def test_watch_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not a folder"):
        watch(str(tmp_path / "nope"), lambda items: None, stop=threading.Event())

"""Ingest sources: files, directories with meta.json sidecars, JSON Lines, stdin."""

from __future__ import annotations

import gzip
import io
import json
import os
import time
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.ingest.sources import iter_inputs, iter_jsonl, kind_of, load_sidecar, reject_of

DATA = Path(__file__).parent / "data" / "sources"
ARTICLES = DATA / "articles"


def by_name(items):
    return {os.path.basename(i.origin): i for i in items}


def test_sources_directory_recursive_sorted_skips_hidden_non_articles_and_sidecar():
    # a dot-file with an article's extension is read (".hidden.txt", "..dots..txt"): skipped,
    # it vanished without a document or a reject; the clean stage judges its content
    items = list(iter_inputs([str(ARTICLES)]))
    names = [os.path.relpath(i.origin, ARTICLES) for i in items]
    assert names == [".hidden.txt", "a_strike.txt", "b_sanctions.html", os.path.join("nested", "c_transfer.txt")]
    assert all(i.error is None and isinstance(i.data, bytes) for i in items)


def test_sources_directory_order_is_deterministic():
    first = [i.origin for i in iter_inputs([str(ARTICLES)])]
    assert first == [i.origin for i in iter_inputs([str(ARTICLES)])]


def test_sources_file_bytes_are_not_decoded_and_kind_comes_from_extension():
    item = by_name(iter_inputs([str(ARTICLES)]))["b_sanctions.html"]
    assert item.data == (ARTICLES / "b_sanctions.html").read_bytes()
    assert item.text is None
    assert item.kind == "html"
    assert item.path == str(ARTICLES / "b_sanctions.html")


@pytest.mark.parametrize(
    "name, kind",
    [("a.html", "html"), ("a.HTM", "html"), ("a.txt", "text"), ("a.md", "text"), ("a.pdf", None), ("a", None)],
)
def test_sources_kind_of_extension(name, kind):
    assert kind_of(name) == kind


def test_sources_sidecar_applied_to_directory_files():
    items = by_name(iter_inputs([str(ARTICLES)]))
    strike = items["a_strike.txt"]
    assert (strike.outlet, strike.published, strike.url, strike.title) == (
        "Osk Daily", "2031-03-04", "https://osk.example/strike", None,
    )
    # A date-time in the sidecar is cut to the day the contract wants.
    assert items["b_sanctions.html"].published == "2031-03-07"
    # The nested directory's own sidecar applies to its own files.
    assert items["c_transfer.txt"].outlet == "Kestria Herald"


def test_sources_sidecar_wins_over_explicit_values_for_directory_files():
    items = by_name(iter_inputs([str(ARTICLES)], outlet="Cli Outlet", url="https://cli.example/x"))
    assert items["a_strike.txt"].outlet == "Osk Daily"
    # Null in the sidecar: the explicit outlet fills it.
    assert items["b_sanctions.html"].outlet == "Cli Outlet"
    # One URL cannot be right for many files: not applied to directory files.
    assert items["b_sanctions.html"].url is None


def test_sources_explicit_values_win_for_a_single_file():
    path = str(ARTICLES / "a_strike.txt")
    (item,) = iter_inputs([path], outlet="Cli Outlet", title="Given title")
    assert item.outlet == "Cli Outlet"
    assert item.title == "Given title"
    # What the caller did not give still comes from the sidecar beside the file.
    assert item.published == "2031-03-04"


def test_sources_sidecar_named_explicitly_is_skipped():
    items = list(iter_inputs([str(ARTICLES / "meta.json"), str(ARTICLES / "a_strike.txt")]))
    assert [os.path.basename(i.origin) for i in items] == ["a_strike.txt"]


def test_sources_broken_sidecar_is_an_error_item_not_a_crash(tmp_path):
    (tmp_path / "meta.json").write_text("{not json")
    (tmp_path / "x.txt").write_text("Shelling was reported near the border crossing.")
    items = list(iter_inputs([str(tmp_path)]))
    errors = [i for i in items if i.error]
    assert len(errors) == 1 and errors[0].error.startswith("bad-meta:")
    assert errors[0].origin.endswith("meta.json")
    ok = [i for i in items if not i.error]
    assert [os.path.basename(i.origin) for i in ok] == ["x.txt"]


def test_sources_sidecar_entry_not_an_object_is_reported(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"x.txt": "Reuters", "_c": 1}))
    sidecar, errors = load_sidecar(str(tmp_path))
    assert sidecar == {}
    assert len(errors) == 1 and "x.txt" in errors[0].error


def test_sources_too_large_file_is_not_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    (item,) = iter_inputs([str(path)], max_bytes=1000)
    assert item.data is None
    assert item.error == "too-large: 5,000 bytes > 1,000"
    assert reject_of(item).reason == "too-large"


def test_sources_missing_file_is_an_error_item(tmp_path):
    (item,) = iter_inputs([str(tmp_path / "gone.txt")])
    assert item.error.startswith("not-found:")
    assert item.data is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_sources_unreadable_file_is_an_error_item(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("A convoy was seen crossing the bridge.")
    path.chmod(0)
    (item,) = iter_inputs([str(path)])
    assert item.error.startswith("unreadable:")


def test_sources_unreadable_file_is_an_error_item_even_as_root(tmp_path, monkeypatch):
    # Root ignores permissions, so simulate the OS refusing the read.
    path = tmp_path / "locked.txt"
    path.write_text("A convoy was seen crossing the bridge.")
    real_open = os.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    (item,) = iter_inputs([str(path)])
    assert item.error == "unreadable: Permission denied"


def test_sources_jsonl_bad_line_is_an_error_and_the_rest_is_yielded():
    path = str(DATA / "records.jsonl")
    items = list(iter_inputs([path]))
    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]  # line 3 is blank
    good = [i for i in items if not i.error]
    assert [i.kind for i in good] == ["text", "html", "text"]
    assert good[0].text.startswith("Artillery shelled")
    assert (good[0].url, good[0].published, good[0].outlet) == ("https://news.example/r1", "2031-04-01", "Belzo Post")
    assert good[1].title == "Radars delivered"
    errors = {i.origin.rsplit(":", 1)[1]: i.error for i in items if i.error}
    assert errors["4"].startswith("not-json: line 4:")
    assert errors["5"].startswith("no-text: line 5")


def test_sources_jsonl_gz_is_read(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "Troops were moved to the northern border."}) + "\n")
        handle.write(json.dumps({"text": "A second line."}) + "\n")
    items = list(iter_inputs([str(path)]))
    assert [i.text for i in items] == ["Troops were moved to the northern border.", "A second line."]
    assert items[1].origin == f"{path}:2"


def test_sources_jsonl_record_fields_win_over_explicit_values():
    items = list(iter_inputs([str(DATA / "records.jsonl")], outlet="Cli Outlet"))
    good = [i for i in items if not i.error]
    assert [i.outlet for i in good] == ["Belzo Post", "Cli Outlet", "Cli Outlet"]


def test_sources_jsonl_line_over_the_cap_is_skipped_without_losing_the_next(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"text": "y" * 500}) + "\n" + json.dumps({"text": "A short record after it."}) + "\n"
    )
    items = list(iter_jsonl(str(path), max_bytes=100))
    assert items[0].error.startswith("too-large")
    assert items[1].text == "A short record after it."


def test_sources_jsonl_in_a_directory_is_expanded(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "Sirens sounded in the capital."}) + "\n")
    (item,) = iter_inputs([str(tmp_path)])
    assert item.text == "Sirens sounded in the capital."


def test_sources_stdin_is_one_item_of_bytes():
    stream = io.BytesIO(b"Air defence intercepted six drones, the army said.")
    (item,) = iter_inputs(["-"], stdin=stream, outlet="Pasted", published="2031-01-02")
    assert item.origin == "stdin"
    assert item.data == b"Air defence intercepted six drones, the army said."
    assert (item.outlet, item.published) == ("Pasted", "2031-01-02")


def test_sources_stdin_too_large_is_an_error_item():
    (item,) = iter_inputs(["-"], stdin=io.BytesIO(b"z" * 50), max_bytes=10)
    assert item.data is None and item.error.startswith("too-large: more than")


def test_sources_is_a_lazy_generator(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Article number {n}.")
    items = iter_inputs([str(tmp_path)])
    assert isinstance(items, types.GeneratorType)
    assert next(items).origin.endswith("0.txt")


@pytest.mark.slow  # load: 3,000 files
def test_sources_three_thousand_files_stream_quickly(tmp_path):
    for n in range(3000):
        sub = tmp_path / f"d{n % 10}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n:05d}.txt").write_bytes(b"A short invented article about a border clash.")
    began = time.perf_counter()
    count = sum(1 for item in iter_inputs([str(tmp_path)]) if item.data)
    elapsed = time.perf_counter() - began
    assert count == 3000
    assert elapsed < 5.0, f"3,000 files took {elapsed:.2f}s"  # ~0.1 s idle; slack for a loaded CI


def test_sources_reject_of_splits_reason_and_detail():
    item = next(iter_jsonl(str(DATA / "records.jsonl")))  # fine item: no error
    assert item.error is None
    bad = list(iter_jsonl(str(DATA / "records.jsonl")))[2]
    reject = reject_of(bad)
    assert reject.reason == "not-json"
    assert reject.detail.startswith("line 4")
    assert reject.origin.endswith("records.jsonl:4")


# -- property tests: the JSONL and sidecar parsers never crash -------------------------

json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3), max_leaves=8
)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.binary(max_size=60).filter(lambda b: b"\n" not in b and b"\r" not in b), max_size=8))
def test_sources_jsonl_any_bytes_give_items_or_errors(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("j") / "x.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(iter_jsonl(str(path)))
    assert len(items) == sum(1 for line in lines if line.strip())
    for item in items:
        assert (item.error is None) == (item.text is not None)


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(min_size=1, max_size=40).filter(str.strip), min_size=1, max_size=5),
    extra=st.dictionaries(st.sampled_from(["url", "title", "outlet", "published", "foo"]), json_values, max_size=3),
)
def test_sources_jsonl_roundtrips_text(tmp_path_factory, texts, extra):
    path = tmp_path_factory.mktemp("j") / "x.jsonl"
    path.write_text("".join(json.dumps({**extra, "text": t}) + "\n" for t in texts), encoding="utf-8")
    items = list(iter_jsonl(str(path)))
    assert [i.text for i in items] == texts
    assert all(i.kind == "text" and i.error is None for i in items)


@settings(max_examples=60, deadline=None)
@given(content=json_values)
def test_sources_any_sidecar_json_is_handled(tmp_path_factory, content):
    directory = tmp_path_factory.mktemp("m")
    (directory / "meta.json").write_text(json.dumps(content))
    sidecar, errors = load_sidecar(str(directory))
    assert isinstance(sidecar, dict)
    for meta in sidecar.values():
        assert set(meta) <= {"outlet", "published", "url", "title"}
        assert all(isinstance(v, str) for v in meta.values())
    assert all(e.error.startswith("bad-meta") for e in errors)

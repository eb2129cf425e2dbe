"""Bad input is data, not a crash (DESIGN.md, "Principles").

Each kind of bad input is ingested through the CLI into a copy of a database that
already holds good documents. For every case: no traceback, every rejected input has
a recorded, readable reason (``claimgraph rejects --json``), good inputs next to the
bad ones are ingested, and the documents stored before are still there afterwards.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main

E2E = Path(__file__).parent / "data" / "e2e"
REASONS = {"unreadable", "too-large", "empty", "binary", "not-utf8", "no-text", "not-english", "not-json",
           "not-found", "bad-meta"}
SUMMARY = re.compile(r"^ingested (\d+), duplicates (\d+), rejected (\d+)")

GOOD_A = (
    "Drone boats attack naval base near Sevastopol, officials say\n\n"
    "SEVASTOPOL (Coastal Signal) - Ukrainian sea drones attacked a naval base north of Sevastopol "
    "before dawn on Sunday, the Russian-installed governor said.\n\n"
    "The governor said air defences destroyed five drone boats and that one sailor was wounded.\n\n"
    "Ukraine's navy declined to comment on the attack.\n"
)
GOOD_B = (
    "Serbia sold mortar rounds to a Gulf broker, leaked files show\n\n"
    "BELGRADE (Danube Desk) - A Serbian state arms factory sold 12,000 mortar rounds to a broker "
    "in the United Arab Emirates last year, according to documents reviewed by investigators.\n\n"
    "The investigators said the rounds were later shipped on to Ukraine through Poland.\n\n"
    "Serbia's defence ministry said all of its exports complied with the law.\n"
)
GERMAN = (
    "Raketenangriff auf Hafen von Odessa\n\n"
    "Russische Streitkräfte haben in der Nacht zum Montag den Hafen von Odessa mit mehreren "
    "Raketen angegriffen, wie die Regionalverwaltung mitteilte. Dabei wurden nach Angaben der "
    "Behörden zwei Lagerhallen zerstört und drei Hafenarbeiter verletzt. Die ukrainische Luftwaffe "
    "erklärte, sie habe vier von sechs Marschflugkörpern über dem Schwarzen Meer abgeschossen. "
    "Das Verteidigungsministerium in Moskau äußerte sich zunächst nicht zu dem Angriff.\n"
)
BROKEN_HTML = (
    "<html><head><title>Artillery shells reach the front, army says</title>\n"
    "<body><div class='nav'><a href='/'>Home<a href='/news'>News\n"
    "<div class=article><h1>Artillery shells reach the front, army says\n"
    "<p>Ukraine's army said on Tuesday that a new shipment of 155 mm artillery shells from Czech "
    "suppliers had reached brigades near Pokrovsk, ending weeks of rationing.\n"
    "<p>A brigade commander said his gunners could fire three times as many rounds as in May.\n"
    "<p>Czech officials said the shells were bought with money from several European governments.\n"
    "<div class=footer>Share on social media<span>Related stories\n"
)


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], prog_name="claimgraph",
                              env={"CLAIMGRAPH_DB": None}, catch_exceptions=True)


def ingest(db: Path, *paths: Path) -> dict[str, int]:
    """Ingest through the CLI; no crash, exit 0 or 1 (1 = everything rejected), one summary line."""
    result = run(db, "ingest", *map(str, paths))
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    m = SUMMARY.match(result.stdout.strip())
    assert m, result.output
    counts = dict(zip(("ingested", "duplicates", "rejected"), map(int, m.groups())))
    assert result.exit_code == (1 if counts["rejected"] and not counts["ingested"] and not counts["duplicates"] else 0)
    return counts


def rejects(db: Path) -> dict[str, dict]:
    result = run(db, "rejects", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert isinstance(found, list)
    for r in found:  # every reject is readable
        assert r["reason"] in REASONS, r
        assert r["detail"].strip(), r
    return {r["origin"]: r for r in found}


def documents(db: Path) -> dict[str, dict]:
    result = run(db, "export")
    assert result.exit_code == 0, result.output
    return {d["id"]: d for d in json.loads(result.stdout)["documents"]}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    """A database with the three e2e articles, built once and copied per test."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    assert ingest(path, E2E / "articles")["ingested"] == 3
    return path, documents(path)


@pytest.fixture
def db(seeded, tmp_path) -> Path:
    source, _ = seeded
    target = tmp_path / "bad.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


@pytest.fixture
def before(seeded) -> dict[str, dict]:
    return seeded[1]


def assert_still_there(db: Path, before: dict[str, dict]) -> dict[str, dict]:
    after = documents(db)
    for doc_id, doc in before.items():
        assert after.get(doc_id) == doc, f"document {doc_id} changed or vanished after a bad batch"
    return after


def assert_rejected(db: Path, path: Path, reason: str | set[str]) -> dict:
    found = rejects(db)
    assert str(path) in found, f"no reject recorded for {path}; recorded: {sorted(found)[:5]}"
    expected = {reason} if isinstance(reason, str) else reason
    assert found[str(path)]["reason"] in expected, found[str(path)]
    return found[str(path)]


def single_bad_file(db: Path, before: dict, path: Path, reason: str | set[str]) -> dict:
    counts = ingest(db, path)
    assert counts == {"ingested": 0, "duplicates": 0, "rejected": 1}
    reject = assert_rejected(db, path, reason)
    assert_still_there(db, before)
    assert len(documents(db)) == len(before)
    return reject


# -- one bad file at a time -------------------------------------------------------------


def test_bad_input_empty_file(db, before, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    single_bad_file(db, before, path, "empty")


def test_bad_input_whitespace_only(db, before, tmp_path):
    path = tmp_path / "blank.html"
    path.write_bytes(b"  \n\t\r\n   \n")
    single_bad_file(db, before, path, "empty")


def test_bad_input_binary_png(db, before, tmp_path):
    rng = random.Random(7)
    path = tmp_path / "photo.txt"  # the extension lies; the bytes do not
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096)))
    reject = single_bad_file(db, before, path, "binary")
    assert "PNG" in reject["detail"]


def test_bad_input_binary_without_magic(db, before, tmp_path):
    rng = random.Random(8)
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    single_bad_file(db, before, path, {"binary", "not-utf8"})


def test_bad_input_non_utf8_bytes(db, before, tmp_path):
    rng = random.Random(9)
    # high bytes only (no control bytes, no NULs), with 0x81/0x8d/0x8f/0x90/0x9d that cp1252 leaves undefined
    junk = bytes(rng.choice([0x81, 0x8D, 0x8F, 0x90, 0x9D, *range(0xC0, 0x100)]) for _ in range(3000))
    path = tmp_path / "mojibake.txt"
    path.write_bytes(b"Report: " + junk)
    single_bad_file(db, before, path, {"not-utf8", "not-english", "empty"})


def test_bad_input_cp1252_english_article_is_accepted(db, before, tmp_path):
    path = tmp_path / "cp1252.txt"
    text = GOOD_A + "\nResidents sheltered in the Café Riviera, where the attack was described as “massive”.\n"
    path.write_bytes(text.encode("cp1252"))
    assert ingest(db, path) == {"ingested": 1, "duplicates": 0, "rejected": 0}
    after = assert_still_there(db, before)
    (new,) = [d for d in after.values() if d["id"] not in before]
    assert "Café Riviera" in new["text"] and "“massive”" in new["text"]


def test_bad_input_utf16_without_bom(db, before, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(GOOD_B.encode("utf-16-le"))
    single_bad_file(db, before, path, {"not-utf8", "binary"})


def test_bad_input_broken_html_is_still_read(db, before, tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(BROKEN_HTML, encoding="utf-8")
    assert ingest(db, path) == {"ingested": 1, "duplicates": 0, "rejected": 0}
    after = assert_still_there(db, before)
    (new,) = [d for d in after.values() if d["id"] not in before]
    assert "155 mm artillery shells" in new["text"]
    assert "Share on social media" not in new["text"]
    assert rejects(db) == {}


def test_bad_input_html_with_unclosed_title(db, before, tmp_path):
    # an unclosed <title> swallows the rest of the page (RCDATA), as in a browser
    path = tmp_path / "unclosed_title.html"
    path.write_text(BROKEN_HTML.replace("</title>", ""), encoding="utf-8")
    single_bad_file(db, before, path, {"no-text", "empty"})


def test_bad_input_html_without_article_text(db, before, tmp_path):
    path = tmp_path / "nav_only.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
                    "<footer>Cookies</footer></body></html>", encoding="utf-8")
    single_bad_file(db, before, path, {"no-text", "empty"})


def test_bad_input_50mb_page_rejected_without_reading_it(db, before, tmp_path):
    path = tmp_path / "huge.html"
    started = time.perf_counter()
    with open(path, "wb") as fh:  # sparse: instant to write, 50 MB to stat
        fh.write(b"<html><body><p>" + b"The shelling went on all night. " * 100)
        fh.truncate(50_000_000)
    assert os.path.getsize(path) == 50_000_000
    tracemalloc.start()
    try:
        counts = ingest(db, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert counts == {"ingested": 0, "duplicates": 0, "rejected": 1}
    # reading even the first max_bytes (20 MB) of it would show in the peak
    assert peak < 10_000_000, f"peak {peak:,} bytes: the file was read, not just measured"
    reject = assert_rejected(db, path, "too-large")
    assert "50,000,000" in reject["detail"]
    assert_still_there(db, before)
    assert time.perf_counter() - started < 10


def test_bad_input_non_english_article(db, before, tmp_path):
    path = tmp_path / "odessa_de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    reject = single_bad_file(db, before, path, "not-english")
    assert "de" in reject["detail"]


def test_bad_input_missing_file(db, before, tmp_path):
    path = tmp_path / "never_written.txt"
    single_bad_file(db, before, path, {"not-found", "unreadable"})


def test_bad_input_jsonl_with_a_broken_line(db, before, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": GOOD_A, "outlet": "Coastal Signal", "published": "2024-09-01T06:10:00Z"}),
        '{"text": "this line was cut off in the middle of',
        "",
        json.dumps({"html": f"<html><body><article><p>{GOOD_B}</p></article></body></html>",
                    "url": "https://danube.example/serbia-rounds"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no body at all"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = ingest(db, path)
    assert counts == {"ingested": 2, "duplicates": 0, "rejected": 3}
    found = rejects(db)
    assert found[f"{path}:2"]["reason"] == "not-json"
    assert found[f"{path}:5"]["reason"] == "not-json"
    assert found[f"{path}:6"]["reason"] == "no-text"
    after = assert_still_there(db, before)
    new = [d for d in after.values() if d["id"] not in before]
    assert len(new) == 2
    assert {d["outlet"] for d in new} >= {"Coastal Signal"}
    assert {d["published"] for d in new} >= {"2024-09-01"}
    assert {d["url"] for d in new} >= {"https://danube.example/serbia-rounds"}


def test_bad_input_gzip_jsonl_that_is_not_gzip(db, before, tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(b"plain text pretending to be gzip\n")
    counts = ingest(db, path)
    assert counts["ingested"] == 0 and counts["rejected"] == 1
    assert_rejected(db, path, "unreadable")
    assert_still_there(db, before)


def test_bad_input_gzip_jsonl_good(db, before, tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": GOOD_B}) + "\n")
    assert ingest(db, path) == {"ingested": 1, "duplicates": 0, "rejected": 0}


def test_bad_input_broken_sidecar(db, before, tmp_path):
    folder = tmp_path / "with_bad_meta"
    folder.mkdir()
    (folder / "meta.json").write_text("{not json", encoding="utf-8")
    (folder / "a.txt").write_text(GOOD_A, encoding="utf-8")
    counts = ingest(db, folder)
    assert counts["ingested"] == 1
    assert_rejected(db, folder / "meta.json", "bad-meta")
    assert_still_there(db, before)


# -- everything at once -------------------------------------------------------------------


def test_bad_input_mixed_batch_goes_on(db, before, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    rng = random.Random(11)
    bad = {
        "a_empty.txt": (b"", "empty"),
        "b_png.png": (b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2048)), "binary"),
        "c_german.txt": (GERMAN.encode(), "not-english"),
        "d_pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "binary"),
    }
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "m_good.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "n_broken.html").write_text(BROKEN_HTML, encoding="utf-8")
    (folder / "z_good.txt").write_text(GOOD_B, encoding="utf-8")
    counts = ingest(db, folder)
    assert counts == {"ingested": 3, "duplicates": 0, "rejected": len(bad)}
    found = rejects(db)
    for name, (_, reason) in bad.items():
        assert found[str(folder / name)]["reason"] == reason
    after = assert_still_there(db, before)
    assert {Path(d["path"]).name for d in after.values() if d["id"] not in before} == {
        "m_good.txt", "n_broken.html", "z_good.txt"}
    # the bad batch again: nothing new, nothing recorded twice
    again = ingest(db, folder)
    assert again["ingested"] == 0
    assert rejects(db) == found


@pytest.mark.slow  # load: 2,000 files
def test_bad_input_directory_of_2000_tiny_files(db, before, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    words = ["Kyiv", "missile", "update", "draft", "TODO", "x", "ok", "404", "tags", "share"]
    started = time.perf_counter()
    for i in range(1998):
        # two thirds empty, the rest one word (several with the same bytes)
        data = b"" if i % 3 else words[i % len(words)].encode() + (str(i).encode() if i % 2 else b"")
        (folder / f"{i:04d}.txt").write_bytes(data)
    (folder / "real_1.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "real_2.txt").write_text(GOOD_B, encoding="utf-8")
    counts = ingest(db, folder)
    assert counts == {"ingested": 2, "duplicates": 0, "rejected": 1998}
    found = rejects(db)
    for i in range(1998):
        assert found[str(folder / f"{i:04d}.txt")]["reason"] == "empty"
    after = assert_still_there(db, before)
    assert len(after) == len(before) + 2
    assert time.perf_counter() - started < 20


def test_bad_input_same_bad_bytes_under_another_name_are_rejected_again(db, before, tmp_path):
    """Bytes rejected once are not a "duplicate" the next time: each path gets its reason."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_bytes(b"")
    second.write_bytes(b"")
    single_bad_file(db, before, first, "empty")
    single_bad_file(db, before, second, "empty")

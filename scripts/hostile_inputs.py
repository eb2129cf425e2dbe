"""Hostile inputs: generate a folder of odd, broken and malicious inputs mixed with invented
articles, ingest it in one `claimgraph ingest` run on a fresh database, ingest it again, and
report what happened.

    PYTHONPATH=src python scripts/hostile_inputs.py [-n 2000] [--big-mb 50] [--real 300] [--keep DIR]
        [--json OUT]

Printed: crashes (an exit code other than 0, or a traceback on stderr), rejects by reason,
documents stored, wall time and peak memory (RSS of the ingest process) of each run, and
whether the second run changed anything (it must not). Exit code 1 when something crashed,
an invented article was not stored, a reject has no reason, or the second run changed the
database.

The invented articles come from templates here; ``--real N`` adds N real news articles read
at run time from ../shared/eval-data (Reuters, geoparsing, MEANTIME and ECB+ dev sets: nothing
is copied into the repository), written into the temporary folder as .txt files with their
titles, and each must be stored too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

TABLES = ("documents", "claims", "rejects", "inputs", "events")
EVAL_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data"
# Real prose, at least this long (Reuters-21578 also holds price tables and title-only items).
REAL_SOURCES = ("news_corpus", "geo-lgl-dev", "geo-gwn-dev", "geo-trnews-dev", "geo-geovirus-dev",
                "timex-meantime-dev", "ecbplus-dev")
REAL_MIN_CHARS = 600

ACTORS = ["the army", "rebel fighters", "the navy", "police", "border guards", "militia units", "the air force"]
PLACES = ["Odesa", "Kherson", "Mosul", "Goma", "Kidal", "Tartus", "Aden", "Sittwe", "Marawi", "Beni"]
OUTLETS = ["Harbour Courier", "Delta Wire", "Northern Ledger", "Plains Gazette", "Coastal Times"]
WEAPONS = ["drones", "artillery shells", "rockets", "mortar rounds", "missiles"]
SPEAKERS = ["a regional governor", "the defence ministry", "a military spokesman", "local officials"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, serial: int) -> str:
    """An invented news report, different for each serial."""
    actor, place, weapon = rng.choice(ACTORS), rng.choice(PLACES), rng.choice(WEAPONS)
    speaker, day = rng.choice(SPEAKERS), rng.choice(DAYS)
    dead, hurt, count = rng.randint(2, 40), rng.randint(3, 90), rng.randint(4, 60)
    title = f"{weapon.capitalize()} hit {place}, {dead} killed (report {serial})"
    return (
        f"{title}\n\n"
        f"{actor.capitalize()} fired {count} {weapon} at the outskirts of {place} on {day}, killing {dead} "
        f"people and wounding {hurt}, {speaker} said in a statement numbered {serial}.\n\n"
        f"Residents said the attack began before dawn and lasted for about {rng.randint(2, 9)} hours. "
        f"Rescue teams were still searching the rubble of {rng.randint(2, 12)} buildings on {day} evening.\n\n"
        f"A spokesman for {rng.choice(ACTORS)} denied that civilians had been targeted and said the strikes "
        f"hit a depot used to store {rng.choice(WEAPONS)}.\n"
    )


# -- the kinds of hostile input: each writes one input (or a few) under ``folder`` ---------------

def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def k_random_bytes(folder: Path, rng: random.Random, i: int) -> None:
    write(folder / f"random_{i}.txt", rng.randbytes(rng.randint(1, 4000)))


def k_truncated_gzip(folder: Path, rng: random.Random, i: int) -> None:
    lines = "".join(json.dumps({"text": article(rng, 10_000_000 + i * 10 + j)}) + "\n" for j in range(3))
    data = gzip.compress(lines.encode())
    write(folder / f"truncated_{i}.jsonl.gz", data[: len(data) * 2 // 3])


def k_invalid_utf8(folder: Path, rng: random.Random, i: int) -> None:
    good = article(rng, 20_000_000 + i).encode()
    bad = bytes(rng.choice([0x80, 0xC0, 0xFF, 0xFE, 0xE2]) for _ in range(len(good) // 3))
    write(folder / f"invalid_utf8_{i}.txt", bytes(b for pair in zip(good, bad) for b in pair))


def k_utf16_bom(folder: Path, rng: random.Random, i: int) -> None:
    write(folder / f"utf16_{i}.txt", article(rng, 30_000_000 + i).encode("utf-16"))


def k_nul_bytes(folder: Path, rng: random.Random, i: int) -> None:
    text = article(rng, 40_000_000 + i).encode()
    cut = rng.randint(1, len(text) - 1)
    write(folder / f"nul_{i}.txt", text[:cut] + b"\x00" * rng.randint(1, 50) + text[cut:])


def k_deep_jsonl(folder: Path, rng: random.Random, i: int) -> None:
    depth = rng.randint(2000, 6000)
    lines = [json.dumps({"text": article(rng, 50_000_000 + i * 10)}),
             '{"text":' + "[" * depth + "]" * depth + "}",
             '{"text": "x", "title": ' + '{"a":' * depth + "1" + "}" * depth + "}",
             json.dumps({"text": article(rng, 50_000_000 + i * 10 + 1)})]
    write(folder / f"deep_{i}.jsonl", ("\n".join(lines) + "\n").encode())


def k_deep_meta(folder: Path, rng: random.Random, i: int) -> None:
    sub = folder / f"deep_meta_{i}"
    depth = rng.randint(2000, 6000)
    write(sub / "meta.json", ('{"a.txt":' + "[" * depth + "]" * depth + "}").encode())
    write(sub / "a.txt", article(rng, 60_000_000 + i).encode())


def k_surrogate_jsonl(folder: Path, rng: random.Random, i: int) -> None:
    body = json.dumps(article(rng, 70_000_000 + i))[1:-1]
    lone = rng.choice(["\\ud800", "\\udfff", "\\udc80", "\\ud83d"])
    line = f'{{"text": "{body} {lone} end", "title": "T{lone}", "outlet": "O{lone}"}}\n'
    write(folder / f"surrogate_{i}.jsonl", line.encode())


def k_bad_name(folder: Path, rng: random.Random, i: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = os.fsencode(folder) + b"/bad\xff" + str(i).encode() + rng.choice([b"\xfe", b"\xc3\x28", b"\x80"]) + b".txt"
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, article(rng, 80_000_000 + i).encode())
    finally:
        os.close(fd)


def k_special_files(folder: Path, rng: random.Random, i: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / f"pipe_{i}.txt")
    os.symlink(f"loop_b_{i}.txt", folder / f"loop_a_{i}.txt")
    os.symlink(f"loop_a_{i}.txt", folder / f"loop_b_{i}.txt")
    os.symlink("/no/such/target", folder / f"dangling_{i}.txt")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(folder / f"sock_{i}.txt"))
    except OSError:
        pass  # a path too long for a socket: the other special files still count
    finally:
        sock.close()


def k_odd_names(folder: Path, rng: random.Random, i: int) -> None:
    for name in (f"..dots..{i}.txt", f" lead space {i}.txt", f"new\nline{i}.txt", f"esc\x1b[2J{i}.txt",
                 f"{'x' * 200}{i}.txt", f"-{i}.txt", f"ünï çødé {i}.txt"):
        write(folder / name, article(rng, 90_000_000 + i * 10 + len(name)).encode())


def k_wrong_types(folder: Path, rng: random.Random, i: int) -> None:
    records = [{"text": 12}, {"text": ["a", "b"]}, {"text": None}, {"html": {"a": 1}}, {"text": True},
               [1, 2], "just a string", 3.5, None, {"text": article(rng, 100_000_000 + i), "title": ["x"],
                                                    "url": 5, "outlet": {"n": 1}},
               {"text": article(rng, 100_000_001 + i * 7), "published": ["2024-01-01"]}]
    lines = [json.dumps(r) for r in records] + ['{"text": "unclosed', "not json at all", "\x00\x01"]
    write(folder / f"wrong_types_{i}.jsonl", ("\n".join(lines) + "\n").encode())


def k_absurd_dates(folder: Path, rng: random.Random, i: int) -> None:
    dates = ["99999-99-99", "0001-01-01", "2024-02-30", "9999-12-31", "-5", "1e308", "", "2024-13-01T99:99"]
    lines = [json.dumps({"text": article(rng, 110_000_000 + i * 10 + j), "published": d}) for j, d in enumerate(dates)]
    write(folder / f"dates_{i}.jsonl", ("\n".join(lines) + "\n").encode())
    sub = folder / f"dates_meta_{i}"
    write(sub / "meta.json", json.dumps({"a.txt": {"published": "99999-99-99"}}).encode())
    write(sub / "a.txt", article(rng, 120_000_000 + i).encode())


def k_empty_and_controls(folder: Path, rng: random.Random, i: int) -> None:
    write(folder / f"empty_{i}.txt", b"")
    write(folder / f"blank_{i}.txt", b" \n\t\n" * rng.randint(1, 100))
    write(folder / f"escapes_{i}.txt", (article(rng, 130_000_000 + i) + "\x1b[2J\x1b]0;owned\x07\u202e").encode())


def k_article(folder: Path, rng: random.Random, i: int) -> None:
    write(folder / f"article_{i}.txt", article(rng, i).encode())


KINDS: dict[str, Callable[[Path, random.Random, int], None]] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("k_")}


def big_inputs(folder: Path, big_mb: int) -> None:
    """The large ones, once each: a one-line text of ``big_mb`` MB (over max_bytes at 50), one
    just under the 20 MB cap, and pages of 100,000 nested tags (as HTML and as text)."""
    words = "the army said drones struck a depot near the port on monday and officials reported damage".split()
    rng = random.Random(7)
    chunk = " ".join(rng.choice(words) for _ in range(200_000)).encode()
    for name, size in ((f"line_{big_mb}mb.txt", big_mb * 1_000_000), ("line_19mb.txt", 19_000_000)):
        with open(folder / name, "wb") as handle:
            for _ in range(size // len(chunk)):
                handle.write(chunk + b" ")
    para = "<p>Officials said drones struck a fuel depot in the port overnight and most were shot down.</p>"
    nested = "<html><body>" + "<div>" * 100_000 + para + "</div>" * 100_000 + "</body></html>"
    write(folder / "nested_100k.html", nested.encode())
    write(folder / "nested_100k.txt", nested.encode())
    write(folder / "unclosed_100k.html", ("<html><body>" + "<span><b><i>" * 33_334 + para).encode())


def real_articles(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """``n`` (title, text) pairs drawn evenly from the evaluation sets, read now, never stored
    beside the code; none when ../shared is absent."""
    pools = []
    for name in REAL_SOURCES:
        path = EVAL_DATA / f"{name}.jsonl.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                records = (json.loads(line) for line in handle)
                pools.append([(r.get("title") or "", r["text"]) for r in records
                              if len(r.get("text") or "") >= REAL_MIN_CHARS])
    rng = random.Random(seed)
    picked: list[tuple[str, str]] = []
    for k, pool in enumerate(pools):
        share = n // len(pools) + (1 if k < n % len(pools) else 0)
        picked += rng.sample(pool, min(share, len(pool)))
    return picked


def write_real(folder: Path, articles: list[tuple[str, str]]) -> None:
    for i, (title, text) in enumerate(articles):
        write(folder / f"real_{i}.txt", (f"{title}\n\n{text}" if title else text).encode())


def generate(folder: Path, n: int, big_mb: int, seed: int = 1) -> int:
    """About ``n`` inputs: a tenth invented articles, the rest hostile kinds in turn."""
    rng = random.Random(seed)
    kinds = [k for k in KINDS if k != "article"]
    for i in range(n // 10):
        k_article(folder / "articles", rng, i)
    for i in range(n - n // 10):
        kind = kinds[i % len(kinds)]
        KINDS[kind](folder / kind, rng, i)
    big_inputs(folder, big_mb)
    return n // 10


def run_ingest(db: Path, folder: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "claimgraph.cli", "--db", str(db), "ingest", str(folder)],
                          capture_output=True, text=True, errors="backslashreplace", timeout=3600,
                          env={**os.environ, "CLAIMGRAPH_DB": ""})
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"rc": proc.returncode, "seconds": seconds, "peak_mb": peak / 1024, "peak_known": peak > before,
            "traceback": "Traceback (most recent call last)" in proc.stderr, "stdout": proc.stdout.strip(),
            "stderr_tail": proc.stderr.strip().splitlines()[-3:]}


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def rejects_by_reason(db: Path) -> Counter:
    with sqlite3.connect(db) as con:
        return Counter(dict(con.execute("SELECT reason, count(*) FROM rejects GROUP BY reason")))


def rejects_without_reason(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT count(*) FROM rejects WHERE coalesce(trim(reason), '') = '' "
                           "OR coalesce(trim(detail), '') = ''").fetchone()[0]


def stored_articles(db: Path, pattern: str = "%/articles/article_%") -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT count(*) FROM documents WHERE path LIKE ?", (pattern,)).fetchone()[0]


def real_not_stored(db: Path) -> list[tuple[str, str, str]]:
    """(origin, reason, detail) of the real articles that were refused."""
    with sqlite3.connect(db) as con:
        return con.execute("SELECT origin, reason, detail FROM rejects WHERE origin LIKE '%/real/real_%' "
                           "AND reason != 'truncated'").fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="inputs to generate (default 2000)")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the big one-line text (default 50)")
    parser.add_argument("--real", type=int, default=0, help="real articles from ../shared/eval-data to mix in")
    parser.add_argument("--keep", help="generate into this folder and keep it (default: a temporary one)")
    parser.add_argument("--json", dest="json_out", help="write the figures to this file")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hostile-"))
    folder, db = work / "inputs", work / "hostile.db"
    if folder.exists():
        shutil.rmtree(folder)
    db.unlink(missing_ok=True)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    articles = generate(folder, args.n, args.big_mb)
    real = real_articles(args.real)
    write_real(folder / "real", real)
    files = sum(len(f) for _, _, f in os.walk(folder))
    print(f"generated {files} files ({args.n} inputs, {articles} invented articles, {len(real)} real ones) "
          f"in {time.perf_counter() - t0:.0f} s")
    load_before = os.getloadavg()
    first = run_ingest(db, folder)
    after_first = counts(db)
    second = run_ingest(db, folder)
    after_second = counts(db)
    load_after = os.getloadavg()
    crashes = sum(r["rc"] != 0 or r["traceback"] for r in (first, second))
    stored = stored_articles(db)
    real_stored = stored_articles(db, "%/real/real_%")
    refused_real = real_not_stored(db)
    unexplained = rejects_without_reason(db)
    for name, r in (("first", first), ("second", second)):
        print(f"{name} run: exit {r['rc']}, traceback {'yes' if r['traceback'] else 'no'}, {r['seconds']:.0f} s, "
              f"peak RSS {r['peak_mb']:.0f} MB{'' if r['peak_known'] else ' (no higher than before)'}")
        print(f"  {r['stdout']}")
        if r["rc"] != 0 or r["traceback"]:
            print("  " + "\n  ".join(r["stderr_tail"]))
    print(f"crashes: {crashes}")
    print(f"documents stored: {after_first['documents']} (invented articles {stored} of {articles}, "
          f"real {real_stored} of {len(real)}), claims {after_first['claims']}, events {after_first['events']}")
    for origin, reason, detail in refused_real[:10]:
        print(f"  real article refused: {origin}: {reason}: {detail}")
    by_reason = rejects_by_reason(db)
    print("rejects by reason: " + ", ".join(f"{k} {v}" for k, v in by_reason.most_common()))
    changed = {t: (after_first[t], after_second[t]) for t in TABLES if after_first[t] != after_second[t]}
    print(f"rejects without a readable reason: {unexplained}")
    print(f"second run changed: {changed or 'nothing'}")
    print(f"load average (1 min) before / after: {load_before[0]:.1f} / {load_after[0]:.1f}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({
            "n": args.n, "files": files, "invented": articles, "invented_stored": stored, "real": len(real),
            "real_stored": real_stored, "real_refused": refused_real, "crashes": crashes,
            "runs": [{k: r[k] for k in ("rc", "seconds", "peak_mb", "traceback", "stdout")} for r in (first, second)],
            "after_first": after_first, "changed": changed, "rejects_by_reason": dict(by_reason.most_common()),
            "unexplained": unexplained, "load": [load_before[0], load_after[0]]}, indent=2), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if crashes or stored < articles or real_stored < len(real) or changed or unexplained else 0


if __name__ == "__main__":
    sys.exit(main())

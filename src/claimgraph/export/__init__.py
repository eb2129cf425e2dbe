"""Exports: the JSON contract (json.py); other formats live beside it."""

from claimgraph.export.json import SCHEMA, contract_errors, export_json, write_json

__all__ = ["SCHEMA", "contract_errors", "export_json", "write_json"]

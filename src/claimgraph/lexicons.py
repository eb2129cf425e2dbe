"""Word lists that several stages share (cleaning, extraction, resolution), read once from
``data/lexicons/grammar.yaml``: closed word classes of English such as pronouns, place nouns,
light verbs and the particles inside personal names."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def grammar() -> dict:
    path = resources.files("claimgraph").joinpath("data", "lexicons", "grammar.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))

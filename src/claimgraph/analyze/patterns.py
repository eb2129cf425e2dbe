"""spaCy EntityRuler patterns from the domain gazetteer (data/gazetteer/*.jsonl).

The small English model tags "Iskander-M" as ORG, "Kh-101" as ORG and "F-16s" as
PERSON; the ruler, placed before "ner", fixes these spans first (the statistical
NER keeps entities already set) so weapons come out as WEAPON, and every match
carries the gazetteer id in ``ent.ent_id_``.

Patterns are phrase patterns (strings), not token patterns: the ruler tokenizes
them with the pipeline's own tokenizer, so "KN-23" (one token) and "Iskander-M"
("Iskander", "-", "M") match however the tokenizer splits them, and the
PhraseMatcher's trie keeps ~4,000 patterns nearly free (token patterns cost the
Matcher a pass per pattern: 2.7x the whole pipeline on a 1,000-word article).

From each name and alias (minus the entry's ``no_pattern``) we add:

- names with a digit ("KN-23", "Kh-101"): as written, UPPER and lower case;
- other names: as written, Title Case and UPPER CASE only, so the common words
  behind some names ("javelin", "patriot", "lancet") do not match in lower case;
- each of those with a plural "s" ("F-16s", "Patriots");
- regions also as "<base> region|oblast|province" ("Kursk region"), and a one-word name as
  "<name> City" with no id ("Gaza City" is a city the geoparser finds, not the Gaza Strip);
- country names of several words ("South Africa", "Saudi Arabia") as GPE;
- but no one-word names of people: "Vance" alone would stop the NER reading "Karl Vance".
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..datafiles import NUMBER_KEYS, gazetteer_rows, lexicon
from ..resolve.entities import GazetteerEntry, load_gazetteer

__all__ = ["add_gazetteer", "add_money_amounts", "add_water_names", "gazetteer_patterns"]

RULER_NAME = "claimgraph_gazetteer"
WATER_RULER_NAME = "claimgraph_water"
MONEY_RULER_NAME = "claimgraph_money"
REGION_SUFFIXES = ("region", "oblast", "province", "Region", "Oblast", "Province")


def _case_variants(text: str) -> list[str]:
    if any(c.isdigit() for c in text):
        candidates = [text, text.upper(), text.lower()]
    else:
        title = " ".join(w[:1].upper() + w[1:] for w in text.split())
        candidates = [text, title, text.upper()]
    variants: list[str] = []
    for variant in candidates:
        plurals = [variant + "s", variant + "S"] if variant.isupper() else [variant + "s"]
        for form in (variant, *plurals):
            if form not in variants:
                variants.append(form)
    return variants


def _surface_patterns(text: str, label: str, entity_id: str) -> list[dict[str, Any]]:
    return [{"label": label, "pattern": v, "id": entity_id} for v in _case_variants(text)]


def _entry_patterns(entry: GazetteerEntry) -> list[dict[str, Any]]:
    skip = set(entry.no_pattern)
    out: list[dict[str, Any]] = []
    for name in entry.names():
        if name in skip or not name.strip() or name.islower():
            continue  # lower-case aliases ("dpa") would match ordinary words
        if name.startswith("The ") and not entry.name.startswith("The "):
            continue  # "The Kremlin": keep the article out of the span
        if entry.type == "PERSON" and " " not in name:
            continue  # a bare surname ("Vance") would cut "Karl Vance" short; the NER tags it
        out.extend(_surface_patterns(name, entry.type, entry.id))
    return out


def _region_patterns(water: bool = False) -> list[dict[str, Any]]:
    """Patterns of the conflict regions, seas and facilities; with ``water``, of the rivers
    and lakes only (see :func:`add_water_names`)."""
    labels = {"sea": "LOC", "facility": "FAC", "area": "LOC", "water": "LOC"}
    out: list[dict[str, Any]] = []
    for row in gazetteer_rows("regions"):
        if (row.get("kind") == "water") != water:
            continue
        label = labels.get(row.get("kind", "region"), "GPE")
        for name in [row["name"], *row.get("aliases", [])]:
            if not name.islower() and not name.lower().startswith("the "):
                out.extend(_surface_patterns(name, label, row["id"]))
            if label == "GPE" and " " not in name and not name.isupper():
                # "Gaza City" is a city, not the Gaza Strip: the ruler's "Gaza" must not cut it short
                out.append({"label": "GPE", "pattern": f"{name} City"})
        if row.get("kind", "region") == "region":
            for suffix in REGION_SUFFIXES:
                out.append({"label": label, "pattern": f"{row['base']} {suffix}", "id": row["id"]})
    return out


def _country_patterns() -> list[dict[str, Any]]:
    """Country names of several words: the small model tags "South Africa" as just
    "Africa" (LOC) often enough to turn a sanctions target into a continent."""
    out: list[dict[str, Any]] = []
    for row in gazetteer_rows("countries"):
        for name in [row["name"], *row.get("aliases", [])]:
            if " " in name and not name.islower() and not name.lower().startswith("the "):
                out.extend(_surface_patterns(name, "GPE", f"country:{row['iso']}"))
    return out


@lru_cache(maxsize=1)
def _all_patterns() -> tuple[str, ...]:
    patterns: list[dict[str, Any]] = []
    for entry in load_gazetteer():
        patterns.extend(_entry_patterns(entry))
    patterns.extend(_region_patterns())
    patterns.extend(_country_patterns())
    return tuple(json.dumps(p) for p in patterns)


def gazetteer_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns for every gazetteer weapon, organisation, person and region.

    Each pattern is ``{"label": "WEAPON"|"ORG"|"PERSON"|"GPE"|"LOC"|"FAC",
    "pattern": "KN-23", "id": "weapon:kn-23"}`` (a phrase pattern); a fresh list each call.

    >>> any(p["id"] == "weapon:kn-23" for p in gazetteer_patterns())
    True
    """
    return [json.loads(p) for p in _all_patterns()]


def add_gazetteer(nlp, *, name: str = RULER_NAME):
    """Add the gazetteer EntityRuler to ``nlp`` before "ner" (idempotent); returns the ruler.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = add_gazetteer(nlp)
    >>> [(e.text, e.label_, e.ent_id_) for e in nlp("Two KN-23s hit.").ents]
    [('KN-23s', 'WEAPON', 'weapon:kn-23')]
    """
    if name in nlp.pipe_names:
        return nlp.get_pipe(name)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler", name=name, config={"overwrite_ents": True, "validate": False}, **where
    )
    # Phrase patterns need only the tokenizer (ORTH); without this the ruler runs
    # every earlier component over its ~5,000 patterns (2 s instead of 0.1 s).
    with nlp.select_pipes(enable=[name]):
        ruler.add_patterns(gazetteer_patterns())
    return ruler


def add_water_names(nlp, *, name: str = WATER_RULER_NAME):
    """Add the rivers and lakes after "ner", where the model has named nothing: "the
    Cauvery" is the river, but "the British Army of the Rhine" stays an army.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = add_water_names(nlp)
    >>> [(e.text, e.label_) for e in nlp("Floods along the Cauvery.").ents]
    [('Cauvery', 'LOC')]
    """
    return _add_ruler_after_ner(nlp, name, _region_patterns(water=True), overwrite=False)


def _money_patterns() -> list[dict[str, Any]]:
    """Token patterns for amounts written with a scale and a currency word after the number,
    as the wire writes them ("eight mln stg", "30 to 35 mln dlrs", "a 100 mln-dlr aid package")."""
    numbers = lexicon("numbers", NUMBER_KEYS)
    scales = sorted(set(numbers["scales"]) | set(numbers["scale_abbreviations"]) - {"k"})
    currencies = sorted(w for w in lexicon("units", {"currency_words"})["currency_words"] if " " not in w)
    number = {"LIKE_NUM": True}
    ranged = [number, {"LOWER": {"IN": ["to", "-", "and"]}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}]
    return [
        {"label": "MONEY", "pattern": [*ranged, {"LOWER": {"IN": scales}}, {"LOWER": {"IN": currencies}}]},
        {"label": "MONEY", "pattern": [number, {"LOWER": {"IN": scales}}, {"ORTH": "-"},
                                       {"LOWER": {"IN": currencies}}]},
    ]


def add_money_amounts(nlp, *, name: str = MONEY_RULER_NAME):
    """Add the wire's amounts of money after "ner", which reads "eight mln stg" as a bare
    number: an amount given or paid is what makes a supply of money a transfer.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = add_money_amounts(nlp)
    >>> [(e.text, e.label_) for e in nlp("Britain offered eight mln stg in aid.").ents]
    [('eight mln stg', 'MONEY')]
    """
    return _add_ruler_after_ner(nlp, name, _money_patterns(), overwrite=True)


def _add_ruler_after_ner(nlp, name: str, patterns: list[dict[str, Any]], overwrite: bool):
    """An EntityRuler named ``name`` after "ner" (idempotent); ``overwrite`` lets its spans
    replace the model's."""
    if name in nlp.pipe_names:
        return nlp.get_pipe(name)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=name, config={"overwrite_ents": overwrite, "validate": False}, **where)
    with nlp.select_pipes(enable=[name]):
        ruler.add_patterns(patterns)
    return ruler

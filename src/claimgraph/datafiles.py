"""Every data file claimgraph ships under ``data/``, read through one place and checked at load.

Each file is parsed once per process (the readers are cached) and checked for the shape its
callers rely on, so a malformed file fails at start-up with its name and line instead of
resolving wrongly later::

    ontology()                  data/ontology/*.yaml -> {type name: ClaimType}
    lexicon("numbers")          data/lexicons/numbers.yaml (a mapping)
    grammar()                   data/lexicons/grammar.yaml: closed word classes of English
    gazetteer_rows("regions")   data/gazetteer/regions.jsonl (one object a line)
    gazetteer_json("titles")    data/gazetteer/titles.json
    table_rows(...)             a tab-separated file, each row of a fixed width
    text_lines(...)             a word-list file, comments and blanks skipped

A failure is a ``DataFileError`` (a ``ConfigError``: the installation is broken, not the input).
Callers get fresh copies of mappings, so one stage cannot change what another reads.
"""

from __future__ import annotations

import copy
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

import yaml

from .errors import DataFileError
from .model import ROLE_NAMES

__all__ = ["ClaimType", "DataFileError", "claim_type", "gazetteer_json", "gazetteer_rows", "grammar",
           "json_file", "jsonl_rows", "lexicon", "ontology", "path", "table_rows", "text_lines", "titles",
           "weapon_classes", "yaml_mapping"]


def path(*parts: str) -> Traversable:
    """``data/<parts>`` inside the installed package (it may not exist)."""
    return resources.files("claimgraph").joinpath("data", *parts)


def _shown(parts: tuple[str, ...]) -> str:
    return "data/" + "/".join(parts)


def _read_text(parts: tuple[str, ...]) -> str:
    try:
        return path(*parts).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise DataFileError(f"{_shown(parts)} is missing: the installation is incomplete") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{_shown(parts)} is not UTF-8 text ({exc.reason})") from None


# ---------------------------------------------------------------- generic readers


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key written twice in one mapping: YAML keeps the last, so a
    second word list under a name already used would silently replace the first."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} written twice",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@lru_cache(maxsize=None)
def _yaml(parts: tuple[str, ...]):
    try:
        return yaml.load(_read_text(parts), Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise DataFileError(f"{_shown(parts)}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None


def yaml_mapping(*parts: str, required: frozenset[str] | set[str] = frozenset()) -> dict:
    """A YAML file whose top level is a mapping with at least the ``required`` keys."""
    data = _yaml(parts)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataFileError(f"{_shown(parts)}: expected a mapping at the top, found {type(data).__name__}")
    missing = set(required) - data.keys()
    if missing:
        raise DataFileError(f"{_shown(parts)} lacks {sorted(missing)}")
    return copy.deepcopy(data)


@lru_cache(maxsize=None)
def _json(parts: tuple[str, ...]):
    try:
        return json.loads(_read_text(parts))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{_shown(parts)} line {exc.lineno}: not valid JSON ({exc.msg})") from None


def json_file(*parts: str, required: frozenset[str] | set[str] = frozenset()) -> dict:
    data = _json(parts)
    if not isinstance(data, dict) or set(required) - data.keys():
        raise DataFileError(f"{_shown(parts)}: expected an object with {sorted(required)}")
    return copy.deepcopy(data)


@lru_cache(maxsize=None)
def _jsonl(parts: tuple[str, ...], required: frozenset[str]) -> tuple[dict, ...]:
    rows = []
    for number, line in enumerate(_read_text(parts).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{_shown(parts)} line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise DataFileError(f"{_shown(parts)} line {number}: expected an object")
        missing = required - row.keys()
        if missing:
            raise DataFileError(f"{_shown(parts)} line {number} lacks {sorted(missing)}")
        rows.append(row)
    return tuple(rows)


def jsonl_rows(*parts: str, required: frozenset[str] | set[str] = frozenset()) -> list[dict]:
    """The objects of a JSON-lines file, each with the ``required`` keys."""
    return copy.deepcopy(list(_jsonl(parts, frozenset(required))))


def table_rows(*parts: str, width: int) -> Iterator[list[str]]:
    """The tab-separated rows of a table (``.gz`` read compressed), ``#`` lines skipped; every
    row must have ``width`` columns. Streamed, not cached: the world gazetteer is large."""
    where = path(*parts)
    if not where.is_file():
        raise DataFileError(f"{_shown(parts)} is missing: the installation is incomplete")
    with where.open("rb") as raw:
        handle = gzip.open(raw, "rt", encoding="utf-8") if parts[-1].endswith(".gz") else io.TextIOWrapper(raw, encoding="utf-8")
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                row = line.rstrip("\n").split("\t")
                if len(row) != width:
                    raise DataFileError(f"{_shown(parts)} line {number}: {len(row)} columns, expected {width}")
                yield row


@lru_cache(maxsize=None)
def _lines(parts: tuple[str, ...]) -> tuple[str, ...]:
    stripped = (line.strip() for line in _read_text(parts).splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


def text_lines(*parts: str) -> list[str]:
    """The entries of a one-entry-a-line file, comments (``#``) and blank lines skipped."""
    return list(_lines(parts))


# ---------------------------------------------------------------- lexicons


def lexicon(name: str, required: frozenset[str] | set[str] = frozenset()) -> dict:
    """``data/lexicons/<name>.yaml``: a mapping with at least the ``required`` keys."""
    return yaml_mapping("lexicons", f"{name}.yaml", required=required)


NUMBER_KEYS = frozenset({"units", "tens", "scales", "scale_abbreviations", "vague", "vague_multipliers",
                         "fractions", "modifiers", "designators", "period_designators", "period_determiners",
                         "particle_verbs"})
GRAMMAR_KEYS = frozenset({"place_nouns", "spokes_nouns", "locative_preps", "pronouns", "casualty_of",
                          "extra_time_words", "light_verbs", "name_particles", "name_suffixes", "topic_preps",
                          "partitive_of", "counts_without_noun", "hyphened_name_particles",
                          "kinship_name_words", "ordering_preps", "day_part_nouns", "scene_preps",
                          "other_happening_words", "country_back_references",
                          "area_back_references", "armed_body_nouns",
                          "topic_verbs", "leaving_words",
                          "shot_nouns", "double_object_verbs", "plural_collectives", "perpetrating_verbs"})


@lru_cache(maxsize=1)
def grammar() -> dict:
    """Closed word classes of English that several stages share (cleaning, extraction,
    resolution): pronouns, place nouns, light verbs, the particles inside personal names."""
    return lexicon("grammar", GRAMMAR_KEYS)


# ---------------------------------------------------------------- gazetteer

# What each gazetteer file's rows must carry; the loaders index these keys directly.
GAZETTEER_KEYS = {
    "countries": frozenset({"iso", "name"}),
    "regions": frozenset({"id", "name", "lat", "lon", "base"}),
    "place_names": frozenset({"geonameid"}),
    "weapons": frozenset({"id", "name"}),
    "organizations": frozenset({"id", "name"}),
    "people": frozenset({"id", "name"}),
}


def gazetteer_rows(name: str) -> list[dict]:
    """The entries of ``data/gazetteer/<name>.jsonl``."""
    return jsonl_rows("gazetteer", f"{name}.jsonl", required=GAZETTEER_KEYS.get(name, frozenset()))


def gazetteer_json(name: str, required: frozenset[str] | set[str] = frozenset()) -> dict:
    return json_file("gazetteer", f"{name}.json", required=required)


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Titles and ranks ("col", "minister", "sheikh") that stand before a name."""
    return frozenset(gazetteer_json("titles", {"words"})["words"])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names of either sex (lexicons/first_names.yaml), lower case."""
    data = lexicon("first_names", {"male", "female"})
    return frozenset(str(n) for sex in ("male", "female") for n in data[sex])


@lru_cache(maxsize=1)
def weapon_classes() -> frozenset[str]:
    """The closed set of weapon classes every weapons.jsonl entry must use."""
    return frozenset(gazetteer_json("classes", {"classes"})["classes"])


# ---------------------------------------------------------------- ontology


@dataclass(frozen=True)
class ClaimType:
    name: str
    description: str
    event: bool
    rank: int
    roles: tuple[str, ...]
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    weapon_verbs: frozenset[str] = frozenset()
    phrasal_verbs: frozenset[str] = frozenset()  # "blow up": the verb counts only with its particle
    weapon_nouns: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    recipient_object_verbs: frozenset[str] = frozenset()
    materiel_only: frozenset[str] = frozenset()
    personnel_only: frozenset[str] = frozenset()
    # verbs whose object must be people: "captured 48 Libyans", not "captured the outpost"
    person_objects: frozenset[str] = frozenset()
    # verbs whose object must be a place or a vessel: "captured the outpost", "sank a trawler"
    place_objects: frozenset[str] = frozenset()
    # verbs whose object must be war materiel, a vessel or a military site: "destroyed 12 tanks",
    # "destroyed a communications station"; not "destroyed the documents"
    materiel_objects: frozenset[str] = frozenset()
    # verbs that count only when someone armed, or a weapon, does them: "troops killed 20";
    # not "the crash killed 20"
    agent_verbs: frozenset[str] = frozenset()
    # verbs that deny only a claim or a clause: "denied the reports", "denied sending troops";
    # not "rejected the concerns" or "denied victims their rights"
    claim_objects: frozenset[str] = frozenset()
    # verbs and nouns whose object must be envoys: "expelled 23 diplomats", "the expulsion of
    # the ambassador"; not "expelled from school"
    diplomat_objects: frozenset[str] = frozenset()
    # verbs and nouns that restrict only when what they restrict is trade, aid or ties:
    # "suspended arms sales", "import restrictions"; not "suspended the player"
    measure_objects: frozenset[str] = frozenset()
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verb_attributes: dict[str, str] = field(default_factory=dict)
    example: str = ""

    def unit_kind(self, unit: str | None) -> str | None:
        for kind, units in self.units.items():
            if unit is not None and unit.lower() in units:
                return kind
        return None


TRIGGER_KEYS = frozenset({"verbs", "nouns", "adjectives", "weapon_verbs", "weapon_nouns", "phrasal_verbs",
                          "receiving_verbs", "materiel_only", "recipient_object_verbs", "personnel_only",
                          "person_objects", "place_objects", "materiel_objects", "agent_verbs", "claim_objects",
                          "diplomat_objects", "measure_objects"})
TYPE_KEYS = frozenset({"type", "description", "event", "rank", "roles", "triggers", "attributes", "units",
                       "verb_attributes", "example", "plover"})


def claim_type(raw: dict, source: str) -> ClaimType:
    """One ontology file's claim type, checked: a misspelt key or role fails here rather than
    silently triggering nothing."""
    if not isinstance(raw, dict):
        raise DataFileError(f"ontology file {source}: expected a mapping")
    missing = {"type", "description", "roles"} - raw.keys()
    if missing:
        raise DataFileError(f"ontology file {source} lacks {sorted(missing)}")
    unknown = raw.keys() - TYPE_KEYS
    if unknown:
        raise DataFileError(f"ontology file {source}: unknown keys {sorted(unknown)}")
    bad_roles = set(raw["roles"]) - set(ROLE_NAMES)
    if bad_roles:
        raise DataFileError(f"ontology file {source}: unknown roles {sorted(bad_roles)}")
    trig = raw.get("triggers") or {}
    unknown = trig.keys() - TRIGGER_KEYS
    if unknown:
        raise DataFileError(f"ontology file {source}: unknown trigger lists {sorted(unknown)}")
    fs = lambda key: frozenset(w.lower() for w in trig.get(key) or [])  # noqa: E731
    try:
        rank = int(raw.get("rank", 99))
    except (TypeError, ValueError):
        raise DataFileError(f"ontology file {source}: rank {raw['rank']!r} is not a whole number") from None
    return ClaimType(
        name=raw["type"], description=raw["description"], event=bool(raw.get("event", False)),
        rank=rank, roles=tuple(raw["roles"]), **{key: fs(key) for key in sorted(TRIGGER_KEYS)},
        attributes={k: tuple(v) for k, v in (raw.get("attributes") or {}).items()},
        units={k: tuple(v) for k, v in (raw.get("units") or {}).items()},
        verb_attributes=dict(raw.get("verb_attributes") or {}),
        example=raw.get("example", ""),
    )


@lru_cache(maxsize=1)
def ontology() -> dict[str, ClaimType]:
    """Every claim type of ``data/ontology/``, by name, in file-name order. Adding a type is a
    new YAML file there plus a test sentence; nothing in the code names a type's trigger words."""
    try:
        names = sorted(p.name for p in path("ontology").iterdir() if p.name.endswith(".yaml"))
    except (FileNotFoundError, NotADirectoryError):
        names = []
    types: dict[str, ClaimType] = {}
    for name in names:
        t = claim_type(_yaml(("ontology", name)), name)
        if t.name in types:
            raise DataFileError(f"claim type {t.name} defined twice (again in ontology file {name})")
        types[t.name] = t
    if not types:  # the ontology ships with the package; without it nothing can be extracted or linked
        raise DataFileError("no claim types in data/ontology: the installation is incomplete")
    return types

"""The ontology and the extraction lexicons, loaded from data files and checked at load.

Adding a claim type is a new YAML file in ``data/ontology/`` plus a test sentence;
nothing in the extractor names a type's trigger words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import ConfigError
from ..model import ROLE_NAMES


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
    # verbs that count only when someone armed, or a weapon, does them: "troops killed 20";
    # not "the crash killed 20"
    agent_verbs: frozenset[str] = frozenset()
    # verbs that deny only a claim or a clause: "denied the reports", "denied sending troops";
    # not "rejected the concerns" or "denied victims their rights"
    claim_objects: frozenset[str] = frozenset()
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verb_attributes: dict[str, str] = field(default_factory=dict)
    example: str = ""

    def unit_kind(self, unit: str | None) -> str | None:
        for kind, units in self.units.items():
            if unit is not None and unit.lower() in units:
                return kind
        return None


@dataclass(frozen=True)
class Lexicon:
    types: dict[str, ClaimType]
    attribution: dict[str, frozenset[str]]
    materiel: dict[str, str]
    kind_modifiers: frozenset[str]
    classes: dict[str, str]
    personnel: frozenset[str]
    # head noun (lemma) -> what a common noun phrase with that head names: PERSON, GROUP,
    # ORG, LOC, FAC, VEHICLE, DOCUMENT, WEAPON or PLATFORM (data/lexicons/mention_heads.yaml)
    heads: dict[str, str] = field(default_factory=dict)

    def triggers(self) -> dict[tuple[str, str], list[str]]:
        """(lemma, part of speech) -> claim types it can trigger; pos is VERB, NOUN or ADJ."""
        table: dict[tuple[str, str], list[str]] = {}
        for t in self.types.values():
            verbs = {w for w in t.verbs | t.weapon_verbs | t.agent_verbs | t.place_objects if " " not in w}
            for pos, words in (("VERB", verbs), ("NOUN", t.nouns | t.weapon_nouns), ("ADJ", t.adjectives)):
                for w in words:
                    table.setdefault((w, pos), []).append(t.name)
            for phrase in {p for p in t.phrasal_verbs | t.weapon_verbs if " " in p}:
                names = table.setdefault((phrase.split()[0], "VERB"), [])
                if t.name not in names:
                    names.append(t.name)
        return table

    def particles_required(self, type_name: str, lemma: str) -> frozenset[str]:
        """The particles a verb needs to trigger ``type_name`` ("up" for "blow"); empty when
        the verb triggers it on its own."""
        t = self.types[type_name]
        if lemma in t.verbs | t.weapon_verbs | t.agent_verbs | t.place_objects:
            return frozenset()
        return frozenset(p.split()[1] for p in t.phrasal_verbs | t.weapon_verbs if p.split()[0] == lemma and " " in p)

    def needs_weapon(self, type_name: str, lemma: str, pos: str) -> bool:
        """Whether the trigger counts only with a weapon as an argument ("fired two missiles",
        "a bomb went off", "a bomb blast")."""
        t = self.types[type_name]
        if pos == "NOUN":
            return lemma in t.weapon_nouns
        return pos == "VERB" and lemma in {w.split()[0] for w in t.weapon_verbs}

    def words(self, name: str) -> frozenset[str]:
        return self.attribution.get(name, frozenset())


def _data(*parts: str):
    return resources.files("claimgraph").joinpath("data", *parts)


def _load_type(raw: dict, source: str) -> ClaimType:
    missing = {"type", "description", "roles"} - raw.keys()
    if missing:
        raise ConfigError(f"ontology file {source} lacks {sorted(missing)}")
    bad_roles = set(raw["roles"]) - set(ROLE_NAMES)
    if bad_roles:
        raise ConfigError(f"ontology file {source}: unknown roles {sorted(bad_roles)}")
    trig = raw.get("triggers") or {}
    fs = lambda key: frozenset(w.lower() for w in trig.get(key) or [])  # noqa: E731
    return ClaimType(
        name=raw["type"], description=raw["description"], event=bool(raw.get("event", False)),
        rank=int(raw.get("rank", 99)), roles=tuple(raw["roles"]),
        verbs=fs("verbs"), nouns=fs("nouns"), adjectives=fs("adjectives"),
        weapon_verbs=fs("weapon_verbs"), weapon_nouns=fs("weapon_nouns"), phrasal_verbs=fs("phrasal_verbs"),
        receiving_verbs=fs("receiving_verbs"), materiel_only=fs("materiel_only"),
        recipient_object_verbs=fs("recipient_object_verbs"),
        personnel_only=fs("personnel_only"), person_objects=fs("person_objects"),
        place_objects=fs("place_objects"), agent_verbs=fs("agent_verbs"),
        claim_objects=fs("claim_objects"),
        attributes={k: tuple(v) for k, v in (raw.get("attributes") or {}).items()},
        units={k: tuple(v) for k, v in (raw.get("units") or {}).items()},
        verb_attributes=dict(raw.get("verb_attributes") or {}),
        example=raw.get("example", ""),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every ontology YAML and the lexicons once per process."""
    types = {}
    for entry in sorted(_data("ontology").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            t = _load_type(yaml.safe_load(entry.read_text(encoding="utf-8")), entry.name)
            if t.name in types:
                raise ConfigError(f"claim type {t.name} defined twice")
            types[t.name] = t
    attribution = yaml.safe_load(_data("lexicons", "attribution.yaml").read_text(encoding="utf-8"))
    senses = yaml.safe_load(_data("lexicons", "senses.yaml").read_text(encoding="utf-8")) or {}
    clash = set(attribution) & set(senses)
    if clash:
        raise ConfigError(f"word lists defined in both attribution.yaml and senses.yaml: {sorted(clash)}")
    attribution.update(senses)
    materiel = yaml.safe_load(_data("lexicons", "materiel.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        types=types,
        attribution={k: frozenset(v) for k, v in attribution.items()},
        materiel=dict(materiel["materiel"]),
        kind_modifiers=frozenset(materiel["kind_modifiers"]),
        classes=dict(materiel["classes"]),
        personnel=frozenset(materiel["personnel"]),
        heads=_mention_heads(),
    )


def _mention_heads() -> dict[str, str]:
    raw = yaml.safe_load(_data("lexicons", "mention_heads.yaml").read_text(encoding="utf-8"))
    return {word.lower(): cls for cls, words in raw.items() for word in words or ()}

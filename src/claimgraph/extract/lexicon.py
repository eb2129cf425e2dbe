"""What extraction reads, in one object: the ontology's claim types and the word lists
(attribution verbs, senses, materiel, mention heads), each file read and checked by
``claimgraph.datafiles``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import ClaimType, DataFileError, lexicon, ontology

__all__ = ["ClaimType", "Lexicon", "load_lexicon"]


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
            verbs = {w for w in t.verbs | t.weapon_verbs | t.agent_verbs | t.place_objects | t.materiel_objects if " " not in w}
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
        if lemma in t.verbs | t.weapon_verbs | t.agent_verbs | t.place_objects | t.materiel_objects:
            return frozenset()
        return frozenset(p.split(maxsplit=1)[1] for p in t.phrasal_verbs | t.weapon_verbs
                         if p.split()[0] == lemma and " " in p)

    def needs_weapon(self, type_name: str, lemma: str, pos: str, particles: frozenset[str] = frozenset()) -> bool:
        """Whether the trigger counts only with a weapon as an argument ("fired two missiles",
        "a bomb went off", "a bomb blast"); not with a particle of a phrase that needs none
        ("set fire to a bank", though "set off a bomb" needs the bomb)."""
        t = self.types[type_name]
        if pos == "NOUN":
            return lemma in t.weapon_nouns
        if any(f"{lemma} {p}" in t.phrasal_verbs for p in particles):
            return False
        return pos == "VERB" and lemma in {w.split()[0] for w in t.weapon_verbs}

    def words(self, name: str) -> frozenset[str]:
        return self.attribution.get(name, frozenset())

    def is_armed(self, token) -> bool:
        """People who carry arms as what they do ("gunmen", "police"), members of an armed
        band named by its kind ("gang members", "militia fighters"), or people said to be armed
        ("armed men", "heavily armed assailants")."""
        armed, lemma = self.words("armed_people"), token.lemma_.lower()
        if lemma in armed:
            return True
        people = self.heads.get(lemma) == "PERSON" or lemma in self.personnel  # not "a police helicopter"
        if people and said_to_be_armed(token):
            return True
        return people and lemma in self.words("member_nouns") and any(
            c.dep_ == "compound" and c.lemma_.lower() in armed | self.words("irregular_fighters")
            for c in token.children)


def said_to_be_armed(token) -> bool:
    """"armed men", "heavily armed assailants": people the article calls armed."""
    return any(c.dep_ == "amod" and c.lower_ == "armed" for c in token.children)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The ontology and the extraction word lists, read once per process (through datafiles)."""
    types = dict(ontology())
    attribution = lexicon("attribution")
    senses = lexicon("senses")
    clash = set(attribution) & set(senses)
    if clash:
        raise DataFileError(f"word lists defined in both attribution.yaml and senses.yaml: {sorted(clash)}")
    materiel = lexicon("materiel", {"materiel", "kind_modifiers", "classes", "personnel"})
    return Lexicon(
        types=types,
        attribution={k: frozenset(v) for k, v in (attribution | senses).items()},
        materiel=dict(materiel["materiel"]),
        kind_modifiers=frozenset(materiel["kind_modifiers"]),
        classes=dict(materiel["classes"]),
        personnel=frozenset(materiel["personnel"]),
        heads=_mention_heads(),
    )


def _mention_heads() -> dict[str, str]:
    return {word.lower(): cls for cls, words in lexicon("mention_heads").items() for word in words or ()}

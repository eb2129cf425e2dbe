"""Mentions to canonical entities: gazetteer, countries, places, people, typos.

``EntityResolver().resolve("Kim Jong-un", "PERSON")`` and ``resolve("Kim Jong Un",
"PERSON")`` return the same ``Entity`` (``person:kim-jong-un``), whose ``aliases``
grow with every surface form seen. Ids are deterministic from the canonical name:

=================  ==========================================================
``weapon:<slug>``  data/gazetteer/weapons.jsonl (attrs: class, origin, kind, range_km)
``org:<slug>``     data/gazetteer/organizations.jsonl (attrs: kind, outlet)
``person:<slug>``  data/gazetteer/people.jsonl (attrs: roles), or an unknown PERSON
``gpe:<slug>``     a country (attrs: kind "country", iso); no coordinates on purpose
``place:CC:slug``  a city, region or facility from resolve/places.py, with lat/lon;
                   a capital carries attrs["metonym_of"] = its country's id
``sea:<slug>``     a sea or strait
``water:<slug>``   a river or a lake
``<label>:<slug>`` anything else, e.g. ``org:acme-corp``, ``source:a-military-source``
=================  ==========================================================

Lookups are dictionary hits on a normalised key (case, accents, spaces, hyphens
and dots removed: "Kim Jong-un" == "Kim Jong Un", "S-300" == "S300"); fuzzy
matching (rapidfuzz) runs only on a miss, for capitalised mentions of five or
more characters, at fuzz.ratio >= 88 with the same first letter ("Mosow" ->
Moscow, never "Mosul" -> Moscow), and never for a mention whose words are all English
words the model knows (a title-case headline's "Depot" is not Depok).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..datafiles import gazetteer_rows, grammar, titles, weapon_classes
from ..model import Entity
from . import places as _places
from .places import (
    FUZZY_CUTOFF,
    FUZZY_MIN_LENGTH,
    Place,
    clean_place_name,
    countries_in,
    country_id,
    geocode,
    name_key,
    slugify,
    strip_accents,
    words_that_differ,
)

__all__ = ["EntityResolver", "GazetteerEntry", "load_gazetteer", "weapon_classes"]

PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
# A one-word PERSON mention that is not a known person but names a country or a
# city this big is a tagging slip ("met Kyiv's mayor" tags Kyiv PERSON).
BIG_PLACE_POPULATION = 100_000
METROPOLIS_POPULATION = 1_000_000  # a city known by a name only as an alternate still owns it this big
# Prefix of the id of an entity the gazetteer does not know, by mention label.
ID_PREFIX = {"PERSON": "person", "ORG": "org", "WEAPON": "weapon", "GPE": "gpe", "LOC": "loc",
             "FAC": "fac", "NORP": "norp", "SOURCE": "source", "PRODUCT": "product", "VESSEL": "vessel"}
TYPE_OF_PLACE_KIND = {"city": "GPE", "region": "LOC", "facility": "FAC", "sea": "LOC", "water": "LOC", "area": "LOC", "island": "LOC",
                      "country": "GPE"}
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_GENERIC_TAIL = re.compile(r"\s+(?:agency|service|directorate|office|department)$", re.I)
# what an outlet's name may be followed by: "ITAR-TASS news agency", "Interfax news service"
_OUTLET_TAIL = re.compile(r"\s+(?:news\s+agency|news\s+service|agency|newspaper|daily|radio|television|TV)$", re.I)
_OWNER_PREFIX = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$")


@dataclass(slots=True)
class GazetteerEntry:
    """One line of weapons/organizations/people.jsonl."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    surname: str | None = None
    descriptors: list[str] = field(default_factory=list)
    no_pattern: list[str] = field(default_factory=list)
    # names many states' bodies share ("Ministry of National Defense"): this entry's only in an
    # article that names its country
    shared_names: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


def _entry(row: dict[str, Any], type_: str) -> GazetteerEntry:
    known = {"id", "name", "type", "aliases", "country", "surname", "descriptors", "no_pattern", "shared_names"}
    attrs = {k: v for k, v in row.items() if k not in known}
    if type_ == "WEAPON":
        attrs.setdefault("range_km", None)
    return GazetteerEntry(
        id=row["id"], name=row["name"], type=type_, aliases=list(row.get("aliases", [])),
        country=row.get("country") or row.get("origin"), surname=row.get("surname"),
        descriptors=list(row.get("descriptors", [])), no_pattern=list(row.get("no_pattern", [])),
        shared_names=list(row.get("shared_names", [])), attrs=attrs,
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """Every weapon, organisation and person entry, checked once.

    >>> any(e.id == "weapon:kn-23" for e in load_gazetteer())
    True
    """
    entries = [_entry(r, "WEAPON") for r in gazetteer_rows("weapons")]
    entries += [_entry(r, "ORG") for r in gazetteer_rows("organizations")]
    entries += [_entry(r, "PERSON") for r in gazetteer_rows("people")]
    _check(entries)
    return tuple(entries)


def _check(entries: list[GazetteerEntry]) -> None:
    """Fail loudly on a broken data file rather than resolve wrongly later."""
    seen: set[str] = set()
    classes = weapon_classes()
    for entry in entries:
        if entry.id in seen:
            raise ValueError(f"gazetteer: duplicate id {entry.id!r}")
        seen.add(entry.id)
        if entry.type == "WEAPON" and entry.attrs.get("class") not in classes:
            raise ValueError(f"gazetteer: {entry.id} has unknown class {entry.attrs.get('class')!r}")


@lru_cache(maxsize=1 << 16)  # the resolver cleans every mention it is asked about, and names come back
def clean_mention(text: str) -> str:
    """Surface form without possessive, leading article, quotes or edge punctuation.

    >>> clean_mention("the Kremlin’s")
    'Kremlin'
    """
    text = " ".join(text.replace("\u2019", "'").split()).strip(" .,;:\"“”()[]")
    text = _POSSESSIVE.sub("", text)
    return _LEADING_ARTICLE.sub("", text).strip()


def _misspelt_where_it_differs(query: str, choice: str) -> bool:
    """"tass news agency" reads like "tasnim news agency" mostly through the words they share;
    then a misspelling must read alike in the words that tell the two apart ("sudan's army" is
    still "sudanese army")."""
    own, theirs = words_that_differ(query, choice, leading=False)
    if len(query) - len(own) <= len(own):
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(own, theirs) >= FUZZY_CUTOFF


# Calibrated on transliteration pairs: "Yahya Saree"/"Yahya Sarea" 91, "Tarig Hassan el-Nour"/
# "Tariq Hassan al-Nour" 90, while "Ali Hassan"/"Ali Hussein" (two people) score 76.
SPELLING_RATIO = 85
# what the store's entities teach: names the gazetteer lacks, for these types only
LEARNABLE_TYPES = {"PERSON", "WEAPON", "ORG"}
_PARTICLES = frozenset(grammar()["name_particles"])
NAME_SUFFIXES = frozenset(grammar()["name_suffixes"])  # "jr", "jr.", "iii": generation marks


def is_small_town(entity: Entity) -> bool:
    """A town or city below a million people that is no capital: it speaks for nobody."""
    return entity.attrs.get("kind") == "city" and not entity.attrs.get("metonym_of") \
        and (entity.attrs.get("population") or 0) < 1_000_000


def _plain(name: str) -> str:
    return strip_accents(name).lower()


@lru_cache(maxsize=1 << 14)  # made at each lookup of a person's spelling and each person learned
def person_skeleton(name: str) -> str | None:
    """A spelling-free key for a person's name of two or more words.

    >>> person_skeleton("Tarig Hassan el-Nour") == person_skeleton("Tariq Hasan al-Nur")
    True
    >>> person_skeleton("Khalil Zein al-Din") == person_skeleton("Khalil Zeineddine")
    True
    >>> person_skeleton("Cheick Oumar Diakité") == person_skeleton("Cheik Oumar Diakite")
    True
    >>> person_skeleton("Daniel Okafor III") == person_skeleton("Daniel Okafor")
    True
    >>> person_skeleton("Putin") is None
    True
    """
    words = _name_words(name)
    if len(words) < 2:
        return None
    keys = []
    for word in words:
        word = re.sub(r"[qgc]", "k", word).replace("ph", "f")
        consonants = word[0] + re.sub(r"[aeiouyw]", "", word[1:])
        keys.append(re.sub(r"(.)\1+", r"\1", consonants))  # "Cheick" and "Cheik" agree
    # the given name, then the rest run together: "Zein al-Din" and "Zeineddine" agree
    return keys[0] + " " + re.sub(r"(.)\1+", r"\1", "".join(keys[1:]))


def _name_words(name: str) -> list[str]:
    """The words that say who a person is: no particles, no "Jr." or "III" ("Daniel
    Okafor III" is the Daniel Okafor another article names)."""
    words = [w.rstrip(".,") for w in re.split(r"[\s\-’']+", _plain(name))]
    return [w for w in words if w and w not in _PARTICLES and w not in NAME_SUFFIXES]


def _generation(name: str) -> str | None:
    """"jr", "iii", ... written after a name, or None: a Sr. and a Jr. are two people."""
    last = _plain(name).split()[-1].rstrip(".,") if name.split() else ""
    return last if last in NAME_SUFFIXES else None


@lru_cache(maxsize=1 << 14)  # asked for every person the document has met, at each one-word name
def without_suffix(name: str) -> str:
    """"Daniel Okafor III" -> "daniel okafor": the name a surname refers back to."""
    words = strip_accents(name.strip()).lower().split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def _compact(name: str) -> str:
    """Letters only, particles dropped: what two spellings of one name share."""
    return "".join(_name_words(name))


class EntityResolver:
    """Turns (mention, label) into a canonical ``Entity``; cheap to share, load once.

    >>> r = EntityResolver()
    >>> r.resolve("Hwasong-11A", "ORG").id == r.resolve("KN-23", "WEAPON").id
    True
    """

    def __init__(self, known_words: frozenset[str] = frozenset()) -> None:
        """:param known_words: lower-case English words (the model's lemma index): a mention
            spelled as one of them is no misspelling of a name ("Depot" is not "Depok")."""
        self.known_words = known_words
        self.entries = {e.id: e for e in load_gazetteer()}
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        self._by_surname: dict[str, list[GazetteerEntry]] = {}
        self._by_descriptor: dict[tuple[str, str], GazetteerEntry] = {}
        for entry in self.entries.values():
            self._index_entry(entry)
        self._fuzzy_pools = self._build_fuzzy_pools()
        # the pools never change, and the same misspelt or unknown names come back
        self._close_names = lru_cache(maxsize=1 << 14)(self._close_names_uncached)
        self._entities: dict[str, Entity] = {}
        self._learned: dict[str, str] = {}  # name key -> entity id, from "also known as" and the store
        self._person_skeletons: dict[str, list[str]] = {}  # spelling-free key -> person entity ids

    # -- indexes ----------------------------------------------------------------------
    def _index_entry(self, entry: GazetteerEntry) -> None:
        for name in entry.names():
            bucket = self._by_key.setdefault(name_key(name), [])
            if entry not in bucket:
                bucket.append(entry)
        if entry.type == "PERSON":
            surnames = {entry.surname or entry.name.split()[-1]}
            surnames |= {alias.split()[-1] for alias in entry.aliases if " " in alias and not entry.surname}
            for surname in surnames:
                self._by_surname.setdefault(name_key(surname), []).append(entry)
        for descriptor in entry.descriptors:
            if entry.country:
                self._by_descriptor.setdefault((entry.country, name_key(descriptor)), entry)

    def _build_fuzzy_pools(self) -> dict[str, tuple[list[str], list[GazetteerEntry]]]:
        pools: dict[str, tuple[list[str], list[GazetteerEntry]]] = {}
        for entry in self.entries.values():
            choices, targets = pools.setdefault(entry.type, ([], []))
            for name in entry.names():
                if len(name) >= FUZZY_MIN_LENGTH:
                    choices.append(strip_accents(name).lower())
                    targets.append(entry)
        return pools

    def _close_names_uncached(self, query: str, type_: str) -> list[tuple[str, float, int]]:
        """The gazetteer names of ``type_`` that ``query`` may misspell: (name, score, position)."""
        from rapidfuzz import fuzz, process

        choices, _targets = self._fuzzy_pools.get(type_, ([], []))
        return process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)

    # -- public API -------------------------------------------------------------------
    def resolve(self, name: str, label: str | None, *, context_countries: Sequence[str] = ()) -> Entity:
        """The canonical entity for a mention.

        :param name: the mention as written ("President Vladimir Putin", "Kyiv’s").
        :param label: spaCy label, or "WEAPON"/"SOURCE"; guides lookups and new ids.
        :param context_countries: ISO-2 codes the article is about (``countries_in``),
            used to choose among same-named places.

        >>> EntityResolver().resolve("Kim Jong-un", "PERSON").id
        'person:kim-jong-un'
        """
        label = (label or "MISC").upper()
        surface = " ".join(name.split())
        cleaned = clean_mention(surface) or surface
        context = tuple(context_countries)
        entity = (
            self._learned_entity(cleaned, label)
            or self._known(cleaned, label, context)
            or self._fuzzy(cleaned, label, context)
            or self._spelling_variant(cleaned, label)
            or self._owned_by_a_country(cleaned, label, context)
            or self._new(cleaned, label, context)
        )
        if self._named_as_any_state_s(entity, cleaned, context):
            entity = self._new(cleaned, label, context)
        if label == "SOURCE" and entity.type in PLACE_LABELS and (cleaned[:1].islower() or is_small_town(entity)):
            # "the mission said": not Mission, Texas; "Police say": not Police, Poland. A capital,
            # a big city or a country still speaks ("Moscow said")
            entity = self._new(cleaned, label, context)
        if label == "ORG" and entity.type in PLACE_LABELS and cleaned.isupper() and len(cleaned) <= 5 \
                and entity.attrs.get("kind") != "country" \
                and name_key(cleaned) not in {name_key(n) for n in [entity.name, *entity.aliases]}:
            # "the state news agency SANA": an organisation's acronym, not Sanaa by another spelling
            entity = self._new(cleaned, label, context)
        if label == "PERSON" and entity.type in PLACE_LABELS and \
                name_key(cleaned) not in {name_key(n) for n in [entity.name, *entity.aliases]}:
            # "Amir Golan" is a person even though "Golan" (after a title-like word) is a place;
            # a bare "Kyiv" the tagger calls a person is still the city
            entity = self._spelling_variant(cleaned, label) or self._new(cleaned, label, context)
        return self._remember(entity, surface)

    def _named_as_any_state_s(self, entity: Entity, text: str, context: tuple[str, ...]) -> bool:
        """"The Ministry of National Defence said" in a story of Mozambique: a name many states'
        bodies share (the entry's ``shared_names``, however spelt) is this entry's only in an
        article that names its country."""
        from rapidfuzz import fuzz

        entry = self.entries.get(entity.id)
        if entry is None or not entry.shared_names or not entry.country or entry.country in context:
            return False
        written = strip_accents(text).lower()
        return any(fuzz.ratio(written, strip_accents(n).lower()) >= FUZZY_CUTOFF for n in entry.shared_names)

    def person(self, name: str) -> Entity:
        """The person of that name, never a place that bears it ("shot Jackson twice": a man,
        not Jackson, Mississippi): for a name the sentence shows to be someone's."""
        surface = " ".join(name.split())
        cleaned = clean_mention(surface) or surface
        entity = self._learned_entity(cleaned, "PERSON") or self._new(cleaned, "PERSON", ())
        if entity.type != "PERSON":
            entity = self._new(cleaned, "PERSON", ())
        return self._remember(entity, surface)

    def _owned_by_a_country(self, text: str, label: str, context: tuple[str, ...]) -> Entity | None:
        """"France's Thales", "Germany's Rheinmetall": a named company or body written after the
        country it belongs to is that company ("South Korea's spy agency", a description, is
        the gazetteer's business, looked up before, as are close spellings: "Sudan's Army")."""
        owned = _OWNER_PREFIX.match(text)
        if label != "ORG" or owned is None or not owned.group("rest")[:1].isupper():
            return None
        iso = _places.country_of(owned.group("owner"))
        if iso is None:
            return None
        return self.resolve(owned.group("rest"), label, context_countries=(iso, *context))

    # -- what the corpus teaches --------------------------------------------------------
    def learn(self, entities: Iterable[Entity]) -> None:
        """Know entities already stored, so new spellings and aliases join them.

        >>> r = EntityResolver()
        >>> r.learn([Entity(id="person:yahya-saree", name="Yahya Saree", type="PERSON")])
        >>> r.resolve("Yahya Sarea", "PERSON").id
        'person:yahya-saree'
        """
        for entity in entities:
            known = self._entities.setdefault(entity.id, entity)
            for name in [entity.name, *entity.aliases]:
                if entity.type in LEARNABLE_TYPES and entity.id not in self.entries and name:
                    # two entities with one name: the smaller id, whatever order they came in
                    key = name_key(name)
                    if entity.id < self._learned.get(key, "\uffff"):
                        self._learned[key] = entity.id
                if known.type == "PERSON":
                    self._index_person(known, name)

    def taught(self) -> tuple[dict, dict, dict]:
        """Everything the documents resolved so far taught this resolver (the entities seen,
        with their aliases; learned names; person keys), as one object: pickled together,
        the entities stay shared between its parts. What a Ray worker hands on to the worker
        that extracts the next batch, so each batch meets the resolver a single process would
        have (``claimgraph.rayengine``)."""
        return self._entities, self._learned, self._person_skeletons

    def resume(self, taught: tuple[dict, dict, dict]) -> None:
        """Continue from what another resolver was ``taught``."""
        self._entities, self._learned, self._person_skeletons = taught

    def forget(self) -> None:
        """Back to what a new resolver knows: the gazetteer only."""
        self.resume(({}, {}, {}))

    def add_alias(self, entity: Entity, alias: str) -> Entity:
        """"the Shahed-136, which the Houthis field under the name Waid": Waid is the Shahed-136."""
        known = self._remember(entity, alias)
        self._learned.setdefault(name_key(alias), known.id)
        return known

    def _learned_entity(self, text: str, label: str) -> Entity | None:
        entity_id = self._learned.get(name_key(text))
        entity = self._entities.get(entity_id) if entity_id else None
        if entity is None or label in PLACE_LABELS and entity.type not in PLACE_LABELS:
            return None  # "Jordan" the place is not "Jordan" a person the corpus knows
        if label == "PERSON" and entity.type != "PERSON":
            return None
        return entity

    def _spelling_variant(self, text: str, label: str) -> Entity | None:
        """"Yahya Sarea" after "Yahya Saree", "Tariq al-Nour" after "Tarig el-Nour": one person
        when the names agree letter for letter but for vowels, doubled letters, k/q/g and
        the al-/el- particle, and still read alike (ratio >= SPELLING_RATIO)."""
        if label not in {"PERSON", "SOURCE"}:
            return None
        name = self._strip_titles(text)
        key = person_skeleton(name)
        if key is None:
            return None
        from rapidfuzz import fuzz

        for entity_id in self._person_skeletons.get(key, []):
            entity = self._entities.get(entity_id)
            if entity is not None and fuzz.ratio(_compact(entity.name), _compact(name)) >= SPELLING_RATIO \
                    and len({_generation(entity.name), _generation(name)} - {None}) <= 1:
                return entity
        return None

    def _index_person(self, entity: Entity, name: str) -> None:
        key = person_skeleton(self._strip_titles(name))
        if key is not None and entity.id not in self._person_skeletons.setdefault(key, []):
            self._person_skeletons[key].append(entity.id)

    def resolve_in_document(
        self, mentions: Iterable[tuple[str, str]], *, context_countries: Sequence[str] | None = None
    ) -> list[Entity]:
        """Resolve all (text, label) mentions of one document, in order.

        A bare surname ("Reyes") links to the full name the same document uses
        ("Dana Reyes"), even one the gazetteer does not know; failing that, to a
        gazetteer person whose surname is unique. ``context_countries`` defaults to
        the countries the document's GPE/NORP mentions name.

        >>> r = EntityResolver()
        >>> [e.id for e in r.resolve_in_document([("Jane Doe", "PERSON"), ("Doe", "PERSON")])]
        ['person:jane-doe', 'person:jane-doe']
        """
        mentions = [(text, label) for text, label in mentions]
        if context_countries is None:
            context_countries = countries_in(t for t, lab in mentions if lab in {"GPE", "NORP"})
        context = tuple(context_countries)
        resolved: list[Entity | None] = [None] * len(mentions)
        full_names: dict[str, list[Entity]] = {}
        for position, (text, label) in enumerate(mentions):
            if label == "PERSON" and len(self._strip_titles(clean_mention(text)).split()) == 1:
                continue  # bare surname: second pass
            entity = self.resolve(text, label, context_countries=context)
            resolved[position] = entity
            if entity.type == "PERSON":
                for surname in self._surnames_of(entity):
                    bucket = full_names.setdefault(surname, [])
                    if entity not in bucket:
                        bucket.append(entity)
        for position, (text, label) in enumerate(mentions):
            if resolved[position] is not None:
                continue
            key = name_key(self._strip_titles(clean_mention(text)))
            candidates = full_names.get(key, [])
            if len(candidates) == 1:
                resolved[position] = self._remember(candidates[0], " ".join(text.split()))
            else:
                resolved[position] = self.resolve(text, label, context_countries=context)
        return [entity for entity in resolved if entity is not None]

    def entities(self) -> list[Entity]:
        """Every entity resolved so far, with the surface forms seen as aliases."""
        return list(self._entities.values())

    def countries_in(self, names: Iterable[str]) -> list[str]:
        """ISO-2 codes of the countries GPE/NORP mentions name, most cited first."""
        return countries_in(names)

    def gazetteer_body(self, text: str) -> Entity | None:
        """The gazetteer's organisation of that name or alias ("Sudanese army" -> the Sudanese
        Armed Forces), or None: nothing made up, nothing learned."""
        found = self._known(clean_mention(text) or text, "ORG", ())
        return found if found is not None and found.type == "ORG" and found.id in self.entries else None

    def country_code(self, text: str) -> str | None:
        """"Niger" -> "NE"; None when the text names no country."""
        return _places.country_of(text)

    def country_name(self, iso: str) -> str | None:
        """"KP" -> "North Korea"."""
        return _places.country_name(iso)

    def country_demonym(self, iso: str) -> str | None:
        """"KP" -> "North Korean"."""
        return _places.country_demonym(iso)

    def is_place(self, text: str) -> bool:
        """Whether a mention names a known place or country (exact lookups only)."""
        return geocode(text, fuzzy=False) is not None

    def is_state_or_province(self, text: str) -> bool:
        """Whether a name is a country's first-level division ("Rakhine", "Kachin")."""
        return self._division(text, (), states_only=True) is not None

    def geocode(self, text: str, *, context_countries: Sequence[str] = ()) -> Place | None:
        return geocode(text, context_countries=context_countries)

    # -- lookups ----------------------------------------------------------------------
    def _known(self, text: str, label: str, context: tuple[str, ...]) -> Entity | None:
        key = name_key(text)
        if not key:
            return None
        entry = self._gazetteer_hit(key, label)
        if entry is not None and label in PLACE_LABELS and entry.type == "ORG":
            big = self._big_place(text, context)  # GPE "Nis" is the Serbian city, not the NIS
            if big is not None:
                return big
        if entry is not None:
            return self._from_entry(entry)
        place_first = label in PLACE_LABELS
        if place_first or label not in {"PERSON", "WEAPON", "VESSEL"}:  # the tanker Ocean City is no town
            found = self._country(text) or self._place(text, context)
            if place_first and (found is None or self._small_namesake(found, text, context)):
                division = self._division(text, context, states_only=found is not None)
                # a town named after its own state or oblast is the town ("Kherson")
                if division is not None and (found is None or division.country != found.country
                                             or name_key(found.name) != name_key(clean_place_name(text))):
                    found = division
            if found is not None:
                return found
        if label in {"PERSON", "SOURCE", "ORG", "MISC"}:
            found = self._person_by_title(text, label)
            if found is not None:
                return found
        if label == "PERSON" and " " not in text:
            found = self._big_place(text, context)  # "Kyiv" tagged PERSON
            if found is not None:
                return found
        if label in {"ORG", "SOURCE", "GPE", "NORP", "MISC", "FAC"}:
            entry = self._descriptor(text) or self._outlet_named_by_its_kind(text)
            if entry is not None:
                return self._from_entry(entry)
        return None

    def _outlet_named_by_its_kind(self, text: str) -> GazetteerEntry | None:
        """"ITAR-TASS news agency", "the Interfax news agency": a known outlet, its kind after it."""
        bare = _OUTLET_TAIL.sub("", text)
        if bare == text:
            return None
        entry = self._gazetteer_hit(name_key(bare), "ORG")
        return entry if entry is not None and entry.attrs.get("outlet") else None

    def _gazetteer_hit(self, key: str, label: str) -> GazetteerEntry | None:
        candidates = list(self._by_key.get(key, ()))
        if not candidates and key.endswith("s") and any(c.isdigit() for c in key):
            candidates = list(self._by_key.get(key[:-1], ()))  # "KN-23s", "F-16s"
        if label in PLACE_LABELS:
            candidates = [c for c in candidates if c.type != "PERSON"]
        if not candidates:
            return None
        same_type = [c for c in candidates if c.type == label]
        return (same_type or candidates)[0]

    def _country(self, text: str) -> Entity | None:
        index = _places._index()
        key = name_key(text)
        iso = index.countries.get(key)
        if iso is None and key.endswith("s"):
            singular = key[:-1]  # "Russians", "North Koreans"
            if singular in index.demonym_keys:
                iso = index.countries.get(singular)
        if iso is None or key in index.regions:
            return None
        return self._country_entity(iso)

    def _country_entity(self, iso: str) -> Entity:
        name = _places.country_name(iso) or iso
        return Entity(id=country_id(name), name=name, type="GPE", country=iso,
                      attrs={"kind": "country", "iso": iso})

    def _place(self, text: str, context: tuple[str, ...]) -> Entity | None:
        place = geocode(text, context_countries=context, fuzzy=False)
        return self._from_place(place) if place is not None else None

    @staticmethod
    def _small_namesake(place: Entity, text: str, context: tuple[str, ...]) -> bool:
        """A town that only shares a state's name: one known by it as an alternate name and
        under a million people ("Maine" is no old name of Des Plaines), or a small one outside
        the article's countries ("Montana", Bulgaria)."""
        if place.attrs.get("kind") != "city":
            return False
        population = place.attrs.get("population", 0)
        if name_key(place.name) != name_key(clean_place_name(text)):
            return population < METROPOLIS_POPULATION
        return population < BIG_PLACE_POPULATION and place.country not in context

    def _division(self, text: str, context: tuple[str, ...], states_only: bool = False) -> Entity | None:
        """A state, province or county ("Ohio", "Rapides Parish"), from the geoparser's gazetteer,
        with the id and point the geoparser gives it."""
        from .geoparse import division_reading

        reading = division_reading(clean_place_name(text), context)
        if reading is None or (states_only and reading[-1] != "ADM1"):
            return None
        place_id, name, lat, lon, iso, geonameid, feature = reading
        return Entity(id=place_id, name=name, type="GPE", lat=lat, lon=lon, country=iso,
                      attrs={"kind": "region", "geonameid": geonameid, "feature": feature})

    def _big_place(self, text: str, context: tuple[str, ...]) -> Entity | None:
        country = self._country(text)
        if country is not None:
            return country
        place = geocode(text, context_countries=context, fuzzy=False)
        # Only under the city's own name: "White House" is an old name of Casablanca.
        if (place is not None and place.population >= BIG_PLACE_POPULATION
                and name_key(place.name) == name_key(clean_place_name(text))):
            return self._from_place(place)
        return None

    def _person_by_title(self, text: str, label: str) -> Entity | None:
        stripped = self._strip_titles(text)
        if not stripped:
            return None
        key = name_key(stripped)
        people = [e for e in self._by_key.get(key, ()) if e.type == "PERSON"]
        if not people and label == "PERSON" and len(stripped.split()) == 1:
            people = self._by_surname.get(key, [])
            people = people if len(people) == 1 else []
        return self._from_entry(people[0]) if people else None

    def _strip_titles(self, text: str) -> str:
        """"Defence Minister Kim Min-jun" -> "Kim Min-jun"; "Russian President Putin" -> "Putin".

        A country word is stripped only before a title word, so "Jordan Smith" stays whole.
        """
        words = text.split()
        while len(words) > 1:
            if self._is_title(words[0]):
                words.pop(0)
                continue
            for size in (2, 1):
                owner = " ".join(words[:size])
                if (len(words) > size + 1 and self._is_title(words[size])
                        and name_key(clean_mention(owner)) in _places._index().countries):
                    words = words[size:]
                    break
            else:
                break
        return " ".join(words)

    @staticmethod
    def _is_title(word: str) -> bool:
        return re.sub(r"['’]s?$", "", word.lower()).replace(".", "") in titles()

    def _descriptor(self, text: str) -> GazetteerEntry | None:
        """"South Korea's spy agency", "Seoul's intelligence service", "Ukrainian military intelligence"."""
        owner_match = _OWNER_PREFIX.match(text)
        pairs: list[tuple[str, str]] = []
        if owner_match:
            pairs.append((owner_match.group("owner"), owner_match.group("rest")))
        words = text.split()
        for split in (1, 2, 3):
            if len(words) > split:
                pairs.append((" ".join(words[:split]), " ".join(words[split:])))
        for owner, rest in pairs:
            iso = _places.country_of(owner)
            if iso is None:
                continue
            # "military intelligence agency" is the "military intelligence" descriptor too
            for candidate in (rest, _GENERIC_TAIL.sub("", rest)):
                entry = self._by_descriptor.get((iso, name_key(candidate)))
                if entry is not None:
                    return entry
        return None

    def _fuzzy(self, text: str, label: str, context: tuple[str, ...] = ()) -> Entity | None:
        if len(text) < FUZZY_MIN_LENGTH or not text[:1].isupper() or self._spelled_right(text):
            return None
        if label in PLACE_LABELS:
            place = _places.fuzzy_place(clean_place_name(text), context)
            if place is not None:
                return self._from_place(place)
        types = {"PERSON": ["PERSON"], "WEAPON": ["WEAPON"], "ORG": ["ORG"], "SOURCE": ["ORG", "PERSON"]}
        query = strip_accents(text).lower()
        for type_ in types.get(label, ["ORG", "WEAPON"]):
            _choices, targets = self._fuzzy_pools.get(type_, ([], []))
            owner = self._owner_country(text) if type_ == "ORG" else None
            for choice, _score, position in self._close_names(query, type_):
                entry = targets[position]
                # "Chad's foreign ministry" is no misspelling of China's
                if owner and entry.country and entry.country != owner:
                    continue
                if choice[:1] == query[:1] and _misspelt_where_it_differs(query, choice):
                    return self._from_entry(entry)
        # no fuzzy place for organisations: "Toshiba" is not a misspelled "Toshima"
        return None

    def _spelled_right(self, text: str) -> bool:
        """Every word of ``text`` is an English word: a title-case headline's "Depot" or
        "Market Square" is spelled right, so it is no misspelling of a known name."""
        words = text.lower().split()
        # a plural too: "Ukrainian security sources" is no misspelt "Ukrainian Security Service"
        return bool(self.known_words) and all(w in self.known_words or w.endswith("s") and w[:-1] in self.known_words
                                              for w in words)

    def _new(self, text: str, label: str, context: tuple[str, ...]) -> Entity:
        name = self._strip_titles(text) if label == "PERSON" else text
        prefix = ID_PREFIX.get(label, slugify(label) or "misc")
        type_ = label if label != "MISC" else "MISC"
        entity = Entity(id=f"{prefix}:{slugify(name) or name_key(name) or 'unnamed'}", name=name, type=type_)
        if label == "SOURCE":
            iso = self._owner_country(text)
            if iso:
                entity.country = iso
                entity.attrs["country"] = iso
        return entity

    def _owner_country(self, text: str) -> str | None:
        words = clean_mention(text).split()
        for split in (2, 1):
            if len(words) > split:
                iso = _places.country_of(" ".join(words[:split]))
                if iso:
                    return iso
        owner = _OWNER_PREFIX.match(text)
        return _places.country_of(owner.group("owner")) if owner else None

    # -- entity building --------------------------------------------------------------
    def _from_entry(self, entry: GazetteerEntry) -> Entity:
        attrs = dict(entry.attrs)
        if entry.type == "WEAPON":
            attrs = {k: entry.attrs.get(k) for k in ("class", "origin", "kind", "range_km")}
        return Entity(id=entry.id, name=entry.name, type=entry.type, aliases=list(entry.aliases),
                      country=entry.country, attrs=attrs)

    def _from_place(self, place: Place) -> Entity:
        if place.kind == "country":
            return self._country_entity(place.country or "")
        attrs: dict[str, Any] = {"kind": place.kind}
        if place.population:
            attrs["population"] = place.population
        if place.capital_of:
            name = _places.country_name(place.capital_of)
            attrs["metonym_of"] = country_id(name) if name else None
        return Entity(id=place.id, name=place.name, type=TYPE_OF_PLACE_KIND.get(place.kind, "GPE"),
                      lat=place.lat, lon=place.lon, country=place.country, attrs=attrs)

    def _surnames_of(self, entity: Entity) -> set[str]:
        entry = self.entries.get(entity.id)
        if entry is not None and entry.surname:
            return {name_key(entry.surname)}
        words = entity.name.split()
        return {name_key(words[-1])} if len(words) > 1 else set()

    def _remember(self, entity: Entity, surface: str) -> Entity:
        """One shared Entity per id; every surface form seen becomes an alias."""
        known = self._entities.setdefault(entity.id, entity)
        if known.type == "PERSON":
            self._index_person(known, known.name)
        surface = surface.strip()
        if surface and surface != known.name and surface not in known.aliases:
            known.aliases.append(surface)
        return known

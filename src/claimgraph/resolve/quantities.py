"""Quantities in a sentence: numbers with bounds, approximation and a unit.

Conventions (DESIGN.md, "resolve"; the lexicons are data in
``data/lexicons/numbers.yaml`` and ``data/lexicons/units.yaml``):

- a plain number is a ``value`` ("seven ballistic missiles" -> value 7, unit "missiles");
- "at least / more than / over n" -> ``low`` n; "up to / less than n" -> ``high`` n;
- "about / around / some n" -> value n, ``approx``; "nearly / almost n" -> value n,
  high n, approx; "just over n" -> value n, low n, approx;
- "between a and b", "from a to b", "a-b", "a or b" -> low a, high b;
- vague plurals carry a conventional lower bound, approx, no value: "dozens" 24,
  "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000 (numbers.yaml);
- a converted figure in brackets right after a quantity ("about 900 kilometers
  (about 550 miles)") is the same quantity and is not reported again;
- the unit is a measure ("km", "t", "%", "minutes"), a currency code ("USD"), or for
  counted things the head noun in the plural ("people", "soldiers", "shells");
- years, dates, clock times, ordinals, ages, storeys, list markers, document numbers
  ("resolution 2231") and designations ("KN-23", "S-400", "Boeing 767") are not
  quantities.

``of`` (what is counted: killed, wounded...) is left to the extractor.
Everything here is a pure function of a string; regular expressions are compiled once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from claimgraph.datafiles import NUMBER_KEYS, gazetteer_rows, lexicon
from claimgraph.model import Quantity

__all__ = ["find_quantities", "parse_number"]

# A 4-digit integer in this range with no measure after it is read as a year.
_YEAR_RANGE = (1800, 2100)
# "155mm" / "152-mm" followed by a word is a calibre, not an amount of millimetres.
_MAX_CALIBRE_MM = 400


@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    vague: dict[str, int]
    vague_multipliers: dict[str, int]
    fractions: dict[str, float]
    modifiers: dict[str, str]  # phrase -> kind
    designators: frozenset[str]
    period_designators: frozenset[str]
    period_determiners: frozenset[str]
    particle_verbs: frozenset[str]
    measures: dict[str, tuple[str, str]]  # surface -> (unit, dimension)
    currency_prefixes: dict[str, str]
    currency_words: dict[str, str]
    counted: dict[str, str]
    stop: frozenset[str]


@functools.cache
def measure_words() -> frozenset[str]:
    """Words that name a unit or a currency ("kilograms", "tons", "dollars"): what they count
    is never people."""
    lex = _lexicon()
    return frozenset(lex.measures) | frozenset(lex.currency_words)


def measured_units() -> frozenset[str]:
    """The canonical units of measures and currencies ("m", "kg", "USD"): a quantity in one
    is a size, a distance or a sum, never a count of people."""
    lex = _lexicon()
    return frozenset(unit for unit, dimension in lex.measures.values() if dimension != "time") \
        | frozenset(lex.currency_words.values())


@functools.cache
def currency_units() -> frozenset[str]:
    """The currency codes a sum of money carries as its unit ("USD", "GBP")."""
    lex = _lexicon()
    return frozenset(lex.currency_words.values()) | frozenset(lex.currency_prefixes.values())


@functools.cache
def _lexicon() -> _Lexicon:
    num = lexicon("numbers", NUMBER_KEYS)
    uni = lexicon("units", {"measures", "currency_prefixes", "currency_words", "counted", "stop"})
    modifiers = {
        phrase.lower(): kind for kind, phrases in num["modifiers"].items() for phrase in phrases
    }
    return _Lexicon(
        units=num["units"],
        tens=num["tens"],
        scales=num["scales"],
        scale_abbreviations=num["scale_abbreviations"],
        vague={k.lower(): v for k, v in num["vague"].items()},
        vague_multipliers=num["vague_multipliers"],
        fractions={k.lower(): v for k, v in num["fractions"].items()},
        modifiers=modifiers,
        designators=frozenset(str(d).lower() for d in num["designators"]),
        period_designators=frozenset(str(d).lower() for d in num["period_designators"]),
        period_determiners=frozenset(str(d).lower() for d in num["period_determiners"]),
        particle_verbs=frozenset(str(v).lower() for v in num["particle_verbs"]),
        measures={k.lower(): (v[0], v[1]) for k, v in uni["measures"].items()},
        currency_prefixes={k.upper(): v for k, v in uni["currency_prefixes"].items()},
        currency_words={k.lower(): v for k, v in uni["currency_words"].items()},
        counted={k.lower(): v for k, v in uni["counted"].items()},
        stop=frozenset(str(w).lower() for w in uni["stop"]),
    )


def _alternation(phrases) -> str:
    """Regex alternation, longest phrase first so "more than" wins over "more"."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# ---------------------------------------------------------------------------
# The pattern
# ---------------------------------------------------------------------------


@functools.cache
def _pattern() -> re.Pattern[str]:
    lex = _lexicon()
    word = _alternation([*lex.units, *lex.tens, *lex.scales, "dozen"])
    scale = _alternation(lex.scales)
    glued = _alternation([*lex.scale_abbreviations, "m"])  # "10k", "$5m", "40bn"
    spaced = _alternation([a for a in lex.scale_abbreviations if len(a) > 1])  # "2.4 mln"
    # "a million", "half a million", "one and a half million", "2.5 million" are
    # handled by the parser; the pattern only needs to find the run of words.
    words = (
        rf"(?:(?:half\s+an?|an?|one\s+and\s+a\s+half)\s+(?:{scale}|dozen)\b"
        rf"|(?:{word})(?:(?:\s+and\s+|\s+|-)(?:{word}))*(?:\s+and\s+a\s+half)?)"
    )
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    measures = _alternation(lex.measures)
    number = (
        rf"(?:{digits}(?:(?P<SCALE>\s*(?:{scale})\b(?:\s+and\s+a\s+half)?|(?:{glued})(?![\w-])"
        rf"|\s(?:{spaced})\b(?!-)))?"
        # a number word glued to a word by a hyphen is part of that word ("one-way drones")
        rf"|{words}(?!-[^\W\d_]))"
        # a word right after the number is none of it, unless it is a unit glued on ("5,000km")
        rf"(?:(?=(?:{measures})(?![\w]))|(?![\w]))(?![.,]\d)"
    )
    vague = _alternation(lex.vague)
    vague_mult = _alternation(lex.vague_multipliers)
    vague_all = rf"(?:(?:{vague_mult})\s+(?:dozen|{scale})\b|(?:{vague})\b)"
    fraction = rf"(?:{_alternation(lex.fractions)})\b"
    currency = _alternation(lex.currency_prefixes)
    modifier = _alternation(lex.modifiers)

    def quantity(tag: str) -> str:
        return (
            rf"(?P<cur{tag}>(?:{currency})\s?)?"
            rf"(?P<num{tag}>{number.replace('SCALE', 'scale' + tag)}"
            + (rf"|(?P<vague{tag}>{vague_all})|(?P<frac{tag}>{fraction})" if tag == "1" else "")
            + rf")(?:(?:\s?|-)(?P<unit{tag}>{measures})(?![\w]))?"
        )

    pattern = (
        r"(?<![\w.,/:$€£%-])"
        rf"(?:(?P<range>between|from)\s+)?"
        # a modifier word needs a space before its number: "some one hundred", never "someone"
        rf"(?:(?P<mod>{modifier})(?:\s+|(?<![^\W\d_])\s*))?"
        rf"(?P<mach>mach\s+)?"
        + quantity("1")
        + rf"(?:\s*(?P<conn>-|–|—|to|and|or)\s*(?:(?P<mod2>{modifier})\s+)?"
        + quantity("2")
        + ")?"
    )
    return re.compile(pattern, re.IGNORECASE)


_MONTH_NAMES = "January February March April May June July August September October November December".split()
_MONTHS = (
    # a dateline writes the month in capitals ("RIO DE JANEIRO, MARCH 13 -")
    rf"(?:{'|'.join(_MONTH_NAMES)}|{'|'.join(m.upper() for m in _MONTH_NAMES)}|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# Spans where digits are dates, times, ages or list markers, never quantities.
_NOT_QUANTITY = re.compile(
    "|".join(
        [
            rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?",
            rf"\b{_MONTHS},?\s+\d{{4}}\b",
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",
            r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
            # clock times, spaced by a scraper or not ("3: 10 p. m.", "10:30"), and the
            # military clock ("at 1100 hours", "about 1000 local time", "0825")
            r"\b\d{1,2}(?:\s?[:.]\s?\d{2})?\s?(?:[apAP]\.\s?[mM]\.|[apAP][mM]\b)",
            r"\b\d{1,2}\s?:\s?\d{2}(?::\d{2})?\b",
            r"\b\d{3,4}\s?(?:GMT|UTC|hrs|hours\s+(?:GMT|UTC|local))\b",
            r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:hours|hrs|local(?:\s+time)?|IST)\b",
            r"\b0\d{3}\b",
            # a street address ("the 12200 block of 223rd Street") and a calibre (".357 Magnum")
            r"\b\d+\s+block\s+of\b",
            r"\b\d+\s+(?:(?:North|South|East|West|[NSEW]\.?)\s+)?(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)"
            r"\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Highway|Hwy)\b",
            # an emergency line and the long ids of posts and records ("911 calls", a tweet's id)
            r"\b911\s+(?:calls?|dispatchers?|operators?|emergency)\b",
            r"\b\d{13,}\b",
            # thousands a scraper split at the comma ("The 170, 000 - square - foot building"):
            # neither half is the number
            r"\b\d{1,3},\s(?:000\b(?:,\s?000\b)*)",
            r"\.\s?\d{2,3}\b(?=\s*(?:-\s*)?(?i:caliber|calibre|magnum)\b)",
            r"\b\d{2,3}\s*-?\s*(?i:caliber|calibre)\b",
            # an age, hyphens spaced or not ("a 36 - year - old climber", "the 16-year-olds")
            r"\b\d+\s*(?:-|–|\s)\s*years?\s*(?:-|–|\s)\s*olds?\b",
            r"\b[\w,]+-(?:storey|storeys|story|floor|floors)\b",  # a building's height, not a count
            r"^\s*\(?\d{1,3}[.)](?=\s)",
        ]
    ),
    re.MULTILINE,
)
_CONVERSION_GAP = re.compile(r"\s*(?:\(|\[|,?\s*or\b|/)\s*$", re.IGNORECASE)
_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*[\"“”'‘’]?\s*([A-Za-z][\w'’]*(?:-[\w'’]+)*)")
_OF_DET = re.compile(r"\s*[\"“”'‘’]?\s+of\s+(?:(?:the|its|their|his|her|our|these|those)\s+)?", re.I)
# a number and the plural noun it counts, right before a word: "58 Ukrainian drones |over"
_COUNTED_BEFORE = re.compile(r"\d[\d,.]*\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\s+$", re.I)
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w.'’#№-]*|[#№])\s*$")
_WEEKDAYS_MONTHS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) \
    | {m.lower() for m in _MONTH_NAMES}
_FRACTION_BLOCKERS = frozenset({"first", "second", "the", "latter", "former", "other", "last"})


# ---------------------------------------------------------------------------
# Number parsing
# ---------------------------------------------------------------------------


def parse_number(text: str) -> float | None:
    """Value of a number written in digits, words or both; None if it is not one.

    >>> parse_number("two hundred and fifty thousand")
    250000
    >>> parse_number("2.5 million"), parse_number("$40bn"), parse_number("half a million")
    (2500000, 40000000000, 500000)
    """
    lex = _lexicon()
    cleaned = re.sub(r"^[^\w.]+", "", text.strip().lower())
    match = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)", cleaned)
    if match:
        base = float(match.group(1).replace(",", ""))
        rest = match.group(2)
        if not rest:
            return _tidy(base)
        if rest in lex.scale_abbreviations or rest == "m":
            return _tidy(base * lex.scale_abbreviations.get(rest, 1_000_000))
        half = rest.endswith(" and a half")
        rest = rest.removesuffix(" and a half").strip()
        if rest in lex.scales:
            return _tidy((base + (0.5 if half else 0)) * lex.scales[rest])
        return None
    return _parse_number_words(cleaned)


def _parse_number_words(text: str) -> float | None:
    lex = _lexicon()
    tokens = [t for t in re.split(r"[\s-]+", text) if t and t != "and"]
    if not tokens:
        return None
    if tokens[:2] in (["half", "a"], ["half", "an"]) and len(tokens) == 3:
        scale = 12 if tokens[2] == "dozen" else lex.scales.get(tokens[2])
        return _tidy(0.5 * scale) if scale else None
    if tokens[:3] == ["one", "a", "half"] and len(tokens) == 4 and tokens[3] in lex.scales:
        return _tidy(1.5 * lex.scales[tokens[3]])
    extra_half = tokens[-2:] == ["a", "half"]
    if extra_half:
        tokens = tokens[:-2]
    if tokens and tokens[0] in ("a", "an"):
        if len(tokens) < 2 or not (tokens[1] in lex.scales or tokens[1] == "dozen"):
            return None
        tokens[0] = "one"
    total, group, seen = 0, 0, False
    for token in tokens:
        if token in lex.units:
            group += lex.units[token]
        elif token in lex.tens:
            group += lex.tens[token]
        elif token == "dozen":
            group = (group or 1) * 12
        elif token == "hundred":
            group = (group or 1) * 100
        elif token in lex.scales:
            total += (group or 1) * lex.scales[token]
            group = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + group
    if extra_half:
        last_scale = next((lex.scales[t] for t in reversed(tokens) if t in lex.scales), 1)
        value += last_scale / 2
    return _tidy(value)


def _tidy(value: float) -> float:
    """Integers as int, so exports read 8 rather than 8.0."""
    return int(value) if float(value).is_integer() else round(value, 6)


# ---------------------------------------------------------------------------
# Finding quantities
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    quantity: Quantity
    dimension: str | None  # of a measure or "money"; None for counts


def find_quantities(text: str) -> list[Quantity]:
    """Quantity expressions in ``text``, in order; ``start``/``end`` are offsets into it.

    :param text: a sentence (any string; never raises).

    >>> [q.to_dict() for q in find_quantities("At least nine people were killed.")][0]["low"]
    9
    >>> q = find_quantities("a range of about 700 kilometers (about 435 miles)")
    >>> [(x.value, x.unit, x.approx) for x in q]
    [(700, 'km', True)]
    """
    if not text or not any(ch.isdigit() or ch.isalpha() for ch in text):
        return []
    blocked = [m.span() for m in _NOT_QUANTITY.finditer(text)]
    found: list[_Candidate] = []
    for match in _pattern().finditer(text):
        for candidate in _candidates(text, match, blocked):
            if _negated(text, candidate.quantity):
                continue
            if found and _is_conversion(text, found[-1], candidate):
                continue
            if found and _is_whole_of_part(text, found[-1].quantity, candidate.quantity):
                continue
            found.append(candidate)
    return [c.quantity for c in found]


_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+", re.I)
# "nine soldiers, not six as first reported", "Not one person was hurt": a bare number after a
# "not" that opens its phrase is the figure ruled out, not one the sentence gives
_RULED_OUT = re.compile(r"(?:^|[,;:(]\s*|\s-+\s*|\s[—–]\s*)not\s+$", re.I)


def _negated(text: str, q: Quantity) -> bool:
    """The number is ruled out by a "not" before it (a bound such as "not more than 20" stays).

    >>> [q.value for q in find_quantities("Troops shot nine soldiers, not six as first reported.")]
    [9]
    >>> find_quantities("Not one person was hurt.")
    []
    >>> [q.high for q in find_quantities("not more than 20 people were hurt")]
    [20]
    """
    return q.value is not None and q.low is None and q.high is None \
        and _RULED_OUT.search(text, 0, q.start or 0) is not None


def _is_whole_of_part(text: str, part: Quantity, whole: Quantity) -> bool:
    """"killed four of the five crew", "shot down 28 of the 30 drones": the group the part is
    taken from; what happened, happened to the part (which counts the whole's things)."""
    joined = _OF_THE.fullmatch(text, part.end or 0, whole.start or 0)
    if not joined or part.value is None or whole.value is None or part.value > whole.value:
        return False
    part.unit = part.unit or whole.unit
    return True


def _candidates(text: str, match: re.Match[str], blocked) -> list[_Candidate]:
    if _inside(match.start("num1"), blocked):
        return []
    if match.group("num2") is not None:
        ranged = _range_candidate(text, match)
        if ranged is not None:
            return [ranged] if _keep(text, match, ranged) else []
    single = _single_candidate(text, match)
    if single is None or not _keep(text, match, single):
        return []
    return [single]


def _inside(offset: int, spans) -> bool:
    return any(start <= offset < end for start, end in spans)


def _group_value(match: re.Match[str], tag: str) -> float | None:
    number = match.group(f"num{tag}")
    if match.group(f"cur{tag}") and re.search(r"\d\s*m$", number, re.I):
        return parse_number(number)  # "$5m" is five million
    if re.search(r"\dm$", number, re.I):
        return None  # "5m" without a currency is metres: handled as a unit
    return parse_number(number)


def _single_candidate(text: str, match: re.Match[str]) -> _Candidate | None:
    lex = _lexicon()
    mod = (match.group("mod") or "").lower()
    mod = re.sub(r"\s+", " ", mod)
    if mod == "over" and _word_before(text, match.start("mod")) in lex.particle_verbs:
        mod = ""  # "handed over six howitzers": the verb's particle, six were handed
    if mod == "over" and _COUNTED_BEFORE.search(text, max(0, match.start("mod") - 60), match.start("mod")):
        return None  # "shot down 58 drones over eight regions": where they were, not more than eight
    start = match.start("mod") if mod else match.start("mach") if match.group("mach") else (
        match.start("cur1") if match.group("cur1") else match.start("num1")
    )
    end = match.end("unit1") if match.group("unit1") else match.end("num1")
    quantity = Quantity(text=text[start:end], start=start, end=end)
    dimension = None
    if match.group("vague1"):
        phrase = re.sub(r"\s+", " ", match.group("vague1").lower())
        quantity.low = _vague_low(phrase)
        quantity.approx = True
        if mod in lex.modifiers and lex.modifiers[mod] == "upper":
            quantity.low, quantity.high = None, quantity.low
    else:
        if match.group("frac1"):
            phrase = re.sub(r"[\s]+", " ", match.group("frac1").lower())
            value = lex.fractions.get(phrase)
            quantity.unit, dimension = "%", "share"
        else:
            value = _group_value(match, "1")
            if value is None and re.search(r"\dm$", match.group("num1"), re.I):
                value = parse_number(match.group("num1")[:-1])
                quantity.unit, dimension = "m", "length"
        if value is None:
            return None
        _apply_modifier(quantity, value, lex.modifiers.get(mod))
    unit, unit_dimension = (None, None) if match.group("frac1") else _unit_of(text, match, "1", quantity)
    if unit is not None:
        quantity.unit, dimension = unit, unit_dimension
    if match.group("mach"):
        quantity.unit, dimension = "mach", "speed"
    return _Candidate(quantity, dimension)


def _vague_low(phrase: str) -> float | None:
    lex = _lexicon()
    if phrase in lex.vague:
        return lex.vague[phrase]
    for word, factor in lex.vague_multipliers.items():
        if phrase.startswith(word + " "):
            rest = phrase[len(word) + 1 :]
            scale = 12 if rest == "dozen" else lex.scales.get(rest)
            return factor * scale if scale else None
    return None


def _word_before(text: str, position: int) -> str:
    words = text[:position].split()
    return words[-1].lower() if words else ""


def _apply_modifier(quantity: Quantity, value: float, kind: str | None) -> None:
    if kind == "lower":
        quantity.low = value
    elif kind == "upper":
        quantity.high = value
    elif kind == "near_below":
        quantity.value, quantity.high, quantity.approx = value, value, True
    elif kind == "near_above":
        quantity.value, quantity.low, quantity.approx = value, value, True
    else:
        quantity.value = value
        quantity.approx = kind == "approx"


def _range_candidate(text: str, match: re.Match[str]) -> _Candidate | None:
    conn = match.group("conn").lower()
    opener = (match.group("range") or "").lower()
    if conn == "and" and opener != "between":
        return None  # "8 and 20" without "between" is two numbers
    if conn == "to" and opener == "between":
        return None
    if match.group("vague1") or match.group("frac1"):
        return None
    low, high = _group_value(match, "1"), _group_value(match, "2")
    if low is None or high is None:
        return None
    scale2 = match.group("scale2")
    if scale2 and not match.group("scale1") and low < high:
        # "between 1 and 2 million": the scale written once applies to both ends
        multiplier = parse_number("1" + scale2.strip().lower()) or 1
        if low * multiplier < high:
            low = _tidy(low * multiplier)
    if not low < high:
        return None
    start = match.start("range") if opener else (
        match.start("mod") if match.group("mod") else (
            match.start("cur1") if match.group("cur1") else match.start("num1")
        )
    )
    end = match.end("unit2") if match.group("unit2") else match.end("num2")
    quantity = Quantity(text=text[start:end], low=low, high=high, start=start, end=end)
    mods = {(_lexicon().modifiers.get((match.group(g) or "").lower())) for g in ("mod", "mod2")}
    quantity.approx = "approx" in mods
    unit, dimension = _unit_of(text, match, "2", quantity)
    if unit is None:
        unit, dimension = _unit_of(text, match, "1", quantity, look_after=False)
    quantity.unit = unit
    return _Candidate(quantity, dimension)


def _unit_of(text, match, tag, quantity, look_after=True) -> tuple[str | None, str | None]:
    """The unit from a measure, a currency, or the counted noun after the number."""
    lex = _lexicon()
    measure = match.group(f"unit{tag}")
    if measure:
        surface = re.sub(r"\s+", " ", measure.lower())
        unit, dimension = lex.measures[surface]
        if surface in ("pound", "pounds") and match.group(f"cur{tag}"):
            return lex.currency_prefixes[_prefix_key(match.group(f"cur{tag}"))], "money"
        if surface == "pounds" and match.group(f"scale{tag}"):
            return lex.currency_words["sterling"], "money"  # "2.5 billion pounds of aid": sterling, not weight
        return unit, dimension
    if match.group(f"cur{tag}"):
        return lex.currency_prefixes[_prefix_key(match.group(f"cur{tag}"))], "money"
    if not look_after:
        return None, None
    return _unit_after(text, quantity.end, quantity)


def _prefix_key(prefix: str) -> str:
    return re.sub(r"\s+", " ", prefix.strip()).upper()


def _unit_after(text: str, end: int, quantity: Quantity) -> tuple[str | None, str | None]:
    """Counted noun or currency word after a number: skip up to three modifiers."""
    lex = _lexicon()
    position = end
    of = _OF_DET.match(text, position)  # "dozens of (the) drones"
    if of:
        position = of.end()
    for _ in range(4):
        word_match = _WORD_AFTER.match(text, position)
        if word_match is None:
            return None, None
        word = word_match.group(1)
        lower = word.lower().replace("’", "'")
        two = _two_words(text, word_match.end(), lower)
        if two in lex.currency_words:
            return lex.currency_words[two], "money"
        if lower in lex.currency_words and not (lower == "won" and not quantity.text[-1:].isalnum()):
            return lex.currency_words[lower], "money"
        if lower in lex.counted:
            return lex.counted[lower], None
        if word in _demonyms() and _ends_the_phrase(text, word_match.end()):
            return "people", None  # "killed one Palestinian": a person of that nation
        if lower in lex.stop or "'" in lower or not word[0].isalpha():
            return None, None
        if word[0].islower() and _looks_plural(lower):
            return lower, None
        position = word_match.end()  # a modifier: "seven ballistic missiles"
    return None, None


@functools.cache
def _demonyms() -> frozenset[str]:
    """Nations' adjectives, which name a person standing alone ("one Ukrainian")."""
    return frozenset(d for row in gazetteer_rows("countries") for d in row.get("demonyms", ())
                     if d[:1].isupper() and not d.isupper())


def _ends_the_phrase(text: str, position: int) -> bool:
    """No noun follows: "one Ukrainian," or "one Ukrainian was", not "one Ukrainian drone"."""
    following = _WORD_AFTER.match(text, position)
    return following is None or following.group(1).lower() in _lexicon().stop


def _two_words(text: str, position: int, first: str) -> str:
    following = _WORD_AFTER.match(text, position)
    return f"{first} {following.group(1).lower()}" if following else first


def _looks_plural(word: str) -> bool:
    return (
        len(word) >= 4
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "'s"))
        and "-" not in word
    )


# ---------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------


def _keep(text: str, match: re.Match[str], candidate: _Candidate) -> bool:
    """False for what only looks like a quantity: years, designations, ages, calibres."""
    quantity = candidate.quantity
    number = match.group("num1") or ""
    has_mod = bool(match.group("mod"))
    previous = _previous_word(text, quantity.start or 0)
    previous_word = previous.group(1) if previous else ""
    previous_lower = previous_word.lower().rstrip(".")
    if previous_lower in _lexicon().designators or previous_word in ("#", "№"):
        return False
    if previous_lower in _lexicon().period_designators and not _period_determined(text, previous):
        return False  # "on day 750 of the war"
    if _is_designation(text, quantity, previous, number, has_mod):
        return False
    if _is_year(number, quantity, match, candidate):
        return False
    if quantity.unit == "mm" and (quantity.value or 0) <= _MAX_CALIBRE_MM and _WORD_AFTER.match(
        text, quantity.end
    ):
        return False  # "155mm shells": a calibre
    if candidate.dimension == "time" and _AGO.match(text, quantity.end):
        return False  # "two days ago" is a date, resolved by resolve/dates.py
    if match.group("frac1") and not has_mod:
        before = previous_lower
        after_ok = re.match(r"\s+(?:of|the)\b", text[quantity.end :], re.I)
        if before in _FRACTION_BLOCKERS or not after_ok:
            return False
    if number.lower() == "one" and not has_mod and match.group("num2") is None:
        if quantity.unit is None or _OF_DET.match(text, quantity.end) or previous_lower == "no":
            return False
        if candidate.dimension == "time":
            return False  # "may one day spread": an idiom, not a duration
    unit_text = match.group("unit1") or ""
    if len(unit_text) == 1 and unit_text.isupper():
        return False  # "2025 M St.": single-letter units are lowercase ("5 m", "3 t")
    return True


def _period_determined(text: str, period: re.Match[str]) -> bool:
    """"the day 10 people died": the word before the period makes it a time, not a name."""
    before = _previous_word(text, period.start(1))
    return before is not None and before.group(1).lower() in _lexicon().period_determiners


def _previous_word(text: str, start: int) -> re.Match[str] | None:
    # a short window: searching the whole prefix for a match anchored at its end is slow
    return _PREVIOUS_WORD.search(text, max(0, start - 40), start)


def _is_designation(text, quantity, previous, number, has_mod) -> bool:
    """"Boeing 767", "Resolution 2231": a capitalised name right before a bare integer."""
    if has_mod or previous is None or not re.fullmatch(r"\d+", number):
        return False
    word = previous.group(1)
    if not word[0].isupper() or word.lower().rstrip(".") in _WEEKDAYS_MONTHS:
        return False
    if word.endswith(("'s", "’s")) or word.lower() in _lexicon().modifiers:
        return False
    counted_before = re.search(r"([\w,]+)\s+$", text[max(0, previous.start() - 20) : previous.start()])
    if counted_before and (counted_before.group(1)[0].isdigit() or counted_before.group(1).lower() in _lexicon().units):
        return True  # "18 Leopard 2 tanks", "two Patriot 3 batteries": counted already, the number names the model
    if quantity.unit is not None and quantity.unit in _lexicon().counted.values():
        return False
    before = text[max(0, previous.start() - 5) : previous.start()].rstrip()
    if previous.start() > 5 and not before:
        before = " "

    sentence_start = not before or before[-1] in ".!?\"“”:;\n("
    return not sentence_start


def _is_year(number: str, quantity: Quantity, match, candidate: _Candidate) -> bool:
    if not re.fullmatch(r"\d{4}", number) or match.group("cur1"):
        return False
    if not _YEAR_RANGE[0] <= int(number) <= _YEAR_RANGE[1]:
        return False
    if candidate.dimension is not None:
        return False  # "1800 km"
    return quantity.unit not in _lexicon().counted.values()


def _is_conversion(text: str, previous: _Candidate, candidate: _Candidate) -> bool:
    """"900 km (560 miles)", "$40 billion (£20 billion)": the same quantity again."""
    if previous.dimension is None or previous.dimension != candidate.dimension:
        return False
    start = candidate.quantity.start or 0
    gap = text[previous.quantity.end : start]
    return len(gap) <= 6 and bool(_CONVERSION_GAP.fullmatch(gap))

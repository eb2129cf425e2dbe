"""A learned reader for scraped plain text: which lines are the article, which is its headline.

Two small gradient-boosted tree ensembles, trained by ``scripts/train_line_model.py`` on
the development pages (scikit-learn, an optional extra) and shipped as JSON in
``data/boilerplate/line_model.json``; here they are applied with numpy alone.

- the *body* model scores every unit (line, or hard-wrapped paragraph) from what a
  reader sees: its position, length, punctuation and case, link-list and menu shape,
  repetition across the page, its distance from the densest run of prose, its
  neighbours, the phrase lexicons and the rule classifier's verdict (all as features);
- the *title* model ranks the headline-sized units around the body start: the headline
  is the one a reader would call the title (right above the byline and date over the
  body, repeated elsewhere on the page: a document title line, a breadcrumb's end, a
  share text; spelled by the page's address when there is one), never a navigation line
  (``is_navigation``: menus and breadcrumbs are no candidates).

    >>> from claimgraph.clean.text import classify_lines
    >>> units = classify_lines("Home\\nNews\\nThe army said two drones were shot down over the port.")
    >>> body_features(units).shape[0]
    3
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import numpy as np

from claimgraph import datafiles
from claimgraph.clean.meta import DATE_TOKEN_RE
from claimgraph.clean.text import (
    PERIOD_END_RE,
    SENTENCE_END_RE,
    Unit,
    FOREIGN_SCRIPT_SHARE,
    code_share,
    latin_share,
    is_navigation,
    load_lexicon,
    normalise_phrase,
    title_case_share,
)

__all__ = ["ADDRESS_FEATURES", "BODY_FEATURES", "SECOND_FEATURES", "TITLE_FEATURES", "headline_features", "body_probability", "window_mean", "TreeEnsemble", "body_anchor", "body_features", "load_models",
           "prose_run", "title_candidates", "title_features"]

MODEL_FILE = "line_model.json"
RULE_LABELS = ("title", "byline", "dateline", "body", "heading", "boilerplate")
# A unit of this many words ending a sentence is prose for the densest-run search.
PROSE_MIN_WORDS = 8
# What a non-prose unit costs the densest run, in words of prose: a menu of 30 links
# between two paragraphs ends the run, a caption or a sub-heading does not.
RUN_GAP_COST = 6
MENU_MAX_WORDS = 5
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
# The headline is looked for among this many units above the first body unit.
TITLE_WINDOW = 40
TITLE_BELOW = 20

INNER_SENTENCE_RE = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘(]?[A-Z]")
SEPARATOR_RE = re.compile(r"\s[|•·»/]\s|\s\|\s?|\s-\s")
BULLET_RE = re.compile(r"^(?:[o*•·▪►›»\-–]\s|\d{1,2}[.)]\s)")
# An address is one non-space before "@" and a dot before the next "@" or space: "\S+@\S+"
# tried every position of a 100,000-character line without spaces (seconds per line).
LINKISH_RE = re.compile(r"https?://|www\.|\S@[^\s@]*\.\w|(?:^|\s)[@#]\w")
WORD_RE = re.compile(r"\w+")
# Three spaces inside a line: the columns of a rendered table (a score sheet, a standings list).
COLUMN_GAP_RE = re.compile(r"\S {3,}(?=\S)")
# Two texts glued without a space ("Student-AthleteA 24-year-old woman"): a teaser list.
GLUE_RE = re.compile(r"[a-z]{2}[A-Z][a-z]|[a-z][.?!\u2019\u201d][A-Z]")
# "Alex on September 17, 2018 at 6:34 am said:", "Jane Doe says:", "Reply": comment furniture.
COMMENT_HEAD_RE = re.compile(r"\b(?:said|says|wrote|writes|commented)\s*:\s*$|^(?:reply|report|like)$", re.I)

INTRINSIC = [
    "log_words", "log_chars", "mean_word_len", "ends_sentence", "ends_period", "ends_colon",
    "ends_comma", "no_terminal", "inner_sentences", "title_case", "upper_share", "digit_share",
    "punct_share", "code_share", "separators", "bullet", "linkish", "quote_start", "glued",
    "comment_head",
    "lex_exact", "lex_prefix", "lex_contains", "lex_caption", "lex_list_head", "lex_any",
    "prose", "titleish", *(f"rule_{label}" for label in RULE_LABELS),
]
CONTEXT = [
    "rel_pos", "log_before", "log_after", "rel_chars_before", "repeats", "inside_longer",
    "has_inside", "in_run", "log_to_run", "after_run", "before_run", "run_share",
    "prose_near3", "prose_near10", "menu_run", "block_size", "block_first", "block_last",
    "same_len_run", "comment_heads_before", "lexicon_before", "lexicon_after", "shape_repeats",
    "shape_repeats_before", "log_prev_prose", "log_next_prose",
]
NEIGHBOUR = [f"n{o}_{k}" for o in NEIGHBOUR_OFFSETS
             for k in ("log_words", "ends_sentence", "lex_any", "rule_body", "missing")]
BODY_FEATURES = INTRINSIC + CONTEXT + NEIGHBOUR
# Title features also given relative to the best candidate of the page: the headline is
# the candidate that repeats the body most, not any line that repeats it a little.
RELATIVE_TITLE = ("log_words", "title_case", "lead_overlap", "body_overlap", "p_body", "p_body_next", "inside_longer",
                  "repeats", "slug_recall", "echo_edge", "meta_below")
TITLE_FEATURES = [
    "log_words", "ends_period", "ends_sentence", "title_case", "lex_any", "separators", "linkish",
    "rule_title", "rule_boilerplate", "repeats", "inside_longer", "has_inside", "offset_to_body",
    "rank_above_body", "p_body", "p_body_next", "p_body_prev", "meta_near", "rel_pos", "menu_run",
    "log_to_run", "url_overlap", "lead_overlap", "glued", "upper_share",
    "body_overlap", "lex_caption", "inner_sentences", "titleish", "truncated", "prev_menu", "prev_lex",
    "meta_after", "meta_before", "twin_candidate", "first_after_menu", "digit_share", "date_share", "columns",
    "prev_words", "next_words", "next_sentence", "prev_titleish", "next_titleish",
    "has_slug", "slug_precision", "slug_recall", "echo_exact", "echo_edge", "list_run", "meta_below",
    *(f"vs_best_{k}" for k in RELATIVE_TITLE),
]

# What the page's address adds: all zero when it has none (a pasted page).
ADDRESS_FEATURES = ("has_slug", "slug_precision", "slug_recall", "vs_best_slug_recall")

# --- body features ------------------------------------------------------------------


def _ascii_outside(member) -> bytes:
    """The ASCII bytes not in a character class, for ``bytes.translate(None, delete)``."""
    return bytes(code for code in range(128) if not member(chr(code)))


NOT_LETTER = _ascii_outside(str.isalpha)
NOT_UPPER_LETTER = _ascii_outside(lambda ch: ch.isalpha() and ch.isupper())
NOT_DIGIT = _ascii_outside(str.isdigit)
NOT_SYMBOL = _ascii_outside(lambda ch: not ch.isalnum() and not ch.isspace())


def char_counts(text: str) -> tuple[int, int, int, int]:
    """Letters, upper-case letters, digits and symbols (neither alphanumeric nor space) of
    ``text``. Most lines are ASCII: counted by deleting the other bytes in C, where a loop
    over the characters was a fifth of the line model's time.

    >>> char_counts("UN: 3 dead"), char_counts("Kyiv — 2 é")
    ((6, 2, 1, 1), (5, 1, 1, 1))
    """
    if text.isascii():
        data = text.encode("ascii")
        return tuple(len(data.translate(None, outside))  # type: ignore[return-value]
                     for outside in (NOT_LETTER, NOT_UPPER_LETTER, NOT_DIGIT, NOT_SYMBOL))
    letters = [ch for ch in text if ch.isalpha()]
    return (len(letters), sum(ch.isupper() for ch in letters), sum(ch.isdigit() for ch in text),
            sum(not ch.isalnum() and not ch.isspace() for ch in text))


def intrinsic_row(unit: Unit, lexicon) -> list[float]:
    """What one unit shows by itself."""
    text = unit.text
    words = text.split()
    letters, upper, digits, symbols = char_counts(text)
    hits = lexicon.hits(text)
    stripped = text.rstrip()
    return [
        math.log1p(len(words)), math.log1p(len(text)),
        sum(len(w) for w in words) / max(1, len(words)),
        float(bool(SENTENCE_END_RE.search(text))), float(bool(PERIOD_END_RE.search(text))),
        float(stripped.endswith(":")), float(stripped.endswith((",", ";", "-", "–"))),
        float(stripped[-1:].isalnum()), float(len(INNER_SENTENCE_RE.findall(text))),
        title_case_share(words),
        upper / max(1, letters), digits / max(1, len(text)), symbols / max(1, len(text)),
        code_share(text), float(len(SEPARATOR_RE.findall(text))), float(bool(BULLET_RE.match(text))),
        float(bool(LINKISH_RE.search(text))), float(text[:1] in "\"“‘'«"),
        float(len(GLUE_RE.findall(text))), float(bool(COMMENT_HEAD_RE.search(text.strip()))),
        *map(float, hits), float(any(hits)),
        float(unit.prose), float(unit.titleish),
        *(float(unit.label == label) for label in RULE_LABELS),
    ]


def is_prose(unit: Unit) -> bool:
    return unit.words >= PROSE_MIN_WORDS and bool(SENTENCE_END_RE.search(unit.text))


def prose_run(units: list[Unit]) -> tuple[int, int]:
    """(first, last) unit of the densest run of prose: the maximum-sum stretch where a
    prose unit adds its words and any other unit costs ``RUN_GAP_COST``.

    >>> from claimgraph.clean.text import Unit
    >>> rows = ["Home", "News", "One two three four five six seven eight nine.", "Share",
    ...         "Ten eleven twelve thirteen fourteen fifteen sixteen seventeen.", "Menu", "About", "Jobs"]
    >>> prose_run([Unit(text=t, line_no=i, block=i, words=len(t.split())) for i, t in enumerate(rows)])
    (2, 4)
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, unit in enumerate(units):
        gain = unit.words if is_prose(unit) else -RUN_GAP_COST
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def repetition(units: list[Unit]) -> tuple[list[int], list[bool], list[bool]]:
    """Per unit: how often its text recurs, whether a longer unit contains it (a headline
    the page title repeats as "Headline | Site"), and whether it contains a shorter one."""
    norms = [normalise_phrase(u.text) for u in units]
    counts = Counter(norms)
    shorts = [n for n in counts if 3 <= len(n.split()) <= 30]
    longs = [n for n in counts if len(n.split()) <= 40]
    found_inside, found_containing = contained_phrases(shorts, longs)
    inside = [n in found_inside for n in norms]
    contains = [n in found_containing and len(n.split()) <= 40 for n in norms]
    return [counts[n] - 1 for n in norms], inside, contains


# Substring tests one phrase against one line may make per page: a real page needs far fewer;
# 10,000 distinct lines that share every word would otherwise need 10^8 of them.
MAX_CONTAINMENT_TESTS = 2_000_000


def contained_phrases(shorts: list[str], longs: list[str]) -> tuple[set[str], set[str]]:
    """(the shorts some longer line contains, the longs containing some short): distinct,
    single-spaced phrases of at least three words.

    A short inside a longer line has its inner words as whole words of that line, so only
    the lines holding its rarest inner word are tried (every pair was tried before: 10,000
    repeated lines took a minute).

    >>> sorted(map(sorted, contained_phrases(["the army said"], ["so the army said no", "army"])))
    [['so the army said no'], ['the army said']]
    """
    holding: dict[str, list[str]] = {}
    for other in longs:
        for word in set(other.split()):
            holding.setdefault(word, []).append(other)
    inside: set[str] = set()
    containing: set[str] = set()
    budget = MAX_CONTAINMENT_TESTS
    for n in shorts:
        candidates = min((holding.get(w, []) for w in n.split()[1:-1]), key=len)
        budget -= len(candidates)
        if budget < 0:
            break
        for other in candidates:
            if len(other) > len(n) + 2 and n in other:
                inside.add(n)
                containing.add(other)
    return inside, containing


DIGITS_RE = re.compile(r"\d+")


def shape_repeats(units: list[Unit]) -> list[int]:
    """How many other short units share this one's shape, digits aside ("Rating: 25 Votes",
    "Rating: 9 Votes"): the repeated furniture of comment threads and listings."""
    shapes = [DIGITS_RE.sub("#", normalise_phrase(u.text)) if u.words <= 8 else None for u in units]
    counts = Counter(s for s in shapes if s)
    return [counts[s] - 1 if s else 0 for s in shapes]


def prose_gaps(units: list[Unit]) -> tuple[list[int], list[int]]:
    """Units since the previous prose unit and until the next one (the page length if none)."""
    n = len(units)
    prev, nxt = [n] * n, [n] * n
    last = None
    for i, unit in enumerate(units):
        prev[i] = i - last if last is not None else n
        if is_prose(unit):
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        nxt[i] = last - i if last is not None else n
        if is_prose(units[i]):
            last = i
    return prev, nxt


def run_lengths(flags: list[bool]) -> list[int]:
    """Length of the run of True values each position sits in (0 where False)."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = j
    return out


def context_rows(units: list[Unit], own: np.ndarray) -> list[list[float]]:
    """Where each unit sits: position, repetition, the prose run, the menu it is in, its block."""
    n = len(units)
    lengths = [len(u.text) + 1 for u in units]
    total_chars = max(1, sum(lengths))
    before_chars = np.cumsum([0] + lengths[:-1])
    repeats, inside, contains = repetition(units)
    first, last = prose_run(units)
    run_words = sum(u.words for u in units[first:last + 1] if is_prose(u))
    all_prose = max(1, sum(u.words for u in units if is_prose(u)))
    prose_words = np.array([u.words if is_prose(u) else 0 for u in units], dtype=float)
    peak = max(1.0, prose_words.max())
    near3, near10 = window_mean(prose_words, 3) / peak, window_mean(prose_words, 10) / peak
    menu = run_lengths([u.words <= MENU_MAX_WORDS and not SENTENCE_END_RE.search(u.text) for u in units])
    blocks = Counter(u.block for u in units)
    length_bucket = [min(6, u.words // 3) for u in units]
    same_len = run_lengths([i > 0 and length_bucket[i] == length_bucket[i - 1] or
                            i + 1 < n and length_bucket[i] == length_bucket[i + 1] for i in range(n)])
    comments = np.cumsum(own[:, INTRINSIC.index("comment_head")]) - own[:, INTRINSIC.index("comment_head")]
    lexicon_hits = own[:, INTRINSIC.index("lex_any")]
    lexicon_before = np.cumsum(lexicon_hits) - lexicon_hits
    lexicon_after = lexicon_hits.sum() - np.cumsum(lexicon_hits)
    shapes = shape_repeats(units)
    shaped = np.array([float(k > 0) for k in shapes])
    shaped_before = np.cumsum(shaped) - shaped
    prev_prose, next_prose = prose_gaps(units)
    rows = []
    for i, unit in enumerate(units):
        distance = first - i if i < first else i - last if i > last else 0
        rows.append([
            i / max(1, n - 1), math.log1p(i), math.log1p(n - 1 - i), before_chars[i] / total_chars,
            math.log1p(repeats[i]), float(inside[i]), float(contains[i]),
            float(first <= i <= last), math.log1p(distance), float(i > last), float(i < first),
            run_words / all_prose, near3[i], near10[i], math.log1p(menu[i]), math.log1p(blocks[unit.block]),
            float(i == 0 or units[i - 1].block != unit.block),
            float(i == n - 1 or units[i + 1].block != unit.block), math.log1p(same_len[i]),
            math.log1p(comments[i]), math.log1p(lexicon_before[i]), math.log1p(lexicon_after[i]),
            math.log1p(shapes[i]), math.log1p(shaped_before[i]), math.log1p(prev_prose[i]),
            math.log1p(next_prose[i]),
        ])
    return rows


NEIGHBOUR_COLUMNS = [INTRINSIC.index(k) for k in ("log_words", "ends_sentence", "lex_any", "rule_body")]


def body_features(units: list[Unit]) -> np.ndarray:
    """One row of ``BODY_FEATURES`` per unit (units labelled by ``classify_lines``)."""
    if not units:
        return np.zeros((0, len(BODY_FEATURES)))
    lexicon = load_lexicon()
    own = np.array([intrinsic_row(u, lexicon) for u in units], dtype=float)
    context = np.array(context_rows(units, own), dtype=float)
    n = len(units)
    parts = [own, context]
    for offset in NEIGHBOUR_OFFSETS:
        shifted = np.zeros((n, len(NEIGHBOUR_COLUMNS) + 1))
        source = np.arange(n) + offset
        valid = (source >= 0) & (source < n)
        shifted[valid, :-1] = own[source[valid]][:, NEIGHBOUR_COLUMNS]
        shifted[~valid, -1] = 1.0
        parts.append(shifted)
    return np.hstack(parts)


def window_mean(values: np.ndarray, half: int) -> np.ndarray:
    """Mean of ``values`` over each position's window of ``half`` on either side (cut at the ends).

    >>> window_mean(np.array([1.0, 0.0, 0.0, 1.0]), 1).tolist()
    [0.5, 0.3333333333333333, 0.3333333333333333, 0.5]
    """
    sums = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(len(values))
    low, high = np.maximum(0, index - half), np.minimum(len(values), index + half + 1)
    return (sums[high] - sums[low]) / (high - low)


def body_probability(models: dict, units: list[Unit], body: np.ndarray) -> np.ndarray:
    """P(body) of each unit under the shipped body model."""
    return models["body"].probability(body) if len(body) else np.zeros(0)


# The second reading knows where the headline is: the article starts under it.
BELOW_HEADLINE = ["headline_found", "above_headline", "signed_log_from_headline"]
SECOND_FEATURES = BODY_FEATURES + BELOW_HEADLINE


def headline_features(body: np.ndarray, headline: int | None) -> np.ndarray:
    """``SECOND_FEATURES`` rows: the body features and each unit's place relative to the
    headline the first reading found (``None``: no headline, all three zero).

    >>> headline_features(np.zeros((3, 0)), 1)[:, 1:].tolist()
    [[1.0, -0.6931471805599453], [0.0, 0.0], [0.0, 0.6931471805599453]]
    """
    n = len(body)
    index = np.arange(n)
    if headline is None:
        extra = np.zeros((n, len(BELOW_HEADLINE)))
    else:
        offset = index - headline
        extra = np.stack([np.ones(n), (offset < 0).astype(float), np.sign(offset) * np.log1p(np.abs(offset))], axis=1)
    return np.hstack([body, extra])


# --- title features -----------------------------------------------------------------


def body_anchor(units: list[Unit], p_body: np.ndarray, threshold: float) -> int:
    """The first unit of the main body: the start of the densest run of units the body
    model keeps (a teaser the model kept far above it does not move the anchor)."""
    best, anchor, total, start = 0.0, len(units), 0.0, 0
    for i, (unit, prob) in enumerate(zip(units, p_body)):
        if total <= 0:
            total, start = 0.0, i
        total += unit.words if prob >= threshold else -RUN_GAP_COST
        if total > best:
            best, anchor = total, start
    return anchor


def title_candidates(units: list[Unit], anchor: int) -> list[int]:
    """Indices of the units a headline may be: from ``TITLE_WINDOW`` units above the body
    anchor to ``TITLE_BELOW`` below it (a page may open its body with a teaser), of 2 to
    30 words, not a byline or a dateline."""
    start, stop = max(0, anchor - TITLE_WINDOW), min(len(units), anchor + TITLE_BELOW + 1)
    return [i for i in range(start, stop)
            if headline_sized(units[i]) and units[i].label not in ("byline", "dateline") and not is_navigation(units[i].text)]


# Scripts written without spaces (Chinese, Japanese) give a headline as one "word" of this many characters.
UNSPACED_MIN_CHARS = 8


def headline_sized(unit: Unit) -> bool:
    """2 to 30 words, or one long run of a script written without spaces."""
    if unit.words == 1:
        return len(unit.text) >= UNSPACED_MIN_CHARS and latin_share(unit.text) < FOREIGN_SCRIPT_SHARE
    return 2 <= unit.words <= 30


def date_share(text: str) -> float:
    """Share of the words of ``text`` that a date line is made of ("November 19, 2019 / 12:21 AM")."""
    words = text.split()
    return sum(bool(DATE_TOKEN_RE.match(w.strip(",.;()[]|/").lower())) for w in words) / max(1, len(words))


def word_set(text: str) -> set[str]:
    return {w for w in WORD_RE.findall(text.casefold()) if len(w) > 2}


# Words of an address path that name the site's machinery, not the story.
URL_NOISE = frozenset("www com org net html htm php aspx asp shtml amp index article articles story stories "
                      "news post posts blog content view detail".split())
# A path of fewer words is an id or a section, not a headline slug.
SLUG_MIN_WORDS = 2
# A line echoing the headline at an edge: "Home > World > Headline", "Headline | Site", "Share: Headline".
EDGE_MARKS = "|>»›:/-–—•·"
# Byline or date lines further below than this say nothing about a candidate.
META_REACH = 6


def slug_words(url: str | None) -> set[str]:
    """The words of a page address's path, when it reads as a headline slug: most sites
    write the headline there ("/2019/11/18/drones-hit-odesa-port/").

    >>> sorted(slug_words("https://example.org/news/2019/11/18/drones-hit-odesa-port-12345.html"))
    ['drones', 'hit', 'odesa', 'port']
    >>> slug_words("https://example.org/article/12345")
    set()
    """
    if not url:
        return set()
    path = urlsplit(url).path.casefold().replace("_", " ")
    words = {w for w in WORD_RE.findall(path) if len(w) > 2 and not w.isdigit() and w not in URL_NOISE}
    return words if len(words) >= SLUG_MIN_WORDS else set()


def slug_share(text: str, slug: set[str]) -> float:
    """Share of the words of ``text`` (short ones too: "About Me" is not "About bugs")
    that the address's slug spells."""
    words = WORD_RE.findall(text.casefold())
    return sum(w in slug for w in words) / max(1, len(words))


def echoes(units: list[Unit], candidates: list[int]) -> dict[int, tuple[int, int]]:
    """Per candidate: how many lines further away repeat it whole (a document title at the
    top, a share text), and how many longer lines end or start with it at a separator (a
    breadcrumb's end, "Headline | Site")."""
    norms = [normalise_phrase(u.text) for u in units]
    out = {}
    for i in candidates:
        own = norms[i]
        exact = edge = 0
        if len(own.split()) >= 3:
            for j, other in enumerate(norms):
                if j == i or len(other) > 4 * len(own) + 40:
                    continue
                if other == own:
                    exact += abs(j - i) > 1
                elif other.endswith(own) and other[:-len(own)].rstrip()[-1:] in EDGE_MARKS:
                    edge += 1
                elif other.startswith(own) and other[len(own):].lstrip()[:1] in EDGE_MARKS:
                    edge += 1
        out[i] = (exact, edge)
    return out


def meta_closeness(units: list[Unit], i: int) -> float:
    """1/offset of the nearest byline or date line below unit ``i`` (0 if none within reach):
    a headline sits right above its byline and date, a teaser list does not."""
    for offset in range(1, META_REACH + 1):
        if i + offset < len(units) and units[i + offset].label in ("byline", "dateline"):
            return 1.0 / offset
    return 0.0


def title_features(units: list[Unit], body: np.ndarray, p_body: np.ndarray, candidates: list[int],
                   anchor: int, url: str | None = None) -> np.ndarray:
    """One row of ``TITLE_FEATURES`` per candidate (``body``: the body feature matrix).

    Besides the candidate's own shape: how many of its words the page's URLs, its own
    address (``url``) and the lead paragraphs repeat (a headline shares words with them,
    a menu line with none), and where else the page repeats it.
    """
    col = {name: BODY_FEATURES.index(name) for name in BODY_FEATURES}
    url_words = set().union(*(word_set(u.text) for u in units if LINKISH_RE.search(u.text) and "/" in u.text))
    lead = set().union(*(word_set(u.text) for u in units[anchor:anchor + 3]))
    kept = set().union(*(word_set(u.text) for u, p in zip(units, p_body) if p >= 0.5))
    rows = []
    for rank, i in enumerate(reversed([c for c in candidates if c <= anchor])):
        rows.append((i, rank))
    ranks = dict(rows)
    norms = {i: normalise_phrase(units[i].text) for i in candidates}
    texts = Counter(norms.values())
    menu_col = col["menu_run"]
    slug = slug_words(url)
    echo = echoes(units, candidates)
    headline_runs = run_lengths([u.titleish for u in units])
    out = []
    for i in candidates:
        words = word_set(units[i].text)
        near = units[max(0, i - 3):i + 4]
        text = units[i].text.rstrip()
        after_menu = i > 0 and body[i - 1, menu_col] > math.log1p(3) and body[i, menu_col] <= math.log1p(1)
        out.append([
            body[i, col["log_words"]], body[i, col["ends_period"]], body[i, col["ends_sentence"]],
            body[i, col["title_case"]], body[i, col["lex_any"]], body[i, col["separators"]],
            body[i, col["linkish"]], body[i, col["rule_title"]], body[i, col["rule_boilerplate"]],
            body[i, col["repeats"]], body[i, col["inside_longer"]], body[i, col["has_inside"]],
            float(i - anchor), math.log1p(ranks.get(i, 99)), p_body[i],
            p_body[i + 1] if i + 1 < len(units) else 0.0, p_body[i - 1] if i > 0 else 0.0,
            float(any(u.label in ("byline", "dateline") for u in near)),
            body[i, col["rel_pos"]], body[i, col["menu_run"]], body[i, col["log_to_run"]],
            len(words & url_words) / max(1, len(words)), len(words & lead) / max(1, len(words)),
            body[i, col["glued"]], body[i, col["upper_share"]],
            len(words & kept) / max(1, len(words)), body[i, col["lex_caption"]], body[i, col["inner_sentences"]],
            body[i, col["titleish"]], float(text.endswith(("…", "...")) or text.endswith("more")),
            body[i - 1, menu_col] if i > 0 else 0.0, body[i - 1, col["lex_any"]] if i > 0 else 0.0,
            float(any(u.label in ("byline", "dateline") for u in units[i + 1:i + 5])),
            float(any(u.label in ("byline", "dateline") for u in units[max(0, i - 3):i])),
            float(texts[norms[i]] > 1), float(after_menu),
            body[i, col["digit_share"]], date_share(text), float(len(COLUMN_GAP_RE.findall(text))),
            body[i, col["n-1_log_words"]], body[i, col["n1_log_words"]], body[i, col["n1_ends_sentence"]],
            float(i > 0 and units[i - 1].titleish), float(i + 1 < len(units) and units[i + 1].titleish),
            float(bool(slug)), slug_share(units[i].text, slug), len(words & slug) / max(1, len(slug)),
            math.log1p(echo[i][0]), math.log1p(echo[i][1]), math.log1p(headline_runs[i]), meta_closeness(units, i),
        ])
    table = np.array(out, dtype=float).reshape(len(out), len(TITLE_FEATURES) - len(RELATIVE_TITLE))
    named = {name: table[:, TITLE_FEATURES.index(name)] for name in RELATIVE_TITLE}
    relative = [named[k] - named[k].max() if len(table) else named[k] for k in RELATIVE_TITLE]
    return np.hstack([table, np.array(relative).T.reshape(len(table), len(RELATIVE_TITLE))])


# --- the shipped models -------------------------------------------------------------


@dataclass(slots=True)
class TreeEnsemble:
    """Gradient-boosted regression trees on the log-odds scale (scikit-learn's layout).

    Each tree is parallel arrays: ``feature`` (-1 at a leaf), ``threshold`` (go left when
    the value is <= it), ``left``, ``right`` and ``value`` (the leaf's contribution). The
    trees are stacked into one padded table so that every row walks every tree at once, a
    level at a time (a page's lines cost a few dozen numpy calls, not thousands).
    """

    features: list[str]
    init: float
    learning_rate: float
    trees: list[dict[str, np.ndarray]]
    threshold: float = 0.5
    table: dict[str, np.ndarray] | None = None
    depth: int = 0

    @classmethod
    def from_json(cls, data: dict) -> TreeEnsemble:
        trees = [{key: np.asarray(tree[key], dtype=float if key in ("threshold", "value") else int)
                  for key in ("feature", "threshold", "left", "right", "value")} for tree in data["trees"]]
        model = cls(list(data["features"]), float(data["init"]), float(data["learning_rate"]), trees,
                    float(data.get("threshold", 0.5)))
        model.table, model.depth = _stack(trees)
        return model

    def probability(self, X: np.ndarray) -> np.ndarray:
        """P(positive) of each row of ``X`` (columns in ``self.features`` order)."""
        if self.table is None:
            self.table, self.depth = _stack(self.trees)
        t = self.table
        n_trees, width = t["feature"].shape
        # flat positions (tree * width + node) and np.take: indexing with two index arrays
        # per step cost twice as much
        base = np.arange(n_trees)[None, :] * width
        node = np.zeros((X.shape[0], n_trees), dtype=int)
        rows = np.arange(X.shape[0])[:, None] * X.shape[1]
        flat_x = np.ascontiguousarray(X).ravel()
        for _ in range(self.depth):
            at = base + node
            feature = t["feature"].take(at)
            value = flat_x.take(rows + np.maximum(feature, 0))
            step = np.where(value <= t["threshold"].take(at), t["left"].take(at), t["right"].take(at))
            node = np.where(feature >= 0, step, node)
        score = self.init + self.learning_rate * t["value"].take(base + node).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-score))


def _stack(trees: list[dict[str, np.ndarray]]) -> tuple[dict[str, np.ndarray], int]:
    """The trees as one table padded to the largest tree (a leaf points at itself), and the
    deepest path."""
    width = max((len(tree["feature"]) for tree in trees), default=1)
    table = {"feature": np.full((len(trees), width), -1, dtype=int),
             "threshold": np.zeros((len(trees), width)), "value": np.zeros((len(trees), width)),
             "left": np.tile(np.arange(width), (len(trees), 1)), "right": np.tile(np.arange(width), (len(trees), 1))}
    depth = 0
    for k, tree in enumerate(trees):
        n = len(tree["feature"])
        inner = tree["feature"] >= 0
        table["feature"][k, :n] = tree["feature"]
        table["threshold"][k, :n] = tree["threshold"]
        table["value"][k, :n] = tree["value"]
        table["left"][k, :n] = np.where(inner, tree["left"], np.arange(n))
        table["right"][k, :n] = np.where(inner, tree["right"], np.arange(n))
        depth = max(depth, _depth(tree))
    return table, depth


def _depth(tree: dict[str, np.ndarray]) -> int:
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, level = stack.pop()
        if tree["feature"][node] < 0:
            deepest = max(deepest, level)
        else:
            stack += [(int(tree["left"][node]), level + 1), (int(tree["right"][node]), level + 1)]
    return deepest


@lru_cache(maxsize=1)
def load_models() -> dict[str, TreeEnsemble] | None:
    """The shipped body and title models, or None when the data file is absent."""
    if not datafiles.path("boilerplate", MODEL_FILE).is_file():
        return None
    data = datafiles.json_file("boilerplate", MODEL_FILE, required={"models"})
    models = {name: TreeEnsemble.from_json(spec) for name, spec in data["models"].items()}
    for name, names in (("body", BODY_FEATURES), ("second", SECOND_FEATURES), ("title", TITLE_FEATURES)):
        if name in models and models[name].features != names:
            return None  # trained on another feature layout: retrain rather than misread columns
    return models

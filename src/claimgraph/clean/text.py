"""Line-level boilerplate classifier for plain text scraped with its page furniture.

Scraped "plain text" keeps whatever the scraper saw: menus, share buttons, photo
captions, comment forms, tag lists, publisher blurbs, glued widget titles. This module
splits the text into *units* (one line, or one hard-wrapped paragraph), labels each unit
and keeps the article body whole.

Labels: ``title``, ``byline``, ``dateline``, ``body``, ``heading`` (a sub-heading between
body paragraphs, kept), ``boilerplate``.

How a unit is judged (cheap features, no per-token NLP):

1. intrinsic: phrase lexicons (``data/boilerplate/*.txt``), caption/credit patterns,
   script (a Hangul caption in an English article), letters at all, byline and dateline
   shapes, then its shape: word count, terminal punctuation, share of Title-Case words;
2. position: the *header zone* runs up to the first anchor paragraph (a sentence-final
   unit of 8+ words); the headline is looked for there, and short non-prose lines there
   are furniture. After the last body paragraph everything but a byline is furniture.
   Title-like lines between body paragraphs are kept as sub-headings.
3. the learned reader (``clean.linemodel``, shipped in ``data/boilerplate/line_model.json``)
   then decides every line again from these labels and what a reader sees around it, and
   picks the headline; bylines and datelines keep their rule labels, and a line the
   lexicons name stays furniture unless the model is sure of it (``apply_line_model``).

Usage::

    >>> ct = clean_text("Skip to content\\nNews\\n\\nMissiles Hit Port City Overnight\\n"
    ...                 "By Jane Doe\\n\\nThree missiles struck the port city overnight, "
    ...                 "the regional governor said on Monday.\\n\\nShare this article")
    >>> ct.title, ct.byline, ct.body
    ('Missiles Hit Port City Overnight', 'Jane Doe', 'Three missiles struck the port city overnight, the regional governor said on Monday.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.datafiles import text_lines
from claimgraph.clean.meta import (
    NAME_SPLIT_RE,
    join_names,
    parse_byline,
    parse_dateline,
    parse_named_role,
    parse_names,
)

# Tuned on the five seed pages and invented fixtures: a real paragraph that opens an
# article has at least this many words and ends a sentence; nav labels, captions and
# headlines rarely do both.
ANCHOR_MIN_WORDS = 8
# A headline: 4-25 words (shorter are section labels, longer are paragraphs).
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 4, 25
# Prefer a headline of at least this many words over an earlier short candidate
# (short title-like lines first in a page are usually site or section names).
TITLE_PREFERRED_WORDS = 6
# A line with no sentence end but this many words is a paragraph that lost its period.
LONG_UNIT_WORDS = 15
# A unit this long is several paragraphs run together (a whole article scraped onto one
# line): a furniture phrase in it condemns only its own sentence, not the article.
WHOLE_ARTICLE_WORDS = 80
# Sentence ends inside a unit; an initial ("J. Smith") or "U.S." followed by a capital is cut
# too, which only makes a furniture test look at a shorter piece.
SENTENCE_SPLIT_RE = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’')\]]))\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Above this share of code characters ({}();= ...) a line is script or markup: prose
# has under 2 % (parentheses and an odd slash), minified JavaScript over 15 %.
CODE_SHARE = 0.08
# Non-Latin letters above this share make a line "in another script".
FOREIGN_SCRIPT_SHARE = 0.5

SMALL_WORDS = frozenset(
    "a an the of in on at for to and or but nor by with from as vs via into over after "
    "before about against between under amid is are was were be its it his her their".split()
)
# Words a line cannot end on unless the sentence goes on (lower case only: "The Day
# Of The Jackal" may well end a title-case headline on "Of").
DANGLING_WORDS = frozenset("the a an of to for and or with its their his her in on at by from into that".split())
# The full stops of Chinese and Japanese (。！？) end sentences as ". ! ?" do.
TERMINAL_RE = re.compile(r"[.!?…:;。！？：；][\"”’'»)\]*」』）]*\s*$")
SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"”’'»)\]」』）]*\s*$")
PERIOD_END_RE = re.compile(r"[.…。][\"”’'»)\]」』）]*\s*$")
# Han, kana: scripts written without spaces between words.
UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters of an unspaced script that make about one word of English (a Japanese or
# Chinese word is one to three characters).
UNSPACED_CHARS_PER_WORD = 2


@dataclass(slots=True)
class Unit:
    """One logical line: a physical line, or a hard-wrapped paragraph (newlines kept)."""

    text: str
    line_no: int  # 0-based index of its first physical line in the input
    block: int  # index of the blank-line separated block it came from
    label: str = ""
    reason: str = ""
    words: int = 0
    prose: bool = False  # reads like running text
    titleish: bool = False  # shaped like a headline
    meta: str | None = None  # parsed byline names or ISO date


@dataclass(slots=True)
class CleanText:
    """What the classifier keeps: body paragraphs and the metadata lines it recognised."""

    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # YYYY-MM-DD from a dateline, never guessed
    units: list[Unit] = field(default_factory=list)
    headed_by_title: bool = False  # the text opens with a line repeating the title it was given

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_text(text: str, *, known_title: str | None = None, models=None, url: str | None = None) -> CleanText:
    """Split scraped plain text into body paragraphs, title, byline and dateline.

    :param text: the decoded text, boilerplate and all.
    :param known_title: a title the source already supplied; lines repeating it are
        dropped from the body and no other headline is looked for.
    :param models: the line models (default: the shipped ones, ``clean.linemodel``);
        ``{}`` reads with the rules alone.
    :param url: the page's address, if known: its path often spells the headline.

    >>> clean_text("Leave a Reply\\nThe army said two drones were shot down.").body
    'The army said two drones were shot down.'
    """
    from claimgraph.clean.linemodel import load_models

    units = classify_lines(text, known_title=known_title)
    read_with_model(units, load_models() if models is None else models, known_title, url=url)
    return collect(units, known_title)


def read_with_model(units: list[Unit], models, known_title: str | None = None, features=None,
                    url: str | None = None) -> None:
    """Let the line model relabel the rule-labelled units (nothing without a model), then
    take the comment threads below the article (``clean.threads``) and glued teaser lists
    (``clean.teasers``) out, and keep the lists its paragraphs announce (``clean.lists``)."""
    from claimgraph.clean.lists import keep_announced_lists
    from claimgraph.clean.teasers import drop_glued_teasers
    from claimgraph.clean.threads import drop_comment_threads

    if not models or not units:
        return
    title = apply_line_model(units, models, features=features, url=url, known_title=known_title)
    drop_comment_threads(units)
    drop_glued_teasers(units)
    keep_announced_lists(units)
    keep_wire_lede(units)
    if known_title:
        known = normalise_phrase(known_title).strip(_EDGE_PUNCT)
        for unit in units:
            own = normalise_phrase(unit.text).strip(_EDGE_PUNCT)
            if own == known:
                mark(unit, "title", "given title")
            elif unit.label == "title":
                # the source named its title: a paragraph the title model took for one (and that
                # is no version of that title) is the article's
                kind = "body" if is_paragraph(unit) and known not in own and own not in known else "boilerplate"
                mark(unit, kind, "given title")
    elif title is None:
        pass  # the model kept nothing: the rule labels, title included, stand
    keep_lede_under_headline(units)


def is_paragraph(unit: Unit) -> bool:
    """A unit of sentences long enough to open an article (``ANCHOR_MIN_WORDS``)."""
    return unit.words >= ANCHOR_MIN_WORDS and bool(SENTENCE_END_RE.search(unit.text))


def keep_wire_lede(units: list[Unit]) -> None:
    """A paragraph that opens with a wire dateline ("ROME, May 2 - The prime minister ...",
    "KYIV (Reuters) - ...") right above the kept body is the article's first paragraph,
    whatever the model made of it: wire copy, hard-wrapped and without a headline line,
    is the kind of page the model saw least."""
    from claimgraph.clean import WIRE_DATELINE_RE

    for i, unit in enumerate(units):
        if unit.label in ("body", "heading"):
            return  # only a lede above the first kept paragraph
        match = WIRE_DATELINE_RE.match(unit.text)
        if (match and (match.group("date") or match.group("agency")) and is_paragraph(unit)
                and i + 1 < len(units) and units[i + 1].label == "body"):
            mark(unit, "body", "wire dateline lede")
            return


def keep_lede_under_headline(units: list[Unit]) -> None:
    """A paragraph of sentences right under the headline (past a byline or dateline) and
    right above the kept body is the article's first paragraph, whatever the model made of
    it: wire copy opens "Foote Mineral Co said it has signed ..." under its headline, and the
    model, which saw furniture there on most pages, scored such ledes .01 to .3."""
    title = next((i for i, unit in enumerate(units) if unit.label == "title"), None)
    if title is None:
        return
    below = [i for i in range(title + 1, len(units)) if units[i].label not in META_LABELS]
    if len(below) < 2:
        return
    lede, after = units[below[0]], units[below[1]]
    if lede.label == "boilerplate" and is_paragraph(lede) and PERIOD_END_RE.search(lede.text) and not lede.titleish \
            and after.label == "body" and not lede.reason.startswith(FURNITURE_REASONS):
        mark(lede, "body", f"lede under the headline; {lede.reason}")


def collect(units: list[Unit], known_title: str | None = None) -> CleanText:
    """The CleanText of labelled units: body paragraphs in order, the first title and metadata."""
    result = CleanText(paragraphs=[], units=units)
    for unit in units:
        if unit.label in ("body", "heading"):
            result.paragraphs.append(unit.text)
        elif unit.label == "title" and result.title is None:
            result.title = unit.text
    start = next((i for i, u in enumerate(units) if u.label in ("title", "body")), 0)
    result.byline = nearest_meta(units, "byline", start)
    result.published = nearest_meta(units, "dateline", start)
    if known_title:
        result.title = known_title
        result.headed_by_title = opens_with_title(units, known_title)
    return result


def opens_with_title(units: list[Unit], known_title: str) -> bool:
    """Whether the article's own headline, above its first body paragraph, is the title the
    source supplied beside it (a file and its meta.json, a JSON Lines record)."""
    known = normalise_phrase(known_title).strip(_EDGE_PUNCT)
    for unit in units:
        if unit.label in ("body", "heading"):
            return False
        if unit.label == "title" and normalise_phrase(unit.text).strip(_EDGE_PUNCT) == known:
            return True
    return False


def classify_lines(text: str, *, known_title: str | None = None) -> list[Unit]:
    """Label every unit of ``text`` (see the module docstring for the rules).

    >>> [u.label for u in classify_lines("Share it on\\nTroops crossed the river at dawn, officers said.")]
    ['boilerplate', 'body']
    """
    lexicon = load_lexicon()
    units = split_units(normalise_text(text))
    latin_doc = latin_share("".join(u.text for u in units)) >= FOREIGN_SCRIPT_SHARE
    for unit in units:
        judge_unit(unit, lexicon, latin_doc)
    label_by_position(units, known_title)
    return units


def nearest_meta(units: list[Unit], label: str, start: int) -> str | None:
    """The metadata of the ``label`` unit nearest the article's start (the headline or
    first body line), lines above it first: a "By ..." in a comment thread further down,
    or a date in a sidebar far above, is another story's."""
    found = [(abs(i - start) + (0 if i <= start + 3 else 2), i) for i, u in enumerate(units)
             if u.label == label and u.meta]
    return units[min(found)[1]].meta if found else None


# --- text and units ---------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def normalise_text(text: str) -> str:
    """Unify newlines, turn no-break spaces into spaces, drop zero-width characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2028", "\n")


def split_units(text: str) -> list[Unit]:
    """Cut text into units: lines, or whole paragraphs when the text is hard-wrapped.

    Hard-wrapped text (fixed-width lines, like old wire copy) must not be judged line
    by line: its lines are fragments of sentences.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    filled = [ln for ln in lines if ln.strip()]
    opening = sum(1 for ln in filled if INDENT_RE.match(ln))
    # wire copy indents the line a paragraph opens with; a page that indents (nearly) every
    # line has a margin, which says nothing of where paragraphs begin
    margin = opening >= max(2, MARGIN_SHARE * len(filled))
    indented = 2 <= opening and not margin
    if margin:  # the width the lines inside the margin are wrapped at (a lede above it may run longer)
        wrap_width = detect_wrap_width([ln for ln in filled if INDENT_RE.match(ln)], False, MARGIN_WRAP_WIDTH)
    else:
        wrap_width = detect_wrap_width(lines, indented)
    units: list[Unit] = []
    block, previous = 0, ""
    for number, line in enumerate(lines):
        if not line.strip():
            block += 1 if previous.strip() else 0
            previous = line
            continue
        joins = wrap_width and continues_paragraph(previous, line, wrap_width, indented)
        if previous.strip() and units and (joins or is_broken_line(previous, line)):
            units[-1].text += "\n" + line.strip()
        else:
            units.append(Unit(text=line.strip(), line_no=number, block=block))
        previous = line
    return units


# Hard-wrapped text is wrapped at 60-80 columns; no wrapped line is longer than this.
MAX_WRAP_WIDTH = 100
MARGIN_SHARE = 0.8
# a line this long that ends mid-sentence, with the next line going on in lower case, is a
# sentence broken across lines even where the text is not wrapped at one width
BROKEN_LINE_MIN_CHARS = 60
# a page set with a margin may be wrapped wider ("            Police say the ... 59-year-old")
MARGIN_WRAP_WIDTH = 130
INDENT_RE = re.compile(r"^(?: {2,}|\t)\S")


def detect_wrap_width(lines: list[str], indented: bool = False, max_width: int = MAX_WRAP_WIDTH) -> int | None:
    """The fixed line width of hard-wrapped text, or None for one-line-per-paragraph text.

    Wrapped text has its lines at most ~100 characters long, many of them ending close
    to one width, and most of those stop mid-sentence (or its paragraphs open with an
    indent, as in wire copy).
    """
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if len(lengths) < 3:
        return None
    over = sum(1 for n in lengths if n > max_width)
    if over > 0.02 * len(lengths):
        return None
    width = sorted(lengths)[int(0.95 * (len(lengths) - 1))]
    near = [n for n in lengths if n >= 0.7 * width]
    if width < 30 or len(near) < max(2, 0.5 * len(lengths)):
        return None
    if indented:
        return width
    near_lines = [ln.strip() for ln in lines if ln.strip() and len(ln.strip()) >= 0.7 * width]
    unfinished = sum(1 for ln in near_lines if not SENTENCE_END_RE.search(ln))
    return width if unfinished >= 0.5 * len(near_lines) else None


def is_broken_line(previous: str, line: str) -> bool:
    """A sentence broken across two lines: "... filed with the" / "commission on Monday".

    Holds in any text, wrapped or not, when the next line carries on in lower case: no
    headline or label ends on an article or a preposition, and a long line that stops
    mid-sentence ("... months after the mayor was" / "elected promising to ...") is a
    sentence going on, whatever word it stops at.
    """
    words = previous.split()
    if len(words) < 3 or not line.lstrip()[:1].islower():
        return False
    return words[-1] in DANGLING_WORDS or len(previous.strip()) >= BROKEN_LINE_MIN_CHARS \
        and not SENTENCE_END_RE.search(previous) and not previous.rstrip().endswith(":")


def continues_paragraph(previous: str, line: str, width: int, indented: bool) -> bool:
    if indented:  # paragraphs open with an indent: any unindented line continues one
        return not INDENT_RE.match(line) and not line[:1].isspace()
    if SENTENCE_END_RE.search(previous):
        return False
    # A full-width line, or a short one (a first line after a cut dateline) that the
    # next line carries on in lower case.
    return len(previous.strip()) >= 0.6 * width or line[:1].islower()


# --- intrinsic features -------------------------------------------------------------


def latin_share(text: str) -> float:
    """Share of letters in Latin script (ASCII, Latin-1, Latin Extended)."""
    if text.isascii():
        return 1.0  # every ASCII letter is Latin (and a line without letters counts as Latin)
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")
    return latin / len(letters)


_CODE_CHARS = frozenset("{}[]();=<>_\\|$#@^~`+*/")
_DROP_CODE_CHARS = {ord(ch): None for ch in _CODE_CHARS}


def code_share(text: str) -> float:
    """Share of characters typical of script or markup rather than prose.

    >>> code_share("a{b}")
    0.5
    """
    return (len(text) - len(text.translate(_DROP_CODE_CHARS))) / max(1, len(text))


def title_case_share(words: list[str]) -> float:
    """Share of capitalised words among the words that are not small function words."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper()) / len(content)


def judge_unit(unit: Unit, lexicon: Lexicon, latin_doc: bool) -> None:
    """Set the unit's intrinsic label (boilerplate, byline, dateline) or its shape."""
    unit.text = lexicon.strip_glued_prefix(unit.text)
    text = unit.text
    words = text.split()
    unit.words = word_count(text)
    if not any(ch.isalpha() for ch in text):
        return mark(unit, "boilerplate", "no letters")
    if latin_doc and latin_share(text) < FOREIGN_SCRIPT_SHARE:
        return mark(unit, "boilerplate", "other script")
    if code_share(text) > CODE_SHARE:
        return mark(unit, "boilerplate", "code")
    reason = lexicon.match(text)
    if reason and unit.words >= WHOLE_ARTICLE_WORDS and not reason.startswith(("exact", "prefix")):
        # (a long unit that opens with furniture, "This website uses cookies ...", is furniture)
        kept = without_furniture_sentences(text, lexicon)
        if word_count(kept) >= WHOLE_ARTICLE_WORDS // 2:  # an article with a credit line in it
            text = unit.text = kept
            words, unit.words, reason = text.split(), word_count(text), None
    if reason:
        return mark(unit, "boilerplate", reason)
    names = parse_byline(text) or parse_named_role(text)
    if names:
        unit.meta = names
        return mark(unit, "byline", "byline")
    if unit.words <= 14:
        date = parse_dateline(text)
        if date is not False:
            unit.meta = date
            return mark(unit, "dateline", "dateline")
    ends_sentence = bool(SENTENCE_END_RE.search(text))
    caps = title_case_share(words)
    if unit.words >= LONG_UNIT_WORDS and not TERMINAL_RE.search(text) and caps > 0.85:
        return mark(unit, "boilerplate", "menu bar")
    unit.prose = (unit.words >= 3 and bool(TERMINAL_RE.search(text))) or unit.words >= LONG_UNIT_WORDS
    unit.titleish = (
        TITLE_MIN_WORDS <= unit.words <= TITLE_MAX_WORDS
        and not PERIOD_END_RE.search(text)
        and not text.endswith((":", ";", ",", "-"))
        and words[-1] not in DANGLING_WORDS
        and (caps >= 0.5 or not ends_sentence)
    )


def without_furniture_sentences(text: str, lexicon: Lexicon) -> str:
    """``text`` without its sentences the lexicons name: an article scraped onto one line
    carries its photo credit or newsletter line inside, and that one sentence must not make
    the whole article furniture.

    >>> without_furniture_sentences("Troops crossed the river. They met no one. "
    ...                             "Get our news delivered to your inbox.", load_lexicon())
    'Troops crossed the river. They met no one.'
    """
    kept = [sentence for sentence in SENTENCE_SPLIT_RE.split(text) if not lexicon.match(sentence)]
    return " ".join(kept)


def word_count(text: str) -> int:
    """Words of ``text``, a run of Chinese or Japanese counted by its characters: a
    paragraph in those scripts is one "word" to ``split()``, which made every such line a
    menu label.

    >>> word_count("The army said so."), word_count("先日、不正に改造したiPhoneを販売したとして逮捕された。")
    (4, 11)
    """
    unspaced = len(UNSPACED_RE.findall(text))
    if not unspaced:
        return len(text.split())
    spaced = sum(1 for w in text.split() if not UNSPACED_RE.search(w))
    return spaced + max(1, unspaced // UNSPACED_CHARS_PER_WORD)


def mark(unit: Unit, label: str, reason: str) -> None:
    unit.label, unit.reason = label, reason


# --- position -----------------------------------------------------------------------


def is_anchor(unit: Unit) -> bool:
    """A unit that certainly belongs to the article body."""
    if unit.label or not unit.prose:
        return False
    if unit.words >= 20:
        return True
    return unit.words >= ANCHOR_MIN_WORDS and bool(PERIOD_END_RE.search(unit.text))


def label_by_position(units: list[Unit], known_title: str | None) -> None:
    """Label the units the intrinsic pass left open, using the zone each is in."""
    anchors = [i for i, u in enumerate(units) if is_anchor(u)]
    first = anchors[0] if anchors else len(units)
    label_header(units[:first], known_title)
    body_like = [i for i, u in enumerate(units) if not u.label and u.prose and i >= first]
    last = body_like[-1] if body_like else first - 1
    drop_list_runs(units, start=first)
    for i in range(first, len(units)):
        unit = units[i]
        if unit.label:
            continue
        if i > last:
            mark(unit, "boilerplate", "after the article")
        elif unit.prose:
            mark(unit, "body", "prose")
        elif unit.titleish and is_sandwiched(units, i):
            mark(unit, "heading", "between paragraphs")
        else:
            mark(unit, "boilerplate", "short line")


def label_header(header: list[Unit], known_title: str | None) -> None:
    """Title, dek and furniture before the first anchor paragraph."""
    known = normalise_phrase(known_title) if known_title else None
    mark_bare_bylines(header)
    title = None if known else pick_title(header)
    for unit in header:
        if unit.label:
            continue
        if known and normalise_phrase(unit.text) == known:
            mark(unit, "title", "given title")
        elif unit is title:
            mark(unit, "title", "headline")
        elif is_header_sentence(unit):
            mark(unit, "body", "standfirst")
        else:
            mark(unit, "boilerplate", "header")


def mark_bare_bylines(header: list[Unit]) -> None:
    """"Rachel Ouma" on its own line right above the date line, or above a short place line
    ("Port Sudan / Nairobi") and then the date: the byline, without its "By"."""
    for i, unit in enumerate(header):
        if unit.label or not is_bare_names(unit.text):
            continue
        after = header[i + 1:i + 3]
        dated = bool(after) and after[0].label == "dateline"
        via_place = (len(after) == 2 and after[1].label == "dateline" and not after[0].label
                     and after[0].words <= PLACE_LINE_WORDS and not SENTENCE_END_RE.search(after[0].text)
                     and not is_bare_names(after[0].text))
        if dated or via_place:
            unit.meta = join_names(parse_names(unit.text))
            mark(unit, "byline", "name above the date")


# A place line between a bare byline and its date ("Port Sudan / Nairobi") is this short.
PLACE_LINE_WORDS = 5


def is_bare_names(text: str) -> bool:
    """A line that is person names and nothing else ("Rachel Ouma", "Jo Roe and Al Poe")."""
    names = parse_names(text)
    return bool(names) and sum(len(n.split()) for n in names) == len(NAME_SPLIT_RE.sub(" ", text).split())


def is_header_sentence(unit: Unit) -> bool:
    """A short sentence before the first long paragraph: a standfirst or a one-line lead."""
    if not unit.prose:
        return False
    if PERIOD_END_RE.search(unit.text):
        return unit.words >= 3
    return unit.words >= 5 and bool(SENTENCE_END_RE.search(unit.text))


def pick_title(header: list[Unit]) -> Unit | None:
    """The headline among the header's open lines; a menu or a breadcrumb never is one."""
    candidates = [u for u in header if not u.label and u.titleish and not is_navigation(u.text)]
    preferred = [u for u in candidates if u.words >= TITLE_PREFERRED_WORDS]
    return (preferred or candidates or [None])[0]


# Between the items of a menu or a breadcrumb: "News | World", "Home > World", "News   Local".
NAV_SPLIT_RE = re.compile(r"\s[|•·»›>/]\s|\s\|\s?|\s{3,}")
NAV_MIN_ITEMS = 3
NAV_ITEM_WORDS = 3


def is_navigation(text: str) -> bool:
    """A menu or breadcrumb line: three or more items between separators, of a few words
    each (a breadcrumb's last item may be long). Never a headline, whatever its words.

    >>> is_navigation("Home   News   Local   Nation & World   Business"), is_navigation("ePaper | Games | Sign In")
    (True, True)
    >>> is_navigation("Home > World > Drones hit the port"), is_navigation("Opinion | Republicans Follow Trump")
    (True, False)
    """
    items = [len(item.split()) for item in NAV_SPLIT_RE.split(text.strip()) if item.strip()]
    if len(items) < NAV_MIN_ITEMS:
        return False
    menu = sum(items) / len(items) <= NAV_ITEM_WORDS
    breadcrumb = max(items[:-1]) <= NAV_ITEM_WORDS  # "Home > World > Drones hit the port": the trail, not the headline
    return menu or breadcrumb


def is_sandwiched(units: list[Unit], i: int) -> bool:
    """A title-like unit right after a body paragraph and right before prose."""
    before = next((u for u in reversed(units[:i]) if u.label != "boilerplate"), None)
    after = next((u for u in units[i + 1 :] if u.label != "boilerplate"), None)
    return (
        before is not None
        and before.label == "body"
        and after is not None
        and not after.label
        and after.prose
    )


def drop_list_runs(units: list[Unit], start: int) -> None:
    """After a list heading ("Tags", "Related stories"), drop the short items under it."""
    lexicon = load_lexicon()
    i = start
    while i < len(units):
        if lexicon.is_list_head(units[i].text):
            mark(units[i], "boilerplate", "list heading")
            j = i + 1
            while j < len(units) and is_list_item(units[j]):
                mark(units[j], "boilerplate", "list item")
                j += 1
            i = j
        else:
            i += 1


def is_list_item(unit: Unit) -> bool:
    if unit.label == "boilerplate":
        return True
    return not unit.label and unit.words <= 12 and not PERIOD_END_RE.search(unit.text)


# --- lexicons -----------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_EDGE_PUNCT = " \t\"'.,:;!?|()[]{}<>«»-–—•·*#>"


def normalise_phrase(text: str) -> str:
    """Lower-case, straight quotes, single spaces: the form lexicon entries are kept in."""
    return " ".join(text.translate(_QUOTES).lower().split())


def read_lines(name: str) -> list[str]:
    """Entries of one lexicon file in data/boilerplate/ (comments and blanks skipped)."""
    return text_lines("boilerplate", name)


class Lexicon:
    """The boilerplate phrase lists, compiled once (see data/boilerplate/README.md)."""

    def __init__(self) -> None:
        self.exact = frozenset(normalise_phrase(p).strip(_EDGE_PUNCT) for p in read_lines("exact.txt"))
        self.list_heads = frozenset(normalise_phrase(p) for p in read_lines("list_heads.txt"))
        self.prefix = self._alternation(read_lines("prefix.txt"), prefix=True)
        self.contains = self._alternation(read_lines("contains.txt"), prefix=False)
        self.caption = self._any_of(read_lines("caption.txt"))
        # Longest first, so "More Stories" wins over "More".
        self.glue = sorted((normalise_phrase(p) for p in read_lines("glue.txt")), key=len, reverse=True)
        # the rules (match) and the line model's features (hits) read each line once a document
        self.search = lru_cache(maxsize=2048)(self._search)

    @staticmethod
    def _any_of(patterns: list[str]) -> re.Pattern[str]:
        """One regex matching where any of ``patterns`` does (one scan of a line, not twenty);
        a leading ``(?i)`` becomes a scoped ``(?i:...)`` so it stays with its own pattern."""
        scoped = [f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})" for p in patterns]
        return re.compile("|".join(scoped) or r"(?!)")

    @staticmethod
    def _alternation(phrases: list[str], prefix: bool) -> re.Pattern[str]:
        parts = []
        for phrase in sorted({normalise_phrase(p) for p in phrases}, key=len, reverse=True):
            escaped = re.escape(phrase)
            # A word boundary after a phrase ending in a letter: "share on" must not
            # match "shareholders".
            tail = r"(?![a-z])" if phrase[-1].isalnum() else ""
            parts.append(escaped + tail)
        head = "^" if prefix else r"(?<![a-z])"
        return re.compile(head + "(?:" + "|".join(parts) + ")")

    def _search(self, text: str) -> tuple[str, str | None, str | None, bool]:
        """``text`` normalised and stripped of edge punctuation, the prefix phrase and the
        contained phrase it has (or None), and whether a caption pattern matches it."""
        norm = normalise_phrase(text)
        prefix = self.prefix.search(norm)
        contains = self.contains.search(norm)
        return (norm.strip(_EDGE_PUNCT), prefix.group(0) if prefix else None,
                contains.group(0) if contains else None, bool(self.caption.search(text)))

    def hits(self, text: str) -> list[bool]:
        """Which lexicons ``text`` is in: exact, prefix, contains, caption, list head."""
        bare, prefix, contains, caption = self.search(text)
        return [bare in self.exact, prefix is not None, contains is not None, caption, self.is_list_head(text)]

    def match(self, text: str) -> str | None:
        """Why ``text`` is furniture ("exact: news", "caption", ...), or None."""
        bare, prefix, contains, caption = self.search(text)
        if bare in self.exact:
            return f"exact: {bare}"
        if prefix is not None:
            return f"prefix: {prefix}"
        if contains is not None:
            return f"contains: {contains}"
        if caption:
            return "caption"
        return None

    def is_list_head(self, text: str) -> bool:
        return normalise_phrase(text).strip(" *#•·-") in self.list_heads

    def strip_glued_prefix(self, text: str) -> str:
        """Remove a widget title glued to body text: "More StoriesThe army said" -> "The army said"."""
        if not text[:1].isupper():
            return text
        head = normalise_phrase(text[:40])
        for phrase in self.glue:
            n = len(phrase)
            if head.startswith(phrase) and len(text) > n and text[n].isupper() and " " not in text[n - 1 : n + 1]:
                # Compare on the original too: the phrase must be there verbatim (case aside).
                if text[:n].lower().translate(_QUOTES) == phrase:
                    return text[n:]
        return text


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon()


# --- the learned reader -------------------------------------------------------------

# Rule labels that carry metadata: kept as such whatever the body model says of the line.
META_LABELS = ("byline", "dateline")
# A label of one or two words inside an article ("Impact Shorts", "Watch") is a widget
# title far more often than a sub-heading: the model must be surer to keep it.
LABEL_MAX_WORDS = 3
SHORT_LINE_BAR = 0.75
# A paragraph of sentences inside the densest run of prose is the article's unless the
# model is fairly sure it is not (the last paragraph of a short page scores low).
IN_RUN_BAR = 0.3
FURNITURE_REASONS = ("exact", "prefix", "contains", "caption", "other script", "code", "no letters")
LEXICON_OVERRIDE = 0.9
# Below this the title model's best candidate is no headline (a page may have none).
TITLE_BAR = 0.02
# A closing sentence of this many words after the main run is kept above this probability.
CLOSING_MIN_WORDS = 4
CLOSING_BAR = 0.05
HEADING_BAR = 0.25


def keep_closing_sentence(units: list[Unit], p, last: int) -> None:
    """The short sentence that ends an article ("The army gave no further details.") right
    after the last paragraph of the main run, past nothing but lexicon-named furniture, is
    the article's: the model, which has seen mostly furniture after the last paragraph,
    scores it low."""
    if not 0 <= last < len(units) or units[last].label != "body":
        return
    for i in range(last + 1, len(units)):
        unit = units[i]
        if unit.reason.startswith(FURNITURE_REASONS) or unit.label in META_LABELS:
            continue
        if (unit.label == "boilerplate" and CLOSING_MIN_WORDS <= unit.words < ANCHOR_MIN_WORDS
                and unit.text[:1].isupper() and PERIOD_END_RE.search(unit.text) and p[i] >= CLOSING_BAR):
            mark(unit, "body", f"closing sentence; line model {p[i]:.2f}")
        return


# A paragraph of sentences between two kept paragraphs is the article's unless the model is
# sure it is not (the model, short of wire copy, scored a Reuters story's middle paragraphs .2).
SANDWICH_PROSE_BAR = 0.1


def keep_sandwiched_headings(units: list[Unit], p) -> None:
    """A headline-shaped line between two kept paragraphs is a sub-heading of the article
    unless the model is quite sure it is not (widget titles there score far lower); a
    paragraph of sentences there is one of its paragraphs on the same terms."""
    for i in range(1, len(units) - 1):
        unit = units[i]
        if (unit.label == "boilerplate" and unit.titleish and not unit.reason.startswith(FURNITURE_REASONS)
                and units[i - 1].label == "body" and units[i + 1].label == "body" and p[i] >= HEADING_BAR):
            mark(unit, "heading", f"between kept paragraphs; line model {p[i]:.2f}")
        elif (unit.label == "boilerplate" and is_paragraph(unit) and not unit.reason.startswith(FURNITURE_REASONS)
              and units[i - 1].label == "body" and units[i + 1].label == "body" and p[i] >= SANDWICH_PROSE_BAR):
            mark(unit, "body", f"paragraph between kept paragraphs; line model {p[i]:.2f}")


def apply_line_model(units: list[Unit], models, features=None, url: str | None = None,
                     known_title: str | None = None) -> str | None:
    """Relabel rule-labelled ``units`` with the shipped line model; return the headline.

    Each unit is body when the body model's probability reaches its threshold (bylines
    and datelines keep their labels for the metadata); the headline is the title
    model's best candidate above the first body unit (``clean.linemodel``). When the
    second body model is shipped, the units are read again knowing where that headline
    is (a reader starts the article under its headline).
    """
    from claimgraph.clean.linemodel import body_features, headline_features

    if not units:
        return None
    X = body_features(units) if features is None else features
    rule_labels = [(unit.label, unit.reason) for unit in units]
    p, headline, score = read_once(units, models, X, url)
    if p is None:
        return None  # the model keeps nothing: the rule labels stand
    if "second" in models:
        second = models["second"].probability(headline_features(X, headline))
        if (second >= models["second"].threshold).any():
            first_labels = [(unit.label, unit.reason) for unit in units]
            kept_first = body_words(units)
            for unit, (label, reason) in zip(units, rule_labels):
                unit.label, unit.reason = label, reason
            label_body(units, second, models["second"].threshold)
            if body_words(units) >= SECOND_READING_KEEPS * kept_first:
                p = second
            else:  # the second reading would throw away the article (wire copy it never saw)
                for unit, (label, reason) in zip(units, first_labels):
                    unit.label, unit.reason = label, reason
    if headline is None:
        return opening_headline(units, rule_labels)
    if not names_the_known_title(units[headline], known_title):
        # the source named its title: the line the model picked is the story's, a paragraph
        # of it kept whatever the body model made of it, a shorter line as the body model read it
        if is_paragraph(units[headline]):
            mark(units[headline], "body", f"given title; title model {score:.2f}")
        return None
    mark(units[headline], "title", f"title model {score:.2f}")
    if score >= ABOVE_TITLE_BAR:
        drop_above_headline(units, headline, p)
    return units[headline].text


def opening_headline(units: list[Unit], rule_labels: list[tuple[str, str]]) -> str | None:
    """"Blast Injures Three" above "Two servicemen were hurt ...": when the title model finds
    no headline, a text that opens with a line the rules read as one, right above the body,
    opens with its headline (a plain-text article, unlike a page, has no furniture above it)."""
    if len(units) < 2 or rule_labels[0] != ("title", "headline") or units[1].label != "body":
        return None
    mark(units[0], "title", "headline above the body")
    return units[0].text


# The second reading refines the first (a teaser list above the headline, a sidebar); when it
# keeps under this share of the first's body words it has misread the page, and the first stands.
SECOND_READING_KEEPS = 0.8


def body_words(units: list[Unit]) -> int:
    return sum(unit.words for unit in units if unit.label == "body")


def read_once(units: list[Unit], models, X, url: str | None = None):
    """The first reading: (P(body) per unit, the headline's index or None, its score);
    (None, None, 0.0) when the body model keeps nothing."""
    import numpy as np

    from claimgraph.clean.linemodel import body_anchor, body_probability, title_candidates, title_features

    body_model = models["body"]
    p = body_probability(models, units, X)
    if not (p >= body_model.threshold).any():
        return None, None, 0.0
    label_body(units, p, body_model.threshold)
    anchor = body_anchor(units, p, body_model.threshold)
    candidates = title_candidates(units, anchor)
    if not candidates or "title" not in models:
        return p, None, 0.0
    scores = models["title"].probability(title_features(units, X, p, candidates, anchor, url))
    if scores.max() < TITLE_BAR:
        return p, None, 0.0  # no line reads as this page's headline
    best = candidates[int(np.argmax(scores))]
    if units[best].label in {"body", "heading"} and not any(u.label == "body" for u in units if u is not units[best]):
        return p, None, 0.0  # a one-paragraph text: its only paragraph is the article, not a headline
    if is_sentence_among_paragraphs(units, best):
        return p, None, 0.0
    return p, best, float(scores.max())


def is_sentence_among_paragraphs(units: list[Unit], i: int) -> bool:
    """A full sentence kept as body after kept paragraphs is the article going on ("The
    frigate later escorted the ship to safety."), or ending, not its headline: taking it for
    one would cut a sentence out of the story. (A teaser kept above a headline has the
    article after the headline, and a headline ends on no full stop.)"""
    unit = units[i]
    return unit.label == "body" and bool(SENTENCE_END_RE.search(unit.text)) \
        and any(u.label == "body" for u in units[:i])


def label_body(units: list[Unit], p, threshold: float) -> None:
    """Body, heading or boilerplate for each unit from its P(body), the rule labels'
    furniture reasons and the densest run of prose."""
    from claimgraph.clean.linemodel import is_prose, prose_run

    first, last = prose_run(units)
    for i, (unit, prob) in enumerate(zip(units, p)):
        if unit.label in META_LABELS:
            continue
        if first <= i <= last and is_prose(unit) and prob >= IN_RUN_BAR:
            prob = max(prob, threshold)  # a full paragraph inside the main run of prose
        if unit.reason.startswith("contains") or (unit.reason.startswith(FURNITURE_REASONS)
                                                  and prob < LEXICON_OVERRIDE):
            # the lexicons and caption shapes name furniture seen on many sites, each too
            # rare on the training pages for the model to weigh it alone; a line the model is
            # sure of (a real sentence that opens like a menu label) still stays, except for
            # the long and specific "contains" phrases ("your email address will not be published")
            mark(unit, "boilerplate", f"{unit.reason}; line model {prob:.2f}")
        elif prob >= threshold and (unit.words >= LABEL_MAX_WORDS or prob >= SHORT_LINE_BAR
                                    or SENTENCE_END_RE.search(unit.text)):
            kind = "heading" if unit.titleish and not SENTENCE_END_RE.search(unit.text) else "body"
            mark(unit, kind, f"line model {prob:.2f}")
        else:
            mark(unit, "boilerplate", f"line model {prob:.2f}")
    keep_closing_sentence(units, p, last)
    keep_sandwiched_headings(units, p)


# A headline the title model is this sure of starts the article: what the body model kept
# above it is a teaser list or a sidebar, unless the model is all but certain of it.
ABOVE_TITLE_BAR = 0.5
ABOVE_KEEP_BAR = 0.99


def names_the_known_title(unit: Unit, known_title: str | None) -> bool:
    """Whether the line the model picked is the headline, and so may cut what is above it:
    always when the page gave no title; when the source did (a feed, JSON Lines, a wire
    story's metadata), only if the picked line is that title. A wire story's lines are all
    prose, and a line the model mistook for its headline would cut the story's first half away."""
    return known_title is None or normalise_phrase(unit.text) == normalise_phrase(known_title)


def drop_above_headline(units: list[Unit], title: int, p) -> None:
    for i in range(title):
        if units[i].label in ("body", "heading") and p[i] < ABOVE_KEEP_BAR:
            mark(units[i], "boilerplate", f"above the headline; line model {p[i]:.2f}")

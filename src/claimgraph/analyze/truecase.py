"""The headline as the tagger should read it.

A plain-text article's text opens with its headline (``clean.headed``), and headlines are
set in title case or capitals: "Depot Blast Kills Two Guards" has the tagger find a town
called Depot and a person called Blast. The parse reads a copy of the text whose headline
words take the case the article's body gives them, or lower case when the body does not use
them as names; so do the words in capitals a paragraph opens with ("A FIRE-BOMB attack on
a bank ..."). Each letter keeps its place (case changes only), so every offset and span
of the parse points into the stored text unchanged.

>>> from claimgraph.model import Document
>>> d = Document(id="d", text="Depot Blast Kills Two in Marlow\\n\\nA bomb hit a depot in Marlow.",
...              title="Depot Blast Kills Two in Marlow")
>>> analysis_text(d)
'depot blast kills two in Marlow\\n\\nA bomb hit a depot in Marlow.'
"""

from __future__ import annotations

import re
from collections import Counter

from ..datafiles import grammar
from ..model import Document

WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
# a headline is set in title case or capitals when this share of its words starts upper case
TITLE_CASE_SHARE = 0.6
ACRONYM_MAX = 4  # "US", "NATO", "CEO" set in capitals stay as they are
SENTENCE_ENDS = frozenset('.!?"“”:')


# a paragraph that opens in capitals and goes on in lower case ("A FIRE-BOMB attack on a bank
# left three dead", "INITIAL results from the post-mortem"): a newspaper's lede style, not names
# ("MOSCOW — Russia's ...", a dateline, goes on after a dash)
RUN_WORD = re.compile(r"[A-Z][A-Z'’]*")  # "FIRE-BOMB" is two words, as in the body's "fire-bomb"
PLAIN_WORD = re.compile(r"[^\W\d_][\w'’]*")
LEDE_CAPITALS = re.compile(r"(?:^|(?<=\n\n))((?:[A-Z][A-Z'’]*(?: - |-| ))+)(?=[A-Z]?[a-z])")


def analysis_text(document: Document, known_words: frozenset[str] = frozenset()) -> str:
    """The text the parse reads: ``document.text`` with a cased headline sentence-cased, and
    a paragraph's opening words set in capitals recased when they are ``known_words``."""
    title, text = document.title or "", document.text
    # the headline as a paragraph of its own, or as the text's first sentence ("Blast Injures
    # Three in Kessel. Two guards were ...", as some corpora and feeds join them)
    opens = document.headline_end() or title and re.match(re.escape(title) + r"[.:]?\s", text)
    if opens and _set_in_capitals(title):
        wanted = {w.lower() for w in WORD.findall(title)}
        text = _recased(title, body_forms(text[len(title):], wanted), title.isupper()) + text[len(title):]
    return shouted_recased(lede_recased(text, known_words), known_words) if known_words else text


def lede_recased(text: str, known_words: frozenset[str]) -> str:
    """``text`` with each paragraph's opening run of capitals in the case the body gives
    its words, or lower case for the longer ``known_words`` the body does not use (a short
    word it never writes in lower case may be an acronym); the first word keeps its capital.

    >>> lede_recased("A PETROL-BOMB attack hit a bank. The bomb was thrown.", frozenset({"petrol", "bomb"}))
    'A petrol-bomb attack hit a bank. The bomb was thrown.'
    """
    runs = [m for m in LEDE_CAPITALS.finditer(text) if any(len(w) >= 3 for w in RUN_WORD.findall(m.group(1)))]
    if not runs:
        return text
    elsewhere = LEDE_CAPITALS.sub(lambda m: " " * len(m.group()), text)  # how the rest of the text writes them
    forms = body_forms(elsewhere, {w.lower() for m in runs for w in RUN_WORD.findall(m.group(1))}, PLAIN_WORD)
    out, last = [], 0
    for m in runs:
        out.append(text[last:m.start(1)])
        for k, word in enumerate(re.split(r"([^A-Z'’]+)", m.group(1))):
            out.append(_lede_word(word, forms.get(word.lower()), k == 0, known_words))
        last = m.end(1)
    return "".join(out) + text[last:]


# three or more words in capitals in a row inside the text, numbers and commas between them
# allowed: a newsletter's item heading ("5. ELEVEN POLICE KILLED, DOZENS WOUNDED IN TURKEY CAR
# BOMB ATTACK.") or a heading run into its paragraph ("AT LEAST 10 KILLED IN DEADLY ISTANBUL
# EXPLOSION Turkish President ..."), which the tagger reads as a string of names
SHOUTED = re.compile(r"\b[A-Z][A-Z'’]+(?:(?:,? |-)(?:\d[\d,.]*(?:,? |-))*[A-Z][A-Z'’]+\b){2,}(?![a-z])")
SHOUTED_WORD = re.compile(r"([A-Z][A-Z'’]+)")  # a split keeps the words, at odd places
CAPITALS_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")
SHOUTED_MIN_LONG_WORDS = 3  # words of five letters or more: "NATO US UK" is no heading
DATELINE_AFTER = re.compile(r"[\s\d,.]*[-—–(]")  # "SANTOS, BRAZIL, MARCH 11 - ": a wire dateline, no heading


def shouted_recased(text: str, known_words: frozenset[str]) -> str:
    """``text`` with each run of words in capitals set as the body writes its words, or
    in lower case for English words longer than an acronym and the short words of
    ``grammar.yaml`` (``shouted_short_words``); a name the body never writes stays as it is.
    The run's first word keeps a capital where a sentence begins.

    >>> shouted_recased("5. ELEVEN POLICE KILLED IN KESSEL CAR BOMB ATTACK. A car bomb hit a post in Kessel.",
    ...                 frozenset({"eleven", "police", "killed", "attack"}))
    '5. Eleven police killed in Kessel car bomb attack. A car bomb hit a post in Kessel.'
    """
    runs = [m for m in SHOUTED.finditer(text)
            if sum(len(w) >= 5 for w in SHOUTED_WORD.findall(m.group())) >= SHOUTED_MIN_LONG_WORDS
            and not DATELINE_AFTER.match(text, m.end())]
    if not runs:
        return text
    # how the rest of the text writes the words, in anything but capitals (a dateline's "KESSEL")
    elsewhere = CAPITALS_WORD.sub(lambda m: " " * len(m.group()), text)
    forms = body_forms(elsewhere, {w.lower() for m in runs for w in SHOUTED_WORD.findall(m.group())}, PLAIN_WORD)
    short = frozenset(grammar()["shouted_short_words"])
    out, last = [], 0
    for m in runs:
        out.append(text[last:m.start()])
        run = "".join(_shouted_word(piece, forms.get(piece.lower()), known_words, short) if k % 2 else piece
                      for k, piece in enumerate(SHOUTED_WORD.split(m.group())))
        opens_sentence = text[:m.start()].rstrip()[-1:] in {"", ".", "!", "?", ":"}  # "5. ELEVEN ...": yes
        out.append(run[:1].upper() + run[1:] if opens_sentence else run)
        last = m.end()
    return "".join(out) + text[last:]


def _shouted_word(word: str, body_form: str | None, known_words: frozenset[str], short: frozenset[str]) -> str:
    if body_form is not None and len(body_form) == len(word):
        return body_form
    lower = word.lower()
    if lower in short or len(word) > ACRONYM_MAX and lower in known_words:
        return lower
    return word


def _lede_word(word: str, body_form: str | None, first: bool, known_words: frozenset[str]) -> str:
    if not word.isupper() or len(word) < 2:
        return word
    if body_form is not None and len(body_form) == len(word):
        cased = body_form
    elif word.lower() in known_words and len(word) > ACRONYM_MAX:  # "NATO" is a word too
        cased = word.lower()
    else:
        return word
    return cased[0].upper() + cased[1:] if first else cased


def _set_in_capitals(headline: str) -> bool:
    words = WORD.findall(headline)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE


def body_forms(body: str, wanted: set[str], word_pattern: re.Pattern = WORD) -> dict[str, str]:
    """The usual form of each ``wanted`` word (lower case) where the body uses it inside a
    sentence (a sentence's first word is capitalised whatever it is)."""
    forms: dict[str, Counter] = {}
    for match in word_pattern.finditer(body):
        word = match.group()
        if word.lower() not in wanted:
            continue
        i = match.start() - 1
        while i >= 0 and body[i].isspace():
            i -= 1
        if i < 0 or body[i] in SENTENCE_ENDS:
            continue
        forms.setdefault(word.lower(), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def _recased(headline: str, forms: dict[str, str], all_capitals: bool) -> str:
    out, last = [], 0
    for k, match in enumerate(WORD.finditer(headline)):
        word = match.group()
        out.append(headline[last:match.start()])
        initial = len(word) == 1 and headline[match.end():match.end() + 1] == "."
        # "Gunman Kills L. A. Deputy": an initial stays a capital ("l. a." reads as a name)
        out.append(word if initial else _word_recased(word, forms.get(word.lower()), k == 0, all_capitals))
        last = match.end()
    out.append(headline[last:])
    return "".join(out)


def _word_recased(word: str, body_form: str | None, first: bool, all_capitals: bool) -> str:
    if word.isupper() and len(word) > 1 and (not all_capitals or body_form is None and len(word) <= ACRONYM_MAX):
        return word  # "US", "CEO": capitals among title case, or a short word the body never uses
    if body_form is not None and len(body_form) == len(word):
        return body_form  # first or not: "depot blast kills two" is no town called Depot
    cased = word.lower()
    return cased[0].upper() + cased[1:] if first else cased

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
    return lede_recased(text, known_words) if known_words else text


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

"""Language of a cleaned body, with py3langid (a maintained fork of langid.py).

Short texts give unsure answers ("He denied it." is 30 % English), so a text too short
to judge is not rejected on a weak guess for another language: an accepted language
that is still among the likely ones wins. Names and numbers mislead it too (an English
report full of Romanian names and places reads as Romanian), so a Latin-script text whose
letters are often in an accepted language's function words (data/lexicons/function_words.yaml)
is kept: a Romanian or German paragraph has next to none of "the", "and", "said", "were".

    >>> detect_language("Russian forces fired two missiles at the port, officials said.")
    'en'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import lexicon

# Calibrated on invented one-line samples: below ~200 characters py3langid's top
# probability for English news often falls under 0.5 while the runner-up is noise.
SHORT_TEXT_CHARS = 200
# An accepted language with at least this probability wins on a short text.
SHORT_TEXT_MIN_PROB = 0.05
# Enough text to decide; the classifier's cost grows with the length.
SAMPLE_CHARS = 5000
# Share of the letters (and least count of words) that are in an accepted language's function
# words, above which the text is that language whatever the identifier says. Letters, not
# words: Japanese runs whole sentences into one "word", so "Kindle for PC" in a Japanese page
# is 8 % of its words but 2 % of its letters. English news has a median of 16 %, a name-heavy
# English paragraph 9 %, invented paragraphs in eight other languages 0 %, a Romanian one
# quoting an English sentence 2 %.
FUNCTION_WORD_SHARE = 0.05
FUNCTION_WORD_MIN = 4
# The lists are of Latin-script languages: a page written mostly in another script (Japanese
# with a whole English sentence in it) is not vouched for by the English words it holds.
MIN_LATIN_SHARE = 0.8
# A table of figures (earnings, prices, rates: "Shr 96 cts vs 53 cts  Net 8,663,000") has too few
# words to tell a language by: Reuters tables, under 70 % letters among their visible characters
# (prose has over 90 %), read as Nigerian Pidgin, Volapük or "no language" at 0.1-0.5. When the
# identifier is that unsure of such a text, no language is refused for it.
FIGURES_LETTER_SHARE = 0.7
UNSURE_PROB = 0.5
WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def rank_languages(text: str, top: int = 5) -> list[tuple[str, float]]:
    """The ``top`` most likely ISO 639-1 codes with their probabilities.

    >>> rank_languages("Die Armee meldete am Montag neue Angriffe auf die Stadt.")[0][0]
    'de'
    """
    sample = text[:SAMPLE_CHARS]
    return [(code, float(prob)) for code, prob in _identifier().rank(sample)[:top]]


def detect_language(text: str, accepted: tuple[str, ...] = ("en",)) -> str | None:
    """ISO 639-1 code of ``text``; None when there is nothing to judge.

    :param accepted: languages the caller will keep; on a short text one of them wins
        if the classifier finds it plausible at all.
    """
    if not any(ch.isalpha() for ch in text):
        return None
    if len(accepted) == 1 and written_with_function_words(text, accepted[0]):
        # every way below ends in that language then: skip the classifier, which walks the
        # text byte by byte in Python (a fifth of cleaning)
        return accepted[0]
    ranked = rank_languages(text)
    best, best_prob = ranked[0]
    if best in accepted:
        return best
    if accepted and best_prob < UNSURE_PROB and is_mostly_figures(text):
        return accepted[0]
    if len(text) < SHORT_TEXT_CHARS:
        between = words_between_names(text) if best_prob < UNSURE_PROB else ""
        if len(between.split()) >= 2:
            # "President Erdogan hosted Prime Minister Viktor Orban in Ankara on Monday." reads as
            # Bikol at 0.15: the names say nothing of the language; the words between them do
            ranked += rank_languages(between)
        for code, prob in ranked:
            if code in accepted and prob >= SHORT_TEXT_MIN_PROB:
                return code
    return next((code for code in accepted if written_with_function_words(text, code)), best)


def words_between_names(text: str) -> str:
    """The words of ``text`` not written with a capital: what is left when the names are out.

    >>> words_between_names("Russian missiles struck Kharkiv and Sumy on Monday.")
    'missiles struck and on'
    """
    return " ".join(word for word in WORD_RE.findall(text) if not word[0].isupper())


def is_mostly_figures(text: str) -> bool:
    """Whether under ``FIGURES_LETTER_SHARE`` of the visible characters of ``text`` are letters.

    >>> is_mostly_figures("Shr 96 cts vs 53 cts  Net 8,663,000 vs 4,798,000"), is_mostly_figures("He said so.")
    (True, False)
    """
    visible = "".join(text[:SAMPLE_CHARS].split())
    return bool(visible) and sum(ch.isalpha() for ch in visible) < FIGURES_LETTER_SHARE * len(visible)


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(words) for code, words in lexicon("function_words").items()}


def written_with_function_words(text: str, code: str) -> bool:
    """Whether enough of the letters of ``text`` are in function words of language ``code``.

    >>> written_with_function_words("Ion Popescu and Maria Ionescu said they were in Cluj "
    ...                             "when the police came.", "en")
    True
    >>> written_with_function_words("Armata a anunțat luni noi atacuri asupra orașului.", "en")
    False
    """
    known = function_words().get(code)
    if not known:
        return False
    sample = text[:SAMPLE_CHARS]
    words = WORD_RE.findall(sample)
    hits = [w for w in words if w.lower() in known]
    letters = sum(map(len, words))
    if len(hits) < FUNCTION_WORD_MIN or sum(map(len, hits)) < FUNCTION_WORD_SHARE * letters:
        return False
    if sample.isascii():
        return True  # every letter is Latin
    latin = sum(1 for word in words for ch in word if ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00)
    return latin >= MIN_LATIN_SHARE * letters

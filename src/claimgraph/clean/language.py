"""Language of a cleaned body, with py3langid (a maintained fork of langid.py).

Short texts give unsure answers ("He denied it." is 30 % English), so a text too short
to judge is not rejected on a weak guess for another language: an accepted language
that is still among the likely ones wins.

    >>> detect_language("Russian forces fired two missiles at the port, officials said.")
    'en'
"""

from __future__ import annotations

from functools import lru_cache

# Calibrated on invented one-line samples: below ~200 characters py3langid's top
# probability for English news often falls under 0.5 while the runner-up is noise.
SHORT_TEXT_CHARS = 200
# An accepted language with at least this probability wins on a short text.
SHORT_TEXT_MIN_PROB = 0.05
# Enough text to decide; the classifier's cost grows with the length.
SAMPLE_CHARS = 5000


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
    ranked = rank_languages(text)
    best = ranked[0][0]
    if best in accepted or len(text) >= SHORT_TEXT_CHARS:
        return best
    for code, prob in ranked:
        if code in accepted and prob >= SHORT_TEXT_MIN_PROB:
            return code
    return best

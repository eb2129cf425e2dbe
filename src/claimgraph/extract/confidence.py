"""How far to trust a claim: a probability from the evidence that made it (issue 9).

Each claim's trigger, frame and attribution give a few features; a logistic model turns
them into ``confidence`` (0-1). The weights and the default threshold are data
(``data/lexicons/confidence.yaml``), fitted on the real-news development gold by
``scripts/calibrate_confidence.py``, which also writes the reliability table of
docs/EVALUATION.md. Claims under the threshold stay stored but say nothing: events,
independent-source counts, contradictions, the brief and the export leave them out.

>>> round(confidence({"bias": 1.0}, {"bias": 0.0}), 2)
0.5
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

from ..datafiles import lexicon

if TYPE_CHECKING:  # the exporters read floor() here: they must not load spaCy
    from spacy.tokens import Span, Token

CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
QUOTES = {'"', "“", "”", "«", "»"}


@lru_cache(maxsize=1)
def model() -> dict:
    """``{"weights": {feature: weight}, "threshold": float, "raw": the file}`` from the data file."""
    raw = lexicon("confidence")
    return {"weights": {k: float(v) for k, v in (raw.get("weights") or {}).items()},
            "threshold": float(raw.get("threshold", 0.0)), "raw": raw}


def default_threshold() -> float:
    """The calibrated ``min_confidence`` (claims under it say nothing by default)."""
    return model()["threshold"]


def floor(min_confidence: float | None) -> float:
    """``min_confidence`` as given, or the calibrated default when it is None.

    >>> floor(0.25)
    0.25
    """
    return default_threshold() if min_confidence is None else float(min_confidence)


def confidence(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic model's probability for one claim's features."""
    weights = model()["weights"] if weights is None else weights
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def claim_features(trigger: Token, ctype: str, roles: dict[str, list], sent: Span, *, has_source: bool,
                   polarity: str, modality: str, has_time: bool, has_quantity: bool) -> dict[str, float]:
    """What a reader would weigh before believing the claim was read right."""
    filled = [r for r, ids in roles.items() if ids]
    return {
        "bias": 1.0,
        f"type_{ctype.lower()}": 1.0,
        "verb_trigger": float(trigger.pos_ in {"VERB", "AUX"}),
        "roles_filled": min(len(filled), 3) / 3,
        "has_actor": float("actor" in filled),
        "has_patient": float(bool({"target", "recipient", "subject"} & set(filled))),
        "named_source": float(has_source),
        "possible": float(modality == "possible"),
        "planned": float(modality == "planned"),
        "likely": float(modality == "likely"),
        "denied": float(polarity == "denied"),
        "conditional": float(_under_condition(trigger)),
        "question": float(sent.text.rstrip().endswith("?")),
        "quoted": float(_inside_quotes(trigger, sent)),
        "long_sentence": float(len(sent) > 45),
        "bare_plural": float(bare_plural(trigger)),
        "has_time": float(has_time),
        "has_quantity": float(has_quantity),
    }


def _under_condition(trigger: Token) -> bool:
    """"if Greece attacked", "unless troops withdraw": the trigger's clause or one above it."""
    node = trigger
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _inside_quotes(trigger: Token, sent: Span) -> bool:
    before = sent.doc[sent.start:trigger.i]
    return sum(1 for t in before if t.text in QUOTES) % 2 == 1


def bare_plural(trigger: Token) -> bool:
    """"attacks on shipping have risen": a plural noun without a determiner is often generic."""
    return trigger.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in trigger.children)

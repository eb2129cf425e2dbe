#!/usr/bin/env python3
"""Train the plain-text line model (body lines and headline) and report held-out scores.

    PYTHONPATH=src python scripts/train_line_model.py [--data FILE] [--folds 5] [--write]

Needs scikit-learn (``pip install 'claimgraph[train]'``); claimgraph itself applies the
shipped trees with numpy (``claimgraph.clean.linemodel``).

1. every page of ``scraped-text-dev.jsonl.gz`` is split into units and labelled by the
   rule classifier (``classify_lines``), then each unit gets its feature row;
2. a unit is body when most of its tokens fall in runs of 4+ tokens that the page's token
   stream and the gold text share, aligned in order (``difflib``): a menu label whose word
   the article happens to use is not body, a short sub-heading inside the article is;
3. the title model ranks the headline-sized lines around the body start (a headline
   sits just above the body, right over its byline and date, and the page repeats it:
   a breadcrumb's end, a share text, the page's address slug); a second body model then
   reads the units again knowing where that headline is (``headline_features``);
4. k-fold by page: the body and title models of fold k are trained on the other pages
   only, and each page's cleaned text and title come from the models that did not see
   it; those are the scores printed (the benchmark metric, and title accuracy as in
   ``claimgraph eval scraped``); ``--no-url`` scores the held-out pages read without
   their addresses (the models still learn from them);
5. with ``--write`` the models are retrained on all pages and written to
   ``src/claimgraph/data/boilerplate/line_model.json``.

The page texts are read at run time and never stored: the JSON holds tree thresholds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.clean.linemodel import (  # noqa: E402
    ADDRESS_FEATURES, BODY_FEATURES, SECOND_FEATURES, TITLE_FEATURES, TreeEnsemble, body_anchor, body_features, body_probability,
    headline_features, title_candidates, title_features,
)
from claimgraph.clean.text import classify_lines, collect, read_once, read_with_model  # noqa: E402
from claimgraph.evaluate.boilerplate import english_only, score_pages, tokenize  # noqa: E402
from claimgraph.evaluate.common import read_jsonl  # noqa: E402
from claimgraph.evaluate.scraped import declared_headlines, page_markup, title_is_headline  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval-data" / "scraped-text-dev.jsonl.gz"
OUT = ROOT / "src" / "claimgraph" / "data" / "boilerplate" / "line_model.json"
BODY_SHARE = 0.5
BODY_PARAMS = dict(max_iter=150, learning_rate=0.1, max_leaf_nodes=15, min_samples_leaf=20,
                   l2_regularization=1.0, random_state=0)
# Each split looks at a third of the title features: with ~150 headlines to learn from,
# trees that may always take the strongest feature ignore the rarer reader cues (a
# breadcrumb echo, a byline right below).
TITLE_PARAMS = dict(max_iter=200, learning_rate=0.08, max_leaf_nodes=7, min_samples_leaf=5,
                    l2_regularization=1.0, max_features=0.3, random_state=0)


# Stretches of the page shorter than this that also occur in the gold are chance ("the",
# "Twitter"), not the article: the alignment keeps only runs of a shingle or more.
ALIGN_MIN_TOKENS = 4


def unit_labels(units, gold: str) -> np.ndarray:
    """Body labels from aligning the page's token stream with the gold text in order: a
    unit is body when most of its tokens fall in aligned runs of 4+ tokens. A menu label
    whose word the article happens to use ("Twitter", "Michigan") is not body, a short
    sub-heading inside the article is."""
    from difflib import SequenceMatcher

    unit_tokens = [tokenize(u.text) for u in units]
    stream = [t for tokens in unit_tokens for t in tokens]
    owner = np.repeat(np.arange(len(units)), [len(t) for t in unit_tokens])
    aligned = np.zeros(len(stream), dtype=bool)
    matcher = SequenceMatcher(None, stream, tokenize(gold), autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= ALIGN_MIN_TOKENS:
            aligned[block.a:block.a + block.size] = True
    hits = np.bincount(owner, weights=aligned, minlength=len(units)) if len(stream) else np.zeros(len(units))
    sizes = np.array([max(1, len(t)) for t in unit_tokens])
    return (hits / sizes >= BODY_SHARE).astype(int)


def unit_weights(units) -> np.ndarray:
    """Each page weighs the same (the metric is a mean over pages); within it, a unit by its tokens."""
    tokens = np.array([len(tokenize(u.text)) + 1 for u in units], dtype=float)
    return tokens / tokens.sum()


def prepare(records, markup=None):
    pages = []
    markup = markup or {}
    for record in records:
        units = classify_lines(record.get("text") or "")
        X = body_features(units)
        pages.append({"id": record["id"], "units": units, "X": X, "y": unit_labels(units, record["gold_text"] or ""),
                      "w": unit_weights(units) if units else np.zeros(0), "gold": record["gold_text"] or "",
                      "page_title": record.get("page_title"), "url": record.get("url"),
                      "declared": declared_headlines(markup.get(record["id"]), record.get("page_title")), "english": bool(english_only(record["gold_text"] or ""))})
    return pages


def fold_of(page_id: str, folds: int) -> int:
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % folds


def export_hgb(model, names: list[str]) -> dict:
    """A fitted HistGradientBoostingClassifier as plain arrays (leaf values include shrinkage)."""
    trees = []
    for predictors in model._predictors:
        nodes = predictors[0].nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({
            "feature": np.where(leaf, -1, nodes["feature_idx"]).tolist(),
            "threshold": [round(float(t), 6) for t in nodes["num_threshold"]],
            "left": nodes["left"].tolist(), "right": nodes["right"].tolist(),
            "value": [round(float(v), 6) for v in np.where(leaf, nodes["value"], 0.0)],
        })
    return {"features": names, "init": float(np.ravel(model._baseline_prediction)[0]), "learning_rate": 1.0,
            "trees": trees}


def fit_first(pages, matrices=None, names=BODY_FEATURES, params=BODY_PARAMS):
    from sklearn.ensemble import HistGradientBoostingClassifier

    X = np.vstack(matrices if matrices is not None else [p["X"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    w = np.concatenate([p["w"] for p in pages]) * len(X) / len(pages)
    model = HistGradientBoostingClassifier(**params).fit(X, y, sample_weight=w)
    return TreeEnsemble.from_json(export_hgb(model, names))


def fit_body(pages):
    return {"body": fit_first(pages)}


def fit_second(pages, models):
    """The second body model: the body features and each unit's place relative to the
    headline the first reading (body and title models) finds on the page."""
    matrices = []
    for page in pages:
        _, headline, _ = read_once(copy_units(page["units"]), models, page["X"], page["url"])
        matrices.append(headline_features(page["X"], headline))
    return fit_first(pages, matrices, SECOND_FEATURES)


def copy_units(units):
    return [u.__class__(**{s: getattr(u, s) for s in u.__slots__}) for u in units]


def fit_all(pages):
    """Body, title and second body model, trained on ``pages`` in that order (each reads
    what the one before it makes of the training pages)."""
    models = fit_body(pages)
    models["title"] = fit_title(pages, models)
    models["second"] = fit_second(pages, models)
    return models


def title_rows(page, body_models):
    units = page["units"]
    p = body_probability(body_models, units, page["X"])
    anchor = body_anchor(units, p, 0.5)
    candidates = title_candidates(units, anchor)
    if not candidates:
        return None, None
    T = title_features(units, page["X"], p, candidates, anchor, page["url"])
    y = np.array([title_is_headline(units[i].text, page["page_title"], page["declared"]) for i in candidates], dtype=int)
    return T, y


def fit_title(pages, body_models):
    from sklearn.ensemble import HistGradientBoostingClassifier

    Xs, ys = [], []
    for page in pages:
        T, y = title_rows(page, body_models)
        if T is not None and y.any():
            Xs.append(T)
            ys.append(y)
    X, y = np.vstack(Xs), np.concatenate(ys)
    # Every page once more as if read without its address: the slug is so telling that a
    # model that always had it would learn little else, and pasted pages have none.
    blind = X.copy()
    blind[:, [TITLE_FEATURES.index(name) for name in ADDRESS_FEATURES]] = 0.0
    model = HistGradientBoostingClassifier(**TITLE_PARAMS).fit(np.vstack([X, blind]), np.concatenate([y, y]))
    return TreeEnsemble.from_json(export_hgb(model, TITLE_FEATURES))


def predict(page, models, with_url=True):
    units = copy_units(page["units"])
    read_with_model(units, models, features=page["X"], url=page["url"] if with_url else None)
    cleaned = collect(units)
    return cleaned.body, cleaned.title


def report(name, pages, bodies, titles) -> dict[str, float]:
    golds = [p["gold"] for p in pages]
    scores = score_pages(golds, bodies)
    right = [title_is_headline(t, p["page_title"], p["declared"]) for p, t in zip(pages, titles)]
    strict = [title_is_headline(t, p["page_title"]) for p, t in zip(pages, titles)]
    print(f"{name:<28} n={len(pages):3d}  F1 {scores['f1']:.3f}  P {scores['precision']:.3f}  "
          f"R {scores['recall']:.3f}  title {statistics.fmean(right):.3f} (<title> alone {statistics.fmean(strict):.3f})")
    return {"pages": len(pages), "title_accuracy": round(statistics.fmean(right), 4),
            "title_accuracy_title_only": round(statistics.fmean(strict), 4),
            **{k: round(scores[k], 4) for k in ("f1", "precision", "recall")}}


def fold_means(pages, bodies, titles, folds: int) -> dict[str, float]:
    """Each held-out fold scored on its own; the mean and spread say how much the pooled figure
    depends on which pages a fold happened to hold."""
    per_fold = {"f1": [], "title_accuracy": []}
    for k in range(folds):
        picked = [i for i, p in enumerate(pages) if fold_of(p["id"], folds) == k]
        if not picked:
            continue
        scores = score_pages([pages[i]["gold"] for i in picked], [bodies[i] for i in picked])
        per_fold["f1"].append(scores["f1"])
        per_fold["title_accuracy"].append(statistics.fmean(
            title_is_headline(titles[i], pages[i]["page_title"], pages[i]["declared"]) for i in picked))
    out = {}
    for key, values in per_fold.items():
        out[f"{key}_mean"] = round(statistics.fmean(values), 4)
        out[f"{key}_sd"] = round(statistics.stdev(values), 4) if len(values) > 1 else 0.0
    print("per fold: " + ", ".join(f"{key} {out[key + '_mean']:.3f} ± {out[key + '_sd']:.3f}" for key in per_fold))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--write", action="store_true", help="retrain on all pages and write the model file")
    parser.add_argument("--no-cv", action="store_true", help="skip the held-out folds (with --write)")
    parser.add_argument("--no-url", action="store_true",
                        help="read the held-out pages without their addresses (how a pasted page fares)")
    args = parser.parse_args()
    started = time.time()
    pages = prepare(read_jsonl(args.data, args.limit), page_markup(args.data))
    if args.no_url and args.write:
        parser.error("--no-url measures; the shipped model is trained with the addresses")
    print(f"{len(pages)} pages, {sum(len(p['units']) for p in pages)} units, {time.time() - started:.0f} s")
    bodies, titles = [""] * len(pages), [None] * len(pages)
    for k in range(0 if args.no_cv else args.folds):
        train = [p for p in pages if fold_of(p["id"], args.folds) != k]
        models = fit_all(train)
        for i, page in enumerate(pages):
            if fold_of(page["id"], args.folds) == k:
                bodies[i], titles[i] = predict(page, models, with_url=not args.no_url)
    heldout = {}
    if not args.no_cv:
        print(f"held-out folds ({args.folds}-fold by page), {time.time() - started:.0f} s:")
        heldout["all"] = report("all pages", pages, bodies, titles)
        english = [i for i, p in enumerate(pages) if p["english"]]
        heldout["english"] = report("English pages", [pages[i] for i in english], [bodies[i] for i in english],
                                    [titles[i] for i in english])
        heldout["folds"] = args.folds
        heldout["per_fold"] = fold_means(pages, bodies, titles, args.folds)
    if args.write:
        models = fit_all(pages)
        payload = {"about": "claimgraph plain-text line model: gradient-boosted trees (scikit-learn "
                            "HistGradientBoostingClassifier) trained by scripts/train_line_model.py on "
                            "scraped-text-dev; applied by claimgraph.clean.linemodel",
                   "heldout": heldout,
                   "models": {name: ensemble_json(model) for name, model in models.items()}}
        OUT.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


def ensemble_json(model: TreeEnsemble) -> dict:
    return {"features": model.features, "init": model.init, "learning_rate": model.learning_rate,
            "threshold": model.threshold,
            "trees": [{k: v.tolist() for k, v in tree.items()} for tree in model.trees]}


if __name__ == "__main__":
    main()

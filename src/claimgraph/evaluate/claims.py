"""Claims scored against exhaustively annotated real-news gold (``shared/gold/REALNEWS.md``).

A port of ``shared/tools/score_claims.py`` (same matching, same metric names, same numbers;
``tests/test_eval_claims.py`` checks both agree): every claim the system emits in an
annotated document, other than STATEMENT, is matched to a gold claim or is a false positive.

Matching, per document (documents are matched by file name): a predicted and a gold claim
are a candidate pair when their types are equal and the predicted evidence covers at least
60 % of the gold evidence's word tokens; pairs are taken one to one, best role agreement
first. A prediction paired with an ``optional`` gold claim counts neither way.

Metrics (micro over all documents): ``claim_precision/recall/f1``, ``roles_precision/recall/f1``,
``source_acc``, ``via_acc``, ``polarity_acc``, ``modality_acc``, ``time_acc``, ``quantity_acc``
(over matched pairs), ``fully_correct_precision/recall``, ``event_b3_precision/recall/f1`` (of
the matched gold claims), ``contradiction_precision/recall`` (None when nothing to divide by),
and the counts ``n_pred``, ``n_gold``, ``n_matched``, ``n_fully_correct``.

    >>> norm("The Pentagon's"), round(covers("a b c", "a b d e"), 2)
    ('pentagon', 0.5)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

__all__ = ["METRICS", "covers", "merge_exports", "norm", "score_claims"]

ROLES = ("actor", "target", "instrument", "location", "recipient", "subject")
WORD = re.compile(r"\w+", re.UNICODE)
SKIP_TYPES = frozenset({"STATEMENT"})
SPEECH_ACTS = frozenset({"DENY", "ACCUSE", "CONDEMN", "THREATEN", "NOTIFY"})
ASPECTS = ("source", "via", "polarity", "modality", "time", "quantity")
MIN_COVER = 0.6
METRICS = ("claim_precision", "claim_recall", "claim_f1", "roles_precision", "roles_recall", "roles_f1",
           *(f"{a}_acc" for a in ASPECTS), "fully_correct_precision", "fully_correct_recall",
           "event_b3_precision", "event_b3_recall", "event_b3_f1",
           "contradiction_precision", "contradiction_recall", "n_pred", "n_gold", "n_matched", "n_fully_correct")


def norm(name: str | None) -> str:
    """A name as the gold compares it: casefolded, leading "the" and final "'s" dropped."""
    s = (name or "").casefold().replace("’", "'").strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def _words(text: str) -> Counter:
    return Counter(w.casefold() for w in WORD.findall(text or ""))


def covers(pred_text: str, gold_text: str) -> float:
    """Share of the gold evidence's word tokens the predicted evidence holds."""
    gold = _words(gold_text)
    if not gold:
        return 0.0
    return sum((gold & _words(pred_text)).values()) / sum(gold.values())


class Names:
    """Entity id -> its normalised name and aliases; a filler matches one acceptable name."""

    def __init__(self, entities: list[dict[str, Any]]):
        self.by_id = {e["id"]: {norm(e.get("name"))} | {norm(a) for a in e.get("aliases") or []}
                      for e in entities}

    def match(self, entity_id: str | None, acceptable: list[str]) -> bool:
        if not entity_id:
            return False
        names = self.by_id.get(entity_id, {norm(entity_id)})
        return any(norm(a) in names for a in acceptable)


def _interval(q: dict[str, Any]) -> tuple:
    if q.get("value") is not None:
        return (float(q["value"]), float(q["value"]))
    return _gold_interval(q)


def _gold_interval(q: dict[str, Any]) -> tuple:
    lo, hi = q.get("low"), q.get("high")
    return (None if lo is None else float(lo), None if hi is None else float(hi))


def role_counts(pred: dict[str, Any], gold: dict[str, Any], names: Names) -> tuple[int, int, int]:
    """(true, false, missed) role fillers of a pair."""
    tp = fp = fn = 0
    for role in ROLES:
        p_fillers = list(pred.get("roles", {}).get(role, []))
        used: set[int] = set()
        for alts in gold.get("roles", {}).get(role, []):
            hit = next((i for i, pid in enumerate(p_fillers) if i not in used and names.match(pid, alts)), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(p_fillers) - len(used)
    return tp, fp, fn


def aspects(pred: dict[str, Any], gold: dict[str, Any], doc: dict[str, Any], names: Names) -> dict[str, bool]:
    """Which aspects of a matched pair are right: roles, source, via, polarity, modality, time, quantity."""
    tp, fp, fn = role_counts(pred, gold, names)
    out = {"roles": fp == 0 and fn == 0}
    gs = gold.get("source")
    if gs is None:
        out["source"] = pred.get("source") is None or names.match(pred.get("source"), [doc.get("outlet") or ""])
    else:
        out["source"] = names.match(pred.get("source"), gs)
    g_via, p_via = gold.get("via") or [], list(pred.get("via") or [])
    out["via"] = len(g_via) == len(p_via) and all(any(names.match(p, alts) for p in p_via) for alts in g_via)
    out["polarity"] = pred.get("polarity", "asserted") == gold.get("polarity", "asserted")
    out["modality"] = pred.get("modality") == gold.get("modality")
    if gold["type"] in SPEECH_ACTS:
        # the speech act itself: its speaker or nobody may be the source, stated as fact or as reported
        speakers = [a for alts in gold.get("roles", {}).get("actor", []) for a in alts]
        out["source"] = out["source"] or pred.get("source") is None or names.match(pred.get("source"), speakers)
        out["via"] = out["via"] or not p_via
        out["modality"] = pred.get("modality") in {"fact", "reported", gold.get("modality")}
    gt, pt = gold.get("time"), pred.get("time") or {}
    out["time"] = (not pt.get("start")) if gt is None else (
        pt.get("start") == gt.get("start") and pt.get("end") == gt.get("end"))
    p_q = {_interval(q) for q in pred.get("quantities") or []}
    out["quantity"] = all(_gold_interval(q) in p_q for q in gold.get("quantities") or [])
    return out


def _pairs(preds: list[dict], golds: list[dict], names: Names) -> dict[int, int]:
    """Predicted index -> gold index, one to one, best role agreement (then coverage) first."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            cover = covers(p.get("text", ""), g["evidence"])
            if p["type"] != g["type"] or cover < MIN_COVER:
                continue
            tp, fp, fn = role_counts(p, g, names)
            cands.append((tp - fp - fn, cover, i, j))
    pairs: dict[int, int] = {}
    for _, _, i, j in sorted(cands, reverse=True):
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return pairs


class _Tally:
    """Counts over all documents, and the lines ``--verbose`` prints."""

    def __init__(self) -> None:
        self.n_pred = self.n_gold = self.n_match = self.fully = 0
        self.per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
        self.roles = [0, 0, 0]
        self.aspects: Counter = Counter()
        self.pair_of_gold: dict[str, str] = {}
        self.lines: list[str] = []

    def document(self, gdoc: dict, doc: dict | None, preds: list[dict], names: Names) -> None:
        golds = gdoc.get("claims", [])
        pairs = _pairs(preds, golds, names)
        for i, p in enumerate(preds):
            j = pairs.get(i)
            if j is not None and golds[j].get("optional"):
                continue
            self.n_pred += 1
            self.per_type[p["type"]][1] += 1
            if j is None:
                self.lines.append(f"FP   {gdoc['file']}  {p['type']:<9} {p.get('text', '')[:110]!r}")
        gold_to_pred = {j: i for i, j in pairs.items()}
        for j, g in enumerate(golds):
            if not g.get("optional"):
                self._gold_claim(gdoc, doc, g, preds[gold_to_pred[j]] if j in gold_to_pred else None, names)

    def _gold_claim(self, gdoc: dict, doc: dict | None, g: dict, p: dict | None, names: Names) -> None:
        self.n_gold += 1
        self.per_type[g["type"]][2] += 1
        if p is None:
            self.lines.append(f"MISS {gdoc['file']}  {g['type']:<9} {g['id']}: {g['evidence'][:100]!r}")
            return
        self.n_match += 1
        self.per_type[g["type"]][0] += 1
        self.pair_of_gold[g["id"]] = p["id"]
        for k, n in enumerate(role_counts(p, g, names)):
            self.roles[k] += n
        right = aspects(p, g, doc or {}, names)
        self.aspects.update(k for k, v in right.items() if v)
        if all(right.values()):
            self.fully += 1
        else:
            self.lines.append(f"PART {gdoc['file']}  {g['type']:<9} {g['id']}: wrong "
                              + ", ".join(k for k, v in right.items() if not v))


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _event_b3(gold: dict, export: dict, pair_of_gold: dict[str, str]) -> dict[str, float]:
    """B-cubed of the system's event grouping over the matched gold claims."""
    event_of = {cid: ev["id"] for ev in export.get("events", []) for cid in ev.get("claim_ids", [])}
    gold_event = {cid: f"g{k}" for k, ev in enumerate(gold.get("events", [])) for cid in ev["claims"]}
    matched = list(pair_of_gold)
    if not matched:
        return {"event_b3_precision": 0.0, "event_b3_recall": 0.0, "event_b3_f1": 0.0}
    pe = {g: event_of.get(pair_of_gold[g], "p:" + pair_of_gold[g]) for g in matched}
    ge = {g: gold_event.get(g, "s:" + g) for g in matched}
    bp = br = 0.0
    for g in matched:
        same_p = {h for h in matched if pe[h] == pe[g]}
        same_g = {h for h in matched if ge[h] == ge[g]}
        inter = len(same_p & same_g)
        bp += inter / len(same_p)
        br += inter / len(same_g)
    bp, br = bp / len(matched), br / len(matched)
    return {"event_b3_precision": round(bp, 4), "event_b3_recall": round(br, 4), "event_b3_f1": _f1(bp, br)}


def _contradictions(gold: dict, export: dict, docs_by_file: dict, pair_of_gold: dict[str, str]) -> dict:
    """Predicted contradictions within the annotated documents against the gold pairs."""
    annotated = {docs_by_file[g["file"]]["id"] for g in gold["documents"] if g["file"] in docs_by_file}
    claim_doc = {c["id"]: c["document_id"] for c in export.get("claims", [])}
    preds = [c for c in export.get("contradictions", [])
             if all(claim_doc.get(cid) in annotated for cid in c.get("claim_ids", []))]
    golds = gold.get("contradictions", [])
    hit_gold, hit_pred = set(), set()
    for k, gc in enumerate(golds):
        want = {pair_of_gold.get(cid) for cid in gc["claims"]}
        if None in want:
            continue
        for n, pc in enumerate(preds):
            if set(pc.get("claim_ids", [])) == want and pc.get("kind") == gc.get("kind"):
                hit_gold.add(k)
                hit_pred.add(n)
    # None where there is nothing to divide by (no contradictions predicted, or none in the gold)
    return {"contradiction_precision": _ratio(len(hit_pred), len(preds)) if preds else None,
            "contradiction_recall": _ratio(len(hit_gold), len(golds)) if golds else None}


def score_claims(export: dict[str, Any], gold: dict[str, Any], lines: list[str] | None = None) -> dict[str, Any]:
    """The metrics of ``score_claims.py`` for an export (the JSON contract) against a gold.

    :param lines: when given, receives one line per miss, false positive and partial match.
    :returns: the metric names above, ``per_type`` {type: precision, recall, pred, gold} and,
        when some gold documents are not in the export, ``missing_documents``.
    """
    names = Names(export.get("entities", []))
    docs_by_file = {Path(d.get("path") or d.get("url") or d["id"]).name: d for d in export.get("documents", [])}
    claims_by_doc = defaultdict(list)
    for c in export.get("claims", []):
        claims_by_doc[c["document_id"]].append(c)
    tally, missing = _Tally(), []
    for gdoc in gold["documents"]:
        doc = docs_by_file.get(gdoc["file"])
        if doc is None:
            missing.append(gdoc["file"])
        preds = [c for c in claims_by_doc.get(doc["id"], []) if c["type"] not in SKIP_TYPES] if doc else []
        tally.document(gdoc, doc, preds, names)
    m: dict[str, Any] = {"claim_precision": _ratio(tally.n_match, tally.n_pred),
                         "claim_recall": _ratio(tally.n_match, tally.n_gold)}
    m["claim_f1"] = _f1(m["claim_precision"], m["claim_recall"])
    tp, fp, fn = tally.roles
    m["roles_precision"], m["roles_recall"] = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    m["roles_f1"] = _f1(m["roles_precision"], m["roles_recall"])
    for k in ASPECTS:
        m[f"{k}_acc"] = _ratio(tally.aspects[k], tally.n_match)
    m["fully_correct_precision"] = _ratio(tally.fully, tally.n_pred)
    m["fully_correct_recall"] = _ratio(tally.fully, tally.n_gold)
    m.update(_event_b3(gold, export, tally.pair_of_gold))
    m.update(_contradictions(gold, export, docs_by_file, tally.pair_of_gold))
    m["n_pred"], m["n_gold"], m["n_matched"], m["n_fully_correct"] = tally.n_pred, tally.n_gold, tally.n_match, tally.fully
    m["per_type"] = {t: {"precision": _ratio(v[0], v[1]), "recall": _ratio(v[0], v[2]), "pred": v[1], "gold": v[2]}
                     for t, v in sorted(tally.per_type.items())}
    if missing:
        m["missing_documents"] = missing
    if lines is not None:
        lines.extend(tally.lines)
    return m


# --- pooling sets ------------------------------------------------------------------------------

ID_TABLES = ("documents", "claims", "entities", "events", "contradictions")


def _prefixed(value: Any, ids: set[str], prefix: str) -> Any:
    if isinstance(value, str):
        return prefix + value if value in ids else value
    if isinstance(value, list):
        return [_prefixed(v, ids, prefix) for v in value]
    if isinstance(value, dict):
        return {k: _prefixed(v, ids, prefix) for k, v in value.items()}
    return value


def merge_exports(parts: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """One (export, gold) from several sets' (name, export, gold), micro-pooled.

    Each set was ingested into its own database, so ids, entity names and file names are
    made distinct by the set's name: every id of a set's export (wherever it is referred
    to), its documents' file names and its gold claim ids get the prefix ``NAME:``.
    Scoring the result gives the same counts as adding up the sets.
    """
    export: dict[str, Any] = {table: [] for table in ID_TABLES}
    gold: dict[str, Any] = {"documents": [], "events": [], "contradictions": []}
    for name, part, part_gold in parts:
        prefix = f"{name}:"
        ids = {row["id"] for table in ID_TABLES for row in part.get(table, []) if "id" in row}
        renamed = _prefixed({t: part.get(t, []) for t in ID_TABLES}, ids, prefix)
        for d in renamed["documents"]:
            d["path"] = prefix + Path(d.get("path") or d.get("url") or d["id"]).name
        for table in ID_TABLES:
            export[table] += renamed[table]
        gold_ids = {c["id"] for d in part_gold["documents"] for c in d.get("claims", [])}
        relabelled = _prefixed({k: part_gold.get(k, []) for k in ("events", "contradictions")}, gold_ids, prefix)
        gold["documents"] += [{**d, "file": prefix + d["file"],
                               "claims": [{**c, "id": prefix + c["id"]} for c in d.get("claims", [])]}
                              for d in part_gold["documents"]]
        gold["events"] += relabelled["events"]
        gold["contradictions"] += relabelled["contradictions"]
    return export, gold


# --- the task: build, ingest, export, score ----------------------------------------------------


def evaluate_claims(gold_file: str | Path | None = None, data: str | Path | None = None,
                    limit: int | None = None, sets_dir: str | Path | None = None, settings=None) -> list:
    """Score the product on every real-news gold set (or the one given), then on all pooled.

    Each set's article folder is built from the eval-data in a temporary directory, ingested
    into a fresh temporary database by the same code ``claimgraph ingest`` runs, exported as
    the JSON contract and scored with ``score_claims``.

    :param gold_file: one ``SET.gold.json`` (its ``SET.manifest.json`` beside it); default
        every set of ``sets_dir``.
    :param data: the eval-data folder (default ``../shared/eval-data``).
    :param limit: score only the first ``limit`` documents of each set.
    :param sets_dir: where the sets are (default ``eval/realnews`` of the repository).
    :returns: one ``EvalResult`` per set, then one for all sets pooled (micro: the golds
        concatenated) when there are several, then (by default) one per held-out set of
        ``eval/heldout``, which is never pooled: it measures generalisation, not tuning.
    """
    from claimgraph.errors import ConfigError
    from claimgraph.evaluate.common import default_data_dir
    from claimgraph.evaluate.realnews import find_sets, gold_set, heldout_dir

    data_dir = Path(data) if data is not None else default_data_dir()
    if data_dir is None:
        raise ConfigError("evaluation data not found: pass --data DIR (the folder of shared/eval-data)")
    sets = [gold_set(gold_file)] if gold_file is not None else find_sets(sets_dir)
    results, parts = [], []
    for one in sets:
        result, export, gold = _score_set(one, data_dir, limit, settings)
        results.append(result)
        parts.append((one.name, export, gold))
    if len(parts) > 1:
        results.append(_pooled(parts, sum(r.seconds for r in results)))
    if gold_file is None and sets_dir is None and heldout_dir().is_dir():
        for one in find_sets(heldout_dir()):
            result = _score_set(one, data_dir, limit, settings)[0]
            result.notes.append("Held out: articles of other conflicts and outlets, annotated after the "
                                "development sets and never developed on (eval/heldout/README.md).")
            results.append(result)
    return results


def _score_set(one, data_dir: Path, limit: int | None, settings) -> tuple[Any, dict, dict]:
    import tempfile

    from claimgraph.evaluate.common import ingest_and_export, stopwatch
    from claimgraph.evaluate.realnews import build_folder, limited

    gold = limited(one.gold, limit)
    files = None if gold is one.gold else [d["file"] for d in gold["documents"]]
    with stopwatch() as took, tempfile.TemporaryDirectory(prefix=f"claimgraph-{one.name}-") as tmp:
        folder = Path(tmp) / one.name
        kept_back = build_folder(one, data_dir, folder, files)
        export, report = ingest_and_export([str(folder)], Path(tmp) / "realnews.db", settings)
    notes = [f"Built the {one.name} articles from the eval-data ({_datasets(one, gold)}) in a temporary "
             "folder, ingested them into a fresh database as `claimgraph ingest` does, exported the JSON "
             "contract and scored it against the gold with the port of shared/tools/score_claims.py."]
    if kept_back:
        notes.append(f"Kept-back articles (Reuters/PolNeAR naming Iran or Iraq) in this set: {', '.join(kept_back)}.")
    result = _result(one.name, str(one.gold_path), export, gold, took[0], notes)
    result.extra["ingest"] = report.summary()
    return result, export, gold


def _pooled(parts: list[tuple[str, dict, dict]], seconds: float):
    export, gold = merge_exports(parts)
    names = "+".join(name for name, _, _ in parts)
    return _result("pooled", f"pooled: {names}", export, gold, seconds,
                   [f"All sets pooled (micro: {names}, their golds concatenated, each set's own export)."])


def _result(name: str, file: str, export: dict, gold: dict, seconds: float, notes: list[str]):
    from claimgraph.evaluate.common import EvalResult

    lines: list[str] = []
    m = score_claims(export, gold, lines)
    extra = {"set": name, "by_type": m.pop("per_type"), "lines": lines}
    if "missing_documents" in m:
        extra["missing_documents"] = m.pop("missing_documents")
        notes = notes + [f"Not in the export (rejected at ingest?): {', '.join(extra['missing_documents'])}."]
    return EvalResult(task="claims", file=file, n=len(gold["documents"]), metrics=m, extra=extra,
                      seconds=seconds, notes=notes)


def _datasets(one, gold: dict) -> str:
    counts = Counter(one.files[d["file"]]["dataset"] for d in gold["documents"])
    return ", ".join(f"{n} {ds}" for ds, n in sorted(counts.items()))

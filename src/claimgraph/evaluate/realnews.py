"""Real-news gold sets: their article folders, built from ``../shared/eval-data`` at run time.

A set is two files in ``eval/realnews/`` of the repository: ``SET.gold.json`` (the format of
``shared/gold/REALNEWS.md``) and ``SET.manifest.json``, which names, for every article file of
the gold, the eval-data record it is::

    {"files": {"ecb-18-01.txt": {"dataset": "ecbplus", "id": "ecbplus/18_1ecb"}}}

The articles themselves are never in the repository (part of the data is licensed for
research only): ``build_folder`` writes them, and a ``meta.json`` sidecar, into a folder the
caller owns (a temporary one during ``claimgraph eval claims``). The text is laid out exactly
as the annotators read it (their ``build.py``): what the gold's evidence quotes must be what
claimgraph ingests, byte for byte.

    >>> detok("Reid , 33 , said `` no '' .")
    'Reid, 33, said "no".'
    >>> article("reuters", {"text": "Troops moved.", "dateline": "PARIS, May 2 - ", "title": "T", "date": "1987-05-02"})
    ('PARIS, May 2 - Troops moved.', 'T', '1987-05-02', 'Reuters')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.evaluate.common import REPO_ROOT, read_jsonl

__all__ = ["DATASET_FILES", "GoldSet", "article", "build_folder", "detok", "find_sets", "gold_set",
           "heldout_dir", "limited", "realnews_dir"]

# dataset -> its files in eval-data (ECB+ train and dev topics, PolNeAR train and dev)
DATASET_FILES = {"ecbplus": ["ecbplus-dev.jsonl.gz"], "reuters": ["news_corpus.jsonl.gz"],
                 "polnear": ["attribution-polnear-dev.jsonl.gz", "attribution-polnear-train.jsonl.gz"],
                 "meantime": ["timex-meantime-dev.jsonl.gz"],
                 # recent news of many outlets (2013-18), the texts of two geoparsing sets
                 "trnews": ["geo-trnews-dev.jsonl.gz"], "gwn": ["geo-gwn-dev.jsonl.gz"],
                 # US local papers (2009), the LGL geoparsing set
                 "lgl": ["geo-lgl-dev.jsonl.gz"],
                 # Syria-war statements and reports of seven publishers (re3d dev documents)
                 "re3d": ["re3d-dev.jsonl.gz"],
                 # web articles of many outlets (2019): the human-written body of the extraction benchmark
                 "aeb": ["boilerplate.jsonl.gz"]}
# datasets whose texts are news of a corpus (not event-coreference topics)
NEWS_DATASETS = {"reuters", "polnear", "trnews", "gwn", "lgl", "re3d", "aeb"}
# News articles naming Iran or Iraq are kept back for scoring, never developed on.
KEPT_BACK = re.compile(r"\b(iran|iraq)", re.I)
GOLD_SUFFIX, MANIFEST_SUFFIX = ".gold.json", ".manifest.json"


@dataclass(frozen=True, slots=True)
class GoldSet:
    """One annotated set: its name, the gold (parsed) and the manifest's file -> record map."""

    name: str
    gold_path: Path
    gold: dict[str, Any]
    files: dict[str, dict[str, str]]


def realnews_dir() -> Path:
    """``eval/realnews`` of the source checkout."""
    return REPO_ROOT / "eval" / "realnews"


def heldout_dir() -> Path:
    """``eval/heldout``: sets scored for generalisation only, never developed on nor pooled."""
    return REPO_ROOT / "eval" / "heldout"


def gold_set(gold_path: str | Path) -> GoldSet:
    """Read ``SET.gold.json`` and the ``SET.manifest.json`` beside it."""
    path = Path(gold_path)
    name = path.name[: -len(GOLD_SUFFIX)] if path.name.endswith(GOLD_SUFFIX) else path.stem
    manifest = path.with_name(name + MANIFEST_SUFFIX)
    if not manifest.is_file():
        raise ConfigError(f"{path} has no manifest: expected {manifest}")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read the gold set {path}: {exc}") from exc
    unmapped = sorted({d["file"] for d in gold.get("documents", [])} - set(files))
    if unmapped:
        raise ConfigError(f"{manifest.name} does not map {', '.join(unmapped)} to an eval-data record")
    return GoldSet(name, path, gold, files)


def find_sets(folder: str | Path | None = None) -> list[GoldSet]:
    """Every ``*.gold.json`` set of ``folder`` (default ``eval/realnews``), by name."""
    folder = Path(folder) if folder is not None else realnews_dir()
    paths = sorted(folder.glob("*" + GOLD_SUFFIX)) if folder.is_dir() else []
    if not paths:
        raise ConfigError(f"no real-news gold sets (*{GOLD_SUFFIX} with *{MANIFEST_SUFFIX}) in {folder}; "
                          "pass one with --file")
    return [gold_set(p) for p in paths]


def limited(gold: dict[str, Any], limit: int | None) -> dict[str, Any]:
    """The gold of its first ``limit`` documents; events and contradictions keep only their claims.

    >>> g = {"documents": [{"file": "a", "claims": [{"id": "a1"}]}, {"file": "b", "claims": [{"id": "b1"}]}],
    ...      "events": [{"id": "e", "claims": ["a1", "b1"]}], "contradictions": [{"kind": "time", "claims": ["a1", "b1"]}]}
    >>> small = limited(g, 1)
    >>> [d["file"] for d in small["documents"]], small["events"], small["contradictions"]
    (['a'], [{'id': 'e', 'claims': ['a1']}], [])
    """
    if limit is None or limit >= len(gold.get("documents", [])):
        return gold
    documents = gold["documents"][:limit]
    kept = {c["id"] for d in documents for c in d.get("claims", [])}
    events = [{**e, "claims": [c for c in e["claims"] if c in kept]} for e in gold.get("events", [])]
    return {**gold, "documents": documents, "events": [e for e in events if e["claims"]],
            "contradictions": [c for c in gold.get("contradictions", []) if set(c["claims"]) <= kept]}


# --- the article text, as the annotators read it (keep byte-identical to their build.py) ------


def detok(text: str) -> str:
    """Undo the corpus tokenisation of ECB+ and MEANTIME ("Reid , 33 ." -> "Reid, 33.")."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r" ([,.;:!?%)\]])", r"\1", line)
        line = re.sub(r"([(\[$]) ", r"\1", line)
        line = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", line)
        line = re.sub(r"`` ?| ?''", '"', line)
        out.append(line)
    return "\n".join(out)


def article(dataset: str, r: dict[str, Any]) -> tuple[str, str | None, str | None, str | None]:
    """(text, title, published, outlet) of an eval-data record, as claimgraph reads it."""
    if dataset == "reuters":
        body = r["text"]
        if r.get("dateline"):
            body = r["dateline"].strip() + " " + body
        return body, r.get("title"), r.get("date"), "Reuters"
    if dataset == "polnear":
        return r["text"], r.get("title"), r.get("published"), r.get("publisher")
    if dataset == "meantime":
        lines = r["text"].split("\n")
        return detok("\n\n".join(lines)), r.get("title"), r.get("dct"), "Wikinews"
    if dataset in {"trnews", "gwn", "lgl"}:
        return r["text"], r.get("title"), date_in_url(r.get("url")), outlet_of(r.get("url"))
    if dataset == "re3d":
        return r["text"], r.get("title"), date_in_url(r.get("source_url")), r.get("source_name")
    if dataset == "aeb":
        return r["gold_text"], None, date_in_url(r.get("url")), outlet_of(r.get("url"))
    if dataset == "ecbplus":
        lines = r["text"].split("\n")
        if lines and re.match(r"\s*(https?:|www\.)", lines[0]):
            lines = lines[1:]
        return detok("\n\n".join(lines)), None, None, None
    raise ConfigError(f"unknown real-news dataset {dataset!r}; choose one of {', '.join(DATASET_FILES)}")


def date_in_url(url: str | None) -> str | None:
    """The publication day a news address spells out ("/2015/01/02/" or "/20090323/"), else
    None (the gold document then gives it).

    >>> date_in_url("http://www.cnn.com/2015/01/02/us/story/index.html"), date_in_url("http://x.com/a")
    ('2015-01-02', None)
    >>> date_in_url("http://www.thetowntalk.com/article/20090323/NEWS01/90323014/-1/rss")
    '2009-03-23'
    """
    m = re.search(r"/((?:19|20)\d\d)/?(0[1-9]|1[0-2])/?(0[1-9]|[12]\d|3[01])/", url or "")
    return "-".join(m.groups()) if m else None


def outlet_of(url: str | None) -> str | None:
    """The outlet's domain ("www.bbc.com" -> "bbc.com").

    >>> outlet_of("http://www.bbc.com/news/world-38090185"), outlet_of(None)
    ('bbc.com', None)
    """
    m = re.match(r"https?://(?:www\.)?([^/]+)", url or "")
    return m.group(1) if m else None


# --- building the folder -------------------------------------------------------------------


def dataset_records(data_dir: Path, dataset: str) -> Iterator[dict[str, Any]]:
    """The records a dataset offers (``NAME.jsonl.gz``, or ``NAME.jsonl`` for small fixtures)."""
    if dataset not in DATASET_FILES:
        raise ConfigError(f"unknown real-news dataset {dataset!r}; choose one of {', '.join(DATASET_FILES)}")
    for name in DATASET_FILES[dataset]:
        path = data_dir / name
        if not path.is_file() and (data_dir / name.removesuffix(".gz")).is_file():
            path = data_dir / name.removesuffix(".gz")
        if not path.is_file():
            raise ConfigError(f"{path} does not exist; pass --data DIR (the eval-data folder)")
        for record in read_jsonl(path):
            # ECB+ train topics too (the dev topics about violence are all annotated, and no
            # eval here trains on the train split), never a test topic, held back for scoring
            if dataset == "ecbplus" and record.get("split") == "test":
                continue
            yield record


def wanted_records(data_dir: Path, refs: Iterable[dict[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(dataset, id) -> record for every reference, reading each dataset once."""
    wanted: dict[str, set[str]] = {}
    for ref in refs:
        wanted.setdefault(ref["dataset"], set()).add(ref["id"])
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for dataset, ids in wanted.items():
        for record in dataset_records(data_dir, dataset):
            if record.get("id") in ids:
                found[(dataset, record["id"])] = record
        missing = sorted(ids - {rid for ds, rid in found if ds == dataset})
        if missing:
            raise ConfigError(f"not in the {dataset} eval-data: {', '.join(missing[:5])}")
    return found


def build_folder(gold_set_: GoldSet, data_dir: str | Path, out_dir: str | Path,
                 files: Iterable[str] | None = None) -> list[str]:
    """Write the set's articles and ``meta.json`` into ``out_dir``.

    :param files: only these article files (default: every file of the manifest).
    :returns: the files whose text names Iran or Iraq although they come from a news
        corpus (kept back for scoring: they should not be in a development set).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chosen = {f: gold_set_.files[f] for f in (files if files is not None else gold_set_.files)}
    records = wanted_records(Path(data_dir), chosen.values())
    gold_docs = {d["file"]: d for d in gold_set_.gold.get("documents", [])}
    meta, kept_back = {}, []
    for file, ref in chosen.items():
        text, title, published, outlet = article(ref["dataset"], records[(ref["dataset"], ref["id"])])
        (out / file).write_text(text, encoding="utf-8")
        g = gold_docs.get(file, {})
        meta[file] = {"outlet": g.get("outlet") or outlet, "published": g.get("published") or published,
                      "title": title, "url": None}
        if ref["dataset"] in NEWS_DATASETS and KEPT_BACK.search(text):
            kept_back.append(file)
    (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return kept_back

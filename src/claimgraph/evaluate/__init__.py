"""Evaluation: claimgraph's stages scored on public data sets beside published anchors.

One function per task returns an ``EvalResult`` (``evaluate.common``); ``run_eval`` is
what ``claimgraph eval TASK`` calls. The data is read at run time from
``../shared/eval-data`` (or ``--data DIR``, or $CLAIMGRAPH_EVAL_DATA; see its README for
each file's fields, licence and metric) and never copied into the repository.

    ============  ============================  ==========================================
    task          file                          metrics
    ============  ============================  ==========================================
    boilerplate   boilerplate.jsonl.gz          f1, precision, recall, accuracy (+ trafilatura_*)
    scraped       scraped-text-dev.jsonl.gz     f1, precision, recall, title_accuracy
    timex         timex-meantime-dev.jsonl.gz   strict_f1, relaxed_f1, type_f1, value_f1
    seeds         ../shared/seeds               core, stretch, documents
    ner           re3d-dev.jsonl.gz             (evaluate/ner.py)
    coref         ecbplus-dev.jsonl.gz          (evaluate/coref.py)
    claims        eval/realnews/*.gold.json     claim_precision, claim_recall, ... (evaluate/claims.py)
    geo           geo-*-dev.jsonl.gz            acc161, median_km, auc, recall, precision, acc161_gold_spans
    attribution   attribution-polnear-dev...    attribution_f1, attribution_source_f1, ...
    bench         news_corpus.jsonl.gz          (evaluate/bench.py)
    all           everything, then docs/EVALUATION.md
    ============  ============================  ==========================================

    >>> sorted(TASKS)
    ['all', 'attribution', 'bench', 'boilerplate', 'claims', 'coref', 'geo', 'ner', 'scraped', 'seeds', 'timex']
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.evaluate.common import REPO_ROOT, EvalResult, default_data_dir

__all__ = ["EvalResult", "TASKS", "default_report_path", "results_json", "run_eval"]

# task: (data file in eval-data, "module:function")
TASK_SOURCES: dict[str, tuple[str | None, str]] = {
    "boilerplate": ("boilerplate.jsonl.gz", "claimgraph.evaluate.boilerplate:evaluate_boilerplate"),
    "scraped": ("scraped-text-dev.jsonl.gz", "claimgraph.evaluate.scraped:evaluate_scraped"),
    "timex": ("timex-meantime-dev.jsonl.gz", "claimgraph.evaluate.timex:evaluate_timex"),
    "seeds": (None, "claimgraph.evaluate.seeds:evaluate_seeds"),
    "ner": ("re3d-dev.jsonl.gz", "claimgraph.evaluate.ner:evaluate_ner"),
    "coref": ("ecbplus-dev.jsonl.gz", "claimgraph.evaluate.coref:evaluate_coref"),
    "claims": (None, "claimgraph.evaluate.claims:evaluate_claims"),
    "geo": ("geo-*-dev.jsonl.gz", "claimgraph.evaluate.geo:evaluate_geo"),
    "attribution": ("attribution-polnear-dev.jsonl.gz", "claimgraph.evaluate.attribution:evaluate_attribution"),
    "bench": ("news_corpus.jsonl.gz", "claimgraph.evaluate.bench:run_bench"),
}
TASKS = (*TASK_SOURCES, "all")


def run_eval(task: str, data: str | Path | None = None, file: str | Path | None = None,
             limit: int | None = None, gold: str | Path | None = None,
             report: str | Path | None = None, gold_spans: bool = False) -> list[EvalResult]:
    """Run one evaluation task (or ``all``) and return its results.

    :param task: one of ``TASKS``.
    :param data: the eval-data folder (default ``../shared/eval-data`` or $CLAIMGRAPH_EVAL_DATA).
    :param file: score this one file of the task's layout instead (another split); for
        ``seeds``, a folder of articles; for ``claims``, one ``SET.gold.json`` (default: every
        set of ``eval/realnews``).
    :param limit: score only the first ``limit`` items (quick runs, CI).
    :param gold: ``seeds`` only: another gold file in the format of shared/gold/seeds.json.
    :param report: ``all`` only: where to write the page (default ``docs/EVALUATION.md``).
    :param gold_spans: ``geo`` only: also the distance figures of resolution on the gold spans.
    :raises ConfigError: unknown task, missing data, or a task whose module is not installed.

    >>> run_eval("timex", limit=5)[0].to_json()["task"]  # doctest: +SKIP
    'timex'
    """
    if task not in TASKS:
        raise ConfigError(f"unknown evaluation task {task!r}; choose one of {', '.join(TASKS)}")
    if task != "all":
        return _run_task(task, data, file, limit, gold, gold_spans)
    if file is not None:
        raise ConfigError("--file scores one task's file; give a task name instead of 'all'")
    from claimgraph.evaluate.report import write_evaluation_md

    results: list[EvalResult] = []
    skipped: dict[str, str] = {}
    for name in TASK_SOURCES:
        try:
            results += _run_task(name, data, None, limit, gold if name == "seeds" else None)
        except Exception as exc:  # one broken task is listed on the page; the others still run
            skipped[name] = f"{type(exc).__name__}: {exc}"
    write_evaluation_md(results, report or default_report_path(), skipped=skipped)
    return results


def _run_task(task: str, data, file, limit, gold, gold_spans: bool = False) -> list[EvalResult]:
    from claimgraph.evaluate.report import as_result

    function = _task_function(task)
    if task == "seeds":
        outcome = function(file, gold=gold)
    elif task == "claims":
        outcome = function(file, data=data, limit=limit)
    else:
        path = Path(file) if file is not None else _data_file(task, data)
        if not path.exists() and not any(path.parent.glob(path.name)):
            raise ConfigError(f"{path} does not exist; pass --data DIR (the eval-data folder) or --file FILE")
        kwargs: dict[str, Any] = {}
        if limit is not None and _accepts(function, "limit"):
            kwargs["limit"] = limit
        elif limit is not None and _accepts(function, "n"):
            kwargs["n"] = limit  # bench counts articles as n
        if gold_spans and _accepts(function, "full_gold_spans"):
            kwargs["full_gold_spans"] = True
        outcome = function(path, **kwargs)
    outcomes = outcome if isinstance(outcome, list) else [outcome]
    return [as_result(o) for o in outcomes]


def _task_function(task: str) -> Callable[..., Any]:
    module_name, function_name = TASK_SOURCES[task][1].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise ConfigError(f"the {task!r} evaluation is not part of this installation ({module_name} is missing)") from exc
    function = getattr(module, function_name, None)
    if function is None:
        raise ConfigError(f"{module_name} has no {function_name}(); the {task!r} evaluation cannot run")
    return function


def _data_file(task: str, data: str | Path | None) -> Path:
    folder = Path(data) if data is not None else default_data_dir()
    if folder is None:
        raise ConfigError("evaluation data not found: pass --data DIR (the folder of shared/eval-data) "
                          "or set CLAIMGRAPH_EVAL_DATA")
    return folder / str(TASK_SOURCES[task][0])


def _accepts(function: Callable[..., Any], name: str) -> bool:
    try:
        params = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def results_json(results: list[EvalResult], task: str | None = None) -> dict[str, Any] | list[dict[str, Any]]:
    """What ``--json OUT`` writes: one ``{"task", "file", "n", "metrics"}`` object, a list for ``all``.

    >>> results_json([EvalResult("seeds", "s", 5, {"core": 1.0})], "seeds")
    {'task': 'seeds', 'file': 's', 'n': 5, 'metrics': {'core': 1.0}}
    """
    payloads = [r.to_json() for r in results]
    return payloads[0] if len(payloads) == 1 and task != "all" else payloads


def default_report_path() -> Path:
    """``docs/EVALUATION.md`` of the source checkout, else of the working directory."""
    root = REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()
    return root / "docs" / "EVALUATION.md"

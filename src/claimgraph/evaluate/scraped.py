"""The plain-text clean stage scored on scraped pages: body, and whether the title is the headline.

The data is ``scraped-text-dev.jsonl.gz``: the 181 pages of the article-extraction
benchmark rendered as plain text (inscriptis), menus, share bars and footers included,
one record per page: ``{id, text, gold_text, page_title, url}``. Each page goes through
``clean_item`` as a text input (what an ingest of a ``.txt`` does), with the language
filter off as in the boilerplate task; the same figures on the English pages only (the
pages the default language filter keeps) are in ``english_*``.

- ``f1``, ``precision``, ``recall``: the benchmark's 4-token shingle metric
  (``evaluate.boilerplate.score_pages``) of the cleaned body against ``gold_text``;
- ``title_accuracy``: the share of pages whose recovered title is the headline, judged
  against ``page_title`` (the HTML ``<title>``, often "Section | Headline - Site"):
  see ``title_is_headline``.

Keeping every line is scored in the same run as the floor (``all_lines_*``).

    >>> title_is_headline("Republicans Are Following Trump", "Opinion | Republicans Are Following Trump - NYT")
    True
    >>> title_is_headline("Opinion", "Opinion | Republicans Are Following Trump - NYT")
    False
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from pathlib import Path

from claimgraph.evaluate.boilerplate import english_only, score_pages
from claimgraph.evaluate.common import EvalResult, read_jsonl, stopwatch

__all__ = ["clean_page", "evaluate_scraped", "headline_candidates", "title_is_headline"]

# Separators between the parts of an HTML <title>: "Headline | Site", "Site - Headline".
# A colon is not one: "Ukraine: five killed" is a whole headline.
TITLE_SEPARATOR_RE = re.compile(r"\s+(?:[-\u2013\u2014\u00b7\u2022\u00bb]+|::)\s+|\s*\|+\s*")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "..."})
# A title part of fewer words is a site or section name ("WSJ", "Opinion"), not a headline.
HEADLINE_MIN_WORDS = 3


def normalise_title(text: str | None) -> str:
    """NFKC, straight quotes, case folded, single spaces, edge punctuation off."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return " ".join(text.split()).strip(" .,:;!?\"'|-\u2013\u2014")


def headline_candidates(page_title: str | None) -> set[str]:
    """What a ``<title>`` may hold as the headline, normalised.

    The headline is the title up to its site suffix ("Headline | Site" -> "Headline"),
    or the title after a section prefix ("Opinion | Headline - Site" -> "Headline");
    so the candidates are the runs of consecutive parts that leave out at least the
    last part or the first one, and the whole title when it has one part. Runs shorter
    than three words are site and section names and never count.

    >>> sorted(headline_candidates("A Big Headline Here | Metro | The Daily"))
    ['a big headline here', 'a big headline here | metro']
    """
    full = normalise_title(page_title)
    if not full:
        return set()
    cuts = [(m.start(), m.end()) for m in TITLE_SEPARATOR_RE.finditer(full)]
    bounds = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(full)]
    found = set()
    for i, start in enumerate(bounds):
        for j in range(i, len(ends)):
            whole = i == 0 and j == len(ends) - 1
            if whole and cuts:
                continue
            candidate = normalise_title(full[start:ends[j]])
            if len(candidate.split()) >= HEADLINE_MIN_WORDS or (whole and candidate):
                found.add(candidate)
    return found


def title_is_headline(title: str | None, page_title: str | None) -> bool:
    """Is the recovered ``title`` the page's headline, as its ``<title>`` gives it?

    Right when the normalised title equals one of ``headline_candidates``; a headline
    that the ``<title>`` cuts short ("... Trump Said Ab...") also counts when the title
    starts with the cut text (at least three words of it).
    """
    got = normalise_title(title)
    if not got:
        return False
    candidates = headline_candidates(page_title)
    if got in candidates:
        return True
    return any(c.endswith("...") and len(c.split()) > HEADLINE_MIN_WORDS and got.startswith(c[:-3].rstrip())
               for c in candidates)


def clean_page(text: str, url: str | None, settings) -> tuple[str, str | None]:
    """(body, title) of one page through the clean stage as a text input; a reject is ("", None)."""
    from claimgraph.clean import clean_item
    from claimgraph.errors import RejectedInput
    from claimgraph.model import InputItem

    item = InputItem(origin=url or "page.txt", data=text.encode("utf-8"), kind="text", url=url)
    try:
        document = clean_item(item, settings)
    except RejectedInput:
        return "", None
    return document.text, document.title


def evaluate_scraped(path: str | Path, limit: int | None = None, seed: int = 0, settings=None) -> EvalResult:
    """Score the plain-text clean stage on ``scraped-text-dev``-layout pages.

    :param path: a JSON Lines (.gz) file of ``{text, gold_text, page_title, url}`` records.
    :param limit: score only the first ``limit`` pages.
    :param seed: seed of the bootstrap resampling.
    :param settings: settings for the clean stage; by default the environment's with the
        language filter off.
    :returns: ``f1``, ``precision``, ``recall``, ``title_accuracy``, ``f1_std``, the same on
        English pages as ``english_*``, and keeping every line as ``all_lines_*``.
    """
    from claimgraph.settings import Settings

    settings = settings or Settings.from_env(languages="")
    records = list(read_jsonl(path, limit))
    golds = [r.get("gold_text") or "" for r in records]
    with stopwatch() as took:
        cleaned = [clean_page(r.get("text") or "", r.get("url"), settings) for r in records]
    bodies = [body for body, _ in cleaned]
    titles = [title_is_headline(title, r.get("page_title")) for (_, title), r in zip(cleaned, records)]
    english = [bool(english_only(g)) if g.strip() else False for g in golds]
    ours = score_pages(golds, bodies, seed=seed)
    metrics = {key: ours[key] for key in ("f1", "precision", "recall", "f1_std")}
    metrics["title_accuracy"] = statistics.fmean(titles) if titles else 0.0
    picked = [i for i, keep in enumerate(english) if keep]
    if picked:
        ours_en = score_pages([golds[i] for i in picked], [bodies[i] for i in picked], seed=seed)
        metrics.update({f"english_{k}": ours_en[k] for k in ("f1", "precision", "recall")})
        metrics["english_title_accuracy"] = statistics.fmean(titles[i] for i in picked)
        metrics["english_pages"] = float(len(picked))
    floor = score_pages(golds, [r.get("text") or "" for r in records], seed=seed)
    metrics.update({f"all_lines_{k}": floor[k] for k in ("f1", "precision", "recall")})
    return EvalResult(
        task="scraped",
        file=str(path),
        n=len(records),
        metrics=metrics,
        extra={"baselines": {"every line kept (same run)": {k: floor[k] for k in ("f1", "precision", "recall")}},
               "pages_per_second": len(records) / took[0] if took[0] else 0.0,
               "language_filter": settings.languages or "off"},
        seconds=took[0],
        notes=[
            "Data: the 181 pages of scrapinghub/article-extraction-benchmark @ 4a3bc97 (MIT) rendered as plain "
            "text by inscriptis 2.7; metric as for boilerplate (4-token shingles, F1 of the per-page means).",
            "claimgraph = clean_item on each page as a text input (what ingesting a .txt does), language filter "
            "off; english_* = the pages whose gold text reads as English. title_accuracy: the recovered title, "
            "normalised (NFKC, case, quotes, edge punctuation), equals the <title> without its site suffix or "
            "section prefix (a run of its ' | ', ' - ', ' \u2014 ' parts of 3+ words).",
            "The line model (clean/linemodel.json) is trained on these same pages; the held-out figures of "
            "scripts/train_line_model.py (k-fold by page) are the honest ones.",
        ],
    )

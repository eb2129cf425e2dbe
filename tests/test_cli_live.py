"""Live sources end to end through the CLI: a feed and an article served from 127.0.0.1."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import LocalSite, Route

from claimgraph.cli import main

ARTICLE = (
    "<html><head><title>Drones hit port of Izmail</title>"
    '<meta property="article:published_time" content="2024-05-07"></head><body>'
    "<nav>Home | World | Share</nav><article><h1>Drones hit port of Izmail</h1>"
    "<p>Russian drones struck grain silos in the port of Izmail overnight, the regional governor said "
    "on Tuesday.</p><p>At least two workers were wounded, according to the governor, who said air "
    "defences shot down most of the drones over the Danube.</p>"
    "<p>The port has been a frequent target since last summer, officials said.</p></article>"
    "<footer>Copyright Harbour Wire</footer></body></html>"
).encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Drones hit port of Izmail</title><link>{base}/izmail</link><guid>hw-1</guid>
<pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate><description>Drones hit a port.</description></item>
</channel></rss>""".encode()


def run(db, *args):
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result


def test_cli_feeds_add_poll_ingests_and_refuses_loopback_without_the_flag(tmp_path):
    site = LocalSite()
    try:
        base = site.url("")
        site.routes.update({"/feed.xml": Route(rss(base), content_type="application/rss+xml"),
                            "/izmail": Route(ARTICLE)})
        db = tmp_path / "live.db"
        assert run(db, "feeds", "add", site.url("/feed.xml")).exit_code == 0
        refused = run(db, "feeds", "poll")
        assert "0 new entries" in refused.output and "127.0.0.1" in refused.output
        polled = run(db, "feeds", "poll", "--allow-private")
        assert polled.exit_code == 0 and "1 new entries" in polled.output, polled.output
        docs = json.loads(run(db, "export").output)["documents"]
        assert [d["title"] for d in docs] == ["Drones hit port of Izmail"]
        assert docs[0]["url"] == site.url("/izmail") and docs[0]["published"] == "2024-05-07"
        listed = json.loads(run(db, "feeds", "list", "--json").output)
        assert listed[0]["title"] == "Harbour Wire" and listed[0]["status"] == "ok"
    finally:
        site.close()


def test_cli_fetch_refuses_loopback_unless_allowed(tmp_path):
    site = LocalSite()
    try:
        site.routes["/izmail"] = Route(ARTICLE)
        db = tmp_path / "fetch.db"
        refused = run(db, "fetch", site.url("/izmail"))
        assert refused.exit_code == 1
        reasons = json.loads(run(db, "rejects", "--json").output)
        assert reasons and reasons[0]["reason"] == "fetch-failed" and "blocked" in reasons[0]["detail"]
        fetched = run(db, "fetch", "--allow-private", site.url("/izmail"))
        assert fetched.exit_code == 0 and "ingested 1" in fetched.output
        claims = json.loads(run(db, "claims", "--json").output)
        assert any(c["type"] == "ATTACK" for c in claims)
    finally:
        site.close()

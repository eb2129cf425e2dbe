"""Named, recorded schema migrations: a list of ``Migration(version, name, sql)``.

The database remembers which versions it has in ``schema_migrations``; ``Store``
applies the missing ones in order, each in its own transaction. Add a change as a
new entry at the end; never edit one that has shipped.

Portability: version 1 uses plain types only (TEXT, INTEGER, REAL; JSON kept as
TEXT; ``ON CONFLICT`` upserts) so it runs on PostgreSQL with the types renamed
(``dialect.py``). Offsets are ``char_start``/``char_end`` because ``END`` is a reserved
word there. Migrations marked ``sqlite_only`` (full-text search, JSON back-fill) run
their ``postgres`` statements there instead (none: only recorded), and are skipped with
a note here when the SQLite build lacks FTS5. Both engines record the same versions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from claimgraph.store.dialect import SQLITE, TEXT_SEARCH_CONFIG, Dialect


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str
    sqlite_only: bool = False
    postgres: str = ""  # what a sqlite_only migration does on PostgreSQL

    def statements(self, dialect: Dialect) -> list[str]:
        """The statements of this migration as ``dialect`` reads them."""
        sql = self.sql if dialect is SQLITE or not self.sqlite_only else self.postgres
        return [dialect.schema(statement) for statement in split_statements(sql)]


CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""

INITIAL_SCHEMA = """
CREATE TABLE inputs (
    raw_hash    TEXT PRIMARY KEY,
    origin      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ingested', 'rejected', 'duplicate')),
    document_id TEXT,
    seen_at     TEXT NOT NULL
);

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    raw_hash    TEXT,
    path        TEXT,
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    byline      TEXT,
    published   TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    dup_of      TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_raw_hash ON documents (raw_hash);
CREATE INDEX documents_dup_of ON documents (dup_of);

CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    lat     REAL,
    lon     REAL,
    country TEXT,
    attrs   TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    text        TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    source      TEXT,
    via         TEXT NOT NULL DEFAULT '[]',
    polarity    TEXT NOT NULL,
    modality    TEXT NOT NULL,
    time_start  TEXT,
    time_end    TEXT,
    time_text   TEXT,
    time_basis  TEXT,
    quantities  TEXT NOT NULL DEFAULT '[]',
    roles       TEXT NOT NULL DEFAULT '{}',
    trigger     TEXT,
    attribute   TEXT,
    sentence    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claims_document ON claims (document_id, char_start);
CREATE INDEX claims_type ON claims (type);

-- One row per entity a claim mentions, so "claims about X" is an index lookup;
-- role is one of the six roles, or 'source' / 'via'. Entity ids are not a foreign
-- key: a claim may point at an entity another batch writes.
CREATE TABLE claim_entities (
    claim_id  TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (claim_id, role, entity_id)
);
CREATE INDEX claim_entities_entity ON claim_entities (entity_id);

CREATE TABLE events (
    id                  TEXT PRIMARY KEY,
    type                TEXT NOT NULL,
    time_start          TEXT,
    time_end            TEXT,
    time_text           TEXT,
    roles               TEXT NOT NULL DEFAULT '{}',
    sources             TEXT NOT NULL DEFAULT '[]',
    document_ids        TEXT NOT NULL DEFAULT '[]',
    independent_sources INTEGER NOT NULL DEFAULT 0,
    label               TEXT
);
CREATE INDEX events_type ON events (type);

CREATE TABLE event_claims (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, claim_id)
);
CREATE INDEX event_claims_claim ON event_claims (claim_id);

CREATE TABLE contradictions (
    id        TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    about     TEXT NOT NULL DEFAULT '',
    reason    TEXT NOT NULL DEFAULT '',
    claim_ids TEXT NOT NULL DEFAULT '[]'
);

-- The id is a hash of (origin, reason, raw_hash) so that re-running over the same
-- bad input records it once, without an auto-increment (which differs per engine).
CREATE TABLE rejects (
    id       TEXT PRIMARY KEY,
    origin   TEXT NOT NULL,
    reason   TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '',
    raw_hash TEXT,
    at       TEXT NOT NULL
);
"""

# External-content FTS5 index over documents, kept current by triggers (documents
# are insert-only, but delete/update triggers keep it right if that ever changes).
DOCUMENTS_FTS = """
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content='documents', content_rowid='rowid'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
"""

# PostgreSQL's own full-text search: a generated tsvector over title and text (the title
# weighs more), kept current by the engine, and its inverted (GIN) index.
DOCUMENTS_TSVECTOR = f"""
ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('{TEXT_SEARCH_CONFIG}', COALESCE(title, '')), 'A')
    || setweight(to_tsvector('{TEXT_SEARCH_CONFIG}', text), 'B')
) STORED;
CREATE INDEX documents_search ON documents USING gin (search);
"""

# Live sources (issue 5): the feeds to poll, with the validators for conditional GET
# and the outcome of the last poll, and the entries already handled per feed so a
# feed that ignores ETags is not re-ingested every poll. status: NULL (never polled),
# 'ok', 'not-modified' or 'error' (the readable reason in error).
FEEDS_SCHEMA = """
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    title         TEXT,
    etag          TEXT,
    last_modified TEXT,
    status        TEXT,
    error         TEXT,
    last_polled   TEXT,
    added_at      TEXT NOT NULL
);

-- entry_key is the entry's id, else its link. status 'done' (ingested or rejected
-- by the pipeline for its content) or 'failed' (its page could not be fetched:
-- retried at later polls until attempts reaches the limit in ingest/feeds.py).
CREATE TABLE feed_entries (
    feed_url  TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    link      TEXT,
    status    TEXT NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 1,
    error     TEXT,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
"""

# Incremental link (issue 5): an ingest relinks only the neighbourhood of its new claims.
# Near-copy signatures and their LSH band buckets are kept so a new article is compared
# with stored ones by an index lookup; event_entities and contradiction_claims answer
# "events naming X" and "contradictions touching these claims" without scanning JSON;
# the time indexes find the claims near a date and walk events newest first. link_state
# holds small facts about how the link tables were built (the band layout); a database
# from before version 4 has none, so its next link is a full one that fills them.
LINK_INDEX_SCHEMA = """
CREATE TABLE document_signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    signature   BLOB NOT NULL
);

CREATE TABLE document_bands (
    band        INTEGER NOT NULL,
    bucket      INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, document_id)
);

-- role: one of the six roles, or 'source' (the event's original sources)
CREATE TABLE event_entities (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (event_id, role, entity_id)
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);

CREATE TABLE contradiction_claims (
    contradiction_id TEXT NOT NULL REFERENCES contradictions (id) ON DELETE CASCADE,
    claim_id         TEXT NOT NULL,
    PRIMARY KEY (contradiction_id, claim_id)
);
CREATE INDEX contradiction_claims_claim ON contradiction_claims (claim_id);

-- "claims dated on or after a day": for a live feed, the few recent ones
CREATE INDEX claims_time_end ON claims (COALESCE(time_end, time_start));
-- denials are few: "the denials naming X" starts from them
CREATE INDEX claims_denied ON claims (type) WHERE polarity = 'denied';
-- undated claims are placed by their article's date (a denial's nearest assertions)
CREATE INDEX documents_published ON documents (published);
-- events in the API's order (latest happening first), so a filtered page can stop early
CREATE INDEX events_newest ON events (time_start IS NULL, time_start DESC, id);

CREATE TABLE link_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Databases linked before version 4 get the two lookup tables filled from the JSON
# columns (json_each is SQLite's; elsewhere the next full relink fills them).
LINK_INDEX_FILL = """
INSERT OR IGNORE INTO event_entities (event_id, role, entity_id)
SELECT e.id, r.key, v.value FROM events e, json_each(e.roles) r, json_each(r.value) v;

INSERT OR IGNORE INTO event_entities (event_id, role, entity_id)
SELECT e.id, 'source', s.value FROM events e, json_each(e.sources) s;

INSERT OR IGNORE INTO contradiction_claims (contradiction_id, claim_id)
SELECT x.id, j.value FROM contradictions x, json_each(x.claim_ids) j;
"""

# The claim's type beside each entity it names, so "claims of type T naming X" is one
# index range (the API's entity-and-type filter read every claim of the type before).
CLAIM_ENTITY_TYPES = """
ALTER TABLE claim_entities ADD COLUMN claim_type TEXT;
UPDATE claim_entities SET claim_type = (SELECT c.type FROM claims c WHERE c.id = claim_entities.claim_id);
CREATE INDEX claim_entities_entity_type ON claim_entities (entity_id, claim_type);
"""

# An event id a later link merged away (or rebuilt under a new id) points at the event
# that now holds most of its claims, so a bookmarked event answers with its successor.
EVENT_SUCCESSORS = """
CREATE TABLE event_successors (
    old_id   TEXT PRIMARY KEY,
    new_id   TEXT NOT NULL,
    recorded TEXT NOT NULL
);
"""

# The values each contradiction compared (intervals, dates, polarities, classes) as data.
CONTRADICTION_VALUES = """
ALTER TABLE contradictions ADD COLUMN details TEXT NOT NULL DEFAULT '[]';
"""

# How far each claim is to be trusted (extract/confidence.py); older claims count as sure.
CLAIM_CONFIDENCE = """
ALTER TABLE claims ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
"""

# Every place an article names, found and resolved by resolve.geoparse, whether or not a
# claim uses it: offsets into the document text, GeoNames id and feature code, a point.
PLACE_MENTIONS = """
CREATE TABLE place_mentions (
    document_id TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT,
    place_id    TEXT,
    geonameid   INTEGER,
    feature     TEXT,
    country     TEXT,
    admin1      TEXT,
    lat         REAL,
    lon         REAL,
    source      TEXT,
    PRIMARY KEY (document_id, char_start, char_end)
);
CREATE INDEX place_mentions_place ON place_mentions (place_id);
"""

# Several ingest processes, on one machine or many, share a queue of inputs through the
# database (issue 12): a worker claims a few queued jobs, ingests them and marks them done.
# id: content hash of the origin (a file); status 'queued', 'running', 'done' or 'failed'.
INGEST_JOBS = """
CREATE TABLE ingest_jobs (
    id         TEXT PRIMARY KEY,
    origin     TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    worker     TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT,
    queued_at  TEXT NOT NULL,
    claimed_at TEXT
);
CREATE INDEX ingest_jobs_queue ON ingest_jobs (status, queued_at, origin);
"""

# /api/stats counts the claims sure enough to speak, per type: with (type, confidence) in
# one index that count reads the index alone instead of every claim row (47 ms -> 3 ms on
# 20,000 claims, the largest cost of a dashboard's requests). It serves every lookup by type,
# so the index on type alone goes.
CLAIM_TYPE_CONFIDENCE = """
CREATE INDEX claims_type_confidence ON claims (type, confidence);
DROP INDEX IF EXISTS claims_type;
"""

# The HTTP server keeps read answers until the data changes (web/cache.py). On PostgreSQL it
# learns of a change from a notification, not a round trip per request (issue 12: the round
# trip was the reads' slowest 1 %). The database sends it, so every writer is heard: any
# process, machine or claimgraph version, and a repair made in psql. One trigger per
# statement (a row trigger would fire per row of a batch); PostgreSQL folds a transaction's
# equal notifications into one, sent when it commits and never when it rolls back. The
# payload names the schema, so claimgraph databases that share a PostgreSQL database as
# schemas do not wake each other. A migration adding a table adds its trigger
# (tests/test_postgres.py checks every table). The migration splitter reads SQLite's syntax:
# the body is a quoted string, not $$, and "CREATE OR REPLACE TRIGGER" ends at its semicolon
# where SQLite's "CREATE TRIGGER" would wait for an END.
CHANGE_CHANNEL = "claimgraph_changes"
NOTIFIED_TABLES = (
    "schema_migrations", "inputs", "documents", "entities", "claims", "claim_entities", "events",
    "event_claims", "contradictions", "rejects", "feeds", "feed_entries", "document_signatures",
    "document_bands", "event_entities", "contradiction_claims", "link_state", "event_successors",
    "place_mentions", "ingest_jobs",
)
CHANGE_NOTIFICATIONS = f"""
CREATE FUNCTION claimgraph_changed() RETURNS trigger LANGUAGE plpgsql AS
'BEGIN PERFORM pg_notify(''{CHANGE_CHANNEL}'', TG_TABLE_SCHEMA); RETURN NULL; END';
""" + "".join(f"""
CREATE OR REPLACE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION claimgraph_changed();""" for table in NOTIFIED_TABLES)

# Documents and claims are paged newest first, by rowid (pages.py). SQLite's rowid is the
# table's own key, so that order is free there; PostgreSQL's is a plain column
# (dialect.py), and every page sorted the whole table: a missed /api/claims took 25 ms
# there against 2.5 ms on SQLite, and a claims page filtered by entity 53 ms against 4 ms
# (20,094 claims), the slowest answers under load (issue 12). With an index the page reads
# backwards from the newest row: 3.4 ms and 9.7 ms.
ROWID_INDEXES = """
CREATE INDEX documents_rowid ON documents (rowid);
CREATE INDEX claims_rowid ON claims (rowid);
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", INITIAL_SCHEMA),
    Migration(2, "full-text search over documents", DOCUMENTS_FTS, sqlite_only=True, postgres=DOCUMENTS_TSVECTOR),
    Migration(3, "feeds and their seen entries", FEEDS_SCHEMA),
    Migration(4, "tables for the incremental link", LINK_INDEX_SCHEMA),
    Migration(5, "fill the link lookup tables from JSON", LINK_INDEX_FILL, sqlite_only=True),
    Migration(6, "claim types in claim_entities", CLAIM_ENTITY_TYPES),
    Migration(7, "successors of merged-away events", EVENT_SUCCESSORS),
    Migration(8, "compared values of contradictions", CONTRADICTION_VALUES),
    Migration(9, "claim confidence", CLAIM_CONFIDENCE),
    Migration(10, "place mentions", PLACE_MENTIONS),
    Migration(11, "ingest jobs", INGEST_JOBS),
    Migration(12, "claims counted per type from an index", CLAIM_TYPE_CONFIDENCE),
    # nothing to do on SQLite: its readers see a commit in PRAGMA data_version
    Migration(13, "notify listeners of every change", "", sqlite_only=True, postgres=CHANGE_NOTIFICATIONS),
    Migration(14, "newest-first pages read an index", "", sqlite_only=True, postgres=ROWID_INDEXES),
]

LATEST_VERSION = MIGRATIONS[-1].version


def split_statements(sql: str) -> list[str]:
    """Cut a script into complete statements (trigger bodies keep their semicolons).

    >>> split_statements("CREATE TABLE a (x INT); CREATE TABLE b (y INT);")
    ['CREATE TABLE a (x INT);', 'CREATE TABLE b (y INT);']
    """
    statements: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statement = _strip_comments(pending)
            if statement != ";":
                statements.append(statement)
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:80]!r}")
    return statements


def _strip_comments(statement: str) -> str:
    # Only whole-line comments: the schema has no "--" inside string literals.
    lines = [line for line in statement.splitlines() if not line.strip().startswith("--")]
    return "\n".join(lines).strip()

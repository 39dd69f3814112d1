import type { Database } from "better-sqlite3";

/** One schema change: applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The schema, as an ordered list; append new migrations, never edit applied ones. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "documents, subscriptions, deliveries, feedback",
    sql: `
      CREATE TABLE documents (
        hash TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        title TEXT,
        publisher TEXT,
        date TEXT,
        first_seen TEXT NOT NULL
      );
      CREATE INDEX documents_first_seen ON documents(first_seen);
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        time TEXT NOT NULL DEFAULT '09:00',
        time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
        topics TEXT NOT NULL DEFAULT '[]',
        subscribed_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        want_empty INTEGER NOT NULL DEFAULT 0,
        UNIQUE (platform, chat_id)
      );
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        digest_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 1,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        error TEXT,
        UNIQUE (subscription_id, digest_date)
      );
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        chat TEXT NOT NULL,
        user TEXT NOT NULL,
        question TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "delivery owners, leases and parts; the store's id",
    // A claim left by version 1 may or may not have been sent (it recorded nothing in between): at most
    // once, it becomes "unknown" rather than being sent again.
    sql: `
      CREATE TABLE deliveries_v2 (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        digest_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed', 'unknown')),
        attempts INTEGER NOT NULL DEFAULT 1,
        claimed_at TEXT NOT NULL,
        owner TEXT,
        lease_until TEXT,
        sent_at TEXT,
        error TEXT,
        UNIQUE (subscription_id, digest_date)
      );
      INSERT INTO deliveries_v2 (id, subscription_id, digest_date, status, attempts, claimed_at, sent_at, error)
        SELECT id, subscription_id, digest_date,
          CASE status WHEN 'claimed' THEN 'unknown' ELSE status END, attempts, claimed_at, sent_at,
          CASE status WHEN 'claimed' THEN 'claimed before the upgrade: outcome unknown, not sent again'
            ELSE error END
        FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_v2 RENAME TO deliveries;
      CREATE TABLE delivery_parts (
        delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        part INTEGER NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'unknown', 'failed')),
        message_id TEXT,
        sent_at TEXT,
        PRIMARY KEY (delivery_id, part)
      );
      CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO store_info (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
    `,
  },
  {
    // One vote per user and reply (reply_id: the reply cache's id; rows before this have none and stay as
    // they are), and what was rated, so that `cli feedback` can show it.
    version: 3,
    name: "feedback: reply id, what was rated, one vote per user and reply",
    sql: `
      ALTER TABLE feedback ADD COLUMN reply_id TEXT;
      ALTER TABLE feedback ADD COLUMN kind TEXT;
      ALTER TABLE feedback ADD COLUMN figure TEXT;
      ALTER TABLE feedback ADD COLUMN quote TEXT;
      ALTER TABLE feedback ADD COLUMN source TEXT;
      CREATE UNIQUE INDEX feedback_vote ON feedback(platform, reply_id, user) WHERE reply_id IS NOT NULL;
      CREATE INDEX feedback_at ON feedback(at);
    `,
  },
  {
    // Version 3 kept one vote per user and reply, but a reply pages through several answers: a 👎 on the second
    // answer overwrote the 👍 on the first and was listed against the first's figure. A vote is now on one answer
    // (its index in the reply). Votes stored by version 3 keep a null index: which answer they meant is not
    // known (their figure is the one first clicked), and their buttons expired with the restart that upgraded.
    version: 4,
    name: "feedback: one vote per user and answer of a reply",
    sql: `
      DROP INDEX IF EXISTS feedback_vote;
      ALTER TABLE feedback ADD COLUMN answer_index INTEGER;
      CREATE UNIQUE INDEX feedback_answer_vote ON feedback(platform, reply_id, answer_index, user)
        WHERE reply_id IS NOT NULL AND answer_index IS NOT NULL;
    `,
  },
];

/** Applies the migrations the database has not seen yet; returns the schema version afterwards. */
export function migrate(db: Database, at: Date, migrations: Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    // All or nothing: a failed migration leaves the previous schema and no version row.
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, at.toISOString());
    })();
  }
  return schemaVersion(db);
}

/** The highest applied migration (0 on a fresh file). */
export function schemaVersion(db: Database): number {
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

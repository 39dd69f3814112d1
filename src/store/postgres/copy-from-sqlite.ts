import type { Database } from "better-sqlite3";
import { inTransaction, type PgClient, type PgPool } from "../../pg/pool.js";

/** One table copied from SQLite: its columns, which hold SQLite's 0/1 for a boolean, whether `id` is an identity. */
interface CopiedTable {
  name: string;
  columns: string[];
  booleans?: string[];
  identity?: boolean;
}

/** The store's tables in an order that satisfies their foreign keys; every column, ids included. */
const TABLES: CopiedTable[] = [
  { name: "documents", columns: ["hash", "file", "title", "publisher", "date", "first_seen"] },
  {
    name: "subscriptions",
    identity: true,
    booleans: ["paused", "want_empty"],
    columns: [
      "id",
      "platform",
      "chat_id",
      "time",
      "time_zone",
      "topics",
      "subscribed_by",
      "created_at",
      "paused",
      "paused_reason",
      "want_empty",
    ],
  },
  {
    name: "deliveries",
    identity: true,
    columns: [
      "id",
      "subscription_id",
      "digest_date",
      "status",
      "attempts",
      "claimed_at",
      "owner",
      "lease_until",
      "sent_at",
      "error",
    ],
  },
  { name: "delivery_parts", columns: ["delivery_id", "part", "payload", "status", "message_id", "sent_at"] },
  {
    name: "feedback",
    identity: true,
    columns: [
      "id",
      "platform",
      "chat",
      "user",
      "question",
      "rating",
      "at",
      "reply_id",
      "answer_index",
      "kind",
      "figure",
      "quote",
      "source",
    ],
  },
];

/** Rows a table holds, by table name. */
export type TableCounts = Record<string, number>;

/** What a copy did: the rows copied per table, or, when the PostgreSQL store already held rows, its counts. */
export type CopyOutcome =
  | { kind: "copied"; counts: TableCounts }
  | { kind: "not-empty"; counts: TableCounts };

/** PostgreSQL's limit of bind parameters in one statement is 65535. */
const MAX_PARAMS = 60_000;

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");

/** Row counts of the store's tables on PostgreSQL. */
async function countRows(c: PgClient): Promise<TableCounts> {
  const counts: TableCounts = {};
  for (const t of TABLES)
    counts[t.name] = Number((await c.query(`SELECT COUNT(*) AS n FROM ${t.name}`)).rows[0]?.n ?? 0);
  return counts;
}

/** A SQLite row as PostgreSQL parameters: 0/1 flags as booleans. */
function values(t: CopiedTable, row: Record<string, unknown>): unknown[] {
  return t.columns.map((c) => (t.booleans?.includes(c) ? Boolean(row[c]) : row[c]));
}

/** Inserts rows in statements of at most MAX_PARAMS parameters. */
async function insertAll(c: PgClient, t: CopiedTable, rows: Array<Record<string, unknown>>): Promise<void> {
  const width = t.columns.length;
  const per = Math.floor(MAX_PARAMS / width);
  for (let at = 0; at < rows.length; at += per) {
    const chunk = rows.slice(at, at + per);
    const tuples = chunk.map((_, r) => `(${t.columns.map((_, i) => `$${r * width + i + 1}`).join(", ")})`);
    await c.query(
      `INSERT INTO ${t.name} (${quoted(t.columns)}) VALUES ${tuples.join(", ")}`,
      chunk.flatMap((row) => values(t, row)),
    );
  }
}

/** Moves an identity's sequence past the ids copied, so that the next row gets a new one. */
async function moveSequence(c: PgClient, table: string): Promise<void> {
  await c.query(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL)
     FROM ${table}`,
  );
}

/**
 * Copies a SQLite store (schema up to date) into an empty PostgreSQL store in one transaction: every row, ids kept,
 * sequences moved past them. The tables are locked first, so that no bot replica writes in between; a PostgreSQL
 * store that already holds rows is left as it is ("not-empty").
 */
export function copySqliteStore(sqlite: Database, pool: PgPool): Promise<CopyOutcome> {
  return inTransaction(pool, async (c) => {
    await c.query(`LOCK TABLE ${TABLES.map((t) => t.name).join(", ")} IN EXCLUSIVE MODE`);
    const before = await countRows(c);
    if (Object.values(before).some((n) => n > 0)) return { kind: "not-empty", counts: before };
    const counts: TableCounts = {};
    for (const t of TABLES) {
      const rows = sqlite.prepare(`SELECT ${quoted(t.columns)} FROM ${t.name} ORDER BY rowid`).all() as Array<
        Record<string, unknown>
      >;
      await insertAll(c, t, rows);
      if (t.identity) await moveSequence(c, t.name);
      counts[t.name] = rows.length;
    }
    return { kind: "copied", counts };
  });
}

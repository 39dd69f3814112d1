import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  AppError,
  type CopyOutcome,
  classifyPostgresError,
  copySqliteStore,
  migratePg,
  openPool,
  openSqliteFile,
  PG_MIGRATIONS,
  parseConfig,
  pgSchemaVersion,
  redactedUrl,
  STORE_FILE,
  type TableCounts,
} from "../../src/mod.js";
import type { CliIo } from "./feedback.js";

/** What `migrate` was asked: whether to copy a SQLite store, and which file (default DATA_DIR/bot.sqlite). */
export interface MigrateRequest {
  fromSqlite: boolean;
  files: string[];
}

const PROCESS_IO: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** The tables as a reader counts them. */
const LABELS: Record<string, string> = {
  documents: "documents",
  subscriptions: "subscriptions",
  deliveries: "deliveries",
  delivery_parts: "delivery parts",
  feedback: "feedback rows",
};

const countsText = (counts: TableCounts) =>
  Object.entries(counts)
    .map(([t, n]) => `${n} ${LABELS[t] ?? t}`)
    .join(", ");

/** The SQLite file to copy, or null when none was asked for; a usage mistake throws INPUT_INVALID. */
function sqliteSource(r: MigrateRequest, dataDir: string): string | null {
  if (r.files.length > 1)
    throw new AppError("INPUT_INVALID", `one SQLite file at most, got ${r.files.length}`);
  if (!r.fromSqlite) {
    if (r.files.length) throw new AppError("INPUT_INVALID", `"${r.files[0]}" needs --from-sqlite before it`);
    return null;
  }
  return r.files[0] ?? join(dataDir, STORE_FILE);
}

/** What a copy's outcome says, and its exit code. */
function reportCopy(file: string, outcome: CopyOutcome, io: CliIo): number {
  if (outcome.kind === "copied") {
    io.out(`copied ${file}: ${countsText(outcome.counts)}\n`);
    return 0;
  }
  io.err(
    `refusing to copy ${file}: the PostgreSQL store already holds ${countsText(outcome.counts)}; nothing was changed — ` +
      "copy only into an empty store: point DATABASE_URL at a new database (createdb <name>) and run this again\n",
  );
  return 1;
}

/** Copies the SQLite file into the (migrated) PostgreSQL store; the exit code. */
async function copyFrom(file: string, pool: ReturnType<typeof openPool>, io: CliIo): Promise<number> {
  let db: ReturnType<typeof openSqliteFile>;
  try {
    db = openSqliteFile(file);
  } catch (e) {
    io.err(`cannot read the SQLite store ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    return reportCopy(file, await copySqliteStore(db, pool), io);
  } finally {
    db.close();
  }
}

/**
 * `cli migrate [--from-sqlite [FILE]]`: applies the PostgreSQL migrations at DATABASE_URL and prints the schema
 * version; with --from-sqlite, copies a SQLite store into the empty PostgreSQL store. 0 done, 1 refused or failed.
 */
export async function runMigrate(
  r: MigrateRequest,
  env: Record<string, string | undefined>,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const config = parseConfig(env);
  const source = sqliteSource(r, config.DATA_DIR);
  const url = config.DATABASE_URL;
  if (!url) {
    io.err(
      "migrate needs DATABASE_URL: the PostgreSQL server to migrate (postgres://user@host:5432/db), in the environment or .env\n",
    );
    return 1;
  }
  // Checked before the database is touched: a mistyped path leaves it as it was.
  if (source && !existsSync(source)) {
    io.err(
      `no SQLite store at ${source} — pass the file to copy: npm run cli -- migrate --from-sqlite path/to/bot.sqlite\n`,
    );
    return 1;
  }
  const pool = openPool(url, { application: "policy-facts-bot migrate", max: 2 });
  try {
    const before = await pgSchemaVersion(pool);
    const after = await migratePg(pool, new Date());
    const applied = PG_MIGRATIONS.filter((m) => m.version > before && m.version <= after);
    const what = applied.length
      ? `applied ${applied.map((m) => `${m.version} (${m.name})`).join(", ")}`
      : "up to date";
    io.out(`PostgreSQL store at ${redactedUrl(url)}: schema version ${after}, ${what}\n`);
    return source ? await copyFrom(source, pool, io) : 0;
  } catch (e) {
    const p = classifyPostgresError(url, e, "then run it again");
    io.err(`migrate failed: ${p.fix} (${p.detail})\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

import { join } from "node:path";
import pg from "pg";
import {
  AppError,
  createEngine,
  createRefreshScheduler,
  type Engine,
  type EngineOptions,
  listenForCorpusChanges,
  loadGazetteer,
  migratePg,
  openPool,
  type PgPool,
  postgresPassageIndex,
  ReplicaSyncs,
  readCorpusVersion,
  type SyncOutcome,
} from "../src/mod.js";

/** How a replica takes part: whether it syncs the corpus directory at start, and whether it listens for changes. */
export interface ReplicaOptions {
  /**
   * "try": sync unless another replica is syncing (a bot's start); "wait": queue for the lock (ingest: the files
   * just added must get in); "none": answer from what the database holds (every other command).
   */
  startSync: "try" | "wait" | "none";
  /** Keep the documents current as other replicas change them (a running bot), else load them once (a command). */
  listen: boolean;
  /** A line for the log: the listener's connection, a skipped sync, a directory that is not the shared one. */
  log: (line: string) => void;
  /** How often the corpus version is polled, in case a notification was lost (default 5 s). */
  pollMs?: number;
  /** After each refresh and each sync that ran: the bot records the documents for its digests. */
  onDocuments?: (engine: Engine) => Promise<void>;
  /** How long a file-watch sync skipped because another replica held the lock waits to run again (default 1 s). */
  busyRetryMs?: number;
}

/** An engine over the shared PostgreSQL index; `close()` stops the listener and ends the pool. */
export interface Replica {
  engine: Engine;
  /** What the start sync came to (null: none was asked, or it failed and said so in the log). */
  started: SyncOutcome | null;
  close(): Promise<void>;
}

/**
 * The engine of one replica on DATABASE_URL: migrates the schema (under its advisory lock), answers through the
 * PostgreSQL passage index, syncs the corpus directory only while holding the corpus-sync lock and only when it is
 * the shared one (at start and on each `engine.sync()`, which the file watch calls), and refreshes when another
 * replica changes the corpus.
 */
export async function openReplica(
  url: string,
  engineOptions: EngineOptions,
  o: ReplicaOptions,
): Promise<Replica> {
  const pool = openPool(url);
  try {
    // The first statement: a server that is down, a wrong password or a missing database fail here.
    await migratePg(pool, new Date()).catch((e: unknown) => {
      throw e instanceof AppError ? e : indexUnavailable(url, e);
    });
    const index = postgresPassageIndex(pool, loadGazetteer([join(engineOptions.corpusDir, "places.txt")]));
    const version = await readCorpusVersion(pool);
    const engine = await createEngine({ ...engineOptions, passageIndex: index });
    const { refreshes, syncs } = replicaParts(pool, engine, engineOptions.corpusDir, version, o);
    const started = await startSync(syncs, o);
    const listener = o.listen
      ? listenForCorpusChanges({ connect: listenConnection(url), refreshes, ...o })
      : null;
    // What the start sync could not read is reported as an embedded engine reports what its build could not.
    const first = started?.kind === "synced" ? started.changes : null;
    Object.assign(engine, {
      sync: () => syncs.watch(),
      skipped: first?.skipped ?? [],
      notes: first?.notes ?? [],
    });
    const close = async () => {
      syncs.stop();
      await listener?.stop();
      await refreshes.stop();
      await pool.end();
    };
    return { engine, started, close };
  } catch (e) {
    await endQuietly(pool);
    throw e;
  }
}

/**
 * A replica's refresh scheduler and syncs over its engine's own refresh and sync; both tell `onDocuments` after
 * each run.
 */
function replicaParts(pool: PgPool, engine: Engine, dir: string, version: number, o: ReplicaOptions) {
  const own = { refresh: engine.refresh.bind(engine), sync: engine.sync.bind(engine) };
  const documentsChanged = async () => o.onDocuments?.(engine);
  const refresh = async () => {
    await own.refresh();
    await documentsChanged();
  };
  const readVersion = () => readCorpusVersion(pool);
  const refreshes = createRefreshScheduler({ readVersion, refresh, log: o.log, version });
  const syncs = new ReplicaSyncs(pool, own, refreshes, {
    dir,
    claim: o.startSync === "wait" ? "unclaimed" : "empty-index",
    log: o.log,
    now: () => new Date(),
    onDocuments: documentsChanged,
    busyRetryMs: o.busyRetryMs,
  });
  return { refreshes, syncs };
}

/**
 * The start sync: an ingest's ("wait") errors are its caller's; a bot's ("try") is one log line, and it answers from
 * the database.
 */
async function startSync(syncs: ReplicaSyncs, o: ReplicaOptions): Promise<SyncOutcome | null> {
  if (o.startSync === "none") return null;
  if (o.startSync === "wait") return syncs.run(true);
  try {
    const out = await syncs.run(false);
    if (out.kind === "busy")
      o.log("corpus: another replica is syncing the corpus; its changes arrive when it is done");
    return out;
  } catch (e) {
    o.log(`corpus: the start sync failed (${(e as Error).message}); answering from what the database holds`);
    return null;
  }
}

/**
 * The one line for a database the index cannot use: where (no password), the server's reason, what to do (a role
 * that may not create the tables: migrate as the owner; anything else: the server or DATABASE_URL).
 */
function indexUnavailable(url: string, e: unknown): AppError {
  let where = "DATABASE_URL";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {}
  const why = (e as Error).message || String(e);
  const fix =
    (e as { code?: unknown }).code === "42501"
      ? "the user in DATABASE_URL may not change the schema: run `npm run cli -- migrate` as the database owner"
      : "start PostgreSQL there or correct DATABASE_URL";
  return new AppError(
    "INDEX_UNAVAILABLE",
    `the passage index in PostgreSQL (${where}) cannot be used: ${why} — ${fix}`,
  );
}

/** Opens the listener's own connection (LISTEN belongs to a session, not to a pooled connection). */
function listenConnection(url: string) {
  return async () => {
    const c = new pg.Client({
      connectionString: url,
      application_name: "policy-facts-bot listener",
      // A server that does not answer is a failed attempt (retried later), not a listener waiting forever.
      connectionTimeoutMillis: 10_000,
    });
    await c.connect();
    return c;
  };
}

async function endQuietly(pool: PgPool): Promise<void> {
  await pool.end().catch(() => {});
}

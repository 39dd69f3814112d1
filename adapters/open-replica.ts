import { join } from "node:path";
import pg from "pg";
import {
  AppError,
  type CorpusChanges,
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
  readCorpusVersion,
  syncReplica,
} from "../src/mod.js";

/** How a replica takes part: whether it syncs the corpus directory at start, and whether it listens for changes. */
export interface ReplicaOptions {
  /**
   * "try": sync unless another replica is syncing (a bot's start, a command); "wait": queue for the lock (ingest:
   * the files just added must get in); "none": answer from what the database holds.
   */
  startSync: "try" | "wait" | "none";
  /** Keep the documents current as other replicas change them (a running bot), else load them once (a command). */
  listen: boolean;
  /** A line for the log: the listener's connection, a skipped sync. */
  log: (line: string) => void;
  /** How often the corpus version is polled, in case a notification was lost (default 5 s). */
  pollMs?: number;
}

/** An engine over the shared PostgreSQL index; `close()` stops the listener and ends the pool. */
export interface Replica {
  engine: Engine;
  /** What the start sync changed (null: another replica held the lock, or none was asked). */
  started: CorpusChanges | null;
  close(): Promise<void>;
}

/** Changes that are none: what a skipped sync reports. */
const NO_CHANGES: CorpusChanges = { added: [], updated: [], removed: [], skipped: [], notes: [] };

/**
 * The engine of one replica on DATABASE_URL: migrates the schema (under its advisory lock), answers through the
 * PostgreSQL passage index, syncs the corpus directory only while holding the corpus-sync lock (at start and on
 * each `engine.sync()`, which the file watch calls), and refreshes when another replica changes the corpus.
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
    const own = { refresh: engine.refresh.bind(engine), sync: engine.sync.bind(engine) };
    const readVersion = () => readCorpusVersion(pool);
    const refreshes = createRefreshScheduler({ readVersion, refresh: own.refresh, log: o.log, version });
    const sync = (wait: boolean) => syncReplica(pool, own, refreshes, wait);
    const started = o.startSync === "none" ? null : await sync(o.startSync === "wait");
    if (o.startSync === "try" && !started)
      o.log("corpus: another replica is syncing the corpus; its changes arrive when it is done");
    const listener = o.listen
      ? listenForCorpusChanges({ connect: listenConnection(url), refreshes, ...o })
      : null;
    // The file watch's syncs go through the lock too; skipped (no changes) while another replica syncs. What the
    // start sync could not read is reported as an embedded engine reports what its build could not.
    Object.assign(engine, {
      sync: async () => (await sync(false)) ?? NO_CHANGES,
      skipped: started?.skipped ?? [],
      notes: started?.notes ?? [],
    });
    const close = async () => {
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

/** The one line for a database the index cannot use: where (no password), the server's reason, what to do. */
function indexUnavailable(url: string, e: unknown): AppError {
  let where = "DATABASE_URL";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {}
  const why = (e as Error).message || String(e);
  return new AppError(
    "INDEX_UNAVAILABLE",
    `the passage index in PostgreSQL (${where}) cannot be used: ${why} — start PostgreSQL there or correct DATABASE_URL`,
  );
}

/** Opens the listener's own connection (LISTEN belongs to a session, not to a pooled connection). */
function listenConnection(url: string) {
  return async () => {
    const c = new pg.Client({ connectionString: url, application_name: "policy-facts-bot listener" });
    await c.connect();
    return c;
  };
}

async function endQuietly(pool: PgPool): Promise<void> {
  await pool.end().catch(() => {});
}

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
   * "try": sync unless another replica is syncing, then return; "background": return at once and sync as "try"
   * does meanwhile (a bot's start: it answers from what the database holds while the directory is read, which
   * takes seconds at 10,000 documents, and the changes arrive like another replica's); "wait": queue for the lock
   * (ingest: the files just added must get in); "none": answer from what the database holds (every other command).
   */
  startSync: "try" | "background" | "wait" | "none";
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
  /** What the start sync came to (null: none was asked, it runs in the background, or it failed and said so). */
  started: SyncOutcome | null;
  /** The background start sync, settled once it has run (logged through `log`); resolved at once otherwise. */
  startSynced: Promise<void>;
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
    const background = o.startSync === "background";
    const started = background ? null : await startSync(syncs, o);
    const startSynced = background ? syncInBackground(syncs, o) : Promise.resolve();
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
      // A start sync under way finishes its document first: the pool ends once its connections are back.
      await startSynced;
      await listener?.stop();
      await refreshes.stop();
      await pool.end();
    };
    return { engine, started, startSynced, close };
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

/** The bot's start sync, run while it already answers; what it changed, skipped or noted is logged. */
async function syncInBackground(syncs: ReplicaSyncs, o: ReplicaOptions): Promise<void> {
  const out = await startSync(syncs, { ...o, startSync: "try" });
  if (out?.kind !== "synced") return;
  const c = out.changes;
  if (c.added.length + c.updated.length + c.removed.length > 0)
    o.log(
      `corpus: start sync: ${c.added.length} added, ${c.updated.length} updated, ${c.removed.length} removed`,
    );
  for (const s of c.skipped) o.log(`corpus: skipped ${s.file}: ${s.reason}`);
  for (const n of c.notes) o.log(`corpus: ${n}`);
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

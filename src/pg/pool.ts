import pg from "pg";

/** A pool of PostgreSQL connections (node-postgres). */
export type PgPool = pg.Pool;
/** One connection taken from a pool, or a standalone client (LISTEN needs one of its own). */
export type PgClient = pg.PoolClient | pg.Client;

/** What a process names itself to the server (pg_stat_activity), and how many connections it may hold. */
export interface PoolOptions {
  application?: string;
  max?: number;
  /** How long a new connection may take before the call fails (default 10 s). */
  connectTimeoutMs?: number;
}

/**
 * A pool on DATABASE_URL. Connections are made on first use: a wrong URL or a server that is down fails the first
 * query, with the server's message, not this call.
 */
export function openPool(url: string, options: PoolOptions = {}): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: options.application ?? "policy-facts-bot",
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle connection the server drops (a restart, a failover) must not crash the process: the pool replaces it.
  pool.on("error", () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(
  pool: PgPool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const out = await work(client);
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

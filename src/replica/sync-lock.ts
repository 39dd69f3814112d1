import { ADVISORY_LOCKS } from "../pg/locks.js";
import type { PgPool } from "../pg/pool.js";
import { checkoutLockSession, lockLostError } from "../pg/session-lock.js";

/** What a locked run came to: its value, or "busy" when another replica held the lock and `wait` was off. */
export type Locked<T> = { kind: "ran"; value: T } | { kind: "busy" };

/**
 * Runs `run` while holding the corpus-sync advisory lock, on a connection of its own (a session lock belongs to
 * its connection: should this process die, the server releases it). `wait`: queue for the lock (an ingest must
 * get its files in) rather than skip (a replica's start or file-watch sync: the holder is doing the same work).
 * Should the server end the lock's session meanwhile, the run's outcome is an error (the lock was gone for part
 * of it), never a crash of the process.
 */
export async function withCorpusSyncLock<T>(
  pool: PgPool,
  run: () => Promise<T>,
  wait = false,
): Promise<Locked<T>> {
  const key = ADVISORY_LOCKS.corpusSync.toString();
  const session = await checkoutLockSession(pool);
  const { client } = session;
  let held = false;
  try {
    if (wait) {
      await client.query("SELECT pg_advisory_lock($1)", [key]);
      held = true;
    } else {
      const r = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1) AS got", [key]);
      held = r.rows[0]?.got === true;
    }
    if (!held) return { kind: "busy" };
    const value = await run();
    const lost = session.lost();
    if (lost) throw lockLostError("corpus-sync", lost);
    return { kind: "ran", value };
  } finally {
    if (held && !session.lost()) await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
    session.release();
  }
}

import type pg from "pg";
import type { PgPool } from "./pool.js";

/** A connection taken from a pool to hold a session lock; `lost()` says whether its session ended meanwhile. */
export interface LockSession {
  client: pg.PoolClient;
  /** The error the connection reported while checked out (the server ended the session), else null. */
  lost(): Error | null;
  /** Returns the connection to the pool, or destroys it when its session was lost. */
  release(): void;
}

/**
 * Checks out a connection to hold an advisory lock on. pg-pool watches a connection for errors only while it is
 * idle: a checked-out one whose session the server ends (a restart, pg_terminate_backend) emits 'error' with no
 * listener, which would end the process. This one is listened to while it is out.
 */
export async function checkoutLockSession(pool: PgPool): Promise<LockSession> {
  const client = await pool.connect();
  let error: Error | null = null;
  const onError = (e: Error) => {
    error ??= e;
  };
  const onEnd = () => onError(new Error("the connection closed"));
  client.on("error", onError);
  client.on("end", onEnd);
  return {
    client,
    lost: () => error,
    release: () => {
      client.off("error", onError);
      client.off("end", onEnd);
      client.release(error ?? undefined);
    },
  };
}

/** What a lock's loss says: the session that held it ended, so the lock is gone with it. */
export function lockLostError(what: string, e: Error): Error {
  return new Error(`the ${what} lock's database session ended (${e.message}); the lock is gone with it`);
}

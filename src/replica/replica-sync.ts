import type { CorpusChanges } from "../engine.js";
import type { PgPool } from "../pg/pool.js";
import { notifyCorpusChanged, readCorpusVersion } from "./corpus-version.js";
import type { RefreshScheduler } from "./refresh-scheduler.js";
import { withCorpusSyncLock } from "./sync-lock.js";

/** What syncing needs of an engine over the shared passage index. */
export interface SyncingEngine {
  refresh(): Promise<void>;
  sync(): Promise<CorpusChanges>;
}

/** Whether a sync changed the corpus. */
export function changedAnything(c: CorpusChanges): boolean {
  return c.added.length + c.updated.length + c.removed.length > 0;
}

/**
 * Brings the shared index in line with the corpus directory, as the one replica holding the corpus-sync lock:
 * first takes in what other replicas did, when the version says they did anything (so that it neither parses
 * their documents again nor undoes them), then syncs, then notifies the others when anything changed. Returns
 * null when another replica held the lock and `wait` was off (it is doing this same work).
 */
export async function syncReplica(
  pool: PgPool,
  engine: SyncingEngine,
  refreshes: RefreshScheduler | null,
  wait = false,
): Promise<CorpusChanges | null> {
  const done = await withCorpusSyncLock(
    pool,
    async () => {
      const before = await readCorpusVersion(pool);
      if (!refreshes || before !== refreshes.version()) {
        await engine.refresh();
        refreshes?.seen(before);
      }
      const changes = await engine.sync();
      const version = changedAnything(changes)
        ? await notifyCorpusChanged(pool)
        : await readCorpusVersion(pool);
      refreshes?.seen(version);
      return changes;
    },
    wait,
  );
  return done.kind === "ran" ? done.value : null;
}

import type { CorpusChanges } from "../engine.js";
import type { PgPool } from "../pg/pool.js";
import { type ClaimRule, checkCorpusIdentity } from "./corpus-identity.js";
import { notifyCorpusChanged, readCorpusVersion } from "./corpus-version.js";
import type { RefreshScheduler } from "./refresh-scheduler.js";
import { withCorpusSyncLock } from "./sync-lock.js";

/** What syncing needs of an engine over the shared passage index. */
export interface SyncingEngine {
  refresh(): Promise<void>;
  sync(): Promise<CorpusChanges>;
}

/** How a replica syncs: its corpus directory, who may claim an unclaimed database, whether to queue for the lock. */
export interface SyncRequest {
  dir: string;
  claim: ClaimRule;
  /** Queue for the lock (ingest) rather than skip when another replica holds it. */
  wait: boolean;
  now: Date;
}

/**
 * What a sync came to: the changes; "busy" (another replica held the lock and `wait` was off); or "not-shared"
 * (this directory is not the shared one: nothing was synced, and `reason` says why and what to do).
 */
export type SyncOutcome =
  | { kind: "synced"; changes: CorpusChanges; claimed: boolean }
  | { kind: "busy" }
  | { kind: "not-shared"; reason: string };

/** Whether a sync changed the corpus. */
export function changedAnything(c: CorpusChanges): boolean {
  return c.added.length + c.updated.length + c.removed.length > 0;
}

/**
 * Brings the shared index in line with the corpus directory, as the one replica holding the corpus-sync lock, and
 * only when the directory is the shared one (src/replica/corpus-identity.ts): a sync removes what the directory
 * lacks. First takes in what other replicas did, when the version says they did anything (so that it neither
 * parses their documents again nor undoes them), then syncs, then notifies the others when anything changed.
 */
export async function syncReplica(
  pool: PgPool,
  engine: SyncingEngine,
  refreshes: RefreshScheduler | null,
  request: SyncRequest,
): Promise<SyncOutcome> {
  const done = await withCorpusSyncLock(
    pool,
    async (): Promise<SyncOutcome> => {
      const identity = await checkCorpusIdentity(pool, request.dir, request.claim, request.now);
      if (identity.kind === "not-shared") return identity;
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
      return { kind: "synced", changes, claimed: identity.claimed };
    },
    request.wait,
  );
  return done.kind === "ran" ? done.value : done;
}

import type { CorpusChanges } from "../engine.js";
import type { PgPool } from "../pg/pool.js";
import { type ClaimRule, CORPUS_ID_FILE } from "./corpus-identity.js";
import type { RefreshScheduler, Timers } from "./refresh-scheduler.js";
import { type SyncingEngine, type SyncOutcome, syncReplica } from "./replica-sync.js";
import { retryWhileBusy, type SyncRetry } from "./sync-retry.js";

/** Changes that are none: what a skipped sync reports. */
export const NO_CHANGES: CorpusChanges = { added: [], updated: [], removed: [], skipped: [], notes: [] };

/** What a replica's syncs need besides the pool, the engine and its refreshes. */
export interface ReplicaSyncOptions {
  dir: string;
  claim: ClaimRule;
  log: (line: string) => void;
  now: () => Date;
  /** After each sync that ran (a bot records the documents for its digests). */
  onDocuments?: () => Promise<void>;
  /** How long a file-watch sync skipped as busy waits before it is tried again (default 1 s). */
  busyRetryMs?: number;
  timers?: Timers;
}

/** The line a replica or an ingest that claimed the database for its directory logs. */
function claimedLine(dir: string): string {
  return `corpus: ${dir} claimed as the shared corpus directory (its id is in ${CORPUS_ID_FILE})`;
}

/** The lines a sync's changes make in the log: "corpus: added a.txt, b.txt". */
export function changeLines(c: CorpusChanges): string[] {
  const lines: string[] = [];
  for (const [what, files] of [
    ["added", c.added],
    ["updated", c.updated],
    ["removed", c.removed],
  ] as const)
    if (files.length) lines.push(`corpus: ${what} ${files.join(", ")}`);
  for (const s of c.skipped) lines.push(`corpus: skipped ${s.file}: ${s.reason}`);
  for (const n of c.notes) lines.push(`corpus: ${n}`);
  return lines;
}

/**
 * The syncs of one replica: each under the corpus-sync lock and only from the shared directory (a directory that
 * is not is said once, and again only when the reason changes); a file-watch sync skipped because another replica
 * held the lock is retried until it runs.
 */
export class ReplicaSyncs {
  private said: string | null = null;
  private readonly retry: SyncRetry;

  constructor(
    private readonly pool: PgPool,
    private readonly engine: SyncingEngine,
    private readonly refreshes: RefreshScheduler | null,
    private readonly o: ReplicaSyncOptions,
  ) {
    this.retry = retryWhileBusy({
      attempt: () => this.retried(),
      delayMs: o.busyRetryMs ?? 1000,
      timers: o.timers,
    });
  }

  /**
   * One sync; `wait` queues for the lock (an ingest: it reports a directory that is not the shared one itself).
   * Errors (a database gone, the lock's session ended) are thrown.
   */
  async run(wait: boolean): Promise<SyncOutcome> {
    const request = { dir: this.o.dir, claim: this.o.claim, wait, now: this.o.now() };
    const out = await syncReplica(this.pool, this.engine, this.refreshes, request);
    if (!wait) this.report(out);
    else if (out.kind === "synced" && out.claimed) this.o.log(claimedLine(this.o.dir));
    if (out.kind === "synced") await this.o.onDocuments?.();
    return out;
  }

  /** The file watch's sync: its changes, none when skipped (a busy one is retried later). */
  async watch(): Promise<CorpusChanges> {
    const out = await this.run(false);
    if (out.kind === "busy") this.retry.request();
    return out.kind === "synced" ? out.changes : NO_CHANGES;
  }

  stop(): void {
    this.retry.stop();
  }

  private async retried(): Promise<"busy" | "done"> {
    try {
      const out = await this.run(false);
      if (out.kind === "busy") return "busy";
      if (out.kind === "synced") for (const line of changeLines(out.changes)) this.o.log(line);
    } catch (e) {
      this.o.log(`corpus: a sync retried after another replica's failed: ${(e as Error).message}`);
    }
    return "done";
  }

  private report(out: SyncOutcome): void {
    if (out.kind === "not-shared" && out.reason !== this.said) this.o.log(out.reason);
    if (out.kind === "synced" && this.said !== null)
      this.o.log(`corpus: ${this.o.dir} is the shared corpus directory now; syncing from it`);
    if (out.kind === "synced" && out.claimed) this.o.log(claimedLine(this.o.dir));
    if (out.kind !== "busy") this.said = out.kind === "not-shared" ? out.reason : null;
  }
}

import { randomBytes } from "node:crypto";
import {
  type DigestChannel,
  type DigestLog,
  DigestScheduler,
  type Engine,
  type Platform,
  type Store,
} from "../src/mod.js";
import type { Log } from "./log.js";

/** What the daily digests need: the engine, the store, a channel per running platform. */
export interface DigestRunnerOptions {
  engine: Pick<Engine, "read">;
  /** Null when the store could not be opened: no digests run (the start-up log has said why). */
  store: Store | null;
  senders: Partial<Record<Platform, DigestChannel>>;
  clock?: () => Date;
  /** The process's logger: routine lines at info, failed and unknown deliveries at warn, a failed tick at error. */
  log?: Log;
}

/** The running digests; `stop()` resolves once the message being sent is recorded and the rest released. */
export interface DigestRunner {
  /** This process's owner id in the deliveries table. */
  owner: string;
  /**
   * Stops the digests. A message in flight is waited for until `giveUp` aborts (the shutdown's time is up); it
   * is then given up and recorded unknown, and the claim released, before this resolves.
   */
  stop(giveUp?: AbortSignal): Promise<void>;
}

/** This process as a claim owner: its pid, and a random instance id so that a reused pid is another owner. */
export function processOwner(): string {
  return `${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** The core's leveled digest log over the process's logger. */
function digestLog(log: Log): DigestLog {
  return {
    info: (line) => log.info(line),
    warn: (line) => log.warn(line),
    error: (line) => log.error(line),
  };
}

/** Starts the daily digests: a tick now (catching up a missed one, resuming expired claims) and every minute. */
export function startDigests(o: DigestRunnerOptions): DigestRunner {
  const owner = processOwner();
  if (!o.store) return { owner, stop: async () => undefined };
  const scheduler = new DigestScheduler({
    store: o.store,
    source: o.engine,
    channels: o.senders,
    owner,
    clock: o.clock,
    log: o.log ? digestLog(o.log) : undefined,
  });
  return { owner, stop: scheduler.start().stop };
}

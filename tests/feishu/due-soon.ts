import { processOwner } from "../../adapters/digest-runner.js";
import type { DigestChannel } from "../../src/digest/channel.js";
import { DigestScheduler } from "../../src/digest/scheduler.js";
import type { Engine } from "../../src/engine.js";
import { openStore } from "../../src/store/open-store.js";
import type { Platform } from "../../src/store/subscriptions.js";
import { linesLog, recordSeeds } from "../digest/helpers.js";

/**
 * A digest time an hour from now (the bots' clocks are the system's, so a subscription made by a message is made
 * now), as HH:MM in Shanghai, and an instant a minute after it.
 */
export function dueSoon(): { hhmm: string; at: Date } {
  const due = new Date(Date.now() + 3_600_000);
  const hhmm = due.toLocaleTimeString("en-GB", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
  });
  return { hhmm, at: new Date(due.getTime() + 60_000) };
}

/** Records the seed documents as seen after a subscription made now and before its digest: the digest's news. */
export async function seedsSeenSoon(dataDir: string, engine: Engine): Promise<void> {
  const store = await openStore(dataDir);
  await recordSeeds(store, engine, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() + 1_800_000));
  await store.close();
}

/** One tick at `at` of a process's digests (its own owner id, the store opened afresh: a restart each time). */
export async function tickOnce(
  dataDir: string,
  engine: Engine,
  platform: Platform,
  channel: DigestChannel,
  at: Date,
) {
  const store = await openStore(dataDir);
  try {
    const scheduler = new DigestScheduler({
      store,
      source: engine,
      channels: { [platform]: channel },
      owner: processOwner(),
      clock: () => at,
      log: linesLog([]),
    });
    return await scheduler.tick(at);
  } finally {
    await store.close();
  }
}

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLog, type Log } from "../../adapters/log.js";
import { seenDocuments } from "../../src/digest/build-digest.js";
import type { DigestChannel } from "../../src/digest/channel.js";
import type { Digest } from "../../src/digest/digest.js";
import type { DigestLog } from "../../src/digest/digest-log.js";
import { DigestScheduler } from "../../src/digest/scheduler.js";
import type { Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import type { Subscription, SubscriptionInput } from "../../src/store/subscriptions.js";

/** A fresh temporary DATA_DIR. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "digest-test-"));
}

/** An instant from an ISO string ("2025-03-03T01:00:00Z"). */
export const at = (iso: string): Date => new Date(iso);

/** Records the seed documents: the first `split` at `early`, the rest at `late` (as a corpus sync would). */
export async function recordSeeds(
  store: Store,
  engine: Engine,
  early: Date,
  late: Date,
  split = 2,
): Promise<void> {
  const docs = seenDocuments(engine.documents);
  await store.documents.recordSeen(docs.slice(0, split), early);
  await store.documents.recordSeen(docs.slice(split), late);
}

/** A subscription with defaults (Shanghai 09:00, no topics). */
export function subscribe(store: Store, input: Partial<SubscriptionInput>, now: Date): Promise<Subscription> {
  return store.subscriptions.upsert(
    {
      platform: "telegram",
      chatId: "100",
      time: "09:00",
      timeZone: "Asia/Shanghai",
      topics: [],
      subscribedBy: "u1",
      wantEmpty: false,
      ...input,
    },
    now,
  );
}

/** What a fake sender received. */
export interface Sent {
  chatId: string;
  digest: Digest;
}

/**
 * A channel that records digests (one message each, the digest as JSON); `fail` makes every send refused, as a
 * platform refuses a chat the bot was removed from.
 */
export function recordingChannel(sent: Sent[], fail?: string): DigestChannel {
  return {
    render: (digest) => [JSON.stringify(digest)],
    send: async (chatId, payload) => {
      if (fail) return { kind: "refused", reason: fail };
      sent.push({ chatId, digest: JSON.parse(payload) as Digest });
      return { kind: "sent", messageId: String(sent.length) };
    },
  };
}

/** A scheduler over a store with a recording channel for both platforms; `fail` makes every send refused. */
export function scheduler(store: Store, engine: Engine, sent: Sent[], fail?: string, owner = "test-owner") {
  const logs: string[] = [];
  const channel = recordingChannel(sent, fail);
  const s = new DigestScheduler({
    store,
    source: engine,
    channels: { telegram: channel, slack: channel },
    owner,
    log: linesLog(logs),
  });
  return { s, logs };
}

/** Opens the store of a data directory again, as a restarted process would. */
export const reopen = (dir: string): Promise<Store> => openStore(dir);

/** A digest log that keeps every line, whatever its level. */
export function linesLog(lines: string[]): DigestLog {
  const keep = (line: string) => void lines.push(line);
  return { info: keep, warn: keep, error: keep };
}

/** The process's logger at `level`, its JSON lines kept: `text()` joins their messages. */
export function capturedLog(level: "info" | "warn" = "info"): {
  log: Log;
  lines: Array<{ level: number; msg: string }>;
  text: () => string;
} {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = { write: (l: string) => void lines.push(JSON.parse(l)) };
  const log = createLog({ level, pretty: false, secrets: [], sink });
  return { log, lines, text: () => lines.map((l) => l.msg).join("\n") };
}

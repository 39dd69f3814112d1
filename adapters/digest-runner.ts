import { type Digest, DigestScheduler, type Engine, type Platform, type Store } from "../src/mod.js";

export { slackDigestSender } from "./slack/digest-sender.js";
export { telegramDigestSender } from "./telegram/digest-sender.js";

/** Delivers a digest to a chat or channel id; throws when the platform refuses. */
export type DigestSender = (chatId: string, digest: Digest) => Promise<void>;

/** What the daily digests need: the engine, the store, a sender per running platform. */
export interface DigestRunnerOptions {
  engine: Pick<Engine, "index" | "synonyms" | "profile" | "clock">;
  store: Store;
  senders: Partial<Record<Platform, DigestSender>>;
  clock?: () => Date;
  log?: (line: string) => void;
}

/** Starts the daily digests: a tick now (catching up a missed one) and every minute; stop() ends them. */
export function startDigests(o: DigestRunnerOptions): { stop(): void } {
  const platforms = (Object.keys(o.senders) as Platform[]).filter((p) => o.senders[p]);
  const scheduler = new DigestScheduler({
    store: o.store,
    source: o.engine,
    platforms,
    clock: o.clock,
    log: o.log,
    send: async (sub, digest) => {
      const send = o.senders[sub.platform];
      if (!send) throw new Error(`no sender for ${sub.platform}`);
      await send(sub.chatId, digest);
    },
  });
  return scheduler.start();
}

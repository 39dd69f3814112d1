import type { Delivery } from "../store/deliveries.js";
import type { Store } from "../store/open-store.js";
import type { Subscription } from "../store/subscriptions.js";
import { buildDigest, type DigestSource } from "./build-digest.js";
import { type Digest, isEmptyDigest } from "./digest.js";

/** Sends a digest to a subscription's chat; throws when it cannot (chat gone, bot removed). */
export type DigestSend = (sub: Subscription, digest: Digest) => Promise<void>;

/** What became of one claimed delivery. */
export type DeliveryOutcome = "sent" | "skipped" | "failed";

/** What a delivery needs. */
export interface DeliverDeps {
  store: Store;
  source: DigestSource;
  send: DigestSend;
  log: (line: string) => void;
}

/** The digest of a claimed delivery: documents first seen after the last sent digest (or the subscription) up to the claim. */
export function digestFor(deps: DeliverDeps, sub: Subscription, row: Delivery): Digest {
  const last = deps.store.deliveries.lastSent(sub.id);
  const since = new Date(last ? last.claimedAt : sub.createdAt);
  const docs = deps.store.documents.firstSeenBetween(since, new Date(row.claimedAt));
  return buildDigest(deps.source, docs, sub.topics, row.digestDate);
}

/**
 * Builds and sends the digest of a claimed row, then records the outcome. Nothing new is recorded as skipped
 * (unless the chat wants 今日无新增); a send that throws is recorded as failed and pauses the subscription,
 * so a chat that is gone is not retried every day.
 */
export async function deliverClaimed(
  deps: DeliverDeps,
  sub: Subscription,
  row: Delivery,
  now: Date,
): Promise<DeliveryOutcome> {
  const digest = digestFor(deps, sub, row);
  if (isEmptyDigest(digest) && !sub.wantEmpty) {
    deps.store.deliveries.markSkipped(row.id);
    return "skipped";
  }
  try {
    await deps.send(sub, digest);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    deps.store.deliveries.markFailed(row.id, now, reason);
    deps.store.subscriptions.pause(sub.id, `推送失败（${row.digestDate}）：${reason}`);
    deps.log(
      `digest: ${sub.platform} chat ${sub.chatId} ${row.digestDate} failed, subscription paused: ${reason}`,
    );
    return "failed";
  }
  deps.store.deliveries.markSent(row.id, now);
  deps.log(
    `digest: ${sub.platform} chat ${sub.chatId} ${row.digestDate} sent (${digest.documents.length} documents)`,
  );
  return "sent";
}

import type { Delivery } from "../store/deliveries.js";
import type { DeliveryPart } from "../store/delivery-parts.js";
import type { Store } from "../store/open-store.js";
import type { Subscription } from "../store/subscriptions.js";
import { buildDigest, type DigestSource } from "./build-digest.js";
import type { DigestChannel, SendOutcome } from "./channel.js";
import type { DeliveryPolicy } from "./delivery-policy.js";
import { type Digest, isEmptyDigest } from "./digest.js";
import type { DigestLog } from "./digest-log.js";

/**
 * What became of one claimed delivery: released (stopping: the next start resumes it), lost (another owner
 * holds it now: this one sends nothing more).
 */
export type DeliveryOutcome = "sent" | "skipped" | "failed" | "unknown" | "released" | "lost";

/** What a delivery needs: the store, the digest source, the platform's channel, and who is delivering. */
export interface DeliverDeps {
  store: Store;
  source: DigestSource;
  channel: DigestChannel;
  /** This process's owner id ("pid-instance"). */
  owner: string;
  policy: DeliveryPolicy;
  /** The current instant, for leases and sent times. */
  now: () => Date;
  /** Waits before a retry; resolves early when stopping. */
  wait: (ms: number) => Promise<void>;
  stopping: () => boolean;
  /**
   * Aborted when the shutdown's time is up: the message in flight is given up (recorded unknown: it may have
   * arrived) so that the claim is recorded and released while the store is still open.
   */
  abandon: AbortSignal;
  log: DigestLog;
}

/**
 * The digest of a claimed delivery: documents first seen after the last digest that went out (sent, or unknown:
 * it may well have arrived) — else since subscribing — up to the claim.
 */
export async function digestFor(
  deps: Pick<DeliverDeps, "store" | "source">,
  sub: Subscription,
  row: Delivery,
): Promise<Digest> {
  const last = await deps.store.deliveries.lastDelivered(sub.id);
  const since = new Date(last ? last.claimedAt : sub.createdAt);
  const docs = await deps.store.documents.firstSeenBetween(since, new Date(row.claimedAt));
  return buildDigest(deps.source, docs, sub.topics, row.digestDate);
}

const where = (sub: Subscription, row: Delivery) => `${sub.platform} chat ${sub.chatId} ${row.digestDate}`;

/** The delivery's rendered parts, rendering them the first time; null when there is nothing to send. */
async function partsOf(deps: DeliverDeps, sub: Subscription, row: Delivery): Promise<DeliveryPart[] | null> {
  const parts = await deps.store.parts.list(row.id);
  if (parts.length) return parts;
  const digest = await digestFor(deps, sub, row);
  if (isEmptyDigest(digest) && !sub.wantEmpty) return null;
  await deps.store.parts.add(row.id, deps.channel.render(digest));
  return deps.store.parts.list(row.id);
}

/** A refused send (or retries run out): not delivered; a refusal also pauses the subscription. */
async function fail(
  deps: DeliverDeps,
  sub: Subscription,
  row: Delivery,
  reason: string,
  pause: boolean,
): Promise<"failed"> {
  await deps.store.deliveries.markFailed(row.id, deps.now(), reason);
  if (pause) await deps.store.subscriptions.pause(sub.id, `推送失败（${row.digestDate}）：${reason}`);
  deps.log.warn(`digest: ${where(sub, row)} failed${pause ? ", subscription paused" : ""}: ${reason}`);
  return "failed";
}

/** A part whose outcome is not known: recorded, and never sent again; the parts after it still go out. */
async function unsure(
  deps: DeliverDeps,
  sub: Subscription,
  row: Delivery,
  part: number,
  reason: string,
): Promise<"unknown"> {
  await deps.store.parts.mark(row.id, part, "unknown");
  deps.log.warn(
    `digest: ${where(sub, row)} part ${part} may have been delivered (${reason}); not sent again`,
  );
  return "unknown";
}

/** What a send given up at shutdown is: it may have arrived. */
const ABANDONED: SendOutcome = {
  kind: "unknown",
  reason: "given up: the shutdown's time ran out during the send",
};

/**
 * The channel's outcome, or ABANDONED as soon as `abandon` aborts (the signal also goes to the channel, which
 * may cancel its request; one that does not is simply no longer waited for); a sender that throws anyway is
 * treated as an outcome not known.
 */
async function sendOnce(
  channel: DigestChannel,
  chatId: string,
  payload: string,
  abandon: AbortSignal,
): Promise<SendOutcome> {
  if (abandon.aborted) return ABANDONED; // given up before this send began: nothing goes out
  let onAbort = () => {};
  const abandoned = new Promise<SendOutcome>((resolve) => {
    onAbort = () => resolve(ABANDONED);
    abandon.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([channel.send(chatId, payload, abandon), abandoned]);
  } catch (e) {
    return { kind: "unknown", reason: e instanceof Error ? e.message : String(e) };
  } finally {
    abandon.removeEventListener("abort", onAbort);
  }
}

/** Sends one pending part: renews the lease, marks it sending, sends, records the outcome; retries only "retry". */
async function sendPart(
  deps: DeliverDeps,
  sub: Subscription,
  row: Delivery,
  part: number,
  payload: string,
): Promise<DeliveryOutcome> {
  const { deliveries, parts } = deps.store;
  for (let attempt = 1; ; attempt++) {
    if (deps.stopping()) {
      await deliveries.release(row.id, deps.owner);
      deps.log.info(
        `digest: ${where(sub, row)} released at part ${part} (stopping); the next start resumes it`,
      );
      return "released";
    }
    if (!(await deliveries.renew(row.id, deps.owner, new Date(deps.now().getTime() + deps.policy.leaseMs)))) {
      deps.log.warn(`digest: ${where(sub, row)} is no longer this process's claim; not sending part ${part}`);
      return "lost";
    }
    await parts.mark(row.id, part, "sending");
    const out = await sendOnce(deps.channel, sub.chatId, payload, deps.abandon);
    if (out.kind === "sent") {
      await parts.mark(row.id, part, "sent", deps.now(), out.messageId);
      return "sent";
    }
    if (out.kind === "unknown") return unsure(deps, sub, row, part, out.reason);
    if (out.kind === "refused") {
      await parts.mark(row.id, part, "failed");
      return fail(deps, sub, row, out.reason, true);
    }
    await parts.mark(row.id, part, "pending"); // proven not delivered: a crash while waiting may send it again
    if (attempt >= deps.policy.maxSendAttempts || out.afterMs > deps.policy.maxRetryWaitMs)
      return fail(deps, sub, row, `${out.reason} (not delivered after ${attempt} attempt(s))`, false);
    deps.log.info(
      `digest: ${where(sub, row)} part ${part} not delivered (${out.reason}); retrying in ${out.afterMs} ms`,
    );
    await deps.wait(out.afterMs);
  }
}

/** The end of a delivery whose every part was handed over: sent, or unknown when some part may not have arrived. */
async function finish(
  deps: DeliverDeps,
  sub: Subscription,
  row: Delivery,
  parts: number,
  unsureParts: number[],
): Promise<DeliveryOutcome> {
  if (unsureParts.length) {
    const note = `part(s) ${unsureParts.join(", ")} of ${parts}: outcome unknown, not sent again`;
    await deps.store.deliveries.markUnknown(row.id, deps.now(), note);
    deps.log.warn(`digest: ${where(sub, row)} finished with ${note}`);
    return "unknown";
  }
  await deps.store.deliveries.markSent(row.id, deps.now());
  deps.log.info(`digest: ${where(sub, row)} sent (${parts} message(s))`);
  return "sent";
}

/**
 * Delivers a claimed row part by part, resuming at the first part not recorded as sent. Nothing new is recorded
 * as skipped (unless the chat wants 今日无新增). A part left "sending" by a stopped owner, or whose send ended
 * without an answer, may have arrived: it is recorded as unknown and never sent again (at most once); the
 * parts after it are sent.
 */
export async function deliverClaimed(
  deps: DeliverDeps,
  sub: Subscription,
  row: Delivery,
): Promise<DeliveryOutcome> {
  const parts = await partsOf(deps, sub, row);
  if (!parts) {
    await deps.store.deliveries.markSkipped(row.id);
    return "skipped";
  }
  const unsureParts: number[] = [];
  for (const p of parts) {
    if (p.status === "sent") continue;
    const outcome =
      p.status === "pending"
        ? await sendPart(deps, sub, row, p.part, p.payload)
        : await unsure(deps, sub, row, p.part, "it was being sent when its process stopped");
    if (outcome === "unknown") unsureParts.push(p.part);
    else if (outcome !== "sent") return outcome;
  }
  return finish(deps, sub, row, parts.length, unsureParts);
}

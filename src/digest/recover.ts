import type { Delivery } from "../store/deliveries.js";
import type { Store } from "../store/open-store.js";
import type { Platform, Subscription } from "../store/subscriptions.js";
import type { DeliveryPolicy } from "./delivery-policy.js";
import type { DigestLog } from "./digest-log.js";
import { localParts } from "./local-time.js";

/** Who is looking for claims to resume, and when. */
export interface RecoverContext {
  store: Store;
  owner: string;
  platforms: Platform[];
  policy: DeliveryPolicy;
  log: DigestLog;
}

/** Why an expired claim is given up rather than resumed; null when it may be resumed. */
function giveUpReason(
  sub: Subscription | null,
  row: Delivery,
  now: Date,
  policy: DeliveryPolicy,
): string | null {
  if (!sub || sub.paused) return "subscription paused";
  if (row.digestDate !== localParts(now, sub.timeZone).date) return "a later day";
  // A released claim (owner null) was stopped cleanly; one whose owner vanished twice is not tried a third time.
  if (row.owner !== null && row.attempts >= policy.maxClaims) return "already retried";
  return null;
}

/**
 * Claims other owners left behind whose lease has expired (a crash, or a clean stop that released them), taken
 * over for this owner; a live claim of another owner is never touched. A claim of another day, a paused
 * subscription, or one interrupted twice is closed instead: unknown when a part may have gone out, else failed.
 */
export async function takeOverExpired(
  ctx: RecoverContext,
  now: Date,
): Promise<Array<[Subscription, Delivery]>> {
  const { deliveries, subscriptions, parts } = ctx.store;
  const leaseUntil = new Date(now.getTime() + ctx.policy.leaseMs);
  const out: Array<[Subscription, Delivery]> = [];
  for (const row of await deliveries.unfinished()) {
    // Ticks never overlap, so a claim of this owner is not in flight either: it too waits for its lease.
    if (row.leaseUntil !== null && row.leaseUntil > now.toISOString()) continue;
    const sub = await subscriptions.byId(row.subscriptionId);
    if (sub && !ctx.platforms.includes(sub.platform)) continue; // its adapter is not running here
    const why = giveUpReason(sub, row, now, ctx.policy);
    if (why || !sub) {
      const started = (await parts.list(row.id)).some((p) => p.status !== "pending");
      const note = `interrupted; not resumed (${why})`;
      if (started) await deliveries.markUnknown(row.id, now, note);
      else await deliveries.markFailed(row.id, now, note);
      ctx.log.warn(`digest: unfinished delivery ${row.id} (${row.digestDate}) given up: ${why}`);
      continue;
    }
    if (!(await deliveries.takeOver(row.id, ctx.owner, now, leaseUntil))) continue; // another owner was first
    ctx.log.info(
      `digest: resuming delivery ${row.id} (${row.digestDate}) left by ${row.owner ?? "a stopped process"}`,
    );
    out.push([sub, { ...row, owner: ctx.owner, leaseUntil: leaseUntil.toISOString() }]);
  }
  return out;
}

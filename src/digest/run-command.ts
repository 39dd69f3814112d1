import type { Store } from "../store/open-store.js";
import type { Platform, Subscription } from "../store/subscriptions.js";
import { buildDigest, type DigestSource } from "./build-digest.js";
import type { Digest } from "./digest.js";
import { DEFAULT_TIME_ZONE, localParts, previousDate, startOfLocalDate } from "./local-time.js";
import type { DigestCommand, DigestProblem } from "./parse-command.js";

/** Who runs a /digest command, where, and when. */
export interface DigestCommandContext {
  store: Store;
  source: DigestSource;
  platform: Platform;
  chatId: string;
  userId: string;
  now: Date;
}

/**
 * What a /digest command did, as data the adapter words (src/conversation/digest-wording.ts) and renders; a
 * preview carries the digest for `now` and the instant it covers documents from.
 */
export type DigestCommandResult =
  | { kind: "subscribed"; subscription: Subscription }
  | { kind: "unsubscribed" }
  | { kind: "not-subscribed"; asked: "off" | "status" }
  | { kind: "status"; subscription: Subscription; lastSent: string | null }
  | { kind: "preview"; since: Date; digest: Digest }
  | { kind: "help" }
  | { kind: "invalid"; problem: DigestProblem };

async function status(ctx: DigestCommandContext): Promise<DigestCommandResult> {
  const sub = await ctx.store.subscriptions.get(ctx.platform, ctx.chatId);
  if (!sub) return { kind: "not-subscribed", asked: "status" };
  const last = await ctx.store.deliveries.lastSent(sub.id);
  return { kind: "status", subscription: sub, lastSent: last ? last.digestDate : null };
}

/** /digest now: documents since the last digest that went out (else since yesterday), for the given or subscribed topics. */
async function preview(ctx: DigestCommandContext, topics: string[]): Promise<DigestCommandResult> {
  const sub = await ctx.store.subscriptions.get(ctx.platform, ctx.chatId);
  const zone = sub?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = localParts(ctx.now, zone).date;
  const last = sub ? await ctx.store.deliveries.lastDelivered(sub.id) : null;
  const since = last ? new Date(last.claimedAt) : startOfLocalDate(previousDate(today), zone);
  const docs = await ctx.store.documents.firstSeenBetween(since, ctx.now);
  const digest = await buildDigest(
    ctx.source,
    docs,
    topics.length ? topics : (sub?.topics ?? []),
    today,
    true,
  );
  return { kind: "preview", since, digest };
}

/** Runs a parsed /digest command against the store; the adapter has already checked the user may change it. */
export async function runDigestCommand(
  ctx: DigestCommandContext,
  cmd: DigestCommand,
): Promise<DigestCommandResult> {
  switch (cmd.kind) {
    case "on": {
      const subscription = await ctx.store.subscriptions.upsert(
        {
          platform: ctx.platform,
          chatId: ctx.chatId,
          time: cmd.time,
          timeZone: cmd.timeZone ?? DEFAULT_TIME_ZONE,
          topics: cmd.topics,
          subscribedBy: ctx.userId,
          wantEmpty: cmd.wantEmpty,
        },
        ctx.now,
      );
      return { kind: "subscribed", subscription };
    }
    case "off":
      return (await ctx.store.subscriptions.remove(ctx.platform, ctx.chatId))
        ? { kind: "unsubscribed" }
        : { kind: "not-subscribed", asked: "off" };
    case "status":
      return status(ctx);
    case "now":
      return preview(ctx, cmd.topics);
    case "help":
      return { kind: "help" };
    case "invalid":
      return { kind: "invalid", problem: cmd.problem };
  }
}

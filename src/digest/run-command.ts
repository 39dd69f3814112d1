import type { Store } from "../store/open-store.js";
import type { Platform, Subscription } from "../store/subscriptions.js";
import { buildDigest, type DigestSource } from "./build-digest.js";
import type { Digest } from "./digest.js";
import { DEFAULT_TIME_ZONE, localParts, previousDate, startOfLocalDate } from "./local-time.js";
import { DIGEST_USAGE, type DigestCommand } from "./parse-command.js";

/** Who runs a /digest command, where, and when. */
export interface DigestCommandContext {
  store: Store;
  source: DigestSource;
  platform: Platform;
  chatId: string;
  userId: string;
  now: Date;
}

/** The answer to a /digest command: a text, plus the digest for `now` (a preview the adapter renders). */
export interface DigestCommandResult {
  text: string;
  preview?: Digest;
}

/** A subscription in one line: time, zone, topics, what happens on empty days, pause state. */
export function describeSubscription(sub: Subscription): string {
  const topics = sub.topics.length ? `话题：${sub.topics.join("、")}` : "话题：全部新增文档";
  const empty = sub.wantEmpty ? "无新增时发“今日无新增”" : "无新增时不发送";
  const paused = sub.paused ? `\n⚠️ 已暂停：${sub.pausedReason ?? "原因未知"}。发送 /digest on 恢复。` : "";
  return `每天 ${sub.time}（${sub.timeZone}）推送每日摘要；${topics}；${empty}。${paused}`;
}

function status(ctx: DigestCommandContext): string {
  const sub = ctx.store.subscriptions.get(ctx.platform, ctx.chatId);
  if (!sub) return `本聊天未订阅每日摘要。\n${DIGEST_USAGE}`;
  const last = ctx.store.deliveries.lastSent(sub.id);
  return `${describeSubscription(sub)}\n上次推送：${last ? last.digestDate : "尚无"}`;
}

/** /digest now: documents since the last sent digest (else since yesterday), for the given or subscribed topics. */
function preview(ctx: DigestCommandContext, topics: string[]): DigestCommandResult {
  const sub = ctx.store.subscriptions.get(ctx.platform, ctx.chatId);
  const zone = sub?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = localParts(ctx.now, zone).date;
  const last = sub ? ctx.store.deliveries.lastSent(sub.id) : null;
  const since = last ? new Date(last.claimedAt) : startOfLocalDate(previousDate(today), zone);
  const docs = ctx.store.documents.firstSeenBetween(since, ctx.now);
  const digest = buildDigest(ctx.source, docs, topics.length ? topics : (sub?.topics ?? []), today, true);
  return {
    text: `预览：${since.toISOString().slice(0, 16).replace("T", " ")} (UTC) 以来的新增文档`,
    preview: digest,
  };
}

/** Runs a parsed /digest command against the store; the adapter has already checked the user may change it. */
export function runDigestCommand(ctx: DigestCommandContext, cmd: DigestCommand): DigestCommandResult {
  switch (cmd.kind) {
    case "on": {
      const sub = ctx.store.subscriptions.upsert(
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
      return { text: `✅ 已订阅：${describeSubscription(sub)}` };
    }
    case "off":
      return {
        text: ctx.store.subscriptions.remove(ctx.platform, ctx.chatId)
          ? "已取消每日摘要。"
          : "本聊天未订阅每日摘要。",
      };
    case "status":
      return { text: status(ctx) };
    case "now":
      return preview(ctx, cmd.topics);
    case "help":
      return { text: DIGEST_USAGE };
    case "invalid":
      return { text: cmd.message };
  }
}

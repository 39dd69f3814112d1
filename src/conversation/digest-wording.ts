/** The wording of the daily digest and of the /digest command: the core returns codes and data, this words them. */
import type { Digest } from "../digest/digest.js";
import type { DigestProblem } from "../digest/parse-command.js";
import type { DigestCommandResult } from "../digest/run-command.js";
import type { Subscription } from "../store/subscriptions.js";

/** The heading of a digest: 每日政策摘要 · date, with the count of new documents. */
export function digestHeading(d: Digest): string {
  const kind = d.preview ? "每日政策摘要（预览）" : "每日政策摘要";
  return d.documents.length ? `${kind} · ${d.date} · 新增 ${d.documents.length} 篇` : `${kind} · ${d.date}`;
}

/** The line of a digest with nothing new. */
export const NOTHING_NEW = "今日无新增文档。";

/** Heading of the passages about one of a chat's topics: 话题：学位. */
export function topicHeading(topic: string): string {
  return `话题：${topic}`;
}

/** What a digest too long for one Slack message leaves out, and where to look instead. */
export function notListedText(count: number): string {
  return `还有 ${count} 项未列出，请用 /policy 查询。`;
}

/** The reply to a malformed time. */
export const TIME_FORMAT = "时间格式应为 HH:MM，例如 /digest on 08:30 学位";

/** How to use /digest. */
export const DIGEST_USAGE = [
  "每日摘要用法：",
  "/digest on [HH:MM] [话题…] — 每天定时推送新增文档（默认 09:00 北京时间），可加话题如 学位 教师；",
  "  加 empty 表示无新增时也发一条“今日无新增”，加时区如 Europe/London 改用当地时间",
  "/digest off — 取消订阅",
  "/digest status — 查看订阅",
  "/digest now — 预览今天的摘要（只发给你，不计为推送）",
].join("\n");

const NOT_SUBSCRIBED = "本聊天未订阅每日摘要。";

/** What is wrong with a /digest command, and what to write instead. */
export function digestProblemText(problem: DigestProblem): string {
  switch (problem.code) {
    case "bad-time":
      return TIME_FORMAT;
    case "unknown-zone":
      return `未知时区：${problem.zone}（例如 Asia/Shanghai、Europe/London）`;
    case "too-many-topics":
      return `话题最多 ${problem.max} 个`;
    case "topic-too-long":
      return `话题太长：${problem.topic.slice(0, problem.max)}…（每个话题不超过 ${problem.max} 字）`;
    case "unknown-verb":
      return `不认识的子命令：${problem.verb}\n${DIGEST_USAGE}`;
  }
}

/** A subscription in one line: time, zone, topics, what happens on empty days, pause state. */
export function describeSubscription(sub: Subscription): string {
  const topics = sub.topics.length ? `话题：${sub.topics.join("、")}` : "话题：全部新增文档";
  const empty = sub.wantEmpty ? "无新增时发“今日无新增”" : "无新增时不发送";
  // pausedReason is stored text (src/digest/deliver.ts), shown as written.
  const paused = sub.paused ? `\n⚠️ 已暂停：${sub.pausedReason ?? "原因未知"}。发送 /digest on 恢复。` : "";
  return `每天 ${sub.time}（${sub.timeZone}）推送每日摘要；${topics}；${empty}。${paused}`;
}

/** The text answering a /digest command; a preview's digest itself is rendered by the adapter after it. */
export function digestResultText(result: DigestCommandResult): string {
  switch (result.kind) {
    case "subscribed":
      return `✅ 已订阅：${describeSubscription(result.subscription)}`;
    case "unsubscribed":
      return "已取消每日摘要。";
    case "not-subscribed":
      return result.asked === "status" ? `${NOT_SUBSCRIBED}\n${DIGEST_USAGE}` : NOT_SUBSCRIBED;
    case "status":
      return `${describeSubscription(result.subscription)}\n上次推送：${result.lastSent ?? "尚无"}`;
    case "preview":
      return `预览：${result.since.toISOString().slice(0, 16).replace("T", " ")} (UTC) 以来的新增文档`;
    case "help":
      return DIGEST_USAGE;
    case "invalid":
      return digestProblemText(result.problem);
  }
}

/**
 * Why an adapter did not run a /digest command. Who may change a chat's subscription is where platforms
 * differ: a Telegram group's admins, a Slack channel's members.
 */
export type DigestRefusal =
  /** The store could not be opened (damaged, read-only, locked): digests are unavailable. */
  | { code: "disabled" }
  | { code: "admins-only" }
  | { code: "members-only" }
  | { code: "membership-unknown"; error: string };

/** The refusal as a sentence. */
export function digestRefusalText(refusal: DigestRefusal): string {
  switch (refusal.code) {
    case "disabled":
      return "每日摘要暂不可用：机器人的数据存储现在打不开（管理员可在日志里看到原因和修复方法）。提问和核实照常可用。";
    case "admins-only":
      return "只有群管理员可以更改本群的每日摘要订阅；/digest status 和 /digest now 人人可用。";
    case "members-only":
      return "只有本频道成员可以更改每日摘要订阅。";
    case "membership-unknown":
      return `暂时无法确认你是否为本频道成员（${refusal.error}）。请先邀请机器人进频道（/invite @policy-facts）后再试。`;
  }
}

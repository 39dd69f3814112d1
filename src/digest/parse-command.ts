import { DEFAULT_TIME, isTimeZone, parseTime } from "./local-time.js";

/** A parsed `/digest …` command. */
export type DigestCommand =
  | { kind: "on"; time: string; timeZone: string | null; topics: string[]; wantEmpty: boolean }
  | { kind: "off" }
  | { kind: "status" }
  | { kind: "now"; topics: string[] }
  | { kind: "help" }
  | { kind: "invalid"; message: string };

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

const MAX_TOPICS = 10;
const MAX_TOPIC_LENGTH = 20;
const VERBS: Record<string, DigestCommand["kind"]> = {
  on: "on",
  开启: "on",
  订阅: "on",
  off: "off",
  关闭: "off",
  取消: "off",
  status: "status",
  状态: "status",
  now: "now",
  预览: "now",
  help: "help",
  帮助: "help",
};
/** Tokens meant as a time ("8:30", "0830", "8点半"): a bad one gets the format, rather than becoming a topic. */
const TIME_LIKE = /^\d+(?:[:：.点时]\d*[分半]?)?$/u;
const EMPTY_FLAGS = new Set(["empty", "无新增也发"]);

/** Splits on spaces and list punctuation (学位、教师 / 学位,教师). */
function tokens(text: string): string[] {
  return text.split(/[\s,，、;；]+/u).filter(Boolean);
}

/** Topics: distinct, at most ten, each short enough to be a topic rather than a paragraph. */
function topicsOf(words: string[]): string[] | string {
  const topics = [...new Set(words)];
  if (topics.length > MAX_TOPICS) return `话题最多 ${MAX_TOPICS} 个`;
  const long = topics.find((t) => [...t].length > MAX_TOPIC_LENGTH);
  return long
    ? `话题太长：${long.slice(0, MAX_TOPIC_LENGTH)}…（每个话题不超过 ${MAX_TOPIC_LENGTH} 字）`
    : topics;
}

function parseOn(args: string[]): DigestCommand {
  let time: string | null = null;
  let timeZone: string | null = null;
  let wantEmpty = false;
  const words: string[] = [];
  for (const a of args) {
    if (TIME_LIKE.test(a)) {
      time = parseTime(a);
      if (!time) return { kind: "invalid", message: TIME_FORMAT };
    } else if (a.includes("/") || a.toUpperCase() === "UTC") {
      if (!isTimeZone(a))
        return { kind: "invalid", message: `未知时区：${a}（例如 Asia/Shanghai、Europe/London）` };
      timeZone = a;
    } else if (EMPTY_FLAGS.has(a.toLowerCase())) wantEmpty = true;
    else words.push(a);
  }
  const topics = topicsOf(words);
  if (typeof topics === "string") return { kind: "invalid", message: topics };
  return { kind: "on", time: time ?? DEFAULT_TIME, timeZone, topics, wantEmpty };
}

/** Parses the text after /digest ("on 08:30 学位 教师", "off", "status", "now"); no text asks for help. */
export function parseDigestCommand(text: string): DigestCommand {
  const [verb, ...args] = tokens(text.trim());
  if (!verb) return { kind: "help" };
  const kind = VERBS[verb.toLowerCase()];
  if (!kind) return { kind: "invalid", message: `不认识的子命令：${verb}\n${DIGEST_USAGE}` };
  if (kind === "on") return parseOn(args);
  if (kind === "now") {
    const topics = topicsOf(args);
    return typeof topics === "string" ? { kind: "invalid", message: topics } : { kind: "now", topics };
  }
  return { kind } as DigestCommand;
}

/** Whether a command changes the chat's subscription (and so needs an admin or a channel member). */
export function changesSubscription(cmd: DigestCommand): boolean {
  return cmd.kind === "on" || cmd.kind === "off";
}

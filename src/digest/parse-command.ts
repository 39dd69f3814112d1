import { DEFAULT_TIME, isTimeZone, parseTime } from "./local-time.js";

/** What is wrong with a `/digest` command, as a code with the data its wording needs. */
export type DigestProblem =
  | { code: "bad-time" }
  | { code: "unknown-zone"; zone: string }
  | { code: "too-many-topics"; max: number }
  | { code: "topic-too-long"; topic: string; max: number }
  | { code: "unknown-verb"; verb: string };

/** A parsed `/digest …` command. */
export type DigestCommand =
  | { kind: "on"; time: string; timeZone: string | null; topics: string[]; wantEmpty: boolean }
  | { kind: "off" }
  | { kind: "status" }
  | { kind: "now"; topics: string[] }
  | { kind: "help" }
  | { kind: "invalid"; problem: DigestProblem };

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
function topicsOf(words: string[]): string[] | DigestProblem {
  const topics = [...new Set(words)];
  if (topics.length > MAX_TOPICS) return { code: "too-many-topics", max: MAX_TOPICS };
  const long = topics.find((t) => [...t].length > MAX_TOPIC_LENGTH);
  return long ? { code: "topic-too-long", topic: long, max: MAX_TOPIC_LENGTH } : topics;
}

function parseOn(args: string[]): DigestCommand {
  let time: string | null = null;
  let timeZone: string | null = null;
  let wantEmpty = false;
  const words: string[] = [];
  for (const a of args) {
    if (TIME_LIKE.test(a)) {
      time = parseTime(a);
      if (!time) return { kind: "invalid", problem: { code: "bad-time" } };
    } else if (a.includes("/") || a.toUpperCase() === "UTC") {
      if (!isTimeZone(a)) return { kind: "invalid", problem: { code: "unknown-zone", zone: a } };
      timeZone = a;
    } else if (EMPTY_FLAGS.has(a.toLowerCase())) wantEmpty = true;
    else words.push(a);
  }
  const topics = topicsOf(words);
  if (!Array.isArray(topics)) return { kind: "invalid", problem: topics };
  return { kind: "on", time: time ?? DEFAULT_TIME, timeZone, topics, wantEmpty };
}

/** Parses the text after /digest ("on 08:30 学位 教师", "off", "status", "now"); no text asks for help. */
export function parseDigestCommand(text: string): DigestCommand {
  const [verb, ...args] = tokens(text.trim());
  if (!verb) return { kind: "help" };
  const kind = VERBS[verb.toLowerCase()];
  if (!kind) return { kind: "invalid", problem: { code: "unknown-verb", verb } };
  if (kind === "on") return parseOn(args);
  if (kind === "now") {
    const topics = topicsOf(args);
    return Array.isArray(topics) ? { kind: "now", topics } : { kind: "invalid", problem: topics };
  }
  return { kind } as DigestCommand;
}

/** Whether a command changes the chat's subscription (and so needs an admin or a channel member). */
export function changesSubscription(cmd: DigestCommand): boolean {
  return cmd.kind === "on" || cmd.kind === "off";
}

import { describe, expect, it } from "vitest";
import type { AnswerNote, CheckNote, NoAnswerReason, Verdict } from "../../src/answer/reply.js";
import {
  CHAT_TEXTS,
  helpText,
  refusalText,
  type Surface,
  unknownCommandText,
} from "../../src/conversation/chat-wording.js";
import type { Refusal } from "../../src/conversation/converse.js";
import {
  DIGEST_USAGE,
  type DigestRefusal,
  digestHeading,
  digestProblemText,
  digestRefusalText,
  digestResultText,
  NOTHING_NEW,
  TIME_FORMAT,
} from "../../src/conversation/digest-wording.js";
import { LABELS } from "../../src/conversation/labels.js";
import {
  answerNoteText,
  checkNoteText,
  citationParts,
  citationText,
  noAnswerSentence,
  noAnswerText,
  periodLabel,
  VERDICT_LABELS,
} from "../../src/conversation/wording.js";
import type { DigestProblem } from "../../src/digest/parse-command.js";
import type { DigestCommandResult } from "../../src/digest/run-command.js";
import type { Subscription } from "../../src/store/subscriptions.js";

const SURFACES: Surface[] = ["console", "telegram", "slack", "im"];

/** Not empty, and no placeholder of a value that was missing. */
function expectWorded(text: string): void {
  expect(text.trim().length).toBeGreaterThan(1);
  expect(text).not.toMatch(/undefined|null|NaN|\[object/);
}

// Each table is keyed by every code of its union: a code added without an example fails to compile.
const NO_ANSWER: Record<NoAnswerReason["code"], NoAnswerReason[]> = {
  "off-topic": [
    { code: "off-topic", cause: "chat" },
    { code: "off-topic", cause: "not-chinese" },
    { code: "off-topic", cause: "unknown-words", words: ["火星车", "登陆"] },
  ],
  "no-indicator": [{ code: "no-indicator" }],
  "not-found": [
    { code: "not-found", places: [] },
    { code: "not-found", places: ["成都", "重庆"] },
  ],
};
const NOTES: Record<CheckNote, true> = { empty: true, "no-figure": true, "no-figure-no-source": true };
const ANSWER_NOTES: Record<AnswerNote["code"], AnswerNote> = {
  "increase-only": { code: "increase-only", indicator: "高校" },
};
const REFUSALS: Record<Refusal["code"], Refusal[]> = {
  empty: [
    { code: "empty", mode: "ask" },
    { code: "empty", mode: "check" },
  ],
  "too-long": [
    { code: "too-long", mode: "ask", length: 501, limit: 500 },
    { code: "too-long", mode: "check", length: 620, limit: 500 },
  ],
  "too-many-figures": [{ code: "too-many-figures", count: 250, limit: 20 }],
  "rate-limited": [
    { code: "rate-limited", limit: 20, windowMs: 60_000 },
    { code: "rate-limited", limit: 3, windowMs: 30_000 },
  ],
};
const PROBLEMS: Record<DigestProblem["code"], DigestProblem> = {
  "bad-time": { code: "bad-time" },
  "unknown-zone": { code: "unknown-zone", zone: "Mars/Olympus" },
  "too-many-topics": { code: "too-many-topics", max: 10 },
  "topic-too-long": { code: "topic-too-long", topic: "话".repeat(25), max: 20 },
  "unknown-verb": { code: "unknown-verb", verb: "later" },
};
const DIGEST_REFUSALS: Record<DigestRefusal["code"], DigestRefusal> = {
  disabled: { code: "disabled" },
  "admins-only": { code: "admins-only" },
  "members-only": { code: "members-only" },
  "membership-unknown": { code: "membership-unknown", error: "channel_not_found" },
};

const SUB: Subscription = {
  id: 1,
  platform: "telegram",
  chatId: "1",
  time: "08:30",
  timeZone: "Asia/Shanghai",
  topics: ["学位", "教师"],
  subscribedBy: "7",
  createdAt: "2025-01-01T00:00:00.000Z",
  paused: false,
  pausedReason: null,
  wantEmpty: false,
};
const DIGEST = { date: "2025-03-03", documents: [], topics: [], preview: true };
const RESULTS: Record<DigestCommandResult["kind"], DigestCommandResult[]> = {
  subscribed: [{ kind: "subscribed", subscription: SUB }],
  unsubscribed: [{ kind: "unsubscribed" }],
  "not-subscribed": [
    { kind: "not-subscribed", asked: "off" },
    { kind: "not-subscribed", asked: "status" },
  ],
  status: [
    { kind: "status", subscription: SUB, lastSent: null },
    {
      kind: "status",
      subscription: { ...SUB, paused: true, pausedReason: "推送失败（2025-03-02）：chat not found" },
      lastSent: "2025-03-01",
    },
  ],
  preview: [{ kind: "preview", since: new Date("2025-03-02T16:00:00Z"), digest: DIGEST }],
  help: [{ kind: "help" }],
  invalid: Object.values(PROBLEMS).map((problem) => ({ kind: "invalid" as const, problem })),
};

describe("the core's codes in words", () => {
  it.each(Object.values(NO_ANSWER).flat())("no-answer reason %j", (reason) => {
    expectWorded(noAnswerText(reason));
    // Small talk and another language are not told that no answer was found.
    const chat = reason.code === "off-topic" && reason.cause !== "unknown-words";
    expect(noAnswerSentence(reason)).toBe(
      chat ? `${noAnswerText(reason)}。` : `没有找到答案：${noAnswerText(reason)}。`,
    );
  });

  it("heads example questions saying that questions are read in Chinese", () => {
    expect(LABELS.examples).toContain("中文");
  });

  it("names the words the corpus never uses", () => {
    expect(noAnswerText({ code: "off-topic", cause: "unknown-words", words: ["火星车", "登陆"] })).toBe(
      "语料中没有出现“火星车、登陆”",
    );
  });

  it.each(Object.values(ANSWER_NOTES))("answer note %j", (note) => {
    expectWorded(answerNoteText(note));
  });

  it("says an increase is all there is, before the answers that state it", () => {
    expect(answerNoteText({ code: "increase-only", indicator: "高校" })).toBe(
      "语料中没有找到高校的总数，只有新增的数量：",
    );
  });

  it("names the places a question was about", () => {
    expect(noAnswerText({ code: "not-found", places: ["成都", "重庆"] })).toContain("关于成都、重庆的");
  });

  it.each(Object.keys(NOTES) as CheckNote[])("check note %s", (note) => {
    expectWorded(checkNoteText(note));
  });

  it.each<[Verdict, string]>([
    ["supported", "✅ 一致"],
    ["contradicted", "❌ 不一致"],
    ["conflicting", "⚠️ 来源不一致"],
    ["not_found", "❓ 未找到"],
  ])("verdict %s is %s", (verdict, label) => {
    expect(VERDICT_LABELS[verdict]).toBe(label);
  });

  it("labels a goal and an achieved value, and says nothing when the source does not", () => {
    expect(periodLabel("target")).toBe("（目标）");
    expect(periodLabel("achieved")).toBe("（已实现）");
    expect(periodLabel(null)).toBe("");
  });
});

describe("citations", () => {
  const full = { doc: "a.txt", title: "标题", publisher: "重庆日报", date: "2025-04-24" };
  it.each<[string, Parameters<typeof citationText>[0], number | undefined, string]>([
    ["a paragraph", full, 3, "《标题》 重庆日报 2025-04-24 · 第3段"],
    ["the headline", full, 0, "《标题》 重庆日报 2025-04-24 · 标题"],
    ["a document (no paragraph)", full, undefined, "《标题》 重庆日报 2025-04-24"],
    ["no title: the file name", { ...full, title: null }, 2, "a.txt 重庆日报 2025-04-24 · 第2段"],
    ["publisher only", { ...full, date: null }, 1, "《标题》 重庆日报 · 第1段"],
    ["date only", { ...full, publisher: null }, 1, "《标题》 2025-04-24 · 第1段"],
    ["title only", { ...full, publisher: null, date: null }, undefined, "《标题》"],
  ])("%s", (_name, source, paragraph, text) => {
    expect(citationText(source, paragraph)).toBe(text);
  });

  it("gives renderers the title, the rest and the paragraph apart", () => {
    expect(citationParts(full, 3)).toEqual({
      title: "《标题》",
      rest: "重庆日报 2025-04-24",
      where: "第3段",
    });
    expect(citationParts({ ...full, publisher: null, date: null })).toEqual({
      title: "《标题》",
      rest: "",
      where: null,
    });
  });
});

describe("the conversation's texts", () => {
  it.each(
    SURFACES.flatMap((s) =>
      Object.values(REFUSALS)
        .flat()
        .map((r) => [s, r] as const),
    ),
  )("%s: refusal %j", (surface, refusal) => {
    expectWorded(refusalText(refusal, surface));
  });

  it("says how long a refused text was and what the limits are", () => {
    expect(refusalText({ code: "too-long", mode: "ask", length: 501, limit: 500 }, "telegram")).toBe(
      "问题太长了（501 字），请控制在 500 字以内，只写要查的指标。",
    );
    expect(refusalText({ code: "too-long", mode: "check", length: 620, limit: 500 }, "slack")).toContain(
      "说法太长了（620 字）",
    );
    expect(refusalText({ code: "rate-limited", limit: 20, windowMs: 60_000 }, "slack")).toContain(
      "每分钟最多 20 个问题",
    );
  });

  it("differs between platforms only in their command names", () => {
    const empty: Refusal = { code: "empty", mode: "ask" };
    expect(refusalText(empty, "telegram")).toBe("请在 /ask 后写上问题，例如：/ask 新增学位多少");
    expect(refusalText(empty, "slack")).toBe("请在 /policy 后写上问题，例如：/policy 新增学位多少");
    expect(refusalText({ code: "empty", mode: "check" }, "slack")).toContain("/factcheck");
    const tooLong: Refusal = { code: "too-long", mode: "ask", length: 501, limit: 500 };
    expect(new Set(SURFACES.map((s) => refusalText(tooLong, s))).size).toBe(1);
  });

  it.each(SURFACES)("%s: help and unknown commands", (surface) => {
    expectWorded(helpText(surface));
    expect(helpText(surface)).toContain("核实");
    expect(unknownCommandText("/bogus", surface)).toContain("未知命令 /bogus");
  });

  it("tells Feishu, DingTalk and WeCom users what works there: typed commands, /digest, @mention in groups", () => {
    const help = helpText("im");
    for (const part of ["/digest on", "@我", "更多来源"]) expect(help).toContain(part);
    expect(help).not.toContain("/policy");
    expect(help).not.toContain("内联");
    expect(unknownCommandText("/bogus", "im")).toBe("未知命令 /bogus。输入 /help 查看用法。");
    expect(refusalText({ code: "empty", mode: "check" }, "im")).toContain("/check 全市新增学位28万个");
  });

  it("has every notice", () => {
    for (const text of Object.values(CHAT_TEXTS)) expectWorded(text);
    for (const text of Object.values(LABELS)) expectWorded(text);
  });
});

describe("the digest in words", () => {
  it.each(Object.values(RESULTS).flat())("/digest result %j", (result) => {
    expectWorded(digestResultText(result));
  });

  it("words each result as the command used to", () => {
    expect(digestResultText({ kind: "subscribed", subscription: SUB })).toBe(
      "✅ 已订阅：每天 08:30（Asia/Shanghai）推送每日摘要；话题：学位、教师；无新增时不发送。",
    );
    const paused = RESULTS.status[1] as DigestCommandResult;
    expect(digestResultText(paused)).toContain("⚠️ 已暂停：推送失败（2025-03-02）：chat not found。");
    expect(digestResultText(paused)).toContain("上次推送：2025-03-01");
    expect(digestResultText({ kind: "not-subscribed", asked: "status" })).toContain(DIGEST_USAGE);
    expect(digestResultText({ kind: "not-subscribed", asked: "off" })).not.toContain(DIGEST_USAGE);
    expect(digestResultText(RESULTS.preview[0] as DigestCommandResult)).toBe(
      "预览：2025-03-02 16:00 (UTC) 以来的新增文档",
    );
  });

  it.each(Object.values(PROBLEMS))("problem %j", (problem) => {
    expectWorded(digestProblemText(problem));
  });

  it("words problems with what to write", () => {
    expect(digestProblemText({ code: "bad-time" })).toBe(TIME_FORMAT);
    expect(digestProblemText(PROBLEMS["topic-too-long"])).toBe(
      `话题太长：${"话".repeat(20)}…（每个话题不超过 20 字）`,
    );
    expect(digestProblemText(PROBLEMS["unknown-verb"])).toContain("不认识的子命令：later");
  });

  it.each(Object.values(DIGEST_REFUSALS))("refusal %j", (refusal) => {
    expectWorded(digestRefusalText(refusal));
  });

  it("heads a digest with its date, preview mark and count, and says when nothing is new", () => {
    expect(digestHeading(DIGEST)).toBe("每日政策摘要（预览） · 2025-03-03");
    expect(NOTHING_NEW).toBe("今日无新增文档。");
  });
});

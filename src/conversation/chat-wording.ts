/**
 * The texts around replies — help, refusals, notices — for every platform. They differ by platform only where
 * the platform does: its command names and how a user addresses the bot in a group.
 */
import type { Refusal } from "./converse.js";

/**
 * Where a conversation takes place. "im": Feishu, DingTalk and WeCom, where commands are typed as text (no command
 * menu), groups reach the bot by @mention, and 更多来源 is a button (Feishu) or a reply word (DingTalk, WeCom).
 */
export type Surface = "console" | "telegram" | "slack" | "im";

/** One-line notices, the same everywhere; none holds user or document text, so none needs escaping. */
export const CHAT_TEXTS = {
  /** A photo, sticker or voice message. */
  notText: "我只能读文字消息。请直接发送问题，例如：新增学位多少。发送 /help 查看用法。",
  notAllowed: "抱歉，这个机器人只在授权的聊天中使用。",
  /** A button whose reply is no longer kept. */
  expired: "已过期，请重新提问",
  /** The catch-all apology: never what went wrong. */
  failed: "出错了，请稍后再试",
  /** 更多来源 after the last answer. */
  noMore: "没有更多来源了。",
  goodbye: "再见。",
} as const;

/** Telegram's /start: what the bot does, above the example buttons. */
export const START_TEXT =
  "我可以从本地政策文件语料中查找数字并注明出处，也可以核实一句话里的数字。\n" +
  "直接发问题即可；以「核实」开头的句子会被核查。试试下面的例子：";

/** Telegram's description: shown in an empty chat, before the first message (at most 512 characters). */
export const BOT_DESCRIPTION =
  "我从本地政策文件语料中查找数字，并注明出处：文件、段落和原文链接；也可以核实一句话里的数字。\n" +
  "请用中文提问，例如：新增学位多少。以「核实」开头的句子会被核查，例如：核实 全市新增学位28万个。\n" +
  "发送 /start 查看这份语料能回答的示例问题。";

/** Telegram's short description: on the bot's profile and in shared links (at most 120 characters). */
export const BOT_SHORT_DESCRIPTION = "用中文问政策数字，答案附原文出处；也能核实说法里的数字。";

const HELP: Record<Surface, string> = {
  console: [
    "输入问题即可查询，例如：新增学位多少 / 高等教育毛入学率 / 要建设多少所特色高中",
    "核实一个说法：以“核实”开头，例如：核实：全市新增学位28万个",
    "命令：/help 帮助  /ask 问题  /check 说法 核实  /sources 文档列表  /more 更多来源  /quit 退出",
  ].join("\n"),
  telegram: [
    "用法：",
    "• 直接发送问题，例如：新增学位多少",
    "• 核实 全市新增学位28万个 — 核对说法里的数字",
    "• /ask 问题 · /check 说法 · /sources 查看语料文档",
    "• /digest on 08:30 学位 订阅每日摘要 · /digest off · /digest status · /digest now",
    "• 群聊中请 @我 提问、回复我的消息，或用 /ask@机器人名",
    "• 任意聊天中输入 @机器人名 问题 可使用内联模式",
  ].join("\n"),
  slack: "请输入问题，例如“新增学位多少”；以“核实”开头可核查一个说法，例如“核实 新增学位28万个”。",
  im: [
    "用法：",
    "• 直接发送问题，例如：新增学位多少",
    "• 核实 全市新增学位28万个 — 核对说法里的数字",
    "• 答案较多时，用“更多来源”查看其余的答案",
    "• /digest on 08:30 学位 订阅每日摘要 · /digest off · /digest status · /digest now",
    "• 群聊中请 @我 提问",
  ].join("\n"),
};

/** How to use the bot on a platform; also the answer to a message with nothing in it. */
export function helpText(surface: Surface): string {
  return HELP[surface];
}

/** The commands that ask and check on each platform (Slack's slash commands are its own). */
const COMMANDS: Record<Surface, { ask: string; check: string }> = {
  console: { ask: "/ask", check: "/check" },
  telegram: { ask: "/ask", check: "/check" },
  slack: { ask: "/policy", check: "/factcheck" },
  im: { ask: "/ask", check: "/check" },
};

/** Why a question or claim was not answered, and what to do instead. */
export function refusalText(refusal: Refusal, surface: Surface): string {
  switch (refusal.code) {
    case "empty": {
      const { ask, check } = COMMANDS[surface];
      return refusal.mode === "check"
        ? `请在 ${check} 后写上要核实的说法，例如：${check} 全市新增学位28万个`
        : `请在 ${ask} 后写上问题，例如：${ask} 新增学位多少`;
    }
    case "too-long": {
      const [what, advice] =
        refusal.mode === "check" ? ["说法", "只写要核实的那句话"] : ["问题", "只写要查的指标"];
      return `${what}太长了（${refusal.length} 字），请控制在 ${refusal.limit} 字以内，${advice}。`;
    }
    case "too-many-figures":
      return `说法里的数字太多了（${refusal.count} 个），一次最多核实 ${refusal.limit} 个，请分成几句分别核实。`;
    case "rate-limited": {
      const per = refusal.windowMs === 60_000 ? "每分钟" : `每 ${Math.round(refusal.windowMs / 1000)} 秒`;
      return `提问太频繁了：${per}最多 ${refusal.limit} 个问题，请稍等一会儿再问。`;
    }
  }
}

/** A command the bot does not know, as typed ("/bogus"), with where to find the ones it does. */
export function unknownCommandText(command: string, surface: Surface): string {
  const hint = surface === "slack" ? helpText("slack") : "输入 /help 查看用法。";
  return `未知命令 ${command}。${hint}`;
}

/** The terminal chat's first line. */
export function consoleBanner(documents: number): string {
  return `政策数字问答 · ${documents} 篇文档已载入。${helpText("console")}`;
}

/** Telegram's command menu (setMyCommands). */
export const TELEGRAM_COMMANDS = [
  { command: "ask", description: "提问，例如 /ask 新增学位多少" },
  { command: "check", description: "核实说法里的数字" },
  { command: "sources", description: "查看语料文档" },
  { command: "help", description: "用法" },
  { command: "start", description: "介绍与示例问题" },
  { command: "digest", description: "每日摘要：/digest on 08:30 学位 · off · status · now" },
] as const;

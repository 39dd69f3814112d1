/** Questions offered as buttons under /start; each is answered by the seed corpus. */
export const EXAMPLE_QUESTIONS = ["新增学位多少", "对口帮扶农村学校多少所", "高等教育毛入学率多少"] as const;

/** Longest question the bot accepts: longer text is rarely a question and costs search time. */
export const MAX_QUESTION_LENGTH = 500;

/** Prefixes that make a private message a claim to check rather than a question. */
export const CHECK_PREFIXES = ["核实", "核查", "查证"] as const;

/** Plain-text replies; none contain user or document text, so none need escaping. */
export const TEXTS = {
  start:
    "我可以从本地政策文件语料中查找数字并注明出处，也可以核实一句话里的数字。\n" +
    "直接发问题即可；以「核实」开头的句子会被核查。试试下面的例子：",
  help:
    "用法：\n" +
    "• 直接发送问题，例如：新增学位多少\n" +
    "• 核实 全市新增学位28万个 — 核对说法里的数字\n" +
    "• /ask 问题 · /check 说法 · /sources 查看语料文档\n" +
    "• /digest on 08:30 学位 订阅每日摘要 · /digest off · /digest status · /digest now\n" +
    "• 群聊中请 @我 提问、回复我的消息，或用 /ask@机器人名\n" +
    "• 任意聊天中输入 @机器人名 问题 可使用内联模式",
  notText: "我只能读文字消息。请直接发送问题，例如：新增学位多少。发送 /help 查看用法。",
  emptyAsk: "请在 /ask 后写上问题，例如：/ask 新增学位多少",
  emptyCheck: "请在 /check 后写上要核实的说法，例如：/check 全市新增学位28万个",
  tooLong: (n: number) => `问题太长了（${n} 字），请控制在 ${MAX_QUESTION_LENGTH} 字以内，只写要查的指标。`,
  rateLimited: (n: number) => `提问太频繁了：每分钟最多 ${n} 个问题，请稍等一会儿再问。`,
  notAllowed: "抱歉，这个机器人只在授权的聊天中使用。",
  expired: "已过期，请重新提问",
  thanks: "已记录，谢谢",
  error: "出错了，请稍后再试",
  unknownCommand: "不认识这个命令。发送 /help 查看用法。",
} as const;

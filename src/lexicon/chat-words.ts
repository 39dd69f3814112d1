/**
 * Chat words: greetings, thanks, farewells and small talk — what people say to a bot that is not a question
 * about the documents. A message made of them alone (你好, 谢谢, 今天天气如何) gets example questions instead of
 * a search. Only phrases of two characters or more, so that none hides inside an indicator word. Table tests:
 * tests/lexicon/chat-words.test.ts.
 */
import { wordList } from "./lexicon.js";

/** The chat phrases, by what they do in a conversation. */
export const CHAT_PHRASES = {
  greeting:
    "你好 您好 你们好 大家好 哈喽 哈啰 嗨嗨 早上好 上午好 中午好 下午好 晚上好 早安 午安 晚安 在吗 在不在",
  thanks: "谢谢 谢谢你 谢谢您 多谢 感谢你 感谢您 谢了 谢啦 辛苦了",
  farewell: "再见 拜拜 回头见 下次见",
  reaction: "哈哈 哈哈哈 呵呵 嘿嘿 嘻嘻 嗯嗯 好的 好吧 好滴 知道了 明白了 没事 不客气 厉害 真棒 太棒了",
  aboutBot: "你是谁 你是什么 你叫什么 叫什么名字 你的名字 你能做什么 你会什么 能做什么 机器人吗 你是机器人",
  smallTalk: "天气 下雨 下雪 刮风 吃饭 吃了吗 吃饭了吗 无聊 讲个笑话 笑话 心情 开心 难过 睡觉 星期几 几点了",
  day: "今天 明天 昨天 后天 周末",
} as const;

/** Every chat phrase, for finding them in a message (longest first). */
export const CHAT_WORDS = wordList(...Object.values(CHAT_PHRASES));

/** Particles that jieba leaves as words of their own after a chat phrase ("谢谢啦", "你好呀"); only as such. */
export const CHAT_PARTICLES: ReadonlySet<string> = new Set("啦 呀 哈 喔 噢 哦 咯 呗 嘛 哟".split(" "));

/** Courtesies inside a question ("早上好，请问广东GDP多少"): said to the bot, never an indicator word. */
export const COURTESY_WORDS = wordList(
  CHAT_PHRASES.greeting,
  CHAT_PHRASES.thanks,
  CHAT_PHRASES.farewell,
  CHAT_PHRASES.reaction,
);

/** A mention: Slack's <@U123>, <@U123|bob>, <!channel>, <!here>, <#C1|x>; @all, @所有人, @user_1, ＠name. */
const MENTION = String.raw`<[!@#][^<>]*>|[@＠](?:所有人|全体成员|[\w.-]{1,30})`;

/**
 * Mentions standing as words of their own (at the start or after a space): a slash command carries a plain
 * @name, an event <@U…> or <!channel>. Removed where a message is parsed, so that "@alice 核实 …" is a claim;
 * "/help@bot" and an e-mail address are no mentions.
 */
export const MENTIONS = new RegExp(String.raw`(?<=^|\s)(?:${MENTION})`, "g");

/**
 * Markup a chat platform or a paste leaves in a message: scripts and styles with their content, HTML tags
 * (<b>…</b>), Slack mentions and links
 * (<!channel>, <@U123>, <#C1|x>, <https://…>), @-mentions (@all, @所有人, @user_1; a Chinese name after @ is
 * not told apart from the question and stays).
 */
export const MESSAGE_MARKUP = new RegExp(
  String.raw`<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[a-zA-Z][^<>]*>|<https?:[^<>]*>|${MENTION}`,
  "gi",
);

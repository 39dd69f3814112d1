import { randomBytes } from "node:crypto";
import type { WsFrame } from "@wecom/aibot-node-sdk";
import { CHAT_TEXTS } from "../../src/mod.js";
import { answerMarkdown } from "../markdown/answer-markdown.js";
import type { MarkdownChatState } from "../markdown/chat-state.js";
import { digestMarkdown } from "../markdown/digest-command.js";
import { LOOK_ALIKE_MD } from "../markdown/look-alike.js";
import { renderWeComDigest } from "./digest-sender.js";

/** WeCom's limit on a stream reply's content is 20,480 bytes of UTF-8: 6,000 characters fit even all Chinese. */
export const MARKDOWN_MAX = 6000;

/** The part of a message callback the bot reads (WeCom's field names). */
export interface BotMessage {
  msgid?: string;
  msgtype?: string;
  chattype?: "single" | "group";
  chatid?: string;
  from?: { userid?: string };
  text?: { content?: string };
}

/** What the message handler shares, built once per robot. */
export interface WeComDeps extends MarkdownChatState {
  /** Answers the message of `frame` with one complete markdown (stream) reply. */
  reply(frame: WsFrame, markdown: string): Promise<void>;
  /** Sends a markdown message to a chat (a group's chatid, or a user's userid). */
  push(chatId: string, markdown: string): Promise<void>;
}

/**
 * A group message's text without its @mentions. WeCom delivers a group message to the robot only when it is
 * @mentioned, wherever the mention stands, and writes it into the text as "@Name" (a Chinese name, which the
 * shared parser cannot tell from the question): the `@…` words at the start and at the end are cut here.
 */
export function groupQuestion(text: string): string {
  return text.replace(/^(?:\s*@\S+)+\s*/u, "").replace(/(?:\s+@\S+)+\s*$/u, "");
}

/** The chat a message belongs to: the group's chatid, or the user for a one-to-one chat. */
export function chatOf(b: BotMessage): string {
  return b.chattype === "group" ? (b.chatid ?? "") : (b.from?.userid ?? "");
}

function newStreamId(): string {
  return randomBytes(8).toString("hex");
}

/** The text to answer: a group's without its @mentions (WeCom delivers only those that mention the robot). */
function questionOf(b: BotMessage): string {
  const text = b.text?.content ?? "";
  return b.chattype === "group" ? groupQuestion(text) : text;
}

/**
 * A message callback (aibot_msg_callback): answered in the user's turn of the work queue with one complete
 * stream reply in markdown. Repeated deliveries are answered once; the catch-all logs one line with the msgid
 * and apologises in the chat.
 */
export function onBotMessage(deps: WeComDeps, frame: WsFrame<BotMessage>): void {
  const b = frame.body ?? {};
  const id = b.msgid ?? frame.headers.req_id;
  if (!deps.seen.firstTime(id)) return;
  const text = b.msgtype === "text" ? questionOf(b) : "";
  const work = async () => {
    try {
      const user = b.from?.userid ?? chatOf(b);
      const request = {
        store: deps.store,
        engine: deps.engine,
        platform: "wecom" as const,
        chatId: chatOf(b),
      };
      const digest = (args: string) =>
        // The preview's parts are pushed as the scheduled digest's are: the same renderer, 4,096 bytes each.
        digestMarkdown(
          { ...request, userId: user, now: deps.clock(), args },
          LOOK_ALIKE_MD,
          MARKDOWN_MAX,
          renderWeComDigest,
        );
      const chat = { ...deps, dialect: LOOK_ALIKE_MD, max: MARKDOWN_MAX, digest };
      const texts =
        b.msgtype === "text" ? await answerMarkdown(chat, chatOf(b), user, text) : [CHAT_TEXTS.notText];
      // A message is answered once; what follows (a digest preview's parts) is pushed to the chat.
      const [first, ...rest] = texts;
      if (first !== undefined) await deps.reply(frame, first);
      for (const md of rest) await deps.push(chatOf(b), md);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String((e as { errmsg?: string })?.errmsg ?? e));
      deps.log.error({ msgid: id, err }, `wecom message ${id} failed: ${err.name}: ${err.message}`);
      await deps.reply(frame, CHAT_TEXTS.failed).catch((x: Error) => {
        deps.log.error(`wecom: could not send the failure notice: ${x.message}`);
      });
    }
  };
  void (deps.inFlight ? deps.inFlight.track(work) : work());
}

export { newStreamId };

import type { DWClientDownStream } from "dingtalk-stream";
import { CHAT_TEXTS } from "../../src/mod.js";
import { answerMarkdown } from "../markdown/answer-markdown.js";
import { type ChatDigestRequest, digestMarkdown } from "../markdown/digest-command.js";
import { LOOK_ALIKE_MD } from "../markdown/look-alike.js";
import type { DingTalkDeps } from "./deps.js";

/** DingTalk's limit is generous (about 20,000 characters); a reply page is kept far below it, for reading. */
export const MARKDOWN_MAX = 5000;

/** The part of a robot message the bot reads (DingTalk's field names). */
export interface RobotMessage {
  msgId?: string;
  msgtype?: string;
  text?: { content?: string };
  conversationId?: string;
  /** "1": a one-to-one chat; "2": a group. */
  conversationType?: string;
  isInAtList?: boolean;
  senderStaffId?: string;
  senderId?: string;
  sessionWebhook?: string;
  sessionWebhookExpiredTime?: number;
}

/** A group message is answered only when it @mentions the robot (DingTalk pushes only those; this makes sure). */
export function isAddressed(m: RobotMessage): boolean {
  return m.conversationType === "1" || m.isInAtList === true;
}

/**
 * The chat a digest subscription names: a group by its conversation id (the group-message API's
 * openConversationId), a one-to-one chat by its user (user:staffId, for the one-to-one message API).
 */
export function digestChatOf(m: RobotMessage): string {
  return m.conversationType === "2" ? (m.conversationId ?? "") : `user:${m.senderStaffId ?? ""}`;
}

function digestRequest(deps: DingTalkDeps, m: RobotMessage, args: string): ChatDigestRequest {
  const chatId = digestChatOf(m);
  const now = deps.clock();
  return {
    store: deps.store,
    engine: deps.engine,
    platform: "dingtalk",
    chatId,
    userId: userOf(m),
    now,
    args,
  };
}

/** Who the rate limit counts: the sender, else the conversation. */
function userOf(m: RobotMessage): string {
  return m.senderStaffId ?? m.senderId ?? m.conversationId ?? "unknown";
}

/** A notification's title: plain text, short. */
function titleOf(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text || "政策数字";
}

/** Runs a message's work after its acknowledgement; the catch-all logs one line and apologises in the chat. */
function afterAck(deps: DingTalkDeps, id: string, webhook: string, work: () => Promise<void>): void {
  const guarded = async () => {
    try {
      await work();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      deps.log.error({ msg_id: id, err }, `dingtalk message ${id} failed: ${err.name}: ${err.message}`);
      await deps.reply(webhook, CHAT_TEXTS.failed, CHAT_TEXTS.failed).catch((x: Error) => {
        deps.log.error(`dingtalk: could not send the failure notice: ${x.message}`);
      });
    }
  };
  void (deps.inFlight ? deps.inFlight.track(guarded) : guarded());
}

/**
 * A robot message (TOPIC_ROBOT): acknowledged over the stream at once (DingTalk pushes it again otherwise), then
 * answered in the user's turn of the work queue, as markdown through the message's session webhook.
 */
export function onRobotMessage(deps: DingTalkDeps, down: DWClientDownStream, ack: () => void): void {
  ack();
  let m: RobotMessage;
  try {
    m = JSON.parse(down.data) as RobotMessage;
  } catch {
    deps.log.warn(`dingtalk message ${down.headers.messageId} ignored: its data is not JSON`);
    return;
  }
  const id = m.msgId ?? down.headers.messageId;
  const webhook = m.sessionWebhook;
  if (!webhook || !deps.seen.firstTime(id) || !isAddressed(m)) return;
  if ((m.sessionWebhookExpiredTime ?? Number.POSITIVE_INFINITY) < deps.clock().getTime()) {
    deps.log.warn(`dingtalk message ${id} not answered: its session webhook has expired`);
    return;
  }
  afterAck(deps, id, webhook, async () => {
    const text = m.msgtype === "text" ? (m.text?.content ?? "") : null;
    const digest = (args: string) =>
      digestMarkdown(digestRequest(deps, m, args), LOOK_ALIKE_MD, MARKDOWN_MAX);
    const chat = { ...deps, dialect: LOOK_ALIKE_MD, max: MARKDOWN_MAX, digest };
    const texts =
      text === null
        ? [CHAT_TEXTS.notText]
        : await answerMarkdown(chat, m.conversationId ?? "", userOf(m), text);
    for (const md of texts) await deps.reply(webhook, titleOf(text ?? ""), md);
  });
}

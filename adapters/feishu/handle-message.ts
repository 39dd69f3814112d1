import { CHAT_TEXTS, converseInTurn } from "../../src/mod.js";
import { runChatDigest } from "../markdown/digest-command.js";
import { notAnsweredText } from "../markdown/outcome-text.js";
import { isAddressed, messageText, type ReceivedMessage } from "./addressing.js";
import { withRetry } from "./api.js";
import { type Card, noticeCard, renderCard } from "./card.js";
import type { FeishuDeps } from "./deps.js";
import { renderDigestCards } from "./digest-sender.js";
import { afterAck } from "./guard.js";

/** Who the rate limit counts: the sender, else the chat. */
function userOf(ev: ReceivedMessage): string {
  return ev.sender?.sender_id?.open_id ?? ev.message?.chat_id ?? "unknown";
}

/** /digest in a chat: the answer, then (for /digest now) the digest's cards. */
async function digestCards(deps: FeishuDeps, ev: ReceivedMessage, args: string): Promise<Card[]> {
  const r = await runChatDigest({
    store: deps.store,
    engine: deps.engine,
    platform: "feishu",
    chatId: ev.message?.chat_id ?? "",
    userId: userOf(ev),
    now: deps.clock(),
    args,
  });
  return [noticeCard(r.text), ...(r.preview ? renderDigestCards(r.preview) : [])];
}

/** The cards answering a text: a reply card, a notice, /digest's; none when nothing is to be said. */
async function answerCards(deps: FeishuDeps, ev: ReceivedMessage, text: string): Promise<Card[]> {
  const outcome = await converseInTurn(deps.conversation, userOf(ev), text);
  if (outcome.kind === "refused" && outcome.repeated) return [];
  if (outcome.kind === "command" && outcome.name === "digest") return digestCards(deps, ev, outcome.args);
  if (outcome.kind !== "reply") return [noticeCard(notAnsweredText(outcome))];
  const id = deps.cache.put(outcome.reply, outcome.asked);
  return [renderCard(outcome.reply, { id, perPage: deps.perPage }).card];
}

/**
 * im.message.receive_v1: acknowledged at once (Feishu delivers an event again if the answer takes more than
 * three seconds), then answered in the user's turn of the work queue, as a card in reply to the message.
 * Repeated deliveries, group chatter without a mention of the bot and other apps' messages are ignored.
 */
export function onMessage(deps: FeishuDeps, ev: ReceivedMessage): void {
  const id = ev.event_id ?? ev.message?.message_id ?? "unknown";
  const replyTo = ev.message?.message_id;
  // Addressed first: an event for someone else is not kept among the seen ones.
  if (!replyTo || !isAddressed(ev, deps.botOpenId) || !deps.seen.firstTime(id)) return;
  afterAck(deps, id, replyTo, async () => {
    const text = messageText(ev);
    const cards = text === null ? [noticeCard(CHAT_TEXTS.notText)] : await answerCards(deps, ev, text);
    for (const c of cards) await withRetry(() => deps.api.sendCard({ replyTo }, c));
  });
}

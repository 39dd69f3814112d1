import {
  DELIVERY_POLICY,
  type Digest,
  type DigestChannel,
  networkOutcome,
  type SendOutcome,
} from "../../src/mod.js";
import { digestBlocks, packBlocks } from "../markdown/digest-blocks.js";
import { type FeishuApi, feishuError } from "./api.js";
import { CARD_MAX_BYTES, type Card, card, cardBytes, div, LARK_MD } from "./card.js";
import { ChatPace } from "./chat-pace.js";

/** A digest as cards, each within Feishu's 30 KB, cut between documents (or, for a huge one, between lines). */
export function renderDigestCards(d: Digest): Card[] {
  const fits = (md: string) => cardBytes(card([div(md)])) <= CARD_MAX_BYTES;
  return packBlocks(digestBlocks(LARK_MD, d), fits).map((md) => card([div(md)]));
}

/**
 * What a failed send means for a digest: refused for its rate (429, frequency limit) is retried after the
 * wait Feishu asks for; a network error as `networkOutcome` rules for every platform; a 5xx may have delivered
 * it; any other answer (bot not in the chat, chat gone) is a refusal.
 */
export function feishuSendOutcome(e: unknown): SendOutcome {
  const err = feishuError(e);
  if (err.retryAfterMs !== null) return { kind: "retry", afterMs: err.retryAfterMs, reason: err.message };
  if (err.status === 0) return networkOutcome(err.errno ?? "", err.message);
  if (err.status >= 500) return { kind: "unknown", reason: `HTTP ${err.status}` };
  return { kind: "refused", reason: err.code !== null ? `${err.code} ${err.message}` : err.message };
}

/**
 * Digests to Feishu chats as interactive cards, one send each: no retries (the scheduler decides), a timeout,
 * the request cancelled when the shutdown gives it up, and a chat's cards at most 4 a second (`pace`).
 */
export function feishuDigestSender(api: FeishuApi, pace = new ChatPace()): DigestChannel {
  return {
    render: (digest) => renderDigestCards(digest).map((c) => JSON.stringify(c)),
    send: async (chatId, payload, abandon) => {
      try {
        await pace.turn(chatId);
        const options = { timeoutMs: DELIVERY_POLICY.sendTimeoutMs, ...(abandon ? { signal: abandon } : {}) };
        const id = await api.sendCard({ chatId }, JSON.parse(payload) as Card, options);
        return { kind: "sent", messageId: id };
      } catch (e) {
        return feishuSendOutcome(e);
      }
    },
  };
}

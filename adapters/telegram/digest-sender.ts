import { Api } from "grammy";
import { DELIVERY_POLICY, type DigestChannel } from "../../src/mod.js";
import { renderDigestHtml } from "./digest-html.js";
import { telegramSendOutcome } from "./digest-outcome.js";

/**
 * Digests over a bot's API (`bot.api`), as HTML messages of at most 4096 characters. Sends go through a client
 * of their own, without the bot's auto-retry (it retries 5xx, which may have delivered), with a timeout, and
 * cancelled when the shutdown gives the send up.
 */
export function telegramDigestSender(api: Api, limit?: number): DigestChannel {
  const raw = new Api(api.token, {
    ...api.options,
    timeoutSeconds: Math.ceil(DELIVERY_POLICY.sendTimeoutMs / 1000),
  });
  return {
    render: (digest) => renderDigestHtml(digest, limit),
    send: async (chatId, html, abandon) => {
      try {
        const options = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;
        // grammY types its signal with an AbortController polyfill's class; the native one is what it gets.
        const signal = abandon as Parameters<Api["sendMessage"]>[3];
        const m = await raw.sendMessage(chatId, html, options, signal);
        return { kind: "sent", messageId: String(m.message_id) };
      } catch (e) {
        return telegramSendOutcome(e);
      }
    },
  };
}

import { Api } from "grammy";
import { DELIVERY_POLICY, type DigestChannel } from "../../src/mod.js";
import { renderDigestHtml } from "./digest-html.js";
import { telegramSendOutcome } from "./digest-outcome.js";

/**
 * Digests over a bot's API (`bot.api`), as HTML messages of at most 4096 characters. Sends go through a client
 * of their own, without the bot's auto-retry (it retries 5xx, which may have delivered) and with a timeout.
 */
export function telegramDigestSender(api: Api, limit?: number): DigestChannel {
  const raw = new Api(api.token, {
    ...api.options,
    timeoutSeconds: Math.ceil(DELIVERY_POLICY.sendTimeoutMs / 1000),
  });
  return {
    render: (digest) => renderDigestHtml(digest, limit),
    send: async (chatId, html) => {
      try {
        const m = await raw.sendMessage(chatId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
        return { kind: "sent", messageId: String(m.message_id) };
      } catch (e) {
        return telegramSendOutcome(e);
      }
    },
  };
}

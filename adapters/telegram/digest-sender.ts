import type { Api } from "grammy";
import type { Digest } from "../../src/mod.js";
import { renderDigestHtml } from "./digest-html.js";

/** Sends a digest to a Telegram chat, message by message; throws when Telegram refuses (chat gone, bot removed). */
export type TelegramDigestSender = (chatId: string, digest: Digest) => Promise<void>;

/** A digest sender over a bot's API (`bot.api`). */
export function telegramDigestSender(api: Api): TelegramDigestSender {
  return async (chatId, digest) => {
    for (const html of renderDigestHtml(digest))
      await api.sendMessage(chatId, html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
  };
}

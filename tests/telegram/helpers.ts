import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { type BotOptions, createBot } from "../../adapters/telegram/bot.js";
import type { Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { BOT_INFO, type FakeBotApi } from "./fake-api.js";

/** A test bot wired to the fake API, with a settable clock and a captured log. */
export interface TestBot {
  bot: Bot;
  logs: string[];
  store: Store;
  now: { ms: number };
  send(update: Update): Promise<void>;
}

/** Builds a bot over `engine` that talks to `api`, with known bot info (no getMe). */
export async function testBot(
  engine: Engine,
  api: FakeBotApi,
  options: Partial<BotOptions> = {},
): Promise<TestBot> {
  const now = { ms: Date.UTC(2025, 0, 1) };
  const logs: string[] = [];
  const store = await openStore(mkdtempSync(join(tmpdir(), "tg-store-")));
  const bot = createBot(engine, {
    token: "123:abc",
    apiRoot: api.url,
    botInfo: BOT_INFO,
    store,
    clock: () => now.ms,
    maxRetryDelaySeconds: 2,
    log: (line) => logs.push(line),
    ...options,
  });
  return { bot, logs, store, now, send: (u) => bot.handleUpdate(u) };
}

/** The text of the nth sendMessage call. */
export function sentText(api: FakeBotApi, n = 0): string {
  return String(api.callsOf("sendMessage")[n]?.payload.text ?? "");
}

/** All callback_data values of an inline keyboard payload. */
export function buttonData(payload: Record<string, unknown>): string[] {
  const markup = payload.reply_markup as
    | { inline_keyboard?: Array<Array<{ callback_data?: string }>> }
    | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
}

/** All button labels of an inline keyboard payload. */
export function buttonLabels(payload: Record<string, unknown>): string[] {
  const markup = payload.reply_markup as { inline_keyboard?: Array<Array<{ text?: string }>> } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.text ?? "");
}

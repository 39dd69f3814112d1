import type { Api } from "grammy";
import { BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION } from "../../src/mod.js";

/**
 * Sets what Telegram shows about the bot before anyone writes to it: the description in an empty chat, the short
 * description on its profile. A convenience: a failure is logged, never thrown, so the bot answers regardless.
 */
export async function describeBot(api: Api, log: (line: string) => void = console.error): Promise<void> {
  const results = await Promise.allSettled([
    api.setMyDescription(BOT_DESCRIPTION),
    api.setMyShortDescription(BOT_SHORT_DESCRIPTION),
  ]);
  for (const r of results)
    if (r.status === "rejected")
      log(`telegram: could not set the bot's description: ${(r.reason as Error).message}`);
}

import type { App } from "@slack/bolt";
import type { SeenEvents } from "../seen-events.js";
import type { SlackDeps } from "./deps.js";
import { postAnswer } from "./post-answer.js";

/** Drops Events API redeliveries (same event_id, x-slack-retry-num) so each event is answered once. */
export function registerDedupe(app: App, deps: SlackDeps, seen: SeenEvents): void {
  app.use(async ({ body, context, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === "string" && !seen.firstTime(id)) {
      deps.logger.info(`skipping redelivered event ${id} (retry ${context.retryNum ?? "?"})`);
      return;
    }
    await next();
  });
}

/** Mentions are answered in the mention's thread; DMs in the DM. Bots (this one included) are ignored. */
export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, client }) => {
    if (event.bot_id || event.subtype === "bot_message") return;
    const target = { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    // A mention without a user (posted by a workflow) counts against its channel's limit.
    await postAnswer(client, deps, target, { text: event.text, user: event.user ?? event.channel });
  });
  app.message(async ({ message, client }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if (message.bot_id || message.bot_profile) return;
    const target = { channel: message.channel, threadTs: message.thread_ts };
    await postAnswer(client, deps, target, { text: message.text ?? "", user: message.user });
  });
}

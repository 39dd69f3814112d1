import type { App, RespondFn } from "@slack/bolt";
import { replyFor, type SlackDeps, USAGE } from "./deps.js";
import { handleDigest } from "./digest-command.js";
import { type Request, unescapeSlack } from "./parse-input.js";
import { renderReply } from "./render-blocks.js";

/** Answers a slash command ephemerally through its response_url, with a 分享到频道 button. */
async function respondWith(deps: SlackDeps, respond: RespondFn, req: Request): Promise<void> {
  if (!req.text) {
    await respond({ response_type: "ephemeral", text: USAGE });
    return;
  }
  const reply = replyFor(deps.engine, req);
  const id = deps.cache.put(reply, req.text);
  const msg = renderReply(reply, { id, share: true, perPage: deps.perPage });
  await respond({ response_type: "ephemeral", text: msg.text, blocks: msg.blocks });
}

/** `/policy 问题` answers, `/factcheck 说法` checks, `/digest …` (or `/policy digest …`) manages the daily digest. */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/policy", async ({ command, ack, respond, client }) => {
    await ack();
    const text = unescapeSlack(command.text).trim();
    const digest = /^digest(?:\s+|$)/i.exec(text);
    if (digest) {
      const req = {
        text: text.slice(digest[0].length),
        channelId: command.channel_id,
        userId: command.user_id,
      };
      return handleDigest(deps, client, respond, req);
    }
    await respondWith(deps, respond, { kind: "ask", text });
  });
  app.command("/digest", async ({ command, ack, respond, client }) => {
    await ack();
    const req = {
      text: unescapeSlack(command.text).trim(),
      channelId: command.channel_id,
      userId: command.user_id,
    };
    await handleDigest(deps, client, respond, req);
  });
  app.command("/factcheck", async ({ command, ack, respond }) => {
    await ack();
    await respondWith(deps, respond, { kind: "check", text: unescapeSlack(command.text).trim() });
  });
}

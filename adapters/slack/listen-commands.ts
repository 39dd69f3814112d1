import type { App, RespondFn } from "@slack/bolt";
import { replyFor, type SlackDeps, USAGE } from "./deps.js";
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

/** `/policy 问题` answers a question, `/factcheck 说法` checks a claim; both ack at once and answer after. */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/policy", async ({ command, ack, respond }) => {
    await ack();
    await respondWith(deps, respond, { kind: "ask", text: unescapeSlack(command.text).trim() });
  });
  app.command("/factcheck", async ({ command, ack, respond }) => {
    await ack();
    await respondWith(deps, respond, { kind: "check", text: unescapeSlack(command.text).trim() });
  });
}

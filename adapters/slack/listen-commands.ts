import type { App, RespondFn } from "@slack/bolt";
import { answerInTurn, converseInTurn, type Outcome } from "../../src/mod.js";
import type { SlackDeps } from "./deps.js";
import { handleDigest } from "./digest-command.js";
import { outcomeText } from "./outcome-text.js";
import { unescapeSlack } from "./parse-input.js";
import { renderReply } from "./render-blocks.js";

/** Answers a slash command ephemerally through its response_url, with a 分享到频道 button. */
async function respondWith(deps: SlackDeps, respond: RespondFn, outcome: Outcome) {
  if (outcome.kind !== "reply") {
    await respond({ response_type: "ephemeral", text: outcomeText(outcome) });
    return;
  }
  const id = deps.cache.put(outcome.reply, outcome.asked);
  const msg = renderReply(outcome.reply, { id, share: true, perPage: deps.perPage });
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
    // Read like a message (核实… is a claim); `/policy` alone is an empty question, asked to say what.
    const c = deps.conversation;
    const user = command.user_id;
    await respondWith(
      deps,
      respond,
      await (text ? converseInTurn(c, user, text) : answerInTurn(c, user, { kind: "ask", text })),
    );
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
    const text = unescapeSlack(command.text).trim();
    await respondWith(
      deps,
      respond,
      await answerInTurn(deps.conversation, command.user_id, { kind: "check", text }),
    );
  });
}

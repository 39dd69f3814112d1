import type { webApi } from "@slack/bolt";
import { CHAT_TEXTS, converseInTurn } from "../../src/mod.js";
import type { SlackDeps } from "./deps.js";
import { outcomeText } from "./outcome-text.js";
import { messageText } from "./parse-input.js";
import { renderReply } from "./render-blocks.js";

/** Where an answer goes: a channel, and a thread in it when set. */
export interface Target {
  channel: string;
  threadTs?: string;
}

/** A message to answer: its text as Slack sent it, and who wrote it (the rate limit counts per user). */
export interface Incoming {
  text: string;
  user: string;
}

/** Answers a message (question, claim after 核实/核查/查证, or a refusal) with a chat.postMessage to the target. */
export async function postAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  target: Target,
  message: Incoming,
): Promise<void> {
  const outcome = await converseInTurn(deps.conversation, message.user, messageText(message.text));
  const where = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  // A rate limit is said once a window: a flood of messages gets one refusal, not one each.
  if (outcome.kind === "refused" && outcome.repeated) return;
  if (outcome.kind !== "reply") {
    await client.chat.postMessage({ ...where, text: outcomeText(outcome) });
    return;
  }
  const id = deps.cache.put(outcome.reply, outcome.asked);
  const msg = renderReply(outcome.reply, { id, perPage: deps.perPage });
  await client.chat.postMessage({
    ...where,
    text: msg.text,
    blocks: msg.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}

/** Posts the generic failure notice to a conversation, logging (never throwing) when even that fails. */
export async function postFailure(client: webApi.WebClient, deps: SlackDeps, target: Target, token?: string) {
  try {
    const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
    await client.chat.postMessage({
      ...(token ? { token } : {}),
      channel: target.channel,
      ...thread,
      text: CHAT_TEXTS.failed,
    });
  } catch (e) {
    deps.logger.error(`could not post the failure notice: ${(e as Error).message}`);
  }
}

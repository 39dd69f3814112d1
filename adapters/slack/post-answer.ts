import type { webApi } from "@slack/bolt";
import { FAILED, replyFor, type SlackDeps, USAGE } from "./deps.js";
import { parseRequest, unescapeSlack } from "./parse-input.js";
import { renderReply } from "./render-blocks.js";

/** Where an answer goes: a channel, and a thread in it when set. */
export interface Target {
  channel: string;
  threadTs?: string;
}

/** Answers a message's text (question, or claim after 核实/核查/查证) with a chat.postMessage to the target. */
export async function postAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  target: Target,
  raw: string,
): Promise<void> {
  const req = parseRequest(unescapeSlack(raw));
  const where = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  if (!req.text) {
    await client.chat.postMessage({ ...where, text: USAGE });
    return;
  }
  const reply = replyFor(deps.engine, req);
  const id = deps.cache.put(reply, req.text);
  const msg = renderReply(reply, { id, perPage: deps.perPage });
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
      text: FAILED,
    });
  } catch (e) {
    deps.logger.error(`could not post the failure notice: ${(e as Error).message}`);
  }
}

import type { App, BlockAction, ButtonAction, RespondFn, webApi } from "@slack/bolt";
import { CHAT_TEXTS, feedbackNote } from "../../src/mod.js";
import { votedAnswer } from "../feedback-vote.js";
import type { CachedReply } from "../reply-cache.js";
import type { SlackDeps } from "./deps.js";
import { ACTIONS, renderReply } from "./render-blocks.js";

type Body = BlockAction<ButtonAction>;

/** What a button handler needs: shared deps, the click, a client, respond(), and the cached reply. */
interface ActionCtx {
  deps: SlackDeps;
  body: Body;
  client: webApi.WebClient;
  respond: RespondFn;
  hit: CachedReply;
}

/** Reads a button value `id:offset`; a malformed offset is NaN, which no answer has (已过期, never another answer). */
export function parseValue(value: string | undefined): { id: string; offset: number } {
  const [id = "", offset = "0"] = (value ?? "").split(":");
  return { id, offset: /^\d+$/.test(offset) ? Number(offset) : Number.NaN };
}

function isEphemeral(body: Body): boolean {
  return Boolean(body.container?.is_ephemeral) || !body.message;
}

async function expired(respond: RespondFn): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text: CHAT_TEXTS.expired });
}

/** 更多来源: the next answers, in the message's thread, or ephemerally for an ephemeral reply. */
async function more({ deps, body, client, respond, hit }: ActionCtx) {
  const { id, offset } = parseValue(body.actions[0]?.value);
  const eph = isEphemeral(body);
  const msg = renderReply(hit.reply, { id, offset, share: eph, perPage: deps.perPage });
  if (eph || !body.message || !body.channel) {
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: msg.text,
      blocks: msg.blocks,
    });
    return;
  }
  const thread_ts = (body.message.thread_ts as string | undefined) ?? body.message.ts;
  await client.chat.postMessage({
    channel: body.channel.id,
    thread_ts,
    text: msg.text,
    blocks: msg.blocks,
    unfurl_links: false,
  });
}

/**
 * 👍/👎: records the clicker's vote on the answer the buttons sit under (one per user and answer: a second click on
 * the same answer changes or keeps it; another answer's buttons are another vote) and tells the clicker alone,
 * ephemerally; the message and its buttons stay as they are for everyone else.
 */
async function feedback({ deps, body, respond, hit }: ActionCtx) {
  const action = body.actions[0];
  const rating = action?.action_id === ACTIONS.up ? "up" : "down";
  const { id, offset } = parseValue(action?.value);
  const voted = votedAnswer(hit, id, offset);
  if (!voted) return expired(respond);
  const outcome = await deps.recordFeedback({
    platform: "slack",
    chat: body.channel?.id ?? body.container?.channel_id ?? "",
    user: body.user.id,
    rating,
    at: deps.clock().toISOString(),
    ...voted,
  });
  await respond({ response_type: "ephemeral", replace_original: false, text: feedbackNote(rating, outcome) });
}

/** 分享到频道: posts the ephemeral reply for everyone in the channel, with who asked what, then removes the ephemeral copy. */
async function share({ deps, body, client, respond, hit }: ActionCtx) {
  const { id, offset } = parseValue(body.actions[0]?.value);
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!channel) return expired(respond);
  // Only the asker sees the ephemeral reply, so whoever shares it asked it.
  const msg = renderReply(hit.reply, { id, offset, perPage: deps.perPage, askedBy: body.user.id });
  await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, unfurl_links: false });
  await respond({ delete_original: true });
}
type Handler = typeof more;

/** Registers the reply buttons: each acks at once, looks its reply up in the cache, and answers "expired" when gone. */
export function registerActions(app: App, deps: SlackDeps): void {
  const on = (actionId: string, handler: Handler) =>
    app.action<Body>(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const { id, offset } = parseValue(body.actions[0]?.value);
      const hit = deps.cache.get(id);
      if (!hit || Number.isNaN(offset)) return expired(respond);
      await handler({ deps, body, client, respond, hit });
    });
  on(ACTIONS.more, more);
  on(ACTIONS.up, feedback);
  on(ACTIONS.down, feedback);
  on(ACTIONS.share, share);
}

import { normalizeCardAction } from "@larksuiteoapi/node-sdk";
import { CHAT_TEXTS, feedbackNote } from "../../src/mod.js";
import { votedAnswer } from "../feedback-vote.js";
import type { CachedReply } from "../reply-cache.js";
import { withRetry } from "./api.js";
import { type ButtonValue, renderCard } from "./card.js";
import type { FeishuDeps } from "./deps.js";
import { afterAck } from "./guard.js";

/** What a card action callback answers: a toast shown to the clicker alone. */
type Toast = { toast: { type: "info" | "success" | "warning"; content: string } };

const toast = (content: string, type: Toast["toast"]["type"] = "info"): Toast => ({
  toast: { type, content },
});

/** Reads a button's value; null for anything this bot did not put there (forged, or from an old version). */
export function parseButtonValue(value: unknown): ButtonValue | null {
  const v = (value ?? {}) as Partial<Record<keyof ButtonValue, unknown>>;
  const ok =
    (v.a === "more" || v.a === "up" || v.a === "down") &&
    typeof v.id === "string" &&
    /^[0-9A-Za-z_-]{1,16}$/.test(v.id) &&
    Number.isInteger(v.i) &&
    (v.i as number) >= 0;
  return ok ? (v as ButtonValue) : null;
}

type Clicked = NonNullable<ReturnType<typeof normalizeCardAction>>;

/** 👍/👎: the clicker's vote on the answer the buttons sit under, and a toast saying what became of it. */
async function vote(deps: FeishuDeps, click: Clicked, value: ButtonValue, hit: CachedReply): Promise<Toast> {
  const voted = votedAnswer(hit, value.id, value.i);
  if (!voted) return toast(CHAT_TEXTS.expired, "warning");
  const rating = value.a === "up" ? "up" : "down";
  const outcome = await deps.recordFeedback({
    platform: "feishu",
    chat: click.chatId,
    user: click.operator.openId,
    rating,
    at: deps.clock().toISOString(),
    ...voted,
  });
  return toast(feedbackNote(rating, outcome), outcome === "unavailable" ? "warning" : "success");
}

/**
 * card.action.trigger: 更多来源 answers with the next page as a new card under the clicked one (after the
 * acknowledgement); 👍/👎 are recorded and answered with a toast to the clicker alone; an unknown or expired
 * button gets 已过期. The card itself stays as it is for everyone.
 */
export async function onCardAction(deps: FeishuDeps, data: unknown): Promise<Toast | Record<string, never>> {
  const click = normalizeCardAction(data as Parameters<typeof normalizeCardAction>[0]);
  const value = parseButtonValue(click?.action.value);
  const hit = value ? deps.cache.get(value.id) : undefined;
  // An index outside the reply is forged or foreign: it never shows or rates another answer.
  if (!click || !value || !hit || !votedAnswer(hit, value.id, value.i))
    return toast(CHAT_TEXTS.expired, "warning");
  if (value.a !== "more") return vote(deps, click, value, hit);
  const id = (data as { event_id?: string }).event_id ?? click.messageId;
  if (!deps.seen.firstTime(`more:${id}`)) return {};
  afterAck(deps, id, click.messageId, async () => {
    const { card } = renderCard(hit.reply, { id: value.id, offset: value.i, perPage: deps.perPage });
    await withRetry(() => deps.api.sendCard({ replyTo: click.messageId }, card));
  });
  return {};
}

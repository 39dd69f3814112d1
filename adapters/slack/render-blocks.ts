import { LABELS, moreSourcesFrom, type Reply, relatedBeyond } from "../../src/mod.js";
import { BLOCKS_MAX, type Block, button, context } from "./blocks.js";
import { escapeWithin } from "./escape-within.js";
import {
  answerFallback,
  answerUnits,
  noAnswerUnits,
  noteUnits,
  relatedUnit,
  type Unit,
} from "./render-answer.js";
import { checkFallback, checkHeadUnit, checkUnits } from "./render-check.js";

/** Action ids of the reply buttons. */
export const ACTIONS = {
  more: "policy_more",
  up: "policy_feedback_up",
  down: "policy_feedback_down",
  share: "policy_share",
} as const;

/** How to render one page of a reply. */
export interface RenderOptions {
  /** Reply-cache id carried by the buttons; no buttons without it. */
  id?: string;
  /** Index of the first answer (or checked figure) on this page. */
  offset?: number;
  /** Ephemeral reply: add the 分享到频道 button. */
  share?: boolean;
  /** Shared to a channel: who asked (a Slack user id), shown with the question on top. */
  askedBy?: string;
  /** Units per page (default 3). */
  perPage?: number;
}

/** A rendered message: Block Kit blocks, the plain-text fallback, and where the next page starts. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  nextOffset: number | null;
}

const CHAR_BUDGET = 12_000;
const RESERVED = 3;

/** The units of a page from `offset`: a heading (first page), the body to page through, and what follows. */
function bodyUnits(reply: Reply, offset: number): { head: Unit[]; body: Unit[] } {
  if (reply.kind === "check") return { head: [checkHeadUnit(reply)], body: checkUnits(reply, offset) };
  if (reply.kind === "no-answer") return { head: [], body: noAnswerUnits(reply).slice(offset) };
  return { head: noteUnits(reply), body: answerUnits(reply, offset) };
}

function fits(blocks: Block[], size: number, u: Unit): boolean {
  return blocks.length + u.blocks.length <= BLOCKS_MAX - RESERVED && size + u.size <= CHAR_BUDGET;
}

/** The 相关数字 of a first page showing answers [0, shown): those that repeat none of them. */
function relatedTail(reply: Reply, shown: number): Unit | null {
  if (reply.kind !== "answer") return null;
  return relatedUnit(relatedBeyond(reply.related, reply.answers.slice(0, shown)));
}

/**
 * A 👍/👎 pair under one answer (or checked figure): a vote rates that answer, whichever of the page it is.
 * Null without a reply id (nothing to vote on).
 */
function voteRow(id: string | undefined, index: number): Block | null {
  if (!id) return null;
  const value = `${id}:${index}`;
  return {
    type: "actions",
    block_id: `policy_vote_${index}`,
    elements: [button(ACTIONS.up, "👍", value), button(ACTIONS.down, "👎", value)],
  };
}

/** Whether each answer of the page carries its own 👍/👎 (answers and checked figures do; a no-answer, once). */
function votesPerUnit(reply: Reply): boolean {
  return reply.kind !== "no-answer";
}

function page(reply: Reply, o: RenderOptions): { blocks: Block[]; next: number | null } {
  const offset = o.offset ?? 0;
  const perPage = o.perPage ?? 3;
  const { head, body } = bodyUnits(reply, offset);
  const blocks: Block[] = [];
  let size = 0;
  const add = (u: Unit) => {
    blocks.push(...u.blocks);
    size += u.size;
  };
  if (offset === 0) head.forEach(add);
  else blocks.push(context(`${moreSourcesFrom(offset + 1)}${escapeWithin(question(reply), 300)}`));
  let i = 0;
  while (i < body.length && i < perPage) {
    const vote = votesPerUnit(reply) ? voteRow(o.id, offset + i) : null;
    const u = vote ? withBlock(body[i] as Unit, vote) : (body[i] as Unit);
    if (i > 0 && !fits(blocks, size, u)) break;
    add(u);
    i++;
  }
  const tail = offset === 0 ? relatedTail(reply, i) : null;
  if (tail && fits(blocks, size, tail)) add(tail);
  return { blocks: blocks.slice(0, BLOCKS_MAX - 2), next: i < body.length ? offset + i : null };
}

function withBlock(u: Unit, block: Block): Unit {
  return { ...u, blocks: [...u.blocks, block] };
}

function question(reply: Reply): string {
  return reply.kind === "check" ? reply.claim : reply.question;
}

/** The page's buttons: 更多来源, 👍/👎 for a no-answer (answers carry their own), 分享到频道 on an ephemeral reply. */
function actionRow(reply: Reply, o: RenderOptions, next: number | null): Block[] {
  if (!o.id) return [];
  const offset = o.offset ?? 0;
  const buttons = [];
  if (next !== null) buttons.push(button(ACTIONS.more, LABELS.moreSources, `${o.id}:${next}`));
  if (!votesPerUnit(reply))
    buttons.push(
      button(ACTIONS.up, "👍", `${o.id}:${offset}`),
      button(ACTIONS.down, "👎", `${o.id}:${offset}`),
    );
  if (o.share) buttons.push(button(ACTIONS.share, LABELS.share, `${o.id}:${offset}`, "primary"));
  return buttons.length ? [{ type: "actions", block_id: "policy_actions", elements: buttons }] : [];
}

const USER_ID = /^[UW][A-Z0-9]{1,20}$/;

/** `<@U…> 问：question` (核实：claim) above a shared reply: the channel sees what was asked, and by whom. */
function askedLine(reply: Reply, askedBy: string | undefined): Block[] {
  if (!askedBy) return [];
  // Only a real user id becomes a mention; anything else could not be one, and is left out.
  const who = USER_ID.test(askedBy) ? `<@${askedBy}> ` : "";
  const label = reply.kind === "check" ? LABELS.checkedClaim : LABELS.question;
  return [context(`${who}${label}${escapeWithin(question(reply), 1000)}`)];
}

/** Renders one page of a neutral reply as Block Kit (≤ 50 blocks, sections ≤ 3000 chars) with a text fallback. */
export function renderReply(reply: Reply, o: RenderOptions = {}): SlackMessage {
  const { blocks, next } = page(reply, o);
  const text = reply.kind === "check" ? checkFallback(reply) : answerFallback(reply);
  const asked = (o.offset ?? 0) === 0 ? askedLine(reply, o.askedBy) : [];
  return { text, blocks: [...asked, ...blocks, ...actionRow(reply, o, next)], nextOffset: next };
}

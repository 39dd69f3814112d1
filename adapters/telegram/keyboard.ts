import { InlineKeyboard } from "grammy";
import { LABELS, moreSourcesButton, type Reply } from "../../src/mod.js";

/** What a button press asks for, decoded from its callback data. */
export type ButtonAction =
  | { kind: "page"; id: string; page: number }
  | { kind: "feedback"; id: string; rating: "up" | "down" }
  | { kind: "example"; index: number };

/** Buttons under an answer: 更多来源 while further answers remain, and 👍/👎. */
export function replyKeyboard(id: string, reply: Reply, page: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  const total = reply.kind === "answer" ? reply.answers.length : 0;
  if (page + 1 < total) kb.text(moreSourcesButton(page + 2, total), `m:${id}:${page + 1}`).row();
  else if (total > 1) kb.text(LABELS.backToFirst, `m:${id}:0`).row();
  return kb.text("👍", `f:${id}:u`).text("👎", `f:${id}:d`);
}

/** One button per example question, each asking it when pressed. */
export function examplesKeyboard(examples: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [i, q] of examples.entries()) kb.text(q, `x:${i}`).row();
  return kb;
}

/** Decodes callback data; null for anything this bot did not produce (forged or from an old version). */
export function parseButton(data: string): ButtonAction | null {
  const page = /^m:([0-9A-Za-z_-]{1,12}):(\d{1,3})$/.exec(data);
  if (page?.[1] && page[2]) return { kind: "page", id: page[1], page: Number(page[2]) };
  const fb = /^f:([0-9A-Za-z_-]{1,12}):([ud])$/.exec(data);
  if (fb?.[1]) return { kind: "feedback", id: fb[1], rating: fb[2] === "u" ? "up" : "down" };
  const ex = /^x:(\d{1,2})$/.exec(data);
  if (ex?.[1]) return { kind: "example", index: Number(ex[1]) };
  return null;
}

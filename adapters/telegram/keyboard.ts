import { InlineKeyboard } from "grammy";
import { LABELS, moreSourcesButton, type Reply, ratedAnswer } from "../../src/mod.js";
import { buttonUrl } from "./rich-text.js";

/** What a button press asks for, decoded from its callback data. */
export type ButtonAction =
  | { kind: "page"; id: string; page: number }
  | { kind: "feedback"; id: string; rating: "up" | "down"; page: number }
  | { kind: "example"; question: string };

/** Telegram's limit on a button's callback data, in UTF-8 bytes (a Chinese character takes 3). */
export const CALLBACK_DATA_BYTES = 64;

/**
 * An example button carries its question, not its place in the list: the examples change with the corpus, and a
 * button of an old /start must still ask what its label says. ("x:0" was the index of an older version.)
 */
const EXAMPLE_PREFIX = "q:";

/** Buttons under an answer: 原文 when its source has a web address, 更多来源 while answers remain, and 👍/👎. */
export function replyKeyboard(id: string, reply: Reply, page: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  const url = buttonUrl(ratedAnswer(reply, page).source?.url);
  if (url) kb.url(LABELS.original, url).row();
  const total = reply.kind === "answer" ? reply.answers.length : 0;
  if (page + 1 < total) kb.text(moreSourcesButton(page + 2, total), `m:${id}:${page + 1}`).row();
  else if (total > 1) kb.text(LABELS.backToFirst, `m:${id}:0`).row();
  return kb.text("👍", `f:${id}:u:${page}`).text("👎", `f:${id}:d:${page}`);
}

/**
 * One button per example question, each asking it when pressed. A question too long for callback data (about 20
 * Chinese characters) gets no button: cut, it would ask something else than its label says.
 */
export function examplesKeyboard(examples: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const q of examples) {
    const data = `${EXAMPLE_PREFIX}${q}`;
    if (q && Buffer.byteLength(data) <= CALLBACK_DATA_BYTES) kb.text(q, data).row();
  }
  return kb;
}

/** Decodes callback data; null for anything this bot did not produce (forged or from an old version). */
export function parseButton(data: string): ButtonAction | null {
  const page = /^m:([0-9A-Za-z_-]{1,12}):(\d{1,3})$/.exec(data);
  if (page?.[1] && page[2]) return { kind: "page", id: page[1], page: Number(page[2]) };
  // Buttons of older versions carry no page: they rate the first answer.
  const fb = /^f:([0-9A-Za-z_-]{1,12}):([ud])(?::(\d{1,3}))?$/.exec(data);
  if (fb?.[1])
    return { kind: "feedback", id: fb[1], rating: fb[2] === "u" ? "up" : "down", page: Number(fb[3] ?? 0) };
  const question = data.startsWith(EXAMPLE_PREFIX) ? data.slice(EXAMPLE_PREFIX.length).trim() : "";
  if (question) return { kind: "example", question };
  return null;
}

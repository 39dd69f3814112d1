import type { Reply } from "../../src/mod.js";
import type { MarkdownDialect } from "../markdown/dialect.js";
import { SAFE_URL } from "../markdown/dialect.js";
import { MORE_SOURCES, pageOf } from "../markdown/page.js";
import type { Part } from "../markdown/sections.js";
import { bold, escapeLarkMd } from "./escape-lark-md.js";

/** Feishu's lark_md: entities for markup characters, **bold**, [title](url). */
export const LARK_MD: MarkdownDialect = {
  escape: escapeLarkMd,
  bold,
  link: (title, url) => (url && SAFE_URL.test(url) ? `[${title}](${url})` : title),
};

/** A card as sent in an interactive message's content (card JSON 1.0: config and elements). */
export interface Card {
  config: { wide_screen_mode: boolean; update_multi: boolean };
  elements: unknown[];
}

/** What a button carries back in its card action: the action, the reply-cache id and an answer's index. */
export interface ButtonValue {
  a: "more" | "up" | "down";
  id: string;
  i: number;
}

/** Feishu refuses a card message over 30 KB; the card's JSON is kept under this many UTF-8 bytes. */
export const CARD_MAX_BYTES = 28 * 1024;
/** Characters of markdown a reply page starts with (a Chinese character is 3 bytes: about 15 KB). */
const PAGE_BUDGET = 5000;

function button(label: string, value: ButtonValue, type: "default" | "primary" = "default") {
  return { tag: "button", text: { tag: "plain_text", content: label }, type, value };
}

/** A lark_md block. */
export function div(md: string) {
  return { tag: "div", text: { tag: "lark_md", content: md } };
}

/** Smaller grey lark_md text (a source line). */
export function note(md: string) {
  return { tag: "note", elements: [{ tag: "lark_md", content: md }] };
}

/** A card around elements. */
export function card(elements: unknown[]): Card {
  return { config: { wide_screen_mode: true, update_multi: true }, elements };
}

function element(part: Part, id: string | undefined): unknown[] {
  if (part.kind === "text") return [div(part.md)];
  if (part.kind === "note") return [note(part.md)];
  if (!id) return [];
  return [
    {
      tag: "action",
      actions: [button("👍", { a: "up", id, i: part.index }), button("👎", { a: "down", id, i: part.index })],
    },
  ];
}

/** How to render one page of a reply as a card. */
export interface CardOptions {
  /** Reply-cache id the buttons carry; no buttons without it. */
  id?: string;
  offset?: number;
  perPage?: number;
  /** The card's size limit in UTF-8 bytes of JSON (CARD_MAX_BYTES). */
  maxBytes?: number;
}

/** The UTF-8 size of a card as sent. */
export function cardBytes(c: Card): number {
  return Buffer.byteLength(JSON.stringify(c));
}

/**
 * One page of a reply as an interactive card: figure in bold, the sentence with its figure highlighted, its
 * sources as a note, 👍/👎 under each answer, 更多来源 while answers remain; within Feishu's 30 KB.
 */
export function renderCard(reply: Reply, o: CardOptions = {}): { card: Card; next: number | null } {
  let budget = PAGE_BUDGET;
  for (;;) {
    const page = pageOf(LARK_MD, reply, { offset: o.offset ?? 0, perPage: o.perPage ?? 3, budget });
    const elements = page.parts.flatMap((p) => element(p, o.id));
    if (page.next !== null && o.id)
      elements.push({
        tag: "action",
        actions: [button(MORE_SOURCES, { a: "more", id: o.id, i: page.next })],
      });
    const c = card(elements);
    if (cardBytes(c) <= (o.maxBytes ?? CARD_MAX_BYTES) || budget < 200) return { card: c, next: page.next };
    budget = Math.floor(budget / 2);
  }
}

/** A short notice (help, a refusal, the apology) as a card: its text escaped, so an echoed command is inert. */
export function noticeCard(text: string): Card {
  return card([div(escapeLarkMd(text))]);
}

import { LABELS, moreSourcesFrom, type Reply, relatedBeyond } from "../../src/mod.js";
import { checkHeadUnit, checkUnits } from "./check-sections.js";
import { clipMarkup } from "./clip-markup.js";
import { escapeWithin, type MarkdownDialect } from "./dialect.js";
import { answerUnits, noAnswerUnit, noteUnits, type Part, relatedUnit, type Unit, unit } from "./sections.js";

/** How to cut one page of a reply. */
export interface PageOptions {
  /** Index of the first answer (or checked figure) on this page. */
  offset?: number;
  /** Answers per page (default 3). */
  perPage?: number;
  /** Characters of markdown a page may hold: the platform's message limit, less room for its frame. */
  budget: number;
}

/** One page: its parts in order, and where the next page starts (null on the last). */
export interface Page {
  parts: Part[];
  next: number | null;
}

function question(reply: Reply): string {
  return reply.kind === "check" ? reply.claim : reply.question;
}

/** The units of a page from `offset`: a heading (first page), and the body to page through. */
function bodyUnits(d: MarkdownDialect, reply: Reply, offset: number): { head: Unit[]; body: Unit[] } {
  if (reply.kind === "check") return { head: [checkHeadUnit(d, reply)], body: checkUnits(d, reply, offset) };
  if (reply.kind === "no-answer") return { head: [], body: offset === 0 ? [noAnswerUnit(d, reply)] : [] };
  return { head: noteUnits(d, reply), body: answerUnits(d, reply, offset) };
}

/** A unit cut to `room` characters as a last resort (an answer alone larger than a whole message). */
function clip(u: Unit, room: number): Unit {
  let left = room;
  const parts = u.parts.flatMap((p): Part[] => {
    if (p.kind === "votes") return [p];
    if (left <= 0) return [];
    const md = clipMarkup(p.md, left);
    left -= md.length;
    return [{ ...p, md }];
  });
  return unit(parts);
}

/**
 * One page of a reply within the platform's budget: the heading (or, on a later page, which answers these
 * are), up to `perPage` answers each followed by its 👍/👎 place, and on the first page 相关数字 when it fits.
 * At least one answer is always shown, clipped if it alone is over the budget.
 */
export function pageOf(d: MarkdownDialect, reply: Reply, o: PageOptions): Page {
  const offset = o.offset ?? 0;
  const perPage = o.perPage ?? 3;
  const { head, body } = bodyUnits(d, reply, offset);
  const units: Unit[] =
    offset === 0
      ? [...head]
      : [
          unit([
            { kind: "note", md: `${moreSourcesFrom(offset + 1)}${escapeWithin(d, question(reply), 300)}` },
          ]),
        ];
  let size = units.reduce((n, u) => n + u.size, 0);
  let i = 0;
  while (i < body.length && i < perPage) {
    const votes: Part[] = reply.kind === "no-answer" ? [] : [{ kind: "votes", index: offset + i }];
    const u = unit([...(body[i] as Unit).parts, ...votes]);
    if (i > 0 && size + u.size > o.budget) break;
    const fitted = size + u.size > o.budget ? clip(u, o.budget - size) : u;
    units.push(fitted);
    size += fitted.size;
    i++;
  }
  if (offset === 0 && reply.kind === "answer") {
    const related = relatedUnit(d, relatedBeyond(reply.related, reply.answers.slice(0, i)));
    if (related && size + related.size <= o.budget) units.push(related);
  }
  if (reply.kind === "no-answer") units.push(unit([{ kind: "votes", index: 0 }]));
  return { parts: units.flatMap((u) => u.parts), next: i < body.length ? offset + i : null };
}

/** The label of the 更多来源 button (or link): the same word on every platform. */
export const MORE_SOURCES = LABELS.moreSources;

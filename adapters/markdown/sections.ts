import {
  type AnswerItem,
  type AnswerReply,
  answerNoteText,
  answerNumber,
  type Citation,
  citationParts,
  citationTail,
  LABELS,
  moreCitations,
  type NoAnswerReply,
  noAnswerSentence,
  passageTracker,
  type Quote,
  type RelatedFigure,
  type ShownPassage,
} from "../../src/mod.js";
import { cutAtSentence } from "../cut-text.js";
import { escapeWithin, type MarkdownDialect } from "./dialect.js";

/**
 * One piece of a rendered reply: markdown text, a smaller source line under it, or the place of a 👍/👎 pair for
 * the answer at `index` (platforms without buttons leave it out).
 */
export type Part =
  | { kind: "text"; md: string }
  | { kind: "note"; md: string }
  | { kind: "votes"; index: number };

/** The parts shown together (one answer, one checked figure); pages are cut between units. */
export interface Unit {
  parts: Part[];
  /** Characters of markdown, for the platform's size limit. */
  size: number;
}

const QUOTE_MAX = 1200;
const MAX_CITES = 5;

/** Builds a unit, measuring its markdown. */
export function unit(parts: Part[]): Unit {
  return { parts, size: parts.reduce((n, p) => n + (p.kind === "votes" ? 0 : p.md.length), 0) };
}

/** The quoted sentence, escaped, its figure in bold, cut at a sentence end so that the result fits in `max`. */
export function quoteMd(d: MarkdownDialect, q: Quote, max = QUOTE_MAX): string {
  let limit = max;
  for (;;) {
    const out = highlighted(d, q, cutAtSentence(q.text, limit));
    if (out.length <= max || limit <= 1) return out;
    limit = Math.max(1, Math.floor((limit * max) / out.length) - 8);
  }
}

function highlighted(d: MarkdownDialect, q: Quote, text: string): string {
  let out = "";
  let at = 0;
  for (const [s, e] of q.highlights) {
    if (s < at || e > text.length) continue;
    out += d.escape(text.slice(at, s)) + d.bold(d.escape(text.slice(s, e)));
    at = e;
  }
  return out + d.escape(text.slice(at));
}

/** 《title》 publisher date · 第N段, escaped; the title links to the source when its URL is safe. */
export function citationMd(
  d: MarkdownDialect,
  c: Citation,
  paragraph: number | undefined = c.paragraph,
): string {
  const parts = citationParts(c, paragraph);
  return d.link(d.escape(parts.title), c.url) + d.escape(citationTail(parts));
}

/** The source line of a passage's sources not cited above; none when every one was. */
export function sourcesNote(d: MarkdownDialect, shown: ShownPassage): Part[] {
  if (!shown.sources.length) return [];
  const cites = shown.sources.slice(0, MAX_CITES).map((c) => citationMd(d, c));
  if (shown.sources.length > MAX_CITES) cites.push(moreCitations(shown.sources.length));
  return [{ kind: "note", md: `${LABELS.source}${cites.join("；")}` }];
}

/** One answer: the figure in bold, the sentence, then its sources. */
function answerUnit(d: MarkdownDialect, a: AnswerItem, n: number, shown: ShownPassage): Unit {
  const head = a.figure ? d.bold(d.escape(a.figure.text)) : answerNumber(n);
  const above = shown.citedAbove ? LABELS.citedAbove : "";
  const text = `${n > 1 ? `${n}. ` : ""}${head}${above}\n${quoteMd(d, a.quote)}`;
  return unit([{ kind: "text", md: text }, ...sourcesNote(d, shown)]);
}

/** The answer units from `offset`, best first; a source is cited once a page. */
export function answerUnits(d: MarkdownDialect, r: AnswerReply, offset: number): Unit[] {
  const track = passageTracker();
  return r.answers.slice(offset).map((a, i) => answerUnit(d, a, offset + i + 1, track(a.quote, a.sources)));
}

/** The 相关数字 list: other figures of the same indicator, each with its source. */
export function relatedUnit(d: MarkdownDialect, related: RelatedFigure[]): Unit | null {
  if (!related.length) return null;
  const lines = related
    .slice(0, 10)
    .map((r) => `• ${escapeWithin(d, r.label, 300)} — ${citationMd(d, r.source)}`);
  return unit([{ kind: "text", md: `${d.bold(LABELS.related)}\n${lines.join("\n")}` }]);
}

/** Bullet list of suggestions under a heading. */
export function suggestionText(d: MarkdownDialect, heading: string, items: string[]): string {
  const lines = items.slice(0, 10).map((s) => `• ${escapeWithin(d, s, 250)}`);
  return lines.length ? `\n${heading}\n${lines.join("\n")}` : "";
}

/** The no-answer reply: why, nearby topics the corpus covers, and example questions it answers. */
export function noAnswerUnit(d: MarkdownDialect, r: NoAnswerReply): Unit {
  const why = escapeWithin(d, noAnswerSentence(r.reason), 520);
  const nearby = suggestionText(d, LABELS.nearby, r.suggestions);
  const md = `${why}${nearby}${suggestionText(d, LABELS.examples, r.examples)}`;
  return unit([{ kind: "text", md }]);
}

/** The note above the answers (a stock asked, only an increase stated), or nothing. */
export function noteUnits(d: MarkdownDialect, r: AnswerReply): Unit[] {
  return r.note ? [unit([{ kind: "text", md: escapeWithin(d, answerNoteText(r.note), 300) }])] : [];
}

import {
  type AnswerItem,
  type AnswerReply,
  answerNoteText,
  answerNumber,
  LABELS,
  moreCitations,
  type NoAnswerReply,
  noAnswerSentence,
  passageTracker,
  type RelatedFigure,
  type ShownPassage,
} from "../../src/mod.js";
import { type Block, context, SECTION_MAX, section } from "./blocks.js";
import { blockQuote, bold, escapeMrkdwn } from "./escape-mrkdwn.js";
import { escapeWithin } from "./escape-within.js";
import { citationMrkdwn, citationPlain, quoteMrkdwn } from "./render-parts.js";

/** A group of blocks shown together (one answer, one checked figure); pages are cut between units. */
export interface Unit {
  blocks: Block[];
  size: number;
}

const QUOTE_MAX = 2400;
const MAX_CITES = 5;

/** Builds a unit, measuring its characters. */
export function unit(blocks: Block[]): Unit {
  return { blocks, size: JSON.stringify(blocks).length };
}

/** The context line citing a passage's sources not cited above; none when every one was. */
export function sourcesContext(shown: ShownPassage): Block[] {
  if (!shown.sources.length) return [];
  const cites = shown.sources.slice(0, MAX_CITES).map(citationMrkdwn);
  if (shown.sources.length > MAX_CITES) cites.push(moreCitations(shown.sources.length));
  return [context(`${LABELS.source}${cites.join("；")}`)];
}

/** One answer: the figure in bold, the sentence as a quote, then a context line with its sources. */
export function answerUnit(a: AnswerItem, n: number, shown: ShownPassage): Unit {
  const head = a.figure ? bold(escapeMrkdwn(a.figure.text)) : answerNumber(n);
  const above = shown.citedAbove ? LABELS.citedAbove : "";
  const text = `${n > 1 ? `${n}. ` : ""}${head}${above}\n${blockQuote(quoteMrkdwn(a.quote, QUOTE_MAX))}`;
  return unit([section(text), ...sourcesContext(shown)]);
}

/** The 相关数字 list: other figures of the same indicator, each with its source. */
export function relatedUnit(related: RelatedFigure[]): Unit | null {
  if (!related.length) return null;
  const lines: string[] = [];
  let size = 10;
  for (const r of related.slice(0, 10)) {
    const line = `• ${escapeWithin(r.label, 300)} — ${citationMrkdwn(r.source)}`;
    if (size + line.length + 1 > SECTION_MAX) break;
    lines.push(line);
    size += line.length + 1;
  }
  return unit([section(`*${LABELS.related}*\n${lines.join("\n")}`)]);
}

/** Bullet list of suggestions under a heading, within one section. */
export function suggestionText(heading: string, items: string[]): string {
  const lines = items.slice(0, 10).map((s) => `• ${escapeWithin(s, 250)}`);
  return lines.length ? `\n${heading}\n${lines.join("\n")}` : "";
}

/** The no-answer reply: why, nearby topics the corpus covers, and example questions it answers. */
export function noAnswerUnits(r: NoAnswerReply): Unit[] {
  const why = escapeWithin(noAnswerSentence(r.reason), 520);
  const nearby = suggestionText(LABELS.nearby, r.suggestions);
  return [unit([section(`${why}${nearby}${suggestionText(LABELS.examples, r.examples)}`)])];
}

/** The note above the answers (a stock asked, only an increase stated), or nothing. */
export function noteUnits(r: AnswerReply): Unit[] {
  return r.note ? [unit([section(escapeWithin(answerNoteText(r.note), 300))])] : [];
}

/** The answer units of a page starting at `offset`, best first; a source is cited once a page. */
export function answerUnits(r: AnswerReply, offset: number): Unit[] {
  const track = passageTracker();
  return r.answers.slice(offset).map((a, i) => answerUnit(a, offset + i + 1, track(a.quote, a.sources)));
}

/** Plain-text fallback for notifications: the best answer's figure, sentence and source. */
export function answerFallback(r: AnswerReply | NoAnswerReply): string {
  if (r.kind === "no-answer") return escapeWithin(noAnswerSentence(r.reason), 520);
  const a = r.answers[0];
  if (!a) return LABELS.noAnswer;
  const note = r.note ? escapeWithin(answerNoteText(r.note), 300) : "";
  const fig = a.figure ? `${escapeMrkdwn(a.figure.text)}：` : "";
  const src = a.sources[0] ? ` —${citationPlain(a.sources[0])}` : "";
  return `${note}${fig}${escapeWithin(a.quote.text, 1500)}${src}`;
}

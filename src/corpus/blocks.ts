import { HEADING_MAX_CHARS, TITLE_AFTER_SEPARATOR_MAX_CHARS } from "../lexicon/headline-cues.js";
import {
  CLOSERS,
  COLONS,
  COMMAS,
  CONTINUATION_START,
  charClass,
  INNER_SENTENCE_END,
  LINE_END,
  OPEN_LINE_END,
  TABLE_CELL_MARK,
} from "../lexicon/punctuation.js";
import { spansWord } from "../text/segment.js";
import { classifyLine, type LineKind } from "./classify-line.js";
import { findDateIn } from "./extract-date.js";
import { concatMapped, type Line, type MappedText, splitLines } from "./lines.js";

/** A paragraph or headline line, rebuilt from lines that PDF or page layout broke. */
export interface Block {
  text: MappedText;
  /** The source lines with runs of whitespace collapsed to one space: how a headline reads. */
  raw: string;
  /** Blank lines before the block in the source (2+ separate articles on some pages). */
  blankBefore: number;
  heading: boolean;
}

/** The document as a stream: blocks of text and the page furniture between them that matters for layout. */
export type LayoutItem =
  | { type: "block"; block: Block }
  | { type: "separator" }
  | { type: "source"; publisher: string }
  | { type: "byline"; publisher: string | null };

/** What the page furniture said about the document as a whole. */
export interface PageInfo {
  date: string | null;
  url: string | null;
  publisher: string | null;
}

const TERMINAL_END = new RegExp(`${charClass(LINE_END)}${charClass(CLOSERS)}*$`);
const OPEN_END = new RegExp(`${charClass(OPEN_LINE_END)}$`);
const COLON_END = new RegExp(`${charClass(COLONS)}$`);
const CONTINUES = new RegExp(`^${charClass(CONTINUATION_START)}`);
const INNER_STOP = new RegExp(charClass(INNER_SENTENCE_END));
const COMMA = new RegExp(charClass(COMMAS));

/** Splits decoded text into blocks (joined paragraphs and headings) and layout markers, plus page info. */
export function buildLayout(original: string): { items: LayoutItem[]; info: PageInfo } {
  const lines = splitLines(original);
  const info: PageInfo = { date: null, url: null, publisher: null };
  const items: LayoutItem[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length > 0) items.push({ type: "block", block: toBlock(current) });
    current = [];
  };
  const kinds = resolveNeighbours(
    lines,
    lines.map((l) => classifyLine(l.raw)),
  );
  lines.forEach((line, i) => {
    const kind = kinds[i] as LineKind;
    if (kind.kind === "text") {
      const prev = current[current.length - 1];
      if (prev && !shouldJoin(prev, line, lines, i)) flush();
      current.push(line);
      return;
    }
    if (kind.kind === "drop") return;
    flush();
    recordInfo(kind, info, items);
  });
  flush();
  return { items, info };
}

/** A short line that is not a sentence: a breadcrumb item or a label's value. */
function isShortItem(line: Line | undefined, kind: LineKind | undefined, max: number): boolean {
  return (
    !!line &&
    kind?.kind === "text" &&
    line.body.text.length <= max &&
    !/[。；;，,！？!?]/.test(line.body.text)
  );
}

/** Longest breadcrumb item ("政府信息公开") and longest value of a label line on its own ("陕西省人民政府"). */
const CRUMB_ITEM_MAX = 16;
const LABEL_VALUE_MAX = 30;

/**
 * Lines that are furniture because of their neighbours: the items around a breadcrumb separator
 * ("首页 / > / 政府信息公开 / > / 政府工作报告"), with a repeat of the last one, and the value of a label that
 * stands on the next line ("来源：" then "陕西省人民政府": the publisher).
 */
function resolveNeighbours(lines: Line[], kinds: LineKind[]): LineKind[] {
  const out = [...kinds];
  for (let i = 0; i < lines.length; i++) {
    const k = out[i];
    if (k?.kind === "crumb") {
      if (isShortItem(lines[i - 1], out[i - 1], CRUMB_ITEM_MAX))
        out[i - 1] = { kind: "drop", rule: "breadcrumb-item" };
      let j = i + 1;
      if (isShortItem(lines[j], out[j], CRUMB_ITEM_MAX)) {
        const item = lines[j]?.body.text;
        out[j] = { kind: "drop", rule: "breadcrumb-item" };
        while (lines[j + 1]?.body.text === item) out[++j] = { kind: "drop", rule: "breadcrumb-item" };
      }
    } else if (k?.kind === "label" && isShortItem(lines[i + 1], out[i + 1], LABEL_VALUE_MAX)) {
      out[i] = labelValue(k.label, lines[i + 1]?.raw ?? "");
      out[i + 1] = { kind: "drop", rule: "label-value" };
    }
  }
  return out;
}

/** What a label and its value on the next line tell: a publisher, a date, or nothing worth keeping. */
function labelValue(label: string, value: string): LineKind {
  if (/来源/.test(label)) return { kind: "siteinfo", url: null, date: null, publisher: value.trim() };
  if (/时间|日期/.test(label))
    return { kind: "siteinfo", url: null, date: findDateIn(value), publisher: null };
  return { kind: "drop", rule: "label" };
}

function recordInfo(kind: LineKind, info: PageInfo, items: LayoutItem[]): void {
  if (kind.kind === "timestamp") {
    info.date ??= kind.date;
    items.push({ type: "separator" });
  } else if (kind.kind === "siteinfo") {
    info.url ??= kind.url;
    info.date ??= kind.date;
    info.publisher ??= kind.publisher;
  } else if (kind.kind === "separator") items.push({ type: "separator" });
  else if (kind.kind === "source") items.push({ type: "source", publisher: kind.publisher });
  else if (kind.kind === "byline") items.push({ type: "byline", publisher: kind.publisher });
}

function toBlock(lines: Line[]): Block {
  const text = concatMapped(lines.map((l) => l.body));
  const first = lines[0] as Line;
  const raw = lines.map((l) => l.raw.replace(/[\s\u3000]+/g, " ")).join("");
  return { text, raw, blankBefore: first.blankBefore, heading: isHeading(text.text) };
}

/** A headline or section heading: short, no sentence inside, not ending a sentence, not a table row. */
export function isHeading(text: string): boolean {
  if (TERMINAL_END.test(text) || INNER_STOP.test(text.slice(0, -1)) || text.includes(TABLE_CELL_MARK))
    return false;
  return text.length <= HEADING_MAX_CHARS;
}

/** A short line right after a page separator that does not end a sentence: the next article's headline. */
export function looksLikeTitle(text: string): boolean {
  return (
    !TERMINAL_END.test(text) &&
    !text.includes(TABLE_CELL_MARK) &&
    text.length <= TITLE_AFTER_SEPARATOR_MAX_CHARS
  );
}

/** Whether `next` continues the sentence that `prev` broke off (PDF wrapping, page layout). */
function shouldJoin(prev: Line, next: Line, lines: Line[], index: number): boolean {
  const a = prev.body.text;
  const b = next.body.text;
  if (TERMINAL_END.test(a)) return false;
  if (COLON_END.test(a)) return prev.width > 40;
  if (OPEN_END.test(a) || CONTINUES.test(b)) return true;
  if (INNER_STOP.test(a)) return true;
  if (isWrapped(prev, lines, index)) return true;
  return COMMA.test(a) && spansWord(a, b);
}

/** A line as wide as its neighbours in a text laid out at a fixed width (PDF extraction). */
function isWrapped(prev: Line, lines: Line[], index: number): boolean {
  if (prev.width < 56) return false;
  const neighbours = [lines[index - 2], lines[index], lines[index + 1]].filter((l): l is Line => !!l);
  return neighbours.some((l) => Math.abs(l.width - prev.width) <= 6);
}

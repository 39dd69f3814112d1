import {
  BYLINE_LINE,
  FURNITURE_MAX_CHARS,
  FURNITURE_RULES,
  type FurnitureRule,
  type LineForm,
  SOURCE_IN_LINE,
  TIMESTAMP_LINE,
  URL_IN_LINE,
} from "../lexicon/furniture.js";
import { normalizeQuery } from "../text/script.js";
import { findDateIn } from "./extract-date.js";

/**
 * What a line is, before paragraphs are built: text to keep, or one of the kinds of page furniture that
 * are dropped (and some of which tell us about the document or mark where an article ends).
 */
export type LineKind =
  | { kind: "text" }
  | { kind: "drop"; rule: string }
  | { kind: "separator" }
  | { kind: "source"; publisher: string }
  | { kind: "byline"; publisher: string | null }
  | { kind: "siteinfo"; url: string | null; date: string | null; publisher: string | null }
  | { kind: "timestamp"; date: string }
  | { kind: "crumb" }
  | { kind: "label"; label: string };

/** The line in the form a rule is tested on, computed once per line. */
function formsOf(raw: string): (form: LineForm) => string {
  const cache = new Map<LineForm, string>();
  const make = (form: LineForm): string => {
    if (form === "norm") return normalizeQuery(raw);
    if (form === "compact") return raw.replace(/\s+/g, "");
    if (form === "parens") return raw.replace(/[（）]/g, (c) => (c === "（" ? "(" : ")"));
    return raw;
  };
  return (form) => {
    let s = cache.get(form);
    if (s === undefined) {
      s = make(form);
      cache.set(form, s);
    }
    return s;
  };
}

function applies(rule: FurnitureRule, line: string): boolean {
  if (rule.maxChars !== undefined && line.length > rule.maxChars) return false;
  if (rule.notInSentence && /[。，,]/.test(line)) return false;
  return typeof rule.matches === "function" ? rule.matches(line) : rule.matches.test(line);
}

/** Classifies one trimmed line of a document by the furniture rules (src/lexicon/furniture.ts). */
export function classifyLine(raw: string): LineKind {
  if (raw.length > FURNITURE_MAX_CHARS) return { kind: "text" };
  const form = formsOf(raw);
  const rule = FURNITURE_RULES.find((r) => applies(r, form(r.form)));
  if (!rule) return { kind: "text" };
  switch (rule.kind) {
    case "drop":
      return { kind: "drop", rule: rule.name };
    case "separator":
      return { kind: "separator" };
    case "timestamp": {
      const ts = TIMESTAMP_LINE.exec(raw) as RegExpExecArray;
      return { kind: "timestamp", date: `${ts[1]}-${ts[2]}-${ts[3]}` };
    }
    case "siteinfo":
      return {
        kind: "siteinfo",
        url: URL_IN_LINE.exec(raw)?.[0] ?? null,
        date: findDateIn(raw),
        publisher: SOURCE_IN_LINE.exec(raw)?.[1] ?? null,
      };
    case "source":
      return { kind: "source", publisher: SOURCE_IN_LINE.exec(form("compact"))?.[1] ?? "" };
    case "byline":
      return { kind: "byline", publisher: bylinePublisher(BYLINE_LINE.exec(raw)?.[1] ?? "") };
    case "crumb":
      return { kind: "crumb" };
    case "label":
      return { kind: "label", label: form("norm").replace(/[^\p{Script=Han}]/gu, "") };
  }
}

/** "重庆日报记者" -> 重庆日报; "本报记者" -> null (the paper is named elsewhere). */
function bylinePublisher(prefix: string): string | null {
  const p = prefix.replace(/^[□■◇\s]+/, "").replace(/(首席|特约|见习)$/, "");
  if (p === "" || p === "本报" || p.length < 2) return null;
  return p;
}

import { readdirSync, readFileSync } from "node:fs";

/**
 * The documents the lexicon tests quote: the seeds by number ("000"…"004") and the 2026 provincial government
 * work reports by province code ("ah", "zj"…, tests/fixtures/gov-reports-2026).
 */
export type DocCode = "000" | "001" | "002" | "003" | "004" | ReportCode;
type ReportCode = "ah" | "fj" | "gd" | "gz" | "ha" | "hb" | "hn" | "js" | "sd" | "sn" | "yn" | "zj";

const SEEDS = new URL("../../seeds/", import.meta.url);
const REPORTS = new URL("../fixtures/gov-reports-2026/", import.meta.url);
const texts = new Map<DocCode, string>();

function documentText(doc: DocCode): string {
  let text = texts.get(doc);
  if (text === undefined) {
    const url = /^\d+$/.test(doc)
      ? new URL(readdirSync(SEEDS).find((f) => f.startsWith(`${doc}_`)) ?? doc, SEEDS)
      : new URL(`${doc}_gwr2026.txt`, REPORTS);
    text = readFileSync(url, "utf8").replace(/\s+/g, "");
    texts.set(doc, text);
  }
  return text;
}

/**
 * A line (or a verbatim fragment of one) of a real document, returned as written; throws when the document
 * does not hold it (whitespace aside: PDF text breaks lines and pads figures with spaces).
 */
export function quote(doc: DocCode, line: string): string {
  if (!documentText(doc).includes(line.replace(/\s+/g, ""))) throw new Error(`${doc} does not hold: ${line}`);
  return line;
}

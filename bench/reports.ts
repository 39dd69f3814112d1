import { existsSync } from "node:fs";
import { AppError, type Engine } from "../src/mod.js";
import { loadAskCases } from "./cases.js";
import { peers } from "./compare.js";
import { type Quality, scoreQuality } from "./quality.js";
import { askAll, benchPassages, createEngineWith, replyTexts } from "./this-project.js";

/** The ask cases over real documents (../shared/eval/reports-dev.md); check cases are not for peers. */
export const REPORTS_CASES = "../shared/eval/reports-dev.jsonl";

/** The twelve 2026 provincial reports: the repository's fixture copy first, else the shared corpus (same files). */
export const REPORTS_CORPORA = ["tests/fixtures/gov-reports-2026", "../shared/corpora/gov-reports-2026"];

/**
 * "Today" for the reports' questions: a day of 2026, the year the reports were delivered, so 去年 = 2025 and
 * 今年 = 2026 as reports-dev.md reads them. The engine reads only the year (China time) of its clock; qa-score's
 * CLI run reads the system clock, so the two agree while the system clock is in 2026.
 */
export const REPORTS_TODAY = new Date("2026-06-30T12:00:00+08:00");

/** One engine's row of the real-document table. */
export interface ReportsRow extends Quality {
  name: string;
  /** Whether the engine highlights a figure (only this project; peers return passages). */
  figures: boolean;
}

/** The real-document comparison, or why it was not run. */
export type ReportsOutcome =
  | {
      kind: "scored";
      corpusDir: string;
      casesFile: string;
      passages: number;
      today: Date;
      rows: ReportsRow[];
    }
  | { kind: "skipped"; reason: string };

/** Where to find the set; the defaults are the shared question file and the corpora above. */
export interface ReportsSource {
  casesFile?: string;
  corpusDirs?: string[];
  today?: Date;
}

/** Scores this project (engine in-process, injected clock) and every peer on the reports' passages and ask cases. */
export async function compareOnReports(source: ReportsSource = {}): Promise<ReportsOutcome> {
  const casesFile = source.casesFile ?? REPORTS_CASES;
  const dirs = source.corpusDirs ?? REPORTS_CORPORA;
  const today = source.today ?? REPORTS_TODAY;
  if (!existsSync(casesFile))
    return { kind: "skipped", reason: `${casesFile} not found (no ../shared here)` };
  const corpusDir = dirs.find((d) => existsSync(d));
  if (!corpusDir) return { kind: "skipped", reason: `no reports corpus (looked in ${dirs.join(", ")})` };
  const cases = loadAskCases([casesFile]);
  let engine: Engine;
  try {
    engine = await createEngineWith({ corpusDir, clock: () => today });
  } catch (e) {
    if (e instanceof AppError) return { kind: "skipped", reason: `${corpusDir}: ${e.message}` };
    throw e;
  }
  const replies = await askAll(
    engine,
    cases.map((c) => c.q),
  );
  const rows: ReportsRow[] = [
    { name: "this project", figures: true, ...scoreQuality(cases, (q) => replyTexts(replies.get(q))) },
  ];
  const passages = benchPassages(engine);
  for (const peer of peers()) {
    await peer.build(passages);
    rows.push({ name: peer.name, figures: false, ...scoreQuality(cases, (q) => peer.search(q, 3)) });
  }
  return { kind: "scored", corpusDir, casesFile, passages: passages.length, today, rows };
}

import { existsSync, readFileSync } from "node:fs";

/** One `ask` case of a question set (tests/golden/ask.jsonl, ../shared/eval/dev.jsonl). */
export interface AskCase {
  id: string;
  q: string;
  docs?: string[];
  any?: string[];
  noAnswer?: boolean;
}

/** The question sets the bench uses: the golden set, plus the shared dev set when it is present. */
export const CASE_FILES = ["tests/golden/ask.jsonl", "../shared/eval/dev.jsonl"];

/** Reads the `ask` cases of every present case file, in file order. */
export function loadAskCases(files: string[] = CASE_FILES): AskCase[] {
  return files
    .filter((f) => existsSync(f))
    .flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as AskCase & { type: string })
        .filter((c) => c.type === "ask"),
    );
}

/** The case files that were found (for the printout). */
export function presentCaseFiles(files: string[] = CASE_FILES): string[] {
  return files.filter((f) => existsSync(f));
}

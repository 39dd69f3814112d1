import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** A 👍/👎 on an answer, from a chat platform. */
export interface FeedbackRecord {
  platform: "telegram" | "slack" | "console";
  chat: string;
  user: string;
  question: string;
  rating: "up" | "down";
  /** ISO time, from the caller's clock. */
  at: string;
}

/** Appends feedback as one JSON line (a single append: a crash never leaves a half-written record mid-file). */
export function recordFeedback(file: string, record: FeedbackRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(record)}\n`, "utf8");
}

import type { Database } from "better-sqlite3";

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

/** Answer feedback, one row per rating. */
export interface FeedbackRepo {
  record(r: FeedbackRecord): void;
  /** Every rating, oldest first. */
  all(): FeedbackRecord[];
}

/** The feedback table. */
export function feedbackRepo(db: Database): FeedbackRepo {
  const insert = db.prepare(
    "INSERT INTO feedback (platform, chat, user, question, rating, at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const all = db.prepare("SELECT platform, chat, user, question, rating, at FROM feedback ORDER BY id");
  return {
    record: (r) => void insert.run(r.platform, r.chat, r.user, r.question, r.rating, r.at),
    all: () => all.all() as FeedbackRecord[],
  };
}
